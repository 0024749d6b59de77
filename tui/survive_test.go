package tui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// straightRun trains cfg from seed for epochs epochs with the engine alone
// and returns the run and its history as CSV, as the reference that the
// session's files must match.
func straightRun(t *testing.T, cfg engine.Config, seed uint64, epochs int) (*engine.GAN, string) {
	t.Helper()
	g, err := engine.New(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	csv := session.CSVHeader + "\n"
	for range epochs {
		s, err := g.TrainEpoch()
		if err != nil {
			t.Fatal(err)
		}
		csv += fmt.Sprintf("%d,%g,%g,%g,%g,%g\n", s.Epoch, s.DReal, s.DFake, s.G, s.Mean, s.Std)
	}
	return g, csv
}

// lossColumns keeps the first six columns of a history CSV, the per-epoch
// ones (session.CSVHeader): the evaluation columns after them are filled
// where the session evaluated, which depends on timing in the trainer.
func lossColumns(csv string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(csv, "\n") {
		if line == "" {
			continue
		}
		f := strings.SplitN(strings.TrimSuffix(line, "\n"), ",", 7)
		b.WriteString(strings.Join(f[:min(6, len(f))], ",") + "\n")
	}
	return b.String()
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

// TestSaveKeyWritesTheRun: w writes a checkpoint that resumes as the run
// the screen showed — epoch, weights, optimizer and random state, retuned
// settings: the same bytes as the engine trained with the same calls —
// and the screen names the file.
func TestSaveKeyWritesTheRun(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 120, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.key("+") // D learning rate 1e-3 → 2e-3: the checkpoint holds it
	s.key("nnnnn")
	s.waitSnap("five epochs", func(s session.Snapshot) bool { return s.Epoch == 5 })
	s.key("w")
	snap := s.waitSnap("a checkpoint was saved", func(s session.Snapshot) bool { return strings.Contains(s.Note, ".ckpt") })
	path := noteFile(t, snap.Note, ".ckpt")
	if snap.Failed || filepath.Base(path) != "ganui-blog-original-seed1-epoch5.ckpt" {
		t.Fatalf("w saved to %q (failed %v), want ganui-blog-original-seed1-epoch5.ckpt", path, snap.Failed)
	}
	loaded, err := session.LoadCheckpoint(path)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := straightRun(t, blogConfig(t, 5000), 1, 0)
	want.SetLR(engine.D, 2e-3)
	for range 5 {
		want.TrainEpoch()
	}
	if loaded.Epoch() != 5 || loaded.Config().DLR != 2e-3 || !bytes.Equal(marshal(t, loaded), marshal(t, want)) {
		t.Fatalf("the checkpoint restores epoch %d, D lr %g, and differs from the run: %v",
			loaded.Epoch(), loaded.Config().DLR, !bytes.Equal(marshal(t, loaded), marshal(t, want)))
	}
	if view := s.finalView(); !strings.Contains(view, "ganui-blog-original-seed1-epoch5.ckpt") {
		t.Errorf("screen does not name the checkpoint:\n%s", view)
	}
}

func marshal(t *testing.T, g *engine.GAN) []byte {
	t.Helper()
	b, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportKeyWritesEveryEpoch: e writes a row for every epoch trained —
// far more than the charts keep — the same rows a plain engine run gives.
func TestExportKeyWritesEveryEpoch(t *testing.T) {
	const epochs = 3 * 512 // three times the points the charts keep
	cfg := testdesigns.PerSample(epochs)
	s := startScreen(t, cfg, 4, false, 100, 30)
	done := s.waitSnap("the run is done", func(s session.Snapshot) bool { return s.State == session.Done })
	if len(done.History) >= epochs/2 {
		t.Fatalf("the chart history has %d points for %d epochs: not downsampled", len(done.History), epochs)
	}
	s.key("n")
	s.waitSnap("one epoch past the plan", func(s session.Snapshot) bool { return s.Epoch == epochs+1 })
	s.key("e")
	snap := s.waitSnap("the history was exported", func(s session.Snapshot) bool { return strings.Contains(s.Note, ".csv") })
	path := noteFile(t, snap.Note, ".csv")
	if filepath.Base(path) != "ganui-per-sample-seed4-epoch1537.csv" || !strings.Contains(snap.Note, "epochs 1–"+numtext.FormatInt(epochs+1)) {
		t.Fatalf("e: %q", snap.Note)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, want := straightRun(t, cfg, 4, epochs+1)
	if lossColumns(string(got)) != want {
		lines := strings.Count(string(got), "\n")
		t.Fatalf("the export (%d lines) differs from the engine's history (%d lines)", lines, strings.Count(want, "\n"))
	}
	if view := s.finalView(); !strings.Contains(view, "ganui-per-sample-seed4-epoch1537.csv") {
		t.Errorf("screen does not name the CSV file:\n%s", view)
	}
}

// TestRollbackKey: on a diverged run the footer offers u, and u returns
// the run to its last good state, paused, saying so.
func TestRollbackKey(t *testing.T) {
	s := startScreen(t, testdesigns.LeastSquaresSGD(), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.key("nnn")
	s.waitSnap("three epochs", func(s session.Snapshot) bool { return s.Epoch == 3 })
	diverged := s.diverge()
	s.key("w")
	refused := s.waitSnap("the save refused", func(s session.Snapshot) bool { return s.Failed })
	if !strings.Contains(refused.Note, "not saved: the run has diverged") {
		t.Errorf("w on a diverged run: %q", refused.Note)
	}
	s.key("u")
	back := s.waitSnap("the roll-back", func(s session.Snapshot) bool { return s.State == session.Paused && s.Run == 1 })
	if back.Epoch != diverged.Rollback || !strings.Contains(back.Note, "rolled back to epoch") {
		t.Fatalf("u: epoch %d, note %q; want epoch %d", back.Epoch, back.Note, diverged.Rollback)
	}
	if view := s.finalView(); !strings.Contains(view, "rolled back to epoch") {
		t.Errorf("screen does not say it rolled back:\n%s", view)
	}
}

// TestFileErrorsReachTheScreen: a failure note shows as one.
func TestFileErrorsReachTheScreen(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 100, 30
	snap.Note, snap.Failed = "history not exported: open x: no such file or directory", true
	m.apply(snap)
	if got := strings.Join(m.statusLines(100, 3), " "); !strings.Contains(got, "✗ history not exported") {
		t.Errorf("status line %q", got)
	}
}

// TestResumedRunIsBitIdentical: a TUI opened on a checkpoint (--resume)
// continues exactly as the uninterrupted run: the same per-epoch history
// after the resume, and the same weights, optimizer and random state at
// the end.
func TestResumedRunIsBitIdentical(t *testing.T) {
	const n = 150
	cfg := blogConfig(t, 2*n)
	straight, straightCSV := straightRun(t, cfg, 9, 2*n)
	first, _ := straightRun(t, cfg, 9, n)
	ckpt := filepath.Join(t.TempDir(), "half.ckpt")
	if err := session.SaveCheckpoint(first, ckpt); err != nil {
		t.Fatal(err)
	}
	s := startScreenOn(t, session.Options{Resume: ckpt, Paused: true, Dir: t.TempDir()}, 100, 30)
	start := s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	if start.Epoch != n || start.From != n || session.PlainNote(start.Note) != "resumed at epoch 150; its checkpoint holds no history (an older ganui wrote it): the charts begin here" {
		t.Fatalf("resumed: epoch %d, history from %d, note %q", start.Epoch, start.From, start.Note)
	}
	s.key(" ")
	s.waitSnap("the plan is done", func(s session.Snapshot) bool { return s.State == session.Done && s.Epoch == 2*n })
	s.key("w")
	saved := s.waitSnap("the checkpoint", func(s session.Snapshot) bool { return strings.Contains(s.Note, ".ckpt") })
	end, err := session.LoadCheckpoint(noteFile(t, saved.Note, ".ckpt")) // the model, without the session's record
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(marshal(t, end), marshal(t, straight)) {
		t.Error("the resumed run ends in a different state from the straight run")
	}
	s.key("e")
	snap := s.waitSnap("the export", func(s session.Snapshot) bool { return strings.Contains(s.Note, ".csv") })
	if !strings.Contains(snap.Note, "epochs 151–300") {
		t.Errorf("export note %q", snap.Note)
	}
	got, err := os.ReadFile(noteFile(t, snap.Note, ".csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(straightCSV, "\n")
	want := lines[0] + strings.Join(lines[1+n:], "")
	if lossColumns(string(got)) != want {
		t.Fatal("the resumed run's history differs from the straight run's epochs 151–300")
	}
	// The charts start where the run resumed, labelled with whole epochs.
	if view := s.finalView(); !strings.Contains(view, "150") || !strings.Contains(view, "300") {
		t.Errorf("charts do not span epochs 150–300:\n%s", view)
	}
}

// TestResizeStorm: 150 sizes in a burst, tiny and huge among them,
// while the run trains at full speed: nothing breaks, no busy note shows,
// and the screen settles at the last size with a bin per column.
func TestResizeStorm(t *testing.T) {
	s := startScreen(t, blogConfig(t, 1_000_000), 1, false, 100, 30)
	s.waitSnap("training has begun", func(s session.Snapshot) bool { return s.Epoch > 0 })
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
	s.waitSnap("a bin per column at the final size", func(s session.Snapshot) bool { return len(s.Eval.Metrics.Hist.Counts) == cols })
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
	s := startScreen(t, blogConfig(t, 5000), 1, true, 20, 5)
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("too small")) },
		teatest.WithDuration(waitTimeout))
	view := s.finalView()
	checkFits(t, view, 20, 5)
	if !strings.Contains(view, "terminal too small:") || !strings.Contains(view, "70×20") {
		t.Errorf("20×5 screen:\n%s", view)
	}
}

// TestKeysPageOverQQAtTheSmallestSize: at 70×20, paused before the first epoch,
// the keys page (?) over the Q-Q view (v) takes the rows the samples band has,
// leaving its plot fewer than none: the Q-Q plot is drawn blank there, as at
// any size too small for it, rather than panicking, which would take the
// trainer down with the run.
func TestKeysPageOverQQAtTheSmallestSize(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, minWidth, minHeight)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.key("v")
	s.key("?")
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("esc closes")) },
		teatest.WithDuration(waitTimeout))
	s.tm.Send(tea.WindowSizeMsg{Width: minWidth + 1, Height: minHeight + 1})
	s.tm.Send(tea.WindowSizeMsg{Width: minWidth, Height: minHeight})
	view := s.finalView()
	checkFits(t, view, minWidth, minHeight)
	if !strings.Contains(view, "esc closes") {
		t.Errorf("70×20 keys page over the Q-Q view:\n%s", view)
	}
}

// TestTooSmallFitsAnySize: the too-small screen never draws outside the
// terminal, down to a single cell.
func TestTooSmallFitsAnySize(t *testing.T) {
	for w := 1; w < minWidth; w += 3 {
		for h := 1; h < minHeight; h++ {
			v := tooSmall(w, h, "n"+smallRefusal)
			checkFits(t, v, w, h)
			if w >= 10 && !strings.Contains(strings.ReplaceAll(v, "\n", ""), "70×20") {
				t.Errorf("%d×%d does not say what size is needed:\n%s", w, h, v)
			}
		}
	}
}

// TestTooSmallCutsNoWord: at every size under 70×20, down to 1×1, the too-small
// screen shows whole words of its messages or nothing: not "n" at 1×1 nor "ne"
// at 2×1, the head of "need 70×20" cut to the width.
func TestTooSmallCutsNoWord(t *testing.T) {
	for w := 1; w < minWidth; w++ {
		for h := 1; h < minHeight; h++ {
			for _, note := range []string{"", "space" + smallRefusal} {
				words := strings.Fields(fmt.Sprintf("terminal too small: need at least 70×20 (now %d×%d) too small q quits %s", w, h, note))
				v := ansi.Strip(tooSmall(w, h, note))
				for _, f := range strings.Fields(v) {
					if !slices.Contains(words, f) {
						t.Errorf("%d×%d, note %q: %q is no word of the messages:\n%s", w, h, note, f, v)
						break
					}
				}
			}
		}
	}
}

