package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// The 2-D view. For a two-dimensional target the samples panel shows the
// plane, square, as GAN Lab does: D's decision surface shaded behind, the
// target's reference sample, G's samples as braille dots over it, and
// short lines at a few samples for the way D pushes them. Beside it, for
// a target of modes (ring, grid), a mode map: one cell per mode, placed
// like the modes, shaded by its share of the samples.

// planeLayer is one thing the plane plot draws, bottom to top. A cell
// shows the dots of one layer, mostly the top-most with dots in it
// (planeCanvas.shown), so G's samples are never mixed with the target's
// in one glyph.
type planeLayer int

const (
	layerRef   planeLayer = iota // the target's reference sample
	layerGhost                   // a pinned baseline's samples
	layerGen                     // G's samples
	layerPush                    // D's push: a short line from a sample
	numLayers
)

// layerStyles colours each layer as the 1-D view colours the same thing.
var layerStyles = [numLayers]*lipgloss.Style{&styleExp, &styleGhost, &styleBar, &stylePush}

// plainGlyphs stand for a layer's dots where there is no colour (NO_COLOR,
// or a terminal without it): there the target's and the baseline's dots
// would look like G's, so their cells show a glyph of their own; the
// push's cells show a line glyph along it (planeCanvas.stroke).
var plainGlyphs = [numLayers]rune{'+', ghostGlyph, 0, 0}

// clumpRow is planeStyles' row for a cell crowded with G's samples
// (crowdFactor), drawn in styleClump: where G piles its samples up, as on the
// modes it has found, the plane shows it, which dots alone do not (a cell of
// one sample looks as full as one of a hundred: ring at 80% high quality would
// be a ring of even dots, not 8 modes).
const clumpRow = int(numLayers) + 1

// crowdFactor is how many times the mean count of G's samples over the
// cells holding any of them or of the target's makes a cell crowded: a
// cloud spread evenly over the target, at any size of the plot, has
// none; a mode G piles onto stands out of the samples strewn between,
// and a G collapsed to a point out of the target it leaves bare. A share
// of all the samples (clumpShare) would light most of a well-spread cloud
// at 80×24, whose few cells each hold over 1%.
const crowdFactor = 3

// crowded is the count of G's samples that makes a cell crowded.
func (c *planeCanvas) crowded() int {
	cells := 0
	for i, n := range c.gen {
		if n > 0 || c.dots[layerRef][i] != 0 {
			cells++
		}
	}
	if cells == 0 {
		return math.MaxInt
	}
	return int(math.Ceil(crowdFactor * float64(c.genIn) / float64(cells)))
}

// planeStyles are every layer's style (index 0: no layer; clumpRow a
// clump of G's) over every shade of the surface, made once so that runs
// of like cells share a pointer.
var planeStyles = func() (out [clumpRow + 1][len(colSurface)]lipgloss.Style) {
	for l := range out {
		base := lipgloss.NewStyle()
		switch {
		case l == clumpRow:
			base = styleClump
		case l > 0:
			base = *layerStyles[l-1]
		}
		for k, c := range colSurface {
			out[l][k] = base.Background(c)
		}
	}
	return out
}()

// surfaceShade is the shade of D's score d: 0 sure it is fake … 4 sure it
// is real, 2 (no shade) around ½ or for no score.
func surfaceShade(d float64) int {
	if math.IsNaN(d) {
		return len(colSurface) / 2
	}
	d = math.Min(1, math.Max(0, d))
	return min(len(colSurface)-1, int(d*float64(len(colSurface))))
}

// noColour tells whether the screen draws without colour, where the
// plane's layers and surface need glyphs of their own.
func noColour() bool { return lipgloss.ColorProfile() == termenv.Ascii }

// noShades tells whether D's surface is drawn as its boundary D = ½
// rather than shaded: without colour, and in 16 colours, whose blue and
// red backgrounds are no faint shades but the very colours of G's samples
// and the target's, which vanished over them.
func noShades() bool { p := lipgloss.ColorProfile(); return p == termenv.Ascii || p == termenv.ANSI }

// planeCanvas is the plane plot being drawn: cols×rows cells of braille
// over box, a layer's dots per cell.
type planeCanvas struct {
	box        engine.Box
	cols, rows int
	dots       [numLayers][]uint8
	// stroke is, per cell, the line glyph of the push drawn through it
	// (─ │ ╱ ╲ by its direction), which stands for the push's dots where
	// there is no colour to tell them from G's.
	stroke []rune
	// gen counts G's samples per cell, and genIn those in the box;
	// refN counts the target's points per cell, and refIn those in the
	// box.
	gen, refN    []int
	genIn, refIn int
	// base counts a pinned baseline's samples per cell, and baseAll
	// those drawn, in the box or not, as genAll G's.
	base    []int
	baseAll int
	// edgeN counts, per cell on the box's edge, G's samples beyond it
	// there by the side they left by (in the order of edgeGlyphs): a
	// corner cell takes those beyond two sides; genAll counts G's
	// samples drawn, in the box or not.
	edgeN  [][len(edgeGlyphs)]int
	genAll int
	drawn  planeDrawn
}

