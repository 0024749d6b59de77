package tui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

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

// inked is a style drawing in c: c's colour on the terminal's background,
// but in 16 colours on a light terminal, where xterm's yellow, green and
// cyan (#CDCD00, #00CD00, #00CDCD) read at 1.7, 2.2 and 2.0:1 on white and
// 16 colours have no darker ones, the terminal's own text on c's colour, as
// a badge is drawn: "❚❚ paused" on yellow reads at 12:1, the yellow keeping
// its meaning. TestSixteenColoursRead holds every style to 3:1. G's is the
// paler bright cyan (palette.G), for its curves are braille drawn on it cell
// by cell (TestGsBadgeIsPale), and the replayed epoch's column the paler
// bright yellow (palette.Replay), a ┊ in each row (TestReplayColumnIsPale).
func inked(c palette.Colour) lipgloss.Style {
	if !paleOnWhite[c.Light.ANSI] {
		return lipgloss.NewStyle().Foreground(tone(c))
	}
	text := c
	text.Light.ANSI = ""
	return lipgloss.NewStyle().Foreground(tone(text)).
		Background(lipgloss.CompleteAdaptiveColor{Light: lipgloss.CompleteColor{ANSI: c.Light.ANSI}})
}

// paleOnWhite are the 16 colours xterm draws under 3:1 on white: green,
// yellow, cyan and white, plain and bright.
var paleOnWhite = map[string]bool{"2": true, "3": true, "6": true, "7": true, "10": true, "11": true, "14": true, "15": true}

// reversedOnLight tells whether the screen draws c behind the terminal's
// own text (inked): in 16 colours on a light terminal, for a pale colour.
func reversedOnLight(c palette.Colour) bool {
	return lipgloss.ColorProfile() == termenv.ANSI && !lipgloss.HasDarkBackground() && paleOnWhite[c.Light.ANSI]
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
	styleCaution = inked(palette.Warning)
	styleGood    = inked(palette.Better)
	styleBad     = lipgloss.NewStyle().Foreground(tone(palette.Worse))
	styleSelect  = lipgloss.NewStyle().Bold(true).Foreground(tone(palette.Accent))

	styleDReal  = lipgloss.NewStyle().Foreground(tone(palette.DOnReal))
	styleDFake  = lipgloss.NewStyle().Foreground(tone(palette.DOnGenerated))
	styleG      = inked(palette.G)
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
	styleCursor = inked(palette.Replay)                                         // the replayed epoch's column
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
	return inked(c).Bold(true)
}

// appStyle is the app's name in the header: styleApp, but not bold in 16
// colours on a dark terminal, where its black on the accent's bright
// magenta would be drawn bright black by xterm's bold (boldColors),
// #7F7F7F on #FF00FF, 1.3:1; plain black reads at 6.7:1.
func appStyle() lipgloss.Style {
	if lipgloss.ColorProfile() == termenv.ANSI && lipgloss.HasDarkBackground() {
		return styleApp.Bold(false)
	}
	return styleApp
}

// faintRef is s for a reference line beside its curve (the loss chart's
// balance lines): faint, but not in 16 colours, whose terminals each draw
// faint their own way — xterm and VTE a third off each channel, toward
// black, others toward the background, many not at all — and which have
// no fainter colours of their own: on a dark terminal xterm's faint red
// is #890000 on black, 2.1:1. There the line is its loss's colour, told
// from the curve by its ┈.
func faintRef(s lipgloss.Style) lipgloss.Style {
	return s.Faint(lipgloss.ColorProfile() != termenv.ANSI)
}
