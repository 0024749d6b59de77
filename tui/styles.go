package tui

import (
	"github.com/charmbracelet/lipgloss"

	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/session"
)

// The screen's styles, in the colours of internal/palette, which names
// every meaning once for the screen and the figures; tone adapts them to
// lipgloss, which picks the variant for the terminal's background and
// colour profile.

// tone is c as lipgloss draws it: its light or dark variant, in true
// colour, 256 colours or 16 as the terminal has them; no colour where c
// has none (D's surface where D cannot tell).
func tone(c palette.Colour) lipgloss.TerminalColor {
	if c == (palette.Colour{}) {
		return lipgloss.NoColor{}
	}
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: c.Light.TrueColor, ANSI256: c.Light.ANSI256, ANSI: c.Light.ANSI},
		Dark:  lipgloss.CompleteColor{TrueColor: c.Dark.TrueColor, ANSI256: c.Dark.ANSI256, ANSI: c.Dark.ANSI},
	}
}

// colSurface shades D's score in the 2-D view, by fifths (palette.Surface).
var colSurface = func() (out [len(palette.Surface)]lipgloss.TerminalColor) {
	for i, c := range palette.Surface {
		out[i] = tone(c)
	}
	return out
}()

// styles are built once; lipgloss styles are values and safe to share.
var (
	styleTitle   = lipgloss.NewStyle().Bold(true).Foreground(tone(palette.Accent))
	styleApp     = lipgloss.NewStyle().Bold(true).Foreground(tone(palette.OnAccent)).Background(tone(palette.Accent)).Padding(0, 1)
	styleText    = lipgloss.NewStyle().Foreground(tone(palette.Text))
	styleMuted   = lipgloss.NewStyle().Foreground(tone(palette.Muted))
	styleFaint   = lipgloss.NewStyle().Foreground(tone(palette.Faint))
	styleIdle    = lipgloss.NewStyle().Foreground(tone(palette.Idle)) // the keys page's keys that cannot act now, and why
	styleBold    = lipgloss.NewStyle().Bold(true)
	styleWarn    = lipgloss.NewStyle().Bold(true).Foreground(tone(palette.Worse))
	styleCaution = lipgloss.NewStyle().Foreground(tone(palette.Warning))
	styleGood    = lipgloss.NewStyle().Foreground(tone(palette.Better))
	styleBad     = lipgloss.NewStyle().Foreground(tone(palette.Worse))
	styleSelect  = lipgloss.NewStyle().Bold(true).Foreground(tone(palette.Accent))

	styleDReal  = lipgloss.NewStyle().Foreground(tone(palette.DOnReal))
	styleDFake  = lipgloss.NewStyle().Foreground(tone(palette.DOnGenerated))
	styleG      = lipgloss.NewStyle().Foreground(tone(palette.G))
	styleMean   = lipgloss.NewStyle().Foreground(tone(palette.Generated))
	styleStd    = lipgloss.NewStyle().Foreground(tone(palette.GeneratedSecond))
	styleTarget = lipgloss.NewStyle().Foreground(tone(palette.Real))
	styleRef    = lipgloss.NewStyle().Foreground(tone(palette.Balance))
	styleBar    = lipgloss.NewStyle().Foreground(tone(palette.Generated))
	styleClump  = lipgloss.NewStyle().Foreground(tone(palette.GeneratedSecond)) // a plane's cell crowded with G's samples
	styleExp    = lipgloss.NewStyle().Foreground(tone(palette.Real))
	styleCurve  = lipgloss.NewStyle().Foreground(tone(palette.DScore))
	stylePush   = lipgloss.NewStyle().Foreground(tone(palette.Push))
	styleSpark  = lipgloss.NewStyle().Foreground(tone(palette.Text))
	styleEvent  = lipgloss.NewStyle().Foreground(tone(palette.Event))           // an event's mark on a chart's time axis
	styleCursor = lipgloss.NewStyle().Foreground(tone(palette.Replay))          // the replayed epoch's column
	styleGhost  = lipgloss.NewStyle().Foreground(tone(palette.Baseline))        // the pinned baseline's curves and outline
	styleAxisX  = lipgloss.NewStyle().Foreground(tone(palette.Generated))       // a 2-D run's generated x moments
	styleAxisY  = lipgloss.NewStyle().Foreground(tone(palette.GeneratedSecond)) // and y moments
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
	c := map[session.State]palette.Colour{session.Running: palette.Better, session.Paused: palette.Warning, session.Done: palette.Accent, session.Diverged: palette.Worse}[s]
	return lipgloss.NewStyle().Bold(true).Foreground(tone(c))
}
