package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"
)

// Every kernel path this build and CPU can run (portable Go, and with
// GOEXPERIMENT=simd also AVX2 and AVX-512) is checked against a plain
// float64 reference here, so `go test` and `GOEXPERIMENT=simd go test` run
// the same assertions on different code.

// forEachISA runs f once per supported kernel path, with that path selected.
func forEachISA(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	saved := kernelISA
	defer func() { kernelISA = saved }()
	for _, k := range supportedISAs() {
		kernelISA = k
		t.Run(isaNames[k], f)
	}
}

// simdISAs lists the SIMD kernel paths this build and CPU can run: none
// in the default build.
func simdISAs() []isa {
	return slices.DeleteFunc(supportedISAs(), func(k isa) bool { return k == isaGo })
}

// forEachSIMDISA runs f once per SIMD kernel path, for tests whose
// reference is the portable path: with no SIMD path they would compare the
// portable kernels with themselves, so they skip.
func forEachSIMDISA(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	paths := simdISAs()
	if len(paths) == 0 {
		t.Skip("only the portable kernels in this build or on this CPU: comparing them with themselves would check nothing")
	}
	saved := kernelISA
	defer func() { kernelISA = saved }()
	for _, k := range paths {
		kernelISA = k
		t.Run(isaNames[k], f)
	}
}

// kernelSizes covers empty input, every tail length around one and two
// vectors of 8 and 16 lanes, the 64-wide blocks, one to four columns past
// whole vectors (gemmLastCols), and the engine's widths.
var kernelSizes = []int{0, 1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 20, 31, 32, 33, 35, 47, 50, 63, 64, 65, 100, 127, 129, 200}

func randVec(rng *rand.Rand, n int, zeroFrac float64) []float32 {
	v := make([]float32, n)
	for i := range v {
		if rng.Float64() >= zeroFrac {
			v[i] = float32(rng.NormFloat64())
		}
	}
	return v
}

// kernelNear reports whether got matches the float64 reference want to float32
// accumulation accuracy; scale is Σ|terms|, the size of the worst case
// rounding error.
func kernelNear(got float32, want, scale float64) bool {
	return math.Abs(float64(got)-want) <= 1e-6*(scale+1)*4
}

func TestDot(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 1))
		for _, n := range kernelSizes {
			a, b := randVec(rng, n, 0), randVec(rng, n+3, 0) // b may be longer
			var want, scale float64
			for i := range n {
				want += float64(a[i]) * float64(b[i])
				scale += math.Abs(float64(a[i]) * float64(b[i]))
			}
			if got := dot(a, b); !kernelNear(got, want, scale) {
				t.Errorf("n=%d: dot = %g, want %g", n, got, want)
			}
		}
	})
}

func TestSum(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 9))
		for _, n := range append(kernelSizes, 20351) {
			x := randVec(rng, n, 0)
			var want, scale float64
			for _, v := range x {
				want += float64(v)
				scale += math.Abs(float64(v))
			}
			if got := sum(x); !kernelNear(got, want, scale) {
				t.Errorf("n=%d: sum = %g, want %g", n, got, want)
			}
		}
		if x := []float32{1, 2, float32(math.NaN()), 3}; !math.IsNaN(float64(sum(x))) {
			t.Error("sum lost a NaN")
		}
		if x := []float32{1, float32(math.Inf(1)), 3}; !math.IsInf(float64(sum(x)), 1) {
			t.Error("sum lost an infinity")
		}
	})
}

func TestAxpy(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 2))
		for _, n := range kernelSizes {
			dst, x := randVec(rng, n+2, 0), randVec(rng, n+1, 0)
			orig := slices.Clone(dst)
			alpha := float32(rng.NormFloat64())
			axpy(dst[:n], alpha, x)
			for i := range n {
				want := float64(orig[i]) + float64(alpha)*float64(x[i])
				if !kernelNear(dst[i], want, math.Abs(float64(orig[i]))+math.Abs(float64(alpha*x[i]))) {
					t.Fatalf("n=%d: dst[%d] = %g, want %g", n, i, dst[i], want)
				}
			}
			if dst[n] != orig[n] || dst[n+1] != orig[n+1] {
				t.Fatalf("n=%d: axpy wrote past the end of dst", n)
			}
		}
	})
}

func TestGemv(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 3))
		for _, rows := range []int{1, 2, 3, 4, 5, 9, 50} {
			for _, n := range kernelSizes {
				w, x := randVec(rng, rows*n, 0), randVec(rng, n, 0)
				y := randVec(rng, rows+1, 0)
				orig := slices.Clone(y)
				gemv(y[:rows], w, x)
				for o := range rows {
					want, scale := float64(orig[o]), math.Abs(float64(orig[o]))
					for i := range n {
						want += float64(w[o*n+i]) * float64(x[i])
						scale += math.Abs(float64(w[o*n+i]) * float64(x[i]))
					}
					if !kernelNear(y[o], want, scale) {
						t.Fatalf("rows=%d n=%d: y[%d] = %g, want %g", rows, n, o, y[o], want)
					}
				}
				if y[rows] != orig[rows] {
					t.Fatalf("rows=%d n=%d: gemv wrote past the end of y", rows, n)
				}
			}
		}
	})
}

func TestGemm(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 4))
		for _, rows := range []int{1, 2, 3, 4, 5, 9} {
			for _, kn := range []int{0, 1, 3, 50, 101, 300} { // 300: past gemmLastCols' two-column scratch
				for _, n := range kernelSizes {
					// Row strides may exceed the row widths.
					lda, ldm, ldy := kn+rng.IntN(3), n+rng.IntN(3), n+rng.IntN(3)
					a := randVec(rng, rows*lda, 0.5) // half the terms dead
					ars, aks := lda, 1
					if rng.IntN(2) == 0 { // A stored transposed
						a = randVec(rng, max(kn, 1)*(rows+rng.IntN(3)), 0.5)
						ars, aks = 1, len(a)/max(kn, 1)
					}
					m := randVec(rng, kn*ldm, 0)
					y := randVec(rng, rows*ldy+1, 0)
					orig := slices.Clone(y)
					gemm(rows, n, kn, a, ars, aks, m, ldm, y, ldy)
					for r := range rows {
						for j := range ldy {
							i := r*ldy + j
							if j >= n {
								if y[i] != orig[i] {
									t.Fatalf("rows=%d kn=%d n=%d: wrote Y[%d,%d] outside the matrix", rows, kn, n, r, j)
								}
								continue
							}
							want, scale := float64(orig[i]), math.Abs(float64(orig[i]))
							for k := range kn {
								p := float64(a[r*ars+k*aks]) * float64(m[k*ldm+j])
								want += p
								scale += math.Abs(p)
							}
							if !kernelNear(y[i], want, scale) {
								t.Fatalf("rows=%d kn=%d n=%d: Y[%d,%d] = %g, want %g", rows, kn, n, r, j, y[i], want)
							}
						}
					}
					if y[rows*ldy] != orig[rows*ldy] {
						t.Fatalf("rows=%d kn=%d n=%d: gemm wrote past the end of y", rows, kn, n)
					}
				}
			}
		}
	})
}

func TestTranspose(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 8))
		for _, rows := range []int{1, 3, 4, 5, 8, 16, 17, 50, 64} {
			for _, cols := range []int{1, 2, 7, 16, 31, 50, 64} {
				ldd := rows + rng.IntN(3)
				src, dst := randVec(rng, rows*cols, 0), make([]float32, cols*ldd)
				for i := range dst {
					dst[i] = -7
				}
				transpose(dst, ldd, src, rows, cols)
				for c := range cols {
					for r := range ldd {
						want := float32(-7) // the row's padding stays as it was
						if r < rows {
							want = src[r*cols+c]
						}
						if dst[c*ldd+r] != want {
							t.Fatalf("%d×%d: dst[%d,%d] = %g, want %g", rows, cols, c, r, dst[c*ldd+r], want)
						}
					}
				}
			}
		}
	})
	for n := range 40 {
		if a := alignedFloats(n + 1); uintptr(unsafe.Pointer(&a[0]))%64 != 0 || len(a) != n+1 {
			t.Fatalf("alignedFloats(%d) is not 64-byte aligned", n+1)
		}
	}
}

