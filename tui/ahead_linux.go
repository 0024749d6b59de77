package tui

import "golang.org/x/sys/unix"

// fionread is the ioctl that counts the bytes waiting to be read on a
// terminal (typedAhead): TIOCINQ, which is FIONREAD.
const fionread = unix.TIOCINQ

// The ioctls that read and set a terminal's termios (askBackground), at
// once: the input typed ahead is kept.
const (
	getTermios = unix.TCGETS
	setTermios = unix.TCSETS
)
