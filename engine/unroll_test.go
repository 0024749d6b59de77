package engine

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
)

// unrollConfig is a small design for checking the second-order unrolled
// GAN: G 2 → 8 → 1 (tanh), D 1 → 8 → 8 → 1 (tanh, tanh, sigmoid), BCE,
// Adam with a large rate for D so that D's updates move it, 3 unrolled
// updates, second-order.
func unrollConfig() Config {
	return Config{
		Name: "unroll2", Target: "mixture(-2,0.5;2,0.5)", Batch: 16,
		Noise: NoiseNormal, NoiseDim: 2, GOut: 1,
		GHidden: []int{8}, GActs: []Activation{Tanh, Identity},
		DInput: DInputRaw, DIn: 1,
		DHidden: []int{8, 8}, DActs: []Activation{Tanh, Tanh, Sigmoid},
		LeakySlope: 0.2, Loss: LossBCE, GLoss: GLossNonSaturating, RealLabel: 1,
		DOpt: OptimizerAdam, DLR: 0.02, DBeta1: 0.5, DBeta2: 0.999, DAlpha: 0.99,
		GOpt: OptimizerAdam, GLR: 1e-3, GBeta1: 0.5, GBeta2: 0.999, GAlpha: 0.99,
		Eps: 1e-8, DSteps: 1, GSteps: 1, Unroll: 3, UnrollSecondOrder: true, Epochs: 100,
	}
}

// unrollCases are the designs the surrogate gradient is checked on: each
// loss, each curved and piecewise-linear activation, each optimizer,
// k = 1, 2, 3, historical averaging, a packed D on a plane, G emitting
// several samples per row, one row per batch, and layers wide enough for
// the kernels' vector paths.
func unrollCases() map[string]Config {
	cases := map[string]func(c *Config){
		"bce-tanh-adam-k3": func(c *Config) {},
		"bce-elu-k2":       func(c *Config) { c.DActs[0], c.DActs[1], c.Unroll = ELU, ELU, 2 },
		"bce-sigmoid-k1":   func(c *Config) { c.DActs[0], c.DActs[1], c.Unroll = Sigmoid, Sigmoid, 1 },
		"bce-leaky-k2":     func(c *Config) { c.DActs[0], c.DActs[1], c.Unroll = LeakyReLU, LeakyReLU, 2 },
		"bce-relu-elu-g": func(c *Config) {
			c.DActs[0], c.DActs[1] = ReLU, ReLU
			c.GActs[0] = ELU
		},
		"minimax-smoothed": func(c *Config) { c.GLoss, c.RealLabel = GLossMinimax, 0.9 },
		"lsgan-elu":        func(c *Config) { c.Loss, c.DActs = LossLeastSquares, []Activation{ELU, ELU, Identity} },
		"wgan-rmsprop": func(c *Config) {
			c.Loss, c.DActs = LossWasserstein, []Activation{Tanh, Tanh, Identity}
			c.DOpt, c.DLR, c.Unroll = OptimizerRMSprop, 0.005, 2
		},
		"hinge-tanh": func(c *Config) { c.Loss, c.DActs = LossHinge, []Activation{Tanh, Tanh, Identity} },
		"ring-packed": func(c *Config) {
			c.Target, c.DIn, c.Batch = "ring(8,2,0.02)", 2, 32
		},
		"sgd-momentum-hist": func(c *Config) {
			c.DOpt, c.DMomentum, c.DLR, c.DHistAvg = OptimizerSGD, 0.9, 0.1, 0.1
		},
		"sgd-plain-k2":  func(c *Config) { c.DOpt, c.DMomentum, c.DLR, c.Unroll = OptimizerSGD, 0, 0.2, 2 },
		"adam-hist":     func(c *Config) { c.DHistAvg = 0.5 },
		"g-out-2-d-in4": func(c *Config) { c.GOut, c.DIn = 2, 4 },
		"one-row":       func(c *Config) { c.GOut, c.DIn = 16, 16 }, // G and D see a batch as one row
		"wide": func(c *Config) { // the kernels' wide and aligned paths
			c.Batch, c.GHidden, c.DHidden, c.DLR = 64, []int{24}, []int{40, 20}, 0.01
		},
	}
	out := map[string]Config{}
	for name, edit := range cases {
		c := unrollConfig()
		edit(&c)
		out[name] = c
	}
	return out
}