// TestPanels: packPanels and transposePanels lay a matrix and its
// transpose out in panels of 64 columns, the padding of the last panel
// untouched, on every kernel path.
func TestPanels(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(1, 9))
		const pad = -7
		for _, rows := range []int{1, 3, 63, 64, 65, 130} {
			for _, cols := range []int{1, 15, 50, 64, 100, 129} {
				src := randVec(rng, rows*cols, 0)
				p, pt := make([]float32, panelsLen(rows, cols)), make([]float32, panelsLen(cols, rows))
				for i := range p {
					p[i] = pad
				}
				for i := range pt {
					pt[i] = pad
				}
				packPanels(p, src, rows, cols)
				transposePanels(pt, src, rows, cols)
				// at returns element (k, j) of a kn-row matrix in panels.
				at := func(mp []float32, kn, n, k, j int) float32 { return mp[(j&^63)*kn+k*panelWidth(n)+j&63] }
				for r := range rows {
					for c := range cols {
						if got := at(p, rows, cols, r, c); got != src[r*cols+c] {
							t.Fatalf("%d×%d packed: M[%d,%d] = %g, want %g", rows, cols, r, c, got, src[r*cols+c])
						}
						if got := at(pt, cols, rows, c, r); got != src[r*cols+c] {
							t.Fatalf("%d×%d transposed: Mᵀ[%d,%d] = %g, want %g", rows, cols, c, r, got, src[r*cols+c])
						}
					}
				}
				for i, v := range p {
					if pw := panelWidth(cols); (i/(rows*pw))*pw+i%pw >= cols && v != pad {
						t.Fatalf("%d×%d packed: padding at %d written (%g)", rows, cols, i, v)
					}
				}
				for i, v := range pt {
					if pw := panelWidth(rows); (i/(cols*pw))*pw+i%pw >= rows && v != pad {
						t.Fatalf("%d×%d transposed: padding at %d written (%g)", rows, cols, i, v)
					}
				}
			}
		}
	})
}

// TestGemmPanelsSameBits: a product reading M in panels (gemmPanels) gives
// the bits of gemm on M row-major, on every kernel path, for A stored by
// rows and by columns, for last panels of every kind of width (a masked
// remainder, the columns gemmLastCols takes, a partial vector) and single
// rows, alone and split with the helper goroutine.
func TestGemmPanelsSameBits(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(0))
	defer func() { helperOnly = false }()
	defer func(s int) { splitMACs = s }(splitMACs)
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(4, 5))
		before := splits.Load()
		defer func() {
			if splits.Load() == before {
				t.Error("the helper computed no part: the split path went untested")
			}
		}()
		for _, rows := range []int{1, 2, 3, 17, 100} {
			for _, n := range []int{1, 2, 4, 15, 16, 20, 50, 64, 100, 130, 200, 402} {
				for _, kn := range []int{1, 2, 63, 64, 130} {
					for _, byCols := range []bool{false, true} {
						a := randVec(rng, rows*kn, 0.3)
						ars, aks := kn, 1
						if byCols {
							ars, aks = 1, rows
						}
						m := randVec(rng, kn*n, 0)
						mp := alignedFloats(panelsLen(kn, n))
						packPanels(mp, m, kn, n)
						y0 := randVec(rng, rows*n, 0)
						want := slices.Clone(y0)
						SetProductWorkers(0)
						gemm(rows, n, kn, a, ars, aks, m, n, want, n)
						for _, split := range []bool{false, true} {
							SetProductWorkers(0)
							splitMACs = 1 << 24
							if split {
								SetProductWorkers(1)
								splitMACs, helperOnly = 0, true
							}
							got := slices.Clone(y0)
							gemmPanels(rows, n, kn, a, ars, aks, mp, got, n)
							helperOnly = false
							for i := range want {
								if math.Float32bits(want[i]) != math.Float32bits(got[i]) {
									t.Fatalf("rows %d n %d kn %d byCols %v split %v: y[%d] = %g in panels, %g row-major",
										rows, n, kn, byCols, split, i, got[i], want[i])
								}
							}
						}
					}
				}
			}
		}
	})
}

// TestSIMDWidthsAgree checks that the AVX2 and AVX-512 kernels compute
// the same values, which is what lets a seeded run train identically on
// either kind of CPU: the products and sums (up to the sign of a zero),
// and the activations and their derivatives bit for bit. It runs only where
// both widths do: with one SIMD path or none it would compare a path with
// itself.
func TestSIMDWidthsAgree(t *testing.T) {
	switch paths := simdISAs(); {
	case len(paths) == 0:
		t.Skip("no SIMD kernels in this build or on this CPU (they need GOEXPERIMENT=simd on amd64 and AVX2): nothing to compare")
	case !slices.Contains(paths, isaAVX2) || !slices.Contains(paths, isaAVX512):
		t.Skip("the CPU runs only one SIMD width (AVX2 without AVX-512): comparing it with itself would check nothing")
	}
	saved := kernelISA
	defer func() { kernelISA = saved }()
	run := func(level isa, f func() []float32) []float32 {
		kernelISA = level
		return f()
	}
	rng := rand.New(rand.NewPCG(1, 5))
	for _, n := range kernelSizes {
		a, b := randVec(rng, n, 0.3), randVec(rng, n, 0)
		w := randVec(rng, 7*n, 0)
		m := randVec(rng, 40*n, 0)
		coef := randVec(rng, 5*40, 0.5)
		y0 := randVec(rng, 5*n, 0)
		cases := map[string]func() []float32{
			"dot":  func() []float32 { return []float32{dot(a, b)} },
			"sum":  func() []float32 { return []float32{sum(b)} },
			"axpy": func() []float32 { y := slices.Clone(y0[:n]); axpy(y, 0.7, b); return y },
			"gemv": func() []float32 { y := make([]float32, 7); gemv(y, w, b); return y },
			"gemm": func() []float32 { y := slices.Clone(y0); gemm(5, n, 40, coef, 40, 1, m, n, y, n); return y },
			// A stored by columns, as in dW = dZᵀ·X.
			"gemmT": func() []float32 { y := slices.Clone(y0); gemm(5, n, 40, coef, 1, 5, m, n, y, n); return y },
			"ger":   func() []float32 { y := slices.Clone(y0); gemm(5, n, 1, coef, 40, 1, m, n, y, n); return y },
		}
		for name, f := range cases {
			x2, x16 := run(isaAVX2, f), run(isaAVX512, f)
			for i := range x2 {
				if x2[i] != x16[i] { // the sign of a zero may differ
					t.Errorf("n=%d %s[%d]: avx2 %g, avx512 %g", n, name, i, x2[i], x16[i])
				}
			}
		}
	}
	sameBits := func(name string, x2, x16 []float32, in func(i int) float32) {
		t.Helper()
		for i := range x2 {
			if math.Float32bits(x2[i]) != math.Float32bits(x16[i]) {
				t.Fatalf("%s(%g): avx2 %g, avx512 %g", name, in(i), x2[i], x16[i])
			}
		}
	}
	xs := activationGrid()
	for _, act := range []Activation{ELU, Sigmoid, Tanh} {
		f := func() []float32 { z := slices.Clone(xs); act.apply(z, 0); return z }
		sameBits(act.String(), run(isaAVX2, f), run(isaAVX512, f), func(i int) float32 { return xs[i] })
	}
	dy, y := randVec(rng, 5000+13, 0), randVec(rng, 5000+13, 0.2)
	for act := Identity; act <= Tanh; act++ {
		f := func() []float32 { dz := make([]float32, len(dy)); act.grad(dz, dy, y, 0.2); return dz }
		sameBits(act.String()+"′", run(isaAVX2, f), run(isaAVX512, f), func(i int) float32 { return y[i] })
	}
}

// adamState is one parameter block with gradients chosen to reach every
// branch of the kernel: dead stretches (g = m = 0) long enough to cover
// whole vectors, moments about to turn denormal, and a NaN.
func adamState(n int, rng *rand.Rand) (p, g, m, v []float32) {
	p, g, m, v = randVec(rng, n, 0), randVec(rng, n, 0.5), randVec(rng, n, 0.3), make([]float32, n)
	for i := range v {
		v[i] = float32(rng.Float64())
		switch {
		case i%37 < 17: // a dead run
			g[i], m[i] = 0, 0
			v[i] *= 0x1p-120
		case i%11 == 0: // about to flush
			m[i] *= 0x1p-123
			v[i] *= 0x1p-121
			g[i] = 0
		}
	}
	if n > 40 {
		g[40] = float32(math.NaN())
	}
	return p, g, m, v
}

