package engine

import (
	"math/rand/v2"
	"testing"
	"time"
)

// trialSim drives a shareTrial on a simulated clock.
type trialSim struct {
	s       shareTrial
	now     int64 // the clock
	offered int64 // tasks offered so far
	sharing bool  // whether the next epoch is shared
	started bool
}

func newTrialSim() *trialSim { return &trialSim{s: shareTrial{decisions: []bool{}}} }

// run trains until the clock reaches end: each epoch takes
// epoch(now, sharing) ns and offers offer tasks. It returns the share of
// the epochs run with sharing off.
func (t *trialSim) run(end int64, offer int, epoch func(now int64, sharing bool) int64) float64 {
	if !t.started {
		t.started, t.sharing = true, !t.s.mark(t.now, t.offered)
	}
	n, off := 0, 0
	for t.now < end {
		t.now += epoch(t.now, t.sharing)
		t.offered += int64(offer)
		n++
		if !t.sharing {
			off++
		}
		t.sharing = !t.s.mark(t.now, t.offered)
	}
	return float64(off) / float64(max(n, 1))
}

// twoModes returns an epoch function taking on ns with sharing and off
// without.
func twoModes(on, off time.Duration) func(int64, bool) int64 {
	return func(_ int64, sharing bool) int64 {
		if sharing {
			return int64(on)
		}
		return int64(off)
	}
}

const sec = int64(time.Second)

// TestTrialTurnsSharingOff: when epochs shared take longer than epochs
// alone (30 against 23 ms), the first trial, after holdFirst, turns
// sharing off, every later one confirms it, and the epochs run alone
// from then on but for the probes.
func TestTrialTurnsSharingOff(t *testing.T) {
	sim := newTrialSim()
	slow := twoModes(30*time.Millisecond, 23*time.Millisecond)
	sim.run(int64(holdFirst), 10, slow)
	if len(sim.s.decisions) != 0 {
		t.Fatalf("decided %v within holdFirst", sim.s.decisions)
	}
	off := sim.run(sim.now+20*sec, 10, slow)
	if len(sim.s.decisions) < 4 {
		t.Fatalf("%d trials in 20 s", len(sim.s.decisions))
	}
	for i, d := range sim.s.decisions {
		if !d {
			t.Fatalf("trial %d of %v kept sharing on", i, sim.s.decisions)
		}
	}
	if off < 0.97 {
		t.Errorf("sharing off for %.3f of the epochs, want ≥ 0.97", off)
	}
}

// TestTrialKeepsSharing: when sharing pays (16 against 23 ms an epoch),
// every trial keeps it on, the holds grow to holdMax, and the probes cost
// under 2% of the epochs.
func TestTrialKeepsSharing(t *testing.T) {
	sim := newTrialSim()
	off := sim.run(60*sec, 10, twoModes(16*time.Millisecond, 23*time.Millisecond))
	for i, d := range sim.s.decisions {
		if d {
			t.Fatalf("trial %d of %v turned sharing off", i, sim.s.decisions)
		}
	}
	if len(sim.s.decisions) < 10 || sim.s.hold != int64(holdMax) {
		t.Errorf("%d trials in 60 s, hold %v: want the holds to grow to holdMax", len(sim.s.decisions), time.Duration(sim.s.hold))
	}
	if off > 0.02 {
		t.Errorf("sharing off for %.3f of the epochs, want ≤ 0.02", off)
	}
}

// recovers runs sim, whose sharing is off, on epoch until sharing is back
// on for good, and fails if that takes longer than holdMax and a second.
func recovers(t *testing.T, sim *trialSim, epoch func(int64, bool) int64) {
	t.Helper()
	if !sim.s.off {
		t.Fatal("sharing on after 30 s of slower shared epochs")
	}
	recovered := sim.now
	for sim.s.off || sim.s.phase != trialHold {
		sim.run(sim.now+1, 10, epoch)
		if sim.now-recovered > int64(holdMax)+sec {
			t.Fatalf("sharing still off %v after it began to pay", time.Duration(sim.now-recovered))
		}
	}
}

