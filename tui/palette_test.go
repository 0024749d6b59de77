package tui

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/presets"
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

// xterm16 is xterm's default 16 colours, 0 to 15, as #RRGGBB.
var xterm16 = [16]string{
	"#000000", "#CD0000", "#00CD00", "#CDCD00", "#0000EE", "#CD00CD", "#00CDCD", "#E5E5E5",
	"#7F7F7F", "#FF0000", "#00FF00", "#FFFF00", "#5C5CFF", "#FF00FF", "#00FFFF", "#FFFFFF",
}

// xterm256 is colour n of xterm's 256 as #RRGGBB: the 16 above, the
// 6×6×6 cube from 16 and the 24 greys from 232.
func xterm256(n int) string {
	switch {
	case n < 16:
		return xterm16[n]
	case n < 232:
		level := func(i int) int {
			if i == 0 {
				return 0
			}
			return 55 + 40*i
		}
		n -= 16
		return fmt.Sprintf("#%02X%02X%02X", level(n/36), level(n/6%6), level(n%6))
	default:
		g := 8 + 10*(n-232)
		return fmt.Sprintf("#%02X%02X%02X", g, g, g)
	}
}

// cellColour is a character the screen draws and what it is drawn in: its
// foreground and background as xterm's default colours draw them, on a
// light terminal whose own text is black on white or a dark one's white on
// black; faint if drawn faint (SGR 2), the foreground then as xterm draws
// faint, each channel at two thirds.
type cellColour struct {
	fg, bg string
	text   string
	faint  bool
}

// terminalCells reads s, drawn in 16 or 256 colours, as its runs of printed
// characters and their colours, on a dark terminal or a light one. Bold
// text in colours 0 to 7 is read in their bright colours, 8 to 15, as xterm
// draws it by default (boldColors).
func terminalCells(t *testing.T, s string, dark bool) []cellColour {
	t.Helper()
	ownFg, ownBg := "#000000", "#FFFFFF"
	if dark {
		ownFg, ownBg = ownBg, ownFg
	}
	var out []cellColour
	fg, bg, bold, faint, reverse := -1, -1, false, false, false
	colour := func(n int, own string) string {
		if n < 0 {
			return own
		}
		return xterm256(n)
	}
	for len(s) > 0 {
		if strings.HasPrefix(s, "\x1b[") {
			end := strings.IndexByte(s, 'm')
			if end < 0 {
				t.Fatalf("an escape without its end: %q", s)
			}
			ps := strings.Split(s[2:end], ";")
			for i := 0; i < len(ps); i++ {
				n, _ := strconv.Atoi(ps[i])
				switch {
				case n == 0:
					fg, bg, bold, faint, reverse = -1, -1, false, false, false
				case n == 1:
					bold = true
				case n == 2:
					faint = true
				case n == 22:
					bold, faint = false, false
				case n == 7:
					reverse = true
				case n == 27:
					reverse = false
				case n >= 30 && n <= 37:
					fg = n - 30
				case n == 39:
					fg = -1
				case n >= 40 && n <= 47:
					bg = n - 40
				case n == 49:
					bg = -1
				case n >= 90 && n <= 97:
					fg = n - 90 + 8
				case n >= 100 && n <= 107:
					bg = n - 100 + 8
				case (n == 38 || n == 48) && i+2 < len(ps) && ps[i+1] == "5":
					c, _ := strconv.Atoi(ps[i+2])
					if n == 38 {
						fg = c
					} else {
						bg = c
					}
					i += 2
				case n == 38 || n == 48:
					t.Fatalf("a colour beyond the 256 in %q", s[:end+1])
				}
			}
			s = s[end+1:]
			continue
		}
		next := strings.IndexByte(s, '\x1b')
		if next < 0 {
			next = len(s)
		}
		text := s[:next]
		s = s[next:]
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := fg
		if bold && f >= 0 && f < 8 {
			f += 8
		}
		c := cellColour{colour(f, ownFg), colour(bg, ownBg), text, faint}
		if reverse {
			c.fg, c.bg = c.bg, c.fg
		}
		if faint {
			var r, g, b int
			fmt.Sscanf(c.fg, "#%02X%02X%02X", &r, &g, &b)
			c.fg = fmt.Sprintf("#%02X%02X%02X", r*2/3, g*2/3, b*2/3)
		}
		out = append(out, c)
	}
	return out
}

