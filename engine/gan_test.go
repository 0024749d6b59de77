package engine

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
)

// blogConfig is the blog-original design; the presets package owns the
// documented copy, the engine tests keep their own to stay self-contained.
func blogConfig() Config {
	return Config{
		Name: "blog-original", Target: "normal(4,1.25)", Batch: 100,
		Noise: NoiseUniform, NoiseDim: 100, GOut: 100,
		GHidden: []int{50, 50}, GActs: []Activation{ReLU, ReLU, Identity},
		DInput: DInputRaw, DIn: 100,
		DHidden: []int{50, 50}, DActs: []Activation{ReLU, ReLU, Sigmoid},
		LeakySlope: 0.01, Loss: LossBCE, GLoss: GLossNonSaturating, RealLabel: 1,
		DOpt: OptimizerAdam, DLR: 1e-3, DBeta1: 0.9, DBeta2: 0.999,
		GOpt: OptimizerAdam, GLR: 1e-3, GBeta1: 0.9, GBeta2: 0.999,
		Eps: 1e-8, DSteps: 5, GSteps: 5, Epochs: 5000,
	}
}

func mustNew(t testing.TB, cfg Config, seed uint64) *GAN {
	t.Helper()
	g, err := New(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func train(t testing.TB, g *GAN, epochs int) []EpochStats {
	t.Helper()
	var hist []EpochStats
	for range epochs {
		s, err := g.TrainEpoch()
		if err != nil {
			t.Fatal(err)
		}
		hist = append(hist, s)
	}
	return hist
}

func TestSameSeedIsBitIdentical(t *testing.T) {
	a, b := mustNew(t, blogConfig(), 7), mustNew(t, blogConfig(), 7)
	ha, hb := train(t, a, 40), train(t, b, 40)
	if !slices.Equal(ha, hb) {
		t.Fatal("same seed gave different loss histories")
	}
	if !slices.Equal(a.gen.Params, b.gen.Params) || !slices.Equal(a.disc.Params, b.disc.Params) {
		t.Fatal("same seed gave different weights")
	}
	// Evaluation draws from its own stream: it must not change training.
	evaluated(a, 1000, HistSpec{})
	if !slices.Equal(train(t, a, 5), train(t, b, 5)) {
		t.Fatal("evaluating a run changed its training")
	}
}

func TestDifferentSeedsDiffer(t *testing.T) {
	a, b := mustNew(t, blogConfig(), 1), mustNew(t, blogConfig(), 2)
	if slices.Equal(a.gen.Params, b.gen.Params) {
		t.Fatal("seeds 1 and 2 gave the same initial weights")
	}
	if slices.Equal(train(t, a, 5), train(t, b, 5)) {
		t.Fatal("seeds 1 and 2 gave the same loss history")
	}
}

// TestTrainingImproves checks that a short run moves the generator toward
// N(4, 1.25) on several seeds: an untrained G emits values near 0.
func TestTrainingImproves(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		g := mustNew(t, blogConfig(), seed)
		before := evaluated(g, 2000, HistSpec{})
		train(t, g, 300)
		after := evaluated(g, 2000, HistSpec{})
		t.Logf("seed %d: KS %.3f → %.3f, W1 %.3f → %.3f, mean %.2f → %.2f",
			seed, before.KS, after.KS, before.W1, after.W1, before.Mean, after.Mean)
		if after.KS > before.KS-0.2 || after.W1 > before.W1/2 {
			t.Errorf("seed %d: 300 epochs did not improve G: KS %.3f → %.3f, W1 %.3f → %.3f",
				seed, before.KS, after.KS, before.W1, after.W1)
		}
	}
}

// TestRetuneKeepsOptimizerState changes learning rates and step counts
// between epochs: the optimizers keep their moments and step counts, and
// the new step counts take effect in the next epoch.
func TestRetuneKeepsOptimizerState(t *testing.T) {
	g := mustNew(t, blogConfig(), 3)
	train(t, g, 2)
	adam := g.dOpt.(*Adam)
	m := slices.Clone(adam.M)
	if err := g.SetLR(D, 5e-4); err != nil {
		t.Fatal(err)
	}
	if err := g.SetSteps(G, 2); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(adam.M, m) || adam.T != 10 {
		t.Fatalf("SetLR reset the optimizer: T=%d", adam.T)
	}
	train(t, g, 1)
	if got := g.gOpt.(*Adam).T; got != 12 {
		t.Errorf("G took %d steps after 2×5 + 1×2, want 12", got)
	}
	if c := g.Config(); c.DLR != 5e-4 || c.GSteps != 2 {
		t.Errorf("Config() = d_lr %g g_steps %d, want the retuned values", c.DLR, c.GSteps)
	}
	for _, err := range []error{g.SetLR(D, 0), g.SetLR(G, -1), g.SetLR(D, MaxLR*2), g.SetSteps(D, 0), g.SetSteps(G, MaxSteps+1)} {
		if err == nil {
			t.Error("an out-of-range setting was accepted")
		}
	}
	if c := g.Config(); c.DLR != 5e-4 || c.GLR != 1e-3 || c.DSteps != 5 || c.GSteps != 2 {
		t.Errorf("rejected settings changed the run: %+v", c)
	}
	if err := g.SetLR(G, 0); err == nil || err.Error() != fmt.Sprintf("g_lr: 0 out of range (0,%g]", MaxLR) {
		t.Errorf("SetLR(G, 0) = %v", err)
	}
	if err := g.SetSteps(D, 0); err == nil || err.Error() != fmt.Sprintf("d_steps: 0 out of range 1..%d", MaxSteps) {
		t.Errorf("SetSteps(D, 0) = %v", err)
	}
}

// TestRetuneOfNoPlayerIsAnError: a Player that is neither D nor G is an
// error of SetLR and SetSteps, as an out-of-range value is, not a panic,
// and changes nothing.
func TestRetuneOfNoPlayerIsAnError(t *testing.T) {
	g := mustNew(t, blogConfig(), 3)
	before := g.Config()
	for _, p := range []Player{0, G + 1} {
		if err := g.SetLR(p, 5e-4); err == nil || err.Error() != fmt.Sprintf("engine: no player %s, only D and G", p) {
			t.Errorf("SetLR(%s) = %v", p, err)
		}
		if err := g.SetSteps(p, 2); err == nil {
			t.Errorf("SetSteps(%s) accepted", p)
		}
	}
	if !reflect.DeepEqual(g.Config(), before) {
		t.Errorf("refused settings changed the run: %+v", g.Config())
	}
}

func TestDivergenceIsAnError(t *testing.T) {
	g := mustNew(t, blogConfig(), 1)
	g.gen.Params[0] = float32(math.NaN())
	_, err := g.TrainEpoch()
	var d *DivergedError
	if !errors.As(err, &d) {
		t.Fatalf("NaN weight gave %v, want a *DivergedError", err)
	}
	if d.Epoch != 1 {
		t.Errorf("diverged at epoch %d, want 1", d.Epoch)
	}
}

// TestMinimaxAndLeastSquaresTrain: each variant trains without diverging and
// trains differently from the default design (so that a variant the engine
// ignored, training as the default does, fails), with G's loss on the variant's
// own scale: log(1 − D) < 0 for minimax, ≥ 0 for least squares.
func TestMinimaxAndLeastSquaresTrain(t *testing.T) {
	base := train(t, mustNew(t, blogConfig(), 1), 20)
	for name, c := range map[string]struct {
		mod   func(*Config)
		gLoss func(float64) bool
	}{
		"minimax":       {func(c *Config) { c.GLoss = GLossMinimax }, func(g float64) bool { return g < 0 }},
		"least-squares": {func(c *Config) { c.Loss = LossLeastSquares; c.DActs[2] = Identity }, func(g float64) bool { return g >= 0 }},
		"sgd-momentum": {func(c *Config) { c.DOpt, c.GOpt, c.DMomentum, c.GMomentum = OptimizerSGD, OptimizerSGD, 0.9, 0.9 },
			func(g float64) bool { return g > 0 }},
	} {
		cfg := blogConfig()
		c.mod(&cfg)
		hist := train(t, mustNew(t, cfg, 1), 20)
		if slices.Equal(hist, base) {
			t.Errorf("%s trained exactly as the default design", name)
		}
		for _, s := range hist {
			if !c.gLoss(s.G) {
				t.Errorf("%s: G's loss at epoch %d is %g, off its scale", name, s.Epoch, s.G)
				break
			}
		}
	}
}

func TestValidateNamesTheField(t *testing.T) {
	cases := map[string]func(*Config){
		"batch":      func(c *Config) { c.Batch = 0 },
		"g_out":      func(c *Config) { c.GOut = 30 },
		"d_in":       func(c *Config) { c.DIn = 7 },
		"target":     func(c *Config) { c.Target = "normal(4)" },
		"g_acts":     func(c *Config) { c.GActs = []Activation{ReLU} },
		"d_acts":     func(c *Config) { c.DActs[0] = Tanh + 1 },
		"d_lr":       func(c *Config) { c.DLR = 0 },
		"d_steps":    func(c *Config) { c.DSteps = 101 },
		"epochs":     func(c *Config) { c.Epochs = 0 },
		"loss":       func(c *Config) { c.Loss = 0 },
		"real_label": func(c *Config) { c.RealLabel = 1.5 },
	}
	for field, mod := range cases {
		cfg := blogConfig()
		mod(&cfg)
		_, err := New(cfg, 1)
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("bad %s: got error %v, want one naming %s", field, err, field)
		}
	}
}

