package engine

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"
)

var target = Normal{Mu: 4, Sigma: 1.25}

// quantileSample returns the n points F⁻¹((i − ½)/n): the sample that
// follows the target most closely.
func quantileSample(n int, shift float64) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = target.Quantile((float64(i)+0.5)/float64(n)) + shift
	}
	return xs
}

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.6g, want %.6g ± %g", what, got, want, tol)
	}
}

func TestMetricsOfExactQuantiles(t *testing.T) {
	m := Evaluate(quantileSample(10000, 0), 1, target, HistSpec{})
	near(t, "KS", m.KS, 0.5/10000, 1e-9) // the ½-step of the empirical CDF
	near(t, "W1", m.W1, 0, 1e-9)
	near(t, "mean", m.Mean, 4, 1e-6)
	near(t, "std", m.Std, 1.25, 2e-3)
	near(t, "skew", m.Skew, 0, 1e-6)
	near(t, "kurt", m.Kurt, 0, 2e-2)
}

func TestShiftMovesW1AndKS(t *testing.T) {
	const c = 0.5
	m := Evaluate(quantileSample(10000, c), 1, target, HistSpec{})
	near(t, "W1", m.W1, c, 1e-9)
	// KS of a shift is the largest CDF gap, Φ(c/2σ) − Φ(−c/2σ).
	std := Normal{0, 1}
	near(t, "KS", m.KS, std.CDF(c/2/1.25)-std.CDF(-c/2/1.25), 1e-3)
	near(t, "mean", m.Mean, 4+c, 1e-6)
}

// TestKSCatchesTheBlogFailure: a uniform sample with the target's mean and
// std passes the two-moment check but not KS or kurtosis.
func TestKSCatchesTheBlogFailure(t *testing.T) {
	n := 10000
	xs := make([]float64, n)
	half := 1.25 * math.Sqrt(3) // uniform on 4 ± half has std 1.25
	for i := range xs {
		xs[i] = 4 - half + 2*half*(float64(i)+0.5)/float64(n)
	}
	m := Evaluate(xs, 1, target, HistSpec{})
	near(t, "mean", m.Mean, 4, 1e-9)
	near(t, "std", m.Std, 1.25, 1e-3)
	near(t, "kurt", m.Kurt, -1.2, 1e-2) // a uniform's excess kurtosis
	if m.KS < 0.05 {
		t.Errorf("KS = %.3f: a uniform passed for a normal", m.KS)
	}
}

func TestKSOfRandomSample(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	xs := make([]float64, 10000)
	for i := range xs {
		xs[i] = target.Sample(rng)
	}
	m := Evaluate(xs, 1, target, HistSpec{})
	// √n·KS is below 1.63 with 99% probability (Kolmogorov distribution).
	if m.KS*100 > 1.63 {
		t.Errorf("KS = %.4f for a sample of the target itself", m.KS)
	}
}

func TestHistogram(t *testing.T) {
	xs := []float64{-1, 0, 0.5, 0.99, 1, 2.5, 3.999, 4, 9}
	h := NewHistogram(xs, target, HistSpec{Bins: 4, Lo: 0, Hi: 4})
	want := []int{3, 1, 1, 1}
	for i := range want {
		if h.Counts[i] != want[i] {
			t.Fatalf("counts %v, want %v", h.Counts, want)
		}
	}
	if h.Under != 1 || h.Over != 2 {
		t.Errorf("under %d over %d, want 1 and 2", h.Under, h.Over)
	}
	var sum float64
	for _, e := range h.Expected {
		sum += e
	}
	near(t, "expected total", sum, 9*(target.CDF(4)-target.CDF(0)), 1e-9)

	d := NewHistogram(quantileSample(1000, 0), target, HistSpec{})
	if len(d.Counts) != 40 || d.Lo != 4-5 || d.Hi != 4+5 {
		t.Errorf("default histogram: %d bins over [%g, %g), want 40 over [-1, 9)", len(d.Counts), d.Lo, d.Hi)
	}
}

