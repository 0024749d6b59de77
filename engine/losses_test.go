package engine

import (
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
)

// wganConfig is the wgan preset's design (Arjovsky et al. 2017 on
// vanilla's sizes); the presets package owns the documented copy.
func wganConfig() Config {
	c := vanillaConfig()
	c.Name = "wgan"
	c.Loss = LossWasserstein
	c.DActs = []Activation{LeakyReLU, LeakyReLU, Identity}
	c.DOpt, c.DLR, c.DAlpha = OptimizerRMSprop, 5e-5, 0.99
	c.GOpt, c.GLR, c.GAlpha = OptimizerRMSprop, 5e-5, 0.99
	c.DClip = 0.01
	c.DSteps = 5
	c.DWarmupSteps, c.DWarmupEpochs, c.DWarmupEvery = 100, 25, 500 // the authors' code's warm-up
	return c
}

// vanillaConfig is the vanilla preset's design: D scores single samples.
func vanillaConfig() Config {
	return Config{
		Name: "vanilla", Target: "normal(4,1.25)", Batch: 100,
		Noise: NoiseNormal, NoiseDim: 4, GOut: 1,
		GHidden: []int{16, 16}, GActs: []Activation{LeakyReLU, LeakyReLU, Identity},
		DInput: DInputRaw, DIn: 1,
		DHidden: []int{32, 32}, DActs: []Activation{LeakyReLU, LeakyReLU, Sigmoid},
		LeakySlope: 0.2, Loss: LossBCE, GLoss: GLossNonSaturating, RealLabel: 1,
		DOpt: OptimizerAdam, DLR: 5e-4, DBeta1: 0.5, DBeta2: 0.999,
		GOpt: OptimizerAdam, GLR: 5e-5, GBeta1: 0.5, GBeta2: 0.999,
		Eps: 1e-8, DSteps: 1, GSteps: 1, Epochs: 10000,
	}
}

// newDesigns are the designs this file's techniques make, each a small
// change of vanilla's or blog-original's.
func newDesigns() map[string]Config {
	hinge := vanillaConfig()
	hinge.Loss, hinge.DActs = LossHinge, []Activation{LeakyReLU, LeakyReLU, Identity}
	hist := vanillaConfig()
	hist.Target, hist.DHistAvg, hist.GHistAvg = "mixture(-2,0.5;2,0.5)", 0.01, 0.01
	unrolled := vanillaConfig()
	unrolled.Target, unrolled.Unroll = "mixture(-2,0.5;2,0.5)", 3
	all := wganConfig() // every technique at once, feature matching too
	all.DHistAvg, all.GHistAvg, all.Unroll, all.GLoss, all.GSteps = 0.5, 0.25, 2, GLossFeatureMatching, 2
	sgdHist := blogConfig()
	sgdHist.DOpt, sgdHist.DMomentum, sgdHist.GHistAvg, sgdHist.Unroll = OptimizerSGD, 0.9, 0.1, 1
	gp := wganConfig()
	gp.DClip, gp.GP = 0, 10
	gp.DOpt, gp.DBeta1, gp.DBeta2, gp.GOpt, gp.GBeta1, gp.GBeta2 = OptimizerAdam, 0, 0.9, OptimizerAdam, 0, 0.9
	r1 := vanillaConfig()
	r1.R1 = 1
	r1Ring := vanillaConfig()
	r1Ring.Target, r1Ring.R1, r1Ring.DActs = "ring(8,2,0.02)", 0.5, []Activation{Tanh, ELU, Sigmoid}
	ema := vanillaConfig()
	ema.Target, ema.GEMA = "mixture(-2,0.5;2,0.5)", 0.999
	emaRing := blogConfig() // G emits a whole batch per noise row
	emaRing.GEMA, emaRing.GHistAvg = 0.9, 0.1
	unrolled2 := unrolled // second-order, curved D, historical averaging
	unrolled2.UnrollSecondOrder, unrolled2.DActs, unrolled2.DHistAvg = true, []Activation{Tanh, ELU, Sigmoid}, 0.01
	unrolled2Ring := vanillaConfig() // packed D on a plane, least squares, SGD with momentum
	unrolled2Ring.Target, unrolled2Ring.DIn, unrolled2Ring.Loss = "ring(8,2,0.02)", 2, LossLeastSquares
	unrolled2Ring.DActs = []Activation{LeakyReLU, Tanh, Identity}
	unrolled2Ring.DOpt, unrolled2Ring.DMomentum, unrolled2Ring.Unroll, unrolled2Ring.UnrollSecondOrder = OptimizerSGD, 0.5, 2, true
	unrolled2WGAN := wganConfig() // RMSprop, a critic without clipping
	unrolled2WGAN.DClip, unrolled2WGAN.Unroll, unrolled2WGAN.UnrollSecondOrder = 0, 2, true
	return map[string]Config{"wgan": wganConfig(), "hinge": hinge, "hist": hist, "unrolled": unrolled, "all": all, "sgd-hist-unroll": sgdHist,
		"wgan-gp": gp, "r1": r1, "r1-ring": r1Ring, "ema": ema, "ema-blog-hist": emaRing,
		"unrolled-2nd": unrolled2, "unrolled-2nd-ring-sgd": unrolled2Ring, "unrolled-2nd-wgan": unrolled2WGAN}
}