// TestFaultKeys: every kind of Validate's error carries the keys it is about
// (KeyError), one or a pair, the target's and a name's too, found by FaultKeys
// through an error that wraps it, as a sweep's cell name does; its text still
// begins with them. They are not read from the start of the text, so that a
// wrapped error, or a message reworded, names its own keys, not none or
// another.
func TestFaultKeys(t *testing.T) {
	for _, c := range []struct {
		edit func(*Config)
		want []string
	}{
		{func(c *Config) { c.Batch = 0 }, []string{"batch"}},
		{func(c *Config) { c.Name = "" }, []string{"name"}},
		{func(c *Config) { c.Source = "a\x1b[2J" }, []string{"source"}},
		{func(c *Config) { c.Target = "normal(1" }, []string{"target"}},
		{func(c *Config) { c.Noise = 0 }, []string{"noise"}},
		{func(c *Config) { c.DIn = 7 }, []string{"d_in"}},
		{func(c *Config) { c.GP, c.R1 = 1, 1 }, []string{"gp", "r1"}},
		{func(c *Config) { c.GBeta2 = 1 }, []string{"g_beta1", "g_beta2"}},
		{func(c *Config) { c.DLR = 1e-40 }, []string{"d_lr"}},
		{func(c *Config) { c.GEMA = 1e-46 }, []string{"g_ema"}},
		{func(c *Config) { c.DOpt, c.DAlpha = OptimizerRMSprop, 0 }, []string{"d_alpha"}},
		{func(c *Config) { c.UnrollSecondOrder = true }, []string{"unroll_second_order"}},
		{func(c *Config) { c.GHidden = []int{0, 50} }, []string{"g_hidden"}},
		{func(c *Config) { c.GActs = []Activation{ReLU} }, []string{"g_acts"}},
		{func(c *Config) { c.DActs[2] = Identity }, []string{"d_acts"}},
		{func(c *Config) { c.DHidden = []int{MaxWidth, MaxWidth} }, []string{"d_hidden"}},
		{func(c *Config) { c.Epochs = 0 }, []string{"epochs"}},
	} {
		cfg := blogConfig()
		c.edit(&cfg)
		err := cfg.Validate()
		if err == nil {
			t.Errorf("want an error about %v, got none", c.want)
			continue
		}
		if got := FaultKeys(err); !slices.Equal(got, c.want) {
			t.Errorf("%v: keys %q, want %q", err, got, c.want)
		}
		if got := FaultKeys(fmt.Errorf("cell batch=0: %w", err)); !slices.Equal(got, c.want) {
			t.Errorf("%v, wrapped: keys %q, want %q", err, got, c.want)
		}
		if !strings.HasPrefix(err.Error(), strings.Join(c.want, ", ")) {
			t.Errorf("%v: the text does not begin with %v", err, c.want)
		}
	}
	if got := FaultKeys(errors.New("batch: not from Validate")); got != nil {
		t.Errorf("an error of no key: keys %q", got)
	}
}

