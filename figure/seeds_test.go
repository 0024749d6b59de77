package figure

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/palette"
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
		{[]SeedRun{{Final: nan, Note: "diverged"}, {Final: nan, Note: "diverged"}, {Final: nan, Note: "diverged"}}, nan, "", " · none: all 3 diverged"},
		{[]SeedRun{{Final: nan, Note: "diverged"}}, nan, "", " · none: it diverged"},
		{[]SeedRun{{Final: nan, Note: "diverged"}, {Final: nan, Note: "diverged"}}, nan, "", " · none: both diverged"}, // not "all 2"
		{[]SeedRun{{Final: nan, Note: "diverged"}, cut}, nan, "", " · no median: none of 2 finished"},
	} {
		m, label, title := finalMedian(c.runs, "KS")
		if !(m == c.median || math.IsNaN(m) && math.IsNaN(c.median)) || label != c.label || title != "final KS of each seed"+c.suffix {
			t.Errorf("%+v: median %v %q, panel %q; want %v %q, %q", c.runs, m, label, title, c.median, c.label, c.suffix)
		}
	}
}

// batchOf is a --seeds batch's figure of n seeds, their KS falling over
// 3,000 epochs, seed 5 diverged at 1,000 and seed 8 interrupted at 2,000.
func batchOf(n int) Seeds {
	s := Seeds{Title: "vanilla · seeds", YLabel: "KS", YMost: 1, Floor: engine.KSNoiseFloor(10000), FloorLabel: "noise floor at 10,000 samples"}
	for i := range n {
		r := SeedRun{Seed: uint64(i + 1)}
		for e := 100; e <= 3000; e += 100 {
			r.Epochs = append(r.Epochs, float64(e))
			r.Values = append(r.Values, 0.05+0.9*math.Exp(-float64(e)/float64(500+100*i)))
		}
		switch r.Final = r.Values[len(r.Values)-1]; i {
		case 4:
			r.Epochs, r.Values, r.Final, r.Note = r.Epochs[:10], r.Values[:10], math.NaN(), "diverged"
		case 7:
			r.Epochs, r.Values, r.Note, r.Partial = r.Epochs[:20], r.Values[:20], "interrupted at\n2,000 epochs", true
			r.Final = r.Values[19]
		}
		s.Runs = append(s.Runs, r)
	}
	s.Median, s.MedianLabel, s.FinalTitle = finalMedian(s.Runs, "KS")
	return s
}

// TestSeedsKeyStaysBounded: a batch's key names each seed's line up to
// seedsNamed seeds, each drawn in a pen of its own (no two of 12 alike,
// where the colours had come round again at the seventh); of more, one
// entry names them all, "50 seeds", beside the median of the finished
// runs drawn over them and the marks of the diverged and interrupted
// runs, so that the data area stands as high as of 12 seeds, where a row
// of the key for every five seeds had pressed it under ten rows of names.
func TestSeedsKeyStaysBounded(t *testing.T) {
	type pen struct {
		c string
		d string
	}
	seen := map[pen]int{}
	for i := range seedsNamed {
		p := seedPen(i, seedsNamed)
		k := pen{fmt.Sprint(p.Color), fmt.Sprint(p.Dashes)}
		if j, ok := seen[k]; ok {
			t.Errorf("seeds %d and %d of %d drawn alike: %v", j+1, i+1, seedsNamed, k)
		}
		seen[k] = i
	}
	dataHeight := func(n int) vg.Length {
		c := draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch))
		panels, areas, _, err := seedsLayout(c, batchOf(n))
		if err != nil {
			t.Fatal(err)
		}
		d := panels[0].DataCanvas(areas[0])
		return d.Max.Y - d.Min.Y
	}
	if twelve, fifty := dataHeight(seedsNamed), dataHeight(50); fifty < twelve {
		t.Errorf("the data of 50 seeds %.0f pt high, of %d %.0f pt", fifty, seedsNamed, twelve)
	}
	for _, n := range []int{seedsNamed, 50} {
		var svg bytes.Buffer
		if err := EncodeSeeds(&svg, "svg", batchOf(n)); err != nil {
			t.Fatal(err)
		}
		texts := svgText(t, svg.Bytes())
		named := 0
		for _, text := range texts {
			if strings.HasPrefix(text, "seed ") {
				named++
			}
		}
		all := fmt.Sprint(n, " seeds")
		if n == seedsNamed {
			all = "seed 12"
		}
		hasAll(t, texts, all, "median of the "+fmt.Sprint(n-2)+" finished", "diverged", "interrupted", "noise floor at 10,000 samples")
		if want := map[bool]int{true: seedsNamed, false: 0}[n == seedsNamed]; named != want {
			t.Errorf("%d seeds: %d named in the key, want %d", n, named, want)
		}
	}
}

