package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestKeysWaitingSaySo: a key whose command waits for the session (a wide
// design's epoch or evaluation takes seconds, and commands act between
// epochs) is answered on the status once the wait check comes
// (waitNoteAfter), not at the key, where a small design's answer follows at
// once: what the session is at and that the keys act as it ends
// ("evaluating the untrained generator on 10,000 samples… keys pressed
// meanwhile act as it ends"), until the session's next snapshot.
// The session here is never started, so its commands wait for good.
func TestKeysWaitingSaySo(t *testing.T) {
	snap := runningSnapshot(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		s, m := shownUnstarted(t, session.Options{Config: testdesigns.PerSample(5000), Seed: 1}, size, snap)
		what, _, _ := s.Doing()
		waitingNote := waitingNote(what)
		if !strings.HasPrefix(waitingNote, "evaluating the untrained generator on ") {
			t.Errorf("the note of keys waiting for a session not started: %q", waitingNote)
		}
		m, cmd := m.Update(keyMsg(" "))
		if cmd == nil {
			t.Fatalf("%d×%d: space whose command waits schedules no wait check", size[0], size[1])
		}
		if v := flat(m); strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: the wait said at the key, before the check:\n%s", size[0], size[1], m.View())
		}
		m, _ = m.Update(waitCheckMsg{})
		checkFrame(t, m.View(), size[0], size[1])
		if v := flat(m); !strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: space waiting for the session, the status lacks %q:\n%s", size[0], size[1], waitingNote, m.View())
		}
		m, _ = m.Update(keyMsg("n"))
		if v := flat(m); !strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: n behind space, the status lacks %q:\n%s", size[0], size[1], waitingNote, m.View())
		}
		m, _ = m.Update(snapshotMsg(snap))
		if v := flat(m); strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: the wait still said after the session's snapshot:\n%s", size[0], size[1], m.View())
		}
	}
}

// TestStartingSaysWhatItDoes: before the first snapshot the screen names
// the session's work, the first snapshot's evaluation, seconds long on a
// wide design, where "starting…" alone would seem hung.
func TestStartingSaysWhatItDoes(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	s, err := session.New(session.Options{Config: testdesigns.PerSample(50), Seed: 1, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
		var m tea.Model = NewModel(s)
		m, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkFrame(t, m.View(), size[0], size[1])
		if v, want := flat(m), "starting: evaluating the untrained generator on 10,000 samples…"; !strings.Contains(v, want) {
			t.Errorf("%d×%d: the starting screen lacks %q:\n%s", size[0], size[1], want, m.View())
		}
	}
}

// TestSlowWorkSaysSo: while a running run's session has been at one task
// (session.Session.Doing) for busyNoteAfter with no frame since, the status
// says what it is at; under busyNoteAfter, as a small design always is, it
// says nothing of it; the next snapshot takes the words back. The session
// is never started and its clock is the test's, so the work lasts as long
// as the test says.
func TestSlowWorkSaysSo(t *testing.T) {
	snap := runningSnapshot(t)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		now := time.Unix(1e9, 0)
		s, err := session.New(session.Options{Config: testdesigns.PerSample(50), Seed: 1, Dir: t.TempDir(),
			Clock: session.NewClock(func() time.Time { return now })})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Stop)
		what, _, _ := s.Doing()
		note := what + "…"
		var m tea.Model = NewModel(s)
		m, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m, cmd := m.Update(snapshotMsg(snap))
		if !m.(Model).checking || cmd == nil {
			t.Fatalf("%d×%d: a running run's snapshot schedules no check", size[0], size[1])
		}
		now = now.Add(busyNoteAfter - time.Millisecond)
		m, _ = m.Update(busyCheckMsg{})
		if v := flat(m); strings.Contains(v, note) {
			t.Errorf("%d×%d: the work said before busyNoteAfter:\n%s", size[0], size[1], m.View())
		}
		if !m.(Model).checking {
			t.Errorf("%d×%d: a check schedules no next one while the run runs", size[0], size[1])
		}
		now = now.Add(time.Millisecond)
		m, _ = m.Update(busyCheckMsg{})
		checkFrame(t, m.View(), size[0], size[1])
		if v := flat(m); !strings.Contains(v, note) {
			t.Errorf("%d×%d: the session at one task for busyNoteAfter, the status lacks %q:\n%s", size[0], size[1], note, m.View())
		}
		m, _ = m.Update(snapshotMsg(snap))
		if v := flat(m); strings.Contains(v, note) {
			t.Errorf("%d×%d: the work still said after the session's snapshot:\n%s", size[0], size[1], m.View())
		}
		paused := snap
		paused.State = session.Paused
		m, _ = m.Update(busyCheckMsg{})
		m, _ = m.Update(snapshotMsg(paused))
		if m, _ = m.Update(busyCheckMsg{}); m.(Model).checking || strings.Contains(flat(m), note) {
			t.Errorf("%d×%d: a paused run is checked on, or said busy:\n%s", size[0], size[1], m.View())
		}
	}
}

