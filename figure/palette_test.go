package figure

import (
	"cmp"
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
)

// legendColours draws p's key and returns the colour of each entry's
// thumbnail by the entry's name: the first colour the thumbnail strokes
// or fills with (a histogram's fill, then its white outline).
func legendColours(p *panel) map[string]color.Color {
	rec := &recorder.Canvas{}
	drawKey(p, draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 400}}})
	var set, first color.Color
	colours := map[string]color.Color{}
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			set = a.Color
		case *recorder.Stroke, *recorder.Fill:
			if first == nil {
				first = set
			}
		case *recorder.FillString:
			colours[a.String], first = first, nil
		}
	}
	return colours
}

// hexOf is c written #RRGGBB, as the palette writes its colours.
func hexOf(c color.Color) string {
	if c == nil {
		return "none"
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02X%02X%02X", n.R, n.G, n.B)
}

// TestFigureDrawsThePalette: every series of the figure is drawn in the colour
// the palette (internal/palette) gives its role, as the screen draws it, in the
// light variant, for a figure is read on white: real data and the target
// orange, D on real data too, generated samples and D on generated data blue
// (their std, or a plane's y, the darker blue), D(x) purple, G teal, D's
// surface from blue where D says generated to orange where it says real. Not
// D's loss on real data blue and on generated data red, the target grey, G's
// samples green and D(x) red, and its surface red where D says real: a learner
// who saves a figure after watching the screen would read it the other way
// round.
func TestFigureDrawsThePalette(t *testing.T) {
	r := trained(t)
	want := map[string]map[string]palette.Colour{
		"moments": {"mean": palette.Generated, "std": palette.GeneratedSecond, "target mean": palette.Real, "target std": palette.Real},
		"losses":  {"D real": palette.DOnReal, "D fake": palette.DOnGenerated, "G": palette.G},
		"samples": {"target": palette.Real, "D(x)": palette.DScore},
	}
	plane := planeRun()
	plane.Samples = []float64{0, 0}
	planeWant := map[string]map[string]palette.Colour{
		"moments": {"mean x": palette.Generated, "mean y": palette.GeneratedSecond, "std x": palette.Generated, "std y": palette.GeneratedSecond},
		"samples": {"samples": palette.Generated, "target": palette.Real, "D says real": palette.SurfaceReal, "D says generated": palette.SurfaceGenerated},
	}
	for _, c := range []struct {
		name string
		r    Run
		want map[string]map[string]palette.Colour
	}{{"line", r, want}, {"plane", plane, planeWant}} {
		panels := laidOut(t, c.r)
		byName := map[string]*panel{"moments": panels[0][0], "losses": panels[0][1], "samples": panels[1][1]}
		for panel, entries := range c.want {
			got := legendColours(byName[panel])
			for name, w := range entries {
				if hexOf(got[name]) != w.Light.TrueColor {
					t.Errorf("%s, %s: %q in %s, want %s", c.name, panel, name, hexOf(got[name]), w.Light.TrueColor)
				}
			}
		}
		if c.name == "line" {
			bars := legendColours(byName["samples"])["samples"]
			if bars != barFill {
				t.Errorf("the histogram's bars in %s, not their fill %s", hexOf(bars), hexOf(barFill))
			}
		}
	}
	if barFill.B <= barFill.R || barFill.B <= barFill.G {
		t.Errorf("the histogram's bars %v are not blue, the generated samples' colour", barFill)
	}
}

// imageCanvas is a vg.Canvas that keeps the images drawn on it and
// ignores the rest.
type imageCanvas struct {
	fillCanvas
	images []image.Image
}

func (c *imageCanvas) DrawImage(_ vg.Rectangle, img image.Image) { c.images = append(c.images, img) }

// TestSurfaceWhiteAtIndifference: a probability's surface is white where D
// gives ½ and orange only where it says real, whatever range its scores span,
// as the screen shades it, not shaded from its lowest score to its highest,
// which for a D sure of every point in 0.6…0.9 would draw blue where it says
// real.
func TestSurfaceWhiteAtIndifference(t *testing.T) {
	r := planeRun()
	for i := range r.Surface {
		r.Surface[i] = 0.6 + 0.3*float64(i%10)/9
	}
	rec := &imageCanvas{}
	panels, canvases, err := r.layout(figureCanvas(rec))
	if err != nil {
		t.Fatal(err)
	}
	panels[1][1].Draw(canvases[1][1])
	if len(rec.images) != 1 {
		t.Fatalf("%d images drawn, want the surface's one", len(rec.images))
	}
	img := rec.images[0]
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if cr, _, cb, a := img.At(x, y).RGBA(); a > 0 && cb > cr {
				t.Fatalf("pixel (%d, %d) of a surface of 0.6…0.9 is blue, %v", x, y, img.At(x, y))
			}
		}
	}
}

