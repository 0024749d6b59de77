package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap is every key the trainer answers to. Sessions are scripted against
// these keys (tmux send-keys, tests), so they do not change lightly.
type keyMap struct {
	Pause, Step, StepD, StepG key.Binding
	Reseed, Restart           key.Binding
	Up, Down, Dec, Inc        key.Binding
	Slower, Faster            key.Binding
	Help, Quit                key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Pause:   key.NewBinding(key.WithKeys(" ", "p"), key.WithHelp("space/p", "pause")),
		Step:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "one epoch")),
		StepD:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "one D update")),
		StepG:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "one G update")),
		Reseed:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "new seed")),
		Restart: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rerun seed")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "select up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "select down")),
		Dec:     key.NewBinding(key.WithKeys("left", "h", "-"), key.WithHelp("←/h/-", "decrease")),
		Inc:     key.NewBinding(key.WithKeys("right", "l", "+"), key.WithHelp("→/l/+", "increase")),
		Slower:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "slower")),
		Faster:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "faster")),
		Help:    key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:    key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the one-line footer: the keys a first session needs, short
// enough for the narrowest layout (minWidth columns).
func (k keyMap) ShortHelp() []key.Binding {
	short := func(b key.Binding, keys, desc string) key.Binding {
		b.SetHelp(keys, desc)
		return b
	}
	return []key.Binding{
		short(k.Pause, "space", "pause"),
		short(k.Step, "n", "step"),
		short(k.Reseed, "r", "reseed"),
		short(k.Restart, "R", "rerun"),
		key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→", "tune")),
		short(k.Help, "?", "help"),
		k.Quit,
	}
}

// FullHelp is what ? shows, one column per group.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Pause, k.Step, k.StepD, k.StepG},
		{k.Reseed, k.Restart, k.Slower, k.Faster},
		{k.Up, k.Down, k.Dec, k.Inc},
		{k.Help, k.Quit},
	}
}
