package tui

import (
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/ganui/ganui/internal/numtext"
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

// FuzzPaste: a bracketed paste of any text — control characters, escape
// sequences, bytes that are not UTF-8, on the trainer's screen or its ?
// pages — is taken as no key: no command, the run where it was, the
// screen as tall and as wide as the terminal with no control character
// on it, and the status counting the paste's characters as the screen
// counts things.
func FuzzPaste(f *testing.F) {
	for _, s := range []string{"nnnnn", "ganui-vanilla-seed1.json", "qq", "\x03", "\x1b[201~q", "\x1b]11;?\x07", "a\nb\r\n", "\xff\xfe", "\u0085\u009b[2J", "\u202e中😀", strings.Repeat("r", 1234)} {
		f.Add(s, false)
	}
	f.Add("?q", true)
	const w, h = 80, 24
	_, m := shownModel(f, testdesigns.PerSample(5000), true, w, h)
	pages, _ := m.Update(keyMsg("?"))
	f.Fuzz(func(t *testing.T, text string, onPages bool) {
		var before tea.Model = m
		if onPages {
			before = pages
		}
		mm, cmd := before.Update(paste(text))
		got := mm.(Model)
		if cmd != nil || got.quitting || got.snap.Epoch != m.snap.Epoch || got.keys.page != before.(Model).keys.page {
			t.Fatalf("paste %q: a command %v, quitting %v, epoch %d, page %v: taken as keys", text, cmd != nil, got.quitting, got.snap.Epoch, got.keys.page)
		}
		view := got.View()
		checkScreen(t, "paste "+strconv.Quote(text), view, w, h)
		want := "pasted text (" + numtext.Count(len([]rune(text)), "character") + ")"
		if !strings.Contains(got.flash, want) || !strings.Contains(view, want) {
			t.Fatalf("paste %q: status %q, the screen:\n%s\nwant %q", text, got.flash, view, want)
		}
	})
}
