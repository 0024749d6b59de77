package figure

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
)

// planeRun is the figure's data of a made-up two-dimensional run of 100
// epochs over the box [-2.5, 2.5]², with D's surface, an evaluation
// every 10 epochs and the target's points and modes on a ring of radius 2.
func planeRun() Run {
	r := Run{
		Title:       "ring · seed 1 · 100 epochs (done) · target ring(8,2,0.02)",
		Plane:       &session.PlaneInfo{Box: engine.Box{X0: -2.5, X1: 2.5, Y0: -2.5, Y1: 2.5}},
		SurfaceN:    10,
		Surface:     make([]float64, 100),
		SampleEpoch: 100,
		TargetMean:  math.NaN(),
		TargetStd:   math.NaN(),
	}
	for i := range r.Surface {
		r.Surface[i] = float64(i%10) / 9
	}
	for e := 1; e <= 100; e++ {
		v := math.Sin(float64(e) / 10)
		r.History = append(r.History, session.Point{Epoch: e, Mean: v, MeanY: -v, Std: 1 + v/2, StdY: 1 - v/2, DReal: 0.7 + v/10, DFake: 0.7 - v/10, G: 0.7})
		if e%10 == 0 {
			r.Evals = append(r.Evals, session.EvalPoint{Epoch: e, SW1: 0.5 + v/4, HQ: 0.5 - v/4})
		}
	}
	for k := range 8 {
		a := 2 * math.Pi * float64(k) / 8
		r.Plane.Reference = append(r.Plane.Reference, 2*math.Cos(a), 2*math.Sin(a))
		r.Plane.Spots = append(r.Plane.Spots, engine.Spot{X: 2 * math.Cos(a), Y: 2 * math.Sin(a), Std: 0.02, Weight: 1.0 / 8})
	}
	return r
}

// fillCanvas is a vg.Canvas that records the colour and the first point
// of every path it fills, and ignores the rest.
type fillCanvas struct {
	colour color.Color
	fills  []filled
}

type filled struct {
	c  color.Color
	at vg.Point
}

func (c *fillCanvas) SetLineWidth(vg.Length)             {}
func (c *fillCanvas) SetLineDash([]vg.Length, vg.Length) {}
func (c *fillCanvas) SetColor(col color.Color)           { c.colour = col }
func (c *fillCanvas) Rotate(float64)                     {}
func (c *fillCanvas) Translate(vg.Point)                 {}
func (c *fillCanvas) Scale(float64, float64)             {}
func (c *fillCanvas) Push()                              {}
func (c *fillCanvas) Pop()                               {}
func (c *fillCanvas) Stroke(vg.Path)                     {}
func (c *fillCanvas) Fill(p vg.Path) {
	if len(p) > 0 {
		c.fills = append(c.fills, filled{c.colour, p[0].Pos})
	}
}
func (c *fillCanvas) FillString(font.Face, vg.Point, string) {}
func (c *fillCanvas) DrawImage(vg.Rectangle, image.Image)    {}

// figureCanvas is a canvas of the figure's size drawing on rec.
func figureCanvas(rec vg.Canvas) draw.Canvas {
	return draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: width, Y: height}}}
}

// TestBeyondTheBoxOfHowMany: panel (d)'s legend says among how many of G's
// samples it counts those beyond the box — all of them, not the 5,000 at most
// it draws — as the screen's plane, counting among the 1,500 it draws, says
// "1,500 of 2,500 drawn · 201 of 1,500 beyond the box". A bare "335 beyond the
// box", of the same run's 2,500 (the same box, the same share), would read as
// counting against another box.
func TestBeyondTheBoxOfHowMany(t *testing.T) {
	r := planeRun()
	r.Samples = nil
	for i := range 6000 {
		x := 0.0
		if i%3 == 0 {
			x = 10 // beyond the box: 2,000 of 6,000
		}
		r.Samples = append(r.Samples, x, 0)
	}
	hasAll(t, svgOf(t, r), "samples (2,000 of 6,000 beyond the box)")
}

// TestNotFiniteIsNotBeyondTheBox: panel (d) counts G's samples that are not a
// number (NaN or infinite) apart from those beyond the box, among all its
// samples, as the screen's plane does: they lie nowhere, and the legend does
// not leave them out of its count, "(2 of 7 beyond the box)" of 10 samples, nor
// count them beyond the box.
func TestNotFiniteIsNotBeyondTheBox(t *testing.T) {
	r := planeRun()
	in, beyond, inf, nan := []float64{0, 0}, []float64{10, 0}, []float64{math.Inf(1), 0}, []float64{0, math.NaN()}
	for _, c := range []struct {
		samples [][]float64
		want    string
	}{
		{[][]float64{in, in, in, in, in, beyond, beyond, inf, nan, nan}, "samples (2 of 10 beyond the box, 3 NaN or infinite)"},
		{[][]float64{in, in, nan}, "samples (1 of 3 NaN or infinite)"},
		{[][]float64{beyond, beyond, inf}, "samples: 2 of 3 beyond the box [-2.5, 2.5]×[-2.5, 2.5], 1 NaN or infinite"},
		{[][]float64{beyond, beyond}, "samples: all 2 beyond the box [-2.5, 2.5]×[-2.5, 2.5]"},
		{[][]float64{nan, inf}, "samples: all 2 NaN or infinite"},
	} {
		r.Samples = slices.Concat(c.samples...)
		hasAll(t, svgOf(t, r), c.want)
	}
}

