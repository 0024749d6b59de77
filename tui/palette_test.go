package tui

import (
	"math"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// contrast is the WCAG contrast ratio of two colours written #RRGGBB.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(h string) float64 {
		if len(h) != 7 || h[0] != '#' {
			t.Fatalf("colour %q is not #RRGGBB", h)
		}
		var c [3]float64
		for i := range c {
			v, err := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
			if err != nil {
				t.Fatal(err)
			}
			s := float64(v) / 255
			if s <= 0.03928 {
				c[i] = s / 12.92
			} else {
				c[i] = math.Pow((s+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestPaletteContrast: every colour that carries a meaning — a line, a
// mark, a glyph of a legend, a word — stands out from a white terminal in
// its light variant and from a black one in its dark variant by WCAG's
// 3:1 for graphics at least, and the colours of words by 4.5:1 for text.
// The axes' faint lines are decoration, and left out; a pinned
// baseline's ghosts are faint too, but they are data.
func TestPaletteContrast(t *testing.T) {
	for _, c := range []struct {
		name string
		col  lipgloss.AdaptiveColor
		min  float64
	}{
		{"accent", colAccent, 4.5}, {"muted", colMuted, 4.5}, {"text", colText, 4.5},
		{"green", colGreen, 4.5}, {"yellow", colYellow, 4.5}, {"red", colRed, 4.5},
		{"real", colReal, 3}, {"generated", colGen, 3}, {"generated, alt", colGenAlt, 3},
		{"D", colD, 3}, {"G", colG, 3},
		{"baseline ghost", styleGhost.GetForeground().(lipgloss.AdaptiveColor), 3},
	} {
		if r := contrast(t, c.col.Light, "#FFFFFF"); r < c.min {
			t.Errorf("%s %s on white: %.2f:1, under %.1f:1", c.name, c.col.Light, r, c.min)
		}
		if r := contrast(t, c.col.Dark, "#000000"); r < c.min {
			t.Errorf("%s %s on black: %.2f:1, under %.1f:1", c.name, c.col.Dark, r, c.min)
		}
	}
}
