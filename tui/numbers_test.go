package tui

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// TestRunawayMeanReadsOneWay: a runaway's mean reads the same on the status
// line, which the session writes (numtext.Measure), and in the moments legend:
// blog-original with g_lr 0.5 does not read "μ mean 33679" under "(mean
// 3.3679e4)", nor with g_lr 5 "μ mean 3.339e7" under "(mean 3.3392e7)".
func TestRunawayMeanReadsOneWay(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	for _, mean := range []float64{33679.4, 52378.2, 3.33921e7, -1.6576e5, 2.5642e31} {
		snap := trained
		snap.State, snap.Note, snap.Rollback = session.Diverged, "", 0
		snap.Last.Mean = mean
		text := "mean " + numtext.Measure(mean)
		snap.Err = &session.Divergence{Epoch: 200, What: "a runaway",
			Runaway: "the generated samples stayed far outside the target's range [-1, 9] (the last batch's " + text + ") for 200 epochs"}
		view := frame(t, s, snap, 120, 40)
		if !strings.Contains(view, "Ran away at epoch 200") {
			t.Fatalf("no runaway on the status line:\n%s", view)
		}
		if !strings.Contains(view, "μ "+text+" ") {
			t.Errorf("mean %g: the status line reads %q, the legend not:\n%s", mean, text, view)
		}
	}
}

// TestMeasureBounded: a measured value on the screen takes at most
// numtext.FigureWidth characters and a sign, however large.
func TestMeasureBounded(t *testing.T) {
	for e := -10; e <= 308; e++ {
		for _, m := range []float64{1, 9.99996, -4.2} {
			v := m * math.Pow(10, float64(e))
			if math.IsInf(v, 0) {
				continue
			}
			if s := numtext.Measure(v); len(strings.TrimPrefix(s, "-")) > numtext.FigureWidth {
				t.Errorf("numtext.Measure(%g) = %s: wider than %d", v, s, numtext.FigureWidth)
			}
		}
	}
}

// TestTinyNoiseUseIsNotZero: noise use, the SW1 floor and a plane's mean or std
// that is not 0 never read 0.000 (0.00) in the Quality panel, as the legends'
// measures do not (TestTinyMeasureIsNotZero): blog-original --set g_lr=0.002
// --epochs 220 does not read "noise use 0.000 G ignores it" above the
// diagnosis's "noise use 2.4841e-8". Its line then fits as "<0.05", the panel's
// width being 28.
func TestTinyNoiseUseIsNotZero(t *testing.T) {
	noiseUseReads(t, map[float64]string{
		2.4841e-8: "noise use 2.4841e-8 <0.05", 0.0003: "noise use 0.0003 under 0.05",
		0.014: "noise use 0.014 under 0.05", 0: "noise use 0.000 under 0.05",
	})
	s, plane := trainedPlane(t, planeConfig(t, "ring"), 1, 2)
	snap := plane
	pm := *snap.Eval.Metrics.Plane
	pm.SW1Floor, pm.MeanX, pm.StdX, pm.MeanY, pm.StdY = 2e-5, -0.004, 2.4841e-6, 0.5, 0.003
	snap.Eval.Metrics.Plane = &pm
	flat := strings.Join(strings.Fields(frame(t, s, snap, 120, 40)), " ")
	for _, want := range []string{"floor 2.0000e-5 ", "x -0.004±2.4841e-6 ", "y +0.500±0.003 "} {
		if !strings.Contains(flat, want) {
			t.Errorf("no %q in the Quality panel:\n%s", want, flat)
		}
	}
}

