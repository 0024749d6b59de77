package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// TestSortUntilIsSlicesSort: sortUntil with its stop open leaves xs in
// the very order slices.Sort does, bit for bit, −0 and +0 and NaNs of
// other bits where slices.Sort puts them, at sortStopMin samples and
// more (where it sorts by its own comparison) and below: the final line
// of --samples 10000000 reads its Q-Q points from the sorted sample.
func TestSortUntilIsSlicesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	nan := math.Float64frombits(0x7ff8000000000001)
	negNaN := math.Float64frombits(0xfff8000000000002)
	special := []float64{0, math.Copysign(0, -1), math.NaN(), nan, negNaN, math.Inf(1), math.Inf(-1)}
	for _, n := range []int{sortStopMin - 1, sortStopMin, sortStopMin + 12345} {
		for _, shape := range []string{"normal", "few values", "descending"} {
			xs := make([]float64, n)
			for i := range xs {
				switch shape {
				case "normal":
					xs[i] = rng.NormFloat64()
				case "few values":
					xs[i] = float64(rng.IntN(5) - 2)
				case "descending":
					xs[i] = float64(n - i)
				}
				if rng.IntN(50) == 0 {
					xs[i] = special[rng.IntN(len(special))]
				}
			}
			want := slices.Clone(xs)
			slices.Sort(want)
			if !sortUntil(xs, make(chan struct{})) {
				t.Fatalf("%d %s samples, stop open: sortUntil gave up", n, shape)
			}
			for i := range xs {
				if math.Float64bits(xs[i]) != math.Float64bits(want[i]) {
					t.Fatalf("%d %s samples: at %d sortUntil has %v (%#x), slices.Sort %v (%#x)", n, shape, i, xs[i], math.Float64bits(xs[i]), want[i], math.Float64bits(want[i]))
				}
			}
		}
	}
}

// TestSortUntilGivesUpOnStop: a stop closed as the sort of sortStopMin
// samples and more runs has sortUntil give up within sortStopEvery
// comparisons, reporting false with the samples unsorted, where
// slices.Sort sorted them all first: the four seconds of --samples
// 10000000 that SIGTERM and q waited out.
func TestSortUntilGivesUpOnStop(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	xs := make([]float64, 4*sortStopMin)
	for i := range xs {
		xs[i] = rng.NormFloat64()
	}
	stop := make(chan struct{})
	close(stop)
	if ok := sortUntil(xs, stop); ok || slices.IsSorted(xs) {
		t.Errorf("%d samples, stop closed: sortUntil reported %v, sorted %v; want false and unsorted, the sort given up", len(xs), ok, slices.IsSorted(xs))
	}
}

// counting is a target that counts its CDF and Quantile reads and closes
// stop at the first read of the kind stopAt names: a stop delivered in
// the middle of KS ("cdf") or of W1 ("quantile").
type counting struct {
	Target
	stopAt        string
	stop          chan struct{}
	once          sync.Once
	cdf, quantile int
}

func (c *counting) CDF(x float64) float64 {
	c.cdf++
	if c.stopAt == "cdf" {
		c.once.Do(func() { close(c.stop) })
	}
	return c.Target.CDF(x)
}

func (c *counting) Quantile(p float64) float64 {
	c.quantile++
	if c.stopAt == "quantile" {
		c.once.Do(func() { close(c.stop) })
	}
	return c.Target.Quantile(p)
}

// TestEvaluateUntilGivesUpWithinKSAndW1: a stop delivered as KS reads the
// target's CDF, or as W1 reads its quantiles (past maxGrid samples, one a
// sample; within it, the grid a run keeps), has the evaluation give up
// within stopEvery reads, where it read one a sample to the end before
// giving up: ten million of a mixture's, each dozens of its CDF's. A
// grid given up is not kept, and the evaluation after it, not stopped,
// measures what one never stopped does, to the bit.
func TestEvaluateUntilGivesUpWithinKSAndW1(t *testing.T) {
	mix := NewMixture([]Mode{{Mean: -2, Std: 0.5, Weight: 0.5}, {Mean: 2, Std: 0.5, Weight: 0.5}})
	rng := rand.New(rand.NewPCG(5, 6))
	draw := func(n int) []float64 {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = mix.Sample(rng)
		}
		return xs
	}
	for _, c := range []struct {
		what   string
		stopAt string
		n      int
		tables bool
	}{
		{"KS", "cdf", 4 * stopEvery, false},
		{"W1 past maxGrid", "quantile", maxGrid + 4*stopEvery, false},
		{"W1's grid", "quantile", 4 * stopEvery, true},
	} {
		xs := draw(c.n)
		target := &counting{Target: mix, stopAt: c.stopAt, stop: make(chan struct{})}
		var tt *targetTables
		if c.tables {
			tt = &targetTables{}
		}
		if _, ok := evaluateUntil(slices.Clone(xs), 1, target, HistSpec{}, tt, target.stop); ok {
			t.Errorf("%s, %d samples, stopped: reported metrics", c.what, c.n)
		}
		reads := target.cdf
		if c.stopAt == "quantile" {
			reads = target.quantile
		}
		if reads > stopEvery {
			t.Errorf("%s, %d samples, stopped at its first read: read %d before giving up, want at most %d", c.what, c.n, reads, stopEvery)
		}
		if tt != nil && len(tt.grids) > 0 {
			t.Errorf("%s: a grid given up is kept, %d quantiles", c.what, len(tt.grids[0]))
		}
		got, ok := evaluateUntil(slices.Clone(xs), 1, mix, HistSpec{}, tt, make(chan struct{}))
		want := evaluate(slices.Clone(xs), 1, mix, HistSpec{}, nil)
		if !ok || math.Float64bits(got.KS) != math.Float64bits(want.KS) || math.Float64bits(got.W1) != math.Float64bits(want.W1) {
			t.Errorf("%s, after a stop: KS %v W1 %v (%v), want %v %v", c.what, got.KS, got.W1, ok, want.KS, want.W1)
		}
	}
}