// TestSixteenColoursRead: in 16 colours, on a light terminal and on a dark
// one, every character the screen draws reads at 3:1 or more against what
// it is drawn on (WCAG's contrast, for xterm's default 16 colours: the least
// for large text and for graphics; 16 colours have no grey at 4.5:1 on
// white, and the muted words take bright black, 4.0:1), and nothing is drawn
// faint. xterm's yellow, green and cyan are 1.7, 2.2 and 2.0:1 on white, and
// 16 colours have no darker ones: "❚❚ paused", the replayed epoch's ┊, the
// warnings, "▶ running", the findings' ✓ and G's curve were drawn in them,
// as a projector loses them. They are drawn behind the terminal's own text
// (inked), and a mode over twice its due ▲▲ on yellow, where █ would be a
// block of the text's own colour. Faint (SGR 2) is each terminal's own:
// xterm and VTE take a third off each channel, toward black, others blend
// the colour toward the background and many draw it plain; on a dark
// terminal xterm's drew label smoothing's balance line for D's loss on real
// data #890000 on black, 2.1:1, and one that blends drew G's, the text's
// own on cyan, 2.7:1: the balance lines are drawn plain, told from the
// curves by their ┈. On a dark terminal the app's name, bold black on the
// accent's bright magenta, was bright black there, 1.3:1: it is plain
// black, 6.7:1. Every style of the screen is read, and the frames of a line
// run (live, and replayed), of label smoothing's with its three balance
// lines and the app's name, and of grid's plane with a mode over its due.
func TestSixteenColoursRead(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	lipgloss.SetColorProfile(termenv.ANSI)
	blog, blogLive, blogReplay := trainedSnapshotsReplay(t, blogConfig(t, 600), 1, 600, 300, 80)
	smoothCfg := blogConfig(t, 600)
	if c, err := presets.Get("label-smoothing"); err == nil {
		smoothCfg = c
		smoothCfg.Epochs = 600
	} else {
		t.Fatal(err)
	}
	smooth, smoothLive, _ := trainedSnapshotsReplay(t, smoothCfg, 1, 600, -1, 120)
	plane, planeSnap := trainedPlane(t, planeConfig(t, "grid"), 5, 3)
	for _, dark := range []bool{false, true} {
		lipgloss.SetHasDarkBackground(dark)
		on := "light"
		if dark {
			on = "dark"
		}
		check := func(what, drawn string) (pale bool) {
			t.Helper()
			seen := map[cellColour]bool{}
			for _, c := range terminalCells(t, drawn, dark) {
				if k := (cellColour{c.fg, c.bg, "", c.faint}); seen[k] {
					continue
				} else {
					seen[k] = true
				}
				if r := contrast(c.fg, c.bg); r < 3 {
					t.Errorf("%s terminal, %s: %q drawn %s on %s, %.2f:1, under 3:1", on, what, c.text, c.fg, c.bg, r)
				}
				if c.faint {
					t.Errorf("%s terminal, %s: %q drawn faint, which each terminal draws its own way", on, what, c.text)
				}
				pale = pale || c.bg == xterm16[2] || c.bg == xterm16[3] || c.bg == xterm16[6] || c.bg == xterm16[11] || c.bg == xterm16[14]
			}
			return pale
		}
		checkStyles(check, true)

		for name, snap := range map[string]session.Snapshot{"live": blogLive[80], "replayed": blogReplay} {
			snap.State = session.Running
			m := NewModel(blog)
			m.width, m.height = 80, 24
			m.apply(snap)
			if !check("the line run "+name, m.View()) && !dark {
				t.Errorf("the line run %s draws nothing on yellow, green or cyan: the test reads no pale colour", name)
			}
		}
		m := NewModel(smooth)
		m.width, m.height = 120, 40
		m.apply(smoothLive[120])
		view := m.View()
		check("label smoothing's run", view)
		if plain := ansiStrip(view); !strings.Contains(plain, "┈┈┈ D(x)=0.45") || !strings.HasPrefix(strings.TrimSpace(plain), "ganui") {
			t.Errorf("label smoothing's run draws neither its three balance lines' key nor the app's name:\n%s", plain)
		}
		m = NewModel(plane)
		m.width, m.height = 80, 24
		m.apply(planeSnap)
		view = m.View()
		check("grid's plane", view)
		if !dark && !strings.Contains(ansiStrip(view), "▲▲ over 2×") {
			t.Errorf("grid's key does not name ▲▲:\n%s", ansiStrip(view))
		}
	}
}

