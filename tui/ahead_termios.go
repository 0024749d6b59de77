//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package tui

import (
	"os"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// typedAhead tells whether keys wait unread on the terminal f, typed
// before ganui has read any (ganui --preset vanilla, then q at once, or
// keys pasted): the background's query (darkBackground) reads f up to
// the terminal's answer and drops what comes before it, and those keys
// would be lost to the trainer. A terminal ganui is not in the
// foreground of is not asked (termenv asks only there), and is not
// looked at either: setting its mode would stop ganui (SIGTTOU). The
// count is taken with the terminal raw for a moment, as termenv takes it
// to ask: in its ordinary mode a terminal counts a line's keys only once
// Enter ends it, and a q alone would be none.
func typedAhead(f *os.File) bool {
	fd := int(f.Fd())
	if group, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP); err != nil || group != unix.Getpgrp() {
		return false
	}
	was, err := term.MakeRaw(f.Fd())
	if err != nil {
		return false
	}
	defer term.Restore(f.Fd(), was)
	n, err := unix.IoctlGetInt(fd, fionread)
	return err == nil && n > 0
}