// TestPenaltyInTraining: a design with a gradient penalty reports it, the
// penalty changes D's updates, and the same run without it differs.
func TestPenaltyInTraining(t *testing.T) {
	for _, name := range []string{"wgan-gp", "r1", "r1-ring"} {
		cfg := newDesigns()[name]
		with := train(t, mustNew(t, cfg, 3), 20)
		if p := with[len(with)-1].Penalty; !(p > 0) {
			t.Errorf("%s: penalty %g after 20 epochs, want > 0", name, p)
		}
		cfg.GP, cfg.R1 = 0, 0
		if cfg.Loss == LossWasserstein {
			cfg.DClip = 0.01
		}
		without := train(t, mustNew(t, cfg, 3), 20)
		if with[19].DReal == without[19].DReal || without[19].Penalty != 0 {
			t.Errorf("%s: the penalty changed nothing, or was reported without one", name)
		}
	}
	for _, edit := range []func(*Config){
		func(c *Config) { c.GP, c.R1 = 10, 1 },
		func(c *Config) { c.GP, c.MBDKernels, c.MBDDim = 10, 4, 3 },
		func(c *Config) { c.R1, c.DInput, c.DIn = 1, DInputDiffs, 100 },
		func(c *Config) { c.GP = -1 },
	} {
		c := vanillaConfig()
		edit(&c)
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "gp") && !strings.Contains(err.Error(), "r1") {
			t.Errorf("%+v: %v, want a gp/r1 error", c, err)
		}
	}
}

// TestNewLossGradients checks the Wasserstein and hinge losses' dL/dy by
// central differences, on both sides of the hinge's kink.
func TestNewLossGradients(t *testing.T) {
	y := []float32{-2, -0.5, 0.3, 1.5, 2.5}
	losses := map[string]func(dst, y []float32) float32{
		"wasserstein(real)": func(d, y []float32) float32 { return Wasserstein(d, y, -1) },
		"wasserstein(fake)": func(d, y []float32) float32 { return Wasserstein(d, y, 1) },
		"hinge(real)":       func(d, y []float32) float32 { return Hinge(d, y, -1) },
		"hinge(fake)":       func(d, y []float32) float32 { return Hinge(d, y, 1) },
	}
	lossGradCheck(t, y, losses)
}

// TestNewLossValues pins the losses and their gradients on a few inputs,
// computed by hand from the formulas.
func TestNewLossValues(t *testing.T) {
	y := []float32{-2, -0.5, 0.3, 1.5, 2.5}
	dst := make([]float32, len(y))
	near := func(a, b float32) bool { return math.Abs(float64(a-b)) <= 1e-6 }
	cases := []struct {
		name string
		loss float32
		want float32
		grad []float32
	}{
		// −mean y = −(−2 − 0.5 + 0.3 + 1.5 + 2.5)/5 = −0.36
		{"wasserstein(real)", Wasserstein(dst, y, -1), -0.36, []float32{-0.2, -0.2, -0.2, -0.2, -0.2}},
		{"wasserstein(fake)", Wasserstein(dst, y, 1), 0.36, []float32{0.2, 0.2, 0.2, 0.2, 0.2}},
		// relu(1 − y): 3, 1.5, 0.7, 0, 0 → 5.2/5
		{"hinge(real)", Hinge(dst, y, -1), 1.04, []float32{-0.2, -0.2, -0.2, 0, 0}},
		// relu(1 + y): 0, 0.5, 1.3, 2.5, 3.5 → 7.8/5
		{"hinge(fake)", Hinge(dst, y, 1), 1.56, []float32{0, 0.2, 0.2, 0.2, 0.2}},
	}
	for _, c := range cases {
		switch c.name { // recompute each gradient: dst is shared
		case "wasserstein(real)":
			Wasserstein(dst, y, -1)
		case "wasserstein(fake)":
			Wasserstein(dst, y, 1)
		case "hinge(real)":
			Hinge(dst, y, -1)
		case "hinge(fake)":
			Hinge(dst, y, 1)
		}
		if !near(c.loss, c.want) {
			t.Errorf("%s = %.7g, want %g", c.name, c.loss, c.want)
		}
		for i := range dst {
			if !near(dst[i], c.grad[i]) {
				t.Errorf("%s: dL/dy = %v, want %v", c.name, dst, c.grad)
				break
			}
		}
	}
	// At the kink, y = 1 on real data, the gradient is 0 as PyTorch's relu gives.
	if l := Hinge(dst[:1], []float32{1}, -1); l != 0 || dst[0] != 0 {
		t.Errorf("hinge at the kink: %g, %g; want 0, 0", l, dst[0])
	}
	nan := float32(math.NaN())
	if l := Hinge(dst[:1], []float32{nan}, 1); l == l {
		t.Errorf("hinge(NaN) = %g, want NaN so that divergence is seen", l)
	}
	if l := Wasserstein(dst[:1], []float32{nan}, 1); l == l {
		t.Errorf("wasserstein(NaN) = %g, want NaN", l)
	}
}

