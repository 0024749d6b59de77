package tui

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/engine"
)

// Glyphs of the histogram plot.
var (
	eighths    = [...]rune{' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'}
	dotGlyphs  = [...]rune{'⡀', '⠄', '⠂', '⠁'} // D(x): four dot heights per cell, bottom first
	axisGutter = 5                             // left gutter for the count scale, and the least of a y axis's (yAxisOf)
)

// Glyphs with a meaning of their own, named in the legends.
const (
	expGlyph   = '░' // the expected count, in the cells above a bar that falls short of it
	clipGlyph  = '▲' // a bar taller than the plot, cut at its top
	ghostGlyph = '╌' // the pinned baseline's count, above a bar lower than it
)

// capFactor caps the count scale at this multiple of the largest expected
// count, so that one tall spike does not squash everything else.
const capFactor = 3

// dStripRows is the height of the D(x) strip: 0 on its bottom row, ½ on
// its middle row, 1 on its top row.
const dStripRows = 3

// plot is the samples panel's histogram at one size: its lines and what
// its title needs to know.
type plot struct {
	lines  []string
	capped bool // the count scale is cut at capFactor × the expected peak
}

// histPlot draws a histogram as vertical bars, one column per bin: the
// generated counts as bars that nothing overwrites, the target's expected
// count as ░ in the cells above a bar that falls short of it, then, when
// curve is not nil, D(x) in a strip of its own (0, ½ and 1 marked) and,
// when push is not nil, the push dD/dx where there are generated samples,
// all on one x axis, labelled on the last line; a pinned baseline's counts
// (ghost, per column; nil for none) show as ╌ at their height above the
// bars. It returns rows lines of plot plus one of x-axis labels, each
// exactly width cells wide.
//
// A histogram with another number of bins than there are columns (a
// keyframe's 400, or the last one for a moment after a resize) is spread
// over them by columnsOf, so every column is as wide as the title says.
func histPlot(h engine.Histogram, curve, push, ghost []float64, critic bool, width, rows int) plot {
	cols := width - axisGutter
	rows = max(1, rows)
	if cols < 1 || len(h.Counts) == 0 {
		return plot{lines: blankLines(width, rows+1)}
	}
	bars := columnsOf(h, cols)
	strips := histStrips(curve, push, rows)
	if strips == 0 {
		curve, push = nil, nil
	}
	barRows := rows - strips

	peak, most := 0.0, 0.0
	for c, n := range bars.counts {
		peak, most = math.Max(peak, bars.expected[c]), math.Max(most, n)
	}
	top, capped := math.Max(1, math.Max(peak, most)*1.05), false
	if peak > 0 && most > capFactor*peak {
		top, capped = capFactor*peak, true
	}

	grid := newGrid(barRows, cols)
	for c := range cols {
		n := bars.counts[c]
		bar := eighthsOf(n, top, barRows)
		for level := range barRows {
			if fill := bar - level*8; fill > 0 {
				grid.set(barRows-1-level, c, eighths[min(8, fill)], &styleBar)
			}
		}
		if n > top {
			grid.set(0, c, clipGlyph, &styleBar)
		}
		e := bars.expected[c] / top * float64(barRows)
		for level := (bar + 7) / 8; level < barRows && float64(level)+0.5 <= e; level++ {
			grid.set(barRows-1-level, c, expGlyph, &styleExp)
		}
		// The baseline's count marks the cell its own bar would top, when
		// that cell is above this bar; an empty baseline bin has no bar
		// and no mark.
		if c < len(ghost) && ghost[c] > 0 {
			if level := (eighthsOf(ghost[c], top, barRows) - 1) / 8; level >= (bar+7)/8 {
				grid.set(barRows-1-level, c, ghostGlyph, &styleGhost)
			}
		}
	}

	lines := make([]string, 0, rows+1)
	for r := range barRows {
		label := ""
		switch r {
		case 0:
			label = compact(top)
		case barRows - 1:
			label = "0"
		}
		lines = append(lines, gutter(label, axisGutter)+grid.row(r))
	}
	if curve != nil {
		lines = append(lines, dStrip(curve, critic, cols)...)
	}
	if push != nil {
		lines = append(lines, pushStrip(push, bars.counts, cols))
	}
	lines = append(lines, styleMuted.Render(strings.Repeat(" ", axisGutter)+xLabels(h.Lo, h.Hi, cols)))
	return plot{lines: lines, capped: capped}
}

