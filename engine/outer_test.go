package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// sameFloats fails t at the first element of got whose bits differ from
// want's.
func sameFloats(t *testing.T, what string, got, want []float32) {
	t.Helper()
	for i := range want {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
			t.Fatalf("%s[%d] = %g, want %g (the unfused step's bits)", what, i, got[i], want[i])
		}
	}
}

// TestAdamOuterSameBits: Adam fused with a single row's weight gradient
// gives the bits of the gradient written by gemm (one term at a time, as
// Dense's backward pass writes it) followed by the plain kernel — with
// dead rows, moments that flush to zero and signed zeros in x — on every
// vector path (the portable one fuses nothing), at widths of one to 16
// vectors, odd counts among them.
func TestAdamOuterSameBits(t *testing.T) {
	forEachSIMDISA(t, func(t *testing.T) {
		rng := rand.New(rand.NewPCG(7, 8))
		for _, n := range []int{16, 32, 48, 64, 256} {
			for _, rows := range []int{1, 3, 17} {
				for _, terms := range []int{1, 2} {
					t.Run(fmt.Sprintf("n%d/rows%d/terms%d", n, rows, terms), func(t *testing.T) {
						p, v := randVec(rng, rows*n, 0), randVec(rng, rows*n, 0)
						m := randVec(rng, rows*n, 0.5)
						for i := range v {
							v[i] *= v[i]
							if i%7 == 0 {
								m[i], v[i] = 1e-37, 1e-37 // flushed after a step
							}
						}
						p2, m2, v2 := slices.Clone(p), slices.Clone(m), slices.Clone(v)
						g := make([]float32, rows*n)
						a, b := &Adam{Beta1: 0.5, Beta2: 0.999, Eps: 1e-8}, &Adam{Beta1: 0.5, Beta2: 0.999, Eps: 1e-8}
						for step := range 4 {
							var d, x [2][]float32
							for k := range terms {
								d[k], x[k] = randVec(rng, rows, 0.4), randVec(rng, n, 0.1)
								x[k][0] = float32(math.Copysign(0, -1))
								if step == 3 {
									clear(d[k]) // every unit dead
								}
								gemm(rows, n, 1, d[k], 1, rows, x[k], n, g, n)
							}
							ka, kb := a.advance(1e-3), b.advance(1e-3)
							adamUpdate(p, g, m, v, ka.b1, ka.b2, ka.c1, ka.c2, ka.eps, ka.stepSize, ka.invBC2)
							if terms == 1 {
								d[1], x[1] = nil, nil
							}
							adamOuter(p2, m2, v2, n, d[0], x[0], d[1], x[1], kb.b1, kb.b2, kb.c1, kb.c2, kb.eps, kb.stepSize, kb.invBC2)
						}
						sameFloats(t, "p", p2, p)
						sameFloats(t, "m", m2, m)
						sameFloats(t, "v", v2, v)
					})
				}
			}
		}
	})
}

// TestDeferOuterSameBits: a network whose dense layers hold single rows'
// weight gradients as outer products trains bit for bit as one that writes
// them, through every way a step can come: one to four single-row passes
// (a third goes to the gradient after the held two, and so does a fourth),
// a batch before or after held rows, layers the vector paths do not fuse
// (50 and 8 inputs), and an optimizer that takes the gradient written out
// (SGD).
func TestDeferOuterSameBits(t *testing.T) {
	newNet := func(hold bool) *Network {
		rng := rand.New(rand.NewPCG(3, 4))
		n := NewNetwork(4, rng,
			NewDense(16, 50, ReLU), NewDense(50, 8, Tanh), NewDense(8, 64, ReLU), NewDense(64, 16, Sigmoid))
		if hold {
			n.deferOuter()
		}
		return n
	}
	for _, optName := range []string{"adam", "sgd"} {
		forEachISA(t, func(t *testing.T) {
			fused, plain := newNet(true), newNet(false)
			newOpt := func(n *Network) Optimizer {
				if optName == "sgd" {
					return NewSGD(len(n.Params), 0.9)
				}
				return NewAdam(len(n.Params), 0.5, 0.999, 1e-8)
			}
			fo, po := newOpt(fused), newOpt(plain)
			rng := rand.New(rand.NewPCG(5, 6))
			held := 0
			for step := range 24 {
				// the rows of each backward pass before the step
				passes := [][]int{{1}, {1, 1}, {1, 1, 1}, {1, 1, 1, 1}, {1, 4}, {1, 4, 1}, {4, 1}, {4}}[step%8]
				for _, rows := range passes {
					x, dy := randVec(rng, rows*16, 0), randVec(rng, rows*16, 0)
					for _, n := range []*Network{fused, plain} {
						n.Forward(x, rows)
						n.Backward(dy, rows, true, false)
					}
				}
				for _, l := range fused.Layers {
					if o := l.(*Dense).outer; o != nil && o.k > 0 {
						held++
					}
				}
				fused.step(fo, 0.01)
				plain.step(po, 0.01)
				sameFloats(t, fmt.Sprintf("%s step %d: params", optName, step), fused.Params, plain.Params)
				sameFloats(t, "grads", fused.Grads, plain.Grads)
			}
			if a, ok := fo.(*Adam); ok {
				sameFloats(t, "m", a.M, po.(*Adam).M)
				sameFloats(t, "v", a.V, po.(*Adam).V)
			}
			if held == 0 && fuseOuter(16) {
				t.Fatal("no layer held a term: the fused step went untested")
			}
		})
	}
}

// TestGANOuterSameBits: with Adam fused with single rows' weight
// gradients, blog-original's design at width 64 (a discriminator's two
// terms a step, a generator's one; the first layers' 100 inputs not fused
// on the vector paths), blog-original itself (nothing fused there), and
// width 64 with historical averaging (no fusion for either) train bit for
// bit as with the fusion off.
func TestGANOuterSameBits(t *testing.T) {
	forEachISA(t, func(t *testing.T) {
		for _, c := range []struct {
			width int
			hist  float64
		}{{50, 0}, {64, 0}, {64, 0.01}} {
			cfg := blogConfig()
			cfg.GHidden, cfg.DHidden = []int{c.width, c.width}, []int{c.width, c.width}
			cfg.DHistAvg, cfg.GHistAvg = c.hist, c.hist
			run := func(fused bool) *GAN {
				g, err := New(cfg, 9)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range append(g.gen.Layers, g.disc.Layers...) {
					if d, ok := l.(*Dense); ok && !fused {
						d.outer = nil
					}
				}
				for range 30 {
					if _, err := g.TrainEpoch(); err != nil {
						t.Fatal(err)
					}
				}
				return g
			}
			fused, plain := run(true), run(false)
			if want := c.hist == 0 && fuseOuter(c.width); (fused.disc.Layers[1].(*Dense).outer != nil) != want {
				t.Fatalf("%+v: D's hidden layer defers: %v, want %v", c, !want, want)
			}
			sameFloats(t, fmt.Sprintf("%+v: G", c), fused.gen.Params, plain.gen.Params)
			sameFloats(t, "D", fused.disc.Params, plain.disc.Params)
		}
	})
}