// TestPlaneShowsEverySampleInView: panel (d) of a plane, its axes widened past
// the target's box to draw it at equal scale, draws every sample within its
// axes, and counts in its legend those beyond the box, as the screen's plane
// does, samples and target points alike (those beyond the box do not vanish
// unsaid, nor does the legend count those beyond the axes as "outside" while
// points beyond the box are drawn); and it says that D is shaded over the box
// alone. Its y axis is the box's and a margin, taken out to the samples above
// it up to the box's height beyond it (reach: grid's plume at epoch 300, up to
// 9.5 over a box to 5, is drawn whole), none widened for the key, which stands
// above the data.
func TestPlaneShowsEverySampleInView(t *testing.T) {
	r := planeRun()
	r.Samples = []float64{
		0, 0, // in the box
		3.5, 0, // beyond the box, within the axes widened across
		0, 6, // beyond the box, up, within its height of it: the y axis reaches it
		0, 9, // beyond the box, up, by more than its height: counted, not drawn
		100, 100, // far beyond
		math.NaN(), 0, // diverged: not a point anywhere
	}
	r.Plane.Reference = append(r.Plane.Reference, 0, -40)

	rec := &fillCanvas{}
	panels, canvases, err := r.layout(figureCanvas(rec))
	if err != nil {
		t.Fatal(err)
	}
	d := panels[1][1]
	if m := boxMargin * 5; !(d.X.Min < -3.5 && d.X.Max > 3.5 && math.Abs(d.Y.Min+2.5+m) < 1e-9 && math.Abs(d.Y.Max-6-m) < 1e-9) {
		t.Fatalf("panel (d) shows [%g, %g]×[%g, %g]: want x widened past ±3.5, y from the box's foot and its margin, %g, to the sample at 6 and the margin, %g", d.X.Min, d.X.Max, d.Y.Min, d.Y.Max, -2.5-m, 6+m)
	}
	d.Draw(canvases[1][1])
	data := d.DataCanvas(canvases[1][1])
	trX, trY := d.Transforms(&data)
	var greens []vg.Point
	for _, f := range rec.fills {
		if f.c == paper(palette.Generated) {
			greens = append(greens, f.at)
		}
	}
	// Three samples (the key is drawn apart, above the data); a glyph's
	// path starts a radius right of its centre.
	if len(greens) != 3 {
		t.Errorf("%d green glyphs drawn, want 3 (three samples in view)", len(greens))
	}
	for _, q := range []vg.Point{{X: 3.5, Y: 0}, {X: 0, Y: 6}} {
		found := false
		for _, g := range greens {
			found = found || (math.Abs(float64(g.X-vg.Points(1)-trX(float64(q.X)))) < 0.01 && math.Abs(float64(g.Y-trY(float64(q.Y)))) < 0.01)
		}
		if !found {
			t.Errorf("the sample at %v, beyond the box but in view, is not drawn: green glyphs at %v", q, greens)
		}
	}

	hasAll(t, svgOf(t, r), "samples (4 of 6 beyond the box, 1 NaN or infinite)", "target (1 of 9 beyond the box)", "x — D shaded over the target's box")

	r.Samples = []float64{50, 50, -50, 0}
	hasAll(t, svgOf(t, r), "samples: all 2 beyond the box [-2.5, 2.5]×[-2.5, 2.5]")
	r.Samples = []float64{3.5, 0} // beyond the box, in view: drawn, and counted as beyond the box
	hasAll(t, svgOf(t, r), "samples: all 1 beyond the box [")
}

// TestPlaneShowsBelowTheBox: panel (d) shows a margin below the target's box,
// as it shows more beside it: a sample just below the box is drawn, as one as
// far beside it is, and the box's outline lies above the panel's frame. The y
// axis does not begin at the box's bottom, the outline on the frame and the
// sample, counted as beyond the box, not drawn.
func TestPlaneShowsBelowTheBox(t *testing.T) {
	r := planeRun()
	r.Samples = []float64{0, -2.6, 2.6, 0} // below the box, beside it
	rec := &fillCanvas{}
	d, data := drawnD(t, r, rec)
	trX, trY := d.Transforms(&data)
	if trY(-2.5) <= data.Min.Y {
		t.Errorf("the box's bottom at %v lies on the panel's frame at %v", trY(-2.5), data.Min.Y)
	}
	for _, s := range [][2]float64{{0, -2.6}, {2.6, 0}} {
		found := false
		for _, f := range rec.fills {
			// A glyph's path starts a radius right of its centre.
			found = found || f.c == paper(palette.Generated) &&
				math.Abs(float64(f.at.X-vg.Points(1)-trX(s[0]))) < 0.01 && math.Abs(float64(f.at.Y-trY(s[1]))) < 0.01
		}
		if !found {
			t.Errorf("the sample at %v, just beyond the box, is not drawn", s)
		}
	}
}

// timeAxes returns the x ranges of the time panels (a)–(c) of r, laid
// out as Encode lays them out, and the panels.
func timeAxes(t *testing.T, r Run) ([3][2]float64, [3]*panel) {
	t.Helper()
	panels, _, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	ps := [3]*panel{panels[0][0], panels[0][1], panels[1][0]}
	var xs [3][2]float64
	for i, p := range ps {
		xs[i] = [2]float64{p.X.Min, p.X.Max}
	}
	return xs, ps
}

// TestEventsLieWithinTheTimeAxes: an event at an end of the time axes takes
// that end one epoch further, as one epoch alone is shown, none before 0, so
// that its line lies within the panels with its label: a run of two epochs
// rolled back at epoch 1 and hand-updated at 2 shows 0 to 3, one that marks
// epoch 0 from 0. Without events the axes end where the run does, but for the
// room its one evaluation's dots take (TestLoneEvaluationWithinThePanel). The
// marks do not lie on the panels' edges, a hand-update at the end of an axis
// from 0 to 1 unlabelled, like the frame at the run's end.
func TestEventsLieWithinTheTimeAxes(t *testing.T) {
	r := FromPicture(pictureOf(t, "lsgan", 2, session.Options{Seed: 1, Samples: 500}))
	r.Events = nil
	xs, _ := timeAxes(t, r)
	for i, x := range xs {
		if x != [2]float64{1, 2 + dotRoom} {
			t.Errorf("no events: panel %c's time axis runs %g to %g, want the run's 1 to 2, and room for its evaluation's dots", 'a'+i, x[0], x[1])
		}
	}
	for _, c := range []struct {
		events []Event
		want   [2]float64
	}{
		{[]Event{{Epoch: 1, Marks: marksOf("rollback"), N: 1}, {Epoch: 2, Marks: marksOf("hand-update"), N: 1}}, [2]float64{0, 3}},
		{[]Event{{Epoch: 0, Marks: marksOf("rollback"), N: 1}, {Epoch: 2, Marks: marksOf("hand-update"), N: 1}}, [2]float64{0, 3}},
		{[]Event{{Epoch: 2, Marks: marksOf("hand-update"), N: 1}}, [2]float64{1, 3}},
	} {
		r.Events = c.events
		xs, _ := timeAxes(t, r)
		for i, x := range xs {
			if x != c.want {
				t.Errorf("events %v: panel %c's time axis runs %g to %g, want %g to %g", c.events, 'a'+i, x[0], x[1], c.want[0], c.want[1])
			}
		}
		var labels []string
		for _, e := range c.events {
			labels = append(labels, e.label())
		}
		hasAll(t, svgOf(t, r), labels...)
	}
}