// TestTooSmallSaysHowToQuit: a key the too-small screen does not take is
// answered with the way out at every size from 10×5, whole where it fits beside
// one of the messages, else as "q quits"; at 20×5, where the message fills the
// screen, a key is not answered with nothing.
func TestTooSmallSaysHowToQuit(t *testing.T) {
	for w := 10; w < minWidth; w++ {
		for h := 5; h < minHeight; h++ {
			v := tooSmall(w, h, "space"+smallRefusal)
			checkFits(t, v, w, h)
			if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "q quits") || !strings.Contains(flat, "70×20") {
				t.Errorf("%d×%d does not say the size needed and how to quit:\n%s", w, h, v)
			}
		}
	}
	s := startScreen(t, blogConfig(t, 5000), 1, true, 20, 5)
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("too small")) },
		teatest.WithDuration(waitTimeout))
	s.key(" ")
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("q quits")) },
		teatest.WithDuration(waitTimeout))
	view := s.finalView()
	checkFits(t, view, 20, 5)
	if !strings.Contains(view, "terminal too small:") || !strings.Contains(view, "q quits") {
		t.Errorf("20×5 screen after space:\n%s", view)
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
	s, snap := benchSnapshot(t, 60)
	snap.Note, snap.Failed = "checkpoint not saved: disk full", true
	for _, c := range []struct {
		name    string
		env     map[string]string
		escapes bool
	}{{"colour", color, true}, {"NO_COLOR", noColor, false}} {
		t.Run(c.name, func(t *testing.T) {
			lipgloss.SetColorProfile(profile(c.env))
			defer lipgloss.SetColorProfile(termenv.Ascii)
			m := NewModel(s)
			mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			m = mm.(Model)
			m.apply(snap)
			view := m.View()
			if got := strings.Contains(view, "\x1b"); got != c.escapes {
				t.Fatalf("escape sequences in the frame: %v, want %v", got, c.escapes)
			}
			for _, marker := range []string{"› D learning rate", "✗ checkpoint not saved", "● D real", "○ D fake", "■ G", "█ generated"} {
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
	run := func() error {
		s, err := session.New(session.Options{Config: blogConfig(t, 10), Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Run(s, "", func() {}, nil)
		return err
	}
	t.Setenv("TERM", "dumb")
	if err := run(); !errors.Is(err, ErrDumbTerminal) {
		t.Errorf("TERM=dumb: %v, want ErrDumbTerminal", err)
	}
	t.Setenv("TERM", "xterm-256color")
	if term.IsTerminal(os.Stdout.Fd()) {
		t.Skip("standard output is a terminal here")
	}
	if err := run(); !errors.Is(err, ErrNotTerminal) {
		t.Errorf("output not a terminal: %v, want ErrNotTerminal", err)
	}
}

// TestSparklineTakesAnyValue: the metrics of a generator blowing up are
// infinite or NaN; the sparkline draws them instead of failing.
func TestSparklineTakesAnyValue(t *testing.T) {
	got := sparkBetween([]float64{1, 2, math.Inf(1), math.NaN(), math.Inf(-1), 3}, 1, 3)
	if want := "▁▅█  █"; got != want {
		t.Fatalf("sparkline %q, want %q", got, want)
	}
}

// TestRangeRoundsOutwards: a sparkline's range is rounded outwards to two
// significant digits, so that it holds every value it is the range of
// (0.288 beside checks of 0.29 to 2.7: to the nearest, "0.29–2.70"), and
// the bars are drawn on the range printed: checks that print alike are
// flat bars, not a full one beside an empty one.
func TestRangeRoundsOutwards(t *testing.T) {
	for _, c := range []struct {
		vals     []float64
		v        float64
		rng, bar string
	}{
		{[]float64{2.7, 1.2, 0.29}, 0.288, " 0.28–2.70", "█▄▁"},
		{[]float64{0.91, 0.95}, 0.93, " 0.91–0.95", "▁█"},
		{[]float64{1.9512, 1.9508}, 1.951, " 1.9–2.0", "▅▅"},
		{[]float64{0.5, 0.5, 0.5}, 0.5, "", "▄▄▄"},
		{[]float64{31045, 31800}, 30999, " 30,000–32,000", "▅▇"},
		{[]float64{2.824e10, 2.9e10}, 2.85e10, " 2.8e10–2.9e10", "▃█"},
	} {
		sc := scaleOf(c.vals, c.v)
		if bars := sparkBetween(c.vals, sc.lo, sc.hi); sc.text != c.rng || bars != c.bar {
			t.Errorf("%v beside %v: range %q, bars %q; want %q, %q", c.vals, c.v, sc.text, bars, c.rng, c.bar)
		}
	}
}

// TestMetricLineDescribesItsBars: when only the last evaluations fit, the
// arrow and the range describe those, not older ones off the line: a
// distance that fell for long and rose lately reads ↑ over the bars that
// rose, with their range.
func TestMetricLineDescribesItsBars(t *testing.T) {
	tr := trend{vals: []float64{9, 8, 7, 6, 5, 4, 3, 2, 1, 1.5, 2, 2.5, 3}}
	for _, c := range []struct {
		w          int
		arrow, rng string
	}{
		{20, "↑", " 1–3"}, // five bars fit: 1 to 3, rising
		{60, "↓", " 1–9"}, // all fit: the fall shows
	} {
		line := ansi.Strip(metricLine("W1", 3, false, &tr, c.w))
		if !strings.Contains(line, c.arrow) || !strings.HasSuffix(line, c.rng) {
			t.Errorf("width %d: %q; want %s and a range ending %q", c.w, line, c.arrow, c.rng)
		}
		if lipgloss.Width(line) > c.w {
			t.Errorf("width %d: %q is wider", c.w, line)
		}
	}
}

// TestArrowLeavesNoiseWithoutDirection: a change over the bars, the checks and
// the value after them, no larger than sampling alone makes (the measure's
// noise floor at a check, session.Snapshot.CheckNoise) reads →, as the glossary
// says: uniform-flat-noise's KS checks, all under their floor of 0.030, do not
// read ↑ from 0.025 to 0.029 beside a live KS of 0.015, lower than any of them,
// nor do its W1 checks. A change past the noise keeps its arrow, and with no
// noise known the fall from the first check to the value shows.
func TestArrowLeavesNoiseWithoutDirection(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	noise := session.EvalPoint{KS: engine.KSNoiseFloor(2000), W1: 0.028}
	flat := []session.EvalPoint{{KS: 0.025, W1: 0.031}, {KS: 0.031, W1: 0.06}, {KS: 0.03, W1: 0.045}, {KS: 0.029, W1: 0.041}}
	falling := []session.EvalPoint{{KS: 0.3, W1: 0.9}, {KS: 0.2, W1: 0.5}, {KS: 0.1, W1: 0.2}}
	for _, c := range []struct {
		name  string
		evals []session.EvalPoint
		noise session.EvalPoint
		arrow string
	}{
		{"within noise", flat, noise, "→"},
		{"no noise known", flat, session.EvalPoint{}, "↓"},
		{"past noise", falling, noise, "↓"},
	} {
		value := session.Eval{Epoch: 100, Metrics: engine.Metrics{N: 10000, KS: 0.015, W1: 0.028}}
		ks, w1, _ := trends(c.evals, &value, c.noise)
		for _, r := range []struct {
			name string
			v    float64
			t    trend
		}{{"KS", value.Metrics.KS, ks}, {"W1", value.Metrics.W1, w1}} {
			line := ansi.Strip(metricLine(r.name, r.v, false, &r.t, 60))
			if want := r.name + " " + ansi.Strip(numtext.Measure(r.v)) + " " + c.arrow + " "; !strings.HasPrefix(line, want) {
				t.Errorf("%s: %q, want it to begin %q", c.name, line, want)
			}
		}
	}
	help := glossaryText(&Model{}, "trend")
	if !strings.Contains(help, "sampling alone") {
		t.Errorf("the glossary's trend entry does not say a change within noise reads →:\n%s", help)
	}
}

// TestArrowFollowsTheChecks: the arrow says where the checks went, the last
// against the first, by their values, as the glossary says: KS checks from
// 0.050 to 0.056 between peaks of 0.2, both ends ▁, rise 12% and read ↑, not →
// as an arrow following the bars' heights would; checks within 1% of each other
// read →, however their bars rise and fall; a rise and a fall read ↑ and ↓.
func TestArrowFollowsTheChecks(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		vals        []float64
		bars, arrow string
	}{
		{[]float64{0.05, 0.2, 0.15, 0.2, 0.08, 0.056}, "▁█▆█▂▁", "↑"},
		{[]float64{0.890, 0.899, 0.893, 0.898}, "▁▇▃▇", "→"},
		{[]float64{0.05, 0.2, 0.15, 0.2, 0.08, 0.1}, "▁█▆█▂▃", "↑"},
		{[]float64{0.1, 0.2, 0.15, 0.2, 0.08, 0.05}, "▃█▆█▂▁", "↓"},
	} {
		line := ansi.Strip(metricLine("KS", c.vals[len(c.vals)-1], false, &trend{vals: c.vals}, 60))
		if want := c.arrow + " " + c.bars + " "; !strings.Contains(line, want) {
			t.Errorf("%v: %q, want %q in it", c.vals, line, want)
		}
	}
	help := glossaryText(&Model{}, "trend")
	if !strings.Contains(help, "by their values") {
		t.Errorf("the glossary's trend entry does not say the arrow follows the checks' values:\n%s", help)
	}
}

func TestExpForm(t *testing.T) {
	for v, want := range map[float64]string{1.5e9: "1.5e9", 2e9: "2e9", 15046658048: "1.505e10", -3e-7: "-3e-7", 1e5: "1e5"} {
		prec := 4
		if got := numtext.Digits(v, prec); got != want {
			t.Errorf("numtext.Digits(%g, %d) = %q, want %q", v, prec, got, want)
		}
	}
	if got := axisNum(2e9, 0); got != "2e9" {
		t.Errorf("axisNum(2e9) = %q", got)
	}
}

// TestScreenNumbersReadPlainly: numbers under 10⁵ are written in plain digits,
// as a learner reads them: a critic's score range does not read "D(x) score
// 0.27 to 1e2", nor a bin's width 1e3, nor an axis 1k for 1000 and 0 for 5e-5
// (%g's 5e-05 does not fit four cells).
func TestScreenNumbersReadPlainly(t *testing.T) {
	lo, hi := rangeEnds(0.27, 100)
	for _, c := range []struct{ got, want string }{
		{lo + " to " + hi, "0.27 to 100"},
		{rangeNum(-150, 2), "-150"},
		{num(1000), "1000"},
		{num(12345), "12300"},
		{shortNum(1000), "1000"},
		{shortNum(5e-5), "5e-5"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestScreenNumbersWriteShortExponents: a target's parameter, a sparkline's
// range and the loss chart's balance score write an exponent as the rest of the
// screen does (5e5, 1.2e-5), not in strconv's %g form, 5e+05 and 1.2e-05.
func TestScreenNumbersWriteShortExponents(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{num(5e5), "5e5"},
		{num(-1.25e-5), "-1.25e-5"},
		{rangeNum(1.2e-5, 2), "1.2e-5"},
		{rangeNum(1234, 2), "1200"},
		{rangeNum(0.99815, 4), "0.9981"},
		{eqLabel(&session.Equilibrium{D: 1.5e-5, Samples: true}, 40), "D(x)=1.5e-5"},
		{eqLabel(&session.Equilibrium{D: 1.5e-5}, 40), "D=1.5e-5"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// TestModesLineGivesTheTargetsShares: the modes line gives what each mode is
// due after "vs", as the plane's axes give the target's moments and the
// diagnosis "50% in the target": one share for modes due alike, each for others,
// and none where it would not fit the panel whole. "modes 2/2  30% 58%"
// (bimodal, seed 1, epoch 10,000) alone would leave the 50% each is due to be
// worked out from the target's name. A blob's "blob" takes the count's place,
// the shares in the same columns and "vs 50%" after them, so that "modes 2/2
// blob 37% 37%" (historical-averaging --epochs 3000, seed 1) has room for it. A
// three-mode mixture's count gives up its second space for "vs 33%", "modes 3/3
// 20% 20% 20% vs 33%" in 28 columns, where "modes 3/3  20% 20% 20%" would leave
// it out; a blob of three has no space to give. The ? page's modes entry says
// what follows "vs" and what "blob" stands for, in the two rows it takes at
// 120×40: explaining the count and the shares alone would leave "vs 50%" to the
// moments entry's "after vs", said of skew and kurtosis.
func TestModesLineGivesTheTargetsShares(t *testing.T) {
	even := []engine.ModeCoverage{{Share: 0.30, Expected: 0.4987, Covered: true}, {Share: 0.58, Expected: 0.4987, Covered: true}}
	uneven := []engine.ModeCoverage{{Share: 0.30, Expected: 0.3, Covered: true}, {Share: 0.6, Expected: 0.7, Covered: true}}
	three := []engine.ModeCoverage{{Share: 0.95, Expected: 0.4, Covered: true}, {Share: 0.002, Expected: 0.3}, {Share: 0, Expected: 0.3}}
	thirds := []engine.ModeCoverage{{Share: 0.2, Expected: 0.3333, Covered: true}, {Share: 0.2, Expected: 0.3333, Covered: true}, {Share: 0.2, Expected: 0.3333, Covered: true}}
	for _, c := range []struct {
		modes   []engine.ModeCoverage
		blurred bool
		want    string
	}{
		{even, false, "modes 2/2  30% 58% vs 50%"},
		{uneven, false, "modes 2/2  30% 60% vs 30% 70%"},
		{three, false, "modes 1/3  95% <1% 0%"}, // "vs 40% 30% 30%" does not fit in 28
		{thirds, false, "modes 3/3 20% 20% 20% vs 33%"},
		{thirds, true, "modes blob 20% 20% 20%"}, // "vs 33%" does not fit in 28
		{even, true, "modes blob 30% 58% vs 50%"},
	} {
		mt := engine.Metrics{Modes: c.modes}
		for _, m := range c.modes {
			if m.Covered {
				mt.ModesCovered++
			}
		}
		w := sideW
		if c.modes[1].Expected == 0.7 {
			w = 40
		}
		if got := ansi.Strip(modesLine(mt, c.blurred, w)); got != c.want {
			t.Errorf("modes %+v (blob %v) in %d: %q, want %q", c.modes, c.blurred, w, got, c.want)
		}
	}
	for _, g := range glossaryOf(false) {
		if g[0] != "modes" {
			continue
		}
		if lines := wrapIndent(styleBold.Render(g[0])+"  "+g[1], 120); !strings.Contains(g[1], "share of samples vs the target's") || !strings.Contains(g[1], "blob for all/all") || len(lines) > 2 {
			t.Errorf("the modes entry, %d rows at 120 columns, does not say what follows vs and what blob stands for: %q", len(lines), g[1])
		}
		return
	}
	t.Error("no modes entry")
}

// TestModeCoverageShows: against a multimodal target the quality panel
// counts the modes covered and gives each one's share, one that is not
// zero never as 0%, live and replayed; at 80×24 with the full help open
// every setting stays on screen all the same.
func TestModeCoverageShows(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	snap.Eval.Metrics.Modes = []engine.ModeCoverage{
		{Share: 0.91, Expected: 0.5, Covered: true},
		{Share: 0.002, Expected: 0.5},
	}
	snap.Eval.Metrics.ModesCovered = 1
	for _, help := range []bool{false, true} {
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m = mm.(Model)
		if help {
			m.nextHelpPage() // as ? does
		}
		m.apply(snap)
		view := m.View()
		for _, want := range []string{"modes 1/2  91% <1% vs 50%", "KS ", "› D learning rate", "speed"} {
			if !strings.Contains(view, want) {
				t.Errorf("help %v: frame lacks %q:\n%s", help, want, view)
			}
		}
	}
	// A replayed keyframe's shares read alike: 0.2% is <1%, none is 0%.
	replay := snap
	key := snap.Eval
	key.Metrics.Modes = []engine.ModeCoverage{{Share: 0.95, Expected: 0.4, Covered: true}, {Share: 0.002, Expected: 0.3}, {Share: 0, Expected: 0.3}}
	replay.Replay = &session.Keyframe{Eval: key, Last: snap.Last}
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = mm.(Model)
	m.apply(replay)
	if view := m.View(); !strings.Contains(view, "modes 1/3  95% <1% 0%") {
		t.Errorf("replayed shares read otherwise:\n%s", view)
	}
}

// TestHistoryFileWarning: with nowhere to keep the history file, the
// screen says so from the start and keeps saying it, and e still exports
// the epochs the session holds.
func TestHistoryFileWarning(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("TMPDIR is not how Windows finds its temporary directory")
	}
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	s := startScreen(t, blogConfig(t, 5000), 1, true, 100, 30)
	first := s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	if !strings.Contains(first.Warning, "history file") {
		t.Fatalf("warning at the start: %q", first.Warning)
	}
	s.key("nnn")
	s.waitSnap("three epochs", func(s session.Snapshot) bool { return s.Epoch == 3 })
	s.key("e")
	snap := s.waitSnap("the export", func(s session.Snapshot) bool { return strings.Contains(s.Note, ".csv") })
	if snap.Failed || !strings.Contains(snap.Note, "epochs 1–3") || snap.Warning == "" {
		t.Fatalf("export with no history file: %q (failed %v), warning %q", snap.Note, snap.Failed, snap.Warning)
	}
	if view := s.finalView(); !strings.Contains(view, "⚠ history file") {
		t.Errorf("the screen does not show the warning:\n%s", view)
	}
}

// TestFooterKeepsQuit: at every width the trainer accepts, in every state,
// replaying or not, the footer fits and ends with help and quit; the optional
// keys are the ones left out when room runs short. In a replay it begins with
// the way back to live and the replay's keys, and still fits: "esc live" put
// before all the keys a finished run's bar cannot do without would take 80
// columns, and at 70 cut help and quit. ? may name the keys the bar has no
// room for in help's place ("? w e R", bar).
func TestFooterKeepsQuit(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, st := range []session.State{session.Running, session.Paused, session.Done, session.Diverged} {
		for _, can := range []bool{false, true} { // keyframes to replay, a state to roll back to
			for _, replaying := range []bool{false, true} {
				if replaying && (!can || st == session.Running) {
					continue // no replay without keyframes, nor while running
				}
				for w := minWidth; w <= 200; w++ {
					k := newKeyMap()
					k.state, k.width, k.frames, k.rollback, k.replaying = st, w, can, can, replaying
					h := help.New()
					h.ShortSeparator, h.Width = footerSep, w
					line := h.ShortHelpView(k.ShortHelp())
					parts := strings.Split(line, footerSep) // ? may name the keys left out (bar)
					ends := len(parts) > 2 && parts[len(parts)-1] == "q quit" && strings.HasPrefix(parts[len(parts)-2], "? ")
					if !ends || lipgloss.Width(line) > w {
						t.Fatalf("%s at width %d, replaying %v: footer %q (%d cells)", st, w, replaying, line, lipgloss.Width(line))
					}
					if replaying && !strings.HasPrefix(line, "esc live · ,. replay · ") {
						t.Fatalf("%s at width %d, replaying: footer %q does not begin with the way back and the replay", st, w, line)
					}
				}
			}
		}
	}
}

// TestFooterOffersPaceWhenStill: [ and ] set the pace of a paused or
// finished run too (the pace space runs at), and its footer offers them:
// at 120×40 with the rest that fits, at 80×24 by their keys after ?, with
// the baseline's and the others that have no room for their words there
// ("? b [] r w e R", bar).
func TestFooterOffersPaceWhenStill(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		state session.State
		w     int
		want  []string // in the footer
		not   string   // and not
	}{
		{session.Done, 80, []string{"space go on", "? b [] r w e R"}, "b baseline"},
		{session.Paused, 80, []string{"space run", "? b [] r w e R"}, "[] speed"},
		{session.Paused, 120, []string{"b baseline", "[] speed", "w save", "e csv", "r reseed"}, ""},
		// "space go on" is two cells wider than "space run": e csv, last, gives way.
		{session.Done, 120, []string{"b baseline", "[] speed", "r reseed", "w save"}, "e csv"},
	} {
		k := newKeyMap()
		k.state, k.width, k.frames, k.export = c.state, c.w, true, true
		h := help.New()
		h.ShortSeparator, h.Width = footerSep, c.w
		line := h.ShortHelpView(k.ShortHelp())
		for _, want := range c.want {
			if !strings.Contains(line, want) {
				t.Errorf("%s at width %d: footer %q lacks %q", c.state, c.w, line, want)
			}
		}
		if c.not != "" && strings.Contains(line, c.not) {
			t.Errorf("%s at width %d: footer %q has %q", c.state, c.w, line, c.not)
		}
	}
}

// TestFooterOffersOnlyWhatActs: the footer offers , and . only once the run has
// a keyframe to replay, u only with a kept state to roll back to (on a diverged
// run, or further back on one just rolled back, which the footer offers too),
// and e only with something to export; pressed without one, each key only says
// why it cannot act. The keys they leave room for go to the optional ones. A
// paused run at epoch 0 does not offer "e csv" at 120×40, whose e says "nothing
// to export yet: no epoch trained".
func TestFooterOffersOnlyWhatActs(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height, m.keys.width = 120, 40, 120
	footer := func(snap session.Snapshot) string {
		m.apply(snap)
		return m.help.ShortHelpView(m.keys.ShortHelp())
	}
	paused := snap
	paused.State, paused.Frames = session.Paused, 0
	if got := footer(paused); strings.Contains(got, "replay") {
		t.Errorf("paused with no keyframes, the footer offers replay: %q", got)
	}
	paused.Frames = 3
	if got := footer(paused); !strings.Contains(got, ",. replay") {
		t.Errorf("paused with keyframes, the footer does not offer replay: %q", got)
	}
	paused.Exportable = false
	if got := footer(paused); strings.Contains(got, "csv") || !strings.Contains(got, "w save") {
		t.Errorf("paused with nothing to export, the footer offers e (or not w): %q", got)
	}
	paused.Exportable = true
	if got := footer(paused); !strings.Contains(got, "e csv") || strings.Contains(got, "roll back") {
		t.Errorf("paused with epochs to export, the footer does not offer e (or offers u): %q", got)
	}
	// Just rolled back, with an older state kept: u again goes back to
	// it, as the status says, and the footer offers it.
	paused.Rollback = 1
	if got := footer(paused); !strings.Contains(got, "u again") {
		t.Errorf("paused where u goes further back, the footer does not offer u: %q", got)
	}
	diverged := snap
	diverged.State, diverged.Rollback = session.Diverged, -1
	diverged.Err = &session.Divergence{Epoch: 3, What: "D's loss on generated data"}
	if got := footer(diverged); strings.Contains(got, "roll back") || !strings.Contains(got, "r reseed") {
		t.Errorf("diverged with no kept state, the footer offers u (or not r): %q", got)
	}
	diverged.Rollback = 0
	if got := footer(diverged); !strings.Contains(got, "u roll back") {
		t.Errorf("diverged with a kept state, the footer does not offer u: %q", got)
	}
}

// TestFooterNamesUAgain: just rolled back with an older state kept, the
// footer keeps "u again" at every width, in a replay too, and with 0
// named at 80, after ? ("? 0 v b [] r w e R", bar): u's note gives its "u again goes back to
// epoch …" way first where the status is short of room, and at 80×24
// "u roll back", among the optional keys, gave way to "0 reset" too, so
// that going further back was named nowhere (vanilla --set d_lr=5e-3,
// G lr raised until it ran away, u).
func TestFooterNamesUAgain(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, replaying := range []bool{false, true} {
		for _, reset := range []bool{false, true} {
			for w := minWidth; w <= 200; w++ {
				k := newKeyMap()
				k.state, k.width, k.frames, k.export, k.rollback, k.reset, k.replaying = session.Paused, w, true, true, true, reset, replaying
				h := help.New()
				h.ShortSeparator, h.Width = footerSep, w
				line := h.ShortHelpView(k.ShortHelp())
				parts := strings.Split(line, footerSep) // ? may name the keys left out (bar)
				ends := len(parts) > 2 && parts[len(parts)-1] == "q quit" && strings.HasPrefix(parts[len(parts)-2], "? ")
				if !strings.Contains(line, "u again") || !ends || lipgloss.Width(line) > w {
					t.Fatalf("just rolled back at width %d, 0 offered %v, replaying %v: footer %q (%d cells), want \"u again\" in it", w, reset, replaying, line, lipgloss.Width(line))
				}
				if w == 80 && reset && !replaying && line != "space run · n step · ,. replay · ←→ tune · u again · ? 0 v b [] r w e R · q quit" {
					t.Errorf("at 80 beside 0: footer %q", line)
				}
			}
		}
	}
}

// TestSmallestScreenKeepsItsCharts: at the smallest sizes the trainer takes,
// 70×20 and 70×21, each chart of the band has two rows of plot at least, each
// labelled, a scale that can be read; the higher moments give way to the chart,
// skew after σ in the legend. Kept, their line under the moments chart would
// leave it one row, its mean and std a smear of dots there under a single Y
// label (5, for a range of 0 to 5.3).
func TestSmallestScreenKeepsItsCharts(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 300, minWidth)
	for _, h := range []int{minHeight, minHeight + 1} {
		view := frame(t, s, snap, minWidth, h)
		lines := strings.Split(view, "\n")
		var left, right int // rows labelled on each chart's Y axis, under the legends
		for _, l := range lines[3 : 1+2+minChartRows] {
			r := []rune(ansi.Strip(l))
			if half := (minWidth - len(gap)) / 2; len(r) > half {
				left += strings.Count(string(r[:half]), "┤")
				right += strings.Count(string(r[half:]), "┤")
			}
		}
		if left < 2 || right < 2 || !strings.Contains(lines[2], "σ std") || !strings.Contains(lines[2], "skew ") {
			t.Errorf("70×%d: %d labelled rows in the losses chart, %d in the moments chart; want 2 each, and skew after σ:\n%s", h, left, right, view)
		}
	}
}

// TestEverySettingInSight: on a short screen whose side panel also holds
// a modes line, the measures give way before the settings, so the row
// the arrows change stays on screen, the last one included.
func TestEverySettingInSight(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 300, 200)
	if len(snap.Eval.Metrics.Modes) == 0 {
		t.Fatal("the bimodal snapshot has no modes line")
	}
	for _, size := range [][2]int{{200, minHeight}, {120, minHeight}, {minWidth, minHeight}, {200, 22}} {
		view := ansi.Strip(frame(t, s, snap, size[0], size[1], "j", "j", "j", "j"))
		for i := range session.NumSettings {
			if !strings.Contains(view, i.String()) {
				t.Errorf("%d×%d: setting %q not on screen:\n%s", size[0], size[1], i, view)
			}
		}
		if !strings.Contains(view, "› "+session.Speed.String()) {
			t.Errorf("%d×%d: the selected setting, speed, not on screen:\n%s", size[0], size[1], view)
		}
		if !strings.Contains(view, "KS ") {
			t.Errorf("%d×%d: KS gave way before the settings' room ran out:\n%s", size[0], size[1], view)
		}
	}
}

// TestReplayShowsTheTrendsUpToItsEpoch: in a replay the side panel gives
// the keyframe's KS and W1 with the trends of the run's checks up to the
// keyframe's epoch, the run as it stood then: not the live run's arrows
// and bars, which describe later evaluations (a value outside its printed
// range), and not none.
func TestReplayShowsTheTrendsUpToItsEpoch(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 120, 40
	snap.Evals = nil
	for i := range 4 { // the live run's checks, worse each time
		snap.Evals = append(snap.Evals, session.EvalPoint{Epoch: 10 * (i + 1), KS: 0.1 * float64(i+1), W1: 0.5 * float64(i+1)})
	}
	snap.Eval.Epoch = 45 // the screen's evaluation after them
	m.apply(snap)
	measures := func(panel string) (lines []string) {
		for l := range strings.Lines(panel) {
			if strings.HasPrefix(l, "KS ") || strings.HasPrefix(l, "W1 ") {
				lines = append(lines, strings.TrimSpace(l))
			}
		}
		return lines
	}
	if live := measures(m.sidePanel(40, 20)); len(live) != 2 || !strings.Contains(live[0], "↑") || !strings.Contains(live[1], "0.5–2") {
		t.Fatalf("live measures have no trend: %q", live)
	}
	replay := snap
	key := replay.Eval
	key.Epoch, key.Metrics.KS, key.Metrics.W1 = 20, 0.2, 1 // the check at epoch 20
	replay.Replay = &session.Keyframe{Eval: key, Last: snap.Last}
	m.apply(replay)
	if got := measures(m.sidePanel(40, 20)); !slices.Equal(got, []string{"KS 0.200 ↑ ▁█ 0.1–0.2", "W1 1.000 ↑ ▁█ 0.5–1.0"}) {
		t.Errorf("replayed measures %q; want the keyframe's values with the checks to epoch 20", got)
	}
}

// TestQualityRowEndsAtItsValue: a Quality row's last bar is the value it begins
// with, the screen's evaluation, after the checks made before its epoch, and
// its arrow goes from the first bar to that value. With the checks alone as
// bars, the arrow theirs, devnag-2017 (seed 1, epoch 8,261) would read "W1
// 0.298 ↑ ▃▃▄▄▆▁█ 0.24–0.41", a rise to a last bar of 0.41 beside a value back
// at the first's. A check of the value's own epoch gives way to it, and one
// after it waits for the next evaluation.
func TestQualityRowEndsAtItsValue(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 120, 40
	snap.Evals = nil
	for i, w1 := range []float64{0.3, 0.3, 0.32, 0.33, 0.36, 0.24, 0.41} { // devnag-2017's checks to epoch 8,100
		snap.Evals = append(snap.Evals, session.EvalPoint{Epoch: 6300 + 300*i, KS: 0.15, W1: w1})
	}
	row := func(epoch int) string {
		snap.Eval.Epoch, snap.Eval.Metrics.KS, snap.Eval.Metrics.W1 = epoch, 0.15, 0.298
		m.apply(snap)
		for l := range strings.Lines(m.sidePanel(40, 20)) {
			if strings.HasPrefix(l, "W1 ") {
				return strings.TrimSpace(l)
			}
		}
		t.Fatalf("at epoch %d no W1 row", epoch)
		return ""
	}
	for _, c := range []struct {
		epoch int
		want  string
	}{
		{8261, "W1 0.298 → ▃▃▄▅▆▁█▃ 0.24–0.41"}, // after every check
		{8100, "W1 0.298 → ▅▅▆▆█▁▄ 0.24–0.36"},  // in place of the check of its epoch
		{8000, "W1 0.298 → ▅▅▆▆█▁▄ 0.24–0.36"},  // before the last check
	} {
		if got := row(c.epoch); got != c.want {
			t.Errorf("value at epoch %d: %q, want %q", c.epoch, got, c.want)
		}
	}
}

// TestDivergenceStaysInSight: what went wrong and where u goes stay in
// the status lines of a diverged run after a key leaves a note there (a
// refused space, a retuned learning rate): the note follows them.
func TestDivergenceStaysInSight(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 100, 30
	snap.State, snap.Rollback = session.Diverged, 0
	snap.Err = &session.Divergence{Epoch: 320, What: "a runaway", Runaway: "the generated samples far outside the target's range for 200 epochs"}
	snap.Note = "D lr 5 → 2 from the next epoch trained"
	m.apply(snap)
	got := strings.Join(strings.Fields(strings.Join(m.statusLines(100, 3), " ")), " ")
	for _, want := range []string{"✗ Ran away at epoch 320", "u rolls back to epoch 0", "D lr 5 → 2 from the next epoch trained"} {
		if !strings.Contains(got, want) {
			t.Errorf("status %q lacks %q", got, want)
		}
	}
	// At 80 columns a long runaway fills the area: the key's answer keeps
	// its line, the runaway is cut.
	snap.Err.Runaway = strings.Repeat("the generated samples far outside the target's range ", 4) + "for 200 epochs"
	snap.Note = "wrote ganui-vanilla-seed1.json · ganui --preset vanilla --seed 1"
	m.apply(snap)
	lines := m.msgLines(80, 3)
	got = strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	if len(lines) > 3 || !strings.Contains(got, "✗ Ran away at epoch 320") || !strings.Contains(got, "wrote ganui-vanilla-seed1.json") || !strings.Contains(got, "…") {
		t.Errorf("80 columns, 3 lines: %q", lines)
	}
}

// TestRunawayKeepsItsAdvice: where a runaway's status has not the
// room for it all, its detail gives way before the advice, what the user
// is to do: vanilla run away at 80×24, with a retuned learning rate's
// note under it, kept the detail and lost "lower a learning rate".
func TestRunawayKeepsItsAdvice(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 80, 24
	snap.State, snap.Rollback = session.Diverged, 2100
	snap.Err = &session.Divergence{Epoch: 2161, What: "a runaway", Runaway: "the generated samples stayed far outside the target's range [-1, 9] (the last batch's mean 4.8879e5) for 200 epochs"}
	snap.Note = "G lr 5e-5 → 5 in 15 changes, after epochs 1,849 to 1,956, each an event"
	m.apply(snap)
	lines := m.statusLines(80, 3)
	got := ansi.Strip(strings.Join(lines, "\n"))
	flat := strings.Join(strings.Fields(got), " ")
	for _, want := range []string{"✗ Ran away at epoch 2,161: the generated samples stayed far outside … u rolls back to epoch 2,100; lower a learning rate (↑↓ pick, ← lower) and go on.", "G lr 5e-5 → 5 in 15 changes"} {
		if !strings.Contains(flat, want) {
			t.Errorf("status at 80 columns, 3 lines:\n%s\nlacks %q", got, want)
		}
	}
	if len(lines) > 3 || !fits(lines, 80) || strings.Contains(flat, "(the last") {
		t.Errorf("status at 80 columns, 3 lines:\n%s", got)
	}
	// With the room for it, the detail is whole.
	flat = strings.Join(strings.Fields(ansi.Strip(strings.Join(m.statusLines(80, 4), " "))), " ")
	if want := "(the last batch's mean 4.8879e5) for 200 epochs. u rolls back to epoch 2,100; lower a learning rate"; !strings.Contains(flat, want) {
		t.Errorf("status at 80 columns, 4 lines: %q lacks %q", flat, want)
	}
}

// TestRunawayAdviceHasTheDiagnosisRow: a live runaway far from its
// target keeps no row for the diagnosis, whose findings the status says
// (a row there would read only "? twice explains each mark."): at 80×24
// vanilla run away with its learning rate retuned read "✗ Ran away at
// epoch 6,559: … u rolls back to epoch 5,922; 0 sets each back (↑↓ …",
// what to do cut off. A frame replayed keeps the row for its findings.
func TestRunawayAdviceHasTheDiagnosisRow(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 80, 24
	snap.State, snap.Rollback = session.Diverged, 5922
	snap.Err = &session.Divergence{Epoch: 6559, What: "a runaway", Runaway: "D's loss on generated data stuck at 100, its limit, for 200 epochs"}
	snap.Settings.DLR, snap.Settings.GLR = snap.Start.DLR*10, snap.Start.GLR*10
	snap.DivergedWith = snap.Settings
	snap.Note = "D lr 1e-3 → 1e-2 in 1 change, after epoch 6,330, each an event"
	m.apply(snap)
	if far, _ := m.snap.Eval.Far(m.snap.CheckNoise); !far {
		t.Fatalf("the run is not far from its target (KS %v): the test would not see the diagnosis's row", m.snap.Eval.Metrics.KS)
	}
	lines := m.msgLines(80, 3)
	flat := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, " "))), " ")
	for _, want := range []string{"✗ Ran away at epoch 6,559", "u rolls back to epoch 5,922; 0 sets each back (↑↓ pick), D lr to", "or lower a learning rate (← lower)", "D lr 1e-3 → 1e-2"} {
		if !strings.Contains(flat, want) {
			t.Errorf("messages at 80 columns, 3 lines:\n%s\nlack %q", ansi.Strip(strings.Join(lines, "\n")), want)
		}
	}
	if len(lines) > 3 || !fits(lines, 80) {
		t.Errorf("messages at 80 columns, 3 lines:\n%s", ansi.Strip(strings.Join(lines, "\n")))
	}
}

// TestRunawayAdviceNamesTheDesignsValue: a run that ran away with a
// learning rate raised above its design's is told that 0 sets it back, as
// u's note tells it, where the advice named only ←; two retunes are named
// together, a rate already lowered below the design's is not (0 would
// raise it), and a run never retuned reads as before.
func TestRunawayAdviceNamesTheDesignsValue(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 120, 40
	snap.State = session.Diverged
	snap.Err = &session.Divergence{Epoch: 2161, What: "a runaway", Runaway: "the generated samples stayed far outside the target's range [-1, 9] for 200 epochs"}
	snap.Note = ""
	start := snap.Start
	glr := start.Text(session.GLR)
	for _, c := range []struct {
		name     string
		rollback int
		change   func(*session.Settings)
		want     string
	}{
		{"G lr raised", 2100, func(st *session.Settings) { st.GLR = 5 },
			"u rolls back to epoch 2,100; 0 sets G lr back to " + glr + " (↑↓ pick), or lower a learning rate (← lower), and go on."},
		{"G lr raised, no kept state", -1, func(st *session.Settings) { st.GLR = 5 },
			"✗ Ran away at epoch 2,161: the generated samples stayed far outside the target's range [-1, 9] for 200 epochs. 0 sets G lr back to " + glr + " (↑↓ pick), or lower a learning rate (← lower), then r (new seed) or R (same seed)."},
		{"G lr and D steps", 2100, func(st *session.Settings) { st.GLR, st.DSteps = 5, start.DSteps+2 },
			"u rolls back to epoch 2,100; 0 sets each back (↑↓ pick), G lr to " + glr + " and D steps to " + start.Text(session.DSteps) + ", or lower a learning rate (← lower), and go on."},
		{"G lr lowered", 2100, func(st *session.Settings) { st.GLR = start.GLR / 10 },
			"u rolls back to epoch 2,100; lower a learning rate (↑↓ pick, ← lower) and go on."},
		{"never retuned", 2100, func(*session.Settings) {},
			"u rolls back to epoch 2,100; lower a learning rate (↑↓ pick, ← lower) and go on."},
		{"never retuned, no kept state", -1, func(*session.Settings) {},
			"for 200 epochs. Lower a learning rate (↑↓ pick, ← lower), then r (new seed) or R (same seed)."},
	} {
		snap.Settings, snap.Rollback = start, c.rollback
		c.change(&snap.Settings)
		m.apply(snap)
		flat := strings.Join(strings.Fields(ansi.Strip(strings.Join(m.statusLines(120, 6), " "))), " ")
		if !strings.Contains(flat, c.want) {
			t.Errorf("%s: status %q lacks %q", c.name, flat, c.want)
		}
	}
}

// TestRunawayAdviceAfterZero: a run that ran away with its rates raised,
// set back to the design's since (0 on each), is told u goes on as its
// design, as u's note says, where the advice told it to lower a learning
// rate; a rate still raised keeps 0's advice.
func TestRunawayAdviceAfterZero(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 120, 40
	snap.State = session.Diverged
	snap.Err = &session.Divergence{Epoch: 814, What: "a runaway", Runaway: "the generated samples stayed far outside the target's range [-1, 9] for 200 epochs"}
	snap.Note = ""
	start := snap.Start
	snap.DivergedWith = start
	snap.DivergedWith.GLR, snap.DivergedWith.DLR = 0.5, 1
	for _, c := range []struct {
		name     string
		rollback int
		now      func(*session.Settings)
		want     string
	}{
		{"both set back", 447, func(*session.Settings) {},
			"u rolls back to epoch 447 with D lr and G lr back at the design's, then space goes on."},
		{"both set back, no kept state", -1, func(*session.Settings) {},
			"for 200 epochs. D lr and G lr are back at the design's: r (new seed) or R (same seed) starts again."},
		{"G lr set back, D lr still 1", 447, func(st *session.Settings) { st.DLR = 1 },
			"u rolls back to epoch 447; 0 sets D lr back to " + start.Text(session.DLR) + " (↑↓ pick), or lower a learning rate (← lower), and go on."},
	} {
		snap.Settings, snap.Rollback = start, c.rollback
		c.now(&snap.Settings)
		m.apply(snap)
		flat := strings.Join(strings.Fields(ansi.Strip(strings.Join(m.statusLines(120, 6), " "))), " ")
		if !strings.Contains(flat, c.want) {
			t.Errorf("%s: status %q lacks %q", c.name, flat, c.want)
		}
	}
}

// TestSharesNeverRoundToAllOrNone: a share that is not zero never reads
// 0%, one short of all never 100%, a mode's share under 1%, missing,
// never 1%, nor one under half its due (here 25%) 25%, and the
// high-quality share under a quarter, far from the target, never 25%.
func TestSharesNeverRoundToAllOrNone(t *testing.T) {
	for _, c := range []struct {
		x        float64
		mode, hq string
	}{
		{0, "0%", "0%"},
		{0.0004, "<1%", "0.04%"},
		{0.005, "<1%", "0.5%"},
		{0.003, "<1%", "0.3%"},
		{0.0096, "<1%", "1%"},
		{0.0007, "<1%", "0.1%"},
		{0.2496, "24.96%", "24.96%"},
		{0.5, "50%", "50%"},
		{0.996, ">99%", "99.6%"},
		{0.9996, ">99%", "99.96%"},
		{1, "100%", "100%"},
	} {
		if got := sharePercent(engine.ModeCoverage{Share: c.x, Expected: 0.5}); got != c.mode {
			t.Errorf("sharePercent(%g) = %q, want %q", c.x, got, c.mode)
		}
		if got := session.HighQualityShare(c.x); got != c.hq {
			t.Errorf("HighQualityShare(%g) = %q, want %q", c.x, got, c.hq)
		}
	}
}

// TestThinKeepsEveryCurve: a history longer than the chart is wide is drawn
// from averages of its points, the second coordinate's mean and std among them
// (left out, the y curves of a long 2-D run would be drawn at 0).
func TestThinKeepsEveryCurve(t *testing.T) {
	c := newLineChart()
	var pts []session.Point
	for e := 1; e <= 1000; e++ {
		pts = append(pts, session.Point{Epoch: e, DReal: 0.7, Mean: 0.5, Std: 1.8, MeanY: -0.18, StdY: 2.17})
	}
	thinned := c.thin(pts, 1, 1000, c.ts.GraphWidth())
	if len(thinned) >= len(pts) {
		t.Fatalf("%d points thinned to %d", len(pts), len(thinned))
	}
	for _, p := range thinned {
		if math.Abs(p.MeanY+0.18) > 1e-9 || math.Abs(p.StdY-2.17) > 1e-9 || math.Abs(p.Std-1.8) > 1e-9 || math.Abs(p.DReal-0.7) > 1e-9 {
			t.Fatalf("a thinned point %+v", p)
		}
	}
	if last := thinned[len(thinned)-1]; last.Epoch != 1000 {
		t.Errorf("the last thinned point is at epoch %d", last.Epoch)
	}
}

// glossaryWithEvents returns the trainer at 80×24 on a snapshot of
// blog-original holding events "mark 1" … "mark n", ten epochs apart,
// after earlier ones let go, with the ? pages open on it (the glossary's
// first), and the snapshot.
func glossaryWithEvents(t *testing.T, n, earlier int) (Model, session.Snapshot) {
	t.Helper()
	s, snap := benchSnapshot(t, 10)
	snap.Events = nil
	for e := 1; e <= n; e++ {
		snap.Events = append(snap.Events, session.Event{Epoch: 10 * e, Kind: session.EventModeDropped, Detail: fmt.Sprintf("mark %d", e)})
	}
	snap.Earlier = earlier
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = mm.(Model)
	m.apply(snap)
	m.nextHelpPage() // the keys
	m.nextHelpPage() // the glossary, on this snapshot
	return m, snap
}

// TestEveryEventListed: the ? pages list every event the session keeps, latest
// first, across pages, not the newest 12 alone, and say how many earlier ones
// it let go.
func TestEveryEventListed(t *testing.T) {
	m, _ := glossaryWithEvents(t, 30, 5)
	all := strings.Join(slices.Concat(m.glossaryPages(80, 22)...), "\n")
	for e := 1; e <= 30; e++ {
		if !strings.Contains(all, fmt.Sprintf("mark %d\n", e)) && !strings.HasSuffix(all, fmt.Sprintf("mark %d", e)) {
			t.Errorf("event %d not listed", e)
		}
	}
	if !strings.Contains(all, "5 earlier events not kept") {
		t.Error("the events let go are not said")
	}
	// One let go is one (numtext.Count), not "1 earlier events".
	m, _ = glossaryWithEvents(t, 30, 1)
	if all := strings.Join(slices.Concat(m.glossaryPages(80, 22)...), "\n"); !strings.Contains(all, "1 earlier event not kept") {
		t.Error("the one event let go is not said as one")
	}
}

// TestGlossaryBeforeTheEvents: the ? pages give the glossary before the
// events, so that a long run's events (up to 256, 29 pages at 80×24 on
// grid-wgan-gp) do not stand between the reader and the glossary.
func TestGlossaryBeforeTheEvents(t *testing.T) {
	m, _ := glossaryWithEvents(t, 200, 0)
	pages := m.glossaryPages(80, 22)
	first := func(prefix string) int {
		for i, p := range pages {
			for _, l := range p {
				if strings.HasPrefix(ansi.Strip(l), prefix) {
					return i
				}
			}
		}
		return -1
	}
	// The glossary begins with the design page's words (target, …), then
	// the screen's (KS, …).
	if g, ks, e := first("target "), first("KS "), first("◆ epoch 2,000"); g < 0 || e < 0 || g > 1 || e < ks {
		t.Errorf("of %d pages, the glossary begins on page %d, its KS is on page %d and the latest event on page %d; want the glossary first, by page 2", len(pages), g+1, ks+1, e+1)
	}
}

// TestPageHeadingNamesWhatItHolds: each ? page is headed with the parts it
// holds, the glossary's last "Glossary and events" and those after it "Events",
// not every page "Diagnosis and glossary" or "Glossary", the last of a long
// run's too, which holds only events.
func TestPageHeadingNamesWhatItHolds(t *testing.T) {
	m, _ := glossaryWithEvents(t, 60, 0)
	first := ""
	events := false // a page before this one held the events' title
	for p := range len(m.glossaryPages(80, 22)) {
		m.gpage = p
		view, _, pages := m.glossaryView(80, 22)
		lines := strings.Split(ansi.Strip(view), "\n")
		head := strings.TrimSpace(lines[0])
		if want := fmt.Sprintf(" page %d of %d", p+1, pages); !strings.HasSuffix(head, want) {
			t.Fatalf("page %d is headed %q, want it to end %q", p+1, head, want)
		}
		head = strings.TrimSuffix(head, fmt.Sprintf(" page %d of %d", p+1, pages))
		switch {
		case p == 0:
			first = head
		case strings.HasPrefix(lines[1], "Events latest first"): // the glossary ended the page before
			if head != "Events" {
				t.Errorf("page %d, where the events begin at its head, is headed %q, want \"Events\":\n%s", p+1, head, view)
			}
			events = true
		case strings.Contains(view, "Events latest first"):
			if !strings.HasSuffix(head, " and events") {
				t.Errorf("page %d, where the events begin, is headed %q, want it to end \" and events\":\n%s", p+1, head, view)
			}
			events = true
		case events:
			if head != "Events" {
				t.Errorf("page %d, events only, is headed %q, want \"Events\":\n%s", p+1, head, view)
			}
		}
	}
	if !events {
		t.Fatalf("no page holds the events' title")
	}
	if !strings.HasPrefix(first, "Diagnosis") && !strings.HasPrefix(first, "Remedies") && !strings.HasPrefix(first, "Glossary") {
		t.Errorf("the first page is headed %q", first)
	}
}

// TestGlossaryHoldsWhileTraining: the ? pages keep the diagnosis and the events
// they opened on while the run trains behind them, so ? turns to the page after
// the one read; new events pushing the entries down the pages could leave an
// entry on no page the reader sees. Closing and opening them again shows the
// run as it is.
func TestGlossaryHoldsWhileTraining(t *testing.T) {
	m, snap := glossaryWithEvents(t, 12, 0)
	m.nextHelpPage() // the glossary's second page
	if m.keys.page != pageGlossary || m.gpage != 1 {
		t.Fatalf("? three times: page %v, glossary page %d", m.keys.page, m.gpage)
	}
	read := m.View()
	later := snap
	later.Epoch = snap.Epoch + 500
	later.Events = slices.Clone(snap.Events)
	for e := 13; e <= 20; e++ {
		later.Events = append(later.Events, session.Event{Epoch: 10 * e, Kind: session.EventModeDropped, Detail: fmt.Sprintf("mark %d", e)})
	}
	m.apply(later)
	pageOf := func(v string) string { // the page without the screen's header, which is live
		lines := strings.Split(v, "\n")
		return strings.Join(lines[1:len(lines)-1], "\n")
	}
	if got := m.View(); pageOf(got) != pageOf(read) {
		t.Errorf("the page read changed under the reader as the run trained:\n%s\nnow:\n%s", read, got)
	}
	for range 3 { // close, and open the glossary again
		for m.keys.page != pageNone {
			m.nextHelpPage()
		}
		m.nextHelpPage()
		m.nextHelpPage()
	}
	all := strings.Join(slices.Concat(m.glossaryPages(80, 22)...), "\n")
	if !strings.Contains(all, "mark 20") || !strings.Contains(all, "Diagnosis at epoch "+numtext.FormatInt(later.Epoch)) && len(later.Findings) > 0 {
		t.Errorf("opened again, the glossary does not show the run as it is now:\n%s", all)
	}
}

// TestGlossaryKeepsItsPlaceOnResize: a resize on the ? pages keeps the reader's
// place: the page shown is the one that holds the entry the page read began
// with, from 80×24 to 120×40 and back, from the last page and from one in the
// middle. Returning to the first page, the events' last page at 80×24, resized,
// would show the diagnosis and the glossary's first entries.
func TestGlossaryKeepsItsPlaceOnResize(t *testing.T) {
	m, _ := glossaryWithEvents(t, 40, 0)
	body := func(m Model) []string { // the page's lines under its title, the header and footer aside
		lines := strings.Split(ansi.Strip(m.View()), "\n")
		return lines[2 : len(lines)-1]
	}
	for _, last := range []bool{true, false} {
		for m.keys.page != pageNone { // from the first page
			m.nextHelpPage()
		}
		m.nextHelpPage()
		m.nextHelpPage()
		pages := len(m.glossaryPages(m.width, m.glossaryHeight()))
		if pages < 4 {
			t.Fatalf("%d ? pages at 80×24, want 4 or more", pages)
		}
		to := pages / 2
		if last {
			to = pages - 1
		}
		for m.gpage < to {
			m.nextHelpPage()
		}
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			// The entry's first words, which the wrapping at the new
			// width leaves at the start of its first line; of an entry
			// the page continues, its term, which heads its start.
			read, continued := strings.CutSuffix(strings.TrimSpace(body(m)[0]), " (continued)")
			if !continued {
				read = strings.Join(strings.Fields(read)[:4], " ")
			}
			mm, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = mm.(Model)
			shown := body(m)
			if m.keys.page != pageGlossary || !slices.ContainsFunc(shown, func(l string) bool { return strings.HasPrefix(strings.Join(strings.Fields(l), " "), read) }) {
				t.Errorf("resized to %d×%d on a page beginning %q, page %d shows:\n%s", size[0], size[1], read, m.gpage+1, strings.Join(shown, "\n"))
			}
		}
	}
}

// TestGlossaryFollowsANewRun: a reseed, rerun or roll-back typed ahead
// of ? ? ("r??") comes after the pages opened on the run it replaces;
// they then show the new run, not the diagnosis and events of one that
// no longer exists under the new run's header (epoch 0, a new seed).
func TestGlossaryFollowsANewRun(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	snap.Events = []session.Event{{Epoch: 10, Kind: session.EventModeDropped, Detail: "mark old"}}
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = mm.(Model)
	m.apply(snap)
	m.nextHelpPage()
	m.nextHelpPage()
	fresh := snap
	fresh.Run, fresh.Epoch, fresh.Events, fresh.Findings = snap.Run+1, 0, nil, nil
	m.apply(fresh)
	if all := strings.Join(slices.Concat(m.glossaryPages(80, 22)...), "\n"); strings.Contains(all, "mark old") || strings.Contains(all, "Diagnosis at epoch") {
		t.Errorf("the pages show the run a new one replaced:\n%s", all)
	}
}

// TestGlossaryNamesTheReplayedEpoch: ? opened in a replay shows the keyframe's
// diagnosis under the keyframe's epoch, as the header names it ("◀ replay epoch
// 600, 900 behind"), not under the live epoch.
func TestGlossaryNamesTheReplayedEpoch(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = mm.(Model)
	snap.Epoch = 1500
	key := snap.Eval
	key.Epoch = 600
	found := []session.Finding{{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time"}}
	snap.Replay = &session.Keyframe{Eval: key, Last: snap.Last, Findings: found}
	m.apply(snap)
	m.nextHelpPage()
	m.nextHelpPage()
	all := strings.Join(slices.Concat(m.glossaryPages(80, 22)...), "\n")
	if !strings.Contains(all, "Diagnosis at epoch 600") || !strings.Contains(all, "G ignores its noise") {
		t.Errorf("the glossary of a replay at epoch 600 does not give its diagnosis under its epoch:\n%s", all)
	}
}

// TestGlossarySaysWhoseWordsAResumeReplays: on the ? pages, a replayed
// frame's diagnosis and the events that another ganui saved in a
// checkpoint (session.Keyframe.SavedBy, Event.SavedBy) say whose words
// they are, "(in an earlier ganui's words)", beside the glossary that may
// word them otherwise; this ganui's own events and frames say nothing.
func TestGlossarySaysWhoseWordsAResumeReplays(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = mm.(Model)
	snap.Epoch = 1500
	key := snap.Eval
	key.Epoch = 600
	const by = "an older ganui"
	found := []session.Finding{{Kind: session.DIndifferent, Text: "D can no longer tell real from fake", Detail: "D real 0.693"}}
	snap.Replay = &session.Keyframe{Eval: key, Last: snap.Last, Findings: found, SavedBy: by}
	snap.Events = []session.Event{
		{Epoch: 600, Kind: session.EventEquilibrium, Detail: "D can no longer tell real from fake", SavedBy: by},
		{Epoch: 1400, Kind: session.EventSetting, Detail: "D lr 5e-4 → 5e-3"},
	}
	m.apply(snap)
	m.nextHelpPage()
	m.nextHelpPage()
	all := strings.Join(slices.Concat(m.glossaryPages(120, 38)...), "\n")
	for _, want := range []string{
		"Diagnosis at epoch 600 and the measurements behind it (in an older ganui's words)",
		"equilibrium — D can no longer tell real from fake (in an older ganui's words)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the pages do not say %q:\n%s", want, all)
		}
	}
	if strings.Count(all, "ganui's words") != 2 {
		t.Errorf("the pages mark %d texts as another ganui's, want the frame's and the one event's:\n%s", strings.Count(all, "ganui's words"), all)
	}
}

// TestTrendEntrySaysWhatAFrameShows: the glossary's trend entry says of a
// replayed frame that the value before the arrow, the last bar, is the frame's
// own check, and live that it is the screen's latest evaluation, with its
// sample size where a check's differs; it does not say the live text of a
// replay, "the screen's latest evaluation, not a check", beside vanilla's frame
// at epoch 10,900 and its KS of a check's 2,000 samples.
func TestTrendEntrySaysWhatAFrameShows(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = mm.(Model)
	trend := func() string {
		for _, g := range m.glossaryEntries() {
			if g[0] == "trend" {
				return g[1]
			}
		}
		t.Fatal("no trend entry in the glossary")
		return ""
	}
	m.apply(snap)
	if live := trend(); !strings.Contains(live, "then the value: the screen's latest evaluation, of "+numtext.Together("10,000 samples")+" where a check has 2,000") {
		t.Errorf("live, the trend entry reads:\n%s", live)
	}
	key := snap.Eval
	key.Epoch = 5
	snap.Replay = &session.Keyframe{Eval: key, Last: snap.Last}
	m.apply(snap)
	if replayed := trend(); !strings.Contains(replayed, "then the value: the replayed frame's own check") || strings.Contains(replayed, "latest evaluation") {
		t.Errorf("in a replay, the trend entry reads:\n%s", replayed)
	}
}

// TestSurfaceShadesStayApart: D's surface keeps five shades apart in 256
// colours, dark and light, its two faint dark shades not one near-black grey.
func TestSurfaceShadesStayApart(t *testing.T) {
	for _, dark := range []bool{true, false} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.ANSI256)
		r.SetHasDarkBackground(dark)
		seen := map[string]int{}
		for i, c := range colSurface {
			seen[r.NewStyle().Background(c).Render(" ")] = i
		}
		if len(seen) != len(colSurface) {
			t.Errorf("dark %v: %d shades for %d in 256 colours", dark, len(seen), len(colSurface))
		}
	}
}

