package tui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/session"
)

// The palette: every colour has a light-terminal and a dark-terminal
// variant, and nothing depends on colour alone (NO_COLOR drops it all, and
// markers such as ›, the legend glyphs, ░ and the arrows still carry the
// meaning).
//
// One colour means one thing in every panel:
//
//	real data and the target  orange  (D's loss on real data, the target's
//	                                   mean and std, the expected counts,
//	                                   the Q-Q diagonal)
//	generated samples         blue    (D's loss on generated data, the
//	                                   generated mean and std, the bars,
//	                                   the Q-Q points)
//	D                         purple  (the D(x) strip and the push, dD/dx)
//	G                         teal    (G's loss, the curve G(z))
//
// Green and red are kept for better and worse, yellow for a warning.
//
// D's decision surface in the 2-D view shades the cells' background on a
// scale that diverges from D's indifference, ½, which has no shade: bluer
// where D says a point is generated, more orange where it says real.
var (
	// Each colour is given in true colour, in 256 colours and in 16, for
	// light and dark terminals. The 256 and 16 are chosen, not left to
	// the nearest match, which had made one colour of two meanings: in
	// 256, on dark, real data's orange and worse's red one salmon, and
	// the greys tinted teal and lilac; in 16, the muted words the blue
	// of generated samples (dark) or the teal of G (light), the warning
	// yellow the red of worse, the faint axes white on a white terminal,
	// real data's orange the warnings' yellow, D's purple the accent's.
	// In 16 the greys are bright black and plain text the terminal's own;
	// 16 colours have six hues for eight meanings, so two pairs share a
	// hue at its two brightnesses: orange is the red that worse does not
	// take, for worse meets real data only in the plane's mode map (··
	// missed), where the warnings' yellow would meet it too (██ over its
	// due) and on every chart (┊ the replayed epoch); D's purple is the
	// magenta the accent does not take. A mark always says what colour
	// can not.
	colAccent = tone("#5B3CC4", "62", "5", "#A991FF", "141", "13")
	colMuted  = tone("#6E7781", "243", "8", "#8B949E", "246", "8")
	colFaint  = tone("#AFB8C1", "145", "8", "#484F58", "59", "8")  // the axes: decoration
	colGhost  = tone("#818B98", "102", "8", "#6E7681", "243", "8") // a pinned baseline: grey, but 3:1 and more, for it is data
	colText   = tone("#1F2328", "232", "", "#E6EDF3", "255", "")   // "": the terminal's own
	colGreen  = tone("#1A7F37", "29", "2", "#3FB950", "71", "10")
	colYellow = tone("#9A6700", "94", "3", "#D29922", "178", "11")
	colRed    = tone("#CF222E", "160", "1", "#FF7B72", "203", "9")

	colReal   = tone("#BC4C00", "166", "9", "#F0883E", "208", "1")  // real data, the target
	colGen    = tone("#0969DA", "26", "4", "#58A6FF", "75", "12")   // generated samples
	colGenAlt = tone("#033D8B", "24", "4", "#A5D6FF", "153", "12")  // the generated std beside the mean, y beside x: darker on white, lighter on black
	colD      = tone("#A626A4", "127", "13", "#E58EE6", "176", "5") // D
	colG      = tone("#0F7B7B", "30", "6", "#39C5CF", "80", "14")   // G

	// colSurface shades D's score in the 2-D view, by fifths: sure a
	// point is generated, leaning so, undecided (no shade), leaning
	// real, sure it is real. The shades stay faint so the dots over them
	// keep their colours.
	// In 256 colours each shade is named, so that the four stay apart
	// (the nearest colours to the faint dark shades were one grey); 16
	// colours have no faint shades, and draw the surface's boundary, as
	// no colour does (noShades). The 256 have no dark orange under 94
	// (#875f00), so on dark terminals the sure real shade is 94 and the
	// leaning one the darkest warm colour, 52; 130, the next orange,
	// would hide the target's orange dots over it (2:1), and the sure
	// shade had been 88, a dark red that read as worse, not as real.
	colSurface = [...]lipgloss.TerminalColor{
		surface("#C9DEF7", "153", "#0B2A4A", "18"),
		surface("#E6F0FC", "189", "#131C29", "17"),
		lipgloss.NoColor{},
		surface("#FCEEE0", "224", "#2A1E10", "52"),
		surface("#F7D6B5", "223", "#4A2C0D", "94"),
	}
)

