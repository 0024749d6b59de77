// Package command writes the commands ganui's messages tell the user to
// run ("go run . --list-presets lists the presets"), each beginning with
// the command that starts ganui as the user started this one, so that it
// runs as printed in the shell that started it. main sets that command
// once, from os.Args[0], before anything is said; a bare "ganui" at the
// start of each would be, after the README's own "go run .", "command
// not found".
package command

// program is the command that starts ganui, as SetProgram set it.
var program = "ganui"

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
