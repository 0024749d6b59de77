package engine

import (
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/stat"
)

// Metrics measures a generated sample against the target. Mean and std
// alone are what the blog's generator matched while its samples were not
// Gaussian at all, so the shape measures (skewness, kurtosis, KS, W1, the
// histogram) carry the verdict.
type Metrics struct {
	N          int
	Mean, Std  float64 // sample mean and standard deviation
	Skew, Kurt float64 // sample skewness and excess kurtosis
	KS         float64 // Kolmogorov–Smirnov distance to the target CDF
	W1         float64 // Wasserstein-1 distance to the target
	// ZDep is how much the samples depend on the noise, from 0 (G ignores
	// its noise and emits the same row every time) to 1 (all variation
	// comes from the noise); see NoiseDependence.
	ZDep float64
	// RowWidth is how many samples G makes from one noise draw; at 1 ZDep
	// is 1 by construction and measures nothing.
	RowWidth int
	Hist     Histogram
	// Modes is the mode coverage against a multimodal target (a mixture),
	// one entry per mode; nil for other targets. ModesCovered counts the
	// modes whose Covered is true.
	Modes        []ModeCoverage
	ModesCovered int
	// QQ pairs the sample's quantiles with the target's at every 2% from
	// 1% to 99% and at the tails, 0.1% and 99.9% (qqProbs): on the
	// diagonal Gen = Target the two distributions agree.
	QQ []QQPoint
	// Plane holds the measures of a two-dimensional sample, whose
	// one-dimensional fields above stay zero; nil for a one-dimensional
	// sample.
	Plane *PlaneMetrics
}

// QQPoint is one point of a quantile–quantile plot: at probability P, the
// sample's quantile Gen and the target's Target.
type QQPoint struct{ P, Gen, Target float64 }

// qqProbs are the probabilities a Q-Q plot is drawn at: every 2% from 1%
// to 99%, and the tails at 0.1% and 99.9%.
var qqProbs = func() []float64 {
	ps := []float64{0.001}
	for p := 1; p < 100; p += 2 {
		ps = append(ps, float64(p)/100)
	}
	return append(ps, 0.999)
}()

// KSNoiseFloor is the Kolmogorov–Smirnov distance a perfect generator
// stays under 95% of the time with a sample of n: the critical value
// 1.358/√n of the one-sample test, from the limit distribution of √n·D
// (Kolmogorov 1933; tabled by Smirnov 1948, "Table for estimating the
// goodness of fit of empirical distributions"). A KS at or below it cannot
// be told from sampling noise at this n.
func KSNoiseFloor(n int) float64 {
	if n <= 0 {
		return math.Inf(1)
	}
	return 1.358 / math.Sqrt(float64(n))
}

// W1NoiseFloor is the W1 distance a perfect generator shows on average
// with a sample of n from t: √(2/(πn))·∫√(F(1−F))dx, from the limit of
// √n·W1, ∫|B(F(x))|dx for a Brownian bridge B (del Barrio, Giné and
// Matrán 1999, "Central limit theorems for the Wasserstein distance
// between the empirical and the true distributions"), integrated over
// DefaultRange(t), beyond which F(1−F) is all but 0. At n = 2,000 it is
// within 2% of the mean of samples of uniform(2,6) and normal(4,1.25),
// and 13% under that of mixture(-2,0.5;2,0.5), the limit least close
// across a gap. A change in W1 no larger than it is within what sampling
// alone can move W1 at this n.
func W1NoiseFloor(t Target, n int) float64 {
	if n <= 0 {
		return math.Inf(1)
	}
	const steps = 1000
	lo, hi := DefaultRange(t)
	w := (hi - lo) / steps
	var sum float64
	for i := range steps {
		f := t.CDF(lo + (float64(i)+0.5)*w)
		sum += math.Sqrt(f * (1 - f))
	}
	return math.Sqrt(2/(math.Pi*float64(n))) * sum * w
}

// ModeCoverage is how much of a sample lands on one mode of the target:
// the samples that have it as their nearest mode and lie less than
// HQSigmas (three) of its standard deviations from its mean, the rule a
// plane's modes are counted by (onModes). A generator that has collapsed onto
// some modes leaves the others with a share near zero (Goodfellow, NIPS
// 2016 tutorial, §5.1.1).
type ModeCoverage struct {
	Mode
	// Share is the fraction of the sample nearest this mode and less than
	// 3·Std from its Mean; Expected is the fraction the target itself puts
	// in that same region.
	Share    float64
	Expected float64
	// Covered is Share ≥ Expected/2: the generator gives the mode at
	// least half the mass it should.
	Covered bool
}