// planeDrawn is what the plane plot drew that its title and legend name:
// how many of G's samples it leaves out beyond the box and how many
// that are not a number (NaN or infinite), which are nowhere, the marks that stand for them on its edge
// in the order of edgeGlyphs, whether a clump of G's samples is drawn in
// its own colour, the glyph of the first cell of D's push it draws,
// reading row by row (0 for none), whether a · of D's boundary
// D = ½ is drawn, and whether a cell shows a pinned baseline's samples.
// The legend names a mark only where it is drawn, so that
// grid's plane at 80×24 without colour, its cells full of samples, does
// not key "· D = ½" with no · on the plot, nor a baseline's ╌ where G's
// samples and the target's + cover every one of its cells.
type planeDrawn struct {
	beyond    int
	notFinite int
	marks     string
	clumps    bool
	push      rune
	boundary  bool
	ghost     bool
}

// edgeGlyphs mark a cell of the box's edge that G's samples lie beyond,
// by the side they left it: left, right, up, down. The charts mark a
// value beyond their range ▲ or ▼ at their edge, as the Q-Q plot does.
var edgeGlyphs = [4]rune{'◀', '▶', '▲', '▼'}

// clumpShare is the share of G's samples in the box that makes a cell a clump:
// it shows G's samples over D's push. The push starts at a few of G's samples,
// so a collapsed G, its samples in a few cells, would otherwise be drawn
// almost whole in the push's purple (as ╱ without colour); a spread cloud,
// mostly under a per cent a cell, keeps the push on top.
const clumpShare = 0.01

func newPlaneCanvas(box engine.Box, cols, rows int) *planeCanvas {
	c := &planeCanvas{box: box, cols: cols, rows: rows, stroke: make([]rune, cols*rows), gen: make([]int, cols*rows), refN: make([]int, cols*rows), base: make([]int, cols*rows), edgeN: make([][len(edgeGlyphs)]int, cols*rows)}
	for l := range c.dots {
		c.dots[l] = make([]uint8, cols*rows)
	}
	return c
}

// strokeGlyph is the line glyph closest to the direction (ux, uy), y
// down: a cell is about twice as tall as wide, which the dot units
// already account for.
func strokeGlyph(ux, uy float64) rune {
	a := math.Mod(math.Atan2(-uy, ux)+math.Pi, math.Pi) // the line's angle in [0, π)
	switch {
	case a < math.Pi/8 || a >= 7*math.Pi/8:
		return '─'
	case a < 3*math.Pi/8:
		return '╱'
	case a < 5*math.Pi/8:
		return '│'
	}
	return '╲'
}

// at is where (x, y) falls in dot units, y down from the top, and whether
// it falls in the box at all (a NaN does not).
func (c *planeCanvas) at(x, y float64) (dx, dy float64, ok bool) {
	b := c.box
	dx = (x - b.X0) / (b.X1 - b.X0) * float64(2*c.cols)
	dy = (b.Y1 - y) / (b.Y1 - b.Y0) * float64(4*c.rows)
	return dx, dy, dx >= 0 && dx < float64(2*c.cols) && dy >= 0 && dy < float64(4*c.rows)
}

// dot sets the dot at (x, y), in dot units, in layer l, and returns the
// index of its cell, or −1 when (x, y) is outside the canvas.
func (c *planeCanvas) dot(l planeLayer, x, y int) int {
	if x < 0 || y < 0 || x >= 2*c.cols || y >= 4*c.rows {
		return -1
	}
	cell := (y/4)*c.cols + x/2
	c.dots[l][cell] |= dotBits[x%2][y%4]
	return cell
}

// points draws the points xy (x₀, y₀, x₁, …) in layer l. G's samples beyond
// the box (engine.Box.Contains, as a figure counts them) are counted and
// marked on its edge (beyondAt), so that a runaway G's cloud, cut at the edge,
// shows where it went, not only a count. A point on the box's right or bottom
// edge is in it, drawn in the edge's cells. A sample not a number (NaN or
// infinite) lies nowhere: counted apart, never beyond the box, as a figure
// counts it, and an infinite one is not marked on its edge.
func (c *planeCanvas) points(l planeLayer, xy []float64) {
	for i := 0; i+1 < len(xy); i += 2 {
		dx, dy, _ := c.at(xy[i], xy[i+1])
		in := c.box.Contains(xy[i], xy[i+1])
		switch l {
		case layerGen:
			c.genAll++
		case layerGhost:
			c.baseAll++
		}
		switch {
		case l == layerGen && !finite(xy[i], xy[i+1]):
			c.drawn.notFinite++
		case !in && l == layerGen:
			c.beyondAt(dx, dy)
		case in:
			dx, dy = min(dx, float64(2*c.cols-1)), min(dy, float64(4*c.rows-1))
			switch cell := c.dot(l, int(max(dx, 0)), int(max(dy, 0))); {
			case cell >= 0 && l == layerGen:
				c.gen[cell]++
				c.genIn++
			case cell >= 0 && l == layerRef:
				c.refN[cell]++
				c.refIn++
			case cell >= 0 && l == layerGhost:
				c.base[cell]++
			}
		}
	}
}

// beyondAt counts a sample of G's at (dx, dy), in dot units, beyond the
// box, at the edge cell nearest it and the side it is farther beyond:
// the right for one off to the right, the top for one above it and only
// a little right.
func (c *planeCanvas) beyondAt(dx, dy float64) {
	c.drawn.beyond++
	w, h := float64(2*c.cols), float64(4*c.rows)
	ox := math.Max(-dx, dx-w) // how far beyond each side, in dots; ≤ 0 within
	oy := math.Max(-dy, dy-h)
	side := 0 // left
	switch {
	case oy > ox && dy < 0:
		side = 2
	case oy > ox:
		side = 3
	case dx >= w:
		side = 1
	}
	col := int(math.Min(math.Max(dx, 0), w-1)) / 2
	row := int(math.Min(math.Max(dy, 0), h-1)) / 4
	c.edgeN[row*c.cols+col][side]++
}

