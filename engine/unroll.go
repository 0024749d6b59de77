package engine

import (
	"fmt"
	"math"
)

// unroller computes the second term of the unrolled GAN's surrogate
// gradient (Metz et al., "Unrolled Generative Adversarial Networks", ICLR
// 2017, §2.4, eq. 12) and owns the memory it needs, made once by New so
// that a G step allocates nothing.
//
// # The surrogate gradient
//
// G's objective is F(θ_G) = f(θ_G, θ_D^k(θ_G)), the paper's f_K (§2.2,
// eq. 9), θ_D^k the discriminator after k updates from θ_D^0:
//
//	g_i = ∇_θ L_D(θ_D^i; real_i, G(z_i)) [+ 2λ(θ_D^i − θ̄)],   θ_D^{i+1}, s_{i+1} = U(θ_D^i, s_i, g_i)
//
// U the optimizer's update and s_i its state (Adam's moments m, v; SGD's
// momentum buffer; RMSprop's v). dF/dθ_G is ∂f/∂θ_G (the first-order
// gradient) plus reverse mode through the k updates, from the adjoint
// p̄ = ∂f/∂θ_D^k (G's loss backpropagated into D's parameters, G's batch
// fixed) and s̄ = 0, for i = k−1 … 0:
//
//   - back through U: the adjoints of its outputs (p̄, s̄) give those of
//     its inputs, ḡ on g_i and s̄ on s_i (optBackward), p passing through
//     unchanged (θ_D^{i+1} = θ_D^i − step);
//   - back through g_i: p̄ += H·ḡ, H the Hessian of D's loss in its
//     parameters at θ_D^i on batch i (plus 2λ·ḡ under historical
//     averaging), and G's fake batch x = G(z_i) receives the mixed product
//     x̄ = ∇ₓ(ḡᵀ∇_θ L_D(θ_D^i; x)), which G's backward pass on z_i turns
//     into a gradient of G's parameters, added to G's.
//
// # The products, by Pearlmutter's R-operator
//
// H·ḡ and x̄ are both the directional derivative, in the direction ḡ of
// D's parameters, of D's backward pass: R{∇_θ L} = H·ḡ and, by the
// symmetry of second derivatives, R{∇ₓL} = x̄. For D's dense layers
// k = 1…L, z_k = W_k·a_{k−1} + b_k, a_k = f_k(z_k), a_0 = x, with the
// direction (Ẇ_k, ḃ_k) = ḡ (penalty.go writes d_k = s_k ⊙ f_k′ and
// s_{k−1} = W_kᵀ·d_k for the backward pass, s_L = ∂L/∂y):
//
//	forward:   ż_k = Ẇ_k·a_{k−1} + W_k·ȧ_{k−1} + ḃ_k,   ȧ_k = f_k′ ⊙ ż_k,   ȧ_0 = 0
//	backward:  ṡ_L = ℓ″(y) ⊙ ȧ_L
//	           ḋ_k = ṡ_k ⊙ f_k′ + s_k ⊙ f_k″ ⊙ ż_k
//	           R{∂L/∂W_k} = Σ_r ḋ_k·a_{k−1}ᵀ + d_k·ȧ_{k−1}ᵀ,   R{∂L/∂b_k} = Σ_r ḋ_k
//	           ṡ_{k−1} = W_kᵀ·ḋ_k + Ẇ_kᵀ·d_k,   x̄ = ṡ_0
//
// exact to rounding: two passes of the network's products beside an
// ordinary forward and backward pass. f″ is penalty.go's
// (injectCurvature); ℓ″ is the loss's second derivative in D's output,
// per row: BCE (y − t)/(n·y(1 − y)) gives t/(n·y²) + (1 − t)/(n·(1 − y)²)
// (where BCE's floor on y(1 − y) holds, 1/(n·10⁻¹²), the derivative of
// the floored expression), least squares 1/n, and the Wasserstein and
// hinge losses 0 (the hinge's almost everywhere).
//
// # Memory
//
// Update i is replayed from what unrolling recorded: θ_D^i, the
// optimizer's state before it (s_i, and s_k after the last), g_i, and
// the batches real_i and z_i; k ≤ MaxUnroll copies of each, made once.
// Replaying D's forward and backward passes on them (and G's forward pass
// on z_i) restores the activations the products read.
type unroller struct {
	params [][]float32  // θ_D^i, i < k
	opts   []Optimizer  // the optimizer's state s_i before update i, i ≤ k
	grads  [][]float32  // g_i, i < k
	real   [][]float32  // real_i, i < k
	noise  [][]float32  // z_i, i < k
	pbar   []float32    // p̄, the adjoint of θ_D^i
	sbar   [2][]float32 // s̄: Adam's m̄ and v̄; SGD's b̄; RMSprop's v̄
	gbar   []float32    // ḡ, the adjoint of g_i: the direction of the products
	curv   []float32    // ℓ″(y) per D row
	sdot   []float32    // ṡ_L, one per D row
	fake   []float32    // G's batch of the G step, kept while replaying
	layers []unrollLayer
}