// HistSpec fixes a histogram's bins. The zero value asks for 40 bins over
// the target's DefaultRange. With Cover set, a range that more than half
// of the sample lies outside is widened to take it in (covering).
type HistSpec struct {
	Bins   int
	Lo, Hi float64
	Cover  bool
}

// Histogram counts samples in equal-width bins over [Lo, Hi), with the
// count each bin would hold under the target beside it.
type Histogram struct {
	Lo, Hi      float64
	Counts      []int
	Expected    []float64 // N·(F(right edge) − F(left edge)) per bin
	Under, Over int       // finite samples below Lo; at or above Hi
	// NotFinite counts the samples that are NaN or infinite, which lie
	// nowhere on the line: apart from Under and Over, for counting NaN
	// and +Inf over the range, −Inf under it, would say a diverged G's
	// samples lie off its ends.
	NotFinite int
}

// Evaluate computes Metrics for xs, a sample in the order the generator
// emitted it (rows of rowWidth values). It sorts xs in place.
func Evaluate(xs []float64, rowWidth int, t Target, h HistSpec) Metrics {
	return evaluate(xs, rowWidth, t, h, nil)
}

// evaluate is Evaluate with what it needs from the target alone read from
// tt (see targetTables), or computed afresh when tt is nil.
func evaluate(xs []float64, rowWidth int, t Target, h HistSpec, tt *targetTables) Metrics {
	m, _ := evaluateUntil(xs, rowWidth, t, h, tt, nil)
	return m
}

// evaluateUntil is evaluate that gives up once stop is closed, reporting
// false with no metrics. It looks between its measures (the noise use,
// each moment, the sort, KS, W1, the rest) and after the last, and within
// those that go on for seconds on --samples 10000000: every stopEvery
// samples of KS and W1 (and W1's grid), every sortStopEvery comparisons
// of the sort (sortUntil). The noise use and each moment are a pass or
// two over the samples, reading nothing of the target, and are not
// looked within. So a stop (SIGTERM, q) during a final evaluation ends
// it within a few thousand reads, not after every measure. What it
// measures in full is evaluate's, to the bit. A nil stop never stops it.
func evaluateUntil(xs []float64, rowWidth int, t Target, h HistSpec, tt *targetTables, stop <-chan struct{}) (Metrics, bool) {
	m := Metrics{N: len(xs)}
	if len(xs) == 0 {
		return m, !stopped(stop)
	}
	m.ZDep, m.RowWidth = NoiseDependence(xs, rowWidth), rowWidth
	if stopped(stop) {
		return Metrics{}, false
	}
	m.Mean, m.Std = stat.PopMeanStdDev(xs, nil)
	if stopped(stop) {
		return Metrics{}, false
	}
	m.Skew = stat.Skew(xs, nil)
	if stopped(stop) {
		return Metrics{}, false
	}
	m.Kurt = stat.ExKurtosis(xs, nil)
	if stopped(stop) {
		return Metrics{}, false
	}
	if !sortUntil(xs, stop) {
		return Metrics{}, false
	}
	var ok bool
	if m.KS, ok = ksUntil(xs, t, stop); !ok {
		return Metrics{}, false
	}
	grid, ok := tt.grid(t, len(xs), stop)
	if !ok {
		return Metrics{}, false
	}
	if m.W1, ok = wasserstein1(xs, t, grid, stop); !ok {
		return Metrics{}, false
	}
	h = h.resolve(t).covering(xs)
	m.Hist = histogram(xs, h, tt.binMass(t, h))
	m.QQ = make([]QQPoint, len(qqProbs))
	qq := tt.qqQuantiles(t)
	for i, p := range qqProbs {
		// The empirical quantile, as stat.Quantile(p, stat.Empirical, …)
		// gives it, read straight from the sorted sample.
		k := min(len(xs)-1, max(0, int(math.Ceil(p*float64(len(xs))))-1))
		m.QQ[i] = QQPoint{P: p, Gen: xs[k], Target: qq[i]}
	}
	if mm, ok := t.(Multimodal); ok {
		m.Modes = ModeShares(xs, t, mm.Modes())
		for _, c := range m.Modes {
			if c.Covered {
				m.ModesCovered++
			}
		}
	}
	if stopped(stop) {
		return Metrics{}, false
	}
	return m, true
}