// TestEventsSpeakAsTheScreen: an event's line on a time axis, its label, the
// ticks of a panel with too many to draw across and the line that counts them
// are in the palette's Event colour, the accent the screen marks events in (◆),
// and not the grey of the losses' balance that crosses the same panel, in which
// a dashed grey line up at an event and a dashed grey line across at ln 2 would
// be one look.
func TestEventsSpeakAsTheScreen(t *testing.T) {
	want := palette.Event.Light.TrueColor
	for _, n := range []int{2, maxLabelled + 8} {
		var events []Event
		for i := range n {
			events = append(events, Event{Epoch: 40 * (i + 1), Marks: marksOf("retune")})
		}
		rec := &recorder.Canvas{}
		drawEvents(rec, events...)
		var set color.Color
		strokes, texts := 0, 0
		for _, a := range rec.Actions {
			switch a := a.(type) {
			case *recorder.SetColor:
				set = a.Color
			case *recorder.Stroke:
				strokes++
				if hexOf(set) != want {
					t.Errorf("%d events: a line drawn in %s, want the events' %s", n, hexOf(set), want)
				}
			case *recorder.FillString:
				texts++
				if hexOf(set) != want {
					t.Errorf("%d events: %q written in %s, want the events' %s", n, a.String, hexOf(set), want)
				}
			}
		}
		if strokes != n || texts == 0 {
			t.Errorf("%d events: %d lines and %d texts drawn", n, strokes, texts)
		}
	}
	losses, err := trained(t).losses()
	if err != nil {
		t.Fatal(err)
	}
	if ln2 := hexOf(legendColours(losses)["ln 2"]); ln2 == want {
		t.Errorf("the losses' balance, ln 2, is drawn in the events' colour %s", ln2)
	}
}

// TestTargetLinesToldApart: panel (a)'s two target lines, both the target's
// orange, are told apart in the legend by their dashes: the mean's dashed, the
// std's dotted (not two alike entries, which line is the mean read only off the
// axis).
func TestTargetLinesToldApart(t *testing.T) {
	p, err := trained(t).moments()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	drawKey(p, draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 400}}})
	var set, first []vg.Length
	stroked := false
	dashes := map[string][]vg.Length{}
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetLineDash:
			set = a.Dashes
		case *recorder.Stroke:
			if !stroked {
				first, stroked = set, true
			}
		case *recorder.FillString:
			dashes[a.String], first, stroked = first, nil, false
		}
	}
	mean, std := dashes["target mean"], dashes["target std"]
	if len(mean) == 0 || len(std) == 0 || slices.Equal(mean, std) {
		t.Errorf("target mean dashes %v, target std dashes %v: want both dashed, apart", mean, std)
	}
}