// finite tells whether the point (x, y) is a number to place, neither
// coordinate NaN or infinite.
func finite(x, y float64) bool {
	return !math.IsNaN(x) && !math.IsNaN(y) && !math.IsInf(x, 0) && !math.IsInf(y, 0)
}

// edgeMark is the mark of cell i on the box's edge, or 0: a cell is
// marked when a clump of G's samples lies beyond it (clumpShare of those
// drawn), so that a runaway cloud shows where it went and a wide one,
// thinning out past every side, does not wall the plot in marks that
// hide the dots of its edge. A corner cell is marked by the side most of
// its samples left by: by the side of the last sample drawn, a cloud gone
// off to the left past the bottom-left corner could read ▼ where one
// sample in a hundred of it is below the box.
func (c *planeCanvas) edgeMark(i int) rune {
	n, side := 0, 0
	for k, m := range c.edgeN[i] {
		n += m
		if m > c.edgeN[i][side] {
			side = k
		}
	}
	if n > 0 && float64(n) >= clumpShare*float64(c.genAll) {
		return edgeGlyphs[side]
	}
	return 0
}

// arrows draws D's push at each arrow as a line of dots from its sample
// the way D pushes it, longer where the push is stronger: up to most dots
// for the strongest, at least 2 so that every one shows a direction.
func (c *planeCanvas) arrows(as []session.Arrow, most int) {
	sx := float64(2*c.cols) / (c.box.X1 - c.box.X0) // dots per unit, across
	sy := float64(4*c.rows) / (c.box.Y1 - c.box.Y0) // and down
	strongest := 0.0
	for _, a := range as {
		if g := math.Hypot(a.DX*sx, a.DY*sy); g > strongest && !math.IsInf(g, 0) {
			strongest = g
		}
	}
	if !(strongest > 0) {
		return
	}
	for _, a := range as {
		x0, y0, ok := c.at(a.X, a.Y)
		g := math.Hypot(a.DX*sx, a.DY*sy)
		if !ok || !(g > 0) || math.IsInf(g, 0) {
			continue
		}
		n := max(2, int(math.Round(float64(most)*g/strongest)))
		ux, uy := a.DX*sx/g, -a.DY*sy/g
		glyph := strokeGlyph(ux, uy)
		for i := range n {
			if cell := c.dot(layerPush, int(x0+float64(i)*ux), int(y0+float64(i)*uy)); cell >= 0 {
				c.stroke[cell] = glyph
			}
		}
	}
}

// shortOfDue is the share of its due below which G falls short of the
// target in a cell (planeCanvas.short): under a quarter, as the mode
// map's faintest shade ░.
const shortOfDue = 0.25

// short tells whether G falls short of the target in cell i: the target
// has points there and G fewer than shortOfDue of its due there, its
// samples drawn times the target's share of points in the cell.
func (c *planeCanvas) short(i int) bool {
	return c.shortOf(i, c.gen[i], c.genAll)
}

// shortOf tells whether n of all samples drawn fall short of the target
// in cell i, as short tells it of G's.
func (c *planeCanvas) shortOf(i, n, all int) bool {
	if c.refN[i] == 0 {
		return false
	}
	due := float64(all) * float64(c.refN[i]) / float64(c.refIn)
	return float64(n) < shortOfDue*due
}

// shown is the layer whose dots cell i shows, or −1 for none: the top-most
// with dots in it, but for what a learner needs to see more than what is drawn
// over it. The target where G falls short of it (short) shows over all else,
// so that a mode G misses shows on the plane where the mode map marks it
// missed: drawn top-most first, ring at 80×24 would read ╱╱ there, D's push at
// G's few strays, and no + anywhere. There a pinned baseline that meets the
// target's due shows instead, a mode the base had and G has lost: under the
// target's + it would be hidden where it differs most from G (a base on ring's
// mode at (-2, 0), then r, read "+" there as if the base had missed it too).
// A clump of G's samples (clumpShare) shows over the push that starts in it.
func (c *planeCanvas) shown(i int) planeLayer {
	if c.short(i) {
		if c.base[i] > 0 && !c.shortOf(i, c.base[i], c.baseAll) {
			return layerGhost
		}
		return layerRef
	}
	clump := c.gen[i] > 0 && float64(c.gen[i]) >= clumpShare*float64(c.genIn)
	for l := numLayers - 1; l >= 0; l-- {
		if c.dots[l][i] != 0 && (l != layerPush || !clump) {
			return l
		}
	}
	return -1
}