// refLayer is a dense layer of an engine network, for the float64
// reference.
type refLayer struct {
	in, out int
	act     Activation
	slope   float64
}

func refLayersOf(net *Network) []refLayer {
	var ls []refLayer
	for _, l := range net.Layers {
		d := l.(*Dense)
		ls = append(ls, refLayer{d.In, d.Out, d.Act, float64(d.Slope)})
	}
	return ls
}

// refForward runs x (rows × the first layer's width) through the layers
// with parameters p and returns each layer's input as[k] (as[L] the
// output) and pre-activation zs[k].
func refForward(ls []refLayer, p, x []float64, rows int) (as, zs [][]float64) {
	as = [][]float64{x}
	off := 0
	for _, l := range ls {
		w, b := p[off:off+l.out*l.in], p[off+l.out*l.in:off+l.out*l.in+l.out]
		in := as[len(as)-1]
		z, a := make([]float64, rows*l.out), make([]float64, rows*l.out)
		for r := range rows {
			for o := range l.out {
				s := b[o]
				for i := range l.in {
					s += w[o*l.in+i] * in[r*l.in+i]
				}
				z[r*l.out+o] = s
				a[r*l.out+o] = refAct(l.act, s, l.slope)
			}
		}
		as, zs = append(as, a), append(zs, z)
		off += l.out*l.in + l.out
	}
	return as, zs
}

// refBackward returns dL/dp and dL/dx for dL/dy = dy of the pass as, zs.
func refBackward(ls []refLayer, p []float64, as, zs [][]float64, dy []float64, rows int) (gp, dx []float64) {
	n := 0
	for _, l := range ls {
		n += l.out*l.in + l.out
	}
	gp = make([]float64, n)
	off := n
	for k := len(ls) - 1; k >= 0; k-- {
		l := ls[k]
		off -= l.out*l.in + l.out
		w := p[off : off+l.out*l.in]
		gw, gb := gp[off:off+l.out*l.in], gp[off+l.out*l.in:off+l.out*l.in+l.out]
		d := make([]float64, rows*l.out)
		for i := range d {
			d[i] = dy[i] * refActGrad(l.act, zs[k][i], l.slope)
		}
		dx = make([]float64, rows*l.in)
		for r := range rows {
			for o := range l.out {
				dv := d[r*l.out+o]
				gb[o] += dv
				for i := range l.in {
					gw[o*l.in+i] += dv * as[k][r*l.in+i]
					dx[r*l.in+i] += dv * w[o*l.in+i]
				}
			}
		}
		dy = dx
	}
	return gp, dx
}

// refDLoss returns D's loss on one side and dL/dy, in float64 (no clamps).
func refDLoss(cfg *Config, y []float64, real bool) (float64, []float64) {
	n := float64(len(y))
	t, s := 0.0, 1.0
	if real {
		t, s = cfg.RealLabel, -1
	}
	dy := make([]float64, len(y))
	var loss float64
	for i, v := range y {
		switch cfg.Loss {
		case LossLeastSquares:
			loss += (v - t) * (v - t) / (2 * n)
			dy[i] = (v - t) / n
		case LossWasserstein:
			loss += s * v / n
			dy[i] = s / n
		case LossHinge:
			if m := 1 + s*v; m > 0 {
				loss += m / n
				dy[i] = s / n
			}
		default:
			loss -= (t*math.Log(v) + (1-t)*math.Log(1-v)) / n
			dy[i] = (v - t) / (v * (1 - v) * n)
		}
	}
	return loss, dy
}

// refGLoss returns G's loss and dL/dy, in float64.
func refGLoss(cfg *Config, y []float64) float64 {
	n := float64(len(y))
	var loss float64
	for _, v := range y {
		switch {
		case cfg.Loss == LossLeastSquares:
			loss += (v - 1) * (v - 1) / (2 * n)
		case cfg.Loss.Unbounded():
			loss -= v / n
		case cfg.GLoss == GLossMinimax:
			loss += math.Log(1-v) / n
		default:
			loss -= math.Log(v) / n
		}
	}
	return loss
}

// refOpt is D's optimizer in float64: Adam's m, v and step count t;
// SGD's buffer in m; RMSprop's v.
type refOpt struct {
	cfg  *Config
	m, v []float64
	t    int
}

