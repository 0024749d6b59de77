//go:build linux

package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
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

// TestTallyShownAfterTheNotesBefore: the notes a batch says before its
// first run trains, a sweep's cells (sweepPlan) and a --plot file it is to
// replace (sayReplacedPlot), leave the tally to be drawn, where they took
// it away for good as a stop's message does: every sweep on a terminal,
// and a --seeds batch drawing over an earlier figure, trained with no
// tally, minutes without a sign of how far it had got.
func TestTallyShownAfterTheNotesBefore(t *testing.T) {
	t.Setenv("TERM", "xterm")
	t.Chdir(t.TempDir())
	seedsPlot := []string{"--headless", "--preset", "vanilla", "--epochs", "2", "--seeds", "1-2", "--jobs", "1", "--plot", "seeds.png"}
	if code, _, stderr := runCLI(t, seedsPlot...); code != 0 { // the figure the batch below replaces, and says it does
		t.Fatalf("the first batch: exit %d, %s", code, stderr)
	}
	for _, args := range [][]string{
		{"--headless", "--preset", "vanilla", "--epochs", "2", "--sweep", "d_lr=1e-3,2e-3", "--jobs", "1"},
		seedsPlot,
	} {
		master, tty, err := openPTY(80, 24)
		if err != nil {
			t.Skipf("no pseudo-terminal: %v", err)
		}
		screen := make(chan []byte)
		go func() {
			b, _ := io.ReadAll(master) // to EIO once the terminal's other end is closed
			screen <- b
		}()
		code := run(args, tty, tty)
		tty.Close()
		got := string(<-screen)
		master.Close()
		if code != 0 || !strings.Contains(got, "ganui: note:") && !strings.Contains(got, "ganui: sweep of") {
			t.Fatalf("%q: exit %d, terminal %q; want exit 0 and the note before training", args, code, got)
		}
		if !strings.Contains(got, "runs done") {
			t.Errorf("%q: terminal %q; want the tally, ganui: N of M runs done", args, got)
		}
	}
}
