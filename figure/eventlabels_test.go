package figure

import (
	"image"
	"image/color"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// textCanvas is a vg.Canvas that records where text is written and
// ignores the rest.
type textCanvas struct {
	texts []vg.Point
	at    vg.Point // the translation of the current matrix
}

func (c *textCanvas) SetLineWidth(vg.Length)             {}
func (c *textCanvas) SetLineDash([]vg.Length, vg.Length) {}
func (c *textCanvas) SetColor(color.Color)               {}
func (c *textCanvas) Rotate(float64)                     {}
func (c *textCanvas) Translate(p vg.Point)               { c.at = c.at.Add(p) }
func (c *textCanvas) Scale(float64, float64)             {}
func (c *textCanvas) Push()                              {}
func (c *textCanvas) Pop()                               { c.at = vg.Point{} }
func (c *textCanvas) Stroke(vg.Path)                     {}
func (c *textCanvas) Fill(vg.Path)                       {}
func (c *textCanvas) FillString(_ font.Face, p vg.Point, _ string) {
	c.texts = append(c.texts, c.at.Add(p))
}
func (c *textCanvas) DrawImage(vg.Rectangle, image.Image) {}

// TestEventLabelsDoNotOverlap: labels of events close together are
// stacked in rows, never written over one another; far apart, they share
// the top row.
func TestEventLabelsDoNotOverlap(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1000, 0, 1
	rec := &textCanvas{}
	c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}}
	eventLines{{Epoch: 100, Label: "mode-dropped"}, {Epoch: 110, Label: "mode-recovered"}, {Epoch: 800, Label: "equilibrium"}}.Plot(c, p)
	if len(rec.texts) != 3 {
		t.Fatalf("%d labels written, want 3", len(rec.texts))
	}
	first, second, far := rec.texts[0], rec.texts[1], rec.texts[2]
	if second.Y >= first.Y {
		t.Errorf("the second of two close labels is not below the first: %v, %v", first, second)
	}
	if far.Y != first.Y {
		t.Errorf("a label far from the others left the top row: %v against %v", far, first)
	}
}