func refOptOf(cfg *Config, o Optimizer) refOpt {
	switch o := o.(type) {
	case *Adam:
		return refOpt{cfg, to64(o.M), to64(o.V), o.T}
	case *SGD:
		return refOpt{cfg, to64(o.Buf), nil, 0}
	case *RMSprop:
		return refOpt{cfg, nil, to64(o.V), 0}
	}
	panic("no such optimizer")
}

func (o refOpt) clone() refOpt {
	return refOpt{o.cfg, slices.Clone(o.m), slices.Clone(o.v), o.t}
}

// step applies one update to p, as optim.go documents it.
func (o *refOpt) step(p, g []float64) {
	c := o.cfg
	lr := c.DLR
	o.t++
	switch c.DOpt {
	case OptimizerAdam:
		t := float64(o.t)
		a := lr / (1 - math.Pow(c.DBeta1, t))
		bc := math.Sqrt(1 - math.Pow(c.DBeta2, t))
		for i := range p {
			o.m[i] = c.DBeta1*o.m[i] + (1-c.DBeta1)*g[i]
			o.v[i] = c.DBeta2*o.v[i] + (1-c.DBeta2)*g[i]*g[i]
			p[i] -= a * o.m[i] / (math.Sqrt(o.v[i])/bc + c.Eps)
		}
	case OptimizerSGD:
		for i := range p {
			o.m[i] = c.DMomentum*o.m[i] + g[i]
			p[i] -= lr * o.m[i]
		}
	case OptimizerRMSprop:
		for i := range p {
			o.v[i] = c.DAlpha*o.v[i] + (1-c.DAlpha)*g[i]*g[i]
			p[i] -= lr * g[i] / (math.Sqrt(o.v[i]) + c.Eps)
		}
	}
}

// refUnrolled is G's unrolled objective F(θ_G) = f(θ_G, θ_D^k(θ_G)) in
// float64, with every random draw fixed: D's start θ_D^0, its optimizer
// state and historical mean, the batches real_i and z_i of the k updates
// and G's noise zG.
type refUnrolled struct {
	cfg          *Config
	gl, dl       []refLayer
	gRows, dRows int
	d0           []float64
	opt0         refOpt
	mean         []float64 // θ̄, or nil
	real, noise  [][]float64
	zG           []float64
}

func (r *refUnrolled) generate(thetaG, z []float64) []float64 {
	as, _ := refForward(r.gl, thetaG, z, r.gRows)
	return as[len(as)-1]
}

// F returns G's unrolled loss at θ_G.
func (r *refUnrolled) F(thetaG []float64) float64 {
	p, opt := slices.Clone(r.d0), r.opt0.clone()
	for i := range r.real {
		g := make([]float64, len(p))
		for _, side := range []struct {
			x    []float64
			real bool
		}{{r.real[i], true}, {r.generate(thetaG, r.noise[i]), false}} {
			as, zs := refForward(r.dl, p, side.x, r.dRows)
			_, dy := refDLoss(r.cfg, as[len(as)-1], side.real)
			gp, _ := refBackward(r.dl, p, as, zs, dy, r.dRows)
			for j := range g {
				g[j] += gp[j]
			}
		}
		if r.mean != nil {
			for j := range g {
				g[j] += 2 * r.cfg.DHistAvg * (p[j] - r.mean[j])
			}
		}
		opt.step(p, g)
	}
	as, _ := refForward(r.dl, p, r.generate(thetaG, r.zG), r.dRows)
	return refGLoss(r.cfg, as[len(as)-1])
}

