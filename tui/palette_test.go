package tui

import (
	"io"
	"math"
	"strconv"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
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
		col  lipgloss.CompleteAdaptiveColor
		min  float64
	}{
		{"accent", colAccent, 4.5}, {"muted", colMuted, 4.5}, {"text", colText, 4.5},
		{"green", colGreen, 4.5}, {"yellow", colYellow, 4.5}, {"red", colRed, 4.5},
		{"real", colReal, 3}, {"generated", colGen, 3}, {"generated, alt", colGenAlt, 3},
		{"D", colD, 3}, {"G", colG, 3},
		{"baseline ghost", colGhost, 3},
	} {
		if r := contrast(t, c.col.Light.TrueColor, "#FFFFFF"); r < c.min {
			t.Errorf("%s %s on white: %.2f:1, under %.1f:1", c.name, c.col.Light.TrueColor, r, c.min)
		}
		if r := contrast(t, c.col.Dark.TrueColor, "#000000"); r < c.min {
			t.Errorf("%s %s on black: %.2f:1, under %.1f:1", c.name, c.col.Dark.TrueColor, r, c.min)
		}
	}
}

// TestPaletteKeepsMeaningsApart: in 256 colours and in 16, on light and
// dark terminals, colours of different meanings stay different colours.
// The nearest colours had merged them: in 256 on dark, real data's orange
// and worse's red; in 16 the muted words took the generated samples' blue
// (dark) or G's teal (light), the warning yellow worse's red, plain text
// G's cyan, the generated std G's cyan, and the faint axes and the
// baseline were white on a white terminal.
func TestPaletteKeepsMeaningsApart(t *testing.T) {
	type col struct {
		name string
		c    lipgloss.TerminalColor
	}
	real, red, yellow := col{"real", colReal}, col{"worse", colRed}, col{"warning", colYellow}
	muted, gen, g, text := col{"muted", colMuted}, col{"generated", colGen}, col{"G", colG}, col{"text", colText}
	pairs := [][2]col{
		{real, red}, {yellow, red}, {muted, gen}, {muted, g}, {muted, real}, {text, g},
		{col{"generated std", colGenAlt}, g}, {col{"accent", colAccent}, gen},
	}
	for _, p := range []termenv.Profile{termenv.ANSI256, termenv.ANSI} {
		for _, dark := range []bool{true, false} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(p)
			r.SetHasDarkBackground(dark)
			fg := func(c lipgloss.TerminalColor) string { return r.NewStyle().Foreground(c).Render("x") }
			all := pairs
			if p == termenv.ANSI256 { // 16 colours have one yellow for orange and warnings
				all = append(all, [2]col{real, yellow})
			}
			for _, pair := range all {
				if fg(pair[0].c) == fg(pair[1].c) {
					t.Errorf("profile %v, dark %v: %s and %s are one colour, %q", p, dark, pair[0].name, pair[1].name, fg(pair[0].c))
				}
			}
			if !dark {
				for _, c := range []col{{"faint", colFaint}, {"baseline", colGhost}} {
					for _, white := range []lipgloss.Color{"7", "15", "255", "231"} {
						if fg(c.c) == fg(white) {
							t.Errorf("profile %v: %s is white on a light terminal", p, c.name)
						}
					}
				}
			}
		}
	}
}

// TestKeyBarContrast: the key bar and the full help are words, read at
// every turn: 4.5:1 at least on white and on black. They had bubbles'
// own greys, the descriptions 2.1:1 on white and 2.4:1 on black.
func TestKeyBarContrast(t *testing.T) {
	st := newHelp().Styles
	for name, s := range map[string]lipgloss.Style{
		"key": st.ShortKey, "description": st.ShortDesc, "full key": st.FullKey, "full description": st.FullDesc,
	} {
		var light, dark string
		switch c := s.GetForeground().(type) {
		case lipgloss.AdaptiveColor:
			light, dark = c.Light, c.Dark
		case lipgloss.CompleteAdaptiveColor:
			light, dark = c.Light.TrueColor, c.Dark.TrueColor
		default:
			t.Fatalf("%s: colour %#v", name, c)
		}
		if r := contrast(t, light, "#FFFFFF"); r < 4.5 {
			t.Errorf("%s %s on white: %.2f:1", name, light, r)
		}
		if r := contrast(t, dark, "#000000"); r < 4.5 {
			t.Errorf("%s %s on black: %.2f:1", name, dark, r)
		}
	}
}
