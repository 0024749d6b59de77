//go:build race

package main

import "time"

// raceEnabled: the tests run under the race detector, which slows a
// training loop five- to tenfold; a test that trains thousands of epochs
// only to compare their printed lines leaves that to the runs without it
// (.ci/run runs it there).
const raceEnabled = true

// hangGuard is how long a test waits on a child process's line, screen,
// stop or exit, or on a run of its own (runEnds, which logs and waits
// on), before it takes it for hung: the race detector's slower training
// on a loaded machine takes minutes where the tests without it take
// seconds, and a guard is for a hang only, never for speed.
const hangGuard = 10 * time.Minute