// TestSeedsNotStartedAreMarked: a seed a stop kept from starting is marked
// along the top of the final values' panel, as a diverged one is, and
// named in its key, "not finished", whether or not the seeds' numbers, and
// their notes with them, are thinned: of 50 seeds, the 20 a stop kept from
// starting had shown nothing at all.
func TestSeedsNotStartedAreMarked(t *testing.T) {
	for _, n := range []int{4, 50} {
		s := batchOf(n)
		unstarted := 0
		for i := range s.Runs {
			if i >= n*3/5 {
				s.Runs[i] = SeedRun{Seed: s.Runs[i].Seed, Final: math.NaN(), Note: notFinished}
				unstarted++
			}
		}
		s.Median, s.MedianLabel, s.FinalTitle = finalMedian(s.Runs, "KS")
		panels, _, _, err := seedsLayout(draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch)), s)
		if err != nil {
			t.Fatal(err)
		}
		final := panels[1]
		marked := 0 // marks along the top over the seeds a stop kept from starting
		for _, b := range final.GlyphBoxes(final) {
			if x := final.X.Min + b.X*(final.X.Max-final.X.Min); b.Y == 1 && x >= float64(n*3/5)-1e-9 {
				marked++
			}
		}
		if marked != unstarted {
			t.Errorf("%d seeds: %d of the %d a stop kept from starting marked along the top", n, marked, unstarted)
		}
		var svg bytes.Buffer
		if err := EncodeSeeds(&svg, "svg", s); err != nil {
			t.Fatal(err)
		}
		named := 0
		for _, text := range svgText(t, svg.Bytes()) {
			if text == notFinished {
				named++
			}
		}
		want := 1 // the key's entry; of 50 seeds, the notes under the numbers thinned
		if n == 4 {
			want += unstarted
		}
		if named != want {
			t.Errorf("%d seeds: %q written %d times, want %d", n, notFinished, named, want)
		}
	}
}

// TestSeedsThinnedAtARoundStep: of 50 seeds, whose numbers would run
// together, every fifth is written, 1, 6, 11, …, a round step (1, 2, 5,
// 10, …), where the least step that kept them apart, every third, had
// written 1, 4, 7, ….
func TestSeedsThinnedAtARoundStep(t *testing.T) {
	panels, _, _, err := seedsLayout(draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch)), batchOf(50))
	if err != nil {
		t.Fatal(err)
	}
	var at []float64
	for _, k := range panels[1].X.Tick.Marker.Ticks(panels[1].X.Min, panels[1].X.Max) {
		if k.Label != "" {
			at = append(at, k.Value)
		}
	}
	step := at[1] - at[0]
	for i := 1; i < len(at); i++ {
		if at[i]-at[i-1] != step {
			t.Fatalf("seeds written at %v, not evenly", at)
		}
	}
	if !slices.Contains([]float64{2, 5, 10, 20}, step) {
		t.Errorf("of 50 seeds, one in %g written (at %v), want a round step", step, at)
	}
}

// TestSeedsPanelsShareTheirScale: the seeds' lines and their final values
// are one measure, drawn on one scale, the higher of the two panels' tops,
// so that a final value reads against the lines beside it: of 4 seeds
// whose KS fell from 0.89 to 0.07, the lines' panel had run to 0.89 and
// the final values' to 0.075, a final KS of 0.07 at the top of its panel.
func TestSeedsPanelsShareTheirScale(t *testing.T) {
	for _, n := range []int{4, 50} {
		panels, _, _, err := seedsLayout(draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch)), batchOf(n))
		if err != nil {
			t.Fatal(err)
		}
		over, final := panels[0], panels[1]
		if over.Y.Min != final.Y.Min || over.Y.Max != final.Y.Max {
			t.Errorf("%d seeds: the lines drawn on %g to %g, the final values on %g to %g, want one range", n, over.Y.Min, over.Y.Max, final.Y.Min, final.Y.Max)
		}
	}
}

