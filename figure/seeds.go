package figure

import (
	"cmp"
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
	// CheckFloor is the measure's noise floor at a check's sample size,
	// the one the seeds' curves, of the checks, read against, drawn
	// dashed under them; CheckFloorLabel names it. With no label, the
	// curves read against Floor.
	CheckFloor      float64
	CheckFloorLabel string
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
	// Modes says how many of a one-dimensional mixture's modes its final
	// evaluation found covered, "1 of 2 modes", as its final line's
	// modes=1/2, or of a plane's modes (ring, grid) it captured, "1 of 8
	// modes" as modes=1/8, written under its number: a seed whose G
	// collapsed onto one mode reads there beside its final KS or sliced
	// W1. "" for a target without modes, and a run with no final measures.
	Modes string
}

// seedInks and seedDashes are the seeds' pens, in turn: a seed's colour
// is the palette role a line apart from the last's, and its dashes change
// each time the colours start again, so that seedsNamed seeds are each
// drawn in a pen of their own. Muted, the floor's and the interrupted
// runs' grey, and dashed, the floor's dashes, are no seed's.
var (
	seedInks   = []palette.Colour{palette.Generated, palette.Real, palette.G, palette.Event, palette.Text}
	seedDashes = [][]vg.Length{nil, dotted, dashDotted}
)

// seedsNamed is the most seeds a batch's figure names in its key, a line
// each in a pen of its own (seedPen). Of more, the key would take the
// panel's height and the pens repeat: their lines are drawn alike, under
// the median's, and the key names them in one entry, "50 seeds".
const seedsNamed = 12

// seedPen is the pen of the i-th seed's line of n.
func seedPen(i, n int) draw.LineStyle {
	if n > seedsNamed {
		return draw.LineStyle{Color: blend(paper(palette.Generated), white, 0.55), Width: vg.Points(0.8)}
	}
	return draw.LineStyle{Color: paper(seedInks[i%len(seedInks)]), Width: vg.Points(1.2), Dashes: seedDashes[i/len(seedInks)%len(seedDashes)]}
}

// EncodeSeeds draws s and writes it to w in format.
func EncodeSeeds(w io.Writer, format string, s Seeds) error {
	if len(s.Runs) == 0 {
		return errors.New("a batch's figure of no runs")
	}
	return encodeDrawing(w, format, 11*vg.Inch, 5*vg.Inch, func(dc draw.Canvas) error {
		panels, areas, keys, err := seedsLayout(dc, s)
		if err != nil {
			return err
		}
		for i, p := range panels {
			p.Draw(areas[i])
			keys[i].draw(p, areas[i])
		}
		return nil
	})
}

