package engine

import (
	"math"
	"math/rand/v2"
)

// Dense is a fully connected layer followed by an activation:
//
//	y = f(W·x + b),   W ∈ R^{out×in} row-major, b ∈ R^{out}
//
// Its backward pass, with dz = dy ⊙ f′:
//
//	dL/dW += dz·xᵀ,   dL/db += dz,   dL/dx = Wᵀ·dz
//
// For a batch of rows X (rows × in) these are three matrix products,
// Y = X·Wᵀ, dW += dZᵀ·X and dX = dZ·W, and each runs as kernels over
// contiguous memory (see kernels.go):
//
//   - dX = dZ·W and dW += dZᵀ·X are sums of rows of W and of X scaled by
//     entries of dZ (gemm); for a single row, entries that are zero — dead
//     ReLU units — cost nothing.
//   - Y = X·Wᵀ is one dot product per output over a row of W (gemv) for a
//     single row; for a batch it is a sum of rows of Wᵀ scaled by entries
//     of X (gemm again), with Wᵀ transposed into a scratch buffer once per
//     pass — a cost of in·out moves against rows·in·out multiply-adds. Its
//     rows start on cache lines, which makes the product 20% faster; for
//     the same reason the backward products of a batch may read W and X
//     from copies whose rows start on cache lines (alignRows). Both
//     copies of W are remade only when W has changed since they were
//     made: a generator runs its batch forward twice an epoch, for D's
//     step and for its own, and only its own step changes it.
//
// The bias is the products' starting value and the activation runs right
// after them, while the output is still in the L1 cache.
type Dense struct {
	In, Out int
	Act     Activation
	Slope   float32 // negative-side slope of LeakyReLU; unused otherwise

	w, b   []float32 // parameters (views into the network's flat array)
	gw, gb []float32 // their gradients
	x      []float32 // input of the last forward (not owned)
	y      []float32 // output buffer, maxRows × Out
	dz     []float32 // dL/d(pre-activation), maxRows × Out
	dx     []float32 // dL/dx buffer, maxRows × In
	wt     []float32 // Wᵀ scratch, In rows of Out padded to 64 bytes (batches only)
	wa, xa []float32 // scratch for W and X with rows on cache lines (batches only; see alignRows)
	wSeen  []float32 // W when wt and wAl were made (batches only)
	wAl    []float32 // W for the backward pass of a batch: wa, or w itself where alignRows does not copy
	ldwa   int       // row stride of wAl
	batch  bool      // the last forward took the batch path and made wt and wAl
	ones   []float32 // maxRows ones: db = dZᵀ·1
}

// NewDense returns a dense layer mapping in inputs to out outputs through act.
func NewDense(in, out int, act Activation) *Dense {
	if in <= 0 || out <= 0 {
		panic("engine: dense layer sizes must be positive")
	}
	return &Dense{In: in, Out: out, Act: act}
}

// InSize returns the layer's input width.
func (l *Dense) InSize() int { return l.In }

// OutSize returns the layer's output width.
func (l *Dense) OutSize() int { return l.Out }

// ParamCount returns out·in weights plus out biases.
func (l *Dense) ParamCount() int { return l.Out*l.In + l.Out }

// W returns the weight matrix, row-major out × in (a view, not a copy).
func (l *Dense) W() []float32 { return l.w }

// B returns the bias vector (a view, not a copy).
func (l *Dense) B() []float32 { return l.b }

func (l *Dense) bind(params, grads []float32, maxRows int) {
	nw := l.Out * l.In
	l.w, l.b = params[:nw:nw], params[nw:nw+l.Out:nw+l.Out]
	l.gw, l.gb = grads[:nw:nw], grads[nw:nw+l.Out:nw+l.Out]
	l.y = make([]float32, maxRows*l.Out)
	l.dz = make([]float32, maxRows*l.Out)
	l.dx = make([]float32, maxRows*l.In)
	if maxRows > 1 {
		l.wt = alignedFloats(l.In * roundUp16(l.Out))
		l.wa = alignedFloats(l.Out * roundUp16(l.In))
		l.xa = alignedFloats(maxRows * roundUp16(l.In))
		l.wSeen = make([]float32, nw)
	}
	l.ones = make([]float32, maxRows)
	for i := range l.ones {
		l.ones[i] = 1
	}
}

// init draws weights and biases uniformly from ±1/√in, the bound that
// PyTorch's nn.Linear default initialisation gives (kaiming_uniform with
// a = √5 for weights, the same bound for biases).
func (l *Dense) init(rng *rand.Rand) {
	bound := 1 / math.Sqrt(float64(l.In))
	for i := range l.w {
		l.w[i] = float32((2*rng.Float64() - 1) * bound)
	}
	for i := range l.b {
		l.b[i] = float32((2*rng.Float64() - 1) * bound)
	}
}

func (l *Dense) forward(x []float32, rows int) []float32 {
	in, out := l.In, l.Out
	x = x[: rows*in : rows*in]
	l.x = x
	y := l.y[: rows*out : rows*out]
	l.batch = out > 1 && rows > 1
	switch {
	case out == 1:
		// Y = X·w, one dot product per row of X.
		fillRows(y, l.b)
		gemv(y, x, l.w)
		l.Act.apply(y, l.Slope)
	case rows == 1:
		copy(y, l.b)
		gemv(y, l.w, x)
		l.Act.apply(y, l.Slope)
	default:
		ldt := roundUp16(out)
		if l.wAl == nil || !sameBits(l.w, l.wSeen) {
			copy(l.wSeen, l.w)
			transpose(l.wt, ldt, l.w, out, in)
			l.wAl, l.ldwa = alignRows(l.wa, l.w, out, in)
		}
		fillRows(y, l.b)
		gemm(rows, out, in, x, in, 1, l.wt, ldt, y, out)
		l.Act.apply(y, l.Slope)
	}
	return y
}

// fillRows fills y, a whole number of rows as long as b, with copies of b.
// Each copy doubles the rows filled, so a batch of 100 rows takes 8 copies
// rather than 100 short ones.
func fillRows(y, b []float32) {
	n := copy(y, b)
	for n < len(y) {
		n += copy(y[n:], y[:n])
	}
}

func (l *Dense) backward(dy []float32, rows int, params, input bool) []float32 {
	in, out := l.In, l.Out
	dz := l.dz[: rows*out : rows*out]
	l.Act.grad(dz, dy[:rows*out], l.y[:rows*out], l.Slope)
	if params {
		// db += Σ_r dZ[r,:]
		gemm(1, out, rows, l.ones, rows, 1, dz, out, l.gb, out)
		switch {
		case in == 1:
			// dW (a column) += Σ_r x[r]·dZ[r,:]
			gemm(1, out, rows, l.x, rows, 1, dz, out, l.gw, out)
		default:
			// dW += dZᵀ·X, reading dZᵀ in place (for one row, dz·xᵀ with
			// the rows of dead units skipped)
			x, ldx := alignRows(l.xa, l.x, rows, in)
			gemm(out, in, rows, dz, 1, out, x, ldx, l.gw, in)
		}
	}
	if !input {
		return nil
	}
	dx := l.dx[: rows*in : rows*in]
	clear(dx)
	if in == 1 {
		// dX (a column) = dZ·w
		gemv(dx, dz, l.w)
	} else {
		// dX = dZ·W
		w, ldw := l.wAl, l.ldwa
		if !l.batch {
			w, ldw = alignRows(l.wa, l.w, out, in)
		}
		gemm(rows, in, out, dz, out, 1, w, ldw, dx, in)
	}
	return dx
}
