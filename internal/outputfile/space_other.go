//go:build !linux

package outputfile

// reserveSpace makes room for size bytes in w's file, a new empty one,
// by writing them (writeZeros): the one way every system has. Linux
// allocates them unwritten (fallocate).
func reserveSpace(w gatedWriter, size int64) error { return writeZeros(w, size) }
