package tui

import (
	"math"
	"testing"
	"unicode/utf8"
)

// TestNiceBelowIsTotal: niceBelow gives a finite, positive step for any
// float64, no greater than a positive s and below it where a float64 is:
// +Inf gave +Inf, NaN and a negative s NaN, 0 gave 0, and a denormal,
// whose math.Log10 is off, a step far above it (5e-324 gave 5e-309).
func TestNiceBelowIsTotal(t *testing.T) {
	e308 := math.Pow(10, 308)
	for _, c := range []struct{ s, want float64 }{
		{5, 2}, {2, 1}, {1, 0.5}, {0.5, 0.2}, {1e-300, 5e-301},
		{math.Inf(1), e308}, {math.MaxFloat64, e308},
		{math.NaN(), 1}, {0, 1}, {math.Copysign(0, -1), 1}, {-2, 1}, {math.Inf(-1), 1}, {-math.MaxFloat64, 1},
		{math.SmallestNonzeroFloat64, math.SmallestNonzeroFloat64}, // no step below it
		{2 * math.SmallestNonzeroFloat64, math.SmallestNonzeroFloat64},
		{1e-310, 5e-311},
		{0x1p-1022, 1e-308}, // the least normal, 2.2e-308
	} {
		got := niceBelow(c.s)
		if got != c.want && math.Abs(got-c.want) > 1e-12*c.want {
			t.Errorf("niceBelow(%g) = %g, want %g", c.s, got, c.want)
		}
		if !(got > 0) || math.IsInf(got, 0) || c.s > 0 && got > c.s || c.s > math.SmallestNonzeroFloat64 && got >= c.s {
			t.Errorf("niceBelow(%g) = %g: want a finite step, positive, below a positive s", c.s, got)
		}
	}
}

// TestTicksOfAnyRange: the axes' labels end for any range, and a range
// past MaxFloat64's span gets two ticks: a y axis from −MaxFloat64 to
// MaxFloat64 had tried steps without end (niceBelow(+Inf) was +Inf,
// which ticks nothing), and a step too small to move its value (1,000
// at 1e20) had given that one tick without end.
func TestTicksOfAnyRange(t *testing.T) {
	max := math.MaxFloat64
	if got := twoTicks(-max, max, niceStep(max-(-max))); len(yTicks(-max, max, got)) < 2 || math.IsInf(got, 0) {
		t.Errorf("−MaxFloat64 to MaxFloat64: step %g, ticks %v, want two at least", got, yTicks(-max, max, got))
	}
	if got := yLabels(scale{-max, max}, 10); got[4] != "0" || got[0] == "" || got[9] == "" {
		t.Errorf("y labels of −MaxFloat64 to MaxFloat64: %q, want the ends and 0", got)
	}
	above := math.Nextafter(1e20, math.Inf(1))
	if got := yTicks(1e20, above, 1000); len(got) != 1 || got[0] != 1e20 {
		t.Errorf("ticks of 1e20 to %g at 1000: %v, want 1e20 once", above, got)
	}
	if got := yTicks(math.Inf(-1), 0, 1); len(got) != 1 {
		t.Errorf("ticks of −Inf to 0: %v, want −Inf once", got)
	}
	for _, r := range [][2]float64{{math.NaN(), 1}, {1, 1}, {2, 1}, {0, math.SmallestNonzeroFloat64}, {1e20, above}, {math.Inf(-1), math.Inf(1)}} {
		if got := twoTicks(r[0], r[1], niceStep(r[1]-r[0])); !(got > 0) || math.IsInf(got, 0) {
			t.Errorf("%g to %g: step %g, want a finite one", r[0], r[1], got)
		}
		yLabels(scale{r[0], r[1]}, 10)
		xLabels(r[0], r[1], 40)
	}
}