// TestRMSpropMatchesPyTorch replays torch.optim.RMSprop(lr=0.01) (α 0.99,
// ε 1e-8, PyTorch 1.13's defaults) on the same gradients as Adam's test.
// The expected values follow PyTorch's operations, each rounded to
// float32 in its order (square_avg.mul_(α).addcmul_(g, g, value=1−α);
// param.addcdiv_(g, square_avg.sqrt().add_(ε), value=−lr)), worked out
// by hand in float64 with float32 rounding after each operation, and
// torch 1.13.1 prints the same nine digits for every parameter and mean
// square (torch.optim.RMSprop on a tensor [1, −0.5, 2], the same
// gradients, lr lowered to 0.001 for the last step). The last step lowers
// the learning rate, which keeps the mean square.
func TestRMSpropMatchesPyTorch(t *testing.T) {
	p := []float32{1, -0.5, 2}
	r := NewRMSprop(len(p), 0.99, 1e-8)
	want := [][]float32{
		{0.900000036, -0.400000006, 2.0},
		{0.944901347, -0.489532292, 2.0},
		{0.857427359, -0.511479616, 1.89999998},
	}
	wantV := []float32{0.0130690001, 0.0519010015, 0.0899999961}
	for i, g := range optimGrads {
		r.Step(p, slices.Clone(g), 0.01)
		assertParams(t, i+1, p, want[i])
	}
	for i := range wantV {
		if r.V[i] != wantV[i] {
			t.Fatalf("mean square %v, want %v", r.V, wantV)
		}
	}
	r.Step(p, []float32{0.3, 0.3, 0.3}, 0.001)
	assertParams(t, 4, p, []float32{0.854877114, -0.512791634, 1.89899993})
}

// TestRMSpropFlushesDenormals: after long stretches of zero gradients
// the mean square ends exactly zero rather than denormal, and the
// parameters agree with a float64 RMSprop that flushes nothing.
func TestRMSpropFlushesDenormals(t *testing.T) {
	const steps = 30000
	p := []float32{0.3, -0.7}
	r := NewRMSprop(2, 0.99, 1e-8)
	ref := []float64{0.3, -0.7}
	var v [2]float64
	for k := 1; k <= steps; k++ {
		g := []float32{0, 0}
		if k <= 20 {
			g = []float32{0.01 * float32(k), -0.02}
		}
		r.Step(p, slices.Clone(g), 1e-3)
		for i := range ref {
			gi := float64(g[i])
			v[i] = 0.99*v[i] + 0.01*gi*gi
			ref[i] -= 1e-3 * gi / (math.Sqrt(v[i]) + 1e-8)
		}
	}
	for i := range p {
		if math.Abs(float64(p[i])-ref[i]) > 1e-5 {
			t.Errorf("param %d = %.8f, unflushed float64 RMSprop gives %.8f", i, p[i], ref[i])
		}
		if r.V[i] != 0 {
			t.Errorf("v[%d] = %g after %d zero gradients, want flushed to 0", i, r.V[i], steps-20)
		}
	}
	g := []float32{1, 2}
	r.Step(p, g, 0.1)
	if g[0] != 0 || g[1] != 0 {
		t.Errorf("RMSprop left gradients %v, want them cleared", g)
	}
}

// cost returns λ‖θ − θ̄‖², the term's value: training needs only its
// gradient (addGrad), this test its value.
func (h *paramMean) cost(params []float32, lambda float64) float64 {
	var s float64
	for i, p := range params {
		d := float64(p) - h.Mean[i]
		s += d * d
	}
	return lambda * s
}

// TestGPInterpolatesPerRow: WGAN-GP's penalty is taken at x̂_r =
// ε_r·x_r + (1 − ε_r)·x̃_r with a fresh ε_r ~ U[0, 1] for every row
// (Gulrajani et al. 2017, Algorithm 1, line 6), between the real and the
// generated batch of the D update. The penalty's own tests take ε as
// given; a fixed ε (the midpoints only) trained without a failing test.
func TestGPInterpolatesPerRow(t *testing.T) {
	g := mustNew(t, newDesigns()["wgan-gp"], 3)
	g.StepD()
	rows, n := g.dRows, g.disc.InSize()
	eps := g.gpEps[:rows]
	lo, hi, sum := eps[0], eps[0], 0.0
	for _, e := range eps {
		if !(e >= 0 && e < 1) {
			t.Fatalf("ε = %g, want in [0, 1)", e)
		}
		lo, hi, sum = min(lo, e), max(hi, e), sum+float64(e)
	}
	if lo > 0.1 || hi < 0.9 || math.Abs(sum/float64(rows)-0.5) > 0.1 {
		t.Fatalf("the %d rows' ε span [%g, %g] with mean %g: not U[0, 1] draws", rows, lo, hi, sum/float64(rows))
	}
	for r, e := range eps {
		for i := range n {
			k := r*n + i
			if want := e*g.real[k] + (1-e)*g.fake[k]; g.penalty.xhat[k] != want {
				t.Fatalf("row %d: x̂[%d] = %g, want ε·real + (1 − ε)·fake = %g", r, i, g.penalty.xhat[k], want)
			}
		}
	}
}