// TestSharedCommandStandsWhole: c's command is on a line of its own from the
// left edge, whole where it fits, so that it can be copied; a long caveat
// before it is cut, not the command (wrapped into the text, it could read
// "--seed" on one line and "7" on the next, its end cut by …).
func TestSharedCommandStandsWhole(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 80, 24
	const command = "ganui --preset vanilla --set g_hidden=32,32 --set d_lr=1e-3 --seed 7"
	snap.Note = "wrote ganui-vanilla-seed7.json · the command below is a rerun as set now: this run changed D lr, after epoch 533 (w saves a checkpoint to resume it)" +
		session.CommandBreak + command
	m.apply(snap)
	for _, n := range []int{1, 2, 3} {
		lines := m.statusLines(80, n)
		if len(lines) != n || ansi.Strip(lines[n-1]) != command {
			t.Errorf("%d lines: %q; want the command whole on the last", n, lines)
		}
		if n > 1 && !strings.HasPrefix(ansi.Strip(lines[0]), "wrote ganui-vanilla-seed7.json · the command below is a rerun as set") {
			t.Errorf("%d lines: %q; want the text first", n, lines)
		}
	}
	// Narrower than the command, it goes on from the left edge, each line
	// but the last continued with " \" (TestCommandCopiesWhole).
	lines := m.statusLines(40, 4)
	at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(ansi.Strip(l), "ganui ") })
	if at < 0 || strings.ReplaceAll(ansi.Strip(strings.Join(lines[at:], "\n")), " \\\n", " ") != command || strings.HasPrefix(lines[len(lines)-1], " ") {
		t.Errorf("40 columns: %q", lines)
	}
	// With a finding on the screen of a paused run, the caveat keeps its lines
	// at 80×24, rather than the diagnosis's line taking one and the status
	// reading "the command below runs the run again, not…", the caveat cut
	// away; and so running (TestSharedNoteStandsWhileRunning). A finding of
	// another kind takes the diagnosis's line back, and the caveat's head is on
	// the note's.
	snap.Findings = []session.Finding{{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time"}}
	m.noteFor = "" // the note comes with this finding
	for _, state := range []session.State{session.Paused, session.Running} {
		snap.State = state
		m.apply(snap)
		area := m.msgLines(80, msgRows(24))
		if got := strings.Join(strings.Fields(ansi.Strip(strings.Join(area, " "))), " "); len(area) != 3 || !strings.Contains(got, "a rerun as set now: this run changed D lr, after epoch 533") || ansi.Strip(area[2]) != command {
			t.Errorf("%v, 80×24, with a finding: %q; want the caveat, then the command", state, area)
		}
	}
	snap.Findings = append(snap.Findings, session.Finding{Kind: session.DWins, Text: "D wins: it is almost sure of every sample"})
	m.apply(snap)
	area := m.msgLines(80, msgRows(24))
	if len(area) != 3 || !strings.Contains(ansi.Strip(area[0]), "a rerun as set now") || ansi.Strip(area[1]) != command || !strings.Contains(ansi.Strip(area[2]), "D wins") {
		t.Errorf("running, 80×24, with a new kind of finding: %q; want the caveat's head, the command, the diagnosis", area)
	}
	snap.Note = "saved epoch 10: ganui --resume ganui-vanilla-seed7-epoch10.ckpt continues from it"
	m.apply(snap)
	if area := m.msgLines(80, msgRows(24)); !strings.Contains(ansi.Strip(strings.Join(area, " ")), "G ignores its noise") {
		t.Errorf("a note without a command: the diagnosis gave way: %q", area)
	}
}

// TestGlossaryTitlesKeepTheirEntries: no ? page ends with a title ("Diagnosis
// at epoch …", "Glossary", "Events"), its entries on the next page:
// blog-original's ? pages at 80×24 do not end page 3 with "Events latest first,
// marked ◆ on the charts" and list them on page 4.
func TestGlossaryTitlesKeepTheirEntries(t *testing.T) {
	m, _ := glossaryWithEvents(t, 3, 0)
	finding := session.Finding{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time", Detail: "noise use 0.000, under 0.05"}
	for k := range 8 {
		m.gsnap.Findings = slices.Repeat([]session.Finding{finding}, k)
		for h := 12; h <= 40; h++ {
			pages := m.glossaryPages(80, h)
			for i, p := range pages[:len(pages)-1] {
				if last := p[len(p)-1]; pageTitle(last) {
					t.Errorf("%d findings, %d lines: page %d of %d ends with the title %q", k, h, i+1, len(pages), ansi.Strip(last))
				}
			}
		}
	}
}

// pageTitle is whether line of a ? page is a part's title.
func pageTitle(line string) bool {
	for _, title := range []string{"Diagnosis at epoch", "Remedies", "Glossary", "Events"} {
		if strings.HasPrefix(ansi.Strip(line), title) {
			return true
		}
	}
	return false
}

// TestGlossaryTitlesKeepTwoLines: a title on a ? page with more of its part on
// the next keeps splitLeast lines under it, as typesetting keeps a heading with
// what follows, or begins the next page: grid's events pages at 120×40
// (--epochs 20000 --speed full, a few settings changed) do not end a page
// "Events latest first …" over one event, the rest of the list on the next.
func TestGlossaryTitlesKeepTwoLines(t *testing.T) {
	m, _ := glossaryWithEvents(t, 30, 0)
	finding := session.Finding{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time", Detail: "noise use 0.000, under 0.05"}
	for k := range 8 {
		m.gsnap.Findings = slices.Repeat([]session.Finding{finding}, k)
		for _, w := range []int{80, 120} {
			for h := 12; h <= 40; h++ {
				pages := m.glossaryPages(w, h)
				for i, p := range pages[:len(pages)-1] {
					for j, l := range p {
						if under := p[j+1:]; pageTitle(l) && len(under) < splitLeast && !slices.Contains(under, "") {
							t.Errorf("%d findings, %d×%d: page %d of %d ends with %d lines under its title:\n%s", k, w, h+2, i+1, len(pages), len(under), ansi.Strip(strings.Join(p[j:], "\n")))
						}
					}
				}
			}
		}
	}
}

// TestGlossaryPagesFilled: every ? page but the last is filled to its foot but
// for a few lines, in reading order and with nothing lost: an entry that does
// not fit whole goes on at the next page's head under "(continued)", cut at a
// line. An entry moved whole to the next page would leave blog-original's
// second page at 80×24 half blank above the trend's 12 lines; and grid's last
// page does not hold "Events none yet" alone.
func TestGlossaryPagesFilled(t *testing.T) {
	finding := session.Finding{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time", Detail: "noise use 0.000, under 0.05"}
	blog, _ := glossaryWithEvents(t, 3, 0)
	s, snap := trainedPlane(t, planeConfig(t, "grid-pacgan4-ema"), 1, 2) // remedies, the plane's entries
	grid := NewModel(s)
	grid.width, grid.height = 80, 24
	grid.apply(snap)
	grid.nextHelpPage()
	grid.nextHelpPage()
	cfg, err := presets.Get("wgan")
	if err != nil {
		t.Fatal(err)
	}
	s, snap = trained(t, cfg, 1, 2) // remedies a line short of the glossary's title at 80×24
	wgan := NewModel(s)
	wgan.width, wgan.height = 80, 24
	wgan.apply(snap)
	wgan.nextHelpPage()
	wgan.nextHelpPage()
	// The most a page leaves blank: a title, moved for want of room for the
	// first lines of the entry under it, which are all of it for one of
	// splitLeast+1 lines; the blank line before the title gives way where that
	// lets them fit, so that wgan's Remedies page at 80×24 does not end in 4
	// blank lines. A page may end one line shorter only to keep the title that
	// begins the next with the splitLeast lines it keeps: a one-line entry and,
	// whole, one of splitLeast+1.
	const most = splitLeast + 1
	s, snap = trainedPlane(t, planeConfig(t, "grid"), 1, 2)
	plain := NewModel(s) // no remedies: the events' "none yet" last, after the glossary
	plain.width, plain.height = 80, 24
	plain.apply(snap)
	plain.nextHelpPage()
	plain.nextHelpPage()
	// Events of one line and of three at 80 columns in turn: "Events" keeps
	// two lines under it, the second event's three whole.
	mixed, _ := glossaryWithEvents(t, 12, 0)
	for i := range mixed.gsnap.Events {
		if i%2 == 0 {
			mixed.gsnap.Events[i].Detail = strings.Repeat("a long detail ", 14)
		}
	}
	for name, m := range map[string]Model{"blog-original": blog, "grid-pacgan4-ema": grid, "wgan": wgan, "grid": plain, "mixed events": mixed} {
		for k := range 3 {
			m.gsnap.Findings = slices.Repeat([]session.Finding{finding}, k)
			for _, w := range []int{80, 120} {
				whole := m.glossaryPages(w, 1<<20)[0] // every line on one page, in order
				for h := 12; h <= 40; h++ {
					pages := m.glossaryPages(w, h)
					var read []string
					for i, p := range pages {
						at := fmt.Sprintf("%s, %d findings, %d×%d: page %d of %d", name, k, w, h+2, i+1, len(pages))
						if len(p) > h-1 {
							t.Errorf("%s: %d lines, room for %d", at, len(p), h-1)
						}
						blank := h - 1 - len(p)
						for j := len(p) - 1; j >= 0 && p[j] == ""; j-- {
							blank++
						}
						// The page before the events may end short: where one
						// page holds them all they begin it, so that f opens on
						// them all (TestEventsOpenOnAPageThatHoldsThemAll).
						events := i < len(pages)-1 && strings.HasPrefix(ansi.Strip(pages[i+1][0]), "Events")
						if i < len(pages)-1 && blank > most && (blank > most+1 || !pageTitle(pages[i+1][0])) && !events {
							t.Errorf("%s: %d lines blank at its foot:\n%s", at, blank, ansi.Strip(strings.Join(p, "\n")))
						}
						// The last line alone on a page of its own where the
						// page before has a line free for it, or blank: grid's
						// last page does not hold "Events none yet" alone, the
						// page before ending in a blank line.
						if prev := slices.Clone(pages[max(i-1, 0)]); i > 0 && i == len(pages)-1 && len(p) == 1 {
							for len(prev) > 0 && prev[len(prev)-1] == "" {
								prev = prev[:len(prev)-1]
							}
							if len(prev) < h-1 {
								t.Errorf("%s holds one line alone, the page before %d of %d:\n%s", at, len(prev), h-1, ansi.Strip(p[0]))
							}
						}
						if i > 0 && strings.HasPrefix(p[0], " ") {
							t.Errorf("%s begins in an entry with no (continued): %q", at, ansi.Strip(p[0]))
						}
						if i > 0 && strings.HasSuffix(ansi.Strip(p[0]), "(continued)") {
							p = p[1:]
						}
						read = append(read, p...)
					}
					if got, want := slices.DeleteFunc(read, func(l string) bool { return l == "" }), slices.DeleteFunc(slices.Clone(whole), func(l string) bool { return l == "" }); !slices.Equal(got, want) {
						t.Errorf("%s, %d findings, %d×%d: the pages read in order are not the glossary's lines:\n%s", name, k, w, h+2, ansi.Strip(strings.Join(got, "\n")))
					}
				}
			}
		}
	}
}

// TestGlossaryPagesBalanced: no ? page after the first holds one entry of
// splitLeast lines or fewer alone where the page before could give it company,
// its last entry moved whole beside it, at epoch 0 of every preset at 70×20,
// 80×24, 80×28 and 120×40: grid's last page at 80×28 does not hold "Events none
// yet: ◆ marks each on the charts as it comes" alone under a page filled to its
// foot.
func TestGlossaryPagesBalanced(t *testing.T) {
	// entries is the entries whose lines a page holds, each its lines
	// but blank ones: an entry's first line is not indented, the lines
	// after it are, and a "(continued)" heading begins the rest of one.
	entries := func(p []string) [][]string {
		var out [][]string
		for i, l := range p {
			switch {
			case l == "":
			case strings.HasPrefix(l, " ") && len(out) > 0:
				out[len(out)-1] = append(out[len(out)-1], l)
			case i > 0 || !strings.HasSuffix(ansi.Strip(l), "(continued)"):
				out = append(out, []string{l})
			default: // the rest of an entry begun on the page before
				out = append(out, nil)
			}
		}
		return out
	}
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		s, snap := firstSnapshot(t, cfg)
		for _, size := range [][2]int{{70, 20}, {80, 24}, {80, 28}, {120, 40}} {
			m := NewModel(s)
			mm, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = mm.(Model)
			m.apply(snap)
			m.nextHelpPage() // the keys
			m.nextHelpPage() // the glossary, as it opens
			room := m.glossaryHeight() - 1
			pages := m.glossaryPages(size[0], m.glossaryHeight())
			for i := 1; i < len(pages); i++ {
				es, before := entries(pages[i]), entries(pages[i-1])
				if len(es) != 1 || es[0] == nil || len(es[0]) > splitLeast || len(before) < 2 {
					continue
				}
				if moved := len(before[len(before)-1]); moved > 0 && moved+1+len(es[0]) <= room {
					t.Errorf("%s at %d×%d: page %d of %d holds %q alone, the page before ending in %q",
						name, size[0], size[1], i+1, len(pages), ansi.Strip(es[0][0]), ansi.Strip(before[len(before)-1][0]))
				}
			}
		}
	}
}

// TestGlossarySaysWhereTheEventsAre: the glossary's ◆ entry says where the ?
// pages list the events, after the glossary, not "the list is above", which
// would hold only were the events before it.
func TestGlossarySaysWhereTheEventsAre(t *testing.T) {
	m, _ := glossaryWithEvents(t, 3, 0)
	pages := m.glossaryPages(80, 22)
	var entry, events = -1, -1
	for i, p := range pages {
		for _, l := range p {
			l = ansi.Strip(l)
			if strings.HasPrefix(l, "◆ in charts") && entry < 0 {
				entry = i
			}
			if strings.HasPrefix(l, "Events latest first") {
				events = i
			}
		}
	}
	if entry < 0 || events < entry {
		t.Fatalf("the ◆ entry on page %d, the events on page %d", entry+1, events+1)
	}
	if text := glossaryText(&m, "◆ in charts"); strings.Contains(text, "above") || !strings.Contains(text, "after this glossary") {
		t.Errorf("the ◆ entry says %q; the events follow the glossary", text)
	}
}

// TestKeysPageHoldsTheDesign: the ? page gives the whole design being trained
// at 80×24, every preset's, as a run paused at epoch 0 shows it (a plane's key
// table is a row taller there, its note on the idle keys naming three reasons):
// its source gives way where it does not all fit, then its summary, which the
// outline under it says line by line. A long one is not cut at the panel's foot
// (wgan-gp's optimizers and steps, bimodal-pacgan-ema's "G shown as its
// weights' moving average"), nor, its source gone, does it end in "… the whole
// design" with the summary kept and the outline short: minibatch-discrimination
// and bimodal-mbd without G's optimizer and their steps, wgan without its
// critic's warm-up, grid-pacgan4-ema without its steps and moving average.
// Where even the outline does not fit (70×20), the last line says where it is.
// Lines break at spaces only, as the status's do ("1-Lipschitz" not after its
// hyphen), but for a word wider than a row, which breaks after a / or - in it
// (devnag-moments' repository path not between two letters). A source that is
// cut keeps its authors and year, its title cut in the middle where it must be:
// minibatch-discrimination's does not end
// `source: Salimans et al., "Improved Techniques …`, no year.
// TestKeysPageKeepsTheSourceMidRun: paused mid-run at 80×24, where u and 0
// are faint, the keys page says why in the rows its last column leaves,
// "u: not diverged, 0: not tuned", and the design above keeps its source,
// where the sentence "faint keys do nothing now: u (not diverged), 0 (not
// tuned)" on a row of its own under the columns took vanilla's source
// line. With a row to spare (120×40) the sentence stays.
func TestKeysPageKeepsTheSourceMidRun(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.TrueColor) // faint, as a terminal draws it
	s, snap := firstSnapshot(t, cfg)
	snap.State, snap.Epoch, snap.Frames, snap.Exportable = session.Paused, 1, 1, true
	snap.Events = []session.Event{{Epoch: 1, Kind: session.EventSetting, Detail: "G lr 5e-5 → 1e-4"}} // < and > have one to go to
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = mm.(Model)
		m.nextHelpPage() // the keys, with the design
		m.apply(snap)
		view := m.View()
		checkFrame(t, view, size[0], size[1])
		text := strings.Join(strings.Fields(ansi.Strip(view)), " ")
		if !strings.Contains(text, "source: Goodfellow") {
			t.Errorf("%d×%d paused mid-run: the keys page has no source:\n%s", size[0], size[1], ansi.Strip(view))
		}
		why := []string{"u: not diverged,", "0: not tuned"} // in two rows under the last column
		if size[0] == 120 {
			why = []string{"faint keys do nothing now: u (not diverged), 0 (not tuned)"}
		}
		for _, w := range why {
			if !strings.Contains(text, w) {
				t.Errorf("%d×%d paused mid-run: the keys page does not say %q:\n%s", size[0], size[1], w, ansi.Strip(view))
			}
		}
	}
}

func TestKeysPageHoldsTheDesign(t *testing.T) {
	// A source's authors, up to its title's opening quote, and the
	// title's closing quote with the year after it.
	citation := regexp.MustCompile(`^(source: [^"]*")[^"]*(" \(\d{4}\))`)
	flat := func(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		s, snap := firstSnapshot(t, cfg)
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m = mm.(Model)
		m.nextHelpPage() // the keys, with the design
		// Running, with epochs trained and frames kept, the key table is
		// a row shorter than at epoch 0, the design's panel a row taller.
		running := snap
		running.State, running.Epoch, running.Frames, running.Exportable = session.Running, 1, 1, true
		var panel string
		for _, at := range []struct {
			what string
			snap session.Snapshot
		}{{"at epoch 0", snap}, {"running", running}} {
			m.apply(at.snap)
			l := m.layout()
			drawn := m.designPanel(l.histW, l.topH+l.bottomH)
			panel = flat(drawn)
			for _, d := range snap.Design[2:] {
				if !strings.Contains(panel, flat(d)) {
					t.Errorf("%s at 80×24 %s: %q is not on the ? page:\n%s", name, at.what, d, drawn)
				}
			}
			// A source cut for room keeps its citation's authors and
			// year, its title cut in the middle where it must be: "source:
			// Salimans et al., "Improved Techniques …" (2016)".
			if c := citation.FindStringSubmatch(flat(snap.Design[1])); c != nil && strings.Contains(panel, "source:") {
				from, year := strings.Index(panel, c[1]), strings.Index(panel, c[2])
				if from < 0 { // no word of the title fits: it is left out, the year kept
					from, year = strings.Index(panel, strings.TrimRight(c[1], ` ,"`)+" ("), strings.Index(panel, c[2][1:])
				}
				if from < 0 || year < from {
					t.Errorf("%s at 80×24 %s: the source's %q or its year, %q, is cut:\n%s", name, at.what, c[1], c[2], ansi.Strip(drawn))
				}
			}
			// A source shown says more than its label: devnag-2017's, a
			// repository's path too wide for its row, does not read "source:
			// …".
			if i := strings.Index(panel, "source:"); i >= 0 && strings.HasPrefix(panel[i:], "source: …") {
				t.Errorf("%s at 80×24 %s: the source's row says nothing of it:\n%s", name, at.what, ansi.Strip(drawn))
			}
			rows := strings.Split(ansi.Strip(drawn), "\n")
			// A source cut inside a word, a repository's path too wide for a
			// row, breaks it after a / or - where it has one, not between two
			// letters: devnag-moments' does not read "…adversarial-netw" over
			// "orks, gan_pytorch.py".
			if from := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, "source: ") }); from >= 0 {
				source := ansi.Strip(snap.Design[1])
				for i := from; i+1 < len(rows) && strings.HasPrefix(rows[i+1], "  "); i++ {
					end, next := strings.Fields(rows[i]), strings.Fields(rows[i+1])
					if len(end) == 0 || len(next) == 0 {
						continue
					}
					a, b := end[len(end)-1], next[0]
					if strings.Contains(source, a+b) && !strings.Contains(source, a+" "+b) && !strings.ContainsAny(a[len(a)-1:], "/-") {
						t.Errorf("%s at 80×24 %s: the source breaks inside a word, %q over %q:\n%s", name, at.what, a, b, ansi.Strip(drawn))
					}
				}
				// A source cut at its end ends after a whole word, with no
				// quotation or bracket left open just before the "…":
				// devnag-moments' does not end `(2018 revision, "Only …`.
				shown := rows[from]
				for i := from + 1; i < len(rows) && strings.HasPrefix(rows[i], "  "); i++ {
					shown += " " + strings.TrimSpace(rows[i])
				}
				shown = strings.Join(strings.Fields(shown), " ")
				if before, cut := strings.CutSuffix(shown, " …"); cut {
					// The last word shown is whole when it is a word of the
					// source, punctuation after it aside, matched whole:
					// wgan-gp's cut after "Algorithm 1" is not found in
					// "2017", as "1" cut before "7".
					last := strings.Fields(before)[len(strings.Fields(before))-1]
					whole := slices.ContainsFunc(strings.Fields(source), func(w string) bool {
						rest, ok := strings.CutPrefix(w, last)
						return ok && !strings.ContainsFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
					})
					if strings.Count(before, `"`)%2 == 1 || strings.ContainsAny(before[len(before)-1:], `(["`) || !whole {
						t.Errorf("%s at 80×24 %s: the source's cut reads %q:\n%s", name, at.what, shown, ansi.Strip(drawn))
					}
				} else if before, cut := strings.CutSuffix(shown, "…"); cut && !strings.ContainsAny(before[len(before)-1:], "/-") {
					// A path too wide for the row is cut after a / or - in it,
					// as rows break: devnag-moments' had read
					// "devnag/pytorch-generative-adversarial-net…".
					t.Errorf("%s at 80×24 %s: the source is cut inside a word, %q:\n%s", name, at.what, shown, ansi.Strip(drawn))
				}
			}
			blank := slices.IndexFunc(rows, func(r string) bool { return strings.TrimSpace(r) == "" })
			dropped := !strings.Contains(panel, flat(snap.Design[0])) || !strings.Contains(panel, flat(snap.Design[1]))
			if dropped && blank >= 0 {
				t.Errorf("%s at 80×24 %s: design lines gave way, yet row %d is blank:\n%s", name, at.what, blank, ansi.Strip(drawn))
			}
		}
		if (name == "blog-original" || name == "ring") && !strings.Contains(panel, flat(snap.Design[0])) {
			t.Errorf("%s at 80×24: its summary gave way with room for it:\n%s", name, panel)
		}
		mm, _ = m.Update(tea.WindowSizeMsg{Width: 70, Height: 20})
		m = mm.(Model)
		l := m.layout()
		small := m.designPanel(l.histW, l.topH+l.bottomH)
		if !strings.Contains(flat(small), "ganui --list-presets") && !strings.Contains(flat(small), flat(snap.Design[len(snap.Design)-1])) {
			t.Errorf("%s at 70×20: the design is cut without a word:\n%s", name, ansi.Strip(small))
		}
		if name == "wgan-gp" && !strings.Contains(ansi.Strip(small), "1-Lipschitz") { // wrapped at spaces only
			t.Errorf("wgan-gp at 70×20: 1-Lipschitz broken at its hyphen:\n%s", ansi.Strip(small))
		}
	}
}

