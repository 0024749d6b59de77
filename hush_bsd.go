//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package main

import "golang.org/x/sys/unix"

// The ioctls that read and set a terminal's termios, at once: the input
// typed ahead is kept.
const (
	getTermios = unix.TIOCGETA
	setTermios = unix.TIOCSETA
)
