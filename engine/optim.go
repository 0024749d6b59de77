package engine

import (
	"fmt"
	"math"
)

// Optimizer updates a flat parameter array from its gradient. The
// learning rate is an argument of each step, not part of the optimizer's
// state (moments, momentum buffer, step count): the caller holds it, and a run
// retuned in flight (GAN.SetLR) passes the new rate from the next step on.
type Optimizer interface {
	// Step applies one update with learning rate lr to params given grads
	// (same length) and clears grads, ready for the next backward pass to
	// add into. Reading and clearing a gradient in one pass is what spares
	// a training step a separate pass of ZeroGrad.
	Step(params, grads []float32, lr float64)
}

// Adam is the optimizer of Kingma & Ba ("Adam: A Method for Stochastic
// Optimization", ICLR 2015, Algorithm 1) in the form torch.optim.Adam
// (PyTorch 1.13, no weight decay, no amsgrad) applies it at step t:
//
//	m ← β₁m + (1 − β₁)g
//	v ← β₂v + (1 − β₂)g²
//	θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
//
// the paper's θ ← θ − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ) and
// v̂ = v/(1 − β₂ᵗ). Every operation is rounded to float32, in the order
// adamGo (kernels.go) gives; two differ from PyTorch's: √v is multiplied
// by 1/√(1 − β₂ᵗ) where PyTorch divides by √(1 − β₂ᵗ), and s·m is
// divided by the denominator where PyTorch scales m/denominator by s. A
// step therefore agrees with PyTorch's to a float32 ulp or two, not bit
// for bit (TestAdamMatchesPyTorch).
//
// Moments whose magnitude falls below the smallest normal float32, 2⁻¹²⁶,
// are flushed to zero, deliberately: dead units give long runs of zero
// gradients, their moments then decay geometrically into denormal
// numbers, and denormal arithmetic is many times slower on x86. A flushed
// m moves a weight by less than s·2⁻¹²⁶/ε, s = lr/(1 − β₁ᵗ); a flushed v
// takes less than 2⁻⁶³·k, k = 1/√(1 − β₂ᵗ), from the denominator, which
// against ε ≥ MinEps is about float32's resolution. TestAdamFlushKeepsResults
// and TestFlushHarmlessAtMinEps hold the results to an unflushed float64 Adam.
type Adam struct {
	Beta1, Beta2 float64
	Eps          float64
	M, V         []float32 // first and second moment estimates
	T            int       // steps taken

	pow1, pow2 powTable // β₁ᵗ and β₂ᵗ as math.Pow computes them (pow.go)
}

// NewAdam returns an Adam optimizer for n parameters.
func NewAdam(n int, beta1, beta2, eps float64) *Adam {
	return &Adam{Beta1: beta1, Beta2: beta2, Eps: eps, M: writtenZeros(n), V: writtenZeros(n)}
}

// Step applies one Adam update with learning rate lr in a single fused
// pass over the parameters that also clears grads (adamUpdate; see adamGo
// in kernels.go for the exact operations), shared with the helper
// goroutine when there are many (adamShared).
func (a *Adam) Step(params, grads []float32, lr float64) {
	adamShared(params, grads, a.M, a.V, a.advance(lr))
}

// adamStep holds the factors of one Adam step as the kernels take them.
type adamStep struct{ b1, b2, c1, c2, eps, stepSize, invBC2 float32 }

// advance counts a step and returns its factors: the bias corrections for
// t from the tables of pow.go, not math.Pow per step.
func (a *Adam) advance(lr float64) adamStep {
	a.T++
	// 1 − β is formed in float64, as PyTorch does, before rounding: the
	// float32 difference of a rounded β would be off by 1e-5 relative.
	return adamStep{
		b1: float32(a.Beta1), b2: float32(a.Beta2),
		c1: float32(1 - a.Beta1), c2: float32(1 - a.Beta2), eps: float32(a.Eps),
		stepSize: float32(lr / (1 - powStep(&a.pow1, a.Beta1, a.T))),
		invBC2:   float32(1 / math.Sqrt(1-powStep(&a.pow2, a.Beta2, a.T))),
	}
}

// stepNetwork is Step on net's parameters with the weight gradients its
// dense layers hold as outer products (outerGrad) fused into the update:
// each such layer's weights go through adamOuter, everything between them
// (biases, other layers) through the plain kernel. Adam is elementwise, so
// splitting the array into runs changes no bit; adamOuter forms each
// gradient as the backward pass would have written it. Grads ends zero.
func (a *Adam) stepNetwork(net *Network, lr float64) {
	k := a.advance(lr)
	p, g, m, v := net.Params, net.Grads, a.M, a.V
	from := 0
	for i, l := range net.Layers {
		d, ok := l.(*Dense)
		if !ok || d.outer == nil || d.outer.k == 0 || d.outer.dirty {
			continue
		}
		o, w0, w1 := d.outer, net.offs[i], net.offs[i]+d.Out*d.In
		adamShared(p[from:w0], g[from:w0], m[from:w0], v[from:w0], k)
		d1, x1 := o.d[1], o.x[1]
		if o.k == 1 {
			d1, x1 = nil, nil
		}
		adamOuter(p[w0:w1], m[w0:w1], v[w0:w1], d.In, o.d[0], o.x[0], d1, x1, k.b1, k.b2, k.c1, k.c2, k.eps, k.stepSize, k.invBC2)
		from = w1
	}
	adamShared(p[from:], g[from:], m[from:], v[from:], k)
}

