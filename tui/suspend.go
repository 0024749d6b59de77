package tui

import (
	"io"
	"os"
	"os/signal"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/ganui/ganui/session"
)

// ctrl+z suspends the trainer as a shell's job, as it does any program
// in a terminal: bubbletea gives the terminal back (the screen as it was
// before, the keys cooked), stops the process — the run with it: no
// epoch trains while it is stopped — and, once the shell's fg continues
// it, takes the terminal again and draws the screen afresh. The trainer
// reads keys raw, so ctrl+z reaches it as a key, not as the signal a
// cooked terminal sends, and it answers that key by suspending, not with
// "ctrl+z is not a key here".
//
// Stopping works only under a shell's job control: a process stopped
// where none is (its process group orphaned, as when ganui is a tmux
// pane's or an ssh session's program itself) would be continued by no
// one. The kernel then discards the stop, and bubbletea, which waits for
// the continue, would wait for good, the terminal released and no key
// read. Where there is no job control, ctrl+z says so instead
// (noSuspendWhy).
//
// The time stopped is no time of the run's: from ctrl+z to fg its clock
// stands still (session.Suspending), so that a coffee break lowers
// neither the header's ep/s nor the final line's epochs_per_s, adds
// nothing to its wall_s, and leaves a run at a limited speed no epochs
// behind to catch up. The kernel's clocks, CLOCK_BOOTTIME's too, run on
// while a process is stopped, so the trainer says when it stops.

// suspend is ctrl+z's command: the run's clock stops, then bubbletea
// gives the terminal back and stops the process with a SIGTSTP, which
// stops lets through (expect); its ResumeMsg, once the shell has
// continued the process, starts the clock again (session.Continued).
func suspend(s *session.Session, stops *stopCatcher) tea.Cmd {
	return func() tea.Msg {
		s.Suspending()
		stops.expect()
		return tea.SuspendMsg{}
	}
}

// stopMsg is a SIGTSTP sent from outside (kill -TSTP), which suspends
// the trainer as ctrl+z does.
type stopMsg struct{}

// contMsg is a SIGCONT after a stop that was not the trainer's own: a
// kill -STOP, which nothing catches, left the terminal to the shell,
// which may have written on the screen and put the terminal back as it
// keeps it (keys read a line at a time, echoed). The trainer takes the
// terminal again and draws the screen afresh, as after its own suspend.
type contMsg struct{}

// retakeTerminal is contMsg's answer: bubbletea gives the terminal back
// and takes it again (raw keys, its screen, drawn whole), running
// nothing in between.
func retakeTerminal() tea.Cmd { return tea.Exec(nothing{}, nil) }

// nothing is a tea.ExecCommand that runs nothing.
type nothing struct{}

func (nothing) Run() error          { return nil }
func (nothing) SetStdin(io.Reader)  {}
func (nothing) SetStdout(io.Writer) {}
func (nothing) SetStderr(io.Writer) {}

// A stopCatcher turns a SIGTSTP sent from outside — kill -TSTP, a tool
// that suspends a job — into stopMsg. Left to the kernel it stopped the
// process with the terminal still raw and the trainer's screen up, for
// the shell to print its prompt on, and at fg nothing drew the screen
// again; nor did the run's clock stop. Only where there is job control:
// where there is none, the kernel discards the signal.
//
// Once caught, SIGTSTP cannot be given back to the kernel: Go's runtime
// keeps its handler, which drops the signal no channel asks for. So the
// SIGTSTP with which bubbletea stops the process, once the terminal is
// given back, reaches the catcher too; expected (expect), it stops the
// process group as that signal would have, with SIGSTOP, which nothing
// catches. It catches SIGCONT as well: the one that ends such a stop is
// bubbletea's to answer (a ResumeMsg), any other a contMsg. A nil
// stopCatcher catches nothing.
type stopCatcher struct {
	sig       chan os.Signal
	end       func()      // ends the catching goroutine (untilStop); nil before start
	ours      atomic.Bool // the next SIGTSTP is bubbletea's, to stop the process
	stopped   atomic.Bool // the process group was stopped for bubbletea: the next SIGCONT is its
	stopGroup func()      // stops the process group: stopProcessGroup
}

// newStopCatcher returns a catcher that catches nothing until start, or
// nil where the system has no such signal.
func newStopCatcher() *stopCatcher {
	if sigStop == nil {
		return nil
	}
	return &stopCatcher{sig: make(chan os.Signal, 1), stopGroup: stopProcessGroup}
}

// start catches SIGTSTP and SIGCONT, and passes each one from outside to
// send as a stopMsg or contMsg, until close is called.
func (c *stopCatcher) start(send func(tea.Msg)) {
	if c == nil {
		return
	}
	signal.Notify(c.sig, sigStop, sigCont)
	c.pass(send)
}

// pass passes each signal that comes on c.sig to send as route answers
// it, until close is called.
func (c *stopCatcher) pass(send func(tea.Msg)) {
	c.end = untilStop(func(done <-chan struct{}) {
		for {
			select {
			case sig := <-c.sig:
				if msg := c.route(sig); msg != nil {
					send(msg)
				}
			case <-done:
				return
			}
		}
	})
}

// route answers a signal caught: bubbletea's own SIGTSTP stops the
// process group (stopGroup), and the SIGCONT that ends that stop is
// bubbletea's; any other is a message for the model.
func (c *stopCatcher) route(sig os.Signal) tea.Msg {
	switch {
	case sig == sigCont && !c.stopped.Swap(false):
		return contMsg{}
	case sig == sigCont:
		return nil
	case c.ours.Swap(false):
		c.stopped.Store(true)
		c.stopGroup()
		return nil
	default:
		return stopMsg{}
	}
}

// expect says that the next SIGTSTP is bubbletea's own, sent to stop the
// process.
func (c *stopCatcher) expect() {
	if c != nil {
		c.ours.Store(true)
	}
}

// close stops catching SIGTSTP: from then on Go's runtime drops it. It
// returns once the catching goroutine has ended, a signal it was
// answering answered: nothing is sent, nor the process group stopped,
// after it.
func (c *stopCatcher) close() {
	if c != nil && c.end != nil {
		signal.Stop(c.sig)
		c.end()
	}
}

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
