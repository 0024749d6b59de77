//go:build !unix

package main

import "os"

// foregroundOf is nil where no process is a shell's background job: the
// status line is always drawn.
func foregroundOf(*os.File) func() bool { return nil }
