package figure

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	plotpalette "gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
)

// Heatmap is a value over a grid of two settings, such as the median KS
// of a sweep over D's and G's learning rates — the stability map of a
// design (after Lucic et al. 2018, "Are GANs Created Equal?").
type Heatmap struct {
	Title      string
	XKey, YKey string   // the settings along the axes
	X, Y       []string // their values, as the tick labels
	// Z[j][i] is the value at Y[j], X[i]; NaN where there is none (every
	// seed diverged, or none ran), drawn white, hatched (noValueHatch).
	Z [][]float64
	// ZLabel names the value, e.g. "median KS": a distance to the
	// target, lower the better, as the colour bar says under its name.
	ZLabel string
	// ZLimits, when its first end is below its second, are the least and
	// the most the value can take (KS: 0 and 1; sliced W1: 0 and +Inf):
	// the colour bar runs from the least, the best a cell could read, to
	// the worst cell's value, and that of a map whose cells all hold one
	// value, widened around it, is kept within them. The zero value sets
	// none: the bar runs from the lowest cell's value to the highest.
	ZLimits [2]float64
	// Notes, if not nil, holds a line of text for each cell, as Z, under
	// its value or in its place: e.g. how many seeds diverged there.
	Notes [][]string
	// NoValue names why cells have no value, each reason once ("all
	// diverged", "NaN", "none finished"), as the key under the colour bar
	// lists them under "no value:" beside a hatched square; nil, "no
	// value" alone.
	NoValue []string
}

// grid is a Heatmap as plotter.GridXYZ: column i, row j at (i, j).
type grid struct{ h *Heatmap }

func (g grid) Dims() (c, r int) { return len(g.h.X), len(g.h.Y) }

// Z is the value of a cell, NaN for any that is not finite: gonum's heat
// map fills NaN with no value's white (noValue), under its hatching, as
// the cell's text and the docs say, but ±Inf with its Overflow and
// Underflow colours, which ganui leaves unset: a sweep whose every run
// gave a sliced W1 of +Inf would leave its cell unpainted.
func (g grid) Z(c, r int) float64 {
	if v := g.h.Z[r][c]; finite(v) {
		return v
	}
	return math.NaN()
}

func (g grid) X(c int) float64 { return float64(c) }
func (g grid) Y(r int) float64 { return float64(r) }

func (h *Heatmap) valid() error {
	if len(h.X) == 0 || len(h.Y) == 0 || len(h.Z) != len(h.Y) {
		return fmt.Errorf("heat map of %d×%d values for %d×%d settings", len(h.Z), len(h.Z), len(h.Y), len(h.X))
	}
	for _, row := range h.Z {
		if len(row) != len(h.X) {
			return fmt.Errorf("heat map row of %d values for %d settings", len(row), len(h.X))
		}
	}
	return nil
}

// EncodeHeatmap draws h and writes it to w in format: the map with each
// cell's value written in it, and a colour bar beside it.
func EncodeHeatmap(w io.Writer, format string, h Heatmap) error {
	if err := h.valid(); err != nil {
		return err
	}
	return encodeDrawing(w, format, 7.5*vg.Inch, 6*vg.Inch, func(dc draw.Canvas) error { return drawHeatmap(dc, h) })
}

// encodeDrawing writes to w in format a canvas of width × height on which
// paint has drawn.
func encodeDrawing(w io.Writer, format string, width, height vg.Length, paint func(draw.Canvas) error) error {
	c, err := newCanvas(format, width, height)
	if err != nil {
		return err
	}
	if err := paint(draw.New(c)); err != nil {
		return err
	}
	_, err = c.WriteTo(w)
	return err
}