// TestTimeAxesAgree: the three time panels put an epoch at one place: a run of
// one epoch shows 0 to 2 in each, marked at whole epochs (not its panels at
// 1–2, 0–2 and -1–1), a value alone gets a small range around it, a panel with
// no value 0 to 1, and the title says 1 epoch, not 1 epochs. A run whose
// evaluations start later than its history shows them on the history's axis.
func TestTimeAxesAgree(t *testing.T) {
	r := FromPicture(pictureOf(t, "lsgan", 1, session.Options{Seed: 1, Samples: 500}))
	if !strings.Contains(r.Title, "· 1 epoch (done)") {
		t.Errorf("title %q, want 1 epoch", r.Title)
	}
	r.Events = []Event{{Epoch: 1, Marks: marksOf("runaway")}}
	r.Evals = nil // a panel with no value (its epoch's measures left out)
	xs, ps := timeAxes(t, r)
	for i, x := range xs {
		if x != [2]float64{0, 2} {
			t.Errorf("panel %c's time axis runs %g to %g, want 0 to 2", 'a'+i, x[0], x[1])
		}
	}
	var marks []string
	for _, k := range ps[0].X.Tick.Marker.Ticks(0, 2) {
		marks = append(marks, fmt.Sprintf("%g:%s", k.Value, k.Label))
	}
	if got := strings.Join(marks, " "); got != "0:0 1:1 2:2" {
		t.Errorf("a one-epoch axis is marked %q, want whole epochs", got)
	}
	if c := ps[2]; c.Y.Min != 0 || !(c.Y.Max > 1) || !strings.Contains(c.Title.Text, "no evaluation") {
		t.Errorf("panel (c), no evaluation: y %g to %g, title %q; want from 0 to 1 and headroom", c.Y.Min, c.Y.Max, c.Title.Text)
	}

	r.Balance = nil // a value alone: no line at the equilibrium to reach
	r.History = []session.Point{{Epoch: 1, Mean: 0.5, Std: 0.5, DReal: 3e19, DFake: 3e19, G: 3e19}}
	r.Evals = []session.EvalPoint{{Epoch: 1, KS: 0.25, W1: 0.25}}
	_, ps = timeAxes(t, r)
	if b := ps[1]; !(b.Y.Min <= 2.7e19 && b.Y.Min >= 2.5e19 && b.Y.Max > 3.3e19 && b.Y.Max < 4e19) {
		t.Errorf("panel (b), one loss of 3e19: y %g to %g, want 2.7e19 to 3.3e19, its foot at a label, and headroom", b.Y.Min, b.Y.Max)
	}
	if c := ps[2]; c.Y.Min != 0 || !(c.Y.Max > 0.25 && c.Y.Max < 0.5) {
		t.Errorf("panel (c), one KS of 0.25: y %g to %g", c.Y.Min, c.Y.Max)
	}

	long := trained(t) // history from epoch 1, evaluations from 10
	xs, _ = timeAxes(t, long)
	for i, x := range xs {
		if x != [2]float64{1, 60} {
			t.Errorf("a 60-epoch run: panel %c's time axis runs %g to %g, want 1 to 60", 'a'+i, x[0], x[1])
		}
	}

	if h := FromSweep(session.SweepResult{Preset: "vanilla", Epochs: 1, Seeds: []uint64{1}, Measures: [2]string{"ks", "w1"}}); !strings.HasPrefix(h.Title, "vanilla · 1 epoch ·") {
		t.Errorf("sweep title %q", h.Title)
	}
}

// TestPanelsLineUp: no panel's data area is padded by what it draws (a heat
// map's cells, a line's width, a lone point): each lies where its axes alone
// put it, so that its axis lines sit as far from it as in every other panel;
// panels in a row share the data area's top and bottom, panels in a column its
// left and right, and a plane's panel (d) is drawn at equal scale. Panel (c)
// does not sit higher than panel (d), whose heat map would pad its data area up
// from its x axis, nor panel (d) reach past panel (b) once widened.
func TestPanelsLineUp(t *testing.T) {
	line := trained(t)
	plane := planeRun()
	plane.Samples = []float64{-2.5, -2.5, 2.5, 2.5, 0, 0} // at the box's corners too
	one := trained(t)
	one.History, one.Evals = one.History[:1], one.Evals[:1]
	ring := FromPicture(pictureOf(t, "ring", 300, session.Options{Seed: 1})) // its row 2 not 0.03 point out of line
	near := func(a, b vg.Length) bool { return math.Abs(float64(a-b)) < 1e-3 }
	for name, r := range map[string]Run{"line": line, "plane": plane, "one point": one, "ring, 300 epochs": ring} {
		panels, canvases, err := r.layout(figureCanvas(&fillCanvas{}))
		if err != nil {
			t.Fatal(err)
		}
		var data [2][2]vg.Rectangle
		for j := range panels {
			for i, p := range panels[j] {
				data[j][i] = p.DataCanvas(canvases[j][i]).Rectangle
				bare := plot.New()
				bare.Title, bare.X, bare.Y = p.Title, p.X, p.Y
				if b := bare.DataCanvas(canvases[j][i]).Rectangle; b != data[j][i] {
					t.Errorf("%s: %s: data area %v, padded from %v, where its axes put it", name, p.Title.Text, data[j][i], b)
				}
			}
		}
		for k := range 2 {
			if r := data[k]; !near(r[0].Min.Y, r[1].Min.Y) || !near(r[0].Max.Y, r[1].Max.Y) {
				t.Errorf("%s: row %d: data areas from %v to %v and %v to %v up", name, k, r[0].Min.Y, r[0].Max.Y, r[1].Min.Y, r[1].Max.Y)
			}
			if a, b := data[0][k], data[1][k]; !near(a.Min.X, b.Min.X) || !near(a.Max.X, b.Max.X) {
				t.Errorf("%s: column %d: data areas from %v to %v and %v to %v across", name, k, a.Min.X, a.Max.X, b.Min.X, b.Max.X)
			}
		}
		if r.Plane != nil {
			d, a := panels[1][1], data[1][1]
			perX, perY := (d.X.Max-d.X.Min)/float64(a.Max.X-a.Min.X), (d.Y.Max-d.Y.Min)/float64(a.Max.Y-a.Min.Y)
			if math.Abs(perX/perY-1) > 1e-6 {
				t.Errorf("%s: panel (d) draws %g units a point across and %g up", name, perX, perY)
			}
		}
	}
}

