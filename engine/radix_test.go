package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortFloatsSortsAsSlicesSort: sortFloats gives slices.Sort's order
// on samples of every kind: normal and uniform values, all negative, all
// of one size (the passes it skips), ties, zeros of both signs (−0 first,
// where slices.Sort may put either), infinities, subnormals, the largest
// values, short slices and slices with a NaN (both left to slices.Sort).
func TestSortFloatsSortsAsSlicesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	gen := map[string]func(i int) float64{
		"normal":   func(int) float64 { return rng.NormFloat64() },
		"uniform":  func(int) float64 { return rng.Float64() },
		"negative": func(int) float64 { return -1 - rng.Float64() },
		"ties":     func(int) float64 { return float64(rng.IntN(7)) - 3 },
		"zeros":    func(i int) float64 { return []float64{0, math.Copysign(0, -1), 1, -1}[i%4] },
		"extremes": func(i int) float64 {
			return []float64{math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64, 5e-324, -5e-324, 0}[i%7]
		},
		"one value": func(int) float64 { return 2.5 },
		"nan":       func(i int) float64 { return []float64{1, math.NaN(), -1}[i%3] },
	}
	for name, f := range gen {
		for _, n := range []int{0, 1, radixMin - 1, radixMin, 2500} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = f(i)
			}
			want := slices.Clone(xs)
			slices.Sort(want)
			sortFloats(xs, make([]uint64, n), make([]uint64, n))
			for i := range xs {
				same := xs[i] == want[i] || math.IsNaN(xs[i]) && math.IsNaN(want[i])
				zerosOutOfOrder := n >= radixMin && i > 0 && xs[i] == 0 && xs[i-1] == 0 && math.Signbit(xs[i]) && !math.Signbit(xs[i-1])
				if !same || zerosOutOfOrder {
					t.Fatalf("%s, %d values: [%d] = %v, slices.Sort %v (then %v)", name, n, i, xs[i], want[i], xs[max(0, i-1):min(n, i+2)])
				}
			}
		}
	}
}
