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
// looked at either: setting its mode would stop ganui (SIGTTOU).
func typedAhead(f *os.File) bool {
	if group, err := unix.IoctlGetInt(int(f.Fd()), unix.TIOCGPGRP); err != nil || group != unix.Getpgrp() {
		return false
	}
	return keysWaiting(f)
}

// keysWaiting tells whether bytes wait unread on the terminal f. The
// count is taken with the terminal raw for a moment, as termenv takes it
// to ask: in its ordinary mode a terminal counts a line's keys only once
// Enter ends it, and a q alone would be none. A poll that does not wait
// comes first: Linux takes a key written to a terminal into its input
// later, in a worker, and counts only what it has taken in (FIONREAD),
// where a poll takes in what is pending first (n_tty_poll). Without it,
// a q written on a fresh pseudo-terminal and counted at once was not
// found in 937 of 2,000 tries, and would be read with the background's
// answer and lost; after a poll, in none of 2,000. The keys are taken in
// raw, as the query would read them.
func keysWaiting(f *os.File) bool {
	fd := int(f.Fd())
	was, err := term.MakeRaw(f.Fd())
	if err != nil {
		return false
	}
	defer term.Restore(f.Fd(), was)
	unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, 0) // only to take pending keys in: the count says
	n, err := unix.IoctlGetInt(fd, fionread)
	return err == nil && n > 0
}