// render writes the plot's rows with D's surface (SurfaceN×SurfaceN
// scores, row by row from the top; nil for none) shaded behind, and the
// cells crowded with G's samples (crowded) in their own blue. Without
// shades (bare), the surface is drawn as its boundary at its balance (½,
// or half the real label under label smoothing: surfaceBalance), a · in
// the empty cells where D says real beside one where it says fake, and
// no cell as crowded; without colour (plain), the layers' dots are
// glyphs of their own too. A critic's boundary is at its half-way score,
// whatever balance says.
func (c *planeCanvas) render(surface []float64, n int, critic bool, balance float64, plain, bare bool) []string {
	// A critic's score (Wasserstein, hinge) is no probability: its
	// surface is shaded from its lowest value to its highest, the
	// no-shade band at their middle, whatever range the scores have.
	lo, span := 0.0, 1.0
	if flo, fhi, ok := finiteRange(surface); ok && critic {
		lo, span = flo, math.Max(fhi-flo, 1e-9)
	}
	if critic || !(balance > 0 && balance < 1) {
		balance = 0.5
	}
	score := func(r, col int) float64 {
		if surface == nil || n <= 0 || len(surface) < n*n || r < 0 || col < 0 || r >= c.rows || col >= c.cols {
			return math.NaN()
		}
		return (surface[(r*n/c.rows)*n+col*n/c.cols] - lo) / span
	}
	crowd := c.crowded()
	g := newGrid(c.rows, c.cols)
	for r := range c.rows {
		for col := range c.cols {
			d := score(r, col)
			shade := surfaceShade(d)
			if bare {
				shade = len(colSurface) / 2
			}
			top, ch := 0, rune(0)
			if l := c.shown(r*c.cols + col); l >= 0 {
				top, ch = int(l)+1, rune(0x2800+int(c.dots[l][r*c.cols+col]))
				switch {
				case plain && l == layerPush:
					ch = c.stroke[r*c.cols+col]
				case plain && plainGlyphs[l] != 0:
					ch = plainGlyphs[l]
				}
			}
			if top == int(layerGhost)+1 {
				c.drawn.ghost = true
			}
			mark := c.edgeMark(r*c.cols + col)
			switch {
			case mark != 0: // a clump of G's samples beyond, over all
				top, ch = int(layerGen)+1, mark
			case top == int(layerGen)+1 && c.gen[r*c.cols+col] >= crowd && !bare:
				// In its own colour where there are shades (not in
				// 16 colours, whose two blues are one).
				top, c.drawn.clumps = clumpRow, true
			case top == int(layerPush)+1 && c.drawn.push == 0:
				c.drawn.push = ch
			}
			if top == 0 && bare && d >= balance && (score(r-1, col) < balance || score(r+1, col) < balance || score(r, col-1) < balance || score(r, col+1) < balance) {
				ch, c.drawn.boundary = '·', true
			}
			if top == 0 && ch == 0 && shade == len(colSurface)/2 {
				continue // blank: no style, so runs of it stay cheap
			}
			g.set(r, col, ch, &planeStyles[top][shade])
		}
	}
	out := make([]string, c.rows)
	for r := range out {
		out[r] = g.row(r)
	}
	return out
}

// planeLabelSpacing is the columns a label of the plane's x axis has at
// least where the y axis's step leaves its labels no room (planePlot):
// the y axis labels every two rows, and a cell is about twice as tall as
// wide, so 4 would step alike; 6 leaves labels such as -0.5 room.
const planeLabelSpacing = 6

// planeSize is the plot's size in a panel of w×h cells with a gutter and
// an x-label line: square, a cell being about twice as tall as wide and
// a braille cell 2×4 dots, so twice as many columns as rows; the gutter
// as wide as the labels of its y axis over ys need (yAxisOf), a wider
// one leaving fewer rows, whose labels are then worked out again.
func planeSize(ys scale, w, h int) (cols, rows int) {
	for g := axisGutter; ; {
		rows = min(max(0, h), max(0, w-g)/2)
		if rows < 2 {
			return 0, 0
		}
		// g only grows, to maxYLabel+1 at most: the loop ends.
		wider := yAxisOf(ys, rows).width
		if wider <= g {
			return 2 * rows, rows
		}
		g = wider
	}
}

// planeWidth is the width of the plot planeSize fits in w×h cells, its
// y axis's gutter and its columns, or 0 for no plot.
func planeWidth(ys scale, w, h int) int {
	cols, rows := planeSize(ys, w, h)
	if cols == 0 {
		return 0
	}
	return yAxisOf(ys, rows).width + cols
}

// planePlot draws the plane of snapshot s in rows lines of plot plus one
// of x labels, each its y axis's gutter and 2·rows cells wide: the
// reference sample, the baseline's samples (ghost, nil for none), G's
// samples, the push and D's surface, a critic's (critic: an unbounded
// score) shaded over its range, where it is drawn as a boundary, at D's
// balance (render). It returns G's samples beyond the box, marked on its
// edge.
func planePlot(info *session.PlaneInfo, e *session.Eval, ghost []float64, critic bool, balance float64, cols, rows int) ([]string, planeDrawn) {
	b := info.Box
	if cols < 2 || rows < 2 || !(b.X1 > b.X0) || !(b.Y1 > b.Y0) {
		return nil, planeDrawn{}
	}
	c := newPlaneCanvas(b, cols, rows)
	c.points(layerRef, info.Reference)
	c.points(layerGhost, ghost)
	c.points(layerGen, e.Points)
	for _, g := range edgeGlyphs {
		for i := range c.edgeN {
			if c.edgeMark(i) == g {
				c.drawn.marks += string(g)
				break
			}
		}
	}
	c.arrows(e.Arrows, 2+rows/4)
	lines := c.render(e.Surface, e.SurfaceN, critic, balance, noColour(), noShades())
	ax := yAxisOf(scale{b.Y0, b.Y1}, rows)
	lines = ax.label(lines)
	// The x axis at the y axis's step where each label has room, so that
	// the square reads square (each at its own step, ring's at 160×50
	// would have y at 2, 1.5, …, and x at -2, -1, 0, 1, 2); else about
	// every planeLabelSpacing columns.
	x, all := "", false
	if ax.step > 0 && len(yTicks(b.X0, b.X1, ax.step)) >= 2 {
		x, all = xLabelsAt(b.X0, b.X1, cols, ax.step)
	}
	if !all {
		x = spacedXLabels(b.X0, b.X1, cols, planeLabelSpacing)
	}
	return append(lines, styleMuted.Render(strings.Repeat(" ", ax.width)+x)), c.drawn
}