// TestAdamPathsBitIdentical runs every SIMD kernel path on the same states
// and requires the same bits as the portable kernel, NaN included.
func TestAdamPathsBitIdentical(t *testing.T) {
	forEachSIMDISA(t, func(t *testing.T) {
		for _, n := range kernelSizes {
			rng := rand.New(rand.NewPCG(uint64(n), 6))
			p0, g, m0, v0 := adamState(n, rng)
			want := [3][]float32{slices.Clone(p0), slices.Clone(m0), slices.Clone(v0)}
			for step := range 3 {
				adamGo(want[0], slices.Clone(g), want[1], want[2], 0.9, 0.999, 0.1, 0.001, 1e-8, 1e-3/float32(step+1), 1.5)
			}
			p, m, v := slices.Clone(p0), slices.Clone(m0), slices.Clone(v0)
			for step := range 3 {
				adamUpdate(p, slices.Clone(g), m, v, 0.9, 0.999, 0.1, 0.001, 1e-8, 1e-3/float32(step+1), 1.5)
			}
			for k, got := range [3][]float32{p, m, v} {
				for i := range got {
					if math.Float32bits(got[i]) != math.Float32bits(want[k][i]) &&
						!(math.IsNaN(float64(got[i])) && math.IsNaN(float64(want[k][i]))) {
						t.Fatalf("n=%d: %s[%d] = %g, portable kernel gives %g", n, "pmv"[k:k+1], i, got[i], want[k][i])
					}
				}
			}
		}
	})
}

// TestAdamStillLanesSameBits: every kernel (the portable one and the
// vector ones, fused and unfused) skips the step of the weights whose
// first moment adamStillM says is too small to move them — without a
// gradient, as a unit gone dead decays m towards the flush — and must
// give the bits of the plain rule, which computes every step. Weights of
// every scale (2⁻⁷⁰ to 2¹⁰⁰, ±0, denormal, ±Inf, NaN) meet first moments
// from a quarter of the bound to four times what it would be at their
// own scale (2^e·ε/s·2⁻²⁷, the proof's), under step sizes and ε on both
// sides of the guards adamStillM keeps (ε under 2⁻⁴⁰, a step size under
// 2⁻¹⁰⁰, one of 10); the fused kernel (adamOuter) with a dead row too.
func TestAdamStillLanesSameBits(t *testing.T) {
	const b1, b2, c1, c2, k = 0.9, 0.999, float32(0.1), float32(0.001), 1.5
	weights := []float32{0x1p-70, 0x1p-64, -0x1p-64, 0x1.8p-63, 1e-3, -0.5, 1, 0x1.fffffep0, 2, 0x1p99, 0x1p100, -0x1p100,
		0, float32(math.Copysign(0, -1)), 0x1p-140, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())}
	factors := []float32{0.25, 0.5, 0.999, 1, 1.001, 2, 4}
	for _, c := range []struct{ eps, step float32 }{{1e-8, 1e-3}, {1e-8, 1e-4}, {1, 1e-3}, {1e-13, 1e-3}, {1e-8, 1e-31}, {1e-8, 10}, {0, 1e-3}} {
		cut := adamStillM(c.eps, c.step) * 0x1p64 // at 2^e = 1
		const n = 32*7*18 + 3                     // whole vectors of either width, each weight with each factor, and a tail
		p, g, m, v := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
		rng := rand.New(rand.NewPCG(7, 11))
		for i := range p {
			w := weights[i%len(weights)]
			p[i] = w
			e := math.Float32frombits(math.Float32bits(w) & 0x7f800000)  // 2^e ≤ |w|
			mi := e * cut * factors[(i/len(weights))%len(factors)] / 0.9 // the kernel's m is 0.9 of it
			if mi == 0 || math.IsInf(float64(mi), 0) || math.IsNaN(float64(mi)) {
				mi = float32(rng.NormFloat64()) * 1e-30
			}
			if i%3 == 0 {
				mi = -mi
			}
			m[i] = mi
			v[i] = float32(rng.Float64()) * []float32{0, 1e-30, 1e-10, 1}[i%4]
		}
		// The plain rule, every step computed (g = 0).
		wp, wm, wv := slices.Clone(p), slices.Clone(m), slices.Clone(v)
		for i := range wp {
			mi := float32(b1 * wm[i])
			if math.Abs(float64(mi)) < smallestNormal {
				mi = 0
			}
			vi := float32(b2 * wv[i])
			if vi < smallestNormal {
				vi = 0
			}
			wm[i], wv[i] = mi, vi
			wp[i] -= float32(c.step*mi) / (float32(float32(math.Sqrt(float64(vi)))*k) + c.eps)
		}
		forEachISA(t, func(t *testing.T) {
			for _, fused := range []bool{false, true} {
				if fused && !fuseOuter(32) {
					continue
				}
				gp, gm, gv := slices.Clone(p), slices.Clone(m), slices.Clone(v)
				if fused { // rows of 32 with d = 0: no live term
					rows := n / 32
					adamOuter(gp[:rows*32], gm, gv, 32, make([]float32, rows), make([]float32, 32), nil, nil, b1, b2, c1, c2, c.eps, c.step, k)
					adamUpdate(gp[rows*32:], make([]float32, n-rows*32), gm[rows*32:], gv[rows*32:], b1, b2, c1, c2, c.eps, c.step, k)
				} else {
					adamUpdate(gp, slices.Clone(g), gm, gv, b1, b2, c1, c2, c.eps, c.step, k)
				}
				for j, got := range [3][]float32{gp, gm, gv} {
					want := [3][]float32{wp, wm, wv}[j]
					for i := range got {
						if math.Float32bits(got[i]) != math.Float32bits(want[i]) && !(math.IsNaN(float64(got[i])) && math.IsNaN(float64(want[i]))) {
							t.Fatalf("ε %g, step %g, fused %v: %s[%d] = %g (from p %g, m %g), the rule gives %g",
								c.eps, c.step, fused, "pmv"[j:j+1], i, got[i], p[i], m[i], want[i])
						}
					}
				}
			}
		})
	}
}

// TestAdamStillMBounds pins adamStillM's guards: none where ε is under
// 2⁻⁴⁰ or not finite or the step size under 2⁻¹⁰⁰ or negative,
// ε/s·2⁻⁹¹ otherwise, at most the largest float.
func TestAdamStillMBounds(t *testing.T) {
	for _, c := range []struct{ eps, step, want float32 }{
		{1e-8, 1e-3, 1e-8 / 1e-3 * 0x1p-91},
		{0x1p-41, 1, 0},
		{float32(math.Inf(1)), 1, 0},
		{float32(math.NaN()), 1, 0},
		{1e-8, 0x1p-101, 0},
		{1e-8, -1e-3, 0},
		{0x1p127, 0x1p-100, math.MaxFloat32},
	} {
		if got := adamStillM(c.eps, c.step); got != c.want && math.Abs(float64(got-c.want)) > 1e-6*float64(c.want) {
			t.Errorf("adamStillM(%g, %g) = %g, want %g", c.eps, c.step, got, c.want)
		}
	}
}

// TestAdamFlushKeepsResults trains a block of parameters through long
// stretches of zero gradients, as dead ReLU units see, on every kernel
// path. The flushed moments must end exactly zero rather than denormal,
// and the parameters must agree with a float64 Adam that flushes nothing.
func TestAdamFlushKeepsResults(t *testing.T) {
	const n, steps = 53, 4000 // 53: whole vectors and a scalar tail
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(2, 7))
		a := NewAdam(n, 0.9, 0.999, 1e-8)
		p := randVec(rng, n, 0)
		ref := make([]float64, n)
		for i, x := range p {
			ref[i] = float64(x)
		}
		rm, rv := make([]float64, n), make([]float64, n)
		g := make([]float32, n)
		for k := 1; k <= steps; k++ {
			for i := range g {
				g[i] = 0
				if k <= 30 || (i%3 == 0 && k%500 < 5) { // mostly dead, woken now and then
					g[i] = float32(rng.NormFloat64() * 0.01)
				}
			}
			a.Step(p, slices.Clone(g), 1e-3)
			bc1, bc2 := 1-math.Pow(0.9, float64(k)), 1-math.Pow(0.999, float64(k))
			for i := range ref {
				gi := float64(g[i])
				rm[i] = 0.9*rm[i] + 0.1*gi
				rv[i] = 0.999*rv[i] + 0.001*gi*gi
				ref[i] -= 1e-3 / bc1 * rm[i] / (math.Sqrt(rv[i])/math.Sqrt(bc2) + 1e-8)
			}
		}
		for i := range p {
			if math.Abs(float64(p[i])-ref[i]) > 1e-5 {
				t.Errorf("param %d: %g, unflushed float64 reference %g", i, p[i], ref[i])
			}
			if x := a.M[i]; x != 0 && math.Abs(float64(x)) < smallestNormal {
				t.Errorf("m[%d] = %g is denormal", i, x)
			}
			if x := a.V[i]; x != 0 && x < smallestNormal {
				t.Errorf("v[%d] = %g is denormal", i, x)
			}
		}
		dead := 0
		for i := range a.M {
			if a.M[i] == 0 {
				dead++
			}
		}
		if dead == 0 {
			t.Error("no first moment was flushed; the test does not reach the flush")
		}
	})
}

