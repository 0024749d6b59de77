package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// A large matrix product is split by columns between the calling goroutine
// and a helper goroutine that lives as long as the process: gemm (and
// gemmPanels) hands the helper the right part of Y (columns from h, a
// multiple of 64) and computes the left part itself. Each element of Y
// takes the same operations whichever part it falls in, and the parts
// write disjoint columns, so the result is bit-identical to one goroutine's
// (TestGemmSplitSameBits). A call costs no allocation: the arguments go
// in a slot the helper reads when it takes the part (an atomic state says
// who has it), the helper is woken and answers on channels of empty
// values, and a token says whether it is free.
//
// Only products of at least splitMACs multiply-adds are split, and only
// while the helper is idle (a busy helper means another run has it, and
// the caller does the whole product), so small designs keep their
// single-thread speed; a part the helper has not started when the caller
// has finished its own is taken back (see gemmSplit). Splitting is on
// whenever the process may run on two cores (GOMAXPROCS ≥ 2);
// SetProductWorkers changes it, and the session turns it off while
// --seeds --jobs keeps every core busy.

// splitMACs is the smallest product gemm splits, 2²⁴ ≈ 16.8 M
// multiply-adds: 100 × 512 ← 512 (26 M) is split, 100 × 256 ← 256 (6.5 M)
// is not. Measured with the other core free (bench/README.md, section 0,
// step 6), the split makes products of width 512 1.45× and of width 1024
// 1.75× faster, and those of width 256 9% slower: the halves of a
// product that small gain less than the hand-over costs.
var splitMACs = 1 << 24

// gemmArgs are the arguments of one product: a gemm call, or a
// gemmPanels call when panels is set (m then holds M in panels), or a
// gemmPanelsLive call when live is set too (m then holds kp rows in
// panels, and each part gathers its panels into its own scratch).
type gemmArgs struct {
	rows, n, kn int
	a           []float32
	ars, aks    int
	m           []float32
	ldm         int
	y           []float32
	ldy         int
	panels      bool
	live        []int32
	kp          int
	scratch     [2][]float32
}

// run computes the product, split again if it is large and the helper is
// free.
func (g *gemmArgs) run() {
	switch {
	case g.live != nil:
		gemmPanelsLive(g.rows, g.n, g.a, g.ars, g.aks, g.live, g.m, g.kp, g.y, g.ldy, g.scratch)
	case g.panels:
		gemmPanels(g.rows, g.n, g.kn, g.a, g.ars, g.aks, g.m, g.y, g.ldy)
	default:
		gemm(g.rows, g.n, g.kn, g.a, g.ars, g.aks, g.m, g.ldm, g.y, g.ldy)
	}
}

// split returns the product's columns before h and from h (h a multiple
// of panelCols, so that a panel is never cut). The right part gathers
// into the second scratch.
func (g gemmArgs) split(h int) (left, right gemmArgs) {
	left, right = g, g
	left.n, right.n = h, g.n-h
	right.y = g.y[h:]
	switch {
	case g.live != nil:
		right.m = g.m[h*g.kp:]
		right.scratch[0] = g.scratch[1]
	case g.panels:
		right.m = g.m[h*g.kn:]
	default:
		right.m = g.m[h:]
	}
	return left, right
}

// The states of the posted part (slot.state).
const (
	partNone   = iota // no part posted
	partPosted        // posted, not yet taken
	partHelper        // taken by the helper
	partCaller        // taken back by the caller
)

var (
	productWorkers atomic.Int32 // helpers gemm may use: 0 or 1; see init
	helperOnce     sync.Once
	helperFree     chan struct{} // holds a token while the helper is free
	helperWake     chan struct{} // a part may have been posted
	helperDone     chan struct{} // the helper finished the part it took
	splits         atomic.Int64  // parts the helper computed, for the tests
	helperOnly     bool          // tests: the caller waits for the helper, never takes the part back
	slot           struct {
		args  gemmArgs
		state atomic.Int32
	}
)

// init turns the helper on when there are two cores to run on.
func init() {
	if runtime.GOMAXPROCS(0) >= 2 {
		productWorkers.Store(1)
	}
}

// SetProductWorkers sets how many goroutines besides the caller may work
// on one large matrix product: 0 for none, 1 (the most there is) for a
// helper, which needs GOMAXPROCS ≥ 2 to help. It returns the previous
// setting.
//
// The default is 1 when GOMAXPROCS ≥ 2 at start-up, else 0. With the
// other core free, whole runs of width 512 and 1024 with 100 rows take
// 0.87 and 0.72 of the time; with it held by another program, 1.03 (the
// part the helper has not started is taken back).
func SetProductWorkers(k int) int {
	return int(productWorkers.Swap(int32(max(0, min(1, k)))))
}

// gemmSplit computes a product in two parts when the helper is free, and
// reports whether it did; gemm and gemmPanels call it for products of
// splitMACs or more. The caller posts the right part, computes the left
// one, and then either waits for the helper, if the helper has taken the
// part, or takes it back and computes it too: when no second core is free
// (a busy or shared machine) the helper never gets to run, and the
// product costs what it costs on one goroutine, not that plus a wait. The
// parts are products again, which find the helper taken and run alone.
func gemmSplit(g gemmArgs) bool {
	if g.n < 2*panelCols || productWorkers.Load() == 0 {
		return false
	}
	helperOnce.Do(startHelper)
	select {
	case <-helperFree:
	default:
		return false
	}
	left, right := g.split(g.n / 2 &^ (panelCols - 1))
	slot.args = right
	slot.state.Store(partPosted)
	select {
	case helperWake <- struct{}{}:
	default: // a wake-up is pending already
	}
	left.run()
	if !helperOnly && slot.state.CompareAndSwap(partPosted, partCaller) {
		slot.args.run()
	} else {
		<-helperDone
		splits.Add(1)
	}
	slot.args = gemmArgs{}
	slot.state.Store(partNone)
	helperFree <- struct{}{}
	return true
}

func startHelper() {
	helperFree, helperWake, helperDone = make(chan struct{}, 1), make(chan struct{}, 1), make(chan struct{}, 1)
	helperFree <- struct{}{}
	go func() {
		for range helperWake {
			if !slot.state.CompareAndSwap(partPosted, partHelper) {
				continue // the caller took its part back
			}
			slot.args.run() // not split: the token is out
			helperDone <- struct{}{}
		}
	}()
}
