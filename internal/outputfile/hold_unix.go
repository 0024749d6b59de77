//go:build unix

package outputfile

import (
	"errors"
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

// lockDir takes the advisory lock (flock) of the directory dir, waiting
// for another Hold's to be given back, and returns what gives it back:
// Hold's one step (createAlone). A directory that cannot be opened or
// locked (a file system without locks) goes unlocked, as holdTemp's files
// go unheld there.
func lockDir(dir string) (unlock func()) {
	d, err := os.Open(dir)
	if err != nil {
		return func() {}
	}
	locking()
	if syscall.Flock(int(d.Fd()), syscall.LOCK_EX) != nil {
		d.Close()
		return func() {}
	}
	return func() { d.Close() } // closing gives the lock back
}

// locking is called by lockDir before it waits for the lock: a test's, to
// know that a Hold has come to its one step.
var locking = func() {}

// lockFile takes f's advisory lock (flock) for writing, or fails at once
// when another process holds it (Claim): the lock is f's while it is
// open, and the system drops it when the process ends.
func lockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// lockedElsewhere reports whether another open file holds f's lock
// (lockFile: a Claim's), taking it for an instant when none does. A file
// system without locks has none held.
func lockedElsewhere(f *os.File) bool {
	return errors.Is(lockFile(f), syscall.EWOULDBLOCK)
}