// stopped reports whether stop is closed; a nil stop never is.
func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// ModeShares measures how xs cover each mode of t: the share of xs that
// have the mode as their nearest and lie less than HQSigmas of its σ from
// it, beside the share the target itself puts in that region. It is the
// rule of the mode-collapse benchmarks, which a plane's modes are counted
// by, and by the same code (onModes; VEEGAN, Srivastava et al. 2017, §5;
// PacGAN, Lin et al. 2018, §5.1): each sample goes to its nearest mode
// alone, and counts there when within HQSigmas of that mode's σ. Counted
// by the window alone, a sample where two modes' windows overlap counted
// for both, so a G collapsed onto one of mixture(0,1;2,1) read both
// covered.
//
// Nearest is by plain distance |x − μ|, as the papers' code measures it
// (the Euclidean distance to each centre), not in units of each mode's σ:
// their modes share one σ, where the two agree, and plain distance keeps
// one rule for the line and the plane. A mode's region is then its window
// cut at the midpoints to its neighbouring means, so modes 6σ apart or
// more, σ the wider one's, keep their whole windows, as before. A sample
// equally near two means goes to the first listed, as on a plane; modes
// that share one mean are in one place, which no sample can tell apart,
// and each counts the samples nearest it within its own 3σ. Means float64
// cannot tell apart at the samples' scale are one place too (onePlace):
// in mixture(0,1;1e-300,1) |x − 0| and |x − 1e-300| are the same number
// for every sample but the few within 1e-284 of 0, so the first-listed
// rule sent all of them to mode 1 and read mode 2 missing, a collapse, of
// a target that is one normal. Such a mixture is a distribution all the
// same, the one its two modes at one place make, so it is measured as
// that rather than refused.
func ModeShares(xs []float64, t Target, modes []Mode) []ModeCoverage {
	spots := make([]Spot, len(modes))
	for i, m := range modes {
		spots[i] = Spot{X: m.Mean, Std: m.Std, Weight: m.Weight}
	}
	counts, _ := onModes(len(xs), func(i int) (x, y float64) { return xs[i], 0 }, spots)
	out := make([]ModeCoverage, len(modes))
	n := float64(len(xs))
	for i, m := range modes {
		lo, hi := nearestRegion(i, modes)
		c := ModeCoverage{Mode: m, Expected: t.CDF(hi) - t.CDF(lo)}
		if n > 0 {
			c.Share = float64(counts[i]) / n
		}
		c.Covered = c.Share >= c.Expected/2
		out[i] = c
	}
	return out
}

// nearestRegion is the interval of the line whose points have mode i's
// mean as their nearest (onModes) and lie within HQSigmas of its σ of
// it: its window μ ± 3σ cut at the midpoint to each neighbouring mean,
// none at a mean at one place with it (onePlace).
func nearestRegion(i int, modes []Mode) (lo, hi float64) {
	m := modes[i]
	lo, hi = m.Mean-HQSigmas*m.Std, m.Mean+HQSigmas*m.Std
	for _, o := range modes {
		if onePlace(Spot{X: o.Mean, Std: o.Std}, Spot{X: m.Mean, Std: m.Std}) {
			continue
		}
		if o.Mean < m.Mean {
			lo = max(lo, m.Mean/2+o.Mean/2)
		} else if o.Mean > m.Mean {
			hi = min(hi, m.Mean/2+o.Mean/2)
		}
	}
	return lo, hi
}

// ksUntil returns the one-sample KS statistic of sorted xs
// against the target's CDF F, the largest gap between the empirical CDF
// F_n and F (Kolmogorov 1933, "Sulla determinazione empirica di una legge
// di distribuzione"): D = sup_x |F_n(x) − F(x)|, which F_n's steps put at
// a sample point,
//
//	D = max_i max( i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n )
//
// It gives up once stop is closed, looking every stopEvery samples, and
// then reports false: it reads the target's CDF at each sample, up to
// --samples' ten million. A nil stop never stops it.
func ksUntil(sorted []float64, t Target, stop <-chan struct{}) (float64, bool) {
	n := float64(len(sorted))
	var d float64
	for i, x := range sorted {
		if i%stopEvery == 0 && stopped(stop) {
			return 0, false
		}
		f := t.CDF(x)
		d = max(d, float64(i+1)/n-f, f-float64(i)/n)
	}
	return d, true
}

