package engine

import (
	"sync"
	"sync/atomic"
	"time"
)

// Whether sharing pays is also judged by what it is for: epochs done per
// wall second. On the 2-core development machine, for seconds to minutes
// at a time, the two cores pass data between them six times slower than
// otherwise (a cache line there and back in 335–375 ns against 55–80),
// as if the host had put them on different core complexes; a process
// sharing its products then ran an epoch of width 512 with 100 rows in
// 29–34 ms, against 22–23 ms on one core and 16 ms shared otherwise. The
// products themselves do not slow, but the caller's work on the data the
// helper last wrote (Adam's pass, the activations) takes two to three
// times as long, so no single task shows it and the per-task judge above
// sees nothing. bench/README.md, section 0, step 16.
//
// So every run's TrainEpoch marks the end of an epoch (markEpoch), and a
// trial compares whole epochs: after sharing has been on for holdFirst it
// times a window of epochs with sharing on (A), one with it off (B) and
// one on again (C), each at least trialWindow long and, after a switch,
// starting an epoch late; it turns sharing off if B's epochs took less
// than (1 − trialMargin) of the faster of A's and C's.
// Comparing the probe with the windows on both sides of it keeps a run
// that speeds up or slows down as it goes (dead units, the first epoch's
// page faults) from looking like a difference. The decision holds for a
// while, and then the trial runs again the other way round (off, on,
// off): the hold doubles each time the trial confirms the decision, up to
// holdMax, and goes back to holdFirst when it changes it. A probe costs
// one window of the slower mode, at most some 2% of a run's time.
//
// Epochs of every run in the process count together, and a window with
// sharing on is timed as it is, backing off included: the trial weighs
// sharing as the process does it against not sharing. A window in which
// no task was large enough to share (offered) ends the trial without a
// decision, so a design too small to share is never probed. A pause (the
// trainer paused, stepped an epoch at a time, or stopped as a shell's
// job: the trial's clock, unlike the session's, runs on while the process
// is stopped) lengthens the window it falls in, which can only keep the
// decision as it is: the probe must beat the windows on both sides, and a
// hold that ran out meanwhile only starts the next trial sooner. Runs shorter than holdFirst are never
// probed.
const (
	holdFirst   = time.Second
	holdMax     = 4 * time.Second
	trialWindow = 50 * time.Millisecond
	trialMargin = 0.1
)

var (
	trialOff atomic.Bool  // the trial has turned sharing off
	offered  atomic.Int64 // tasks large enough to share, shared or not
)

// The phases of a trial.
const (
	trialHold    = iota // the decision holds until holdUntil; windows time mode X
	trialProbe          // a window with the other mode (B)
	trialConfirm        // a window with mode X again (C)
)

// shareTrial is the trial's state, fed by markEpoch.
type shareTrial struct {
	off       bool  // the decision, mode X: sharing off
	phase     int   // trialHold, trialProbe or trialConfirm
	started   bool  // an epoch has been marked
	warming   bool  // the mode changed at the last mark: the next epoch is not timed
	hold      int64 // the current hold, ns
	holdUntil int64 // the clock when the hold ends

	winStart      int64   // the clock at the mark that opened the window
	winEpochs     int     // epochs marked since
	winOffered    int64   // offered when the window opened
	before, probe float64 // ns an epoch in window A and in window B

	decisions []bool // tests: every decision, in order (nil: not kept)
}

// sharing reports whether tasks may be shared in the trial's current
// window: mode X, or the other in a probe.
func (s *shareTrial) sharing() bool { return s.off == (s.phase == trialProbe) }

// mark records the end of an epoch at clock now, offered tasks having
// been offered for sharing so far, and returns whether sharing is to be
// off from now on.
func (s *shareTrial) mark(now, offered int64) bool {
	if !s.started {
		s.started, s.hold = true, int64(holdFirst)
		s.holdUntil = now + s.hold
		s.open(now, offered)
		return !s.sharing()
	}
	if s.warming {
		// The first epoch after a switch is not timed: a helper that has
		// been parked starts with cold caches (probes with sharing on,
		// after seconds without, timed from the switch: 14–15 ms an epoch
		// against 11–12 for windows shared all along).
		s.warming = false
		s.open(now, offered)
		return !s.sharing()
	}
	s.winEpochs++
	if now-s.winStart < int64(trialWindow) {
		return !s.sharing()
	}
	perEpoch := float64(now-s.winStart) / float64(s.winEpochs)
	was := s.sharing()
	switch {
	case offered == s.winOffered:
		// Nothing to share, nothing to judge: sharing stays on.
		s.off, s.phase = false, trialHold
		s.holdUntil = now + s.hold
	case s.phase == trialHold:
		if now >= s.holdUntil {
			s.before, s.phase = perEpoch, trialProbe
		}
	case s.phase == trialProbe:
		s.probe, s.phase = perEpoch, trialConfirm
	case s.phase == trialConfirm:
		if s.probe < (1-trialMargin)*min(s.before, perEpoch) {
			s.off, s.hold = !s.off, int64(holdFirst)
		} else {
			s.hold = min(2*s.hold, int64(holdMax))
		}
		if s.decisions != nil {
			s.decisions = append(s.decisions, s.off)
		}
		s.phase, s.holdUntil = trialHold, now+s.hold
	}
	s.warming = s.sharing() != was
	s.open(now, offered)
	return !s.sharing()
}

// open starts a window at the mark at clock now.
func (s *shareTrial) open(now, offered int64) {
	s.winStart, s.winEpochs, s.winOffered = now, 0, offered
}

var (
	trialMu sync.Mutex
	trial   shareTrial
)

// markEpoch tells the trial that a run finished an epoch. Until a task
// has been offered for sharing (a process training only small designs)
// it does nothing, not even read the clock.
func markEpoch() {
	if productWorkers.Load() == 0 || offered.Load() == 0 {
		return
	}
	trialMu.Lock()
	trialOff.Store(trial.mark(clock(), offered.Load()))
	trialMu.Unlock()
}
