package engine

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// perSample is the textbook per-sample design the zoo tests vary.
func perSample() Config {
	c := blogConfig()
	c.Name = "per-sample"
	c.Noise, c.NoiseDim, c.GOut, c.DIn = NoiseNormal, 2, 1, 1
	c.GHidden, c.DHidden = []int{8, 8}, []int{8, 8}
	c.GActs = []Activation{LeakyReLU, LeakyReLU, Identity}
	c.DActs = []Activation{LeakyReLU, LeakyReLU, Sigmoid}
	c.LeakySlope = 0.2
	c.DSteps, c.GSteps = 1, 1
	return c
}

// TestEveryDesignTrains builds each model shape and loss the zoo uses and
// trains it a few epochs: the losses and weights must stay finite, and a
// second run of the same seed must give the same history.
func TestEveryDesignTrains(t *testing.T) {
	designs := map[string]func(*Config){
		"diffs":            func(c *Config) { c.NoiseDim, c.GOut, c.DInput = 1, 1, DInputDiffs },
		"moments":          func(c *Config) { c.NoiseDim, c.GOut, c.DInput, c.DActs[2] = 1, 1, DInputMoments, Sigmoid },
		"per-sample":       func(c *Config) { *c = perSample() },
		"feature matching": func(c *Config) { *c = perSample(); c.GLoss = GLossFeatureMatching },
		"minibatch disc.":  func(c *Config) { *c = perSample(); c.MBDKernels, c.MBDDim = 3, 2 },
		"mbd + fm + lsgan": func(c *Config) {
			*c = perSample()
			c.MBDKernels, c.MBDDim, c.GLoss, c.Loss, c.DActs[2] = 3, 2, GLossFeatureMatching, LossLeastSquares, Identity
		},
		"mbd on rows":    func(c *Config) { c.DIn, c.MBDKernels, c.MBDDim = 10, 4, 3 },
		"mixture target": func(c *Config) { *c = perSample(); c.Target = "mixture(-2,0.5;2,0.5)" },
		"skewed targets": func(c *Config) { *c = perSample(); c.Target = "exponential(0.5)" },
	}
	for name, edit := range designs {
		t.Run(name, func(t *testing.T) {
			cfg := blogConfig()
			edit(&cfg)
			a, b := mustNew(t, cfg, 5), mustNew(t, cfg, 5)
			ha, hb := train(t, a, 15), train(t, b, 15)
			if !slices.Equal(ha, hb) {
				t.Fatal("same seed gave different histories")
			}
			if m := evaluated(a, 500, HistSpec{}); !finite(m.KS) || !finite(m.Mean) {
				t.Fatalf("evaluation not finite: %+v", m)
			}
		})
	}
}

// TestDiscriminatorShapes checks the layers New builds for each d_input.
func TestDiscriminatorShapes(t *testing.T) {
	for _, c := range []struct {
		input    DInput
		mbd      int
		firstIn  int
		firstOut int
		layers   int
	}{
		{DInputRaw, 0, 100, 50, 3},
		{DInputDiffs, 0, 100, 200, 4},
		{DInputMoments, 0, 100, 4, 4},
		{DInputRaw, 5, 100, 50, 4},
	} {
		cfg := blogConfig()
		cfg.DInput, cfg.MBDKernels, cfg.MBDDim, cfg.Batch = c.input, c.mbd, 2, 200
		g := mustNew(t, cfg, 1)
		l := g.disc.Layers[0]
		if l.InSize() != c.firstIn || l.OutSize() != c.firstOut || len(g.disc.Layers) != c.layers {
			t.Errorf("%s, mbd %d: first layer %d → %d, %d layers; want %d → %d, %d layers",
				c.input, c.mbd, l.InSize(), l.OutSize(), len(g.disc.Layers), c.firstIn, c.firstOut, c.layers)
		}
		if out := g.disc.Layers[len(g.disc.Layers)-1]; out.InSize() != 50+c.mbd || out.OutSize() != 1 {
			t.Errorf("%s, mbd %d: output layer %d → %d", c.input, c.mbd, out.InSize(), out.OutSize())
		}
	}
}

// TestFeatureMatchingGradient checks G's feature-matching gradient against
// central finite differences of the loss in G's parameters.
func TestFeatureMatchingGradient(t *testing.T) {
	cfg := perSample()
	cfg.GLoss, cfg.Batch = GLossFeatureMatching, 20
	g := mustNew(t, cfg, 3)
	rng := rand.New(rand.NewPCG(1, 1))
	real := make([]float32, cfg.Batch)
	noise := make([]float32, len(g.noise))
	for i := range real {
		real[i] = float32(4 + 1.25*rng.NormFloat64())
	}
	fillNoise(noise, NoiseNormal, rng)
	g.gen.ZeroGrad()
	g.featureMatching(real, noise)
	grads := slices.Clone(g.gen.Grads)
	const h = 1e-3 // small, so few leaky-ReLU kinks in D are crossed
	for i := range g.gen.Params {
		old := g.gen.Params[i]
		g.gen.Params[i] = old + h
		g.gen.ParamsChanged()
		up := g.featureMatching(real, noise)
		g.gen.Params[i] = old - h
		g.gen.ParamsChanged()
		down := g.featureMatching(real, noise)
		g.gen.Params[i] = old
		g.gen.ParamsChanged()
		num := (up - down) / (2 * h)
		if math.Abs(num-float64(grads[i])) > 2e-3+2e-2*math.Abs(num) {
			t.Errorf("dL/dθ[%d] = %.6g by backward, %.6g by finite differences", i, grads[i], num)
		}
	}
}

// TestMinibatchDCurve: a minibatch discriminator scores single samples
// within the last real batch, and drawing its curve changes nothing in
// the run.
func TestMinibatchDCurve(t *testing.T) {
	cfg := perSample()
	cfg.MBDKernels, cfg.MBDDim = 4, 3
	a, b := mustNew(t, cfg, 2), mustNew(t, cfg, 2)
	if !a.ScoresSamples() {
		t.Fatal("a per-sample D with minibatch discrimination does not score samples")
	}
	curve := make([]float64, 130)
	for range 3 {
		if !a.DCurve(curve, -2, 10) {
			t.Fatal("no curve")
		}
		for i, y := range curve {
			if !(y > 0 && y < 1) {
				t.Fatalf("D(x_%d) = %g, want a probability", i, y)
			}
		}
		if !slices.Equal(train(t, a, 3), train(t, b, 3)) {
			t.Fatal("drawing D's curve changed training")
		}
	}
	// The curve of one x is its score as one more member of the last real
	// batch: check one point against a direct evaluation.
	f := a.disc.ForwardTo(a.featK, a.real, a.dRows)
	fr := slices.Clone(f)
	mbd := a.mbd
	feat := slices.Clone(a.disc.ForwardTo(a.featK, []float32{4}, 1))
	var o []float64
	ref := make([]float32, len(mbd.ref))
	mbd.project(ref, fr, a.dRows)
	mx := make([]float32, mbd.B*mbd.C)
	mbd.project(mx, feat, 1)
	for b := range mbd.B {
		var s float64
		for j := range a.dRows {
			var l1 float64
			for c := range mbd.C {
				l1 += math.Abs(float64(mx[b*mbd.C+c] - ref[j*mbd.B*mbd.C+b*mbd.C+c]))
			}
			s += math.Exp(-l1)
		}
		o = append(o, s/float64(a.dRows))
	}
	out := a.disc.Layers[len(a.disc.Layers)-1].(*Dense)
	z := float64(out.B()[0])
	for k, v := range feat {
		z += float64(out.W()[k]) * float64(v)
	}
	for b, v := range o {
		z += float64(out.W()[len(feat)+b]) * v
	}
	want := 1 / (1 + math.Exp(-z))
	one := make([]float64, 1)
	a.DCurve(one, 4, 4)
	if math.Abs(one[0]-want) > 1e-5 {
		t.Errorf("D(4) within the real batch = %.7f, want %.7f", one[0], want)
	}
}

func TestRowDesignsDrawNoCurve(t *testing.T) {
	for _, input := range []DInput{DInputDiffs, DInputMoments} {
		cfg := blogConfig()
		cfg.DInput = input
		if g := mustNew(t, cfg, 1); g.ScoresSamples() || g.DCurve(make([]float64, 3), 0, 1) {
			t.Errorf("d_input %s: D reads rows, yet a D(x) curve was drawn", input)
		}
	}
}

func TestModeCoverage(t *testing.T) {
	tg, _ := ParseTarget("mixture(-2,0.5;2,0.5)")
	rng := rand.New(rand.NewPCG(4, 4))
	both := make([]float64, 4000)
	for i := range both {
		both[i] = tg.Sample(rng)
	}
	m := Evaluate(both, 1, tg, HistSpec{})
	if m.ModesCovered != 2 || len(m.Modes) != 2 || math.Abs(m.Modes[0].Share-0.5) > 0.03 || math.Abs(m.Modes[1].Expected-0.49865) > 1e-4 {
		t.Errorf("a sample of the target: %d modes covered, %+v", m.ModesCovered, m.Modes)
	}
	one := make([]float64, 4000) // collapsed onto the right mode, a few strays
	for i := range one {
		one[i] = 2 + 0.5*rng.NormFloat64()
		if i%20 == 0 {
			one[i] = -2
		}
	}
	m = Evaluate(one, 1, tg, HistSpec{})
	if m.ModesCovered != 1 || m.Modes[1].Covered != true || math.Abs(m.Modes[0].Share-0.05) > 1e-9 {
		t.Errorf("collapsed sample: %d modes covered, %+v", m.ModesCovered, m.Modes)
	}
	normal, _ := ParseTarget("normal(4,1.25)")
	if m := Evaluate(one, 1, normal, HistSpec{}); m.Modes != nil {
		t.Errorf("a normal target has no mode coverage, got %+v", m.Modes)
	}
}

func TestDefaultRangeFollowsTheSupport(t *testing.T) {
	for spec, want := range map[string][2]float64{
		"normal(4,1.25)": {-1, 9},
		"uniform(2,6)":   {2 - 4/math.Sqrt(12)/4, 6 + 4/math.Sqrt(12)/4},
		"exponential(1)": {-0.25, 5},
	} {
		tg, _ := ParseTarget(spec)
		lo, hi := DefaultRange(tg)
		if math.Abs(lo-want[0]) > 1e-12 || math.Abs(hi-want[1]) > 1e-12 {
			t.Errorf("%s: range [%g, %g], want %v", spec, lo, hi, want)
		}
	}
}

