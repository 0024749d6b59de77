package figure

import (
	"bytes"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/session"
)

// TestSeedsFigureIsWhatTheRunsMeasured: a --seeds batch's figure holds each
// seed's KS at its checks and its final KS, a diverged seed's checks but no
// final value, one a stop interrupted to where it stopped, and one the stop
// kept from starting named with none; the floor
// is KS's at the samples, and the title names the design, the seeds, the
// samples and the runs left unfinished; its two panels are titled by what
// they draw, with none of a run's figure's panel letters.
func TestSeedsFigureIsWhatTheRunsMeasured(t *testing.T) {
	res := session.BatchResult{
		Preset: "vanilla", Epochs: 200, Target: "normal(4,1.25)", Seeds: []uint64{1, 2, 3, 4}, Samples: 2500, Measure: "ks",
		Runs: []session.Result{
			{Seed: 1, State: session.Done, Metrics: engine.Metrics{KS: 0.2},
				Evals: []session.EvalPoint{{Epoch: 100, KS: 0.5}, {Epoch: 200, KS: 0.2}}},
			{Seed: 2, State: session.Diverged, Metrics: engine.Metrics{KS: math.NaN()},
				Evals: []session.EvalPoint{{Epoch: 100, KS: 0.7}}},
			{Seed: 3, State: session.Interrupted, Epochs: 150, Metrics: engine.Metrics{KS: 0.4},
				Evals: []session.EvalPoint{{Epoch: 100, KS: 0.6}, {Epoch: 150, KS: 0.4}}},
		},
	}
	s := FromSeeds(res)
	if want := "vanilla · 200 epochs · target normal(4,1.25) · seeds 1-4 · 2,500 samples · interrupted, 2 of 4 runs unfinished"; s.Title != want {
		t.Errorf("title %q, want %q", s.Title, want)
	}
	if s.YLabel != "KS" || s.Floor != engine.KSNoiseFloor(2500) || s.FloorLabel != "noise floor at 2,500 samples" {
		t.Errorf("label %q, floor %v %q", s.YLabel, s.Floor, s.FloorLabel)
	}
	if len(s.Runs) != 4 {
		t.Fatalf("%d runs, want one per seed", len(s.Runs))
	}
	one, two, three, four := s.Runs[0], s.Runs[1], s.Runs[2], s.Runs[3]
	if one.Seed != 1 || !slices.Equal(one.Epochs, []float64{100, 200}) || !slices.Equal(one.Values, []float64{0.5, 0.2}) || one.Final != 0.2 || one.Note != "" {
		t.Errorf("seed 1: %+v", one)
	}
	if two.Seed != 2 || !slices.Equal(two.Values, []float64{0.7}) || !math.IsNaN(two.Final) || two.Note != "diverged" {
		t.Errorf("seed 2: %+v", two)
	}
	if three.Seed != 3 || !slices.Equal(three.Values, []float64{0.6, 0.4}) || three.Final != 0.4 || three.Note != "interrupted at\n150 epochs" || !three.Partial {
		t.Errorf("seed 3: %+v", three)
	}
	if four.Seed != 4 || len(four.Values) != 0 || !math.IsNaN(four.Final) || four.Note != "not finished" {
		t.Errorf("seed 4: %+v", four)
	}

	if one.Partial || !math.IsNaN(s.Median) || s.FinalTitle != "final KS of each seed · no median: 1 of 4 finished" {
		t.Errorf("one run finished: median %v, panel %q", s.Median, s.FinalTitle)
	}

	pngOf(t, func(w io.Writer) error { return EncodeSeeds(w, "png", s) }, 1210, 550) // 11 × 5 inches at 110 dpi
	var svg bytes.Buffer
	if err := EncodeSeeds(&svg, "svg", s); err != nil {
		t.Fatal(err)
	}
	texts := svgText(t, svg.Bytes())
	hasAll(t, texts, "KS over the epochs, a line per seed", "final KS of each seed")
	for _, text := range texts { // two panels, no run's (a)–(d) among them
		if strings.HasPrefix(text, "(") {
			t.Errorf("a panel titled %q, a letter of a run's figure's panels", text)
		}
	}
}

// TestSeedsMedianIsOfTheFinished: the median of a batch's final values is
// the summary's, of the runs that trained their whole plan: runs a stop
// cut short at different epochs are left out of it and the key says of
// how many it is, "median of the 2 finished"; with fewer than 2 finished
// there is none, and the panel's title says why; of a batch of one seed,
// its ring alone.
func TestSeedsMedianIsOfTheFinished(t *testing.T) {
	nan := math.NaN()
	done := func(v float64) SeedRun { return SeedRun{Final: v} }
	cut := SeedRun{Final: 0.1, Partial: true, Note: "interrupted at\n2,975 epochs"}
	for _, c := range []struct {
		runs          []SeedRun
		median        float64
		label, suffix string
	}{
		{[]SeedRun{done(0.2), done(0.4), done(0.3)}, 0.3, "median", ""},
		{[]SeedRun{done(0.2), done(0.4), cut, {Final: nan, Note: "not finished"}}, 0.30000000000000004, "median of the 2 finished", ""},
		{[]SeedRun{done(0.2), cut, {Final: nan, Note: "diverged"}}, nan, "", " · no median: 1 of 3 finished"},
		{[]SeedRun{cut, cut}, nan, "", " · no median: none of 2 finished"},
		{[]SeedRun{done(0.2)}, nan, "", ""},
	} {
		m, label, title := finalMedian(c.runs, "KS")
		if !(m == c.median || math.IsNaN(m) && math.IsNaN(c.median)) || label != c.label || title != "final KS of each seed"+c.suffix {
			t.Errorf("%+v: median %v %q, panel %q; want %v %q, %q", c.runs, m, label, title, c.median, c.label, c.suffix)
		}
	}
}