// drawHeatmap draws h, valid, on dc: its title, the map and the colour
// bar beside it.
func drawHeatmap(dc draw.Canvas, h Heatmap) error {
	p, bar, mapArea, barArea, err := heatmapLayout(dc, h)
	if err != nil {
		return err
	}
	p.Draw(mapArea)
	bar.Draw(barArea)
	// Under the bar, centred as its title is, not past the bar's right edge.
	b := bar.DataCanvas(barArea)
	newNoValueKey(h).draw(dc, (barArea.Min.X+barArea.Max.X)/2, b.Max.X, b.Min.Y-noValueKeyGap)
	return nil
}

// heatmapLayout lays h, valid, out on dc: its title written, the map's
// plot and the colour bar's, and the areas they are drawn on. The bar's
// scale runs beside the map's cells from their foot to their top, both
// set by the taller of what stands above and under each (the bar's
// two-line title, the map's one; the map's rows of names): the bar's
// scale had ended 13 points under the cells' top and begun 6 over their
// foot, its 0 and its worst value read beside no cell's edge.
func heatmapLayout(dc draw.Canvas, h Heatmap) (p, bar *plot.Plot, mapArea, barArea draw.Canvas, err error) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, row := range h.Z {
		for _, v := range row {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo > hi { // nothing finite
		lo, hi = 0, 1
	}
	// The bar begins at the measure's best, its limits' first end (0, a
	// perfect match), not at the best cell's value: a map whose every cell
	// lies far from the target (KS 0.997 beside 0.998) reads dark red
	// throughout, where its best cell would take the pale yellow of a
	// match.
	if a, b := h.ZLimits[0], h.ZLimits[1]; a < b && lo > a {
		lo = a
	}
	if hi == lo { // one value: a range around it, for a colour bar that reads
		d := math.Max(math.Abs(lo)/10, 1e-9)
		lo, hi = lo-d, hi+d
		// As wide, within the value's limits, so that a KS of 1 in every
		// cell does not get a bar from 0.9 to 1.1, nor one of 0 a bar
		// from -1e-9.
		if a, b := h.ZLimits[0], h.ZLimits[1]; a < b {
			if lo < a {
				lo, hi = a, math.Min(a+2*d, b)
			}
			if hi > b {
				lo, hi = math.Max(b-2*d, a), b
			}
		}
	}
	cm := heatScale(lo, hi)

	p = plot.New()
	p.Title.Text = h.ZLabel + " by " + h.XKey + " and " + h.YKey
	p.X.Label.Text = h.XKey
	p.Y.Label.Text = h.YKey
	hm := plotter.NewHeatMap(grid{&h}, cm.Palette(255))
	hm.Min, hm.Max = lo, hi
	hm.NaN = noValue
	p.Add(hm)
	hatch := &noValueHatch{}
	p.Add(hatch)
	p.X.Tick.Marker = categories(h.X)
	p.Y.Tick.Marker = categories(h.Y)
	p.X.Padding, p.Y.Padding = 0, 0

	var xys plotter.XYs
	var labels []string
	var inks []color.Color
	for j, row := range h.Z {
		for i, v := range row {
			inks = append(inks, ink(cm, v))
			var note string
			if j < len(h.Notes) && i < len(h.Notes[j]) {
				note = h.Notes[j][i]
			}
			xys = append(xys, plotter.XY{X: float64(i), Y: float64(j)})
			labels = append(labels, cellText(v, note))
			if !finite(v) {
				hatch.cells = append(hatch.cells, len(xys)-1)
			}
		}
	}
	hatch.xys = xys
	cells, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
	if err != nil {
		return nil, nil, mapArea, barArea, err
	}
	for i := range cells.TextStyle {
		cells.TextStyle[i].Color = inks[i]
		cells.TextStyle[i].XAlign, cells.TextStyle[i].YAlign = draw.XCenter, draw.YCenter
	}

	bar = plot.New()
	// Which end is good, as the screen's Quality says ("lower SW1
	// better"): a scale from pale to dark and a number alone would give a
	// learner no word on which way a design improves.
	bar.Title.Text = h.ZLabel + "\nlower is better"
	bar.Title.TextStyle.Font.Size = vg.Points(10)
	cb := &plotter.ColorBar{ColorMap: cm, Vertical: true}
	bar.Add(cb)
	bar.HideX()
	bar.Y.Padding = 0
	bar.Y.Tick.Marker = roundTicks{}

	const barWidth = 1.1 * vg.Inch
	body := title(dc, h.Title)
	// Under the figure's title, a gap over the map's and the bar's; right
	// of the bar, its title's overhang and a margin.
	mapArea = draw.Crop(body, vg.Points(6), -barWidth-vg.Points(22), vg.Points(6), -heatGap)
	// Under the bar, room for the key to hatched cells where there are
	// any (noValueKey), the cells' foot raised with the bar's if need be.
	barArea = draw.Crop(body, body.Max.X-body.Min.X-barWidth-vg.Points(6), -vg.Points(14), vg.Points(6)+newNoValueKey(h).height(), -heatGap)
	d := p.DataCanvas(mapArea)
	p.X.Tick.Marker = staggered(h.X, p.X.Tick.Label, (d.Max.X-d.Min.X)/vg.Length(len(h.X)))
	d = p.DataCanvas(mapArea) // as high as the names' rows under it leave it
	b := bar.DataCanvas(barArea)
	top, foot := min(d.Max.Y, b.Max.Y), max(d.Min.Y, b.Min.Y)
	mapArea.Max.Y, mapArea.Min.Y = mapArea.Max.Y-(d.Max.Y-top), mapArea.Min.Y+(foot-d.Min.Y)
	barArea.Max.Y, barArea.Min.Y = barArea.Max.Y-(b.Max.Y-top), barArea.Min.Y+(foot-b.Min.Y)
	d = p.DataCanvas(mapArea)
	p.Y.Tick.Marker = stacked(h.Y, p.Y.Tick.Label, (d.Max.Y-d.Min.Y)/vg.Length(len(h.Y)))
	d = p.DataCanvas(mapArea) // as wide as the names beside it leave it
	cellW, cellH := (d.Max.X-d.Min.X)/vg.Length(len(h.X)), (d.Max.Y-d.Min.Y)/vg.Length(len(h.Y))
	if size, ok := cellFont(labels, draw.TextStyle{Font: font.From(plot.DefaultFont, cellFontMax), Handler: plot.DefaultTextHandler}, cellW, cellH); ok {
		for i := range cells.TextStyle {
			cells.TextStyle[i].Font.Size = size
		}
		p.Add(cells)
		hatch.text = cells
	} else { // the colour bar gives the scale, the sweep's rows each value
		p.Title.Text += " — cells too narrow for their values"
	}
	return p, bar, mapArea, barArea, nil
}

// noValueHatch hatches the heat map's cells with no value, over their
// white (noValue): lines across each at 45°, hatchGap apart, in
// hatchInk, cleared to white under the cell's words where the cells are
// written in (text; nil where they are too narrow). A flat fill is a
// value of the scale in grey print: the dark grey these cells were
// filled with, #505050, is the scale's grey at 0.73 of its range,
// between its dark reds (TestHeatmapNoValueSurvivesGreyPrint).
type noValueHatch struct {
	cells []int           // the cells with no value, by their place in xys
	xys   plotter.XYs     // every cell's centre, in text's order
	text  *plotter.Labels // the cells' words, each at its cell's centre
}

// hatchGap is how far apart a no-value cell's hatching lies, across its
// lines; hatchInk and hatchWidth are their colour and pen, the grey of
// words that say what the numbers are.
var (
	hatchGap   = vg.Points(6)
	hatchInk   = paper(palette.Muted)
	hatchWidth = vg.Points(0.8)
)

func (n *noValueHatch) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, k := range n.cells {
		at := n.xys[k]
		hatch(c, vg.Rectangle{Min: vg.Point{X: trX(at.X - 0.5), Y: trY(at.Y - 0.5)}, Max: vg.Point{X: trX(at.X + 0.5), Y: trY(at.Y + 0.5)}})
	}
	if n.text == nil {
		return
	}
	c.SetColor(noValue)
	for _, k := range n.cells {
		at, room := n.xys[k], vg.Point{X: vg.Points(2), Y: vg.Points(2)}
		box := n.text.TextStyle[k].Rectangle(n.text.Labels[k]).Add(vg.Point{X: trX(at.X), Y: trY(at.Y)})
		c.Fill(vg.Rectangle{Min: box.Min.Sub(room), Max: box.Max.Add(room)}.Path())
	}
}

