//go:build unix

package main

import (
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ganui/ganui/session"
)

// screenWriter is a terminal for a status line: what is written to it,
// each write also sent on writes.
type screenWriter struct {
	b      strings.Builder
	writes chan string
}

func (w *screenWriter) Write(p []byte) (int, error) {
	w.b.Write(p)
	w.writes <- string(p)
	return len(p), nil
}

// TestTallyDrawnAgainOnContinue: a batch stopped as a shell's job and continued
// in the foreground (fg) draws its tally again at once, where the shell has
// left the cursor under its "Stopped" and the command it echoes, not only when
// the next run finishes, minutes on a slow design.
func TestTallyDrawnAgainOnContinue(t *testing.T) {
	screen := &screenWriter{writes: make(chan string, 16)}
	s := &statusLine{term: screen}
	s.Tally()(session.Tally{Done: 3, Total: 30})
	if got := <-screen.writes; got != eraseLine+"ganui: 3 of 30 runs done" {
		t.Fatalf("the tally drawn as %q", got)
	}
	unwatch := watchStops(session.NewClock(time.Now), s.Continued)
	defer unwatch()
	if err := syscall.Kill(os.Getpid(), syscall.SIGCONT); err != nil { // as the shell's fg sends it
		t.Fatal(err)
	}
	select {
	case got := <-screen.writes:
		if got != eraseLine+"ganui: 3 of 30 runs done" {
			t.Errorf("after the continue: %q", got)
		}
	case <-time.After(time.Minute): // a hang guard: the redraw comes at the signal
		t.Fatalf("the tally not drawn again after SIGCONT; the screen: %q", screen.b.String())
	}
}

// TestTallyNotDrawnInTheBackground: a batch that is not the terminal's
// foreground job (continued with bg, or started with &) draws no tally,
// which would land on the shell's prompt and erase what was typed there;
// brought to the foreground, it draws it.
func TestTallyNotDrawnInTheBackground(t *testing.T) {
	screen := &screenWriter{writes: make(chan string, 16)}
	var fg atomic.Bool
	s := &statusLine{term: screen, foreground: fg.Load}
	s.Tally()(session.Tally{Done: 3, Total: 30})
	s.Writer(screen).Write([]byte("final seed=4\n"))
	s.Continued() // bg
	if got := screen.b.String(); got != "final seed=4\n" {
		t.Errorf("in the background the screen has %q, want the line alone", got)
	}
	fg.Store(true)
	s.Continued() // fg
	if got := screen.b.String(); got != "final seed=4\n"+eraseLine+"ganui: 3 of 30 runs done" {
		t.Errorf("in the foreground the screen has %q", got)
	}
	// Put in the background before it is told it was continued (the
	// signal's goroutine not yet run): the prompt under the cursor is
	// not erased for a line, nor at the end.
	screen.b.Reset()
	fg.Store(false)
	s.Writer(screen).Write([]byte("final seed=5\n"))
	s.Clear()
	if got := screen.b.String(); got != "final seed=5\n" {
		t.Errorf("in the background the screen has %q, want the line alone", got)
	}
}