// planePanel is the samples panel of a two-dimensional run: a title, the
// plot, and beside it the mode map and the legend.
func (m Model) planePanel(w, h int) string {
	lines := []string{m.planeTitle(w)}
	plotW := lipgloss.Width(firstLine(m.histView))
	if plotW == 0 {
		return block(append(lines, m.planeNotes(w, h-1)...), w, h)
	}
	notesW := w - plotW - len(gap)
	notes := m.planeNotes(notesW, len(m.histView))
	for i, l := range m.histView {
		if notesW > 0 && i < len(notes) {
			l += gap + fit(notes[i], notesW)
		}
		lines = append(lines, l)
	}
	return block(lines, w, h)
}

// planeTitle is the plane's title line at width w: what is drawn, and how many
// of G's samples drawn are beyond the box, among how many, with the marks on
// its edge ("408 of 1,500 beyond the box ▶▼"), and how many are not a number,
// which lie nowhere ("· 3 NaN or infinite"), as a figure's legend counts them.
// A figure's panel (d) counts among all its samples, the evaluation's 2,500 of
// which these are the first 1,500 ("samples (8 of 2,500 beyond the box)"): the
// plane's "2 beyond the box" of the same run and epoch alone would read as
// another count of the same samples. Short of room, the title gives way in
// this order: the epoch, which the header says too ("◀ replay epoch 390" of a
// replayed frame); the axes' "y ↑ x →", which their labels show; then the
// words, "1,500/2,500 drawn · 27% beyond the box ▶▼" (80×24), so that the
// plane says it draws a share of the samples that Quality's "captured: ≥1
// sample in 2,500" counts, and those beyond the box as a share of the samples drawn
// ("408 beyond the box" beside it did not say of which of the two counts);
// then that share drawn, "408 of 1,500 beyond the box ▶▼" (70×20).
// "the box" is never left out: "408 beyond" alone leaves a learner to ask
// beyond what, where the edge has no mark to show it.
func (m Model) planeTitle(w int) string {
	e := &m.snap.Eval
	drawn := len(e.Points) / 2
	what := fmt.Sprintf("%s at epoch %s", numtext.FormatInt(e.Metrics.N), numtext.FormatInt(e.Epoch))
	var share, shareTight string // how many the plot draws of the evaluation's, where not all
	if drawn < e.Metrics.N {     // the metrics take them all, the plot a share
		what = fmt.Sprintf("%s of %s drawn, epoch %s", numtext.FormatInt(drawn), numtext.FormatInt(e.Metrics.N), numtext.FormatInt(e.Epoch))
		share = fmt.Sprintf("%s of %s drawn", numtext.FormatInt(drawn), numtext.FormatInt(e.Metrics.N))
		shareTight = fmt.Sprintf("%s/%s drawn", numtext.FormatInt(drawn), numtext.FormatInt(e.Metrics.N)) // as the modes' "1/8"
	}
	plane := styleTitle.Render("Plane")
	title := plane + styleMuted.Render(" y ↑ x →")
	out := m.planeDrawn
	if out.beyond == 0 && out.notFinite == 0 {
		return pack(" · ", []string{title, styleMuted.Render(what)}, w)
	}
	marks := styleBar.Render(strings.TrimSuffix(" "+out.marks, " "))
	// count says how many are beyond the box (among how many, joined by
	// of: " of " or "/", the first count alone; where of is "%", each as a
	// share of those drawn, "23%") and how many are not a number, in as
	// many words as nan gives.
	count := func(of, nan string) string {
		var parts []string
		n := func(k int) string {
			switch of {
			case "":
				return numtext.FormatInt(k)
			case "%":
				return numtext.Percent(float64(k) / float64(max(drawn, 1)))
			}
			return numtext.FormatInt(k) + of + numtext.FormatInt(drawn)
		}
		if out.beyond > 0 {
			parts = append(parts, styleMuted.Render(n(out.beyond)+" beyond the box")+marks)
			if of != "%" {
				of = "" // said once, the first count's
			}
		}
		if out.notFinite > 0 {
			parts = append(parts, styleMuted.Render(n(out.notFinite)+" "+nan))
		}
		return strings.Join(parts, styleMuted.Render(" · "))
	}
	long := count(" of ", "NaN or infinite")
	type rung struct{ head, what, count string }
	rungs := []rung{{title, what, long}}
	if share != "" { // the share drawn said, the count is a share of it, "23% beyond the box"
		rungs = append(rungs,
			rung{title, share, count("%", "NaN or infinite")},
			rung{plane, share, count("%", "NaN or infinite")},
			rung{plane, shareTight, count("%", "NaN or infinite")},
			rung{plane, shareTight, count("%", "NaN")})
	}
	rungs = append(rungs,
		rung{title, "", long},
		rung{plane, "", long},
		rung{plane, "", count("/", "NaN")})
	for _, r := range rungs {
		line := r.head + styleMuted.Render(" · ") + r.count
		if r.what != "" {
			line = r.head + styleMuted.Render(" · "+r.what+" · ") + r.count
		}
		if ansi.StringWidth(line) <= w {
			return line
		}
	}
	return pack(" · ", []string{plane, count("%", "NaN")}, w)
}