// TestDenseMatchesReference checks a dense layer's forward and backward
// passes on every kernel path against float64 loops, for the shapes that
// take different routes through Dense: a single row, a batch, a one-wide
// input and a one-wide output.
func TestDenseMatchesReference(t *testing.T) {
	shapes := []struct{ rows, in, out int }{
		{1, 100, 50}, {1, 50, 1}, {1, 7, 9}, {100, 1, 50}, {100, 50, 50}, {100, 50, 1}, {3, 70, 65}, {2, 200, 50},
	}
	forEachISA(t, func(t *testing.T) {
		for _, s := range shapes {
			t.Run(fmt.Sprintf("%dx%d→%d", s.rows, s.in, s.out), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(3, uint64(s.in*s.out)))
				l := NewDense(s.in, s.out, ReLU)
				n := l.ParamCount()
				params, grads := make([]float32, n), make([]float32, n)
				l.bind(params, grads, s.rows)
				l.init(rng)
				x := randVec(rng, s.rows*s.in, 0.3)
				dy := randVec(rng, s.rows*s.out, 0)
				y := slices.Clone(l.forward(x, s.rows))
				dx := l.backward(dy, s.rows, true, true)

				gw := make([]float64, s.out*s.in)
				gb := make([]float64, s.out)
				rdx := make([]float64, s.rows*s.in)
				for r := range s.rows {
					for o := range s.out {
						z, scale := float64(l.b[o]), math.Abs(float64(l.b[o]))
						for i := range s.in {
							p := float64(l.w[o*s.in+i]) * float64(x[r*s.in+i])
							z += p
							scale += math.Abs(p)
						}
						want := math.Max(z, 0)
						if !kernelNear(y[r*s.out+o], want, scale) {
							t.Fatalf("y[%d,%d] = %g, want %g", r, o, y[r*s.out+o], want)
						}
						if y[r*s.out+o] <= 0 {
							continue // dead unit: no gradient
						}
						d := float64(dy[r*s.out+o])
						gb[o] += d
						for i := range s.in {
							gw[o*s.in+i] += d * float64(x[r*s.in+i])
							rdx[r*s.in+i] += d * float64(l.w[o*s.in+i])
						}
					}
				}
				for i, want := range gw {
					if !kernelNear(l.gw[i], want, math.Abs(want)*float64(s.rows)) {
						t.Fatalf("dW[%d] = %g, want %g", i, l.gw[i], want)
					}
				}
				for i, want := range gb {
					if !kernelNear(l.gb[i], want, math.Abs(want)*float64(s.rows)) {
						t.Fatalf("db[%d] = %g, want %g", i, l.gb[i], want)
					}
				}
				for i, want := range rdx {
					if !kernelNear(dx[i], want, math.Abs(want)*float64(s.out)) {
						t.Fatalf("dx[%d] = %g, want %g", i, dx[i], want)
					}
				}
			})
		}
	})
}

// TestKernelPathsTrainAlike trains blog-original for a few epochs on every
// SIMD kernel path from the same seed and compares the result with the
// portable path's. Sums taken in different orders differ in the last bits
// and training amplifies that, so this asserts closeness over a short run,
// not identity.
func TestKernelPathsTrainAlike(t *testing.T) {
	trained := func() []float32 {
		g := mustNew(t, blogConfig(), 9)
		train(t, g, 3)
		return g.gen.Params
	}
	var ref []float32
	forEachSIMDISA(t, func(t *testing.T) {
		if ref == nil {
			saved := kernelISA
			kernelISA = isaGo
			ref = trained()
			kernelISA = saved
		}
		for i, x := range trained() {
			if math.Abs(float64(x-ref[i])) > 1e-4 {
				t.Fatalf("G param %d: %g on %s, %g on the portable path", i, x, KernelISA(), ref[i])
			}
		}
	})
}

// ulps returns how many float32 spacings (at want) got is from want.
func ulps(got float32, want float64) float64 {
	w := float32(want)
	if got == w {
		return 0
	}
	u := math.Abs(float64(math.Nextafter32(w, float32(math.Inf(1))) - w))
	return math.Abs(float64(got)-want) / u
}

// activationGrid is a fine grid over the activations' inputs and their
// edges: −0, tiny values, the e^x flush at −87, infinities and NaN. It is
// no whole number of vectors long, so the tails are covered too.
func activationGrid() []float32 {
	var xs []float32
	for x := float32(-100); x < 30; x += 0.0013 {
		xs = append(xs, x)
	}
	inf := float32(math.Inf(1))
	return append(xs, 0, float32(math.Copysign(0, -1)), 1e-30, -1e-30, -0.35, -87, -87.1, inf, -inf, float32(math.NaN()))
}

// TestActivationKernels compares ELU, sigmoid and tanh on every kernel
// path with float64 math over activationGrid: within 3 ulp (below −87,
// where the true value is denormal, within 2e−38), NaN kept. That the SIMD
// paths agree bit for bit (they fuse multiply-adds, the portable kernels
// do not) is TestSIMDWidthsAgree's to check.
func TestActivationKernels(t *testing.T) {
	xs := activationGrid()
	refs := map[Activation]func(float64) float64{
		ELU: func(x float64) float64 {
			if x > 0 {
				return x
			}
			return math.Expm1(x)
		},
		Sigmoid: func(x float64) float64 { return 1 / (1 + math.Exp(-x)) },
		Tanh:    math.Tanh,
	}
	forEachISA(t, func(t *testing.T) {
		for act, ref := range refs {
			z := slices.Clone(xs)
			act.apply(z, 0)
			for i, x := range xs {
				want := ref(float64(x))
				switch {
				case math.IsNaN(float64(x)):
					if !math.IsNaN(float64(z[i])) {
						t.Errorf("%s(NaN) = %g, want NaN", act, z[i])
					}
				case math.Abs(want) < 2e-38:
					if math.Abs(float64(z[i])-want) > 2e-38 {
						t.Errorf("%s(%g) = %g, want %g", act, x, z[i], want)
					}
				case ulps(z[i], want) > 3:
					t.Errorf("%s(%g) = %g, want %g (%.1f ulp)", act, x, z[i], want, ulps(z[i], want))
				}
			}
		}
	})
}

// TestActivationsKeepPositiveZero: a pre-activation of exactly +0 comes
// out +0 from every activation that is zero there, on every kernel path,
// as math.Tanh and math.Expm1 give it. TestActivationKernels compares
// values with ==, which takes −0 for +0 (tanhGo's 0 − y is what keeps the
// sign).
func TestActivationsKeepPositiveZero(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		for _, n := range []int{1, 15, 16, 17, 33} { // the zero in the tail and in a whole vector
			for _, a := range []Activation{Identity, ReLU, LeakyReLU, ELU, Tanh} {
				z := make([]float32, n)
				a.apply(z, 0.2)
				for i, v := range z {
					if math.Float32bits(v) != 0 {
						t.Fatalf("%s n=%d: f(+0)[%d] = %g (bits %#x), want +0", a, n, i, v, math.Float32bits(v))
					}
				}
			}
		}
	})
}

// TestActivationGradPaths checks dz = dy·f′(y) on every kernel path
// against the formulas of Activation.grad, bit for bit, for lengths
// around the vector widths.
func TestActivationGradPaths(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(5, 5))
		for _, n := range kernelSizes {
			dy, y := randVec(rng, n, 0), randVec(rng, n, 0.2)
			for a := Identity; a <= Tanh; a++ {
				dz := make([]float32, n)
				a.grad(dz, dy, y, 0.2)
				for i := range dz {
					var want float32
					switch a {
					case Identity:
						want = dy[i]
					case ReLU:
						if y[i] > 0 {
							want = dy[i]
						}
					case LeakyReLU:
						want = dy[i]
						if !(y[i] > 0) {
							want = 0.2 * dy[i]
						}
					case ELU:
						want = dy[i]
						if !(y[i] > 0) {
							want = dy[i] * (y[i] + 1)
						}
					case Sigmoid:
						want = float32(dy[i]*y[i]) * (1 - y[i])
					case Tanh:
						want = dy[i] * (1 - float32(y[i]*y[i]))
					}
					if math.Float32bits(dz[i]) != math.Float32bits(want) {
						t.Fatalf("%s n=%d: dz[%d] = %g, want %g", a, n, i, dz[i], want)
					}
				}
			}
		}
	})
}

