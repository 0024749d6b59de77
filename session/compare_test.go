package session

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganui/ganui/presets"
)

// TestReplaySteps: while paused, Replay steps through the keyframes kept
// on the check schedule, back and forward and from event to event; a
// snapshot carries the frame; any training command returns to live.
func TestReplaySteps(t *testing.T) {
	cfg, _ := presets.Get("bimodal")
	s := newIdle(t, Options{Config: cfg, Seed: 4, Samples: 500, Epochs: 1000})
	for s.gan.Epoch() < 1000 {
		s.trainEpoch()
	}
	n := len(s.tl.keyframes)
	if n != 1000/s.every || s.tl.keyframes[n-1].Epoch != 1000 {
		t.Fatalf("%d keyframes, the last at epoch %d; want %d, the last at 1000", n, s.tl.keyframes[n-1].Epoch, 1000/s.every)
	}
	// The newest frame is the live epoch itself: one step back from live
	// shows the one before it.
	Replay{Dir: -1}.apply(s)
	s.publish()
	snap := <-s.snaps
	if snap.Replay == nil || snap.Replay.Epoch != 1000-s.every || snap.ReplayIndex != n-2 || snap.Frames != n {
		t.Fatalf("one frame back: %+v of %d", snap.ReplayIndex, snap.Frames)
	}
	for range 3 {
		Replay{Dir: -1}.apply(s)
	}
	if got := s.tl.keyframes[s.replay].Epoch; got != 1000-4*s.every {
		t.Fatalf("four frames back: epoch %d", got)
	}
	for range 4 {
		Replay{Dir: +1}.apply(s)
	}
	if got := s.tl.keyframes[s.replay].Epoch; got != 1000 {
		t.Fatalf("forward again to the newest frame: epoch %d", got)
	}
	for range 3 {
		Replay{Dir: -1}.apply(s)
	}
	// Back from event to event: mode 1 found at epoch 210, then both
	// modes missing at the first check.
	for _, want := range []int{210, s.every} {
		Replay{Dir: -1, Jump: true}.apply(s)
		if got := s.tl.keyframes[s.replay].Epoch; got != want {
			t.Fatalf("back to an event: frame of epoch %d, want %d (events %v)", got, want, s.tl.events)
		}
	}
	Replay{Dir: +1, Jump: true}.apply(s)
	if got := s.tl.keyframes[s.replay].Epoch; got != 210 {
		t.Fatalf("forward to the next event: frame of epoch %d, want 210", got)
	}
	if f := s.tl.keyframes[s.replay]; len(f.Metrics.Hist.Counts) != keyBins || len(f.DCurve) != keyBins || len(f.Push) != keyBins || f.GZ != nil { // G reads 4 noise values: no G(z)
		t.Fatalf("a keyframe lacks what the samples panel shows: %d bins", len(f.Metrics.Hist.Counts))
	}
	HistBins{N: 50}.apply(s)
	if s.replay < 0 {
		t.Fatal("a resize left the replay")
	}
	s.applyOne(Step{Kind: StepEpoch})
	if s.replay != -1 || s.gan.Epoch() != 1001 {
		t.Fatalf("a step: replay %d, epoch %d", s.replay, s.gan.Epoch())
	}
}

// applyOne applies c as the session's goroutine would between epochs.
func (s *Session) applyOne(c Command) {
	s.Send(c)
	s.mu.Lock()
	batch := s.queue
	s.queue = nil
	s.mu.Unlock()
	for _, c := range batch {
		if _, ok := c.(keepsReplay); !ok {
			s.replay = -1
		}
		c.apply(s)
	}
}

// TestPinKeepsTheBaseline: Pin fixes the run's curves and evaluation as a
// baseline that outlives a reseed and a retune; Pin again clears it.
func TestPinKeepsTheBaseline(t *testing.T) {
	s := newIdleBlog(t)
	for range 30 {
		s.trainEpoch()
	}
	s.evaluate()
	Pin{}.apply(s)
	b := s.baseline
	if b == nil || b.Epoch != 30 || b.Seed != 3 || len(b.History) != 30 || b.Eval.Metrics.N == 0 {
		t.Fatalf("pinned %+v", b)
	}
	Reseed{}.apply(s)
	Adjust{DLR, +1}.apply(s)
	s.trainEpoch()
	if s.baseline != b || len(b.History) != 30 {
		t.Fatal("the baseline changed with the run")
	}
	Pin{}.apply(s)
	if s.baseline != nil || !strings.Contains(s.note, "cleared") {
		t.Fatalf("Pin again: %v, %q", s.baseline, s.note)
	}
}

// TestShareWritesTheDesign: Share writes a preset file that loads back as
// the design being trained, retuned settings included, and says the
// command that reproduces the run.
func TestShareWritesTheDesign(t *testing.T) {
	s := newIdleBlog(t)
	Adjust{DLR, +1}.apply(s)
	Adjust{GSteps, +1}.apply(s)
	Share{}.apply(s)
	path := filepath.Join(s.opts.Dir, "ganui-blog-original-seed3.json")
	if s.failed || !strings.Contains(s.note, path) {
		t.Fatalf("share note %q", s.note)
	}
	cfg, err := presets.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := s.gan.Config(); cfg.DLR != want.DLR || cfg.GSteps != want.GSteps || cfg.Name != want.Name || string(presets.Marshal(cfg)) != string(presets.Marshal(want)) {
		t.Fatalf("the shared design loads as %+v", cfg)
	}
	if cmd, want := s.Command(), "ganui --set d_lr=0.002 --set g_steps=6 --seed 3"; cmd != want {
		t.Errorf("command %q, want %q", cmd, want)
	}
	os.Remove(path)
}