func TestNoiseDependence(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	row := make([]float64, 100)
	for i := range row {
		row[i] = target.Sample(rng)
	}
	same := make([]float64, 0, 10000) // G ignores its noise: one row, repeated
	fresh := make([]float64, 10000)   // every value drawn anew
	for range 100 {
		same = append(same, row...)
	}
	for i := range fresh {
		fresh[i] = target.Sample(rng)
	}
	near(t, "ZDep(repeated row)", NoiseDependence(same, 100), 0, 1e-12)
	near(t, "ZDep(fresh)", NoiseDependence(fresh, 100), 1, 0.05)
	near(t, "ZDep(width 1)", NoiseDependence(fresh, 1), 1, 0)
	// A run gone to NaN or infinity has no noise use to report, whatever
	// its width: not the 1 that width 1 scores by construction.
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		for _, w := range []int{1, 100} {
			xs := slices.Clone(fresh)
			xs[4321] = bad
			if z := NoiseDependence(xs, w); !math.IsNaN(z) {
				t.Errorf("ZDep(width %d, a sample %g) = %g, want NaN", w, bad, z)
			}
		}
	}
}

func TestParseTarget(t *testing.T) {
	tg, err := ParseTarget(" normal( 4 , 1.25 ) ")
	if err != nil || tg.String() != "normal(4,1.25)" {
		t.Fatalf("ParseTarget = %v, %v", tg, err)
	}
	for _, bad := range []string{"", "normal", "normal(4)", "normal(4,0)", "normal(4,-1)", "normal(a,1)", "cauchy(0,1)", "normal(4,1.25", "normal(0x1p2,1)", "normal(1_0,1)", "normal(+4,1)"} {
		if _, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) succeeded, want an error", bad)
		}
	}
}

// FuzzParseTarget: any input either fails in one line or yields a
// target whose spec parses back to the same target, and whose samples,
// held as float32, are not a few values (spreadCheck): of 200, at least
// 50 differ.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"normal(1e6,0.01)", "normal(1e6,6.25)", "uniform(1,1.00000000001)", "mixture(0,1;1e6,0.01)", "lognormal(1,1e-6)", "normal(4,1.25)", "normal(0,1)", "normal(", "(", ")", "normal(1e308,1e308)", "normal(NaN,1)", "lognormal(1e9,1)", "uniform(-inf,inf)", "exponential(1e6)", "normal(0,1))", "normal((0,1)", "mixture(0,1;(2,1))", "nor\nmal(0,1)", "normal(0,1e\n3)", "normal(0,1\n))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		tg, err := ParseTarget(spec)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: multi-line error %q", spec, err)
			}
			return
		}
		again, err := ParseTarget(tg.String())
		if err != nil || again.String() != tg.String() {
			t.Fatalf("%q → %q does not parse back: %v", spec, tg.String(), err)
		}
		if p := tg.CDF(tg.Mean()); !(p >= 0 && p <= 1) {
			t.Fatalf("%q: CDF(mean) = %g", spec, p)
		}
		rng := rand.New(rand.NewPCG(1, 2))
		seen := map[float32]bool{}
		for range 200 {
			seen[float32(tg.Sample(rng))] = true
		}
		if len(seen) < 50 {
			t.Fatalf("%q: 200 samples take %d values in float32", spec, len(seen))
		}
	})
}

// TestQQMatchesGonum: the Q-Q points are the sample's empirical quantiles
// as gonum's stat.Quantile computes them, beside the target's.
func TestQQMatchesGonum(t *testing.T) {
	tg, _ := ParseTarget("normal(4,1.25)")
	for _, n := range []int{1, 7, 100, 1001} {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64((i*7919)%n) / 3
		}
		m := Evaluate(xs, 1, tg, HistSpec{})
		for i, q := range m.QQ {
			if want := stat.Quantile(qqProbs[i], stat.Empirical, xs, nil); q.Gen != want || q.Target != tg.Quantile(q.P) {
				t.Fatalf("n=%d p=%g: %g (target %g), want %g", n, q.P, q.Gen, q.Target, want)
			}
		}
	}
}

