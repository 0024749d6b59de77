package tui

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// newIdleTrainer returns a trainer that is never started: the test itself
// plays the trainer goroutine.
func newIdleTrainer(t *testing.T) *Trainer {
	t.Helper()
	tr, err := NewTrainer(blogConfig(t, 5000), 3, TrainerOptions{Paused: true, Samples: 1000})
	if err != nil {
		t.Fatal(err)
	}
	tr.keepGap = time.Hour // states are kept when a test says so
	t.Cleanup(tr.Stop)
	return tr
}

func TestPublishReplacesStaleSnapshot(t *testing.T) {
	tr := newIdleTrainer(t)
	tr.trainEpoch()
	tr.publish()
	tr.trainEpoch()
	tr.publish() // the UI has not taken the first: it is dropped
	if s := <-tr.snaps; s.Epoch != 2 {
		t.Fatalf("UI got the snapshot of epoch %d, want the fresh one of epoch 2", s.Epoch)
	}
	select {
	case s := <-tr.snaps:
		t.Fatalf("a second snapshot (epoch %d) was queued", s.Epoch)
	default:
	}
}

func TestSnapshotsShareNothing(t *testing.T) {
	tr := newIdleTrainer(t)
	tr.trainEpoch()
	tr.publish()
	s1 := <-tr.snaps
	hist := append([]Point(nil), s1.History...)
	counts := append([]int(nil), s1.Eval.Metrics.Hist.Counts...)
	for range 5 {
		tr.trainEpoch()
	}
	HistBins{N: 30}.apply(tr)
	tr.publish()
	s2 := <-tr.snaps
	if !reflect.DeepEqual(s1.History, hist) || !reflect.DeepEqual(s1.Eval.Metrics.Hist.Counts, counts) {
		t.Fatal("an earlier snapshot changed after the trainer moved on")
	}
	if &s1.History[0] == &s2.History[0] {
		t.Fatal("two snapshots share a history array")
	}
	if len(s2.Eval.Metrics.Hist.Counts) != 30 || s2.Eval.Epoch != 6 {
		t.Fatalf("second snapshot: %d bins at epoch %d, want 30 at 6", len(s2.Eval.Metrics.Hist.Counts), s2.Eval.Epoch)
	}
}

func TestSendNeverBlocks(t *testing.T) {
	tr := newIdleTrainer(t)
	var err error
	for i := 0; i < 1000 && err == nil; i++ {
		err = tr.Send(TogglePause{})
	}
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("a full command queue gave %v, want ErrBusy", err)
	}
}

func TestStopWithoutStart(t *testing.T) {
	tr := newIdleTrainer(t)
	tr.Stop()
	tr.Stop()
	<-tr.Done()
}

func TestReseedSeedsFollowTheStartSeed(t *testing.T) {
	seeds := func() []uint64 {
		tr := newIdleTrainer(t)
		var out []uint64
		for range 3 {
			Reseed{}.apply(tr)
			out = append(out, tr.gan.Seed())
		}
		return out
	}
	a, b := seeds(), seeds()
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("reseeding from the same start seed gave %v then %v", a, b)
	}
	if a[0] == 3 || a[0] == a[1] || a[1] == a[2] {
		t.Fatalf("reseed repeated a seed: start 3, then %v", a)
	}
}

func TestAdjustClampsAndReports(t *testing.T) {
	tr := newIdleTrainer(t)
	for range 20 {
		Adjust{DLR, +1}.apply(tr)
	}
	if tr.cfg.DLR != MaxLR || tr.gan.Config().DLR != MaxLR {
		t.Fatalf("D lr after 20 steps up: %g (engine %g), want %g", tr.cfg.DLR, tr.gan.Config().DLR, float64(MaxLR))
	}
	if tr.note != "D lr stays at 10, the end of its range" {
		t.Errorf("note at the top of the ladder: %q", tr.note)
	}
	for range 200 {
		Adjust{GSteps, +1}.apply(tr)
	}
	if tr.gan.Config().GSteps != 100 {
		t.Errorf("G steps went to %d, want at most 100", tr.gan.Config().GSteps)
	}
}
