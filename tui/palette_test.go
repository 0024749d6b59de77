package tui

import (
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/session"
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
// dark terminals, colours of different meanings are different colours;
// only the shades of one meaning (the generated mean and std; the
// greys: muted words, faint axes, the baseline's ghosts) may meet. The
// nearest colours had merged them: in 256 on dark, real data's orange
// and worse's red; in 16 the muted words took the generated samples'
// blue (dark) or G's teal (light), the warning yellow worse's red, plain
// text G's cyan, the generated std G's cyan, real data's orange the
// warnings' yellow, D's purple the accent's (light), and the faint axes
// and the baseline were white on a white terminal.
func TestPaletteKeepsMeaningsApart(t *testing.T) {
	type col struct {
		name, meaning string // colours of one meaning may be one colour
		c             lipgloss.TerminalColor
	}
	cols := []col{
		{"accent", "accent", colAccent}, {"text", "text", colText},
		{"better", "better", colGreen}, {"warning", "warning", colYellow}, {"worse", "worse", colRed},
		{"real", "real", colReal}, {"generated", "generated", colGen}, {"generated std", "generated", colGenAlt},
		{"D", "D", colD}, {"G", "G", colG},
		{"muted", "grey", colMuted}, {"faint", "grey", colFaint}, {"baseline", "grey", colGhost},
	}
	for _, p := range []termenv.Profile{termenv.ANSI256, termenv.ANSI} {
		for _, dark := range []bool{true, false} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(p)
			r.SetHasDarkBackground(dark)
			fg := func(c lipgloss.TerminalColor) string { return r.NewStyle().Foreground(c).Render("x") }
			for i, a := range cols {
				for _, b := range cols[i+1:] {
					if a.meaning != b.meaning && fg(a.c) == fg(b.c) {
						t.Errorf("profile %v, dark %v: %s and %s are one colour, %q", p, dark, a.name, b.name, fg(a.c))
					}
				}
			}
			if p == termenv.ANSI {
				for i, a := range cols {
					for _, b := range cols[i+1:] {
						if a.meaning != b.meaning && !sharedHues[[2]string{a.name, b.name}] && hue16(t, a.c, dark) == hue16(t, b.c, dark) {
							t.Errorf("dark %v: %s and %s are one hue in 16 colours, %q and %q", dark, a.name, b.name, fg(a.c), fg(b.c))
						}
					}
				}
			}
			if !dark {
				for _, c := range []col{{"faint", "", colFaint}, {"baseline", "", colGhost}} {
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

// sharedHues are the pairs of meanings that share a hue in 16 colours,
// at its two brightnesses: six hues do not go round eight meanings.
// Real data's orange takes the red that worse does not, for the two meet
// only in the plane's mode map, where the warnings' yellow, which it had
// been, meets it too, as it does on every chart (the replayed epoch);
// D's purple takes the magenta the accent does not.
var sharedHues = map[[2]string]bool{{"worse", "real"}: true, {"accent", "D"}: true}

// hue16 is the hue of c in 16 colours on a light or dark terminal: its
// colour number, 0 to 15, with a bright colour (8 to 15) and its plain
// one (0 to 7) one hue; -1 for the terminal's own colour.
func hue16(t *testing.T, c lipgloss.TerminalColor, dark bool) int {
	t.Helper()
	cc, ok := c.(lipgloss.CompleteAdaptiveColor)
	if !ok {
		t.Fatalf("colour %#v is not a CompleteAdaptiveColor", c)
	}
	ansi := cc.Light.ANSI
	if dark {
		ansi = cc.Dark.ANSI
	}
	if ansi == "" {
		return -1
	}
	n, err := strconv.Atoi(ansi)
	if err != nil || n < 0 || n > 15 {
		t.Fatalf("colour %q is not one of 16", ansi)
	}
	return n % 8
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

// TestFigureSpeaksThePalette: the figure (P, --plot) draws in the
// screen's colours, the light variants of this palette, so that a
// figure saved after watching the screen reads as the screen did: real
// data and the target, generated samples and their std, D, G, and the
// two ends of D's surface. The figure had its own colours, D's loss on
// real data blue and on generated data red.
func TestFigureSpeaksThePalette(t *testing.T) {
	var hist []session.Point
	for e := 1; e <= 5; e++ {
		hist = append(hist, session.Point{Epoch: e, Mean: float64(e), Std: 1, DReal: 0.6, DFake: 0.7, G: 0.8})
	}
	line := figure.Run{
		Title: "line", History: hist, Samples: []float64{3, 4, 5}, SampleEpoch: 5,
		Lo: 0, Hi: 8, Density: func(x float64) float64 { return math.Exp(-(x - 4) * (x - 4) / 2) },
		DCurve: []float64{0.2, 0.8}, TargetMean: 4, TargetStd: 1,
	}
	plane := figure.Run{
		Title: "plane", History: hist, Samples: []float64{0, 0}, SampleEpoch: 5,
		Plane:   &session.PlaneInfo{Box: engine.Box{X0: -1, X1: 1, Y0: -1, Y1: 1}, Reference: []float64{0.5, 0.5}},
		Surface: []float64{0, 1, 0, 1}, SurfaceN: 2,
		TargetMean: math.NaN(), TargetStd: math.NaN(),
	}
	var svg string
	for _, r := range []figure.Run{line, plane} {
		var b bytes.Buffer
		if err := figure.Encode(&b, "svg", r); err != nil {
			t.Fatal(err)
		}
		svg += strings.ToUpper(b.String())
	}
	for _, c := range []struct {
		name string
		col  lipgloss.TerminalColor
	}{
		{"real", colReal}, {"generated", colGen}, {"generated, alt", colGenAlt}, {"D", colD}, {"G", colG},
		{"D says generated", colSurface[0]}, {"D says real", colSurface[len(colSurface)-1]},
	} {
		hex := c.col.(lipgloss.CompleteAdaptiveColor).Light.TrueColor
		if !strings.Contains(svg, strings.ToUpper(hex)) {
			t.Errorf("the figure does not draw %s in the screen's %s", c.name, hex)
		}
	}
}

// xterm256 is the red, green and blue of colour n of the 256, 16 to 255:
// the 6×6×6 cube, then the greys.
func xterm256(t *testing.T, n string) (r, g, b int) {
	t.Helper()
	i, err := strconv.Atoi(n)
	if err != nil || i < 16 || i > 255 {
		t.Fatalf("colour %q is not one of 16…255", n)
	}
	if i >= 232 {
		v := 8 + 10*(i-232)
		return v, v, v
	}
	level := func(c int) int {
		if c == 0 {
			return 0
		}
		return 55 + 40*c
	}
	i -= 16
	return level(i / 36), level(i / 6 % 6), level(i % 6)
}

// TestSurfaceShadesReadAsTheirSides: in 256 colours, on light terminals
// and dark, D's surface is bluish where D says generated and warm where
// it says real, its sure shade there orange, as the glossary and the
// figure name it, and its four shades four colours. On dark terminals the
// real side had been 52 and 88, dark reds: the red of worse, not the
// orange of real data.
func TestSurfaceShadesReadAsTheirSides(t *testing.T) {
	for _, dark := range []bool{true, false} {
		seen := map[string]int{}
		for i, c := range colSurface {
			if i == len(colSurface)/2 {
				continue // D cannot tell: no shade
			}
			cc := c.(lipgloss.CompleteAdaptiveColor)
			n := cc.Light.ANSI256
			if dark {
				n = cc.Dark.ANSI256
			}
			if j, ok := seen[n]; ok {
				t.Errorf("dark %v: shades %d and %d are one colour, %s", dark, j, i, n)
			}
			seen[n] = i
			r, g, b := xterm256(t, n)
			switch {
			case i < len(colSurface)/2 && !(b > r && b >= g):
				t.Errorf("dark %v: shade %d, where D says generated, is %s (%d, %d, %d): not blue", dark, i, n, r, g, b)
			case i > len(colSurface)/2 && !(r > g && g >= b):
				t.Errorf("dark %v: shade %d, where D says real, is %s (%d, %d, %d): not warm", dark, i, n, r, g, b)
			case i == len(colSurface)-1 && !(g >= r*2/5 && b < g):
				t.Errorf("dark %v: the sure shade where D says real is %s (%d, %d, %d): not orange", dark, n, r, g, b)
			}
		}
	}
}
