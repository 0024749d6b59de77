package palette

import (
	"math"
	"strconv"
	"testing"
)

// named is a colour of the palette with its name and its meaning: colours
// of one meaning may be one colour, those of two may not.
type named struct {
	name, meaning string
	c             Colour
}

// everyColour is every colour the palette names, with what it means: the
// roles that take a meaning's colour say so by their meaning. The greys
// (muted words and references, faint axes, a baseline's ghosts) are one
// meaning, grey, and may meet.
var everyColour = []named{
	{"Real", "real", Real}, {"Generated", "generated", Generated}, {"GeneratedSecond", "generated", GeneratedSecond},
	{"D", "D", D}, {"G", "G", G},
	{"Accent", "accent", Accent}, {"Text", "text", Text},
	{"Better", "better", Better}, {"Warning", "warning", Warning}, {"Worse", "worse", Worse},
	{"Muted", "grey", Muted}, {"Faint", "grey", Faint}, {"Idle", "grey", Idle}, {"Baseline", "grey", Baseline},
	{"DOnReal", "real", DOnReal}, {"DOnGenerated", "generated", DOnGenerated},
	{"DScore", "D", DScore}, {"Push", "D", Push},
	{"Event", "accent", Event}, {"Replay", "warning", Replay}, {"Balance", "grey", Balance},
}

// rgb is the red, green and blue of a colour written #RRGGBB.
func rgb(t *testing.T, h string) [3]uint8 {
	t.Helper()
	if len(h) != 7 || h[0] != '#' {
		t.Fatalf("colour %q is not #RRGGBB", h)
	}
	var c [3]uint8
	for i := range c {
		v, err := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q is not #RRGGBB: %v", h, err)
		}
		c[i] = uint8(v)
	}
	return c
}

// contrast is the WCAG contrast ratio of two colours written #RRGGBB.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(h string) float64 {
		var l float64
		for i, v := range rgb(t, h) {
			s := float64(v) / 255
			if s <= 0.03928 {
				s /= 12.92
			} else {
				s = math.Pow((s+0.055)/1.055, 2.4)
			}
			l += [3]float64{0.2126, 0.7152, 0.0722}[i] * s
		}
		return l
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestVariantsAreWellFormed: every colour has a true colour #RRGGBB on
// each background, a 256 colour of the 240 a terminal does not let its
// theme redefine (16…255), and a 16 colour (0…15) or none; the surface's
// shades have no 16 colour, for 16 colours have no faint shades.
func TestVariantsAreWellFormed(t *testing.T) {
	all := append([]named{{"OnAccent", "", OnAccent}}, everyColour...)
	for i, c := range Surface {
		if i != len(Surface)/2 {
			all = append(all, named{"Surface " + strconv.Itoa(i), "", c})
		}
	}
	number := func(s string, lo, hi int) bool {
		n, err := strconv.Atoi(s)
		return err == nil && n >= lo && n <= hi
	}
	for _, c := range all {
		for _, v := range []Variant{c.c.Light, c.c.Dark} {
			rgb(t, v.TrueColor)
			if !number(v.ANSI256, 16, 255) {
				t.Errorf("%s: 256 colour %q is not one of 16…255", c.name, v.ANSI256)
			}
			if v.ANSI != "" && !number(v.ANSI, 0, 15) {
				t.Errorf("%s: 16 colour %q is not one of 0…15", c.name, v.ANSI)
			}
		}
	}
	for i, c := range Surface {
		if c.Light.ANSI != "" || c.Dark.ANSI != "" {
			t.Errorf("surface shade %d has a 16 colour, %+v", i, c)
		}
	}
	if Surface[len(Surface)/2] != (Colour{}) {
		t.Errorf("the surface where D cannot tell is shaded, %+v", Surface[len(Surface)/2])
	}
}

