package session

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// TestCheckGivesUpItsCurvesOnStop: q, come once a check's samples are
// measured, as the keyframe's D and G curves are about to be drawn (the
// clock read after the measure closes the quit), gives the check up,
// nothing of it recorded, as q during the measure does; the check drew
// the curves, 400 bins of D and 200 noise values through G, passes
// through a wide design's nets q waited for, and recorded the check.
// Not stopped, the check is recorded with its curves.
func TestCheckGivesUpItsCurvesOnStop(t *testing.T) {
	for _, stop := range []bool{false, true} {
		s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
		if err != nil {
			t.Fatal(err)
		}
		s.keeping = true
		readings, armed := 0, false
		now := time.Unix(1_000_000, 0)
		s.clock = NewClock(func() time.Time {
			if armed {
				if readings++; readings == 2 && stop { // t1, after the measure
					s.stop.Do(func() { close(s.quit) })
				}
			}
			now = now.Add(time.Millisecond)
			return now
		})
		s.setState(Running)
		s.trainEpoch()
		evals, frames := s.evals.Len(), len(s.tl.keyframes)
		armed = true
		s.check()
		switch {
		case stop && (s.evals.Len() != evals || len(s.tl.keyframes) != frames):
			t.Errorf("q after the measure: the check recorded (%d evaluations, %d keyframes; had %d, %d), its curves drawn", s.evals.Len(), len(s.tl.keyframes), evals, frames)
		case !stop && (s.evals.Len() != evals+1 || len(s.tl.keyframes) != frames+1):
			t.Errorf("no q: %d evaluations, %d keyframes after the check; want %d, %d", s.evals.Len(), len(s.tl.keyframes), evals+1, frames+1)
		case !stop && s.tl.keyframes[len(s.tl.keyframes)-1].Eval.GZ == nil:
			t.Errorf("no q: the check's keyframe has no G curve")
		}
		s.Stop()
	}
}

// TestCurvesGiveUpOnStop: curves, told to stop, gives up before D's
// slope and G's curve and reports false, so that the trainer's
// evaluation (evaluate) leaves at q without them.
func TestCurvesGiveUpOnStop(t *testing.T) {
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	e := s.eval
	e.Metrics.Hist.Lo, e.Metrics.Hist.Hi = -1, 1
	stop := make(chan struct{})
	if !s.curves(&e, keyBins, stop) || e.GZ == nil {
		t.Fatalf("stop open: curves reported false or drew no G curve")
	}
	e.GZ, e.Push = nil, nil
	close(stop)
	if s.curves(&e, keyBins, stop) || e.GZ != nil || e.Push != nil {
		t.Errorf("stop closed: curves drew D's slope (%v) or G's curve (%v)", e.Push != nil, e.GZ != nil)
	}
}

// TestRunGivesUpACheckWhenCancelled: Run's context cancelled once the
// epoch of a check is trained, as a headless SIGTERM comes during the
// check of a wide design's 2,000 samples, gives the check up as q does
// in the trainer, nothing of it recorded, where Run measured it to its
// end first. The run stops after that epoch, its final line measuring
// the run's end, its evaluations the checks completed before: none here,
// the stop coming at the first, epoch 10. Not cancelled, the run has
// that check.
func TestRunGivesUpACheckWhenCancelled(t *testing.T) {
	for _, cancelled := range []bool{false, true} {
		s, err := New(Options{Config: blogConfig(t, 20), Seed: 1, Samples: 500})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		now := time.Unix(1_000_000, 0)
		s.clock = NewClock(func() time.Time {
			s.atMu.Lock()
			at := s.at
			s.atMu.Unlock()
			if cancelled && at.kind == training && at.epoch == 10 { // epoch 10 trained, its check next
				cancel()
			}
			now = now.Add(time.Millisecond)
			return now
		})
		r, err := s.Run(ctx, nil)
		cancel()
		var checked []int
		for _, e := range s.evals.pts { // the checks' (r.Evals adds the final evaluation's)
			checked = append(checked, e.Epoch)
		}
		switch {
		case err != nil:
			t.Fatalf("cancelled %v: %v", cancelled, err)
		case !cancelled && (r.State != Done || !slices.Contains(checked, 10)):
			t.Errorf("not cancelled: %s, checks at %v; want done, a check at epoch 10", r.Line(), checked)
		case cancelled && (r.State != Interrupted || r.Epochs != 10 || r.Metrics.N != 500):
			t.Errorf("cancelled after epoch 10's training: %s; want interrupted at epoch 10, its end measured", r.Line())
		case cancelled && slices.Contains(checked, 10):
			t.Errorf("cancelled after epoch 10's training: checks at %v; want none at 10, the check given up", checked)
		}
	}
}

