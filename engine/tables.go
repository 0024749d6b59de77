package engine

// targetTables holds what measuring a sample needs from the target alone:
// wasserstein1's quantiles F⁻¹((i + ½)/n) for a sample of n, each
// histogram bin's probability F(right) − F(left), and the Q-Q plot's
// F⁻¹(p) at qqProbs. A run measures samples of the same sizes, in the same
// bins, again and again (the session's checks, its progress lines, the
// trainer's screen), and a mixture's quantile is a numerical inversion of
// its CDF, dozens of evaluations each (Mixture.Quantile): GAN.EvaluateUntil
// keeps the tables of its target and fills each entry once. An entry
// holds the very values a measure would compute, so a measure read from
// the tables has the same bits.
//
// A nil *targetTables keeps nothing: every entry is computed when asked
// for, as Evaluate does.
type targetTables struct {
	grids [][]float64            // quantileGrid, one per sample size
	bins  map[HistSpec][]float64 // binMass, one per histogram
	qq    []float64              // qqQuantiles
}

// Bounds of the tables: a run uses two or three sample sizes and a few
// histograms (one per width of the trainer's screen), so when either
// fills up it starts over. A sample larger than maxGrid has its quantiles
// computed as it is measured, so that a huge --samples is not held twice.
const (
	maxTables = 8
	maxGrid   = 1 << 17
)

// grid returns quantileGrid(t, n), or nil to compute it as it goes. It
// gives up once stop is closed, as quantileGrid does, reporting false and
// keeping nothing: a grid half filled would be read as whole by the next
// measure of n. A nil stop never stops it.
func (tt *targetTables) grid(t Target, n int, stop <-chan struct{}) ([]float64, bool) {
	if tt == nil || n > maxGrid {
		return nil, !stopped(stop)
	}
	for _, q := range tt.grids {
		if len(q) == n {
			return q, !stopped(stop)
		}
	}
	q, ok := quantileGrid(t, n, stop)
	if !ok {
		return nil, false
	}
	if len(tt.grids) == maxTables {
		tt.grids = tt.grids[:0]
	}
	tt.grids = append(tt.grids, q)
	return q, true
}

// binMass returns binMass(t, h) for a resolved h (see resolve).
func (tt *targetTables) binMass(t Target, h HistSpec) []float64 {
	if tt == nil {
		return binMass(t, h)
	}
	if p, ok := tt.bins[h]; ok {
		return p
	}
	if tt.bins == nil || len(tt.bins) == maxTables {
		tt.bins = make(map[HistSpec][]float64, maxTables)
	}
	p := binMass(t, h)
	tt.bins[h] = p
	return p
}

// qqQuantiles returns qqQuantiles(t).
func (tt *targetTables) qqQuantiles(t Target) []float64 {
	if tt == nil {
		return qqQuantiles(t)
	}
	if tt.qq == nil {
		tt.qq = qqQuantiles(t)
	}
	return tt.qq
}

// quantileGrid returns the target's side of wasserstein1 for samples of n:
// the quantiles F⁻¹((i + ½)/n), i < n. It gives up once stop is closed,
// looking every stopEvery quantiles, and then reports false: a
// mixture's quantile is dozens of evaluations of its CDF, and there are
// up to maxGrid of them.
func quantileGrid(t Target, n int, stop <-chan struct{}) ([]float64, bool) {
	q := make([]float64, n)
	for i := range q {
		if i%stopEvery == 0 && stopped(stop) {
			return nil, false
		}
		q[i] = t.Quantile(w1Prob(i, float64(n)))
	}
	return q, true
}

// binMass returns the probability the target puts in each bin of the
// resolved histogram h: F(right edge) − F(left edge).
func binMass(t Target, h HistSpec) []float64 {
	p := make([]float64, h.Bins)
	width := (h.Hi - h.Lo) / float64(h.Bins)
	for b := range p {
		lo := h.Lo + float64(b)*width
		p[b] = t.CDF(lo+width) - t.CDF(lo)
	}
	return p
}

// qqQuantiles returns the target's quantiles F⁻¹(p) at qqProbs.
func qqQuantiles(t Target) []float64 {
	q := make([]float64, len(qqProbs))
	for i, p := range qqProbs {
		q[i] = t.Quantile(p)
	}
	return q
}