// TestContrast: every colour that carries a meaning — a line, a mark, a
// glyph of a legend, a word — stands out from a white terminal (and a
// figure's white paper) in its light variant and from a black terminal
// in its dark variant by WCAG's 3:1 for graphics at least, and the
// colours of words by 4.5:1 for text; the app's name on the accent by
// 4.5:1 too. The axes' faint lines are decoration, and left out; a pinned
// baseline's ghosts are faint too, but they are data, 2:1 at least, as
// the figure holds them (fainter than the references: 3:1 would put them
// a shade from the muted grey, TestBaselineApartFromTheReferences); and
// the keys page's keys that cannot act now are faint, but words, 3:1 at
// least.
func TestContrast(t *testing.T) {
	for _, c := range []struct {
		name    string
		col     Colour
		on      Colour
		atLeast float64
	}{
		{"accent", Accent, white, 4.5}, {"muted", Muted, white, 4.5}, {"text", Text, white, 4.5},
		{"better", Better, white, 4.5}, {"warning", Warning, white, 4.5}, {"worse", Worse, white, 4.5},
		{"real", Real, white, 3}, {"generated", Generated, white, 3}, {"generated, second", GeneratedSecond, white, 3},
		{"D", D, white, 3}, {"G", G, white, 3}, {"baseline", Baseline, white, 2}, {"a key not now", Idle, white, 3},
		{"the app's name", OnAccent, Accent, 4.5},
	} {
		if r := contrast(t, c.col.Light.TrueColor, c.on.Light.TrueColor); r < c.atLeast {
			t.Errorf("%s %s on %s: %.2f:1, under %.1f:1", c.name, c.col.Light.TrueColor, c.on.Light.TrueColor, r, c.atLeast)
		}
		if r := contrast(t, c.col.Dark.TrueColor, c.on.Dark.TrueColor); r < c.atLeast {
			t.Errorf("%s %s on %s: %.2f:1, under %.1f:1", c.name, c.col.Dark.TrueColor, c.on.Dark.TrueColor, r, c.atLeast)
		}
	}
}

// white is a light terminal's background, and a dark one's black.
var white = Colour{Light: Variant{TrueColor: "#FFFFFF"}, Dark: Variant{TrueColor: "#000000"}}

// TestKeepsMeaningsApart: in true colour, in 256 colours and in 16, on light
// and dark terminals, colours of different meanings are different colours; only
// the shades of one meaning (the generated mean and std; the greys) may meet.
// The nearest colours would merge them: in 256 on dark, real data's orange and
// worse's red; in 16 the muted words would take the generated samples' blue
// (dark) or G's teal (light), the warning yellow worse's red, plain text G's
// cyan, the generated std G's cyan, real data's orange the warnings' yellow,
// D's purple the accent's (light), and the faint axes and the baseline would be
// white on a white terminal. In 16 colours two meanings are not even one hue at
// two brightnesses, but for the pairs sharedHues names.
func TestKeepsMeaningsApart(t *testing.T) {
	for _, dark := range []bool{false, true} {
		variant := func(c Colour) Variant {
			if dark {
				return c.Dark
			}
			return c.Light
		}
		profiles := map[string]func(Variant) string{
			"true colour": func(v Variant) string { return v.TrueColor },
			"256":         func(v Variant) string { return v.ANSI256 },
			"16":          func(v Variant) string { return v.ANSI },
		}
		for profile, of := range profiles {
			for i, a := range everyColour {
				for _, b := range everyColour[i+1:] {
					if a.meaning != b.meaning && of(variant(a.c)) == of(variant(b.c)) {
						t.Errorf("dark %v, %s: %s and %s are one colour, %q", dark, profile, a.name, b.name, of(variant(a.c)))
					}
				}
			}
		}
		for i, a := range everyColour {
			for _, b := range everyColour[i+1:] {
				ha, hb := hue16(t, variant(a.c)), hue16(t, variant(b.c))
				if a.meaning != b.meaning && ha >= 0 && ha == hb && !sharedHues[[2]string{a.meaning, b.meaning}] && !sharedHues[[2]string{b.meaning, a.meaning}] {
					t.Errorf("dark %v: %s and %s are one hue in 16 colours, %q and %q", dark, a.name, b.name, variant(a.c).ANSI, variant(b.c).ANSI)
				}
			}
		}
		if !dark {
			for _, c := range []named{{"faint", "", Faint}, {"baseline", "", Baseline}} {
				if c.c.Light.ANSI == "7" || c.c.Light.ANSI == "15" || c.c.Light.ANSI256 == "255" || c.c.Light.ANSI256 == "231" {
					t.Errorf("%s is white on a light terminal, %+v", c.name, c.c.Light)
				}
			}
		}
	}
}

// sharedHues are the pairs of meanings that share a hue in 16 colours, at its
// two brightnesses: six hues do not go round eight meanings. Real data's orange
// takes the red that worse does not, for the two meet only in the plane's mode
// map, where the warnings' yellow, the other hue near it, meets it too, as it
// does on every chart (the replayed epoch); D's purple takes the magenta the
// accent does not.
var sharedHues = map[[2]string]bool{{"worse", "real"}: true, {"accent", "D"}: true}

