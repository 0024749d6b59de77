package tui

import (
	"cmp"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/linechart/timeserieslinechart"
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"
)

// series is one line of a chart: which value of a session.Point it plots.
// Its mark ends the line on the chart and stands for it in the legend, so
// that lines of one colour, or any lines without colour, can be told
// apart.
type series struct {
	name  string // data set name; names sort in drawing order, later on top
	mark  rune
	style lipgloss.Style
	value func(session.Point) float64
}

// refLine is a horizontal reference, such as the equilibrium loss ln 2 or
// the target's mean, drawn dotted wherever no data covers it.
type refLine struct {
	y     float64
	style lipgloss.Style
}

// lineChart draws a run's history against epochs with ntcharts. It uses
// the time-series chart with one second per epoch: that chart keys X on
// whole seconds, and epochs are whole numbers. Every draw sets the axes
// from the data afresh, because ntcharts' automatic ranges only ever grow.
type lineChart struct {
	ts     timeserieslinechart.Model
	series []series
	w, h   int
	step   float64 // the Y ticks' step, whose precision their labels are written to
	labelW int     // the widest Y label drawTicks will write, one cell at least
	pad    string  // labelW blanks: ntcharts' gutter is made as wide

	// own: the last series is on a scale of its own and does not set the
	// range (a feature-matching G's loss beside D's).
	own bool
	// flat: each series is drawn flat by the others' scale (flatRatio).
	flat []bool
	// shown: each reference shows in the drawing, in a cell of its line
	// that nothing drawn after it (the ▲ ▼ marks of values off the
	// range, the lines' end marks, the replay's cursor) took. Legends
	// name a reference by it, so that none names a line that is not there
	// to see: at 70×20 a feature-matching G's ▲ row can cover the whole
	// of ln 2's.
	shown []bool
	// beyondUp, beyondDown: each series has a point the drawing marks ▲
	// above the range, or ▼ under it.
	beyondUp, beyondDown []bool

	// What a render draws beside the run's own curves: the events' epochs,
	// marked ◆ on the time axis; a replayed epoch, a dotted column
	// (cursor; 0 for none); and a pinned baseline's points, each series
	// again as a faint ghost.
	marks  []int
	cursor int
	ghost  []session.Point

	// draws counts the charts drawn (draw), which tests read: a redraw
	// draws each chart once. layouts counts the axes fit laid out.
	draws, layouts int
}

func newLineChart(ss ...series) *lineChart {
	c := &lineChart{series: ss, step: 0.01, labelW: 1, pad: " "}
	c.ts = timeserieslinechart.New(20, 6,
		timeserieslinechart.WithXLabelFormatter(func(_ int, v float64) string { return compact(v) }),
		timeserieslinechart.WithYLabelFormatter(func(int, float64) string {
			return c.pad // sizes the gutter; drawTicks writes the labels
		}),
		timeserieslinechart.WithAxesStyles(styleFaint, styleMuted),
	)
	c.ts.AutoMinX, c.ts.AutoMaxX, c.ts.AutoMinY, c.ts.AutoMaxY = false, false, false, false
	for _, s := range ss {
		c.ts.SetDataSetStyle(s.name, s.style)
		c.ts.SetDataSetStyle(ghostName(s), styleGhost)
	}
	c.w, c.h = 20, 6
	return c
}

// fitted is what fit lays out for a draw: the time axis, the points
// thinned to the graph's width, the Y range and its ticks.
type fitted struct {
	pts            []session.Point
	refs           []refLine
	xmin, xmax     float64
	thinned, ghost []session.Point
	lo, hi         float64
	labels         []yLabel
}

// xstep is the step a time axis gw columns wide is labelled at, a label
// every 8 columns or more.
func (f fitted) xstep(gw int) float64 {
	return math.Max(1, niceStep((f.xmax-f.xmin)/math.Max(1, float64(gw)/8)))
}

// fit sizes the chart to w×h and sets its axes for pts and refs, the
// epochs from from to the last point, without drawing: the graph's width
// (GraphWidth) is then the one draw draws to, which a chart beside
// another needs to label its time axis at the step the two share
// (Model.redraw).
func (c *lineChart) fit(pts []session.Point, from int, refs []refLine, w, h int) fitted {
	if w != c.w || h != c.h {
		c.ts.Resize(w, h)
		c.w, c.h = w, h
	}
	xmin, xmax := int64(from), int64(from)+1
	if len(pts) > 0 {
		xmax = max(xmax, int64(pts[len(pts)-1].Epoch))
	}
	if n := len(c.ghost); n > 0 { // the baseline's epochs share the axis
		xmin, xmax = min(xmin, int64(c.ghost[0].Epoch)), max(xmax, int64(c.ghost[n-1].Epoch))
	}
	// The points are thinned to the graph's width, which the Y labels' gutter
	// sets, which the axis sets, which the thinned points set. The axis is
	// laid out first for the widest graph, a gutter of one cell, and again
	// for a gutter as wide as its labels until they fit the gutter it was
	// laid out for; the gutter drawn is then as wide as those labels, and
	// the graph takes the rest. The chart is one of its points and size
	// alone, not of the gutter a draw before it left (blog-original's
	// losses at 120×40 had settled on another range after narrower labels).
	// Its points are thinned to the width drawn, but where the narrower
	// graph's labels are the narrower: bimodal-1d's losses at 80×24 are
	// labelled "2.5" and "0.0" on the widest graph, "5" and "0" on the graph
	// their gutter of three leaves, and are drawn as that graph laid them
	// out, two columns wider, in a gutter of one, where two columns had
	// stood blank. Points that the wider graph does not thin either, as a
	// run's first hundred epochs or so are not, lay the axis out alike, and
	// it is laid out once.
	t0, t1 := time.Unix(xmin, 0), time.Unix(xmax, 0)
	var (
		thinned, ghost []session.Point
		ax             chartAxis
	)
	unthinned := func(gw int) bool { return len(pts) <= 2*gw && len(c.ghost) <= 2*gw }
	for gutter := 1; ; {
		gw := w - gutter - 1
		thinned = c.thin(pts, float64(xmin), float64(xmax), gw)
		ghost = c.thin(c.ghost, float64(xmin), float64(xmax), gw)
		// The baseline's points share the range, so that the ghost of a mean
		// of -2 is not clamped to a live run's range near 0 and drawn along
		// its edge, unmarked, where it would read as a mean near 0.
		all := slices.Concat(thinned, ghost)
		c.layouts++
		lo, hi := c.yRange(all, refs, h-2)
		var snapped bool
		if ax, snapped = c.snap(all, refs, lo, hi, h-2); !snapped {
			ax = c.ownAxis(all, refs, lo, hi, h-2)
		}
		c.labelW = 1
		for _, l := range ax.labels {
			c.labelW = max(c.labelW, len(l.text))
		}
		if c.labelW <= gutter || gw <= 0 || unthinned(w-c.labelW-1) {
			break
		}
		gutter = c.labelW
	}
	if c.step = ax.step; len(c.pad) != c.labelW {
		c.pad = strings.Repeat(" ", c.labelW)
	}
	c.ts.SetTimeRange(t0, t1)
	c.ts.SetYRange(ax.lo, ax.hi)
	c.ts.SetViewTimeAndYRange(t0, t1, ax.lo, ax.hi) // ntcharts' gutter as wide as pad
	return fitted{pts, refs, float64(xmin), float64(xmax), thinned, ghost, ax.lo, ax.hi, ax.labels}
}

