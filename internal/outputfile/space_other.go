//go:build !linux

package outputfile

import "os"

// reserveSpace makes room for size bytes in f, a new empty file, by
// writing them (writeZeros): the one way every system has. Linux
// allocates them unwritten (fallocate).
func reserveSpace(f *os.File, size int64) error { return writeZeros(f, size) }