// hatch draws on c the hatching of a cell with no value across r: the
// lines y = x − b, b a multiple of hatchGap·√2 along x, the same for
// every cell, so that the hatching of cells side by side runs on.
func hatch(c draw.Canvas, r vg.Rectangle) {
	pen := draw.LineStyle{Color: hatchInk, Width: hatchWidth}
	step := hatchGap * math.Sqrt2
	x0, x1, y0, y1 := r.Min.X, r.Max.X, r.Min.Y, r.Max.Y
	for b := vg.Length(math.Ceil(float64((x0-y1)/step))) * step; b <= x1-y0; b += step {
		if lo, hi := max(x0, y0+b), min(x1, y1+b); lo < hi {
			c.StrokeLine2(pen, lo, lo-b, hi, hi-b)
		}
	}
}

// noValueKey is the key under a heat map's colour bar to its hatched
// cells: a hatched square beside "no value:", and under that each reason
// the map's cells have none (Heatmap.NoValue), a line each, so that where
// the cells are too narrow for their words the figure still says what a
// hatched cell is. nil for a map whose every cell has a value.
type noValueKey struct {
	lines []string
	sty   draw.TextStyle
}

// noValueKeyGap is the room between the colour bar's foot and its key.
const noValueKeyGap = vg.Length(10)