// draw draws what fit laid out, the chart's last fit, its time axis
// labelled every xstep epochs, into a block of text.
func (c *lineChart) draw(f fitted, xstep float64) string {
	c.draws++
	pts, refs, thinned, ghost, lo, hi := f.pts, f.refs, f.thinned, f.ghost, f.lo, f.hi
	xmin, xmax := f.xmin, f.xmax
	// Values beyond the range run along its edge, marked ▲ or ▼ there.
	type clip struct {
		epoch int
		si    int
		up    bool
	}
	var clips []clip
	c.ts.ClearAllData()
	for _, p := range ghost {
		at := time.Unix(int64(p.Epoch), 0)
		for _, s := range c.series {
			if v := s.value(p); !math.IsNaN(v) && !math.IsInf(v, 0) {
				c.ts.PushDataSet(ghostName(s), timeserieslinechart.TimePoint{Time: at, Value: math.Min(hi, math.Max(lo, v))})
			}
		}
	}
	for _, p := range thinned {
		at := time.Unix(int64(p.Epoch), 0)
		for si, s := range c.series {
			v := s.value(p)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if v > hi || v < lo {
				clips = append(clips, clip{p.Epoch, si, v > hi})
				v = math.Min(hi, math.Max(lo, v))
			}
			c.ts.PushDataSet(s.name, timeserieslinechart.TimePoint{Time: at, Value: v})
		}
	}
	c.beyondUp, c.beyondDown = make([]bool, len(c.series)), make([]bool, len(c.series))
	for _, k := range clips {
		if k.up {
			c.beyondUp[k.si] = true
		} else {
			c.beyondDown[k.si] = true
		}
	}
	c.flat = make([]bool, len(c.series))
	for si, s := range c.series {
		most := 0.0
		for _, p := range thinned {
			if v := s.value(p); !math.IsNaN(v) && !math.IsInf(v, 0) {
				most = math.Max(most, math.Abs(v))
			}
		}
		c.flat[si] = most > 0 && most*flatRatio <= hi-lo
	}
	if len(pts) > 0 || len(c.ghost) > 0 {
		c.ts.DrawBrailleAll() // clears the canvas and draws the axes first
	} else {
		c.ts.Clear()
		c.ts.DrawXYAxisAndLabel()
	}
	if noColour() {
		c.plainGhost()
	}
	drew := c.drawRefs(refs)
	c.drawTicks(xmin, xmax, xstep, f.labels)
	c.drawMarks(xmin, xmax)
	if gw, gh := c.ts.GraphWidth(), c.ts.GraphHeight(); gw > 0 && gh > 0 {
		o := c.ts.Origin()
		for _, k := range clips {
			col, _ := c.col(float64(k.epoch), xmin, xmax)
			row, mark := o.Y-gh, '▲'
			if !k.up {
				row, mark = o.Y-1, '▼'
			}
			c.ts.Canvas.SetCell(canvas.Point{X: col, Y: row}, canvas.NewCellWithStyle(mark, c.series[k.si].style))
		}
	}
	ends := thinned
	if c.cursor > 0 {
		ends = pts[:sort.Search(len(pts), func(i int) bool { return pts[i].Epoch > c.cursor })]
	}
	c.drawEnds(ends, xmin, xmax)
	c.shown = make([]bool, len(refs))
	for _, d := range drew {
		c.shown[d.ref] = c.shown[d.ref] || c.ts.Canvas.Cell(d.at).Rune == d.rune
	}
	return canvasView(&c.ts.Canvas)
}

// refCell is a cell drawRefs drew reference ref through, and the rune it
// left there.
type refCell struct {
	at   canvas.Point
	rune rune
	ref  int
}

// offScale is where v, a value of series si, lies against the range the
// last render drew, where the drawing marks that series beyond it there:
// +1 above it, −1 below it, 0 within it (NaN, and any v before a range is
// drawn, too). Legends mark by it the value they give, which in a replay is
// the replayed epoch's, not the history's last, so that a replay does not
// read "▲ off scale" beside a value the chart draws on its scale. The
// value is one epoch's and the lines draw averages of epochs (session.Point),
// so that while a loss climbs its latest epoch lies a little over the
// highest point drawn: vanilla's G at 4.289 at epoch 511 (seed 1, 80×24),
// its line ending ■ on the top row with no ▲ anywhere, read "▲ off scale"
// beside it, on and off from one frame to the next.
func (c *lineChart) offScale(si int, v float64) int {
	lo, hi := c.ts.ViewMinY(), c.ts.ViewMaxY()
	switch {
	case !(hi > lo):
		return 0
	case v > hi && si < len(c.beyondUp) && c.beyondUp[si]:
		return 1
	case v < lo && si < len(c.beyondDown) && c.beyondDown[si]:
		return -1
	}
	return 0
}

// flatRatio is how many times a series' largest value the chart's range must
// span for the series to be drawn flat by it: all of its line then lies within
// a ten-thousandth of the range, under a dot of the tallest chart, as when
// another loss has run to a million times it, and the legend says so
// (flatNote), since its line does not show how it moves.
const flatRatio = 1e4

// drawEnds marks the end of each series' line with its mark, at its last
// finite point (clamped into the range, as the line is). A mark whose cell
// an earlier one took goes left of it on the same row, which is its value.
// A mark covers its line's last dot, and where a line reaches a row only at
// its end the mark is what that row draws of it, as ring's mean of y after
// 100 epochs at 80×24 draws only its "y" on the moments' top row: that is
// where the value is, and set beside it, the mark would stand at another
// epoch or value.
// In replay, draw gives it the points up to the replayed epoch, not
// thinned, so that the marks sit on the cursor's column, where the
// legends' values are: at the live end they would mark values the legends
// do not give (vanilla replaying epoch 760 of 805: "● D real 0.099" in
// the legend, ● at the live 0.055).
func (c *lineChart) drawEnds(pts []session.Point, xmin, xmax float64) {
	gw, gh := c.ts.GraphWidth(), c.ts.GraphHeight()
	if gw <= 0 || gh <= 0 || !(xmax > xmin) {
		return
	}
	o := c.ts.Origin()
	lo, hi := c.ts.ViewMinY(), c.ts.ViewMaxY()
	var taken []canvas.Point
	for _, s := range c.series {
		i := len(pts) - 1
		for i >= 0 && (math.IsNaN(s.value(pts[i])) || math.IsInf(s.value(pts[i]), 0)) {
			i--
		}
		if i < 0 {
			continue
		}
		row, ok := c.row(math.Min(hi, math.Max(lo, s.value(pts[i]))))
		if !ok {
			continue
		}
		x, _ := c.col(float64(pts[i].Epoch), xmin, xmax)
		for d := range len(c.series) {
			p := canvas.Point{X: x - d, Y: o.Y - gh + row}
			if p.X > o.X && !slices.Contains(taken, p) {
				taken = append(taken, p)
				c.ts.Canvas.SetCell(p, canvas.NewCellWithStyle(s.mark, s.style))
				break
			}
		}
	}
}

