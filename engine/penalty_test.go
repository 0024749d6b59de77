package engine

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// penaltyDump, when set, makes TestPenaltyFixture write its fixtures into
// that directory instead of checking them (bench/torch_penalty.py reads
// them): go test ./engine -run TestPenaltyFixture -penalty-dump=engine/testdata
var penaltyDump = flag.String("penalty-dump", "", "write the gradient-penalty fixtures into this directory")

var allActivations = []Activation{Identity, ReLU, LeakyReLU, ELU, Sigmoid, Tanh}

// penaltyNet builds a dense network of the given widths, hidden layers
// with activation hidden and the last with out (LeakyReLU slope 0.2).
func penaltyNet(t testing.TB, rng *rand.Rand, maxRows int, hidden, out Activation, widths ...int) (*Network, *Penalty) {
	t.Helper()
	var layers []Layer
	for i := 0; i+1 < len(widths); i++ {
		act := hidden
		if i+2 == len(widths) {
			act = out
		}
		l := NewDense(widths[i], widths[i+1], act)
		l.Slope = 0.2
		layers = append(layers, l)
	}
	net := NewNetwork(maxRows, rng, layers...)
	p, err := NewPenalty(net)
	if err != nil {
		t.Fatal(err)
	}
	return net, p
}

func normals(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(rng.NormFloat64())
	}
	return x
}

func uniforms(rng *rand.Rand, n int) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = rng.Float32()
	}
	return x
}

// penaltyCase is one penalty on one batch: kind, its coefficient, and the
// inputs it needs.
type penaltyCase struct {
	kind            penaltyKind
	coef            float64
	real, fake, eps []float32
	rows            int
	onLogit         bool
	kindName        string
}

// apply runs the case through p with its parameter gradient.
func (c *penaltyCase) apply(p *Penalty) float64 {
	p.OnLogit = c.onLogit
	if c.kind == penaltyWGANGP {
		return p.WGANGP(c.real, c.fake, c.eps, c.rows, c.coef)
	}
	return p.R1(c.real, c.rows, c.coef)
}

// value runs the case through p without touching Grads.
func (c *penaltyCase) value(p *Penalty) float64 {
	p.OnLogit = c.onLogit
	x := c.real
	if c.kind == penaltyWGANGP {
		x = p.interpolate(c.real, c.fake, c.eps, c.rows)
	}
	return p.run(x, c.rows, c.kind, c.coef, false)
}

// input returns the rows the penalty's gradient is taken at.
func (c *penaltyCase) input() []float32 {
	if c.kind == penaltyR1 {
		return c.real
	}
	x := make([]float32, len(c.real))
	n := len(c.real) / c.rows
	for r := range c.rows {
		e := c.eps[r]
		for i := range n {
			x[r*n+i] = e*c.real[r*n+i] + (1-e)*c.fake[r*n+i]
		}
	}
	return x
}

func newPenaltyCase(rng *rand.Rand, kind penaltyKind, in, rows int, onLogit bool) *penaltyCase {
	c := &penaltyCase{kind: kind, rows: rows, onLogit: onLogit, real: normals(rng, rows*in)}
	if kind == penaltyWGANGP {
		c.coef, c.kindName = 10, "wgan-gp"
		c.fake = normals(rng, rows*in)
		c.eps = uniforms(rng, rows)
	} else {
		c.coef, c.kindName = 10, "r1"
	}
	return c
}