func firstLine(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return lines[0]
}

// surfaceBalance is the score at which D cannot tell real from fake,
// where its surface has no shade and, without shades, its boundary is
// drawn: ½, or half the real label under label smoothing, 0.45 at 0.9
// (session.Equilibrium.D), where "· D = ½" had keyed a boundary that D at
// its balance, scoring 0.45 everywhere, does not cross.
func surfaceBalance(s *session.Snapshot) float64 {
	if e := s.Equilibrium; e != nil && e.D > 0 && e.D < 1 {
		return e.D
	}
	return 0.5
}

// balanceText writes D's balance as the glossary names it: "½", else its
// value, "0.45".
func balanceText(b float64) string {
	if b == 0.5 {
		return "½"
	}
	return numtext.Plainly(b, 3)
}

// planeNotes is what stands beside the plot, at most h lines of width w:
// the mode map with its count, then the legend, then why there is no
// surface, when there is none.
func (m *Model) planeNotes(w, h int) []string {
	if w < 8 || h < 1 {
		return nil
	}
	s := &m.snap
	e := &s.Eval
	var lines, key []string
	keyAt := -1 // the mode map's key's first line, if drawn
	if pm := e.Metrics.Plane; pm != nil && len(pm.Spots) > 0 {
		lines = append(lines, modesHead(pm, w))
		key = []string{styleBar.Render("░▒▓█") + " of due", styleBad.Render("··") + " missed"}
		if slices.ContainsFunc(pm.Spots, overDue) { // named where one is drawn
			key = append(key, styleCaution.Render(overGlyph())+" over 2×")
		}
		keyRows := len(flow(key, w, 2))
		if mp := modeMap(pm.Spots, w, h-len(lines)-1-keyRows); mp != nil {
			lines = append(lines, mp...)
			keyAt = len(lines)
			lines = append(lines, flow(key, w, keyRows)...)
		}
	}
	plain := noColour()
	glyph := func(l planeLayer, dots rune) string {
		if plain && plainGlyphs[l] != 0 {
			dots = plainGlyphs[l]
		}
		return layerStyles[l].Render(string(dots))
	}
	items := []string{glyph(layerGen, '⣿') + generatedBy(s.GEMA)}
	var crowdItem string // the crowded blue's item, named where one is drawn, as the mode map's over 2× is
	if m.planeDrawn.clumps {
		crowdItem = styleClump.Render("⣿") + " crowded, 3× mean"
		items = append(items, crowdItem)
	}
	targetItem := glyph(layerRef, '⣿') + " target " + s.Target.Spec
	items = append(items, targetItem)
	var pushItem, surfaceItem, baseItem string // items that give way, as steps below orders
	if push := m.planeDrawn.push; push != 0 {  // named where drawn, as every mark below is
		// In colour by a stroke of dots, as its purple cells draw; without
		// colour by the first line glyph the plot draws (─ │ ╱ ╲, by the
		// push's way), as the histogram's push strip is named by a mark it
		// draws, so that a push across, drawn ─, is named ─.
		if !plain {
			push = '⠑'
		}
		pushItem = glyph(layerPush, push) + " D's push"
		items = append(items, pushItem)
	}
	if e.Surface != nil {
		// A critic's score (Wasserstein, hinge) is no belief: its shades
		// run from its lowest score to its highest, the · at half-way
		// between them (render), as the D surface entry says, not "fake",
		// "real" and "D = ½", which grid-wgan-gp's legend had read.
		low, high, mid := " fake ", " real", "· D = "+balanceText(surfaceBalance(s))
		if s.Loss.Unbounded() {
			low, high, mid = " low ", " high", "· D half-way"
		}
		if noShades() {
			if m.planeDrawn.boundary {
				surfaceItem = mid
			}
		} else {
			sw := func(k int) string { return planeStyles[0][k].Render(" ") }
			surfaceItem = "D: " + sw(0) + sw(1) + low + sw(len(colSurface)-2) + sw(len(colSurface)-1) + high
		}
		if surfaceItem != "" {
			items = append(items, surfaceItem)
		}
	}
	baseShort := glyph(layerGhost, '⣿') + " base"
	if b := s.Baseline; b != nil && len(b.Eval.Points) > 0 {
		baseItem = glyph(layerGhost, '⣿') + baseName(b)
		if !m.planeDrawn.ghost {
			// Named by no mark the plot does not draw: G's samples and
			// the target's + lie over every cell of the baseline's (a
			// base pinned on G's blob, G still there; or a base short
			// of every mode G misses: planeCanvas.shown), which would
			// otherwise read as not pinned, or, without colour, its ╌
			// as somewhere on the plot.
			baseItem, baseShort = styleMuted.Render(strings.TrimPrefix(baseName(b), " ")+", hidden"), styleMuted.Render("base hidden")
		}
		items = append(items, baseItem)
	}
	// Why there is no surface, on lines of its own, whole or not at all, with
	// a row left for the legend: cut to two lines, grid-pacgan4-ema's at 70×20
	// would read "no D surface: D judges" over "4 packed points at", its
	// "once" dropped.
	var why []string
	if e.Surface == nil && e.NoCurve != "" {
		if why = wrapIndent(styleMuted.Render(e.NoCurve), w); len(lines)+len(why) >= h {
			why = nil
		}
	}
	full := slices.Clone(items) // before any gives way
	// Still too wide, items give way one at a time, in this order, each
	// named shorter or left out whole (the glossary and the help's design
	// page have them); a legend is never cut inside a word:
	//   - the crowded blue's name alone, without its rule: grid collapsed
	//     onto its centre at 80×24, in colour, would otherwise cut the
	//     target, D's push and surface for "⣿ crowded, 3× mean";
	//   - the baseline's name alone, without its seed and epoch (Quality's
	//     vs base compares with it): grid at 80×24 with a baseline would
	//     otherwise cut it to "⣿ ba…";
	//   - D's push, then the target's spec: the spec, what the learner is
	//     shown G chasing, outlasts the push's name, as at 80×24 ring's
	//     "⣿ target ring(8,2,0.02)" does, and grid's does not read "⣿ target"
	//     beside "⠑ D's push";
	//   - the crowded blue's name, then the surface's key. Left out before
	//     the push, the crowded blue would be a second blue on the plot
	//     unexplained.
	steps := [][2]string{
		{crowdItem, styleClump.Render("⣿") + " crowded"},
		{baseItem, baseShort},
		{pushItem, ""},
		{targetItem, glyph(layerRef, '⣿') + " target"},
		{styleClump.Render("⣿") + " crowded", ""},
		{surfaceItem, ""},
	}
	// The legend whole where it fits; short of room, first without the blank
	// line above it, then with the first of the steps below, up to the target
	// named alone, and then without the mode map's key too, then without the
	// reason there is no surface (the glossary gives the key and the packing
	// entry the reason), then as giveWay says. The reason gives way late, so
	// that grid-pacgan at 80×24, its 25-mode map beside a crowded blue, says
	// why it draws no surface.
	room := h - len(lines) - len(why)
	if len(lines) > 0 && room > 2 && fits(flowAll(items, w, room-1), w) {
		lines, room = append(lines, ""), room-1
	}
	legend := flowAll(items, w, max(1, room))
	if !fits(legend, w) && len(why) > 0 {
		// The fewest of the steps that shorten the legend without
		// leaving out what the plot draws unexplained (up to the
		// target's spec), with the map's key, else without it.
		extras := []int{0} // the rows more, for the map's key left out
		if keyAt >= 0 {
			extras = append(extras, len(lines)-keyAt)
		}
		kept := false
	tries:
		for _, extra := range extras {
			named := slices.Clone(items)
			for k := 0; k <= 4; k++ { // steps[:4]: to "⣿ target" alone
				if k > 0 {
					named = take(named, steps[k-1])
				}
				if l := flowAll(named, w, max(1, room+extra)); fits(l, w) {
					if extra > 0 {
						lines, keyAt = lines[:keyAt], -1
					}
					items, legend, room, kept = named, l, room+extra, true
					break tries
				}
			}
		}
		if !kept {
			room, why = room+len(why), nil
			legend = flowAll(items, w, max(1, room))
		}
	}
	merge := func() {
		if keyAt >= 0 && !fits(legend, w) {
			// Still too wide (grid's 25 modes at 80×24 with one over its due,
			// in colour, where "D: fake real" would be cut to "D: fake …"):
			// the legend goes on in the room the key's last line leaves.
			both := flow(append(slices.Clone(key), items...), w, len(lines)-keyAt+len(legend))
			if fits(both, w) {
				lines, legend = lines[:keyAt], both
			}
		}
	}
	giveWay := func() {
		merge()
		for _, step := range steps {
			i := slices.Index(items, step[0])
			if fits(legend, w) || step[0] == "" || i < 0 {
				continue
			}
			items = take(items, step)
			legend = flowAll(items, w, max(1, room))
			merge()
		}
	}
	giveWay()
	if keyAt >= 0 && !(fits(legend, w) && fits(lines[keyAt:], w)) {
		// Still too wide (grid at 70×21, its 25-mode map and key leaving
		// the legend one row: "⣿ generated  ⣿ t…", the key itself "··
		// missed  ▲▲ ov…"): the map's key gives way whole, the glossary
		// giving it, and the legend, whole again, takes its rows.
		room += len(lines) - keyAt
		lines, keyAt, items = lines[:keyAt], -1, full
		legend = flowAll(items, w, max(1, room))
		giveWay()
	}
	lines = append(lines, legend...)
	return append(lines, why...)
}