// TestBalanceIsTheEquilibrium: the loss panel's balance lines are the
// design's equilibrium: ln 2 for BCE, ⅛ for least squares, and with label
// smoothing D's two values where D gives 0.45.
func TestBalanceIsTheEquilibrium(t *testing.T) {
	for _, c := range []struct {
		loss  engine.Loss
		label float64
		want  string
	}{
		{engine.LossBCE, 1, "ln 2=0.6931"},
		{engine.LossLeastSquares, 1, "⅛=0.1250"},
		{engine.LossBCE, 0.9, "D real at D(x) = 0.45=0.7784 D fake at D(x) = 0.45=0.5978"},
		{engine.LossHinge, 1, ""},
	} {
		e, ok := session.EquilibriumOf(engine.Config{Loss: c.loss, RealLabel: c.label})
		var ep *session.Equilibrium
		if ok {
			e.Samples = true // a D(x) strip's design: vanilla's
			ep = &e
		}
		var got []string
		for _, l := range balance(ep) {
			got = append(got, fmt.Sprintf("%s=%.4f", l.Name, l.Y))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s, real label %g: %q, want %q", c.loss, c.label, g, c.want)
		}
	}
	// A D that judges rows, packs or moments has no D(x) to name.
	e, _ := session.EquilibriumOf(engine.Config{Loss: engine.LossBCE, RealLabel: 0.9})
	e.Samples = false
	if got := balance(&e)[0].Name; got != "D real at D's score 0.45" {
		t.Errorf("a D of rows: %q, want D real at D's score 0.45", got)
	}
}

// TestBalanceLinesToldApart: with label smoothing D's two losses balance at two
// lines, and the loss panel's legend tells them apart, each in its loss's
// colour, not both the same grey dashes, of which D real's could not be read
// off the figure.
func TestBalanceLinesToldApart(t *testing.T) {
	r := trained(t)
	e, _ := session.EquilibriumOf(engine.Config{Loss: engine.LossBCE, RealLabel: 0.9})
	r.Balance = balance(&e)
	p, err := r.losses()
	if err != nil {
		t.Fatal(err)
	}
	colours := legendColours(p)
	real, fake := colours[r.Balance[0].Name], colours[r.Balance[1].Name]
	if real == nil || fake == nil || real == fake || real != colours["D real"] || fake != colours["D fake"] {
		t.Errorf("legend colours %v; want %q in D real's, %q in D fake's", colours, r.Balance[0].Name, r.Balance[1].Name)
	}
}

// drawnD lays out r's figure on c, draws its panel (d) and returns the
// panel with its data area.
func drawnD(t *testing.T, r Run, c vg.Canvas) (*panel, draw.Canvas) {
	t.Helper()
	panels, canvases, err := r.layout(figureCanvas(c))
	if err != nil {
		t.Fatal(err)
	}
	d := panels[1][1]
	d.Draw(canvases[1][1])
	return d, d.DataCanvas(canvases[1][1])
}

// TestPlaneOutlinesTheBox: panel (d) of a plane outlines the target's
// box, which its legend counts the points beyond, for the axes run past
// it and the shading, white where D cannot tell, does not always show it.
func TestPlaneOutlinesTheBox(t *testing.T) {
	r := planeRun()
	r.Surface = nil // no shading: the outline alone shows the box
	rec := &recorder.Canvas{}
	d, data := drawnD(t, r, rec)
	trX, trY := d.Transforms(&data)
	corner := func(c vg.Point, x, y float64) bool {
		return math.Abs(float64(c.X-trX(x))) < 0.01 && math.Abs(float64(c.Y-trY(y))) < 0.01
	}
	for _, s := range strokes(rec) {
		p := s.path
		if s.col == paper(palette.Muted) && len(p) == 5 && corner(p[0].Pos, -2.5, -2.5) && corner(p[1].Pos, 2.5, -2.5) && corner(p[2].Pos, 2.5, 2.5) && corner(p[3].Pos, -2.5, 2.5) {
			return
		}
	}
	t.Error("panel (d) does not outline the box [-2.5, 2.5]²")
}