// unrolledGradients takes one unrolled G gradient of g both ways on the
// same random draws: the second-order surrogate and the first-order
// gradient, and G's loss. It leaves the run as it found it but for the
// random stream, advanced by one G step's draws, and returns the
// reference objective on those draws.
func unrolledGradients(t *testing.T, g *GAN) (surrogate, first []float32, loss float64, ref *refUnrolled) {
	t.Helper()
	cfg := &g.cfg
	ref = &refUnrolled{cfg: cfg, gl: refLayersOf(g.gen), dl: refLayersOf(g.disc), gRows: g.gRows, dRows: g.dRows,
		d0: to64(g.disc.Params), opt0: refOptOf(cfg, g.dOpt)}
	if g.dHist != nil {
		ref.mean = slices.Clone(g.dHist.Mean)
	}
	dParams := slices.Clone(g.disc.Params)
	src := *g.src
	clear(g.gen.Grads)
	loss = g.gradGUnrolled()
	surrogate = slices.Clone(g.gen.Grads)
	for i := range cfg.Unroll {
		ref.real = append(ref.real, to64(g.unroll.real[i]))
		ref.noise = append(ref.noise, to64(g.unroll.noise[i]))
	}
	ref.zG = to64(g.noise)
	if !slices.Equal(g.disc.Params, dParams) || slices.ContainsFunc(g.disc.Grads, func(x float32) bool { return x != 0 }) {
		t.Fatal("the second-order G gradient left D changed")
	}

	after := *g.src
	*g.src = src
	u := g.unroll
	g.unroll = nil
	clear(g.gen.Grads)
	if l := g.gradGUnrolled(); l != loss {
		t.Fatalf("first-order loss %g, second-order %g on the same draws", l, loss)
	}
	first = slices.Clone(g.gen.Grads)
	g.unroll = u
	clear(g.gen.Grads)
	if *g.src != after {
		t.Fatal("the two orders drew different random numbers")
	}
	return surrogate, first, loss, ref
}

// TestUnrollSecondOrderGradient is the definitive check of the surrogate
// gradient: with every random draw fixed, G's unrolled objective
// F(θ_G) = f(θ_G, θ_D^k(θ_G)) is a function of θ_G alone, computed here
// in float64 through k of D's updates exactly as optim.go documents
// them. Its central differences must match the second-order gradient
// the engine computes in float32, and differ materially from the
// first-order one, so that the check can fail.
func TestUnrollSecondOrderGradient(t *testing.T) {
	const h = 1e-5
	names := make([]string, 0)
	cases := unrollCases()
	for name := range cases {
		names = append(names, name)
	}
	slices.Sort(names)
	var worst float64
	for _, name := range names {
		g := mustNew(t, cases[name], 11)
		train(t, g, 40) // D's optimizer away from its first steps
		sur, first, loss, ref := unrolledGradients(t, g)
		theta := to64(g.gen.Params)
		if f := ref.F(theta); math.Abs(f-loss) > 1e-4*math.Max(1, math.Abs(f)) {
			t.Fatalf("%s: reference objective %g, engine's loss %g", name, f, loss)
		}
		fd := make([]float32, len(theta))
		for j := range theta {
			x := theta[j]
			theta[j] = x + h
			up := ref.F(theta)
			theta[j] = x - h
			down := ref.F(theta)
			theta[j] = x
			fd[j] = float32((up - down) / (2 * h))
		}
		diff, scale := maxDiff(fd, sur)
		term, _ := maxDiff(fd, first)
		rel, termRel := diff/scale, term/scale
		worst = math.Max(worst, rel)
		t.Logf("%-18s max |surrogate − FD| %.2e, max |first-order − FD| %.2e of max |FD| %.3g", name, rel, termRel, scale)
		if !(rel < 1e-4) {
			t.Errorf("%s: surrogate gradient off by %.3g relative\n sur %v\n  fd %v", name, rel, sur, fd)
		}
		if !(termRel > 20*rel && termRel > 1e-2) {
			t.Errorf("%s: the second-order term (%.3g relative) is not clearly above the error (%.3g)", name, termRel, rel)
		}
	}
	t.Logf("worst relative error %.2e", worst)
}