// TestGemmPackedSameBits checks that gemm's packed path for large
// products (gemmPacked16, gemmPacked8) computes exactly what the tiles
// compute reading M in place: the same product taken two rows at a time,
// too few rows to be packed.
func TestGemmPackedSameBits(t *testing.T) {
	forEachSIMDISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(3, 3))
		for _, s := range []gemmShape{
			{100, 256, 256, 256}, {17, 70, 300, 80}, {33, 128, 64, 1024}, {16, 64, 129, 64}, {64, 200, 100, 512},
		} {
			for _, byCols := range []bool{false, true} {
				a, ars, aks, m, y0 := s.operands(rng, byCols)
				got := slices.Clone(y0)
				gemm(s.rows, s.n, s.kn, a, ars, aks, m, s.ldm, got, s.n)
				want := slices.Clone(y0)
				for r := 0; r < s.rows; r += 2 {
					rr := min(2, s.rows-r)
					if rr == 1 {
						// an odd last row: gemm takes it alone after the pairs
						gemm(1, s.n, s.kn, a[r*ars:], ars, aks, m, s.ldm, want[r*s.n:], s.n)
						continue
					}
					gemm(rr, s.n, s.kn, a[r*ars:], ars, aks, m, s.ldm, want[r*s.n:], s.n)
				}
				for i := range got {
					if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
						t.Fatalf("%+v byCols=%v: y[%d] = %g packed, %g in place", s, byCols, i, got[i], want[i])
					}
				}
			}
		}
	})
}

// gemmShape is a product y (rows × n, n apart) += a (rows × kn) · m (kn
// rows, ldm apart) that the gemm tests compute.
type gemmShape struct{ rows, n, kn, ldm int }

// operands draws s's operands from rng, in this order: a, laid out by
// rows (its strides ars = kn, aks = 1) or, byCols, by columns; m; and y0,
// y as the product starts.
func (s gemmShape) operands(rng *rand.Rand, byCols bool) (a []float32, ars, aks int, m, y0 []float32) {
	a = randVec(rng, s.rows*s.kn, 0.2)
	ars, aks = s.kn, 1
	if byCols {
		ars, aks = 1, s.rows
	}
	return a, ars, aks, randVec(rng, s.kn*s.ldm, 0), randVec(rng, s.rows*s.n, 0)
}

// TestGemmSplitSameBits checks that a product split between the caller and
// the helper goroutine (gemmSplit) gives the bits of one goroutine's, on
// every kernel path, for the layouts the layers use: with the helper
// computing its part, and as it comes (the caller may take it back).
func TestGemmSplitSameBits(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(1))
	defer func() { helperOnly = false }()
	defer func(s int) { splitMACs = s }(splitMACs)
	splitMACs = 1 << 16 // every shape is shared
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(4, 4))
		for _, s := range []gemmShape{
			{100, 256, 256, 256}, {100, 1024, 100, 1024}, {33, 130, 500, 144}, {128, 200, 128, 200}, {100, 402, 100, 416},
			{100, 100, 256, 100}, {256, 100, 100, 112}, {33, 50, 130, 64}, {100, 36, 128, 48}, {17, 66, 64, 66}, // two chunks at a multiple of 16
		} {
			for _, byCols := range []bool{false, true} {
				a, ars, aks, m, y0 := s.operands(rng, byCols)
				var out [3][]float32
				for i, mode := range []string{"alone", "helper", "either"} {
					SetProductWorkers(min(i, 1))
					helperOnly = mode == "helper"
					before := splits.Load()
					out[i] = slices.Clone(y0)
					gemm(s.rows, s.n, s.kn, a, ars, aks, m, s.ldm, out[i], s.n)
					if helped := splits.Load() > before; helped != (mode == "helper") && mode != "either" {
						t.Fatalf("%+v %s: the helper computed a part: %v", s, mode, helped)
					}
				}
				for k := 1; k < 3; k++ {
					for i := range out[0] {
						if math.Float32bits(out[0][i]) != math.Float32bits(out[k][i]) {
							t.Fatalf("%+v byCols=%v: y[%d] = %g alone, %g split (%d)", s, byCols, i, out[0][i], out[k][i], k)
						}
					}
				}
			}
		}
	})
}

// TestSplitDefaults: the helper is on from start-up when the process has
// two cores, and shares a product of width 256 with 100 rows (6.5 M
// multiply-adds) but not one of width 128 (1.6 M), where sharing
// measured no faster.
func TestSplitDefaults(t *testing.T) {
	if runtime.GOMAXPROCS(0) >= 2 && productWorkers.Load() != 1 {
		t.Errorf("GOMAXPROCS %d: the helper is off by default", runtime.GOMAXPROCS(0))
	}
	defer SetProductWorkers(SetProductWorkers(1))
	defer func() { helperOnly = false }()
	helperOnly = true // the caller waits for the helper: a split shows in splits
	rng := rand.New(rand.NewPCG(5, 5))
	for _, c := range []struct {
		w     int
		split bool
	}{{128, false}, {256, true}} {
		x, m, y := randVec(rng, 100*c.w, 0), randVec(rng, c.w*c.w, 0), make([]float32, 100*c.w)
		before := splits.Load()
		gemm(100, c.w, c.w, x, c.w, 1, m, c.w, y, c.w)
		if got := splits.Load() > before; got != c.split {
			t.Errorf("width %d, 100 rows: split %v, want %v", c.w, got, c.split)
		}
	}
}

// TestSharedTasksSameBits: a copy and a transpose into panels and an Adam
// step shared with the helper give the bits of one goroutine's, on every kernel
// path, with the helper computing every chunk and as it comes — for
// matrices whose last panel is partial and arrays that end mid-vector and
// hold dead runs (zero gradients and moments).
func TestSharedTasksSameBits(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(1))
	defer func() { helperOnly = false }()
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(8, 8))
		for _, s := range [][2]int{{1024, 200}, {130, 1030}, {513, 256}} {
			rows, cols := s[0], s[1]
			src := randVec(rng, rows*cols, 0)
			want := alignedFloats(panelsLen(cols, rows))
			transposePanels(want, src, rows, cols)
			packed := alignedFloats(panelsLen(rows, cols))
			packPanels(packed, src, rows, cols)
			for _, only := range []bool{true, false} {
				helperOnly = only
				before := splits.Load()
				got := alignedFloats(panelsLen(cols, rows))
				transposeShared(got, src, rows, cols)
				if only && splits.Load() == before {
					t.Fatalf("%d × %d: the helper transposed no panel", rows, cols)
				}
				if !sameBits(got, want) {
					t.Fatalf("%d × %d, helper only %v: transposed panels differ", rows, cols, only)
				}
				before = splits.Load()
				got = alignedFloats(panelsLen(rows, cols))
				packShared(got, src, rows, cols)
				if only && splits.Load() == before {
					t.Fatalf("%d × %d: the helper packed no panel", rows, cols)
				}
				if !sameBits(got, packed) {
					t.Fatalf("%d × %d, helper only %v: packed panels differ", rows, cols, only)
				}
			}
		}
		const n = 200_003
		k := adamStep{b1: 0.9, b2: 0.999, c1: 0.1, c2: 0.001, eps: 1e-8, stepSize: 2e-4, invBC2: 3.7}
		p, g, m, v := randVec(rng, n, 0), randVec(rng, n, 0.3), randVec(rng, n, 0.3), randVec(rng, n, 0)
		for i := range v {
			v[i] *= v[i]
		}
		for i := 40_000; i < 50_000; i++ { // a dead run
			g[i], m[i] = 0, 0
		}
		want := [4][]float32{slices.Clone(p), slices.Clone(g), slices.Clone(m), slices.Clone(v)}
		adamUpdate(want[0], want[1], want[2], want[3], k.b1, k.b2, k.c1, k.c2, k.eps, k.stepSize, k.invBC2)
		for _, only := range []bool{true, false} {
			helperOnly = only
			before := splits.Load()
			got := [4][]float32{slices.Clone(p), slices.Clone(g), slices.Clone(m), slices.Clone(v)}
			adamShared(got[0], got[1], got[2], got[3], k)
			if only && splits.Load() == before {
				t.Fatal("the helper updated no chunk")
			}
			for j := range got {
				if !sameBits(got[j], want[j]) {
					t.Fatalf("helper only %v: array %d (p, g, m, v) differs from one pass", only, j)
				}
			}
		}
	})
}