// refPenalty is a float64 reference of the penalty and of g for a dense
// network with parameters params (Network.Params' layout) at the rows x.
func refPenalty(net *Network, params []float64, x []float64, rows int, kind penaltyKind, coef float64, onLogit bool) (float64, []float64) {
	type cache struct{ a, z []float64 }
	L := len(net.Layers)
	in := net.InSize()
	g := make([]float64, rows*in)
	var total float64
	for r := range rows {
		a := x[r*in : (r+1)*in]
		caches := make([]cache, L)
		off := 0
		for k, layer := range net.Layers {
			l := layer.(*Dense)
			w, b := params[off:off+l.Out*l.In], params[off+l.Out*l.In:off+l.ParamCount()]
			off += l.ParamCount()
			z := make([]float64, l.Out)
			next := make([]float64, l.Out)
			for o := range z {
				s := b[o]
				for i := range l.In {
					s += w[o*l.In+i] * a[i]
				}
				z[o] = s
				next[o] = refAct(l.Act, s, float64(l.Slope))
				if k == L-1 && onLogit {
					next[o] = s
				}
			}
			caches[k] = cache{a: a, z: z}
			a = next
		}
		s := []float64{1}
		for k := L - 1; k >= 0; k-- {
			off -= net.Layers[k].ParamCount()
			l := net.Layers[k].(*Dense)
			w := params[off : off+l.Out*l.In]
			d := make([]float64, l.Out)
			for o := range d {
				fp := refActGrad(l.Act, caches[k].z[o], float64(l.Slope))
				if k == L-1 && onLogit {
					fp = 1
				}
				d[o] = s[o] * fp
			}
			s = make([]float64, l.In)
			for o := range d {
				for i := range s {
					s[i] += w[o*l.In+i] * d[o]
				}
			}
		}
		copy(g[r*in:], s)
		var sq float64
		for _, v := range s {
			sq += v * v
		}
		if kind == penaltyWGANGP {
			total += (math.Sqrt(sq) - 1) * (math.Sqrt(sq) - 1)
		} else {
			total += sq / 2
		}
	}
	return coef * total / float64(rows), g
}

func refAct(a Activation, z, slope float64) float64 {
	switch a {
	case ReLU:
		return math.Max(z, 0)
	case LeakyReLU:
		if z < 0 {
			return slope * z
		}
	case ELU:
		if z <= 0 {
			return math.Expm1(z)
		}
	case Sigmoid:
		return 1 / (1 + math.Exp(-z))
	case Tanh:
		return math.Tanh(z)
	}
	return z
}

func refActGrad(a Activation, z, slope float64) float64 {
	switch a {
	case ReLU:
		if z > 0 {
			return 1
		}
		return 0
	case LeakyReLU:
		if z > 0 {
			return 1
		}
		return slope
	case ELU:
		if z > 0 {
			return 1
		}
		return math.Exp(z)
	case Sigmoid:
		s := 1 / (1 + math.Exp(-z))
		return s * (1 - s)
	case Tanh:
		th := math.Tanh(z)
		return 1 - th*th
	}
	return 1
}

func to64(x []float32) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = float64(v)
	}
	return y
}

// penaltyShapes are the networks the checks run: a batch through the
// matrix paths, a one-wide input through the column paths, one row
// through the vector paths.
var penaltyShapes = []struct {
	widths []int
	rows   int
}{
	{[]int{3, 5, 4, 1}, 4},
	{[]int{1, 6, 1}, 3},
	{[]int{2, 3, 1}, 1},
}

// forEachPenaltyCase runs f on every shape, every pair of hidden and
// output activations, both penalties, with and without OnLogit for a
// curved output.
func forEachPenaltyCase(t *testing.T, f func(t *testing.T, net *Network, p *Penalty, c *penaltyCase)) {
	for si, shape := range penaltyShapes {
		for _, hidden := range allActivations {
			for _, out := range allActivations {
				for _, kind := range []penaltyKind{penaltyWGANGP, penaltyR1} {
					for _, logit := range []bool{false, true} {
						if logit && !curved(out) {
							continue
						}
						seed := uint64(si)<<16 | uint64(hidden)<<8 | uint64(out)<<4 | uint64(kind)
						rng := rand.New(rand.NewPCG(17, seed))
						var net *Network
						var p *Penalty
						var c *penaltyCase
						for range 100 {
							net, p = penaltyNet(t, rng, shape.rows, hidden, out, shape.widths...)
							c = newPenaltyCase(rng, kind, shape.widths[0], shape.rows, logit)
							if smoothCase(net, p, c) {
								break
							}
						}
						name := fmt.Sprintf("%v/%s-%s/%s/logit=%v", shape.widths, hidden, out, c.kindName, logit)
						t.Run(name, func(t *testing.T) { f(t, net, p, c) })
					}
				}
			}
		}
	}
}

