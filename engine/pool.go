package engine

import (
	"runtime"
	"sync/atomic"
	"time"
)

// Large work is shared between the calling goroutine and a helper
// goroutine that lives as long as the process: matrix products (gemm,
// gemmPanels, gemmPanelsLive), the passes of a wide layer's step that
// would otherwise leave the helper idle — Wᵀ and X laid out in panels,
// Adam's update — and a minibatch layer's pair kernels (minibatch.go).
// Each is a task cut into chunks (a product's by columns, 64 at a time,
// or two at a multiple of 16 when it is narrower than two panels; the
// pairs by kernel); the caller and the helper claim chunks one at a time
// until none is left, so neither waits for the other longer than one
// chunk, and a helper that starts late, or never, leaves more chunks to
// the caller.
// The caller claims from the first chunk on, the helper from the last
// back: step after step each goroutine takes about the same chunks, so
// the weights, moments and outputs a chunk reads and writes are mostly
// in the cache of the core that used them last, not the other's (whole
// 4-epoch runs on two cores 1.01–1.07× faster than with one counter from
// the front; bench/README.md, section 0, step 15). Every value takes the
// same operations whichever chunk and goroutine compute it, and chunks
// write disjoint memory, so results are bit-identical to one goroutine's
// (TestGemmSplitSameBits, TestSharedTasksSameBits,
// TestMinibatchSharedSameBits). Sharing costs no
// allocation and no goroutine: a task's arguments go in a slot the helper
// reads once it has joined (an atomic state says who may touch what).
//
// Between tasks the helper spins for helperSpin, yielding to any other
// goroutine every few microseconds, before it parks: the products of a
// training step come microseconds to a millisecond apart, and a helper
// woken from sleep for each one joins it after the caller has done most
// of it (bench/README.md, section 0, step 13). OpenBLAS's threads wait
// the same way.
//
// Only products of at least splitMACs multiply-adds, passes over at
// least shareFloats values and pair kernels over at least mbdShareLanes
// lanes are shared, and one task at a time (a task that finds the helper
// taken, by another run, is done by its caller alone), so small designs
// keep their single-thread speed. Sharing is on
// whenever the process may run on two cores (GOMAXPROCS ≥ 2);
// SetProductWorkers changes it, and the session turns it off while
// --seeds --jobs keeps every core busy. Two checks turn it off for a
// while: a back-off when another program takes the other core (judge,
// below), and a trial that times whole epochs with and without sharing
// (trial.go), for when the two cores pass data slowly.

// splitMACs is the smallest product gemm shares, 2²¹ ≈ 2.1 M
// multiply-adds: 100 × 256 ← 128 (3.3 M) is shared, 100 × 128 ← 128
// (1.6 M) is not. See bench/README.md, section 0, step 13.
var splitMACs = 1 << 21

// shareFloats is the fewest values a copy, a transpose or an Adam step is
// shared over: 2¹⁷, a 512 × 256 matrix, some 50 µs of work.
const shareFloats = 1 << 17

// helperSpin is how long the helper waits for the next task before it
// parks; spinRound is how many times it reads the state between yields,
// a few microseconds.
const (
	helperSpin = time.Millisecond
	spinRound  = 1 << 12
)

// Sharing backs off when the other core turns out to be taken by another
// program: a spinning helper then takes turns on it with that program,
// and a chunk it holds while the system runs the other program keeps the
// caller waiting; with the other core busy, epochs of width 256 and 512
// with 100 rows ran 1.4× slower shared than alone. Either goroutine
// notices — the helper a gap of more than spinGap between two rounds of
// its spin, the caller tasks that the helper held up (judge) — and then
// tasks run on the caller alone, and the helper parks, for contendedFor;
// the first task after that tries sharing again. A back-off that comes
// within contendedFor of the last one's end lasts twice as long as that
// one, up to contendedMax: a program that holds the other core for
// minutes is tried a few times a minute, not four times a second.
//
// The process's own goroutines are not another program. The time the
// helper yields to them (the screen drawing a frame, a few milliseconds)
// is no gap; a task posted meanwhile is computed by the caller alone,
// which waits for nothing and is not judged; and a task ends when the
// helper finished its last chunk, not when the caller, having yielded
// while it waited, gets to see that. Counted as contention, these would
// keep sharing off most of the time the trainer's screen is open.
const (
	spinGap      = 500 * time.Microsecond
	strikesOut   = 4
	contendedFor = 250 * time.Millisecond
	contendedMax = 4 * time.Second
)