// countingPlane counts the points drawn of it once armed, and closes stop
// at the first of them.
type countingPlane struct {
	Plane
	armed bool
	stop  chan struct{}
	once  sync.Once
	drawn int
}

func (c *countingPlane) Sample(rng *rand.Rand) (float64, float64) {
	if c.armed {
		c.drawn++
		c.once.Do(func() { close(c.stop) })
	}
	return c.Plane.Sample(rng)
}

// TestPlaneEvaluateUntilGivesUpWithinFloor: a stop delivered as SW1's
// floor draws its samples of the target (64 of them at 2,500 points, 32
// sorts each) gives the evaluation up within the draw, where it drew and
// measured them all; the floor given up is not kept, and the evaluation
// after it measures what one never stopped does, to the bit.
func TestPlaneEvaluateUntilGivesUpWithinFloor(t *testing.T) {
	ring, err := ParsePlane("ring(8,2,0.02)")
	if err != nil {
		t.Fatal(err)
	}
	p := &countingPlane{Plane: ring, stop: make(chan struct{})}
	ref := NewPlaneReference(p, ReferenceSize, 1)
	n := BenchmarkSamples
	xy := ref.Points(n)
	p.armed = true
	if _, ok := ref.EvaluateUntil(xy, p.stop); ok {
		t.Errorf("stopped in the floor's draws: reported metrics")
	}
	if p.drawn > n {
		t.Errorf("stopped at the floor's first point: drew %d points, want at most one sample's %d", p.drawn, n)
	}
	p.armed = false
	got, ok := ref.EvaluateUntil(xy, make(chan struct{}))
	want, _ := NewPlaneReference(ring, ReferenceSize, 1).EvaluateUntil(xy, nil)
	if !ok || math.Float64bits(got.SW1Floor) != math.Float64bits(want.SW1Floor) || math.Float64bits(got.SW1) != math.Float64bits(want.SW1) {
		t.Errorf("after a stop: SW1 %v floor %v (%v), want %v %v", got.SW1, got.SW1Floor, ok, want.SW1, want.SW1Floor)
	}
	stop := make(chan struct{})
	close(stop)
	if _, ok := ref.slicedW1Until(xy, stop); ok {
		t.Errorf("SW1, stop closed: measured")
	}

	// A run's evaluation of a sample size whose floor it has not met,
	// --samples 100000 in the trainer or at the end, after its draw.
	g := mustNew(t, ringConfig(), 1)
	gp := &countingPlane{Plane: g.plane, stop: make(chan struct{})}
	g.planeRef = NewPlaneReference(gp, ReferenceSize, 1)
	gp.armed = true
	if _, ok := g.EvaluateUntil(n, HistSpec{}, gp.stop); ok {
		t.Errorf("GAN.EvaluateUntil, stopped in the floor's draws: reported metrics")
	}
	if gp.drawn > n {
		t.Errorf("GAN.EvaluateUntil, stopped at the floor's first point: drew %d points, want at most one sample's %d", gp.drawn, n)
	}
}

// TestDSurfaceUntilGivesUpOnStop: D's surface drawn with its stop closed
// scores none of its grid and reports that it gave up, where DSurface
// scored the 48 × 48 points the 2-D view draws, seconds of a wide
// design's D, after a check that q or SIGTERM had already stopped
// waiting for. With its stop open it draws DSurface's surface, to the
// bit, under minibatch discrimination too.
func TestDSurfaceUntilGivesUpOnStop(t *testing.T) {
	for _, mbd := range []bool{false, true} {
		cfg := ringConfig()
		if mbd {
			cfg.MBDKernels, cfg.MBDDim = 4, 3
		}
		g := mustNew(t, cfg, 4)
		train(t, g, 3)
		box := g.Plane().Bounds()
		const side = 48
		want := make([]float64, side*side)
		if !g.DSurface(want, box, side, side) {
			t.Fatal("no surface for a per-point D")
		}
		got := make([]float64, side*side)
		if drawn, ok := g.DSurfaceUntil(got, box, side, side, make(chan struct{})); !drawn || !ok {
			t.Fatalf("mbd %v, stop open: drawn %v, ok %v", mbd, drawn, ok)
		}
		for i := range got {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("mbd %v, stop open: point %d scored %v, DSurface %v", mbd, i, got[i], want[i])
			}
		}
		stop := make(chan struct{})
		close(stop)
		for i := range got {
			got[i] = math.NaN()
		}
		drawn, ok := g.DSurfaceUntil(got, box, side, side, stop)
		scored := 0
		for _, v := range got {
			if !math.IsNaN(v) {
				scored++
			}
		}
		if !drawn || ok || scored > 0 {
			t.Errorf("mbd %v, stop closed: drawn %v, ok %v, %d of %d points scored; want drawn, given up, none scored", mbd, drawn, ok, scored, len(got))
		}
	}
}
