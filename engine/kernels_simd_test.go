//go:build goexperiment.simd && amd64

package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// TestGemvPassesSameBits: gemv's passes over four rows with the blocks
// written out (gemv16Rows4x1 … and gemv8Rows4x1 …) give the bits of the
// pass that takes the blocks one at a time in a loop (the general
// gemv16Rows4 and gemv8Rows4 on rows short enough to skip their unrolled
// turns), for every row length up to the longest they cover, every tail
// included; and on AVX-512 gemv as a whole gives the bits of gemv2Cols16,
// whose loop takes a block at a time, for rows of every length to 300,
// past the longer rows' turns of eight blocks (AVX2's are held to
// AVX-512's by TestSIMDWidthsAgree).
func TestGemvPassesSameBits(t *testing.T) {
	loopedPass := map[isa]func(y, w, x []float32) int{
		isaAVX512: func(y, w, x []float32) int {
			n := len(x)
			var xt f16
			if tl := n % 16; tl > 0 {
				xt = ld16(x[n-16 : n]).Mul(ld16(keepTail[tl : tl+16]))
			}
			return gemv16Rows4(y, w, unsafe.Pointer(&x[0]), n, xt)
		},
		isaAVX2: func(y, w, x []float32) int {
			n := len(x)
			var xtl, xth f8
			if tl := n % 16; tl > 0 {
				xtl = ld8(x[n-16 : n-8]).Mul(ld8(keepTail[tl : tl+8]))
				xth = ld8(x[n-8 : n]).Mul(ld8(keepTail[tl+8 : tl+16]))
			}
			return gemv8Rows4(y, w, unsafe.Pointer(&x[0]), n, xtl, xth)
		},
	}
	forEachSIMDISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(6, 7))
		const rows = 9 // two passes and a row left over
		for n := 16; n < 16*(gemvUnroll+1); n++ {
			w, x, y0 := randVec(rng, rows*n, 0.2), randVec(rng, n, 0.2), randVec(rng, rows, 0)
			got, want := slices.Clone(y0), slices.Clone(y0)
			gemv(got, w, x)
			if done := loopedPass[kernelISA](want, w, x); done != rows&^3 {
				t.Fatalf("n %d: the looped pass took %d rows, want %d", n, done, rows&^3)
			}
			for o := range rows &^ 3 {
				if math.Float32bits(got[o]) != math.Float32bits(want[o]) {
					t.Fatalf("n %d: y[%d] = %g written out, %g in the loop", n, o, got[o], want[o])
				}
			}
		}
		if kernelISA != isaAVX512 {
			return
		}
		for n := 16; n <= 300; n++ {
			w, x, y0 := randVec(rng, rows*n, 0.2), randVec(rng, n, 0.2), randVec(rng, rows, 0)
			got := slices.Clone(y0)
			gemv(got, w, x)
			// gemv2Cols16 reads x as column 0 of a two-column M.
			m, want := make([]float32, 2*n), make([]float32, 2*rows)
			for k, v := range x {
				m[2*k] = v
			}
			for o, v := range y0 {
				want[2*o] = v
			}
			gemv2Cols16(want, 2, rows, w, m, 2, make([]float32, 2*n))
			for o := range rows {
				if math.Float32bits(got[o]) != math.Float32bits(want[2*o]) {
					t.Fatalf("n %d: y[%d] = %g from gemv, %g from gemv2Cols16", n, o, got[o], want[2*o])
				}
			}
		}
	})
}

// TestAdamStillLanesSameBits: the vector kernels give a step of 0 to the
// lanes adamStillM says the step leaves unchanged, and must give the
// portable kernel's bits there and beside them. Weights of every scale
// (2⁻⁷⁰ to 2¹⁰⁰, ±0, denormal, ±Inf, NaN) meet first moments from a
// quarter of the bound to four times what it would be at their own
// scale (2^e·ε/s·2⁻²⁷, the proof's), under step sizes and ε on both
// sides of the guards adamStillM keeps (ε under 2⁻⁴⁰, a step size under
// 2⁻¹⁰⁰, one of 10); the fused kernel (adamOuter) with a dead row too.
func TestAdamStillLanesSameBits(t *testing.T) {
	weights := []float32{0x1p-70, 0x1p-64, -0x1p-64, 0x1.8p-63, 1e-3, -0.5, 1, 0x1.fffffep0, 2, 0x1p99, 0x1p100, -0x1p100,
		0, float32(math.Copysign(0, -1)), 0x1p-140, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN())}
	factors := []float32{0.25, 0.5, 0.999, 1, 1.001, 2, 4}
	for _, k := range []struct{ eps, step float32 }{{1e-8, 1e-3}, {1e-8, 1e-4}, {1, 1e-3}, {1e-13, 1e-3}, {1e-8, 1e-31}, {1e-8, 10}, {0, 1e-3}} {
		cut := adamStillM(k.eps, k.step) * 0x1p64 // at 2^e = 1
		const n = 32 * 7 * 18                     // whole vectors of either width, each weight with each factor
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
		forEachSIMDISA(t, func(t *testing.T) {
			wp, wm, wv := slices.Clone(p), slices.Clone(m), slices.Clone(v)
			adamGo(wp, slices.Clone(g), wm, wv, 0.9, 0.999, 0.1, 0.001, k.eps, k.step, 1.5)
			for _, fused := range []bool{false, true} {
				gp, gm, gv := slices.Clone(p), slices.Clone(m), slices.Clone(v)
				if fused { // rows of 32 with d = 0: no live term
					rows := n / 32
					adamOuter(gp, gm, gv, 32, make([]float32, rows), make([]float32, 32), nil, nil, 0.9, 0.999, 0.1, 0.001, k.eps, k.step, 1.5)
				} else {
					adamUpdate(gp, slices.Clone(g), gm, gv, 0.9, 0.999, 0.1, 0.001, k.eps, k.step, 1.5)
				}
				for j, got := range [3][]float32{gp, gm, gv} {
					want := [3][]float32{wp, wm, wv}[j]
					for i := range got {
						if math.Float32bits(got[i]) != math.Float32bits(want[i]) && !(math.IsNaN(float64(got[i])) && math.IsNaN(float64(want[i]))) {
							t.Fatalf("ε %g, step %g, fused %v: %s[%d] = %g (from p %g, m %g), portable kernel gives %g",
								k.eps, k.step, fused, "pmv"[j:j+1], i, got[i], p[i], m[i], want[i])
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
