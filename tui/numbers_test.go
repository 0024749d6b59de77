package tui

import (
	"math"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"
)

// TestRunawayMeanReadsOneWay: a runaway's mean reads the same on the
// status line, which the session writes (numtext.Figure), and in the
// moments legend: blog-original with g_lr 0.5 had read "μ mean 33679"
// under "(mean 3.3679e4)", and with g_lr 5 "μ mean 3.339e7" under
// "(mean 3.3392e7)".
func TestRunawayMeanReadsOneWay(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	for _, mean := range []float64{33679.4, 52378.2, 3.33921e7, -1.6576e5, 2.5642e31} {
		snap := trained
		snap.State, snap.Note, snap.Rollback = session.Diverged, "", 0
		snap.Last.Mean = mean
		text := "mean " + numtext.Figure(mean, 4)
		snap.Err = &session.Divergence{Epoch: 200, What: "a runaway",
			Runaway: "the generated samples stayed far outside the target's range [-1, 9] (" + text + ") for 200 epochs"}
		view := frame(t, s, snap, 120, 40)
		if !strings.Contains(view, "Ran away at epoch 200") {
			t.Fatalf("no runaway on the status line:\n%s", view)
		}
		if !strings.Contains(view, "μ "+text+" ") {
			t.Errorf("mean %g: the status line reads %q, the legend not:\n%s", mean, text, view)
		}
	}
}

// TestMeasureBounded: a measured value on the screen takes at most
// numtext.FigureWidth characters and a sign, however large.
func TestMeasureBounded(t *testing.T) {
	for e := -10; e <= 308; e++ {
		for _, m := range []float64{1, 9.99996, -4.2} {
			v := m * math.Pow(10, float64(e))
			if math.IsInf(v, 0) {
				continue
			}
			if s := measure(v); len(strings.TrimPrefix(s, "-")) > numtext.FigureWidth {
				t.Errorf("measure(%g) = %s: wider than %d", v, s, numtext.FigureWidth)
			}
		}
	}
}
