//go:build unix

package engine

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// processCPU returns the CPU time the process has used, user and system,
// in nanoseconds.
func processCPU() (int64, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return ru.Utime.Nano() + ru.Stime.Nano(), true
}

// runQueueWait returns how long the process's threads have waited,
// runnable, for a core, in nanoseconds (the second field of each
// thread's /proc schedstat; Linux), and whether it could tell. Process
// CPU time alone misses a thread kept off its core while the runtime's
// other threads (the race detector's, the collector's) ran.
func runQueueWait() (int64, bool) {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return 0, false
	}
	var sum int64
	for _, task := range tasks {
		data, err := os.ReadFile("/proc/self/task/" + task.Name() + "/schedstat")
		if err != nil {
			continue // the thread has ended
		}
		fields := strings.Fields(string(data))
		if len(fields) < 2 {
			return 0, false
		}
		wait, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			return 0, false
		}
		sum += wait
	}
	return sum, true
}
