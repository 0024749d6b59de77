package tui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// TestHistogramIsHonest: bars are never overwritten — each column's bar is
// as tall as its count says, whatever the expected count; ░ appears only
// above a bar short of its expected count; one tall spike is cut at 3× the
// expected peak and marked ▲ instead of squashing the rest.
func TestHistogramIsHonest(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	h := engine.Histogram{Lo: 0, Hi: 10,
		Counts:   []int{0, 10, 40, 80, 0, 80, 40, 10, 0, 6200},
		Expected: []float64{5, 20, 50, 80, 100, 80, 50, 20, 5, 1},
	}
	rows := 10
	p := histPlot(h, nil, nil, nil, false, axisGutter+len(h.Counts), rows)
	if !p.capped {
		t.Fatal("a 6,200 bar against an expected peak of 100 is not capped")
	}
	grid := make([][]rune, rows)
	for r := range rows {
		grid[r] = []rune(p.lines[r])[axisGutter:]
	}
	top := 3.0 * 100
	for c, n := range h.Counts {
		got := 0
		for r := rows - 1; r >= 0; r-- {
			if ch := grid[r][c]; ch == clipGlyph {
				got += 8
			} else if i := slices.Index(eighths[:], ch); i > 0 {
				got += i
			}
		}
		want := int(math.Round(math.Min(float64(n), top) / top * float64(rows*8)))
		if got != want {
			t.Errorf("column %d (count %d): bar of %d eighths, want %d", c, n, got, want)
		}
	}
	if grid[0][9] != clipGlyph {
		t.Errorf("the cut bar is not marked: %q", string(grid[0][9]))
	}
	// Bin 4 has no samples and expects 100 of a scale of 300: ░ fills the
	// cells up to a third of the plot, and nothing above.
	shaded := 0
	for r := range rows {
		if grid[r][4] == expGlyph {
			shaded++
		}
	}
	if shaded != 3 {
		t.Errorf("%d cells of ░ for an expected count of a third of the plot, want 3", shaded)
	}
	// Bin 3 meets its expected count: no ░ over it.
	for r := range rows {
		if grid[r][3] == expGlyph {
			t.Errorf("░ over a bar that reaches its expected count (row %d)", r)
		}
	}
}

// TestBaselineMarksItsHeight: a pinned baseline's count is a ╌ in the
// cell its own bar would top, above the bar now; an empty baseline bin
// leaves the expected counts' ░ in sight.
func TestBaselineMarksItsHeight(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	h := engine.Histogram{Lo: 0, Hi: 4,
		Counts:   []int{0, 10, 0, 100},
		Expected: []float64{50, 50, 50, 50},
	}
	ghost := []float64{0, 60, 3, 50}
	rows := 10 // top: 105, 10.5 a row
	p := histPlot(h, nil, nil, ghost, false, axisGutter+len(h.Counts), rows)
	column := func(c int) string {
		var col []rune
		for r := range rows {
			col = append(col, []rune(p.lines[r])[axisGutter+c])
		}
		return string(col)
	}
	for c, want := range []string{
		"     ░░░░░", // no baseline: the expected counts alone
		"    ╌░░░░█", // 60: the sixth row from the bottom
		"     ░░░░╌", // 3: the bottom row, over an empty bin
		"▄█████████", // 50, under the bar now: nothing to mark
	} {
		if got := strings.ReplaceAll(column(c), string(eighths[0]), " "); got != want {
			t.Errorf("column %d: %q, want %q", c, got, want)
		}
	}
}

// TestDStripMarksHalf: D(x) has a strip of its own with 0, ½ and 1 on its
// rows, and D(x) = ½ lands on the middle row.
func TestDStripMarksHalf(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lines := dStrip([]float64{0, 0.5, 1}, false, 3)
	if len(lines) != dStripRows {
		t.Fatalf("%d rows", len(lines))
	}
	for i, want := range []string{"1", "½", "0"} {
		if !strings.Contains(lines[i][:axisGutter+2], want) {
			t.Errorf("row %d lacks its mark %q: %q", i, want, lines[i])
		}
	}
	mid := []rune(lines[1])[axisGutter+1]
	if mid == '┈' || mid == ' ' {
		t.Errorf("D(x) = ½ is not on the middle row: %q", lines)
	}
}

// TestDStripScalesACritic: a critic's score, outside [0, 1], is drawn over
// its own range, the rows labelled with its highest, middle and lowest
// values instead of 1, ½ and 0.
func TestDStripScalesACritic(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lines := dStrip([]float64{-4, 0, 4}, true, 3)
	for i, want := range []string{"max", "D", "min"} {
		if !strings.Contains(lines[i][:axisGutter+2], want) || strings.Contains(lines[i], "½") {
			t.Errorf("row %d lacks its mark %q: %q", i, want, lines[i])
		}
	}
	if top, bottom := []rune(lines[0])[axisGutter+2], []rune(lines[dStripRows-1])[axisGutter]; top == ' ' || bottom == ' ' {
		t.Errorf("the highest and lowest scores are not on the top and bottom rows: %q", lines)
	}
}

