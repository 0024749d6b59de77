package engine_test

import (
	"fmt"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
)

// benchEpochs times TrainEpoch on a preset. One op is one epoch: for
// blog-original that is 5 D and 5 G updates, as in the source. The run is
// warmed up first so the figures describe training in progress (with dead
// ReLU units and settled moments), not the first few steps.
func benchEpochs(b *testing.B, preset string) {
	cfg, err := presets.Get(preset)
	if err != nil {
		b.Skipf("preset %s: %v", preset, err)
	}
	timeEpochs(b, cfg, 200)
}

// timeEpochs times the steady-state epochs of cfg from seed 1, after warm
// epochs, reporting allocations and epochs/s.
func timeEpochs(b *testing.B, cfg engine.Config, warm int) {
	g, err := engine.New(cfg, 1)
	if err != nil {
		b.Fatal(err)
	}
	for range warm {
		if _, err := g.TrainEpoch(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.TrainEpoch(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "epochs/s")
}

func BenchmarkEpochBlogOriginal(b *testing.B) { benchEpochs(b, "blog-original") }
func BenchmarkEpochDevnag2017(b *testing.B)   { benchEpochs(b, "devnag-2017") }

// benchRun times whole runs from a fresh start, as bench/compare.sh and
// PyTorch measure them: one op is the preset's planned number of epochs
// (5,000 for blog-original), so sparsity that builds up as units die is
// averaged the way a user sees it.
func benchRun(b *testing.B, preset string) {
	cfg, err := presets.Get(preset)
	if err != nil {
		b.Skipf("preset %s: %v", preset, err)
	}
	timeRuns(b, cfg, cfg.Epochs)
}

// timeRuns times runs of cfg from seed 1, epochs each, and reports
// epochs/s.
func timeRuns(b *testing.B, cfg engine.Config, epochs int) {
	for b.Loop() {
		g, err := engine.New(cfg, 1)
		if err != nil {
			b.Fatal(err)
		}
		for range epochs {
			if _, err := g.TrainEpoch(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*epochs)/b.Elapsed().Seconds(), "epochs/s")
}

func BenchmarkRunBlogOriginal(b *testing.B) { benchRun(b, "blog-original") }
func BenchmarkRunDevnag2017(b *testing.B)   { benchRun(b, "devnag-2017") }

func BenchmarkEpochMinibatch(b *testing.B) { benchEpochs(b, "minibatch-discrimination") }
func BenchmarkEpochVanilla(b *testing.B)   { benchEpochs(b, "vanilla") }

// BenchmarkEpochWide is blog-original at hidden widths 128 to 1024, one
// row or 100 rows per step: grid points of bench/grid.py, in steady state.
func BenchmarkEpochWide(b *testing.B) {
	for _, s := range [][2]int{{128, 1}, {256, 1}, {512, 1}, {1024, 1}, {128, 100}, {256, 100}, {512, 100}, {1024, 100}} {
		width, rows := s[0], s[1]
		b.Run(fmt.Sprintf("W%dR%d", width, rows), func(b *testing.B) {
			cfg, err := presets.Get("blog-original")
			if err != nil {
				b.Fatal(err)
			}
			cfg.GHidden, cfg.DHidden, cfg.Batch = []int{width, width}, []int{width, width}, 100*rows
			timeEpochs(b, cfg, 20)
		})
	}
}

// BenchmarkRunWide is the grid's single-row points (bench/grid.py) as
// whole runs from a fresh start, the grid's number of epochs each: early
// in a run every unit is alive, and the optimizer's pass over every weight
// is most of an epoch.
func BenchmarkRunWide(b *testing.B) {
	for _, s := range [][2]int{{128, 595}, {256, 214}, {512, 69}, {1024, 20}} {
		width, epochs := s[0], s[1]
		b.Run(fmt.Sprintf("W%dR1", width), func(b *testing.B) {
			cfg, err := presets.Get("blog-original")
			if err != nil {
				b.Fatal(err)
			}
			cfg.GHidden, cfg.DHidden = []int{width, width}, []int{width, width}
			timeRuns(b, cfg, epochs)
		})
	}
}

// BenchmarkEpochRing is the ring preset, one point (x, y) per G row and D
// row, beside the same design on a one-dimensional target: the 2-D path's
// cost per epoch against 1-D's at the same widths.
func BenchmarkEpochRing(b *testing.B) {
	for _, target := range []string{"ring(8,2,0.02)", "normal(0,1.41)"} {
		b.Run(target, func(b *testing.B) {
			cfg, err := presets.Get("ring")
			if err != nil {
				b.Fatal(err)
			}
			cfg.Target = target
			timeEpochs(b, cfg, 200)
		})
	}
}

// BenchmarkEpochPenalty times an epoch of the gradient-penalty designs
// beside the same loss without one: r1 against vanilla (BCE, one D step),
// wgan-gp against wgan (the Wasserstein loss, five D steps; wgan clips
// instead, and its optimizer is RMSprop where wgan-gp's is Adam).
func BenchmarkEpochPenalty(b *testing.B) {
	for _, name := range []string{"vanilla", "r1", "wgan", "wgan-gp"} {
		b.Run(name, func(b *testing.B) { benchEpochs(b, name) })
	}
}