func TestDCurve(t *testing.T) {
	blog := mustNew(t, blogConfig(), 1)
	if blog.ScoresSamples() || blog.DCurve(make([]float64, 5), 0, 1) {
		t.Error("blog-original's D judges rows, yet a D(x) curve was drawn")
	}
	cfg := blogConfig()
	cfg.NoiseDim, cfg.GOut, cfg.DIn = 1, 1, 1
	g := mustNew(t, cfg, 1)
	curve := make([]float64, 250) // more points than one batch holds
	if !g.DCurve(curve, -1, 9) {
		t.Fatal("per-sample D gave no curve")
	}
	for i, y := range curve {
		if !(y > 0 && y < 1) {
			t.Fatalf("D(x_%d) = %g, want a probability", i, y)
		}
	}
}

// TestLimitsInMessages: the range errors quote the limits they enforce,
// whole numbers grouped as the flags' defaults are (1..100,000).
func TestLimitsInMessages(t *testing.T) {
	for _, c := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.GLR = MaxLR * 1.5 }, fmt.Sprintf("g_lr: %g out of range (0,%g]", MaxLR*1.5, MaxLR)},
		{func(c *Config) { c.DLR = 0 }, fmt.Sprintf("d_lr: 0 out of range (0,%g]", MaxLR)},
		{func(c *Config) { c.DSteps = MaxSteps + 1 }, fmt.Sprintf("d_steps: %d out of range 1..%d", MaxSteps+1, MaxSteps)},
		{func(c *Config) { c.Batch = MaxBatch + 1 }, fmt.Sprintf("batch: %s out of range %s", numtext.FormatInt(MaxBatch+1), numtext.Range(1, MaxBatch))},
	} {
		cfg := blogConfig()
		c.edit(&cfg)
		if err := cfg.Validate(); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
	cfg := blogConfig()
	cfg.DLR = MaxLR
	if err := cfg.Validate(); err != nil {
		t.Errorf("d_lr at MaxLR: %v", err)
	}
}

