package engine

import (
	"fmt"
	"math"
)

// Penalty computes gradient penalties on a discriminator D — WGAN-GP and
// R1 — and adds their exact gradient with respect to D's parameters to
// D's Grads, by double backpropagation. It owns the scratch the passes
// need, sized once for the network's largest batch, so that a call
// allocates nothing.
//
// # The penalties
//
// D maps a row x ∈ R^n to one value D(x); g_r = ∇ₓD(x_r) is its input
// gradient at row r of a batch of N rows.
//
//   - WGAN-GP (Gulrajani, Ahmed, Arjovsky, Dumoulin and Courville,
//     "Improved Training of Wasserstein GANs", NeurIPS 2017, Algorithm 1),
//     on random interpolates x̂_r = ε_r·x_r + (1 − ε_r)·x̃_r of a real
//     row x_r and a generated row x̃_r, ε_r ~ U[0, 1] (λ = 10 in the
//     paper):
//
//     P = λ·(1/N)·Σ_r (‖g_r‖₂ − 1)²,   ∂P/∂g_r = (2λ/N)·(‖g_r‖ − 1)/‖g_r‖·g_r
//
//   - R1 (Mescheder, Geiger and Nowozin, "Which Training Methods for GANs
//     do actually Converge?", ICML 2018, eq. 9), on real rows:
//
//     P = (γ/2)·(1/N)·Σ_r ‖g_r‖₂²,   ∂P/∂g_r = (γ/N)·g_r
//
// At ‖g_r‖ = 0 the WGAN-GP derivative is taken as 0, as PyTorch's norm
// does. Both are ∂P/∂g_r = c_r·g_r for a scalar c_r per row.
//
// # Which output
//
// By default the penalty is on the gradient of D's output as the network
// computes it, last activation included. With OnLogit it is on the
// gradient of the last layer's pre-activation instead: Mescheder et al.'s
// D is the logit (their objective applies f(t) = −log(1 + e⁻ᵗ) to it),
// and PyTorch implementations of R1 for a BCE discriminator penalise the
// logit; penalising σ(logit) instead scales every g_r by σ′, which
// vanishes exactly where D is confident. For a critic whose last layer is
// Identity (WGAN-GP's) the two are the same.
//
// # Double backpropagation for dense layers
//
// D is a stack of dense layers k = 1…L, z_k = W_k·a_{k−1} + b_k,
// a_k = f_k(z_k), a_0 = x, D = a_L (or z_L with OnLogit, i.e. f_L taken as
// the identity). The first backward pass computes g:
//
//	s_L = 1,   d_k = s_k ⊙ f_k′(z_k),   s_{k−1} = W_kᵀ·d_k,   g = s_0
//
// where s_k = ∂D/∂a_k and d_k = ∂D/∂z_k. P depends on θ through g, so
// ∂P/∂θ is reverse mode over this whole computation, forward pass and
// backward pass alike, seeded with ḡ = ∂P/∂g (bars are adjoints ∂P/∂·).
// Reversing the backward pass runs from s_0 up to s_L:
//
//	s_{k−1} = W_kᵀ·d_k     gives   d̄_k = W_k·s̄_{k−1},   W̄_k += d_k·s̄_{k−1}ᵀ
//	d_k = s_k ⊙ f_k′(z_k)  gives   s̄_k = d̄_k ⊙ f_k′(z_k),   z̄_k += d̄_k ⊙ s_k ⊙ f_k″(z_k)
//
// starting from s̄_0 = ḡ. Written ȧ_k = s̄_k and ż_k = d̄_k this upward
// sweep is the forward-mode tangent of D in the direction ḡ
// (ż_k = W_k·ȧ_{k−1}, ȧ_k = f_k′ ⊙ ż_k): a forward pass of the network's
// linearisation, one matrix product per layer. It leaves an injected
// adjoint q_k = ż_k ⊙ s_k ⊙ f_k″(z_k) at every pre-activation. Reversing
// the forward pass is then an ordinary backward pass that adds q_k at
// each layer, from ā_L = 0 (D's value itself is not penalised) down:
//
//	z̄_k = ā_k ⊙ f_k′(z_k) + q_k,   W̄_k += z̄_k·a_{k−1}ᵀ,   b̄_k += z̄_k,   ā_{k−1} = W_kᵀ·z̄_k
//
// So for one dense layer the parameter gradient of the penalty is
//
//	∂P/∂W_k = Σ_r (d_k·ȧ_{k−1}ᵀ + z̄_k·a_{k−1}ᵀ),   ∂P/∂b_k = Σ_r z̄_k
//
// The biases enter only through z̄_k: the backward pass does not read
// them. The second derivatives, through the output y = f(z) as the
// first derivatives are (Activation.grad):
//
//	identity, relu, leaky_relu:  f″ = 0 (almost everywhere: the kinks are a null set)
//	elu:      f″ = 0 if y > 0, else y + 1   (d²/dz² (eᶻ − 1) = eᶻ)
//	sigmoid:  f″ = f′·(1 − 2y) = y(1 − y)(1 − 2y)
//	tanh:     f″ = −2y·f′ = −2y(1 − y²)
//
// (at a ReLU or LeakyReLU kink f′ is taken as Backward takes it, 0 or
// the slope for y = 0, as PyTorch does). With piecewise-linear
// activations every q_k is 0, hence every z̄_k, and the second sweep is
// skipped: D is then piecewise linear in x, and g depends on the weights
// only through the W_k, the activation pattern being locally constant.
// In general the second sweep starts at the highest layer with a curved
// activation.
//
// Cost: besides D's forward pass, g's backward pass (the dL/dx products
// of a backward pass), the upward sweep (the dL/dW products of a backward
// pass and the products of a forward pass) and, with curved activations,
// a full backward pass from the highest curved layer down. Every product
// by f′ is Activation.grad, the kernel Backward uses; f″ costs one
// elementwise pass per curved layer. BenchmarkPenalty compares a
// WGAN-GP penalty with one forward and backward pass of D on the same
// batch (bench/README.md, "Gradient penalties against PyTorch").
//
// # Use
//
// A call runs D's forward pass on its own rows, overwriting what the
// layers cached from the last Forward: a training step calls it after the
// backward passes of its loss (or before their forward passes), and it
// adds to Grads like Backward, so the optimizer step that follows applies
// loss and penalty together. Only networks made of *Dense layers with one
// output are supported (NewPenalty reports any other); minibatch
// discrimination, moments and decorations mix rows or carry state whose
// second derivatives are not written. Batches larger than the network's
// MaxRows and slices shorter than rows × InSize are programming errors
// and panic, as in Forward. A Penalty, like its Network, is for one
// goroutine at a time.
type Penalty struct {
	// OnLogit puts the penalty on the gradient of the last layer's
	// pre-activation instead of D's output (see "Which output").
	OnLogit bool

	net    *Network
	layers []penaltyLayer
	xhat   []float32 // WGAN-GP interpolates, maxRows × InSize
	ones   []float32 // maxRows ones: s_L
}