// TestPenaltyRemedySaysWhereItsValueIs: the ? pages' remedy for a gradient
// penalty says the losses' legend gives its value only where the legend does
// (lossLegendOf): wgan-gp at 80×24, its losses near ±38 (about epoch 5,000),
// has no room for it there, and the page does not send the reader to it. At
// 120×40 the legend gives it, and the page says so.
func TestPenaltyRemedySaysWhereItsValueIs(t *testing.T) {
	cfg, err := presets.Get("wgan-gp")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := firstSnapshot(t, cfg)
	snap.Epoch, snap.Exportable = 5000, true
	snap.Last = engine.EpochStats{Epoch: 5000, DReal: -38.412, DFake: 37.906, G: -38.017, Penalty: 0.251}
	flat := func(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m = mm.(Model)
		m.apply(snap)
		legend := flat(strings.Join(m.lossLegend(m.layout().leftW), " "))
		shown := strings.Contains(legend, "penalty 0.251")
		if size == [2]int{80, 24} && shown || size == [2]int{120, 40} && !shown {
			t.Fatalf("%d×%d: legend %q; the test wants it without the penalty at 80×24, with it at 120×40", size[0], size[1], legend)
		}
		m.nextHelpPage() // the keys
		m.nextHelpPage() // the remedies and the glossary
		pages := flat(strings.Join(slices.Concat(m.glossaryPages(size[0], size[1]-2)...), " "))
		if says := strings.Contains(pages, flat(session.PenaltyShown)); says != shown {
			t.Errorf("%d×%d: the legend gives the penalty: %v; the ? pages say it does: %v\nlegend: %s\npages: %s", size[0], size[1], shown, says, legend, pages)
		}
		if !strings.Contains(pages, "penalty") {
			t.Errorf("%d×%d: the ? pages do not say where the penalty's value is:\n%s", size[0], size[1], pages)
		}
	}
}