// TestOnePointSeriesToldApart: a run of one epoch draws each series as a point,
// a dashed one's a ring and a solid one's a disc, so that a plane's "std x" and
// "mean x", of one colour, are told apart in the legend and on the panel (not
// both discs).
func TestOnePointSeriesToldApart(t *testing.T) {
	r := planeRun()
	r.History = r.History[:1]
	p, err := r.moments()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	drawKey(p, draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 400}}})
	filled, stroked := false, false
	marks := map[string]string{}
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.Fill:
			filled = true
		case *recorder.Stroke:
			stroked = true
		case *recorder.FillString:
			marks[a.String] = fmt.Sprintf("filled %v, stroked %v", filled, stroked)
			filled, stroked = false, false
		}
	}
	if marks["mean x"] == marks["std x"] {
		t.Errorf("one epoch's mean x and std x are marked alike in the legend: %v", marks)
	}
}

// pen is how a legend's thumbnail strokes its line: its width and
// dashes, which a reader tells lines apart by in grey print as well.
type pen struct {
	width  vg.Length
	dashes string
}

// pens follows a recorded drawing's line settings: the pen and colour
// the next stroke takes.
type pens struct {
	pen
	colour color.Color
}

// set takes up a's setting, if it is one of the line's.
func (s *pens) set(a recorder.Action) {
	switch a := a.(type) {
	case *recorder.SetColor:
		s.colour = a.Color
	case *recorder.SetLineWidth:
		s.width = a.Width
	case *recorder.SetLineDash:
		s.dashes = fmt.Sprint(a.Dashes)
	}
}

// legendStrokes draws p's key and returns how each entry's thumbnail
// strokes its line, by the entry's name.
func legendStrokes(p *panel) map[string]pen {
	rec := &recorder.Canvas{}
	drawKey(p, draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 400}}})
	var set pens
	var first *pen
	strokes := map[string]pen{}
	for _, a := range rec.Actions {
		set.set(a)
		switch a := a.(type) {
		case *recorder.Stroke:
			if first == nil {
				s := set.pen
				first = &s
			}
		case *recorder.FillString:
			if first != nil {
				strokes[a.String] = *first
			}
			first = nil
		}
	}
	return strokes
}

// pensIn draws p without its key, so the data area's strokes only,
// and returns the pens of its strokes in colour col.
func pensIn(p *panel, col color.Color) []pen {
	rec := &recorder.Canvas{}
	p.Draw(figureCanvas(rec))
	var set pens
	var out []pen
	for _, a := range rec.Actions {
		set.set(a)
		if _, ok := a.(*recorder.Stroke); ok && set.colour == col {
			out = append(out, set.pen)
		}
	}
	return out
}

// TestMomentsApartInPrint: panel (a) draws its moments so that a reader tells
// each from each at a glance, and in grey print, by more than their colour — a
// line's mean from its std, a plane's x from its y and its mean from its std,
// G's and the target's alike: G's std dash-dotted, the target's mean dashed and
// its std dotted, a plane's y heavier than its x; and a pinned baseline's
// curves, all one grey, in the pens of the run's. G's are not told apart by two
// blues alone, palette.Generated and the darker palette.GeneratedSecond, the
// screen's, which its labels at the lines' ends tell apart: a plane's mean x
// and mean y, and std x and std y, would be two alike lines on paper, and one
// grey in print. Nor is G's std dashed as the target's mean is, told apart from
// it by flat against wiggly alone in grey print; the target's x and y do not
// share one legend entry, which of moons' two orange lines, 0.5 and 0.25, is
// x's not said; and a baseline's four moments on a plane are not four alike
// grey lines.
func TestMomentsApartInPrint(t *testing.T) {
	moons := planeRun() // a target whose axes' moments differ, moons' (equal ones are one line: TestCoincidentTargetsSaid)
	moons.Plane.MeanX, moons.Plane.MeanY, moons.Plane.StdX, moons.Plane.StdY = 0.5, 0.25, 0.87, 0.5
	for _, c := range []struct {
		name  string
		r     Run
		names []string
	}{
		{"line", trained(t), []string{"mean", "std", "target mean", "target std"}},
		{"plane", moons, []string{"mean x", "mean y", "std x", "std y", "target mean x", "target mean y", "target std x", "target std y"}},
	} {
		panels := laidOut(t, c.r)
		got := legendStrokes(panels[0][0])
		for i, a := range c.names {
			if _, ok := got[a]; !ok {
				t.Fatalf("%s: no %q in panel (a)'s legend: %v", c.name, a, got)
			}
			for _, b := range c.names[i+1:] {
				if got[a] == got[b] {
					t.Errorf("%s: %q and %q are stroked alike, %+v: only their colour tells them apart", c.name, a, b, got[a])
				}
			}
		}
		r := c.r
		r.Baseline = &session.Baseline{Seed: 2, Epoch: 7, History: r.History}
		p, err := r.moments()
		if err != nil {
			t.Fatal(err)
		}
		var want []pen // the pens of G's moments, the first half of the names
		for _, name := range c.names[:len(c.names)/2] {
			want = append(want, got[name])
		}
		for i := range want { // each drawn ghostWiden wider
			want[i].width += ghostWiden
		}
		base := pensIn(p, ghostInk)
		slices.SortFunc(base, func(a, b pen) int { return cmp.Or(cmp.Compare(a.width, b.width), cmp.Compare(a.dashes, b.dashes)) })
		slices.SortFunc(want, func(a, b pen) int { return cmp.Or(cmp.Compare(a.width, b.width), cmp.Compare(a.dashes, b.dashes)) })
		if !slices.Equal(base, want) {
			t.Errorf("%s: the baseline's moments are stroked %+v, want the pens of G's, widened, %+v", c.name, base, want)
		}
	}
}