// TestUnrollSecondOrderValidate: what the second-order term does not
// support is refused, naming the field.
func TestUnrollSecondOrderValidate(t *testing.T) {
	for _, c := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.Unroll = 0 }, "unroll_second_order: needs unroll > 0"},
		{func(c *Config) { c.MBDKernels, c.MBDDim = 4, 3 }, "unroll_second_order: the second-order term needs a discriminator of dense layers only"},
		{func(c *Config) { c.DInput, c.DIn = DInputMoments, 4 }, "unroll_second_order: the second-order term needs a discriminator of dense layers only"},
		{func(c *Config) { c.R1 = 1 }, "unroll_second_order: not with a gradient penalty (gp, r1)"},
		{func(c *Config) {
			c.GP, c.Loss, c.DActs = 1, LossWasserstein, []Activation{Tanh, Tanh, Identity}
		}, "unroll_second_order: not with a gradient penalty (gp, r1)"},
		{func(c *Config) {
			c.DClip, c.Loss, c.DActs = 0.01, LossWasserstein, []Activation{Tanh, Tanh, Identity}
		}, "unroll_second_order: not with weight clipping (d_clip)"},
		{func(c *Config) { c.GLoss = GLossFeatureMatching }, "unroll_second_order: not with g_loss feature_matching"},
	} {
		cfg := unrollConfig()
		c.edit(&cfg)
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want an error containing %q", err, c.want)
		}
		cfg.UnrollSecondOrder = false
		if err := cfg.Validate(); err != nil && strings.Contains(err.Error(), "unroll_second_order") {
			t.Errorf("first-order refused: %v", err)
		}
	}
	for name, cfg := range unrollCases() {
		if err := cfg.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	c := unrollConfig()
	if err := c.Set("unroll_second_order", "false"); err != nil || c.UnrollSecondOrder {
		t.Errorf("Set unroll_second_order=false: %v, %v", err, c.UnrollSecondOrder)
	}
	if err := c.SetJSON("unroll_second_order", []byte("true")); err != nil || !c.UnrollSecondOrder {
		t.Errorf("SetJSON unroll_second_order true: %v, %v", err, c.UnrollSecondOrder)
	}
	for _, v := range []string{"yes", "1", "T", "TRUE", "False"} { // as a preset file takes them: true or false
		if err := c.Set("unroll_second_order", v); err == nil || err.Error() != fmt.Sprintf("unroll_second_order: %q is not true or false", v) {
			t.Errorf("Set unroll_second_order=%s: %v", v, err)
		}
	}
	if err := c.SetJSON("unroll_second_order", []byte("1")); err == nil || err.Error() != "unroll_second_order: want true or false, got number" {
		t.Errorf("SetJSON unroll_second_order 1: %v", err)
	}
	// in quotes, told to drop them, as a quoted number is
	for raw, want := range map[string]string{
		`"false"`: `unroll_second_order: "false" is text in quotes; write it without them: false`,
		`"True"`:  `unroll_second_order: "True" is text in quotes; write it without them: true`,
		`"yes"`:   "unroll_second_order: want true or false, got string",
	} {
		if err := c.SetJSON("unroll_second_order", []byte(raw)); err == nil || err.Error() != want {
			t.Errorf("SetJSON unroll_second_order %s: %v; want %s", raw, err, want)
		}
	}
	if text := numtext.Plain(strings.Join(c.Outline(), "\n")); !strings.Contains(text, "G looks 3 D steps ahead (unrolled, second-order)") {
		t.Errorf("outline:\n%s", text)
	}
}

// unrollDump, when set, makes TestUnrollFixture write its fixtures into
// that directory instead of checking them (bench/torch_unroll.py reads
// them): go test ./engine -run TestUnrollFixture -unroll-dump=engine/testdata
var unrollDump = flag.String("unroll-dump", "", "write the second-order unrolling fixtures into this directory")

// unrollFixture is one second-order G gradient for the PyTorch
// cross-check: the design, both networks, D's optimizer state and
// historical mean, the random stream's seed for the step, the batches it
// drew (real_i, z_i, G's zG) and the engine's gradients.
type unrollFixture struct {
	Config    Config         `json:"config"`
	GLayers   []fixtureLayer `json:"g_layers"`
	DLayers   []fixtureLayer `json:"d_layers"`
	GRows     int            `json:"g_rows"`
	DRows     int            `json:"d_rows"`
	GParams   []float32      `json:"g_params"`
	DParams   []float32      `json:"d_params"`
	OptM      []float32      `json:"opt_m"` // Adam's m, SGD's buffer
	OptV      []float32      `json:"opt_v"` // Adam's and RMSprop's v
	OptT      int            `json:"opt_t"` // Adam's step count
	HistMean  []float64      `json:"hist_mean"`
	Stream    uint64         `json:"stream"`
	Real      [][]float32    `json:"real"`
	Noise     [][]float32    `json:"noise"`
	NoiseG    []float32      `json:"noise_g"`
	Loss      float64        `json:"loss"`
	Surrogate []float32      `json:"surrogate"`
	First     []float32      `json:"first"`
}