// strikes counts the tasks in a row that sharing did not speed up; only
// the goroutine holding busy touches it.
var strikes int

// contendedUntil is the clock reading until which nothing is shared, and
// contendedLast the length of the last back-off.
var contendedUntil, contendedLast atomic.Int64

// clockStart is the origin of clock.
var clockStart = time.Now()

// clock returns the monotonic time since start-up in nanoseconds.
func clock() int64 { return int64(time.Since(clockStart)) }

// paused reports whether sharing is off for a while at clock now: backing
// off, or turned off by the trial (trial.go).
func paused(now int64) bool { return now < contendedUntil.Load() || trialOff.Load() }

// backOff stops sharing for contendedFor, or for twice the last back-off
// if that ended less than contendedFor ago (up to contendedMax).
func backOff() {
	backOffs.Add(1)
	now, d := clock(), int64(contendedFor)
	if now-contendedUntil.Load() < int64(contendedFor) {
		d = min(max(2*contendedLast.Load(), d), int64(contendedMax))
	}
	contendedLast.Store(d)
	contendedUntil.Store(now + d)
}

// judge counts a task that sharing sped up by less than a ninth — the
// caller's own chunks took t0 to t1, mine of c, and the whole task t0 to
// t2 — and backs off after strikesOut of them in a row: the helper joined
// late or ran slowly, as it does when another program has its core. A
// task whose caller, done with its chunks, waited for the helper's last
// one longer than spinGap plus two chunks of its own counts half of
// strikesOut, so that two in a row back off: a helper that joined late
// holds at most a chunk's work then, so it lost its core in the chunk.
// One such wait alone does not: on a quiet machine, in a run's first
// epochs, 5 of 12 fresh 4-epoch runs at width 1024 waited 0.9–2 ms once,
// and backing off at once took the helper off a fifth of their time. (A
// chunk of the SIMD build takes at most some 130 µs, 64 columns of a
// product 1024 deep with 100 rows; the portable build's take up to 3 ms.)
func judge(t0, t1, t2 int64, mine, c int) {
	if mine == 0 {
		return // the helper computed every chunk (tests)
	}
	alone := (t1 - t0) * int64(c) / int64(mine)
	if 9*alone >= 10*(t2-t0) {
		strikes = 0
		return
	}
	weight := 1
	if chunk := (t1 - t0) / int64(mine); t2-t1 > int64(spinGap)+2*chunk {
		weight = strikesOut / 2
	}
	if strikes += weight; strikes >= strikesOut {
		strikes = 0
		backOff()
	}
}

// gemmArgs are the arguments of one product: a gemm call, or a
// gemmPanels call when panels is set (m then holds M in panels), or a
// gemmPanelsLive call when live is set too (m then holds kp rows, in
// panels or row-major with rowMajor, and each goroutine gathers its
// panels into its own scratch: the caller into scratch[0], the helper
// into scratch[1]).
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
	rowMajor    bool
	scratch     [2][]float32
}