// TestSparkOfAnyValues: a Quality row's bars and range draw any values:
// checks at ±MaxFloat64 had rounded the range's ends out to ±Inf, their
// share NaN, and the bars' index int(NaN), a panic; a denormal's end
// had rounded up to 1e-309 (decade), its bar empty.
func TestSparkOfAnyValues(t *testing.T) {
	max, tiny := math.MaxFloat64, math.SmallestNonzeroFloat64
	for _, c := range []struct {
		vals   []float64
		lo, hi float64
		bars   string
	}{
		{[]float64{max, -max}, -max, max, "█▁"},
		{[]float64{max, 1}, 1, max, "█▁"},
		{[]float64{tiny, 0}, 0, tiny, "█▁"},
		{[]float64{0.91, 0.288, 2.7}, 0.28, 2.7, "▃▁█"},
	} {
		sc := scaleOf(c.vals, c.vals[len(c.vals)-1])
		if sc.lo != c.lo || sc.hi != c.hi {
			t.Errorf("%g: scale %g to %g, want %g to %g", c.vals, sc.lo, sc.hi, c.lo, c.hi)
		}
		if got := sparkBetween(c.vals, sc.lo, sc.hi); got != c.bars {
			t.Errorf("%g: bars %q, want %q", c.vals, got, c.bars)
		}
	}
	if got := sparkBetween([]float64{1, 0}, math.Inf(-1), 2); got != "▁▁" {
		t.Errorf("bars from −Inf: %q, want the empty bar", got)
	}
}

// FuzzTicksAndSparks: no range, step or values make the axes' steps and
// ticks or a sparkline's scale and bars panic, loop without end or give
// a step that is not a finite, positive number.
func FuzzTicksAndSparks(f *testing.F) {
	max, tiny, inf, nan := math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.NaN()
	for _, c := range [][3]float64{
		{0, 1, 0.5}, {-max, max, inf}, {max, -max, -inf}, {nan, 1, nan}, {0, tiny, tiny}, {1e20, math.Nextafter(1e20, inf), 1000},
		{-inf, inf, 0}, {1e-310, 1e-300, 2e-323}, {-1e300, 1e300, max}, {0x1p-1022, 1, -0.0},
	} {
		f.Add(c[0], c[1], c[2], uint8(10))
	}
	f.Fuzz(func(t *testing.T, lo, hi, s float64, rows uint8) {
		b := niceBelow(s)
		if !(b > 0) || math.IsInf(b, 0) || s > 0 && b > s {
			t.Fatalf("niceBelow(%g) = %g", s, b)
		}
		step := twoTicks(lo, hi, niceStep((hi-lo)/math.Max(1, float64(rows)/2)))
		if !(step > 0) || math.IsInf(step, 0) {
			t.Fatalf("%g to %g over %d rows: step %g", lo, hi, rows, step)
		}
		if n := len(yTicks(lo, hi, step)); n > 2*int(rows)+8 {
			t.Fatalf("%g to %g over %d rows: %d ticks at %g", lo, hi, rows, n, step)
		}
		if rows > 0 {
			yLabels(scale{lo, hi}, int(rows))
			xLabels(lo, hi, int(rows))
		}
		vals := []float64{lo, hi, s}
		for _, sc := range []sparkScale{scaleOf(vals, s), fromZero(vals, s), {lo, hi, ""}} {
			if got := sparkBetween(vals, sc.lo, sc.hi); utf8.RuneCountInString(got) != len(vals) {
				t.Fatalf("%g between %g and %g: %q", vals, sc.lo, sc.hi, got)
			}
		}
		if sc := scaleOf(vals, s); sc.hi >= sc.lo {
			for _, v := range vals {
				// Within the scale, or a hair past an end that roundOut
				// took as round (0.91 for 0.91000000000000001).
				out := v < sc.lo-1e-9*math.Abs(sc.lo) || v > sc.hi+1e-9*math.Abs(sc.hi)
				if !math.IsInf(v, 0) && !math.IsNaN(v) && out || math.IsInf(sc.lo, 0) || math.IsInf(sc.hi, 0) {
					t.Fatalf("%g: scale %g to %g leaves %g out", vals, sc.lo, sc.hi, v)
				}
			}
		}
	})
}