func TestValidateZooFields(t *testing.T) {
	cases := map[string]func(*Config){
		"d_input":     func(c *Config) { c.DInput = DInputDiffsDetached + 1 },
		"d_in":        func(c *Config) { c.DInput, c.DIn, c.GOut, c.NoiseDim = DInputMoments, 1, 1, 1 },
		"mbd_kernels": func(c *Config) { c.MBDKernels = MaxMBDKernels + 1 },
		"mbd_dim":     func(c *Config) { c.MBDKernels, c.MBDDim = 3, 0 },
		"g_loss":      func(c *Config) { c.GLoss, c.DHidden, c.DActs = GLossFeatureMatching, nil, []Activation{Sigmoid} },
		"d_acts":      func(c *Config) { c.DActs[2] = Identity }, // bce needs a sigmoid
		"name":        func(c *Config) { c.Name = "two\nlines" },
	}
	for field, edit := range cases {
		cfg := blogConfig()
		edit(&cfg)
		err := cfg.Validate()
		if err == nil || !strings.HasPrefix(err.Error(), field+":") || strings.Contains(err.Error(), "\n") {
			t.Errorf("bad %s: got error %v, want one line starting %q", field, err, field+":")
		}
	}
	mbdRows := blogConfig()
	mbdRows.MBDKernels, mbdRows.MBDDim = 2, 2 // D reads one row of 100: no pairs
	if err := mbdRows.Validate(); err == nil || !strings.HasPrefix(err.Error(), "mbd_kernels:") {
		t.Errorf("minibatch discrimination on one row: %v", err)
	}
}

// TestSetHiddenFollowsDepth: new hidden widths of another depth keep a
// network's activation when its hidden layers share one, and leave mixed
// ones for g_acts to give (Validate says how many).
func TestSetHiddenFollowsDepth(t *testing.T) {
	c := blogConfig() // ReLU, ReLU, then identity (G) and sigmoid (D)
	if err := c.Set("g_hidden", "[16,16,16]"); err != nil {
		t.Fatal(err)
	}
	if err := c.Set("d_hidden", "8"); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.GActs, []Activation{ReLU, ReLU, ReLU, Identity}) || !slices.Equal(c.DActs, []Activation{ReLU, Sigmoid}) {
		t.Fatalf("g_acts %v, d_acts %v", c.GActs, c.DActs)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	c.GActs = []Activation{ELU, Sigmoid, Identity}
	c.GHidden = []int{50, 50}
	if err := c.Set("g_hidden", "32"); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "g_acts: need 2 activations") {
		t.Fatalf("mixed activations after a new depth: %v", err)
	}
	if err := c.Set("g_acts", "tanh,identity"); err != nil || c.Validate() != nil {
		t.Fatalf("g_acts given: %v, %v", err, c.Validate())
	}
}

