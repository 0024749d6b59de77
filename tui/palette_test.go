package tui

import (
	"io"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/internal/palette"
)

// TestToneDrawsThePalette: the screen draws each colour of the palette as
// the palette gives it: on a light terminal its light variant, on a dark
// one its dark, in true colour its #RRGGBB, in 256 colours and 16 the
// colour chosen for them (or none where it has none), and nothing without
// colour; D's surface where D cannot tell has no shade anywhere.
func TestToneDrawsThePalette(t *testing.T) {
	colours := map[string]palette.Colour{
		"Real": palette.Real, "Generated": palette.Generated, "GeneratedSecond": palette.GeneratedSecond,
		"D": palette.D, "G": palette.G, "Accent": palette.Accent, "OnAccent": palette.OnAccent,
		"Text": palette.Text, "Muted": palette.Muted, "Faint": palette.Faint, "Baseline": palette.Baseline,
		"Better": palette.Better, "Warning": palette.Warning, "Worse": palette.Worse,
		"SurfaceGenerated": palette.SurfaceGenerated, "SurfaceUndecided": palette.SurfaceUndecided, "SurfaceReal": palette.SurfaceReal,
	}
	for _, p := range []termenv.Profile{termenv.TrueColor, termenv.ANSI256, termenv.ANSI, termenv.Ascii} {
		for _, dark := range []bool{false, true} {
			r := lipgloss.NewRenderer(io.Discard)
			r.SetColorProfile(p)
			r.SetHasDarkBackground(dark)
			for name, c := range colours {
				v := c.Light
				if dark {
					v = c.Dark
				}
				want := map[termenv.Profile]string{termenv.TrueColor: v.TrueColor, termenv.ANSI256: v.ANSI256, termenv.ANSI: v.ANSI}[p]
				got := r.NewStyle().Foreground(tone(c)).Render("x")
				if w := r.NewStyle().Foreground(lipgloss.Color(want)).Render("x"); got != w {
					t.Errorf("profile %v, dark %v: %s drawn %q, want %q (%q)", p, dark, name, got, w, want)
				}
			}
		}
	}
}

// TestKeyBarSpeaksInWordsColours: the key bar and the full help are words, read
// at every turn, in the palette's colours for words — the keys in plain text,
// their descriptions muted — which its tests hold to 4.5:1 on white and on
// black. Bubbles' own greys would give the descriptions 2.1:1 on white and
// 2.4:1 on black.
func TestKeyBarSpeaksInWordsColours(t *testing.T) {
	st := newHelp().Styles
	for name, c := range map[string]struct {
		s    lipgloss.Style
		want palette.Colour
	}{
		"key": {st.ShortKey, palette.Text}, "description": {st.ShortDesc, palette.Muted},
		"full key": {st.FullKey, palette.Text}, "full description": {st.FullDesc, palette.Muted},
	} {
		if got := c.s.GetForeground(); got != tone(c.want) {
			t.Errorf("%s: colour %#v, want %#v", name, got, tone(c.want))
		}
	}
}
