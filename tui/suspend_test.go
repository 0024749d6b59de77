package tui

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/ganui/ganui/internal/testdesigns"
)

// TestCtrlZSuspends: ctrl+z, which reaches the raw terminal as a key, is not
// "not a key here" but asks bubbletea to suspend the program, so that a trainer
// can be put aside as a shell's job, whatever the screen shows — the run, the
// glossary, a screen too small, a quit waiting for its epoch — and sends the
// session nothing.
func TestCtrlZSuspends(t *testing.T) {
	ctrlZ := tea.KeyMsg{Type: tea.KeyCtrlZ}
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	glossary, _ := m.Update(keyMsg("?"))
	glossary, _ = glossary.Update(keyMsg("?"))
	small, _ := m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	quitting, _ := m.Update(keyMsg("q"))
	for name, mm := range map[string]tea.Model{"run": m, "glossary": glossary, "too small": small, "quitting": quitting} {
		if mm.(Model).keys.page != pageGlossary && name == "glossary" {
			t.Fatalf("?? did not open the glossary")
		}
		got, cmd := mm.Update(ctrlZ)
		if cmd == nil {
			t.Errorf("%s: ctrl+z gave no command (flash %q)", name, got.(Model).flash)
			continue
		}
		if _, ok := cmd().(tea.SuspendMsg); !ok {
			t.Errorf("%s: ctrl+z did not suspend", name)
		}
	}
}

// TestKeysPageDrawsCtrlZFaintWithoutJobControl: where ctrl+z cannot suspend
// the trainer (a tmux pane's or an ssh session's program itself), the keys page
// draws it faint in words that say so, "ctrl+z can't suspend", where it had
// drawn "ctrl+z suspend" as if it acted while the key answers "not suspended".
func TestKeysPageDrawsCtrlZFaintWithoutJobControl(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	m.keys.noSuspend = "ctrl+z: no job control"
	page, _ := m.Update(keyMsg("?"))
	if flat := strings.Join(strings.Fields(page.View()), " "); !strings.Contains(flat, "ctrl+z "+idleMark+"can't suspend") {
		t.Errorf("the keys page without job control:\n%s", page.View())
	}
	m.keys.noSuspend = ""
	if page, _ = m.Update(keyMsg("?")); strings.Contains(page.View(), "can't suspend") || !strings.Contains(page.View(), "suspend") {
		t.Errorf("the keys page with job control:\n%s", page.View())
	}
}

// TestCtrlZWithoutJobControlSays: where no shell's job control could fg
// the trainer back, ctrl+z does not suspend it — bubbletea would wait
// for good with the terminal released — and the status says why.
func TestCtrlZWithoutJobControlSays(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	m.keys.noSuspend = "ctrl+z: no job control"
	got, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if cmd != nil || got.(Model).flash != m.keys.noSuspend {
		t.Fatalf("ctrl+z without job control: command %v, flash %q", cmd != nil, got.(Model).flash)
	}
	if why := noSuspendWhy(); why != "" && !strings.HasPrefix(why, "ctrl+z: ") {
		t.Errorf("the reason %q does not name the key", why)
	}
}

// TestJobControl: a process can be stopped and fg'd back when its group
// has a parent outside it in the same session (the shell that started
// the job), found through the ancestors that share its group; not when
// the group's parent is in another session (a tmux pane's or ssh
// session's program itself, whose stop the kernel discards), nor when an
// ancestor is not known.
func TestJobControl(t *testing.T) {
	for _, c := range []struct {
		name  string
		procs map[int]proc
		want  bool
	}{
		{"a shell's job", map[int]proc{10: {5, 10, 1}, 5: {1, 5, 1}}, true},
		{"go run from a shell", map[int]proc{11: {10, 10, 1}, 10: {5, 10, 1}, 5: {1, 5, 1}}, true},
		{"a pane's program", map[int]proc{10: {3, 10, 10}, 3: {1, 3, 3}}, false},
		{"sh -c in a pane", map[int]proc{11: {10, 10, 10}, 10: {3, 10, 10}, 3: {1, 3, 3}}, false},
		{"the first process", map[int]proc{1: {0, 1, 1}}, false},
		{"a parent not known", map[int]proc{11: {10, 10, 1}, 10: {-1, 10, 1}}, false},
		{"a parent gone", map[int]proc{10: {5, 10, 1}}, false},
		{"a loop", map[int]proc{11: {10, 10, 1}, 10: {11, 10, 1}}, false},
	} {
		pid := 0
		for p := range c.procs {
			pid = max(pid, p) // the youngest is the process asked about
		}
		look := func(pid int) (proc, bool) { p, ok := c.procs[pid]; return p, ok }
		if got := jobControl(pid, look); got != c.want {
			t.Errorf("%s: job control %v, want %v", c.name, got, c.want)
		}
	}
}

