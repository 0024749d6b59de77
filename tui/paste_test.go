package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/ganui/ganui/internal/testdesigns"
)

// paste is text as a bracketed paste delivers it: one message of all its
// runes.
func paste(text string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(text), Paste: true}
}

// TestPastedTextIsNotKeys: a paste, which arrives as one message that matches
// no key, is text, not keys — a pasted file name would reseed, rerun, write and
// quit — and the status says so rather than dropping it unsaid; nothing trains.
func TestPastedTextIsNotKeys(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	epoch := m.snap.Epoch
	for _, text := range []string{"nnnnn", "ganui-vanilla-seed1.json", "qq", "\x03"} {
		mm, cmd := m.Update(paste(text))
		got := mm.(Model)
		if cmd != nil || got.quitting || got.snap.Epoch != epoch || !strings.Contains(got.flash, "is not taken as keys") {
			t.Errorf("paste %q: cmd %v, quitting %v, flash %q", text, cmd != nil, got.quitting, got.flash)
		}
	}
	// Its length is a count as the screen writes one (1,234, not 1234).
	mm, _ := m.Update(paste(strings.Repeat("x", 1234)))
	if flash := mm.(Model).flash; !strings.Contains(flash, "(1,234 characters)") {
		t.Errorf("a paste of 1,234 characters: flash %q", flash)
	}
	// One is one character (numtext.Count), not "1 characters".
	mm, _ = m.Update(paste("x"))
	if flash := mm.(Model).flash; !strings.Contains(flash, "(1 character)") {
		t.Errorf("a paste of one character: flash %q", flash)
	}
}
