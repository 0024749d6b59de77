package engine

import (
	"math"
	"math/bits"
)

// powTable computes math.Pow(x, t) for one base 0 < x < 1 and integer
// steps t ≥ 1, bit for bit as math.Pow does, without redoing the part of
// its work that depends on x alone.
//
// math.Pow takes an integer power by repeated squaring: with x = x1·2^xe
// (Frexp), it walks the bits of t from the lowest, multiplying a1 by the
// current square at each set bit and squaring (renormalising x1 to [½, 1))
// at every bit, and ends with Ldexp(a1, Σ xe). The squares are the same for
// every t, so the table keeps them; a power is then one multiply per set
// bit of t, in the same order as math.Pow, hence the same rounding. Adam's
// bias corrections need β₁ᵗ and β₂ᵗ at every step, and math.Pow's
// dependent chain of squarings was 3% of blog-original's epoch.
type powTable struct {
	x    float64
	x1   [64]float64
	xe   [64]int
	over int // the bit at which math.Pow stops for an exponent out of range
}

// set builds the table for x, 0 < x < 1.
func (p *powTable) set(x float64) {
	p.x = x
	x1, xe := math.Frexp(x)
	p.over = 64
	for k := range 64 {
		p.x1[k], p.xe[k] = x1, xe
		if xe < -1<<12 || 1<<12 < xe {
			p.over = k
			return
		}
		x1 *= x1
		xe <<= 1
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
}

// pow returns math.Pow(x, t) for the table's x, t ≥ 1.
func (p *powTable) pow(t uint64) float64 {
	a1, ae := 1.0, 0
	low := t
	if p.over < 64 {
		low = t & (1<<p.over - 1)
	}
	for low != 0 {
		k := bits.TrailingZeros64(low)
		a1 *= p.x1[k]
		ae += p.xe[k]
		low &= low - 1
	}
	if p.over < 64 && t>>p.over != 0 {
		ae += p.xe[p.over]
	}
	return math.Ldexp(a1, ae)
}

// powStep returns math.Pow(x, float64(t)) for t ≥ 1, through tab when x
// is in (0, 1) and t ≤ 2⁵³, rebuilding tab when x has changed since it was built.
func powStep(tab *powTable, x float64, t int) float64 {
	if !(x > 0 && x < 1) || t < 1 || t > 1<<53 { // past 2⁵³, float64(t) rounds
		return math.Pow(x, float64(t))
	}
	if tab.x != x {
		tab.set(x)
	}
	return tab.pow(uint64(t))
}
