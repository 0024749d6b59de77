package session

import (
	"sync"
	"time"
)

// Clock is the wall clock a run keeps time by: the monotonic clock less
// the time the process spent stopped as a shell's job (ctrl+z until fg,
// a kill -STOP until kill -CONT). Everything the session times by the
// wall — the final line's wall_s, the header's ep/s and the average
// speed at the end of the plan, the epochs/s of trainEpoch's busy time,
// the pacing at a limited speed, the gaps between snapshots and kept
// states — reads it, and so does a batch of runs (RunSeeds, RunSweep),
// its runs sharing its clock, so that a stop neither lowers the speeds
// reported nor counts as time run.
//
// The kernel's clocks cannot tell: CLOCK_MONOTONIC and CLOCK_BOOTTIME
// both run while a process is stopped (only the system's own suspend is
// left out of the first). So the clock is told, in one of two ways:
//
//   - A front end that stops the process itself (the trainer's ctrl+z)
//     calls Suspending before and Continued after: the clock stands
//     still from one to the other, exactly.
//   - A front end that is stopped without a word — a SIGSTOP, which
//     nothing catches, or a SIGTSTP, SIGTTIN or SIGTTOU left to the
//     kernel — watches the clock (Watch, which beats it every BeatEvery)
//     and calls Continued at each SIGCONT. The clock runs at most
//     stallAfter past its last beat; a stop stalls the beats, and the
//     SIGCONT that ends it takes the time from there to the continue out
//     of the clock's, so that all of the stop but its first stallAfter
//     counts as no time. A stall that no continue follows within
//     stallGrace was the process running slow, not stopped: the clock
//     goes on, the stall counted. From the continue until the SIGCONT
//     is told (the few milliseconds its delivery takes) the clock is
//     held where the stall left it, so that no reading then counts the
//     stop: a run of a batch begun and ended within them shows no time
//     (wall_s=0.000, and no rate: epochs_per_s=0.0, Result.Untimed).
//
// Either way the clock never runs backwards. It is read by the sessions'
// goroutines and told by the front end's, so it has a lock of its own.
type Clock struct {
	mu      sync.Mutex
	now     func() time.Time // the wall clock under it: time.Now, or a test's
	stopped time.Duration    // time spent stopped before the current suspend
	since   time.Time        // when the current suspend began (Suspending); zero when there is none
	beat    time.Time        // the last beat that moved the clock's limit on (Watch); zero when the clock is not watched
	ticked  time.Time        // the last beat of any kind
	stalled time.Time        // the beat that found a stall, the continue not come yet; zero when none waits
}

// BeatEvery is how often a watched clock is beaten (Watch).
const BeatEvery = 100 * time.Millisecond

// stallAfter is how far a watched clock runs past its last beat: a beat
// as late as that is taken for a stop, to be confirmed by Continued.
// Beats late by less, as a busy machine makes them, change nothing; one
// later than that holds the clock for up to stallGrace more.
const stallAfter = time.Second

// stallGrace is how long a stall waits for the continue that confirms a
// stop before it is taken for a process that ran slow, and counted.
const stallGrace = time.Second

// NewClock returns a clock over now (time.Now, or a test's).
func NewClock(now func() time.Time) *Clock { return &Clock{now: now} }

// Now is the time on the clock: while suspended, the moment the suspend
// began; while the beats stall, stallAfter past the last.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.since
	if t.IsZero() {
		t = c.capped(c.now())
	}
	return t.Add(-c.stopped)
}

// capped is the wall time t as far as the clock runs: at most stallAfter
// past the last beat of a watched clock.
func (c *Clock) capped(t time.Time) time.Time {
	if lim := c.beat.Add(stallAfter); !c.beat.IsZero() && t.After(lim) {
		return lim
	}
	return t
}

// Since is the clock's time elapsed since t.
func (c *Clock) Since(t time.Time) time.Duration { return c.Now().Sub(t) }