// TestCriticScoreInTheLegend: a critic's scores, too small for the
// strip's 4-cell labels (a WGAN's ±0.012 would read -0), are given in the
// samples legend; a probability's are not.
func TestCriticScoreInTheLegend(t *testing.T) {
	if lo, hi, ok := scoreRange([]float64{-0.0123, 0.004, 0.0113}, true); !ok || lo != -0.0123 || hi != 0.0113 {
		t.Errorf("critic: %v %v %v", lo, hi, ok)
	}
	if lo, hi, ok := scoreRange([]float64{0.2, 0.25, 0.3}, true); !ok || lo != 0.2 || hi != 0.3 {
		t.Errorf("a clipped critic's scores within [0, 1]: %v %v %v", lo, hi, ok)
	}
	if _, _, ok := scoreRange([]float64{0.1, 0.5, 0.9}, false); ok {
		t.Error("a probability taken for a critic's score")
	}
	// Each end in as many significant digits as the other, a trailing zero
	// kept: wgan's "-0.011 to -0.010" (80×24), not "-0.011 to -0.01". Ends
	// from 10⁴ up, in the exponent form, in as many digits as print them
	// apart: a runaway critic's "1.21e4 to 1.24e4", not "1.2e4 to 1.2e4".
	for _, c := range [][3]any{{-0.0123, 0.0113, "-0.012 0.011"}, {-0.01132, -0.01078, "-0.0113 -0.0108"}, {0.99812, 0.99836, "0.9981 0.9984"},
		{-0.0113, -0.00996, "-0.011 -0.010"}, {0.4988, 0.5, "0.499 0.500"}, {1.0, 2.5, "1.0 2.5"}, {-40.0, -27.0, "-40 -27"}, {0.0, 0.5, "0 0.50"}, {-3.2, 1.5e5, "-3.2e0 1.5e5"},
		{1.21e4, 1.24e4, "1.21e4 1.24e4"}, {1.2e4, 1.21e4, "1.20e4 1.21e4"}, {-1.23449e5, -1.23441e5, "-1.2345e5 -1.2344e5"}, {3.0, 3.0, "3.0 3.0"}} {
		a, b := rangeEnds(c[0].(float64), c[1].(float64))
		if got := a + " " + b; got != c[2] {
			t.Errorf("range %v..%v: %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// TestCriticRangeKeptWhenCapped: at 80×24 the samples legend of a critic whose
// histogram is cut at 3× its peak gives the score's range when two lines hold
// it with the target's name left out, rather than letting the range give way,
// which would leave the strip's max and min without their values (wgan-gp,
// epoch 1,300).
func TestCriticRangeKeptWhenCapped(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := Model{view: viewHist, histCapped: true}
	m.snap.Loss = engine.LossWasserstein
	m.snap.Target.Spec = "normal(4,1.25)"
	m.snap.Eval.DCurve = []float64{-40, -33, -27}
	m.snap.Eval.Push = []float64{1, 1, 1}
	w := 80 - len(gap) - sideW // the samples panel at 80×24
	lines := m.histFoot(w)
	if got := strings.Join(lines, "\n"); len(lines) > 2 || !fits(lines, w) || !strings.Contains(got, "D(x) score -40 to -27") {
		t.Errorf("the legend at %d columns:\n%s\nwant two lines that fit and give the critic's range -40 to -27", w, got)
	}
}

// TestColumnsOfSplitsBinsByOverlap: a histogram spread over fewer columns
// than it has bins gives each column the bins it covers and, of a bin
// two columns share, the fraction of its width in each; every column is
// as wide as every other, and no sample is lost or gained.
func TestColumnsOfSplitsBinsByOverlap(t *testing.T) {
	h := engine.Histogram{Lo: 0, Hi: 3, Counts: []int{6, 10, 2}, Expected: []float64{3, 3, 3}}
	got := columnsOf(h, 2) // columns [0, 1.5) and [1.5, 3): bin 1 is halved
	if want := []float64{11, 7}; !slices.Equal(got.counts, want) {
		t.Errorf("counts %v, want %v", got.counts, want)
	}
	if want := []float64{4.5, 4.5}; !slices.Equal(got.expected, want) {
		t.Errorf("expected %v, want %v", got.expected, want)
	}
	if same := columnsOf(h, 3); !slices.Equal(same.counts, []float64{6, 10, 2}) {
		t.Errorf("a histogram of as many bins as columns changed: %v", same.counts)
	}
	// A keyframe's 400 bins on 85 and on 44 columns: each column takes
	// 400/85 or 400/44 bins' worth, never 4 and 5 or 9 and 10 in turn.
	key := engine.Histogram{Lo: 0, Hi: 10, Counts: make([]int, 400), Expected: make([]float64, 400)}
	for i := range key.Counts {
		key.Counts[i], key.Expected[i] = 5, 5
	}
	for _, cols := range []int{85, 44} {
		b := columnsOf(key, cols)
		sum := 0.0
		for c := range cols {
			sum += b.counts[c]
			if want := 2000.0 / float64(cols); math.Abs(b.counts[c]-want) > 1e-9 || math.Abs(b.expected[c]-want) > 1e-9 {
				t.Errorf("%d columns: column %d has %g and %g expected, want %g", cols, c, b.counts[c], b.expected[c], want)
			}
		}
		if math.Abs(sum-2000) > 1e-9 {
			t.Errorf("%d columns hold %g samples of 2,000", cols, sum)
		}
	}
}

// TestReplayColumnsAreEven: a replayed keyframe's 400 bins are drawn on
// the screen's 85 columns as columns of one width, as the title says: a
// flat stretch of the histogram is a flat run of bars, and the expected
// counts over an empty stretch a band of ░ without holes (re-binned by
// whole bins, columns of 4 and of 5 bins alternated).
func TestReplayColumnsAreEven(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	s, snap := benchSnapshot(t, 10)
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = mm.(Model)
	cols := m.bins
	if cols != 85 {
		t.Fatalf("%d columns at 120×40, want 85", cols)
	}
	key := snap.Eval
	key.DCurve, key.Push = nil, nil
	key.Metrics.Hist = engine.Histogram{Lo: 0, Hi: 10, Counts: make([]int, 400), Expected: make([]float64, 400)}
	for i := range 400 { // samples on the left half, the target spread evenly
		if i < 200 {
			key.Metrics.Hist.Counts[i] = 12
		}
		key.Metrics.Hist.Expected[i] = 6
	}
	replay := snap
	replay.Replay = &session.Keyframe{Eval: key, Last: snap.Last}
	m.apply(replay)
	column := func(c int) string {
		var col []rune
		for _, l := range m.histView[:len(m.histView)-1] {
			col = append(col, []rune(l)[axisGutter+c])
		}
		return string(col)
	}
	// Column 42 spans bin 200, where the samples end.
	for _, run := range [][2]int{{0, 42}, {43, cols}} {
		want := column(run[0])
		for c := run[0] + 1; c < run[1]; c++ {
			if got := column(c); got != want {
				t.Errorf("column %d is %q, column %d %q: one flat stretch", c, got, run[0], want)
			}
		}
	}
	if want := string(expGlyph); !strings.Contains(column(60), want) {
		t.Errorf("no expected count over the empty stretch: %q", column(60))
	}
	if title := m.histPanel(120-len(gap)-sideW, 20); !strings.Contains(title, "85 bins of 0.118") {
		t.Errorf("title does not give the columns' width 10/85: %q", strings.SplitN(title, "\n", 2)[0])
	}
}

// TestBaselineOfTheSameSampleDrawsNoOutline: pinned at 120×40 and shown
// at 80×24, a baseline of the same run at the same epoch, whose measures
// differ by nothing, marks no ╌ above the bars: its sample is counted in
// the live histogram's bins, not its 85 bins spread over 44 columns.
func TestBaselineOfTheSameSampleDrawsNoOutline(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 1 // G barely trained: its samples a spike a few bins wide, which 85 bins spread over 44 columns misplace
	s := startScreen(t, cfg, 1, false, 120, 40)
	s.waitSnap("the plan is done", func(s session.Snapshot) bool { return s.State == session.Done && s.Eval.Epoch == 1 })
	s.key("b")
	s.waitSnap("the baseline", func(s session.Snapshot) bool { return s.Baseline != nil })
	s.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	cols := 80 - len(gap) - sideW - axisGutter
	snap := s.waitSnap("the screen's bins", func(s session.Snapshot) bool {
		return len(s.Eval.Metrics.Hist.Counts) == cols && s.Baseline != nil
	})
	if snap.Baseline.Eval.Metrics.KS != snap.Eval.Metrics.KS || snap.Baseline.Epoch != 1 {
		t.Fatalf("the baseline is not this sample: KS %v and %v, epoch %d", snap.Baseline.Eval.Metrics.KS, snap.Eval.Metrics.KS, snap.Baseline.Epoch)
	}
	view := s.finalView()
	if !strings.Contains(view, "KS +0.000 W1 +0.000") {
		t.Errorf("the measures differ from their own baseline:\n%s", view)
	}
	if n := strings.Count(view, string(ghostGlyph)); n != 1 { // the legend's
		t.Errorf("%d ╌ on the screen, the legend's alone wanted:\n%s", n, view)
	}
}

// TestBaselineDifferenceOfZeroIsNeutral: a difference from the baseline
// that prints as zero reads +0.000 uncoloured, neither better nor worse;
// one that does not is signed and coloured (green lower, red higher).
func TestBaselineDifferenceOfZeroIsNeutral(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	snap := func(ks, w1 float64) session.Eval {
		return session.Eval{Metrics: engine.Metrics{N: 1000, KS: ks, W1: w1}}
	}
	for _, c := range []struct {
		now, then session.Eval
		text      string
		plain     []string // what must print without colour
	}{
		{snap(0.1, 0.5), snap(0.1003, 0.5), "vs base KS +0.000 W1 +0.000", []string{"KS +0.000", "W1 +0.000"}},
		{snap(0.1003, 0.4999), snap(0.1, 0.5), "vs base KS +0.000 W1 +0.000", []string{"KS +0.000", "W1 +0.000"}},
		{snap(0.02, 0.6), snap(0.1, 0.5), "vs base KS -0.080 W1 +0.100", nil},
	} {
		s := session.Snapshot{Eval: c.now, Baseline: &session.Baseline{Eval: c.then}}
		line := baselineLine(&s)
		if got := ansiStrip(line); got != c.text {
			t.Errorf("%q, want %q", got, c.text)
		}
		for _, p := range c.plain {
			if !strings.Contains(line, p) {
				t.Errorf("%q is coloured: %q", p, line)
			}
		}
		if c.plain == nil && (!strings.Contains(line, styleGood.Render("-0.080")) || !strings.Contains(line, styleBad.Render("+0.100"))) {
			t.Errorf("a difference is not coloured: %q", line)
		}
	}
	// In 2-D: as many modes captured as the baseline's is +0, uncoloured.
	plane := func(sw1 float64) session.Eval {
		return session.Eval{Metrics: engine.Metrics{N: 1000, Plane: &engine.PlaneMetrics{SW1: sw1, Spots: make([]engine.SpotShare, 8), Captured: 6}}}
	}
	s := session.Snapshot{Eval: plane(0.2), Baseline: &session.Baseline{Eval: plane(0.2002)}}
	if line := baselineLine(&s); !strings.Contains(line, "SW1 +0.000 modes +0") {
		t.Errorf("%q, want SW1 +0.000 modes +0 uncoloured", line)
	}
}

// TestBaselineDifferenceWithinNoiseIsNoVerdict: a difference from the
// baseline within the noise of the two measurements (apart: their floors
// in quadrature) reads uncoloured, ≈ in place of its sign, in colour and
// without: seed 2 of bimodal against seed 1, the same settings, reads "KS
// ≈0.007 W1 ≈0.009", where it read "KS -0.007 W1 -0.009" in green,
// better; one past it is a verdict, as before. So on a
// plane, SW1 against the two evaluations' SW1Floor, and in a replay, a
// check's 2,000 against the baseline measured as a check measures it.
func TestBaselineDifferenceWithinNoiseIsNoVerdict(t *testing.T) {
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	eval := func(n int, ks, w1 float64) session.Eval {
		return session.Eval{Epoch: 2000, Metrics: engine.Metrics{N: n, KS: ks, W1: w1}}
	}
	// bimodal's floors at a check's 2,000: KS 0.030, W1 0.033; at 10,000,
	// two measurements stay within 0.019 and 0.021 of each other.
	noise := session.EvalPoint{KS: engine.KSNoiseFloor(session.CheckSize(false)), W1: 0.033}
	plane := func(sw1, floor float64) session.Eval {
		return session.Eval{Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{SW1: sw1, SW1Floor: floor}}}
	}
	for _, c := range []struct {
		what      string
		s         session.Snapshot
		plain     string // the line without colour
		good, bad string // what it colours green and red, none within the noise
	}{
		{"seed 2 against seed 1", session.Snapshot{Eval: eval(10_000, 0.031, 0.060), CheckNoise: noise, Baseline: &session.Baseline{Eval: eval(10_000, 0.038, 0.069)}},
			"vs base KS ≈0.007 W1 ≈0.009", "", ""},
		{"past the noise", session.Snapshot{Eval: eval(10_000, 0.011, 0.099), CheckNoise: noise, Baseline: &session.Baseline{Eval: eval(10_000, 0.038, 0.069)}},
			"vs base KS ✓0.027 W1 ✗0.030", "-0.027", "+0.030"},
		{"a frame", session.Snapshot{Eval: eval(2000, 0.050, 0.100), CheckNoise: noise, Replay: &session.Keyframe{},
			Baseline: &session.Baseline{Eval: eval(10_000, 0.040, 0.050), Check: &session.EvalPoint{KS: 0.030, W1: 0.080}}},
			"vs base KS ≈0.020 W1 ≈0.020", "", ""},
		{"a plane", session.Snapshot{Eval: plane(0.30, 0.05), Baseline: &session.Baseline{Eval: plane(0.25, 0.05)}},
			"vs base SW1 ≈0.050", "", ""},
		{"a plane past the noise", session.Snapshot{Eval: plane(0.30, 0.05), Baseline: &session.Baseline{Eval: plane(0.20, 0.05)}},
			"vs base SW1 ✗0.100", "", "+0.100"},
	} {
		lipgloss.SetColorProfile(termenv.Ascii)
		if line := baselineLine(&c.s); line != c.plain {
			t.Errorf("%s, without colour: %q, want %q", c.what, line, c.plain)
		}
		lipgloss.SetColorProfile(termenv.ANSI)
		line := baselineLine(&c.s)
		for _, m := range []struct{ text, kind string }{{c.good, "good"}, {c.bad, "bad"}} {
			st := styleGood
			if m.kind == "bad" {
				st = styleBad
			}
			if m.text != "" && !strings.Contains(line, st.Render(m.text)) {
				t.Errorf("%s: %q, want %s in %s", c.what, line, m.text, m.kind)
			}
		}
		if want := styleMuted.Render(baselineHead) + strings.TrimPrefix(c.plain, baselineHead); c.good == "" && c.bad == "" && line != want {
			t.Errorf("%s: %q, want %q uncoloured", c.what, line, want)
		}
	}
}

// TestBaselineVerdictWithoutColour: without colour the difference from the
// baseline says better or worse in words of its own, ✓ and ✗ in place of the
// sign, not the sign alone, which the reader would have to weigh against the
// measure (lower KS, W1 and SW1 are better, more modes).
func TestBaselineVerdictWithoutColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	eval := func(ks, w1 float64) session.Eval {
		return session.Eval{Metrics: engine.Metrics{N: 1000, KS: ks, W1: w1}}
	}
	s := session.Snapshot{Eval: eval(0.02, 0.6), Baseline: &session.Baseline{Eval: eval(0.1, 0.5)}}
	if line := baselineLine(&s); line != "vs base KS ✓0.080 W1 ✗0.100" {
		t.Errorf("1-D: %q, want vs base KS ✓0.080 W1 ✗0.100", line)
	}
	s = session.Snapshot{Eval: eval(0.1, 0.5), Baseline: &session.Baseline{Eval: eval(0.1003, 0.5)}}
	if line := baselineLine(&s); line != "vs base KS +0.000 W1 +0.000" {
		t.Errorf("no difference: %q, want vs base KS +0.000 W1 +0.000", line)
	}
	plane := func(sw1 float64, captured int) session.Eval {
		return session.Eval{Metrics: engine.Metrics{N: 1000, Plane: &engine.PlaneMetrics{SW1: sw1, Spots: make([]engine.SpotShare, 8), Captured: captured}}}
	}
	for _, c := range []struct {
		now, then session.Eval
		want      string
	}{
		{plane(0.3, 5), plane(0.2, 6), "vs base SW1 ✗0.100 modes ✗1"},
		{plane(0.2, 8), plane(0.3, 6), "vs base SW1 ✓0.100 modes ✓2"},
	} {
		s := session.Snapshot{Eval: c.now, Baseline: &session.Baseline{Eval: c.then}}
		if line := baselineLine(&s); line != c.want {
			t.Errorf("2-D: %q, want %q", line, c.want)
		}
	}
}

// TestReplayComparesWithTheBaselineAsAFrame: a replayed keyframe, a check's
// evaluation on fewer samples than the pin's, is set against the baseline
// measured as a check measures it (Baseline.Check), so that the frame of the
// epoch pinned reads no difference from it; live, the pin's own measures. Set
// against the pin's own, the very state pinned would read as worse than itself,
// "vs base KS ✗0.010 W1 ✗0.015", by sampling noise alone.
func TestReplayComparesWithTheBaselineAsAFrame(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	eval := func(n int, ks, w1 float64) session.Eval {
		return session.Eval{Epoch: 3000, Metrics: engine.Metrics{N: n, KS: ks, W1: w1}}
	}
	base := &session.Baseline{Epoch: 3000, Eval: eval(10_000, 0.016, 0.037), Check: &session.EvalPoint{Epoch: 3000, KS: 0.026, W1: 0.052}}
	frame := &session.Keyframe{Eval: eval(2000, 0.026, 0.052)}
	s := session.Snapshot{Eval: eval(10_000, 0.016, 0.037), Baseline: base}
	if line := baselineLine(&s); line != "vs base KS +0.000 W1 +0.000" {
		t.Errorf("live at the epoch pinned: %q", line)
	}
	s.Replay = frame
	s = replayed(s, 80)
	if line := baselineLine(&s); line != "vs base KS +0.000 W1 +0.000" {
		t.Errorf("the frame of the epoch pinned: %q, want vs base KS +0.000 W1 +0.000", line)
	}
	base.Check = nil // a baseline of fewer samples than a check's: the pin's own, KS's 0.010 within the noise of 2,000 against 10,000 (0.033)
	if line := baselineLine(&s); line != "vs base KS ≈0.010 W1 ✗0.015" {
		t.Errorf("a frame against a baseline without a check's measures: %q", line)
	}
}

// TestPushStrip: nothing where there are no samples, the direction where
// there are.
func TestPushStrip(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	got := []rune(pushStrip([]float64{-2, -0.5, 0, 0.5, 2}, []float64{10, 10, 10, 0, 10}, 5))[axisGutter:]
	if want := "◀◂· ▶"; string(got) != want {
		t.Errorf("push strip %q, want %q", string(got), want)
	}
}

// TestChartLinesEndInTheirMarks: each line ends in its mark, on the row
// of its last value in the last column; lines ending in one cell put their
// marks side by side on that row; with values beyond the range, marked ▲
// along the top row, the reference is on a row of its own below it.
func TestChartLinesEndInTheirMarks(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	c := newLineChart(
		series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
		series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
		series{"3 g", markG, styleG, func(p session.Point) float64 { return p.G }},
	)
	var pts []session.Point
	for e := 1; e <= 40; e++ {
		p := session.Point{Epoch: e, DReal: 0.1, DFake: 0.1, G: 0.5}
		if e%20 == 5 {
			p.G = 50 // a spike, beyond the range
		}
		pts = append(pts, p)
	}
	lines := strings.Split(c.render(pts, 0, []refLine{{math.Ln2, styleRef}}, 40, 12), "\n")
	find := func(mark rune) (row, col int) {
		for r, l := range lines {
			if i := slices.Index([]rune(l), mark); i >= 0 {
				return r, i
			}
		}
		return -1, -1
	}
	rr, cr := find(markDReal)
	rf, cf := find(markDFake)
	rg, cg := find(markG)
	if rr < 0 || rf < 0 || rg < 0 {
		t.Fatalf("marks missing:\n%s", strings.Join(lines, "\n"))
	}
	if rr != rf || cf != cr-1 || rg >= rr || cg != cr || cr != len([]rune(lines[rr]))-1 {
		t.Errorf("● at %d,%d, ○ at %d,%d, ■ at %d,%d: want ● and ○ side by side in the last column, on 0.1's row, ■ above:\n%s",
			rr, cr, rf, cf, rg, cg, strings.Join(lines, "\n"))
	}
	if !strings.Contains(lines[0], "▲") {
		t.Errorf("the spikes are not marked on the top row:\n%s", strings.Join(lines, "\n"))
	}
	if row, ok := c.row(math.Ln2); !ok || row == 0 {
		t.Errorf("ln 2 on row %d (%v): the top row, where the spikes are marked", row, ok)
	}
}

// TestLossRangeIgnoresSpikes: a few spikes do not set the loss chart's
// range, so the ln 2 line keeps its place; they are marked at the edge.
func TestLossRangeIgnoresSpikes(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	var pts []session.Point
	for e := 1; e <= 400; e++ {
		p := session.Point{Epoch: e, DReal: 0.7, DFake: 0.68, G: 0.72}
		if e%100 == 0 {
			p.G = 200
		}
		pts = append(pts, p)
	}
	c := newLineChart(
		series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
		series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
		series{"3 g", markG, styleG, func(p session.Point) float64 { return p.G }},
	)
	c.ts.Resize(60, 12)
	c.w, c.h = 60, 12
	lo, hi := c.yRange(c.thin(pts, 0, 400, c.ts.GraphWidth()), []refLine{{math.Ln2, styleRef}}, 10)
	if hi > 2 || lo > math.Ln2 || hi < math.Ln2 {
		t.Errorf("range %g–%g: the spikes set it, or ln 2 is outside", lo, hi)
	}
	view := c.render(pts, 0, []refLine{{math.Ln2, styleRef}}, 60, 12)
	if !strings.Contains(view, "▲") {
		t.Errorf("the spikes are not marked:\n%s", view)
	}
}

// TestChartDrawsAlikeEachTime: the same points drawn at the same size draw the
// same chart, the first time too. A first draw that thinned the points to the
// width the graph had before it (the labels of another range) would make the
// trainer's first frame after a resize, and a screen shown from one snapshot,
// draw other lines than the next draw.
func TestChartDrawsAlikeEachTime(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	var pts []session.Point
	for e := 1; e <= 1500; e++ { // more than the graph has dot columns: thinned
		x := float64(e)
		pts = append(pts, session.Point{Epoch: e, DReal: 1.5 + math.Sin(x/200) + 0.3*math.Sin(7.3*x), DFake: 1 + 0.2*math.Cos(3.1*x), G: 3 - x/1000})
	}
	for _, size := range [][2]int{{39, 8}, {59, 14}} {
		c := newLineChart(
			series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
			series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
			series{"3 g", markG, styleG, func(p session.Point) float64 { return p.G }},
		)
		first := c.render(pts, 0, []refLine{{math.Ln2, styleRef}}, size[0], size[1])
		if again := c.render(pts, 0, []refLine{{math.Ln2, styleRef}}, size[0], size[1]); again != first {
			t.Errorf("%d×%d: drawn first\n%s\nthen\n%s", size[0], size[1], first, again)
		}
	}
}

// TestCutBarsKeepTheirLegendFirstTime: bars cut at 3× the expected peak are
// said so in the legend under them on the first frame that draws them, as on
// every later one. Were the rows counted under the last plot's legend, which
// does not say it, the first plot of cut bars would take the line, and the
// legend's last line fall off the panel.
func TestCutBarsKeepTheirLegendFirstTime(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	// A run collapsed onto one of two modes: bars over 3× their expected
	// peak, and a legend of one line unless it says they are cut.
	s, snap := trainedSnapshot(t, bimodal1D(t), 2, 600, 80)
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m = mm.(Model)
	m.apply(snap)
	first := m.View()
	if !m.histCapped || !strings.Contains(first, "cut at 3× peak") {
		t.Errorf("cut %v; the first frame does not say so:\n%s", m.histCapped, first)
	}
	if m.apply(snap); m.View() != first {
		t.Errorf("the same snapshot drew another frame the second time:\n%s\nthen\n%s", first, m.View())
	}
}

// TestKSAtFloor: a KS within sampling noise reads "≈ floor", not an arrow.
func TestKSAtFloor(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	tr := &trend{vals: []float64{0.02, 0.012, 0.01}}
	line := metricLine("KS", 0.01, true, tr, sideW)
	if !strings.Contains(line, "≈ floor") || strings.ContainsAny(line, "↓↑") {
		t.Errorf("KS at the floor: %q", line)
	}
	if line := metricLine("KS", 0.01, false, tr, sideW); !strings.Contains(line, "↓") || !strings.Contains(line, "0.01–0.02") {
		t.Errorf("KS above the floor: %q, want ↓ and the range 0.01–0.02", line)
	}
}

// TestLegendNamesOnlyWhatIsDrawn: on a screen too short for D(x) and the
// push under the bars, neither is drawn, and the legend does not name
// them; where they fit, both are drawn and named.
func TestLegendNamesOnlyWhatIsDrawn(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	s, snaps := trainedSnapshots(t, bimodal1D(t), 1, 300, 70, 120)
	for _, c := range []struct {
		w, h  int
		drawn bool
	}{{70, 20, false}, {120, 40, true}} {
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: c.w, Height: c.h})
		m = mm.(Model)
		m.apply(snaps[c.w])
		drawn := strings.Contains(strings.Join(m.histView, "\n"), "D ½")
		named := strings.Contains(strings.Join(m.histFoot(1000), " "), "D(x)")
		if drawn != c.drawn || named != c.drawn {
			t.Errorf("%d×%d: D(x) drawn %v, named in the legend %v; want both %v", c.w, c.h, drawn, named, c.drawn)
		}
	}
}

// TestYLabelsAreRound: the Q-Q, G(z) and plane plots label their rows at
// round values, each on the row where its dots fall, never at the
// range's own ends (3.71, -3.7); a range no round step fits twice gets
// its ends and middle as they are.
func TestYLabelsAreRound(t *testing.T) {
	for _, c := range []struct {
		s    scale
		rows int
		want map[int]string
	}{
		{scale{-3.7, 3.71}, 7, map[int]string{1: "2", 3: "0", 5: "-2"}},
		{scale{-5.04, 5.04}, 10, map[int]string{0: "5", 4: "0", 9: "-5"}},
		{scale{0.12, 0.31}, 6, map[int]string{0: "0.3", 3: "0.2"}},
	} {
		got := map[int]string{}
		for r, l := range yLabels(c.s, c.rows) {
			if l != "" {
				got[r] = l
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%v on %d rows: %v, want %v", c.s, c.rows, got, c.want)
		}
	}
	// 1.0001–1.0003 rounds to no step whose labels fit four cells, but to one
	// whose fit six (not its ends and middle as 1, 1 and 1);
	// 1.00000001–1.00000003 to none whose fit maxYLabel.
	if got := yLabels(scale{1.0001, 1.0003}, 5); got[0] != "1.0003" || got[2] != "1.0002" || got[4] != "1.0001" {
		t.Errorf("a range whose round labels need six cells: %q", got)
	}
	if got := yLabels(scale{1.00000001, 1.00000003}, 5); got[0] != "1" || got[4] != "1" || got[2] != "1" {
		t.Errorf("a range no round label fits: %q, want its ends and middle", got)
	}
}

// TestOffScaleSaysWhichWay: a latest value below the loss chart's range
// is off scale ▼, one above it ▲, in the chart's record and the legend.
func TestOffScaleSaysWhichWay(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		last float64
		off  int
		mark string
	}{{-50, -1, "▼ off scale"}, {50, 1, "▲ off scale"}, {0.7, 0, ""}} {
		var pts []session.Point
		for e := 1; e <= 100; e++ {
			pts = append(pts, session.Point{Epoch: e, DReal: 0.7, DFake: 0.68, G: 0.72})
		}
		pts[len(pts)-1].G = c.last
		m := NewModel(nil)
		m.losses.render(pts, 0, nil, 60, 12)
		if got := m.losses.offScale(lossG, c.last); got != c.off {
			t.Errorf("G at %g: off %d, want %d", c.last, got, c.off)
		}
		m.snap.Last = engine.EpochStats{Epoch: 100, G: c.last}
		legend := strings.Join(m.lossLegend(200), " ")
		if c.mark != "" && !strings.Contains(legend, c.mark) || c.mark == "" && strings.Contains(legend, "off scale") {
			t.Errorf("G at %g: legend %q, want %q", c.last, legend, c.mark)
		}
	}
}

