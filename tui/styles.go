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
	colAccent = lipgloss.AdaptiveColor{Light: "#5B3CC4", Dark: "#A991FF"}
	colMuted  = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
	colFaint  = lipgloss.AdaptiveColor{Light: "#AFB8C1", Dark: "#484F58"} // the axes: decoration
	colGhost  = lipgloss.AdaptiveColor{Light: "#818B98", Dark: "#6E7681"} // a pinned baseline: grey, but 3:1 and more, for it is data
	colText   = lipgloss.AdaptiveColor{Light: "#1F2328", Dark: "#E6EDF3"}
	colGreen  = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#3FB950"}
	colYellow = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#D29922"}
	colRed    = lipgloss.AdaptiveColor{Light: "#CF222E", Dark: "#FF7B72"}

	colReal   = lipgloss.AdaptiveColor{Light: "#BC4C00", Dark: "#F0883E"} // real data, the target
	colGen    = lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#58A6FF"} // generated samples
	colGenAlt = lipgloss.AdaptiveColor{Light: "#033D8B", Dark: "#A5D6FF"} // the generated std beside the mean, y beside x: darker on white, lighter on black
	colD      = lipgloss.AdaptiveColor{Light: "#A626A4", Dark: "#E58EE6"} // D
	colG      = lipgloss.AdaptiveColor{Light: "#0F7B7B", Dark: "#39C5CF"} // G

	// colSurface shades D's score in the 2-D view, by fifths: sure a
	// point is generated, leaning so, undecided (no shade), leaning
	// real, sure it is real. The shades stay faint so the dots over them
	// keep their colours.
	// In 256 colours each shade is named, so that the four stay apart
	// (the nearest colours to the faint dark shades were one grey); in
	// 16, leaning and sure share blue and red.
	colSurface = [...]lipgloss.TerminalColor{
		surface("#C9DEF7", "153", "#0B2A4A", "18", "4"),
		surface("#E6F0FC", "189", "#131C29", "17", "4"),
		lipgloss.NoColor{},
		surface("#FCEEE0", "224", "#2A1E10", "52", "1"),
		surface("#F7D6B5", "223", "#4A2C0D", "88", "1"),
	}
)

// surface is a shade of D's surface: light and dark in true colour and in
// 256 colours, and in 16.
func surface(light, light256, dark, dark256, ansi string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: light, ANSI256: light256, ANSI: ansi},
		Dark:  lipgloss.CompleteColor{TrueColor: dark, ANSI256: dark256, ANSI: ansi},
	}
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
	c := map[session.State]lipgloss.AdaptiveColor{session.Running: colGreen, session.Paused: colYellow, session.Done: colAccent, session.Diverged: colRed}[s]
	return lipgloss.NewStyle().Bold(true).Foreground(c)
}