// TestNoiseUseReadsAgainstTheDiagnosisLine: the Quality panel's noise use says
// where it stands against the line the diagnosis draws (session.NoiseUseFloor),
// in the diagnosis's words, on either side of it, in the decimals that read it
// there however near (0.0499 under 0.05, not 0.050), "at 0.05" where it is 0.05,
// which the diagnosis does not count under the line and is not over it, and the
// glossary's entry says what each side means: alone, "noise use 0.055" would not tell a learner
// whether it is good or bad, nor would the ? page explain "G ignores it", under
// the line.
func TestNoiseUseReadsAgainstTheDiagnosisLine(t *testing.T) {
	noiseUseReads(t, map[float64]string{
		0.049: "noise use 0.049 under 0.05", 0.05: "noise use 0.050 at 0.05",
		0.055: "noise use 0.055 over 0.05", 1: "noise use 1.000 over 0.05",
		0.0499: "noise use 0.0499 under 0.05", 0.0501: "noise use 0.0501 over 0.05",
	})
	for _, g := range glossaryOf(false) {
		if g[0] == "noise use" {
			for _, want := range []string{"\"under\u00a00.05\", G ignores its noise", "\"over\u00a00.05\" or \"at\u00a00.05\", it does not"} {
				if !strings.Contains(g[1], want) {
					t.Errorf("the noise use entry lacks %q: %q", want, g[1])
				}
			}
			return
		}
	}
	t.Error("no noise use entry in the 1-D glossary")
}

// noiseUseReads checks that blog-original's screen, at each golden size,
// reads want[z] whole in its Quality panel with a noise use of z.
func noiseUseReads(t *testing.T, want map[float64]string) {
	t.Helper()
	s, trained := trainedSnapshot(t, blogConfig(t, 20), 1, 20, 120)
	for z, line := range want {
		snap := trained
		snap.Eval.Metrics.ZDep = z
		for _, size := range goldenSizes {
			view := frame(t, s, snap, size[0], size[1])
			if !strings.Contains(view, line+" ") && !strings.Contains(view, line+"\n") {
				t.Errorf("noise use %g at %d×%d: no %q in the Quality panel:\n%s", z, size[0], size[1], line, view)
			}
		}
	}
}

// TestTinySkewIsNotZero: the moments legend's skew and kurtosis, in three
// decimals and, narrow, two, never read 0.000 (0.00) for a value that is not 0,
// and a runaway's are bounded as a measure is: a skew of 0.0002 does not read
// +0.000, nor one of 2.5e9 +2500000000.000.
func TestTinySkewIsNotZero(t *testing.T) {
	for _, c := range []struct {
		v            float64
		long, narrow string
	}{
		{0.0002, "+0.0002", "+0.0002"}, {-3e-6, "-3.0000e-6", "-3.0000e-6"}, {0.004, "+0.004", "+0.004"},
		{0, "+0.000", "+0.00"}, {0.411, "+0.411", "+0.41"}, {2.5e9, "+2.5000e9", "+2.5000e9"},
	} {
		if got := signed(c.v); got != c.long {
			t.Errorf("signed(%g) = %s, want %s", c.v, got, c.long)
		}
		if got := momentNum(c.v, true); got != c.narrow {
			t.Errorf("momentNum(%g, true) = %s, want %s", c.v, got, c.narrow)
		}
	}
}

// TestRunawayW1KeepsItsRange: a runaway's W1, written as the headless lines
// write it (1.6839e5), keeps its sparkline's range in the side panel's width,
// bars fewer: "W1 1.684e5 → ▆▄▆ 1.6e5–1.7e5", not "W1 1.6839e5 → ███", its
// checks drawn from 0 unlabelled. So does a 2-D runaway's SW1, its bars against
// the arrow. From 10⁴ up the range reads in the value's exponent form,
// "W1 3.3679e4 ↓ ▇▂ 3.3e4–3.9e4", not in bare digits, "33000–39000", and
// spelt out grouped where its lesser end is plain, "9,600–13,000".
func TestRunawayW1KeepsItsRange(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		name   string
		v      float64
		checks []float64
		want   string
	}{
		{"W1", 1.6839e5, []float64{1.6712e5, 1.6544e5, 1.6839e5}, " 1.6e5–1.7e5"},
		{"W1", 1.6839e5, []float64{1.62e5, 1.6712e5, 1.6544e5, 1.69e5, 1.6612e5, 1.6839e5}, " 1.6e5–1.7e5"},
		{"W1", 33679.4, []float64{31045.5, 38453.7, 33679.4}, " 3.3e4–3.9e4"},
		{"W1", 12037, []float64{7704, 9630, 12037}, " 9,600–13,000"},
		{"W1", 2.5e9, []float64{2.1e9, 2.45e9, 2.5e9}, " 2.4e9–2.5e9"},
		// SW1, a letter longer, by the space between the arrow and the bars:
		// ring --set g_lr=1 --epochs 400's runaway, "SW1 2.1800e4 → █████████████".
		{"SW1", 2.18e4, []float64{2.1591e4, 2.1426e4, 2.1674e4, 2.1643e4, 2.18e4}, "→▆▇ 2.1e4–2.2e4"},
		{"SW1", 1.6839e5, []float64{1.6712e5, 1.6544e5, 1.6839e5}, " 1.6e5–1.7e5"},
	} {
		line := ansi.Strip(metricLine(c.name, c.v, false, &trend{vals: c.checks}, sideW))
		if !strings.HasSuffix(line, c.want) || !strings.HasPrefix(line, c.name+" "+numtext.Measure(c.v)+" ") {
			t.Errorf("%s %g: %q, want its value as the lines write it and the range%s", c.name, c.v, line, c.want)
		}
		if lipgloss.Width(line) > sideW {
			t.Errorf("%q: wider than %d", line, sideW)
		}
	}
}

