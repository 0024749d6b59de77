package main

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ganui/ganui/session"
)

// TestStatusLine: the tally of a batch stays on the terminal's last
// line, taken away before each of stdout's lines and drawn again after
// it, so that it never mixes with them; a message on stderr (a stop, a
// second signal's quitting at once) takes it away for good, leaving no
// stale tally under the message or before the shell's prompt.
func TestStatusLine(t *testing.T) {
	var screen strings.Builder // stdout and stderr on one terminal
	s := &statusLine{term: &screen}
	stderr := endingWriter{s}
	show := s.Tally()
	show(session.Tally{Total: 20})
	s.Writer(&screen).Write([]byte("final seed=1\n"))
	show(session.Tally{Done: 1, Diverged: 1, Total: 20})
	stderr.Write([]byte("ganui: stopping\n"))
	s.Writer(&screen).Write([]byte("final seed=2 state=interrupted\n"))
	show(session.Tally{Done: 2, Total: 20}) // a run done as the stop came
	s.Clear()
	want := "\r\x1b[Kganui: 0 of 20 runs done" +
		"\r\x1b[Kfinal seed=1\n\r\x1b[Kganui: 0 of 20 runs done" +
		"\r\x1b[Kganui: 1 of 20 runs done, 1 diverged" +
		"\r\x1b[Kganui: stopping\n" +
		"final seed=2 state=interrupted\n"
	if screen.String() != want {
		t.Errorf("screen %q\nwant   %q", screen.String(), want)
	}
}

// TestStatusLineOfOneRun: a batch of one run (--seeds 1) counts it as one, "0
// of 1 run done", not "0 of 1 runs done".
func TestStatusLineOfOneRun(t *testing.T) {
	var screen strings.Builder
	s := &statusLine{term: &screen}
	s.show(session.Tally{Total: 1})
	if want := "\r\x1b[Kganui: 0 of 1 run done"; screen.String() != want {
		t.Errorf("screen %q\nwant   %q", screen.String(), want)
	}
}

// TestStatusLineOutputGone: a write to stdout that fails (a reader gone)
// says so on stderr, under the status line's lock's other side: the batch
// stops with the message said and the line taken away for good (the
// writer held the lock over stdout's write, and the message waited on it
// for ever).
func TestStatusLineOutputGone(t *testing.T) {
	var screen strings.Builder
	s := &statusLine{term: &screen}
	out := &checkedWriter{w: goneWriter{}}
	ctx, release := stopOnDeadOutput(context.Background(), out, endingWriter{s}, "")
	defer release()
	s.show(session.Tally{Total: 3})
	if _, err := s.Writer(out).Write([]byte("final seed=1\n")); err == nil {
		t.Fatal("a write to a reader gone passed")
	}
	if ctx.Err() == nil {
		t.Error("the batch was not told to stop")
	}
	want := "\r\x1b[Kganui: 0 of 3 runs done\r\x1b[Kganui: writing the output: gone; stopping after the current epoch\n"
	if screen.String() != want {
		t.Errorf("screen %q\nwant   %q", screen.String(), want)
	}
}

type goneWriter struct{}

func (goneWriter) Write([]byte) (int, error) { return 0, errors.New("gone") }

// TestNoStatusLineOffATerminal: with no terminal there is no line, and
// the batch's writers and tally are as they would be without one.
func TestNoStatusLineOffATerminal(t *testing.T) {
	var b strings.Builder
	s, stderr := batchStatus(&b, &b)
	if s != nil || stderr != io.Writer(&b) || s.Writer(&b) != io.Writer(&b) || s.Tally() != nil {
		t.Errorf("no terminal: line %v, stderr %T", s, stderr)
	}
	s.Clear() // no line: nothing to do, and no panic
}