// TestKSAtOneStandsUnderTheFrame: a batch whose KS lines begin at 0.999,
// as an untrained G's do, draws them under the top of its panels' frame,
// where an axis that ended at KS's most, 1, drew them along the frame,
// unseen.
func TestKSAtOneStandsUnderTheFrame(t *testing.T) {
	s := batchOf(4)
	for i := range s.Runs {
		s.Runs[i].Values[0] = 0.999
	}
	c := draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch))
	panels, areas, _, err := seedsLayout(c, s)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range panels {
		d := p.DataCanvas(areas[i])
		_, trY := p.Transforms(&d)
		if gap := d.Max.Y - trY(0.999); gap < vg.Points(4) {
			t.Errorf("panel %d, its axis from %v to %v: a KS of 0.999 drawn %.1f pt under the frame, want 4 at least", i, p.Y.Min, p.Y.Max, gap.Points())
		}
	}
}

// seedsDrawn draws s's panels, without their keys, on a recorder and
// returns each panel's strokes and fills, each with its colour, and its
// fills alone.
func seedsDrawn(t *testing.T, s Seeds) (drawnIn, filledIn [][]stroke) {
	t.Helper()
	rec := &recorder.Canvas{}
	panels, areas, _, err := seedsLayout(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 11 * vg.Inch, Y: 5 * vg.Inch}}}, s)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range panels {
		rec.Reset()
		p.Draw(areas[i])
		var drawn, filled []stroke
		var set color.Color
		for _, a := range rec.Actions {
			switch a := a.(type) {
			case *recorder.SetColor:
				set = a.Color
			case *recorder.Stroke:
				drawn = append(drawn, stroke{set, a.Path})
			case *recorder.Fill:
				drawn = append(drawn, stroke{set, a.Path})
				filled = append(filled, stroke{set, a.Path})
			}
		}
		drawnIn, filledIn = append(drawnIn, drawn), append(filledIn, filled)
	}
	return drawnIn, filledIn
}

// width is how far across the stroke runs.
func (s stroke) width() vg.Length {
	lo, hi := vg.Length(math.Inf(1)), vg.Length(math.Inf(-1))
	for _, pc := range s.path {
		if pc.Type != vg.CloseComp {
			lo, hi = min(lo, pc.Pos.X), max(hi, pc.Pos.X)
		}
	}
	return hi - lo
}

// TestSeedsOfOneCheckAreMarked: a batch whose plan is under ten checks'
// interval (--seeds 1-3 --epochs 5) has one check per seed, at its end:
// each seed's value is a mark in its pen's colour, and the noise floor
// its key names is a line across the panel, where each seed had been a
// line of one point and the floor one from epoch 5 to epoch 5, the
// left panel empty under a key of four entries.
func TestSeedsOfOneCheckAreMarked(t *testing.T) {
	s := Seeds{Title: "vanilla · 5 epochs", YLabel: "KS", YMost: 1, Floor: engine.KSNoiseFloor(10000), FloorLabel: "noise floor at 10,000 samples"}
	for i, v := range []float64{0.998, 0.996, 0.998} {
		s.Runs = append(s.Runs, SeedRun{Seed: uint64(i + 1), Epochs: []float64{5}, Values: []float64{v}, Final: v})
	}
	s.Median, s.MedianLabel, s.FinalTitle = finalMedian(s.Runs, "KS")
	drawnIn, _ := seedsDrawn(t, s)
	drawn := drawnIn[0]
	for i := range s.Runs {
		ink := paper(seedInks[i])
		if !slices.ContainsFunc(drawn, func(d stroke) bool { return d.col == ink }) {
			t.Errorf("seed %d's one value not drawn in its colour", i+1)
		}
	}
	floor := slices.IndexFunc(drawn, func(d stroke) bool { return d.col == paper(palette.Muted) && d.width() > vg.Points(100) })
	if floor < 0 {
		t.Errorf("the noise floor, named in the key, drawn across no width of the panel")
	}
	// Of more seeds than the key names, the median of the check, which
	// the key names over the seeds' pale marks, is a mark of its own.
	many := Seeds{Title: s.Title, YLabel: "KS", YMost: 1, Floor: s.Floor, FloorLabel: s.FloorLabel}
	for i := range 20 {
		v := 0.99 + float64(i%5)/1000
		many.Runs = append(many.Runs, SeedRun{Seed: uint64(i + 1), Epochs: []float64{5}, Values: []float64{v}, Final: v})
	}
	many.Median, many.MedianLabel, many.FinalTitle = finalMedian(many.Runs, "KS")
	_, filledIn := seedsDrawn(t, many)
	if !slices.ContainsFunc(filledIn[0], func(d stroke) bool { return d.col == paper(palette.Text) }) {
		t.Errorf("of 20 seeds checked once, their median, named in the key, not drawn")
	}
}

