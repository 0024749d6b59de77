package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// zooGradCheck compares a layer's backward pass with central finite
// differences of L = Σ g·forward(x) for a random upstream gradient g, both
// for the input and for every parameter. Sums are taken in float64; the
// forward pass itself is float32, so the step h and tolerance tol must
// allow for its rounding.
func zooGradCheck(t *testing.T, name string, l Layer, rows int, x []float32, h, tol float64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	np := l.ParamCount()
	params, grads := make([]float32, np), make([]float32, np)
	l.bind(params, grads, rows)
	l.init(rng)
	g := make([]float32, rows*l.OutSize())
	for i := range g {
		g[i] = float32(rng.NormFloat64())
	}
	loss := func() float64 {
		y := l.forward(x, rows)
		var s float64
		for i, v := range y {
			s += float64(g[i]) * float64(v)
		}
		return s
	}
	loss()
	dx := append([]float32(nil), l.backward(g, rows, true, true)...)
	check := func(what string, i int, v *float32, analytic float32) {
		t.Helper()
		old := *v
		*v = old + float32(h)
		up := loss()
		*v = old - float32(h)
		down := loss()
		*v = old
		num := (up - down) / (2 * h)
		if diff := math.Abs(num - float64(analytic)); diff > tol*math.Max(1, math.Abs(num)) {
			t.Errorf("%s: d/d%s[%d] = %.6g by backward, %.6g by finite differences", name, what, i, analytic, num)
		}
	}
	for i := range x {
		check("x", i, &x[i], dx[i])
	}
	for i := range params {
		check("θ", i, &params[i], grads[i])
	}
}

func randRows(rng *rand.Rand, n int, mean, std float64) []float32 {
	x := make([]float32, n)
	for i := range x {
		x[i] = float32(mean + std*rng.NormFloat64())
	}
	return x
}

func TestDecorateGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zooGradCheck(t, "decorate", NewDecorate(7), 3, randRows(rng, 21, 4, 1.25), 1e-2, 2e-3)
}

// TestDecorateDetached: with the mean detached, as Dev Nag's code has it,
// the input gradient is the true one less the term through the mean,
// (2/n)·Σ_i d_i·g″_i, the same for every sample of a row.
func TestDecorateDetached(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	x := randRows(rng, 2*5, 4, 1.25)
	dy := randRows(rng, 2*10, 0, 1)
	full, detached := NewDecorate(5), NewDecorate(5)
	detached.Detach = true
	full.bind(nil, nil, 2)
	detached.bind(nil, nil, 2)
	full.forward(x, 2)
	detached.forward(x, 2)
	a := slices.Clone(full.backward(dy, 2, false, true))
	b := detached.backward(dy, 2, false, true)
	for r := range 2 {
		var s float64
		for i := range 5 {
			s += float64(full.d[r*5+i]) * float64(dy[r*10+5+i])
		}
		for i := range 5 {
			if got, want := float64(b[r*5+i]-a[r*5+i]), 2*s/5; math.Abs(got-want) > 1e-5 {
				t.Errorf("row %d sample %d: detached − true = %g, want %g", r, i, got, want)
			}
		}
	}
}

func TestDecorateForward(t *testing.T) {
	l := NewDecorate(4)
	l.bind(nil, nil, 1)
	y := l.forward([]float32{1, 2, 3, 6}, 1) // mean 3
	want := []float32{1, 2, 3, 6, 4, 1, 0, 9}
	for i := range want {
		if y[i] != want[i] {
			t.Fatalf("decorate([1 2 3 6]) = %v, want %v", y, want)
		}
	}
}

func TestMomentsGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	// A skewed row, so that every moment's gradient is far from zero.
	x := make([]float32, 2*25)
	for i := range x {
		x[i] = float32(math.Exp(0.6 * rng.NormFloat64()))
	}
	zooGradCheck(t, "moments", NewMoments(25), 2, x, 1e-2, 5e-3)
}

