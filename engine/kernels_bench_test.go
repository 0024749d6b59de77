package engine

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
)

// Kernel benchmarks, one sub-benchmark per kernel path this build and CPU
// run (go; with GOEXPERIMENT=simd also avx2 and avx512). Each reports
// GFLOP/s, counting a multiply-add as two operations, so the figures can
// be set against the machine's peak (BenchmarkPeak) in bench/README.md.

func benchEachISA(b *testing.B, f func(b *testing.B)) {
	saved := kernelISA
	defer func() { kernelISA = saved }()
	for _, k := range supportedISAs() {
		kernelISA = k
		b.Run(isaNames[k], f)
	}
}

// benchEachSIMDISA is benchEachISA over the vector paths only.
func benchEachSIMDISA(b *testing.B, f func(b *testing.B)) {
	saved := kernelISA
	defer func() { kernelISA = saved }()
	for _, k := range simdISAs() {
		kernelISA = k
		b.Run(isaNames[k], f)
	}
}

func reportFlops(b *testing.B, flopsPerOp float64) {
	b.ReportMetric(flopsPerOp*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

var benchSink float32

// BenchmarkPeak is a long dot product over data that stays in the L1
// cache (2 × 16 KiB) or in L2 (2 × 128 KiB): the highest multiply-add rate
// Go code reaches on this machine, the yardstick for the limits in
// bench/README.md.
func BenchmarkPeak(b *testing.B) {
	for _, n := range []int{4096, 32768} {
		rng := rand.New(rand.NewPCG(1, 1))
		x, y := randVec(rng, n, 0), randVec(rng, n, 0)
		where := "L1"
		if n > 8192 {
			where = "L2"
		}
		b.Run(where, func(b *testing.B) {
			benchEachISA(b, func(b *testing.B) {
				for b.Loop() {
					benchSink += dot(x, y)
				}
				reportFlops(b, 2*float64(n))
			})
		})
	}
}

// BenchmarkSum times the finiteness check of GAN.Check over both
// blog-original networks (20,351 weights).
func BenchmarkSum(b *testing.B) {
	x := randVec(rand.New(rand.NewPCG(1, 1)), 20351, 0)
	benchEachISA(b, func(b *testing.B) {
		for b.Loop() {
			benchSink += sum(x)
		}
		reportFlops(b, float64(len(x)))
	})
}

// BenchmarkPeakGemm is the best multiply-add rate of a register-tiled
// matrix product over data in L1 (Y += A·M, 100 × 50 ← 50): for portable
// Go it beats the dot product, whose four accumulators leave the second
// arithmetic unit idle.
func BenchmarkPeakGemm(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 3))
	a, m, y := randVec(rng, 100*50, 0), randVec(rng, 50*50, 0), make([]float32, 100*50)
	benchEachISA(b, func(b *testing.B) {
		for b.Loop() {
			gemm(100, 50, 50, a, 50, 1, m, 50, y, 50)
		}
		reportFlops(b, 2*100*50*50)
	})
}

func BenchmarkDot100(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	x, y := randVec(rng, 100, 0), randVec(rng, 100, 0)
	benchEachISA(b, func(b *testing.B) {
		for b.Loop() {
			benchSink += dot(x, y)
		}
		reportFlops(b, 200)
	})
}

// BenchmarkGemv times y += W·x for the layer shapes of blog-original
// (out × in), then the grid's hidden layers at widths 128 and 256: a
// forward pass of one row.
func BenchmarkGemv(b *testing.B) {
	for _, s := range [][2]int{{50, 100}, {50, 50}, {100, 50}, {1, 50}, {128, 128}, {256, 256}} {
		rng := rand.New(rand.NewPCG(1, 2))
		w, x, y := randVec(rng, s[0]*s[1], 0), randVec(rng, s[1], 0), make([]float32, s[0])
		b.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(b *testing.B) {
			benchEachISA(b, func(b *testing.B) {
				for b.Loop() {
					gemv(y, w, x)
				}
				reportFlops(b, 2*float64(s[0]*s[1]))
			})
		})
	}
}