// eighthsOf is the height in eighths of a cell of a bar of n samples on
// rows rows topped at top: a bin with samples is never drawn empty.
func eighthsOf(n, top float64, rows int) int {
	bar := int(math.Round(math.Min(n, top) / top * float64(rows*8)))
	if n > 0 && bar == 0 {
		bar = 1
	}
	return bar
}

// histStrips is the number of rows histPlot gives the D(x) strip and the
// push on a plot of rows rows: none, when the bars would keep fewer than
// three (bars first).
func histStrips(curve, push []float64, rows int) int {
	strips := 0
	if curve != nil {
		strips += dStripRows
	}
	if push != nil {
		strips++
	}
	if rows-strips < 3 {
		return 0
	}
	return strips
}

// gutter writes an axis label right-aligned in a plot's left gutter of
// w cells, a label and a space, or leaves it out where it is wider: every
// row of a plot is as wide as its first, which the plane's notes are
// placed by; a label one cell wider would push its row of the plot one
// cell right. The histogram's gutter is axisGutter, its columns the
// session's bins, its labels counts (compact) and words that fit; the
// other plots' is their y axis's (yAxisOf).
func gutter(label string, w int) string {
	if lipgloss.Width(label) > w-1 {
		label = ""
	}
	return styleMuted.Render(padLeft(label, w-1) + " ")
}

// dStrip draws D(x) as dots in dStripRows rows, 0 at the bottom, 1 at the
// top, with ½ marked by a dotted line across the middle row. A critic's
// score (the Wasserstein and hinge losses) is no probability: it is drawn
// from its lowest value to its highest,
// the rows labelled max and min and the dotted line at their middle; the
// legend gives the two values (scoreRange), which a 4-cell label could
// not (a WGAN critic's ±0.012 would read -0).
func dStrip(curve []float64, critic bool, cols int) []string {
	g := newGrid(dStripRows, cols)
	dots := dStripRows*4 - 1
	lo, hi := 0.0, 1.0
	labels := []string{"1", "½", "0"}
	if clo, chi, ok := scoreRange(curve, critic); ok {
		lo, hi = clo, math.Max(chi, clo+1e-9)
		labels = []string{"max", "", "min"}
	}
	for c := range cols {
		g.set(dStripRows/2, c, '┈', &styleFaint)
		d := curve[min(len(curve)-1, c*len(curve)/cols)]
		if math.IsNaN(d) {
			continue
		}
		lvl := int(math.Round(math.Min(1, math.Max(0, (d-lo)/(hi-lo))) * float64(dots)))
		g.set(dStripRows-1-lvl/4, c, dotGlyphs[lvl%4], &styleCurve)
	}
	out := make([]string, dStripRows)
	for r := range out {
		l := ""
		if r < len(labels) {
			l = labels[r]
		}
		if r == dStripRows/2 {
			l = "D " + l
		}
		out[r] = gutter(l, axisGutter) + g.row(r)
	}
	return out
}

// scoreRange is the range of D's curve when it is a critic's score
// (critic: the design's loss is unbounded), not a probability, whatever
// values it takes (a clipped critic's may lie within [0, 1]).
func scoreRange(curve []float64, critic bool) (lo, hi float64, ok bool) {
	lo, hi, ok = finiteRange(curve)
	return lo, hi, ok && critic
}

// pushStrip draws the push D gives G's samples, dD/dx, where the histogram
// has generated samples (pushMarks).
func pushStrip(push []float64, counts []float64, cols int) string {
	g := newGrid(1, cols)
	for c, r := range pushMarks(push, counts, cols) {
		if r != 0 {
			g.set(0, c, r, &stylePush)
		}
	}
	return gutter("push", axisGutter) + g.row(0)
}

// pushMarks are the push strip's marks, one a column of cols: ▶ or ◀ for
// a push to the right or left at least half as strong as the strongest,
// ▸ or ◂ for a weaker one, · for next to none, 0 (nothing) where there
// are no samples.
func pushMarks(push []float64, counts []float64, cols int) []rune {
	at := func(c, n int) int { return min(n-1, c*n/cols) }
	most := 0.0
	for c := range cols {
		if counts[at(c, len(counts))] > 0 {
			most = math.Max(most, math.Abs(push[at(c, len(push))]))
		}
	}
	marks := make([]rune, cols)
	for c := range cols {
		if counts[at(c, len(counts))] == 0 {
			continue
		}
		p := push[at(c, len(push))]
		r := '·'
		switch m := math.Abs(p) / most; {
		case math.IsNaN(m) || m < 0.1:
		case m >= 0.5 && p > 0:
			r = '▶'
		case m >= 0.5:
			r = '◀'
		case p > 0:
			r = '▸'
		default:
			r = '◂'
		}
		marks[c] = r
	}
	return marks
}

