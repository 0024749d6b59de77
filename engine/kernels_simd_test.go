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