// col is the canvas column of the epoch e on a time axis from xmin to
// xmax (xmax > xmin), and whether e lies on it.
func (c *lineChart) col(e, xmin, xmax float64) (int, bool) {
	x := (e - xmin) / (xmax - xmin)
	return c.ts.Origin().X + 1 + int(math.Round(x*float64(c.ts.GraphWidth()-1))), x >= 0 && x <= 1
}

// plainGhost redraws the cells only a baseline's ghost curves take as
// ghostGlyph, where there is no colour: braille in the faint colour is
// otherwise braille like the live curves', and the baseline's lines could
// not be told from the run's. The histogram and the plane mark the
// baseline with the same glyph, and their legends name it.
func (c *lineChart) plainGhost() {
	gw, gh := c.ts.GraphWidth(), c.ts.GraphHeight()
	o := c.ts.Origin()
	faint := styleGhost.GetForeground()
	for y := o.Y - gh; y < o.Y; y++ {
		for x := o.X + 1; x <= o.X+gw; x++ {
			p := canvas.Point{X: x, Y: y}
			if cell := c.ts.Canvas.Cell(p); cell.Rune >= 0x2800 && cell.Rune <= 0x28FF && cell.Style.GetForeground() == faint {
				c.ts.Canvas.SetCell(p, canvas.NewCellWithStyle(ghostGlyph, styleGhost))
			}
		}
	}
}

// ghostName is the data set of a series' baseline ghost: named to sort
// first, so the live curves draw over it.
func ghostName(s series) string { return "0 base " + s.name }

// drawMarks marks each event ◆ on the time axis and, in replay, the
// replayed epoch as a dotted column through the graph, over the curves'
// cells too, whose values at that epoch the legends give: drawn through
// the empty cells alone, it would not show at all where the curves and
// the reference lines take every row of its column, as blog-original's do
// at 80×24 replaying its first event, at epoch 100 of 1,265.
func (c *lineChart) drawMarks(xmin, xmax float64) {
	gw, gh := c.ts.GraphWidth(), c.ts.GraphHeight()
	if gw <= 0 || gh <= 0 || !(xmax > xmin) {
		return
	}
	o := c.ts.Origin()
	col := func(epoch int) (int, bool) { return c.col(float64(epoch), xmin, xmax) }
	for _, e := range c.marks {
		if x, ok := col(e); ok {
			c.ts.Canvas.SetCell(canvas.Point{X: x, Y: o.Y}, canvas.NewCellWithStyle('◆', styleEvent))
		}
	}
	if x, ok := col(c.cursor); ok && c.cursor > 0 {
		for y := o.Y - gh; y < o.Y; y++ {
			c.ts.Canvas.SetCell(canvas.Point{X: x, Y: y}, canvas.NewCellWithStyle('┊', styleCursor))
		}
	}
}

// canvasView renders an ntcharts canvas as text. ntcharts' own View styles
// every cell with a Render call of its own; this styles each run of cells
// of one style with one, which makes a frame several times cheaper. Cells
// join a run only where their styles are equal in every field lipgloss
// keeps (reflect.DeepEqual), so that nothing it draws, a background as
// inked gives in 16 colours on a light terminal, italic, or whatever
// lipgloss adds later, is lost by a cell being drawn in its neighbour's
// style. A blank cell is a plain space and joins a plain run without a
// comparison: most of a chart's cells are blank.
func canvasView(cv *canvas.Model) string {
	plain := lipgloss.NewStyle()
	// Declared once: DeepEqual's pointers put them on the heap, and in the
	// loop they would be put there for every cell.
	var cell, cur lipgloss.Style
	var curPlain bool

	var sb strings.Builder
	var run strings.Builder
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if curPlain {
			sb.WriteString(run.String())
		} else {
			sb.WriteString(cur.Render(run.String()))
		}
		run.Reset()
	}
	for y := range cv.Height() {
		if y > 0 {
			sb.WriteByte('\n')
		}
		for x := range cv.Width() {
			c := cv.Cell(canvas.Point{X: x, Y: y})
			if c.Rune == 0 {
				if x == 0 || !curPlain {
					flush()
					cur, curPlain = plain, true
				}
				run.WriteByte(' ')
				continue
			}
			cell = c.Style
			if x == 0 || !reflect.DeepEqual(&cell, &cur) {
				flush()
				cur = cell
				curPlain = reflect.DeepEqual(&cur, &plain)
			}
			run.WriteRune(c.Rune)
		}
		flush()
	}
	return sb.String()
}

