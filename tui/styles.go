package tui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/session"
)

// The palette: every colour has a light-terminal and a dark-terminal
// variant, and nothing depends on colour alone (NO_COLOR drops it all, and
// markers such as › and the legend glyphs still carry the meaning).
var (
	colAccent = lipgloss.AdaptiveColor{Light: "#5B3CC4", Dark: "#A991FF"}
	colMuted  = lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
	colFaint  = lipgloss.AdaptiveColor{Light: "#AFB8C1", Dark: "#484F58"}
	colText   = lipgloss.AdaptiveColor{Light: "#1F2328", Dark: "#E6EDF3"}
	colBlue   = lipgloss.AdaptiveColor{Light: "#0969DA", Dark: "#58A6FF"}
	colOrange = lipgloss.AdaptiveColor{Light: "#BC4C00", Dark: "#F0883E"}
	colGreen  = lipgloss.AdaptiveColor{Light: "#1A7F37", Dark: "#3FB950"}
	colPurple = lipgloss.AdaptiveColor{Light: "#8250DF", Dark: "#D2A8FF"}
	colYellow = lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#D29922"}
	colRed    = lipgloss.AdaptiveColor{Light: "#CF222E", Dark: "#FF7B72"}
	colPink   = lipgloss.AdaptiveColor{Light: "#BF3989", Dark: "#F778BA"}
)

// styles are built once; lipgloss styles are values and safe to share.
var (
	styleTitle  = lipgloss.NewStyle().Bold(true).Foreground(colAccent)
	styleApp    = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.AdaptiveColor{Light: "#FFFFFF", Dark: "#1F2328"}).Background(colAccent).Padding(0, 1)
	styleText   = lipgloss.NewStyle().Foreground(colText)
	styleMuted  = lipgloss.NewStyle().Foreground(colMuted)
	styleFaint  = lipgloss.NewStyle().Foreground(colFaint)
	styleBold   = lipgloss.NewStyle().Bold(true)
	styleWarn   = lipgloss.NewStyle().Bold(true).Foreground(colRed)
	styleGood   = lipgloss.NewStyle().Foreground(colGreen)
	styleBad    = lipgloss.NewStyle().Foreground(colRed)
	styleSelect = lipgloss.NewStyle().Bold(true).Foreground(colAccent)

	styleDReal = lipgloss.NewStyle().Foreground(colBlue)
	styleDFake = lipgloss.NewStyle().Foreground(colOrange)
	styleG     = lipgloss.NewStyle().Foreground(colGreen)
	styleMean  = lipgloss.NewStyle().Foreground(colBlue)
	styleStd   = lipgloss.NewStyle().Foreground(colPurple)
	styleRef   = lipgloss.NewStyle().Foreground(colMuted)
	styleBar   = lipgloss.NewStyle().Foreground(colBlue)
	styleExp   = lipgloss.NewStyle().Foreground(colOrange)
	styleCurve = lipgloss.NewStyle().Foreground(colPink)
)

// stateStyle colours the state badge in the header.
func stateStyle(s session.State) lipgloss.Style {
	c := map[session.State]lipgloss.AdaptiveColor{session.Running: colGreen, session.Paused: colYellow, session.Done: colBlue, session.Diverged: colRed}[s]
	return lipgloss.NewStyle().Bold(true).Foreground(c)
}