// TestEventLinesDashedApart: the events' lines are dashed as no line in the
// legends of panels (a) and (b) is, on a line and on a plane, so that in grey
// print an event's marker is not read as one of them: not 5/3, as the target's
// mean and the losses' balance are dashed.
func TestEventLinesDashedApart(t *testing.T) {
	rec := &recorder.Canvas{}
	drawEvents(rec, Event{Epoch: 500, Marks: marksOf("equilibrium")})
	var set pens
	event := ""
	for _, a := range rec.Actions {
		set.set(a)
		if _, ok := a.(*recorder.Stroke); ok && hexOf(set.colour) == palette.Event.Light.TrueColor {
			event = set.dashes
		}
	}
	if event == "" || event == "[]" {
		t.Fatalf("the event's line is stroked with dashes %q, want a pattern", event)
	}
	for _, c := range []struct {
		name string
		r    Run
	}{{"line", trained(t)}, {"plane", planeRun()}} {
		panels := laidOut(t, c.r)
		for i, p := range panels[0] {
			for name, pen := range legendStrokes(p) {
				if pen.dashes == event {
					t.Errorf("%s: panel (%c)'s %q is dashed %s as the events' lines are", c.name, 'a'+i, name, event)
				}
			}
		}
	}
}

// TestCoincidentTargetsSaid: on a plane whose target's x and y have one mean,
// or one std (grid, ring), panel (a) draws the two as one line, its legend
// saying they coincide, "target mean x = y"; where they differ, a line each.
// Drawn apart, the thin x would run unseen within the heavy y of the same
// value, the legend naming both as if apart.
func TestCoincidentTargetsSaid(t *testing.T) {
	r := planeRun()
	r.Plane.MeanX, r.Plane.MeanY, r.Plane.StdX, r.Plane.StdY = 0, 0, 1.5, 0.5
	p, err := r.moments()
	if err != nil {
		t.Fatal(err)
	}
	got := legendStrokes(p)
	for _, name := range []string{"target mean x = y", "target std x", "target std y"} {
		if _, ok := got[name]; !ok {
			t.Errorf("no %q in panel (a)'s legend: %v", name, got)
		}
	}
	for _, name := range []string{"target mean x", "target mean y", "target std x = y"} {
		if _, ok := got[name]; ok {
			t.Errorf("%q in panel (a)'s legend: %v", name, got)
		}
	}
	// One line at the means' 0: the target's strokes are the std's two
	// and the one mean.
	if n := len(pensIn(p, paper(palette.Real))); n != 3 {
		t.Errorf("the target drawn in %d strokes, want 3: the std's x and y and the one mean", n)
	}
}

