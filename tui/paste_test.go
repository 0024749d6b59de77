package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/session"
)

// paste is text as a bracketed paste delivers it: one message of all its
// runes.
func paste(text string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true}
}

// TestPastedKeysAreTyped (a paste arrived as one message that matched no
// key, and was thrown away): each pasted rune is a key, in order, as if
// typed: five pasted n train five epochs, a pasted d one D update.
func TestPastedKeysAreTyped(t *testing.T) {
	s := startScreen(t, testdesigns.PerSample(5000), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.tm.Send(paste("nnnnn"))
	s.waitSnap("five epochs", func(s session.Snapshot) bool { return s.Epoch == 5 })
	s.tm.Send(paste("d"))
	snap := s.waitSnap("a D update", func(s session.Snapshot) bool { return strings.Contains(s.Note, "one D update") })
	if snap.Epoch != 5 {
		t.Fatalf("the pasted keys trained %d epochs, want 5", snap.Epoch)
	}
}

// TestPastedControlCharactersAreKeys: a control character in a paste is
// the key that sends it: ? opens the help, a pasted esc closes it, a
// pasted 0x03 is ctrl+c.
func TestPastedControlCharactersAreKeys(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	mm, _ := m.Update(paste("?"))
	if mm.(Model).keys.page != pageKeys {
		t.Fatal("a pasted ? did not open the help")
	}
	mm, _ = mm.Update(paste("\x1b"))
	if mm.(Model).keys.page != pageNone {
		t.Fatal("a pasted esc did not close the help")
	}
	mm, _ = mm.Update(paste("\x03"))
	if !mm.(Model).quitting {
		t.Fatal("a pasted ctrl+c did not quit")
	}
}
