// Package command writes the commands ganui's messages tell the user to
// run ("go run . --list-presets lists the presets"), each beginning with
// the command that starts ganui as the user started this one, so that it
// runs as printed in the shell that started it. main sets that command
// once, from os.Args[0], before anything is said; a bare "ganui" at the
// start of each would be, after the README's own "go run .", "command
// not found". A command that trains (Train) keeps --headless too when
// the user gave it.
package command

// program is the command that starts ganui, as SetProgram set it.
var program = "ganui"

// headless is whether the user started ganui with --headless, as
// SetHeadless set it.
var headless bool

// SetProgram makes p the command that starts ganui ("go run .", "./ganui",
// "ganui"), which Line begins with; "" is ganui, a name on the PATH. main
// calls it once, before any message is made; a test that calls it
// restores it when it ends.
func SetProgram(p string) {
	if p == "" {
		p = "ganui"
	}
	program = p
}

// Program is the command that starts ganui as the user started it.
func Program() string { return program }

// Line is the command line that runs ganui with args as the user started
// it: Line("--list-presets") is "go run . --list-presets" after go run .,
// "ganui --list-presets" where the shell found ganui on the PATH.
func Line(args string) string { return program + " " + args }

// SetHeadless records whether the user started ganui with --headless,
// which Train then keeps. main calls it once it has read the flags,
// before any message is made from them; a test that calls it restores
// it when it ends.
func SetHeadless(h bool) { headless = h }

// Train is the command line that trains with args as the user started
// this ganui: Line's, with --headless when the user gave it, so that a
// run a message offers in place of theirs ("go run . --headless --preset
// vanilla trains it from the start", after go run . --headless --resume
// vanilla) trains as theirs would have, not in the trainer, which a
// script, or a shell without a terminal, cannot run. The user's other
// flags are theirs to add: some of them do not go with the run offered
// (--seed with --resume).
func Train(args string) string {
	if headless {
		args = "--headless " + args
	}
	return Line(args)
}