func TestMomentsForward(t *testing.T) {
	// x = 0,0,0,4: mean 1, deviations −1,−1,−1,3, v = 3, s = √3,
	// m₃ = (−3 + 27)/(4·3√3) = 2/√3, m₄ = (3 + 81)/(4·9) = 7/3.
	l := NewMoments(4)
	l.bind(nil, nil, 1)
	y := l.forward([]float32{0, 0, 0, 4}, 1)
	want := []float64{1, math.Sqrt(3), 2 / math.Sqrt(3), 7.0/3 - 3}
	for i, w := range want {
		if math.Abs(float64(y[i])-w) > 1e-6 {
			t.Errorf("moments[%d] = %g, want %g", i, y[i], w)
		}
	}
	// A constant row has no spread: the moments stay finite.
	y = l.forward([]float32{2, 2, 2, 2}, 1)
	if y[0] != 2 || y[2] != 0 || y[3] != -3 || !(y[1] >= 0 && y[1] < 1e-5) {
		t.Errorf("moments of a constant row = %v, want [2 ≈0 0 -3]", y)
	}
	dx := l.backward([]float32{1, 1, 1, 1}, 1, false, true)
	for _, v := range dx {
		if !finite32(v) {
			t.Fatalf("gradient through a constant row = %v, want finite", dx)
		}
	}
}

func TestMinibatchGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	l := NewMinibatch(3, 4, 2)
	l.InitStd = 0.5 // kernels well inside (0, 1), so every term counts
	zooGradCheck(t, "minibatch", l, 6, randRows(rng, 18, 0, 1), 1e-3, 1e-2)
}

func TestMinibatchForward(t *testing.T) {
	// A = 1, B = 1, C = 1 and T = 1: M_i = x_i and
	// o_i = (1/(n−1)) Σ_{j≠i} e^{−|x_i − x_j|}.
	l := NewMinibatch(1, 1, 1)
	params := []float32{1}
	l.bind(params, make([]float32, 1), 3)
	y := l.forward([]float32{0, 1, 3}, 3)
	e := func(d float64) float64 { return math.Exp(-d) }
	want := []float64{0, (e(1) + e(3)) / 2, 1, (e(1) + e(2)) / 2, 3, (e(3) + e(2)) / 2}
	for i, w := range want {
		if math.Abs(float64(y[i])-w) > 1e-6 {
			t.Fatalf("minibatch forward = %v, want %v", y, want)
		}
	}
	// Scored against the reference batch {0, 1, 3}, x = 1 is one more
	// member: o is the mean kernel over all three rows.
	l.SetReference([]float32{0, 1, 3}, 3)
	y = l.forward([]float32{1}, 1)
	if w := (e(1) + 1 + e(2)) / 3; math.Abs(float64(y[1])-w) > 1e-6 {
		t.Errorf("probe o(1) = %g, want %g", y[1], w)
	}
	l.ClearReference()
	defer func() {
		if recover() != nil {
			t.Error("backward after a plain forward panicked")
		}
	}()
	l.forward([]float32{0, 1, 3}, 3)
	l.backward(make([]float32, 6), 3, true, true)
}

// TestExpNeg32 checks the exponential of minibatch discrimination's kernels,
// e^−x for x = ‖·‖₁ ≥ 0 (expNeg32 of −x, in float32, so that the pairs run on
// the vector kernels).
func TestExpNeg32(t *testing.T) {
	for x := float32(0); x < 100; x += 0.0137 {
		got, want := float64(expNeg32(-x)), math.Exp(-float64(x))
		if x > 87 { // flushed to zero rather than denormal
			if got != 0 {
				t.Fatalf("expNeg32(%g) = %g, want 0", -x, got)
			}
			continue
		}
		if rel := math.Abs(got-want) / want; rel > 3.6e-7 { // 3 ulp
			t.Fatalf("expNeg32(%g) = %.9g, want %.9g (relative error %.2g)", -x, got, want, rel)
		}
	}
	if v := expNeg32(float32(math.Inf(-1))); v != 0 {
		t.Errorf("expNeg32(−Inf) = %g", v)
	}
	if v := expNeg32(float32(math.NaN())); v == v {
		t.Errorf("expNeg32(NaN) = %g, want NaN", v)
	}
}