// TestGsBadgeIsPale: in 16 colours on a light terminal, where G's cyan is
// drawn behind the terminal's own text (inked), the cyan it is drawn on is
// bright cyan, 14, near the page's white, 1.25:1 from it in xterm's colours
// (held to 1.5:1), as pale as xterm's light grey: G's curves, on the losses
// chart, in the G(z) view and label smoothing's balance line, are a line
// of braille each cell of which is drawn on it, and on xterm's plain cyan,
// #00CDCD, 1.98:1 from white, they read as a heavy bar beside D's curves,
// lines of colour on the page. The text on it reads at 16.7:1.
func TestGsBadgeIsPale(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	lipgloss.SetColorProfile(termenv.ANSI)
	lipgloss.SetHasDarkBackground(false)
	for name, drawn := range map[string]string{
		"G's curve":        styleG.Render("⣀⡠⠤⠒⠉"),
		"G's balance line": faintRef(styleG).Render("┈┈┈"),
		"G's legend":       legendItem(styleG, markG, "G", 0.693, true),
	} {
		cells := terminalCells(t, drawn, false)
		if len(cells) == 0 {
			t.Fatalf("%s: nothing drawn in %q", name, drawn)
		}
		for _, c := range cells {
			if c.bg == "#FFFFFF" {
				continue // the legend's words, on the page
			}
			if r := contrast(c.bg, "#FFFFFF"); r > 1.5 {
				t.Errorf("%s: %q drawn on %s, %.2f:1 from the white page, over 1.5:1: a bar, not a line", name, c.text, c.bg, r)
			}
		}
	}
}

// TestReplayColumnIsPale: in 16 colours on a light terminal, where the
// warnings' yellow is drawn behind the terminal's own text (inked), the
// replayed epoch's column, a ┊ in each row of the losses and moments
// charts (chart.go), is drawn on bright yellow, 11 (#FFFF00), 1.07:1
// from the page's white in xterm's colours (held to 1.5:1, as G's curves
// are, TestGsBadgeIsPale), and the header that names it, "◀ replay epoch
// 130", on the same: on plain yellow, #CDCD00, 1.70:1 from white, the
// column read as a heavy bar down the charts, where on a dark terminal it
// is a dotted yellow line. The ┊ on it reads at 19.6:1.
func TestReplayColumnIsPale(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	lipgloss.SetColorProfile(termenv.ANSI)
	lipgloss.SetHasDarkBackground(false)
	for name, drawn := range map[string]string{
		"the replayed epoch's column": styleCursor.Render("┊"),
		"the replay's header":         styleCursor.Bold(true).Render("◀ replay epoch 130"),
	} {
		cells := terminalCells(t, drawn, false)
		if len(cells) == 0 {
			t.Fatalf("%s: nothing drawn in %q", name, drawn)
		}
		for _, c := range cells {
			if r := contrast(c.bg, "#FFFFFF"); r > 1.5 {
				t.Errorf("%s: %q drawn on %s, %.2f:1 from the white page, over 1.5:1: a bar, not a line", name, c.text, c.bg, r)
			}
			if r := contrast(c.fg, c.bg); r < 3 {
				t.Errorf("%s: %q drawn %s on %s, %.2f:1, under 3:1", name, c.text, c.fg, c.bg, r)
			}
		}
	}
}

