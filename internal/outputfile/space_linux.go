//go:build linux

package outputfile

import (
	"errors"
	"os"
	"syscall"
)

// reserveSpace has the file system allocate size bytes of w's file, a
// new empty one, unwritten (fallocate), a step through its gate: at
// once, whatever the size, and refused with ENOSPC where they are not
// free. Where the file system has no fallocate (EOPNOTSUPP: some FUSE
// and network file systems), the bytes are written instead (writeZeros).
func reserveSpace(w gatedWriter, size int64) error {
	f := w.f
	for {
		err := w.g.step(func() error { return syscall.Fallocate(int(f.Fd()), 0, 0, size) })
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EOPNOTSUPP), errors.Is(err, syscall.ENOSYS):
			return writeZeros(w, size)
		}
		return &os.PathError{Op: "fallocate", Path: f.Name(), Err: err}
	}
}