// TestHistogramCoversSamplesOffItsRange: asked to Cover, a histogram over
// uniform(2,6)'s range (1.71 to 6.29, cut at the support) that most of
// the sample lies outside, as a G's early on, at 0 ± 0.1, is widened to
// take the sample in, with the target's range still in it; one whose
// sample lies mostly inside keeps the cut range, as does one of no finite
// value, and one not asked to Cover counts the sample left of its range.
func TestHistogramCoversSamplesOffItsRange(t *testing.T) {
	tg, err := ParseTarget("uniform(2,6)")
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := DefaultRange(tg)
	off := make([]float64, 10000)
	for i := range off {
		off[i] = -0.1 + 0.2*float64(i)/float64(len(off)-1)
	}
	spec := HistSpec{Bins: 85, Lo: lo, Hi: hi, Cover: true}

	h := Evaluate(slices.Clone(off), 1, tg, spec).Hist
	if !(h.Lo < -0.098) || h.Hi != hi || h.Under+h.Over > len(off)/50 {
		t.Errorf("a sample at 0 ± 0.1: range %v to %v, %d under and %d over; want one from below -0.098 to %v, 2%% or fewer left out", h.Lo, h.Hi, h.Under, h.Over, hi)
	}
	if e := slices.Max(h.Expected); !(e > 0) {
		t.Error("the widened range lost the target's expected counts")
	}

	plain := spec
	plain.Cover = false
	if h := Evaluate(slices.Clone(off), 1, tg, plain).Hist; h.Lo != lo || h.Under != len(off) {
		t.Errorf("not asked to cover: range from %v, %d under; want %v and all %d", h.Lo, h.Under, lo, len(off))
	}

	inside := slices.Clone(off)
	for i := range 6000 {
		inside[i] = 2 + 4*float64(i)/6000
	}
	if h := Evaluate(inside, 1, tg, spec).Hist; h.Lo != lo || h.Hi != hi {
		t.Errorf("a sample 60%% inside: range %v to %v, want the target's %v to %v", h.Lo, h.Hi, lo, hi)
	}

	nan := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.NaN()}
	if h := Evaluate(nan, 1, tg, spec).Hist; h.Lo != lo || h.Hi != hi {
		t.Errorf("no finite sample: range %v to %v, want the target's %v to %v", h.Lo, h.Hi, lo, hi)
	}
}

// TestHistogramCountsNotFiniteApart: a sample NaN or infinite lies nowhere on
// the line: the histogram counts it apart, never under or over its range, not
// NaN and +Inf over it and −Inf under it, as if a diverged G's samples lay off
// its ends.
func TestHistogramCountsNotFiniteApart(t *testing.T) {
	xs := []float64{-1, 0.5, 9, math.NaN(), math.Inf(1), math.Inf(-1), math.NaN()}
	h := NewHistogram(xs, target, HistSpec{Bins: 4, Lo: 0, Hi: 4})
	if h.Under != 1 || h.Over != 1 || h.NotFinite != 4 || h.Counts[0] != 1 {
		t.Errorf("under %d, over %d, %d NaN or infinite, counts %v; want 1, 1, 4 and [1 0 0 0]", h.Under, h.Over, h.NotFinite, h.Counts)
	}
}