// TestPlaneMomentsAgainstTheTarget: panel (a) of a plane sets each axis's mean
// and std against the target's, as the screen's moments chart does, in the
// target's orange, a legend entry for each axis's (TestMomentsApartInPrint),
// not the samples' moments against nothing.
func TestPlaneMomentsAgainstTheTarget(t *testing.T) {
	r := planeRun()
	r.Plane.MeanX, r.Plane.MeanY, r.Plane.StdX, r.Plane.StdY = 0.5, -0.5, 3, 2
	p, err := r.moments()
	if err != nil {
		t.Fatal(err)
	}
	colours := legendColours(p)
	for _, name := range []string{"target mean x", "target mean y", "target std x", "target std y"} {
		if c, ok := colours[name]; !ok || hexOf(c) != palette.Real.Light.TrueColor {
			t.Errorf("legend entry %q: %v, colour %s; want it in %s (legend %v)", name, ok, hexOf(c), palette.Real.Light.TrueColor, colours)
		}
	}
	if len(colours) != 8 {
		t.Errorf("legend of %d entries, want the samples' four and the target's four: %v", len(colours), colours)
	}
	if p.Y.Max < 3 {
		t.Errorf("the y axis ends at %g, under the target's std of 3", p.Y.Max)
	}
}

// TestShareOfZeroIsDrawn: a plane's high-quality share of 0 (no sample near a
// mode) is drawn as one: at 0 on a linear scale, and on a log scale, which has
// no 0, as a ▼ at the panel's foot, the line broken there, the legend saying
// so. The 0s are not left out as values no axis can hold, the line bridging
// them, and a share of 0 at every check left out whole, the axis named "sliced
// W1" as for a target without modes.
func TestShareOfZeroIsDrawn(t *testing.T) {
	share := func(r Run) (lines int, marks int, p *panel) {
		t.Helper()
		p, err := r.quality()
		if err != nil {
			t.Fatal(err)
		}
		rec := &fillCanvas{}
		c := figureCanvas(&strokeCounter{fillCanvas: rec, colour: paper(palette.Muted), n: &lines})
		p.Draw(c)
		for _, f := range rec.fills {
			if f.c == paper(palette.Muted) {
				marks++
			}
		}
		return lines, marks, p
	}
	r := planeRun()
	hq := []float64{0, 0, 0, 0, 0.004, 0.0108, 0, 0.0008, 0.006, 0.0068}
	for i := range r.Evals {
		r.Evals[i].SW1, r.Evals[i].HQ = 1.2, hq[i]
	}
	lines, marks, p := share(r)
	if _, log := p.Y.Scale.(plot.LogScale); !log {
		t.Fatalf("shares of 0.0008 to 0.0108 beside a sliced W1 of 1.2: scale %T, want a log scale", p.Y.Scale)
	}
	if lines != 2 || marks != 5 {
		t.Errorf("the share on a log scale: %d lines, %d ▼ marks; want 2 lines, broken at its 0s, and a mark for each of the 5", lines, marks)
	}
	hasAll(t, svgOf(t, r), "high-quality share (0 where marked below)", "SW1, share")

	// A share alone between two 0s is a dot of the line, not the disc of a
	// series of one point, which beside a baseline's discs would read as the
	// baseline's.
	r.Evals[8].HQ = 0 // 0.0008 at epoch 80 alone, and 0.0068 at 100
	p, err := r.quality()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	p.Draw(figureCanvas(rec))
	var set color.Color
	dots := 0
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			set = a.Color
		case *recorder.Fill:
			for _, pc := range a.Path {
				if pc.Type == vg.ArcComp && set == paper(palette.Muted) {
					dots++
					if pc.Radius > vg.Points(2) {
						t.Errorf("a share alone between 0s is drawn as a disc of radius %v", pc.Radius)
					}
				}
			}
		}
	}
	if dots != 2 {
		t.Errorf("%d dots of the share drawn, want 2, its values alone after a 0", dots)
	}

	for i := range r.Evals {
		r.Evals[i].HQ = 0
	}
	lines, marks, p = share(r)
	if p.Y.Label.Text != "SW1, share" || lines != 1 || marks != 0 {
		t.Errorf("a share of 0 at every check: axis %q, %d lines, %d marks; want it drawn along 0, the axis naming it", p.Y.Label.Text, lines, marks)
	}
	hasAll(t, svgOf(t, r), "high-quality share")

	r.Plane.Spots = nil // a target without modes: no share to draw
	if lines, _, p = share(r); lines != 0 || p.Y.Label.Text != "sliced W1" {
		t.Errorf("a target without modes: %d share lines, axis %q; want none, the axis sliced W1", lines, p.Y.Label.Text)
	}
}

// strokeCounter counts the paths stroked in one colour, filling as
// fillCanvas does.
type strokeCounter struct {
	*fillCanvas
	colour color.Color
	n      *int
}

func (c *strokeCounter) Stroke(vg.Path) {
	if c.fillCanvas.colour == c.colour {
		*c.n++
	}
}

