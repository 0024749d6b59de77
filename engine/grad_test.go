package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// lossOf scores a network output with fixed random weights c:
// L = Σ_i c_i·y_i, so dL/dy = c. Summing in float64 keeps the finite
// differences below as precise as float32 outputs allow.
func lossOf(y, c []float32) float64 {
	var s float64
	for i := range y {
		s += float64(c[i]) * float64(y[i])
	}
	return s
}

// checkClose reports analytic vs numeric gradients that disagree beyond
// what float32 central differences can resolve.
func checkClose(t *testing.T, what string, i int, analytic, numeric float64) {
	t.Helper()
	tol := 2e-3 + 2e-2*math.Max(math.Abs(analytic), math.Abs(numeric))
	if math.Abs(analytic-numeric) > tol {
		t.Errorf("%s[%d]: analytic %.6g, numeric %.6g", what, i, analytic, numeric)
	}
}

// gradCheck compares Backward's parameter and input gradients for net on a
// random batch with central finite differences of lossOf.
func gradCheck(t *testing.T, net *Network, rows int, rng *rand.Rand) {
	t.Helper()
	x := make([]float32, rows*net.InSize())
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	c := make([]float32, rows*net.OutSize())
	for i := range c {
		c[i] = float32(rng.NormFloat64())
	}
	net.ZeroGrad()
	net.Forward(x, rows)
	dx := append([]float32(nil), net.Backward(c, rows, true, true)...)
	grads := append([]float32(nil), net.Grads...)

	const h = 1e-3
	numeric := func(v *float32) float64 {
		old := *v
		*v = old + h
		net.ParamsChanged() // v may be a parameter
		up := lossOf(net.Forward(x, rows), c)
		*v = old - h
		net.ParamsChanged()
		down := lossOf(net.Forward(x, rows), c)
		*v = old
		net.ParamsChanged()
		return (up - down) / (2 * h)
	}
	for i := range net.Params {
		checkClose(t, "dL/dθ", i, float64(grads[i]), numeric(&net.Params[i]))
	}
	for i := range x {
		checkClose(t, "dL/dx", i, float64(dx[i]), numeric(&x[i]))
	}
}

// TestDenseGradients checks a two-layer network per activation. The seed is
// fixed, so a pre-activation that happens to sit within h of a ReLU kink
// would fail every time, not flakily.
func TestDenseGradients(t *testing.T) {
	for _, act := range []Activation{Identity, ReLU, LeakyReLU, ELU, Sigmoid, Tanh} {
		t.Run(act.String(), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(act)))
			l1, l2 := NewDense(5, 7, act), NewDense(7, 3, act)
			l1.Slope, l2.Slope = 0.2, 0.2
			net := NewNetwork(4, rng, l1, l2)
			gradCheck(t, net, 4, rng)
		})
	}
}

// TestDenseGradientsAccumulate checks that Backward adds to the gradients,
// so a real and a fake batch can share one optimizer step.
func TestDenseGradientsAccumulate(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	net := NewNetwork(2, rng, NewDense(3, 4, Tanh), NewDense(4, 1, Sigmoid))
	x := []float32{0.1, -0.2, 0.3, 0.5, 0.4, -0.1}
	dy := []float32{1, -0.5}
	net.ZeroGrad()
	net.Forward(x, 2)
	net.Backward(dy, 2, true, false)
	once := append([]float32(nil), net.Grads...)
	net.Forward(x, 2)
	net.Backward(dy, 2, true, false)
	for i, g := range net.Grads {
		if math.Abs(float64(g-2*once[i])) > 1e-6 {
			t.Fatalf("grad %d: %g after two passes, want 2×%g", i, g, once[i])
		}
	}
}

// TestBackwardWithoutParams checks that a generator step's pass through D
// leaves D's gradients alone while still returning dL/dx.
func TestBackwardWithoutParams(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	net := NewNetwork(1, rng, NewDense(3, 4, ReLU), NewDense(4, 1, Sigmoid))
	net.ZeroGrad()
	net.Forward([]float32{1, 2, 3}, 1)
	dx := net.Backward([]float32{1}, 1, false, true)
	for i, g := range net.Grads {
		if g != 0 {
			t.Fatalf("grad %d = %g, want untouched 0", i, g)
		}
	}
	if len(dx) != 3 {
		t.Fatalf("dx has %d values, want 3", len(dx))
	}
}