// penaltyLayer is the scratch of one dense layer, each buffer maxRows
// rows of the width noted.
type penaltyLayer struct {
	l  *Dense
	d  []float32 // d_k = ∂D/∂z_k, then z̄_k, Out
	s  []float32 // s_{k−1} = ∂D/∂a_{k−1}, then ā_{k−1}, In (layer 1's: g)
	t  []float32 // ȧ_{k−1}, the tangent entering the layer, In (layer 1's: ḡ)
	zt []float32 // ż_k, then q_k, Out
}

// denseLayer is layer, layer i of a network that what (the gradient
// penalty, second-order unrolling) differentiates by hand, as the
// *Dense of a known activation those derivatives are written for, or
// the error saying what it is instead.
func denseLayer(what string, i int, layer Layer) (*Dense, error) {
	l, ok := layer.(*Dense)
	if !ok {
		return nil, fmt.Errorf("engine: %s supports dense layers only; layer %d is %T", what, i, layer)
	}
	if l.Act > Tanh {
		return nil, fmt.Errorf("engine: %s: layer %d has unknown activation %d", what, i, l.Act)
	}
	return l, nil
}

// NewPenalty returns a Penalty for net, or an error unless every layer of
// net is a *Dense with a known activation and the last has one output.
func NewPenalty(net *Network) (*Penalty, error) {
	if net == nil || len(net.Layers) == 0 {
		return nil, fmt.Errorf("engine: gradient penalty needs a network")
	}
	rows := net.MaxRows()
	p := &Penalty{net: net, layers: make([]penaltyLayer, len(net.Layers))}
	for i, layer := range net.Layers {
		l, err := denseLayer("gradient penalty", i, layer)
		if err != nil {
			return nil, err
		}
		p.layers[i] = penaltyLayer{
			l:  l,
			d:  make([]float32, rows*l.Out),
			s:  make([]float32, rows*l.In),
			t:  make([]float32, rows*l.In),
			zt: make([]float32, rows*l.Out),
		}
	}
	if net.OutSize() != 1 {
		return nil, fmt.Errorf("engine: gradient penalty needs one output per row, the network has %d", net.OutSize())
	}
	p.xhat = make([]float32, rows*net.InSize())
	p.ones = make([]float32, rows)
	for i := range p.ones {
		p.ones[i] = 1
	}
	return p, nil
}