// pushLegend is the mark the legend names the push strip by: the first of ▶ ◀
// ▸ ◂ · the strip draws, 0 where it draws none (no samples in range), so that
// the strip of a push all to the left is named ◀, not ▶.
func pushLegend(marks []rune) rune {
	for _, r := range "▶◀▸◂·" {
		if slices.Contains(marks, r) {
			return r
		}
	}
	return 0
}

// grid is a block of styled cells, rendered a line at a time.
type grid struct {
	cells [][]cell
}

type cell struct {
	r     rune
	style *lipgloss.Style
}

func newGrid(rows, cols int) grid {
	g := grid{cells: make([][]cell, rows)}
	for r := range g.cells {
		g.cells[r] = make([]cell, cols)
	}
	return g
}

func (g grid) set(r, c int, ch rune, st *lipgloss.Style) {
	if r >= 0 && r < len(g.cells) && c >= 0 && c < len(g.cells[r]) {
		g.cells[r][c] = cell{ch, st}
	}
}

// row renders line r, each run of one style with one Render call: far
// cheaper than a call per cell.
func (g grid) row(r int) string {
	row := g.cells[r]
	var sb, run strings.Builder
	for i := 0; i < len(row); {
		j := i
		run.Reset()
		for j < len(row) && row[j].style == row[i].style {
			ch := row[j].r
			if ch == 0 {
				ch = ' '
			}
			run.WriteRune(ch)
			j++
		}
		if row[i].style == nil {
			sb.WriteString(run.String())
		} else {
			sb.WriteString(row[i].style.Render(run.String()))
		}
		i = j
	}
	return sb.String()
}

// xLabels places tick values under the plot at round steps of x, each
// centred on its column, or shifted in at an edge (-5 at the first); at
// least two where the range holds two round values, as the y axes have,
// so that ring's plane at 80×24 does not get an x axis of one label, 0,
// its step of 5 wider than the ±2.5 shown.
func xLabels(lo, hi float64, cols int) string { return spacedXLabels(lo, hi, cols, 8) }

// spacedXLabels is xLabels with a label about every spacing columns at
// most: the plane's square plot, where its y axis's step leaves x's
// labels no room, takes 6 (planeLabelSpacing).
func spacedXLabels(lo, hi float64, cols, spacing int) string {
	step := twoTicks(lo, hi, niceStep((hi-lo)/math.Max(1, float64(cols)/float64(spacing))))
	line, _ := xLabelsAt(lo, hi, cols, step)
	return line
}

// xLabelsAt places the labels of x at each multiple of step in [lo, hi]
// (yTicks, so that a range from −Inf labels −Inf once, not without end)
// that has room, and tells whether every one has. Each is written as the
// y axes write theirs (axisNum), in its fewest digits: -2, 0.5, 1.5e-300,
// where a range at 1e-300 would otherwise get labels of 300 decimals,
// none with room, and one 1e-310 wide labels of NaN.
func xLabelsAt(lo, hi float64, cols int, step float64) (string, bool) {
	line := []rune(strings.Repeat(" ", cols))
	all := true
	last := -1 // last column written, to keep labels apart
	for _, x := range yTicks(lo, hi, step) {
		s := trimZeros(axisNum(x, step))
		c := int(math.Round((x - lo) / (hi - lo) * float64(cols-1)))
		start := min(max(0, c-len(s)/2), cols-len(s)) // at an edge, shifted in: the label still spans its column
		if start <= last || start < 0 || c < start || c >= start+len(s) {
			all = false
			continue
		}
		copy(line[start:], []rune(s))
		last = start + len(s)
	}
	return string(line), all
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if !(raw > 0) {
		return 1
	}
	p := math.Pow(10, decade(raw))
	for _, m := range [...]float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// decade is ⌊log₁₀ s⌋ of a positive s, the exponent of the power of ten
// at or below it, within float64's reach: 308 for s past MaxFloat64
// (+Inf), and at least −323, whose power is the least but one denormal
// (10^−324 is 0). A denormal's is its own (log10): math.Log10's would put
// 5e-324's round step below at 5e-309.
func decade(s float64) float64 {
	return math.Max(-323, math.Floor(log10(math.Min(s, math.MaxFloat64))))
}

func padLeft(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

func blankLines(w, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Repeat(" ", max(0, w))
	}
	return out
}