// wasserstein1 returns the earth mover's distance between the empirical
// distribution of sorted xs and the target, from quantiles — on the line
// W₁ is the L¹ distance between the quantile functions (Vallender 1973,
// "Calculation of the Wasserstein distance between probability
// distributions on the line") — by the midpoint rule:
//
//	W₁ = ∫₀¹ |F_n⁻¹(u) − F⁻¹(u)| du ≈ (1/n) Σ_i |x₍ᵢ₎ − F⁻¹((i − ½)/n)|
//
// with the quantiles F⁻¹((i − ½)/n) read from grid (targetTables), or
// computed from t when grid is nil: the same sum.
//
// It gives up once stop is closed, looking every stopEvery samples, and
// then reports false: past maxGrid samples it inverts the target's CDF
// at each, a mixture's by dozens of its CDF's evaluations, up to
// --samples' ten million times. A nil stop never stops it.
func wasserstein1(sorted []float64, t Target, grid []float64, stop <-chan struct{}) (float64, bool) {
	n := float64(len(sorted))
	var s float64
	for i, x := range sorted {
		if i%stopEvery == 0 && stopped(stop) {
			return 0, false
		}
		var q float64
		if grid != nil {
			q = grid[i]
		} else {
			q = t.Quantile(w1Prob(i, n))
		}
		s += math.Abs(x - q)
	}
	return s / n, true
}

// w1Prob is the probability of the i-th of n sorted values in
// wasserstein1: (i + ½)/n, counting i from 0.
func w1Prob(i int, n float64) float64 { return (float64(i) + 0.5) / n }

// NoiseDependence measures how much a generator's output varies with its
// noise. xs holds rows of w samples, one row per noise draw; for each
// output position k it takes the variance across rows and compares the
// mean of those with the variance of all samples:
//
//	ZDep = (1/w) Σ_k Var_rows(x[·,k]) / Var(x)
//
// It is ganui's own measure. With population variances throughout, as
// here, it is 1 − η², η² Pearson's correlation ratio of the samples on
// their position k: the share of the variance that position alone does
// not explain, which is all of it when every row is a fresh draw and none
// of it when every draw gives the same row.
//
// A generator that emits one sample per noise draw (w = 1) scores 1 by
// construction, unless a sample is NaN or infinite: then, as for any w,
// the score is NaN, not a 1 that would read as healthy beside the NaN
// moments. The blog's row generator scores near 0 once it has collapsed
// to a fixed row: its mean and std still look right, but every draw gives
// the same 100 numbers.
func NoiseDependence(xs []float64, w int) float64 {
	rows := len(xs) / w
	if w <= 1 || rows < 2 {
		for _, x := range xs {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return math.NaN()
			}
		}
		return 1
	}
	_, total := stat.PopMeanVariance(xs[:rows*w], nil)
	if total == 0 {
		return 0
	}
	var within float64
	for k := range w {
		var mean, m2 float64 // Welford's running variance down column k
		for r := range rows {
			x := xs[r*w+k]
			d := x - mean
			mean += d / float64(r+1)
			m2 += d * (x - mean)
		}
		within += m2 / float64(rows)
	}
	return within / float64(w) / total
}

// NewHistogram bins sorted-or-unsorted xs as h asks, defaulting to 40 bins
// over DefaultRange(t): mean ± 4σ, cut back to a quarter σ beyond the ends
// of a bounded support (uniform, exponential, log-normal), and a mixture's
// modes ± 4 of their own σ, widened to take in xs as an evaluation's is
// when h.Cover is set (covering).
func NewHistogram(xs []float64, t Target, h HistSpec) Histogram {
	h = h.over(xs, t)
	return histogram(xs, h, binMass(t, h))
}