// TestFindingTextsStandWithoutTheirMeasurements: on a wide screen a finding
// whose measurement does not fit is given in full without it, not cut to its
// head: grid-wgan-gp's collapse names 23 modes missed, and 120×40 does not read
// "! 23 of 25 modes missing  ? twice: in full", without "mode collapse".
func TestFindingTextsStandWithoutTheirMeasurements(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 120, 40
	snap.State, snap.Note = session.Paused, ""
	missed := make([]string, 23)
	for i := range missed {
		missed[i] = fmt.Sprintf("mode %d at (%d, %d)", i+1, i%5*2-4, i/5*2-4)
	}
	snap.Findings = []session.Finding{{Kind: session.ModeDropped,
		Text:   "23 of 25 modes missing: mode collapse, G puts almost no samples there",
		Detail: "not one sample in 2,500 within 3σ of " + strings.Join(missed, ", ")}}
	m.apply(snap)
	got := strings.Join(strings.Fields(ansi.Strip(strings.Join(m.msgLines(120, msgRows(40)), " "))), " ")
	if !strings.Contains(got, "23 of 25 modes missing: mode collapse, G puts almost no samples there") || strings.Contains(got, "twice: in full") {
		t.Errorf("120 columns: %q; want the finding's text in full", got)
	}
}

