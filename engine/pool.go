package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// A large matrix product is split by columns between the calling goroutine
// and a helper goroutine that lives as long as the process: gemm hands the
// helper the right part of Y (columns from h, a multiple of 64) and
// computes the left part itself. Each element of Y takes the same
// operations whichever part it falls in, and the parts write disjoint
// columns, so the result is bit-identical to one goroutine's
// (TestGemmSplitSameBits). A call costs no allocation: the arguments go
// over a channel by value, and the helper, which takes one product at a
// time, answers on its own channel; a token says whether it is free.
//
// Only products of at least splitMACs multiply-adds are split, and only
// while the helper is idle (a busy helper means another run has it, and
// the caller does the whole product), so small designs keep their
// single-thread speed. SetProductWorkers(0) turns splitting off; the
// session does so when --seeds --jobs already keeps every core busy.

// splitMACs is the smallest product gemm splits, 2 M multiply-adds:
// 100 × 256 ← 256 (6.5 M) is split, 100 × 128 ← 128 (1.6 M) is not. A
// split costs 0.3–0.5 µs more than the product alone while the helper is
// awake (BenchmarkGemmSplitCost), a few microseconds when it must be woken;
// 2 M multiply-adds take about 40 µs on one core, so the split saves
// about 20 µs. Smaller products stay on one goroutine: the helper may be
// asleep, or the other core busy with another program.
var splitMACs = 1 << 21

// gemmArgs are the arguments of one gemm call.
type gemmArgs struct {
	rows, n, kn int
	a           []float32
	ars, aks    int
	m           []float32
	ldm         int
	y           []float32
	ldy         int
}

var (
	productWorkers atomic.Int32 // helpers gemm may use: 0 or 1
	helperOnce     sync.Once
	helperFree     chan struct{} // holds a token while the helper is free
	helperReq      chan gemmArgs
	helperDone     chan struct{}
	splits         atomic.Int64 // products split so far, for the tests
)

func init() { productWorkers.Store(int32(min(1, runtime.GOMAXPROCS(0)-1))) }

// SetProductWorkers sets how many goroutines besides the caller may work
// on one large matrix product: 0 for none, 1 (the most there is) for a
// helper. The default is 1 when GOMAXPROCS allows two threads. It returns
// the previous setting.
func SetProductWorkers(k int) int {
	return int(productWorkers.Swap(int32(max(0, min(1, k)))))
}

// gemmSplit computes Y += A·M in two parts when the helper is free, and
// reports whether it did; gemm calls it for products of splitMACs or
// more. The parts are gemm calls again, which find the helper taken and
// run alone.
func gemmSplit(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) bool {
	if n < 128 || productWorkers.Load() == 0 {
		return false
	}
	helperOnce.Do(startHelper)
	h := n / 2 &^ 63
	select {
	case <-helperFree:
	default:
		return false
	}
	helperReq <- gemmArgs{rows, n - h, kn, a, ars, aks, m[h:], ldm, y[h:], ldy}
	gemm(rows, h, kn, a, ars, aks, m, ldm, y, ldy) // the helper is ours: not split again
	<-helperDone
	helperFree <- struct{}{}
	splits.Add(1)
	return true
}

func startHelper() {
	helperFree, helperReq, helperDone = make(chan struct{}, 1), make(chan gemmArgs, 1), make(chan struct{}, 1)
	helperFree <- struct{}{}
	go func() {
		for g := range helperReq {
			gemm(g.rows, g.n, g.kn, g.a, g.ars, g.aks, g.m, g.ldm, g.y, g.ldy) // not split: the token is out
			helperDone <- struct{}{}
		}
	}()
}
