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
//     of X (gemm again).
//   - A batch's products read their right factor — Wᵀ, W and X — in
//     panels of 64 columns (gemmPanels), laid out once per pass instead
//     of gathered by every product from rows a whole width apart. The
//     panels of Wᵀ and W are remade only when W has changed since they
//     were made (Network.ParamsChanged marks it): a generator runs its
//     batch forward twice an epoch, for D's step and for its own, and
//     only its own step changes it; a discriminator reads W for its real
//     and its fake batch.
//   - A batch's products leave out the ReLU units dead on every row of it
//     (deadskip.go), to the same bits.
//
// The bias is the products' starting value and the activation runs right
// after them, while the output is still in the L1 cache.
type Dense struct {
	In, Out int
	Act     Activation
	Slope   float32 // negative-side slope of LeakyReLU; unused otherwise

	w, b   []float32  // parameters (views into the network's flat array)
	gw, gb []float32  // their gradients
	x      []float32  // input of the last forward (not owned)
	y      []float32  // output buffer, maxRows × Out
	dz     []float32  // dL/d(pre-activation), maxRows × Out
	dx     []float32  // dL/dx buffer, maxRows × In
	wt     []float32  // Wᵀ in panels (batches only)
	wp     []float32  // scratch for W in panels
	wpm    []float32  // W in panels (toPanels: wp, or W itself) for wt's W; nil until a batch's backward pass needs it
	xp     []float32  // X in panels, for a batch's dW (batches only)
	dt     []float32  // dZᵀ, for a batch's dW when Out ≥ dzByRowsMin
	wStale bool       // W was written after wt was made (Network.ParamsChanged)
	wSeen  []float32  // W when wt was made, only while checkWStale
	batch  bool       // the last forward took the batch path and wt holds its Wᵀ
	wtISA  isa        // the kernel path wt was laid out for (panelWidth depends on it)
	ones   []float32  // maxRows ones: db = dZᵀ·1
	outer  *outerGrad // single rows' dW held for a fused optimizer step; nil unless the network defers it

	afterReLU bool      // the input is a ReLU layer's output: a batch's dead units are zero columns of X
	skip      *deadSkip // scratch for batch products without the dead units (deadskip.go); nil if none gain
}

// checkWStale makes every batch forward pass check, at the cost of a copy
// and a comparison of W, that weights written since Wᵀ was laid out were
// marked by Network.ParamsChanged; a write that was not panics. The
// engine's tests turn it on, its benchmarks leave it off (TestMain).
var checkWStale = false

// outerGrad holds a layer's weight gradient as outer products instead of
// in gw: Σ_k d_k·x_kᵀ over the single-row backward passes since the last
// optimizer step (a discriminator's real and fake rows, a generator's
// row), in their order. Adam then forms each weight's gradient in a
// register as it updates it (adamOuter), so the Out × In gradient is never
// written, read back and cleared — for a wide layer whose optimizer state
// streams from L3 or memory, 16 of the 40 bytes a weight costs a step. A
// term that cannot be held (a third, a batch's, one on a kernel path that
// does not fuse) goes to gw as usual, after the held ones (dirty).
type outerGrad struct {
	d, x  [2][]float32 // the terms' rows: d_k (Out floats) and x_k (In)
	k     int          // terms held
	dirty bool         // gw holds the gradient instead: the step reads gw
}

// holdOuter keeps d·xᵀ, a single row's dW, as a term of l.outer, and
// reports whether it could.
func (l *Dense) holdOuter(d, x []float32) bool {
	o := l.outer
	if o == nil || o.dirty || o.k == len(o.d) || !fuseOuter(l.In) {
		return false
	}
	copy(o.d[o.k], d)
	copy(o.x[o.k], x)
	o.k++
	return true
}

// flushOuter adds the held terms to gw, in order, as the unfused backward
// passes would have, and marks gw as holding the gradient.
func (l *Dense) flushOuter() {
	o := l.outer
	if o == nil {
		return
	}
	for i := range o.k {
		l.addOuter(l.gw, o.d[i], o.x[i], 1)
	}
	o.k, o.dirty = 0, true
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

// W returns the weight matrix, row-major out × in (a view, not a copy:
// after writing it, call the network's ParamsChanged).
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
		l.wt = alignedFloats(panelsLen(l.In, l.Out))
		l.wp = alignedFloats(panelsLen(l.Out, l.In))
		l.xp = alignedFloats(panelsLen(maxRows, l.In))
		if l.Out >= dzByRowsMin {
			l.dt = make([]float32, maxRows*l.Out)
		}
		if checkWStale {
			l.wSeen = make([]float32, nw)
		}
		if l.Act == ReLU || l.afterReLU {
			l.skip = newDeadSkip(l.In, l.Out, maxRows)
		}
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
	batch := out > 1 && rows > 1
	if batch && (!l.batch || l.wtISA != kernelISA || l.wStale) {
		if checkWStale {
			copy(l.wSeen, l.w)
		}
		transposeShared(l.wt, l.w, out, in)
		l.wtISA, l.wpm, l.wStale = kernelISA, nil, false
	} else if batch && checkWStale && !sameBits(l.w, l.wSeen) {
		panic("engine: a dense layer's weights were written without Network.ParamsChanged")
	}
	l.batch = batch
	fillRows(y, l.b)
	l.mulWT(y, x, rows)
	l.Act.apply(y, l.Slope)
	return y
}