// TestSeedsAllDivergedSayWhatTheyShow: a batch whose every seed diverged
// before a finite check has no value to draw: the right panel's title
// says so, "final KS of each seed · none: all 3 diverged", where it said
// "no median: none of 3 finished", the left's "no finite values", and
// the floor, which nothing reads against, is left out, where its line
// alone set both axes to 0.014, the diverged seeds' × along the top
// reading as KS near the floor.
func TestSeedsAllDivergedSayWhatTheyShow(t *testing.T) {
	res := session.BatchResult{Preset: "wgan-gp", Epochs: 10000, Target: "normal(4,1.25)", Seeds: []uint64{1, 2, 3}, Samples: 10000, Measure: "ks"}
	for _, seed := range res.Seeds {
		res.Runs = append(res.Runs, session.Result{Seed: seed, State: session.Diverged, Epochs: 1, Metrics: engine.Metrics{KS: math.NaN()},
			Evals: []session.EvalPoint{{Epoch: 1, KS: math.NaN()}}})
	}
	s := FromSeeds(res)
	if want := "final KS of each seed · none: all 3 diverged"; s.FinalTitle != want {
		t.Errorf("panel %q, want %q", s.FinalTitle, want)
	}
	panels, _, _, err := seedsLayout(draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch)), s)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range panels {
		if p.Y.Min != 0 || p.Y.Max != 1 {
			t.Errorf("panel %d drawn from %g to %g, want 0 to 1", i, p.Y.Min, p.Y.Max)
		}
	}
	var svg bytes.Buffer
	if err := EncodeSeeds(&svg, "svg", s); err != nil {
		t.Fatal(err)
	}
	texts := svgText(t, svg.Bytes())
	hasAll(t, texts, "KS over the epochs, a line per seed · no finite values", "final KS of each seed · none: all 3 diverged", "diverged, no final value")
	for _, text := range texts {
		if strings.Contains(text, "noise floor") {
			t.Errorf("%q in a figure with no value to read against it", text)
		}
	}
}

// TestInterruptedAfterOneCheckRingStandsAround: a seed a stop interrupted
// after its first check is a lone mark in the left panel, a dot (or, in a
// dotted pen, a ring), and its grey "interrupted" ring stands around that
// mark, wider by a gap, where a ring of the mark's size lay on the dot's
// rim and hid it; around a line's end it is the marks' size as before.
func TestInterruptedAfterOneCheckRingStandsAround(t *testing.T) {
	s := batchOf(8)
	for _, i := range []int{1, 5} { // seed 2's pen solid, seed 6's dotted
		r := &s.Runs[i]
		r.Epochs, r.Values, r.Final, r.Partial, r.Note = r.Epochs[:1], r.Values[:1], r.Values[0], true, "interrupted at\n150 epochs"
	}
	s.Median, s.MedianLabel, s.FinalTitle = finalMedian(s.Runs, "KS")
	panels, areas, _, err := seedsLayout(draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch)), s)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	panels[0].Draw(draw.Canvas{Canvas: rec, Rectangle: areas[0].Rectangle})
	type mark struct {
		at vg.Point
		r  vg.Length
	}
	var col color.Color
	var lone, grey []mark // the seeds' lone marks, and the grey rings
	for _, a := range rec.Actions {
		var path vg.Path
		switch a := a.(type) {
		case *recorder.SetColor:
			col = a.Color
		case *recorder.Fill:
			path = a.Path
		case *recorder.Stroke:
			path = a.Path
		}
		for _, c := range path {
			if c.Type != vg.ArcComp {
				continue
			}
			switch col {
			case paper(palette.Muted):
				grey = append(grey, mark{c.Pos, c.Radius})
			case seedPen(1, 8).Color, seedPen(5, 8).Color:
				lone = append(lone, mark{c.Pos, c.Radius})
			}
		}
	}
	if len(lone) != 2 || len(grey) != 3 {
		t.Fatalf("%d lone marks and %d grey rings, want 2 and 3 (seed 8's line end too): %v %v", len(lone), len(grey), lone, grey)
	}
	for _, m := range lone {
		i := slices.IndexFunc(grey, func(g mark) bool { return g.at == m.at })
		if i < 0 {
			t.Errorf("no grey ring at the lone mark %v", m)
			continue
		}
		if g := grey[i]; g.r < m.r+vg.Points(1) {
			t.Errorf("grey ring of radius %.2f points around a lone mark of %.2f: it lies on the mark's rim, hiding it", g.r.Points(), m.r.Points())
		}
	}
	if slices.IndexFunc(grey, func(g mark) bool { return g.r == vg.Points(3) }) < 0 {
		t.Errorf("grey rings %v: none of 3 points at seed 8's line end", grey)
	}
}