// TestHistoricalAveragingGradient checks the term λ‖θ − θ̄‖²'s gradient
// against central differences of its value, and the incremental mean
// against the direct mean (1/t) Σ θ_i of the same parameter vectors.
func TestHistoricalAveragingGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	params := make([]float32, 7)
	for i := range params {
		params[i] = float32(rng.NormFloat64())
	}
	h := newParamMean(params)
	sum := make([]float64, len(params))
	for i, p := range params {
		sum[i] = float64(p)
	}
	const steps = 500
	for range steps - 1 {
		for i := range params {
			params[i] += float32(0.1 * rng.NormFloat64())
			sum[i] += float64(params[i])
		}
		h.record(params)
	}
	if h.N != steps {
		t.Fatalf("the mean counts %d vectors, want %d", h.N, steps)
	}
	for i := range sum {
		if want := sum[i] / steps; math.Abs(h.Mean[i]-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Errorf("mean[%d] = %.15g, the direct mean is %.15g", i, h.Mean[i], want)
		}
	}
	const lambda = 0.37
	grads := make([]float32, len(params))
	grads[0] = 1 // addGrad adds to what is there
	h.addGrad(params, grads, lambda)
	grads[0]--
	for i := range params {
		const step = 1e-3
		old := params[i]
		params[i] = old + step
		up := h.cost(params, lambda)
		params[i] = old - step
		down := h.cost(params, lambda)
		params[i] = old
		checkClose(t, "d(λ‖θ − θ̄‖²)/dθ", i, float64(grads[i]), (up-down)/(2*step))
		if want := 2 * lambda * (float64(params[i]) - h.Mean[i]); math.Abs(float64(grads[i])-want) > 1e-6 {
			t.Errorf("grad[%d] = %g, want 2λ(θ − θ̄) = %g", i, grads[i], want)
		}
	}
}

// TestClipBoundsD: with d_clip every parameter of D stays in [−c, c]
// after each of D's updates, and G's parameters are not clipped.
func TestClipBoundsD(t *testing.T) {
	cfg := wganConfig()
	cfg.DLR = 0.05 // large steps, so the clip binds
	g := mustNew(t, cfg, 3)
	for range 3 {
		g.StepD()
		for i, p := range g.disc.Params {
			if p < -0.01 || p > 0.01 {
				t.Fatalf("D's parameter %d = %g after a step, outside ±0.01", i, p)
			}
		}
	}
	bound := 0
	for _, p := range g.disc.Params {
		if p == 0.01 || p == -0.01 {
			bound++
		}
	}
	if bound == 0 {
		t.Error("no parameter of D sits at the clip: the test does not exercise it")
	}
	big := false
	for _, p := range g.gen.Params {
		big = big || math.Abs(float64(p)) > 0.01
	}
	if !big {
		t.Error("G's parameters are all within ±0.01: clipped too?")
	}
}

// TestUnrollRestoresD: a G step that unrolls D leaves D's parameters and
// optimizer state exactly as they were, moves G differently from a step
// that does not unroll, and consumes the random stream of k D updates.
func TestUnrollRestoresD(t *testing.T) {
	cfg := vanillaConfig()
	cfg.Unroll = 4
	g := mustNew(t, cfg, 5)
	train(t, g, 3)
	params := slices.Clone(g.disc.Params)
	opt := g.dOpt.(*Adam)
	m, v, steps := slices.Clone(opt.M), slices.Clone(opt.V), opt.T
	g.StepG()
	if !slices.Equal(g.disc.Params, params) || !slices.Equal(opt.M, m) || !slices.Equal(opt.V, v) || opt.T != steps {
		t.Fatal("unrolling left D changed")
	}
	for i, x := range g.disc.Grads {
		if x != 0 {
			t.Fatalf("unrolling left D's gradient %d at %g, want 0", i, x)
		}
	}

	// The same G step by hand: k D updates, G's gradient through that D,
	// then D put back.
	a, b := mustNew(t, cfg, 5), mustNew(t, cfg, 5)
	train(t, a, 3)
	train(t, b, 3)
	b.cfg.Unroll = 0
	saved := slices.Clone(b.disc.Params)
	savedOpt := NewAdam(len(saved), cfg.DBeta1, cfg.DBeta2, cfg.Eps)
	copyOptimizer(savedOpt, b.dOpt)
	for range cfg.Unroll {
		b.StepD()
	}
	lossB := b.StepG()
	copy(b.disc.Params, saved)
	copyOptimizer(b.dOpt, savedOpt)
	lossA := a.StepG()
	if lossA != lossB || !slices.Equal(a.gen.Params, b.gen.Params) || !slices.Equal(a.disc.Params, b.disc.Params) {
		t.Fatal("an unrolled G step differs from k D steps, a G step and D restored")
	}
	c := mustNew(t, cfg, 5)
	train(t, c, 3)
	c.cfg.Unroll = 0
	c.StepG()
	if slices.Equal(c.gen.Params, a.gen.Params) {
		t.Fatal("unrolling did not change G's step")
	}
}

// TestNewDesignsAreDeterministic: the same seed repeats itself exactly,
// and another seed does not.
func TestNewDesignsAreDeterministic(t *testing.T) {
	for name, cfg := range newDesigns() {
		a, b, c := mustNew(t, cfg, 7), mustNew(t, cfg, 7), mustNew(t, cfg, 8)
		ha, hb, hc := train(t, a, 10), train(t, b, 10), train(t, c, 10)
		if !slices.Equal(ha, hb) || !slices.Equal(a.gen.Params, b.gen.Params) {
			t.Errorf("%s: the same seed gave different runs", name)
		}
		if slices.Equal(ha, hc) {
			t.Errorf("%s: seeds 7 and 8 gave the same run", name)
		}
	}
}