// TestSlowWorkKeepsTheKeysAnswer: the words of what a wide design's
// session is at, which come a second into each of its epochs of seconds,
// take a row after the answer to w, e or c, not its place: the note of a
// checkpoint saved, with the --resume that continues it, a failure, and
// the command c shows stay on the screen beside them, where they were
// hidden for all but a second of each epoch. Where the status has a row
// only for the command (80×24), the words take the note's row, the
// command kept.
func TestSlowWorkKeepsTheKeysAnswer(t *testing.T) {
	for _, c := range []struct {
		note   string
		failed bool
		want   []string // at 120×40; at 80×24 the last alone
	}{
		{note: "saved epoch 3: ganui --resume run.ckpt continues from it", want: []string{"saved epoch 3: ganui --resume run.ckpt continues from it"}},
		{note: "checkpoint not saved: no space left on device", failed: true, want: []string{"✗ checkpoint not saved: no space left on device"}},
		{note: "wrote mine.json · the command below runs the run again" + session.CommandBreak + "ganui --preset vanilla --seed 1",
			want: []string{"wrote mine.json · the command below runs the run again", "ganui --preset vanilla --seed 1"}},
	} {
		snap := runningSnapshot(t)
		snap.Note, snap.Failed = c.note, c.failed
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			now := time.Unix(1e9, 0)
			s, err := session.New(session.Options{Config: testdesigns.PerSample(50), Seed: 1, Dir: t.TempDir(),
				Clock: session.NewClock(func() time.Time { return now })})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(s.Stop)
			what, _, _ := s.Doing()
			busy := what + "…"
			var m tea.Model = NewModel(s)
			m, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m, _ = m.Update(snapshotMsg(snap))
			now = now.Add(busyNoteAfter)
			m, _ = m.Update(busyCheckMsg{})
			checkFrame(t, m.View(), size[0], size[1])
			want := c.want
			if size[0] < 120 && strings.Contains(c.note, session.CommandBreak) {
				want = want[len(want)-1:]
			}
			v := flat(m)
			for _, w := range append(want, busy) {
				if !strings.Contains(v, w) {
					t.Errorf("%d×%d: the session busy after a key's answer, the status lacks %q:\n%s", size[0], size[1], w, m.View())
				}
			}
		}
	}
}

// runningSnapshot is a running vanilla run's snapshot at epoch 3, drawn
// without colour, for a model whose session is never started.
func runningSnapshot(t *testing.T) session.Snapshot {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	_, snap := trainedSnapshot(t, cfg, 1, 3, 80)
	snap.State = session.Running
	return snap
}

// flat is m's screen with its runs of blanks and line breaks made one
// space, so that a note wrapped over lines is found whole.
func flat(m tea.Model) string { return strings.Join(strings.Fields(m.View()), " ") }

// TestHeaderCountsTheEpochSaidBusy: while the status says what the
// session is at, the busy note or the keys' waiting note, the header
// counts the epoch the session is at, "evaluating epoch 5's generator…"
// under "epoch 5", not under the last frame's 3; the next frame's epoch
// then stands. The session here, resumed at epoch 5 and never started,
// is at its first evaluation for as long as the test's clock says.
func TestHeaderCountsTheEpochSaidBusy(t *testing.T) {
	snap := runningSnapshot(t) // epoch 3
	snap.Planned = 100
	g, _ := straightRun(t, blogConfig(t, 100), 1, 5)
	ckpt := filepath.Join(t.TempDir(), "at5.ckpt")
	if err := session.SaveCheckpoint(g, ckpt); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		now := time.Unix(1e9, 0)
		_, m := shownUnstarted(t, session.Options{Resume: ckpt, Clock: session.NewClock(func() time.Time { return now })}, size, snap)
		header := func(want string) {
			t.Helper()
			if h := strings.SplitN(m.View(), "\n", 2)[0]; !strings.Contains(h, want) {
				t.Errorf("%d×%d: the header %q lacks %q; status %q", size[0], size[1], h, want, flat(m))
			}
		}
		header("epoch 3 /")
		now = now.Add(busyNoteAfter)
		m, _ = m.Update(busyCheckMsg{})
		if v := flat(m); !strings.Contains(v, "evaluating epoch 5's generator") {
			t.Fatalf("%d×%d: the session at its evaluation for busyNoteAfter, not said:\n%s", size[0], size[1], m.View())
		}
		header("epoch 5 /")
		m, _ = m.Update(snapshotMsg(snap))
		header("epoch 3 /")
		m, _ = m.Update(keyMsg(" "))
		m, _ = m.Update(waitCheckMsg{})
		if v := flat(m); !strings.Contains(v, "evaluating epoch 5's generator") {
			t.Fatalf("%d×%d: space waiting for the session, not said:\n%s", size[0], size[1], m.View())
		}
		header("epoch 5 /")
	}
}

// shownUnstarted is a session of opts (in a directory of the test's own),
// never started, and its model at size showing snap.
func shownUnstarted(t *testing.T, opts session.Options, size [2]int, snap session.Snapshot) (*session.Session, tea.Model) {
	t.Helper()
	opts.Dir = t.TempDir()
	s, err := session.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	var m tea.Model = NewModel(s)
	m, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
	m, _ = m.Update(snapshotMsg(snap))
	return s, m
}
