package palette

import (
	"image/color"
	"math"
)

// Eye is one way of seeing colour, a 3×3 matrix on linear sRGB: the
// identity for normal vision, or Machado, Oliveira and Fernandes's
// simulation of a dichromacy at full severity ("A physiologically-based
// model for simulation of color vision deficiency", IEEE Transactions on
// Visualization and Computer Graphics 15(6), 1291–1298, 2009; the
// matrices of its table for severity 1.0). The palette's tests and
// figure's heat scale test read colours through them, so that the pairs
// a chart tells apart by colour alone, and the scale's order, hold for
// every eye; they are kept here once for both.
type Eye struct {
	Name string
	M    [3][3]float64
}

// Eyes are normal vision and the three dichromacies, which together
// stand for the commonest colour blindness (about 1 man in 12 is protan
// or deutan).
var Eyes = []Eye{
	{"normal vision", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{"tritanopia", [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
}

// Lab is the CIELAB colour (D65) of c as e sees it: c made linear, e's
// matrix applied and clipped to the gamut, then to XYZ and L*a*b*.
func (e Eye) Lab(c color.Color) [3]float64 {
	r, g, b, _ := c.RGBA()
	var lin, seen [3]float64
	for i, v := range []uint32{r, g, b} {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			lin[i] = s / 12.92
		} else {
			lin[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	m := e.M
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
