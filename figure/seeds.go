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

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
)

// Seeds is one design trained from several seeds, side by side: each
// seed's quality over its epochs, as a run's panel (c) draws it, and
// each seed's final value beside their median, so that the spread across
// seeds is seen.
type Seeds struct {
	Title  string
	YLabel string  // the measure, e.g. "KS": a distance to the target, lower the better
	YMost  float64 // the most it can read (KS: 1; sliced W1: +Inf), which its axes do not pass
	Runs   []SeedRun
	// Median is the median of the final values of the runs that trained
	// their whole plan, the batch summary's median, and MedianLabel names
	// it in the key ("median of the 2 finished"); NaN where fewer than 2
	// did, FinalTitle, the right panel's title, then saying why there is
	// none. A stop's interrupted runs, cut short at different epochs, are
	// drawn apart and left out of it.
	Median      float64
	MedianLabel string
	FinalTitle  string
	// Floor is the measure's noise floor at the final evaluation's sample
	// size, what a perfect generator would read, drawn dashed; FloorLabel
	// names it. NaN for none.
	Floor      float64
	FloorLabel string
}

// SeedRun is one seed's run: its measure at each check (Epochs and
// Values, paired) and its final value, NaN where there is none; Note
// says what the run's end was other than its plan's ("diverged",
// "interrupted at 2,357 epochs", "not finished"). Partial marks a final
// value of a run a stop cut short, drawn grey and left out of the median.
type SeedRun struct {
	Seed           uint64
	Epochs, Values []float64
	Final          float64
	Note           string
	Partial        bool
}

// seedInks are the seeds' colours, in turn: the palette's roles, each a
// line apart from the next, and a seed past the last takes the first's
// again (the legend names each).
var seedInks = []palette.Colour{palette.Generated, palette.Real, palette.G, palette.Event, palette.Text, palette.Muted}

// EncodeSeeds draws s and writes it to w in format.
func EncodeSeeds(w io.Writer, format string, s Seeds) error {
	if len(s.Runs) == 0 {
		return errors.New("a batch's figure of no runs")
	}
	return encodeDrawing(w, format, 11*vg.Inch, 5*vg.Inch, func(dc draw.Canvas) error { return drawSeeds(dc, s) })
}