// TestTrialFollowsTheMachine: sharing goes off while it does not pay and
// comes back on within holdMax and a trial of the machine's recovering.
func TestTrialFollowsTheMachine(t *testing.T) {
	sim := newTrialSim()
	sim.run(30*sec, 10, twoModes(30*time.Millisecond, 23*time.Millisecond))
	recovers(t, sim, twoModes(16*time.Millisecond, 23*time.Millisecond))
}

// TestTrialWarmsUp: the first epoch after sharing comes back on is slow
// (the helper's caches are cold: 40 ms here, against 16 after it and 23
// alone), and is not held against sharing: it comes back within the
// longest hold of the machine's recovering.
func TestTrialWarmsUp(t *testing.T) {
	sim := newTrialSim()
	sim.run(30*sec, 10, twoModes(30*time.Millisecond, 23*time.Millisecond))
	was := false
	recovers(t, sim, func(_ int64, sharing bool) int64 {
		first := sharing && !was
		was = sharing
		switch {
		case first:
			return int64(40 * time.Millisecond)
		case sharing:
			return int64(16 * time.Millisecond)
		}
		return int64(23 * time.Millisecond)
	})
}

// TestTrialLeavesSmallDesignsAlone: with no task large enough to share,
// sharing is never turned off, not even for a probe.
func TestTrialLeavesSmallDesignsAlone(t *testing.T) {
	sim := newTrialSim()
	off := sim.run(30*sec, 0, twoModes(30*time.Millisecond, 10*time.Millisecond))
	if off != 0 || len(sim.s.decisions) != 0 {
		t.Fatalf("sharing off for %.3f of the epochs, %d trials, with nothing to share", off, len(sim.s.decisions))
	}
}

// TestTrialIgnoresNoise: epochs that take as long shared as alone, up to
// 5% either way at random, keep sharing on: a probe must win by
// trialMargin.
func TestTrialIgnoresNoise(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sim := newTrialSim()
	sim.run(120*sec, 10, func(int64, bool) int64 {
		return int64(float64(16*time.Millisecond) * (0.95 + 0.1*rng.Float64()))
	})
	for i, d := range sim.s.decisions {
		if d {
			t.Fatalf("trial %d of %v turned sharing off", i, sim.s.decisions)
		}
	}
	if len(sim.s.decisions) < 20 {
		t.Fatalf("%d trials in 120 s", len(sim.s.decisions))
	}
}

// TestTrialIgnoresTrends: a run that speeds up or slows down as it goes,
// the same shared or not, keeps sharing on: the probe is compared with
// the windows on both sides of it, not with the one before alone.
func TestTrialIgnoresTrends(t *testing.T) {
	for _, trend := range []struct {
		name string
		at   func(now int64) time.Duration
	}{
		{"faster", func(now int64) time.Duration { return time.Duration(40e6 * sec / (sec + now/2)) }},
		{"slower", func(now int64) time.Duration { return time.Duration(10e6 * (sec + now/2) / sec) }},
	} {
		sim := newTrialSim()
		sim.run(40*sec, 10, func(now int64, _ bool) int64 { return int64(trend.at(now)) })
		for i, d := range sim.s.decisions {
			if d {
				t.Errorf("%s: trial %d of %v turned sharing off", trend.name, i, sim.s.decisions)
				break
			}
		}
		if len(sim.s.decisions) == 0 {
			t.Errorf("%s: no trial in 40 s", trend.name)
		}
	}
}

// TestTrialOutlastsPauses: a pause (the trainer paused, or stepped an
// epoch at a time) in any window of a trial, while sharing pays, leaves
// it on: the probe must beat the windows on both sides.
func TestTrialOutlastsPauses(t *testing.T) {
	modes := twoModes(16*time.Millisecond, 23*time.Millisecond)
	for _, in := range []int{trialHold, trialProbe, trialConfirm} {
		sim := newTrialSim()
		sim.run(int64(holdFirst), 10, modes)
		paused := false
		sim.run(sim.now+20*sec, 10, func(now int64, sharing bool) int64 {
			if sim.s.phase == in && now >= sim.s.holdUntil && !paused {
				paused = true
				return 5 * sec
			}
			return modes(now, sharing)
		})
		if !paused {
			t.Fatalf("phase %d: no pause", in)
		}
		for i, d := range sim.s.decisions {
			if d {
				t.Fatalf("pause in phase %d: trial %d of %v turned sharing off", in, i, sim.s.decisions)
			}
		}
	}
}