// TestMinibatchSharedSameBits: a minibatch layer's pair kernels shared
// with the helper, a kernel a chunk, give the forward's outputs and the
// backward's gradients (dT and dX) of one goroutine bit for bit, on every
// kernel path, with the helper computing every kernel and as it comes,
// for an odd number of kernels and batches that end mid-vector.
func TestMinibatchSharedSameBits(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(1))
	defer func() { helperOnly = false }()
	defer func(s [3]int) { mbdShareLanes = s }(mbdShareLanes)
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(9, 9))
		for _, s := range []struct{ a, b, c, rows int }{{32, 8, 4, 100}, {16, 5, 3, 37}, {8, 3, 9, 256}} {
			x := randVec(rng, s.rows*s.a, 0)
			dy := randVec(rng, s.rows*(s.a+s.b), 0)
			params := randVec(rng, s.a*s.b*s.c, 0)
			run := func(mode string) (y, gt, dx []float32) {
				mbdShareLanes, helperOnly = [3]int{1 << 30, 1 << 30, 1 << 30}, false
				if mode != "alone" {
					mbdShareLanes, helperOnly = [3]int{}, mode == "helper"
				}
				l := NewMinibatch(s.a, s.b, s.c)
				l.bind(slices.Clone(params), make([]float32, len(params)), s.rows)
				before := splits.Load()
				y = slices.Clone(l.forward(x, s.rows))
				dx = slices.Clone(l.backward(dy, s.rows, true, true))
				if helped := splits.Load() > before; helped != (mode == "helper") && mode != "either" {
					t.Fatalf("%+v %s: the helper computed kernels: %v", s, mode, helped)
				}
				return y, l.gt, dx
			}
			y0, gt0, dx0 := run("alone")
			for _, mode := range []string{"helper", "either"} {
				y, gt, dx := run(mode)
				if !sameBits(y, y0) || !sameBits(gt, gt0) || !sameBits(dx, dx0) {
					t.Fatalf("%+v %s: shared pairs differ from one goroutine's (y %v, dT %v, dX %v)", s, mode, sameBits(y, y0), sameBits(gt, gt0), sameBits(dx, dx0))
				}
			}
		}
	})
}

// TestMinibatchShareDefaults: with 8 kernels, the AVX-512 kernels share
// the pairs of a batch of 100 rows but not of 64, the AVX2 ones those of
// 256 rows but not of 100, the portable ones those of 32 rows but not of
// 16 (mbdShareLanes).
func TestMinibatchShareDefaults(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(1))
	defer func() { helperOnly = false }()
	helperOnly = true // the caller waits for the helper: a split shows in splits
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(10, 10))
		small, large := 100, 256
		switch kernelISA {
		case isaAVX512:
			small, large = 64, 100
		case isaGo:
			small, large = 16, 32
		}
		for _, rows := range []int{small, large} {
			l := NewMinibatch(16, 8, 4)
			params := randVec(rng, 16*32, 0)
			l.bind(params, make([]float32, len(params)), rows)
			before := splits.Load()
			l.forward(randVec(rng, rows*16, 0), rows)
			if got, want := splits.Load() > before, rows == large; got != want {
				t.Errorf("%d rows: shared %v, want %v", rows, got, want)
			}
		}
	})
}

// TestBackOffDoubles: a back-off that follows the last one's end within
// contendedFor lasts twice as long, up to contendedMax; one that comes
// later starts again from contendedFor — the clock only, nothing waits.
func TestBackOffDoubles(t *testing.T) {
	defer contendedUntil.Store(0)
	defer contendedLast.Store(0)
	contendedUntil.Store(0)
	want := int64(contendedFor)
	for range 8 {
		backOff()
		if got := contendedLast.Load(); got != want {
			t.Fatalf("back-off of %v, want %v", time.Duration(got), time.Duration(want))
		}
		contendedUntil.Store(clock() - int64(contendedFor)/2) // ended a moment ago
		want = min(2*want, int64(contendedMax))
	}
	if want != int64(contendedMax) {
		t.Fatalf("8 back-offs in a row reached %v, not contendedMax", time.Duration(want))
	}
	contendedUntil.Store(clock() - 2*int64(contendedFor)) // ended long ago
	backOff()
	if got := contendedLast.Load(); got != int64(contendedFor) {
		t.Fatalf("a back-off long after the last lasts %v, want %v", time.Duration(got), contendedFor)
	}
}

// TestClaimEnds: the caller's claims from the front and the helper's from
// the back hand out every chunk of a task exactly once, the caller's in
// rising order and the helper's in falling, whether they alternate,
// one side takes them all, or two goroutines race for them; each side's
// first failed claim is its last.
func TestClaimEnds(t *testing.T) {
	if !busy.CompareAndSwap(false, true) { // the task slot, as share holds it
		t.Fatal("a task holds the helper")
	}
	defer busy.Store(false)
	for c := int32(1); c <= 9; c++ {
		for pattern := range 4 { // 0: alternate, 1: front only, 2: back only, 3: race
			job.ends.Store(uint64(c) << 32)
			var front, back []int32
			switch pattern {
			case 0:
				frontDone, backDone := false, false
				for !frontDone || !backDone {
					if i, ok := claimFront(); ok {
						front = append(front, i)
					} else {
						frontDone = true
					}
					if i, ok := claimBack(); ok {
						back = append(back, i)
					} else {
						backDone = true
					}
				}
			case 1:
				for i, ok := claimFront(); ok; i, ok = claimFront() {
					front = append(front, i)
				}
			case 2:
				for i, ok := claimBack(); ok; i, ok = claimBack() {
					back = append(back, i)
				}
			case 3:
				done := make(chan struct{})
				go func() {
					for i, ok := claimBack(); ok; i, ok = claimBack() {
						back = append(back, i)
					}
					close(done)
				}()
				for i, ok := claimFront(); ok; i, ok = claimFront() {
					front = append(front, i)
				}
				<-done
			}
			seen := make([]int, c)
			for k, i := range front {
				if k > 0 && i != front[k-1]+1 {
					t.Fatalf("c=%d pattern %d: the caller's claims %v are not consecutive", c, pattern, front)
				}
				seen[i]++
			}
			for k, i := range back {
				if k > 0 && i != back[k-1]-1 {
					t.Fatalf("c=%d pattern %d: the helper's claims %v are not consecutive", c, pattern, back)
				}
				seen[i]++
			}
			for i, n := range seen {
				if n != 1 {
					t.Fatalf("c=%d pattern %d: chunk %d claimed %d times (front %v, back %v)", c, pattern, i, n, front, back)
				}
			}
			if _, ok := claimFront(); ok {
				t.Fatalf("c=%d pattern %d: a claim after the last chunk succeeded", c, pattern)
			}
		}
	}
}

// TestSharingBacksOff: products that sharing does not speed up — the
// caller computing every chunk, or waiting for the helper as long as
// computing them — stop sharing after strikesOut in a row, for
// contendedFor; a product that gains resets the count; a caller that
// waited for the helper longer than spinGap and two of its chunks counts
// half of strikesOut.
func TestSharingBacksOff(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(1))
	defer contendedUntil.Store(0)
	defer func() { helperOnly = false }()
	helperOnly = false
	defer trialOff.Store(trialOff.Swap(false)) // an earlier test's epochs may have left a trial's probe on
	rng := rand.New(rand.NewPCG(5, 6))
	a, m, y := randVec(rng, 100*256, 0), randVec(rng, 256*256, 0), make([]float32, 100*256)
	product := func() bool {
		return gemmSplit(gemmArgs{rows: 100, n: 256, kn: 256, a: a, ars: 256, aks: 1, m: m, ldm: 256, y: y, ldy: 256})
	}
	for helperStarted.Load() && !parked.Load() {
		runtime.Gosched() // a spinning helper may back off on its own
	}
	for !busy.CompareAndSwap(false, true) {
		runtime.Gosched() // strikes belong to the product being shared
	}
	contendedUntil.Store(0)
	strikes = 0
	before := backOffs.Load()
	for range strikesOut - 1 {
		judge(0, 400, 400, 4, 4) // the caller computed all 4 chunks: no gain
	}
	judge(0, 200, 210, 2, 4) // half the chunks, 1.9× faster: the count restarts
	for range strikesOut - 1 {
		judge(0, 200, 390, 2, 4) // half the chunks, then a long wait: 1.03×
	}
	if backOffs.Load() != before {
		t.Fatalf("backed off after %d strikes, broken by a gain", strikesOut-1)
	}
	judge(0, 100, 400, 1, 4) // one chunk of 4, the rest waiting: 1.0×
	busy.Store(false)
	if backOffs.Load() != before+1 {
		t.Fatalf("%d strikes in a row: no back-off", strikesOut)
	}
	if product() {
		t.Fatal("a product was shared while backing off")
	}
	contendedUntil.Store(clock() - 1) // contendedFor has passed
	if !product() {
		t.Fatal("sharing did not resume after the back-off")
	}
	for !parked.Load() {
		runtime.Gosched() // the helper spins after that product, and may back off on its own
	}
	for !busy.CompareAndSwap(false, true) {
		runtime.Gosched()
	}
	before = backOffs.Load()
	gap, ms := int64(spinGap), int64(time.Millisecond)
	for _, slow := range []struct {
		t1, t2 int64 // the caller's one chunk ends at t1, the task at t2
		c      int
	}{
		{1000, 1000 + gap + 2000, 4}, // one chunk of 4 in 1 µs, then a wait of spinGap and two chunks
		{ms, ms + gap + 2*ms, 2},     // one of 2 in the portable build's long chunks: the same wait
	} {
		strikes = 0
		judge(0, slow.t1, slow.t2, 1, slow.c)   // one strike
		judge(0, slow.t1, slow.t2+1, 1, slow.c) // a longer wait, the helper lost its core in a chunk: half of strikesOut
		if backOffs.Load() != before {
			t.Fatalf("backed off after a slow task and one long wait (%d ns chunks)", slow.t1)
		}
		judge(0, slow.t1, slow.t2+1, 1, slow.c) // another: past strikesOut, where three slow tasks are not
		if backOffs.Load() != before+1 {
			t.Fatalf("two tasks in a row whose caller waited over spinGap and two chunks (%d ns) did not back off", slow.t1)
		}
		before++
	}
	busy.Store(false)
	contendedUntil.Store(0)
	strikes = 0
}