// BenchmarkGemm times Y += A·M for the products of a dense layer:
// rows × n outputs over k terms. 1×100←50 and 1×50←50 are blog-original's
// input gradients (half the terms zero: dead ReLU units); 100×50←50 is
// devnag-2017's generator, a 50 → 50 layer over a batch of 100.
func BenchmarkGemm(b *testing.B) {
	for _, s := range []struct {
		rows, n, k int
		dead       float64
	}{{1, 100, 50, 0.5}, {1, 50, 50, 0.5}, {100, 50, 50, 0}, {50, 50, 100, 0}} {
		rng := rand.New(rand.NewPCG(1, 3))
		a, m, y := randVec(rng, s.rows*s.k, s.dead), randVec(rng, s.k*s.n, 0), make([]float32, s.rows*s.n)
		b.Run(fmt.Sprintf("%dx%d←%d", s.rows, s.n, s.k), func(b *testing.B) {
			benchEachISA(b, func(b *testing.B) {
				for b.Loop() {
					gemm(s.rows, s.n, s.k, a, s.k, 1, m, s.n, y, s.n)
				}
				reportFlops(b, 2*float64(s.rows*s.n*s.k))
			})
		})
	}
}

// BenchmarkAdam times one Adam step over blog-original's generator
// (12,700 parameters), with every gradient live and with 80% of them in
// dead runs, as training reaches after a few hundred epochs. Each op
// first refills the gradients, which the step clears, as a backward pass
// would; the copy is part of the figure. The metric is nanoseconds per
// parameter.
func BenchmarkAdam(b *testing.B) {
	const n = 12700
	for _, dead := range []float64{0, 0.8} {
		rng := rand.New(rand.NewPCG(1, 4))
		p, g0, m, v := randVec(rng, n, 0), randVec(rng, n, 0), randVec(rng, n, 0), make([]float32, n)
		for i := range v {
			v[i] = float32(rng.Float64())
			if float64(i%100) < dead*100 { // dead rows of 100 weights
				g0[i], m[i] = 0, 0
			}
		}
		g := make([]float32, n)
		b.Run(fmt.Sprintf("dead=%g", dead), func(b *testing.B) {
			benchEachISA(b, func(b *testing.B) {
				for b.Loop() {
					copy(g, g0)
					adamUpdate(p, g, m, v, 0.9, 0.999, 0.1, 0.001, 1e-8, 1e-3, 1)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/param")
			})
		})
	}
}

// BenchmarkAdamOuter times a discriminator's step on one wide layer at
// one row a pass: two outer products written into dW by gemm and the
// plain Adam pass (unfused), against Adam forming the same gradient from
// the two terms as it updates (fused, adamOuter). rows × n is a
// 1024 × 1024 layer, whose 16 MiB of optimizer state stream from L3 and
// memory, and a 256 × 256 one, whose 1 MiB sits in L2, on the vector
// paths (the portable one fuses nothing). The metric is nanoseconds per
// weight.
func BenchmarkAdamOuter(b *testing.B) {
	for _, n := range []int{256, 1024} {
		rng := rand.New(rand.NewPCG(2, 5))
		p, m, v, g := randVec(rng, n*n, 0), randVec(rng, n*n, 0.3), randVec(rng, n*n, 0), make([]float32, n*n)
		for i := range v {
			v[i] *= v[i]
		}
		d0, x0, d1, x1 := randVec(rng, n, 0.4), randVec(rng, n, 0), randVec(rng, n, 0.4), randVec(rng, n, 0)
		for _, fused := range []bool{false, true} {
			b.Run(fmt.Sprintf("%dx%d/fused=%v", n, n, fused), func(b *testing.B) {
				benchEachSIMDISA(b, func(b *testing.B) {
					for b.Loop() {
						if fused {
							adamOuter(p, m, v, n, d0, x0, d1, x1, 0.9, 0.999, 0.1, 0.001, 1e-8, 1e-7, 1)
							continue
						}
						gemm(n, n, 1, d0, 1, n, x0, n, g, n)
						gemm(n, n, 1, d1, 1, n, x1, n, g, n)
						adamUpdate(p, g, m, v, 0.9, 0.999, 0.1, 0.001, 1e-8, 1e-7, 1)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*n), "ns/weight")
				})
			})
		}
	}
}

