package tui

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"
)

// sampleView is what the samples panel shows; v cycles through them.
type sampleView int

const (
	viewHist sampleView = iota // the histogram against the expected counts
	viewQQ                     // generated quantiles against the target's
	viewGZ                     // the curve G(z), for 1-D noise
	numViews
)

// next is the view after v that s can show: G(z) only when the session
// has a curve for it.
func (v sampleView) next(s *session.Snapshot) sampleView {
	n := (v + 1) % numViews
	if n == viewGZ && !drawsGZ(s) {
		n = viewHist
	}
	return n
}

// braille is a plot area of braille cells, 2×4 dots each, with a style
// per cell: the last style set on a cell wins.
type braille struct {
	w, h  int
	bits  []uint8
	style []*lipgloss.Style
	marks []rune // a glyph in place of the dots, such as ▲ for a point cut off
}

func newBraille(w, h int) *braille {
	return &braille{w: w, h: h, bits: make([]uint8, w*h), style: make([]*lipgloss.Style, w*h), marks: make([]rune, w*h)}
}

// dotBits are the braille bits by dot column and row.
var dotBits = [2][4]uint8{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

// dot sets the dot at (x, y) in dot units, y down from the top.
func (b *braille) dot(x, y int, st *lipgloss.Style) {
	if x < 0 || y < 0 || x >= 2*b.w || y >= 4*b.h {
		return
	}
	i := (y/4)*b.w + x/2
	b.bits[i] |= dotBits[x%2][y%4]
	b.style[i] = st
}

// mark puts glyph r in cell (c, r).
func (b *braille) mark(c, row int, r rune, st *lipgloss.Style) {
	if c >= 0 && row >= 0 && c < b.w && row < b.h {
		b.marks[row*b.w+c], b.style[row*b.w+c] = r, st
	}
}

// plot puts a point of value v on scale s at x, in dot units across: a
// dot, or where v lies beyond the plot (dotY), ▲ or ▼ in x's column on
// the edge it left by, so a value cut off is not read as one on the
// edge. It returns the point's row of dots, clamped to the plot, and the
// side it lies beyond: 1 above, -1 below, 0 on the plot.
func (b *braille) plot(x int, v float64, s scale, st *lipgloss.Style) (y, side int) {
	y, side = s.dotY(v, 4*b.h)
	switch side {
	case 1:
		b.mark(x/2, 0, clipGlyph, st)
	case -1:
		b.mark(x/2, b.h-1, '▼', st)
	default:
		b.dot(x, y, st)
	}
	return y, side
}

// line draws a line of dots between two points in dot units.
func (b *braille) line(x0, y0, x1, y1 int, st *lipgloss.Style) {
	n := max(abs(x1-x0), abs(y1-y0))
	for i := 0; i <= n; i++ {
		t := 0.0
		if n > 0 {
			t = float64(i) / float64(n)
		}
		b.dot(int(math.Round(float64(x0)+t*float64(x1-x0))), int(math.Round(float64(y0)+t*float64(y1-y0))), st)
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// rows renders the plot a line at a time.
func (b *braille) rows() []string {
	g := newGrid(b.h, b.w)
	for i := range b.bits {
		switch {
		case b.marks[i] != 0:
			g.set(i/b.w, i%b.w, b.marks[i], b.style[i])
		case b.bits[i] != 0:
			g.set(i/b.w, i%b.w, rune(0x2800+int(b.bits[i])), b.style[i])
		}
	}
	out := make([]string, b.h)
	for r := range out {
		out[r] = g.row(r)
	}
	return out
}

// scale maps values from [lo, hi] onto n dots, the first at lo.
type scale struct{ lo, hi float64 }

func (s scale) at(v float64, n int) int {
	return int(math.Round((v - s.lo) / (s.hi - s.lo) * float64(n-1)))
}

// dotY is v's row on scale s over n dots, 0 at the top, and the side of
// them v lies beyond: 1 above (NaN too, which has no place on them), -1
// below, 0 on them. The row is clamped to the n dots: on a scale wider
// than float64 holds (MaxFloat64 to +Inf) a value's row is no number.
func (s scale) dotY(v float64, n int) (y, side int) {
	switch {
	case math.IsNaN(v) || v > s.hi:
		return 0, 1
	case v < s.lo:
		return n - 1, -1
	}
	return min(n-1, max(0, n-1-s.at(v, n))), 0
}

// fitScale spans the target's values ts and the values vs that fall within
// a target width of them, so a wild value does not squash the rest (it is
// cut at the edge instead), with a little air.
func fitScale(ts, vs []float64) scale {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range ts {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if !(hi > lo) {
		lo, hi = lo-1, hi+1
	}
	if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		lo, hi = -1, 1
	}
	span := hi - lo
	for _, v := range vs {
		if v >= lo-span && v <= hi+span {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	pad := (hi - lo) * 0.04
	return scale{lo - pad, hi + pad}
}

// yAxis is a plot's y axis: its rows' labels and the gutter that holds
// them, worked out before the plot, whose columns are what the gutter
// leaves of its width.
type yAxis struct {
	labels []string // one a row, "" where a row has none
	step   float64  // the round step they are at (yLabelsStep)
	width  int      // the gutter's cells: its widest label and a space, axisGutter at least
}

// maxYLabel is the widest y label a plot widens its gutter for: -52000
// and -1234.5 have room, a wider label is left out (gutter). A gutter of
// four cells would leave out every label of normal(-1234,0.5)'s Q-Q and
// G(z) plots, which would then have no y scale, and label
// normal(20000,5000)'s at its ends and middle, 33k, 20k and 7440, no
// round step fitting.
const maxYLabel = 8

// yAxisOf labels the rows of a plot on scale s (yLabelsStep) and makes
// its gutter as wide as they need: axisGutter, as before, for a label of
// four cells or fewer, up to maxYLabel and a space.
func yAxisOf(s scale, rows int) yAxis {
	labels, step := yLabelsStep(s, rows)
	w := axisGutter - 1
	for _, l := range labels {
		if n := lipgloss.Width(l); n <= maxYLabel {
			w = max(w, n)
		}
	}
	return yAxis{labels: labels, step: step, width: w + 1}
}

// label puts each row's label in the gutter before the row.
func (a yAxis) label(lines []string) []string {
	for r, label := range a.labels {
		lines[r] = gutter(label, a.width) + lines[r]
	}
	return lines
}

// xAxis is the plot's line of x labels, from lo to hi over cols columns,
// under its gutter.
func (a yAxis) xAxis(lo, hi float64, cols int) string {
	return styleMuted.Render(strings.Repeat(" ", a.width) + xLabels(lo, hi, cols))
}

// yLabelsStep labels the rows of a plot on scale s at round values, as
// the line charts' axes are, and gives the step its labels are at: a
// step of 1, 2 or 5 times a power of ten, a label every two rows or more
// but at least two labels, each on the row its value's dots fall in,
// each in its fewest digits as the x labels under it are (axisNum,
// trimZeros: 2, 1.5, 1, not 2.0, 1.5, 1.0). A step whose labels would
// share rows is widened. Of the steps, the first whose labels are the
// narrowest wins, four cells or fewer counting as four, so a plot whose
// labels fit the gutter's four cells keeps them: normal(-1234,0.5)'s are
// -1235, -1234 and -1233, not -1234.5 a half step apart. Where no round
// step gives two labels of maxYLabel cells or fewer, the top, middle and
// bottom rows get their values as they are (shortNum), and the step is
// 0, as it is where there are no labels.
func yLabelsStep(s scale, rows int) ([]string, float64) {
	labels := make([]string, rows)
	if rows < 1 || !(s.hi > s.lo) {
		return labels, 0
	}
	var best []string
	bestStep, bestW := 0.0, maxYLabel+1
	step := twoTicks(s.lo, s.hi, niceStep((s.hi-s.lo)/math.Max(1, float64(rows)/2)))
	for ; len(yTicks(s.lo, s.hi, step)) >= 2 && bestW > axisGutter-1; step = niceStep(step * 1.5) {
		clear(labels)
		n, w := 0, axisGutter-1
		for _, v := range yTicks(s.lo, s.hi, step) {
			r := (4*rows - 1 - s.at(v, 4*rows)) / 4
			if r < 0 || r >= rows || labels[r] != "" {
				continue
			}
			labels[r] = trimZeros(axisNum(v, step))
			w = max(w, len(labels[r]))
			n++
		}
		if n >= 2 && w < bestW {
			best, bestStep, bestW = slices.Clone(labels), step, w
		}
	}
	if best != nil {
		return best, bestStep
	}
	clear(labels)
	labels[0], labels[rows-1] = shortNum(s.hi), shortNum(s.lo)
	if mid := (rows - 1) / 2; mid > 0 && mid < rows-1 {
		labels[mid] = shortNum((s.lo + s.hi) / 2)
	}
	return labels, 0
}

// shortNum writes an axis value in at most four cells where it can, as
// the rest of the screen writes numbers (numtext.Plainly): 1000, 5e-5,
// where %g's 1e+03 and 5e-05 would not fit and would read 1k and 0; a
// value from 1000 whose digits do not fit as compact does (12k, -1.2k);
// else in one significant digit, seven cells at most (1e100, -0.05,
// -3e-310), never rounded to 0 as compact, which writes counts, would
// round them (-0.05 to -0, 1e-10 to 0).
func shortNum(v float64) string {
	for _, p := range []int{3, 2, 1} {
		if s := numtext.Plainly(cleanZero(v), p); len(s) <= 4 {
			return s
		}
	}
	if math.Abs(v) >= 1000 {
		if s := compact(v); len(s) <= len(numtext.Plainly(v, 1)) {
			return s
		}
	}
	return numtext.Plainly(v, 1)
}

// qqDiagPlain is the Q-Q diagonal's glyph where there is no colour.
const qqDiagPlain = '·'

// qqDiagMark is the mark the Q-Q view's legend draws its diagonal with,
// and the glossary names it by: the braille line's ⠑, or qqDiagPlain
// without colour.
func qqDiagMark() string {
	if noColour() {
		return string(qqDiagPlain)
	}
	return "⠑"
}

// qqPlot draws the generated quantiles (up) against the target's (across),
// with the diagonal where they agree; quantiles beyond the plot are marked
// ▲ or ▼ on its edge. A pinned baseline's quantiles (base, nil for none)
// lie under the live run's as faint dots (braille.layer), ghostGlyph where
// there is no colour, as the charts draw a baseline's curves. It returns
// rows lines and one of x labels, and how many of the live run's
// quantiles were cut off. A quantile NaN or infinite, a diverged G's,
// lies nowhere: neither drawn nor marked nor counted cut off (marked ▲
// and counted beyond, NaN would read as above the plot); the panel's
// title counts the samples NaN or infinite apart.
func qqPlot(qq, base []engine.QQPoint, width, rows int) ([]string, int) {
	if rows < 2 || len(qq) == 0 {
		return blankLines(width, rows+1), 0
	}
	ts, gs := make([]float64, len(qq)), make([]float64, 0, len(qq)+len(base))
	for i, p := range qq {
		ts[i], gs = p.Target, append(gs, p.Gen)
	}
	for _, p := range base {
		gs = append(gs, p.Gen)
	}
	sc := fitScale(ts, gs)
	ax := yAxisOf(sc, rows)
	cols := width - ax.width
	if cols < 2 {
		return blankLines(width, rows+1), 0
	}
	b := newBraille(cols, rows)
	xd, yd := 2*cols, 4*rows
	// The diagonal Gen = Target. Without colour its dots would merge
	// with the quantiles' in one glyph, and a quantile on the diagonal
	// could not be told from none: there it is drawn qqDiagPlain in the
	// cells the quantiles leave empty.
	plain := noColour()
	diag := b
	if plain {
		diag = newBraille(cols, rows)
	}
	diag.line(0, yd-1, xd-1, 0, &styleExp)
	ghost := newBraille(cols, rows)
	for _, p := range base {
		if y, side := sc.dotY(p.Gen, yd); finite(p.Gen, p.Target) && side == 0 {
			ghost.dot(sc.at(p.Target, xd), y, &styleGhost)
		}
	}
	live := newBraille(cols, rows)
	cut := 0
	for _, p := range qq {
		if !finite(p.Gen, p.Target) {
			continue
		}
		if _, side := live.plot(sc.at(p.Target, xd), p.Gen, sc, &styleBar); side != 0 {
			cut++
		}
	}
	b.layer(ghost, live)
	if plain {
		for i, bits := range diag.bits {
			if bits != 0 && b.bits[i] == 0 && b.marks[i] == 0 {
				b.marks[i], b.style[i] = qqDiagPlain, &styleExp
			}
		}
	}
	return append(ax.label(b.rows()), ax.xAxis(sc.lo, sc.hi, cols)), cut
}

// layer draws a baseline's dots (ghost) and then the live run's (live)
// over what b holds, a reference such as the Q-Q diagonal or the G(z)
// band: the ghost's in the cells the live run leaves empty, in place of
// the reference, which would otherwise hide a baseline that lay on it,
// and without colour as ghostGlyph, whose braille would read as the live
// run's; the live run's in its own style, beside the reference's dots in
// a cell they share, over its marks.
func (b *braille) layer(ghost, live *braille) {
	for i := range b.bits {
		switch {
		case live.bits[i] != 0 || live.marks[i] != 0:
			b.bits[i] |= live.bits[i]
			b.marks[i], b.style[i] = live.marks[i], live.style[i]
		case ghost.bits[i] != 0:
			b.bits[i], b.marks[i], b.style[i] = ghost.bits[i], 0, &styleGhost
			if noColour() {
				b.marks[i] = ghostGlyph
			}
		}
	}
}

// gzPlot draws G's output x = G(z) (up) over its noise z (across), with the
// target's central 98% between dotted lines: a curve that is flat ignores the
// noise; one that spans the band maps noise onto the target. A pinned
// baseline's curve (base, nil for none) lies under the live one's in faint
// dots, as the Q-Q plot draws its quantiles (layer). The y scale is fitted to
// the band (fitScale), and outputs beyond it are marked ▲ or ▼ on its edge, as
// the Q-Q plot's quantiles are, so that a G run away to 0 from
// normal(-1234,0.5) does not draw an unmarked flat line along the top row,
// read as its output. An output NaN or infinite, a diverged G's, lies nowhere:
// neither drawn nor marked, the curve broken there, and counted apart from
// those beyond the plot, not marked ▲ and counted beyond, as if above it. It
// returns rows lines and one of x labels, how many of the live run's outputs
// lie beyond the plot, and how many are NaN or infinite.
func gzPlot(gz, base []session.ZX, qq []engine.QQPoint, width, rows int) (lines []string, cut, notFinite int) {
	for _, p := range gz {
		if !finite(p.X, p.Z) {
			notFinite++
		}
	}
	if rows < 2 || len(gz) < 2 {
		return blankLines(width, rows+1), 0, notFinite
	}
	var ts []float64
	for _, p := range qq {
		if p.P == 0.01 || p.P == 0.99 {
			ts = append(ts, p.Target)
		}
	}
	xs := make([]float64, 0, len(gz)+len(base))
	for _, p := range gz {
		xs = append(xs, p.X)
	}
	if len(ts) < 2 {
		ts = xs[:len(gz)]
	}
	for _, p := range base {
		xs = append(xs, p.X)
	}
	sy := fitScale(ts, xs)
	sz := scale{gz[0].Z, gz[len(gz)-1].Z}
	ax := yAxisOf(sy, rows)
	cols := width - ax.width
	if cols < 2 {
		return blankLines(width, rows+1), 0, notFinite
	}
	b := newBraille(cols, rows)
	xd, yd := 2*cols, 4*rows
	for _, t := range ts[:min(2, len(ts))] {
		row := (yd - 1 - sy.at(t, yd)) / 4
		for c := range cols {
			b.mark(c, row, '┈', &styleExp)
		}
	}
	// The baseline's curve, broken where it leaves the plot: its outputs
	// beyond it are not marked, the ▲▼ on the edge being the live run's.
	ghost := newBraille(cols, rows)
	gx, gy := -1, 0
	for _, p := range base {
		y, side := sy.dotY(p.X, yd)
		if !finite(p.X, p.Z) || side != 0 {
			gx = -1
			continue
		}
		x := sz.at(p.Z, xd)
		if gx >= 0 {
			ghost.line(gx, gy, x, y, &styleGhost)
		}
		ghost.dot(x, y, &styleGhost)
		gx, gy = x, y
	}
	live := newBraille(cols, rows)
	px, py, pside := -1, 0, 0
	for _, p := range gz {
		if !finite(p.X, p.Z) { // nowhere: the curve breaks here
			px = -1
			continue
		}
		x := sz.at(p.Z, xd)
		y, side := live.plot(x, p.X, sy, &styleG)
		if side != 0 {
			cut++
		}
		// The curve runs to the edge where it leaves the plot, and not
		// along it between two outputs beyond one side.
		if px >= 0 && (side == 0 || side != pside) {
			live.line(px, py, x, y, &styleG)
		}
		px, py, pside = x, y, side
	}
	b.layer(ghost, live) // the curves' dots win over the band's dotted lines
	return append(ax.label(b.rows()), ax.xAxis(sz.lo, sz.hi, cols)), cut, notFinite
}