// TestPlaneDrawsAtMostSoManySamples: a plane's figure of 100,000 samples (the
// most --samples allows on one) draws 5,000 of them, evenly through the sample,
// on every mode where a prefix would reach the first alone, its panel's title
// saying so after the count of all and its legend counting those beyond the box
// among all: they add at most 750 kB to its SVG or PDF, where each sample drawn
// as its own mark would add 9.4 MB to the SVG, 0.9 MB to the PDF. The default
// 2,500 are drawn whole, the title not saying so.
func TestPlaneDrawsAtMostSoManySamples(t *testing.T) {
	// ring returns n samples in order round the ring's 8 modes, a
	// prefix of them on the first few alone; every tenth is beyond the
	// box's right side.
	ring := func(n int) []float64 {
		xy := make([]float64, 0, 2*n)
		for i := range n {
			if i%10 == 9 {
				xy = append(xy, 2.6, 0)
				continue
			}
			a := 2 * math.Pi * float64(8*i/n) / 8
			xy = append(xy, 2*math.Cos(a), 2*math.Sin(a))
		}
		return xy
	}
	for _, c := range []struct {
		n, drawn int
		title    string
	}{
		{100_000, 5000, "(d) 100,000 fresh samples at epoch 100 (5,000 drawn)"},
		{2500, 2500, "(d) 2,500 fresh samples at epoch 100"},
	} {
		r := planeRun()
		var svg []byte
		for _, format := range []string{"svg", "pdf"} {
			var none, b bytes.Buffer // without samples, and with
			if err := Encode(&none, format, r); err != nil {
				t.Fatal(err)
			}
			r.Samples = ring(c.n)
			if err := Encode(&b, format, r); err != nil {
				t.Fatal(err)
			}
			r.Samples = nil
			if grew := b.Len() - none.Len(); grew > 750_000 {
				t.Errorf("%d samples: they take %d bytes of the %s, want at most 750 kB", c.n, grew, format)
			}
			if format == "svg" {
				svg = b.Bytes()
			}
		}
		r.Samples = ring(c.n)
		texts := svgText(t, svg)
		hasAll(t, texts, "samples ("+numtext.FormatInt(c.n/10)+" of "+numtext.FormatInt(c.n)+" beyond the box)") // of all, not of those drawn
		if !slices.Contains(texts, c.title) {
			t.Errorf("%d samples: no title %q in the figure", c.n, c.title)
		}

		// The points drawn: as many as said, on every mode.
		rec := &recorder.Canvas{}
		panels, canvases, err := r.layout(title(figureCanvas(rec), r.Title))
		if err != nil {
			t.Fatal(err)
		}
		p := panels[1][1]
		p.Draw(canvases[1][1])
		data := p.DataCanvas(canvases[1][1])
		trX, trY := p.Transforms(&data)
		var set color.Color
		drawn, modes := 0, make([]int, 8)
		for _, a := range rec.Actions {
			switch a := a.(type) {
			case *recorder.SetColor:
				set = a.Color
			case *recorder.Fill: // a glyph's path starts a radius right of its centre
				if set != paper(palette.Generated) {
					continue
				}
				drawn++
				at := a.Path[0].Pos
				at.X -= vg.Points(1)
				for k := range 8 {
					ang := 2 * math.Pi * float64(k) / 8
					if math.Hypot(float64(at.X-trX(2*math.Cos(ang))), float64(at.Y-trY(2*math.Sin(ang)))) < 1 {
						modes[k]++
					}
				}
			}
		}
		if drawn != c.drawn {
			t.Errorf("%d samples: %d drawn, want %d", c.n, drawn, c.drawn)
		}
		if slices.Contains(modes, 0) {
			t.Errorf("%d samples: drawn on the modes %v, want some on each", c.n, modes)
		}
	}
}

// TestTimeAxesLabelledAtTheFoot: each time panel's y axis begins at a label, at
// or under its data's lowest, on a line and on a plane, on a linear scale and
// on a log one, so that the values at its foot read off a number, not at the
// data's lowest, the first label a step up (panel (a)'s means from 0.07
// labelled from 1, a plane's losses from 0.23 from 0.5, a log panel (c)'s KS
// from 0.13 from 0.2, a runaway's from 0.37 from 1).
func TestTimeAxesLabelledAtTheFoot(t *testing.T) {
	// evals sets KS from ks and W1 from w1 up to w1·rise, a log panel (c).
	evals := func(ks, w1, rise float64) Run {
		r := trained(t)
		for i := range r.Evals {
			f := float64(i) / float64(len(r.Evals)-1)
			r.Evals[i].KS, r.Evals[i].W1 = ks+f/10, w1*math.Pow(rise, f)
		}
		return r
	}
	runaway := trained(t)
	for i := range runaway.History {
		runaway.History[i].G = 0.37 * math.Pow(1e9, float64(i)/float64(len(runaway.History)-1))
	}
	for _, c := range []struct {
		name string
		r    Run
		log  []int // the panels on a log scale
	}{
		{"line", trained(t), nil},
		{"plane", planeRun(), nil},
		{"KS from 0.13 under 3", evals(0.13, 0.3, 10), []int{2}},
		{"KS from 0.37 under 1.5e11", evals(0.37, 1e8, 1500), []int{2}},
		{"G from 0.37 to 3.7e8", runaway, []int{1}},
	} {
		panels := laidOut(t, c.r)
		for i, p := range []*panel{panels[0][0], panels[0][1], panels[1][0]} {
			_, log := p.Y.Scale.(plot.LogScale)
			if log != slices.Contains(c.log, i) {
				t.Errorf("%s: panel (%c) on a log scale: %t", c.name, 'a'+i, log)
			}
			first := math.NaN()
			for _, k := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
				if k.Label != "" {
					first = k.Value
					break
				}
			}
			off := math.Abs(first-p.Y.Min) / (p.Y.Max - p.Y.Min)
			if log {
				off = math.Abs(math.Log(first/p.Y.Min)) / math.Log(p.Y.Max/p.Y.Min)
			}
			if !(off <= 1e-6) {
				t.Errorf("%s: panel (%c)'s y axis, %g to %g, is first labelled at %g", c.name, 'a'+i, p.Y.Min, p.Y.Max, first)
			}
		}
	}
}

// TestPlaneKeyInTwoRows: a plane's panel (a), of eight lines, names them in
// its key above the data in two rows at the figure's width, x's beside
// y's, no name written over a thumbnail. One under the other in the data's
// corner they took near half the panel, ring's y axis run to 6 over curves
// under 3.
func TestPlaneKeyInTwoRows(t *testing.T) {
	moons := planeRun()
	moons.Plane.MeanX, moons.Plane.MeanY, moons.Plane.StdX, moons.Plane.StdY = 0.5, 0.25, 0.87, 0.5
	plane, err := moons.moments()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 400}}} // about a panel's data area's width
	drawKey(plane, c)
	type span struct {
		name   string
		lo, hi vg.Length
		y      vg.Length
	}
	var names, thumbs []span
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.Stroke:
			lo, hi := a.Path[0].Pos.X, a.Path[0].Pos.X
			for _, q := range a.Path {
				lo, hi = min(lo, q.Pos.X), max(hi, q.Pos.X)
			}
			thumbs = append(thumbs, span{"", lo, hi, a.Path[0].Pos.Y})
		case *recorder.FillString:
			w := plane.Legend.TextStyle.Width(a.String)
			if a.String == "mean y" && len(names) > 0 && names[len(names)-1].name != "mean x" {
				t.Errorf("mean y follows %q, not mean x", names[len(names)-1].name)
			}
			names = append(names, span{a.String, a.Point.X, a.Point.X + w, a.Point.Y})
		}
	}
	if len(names) != 8 {
		t.Fatalf("the key names %d lines, want 8: %v", len(names), names)
	}
	rows := map[vg.Length]bool{}
	for _, n := range names {
		rows[n.y] = true
		for _, th := range thumbs {
			if math.Abs(float64(th.y-n.y)) < 5 && th.lo < n.hi && th.hi > n.lo {
				t.Errorf("%q, from %v to %v, is written over a thumbnail from %v to %v", n.name, n.lo, n.hi, th.lo, th.hi)
			}
		}
	}
	if len(rows) != 2 {
		t.Errorf("the key's names lie on %d rows, want 2", len(rows))
	}
}