// penaltyKind selects the penalty of a pass.
type penaltyKind uint8

const (
	penaltyNone penaltyKind = iota // input gradient only
	penaltyWGANGP
	penaltyR1
)

// WGANGP computes the WGAN-GP penalty λ·mean_r (‖∇ₓD(x̂_r)‖₂ − 1)² on the
// interpolates x̂_r = ε_r·real_r + (1 − ε_r)·fake_r of rows rows of real
// and fake data (rows × InSize each) with eps[r] = ε_r, drawn by the
// caller from U[0, 1] (Gulrajani et al. 2017, Algorithm 1, where
// λ = 10), adds its gradient with respect to D's parameters to Grads and
// returns its value.
func (p *Penalty) WGANGP(real, fake, eps []float32, rows int, lambda float64) float64 {
	x := p.interpolate(real, fake, eps, rows)
	return p.run(x, rows, penaltyWGANGP, lambda, true)
}

// R1 computes the R1 penalty (γ/2)·mean_r ‖∇ₓD(x_r)‖₂² on rows rows of
// real data (rows × InSize) (Mescheder et al. 2018, eq. 9), adds its
// gradient with respect to D's parameters to Grads and returns its value.
func (p *Penalty) R1(real []float32, rows int, gamma float64) float64 {
	return p.run(real, rows, penaltyR1, gamma, true)
}

// InputGrad returns ∇ₓD(x_r) for rows rows of x (rows × InSize), the
// gradient the penalties are on, in a buffer owned by p that stays valid
// until its next call. It leaves Grads alone.
func (p *Penalty) InputGrad(x []float32, rows int) []float32 {
	p.run(x, rows, penaltyNone, 0, false)
	return p.layers[0].s[:rows*p.net.InSize()]
}

// interpolate writes ε_r·real_r + (1 − ε_r)·fake_r into p.xhat.
func (p *Penalty) interpolate(real, fake, eps []float32, rows int) []float32 {
	n := p.net.InSize()
	if rows > p.net.MaxRows() {
		panic("engine: batch larger than the network was sized for")
	}
	x := p.xhat[: rows*n : rows*n]
	real, fake, eps = real[:rows*n], fake[:rows*n], eps[:rows]
	for r, e := range eps {
		xr, rr, fr := x[r*n:(r+1)*n], real[r*n:(r+1)*n], fake[r*n:(r+1)*n]
		for i := range xr {
			xr[i] = e*rr[i] + (1-e)*fr[i]
		}
	}
	return x
}