// mbdReference is the minibatch layer in float64, pair by pair, from the
// formulas of Minibatch's comment: the outputs, dL/dx and dL/dT for the
// upstream gradient dy.
func mbdReference(l *Minibatch, x, dy []float32, rows int) (y, dx, dt []float64) {
	a, b, c := l.A, l.B, l.C
	bc, w := b*c, a+b
	m := make([]float64, rows*bc)
	for i := range rows {
		for k := range a {
			for q := range bc {
				m[i*bc+q] += float64(x[i*a+k]) * float64(l.t[k*bc+q])
			}
		}
	}
	kern := func(i, j, k int) float64 {
		var l1 float64
		for q := range c {
			l1 += math.Abs(m[i*bc+k*c+q] - m[j*bc+k*c+q])
		}
		return math.Exp(-l1) / float64(rows-1)
	}
	y = make([]float64, rows*w)
	dm := make([]float64, rows*bc)
	for i := range rows {
		for k := range a {
			y[i*w+k] = float64(x[i*a+k])
		}
		for j := range rows {
			if j == i {
				continue
			}
			for k := range b {
				e := kern(i, j, k)
				y[i*w+a+k] += e
				f := (float64(dy[i*w+a+k]) + float64(dy[j*w+a+k])) * e
				for q := range c {
					if d := m[i*bc+k*c+q] - m[j*bc+k*c+q]; d >= 0 {
						dm[i*bc+k*c+q] -= f
					} else {
						dm[i*bc+k*c+q] += f
					}
				}
			}
		}
	}
	dx = make([]float64, rows*a)
	dt = make([]float64, a*bc)
	for i := range rows {
		for k := range a {
			dx[i*a+k] = float64(dy[i*w+k])
			for q := range bc {
				dx[i*a+k] += dm[i*bc+q] * float64(l.t[k*bc+q])
				dt[k*bc+q] += float64(x[i*a+k]) * dm[i*bc+q]
			}
		}
	}
	return y, dx, dt
}

// TestMinibatchMatchesReference runs the layer on every kernel path for
// batches around the kernels' 16-pair vectors and compares it with
// mbdReference; on a CPU with both SIMD widths the AVX2 and AVX-512 runs
// must agree bit for bit.
func TestMinibatchMatchesReference(t *testing.T) {
	for _, shape := range [][4]int{{3, 4, 2, 2}, {5, 3, 3, 16}, {7, 8, 4, 17}, {32, 8, 4, 100}, {6, 2, 9, 33}} {
		a, b, c, rows := shape[0], shape[1], shape[2], shape[3]
		rng := rand.New(rand.NewPCG(uint64(rows), 9))
		x := randRows(rng, rows*a, 0, 1)
		dy := randRows(rng, rows*(a+b), 0, 1)
		var want [3][]float64
		results := map[isa][][]float32{}
		forEachISA(t, func(t *testing.T) {
			l := NewMinibatch(a, b, c)
			l.InitStd = 0.3
			params, grads := make([]float32, l.ParamCount()), make([]float32, l.ParamCount())
			l.bind(params, grads, rows+5) // fewer rows than the layer holds
			l.init(rand.New(rand.NewPCG(1, 2)))
			y := append([]float32(nil), l.forward(x, rows)...)
			dx := append([]float32(nil), l.backward(dy, rows, true, true)...)
			results[kernelISA] = [][]float32{y, dx, grads}
			if want[0] == nil {
				want[0], want[1], want[2] = mbdReference(l, x, dy, rows)
			}
			for r, name := range []string{"y", "dx", "dT"} {
				for i, v := range results[kernelISA][r] {
					if d := math.Abs(float64(v) - want[r][i]); d > 2e-5*math.Max(1, math.Abs(want[r][i])) {
						t.Fatalf("%v: %s[%d] = %g, want %g", shape, name, i, v, want[r][i])
					}
				}
			}
		})
		if r2, r16 := results[isaAVX2], results[isaAVX512]; r2 != nil && r16 != nil {
			for r := range r2 {
				for i := range r2[r] {
					if math.Float32bits(r2[r][i]) != math.Float32bits(r16[r][i]) {
						t.Fatalf("%v: result %d[%d]: avx2 %g, avx512 %g", shape, r, i, r2[r][i], r16[r][i])
					}
				}
			}
		}
	}
}
