package figure

import (
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
)

// Curve is a value over the values of one setting, such as the final KS
// of a sweep over G's learning rate: a point for each seed, a line
// through the medians, and the measure's noise floor beside them.
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
	// the better.
	YLabel string
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

// EncodeCurve draws c and writes it to w in format.
func EncodeCurve(w io.Writer, format string, c Curve) error {
	if err := c.valid(); err != nil {
		return err
	}
	return encodeDrawing(w, format, 7.5*vg.Inch, 5*vg.Inch, func(dc draw.Canvas) error { return drawCurve(dc, c) })
}

// drawCurve draws c, valid, on dc: its title, and under it the seeds'
// points, the medians' line and the noise floor dashed, on a y axis from
// 0, the measure's best.
func drawCurve(dc draw.Canvas, c Curve) error {
	at, log := c.positions()
	p := newPlot(c.YLabel+" by "+c.Key, c.Key, c.YLabel+" (lower is better)")
	p.Y.Min = 0
	if log {
		p.X.Scale = plot.LogScale{}
	}

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
	if floor := line(c.Floor); len(floor) > 0 {
		l, err := plotter.NewLine(floor)
		if err != nil {
			return err
		}
		l.LineStyle = draw.LineStyle{Color: paper(palette.Muted), Width: vg.Points(1), Dashes: dashed}
		p.Add(l)
		p.Legend.Add(c.FloorLabel, l)
	}
	if median := line(c.Median); len(median) > 0 {
		l, s, err := plotter.NewLinePoints(median)
		if err != nil {
			return err
		}
		l.LineStyle = draw.LineStyle{Color: paper(palette.Text), Width: vg.Points(1.5)}
		s.GlyphStyle = draw.GlyphStyle{Color: paper(palette.Text), Radius: vg.Points(2), Shape: draw.CircleGlyph{}}
		p.Add(l, s)
		p.Legend.Add("median", l, s)
	}
	if len(points) > 0 {
		s, err := plotter.NewScatter(points)
		if err != nil {
			return err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: paper(palette.Generated), Radius: vg.Points(3), Shape: draw.RingGlyph{}}
		p.Add(s)
		p.Legend.Add("each seed", s)
	}

	roomForLegend(p, points, line(c.Median), line(c.Floor))

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
	p.X.Min, p.X.Max = lo, hi
	d := p.DataCanvas(area)
	ticks := staggered(names, p.X.Tick.Label, (d.Max.X-d.Min.X)/vg.Length(len(names)))
	for i := range ticks {
		ticks[i].Value = at[i]
	}
	p.X.Tick.Marker = ticks
	p.Draw(area)
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
		FloorLabel: "noise floor at " + numtext.Count(res.Samples, "sample"),
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
		for _, s := range r.Each {
			if !s.Diverged && finite(s.Value) {
				c.Points = append(c.Points, CurvePoint{At: i, Seed: s.Seed, Value: s.Value})
			}
		}
	}
	return c
}

// roomForLegend raises p's y axis to 1.3 times the highest of the
// points drawn, so that the legend at its top right covers none of them
// (KS 0.99 at a setting that trains nothing).
func roomForLegend(p *plot.Plot, drawn ...plotter.XYs) {
	ymax := 0.0
	for _, xy := range slices.Concat(drawn...) {
		ymax = math.Max(ymax, xy.Y)
	}
	if ymax > 0 {
		p.Y.Max = 1.3 * ymax
	}
}
