//go:build unix

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// foregroundOf reports whether this process is the foreground job of
// the terminal f, as its process group is the terminal's (tcgetpgrp):
// a job a shell put in the background (ctrl+z, then bg; or started with
// &) is not. Where the terminal cannot say (not this process's
// controlling terminal), it is taken for the foreground, as before.
func foregroundOf(f *os.File) func() bool {
	fd := int(f.Fd())
	return func() bool {
		pgrp, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP)
		return err != nil || pgrp == unix.Getpgrp()
	}
}