// run computes g for rows rows of x, then, for kind, the penalty with
// coefficient coef (λ or γ), and with grads adds its parameter gradient
// to Grads. It returns the penalty (0 for penaltyNone).
//
// Every product by f′ — d_k, ȧ_k, z̄_k — is Activation.grad, the kernel
// Backward uses; f″ enters once per curved layer, in q_k.
func (p *Penalty) run(x []float32, rows int, kind penaltyKind, coef float64, grads bool) float64 {
	if rows <= 0 {
		return 0
	}
	p.net.Forward(x, rows)
	L := len(p.layers)
	top := -1 // highest layer with f″ ≠ 0
	for k := range p.layers {
		if curved(p.act(k)) {
			top = k
		}
	}

	// First backward pass: d_k = s_k ⊙ f_k′, s_{k−1} = W_kᵀ·d_k.
	s := p.ones[:rows]
	for k := L - 1; k >= 0; k-- {
		pl := &p.layers[k]
		l := pl.l
		n := rows * l.Out
		act := p.act(k)
		if act == l.Act {
			l.Act.grad(pl.d[:n:n], s[:n], l.y[:n], l.Slope)
		} else {
			copy(pl.d[:n], s[:n]) // the logit: f_L taken as the identity
		}
		s = pl.s[: rows*l.In : rows*l.In]
		l.mulW(s, pl.d[:n:n], rows)
	}
	if kind == penaltyNone {
		return 0
	}

	// The penalty and ḡ = c_r·g_r.
	in := p.net.InSize()
	g, gbar := p.layers[0].s[:rows*in], p.layers[0].t[:rows*in]
	var total float64
	for r := range rows {
		gr := g[r*in : (r+1)*in]
		var sq float64
		for _, v := range gr {
			sq += float64(v) * float64(v)
		}
		var c float64
		switch kind {
		case penaltyWGANGP:
			norm := math.Sqrt(sq)
			total += (norm - 1) * (norm - 1)
			if norm > 0 {
				c = 2 * coef / float64(rows) * (norm - 1) / norm
			}
		case penaltyR1:
			total += sq
			c = coef / float64(rows)
		}
		cr := float32(c)
		gb := gbar[r*in : (r+1)*in]
		for i, v := range gr {
			gb[i] = cr * v
		}
	}
	value := total * coef / float64(rows)
	if kind == penaltyR1 {
		value /= 2
	}
	if !grads {
		return value
	}

	// Upward sweep, the tangent in the direction ḡ:
	// W̄_k += d_k·ȧ_{k−1}ᵀ, ż_k = W_k·ȧ_{k−1}, ȧ_k = ż_k ⊙ f_k′,
	// q_k = ż_k ⊙ s_k ⊙ f_k″ (from d_k = s_k ⊙ f_k′). Every layer needs
	// its ȧ_{k−1}; only a curved last layer needs its ż.
	for k := range p.layers {
		pl := &p.layers[k]
		l := pl.l
		n := rows * l.Out
		l.addOuter(l.gw, pl.d[:n:n], pl.t[:rows*l.In:rows*l.In], rows)
		if k == L-1 && top < k {
			break
		}
		zt := pl.zt[:n:n]
		clear(zt)
		l.mulWT(zt, pl.t[:rows*l.In:rows*l.In], rows)
		if k < L-1 {
			l.Act.grad(p.layers[k+1].t[:n:n], zt, l.y[:n], l.Slope)
		}
		if curved(p.act(k)) {
			injectCurvature(p.act(k), zt, pl.d[:n], l.y[:n])
		}
	}

	// Downward sweep: z̄_k = ā_k ⊙ f_k′ + q_k, W̄_k += z̄_k·a_{k−1}ᵀ,
	// b̄_k += z̄_k, ā_{k−1} = W_kᵀ·z̄_k, from the highest curved layer
	// (above it every z̄ is 0, so ā_top is).
	for k := top; k >= 0; k-- {
		pl := &p.layers[k]
		l := pl.l
		n := rows * l.Out
		zbar := pl.d[:n:n]
		if k == top {
			copy(zbar, pl.zt[:n])
		} else {
			l.Act.grad(zbar, p.layers[k+1].s[:n], l.y[:n], l.Slope)
			if curved(l.Act) {
				axpy(zbar, 1, pl.zt[:n])
			}
		}
		gemm(1, l.Out, rows, l.ones, rows, 1, zbar, l.Out, l.gb, l.Out)
		l.addOuter(l.gw, zbar, l.x, rows)
		if k > 0 {
			l.mulW(pl.s[:rows*l.In:rows*l.In], zbar, rows)
		}
	}
	return value
}

// act returns layer k's activation as the penalty sees it: Identity for
// the last layer when the penalty is on the logit.
func (p *Penalty) act(k int) Activation {
	if p.OnLogit && k == len(p.layers)-1 {
		return Identity
	}
	return p.layers[k].l.Act
}

// curved reports whether f″ can be non-zero.
func curved(a Activation) bool { return a == ELU || a == Sigmoid || a == Tanh }

// injectCurvature turns ż into q = ż ⊙ s ⊙ f″ for the curved activation
// a, given d = s ⊙ f′ and the output y: f″ is f′ times a function of y
// (see Penalty), so q is ż ⊙ d times that function.
//
//	elu:      f″ = f′ for y ≤ 0, 0 above
//	sigmoid:  f″ = f′·(1 − 2y)
//	tanh:     f″ = f′·(−2y)
func injectCurvature(a Activation, zt, d, y []float32) {
	d, y = d[:len(zt)], y[:len(zt)]
	switch a {
	case ELU:
		for i, v := range y {
			if v > 0 {
				zt[i] = 0
			} else {
				zt[i] *= d[i]
			}
		}
	case Sigmoid:
		for i, v := range y {
			zt[i] *= d[i] * (1 - 2*v)
		}
	case Tanh:
		for i, v := range y {
			zt[i] *= d[i] * (-2 * v)
		}
	}
}
