//go:build !linux

package inputfile

import "os"

// madeByKernel reports whether f is one of the kernel's files that make
// up their contents as they are read: Linux's /proc and /sys only.
func madeByKernel(*os.File) bool { return false }

// onProc reports whether dir is on Linux's /proc, whose descriptor links
// name a pipe by the kernel's words for it: never, elsewhere.
func onProc(string) bool { return false }