// Suspending tells the clock that the process is about to be stopped as
// a shell's job: it stands still until Continued. Calling it again
// before Continued changes nothing.
func (c *Clock) Suspending() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.since.IsZero() {
		c.since = c.capped(c.now())
	}
}

// Continued tells the clock that the process has been continued (a
// SIGCONT): after Suspending, it runs again from where it stood; on a
// watched clock whose beats have stalled — the process was stopped
// without a word — the time since it stopped running counts as stopped.
// Otherwise (a SIGCONT to a process that was not stopped) it changes
// nothing.
func (c *Clock) Continued() {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	switch lim := c.capped(now); {
	case !c.since.IsZero():
		c.stopped += now.Sub(c.since)
		c.since = time.Time{}
	case lim.Before(now):
		c.stopped += now.Sub(lim)
	}
	if !c.beat.IsZero() {
		c.beat, c.ticked, c.stalled = now, now, time.Time{}
	}
}

// Suspended reports whether the clock stands still: Suspending has been
// called and Continued not since.
func (c *Clock) Suspended() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.since.IsZero()
}

// Watch beats the clock every BeatEvery until unwatch is called, which
// waits for the beats to end; the front end that watches it calls
// Continued at every SIGCONT. Unwatched again, the clock runs free of
// beats: a stall not confirmed by then counts as time run. A clock has
// one watch at a time.
func (c *Clock) Watch() (unwatch func()) {
	ticker := time.NewTicker(BeatEvery)
	done, ended := make(chan struct{}), make(chan struct{})
	c.tick()
	go func() {
		defer close(ended)
		for {
			select {
			case <-ticker.C:
				c.tick()
			case <-done:
				return
			}
		}
	}()
	return func() {
		ticker.Stop()
		close(done)
		<-ended
		c.mu.Lock()
		defer c.mu.Unlock()
		c.beat, c.ticked, c.stalled = time.Time{}, time.Time{}, time.Time{}
	}
}

// tick is a beat of Watch's, which notes that the process runs. A beat
// that comes more than stallAfter after the one before comes after a
// stall — a stop, whose continue should follow, or the process running
// slow —: the clock's limit stays where it was, and waits for Continued
// from then on, also when it was waiting already (the stop may have come
// while it did). A beat stallGrace after that, no continue come, takes
// the stall for the process running slow and moves the limit on, the
// stall counted; a beat on time, no stall waiting, moves it on.
func (c *Clock) tick() {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	late := !c.ticked.IsZero() && now.Sub(c.ticked) > stallAfter
	c.ticked = now
	switch {
	case c.beat.IsZero():
		c.beat = now
	case late:
		c.stalled = now
	case c.stalled.IsZero() || now.Sub(c.stalled) > stallGrace:
		c.beat, c.stalled = now, time.Time{}
	}
}

// withClock returns opts with a clock: its own, or a new one. A batch
// and its runs, copies of opts, keep time by it; so does a run alone
// (New).
func withClock(opts Options) Options {
	if opts.Clock == nil {
		opts.Clock = NewClock(time.Now)
	}
	return opts
}

// Suspending tells the session that the process is about to be stopped
// as a shell's job: the run's clock stands still until Continued, so
// that the time it spends stopped counts in no speed and no wall time.
// The session's goroutine goes on until the process stops, and again
// from the continue, unpaced by the clock: the few epochs of those
// moments count as trained in no time. It may be called from any
// goroutine; calling it again before Continued changes nothing.
func (s *Session) Suspending() { s.clock.Suspending() }

// Continued tells the session that the process, stopped after
// Suspending, has been continued: its clock runs again from where it
// stood.
func (s *Session) Continued() { s.clock.Continued() }

// Suspended reports whether the run's clock stands still: Suspending has
// been called and Continued not since.
func (s *Session) Suspended() bool { return s.clock.Suspended() }