// TestFindingHeadsKeepTheirHint: where even the findings' heads overflow the
// room, the last line is cut before "? twice: in full", which stays: a replayed
// grid-pacgan at 80×24 does not read "! 5 of 25 modes missing  ! D is stuck at
// its equilibrium, yet …", the hint cut off.
func TestFindingHeadsKeepTheirHint(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	m.width, m.height = 80, 24
	snap.State, snap.Note = session.Paused, ""
	snap.Findings = []session.Finding{
		{Kind: session.ModeDropped, Text: "5 of 25 modes missing: G's samples spread wide about the target's centre, many of them on no mode"},
		{Kind: session.DStalled, Text: "D is stuck at its equilibrium, yet the samples are far from the target: D's losses are those of a D that cannot tell real from fake, but G has not matched the target"},
	}
	m.apply(snap)
	lines := m.msgLines(80, 2)
	last := ansi.Strip(lines[len(lines)-1])
	if !strings.HasSuffix(strings.TrimRight(last, " "), "? twice: in full") || lipgloss.Width(lines[len(lines)-1]) > 80 || !strings.Contains(last, "5 of 25 modes missing") {
		t.Errorf("80 columns, one line for the diagnosis: %q", lines)
	}
	// A head that has no room gives way whole, counted, not cut inside a word
	// ("… ! D is stuck at its equilibrium, y…").
	snap.Findings[0].Text = "5 of 25 modes missing: spread wide"
	snap.Findings[1].Text = "D is stuck at its equilibrium, yet the samples are far from the target: D's losses are those of a D that cannot tell real from fake, but G has not matched the target"
	m.apply(snap)
	lines = m.msgLines(80, 2)
	if last, want := strings.TrimRight(numtext.Plain(ansi.Strip(lines[len(lines)-1])), " "), "! 5 of 25 modes missing  +1 more  ? twice: in full"; last != want {
		t.Errorf("80 columns, one line for the diagnosis: %q, want %q", last, want)
	}
}

