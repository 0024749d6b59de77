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
// Self-pairs are left out, as in the reference code (openai/improved-gan,
// nn.py's MinibatchLayer, which adds 1e6 to their distance), and T's
// entries start N(0, InitStd²), InitStd = 0.05, that code's draw of its
// θ. That code does not use θ as drawn: its T is θ weight-normalised,
// each column θ_{·,b,c} scaled to a learned length that its first batch
// sets, and it adds a learned bias to each o_b; ganui, as the paper,
// uses T as it is, with no bias. The paper sums over j; ganui takes the mean,
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
//
// The pairs are the layer's whole cost (B·n(n−1)/2 kernels a pass), so a
// batch runs them on the vector kernels (mbdPairs, mbdGrad in kernels.go).
// The kernels go in groups of bp (mbdLayout), each group's M stored as C
// planes flat over (row, kernel): a vector of 16 lanes holds 16/bp pairs
// (i, j) of bp kernels, and row i's pairs j > i are the lanes from
// (i+1)·bp on, so no lane is spent on a pair j ≤ i but in a row's first
// vector. e^−x is float32 (the activations' expReduce), not float64. The
// groups are independent: a large batch shares them with the helper
// goroutine (pairs, pool.go). The products M = X·T, dT += Xᵀ·dM and
// dX = dM·Tᵀ are gemm calls. Sums over j are vector sums, in another order
// than a loop over the pairs would take: results agree with the float64
// reference to float32 rounding (the kernel tests), and the AVX2 and
// AVX-512 kernels agree bit for bit.
type Minibatch struct {
	A, B, C int     // feature width, kernels, dimensions per kernel
	InitStd float64 // std of T's initial entries

	t, gt []float32    // T and dL/dT, A × (B·C) row-major
	tt    []float32    // Tᵀ, (B·C) × A, for dX = dM·Tᵀ
	x     []float32    // input of the last forward (not owned)
	m     []float32    // M of the last forward, maxRows × B·C
	bp    int          // kernels per group (mbdLayout)
	gs    int          // groups of kernels
	ld    int          // stride of the planes and rows below: maxRows·bp rounded up to 16, + 16
	p     []float32    // M by group: C planes each, flat over (row, kernel); +Inf past the batch
	e     []float32    // c_b/(n−1) of every pair i < j of the last forward (see mbdPairs), by group
	o, r  []float32    // o_b for every row: the pairs (j, i) j < i in o, (i, j) j > i in r; a row of ld a group
	g     []float32    // dL/do_b, laid out as o, zero past the batch and for padding kernels
	w     [2][]float32 // scratch of the pair kernels, one for each goroutine of a shared pass (mbdTask)
	mLane []int32      // the lane in p (dp, dr) of each entry of m, M_{i,b,q}
	oLane []int32      // the lane in o (r, g) of row i's kernel b, at i·B + b
	dp    []float32    // dL/dM by group, laid out as p: the pairs (j, i) j < i
	dr    []float32    // −dL/dM, laid out as p: the pairs (i, j) j > i
	y     []float32    // output buffer, maxRows × (A+B)
	dm    []float32    // dL/dM, maxRows × B·C
	dx    []float32    // dL/dx buffer, maxRows × A

	ref     []float32 // M of the reference batch, maxRows × B·C
	refRows int       // rows in ref; 0 when no reference is set
	probed  bool      // the last forward scored rows against ref
}

// signBit is the sign bit of a float32.
const signBit = 1 << 31

// defaultMBDInitStd is the std of T's initial entries in the reference code.
const defaultMBDInitStd = 0.05

// NewMinibatch returns a minibatch-discrimination layer on features of
// width a with b kernels of c dimensions each.
func NewMinibatch(a, b, c int) *Minibatch {
	if a <= 0 || b <= 0 || c <= 0 {
		panic("engine: minibatch discrimination sizes must be positive")
	}
	return &Minibatch{A: a, B: b, C: c, InitStd: defaultMBDInitStd}
}

// InSize returns A.
func (l *Minibatch) InSize() int { return l.A }

// OutSize returns A + B: the features followed by one similarity per kernel.
func (l *Minibatch) OutSize() int { return l.A + l.B }

// ParamCount returns A·B·C, the entries of T.
func (l *Minibatch) ParamCount() int { return l.A * l.B * l.C }

