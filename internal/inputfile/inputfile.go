// Package inputfile opens the files ganui reads — preset files,
// checkpoints, a points(FILE.csv) target's data and the --log a resumed
// run goes on with — safely: only regular files, never a named pipe
// (which would block until a writer comes), a device (/dev/zero never
// ends) or a directory, and never more bytes than the caller allows.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Open opens path for reading if it is a regular file, following
// symbolic links. Anything else is refused before it is opened, with an
// error that says what it is.
func Open(path string) (*os.File, error) {
	if path == "" {
		return nil, fmt.Errorf("no file named (an empty path)")
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, unreachable(err)
	}
	if err := Regular(path, st); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unreachable(err)
	}
	if st, err = f.Stat(); err == nil { // it may have been replaced since
		err = Regular(path, st)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// unreachable words a file that could not be reached for its reader: the
// path and the system's reason, "run.ckpt: no such file or directory",
// without the system call's name ("stat run.ckpt: …" read as the
// program's internals). The reason stays wrapped, so errors.Is still
// finds fs.ErrNotExist or fs.ErrPermission in it.
func unreachable(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

// ReadAll reads the regular file at path whole, refusing one larger than
// max bytes without reading past the limit.
func ReadAll(path string, max int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: larger than %s, the most ganui reads of such a file", path, size(max))
	}
	return data, nil
}

// Regular refuses anything but a regular file, saying what it is: the
// test for what ganui reads, and for what its outputs may replace.
func Regular(path string, st fs.FileInfo) error {
	m := st.Mode()
	if m.IsRegular() {
		return nil
	}
	what := "not a regular file"
	switch {
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		what = "a device"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	}
	return fmt.Errorf("%s is %s, not a regular file", path, what)
}

// size writes a byte count for a message: 256 KiB, 1 MiB.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
