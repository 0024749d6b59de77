//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package tui

import "os"

// typedAhead reports no keys typed ahead where ganui knows no terminal
// modes to count them in: the terminal is asked its background as
// termenv asks it.
func typedAhead(*os.File) bool { return false }
