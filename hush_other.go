//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

import "os"

// ttyEchoOff leaves the echo of f on where ganui knows no terminal
// modes (keysEchoOff).
func ttyEchoOff(*os.File) (back func(), ok bool) { return nil, false }