// drawSeeds draws s on dc: its title, and under it two panels, the
// seeds' curves over the epochs and their final values, titled by what
// they draw alone: a run's figure's panel letters, (a) to (d), name no
// panel of this one.
func drawSeeds(dc draw.Canvas, s Seeds) error {
	over := newPlot(s.YLabel+" over the epochs, a line per seed", "epoch", s.YLabel+" (lower is better)")
	final := newPlot(s.FinalTitle, "seed", s.YLabel+" (lower is better)")
	over.Y.Min, final.Y.Min = 0, 0
	// The final values, those of runs a stop cut short apart, and every
	// value drawn.
	var finals, partial, all plotter.XYs
	var overKey, finalKey []legendItem // the panels' keys, in the order drawn
	ticks := make(plot.ConstantTicks, len(s.Runs))
	for i, r := range s.Runs {
		ink := paper(seedInks[i%len(seedInks)])
		var xys plotter.XYs
		for j, e := range r.Epochs {
			if finite(r.Values[j]) {
				xys = append(xys, plotter.XY{X: e, Y: r.Values[j]})
				all = append(all, xys[len(xys)-1])
			}
		}
		name := "seed " + strconv.FormatUint(r.Seed, 10)
		if len(xys) > 0 {
			l, err := plotter.NewLine(xys)
			if err != nil {
				return err
			}
			l.LineStyle = draw.LineStyle{Color: ink, Width: vg.Points(1.2)}
			over.Add(l)
			overKey = append(overKey, legendItem{name, []plot.Thumbnailer{l}})
		}
		ticks[i] = plot.Tick{Value: float64(i), Label: strconv.FormatUint(r.Seed, 10)}
		switch {
		case r.Note != "":
			ticks[i].Label += "\n" + r.Note
		case !finite(r.Final):
			ticks[i].Label += "\nNaN"
		}
		switch {
		case finite(r.Final) && r.Partial:
			partial = append(partial, plotter.XY{X: float64(i), Y: r.Final})
		case finite(r.Final):
			finals = append(finals, plotter.XY{X: float64(i), Y: r.Final})
		}
	}
	final.X.Tick.Marker = ticks
	final.X.Min, final.X.Max = -0.5, float64(len(s.Runs))-0.5
	span := plotter.XYs{{X: final.X.Min, Y: 0}, {X: final.X.Max, Y: 0}} // a level across the panel
	level := func(p *plot.Plot, items *[]legendItem, y float64, name string, sty draw.LineStyle) error {
		span[0].Y, span[1].Y = y, y
		l, err := plotter.NewLine(span)
		if err != nil {
			return err
		}
		l.LineStyle = sty
		p.Add(l)
		*items = append(*items, legendItem{name, []plot.Thumbnailer{l}})
		return nil
	}
	if finite(s.Median) {
		if err := level(final, &finalKey, s.Median, s.MedianLabel, draw.LineStyle{Color: paper(palette.Text), Width: vg.Points(1.5)}); err != nil {
			return err
		}
	}
	rings := func(xys plotter.XYs, name string, ink palette.Colour) error {
		if len(xys) == 0 {
			return nil
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: paper(ink), Radius: vg.Points(3), Shape: draw.RingGlyph{}}
		final.Add(sc)
		finalKey = append(finalKey, legendItem{name, []plot.Thumbnailer{sc}})
		return nil
	}
	if err := rings(finals, "each seed", palette.Generated); err != nil {
		return err
	}
	if err := rings(partial, "interrupted", palette.Muted); err != nil {
		return err
	}
	if finite(s.Floor) {
		floor := draw.LineStyle{Color: paper(palette.Muted), Width: vg.Points(1), Dashes: dashed}
		if err := level(final, &finalKey, s.Floor, s.FloorLabel, floor); err != nil {
			return err
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, r := range s.Runs {
			for _, e := range r.Epochs {
				lo, hi = math.Min(lo, e), math.Max(hi, e)
			}
		}
		if lo <= hi {
			span = plotter.XYs{{X: lo, Y: 0}, {X: hi, Y: 0}}
			if err := level(over, &overKey, s.Floor, s.FloorLabel, floor); err != nil {
				return err
			}
		}
	}
	floor := plotter.XYs{{Y: s.Floor}}
	if !finite(s.Floor) {
		floor = nil
	}
	over.Y.Max, final.Y.Max = measureTop(s.YMost, all, floor), measureTop(s.YMost, finals, partial, floor)
	body := title(dc, s.Title)
	half := (body.Max.X - body.Min.X) / 2
	panels := []*plot.Plot{over, final}
	areas := []draw.Canvas{
		draw.Crop(body, vg.Points(6), -half-vg.Points(6), vg.Points(6), 0),
		draw.Crop(body, half+vg.Points(6), -vg.Points(10), vg.Points(6), 0),
	}
	keys := []key{newKey(over, overKey), newKey(final, finalKey)}
	keyRoom(panels, areas, keys)
	// The data areas on one level at the foot too, above the taller of
	// the panels' tick labels (a seed's note under its number).
	d0, d1 := over.DataCanvas(areas[0]), final.DataCanvas(areas[1])
	areas[0].Min.Y += max(0, d1.Min.Y-d0.Min.Y)
	areas[1].Min.Y += max(0, d0.Min.Y-d1.Min.Y)
	for i, p := range panels {
		p.Draw(areas[i])
		keys[i].draw(p.DataCanvas(areas[i]))
	}
	return nil
}

// FromSeeds turns a --seeds batch's runs into its figure: each run's
// measure (KS, or sliced W1 on a 2-D target) at its checks and at its
// end, and the floor at its final evaluation's sample size; a seed a
// stop interrupted is drawn to where it stopped, and one it kept from
// starting named with no values, "not finished". Its title
// names the design, the plan and the target as a sweep's does, the seeds
// and the samples, and the runs a stop left unfinished.
func FromSeeds(res session.BatchResult) Seeds {
	t := session.DesignText(res.Preset, res.Changes, "target")
	if res.Epochs > 0 {
		t += " · " + numtext.Count(res.Epochs, "epoch")
	}
	if res.Target != "" {
		t += " · target " + res.Target
	}
	t += " · seeds " + session.CompactSeeds(res.Seeds) + " · " + numtext.Count(res.Samples, "sample")
	finished := 0
	for _, r := range res.Runs {
		if r.State != session.Interrupted {
			finished++
		}
	}
	if n := len(res.Seeds) - finished; n > 0 {
		t += " · interrupted, " + numtext.FormatInt(n) + " of " + numtext.FormatInt(len(res.Seeds)) + " runs unfinished"
	}
	s := Seeds{
		Title:      t,
		YLabel:     strings.ToUpper(res.Measure),
		YMost:      measureMost(res.Measure),
		Floor:      engine.KSNoiseFloor(res.Samples),
		FloorLabel: "noise floor at " + numtext.Count(res.Samples, "sample"),
	}
	if res.Measure == "sw1" {
		s.Floor = math.NaN()
		for _, r := range res.Runs {
			if p := r.Metrics.Plane; p != nil && r.State != session.Diverged {
				s.Floor = p.SW1Floor
				break
			}
		}
	}
	for _, seed := range res.Seeds {
		run := SeedRun{Seed: seed, Final: math.NaN(), Note: "not finished"}
		i := slices.IndexFunc(res.Runs, func(r session.Result) bool { return r.Seed == seed })
		if i < 0 {
			s.Runs = append(s.Runs, run)
			continue
		}
		r := res.Runs[i]
		switch run.Note = ""; r.State {
		case session.Diverged:
			run.Note = "diverged"
		case session.Interrupted: // its final line's measures, short of its plan
			run.Note, run.Partial = "interrupted at\n"+numtext.Count(r.Epochs, "epoch"), true
		}
		for _, e := range r.Evals {
			v := e.KS
			if res.Measure == "sw1" {
				v = e.SW1
			}
			run.Epochs, run.Values = append(run.Epochs, float64(e.Epoch)), append(run.Values, v)
		}
		if r.State != session.Diverged {
			run.Final = r.Metrics.KS
			if p := r.Metrics.Plane; p != nil {
				run.Final = p.SW1
			}
		}
		s.Runs = append(s.Runs, run)
	}
	s.Median, s.MedianLabel, s.FinalTitle = finalMedian(s.Runs, s.YLabel)
	return s
}

// finalMedian is the median of the final values of runs that trained
// their whole plan, finite, as the batch summary takes it, its name in
// the key, and the title of the panel of final values: "median" and
// "final KS of each seed" where every run counts; "median of the 2
// finished" where a stop or a divergence left some out; no median (NaN)
// where fewer than 2 count, the title then saying so, "final KS of each
// seed · no median: 1 of 4 finished" (of a batch of one seed, nothing: its
// ring is its value).
func finalMedian(runs []SeedRun, measure string) (float64, string, string) {
	title := "final " + measure + " of each seed"
	var vs []float64
	for _, r := range runs {
		if finite(r.Final) && !r.Partial {
			vs = append(vs, r.Final)
		}
	}
	switch {
	case len(vs) == len(runs) && len(vs) >= 2:
		return session.Median(vs), "median", title
	case len(vs) >= 2:
		return session.Median(vs), "median of the " + numtext.FormatInt(len(vs)) + " finished", title
	case len(vs) == len(runs):
		return math.NaN(), "", title
	case len(vs) == 0:
		return math.NaN(), "", title + " · no median: none of " + numtext.FormatInt(len(runs)) + " finished"
	}
	return math.NaN(), "", title + " · no median: 1 of " + numtext.FormatInt(len(runs)) + " finished"
}
