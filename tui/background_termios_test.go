//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package tui

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestReadAnswerKeepsWhatCameBeforeTheWait: where the wait ends partway
// through the terminal's answer, readAnswer gives what it read of it, so
// that askBackground can tell the trainer to drop the rest
// (backgroundBegun), where those bytes had been lost with the wait; a
// whole answer is read to its end, in time, and a read that ended it
// filling the buffer is read on through what has come already, so that
// a key's sequence is not cut there.
func TestReadAnswerKeepsWhatCameBeforeTheWait(t *testing.T) {
	for _, c := range []struct {
		sent string
		late bool
	}{
		{"\x1b]11;rgb:ff", true},
		{"", true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false},
		// The answer ends in a read that fills the buffer, 64 bytes, and
		// cuts the left arrow typed after it: its ESC read, "[D" the
		// trainer's, a key D.
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;40R" + strings.Repeat("n", 30) + "\x1b[D", false},
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
