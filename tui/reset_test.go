package tui

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest"
	"github.com/ganui/ganui/session"
)

// TestZeroPutsTheSettingBack: 0 sets the setting ↑↓ picked back to the value
// the run started with, in one press where ← would take as many as → took:
// G lr raised three notches after epoch 1 and trained with at epoch 2, 0 says
// "G lr 5e-4 → 5e-5, the design's, after epoch 2", and again "G lr is 5e-5
// already, the design's", changing nothing. The footer offers "0 reset" while
// the picked setting is not the design's, and the keys page lists it.
func TestZeroPutsTheSettingBack(t *testing.T) {
	s := startScreen(t, blogConfig(t, 1_000), 1, true, 120, 40)
	s.waitSnap("the run is shown", func(session.Snapshot) bool { return true })
	wait := func(what ...string) { // in the output from now on, each
		t.Helper()
		teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(waitTimeout))
	}
	s.key("n")
	wait("trained epoch 1")
	s.key("down") // G lr
	for range 3 {
		s.key("right")
	}
	wait("G lr 1e-3 → 1e-2 after epoch 1", "←→ tune · 0 reset")
	s.key("n")
	wait("trained epoch 2")
	s.key("0")
	wait("G lr 1e-2 → 1e-3, the design's, after epoch 2")
	s.key("0")
	wait("G lr is 1e-3 already, the design's")
	s.key("?")
	view := s.finalView()
	lines := strings.Split(view, "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "→/l/+") })
	if i < 0 || i+1 == len(lines) || !strings.Contains(strings.Join(strings.Fields(lines[i+1]), " "), " 0 reset ") {
		t.Errorf("the keys page does not list 0 under →:\n%s", view)
	}
	if strings.Contains(view, "0 reset ·") {
		t.Errorf("the footer offers 0 with G lr at the design's value:\n%s", view)
	}
}