// TestNetTooLargeSaysWhatFits: a network past MaxNetValues is refused
// with the bound's memory and what to give instead: the largest batch at
// which both networks of its widths fit, which Validate takes and one
// step more it does not, or, where no batch fits, narrower layers, with
// the weights alone where they pass the bound.
func TestNetTooLargeSaysWhatFits(t *testing.T) {
	wide := func(batch, dIn int, g, d []int) Config {
		c := blogConfig()
		c.Batch, c.NoiseDim, c.GOut, c.DIn = batch, 4, 1, dIn
		c.GHidden, c.GActs = g, append(slices.Repeat([]Activation{ReLU}, len(g)), Identity)
		c.DHidden, c.DActs = d, append(slices.Repeat([]Activation{ReLU}, len(d)), Sigmoid)
		return c
	}
	mbd := func(c Config) Config {
		c.MBDKernels, c.MBDDim = 5, 3
		return c
	}
	for _, c := range []struct {
		cfg  Config
		want string
		step int
	}{
		{wide(MaxBatch, 1, []int{256, 256}, []int{32}), "g_hidden: the generator would hold 51,766,816 weights and activations (batch/g_out rows × widths), more than the 16,777,216 a network may hold (about 419 MB of memory); a batch of at most 32,321 fits these widths, or give narrower layers", 1},
		{wide(MaxBatch, 2, []int{16}, []int{1024, 1024}), "a batch of at most 15,318 fits these widths", 2},
		{wide(100, 1, []int{MaxWidth, MaxWidth}, []int{32}), "; its weights alone are 16,797,696: give narrower or fewer layers", 0},
		{mbd(wide(512, 1, []int{16}, []int{MaxWidth, 4000})), "a batch of at most 47 fits these widths", 1},
	} {
		err := c.cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want it to say %q", err, c.want)
			continue
		}
		if c.step == 0 {
			continue
		}
		var best int
		fmt.Sscanf(strings.ReplaceAll(err.Error()[strings.Index(err.Error(), "at most ")+len("at most "):], ",", ""), "%d", &best)
		fits := c.cfg
		fits.Batch = best
		if err := fits.Validate(); err != nil {
			t.Errorf("the batch offered, %d: %v", best, err)
		}
		fits.Batch += c.step
		if fits.Validate() == nil {
			t.Errorf("batch %d, a step past the one offered, fits too", fits.Batch)
		}
	}
}