// take is items with step taken, a legend's item (step[0]) named
// shorter (step[1]), or left out where step[1] is empty; items as they
// are where step[0] is not among them.
func take(items []string, step [2]string) []string {
	i := slices.Index(items, step[0])
	switch {
	case step[0] == "" || i < 0:
		return items
	case step[1] == "":
		return slices.Delete(items, i, i+1)
	}
	items[i] = step[1]
	return items
}

// fits reports whether every line is at most w cells wide.
func fits(lines []string, w int) bool {
	for _, l := range lines {
		if lipgloss.Width(l) > w {
			return false
		}
	}
	return true
}

// flowAll is flow with one item to a line where there is room for that.
func flowAll(items []string, w, n int) []string {
	if len(items) <= n {
		return items
	}
	return flow(items, w, n)
}

// modesHead counts the modes captured, in the words of Quality's "modes 7/8
// captured", and gives the share of high-quality samples, "Modes 7/8 captured
// · HQ 93%", in at most w cells where it can: the share left out where that
// does not fit, then the word, both being in Quality too (at 70×20 the head
// would otherwise read "Modes 16/25 · HQ 1…"). The word says what 7 of 8 are,
// which "Modes 7/8 · HQ 93%" would not; the share, beside the map whose
// cells shade each mode's, sums them where there is room, but where there
// is not it is said once, in Quality's "floor 0.031 · HQ 2%": at 80×24 ring
// read "Modes 1/8 · HQ 2%" beside it.
func modesHead(pm *engine.PlaneMetrics, w int) string {
	count := fmt.Sprintf("%d/%d", pm.Captured, len(pm.Spots))
	if pm.Captured < len(pm.Spots) {
		count = styleBad.Render(count)
	}
	head := styleTitle.Render("Modes") + " " + count
	hq := styleMuted.Render(" · HQ ") + session.HighQualityShare(pm.HighQuality)
	for _, full := range []string{head + styleMuted.Render(" captured") + hq, head + styleMuted.Render(" captured")} {
		if ansi.StringWidth(full) <= w {
			return full
		}
	}
	return head
}

