package session

import "github.com/ganui/ganui/engine"

// Point is one point of the loss and moment charts: the averages of a run of
// consecutive epochs that ends at Epoch.
type Point struct {
	Epoch     int
	DReal     float64 // D's loss on real data
	DFake     float64 // D's loss on generated data
	G         float64 // G's loss
	Mean, Std float64 // of each epoch's last generated batch, as the blog plots them
	// MeanY, StdY are the second coordinate's for a two-dimensional
	// target, whose first Mean and Std then are; zero in one dimension.
	MeanY, StdY float64
	span        int // how many epochs the averages cover
}

// History keeps a whole run's per-epoch stats in constant memory, so an
// hour-long run costs no more than a short one. It holds at most max points;
// each averages Stride consecutive epochs, and when the points fill up,
// neighbours merge pairwise and the stride doubles. The points depend only
// on the epochs added, never on timing, so a rerun with the same seed gives
// the same history.
type History struct {
	max    int
	stride int
	pts    []Point
	acc    Point // the bucket being filled
}

// NewHistory returns an empty history of at most n points, rounded up
// to an even number and at least 2: pairs merge when it fills.
func NewHistory(n int) History {
	n = max(2, (n+1)&^1)
	return History{max: n, stride: 1, pts: make([]Point, 0, n)}
}

// Clone returns a copy of h that shares no memory with it.
func (h *History) Clone() History {
	c := *h
	c.pts = append(make([]Point, 0, h.max), h.pts...)
	return c
}

// Stride returns how many epochs each full point averages.
func (h *History) Stride() int { return h.stride }

// Add records one epoch.
func (h *History) Add(s engine.EpochStats) {
	a := &h.acc
	a.add(Point{DReal: s.DReal, DFake: s.DFake, G: s.G, Mean: s.Mean, Std: s.Std, MeanY: s.MeanY, StdY: s.StdY})
	a.Epoch = s.Epoch
	a.span++
	if a.span < h.stride {
		return
	}
	h.pts = append(h.pts, a.average())
	h.acc = Point{}
	if len(h.pts) == h.max {
		for i := range h.max / 2 {
			h.pts[i] = merge(h.pts[2*i], h.pts[2*i+1])
		}
		h.pts = h.pts[:h.max/2]
		h.stride *= 2
	}
}

// Points appends the history to dst and returns it: the full points, then
// the bucket still filling, if any, so the charts reach the latest epoch.
// The result shares no memory with h.
func (h *History) Points(dst []Point) []Point {
	dst = append(dst, h.pts...)
	if h.acc.span > 0 {
		dst = append(dst, h.acc.average())
	}
	return dst
}

// Len returns the number of points Points would return.
func (h *History) Len() int {
	if h.acc.span > 0 {
		return len(h.pts) + 1
	}
	return len(h.pts)
}

// average turns a bucket of sums into a point of averages.
func (p Point) average() Point {
	n := float64(p.span)
	p.DReal /= n
	p.DFake /= n
	p.G /= n
	p.Mean /= n
	p.Std /= n
	p.MeanY /= n
	p.StdY /= n
	return p
}

// Mean returns the average of pts (not empty), at the last one's epoch,
// each point weighing the same: how a chart narrower than its history
// draws several points as one.
func Mean(pts []Point) Point {
	var sum Point
	for _, p := range pts {
		sum.add(p)
	}
	sum.Epoch, sum.span = pts[len(pts)-1].Epoch, len(pts)
	return sum.average()
}

// add sums q's values into p's (not its epoch or span).
func (p *Point) add(q Point) {
	p.DReal += q.DReal
	p.DFake += q.DFake
	p.G += q.G
	p.Mean += q.Mean
	p.Std += q.Std
	p.MeanY += q.MeanY
	p.StdY += q.StdY
}

// merge averages two neighbouring points of equal weight.
func merge(a, b Point) Point {
	m := Mean([]Point{a, b})
	m.span = a.span + b.span
	return m
}

// thinAt returns which of a bounded list's n items (at least 3), oldest
// first, the i-th made at epoch(i), goes when the list is one over its
// bound: of those between the first and the newest, which always stay,
// the one whose neighbours lie closest together, the oldest of such.
// Dropping one so at each addition keeps the items spread over the whole
// run however long it goes on, the gaps between them within a factor of
// about two of each other, as the charts' points are (History). The rule
// reads the epochs alone, so a list restored from a checkpoint goes on
// thinning as it would have without stopping. The keyframes
// (timeline.keep), the evaluations (evalHistory) and the export's
// (evalLog) are thinned by it. Halving a full list, while the checks go
// on adding one at a time, would halve a stretch of the run the more
// often the older it is: past a few times its bound a list would hold
// the latest stretch of the run alone.
func thinAt(n int, epoch func(i int) int) int {
	drop, span := 1, epoch(2)-epoch(0)
	for i := 2; i < n-1; i++ {
		if d := epoch(i+1) - epoch(i-1); d < span {
			drop, span = i, d
		}
	}
	return drop
}