// TestPlaneRunawayMeanReadsOneWay: a 2-D runaway's means read the same on the
// status line (numtext.Measure) and in the Quality panel's axis lines, not "x
// +52000±…" under "(mean x 5.2378e4, …)", nor, from 10⁵, in two digits, "y
// -8.3e5±…" under "y -8.2852e5".
func TestPlaneRunawayMeanReadsOneWay(t *testing.T) {
	s, trained := trainedPlane(t, planeConfig(t, "ring"), 1, 2)
	for _, c := range [][2]float64{{52378.2, -828524.1}, {3.33921e7, 12345.6}} {
		snap := trained
		pm := *snap.Eval.Metrics.Plane
		pm.MeanX, pm.StdX, pm.MeanY, pm.StdY = c[0], 30586.96, c[1], 4.2e5
		snap.Eval.Metrics.Plane = &pm
		x, y := numtext.Measure(c[0]), numtext.Measure(c[1])
		snap.State, snap.Note, snap.Rollback = session.Diverged, "", 0
		snap.Err = &session.Divergence{Epoch: 200, What: "a runaway",
			Runaway: "the generated samples stayed far outside the target's box [-2.06, 2.06]×[-2.06, 2.06] (the last batch's mean x " + x + ", y " + y + ") for 200 epochs"}
		view := frame(t, s, snap, 120, 40)
		if !strings.Contains(view, "Ran away at epoch 200") {
			t.Fatalf("no runaway on the status line:\n%s", view)
		}
		signed := func(f string) string {
			if !strings.HasPrefix(f, "-") {
				return "+" + f
			}
			return f
		}
		for _, want := range []string{"x " + signed(x) + "±", "y " + signed(y) + "±"} {
			if !strings.Contains(view, want) {
				t.Errorf("the status line reads mean x %s, y %s; Quality has no %q:\n%s", x, y, want, view)
			}
		}
	}
}

// TestTinyMeasureIsNotZero: a measured value that is not 0 never reads 0.000: a
// D that wins outright does not read "D real 0.000" in the losses legend above
// the diagnosis's "D real 2.2411e-6"; under three decimals it reads as the
// diagnosis writes it (numtext.Measure), and a value three decimals show reads
// in three decimals.
func TestTinyMeasureIsNotZero(t *testing.T) {
	for v, want := range map[float64]string{
		2.2411e-6: "2.2411e-6", -3.1e-9: "-3.1000e-9", 0.0003: "0.0003", 0.00049: "0.0005",
		0: "0.000", 0.0006: "0.001", 0.693: "0.693", 100: "100.000",
	} {
		if got := numtext.Measure(v); got != want {
			t.Errorf("numtext.Measure(%g) = %s, want %s", v, got, want)
		}
	}
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	snap := trained
	snap.Last.DReal, snap.Last.G = 2.2411e-6, 1.5e-8
	for _, size := range goldenSizes {
		flat := strings.Join(strings.Fields(frame(t, s, snap, size[0], size[1])), " ")
		if !strings.Contains(flat, "● D real 2.2411e-6 ") || !strings.Contains(flat, "■ G 1.5000e-8 ") {
			t.Errorf("%d×%d: the losses legend does not give D real 2.2411e-6 and G 1.5000e-8:\n%s", size[0], size[1], flat)
		}
	}
}