// TestOffScaleOnlyWhereTheChartMarksIt: the legend gives the latest epoch's
// loss and the chart averages of epochs, so that a G loss climbing as
// vanilla's does (seed 1, 4.289 at epoch 511) lies a little over the highest
// point drawn, its line ending ■ on the top row with no ▲ in the chart: the
// legend does not call it off scale, which the ▲ ▼ entry says is a value
// the chart draws at its edge.
func TestOffScaleOnlyWhereTheChartMarksIt(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	var pts []session.Point
	for e := 1; e <= 100; e++ {
		pts = append(pts, session.Point{Epoch: e, DReal: 0.04, DFake: 0.03, G: 0.7 + 3.3*float64(e)/100})
	}
	m := NewModel(nil)
	view := m.losses.render(pts, 0, nil, 40, 4)
	if strings.ContainsAny(view, "▲▼") {
		t.Fatalf("the climbing G drawn beyond the chart:\n%s", view)
	}
	last := 4.289
	if hi := m.losses.ts.ViewMaxY(); !(last > hi) {
		t.Fatalf("the chart's range reaches %g, over the latest epoch's %g: nothing to test", hi, last)
	}
	if got := m.losses.offScale(lossG, last); got != 0 {
		t.Errorf("G at %g over a chart marking none of G's points: off %d, want 0", last, got)
	}
	m.snap.Last = engine.EpochStats{Epoch: 100, DReal: 0.04, DFake: 0.03, G: last}
	if legend := strings.Join(m.lossLegend(200), " "); strings.Contains(legend, "off scale") {
		t.Errorf("legend %q beside a chart that marks nothing beyond its range:\n%s", legend, view)
	}
}

// TestReplayColumnCrossesTheCurves: a replayed epoch is a dotted column ┊
// through every row of the chart, over the cells the curves take (the lines'
// marks on it, TestReplayMarksTheLinesAtTheReplayedEpoch): drawn through the
// empty cells alone, it would not show at all where the curves take every row
// of its column (ring's losses replaying epoch 400 at 80×24; blog-original's
// first event, at epoch 100).
func TestReplayColumnCrossesTheCurves(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	c := newLineChart(series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }})
	var pts []session.Point
	for e := 1; e <= 200; e++ { // 0 and 1 by turns: the line fills every cell
		pts = append(pts, session.Point{Epoch: e, DReal: float64(e % 2)})
	}
	c.cursor = 100
	lines := strings.Split(c.render(pts, 0, nil, 40, 8), "\n")
	axis := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "└") })
	if axis < 2 {
		t.Fatalf("no graph rows above the axis:\n%s", strings.Join(lines, "\n"))
	}
	col := slices.Index([]rune(lines[0]), '┊')
	for _, l := range lines[:axis] {
		// the line's mark sits on the column, at its value there
		if r := []rune(l); col < 0 || col >= len(r) || r[col] != '┊' && r[col] != markDReal {
			t.Fatalf("the replayed epoch is not a column ┊ through every row:\n%s", strings.Join(lines, "\n"))
		}
	}
}

// TestReplayMarksTheLinesAtTheReplayedEpoch: in replay each line's mark sits on
// the replayed epoch's column, at the value the legends give, the line's end
// there, not at the live end, beside a legend giving the frame's value (vanilla
// replaying epoch 760 of 805: "● D real 0.099" in the legend, ● at the live
// 0.055).
func TestReplayMarksTheLinesAtTheReplayedEpoch(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	c := newLineChart(series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }})
	var pts []session.Point
	for e := 1; e <= 200; e++ {
		pts = append(pts, session.Point{Epoch: e, DReal: float64(e) / 200})
	}
	c.cursor = 100
	lines := strings.Split(c.render(pts, 0, nil, 40, 12), "\n")
	cursor, mark, row := -1, -1, -1
	for r, l := range lines {
		if i := slices.Index([]rune(l), '┊'); i >= 0 {
			cursor = i
		}
		if i := slices.Index([]rune(l), markDReal); i >= 0 {
			mark, row = i, r
		}
	}
	if cursor < 0 || mark != cursor {
		t.Fatalf("● in column %d, the replayed epoch's ┊ in %d:\n%s", mark, cursor, strings.Join(lines, "\n"))
	}
	if mid := len(lines) / 2; row < mid-2 || row > mid+1 { // D real 0.5 of 0 to 1: mid-height
		t.Errorf("● on row %d of %d, not at the replayed epoch's value, 0.5:\n%s", row, len(lines), strings.Join(lines, "\n"))
	}
}

// TestBaselineCurvesWithoutColour: without colour a pinned baseline's curves
// are drawn ╌, as its histogram outline is: in braille they would be the run's
// own lines, the faint colour that tells them apart gone.
func TestBaselineCurvesWithoutColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	c := newLineChart(series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }})
	var live, base []session.Point
	for e := 1; e <= 100; e++ {
		if e <= 10 {
			live = append(live, session.Point{Epoch: e, DReal: 0.2})
		}
		base = append(base, session.Point{Epoch: e, DReal: 0.2 + 0.006*float64(e)})
	}
	c.ghost = base
	lines := strings.Split(c.render(live, 0, nil, 40, 12), "\n")
	_, ci := func() (int, int) { // the live line's end
		for r, l := range lines {
			if i := slices.Index([]rune(l), markDReal); i >= 0 {
				return r, i
			}
		}
		t.Fatalf("no ● in\n%s", strings.Join(lines, "\n"))
		return 0, 0
	}()
	ghosts := 0
	for _, l := range lines {
		for _, r := range []rune(l)[ci+1:] { // beyond the live line, only the baseline's
			if r >= 0x2800 && r <= 0x28FF {
				t.Fatalf("the baseline's curve is braille, as the run's is:\n%s", strings.Join(lines, "\n"))
			}
			if r == ghostGlyph {
				ghosts++
			}
		}
	}
	if ghosts == 0 {
		t.Errorf("no %c for the baseline's curve:\n%s", ghostGlyph, strings.Join(lines, "\n"))
	}
}

// TestQQDiagonalWithoutColour: without colour the Q-Q diagonal is drawn · in
// the cells no quantile takes, so that the quantiles' dots are the only
// braille: in braille its dots would merge with theirs, and a quantile lying on
// the diagonal could not be seen.
func TestQQDiagonalWithoutColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	qq := []engine.QQPoint{{P: 0.25, Target: -1, Gen: -1}, {P: 0.5, Target: 0, Gen: 0}, {P: 0.75, Target: 1, Gen: 1}}
	lines, _ := qqPlot(qq, nil, axisGutter+40, 10)
	braille, diag := 0, 0
	for _, l := range lines {
		for _, r := range l {
			switch {
			case r >= 0x2800 && r <= 0x28FF:
				braille++
			case r == qqDiagPlain:
				diag++
			}
		}
	}
	if braille > len(qq) || diag < 20 {
		t.Errorf("%d braille cells for %d quantiles, %d cells of diagonal:\n%s", braille, len(qq), diag, strings.Join(lines, "\n"))
	}
}

// gzBeyond is a G(z) curve of 41 outputs over z from -3 to 3 against
// the target normal(0,1): on the plot, x = z/2, but for outputs 5 to 9 at
// 1000, 30 to 32 at -1000, 20 NaN, 15 -Inf and 25 +Inf, so that five
// outputs lie above the plot, three below, and three nowhere.
func gzBeyond() ([]session.ZX, []engine.QQPoint) {
	gz := make([]session.ZX, 41)
	for i := range gz {
		z := -3 + 6*float64(i)/40
		gz[i] = session.ZX{Z: z, X: z / 2}
		switch {
		case i >= 5 && i < 10:
			gz[i].X = 1000
		case i >= 30 && i < 33:
			gz[i].X = -1000
		case i == 20:
			gz[i].X = math.NaN()
		case i == 15:
			gz[i].X = math.Inf(-1)
		case i == 25:
			gz[i].X = math.Inf(1)
		}
	}
	d := engine.Normal{Mu: 0, Sigma: 1}
	qq := []engine.QQPoint{{P: 0.01, Target: d.Quantile(0.01)}, {P: 0.5}, {P: 0.99, Target: d.Quantile(0.99)}}
	return gz, qq
}

// TestGZMarksOutputsBeyond: G's outputs beyond the G(z) plot's scale are marked
// as the Q-Q plot's quantiles are, ▲ on its top row and ▼ on its bottom one,
// each in its output's column and nowhere else, and counted; the curve does not
// run along the edge between them, and every row keeps the plot's width. Drawn
// on the edge rows as the curve, unmarked, a G run away to 0 from
// normal(-1234,0.5) would be a flat line along the top, read as its output. An
// output NaN or infinite lies nowhere: counted apart, neither beyond the plot
// nor marked on its edge (NaN is not marked ▲ nor counted beyond, nor are +Inf
// and -Inf).
func TestGZMarksOutputsBeyond(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	gz, qq := gzBeyond()
	width, rows := 60, 10
	lines, cut, notFinite := gzPlot(gz, nil, qq, width, rows)
	if cut != 8 || notFinite != 3 {
		t.Errorf("%d outputs beyond the plot, %d NaN or infinite; want 8 and 3", cut, notFinite)
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w != width {
			t.Fatalf("row %d is %d cells wide, want %d:\n%s", i, w, width, strings.Join(lines, "\n"))
		}
	}
	g := yAxisOf(fitScale([]float64{qq[0].Target, qq[2].Target}, []float64{-1.5, 1.5}), rows).width
	cols := width - g
	sz := scale{gz[0].Z, gz[len(gz)-1].Z}
	want := map[[2]int]rune{} // by row and column
	for i, p := range gz {
		c := g + sz.at(p.Z, 2*cols)/2
		switch {
		case i >= 5 && i < 10:
			want[[2]int{0, c}] = clipGlyph
		case i >= 30 && i < 33:
			want[[2]int{rows - 1, c}] = '▼'
		}
	}
	plot := strings.Join(lines, "\n")
	for r, l := range lines[:rows] {
		for c, ch := range []rune(ansi.Strip(l)) {
			if w := want[[2]int{r, c}]; (ch == clipGlyph || ch == '▼' || w != 0) && ch != w {
				t.Errorf("row %d, column %d: %q, want %q:\n%s", r, c, ch, w, plot)
			}
		}
	}
	// Between the first and last ▲ of outputs 5 to 9, no curve: ▲ and
	// the band's dotted line, which is on the top row here.
	top := []rune(ansi.Strip(lines[0]))
	for c := g + sz.at(gz[5].Z, 2*cols)/2; c <= g+sz.at(gz[9].Z, 2*cols)/2; c++ {
		if top[c] != clipGlyph && top[c] != '┈' && top[c] != ' ' {
			t.Errorf("column %d of the top row, between outputs beyond it: %q:\n%s", c, top[c], plot)
		}
	}
}

// TestGZTitleCountsBeyond: the G(z) view's title says how many of G's outputs
// lie beyond the plot, as the Q-Q view's does of its quantiles, and nothing of
// the kind where none do, and among how many: the noise values the curve is
// drawn at, not the evaluation's samples, "9 beyond ▲▼ · 10,000 at epoch 200",
// read as 9 of 10,000 samples.
func TestGZTitleCountsBeyond(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.width, m.height = 120, 40
	l := m.layout()
	m.bins = l.histW - axisGutter // as the session was asked for: nothing to send
	gz, qq := gzBeyond()
	var snap session.Snapshot
	snap.Target.Spec = "normal(0,1)"
	snap.Eval.Epoch, snap.Eval.Metrics.N, snap.Eval.Metrics.QQ = 200, 10000, qq
	snap.Eval.GZ = gz
	m.view = viewGZ
	m.apply(snap)
	title := func() string {
		return strings.TrimSpace(ansi.Strip(strings.Split(m.histPanel(l.histW, l.bottomH), "\n")[0]))
	}
	if got, want := title(), "G(z) output x ↑ for noise z → · 8 beyond ▲▼ · 3 NaN · 41 noise values at epoch 200"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	on := slices.Clone(gz)
	for i := range on {
		on[i].X = on[i].Z / 2
	}
	snap.Eval.GZ = on
	m.apply(snap)
	if got := title(); strings.Contains(got, "beyond") {
		t.Errorf("title %q of a curve on the plot", got)
	}
}

// TestSamplesCountNotFiniteApart: G's samples NaN or infinite lie nowhere on
// the line: the histogram's and the Q-Q view's titles count them apart, "· 30
// NaN or infinite" ("· 30 NaN" short), as the plane and panel (d) do, never
// left or right of the range nor beyond the Q-Q plot, and no quantile of them
// is marked ▲▼ on its edge.
func TestSamplesCountNotFiniteApart(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	d := engine.Normal{Mu: 0, Sigma: 1}
	var xs []float64
	for i := range 970 {
		xs = append(xs, d.Quantile((float64(i)+0.5)/970))
	}
	for i := range 30 { // the third NaN, the rest infinite
		xs = append(xs, []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[i%3])
	}
	xs = append(xs, -9, 9, 9) // beyond the range: 1 left, 2 right
	var snap session.Snapshot
	snap.Target.Spec = "normal(0,1)"
	snap.Eval.Epoch = 2
	snap.Eval.Metrics = engine.Evaluate(xs, 1, d, engine.HistSpec{Bins: 40, Lo: -4, Hi: 4})
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		m := NewModel(nil)
		m.width, m.height = size[0], size[1]
		l := m.layout()
		m.bins = l.histW - axisGutter
		m.apply(snap)
		title := func() string {
			return strings.TrimSpace(ansi.Strip(strings.Split(m.histPanel(l.histW, l.bottomH), "\n")[0]))
		}
		hist := title()
		if !strings.Contains(hist, "1 left, 2 right · 30 NaN") {
			t.Errorf("%dx%d: the histogram's title %q, want it to count 1 left, 2 right and 30 NaN or infinite apart", size[0], size[1], hist)
		}
		m.view = viewQQ
		m.apply(snap)
		qq := title()
		if want := map[int]string{120: "· 30 NaN or infinite · 1,003 at epoch 2", 80: "· 30 NaN"}[size[0]]; !strings.HasSuffix(qq, want) || strings.Contains(qq, "beyond") {
			t.Errorf("%dx%d: the Q-Q view's title %q, want it to end %q, none beyond", size[0], size[1], qq, want)
		}
		if plot := strings.Join(m.histView, "\n"); strings.ContainsAny(plot, "▲▼") {
			t.Errorf("%dx%d: quantiles NaN or infinite marked on the Q-Q plot's edge:\n%s", size[0], size[1], plot)
		}
	}
}

// TestOffScaleLegendFits: a diverged critic's losses (3.2440e6, -4.9010e6, G
// off scale) keep the legend within the losses panel at 80×24, "▼ off scale"
// whole, not cut to "▼ off s…".
func TestOffScaleLegendFits(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	var pts []session.Point // the chart cuts the last epoch's G, marked ▼
	for e := 1; e <= 200; e++ {
		pts = append(pts, session.Point{Epoch: e, DReal: 0.7, DFake: 0.68, G: 0.72})
	}
	pts = append(pts, session.Point{Epoch: 201, DReal: 0.009, DFake: 3.244e6, G: -4.901e6})
	m.losses.render(pts, 0, nil, 60, 12)
	m.snap.Last = engine.EpochStats{Epoch: 201, DReal: 0.009, DFake: 3.244e6, G: -4.901e6}
	for w := 36; w <= 40; w++ {
		lines := m.lossLegend(w)
		if !fits(lines, w) {
			t.Errorf("legend %q is wider than %d", lines, w)
		}
		if legend := strings.Join(lines, " "); !strings.Contains(legend, "▼ off scale") || !strings.Contains(legend, "-4.9010e6") || !strings.Contains(legend, "3.2440e6") {
			t.Errorf("width %d: legend %q, want every loss and ▼ off scale", w, legend)
		}
	}
}

// TestLargeMeasuresReadWhole: a measured value from 1000 to 10⁴ reads whole,
// and from 10⁴ up as the headless lines and the diagnosis write it
// (numtext.Figure), in the Quality panel and the legends alike: a runaway's W1
// does not read 31045.503 nor its std 38453.761, three decimals of noise, nor
// 31046 and 38454 beside a status line's 3.1046e4.
func TestLargeMeasuresReadWhole(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	if line := ansi.Strip(metricLine("W1", 31045.503, false, &trend{}, sideW)); !strings.HasPrefix(line, "W1 3.1046e4 ") {
		t.Errorf("W1 of a runaway: %q", line)
	}
	if item := ansi.Strip(legendItem(styleStd, markStd, "std", 38453.761, true)); item != "σ std 3.8454e4" {
		t.Errorf("std of a runaway: %q", item)
	}
	if item := ansi.Strip(legendItem(styleStd, markStd, "std", 3845.3761, true)); item != "σ std 3845" {
		t.Errorf("std of a runaway under 10⁴: %q", item)
	}
	if item := ansi.Strip(legendItem(styleDReal, markDReal, "D real", 100, true)); item != "● D real 100.000" {
		t.Errorf("D's loss at its limit: %q", item)
	}
}

// TestMeasuresFormatLikeTheLegends: a large distance reads as the
// legends write such values, not in 17 digits (W1 28240202346.425 beside
// a mean of 9.9470e9); below, three decimals as before; the baseline's
// differences likewise, signed.
func TestMeasuresFormatLikeTheLegends(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	if line := ansi.Strip(metricLine("W1", 28240202346.425, false, &trend{}, sideW)); !strings.HasPrefix(line, "W1 2.8240e10 ") {
		t.Errorf("W1 of a diverged run: %q", line)
	}
	if line := ansi.Strip(metricLine("KS", 0.2504, false, &trend{}, sideW)); !strings.HasPrefix(line, "KS 0.250 ") {
		t.Errorf("KS: %q", line)
	}
	s := session.Snapshot{Baseline: &session.Baseline{}}
	s.Eval.Metrics.N, s.Eval.Metrics.KS, s.Eval.Metrics.W1 = 100, 0.25, 28240202346.425
	s.Baseline.Eval.Metrics.N, s.Baseline.Eval.Metrics.KS, s.Baseline.Eval.Metrics.W1 = 100, 0.25, 1.5
	if line := ansi.Strip(baselineLine(&s)); line != "vs base KS +0.000 W1 ✗2.8240e10" {
		t.Errorf("baseline line %q", line)
	}
	s.Eval.Metrics.W1 = 1.2
	if line := ansi.Strip(baselineLine(&s)); line != "vs base KS +0.000 W1 ✓0.300" {
		t.Errorf("baseline line %q", line)
	}
}

