package tui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ganui/ganui/session"
)

// TestArrowsNamedOneWay: the screen names what ← and → do by one word
// wherever it names them, the Settings heading and the footer alike. The
// heading had said "←→ set" above a footer's "←→ tune".
func TestArrowsNamedOneWay(t *testing.T) {
	arrows := regexp.MustCompile(`←→ (\pL+)`)
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State = session.Paused
		view := frame(t, s, snap, w, h)
		words := map[string]bool{}
		for _, m := range arrows.FindAllStringSubmatch(view, -1) {
			words[m[1]] = true
		}
		if len(words) != 1 || strings.Count(view, "←→") < 2 {
			t.Errorf("%d wide: ←→ named %v (want one word, in the heading and the footer):\n%s", w, words, view)
		}
	}
}

// TestViewKeyClosesTheHelp: v pressed over the ? page, whose design
// covers the samples panel, closes it and shows the view it turns to. It
// had turned the view behind the help, unseen, the page still open.
func TestViewKeyClosesTheHelp(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.State = session.Paused
	view := frame(t, s, snap, 80, 24, "?", "v")
	if strings.Contains(view, "Design bimodal-1d") || !strings.Contains(view, "Q-Q generated") {
		t.Errorf("v over the help: want the help closed and the Q-Q view:\n%s", view)
	}
}