// TestSharingIgnoresOwnProcess checks that sharing backs off only for
// another program, not for the helper's start or the process's own
// goroutines: the tasks the helper does not join, before it first runs
// or while it yields to another goroutine, are not judged, and the time
// it yields is no gap in its spin. It needs a process whose helper has
// not started, so it runs itself in a child, with GOMAXPROCS=1: the
// helper then runs only when the caller yields.
//
// A back-off is also right when the machine takes the helper's thread
// off its core for more than spinGap, which a shared virtual machine
// does a few times a second at worst, and which other test binaries
// running beside this one (go test ./... under the race detector) make
// common: a child fails then through no fault of the code. So a child
// measures how far the process's CPU time fell behind the clock while it
// ran; past half of spinGap the machine has taken the core away, and a
// child that failed then says so and counts for nothing. A child that
// fails is run again, up to childTries times; code that counts its own
// process as another program fails every time. Should every try have
// been taken away from, the test is skipped, not passed.
func TestSharingIgnoresOwnProcess(t *testing.T) {
	if raceEnabled {
		// A round of the helper's spin, spinRound atomic reads, takes 0.3–0.4
		// ms under the race detector against some 4 µs without, so a round a
		// little slower than that reads as a gap of spinGap and the helper
		// backs off as if another program had its core: as many as 24 of 40
		// fresh processes fail so beside another package's tests. .ci/run's
		// SIMD pass runs this test without it.
		t.Skip("the helper's spin is timed, and the race detector slows its rounds near spinGap")
	}
	const childTries = 6
	if os.Getenv("GANUI_FRESH_HELPER") == "" {
		var failures []string
		for range childTries {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSharingIgnoresOwnProcess$", "-test.count=1", "-test.v")
			cmd.Env = append(os.Environ(), "GANUI_FRESH_HELPER=1", "GOMAXPROCS=1")
			out, err := cmd.CombinedOutput()
			switch {
			case err == nil && !strings.Contains(string(out), machineTookTheCore):
				return
			case err != nil:
				failures = append(failures, fmt.Sprintf("%v\n%s", err, out))
			}
		}
		if len(failures) == 0 {
			t.Skipf("in each of %d fresh processes %s", childTries, machineTookTheCore)
		}
		t.Fatalf("in %d of %d fresh processes:\n%s", len(failures), childTries, strings.Join(failures, "\n"))
	}
	wall0 := time.Now()
	cpu0, measured := processCPU()
	wait0, waits := runQueueWait()
	fail := func(format string, args ...any) {
		t.Helper()
		if cpu, ok := processCPU(); ok && measured {
			if behind := time.Since(wall0) - time.Duration(cpu-cpu0); behind > spinGap/2 {
				t.Skipf("%s (the process's CPU time fell %v behind the clock): %s", machineTookTheCore, behind, fmt.Sprintf(format, args...))
			}
		}
		// A thread kept waiting for a core while the runtime's others ran
		// (the race detector's, the collector's), which the process's CPU
		// time does not show: under a loaded machine's race pass, as many as
		// 26 of 40 fresh processes fail so without this check.
		if wait, ok := runQueueWait(); ok && waits {
			if d := time.Duration(wait - wait0); d > spinGap/2 {
				t.Skipf("%s (its threads waited %v for a core): %s", machineTookTheCore, d, fmt.Sprintf(format, args...))
			}
		}
		t.Fatalf(format, args...)
	}
	if helperStarted.Load() {
		t.Fatal("the helper started before the test")
	}
	defer SetProductWorkers(SetProductWorkers(1))
	rng := rand.New(rand.NewPCG(7, 8))
	// A small product, so that no goroutine runs long enough to be
	// preempted (10 ms), even under the race detector.
	a, m, y := randVec(rng, 2*64, 0), randVec(rng, 64*64, 0), make([]float32, 2*64)
	product := func() bool {
		return gemmSplit(gemmArgs{rows: 2, n: 64, kn: 64, a: a, ars: 64, aks: 1, m: m, ldm: 64, y: y, ldy: 64})
	}
	products := func(what string) {
		t.Helper()
		for i := range strikesOut + 1 {
			if !product() {
				fail("%s: product %d not shared (backed off %d times)", what, i, backOffs.Load())
			}
		}
	}
	products("before the helper first ran")
	helperOnly = true // the helper runs a task, then spins and yields back to this goroutine
	product()
	helperOnly = false
	products("while the helper yields")
	for t0 := clock(); clock()-t0 < 2*int64(spinGap); {
	}
	for range 100 {
		runtime.Gosched() // the helper checks its spin's gap
	}
	if n := backOffs.Load(); n != 0 {
		fail("the helper's start and its yielding to the process backed off %d times", n)
	}
}

// machineTookTheCore is what a child of TestSharingIgnoresOwnProcess says
// when it skips: the machine, not the code, made sharing back off.
const machineTookTheCore = "the machine took the core away"

// TestReLUPaths checks ReLU and LeakyReLU on every kernel path against the
// portable loops bit for bit, signed zeros, NaNs and infinities included.
func TestReLUPaths(t *testing.T) {
	xs := append(activationGrid(), float32(math.Copysign(0, -1)), float32(math.NaN()),
		-float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 1e-45, -1e-45)
	for _, n := range []int{len(xs), 1, 15, 16, 17, 33} {
		in := xs[:min(n, len(xs))]
		want, wantL := slices.Clone(in), slices.Clone(in)
		reluGo(want)
		leakyGo(wantL, 0.2)
		forEachISA(t, func(t *testing.T) {
			got, gotL := slices.Clone(in), slices.Clone(in)
			ReLU.apply(got, 0)
			LeakyReLU.apply(gotL, 0.2)
			for i := range in {
				if math.Float32bits(got[i]) != math.Float32bits(want[i]) || math.Float32bits(gotL[i]) != math.Float32bits(wantL[i]) {
					t.Fatalf("x=%g: relu %g (want %g), leaky %g (want %g)", in[i], got[i], want[i], gotL[i], wantL[i])
				}
			}
		})
	}
}

// TestDenseDWLayouts: a batch's dW is the same whether the layer reads dZᵀ
// in place or from its transposed copy (Out ≥ dzByRowsMin), on every
// kernel path — and the copy is used only where the two layouts give the
// same bits: for inputs whose last columns gemmLastCols routes by A's
// layout (In mod 16 in 1…4), the copy would not.
func TestDenseDWLayouts(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 7))
		for _, in := range []int{16, 50, 64, 100, 130, 256} {
			for _, rows := range []int{2, 7, 100} {
				l := NewDense(in, dzByRowsMin, ReLU)
				params, grads := make([]float32, l.ParamCount()), make([]float32, l.ParamCount())
				l.bind(params, grads, rows)
				if l.dt == nil {
					t.Fatalf("a layer %d wide has no dZᵀ scratch", l.Out)
				}
				d, x := randVec(rng, rows*l.Out, 0.3), randVec(rng, rows*in, 0)
				gw0 := randVec(rng, l.Out*in, 0)
				inPlace, viaCopy := slices.Clone(gw0), slices.Clone(gw0)
				l.addOuter(viaCopy, d, x, rows)
				dt := l.dt
				l.dt = nil
				l.addOuter(inPlace, d, x, rows)
				forced := slices.Clone(gw0) // the copy, whatever the layout rule says
				packPanels(l.xp, x, rows, in)
				transpose(dt, rows, d, rows, l.Out)
				gemmPanels(l.Out, in, rows, dt, rows, 1, l.xp, forced, in)
				free := gemmLayoutFree(l.Out, in, rows)
				same := func(a, b []float32) bool {
					for i := range a {
						if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
							return false
						}
					}
					return true
				}
				if !same(inPlace, viaCopy) {
					t.Fatalf("in %d rows %d: dW differs with dZᵀ copied", in, rows)
				}
				if free != same(inPlace, forced) {
					t.Errorf("in %d rows %d: gemmLayoutFree %v, but the layouts agree: %v", in, rows, free, !free)
				}
			}
		}
	})
}