// TestUnreachedRunawaySaysToRescale: the status line of a runaway G never came
// near the target in says what to change, the target's data, not a learning
// rate to lower, since no rate brings points at 10⁶ into reach, and not u to
// roll back to lower one.
func TestUnreachedRunawaySaysToRescale(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	snap.State, snap.Note, snap.Rollback = session.Diverged, "", 100
	snap.Err = &session.Divergence{Epoch: 200, What: "a runaway", Runaway: "D's loss on real data stuck at 100, its limit, for 200 epochs", Unreached: true}
	view := strings.Join(strings.Fields(frame(t, s, snap, 120, 40)), " ")
	if !strings.Contains(view, session.UnreachedRemedy) || strings.Contains(view, "lower a learning rate") {
		t.Errorf("the status of a runaway that never came near its target:\n%s", view)
	}
}

// TestKeysPageOfAnUnreachedRunSaysToRescale: on a run that ran away never
// having come near its target, the keys page gives the faint keys the status's
// remedy, "space/p n d/g b w: rescale" (the data), at 80×24 and at the narrowest,
// 70×20, in colour and without, not "after u", since u only lets the run run
// away again. At 80 columns "rescale data" would not fit after its keys in the
// last column, and the page would give the reasons without their keys. With 0
// faint too (the setting picked is the design's) the reasons are three, said
// after their keys under "faint: not now —", "space/p n d/g b w: rescale, < >:
// no event, 0: not tuned"; with two, in the sentence, "space/p n d/g b w
// (rescale)".
func TestKeysPageOfAnUnreachedRunSaysToRescale(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.State, snap.Note, snap.Rollback = session.Diverged, "", 100
	snap.Err = &session.Divergence{Epoch: 200, What: "a runaway", Runaway: "D's loss on real data stuck at 100, its limit, for 200 epochs", Unreached: true}
	for _, size := range [][2]int{{80, 24}, {minWidth, minHeight}} {
		view := strings.Join(strings.Fields(frame(t, s, snap, size[0], size[1], "?")), " ")
		if !strings.Contains(view, "space/p n d/g b w: "+idleRescale+",") || strings.Contains(view, idleAfterU) {
			t.Errorf("%d×%d: the keys page of a runaway that never came near its target does not say %q of its faint keys:\n%s", size[0], size[1], idleRescale, view)
		}
	}
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	k := newKeyMap()
	k.state, k.frames, k.export, k.rollback, k.unreached, k.trained, k.reset, k.page = session.Diverged, true, true, true, true, true, true, pageKeys
	for _, w := range []int{80, minWidth} {
		k.width = w
		if text := ansi.Strip(keysPage(k, w)); !strings.Contains(text, "space/p n d/g b w ("+idleRescale+")") || strings.Contains(text, idleAfterU) {
			t.Errorf("in colour at %d columns: the keys page does not say %q of its faint keys:\n%s", w, idleRescale, text)
		}
	}
}

// TestRunawayFindingGivesItsMeasurement: the ? page's diagnosis, "and the
// measurements behind it", gives a runaway's as it does every other finding's,
// the condition that held, after its text.
func TestRunawayFindingGivesItsMeasurement(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	snap.State, snap.Note, snap.Rollback = session.Diverged, "", 100
	snap.Err = &session.Divergence{Epoch: 200, What: "a runaway", Runaway: "D's loss on generated data stuck at 100, its limit, for 200 epochs"}
	snap.Findings = []session.Finding{{Kind: session.Runaway, Text: "a runaway: the run has left the target for good, without a NaN", Detail: snap.Err.Runaway}}
	view := strings.Join(strings.Fields(frame(t, s, snap, 120, 40, "?", "?")), " ")
	if want := "✗ a runaway: the run has left the target for good, without a NaN — D's loss on generated data stuck at 100, its limit, for 200 epochs"; !strings.Contains(view, want) {
		t.Errorf("the ? page's runaway lacks %q:\n%s", want, view)
	}
}

