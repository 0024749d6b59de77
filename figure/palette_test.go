package figure

import (
	"image"
	"image/color"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// legendColours draws p's legend and returns the colour of each entry's
// thumbnail by the entry's name: the first colour the thumbnail strokes
// or fills with (a histogram's fill, then its white outline).
func legendColours(p *plot.Plot) map[string]color.Color {
	rec := &recorder.Canvas{}
	p.Legend.Draw(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 400}}})
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

// TestFigureSpeaksTheScreensColours: every series of the figure has the
// colour of its meaning on the screen (tui/styles.go): real data and the
// target orange, generated samples blue (their std, or a plane's y, the
// darker blue), D purple, G teal, D's surface from blue where D says
// generated to orange where it says real. The figure had drawn D's loss
// on real data blue and on generated data red, the target grey, G's
// samples green and D(x) red, and its surface red where D says real: a
// learner who saved a figure after watching the screen read it the
// other way round.
func TestFigureSpeaksTheScreensColours(t *testing.T) {
	r := trained(t)
	want := map[string]map[string]color.Color{
		"moments": {"mean": colGen, "std": colGenAlt, "target mean": colReal, "target std": colReal},
		"losses":  {"D real": colReal, "D fake": colGen, "G": colG},
		"samples": {"samples": colBars, "target": colReal, "D(x)": colD},
	}
	plane := planeRun()
	plane.Samples = []float64{0, 0}
	planeWant := map[string]map[string]color.Color{
		"moments": {"mean x": colGen, "mean y": colGenAlt, "std x": colGen, "std y": colGenAlt},
		"samples": {"samples": colGen, "target": colReal, "D says real": colSurfaceReal, "D says generated": colSurfaceGen},
	}
	for _, c := range []struct {
		name string
		r    Run
		want map[string]map[string]color.Color
	}{{"line", r, want}, {"plane", plane, planeWant}} {
		panels, _, err := c.r.layout(figureCanvas(&fillCanvas{}))
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]*plot.Plot{"moments": panels[0][0], "losses": panels[0][1], "samples": panels[1][1]}
		for panel, entries := range c.want {
			got := legendColours(byName[panel])
			for name, w := range entries {
				if got[name] != w {
					t.Errorf("%s, %s: %q in %v, want %v", c.name, panel, name, got[name], w)
				}
			}
		}
	}
	if colBars.B <= colBars.R || colBars.B <= colBars.G {
		t.Errorf("the histogram's bars %v are not blue, the generated samples' colour", colBars)
	}
}

// imageCanvas is a vg.Canvas that keeps the images drawn on it and
// ignores the rest.
type imageCanvas struct {
	fillCanvas
	images []image.Image
}

func (c *imageCanvas) DrawImage(_ vg.Rectangle, img image.Image) { c.images = append(c.images, img) }

// TestSurfaceWhiteAtIndifference: a probability's surface is white where
// D gives ½ and orange only where it says real, whatever range its
// scores span, as the screen shades it; it had been shaded from its
// lowest score to its highest, so a D sure of every point in 0.6…0.9 drew
// blue where it said real.
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
