package session

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/testdesigns"
)

// TestStoppedSessionLeavesNoGoroutine: whatever state a started session
// is in when it is stopped — running, paused, done, diverged, or never
// started — its goroutine is gone once Stop returns, and so is every
// other it started, and the file behind Export is closed.
func TestStoppedSessionLeavesNoGoroutine(t *testing.T) {
	for _, tc := range []struct {
		name   string
		epochs int // the plan
		drive  func(t *testing.T, s *Session)
	}{
		{"never started", 50, func(t *testing.T, s *Session) {}},
		{"paused", 50, func(t *testing.T, s *Session) { s.Start(); <-s.Snapshots() }},
		{"running", engine.MaxEpochs, func(t *testing.T, s *Session) {
			s.Start()
			<-s.Snapshots()
			s.Send(TogglePause{})
			waitSnapshot(t, s, func(snap Snapshot) bool { return snap.State == Running && snap.Epoch > 0 })
		}},
		{"done", 50, func(t *testing.T, s *Session) {
			s.Start()
			s.Send(Step{Kind: StepEpoch, Epochs: 50})
			waitSnapshot(t, s, func(snap Snapshot) bool { return snap.State == Done })
		}},
		{"diverged", 50, func(t *testing.T, s *Session) {
			s.Start()
			for range 30 {
				s.Send(Adjust{DLR, +1})
				s.Send(Adjust{GLR, +1})
			}
			s.Send(Step{Kind: StepEpoch, Epochs: 1000})
			waitSnapshot(t, s, func(snap Snapshot) bool { return snap.State == Diverged })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			leakcheck.Check(t)
			cfg := testdesigns.LeastSquaresSGD()
			cfg.Epochs = tc.epochs
			s, err := New(Options{Config: cfg, Seed: 1, Paused: true, Samples: 200, Dir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			tc.drive(t, s)
			s.Stop()
			if open := leakcheck.OpenFiles(t, filepath.Join(os.TempDir(), "ganui-history-")); len(open) > 0 {
				t.Errorf("the history behind Export is still open after Stop: %q", open)
			}
		})
	}
}

// waitSnapshot waits for a snapshot of s that satisfies ok. The bound
// only turns a hang into a failure.
func waitSnapshot(t *testing.T, s *Session, ok func(Snapshot) bool) {
	t.Helper()
	deadline := time.After(3 * time.Minute)
	for {
		select {
		case snap := <-s.Snapshots():
			if ok(snap) {
				return
			}
		case <-deadline:
			t.Fatal("no snapshot came that the test waits for")
		}
	}
}

// TestStoppedBatchLeavesNoGoroutine: a batch of seeds stopped midway
// (its context cancelled as a signal cancels it) leaves none of its
// workers behind, nor the goroutine that hands them runs.
func TestStoppedBatchLeavesNoGoroutine(t *testing.T) {
	leakcheck.Check(t)
	ctx, cancel := context.WithCancel(context.Background())
	cfg := testdesigns.Tiny()
	cfg.Epochs = 2000
	first := true
	_, err := RunSeeds(ctx, Options{Config: cfg, Samples: 200}, []uint64{1, 2, 3, 4, 5, 6}, 2, writerFunc(func(p []byte) (int, error) {
		if first { // the first run's line: stop the rest
			first = false
			cancel()
		}
		return len(p), nil
	}), nil)
	if err != ErrInterrupted {
		t.Fatalf("a batch stopped midway returned %v, want ErrInterrupted", err)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