// TestRangeEndsInSameDecimals: a sparkline's range writes both its ends in
// as many decimals, so that it reads as one scale: vanilla's KS checks at
// epoch 300 (0.992 to 0.996) read "0.99–1.00" beside "KS 0.996", where
// "0.99–1", and its W1 checks "6.5–7.0". A 0 or an end in the exponent form
// stays as it is, and the scale from 0 too.
func TestRangeEndsInSameDecimals(t *testing.T) {
	for _, c := range []struct {
		vals []float64
		v    float64
		rng  string
	}{
		{[]float64{0.992, 0.994}, 0.996, " 0.99–1.00"},
		{[]float64{6.5, 6.95}, 6.834, " 6.5–7.0"},
		{[]float64{3.01, 3.2}, 3.3, " 3.0–3.3"},
		{[]float64{0.381, 0.39}, 0.4, " 0.38–0.40"},
		{[]float64{0.29, 2.7}, 0.288, " 0.28–2.70"},
		{[]float64{0, 0.031}, 0.02, " 0–0.031"},
		{[]float64{1.2e-5, 0.2}, 0.3, " 1.2e-5–0.3"},
		{[]float64{21000, 21500}, 22000, " 21,000–22,000"},
	} {
		if sc := scaleOf(c.vals, c.v); sc.text != c.rng {
			t.Errorf("%v beside %v: range %q, want %q", c.vals, c.v, sc.text, c.rng)
		}
	}
	if sc := fromZero([]float64{0.02, 0.031}, 0.02); sc.text != " █=0.031" {
		t.Errorf("the scale from 0: %q", sc.text)
	}
}

// TestRangeInOneForm: a range whose greater end takes the exponent writes
// both ends in one form, so that neither reads as sharing the other's: a
// runaway's W1, 2.5 at its first checks and 2.7e5 now, does not read
// "2.5–2.7e5" beside its bars, as if every check were over 10⁵. Spelt out
// where the greater is under 10⁹, "2.5–270,000", and where that leaves no
// room for two bars in the exponent form, the lesser end in it too,
// "1.6e0–5.7e6": vanilla's W1 after a runaway read "2e0–5.3e6" at 120×40,
// whose "2e0" stops a learner, where "2–5,300,000" fits. A 0 stays 0, and a
// tiny lesser end in the exponent beside a plain greater one says so itself.
func TestRangeInOneForm(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		vals       []float64
		v          float64
		rng, short string
	}{
		{[]float64{2.5, 2.6, 2.65e5}, 2.6871e5, " 2.5–270,000", " 2.5e0–2.7e5"},
		{[]float64{1.6, 5.6e6}, 5.6542e6, " 1.6–5,700,000", " 1.6e0–5.7e6"},
		{[]float64{2, 5.2e6}, 5.2345e6, " 2–5,300,000", " 2e0–5.3e6"},
		{[]float64{90000, 1.1e5}, 1.2e5, " 90,000–120,000", " 9e4–1.2e5"},
		{[]float64{0, 2.7e5}, 2.8e5, " 0–2.8e5", " 0–2.8e5"},
		{[]float64{1.2e-5, 0.2}, 0.3, " 1.2e-5–0.3", " 1.2e-5–0.3"},
		{[]float64{2.5, 2.9e9}, 2.85e9, " 2.5e0–2.9e9", " 2.5e0–2.9e9"},
		{[]float64{2.824e10, 2.9e10}, 2.85e10, " 2.8e10–2.9e10", " 2.8e10–2.9e10"},
	} {
		if sc := scaleOf(c.vals, c.v); sc.text != c.rng {
			t.Errorf("%v beside %v: range %q, want %q", c.vals, c.v, sc.text, c.rng)
		}
		if sc := scaleShort(c.vals, c.v); sc.text != c.short {
			t.Errorf("%v beside %v, short: range %q, want %q", c.vals, c.v, sc.text, c.short)
		}
	}
	for _, c := range []struct {
		v            float64
		vals         []float64
		head, suffix string
	}{
		{2.6871e5, []float64{2.5, 2.65e5}, "W1 2.6871e5 ", " 2.5–270,000"},
		{5.2345e6, []float64{2, 5.2e6}, "W1 5.2345e6 ", " 2–5,300,000"},
		{5.6542e6, []float64{1.6, 5.6e6}, "W1 5.6542e6 ", " 1.6e0–5.7e6"}, // spelt, no room for two bars
	} {
		line := ansi.Strip(metricLine("W1", c.v, false, &trend{vals: c.vals}, sideW))
		if !strings.HasPrefix(line, c.head) || !strings.HasSuffix(line, c.suffix) || lipgloss.Width(line) > sideW {
			t.Errorf("a runaway's W1 in the side panel: %q, want it to end %q", line, c.suffix)
		}
	}
	if lo, hi := rangeEnds(-3.2, 1.5e5); lo+" to "+hi != "-3.2e0 to 1.5e5" {
		t.Errorf("a critic's score range: %q to %q", lo, hi)
	}
}

