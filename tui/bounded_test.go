package tui

import (
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/session"
)

// BenchmarkFrameLongRun is BenchmarkFrame with the history of a run of
// ten million epochs — about half an hour at full speed — in place of
// three thousand: the chart history is bounded, so a frame costs the same.
//
//	go test -run '^$' -bench 'Frame' ./tui/
func BenchmarkFrameLongRun(b *testing.B) {
	sess, s := benchSnapshot(b, 3000)
	h := session.NewHistory(512)
	for e := 1; e <= 10_000_000; e++ {
		v := float64(e % 1000)
		h.Add(engine.EpochStats{Epoch: e, DReal: 0.6 + v/1e4, DFake: 0.7 - v/1e4, G: 0.7 + v/2e4, Mean: 4 + v/1e3, Std: 1.2})
	}
	s.History, s.Stride, s.Epoch = h.Points(nil), h.Stride(), 10_000_000
	benchFrame(b, sess, s)
	b.ReportMetric(float64(len(s.History)), "points")
}