// TestPlaneEvaluationGivesUpItsSurfaceOnStop: a stop that comes once a
// plane's check is measured, as D scores the 2-D view's surface, gives
// the evaluation up, as a stop during its samples or its measures does,
// where it scored the 48 × 48 grid and D's push and reported the check.
// Not stopped, it has the surface.
func TestPlaneEvaluationGivesUpItsSurfaceOnStop(t *testing.T) {
	defer func(f func(*engine.GAN, []float64, engine.Box, int, int, <-chan struct{}) (bool, bool)) {
		dSurfaceUntil = f
	}(dSurfaceUntil)
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, stopping := range []bool{false, true} {
		stop := make(chan struct{})
		dSurfaceUntil = func(g *engine.GAN, dst []float64, b engine.Box, nx, ny int, s <-chan struct{}) (bool, bool) {
			if stopping {
				close(stop) // q or SIGTERM, once the measures are taken
			}
			return g.DSurfaceUntil(dst, b, nx, ny, s)
		}
		s, err := New(Options{Config: ring, Seed: 1, Paused: true, Samples: 500})
		if err != nil {
			t.Fatal(err)
		}
		e, ok := s.evaluatePlane(500, true, stop)
		switch {
		case stopping && ok:
			t.Errorf("stopped as D's surface is drawn: the evaluation reported, %d surface points, %d arrows", len(e.Surface), len(e.Arrows))
		case !stopping && (!ok || e.SurfaceN != surfaceN || len(e.Arrows) == 0):
			t.Errorf("not stopped: ok %v, surface side %d, %d arrows", ok, e.SurfaceN, len(e.Arrows))
		}
		s.Stop()
	}
}

// TestResultSaysItsFinalIsNoCheck: a run stopped mid-plan, at epoch 15
// between checks every 10 epochs, ends its Evals on its final
// evaluation, of the run's samples (Options.Samples), and says so
// (FinalInEvals), for a --seeds figure draws the checks' curves against
// a check's noise floor; stopped at epoch 20, a check's, its Evals are
// the checks' alone.
func TestResultSaysItsFinalIsNoCheck(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 1000
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500})
	for _, c := range []struct {
		epoch int
		final bool
	}{{15, true}, {20, false}} {
		for s.gan.Epoch() < c.epoch {
			s.trainEpoch()
		}
		r := s.Result()
		n := len(r.Evals)
		if n == 0 {
			t.Fatalf("stopped at epoch %d: no evaluations", c.epoch)
		}
		if r.State != Interrupted || r.Evals[n-1].Epoch != c.epoch || r.FinalInEvals != c.final {
			t.Errorf("stopped at epoch %d: %s, %d evaluations, the last at %d, FinalInEvals %v; want interrupted, the last at %d, %v", c.epoch, r.State, n, r.Evals[n-1].Epoch, r.FinalInEvals, c.epoch, c.final)
		}
		if c.final && (r.Metrics.N != 500 || r.Evals[n-1].KS != r.Metrics.KS) {
			t.Errorf("stopped at epoch %d: the last point KS %g, the final's %g of %d samples", c.epoch, r.Evals[n-1].KS, r.Metrics.KS, r.Metrics.N)
		}
	}
}
