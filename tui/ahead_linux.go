package tui

import "golang.org/x/sys/unix"

// fionread is the ioctl that counts the bytes waiting to be read on a
// terminal (typedAhead): TIOCINQ, which is FIONREAD.
const fionread = unix.TIOCINQ