// TestCoincidingSeedsToldApart: seeds checked once whose marks lie at one
// place (--seeds 1-3 --epochs 1, each KS 0.998) are each seen, a ring
// around the last's dot in each other seed's colour, each wider, and named
// beside the mark, "seeds 1-3 coincide", where three dots of one size lay
// on one another, seed 3's alone seen under a key naming three.
func TestCoincidingSeedsToldApart(t *testing.T) {
	s := Seeds{Title: "vanilla · 1 epoch", YLabel: "KS", YMost: 1, Floor: engine.KSNoiseFloor(10000), FloorLabel: "noise floor at 10,000 samples"}
	for i, v := range []float64{0.998, 0.998, 0.9979} {
		s.Runs = append(s.Runs, SeedRun{Seed: uint64(i + 1), Epochs: []float64{1}, Values: []float64{v}, Final: v})
	}
	s.Median, s.MedianLabel, s.FinalTitle = finalMedian(s.Runs, "KS")
	panels, areas, _, err := seedsLayout(draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch)), s)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	panels[0].Draw(draw.Canvas{Canvas: rec, Rectangle: areas[0].Rectangle})
	var col color.Color
	outer := map[color.Color]vg.Length{} // each seed's widest mark
	var texts []string
	for _, a := range rec.Actions {
		var path vg.Path
		switch a := a.(type) {
		case *recorder.SetColor:
			col = a.Color
		case *recorder.Fill:
			path = a.Path
		case *recorder.Stroke:
			path = a.Path
		case *recorder.FillString:
			texts = append(texts, a.String)
		}
		for _, c := range path {
			if c.Type == vg.ArcComp {
				outer[col] = max(outer[col], c.Radius)
			}
		}
	}
	seen := map[vg.Length]int{}
	for i := range s.Runs {
		r, ok := outer[seedPen(i, 3).Color]
		if !ok {
			t.Fatalf("seed %d drawn in no mark", i+1)
		}
		if j, dup := seen[r]; dup {
			t.Errorf("seeds %d and %d marked at one place, both %.1f points wide: the later hides the earlier", j+1, i+1, r.Points())
		}
		seen[r] = i
	}
	if !slices.Contains(texts, "seeds 1-3 coincide") {
		t.Errorf("the panel's text %q does not say the seeds coincide", texts)
	}
}

// TestCoincidingSeedCurvesSaidInTheKey: seeds whose lines lie one on
// another at every check, within a line's width (vanilla --set
// target=normal(50,1) --epochs 100 --seeds 1-3, every KS 1 at every
// check), are named in one entry of the key, "seeds 1,3-4 coincide", in
// the pen of the line drawn on top, where the key named each seed in a pen
// of its own and one line alone was seen; a seed whose line leaves theirs
// at one check, seen there, keeps its own entry.
func TestCoincidingSeedCurvesSaidInTheKey(t *testing.T) {
	s := Seeds{Title: "vanilla · 100 epochs", YLabel: "KS", YMost: 1, Floor: engine.KSNoiseFloor(10000), FloorLabel: "noise floor at 10,000 samples"}
	var epochs []float64
	for e := 10; e <= 100; e += 10 {
		epochs = append(epochs, float64(e))
	}
	line := func(v float64) []float64 {
		vs := make([]float64, len(epochs))
		for i := range vs {
			vs[i] = v
		}
		return vs
	}
	apart := line(1)
	apart[4] = 0.95 // seen below the others at epoch 50
	for i, vs := range [][]float64{line(1), apart, line(1), line(0.998)} {
		s.Runs = append(s.Runs, SeedRun{Seed: uint64(i + 1), Epochs: epochs, Values: vs, Final: vs[len(vs)-1]})
	}
	s.Median, s.MedianLabel, s.FinalTitle = finalMedian(s.Runs, "KS")
	panels, areas, keys, err := seedsLayout(draw.New(vgimg.New(11*vg.Inch, 5*vg.Inch)), s)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	c := draw.Canvas{Canvas: rec, Rectangle: areas[0].Rectangle}
	panels[0].Draw(c)
	keys[0].draw(panels[0], c)
	var texts []string
	for _, a := range rec.Actions {
		if a, ok := a.(*recorder.FillString); ok {
			texts = append(texts, a.String)
		}
	}
	for _, want := range []string{"seeds 1,3-4 coincide", "seed 2"} {
		if !slices.Contains(texts, want) {
			t.Errorf("the panel's texts %q: no %q", texts, want)
		}
	}
	for _, hidden := range []string{"seed 1", "seed 3", "seed 4"} {
		if slices.Contains(texts, hidden) {
			t.Errorf("the key names %q apart, a line of its own that lies under another's: %q", hidden, texts)
		}
	}
}

