//go:build unix

package outputfile

import (
	"io/fs"
	"syscall"
)

// unlinked reports whether fi, a directory found, has been removed: no
// name leads to it any more. Only the current directory (or a path
// through /proc/self/cwd) is still found once removed, and the system
// says of a file made in it "no such file or directory".
func unlinked(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 0
}