// SGD is stochastic gradient descent with momentum as torch.optim.SGD
// applies it (no dampening, no Nesterov, no weight decay):
//
//	b ← μb + g
//	θ ← θ − lr·b
//
// PyTorch sets b ← g on the first step, its buffer not yet made. The
// buffer here starts at zero, and μ·0 + g is g (μ is finite and at least
// 0; a gradient of −0 gives +0, the same number), so the first step needs
// no case of its own and the optimizer keeps no step count.
type SGD struct {
	Momentum float64
	Buf      []float32 // momentum buffer
}

// NewSGD returns an SGD optimizer for n parameters.
func NewSGD(n int, momentum float64) *SGD {
	return &SGD{Momentum: momentum, Buf: writtenZeros(n)}
}

// Step applies one SGD update with learning rate lr and clears grads. The
// operations are rounded one by one (no fused multiply-add), so every
// build computes the same bits; SGD only drives tiny networks, where this
// loop is never the bottleneck.
func (s *SGD) Step(params, grads []float32, lr float64) {
	rate := float32(lr)
	g, b := grads[:len(params)], s.Buf[:len(params)]
	if s.Momentum == 0 {
		b = g
	} else {
		mu := float32(s.Momentum)
		for i := range b {
			b[i] = float32(mu*b[i]) + g[i]
		}
	}
	for i := range params {
		params[i] -= float32(rate * b[i])
	}
	clear(g)
}

// RMSprop is the optimizer of Tieleman & Hinton (2012, Coursera lecture
// 6.5) exactly as torch.optim.RMSprop (PyTorch 1.13; no momentum, not
// centered, no weight decay) applies it:
//
//	v ← αv + (1 − α)g²
//	θ ← θ − lr·g / (√v + ε)
//
// each operation rounded to float32 in PyTorch's order: v·α, then
// ((1 − α)·g)·g added (addcmul), then (lr·g)/(√v + ε) subtracted
// (addcdiv). The Wasserstein GAN trains both players with it (Arjovsky et
// al. 2017, Algorithm 1: α is PyTorch's default 0.99 in their code).
// Like Adam's, a second moment that decays below the smallest normal
// float32 is flushed to zero, which against ε ≥ MinEps changes no result
// (TestRMSpropFlushesDenormals, TestFlushHarmlessAtMinEps).
//
// Nothing in the update depends on the step count (no bias correction),
// so the optimizer keeps none.
type RMSprop struct {
	Alpha float64
	Eps   float64
	V     []float32 // the running mean of squared gradients
}

// NewRMSprop returns an RMSprop optimizer for n parameters.
func NewRMSprop(n int, alpha, eps float64) *RMSprop {
	return &RMSprop{Alpha: alpha, Eps: eps, V: writtenZeros(n)}
}

// Step applies one RMSprop update with learning rate lr and clears grads.
// Like SGD's, the loop rounds every operation (no fused multiply-add), so
// every build computes the same bits.
func (r *RMSprop) Step(params, grads []float32, lr float64) {
	// 1 − α is formed in float64 before rounding, as PyTorch passes it.
	a, c, eps, rate := float32(r.Alpha), float32(1-r.Alpha), float32(r.Eps), float32(lr)
	g, v := grads[:len(params)], r.V[:len(params)]
	for i := range params {
		gi := g[i]
		vi := flushPos(float32(a*v[i]) + float32(float32(c*gi)*gi))
		v[i] = vi
		params[i] -= float32(rate*gi) / float32(sqrt32(vi)+eps)
		g[i] = 0
	}
}

// copyOptimizer copies src's state (moments, Adam's step count) into dst, an
// optimizer of the same kind and size, without allocating: the unrolled
// GAN saves D's optimizer this way before looking ahead and restores it
// after.
func copyOptimizer(dst, src Optimizer) {
	switch s := src.(type) {
	case *Adam:
		d := dst.(*Adam)
		copy(d.M, s.M)
		copy(d.V, s.V)
		d.T = s.T
	case *SGD:
		d := dst.(*SGD)
		copy(d.Buf, s.Buf)
	case *RMSprop:
		copy(dst.(*RMSprop).V, s.V)
	default:
		panic(fmt.Sprintf("engine: cannot copy optimizer %T", src))
	}
}