// newNoValueKey is h's key to its hatched cells; nil where there are none.
func newNoValueKey(h Heatmap) *noValueKey {
	for _, row := range h.Z {
		if slices.ContainsFunc(row, func(v float64) bool { return !finite(v) }) {
			first := "no value"
			if len(h.NoValue) > 0 {
				first += ":"
			}
			return &noValueKey{
				lines: append([]string{first}, h.NoValue...),
				sty:   draw.TextStyle{Color: color.Black, Font: font.From(plot.DefaultFont, 9), Handler: plot.DefaultTextHandler},
			}
		}
	}
	return nil
}

// noValueSquare is the side of noValueKey's hatched square: its hatching
// two lines or three across, as a cell's reads.
const noValueSquare = vg.Length(16)

// line is the height of a line of k.
func (k *noValueKey) line() vg.Length {
	return k.sty.Rectangle("Mg").Max.Y + k.sty.FontExtents().Descent
}

// height is the room k takes under the bar, the gap over it included; 0
// for none.
func (k *noValueKey) height() vg.Length {
	if k == nil {
		return 0
	}
	return noValueKeyGap + max(noValueSquare, vg.Length(len(k.lines))*k.line())
}

// draw writes k on c centred on x, its right end at right at the most,
// its top at top: the square, then its lines beside it, one under
// another.
func (k *noValueKey) draw(c draw.Canvas, x, right, top vg.Length) {
	if k == nil {
		return
	}
	var w vg.Length
	for _, l := range k.lines {
		w = max(w, k.sty.Width(l))
	}
	left := min(x-(noValueSquare+vg.Points(4)+w)/2, right-noValueSquare-vg.Points(4)-w)
	sq := vg.Rectangle{Min: vg.Point{X: left, Y: top - noValueSquare}, Max: vg.Point{X: left + noValueSquare, Y: top}}
	c.SetColor(noValue)
	c.Fill(sq.Path())
	hatch(c, sq)
	c.SetLineStyle(draw.LineStyle{Color: hatchInk, Width: vg.Points(0.5)})
	c.Stroke(sq.Path())
	sty := k.sty
	sty.YAlign = draw.YTop
	for i, l := range k.lines {
		c.FillText(sty, vg.Point{X: sq.Max.X + vg.Points(4), Y: top - vg.Length(i)*k.line()}, l)
	}
}

