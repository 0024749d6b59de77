package session

import (
	"sync"
	"time"
)

// runClock is the session's wall clock: the monotonic clock less the
// time the trainer spent suspended as a shell's job (ctrl+z until fg).
// Everything the session times by the wall — the final line's wall_s,
// the header's ep/s and the average speed at the end of the plan, the
// epochs/s of trainEpoch's busy time, the pacing at a limited speed, the
// gaps between snapshots and kept states — reads it, so that a stop
// neither lowers the speeds reported nor counts as time run: the clock
// stands still from Suspending to Continued.
//
// The kernel's clocks cannot tell: CLOCK_MONOTONIC and CLOCK_BOOTTIME
// both run while a process is stopped (only the system's own suspend is
// left out of the first), and a SIGSTOP cannot be caught to note when it
// began. So the front end that suspends the process says so.
//
// It is read by the session's goroutine and set by the front end's, so
// it has a lock of its own.
type runClock struct {
	mu      sync.Mutex
	now     func() time.Time // the wall clock under it: time.Now, or a test's
	stopped time.Duration    // time spent suspended before the current suspend
	since   time.Time        // when the current suspend began; zero when there is none
}

// newRunClock returns a clock over now.
func newRunClock(now func() time.Time) *runClock { return &runClock{now: now} }

// Now is the time on the clock: while suspended, the moment the suspend
// began.
func (c *runClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.since
	if t.IsZero() {
		t = c.now()
	}
	return t.Add(-c.stopped)
}

// Since is the clock's time elapsed since t.
func (c *runClock) Since(t time.Time) time.Duration { return c.Now().Sub(t) }

// suspend stops the clock, if it runs.
func (c *runClock) suspend() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.since.IsZero() {
		c.since = c.now()
	}
}

// resume starts the clock again, if it was stopped, where it stood.
func (c *runClock) resume() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.since.IsZero() {
		c.stopped += c.now().Sub(c.since)
		c.since = time.Time{}
	}
}

// suspended reports whether the clock stands still.
func (c *runClock) suspended() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.since.IsZero()
}

// Suspending tells the session that the process is about to be stopped
// as a shell's job: the run's clock stands still until Continued, so
// that the time it spends stopped counts in no speed and no wall time.
// The session's goroutine goes on until the process stops, and again
// from the continue, unpaced by the clock: the few epochs of those
// moments count as trained in no time. It may be called from any
// goroutine; calling it again before Continued changes nothing.
func (s *Session) Suspending() { s.clock.suspend() }

// Continued tells the session that the process, stopped after
// Suspending, has been continued: its clock runs again from where it
// stood.
func (s *Session) Continued() { s.clock.resume() }

// Suspended reports whether the run's clock stands still: Suspending has
// been called and Continued not since.
func (s *Session) Suspended() bool { return s.clock.suspended() }