// modeMap draws one cell, two columns wide, per mode, placed as the modes
// lie, in the smallest square block in which no two share a cell: a ring
// of 8 on 3×3 around an empty centre, a 5×5 grid as itself. A captured
// mode is shaded ░▒▓█ by its share of the samples against its due (past
// twice its due, overGlyph in yellow), a missed one is ·· in red. It returns nil
// when no such block fits in w×h.
func modeMap(spots []engine.SpotShare, w, h int) []string {
	n, cells := modeCells(spots, min(w/2, h))
	if n == 0 {
		return nil
	}
	g := newGrid(n, 2*n)
	for i, sp := range spots {
		r, c := cells[i]/n, cells[i]%n
		glyph, st := "··", &styleBad
		switch {
		case overDue(sp):
			glyph, st = overGlyph(), &styleCaution
		case sp.Captured:
			glyph, st = strings.Repeat(string(shadeGlyph(dueRatio(sp))), 2), &styleBar
		}
		for k, ch := range []rune(glyph) {
			g.set(r, 2*c+k, ch, st)
		}
	}
	out := make([]string, n)
	for r := range out {
		out[r] = g.row(r)
	}
	return out
}

// dueRatio is a mode's share of the samples against its due.
func dueRatio(sp engine.SpotShare) float64 {
	if sp.Expected > 0 {
		return sp.Share / sp.Expected
	}
	return 0
}

// overDue tells whether a captured mode has more than twice its due: a
// mode G piles onto.
func overDue(sp engine.SpotShare) bool { return sp.Captured && dueRatio(sp) > 2 }

// overGlyph is an over-due mode's cell: █ in the caution colour, or,
// where there is no colour to set it apart from a mode at its due, ▲; ▲
// too where the caution colour is drawn behind the text (16 colours on a
// light terminal: inked), which would draw █ as a block of the text's own.
func overGlyph() string {
	if noColour() || reversedOnLight(palette.Warning) {
		return "▲▲"
	}
	return "██"
}

// shadeGlyph shades a mode's share against its due: ░ under a quarter,
// ▒ under a half, ▓ under three quarters, █ from there.
func shadeGlyph(ratio float64) rune {
	switch {
	case ratio < 0.25:
		return '░'
	case ratio < 0.5:
		return '▒'
	case ratio < 0.75:
		return '▓'
	}
	return '█'
}

// modeCells places the modes on the smallest n×n block, n at most most,
// in which each has a cell of its own, by their positions across the
// modes' bounding box; each cell is row·n + column, rows from the top.
// It returns n = 0 when there is no such block.
func modeCells(spots []engine.SpotShare, most int) (int, []int) {
	if len(spots) == 0 {
		return 0, nil
	}
	x0, x1, y0, y1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range spots {
		if !finite(s.X, s.Y) {
			return 0, nil
		}
		x0, x1, y0, y1 = math.Min(x0, s.X), math.Max(x1, s.X), math.Min(y0, s.Y), math.Max(y1, s.Y)
	}
	frac := func(v, lo, hi float64) float64 {
		if hi > lo {
			return (v - lo) / (hi - lo)
		}
		return 0.5
	}
	for n := int(math.Ceil(math.Sqrt(float64(len(spots))))); n <= most; n++ {
		cells, seen := make([]int, len(spots)), make(map[int]bool, len(spots))
		for i, s := range spots {
			c := int(math.Round(frac(s.X, x0, x1) * float64(n-1)))
			r := int(math.Round((1 - frac(s.Y, y0, y1)) * float64(n-1)))
			cells[i] = r*n + c
			if seen[cells[i]] {
				cells = nil
				break
			}
			seen[cells[i]] = true
		}
		if cells != nil {
			return n, cells
		}
	}
	return 0, nil
}

// planeMoments are the target's mean and standard deviation per axis, as
// the session gives them (exact: engine.PlaneMoments); zero without a plane.
func planeMoments(p *session.PlaneInfo) (mx, my, sx, sy float64) {
	if p == nil {
		return 0, 0, 0, 0
	}
	return p.MeanX, p.MeanY, p.StdX, p.StdY
}
