package tui

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/engine"
	"github.com/muesli/termenv"
)

// straightRun trains cfg from seed for epochs epochs with the engine alone
// and returns the run and its history as CSV, as the reference that the
// trainer's files must match.
func straightRun(t *testing.T, cfg engine.Config, seed uint64, epochs int) (*engine.GAN, string) {
	t.Helper()
	g, err := engine.New(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	csv := []byte(engine.CSVHeader + "\n")
	for range epochs {
		s, err := g.TrainEpoch()
		if err != nil {
			t.Fatal(err)
		}
		csv = s.AppendCSV(csv)
	}
	return g, string(csv)
}

func marshal(t *testing.T, g *engine.GAN) []byte {
	t.Helper()
	b, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// noteFile returns the file a save or export note names.
func noteFile(t *testing.T, note, ext string) string {
	t.Helper()
	for _, f := range strings.Fields(note) {
		if strings.HasSuffix(f, ext) {
			return f
		}
	}
	t.Fatalf("note %q names no %s file", note, ext)
	return ""
}

// TestSaveKeyWritesTheRun: w writes a checkpoint that engine.LoadFile turns
// back into the trainer's run exactly — epoch, weights, optimizer and
// random state, retuned settings — and the screen names the file.
func TestSaveKeyWritesTheRun(t *testing.T) {
	s := startSession(t, blogConfig(t, 5000), 1, true, 120, 30)
	s.waitSnap("the first snapshot", func(Snapshot) bool { return true })
	s.key("+") // D learning rate 1e-3 → 2e-3: the checkpoint holds it
	s.key("nnnnn")
	s.waitSnap("five epochs", func(s Snapshot) bool { return s.Epoch == 5 })
	s.key("w")
	snap := s.waitSnap("a checkpoint was saved", func(s Snapshot) bool { return strings.Contains(s.Note, ".ckpt") })
	path := noteFile(t, snap.Note, ".ckpt")
	if snap.Failed || filepath.Base(path) != "ganui-blog-original-seed1-epoch5.ckpt" {
		t.Fatalf("w saved to %q (failed %v), want ganui-blog-original-seed1-epoch5.ckpt", path, snap.Failed)
	}
	loaded, err := engine.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	s.inspect(func(tr *Trainer) { want = marshal(t, tr.gan) })
	if loaded.Epoch() != 5 || loaded.Config().DLR != 2e-3 || !bytes.Equal(marshal(t, loaded), want) {
		t.Fatalf("the checkpoint restores epoch %d, D lr %g, and differs from the trainer's run: %v",
			loaded.Epoch(), loaded.Config().DLR, !bytes.Equal(marshal(t, loaded), want))
	}
	if view := s.finalView(); !strings.Contains(view, "ganui-blog-original-seed1-epoch5.ckpt") {
		t.Errorf("screen does not name the checkpoint:\n%s", view)
	}
}

// TestExportKeyWritesEveryEpoch: e writes a row for every epoch trained —
// far more than the charts keep — the same rows a plain engine run gives.
func TestExportKeyWritesEveryEpoch(t *testing.T) {
	const epochs = 3 * historyPoints
	cfg := perSampleConfig(epochs)
	s := startSession(t, cfg, 4, false, 100, 30)
	done := s.waitSnap("the run is done", func(s Snapshot) bool { return s.State == Done })
	if len(done.History) >= epochs/2 {
		t.Fatalf("the chart history has %d points for %d epochs: not downsampled", len(done.History), epochs)
	}
	s.key("n")
	s.waitSnap("one epoch past the plan", func(s Snapshot) bool { return s.Epoch == epochs+1 })
	s.key("e")
	snap := s.waitSnap("the history was exported", func(s Snapshot) bool { return strings.Contains(s.Note, ".csv") })
	path := noteFile(t, snap.Note, ".csv")
	if filepath.Base(path) != "ganui-per-sample-seed4.csv" || !strings.Contains(snap.Note, "epochs 1–"+fmtInt(epochs+1)) {
		t.Fatalf("e: %q", snap.Note)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, want := straightRun(t, cfg, 4, epochs+1)
	if string(got) != want {
		lines := strings.Count(string(got), "\n")
		t.Fatalf("the export (%d lines) differs from the engine's history (%d lines)", lines, strings.Count(want, "\n"))
	}
	if view := s.finalView(); !strings.Contains(view, "ganui-per-sample-seed4.csv") {
		t.Errorf("screen does not name the CSV file:\n%s", view)
	}
}

// lsConfig is a least-squares GAN trained with plain SGD: stable at a
// learning rate of 0.01, diverging within a few epochs at 1.
func lsConfig() engine.Config {
	cfg := perSampleConfig(100000)
	cfg.Name = "ls-sgd"
	cfg.Loss, cfg.GLoss = engine.LossLeastSquares, engine.GLossNonSaturating
	cfg.DActs = []engine.Activation{engine.LeakyReLU, engine.Identity}
	cfg.DOpt, cfg.GOpt = engine.OptimizerSGD, engine.OptimizerSGD
	cfg.DLR, cfg.GLR = 0.01, 0.01
	return cfg
}

// TestRollbackRecoversADivergedRun: learning rates raised too far make the
// run diverge; u brings back the last good state — weights, chart history
// and CSV log as they were — and with the rates lowered the run goes on.
func TestRollbackRecoversADivergedRun(t *testing.T) {
	s := startSession(t, lsConfig(), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(Snapshot) bool { return true })
	s.key(strings.Repeat("n", 20))
	good := s.waitSnap("twenty epochs", func(s Snapshot) bool { return s.Epoch == 20 })
	var kept []byte
	s.inspect(func(tr *Trainer) {
		tr.keep() // a good state at epoch 20, whatever the clock says
		tr.keepGap = time.Hour
		kept = marshal(t, tr.gan)
	})
	for range 6 { // 0.01 → 0.02 → … → 1 for D, then for G
		s.key("+")
	}
	s.key("j")
	for range 6 {
		s.key("+")
	}
	s.waitSnap("both learning rates at 1", func(s Snapshot) bool { return s.Settings.DLR == 1 && s.Settings.GLR == 1 })
	var diverged Snapshot
	for i := 0; diverged.State != Diverged; i++ {
		if i == 50 {
			t.Fatal("no divergence in 50 epochs at learning rate 1")
		}
		s.key("n")
		diverged = s.waitSnap("one more epoch", func(s Snapshot) bool { return s.Epoch == 21+i })
	}
	if diverged.Rollback != 20 {
		t.Fatalf("diverged at epoch %d offering a roll-back to %d, want 20", diverged.Epoch, diverged.Rollback)
	}

	s.key("u")
	back := s.waitSnap("the roll-back", func(s Snapshot) bool { return s.State == Paused && s.Run == 1 })
	if back.Epoch != 20 || back.Last != good.Last || len(back.History) != len(good.History) || back.History[19] != good.History[19] {
		t.Fatalf("rolled back to epoch %d, last %+v; want epoch 20 as it was, %+v", back.Epoch, back.Last, good.Last)
	}
	want := fmt.Sprintf("rolled back to epoch 20 (diverged at %d)", diverged.Epoch)
	if !strings.Contains(back.Note, want) {
		t.Errorf("note %q does not say %q", back.Note, want)
	}
	s.inspect(func(tr *Trainer) {
		if cfg := tr.gan.Config(); cfg.DLR != 1 || cfg.GLR != 1 {
			t.Errorf("the roll-back did not keep the current learning rates: D %g, G %g", cfg.DLR, cfg.GLR)
		}
		if _, to, _ := tr.log.span(); to != 20 {
			t.Errorf("the CSV log ends at epoch %d after the roll-back, want 20", to)
		}
	})

	for range 6 { // G back to 0.01, then D
		s.key("-")
	}
	s.key("k")
	for range 6 {
		s.key("-")
	}
	s.waitSnap("both learning rates at 0.01", func(s Snapshot) bool { return s.Settings.DLR == 0.01 && s.Settings.GLR == 0.01 })
	s.inspect(func(tr *Trainer) {
		if !bytes.Equal(marshal(t, tr.gan), kept) {
			t.Error("with the learning rates back, the restored run differs from the state kept at epoch 20")
		}
	})
	s.key(" ")
	s.waitSnap("200 more epochs", func(s Snapshot) bool { return s.Epoch >= 220 })
	s.key(" ")
	snap := s.waitSnap("paused again", func(s Snapshot) bool { return s.State == Paused })
	if snap.Err != nil || math.IsNaN(snap.Last.G) || snap.Last.Epoch != snap.Epoch {
		t.Fatalf("after the roll-back: %+v, error %v", snap.Last, snap.Err)
	}
	s.key("e")
	snap = s.waitSnap("the export", func(s Snapshot) bool { return strings.Contains(s.Note, ".csv") })
	csv, err := os.ReadFile(noteFile(t, snap.Note, ".csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(csv)), "\n")[1:]
	if len(rows) != snap.Epoch {
		t.Fatalf("CSV has %d rows for %d epochs", len(rows), snap.Epoch)
	}
	for i, r := range rows {
		if !strings.HasPrefix(r, strconv.Itoa(i+1)+",") || strings.Contains(r, "NaN") || strings.Contains(r, "Inf") {
			t.Fatalf("row %d after the roll-back: %q", i+1, r)
		}
	}
}

// TestRollbackGoesFurtherBack: u again, before anything is trained, skips
// to the state kept before; with none left it says so.
func TestRollbackGoesFurtherBack(t *testing.T) {
	tr := newIdleTrainer(t)
	for e := 1; e <= 4; e++ {
		tr.trainEpoch()
		if e%2 == 0 {
			tr.keep() // epochs 0 (at the start), 2 and 4 are kept
		}
	}
	tr.trainEpoch()
	tr.gan.Params(engine.G)[0] = float32(math.NaN())
	tr.trainEpoch()
	if tr.state != Diverged {
		t.Fatal("no divergence")
	}
	for _, want := range []int{4, 2, 0} {
		if got, ok := tr.rollbackTarget(); !ok || got.epoch != want {
			t.Fatalf("u would go to %d (%v), want %d", got.epoch, ok, want)
		}
		Rollback{}.apply(tr)
		if tr.gan.Epoch() != want || tr.state != Paused || tr.hist.Len() != want || tr.log.n != want {
			t.Fatalf("after u: epoch %d %s, %d chart points, %d logged; want %d, paused", tr.gan.Epoch(), tr.state, tr.hist.Len(), tr.log.n, want)
		}
	}
	Rollback{}.apply(tr)
	if tr.gan.Epoch() != 0 || !strings.Contains(tr.note, "no state older") {
		t.Fatalf("u with nothing older: epoch %d, note %q", tr.gan.Epoch(), tr.note)
	}
	tr.trainEpoch()
	Rollback{}.apply(tr)
	if tr.gan.Epoch() != 1 || !strings.Contains(tr.note, "has not diverged") {
		t.Fatalf("u on a healthy run: epoch %d, note %q", tr.gan.Epoch(), tr.note)
	}
}

// TestSaveRefusesADivergedRun: a checkpoint of NaN weights would not
// resume; w says so and what to do.
func TestSaveRefusesADivergedRun(t *testing.T) {
	tr := newIdleTrainer(t)
	tr.dir = t.TempDir()
	tr.trainEpoch()
	tr.gan.Params(engine.D)[0] = float32(math.Inf(1))
	tr.trainEpoch()
	Save{}.apply(tr)
	if !tr.failed || !strings.Contains(tr.note, "u rolls back to epoch 0") {
		t.Fatalf("w on a diverged run: failed %v, %q", tr.failed, tr.note)
	}
	if entries, _ := os.ReadDir(tr.dir); len(entries) != 0 {
		t.Fatalf("w on a diverged run wrote %v", entries)
	}
	tr.publish()
	m := NewModel(tr)
	m.width, m.height = 100, 30
	m.apply(<-tr.snaps)
	if got := strings.Join(m.statusLines(100), " "); !strings.Contains(got, "✗ not saved: the run has diverged") {
		t.Errorf("status line of a refused save: %q", got)
	}
}

// TestFileErrorsReachTheScreen: a directory that cannot be written to
// gives a failure note, shown as one, for both w and e.
func TestFileErrorsReachTheScreen(t *testing.T) {
	tr := newIdleTrainer(t)
	tr.dir = filepath.Join(t.TempDir(), "missing")
	tr.trainEpoch()
	Save{}.apply(tr)
	if !tr.failed || !strings.HasPrefix(tr.note, "checkpoint not saved: ") || !strings.Contains(tr.note, "missing") {
		t.Errorf("w into a missing directory: failed %v, %q", tr.failed, tr.note)
	}
	Export{}.apply(tr)
	if !tr.failed || !strings.HasPrefix(tr.note, "history not exported: ") {
		t.Errorf("e into a missing directory: failed %v, %q", tr.failed, tr.note)
	}
	m := NewModel(tr)
	m.width, m.height = 100, 30
	m.apply(Snapshot{Note: tr.note, Failed: true})
	if got := strings.Join(m.statusLines(100), " "); !strings.Contains(got, "✗ history not exported") {
		t.Errorf("status line %q", got)
	}
}

func TestExportWithNothingTrained(t *testing.T) {
	tr := newIdleTrainer(t)
	tr.dir = t.TempDir()
	Export{}.apply(tr)
	if tr.failed || tr.note != "nothing to export yet: no epoch trained" {
		t.Fatalf("e at epoch 0: %q", tr.note)
	}
}

// TestResumedRunIsBitIdentical: a TUI opened on a restored checkpoint
// continues exactly as the uninterrupted run: same weights, optimizer and
// random state at the end, the same per-epoch history after the resume.
func TestResumedRunIsBitIdentical(t *testing.T) {
	const n = 150
	cfg := blogConfig(t, 2*n)
	straight, straightCSV := straightRun(t, cfg, 9, 2*n)

	first, _ := straightRun(t, cfg, 9, n)
	restored, err := engine.Restore(marshal(t, first))
	if err != nil {
		t.Fatal(err)
	}
	tr := NewTrainerFor(restored, TrainerOptions{Paused: true, Dir: t.TempDir()})
	s := startTrainerSession(t, tr, 100, 30)
	start := s.waitSnap("the first snapshot", func(Snapshot) bool { return true })
	if start.Epoch != n || start.From != n || start.Note != "resumed at epoch 150" {
		t.Fatalf("resumed: epoch %d, history from %d, note %q", start.Epoch, start.From, start.Note)
	}
	s.key(" ")
	s.waitSnap("the plan is done", func(s Snapshot) bool { return s.State == Done && s.Epoch == 2*n })
	s.inspect(func(tr *Trainer) {
		if !bytes.Equal(marshal(t, tr.gan), marshal(t, straight)) {
			t.Error("the resumed run ends in a different state from the straight run")
		}
	})
	s.key("e")
	snap := s.waitSnap("the export", func(s Snapshot) bool { return strings.Contains(s.Note, ".csv") })
	if !strings.Contains(snap.Note, "epochs 151–300") {
		t.Errorf("export note %q", snap.Note)
	}
	got, err := os.ReadFile(noteFile(t, snap.Note, ".csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(straightCSV, "\n")
	want := lines[0] + strings.Join(lines[1+n:], "")
	if string(got) != want {
		t.Fatal("the resumed run's history differs from the straight run's epochs 151–300")
	}
	// The charts start where the run resumed, labelled with whole epochs.
	if view := s.finalView(); !strings.Contains(view, "150") || !strings.Contains(view, "300") {
		t.Errorf("charts do not span epochs 150–300:\n%s", view)
	}
}

func TestResumedPastThePlanIsDone(t *testing.T) {
	g, _ := straightRun(t, blogConfig(t, 5), 1, 5)
	tr := NewTrainerFor(g, TrainerOptions{})
	if tr.state != Done || !strings.Contains(tr.note, "past the plan of 5") {
		t.Fatalf("resumed at the plan's end: %s, %q", tr.state, tr.note)
	}
	tr = NewTrainerFor(g, TrainerOptions{Epochs: 8})
	if tr.state != Running || tr.cfg.Epochs != 8 {
		t.Fatalf("resumed with a longer plan: %s, plan %d", tr.state, tr.cfg.Epochs)
	}
}

// TestResizeStorm: 150 sizes in a burst, tiny and huge among them,
// while the run trains at full speed: nothing breaks, no busy note shows,
// and the screen settles at the last size with a bin per column.
func TestResizeStorm(t *testing.T) {
	s := startSession(t, blogConfig(t, 1_000_000), 1, false, 100, 30)
	s.waitSnap("training has begun", func(s Snapshot) bool { return s.Epoch > 0 })
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 150 {
		w, h := rng.IntN(260), rng.IntN(90)
		switch i % 50 {
		case 0:
			w, h = 0, 0
		case 1:
			w, h = 20, 5
		case 2:
			w, h = 1, 1
		}
		s.tm.Send(tea.WindowSizeMsg{Width: w, Height: h})
	}
	s.tm.Send(tea.WindowSizeMsg{Width: 90, Height: 26})
	cols := 90 - len(gap) - sideW - axisGutter
	s.waitSnap("a bin per column at the final size", func(s Snapshot) bool { return len(s.Eval.Metrics.Hist.Counts) == cols })
	view := s.finalView()
	lines := strings.Split(view, "\n")
	if len(lines) != 26 {
		t.Errorf("screen has %d lines after the storm, want 26", len(lines))
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w > 90 {
			t.Errorf("line %d is %d wide, more than 90", i, w)
		}
	}
	if strings.Contains(view, "busy") || strings.Contains(view, "too small") || !strings.Contains(view, "Samples") {
		t.Errorf("screen after the storm:\n%s", view)
	}
}

// TestTinyTerminal: at 20×5 the screen says it is too small, within 20×5.
func TestTinyTerminal(t *testing.T) {
	s := startSession(t, blogConfig(t, 5000), 1, true, 20, 5)
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("too small")) },
		teatest.WithDuration(waitTimeout))
	view := s.finalView()
	checkFits(t, view, 20, 5)
	if !strings.Contains(view, "terminal too small:") || !strings.Contains(view, "70×20") {
		t.Errorf("20×5 screen:\n%s", view)
	}
}

// TestTooSmallFitsAnySize: the too-small screen never draws outside the
// terminal, down to a single cell.
func TestTooSmallFitsAnySize(t *testing.T) {
	for w := 1; w < minWidth; w += 3 {
		for h := 1; h < minHeight; h++ {
			v := tooSmall(w, h)
			checkFits(t, v, w, h)
			if w >= 10 && !strings.Contains(strings.ReplaceAll(v, "\n", ""), "70×20") {
				t.Errorf("%d×%d does not say what size is needed:\n%s", w, h, v)
			}
		}
	}
}

func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d lines on a terminal %d high:\n%s", len(lines), h, view)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("line %d is %d wide on a terminal %d wide: %q", i, lw, w, l)
		}
	}
}

// TestNoColorDrawsPlainText: with NO_COLOR set, even on a true-colour
// terminal, the screen carries no escape sequence at all, while the
// markers that stand in for colour (› for the selection, ✗ for failures,
// the legend glyphs) remain.
func TestNoColorDrawsPlainText(t *testing.T) {
	profile := func(env map[string]string) termenv.Profile {
		return termenv.NewOutput(&bytes.Buffer{}, termenv.WithTTY(true), termenv.WithEnvironment(fakeEnv(env))).EnvColorProfile()
	}
	color := map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor"}
	noColor := map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"}
	tr, snap := benchSnapshot(t, 60)
	snap.Note, snap.Failed = "checkpoint not saved: disk full", true
	for _, c := range []struct {
		name    string
		env     map[string]string
		escapes bool
	}{{"colour", color, true}, {"NO_COLOR", noColor, false}} {
		t.Run(c.name, func(t *testing.T) {
			lipgloss.SetColorProfile(profile(c.env))
			defer lipgloss.SetColorProfile(termenv.Ascii)
			m := NewModel(tr)
			mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			m = mm.(Model)
			m.apply(snap)
			view := m.View()
			if got := strings.Contains(view, "\x1b"); got != c.escapes {
				t.Fatalf("escape sequences in the frame: %v, want %v", got, c.escapes)
			}
			for _, marker := range []string{"› D learning rate", "✗ checkpoint not saved", "━ D real", "█ generated"} {
				if !strings.Contains(ansiStrip(view), marker) {
					t.Errorf("frame lacks %q", marker)
				}
			}
		})
	}
}

type fakeEnv map[string]string

func (e fakeEnv) Getenv(k string) string { return e[k] }
func (e fakeEnv) Environ() []string {
	var out []string
	for k, v := range e {
		out = append(out, k+"="+v)
	}
	return out
}

func ansiStrip(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
			continue
		}
		sb.WriteByte(s[i])
	}
	return sb.String()
}