// TestSeedsCurvesReadAgainstACheckFloor: the seeds' curves, of the
// checks' 2,000 samples, are drawn against the noise floor at that size,
// named so, and the final values against the floor at theirs: vanilla's
// seeds at the floor on the right, 0.009 and 0.015 at 10,000 samples,
// end their curves at 0.039 and 0.021, which read against 0.014 as a floor
// never reached. On a plane, SW1's floor at a check's 2,500 samples.
func TestSeedsCurvesReadAgainstACheckFloor(t *testing.T) {
	res := session.BatchResult{
		Preset: "vanilla", Epochs: 200, Target: "normal(4,1.25)", Seeds: []uint64{1, 2}, Samples: 10000, Measure: "ks",
		Runs: []session.Result{
			{Seed: 1, State: session.Done, Metrics: engine.Metrics{KS: 0.009},
				Evals: []session.EvalPoint{{Epoch: 100, KS: 0.5}, {Epoch: 200, KS: 0.025}}},
			{Seed: 2, State: session.Done, Metrics: engine.Metrics{KS: 0.015},
				Evals: []session.EvalPoint{{Epoch: 100, KS: 0.6}, {Epoch: 200, KS: 0.035}}},
		},
	}
	s := FromSeeds(res)
	if s.CheckFloor != engine.KSNoiseFloor(2000) || s.CheckFloorLabel != "noise floor of a check's 2,000 samples" {
		t.Errorf("the curves' floor %v %q, want a check's, %v", s.CheckFloor, s.CheckFloorLabel, engine.KSNoiseFloor(2000))
	}
	var svg bytes.Buffer
	if err := EncodeSeeds(&svg, "svg", s); err != nil {
		t.Fatal(err)
	}
	texts := svgText(t, svg.Bytes())
	hasAll(t, texts, "noise floor of a check's 2,000 samples", "noise floor at 10,000 samples")
	if n := strings.Count(strings.Join(texts, "\n"), "noise floor at 10,000 samples"); n != 1 {
		t.Errorf("the final values' floor named %d times, want once, in their panel's key alone", n)
	}

	plane := session.BatchResult{Preset: "ring", Epochs: 200, Seeds: []uint64{1}, Samples: 300, Measure: "sw1",
		Runs: []session.Result{{Seed: 1, State: session.Done, CheckNoise: session.EvalPoint{SW1: 0.02},
			Metrics: engine.Metrics{Plane: &engine.PlaneMetrics{SW1: 0.1, SW1Floor: 0.05}}}}}
	if p := FromSeeds(plane); p.Floor != 0.05 || p.CheckFloor != 0.02 || p.CheckFloorLabel != "noise floor of a check's 2,500 samples" {
		t.Errorf("a plane's floors: final %v, the curves' %v %q; want 0.05, 0.02 at a check's 2,500 samples", p.Floor, p.CheckFloor, p.CheckFloorLabel)
	}
}