func TestConfigSet(t *testing.T) {
	c := blogConfig()
	for _, kv := range [][2]string{
		{"g_lr", "2e-4"}, {"epochs", "5e3"}, {"d_steps", "3"}, {"g_hidden", "32,16"},
		{"d_acts", "elu,elu,sigmoid"}, {"d_hidden", "[64, 64]"}, {"target", "mixture(-2,0.5;2,0.5)"},
		{"description", "mine, with commas"},
	} {
		if err := c.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("Set(%s, %s): %v", kv[0], kv[1], err)
		}
	}
	if c.GLR != 2e-4 || c.Epochs != 5000 || c.DSteps != 3 || !slices.Equal(c.GHidden, []int{32, 16}) ||
		!slices.Equal(c.DActs, []Activation{ELU, ELU, Sigmoid}) || !slices.Equal(c.DHidden, []int{64, 64}) ||
		c.Target != "mixture(-2,0.5;2,0.5)" || c.Description != "mine, with commas" {
		t.Fatalf("after Set: %+v", c)
	}
	if err := c.Set("g_hidden", ""); err != nil || len(c.GHidden) != 0 || c.GHidden == nil {
		t.Errorf("Set(g_hidden, \"\") = %v, %#v; want an empty list", err, c.GHidden)
	}
	// Each row is set on its own copy of the design so far, so that a row
	// that wrongly succeeds changes no later row's result.
	design := c
	for _, bad := range []struct{ key, value, want string }{
		{"glr", "1", `unknown key "glr" (did you mean "g_lr"?)`},
		{"nonsense", "1", `unknown key "nonsense" (--show-preset NAME lists the keys)`},
		{"", "1", `unknown key "" (--show-preset NAME lists the keys)`},
		{"G_LR", "1", `unknown key "G_LR" (did you mean "g_lr"?)`},
		// A key of both players, or of one, named without the player.
		{"lr", "1e-3", `unknown key "lr" (did you mean "d_lr" or "g_lr"?)`},
		{"beta1", "0.5", `unknown key "beta1" (did you mean "d_beta1" or "g_beta1"?)`},
		{"ema", "0.99", `unknown key "ema" (did you mean "g_ema"?)`},
		// A part of a key's name: "warmup" is given the keys that hold it, not
		// told only where the keys are listed.
		{"warmup", "100", `unknown key "warmup" (did you mean "d_warmup_steps", "d_warmup_epochs" or "d_warmup_every"?)`},
		{"steps", "5", `unknown key "steps" (did you mean "d_steps", "g_steps" or "d_warmup_steps"?)`},
		{"second_order", "true", `unknown key "second_order" (did you mean "unroll_second_order"?)`},
		// The first key --show-preset prints: said what it is, not "unknown key
		// … (ganui --show-preset NAME lists the keys)", which sends the user to
		// it.
		{"ganui_version", "v1.0.0", `ganui_version names the ganui that wrote a preset file; it is no setting of the design`},
		// A run's setting, given as a key of its design: the flag that gives
		// it, not the list of keys, which has none of them.
		{"seed", "3", `unknown key "seed" (the seed is the run's, not the design's: --seed S, or --seeds A-B for several)`},
		{"seeds", "1,2", `unknown key "seeds" (the seed is the run's, not the design's: --seed S, or --seeds A-B for several)`},
		{"samples", "1000", `unknown key "samples" (the samples behind an evaluation are the run's, not the design's: --samples N)`},
		{"every", "1", `unknown key "every" (the progress lines are the run's, not the design's: --every K)`},
		{"batch_size", "64", `unknown key "batch_size" (did you mean "batch"?)`},
		{"batchsize", "64", `unknown key "batchsize" (did you mean "batch"?)`},
		{"g_learning_rate", "1e-3", `unknown key "g_learning_rate" (did you mean "g_lr"?)`},
		{"learning_rate", "1e-3", `unknown key "learning_rate" (did you mean "d_lr" or "g_lr"?)`},
		{"noise-dimension", "4", `unknown key "noise-dimension" (did you mean "noise_dim"?)`},
		{"speed", "full", `unknown key "speed" (the pace is the run's, not the design's: --speed full|N)`},
		// The design itself, named as a key of it: the flag, not the list of
		// keys.
		{"preset", "ring", `unknown key "preset" (the preset is the design, not a setting of it: --preset NAME|FILE.json, or "base": NAME in a preset file)`},
		{"base", "ring", `unknown key "base" (the preset is the design, not a setting of it: --preset NAME|FILE.json, or "base": NAME in a preset file)`},
		{"g_lr", "fast", `g_lr: "fast" is not a number; allowed: (0,10]`},
		{"epochs", "1.5", `epochs: 1.5 is not a whole number; allowed: 1..1,000,000,000`},
		{"epochs", "1e30", `epochs: 1e30 out of range 1..1,000,000,000`},
		{"g_lr", "1e999", `g_lr: 1e999 out of range (0,10]`},
		// Go's other forms of a number, hexadecimal and underscores, are
		// refused with the number to write (goForm), not "is not a number",
		// and with what is wrong with that number, as after a +.
		{"epochs", "0x1p4", `epochs: "0x1p4" is hexadecimal; write it in decimal: 16`},
		{"epochs", "1_000", `epochs: "1_000" has underscores; write it without them: 1000`},
		{"g_lr", "0x1p-10", `g_lr: "0x1p-10" is hexadecimal; write it in decimal: 0.0009765625`},
		{"g_hidden", "0x10,8", `g_hidden: width "0x10" is hexadecimal; write it in decimal: 16`},
		{"g_hidden", "8,0x2000", `g_hidden: width "0x2000" is hexadecimal, and 8,192 out of range 1..4,096`},
		{"batch", "1_000_000", `batch: "1_000_000" has underscores, and 1,000,000 out of range 1..100,000`},
		{"batch", "0x", `batch: "0x" is not a number; allowed: 1..100,000`},
		// A count with commas between its thousands, as a reader writes
		// one, is told the number to write, as --epochs 10,000 is; a
		// width's commas are its list's. Full-width digits, as an East
		// Asian input method types them, are told the plain ones.
		{"epochs", "10,000", `epochs: "10,000" has commas; write it without them: 10000`},
		{"batch", "1,000,000", `batch: "1,000,000" has commas, and 1,000,000 out of range 1..100,000`},
		// A list of widths that is one width with its thousands grouped
		// too, a width after the first three digits that begin with a 0,
		// is told the one width where the key takes it, beside the widths'
		// refusal, or both readings where it takes both; where it was
		// "width 0 out of range" (Validate's), or trained as 2 and 48.
		{"g_hidden", "1,000", `g_hidden: width 0 out of range 1..4,096; 1,000 is one width? write it 1000`},
		{"g_hidden", "2,048", `g_hidden: width "048" begins with a 0, as a number's thousands do after a comma; 2,048 is one width? write it 2048, or 2,48 for 2 widths`},
		// In brackets, where JSON's spaces follow the list's commas, the
		// width is the items joined by commas alone, as a preset file's
		// [16, 2,048] is read, where "write it without it: 48" offered
		// the widths 16, 2 and 48; and thousands grouped by spaces are
		// one width, where "widths are separated by commas: [1,024,16]"
		// offered a list refused for its "024".
		{"g_hidden", "[16, 2,048]", `g_hidden: width "048" begins with a 0, as a number's thousands do after a comma; 2,048 is one width? write it 2048, or 2,48 for 2 widths`},
		{"g_hidden", "[16, 64,000]", `g_hidden: width "000" has leading 0s, and 0 out of range 1..4,096; as one width, 64,000 out of range 1..4,096`},
		{"g_hidden", "[1 024,16]", `g_hidden: width "1 024" has spaces in it, as a number's thousands do; write it 1024`},
		{"g_hidden", "1 024,16", `g_hidden: width "1 024" has spaces in it, as a number's thousands do; write it 1024`},
		{"g_hidden", "[16,64 000]", `g_hidden: width "64 000" has spaces in it, as a number's thousands do, and as one width, 64,000 out of range 1..4,096`},
		// So with a fraction of 0s after them, where 2,048.0 was told
		// `width "048.0" has a leading 0; write it without it: 48.0`;
		// and with another fraction, which neither reading makes whole,
		// both readings, where 1,000.5 was told `width 000.5 is not a
		// whole number`, of the list alone.
		{"g_hidden", "2,048.0", `g_hidden: width "048.0" begins with a 0, as a number's thousands do after a comma; 2,048.0 is one width? write it 2048, or 2,48 for 2 widths`},
		// a point alone after the thousands, as 48. is 48: the one width, not "write it without it: 48."
		{"g_hidden", "2,048.", `g_hidden: width "048." begins with a 0, as a number's thousands do after a comma; 2,048. is one width? write it 2048, or 2,48 for 2 widths`},
		{"g_hidden", "1,000.", `g_hidden: width 0 out of range 1..4,096; 1,000. is one width? write it 1000`},
		{"g_hidden", "1,000.0", `g_hidden: width 0 out of range 1..4,096; 1,000.0 is one width? write it 1000`},
		{"g_hidden", "64,000.0", `g_hidden: width "000.0" has leading 0s, and 0 out of range 1..4,096; as one width, 64,000 out of range 1..4,096`},
		{"g_hidden", "1,000.5", `g_hidden: "1,000.5" is one width with a fraction, 1000.5, or the widths 1 and 000.5, and a width is a whole number; allowed: 1..4,096`},
		{"d_hidden", "1,000,000.5", `d_hidden: "1,000,000.5" is one width with a fraction, 1000000.5, or the widths 1, 000 and 000.5, and a width is a whole number; allowed: 1..4,096`},
		{"g_hidden", "32,1,000.5", `g_hidden: width 000.5 is not a whole number; allowed: 1..4,096`}, // 32,1 groups no thousands: a list
		{"g_hidden", "[1,000.5]", `g_hidden: width 000.5 is not a whole number; allowed: 1..4,096`},  // in brackets: a list
		// A whole part that begins with a 0 before another digit, which a
		// preset file refuses ("05: JSON writes it 5"), is refused with
		// the number to write, where --set took gp=05 as 5 and gp=00 as
		// 0; a width after groupedWidths has had its say.
		{"gp", "05", `gp: "05" has a leading 0; write it without it: 5`},
		{"gp", "00", `gp: "00" has a leading 0; write it without it: 0`},
		{"gp", "000.5", `gp: "000.5" has leading 0s; write it without them: 0.5`},
		{"gp", "-05", `gp: "-05" has a leading 0, and -5 out of range: 0 (off) or (0,1000]`},
		// A zero's - goes with its 0s, and is said to, where -00 was told
		// "has a leading 0; write it without it: 0", the - dropped unsaid.
		{"gp", "-00", `gp: "-00" has a - and a leading 0; write it without them: 0`},
		{"gp", "-000.0", `gp: "-000.0" has a - and leading 0s; write it without them: 0.0`},
		{"batch", "-00", `batch: "-00" has a - and a leading 0, and 0 out of range 1..100,000`},
		{"batch", "064", `batch: "064" has a leading 0; write it without it: 64`},
		{"g_hidden", "016,32", `g_hidden: width "016" has a leading 0; write it without it: 16`},
		{"g_hidden", "16,016", `g_hidden: width "016" has a leading 0; write it without it: 16; as one width, 16,016 out of range 1..4,096`},
		// a width the key refuses with its thousands grouped is named too,
		// not the group's width 0 alone
		{"g_hidden", "64,000", `g_hidden: width "000" has leading 0s, and 0 out of range 1..4,096; as one width, 64,000 out of range 1..4,096`},
		{"g_hidden", "1,024,000", `g_hidden: width "024" has a leading 0; write it without it: 24; as one width, 1,024,000 out of range 1..4,096`},
		{"g_hidden", "[64,000]", `g_hidden: width "000" has leading 0s, and 0 out of range 1..4,096; as one width, 64,000 out of range 1..4,096`}, // in brackets too, as a preset file's [64,000]
		{"epochs", "１０００", `epochs: "１０００" has full-width digits; write it in plain digits: 1000`},
		{"g_lr", "１ｅ－３", `g_lr: "１ｅ－３" has full-width digits; write it in plain digits: 1e-3`},
		{"g_hidden", "32,１６", `g_hidden: width "１６" has full-width digits; write it in plain digits: 16`},
		// Digits of another script are told alike, where they were "not a number".
		{"d_steps", "٥", `d_steps: "٥" has digits of another script; write it in plain digits: 5`},
		{"g_lr", "١e-٣", `g_lr: "١e-٣" has digits of another script; write it in plain digits: 1e-3`},
		{"epochs", "१००", `epochs: "१००" has digits of another script; write it in plain digits: 100`},
		{"epochs", "\U0001D7D9\U0001D7EC", `epochs: "𝟙𝟬" has digits of another script; write it in plain digits: 10`},
		// A minus sign or an en dash for a minus, as a paper writes 1e−3,
		// is told the hyphen to write, where it was "not a number".
		{"g_lr", "1e\u22123", `g_lr: "1e−3" has a minus sign −; write it with a hyphen -: 1e-3`},
		{"g_lr", "2e\u20134", `g_lr: "2e–4" has a dash –; write it with a hyphen -: 2e-4`},
		{"gp", "\u22125", `gp: "−5" has a minus sign −, and -5 out of range: 0 (off) or (0,1000]`},
		// with a decimal comma, commas or underscores too, both are told,
		// where "−0,5" and "−1_0" were "is not a number"
		{"gp", "\u22120,5", `gp: "−0,5" has a minus sign −, and "-0,5" has a decimal comma, and -0.5 out of range: 0 (off) or (0,1000]`},
		{"gp", "\u20130,5", `gp: "–0,5" has a dash –, and "-0,5" has a decimal comma, and -0.5 out of range: 0 (off) or (0,1000]`},
		{"g_lr", "\u22121_0", `g_lr: "−1_0" has a minus sign −, and "-1_0" has underscores, and -10 out of range (0,10]`},
		{"g_lr", "1e\u22121_0", `g_lr: "1e−1_0" has a minus sign −, and "1e-1_0" has underscores; write it without them: 1e-10`},
		{"batch", "\u22121,024", `batch: "−1,024" has a minus sign −, and "-1,024" has commas, and -1,024 out of range 1..100,000`},
		{"g_hidden", "[16,\u22121_6]", `g_hidden: width "−1_6" has a minus sign −, and "-1_6" has underscores, and -16 out of range 1..4,096`},
		{"g_lr", "\u22121,5e", `g_lr: "−1,5e" is not a number; allowed: (0,10]`}, // no number with a hyphen either
		// A decimal comma, to a key of a fraction, is told the point; commas
		// that may group thousands are told as either, each reading the key
		// takes, as a count's thousands are.
		{"g_lr", "0,001", `g_lr: "0,001" has a decimal comma; write it with a point: 0.001`},
		{"g_lr", "1,5e", `g_lr: "1,5e" is not a number; allowed: (0,10]`},
		{"g_lr", "12,5", `g_lr: "12,5" has a decimal comma, and 12.5 out of range (0,10]`},
		{"g_lr", "00,5", `g_lr: "00,5" has a decimal comma; write it with a point: 0.5`}, // its whole part's 0 too many dropped, as --sweep g_lr=00,5 is told
		{"g_lr", "-00,5", `g_lr: "-00,5" has a decimal comma, and -0.5 out of range (0,10]`},
		{"gp", "1,000", `gp: "1,000" has commas; write it without them: 1000, or 1.000 if the comma is a decimal one`},
		{"g_lr", "1,000", `g_lr: "1,000" has commas, and 1000 out of range (0,10]; if the comma is a decimal one, write it with a point: 1.000`},
		{"eps", "1,000", `eps: "1,000" has commas, and 1000 out of range [1e-12,1); if the comma is a decimal one, 1 out of range [1e-12,1)`},
		{"gp", "1,000,000", `gp: "1,000,000" has commas, and 1000000 out of range: 0 (off) or (0,1000]`},
		{"gp", "1,000,000.5", `gp: "1,000,000.5" has commas, and 1000000.5 out of range: 0 (off) or (0,1000]`},
		// a fraction's thousands before its point, read whole, not "not a number"
		{"gp", "1,000.5", `gp: "1,000.5" has commas, and 1000.5 out of range: 0 (off) or (0,1000]`},
		{"gp", "2,500.25", `gp: "2,500.25" has commas, and 2500.25 out of range: 0 (off) or (0,1000]`},
		{"d_lr", "1,000.5", `d_lr: "1,000.5" has commas, and 1000.5 out of range (0,10]`},
		// and a count's, which is a number, told it is not a whole one, as
		// --sweep epochs=1,000.5 tells it, where --set said "is not a number"
		{"epochs", "1,000.5", `epochs: "1,000.5" has commas, and 1000.5 is not a whole number; allowed: 1..1,000,000,000`},
		{"epochs", "1,000,000.5", `epochs: "1,000,000.5" has commas, and 1000000.5 is not a whole number; allowed: 1..1,000,000,000`},
		// a count's fraction of 0s, the whole number --set takes, not 1024.0
		{"batch", "1,024.0", `batch: "1,024.0" has commas; write it without them: 1024`},
		// A sign before grouped digits is read with them, as -0,001 is,
		// and told its range, where "-1,000" was "not a number".
		{"gp", "-1,000", `gp: "-1,000" has commas, and -1000 out of range: 0 (off) or (0,1000]; if the comma is a decimal one, -1 out of range: 0 (off) or (0,1000]`},
		{"batch", "-1,024", `batch: "-1,024" has commas, and -1,024 out of range 1..100,000`},
		{"gp", "-1,000.5", `gp: "-1,000.5" has commas, and -1000.5 out of range: 0 (off) or (0,1000]`},
		{"epochs", "1,000.00", `epochs: "1,000.00" has commas; write it without them: 1000`},
		{"batch", "1,000,000.0", `batch: "1,000,000.0" has commas, and 1,000,000 out of range 1..100,000`},
		{"gp", "1,000.0", `gp: "1,000.0" has commas; write it without them: 1000.0`}, // a fraction's key keeps its point
		// A point alone after the thousands, as 1000. is read 1000: the
		// whole number to any key, as g_hidden=2,048. is one width, where
		// it was `"1,000." is not a number`.
		{"gp", "1,000.", `gp: "1,000." has commas; write it without them: 1000`},
		{"batch", "1,024.", `batch: "1,024." has commas; write it without them: 1024`},
		{"g_lr", "1,000.", `g_lr: "1,000." has commas, and 1000 out of range (0,10]`},
		// A number in JSON's quotes, --set 'g_lr="1,000"', as a preset
		// file's is told: the quotes, and the commas' readings the key
		// takes; where it was "is not a number" of both.
		{"g_lr", `"1,000"`, `g_lr: "1,000" is text in quotes and has commas, and 1000 out of range (0,10]; if the comma is a decimal one, write it with a point: 1.000`},
		{"g_lr", `"0.001"`, `g_lr: "0.001" is text in quotes; write it without them: 0.001`},
		{"batch", `"1,024"`, `batch: "1,024" is text in quotes and has commas; write it without them: 1024`},
		{"epochs", `"1.5"`, `epochs: "1.5" is text in quotes, and 1.5 is not a whole number; allowed: 1..1,000,000,000`},
		{"g_lr", `"abc"`, `g_lr: "abc" is not a number; allowed: (0,10]`},
		{"epochs", "＋５", `epochs: "＋５" has full-width digits and a + before it; write it in plain digits without the +: 5`},
		{"epochs", "＋０", `epochs: "＋０" has full-width digits and a + before it, and 0 out of range 1..1,000,000,000`},
		{"epochs", "０ｘ１０", `epochs: "０ｘ１０" is not a number; allowed: 1..1,000,000,000`},
		{"g_hidden", "32,x", `g_hidden: width "x" is not a number; allowed: 1..4,096`},
		{"g_hidden", "[32, \"x\"]", `g_hidden: width "x" is not a number; allowed: 1..4,096`},
		// A number is written one way (PlainNumber): no '+', no spaces
		// around it, in a list too; JSON's spaces between items aside.
		{"epochs", "+5", `epochs: "+5" has a + before it; write it without one: 5`},
		{"g_lr", "+1e-3", `g_lr: "+1e-3" has a + before it; write it without one: 1e-3`},
		// What else is wrong with the number after the + is said with it, not
		// on the next try, once the + is dropped.
		{"epochs", "+1.5", `epochs: "+1.5" has a + before it, and 1.5 is not a whole number; allowed: 1..1,000,000,000`},
		{"epochs", "+2e9", `epochs: "+2e9" has a + before it, and 2,000,000,000 out of range 1..1,000,000,000`},
		{"g_lr", "+1e-300", `g_lr: "+1e-300" has a + before it, and 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38`},
		{"g_hidden", "+1.5", `g_hidden: width "+1.5" has a + before it, and 1.5 is not a whole number; allowed: 1..4,096`},
		// The range is Validate's, as a value out of it would be told.
		{"gp", "strong", `gp: "strong" is not a number; allowed: 0 (off) or (0,1000]`},
		{"d_beta2", "x", `d_beta2: "x" is not a number; allowed: [0,1)`},
		{"unroll", "1e40", `unroll: 1e40 out of range 0..20 (0: G does not unroll D)`},
		{"d_in", "two", `d_in: "two" is not a number; allowed: a divisor of batch 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100)`},
		{"d_steps", " 3 ", `d_steps: " 3 " has spaces around it; write it without them: 3`},
		{"g_lr", "1e-3 ", `g_lr: "1e-3 " has spaces around it; write it without them: 1e-3`},
		{"g_hidden", "32, 16", `g_hidden: "32, 16" has spaces in it; write the list without them: 32,16`},
		{"d_hidden", " 8,8 ,4", `d_hidden: " 8,8 ,4" has spaces around it`},
		{"d_hidden", "8,8 ,4", `d_hidden: "8,8 ,4" has spaces in it; write the list without them: 8,8,4`},
		{"g_hidden", "32, x", `g_hidden: width "x" is not a number; allowed: 1..4,096`},
		{"g_hidden", "+32", `g_hidden: width "+32" has a + before it; write it without one: 32`},
		{"g_hidden", "[32,32] ", `g_hidden: "[32,32] " has spaces around it; write it without them: [32,32]`},
		// What else is wrong with the number is said with the spaces, not
		// on the next try, once they are dropped.
		{"gp", "05 ", `gp: "05 " has spaces around it, and "05" has a leading 0; write it without it: 5`},
		// a CRLF script's carriage return, said as one
		{"gp", "5\r", `gp: "5\r" ends in a carriage return, as a script saved with Windows line ends does; write it without it: 5`},
		{"gp", "05\r", `gp: "05\r" ends in a carriage return, as a script saved with Windows line ends does, and "05" has a leading 0; write it without it: 5`},
		{"gp", "5 \r", `gp: "5 \r" has spaces around it; write it without them: 5`},
		{"g_lr", " 12.5", `g_lr: " 12.5" has spaces around it, and 12.5 out of range (0,10]`},
		{"g_hidden", "[32,05] ", `g_hidden: "[32,05] " has spaces around it, and width "05" has a leading 0; write it without it: 5`},
		{"g_hidden", "05, 16", `g_hidden: "05, 16" has spaces in it, and width "05" has a leading 0; write it without it: 5`},
		{"g_hidden", "[+32]", `g_hidden: width "+32" has a + before it; write it without one: 32`},
		// An infinity or NaN, in any spelling strconv reads, is not a finite
		// number, as typed: not "NaN out of range" (NaN is in no order), nor
		// inf "+Inf out of range", nor +Inf "not a number".
		{"g_lr", "nan", `g_lr: nan is not a finite number; allowed: (0,10]`},
		{"g_lr", "NaN", `g_lr: NaN is not a finite number; allowed: (0,10]`},
		{"g_lr", "inf", `g_lr: inf is not a finite number; allowed: (0,10]`},
		{"g_lr", "+Inf", `g_lr: +Inf is not a finite number; allowed: (0,10]`},
		{"d_lr", "-Infinity", `d_lr: -Infinity is not a finite number; allowed: (0,10]`},
		{"gp", "nan", `gp: nan is not a finite number; allowed: 0 (off) or (0,1000]`},
		{"batch", "inf", `batch: inf is not a finite number; allowed: 1..100,000`},
		{"epochs", "NaN", `epochs: NaN is not a finite number; allowed: 1..1,000,000,000`},
		{"g_hidden", "32,inf", `g_hidden: width inf is not a finite number; allowed: 1..4,096`},
		// A NaN with a sign, as glibc's printf writes one, is one too: strconv
		// reads a sign on an infinity only, and +nan is not told "not a
		// number".
		{"g_lr", "+nan", `g_lr: +nan is not a finite number; allowed: (0,10]`},
		{"g_lr", "-nan", `g_lr: -nan is not a finite number; allowed: (0,10]`},
		{"gp", "-NaN", `gp: -NaN is not a finite number; allowed: 0 (off) or (0,1000]`},
		{"epochs", "+NAN", `epochs: +NAN is not a finite number; allowed: 1..1,000,000,000`},
		{"g_hidden", "32,-nan", `g_hidden: width -nan is not a finite number; allowed: 1..4,096`},
		{"g_lr", "+-nan", `g_lr: "+-nan" is not a number; allowed: (0,10]`},
	} {
		c := design.Clone()
		err := c.Set(bad.key, bad.value)
		if err == nil || err.Error() != bad.want {
			t.Errorf("Set(%q, %q) = %v, want %q", bad.key, bad.value, err, bad.want)
		}
	}
}