// seedsLayout lays s out on dc: its title, and under it two panels, the
// seeds' curves over the epochs and their final values, titled by what
// they draw alone (a run's figure's panel letters, (a) to (d), name no
// panel of this one), each on its area with its key above its data. Up
// to seedsNamed seeds, the key names each seed's line; of more, one entry
// names them all and the median of the finished runs is drawn over them
// at each check, so that the key stays a row or two whatever the batch.
// A diverged run's line ends in a ×, an interrupted one's in a grey ring,
// as its final value is drawn (a wider one around the mark of a run
// interrupted after its first check); a diverged run, which has none, is marked
// × along the top of the final values' panel, and one a stop kept from
// starting a grey square there.
func seedsLayout(dc draw.Canvas, s Seeds) ([]*plot.Plot, []draw.Canvas, []key, error) {
	over := newPlot(s.YLabel+" over the epochs, a line per seed", "epoch", s.YLabel+" (lower is better)")
	final := newPlot(s.FinalTitle, "seed", s.YLabel+" (lower is better)")
	over.Y.Min, final.Y.Min = 0, 0
	many := len(s.Runs) > seedsNamed
	// The final values, those of runs a stop cut short apart, every value
	// drawn, the ends of the diverged and interrupted runs' lines, the
	// diverged runs' places, and the finished runs' values at each check.
	var finals, partial, all, diverged, cut, lost, unstarted plotter.XYs
	var cutRadii []vg.Length // each cut mark's radius, wider around a seed's lone mark
	var lones []loneMark     // the seeds checked once, each a mark (coincide)
	var lines []seedLine     // the seeds' lines, each named in the key (coincideLines)
	atCheck := map[float64][]float64{}
	var overKey, finalKey []legendItem // the panels' keys, in the order drawn
	names, numbers := make([]string, len(s.Runs)), make([]string, len(s.Runs))
	for i, r := range s.Runs {
		var xys plotter.XYs
		for j, e := range r.Epochs {
			if finite(r.Values[j]) {
				xys = append(xys, plotter.XY{X: e, Y: r.Values[j]})
				all = append(all, xys[len(xys)-1])
				if finite(r.Final) && !r.Partial {
					atCheck[e] = append(atCheck[e], r.Values[j])
				}
			}
		}
		if len(xys) > 0 {
			// A seed of one finite value (a plan under 10 epochs, the least
			// interval between checks, is checked at its end alone:
			// --epochs 5) is a mark, where a line of one point was drawn
			// as nothing at all.
			l, err := curve(xys, seedPen(i, len(s.Runs)))
			if err != nil {
				return nil, nil, nil, err
			}
			over.Add(l)
			if len(xys) == 1 {
				lones = append(lones, loneMark{r.Seed, xys[0], seedPen(i, len(s.Runs))})
			}
			if !many {
				if len(xys) > 1 {
					lines = append(lines, seedLine{r.Seed, xys, len(overKey)})
				}
				overKey = append(overKey, legendItem{"seed " + strconv.FormatUint(r.Seed, 10), []plot.Thumbnailer{l}})
			} else if len(overKey) == 0 {
				overKey = append(overKey, legendItem{numtext.Count(len(s.Runs), "seed"), []plot.Thumbnailer{l}})
			}
			switch {
			case r.Note == "diverged":
				diverged = append(diverged, xys[len(xys)-1])
			case r.Partial:
				// Around a line's end, a ring of the marks' radius; around a
				// seed checked once, a ring wider than its dot or ring, where
				// one of its size lay on the dot's rim, unseen.
				radius := markRadius
				if len(xys) == 1 {
					radius = loneRadius(seedPen(i, len(s.Runs))) + ringGap
				}
				cut, cutRadii = append(cut, xys[len(xys)-1]), append(cutRadii, radius)
			}
		}
		switch r.Note {
		case "diverged":
			lost = append(lost, plotter.XY{X: float64(i)})
		case notFinished:
			unstarted = append(unstarted, plotter.XY{X: float64(i)})
		}
		numbers[i] = strconv.FormatUint(r.Seed, 10)
		names[i] = numbers[i]
		switch {
		case r.Note != "":
			names[i] += "\n" + r.Note
		case !finite(r.Final):
			names[i] += "\nNaN"
		}
		if r.Modes != "" {
			names[i] += "\n" + r.Modes
		}
		switch {
		case finite(r.Final) && r.Partial:
			partial = append(partial, plotter.XY{X: float64(i), Y: r.Final})
		case finite(r.Final):
			finals = append(finals, plotter.XY{X: float64(i), Y: r.Final})
		}
	}
	if many && finite(s.Median) {
		var median plotter.XYs
		for e, vs := range atCheck {
			median = append(median, plotter.XY{X: e, Y: session.Median(vs)})
		}
		slices.SortFunc(median, func(a, b plotter.XY) int { return cmp.Compare(a.X, b.X) })
		// At one check alone, a mark, as a seed's one value is.
		l, err := curve(median, draw.LineStyle{Color: paper(palette.Text), Width: vg.Points(1.5)})
		if err != nil {
			return nil, nil, nil, err
		}
		over.Add(l)
		overKey = append(overKey, legendItem{s.MedianLabel, []plot.Thumbnailer{l}})
	}
	// The epochs axis runs from the first check to the last, as a run's
	// time axes do, labelled at whole epochs: one epoch alone with one
	// either side (none before 0), so that the floor's line
	// across it has a length and the seeds' marks stand inside the frame.
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, r := range s.Runs {
		for _, e := range r.Epochs {
			lo, hi = math.Min(lo, e), math.Max(hi, e)
		}
	}
	if lo <= hi {
		over.X.Min, over.X.Max = lo, hi
		if lo == hi {
			over.X.Min, over.X.Max = math.Max(0, lo-1), hi+1
		}
	}
	over.X.Tick.Marker = roundTicks{whole: true}
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
			return nil, nil, nil, err
		}
	}
	// marks draws xys on p as glyphs of shape in ink, named in its key,
	// each of its radius in radii where given, else of markRadius.
	marks := func(p *plot.Plot, items *[]legendItem, xys plotter.XYs, name string, ink palette.Colour, shape draw.GlyphDrawer, radii ...vg.Length) error {
		if len(xys) == 0 {
			return nil
		}
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: paper(ink), Radius: markRadius, Shape: shape}
		if radii != nil {
			sc.GlyphStyleFunc = func(i int) draw.GlyphStyle {
				g := sc.GlyphStyle
				g.Radius = radii[i]
				return g
			}
		}
		p.Add(sc)
		*items = append(*items, legendItem{name, []plot.Thumbnailer{sc}})
		return nil
	}
	for _, m := range []struct {
		p     *plot.Plot
		items *[]legendItem
		xys   plotter.XYs
		name  string
		ink   palette.Colour
		shape draw.GlyphDrawer
		radii []vg.Length
	}{
		{over, &overKey, diverged, "diverged", palette.Worse, draw.CrossGlyph{}, nil},
		{over, &overKey, cut, "interrupted", palette.Muted, draw.RingGlyph{}, cutRadii},
		{final, &finalKey, finals, "each seed", palette.Generated, draw.RingGlyph{}, nil},
		{final, &finalKey, partial, "interrupted", palette.Muted, draw.RingGlyph{}, nil},
	} {
		if err := marks(m.p, m.items, m.xys, m.name, m.ink, m.shape, m.radii...); err != nil {
			return nil, nil, nil, err
		}
	}
	// With no value drawn at all (every seed diverged before a finite
	// check), the floor is left out: nothing reads against it, and its
	// line alone set the axes, 0 to 0.014, the diverged seeds' × along the
	// top at 0.014 reading as values near the floor.
	measured := len(all)+len(finals)+len(partial) > 0
	if !measured {
		s.Floor = math.NaN()
		over.Title.Text += " · no finite values"
	}
	// The curves are the checks', of fewer samples than the final
	// values (2,000 against 10,000 in one dimension), and read against
	// the floor of their own size: against the final values', 0.014,
	// vanilla's seeds 1 and 2, at the floor on the right at 0.009 and
	// 0.015, end their curves at 0.039 and 0.021, above a floor a check's
	// sample does not come down to; the check's, 0.030, lies between.
	overFloor, overLabel := s.Floor, s.FloorLabel
	if s.CheckFloorLabel != "" {
		overFloor, overLabel = s.CheckFloor, s.CheckFloorLabel
	}
	if !measured {
		overFloor = math.NaN()
	}
	floorStyle := floorPen()
	if finite(s.Floor) {
		if err := level(final, &finalKey, s.Floor, s.FloorLabel, floorStyle); err != nil {
			return nil, nil, nil, err
		}
	}
	if finite(overFloor) && lo <= hi {
		span = plotter.XYs{{X: over.X.Min, Y: 0}, {X: over.X.Max, Y: 0}}
		if err := level(over, &overKey, overFloor, overLabel, floorStyle); err != nil {
			return nil, nil, nil, err
		}
	}
	floor := plotter.XYs{{Y: s.Floor}}
	if !finite(s.Floor) {
		floor = nil
	}
	overFloors := plotter.XYs{{Y: overFloor}}
	if !finite(overFloor) {
		overFloors = nil
	}
	// One measure, one scale: both panels run to the higher of their
	// tops, so that a seed's final value reads against the lines beside
	// it, where the lines' panel ran to 1 and the final values' to 0.83
	// (vanilla, 2,000 epochs, seeds 1-4), a final KS of 0.79 standing as
	// high as the lines' 0.95.
	over.Y.Max, final.Y.Max = measureTop(s.YMost, all, overFloors), measureTop(s.YMost, finals, partial, floor)
	// (cmp.Compare orders a NaN, a panel with nothing drawn, under all.)
	if top := slices.MaxFunc([]float64{over.Y.Max, final.Y.Max}, cmp.Compare[float64]); finite(top) {
		over.Y.Max, final.Y.Max = top, top
	} else {
		over.Y.Max, final.Y.Max = 1, 1 // nothing drawn: a plain 0 to 1, the marks along its top
	}
	// Along the top, where no final value is, the places of the diverged
	// runs and of those a stop kept from starting, marked and named in the
	// key, so that where the seeds' numbers are thinned, their notes with
	// them, every such seed is still shown.
	top := final.Y.Max
	for _, m := range []struct {
		xys   plotter.XYs
		name  string
		ink   palette.Colour
		shape draw.GlyphDrawer
	}{
		{lost, "diverged, no final value", palette.Worse, draw.CrossGlyph{}},
		{unstarted, notFinished, palette.Muted, draw.SquareGlyph{}},
	} {
		for i := range m.xys {
			m.xys[i].Y = top
		}
		if err := marks(final, &finalKey, m.xys, m.name, m.ink, m.shape); err != nil {
			return nil, nil, nil, err
		}
		if len(m.xys) > 0 {
			final.Y.Max = top
		}
	}
	if err := coincide(over, lones, !many, nil); err != nil {
		return nil, nil, nil, err
	}
	overKey = coincideLines(over, lines, overKey)
	body := title(dc, s.Title)
	half := (body.Max.X - body.Min.X) / 2
	panels := []*plot.Plot{over, final}
	areas := []draw.Canvas{
		draw.Crop(body, vg.Points(6), -half-vg.Points(6), vg.Points(6), 0),
		draw.Crop(body, half+vg.Points(6), -vg.Points(10), vg.Points(6), 0),
	}
	// The seeds' numbers, each with its note under it where every one
	// fits beside the next; else only every so many numbers, the notes
	// left to the marks, as a sweep's names are thinned (spread).
	d := final.DataCanvas(areas[1])
	cell, sty := (d.Max.X-d.Min.X)/vg.Length(len(names)), final.X.Tick.Label
	ticks := spread(names, sty.Width, sty.Width("m"), cell, 1)
	if slices.ContainsFunc(ticks, func(t plot.Tick) bool { return t.Label == "" }) {
		ticks = spread(numbers, sty.Width, sty.Width("m"), cell, 1)
	}
	final.X.Tick.Marker = ticks
	keys := []key{newKey(over, overKey), newKey(final, finalKey)}
	keyRoom(panels, areas, keys)
	// The data areas on one level at the foot too, above the taller of
	// the panels' tick labels (a seed's note under its number).
	d0, d1 := over.DataCanvas(areas[0]), final.DataCanvas(areas[1])
	areas[0].Min.Y += max(0, d1.Min.Y-d0.Min.Y)
	areas[1].Min.Y += max(0, d0.Min.Y-d1.Min.Y)
	return panels, areas, keys, nil
}