// BenchmarkDenseBatch times a forward and a backward pass of a
// 50 → 50 layer over a batch of 100 rows, devnag-2017's generator.
func BenchmarkDenseBatch(b *testing.B) {
	for _, act := range []Activation{ELU, Sigmoid} {
		b.Run(act.String(), func(b *testing.B) {
			benchEachISA(b, func(b *testing.B) {
				rng := rand.New(rand.NewPCG(1, 5))
				l := NewDense(50, 50, act)
				params, grads := make([]float32, l.ParamCount()), make([]float32, l.ParamCount())
				l.bind(params, grads, 100)
				l.init(rng)
				x, dy := randVec(rng, 100*50, 0), randVec(rng, 100*50, 0)
				for b.Loop() {
					l.forward(x, 100)
					l.backward(dy, 100, true, true)
				}
				reportFlops(b, 3*2*100*50*50)
			})
		})
	}
}

// BenchmarkPeakSqrtDivGo is BenchmarkPeakSqrtDiv for portable Go, four
// independent parameters per iteration (see adamGo).
func BenchmarkPeakSqrtDivGo(b *testing.B) {
	const n = 2048
	rng := rand.New(rand.NewPCG(1, 4))
	p, v := make([]float32, n), make([]float32, n)
	for i := range v {
		p[i], v[i] = 1, 1+float32(rng.Float64())
	}
	for b.Loop() {
		for i := 0; i+4 <= n; i += 4 {
			ps, vs := p[i:i+4:i+4], v[i:i+4:i+4]
			ps[0] /= sqrt32(vs[0]) + 1
			ps[1] /= sqrt32(vs[1]) + 1
			ps[2] /= sqrt32(vs[2]) + 1
			ps[3] /= sqrt32(vs[3]) + 1
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/param")
}

// BenchmarkActivation times the activation kernels over devnag-2017's
// hidden layer output (100 rows × 50 units), forward and backward.
func BenchmarkActivation(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 6))
	x, dy := randVec(rng, 5000, 0), randVec(rng, 5000, 0)
	z, dz := make([]float32, len(x)), make([]float32, len(x))
	for _, act := range []Activation{ELU, Sigmoid, Tanh} {
		b.Run(act.String(), func(b *testing.B) {
			benchEachISA(b, func(b *testing.B) {
				for b.Loop() {
					copy(z, x)
					act.apply(z, 0)
					act.grad(dz, dy, z, 0)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(x)), "ns/value")
			})
		})
	}
}

// BenchmarkMinibatch times minibatch discrimination's layer as the
// minibatch-discrimination preset has it (A = 32 features, B = 8 kernels
// of C = 4 dimensions, a batch of 100: 8 × 4,950 pairs), one forward and
// one backward pass an op, on every kernel path: the pair kernels
// (mbdPairs, mbdGrad) and the layer's three small products.
func BenchmarkMinibatch(b *testing.B) {
	const a, k, c, rows = 32, 8, 4, 100
	rng := rand.New(rand.NewPCG(1, 9))
	x, dy := randRows(rng, rows*a, 0, 1), randRows(rng, rows*(a+k), 0, 1)
	benchEachISA(b, func(b *testing.B) {
		l := NewMinibatch(a, k, c)
		params, grads := make([]float32, l.ParamCount()), make([]float32, l.ParamCount())
		l.bind(params, grads, rows)
		l.init(rand.New(rand.NewPCG(1, 2)))
		for b.Loop() {
			l.forward(x, rows)
			l.backward(dy, rows, true, true)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*k*rows*(rows-1)/2), "ns/pair")
	})
}