// TestTargetOverTheSamples: panel (d) of a plane draws the target's points as
// rings over G's samples, dots, so that the target shows where G's samples
// pile on it, and G's samples within and between the hollow rings, in grey
// print too (a ring from a dot, not their colours, which print as one grey).
// Drawn under G's dots, the rings were hidden wherever G sat on the target:
// ring at its end read as eight blue blobs, no mode to be seen. The target's
// dots, drawn over G's, would hide G's samples wherever they lie on the
// target: a moons run at its end would read as the target alone.
func TestTargetOverTheSamples(t *testing.T) {
	r := planeRun()
	r.Samples = slices.Clone(r.Plane.Reference) // G on the target, point for point
	rec := &recorder.Canvas{}
	panels, canvases, err := r.layout(figureCanvas(rec))
	if err != nil {
		t.Fatal(err)
	}
	rec.Actions = nil
	panels[1][1].Draw(canvases[1][1])
	var order []string // the target's and G's glyphs, in the order drawn
	var set color.Color
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			set = a.Color
		case *recorder.Fill:
			switch set {
			case paper(palette.Generated):
				order = append(order, "G")
			case paper(palette.Real):
				order = append(order, "target dot")
			}
		case *recorder.Stroke:
			if set == paper(palette.Real) {
				order = append(order, "target ring")
			}
		}
	}
	// The points, the target's over G's (the key is drawn apart, above
	// the data).
	var want []string
	for range len(r.Samples) / 2 {
		want = append(want, "G")
	}
	for range len(r.Plane.Reference) / 2 {
		want = append(want, "target ring")
	}
	if !slices.Equal(order, want) {
		t.Errorf("panel (d) draws %v, want %v", order, want)
	}
	if targetRing <= 1 { // G's dots' radius, in points
		t.Errorf("the target's rings, of radius %g, lie within G's dots on them", targetRing)
	}
}

// TestShareNamedInPanelTitle: panel (c) of a plane with modes is titled "(c)
// distance and high-quality share", with its log scale after it, as the axis is
// "SW1, share": the share grows as the run gets better, no distance, and a
// title of "distance to the target" alone would read as if lower were better
// for both lines. A target without modes, which has no share, keeps "(c)
// distance to the target".
func TestShareNamedInPanelTitle(t *testing.T) {
	r := planeRun()
	for i := range r.Evals {
		r.Evals[i].SW1, r.Evals[i].HQ = 1.2, 0.004+0.001*float64(i)
	}
	for _, c := range []struct {
		spots bool
		want  string
	}{{true, "(c) distance and high-quality share, log scale"}, {false, "(c) distance to the target"}} {
		if !c.spots {
			r.Plane.Spots = nil
		}
		p, err := r.quality()
		if err != nil {
			t.Fatal(err)
		}
		if p.Title.Text != c.want {
			t.Errorf("modes %v: panel (c) titled %q, want %q", c.spots, p.Title.Text, c.want)
		}
	}
}

// TestPlaneGridIsSquare: panel (d) of a plane, drawn at equal scale, marks
// its x and y axes at one step, so that its grid's cells are squares, as
// its scale is: ring's box of [-2.5, 2.5]², its y axis taken down to G's
// samples at -3.2 and its x axis widened to about ±5.5, is labelled -4 … 4
// by 2 across as -2 … 2 up, where -5, 0 and 5, the grid's cells 5 wide and
// 2 high; and grid's, its y axis taken down to a plume, -10 … 10 by 5
// across, where by 10.
func TestPlaneGridIsSquare(t *testing.T) {
	ring := planeRun()
	ring.Samples = []float64{0, 0, 1, 1, 1, -3.2} // G's below the box at epoch 500 (ganui --headless --preset ring --epochs 500)
	grid := planeRun()
	grid.Plane.Box = engine.Box{X0: -5, X1: 5, Y0: -5, Y1: 5}
	grid.Samples = []float64{0, -9.9, 0, 5.5}
	for name, r := range map[string]Run{"ring": ring, "grid's plume": grid} {
		d := laidOut(t, r)[1][1]
		steps := [2]float64{}
		for i, a := range []plot.Axis{d.X, d.Y} {
			var labelled []float64
			for _, k := range a.Tick.Marker.Ticks(a.Min, a.Max) {
				if k.Label != "" {
					labelled = append(labelled, k.Value)
				}
			}
			if len(labelled) < 3 {
				t.Fatalf("%s: axis %c from %g to %g labelled at %v, want three labels at least", name, "xy"[i], a.Min, a.Max, labelled)
			}
			steps[i] = labelled[1] - labelled[0]
		}
		if math.Abs(steps[0]-steps[1]) > 1e-9 {
			t.Errorf("%s: panel (d) labelled by %g across and %g up, at one scale", name, steps[0], steps[1])
		}
	}
}

