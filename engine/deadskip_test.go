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
// dZ's zero on every row) to the same bits as with them (a zero's sign
// aside), and within float32 rounding of a float64 reference — on every
// kernel path, at shapes inside one panel, across panels and with a
// partial last panel, with odd and even numbers of rows and live units.
// It also checks that each product was compacted where it may be: the
// forward pass and dX where the kernels sum terms in order
// (gemmTermsInOrder), dW wherever the layer has an even number of units.
func TestDeadSkipProducts(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		for _, s := range [][3]int{{128, 128, 32}, {128, 256, 100}, {100, 160, 33}, {256, 100, 64}, {48, 144, 16}, {160, 48, 20}, {96, 300, 40}, {112, 257, 32}} {
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
				liveIn, liveOut := in-(in+2)/3, out-(out+1)/3
				skip, full := newLayer(in, out, rows, rng), newLayer(in, out, rows, rng)
				copy(full.w, skip.w)
				full.skip = nil
				if skip.skip == nil {
					t.Fatal("no scratch for dead units")
				}
				for _, l := range []*Dense{skip, full} {
					l.batch = true
					transposePanels(l.wt, l.w, out, in)
				}
				// compacted reports whether the last product ran on want terms.
				compacted := func(want int) bool { return len(skip.skip.live) == want }
				// forward: Z = X·Wᵀ
				skip.skip.live = skip.skip.live[:0]
				zs, zf := make([]float32, rows*out), make([]float32, rows*out)
				skip.mulWT(zs, x, rows)
				full.mulWT(zf, x, rows)
				if want := out >= deadSkipCols && gemmTermsInOrder(rows, out); compacted(liveIn) != want {
					t.Errorf("forward compacted: %v, want %v", !want, want)
				}
				checkProduct(t, "Z", zs, zf, func(r, o int) (sum, scale float64) {
					for k := range in {
						t := float64(x[r*in+k]) * float64(skip.w[o*in+k])
						sum, scale = sum+t, scale+math.Abs(t)
					}
					return sum, scale
				}, rows, out)
				// dX = dZ·W
				skip.skip.live = skip.skip.live[:0]
				xs, xf := make([]float32, rows*in), make([]float32, rows*in)
				skip.mulW(xs, dz, rows)
				full.mulW(xf, dz, rows)
				if want := in >= deadSkipCols && gemmTermsInOrder(rows, in); compacted(liveOut) != want {
					t.Errorf("dX compacted: %v, want %v", !want, want)
				}
				checkProduct(t, "dX", xs, xf, func(r, k int) (sum, scale float64) {
					for o := range out {
						t := float64(dz[r*out+o]) * float64(skip.w[o*in+k])
						sum, scale = sum+t, scale+math.Abs(t)
					}
					return sum, scale
				}, rows, in)
				// dW += dZᵀ·X, onto a gradient already holding a term
				skip.skip.live = skip.skip.live[:0]
				gs := randVec(rng, out*in, 0)
				gf := slices.Clone(gs)
				g0 := slices.Clone(gs)
				skip.addOuter(gs, dz, x, rows)
				full.addOuter(gf, dz, x, rows)
				if want := in >= deadSkipCols && out%2 == 0; compacted(liveOut+liveOut%2) != want {
					t.Errorf("dW compacted: %v, want %v", !want, want)
				}
				checkProduct(t, "dW", gs, gf, func(o, k int) (sum, scale float64) {
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

// checkProduct compares got, the product without the dead units, with
// want, the full product's: equal (a zero's sign aside), and within
// float32 accumulation accuracy of ref, the float64 value and the sum of
// its terms' magnitudes.
func checkProduct(t *testing.T, what string, got, want []float32, ref func(i, j int) (sum, scale float64), rows, cols int) {
	t.Helper()
	for i := range rows {
		for j := range cols {
			g, w := got[i*cols+j], want[i*cols+j]
			if g != w {
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

// TestDeadSkipSameRuns: blog-original's design widened to 128 and 256
// units with 32 and 33 rows a step trains to the same bits with the dead
// units left out of its batch products as with them (a zero's sign
// aside), on every kernel path — and leaves some out.
func TestDeadSkipSameRuns(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		for _, c := range [][2]int{{128, 32}, {256, 33}} {
			cfg := blogConfig()
			cfg.GHidden, cfg.DHidden, cfg.Batch = []int{c[0], c[0]}, []int{c[0], c[0]}, 100*c[1]
			run := func(skip bool) (*GAN, int) {
				g, err := New(cfg, 5)
				if err != nil {
					t.Fatal(err)
				}
				layers := append(g.gen.Layers, g.disc.Layers...)
				for _, l := range layers {
					if !skip {
						l.(*Dense).skip = nil
					}
				}
				for range 4 {
					if _, err := g.TrainEpoch(); err != nil {
						t.Fatal(err)
					}
				}
				used := 0
				for _, l := range layers {
					if s := l.(*Dense).skip; s != nil {
						used += s.used
					}
				}
				return g, used
			}
			skip, used := run(true)
			full, _ := run(false)
			if used == 0 {
				t.Fatalf("%v: no product was compacted", c)
			}
			for i, w := range full.gen.Params {
				if skip.gen.Params[i] != w {
					t.Fatalf("%v: G[%d] = %g without the dead units, %g with them", c, i, skip.gen.Params[i], w)
				}
			}
			for i, w := range full.disc.Params {
				if skip.disc.Params[i] != w {
					t.Fatalf("%v: D[%d] = %g without the dead units, %g with them", c, i, skip.disc.Params[i], w)
				}
			}
		}
	})
}
