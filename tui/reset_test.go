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
// the picked setting is not the design's, and the keys page lists it, faint
// (after × without colour) once it is the design's again.
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
	if i < 0 || i+1 == len(lines) || !strings.Contains(strings.Join(strings.Fields(lines[i+1]), " "), " 0 "+idleMark+"reset ") {
		t.Errorf("the keys page does not list 0 under →, faint:\n%s", view)
	}
	if strings.Contains(view, "0 reset ·") {
		t.Errorf("the footer offers 0 with G lr at the design's value:\n%s", view)
	}
}

// TestSettingsHeadingNamesZero: while the setting ↑↓ picked differs from the
// design's, the Settings heading names 0 beside the keys that tune, as the
// footer offers it, "Settings ↑↓←→ tune 0 reset", where it read "Settings ↑↓
// pick ←→ tune" whatever was picked; at a setting with the design's value,
// as in every run never retuned, it reads as before. In a replay,
// "Settings now ↑↓←→ 0 reset" where "tune" leaves no room for 0.
func TestSettingsHeadingNamesZero(t *testing.T) {
	s, snap := benchSnapshot(t, 10)
	snap.Settings.DLR = snap.Start.DLR * 10 // D lr, picked first
	for _, size := range [][2]int{{80, 24}, {minWidth, minHeight}, {120, 40}} {
		view := frame(t, s, snap, size[0], size[1])
		if !strings.Contains(view, "Settings ↑↓←→ tune 0 reset") {
			t.Errorf("%d×%d, D lr retuned and picked: the Settings heading does not name 0:\n%s", size[0], size[1], view)
		}
		view = frame(t, s, snap, size[0], size[1], "j") // G lr, the design's
		if !strings.Contains(view, "Settings ↑↓ pick ←→ tune") || strings.Contains(view, "0 reset") {
			t.Errorf("%d×%d, G lr at the design's value picked: the Settings heading names 0:\n%s", size[0], size[1], view)
		}
		// In a replay (after u and ,) the footer at 80 columns has no
		// room for "0 reset" beside "u again": the heading names it.
		replay := snap
		replay.Replay, replay.ReplayIndex, replay.Frames = &session.Keyframe{Eval: snap.Eval, Last: snap.Last, Findings: snap.Findings}, 0, 1
		if view := frame(t, s, replay, size[0], size[1]); !strings.Contains(view, "Settings now ↑↓←→") || !strings.Contains(view, "0 reset") {
			t.Errorf("%d×%d replaying, D lr retuned and picked: the Settings heading does not name 0:\n%s", size[0], size[1], view)
		}
	}
}