// TestRetunedRunIsTheConfiguredRun: a run retuned before training is the
// run its retuned Config builds, update for update. The Config is the
// only holder of the learning rates and step counts.
func TestRetunedRunIsTheConfiguredRun(t *testing.T) {
	cfg := blogConfig()
	retuned := mustNew(t, cfg, 4)
	for _, err := range []error{retuned.SetLR(D, 2e-3), retuned.SetLR(G, 5e-4), retuned.SetSteps(D, 2), retuned.SetSteps(G, 3)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	cfg.DLR, cfg.GLR, cfg.DSteps, cfg.GSteps = 2e-3, 5e-4, 2, 3
	built := mustNew(t, cfg, 4)
	if !reflect.DeepEqual(retuned.Config(), built.Config()) {
		t.Fatalf("retuned config %+v, want %+v", retuned.Config(), built.Config())
	}
	if !slices.Equal(train(t, retuned, 20), train(t, built, 20)) {
		t.Fatal("the retuned run trains differently from the configured one")
	}
}

// TestValidateAsFloat32: a value positive as a float64 but zero, denormal
// or infinite as the float32 the engine computes with is refused, and so
// is a decay rate that rounds to 1; an epoch count past MaxEpochs and a
// name that is empty or not UTF-8 are refused too.
func TestValidateAsFloat32(t *testing.T) {
	for key, edit := range map[string]func(*Config){
		"d_lr":        func(c *Config) { c.DLR = 1e-320 },
		"g_lr":        func(c *Config) { c.GLR = 1e-40 }, // denormal in float32
		"leaky_slope": func(c *Config) { c.LeakySlope = 1e-320 },
		"real_label":  func(c *Config) { c.RealLabel = 1e-320 },
		"d_beta1":     func(c *Config) { c.DBeta1 = 0.99999999999 },
		"g_momentum":  func(c *Config) { c.GMomentum = 1 - 1e-12 },
		"epochs":      func(c *Config) { c.Epochs = MaxEpochs + 1 },
		"name":        func(c *Config) { c.Name = "" },
		"description": func(c *Config) { c.Description = "bad \xff byte" },
	} {
		cfg := blogConfig()
		edit(&cfg)
		if err := cfg.Validate(); err == nil || !strings.HasPrefix(err.Error(), key) {
			t.Errorf("%s: got %v, want an error naming it", key, err)
		}
	}
	cfg := blogConfig()
	cfg.DLR, cfg.Epochs = 0x1p-126, MaxEpochs
	if err := cfg.Validate(); err != nil {
		t.Errorf("the smallest normal float32 and MaxEpochs: %v", err)
	}
}

// TestValidateRefusesNumbersTooNearZeroForFloat32: in every number field, a
// value other than 0 that the float32 the engine computes with holds as 0
// (1e-46) or as a denormal (1e-40) is refused naming the field and the least
// value taken above 0, which is then taken, as by SetLR: g_ema=1e-46, a β, a
// momentum or an α so small is not taken, the engine then computing with 0, nor
// d_lr=1e-46 refused as "out of range (0,10]". eps, whose range starts at
// 1e-12, says its range.
func TestValidateRefusesNumbersTooNearZeroForFloat32(t *testing.T) {
	least := numtext.Digits(0x1p-126, 5)
	n := 0
	for _, f := range configFields {
		if f.kind.Kind() != reflect.Float64 || f.name {
			continue
		}
		n++
		for _, v := range []string{"1e-46", "1e-40"} {
			c := blogConfig()
			if err := c.Set(f.key, v); err != nil {
				t.Fatalf("Set(%s, %s): %v", f.key, v, err)
			}
			err := c.Validate()
			want := f.key + ": " + v + " is too near 0 for the float32"
			if f.key == "eps" {
				want = "eps: " + v + " out of range [1e-12,1)"
			}
			if err == nil || !strings.HasPrefix(err.Error(), want) || f.key != "eps" && !strings.HasSuffix(err.Error(), " "+least) {
				t.Errorf("%s=%s: %v; want %q… ending in %s", f.key, v, err, want, least)
			}
		}
		if f.key == "eps" {
			continue
		}
		c := blogConfig()
		if err := c.Set(f.key, least); err != nil {
			t.Fatal(err)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("%s=%s, the least the message gives: %v", f.key, least, err)
		}
	}
	if n < 19 {
		t.Fatalf("only %d number fields found", n)
	}
	g, err := New(blogConfig(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.SetLR(D, 1e-46); err == nil || !strings.Contains(err.Error(), "too near 0") {
		t.Errorf("SetLR(D, 1e-46): %v", err)
	}
}

// TestValidateSaysWhatIsWrongWithALine: a name, description or source that is
// not one line of text is refused with what is wrong with it — the byte that is
// not UTF-8, the control character, the length — not "must be one line of UTF-8
// text" for each; and one that holds a bidirectional formatting character is
// refused too.
func TestValidateSaysWhatIsWrongWithALine(t *testing.T) {
	for _, c := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.Name = "wide\x1b[2J" }, `name: holds the control character U+001B ('\x1b'); it must be one line of text`},
		{func(c *Config) { c.Description = "two\nlines" }, `description: holds the control character U+000A ('\n'); it must be one line of text`},
		{func(c *Config) { c.Source = "next line\u0085" }, `source: holds the control character U+0085 ('\u0085'); it must be one line of text`},
		// a bidirectional formatting character, which reorders what a terminal
		// shows after it ("Trojan Source"), is refused
		{func(c *Config) { c.Name = "ring\u202egnp.exe" }, `name: holds the bidirectional formatting character U+202E ('\u202e'), which reorders the text a terminal shows after it; write the text without it`},
		{func(c *Config) { c.Description = "a \u2066b\u2069" }, `description: holds the bidirectional formatting character U+2066 ('\u2066'), which reorders the text a terminal shows after it; write the text without it`},
		{func(c *Config) { c.Source = "x\u200f" }, `source: holds the bidirectional formatting character U+200F ('\u200f'), which reorders the text a terminal shows after it; write the text without it`},
		{func(c *Config) { c.Name = "a\xffb" }, `name: not UTF-8 text (byte 0xff)`},
		{func(c *Config) { c.Source = strings.Repeat("é", maxLine) }, `source: 2,000 bytes long, more than 1,000`},
	} {
		cfg := blogConfig()
		c.edit(&cfg)
		if err := cfg.Validate(); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}

// TestEvaluateReadsItsTargetTables: GAN.EvaluateUntil reads what it needs
// from the target alone (wasserstein1's quantiles, the bins' masses, the
// Q-Q quantiles) from tables it fills once (targetTables), and measures a
// sample exactly as Evaluate does afresh: on a mixture, whose quantiles
// are numerical, and on a normal target; on repeated sizes and
// histograms (read from the tables), on more of them than the tables
// keep (which start over), and on a sample past the largest grid kept.
func TestEvaluateReadsItsTargetTables(t *testing.T) {
	type ask struct {
		n int
		h HistSpec
	}
	asks := []ask{{2000, HistSpec{}}, {2000, HistSpec{}}, {500, HistSpec{Bins: 400, Lo: 0, Hi: 8}},
		{2000, HistSpec{Bins: 400, Lo: 0, Hi: 8}}, {2000, HistSpec{Bins: 400, Lo: -2, Hi: 10}}}
	for i := range maxTables + 1 { // one more size and histogram than the tables keep
		asks = append(asks, ask{300 + i, HistSpec{Bins: 10 + i}})
	}
	asks = append(asks, ask{2000, HistSpec{}}, ask{500, HistSpec{Bins: 400, Lo: 0, Hi: 8}}, ask{maxGrid + 1, HistSpec{Bins: 7}})
	for _, spec := range []string{"mixture(2,0.5;6,0.5,3)", "normal(4,1.25)"} {
		cfg := blogConfig()
		cfg.Target = spec
		g := mustNew(t, cfg, 1)
		train(t, g, 3)
		for _, a := range asks {
			got := evaluated(g, a.n, a.h)
			xs := make([]float64, a.n*g.dim)
			g.Sample(xs, uint64(g.epoch))
			want := Evaluate(xs, g.cfg.GOut, g.target, a.h)
			if math.Float64bits(got.W1) != math.Float64bits(want.W1) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %d samples, %+v: measured from the tables\n%+v\nafresh\n%+v", spec, a.n, a.h, got, want)
			}
		}
		if len(g.tables.grids) > maxTables || len(g.tables.bins) > maxTables {
			t.Errorf("%s: %d grids and %d histograms kept, at most %d each", spec, len(g.tables.grids), len(g.tables.bins), maxTables)
		}
		for _, q := range g.tables.grids {
			if len(q) > maxGrid {
				t.Errorf("%s: a grid of %d kept, past the largest, %d", spec, len(q), maxGrid)
			}
		}
	}
}