// TestHistSpecRangeIsEvaluatesRange: a figure of a sample draws over the
// range an evaluation of it bins (HistSpec.Range), widened when most of
// the sample lies off the target's range and only when Cover asks, the
// sample left as it was.
func TestHistSpecRangeIsEvaluatesRange(t *testing.T) {
	tg, err := ParseTarget("uniform(2,6)")
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := DefaultRange(tg)
	off := make([]float64, 1000)
	for i := range off {
		off[i] = 0.1 - 0.2*float64(i)/float64(len(off)-1) // descending: Range must not sort it
	}
	inside := slices.Clone(off)
	for i := range 600 {
		inside[i] = 2 + 4*float64(i)/600
	}
	for _, c := range []struct {
		name string
		xs   []float64
		spec HistSpec
	}{
		{"off, covering", off, HistSpec{Cover: true}},
		{"off, not covering", off, HistSpec{Bins: 60, Lo: lo, Hi: hi}},
		{"60% inside", inside, HistSpec{Bins: 60, Lo: lo, Hi: hi, Cover: true}},
	} {
		xs := slices.Clone(c.xs)
		gotLo, gotHi := c.spec.Range(xs, tg)
		if !slices.Equal(xs, c.xs) {
			t.Errorf("%s: Range changed the sample", c.name)
		}
		nh := NewHistogram(xs, tg, c.spec)
		h := Evaluate(xs, 1, tg, c.spec).Hist
		if gotLo != h.Lo || gotHi != h.Hi {
			t.Errorf("%s: Range %v to %v, an evaluation's %v to %v", c.name, gotLo, gotHi, h.Lo, h.Hi)
		}
		// NewHistogram bins as an evaluation does, covering too, not leaving
		// Cover unread, which would bin a sample at 0 over 1.71 to 6.29.
		if !reflect.DeepEqual(nh, h) {
			t.Errorf("%s: NewHistogram %v to %v, %d under, %d over; an evaluation's %v to %v, %d under, %d over", c.name, nh.Lo, nh.Hi, nh.Under, nh.Over, h.Lo, h.Hi, h.Under, h.Over)
		}
	}
	if gotLo, _ := (HistSpec{Cover: true}).Range(off, tg); !(gotLo < -0.098) {
		t.Errorf("a sample at 0 ± 0.1: Range from %v, want below -0.098", gotLo)
	}
}

// TestW1NoiseFloor checks W1NoiseFloor against the mean W1 that samples
// of the target itself show: within 15% at the checks' 2,000 samples,
// on a bounded target, an unbounded one and a mixture (1% under, 1% and
// 13%: the limit is least close across a mixture's gap).
func TestW1NoiseFloor(t *testing.T) {
	const n, draws = 2000, 40
	for _, spec := range []string{"uniform(2,6)", "normal(4,1.25)", "mixture(-2,0.5;2,0.5)"} {
		tg, err := ParseTarget(spec)
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(1, 2))
		xs := make([]float64, n)
		var mean float64
		for range draws {
			for i := range xs {
				xs[i] = tg.Sample(rng)
			}
			mean += Evaluate(xs, 1, tg, HistSpec{}).W1 / draws
		}
		if got := W1NoiseFloor(tg, n); math.Abs(got-mean) > 0.15*mean {
			t.Errorf("%s: W1NoiseFloor(%d) = %.4f, samples of the target show %.4f", spec, n, got, mean)
		}
	}
	if got := W1NoiseFloor(nil, 0); !math.IsInf(got, 1) {
		t.Errorf("W1NoiseFloor(n = 0) = %v, want +Inf", got)
	}
}

// TestModeSharesCountEachSampleForItsNearestMode: where two modes' 3σ
// windows overlap, as mixture(0,1;2,1)'s [−3, 3] and [−1, 5] do, a sample
// counts toward its nearest mode alone (the midpoint 1 goes to the first
// listed), and the target's due share is taken over the same region, the
// window cut at the midpoint. A G collapsed onto the mode at 0 covers one
// mode of two, where counted by window it covered both.
func TestModeSharesCountEachSampleForItsNearestMode(t *testing.T) {
	tg, err := ParseTarget("mixture(0,1;2,1)")
	if err != nil {
		t.Fatal(err)
	}
	modes := tg.(Multimodal).Modes()
	phi := func(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }
	F := func(x float64) float64 { return 0.5*phi(x) + 0.5*phi(x-2) }
	// nearest 0: −2.9, 0, 0.9, 1; nearest 2: 1.2, 2.5, 3, 4.9; within 3σ
	// of neither: −3.5, 5.2.
	xs := []float64{-3.5, -2.9, 0, 0.9, 1, 1.2, 2.5, 3, 4.9, 5.2}
	got := ModeShares(xs, tg, modes)
	want := []struct{ share, due float64 }{{0.4, F(1) - F(-3)}, {0.4, F(5) - F(1)}}
	for i, c := range got {
		if c.Share != want[i].share || math.Abs(c.Expected-want[i].due) > 1e-12 {
			t.Errorf("mode %d: share %v, due %.6f; want %v, %.6f", i+1, c.Share, c.Expected, want[i].share, want[i].due)
		}
	}
	// The target itself: every mode covered, its shares near its due.
	rng := rand.New(rand.NewPCG(1, 2))
	xs = make([]float64, 20000)
	for i := range xs {
		xs[i] = tg.Sample(rng)
	}
	m := Evaluate(xs, 1, tg, HistSpec{})
	for i, c := range m.Modes {
		if !c.Covered || math.Abs(c.Share-c.Expected) > 0.01 {
			t.Errorf("a sample of the target, mode %d: share %.4f against its due %.4f, covered %v", i+1, c.Share, c.Expected, c.Covered)
		}
	}
	// Collapsed onto the mode at 0, 0 ± 0.13.
	for i := range xs {
		xs[i] = 0.13 * rng.NormFloat64()
	}
	m = Evaluate(xs, 1, tg, HistSpec{})
	if m.ModesCovered != 1 || m.Modes[0].Share != 1 || m.Modes[1].Share != 0 {
		t.Errorf("G collapsed onto 0: %d/2 modes covered, shares %.3f, %.3f; want 1/2, 1.000, 0.000", m.ModesCovered, m.Modes[0].Share, m.Modes[1].Share)
	}
}

