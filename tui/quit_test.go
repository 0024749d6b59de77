package tui

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
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
func shownModel(t testing.TB, cfg engine.Config, paused bool, w, h int) (*session.Session, Model) {
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

// TestQuitStopsOutsideUpdate: q says at once that the trainer is quitting, and
// leaves the wait for the epoch in training to a command, whose message then
// quits. Stopping the session inside Update would wait there, seconds on a wide
// design, with the screen frozen and every key and signal unheard.
func TestQuitStopsOutsideUpdate(t *testing.T) {
	s, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	mm, cmd := m.Update(keyMsg("q"))
	if stopped(s) {
		t.Fatal("q stopped the session inside Update")
	}
	if !mm.(Model).quitting || !strings.Contains(mm.View(), quittingIdleNote) { // paused: no epoch to wait for
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
	if v := mm.View(); !strings.Contains(v, quittingIdleNote) || !strings.Contains(v, "q quit at once") || strings.Contains(v, "space") {
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

// TestQuitWhileTheSessionIsBusy: while the session is busy between two
// snapshots (an epoch of a wide design takes seconds), q shows "quitting after
// this epoch" and leaves the session to finish, and q again ends the program
// before the session does. The session is held by a figure whose drawing waits
// for the test: held by a long epoch, whether both keys land inside it would be
// the machine's timing, and a test retrying five times could fail on a machine
// where every epoch ends first.
func TestQuitWhileTheSessionIsBusy(t *testing.T) {
	s := startScreenOn(t, session.Options{Config: testdesigns.PerSample(1_000_000), Seed: 1, Dir: t.TempDir()}, 100, 30)
	s.waitSnap("training has begun", func(s session.Snapshot) bool { return s.State == session.Running })
	drawing, release := make(chan struct{}), make(chan struct{})
	t.Cleanup(func() { close(release) }) // before the session's Stop, which waits for the drawing
	s.s.Send(session.Plot{Format: "txt", Draw: func(io.Writer, session.Picture) error {
		close(drawing)
		<-release
		return nil
	}})
	select {
	case <-drawing:
	case <-time.After(waitTimeout):
		t.Fatal("the session did not start drawing the figure")
	}
	s.key("q")
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "quitting after this epoch")
	}, teatest.WithDuration(waitTimeout), teatest.WithCheckInterval(time.Millisecond))
	if stopped(s.s) {
		t.Fatal("the session stopped while it was busy")
	}
	s.key("q")
	final := s.tm.FinalModel(t, teatest.WithFinalTimeout(waitTimeout)).(recorder).Model
	if !final.left || stopped(s.s) {
		t.Fatalf("q again: left %v, session stopped %v; want the program ended, the session left busy", final.left, stopped(s.s))
	}
}

// TestQuittingOnTheGlossary: q on the ?? pages says what it does there too —
// the status that says it is covered by the page, and the page's footer's "q
// quit at once" alone would not say it — and a key pressed meanwhile is
// answered in one line that fits.
func TestQuittingOnTheGlossary(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	var mm tea.Model = m
	for _, k := range []string{"?", "?", "q"} {
		mm, _ = mm.Update(keyMsg(k))
	}
	view := mm.View()
	checkFrame(t, view, 80, 24)
	if !strings.Contains(view, "lossary") || !strings.Contains(view, quittingIdleNote) {
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

// TestEndingNamesTheDesignsPreset: the trainer's ending names its design
// as the run's final line does, by the preset the run started from and
// the settings changed from it (session.DesignText), so that the line
// printed for a run left at once reads preset=vanilla name=wide
// g_lr=1e-3, as its final line would have, not preset=wide, which reads
// as the built-in wide.
func TestEndingNamesTheDesignsPreset(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Set("name", "wide") != nil || cfg.Set("g_lr", "1e-3") != nil {
		t.Fatal("cannot set name and g_lr")
	}
	cfg.Epochs = 4
	s, err := session.New(session.Options{Config: cfg, Preset: "vanilla", Seed: 1, Paused: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	t.Cleanup(s.Stop)
	var m tea.Model = NewModel(s)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = m.Update(snapshotMsg(<-s.Snapshots()))
	end := m.(Model).ending()
	const want = "vanilla name=wide g_lr=1e-3"
	if got := session.DesignText(end.Preset, end.Changes); !end.Shown || got != want {
		t.Errorf("ending (shown %v) names the design %q, want %q", end.Shown, got, want)
	}
}

// TestQuitWhileStarting: before the first snapshot, while the screen says
// "starting: evaluating the untrained generator on 10,000 samples…" (the first evaluation of a wide design takes seconds), q says
// that it quits after the epoch in training as it does on the run's screen, and
// a key's answer is shown: were that screen to stay as it is, q would seem not
// taken, and a second q, pressed to make sure, would leave the session without
// its final line.
func TestQuitWhileStarting(t *testing.T) {
	s, err := session.New(session.Options{Config: testdesigns.PerSample(5000), Seed: 1, Paused: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	s.Start()
	t.Cleanup(s.Stop)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		var m tea.Model = NewModel(s)
		m, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if v := m.View(); !strings.Contains(v, "starting") {
			t.Fatalf("%d×%d before the first snapshot:\n%s", size[0], size[1], v)
		}
		mm, _ := m.Update(keyMsg("x"))
		if v := mm.View(); !strings.Contains(v, "starting") || !strings.Contains(v, "x is not a key here") {
			t.Errorf("%d×%d: x while starting is not answered:\n%s", size[0], size[1], v)
		}
		mm, _ = mm.Update(keyMsg("q"))
		view := mm.View()
		checkFrame(t, view, size[0], size[1])
		if !mm.(Model).quitting || !strings.Contains(view, "starting") || !strings.Contains(strings.Join(strings.Fields(view), " "), quittingNote) {
			t.Errorf("%d×%d: q while starting does not say the trainer is quitting:\n%s", size[0], size[1], view)
		}
	}
}

// TestSaveOneAtATime: w pressed again while the checkpoint a w asked for waits
// (the session busy with an epoch or an evaluation of a wide design, or writing
// it) is not sent, and the status says so: sent, each press the session finds
// waiting would write a full checkpoint. Ending names the epoch the screen
// showed at the w, for the line a quit at once prints.
func TestSaveOneAtATime(t *testing.T) {
	s, err := session.New(session.Options{Config: testdesigns.PerSample(5000), Seed: 1, Paused: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	t.Cleanup(s.Stop)
	at := time.Unix(0, 0)
	ui := NewModel(s) // not started: the session takes nothing up
	ui.now = func() time.Time { return at }
	var m tea.Model = ui
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = m.Update(keyMsg("w"))
	if !s.SavePending() {
		t.Fatal("w sent no Save")
	}
	at = at.Add(repeatGap) // let go and pressed again, not held
	m, _ = m.Update(keyMsg("w"))
	const want = "already saving the checkpoint w asked for: this w is not taken; w again once it is written"
	if got := m.(Model).flash; got != want {
		t.Errorf("w while a save waits: %q, want %q", got, want)
	}
	if end := m.(Model).ending(); end.SaveAt != -1 {
		t.Errorf("w before any epoch shown: Ending.SaveAt %d, want -1", end.SaveAt)
	}
	s.Stop()
	if written, err := s.Parting(""); len(written) != 1 || err != nil {
		t.Errorf("two w, one while the first waited: %q, %v; want one checkpoint written", written, err)
	}
}

// TestWHeldSavesOnce: w held down on a run that moves on, the terminal
// repeating it 30 times a second, writes one checkpoint, the repeats answered
// by nothing over the session's note; w pressed again once let go, or after
// another key, writes the next. Otherwise each repeat would find the last
// checkpoint written (a small design's take milliseconds) and write another, of
// a later epoch: 27 files in a second.
func TestWHeldSavesOnce(t *testing.T) {
	dir := t.TempDir()
	s, err := session.New(session.Options{Config: testdesigns.PerSample(5000), Seed: 1, Paused: true, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	s.Start()
	t.Cleanup(s.Stop)
	at := time.Unix(0, 0)
	ui := NewModel(s)
	ui.now = func() time.Time { return at }
	var m tea.Model = ui
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	epoch := 0
	// press is k, after gap, then an epoch trained, as a running run
	// trains between two of the terminal's repeats; it returns once the
	// session has taken both up, the Save sent before the Step.
	press := func(k tea.KeyMsg, gap time.Duration) {
		t.Helper()
		at = at.Add(gap)
		m, _ = m.Update(k)
		s.Send(session.Step{Kind: session.StepEpoch})
		epoch++
		for snap := range s.Snapshots() {
			if m, _ = m.Update(snapshotMsg(snap)); snap.Epoch == epoch {
				break
			}
		}
	}
	checkpoints := func() int {
		t.Helper()
		files, err := filepath.Glob(filepath.Join(dir, "*.ckpt"))
		if err != nil {
			t.Fatal(err)
		}
		return len(files)
	}
	press(keyMsg("w"), 0)
	for range 30 {
		press(keyMsg("w"), time.Second/30)
	}
	if n := checkpoints(); n != 1 {
		t.Errorf("w held for a second: %d checkpoints written, want 1", n)
	}
	if flash := m.(Model).flash; flash != "" {
		t.Errorf("w held: the status says %q over the session's note", flash)
	}
	press(keyMsg("w"), repeatGap)
	if n := checkpoints(); n != 2 {
		t.Errorf("w let go and pressed again: %d checkpoints written, want 2", n)
	}
	press(tea.KeyMsg{Type: tea.KeyDown}, time.Second/30)
	press(keyMsg("w"), time.Second/30)
	if n := checkpoints(); n != 3 {
		t.Errorf("w after another key: %d checkpoints written, want 3", n)
	}
}

// TestQuittingSaysTheCheckpointWaits: q with a checkpoint w asked for still
// waiting says the stop writes it and q again loses it, not only that q again
// loses the final line; and it names an epoch only where one trains, running
// or before the first frame (the first evaluation): on a paused run,
// "quitting after this epoch and the checkpoint w asked for…" named an epoch
// that was not coming. The screen's state is another session's first frame,
// running or paused, so that this one, not started, keeps the w waiting.
func TestQuittingSaysTheCheckpointWaits(t *testing.T) {
	for _, c := range []struct {
		name           string
		paused, framed bool
		want, notWant  string
	}{
		{"before the first frame", true, false, quittingEpochSaveNote, quittingSaveNote},
		{"paused", true, true, quittingSaveNote, "after this epoch"},
		{"running", false, true, quittingEpochSaveNote, quittingSaveNote},
	} {
		t.Run(c.name, func(t *testing.T) {
			if v := unstarted(t, 120, 40, c.paused, c.framed, "w", "q").View(); !strings.Contains(v, c.want) || strings.Contains(v, c.notWant) {
				t.Errorf("q with a checkpoint waiting, %s: want %q, not %q:\n%s", c.name, c.want, c.notWant, v)
			}
		})
	}
}

// unstarted is the trainer at w×h of a session not started, paused or
// running, after keys: a w waits, and but for its first evaluation the
// session is idle. Where framed, the screen's state is another session's
// first frame, running or paused as it is; else it has had none.
func unstarted(t *testing.T, w, h int, paused, framed bool, keys ...string) tea.Model {
	t.Helper()
	s, err := session.New(session.Options{Config: testdesigns.PerSample(5000), Seed: 1, Paused: paused, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	t.Cleanup(s.Stop)
	var m tea.Model = NewModel(s)
	m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	if framed {
		_, shown := shownModel(t, testdesigns.PerSample(5000), paused, w, h)
		m, _ = m.Update(snapshotMsg(shown.snap))
	}
	for _, k := range keys {
		m, _ = m.Update(keyMsg(k))
	}
	return m
}

// TestQuittingNamesAnEpochOnlyWhereOneTrains: q with no checkpoint waiting
// says "quitting after this epoch" only where an epoch trains, running or
// before the first frame (the first evaluation); on a paused run, no epoch
// coming, "quitting…" and what q again loses. It had flashed "quitting after
// this epoch…" over a paused vanilla. The screen's state is another session's
// first frame, running or paused, as in TestQuittingSaysTheCheckpointWaits.
func TestQuittingNamesAnEpochOnlyWhereOneTrains(t *testing.T) {
	for _, c := range []struct {
		name           string
		paused, framed bool
		want, notWant  string
	}{
		{"before the first frame", true, false, quittingNote, quittingIdleNote},
		{"paused", true, true, quittingIdleNote, "after this epoch"},
		{"running", false, true, quittingNote, quittingIdleNote},
	} {
		t.Run(c.name, func(t *testing.T) {
			if v := unstarted(t, 120, 40, c.paused, c.framed, "q").View(); !strings.Contains(v, c.want) || strings.Contains(v, c.notWant) {
				t.Errorf("q, %s: want %q, not %q:\n%s", c.name, c.want, c.notWant, v)
			}
		})
	}
}

// TestQuittingKeyBarSaysWhatQAgainLoses: while q waits, the key bar is q
// alone with what q again loses, the checkpoint w asked for where one waits
// ("q quit at once, without the checkpoint or the final line"), as a key
// refused meanwhile says it; and on the keys page too, whose columns had gone
// on offering every key, and at 70×20 and 80×24 had dropped their last, q's
// among them, for "q quit at once, without the final line". The session is
// not started, so that the w waits, the screen another's paused first frame.
func TestQuittingKeyBarSaysWhatQAgainLoses(t *testing.T) {
	for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
		for _, c := range []struct {
			keys []string
			want string
		}{
			{[]string{"q"}, "q quit at once, without the final line"},
			{[]string{"?", "q"}, "q quit at once, without the final line"},
			{[]string{"w", "q"}, "q quit at once, without the checkpoint or the final line"},
			{[]string{"?", "w", "q"}, "q quit at once, without the checkpoint or the final line"},
		} {
			w, h := size[0], size[1]
			m := unstarted(t, w, h, true, true, c.keys...)
			view := m.View()
			checkFrame(t, view, w, h)
			lines := strings.Split(view, "\n")
			if bar := strings.TrimRight(lines[len(lines)-1], " "); bar != c.want {
				t.Errorf("%d×%d, %q: the key bar reads %q, want %q:\n%s", w, h, c.keys, bar, c.want, view)
			}
			m, _ = m.Update(keyMsg("n"))
			if said, want := m.(Model).flash, "n is not taken while quitting: q again quits at once, without "+strings.TrimPrefix(c.want, "q quit at once, without "); said != want {
				t.Errorf("%d×%d, %q, then n: %q, want %q", w, h, c.keys, said, want)
			}
		}
	}
}

// TestNoticeSaidUntilTheFirstKey: Run's notice — from main, a directory that
// takes no files — is on the status line of the first screen, whole and in a
// frame of its size at 80×24 and 120×40, over the paused run's own status, and
// the first key takes it away (], which says nothing of its own over it):
// without it, only a w that failed would say that the keys' files cannot be
// written, once pressed. The notice is session's (KeysCannotWrite), its marks
// not shown.
func TestNoticeSaidUntilTheFirstKey(t *testing.T) {
	const said = "w, e, c and P will fail: the current directory /home/ada/courses/gans/week3/notes takes no new files (creating one there: permission denied); quit and start ganui where you can write"
	notice := markedNotice(said)
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		_, shown := shownModel(t, cfg, true, w, h)
		shown.notice = notice
		view := shown.View()
		checkFrame(t, view, w, h)
		if flat := frameReads(t, view, "✗ "+said); strings.Contains(flat, "paused at epoch") {
			t.Errorf("%d×%d: the paused status is said beside the notice:\n%s", w, h, view)
		}
		if m, _ := shown.Update(keyMsg("]")); strings.Contains(m.View(), "cannot write") {
			t.Errorf("%d×%d: after a key, the notice is still said:\n%s", w, h, m.View())
		}
	}
}

// TestNoticeBesideTheNote: Run's notice and the session's own note — a resumed
// run's, a failure's — are both said whole on the first screen, in a frame of
// its size at 80×24 and 120×40, the ring's finding at epoch 0 giving way at
// 80×24 until the first key: the notice does not take the note's place, which
// would leave a run resumed in a directory that takes no files not saying where
// it resumed, nor a failure that it failed. The notice's directory gives way at
// 80×24, its way out staying.
func TestNoticeBesideTheNote(t *testing.T) {
	const said = "w, e, c and P will fail: the current directory /proc takes no new files (creating one there: no such file or directory); quit and start ganui where you can write"
	notice := markedNotice(said)
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		note   string
		failed bool
		want   []string
	}{
		{note: "resumed at epoch 300, the end of its plan: space or n continues", want: []string{"resumed at epoch 300, the end of its plan: space or n continues"}},
		{note: "the record could not be read: its charts begin here", failed: true, want: []string{"✗ the record could not be read: its charts begin here"}},
	} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			w, h := size[0], size[1]
			_, shown := shownModel(t, cfg, true, w, h)
			shown.notice = notice
			shown.snap.Note, shown.snap.Failed = c.note, c.failed
			view := shown.View()
			checkFrame(t, view, w, h)
			notice := said
			if w == 80 { // the system's words give way, the directory's path staying
				notice = strings.Replace(said, " (creating one there: no such file or directory)", " …", 1)
			}
			frameReads(t, view, append([]string{"✗ " + notice}, c.want...)...)
		}
	}
}

// TestDirectoryNoteSaysTheWayOut: a key's file not written for its directory
// (session's note of an outputfile.DirError) says the way out, the directory
// made writable and w again, at 80×24 as at 120×40, the file's clause and the
// system's words before it giving way on the narrow screen, as one bracket
// and never cut inside their parentheses ("(creating one there …"), the
// directory's path staying: the file's name and the system's words would
// otherwise fill the status's two lines.
func TestDirectoryNoteSaysTheWayOut(t *testing.T) {
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	const dir = "the current directory /home/ada/courses/gans/week3/notes takes no new files"
	const sys = " (creating one there: permission denied)"
	const file = ", so ganui-ring-seed1-epoch0.ckpt is not written"
	const out = "; make the directory writable and w again"
	note := "checkpoint not saved: the current directory" + session.GivesWay + " /home/ada/courses/gans/week3/notes" + session.GivesWay + " takes no new files" + session.GivesWay + sys + file + session.GivesWay + session.LiveOnly + out + session.LiveOnly
	for _, c := range []struct {
		w, h int
		want string
	}{
		{80, 24, "✗ checkpoint not saved: " + dir + " …" + out},
		{120, 40, "✗ checkpoint not saved: " + dir + sys + file + out},
	} {
		_, shown := shownModel(t, cfg, true, c.w, c.h)
		shown.snap.Note, shown.snap.Failed = note, true
		view := shown.View()
		checkFrame(t, view, c.w, c.h)
		frameReads(t, view, c.want)
	}
}

// markedNotice is said, the trainer's notice as session.KeysCannotWrite
// marks it: the directory's path, from its " /" to the next space, and
// the system's words, in parentheses, giving way, and the way out, from
// "; quit", said only while the trainer runs.
func markedNotice(said string) string {
	head, rest, _ := strings.Cut(said, " /")
	path, tail, _ := strings.Cut(rest, " ")
	why, tail, _ := strings.Cut(tail, " (")
	sys, out, _ := strings.Cut(tail, "; quit")
	return head + session.GivesWay + " /" + path + session.GivesWay + " " + why + session.GivesWay + " (" + sys + session.GivesWay + session.LiveOnly + "; quit" + out + session.LiveOnly
}

// TestQuitAtOnceSaysWhatTheSessionWasAt: q again, quitting at once, keeps
// in Ending.Doing what the session was at, its first evaluation here (a
// session not started stays at it), for the line the terminal keeps to
// say what the quit did not wait for: not the epoch in training, of a
// run in which none trained. A q that waits leaves it "".
func TestQuitAtOnceSaysWhatTheSessionWasAt(t *testing.T) {
	s, err := session.New(session.Options{Config: testdesigns.PerSample(5000), Seed: 1, Paused: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	var m tea.Model = NewModel(s) // not started: the session stays at its first evaluation
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = m.Update(keyMsg("q"))
	if end := m.(Model).ending(); end.Left || end.Doing != "" {
		t.Errorf("one q: Ending left %v, doing %q; want neither", end.Left, end.Doing)
	}
	m, _ = m.Update(keyMsg("q"))
	want, _, _ := s.Doing()
	if end := m.(Model).ending(); !end.Left || end.Doing != want || !strings.HasPrefix(want, "evaluating") {
		t.Errorf("q q: Ending left %v, doing %q; want left, doing %q, the session's first evaluation", end.Left, end.Doing, want)
	}
}