// TestBracketedWidthsSayAsPlain: a list of widths in brackets, as a --sweep
// value holds one, tells each width what is wrong with it as the list without
// brackets does, the value as typed: [inf] is not "want a list of integers, got
// [inf]", nor [2.5] "got number 2.5", beside inf's "width inf is not a finite
// number".
func TestBracketedWidthsSayAsPlain(t *testing.T) {
	set := func(value string) error { // as --set does: Set, then Validate
		c := blogConfig()
		if err := c.Set("g_hidden", value); err != nil {
			return err
		}
		return c.Validate()
	}
	for _, item := range []string{"inf", "nan", "1e400", "-3", "2.5", "32,inf", "32,-3"} {
		plain, bracketed := set(item), set("["+item+"]")
		if plain == nil || bracketed == nil {
			t.Fatalf("%s: plain %v, bracketed %v", item, plain, bracketed)
		}
		want := strings.Replace(plain.Error(), strconv.Quote(item), strconv.Quote("["+item+"]"), 1)
		if bracketed.Error() != want {
			t.Errorf("Set(g_hidden, [%s]) = %q, want %q", item, bracketed, want)
		}
	}
	// JSON's spaces between items are taken, in brackets as before.
	c := blogConfig()
	if err := c.Set("g_hidden", "[32, 16]"); err != nil || !slices.Equal(c.GHidden, []int{32, 16}) {
		t.Errorf("Set(g_hidden, [32, 16]): %v, %v", err, c.GHidden)
	}
	if err := c.Set("g_hidden", "[ ]"); err != nil || len(c.GHidden) != 0 {
		t.Errorf("Set(g_hidden, [ ]): %v, %v", err, c.GHidden)
	}
}