// TestModeSharesOfModesAtOneMean: modes that share a mean are one place,
// which no sample can tell apart: each counts the samples there within
// its own 3σ, and none is left with no region, due nothing.
func TestModeSharesOfModesAtOneMean(t *testing.T) {
	tg, err := ParseTarget("mixture(0,1;0,2)")
	if err != nil {
		t.Fatal(err)
	}
	xs := []float64{-5, -2, 0, 1, 4, 7}
	got := ModeShares(xs, tg, tg.(Multimodal).Modes())
	if got[0].Share != 3.0/6 || got[1].Share != 5.0/6 {
		t.Errorf("shares %v, %v; want 3/6 (−2, 0 and 1 within ±3), 5/6 (all but 7 within ±6)", got[0].Share, got[1].Share)
	}
	for i, c := range got {
		if lo, hi := -3*c.Std, 3*c.Std; math.Abs(c.Expected-(tg.CDF(hi)-tg.CDF(lo))) > 1e-15 {
			t.Errorf("mode %d: due %v, want the target's share of its whole window", i+1, c.Expected)
		}
	}
}

// TestModeSharesOfModesFloatCannotTellApart: means closer than float64
// resolves at the samples' scale, 0 and 1e-300, are one place, as means
// that are equal: each mode counts the samples within its own 3σ and is
// due its whole window, where every sample went to mode 1 and mode 2 read
// missing.
func TestModeSharesOfModesFloatCannotTellApart(t *testing.T) {
	tg, err := ParseTarget("mixture(0,1;1e-300,1)")
	if err != nil {
		t.Fatal(err)
	}
	xs := []float64{-5, -2, 0, 1, 4}
	got := ModeShares(xs, tg, tg.(Multimodal).Modes())
	for i, c := range got {
		if c.Share != 3.0/5 || !c.Covered {
			t.Errorf("mode %d at %v: share %v covered %v, want 3/5 (−2, 0 and 1 within ±3), covered", i+1, c.Mean, c.Share, c.Covered)
		}
		if want := tg.CDF(c.Mean+3) - tg.CDF(c.Mean-3); math.Abs(c.Expected-want) > 1e-15 {
			t.Errorf("mode %d: due %v, want %v, the target's share of its whole window", i+1, c.Expected, want)
		}
	}
	// Means float64 does tell apart at that scale keep their halves.
	tg, err = ParseTarget("mixture(0,1;1e-6,1)")
	if err != nil {
		t.Fatal(err)
	}
	got = ModeShares(xs, tg, tg.(Multimodal).Modes())
	if got[0].Share != 2.0/5 || got[1].Share != 1.0/5 {
		t.Errorf("0 and 1e-6: shares %v, %v; want 2/5 (−2, 0), 1/5 (1)", got[0].Share, got[1].Share)
	}
}