// TestTrainEpochAllocatesNothing: the hot path allocates nothing, with
// the new losses, RMSprop, clipping, historical averaging and unrolling
// as without them.
func TestTrainEpochAllocatesNothing(t *testing.T) {
	designs := newDesigns()
	designs["blog"] = blogConfig()
	designs["vanilla"] = vanillaConfig()
	for name, cfg := range designs {
		g := mustNew(t, cfg, 1)
		train(t, g, 2)
		if n := testing.AllocsPerRun(5, func() {
			if _, err := g.TrainEpoch(); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("%s: TrainEpoch allocates %g times an epoch", name, n)
		}
	}
}

// TestNewFieldsValidate: each new field's range is enforced, and the
// message names the field.
func TestNewFieldsValidate(t *testing.T) {
	for _, c := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.DActs[2] = Sigmoid }, "d_acts: loss wasserstein needs D's output activation"},
		{func(c *Config) { c.Loss = LossHinge; c.DActs[2] = Tanh }, "d_acts: loss hinge needs"},
		{func(c *Config) { c.RealLabel = 0.9 }, "real_label: loss wasserstein has no labels"},
		{func(c *Config) { c.DClip = -0.01 }, "d_clip: -0.01 out of range"},
		{func(c *Config) { c.DClip = 1e-50 }, "d_clip: 1e-50 is too near 0 for the float32"},
		{func(c *Config) { c.DAlpha = 1 }, "d_alpha: 1 out of range [0,1)"},
		{func(c *Config) { c.GAlpha = -0.1 }, "g_alpha: -0.1 out of range [0,1)"},
		{func(c *Config) { c.DAlpha = 0 }, "d_alpha: 0 out of range (0,1) for rmsprop"},
		{func(c *Config) { c.DHistAvg = math.NaN() }, "d_hist_avg: NaN out of range"},
		{func(c *Config) { c.GHistAvg = 2000 }, "g_hist_avg: 2000 out of range: 0 (off) or (0,1000]"},
		{func(c *Config) { c.Unroll = MaxUnroll + 1 }, "unroll: 21 out of range 0..20"},
		{func(c *Config) { c.Unroll = -1 }, "unroll: -1 out of range"},
		{func(c *Config) { c.GEMA = 1 }, "g_ema: 1 out of range: 0 (off) or (0,1)"},
		{func(c *Config) { c.GEMA = 0.999999999 }, "g_ema: 0.999999999 out of range"}, // 1 in float32
		{func(c *Config) { c.GEMA = -0.5 }, "g_ema: -0.5 out of range"},
		{func(c *Config) { c.GEMA = math.NaN() }, "g_ema: NaN out of range"},
	} {
		cfg := wganConfig()
		c.edit(&cfg)
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want an error containing %q", err, c.want)
		}
	}
	for _, edit := range []func(*Config){
		func(c *Config) { c.DClip = 0 }, // a critic without clipping, e.g. under a gradient penalty
		func(c *Config) { c.GLoss = GLossFeatureMatching },
		func(c *Config) { c.DOpt, c.DAlpha, c.DHistAvg, c.Unroll = OptimizerAdam, 0, 1000, MaxUnroll },
	} {
		cfg := wganConfig()
		edit(&cfg)
		if err := cfg.Validate(); err != nil {
			t.Errorf("a valid design refused: %v", err)
		}
	}
	cfg := wganConfig()
	cfg.Loss = LossBCE // a sigmoid-less D under BCE stays refused
	if err := cfg.Validate(); err == nil {
		t.Error("bce with an identity output validated")
	}
}

// TestOutlineNamesNewSettings: the outline mentions RMSprop, clipping,
// unrolling and historical averaging when they are on.
func TestOutlineNamesNewSettings(t *testing.T) {
	cfg := wganConfig()
	cfg.Unroll, cfg.DHistAvg, cfg.GEMA = 5, 0.1, 0.999
	text := numtext.Plain(strings.Join(cfg.Outline(), "\n"))
	for _, want := range []string{"wasserstein", "rmsprop lr 5e-5 α 0.99", "clipped to ±0.01", "5 D steps ahead", "historical averaging D 0.1, G 0",
		"moving average (β 0.999)"} {
		if !strings.Contains(text, want) {
			t.Errorf("outline lacks %q:\n%s", want, text)
		}
	}
	v := vanillaConfig()
	plain := numtext.Plain(strings.Join(v.Outline(), "\n"))
	for _, unwanted := range []string{"clipped", "unrolled", "historical", "moving average"} {
		if strings.Contains(plain, unwanted) {
			t.Errorf("vanilla's outline mentions %q:\n%s", unwanted, plain)
		}
	}
}