// TestFullHelpWhole: at the narrowest width the trainer takes, ? lists every
// key the trainer answers to, p, esc, 0 and ctrl+z among them, none of its columns
// left out for want of room, each in words a newcomer reads one way: . does not
// read "replay on", which says nothing of a direction beside , "replay back".
func TestFullHelpWhole(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	k := newKeyMap()
	k.width = minWidth
	h := newHelp()
	h.Width = minWidth
	view := h.FullHelpView(k.FullHelp())
	for _, l := range strings.Split(view, "\n") {
		if lipgloss.Width(l) > minWidth || strings.Contains(l, "…") {
			t.Errorf("full help line cut at %d columns: %q", minWidth, l)
		}
	}
	for _, want := range []string{"space/p", "n ", "d/g ", "v ", "[ ]", "↑↓/k/j", "←/h/-", "→/l/+", "0 ", "r ", "R ", ", prev frame", ". next frame", "< prev event", "> next event", "b ", "u ", "w ", "e ", "c ", "P ", "f ", "? ", "esc ", "q ", "ctrl+z "} {
		if !strings.Contains(view, want) {
			t.Errorf("full help at %d columns lacks %q:\n%s", minWidth, want, view)
		}
	}
}

// TestFooterOfADivergedRunLooksBack: a diverged run's footer offers, after the
// keys that recover it, those that look back at how it went wrong where they
// fit: replay (with keyframes kept), the views and the CSV, not v alone, the
// bar 69 of 120 columns long.
func TestFooterOfADivergedRunLooksBack(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	k := newKeyMap()
	k.state, k.width, k.frames, k.rollback, k.export = session.Diverged, 120, true, true, true
	h := help.New()
	h.ShortSeparator, h.Width = footerSep, k.width
	line := h.ShortHelpView(k.ShortHelp())
	for _, want := range []string{"u roll back", "←→ tune", "r reseed", "R rerun", ",. replay", "v view", "e csv"} {
		if !strings.Contains(line, want) {
			t.Errorf("diverged at width 120: footer %q lacks %q", line, want)
		}
	}
	k.frames = false // nothing kept to replay
	if line := h.ShortHelpView(k.ShortHelp()); strings.Contains(line, "replay") {
		t.Errorf("diverged with no keyframes: footer %q offers replay", line)
	}
}

// qualityRow reads a Quality row of a frame: its measure, value and range
// ("KS 0.865 ↓ ▆▆█▇██▆▁ 0.86–0.9"), one per measure the frame has.
var qualityRow = regexp.MustCompile(`(KS|W1|SW1) (\S+) (?:≈ floor|\S) \S+ (\S+)–(\S+)`)

// TestQualityRangeHoldsItsValue: the range beside a Quality row's bars holds
// the value the row begins with, the screen's latest evaluation, whether it is
// under every check the bars show, over them or among them, live, in a replay
// and beside a baseline, at 80×24 and 120×40, on a line and on a plane, not the
// bars' range alone: "KS 0.865 ↓ ▆▆█▇██▆▁ 0.87–0.9" (blog-original, seed 1).
func TestQualityRangeHoldsItsValue(t *testing.T) {
	s, lines := trainedSnapshots(t, bimodal1D(t), 1, 600, 80, 120)
	ps, plane := trainedPlane(t, planeConfig(t, "ring"), 1, 300)
	for _, c := range []struct {
		name string
		s    *session.Session
		snap session.Snapshot
		w, h int
	}{
		{"line", s, lines[80], 80, 24}, {"line", s, lines[120], 120, 40},
		{"plane", ps, plane, 80, 24}, {"plane", ps, plane, 120, 40},
	} {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, e := range c.snap.Evals {
			for _, v := range []float64{e.KS, e.W1, e.SW1} {
				if v > 0 {
					lo, hi = min(lo, v), max(hi, v)
				}
			}
		}
		for _, at := range []float64{0.8 * lo, 1.25 * hi, -1} {
			set := func(e session.Eval) session.Eval {
				if at < 0 { // as trained
					return e
				}
				m := e.Metrics
				if m.Plane != nil {
					p := *m.Plane
					p.SW1, m.Plane = at, &p
				} else {
					m.KS, m.W1 = at, at
				}
				e.Metrics = m
				return e
			}
			for _, view := range []string{"live", "replay", "baseline"} {
				snap := c.snap
				snap.State = session.Paused
				switch view {
				case "live":
					snap.Eval = set(snap.Eval)
				case "replay":
					snap.Replay = &session.Keyframe{Eval: set(snap.Eval), Last: snap.Last, Findings: snap.Findings}
					snap.Frames, snap.ReplayIndex = 2, 1
				case "baseline":
					snap.Eval = set(snap.Eval)
					snap.Baseline = &session.Baseline{Preset: c.name, Seed: 2, Epoch: snap.Eval.Epoch, Settings: snap.Settings, History: snap.History, Eval: c.snap.Eval}
				}
				view := fmt.Sprintf("%s %dx%d %s, value at %g", c.name, c.w, c.h, view, at)
				frame := frame(t, c.s, snap, c.w, c.h)
				rows := qualityRow.FindAllStringSubmatch(frame, -1)
				if len(rows) == 0 {
					t.Errorf("%s: no Quality row with a range:\n%s", view, frame)
				}
				for _, r := range rows {
					v, _ := strconv.ParseFloat(r[2], 64)
					a, errA := strconv.ParseFloat(r[3], 64)
					b, errB := strconv.ParseFloat(r[4], 64)
					if errA != nil || errB != nil || v < a || v > b {
						t.Errorf("%s: %q, its value outside its range", view, r[0])
					}
				}
			}
		}
	}
}