// TestWidthSaysTheSameEitherWay: a width is told what is wrong with it in one
// rule, whichever way it came in: --set's plain list, the list in brackets,
// with JSON's quotes, after a space in a plain list, and a preset file's list
// (SetJSON). 2.5 is not told as the whole value, "\"2.5\" is not a list of
// integers like 32,32" from --set and "want a list of integers, got number 2.5"
// from a file; nor ["x"] in JSON's words, "want a list of integers, got
// string"; nor is 1, inf given the hint to write 1,inf, which is refused.
func TestWidthSaysTheSameEitherWay(t *testing.T) {
	for _, w := range []struct{ set, json, want string }{ // the width in --set's list, in JSON; "" for none
		{"2.5", "2.5", "width 2.5 is not a whole number; allowed: 1..4,096"},
		{"-2.5", "-2.5", "width -2.5 is not a whole number; allowed: 1..4,096"},
		{"1e-400", "1e-400", "width 1e-400 is not a whole number; allowed: 1..4,096"},
		{"x", `"x"`, `width "x" is not a number; allowed: 1..4,096`},
		{"", `"32"`, `width "32" is text in quotes; write it without them: 32`},           // JSON's quotes make it text
		{"", `"5000"`, `width "5000" is text in quotes, and 5,000 out of range 1..4,096`}, // and its size in the same message
		{"true", "", `width "true" is not a number; allowed: 1..4,096`},
		{"", "true", `width true is not a number; allowed: 1..4,096`}, // JSON's literals, as JSON writes them
		{"", "false", `width false is not a number; allowed: 1..4,096`},
		{"", "null", `width null is not a number; allowed: 1..4,096`},
		{"1e30", "1e30", "width 1e30 out of range 1..4,096"},
		{"inf", "", "width inf is not a finite number; allowed: 1..4,096"}, // no JSON number
		{"+32", "", `width "+32" has a + before it; write it without one: 32`},
	} {
		for _, key := range []string{"g_hidden", "d_hidden"} {
			ways := map[string]func(c *Config) error{}
			if w.set != "" {
				ways["alone"] = func(c *Config) error { return c.Set(key, w.set) }
				ways["plain"] = func(c *Config) error { return c.Set(key, "16,"+w.set) }
				ways["after a space"] = func(c *Config) error { return c.Set(key, "16, "+w.set) }
				ways["bracketed"] = func(c *Config) error { return c.Set(key, "[16, "+w.set+"]") }
			}
			if w.json != "" {
				if w.set != "" || strings.HasPrefix(w.json, `"`) { // else --set's [16, true] is its bracketed list, true its text
					ways["--set JSON"] = func(c *Config) error { return c.Set(key, "[16, "+w.json+"]") }
				}
				ways["preset file"] = func(c *Config) error { return c.SetJSON(key, []byte("[16, "+w.json+"]")) }
				ways["preset file, alone"] = func(c *Config) error { return c.SetJSON(key, []byte("["+w.json+"]")) }
			}
			for way, set := range ways {
				c := blogConfig()
				if err := set(&c); err == nil || err.Error() != key+": "+w.want {
					t.Errorf("%s %s, %s: %v; want %q", key, w.set+w.json, way, err, key+": "+w.want)
				}
			}
		}
	}
	// Spaces in a plain list are told once every width is one.
	c := blogConfig()
	if err := c.Set("g_hidden", "16, 8"); err == nil || err.Error() != `g_hidden: "16, 8" has spaces in it; write the list without them: 16,8` {
		t.Errorf("Set(g_hidden, 16, 8) = %v", err)
	}
}

// TestWholeNumberSaysTheSameEitherWay: the value of an integer field is told
// what is wrong with it in one rule (readWhole), as a width is, from --set and
// a preset file (SetJSON): --set epochs=1.5 is not `"1.5" is not an integer`
// beside a file's 1.5 "want an integer, got 1.5", nor a file's "100", a number
// in quotes, "want an integer, got string".
func TestWholeNumberSaysTheSameEitherWay(t *testing.T) {
	for _, v := range []struct{ set, json, want string }{ // "" for no way to write it
		{"1.5", "1.5", "1.5 is not a whole number; allowed: 1..1,000,000,000"},
		{"-2.5", "-2.5", "-2.5 is not a whole number; allowed: 1..1,000,000,000"},
		{"1e-400", "1e-400", "1e-400 is not a whole number; allowed: 1..1,000,000,000"},
		{"x", `"x"`, `"x" is not a number; allowed: 1..1,000,000,000`},
		{"true", "", `"true" is not a number; allowed: 1..1,000,000,000`},
		{"", "true", `true is not a number; allowed: 1..1,000,000,000`}, // JSON's literals, as JSON writes them
		{"", "false", `false is not a number; allowed: 1..1,000,000,000`},
		{"", "null", `null is not a number; allowed: 1..1,000,000,000`},
		{"1e30", "1e30", "1e30 out of range 1..1,000,000,000"},
		{"inf", `"inf"`, "inf is not a finite number; allowed: 1..1,000,000,000"}, // in quotes too: without them JSON has no inf
		{"", `"100"`, `"100" is text in quotes; write it without them: 100`},
		{"", `"1.5"`, `"1.5" is text in quotes, and 1.5 is not a whole number; allowed: 1..1,000,000,000`}, // both in one message, not on two tries
		{"", `"0"`, `"0" is text in quotes, and 0 out of range 1..1,000,000,000`},
		{"", `"+1.5"`, `"+1.5" is text in quotes with a + before it, and 1.5 is not a whole number; allowed: 1..1,000,000,000`},
		{"+5", "", `"+5" has a + before it; write it without one: 5`}, // a + is refused, as JSON refuses it, saying what to write
		{"", `"+5"`, `"+5" is text in quotes; write it without them and its +: 5`},
		{"+x", "", `"+x" is not a number; allowed: 1..1,000,000,000`},
	} {
		ways := map[string]func(c *Config) error{}
		if v.set != "" {
			ways["--set"] = func(c *Config) error { return c.Set("epochs", v.set) }
		}
		if v.json != "" {
			ways["preset file"] = func(c *Config) error { return c.SetJSON("epochs", []byte(v.json)) }
		}
		for way, set := range ways {
			c := blogConfig()
			if err := set(&c); err == nil || err.Error() != "epochs: "+v.want {
				t.Errorf("epochs %s, %s: %v; want %q", v.set+v.json, way, err, "epochs: "+v.want)
			}
		}
	}
}

// TestDecimalSaysTheSameEitherWay: a decimal field's value that is no number is
// told in the integers' rule (jsonNotNumber) from a preset file, as from --set:
// "g_lr": "0.1", a number in quotes, is not "want a number, got string", nor
// "fast" the same, nor true "want a number, got bool".
func TestDecimalSaysTheSameEitherWay(t *testing.T) {
	for _, v := range []struct{ set, json, want string }{ // "" for no way to write it
		{"fast", `"fast"`, `"fast" is not a number; allowed: (0,10]`},
		{"", `"0.1"`, `"0.1" is text in quotes; write it without them: 0.1`},
		{"", `"1e-3"`, `"1e-3" is text in quotes; write it without them: 1e-3`},
		{"", `"100"`, `"100" is text in quotes, and 100 out of range (0,10]`},
		{"", `"+100"`, `"+100" is text in quotes with a + before it, and 100 out of range (0,10]`},
		{"true", "", `"true" is not a number; allowed: (0,10]`},
		{"", "true", `true is not a number; allowed: (0,10]`},
		{"", "null", `null is not a number; allowed: (0,10]`},
		{"nan", `"nan"`, `nan is not a finite number; allowed: (0,10]`},
		{"", "[0.1]", `want a number, got array`},
		{"+0.1", "", `"+0.1" has a + before it; write it without one: 0.1`},
		{"", `"+1e-3"`, `"+1e-3" is text in quotes; write it without them and its +: 1e-3`},
	} {
		ways := map[string]func(c *Config) error{}
		if v.set != "" {
			ways["--set"] = func(c *Config) error { return c.Set("g_lr", v.set) }
		}
		if v.json != "" {
			ways["preset file"] = func(c *Config) error { return c.SetJSON("g_lr", []byte(v.json)) }
		}
		for way, set := range ways {
			c := blogConfig()
			if err := set(&c); err == nil || err.Error() != "g_lr: "+v.want {
				t.Errorf("g_lr %s, %s: %v; want %q", v.set+v.json, way, err, "g_lr: "+v.want)
			}
		}
	}
}

// TestListInQuotesSaysWriteAList: a preset file's list of widths written as
// text in quotes that --set would take is told that its quotes are the problem,
// and the list to write, as a number in quotes is: "g_hidden": "32,32" is not
// "want a list of integers, got string". Text --set would not take is told what
// is wrong with it in --set's words after its quotes (not, for "32 x", "want a
// list of integers, got string"); text that is no list even so keeps those
// words.
func TestListInQuotesSaysWriteAList(t *testing.T) {
	for _, v := range []struct{ json, want string }{
		{`"32,32"`, `"32,32" is text in quotes; write it as a list: [32,32]`},
		{`"32"`, `"32" is text in quotes; write it as a list: [32]`},
		{`"[32, 16]"`, `"[32, 16]" is text in quotes; write it as a list: [32,16]`},
		{`"1e3,8"`, `"1e3,8" is text in quotes; write it as a list: [1000,8]`},
		{`""`, `"" is text in quotes; write it as a list: []`}, // --set's g_hidden=, no hidden layers
		{`"32, 16"`, `"32, 16" is text in quotes; write it as a list: [32,16]`},
		{`"32 x"`, `"32 x" is text in quotes; as a list, widths are separated by commas, not spaces, and width "x" is not a number; allowed: 1..4,096`},
		{`"32 32"`, `"32 32" is text in quotes; as a list, widths are separated by commas: [32,32]`},
		{`"32,"`, `"32," is text in quotes; as a list, an empty width after the last comma: write [32]`},
		{`"x"`, `"x" is text in quotes; as a list, width "x" is not a number; allowed: 1..4,096`},
		// A width out of range is told with the quotes, not after the
		// list they are told to be is written; a + is dropped from that
		// list, when it is all that is wrong.
		{`"5000"`, `"5000" is text in quotes; as a list, width 5,000 out of range 1..4,096`},
		{`"32,5000"`, `"32,5000" is text in quotes; as a list, width 5,000 out of range 1..4,096`},
		{`"+5"`, `"+5" is text in quotes; write it as a list, without the +: [5]`},
		{`"[32, +16]"`, `"[32, +16]" is text in quotes; write it as a list, without the +: [32,16]`},
		{`"+5000"`, `"+5000" is text in quotes; as a list, width "+5000" has a + before it, and 5,000 out of range 1..4,096`},
		{`"+x"`, `"+x" is text in quotes; as a list, width "+x" is not a number; allowed: 1..4,096`},
		{`"[32"`, `want a list of integers, got string`},
		{`true`, `want a list of integers, got bool`},
	} {
		for _, key := range []string{"g_hidden", "d_hidden"} {
			c := blogConfig()
			if err := c.SetJSON(key, []byte(v.json)); err == nil || err.Error() != key+": "+v.want {
				t.Errorf("SetJSON(%s, %s) = %v; want %q", key, v.json, err, key+": "+v.want)
			}
		}
	}
}