// TestDistancesReadAlikeOnScreenAndInLines: a run's measures read in the
// same digits on the screen and in the headless lines of the same
// evaluation, three decimals (numtext.Measure), a fourth decimal being
// under a tenth of what the samples alone move each by. vanilla at epoch
// 300, far from its target, gives its KS and W1 alike in the Quality
// panel, in the diagnosis under it and in the progress line; its losses
// and its last batch's moments alike in the legends and in the progress
// line (d_real=0.015 beside "D real 0.015", where d_real=0.0152); its
// samples' skew and excess kurtosis alike in the moments legend and in
// the final line (skew=0.748 beside "skew +0.748", where skew=0.7485).
// blog-original, whose G makes a row of samples a draw, gives its noise
// use alike in the Quality panel and in the final line's zdep.
func TestDistancesReadAlikeOnScreenAndInLines(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		preset string
		epochs int
		said   []struct{ name, key string } // the screen's label, the line's key
	}{
		{"vanilla", 300, []struct{ name, key string }{
			{"KS", "ks="}, {"W1", "w1="}, {"D real", "d_real="}, {"D fake", "d_fake="}, {"G", "g="},
			{"mean", "batch_mean="}, {"std", "batch_std="}, {"skew", "skew="}, {"ex.kurt", "kurt="},
		}},
		{"blog-original", 300, []struct{ name, key string }{{"noise use", "zdep="}}},
	} {
		t.Run(c.preset, func(t *testing.T) {
			cfg, err := presets.Get(c.preset)
			if err != nil {
				t.Fatal(err)
			}
			s, snap := trained(t, cfg, 1, c.epochs)
			m := NewModel(s)
			m.width, m.height = 120, 40
			m.apply(snap)
			screen := numtext.Plain(ansi.Strip(m.View()))
			// The progress line of the last epoch's losses and batch
			// moments, as the legends show them, and the final line of
			// the evaluation's.
			progress := session.Progress{Stats: snap.Last, Metrics: snap.Eval.Metrics}.Line()
			final := session.Result{Metrics: snap.Eval.Metrics}.Line()
			for _, d := range c.said {
				line := progress
				if !strings.Contains(" "+line, " "+d.key) {
					line = final
				}
				_, after, ok := strings.Cut(" "+line, " "+d.key)
				if !ok {
					t.Fatalf("no line has %s: %q, %q", d.key, progress, final)
				}
				want := strings.Fields(after)[0]
				said := regexp.MustCompile(`(?:^|[^\w.])`+regexp.QuoteMeta(d.name)+` [+]?(-?\d+\.\d+(?:e-?\d+)?)`).FindAllStringSubmatch(screen, -1)
				if len(said) == 0 {
					t.Errorf("the screen says no %s:\n%s", d.name, screen)
				}
				for _, s := range said {
					if s[1] != want {
						t.Errorf("the screen says %q where the line %q says %s%s", s[0], line, d.key, want)
					}
				}
			}
		})
	}
}
