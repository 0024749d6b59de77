package engine

// Dead units in a batch's products.
//
// A ReLU unit whose pre-activation is negative on every row of a batch is
// dead for the batch: its column of the layer's output is zero, and so is
// its column of dZ. In blog-original's design widened to 256–1024 units
// with 100 rows a step, 6–36% of a layer's hidden units are dead over a
// whole batch at the start and 18–76% six epochs in (more in D on
// generated data, and in G's second layer). Each such unit is a term of three
// products that adds nothing:
//
//   - the next layer's forward pass, Y = X·Wᵀ: its column of X (k);
//   - dX = dZ·W: its column of dZ (k);
//   - dW += dZᵀ·X: its row of dZᵀ, a row of dW (rows).
//
// Dense leaves them out by compacting the operands: the live columns of
// the left factor (or its live rows, and dW's) are copied to a scratch
// buffer, and so are the matching rows of the right factor in panels, a
// panel at a time just before its product (gemmPanelsLive); the product
// runs as usual on the smaller matrices. The copies cost one pass
// over each operand against rows passes of multiply-adds, and the kernels
// stay as they are.
//
// Nothing changes a result. A dead term only ever added ±0, so leaving it
// out changes no sum but for the sign of a zero — where each element sums
// its terms in order, one at a time. So the forward pass and dX are
// compacted only where the kernels do that whatever the number of terms
// (gemmTermsInOrder: the vector paths, an even number of rows, columns
// that gemmLastCols does not take); dW's rows are sums of their own
// terms on every path, and its compacted rows are padded to an even
// number with a dead one, so that a one-row tile, which adds even and odd
// terms apart, takes no row it would not take in the full product.
// Training runs give the same bits with and without it
// (TestDeadSkipProducts, TestDeadSkipSameRuns).
//
// Only products at least deadSkipCols columns wide are compacted, and
// only when at least an eighth of the terms are dead: the copy of the
// left factor costs a pass over it, which a narrower product does not
// repay (ring's 64-wide layers ran 10% slower an epoch so).

// deadSkip holds a layer's scratch for compacted products; nil on a layer
// whose products are too small to gain (newDeadSkip).
type deadSkip struct {
	live  []int32      // indices of the live columns (units or inputs)
	masks []uint16     // the live columns as bits, 16 columns a mask
	flags []uint32     // liveCols' scratch: nonzero for a live column
	a     []float32    // the left factor's live columns, or rows
	panel [2][]float32 // a panel of the right factor's live rows, for each part of a split product
	y     []float32    // dW's live rows
	used  int          // products compacted, for the tests
}

// deadSkipMin is the fewest rows and terms, deadSkipCols the fewest
// columns, of a product worth compacting; deadSkipFrac is the least
// fraction of terms dead.
const (
	deadSkipMin  = 16
	deadSkipCols = 96
	deadSkipFrac = 8 // at least 1/deadSkipFrac of the terms dead
)

// newDeadSkip returns the scratch for a layer in → out that sees up to
// maxRows rows, or nil when none of its batch products is large enough:
// the forward pass's is out columns wide, dX's and dW's in.
func newDeadSkip(in, out, maxRows int) *deadSkip {
	if maxRows < deadSkipMin || in < deadSkipMin || out < deadSkipMin || max(in, out) < deadSkipCols {
		return nil
	}
	k := max(in, out)
	return &deadSkip{
		live:  make([]int32, k),
		masks: make([]uint16, (k+15)/16),
		flags: make([]uint32, k),
		a:     make([]float32, maxRows*k+16), // gatherCols stores whole vectors of 16
		panel: [2][]float32{alignedFloats(k * panelCols), alignedFloats(k * panelCols)},
		y:     make([]float32, out*in),
	}
}

// liveCols lists in s.live the columns of the rows × cols row-major
// matrix x that hold a nonzero value (nonzeroCols), and reports whether
// enough of them are dead for a compacted product to pay.
func (s *deadSkip) liveCols(x []float32, rows, cols int) bool {
	if s == nil || rows < deadSkipMin {
		return false
	}
	flags := s.flags[:cols]
	nonzeroCols(flags, x, rows, cols)
	live, masks := s.live[:0], s.masks[:(cols+15)/16]
	clear(masks)
	for k, f := range flags {
		if f != 0 {
			live = append(live, int32(k))
			masks[k/16] |= 1 << (k % 16)
		}
	}
	s.live = live
	dead := cols - len(live)
	if dead < max(1, cols/deadSkipFrac) || len(live) == 0 {
		return false
	}
	s.used++
	return true
}