// TestLossesApartInPrint: panel (b) draws D's losses on real and on generated
// data and G's in pens told apart by more than their colour, none dashed as the
// losses' balance is, and a pinned baseline's three losses, all one grey, in
// the pens of the run's, so that the run's legend says which is which: not
// three alike solid lines but for their colours, and the baseline's three alike
// grey ones.
func TestLossesApartInPrint(t *testing.T) {
	r := trained(t)
	p, err := r.losses()
	if err != nil {
		t.Fatal(err)
	}
	got := legendStrokes(p)
	names := []string{"D real", "D fake", "G", "ln 2"}
	for i, a := range names {
		if _, ok := got[a]; !ok {
			t.Fatalf("no %q in panel (b)'s legend: %v", a, got)
		}
		for _, b := range names[i+1:] {
			if got[a] == got[b] {
				t.Errorf("%q and %q are stroked alike, %+v: only their colour tells them apart", a, b, got[a])
			}
		}
	}
	r.Baseline = &session.Baseline{Seed: 2, Epoch: 7, History: r.History}
	if p, err = r.losses(); err != nil {
		t.Fatal(err)
	}
	want := []pen{got["D real"], got["D fake"], got["G"]}
	for i := range want { // each drawn ghostWiden wider
		want[i].width += ghostWiden
	}
	base := pensIn(p, ghostInk)
	byPen := func(a, b pen) int { return cmp.Or(cmp.Compare(a.width, b.width), cmp.Compare(a.dashes, b.dashes)) }
	slices.SortFunc(base, byPen)
	slices.SortFunc(want, byPen)
	if !slices.Equal(base, want) {
		t.Errorf("the baseline's losses are stroked %+v, want the pens of the run's, widened, %+v", base, want)
	}
}

// laidOut is r's panels as the figure lays them out, rows of columns,
// on a canvas that records nothing.
func laidOut(t *testing.T, r Run) [][]*panel {
	t.Helper()
	panels, _, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	return panels
}

// TestHeatScaleOneWay: the sweep's heat map runs one way, from its best
// to its worst, its lightness falling all along it, the best lightest,
// for normal vision and for protanopia, deuteranopia and tritanopia, so
// that no value between reads as a neutral point and the order reads the
// same to every eye and in grey print, its ends far apart (L* 50 at the
// least): Moreland's blue to red was white at the middle of the cells'
// range, ring's sliced W1 of 0.951 there read as neutral, its ends of one
// lightness.
func TestHeatScaleOneWay(t *testing.T) {
	cm := heatScale(0, 1.9)
	const steps = 64
	for _, eye := range palette.Eyes {
		var ls []float64
		for i := 0; i <= steps; i++ {
			c, err := cm.At(1.9 * float64(i) / steps)
			if err != nil {
				t.Fatal(err)
			}
			ls = append(ls, eye.Lab(c)[0])
		}
		for i := 1; i < len(ls); i++ {
			if ls[i] >= ls[i-1] {
				t.Errorf("%s: the scale's lightness rises from L* %.1f to %.1f at %.3f of 1.9: not one way from best to worst", eye.Name, ls[i-1], ls[i], 1.9*float64(i)/steps)
				break
			}
		}
		if d := ls[0] - ls[steps]; d < 50 {
			t.Errorf("%s: the scale's best end is L* %.1f, its worst %.1f: under 50 apart", eye.Name, ls[0], ls[steps])
		}
	}
}

// greyOf is c as grey print takes it, its luma (ITU-R BT.601, on the
// colour's own sRGB values, as a printer's or an image editor's greyscale
// reads them), 0 to 255.
func greyOf(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 0x101
}