// TestSamplesTitleSaysHowMany: the samples title says how many samples its bars
// are of, live and in a replay alike, a replayed frame's a check's 2,000 where
// live has 10,000: with the epoch where there is room, without it (the header
// gives it) where only that fits, the counts out of range taking a shorter form
// for it. At 80×24 (a panel of 50) a replay's title has room for the count, and
// the live title does not keep the counts' longest form and no count, "Samples
// · out of range 0 left, 0 right", beside a replay's "· 2,000 samples".
func TestSamplesTitleSaysHowMany(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Eval.Epoch, m.snap.Eval.Metrics.N = 1500, 10000
	m.snap.Eval.Metrics.Hist = engine.Histogram{Lo: -1, Hi: 9, Counts: make([]int, 45), Expected: make([]float64, 45)}
	title := func(w int) string { return ansi.Strip(strings.Split(m.histPanel(w, 3), "\n")[0]) }
	for _, c := range []struct {
		w    int
		want string
	}{
		{50, "Samples · out: 0 left, 0 right · 10,000 samples"},
		{55, "Samples · out: 0 left, 0 right · 10,000 at epoch 1,500"},
		{90, "Samples · out of range 0 left, 0 right · 10,000 at epoch 1,500"},
	} {
		if got := title(c.w); !strings.HasPrefix(got, c.want) {
			t.Errorf("live at %d: %q, want %q", c.w, got, c.want)
		}
	}
	m.snap.Replay = &session.Keyframe{}
	m.snap.Replay.Epoch = 1400
	m.snap.Replay.Eval.Epoch, m.snap.Replay.Eval.Metrics.N = 1400, 2000
	m.snap.Replay.Eval.Metrics.Hist = m.snap.Eval.Metrics.Hist
	m.snap = replayed(m.snap, 45)
	for _, c := range []struct {
		w    int
		want string
	}{
		{50, "Samples · out: 0 left, 0 right · 2,000 samples"},
		{53, "Samples · out: 0 left, 0 right · 2,000 at epoch 1,400"},
		{85, "Samples · out of range 0 left, 0 right · 2,000 at epoch 1,400"},
	} {
		if got := title(c.w); !strings.HasPrefix(got, c.want) {
			t.Errorf("a replay at %d: %q, want %q", c.w, got, c.want)
		}
	}
}

// TestDivergedSamplesTitleSaysTheirEpoch: a run diverged on a value that is not
// finite draws the samples of its last evaluation, before the epoch it diverged
// at, and the samples title says their epoch where there is room for it, before
// the longer forms of the counts out of range, the G(z) view's in short where
// its count of noise values does not fit; diverged at the evaluation's epoch (a
// runaway's), the title reads as live, the count with the epoch. At 80×24 (a
// panel of 50) vanilla diverged to NaN at epoch 2 does not draw epoch 0's
// samples under "Samples · out of range 0 left, 0 right", beside its figure of
// epoch 2 saying "samples: all 10,000 NaN or infinite".
func TestDivergedSamplesTitleSaysTheirEpoch(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Epoch, m.snap.State = 2, session.Diverged
	m.snap.Eval.Epoch, m.snap.Eval.Metrics.N = 0, 10000
	m.snap.Eval.Metrics.Hist = engine.Histogram{Lo: -1, Hi: 9, Counts: make([]int, 45), Expected: make([]float64, 45)}
	title := func(w int) string { return strings.TrimSpace(ansi.Strip(strings.Split(m.histPanel(w, 3), "\n")[0])) }
	for _, c := range []struct {
		w    int
		want string
	}{
		{50, "Samples · out: 0 left, 0 right · 10,000 at epoch 0"},
		{45, "Samples · out: 0 left, 0 right · at epoch 0"},
		{90, "Samples · out of range 0 left, 0 right · 10,000 at epoch 0"},
	} {
		if got := title(c.w); !strings.HasPrefix(got, c.want) {
			t.Errorf("diverged at epoch 2, evaluated at 0, at %d: %q, want %q", c.w, got, c.want)
		}
	}
	m.view, m.snap.Eval.GZ = viewGZ, make([]session.ZX, 200)
	if got, want := title(50), "G(z) output x ↑ for noise z → · at epoch 0"; got != want {
		t.Errorf("the G(z) view, diverged at epoch 2, evaluated at 0, at 50: %q, want %q", got, want)
	}
	m.view, m.snap.Eval.Epoch = viewHist, 2
	if got, want := title(50), "Samples · out: 0 left, 0 right · 10,000 at epoch 2"; got != want {
		t.Errorf("diverged at the evaluation's epoch, at 50: %q, want %q", got, want)
	}
}

// TestSamplesTitleKeepsTheOutOfRange: the samples panel's title keeps the
// counts left and right of the range when they are long, in a shorter form, and
// before the title where none fits beside it; a runaway's title at 80×24, and
// at 70×20 too, does not leave them out ("Samples · 10,000 at epoch 201 · 45
// bins of 0.222") over bars all gone.
func TestSamplesTitleKeepsTheOutOfRange(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Eval.Epoch = 201
	m.snap.Eval.Metrics.N = 10000
	m.snap.Eval.Metrics.Hist = engine.Histogram{Lo: -1, Hi: 9, Counts: make([]int, 45), Expected: make([]float64, 45)}
	for _, c := range []struct {
		w           int
		under, over int
		want        string
	}{
		{50, 4987, 5013, "out of range 4,987 left, 5,013 right"},
		{50, 0, 10000, "out of range 0 left, 10,000 right"},
		{42, 0, 10000, "Samples · out: 0 left, 10,000 right"},
		{50, 0, 0, "out: 0 left, 0 right · 10,000 samples"}, // the count before the longer form
		{85, 4987, 5013, "out of range 4,987 left, 5,013 right"},
		// 70×20's panel, where the second form does not fit: not "Samples ·
		// 10,000 at epoch 201" over no bars.
		{42, 10000, 0, "Samples · out: 10,000 left, 0 right"},
		{42, 9999, 1, "Samples · out of range 9,999 left, 1 right"},
		{42, 5000000, 5000000, "out: 5,000,000 left, 5,000,000 right"},
	} {
		m.snap.Eval.Metrics.Hist.Under, m.snap.Eval.Metrics.Hist.Over = c.under, c.over
		title := ansi.Strip(strings.Split(m.histPanel(c.w, 3), "\n")[0])
		if !strings.Contains(title, c.want) {
			t.Errorf("width %d, %d left and %d right: title %q, want %q in it", c.w, c.under, c.over, title, c.want)
		}
	}
}

// TestSamplesTitleGroupsTheBinWidth: a runaway's bins, each thousands wide,
// have their width written with its thousands grouped, as every other count
// and range of the screen is ("85 bins of 12,400"), where it read "85 bins of
// 12400" (wgan --set g_lr=10 as it diverged); a width in the exponent form or
// under 1000 reads as before.
func TestSamplesTitleGroupsTheBinWidth(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Eval.Epoch = 201
	m.snap.Eval.Metrics.N = 10000
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{
		{-4e5, 654000, "85 bins of 12,400"},
		{0, 106250, "85 bins of 1,250"},
		{0, 85 * 999, "85 bins of 999"},
		{0, 10, "85 bins of 0.118"},
		{0, 85e5, "85 bins of 1e5"},
	} {
		m.snap.Eval.Metrics.Hist = engine.Histogram{Lo: c.lo, Hi: c.hi, Counts: make([]int, 85), Expected: make([]float64, 85)}
		title := ansi.Strip(strings.Split(m.histPanel(85+axisGutter, 3), "\n")[0])
		if !strings.HasSuffix(strings.TrimRight(title, " "), c.want) {
			t.Errorf("range %g to %g: title %q, want it to end %q", c.lo, c.hi, title, c.want)
		}
	}
}

// TestBarsWithoutARangeRiseFromZero: where the range beside a sparkline has no
// room (a side panel narrower than the screen's), its bars rise from 0 beside
// that scale, "0–0.51", and with no room for that either, alone: a KS held at
// 0.500 (bimodal seed 4's checks, 0.4988 to 0.5000) is not drawn from ▁ to █,
// unlabelled, beside its → (about the same). With the range shown they span it.
func TestBarsWithoutARangeRiseFromZero(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	tr := trend{vals: bimodalKS}
	for _, c := range []struct {
		w     int
		scale string
	}{{21, " █=0.51"}, {17, ""}} { // at 22 the last two checks stand beside 0.49–0.51
		line := ansi.Strip(metricLine("KS", 0.5, false, &tr, c.w))
		_, bars, _ := strings.Cut(line, "→ ")
		bars, scale, _ := strings.Cut(bars, " ")
		if scale != strings.TrimPrefix(c.scale, " ") || strings.Trim(bars, "█") != "" || len([]rune(bars)) < minBars {
			t.Errorf("in %d: %q, want bars within 0.4%% of each other drawn alike from 0, beside %q", c.w, line, c.scale)
		}
	}
	wide := ansi.Strip(metricLine("KS", 0.5, false, &tr, 80))
	if _, bars, _ := strings.Cut(wide, "→ "); strings.Trim(bars, "█") == "" || !strings.HasSuffix(wide, " 0.49–0.51") {
		t.Errorf("%q: with room for the range, the bars stand on it", wide)
	}
}

// TestBarsAtTheFloorGiveTheirScale: a KS at its floor in the side panel
// (vanilla, seed 1, at the end of its plan, 80×24) has no room for its range,
// "0.0092–0.03", beside "≈ floor" and two bars, and gives the scale its bars
// rise on from 0 instead, not "KS 0.009 ≈ floor ▅█▆▆▂", bars with no scale.
// The scale names what a full bar stands for, "█=0.03": written "0–0.03" it
// read as a range of the measure's values, and a runaway's W1 (wgan --set
// d_lr=10 --set g_lr=10, at 80×24 and 120×40) "W1 1.5596e11 ↑ ▃██ 0–1.6e11"
// as W1 between 0, which no check was, and 1.6e11.
func TestBarsAtTheFloorGiveTheirScale(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		name, cut string
		vals      []float64
		atFloor   bool
		scale     string
	}{
		{"KS", "≈ floor ", []float64{0.0167, 0.0264, 0.0129, 0.0293, 0.0218, 0.0262, 0.0092}, true, "█=0.03"},
		{"W1", "↑ ", []float64{3.2, 5.1e10, 1.5596e11}, false, "█=1.6e11"},
	} {
		tr := trend{vals: c.vals}
		v := c.vals[len(c.vals)-1]
		line := ansi.Strip(metricLine(c.name, v, c.atFloor, &tr, sideW))
		_, bars, _ := strings.Cut(line, c.cut)
		bars, scale, _ := strings.Cut(bars, " ")
		if scale != c.scale || len([]rune(bars)) < minBars || lipgloss.Width(line) > sideW || c.name == "KS" && !strings.HasSuffix(bars, "▃") {
			t.Errorf("%q: want at least %d bars beside their scale %s, in %d columns", line, minBars, c.scale, sideW)
		}
	}
}

// TestQualityBarsHoldStillAsTheRangeNarrows: a KS row draws as many bars
// beside "0.059–0.580" as beside "0.88–0.90", at 80×24's side panel and a wider
// one, so that the arrow weighs the same checks from frame to frame as a
// range's lower end passes 0.1; it drew 5 bars beside the one and 7 beside
// the other, a jump.
func TestQualityBarsHoldStillAsTheRangeNarrows(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	var wide, narrow []float64 // trendLen checks each, any 3 of wide spanning 0.059 to 0.58
	for i := range trendLen {
		wide = append(wide, []float64{0.58, 0.059, 0.3}[i%3])
		narrow = append(narrow, []float64{0.9, 0.89, 0.885, 0.895}[i%4])
	}
	for _, w := range []int{sideW, 40} {
		var counts []int
		var lines []string
		for _, vals := range [][]float64{wide, narrow} {
			line := ansi.Strip(metricLine("KS", vals[len(vals)-1], false, &trend{vals: vals}, w))
			counts = append(counts, sparkBars(line))
			lines = append(lines, line)
		}
		if !strings.HasSuffix(lines[0], " 0.059–0.580") || !strings.HasSuffix(lines[1], " 0.88–0.90") {
			t.Fatalf("at %d columns: %q and %q, want the ranges 0.059–0.580 and 0.88–0.90", w, lines[0], lines[1])
		}
		if counts[0] != counts[1] || counts[0] < minBars {
			t.Errorf("at %d columns: %d bars in %q, %d in %q; want as many beside either range", w, counts[0], lines[0], counts[1], lines[1])
		}
		for _, l := range lines {
			if lipgloss.Width(l) > w {
				t.Errorf("%q is wider than %d columns", l, w)
			}
		}
	}
}

// TestQualityBarsHoldStillAsTheValueWidens: a W1 that passes 10, 100 and
// 1000, its value written "9.537", "11.921", "111.022" and "1034", draws as
// many bars beside KS's at each, in the side panel's 28 columns, so that the
// arrows weigh the same checks from frame to frame; a runaway's W1 drew 5
// bars, then 4, 3 and 5 again as its value's width changed.
func TestQualityBarsHoldStillAsTheValueWidens(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	ks := trend{vals: []float64{0.41, 0.42, 0.43, 0.44, 0.45, 0.46, 0.47}}
	var counts []int
	var lines []string
	for _, v := range []float64{9.537, 11.921, 111.022, 1034} {
		w1 := trend{vals: []float64{v / 3, v / 2.5, v / 2, v / 1.6, v / 1.25}}
		rows := metricLines([]metricRow{{"KS", 0.48, false, &ks}, {"W1", v, false, &w1}}, sideW)
		for _, l := range rows {
			l = ansi.Strip(l)
			if lipgloss.Width(l) > sideW {
				t.Errorf("%q is wider than %d columns", l, sideW)
			}
			lines = append(lines, l)
		}
		counts = append(counts, sparkBars(ansi.Strip(rows[1])))
	}
	for _, n := range counts {
		if n != counts[0] || n < minBars {
			t.Errorf("bars %v, the rows:\n%s\nwant as many beside each W1 as beside the first (%d)", counts, strings.Join(lines, "\n"), counts[0])
			break
		}
	}
}

// sparkBars counts the sparkline's bars in line.
func sparkBars(line string) int {
	n := 0
	for _, r := range line {
		if r >= '▁' && r <= '█' {
			n++
		}
	}
	return n
}

// bimodalKS are bimodal seed 4's KS checks at 0.500, collapsed onto one
// of its two modes.
var bimodalKS = []float64{0.5003, 0.5001, 0.4998, 0.4985, 0.4990, 0.5002, 0.4999, 0.5000, 0.4994, 0.4987, 0.4996, 0.5001, 0.4988, 0.4993, 0.5003, 0.4991, 0.5}

// TestBarsBesideTheValueSpanTheirRange: in the side panel's width, checks stand
// beside their range, rounded outwards, and are drawn on it: for bimodal's KS
// checks, 0.4985 to 0.5003, "0.4988–0.5000" would be too long to stand beside
// the bars, which would rise from 0 all full (█████████████████) at every size
// of screen, and "0.499–0.5", to the nearest, would leave out its own 0.5003
// and draw a change of 0.4% from ▁ to █.
func TestBarsBesideTheValueSpanTheirRange(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	tr := trend{vals: bimodalKS}
	line := ansi.Strip(metricLine("KS", 0.5, false, &tr, sideW))
	_, bars, _ := strings.Cut(line, "→ ")
	bars, rng, _ := strings.Cut(bars, " ")
	if rng != "0.49–0.51" || strings.ContainsAny(bars, "▁█") || strings.Trim(bars, "▄") == "" {
		t.Errorf("%q: want the range 0.49–0.51, the bars about its middle, not all alike", line)
	}
}

