package tui

import "github.com/charmbracelet/bubbles/key"

// keyMap is every key the trainer answers to. Sessions are scripted against
// these keys (tmux send-keys, tests), so they do not change lightly.
type keyMap struct {
	Pause, Step, StepD, StepG key.Binding
	Reseed, Restart, Rollback key.Binding
	Up, Down, Dec, Inc        key.Binding
	Slower, Faster            key.Binding
	Save, Export              key.Binding
	Help, Quit                key.Binding

	// What the footer offers depends on the moment: a diverged run gets
	// the keys that recover it, a wide screen the file keys too.
	diverged, wide bool
}

func newKeyMap() keyMap {
	return keyMap{
		Pause:    key.NewBinding(key.WithKeys(" ", "p"), key.WithHelp("space/p", "pause")),
		Step:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "one epoch")),
		StepD:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "one D update")),
		StepG:    key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "one G update")),
		Reseed:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "new seed")),
		Restart:  key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rerun seed")),
		Rollback: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "roll back")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "select up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "select down")),
		Dec:      key.NewBinding(key.WithKeys("left", "h", "-"), key.WithHelp("←/h/-", "decrease")),
		Inc:      key.NewBinding(key.WithKeys("right", "l", "+"), key.WithHelp("→/l/+", "increase")),
		Slower:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", "slower")),
		Faster:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "faster")),
		Save:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "checkpoint")),
		Export:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export CSV")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// wideHelp is the width from which the footer has room for the file keys.
const wideHelp = 90

// ShortHelp is the one-line footer: the keys a first session needs, short
// enough for the narrowest layout (minWidth columns); on a diverged run,
// the keys that recover it.
func (k keyMap) ShortHelp() []key.Binding {
	short := func(b key.Binding, keys, desc string) key.Binding {
		b.SetHelp(keys, desc)
		return b
	}
	tune := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→", "tune"))
	if k.diverged {
		return []key.Binding{
			short(k.Rollback, "u", "roll back"),
			tune,
			short(k.Reseed, "r", "reseed"),
			short(k.Restart, "R", "rerun"),
			short(k.Help, "?", "help"),
			k.Quit,
		}
	}
	keys := []key.Binding{
		short(k.Pause, "space", "pause"),
		short(k.Step, "n", "step"),
		short(k.Reseed, "r", "reseed"),
		short(k.Restart, "R", "rerun"),
		tune,
	}
	if k.wide {
		keys = append(keys, short(k.Save, "w", "save"), short(k.Export, "e", "csv"))
	}
	return append(keys, short(k.Help, "?", "help"), k.Quit)
}

// FullHelp is what ? shows, one column per group: four columns of four,
// which fit the narrowest layout (minWidth columns) in as many lines as
// the footer they replace.
func (k keyMap) FullHelp() [][]key.Binding {
	pause := k.Pause
	pause.SetHelp("space", "pause") // p, its alias, would widen the column past minWidth
	speed := key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "slower/faster"))
	return [][]key.Binding{
		{pause, k.Step, k.StepD, k.StepG},
		{k.Up, k.Down, k.Dec, k.Inc},
		{speed, k.Reseed, k.Restart, k.Rollback},
		{k.Save, k.Export, k.Help, k.Quit},
	}
}