// loneMark is a seed's one finite value, drawn as a mark in its pen.
type loneMark struct {
	seed uint64
	at   plotter.XY
	pen  draw.LineStyle
}

// coincideShare is how near, as a share of the y axis, two seeds' lone
// marks at one epoch lie to be taken as one: a hundredth, 3 points of a
// 5-inch figure's panel, a mark's radius.
const coincideShare = 0.01

// coincide draws on p, its axes set, what tells apart the seeds' lone
// marks that lie at one place (one epoch, values within coincideShare of
// the axis): a ring around the group's mark in the colour of each seed
// but the last, drawn on top, ringGap apart outward where rings is true
// (each seed's own pen; of more seeds than are named, all alike, none),
// and the seeds named beside it, "seeds 1-3 coincide", off the lines
// drawn through or near the marks (through, each ordered along x; nil for
// none: coincideWords). A batch of three seeds at --epochs 1, all KS
// 0.998, had drawn three dots on one place, seed 3's alone seen, under a
// key naming three; a sweep's curve, its seeds' rings all alike, drew the
// rings of seeds of one value one on another.
func coincide(p *plot.Plot, lones []loneMark, rings bool, through []plotter.XYs) error {
	span := p.Y.Max - p.Y.Min
	words := coincideWords{through: through}
	for _, m := range lones { // every seed's mark, each ring the words keep off
		words.rings = append(words.rings, ringAt{m.at, loneRadius(m.pen) + m.pen.Width/2})
	}
	var groups [][]loneMark
	for _, m := range lones {
		i := slices.IndexFunc(groups, func(g []loneMark) bool {
			return g[0].at.X == m.at.X && math.Abs(g[0].at.Y-m.at.Y) <= coincideShare*span
		})
		if i < 0 {
			groups = append(groups, []loneMark{m})
			continue
		}
		groups[i] = append(groups[i], m)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		at := plotter.XYs{g[len(g)-1].at} // the last drawn, on top
		radius := vg.Length(0)
		for _, m := range g {
			radius = max(radius, loneRadius(m.pen))
		}
		if rings {
			for j, m := range g[:len(g)-1] {
				sc, err := plotter.NewScatter(at)
				if err != nil {
					return err
				}
				sc.GlyphStyle = draw.GlyphStyle{Color: m.pen.Color, Radius: radius + vg.Length(j+1)*coincideGap, Shape: penRing{m.pen.Width}}
				p.Add(unpadded{sc})
				radius = sc.GlyphStyle.Radius
				words.rings = append(words.rings, ringAt{at[0], radius + m.pen.Width/2})
			}
		}
		seeds := make([]uint64, len(g))
		for j, m := range g {
			seeds[j] = m.seed
		}
		l, err := plotter.NewLabels(plotter.XYLabels{XYs: at, Labels: []string{"seeds " + session.CompactSeeds(seeds) + " coincide"}})
		if err != nil {
			return err
		}
		words.at, words.text, words.radius = append(words.at, at[0]), append(words.text, l.Labels[0]), append(words.radius, radius)
		words.sty = l.TextStyle[0]
	}
	if len(words.at) > 0 {
		p.Add(unpadded{words})
	}
	return nil
}