func (l *Minibatch) bind(params, grads []float32, maxRows int) {
	bc := l.B * l.C
	l.t, l.gt = params, grads
	l.tt = make([]float32, bc*l.A)
	l.bp, l.gs = mbdLayout(l.B, maxRows)
	l.ld = roundUp16(maxRows*l.bp) + 16
	l.m = make([]float32, maxRows*bc)
	// The kernels' blocks of 16 start on cache lines.
	planes := l.gs * l.C * l.ld
	l.p = alignedFloats(planes)
	l.e = alignedFloats(l.gs * mbdPairsLen(maxRows, l.bp))
	l.o = alignedFloats(l.gs * l.ld)
	l.r = alignedFloats(l.gs * l.ld)
	l.g = alignedFloats(l.gs * l.ld)
	for k := range l.w {
		l.w[k] = alignedFloats(mbdScratch(l.C, l.ld))
	}
	l.dp = alignedFloats(planes)
	l.dr = alignedFloats(planes)
	l.mLane, l.oLane = make([]int32, maxRows*bc), make([]int32, maxRows*l.B)
	for i := range maxRows {
		for b := range l.B {
			g, k := b/l.bp, i*l.bp+b%l.bp // b's group, its lane in a row of it
			l.oLane[i*l.B+b] = int32(g*l.ld + k)
			for q := range l.C {
				l.mLane[i*bc+b*l.C+q] = int32((g*l.C+q)*l.ld + k)
			}
		}
	}
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
	gemm(rows, bc, a, x[:rows*a], a, 1, l.t, bc, m, bc)
}