// smoothCase reports whether central differences with h = 1e-3 can
// resolve the case's gradient: no pre-activation of a kinked activation
// (ReLU, LeakyReLU, and ELU, whose f″ jumps at 0) within 0.02 of its
// kink, no curved output saturated (|z| > 4, where f′ computed from a
// float32 output loses its digits), and for WGAN-GP no ‖g_r‖ below 0.01
// (‖·‖ has a kink at 0). The seeds are fixed, so the cases are drawn
// the same every time; forEachPenaltyCase draws again until one is
// smooth.
func smoothCase(net *Network, p *Penalty, c *penaltyCase) bool {
	x := to64(c.input())
	params := to64(net.Params)
	L := len(net.Layers)
	for r := range c.rows {
		a := x[r*net.InSize() : (r+1)*net.InSize()]
		off := 0
		for k, layer := range net.Layers {
			l := layer.(*Dense)
			next := make([]float64, l.Out)
			for o := range next {
				z := params[off+l.Out*l.In+o]
				for i := range l.In {
					z += params[off+o*l.In+i] * a[i]
				}
				switch {
				case (l.Act == ReLU || l.Act == LeakyReLU || l.Act == ELU) && math.Abs(z) < 0.02:
					return false
				case k == L-1 && curved(l.Act) && math.Abs(z) > 4:
					return false
				}
				next[o] = refAct(l.Act, z, float64(l.Slope))
			}
			off += l.ParamCount()
			a = next
		}
	}
	if c.kind == penaltyWGANGP {
		p.OnLogit = c.onLogit
		g := p.InputGrad(c.input(), c.rows)
		n := net.InSize()
		for r := range c.rows {
			var sq float64
			for _, v := range g[r*n : (r+1)*n] {
				sq += float64(v) * float64(v)
			}
			if sq < 1e-4 {
				return false
			}
		}
	}
	return true
}

// TestPenaltyGradients checks the parameter gradient the penalties add
// against central differences of the penalty value, as gradCheck does for
// Backward: for every activation in hidden and output layers, on the
// engine's own float32 passes with float64 sums (checkClose). The seeds
// are fixed, so a ReLU kink within h of a pre-activation would fail every
// time, not flakily.
func TestPenaltyGradients(t *testing.T) {
	forEachPenaltyCase(t, func(t *testing.T, net *Network, p *Penalty, c *penaltyCase) {
		net.ZeroGrad()
		value := c.apply(p)
		if got := c.value(p); got != value {
			t.Fatalf("value without gradient %g, with %g", got, value)
		}
		grads := append([]float32(nil), net.Grads...)
		const h = 1e-3
		for i := range net.Params {
			old := net.Params[i]
			net.Params[i] = old + h
			net.ParamsChanged()
			up := c.value(p)
			net.Params[i] = old - h
			net.ParamsChanged()
			down := c.value(p)
			net.Params[i] = old
			net.ParamsChanged()
			checkClose(t, "dP/dθ", i, float64(grads[i]), (up-down)/(2*h))
		}
	})
}

// TestPenaltyMatchesReference checks the penalty, g and dP/dθ against a
// float64 implementation (g and P written out, dP/dθ by central
// differences of P in float64, h = 1e-5): the float32 engine must agree
// within float32 rounding, far tighter than checkClose.
func TestPenaltyMatchesReference(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		forEachPenaltyCase(t, func(t *testing.T, net *Network, p *Penalty, c *penaltyCase) {
			x := c.input()
			params := to64(net.Params)
			want, wantG := refPenalty(net, params, to64(x), c.rows, c.kind, c.coef, c.onLogit)
			p.OnLogit = c.onLogit
			g := p.InputGrad(x, c.rows)
			checkRel(t, "g", to32(wantG), g, 1e-5)
			net.ZeroGrad()
			value := c.apply(p)
			if math.Abs(value-want) > 1e-5*(1+math.Abs(want)) {
				t.Errorf("penalty %.9g, float64 reference %.9g", value, want)
			}
			numeric := make([]float32, len(params))
			const h = 1e-5
			for i := range params {
				old := params[i]
				params[i] = old + h
				up, _ := refPenalty(net, params, to64(x), c.rows, c.kind, c.coef, c.onLogit)
				params[i] = old - h
				down, _ := refPenalty(net, params, to64(x), c.rows, c.kind, c.coef, c.onLogit)
				params[i] = old
				numeric[i] = float32((up - down) / (2 * h))
			}
			checkRel(t, "dP/dθ", numeric, net.Grads, 2e-5)
		})
	})
}

