package palette

import (
	"math"
	"testing"
)

// Colour vision deficiency is simulated as Machado, Oliveira and Fernandes
// model it ("A physiologically-based model for simulation of color vision
// deficiency", IEEE TVCG 15(6), 2009), at full severity: a 3×3 matrix on
// linear sRGB for each of the three dichromacies, which together stand for
// the commonest colour blindness (about 1 man in 12 is protan or deutan).
var dichromacies = []struct {
	name string
	m    [3][3]float64
}{
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
	{"normal vision", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
}

// lab is the CIELAB colour (D65) of the #RRGGBB colour h as the matrix m
// sees it: h made linear, m applied and clipped to the gamut, then to XYZ
// and L*a*b*.
func lab(t *testing.T, h string, m [3][3]float64) [3]float64 {
	t.Helper()
	var lin, seen [3]float64
	for i, v := range rgb(t, h) {
		s := float64(v) / 255
		if s <= 0.04045 {
			lin[i] = s / 12.92
		} else {
			lin[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	for i := range seen {
		seen[i] = math.Min(1, math.Max(0, m[i][0]*lin[0]+m[i][1]*lin[1]+m[i][2]*lin[2]))
	}
	x := (0.4124*seen[0] + 0.3576*seen[1] + 0.1805*seen[2]) / 0.95047
	y := 0.2126*seen[0] + 0.7152*seen[1] + 0.0722*seen[2]
	z := (0.0193*seen[0] + 0.1192*seen[1] + 0.9505*seen[2]) / 1.08883
	f := func(v float64) float64 {
		if v > 216.0/24389 {
			return math.Cbrt(v)
		}
		return (24389.0/27*v + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// deltaE is the CIE 1976 colour difference ΔE*ab of a and b as m sees them.
func deltaE(t *testing.T, a, b string, m [3][3]float64) float64 {
	t.Helper()
	la, lb := lab(t, a, m), lab(t, b, m)
	return math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2]))
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
			for _, d := range dichromacies {
				if e := deltaE(t, a, b, d.m); e < apartForEveryEye {
					t.Errorf("dark %v, %s: %s %s and %s are %.1f ΔE*ab apart, under %d: one colour", dark, d.name, p.what, a, b, e, apartForEveryEye)
				}
			}
		}
	}
}
