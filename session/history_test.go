package session

import (
	"reflect"
	"testing"

	"github.com/ganui/ganui/engine"
)

func TestHistoryDownsamplesWholeRun(t *testing.T) {
	h := NewHistory(8)
	const epochs = 100
	for e := 1; e <= epochs; e++ {
		v := float64(e)
		h.Add(engine.EpochStats{Epoch: e, DReal: v, DFake: 2 * v, G: -v, Mean: v, Std: 1})
		// The charts reach the latest epoch, whatever the filling bucket
		// holds: one epoch, a few, or none after a full point.
		if pts := h.Points(nil); len(pts) == 0 || pts[len(pts)-1].Epoch != e {
			t.Fatalf("after epoch %d the points end at %+v", e, pts[max(len(pts)-1, 0):])
		}
	}
	pts := h.Points(nil)
	if h.Stride() != 16 {
		t.Fatalf("stride %d after %d epochs in 8 points, want 16", h.Stride(), epochs)
	}
	// 6 full points of 16 epochs (1–96) and the 4 epochs still filling.
	if len(pts) != 7 || h.Len() != 7 {
		t.Fatalf("%d points (Len %d), want 7", len(pts), h.Len())
	}
	for i, p := range pts[:6] {
		first, last := 16*i+1, 16*(i+1)
		mean := float64(first+last) / 2
		if p.Epoch != last || p.DReal != mean || p.DFake != 2*mean || p.G != -mean || p.Std != 1 {
			t.Errorf("point %d = %+v, want the average of epochs %d–%d (%g) ending at %d", i, p, first, last, mean, last)
		}
	}
	if p := pts[6]; p.Epoch != 100 || p.DReal != 98.5 {
		t.Errorf("partial point = %+v, want epochs 97–100 averaged (98.5)", p)
	}
}

// TestHistoryOfNoPointsStaysBounded: a history asked for fewer than two
// points keeps two, as an evaluation history does, instead of never
// filling and growing with every epoch.
func TestHistoryOfNoPointsStaysBounded(t *testing.T) {
	for _, n := range []int{0, 1} {
		h := NewHistory(n)
		for e := 1; e <= 100; e++ {
			h.Add(engine.EpochStats{Epoch: e})
		}
		if h.Len() > 3 {
			t.Errorf("NewHistory(%d) holds %d points after 100 epochs, want at most 2 and the filling bucket", n, h.Len())
		}
	}
}

func TestHistoryPointsAreCopies(t *testing.T) {
	h := NewHistory(8)
	h.Add(engine.EpochStats{Epoch: 1, DReal: 1})
	a := h.Points(nil)
	b := h.Points(nil)
	a[0].DReal = 42
	if b[0].DReal != 1 || h.Points(nil)[0].DReal != 1 {
		t.Fatal("Points shares memory with the history")
	}
}

func TestHistoryIsDeterministic(t *testing.T) {
	fill := func() []Point {
		h := NewHistory(historyPoints)
		for e := 1; e <= 3000; e++ {
			h.Add(engine.EpochStats{Epoch: e, DReal: float64(e%7) / 3, Mean: float64(e%11) / 7})
		}
		return h.Points(nil)
	}
	if !reflect.DeepEqual(fill(), fill()) {
		t.Fatal("the same epochs gave different histories")
	}
}