// TestTwoFiftySixColoursRead: in 256 colours, on a light terminal and on a
// dark one, every character the screen draws reads at 3:1 or more against
// what it is drawn on, in xterm's 256 colours, faint drawn as xterm draws
// it (a third off each channel): but the axes, decoration (palette.Faint),
// and a pinned baseline's ghosts, held to 2:1 (palette's TestContrast).
// On a dark terminal the target's points over D's sure real shade, 94
// (#875F00), were 208 (#FF8700), 2.38:1; they are 215, 3.2:1. On a light
// terminal they were 166 (#D75F00), 2.72 to 2.89:1 over D's pale shades
// (189, 223, 224), held to 2.7:1 alone of what the screen draws; they are
// 130 (#AF5F00), 3.38:1 and more, 3.14:1 over the sure generated shade
// (153). Every style is read, and the frames of a line run, label
// smoothing's (its balance lines faint) and ring's and grid's planes over
// D's surface.
func TestTwoFiftySixColoursRead(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	lipgloss.SetColorProfile(termenv.ANSI256)
	blog, blogLive, _ := trainedSnapshotsReplay(t, blogConfig(t, 600), 1, 600, -1, 80)
	smoothCfg, err := presets.Get("label-smoothing")
	if err != nil {
		t.Fatal(err)
	}
	smoothCfg.Epochs = 600
	smooth, smoothLive, _ := trainedSnapshotsReplay(t, smoothCfg, 1, 600, -1, 120)
	ring, ringSnap := trainedPlane(t, planeConfig(t, "ring"), 1, 300)
	grid, gridSnap := trainedPlane(t, planeConfig(t, "grid"), 5, 3)
	for _, dark := range []bool{false, true} {
		lipgloss.SetHasDarkBackground(dark)
		on, v := "light", func(c palette.Colour) palette.Variant { return c.Light }
		if dark {
			on, v = "dark", func(c palette.Colour) palette.Variant { return c.Dark }
		}
		colourOf := func(c palette.Colour) string { n, _ := strconv.Atoi(v(c).ANSI256); return xterm256(n) }
		surface := map[string]bool{}
		for _, c := range palette.Surface {
			if c != (palette.Colour{}) {
				surface[colourOf(c)] = true
			}
		}
		check := func(what, drawn string) (shaded bool) {
			t.Helper()
			seen := map[cellColour]bool{}
			for _, c := range terminalCells(t, drawn, dark) {
				if k := (cellColour{c.fg, c.bg, "", c.faint}); seen[k] {
					continue
				} else {
					seen[k] = true
				}
				least := 3.0
				switch {
				case c.fg == colourOf(palette.Faint):
					continue
				case c.fg == colourOf(palette.Baseline):
					least = 2
				}
				if r := contrast(c.fg, c.bg); r < least {
					t.Errorf("%s terminal, %s: %q drawn %s on %s, %.2f:1, under %.1f:1", on, what, c.text, c.fg, c.bg, r, least)
				}
				shaded = shaded || surface[c.bg]
			}
			return shaded
		}
		checkStyles(check, false)
		m := NewModel(blog)
		m.width, m.height = 80, 24
		m.apply(blogLive[80])
		check("the line run", m.View())
		m = NewModel(smooth)
		m.width, m.height = 120, 40
		m.apply(smoothLive[120])
		check("label smoothing's run", m.View())
		for name, p := range map[string]struct {
			s    *session.Session
			snap session.Snapshot
		}{"ring": {ring, ringSnap}, "grid": {grid, gridSnap}} {
			m := NewModel(p.s)
			m.width, m.height = 120, 40
			m.apply(p.snap)
			if !check(name+"'s plane", m.View()) {
				t.Errorf("%s terminal, %s's plane draws no shade of D's surface: the test reads none", on, name)
			}
		}
	}
}

// contrast is WCAG's contrast ratio of two colours written #RRGGBB.
func contrast(a, b string) float64 {
	lum := func(h string) float64 {
		var l float64
		for i, w := range [3]float64{0.2126, 0.7152, 0.0722} {
			v, _ := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
			s := float64(v) / 255
			if s <= 0.03928 {
				s /= 12.92
			} else {
				s = math.Pow((s+0.055)/1.055, 2.4)
			}
			l += w * s
		}
		return l
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// checkStyles gives check each of the palette's styles by name, drawn
// as "x" (a state's badge, a balance line's "┈" too), faint among them
// where faint: the colour tests' one list of what the screen draws.
func checkStyles(check func(name, drawn string) bool, faint bool) {
	styles := map[string]lipgloss.Style{
		"title": styleTitle, "app": appStyle(), "text": styleText, "muted": styleMuted,
		"idle": styleIdle, "bold": styleBold, "warn": styleWarn, "caution": styleCaution, "good": styleGood,
		"bad": styleBad, "select": styleSelect, "D real": styleDReal, "D fake": styleDFake, "G": styleG,
		"mean": styleMean, "std": styleStd, "target": styleTarget, "ref": styleRef, "bar": styleBar,
		"clump": styleClump, "expected": styleExp, "curve": styleCurve, "push": stylePush, "spark": styleSpark,
		"event": styleEvent, "cursor": styleCursor, "replay header": styleCursor.Bold(true), "ghost": styleGhost,
		"axis x": styleAxisX, "axis y": styleAxisY,
	}
	if faint {
		styles["faint"] = styleFaint
	}
	for _, st := range []session.State{session.Running, session.Paused, session.Done, session.Diverged} {
		styles["state "+st.String()] = stateStyle(st)
	}
	for name, st := range styles {
		check(name, st.Render("x"))
	}
	for i, l := range balanceLines(&session.Equilibrium{DReal: 0.7, DFake: 0.6, G: 0.8}) {
		check("balance line "+strconv.Itoa(i), l.style.Render("┈"))
	}
}