// hue16 is the hue of v in 16 colours: its colour number, 0 to 15, with
// a bright colour (8 to 15) and its plain one (0 to 7) one hue; -1 for
// the terminal's own colour.
func hue16(t *testing.T, v Variant) int {
	t.Helper()
	if v.ANSI == "" {
		return -1
	}
	n, err := strconv.Atoi(v.ANSI)
	if err != nil || n < 0 || n > 15 {
		t.Fatalf("colour %q is not one of 16", v.ANSI)
	}
	return n % 8
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

// TestSurfaceShadesReadAsTheirSides: D's surface is bluish where D says
// generated and warm where it says real, in true colour and in 256 colours, on
// light terminals and dark; its sure shade there orange, as the glossary and
// the figure name it, and its four shades four colours. On dark terminals the
// real side is not 52 and 88 in 256 colours, dark reds: the red of worse, not
// the orange of real data.
func TestSurfaceShadesReadAsTheirSides(t *testing.T) {
	for _, dark := range []bool{true, false} {
		for _, profile := range []string{"true colour", "256"} {
			seen := map[string]int{}
			for i, c := range Surface {
				if i == len(Surface)/2 {
					continue // D cannot tell: no shade
				}
				v := c.Light
				if dark {
					v = c.Dark
				}
				n := v.TrueColor
				var r, g, b int
				if profile == "256" {
					n = v.ANSI256
					r, g, b = xterm256(t, n)
				} else {
					c := rgb(t, n)
					r, g, b = int(c[0]), int(c[1]), int(c[2])
				}
				if j, ok := seen[n]; ok {
					t.Errorf("dark %v, %s: shades %d and %d are one colour, %s", dark, profile, j, i, n)
				}
				seen[n] = i
				switch {
				case i < len(Surface)/2 && !(b > r && b >= g):
					t.Errorf("dark %v, %s: shade %d, where D says generated, is %s (%d, %d, %d): not blue", dark, profile, i, n, r, g, b)
				case i > len(Surface)/2 && !(r > g && g >= b):
					t.Errorf("dark %v, %s: shade %d, where D says real, is %s (%d, %d, %d): not warm", dark, profile, i, n, r, g, b)
				case i == len(Surface)-1 && !(g >= r*2/5 && b < g):
					t.Errorf("dark %v, %s: the sure shade where D says real is %s (%d, %d, %d): not orange", dark, profile, n, r, g, b)
				}
			}
		}
	}
}

// TestBaselineApartFromTheReferences: a pinned baseline's ghost curves run
// along the references' lines (ln 2 on the losses chart, a target's dotted
// line), so its grey stands apart from their muted grey at a glance: in
// true colour and in 256 colours, on white and on black, the references'
// contrast with the background is 1.8 times the baseline's or more, as the
// figure holds its baseline apart (figure's test of that name), and the
// baseline still stands above the axes' faint grey; in 16 colours, which
// have one grey, it is another colour than theirs, and not the terminal's
// own. The palette had #818B98 (256: 102) beside the muted #6E7781 (243)
// on white, 1.32 times, #6E7681 (243) beside #8B949E (246) on black, 1.49,
// and bright black for both in 16 colours.
func TestBaselineApartFromTheReferences(t *testing.T) {
	for _, dark := range []bool{false, true} {
		variant, bg := Baseline.Light, "#FFFFFF"
		ref, faint := Balance.Light, Faint.Light
		if dark {
			variant, bg, ref, faint = Baseline.Dark, "#000000", Balance.Dark, Faint.Dark
		}
		for _, profile := range []string{"true colour", "256"} {
			hex := func(v Variant) string {
				if profile == "true colour" {
					return v.TrueColor
				}
				r, g, b := xterm256(t, v.ANSI256)
				return "#" + strconv.FormatInt(int64(r<<16|g<<8|b)|1<<24, 16)[1:]
			}
			base, refs, axes := contrast(t, hex(variant), bg), contrast(t, hex(ref), bg), contrast(t, hex(faint), bg)
			if refs/base < 1.8 {
				t.Errorf("dark %v, %s: the baseline %s (%.2f:1) is within %.2f× the contrast of the references' %s (%.2f:1): one grey at a glance", dark, profile, hex(variant), base, refs/base, hex(ref), refs)
			}
			if base <= axes {
				t.Errorf("dark %v, %s: the baseline %s (%.2f:1) is no more than the axes' %s (%.2f:1)", dark, profile, hex(variant), base, hex(faint), axes)
			}
		}
		if variant.ANSI == ref.ANSI || variant.ANSI == "" {
			t.Errorf("dark %v, 16 colours: the baseline is %q beside the references' %q", dark, variant.ANSI, ref.ANSI)
		}
	}
}
