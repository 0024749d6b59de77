package tui

import (
	"runtime"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
)

// tinyConfig is the cheapest design there is, for tests that need many
// epochs: the same trainer code runs, only faster.
func tinyConfig() engine.Config {
	cfg := perSampleConfig(1 << 30)
	cfg.Name = "tiny"
	cfg.Batch, cfg.GHidden, cfg.DHidden = 4, []int{2}, []int{2}
	return cfg
}

// TestLongRunStaysBounded drives the trainer through many epochs as an
// hour-long run would — publishing, keeping good states, logging every
// epoch — and checks that nothing it holds in memory grows with the run:
// the chart history stays within historyPoints (so frames cost the same at
// any epoch), the kept states within keepStates, the live heap flat, while
// the on-disk log holds every epoch.
func TestLongRunStaysBounded(t *testing.T) {
	epochs := 400_000
	if testing.Short() {
		epochs = 20_000
	}
	tr, err := NewTrainer(tinyConfig(), 1, TrainerOptions{Paused: true, Samples: 200})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Stop()
	phase := epochs / 4
	var heap [4]uint64
	var ms runtime.MemStats
	for p := range heap {
		for range phase {
			tr.trainEpoch()
			if tr.gan.Epoch()%2000 == 0 {
				tr.keep()
				tr.publish()
				s := <-tr.snaps
				if len(s.History) > historyPoints+1 {
					t.Fatalf("epoch %d: a snapshot carries %d history points, more than %d", s.Epoch, len(s.History), historyPoints+1)
				}
			}
		}
		if tr.state != Paused {
			t.Fatalf("epoch %d: the run is %s (%v)", tr.gan.Epoch(), tr.state, tr.err)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		heap[p] = ms.HeapAlloc
	}
	if cap(tr.hist.pts) != historyPoints || len(tr.kept) != keepStates {
		t.Errorf("after %d epochs: history capacity %d (want %d), %d states kept (want %d)",
			epochs, cap(tr.hist.pts), historyPoints, len(tr.kept), keepStates)
	}
	if from, to, n := tr.log.span(); from != 1 || to != epochs || n != epochs {
		t.Errorf("the log holds epochs %d–%d (%d), want 1–%d", from, to, n, epochs)
	}
	if err := tr.log.w.Flush(); err != nil {
		t.Fatal(err)
	}
	if fi, err := tr.log.f.Stat(); err != nil || fi.Size() != int64(epochs)*recordSize {
		t.Errorf("the log file: %v, want %d bytes", err, epochs*recordSize)
	}
	// A leak of even one byte an epoch would show as 300 kB here.
	if grow := int64(heap[3]) - int64(heap[0]); grow > 256<<10 {
		t.Errorf("live heap grew by %d bytes over %d epochs: %v", grow, 3*phase, heap)
	}
	t.Logf("live heap after each quarter of %d epochs: %v bytes", epochs, heap)
}

// BenchmarkKeep measures keeping a good state for a roll-back, for each
// built-in design: the trainer keeps one a second at most, and never spends
// more than 1/keepShare of its time on it.
func BenchmarkKeep(b *testing.B) {
	for _, cfg := range presets.All() {
		b.Run(cfg.Name, func(b *testing.B) {
			tr, err := NewTrainer(cfg, 1, TrainerOptions{Paused: true})
			if err != nil {
				b.Fatal(err)
			}
			defer tr.Stop()
			for range 10 {
				tr.trainEpoch()
			}
			b.ReportAllocs()
			for b.Loop() {
				tr.keep()
			}
			b.ReportMetric(float64(len(tr.kept[0].ckpt)), "bytes/state")
		})
	}
}

// BenchmarkFrameLongRun is BenchmarkFrame with the history of a run of
// ten million epochs — about half an hour at full speed — in place of
// three thousand: the chart history is bounded, so a frame costs the same.
//
//	go test -run '^$' -bench 'Frame' ./tui/
func BenchmarkFrameLongRun(b *testing.B) {
	tr, s := benchSnapshot(b, 3000)
	h := NewHistory(historyPoints)
	for e := 1; e <= 10_000_000; e++ {
		v := float64(e % 1000)
		h.Add(engine.EpochStats{Epoch: e, DReal: 0.6 + v/1e4, DFake: 0.7 - v/1e4, G: 0.7 + v/2e4, Mean: 4 + v/1e3, Std: 1.2})
	}
	s.History, s.Stride, s.Epoch = h.Points(nil), h.Stride(), 10_000_000
	benchFrame(b, tr, s)
	b.ReportMetric(float64(len(s.History)), "points")
}
