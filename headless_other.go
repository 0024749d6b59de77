//go:build !unix

package main

import "os"

// sigCont is the signal that continues a stopped process: none here,
// where no process is stopped as a shell's job (watchStops).
var sigCont os.Signal