// mulWT adds Z += T·Wᵀ (rows × Out) for T rows × In: the forward pass's
// product, also the penalties' (penalty.go) and the unrolled D's
// (unroll.go) after a forward pass of this layer with as many rows.
func (l *Dense) mulWT(z, t []float32, rows int) {
	switch {
	case l.Out == 1:
		// Z = T·w, one dot product per row of T.
		gemv(z, t, l.w)
	case rows == 1:
		gemv(z, l.w, t)
	case !l.mulWTLive(z, t, rows):
		gemmPanels(rows, l.Out, l.In, t, l.In, 1, l.wt, z, l.Out)
	}
}

// mulW writes S = D·W (rows × In) for D rows × Out: dL/dx for D = dL/dz.
// For a single row, entries of D that are zero — dead units — cost
// nothing.
func (l *Dense) mulW(s, d []float32, rows int) {
	clear(s[:rows*l.In])
	switch {
	case l.In == 1:
		// S (a column) = D·w
		gemv(s, d, l.w)
	case l.wp == nil:
		// a layer that only ever sees single rows reads W in place
		gemm(rows, l.In, l.Out, d, l.Out, 1, l.w, l.In, s, l.In)
	default:
		// After a batch's forward pass W is laid out once per W; after a
		// single row's, for this call. The product over the live units
		// gathers them from W in place.
		if l.mulWLive(s, d, rows) {
			return
		}
		wp := l.wpm
		if wp == nil || !l.batch {
			wp = toPanels(l.wp, l.w, l.Out, l.In)
			if l.batch {
				l.wpm = wp
			}
		}
		gemmPanels(rows, l.In, l.Out, d, l.Out, 1, wp, s, l.In)
	}
}

// addOuter adds Dᵀ·X (Out × In) to gw for D rows × Out and X rows × In:
// dL/dW for D = dL/dz and X the layer's input. A single row's dz·xᵀ skips
// the rows of dead units; a layer that only ever sees single rows reads x
// in place. A batch reads X in panels, and Dᵀ in place — Dᵀ[o,r] is D[r,o], the
// terms of a row of Dᵀ Out floats apart — or, in a layer at least
// dzByRowsMin wide, from a transposed copy whose rows are contiguous,
// where that gives the same bits (gemmLayoutFree).
func (l *Dense) addOuter(gw, d, x []float32, rows int) {
	switch {
	case l.In == 1:
		// dW (a column) += Σ_r x[r]·D[r,:]
		gemm(1, l.Out, rows, x, rows, 1, d, l.Out, gw, l.Out)
	case l.xp == nil:
		gemm(l.Out, l.In, rows, d, 1, l.Out, x, l.In, gw, l.In)
	case rows == 1:
		// dz·xᵀ, skipping the rows of dead units (one row in panels is the
		// row itself, on AVX-512 copied to the cache lines of xp)
		gemm(l.Out, l.In, 1, d, 1, l.Out, toPanels(l.xp, x, 1, l.In), l.In, gw, l.In)
	default:
		xp := toPanels(l.xp, x, rows, l.In)
		if l.addOuterLive(gw, d, xp, rows) {
			return
		}
		if l.dt != nil && gemmLayoutFree(l.Out, l.In, rows) {
			transpose(l.dt, rows, d, rows, l.Out)
			gemmPanels(l.Out, l.In, rows, l.dt, rows, 1, xp, gw, l.In)
			return
		}
		gemmPanels(l.Out, l.In, rows, d, 1, l.Out, xp, gw, l.In)
	}
}

// dzByRowsMin is the narrowest layer whose dW reads a transposed copy of
// dZ: at 1024 outputs, dZᵀ read in place puts every term of a row on a page
// of its own, and the product of a 100-row batch ran 14% slower so; at 256
// 3%.
const dzByRowsMin = 256

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
		if rows != 1 || !l.holdOuter(dz, l.x) {
			l.flushOuter()
			l.addOuter(l.gw, dz, l.x, rows)
		}
	}
	if !input {
		return nil
	}
	dx := l.dx[: rows*in : rows*in]
	l.mulW(dx, dz, rows)
	return dx
}
