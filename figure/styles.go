package figure

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	plotpalette "gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/vg"

	"github.com/ganui/ganui/internal/palette"
)

// The figure's colours are the palette's (internal/palette), which the
// screen speaks too, so that a figure saved after watching the trainer
// reads as the screen did: one colour means one thing in every panel.
// The figure draws each role by its name at the point of use, in its
// light variant's true colour (paper), for a figure is read on white.
// Beyond the palette's roles, KS and W1, plain text on the screen, are
// palette.Text and palette.Muted; the target's box, a frame and not data,
// is muted; and D's surface shades from palette.SurfaceGenerated through
// white, where D cannot tell, to palette.SurfaceReal.

// paper is c as a figure draws it: its light variant's true colour.
func paper(c palette.Colour) color.RGBA { return hexColour(c.Light.TrueColor) }

// white is the paper's own colour.
var white = color.RGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}

// barFill is the histogram's bars: the generated samples' blue, light
// enough for the lines over them.
var barFill = blend(paper(palette.Generated), white, 0.6)

// ghostInk is a pinned baseline's curves, outline and marks on paper: the
// palette's baseline grey (palette.Baseline), #A7AEB7, the screen's
// meaning, another run's. At #818B98, as the palette had it, it stood a
// shade from the muted #6E7781 of the references drawn beside it, ln 2 in
// panel (b), the run's W1 in (c), one grey on a projector; at #A7AEB7 it
// reads at a glance as the run behind this one. Light, 2.2:1 on white
// where the palette asks 3:1 of the run's data, its lines are drawn
// ghostWiden wider than the run's and its marks in (c) as much larger, so
// as to be seen all the same.
var ghostInk = paper(palette.Baseline)

// ghostWiden is how much wider a baseline's line is drawn than the run's
// line of its value (ghostInk).
var ghostWiden = vg.Points(0.6)

// hexColour is the colour written #RRGGBB, as the palette writes its
// colours; it panics on any other text, for it is given only constants.
func hexColour(s string) color.RGBA {
	var r, g, b uint8
	if n, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); n != 3 || err != nil || len(s) != 7 {
		panic(fmt.Sprintf("figure: colour %q is not #RRGGBB", s))
	}
	return color.RGBA{R: r, G: g, B: b, A: 0xff}
}

// blend is a mixed with the share t of b.
func blend(a, b color.RGBA, t float64) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*(1-t) + float64(y)*t)) }
	return color.RGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0xff}
}

// surfaceShades is the palette of D's surface: from
// palette.SurfaceGenerated, where D says generated, through white, where
// it cannot tell, to palette.SurfaceReal, where it says real, as the
// screen shades it.
var surfaceShades = func() shades {
	const n = 255
	s := make(shades, n)
	for i := range s {
		t := 2*float64(i)/(n-1) - 1 // -1 generated … 0 undecided … 1 real
		if t < 0 {
			s[i] = blend(white, paper(palette.SurfaceGenerated), -t)
		} else {
			s[i] = blend(white, paper(palette.SurfaceReal), t)
		}
	}
	return s
}()

// shades is a gonum palette.Palette of the colours given.
type shades []color.Color

func (s shades) Colors() []color.Color { return s }

// heatScale is the sweep's heat map's colour scale over lo…hi: one way,
// from a pale yellow at lo, the best (a distance of 0, a perfect match),
// through orange to a dark red at hi, the worst, ColorBrewer's YlOrRd
// (Harrower and Brewer 2003), its lightness falling evenly along it
// (moreland.NewLuminance), so that the more of the distance, the more
// ink, and its red, the worse end, is the palette's meaning too
// (palette.Worse). Moreland's blue to red, as it was, is white at the
// middle of the cells' range, a neutral point a distance has not: ring's
// sliced W1 of 0.951 there read as neither good nor bad. Its
// lightness alone orders it, and so it reads the same to a colour-blind
// eye and in grey print (TestHeatScaleOneWay).
func heatScale(lo, hi float64) plotpalette.ColorMap {
	var stops []color.Color
	for _, h := range heatStops {
		stops = append(stops, hexColour(h))
	}
	slices.Reverse(stops) // NewLuminance takes them darkest first
	cm, err := moreland.NewLuminance(stops)
	if err != nil {
		panic("figure: heat scale: " + err.Error()) // constants: TestHeatScaleOneWay
	}
	cm = plotpalette.Reverse(cm) // the lightest at the least
	cm.SetMin(lo)
	cm.SetMax(hi)
	return cm
}

// heatStops are heatScale's colours from its least, the best, to its
// most: ColorBrewer's YlOrRd of nine classes.
var heatStops = []string{"#FFFFCC", "#FFEDA0", "#FED976", "#FEB24C", "#FD8D3C", "#FC4E2A", "#E31A1C", "#BD0026", "#800026"}

// noValue fills the heat map's cells with no value: the paper's white,
// under their hatching (noValueHatch), where a dark grey, no colour of the
// scale, was one of its greys in grey print.
var noValue = white