// unrollLayer is one dense layer's scratch, maxRows rows of the width
// noted.
type unrollLayer struct {
	l   *Dense
	off int       // the layer's offset in D's parameters
	zt  []float32 // ż_k, then s_k ⊙ f_k″ ⊙ ż_k, Out
	at  []float32 // ȧ_k, Out
	dd  []float32 // ḋ_k, Out
	st  []float32 // ṡ_{k−1}, In (layer 1's: x̄)
	wt  []float32 // Ẇ_kᵀ, In × Out
}

// newUnroller returns the scratch for k unrolled updates of g's D, or an
// error unless every layer of D is a *Dense with a known activation.
func newUnroller(g *GAN, k int) (*unroller, error) {
	cfg := &g.cfg
	d, n := g.disc, len(g.disc.Params)
	rows := d.MaxRows()
	u := &unroller{
		params: make([][]float32, k),
		opts:   make([]Optimizer, k+1),
		grads:  make([][]float32, k),
		real:   make([][]float32, k),
		noise:  make([][]float32, k),
		pbar:   make([]float32, n),
		sbar:   [2][]float32{make([]float32, n), make([]float32, n)},
		gbar:   make([]float32, n),
		curv:   make([]float32, rows),
		sdot:   make([]float32, rows),
		fake:   make([]float32, len(g.real)),
		layers: make([]unrollLayer, len(d.Layers)),
	}
	for i := range k {
		u.params[i] = make([]float32, n)
		u.grads[i] = make([]float32, n)
		u.real[i] = make([]float32, len(g.real))
		u.noise[i] = make([]float32, len(g.noise))
	}
	for i := range u.opts {
		u.opts[i] = cfg.newOptimizer(D, n)
	}
	off := 0
	for i, layer := range d.Layers {
		l, err := denseLayer("second-order unrolling", i, layer)
		if err != nil {
			return nil, err
		}
		u.layers[i] = unrollLayer{
			l: l, off: off,
			zt: make([]float32, rows*l.Out),
			at: make([]float32, rows*l.Out),
			dd: make([]float32, rows*l.Out),
			st: make([]float32, rows*l.In),
			wt: make([]float32, l.In*l.Out),
		}
		off += l.ParamCount()
	}
	if d.OutSize() != 1 {
		return nil, fmt.Errorf("engine: second-order unrolling needs one output per row, D has %d", d.OutSize())
	}
	return u, nil
}

// unrollRecorded is the first-order unrolling's k D updates, recording
// what the reverse pass replays.
func (g *GAN) unrollRecorded() {
	u, d := g.unroll, g.disc
	for i := range g.cfg.Unroll {
		copy(u.params[i], d.Params)
		copyOptimizer(u.opts[i], g.dOpt)
		g.gradD()
		copy(u.grads[i], d.Grads)
		copy(u.real[i], g.real)
		copy(u.noise[i], g.noise)
		g.stepD()
	}
	copyOptimizer(u.opts[g.cfg.Unroll], g.dOpt)
}

// unrollBackward adds the surrogate gradient's second term to G's
// gradients. D's gradients must hold ∂f/∂θ_D^k, G's loss backpropagated
// into D at the unrolled D; it leaves them zero, and D's parameters at
// θ_D^0. G's last generated batch is kept.
func (g *GAN) unrollBackward() {
	u, d := g.unroll, g.disc
	rows := g.dRows
	copy(u.fake, g.fake)
	copy(u.pbar, d.Grads)
	clear(d.Grads)
	clear(u.sbar[0])
	clear(u.sbar[1])
	for i := g.cfg.Unroll - 1; i >= 0; i-- {
		u.optBackward(i, g.cfg.DLR)
		copy(d.Params, u.params[i])
		d.ParamsChanged()

		y := d.Forward(u.real[i], rows)
		g.dLoss(y, true)
		d.Backward(g.dy, rows, false, false)
		u.rop(rows, g.lossCurvature(y, true), false)

		y = d.Forward(g.gen.Forward(u.noise[i], g.gRows), rows)
		g.dLoss(y, false)
		d.Backward(g.dy, rows, false, false)
		xbar := u.rop(rows, g.lossCurvature(y, false), true)
		g.gen.Backward(xbar, g.gRows, true, false)

		if g.dHist != nil {
			axpy(u.pbar, float32(2*g.cfg.DHistAvg), u.gbar)
		}
	}
	copy(g.fake, u.fake)
}

