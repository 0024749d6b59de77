package engine

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
)

// TestDStepsAtIsTheAuthorsSchedule: with the Wasserstein GAN authors'
// warm-up (main.py: "if gen_iterations < 25 or gen_iterations % 500 ==
// 0: Diters = 100"), the epoch after e epochs takes 100 D steps for e
// below 25 and for every multiple of 500, 5 otherwise; off, or with
// neither rule, it is d_steps throughout.
func TestDStepsAtIsTheAuthorsSchedule(t *testing.T) {
	cfg := wganConfig()
	for e := range 2001 {
		want, warm := 5, false
		if e < 25 || e%500 == 0 { // the authors' line, gen_iterations = e
			want, warm = 100, true
		}
		if n, w := cfg.DStepsAt(e); n != want || w != warm {
			t.Fatalf("epoch after %d: %d steps (warm-up %v), want %d (%v)", e, n, w, want, warm)
		}
	}
	every := cfg
	every.DWarmupEpochs = 0
	for e, want := range map[int]int{0: 100, 1: 5, 24: 5, 499: 5, 500: 100, 1000: 100} {
		if n, _ := every.DStepsAt(e); n != want {
			t.Errorf("every 500th alone: epoch after %d takes %d steps, want %d", e, n, want)
		}
	}
	off := cfg
	off.DWarmupSteps = 0 // the other two stay, unused
	for _, e := range []int{0, 24, 500} {
		if n, w := off.DStepsAt(e); n != 5 || w {
			t.Errorf("warm-up off: epoch after %d takes %d steps (warm-up %v), want 5", e, n, w)
		}
	}
}

// TestWarmupEpochsTrainAsTheirSteps: an epoch of the warm-up is d_steps
// set to the warm-up's steps for that epoch, bit for bit, losses
// averaged over its steps; the epochs after it are d_steps' own.
func TestWarmupEpochsTrainAsTheirSteps(t *testing.T) {
	warm := wganConfig()
	warm.DWarmupSteps, warm.DWarmupEpochs, warm.DWarmupEvery = 20, 2, 4
	plain := warm
	plain.DWarmupSteps = 0
	a, b := mustNew(t, warm, 3), mustNew(t, plain, 3)
	for e := range 9 {
		n := 5
		if e < 2 || e%4 == 0 {
			n = 20
		}
		if err := b.SetSteps(D, n); err != nil {
			t.Fatal(err)
		}
		sa, sb := train(t, a, 1), train(t, b, 1)
		if !slices.Equal(sa, sb) || !slices.Equal(a.disc.Params, b.disc.Params) || !slices.Equal(a.gen.Params, b.gen.Params) {
			t.Fatalf("epoch %d: the warm-up's run differs from d_steps %d", e+1, n)
		}
	}
	if a.Config().DSteps != 5 {
		t.Errorf("the warm-up changed d_steps to %d", a.Config().DSteps)
	}
}

// TestWarmupValidates: each warm-up key's range is enforced, its message
// naming the key and the range (the words --set quotes for a value that
// is no number), and a warm-up in no epoch is refused.
func TestWarmupValidates(t *testing.T) {
	for _, c := range []struct {
		edit func(*Config)
		want string
	}{
		{func(c *Config) { c.DWarmupSteps = -1 }, "d_warmup_steps: -1 out of range: 0 (off) or 1..100"},
		{func(c *Config) { c.DWarmupSteps = 101 }, "d_warmup_steps: 101 out of range: 0 (off) or 1..100"},
		{func(c *Config) { c.DWarmupEpochs = -1 }, "d_warmup_epochs: -1 out of range 0..1,000,000,000"},
		{func(c *Config) { c.DWarmupEpochs = MaxEpochs + 1 }, "d_warmup_epochs: 1,000,000,001 out of range"},
		{func(c *Config) { c.DWarmupEvery = -1 }, "d_warmup_every: -1 out of range: 0 (off) or 1..1,000,000,000"},
		{func(c *Config) { c.DWarmupEpochs, c.DWarmupEvery = 0, 0 }, "d_warmup_steps: 100 steps in no epoch"},
		{func(c *Config) { c.DWarmupSteps, c.DWarmupEpochs, c.DWarmupEvery = 1, 0, 0 }, "d_warmup_steps: 1 step in no epoch"},
	} {
		cfg := wganConfig()
		c.edit(&cfg)
		if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want an error containing %q", err, c.want)
		}
	}
	for _, edit := range []func(*Config){
		func(c *Config) { c.DWarmupSteps = 0 },                                        // off, the rules kept unused
		func(c *Config) { c.DWarmupSteps, c.DWarmupEpochs, c.DWarmupEvery = 0, 0, 0 }, // off, as a file from before the keys
		func(c *Config) { c.DWarmupEvery = 0 },                                        // the first epochs alone
		func(c *Config) { c.DWarmupEpochs, c.DWarmupSteps = 0, 1 },                    // every 500th alone, one step
	} {
		cfg := wganConfig()
		edit(&cfg)
		if err := cfg.Validate(); err != nil {
			t.Errorf("a valid design refused: %v", err)
		}
	}
	cfg := wganConfig()
	if err := cfg.Set("d_warmup_every", "x"); err == nil || !strings.Contains(err.Error(), "allowed: 0 (off) or 1..1,000,000,000") {
		t.Errorf("--set d_warmup_every=x: %v, want the range", err)
	}
	if hint := KeyHint("warmup_steps"); hint != ` (did you mean "d_warmup_steps"?)` {
		t.Errorf("KeyHint(warmup_steps) = %q", hint)
	}
}

