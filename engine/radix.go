package engine

import (
	"math"
	"slices"
)

// sortFloats sorts xs in ascending order, as slices.Sort does, by a
// least-significant-digit radix sort: slicedW1Until sorts 32 projections of
// 2,500 points at each check of a 2-D run, and on a ring's points
// slices.Sort took 160 µs a projection, this 34 (bench/README.md, step
// 23), whatever the order the points come in. A value's bits, the
// sign bit set when it is positive and every bit inverted when it is
// negative, order as unsigned integers as the values do; the keys go
// through eight stable passes of a byte each (a pass is skipped when
// every key has the same byte there, as the high bytes of values of
// similar size do). The one difference from slices.Sort: −0 comes before
// +0 rather than anywhere among the zeros, which no sum over sorted
// values can tell apart. A slice holding a NaN, and a short one, go to
// slices.Sort. keys and tmp are scratch of len(xs) at least.
func sortFloats(xs []float64, keys, tmp []uint64) {
	n := len(xs)
	if n < radixMin {
		slices.Sort(xs)
		return
	}
	keys, tmp = keys[:n], tmp[:n]
	var count [8][256]int
	for i, x := range xs {
		if x != x {
			slices.Sort(xs)
			return
		}
		b := math.Float64bits(x)
		k := b ^ (uint64(int64(b)>>63) | 1<<63)
		keys[i] = k
		for d := range count {
			count[d][byte(k>>(8*d))]++
		}
	}
	for d := range count {
		c := &count[d]
		if c[byte(keys[0]>>(8*d))] == n {
			continue
		}
		sum := 0
		for i, m := range c {
			c[i], sum = sum, sum+m
		}
		for _, k := range keys {
			b := byte(k >> (8 * d))
			tmp[c[b]] = k
			c[b]++
		}
		keys, tmp = tmp, keys
	}
	for i, k := range keys {
		if k>>63 == 1 {
			k ^= 1 << 63
		} else {
			k = ^k
		}
		xs[i] = math.Float64frombits(k)
	}
}

// radixMin is the length below which sortFloats leaves xs to slices.Sort:
// the byte counts cost more than a short comparison sort.
const radixMin = 256
