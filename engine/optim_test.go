package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// optimGrads is a gradient sequence with a parameter whose gradient is zero
// at first, as a dead unit's is.
var optimGrads = [][]float32{{0.5, -1, 0}, {-0.25, 2, 0}, {1, 0.5, 3}}

func assertParams(t *testing.T, step int, got, want []float32) {
	t.Helper()
	for i := range want {
		if math.Abs(float64(got[i]-want[i])) > 2e-7*math.Max(1, math.Abs(float64(want[i]))) {
			t.Fatalf("step %d: params %v, want %v", step, got, want)
		}
	}
}

// TestAdamMatchesPyTorch replays torch.optim.Adam(lr=0.1) on the same
// gradients; the expected values were printed by PyTorch 1.13. The last step
// lowers the learning rate mid-run, as the TUI does, which must keep the
// moments and the step count.
func TestAdamMatchesPyTorch(t *testing.T) {
	p := []float32{1, -0.5, 2}
	a := NewAdam(len(p), 0.9, 0.999, 1e-8)
	want := [][]float32{
		{0.900000036, -0.400000006, 2.0},
		{0.873366356, -0.436610371, 2.0},
		{0.807555199, -0.478175491, 1.9361186},
	}
	for i, g := range optimGrads {
		a.Step(p, slices.Clone(g), 0.1) // Step clears the gradients it is given
		assertParams(t, i+1, p, want[i])
	}
	a.Step(p, []float32{0.3, 0.3, 0.3}, 0.01)
	assertParams(t, 4, p, []float32{0.800867319, -0.4823066, 1.93033326})
	if a.T != 4 {
		t.Fatalf("after lowering the rate: T=%d, want 4", a.T)
	}
}

// TestAdamKernelFollowsTheRule checks the fused Adam kernel of every path
// element by element against Adam's rule written out one parameter at a
// time, each operation rounded to float32 in adamGo's documented order and
// without its shortcut for dead groups, over every tail length and the
// states of adamState: dead runs whose v must still decay, moments about
// to flush and a NaN. TestAdamMatchesPyTorch's three parameters only
// reach the scalar tail, and TestAdamPathsBitIdentical holds the SIMD
// paths to the portable kernel, not the portable kernel to the rule.
func TestAdamKernelFollowsTheRule(t *testing.T) {
	const b1, b2, c1, c2, eps, k = 0.9, 0.999, float32(0.1), float32(0.001), 1e-8, 1.5
	forEachISA(t, func(t *testing.T) {
		for _, n := range kernelSizes {
			rng := rand.New(rand.NewPCG(uint64(n), 8))
			p, g, m, v := adamState(n, rng)
			want := [3][]float32{slices.Clone(p), slices.Clone(m), slices.Clone(v)}
			for step := range 3 {
				s := 1e-3 / float32(step+1)
				adamUpdate(p, slices.Clone(g), m, v, b1, b2, c1, c2, eps, s, k)
				wp, wm, wv := want[0], want[1], want[2]
				for i, gi := range g {
					mi := float32(b1*wm[i]) + float32(c1*gi)
					if math.Abs(float64(mi)) < smallestNormal {
						mi = 0
					}
					vi := float32(b2*wv[i]) + float32(float32(c2*gi)*gi)
					if vi < smallestNormal {
						vi = 0
					}
					wm[i], wv[i] = mi, vi
					wp[i] -= float32(s*mi) / (float32(float32(math.Sqrt(float64(vi)))*k) + eps)
				}
			}
			for j, got := range [3][]float32{p, m, v} {
				for i := range got {
					if math.Float32bits(got[i]) != math.Float32bits(want[j][i]) &&
						!(math.IsNaN(float64(got[i])) && math.IsNaN(float64(want[j][i]))) {
						t.Fatalf("n=%d: %s[%d] = %g, the rule gives %g", n, "pmv"[j:j+1], i, got[i], want[j][i])
					}
				}
			}
		}
	})
}

// TestSGDMatchesPyTorch replays torch.optim.SGD(lr=0.1, momentum=0.9).
func TestSGDMatchesPyTorch(t *testing.T) {
	p := []float32{1, -0.5, 2}
	s := NewSGD(len(p), 0.9)
	want := [][]float32{
		{0.949999988, -0.400000006, 2.0},
		{0.930000007, -0.50999999, 2.0},
		{0.812000036, -0.658999979, 1.70000005},
	}
	for i, g := range optimGrads {
		s.Step(p, slices.Clone(g), 0.1)
		assertParams(t, i+1, p, want[i])
	}
}

func TestPlainSGD(t *testing.T) {
	p := []float32{1, 2}
	NewSGD(2, 0).Step(p, []float32{1, -2}, 0.5)
	assertParams(t, 1, p, []float32{0.5, 3})
}