// coincideWords writes each of text, in sty, beside the outermost ring,
// radius wide, of the mark at its at: in the first of its places whose
// words lie within the data area, clear of the lines through (nil for
// none), of the words written before and of the rings (every seed's
// mark, the next setting's seeds' rings under "seeds 1-3 coincide"
// where settings stand close), trying first the side with more
// room, then the other; on each, level with the mark where no line is
// drawn, else above it, then under it, so that the words do not run
// along a line through the mark (a sweep's medians' line, "seeds 1-3
// coincide" written across it at KS 1), past the axis (under a mark at
// KS 0.02, across the x axis) nor over another's (KS 1 at 1e-4 and 1e-3),
// and where none is clear, those places moved off the words and rings in
// the way, then any place within the area clear of the words and rings,
// then of the words alone.
type coincideWords struct {
	at      []plotter.XY
	text    []string
	radius  []vg.Length
	through []plotter.XYs
	rings   []ringAt
	sty     draw.TextStyle
}

// ringAt is a mark's ring, its centre and its outer edge's radius.
type ringAt struct {
	at     plotter.XY
	radius vg.Length
}

func (w coincideWords) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	var written []vg.Rectangle
	var rings []vg.Rectangle // the rings' boxes, which words keep off as off the words written
	for _, r := range w.rings {
		pt := vg.Point{X: trX(r.at.X), Y: trY(r.at.Y)}
		rings = append(rings, vg.Rectangle{Min: pt.Sub(vg.Point{X: r.radius, Y: r.radius}), Max: pt.Add(vg.Point{X: r.radius, Y: r.radius})})
	}
	for k, text := range w.text {
		kept := append(slices.Clone(written), rings...) // what the words keep off
		pt := vg.Point{X: trX(w.at[k].X), Y: trY(w.at[k].Y)}
		sides := []draw.XAlignment{draw.XLeft, draw.XRight} // the words right of the mark, then left of it
		if pt.X > (c.Min.X+c.Max.X)/2 {
			sides[0], sides[1] = sides[1], sides[0]
		}
		levels := []vg.Length{0} // the words' centre level with the mark's
		if w.through != nil {
			levels = []vg.Length{1, -1} // above, then under
		}
		type place struct {
			at  vg.Point // where the words start, written in sty
			sty draw.TextStyle
			box vg.Rectangle
		}
		var places []place
		for _, side := range sides {
			for _, level := range levels {
				sty := w.sty
				sty.XAlign, sty.YAlign = side, draw.YAlignment(-0.5+0.5*float64(level))
				at := pt.Add(vg.Point{X: (w.radius[k] + vg.Points(3)) * vg.Length(1+2*side)})
				box := sty.Rectangle(text).Add(at)
				// Above or under, the words' descent or ascent 2 points
				// off the mark's centre: the line's width and a gap.
				if level != 0 {
					dy := max(0, pt.Y+vg.Points(2)-box.Min.Y)
					if level < 0 {
						dy = min(0, pt.Y-vg.Points(2)-box.Max.Y)
					}
					at.Y, box = at.Y+dy, box.Add(vg.Point{Y: dy})
				}
				places = append(places, place{at, sty, box})
			}
		}
		// The same places moved away from the mark, up (under it, down),
		// past the words written and the rings over them, taken after the
		// others.
		unmoved := len(places)
		for _, q := range slices.Clone(places) {
			moved := false
			for range kept {
				i := slices.IndexFunc(kept, func(r vg.Rectangle) bool { return overlap(r, q.box) })
				if i < 0 {
					break
				}
				dy := kept[i].Max.Y + vg.Points(1) - q.box.Min.Y
				if q.box.Max.Y < pt.Y {
					dy = kept[i].Min.Y - vg.Points(1) - q.box.Max.Y
				}
				q.at.Y, q.box, moved = q.at.Y+dy, q.box.Add(vg.Point{Y: dy}), true
			}
			if moved {
				places = append(places, q)
			}
		}
		off := func(q place, of []vg.Rectangle) bool {
			return q.box.Min.X >= c.Min.X && q.box.Max.X <= c.Max.X && q.box.Min.Y >= c.Min.Y && q.box.Max.Y <= c.Max.Y &&
				!slices.ContainsFunc(of, func(r vg.Rectangle) bool { return overlap(r, q.box) })
		}
		within := func(q place) bool { return off(q, kept) }
		// The first place beside the mark within the data area, clear of
		// the words, the rings and the lines; else the first clear of the
		// words and rings, a line through the words reading more easily
		// than words over words or rings, or than words moved from their
		// mark (the medians' line rising from a mark near the axis's foot,
		// the words of the setting before over its place above); else the
		// first moved; else the first clear of the words alone.
		clear := func(q place) bool { return within(q) && !crosses(q.box, w.through, trX, trY) }
		i := slices.IndexFunc(places[:unmoved], clear)
		if i < 0 {
			i = slices.IndexFunc(places[:unmoved], within)
		}
		if i < 0 {
			i = slices.IndexFunc(places, clear)
		}
		if i < 0 {
			i = slices.IndexFunc(places, within)
		}
		if i < 0 {
			i = max(0, slices.IndexFunc(places, func(q place) bool { return off(q, written) }))
		}
		c.FillText(places[i].sty, places[i].at, text)
		written = append(written, places[i].box)
	}
}

