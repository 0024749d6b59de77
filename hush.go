package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/ganui/ganui/tui"
)

// hush holds the echo of the terminal ganui reads its keys from off
// while ganui works with no screen to show it on: from its start until
// the trainer takes the terminal, while the session is built and its
// first state kept (on a wide design, most of a second), and from the
// trainer's end until the last line, while the final line's evaluation
// runs (seconds). A key typed then is written nowhere, where the terminal
// had echoed it onto the screen ganui's lines are printed on ("qfinal
// preset=…"); it stays unread in the terminal's input, so that a q typed
// ahead still reaches the trainer and quits it, and what is typed after
// reaches the shell. Lines are still edited and ctrl+c still signals
// (only ECHO goes), so that ctrl+c still gives the final line's wait up.
type hush struct {
	mu    sync.Mutex
	back  func()        // puts the echo back; nil while it is on
	done  chan struct{} // closed by on: stop reading the signals; nil once closed or left
	ended chan struct{} // closed once the signals are no longer read
}

// echoOff takes the echo of the trainer's keys' terminal off and returns
// what puts it back as it was, or ok false where there is no such
// terminal or its echo cannot be taken off. A variable, so that a test
// can see when it is called.
var echoOff = keysEchoOff

// keysEchoOff is echoOff on the terminal the trainer reads keys from
// (tui.KeysTerminal): standard input's, or the controlling terminal's
// where standard input is redirected (ganui < /dev/null), whose echo
// would show a key typed ahead as well. The controlling terminal, opened
// for it, is closed once the echo is back.
func keysEchoOff() (back func(), ok bool) {
	keys, err := tui.KeysTerminal()
	if err != nil {
		return nil, false
	}
	echoBack, ok := ttyEchoOff(keys)
	if keys == os.Stdin {
		return echoBack, ok
	}
	if !ok {
		keys.Close()
		return nil, false
	}
	return func() { echoBack(); keys.Close() }, true
}

// hushKeys takes the echo of the trainer's keys' terminal off (hush).
// Where signals is given (tui.HoldSignals's channel), hushKeys reads it
// until on, for the time before the trainer reads it, as catchStop does
// after: a stopSignal puts the echo back before it ends ganui as it
// would have, and SIGQUIT, whose default is a dump of every goroutine
// and exit 2, puts it back and quits at once, as it does a headless run
// (notifyStop), with quit. A signal read as on is called is put back for
// the trainer, which reads the channel next.
func hushKeys(signals chan os.Signal, quit func(line string)) *hush {
	h := &hush{}
	if back, ok := echoOff(); ok {
		h.back = back
	}
	if signals == nil {
		return h
	}
	done, ended := make(chan struct{}), make(chan struct{})
	h.done, h.ended = done, ended
	go func() {
		defer close(ended)
		select {
		case sig := <-signals:
			if !h.leave() {
				select {
				case signals <- sig: // on has been called: the trainer's, who reads next
				default: // as many waiting as the channel holds: the trainer has enough to quit on
				}
				return
			}
			if sig == syscall.SIGQUIT {
				quit("ganui: SIGQUIT: quitting at once")
				return
			}
			signal.Reset(sig)
			if p, err := os.FindProcess(os.Getpid()); err == nil {
				p.Signal(sig)
			}
		case <-done:
		}
	}()
	return h
}

// leave puts the echo back for a signal that ends ganui, reporting
// false where on has been called already: the signal is the trainer's.
func (h *hush) leave() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done == nil {
		return false
	}
	h.done = nil
	h.echoOn()
	return true
}

// on puts the echo back, if it is off, and stops reading the signals.
func (h *hush) on() {
	h.mu.Lock()
	if h.done != nil {
		close(h.done)
		h.done = nil
	}
	ended := h.ended
	h.echoOn()
	h.mu.Unlock()
	if ended != nil {
		<-ended // a signal read by now is ended with or put back
	}
}

// echoOn puts the echo back, if it is off. The lock is held.
func (h *hush) echoOn() {
	if h.back != nil {
		h.back()
		h.back = nil
	}
}
