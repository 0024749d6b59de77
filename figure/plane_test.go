package figure

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/session"
)

// planeRun is the figure's data of a made-up two-dimensional run of 100
// epochs over the box [-2.5, 2.5]², with D's surface, an evaluation
// every 10 epochs and the target's points on a ring of radius 2.
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

// TestPlaneShowsEverySampleInView: panel (d) of a plane, its axes
// widened past the target's box to draw it at equal scale, draws every
// sample within its axes, and counts in its legend those beyond them,
// samples and target points alike (those beyond the box had vanished
// unsaid); and it says that D is shaded over the box alone.
func TestPlaneShowsEverySampleInView(t *testing.T) {
	r := planeRun()
	r.Samples = []float64{
		0, 0, // in the box
		3.5, 0, // beyond the box, within the axes widened across
		0, 3.5, // beyond the box and the axes, up
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
	if !(d.X.Min < -3.5 && d.X.Max > 3.5 && d.Y.Min == -2.5 && d.Y.Max == 2.5) {
		t.Fatalf("panel (d) shows [%g, %g]×[%g, %g]: want x widened past ±3.5, y the box's", d.X.Min, d.X.Max, d.Y.Min, d.Y.Max)
	}
	d.Draw(canvases[1][1])
	data := d.DataCanvas(canvases[1][1])
	trX, trY := d.Transforms(&data)
	var greens []vg.Point
	for _, f := range rec.fills {
		if f.c == green {
			greens = append(greens, f.at)
		}
	}
	// Two samples and the legend's thumbnail; a glyph's path starts a
	// radius right of its centre.
	if len(greens) != 3 {
		t.Errorf("%d green glyphs drawn, want 3 (two samples in view, the legend's)", len(greens))
	}
	found := false
	for _, g := range greens {
		found = found || (math.Abs(float64(g.X-vg.Points(1)-trX(3.5))) < 0.01 && math.Abs(float64(g.Y-trY(0))) < 0.01)
	}
	if !found {
		t.Errorf("the sample at (3.5, 0), beyond the box but in view, is not drawn: green glyphs at %v", greens)
	}

	var b bytes.Buffer
	if err := Encode(&b, "svg", r); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, b.Bytes()), "samples (2 outside)", "target (1 outside)", "x — D shaded over the target's box")

	r.Samples = []float64{50, 50, -50, 0}
	b.Reset()
	if err := Encode(&b, "svg", r); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, b.Bytes()), "samples: all 2 outside [")
}
