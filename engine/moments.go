package engine

import (
	"math"
	"math/rand/v2"
)

// Moments summarises each row of n samples by four numbers: mean, standard
// deviation, skewness and excess kurtosis. A discriminator reading only
// these can compare a batch's shape with the target's but can see nothing
// else (Dev Nag's 2018 "Only 4 moments" discriminator, gan_pytorch.py):
//
//	μ = (1/n) Σ_i x_i,   d_i = x_i − μ,   v = (1/n) Σ_i d_i²
//	s = √(v + ε),        z_i = d_i / s
//	y = [ μ,  s,  m₃ = (1/n) Σ_i z_i³,  m₄ − 3 ]   with m₄ = (1/n) Σ_i z_i⁴
//
// ε = 1e-12 keeps a batch of identical samples finite (z = 0) instead of
// NaN. The backward pass, for g = dL/dy and r = v/s² (1 up to ε):
//
//	dL/dx_i = g₁/n + g₂·d_i/(n·s)
//	        + g₃·(3/(n·s))·(z_i² − r − m₃·z_i)
//	        + g₄·(4/(n·s))·(z_i³ − m₃ − m₄·z_i)
//
// The layer computes in float64 internally: fourth powers of float32
// deviations lose too many digits otherwise.
type Moments struct {
	N int // samples per row

	z     []float64 // standardised samples of the last forward, maxRows × N
	stats []float64 // per row: s, r, m₃, m₄ (not excess)
	y     []float32 // output buffer, maxRows × 4
	dx    []float32 // input-gradient buffer, maxRows × N
}

// momentsEps is the ε under the square root of the variance.
const momentsEps = 1e-12

// NewMoments returns a layer reducing rows of n samples to their four moments.
func NewMoments(n int) *Moments {
	if n <= 0 {
		panic("engine: moments needs a positive row width")
	}
	return &Moments{N: n}
}

// InSize returns n.
func (l *Moments) InSize() int { return l.N }

// OutSize returns 4: mean, std, skewness, excess kurtosis.
func (l *Moments) OutSize() int { return 4 }

// ParamCount returns 0: the layer has no parameters.
func (l *Moments) ParamCount() int { return 0 }

func (l *Moments) bind(_, _ []float32, maxRows int) {
	l.z = make([]float64, maxRows*l.N)
	l.stats = make([]float64, maxRows*4)
	l.y = make([]float32, maxRows*4)
	l.dx = make([]float32, maxRows*l.N)
}

func (l *Moments) init(*rand.Rand) {}

func (l *Moments) forward(x []float32, rows int) []float32 {
	n := l.N
	fn := float64(n)
	for r := range rows {
		xr := x[r*n : (r+1)*n : (r+1)*n]
		zr := l.z[r*n : (r+1)*n : (r+1)*n]
		var mean float64
		for _, v := range xr {
			mean += float64(v)
		}
		mean /= fn
		var v float64
		for i, xv := range xr {
			d := float64(xv) - mean
			zr[i] = d
			v += d * d
		}
		v /= fn
		s := math.Sqrt(v + momentsEps)
		var m3, m4 float64
		for i, d := range zr {
			z := d / s
			zr[i] = z
			z2 := z * z
			m3 += z2 * z
			m4 += z2 * z2
		}
		m3 /= fn
		m4 /= fn
		st := l.stats[r*4 : r*4+4 : r*4+4]
		st[0], st[1], st[2], st[3] = s, v/(s*s), m3, m4
		yr := l.y[r*4 : r*4+4 : r*4+4]
		yr[0], yr[1], yr[2], yr[3] = float32(mean), float32(s), float32(m3), float32(m4-3)
	}
	return l.y[: rows*4 : rows*4]
}

func (l *Moments) backward(dy []float32, rows int, _, input bool) []float32 {
	if !input {
		return nil
	}
	n := l.N
	fn := float64(n)
	for r := range rows {
		g := dy[r*4 : r*4+4 : r*4+4]
		st := l.stats[r*4 : r*4+4 : r*4+4]
		s, ratio, m3, m4 := st[0], st[1], st[2], st[3]
		zr := l.z[r*n : (r+1)*n : (r+1)*n]
		dxr := l.dx[r*n : (r+1)*n : (r+1)*n]
		c1 := float64(g[0]) / fn
		c2 := float64(g[1]) / fn // × d_i/s = z_i
		c3 := 3 * float64(g[2]) / (fn * s)
		c4 := 4 * float64(g[3]) / (fn * s)
		for i, z := range zr {
			z2 := z * z
			dxr[i] = float32(c1 + c2*z + c3*(z2-ratio-m3*z) + c4*(z2*z-m3-m4*z))
		}
	}
	return l.dx[: rows*n : rows*n]
}