// gatherCols copies the live columns of the rows × cols matrix x into
// s.a, rows × len(s.live), and returns it.
func (s *deadSkip) gatherCols(x []float32, rows, cols int) []float32 {
	nk := len(s.live)
	gatherCols(s.a[:rows*nk+16], x, rows, cols, s.live, s.masks)
	return s.a[:rows*nk]
}

// gemmPanelsLive is gemmPanels over the rows live of mp, a kp × n matrix
// in panels, or row-major with rowMajor: Y[r,j] += Σ_i A[r,i]·M[live[i],j],
// A with len(live) terms. Each panel's live rows are gathered into
// scratch[0] (len(live) × 64 floats) just before its product, which reads
// them from L2; a product large enough is shared with the helper as
// gemmPanels shares it, the helper gathering its chunks into scratch[1].
// Each element takes the operations of gemmPanels on the gathered matrix:
// the same bits, from either layout. Gathered from a row-major M, a
// panel's rows are 64 floats of rows n apart: the gather reads each once,
// so M need not be laid out in panels first.
func gemmPanelsLive(rows, n int, a []float32, ars, aks int, live []int32, mp []float32, kp int, rowMajor bool, y []float32, ldy int, scratch [2][]float32) {
	nk := len(live)
	g := gemmArgs{rows: rows, n: n, kn: nk, a: a, ars: ars, aks: aks, m: mp, ldm: panelWidth(n), y: y, ldy: ldy, panels: true, live: live, kp: kp, rowMajor: rowMajor, scratch: scratch}
	if rows*n*nk < splitMACs || !gemmSplit(g) {
		g.cols(0, n, 0)
	}
}

// mulWTLive is the batch forward product Z += T·Wᵀ over the live columns
// of T (the previous layer's dead units left out) where that pays and
// changes no bit; it reports whether it ran.
func (l *Dense) mulWTLive(z, t []float32, rows int) bool {
	s := l.skip
	if !l.afterReLU || l.Out < deadSkipCols || !gemmTermsInOrder(rows, l.Out) || !s.liveCols(t, rows, l.In) {
		return false
	}
	nk := len(s.live)
	gemmPanelsLive(rows, l.Out, s.gatherCols(t, rows, l.In), nk, 1, s.live, l.wt, l.In, false, z, l.Out, s.panel)
	return true
}

// mulWLive is the batch product dX += dZ·W over the live units only where
// that pays and changes no bit; it reports whether it ran. It gathers the
// live rows from W itself: W is not laid out in panels for it.
func (l *Dense) mulWLive(s, d []float32, rows int) bool {
	k := l.skip
	if l.Act != ReLU || l.In < deadSkipCols || !gemmTermsInOrder(rows, l.In) || !k.liveCols(d, rows, l.Out) {
		return false
	}
	nk := len(k.live)
	gemmPanelsLive(rows, l.In, k.gatherCols(d, rows, l.Out), nk, 1, k.live, l.w, l.Out, true, s, l.In, k.panel)
	return true
}

// addOuterLive is the batch product dW += dZᵀ·X (X in panels, xp) over
// the live units only where that pays and changes no bit; it reports
// whether it ran. The live units' rows of dW are copied out, updated and
// copied back, the others left as they are. The rows go in pairs, as in
// the full product (an even number of units; see above), padded with a
// dead unit; dZᵀ is laid out by rows where the layout gives the same
// bits, else by columns, as the full product reads it in place.
func (l *Dense) addOuterLive(gw, d, xp []float32, rows int) bool {
	k := l.skip
	if l.Act != ReLU || l.In < deadSkipCols || l.Out%2 != 0 || !k.liveCols(d, rows, l.Out) {
		return false
	}
	if len(k.live)%2 == 1 {
		k.live = append(k.live, k.deadOne())
	}
	nk, in := len(k.live), l.In
	y := k.y[:nk*in]
	for i, o := range k.live {
		copy(y[i*in:(i+1)*in], gw[int(o)*in:(int(o)+1)*in])
	}
	if gemmLayoutFree(nk, in, rows) {
		a := k.a[:nk*rows]
		for i, o := range k.live {
			dst := a[i*rows : (i+1)*rows]
			for r := range dst {
				dst[r] = d[r*l.Out+int(o)]
			}
		}
		gemmPanels(nk, in, rows, a, rows, 1, xp, y, in)
	} else {
		gemmPanels(nk, in, rows, k.gatherCols(d, rows, l.Out), 1, nk, xp, y, in)
	}
	for i, o := range k.live {
		copy(gw[int(o)*in:(int(o)+1)*in], y[i*in:(i+1)*in])
	}
	return true
}

// deadOne returns a dead column: the first one not in s.live (which holds
// fewer than all, in order).
func (s *deadSkip) deadOne() int32 {
	for i, k := range s.live {
		if k != int32(i) {
			return int32(i)
		}
	}
	return int32(len(s.live))
}
