package tui

// ctrl+z suspends the trainer as a shell's job, as it does any program
// in a terminal: bubbletea gives the terminal back (the screen as it was
// before, the keys cooked), stops the process — the run with it: no
// epoch trains while it is stopped — and, once the shell's fg continues
// it, takes the terminal again and draws the screen afresh. The trainer
// reads keys raw, so ctrl+z reaches it as a key, which it had answered
// with "ctrl+z is not a key here".
//
// Stopping works only under a shell's job control: a process stopped
// where none is (its process group orphaned, as when ganui is a tmux
// pane's or an ssh session's program itself) would be continued by no
// one. The kernel then discards the stop, and bubbletea, which waits for
// the continue, would wait for good, the terminal released and no key
// read. Where there is no job control, ctrl+z says so instead
// (noSuspendWhy).

// proc is what suspending needs to know of a process: its parent,
// process group and session; a parent not known is −1.
type proc struct{ ppid, pgid, sid int }

// jobControl reports whether a shell's job control can stop and continue
// process pid, whose details look gives: whether pid's process group has
// a parent outside it in its session (POSIX: it is not orphaned), the
// shell that started the job. It follows pid's ancestors within its
// group, which a wrapper such as go run or sh -c shares; an ancestor not
// known counts as no job control, so that ctrl+z says so rather than
// leaves the terminal without a program.
func jobControl(pid int, look func(pid int) (proc, bool)) bool {
	self, ok := look(pid)
	if !ok {
		return false
	}
	for cur, n := self, 0; n < 64; n++ { // a loop in the table would not end
		if cur.ppid <= 0 {
			return false // the first process (a container's, say) or its parent not known
		}
		parent, ok := look(cur.ppid)
		switch {
		case !ok:
			return false
		case parent.pgid != self.pgid:
			return parent.sid == self.sid
		}
		cur = parent
	}
	return false
}