// TestListSaysWhatToWrite: a list of widths whose widths are separated by
// spaces, or that has an empty width, is told what to write, from --set's plain
// list and its list in brackets: 32 32 is not `width "32 32" is not a number`,
// without the hint to write 32,32, nor 32 x the same of the whole of "32 x",
// nor 32, `width "" is not a number`.
func TestListSaysWhatToWrite(t *testing.T) {
	for _, c := range []struct{ set, want string }{
		{"32 32", "widths are separated by commas: 32,32"},
		{"16,32 32", "widths are separated by commas: 16,32,32"},
		{"[32 32]", "widths are separated by commas: [32,32]"},
		{"32,", "an empty width after the last comma: write 32"},
		{",32", "an empty width before the first comma: write 32"},
		{"32,,16", "an empty width between two commas: write 32,16"},
		{"[32,]", "an empty width after the last comma: write [32]"},
		{",", `"," holds no widths; for none, write g_hidden=`},
		// A piece that is no width is named, after how widths are separated,
		// not `width "32 x" is not a number`.
		{"32 x", `widths are separated by commas, not spaces, and width "x" is not a number; allowed: 1..4,096`},
		{"16,32 1.5", `widths are separated by commas, not spaces, and width 1.5 is not a whole number; allowed: 1..4,096`},
		{"[32 x]", `widths are separated by commas, not spaces, and width "x" is not a number; allowed: 1..4,096`},
		{"x,", `width "x" is not a number; allowed: 1..4,096`},
	} {
		cfg := blogConfig()
		if err := cfg.Set("g_hidden", c.set); err == nil || err.Error() != "g_hidden: "+c.want {
			t.Errorf("Set(g_hidden, %q) = %v; want %q", c.set, err, "g_hidden: "+c.want)
		}
	}
}

// TestBareNumberIsOneWidth: a preset file's number alone for a list of widths
// is the list of that one width, as --set g_hidden=32 is, not "want a list of
// integers, got number".
func TestBareNumberIsOneWidth(t *testing.T) {
	for _, key := range []string{"g_hidden", "d_hidden"} {
		set, file := blogConfig(), blogConfig()
		if err := set.Set(key, "32"); err != nil {
			t.Fatal(err)
		}
		if err := file.SetJSON(key, []byte("32")); err != nil {
			t.Fatalf("SetJSON(%s, 32): %v", key, err)
		}
		if !slices.Equal(set.GHidden, file.GHidden) || !slices.Equal(set.DHidden, file.DHidden) { // the list; Set's activations follow its depth
			t.Errorf("SetJSON(%s, 32): g_hidden %v, d_hidden %v; want %v, %v", key, file.GHidden, file.DHidden, set.GHidden, set.DHidden)
		}
		if err := file.SetJSON(key, []byte("2.5")); err == nil || err.Error() != key+": width 2.5 is not a whole number; allowed: 1..4,096" {
			t.Errorf("SetJSON(%s, 2.5) = %v", key, err)
		}
	}
}

// TestDivisorOfBatchSaysTheWayOut: g_out or d_in that does not divide batch is
// told the divisors it may be, when few, and the batches it divides:
// blog-original's g_out and d_in of 100 under --sweep batch=8,16 are not told
// only "a divisor of batch 8". Both are named in one line, as keys of the
// error, not d_in only once g_out is fixed, each value once, and a batch that
// is a multiple of both, and of a field that already divides batch, named: d_in
// of 3 beside g_out of 16 is not offered a multiple of 3, which g_out refuses.
func TestDivisorOfBatchSaysTheWayOut(t *testing.T) {
	for _, c := range []struct {
		batch, gOut, dIn int
		want             string
	}{
		{8, 100, 100, "g_out, d_in: 100 out of range: a divisor of batch 8 (1, 2, 4 or 8), or batch a multiple of 100"},
		{8, 100, 3, "g_out, d_in: 100, 3 out of range: a divisor of batch 8 (1, 2, 4 or 8), or batch a multiple of 300"}, // told one at a time, g_out first
		{8, 0, 3, "g_out, d_in: 0, 3 out of range: a divisor of batch 8 (1, 2, 4 or 8)"},                                 // 0 divides no batch
		{7, 400, 300, "g_out, d_in: 400, 300 out of range: a divisor of batch 7 (1 or 7), or batch a multiple of 1,200"},
		{100_000, 30_000, 70_000, "g_out, d_in: 30,000, 70,000 out of range: a divisor of batch 100,000"}, // their multiple, 210,000, is no batch
		{100_000, 300_000, 1, "g_out: 300,000 out of range: a divisor of batch 100,000"},                  // nor is 300,000
		{8, 4, 100, "d_in: 100 out of range: a divisor of batch 8 (1, 2, 4 or 8), or batch a multiple of 100"},
		{16, 16, 3, "d_in: 3 out of range: a divisor of batch 16 (1, 2, 4, 8 or 16), or batch a multiple of 48, as g_out 16 needs too"}, // not 3, which g_out refuses
		{100, 100, 3, "d_in: 3 out of range: a divisor of batch 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100), or batch a multiple of 300, as g_out 100 needs too"},
		{100, 4, 8, "d_in: 8 out of range: a divisor of batch 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100), or batch a multiple of 8"}, // 4 divides 8
		{100_000, 50_000, 30_000, "d_in: 30,000 out of range: a divisor of batch 100,000"},                                        // 150,000 is no batch
		{1, 2, 1, "g_out: 2 out of range: a divisor of batch 1, or batch a multiple of 2"},
		{100_000, 30_000, 1, "g_out: 30,000 out of range: a divisor of batch 100,000, or batch a multiple of 30,000"}, // 36 divisors: none listed
	} {
		cfg := blogConfig()
		cfg.Batch, cfg.GOut, cfg.DIn = c.batch, c.gOut, c.dIn
		err := cfg.Validate()
		if err == nil || err.Error() != c.want {
			t.Errorf("batch %d, g_out %d, d_in %d: %v, want %q", c.batch, c.gOut, c.dIn, err, c.want)
			continue
		}
		if keys, _, _ := strings.Cut(c.want, ": "); strings.Join(FaultKeys(err), ", ") != keys {
			t.Errorf("batch %d, g_out %d, d_in %d: keys %q, want %s", c.batch, c.gOut, c.dIn, FaultKeys(err), keys)
		}
	}
}

// TestDivisorOfBatchNamesFieldsInTheirNumber: the fields a batch offered must
// also be a multiple of are told with the verb in their number, "as g_out 16
// needs too", "as g_out 16 and d_in 3 need too", where two read "needs". Validate
// checks two fields, one of them refused, and so names one at most; two are
// divisorOfBatch's own.
func TestDivisorOfBatchNamesFieldsInTheirNumber(t *testing.T) {
	for _, c := range []struct {
		also []string
		want string
	}{
		{[]string{"g_out 16"}, "7 out of range: a divisor of batch 16 (1, 2, 4, 8 or 16), or batch a multiple of 336, as g_out 16 needs too"},
		{[]string{"g_out 16", "d_in 3"}, "7 out of range: a divisor of batch 16 (1, 2, 4, 8 or 16), or batch a multiple of 336, as g_out 16 and d_in 3 need too"},
	} {
		if got := divisorOfBatch([]int{7}, 16, 336, c.also); got != c.want {
			t.Errorf("%q: %q, want %q", c.also, got, c.want)
		}
	}
}