// lossCurvature returns ℓ″(y) per row of D's loss on a real or a generated
// batch (see unroller), or nil where it is 0.
func (g *GAN) lossCurvature(y []float32, real bool) []float32 {
	c := g.unroll.curv[:len(y)]
	inv := 1 / float64(len(y))
	switch g.cfg.Loss {
	case LossLeastSquares:
		for i := range c {
			c[i] = float32(inv)
		}
	case LossBCE:
		t := 0.0
		if real {
			t = float64(g.cfg.RealLabel)
		}
		for i, v := range y {
			p := float64(v)
			if p*(1-p) > bceEps {
				c[i] = float32((t/(p*p) + (1-t)/((1-p)*(1-p))) * inv)
			} else {
				c[i] = float32(inv / bceEps)
			}
		}
	default: // Wasserstein, hinge
		return nil
	}
	return c
}

// optBackward takes p̄ and s̄, the adjoints of update i's outputs θ_D^{i+1}
// and s_{i+1}, to ḡ and the adjoint s̄ of s_i; p̄ passes through. With
// g = g_i, lr the learning rate and, for Adam at step t, α = lr/(1 − β₁ᵗ),
// c = 1/√(1 − β₂ᵗ), D' = c·√v′ + ε:
//
//	Adam:     m′ = β₁m + (1 − β₁)g,  v′ = β₂v + (1 − β₂)g²,  θ′ = θ − α·m′/D'
//	          m̄′ = m̄ − α·p̄/D',  v̄′ = v̄ + α·c·m′·p̄/(2√v′·D'²)
//	          ḡ = (1 − β₁)·m̄′ + 2(1 − β₂)·g·v̄′,  m̄ ← β₁·m̄′,  v̄ ← β₂·v̄′
//	SGD:      b′ = μb + g,  θ′ = θ − lr·b′
//	          ḡ = b̄ − lr·p̄,  b̄ ← μ·ḡ
//	RMSprop:  v′ = αv + (1 − α)g²,  θ′ = θ − lr·g/(√v′ + ε)
//	          v̄′ = v̄ + lr·g·p̄/(2√v′·(√v′ + ε)²)
//	          ḡ = −lr·p̄/(√v′ + ε) + 2(1 − α)·g·v̄′,  v̄ ← α·v̄′
//
// where v′ = 0 (no gradient yet) the v̄′ term is taken as 0. The moments
// are those the update computed (s_{i+1}), in float64 from there.
func (u *unroller) optBackward(i int, lr float64) {
	g, pbar, gbar := u.grads[i], u.pbar, u.gbar
	g, gbar = g[:len(pbar)], gbar[:len(pbar)]
	switch after := u.opts[i+1].(type) {
	case *Adam:
		t := float64(after.T)
		b1, b2 := after.Beta1, after.Beta2
		alpha := float64(float32(lr / (1 - math.Pow(b1, t))))
		c := float64(float32(1 / math.Sqrt(1-math.Pow(b2, t))))
		eps := float64(float32(after.Eps))
		c1, c2 := float64(float32(1-b1)), float64(float32(1-b2))
		fb1, fb2 := float64(float32(b1)), float64(float32(b2))
		mbar, vbar := u.sbar[0][:len(pbar)], u.sbar[1][:len(pbar)]
		m, v := after.M[:len(pbar)], after.V[:len(pbar)]
		for j, pb := range pbar {
			p := float64(pb)
			sv := math.Sqrt(float64(v[j]))
			den := c*sv + eps
			mb := float64(mbar[j]) - alpha*p/den
			vb := float64(vbar[j])
			if sv > 0 {
				vb += alpha * c * float64(m[j]) * p / (2 * sv * den * den)
			}
			gbar[j] = float32(c1*mb + 2*c2*float64(g[j])*vb)
			mbar[j] = float32(fb1 * mb)
			vbar[j] = float32(fb2 * vb)
		}
	case *SGD:
		mu := float64(float32(after.Momentum))
		bbar := u.sbar[0][:len(pbar)]
		for j, pb := range pbar {
			gb := float64(bbar[j]) - lr*float64(pb)
			gbar[j] = float32(gb)
			bbar[j] = float32(mu * gb)
		}
	case *RMSprop:
		a := float64(float32(after.Alpha))
		c := float64(float32(1 - after.Alpha))
		eps := float64(float32(after.Eps))
		vbar, v := u.sbar[0][:len(pbar)], after.V[:len(pbar)]
		for j, pb := range pbar {
			p := float64(pb)
			sv := math.Sqrt(float64(v[j]))
			den := sv + eps
			vb := float64(vbar[j])
			if sv > 0 {
				vb += lr * float64(g[j]) * p / (2 * sv * den * den)
			}
			gbar[j] = float32(-lr*p/den + 2*c*float64(g[j])*vb)
			vbar[j] = float32(a * vb)
		}
	default:
		panic(fmt.Sprintf("engine: second-order unrolling through optimizer %T", after))
	}
}