func (w coincideWords) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax, ymin, ymax = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, at := range w.at {
		xmin, xmax, ymin, ymax = math.Min(xmin, at.X), math.Max(xmax, at.X), math.Min(ymin, at.Y), math.Max(ymax, at.Y)
	}
	return xmin, xmax, ymin, ymax
}

// overlap says whether a and b share any point.
func overlap(a, b vg.Rectangle) bool {
	return a.Min.X <= b.Max.X && b.Min.X <= a.Max.X && a.Min.Y <= b.Max.Y && b.Min.Y <= a.Max.Y
}

// crosses says whether any of lines, its points taken to the canvas by
// trX and trY, runs through box.
func crosses(box vg.Rectangle, lines []plotter.XYs, trX, trY func(float64) vg.Length) bool {
	for _, l := range lines {
		for i := 1; i < len(l); i++ {
			a, b := vg.Point{X: trX(l[i-1].X), Y: trY(l[i-1].Y)}, vg.Point{X: trX(l[i].X), Y: trY(l[i].Y)}
			if a.X > b.X {
				a, b = b, a
			}
			lo, hi := max(a.X, box.Min.X), min(b.X, box.Max.X)
			if lo > hi {
				continue
			}
			y0, y1 := a.Y, b.Y // the segment's heights at lo and hi
			if b.X > a.X {
				y0, y1 = a.Y+(b.Y-a.Y)*(lo-a.X)/(b.X-a.X), a.Y+(b.Y-a.Y)*(hi-a.X)/(b.X-a.X)
			}
			if max(y0, y1) >= box.Min.Y && min(y0, y1) <= box.Max.Y {
				return true
			}
		}
	}
	return false
}

