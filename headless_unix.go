//go:build unix

package main

import (
	"os"
	"syscall"
)

// sigCont is the signal that continues a stopped process (watchStops).
var sigCont os.Signal = syscall.SIGCONT
