package engine

import (
	"cmp"
	"slices"
)

// stopEvery is how many elements a measure's loop over a sample takes
// between looks at its stop (stopped): a look is a select on a channel,
// where each element costs a CDF or a quantile of the target, so that the
// looks cost next to nothing; the checks' 2,000 samples look once, and a
// measure of --samples 10000000 looks 611 times.
const stopEvery = 1 << 14

// sortStopMin is the length from which sortUntil sorts by a comparison
// that looks at stop; shorter samples, the checks' 2,000 and the default
// --samples among them, slices.Sort sorts as it did, in a fraction of the
// time of the ten million that took seconds. sortStopEvery is how many
// comparisons go between looks.
const (
	sortStopMin   = 1 << 20
	sortStopEvery = 1 << 16
)

// sortStopped is what sortUntil's comparison panics with to leave the
// sort once stop is closed: slices.SortFunc has no other way out. The
// panic never leaves sortUntil, which recovers this type alone and
// re-panics any other value, a fault of the sort's own; the sort runs
// on sortUntil's goroutine, so its recover sees every panic of it.
type sortStopped struct{}

// sortUntil sorts xs as slices.Sort does, into the very same order, but
// gives up once stop is closed, reporting false with xs in some order:
// slices.Sort of --samples 10000000 takes seconds, in which a stop
// (SIGTERM, q) would go unheard. slices.SortFunc with cmp.Compare is
// slices.Sort's pattern-defeating quicksort made from the same template,
// its comparison cmp.Compare(a, b) < 0 slices.Sort's own (NaN first), so
// it makes the same swaps and leaves equal values, −0 and +0 and NaNs of
// other bits, where slices.Sort does (TestSortUntilIsSlicesSort); a
// chunked sort merged would not. Its comparison is a call through a
// function value where slices.Sort's is inlined, so the samples below
// sortStopMin, and any sort with a nil stop, go to slices.Sort.
func sortUntil(xs []float64, stop <-chan struct{}) (ok bool) {
	if stop == nil || len(xs) < sortStopMin {
		slices.Sort(xs)
		return !stopped(stop)
	}
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(sortStopped); !is {
				panic(r)
			}
			ok = false
		}
	}()
	calls := 0
	slices.SortFunc(xs, func(a, b float64) int {
		if calls++; calls%sortStopEvery == 0 && stopped(stop) {
			panic(sortStopped{})
		}
		return cmp.Compare(a, b)
	})
	return !stopped(stop)
}
