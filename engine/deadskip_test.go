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
				// Each product: its shape, its start, how a layer runs it,
				// whether it may be compacted, and its terms in float64.
				for _, p := range []struct {
					name           string
					rows, cols, kn int
					start          []float32
					run            func(l *Dense, dst []float32)
					compact        bool
					term           func(i, j, k int) float64
				}{
					{"Z = X·Wᵀ", rows, out, in, nil, func(l *Dense, z []float32) { l.mulWT(z, x, rows) },
						out >= deadSkipCols && gemmTermsInOrder(rows, out),
						func(r, o, k int) float64 { return float64(x[r*in+k]) * float64(skip.w[o*in+k]) }},
					{"dX = dZ·W", rows, in, out, nil, func(l *Dense, s []float32) { l.mulW(s, dz, rows) },
						in >= deadSkipCols && gemmTermsInOrder(rows, in),
						func(r, k, o int) float64 { return float64(dz[r*out+o]) * float64(skip.w[o*in+k]) }},
					{"dW += dZᵀ·X", out, in, rows, randVec(rng, out*in, 0), func(l *Dense, g []float32) { l.addOuter(g, dz, x, rows) },
						in >= deadSkipCols && out%2 == 0,
						func(o, k, r int) float64 { return float64(dz[r*out+o]) * float64(x[r*in+k]) }},
				} {
					got, want := make([]float32, p.rows*p.cols), make([]float32, p.rows*p.cols)
					if p.start != nil {
						copy(got, p.start)
						copy(want, p.start)
					}
					used := skip.skip.used
					p.run(skip, got)
					p.run(full, want)
					if compacted := skip.skip.used > used; compacted != p.compact {
						t.Errorf("%s compacted: %v, want %v", p.name, compacted, p.compact)
					}
					checkProduct(t, p.name, got, want, p.start, p.rows, p.cols, p.kn, p.term)
				}
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

// checkProduct compares got, a rows × cols product start + Σ_k term
// without the dead units, with want, the full product's: equal (a zero's
// sign aside), and within float32 accumulation accuracy of the float64
// sum (scaled by the sum of the terms' magnitudes).
func checkProduct(t *testing.T, what string, got, want, start []float32, rows, cols, kn int, term func(i, j, k int) float64) {
	t.Helper()
	for i := range rows {
		for j := range cols {
			g, w := got[i*cols+j], want[i*cols+j]
			if g != w {
				t.Fatalf("%s [%d,%d] = %g without the dead units, %g with them", what, i, j, g, w)
			}
			var sum, scale float64
			if start != nil {
				sum = float64(start[i*cols+j])
				scale = math.Abs(sum)
			}
			for k := range kn {
				v := term(i, j, k)
				sum, scale = sum+v, scale+math.Abs(v)
			}
			if !kernelNear(g, sum, scale) {
				t.Fatalf("%s [%d,%d] = %g, want %g", what, i, j, g, sum)
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

// TestGatherCols: the live columns of a matrix, gathered on every kernel
// path (AVX-512's compressing stores among them), are the columns in
// order, bit for bit, whatever the width's remainder and the pattern of
// live columns (none, all, every other, runs and single ones in a block
// of 16).
func TestGatherCols(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 7))
		for _, cols := range []int{1, 15, 16, 17, 33, 100, 256} {
			for pattern := range 4 {
				rows := 1 + cols%5
				x := randVec(rng, rows*cols, 0)
				x[0] = float32(math.Copysign(0, -1))
				s := newDeadSkip(cols, cols, deadSkipMin)
				if s == nil {
					s = &deadSkip{masks: make([]uint16, (cols+15)/16)}
				}
				s.live, s.masks = s.live[:0], s.masks[:(cols+15)/16]
				clear(s.masks)
				for k := range cols {
					live := [4]bool{false, true, k%2 == 0, rng.IntN(3) != 0}[pattern]
					if live {
						s.live = append(s.live, int32(k))
						s.masks[k/16] |= 1 << (k % 16)
					}
				}
				nk := len(s.live)
				want := make([]float32, rows*nk)
				gatherColsGo(want, x, rows, cols, s.live)
				got := make([]float32, rows*nk+16)
				for i := range got {
					got[i] = 7 // must be overwritten
				}
				gatherCols(got, x, rows, cols, s.live, s.masks)
				for i, v := range want {
					if math.Float32bits(got[i]) != math.Float32bits(v) {
						t.Fatalf("%d columns, pattern %d: element %d = %g, want %g", cols, pattern, i, got[i], v)
					}
				}
			}
		}
	})
}

