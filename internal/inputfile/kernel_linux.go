package inputfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// madeByKernel reports whether f is one of the kernel's files, under
// /proc or /sys, which claim to be regular but hold no size and make up
// their contents as they are read.
func madeByKernel(f *os.File) bool {
	var st unix.Statfs_t
	if err := unix.Fstatfs(int(f.Fd()), &st); err != nil {
		return false
	}
	switch st.Type {
	case unix.PROC_SUPER_MAGIC, unix.SYSFS_MAGIC, unix.DEBUGFS_MAGIC, unix.TRACEFS_MAGIC, unix.CGROUP2_SUPER_MAGIC, unix.SECURITYFS_MAGIC:
		return true
	}
	return false
}

// onProc reports whether dir, links followed, is on /proc's file system,
// whose descriptor links (/proc/self/fd/N, /dev/fd/N) name a pipe or a
// socket by the kernel's words for it ("pipe:[1100278]"), not a path.
func onProc(dir string) bool {
	var st unix.Statfs_t
	return unix.Statfs(dir, &st) == nil && st.Type == unix.PROC_SUPER_MAGIC
}