// heatGap is the room a heat map leaves between the figure's title and
// the titles of its map and colour bar, whose two lines stood against the
// figure's.
const heatGap = vg.Length(6)

// cellText is what a cell of value v says, with note under it: the value
// as the sweep's lines write it (numtext.Measure), so that a cell reads
// 0.997 beside its row's ks=0.997 and a runaway's median sliced W1
// 5.654e6 as the line's sw1=5.654e6; in a cell with no value, the note
// alone, or "no value".
func cellText(v float64, note string) string {
	switch {
	case finite(v) && note != "":
		return numtext.Measure(v) + "\n" + note
	case finite(v):
		return numtext.Measure(v)
	case note != "":
		return note
	}
	return "no value"
}

// Cells' text: its size at most, at least, and the room it leaves
// around it in a cell.
const (
	cellFontMax  = vg.Length(11)
	cellFontMin  = vg.Length(6)
	cellFontRoom = vg.Length(3)
)

// cellFont is the size the cells' labels are written in with sty: the
// largest, in half points from cellFontMax down to cellFontMin, at which
// every label fits a cell w wide and h high with cellFontRoom either
// side; false when none does. At 11 points, a sweep of 12 values across
// would run its cells' values into one another ("0.9953 0.9950 0.9924").
func cellFont(labels []string, sty draw.TextStyle, w, h vg.Length) (vg.Length, bool) {
	fits := func(size vg.Length) bool {
		sty.Font.Size = size
		for _, l := range labels {
			if sty.Width(l) > w-2*cellFontRoom || sty.Height(l) > h-2*cellFontRoom {
				return false
			}
		}
		return true
	}
	for size := cellFontMax; size >= cellFontMin; size -= 0.5 {
		if fits(size) {
			return size, true
		}
	}
	return 0, false
}

// maxLabelRows is the most rows staggered spreads an axis's names over.
const maxLabelRows = 4

// staggered ticks an axis of names, a cell wide each, as categories does,
// the names spread over as many rows as they need not to run into one
// another (a name every rows cells along each row), up to
// maxLabelRows: a sweep over targets wrote "normal(4,1.25)",
// "mixture(-2,0.5;2,0.5)" and "lognormal(0,0.5)" as one run of text.
func staggered(names []string, sty draw.TextStyle, cell vg.Length) plot.ConstantTicks {
	return spread(names, sty.Width, sty.Width("m"), cell, maxLabelRows)
}

// stacked ticks an axis of names, a cell high each, as categories does,
// a line apart at the least (spread).
func stacked(names []string, sty draw.TextStyle, cell vg.Length) plot.ConstantTicks {
	return spread(names, sty.Height, sty.Height("0")/4, cell, 1)
}

// spread ticks an axis of names, cell long each, whose extents along it
// size gives, so that none runs into another, with gap between them: on
// as many rows as they need, up to most (a name every rows cells along
// each row), and where even most rows leave them running together, only
// every step-th cell named, the least round step, 2, 5, 10, 20 and so
// on, at which they keep apart (of 50 seeds, 1, 6, 11, … every fifth, not
// 1, 4, 7, … every third), the others ticked unnamed: all named, a sweep of 300 learning rates would
// write its names over one another in four rows of black, and one of 200
// down the y axis in a column of black.
func spread(names []string, size func(string) vg.Length, gap, cell vg.Length, most int) plot.ConstantTicks {
	// fits reports whether the names of every step-th cell, over rows
	// rows, keep apart: those on a row are rows·step cells apart.
	fits := func(step, rows int) bool {
		for i := 0; i+rows*step < len(names); i += step {
			if (size(names[i])+size(names[i+rows*step]))/2+gap > vg.Length(rows*step)*cell {
				return false
			}
		}
		return true
	}
	step, rows := 1, 1
	for !fits(step, rows) { // fits once step·rows spans the names
		if rows++; rows > most {
			step, rows = roundStep(step), 1
		}
	}
	// A row begins under the last line of the row above: names of two
	// lines (a sweep's setting over its note) one line down wrote the
	// next row's first line level with the note above and beside it.
	lines := 1
	for _, n := range names {
		lines = max(lines, strings.Count(n, "\n")+1)
	}
	t := categories(names)
	for i := range t {
		if i%step != 0 {
			t[i].Label = ""
			continue
		}
		t[i].Label = strings.Repeat("\n", i/step%rows*lines) + t[i].Label
	}
	return t
}

