//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package tui

import (
	"os"
	"time"
)

// askBackground does not ask where ganui knows no terminal modes to ask
// in, as termenv does not: the background is then COLORFGBG's, or dark.
func askBackground(*os.File, time.Duration) (dark, ok bool) { return false, false }