// Range is the x range a histogram of xs under h shows over the target
// t: h's, or t's DefaultRange if h has none, widened as covering says
// when h.Cover is set. A figure of G's samples draws over it, so that it
// shows what an evaluation of them (GAN.EvaluateUntil) bins. xs is not changed.
func (h HistSpec) Range(xs []float64, t Target) (lo, hi float64) {
	h = h.over(xs, t)
	return h.Lo, h.Hi
}

// over is h resolved for t and, when h.Cover is set, widened to take in
// xs (covering), sorting a copy of xs only then: the bins NewHistogram
// counts in and Range gives the ends of, so that the two agree.
func (h HistSpec) over(xs []float64, t Target) HistSpec {
	h = h.resolve(t)
	if h.Cover {
		h = h.covering(slices.Sorted(slices.Values(xs)))
	}
	return h
}

// resolve fills in h's defaults for the target t (see NewHistogram).
func (h HistSpec) resolve(t Target) HistSpec {
	if h.Bins <= 0 {
		h.Bins = 40
	}
	if !(h.Hi > h.Lo) {
		h.Lo, h.Hi = DefaultRange(t)
	}
	return h
}

// covering is the resolved h, Cover cleared, widened when Cover is set
// and more than half of sorted xs lie outside [Lo, Hi): to take in their
// finite values from the 1st to the 99th percentile too, with 4% of the
// new width as air on a side widened, so that a histogram shows where
// the samples are beside where the target is. A bounded target's range
// stops a quarter σ beyond its support (DefaultRange), and a G whose
// samples all lie off it, uniform(2,6)'s G at 0.06 early on, would draw
// no bars at all, only the count of samples left of the range.
func (h HistSpec) covering(sorted []float64) HistSpec {
	cover := h.Cover
	h.Cover = false
	in := sort.SearchFloat64s(sorted, h.Hi) - sort.SearchFloat64s(sorted, h.Lo) // NaNs sort first, below every value
	if !cover || 2*in > len(sorted) {
		return h
	}
	a := sort.Search(len(sorted), func(i int) bool { return sorted[i] > math.Inf(-1) }) // past NaN and −Inf
	b := sort.SearchFloat64s(sorted, math.Inf(1))
	if a >= b {
		return h
	}
	finite := sorted[a:b]
	q1, q99 := finite[(len(finite)-1)/100], finite[(len(finite)-1)*99/100]
	lo, hi := math.Min(h.Lo, q1), math.Max(h.Hi, q99)
	air := (hi - lo) * 0.04
	if q1 < h.Lo {
		lo -= air
	}
	if q99 > h.Hi {
		hi += air
	}
	if math.IsInf(hi-lo, 0) { // wider than float64 holds: no bins of it
		return h
	}
	h.Lo, h.Hi = lo, hi
	return h
}

// histogram bins xs as the resolved h asks, the count each bin would hold
// under the target being n times its mass (binMass).
func histogram(xs []float64, h HistSpec, mass []float64) Histogram {
	out := Histogram{Lo: h.Lo, Hi: h.Hi, Counts: make([]int, h.Bins), Expected: make([]float64, h.Bins)}
	width := (h.Hi - h.Lo) / float64(h.Bins)
	for _, x := range xs {
		switch {
		case math.IsNaN(x) || math.IsInf(x, 0):
			out.NotFinite++
		case x < h.Lo:
			out.Under++
		case x >= h.Hi:
			out.Over++
		default:
			b := min(int((x-h.Lo)/width), h.Bins-1)
			out.Counts[b]++
		}
	}
	n := float64(len(xs))
	for b, p := range mass {
		out.Expected[b] = n * p
	}
	return out
}

// DefaultRange is the x range ganui shows a target over: mean ± 4σ, cut
// back to a quarter σ beyond the ends of a bounded support; for a mixture,
// its modes' own means ± 4 of their σ, so that narrow modes are not lost
// in the spread between them.
func DefaultRange(t Target) (lo, hi float64) {
	if mm, ok := t.(Multimodal); ok {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, m := range mm.Modes() {
			lo, hi = math.Min(lo, m.Mean-4*m.Std), math.Max(hi, m.Mean+4*m.Std)
		}
		return lo, hi
	}
	mu, sd := t.Mean(), t.StdDev()
	lo = math.Max(mu-4*sd, t.Quantile(0)-sd/4)
	hi = math.Min(mu+4*sd, t.Quantile(1)+sd/4)
	return lo, hi
}
