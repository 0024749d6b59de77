package outputfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ganui/ganui/internal/shellword"
)

// Claimed is a file a process writes in place for as long as it runs (a
// headless run's --log), held by its lock (lockFile) from Claim to the
// file's closing, or to Release.
type Claimed struct {
	// File is the file, open for reading and writing at its start, as it
	// was found: the caller empties it, or goes on at its end, once it has
	// something to write.
	File    *os.File
	created bool // Claim made it: Release removes it while it holds nothing
}

// Claim opens the file at path for writing in place, links followed,
// creating it empty if there is none, and holds it (lockFile): a
// process's write of it for as long as the file is open, which the
// system gives back when the process ends, however it ends. The look for
// another process's hold and the taking of its own are one step under
// the lock of the file's directory (lockDir), as Hold's are, and the
// look is Busy's, for another's Hold too, so that of two processes
// claiming or holding one path at the same instant exactly one is
// refused, with Busy's error, and the other's file is left as it was:
// a run's --log claimed with its first row would let the second of two
// runs started at once train to its end only to be refused then. The
// file is neither emptied nor written here. Where files cannot be locked,
// the claim is refused as held.
func Claim(path string) (*Claimed, error) {
	target, err := Target(path)
	if err != nil {
		return nil, err
	}
	unlock := lockDir(filepath.Dir(target))
	defer unlock()
	if err := busy(path, target); err != nil {
		return nil, err
	}
	c := &Claimed{}
	for c.File == nil {
		// Opened, else made anew, so that Release knows a file it made.
		f, err := os.OpenFile(target, os.O_RDWR, 0)
		if errors.Is(err, fs.ErrNotExist) {
			f, err = os.OpenFile(target, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
			if errors.Is(err, fs.ErrExist) {
				continue // made by a writer that claims nothing, since the look
			}
			if err != nil {
				return nil, cannotCreate(path, target, err)
			}
			c.created = true
		}
		if err != nil { // the file's own: another owner's, read-only
			return nil, fmt.Errorf("cannot write %s: %w", shellword.Quote(path), unwrapPath(err))
		}
		c.File = f
	}
	checked()
	if lockFile(c.File) != nil {
		c.File.Close()
		if c.created {
			os.Remove(target)
		}
		return nil, fmt.Errorf("%s is being written by another process: give another file", shellword.Quote(path))
	}
	return c, nil
}

// Release gives the claim back unwritten (a run refused or stopped
// before its first row), closing the file; one Claim made is removed,
// under its directory's lock, if it is still at its name and holds
// nothing, so that the run leaves the path as it found it. A caller that
// wrote the file closes File instead.
func (c *Claimed) Release() {
	if c.created {
		unlock := lockDir(filepath.Dir(c.File.Name()))
		defer unlock()
		if st, err := c.File.Stat(); err == nil && st.Size() == 0 && stillNamed(c.File) {
			os.Remove(c.File.Name())
		}
	}
	c.File.Close()
}