// TestCopyRows: copyRows copies every element of the rows it is given —
// src's in order, or the rows pick names (gemmPanelsLive's gather of a
// panel's live rows) — on every kernel path, at widths with and without a
// remainder, and writes nothing past each row.
func TestCopyRows(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(8, 8))
		for _, cols := range []int{1, 7, 8, 15, 16, 17, 33, 64} {
			const srcRows, lds, ldd = 40, 70, 66
			src := randVec(rng, srcRows*lds, 0)
			for _, pick := range [][]int32{nil, {}, {0}, {39}, {1, 2, 5, 17, 38}, {3, 3, 0}} {
				rows := len(pick)
				if pick == nil {
					rows = srcRows
				}
				dst := make([]float32, max(rows*ldd, 1))
				for i := range dst {
					dst[i] = 7
				}
				copyRows(dst, ldd, src, lds, rows, cols, pick)
				for r := range rows {
					k := r
					if pick != nil {
						k = int(pick[r])
					}
					for j := range ldd {
						want := float32(7)
						if j < cols {
							want = src[k*lds+j]
						}
						if got := dst[r*ldd+j]; math.Float32bits(got) != math.Float32bits(want) {
							t.Fatalf("%d columns, pick %v: dst[%d][%d] = %g, want %g", cols, pick, r, j, got, want)
						}
					}
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

// TestGemmPanelsLiveSameBits: a product over some rows of a matrix in
// panels or row-major, gathered a panel at a time, gives the bits of
// gemmPanels over the whole gathered matrix, computed alone, with the
// helper taking the chunks (its own scratch), or either — at widths of
// several panels and with a partial last one.
func TestGemmPanelsLiveSameBits(t *testing.T) {
	defer SetProductWorkers(SetProductWorkers(1))
	defer func() { helperOnly = false }()
	defer func(s int) { splitMACs = s }(splitMACs)
	splitMACs = 1 << 16
	forEachISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(6, 6))
		for _, s := range [][3]int{{100, 256, 256}, {64, 200, 130}, {32, 512, 97}, {100, 100, 256}, {33, 98, 100}} {
			rows, n, kp := s[0], s[1], s[2]
			var live []int32
			for k := range int32(kp) {
				if k%3 != 0 {
					live = append(live, k)
				}
			}
			nk := len(live)
			m := randVec(rng, kp*n, 0)
			mp := alignedFloats(panelsLen(kp, n))
			packPanels(mp, m, kp, n)
			gathered := make([]float32, nk*n)
			for i, k := range live {
				copy(gathered[i*n:(i+1)*n], m[int(k)*n:(int(k)+1)*n])
			}
			gp := alignedFloats(panelsLen(nk, n))
			packPanels(gp, gathered, nk, n)
			a, y0 := randVec(rng, rows*nk, 0.2), randVec(rng, rows*n, 0)
			want := slices.Clone(y0)
			SetProductWorkers(0)
			gemmPanels(rows, n, nk, a, nk, 1, gp, want, n)
			scratch := [2][]float32{alignedFloats(kp * panelCols), alignedFloats(kp * panelCols)}
			for i, mode := range []string{"alone", "helper", "either"} {
				SetProductWorkers(min(i, 1))
				helperOnly = mode == "helper"
				for _, rowMajor := range []bool{false, true} {
					src := mp
					if rowMajor {
						src = m
					}
					before := splits.Load()
					got := slices.Clone(y0)
					gemmPanelsLive(rows, n, a, nk, 1, live, src, kp, rowMajor, got, n, scratch)
					if helped := splits.Load() > before; helped != (mode == "helper") && mode != "either" {
						t.Fatalf("%v %s: the helper computed a part: %v", s, mode, helped)
					}
					for j := range want {
						if math.Float32bits(got[j]) != math.Float32bits(want[j]) {
							t.Fatalf("%v %s, row-major %v: y[%d] = %g, want %g", s, mode, rowMajor, j, got[j], want[j])
						}
					}
				}
			}
		}
	})
}
