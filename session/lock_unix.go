//go:build unix

package session

import (
	"os"
	"syscall"
)

// lockFile takes f's advisory lock for writing, or fails at once when
// another process holds it: two runs writing one --log would interleave
// their rows in a file the later one had emptied.
func lockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}
