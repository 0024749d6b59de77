package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDeadSkipProducts: a ReLU layer after a ReLU layer computes a batch's
// three products without the dead units (a third of X's columns and of
// dZ's zero on every row) as it does with them: within float32 rounding
// of a float64 reference on every kernel path, at shapes inside one
// panel, across panels and with a partial last panel; and for the
// products whose terms the vector kernels sum in order of k, one fused
// multiply-add each — the forward pass and dX, with an even number of
// rows and whole vectors of columns — equal to the last bit (a zero's
// sign aside). (dW's rows are the live units: their number's parity
// decides which rows a one-row tile takes, which sums even and odd terms
// apart, and so do the portable kernels' groups of four terms.)
func TestDeadSkipProducts(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		for _, s := range [][3]int{{128, 128, 32}, {128, 256, 100}, {100, 160, 33}, {256, 100, 64}, {48, 144, 16}, {160, 48, 20}} {
			in, out, rows := s[0], s[1], s[2]
			t.Run(fmt.Sprintf("%dx%d/rows%d", in, out, rows), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(uint64(in), uint64(out)))
				x, dz := randVec(rng, rows*in, 0), randVec(rng, rows*out, 0)
				for k := 0; k < in; k += 3 {
					for r := range rows {
						x[r*in+k] = 0
					}
				}
				for o := 1; o < out; o += 3 {
					for r := range rows {
						dz[r*out+o] = 0
					}
				}
				skip, full := newLayer(in, out, rows, rng), newLayer(in, out, rows, rng)
				copy(full.w, skip.w)
				full.skip = nil
				if skip.skip == nil {
					t.Fatal("no scratch for dead units")
				}
				simd := kernelISA != isaGo
				exact := simd && rows%2 == 0 && out%16 == 0
				for _, l := range []*Dense{skip, full} {
					l.batch = true
					transposePanels(l.wt, l.w, out, in)
				}
				// forward: Z = X·Wᵀ
				zs, zf := make([]float32, rows*out), make([]float32, rows*out)
				skip.mulWT(zs, x, rows)
				full.mulWT(zf, x, rows)
				if got, want := len(skip.skip.live), in-(in+2)/3; out >= deadSkipCols && got != want {
					t.Fatalf("forward: %d live inputs, want %d", got, want)
				}
				checkProduct(t, "Z", zs, zf, exact, func(r, o int) (sum, scale float64) {
					for k := range in {
						t := float64(x[r*in+k]) * float64(skip.w[o*in+k])
						sum, scale = sum+t, scale+math.Abs(t)
					}
					return sum, scale
				}, rows, out)
				// dX = dZ·W
				xs, xf := make([]float32, rows*in), make([]float32, rows*in)
				skip.skip.live = skip.skip.live[:0]
				skip.mulW(xs, dz, rows)
				full.mulW(xf, dz, rows)
				if got, want := len(skip.skip.live), out-(out+1)/3; in >= deadSkipCols && got != want {
					t.Fatalf("dX: %d live units, want %d", got, want)
				}
				checkProduct(t, "dX", xs, xf, simd && rows%2 == 0 && in%16 == 0, func(r, k int) (sum, scale float64) {
					for o := range out {
						t := float64(dz[r*out+o]) * float64(skip.w[o*in+k])
						sum, scale = sum+t, scale+math.Abs(t)
					}
					return sum, scale
				}, rows, in)
				// dW += dZᵀ·X, onto a gradient already holding a term
				gs := randVec(rng, out*in, 0)
				gf := slices.Clone(gs)
				g0 := slices.Clone(gs)
				skip.addOuter(gs, dz, x, rows)
				full.addOuter(gf, dz, x, rows)
				checkProduct(t, "dW", gs, gf, false, func(o, k int) (sum, scale float64) {
					sum, scale = float64(g0[o*in+k]), math.Abs(float64(g0[o*in+k]))
					for r := range rows {
						t := float64(dz[r*out+o]) * float64(x[r*in+k])
						sum, scale = sum+t, scale+math.Abs(t)
					}
					return sum, scale
				}, out, in)
			})
		}
	})
}

// newLayer returns a ReLU layer in → out fed by a ReLU layer, bound for
// rows rows, its weights drawn from rng.
func newLayer(in, out, rows int, rng *rand.Rand) *Dense {
	l := NewDense(in, out, ReLU)
	l.afterReLU = true
	n := l.ParamCount()
	l.bind(make([]float32, n), make([]float32, n), rows)
	l.init(rng)
	return l
}

// checkProduct compares got with want (the full product's): equal where
// exact (a zero's sign aside), and both within float32 accumulation
// accuracy of ref, the float64 value and the sum of its terms' magnitudes.
func checkProduct(t *testing.T, what string, got, want []float32, exact bool, ref func(i, j int) (sum, scale float64), rows, cols int) {
	t.Helper()
	for i := range rows {
		for j := range cols {
			g, w := got[i*cols+j], want[i*cols+j]
			if exact && g != w {
				t.Fatalf("%s[%d,%d] = %g without the dead units, %g with them", what, i, j, g, w)
			}
			if r, scale := ref(i, j); !kernelNear(g, r, scale) {
				t.Fatalf("%s[%d,%d] = %g, want %g", what, i, j, g, r)
			}
		}
	}
}

// TestNonzeroCols: a column's flag is zero exactly when every row holds
// +0 or −0 there — one nonzero row among many, a denormal, a NaN and an
// infinity all count — on every kernel path, at widths with and without
// a partial last vector.
func TestNonzeroCols(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(4, 4))
		for _, cols := range []int{1, 7, 16, 17, 40, 100, 256} {
			rows := 1 + cols%9
			x := make([]float32, rows*cols)
			want := make([]bool, cols)
			for k := range cols {
				switch k % 5 {
				case 0: // dead: zeros of both signs
					for r := range rows {
						x[r*cols+k] = float32(math.Copysign(0, float64(r%2)-0.5))
					}
				case 1: // one live row, the last
					x[(rows-1)*cols+k], want[k] = math.SmallestNonzeroFloat32, true
				case 2:
					x[rng.IntN(rows)*cols+k], want[k] = float32(math.NaN()), true
				case 3:
					x[rng.IntN(rows)*cols+k], want[k] = float32(math.Inf(-1)), true
				default:
					x[k], want[k] = -1, true
				}
			}
			flags := make([]uint32, cols)
			for i := range flags {
				flags[i] = 0xdead // stale flags must not survive
			}
			nonzeroCols(flags, x, rows, cols)
			for k := range cols {
				if (flags[k] != 0) != want[k] {
					t.Fatalf("%d columns: column %d nonzero = %v, want %v", cols, k, flags[k] != 0, want[k])
				}
			}
		}
	})
}