// TestEvaluateNoiseUseNeedsTwoDraws: noise use compares noise draws, so an
// evaluation of fewer than two of G's rows (--samples 100 on blog-original,
// whose G makes 100 samples a draw) measures it on two. It does not read 1,
// "every draw differs", for a G whose every draw is the same row.
func TestEvaluateNoiseUseNeedsTwoDraws(t *testing.T) {
	g := mustNew(t, blogConfig(), 1)
	train(t, g, 50) // blog-original's G ignores its noise by epoch 50
	two := evaluated(g, 200, HistSpec{})
	if two.ZDep >= 0.05 {
		t.Fatalf("noise use of 2 draws at epoch 50 = %.4f, want under 0.05 (the test's premise)", two.ZDep)
	}
	for _, n := range []int{100, 150, 199} {
		m := evaluated(g, n, HistSpec{})
		if m.N != n {
			t.Errorf("Evaluate(%d).N = %d", n, m.N)
		}
		if m.ZDep != two.ZDep {
			t.Errorf("Evaluate(%d): noise use %.4f, want the 2 draws' %.4f", n, m.ZDep, two.ZDep)
		}
	}
	xs := make([]float64, 150)
	g.Sample(xs, uint64(g.Epoch()))
	if want, got := Evaluate(xs, 100, g.target, HistSpec{}).KS, evaluated(g, 150, HistSpec{}).KS; got != want {
		t.Errorf("Evaluate(150): KS %.6f, want %.6f, that of the 150 samples alone", got, want)
	}
}