// TestParseWhole: digits to 2⁶⁴−1; a decimal form of a whole number up to 2⁵³;
// nothing else: no sign, not even on a zero (-0 is refused, not read as 0).
func TestParseWhole(t *testing.T) {
	for s, want := range map[string]uint64{"0": 0, "18446744073709551615": 1<<64 - 1, "5e3": 5000, "2.5e2": 250, "9.007199254740992e15": 1 << 53, "0e5": 0} {
		if got, err := ParseWhole(s); err != nil || got != want {
			t.Errorf("ParseWhole(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for s, want := range map[string]error{"1.5": ErrNotWhole, "x": ErrNotWhole, "0x10": ErrNotWhole, "1_000": ErrNotWhole, "": ErrNotWhole,
		"+5": ErrNotWhole, "+5e3": ErrNotWhole, " 5": ErrNotWhole, "5 ": ErrNotWhole, "-0": ErrNotWhole, "-0.0": ErrNotWhole, "-0e3": ErrNotWhole,
		"-1": ErrOutOfRange, "18446744073709551616": ErrOutOfRange, "1e99": ErrOutOfRange, "1e16": ErrInexact} {
		if _, err := ParseWhole(s); err != want {
			t.Errorf("ParseWhole(%q): %v, want %v", s, err, want)
		}
	}
}

// FuzzParseWhole: ParseWhole gives a whole number or one of its three
// errors; a number taken was written plainly (no sign, '+' or '-', no
// spaces, no hexadecimal or underscores), its digits read back as it,
// and a form other than digits is exact, at most 2⁵³, and the float it
// spells.
func FuzzParseWhole(f *testing.F) {
	for _, s := range []string{"0", "18446744073709551615", "18446744073709551616", "5e3", "2.5e2", "-0", "-0e3", "-0.0", "1.5",
		"1e16", "9.007199254740993e15", "0x10", "1_000", "+5", " 5", "1e999", "NaN", "Inf", "-Inf", "00012", "1E3", ".5e1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseWhole(s)
		if err != nil {
			if err != ErrNotWhole && err != ErrOutOfRange && err != ErrInexact {
				t.Fatalf("ParseWhole(%q): %v, not one of its errors", s, err)
			}
			if n != 0 {
				t.Fatalf("ParseWhole(%q) = %d with %v", s, n, err)
			}
			return
		}
		if !PlainNumber(s) || strings.TrimSpace(s) != s || strings.HasPrefix(s, "-") {
			t.Fatalf("ParseWhole(%q) = %d: a sign, spaces, hexadecimal or underscores taken", s, n)
		}
		if again, err := ParseWhole(strconv.FormatUint(n, 10)); err != nil || again != n {
			t.Fatalf("ParseWhole(%q) = %d, whose digits read back as %d, %v", s, n, again, err)
		}
		if strings.Trim(s, "0123456789") == "" {
			want := strings.TrimLeft(s, "0")
			if want == "" {
				want = "0"
			}
			if got := strconv.FormatUint(n, 10); got != want {
				t.Fatalf("ParseWhole(%q) = %s", s, got)
			}
			return
		}
		if x, err := strconv.ParseFloat(s, 64); err != nil || n > 1<<53 || x != float64(n) {
			t.Fatalf("ParseWhole(%q) = %d: the float is %g, %v", s, n, x, err)
		}
	})
}

// TestConfigZeroHasNoSign: a design's number read as -0, from --set or a preset
// file, is 0, not kept as -0, written back as "gp": -0 and listed as a change
// from the preset's 0.
func TestConfigZeroHasNoSign(t *testing.T) {
	for _, s := range []string{"-0", "-0.0", "-0e5", "-0e-400"} {
		var c Config
		if err := c.Set("gp", s); err != nil || math.Signbit(c.GP) {
			t.Errorf("Set(gp, %s): %v, %v", s, c.GP, err)
		}
		c = Config{}
		if err := c.SetJSON("gp", []byte(s)); err != nil || math.Signbit(c.GP) {
			t.Errorf("SetJSON(gp, %s): %v, %v", s, c.GP, err)
		}
	}
}

// TestConfigRefusesNumbersTooNearZero: a number other than 0 that a float64
// holds as 0 (1e-400), from --set or a preset file, or as a whole number
// (--seed), is refused with the value as written, as 1e400 is, not read as 0,
// which would turn gp off without a word, name a d_lr of 0 no one wrote, and
// make --seed 1e-400 seed 0. A 0 written so (0e-400) is 0.
func TestConfigRefusesNumbersTooNearZero(t *testing.T) {
	for _, kv := range [][2]string{{"gp", "1e-400"}, {"d_lr", "-1e-400"}, {"d_beta1", "1e-400"}, {"batch", "1e-400"}, {"g_ema", "0.001e-398"}} {
		for name, set := range map[string]func(*Config) error{
			"Set":     func(c *Config) error { return c.Set(kv[0], kv[1]) },
			"SetJSON": func(c *Config) error { return c.SetJSON(kv[0], []byte(kv[1])) },
		} {
			c := blogConfig()
			if err := set(&c); err == nil || !strings.Contains(err.Error(), kv[1]) {
				t.Errorf("%s(%s, %s): %v; want an error naming %s", name, kv[0], kv[1], err, kv[1])
			}
		}
	}
	for _, s := range []string{"0e-400", "-0e-400", "0.000e-999"} {
		c := blogConfig()
		if err := c.Set("gp", s); err != nil || c.GP != 0 {
			t.Errorf("Set(gp, %s): %v, %v; want 0", s, c.GP, err)
		}
	}
	for _, s := range []string{"1e-400", "5e-324000"} {
		if n, err := ParseWhole(s); err != ErrNotWhole {
			t.Errorf("ParseWhole(%q) = %d, %v; want %v", s, n, err, ErrNotWhole)
		}
	}
}

func TestConfigSetJSON(t *testing.T) {
	var c Config
	for _, kv := range [][2]string{{"batch", "100"}, {"epochs", "3e4"}, {"g_lr", "0.001"}, {"g_acts", `["relu","identity"]`}, {"name", `"x"`}} {
		if err := c.SetJSON(kv[0], []byte(kv[1])); err != nil {
			t.Fatalf("SetJSON(%s, %s): %v", kv[0], kv[1], err)
		}
	}
	if c.Batch != 100 || c.Epochs != 30000 || c.GLR != 0.001 || !slices.Equal(c.GActs, []Activation{ReLU, Identity}) || c.Name != "x" {
		t.Fatalf("after SetJSON: %+v", c)
	}
	for _, bad := range []struct{ key, raw, want string }{
		{"batch", `"100"`, `batch: "100" is text in quotes; write it without them: 100`},
		{"batch", `1.5`, `batch: 1.5 is not a whole number`},
		{"batch", `null`, `batch: null is not a number`},
		{"g_lr", `"0.1"`, `g_lr: "0.1" is text in quotes; write it without them: 0.1`},
		{"g_lr", `1e999`, `g_lr: 1e999 is out of range`},
		{"epochs", `1e30`, `epochs: 1e30 is out of range`},
		{"epochs", `1e999`, `epochs: 1e999 is out of range`},
		{"epochs", `0x10`, `epochs: "0x10" is hexadecimal; write it in decimal: 16`},
		// A number in quotes written another way is told both, as --set
		// tells it without the quotes.
		{"epochs", `"10,000"`, `epochs: "10,000" is text in quotes and has commas; write it without them: 10000`},
		{"g_lr", `"0,001"`, `g_lr: "0,001" is text in quotes and has a decimal comma; write it with a point: 0.001`},
		{"gp", `"1,000"`, `gp: "1,000" is text in quotes and has commas; write it without them: 1000, or 1.000 if the comma is a decimal one`},
		{"epochs", `"１０００"`, `epochs: "１０００" is text in quotes and has full-width digits; write it in plain digits: 1000`},
		// a minus sign with a decimal comma or underscores: both told,
		// where "−0,5" was "is not a number"
		{"g_lr", `"\u22120,5"`, `g_lr: "−0,5" is text in quotes and has a minus sign −, and "-0,5" has a decimal comma; write it with a point: -0.5`}, // c gives no range
		{"g_hidden", `[16, "\u22121_6"]`, `g_hidden: width "−1_6" is text in quotes and has a minus sign −, and "-1_6" has underscores; write it without them: -16`},
		{"g_hidden", `["１６"]`, `g_hidden: width "１６" is text in quotes and has full-width digits; write it in plain digits: 16`},
		{"g_acts", `"relu"`, `g_acts: "relu" is text in quotes; write it as a list: ["relu"]`},
		{"g_hidden", `[1, 2.5]`, `g_hidden: width 2.5 is not a whole number`}, // no range: c gives no design,
		{"name", `7`, `name: want a string, got number`},
		{"bach", `1`, `unknown key "bach" (did you mean "batch"?)`},
	} {
		err := c.SetJSON(bad.key, []byte(bad.raw))
		if err == nil || err.Error() != bad.want {
			t.Errorf("SetJSON(%q, %s) = %v, want %q", bad.key, bad.raw, err, bad.want)
		}
	}
}

// TestIntegerTooLargeIsOutOfRange: in every integer field and list of them, a
// whole number no int holds is out of range, from --set and a preset file
// alike, in the words of 1e30's: --set batch=1e400 is not "not an integer"
// beside batch=1e30's "out of range 1..100,000", nor a preset file's "batch":
// 1e30 "is out of range" without the range, nor g_hidden=1e30 "not a list of
// integers". A list in JSON reads its integers as a field does: [5e3] is 5000,
// as g_hidden=5e3 is.
func TestIntegerTooLargeIsOutOfRange(t *testing.T) {
	n := 0
	for _, f := range configFields {
		if f.kind.Kind() != reflect.Int && f.kind.Kind() != reflect.Slice || !f.numbers() {
			continue
		}
		n++
		for name, set := range map[string]func(c *Config, v string) error{
			"Set": func(c *Config, v string) error { return c.Set(f.key, v) },
			"SetJSON": func(c *Config, v string) error {
				if f.kind.Kind() == reflect.Slice {
					v = "[" + v + "]"
				}
				return c.SetJSON(f.key, []byte(v))
			},
		} {
			c := blogConfig()
			base := set(&c, "1e30")
			if base == nil || !strings.Contains(base.Error(), "out of range") {
				t.Fatalf("%s(%s, 1e30) = %v, want out of range", name, f.key, base)
			}
			for _, v := range []string{"1e400", "-1e400", "99999999999999999999"} {
				c := blogConfig()
				want := strings.Replace(base.Error(), "1e30", v, 1)
				if err := set(&c, v); err == nil || err.Error() != want {
					t.Errorf("%s(%s, %s) = %v, want %q", name, f.key, v, err, want)
				}
			}
		}
	}
	if n < 15 {
		t.Fatalf("only %d integer fields found", n)
	}
	c := blogConfig()
	if err := c.SetJSON("g_hidden", []byte("[5e3]")); err != nil || !slices.Equal(c.GHidden, []int{5000}) {
		t.Errorf(`SetJSON(g_hidden, [5e3]) = %v, %v; want 5000 read`, err, c.GHidden)
	}
	if err := c.Set("batch", "1e400"); err == nil || err.Error() != "batch: 1e400 out of range 1..100,000" {
		t.Errorf("Set(batch, 1e400) = %v", err)
	}
	if err := c.Set("g_hidden", "32,1e400"); err == nil || err.Error() != "g_hidden: width 1e400 out of range 1..4,096" {
		t.Errorf("Set(g_hidden, 32,1e400) = %v", err)
	}
}

// TestIntegerNoIntHoldsReadsAsValidates: in every integer field, a whole number
// no int holds (1e400) is refused in the words Validate refuses -1 with, the
// field's range, from --set and a preset file alike: g_out=1e400 is not "is out
// of range" with no range, nor are its Validate's words "must be positive and
// divide batch 100", which name none either; both are out of range: a divisor
// of batch 100. mbd_dim, unused without mbd_kernels, is in range from 0 there,
// not taken at -1 and refused at 1e400 with no range.
func TestIntegerNoIntHoldsReadsAsValidates(t *testing.T) {
	n := 0
	for _, f := range configFields {
		if f.kind.Kind() != reflect.Int {
			continue
		}
		c := blogConfig()
		if err := c.Set(f.key, "-1"); err != nil {
			t.Fatalf("Set(%s, -1): %v", f.key, err)
		}
		err := c.Validate()
		if err == nil {
			t.Errorf("Validate with %s=-1 took it", f.key)
			continue
		}
		n++
		_, r, ok := strings.Cut(err.Error(), " out of range")
		if !ok {
			t.Errorf("Validate with %s=-1: %v; want out of range and the range", f.key, err)
			continue
		}
		want := f.key + ": 1e400 out of range" + r
		for name, set := range map[string]func(c *Config) error{
			"Set":     func(c *Config) error { return c.Set(f.key, "1e400") },
			"SetJSON": func(c *Config) error { return c.SetJSON(f.key, []byte("1e400")) },
		} {
			c := blogConfig()
			if err := set(&c); err == nil || err.Error() != want {
				t.Errorf("%s(%s, 1e400) = %v; want %q", name, f.key, err, want)
			}
		}
	}
	if n < 12 {
		t.Fatalf("only %d integer fields checked", n)
	}
	c := blogConfig()
	if err := c.Set("g_out", "1e400"); err == nil || err.Error() != "g_out: 1e400 out of range: a divisor of batch 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100)" {
		t.Errorf("Set(g_out, 1e400) = %v", err)
	}
	// mbd_dim, unused without mbd_kernels, is in range there from 0 on.
	if err := c.Set("mbd_dim", "1e400"); err == nil || err.Error() != "mbd_dim: 1e400 out of range 0..64 (unused without mbd_kernels)" {
		t.Errorf("Set(mbd_dim, 1e400) without kernels = %v", err)
	}
}

// TestTooNearZeroForFloat64ReadsAsForFloat32: in every number field, a number
// other than 0 that a float64 holds as 0 (1e-400, -1e-400) is refused in the
// words Validate refuses one the float32 the engine computes with holds as 0
// with (1e-46, -1e-46), from --set and a preset file alike: too near 0, with
// the least value taken, or out of the field's range (a negative one; eps,
// whose range starts at 1e-12). gp=1e-400 is not "too near 0 for a float64,
// which holds it as 0; allowed: 0 (off) or (0,1000]" beside gp=1e-46's "too
// near 0 for the float32 …; the least it takes above 0 is 1.1755e-38". 0 is
// taken.
func TestTooNearZeroForFloat64ReadsAsForFloat32(t *testing.T) {
	n := 0
	for _, f := range configFields {
		if f.kind.Kind() != reflect.Float64 || f.name {
			continue
		}
		for _, v := range [][2]string{{"1e-46", "1e-400"}, {"-1e-46", "-1e-400"}} {
			c := blogConfig()
			if err := c.Set(f.key, v[0]); err != nil {
				t.Fatalf("Set(%s, %s): %v", f.key, v[0], err)
			}
			err := c.Validate()
			if err == nil {
				t.Fatalf("Validate with %s=%s took it", f.key, v[0])
			}
			n++
			want := strings.Replace(err.Error(), v[0], v[1], 1)
			if _, r, ok := strings.Cut(err.Error(), " out of range"); ok { // a pair's range (d_beta1, d_beta2), said of the one field
				want = f.key + ": " + v[1] + " out of range" + r
			}
			for name, set := range map[string]func(c *Config) error{
				"Set":     func(c *Config) error { return c.Set(f.key, v[1]) },
				"SetJSON": func(c *Config) error { return c.SetJSON(f.key, []byte(v[1])) },
			} {
				c := blogConfig()
				if err := set(&c); err == nil || err.Error() != want {
					t.Errorf("%s(%s, %s) = %v;\nwant %q", name, f.key, v[1], err, want)
				}
			}
		}
	}
	if n < 38 {
		t.Fatalf("only %d values checked", n)
	}
	c := blogConfig()
	if err := c.Set("gp", "1e-400"); err == nil || err.Error() != "gp: 1e-400 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38" {
		t.Errorf("Set(gp, 1e-400) = %v", err)
	}
	if err := c.Set("gp", "0"); err != nil || c.GP != 0 {
		t.Errorf("Set(gp, 0) = %v, %v; want 0 taken", err, c.GP)
	}
}

// FuzzConfigSet: any key and value either fail with a one-line error or
// leave a Config whose Validate and Outline do not panic.
func FuzzConfigSet(f *testing.F) {
	for _, kv := range [][2]string{
		{"g_lr", "1e-3"}, {"epochs", "5000"}, {"g_hidden", "32,32"}, {"d_acts", "relu,sigmoid"},
		{"g_hidden", "[1,2]"}, {"target", "mixture(0,1;3,1)"}, {"batch", "-1"}, {"d_input", "moments"},
		{"mbd_kernels", "4"}, {"nope", "1"}, {"g_lr", "NaN"}, {"g_hidden", "[[1]]"},
		{"g_lr", "+Inf"}, {"batch", "-infinity"}, {"g_hidden", "8,inf"}, {"g_hidden", "[8, inf]"}, {"g_hidden", "[ ]"},
		{"target", "normal(0,\n1))"}, // a parenthesis too many, the spec to write on one line
		// Commas: a decimal one, thousands grouped, a fraction's 1,000 either.
		{"g_lr", "0,001"}, {"g_lr", "-0,5"}, {"epochs", "10,000"}, {"gp", "1,000"}, {"gp", "000,000"}, {"g_lr", "１,０"},
	} {
		f.Add(kv[0], kv[1])
	}
	f.Fuzz(func(t *testing.T, key, value string) {
		c := blogConfig()
		err := c.Set(key, value)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		if err := c.Validate(); err == nil {
			c.Outline()
		} else if strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error %q", err)
		}
	})
}