// tone is a colour of the palette: on light terminals light in true
// colour, light256 in 256 colours and lightANSI in 16; on dark ones dark,
// dark256 and darkANSI.
func tone(light, light256, lightANSI, dark, dark256, darkANSI string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: light, ANSI256: light256, ANSI: lightANSI},
		Dark:  lipgloss.CompleteColor{TrueColor: dark, ANSI256: dark256, ANSI: darkANSI},
	}
}

// surface is a shade of D's surface: light and dark in true colour and in
// 256 colours; none in 16.
func surface(light, light256, dark, dark256 string) lipgloss.CompleteAdaptiveColor {
	return tone(light, light256, "", dark, dark256, "")
}

// styles are built once; lipgloss styles are values and safe to share.
var (
	styleTitle   = lipgloss.NewStyle().Bold(true).Foreground(colAccent)
	styleApp     = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#1F2328"}).Background(colAccent).Padding(0, 1)
	styleMuted   = lipgloss.NewStyle().Foreground(colMuted)
	styleFaint   = lipgloss.NewStyle().Foreground(colFaint)
	styleBold    = lipgloss.NewStyle().Bold(true)
	styleWarn    = lipgloss.NewStyle().Bold(true).Foreground(colRed)
	styleCaution = lipgloss.NewStyle().Foreground(colYellow)
	styleGood    = lipgloss.NewStyle().Foreground(colGreen)
	styleBad     = lipgloss.NewStyle().Foreground(colRed)
	styleSelect  = lipgloss.NewStyle().Bold(true).Foreground(colAccent)

	styleDReal  = lipgloss.NewStyle().Foreground(colReal)
	styleDFake  = lipgloss.NewStyle().Foreground(colGen)
	styleG      = lipgloss.NewStyle().Foreground(colG)
	styleMean   = lipgloss.NewStyle().Foreground(colGen)
	styleStd    = lipgloss.NewStyle().Foreground(colGenAlt)
	styleTarget = lipgloss.NewStyle().Foreground(colReal)
	styleRef    = lipgloss.NewStyle().Foreground(colMuted)
	styleBar    = lipgloss.NewStyle().Foreground(colGen)
	styleExp    = lipgloss.NewStyle().Foreground(colReal)
	styleCurve  = lipgloss.NewStyle().Foreground(colD)
	styleSpark  = lipgloss.NewStyle().Foreground(colText)
	styleEvent  = lipgloss.NewStyle().Foreground(colAccent) // an event's mark on a chart's time axis
	styleCursor = lipgloss.NewStyle().Foreground(colYellow) // the replayed epoch's column
	styleGhost  = lipgloss.NewStyle().Foreground(colGhost)  // the pinned baseline's curves and outline
	styleAxisX  = lipgloss.NewStyle().Foreground(colGen)    // a 2-D run's generated x moments
	styleAxisY  = lipgloss.NewStyle().Foreground(colGenAlt) // and y moments
)

// The charts' lines end in these marks, and the legends name each line by
// its mark, so that no line is told from another by colour alone: real
// filled and generated hollow, as the losses are on real and generated
// data; μ and σ for the moments. A 2-D run's moments end in x and y.
const (
	markDReal = '●'
	markDFake = '○'
	markG     = '■'
	markMean  = 'μ'
	markStd   = 'σ'
)

// stateStyle colours the state badge in the header.
func stateStyle(s session.State) lipgloss.Style {
	c := map[session.State]lipgloss.TerminalColor{session.Running: colGreen, session.Paused: colYellow, session.Done: colAccent, session.Diverged: colRed}[s]
	return lipgloss.NewStyle().Bold(true).Foreground(c)
}