// cols computes columns j0 to j1 of the product on the calling goroutine,
// gathering into scratch[part] (j0 a multiple of 16). In panels, it runs
// gemmSerial on the columns of each panel in the range, as gemmPanels
// does on whole panels.
func (g *gemmArgs) cols(j0, j1, part int) {
	if !g.panels {
		gemmSerial(g.rows, j1-j0, g.kn, g.a, g.ars, g.aks, g.m[j0:], g.ldm, g.y[j0:], g.ldy)
		return
	}
	kp := g.kn
	if g.live != nil {
		kp = g.kp
	}
	for j := j0; j < j1; {
		off := j % panelCols
		w := min(panelCols-off, j1-j)
		m, lds := g.m[(j-off)*kp+off:], g.ldm // panel j/panelCols, from its column off
		if g.rowMajor {
			m, lds = g.m[j:], g.n
		}
		if g.live != nil {
			buf := g.scratch[part][:g.kn*g.ldm]
			copyRows(buf, g.ldm, m, lds, g.kn, w, g.live)
			m = buf
		}
		gemmSerial(g.rows, w, g.kn, g.a, g.ars, g.aks, m, g.ldm, g.y[j:], g.ldy)
		j += w
	}
}

// chunks returns how many chunks the product's columns are cut into:
// panels of panelCols, or two at a multiple of 16 when the product is
// narrower than two panels (a layer 100 wide: 48 + 52).
func (g *gemmArgs) chunks() int {
	if g.n < 2*panelCols {
		return 2
	}
	return g.n / panelCols
}

// chunk returns the columns of chunk i of c, the last running to n.
// Every chunk begins at a multiple of 16 columns, where the kernels' vectors
// begin, and the last holds the columns past n's last multiple of 16 that
// gemmLastCols may take: each element takes the operations it takes in
// one call over all the columns.
func (g *gemmArgs) chunk(i, c int) (j0, j1 int) {
	w := panelCols
	if g.n < 2*panelCols {
		w = g.n / 2 &^ 15
	}
	j0 = i * w
	if i == c-1 {
		return j0, g.n
	}
	return j0, j0 + w
}

// run computes chunk i of c of the product, gathering into scratch[part].
func (g *gemmArgs) run(i, c, part int) {
	j0, j1 := g.chunk(i, c)
	g.cols(j0, j1, part)
}

// A task is work cut into chunks that write disjoint memory and take the
// same operations whichever goroutine runs them, in any order: a product
// (gemmArgs), a copy or a transpose into panels, an Adam step, a pass of
// minibatch discrimination's pair kernels (mbdTask).
type task interface {
	chunks() int
	run(i, c, part int) // chunk i of c; part 0 on the caller, 1 on the helper
}

// transposeTask is transposePanels, a panel of 64 rows of src a chunk.
type transposeTask struct {
	dst, src   []float32
	rows, cols int
}

func (t *transposeTask) chunks() int { return (t.rows + panelCols - 1) / panelCols }

func (t *transposeTask) run(i, c, part int) {
	transposePanel(t.dst, t.src, t.rows, t.cols, i*panelCols)
}

// adamTask is adamUpdate over a flat array, adamChunk values a chunk.
// Adam is elementwise, so any cut gives the bits of one pass; a multiple
// of the 32 values the vector loops take an iteration leaves no chunk but
// the last a partial vector.
type adamTask struct {
	p, g, m, v []float32
	k          adamStep
}

const adamChunk = 1 << 15

func (t *adamTask) chunks() int { return (len(t.p) + adamChunk - 1) / adamChunk }

func (t *adamTask) run(i, c, part int) {
	lo, hi, k := i*adamChunk, min(len(t.p), (i+1)*adamChunk), t.k
	adamUpdate(t.p[lo:hi], t.g[lo:hi], t.m[lo:hi], t.v[lo:hi], k.b1, k.b2, k.c1, k.c2, k.eps, k.stepSize, k.invBC2)
}

// The states of the shared task (job.state).
const (
	jobNone   = iota // no task posted
	jobPosted        // posted; the helper has not joined
	jobJoined        // the helper is claiming chunks
	jobLeft          // the helper found no chunk left and is done with it
)