// TestRangeMessagesWriteShortExponents: a number out of range is written
// back in the digits a user types it in, plain from 10⁻⁴ up to 10¹⁵
// (1000000, 1000000.5, where they read 1e6 and 1.0000005e6), and outside
// those as the screen, the final line and --help write one, exponent
// short (1e20, 1e-5), not as %g writes it (1e+20, 1e-05), wherever a
// setting is checked.
func TestRangeMessagesWriteShortExponents(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"d_lr", "1e6", "d_lr: 1000000 out of range (0,10]"},
		{"d_lr", "1e20", "d_lr: 1e20 out of range (0,10]"},
		{"g_lr", "1e-50", "g_lr: 1e-50 is too near 0 for the float32"},
		{"leaky_slope", "1e6", "leaky_slope: 1000000 out of range (0,1)"},
		{"real_label", "1e7", "real_label: 10000000 out of range (0,1]"},
		{"gp", "1e9", "gp: 1000000000 out of range: 0 (off) or (0,1000]"},
		{"gp", "1000000.5", "gp: 1000000.5 out of range: 0 (off) or (0,1000]"},
		{"r1", "-12345678.9", "r1: -12345678.9 out of range: 0 (off) or (0,1000]"},
		{"d_beta1", "2e6", "d_beta1, d_beta2: 2000000, 0.999 out of range [0,1)"},
		{"g_momentum", "1e6", "g_momentum: 1000000 out of range [0,1)"},
		{"d_alpha", "1e6", "d_alpha: 1000000 out of range [0,1)"},
		{"g_ema", "1e6", "g_ema: 1000000 out of range: 0 (off) or (0,1)"},
		{"eps", "1e-50", "eps: 1e-50 out of range [1e-12,1)"},
		{"target", "normal(1e7,1)", "at most 1e6 in magnitude"},
	} {
		cfg := blogConfig()
		err := cfg.Set(c.key, c.value)
		if err == nil {
			err = cfg.Validate()
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s=%s: got %v, want %q", c.key, c.value, err, c.want)
		}
	}
	cfg := blogConfig()
	cfg.GP, cfg.R1 = 1e-5, 2e-5
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "gp, r1: 1e-5 and 2e-5: choose one") {
		t.Errorf("gp and r1: got %v, want them written 1e-5 and 2e-5", err)
	}
	cfg = blogConfig()
	cfg.RealLabel = 1e-5
	if outline := strings.Join(cfg.Outline(), "\n"); !strings.Contains(outline, numtext.Together("real label 1e-5")) {
		t.Errorf("the outline of real_label=1e-5:\n%s\nwant it to say real label 1e-5", outline)
	}
}