// roundStep is the next step after step of 1, 2 or 5 times a power of
// ten.
func roundStep(step int) int {
	mag := 1
	for mag*10 <= step {
		mag *= 10
	}
	switch step / mag {
	case 1:
		return 2 * mag
	case 2:
		return 5 * mag
	}
	return 10 * mag
}

// ink is the colour of the text in a cell of value v: white on a dark
// cell, black on a light one.
func ink(cm plotpalette.ColorMap, v float64) color.Color {
	c := color.Color(noValue)
	if finite(v) {
		if at, err := cm.At(v); err == nil {
			c = at
		}
	}
	r, g, b, _ := c.RGBA()
	if 0.299*float64(r)+0.587*float64(g)+0.114*float64(b) < 0.5*0xffff {
		return color.White
	}
	return color.Black
}

// categories ticks an axis at 0, 1, … with names.
func categories(names []string) plot.ConstantTicks {
	t := make(plot.ConstantTicks, len(names))
	for i, n := range names {
		t[i] = plot.Tick{Value: float64(i), Label: n}
	}
	return t
}

// FromSweep turns a two-key sweep's rows into the heat map of their
// median KS (of one seed, its KS), the first key across, the second up; a
// cell says what its median leaves out (rowNote), and one that has no
// row (a sweep stopped early) that none of its seeds finished
// (unfinishedNote); the title of a sweep so stopped says so
// (interrupted). Its limits are those of the measure: KS from 0 to 1,
// sliced W1 from 0.
func FromSweep(res session.SweepResult) Heatmap {
	what, title := sweepTitle(res)
	h := Heatmap{
		Title:   title + interrupted(res),
		ZLabel:  what,
		ZLimits: [2]float64{0, measureMost(res.Measures[0])},
	}
	if len(res.Axes) != 2 {
		return h
	}
	x, y := res.Axes[0], res.Axes[1]
	h.XKey, h.YKey, h.X, h.Y = x.Key, y.Key, x.Values, y.Values
	h.Z = make([][]float64, len(y.Values))
	h.Notes = make([][]string, len(y.Values))
	for j := range h.Z {
		h.Z[j] = make([]float64, len(x.Values))
		h.Notes[j] = make([]string, len(x.Values))
		for i := range h.Z[j] {
			h.Z[j][i] = math.NaN()
			h.Notes[j][i] = unfinishedNote(res)
		}
	}
	for _, r := range res.Rows {
		i, j := slices.Index(x.Values, r.Values[0]), slices.Index(y.Values, r.Values[1])
		if i < 0 || j < 0 {
			continue
		}
		h.Z[j][i], h.Notes[j][i] = r.First[0], rowNote(r)
	}
	h.NoValue = noValueReasons(res, h.Z)
	// Of several seeds, where each cell's value is one seed's, the others
	// having diverged, left no finite value or been cut short, the title
	// says whose, as a one-key sweep's curve's does: "KS of seed 2 (seed 1
	// diverged)" where one seed alone left values, "KS of each cell's one
	// seed that left a value (of seeds 1-3)" where the cells' seeds differ,
	// not "median KS over seeds 1-2" over cells of one value each.
	if over := soleOver(res, "cell's"); over != "" {
		h.ZLabel = strings.ToUpper(res.Measures[0])
		h.Title = sweepTitleOver(res, over) + interrupted(res)
	}
	return h
}