var (
	productWorkers atomic.Int32 // helpers gemm may use: 0 or 1; see init
	busy           atomic.Bool  // a task is being shared
	helperStarted  atomic.Bool
	parked         atomic.Bool   // the helper sleeps on wake
	wake           chan struct{} // a task may have been posted
	splits         atomic.Int64  // tasks the helper computed chunks of, for the tests
	backOffs       atomic.Int64  // times sharing backed off, for the tests
	helperOnly     bool          // tests: the caller shares every task and leaves every chunk to the helper
	job            struct {
		task      task // one of the five below
		gemm      gemmArgs
		transpose transposeTask
		pack      packTask
		adam      adamTask
		mbd       mbdTask
		chunks    int32
		ends      atomic.Uint64 // the chunks not yet claimed, [lo, hi): lo in the low 32 bits, hi in the high (claimFront, claimBack)
		state     atomic.Int32
		finished  int64 // the clock when the helper finished its last chunk, set before state is jobLeft
	}
)

// init turns the helper on when there are two cores to run on.
func init() {
	if runtime.GOMAXPROCS(0) >= 2 {
		productWorkers.Store(1)
	}
	wake = make(chan struct{}, 1)
}

// SetProductWorkers sets how many goroutines besides the caller may work
// on one large matrix product: 0 for none, 1 (the most there is) for a
// helper, which needs GOMAXPROCS ≥ 2 to help. It returns the previous
// setting.
//
// The default is 1 when GOMAXPROCS ≥ 2 at start-up, else 0. With the
// other core free, steady-state epochs of blog-original's design with 100
// rows take 0.79–0.90 of the one-core time from width 256 up
// (bench/README.md, section 0, steps 13 and 14); with the other core
// held by another program (a busy loop) 0.99–1.14 of it, since sharing
// then backs off, though not all the time.
func SetProductWorkers(k int) int {
	return int(productWorkers.Swap(int32(max(0, min(1, k)))))
}

// gemmSplit computes a product shared with the helper when sharing is on
// and the helper is not taken, and reports whether it did; gemm,
// gemmPanels and gemmPanelsLive call it for products of splitMACs or
// more.
func gemmSplit(g gemmArgs) bool {
	if g.n < 32 || !acquire() {
		return false
	}
	job.gemm = g
	share(&job.gemm)
	return true
}

// packTask is packPanels, a panel a chunk.
type packTask struct {
	dst, src   []float32
	rows, cols int
}

func (t *packTask) chunks() int { return (t.cols + panelCols - 1) / panelCols }

func (t *packTask) run(i, c, part int) { packPanel(t.dst, t.src, t.rows, t.cols, i*panelCols) }

// packShared is packPanels shared with the helper when the matrix has at
// least shareFloats elements and the helper is free.
func packShared(dst, src []float32, rows, cols int) {
	if rows*cols < shareFloats || cols <= panelCols || !acquire() {
		packPanels(dst, src, rows, cols)
		return
	}
	job.pack = packTask{dst, src, rows, cols}
	share(&job.pack)
}

// transposeShared is transposePanels shared with the helper when the
// matrix has at least shareFloats elements and the helper is free.
func transposeShared(dst, src []float32, rows, cols int) {
	if rows*cols < shareFloats || rows <= panelCols || !acquire() {
		transposePanels(dst, src, rows, cols)
		return
	}
	job.transpose = transposeTask{dst, src, rows, cols}
	share(&job.transpose)
}

// adamShared is adamUpdate shared with the helper when there are at least
// shareFloats parameters and the helper is free.
func adamShared(p, g, m, v []float32, k adamStep) {
	if len(p) < shareFloats || !acquire() {
		adamUpdate(p, g, m, v, k.b1, k.b2, k.c1, k.c2, k.eps, k.stepSize, k.invBC2)
		return
	}
	job.adam = adamTask{p, g, m, v, k}
	share(&job.adam)
}

// acquire reports whether the caller may share a task, and if so takes
// the helper for it: sharing is on and not paused, and no other task
// holds the helper.
func acquire() bool {
	if productWorkers.Load() == 0 {
		return false
	}
	offered.Add(1)
	if !helperOnly && paused(clock()) || !busy.CompareAndSwap(false, true) {
		return false
	}
	if !helperStarted.Swap(true) {
		go helper()
	}
	return true
}