// TestStoppedSeedCurveEndsAtItsLastCheck: a seed a stop cut short between
// checks has its final evaluation, of the batch's 10,000 samples, at the
// end of its Evals (session.Result.FinalInEvals); its curve, of the
// checks' 2,000 and drawn against their floor, ends at its last check,
// where that final KS read as a plunge under the floor (vanilla, seed 1,
// stopped at epoch 9,995: checks of 0.027 to 0.047, then 0.008, the
// floor 0.030); the final value stays on the right, partial. A seed
// stopped at a check, and a finished one, keep their every point.
func TestStoppedSeedCurveEndsAtItsLastCheck(t *testing.T) {
	res := session.BatchResult{
		Preset: "vanilla", Epochs: 10000, Target: "normal(4,1.25)", Seeds: []uint64{1, 2, 3}, Samples: 10000, Measure: "ks",
		Runs: []session.Result{
			{Seed: 1, State: session.Interrupted, Epochs: 9995, Metrics: engine.Metrics{KS: 0.008, N: 10000}, FinalInEvals: true,
				Evals: []session.EvalPoint{{Epoch: 9800, KS: 0.032}, {Epoch: 9900, KS: 0.030}, {Epoch: 9995, KS: 0.008}}},
			{Seed: 2, State: session.Interrupted, Epochs: 9900, Metrics: engine.Metrics{KS: 0.012, N: 10000},
				Evals: []session.EvalPoint{{Epoch: 9800, KS: 0.04}, {Epoch: 9900, KS: 0.035}}},
			{Seed: 3, State: session.Done, Epochs: 10000, Metrics: engine.Metrics{KS: 0.01, N: 10000},
				Evals: []session.EvalPoint{{Epoch: 9900, KS: 0.03}, {Epoch: 10000, KS: 0.028}}},
		},
	}
	s := FromSeeds(res)
	for i, want := range []struct {
		epochs, values []float64
		final          float64
	}{
		{[]float64{9800, 9900}, []float64{0.032, 0.030}, 0.008},
		{[]float64{9800, 9900}, []float64{0.04, 0.035}, 0.012},
		{[]float64{9900, 10000}, []float64{0.03, 0.028}, 0.01},
	} {
		r := s.Runs[i]
		if !slices.Equal(r.Epochs, want.epochs) || !slices.Equal(r.Values, want.values) || r.Final != want.final {
			t.Errorf("seed %d: curve at %v of %v, final %v; want %v of %v, final %v", r.Seed, r.Epochs, r.Values, r.Final, want.epochs, want.values, want.final)
		}
	}
	if !s.Runs[0].Partial || s.Runs[0].Note != "interrupted at\n9,995 epochs" {
		t.Errorf("seed 1: partial %v, note %q; want its final value drawn as a stop's", s.Runs[0].Partial, s.Runs[0].Note)
	}
}

// TestFinishedSeedCurveEndsAtItsLastCheck: a finished plan no check falls
// at the end of (1,234 epochs, checked every 13: its last check at
// 1,222) ends its Evals on its final evaluation, of the batch's 10,000
// samples (FinalInEvals); its curve, the checks' of 2,000 against their
// floor, ends at its last check, the final value on the right alone, as
// a stopped seed's does. A plan with no check at all (--epochs 5) keeps
// its final point, its one mark.
func TestFinishedSeedCurveEndsAtItsLastCheck(t *testing.T) {
	res := session.BatchResult{
		Preset: "vanilla", Epochs: 1234, Target: "normal(4,1.25)", Seeds: []uint64{1, 2}, Samples: 10000, Measure: "ks",
		Runs: []session.Result{
			{Seed: 1, State: session.Done, Epochs: 1234, Metrics: engine.Metrics{KS: 0.011, N: 10000}, FinalInEvals: true,
				Evals: []session.EvalPoint{{Epoch: 1209, KS: 0.041}, {Epoch: 1222, KS: 0.036}, {Epoch: 1234, KS: 0.011}}},
			{Seed: 2, State: session.Done, Epochs: 1234, Metrics: engine.Metrics{KS: 0.013, N: 10000}, FinalInEvals: true,
				Evals: []session.EvalPoint{{Epoch: 1234, KS: 0.013}}},
		},
	}
	s := FromSeeds(res)
	for i, want := range []struct {
		epochs, values []float64
		final          float64
	}{
		{[]float64{1209, 1222}, []float64{0.041, 0.036}, 0.011},
		{[]float64{1234}, []float64{0.013}, 0.013},
	} {
		r := s.Runs[i]
		if !slices.Equal(r.Epochs, want.epochs) || !slices.Equal(r.Values, want.values) || r.Final != want.final || r.Partial || r.Note != "" {
			t.Errorf("seed %d: curve at %v of %v, final %v, partial %v, note %q; want %v of %v, final %v, finished", r.Seed, r.Epochs, r.Values, r.Final, r.Partial, r.Note, want.epochs, want.values, want.final)
		}
	}
}
