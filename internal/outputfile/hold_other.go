//go:build !unix

package outputfile

import (
	"io/fs"
	"os"
)

// holdTemp has nothing to take: on Windows a file open for writing is
// held by being open, since Go opens files without FILE_SHARE_DELETE and
// the system refuses to remove them (removeUnheld).
func holdTemp(*os.File) bool { return true }

// removeUnheld removes the temporary file name, which the system refuses
// on Windows while a write has it open.
func removeUnheld(name string, _ fs.FileInfo) { os.Remove(name) }

// held cannot tell a write's temporary file on Windows, where files are
// not held by a lock (holdTemp): none is.
func held(string, fs.FileInfo) bool { return false }

// lockDir has no lock to take where files are not held (holdTemp): Hold
// looks and makes its file unlocked.
func lockDir(string) (unlock func()) { return func() {} }

// lockFile has no advisory lock to take on this system (holdTemp): a
// claimed file goes unheld.
func lockFile(*os.File) error { return nil }

// lockedElsewhere has no lock to find on this system (lockFile).
func lockedElsewhere(*os.File) bool { return false }
