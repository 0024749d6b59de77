package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"
)

// statusLine keeps a batch's tally (session.Tally) on the last line of a
// terminal while --seeds or --sweep trains, so that a batch whose lines
// come a minute apart (a sweep prints a cell's row when all its seeds are
// done) is seen to be working and how far it has got. The line is
// redrawn in place on stderr. stdout's lines go through Writer, which
// takes the line away first and puts it back after, so that it never
// mixes with them. A message on stderr while a batch trains says that it
// is stopping (a signal, a reader gone) or quitting at once: it takes
// the line away for good, so that no stale tally is left under it or
// before the shell's prompt. Only a terminal shows the line: stderr to a
// file or a pipe gets none, as a log wants none (newStatusLine).
//
// Stopped as a shell's job (ctrl+z) and continued, the batch draws the
// line again at once (Continued), where the shell's fg has left the
// cursor, and only while it is the terminal's foreground job: else the
// line would stay away until the next run finished, minutes on a slow
// design, and a job continued with bg, drawing its line on the shell's
// prompt, would erase what was typed there. The line as it was at the
// stop stays above the shell's "Stopped", the tty's ^Z after it: ganui
// cannot take it away first without catching SIGTSTP, which Go's
// runtime then never again lets stop the process (watchStops).
type statusLine struct {
	mu    sync.Mutex
	term  io.Writer // stderr, a terminal
	text  string    // the tally's line, "" for none
	drawn bool      // text is on the terminal (not erased for a line of stdout)
	ended bool      // taken away for good
	// foreground reports whether the process is the terminal's
	// foreground job, which alone draws the line; nil: always.
	foreground func() bool
}

// newStatusLine returns the status line for stderr, or nil when stderr
// is not a terminal that can redraw a line (TERM=dumb cannot erase one),
// or stdout is a pipe: its reader (| tee, | head) may write the lines to
// the same terminal, where they would land on the tally, which ganui
// cannot take away first.
func newStatusLine(stdout, stderr io.Writer) *statusLine {
	if c, ok := stdout.(*checkedWriter); ok {
		stdout = c.w
	}
	errf, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(errf.Fd()) || os.Getenv("TERM") == "dumb" {
		return nil
	}
	outf, ok := stdout.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := outf.Stat(); err != nil || fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0 {
		return nil
	}
	return &statusLine{term: stderr, foreground: foregroundOf(errf)}
}

// batchStatus returns the status line of a batch on stderr (nil where
// newStatusLine gives none) and stderr, each message on which takes the
// line away for good.
func batchStatus(stdout, stderr io.Writer) (*statusLine, io.Writer) {
	s := newStatusLine(stdout, stderr)
	if s == nil {
		return nil, stderr
	}
	return s, endingWriter{s}
}

// eraseLine returns the cursor to the start of its line and erases it.
const eraseLine = "\r\x1b[K"

// Tally returns what shows a batch's tally on the line (nil for no line),
// for session.RunSeeds and session.RunSweep.
func (s *statusLine) Tally() func(session.Tally) {
	if s == nil {
		return nil
	}
	return s.show
}

// show puts c on the line: "ganui: 7 of 60 runs done, 1 diverged".
func (s *statusLine) show(c session.Tally) {
	text := fmt.Sprintf("ganui: %s of %s done", numtext.FormatInt(c.Done), numtext.Count(c.Total, "run"))
	if c.Diverged > 0 {
		text += fmt.Sprintf(", %s diverged", numtext.FormatInt(c.Diverged))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.ended {
		s.text = text
		s.draw()
	}
}

// draw puts the tally's text on the terminal's line, where the cursor
// is, when the process is the terminal's foreground job; in the
// background nothing of the batch's is where the cursor is (the shell's
// prompt may be), so nothing there is the line's to erase. The lock is
// held.
func (s *statusLine) draw() {
	if s.foreground != nil && !s.foreground() {
		s.drawn = false
		return
	}
	if s.text != "" {
		io.WriteString(s.term, eraseLine+s.text)
		s.drawn = true
	}
}

// Continued draws the line again after the process was stopped as a
// shell's job and continued (watchStops): the line drawn before the stop
// is above the shell's lines now, no longer where the cursor is.
func (s *statusLine) Continued() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drawn = false
	s.draw()
}

// Clear takes the line away for good.
func (s *statusLine) Clear() {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clear()
}

func (s *statusLine) clear() {
	s.erase()
	s.text, s.ended = "", true
}

// erase takes the line off the terminal where it is drawn, and the
// process still the foreground job: once in the background, the line
// under the cursor may be the shell's prompt. The lock is held.
func (s *statusLine) erase() {
	if s.drawn && (s.foreground == nil || s.foreground()) {
		io.WriteString(s.term, eraseLine)
	}
	s.drawn = false
}

// Writer returns w (stdout) writing with the line taken away: each write
// of whole lines erases the line first and draws it again after. With no
// line it is w.
func (s *statusLine) Writer(w io.Writer) io.Writer {
	if s == nil {
		return w
	}
	return statusWriter{s, w}
}

type statusWriter struct {
	s *statusLine
	w io.Writer
}

// Write writes p to w without the lock held: a write to stdout that
// fails says so on stderr (stopOnDeadOutput), which takes the lock.
func (w statusWriter) Write(p []byte) (int, error) {
	w.s.mu.Lock()
	w.s.erase()
	w.s.mu.Unlock()
	n, err := w.w.Write(p)
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	w.s.draw() // unless taken away for good meanwhile
	return n, err
}

// endingWriter is stderr's messages, each of which takes the line away
// for good (statusLine).
type endingWriter struct{ s *statusLine }

func (w endingWriter) Write(p []byte) (int, error) {
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	w.s.clear()
	return w.s.term.Write(p)
}