// TestHeaderGivesWayInOrder: at every width from 70 columns (the least
// the trainer lays out) to 200, in every state a run shows (running at
// rates of 1 to 5 digits, paused, done, diverged, on past its plan, a
// replay, a resumed run done at its plan, on to epoch 10¹² past a plan of
// 10⁹, and at rates past the room the line keeps for one, 123,456 and
// 10¹⁵ ep/s, which take their own width), for a short preset's name, the longest built-in's and a preset
// file's long one, the header keeps the state and the epoch with its
// plan words and gives way in headerGivesWay's order: the program's
// name, the speed, a replay's lag, a long name's end past presetRoom, the
// count past the plan, the seed, the name cut further, the measured rate
// last: the rate outlasts the seed, a long name never pushes the state
// and the epoch off the line ("my-wide-generator-with-spectral-norm-and-
// two-timescale-lr  ▶ running" at 80), and at 70 minibatch-discrimination
// keeps its rate. No part is left out, a step back, while the line has
// room for it, as the speed is where a long name cut to presetRoom frees
// its room at 100 columns, nor kept whole where a part later in the order
// fits in its room, nor a name cut shorter than the line leaves it: at 70
// columns, at epoch 10¹², the rate's going frees room for the name cut to
// presetFloor to lengthen into, "my-wide-generator-wit…".
func TestHeaderGivesWayInOrder(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	longest := 0
	for _, name := range presets.Names() {
		longest = max(longest, ansi.StringWidth(name))
	}
	if longest != presetRoom {
		t.Errorf("presetRoom is %d columns, the longest built-in preset's name %d", presetRoom, longest)
	}
	const long = "my-wide-generator-with-spectral-norm-and-two-timescale-lr" // a preset file's name
	type state struct {
		name  string
		set   func(s *session.Snapshot)
		state string // the state's words, whole
	}
	replay := func(frame int) func(s *session.Snapshot) {
		return func(s *session.Snapshot) {
			s.State, s.Replay = session.Paused, &session.Keyframe{}
			s.Replay.Epoch = frame
		}
	}
	running := func(rate float64) func(s *session.Snapshot) {
		return func(s *session.Snapshot) { s.State, s.Rate = session.Running, rate }
	}
	past := func(then func(s *session.Snapshot)) func(s *session.Snapshot) {
		return func(s *session.Snapshot) { s.Epoch, s.Planned, s.Settings.Speed = 2396, 300, 0; then(s) }
	}
	states := []state{
		{"running at 7 ep/s", running(7), "▶ running"},
		{"running at 951 ep/s", running(951), "▶ running"},
		{"running at 23,456 ep/s", running(23456), "▶ running"},
		{"paused", func(s *session.Snapshot) { s.State = session.Paused }, "❚❚ paused"},
		{"done", func(s *session.Snapshot) { s.State, s.Epoch = session.Done, 20000 }, "✓ done"},
		{"diverged", func(s *session.Snapshot) { s.State = session.Diverged }, "✗ diverged"},
		{"past its plan at 4,057 ep/s", past(running(4057)), "▶ running"},
		{"past its plan at 23,456 ep/s", past(running(23456)), "▶ running"},
		{"paused past its plan", past(func(s *session.Snapshot) { s.State = session.Paused }), "❚❚ paused"},
		{"a replay", replay(2000), "◀ replay epoch 2,000"},
		{"a replay at the live epoch", replay(2194), "◀ replay epoch 2,194"},
		{"a replay past its plan", past(replay(2380)), "◀ replay epoch 2,380"},
		{"resumed done at its plan", func(s *session.Snapshot) { s.State, s.Epoch, s.Planned = session.Done, 300, 300 }, "✓ done"},
		{"running far past a long plan", func(s *session.Snapshot) { s.Epoch, s.Planned = 1e12, 1e9; running(951)(s) }, "▶ running"},
		{"running at 123,456 ep/s", running(123456), "▶ running"},
		{"running at 10¹⁵ ep/s", running(1e15), "▶ running"},
		{"running at 951 ep/s, paced", func(s *session.Snapshot) { running(951)(s); s.Paced = true }, "▶ running"},
		{"running at 23,456 ep/s, paced", func(s *session.Snapshot) { running(23456)(s); s.Paced = true }, "▶ running"},
	}
	model := func(preset string, seed uint64, st state) Model {
		m := NewModel(nil)
		s := &m.snap
		s.Preset, s.Epoch, s.Planned, s.Seed, s.Settings.Speed = preset, 2194, 20000, seed, 1000
		st.set(s)
		return m
	}
	header := func(m Model, w int) string { return strings.TrimRight(ansi.Strip(m.header(w)), " ") }
	// place is where part i's first step stands in headerGivesWay, or, cut,
	// its last.
	place := func(i int, cut bool) int {
		at := slices.Index(headerGivesWay, i)
		if cut {
			at += 1 + slices.Index(headerGivesWay[at+1:], i)
		}
		return at
	}
	what := [headerParts]string{headerApp: "the program's name", headerPreset: "the name", headerState: "the lag", headerProgress: "the count past the plan", headerSeed: "the seed", headerSpeed: "the speed", headerRate: "the rate"}
	// problem is what is wrong with h, the header of m at w columns, or "".
	problem := func(h string, m Model, st state, w int) string {
		s := &m.snap
		live := "epoch "
		if s.Replay != nil {
			live = "live "
		}
		progress := live + numtext.FormatInt(s.Epoch) + " / " + numtext.FormatInt(s.Planned)
		if s.Epoch > s.Planned {
			progress = live + numtext.FormatInt(s.Epoch) + " ·"
		}
		if !strings.Contains(h, st.state) || !strings.Contains(h, progress) || s.Epoch > s.Planned && !strings.Contains(h, "past plan") {
			return fmt.Sprintf("lacks the state %q or the epoch %q", st.state, progress)
		}
		if n := ansi.StringWidth(h); n > w || strings.HasSuffix(h, "…") {
			return fmt.Sprintf("is cut (%d columns)", n)
		}
		// Each part left out, a step back, does not fit; nor does it in the
		// room of a part kept whole that gives way before it.
		parts := m.headerLayout(w)
		for l, left := range parts {
			if left.shown == 0 && left.cut == 0 {
				continue
			}
			back := parts
			if back[l].cut > 0 {
				back[l].cut = 0
			} else {
				back[l].shown--
			}
			if laidOut(back) <= w {
				return fmt.Sprintf("leaves out %s while the line has room for it", what[l])
			}
			if longer := parts; left.cut > 0 {
				longer[l].cut++
				if longer[l].width() > left.width() && laidOut(longer) <= w {
					return fmt.Sprintf("cuts %s shorter than the line has room for", what[l])
				}
			}
			for f, first := range parts {
				if f == l || first.shown > 0 || first.cut > 0 || len(first.forms) == 1 || place(f, false) > place(l, left.cut > 0) {
					continue
				}
				instead := back
				instead[f].shown++
				if laidOut(instead) <= w {
					return fmt.Sprintf("keeps %s where %s, later in the order, fits in its room", what[f], what[l])
				}
			}
		}
		return ""
	}
	for _, preset := range []string{"vanilla", "minibatch-discrimination", long} {
		for _, seed := range []uint64{1, 750806} {
			for _, st := range states {
				m := model(preset, seed, st)
				for w := minWidth; w <= 200; w++ {
					if h := header(m, w); problem(h, m, st, w) != "" {
						t.Errorf("%s, seed %d, %s, %d wide: %q %s", preset, seed, st.name, w, h, problem(h, m, st, w))
						break // the first width of the state's that is wrong
					}
				}
			}
		}
	}
	for _, c := range []struct {
		preset string
		state  int // in states
		w      int
		want   string
	}{
		{"vanilla", 2, 70, "vanilla  ▶ running  epoch 2,194 / 20,000  seed 1  23,456 ep/s"},
		{"vanilla", 2, 80, "vanilla  ▶ running  epoch 2,194 / 20,000  seed 1  speed 1,000/s  23,456 ep/s"},
		{"vanilla", 2, 100, " ganui   vanilla  ▶ running  epoch 2,194 / 20,000  seed 1  speed 1,000/s  23,456 ep/s"},
		{"vanilla", 6, 70, "vanilla  ▶ running  epoch 2,396 · 2,096 past plan  seed 1  4,057 ep/s"},
		{"vanilla", 7, 80, "vanilla  ▶ running  epoch 2,396 · 2,096 past plan  seed 1  23,456 ep/s"},     // the name's room kept for " paced", at every speed
		{"vanilla", 16, 80, "vanilla  ▶ running  epoch 2,194 / 20,000  seed 1  speed 1,000/s  951 ep/s"}, // paced, the speed beside the rate: no mark
		{"vanilla", 16, 70, "vanilla  ▶ running  epoch 2,194 / 20,000  seed 1  951 ep/s paced"},
		{"vanilla", 7, 100, " ganui   vanilla  ▶ running  epoch 2,396 · 2,096 past plan  seed 1  speed full  23,456 ep/s"},
		{"vanilla", 8, 70, "vanilla  ❚❚ paused  epoch 2,396 · 2,096 past plan  seed 1"},
		{"vanilla", 11, 70, "vanilla  ◀ replay epoch 2,380  live 2,396 · 2,096 past plan  seed 1"},
		{"vanilla", 11, 80, "vanilla  ◀ replay epoch 2,380, 16 behind  live 2,396 · 2,096 past plan  seed 1"},
		{"minibatch-discrimination", 1, 70, "minibatch-discriminati…  ▶ running  epoch 2,194 / 20,000  951 ep/s"}, // the epoch's room is that of "20,000 / 20,000"
		{"minibatch-discrimination", 3, 70, "minibatch-discriminati…  ❚❚ paused  epoch 2,194 / 20,000  seed 1"},   // the seed in the rate's room
		{"minibatch-discrimination", 1, 80, "minibatch-discrimination  ▶ running  epoch 2,194 / 20,000  seed 1  951 ep/s"},
		{"minibatch-discrimination", 7, 80, "minibatch-discrimination  ▶ running  epoch 2,396 · 2,096 past plan  23,456 ep/s"}, // the seed's going makes room for the count
		{"minibatch-discrimination", 9, 80, "minibatch-discrimination  ◀ replay epoch 2,000  live 2,194 / 20,000  seed 1"},
		{"minibatch-discrimination", 1, 120, " ganui   minibatch-discrimination  ▶ running  epoch 2,194 / 20,000  seed 1  speed 1,000/s  951 ep/s"},
		{long, 1, 80, "my-wide-generator-with-…  ▶ running  epoch 2,194 / 20,000  seed 1  951 ep/s"},
		{long, 4, 80, "my-wide-generator-with-…  ✓ done  epoch 20,000 / 20,000  seed 1  speed 1,000/s"}, // an ended run's line takes the rate's room,
		{long, 9, 70, "my-wide-generator-with-…  ◀ replay epoch 2,000  live 2,194 / 20,000"},
		{long, 10, 80, "my-wide-generator-with-…  ◀ replay epoch 2,194  live 2,194 / 20,000  seed 1"},
		{long, 1, 100, "my-wide-generator-with-…  ▶ running  epoch 2,194 / 20,000  seed 1  speed 1,000/s  951 ep/s"}, // the name, cut, frees the speed's room
		{long, 1, 120, long + "  ▶ running  epoch 2,194 / 20,000  seed 1  951 ep/s"},
		{long, 1, 160, " ganui   " + long + "  ▶ running  epoch 2,194 / 20,000  seed 1  speed 1,000/s  951 ep/s"},
		{long, 12, 70, " ganui   my-wide-generator-with-…  ✓ done  epoch 300 / 300  seed 1"},
		{long, 13, 70, "my-wide-generator-wit…  ▶ running  epoch 1,000,000,000,000 · past plan"},                    // the rate's going frees room for the name cut to presetFloor
		{"vanilla", 14, 70, "vanilla  ▶ running  epoch 2,194 / 20,000  seed 1  1.23e5 ep/s"},                        // within the rate's room
		{"minibatch-discrimination", 15, 70, "minibatch-discriminati…  ▶ running  epoch 2,194 / 20,000  1e15 ep/s"}, // as at 951 ep/s
	} {
		if h := header(model(c.preset, 1, states[c.state]), c.w); h != c.want {
			t.Errorf("%s, %s, %d wide:\n got %q\nwant %q", c.preset, states[c.state].name, c.w, h, c.want)
		}
	}
}

// TestHeaderGivesWayAlikeRunningOrPaused: what the header leaves out at
// a width is the same whether the run is running, at any rate from a wide
// design's 25 s/ep up to 99,999 ep/s (the SIMD build trains small presets
// at over 20,000), or paused: only the rate, which a running run alone
// measures, comes and goes as space pauses the run and runs it again,
// the seed taking its room paused where running it has given way: at 70
// columns and more a paused run names its seed. At
// 80×24 blog-original's header had read "blog-original  ▶ running …" and,
// paused, " ganui   blog-original  ❚❚ paused …", the program's name
// coming back in. The line keeps the room of the wider of the two
// states, "▶ running" and "❚❚ paused", not that of "✗ diverged": at 81
// columns it keeps the program's name (at 80 it gives its room to the
// rate's " paced", headerLayout). A run that has ended, done or
// diverged, shows no rate until its user starts it again, and its line
// takes the room of the rate for the parts that gave way
// (TestHeaderGivesWayInOrder holds that none is left out while it has
// room): blog-original done at 80 columns reads " ganui   blog-original
// ✓ done …", where it had left blank the columns the program's name fits
// in.
func TestHeaderGivesWayAlikeRunningOrPaused(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Preset, m.snap.Epoch, m.snap.Planned, m.snap.Seed = "blog-original", 777, 5000, 1
	m.snap.Settings.Speed = 200
	at := func(w int, state session.State, rate float64) string {
		m.snap.State, m.snap.Rate = state, rate
		return strings.TrimRight(ansi.Strip(m.header(w)), " ")
	}
	for w := 50; w <= 120; w++ {
		var kept []string
		for _, c := range []struct {
			state session.State
			rate  float64
		}{{session.Running, 8}, {session.Running, 0.04}, {session.Running, 0.4}, {session.Running, 198}, {session.Running, 9999}, {session.Running, 99999}, {session.Paused, 0}} {
			h := at(w, c.state, c.rate)
			if c.state == session.Paused && w >= minWidth && !strings.Contains(h, "seed 1") {
				t.Errorf("%d wide, paused: %q names no seed", w, h)
			}
			var has []string
			for _, p := range []string{"ganui", "speed", "seed", "epoch", "blog-original"} {
				if strings.Contains(h, p) && (p != "seed" || c.state != session.Paused || slices.Contains(kept, p)) {
					has = append(has, p)
				}
			}
			if kept == nil {
				kept = has
			} else if !slices.Equal(has, kept) {
				t.Errorf("%d wide, %s at %v ep/s: %q keeps %q, where running at 8 ep/s it kept %q", w, c.state, c.rate, h, has, kept)
			}
		}
	}
	for _, c := range []struct {
		w     int
		state session.State
		rate  float64
		want  string
	}{
		{70, session.Running, 198, "blog-original  ▶ running  epoch 777 / 5,000  seed 1  198 ep/s"},
		{70, session.Paused, 0, "blog-original  ❚❚ paused  epoch 777 / 5,000  seed 1"},
		{70, session.Done, 0, "blog-original  ✓ done  epoch 777 / 5,000  seed 1  speed 200/s"},
		{70, session.Diverged, 0, "blog-original  ✗ diverged  epoch 777 / 5,000  seed 1  speed 200/s"},
		{81, session.Running, 198, " ganui   blog-original  ▶ running  epoch 777 / 5,000  seed 1  198 ep/s"}, // the room of "▶ running", not "✗ diverged"
		{81, session.Paused, 0, " ganui   blog-original  ❚❚ paused  epoch 777 / 5,000  seed 1"},
		{80, session.Running, 198, "blog-original  ▶ running  epoch 777 / 5,000  seed 1  198 ep/s"}, // the pace's room is that of "speed 100,000/s", the name's " paced"'s
		{80, session.Paused, 0, "blog-original  ❚❚ paused  epoch 777 / 5,000  seed 1"},
		{80, session.Done, 0, " ganui   blog-original  ✓ done  epoch 777 / 5,000  seed 1  speed 200/s"},
		{80, session.Diverged, 0, " ganui   blog-original  ✗ diverged  epoch 777 / 5,000  seed 1  speed 200/s"},
		{120, session.Running, 198, " ganui   blog-original  ▶ running  epoch 777 / 5,000  seed 1  speed 200/s  198 ep/s"},
		{120, session.Paused, 0, " ganui   blog-original  ❚❚ paused  epoch 777 / 5,000  seed 1  speed 200/s"},
	} {
		if h := at(c.w, c.state, c.rate); h != c.want {
			t.Errorf("%d wide, %s: %q, want %q", c.w, c.state, h, c.want)
		}
	}
}

// TestHeaderMarksAPacedRate: where the header leaves the speed out, a rate
// the pace holds back says so, "198 ep/s paced", where at 80×24 blog-original's
// "198 ep/s" stood alone and read as what the machine trains at, beside the
// final line's epochs_per_s=1404.5; the program's name gives its room to the
// mark, and no part that says something of the run does (at 70 columns the
// seed keeps its room). Where the speed stands beside it, as at 120 columns,
// the rate is not marked, nor is a rate the pace does not hold back, nor a
// paused run.
func TestHeaderMarksAPacedRate(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	s := &m.snap
	s.Preset, s.Epoch, s.Planned, s.Seed, s.Settings.Speed = "blog-original", 777, 5000, 1, 200
	for _, c := range []struct {
		w     int
		state session.State
		paced bool
		want  string
	}{
		{80, session.Running, true, "blog-original  ▶ running  epoch 777 / 5,000  seed 1  198 ep/s paced"},
		{80, session.Running, false, "blog-original  ▶ running  epoch 777 / 5,000  seed 1  198 ep/s"},
		{80, session.Paused, true, "blog-original  ❚❚ paused  epoch 777 / 5,000  seed 1"},
		{70, session.Running, true, "blog-original  ▶ running  epoch 777 / 5,000  seed 1  198 ep/s"}, // no room for it but the seed's
		{120, session.Running, true, " ganui   blog-original  ▶ running  epoch 777 / 5,000  seed 1  speed 200/s  198 ep/s"},
	} {
		s.State, s.Paced, s.Rate = c.state, c.paced, 0
		if c.state == session.Running {
			s.Rate = 198
		}
		if h := strings.TrimRight(ansi.Strip(m.header(c.w)), " "); h != c.want {
			t.Errorf("%d wide, %s, paced %v: %q, want %q", c.w, c.state, c.paced, h, c.want)
		}
	}
}

