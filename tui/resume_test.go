package tui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// TestResumedRunShowsItsTrends: a run saved with w at epoch N and resumed from
// that checkpoint shows the Quality panel the run showed at N, its sparklines,
// ranges and arrows included, in one dimension (KS, W1) and in two (SW1). The
// trends are the evaluations the run's record holds, not the screen's own, kept
// as snapshots come, which a resumed run would begin without: one bar and no
// arrow (·).
func TestResumedRunShowsItsTrends(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		preset  string
		epochs  int
		measure string // the line whose trend must show
	}{{"vanilla", 600, "KS "}, {"ring", 150, "SW1 "}} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Epochs = c.epochs
		dir := t.TempDir()
		// The run trained to its plan as the trainer sees it, every
		// snapshot taken in, then saved (w).
		s, err := session.New(session.Options{Config: cfg, Seed: 1, Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		straight := NewModel(s)
		s.Start()
		for snap := range s.Snapshots() {
			straight.apply(snap)
			if snap.State == session.Done && snap.Eval.Epoch == c.epochs {
				break
			}
		}
		s.Send(session.Save{})
		for snap := range s.Snapshots() {
			straight.apply(snap)
			if strings.Contains(snap.Note, "--resume") || snap.Failed {
				break
			}
		}
		s.Stop()
		ckpts, _ := filepath.Glob(filepath.Join(dir, "*.ckpt"))
		if len(ckpts) != 1 {
			t.Fatalf("%s: checkpoints %v after w (note %q)", c.preset, ckpts, straight.snap.Note)
		}
		// The run resumed from it, as its first screen shows it.
		r, err := session.New(session.Options{Resume: ckpts[0], Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Unrecorded(); err != nil {
			t.Fatal(err)
		}
		resumed := NewModel(r)
		r.Start()
		for snap := range r.Snapshots() {
			if snap.Eval.Epoch == c.epochs && snap.Eval.Metrics.N > 0 {
				resumed.apply(snap)
				break
			}
		}
		r.Stop()

		want, got := straight.sidePanel(sideW, 20), resumed.sidePanel(sideW, 20)
		var line string
		for l := range strings.Lines(ansi.Strip(want)) {
			if strings.HasPrefix(l, c.measure) {
				line = strings.TrimSpace(l)
			}
		}
		if !strings.ContainsAny(line, "↑↓→") {
			t.Fatalf("%s at epoch %d: %q, the test needs a trend, with an arrow", c.preset, c.epochs, line)
		}
		if got != want {
			t.Errorf("%s resumed at epoch %d shows\n%s\nthe run showed there\n%s", c.preset, c.epochs, ansi.Strip(got), ansi.Strip(want))
		}
	}
}

// TestSaveNoteKeepsTheFlagWithItsFile: w's note at 80×24, after ganui started
// by a long path, keeps "--resume" on the line of the file it resumes, drawn
// with a plain space between them, which a copy from the terminal gives; it
// had ended a line "--resume" and begun the next with the file.
func TestSaveNoteKeepsTheFlagWithItsFile(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	defer command.SetProgram(command.Program())
	command.SetProgram("/tmp/hTN-bin/a-longer-directory-name/ganui")
	t.Chdir(t.TempDir()) // the file named as w names one in the current directory
	s := startScreenOn(t, session.Options{Config: cfg, Seed: 1, Paused: true, Dir: "."}, 80, 24)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.key("w")
	s.waitSnap("a checkpoint was saved", func(s session.Snapshot) bool { return strings.Contains(s.Note, ".ckpt") })
	view := s.finalView()
	lines := strings.Split(ansi.Strip(view), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "--resume") })
	if at < 0 || !strings.Contains(lines[at], "--resume ganui-vanilla-seed1-epoch0.ckpt") {
		t.Errorf("w's note does not keep --resume with its file:\n%s", view)
	}
	if strings.Contains(view, numtext.NBSP) {
		t.Errorf("the screen draws a no-break space, which a copy of the command gives the shell as part of a word:\n%q", view)
	}
}

// TestSaveNoteOfALongPathIsNotCut: where "--resume FILE" is wider than a line
// of the note (a file deep in a directory), the note breaks between them, as
// it would untied, and keeps the file's name whole on a line: kept tied, the
// line would be wider than the screen, which cuts it, the name with it.
func TestSaveNoteOfALongPathIsNotCut(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	path := "/home/someone/experiments/" + strings.Repeat("deeper/", 2) + "ganui-vanilla-seed1-epoch0.ckpt" // 71 cells: with "--resume " 80
	note := "saved epoch 0: ganui " + numtext.Together("--resume "+path) + " continues from it"
	lines := noteLines(note, styleMuted, 80, 4)
	text := ansi.Strip(strings.Join(lines, "\n"))
	if !fits(lines, 80) || !slices.ContainsFunc(lines, func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == path }) || strings.Contains(text, "…") {
		t.Errorf("the note of a checkpoint at a long path, at 80 columns:\n%s", text)
	}
}
