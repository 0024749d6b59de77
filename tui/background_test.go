package tui

import "testing"

// TestBackgroundAnswer: the terminal's answer to askBackground is read
// once the cursor's position has come, the colour before it in either
// ending and in as many hex digits as terminals give.
func TestBackgroundAnswer(t *testing.T) {
	for _, c := range []struct {
		answer         string
		dark, ok, done bool
	}{
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false, true, true},
		{"\x1b]11;rgb:0000/0000/0000\x07\x1b[24;80R", true, true, true},
		{"\x1b]11;rgb:2e/34/36\x1b\\\x1b[3;1R", true, true, true},
		{"\x1b]11;rgb:fdf6/e3e3/e3e3\x1b\\\x1b[3;1R", false, true, true},
		{"\x1b[1;1R", false, false, true}, // the position alone: screen, a terminal that does not know OSC 11
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\", false, false, false},
		{"\x1b]11;rgb:ffff/ff", false, false, false},
	} {
		dark, ok, done := backgroundAnswer([]byte(c.answer))
		if dark != c.dark || ok != c.ok || done != c.done {
			t.Errorf("%q: dark %v, ok %v, done %v; want %v, %v, %v", c.answer, dark, ok, done, c.dark, c.ok, c.done)
		}
	}
}