// share runs the task in job.task's slot t with the helper, the caller
// holding it (acquire): the caller posts it and claims chunks until none
// is left; if the helper has joined meanwhile, the caller then waits for
// it to finish its last chunk. It releases the helper.
func share(t task) {
	c := int32(t.chunks())
	job.task, job.chunks = t, c
	job.ends.Store(uint64(c) << 32)
	job.state.Store(jobPosted)
	cold := parked.Load()
	if cold {
		select {
		case wake <- struct{}{}:
		default: // a wake-up is pending already
		}
	}
	if helperOnly {
		for job.state.Load() != jobLeft {
			runtime.Gosched()
		}
	} else {
		t0, mine := clock(), 0
		for i, ok := claimFront(); ok; i, ok = claimFront() {
			t.run(int(i), int(c), 0)
			mine++
		}
		t1 := clock()
		if !job.state.CompareAndSwap(jobPosted, jobNone) {
			// The helper's last chunk, spinning as the helper does between
			// tasks: a yield at every read, hundreds a chunk, put the
			// scheduler's lock at 5% of the caller's time (width 256).
			for spins := 1; job.state.Load() != jobLeft; spins++ {
				if spins%spinRound == 0 {
					runtime.Gosched()
				}
			}
			// The task ended when the helper finished, not when this
			// goroutine, having yielded, got to see it.
			if !cold { // a helper woken from sleep joins late whatever the machine's load
				judge(t0, t1, max(t1, job.finished), mine, int(c))
			}
		}
	}
	// The slots let go of the task's slices before the helper is
	// released: written after it, they would race with the next task's
	// caller writing its own (another run's goroutine, which has acquired
	// it).
	job.task = nil
	job.gemm, job.transpose, job.pack, job.adam, job.mbd = gemmArgs{}, transposeTask{}, packTask{}, adamTask{}, mbdTask{}
	job.state.Store(jobNone)
	busy.Store(false)
}

// claimFront claims the first chunk not yet claimed, for the caller, and
// reports whether there was one. One atomic add on job.ends moves lo up
// and reads hi: of a caller and a helper racing for the last chunk,
// whichever adds first gets it.
func claimFront() (int32, bool) {
	v := job.ends.Add(1)
	lo, hi := int32(uint32(v))-1, int32(v>>32)
	return lo, lo < hi
}

// claimBack claims the last chunk not yet claimed, for the helper, and
// reports whether there was one: one atomic add moves hi down (adding
// −2³² leaves lo alone) and reads lo.
func claimBack() (int32, bool) {
	v := job.ends.Add(^uint64(1<<32 - 1))
	lo, hi := int32(uint32(v)), int32(v>>32)
	return hi, hi >= lo
}

// helper is the helper goroutine: it joins each posted task, claims
// chunks until none is left, and between tasks spins, then parks.
func helper() {
	for {
		idle := clock()
		last := idle
		for spins := 0; job.state.Load() != jobPosted; spins++ {
			if spins%spinRound != spinRound-1 {
				continue
			}
			now := clock()
			if now-last > int64(spinGap) {
				backOff() // this thread was off its core: another program wants it
			}
			last = now
			if now-idle < int64(helperSpin) && !paused(now) {
				runtime.Gosched()
				last = clock() // the process's other goroutines may have run meanwhile: no gap
				continue
			}
			parked.Store(true)
			if job.state.Load() != jobPosted { // posted before the caller could see parked
				<-wake
			}
			parked.Store(false)
			idle = clock()
			last = idle
		}
		if !job.state.CompareAndSwap(jobPosted, jobJoined) {
			continue // the caller finished it alone
		}
		t, c, did := job.task, job.chunks, false
		for i, ok := claimBack(); ok; i, ok = claimBack() {
			t.run(int(i), int(c), 1)
			did = true
		}
		if did {
			splits.Add(1)
		}
		job.finished = clock()
		job.state.Store(jobLeft)
	}
}