// TestHeaderKeepsItsPartsAsTheSpeedSteps: [ and ] step the pace from
// "speed 1/s" to "speed 100,000/s" and "speed full", and at every width
// from 70 to 200 columns, running, paused or done, for a short preset's
// name, the longest built-in's and a preset file's long one, the header
// leaves out the same parts, and cuts the name alike, at every pace: the
// line keeps the room of the widest. In the speed's own width, "speed
// 5/s" had kept the program's name where "speed 1,000/s" left it out.
func TestHeaderKeepsItsPartsAsTheSpeedSteps(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	speeds := []float64{0} // full
	for v := 1.0; v <= session.MaxSpeed; v *= 10 {
		speeds = append(speeds, v, 2*v, 5*v)
	}
	speeds = slices.DeleteFunc(speeds, func(v float64) bool { return v > session.MaxSpeed })
	for _, preset := range []string{"vanilla", "minibatch-discrimination", "my-wide-generator-with-spectral-norm-and-two-timescale-lr"} {
		for _, state := range []session.State{session.Running, session.Paused, session.Done} {
			m := NewModel(nil)
			s := &m.snap
			s.Preset, s.Epoch, s.Planned, s.Seed, s.State = preset, 2194, 20000, 1, state
			if state == session.Running {
				s.Rate = 951
			}
		next:
			for w := minWidth; w <= 200; w++ {
				s.Settings.Speed = speeds[0]
				first := headerShape(m, w)
				for _, v := range speeds[1:] {
					s.Settings.Speed = v
					if headerShape(m, w) != first {
						h := strings.TrimRight(ansi.Strip(m.header(w)), " ")
						s.Settings.Speed = speeds[0]
						t.Errorf("%s, %s, %d wide: at speed %s the header reads %q, at speed full %q", preset, state, w, session.SpeedText(v), h, strings.TrimRight(ansi.Strip(m.header(w)), " "))
						break next // the first width that is wrong
					}
				}
			}
		}
	}
}

// headerShape is what the header of m at w columns leaves out and how it
// cuts: each part's form shown and the columns it is cut to.
func headerShape(m Model, w int) (l [headerParts][2]int) {
	for i, p := range m.headerLayout(w) {
		l[i] = [2]int{p.shown, p.cut}
	}
	return l
}

// TestHeaderKeepsItsPartsThroughThePlan: as a run counts its epochs from
// 0 to its plan's end, running or paused, at every width from 70 to 200
// columns, for a short preset's name, the longest built-in's and a preset
// file's long one, and plans of 300, 5,000, 20,000 and 10⁹ epochs, the
// header leaves out the same parts, and cuts the name alike, at every
// count: the line keeps the epoch the room of its count at the plan's
// end. The count is laid out by its width alone, so the counts where it
// gains a digit or a comma, 9 and 10, 999 and 1,000, and the plan's end
// stand for all. In its own width, the count had let the pace in at 80×24
// for blog-original's epochs 0–99 and put it out at epoch 100.
func TestHeaderKeepsItsPartsThroughThePlan(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, preset := range []string{"vanilla", "minibatch-discrimination", "my-wide-generator-with-spectral-norm-and-two-timescale-lr"} {
		for _, planned := range []int{300, 5000, 20000, 1e9} {
			counts := []int{planned}
			for c := 1; c <= planned; c *= 10 {
				counts = append(counts, c-1, c)
			}
			for _, state := range []session.State{session.Running, session.Paused} {
				m := NewModel(nil)
				s := &m.snap
				s.Preset, s.Planned, s.Seed, s.State, s.Settings.Speed = preset, planned, 1, state, 200
				if state == session.Running {
					s.Rate = 951
				}
				read := func(epoch, w int) string {
					s.Epoch = epoch
					return strings.TrimRight(ansi.Strip(m.header(w)), " ")
				}
			next:
				for w := minWidth; w <= 200; w++ {
					s.Epoch = 0
					first := headerShape(m, w)
					for _, c := range counts {
						s.Epoch = c
						if headerShape(m, w) != first {
							t.Errorf("%s, plan %d, %s, %d wide: at epoch %d the header reads %q, at epoch 0 %q", preset, planned, state, w, c, read(c, w), read(0, w))
							break next // the first width that is wrong
						}
					}
				}
			}
		}
	}
	m := NewModel(nil)
	m.snap.Preset, m.snap.Planned, m.snap.Seed, m.snap.State, m.snap.Rate = "blog-original", 5000, 1, session.Running, 198
	m.snap.Settings.Speed = 200
	for _, epoch := range []int{5, 777} {
		m.snap.Epoch = epoch
		want := fmt.Sprintf("blog-original  ▶ running  epoch %d / 5,000  seed 1  198 ep/s", epoch)
		if h := strings.TrimRight(ansi.Strip(m.header(80)), " "); h != want {
			t.Errorf("80 wide, epoch %d: %q, want %q", epoch, h, want)
		}
	}
}

// TestHeaderKeepsTheRateForEveryPlan: at 70 columns, the narrowest the
// trainer draws, a running run keeps its measured rate for every plan
// --epochs takes, up to 10⁹, with the longest built-in preset's name and
// a preset file's long one, from epoch 0 to the plan's end: a plan of 100
// million or more reads "/ 1e9", where "/ 1,000,000,000" beside the
// epoch's own count had left the rate out for the whole plan.
func TestHeaderKeepsTheRateForEveryPlan(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, preset := range []string{"vanilla", "minibatch-discrimination", "my-wide-generator-with-spectral-norm-and-two-timescale-lr"} {
		for _, planned := range []int{300, 99_999_999, 100_000_000, 987_654_321, 1e9} {
			for _, epoch := range []int{0, planned} {
				m := NewModel(nil)
				s := &m.snap
				s.Preset, s.Planned, s.Epoch, s.Seed, s.State, s.Settings.Speed, s.Rate = preset, planned, epoch, 1, session.Running, 200, 123456
				if h := ansi.Strip(m.header(minWidth)); !strings.Contains(h, "1.23e5 ep/s") {
					t.Errorf("%s, plan %d, epoch %d, %d wide: %q has no rate", preset, planned, epoch, minWidth, h)
				}
			}
		}
	}
	m := NewModel(nil)
	m.snap.Preset, m.snap.Planned, m.snap.Epoch, m.snap.Seed, m.snap.State, m.snap.Rate = "blog-original", 1e9, 1e9, 1, session.Running, 704
	want := "blog-original  ▶ running  epoch 1,000,000,000 / 1e9  704 ep/s"
	if h := strings.TrimRight(ansi.Strip(m.header(minWidth)), " "); h != want {
		t.Errorf("%d wide: %q, want %q", minWidth, h, want)
	}
}

// TestHeaderSaysSlowRatesHonestly: the header's measured rate is whole
// from 10 epochs a second, with a tenth under 10, and under one epoch a
// second the seconds an epoch takes (session.RateText), each within the
// room the line keeps for "99,999 ep/s", 123,456 as "1.23e5 ep/s": a wide design's 0.4 epochs a
// second (g_hidden=1024,1024 d_hidden=1024,1024 batch=500) reads "2.5
// s/ep", where a whole number had read "0 ep/s" beside "speed 500/s", as
// if stopped. A rate that reads 1.0 epochs a second, 0.96, is "1.0 ep/s",
// as 1 and 1.04 are.
func TestHeaderSaysSlowRatesHonestly(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Preset, m.snap.Epoch, m.snap.Planned, m.snap.Seed = "vanilla", 3, 20000, 1
	m.snap.Settings.Speed = 500
	m.snap.State = session.Running
	const head = " ganui   vanilla  ▶ running  epoch 3 / 20,000  seed 1  speed 500/s  "
	for _, c := range []struct {
		rate float64
		want string
	}{
		{0.04, "25 s/ep"},
		{0.12, "8.3 s/ep"},
		{0.4, "2.5 s/ep"},
		{0.9, "1.1 s/ep"},
		{0.96, "1.0 ep/s"}, // 1.0 either way: not "1.0 s/ep" beside a "1.0 ep/s" a frame later
		{1, "1.0 ep/s"},
		{2.5, "2.5 ep/s"},
		{9.96, "10 ep/s"},
		{10, "10 ep/s"},
		{951, "951 ep/s"},
		{23456, "23,456 ep/s"},
		{123456, "1.23e5 ep/s"},
	} {
		m.snap.Rate = c.rate
		if h := strings.TrimRight(ansi.Strip(m.header(120)), " "); h != head+c.want {
			t.Errorf("at %v ep/s:\n got %q\nwant %q", c.rate, h, head+c.want)
		}
		if w := ansi.StringWidth(c.want); w > rateRoom {
			t.Errorf("at %v ep/s: %q takes %d columns, more than the rate's room, %d", c.rate, c.want, w, rateRoom)
		}
	}
}

// TestBaselineCurvesShareTheRange: a pinned baseline's curves set the chart's
// range with the live run's, so that a baseline whose mean sat at -2 is drawn
// at -2. With the range the live run's alone, near 1, the ghost would be
// clamped to its bottom edge, unmarked, where it would read as a mean near the
// live one.
func TestBaselineCurvesShareTheRange(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	c := newLineChart(series{"1 mean", markMean, styleMean, func(p session.Point) float64 { return p.Mean }})
	var live, base []session.Point
	for e := 1; e <= 100; e++ {
		live = append(live, session.Point{Epoch: e, Mean: 1})
		base = append(base, session.Point{Epoch: e, Mean: -2})
	}
	c.ghost = base
	view := c.render(live, 0, nil, 40, 12)
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "-2┤") && strings.ContainsRune(l, ghostGlyph) {
			return
		}
	}
	t.Errorf("the baseline's mean of -2 is not drawn on the -2 row:\n%s", view)
}

// TestBalanceLinesToldApart: with one-sided label smoothing D's two losses
// balance at two lines, drawn each faint in its loss's colour, as the figure
// draws them, and the legend's mark shows both; in one grey they would tell D
// real's from D fake's only by height.
func TestBalanceLinesToldApart(t *testing.T) {
	cfg, err := presets.Get("label-smoothing")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 200)
	if eq := snap.Equilibrium; eq == nil || eq.DReal == eq.DFake {
		t.Fatalf("label-smoothing: balance %+v, want two lines", eq)
	}
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(s)
	m.width, m.height = 120, 40
	m.apply(snap)
	// A run of cells in one style is written as one: a line's dashes
	// begin with its style's opening sequence.
	dashes := func(st lipgloss.Style) string {
		open, _, _ := strings.Cut(st.Render("┈"), "┈")
		return open + "┈"
	}
	if !strings.Contains(m.lossView, dashes(styleDReal.Faint(true))) || !strings.Contains(m.lossView, dashes(styleDFake.Faint(true))) || strings.Contains(m.lossView, dashes(styleRef)) {
		t.Errorf("the balance lines are not each in its loss's colour:\n%q", m.lossView)
	}
	real, fake := styleDReal.Faint(true).Render("┈"), styleDFake.Faint(true).Render("┈")
	if legend := strings.Join(m.lossLegend(60), "\n"); !strings.Contains(legend, real+fake) {
		t.Errorf("the legend does not show both lines' marks:\n%q", legend)
	}
}

// TestGBalanceLineShown: with label smoothing G's loss balances at a line of
// its own, −ln 0.45, 0.02 above D real's: it is drawn where it shares D real's
// row, the two taking the row's dashes in turn, not left out under D real's, as
// at 120×40 it always would be, and the legend's mark has a dash for it after
// D's two, within the panel at 80×24 and 120×40.
func TestGBalanceLineShown(t *testing.T) {
	cfg, err := presets.Get("label-smoothing")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 200)
	eq := snap.Equilibrium
	if eq == nil || eq.G == eq.DReal || eq.G == eq.DFake {
		t.Fatalf("label-smoothing: balance %+v, want G's apart from D's", eq)
	}
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	dash := func(st lipgloss.Style) string {
		open, _, _ := strings.Cut(st.Render("┈"), "┈")
		return open + "┈"
	}
	real, fake, g := styleDReal.Faint(true), styleDFake.Faint(true), styleG.Faint(true)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		m := NewModel(s)
		m.width, m.height = size[0], size[1]
		m.apply(snap)
		l := m.layout()
		if !strings.Contains(m.lossView, dash(g)) || !strings.Contains(m.lossView, dash(real)) {
			t.Errorf("%dx%d: G's balance line (or D real's) is not drawn:\n%q", size[0], size[1], m.lossView)
		}
		legend := m.lossLegend(l.leftW)
		if !strings.Contains(strings.Join(legend, "\n"), real.Render("┈")+fake.Render("┈")+g.Render("┈")+styleRef.Render(" D(x)=0.45")) {
			t.Errorf("%dx%d: the legend's mark has no dash for G's line:\n%q", size[0], size[1], legend)
		}
		if !fits(legend, l.leftW) || len(legend) > 2 {
			t.Errorf("%dx%d: the legend does not fit its panel, %d wide:\n%q", size[0], size[1], l.leftW, legend)
		}
	}
}

// TestFlatLossSaysSo: a loss a million times the others draws them flat
// along 0, where they read as losses at 0 that do not move; the legend
// names them by their marks as flat at this scale, at 80×24 and 120×40
// alike, every loss and the balance line still named. Losses of one scale, D's near 0 while D wins
// included, are not called flat.
func TestFlatLossSaysSo(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	losses := func(dReal, dFake, g float64) []session.Point {
		var pts []session.Point
		for e := 1; e <= 200; e++ {
			wiggle := 0.1 * math.Sin(float64(e)/5)
			pts = append(pts, session.Point{Epoch: e, DReal: dReal * (1 + wiggle), DFake: dFake * (1 - wiggle), G: g * (1 + wiggle)})
		}
		return pts
	}
	for _, c := range []struct {
		name    string
		pts     []session.Point
		flat    []bool
		flagged bool
	}{
		{"G a million times D's", losses(0.7, 0.68, 7e5), []bool{true, true, false}, true},
		{"one scale", losses(0.7, 0.68, 0.72), []bool{false, false, false}, false},
		{"D wins", losses(1.5, 0.001, 6), []bool{false, false, false}, false},
	} {
		m := NewModel(nil)
		m.losses.render(c.pts, 0, nil, 60, 12)
		if !slices.Equal(m.losses.flat, c.flat) {
			t.Errorf("%s: flat %v, want %v", c.name, m.losses.flat, c.flat)
		}
	}
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.History = losses(0.7, 0.68, 7e5)
	snap.Last = engine.EpochStats{Epoch: 200, DReal: 0.7, DFake: 0.68, G: 7e5}
	snap.State, snap.Note = session.Paused, ""
	for _, size := range goldenSizes {
		view := frame(t, s, snap, size[0], size[1])
		flat := strings.Join(strings.Fields(view), " ")
		if !strings.Contains(flat, "●○ flat") || !strings.Contains(flat, "■ G 7.0000e5") || !strings.Contains(flat, "ln 2") {
			t.Errorf("%d×%d: the legend does not say D's losses are flat at G's scale:\n%s", size[0], size[1], view)
		}
	}
}

// TestReplayHeaderNamesBothEpochs: a replay's header gives the frame's epoch,
// how far it lies behind the run, and the run's own progress named live, each
// number once: "◀ replay epoch 940 of 943  epoch 943 / 2,000" would read as the
// live epoch twice beside the frame's. A frame at the live epoch (an event
// after the newest keyframe) says so.
func TestReplayHeaderNamesBothEpochs(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Preset, m.snap.State, m.snap.Epoch, m.snap.Planned, m.snap.Seed = "grid", session.Paused, 943, 2000, 1
	m.snap.Replay = &session.Keyframe{}
	m.snap.Replay.Epoch = 940
	for _, w := range []int{80, 100, 120} {
		h := ansi.Strip(m.header(w))
		if !strings.Contains(h, "◀ replay epoch 940, 3 behind  live 943 / 2,000") {
			t.Errorf("%d wide: %q does not name the frame's epoch, how far behind, and the live one", w, h)
		}
		if n := strings.Count(h, "943"); n != 1 {
			t.Errorf("%d wide: %q gives the live epoch %d times", w, h, n)
		}
	}
	m.snap.Replay.Epoch = 943
	if h := ansi.Strip(m.header(80)); !strings.Contains(h, "◀ replay epoch 943, the live one  live 943 / 2,000") {
		t.Errorf("a frame at the live epoch: %q", h)
	}
}