func to32(x []float64) []float32 {
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v)
	}
	return y
}

// maxDiff returns max_i |got_i − want_i| and max_i |want_i|.
func maxDiff(want, got []float32) (diff, scale float64) {
	for i, w := range want {
		scale = math.Max(scale, math.Abs(float64(w)))
		diff = math.Max(diff, math.Abs(float64(got[i])-float64(w)))
	}
	return diff, scale
}

// checkRel fails when got differs from want by more than tol relative to
// want's largest entry, or to 0.1 if that is smaller: a value that
// cancels to nearly 0 keeps the absolute error of its larger terms.
func checkRel(t *testing.T, what string, want, got []float32, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	diff, scale := maxDiff(want, got)
	if !(diff <= tol*math.Max(scale, 0.1)) {
		t.Errorf("%s: max difference %.3g, largest value %.3g, want ≤ %.3g of it\n got %v\nwant %v", what, diff, scale, tol, got, want)
	}
}

// TestPenaltyInputGradient checks g = ∇ₓD against central differences of
// D's output (or logit) in x on the engine's passes.
func TestPenaltyInputGradient(t *testing.T) {
	forEachPenaltyCase(t, func(t *testing.T, net *Network, p *Penalty, c *penaltyCase) {
		if c.kind != penaltyR1 {
			return
		}
		x := append([]float32(nil), c.real...)
		p.OnLogit = c.onLogit
		g := append([]float32(nil), p.InputGrad(x, c.rows)...)
		out := func() float64 {
			var s float64
			if c.onLogit {
				// the logit: the last layer's pre-activation, through Identity
				last := net.Layers[len(net.Layers)-1].(*Dense)
				act := last.Act
				last.Act = Identity
				defer func() { last.Act = act }()
			}
			for _, v := range net.Forward(x, c.rows) {
				s += float64(v)
			}
			return s
		}
		const h = 1e-3
		for i := range x {
			old := x[i]
			x[i] = old + h
			up := out()
			x[i] = old - h
			down := out()
			x[i] = old
			checkClose(t, "dD/dx", i, float64(g[i]), (up-down)/(2*h))
		}
	})
}

// TestPenaltyAccumulates checks that a penalty adds to Grads, after a
// loss's Backward, rather than replacing them.
func TestPenaltyAccumulates(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	net, p := penaltyNet(t, rng, 4, Tanh, Sigmoid, 3, 5, 1)
	c := newPenaltyCase(rng, penaltyR1, 3, 4, false)
	net.ZeroGrad()
	c.apply(p)
	once := append([]float32(nil), net.Grads...)
	net.Forward(c.real, 4)
	net.Backward([]float32{1, -1, 0.5, 2}, 4, true, false)
	loss := append([]float32(nil), net.Grads...)
	c.apply(p)
	for i, g := range net.Grads {
		if want := loss[i] + once[i]; math.Abs(float64(g-want)) > 1e-6*(1+math.Abs(float64(want))) {
			t.Fatalf("grad %d: %g, want loss %g + penalty %g", i, g, loss[i], once[i])
		}
	}
}