// TestTerminalChecks: a dumb terminal and an output that is not a terminal
// are refused with errors main turns into a message and exit status 2,
// before anything is drawn.
func TestTerminalChecks(t *testing.T) {
	cfg := blogConfig(t, 10)
	t.Setenv("TERM", "dumb")
	if err := Run(cfg, 1, Options{}); !errors.Is(err, ErrDumbTerminal) {
		t.Errorf("TERM=dumb: %v, want ErrDumbTerminal", err)
	}
	t.Setenv("TERM", "xterm-256color")
	if term.IsTerminal(os.Stdout.Fd()) {
		t.Skip("standard output is a terminal here")
	}
	if err := Run(cfg, 1, Options{}); !errors.Is(err, ErrNotTerminal) {
		t.Errorf("output not a terminal: %v, want ErrNotTerminal", err)
	}
}

// TestSparklineTakesAnyValue: the metrics of a generator blowing up are
// infinite or NaN; the sparkline draws them instead of failing.
func TestSparklineTakesAnyValue(t *testing.T) {
	got := sparkline([]float64{1, 2, math.Inf(1), math.NaN(), math.Inf(-1), 3}, 10)
	if want := "▁▅█  █"; got != want {
		t.Fatalf("sparkline %q, want %q", got, want)
	}
}

