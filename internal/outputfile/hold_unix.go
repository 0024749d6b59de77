//go:build unix

package outputfile

import (
	"io/fs"
	"os"
	"syscall"
)

// holdTemp takes f's advisory lock (flock), which f keeps while it is
// open and the system drops when the process ends, however it ends (kill
// -9 too): a temporary file whose lock can be taken is no write's under
// way. It reports whether f is still at its name: a removeStale that took
// the lock first, between f's creation and this, has removed it. On a
// file system without locks f goes unheld, and removeUnheld, which cannot
// take a lock there either, leaves such files alone.
func holdTemp(f *os.File) bool {
	syscall.Flock(int(f.Fd()), syscall.LOCK_EX) // waits only for a removeStale, which holds it for one remove
	return stillNamed(f)
}

// removeUnheld removes the temporary file name, found as st, when no
// write holds it (holdTemp). It is opened without blocking and not
// through a link, and left alone if it is no longer the file found.
func removeUnheld(name string, st fs.FileInfo) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !os.SameFile(st, now) {
		return
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		os.Remove(name)
	}
}

// held reports whether a write holds the temporary file name, found as
// st (holdTemp): its lock cannot be taken. The lock, when taken, is
// given back at once.
func held(name string, st fs.FileInfo) bool {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if now, err := f.Stat(); err != nil || !os.SameFile(st, now) {
		return false
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil
}