// TestOutlineNamesTheWarmup: the design's outline lists the warm-up's
// epochs as the screen counts them, from 1, one epoch as "epoch 1".
func TestOutlineNamesTheWarmup(t *testing.T) {
	for _, c := range []struct {
		steps, first, every int
		want                string
	}{
		{100, 25, 500, "5 D + 1 G steps per epoch, 100 D in epochs 1–25, 501, 1,001, … (warm-up)"},
		{100, 0, 500, "100 D in epochs 1, 501, … (warm-up)"},
		{10, 1, 0, "10 D in epoch 1 (warm-up)"},
		{10, 30, 0, "10 D in epochs 1–30 (warm-up)"},
		{10, 25, 10, "10 D in epochs 1–25, 31, 41, … (warm-up)"},
		{10, 0, MaxEpochs, "10 D in epoch 1 (warm-up)"},
	} {
		cfg := wganConfig()
		cfg.DWarmupSteps, cfg.DWarmupEpochs, cfg.DWarmupEvery = c.steps, c.first, c.every
		if err := cfg.Validate(); err != nil {
			t.Fatal(err)
		}
		if text := numtext.Plain(strings.Join(cfg.Outline(), "\n")); !strings.Contains(text, c.want) {
			t.Errorf("outline lacks %q:\n%s", c.want, text)
		}
	}
	cfg := wganConfig()
	cfg.DWarmupSteps = 0
	if text := strings.Join(cfg.Outline(), "\n"); strings.Contains(text, "warm-up") {
		t.Errorf("an outline without the warm-up names it:\n%s", text)
	}
}

// TestResumeInTheWarmupIsBitIdentical: a run saved in the middle of its
// warm-up, in the first epochs and before an every-k-th one, continues
// as the straight run does.
func TestResumeInTheWarmupIsBitIdentical(t *testing.T) {
	cfg := wganConfig()
	cfg.DWarmupSteps, cfg.DWarmupEpochs, cfg.DWarmupEvery = 30, 4, 8
	for _, at := range []int{2, 8, 16} { // in the first epochs; before epoch 9 and 17, each a warm-up's
		checkResume(t, resumeCase{
			start: func() *GAN { return mustNew(t, cfg, 5) },
			at:    at, total: 20,
			restored: func(r *GAN) {
				if n, warm := r.cfg.DStepsAt(r.Epoch()); n != 30 || !warm {
					t.Fatalf("saved at %d: the next epoch takes %d steps (warm-up %v), want the warm-up's 30", at, n, warm)
				}
			},
		})
	}
}

// TestCheckpointFromBeforeTheWarmup: a checkpoint written by the ganui of
// before the warm-up keys (testdata/checkpoint-v4-wgan-epoch3.bin and
// -epoch6.bin: ganui --headless --preset wgan --seed 7 --epochs 3 and 6
// --save, at commit 4b14c69, whose wgan had no warm-up, in the default
// build) loads with the warm-up off and continues as that ganui did: 3
// epochs on from the first reach the second, weights, optimizers and
// random state alike, in the build whose kernels wrote them.
func TestCheckpointFromBeforeTheWarmup(t *testing.T) {
	load := func(name string) *GAN {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "d_warmup") {
			t.Fatalf("%s names the warm-up: it is no checkpoint from before it", name)
		}
		g, err := Restore(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return g
	}
	g, end := load("checkpoint-v4-wgan-epoch3.bin"), load("checkpoint-v4-wgan-epoch6.bin")
	if c := g.Config(); c.DWarmupSteps != 0 || c.DWarmupEpochs != 0 || c.DWarmupEvery != 0 || c.DSteps != 5 {
		t.Fatalf("loaded with warm-up %d, %d, %d and d_steps %d, want none and 5", c.DWarmupSteps, c.DWarmupEpochs, c.DWarmupEvery, c.DSteps)
	}
	if g.Epoch() != 3 || end.Epoch() != 6 {
		t.Fatalf("epochs %d and %d, want 3 and 6", g.Epoch(), end.Epoch())
	}
	if isa := KernelISA(); isa != "go" {
		// The fixtures are the portable kernels' runs; SIMD kernels sum
		// in another order, and their epochs differ in the last bits.
		t.Logf("the resumed run's comparison left out: this build trains with %s", isa)
		return
	}
	train(t, g, 3)
	// The two differ in their plan, --epochs 3 and 6, and in nothing else.
	if err := end.cfg.Set("epochs", "3"); err != nil {
		t.Fatal(err)
	}
	sameState(t, g, end) // the old checkpoint, resumed 3 epochs, against the old ganui's 6
}