var unrollFixtures = []string{"bce-tanh-adam-k3", "ring-packed", "sgd-momentum-hist", "wgan-rmsprop", "lsgan-elu", "bce-relu-elu-g"}

func denseLayersOf(net *Network) []fixtureLayer {
	var ls []fixtureLayer
	for _, layer := range net.Layers {
		l := layer.(*Dense)
		ls = append(ls, fixtureLayer{l.In, l.Out, l.Act, l.Slope})
	}
	return ls
}

// fixtureState returns the state of g as a fixture, without gradients.
func fixtureState(g *GAN) *unrollFixture {
	fx := &unrollFixture{Config: g.Config(), GLayers: denseLayersOf(g.gen), DLayers: denseLayersOf(g.disc), GRows: g.gRows, DRows: g.dRows,
		GParams: slices.Clone(g.gen.Params), DParams: slices.Clone(g.disc.Params)}
	switch o := g.dOpt.(type) {
	case *Adam:
		fx.OptM, fx.OptV, fx.OptT = slices.Clone(o.M), slices.Clone(o.V), o.T
	case *SGD:
		fx.OptM = slices.Clone(o.Buf)
	case *RMSprop:
		fx.OptV = slices.Clone(o.V)
	}
	if g.dHist != nil {
		fx.HistMean = slices.Clone(g.dHist.Mean)
	}
	return fx
}

// gradients loads the state of fx into a run of its design, takes one
// unrolled G gradient both ways from the random stream fx.Stream, and
// fills in the batches and the gradients.
func (fx *unrollFixture) gradients(t *testing.T) {
	g := mustNew(t, fx.Config, 1)
	copy(g.gen.Params, fx.GParams)
	copy(g.disc.Params, fx.DParams)
	switch o := g.dOpt.(type) {
	case *Adam:
		copy(o.M, fx.OptM)
		copy(o.V, fx.OptV)
		o.T = fx.OptT
	case *SGD:
		copy(o.Buf, fx.OptM)
	case *RMSprop:
		copy(o.V, fx.OptV)
	}
	if g.dHist != nil {
		copy(g.dHist.Mean, fx.HistMean)
	}
	g.src.Seed(fx.Stream, trainStream)
	sur, first, loss, _ := unrolledGradients(t, g)
	fx.Real, fx.Noise = nil, nil
	for i := range fx.Config.Unroll {
		fx.Real = append(fx.Real, slices.Clone(g.unroll.real[i]))
		fx.Noise = append(fx.Noise, slices.Clone(g.unroll.noise[i]))
	}
	fx.NoiseG = slices.Clone(g.noise)
	fx.Loss, fx.Surrogate, fx.First = loss, sur, first
}

// TestUnrollFixture re-derives the committed fixtures in
// testdata/unroll-*.json from their state (within float32 rounding: the
// SIMD kernels sum in another order; the batches, drawn from the random
// stream, exactly); with -unroll-dump=DIR it trains each design 40
// epochs and writes the fixture there instead.
func TestUnrollFixture(t *testing.T) {
	cases := unrollCases()
	for i, name := range unrollFixtures {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata", "unroll-"+name+".json")
			if *unrollDump != "" {
				g := mustNew(t, cases[name], 11)
				train(t, g, 40)
				fx := fixtureState(g)
				fx.Stream = 2017 + uint64(i)
				fx.gradients(t)
				b, err := json.MarshalIndent(fx, "", " ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(*unrollDump, filepath.Base(file)), append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var want unrollFixture
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			got := want
			got.gradients(t)
			if !slices.EqualFunc(want.Real, got.Real, slices.Equal) || !slices.EqualFunc(want.Noise, got.Noise, slices.Equal) ||
				!slices.Equal(want.NoiseG, got.NoiseG) {
				t.Fatal("the fixture's batches are not what its stream draws today")
			}
			if math.Abs(got.Loss-want.Loss) > 1e-5*math.Abs(want.Loss) {
				t.Errorf("loss %.9g, fixture %.9g", got.Loss, want.Loss)
			}
			checkRel(t, "surrogate", want.Surrogate, got.Surrogate, 1e-4)
			checkRel(t, "first-order", want.First, got.First, 1e-4)
		})
	}
}
