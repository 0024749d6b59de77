//go:build !(linux || darwin || dragonfly || freebsd || netbsd || openbsd)

package main

import "os"

// ttyEchoOff is echoOff where ganui knows no terminal modes: the echo
// stays.
func ttyEchoOff(*os.File) (back func(), ok bool) { return nil, false }