// TestSampleUntilGivesUpOnStop: SampleUntil and EvaluateUntil draw what
// Sample and Evaluate draw while stop stays open, and once it is closed
// give up before G's next batch, reporting false, so that a front end
// leaving does not wait for a wide design's seconds of samples.
func TestSampleUntilGivesUpOnStop(t *testing.T) {
	g := mustNew(t, blogConfig(), 1)
	want := make([]float64, 1000)
	g.Sample(want, 7)
	got := make([]float64, 1000)
	if !g.SampleUntil(got, 7, make(chan struct{})) || !slices.Equal(got, want) {
		t.Errorf("SampleUntil with stop open: not Sample's samples")
	}
	stop := make(chan struct{})
	close(stop)
	clear(got)
	if g.SampleUntil(got, 7, stop) || slices.ContainsFunc(got, func(x float64) bool { return x != 0 }) {
		t.Errorf("SampleUntil with stop closed drew samples or reported them whole")
	}
	if m, ok := g.EvaluateUntil(1000, HistSpec{}, nil); !ok || m.N != 1000 || !finite(m.KS) || !finite(m.W1) {
		t.Errorf("EvaluateUntil without stop: %v, N %d, KS %v, W1 %v; want its 1,000 samples measured", ok, m.N, m.KS, m.W1)
	}
	if _, ok := g.EvaluateUntil(1000, HistSpec{}, stop); ok {
		t.Errorf("EvaluateUntil with stop closed reported metrics")
	}
}

// stopsAtCDF is a target that closes stop the first time its CDF is
// read: as KS measures the samples, after they are all drawn.
type stopsAtCDF struct {
	Target
	once sync.Once
	stop chan struct{}
}

func (s *stopsAtCDF) CDF(x float64) float64 {
	s.once.Do(func() { close(s.stop) })
	return s.Target.CDF(x)
}

// TestEvaluateUntilGivesUpWhileMeasuring: a stop that comes once the
// samples are drawn, while they are measured, gives the evaluation up
// too, reporting false with no metrics, where it measured them all and
// reported them: --samples 10000000's sort and measures take seconds
// after the draw, and a headless run stopped then said "stopping its
// final evaluation: the final line has no measures (measured_at=none)",
// then ended seconds later with its measures, exit 0. Of a row of
// several samples (noise use on two rows) and of one alike.
func TestEvaluateUntilGivesUpWhileMeasuring(t *testing.T) {
	for _, n := range []int{1000, 50} {
		g := mustNew(t, blogConfig(), 1)
		target := &stopsAtCDF{Target: g.target, stop: make(chan struct{})}
		g.target = target
		if m, ok := g.EvaluateUntil(n, HistSpec{}, target.stop); ok || m.N != 0 {
			t.Errorf("%d samples, stopped as KS read them: reported %v, N %d, KS %v", n, ok, m.N, m.KS)
		}
	}
}

// evaluated is g's evaluation of n samples in full, EvaluateUntil never
// stopped.
func evaluated(g *GAN, n int, h HistSpec) Metrics {
	m, _ := g.EvaluateUntil(n, h, nil)
	return m
}
