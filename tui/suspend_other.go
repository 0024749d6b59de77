//go:build !unix

package tui

// noSuspendWhy is why ctrl+z cannot suspend the trainer here.
func noSuspendWhy() string {
	return "ctrl+z: this system has no job control to suspend ganui to: q quits"
}