// TestSuspendStopsTheRunClock: ctrl+z stops the session's clock before it
// suspends the process, and bubbletea's ResumeMsg, once fg has continued it,
// starts the clock again, so that the time a trainer is stopped does not count
// as the run's: an hour's stop would lower its ep/s and epochs_per_s and add
// the hour to wall_s.
func TestSuspendStopsTheRunClock(t *testing.T) {
	s, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if cmd == nil {
		t.Fatal("ctrl+z gave no command")
	}
	if s.Suspended() {
		t.Fatal("the clock stopped before the suspend was carried out")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok {
		t.Fatal("ctrl+z did not suspend")
	}
	if !s.Suspended() {
		t.Fatal("suspending left the run's clock running")
	}
	if _, cmd := m.Update(tea.ResumeMsg{}); cmd != nil || s.Suspended() {
		t.Fatalf("resumed: command %v, the clock still stopped %v", cmd != nil, s.Suspended())
	}
}

// TestStopSignalSuspends: a SIGTSTP from outside (kill -TSTP), caught, suspends
// the trainer as ctrl+z does, rather than stopping the process with the
// terminal raw and the trainer's screen up, for fg to leave that screen as the
// shell has written over it; and a second suspend asked for before the first
// has come back — ctrl+z with the signal, or typed ahead — is not carried out,
// which would stop the trainer again at fg.
func TestStopSignalSuspends(t *testing.T) {
	s, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	got, cmd := m.Update(stopMsg{})
	if cmd == nil {
		t.Fatal("SIGTSTP gave no command")
	}
	if _, ok := cmd().(tea.SuspendMsg); !ok || !s.Suspended() {
		t.Fatalf("SIGTSTP: suspended %v, the run's clock stopped %v", ok, s.Suspended())
	}
	got, cmd = got.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if cmd != nil {
		t.Fatal("ctrl+z while suspending suspends again")
	}
	got, _ = got.Update(tea.ResumeMsg{})
	if _, cmd = got.Update(tea.KeyMsg{Type: tea.KeyCtrlZ}); cmd == nil {
		t.Fatal("ctrl+z after fg does not suspend")
	}
}

// TestStopCatcherRoutes: a SIGTSTP from outside is a stopMsg, which suspends as
// ctrl+z does; once a suspend is under way the next one is bubbletea's own, and
// stops the process group, since a SIGTSTP, once caught, does not stop the
// process; the SIGCONT that ends that stop is bubbletea's to answer, and any
// other SIGCONT (a kill -STOP's) retakes the terminal and draws the screen
// afresh.
func TestStopCatcherRoutes(t *testing.T) {
	c := newStopCatcher()
	if c == nil {
		t.Skip("no SIGTSTP here")
	}
	stops := 0
	c.stopGroup = func() { stops++ }
	if _, ok := c.route(sigStop).(stopMsg); !ok || stops != 0 {
		t.Fatalf("a SIGTSTP from outside: not a stopMsg, or stopped the group %d times", stops)
	}
	c.expect()
	if msg := c.route(sigStop); msg != nil || stops != 1 {
		t.Fatalf("bubbletea's SIGTSTP: message %v, the group stopped %d times, want once", msg, stops)
	}
	if msg := c.route(sigCont); msg != nil {
		t.Fatalf("the SIGCONT after bubbletea's stop gave %T", msg)
	}
	if _, ok := c.route(sigCont).(contMsg); !ok {
		t.Fatal("a SIGCONT after a stop not the trainer's is not a contMsg")
	}
	if _, ok := c.route(sigStop).(stopMsg); !ok || stops != 1 {
		t.Fatal("a SIGTSTP after the suspend is not from outside")
	}
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	if _, cmd := m.Update(contMsg{}); cmd == nil || fmt.Sprintf("%T", cmd()) != "tea.execMsg" {
		t.Fatal("contMsg does not retake the terminal")
	}
}

// TestStopCatcherEndsWithItsClose: closed while it passes on a SIGTSTP
// from outside, the catcher's close returns only once that message is
// sent and its goroutine has ended, so that nothing reaches the program,
// ended by then, after close; under -race the messages it sent, read
// once close has returned, are read after it wrote them. Its close had
// returned at once, with the goroutine still running.
func TestStopCatcherEndsWithItsClose(t *testing.T) {
	if sigStop == nil {
		t.Skip("no SIGTSTP here")
	}
	synctest.Test(t, func(t *testing.T) {
		c := newStopCatcher()
		c.stopGroup = func() { t.Error("the catcher stopped the process group for a SIGTSTP from outside") }
		sending, sent := make(chan struct{}), make(chan struct{})
		var msgs []tea.Msg
		// As start, catching no signal: signal.Notify's goroutine is
		// outside the test's bubble, and may not send on its channels.
		c.pass(func(m tea.Msg) {
			sending <- struct{}{}
			<-sent
			msgs = append(msgs, m)
		})
		c.sig <- sigStop // as signal.Notify would pass one on
		<-sending
		closed := make(chan struct{})
		go func() {
			c.close()
			close(closed)
		}()
		synctest.Wait() // close has done all it does without the send's end
		select {
		case <-closed:
			t.Error("close returned while the catcher was sending, to send after it")
		default:
		}
		close(sent)
		<-closed
		if len(msgs) != 1 {
			t.Errorf("the catcher sent %v before its close returned, want its one stopMsg", msgs)
		} else if _, ok := msgs[0].(stopMsg); !ok {
			t.Errorf("the catcher sent %#v, want a stopMsg", msgs[0])
		}
	})
}