// TestTightModeDrawsAFewRings: panel (d) draws the target's points as
// rings no two closer than a ring's width, so that a tight mode (ring's,
// std 0.02, about a point at the panel's scale) is a few rings, G's dot at
// its centre seen within them, where its 75 rings piled into a solid
// orange disc that hid it. A target spread wider than that (planeRun's
// eight points, one a mode) keeps every ring.
func TestTightModeDrawsAFewRings(t *testing.T) {
	rings := func(r Run) int {
		rec := &recorder.Canvas{}
		panels, canvases, err := r.layout(figureCanvas(rec))
		if err != nil {
			t.Fatal(err)
		}
		rec.Actions = nil
		panels[1][1].Draw(canvases[1][1])
		n := 0
		var set color.Color
		for _, a := range rec.Actions {
			switch a := a.(type) {
			case *recorder.SetColor:
				set = a.Color
			case *recorder.Stroke:
				if set == paper(palette.Real) {
					n++
				}
			}
		}
		return n
	}
	if n := rings(planeRun()); n != 8 {
		t.Errorf("eight target points a mode apart drawn as %d rings, want 8", n)
	}
	r := planeRun()
	r.Samples = slices.Clone(r.Plane.Reference) // G's dots at the modes' centres
	rng := rand.New(rand.NewPCG(1, 2))
	var ref []float64
	for i := 0; i+1 < len(r.Plane.Reference); i += 2 {
		for range 75 {
			ref = append(ref, r.Plane.Reference[i]+0.02*rng.NormFloat64(), r.Plane.Reference[i+1]+0.02*rng.NormFloat64())
		}
	}
	r.Plane.Reference = ref
	if n := rings(r); n > 8*4 {
		t.Errorf("8 modes of std 0.02, 75 points each: drawn as %d rings, want at most 4 a mode", n)
	}
}

// TestCurveKeepsItsRings: a target along a curve, moons' 600 points in no
// order, is drawn as rings that follow one another along it, each of its
// points within a ring or a quarter of its radius beyond (apartOn): where
// a point was dropped within a ring's width of one kept before it, in the
// points' order, the rings fell up to twice their width apart, the arcs
// losing them in stretches (ganui --headless --preset moons --plot m.png,
// panel (d)), points there up to a radius outside any ring.
func TestCurveKeepsItsRings(t *testing.T) {
	r := planeRun()
	moons := engine.Moons{Sigma: 0.05}
	r.Plane.Box, r.Plane.Spots, r.Plane.Reference = moons.Bounds(), nil, nil
	rng := rand.New(rand.NewPCG(1, 2))
	for range 600 {
		x, y := moons.Sample(rng)
		r.Plane.Reference = append(r.Plane.Reference, x, y)
	}
	r.Samples = slices.Clone(r.Plane.Reference)
	rec := &recorder.Canvas{}
	panels, canvases, err := r.layout(figureCanvas(rec))
	if err != nil {
		t.Fatal(err)
	}
	rec.Actions = nil
	p := panels[1][1]
	p.Draw(canvases[1][1])
	var centres []vg.Point
	var set color.Color
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			set = a.Color
		case *recorder.Stroke:
			for _, c := range a.Path {
				if c.Type == vg.ArcComp && set == paper(palette.Real) {
					centres = append(centres, c.Pos)
				}
			}
		}
	}
	d := p.DataCanvas(canvases[1][1])
	trX, trY := p.Transforms(&d)
	farthest := 0.0
	for i := 0; i+1 < len(r.Plane.Reference); i += 2 {
		q := vg.Point{X: trX(r.Plane.Reference[i]), Y: trY(r.Plane.Reference[i+1])}
		near := math.Inf(1)
		for _, c := range centres {
			near = min(near, math.Hypot(float64(q.X-c.X), float64(q.Y-c.Y)))
		}
		farthest = max(farthest, near)
	}
	if limit := float64(targetRing) * 5 / 4; farthest > limit {
		t.Errorf("moons' 600 points drawn as %d rings of radius %g: a point lies %.2f pt from the nearest ring's centre, want %.2f at most", len(centres), targetRing, farthest, limit)
	}
}

// TestCriticSurfaceNamesItsScores: a critic's surface (grid-wgan-gp) is named
// by its lowest and highest scores, as the trainer's D surface entry shades
// it, not "D says real" and "D says generated", a verdict a critic never
// gives; a BCE D's keeps those words.
func TestCriticSurfaceNamesItsScores(t *testing.T) {
	plane := planeRun()
	plane.Critic = true
	for i := range plane.Surface {
		plane.Surface[i] = float64(i%10) - 3 // -3 to 6
	}
	texts := svgOf(t, plane)
	hasAll(t, texts, "D's highest score, 6", "D's lowest score, -3")
	for _, s := range texts {
		if strings.Contains(s, "D says") {
			t.Errorf("a critic's surface, yet the figure says %q", s)
		}
	}
	hasAll(t, svgOf(t, planeRun()), "D says real", "D says generated")
}

// TestTargetsKeyOnRowsOfItsOwn: a plane's panel (a) names the target's
// lines on a row of their own where G's leave them no room for all of
// them: moons' key (ganui --headless --preset moons --plot m.png) wrote
// "target mean x" after G's "std y" and the target's other three on the
// next row, one target split between G's row and its own.
func TestTargetsKeyOnRowsOfItsOwn(t *testing.T) {
	r := planeRun()
	r.Title = "moons · seed 1 · 100 epochs (done) · target moons(0.05)"
	r.Plane.MeanX, r.Plane.MeanY, r.Plane.StdX, r.Plane.StdY = 0.5, 0.25, 0.87, 0.5
	panels, canvases, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	p := panels[0][0]
	d := p.DataCanvas(canvases[0][0])
	k := p.key()
	for _, row := range k.rows(d.Max.X - d.Min.X) {
		var names []string
		g, target := false, false
		for _, i := range row {
			name := p.items[i].name
			names = append(names, name)
			target = target || strings.HasPrefix(name, "target")
			g = g || !strings.HasPrefix(name, "target")
		}
		if g && target {
			t.Errorf("panel (a)'s key writes G's lines and the target's on one row: %q", names)
		}
	}
	if len(p.items) != 8 {
		t.Errorf("panel (a) names %d lines, want G's four and the target's four", len(p.items))
	}
}
