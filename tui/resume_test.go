package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
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