func TestActivationValues(t *testing.T) {
	cases := []struct {
		act  Activation
		x, y float32
	}{
		{ReLU, -2, 0}, {ReLU, 3, 3},
		{LeakyReLU, -2, -0.4}, {LeakyReLU, 3, 3},
		{ELU, -1, float32(math.Exp(-1) - 1)}, {ELU, 2, 2},
		{Sigmoid, 0, 0.5}, {Sigmoid, -100, 0}, {Sigmoid, 100, 1},
		{Tanh, 0.5, float32(math.Tanh(0.5))},
		{Identity, -7, -7},
	}
	for _, c := range cases {
		z := []float32{c.x}
		c.act.apply(z, 0.2)
		if math.Abs(float64(z[0]-c.y)) > 1e-6 {
			t.Errorf("%s(%g) = %g, want %g", c.act, c.x, z[0], c.y)
		}
	}
}

// TestLossGradients checks every loss's dL/dy by central differences.
func TestLossGradients(t *testing.T) {
	y := []float32{0.1, 0.35, 0.5, 0.8, 0.95}
	losses := map[string]func(dst, y []float32) float32{
		"bce(1)":        func(d, y []float32) float32 { return BCE(d, y, 1) },
		"bce(0)":        func(d, y []float32) float32 { return BCE(d, y, 0) },
		"bce(0.9)":      func(d, y []float32) float32 { return BCE(d, y, 0.9) },
		"minimax":       MinimaxGLoss,
		"least_squares": func(d, y []float32) float32 { return LeastSquares(d, y, 1) },
	}
	lossGradCheck(t, y, losses)
}

// lossGradCheck compares each loss's dL/dy at y, which it writes into
// its first argument, with central differences of the loss it returns.
func lossGradCheck(t *testing.T, y []float32, losses map[string]func(dst, y []float32) float32) {
	t.Helper()
	for name, loss := range losses {
		dst := make([]float32, len(y))
		loss(dst, y)
		scratch := make([]float32, len(y))
		for i := range y {
			const h = 1e-3
			yy := append([]float32(nil), y...)
			yy[i] = y[i] + h
			up := loss(scratch, yy)
			yy[i] = y[i] - h
			down := loss(scratch, yy)
			checkClose(t, name, i, float64(dst[i]), float64(up-down)/(2*h))
		}
	}
}

// TestBCEMatchesPyTorch pins BCE to values torch.nn.BCELoss gives,
// including its clamp of log terms at −100 for saturated outputs.
func TestBCEMatchesPyTorch(t *testing.T) {
	dst := make([]float32, 2)
	// torch.nn.BCELoss()(torch.tensor([0.2, 0.7]), torch.ones(2)) = 0.9830564
	if got := BCE(dst, []float32{0.2, 0.7}, 1); math.Abs(float64(got)-0.9830564) > 1e-6 {
		t.Errorf("BCE = %.7f, want 0.9830564", got)
	}
	// A fake scored exactly 1 costs the clamped 100, not +Inf.
	if got := BCE(dst[:1], []float32{1}, 0); got != 100 {
		t.Errorf("BCE(1, target 0) = %g, want the clamped 100", got)
	}
	if got := BCE(dst[:1], []float32{float32(math.NaN())}, 1); !math.IsNaN(float64(got)) {
		t.Errorf("BCE(NaN) = %g, want NaN so that divergence is seen", got)
	}
}

// TestBCETermLeavesOutTheZeroWeight: with a label of 1 or 0, bceTerm takes
// one logarithm instead of two and gives the two-term formula's bits for
// every p in [0, 1]: the ends, the clamp's edge, and the float32 values
// between.
func TestBCETermLeavesOutTheZeroWeight(t *testing.T) {
	ps := []float64{0, 1, math.Exp(-100), math.Exp(-101), 1 - 1e-16, 0.5}
	for v := float32(1e-30); v < 1; v = math.Nextafter32(v, 2) * 1.0001 {
		ps = append(ps, float64(v))
	}
	for _, label := range []float32{1, 0, 0.9} {
		for _, p := range ps {
			want := float64(label)*clampLog(p) + float64(1-label)*clampLog(1-p)
			if got := bceTerm(p, label); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("label %v, p %v: %v, the two-term formula %v", label, p, got, want)
			}
		}
	}
}