// FuzzSetOffersWhatSetTakes: a number Set refuses for how it is written
// and offers written otherwise ("write it without them: 5") is taken by
// Set as offered, so that no one is refused on the next try for what
// the first said to write: "05 " was offered 05, "00, 0" the list 00,0.
// A value with spaces before it is first read as --set reads it, by
// SetSpaces, whose "write key=…" is held to the same: --set "gp= 0,5"
// was told "write gp=0,5", which Set refused for its decimal comma, and
// Set alone, which this read, never saw the hint; and a number SetSpaces
// offers is one Set takes, where --set "g_lr= 0x10" was told "write
// g_lr=16", refused next for its range.
func FuzzSetOffersWhatSetTakes(f *testing.F) {
	keys := []string{"gp", "g_lr", "epochs", "g_hidden", "batch", "d_beta2", "unroll"}
	for _, v := range []string{"05", "0e5", "00e1", "-00", "0x", "1__0", "0,5", "00,5", "+05", "0_5", "１,０", "2,048", "05 ", "0x1p-3", "00.", "1,000,000", "-0,5", "05, 16",
		" 0,5", " 1,024", " 1,000", " 0x10", " 1_000", " +0,5", " 00,5", " 1,000.5", " 0_0", "\u22120,5", "1e\u22121_0", " \u22121,000"} {
		for _, k := range keys {
			f.Add(k, v)
		}
	}
	offer := regexp.MustCompile(`write (?:it|the list)(?: [^:;]*)?: ([^ ;]+)(?:;|$)`)
	spacesOffer := regexp.MustCompile(`[;,] write [^=]*=([^ "\\]*)$`)
	f.Fuzz(func(t *testing.T, key, value string) {
		if !slices.Contains(keys, key) {
			return
		}
		design := blogConfig()
		err := design.SetSpaces(key+"="+value, key, value)
		if m := offeredIn(spacesOffer, err); m != nil {
			c := blogConfig()
			// An offer is taken, whatever Set says of it, where --set
			// "gp= +0,5" was offered gp=+0,5, "is not a number", and
			// --set "gp= 1,000" gp=1,000, which Set refused for its
			// two readings.
			if err2 := setAndValidate(&c, key, m[1]); err2 != nil {
				t.Fatalf("SetSpaces(%q) = %v\nbut Set(%q, %q) = %v", key+"="+value, err, key, m[1], err2)
			}
			return
		}
		c := blogConfig()
		if err == nil { // no spaces: Set's own offer; else Set's, said with the spaces
			err = c.Set(key, value)
		}
		if err == nil {
			return
		}
		m := offer.FindStringSubmatch(err.Error())
		if m == nil {
			return
		}
		c = blogConfig()
		if err2 := c.Set(key, m[1]); err2 != nil {
			t.Fatalf("Set(%q, %q) = %v\nbut Set(%q, %q) = %v", key, value, err, key, m[1], err2)
		}
	})
}

// offeredIn is what re matches in err's message; nil where err is nil.
func offeredIn(re *regexp.Regexp, err error) []string {
	if err == nil {
		return nil
	}
	return re.FindStringSubmatch(err.Error())
}

// setAndValidate is c.Set(key, value), and where Set takes it, what
// Validate says of key (its range), as --set refuses a number; another
// key's refusal against it is left out, as FuzzReadCommas leaves it.
func setAndValidate(c *Config, key, value string) error {
	if err := c.Set(key, value); err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		names, _, _ := strings.Cut(err.Error(), ": ")
		if slices.Contains(strings.Split(names, ", "), key) {
			return err
		}
	}
	return nil
}

func TestDivergedErrorForNaNFeatures(t *testing.T) {
	cfg := perSample()
	cfg.GLoss = GLossFeatureMatching
	g := mustNew(t, cfg, 1)
	g.gen.Params[0] = float32(math.NaN())
	var d *DivergedError
	if _, err := g.TrainEpoch(); !errors.As(err, &d) {
		t.Fatalf("NaN weight under feature matching gave %v, want a *DivergedError", err)
	}
}

// TestTargetIsWrittenOnOneLine: a target spec set by --set or read from a
// preset file is kept without the spaces and line breaks between its parts, as
// ganui writes one, its numbers as spelt: normal(0,\n1) is not kept as typed,
// for --show-preset to write its line break. A spec that is no target, and a
// points file's name, are kept as given.
func TestTargetIsWrittenOnOneLine(t *testing.T) {
	for spec, want := range map[string]string{
		"normal(0,\n1)":             "normal(0,1)",
		" ring( 8, 2 ,1e-2 )":       "ring(8,2,1e-2)",
		"mixture(-2, 0.5;\t2, 0.5)": "mixture(-2,0.5;2,0.5)",
		"points(my data.csv)":       "points(my data.csv)",
	} {
		c := vanillaConfig()
		if err := c.Set("target", spec); err != nil || c.Target != want {
			t.Errorf("Set(target, %q): %q, %v; want %q", spec, c.Target, err, want)
		}
		raw := []byte(strconv.Quote(spec))
		c = vanillaConfig()
		if err := c.SetJSON("target", raw); err != nil || c.Target != want {
			t.Errorf("SetJSON(target, %s): %q, %v; want %q", raw, c.Target, err, want)
		}
	}
	c := vanillaConfig()
	if err := c.Set("target", "nor mal(0,1)"); err != nil || c.Target != "nor mal(0,1)" {
		t.Errorf("Set(target, nor mal(0,1)): %q, %v; want it kept for Validate to quote", c.Target, err)
	}
}
