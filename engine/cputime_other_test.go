//go:build !unix

package engine

// processCPU reports that the process's CPU time is not measured here.
func processCPU() (int64, bool) { return 0, false }

// runQueueWait reports that the threads' waits for a core are not
// measured here.
func runQueueWait() (int64, bool) { return 0, false }