// rop adds R{∇_θ L} = H·ḡ, for D's loss on the batch D last ran forward
// and backward on (dL/dy then in the layers' d_k), to p̄, given ℓ″ per row
// (nil for 0); with input it returns R{∇ₓL}, the mixed product x̄ (see
// unroller), in a buffer of u's.
func (u *unroller) rop(rows int, curv []float32, input bool) []float32 {
	L := len(u.layers)
	// Forward: ż_k = ḃ_k + a_{k−1}·Ẇ_kᵀ + ȧ_{k−1}·W_kᵀ, ȧ_k = f_k′ ⊙ ż_k.
	for k := range u.layers {
		ul := &u.layers[k]
		l := ul.l
		n, nw := rows*l.Out, l.Out*l.In
		zt := ul.zt[:n:n]
		clear(zt)
		if k > 0 {
			l.mulWT(zt, u.layers[k-1].at[:rows*l.In:rows*l.In], rows)
		}
		vw, vb := u.gbar[ul.off:ul.off+nw], u.gbar[ul.off+nw:ul.off+nw+l.Out]
		gemm(rows, l.Out, 1, l.ones, 1, 1, vb, l.Out, zt, l.Out)
		transpose(ul.wt, l.Out, vw, l.Out, l.In)
		gemm(rows, l.Out, l.In, l.x, l.In, 1, ul.wt, l.Out, zt, l.Out)
		l.Act.grad(ul.at[:n:n], zt, l.y[:n], l.Slope)
	}

	// Backward: ṡ_L = ℓ″ ⊙ ȧ_L, ḋ_k = ṡ_k ⊙ f_k′ + s_k ⊙ f_k″ ⊙ ż_k, …
	s := u.sdot[:rows]
	if curv == nil {
		clear(s)
	} else {
		for r, at := range u.layers[L-1].at[:rows] {
			s[r] = curv[r] * at
		}
	}
	for k := L - 1; k >= 0; k-- {
		ul := &u.layers[k]
		l := ul.l
		n, nw := rows*l.Out, l.Out*l.In
		d, dd := l.dz[:n:n], ul.dd[:n:n]
		l.Act.grad(dd, s[:n], l.y[:n], l.Slope)
		if curved(l.Act) {
			injectCurvature(l.Act, ul.zt[:n:n], d, l.y[:n])
			axpy(dd, 1, ul.zt[:n])
		}
		gw, gb := u.pbar[ul.off:ul.off+nw], u.pbar[ul.off+nw:ul.off+nw+l.Out]
		gemm(1, l.Out, rows, l.ones, rows, 1, dd, l.Out, gb, l.Out)
		l.addOuter(gw, dd, l.x, rows)
		if k > 0 {
			l.addOuter(gw, d, u.layers[k-1].at[:rows*l.In:rows*l.In], rows)
		} else if !input {
			break
		}
		st := ul.st[: rows*l.In : rows*l.In]
		l.mulW(st, dd, rows)
		gemm(rows, l.In, l.Out, d, l.Out, 1, u.gbar[ul.off:ul.off+nw], l.In, st, l.In)
		s = st
	}
	if !input {
		return nil
	}
	return s
}