// kernels writes e[b] = exp(−‖p_b − q_b‖₁)·scale for the B kernels of
// the rows p and q of M (B·C values each): the scoring of one probe
// against a reference row, with mbdPairsGo's operations.
func kernels(e, p, q []float32, c int, scale float32) {
	for b := range e {
		pb := p[b*c : (b+1)*c]
		qb := q[b*c : (b+1)*c][:len(pb)]
		var x float32
		for k, v := range pb {
			x -= abs32(v - qb[k])
		}
		e[b] = expNeg32(x) * scale
	}
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
	l.probed = l.refRows > 0
	if l.probed {
		for i := range rows {
			copy(y[i*w:i*w+a], x[i*a:(i+1)*a])
			clear(y[i*w+a : (i+1)*w])
		}
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
	l.lay(rows)
	scale := float32(0)
	if rows > 1 {
		scale = 1 / float32(rows-1)
	}
	clear(l.o)
	l.pairs(rows, false, scale)
	for i := range rows {
		yi := y[i*w : (i+1)*w : (i+1)*w]
		copy(yi, x[i*a:(i+1)*a])
		for k, at := range l.oLane[i*b : (i+1)*b] {
			yi[a+k] = l.o[at] + l.r[at]
		}
	}
	return y
}

// lay writes M of rows rows into the groups' planes (mbdPairs), each
// value to its lane (mLane); the lanes past the batch get +Inf, so that a
// pair with a padding row has kernel e^−∞ = 0, those of the padding
// kernels 0, as in the rows.
func (l *Minibatch) lay(rows int) {
	bc, bp, ld := l.B*l.C, l.bp, l.ld
	p := l.p
	for t, v := range l.m[:rows*bc] {
		p[l.mLane[t]] = v
	}
	end, inf := rows*bp, float32(math.Inf(1))
	for plane := range l.gs * l.C {
		b0 := plane / l.C * bp
		for s := end; s < roundUp16(end); s++ {
			p[plane*ld+s] = pick(b0+s%bp < l.B, inf, 0)
		}
	}
}

// pairs runs the pair kernels of a batch of rows rows for every group of
// kernels: forward (mbdPairs, scaled by scale) or backward (mbdGrad, from
// l.g). They are the layer's whole cost, and the groups are independent,
// so a batch whose pairs make at least mbdShareLanes lanes is shared with
// the helper goroutine, a group a chunk (pool.go).
func (l *Minibatch) pairs(rows int, grad bool, scale float32) {
	t := mbdTask{l: l, rows: rows, grad: grad, scale: scale}
	if l.gs < 2 || l.gs*mbdPairsLen(rows, l.bp) < mbdShareLanes[kernelISA] || !acquire() {
		for k := range l.gs {
			t.run(k, l.gs, 0)
		}
		return
	}
	job.mbd = t
	share(&job.mbd)
}

// mbdShareLanes is, for each kernel path, the fewest lanes (mbdPairsLen
// per group, summed over the groups) whose pair kernels are shared with
// the helper. On AVX2 2¹⁶: with 8 kernels, ring-mbd's batch of 256 rows
// trained in 0.87 of the wall time shared, for 1.36 times the CPU time, a
// batch of 100 in 0.94 for 1.58 times (on a Zen 4, step 29), and one of
// 64 no faster. On AVX-512 2¹⁵, which shares the batch of 100 but not
// that of 64: on an Intel Xeon, minibatch-discrimination trained in 0.83
// of the wall time shared, for 1.36 times the CPU time, and bimodal-mbd
// in 0.77 for 1.49 (step 35). Those were measured with a kernel a group;
// the SIMD kernels' groups of 4 (step 42) put 8 kernels' 64, 100 and 256
// rows at 16,896, 40,800 and 264,192 lanes, on the same sides of both
// thresholds. The portable kernels, a kernel a group as before, take
// about ten times as long a lane, and 2¹²: minibatch-discrimination's 100
// rows in 0.71 of the wall time (1.24 times the CPU time), 32 rows (5,888
// lanes) 0.88 of an epoch's time, 16 rows (1,920) 1.02. bench/README.md,
// section 0, steps 29, 35 and 42.
var mbdShareLanes = [...]int{isaGo: 1 << 12, isaAVX2: 1 << 16, isaAVX512: 1 << 15}

// mbdTask is one pass of a minibatch layer's pair kernels (Minibatch.pairs),
// group k chunk k. A group reads and writes only its own planes and rows,
// each starting on a cache line, and takes the same operations on either
// goroutine, so a shared pass gives the bits of one; the scratch is the
// goroutine's own.
type mbdTask struct {
	l     *Minibatch
	rows  int
	grad  bool
	scale float32
}

func (t *mbdTask) chunks() int { return t.l.gs }

func (t *mbdTask) run(k, _, part int) {
	l, rows, c, ld, bp := t.l, t.rows, t.l.C, t.l.ld, t.l.bp
	np := mbdPairsLen(rows, bp)
	e, p := l.e[k*np:(k+1)*np], l.p[k*c*ld:(k+1)*c*ld]
	last := (rows - 1) * bp // the last row has no pairs (i, j > i)
	if !t.grad {
		r := l.r[k*ld : (k+1)*ld]
		mbdPairs(e, p, ld, c, rows, bp, l.o[k*ld:(k+1)*ld], r, l.w[part], t.scale)
		clear(r[last : last+bp])
		return
	}
	dr := l.dr[k*c*ld : (k+1)*c*ld]
	mbdGrad(l.dp[k*c*ld:(k+1)*c*ld], dr, p, e, l.g[k*ld:(k+1)*ld], l.w[part], ld, c, rows, bp)
	for q := range c {
		clear(dr[q*ld+last : q*ld+last+bp])
	}
}

func (l *Minibatch) backward(dy []float32, rows int, params, input bool) []float32 {
	if l.probed {
		panic("engine: minibatch backward after a forward against a reference batch")
	}
	a, b, c := l.A, l.B, l.C
	bc, w := b*c, a+b
	clear(l.g)
	for i := range rows {
		for k, at := range l.oLane[i*b : (i+1)*b] {
			l.g[at] = dy[i*w+a+k]
		}
	}
	clear(l.dp)
	l.pairs(rows, true, 0)
	dm := l.dm[: rows*bc : rows*bc]
	for t, at := range l.mLane[:rows*bc] {
		dm[t] = l.dp[at] - l.dr[at]
	}
	if params {
		// dT += Xᵀ·dM
		gemm(a, bc, rows, l.x, 1, a, dm, bc, l.gt, bc)
	}
	if !input {
		return nil
	}
	// dX = dY[:, :A] + dM·Tᵀ
	transpose(l.tt, a, l.t, a, bc)
	dx := l.dx[: rows*a : rows*a]
	for i := range rows {
		copy(dx[i*a:(i+1)*a], dy[i*w:i*w+a])
	}
	gemm(rows, a, bc, dm, bc, 1, l.tt, a, dx, a)
	return dx
}
