package engine

import "math/rand/v2"

// Decorate appends to each row of n samples their squared deviations from
// the row's mean, so that a discriminator sees the spread of a batch as
// directly as its location. It is Dev Nag's decorate_with_diffs(data, 2.0)
// ("Data and variances", gan_pytorch.py, Feb 2017):
//
//	x̄ = (1/n) Σ_i x_i,   d_i = x_i − x̄
//	y = [x_1 … x_n, d_1² … d_n²]
//
// Its backward pass, with g = dL/dy split into g′ (the raw half) and g″
// (the squared half):
//
//	dL/dx_k = g′_k + 2·d_k·g″_k − (2/n) Σ_i d_i·g″_i
//
// The last term is the gradient through the mean. Dev Nag's code computes
// the mean from data.data, which detaches it: its generator is pushed as
// if moving one sample left the mean in place, and the term is missing.
// Detach reproduces that; without it the gradient is the true one.
type Decorate struct {
	N      int  // samples per row
	Detach bool // leave out the gradient through the row mean, as Dev Nag's code does

	d  []float32 // deviations of the last forward, maxRows × N
	y  []float32 // output buffer, maxRows × 2N
	dx []float32 // input-gradient buffer, maxRows × N
}

// NewDecorate returns a decorating layer for rows of n samples.
func NewDecorate(n int) *Decorate {
	if n <= 0 {
		panic("engine: decorate needs a positive row width")
	}
	return &Decorate{N: n}
}

// InSize returns n.
func (l *Decorate) InSize() int { return l.N }

// OutSize returns 2n: the samples and their squared deviations.
func (l *Decorate) OutSize() int { return 2 * l.N }

// ParamCount returns 0: the layer has no parameters.
func (l *Decorate) ParamCount() int { return 0 }

func (l *Decorate) bind(_, _ []float32, maxRows int) {
	l.d = make([]float32, maxRows*l.N)
	l.y = make([]float32, maxRows*2*l.N)
	l.dx = make([]float32, maxRows*l.N)
}

func (l *Decorate) init(*rand.Rand) {}

func (l *Decorate) forward(x []float32, rows int) []float32 {
	n := l.N
	for r := range rows {
		xr := x[r*n : (r+1)*n : (r+1)*n]
		dr := l.d[r*n : (r+1)*n : (r+1)*n]
		yr := l.y[r*2*n : (r+1)*2*n : (r+1)*2*n]
		var sum float64
		for _, v := range xr {
			sum += float64(v)
		}
		mean := float32(sum / float64(n))
		copy(yr[:n], xr)
		sq := yr[n:]
		for i, v := range xr {
			dv := v - mean
			dr[i] = dv
			sq[i] = dv * dv
		}
	}
	return l.y[: rows*2*n : rows*2*n]
}

func (l *Decorate) backward(dy []float32, rows int, _, input bool) []float32 {
	if !input {
		return nil
	}
	n := l.N
	for r := range rows {
		gr := dy[r*2*n : (r+1)*2*n : (r+1)*2*n]
		dr := l.d[r*n : (r+1)*n : (r+1)*n]
		dxr := l.dx[r*n : (r+1)*n : (r+1)*n]
		g1, g2 := gr[:n], gr[n:]
		var shift float32
		if !l.Detach {
			var s float64 // Σ_i d_i·g″_i
			for i, d := range dr {
				s += float64(d) * float64(g2[i])
			}
			shift = float32(2 * s / float64(n))
		}
		for i, d := range dr {
			dxr[i] = g1[i] + 2*d*g2[i] - shift
		}
	}
	return l.dx[: rows*n : rows*n]
}