// TestHeaderPastThePlan: a run gone on past its plan (space or n once done)
// says in the header that the plan is done and how far past it the run is, live
// and in a replay, and at 80 wide keeps the seed and the measured rate: "epoch
// 2,396 / 300" would read as a count out of a total it overran.
func TestHeaderPastThePlan(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(nil)
	m.snap.Preset, m.snap.Epoch, m.snap.Planned, m.snap.Seed = "blog-original", 2396, 300, 1
	m.snap.Settings.Speed = 0 // full
	for _, c := range []struct {
		w     int
		state session.State
		want  string
	}{
		{80, session.Running, "blog-original  ▶ running  epoch 2,396 · 2,096 past plan  seed 1  951 ep/s"},
		{80, session.Paused, "blog-original  ❚❚ paused  epoch 2,396 · 2,096 past plan  seed 1"},
		{120, session.Running, " ganui   blog-original  ▶ running  epoch 2,396 · 2,096 past plan  seed 1  speed full  951 ep/s"},
	} {
		m.snap.State, m.snap.Rate = c.state, 951
		if h := strings.TrimRight(ansi.Strip(m.header(c.w)), " "); h != c.want {
			t.Errorf("%d wide, %s: %q, want %q", c.w, c.state, h, c.want)
		}
	}
	m.snap.State, m.snap.Replay = session.Paused, &session.Keyframe{}
	m.snap.Replay.Epoch = 2380
	for w, want := range map[int]string{
		80:  "◀ replay epoch 2,380  live 2,396 · 2,096 past plan  seed 1", // the lag, the difference of the two, gives way first (headerGivesWay)
		120: "◀ replay epoch 2,380, 16 behind  live 2,396 · 2,096 past plan  seed 1",
	} {
		if h := ansi.Strip(m.header(w)); !strings.Contains(h, want) {
			t.Errorf("a replay past the plan, %d wide: %q, want %q", w, h, want)
		}
	}
	m.snap.Replay, m.snap.Epoch = nil, 300 // at the plan's end, not past it
	if h := ansi.Strip(m.header(80)); !strings.Contains(h, "epoch 300 / 300  seed 1") {
		t.Errorf("at the plan's end: %q, want it out of the plan", h)
	}
}

// TestTargetRunsThroughTheCurve: a reference line stays whole along a row a
// curve takes: each cell of the curve's there has a dot at the reference's
// level, the curve's cells keeping their colour. Otherwise a mean lying on its
// target would hide the target's ┈ in every cell it takes, so that the moment
// the moments chart is there to show, the mean on its target, would show no
// target.
func TestTargetRunsThroughTheCurve(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	c := newLineChart(
		series{"1 mean", markMean, styleMean, func(p session.Point) float64 { return p.Mean }},
		series{"2 std", markStd, styleStd, func(p session.Point) float64 { return p.Std }},
	)
	var pts []session.Point
	for e := 1; e <= 400; e++ { // the mean on its target 4 from epoch 100 on
		pts = append(pts, session.Point{Epoch: e, Mean: 4 * math.Min(1, float64(e)/100), Std: 1.25})
	}
	lines := strings.Split(c.render(pts, 0, []refLine{{4, styleTarget}, {1.25, styleTarget}}, 40, 10), "\n")
	row, sub, ok := c.dotRow(4)
	if !ok {
		t.Fatalf("the target 4 is off the chart:\n%s", strings.Join(lines, "\n"))
	}
	o := c.ts.Origin()
	cells := []rune(lines[row])
	curve := 0
	for i, x := 0, o.X+1; x < o.X+1+c.ts.GraphWidth()-1; i, x = i+1, x+1 { // the last column has the mark
		switch r := cells[x]; {
		case r == '┈':
		case r >= 0x2800 && r <= 0x28FF:
			curve++
			if uint8(r-0x2800)&dotBits[i%2][sub] == 0 {
				t.Errorf("column %d: %q, no dot at the target's level, the target lost under the curve:\n%s", x, r, strings.Join(lines, "\n"))
			}
		default:
			t.Errorf("column %d: %q on the target's row:\n%s", x, r, strings.Join(lines, "\n"))
		}
	}
	if curve < c.ts.GraphWidth()/2 {
		t.Errorf("the mean takes %d cells of the target's row, want most: the test draws no overlap:\n%s", curve, strings.Join(lines, "\n"))
	}
}

// TestQualityRowsShowTheSameChecks: the KS and W1 rows, one over the other,
// draw their bars on the same checks in the same columns, and their arrows go
// by the same checks: wgan at 120×40 does not read "KS 0.965 → ▇▇▆▆▅▄▄
// 0.96–0.98" over "W1 3.025 ↓ ▇▇▆▆▅▅▄▄▃▂▂ 3–3.3", the last 7 checks beside the
// last 11, each row as many as its own range leaves room for; nor does a W1 of
// two digits before the point set its bars a column right of KS's.
func TestQualityRowsShowTheSameChecks(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	ks := trend{vals: []float64{0.99, 0.985, 0.984, 0.98, 0.978, 0.975, 0.972, 0.97, 0.969, 0.968, 0.966, 0.9655}}
	w1 := trend{vals: []float64{3.31, 3.28, 3.25, 3.2, 3.17, 3.15, 3.12, 3.1, 3.07, 3.05, 3.03, 3.026}}
	far := trend{vals: []float64{13.1, 12.8, 12.5, 12.2, 11.7, 11.5, 11.2, 11, 10.7, 10.5, 10.3, 10.26}}
	for _, c := range []struct {
		w1 *trend
		v  float64
	}{{&w1, 3.025}, {&far, 10.25}} {
		for _, w := range []int{sideW, 30, 36} {
			lines := metricLines([]metricRow{{"KS", 0.965, false, &ks}, {"W1", c.v, false, c.w1}}, w)
			var cols, counts []int
			for _, l := range lines {
				l = ansi.Strip(l)
				bars := strings.TrimRight(strings.Fields(l)[3], "0123456789.–")
				cols = append(cols, strings.Index(l, bars))
				counts = append(counts, len([]rune(bars)))
			}
			if cols[0] != cols[1] || counts[0] != counts[1] || counts[0] < minBars {
				t.Errorf("width %d:\n%s\n%s\nbars at bytes %v, %v of them: want the same checks in the same columns", w, ansi.Strip(lines[0]), ansi.Strip(lines[1]), cols, counts)
			}
		}
	}
}

// TestLegendGivesThePenalty: a design with a gradient penalty (r1, wgan-gp) has
// its value in the losses' legend, as the progress lines' penalty= and the
// CSV's column give it, where it fits, and the legend still fits its panel
// where it gives way (wgan-gp's D real -62.711 at 80×24); a design without one
// has none. Neither of D's losses holds it, so the legend is the one place on
// the screen that shows it.
func TestLegendGivesThePenalty(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		name      string
		penalized bool
		last      engine.EpochStats
		w         int
		want      bool
	}{
		{"r1 at 80×24", true, engine.EpochStats{Epoch: 800, DReal: 0.197, DFake: 0.122, G: 2.175, Penalty: 0.251}, 39, true},
		{"wgan-gp at 120×40", true, engine.EpochStats{Epoch: 487, DReal: -60.292, DFake: 0.7, G: -0.933, Penalty: 28.11}, 59, true},
		{"wgan-gp at 80×24", true, engine.EpochStats{Epoch: 600, DReal: -62.711, DFake: 1.06, G: -1.16, Penalty: 27.865}, 39, false},
		{"vanilla", false, engine.EpochStats{Epoch: 800, DReal: 0.197, DFake: 0.122, G: 2.175}, 59, false},
	} {
		m := NewModel(nil)
		m.snap.Last, m.snap.Penalized = c.last, c.penalized
		lines := m.lossLegend(c.w) // the losses panel's width: half the screen's, less the gap
		legend := strings.Join(lines, " ")
		if got := strings.Contains(legend, "penalty "+numtext.Measure(c.last.Penalty)); got != c.want || !fits(lines, c.w) || len(lines) > 2 {
			t.Errorf("%s: legend %q, penalty given %v, want %v, in 2 lines of %d", c.name, lines, got, c.want, c.w)
		}
		if !strings.Contains(legend, numtext.Measure(c.last.DReal)) || !strings.Contains(legend, numtext.Measure(c.last.G)) {
			t.Errorf("%s: legend %q lost a loss", c.name, lines)
		}
	}
}

// TestLegendGivesTheLossesByHand: after updates by hand (d, g) the losses'
// legend gives their losses, as the status line does, its title saying whose
// they are, in the panel at 80×24 and at 120×40; r1's penalty, which an update
// of D by hand does not give, is not set beside them. It does not keep the
// epoch's losses while g moves G's. Where the title does not fit in full, it
// says whose in short.
func TestLegendGivesTheLossesByHand(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	last := engine.EpochStats{Epoch: 5, DReal: 0.589, DFake: 0.785, G: 0.611, Penalty: 0.251}
	for _, c := range []struct {
		name  string
		hand  session.HandLosses
		wants []string
	}{
		{"g", session.HandLosses{Epoch: 5, G: true, GLoss: 0.642},
			[]string{"Losses, G by hand", "D real 0.589", "D fake 0.785", "G 0.642"}},
		{"g then d", session.HandLosses{Epoch: 5, D: true, G: true, DReal: 0.576, DFake: 0.782, GLoss: 0.642},
			[]string{"Losses, D and G by hand", "D real 0.576", "D fake 0.782", "G 0.642"}},
		// A critic's signed losses (wgan-gp, grid-wgan-gp) leave no room at
		// 80×24 for the title in full: it says whose in short, rather than
		// dropping it and giving hand values unnamed as such.
		{"g then d, a critic", session.HandLosses{Epoch: 5, D: true, G: true, DReal: -2.639, DFake: 1.919, GLoss: -2.067},
			[]string{"D and G by hand", "D real -2.639", "D fake 1.919", "G -2.067"}},
	} {
		for _, w := range []int{39, 59} { // the losses panel's width at 80×24 and 120×40
			m := NewModel(nil)
			m.snap.Epoch, m.snap.Last, m.snap.Penalized, m.snap.Hand = 5, last, true, &c.hand
			lines := m.lossLegend(w)
			legend := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
			for _, want := range c.wants {
				if !strings.Contains(legend, want) {
					t.Errorf("%s, width %d: legend %q lacks %q", c.name, w, legend, want)
				}
			}
			if c.hand.D && strings.Contains(legend, "penalty") {
				t.Errorf("%s, width %d: legend %q gives the epoch's penalty beside D's losses by hand", c.name, w, legend)
			}
			if !fits(lines, w) || len(lines) > 2 {
				t.Errorf("%s: legend %q, not in 2 lines of %d", c.name, lines, w)
			}
		}
	}
}

// TestMomentsLegendSaysWhoseAfterG: after G is updated by hand (g) the moments
// legend, whose values are of the epoch's last batch, says which epoch's, in
// full or in short, in the panel at 80×24 and at 120×40, in 1-D and on a plane;
// after d alone, which leaves G as the epoch left it, it says nothing more.
// Unmarked, the epoch's moments would stand beside a plane, histogram and
// Quality showing the G that g has moved.
func TestMomentsLegendSaysWhoseAfterG(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	last := engine.EpochStats{Epoch: 2000, Mean: 3.998, Std: 1.187, MeanY: -0.012, StdY: 1.392}
	for _, plane := range []*session.PlaneInfo{nil, {Spots: make([]engine.Spot, 8)}} {
		for _, c := range []struct {
			name string
			hand *session.HandLosses
			want bool // the legend says which epoch's batch
		}{
			{"none", nil, false},
			{"d", &session.HandLosses{Epoch: 2000, D: true, DReal: 0.576, DFake: 0.782}, false},
			{"g", &session.HandLosses{Epoch: 2000, G: true, GLoss: 0.642}, true},
			{"d then g", &session.HandLosses{Epoch: 2000, D: true, G: true, DReal: 0.576, DFake: 0.782, GLoss: 0.642}, true},
		} {
			for _, w := range []int{39, 59} { // the moments panel's width at 80×24 and 120×40
				m := NewModel(nil)
				m.snap.Epoch, m.snap.Last, m.snap.Hand, m.snap.Target.Plane = 2000, last, c.hand, plane
				legend := momLegend(t, &m, w, fmt.Sprintf("%s, plane %v", c.name, plane != nil))
				if got := strings.Contains(legend, "epoch 2,000's batch"); got != c.want {
					t.Errorf("%s, plane %v, width %d: legend %q, says the epoch's batch %v, want %v", c.name, plane != nil, w, legend, got, c.want)
				}
			}
		}
	}
}

// TestMomentsLegendSaysGsOwnUnderEMA: with g_ema the moments legend, whose
// values are of the epoch's last training batch, says they are G's own, in the
// panel at 120×40, in 1-D and on a plane, and keeps its moments at 80×24;
// without g_ema it says nothing of whose. The plane and Quality show G's
// average, beside which the batch's std X 3.70, unmarked, would read as the
// same G's as Quality's x ±3.74 of the average.
func TestMomentsLegendSaysGsOwnUnderEMA(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	last := engine.EpochStats{Epoch: 300, Mean: 0.010, Std: 3.701, MeanY: 0.076, StdY: 3.982}
	for _, plane := range []*session.PlaneInfo{nil, {Spots: make([]engine.Spot, 25)}} {
		for _, ema := range []float64{0, 0.99} {
			for _, w := range []int{39, 59} { // the moments panel's width at 80×24 and 120×40
				m := NewModel(nil)
				m.snap.Epoch, m.snap.Last, m.snap.GEMA, m.snap.Target.Plane = 300, last, ema, plane
				legend := momLegend(t, &m, w, fmt.Sprintf("g_ema %g, plane %v", ema, plane != nil))
				got := strings.Contains(legend, "G's own")
				if got && ema == 0 || !got && ema > 0 && w == 59 {
					t.Errorf("g_ema %g, plane %v, width %d: legend %q, says G's own %v", ema, plane != nil, w, legend, got)
				}
			}
		}
	}
}

// TestMomentsLegendSaysLastBatch: the moments legend says its values are the
// last batch's, "Moments, last batch", in the panel at 120×40, in 1-D and on a
// plane, keeping its moments at 80×24; before the first epoch, with no batch,
// and in a run diverged past its last finite epoch, whose title says that
// epoch, it does not. Unmarked, blog-original's "μ mean 12.732 σ std 4.949" at
// its end would stand beside the skew of fresh samples and the final line's
// mean=13.1046 std=5.1387 as of the same samples.
func TestMomentsLegendSaysLastBatch(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	last := engine.EpochStats{Epoch: 5000, Mean: 12.732, Std: 4.949, MeanY: 0.076, StdY: 3.982}
	for _, plane := range []*session.PlaneInfo{nil, {Spots: make([]engine.Spot, 8)}} {
		for _, c := range []struct {
			name  string
			epoch int
			last  engine.EpochStats
			state session.State
			want  bool
		}{
			{"done", 5000, last, session.Done, true},
			{"before the first epoch", 0, engine.EpochStats{}, session.Paused, false},
			{"diverged after its last finite epoch", 5001, last, session.Diverged, false},
		} {
			for _, w := range []int{39, 59} { // the moments panel's width at 80×24 and 120×40
				m := NewModel(nil)
				m.snap.Epoch, m.snap.Last, m.snap.State, m.snap.Target.Plane = c.epoch, c.last, c.state, plane
				legend := momLegend(t, &m, w, fmt.Sprintf("%s, plane %v", c.name, plane != nil))
				if got := strings.Contains(legend, "Moments, last batch"); got != c.want && (w == 59 || got) {
					t.Errorf("%s, plane %v, width %d: legend %q, says last batch %v, want %v", c.name, plane != nil, w, legend, got, c.want)
				}
			}
		}
	}
}

// TestShapeLineSaysItIsTheAverages: with g_ema the skew and excess
// kurtosis under the moments chart, the evaluation's of G's average, say
// so, at 120×40 and 80×24, where the chart's legend says its lines are
// G's own; without g_ema they name no one.
func TestShapeLineSaysItIsTheAverages(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, ema := range []float64{0, 0.99} {
		for _, w := range []int{39, 59} { // the moments panel's width at 80×24 and 120×40
			m := NewModel(nil)
			m.snap.Epoch, m.snap.GEMA = 300, ema
			m.snap.Eval.Metrics.Skew, m.snap.Eval.Metrics.Kurt = 0.799, 0.659
			lines := m.higherMoments(w)
			got := strings.Contains(strings.Join(lines, " "), "average")
			if got != (ema > 0) || !fits(lines, w) || len(lines) > 2 {
				t.Errorf("g_ema %g, width %d: %q, says the average's %v, in 2 lines of %d %v", ema, w, lines, got, w, fits(lines, w))
			}
			if !strings.Contains(strings.Join(lines, " "), "skew") || !strings.Contains(strings.Join(lines, " "), "ex.kurt") {
				t.Errorf("g_ema %g, width %d: %q lost a moment", ema, w, lines)
			}
		}
	}
}

