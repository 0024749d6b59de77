//go:build darwin || dragonfly || freebsd || netbsd || openbsd

package tui

import "golang.org/x/sys/unix"

// fionread is the ioctl that counts the bytes waiting to be read on a
// terminal (typedAhead): FIONREAD, _IOR('f', 127, int) in each of these
// systems' sys/filio.h, which golang.org/x/sys/unix does not name there.
// Were it wrong, the ioctl would fail and the terminal be asked, as
// where nothing is typed ahead.
const fionread = 0x4004667f

// The ioctls that read and set a terminal's termios (askBackground), at
// once: the input typed ahead is kept.
const (
	getTermios = unix.TIOCGETA
	setTermios = unix.TIOCSETA
)