func TestExpForm(t *testing.T) {
	for v, want := range map[float64]string{1.5e9: "1.5e9", 2e9: "2e9", 15046658048: "1.505e10", -3e-7: "-3e-7", 1e5: "1e5"} {
		prec := 4
		if got := expForm(v, prec); got != want {
			t.Errorf("expForm(%g, %d) = %q, want %q", v, prec, got, want)
		}
	}
	if got := axisNum(2e9, 0); got != "2e9" {
		t.Errorf("axisNum(2e9) = %q", got)
	}
}

// TestBinsRequestSurvivesAFullQueue: when a resize finds the trainer's
// command queue full, the histogram's new width is asked for again with the
// next snapshot, and the user sees no note about a command they never gave.
func TestBinsRequestSurvivesAFullQueue(t *testing.T) {
	tr := newIdleTrainer(t)
	for tr.Send(TogglePause{}) == nil {
	}
	m := NewModel(tr)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = mm.(Model)
	if m.binsSent || m.localNote != "" {
		t.Fatalf("with the queue full: sent %v, note %q", m.binsSent, m.localNote)
	}
	for len(tr.cmds) > 0 {
		<-tr.cmds
	}
	tr.publish()
	mm, _ = m.Update(snapshotMsg(<-tr.snaps))
	m = mm.(Model)
	cols := 100 - len(gap) - sideW - axisGutter
	if c := <-tr.cmds; !m.binsSent || c != (HistBins{cols}) {
		t.Fatalf("after the next snapshot: sent %v, queued %#v; want HistBins{%d}", m.binsSent, c, cols)
	}
}

// TestModeCoverageShows: against a multimodal target the quality panel
// counts the modes covered and gives each one's share; at 80×24 with the
// full help open every setting stays on screen all the same.
func TestModeCoverageShows(t *testing.T) {
	tr, snap := benchSnapshot(t, 10)
	snap.Eval.Metrics.Modes = []engine.ModeCoverage{
		{Share: 0.91, Expected: 0.5, Covered: true},
		{Share: 0.002, Expected: 0.5},
	}
	snap.Eval.Metrics.ModesCovered = 1
	for _, help := range []bool{false, true} {
		m := NewModel(tr)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m = mm.(Model)
		m.help.ShowAll = help
		m.apply(snap)
		view := m.View()
		for _, want := range []string{"modes 1/2  91% 0%", "KS ", "› D learning rate", "speed"} {
			if !strings.Contains(view, want) {
				t.Errorf("help %v: frame lacks %q:\n%s", help, want, view)
			}
		}
	}
}
