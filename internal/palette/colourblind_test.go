package palette

import (
	"image/color"
	"math"
	"testing"
)

// deltaE is the CIE 1976 colour difference ΔE*ab of the #RRGGBB colours
// a and b as e sees them (Eyes: normal vision and, as Machado, Oliveira
// and Fernandes simulate them, the three dichromacies).
func deltaE(t *testing.T, a, b string, e Eye) float64 {
	t.Helper()
	la, lb := e.Lab(rgba(t, a)), e.Lab(rgba(t, b))
	return math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2]))
}

// rgba is the #RRGGBB colour h, opaque.
func rgba(t *testing.T, h string) color.RGBA {
	t.Helper()
	c := rgb(t, h)
	return color.RGBA{c[0], c[1], c[2], 0xff}
}

// apartForEveryEye is the least ΔE*ab two colours a learner tells apart by
// colour alone may be, for normal vision and each dichromacy simulated: a
// stroke of braille is a dot or two wide, and small fields blur hue, so the
// bar is well above a just noticeable difference (about 2.3): where two
// such colours are under 20 apart, as the palette's G and generated blue
// were to a tritanope (14 on white, 12 on black) and D's purple and the
// blue to a protanope (17 and 9), their lines read as one; the pairs that
// read apart are 20 and more (the generated blue and G's teal, 58 and more
// to the two red-green dichromacies).
const apartForEveryEye = 20

// TestColourBlindPairsApart: the colours that one chart tells apart by
// colour alone stay apart in true colour, on white and on black, for
// normal vision and for protanopia, deuteranopia and tritanopia: the
// losses chart's D real, D fake and G, whose braille curves have their
// marks (● ○ ■) only at their ends; the histogram's bars and the
// target's expected counts (░), and on the plane G's samples and the
// target's; D's push, drawn from G's samples, against them and the
// target; D's surface, where it says generated and where real. The old
// palette's G (#0F7B7B, #39C5CF) and generated blue were one to a
// tritanope, its D (#A626A4, #E58EE6) and the blue to a protanope.
func TestColourBlindPairsApart(t *testing.T) {
	pairs := []struct {
		what string
		a, b Colour
	}{
		{"losses: D real and D fake", DOnReal, DOnGenerated},
		{"losses: D real and G", DOnReal, G},
		{"losses: D fake and G", DOnGenerated, G},
		{"histogram and plane: G's samples and the target", Generated, Real},
		{"plane: D's push and G's samples", Push, Generated},
		{"plane: D's push and the target", Push, Real},
		{"plane: D's surface, generated and real", SurfaceGenerated, SurfaceReal},
	}
	for _, p := range pairs {
		for _, dark := range []bool{false, true} {
			a, b := p.a.Light.TrueColor, p.b.Light.TrueColor
			if dark {
				a, b = p.a.Dark.TrueColor, p.b.Dark.TrueColor
			}
			for _, eye := range Eyes {
				if e := deltaE(t, a, b, eye); e < apartForEveryEye {
					t.Errorf("dark %v, %s: %s %s and %s are %.1f ΔE*ab apart, under %d: one colour", dark, eye.Name, p.what, a, b, e, apartForEveryEye)
				}
			}
		}
	}
}