// sharedNoteAt80 is the screen at 80×24 of a paused blog-original run
// (in a directory of the test's own) trained one epoch, its D lr lowered,
// a checkpoint saved (w) and its design shared (c), and the snapshot that
// brings c's note, not yet applied. The session stops at the test's end.
func sharedNoteAt80(t *testing.T) (*Model, session.Snapshot) {
	t.Helper()
	cfg, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 5
	t.Chdir(t.TempDir()) // the files named as the program names them, in its directory
	s, err := session.New(session.Options{Config: cfg, Seed: 1, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	m := NewModel(s)
	m.width, m.height = 80, 24
	s.Start()
	s.Send(session.Step{Kind: session.StepEpoch})
	s.Send(session.Adjust{Setting: session.DLR, Dir: -1})
	s.Send(session.Save{})
	s.Send(session.Share{})
	var snap session.Snapshot
	for snap = range s.Snapshots() {
		if strings.Contains(snap.Note, session.CommandBreak) || snap.Failed {
			break
		}
		m.apply(snap)
	}
	return &m, snap
}

// TestSharedNoteNamesItsFileAt80: c pressed in a paused run at 80×24 after a
// retune and a w, the message area names the preset file c wrote, says the
// command is a rerun as set now, and names the checkpoint that continues the
// run, the caveat's reason giving way; where there is room, the note is whole.
// With the caveat first, the path after it, the note would be cut inside the
// caveat's brackets, "…(ganui --resume …", the file lost; with the path first,
// the checkpoint would be cut.
func TestSharedNoteNamesItsFileAt80(t *testing.T) {
	m, snap := sharedNoteAt80(t)
	m.apply(snap)
	text, _, _ := strings.Cut(m.snap.Note, session.CommandBreak)
	text = session.PlainNote(text)
	if !strings.Contains(text, "this run changed D lr, after epoch 1 (") {
		t.Fatalf("c's note %q; want the caveat", text)
	}
	screen := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	for _, want := range []string{"wrote ganui-blog-original-seed1.json · ", "the command below is a rerun as set now … (ganui --resume ganui-blog-original-seed1-epoch1.ckpt continues it)"} {
		if !strings.Contains(screen, want) {
			t.Errorf("80×24: %q; want %q", screen, want)
		}
	}
	if area := strings.Join(strings.Fields(ansi.Strip(strings.Join(m.msgLines(120, msgRows(40)), " "))), " "); !strings.Contains(area, text) {
		t.Errorf("120×40: %q; want the note whole, %q", area, text)
	}
}

// TestSharedCaveatKeepsItsReasonAt80: c pressed at 80×24 after a d and a g in a
// paused run, where no checkpoint continues it, says why the command is not
// this run, the updates by hand, and what to do, w, the when giving way; at
// 120×40 the note is whole. The status does not read "the command below is a
// rerun as set now … (w saves a checkpoint to resume it)", its reason gone.
func TestSharedCaveatKeepsItsReasonAt80(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // c writes its preset file here
	s, err := session.New(session.Options{Config: cfg, Seed: 2, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	m := NewModel(s)
	s.Start()
	s.Send(session.Step{Kind: session.StepD})
	s.Send(session.Step{Kind: session.StepG})
	s.Send(session.Share{})
	var snap session.Snapshot
	for snap = range s.Snapshots() {
		if strings.Contains(snap.Note, session.CommandBreak) || snap.Failed {
			break
		}
	}
	m.apply(snap)
	m.width, m.height = 80, 24
	const want = "wrote ganui-vanilla-seed2.json · the command below is a rerun as set now: this run trained D alone and G alone … (w saves a checkpoint to resume it) ganui --preset ganui-vanilla-seed2.json --seed 2"
	if screen := strings.Join(strings.Fields(ansi.Strip(m.View())), " "); !strings.Contains(screen, want) {
		t.Errorf("80×24: %q; want %q", screen, want)
	}
	text, _, _ := strings.Cut(snap.Note, session.CommandBreak)
	text = strings.ReplaceAll(strings.ReplaceAll(text, session.GivesWay, ""), session.LiveOnly, "")
	if !strings.HasSuffix(text, "this run trained D alone and G alone, before the first epoch (w saves a checkpoint to resume it)") {
		t.Fatalf("c's note %q; want what the run did and when", text)
	}
	if area := strings.Join(strings.Fields(ansi.Strip(strings.Join(m.msgLines(120, msgRows(40)), " "))), " "); !strings.Contains(area, text) {
		t.Errorf("120×40: %q; want the note whole, %q", area, text)
	}
}

// TestSharedNoteGolden pins the screen of c pressed in a paused vanilla run
// trained 3 epochs, its D lr raised, at 80×24 and 120×40: c's note reads
// whole at both, what the command does and why it is not this run, which
// at 80×24 had lost "and the command trains as it is now from the start"
// to "…", the reason cut where the learner reads it.
func TestSharedNoteGolden(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd() // the goldens'
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			t.Chdir(t.TempDir()) // c writes its preset file here
			s, err := session.New(session.Options{Config: cfg, Seed: 1, Paused: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Stop() // before the screen, which would take its snapshots too
			s.Start()
			for range 3 {
				s.Send(session.Step{Kind: session.StepEpoch})
			}
			s.Send(session.Adjust{Setting: session.DLR, Dir: 1})
			s.Send(session.HistBins{N: w - len(gap) - sideW - axisGutter})
			s.Send(session.Share{})
			var snap session.Snapshot
			for snap = range s.Snapshots() {
				if strings.Contains(snap.Note, session.CommandBreak) || snap.Failed {
					break
				}
			}
			s.Stop()
			t.Chdir(wd)
			text, command, _ := strings.Cut(snap.Note, session.CommandBreak)
			text = strings.ReplaceAll(strings.ReplaceAll(text, session.GivesWay, ""), session.LiveOnly, "")
			if !strings.Contains(text, "changed D lr, after epoch 3") {
				t.Fatalf("c's note %q; want the caveat", text)
			}
			view := frame(t, s, snap, w, h)
			frameReads(t, view, text, command)
			requireGolden(t, view)
		})
	}
}

// TestSharedNoteStandsWhileRunning: c's note in a running run at 80×24 with a
// finding on screen keeps its checkpoint as a paused run's does, taking the
// diagnosis's row, until the diagnosis has a finding of another kind, which
// takes its row back. Were the running run's diagnosis to keep its row always,
// the note, one row left, would read "… exactly: it …", the checkpoint that
// continues the run lost.
func TestSharedNoteStandsWhileRunning(t *testing.T) {
	m, snap := sharedNoteAt80(t)
	if !strings.Contains(snap.Note, session.CommandBreak) {
		t.Fatalf("c's note %q; want a command", snap.Note)
	}
	// As a running run shows it, a finding on screen (the snapshot is
	// the test's own: the session stays paused, and nothing races it).
	snap.State = session.Running
	snap.Findings = []session.Finding{{Kind: session.ModeDropped, Text: "7 of 8 modes missing: mode collapse, G puts almost no samples there"}}
	m.apply(snap)
	screen := func() string { return strings.Join(strings.Fields(ansi.Strip(m.View())), " ") }
	const checkpoint = "(ganui --resume ganui-blog-original-seed1-epoch1.ckpt continues it)"
	if got := screen(); !strings.Contains(got, "wrote ganui-blog-original-seed1.json · ") || !strings.Contains(got, checkpoint) {
		t.Errorf("running, the note fresh: %q; want the file and %q", got, checkpoint)
	}
	// The same kind again, its words changed: the note stands.
	snap.Findings = []session.Finding{{Kind: session.ModeDropped, Text: "5 of 8 modes missing: mode collapse, G puts almost no samples there"}}
	m.apply(snap)
	if got := screen(); !strings.Contains(got, checkpoint) {
		t.Errorf("running, the same kind of finding: %q; want %q", got, checkpoint)
	}
	// None: the note stands, and so it does when the kind comes again.
	found := snap.Findings
	snap.Findings = nil
	m.apply(snap)
	snap.Findings = found
	m.apply(snap)
	if got := screen(); !strings.Contains(got, checkpoint) {
		t.Errorf("running, the finding gone and back: %q; want %q", got, checkpoint)
	}
	// A finding of another kind: the diagnosis has its row back.
	snap.Findings = []session.Finding{{Kind: session.DWins, Text: "D wins: it is almost sure of every sample"}}
	m.apply(snap)
	if got := screen(); !strings.Contains(got, "D wins") {
		t.Errorf("running, a new kind of finding: %q; want it on screen", got)
	}
}

// firstSnapshot is a paused session of cfg, seed 1, stopped after its
// first snapshot, and that snapshot: a model to draw at epoch 0, or at a
// state the test sets in the snapshot. The tests that draw every preset at
// epoch 0 ask for the same ones, which are made once (shared).
func firstSnapshot(t *testing.T, cfg engine.Config) (*session.Session, session.Snapshot) {
	t.Helper()
	type first struct{ cfg engine.Config }
	return shared(first{cfg}, func() (*session.Session, session.Snapshot) {
		s, err := session.New(session.Options{Config: cfg, Seed: 1, Paused: true})
		if err != nil {
			t.Fatal(err)
		}
		s.Start()
		snap := <-s.Snapshots()
		s.Stop()
		return s, snap
	})
}

// shared returns the stopped session and snapshot that build makes for key,
// making them the first time key (compared by reflect.DeepEqual) is asked
// for: a stopped session and its snapshot are the same whichever test asks,
// and a run made once for the package spares each later test its training
// and evaluations, a plane's first of which takes a second, several under
// the race detector.
func shared(key any, build func() (*session.Session, session.Snapshot)) (*session.Session, session.Snapshot) {
	sharedRuns.Lock()
	defer sharedRuns.Unlock()
	for _, r := range sharedRuns.of {
		if reflect.DeepEqual(r.key, key) {
			return r.s, r.snap
		}
	}
	s, snap := build()
	sharedRuns.of = append(sharedRuns.of, sharedRun{key, s, snap})
	return s, snap
}

// sharedRuns holds shared's runs.
var sharedRuns struct {
	sync.Mutex
	of []sharedRun
}

// sharedRun is one run shared holds: what it was asked for by, its
// stopped session and its snapshot.
type sharedRun struct {
	key  any
	s    *session.Session
	snap session.Snapshot
}

// TestHistoryFileWarningSaysWhatItMeans: the warning of a history file that
// could not be made keeps, on its one line at 70×20, 80×24 and 120×40, what it
// means for e, its reason giving way first, not cut at 80×24 in the temporary
// file's name, "⚠ history file: open /tmp/…/ganui-history-3200680597.bin:
// read-onl…", nor at 70×20 in what it means, "⚠ history file: permission
// denied, in /sys; e exports only the …".
func TestHistoryFileWarningSaysWhatItMeans(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("TMPDIR is not how Windows finds its temporary directory")
	}
	dir := t.TempDir() // before TMPDIR is set: subtests' own would be made there
	t.Setenv("TMPDIR", filepath.Join(dir, "missing-temporary-directory-of-a-long-name"))
	const means = "; e exports only the latest 100,000 epochs"
	for _, c := range []struct {
		w, h int
		want string
	}{
		{70, 20, "⚠ history file: …" + means},
		{80, 24, "⚠ history file: …" + means},
		{120, 40, "⚠ history file: no such file or directory …" + means},
	} {
		t.Run(fmt.Sprintf("%dx%d", c.w, c.h), func(t *testing.T) {
			s := startScreenOn(t, session.Options{Config: blogConfig(t, 5000), Seed: 1, Paused: true, Dir: dir}, c.w, c.h)
			s.waitSnap("the warning", func(s session.Snapshot) bool { return s.Warning != "" })
			view := s.finalView()
			if !slices.ContainsFunc(strings.Split(view, "\n"), func(l string) bool { return strings.TrimSpace(l) == c.want }) {
				t.Errorf("no line %q on the screen:\n%s", c.want, view)
			}
		})
	}
}

// TestUnrecordedResumeNoteGivesWayWhoWroteIt: at 80 columns in two rows
// the note of a checkpoint without history resumed with --epochs at its
// epoch keeps "the charts begin here", the words saying an older ganui
// wrote it given way, where they would push it off the rows.
func TestUnrecordedResumeNoteGivesWayWhoWroteIt(t *testing.T) {
	g, _ := straightRun(t, blogConfig(t, 150), 1, 150)
	path := filepath.Join(t.TempDir(), "bare.ckpt")
	if err := session.SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	s, err := session.New(session.Options{Resume: path, Epochs: 150, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	s.Start()
	m := NewModel(s)
	m.width, m.height = 80, 24
	m.apply(<-s.Snapshots())
	got := ansi.Strip(strings.Join(m.statusLines(80, 2), "\n"))
	if want := "resumed at epoch 150, the checkpoint as saved: --epochs 150 ends the plan there;\n  space or n continues; its checkpoint holds no history …: the charts begin here"; got != want {
		t.Errorf("at 80 columns in 2 rows:\n%s\nwant\n%s", got, want)
	}
	wide := ansi.Strip(strings.Join(m.statusLines(120, 2), " "))
	if !strings.Contains(wide, "(an older ganui wrote it): the charts begin here") {
		t.Errorf("at 120 columns: %s", wide)
	}
}
