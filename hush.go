package main

import (
	"os"
	"os/signal"
	"sync"

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
	mu   sync.Mutex
	back func() // puts the echo back; nil while it is on
	sigs chan os.Signal
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
// Where catch is set, a stopSignal that comes meanwhile puts the echo
// back before it ends ganui as it would have, until on: for the time
// before the trainer holds those signals, as catchStop does after it.
func hushKeys(catch bool) *hush {
	h := &hush{}
	back, ok := echoOff()
	if !ok {
		return h
	}
	h.back = back
	if catch {
		sigs := make(chan os.Signal, 1)
		h.sigs = sigs
		signal.Notify(sigs, stopSignals()...)
		go func() {
			if sig, ok := <-sigs; ok && h.on() {
				signal.Reset(sig)
				if p, err := os.FindProcess(os.Getpid()); err == nil {
					p.Signal(sig)
				}
			}
		}()
	}
	return h
}

// on puts the echo back, if it is off, and lets the signals go, reporting
// whether it was off.
func (h *hush) on() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.sigs != nil {
		signal.Stop(h.sigs)
		close(h.sigs)
		h.sigs = nil
	}
	if h.back == nil {
		return false
	}
	h.back()
	h.back = nil
	return true
}