// TestPenaltyRefusesOtherLayers checks that only dense networks with one
// output are accepted.
func TestPenaltyRefusesOtherLayers(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	if _, err := NewPenalty(NewNetwork(2, rng, NewDense(2, 3, Tanh), NewDense(3, 2, Identity))); err == nil {
		t.Error("two outputs accepted")
	}
	mbd := NewNetwork(4, rng, NewDense(2, 3, Tanh), NewMinibatch(3, 2, 2), NewDense(5, 1, Identity))
	if _, err := NewPenalty(mbd); err == nil {
		t.Error("minibatch discrimination accepted")
	}
	if _, err := NewPenalty(nil); err == nil {
		t.Error("nil network accepted")
	}
}

// TestPenaltyAllocsNothing checks that a warmed-up penalty allocates
// nothing, on the batch and the single-row paths.
func TestPenaltyAllocsNothing(t *testing.T) {
	for _, rows := range []int{100, 1} {
		rng := rand.New(rand.NewPCG(7, uint64(rows)))
		_, p := penaltyNet(t, rng, rows, Tanh, Sigmoid, 2, 32, 32, 1)
		real, fake, eps := normals(rng, rows*2), normals(rng, rows*2), uniforms(rng, rows)
		if a := testing.AllocsPerRun(20, func() { p.WGANGP(real, fake, eps, rows, 10) }); a != 0 {
			t.Errorf("%d rows: WGAN-GP allocates %g times a call", rows, a)
		}
		p.OnLogit = true
		if a := testing.AllocsPerRun(20, func() { p.R1(real, rows, 10) }); a != 0 {
			t.Errorf("%d rows: R1 allocates %g times a call", rows, a)
		}
	}
}

// TestPenaltyKernelPathsAgree checks that every kernel path this build
// and CPU can run (portable, AVX2, AVX-512 under GOEXPERIMENT=simd) gives
// the portable kernels' penalty and gradient within float32 rounding.
func TestPenaltyKernelPathsAgree(t *testing.T) {
	saved := kernelISA
	defer func() { kernelISA = saved }()
	for _, hidden := range []Activation{LeakyReLU, ELU, Tanh} {
		rng := rand.New(rand.NewPCG(8, uint64(hidden)))
		net, p := penaltyNet(t, rng, 100, hidden, Sigmoid, 2, 32, 32, 1)
		c := newPenaltyCase(rng, penaltyWGANGP, 2, 100, false)
		var wantValue float64
		var want []float32
		for _, k := range supportedISAs() {
			kernelISA = k
			net.ZeroGrad()
			v := c.apply(p)
			if k == isaGo {
				wantValue, want = v, append([]float32(nil), net.Grads...)
				continue
			}
			if math.Abs(v-wantValue) > 1e-5*math.Abs(wantValue) {
				t.Errorf("%s on %s: penalty %.9g, portable %.9g", hidden, isaNames[k], v, wantValue)
			}
			checkRel(t, hidden.String()+" on "+isaNames[k], want, net.Grads, 1e-5)
		}
	}
}

// penaltyFixture is one penalty case written out for
// bench/torch_penalty.py: D's layers and parameters, the rows, the
// penalty and what ganui computes.
type penaltyFixture struct {
	Name    string         `json:"name"`
	Kind    string         `json:"kind"` // "wgan-gp" or "r1"
	Coef    float64        `json:"coef"` // λ or γ
	OnLogit bool           `json:"on_logit"`
	Layers  []fixtureLayer `json:"layers"`
	Rows    int            `json:"rows"`
	Real    []float32      `json:"real"`
	Fake    []float32      `json:"fake,omitempty"`
	Eps     []float32      `json:"eps,omitempty"`
	Params  []float32      `json:"params"` // per layer W (out × in, row-major), then b
	Penalty float64        `json:"penalty"`
	Grads   []float32      `json:"grads"` // dP/dθ, the layout of params
}

type fixtureLayer struct {
	In    int        `json:"in"`
	Out   int        `json:"out"`
	Act   Activation `json:"act"`
	Slope float32    `json:"slope"`
}