// TestOutlineNamesTheSlopeAndEps: the outline, which --list-presets prints as a
// preset's configuration, gives a leaky ReLU its slope and a design's ε where
// it is not PyTorch's: vanilla's leaky ReLUs do not read leaky_relu, as
// PyTorch's LeakyReLU() of slope 0.01 where the design's is 0.2, and --set
// eps=1e-6 changes what the outline says.
func TestOutlineNamesTheSlopeAndEps(t *testing.T) {
	v := vanillaConfig() // leaky ReLUs of slope 0.2
	text := numtext.Plain(strings.Join(v.Outline(), "\n"))
	for _, want := range []string{"(leaky_relu 0.2, leaky_relu 0.2, identity)", "(leaky_relu 0.2, leaky_relu 0.2, sigmoid)"} {
		if !strings.Contains(text, want) {
			t.Errorf("outline lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "ε") {
		t.Errorf("outline names PyTorch's ε 1e-8:\n%s", text)
	}
	v.Eps = 1e-6
	if text := numtext.Plain(strings.Join(v.Outline(), "\n")); !strings.Contains(text, "G adam lr 5e-5 β (0.5, 0.999), ε 1e-6") {
		t.Errorf("outline of eps=1e-6 lacks ε 1e-6:\n%s", text)
	}
	b := blogConfig() // ReLU, its unused slope unsaid
	if text := numtext.Plain(strings.Join(b.Outline(), "\n")); strings.Contains(text, "leaky") || strings.Contains(text, "0.01") {
		t.Errorf("blog-original's outline names a slope:\n%s", text)
	}
	b.DOpt, b.GOpt, b.Eps = OptimizerSGD, OptimizerSGD, 1e-6 // SGD has no ε
	if text := numtext.Plain(strings.Join(b.Outline(), "\n")); strings.Contains(text, "ε") {
		t.Errorf("an SGD design's outline names ε:\n%s", text)
	}
}

// TestOutlineGroupsItsCounts: the outline writes every count as the
// screen's header does, thousands grouped (FormatInt): it said "5000
// epochs" under a header's "5,000".
func TestOutlineGroupsItsCounts(t *testing.T) {
	cfg := vanillaConfig()
	cfg.Epochs, cfg.Batch, cfg.NoiseDim, cfg.GHidden, cfg.DHidden = 30000, 2000, 1000, []int{2000, 1024}, []int{4096}
	cfg.DSteps, cfg.GSteps, cfg.Unroll, cfg.MBDKernels, cfg.MBDDim = 1000, 2000, 1000, 1000, 1000
	cfg.DIn, cfg.GOut = 2000, 1000
	cfg.GBeta2 = 0.9999                                      // a fraction's digits are no count
	text := numtext.Plain(strings.Join(cfg.Outline(), "\n")) // the screen keeps labels with values by non-breaking spaces
	for _, want := range []string{"30,000 epochs", "batch 2,000", "1,000 ", "→ 2,000 → 1,024 →", "→ 4,096 →", "1,000 D + 2,000 G steps", "looks 1,000 D steps", "1,000×1,000", "row of 2,000 samples", "2 rows of 1,000 samples", "0.9999"} {
		if !strings.Contains(text, want) {
			t.Errorf("outline lacks %q:\n%s", want, text)
		}
	}
	if ungrouped := regexp.MustCompile(`(^|[^0-9.,])[0-9]{4,}`).FindString(text); ungrouped != "" {
		t.Errorf("outline writes %q ungrouped:\n%s", ungrouped, text)
	}
}

// TestOutlineSaysOneEpoch: a plan of one epoch is "1 epoch" in the outline
// (numtext.Count), not "1 epochs".
func TestOutlineSaysOneEpoch(t *testing.T) {
	cfg := vanillaConfig()
	cfg.Epochs = 1
	text := numtext.Plain(strings.Join(cfg.Outline(), "\n"))
	if !strings.Contains(text, "steps per epoch, 1 epoch") || strings.Contains(text, "1 epochs") {
		t.Errorf("outline of a one-epoch plan:\n%s", text)
	}
}

// TestNoHiddenLayerNeedsOneActivation: a G of no hidden layer needs "1
// activation", the output's, not "need 1 activations".
func TestNoHiddenLayerNeedsOneActivation(t *testing.T) {
	cfg := vanillaConfig()
	cfg.GHidden, cfg.GActs = []int{}, cfg.GActs[:2]
	want := "g_acts: need 1 activation (one per hidden layer of g_hidden and one for the output), got 2"
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error containing %q", err, want)
	}
}

// TestOutlineWritesLearningRatesAsTheSettings: the design's outline, which
// the trainer's ? page shows beside its settings and --list-presets
// prints, writes each learning rate as the settings do (FormatLR): it
// said "lr 0.0005" for D beside "lr 5e-5" for G, and the settings 5e-4.
func TestOutlineWritesLearningRatesAsTheSettings(t *testing.T) {
	for _, c := range []struct {
		d, g float64
		opt  OptimizerKind
		want string
	}{
		{5e-4, 5e-5, OptimizerAdam, "D adam lr 5e-4 β (0.5, 0.999), G adam lr 5e-5 β (0.5, 0.999)"},
		{1e-3, 2e-4, OptimizerSGD, "D sgd lr 1e-3 momentum 0, G sgd lr 2e-4 momentum 0"},
		{0.5, 1.5e-4, OptimizerRMSprop, "D rmsprop lr 0.5 α 0.99, G rmsprop lr 1.5e-4 α 0.99"},
	} {
		cfg := vanillaConfig()
		cfg.DLR, cfg.GLR, cfg.DOpt, cfg.GOpt = c.d, c.g, c.opt, c.opt
		cfg.DMomentum, cfg.GMomentum, cfg.DAlpha, cfg.GAlpha = 0, 0, 0.99, 0.99
		text := numtext.Plain(strings.Join(cfg.Outline(), "\n"))
		if !strings.Contains(text, c.want) {
			t.Errorf("outline lacks %q:\n%s", c.want, text)
		}
		for _, lr := range []float64{c.d, c.g} {
			if !strings.Contains(text, "lr "+FormatLR(lr)+" ") {
				t.Errorf("outline does not write lr %g as %s:\n%s", lr, FormatLR(lr), text)
			}
		}
	}
}

// TestCheckpointRefusesMismatchedOptimizer: a checkpoint whose
// configuration asks for RMSprop but whose state is marked Adam's is
// refused, as is a historical mean with a count of 0.
func TestCheckpointRefusesMismatchedOptimizer(t *testing.T) {
	cfg := wganConfig()
	cfg.GHistAvg = 0.1
	g := mustNew(t, cfg, 2)
	train(t, g, 2)
	good, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	optKind := func(rest []byte) int { // G's optimizer kind byte
		rng := int(binary.LittleEndian.Uint32(rest[16:]))
		return 16 + 4 + rng + 4 + 4*len(g.gen.Params) + 4 + 4*len(g.disc.Params)
	}
	histCount := func(rest []byte) int { // G's historical count: after both optimizers, RMSprop's kind and mean square
		return optKind(rest) + 2*(1+4) + 4*len(g.gen.Params) + 4*len(g.disc.Params)
	}
	if _, err := Restore(forge(t, good, func(cfg, rest []byte) ([]byte, []byte) { return cfg, rest })); err != nil {
		t.Fatalf("an untouched checkpoint: %v", err)
	}
	for name, edit := range map[string]func(cfg, rest []byte) ([]byte, []byte){
		"adam marked": func(cfg, rest []byte) ([]byte, []byte) {
			if rest[optKind(rest)] != optRMSprop {
				t.Fatalf("byte %d is %d, not RMSprop's kind", optKind(rest), rest[optKind(rest)])
			}
			rest[optKind(rest)] = optAdam
			return cfg, rest
		},
		"sgd in the configuration": func(cfg, rest []byte) ([]byte, []byte) {
			return []byte(strings.Replace(string(cfg), `"g_opt":"rmsprop"`, `"g_opt":"sgd"`, 1)), rest
		},
		"empty mean": func(cfg, rest []byte) ([]byte, []byte) {
			binary.LittleEndian.PutUint64(rest[histCount(rest):], 0)
			return cfg, rest
		},
		"no mean": func(cfg, rest []byte) ([]byte, []byte) {
			return cfg, rest[:histCount(rest)]
		},
	} {
		var ce *CheckpointError
		if _, err := Restore(forge(t, good, edit)); !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *CheckpointError", name, err)
		}
	}
	if r, err := Restore(good); err != nil || r.gHist.N != g.gHist.N || !slices.Equal(r.gHist.Mean, g.gHist.Mean) {
		t.Fatalf("the historical mean did not round-trip: %v", err)
	}
}

