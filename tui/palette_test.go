package tui

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
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
		"Text": palette.Text, "Muted": palette.Muted, "Faint": palette.Faint, "Idle": palette.Idle, "Baseline": palette.Baseline,
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

// TestKeysPageReadsItsIdleKeys: the keys page draws the keys that cannot
// act now, and the note saying why, in the palette's grey for them
// (Idle), which its tests hold to 3:1 on white and on black, on light
// terminals and dark: words a newcomer reads to learn what the keys do.
// They had the axes' faint grey, 2.0:1 on white and 2.5:1 on black, "u
// roll back" and "no epoch, not diverged" near invisible at epoch 0.
func TestKeysPageReadsItsIdleKeys(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	lipgloss.SetColorProfile(termenv.TrueColor)
	for _, dark := range []bool{false, true} {
		lipgloss.SetHasDarkBackground(dark)
		// The escape sequence that starts a colour: x drawn in it, cut at x.
		start := func(c palette.Colour) string {
			s := lipgloss.NewStyle().Foreground(tone(c)).Render("x")
			return s[:strings.Index(s, "x")]
		}
		k := newKeyMap()
		k.width, k.state, k.page = 80, session.Paused, pageKeys
		page := keysPage(k, 80)
		for _, words := range []string{"roll back", "prev frame", "faint keys do nothing now: , . < > e (no epoch)"} {
			if !strings.Contains(page, start(palette.Idle)+words) {
				t.Errorf("dark %v: %q is not drawn in the idle keys' grey:\n%q", dark, words, page)
			}
		}
		if strings.Contains(page, start(palette.Faint)) {
			t.Errorf("dark %v: the keys page draws words in the axes' faint grey:\n%q", dark, page)
		}
	}
}

// TestScreenAndTmuxDrawInColour: under GNU screen or tmux by their own
// names, TERM=screen or TERM=tmux, which termenv takes for a terminal
// without colour, the screen draws in 16 colours, and asks the terminal
// its background as it does elsewhere; it had been plain text, as under
// NO_COLOR. NO_COLOR still turns colour off there, and termenv's reading
// stands for every other terminal: 256 colours for screen-256color, true
// colour with COLORTERM, none for vt100.
func TestScreenAndTmuxDrawInColour(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want termenv.Profile
	}{
		{map[string]string{"TERM": "screen"}, termenv.ANSI},
		{map[string]string{"TERM": "screen.xterm-new"}, termenv.ANSI},
		{map[string]string{"TERM": "tmux"}, termenv.ANSI},
		{map[string]string{"TERM": "screen", "NO_COLOR": "1"}, termenv.Ascii},
		{map[string]string{"TERM": "screen-256color"}, termenv.ANSI256},
		{map[string]string{"TERM": "tmux-256color"}, termenv.ANSI256},
		{map[string]string{"TERM": "screen", "COLORTERM": "truecolor", "TERM_PROGRAM": "tmux"}, termenv.TrueColor},
		{map[string]string{"TERM": "xterm"}, termenv.ANSI},
		{map[string]string{"TERM": "linux"}, termenv.ANSI},
		{map[string]string{"TERM": "vt100"}, termenv.Ascii},
		{map[string]string{"TERM": "xterm-256color", "NO_COLOR": "1"}, termenv.Ascii},
	} {
		env := fakeEnv(c.env)
		out := termenv.NewOutput(io.Discard, termenv.WithTTY(true), termenv.WithEnvironment(env))
		if got := colourProfile(out, env.Getenv); got != c.want {
			t.Errorf("%v: profile %v, want %v", c.env, got, c.want)
		}
	}
}

// TestGlossaryNamesTheColoursTheScreenDraws: the ? pages name the colours a
// meaning is drawn in as the terminal draws them. In 16 colours, which have
// no orange, purple or teal, the colours entry read "orange real data and
// the target · blue generated · purple D · teal G" over a screen drawing
// real data red, D magenta and G cyan, and the baseline entry "faint
// ghosts" of curves drawn in plain black on a light terminal, the darkest
// lines on it.
func TestGlossaryNamesTheColoursTheScreenDraws(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	for _, c := range []struct {
		profile termenv.Profile
		dark    bool
		want    []string
	}{
		{termenv.TrueColor, false, []string{"orange real data and the target · blue generated · purple D · teal G", "over orange ⣿ the target's", "short purple lines", "as faint ghosts", "as faint dots"}},
		{termenv.ANSI256, true, []string{"orange real data and the target · blue generated · purple D · teal G", "as faint ghosts"}},
		{termenv.ANSI, false, []string{"red real data and the target · blue generated · magenta D · cyan G", "over red ⣿ the target's", "short magenta lines", "as plain black ghosts", "G(z) as plain black dots", "its samples as plain black dots"}},
		{termenv.ANSI, true, []string{"red real data and the target · blue generated · magenta D · cyan G", "as plain white ghosts"}},
	} {
		lipgloss.SetColorProfile(c.profile)
		lipgloss.SetHasDarkBackground(c.dark)
		var text []string
		for _, plane := range []bool{false, true} {
			for _, g := range glossaryOf(plane) {
				text = append(text, g[0]+"  "+g[1])
			}
		}
		all := strings.Join(text, "\n")
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("profile %v, dark %v: the glossary does not read %q:\n%s", c.profile, c.dark, w, all)
			}
		}
	}
}