// TestTwoRunsShareTheHelper: two goroutines — two runs in one process —
// share products with the one helper, one task at a time, and each gets
// its own product's bits. A task's slot is let go before the helper is
// released; written after, it raced with the other goroutine's next task
// (the race detector, as .ci/run runs it, reports that).
func TestTwoRunsShareTheHelper(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(1))
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 9))
			a, m := randVec(rng, 4*64, 0), randVec(rng, 64*128, 0)
			want := make([]float32, 4*128)
			gemm(4, 128, 64, a, 64, 1, m, 128, want, 128) // too small for gemm to share
			for i := range 300 {
				y := make([]float32, 4*128)
				if !gemmSplit(gemmArgs{rows: 4, n: 128, kn: 64, a: a, ars: 64, aks: 1, m: m, ldm: 128, y: y, ldy: 128}) {
					gemm(4, 128, 64, a, 64, 1, m, 128, y, 128)
				}
				if !slices.Equal(y, want) {
					t.Errorf("goroutine %d, product %d: not the serial product's bits", g, i)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestMinibatchLanesMatchReference: the pair kernels give, for every
// group width a path takes (the portable kernels one kernel a group, the
// SIMD ones every width of mbdLanes), each row's o and dL/dM of a float64
// pair-by-pair reference to float32 rounding, with dimensions c from 1 to
// 9 (the backward's four side by side and the rest) and batches around
// the 16 lanes; the AVX2 and AVX-512 kernels agree bit for bit.
func TestMinibatchLanesMatchReference(t *testing.T) {
	type result struct{ o, dm []float32 }
	for _, bp := range mbdLanes {
		for _, n := range []int{2, 3, 16, 17, 33, 100} {
			for _, c := range []int{1, 3, 4, 5, 9} {
				rng := rand.New(rand.NewPCG(uint64(n*bp), uint64(c)))
				ld, end := roundUp16(n*bp)+16, n*bp
				p := alignedFloats(c * ld)
				for q := range c {
					for s := range ld {
						p[q*ld+s] = float32(math.Inf(1))
						if s < end {
							p[q*ld+s] = float32(rng.NormFloat64() * 0.7)
						}
					}
				}
				g := alignedFloats(ld)
				for s := range end {
					g[s] = float32(rng.NormFloat64())
				}
				scale := 1 / float32(n-1)
				results := map[isa]result{}
				forEachISA(t, func(t *testing.T) {
					if kernelISA == isaGo && bp != 1 {
						return // the portable kernels take a kernel a group
					}
					e, w := alignedFloats(mbdPairsLen(n, bp)), alignedFloats(mbdScratch(c, ld))
					o, r := alignedFloats(ld), alignedFloats(ld)
					dp, dr := alignedFloats(c*ld), alignedFloats(c*ld)
					mbdPairs(e, p, ld, c, n, bp, o, r, w, scale)
					mbdGrad(dp, dr, p, e, g, w, ld, c, n, bp)
					got := result{make([]float32, end), make([]float32, c*end)}
					for s := range end {
						got.o[s] = o[s]
						if s < end-bp {
							got.o[s] += r[s]
						}
						for q := range c {
							got.dm[q*end+s] = dp[q*ld+s]
							if s < end-bp {
								got.dm[q*end+s] -= dr[q*ld+s]
							}
						}
					}
					results[kernelISA] = got
					for i := range n {
						for k := range bp {
							var wo float64
							wdm := make([]float64, c)
							for j := range n {
								if j == i {
									continue
								}
								var l1 float64
								for q := range c {
									l1 += math.Abs(float64(p[q*ld+i*bp+k]) - float64(p[q*ld+j*bp+k]))
								}
								ev := math.Exp(-l1) * float64(scale)
								wo += ev
								f := (float64(g[i*bp+k]) + float64(g[j*bp+k])) * ev
								for q := range c {
									if p[q*ld+i*bp+k] >= p[q*ld+j*bp+k] {
										wdm[q] -= f
									} else {
										wdm[q] += f
									}
								}
							}
							s := i*bp + k
							if d := math.Abs(float64(got.o[s]) - wo); d > 2e-6*math.Max(1, wo) {
								t.Fatalf("bp=%d n=%d c=%d: o[%d,%d] = %g, want %g", bp, n, c, i, k, got.o[s], wo)
							}
							for q := range c {
								if d := math.Abs(float64(got.dm[q*end+s]) - wdm[q]); d > 2e-5*math.Max(1, math.Abs(wdm[q])) {
									t.Fatalf("bp=%d n=%d c=%d: dL/dM[%d,%d,%d] = %g, want %g", bp, n, c, i, k, q, got.dm[q*end+s], wdm[q])
								}
							}
						}
					}
				})
				if r2, r16 := results[isaAVX2], results[isaAVX512]; r2.o != nil && r16.o != nil {
					if !sameBits(r2.o, r16.o) || !sameBits(r2.dm, r16.dm) {
						t.Fatalf("bp=%d n=%d c=%d: AVX2 and AVX-512 differ", bp, n, c)
					}
				}
			}
		}
	}
}

// TestMinibatchGoOrder: the portable pair kernels (a kernel a group, bp =
// 1, mbdLayout), which take a block of
// pairs one dimension at a time and four dimensions of the backward pass
// side by side, give the bits of the pair-by-pair loops that define their
// order of operations (mbdPairsGo's and mbdGradGo's doc comments): for
// each pair, x = 0 − |d₀| − |d₁| − …; row i's sum over j, o_j's and
// dMᵀ's sums over i, and each dimension's sum over j, each in turn.
func TestMinibatchGoOrder(t *testing.T) {
	for _, n := range []int{2, 3, 16, 17, 33, 100} {
		for c := 1; c <= 9; c++ {
			rng := rand.New(rand.NewPCG(uint64(n), uint64(c)))
			ld := roundUp16(n) + 16
			mt := make([]float32, c*ld)
			for q := range c {
				for j := range ld {
					mt[q*ld+j] = float32(math.Inf(1))
					if j < n {
						mt[q*ld+j] = float32(rng.NormFloat64() * 0.7)
					}
				}
			}
			mt[0] = mt[1] // a pair at distance 0 in one dimension: sign(±0)
			g, w := make([]float32, ld), make([]float32, mbdScratch(c, ld))
			for j := range n {
				g[j] = float32(rng.NormFloat64())
			}
			const scale = 0.37
			e := make([]float32, mbdPairsLen(n, 1))
			o, r := make([]float32, ld), make([]float32, ld)
			mbdPairsGo(e, mt, ld, c, n, 1, o, r, w, scale)
			dmt, dr := make([]float32, c*ld), make([]float32, c*ld)
			mbdGradGo(dmt, dr, mt, e, g, w, ld, c, n, 1)

			wo, wr := make([]float32, ld), make([]float32, ld)
			wdmt, wdr := make([]float32, c*ld), make([]float32, c*ld)
			for i := range n - 1 {
				var acc float32
				for j := i + 1; j < n; j++ {
					var x float32
					for q := range c {
						x -= abs32(mt[q*ld+i] - mt[q*ld+j])
					}
					v := expNeg32(x) * scale
					wo[j] += v
					acc += v
				}
				wr[i] = acc
			}
			for i := range n - 1 {
				for q := range c {
					var acc float32
					for j := i + 1; j < n; j++ {
						x := float32(0)
						for q := range c {
							x -= abs32(mt[q*ld+i] - mt[q*ld+j])
						}
						fs := (g[i] + g[j]) * (expNeg32(x) * scale)
						if mt[q*ld+i]-mt[q*ld+j] < 0 || math.Signbit(float64(mt[q*ld+i]-mt[q*ld+j])) {
							fs = -fs
						}
						acc += fs
						wdmt[q*ld+j] += fs
					}
					wdr[q*ld+i] = acc
				}
			}
			for _, v := range []struct {
				name      string
				got, want []float32
			}{{"o", o, wo}, {"r", r, wr}, {"dmt", dmt, wdmt}, {"dr", dr, wdr}} {
				for k := range v.want {
					if math.Float32bits(v.got[k]) != math.Float32bits(v.want[k]) {
						t.Fatalf("n=%d c=%d: %s[%d] = %g, want %g", n, c, v.name, k, v.got[k], v.want[k])
					}
				}
			}
		}
	}
}