// BenchmarkGemmGrid times the products of a hidden layer W → W of the
// grid benchmark (bench/grid.py) at 100 rows as Dense runs them: Y = X·Wᵀ
// (fwd, Wᵀ in panels), dX = dZ·W (dx, W in panels) and dW += dZᵀ·X (dw, X
// in panels, dZᵀ a transposed copy). GFLOP/s against the hardware peak
// bench/limit.py measures; workers=1 lets gemmPanels split the product
// with the helper goroutine (pool.go).
func BenchmarkGemmGrid(b *testing.B) {
	const rows = 100
	defer SetProductWorkers(SetProductWorkers(0))
	for _, w := range []int{50, 128, 256, 512, 1024} {
		rng := rand.New(rand.NewPCG(1, uint64(w)))
		x, dz, m := randVec(rng, rows*w, 0), randVec(rng, rows*w, 0), randVec(rng, w*w, 0)
		y, dw := make([]float32, rows*w), make([]float32, w*w)
		mt, mp, xp := alignedFloats(panelsLen(w, w)), alignedFloats(panelsLen(w, w)), alignedFloats(panelsLen(rows, w))
		dzt := make([]float32, rows*w)
		transposePanels(mt, m, w, w)
		packPanels(mp, m, w, w)
		packPanels(xp, x, rows, w)
		transpose(dzt, rows, dz, rows, w)
		products := []struct {
			name string
			run  func()
		}{
			{"fwd", func() { gemmPanels(rows, w, w, x, w, 1, mt, y, w) }},
			{"dx", func() { gemmPanels(rows, w, w, dz, w, 1, mp, y, w) }},
			{"dw", func() { gemmPanels(w, w, rows, dzt, rows, 1, xp, dw, w) }},
		}
		for _, workers := range []int{0, 1} {
			for _, p := range products {
				b.Run(fmt.Sprintf("%s/%d/workers=%d", p.name, w, workers), func(b *testing.B) {
					SetProductWorkers(workers)
					benchEachISA(b, func(b *testing.B) {
						for b.Loop() {
							p.run()
						}
						reportFlops(b, 2*rows*float64(w*w))
					})
				})
			}
		}
	}
}

// BenchmarkGemmSplitCost times the overhead of splitting a product with
// the helper goroutine (pool.go): a tiny product, split and not.
func BenchmarkGemmSplitCost(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 9))
	a, m, y := randVec(rng, 2*4, 0), randVec(rng, 4*128, 0), make([]float32, 2*128)
	defer func(s int) { splitMACs = s }(splitMACs)
	defer SetProductWorkers(SetProductWorkers(0))
	for _, workers := range []int{0, 1} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			SetProductWorkers(workers)
			splitMACs = 0
			for b.Loop() {
				gemm(2, 128, 4, a, 4, 1, m, 128, y, 128)
			}
		})
	}
}

// BenchmarkRoundTrip times a value passed to a goroutine on another
// thread and back through one cache line: what the caller and the helper
// pay to hand each other data. On the 2-core development machine it took
// 55–80 ns most of the time and 335–375 ns in stretches when sharing did
// not pay (trial.go; bench/README.md, section 0, step 16).
func BenchmarkRoundTrip(b *testing.B) {
	if runtime.GOMAXPROCS(0) < 2 {
		b.Skip("needs GOMAXPROCS ≥ 2: the two goroutines spin")
	}
	var line atomic.Int64
	n := int64(b.N)
	done := make(chan struct{})
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		for i := int64(1); i <= n; i++ {
			for line.Load() != 2*i-1 {
			}
			line.Store(2 * i)
		}
		close(done)
	}()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	for i := int64(1); i <= n; i++ {
		line.Store(2*i - 1)
		for line.Load() != 2*i {
		}
	}
	b.StopTimer()
	<-done
}

// BenchmarkTranspose times transpose on the shapes of the grid's layers
// (Dense makes Wᵀ for a batch's forward pass whenever W has changed).
func BenchmarkTranspose(b *testing.B) {
	for _, s := range [][2]int{{50, 50}, {256, 256}, {1024, 100}, {100, 1024}, {1024, 1024}} {
		rows, cols := s[0], s[1]
		b.Run(fmt.Sprintf("%dx%d", rows, cols), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			ldd := roundUp16(rows)
			src, dst := randVec(rng, rows*cols, 0), alignedFloats(cols*ldd)
			for b.Loop() {
				transpose(dst, ldd, src, rows, cols)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows*cols), "ns/element")
		})
	}
}

// BenchmarkEpochVanillaEachISA times the steady state of vanilla's epoch
// (vanillaConfig, seed 1, after 200 epochs) on each vector path: its
// 16- and 32-wide layers over batches of 100 are products for gemm's
// narrow tiles, which the two widths lay out differently.
func BenchmarkEpochVanillaEachISA(b *testing.B) {
	benchEachSIMDISA(b, func(b *testing.B) {
		g, err := New(vanillaConfig(), 1)
		if err != nil {
			b.Fatal(err)
		}
		for range 200 {
			if _, err := g.TrainEpoch(); err != nil {
				b.Fatal(err)
			}
		}
		for b.Loop() {
			if _, err := g.TrainEpoch(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
