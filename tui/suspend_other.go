//go:build !unix

package tui

import "os"

// sigStop is the signal that asks a process to stop as a shell's job:
// none here.
var sigStop os.Signal

// sigCont is the signal that continues a stopped process: none here.
var sigCont os.Signal

// stopProcessGroup is never called here: sigStop is nil.
func stopProcessGroup() {}

// noSuspendWhy is why ctrl+z cannot suspend the trainer here.
func noSuspendWhy() string {
	return "ctrl+z: this system has no job control to suspend ganui to: q quits"
}
