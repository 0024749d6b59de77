package engine

import (
	"math"
	"math/rand/v2"
)

// Minibatch is minibatch discrimination (Salimans et al., "Improved
// Techniques for Training GANs", 2016, §3.2): it lets a discriminator see
// how similar the samples of one batch are to each other, which a
// collapsed generator cannot hide. For the features f(x_i) ∈ R^A of the n
// rows of a batch and a learned tensor T ∈ R^{A×B×C}:
//
//	M_i = f(x_i)·T ∈ R^{B×C}
//	c_b(x_i, x_j) = exp(−‖M_{i,b} − M_{j,b}‖₁)
//	o(x_i)_b = (1/(n−1)) Σ_{j≠i} c_b(x_i, x_j)
//	y_i = [f(x_i), o(x_i)] ∈ R^{A+B}
//
// Self-pairs are left out and T starts N(0, InitStd²) with InitStd = 0.05,
// as in the reference code. The paper sums over j; ganui takes the mean,
// the same feature on a [0, 1] scale. With the sum, o reaches n − 1 = 99
// in a batch of 100 and swamps D's other features: D separates real from
// generated batches by o alone at once, and in ganui's measurements the
// generator then collapsed in 3 runs of 4; with the mean none did. Real
// and generated batches go through the layer separately, so o compares
// generated samples only with each other.
//
// The backward pass, with g = dL/do and s = sign(M_{i,b,c} − M_{j,b,c}):
//
//	dL/dM_{i,b,c} = −(1/(n−1)) Σ_{j≠i} (g_{i,b} + g_{j,b})·c_b(x_i, x_j)·s
//	dL/dT = Σ_i f(x_i)ᵀ·dL/dM_i,   dL/df(x_i) = dL/dy_i[:A] + T·dL/dM_i
//
// A single sample has no batch to be compared with; SetReference fixes one
// (see there), which is how a minibatch discriminator's D(x) is drawn.
type Minibatch struct {
	A, B, C int     // feature width, kernels, dimensions per kernel
	InitStd float64 // std of T's initial entries

	t, gt []float32 // T and dL/dT, A × (B·C) row-major
	x     []float32 // input of the last forward (not owned)
	m     []float32 // M of the last forward, maxRows × B·C
	e     []float32 // c_b/(n−1) of every pair i < j of the last forward, × B
	y     []float32 // output buffer, maxRows × (A+B)
	dm    []float32 // dL/dM, maxRows × B·C
	dx    []float32 // dL/dx buffer, maxRows × A

	ref     []float32 // M of the reference batch, maxRows × B·C
	refRows int       // rows in ref; 0 when no reference is set
	probed  bool      // the last forward scored rows against ref
}

// signBit is the sign bit of a float32.
const signBit = 1 << 31

// DefaultMBDInitStd is the std of T's initial entries in the reference code.
const DefaultMBDInitStd = 0.05

// NewMinibatch returns a minibatch-discrimination layer on features of
// width a with b kernels of c dimensions each.
func NewMinibatch(a, b, c int) *Minibatch {
	if a <= 0 || b <= 0 || c <= 0 {
		panic("engine: minibatch discrimination sizes must be positive")
	}
	return &Minibatch{A: a, B: b, C: c, InitStd: DefaultMBDInitStd}
}

// InSize returns A.
func (l *Minibatch) InSize() int { return l.A }

// OutSize returns A + B: the features followed by one similarity per kernel.
func (l *Minibatch) OutSize() int { return l.A + l.B }

// ParamCount returns A·B·C, the entries of T.
func (l *Minibatch) ParamCount() int { return l.A * l.B * l.C }

// T returns the tensor T as an A × (B·C) row-major matrix (a view).
func (l *Minibatch) T() []float32 { return l.t }

func (l *Minibatch) bind(params, grads []float32, maxRows int) {
	bc := l.B * l.C
	l.t, l.gt = params, grads
	l.m = make([]float32, maxRows*bc)
	l.e = make([]float32, maxRows*(maxRows-1)/2*l.B)
	l.y = make([]float32, maxRows*(l.A+l.B))
	l.dm = make([]float32, maxRows*bc)
	l.dx = make([]float32, maxRows*l.A)
	l.ref = make([]float32, maxRows*bc)
}

func (l *Minibatch) init(rng *rand.Rand) {
	for i := range l.t {
		l.t[i] = float32(rng.NormFloat64() * l.InitStd)
	}
}

// project writes M = x·T for rows rows of x into m.
func (l *Minibatch) project(m, x []float32, rows int) {
	a, bc := l.A, l.B*l.C
	m = m[: rows*bc : rows*bc]
	clear(m)
	for i := range rows {
		mi := m[i*bc : (i+1)*bc : (i+1)*bc]
		for k, v := range x[i*a : (i+1)*a : (i+1)*a] {
			if v != 0 {
				axpy(mi, v, l.t[k*bc:(k+1)*bc:(k+1)*bc])
			}
		}
	}
}

// kernels writes e[b] = exp(−‖p_b − q_b‖₁)·scale for the B kernels of
// the rows p and q of M (B·C values each).
func kernels(e, p, q []float32, c int, scale float32) {
	for b := range e {
		pb := p[b*c : (b+1)*c]
		qb := q[b*c : (b+1)*c][:len(pb)]
		var l1 float32
		for k, v := range pb {
			l1 += math.Float32frombits(math.Float32bits(v-qb[k]) &^ signBit)
		}
		e[b] = expNeg(l1) * scale
	}
}