// TestStepClearsGrads: every optimizer leaves the gradients zero, which is
// what lets training skip ZeroGrad, and Adam does so on every kernel path,
// in live and dead blocks and in the scalar tail alike.
func TestStepClearsGrads(t *testing.T) {
	const n = 53 // whole vectors and a scalar tail
	grads := func() []float32 {
		g := make([]float32, n)
		for i := range g {
			switch i % 3 {
			case 0:
				g[i] = float32(i) - 20
			case 1:
				g[i] = float32(math.Copysign(0, -1))
			}
		}
		clear(g[16:32]) // one whole dead block
		g[17] = float32(math.Copysign(0, -1))
		return g
	}
	cleared := func(t *testing.T, name string, g []float32) {
		t.Helper()
		for i, x := range g {
			if x != 0 {
				t.Fatalf("%s: grads[%d] = %g after Step, want 0", name, i, x)
			}
		}
	}
	forEachISA(t, func(t *testing.T) {
		a := NewAdam(n, 0.9, 0.999, 1e-8)
		for range 2 {
			g := grads()
			a.Step(make([]float32, n), g, 1e-3)
			cleared(t, "adam", g)
		}
	})
	for _, mu := range []float64{0, 0.9} {
		s := NewSGD(n, mu)
		for range 2 { // the first step and a later one take different paths
			g := grads()
			s.Step(make([]float32, n), g, 0.1)
			cleared(t, "sgd", g)
		}
	}
}

// TestPowTableMatchesMathPow checks the bias corrections' powers against
// math.Pow bit for bit, over every step count a long run reaches and
// beyond, for the betas of the presets and a few others, including bases
// whose powers underflow (math.Pow's early exit).
func TestPowTableMatchesMathPow(t *testing.T) {
	var tab powTable
	for _, x := range []float64{0.9, 0.999, 0.5, 0.99, 0.0001, 0.3, 1 - 1e-12, math.Nextafter(1, 0), 5e-324} {
		check := func(n int) {
			if got, want := powStep(&tab, x, n), math.Pow(x, float64(n)); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("pow(%v, %d) = %v, math.Pow gives %v", x, n, got, want)
			}
		}
		for n := 1; n <= 300_000; n++ {
			check(n)
		}
		for n := 1; n < 1<<53; n = n*3 + 1 {
			check(n)
			check(n + 1)
		}
		check(1<<53 - 1)
		check(1 << 53)
		check(1<<53 + 1)
		check(math.MaxInt64)
	}
	for _, x := range []float64{0, 1, 1.5, -0.5, math.NaN()} { // math.Pow itself
		if got, want := powStep(&tab, x, 7), math.Pow(x, 7); math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("pow(%v, 7) = %v, want %v", x, got, want)
		}
	}
}

// TestFlushHarmlessAtMinEps: a gradient of 1e-20 has a second moment
// below 2⁻¹²⁶, flushed to zero at every step; with ε at MinEps Adam and
// RMSprop still move the weight as float64 updates that flush nothing do,
// and an ε below MinEps, against which the flush would show (with ε =
// 1e-30 Adam moved the weight 10⁸ times too far), is refused.
func TestFlushHarmlessAtMinEps(t *testing.T) {
	const g, lr, steps = 1e-20, 1e-3, 10
	adam, rms := NewAdam(1, 0.9, 0.999, MinEps), NewRMSprop(1, 0.99, MinEps)
	pa, pr := []float32{0}, []float32{0}
	var m, v, va, ra, rr float64
	for k := 1; k <= steps; k++ {
		adam.Step(pa, []float32{g}, lr)
		rms.Step(pr, []float32{g}, lr)
		m = 0.9*m + 0.1*g
		v = 0.999*v + 0.001*g*g
		ra -= lr / (1 - math.Pow(0.9, float64(k))) * m / (math.Sqrt(v)/math.Sqrt(1-math.Pow(0.999, float64(k))) + MinEps)
		va = 0.99*va + 0.01*g*g
		rr -= lr * g / (math.Sqrt(va) + MinEps)
	}
	if adam.V[0] != 0 || rms.V[0] != 0 {
		t.Fatalf("second moments %g, %g: the test does not reach the flush", adam.V[0], rms.V[0])
	}
	for _, c := range []struct {
		name     string
		got, ref float64
	}{{"Adam", float64(pa[0]), ra}, {"RMSprop", float64(pr[0]), rr}} {
		if math.Abs(c.got-c.ref) > 1e-6*math.Abs(c.ref) {
			t.Errorf("%s: weight %g, unflushed float64 %g", c.name, c.got, c.ref)
		}
	}
	cfg := vanillaConfig()
	for _, eps := range []float64{MinEps / 2, 1e-30} {
		cfg.Eps = eps
		if err := cfg.Validate(); err == nil || !strings.HasPrefix(err.Error(), "eps: ") {
			t.Errorf("eps %g: %v, want it refused", eps, err)
		}
	}
	cfg.Eps = MinEps
	if err := cfg.Validate(); err != nil {
		t.Errorf("eps at MinEps: %v", err)
	}
}
