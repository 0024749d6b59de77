//go:build linux

package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestStatusLineWhere: the tally is drawn with stderr a terminal and
// stdout that terminal or a file, not with stdout a pipe, whose reader
// (| tee, | head) may write the lines onto the tally where ganui cannot
// take it away first ("ganui: 1 of 8 runs donefinal preset=…"),
// nor on a terminal that cannot erase a line.
func TestStatusLineWhere(t *testing.T) {
	master, tty, err := openPTY(80, 24)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	r, pipe, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer pipe.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	t.Setenv("TERM", "xterm")
	for _, c := range []struct {
		name           string
		stdout, stderr *os.File
		want           bool
	}{
		{"stdout the terminal", tty, tty, true},
		{"stdout a file", file, tty, true},
		{"stdout a pipe", pipe, tty, false},
		{"stderr a file", tty, file, false},
		{"stderr a pipe", tty, pipe, false},
	} {
		if got := newStatusLine(&checkedWriter{w: c.stdout}, c.stderr) != nil; got != c.want {
			t.Errorf("%s: a status line %v, want %v", c.name, got, c.want)
		}
	}
	t.Setenv("TERM", "dumb")
	if newStatusLine(tty, tty) != nil {
		t.Error("TERM=dumb: a status line")
	}
}