// penaltyFixtures are the cases cross-checked against PyTorch: the
// issue's 2→16→16→1 critic (LeakyReLU 0.2, identity out) and variants
// through every curved activation, in hidden layers and at the output.
var penaltyFixtures = []struct {
	name        string
	kind        penaltyKind
	hidden, out Activation
	onLogit     bool
}{
	{"wgangp-leaky", penaltyWGANGP, LeakyReLU, Identity, false},
	{"wgangp-tanh-sigmoid", penaltyWGANGP, Tanh, Sigmoid, false},
	{"r1-elu-sigmoid-logit", penaltyR1, ELU, Sigmoid, true},
	{"r1-sigmoid-tanh", penaltyR1, Sigmoid, Tanh, false},
	{"r1-relu-sigmoid", penaltyR1, ReLU, Sigmoid, false},
}

// makeFixture computes fixture i on this build's kernels.
func makeFixture(t *testing.T, i int) *penaltyFixture {
	f := penaltyFixtures[i]
	const rows = 8
	rng := rand.New(rand.NewPCG(2017, uint64(i)))
	net, p := penaltyNet(t, rng, rows, f.hidden, f.out, 2, 16, 16, 1)
	c := newPenaltyCase(rng, f.kind, 2, rows, f.onLogit)
	net.ZeroGrad()
	value := c.apply(p)
	fx := &penaltyFixture{
		Name: f.name, Kind: c.kindName, Coef: c.coef, OnLogit: f.onLogit, Rows: rows,
		Real: c.real, Fake: c.fake, Eps: c.eps,
		Params: append([]float32(nil), net.Params...), Penalty: value,
		Grads: append([]float32(nil), net.Grads...),
	}
	for _, layer := range net.Layers {
		l := layer.(*Dense)
		fx.Layers = append(fx.Layers, fixtureLayer{l.In, l.Out, l.Act, l.Slope})
	}
	return fx
}

// TestPenaltyFixture re-derives the committed fixtures in
// testdata/penalty-*.json, so that CI sees they are what the code
// computes today (within float32 rounding: the SIMD kernels sum in
// another order); with -penalty-dump=DIR it writes them there instead.
func TestPenaltyFixture(t *testing.T) {
	for i, f := range penaltyFixtures {
		t.Run(f.name, func(t *testing.T) {
			fx := makeFixture(t, i)
			file := "penalty-" + f.name + ".json"
			if *penaltyDump != "" {
				b, err := json.MarshalIndent(fx, "", " ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(*penaltyDump, file), append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			var want penaltyFixture
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(want.Params, fx.Params) || !slices.Equal(want.Real, fx.Real) ||
				!slices.Equal(want.Fake, fx.Fake) || !slices.Equal(want.Eps, fx.Eps) {
				t.Fatal("the fixture's network or rows are not what the seed draws today")
			}
			if math.Abs(fx.Penalty-want.Penalty) > 1e-5*math.Abs(want.Penalty) {
				t.Errorf("penalty %.9g, fixture %.9g", fx.Penalty, want.Penalty)
			}
			checkRel(t, "grads", want.Grads, fx.Grads, 1e-5)
		})
	}
}

// BenchmarkPenalty times one WGAN-GP penalty on a batch of 100 rows for
// a 1→32→32→1 critic against one plain forward and backward pass of D
// (parameter gradients only, as D's step takes them) on the same batch,
// with a piecewise-linear hidden activation (no second sweep) and a
// curved one.
func BenchmarkPenalty(b *testing.B) {
	const rows = 100
	for _, hidden := range []Activation{LeakyReLU, Tanh} {
		rng := rand.New(rand.NewPCG(9, 9))
		net, p := penaltyNet(b, rng, rows, hidden, Identity, 1, 32, 32, 1)
		real, fake, eps := normals(rng, rows), normals(rng, rows), uniforms(rng, rows)
		dy := normals(rng, rows)
		b.Run(hidden.String()+"/forward-backward", func(b *testing.B) {
			for b.Loop() {
				net.Forward(real, rows)
				net.Backward(dy, rows, true, false)
			}
			net.ZeroGrad()
		})
		b.Run(hidden.String()+"/wgan-gp", func(b *testing.B) {
			for b.Loop() {
				p.WGANGP(real, fake, eps, rows, 10)
			}
			net.ZeroGrad()
		})
	}
}