// seedLine is a seed's line of two or more finite values, and the index
// of its entry in its panel's key.
type seedLine struct {
	seed uint64
	xys  plotter.XYs
	item int
}

// coincideLineShare is how near, as a share of the y axis, two seeds'
// lines lie at each of their checks to be taken as one: a line's width,
// 1.2 points of the some 250 of a batch's panel, the later drawn hiding
// the earlier whole.
const coincideLineShare = 0.005

// coincideLines is items, the key of p, its axes set, with the entries of
// the seeds whose lines coincide (at the same checks, each value within
// coincideLineShare of the axis) made one, at the first's place, in the
// pen of the last, drawn on top, naming them, "seeds 1-3 coincide": a
// batch of vanilla with its target at normal(50,1), every seed's KS 1 at
// every check, drew three lines one on another, seed 3's alone seen,
// under a key naming three in three pens.
func coincideLines(p *plot.Plot, lines []seedLine, items []legendItem) []legendItem {
	span := p.Y.Max - p.Y.Min
	same := func(a, b plotter.XYs) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i].X != b[i].X || math.Abs(a[i].Y-b[i].Y) > coincideLineShare*span {
				return false
			}
		}
		return true
	}
	var groups [][]seedLine
	for _, l := range lines {
		i := slices.IndexFunc(groups, func(g []seedLine) bool { return same(g[0].xys, l.xys) })
		if i < 0 {
			groups = append(groups, []seedLine{l})
			continue
		}
		groups[i] = append(groups[i], l)
	}
	drop := map[int]bool{}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		seeds := make([]uint64, len(g))
		for j, l := range g {
			seeds[j] = l.seed
			drop[l.item] = j > 0
		}
		items[g[0].item] = legendItem{"seeds " + session.CompactSeeds(seeds) + " coincide", items[g[len(g)-1].item].thumbs}
	}
	var kept []legendItem
	for i, it := range items {
		if !drop[i] {
			kept = append(kept, it)
		}
	}
	return kept
}