// noValueReasons names why the cells of z, a two-key sweep's heat map,
// that have no value have none, as its key says it, each reason once in
// this order: every seed diverged ("all diverged"; of one seed,
// "diverged"), no seed that did not diverge left the measure finite
// ("NaN"), or none finished (unfinishedNote).
func noValueReasons(res session.SweepResult, z [][]float64) []string {
	var diverged, nan, unfinished bool
	rowAt := map[[2]int]session.SweepRow{}
	for _, r := range res.Rows {
		rowAt[[2]int{slices.Index(res.Axes[0].Values, r.Values[0]), slices.Index(res.Axes[1].Values, r.Values[1])}] = r
	}
	for j, row := range z {
		for i, v := range row {
			r, ok := rowAt[[2]int{i, j}]
			switch {
			case finite(v):
			case !ok:
				unfinished = true
			case r.Diverged == r.Runs:
				diverged = true
			default:
				nan = true
			}
		}
	}
	var why []string
	if diverged && len(res.Seeds) == 1 {
		why = append(why, "diverged")
	} else if diverged {
		why = append(why, "all diverged")
	}
	if nan {
		why = append(why, "NaN")
	}
	if unfinished {
		why = append(why, unfinishedNote(res))
	}
	return why
}

// soleOver is what a sweep's values are of where each is one seed's
// (soleSeeds) of several, in place of "median KS over seeds 1-3": "KS of
// seed 3 (seed 2 diverged)" where one seed alone left values, "KS of
// each cell's one seed that left a value (of seeds 2-3)" where the seeds
// differ from one value to the next, each naming what holds a value (a
// heat map's "cell's", a curve's "setting's"); "" where a value is a
// median of two or more, or the sweep is of one seed.
func soleOver(res session.SweepResult, each string) string {
	sole := soleSeeds(res)
	if len(res.Seeds) < 2 || len(sole) == 0 {
		return ""
	}
	what := strings.ToUpper(res.Measures[0])
	if len(sole) > 1 {
		return what + " of each " + each + " one seed that left a value (of seeds " + session.CompactSeeds(res.Seeds) + ")"
	}
	return what + " of seed " + strconv.FormatUint(sole[0], 10) + " (" + othersLeft(res, sole[0]) + ")"
}

// soleSeeds is, of a sweep each of whose cells with a value has it of one
// seed alone (the one run of its cell that did not diverge and left the
// first measure finite), those seeds, in the order of the sweep's seeds;
// nil where a cell's value is the median of two or more, where no cell
// has one, or where a row gives no seed its value came from (no Each).
func soleSeeds(res session.SweepResult) []uint64 {
	found := map[uint64]bool{}
	for _, r := range res.Rows {
		var left []uint64
		for _, m := range r.Each {
			if !m.Diverged && finite(m.Value) {
				left = append(left, m.Seed)
			}
		}
		switch {
		case len(left) > 1, len(left) == 0 && finite(r.First[0]):
			return nil
		case len(left) == 1:
			found[left[0]] = true
		}
	}
	var sole []uint64
	for _, seed := range res.Seeds {
		if found[seed] {
			sole = append(sole, seed)
		}
	}
	return sole
}

// sweepTitle is the title of a sweep's figure, and what its values are:
// the design (as the sweep's summary names it), the plan, the target
// that ran (as a run's figure names it: --set may have replaced the
// preset's), the seeds and the final evaluation's sample size, which the
// values and a curve's noise floor are of, "… · median KS over seeds 1-3
// · 10,000 samples" (of a sweep of --seed S, each setting's one run, "KS
// of seed 3 · 10,000 samples").
func sweepTitle(res session.SweepResult) (what, title string) {
	what = "median " + strings.ToUpper(res.Measures[0])
	over := what + " over seeds " + session.CompactSeeds(res.Seeds)
	if len(res.Seeds) == 1 {
		what = strings.ToUpper(res.Measures[0])
		over = what + " of seed " + session.CompactSeeds(res.Seeds)
	}
	return what, sweepTitleOver(res, over)
}

