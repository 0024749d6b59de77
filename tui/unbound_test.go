package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/ganui/ganui/internal/testdesigns"
)

// TestUnboundKeysSaySo (a key bound to nothing did nothing and said
// nothing): the status line names the key and where the keys are listed,
// until the next key.
func TestUnboundKeysSaySo(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	for name, k := range map[string]tea.KeyMsg{
		"x":     {Type: tea.KeyRunes, Runes: []rune("x")},
		"Z":     {Type: tea.KeyRunes, Runes: []rune("Z")},
		"5":     {Type: tea.KeyRunes, Runes: []rune("5")},
		"tab":   {Type: tea.KeyTab},
		"enter": {Type: tea.KeyEnter},
		"f1":    {Type: tea.KeyF1},
		"alt+n": {Type: tea.KeyRunes, Runes: []rune("n"), Alt: true},
	} {
		mm, cmd := m.Update(k)
		if want := name + " is not a key here: ? lists them"; !strings.Contains(mm.View(), want) {
			t.Errorf("%s: the status line lacks %q:\n%s", name, want, mm.View())
		}
		if cmd != nil {
			t.Errorf("%s: gave a command", name)
		}
		if mm, _ = mm.Update(keyMsg("k")); strings.Contains(mm.View(), "is not a key") {
			t.Errorf("%s: the note outlived the next key", name)
		}
	}
}

// TestOnlyKeysAreAnswered: the mouse, the focus and a resize are not
// keys, and the status line says nothing of them.
func TestOnlyKeysAreAnswered(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	var mm tea.Model = m
	for _, msg := range []tea.Msg{
		tea.MouseMsg{X: 3, Y: 4, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft},
		tea.FocusMsg{}, tea.BlurMsg{}, tea.WindowSizeMsg{Width: 101, Height: 30},
	} {
		mm, _ = mm.Update(msg)
		if strings.Contains(mm.View(), "is not a key") {
			t.Errorf("%T answered as a key", msg)
		}
	}
}