// TestOldCheckpointsLoad: a checkpoint written before the new fields
// existed (its configuration lacks them) loads with them off.
func TestOldCheckpointsLoad(t *testing.T) {
	good := validCheckpoint(t)
	old := forge(t, good, func(cfg, rest []byte) ([]byte, []byte) {
		s := string(cfg)
		for _, key := range []string{"d_clip", "d_alpha", "g_alpha", "d_hist_avg", "g_hist_avg", "g_ema", "unroll", "unroll_second_order"} {
			i := strings.Index(s, `"`+key+`":`)
			if i < 0 {
				t.Fatalf("the configuration lacks %s: %s", key, s)
			}
			j := i + strings.IndexAny(s[i:], ",}")
			if s[j] == ',' {
				j++
			}
			s = s[:i] + s[j:]
		}
		return []byte(s), rest
	})
	g, err := Restore(old)
	if err != nil {
		t.Fatal(err)
	}
	if c := g.Config(); c.DClip != 0 || c.Unroll != 0 || c.UnrollSecondOrder || c.DHistAvg != 0 || c.GHistAvg != 0 || c.GEMA != 0 || g.dHist != nil || g.savedD != nil || g.unroll != nil || g.gEMA != nil {
		t.Fatalf("an old checkpoint loaded with new techniques on: %+v", c)
	}
	train(t, g, 2)
}

