package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// keyMsg is key k as a terminal reports it, for calling Update directly.
func keyMsg(k string) tea.KeyMsg {
	if k == "ctrl+c" {
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// shownModel is the UI of a started session of cfg at w×h with the
// session's first snapshot taken in, driven by calling Update.
func shownModel(t *testing.T, cfg engine.Config, paused bool, w, h int) (*session.Session, Model) {
	t.Helper()
	s, err := session.New(session.Options{Config: cfg, Seed: 1, Paused: paused, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	s.Start()
	t.Cleanup(s.Stop)
	var m tea.Model = NewModel(s)
	m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m, _ = m.Update(snapshotMsg(<-s.Snapshots()))
	return s, m.(Model)
}

// stopped reports whether the session's goroutine has ended.
func stopped(s *session.Session) bool {
	select {
	case <-s.Done():
		return true
	default:
		return false
	}
}

// isQuit reports whether cmd quits the program, alone or in a batch.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil && isQuit(c) {
				return true
			}
		}
	}
	return false
}

// TestQuitStopsOutsideUpdate (q had stopped the session inside Update,
// waiting there for the epoch in training, seconds on a wide design, with
// the screen frozen and every key and signal unheard): q says at once that
// the trainer is quitting, and leaves the wait to a command, whose message
// then quits.
func TestQuitStopsOutsideUpdate(t *testing.T) {
	s, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	mm, cmd := m.Update(keyMsg("q"))
	if stopped(s) {
		t.Fatal("q stopped the session inside Update")
	}
	if !mm.(Model).quitting || !strings.Contains(mm.View(), quittingNote) {
		t.Fatalf("q does not say the trainer is quitting:\n%s", mm.View())
	}
	if cmd == nil || isQuit(cmd) {
		t.Fatal("q quit before the session stopped")
	}
	msg := cmd()
	if _, ok := msg.(sessionStoppedMsg); !ok || !stopped(s) {
		t.Fatalf("q's command returned %T, session stopped: %v", msg, stopped(s))
	}
	mm, cmd = mm.Update(msg)
	if !isQuit(cmd) || mm.(Model).left {
		t.Fatalf("the stopped session did not quit the trainer whole (left: %v)", mm.(Model).left)
	}
}

// TestSecondQuitLeavesAtOnce: q or ctrl+c while the first q waits quits
// at once, the session left training, and the model says so (Run then
// leaves the session alone); a q typed behind a q in one burst does the same.
func TestSecondQuitLeavesAtOnce(t *testing.T) {
	for _, keys := range [][]string{{"q", "q"}, {"q", "ctrl+c"}, {"qq"}} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		var mm tea.Model = m
		var cmd tea.Cmd
		for _, k := range keys {
			mm, cmd = mm.Update(keyMsg(k))
		}
		if !isQuit(cmd) || !mm.(Model).left {
			t.Errorf("%q: did not quit at once (left: %v)", keys, mm.(Model).left)
		}
	}
	// While quitting, other keys reach no session that would apply them,
	// and say so; the footer offers q alone.
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	mm, _ := m.Update(keyMsg("q"))
	if v := mm.View(); !strings.Contains(v, quittingNote) || !strings.Contains(v, "q quit at once") || strings.Contains(v, "space") {
		t.Errorf("the quitting frame:\n%s", v)
	}
	mm, cmd := mm.Update(keyMsg("n"))
	if cmd != nil || mm.(Model).left || !strings.Contains(mm.View(), "n is not taken while quitting") {
		t.Errorf("n while quitting: a command %v, left %v, or no answer", cmd != nil, mm.(Model).left)
	}
	// space by its name, as the footer and the help call it (the answer
	// read "  is not taken while quitting", the key a blank).
	mm, _ = mm.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	if v := mm.View(); !strings.Contains(v, "space is not taken while quitting") {
		t.Errorf("space while quitting: no answer naming it:\n%s", v)
	}
}

// wideDesign trains an epoch in about a tenth of a second (seconds under
// the race detector): long enough for keys to arrive in the middle of one.
func wideDesign() engine.Config {
	cfg := testdesigns.PerSample(1000)
	cfg.Name = "wide"
	cfg.Batch, cfg.GHidden, cfg.DHidden = 1000, []int{300, 300}, []int{300, 300}
	cfg.GActs = []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Identity}
	cfg.DActs = []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Sigmoid}
	return cfg
}

// TestQuitDuringALongEpoch: on a design whose epoch takes a while, q
// shows "quitting after this epoch" while the epoch is still training,
// and q again ends the program before the epoch does.
func TestQuitDuringALongEpoch(t *testing.T) {
	// Whether q lands early enough in an epoch for both keys to arrive
	// before it ends is the machine's timing, not the trainer's: a try in
	// which the epoch ended first proves nothing either way, and the next
	// try's q lands elsewhere in its epoch (TestQuitStopsOutsideUpdate pins
	// the rule itself).
	for try := 1; ; try++ {
		ok, why := quitDuringAnEpoch(t)
		if ok {
			return
		}
		if why != "" || try == 5 {
			t.Fatalf("try %d: %s", try, why)
		}
	}
}

// quitDuringAnEpoch is one try of TestQuitDuringALongEpoch: ok when q and
// q again did what they must inside one epoch; why says what went wrong
// when they did not, "" when the epoch ended first.
func quitDuringAnEpoch(t *testing.T) (ok bool, why string) {
	cfg := wideDesign()
	if engine.KernelISA() != "go" {
		// The vector kernels train its epoch in some 30 ms, which two
		// keys and a frame between them could miss 1 try in 20: D takes
		// eight steps an epoch there, about as long as the portable
		// kernels' one.
		cfg.DSteps = 8
	}
	s := startScreenOn(t, session.Options{Config: cfg, Seed: 1, Dir: t.TempDir()}, 100, 30)
	s.waitSnap("training has begun", func(s session.Snapshot) bool { return s.State == session.Running })
	s.key("q")
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "quitting after this epoch")
	}, teatest.WithDuration(waitTimeout), teatest.WithCheckInterval(time.Millisecond))
	if stopped(s.s) {
		return false, "" // the epoch ended first
	}
	s.key("q")
	final := s.tm.FinalModel(t, teatest.WithFinalTimeout(waitTimeout)).(recorder).Model
	switch {
	case final.left && !stopped(s.s):
		return true, ""
	case stopped(s.s):
		return false, "" // the epoch ended before q again
	}
	return false, "q again did not leave the session"
}

// TestQuittingOnTheGlossary: q on the ?? pages says what it does there
// too — the status that says it is covered by the page, whose footer
// had "q quit at once" alone — and a key pressed meanwhile is answered
// in one line that fits.
func TestQuittingOnTheGlossary(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	var mm tea.Model = m
	for _, k := range []string{"?", "?", "q"} {
		mm, _ = mm.Update(keyMsg(k))
	}
	view := mm.View()
	checkFrame(t, view, 80, 24)
	if !strings.Contains(view, "lossary") || !strings.Contains(view, quittingNote) {
		t.Errorf("q on the glossary:\n%s", view)
	}
	mm, _ = mm.Update(keyMsg("n"))
	view = mm.View()
	checkFrame(t, view, 80, 24)
	lines := strings.Split(view, "\n")
	if last := strings.TrimRight(lines[len(lines)-1], " "); last != "n is not taken while quitting: q again quits at once, without the final line" {
		t.Errorf("n while quitting on the glossary: footer %q", last)
	}
}
