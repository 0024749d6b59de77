// Package quietinit keeps the terminal unasked while ganui's packages are
// initialized, before main runs. bubbletea (v1) asks the terminal on
// standard output its background colour in its init (tea_init.go, through
// lipgloss and termenv: OSC 11, then the cursor's position, CSI 6n), for
// every ganui command, and termenv waits up to five seconds
// (termenv.OSCTimeout) for an answer: on a terminal that answers nothing
// (a pseudo-terminal held by a program that does not play a terminal's
// part, as expect and some CI runners hold one) ganui --version took five
// seconds, and the trainer's first screen as long; keys typed meanwhile
// were read with the answer and dropped. termenv asks nothing of a
// terminal whose TERM is dumb: quietinit's init sets TERM so before
// termenv is initialized, and Restore, which tui's init calls once
// bubbletea's has run, puts it back as it was. The trainer asks the
// background itself (tui.AskTerminal), and waits a moment only.
//
// The order is the language's: packages are initialized one at a time,
// each time the first by import path of those whose imports all are (Go
// 1.21 and later). quietinit imports os alone, which termenv imports too,
// and its path sorts before termenv's (github.com/ganui before
// github.com/muesli): it is initialized before termenv, and so before
// lipgloss and bubbletea, which import termenv.
package quietinit

import "os"

// term is TERM as ganui was started with it, had false where it was not
// set; restored is set once Restore has put it back.
var (
	term, had = os.LookupEnv("TERM")
	restored  bool
)

func init() { os.Setenv("TERM", "dumb") }

// Restore puts TERM back as ganui was started with it, once: the
// packages that asked the terminal at their init have been initialized.
func Restore() {
	if restored {
		return
	}
	restored = true
	if had {
		os.Setenv("TERM", term)
	} else {
		os.Unsetenv("TERM")
	}
}