// expNeg returns e^{−x} for x ≥ 0, correctly rounded to float32 but for
// one ulp, several times faster than math.Exp: with t = x·log₂e split into
// an integer k and r ∈ [−½, ½], e^{−x} = 2^{−k}·e^{−r·ln 2}, the second
// factor from its Taylor polynomial of degree 7 (remainder below 1e-8).
// The reduction runs in float64 so that it adds no error of its own.
func expNeg(x float32) float32 {
	if !(x < 87) { // e^{−87} is near the bottom of float32's normal range: flush to 0
		if x != x {
			return x
		}
		return 0
	}
	t := float64(x) * math.Log2E
	k := float64(int64(t + 0.5)) // t ≥ 0: truncation rounds to nearest
	u := (k - t) * math.Ln2      // ∈ [−ln2/2, ln2/2]; e^{−x} = 2^{−k}·e^u
	p := 1.0 / 5040
	p = p*u + 1.0/720
	p = p*u + 1.0/120
	p = p*u + 1.0/24
	p = p*u + 1.0/6
	p = p*u + 0.5
	p = p*u + 1
	p = p*u + 1
	return float32(p * math.Float64frombits(uint64(1023-int64(k))<<52))
}

// SetReference fixes a reference batch for scoring: until ClearReference,
// each forward scores its rows one by one against the rows × A features
// in f, as one more member of that batch: a probe's o_b is the mean of
// c_b over every row of f. No backward pass may follow such a forward.
func (l *Minibatch) SetReference(f []float32, rows int) {
	l.project(l.ref, f, rows)
	l.refRows = rows
}

// ClearReference returns the layer to scoring each batch against itself.
func (l *Minibatch) ClearReference() { l.refRows = 0 }

func (l *Minibatch) forward(x []float32, rows int) []float32 {
	a, b, c := l.A, l.B, l.C
	bc, w := b*c, a+b
	l.x = x[: rows*a : rows*a]
	l.project(l.m, x, rows)
	y := l.y[: rows*w : rows*w]
	for i := range rows {
		copy(y[i*w:i*w+a], x[i*a:(i+1)*a])
		clear(y[i*w+a : (i+1)*w])
	}
	l.probed = l.refRows > 0
	if l.probed {
		scale := 1 / float32(l.refRows)
		e := l.e[:b]
		for i := range rows {
			mi := l.m[i*bc : (i+1)*bc : (i+1)*bc]
			oi := y[i*w+a : (i+1)*w : (i+1)*w]
			for j := range l.refRows {
				kernels(e, mi, l.ref[j*bc:(j+1)*bc], c, scale)
				for k, v := range e {
					oi[k] += v
				}
			}
		}
		return y
	}
	scale := float32(0)
	if rows > 1 {
		scale = 1 / float32(rows-1)
	}
	p := 0 // index of pair (i, j) in l.e, in units of B
	for i := range rows {
		mi := l.m[i*bc : (i+1)*bc : (i+1)*bc]
		oi := y[i*w+a : (i+1)*w : (i+1)*w]
		for j := i + 1; j < rows; j++ {
			oj := y[j*w+a : (j+1)*w : (j+1)*w]
			e := l.e[p*b : (p+1)*b : (p+1)*b]
			kernels(e, mi, l.m[j*bc:(j+1)*bc], c, scale)
			for k, v := range e {
				oi[k] += v
				oj[k] += v
			}
			p++
		}
	}
	return y
}

func (l *Minibatch) backward(dy []float32, rows int, params, input bool) []float32 {
	if l.probed {
		panic("engine: minibatch backward after a forward against a reference batch")
	}
	a, b, c := l.A, l.B, l.C
	bc, w := b*c, a+b
	dm := l.dm[: rows*bc : rows*bc]
	clear(dm)
	p := 0
	for i := range rows {
		mi := l.m[i*bc : (i+1)*bc : (i+1)*bc]
		gi := dy[i*w+a : (i+1)*w : (i+1)*w]
		dmi := dm[i*bc : (i+1)*bc : (i+1)*bc]
		for j := i + 1; j < rows; j++ {
			mj := l.m[j*bc : (j+1)*bc : (j+1)*bc]
			gj := dy[j*w+a : (j+1)*w : (j+1)*w]
			dmj := dm[j*bc : (j+1)*bc : (j+1)*bc]
			e := l.e[p*b : (p+1)*b : (p+1)*b]
			gj = gj[:len(e)]
			gi := gi[:len(e)]
			for k, ek := range e {
				f := math.Float32bits((gi[k] + gj[k]) * ek)
				mik := mi[k*c : (k+1)*c]
				mjk := mj[k*c : (k+1)*c][:len(mik)]
				dmik := dmi[k*c : (k+1)*c][:len(mik)]
				dmjk := dmj[k*c : (k+1)*c][:len(mik)]
				for q, v := range mik {
					// f·sign(M_i − M_j) without a branch; sign(0) is taken
					// as +1, a valid subgradient of |·| at 0.
					fs := math.Float32frombits(f ^ math.Float32bits(v-mjk[q])&signBit)
					dmik[q] -= fs
					dmjk[q] += fs
				}
			}
			p++
		}
	}
	if params {
		for i := range rows {
			dmi := dm[i*bc : (i+1)*bc : (i+1)*bc]
			for k, v := range l.x[i*a : (i+1)*a : (i+1)*a] {
				if v != 0 {
					axpy(l.gt[k*bc:(k+1)*bc:(k+1)*bc], v, dmi)
				}
			}
		}
	}
	if !input {
		return nil
	}
	dx := l.dx[: rows*a : rows*a]
	for i := range rows {
		dmi := dm[i*bc : (i+1)*bc : (i+1)*bc]
		dxi := dx[i*a : (i+1)*a : (i+1)*a]
		for k := range dxi {
			dxi[k] = dy[i*w+k] + dot(l.t[k*bc:(k+1)*bc:(k+1)*bc], dmi)
		}
	}
	return dx
}