// TestMovingAverage: with g_ema the run trains exactly as without it,
// the average follows θ̄ ← θ̄ + (1 − β_t)(θ − θ̄) with β_t = min(β,
// (1+t)/(10+t)) after every G update (checked in float64 from G's own
// parameters), and Sample and GCurve draw from the average, not from G.
func TestMovingAverage(t *testing.T) {
	const beta = 0.98
	cfg := vanillaConfig()
	cfg.NoiseDim, cfg.GSteps = 1, 2 // a curve to draw; two G updates an epoch
	cfg.GEMA = beta
	ema, plain := mustNew(t, cfg, 5), mustNew(t, func() Config { c := cfg; c.GEMA = 0; return c }(), 5)
	if !slices.Equal(ema.gEMA.Net.Params, ema.gen.Params) {
		t.Fatal("the average does not start at G's initial weights")
	}
	want := make([]float64, len(ema.gen.Params))
	for i, p := range ema.gen.Params {
		want[i] = float64(p)
	}
	updates := 0
	for range 200 {
		for range cfg.DSteps {
			ema.StepD()
			plain.StepD()
		}
		for range cfg.GSteps {
			if a, b := ema.StepG(), plain.StepG(); a != b {
				t.Fatalf("update %d: G's loss %g with the average, %g without: training changed", updates, a, b)
			}
			updates++
			bt := min(beta, float64(1+updates)/float64(10+updates))
			for i, p := range ema.gen.Params {
				want[i] += (1 - bt) * (float64(p) - want[i])
			}
		}
		ema.epoch++
		plain.epoch++
	}
	if !slices.Equal(ema.gen.Params, plain.gen.Params) || !slices.Equal(ema.disc.Params, plain.disc.Params) {
		t.Fatal("the average changed training")
	}
	if ema.gEMA.N != updates {
		t.Fatalf("the average counts %d updates, want %d", ema.gEMA.N, updates)
	}
	var worst float64
	for i, a := range ema.gEMA.Net.Params {
		worst = max(worst, math.Abs(float64(a)-want[i])/max(1e-3, math.Abs(want[i])))
	}
	if worst > 1e-5 {
		t.Fatalf("the average is %.2g (relative) from the float64 rule", worst)
	}
	if slices.Equal(ema.gEMA.Net.Params, ema.gen.Params) {
		t.Fatal("after 400 updates the average equals G: it is not averaging")
	}

	// Sampling: the average's samples are those of a G holding its weights.
	copy(plain.gen.Params, ema.gEMA.Net.Params)
	a, b := make([]float64, 300), make([]float64, 300)
	ema.Sample(a, 9)
	plain.Sample(b, 9)
	if !slices.Equal(a, b) {
		t.Fatal("Sample does not draw from the average")
	}
	zs := []float64{-2, -0.5, 0, 1, 2.5}
	ca, cb := make([]float64, len(zs)), make([]float64, len(zs))
	if !ema.GCurve(ca, zs) || !plain.GCurve(cb, zs) || !slices.Equal(ca, cb) {
		t.Fatal("GCurve does not draw the average")
	}
}

// TestCheckpointRefusesBadAverage: a checkpoint whose moving average
// claims more updates than any run makes, or lacks its weights, is
// refused.
func TestCheckpointRefusesBadAverage(t *testing.T) {
	cfg := vanillaConfig()
	cfg.GEMA = 0.99
	g := mustNew(t, cfg, 2)
	train(t, g, 3)
	good, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	count := func(rest []byte) int { return len(rest) - (8 + 4 + 4*len(g.gen.Params)) }
	for name, edit := range map[string]func(cfg, rest []byte) ([]byte, []byte){
		"count": func(cfg, rest []byte) ([]byte, []byte) {
			binary.LittleEndian.PutUint64(rest[count(rest):], MaxUpdates+1)
			return cfg, rest
		},
		"no weights": func(cfg, rest []byte) ([]byte, []byte) { return cfg, rest[:count(rest)+8] },
		"turned off": func(cfg, rest []byte) ([]byte, []byte) {
			return []byte(strings.Replace(string(cfg), `"g_ema":0.99`, `"g_ema":0`, 1)), rest
		},
	} {
		var ce *CheckpointError
		if _, err := Restore(forge(t, good, edit)); !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *CheckpointError", name, err)
		}
	}
	r, err := Restore(good)
	if err != nil || r.gEMA.N != g.gEMA.N || !slices.Equal(r.gEMA.Net.Params, g.gEMA.Net.Params) {
		t.Fatalf("the moving average did not round-trip: %v", err)
	}
}

// TestFormatLR: learning rates as the 1-2-5 ladder of the settings reads
// them, exact below 0.1.
func TestFormatLR(t *testing.T) {
	for lr, want := range map[float64]string{
		1e-3: "1e-3", 2e-4: "2e-4", 5e-4: "5e-4", 1.5e-4: "1.5e-4", 1e-6: "1e-6",
		0.1: "0.1", 0.5: "0.5", 1: "1", 10: "10",
	} {
		if got := FormatLR(lr); got != want {
			t.Errorf("FormatLR(%g) = %q, want %q", lr, got, want)
		}
	}
}

// TestOutlineSaysAPackedDPacks: a 1-D D that reads the samples of several noise
// draws (PacGAN's packing, bimodal-pacgan) is outlined as packed, as a 2-D one
// is, not "row of 2 samples", the words of blog-original's D, which reads one
// row G emits whole.
func TestOutlineSaysAPackedDPacks(t *testing.T) {
	packed := vanillaConfig()
	packed.DIn = 2
	if text := numtext.Plain(strings.Join(packed.Outline(), "\n")); !strings.Contains(text, "D  2 samples packed (PacGAN) →") {
		t.Errorf("a packed D's outline:\n%s", text)
	}
	blog := blogConfig()
	if text := numtext.Plain(strings.Join(blog.Outline(), "\n")); !strings.Contains(text, "D  row of 100 samples →") {
		t.Errorf("blog-original's D's outline:\n%s", text)
	}
}
