package figure

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
)

// Curve is a value over the values of one setting, such as the final KS
// of a sweep over G's learning rate: a point for each seed, a line
// through the medians (over settings that are no numbers, a bar at each),
// and the measure's noise floor beside them.
type Curve struct {
	Title string
	Key   string   // the setting along the x axis
	X     []string // its values, as the tick labels
	// Points are the seeds' values, each at its X's index; a seed that
	// diverged, or left the value NaN or infinite, has none, and its X's
	// note says so.
	Points []CurvePoint
	// Median[i] is the median at X[i], NaN where there is none.
	Median []float64
	// Floor[i] is the measure's noise floor at X[i], what a perfect
	// generator would read (NaN where none is known), drawn dashed;
	// FloorLabel names it in the legend.
	Floor      []float64
	FloorLabel string
	// Notes, if not nil, holds a line for each X, written under its tick
	// label: what its median leaves out ("1/3 diverged"), or why it has
	// none ("none finished").
	Notes []string
	// YLabel names the value, e.g. "KS": a distance to the target, lower
	// the better; YMost is the most it can read (KS: 1; sliced W1: +Inf),
	// which its axis does not pass.
	YLabel string
	YMost  float64
}

// soleEach says whether c's every value is one seed's, the seeds
// differing from one setting to the next: each setting with a median has
// the one point it is, and none has more (a median with no point is one
// of values not drawn, taken as a median).
func soleEach(c Curve) bool {
	count := make([]int, len(c.X))
	for _, q := range c.Points {
		if q.At < 0 || q.At >= len(count) {
			return false
		}
		count[q.At]++
	}
	for i, n := range count {
		if n > 1 || n == 0 && i < len(c.Median) && finite(c.Median[i]) {
			return false
		}
	}
	return len(c.Points) > 1
}

// CurvePoint is one seed's value at the setting X[At].
type CurvePoint struct {
	At    int
	Seed  uint64
	Value float64
}

func (c *Curve) valid() error {
	if len(c.X) == 0 || len(c.Median) != len(c.X) || len(c.Floor) != len(c.X) {
		return errors.New("curve of no settings, or of medians or floors not one per setting")
	}
	for _, p := range c.Points {
		if p.At < 0 || p.At >= len(c.X) {
			return errors.New("curve point at no setting")
		}
	}
	return nil
}

