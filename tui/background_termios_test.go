//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package tui

import (
	"os"
	"testing"
	"time"
)

// TestReadAnswerKeepsWhatCameBeforeTheWait: where the wait ends partway
// through the terminal's answer, readAnswer gives what it read of it, so
// that askBackground can tell the trainer to drop the rest
// (backgroundBegun), where those bytes had been lost with the wait; a
// whole answer is read to its end, in time.
func TestReadAnswerKeepsWhatCameBeforeTheWait(t *testing.T) {
	for _, c := range []struct {
		sent string
		late bool
	}{
		{"\x1b]11;rgb:ff", true},
		{"", true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false},
	} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteString(c.sent); err != nil {
			t.Fatal(err)
		}
		answer, late := readAnswer(r, 50*time.Millisecond)
		r.Close()
		w.Close()
		if string(answer) != c.sent || late != c.late {
			t.Errorf("%q sent: read %q, late %v; want %q, %v", c.sent, answer, late, c.sent, c.late)
		}
	}
}