// sweepTitleOver is sweepTitle's title with over saying what its values
// are of in place of "median KS over seeds 1-3".
func sweepTitleOver(res session.SweepResult, over string) string {
	// A sweep over presets names no preset, only the changes its --set
	// made to each (session.SweepDesignText): the axis names the presets.
	var parts []string
	if design := session.SweepDesignText(res, ""); design != "" {
		parts = append(parts, design)
	}
	switch {
	case res.Epochs > 0:
		parts = append(parts, numtext.Count(res.Epochs, "epoch"))
	case ownPlans(res):
		// Presets whose plans differ train each its own, which the
		// title says where it gave no plan: a preset that trained
		// longer read as the better design.
		parts = append(parts, "each preset's own plan")
	}
	if res.Target != "" {
		parts = append(parts, "target "+res.Target)
	}
	return strings.Join(append(parts, over, numtext.Count(res.Samples, "sample")), " · ")
}

// ownPlans reports whether res, a sweep with no one plan (Epochs 0),
// has it for its presets' own plans differing, not for a swept epochs.
func ownPlans(res session.SweepResult) bool {
	presets := false
	for _, a := range res.Axes {
		if a.Key == "epochs" {
			return false
		}
		presets = presets || a.Key == session.PresetKey
	}
	return presets && res.Epochs == 0
}

// interrupted is the end of the title of a sweep stopped short of its
// runs, with the runs it left unfinished as the summary's unfinished=
// counts them, " · interrupted, 8 of 8 runs unfinished", as a run's
// figure says "(interrupted)"; "" of a sweep whose every run finished,
// and of one with no keys to count its runs by.
func interrupted(res session.SweepResult) string {
	if len(res.Axes) == 0 {
		return ""
	}
	runs, finished := len(res.Seeds), 0
	for _, a := range res.Axes {
		runs *= len(a.Values)
	}
	for _, r := range res.Rows {
		finished += r.Runs
	}
	if finished >= runs {
		return ""
	}
	return fmt.Sprintf(" · interrupted, %s of %s runs unfinished", numtext.FormatInt(runs-finished), numtext.FormatInt(runs))
}

// unfinishedNote is what a sweep's figure says of a setting with no row
// (a sweep stopped early): that none of its seeds finished ("none
// finished", of one seed "not finished"), not "not run": its seeds may
// have trained most of their epochs when the stop came.
func unfinishedNote(res session.SweepResult) string {
	if len(res.Seeds) == 1 {
		return "not finished"
	}
	return "none finished"
}

// rowNote is what a row's median leaves out, as its figure writes it
// under the value: how many seeds diverged (of one seed, that it
// diverged), how many of the others left the measure NaN, and how many
// seeds a stop cut short, "1/3 diverged, 2 of 3 seeds"; "" for none.
func rowNote(r session.SweepRow) string {
	var notes []string
	note := func(k, n int, what string) { // k of n runs are what
		switch {
		case r.Runs == 1: // a cell of one run (a sweep of one seed): what it is, not "all 1 diverged"
			notes = append(notes, what)
		case k == n:
			notes = append(notes, numtext.All(n)+" "+what)
		default:
			notes = append(notes, fmt.Sprintf("%d/%d %s", k, n, what))
		}
	}
	if r.Diverged > 0 {
		note(r.Diverged, r.Runs, "diverged")
	}
	if r.NotFinite[0] > 0 { // the median is of the finite values alone
		note(r.NotFinite[0], r.Runs-r.Diverged, "NaN")
	}
	if r.Unfinished > 0 { // a stop cut its other seeds short: the median is of fewer
		notes = append(notes, fmt.Sprintf("%d of %d seeds", r.Runs, r.Runs+r.Unfinished))
	}
	return strings.Join(notes, ", ")
}