// positions are where c's settings stand along the x axis, and whether
// the axis is logarithmic: at their values where every one is a number,
// on a log axis where they are all positive and span a factor of 10 or
// more (learning rates 1e-4 … 1e-2), else one apart in their order
// (targets, layer sizes, or "[16,16]").
func (c *Curve) positions() ([]float64, bool) {
	at := make([]float64, len(c.X))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, s := range c.X {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || !finite(v) {
			for i := range at {
				at[i] = float64(i)
			}
			return at, false
		}
		at[i] = v
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return at, lo > 0 && hi >= 10*lo
}

// ordered is whether c's settings are numbers, which stand at their values
// (positions) with a line through their medians; others stand one apart in
// their order, unordered.
func (c *Curve) ordered() bool {
	for _, s := range c.X {
		if v, err := strconv.ParseFloat(s, 64); err != nil || !finite(v) {
			return false
		}
	}
	return true
}

// medianBar is half the width of the bar that marks a median among
// unordered settings, one apart: a quarter of the way to its neighbours.
const medianBar = 0.25

// EncodeCurve draws c and writes it to w in format.
func EncodeCurve(w io.Writer, format string, c Curve) error {
	if err := c.valid(); err != nil {
		return err
	}
	return encodeDrawing(w, format, 7.5*vg.Inch, 5*vg.Inch, func(dc draw.Canvas) error { return drawCurve(dc, c) })
}

// drawCurve draws c, valid, on dc: its title, and under it the seeds'
// points, the medians' line and the noise floor dashed, on a y axis from
// 0, the measure's best, to a little above the highest (measureTop), the
// key above them.
func drawCurve(dc draw.Canvas, c Curve) error {
	at, log := c.positions()
	p := newPlot(c.YLabel+" by "+c.Key, c.Key, c.YLabel+" (lower is better)")
	p.Y.Min = 0
	if log {
		logScale(&p.X)
	}

	var items, floorKey []legendItem // the key's, the floor's last as in a batch's figure
	var points plotter.XYs
	for _, pt := range c.Points {
		if finite(pt.Value) {
			points = append(points, plotter.XY{X: at[pt.At], Y: pt.Value})
		}
	}
	line := func(ys []float64) plotter.XYs { // the finite values of ys, at their settings
		var xys plotter.XYs
		for i, y := range ys {
			if finite(y) {
				xys = append(xys, plotter.XY{X: at[i], Y: y})
			}
		}
		return xys
	}
	// A margin beyond the ends, so that their points are not on the
	// frame: a quarter decade on a log axis, else half the mean step
	// (half a place of settings one apart; half the value of one alone).
	lo, hi := slices.Min(at), slices.Max(at)
	if log {
		lo, hi = lo/math.Pow(10, 0.25), hi*math.Pow(10, 0.25)
	} else {
		m := (hi - lo) / float64(2*max(len(at)-1, 1))
		if m == 0 {
			m = max(math.Abs(lo)/2, 0.5)
		}
		lo, hi = lo-m, hi+m
	}
	// With no value at all (every seed of every setting diverged), the
	// floor is left out, as a batch's figure leaves it: nothing reads
	// against it, and its line alone would set the axis, 0 to 0.014.
	measured := len(points) > 0 || len(line(c.Median)) > 0
	if floor := line(c.Floor); len(floor) > 0 && measured {
		if len(floor) == 1 {
			// Known at one setting alone (a sweep stopped after its first
			// cell), the floor is a line of no length, which draws
			// nothing: it is drawn as a dash reaching half the margin
			// either side of its setting.
			x, y := floor[0].X, floor[0].Y
			if first := slices.Min(at); log {
				f := math.Sqrt(first / lo)
				floor = plotter.XYs{{X: x / f, Y: y}, {X: x * f, Y: y}}
			} else {
				h := (first - lo) / 2
				floor = plotter.XYs{{X: x - h, Y: y}, {X: x + h, Y: y}}
			}
		}
		l, err := plotter.NewLine(floor)
		if err != nil {
			return err
		}
		l.LineStyle = floorPen()
		p.Add(l)
		floorKey = []legendItem{{c.FloorLabel, []plot.Thumbnailer{l}}}
	}
	// Of one seed, the line is that seed's values, each its own median:
	// the key names the seed, and no ring is drawn on the line's dots.
	medianName, oneSeed := "median", len(c.Points) > 0
	for _, q := range c.Points {
		oneSeed = oneSeed && q.Seed == c.Points[0].Seed
	}
	if oneSeed {
		medianName = "seed " + strconv.FormatUint(c.Points[0].Seed, 10)
	}
	// Of several seeds where each setting's value is one seed's, the seeds
	// differing (the rest diverged), no median was taken: the key names the
	// line as the title does its values, "each setting's one seed", where
	// it said "median", and no ring is drawn on its dots, each the one
	// seed's.
	if !oneSeed && soleEach(c) {
		medianName, oneSeed = "each setting's one seed", true
	}
	median := line(c.Median)
	if len(median) > 0 && !c.ordered() {
		// Settings one apart in their order alone (presets, targets,
		// layer lists) have nothing between them for a line to cross:
		// each median is a bar across its setting, where a line through
		// them read on a slide as a trend from bimodal to bimodal-mbd to
		// unrolled.
		var bar *plotter.Line
		for _, m := range median {
			l, err := plotter.NewLine(plotter.XYs{{X: m.X - medianBar, Y: m.Y}, {X: m.X + medianBar, Y: m.Y}})
			if err != nil {
				return err
			}
			l.LineStyle = draw.LineStyle{Color: paper(palette.Text), Width: vg.Points(2)}
			p.Add(l)
			bar = l
		}
		items = append(items, legendItem{medianName, []plot.Thumbnailer{bar}})
	} else if len(median) > 0 {
		l, s, err := plotter.NewLinePoints(median)
		if err != nil {
			return err
		}
		l.LineStyle = draw.LineStyle{Color: paper(palette.Text), Width: vg.Points(1.5)}
		s.GlyphStyle = draw.GlyphStyle{Color: paper(palette.Text), Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
		p.Add(l, s)
		items = append(items, legendItem{medianName, []plot.Thumbnailer{l, s}})
	}
	if len(points) > 0 && !oneSeed {
		s, err := plotter.NewScatter(points)
		if err != nil {
			return err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: paper(palette.Generated), Radius: vg.Points(3), Shape: draw.RingGlyph{}}
		p.Add(s)
		items = append(items, legendItem{"each seed", []plot.Thumbnailer{s}})
	}
	p.Y.Max = measureTop(c.YMost, points, line(c.Median), line(c.Floor))
	if !measured {
		p.Y.Max = 1
		p.Title.Text += " · no finite values"
	}

	// The ticks are the settings swept, named as the sweep's rows name
	// them ("1e-3", not a log axis's 0.001), each with its note under it.
	names := slices.Clone(c.X)
	for i := range names {
		if i < len(c.Notes) && c.Notes[i] != "" {
			names[i] += "\n" + c.Notes[i]
		}
	}
	body := title(dc, c.Title)
	area := draw.Crop(body, vg.Points(6), -vg.Points(10), vg.Points(6), 0)
	p.X.Min, p.X.Max = lo, hi
	d := p.DataCanvas(area)
	ticks := staggered(names, p.X.Tick.Label, (d.Max.X-d.Min.X)/vg.Length(len(names)))
	for i := range ticks {
		ticks[i].Value = at[i]
	}
	p.X.Tick.Marker = ticks
	// Seeds of one value at a setting draw their rings one on another,
	// the last alone seen: they are named beside it, "seeds 1-3 coincide",
	// as a batch's lone marks are (coincide), all alike in one pen, off
	// the medians' line or bars, which run through them.
	if len(points) > 0 && !oneSeed {
		var lones []loneMark
		for _, q := range c.Points {
			if finite(q.Value) {
				lones = append(lones, loneMark{q.Seed, plotter.XY{X: at[q.At], Y: q.Value}, draw.LineStyle{Width: vg.Points(1.2)}})
			}
		}
		through := []plotter.XYs{median} // the medians' line, or each setting's bar
		if !c.ordered() {
			through = nil
			for _, m := range median {
				through = append(through, plotter.XYs{{X: m.X - medianBar, Y: m.Y}, {X: m.X + medianBar, Y: m.Y}})
			}
		}
		if err := coincide(p, lones, false, through); err != nil {
			return err
		}
	}
	k := newKey(p, append(items, floorKey...))
	keyRoom([]*plot.Plot{p}, []draw.Canvas{area}, []key{k})
	p.Draw(area)
	k.draw(p, area)
	return nil
}

// FromSweepCurve turns a one-key sweep's rows into the curve of their
// first measure (KS, or sliced W1 on a 2-D target) over the key's values:
// each seed's value, the row's median and noise floor, and what the
// median leaves out, as a heat map's cell says it (FromSweep). Its title
// is the heat map's.
func FromSweepCurve(res session.SweepResult) Curve {
	_, title := sweepTitle(res)
	c := Curve{
		Title:      title + interrupted(res),
		YLabel:     strings.ToUpper(res.Measures[0]),
		YMost:      measureMost(res.Measures[0]),
		FloorLabel: floorName(res.Samples),
	}
	if len(res.Axes) != 1 {
		return c
	}
	a := res.Axes[0]
	c.Key, c.X = a.Key, a.Values
	c.Median, c.Floor, c.Notes = make([]float64, len(a.Values)), make([]float64, len(a.Values)), make([]string, len(a.Values))
	for i := range c.X {
		c.Median[i], c.Floor[i], c.Notes[i] = math.NaN(), math.NaN(), unfinishedNote(res)
	}
	for _, r := range res.Rows {
		i := slices.Index(a.Values, r.Values[0])
		if i < 0 {
			continue
		}
		c.Median[i], c.Floor[i], c.Notes[i] = r.First[0], r.Floor, rowNote(r)
		if m := modesNote(r); m != "" {
			c.Notes[i] = strings.TrimSuffix(m+"\n"+c.Notes[i], "\n")
		}
		for _, s := range r.Each {
			if !s.Diverged && finite(s.Value) {
				c.Points = append(c.Points, CurvePoint{At: i, Seed: s.Seed, Value: s.Value})
			}
		}
	}
	// Of several seeds, where one alone left a value (the others diverged,
	// or a stop cut them short), the line is that seed's, as the key names
	// it, "seed 3": the title says so, "KS of seed 3 (seed 2 diverged)",
	// where it said "median KS over seeds 2-3" over a line of seed 3; where
	// each setting's value is one seed's but the seeds differ, "KS of each
	// setting's one seed that left a value (of seeds 2-3)", as a heat map's
	// title says it of its cells (soleOver).
	if over := soleOver(res, "setting's"); over != "" {
		c.Title = sweepTitleOver(res, over) + interrupted(res)
	}
	// KS's floor is the sample size's alone, the same at every setting, as
	// the summary's ks_floor= gives it: drawn across them all, a setting
	// whose seeds all diverged or never ran too, where a row of no
	// surviving run left it a dash under the other setting alone (d_lr
	// 1e-3 beside 10, every seed diverged at 10). A plane's sliced W1's is
	// its target's, each row's.
	if res.Measures[0] == "ks" {
		for i := range c.Floor {
			if !finite(c.Floor[i]) {
				c.Floor[i] = engine.KSNoiseFloor(res.Samples)
			}
		}
	}
	return c
}

// othersLeft says why a sweep's seeds other than sole left no value:
// "seed 2 diverged" where it diverged in every run it finished, "seeds
// 4-5 unfinished" where a stop cut every run of theirs short, "seed 6
// with no finite value" where it left the measure NaN or infinite in some
// run, each group in the order of the sweep's seeds, "; " between them.
func othersLeft(res session.SweepResult, sole uint64) string {
	reasons := []string{"diverged", "with no finite value", "unfinished"}
	groups := make([][]uint64, len(reasons))
	for _, seed := range res.Seeds {
		if seed == sole {
			continue
		}
		ran, diverged := 0, 0
		for _, r := range res.Rows {
			for _, m := range r.Each {
				if m.Seed == seed {
					ran++
					if m.Diverged {
						diverged++
					}
				}
			}
		}
		i := 1
		switch {
		case ran == 0:
			i = 2
		case diverged == ran:
			i = 0
		}
		groups[i] = append(groups[i], seed)
	}
	var said []string
	for i, g := range groups {
		switch len(g) {
		case 0:
		case 1:
			said = append(said, "seed "+session.CompactSeeds(g)+" "+reasons[i])
		default:
			said = append(said, "seeds "+session.CompactSeeds(g)+" "+reasons[i])
		}
	}
	return strings.Join(said, "; ")
}

// modesNote is the median of the modes a row's seeds covered (captured,
// on a plane) of its target's, and their range where they differ, as
// its modes= modes_min= modes_max= give them: "1 of 8 modes (0–2)",
// "8 of 8 modes". Written under a one-key sweep's value, beside the
// distance drawn, it is the count the mode-collapse benchmarks compare
// designs by (--sweep preset=ring,ring-pacgan: 1 of 8 beside 8 of 8).
// "" for a target without modes, or a row with no count (every seed
// diverged).
func modesNote(r session.SweepRow) string {
	med, lo, hi := r.Modes[0], r.Modes[1], r.Modes[2]
	if r.ModesOf == 0 || !finite(med) {
		return ""
	}
	note := fmt.Sprintf("%s of %d modes", short(med), r.ModesOf)
	if lo != hi {
		note += fmt.Sprintf(" (%s–%s)", short(lo), short(hi))
	}
	return note
}

// measureMost is the most a figure's measure can read: 1 of KS, a
// fraction of the target's mass; +Inf of sliced W1, a distance.
func measureMost(measure string) float64 {
	if measure == "ks" {
		return 1
	}
	return math.Inf(1)
}

// measureTop is the top of the y axis of a measure that can read no more
// than most (KS: 1; sliced W1: +Inf), on which drawn are drawn from 0: a
// twentieth above the highest of them, so that its label stands over it,
// and a twentieth above most at most, so that KS's axis runs to 1.05, not
// to 1.3 over a KS of 0.99, yet a KS line at 0.999 is drawn under the
// frame, where an axis ending at 1 drew it along the frame, unseen. The
// legend stands above the axes (key), not in a room within them. NaN when
// nothing is drawn above 0, which leaves the axis to gonum.
func measureTop(most float64, drawn ...plotter.XYs) float64 {
	top := 0.0
	for _, xy := range slices.Concat(drawn...) {
		top = math.Max(top, xy.Y)
	}
	if top <= 0 {
		return math.NaN()
	}
	return 1.05 * math.Min(most, top)
}

// key is a panel's legend written in rows across the top of its data
// area, under its title, each row centred and each entry's thumbnail
// before its name, as many entries on a row as the data's width takes:
// above the axes, it covers nothing drawn, and the axes need keep no
// room for it, where a legend in the data's top corner had KS's axis run
// to 1.3 over a KS of 0.99.
type key struct {
	entries []plot.Legend // an entry each, its text and thumbnail as the panel's legend writes them
	opens   []bool        // whether each entry begins a group (panel.groups); none where nil
}

// newKey is the key of items, written in p's legend's style.
func newKey(p *plot.Plot, items []legendItem) key {
	var k key
	for _, it := range items {
		l := p.Legend
		l.Left, l.Top, l.Padding = true, true, 0
		l.Add(it.name, it.thumbs...)
		k.entries = append(k.entries, l)
	}
	return k
}

// keyGap is the room between a key's entries along a row, and between
// its last row and the data.
var keyGap = vg.Points(12)

// width is the width of k's i-th entry; rowHeight a row's height.
func (k key) width(i int) vg.Length {
	r := k.entries[i].Rectangle(draw.Canvas{})
	return r.Max.X - r.Min.X
}

func (k key) rowHeight() vg.Length {
	if len(k.entries) == 0 {
		return 0
	}
	sty := k.entries[0].TextStyle
	return sty.Rectangle("Mg").Max.Y + sty.FontExtents().Descent
}

// gap is the room before k's i-th entry on its row: keyGap, and two
// thirds of it between the entries of a group (opens), which so read as
// one and take a row together where keyGap between them would not (moons'
// target's four lines, 286 points apart, in panel (a)'s 286).
func (k key) gap(i int) vg.Length {
	if i >= len(k.opens) || k.opens[i] || !slices.Contains(k.opens[:i], true) {
		return keyGap
	}
	return keyGap * 2 / 3
}

// rows are the indices of k's entries in rows at most w wide, in their
// order, one entry a row at the least. A group (opens) that the rest of a
// row does not take whole begins a row where a row takes it whole: moons'
// panel (a) wrote "target mean x" after G's "std y" and its "target mean
// y" on the next row, one target's lines split between two rows, one of
// them G's.
func (k key) rows(w vg.Length) [][]int {
	var rows [][]int
	var used vg.Length
	for i := range k.entries {
		if n := len(rows); n > 0 && i < len(k.opens) && k.opens[i] {
			group := k.width(i)
			for j := i + 1; j < len(k.entries) && !k.opens[j]; j++ {
				group += k.gap(j) + k.width(j)
			}
			if used+k.gap(i)+group > w && group <= w {
				rows = append(rows, []int{i})
				used = k.width(i)
				continue
			}
		}
		if n := len(rows); n > 0 && used+k.gap(i)+k.width(i) <= w {
			rows[n-1] = append(rows[n-1], i)
			used += k.gap(i) + k.width(i)
			continue
		}
		rows = append(rows, []int{i})
		used = k.width(i)
	}
	return rows
}

// height is the room k takes above data w wide, the gap to the data
// included; 0 for a key of no entries.
func (k key) height(w vg.Length) vg.Length {
	n := len(k.rows(w))
	if n == 0 {
		return 0
	}
	return vg.Length(n)*k.rowHeight() + keyGap/2
}

// draw writes k on c, the canvas of p, a titled panel, its first row
// just under p's title and its rows as wide as p's data area, so that in
// a row of panels, whose titles stand level, every key begins at one
// height: a key of fewer rows than its neighbour's leaves the room left
// over between its last row and its data, where, written down to its
// data, it had left a gap under its title (ring's panel (c) beside (d)).
// The title's padding leaves the room (keyRoom).
func (k key) draw(p *plot.Plot, c draw.Canvas) {
	d := p.DataCanvas(c)
	rows := k.rows(d.Max.X - d.Min.X)
	top := c.Max.Y - p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y
	for r, row := range rows {
		w := -k.gap(row[0])
		for _, i := range row {
			w += k.gap(i) + k.width(i)
		}
		x := (d.Min.X+d.Max.X)/2 - w/2 - k.gap(row[0])
		for _, i := range row {
			x += k.gap(i)
			e := d
			e.Min.X, e.Max.X = x, x+k.width(i)
			e.Max.Y = top - vg.Length(r)*k.rowHeight()
			e.Min.Y = e.Max.Y - k.rowHeight()
			k.entries[i].Draw(e)
			x += k.width(i)
		}
	}
}

// keyRoom raises the padding under each of ps's titles, each drawn on its
// canvas of cs with its key of ks, by the most room any of the keys takes
// above its data, so that the data areas of a row of panels keep one top.
func keyRoom(ps []*plot.Plot, cs []draw.Canvas, ks []key) {
	var room vg.Length
	for i, p := range ps {
		d := p.DataCanvas(cs[i])
		room = max(room, ks[i].height(d.Max.X-d.Min.X))
	}
	for _, p := range ps {
		p.Title.Padding += room
	}
}