// TestHeatmapNoValueSurvivesGreyPrint: printed in grey, the heat map's
// scale still runs one way, lighter to darker from best to worst, every
// cell of a value a flat grey of its own; and a cell with no value (every
// seed diverged, none finished) reads as none of them: hatched, dark lines
// on white, where a flat grey is a value of the scale, not a mark of none.
// It was filled #505050, grey 80, the grey the scale gives at 0.73 of its
// range, between its dark reds: `wgan-gp --set d_opt=sgd --set g_opt=sgd
// --epochs 200 --sweep d_lr=0.001,0.01,0.1 --sweep g_lr=0.01,0.1,0.2
// --seed 2` put its diverged cell, so filled, beside a KS of 0.876 and one
// of 0.781, the three alike in grey print, the word "diverged" alone
// telling it, and nothing where the cells are too narrow for words.
func TestHeatmapNoValueSurvivesGreyPrint(t *testing.T) {
	cm := heatScale(0, 1)
	var greys []float64
	for i := 0; i <= 256; i++ {
		c, err := cm.At(float64(i) / 256)
		if err != nil {
			t.Fatal(err)
		}
		if greys = append(greys, greyOf(c)); i > 0 && greys[i] >= greys[i-1] {
			t.Errorf("in grey print the scale goes from %.1f to %.1f at %.3f of its range: not lighter to darker one way", greys[i-1], greys[i], float64(i)/256)
		}
	}

	h := Heatmap{
		Title: "t", XKey: "d_lr", YKey: "g_lr", X: []string{"1e-3", "1e-2", "0.1"}, Y: []string{"1e-2", "0.1", "0.2"},
		Z:      [][]float64{{0.572, 0.301, 0.169}, {0.582, 0.781, 0.161}, {0.333, 0.876, math.NaN()}},
		ZLabel: "KS", ZLimits: [2]float64{0, 1},
		Notes: [][]string{{"", "", ""}, {"", "", ""}, {"", "", "diverged"}},
	}
	const w, hi = 7.5 * vg.Inch, 6 * vg.Inch
	c := vgimg.NewWith(vgimg.UseWH(w, hi), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	if err := drawHeatmap(draw.New(c), h); err != nil {
		t.Fatal(err)
	}
	img := c.Image()
	p, _, mapArea, _, err := heatmapLayout(draw.New(vgimg.NewWith(vgimg.UseWH(w, hi), vgimg.UseDPI(dpi))), h)
	if err != nil {
		t.Fatal(err)
	}
	d := p.DataCanvas(mapArea)
	cw, ch := (d.Max.X-d.Min.X)/3, (d.Max.Y-d.Min.Y)/3
	// corner is the greys of the pixels of a square in cell (i, j)'s
	// lower left corner, a fifth of the cell wide, clear of its text and
	// its edges.
	corner := func(i, j int) []float64 {
		px := func(l vg.Length) int { return int(math.Round(float64(l.Dots(dpi)))) }
		x0, y0 := d.Min.X+vg.Length(i)*cw+cw/20, d.Min.Y+vg.Length(j)*ch+ch/20
		var gs []float64
		for x := px(x0); x < px(x0+cw/5); x++ {
			for y := px(hi - y0 - ch/5); y < px(hi-y0); y++ {
				gs = append(gs, greyOf(img.At(x, y)))
			}
		}
		return gs
	}
	for j, row := range h.Z {
		for i, v := range row {
			gs := corner(i, j)
			lo, top := slices.Min(gs), slices.Max(gs)
			if !math.IsNaN(v) {
				if top-lo > 4 {
					t.Errorf("the cell of %v is no flat grey: %.0f to %.0f", v, lo, top)
				}
				continue
			}
			if top-lo < 60 {
				t.Errorf("the cell of no value is a flat grey of %.0f to %.0f in grey print, the scale's at %.2f of its range: it reads as a value", lo, top, float64(slices.IndexFunc(greys, func(g float64) bool { return g <= top }))/256)
			}
		}
	}
}