// TestLegendNamesOnlyMarksDrawn: the samples legend of a histogram with no
// generated sample in its range (a NaN G's, all counted right of it) leaves out
// █ and the push, neither drawn; a push all to the left is named by ◀, the mark
// its strip draws, not ▶.
func TestLegendNamesOnlyMarksDrawn(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	m := Model{view: viewHist}
	m.snap.Target.Spec = "uniform(2,6)"
	m.snap.Eval.Metrics = engine.Metrics{N: 100, Hist: engine.Histogram{Lo: 1.71, Hi: 6.29, Counts: []int{0, 0, 0}, Expected: []float64{30, 40, 30}, Over: 100}}
	m.snap.Eval.DCurve = []float64{0.5, 0.5, 0.5}
	m.snap.Eval.Push = []float64{-1, -2, -1}
	got := strings.Join(m.histFoot(120), "\n")
	if strings.Contains(got, "█") || strings.Contains(got, "push") || !strings.Contains(got, "░ expected") {
		t.Errorf("no bars drawn, the legend reads:\n%s\nwant ░ without █ or the push", got)
	}
	m.snap.Eval.Metrics.Hist.Counts, m.snap.Eval.Metrics.Hist.Over = []int{50, 50, 0}, 0
	got = strings.Join(m.histFoot(120), "\n")
	if !strings.Contains(got, "█ generated") || !strings.Contains(got, "◀ push dD/dx") || strings.Contains(got, "▶") {
		t.Errorf("bars pushed left, the legend reads:\n%s\nwant █ generated and ◀ push dD/dx", got)
	}
	// A baseline over another range (a replayed keyframe's, widened to
	// take in G's samples) has no outline on these columns, nor a name.
	b := &session.Baseline{Seed: 2, Epoch: 600, Eval: session.Eval{Metrics: engine.Metrics{N: 100, Hist: engine.Histogram{Lo: -0.5, Hi: 6.29, Counts: []int{100, 0, 0}, Expected: []float64{0, 30, 70}}}}}
	m.snap.Baseline = b
	if g := ghostCounts(b, m.snap.Eval.Metrics.Hist, 3, 100); g != nil || strings.Contains(strings.Join(m.histFoot(120), "\n"), "base") {
		t.Errorf("a baseline over -0.5 to 6.29 on columns of 1.71 to 6.29: outline %v, legend %q", g, m.histFoot(120))
	}
	b.Eval.Metrics.Hist.Lo = 1.71
	if g := ghostCounts(b, m.snap.Eval.Metrics.Hist, 3, 100); g == nil || !strings.Contains(strings.Join(m.histFoot(120), "\n"), "╌ base seed 2") {
		t.Errorf("a baseline over the same range: outline %v, legend %q", g, m.histFoot(120))
	}
}

// TestBalanceNamedOnlyWhereDrawn: the losses legend names the ln 2 line only
// where the chart shows it. A feature-matching G's loss, on a scale of its own,
// runs ▲ along the chart's top row; ln 2 gets a row of its own under it, at
// 70×20 too, where the chart has two rows, since in the ▲ row every cell is
// taken by ▲. A line the chart does not show (two rows with both edges marked
// have none for it) is not named, by the legend, the glossary or the
// diagnosis's pointer at the dotted line.
func TestBalanceNamedOnlyWhereDrawn(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	cfg, err := presets.Get("feature-matching")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 300)
	for _, size := range [][2]int{{70, 20}, {120, 40}} {
		m := NewModel(s)
		m.width, m.height = size[0], size[1]
		m.apply(snap)
		legend := strings.Join(m.lossLegend(m.layout().leftW), "\n")
		row, _ := m.losses.row(math.Ln2)
		if !strings.Contains(m.lossView, "▲") || row == 0 || !m.lossRefsShown[0] || !strings.Contains(legend, "ln 2") {
			t.Errorf("%d×%d: ln 2 on row %d, shown %v; want it under the ▲ row, shown and named\n%s\n%s", size[0], size[1], row, m.lossRefsShown, legend, m.lossView)
		}
		told := func() (glossary bool, watch, terms string) {
			for _, g := range m.glossaryEntries() {
				glossary = glossary || g[0] == "ln 2 line"
			}
			return glossary, strings.Join(m.watchLines(200, 9), " "), strings.Join(m.explained(m.findingTerms(session.DIndifferent), 200, 9, 0), " ")
		}
		if glossary, watch, terms := told(); !glossary || !strings.Contains(watch, "dotted line") || !strings.Contains(terms, "ln 2 line") {
			t.Errorf("%d×%d: ln 2 shown, yet the glossary has it %v, the watch lines and D's equilibrium do not name it:\n%s\n%s", size[0], size[1], glossary, watch, terms)
		}
		m.lossRefsShown[0] = false
		if legend := strings.Join(m.lossLegend(m.layout().leftW), "\n"); strings.Contains(legend, "ln 2") {
			t.Errorf("%d×%d: the legend names a line the chart does not show:\n%s", size[0], size[1], legend)
		}
		if glossary, watch, terms := told(); glossary || strings.Contains(watch, "dotted line") || strings.Contains(terms, "ln 2 line") {
			t.Errorf("%d×%d: ln 2 not shown, yet the glossary has it %v, or the watch lines or D's equilibrium name it:\n%s\n%s", size[0], size[1], glossary, watch, terms)
		}
	}
}

// TestReferenceClearOfTheMarks: a reference that falls on the edge row where
// values beyond the range are marked (▲ at the top, ▼ at the bottom) gets a row
// of its own, by the dots the drawing puts it on, on a chart of two rows too,
// and shows; where both edges are marked it takes a row between them, which two
// rows do not have. At two rows a feature-matching G's ▲ row would otherwise
// hide ln 2.
func TestReferenceClearOfTheMarks(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for rows := 2; rows <= 12; rows++ {
		for _, c := range []struct {
			name string
			g    []float64 // G's loss, on a scale of its own, in turn
			d    float64   // D's, about which the range is set
		}{
			{"above", []float64{200}, 0.6},
			{"below", []float64{0.01}, 0.8},
			{"above and below", []float64{200, 0.01}, 0.7},
		} {
			ch := newLineChart(
				series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
				series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
				series{"3 g", markG, styleG, func(p session.Point) float64 { return p.G }},
			)
			ch.own = true
			var pts []session.Point
			for e := 1; e <= 40; e++ {
				pts = append(pts, session.Point{Epoch: e, DReal: c.d + 0.05*math.Sin(float64(e)), DFake: c.d, G: c.g[e%len(c.g)]})
			}
			view := ch.render(pts, 0, []refLine{{math.Ln2, styleRef}}, 40, rows+2)
			lines := strings.Split(view, "\n")
			row, ok := ch.row(math.Ln2)
			up, down := strings.Contains(lines[0], "▲"), strings.Contains(lines[rows-1], "▼")
			if len(c.g) > 1 && rows == 2 {
				continue
			}
			if !ok || !ch.shown[0] || up && row == 0 || down && row == rows-1 || !up && slices.Contains(c.g, 200) || !down && slices.Contains(c.g, 0.01) {
				t.Errorf("%d rows, G %s the range: ln 2 on row %d (%v), shown %v; want a row clear of the marks, shown\n%s", rows, c.name, row, ok, ch.shown[0], view)
			}
		}
	}
}

// TestGlossaryNamesTheQQDiagonalAsDrawn: the glossary's Q-Q entry names the
// diagonal by the mark the view's legend draws it with, with colour and
// without, not "· without colour" beside a legend's "⠑ diagonal", and nothing
// of ⠑.
func TestGlossaryNamesTheQQDiagonalAsDrawn(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.Ascii} {
		lipgloss.SetColorProfile(p)
		var m Model
		m.view = viewQQ
		legend := ansi.Strip(strings.Join(m.histFoot(120), " "))
		before, _, ok := strings.Cut(legend, " diagonal")
		if !ok {
			t.Fatalf("profile %v: the legend %q names no diagonal", p, legend)
		}
		mark := []rune(before)[len([]rune(before))-1]
		i := slices.IndexFunc(glossaryOf(false), func(g [2]string) bool { return g[0] == "Q-Q" })
		if i < 0 {
			t.Fatal("no Q-Q entry in a line's glossary")
		}
		if text := glossaryOf(false)[i][1]; !strings.Contains(text, string(mark)+" diagonal") {
			t.Errorf("profile %v: the legend draws the diagonal %c, the glossary says %q", p, mark, text)
		}
	}
}

// TestAxisLabelsAreAScale: a line chart's Y labels read as a scale, the ticks
// of one step, each on the row the chart draws it on, two of them at least; and
// on a chart of three rows or more, a row a reference line is drawn on is
// labelled only by a tick that names the line, its value to the step's leading
// digit (names), so that the dotted line, which reads as its row's label, is
// not taken for another value. Were the lines to label their rows with their
// own values, at 80×24 vanilla's moments chart would read 4, 2, 1.25 down its
// three rows, and ring's 2-D moments 1.41, 0, −2 down four; and vanilla's
// losses, ln 2 under half the step 2 from 0, would keep the 0 of its row.
func TestAxisLabelsAreAScale(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	cases := []struct {
		name string
		// Each series runs from its first value to its second, then
		// back part of the way, a little noise added.
		series [][2]float64
		refs   []float64
		want   map[int][]string // the labels down the rows, at some heights
	}{
		{"vanilla's moments", [][2]float64{{0.5, 4.1}, {0.1, 1.27}}, []float64{4, 1.25},
			map[int][]string{5: {"4", "2"}}},
		{"ring's 2-D moments", [][2]float64{{0.5, 1.85}, {-0.5, -1.9}, {0.4, 0.4}, {0.35, 0.35}}, []float64{0, 0, math.Sqrt2, math.Sqrt2},
			map[int][]string{6: {"2.5", "0.0"}}},
		{"vanilla's losses", [][2]float64{{0.25, 0.72}, {0.06, 0.64}, {0.7, 4.3}}, []float64{math.Ln2},
			map[int][]string{6: {"5", "0"}}},
		{"moments short of target", [][2]float64{{1, 1.2}, {0.2, 0.25}}, []float64{4, 1.25}, nil},
		{"BCE losses", [][2]float64{{0.9, 0.8}, {0.55, 0.6}}, []float64{math.Ln2}, nil},
		{"BCE losses under ln 2", [][2]float64{{0.5, 0.4}, {0.3, 0.2}}, []float64{math.Ln2}, nil},
		{"least-squares losses", [][2]float64{{0.45, 0.3}, {0.01, 0.1}}, []float64{0.125}, nil},
		{"bimodal's moments", [][2]float64{{0, 0.52}, {0.1, 1.27}}, []float64{0, 2.06}, nil},
	}
	for _, tc := range cases {
		for _, h := range []int{4, 5, 6, 7, 8, 12, 16} {
			fields := []func(p *session.Point) *float64{ // a field of a point for each series
				func(p *session.Point) *float64 { return &p.DReal },
				func(p *session.Point) *float64 { return &p.DFake },
				func(p *session.Point) *float64 { return &p.G },
				func(p *session.Point) *float64 { return &p.Mean },
			}
			var ss []series
			for i := range tc.series {
				ss = append(ss, series{fmt.Sprintf("%d", i), 'x', styleMean, func(p session.Point) float64 { return *fields[i](&p) }})
			}
			c := newLineChart(ss...)
			var pts []session.Point
			for e := 1; e <= 300; e++ {
				p := session.Point{Epoch: e}
				for i, ab := range tc.series {
					f := math.Min(1, float64(e)/150) - 0.3*math.Max(0, float64(e)/150-1)
					*fields[i](&p) = (ab[0] + (ab[1]-ab[0])*f) * (1 + 0.05*math.Sin(float64(e)/7))
				}
				pts = append(pts, p)
			}
			var refs []refLine
			for _, y := range tc.refs {
				refs = append(refs, refLine{y, styleTarget})
			}
			out := c.render(pts, 0, refs, 40, h)
			var got []string
			for row, l := range strings.Split(out, "\n") {
				i := strings.Index(l, "┤")
				if i < 0 {
					continue
				}
				label := strings.TrimSpace(l[:i])
				got = append(got, label)
				v, err := strconv.ParseFloat(label, 64)
				if r, ok := c.row(v); err != nil || axisNum(v, c.step) != label || !ok || r != row || math.Abs(math.Remainder(v, c.step)) > c.step*1e-9 {
					t.Errorf("%s, %d rows: row %d labelled %q, not a tick of step %g on its row:\n%s", tc.name, h-2, row, label, c.step, out)
					continue
				}
				for _, y := range tc.refs {
					if r, _ := c.row(y); r == row && !names(v, y, c.step) && h-2 > 2 { // two rows: the scale first
						t.Errorf("%s, %d rows: the line at %.3g is drawn on the row labelled %s, at a step of %g:\n%s", tc.name, h-2, y, label, c.step, out)
					}
				}
			}
			if len(got) < 2 {
				t.Errorf("%s, %d rows: labels %q, two at least for a scale:\n%s", tc.name, h-2, got, out)
			}
			if want, ok := tc.want[h]; ok && !slices.Equal(got, want) {
				t.Errorf("%s, %d rows: labels %q, want %q:\n%s", tc.name, h-2, got, want, out)
			}
		}
	}
}

// yLabels is yLabelsStep's labels alone.
func yLabels(s scale, rows int) []string {
	labels, _ := yLabelsStep(s, rows)
	return labels
}

// render draws pts and refs into a w×h block of text, the epochs from
// from (0, or where a resumed run began) to the last point, its time axis
// labelled at the step its own width takes.
func (c *lineChart) render(pts []session.Point, from int, refs []refLine, w, h int) string {
	f := c.fit(pts, from, refs, w, h)
	return c.draw(f, f.xstep(c.ts.GraphWidth()))
}

// momLegend is m's moments legend at width w, its title the longest of
// momTitles that fits, as one line of words, having checked that it
// keeps its mean and std in two lines of w at most; what names the case
// in a failure.
func momLegend(t *testing.T, m *Model, w int, what string) string {
	t.Helper()
	lines := m.momLegendOf(w, m.momTitles())
	legend := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	// Named in words, or on a plane short of room μ and σ (momLegendOf).
	if !strings.Contains(legend, "mean") && !strings.Contains(legend, "μ ") || !strings.Contains(legend, "std") && !strings.Contains(legend, "σ ") {
		t.Errorf("%s, width %d: legend %q lost a moment", what, w, legend)
	}
	if !fits(lines, w) || len(lines) > 2 {
		t.Errorf("%s: legend %q, not in 2 lines of %d", what, lines, w)
	}
	return legend
}

// baselineLine compares the quality measures with the baseline's on one
// line, as baselineLines writes it where there is room.
func baselineLine(s *session.Snapshot) string {
	return strings.Join(baselineLines(s, math.MaxInt), "")
}

// TestPlotLegendsKeepTheTargetWhole: the Q-Q and G(z) views' legends fit
// their panel at every width from the narrowest layout's on, with or without a pinned
// baseline, and name the target's formula whole or not at all: bimodal's Q-Q
// at 70×20 reads "⠑ diagonal: the target", not "⠑ diagonal: the target,
// mixture(-2,0.5;…", and wherever the formula fits it is given.
func TestPlotLegendsKeepTheTargetWhole(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	const spec = "mixture(-2,0.5;2,0.5)"
	drawn := &session.Baseline{Seed: 123456789, Epoch: 200000}
	drawn.Eval.Metrics.QQ = []engine.QQPoint{{}}
	drawn.Eval.GZ = []session.ZX{{}}
	narrow := NewModel(nil)
	narrow.width, narrow.height = minWidth, minHeight
	for _, view := range []sampleView{viewQQ, viewGZ} {
		for _, b := range []*session.Baseline{nil, drawn, {Seed: 2, Epoch: 1500}} {
			for w := narrow.layout().histW; w <= 120; w++ {
				m := NewModel(nil)
				m.view = view
				m.snap.Target.Spec = spec
				m.snap.Baseline = b
				lines := m.histFoot(w)
				text := strings.Join(lines, "  ")
				if !fits(lines, w) || strings.Contains(text, "…") {
					t.Errorf("view %d, baseline %v, width %d: the legend %q is cut", view, b != nil, w, lines)
				}
				if strings.Contains(text, "mixture") != strings.Contains(text, spec) {
					t.Errorf("view %d, baseline %v, width %d: the legend %q cuts the target's formula", view, b != nil, w, lines)
				}
			}
		}
	}
	m := NewModel(nil)
	m.view, m.snap.Target.Spec = viewQQ, spec
	if text := strings.Join(m.histFoot(120), "  "); !strings.Contains(text, "diagonal: the target, "+spec) {
		t.Errorf("the Q-Q legend at 120 columns %q, want the target's formula", text)
	}
}

// TestQQTitleGivesTheHistogramsFacts: the Q-Q view's title says how many
// samples it plots, and of which epoch where that fits, in the histogram's
// words: "10,000 at epoch 1,800" (120×40), else "10,000 samples" (80×24,
// the header giving the epoch), where at 80×24 the title had read "Q-Q
// generated ↑ vs target →" alone. The epoch it gives wherever the
// histogram's title does.
func TestQQTitleGivesTheHistogramsFacts(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s, snaps := trainedSnapshots(t, cfg, 1, 200, 80, 120)
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		snap := snaps[w]
		snap.Epoch, snap.Eval.Epoch = 1_800, 1_800 // the width of the brief's walk, epoch 1,800
		n := numtext.FormatInt(snap.Eval.Metrics.N)
		line := func(view, title string) string {
			for l := range strings.SplitSeq(view, "\n") {
				if strings.Contains(l, title) {
					return l
				}
			}
			t.Fatalf("%d×%d: no %q title:\n%s", w, h, title, view)
			return ""
		}
		hist := line(frame(t, s, snap, w, h), "Samples ·")
		qq := line(frame(t, s, snap, w, h, "v"), "Q-Q generated")
		if !strings.Contains(qq, n+" at epoch 1,800") && !strings.Contains(qq, n+" samples") {
			t.Errorf("%d×%d: the Q-Q title gives no count of its samples:\n%s", w, h, qq)
		}
		if strings.Contains(hist, "at epoch 1,800") && !strings.Contains(qq, n+" at epoch 1,800") {
			t.Errorf("%d×%d: the histogram's title gives the epoch, the Q-Q's not:\n%s\n%s", w, h, hist, qq)
		}
	}
}