// coincideGap is how far apart the rings of coinciding seeds stand
// (coincide): a ring's pen, 1.2 points, and white between.
var coincideGap = vg.Points(2.2)

// penRing is a ring glyph stroked width wide: gonum's RingGlyph, half a
// point, reads as no colour at all around a mark.
type penRing struct{ width vg.Length }

func (r penRing) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: r.width})
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.Stroke(p)
}

// markRadius is the radius of a batch's marks: a seed's final value, and a
// diverged or interrupted run's end.
var markRadius = vg.Points(3)

// notFinished is the note of a seed a stop kept from starting.
const notFinished = "not finished"

// FromSeeds turns a --seeds batch's runs into its figure: each run's
// measure (KS, or sliced W1 on a 2-D target) at its checks and at its
// end, and the floors at its final evaluation's sample size and at a
// check's, which the curves read against; a seed a
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
		FloorLabel: floorName(res.Samples),
	}
	check := session.CheckSize(res.Measure == "sw1")
	s.CheckFloor, s.CheckFloorLabel = engine.KSNoiseFloor(check), "noise floor of a check's "+numtext.Count(check, "sample")
	if res.Measure == "sw1" {
		s.Floor = math.NaN()
		for _, r := range res.Runs {
			if p := r.Metrics.Plane; p != nil && r.State != session.Diverged {
				s.Floor = p.SW1Floor
				break
			}
		}
		s.CheckFloor = math.NaN()
		for _, r := range res.Runs {
			if r.CheckNoise.SW1 > 0 {
				s.CheckFloor = r.CheckNoise.SW1
				break
			}
		}
	}
	for _, seed := range res.Seeds {
		run := SeedRun{Seed: seed, Final: math.NaN(), Note: notFinished}
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
		evals := r.Evals
		if r.FinalInEvals && (r.State == session.Interrupted || len(evals) > 1) {
			// Its final evaluation, at the epoch the stop cut it at or at
			// the end of a plan no check falls on, is of the run's
			// --samples, not a check's 2,000: on the checks' curve,
			// against a check's floor, it read as a plunge under that
			// floor (vanilla, seed 1, stopped at epoch 9,995: checks of
			// 0.027 to 0.047 from 9,500 on, then 0.008, the floor 0.030).
			// The curve ends at its last check, a stopped run's in the
			// grey ring; the final value stands on the right. A finished
			// plan with no check (under 10 epochs: --epochs 5) keeps it,
			// its one mark, where its curve would be none.
			evals = evals[:len(evals)-1]
		}
		for _, e := range evals {
			v := e.KS
			if res.Measure == "sw1" {
				v = e.SW1
			}
			run.Epochs, run.Values = append(run.Epochs, float64(e.Epoch)), append(run.Values, v)
		}
		if m := r.Metrics; r.State != session.Diverged {
			switch {
			case m.Plane == nil && len(m.Modes) > 0:
				run.Modes = fmt.Sprintf("%d of %d modes", m.ModesCovered, len(m.Modes))
			case m.Plane != nil && len(m.Plane.Spots) > 0: // the modes captured, as modes=1/8
				run.Modes = fmt.Sprintf("%d of %d modes", m.Plane.Captured, len(m.Plane.Spots))
			}
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
// ring is its value); where every run diverged, what the panel shows then,
// no value at all, "final KS of each seed · none: all 3 diverged" (of
// one seed, "none: it diverged"), not "none of 3 finished", which reads
// as a stop's.
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
	case len(vs) == 0 && !slices.ContainsFunc(runs, func(r SeedRun) bool { return r.Note != "diverged" }):
		if len(runs) == 1 {
			return math.NaN(), "", title + " · none: it diverged"
		}
		return math.NaN(), "", title + " · none: " + numtext.All(len(runs)) + " diverged"
	case len(vs) == 0:
		return math.NaN(), "", title + " · no median: none of " + numtext.FormatInt(len(runs)) + " finished"
	}
	return math.NaN(), "", title + " · no median: 1 of " + numtext.FormatInt(len(runs)) + " finished"
}