// yRange fits the values and references on a chart of rows rows, edge to
// edge: its highest is drawn on the top row and its lowest on the bottom
// row, the range snap widens to a round one where it can, and the chart
// keeps where it cannot. A lone value gets half a unit or a tenth of it
// either side.
//
// The range is robust: it spans the 2nd to the 98th percentile of the
// values drawn, widened by half that span on either side but never past
// the values themselves, so that rare spikes (a few points far out) are
// cut at the edge rather than flattening the rest; the references (ln 2,
// the target's mean and std) are always in it.
func (c *lineChart) yRange(pts []session.Point, refs []refLine, rows int) (lo, hi float64) {
	ser := c.series
	if c.own && len(ser) > 1 {
		ser = ser[:len(ser)-1]
	}
	vals := make([]float64, 0, len(pts)*len(ser))
	for _, p := range pts {
		for _, s := range ser {
			if v := s.value(p); !math.IsNaN(v) && !math.IsInf(v, 0) {
				vals = append(vals, v)
			}
		}
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	if n := len(vals); n > 0 {
		slices.Sort(vals)
		lo, hi = vals[0], vals[n-1]
		if n >= 20 {
			p2, p98 := vals[(n-1)*2/100], vals[(n-1)*98/100]
			lo = math.Max(lo, p2-(p98-p2)/2)
			hi = math.Min(hi, p98+(p98-p2)/2)
		}
	}
	for _, r := range refs {
		lo, hi = math.Min(lo, r.y), math.Max(hi, r.y)
	}
	if !(hi >= lo) {
		lo, hi = 0, 1
	}
	pad := 0.0 // the data's own range, whose edge rows draw its highest and lowest
	if hi == lo {
		pad = math.Max(0.5, math.Abs(hi)*0.1)
	}
	nonneg := lo >= 0
	lo, hi = lo-pad, hi+pad
	if nonneg {
		lo = math.Max(0, lo)
	}
	// Values beyond the range are marked ▲ or ▼ along its edge row (all of
	// an own-scale series'); where there are such marks, a reference on
	// that row gets the next row in, by the dots the drawing puts it on
	// (dotOf): ln 2 under a feature-matching G's ▲ row. Two rows are
	// enough where only one edge is marked: asking for three, the rule
	// would leave ln 2 at 70×20 only that G's ▲ row, which covers it.
	if len(refs) > 0 {
		up, down := c.beyond(pts, lo, hi)
		top, bottom := refsSpan(refs)
		marked := edgesMarked(up, down) // the references need a row besides
		dots := float64(4*rows - 1)
		if rows > marked {
			if up && top > lo && dotOf(top, lo, hi, rows) < 4 { // to the second row's top dot
				hi = lo + (top-lo)*dots/(dots-4)
			}
			if down && bottom < hi && dotOf(bottom, lo, hi, rows) >= 4*rows-4 && !(nonneg && bottom <= 0) { // to the last row but one's bottom dot
				lo = hi - (hi-bottom)*dots/(dots-4)
				if nonneg {
					lo = math.Max(0, lo)
				}
			}
		}
	}
	return lo, hi
}

// beyond tells whether a value of pts lies above hi, and whether one lies
// below lo: drawn along the range's edge there, marked ▲ or ▼ (draw).
func (c *lineChart) beyond(pts []session.Point, lo, hi float64) (up, down bool) {
	for _, p := range pts {
		for _, s := range c.series {
			v := s.value(p)
			up, down = up || v > hi && !math.IsInf(v, 1), down || v < lo && !math.IsInf(v, -1)
		}
	}
	return up, down
}

// edgesMarked is the number of edge rows the ▲ and ▼ marks take, up and
// down as beyond tells them.
func edgesMarked(up, down bool) int {
	n := 0
	for _, m := range []bool{up, down} {
		if m {
			n++
		}
	}
	return n
}

// refsSpan is the highest of the references and the lowest (−Inf and
// +Inf for none).
func refsSpan(refs []refLine) (top, bottom float64) {
	top, bottom = math.Inf(-1), math.Inf(1)
	for _, r := range refs {
		top, bottom = math.Max(top, r.y), math.Min(bottom, r.y)
	}
	return top, bottom
}

// chartAxis is a line chart's Y axis as snap lays it out: the range drawn,
// the step of its ticks, and their labels.
type chartAxis struct {
	lo, hi, step float64
	labels       []yLabel
}

// snap widens lo to hi, the range yRange fits on a chart of rows rows,
// to one whose labels stand evenly: a round step (stepLadder) spans a whole
// number m of rows, 1 to 5, so that its multiples, the ticks, stand every
// m rows, each at the same height in its row: in the row's middle where
// the range allows, else a dot or half a dot from it. It takes the least
// ρ = step/m that holds lo to hi, which draws the values tallest, at the
// same ρ a label every two rows before one on each; and of the ranges of
// that ρ, the one whose ticks stand nearest their rows' middles, centred
// on lo to hi as near as the rows allow: lo to hi snaps alike each time.
// Where lo is 0 or above, as a loss or a std is, 0 stands in the bottom
// row, and no label is negative.
//
// Before all that, the range fills its edge rows: the values and the
// references draw something on its top row and on its bottom row (fills),
// lo to hi held as far as they reach, and a row a line is drawn on left
// unlabelled where its tick does not name the line, a gap in the scale. A
// row that draws nothing at an edge spends a row on a label alone: ring's
// 2-D moments at 80×24 would read 2, 0, −2 and −4 down a −4 row without a
// dot, and at 70×20 5 over 0, the 5 row blank, to keep their labels
// mid-row and off the lines. Where no round range fills them, as for most
// spans on ten rows or more (whose window of ρ narrows with the rows:
// ring's moments at 120×40 after 100 epochs, its losses at 200×60), snap
// returns false, and the chart keeps lo to hi, the values' own range,
// labelled at the round values within it where their rows fall (ownAxis),
// a row more or less apart. Only what is drawn of one value, or of none,
// fills no edge rows: its range holds lo to hi, evenly labelled.
//
// It keeps the rules of ownAxis' scale: labels on two rows at least (one
// on a chart of one), a step apart, without a gap but at a line's row,
// and on a third of the rows of a taller chart (not bimodal's losses at
// 120×40 read as 2 and 0 alone, five rows apart); a reference off an edge
// row where values beyond lo to hi are marked (yRange), the range not
// widened to hold them, an own-scale series' above all; and a row a line
// is drawn on labelled only by a tick that names the line (labelsAt),
// where that costs at most twice the ρ, on a chart of two rows nothing,
// else a gap (on a chart of two rows the scale first). It returns false
// where no ρ holds the range, as for a range float64 cannot hold rows
// apart: the chart then keeps lo to hi and ownAxis' scale, as it does
// where no round range fills the edge rows.
//
// On ownAxis' scale the ticks would stand wherever their rows fall, unevenly
// on a short chart: grid's losses at 80×24 after 100 epochs would read 1.0,
// 0.8, a row without a label, 0.4.
func (c *lineChart) snap(pts []session.Point, refs []refLine, lo, hi float64, rows int) (chartAxis, bool) {
	if rows <= 0 || !(hi > lo) || math.IsInf(hi-lo, 0) {
		return chartAxis{}, false
	}
	type cand struct {
		step float64
		m    int
	}
	rho := func(cd cand) float64 { return cd.step / float64(cd.m) }
	var cands []cand
	vlo, vhi := c.drawnSpan(pts, refs)
	// fill: what is drawn spans values that can reach both edge rows; the
	// range then holds what is drawn of lo to hi (hold), else lo to hi.
	fill := vhi > vlo
	hold := [2]float64{lo, hi}
	if fill {
		hold = [2]float64{math.Max(lo, vlo), math.Min(hi, vhi)}
	}
	least := (hold[1] - hold[0]) / (float64(rows) - 0.25) // the least ρ that spans hold
	for m := 1; m <= max(1, min(5, rows-1)); m++ {
		for _, s := range roundSteps(least * float64(m)) {
			cands = append(cands, cand{s, m})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if ra, rb := rho(a), rho(b); math.Abs(ra-rb) > 1e-9*ra {
			return cmp.Compare(ra, rb)
		}
		return cmp.Compare(abs(a.m-2), abs(b.m-2)) // then a label every two rows, then every row
	})
	// The values beyond lo to hi: a range widened to hold them would leave
	// the chart no room for the rest, an own-scale series' above all.
	up, down := c.beyond(pts, lo, hi)
	// A pass of the search: the ranges that hold what is drawn of lo to hi
	// (hold), fill their edge rows (fills) and are labelled evenly with
	// lines' rows kept off, written with the rows shown's lines are drawn
	// on left unlabelled, a gap in the scale.
	type pass struct {
		lines, shown []refLine
	}
	// fills tells whether the range ax draws something on its top row and
	// on its bottom row: the highest and the lowest of the values and the
	// references, a value beyond ax drawn on its edge row.
	fills := func(ax chartAxis) bool {
		return dotOf(math.Min(vhi, ax.hi), ax.lo, ax.hi, rows) < 4 &&
			dotOf(math.Max(vlo, ax.lo), ax.lo, ax.hi, rows) >= 4*rows-4
	}
	// fits tells whether the range ax, its ticks m rows apart, is one of
	// pass p's, and keeps the references off a marked edge row (yRange);
	// it sets ax's labels.
	fits := func(ax *chartAxis, m int, p pass) bool {
		if !(ax.lo <= hold[0] && ax.hi >= hold[1]) || fill && !fills(*ax) {
			return false
		}
		ax.labels = labelsAt(ax.lo, ax.hi, rows, ax.step, p.lines)
		for i := 1; i < len(ax.labels); i++ {
			if ax.labels[i-1].row-ax.labels[i].row != m {
				return false
			}
		}
		if len(p.shown) > len(p.lines) {
			ax.labels = labelsAt(ax.lo, ax.hi, rows, ax.step, p.shown)
		}
		if len(ax.labels) < min(rows, max(2, rows/3)) {
			return false
		}
		return refsOffMarked(refs, up, down, ax.lo, ax.hi, rows, lo >= 0)
	}
	// first is the first range of the candidates up to ρ most that fits
	// pass p, and its ρ.
	first := func(p pass, most float64) (chartAxis, float64, bool) {
		for _, cd := range cands {
			r := rho(cd)
			if r > most {
				break
			}
			h := r / 8 // half a dot: a tick stands on a dot or between two
			// j: the range runs from jh down to (j−8·rows+2)h, rows−¼
			// rows of ρ, the dots at jh, (j−2)h, …; the ticks, multiples
			// of 8m·h, stand at the same half-dot of their rows,
			// (j mod 8)/2 dots down, a row's 4 dots from 0 to 3 (7: between
			// two rows, which the rounding of dotOf could take either way).
			jLo, jHi := math.Ceil(hold[1]/h), math.Floor(hold[0]/h)+float64(8*rows-2)
			if lo >= 0 { // 0 in the bottom row, on its top dot at the lowest
				jLo = math.Max(jLo, float64(8*rows-8))
			}
			if !(jLo <= jHi) || math.Abs(jLo) > 1<<40 || math.Abs(jHi) > 1<<40 {
				continue
			}
			mid := math.Round((jLo + jHi) / 2)
			for _, at := range [...]float64{3, 2, 4, 1, 5, 0, 6} { // from a row's middle out
				j0 := mid - math.Mod(math.Mod(mid, 8)+8, 8) + at // mid's row's, at the half-dot at
				for d := 0.0; j0-d >= jLo || j0+d <= jHi; d += 8 {
					for _, j := range []float64{j0 - d, j0 + d} {
						if j < jLo || j > jHi || d == 0 && j != j0-d {
							continue
						}
						ax := chartAxis{lo: (j - float64(8*rows-2)) * h, hi: j * h, step: cd.step}
						if fits(&ax, cd.m, p) {
							return ax, r, true
						}
					}
				}
			}
		}
		return chartAxis{}, 0, false
	}
	// The least ρ comes first, its lines' rows left unlabelled (on a chart
	// of two rows the scale first); then a range whose lines' rows are
	// labelled only by ticks that name them, at up to twice that ρ (two
	// rows: the same ρ).
	shown := refs
	if rows <= 2 {
		shown = nil
	}
	ax, r, ok := first(pass{nil, shown}, math.Inf(1))
	if ok && len(refs) > 0 {
		if rows > 2 {
			r *= 2
		}
		if named, _, ok := first(pass{refs, refs}, r*(1+1e-9)); ok {
			return named, true
		}
	}
	return ax, ok
}

// drawnSpan is the lowest and the highest of what the chart draws of pts
// and refs: the series' finite values and the references (+Inf and −Inf
// for nothing).
func (c *lineChart) drawnSpan(pts []session.Point, refs []refLine) (lo, hi float64) {
	lo, hi = refsSpan(refs)
	lo, hi = hi, lo
	for _, p := range pts {
		for _, s := range c.series {
			if v := s.value(p); !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	return lo, hi
}

// maxBelow bounds the round steps twoTicks and a line chart's scale try
// below their first: each is at most half the one before, and a first
// step of niceStep's over a chart's rows or columns (under 2.5 times the
// span over their half, at least 1) is under 5 times half the span, which
// ticks twice: three steps below at most. A range no round step ticks twice (hi no greater than
// lo, NaN) would have had them tried without end.
const maxBelow = 64

// twoTicks is the first round step from step down (niceBelow) at which
// lo to hi has two ticks at least (yTicks); after maxBelow steps without,
// the last tried. Unbounded, a span past MaxFloat64 (−1e308 to 1e308:
// +Inf) would loop for ever, niceBelow(+Inf) being +Inf, which ticks
// nothing.
func twoTicks(lo, hi, step float64) float64 {
	for i := 0; i < maxBelow && len(yTicks(lo, hi, step)) < 2; i++ {
		step = niceBelow(step)
	}
	return step
}

// yTicks are the round values a Y axis labels: the multiples of step
// from lo to hi. A step too small to move the value it is added to (a
// step of 1,000 at 1e20, whose neighbours are 16,384 apart; any at −Inf)
// gives that one tick, where the loop would give it without end.
func yTicks(lo, hi, step float64) []float64 {
	var ticks []float64
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		ticks = append(ticks, v)
		if v+step == v {
			break
		}
	}
	return ticks
}

// niceBelow is the round step next below the round step s: 5 → 2 → 1 → 0.5.
// It is finite and positive for any s: +Inf, a span past MaxFloat64,
// gives the greatest round step, 1e308 (it gave +Inf, or NaN for a
// span of NaN); the least denormal, with no step below it, gives itself
// (decade); NaN, 0 or a negative s, no step at all, gives 1, as niceStep
// does (it gave NaN, and 0 for 0).
func niceBelow(s float64) float64 {
	if !(s > 0) {
		return 1
	}
	s = math.Min(s, math.MaxFloat64)
	p := math.Pow(10, decade(s))
	switch m := s / p; {
	case m > 4:
		return 2 * p
	case m > 1.5:
		return p
	}
	return p / 2
}

// stepLadder is the round steps of a line chart's Y axis in a decade, as
// plotting libraries take them (matplotlib's MaxNLocator, gonum/plot's
// ticks): 1, 2, 2.5 and 5 times a power of ten. 2.5 fills rows that 2
// and 5 leave blank: ring's 2-D moments at 80×24, a span of 3.7 over four
// rows, fill them at 2.5 a label every two rows, where no range of 1, 2
// or 5 does; its losses at 120×40, 0.46 to 0.99 over ten rows, at 0.25
// every four.
var stepLadder = [...]float64{1, 2, 2.5, 5}

// roundSteps is the four steps of stepLadder from x up: those whose ρ
// over m rows are nearest the least ρ a span needs (snap). It is nil for
// an x that is not a positive number; its steps past MaxFloat64 are +Inf,
// which snap passes over.
func roundSteps(x float64) []float64 {
	if !(x > 0) {
		return nil
	}
	var steps []float64
	for e := int(decade(x)); len(steps) < 4 && e <= 309; e++ {
		for _, q := range stepLadder {
			v := q * math.Pow10(e)
			if e < 0 {
				v = q / math.Pow10(-e) // 2.5/100: the float nearest 0.025
			}
			if v >= x && len(steps) < 4 {
				steps = append(steps, v)
			}
		}
	}
	return steps
}

// thin averages points that would share a braille dot column of a graph
// gw columns wide, so a long
// noisy history draws as a line rather than a smear of vertical strokes.
func (c *lineChart) thin(pts []session.Point, xmin, xmax float64, gw int) []session.Point {
	cols := 2 * gw
	if cols <= 0 || len(pts) <= cols {
		return pts
	}
	out := make([]session.Point, 0, cols)
	start, cur := 0, -1
	for i, p := range pts {
		col := min(cols-1, int((float64(p.Epoch)-xmin)/(xmax-xmin)*float64(cols)))
		if col != cur && i > start {
			out = append(out, session.Mean(pts[start:i]))
			start = i
		}
		cur = col
	}
	return append(out, session.Mean(pts[start:]))
}

// drawRefs draws each reference as a dotted horizontal line at the row where a
// braille line at its y would be: ┈ on every empty cell of the graph area, and
// through a cell a curve takes, a braille dot at its level added to the
// curve's, one a cell, left and right in turn, so that the dotted line runs on
// through the curve at its exact height and the curve keeps its colour. Left
// out of every cell a curve takes, the line would let a mean on its target,
// the moment the chart is there to show, hide the target: bimodal at 80×24, σ
// along the row of the mean's target 0, would show no ┈0 at all. References
// that fall on one row share it cell by cell, in turn, so that with label
// smoothing G's balance line, 0.02 above D real's, shows where the two take
// one row, which at 120×40 is always. It returns the cells it drew, for draw
// to tell which references still show.
func (c *lineChart) drawRefs(refs []refLine) []refCell {
	type level struct {
		styles []lipgloss.Style
		sub    []int // each reference's dot row within the cell, 0 at the top
		ref    []int // each reference's index in refs
	}
	var rows []int // in the order of their first reference
	levels := map[int]*level{}
	for ri, r := range refs {
		if row, sub, ok := c.dotRow(r.y); ok {
			if _, seen := levels[row]; !seen {
				rows = append(rows, row)
				levels[row] = &level{}
			}
			levels[row].styles = append(levels[row].styles, r.style)
			levels[row].sub = append(levels[row].sub, sub)
			levels[row].ref = append(levels[row].ref, ri)
		}
	}
	var drew []refCell
	x0, gw := c.ts.Origin().X+1, c.ts.GraphWidth()
	for _, row := range rows {
		lv := levels[row]
		for x := x0; x < x0+gw; x++ {
			i := (x - x0) % len(lv.styles)
			p := canvas.Point{X: x, Y: row}
			switch cell := c.ts.Canvas.Cell(p); {
			case cell.Rune == 0:
				cell = canvas.NewCellWithStyle('┈', lv.styles[i])
				c.ts.Canvas.SetCell(p, cell)
				drew = append(drew, refCell{p, cell.Rune, lv.ref[i]})
			case cell.Rune >= 0x2800 && cell.Rune <= 0x28FF:
				cell.Rune |= rune(dotBits[(x-x0)%2][lv.sub[i]])
				c.ts.Canvas.SetCell(p, cell)
				drew = append(drew, refCell{p, cell.Rune, lv.ref[i]})
			}
		}
	}
	return drew
}

// row returns the canvas row on which the braille lines draw y.
func (c *lineChart) row(y float64) (int, bool) {
	row, _, ok := c.dotRow(y)
	return row, ok
}

// dotRow returns the canvas row on which the braille lines draw y, and
// the row of dots within it, 0 at the top.
func (c *lineChart) dotRow(y float64) (row, sub int, ok bool) {
	gh := c.ts.GraphHeight()
	lo, hi := c.ts.ViewMinY(), c.ts.ViewMaxY()
	if gh <= 0 || !(hi > lo) || y < lo || y > hi {
		return 0, 0, false
	}
	d := dotOf(y, lo, hi, gh)
	return d / 4, d % 4, true
}

// dotOf is the row of braille dots, 0 at the top, on which a chart of
// rows rows from lo to hi (hi > lo) draws y (lo ≤ y ≤ hi): its canvas row
// is the dot's over 4. yRange places references by it, as the drawing
// does, so that a row it keeps for one is the row the line is drawn on.
// It scales y as ntcharts does, in the same two steps, to the rows and
// then to the dots: in one, (y−lo)/(hi−lo)·(4·rows−1), the float rounds
// apart where y falls between two dots, and ring's mean of y, 1.872 at
// epoch 100 at 80×24, half a dot under the top row, would have its end
// mark on the top row and its line on the row under it.
func dotOf(y, lo, hi float64, rows int) int {
	dots := 4*rows - 1
	scaled := (y - lo) * (float64(rows) / (hi - lo)) // ntcharts' data scale, to rows
	return dots - int(math.Round(scaled*(float64(dots)/float64(rows))))
}

// drawTicks replaces ntcharts' axis labels, which fall on arbitrary values,
// with labels at round epochs, every xstep, and the Y labels fit
// chose, and marks them on the axes.
func (c *lineChart) drawTicks(xmin, xmax, xstep float64, labels []yLabel) {
	cv := &c.ts.Canvas
	o := c.ts.Origin()
	blank := canvas.NewCell(0)
	for x := range c.w {
		cv.SetCell(canvas.Point{X: x, Y: o.Y + 1}, blank)
	}
	for y := 0; y <= o.Y; y++ {
		for x := range o.X {
			cv.SetCell(canvas.Point{X: x, Y: y}, blank)
		}
	}
	// X: epochs. A resumed run's axis may span few epochs far from 0,
	// where compact labels would all read alike: whole numbers then.
	first := math.Ceil(xmin/xstep) * xstep
	label := compact
	if compact(first) == compact(first+xstep) {
		label = func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	}
	end := -1
	for e := first; e <= xmax; e += xstep {
		col, _ := c.col(e, xmin, xmax)
		s := label(e)
		start := min(max(0, col-len(s)/2), c.w-len(s)) // at the right edge, shifted in: 10k under its tick
		if start <= end || start < 0 || col < start || col >= start+len(s) {
			continue
		}
		cv.SetStringWithStyle(canvas.Point{X: start, Y: o.Y + 1}, s, styleMuted)
		cv.SetCell(canvas.Point{X: col, Y: o.Y}, canvas.NewCellWithStyle('┬', styleFaint))
		end = start + len(s)
	}
	// Y: the labels fit chose, right-aligned against the axis.
	for _, l := range labels {
		if l.row >= o.Y || len(l.text) > o.X {
			continue
		}
		cv.SetStringWithStyle(canvas.Point{X: o.X - len(l.text), Y: l.row}, l.text, styleMuted)
		cv.SetCell(canvas.Point{X: o.X, Y: l.row}, canvas.NewCellWithStyle('┤', styleFaint))
	}
}

// yLabel is a chart's Y axis label (ownAxis): the canvas row it stands
// on and its text.
type yLabel struct {
	row  int
	text string
}

// ownAxis lays out the Y axis of the values' own range, lo to hi on rows
// rows, where snap finds no round range that fills the edge rows, as a
// scale: the round values of a step (yTicks), each on the row the chart
// draws it on, as labelsAt writes them. The step is a round one
// (roundSteps) from a label every two rows up, the finest that leaves three
// labels or more standing about evenly (aboutEven), else three or more 2
// and 3 rows apart (nearlyEven), else the one whose ticks stand the most
// evenly, two most often: ring's losses at 200×60 after 100 epochs, 0.45
// to 0.98 over 13 rows, read 1.0, 0.8 and 0.6 five rows apart, not 0.9 to
// 0.5 3, 2, 3 and 2 rows apart; a chart is read poorly by two labels alone.
//
// The range takes in the tick of its step just beyond an end where it
// lies within half a row of it, so that the scale names its end:
// uniform's moments at 120×40, whose std starts at 0.1, read "0" on the
// bottom row. A step takes in as many of its ends as leave its labels
// standing evenly: bimodal's losses at 120×40, 0.09 to 3.43 over ten
// rows, read 3, 2 and 1 three rows apart, their 0, which would stand two
// rows under 1, left out, where taking it in had them read 2 and 0
// alone. Half a row keeps what is
// drawn on both edge rows, each row taller by the widening than the half
// row moved; a widening that would bring a reference back onto an edge
// row that values beyond the range mark is not taken (refsOffMarked).
//
// Where no step leaves two labels, the scale comes first: the ticks are
// chosen as if no line were drawn, and a line may stand on a row whose
// tick does not name it, as where the moments chart of two rows holds
// both targets' lines on one (bimodal's 0 and 2.06 at 80×20). The
// legends give the lines' values.
func (c *lineChart) ownAxis(pts []session.Point, refs []refLine, lo, hi float64, rows int) chartAxis {
	step, labels := labelScale(lo, hi, rows, refs)
	if len(labels) < min(2, rows) || math.IsInf(hi-lo, 0) {
		if s, l := labelScale(lo, hi, rows, nil); len(l) > len(labels) {
			step, labels = s, l
		}
		return chartAxis{lo, hi, step, labels}
	}
	up, down := c.beyond(pts, lo, hi)
	half := (hi - lo) / float64(rows) / 2
	// widened is the axis of step over lo to hi, widened at the ends
	// take names to the tick of step within half a row beyond each.
	widened := func(step float64, take [2]bool) chartAxis {
		ax := chartAxis{lo: lo, hi: hi, step: step}
		if t := math.Floor(lo/step) * step; take[0] && lo-t < half {
			ax.lo = t
		}
		if t := math.Ceil(hi/step) * step; take[1] && t-hi < half {
			ax.hi = t
		}
		if !refsOffMarked(refs, up, down, ax.lo, ax.hi, rows, lo >= 0) {
			ax.lo, ax.hi = lo, hi
		}
		ax.labels = labelsAt(ax.lo, ax.hi, rows, step, refs)
		return ax
	}
	var axes []chartAxis // finest step first, and at a step as many ends taken in as can be
	for _, s := range roundSteps(math.Min(step, (hi-lo)/math.Max(1, float64(rows)/2))) {
		for _, take := range [...][2]bool{{true, true}, {true, false}, {false, true}, {}} {
			axes = append(axes, widened(s, take))
		}
	}
	for _, most := range [...]float64{aboutEven, nearlyEven} {
		for _, ax := range axes {
			if len(ax.labels) >= 3 && unevenness(ax, rows) <= most {
				return ax
			}
		}
	}
	best := widened(step, [2]bool{true, true})
	least := unevenness(best, rows)
	for _, ax := range axes {
		if len(ax.labels) >= min(2, rows) && unevenness(ax, rows) < least {
			best, least = ax, unevenness(ax, rows)
		}
	}
	return best
}

// refsOffMarked tells whether the range lo to hi on rows rows keeps the
// references off an edge row that values beyond it mark, ▲ above (up) or ▼
// below (down), as yRange keeps them: a reference at 0 or below on a range
// of values at 0 or above (nonneg) stands on the bottom row all the same,
// and on a chart of no more rows than marked edges there is no row besides.
func refsOffMarked(refs []refLine, up, down bool, lo, hi float64, rows int, nonneg bool) bool {
	if len(refs) == 0 || rows <= edgesMarked(up, down) {
		return true
	}
	top, bottom := refsSpan(refs)
	edge := func(y float64) int { return dotOf(y, lo, hi, rows) / 4 }
	return !(up && edge(top) == 0) && !(down && edge(bottom) == rows-1 && !(nonneg && bottom <= 0))
}

// aboutEven is the most unevenness (unevenness) of ticks that read as
// evenly spaced: gaps of 3 and 4 rows, a third apart, do, and 5 and 6; 2
// and 3 rows, a half, do not.
const aboutEven = 1.0 / 3

// nearlyEven is the most unevenness of ticks ownAxis takes where none
// stand about evenly (aboutEven) three at least: gaps of 2 and 3 rows,
// which read better than two labels alone.
const nearlyEven = 1.0 / 2

// unevenness is how unevenly the ticks of ax's step stand on a chart of
// rows rows of its range: how many rows the gaps between them differ by at
// most, over the least gap, 0 where they stand the same number of rows
// apart.
func unevenness(ax chartAxis, rows int) float64 {
	ls := labelsAt(ax.lo, ax.hi, rows, ax.step, nil)
	least, most := math.MaxInt, 0
	for i := 1; i < len(ls); i++ {
		g := abs(ls[i-1].row - ls[i].row)
		least, most = min(least, g), max(most, g)
	}
	if most == 0 {
		return 0
	}
	return float64(most-least) / float64(least)
}

// labelScale is the step ownAxis starts from with the lines refs drawn, and the
// labels labelsAt gives it; where no step leaves two labels, the step of
// the most.
func labelScale(lo, hi float64, rows int, refs []refLine) (step float64, labels []yLabel) {
	step = niceStep((hi - lo) / math.Max(1, float64(rows)/2))
	labels = labelsAt(lo, hi, rows, step, refs)
	for s, i := step, 0; i < maxBelow && len(labels) < min(2, rows); i++ {
		if s = niceBelow(s); hi/s-lo/s > float64(8*rows) { // hi/s-lo/s: (hi-lo)/s is +Inf from −1e308 to 1e308
			break
		}
		if l := labelsAt(lo, hi, rows, s, refs); len(l) > len(labels) {
			step, labels = s, l
		}
	}
	return step, labels
}

// labelsAt labels each row of a chart of rows rows from lo to hi that the
// ticks of step fall in (yTicks; dotOf, as row) with one of them, the one
// nearest the row's middle where several fall in one. Written each over the
// one before, a shorter one would leave the other's first cells standing: -2
// and 0 on the 2-D moments chart's bottom row at 70×20 would read -0, and -2,
// 0, 2 and 4 on a chart of one row -4, below the range drawn.
//
// A reference line's value is not written on the axis, whose labels stay a
// scale; the legends give it (┈ ln 2, ┈1.25). A row a line is drawn on is
// labelled only by a tick that names it (names), and left unlabelled where
// none does, so that the dotted line is not read as another value. Labelled
// with its line's own value, a row would break the scale: ring's 2-D moments
// chart at 80×24 would read 1.41, 0, −2 down its rows, vanilla's moments 4, 2,
// 1.25; and a line under half a step from 0 would keep the row's 0, vanilla's
// ln 2 on its losses chart.
func labelsAt(lo, hi float64, rows int, step float64, refs []refLine) []yLabel {
	if rows <= 0 || !(hi > lo) {
		return nil
	}
	rowOf := func(y float64) (int, bool) { return dotOf(y, lo, hi, rows) / 4, y >= lo && y <= hi }
	lines := map[int][]float64{} // the references drawn on each row
	for _, r := range refs {
		if row, ok := rowOf(r.y); ok {
			lines[row] = append(lines[row], r.y)
		}
	}
	mid := func(row int) float64 { return hi - (float64(row)+0.5)/float64(rows)*(hi-lo) }
	var order []int
	at := map[int]float64{}
	for _, v := range yTicks(lo, hi, step) {
		row, ok := rowOf(v)
		if !ok || slices.ContainsFunc(lines[row], func(y float64) bool { return !names(v, y, step) }) {
			continue
		}
		if was, seen := at[row]; !seen {
			order = append(order, row)
		} else if math.Abs(v-mid(row)) >= math.Abs(was-mid(row)) {
			continue
		}
		at[row] = v
	}
	labels := make([]yLabel, 0, len(order))
	for _, row := range order {
		labels = append(labels, yLabel{row, axisNum(at[row], step)})
	}
	return labels
}

// names tells whether the tick v of a scale of step names a reference
// line at y on its row: y, rounded to the place of the step's last digit
// (places), the last digit the tick is written to, is v. At a step
// of 1, 1 names √2's line; at 2, neither 0 nor 2 does, nor names ln 2's;
// at 0.1, 0.7 names ln 2's, and at 50, 0 does.
func names(v, y, step float64) bool {
	return math.Abs(v-y) < math.Pow(10, -float64(places(step)))/2
}

// axisNum writes a tick value v, a multiple of step, as the axes label it, at
// the step's precision: where the screen writes numbers plainly
// (numtext.Plainly: 10⁻⁴ ≤ |v| < 10⁵) with the decimals the step needs (0.05,
// 1.25, 0.00 at a step of 0.01), else, such as the losses of a run blowing up,
// in the short exponent form with the significant digits it needs (2e9,
// 1.25e5, 5e-5, -3e-310), so that the axis does not eat the chart. It writes
// tickDigits significant digits at most, and a value within half a step of 0
// as 0 (float noise: 5.6e-17 for -0.3 + 3 × 0.1). In plain decimals a range at
// 1e-300 would take 300 of them: the loss chart's gutter would be wider than
// the chart, a panic in ntcharts.
func axisNum(v, step float64) string {
	a := math.Abs(v)
	switch {
	case v == 0 || a < step/2 && step < math.Inf(1):
		if d := decimalsFor(step); d <= plainDecimals {
			return strconv.FormatFloat(0, 'f', d, 64)
		}
		return "0"
	case a >= 1e5 || a < 1e-4 || math.IsNaN(v): // ±Inf, NaN: "+Inf", "NaN"
		digits := 1
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			digits = min(tickDigits, max(1, int(decade(a))+places(step)+1))
		}
		return numtext.Plainly(v, digits)
	}
	d := min(decimalsFor(step), max(0, tickDigits-1-int(decade(a))))
	return strconv.FormatFloat(v, 'f', d, 64)
}

// tickDigits bounds the significant digits of a tick's label: a range
// only a few float64s wide (0.6931471805599453 to the next) would
// otherwise be labelled in 17, ticks that then read alike, as a range
// the gutter of the samples panel cannot label apart does (1, 1, 1).
const tickDigits = 8

// plainDecimals is the most decimals a number written plainly has
// before the screen writes it as an exponent (numtext.Plainly: 0.0001).
const plainDecimals = 4

// cleanZero turns −0 into 0 so that it prints without a sign.
func cleanZero(v float64) float64 {
	if v == 0 {
		return 0
	}
	return v
}

// decimalsFor picks the decimals a tick step needs: 0.05 → 2, 0.5 → 1,
// 5 → 0, and none for a step that is not a finite, positive number.
func decimalsFor(step float64) int { return max(0, places(step)) }

// places is the decimal place of a step's last digit, the decimals it
// needs: 2 for 0.05, 0 for 5, 1 for 2.5, 2 for 0.25, −4 for 5e4, 310 for
// 1e-310 (log10), and 0 for a step that is not a finite, positive number.
func places(step float64) int {
	if !(step > 0) || math.IsInf(step, 0) {
		return 0
	}
	p := int(math.Ceil(-log10(step) - 1e-9))
	if f := step / math.Pow(10, float64(-p)); math.Abs(f-math.Round(f)) > 1e-6 {
		p++ // a step of two digits, 2.5 or 0.25, is written to its second
	}
	return p
}

// log10 is math.Log10 of a positive s, a denormal's too: math.Log10 reads
// about −307.95 for every one, which would put 5e-324's round step below
// at 5e-309.
func log10(s float64) float64 {
	if s < 0x1p-1022 { // a denormal: scaled into the normal range and back
		return math.Log10(s*1e20) - 20
	}
	return math.Log10(s)
}

// compact writes an epoch count or a bin's count short, in four cells
// from 0 to 10⁹⁹: 950, 1.2k, 12k, 1.5M, 25M, then in exponent form
// (3e9); NaN and ±Inf as the screen writes them (NaN, +Inf): never 1000k
// for 999,999, 12.3M for 12,345,678, nor a hundred digits and M for
// 1e100, none of which fits four cells.
func compact(v float64) string {
	switch a := math.Abs(v); {
	case a < 1000:
		return strconv.FormatFloat(cleanZero(math.Round(v)), 'f', 0, 64)
	case a < 9950:
		return trimZeros(strconv.FormatFloat(v/1000, 'f', 1, 64)) + "k"
	case a < 999_500:
		return strconv.FormatFloat(math.Round(v/1000), 'f', 0, 64) + "k"
	case a < 9_950_000:
		return trimZeros(strconv.FormatFloat(v/1e6, 'f', 1, 64)) + "M"
	case a < 999_500_000:
		return strconv.FormatFloat(math.Round(v/1e6), 'f', 0, 64) + "M"
	}
	return numtext.Plainly(v, 1)
}

// trimZeros drops the zeros that end a number's decimals, and its point
// if none are left: 1.50 → 1.5, 2.0 → 2; a number in exponent form is
// returned as it is.
func trimZeros(s string) string {
	if !strings.Contains(s, ".") || strings.Contains(s, "e") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}
