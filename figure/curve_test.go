package figure

import (
	"bytes"
	"image/png"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/session"
)

// oneKeySweep is a sweep of g_lr over three values and seeds 1-3, stopped
// before its last value's runs finished: at 1e-4 every seed finished, at
// 1e-3 one diverged and a stop cut one short.
func oneKeySweep() session.SweepResult {
	return session.SweepResult{
		Preset: "vanilla", Epochs: 3000, Target: "normal(4,1.25)", Seeds: []uint64{1, 2, 3}, Samples: 10000,
		Measures: [2]string{"ks", "w1"},
		Axes:     []session.SweepAxis{{Key: "g_lr", Values: []string{"1e-4", "1e-3", "1e-2"}}},
		Rows: []session.SweepRow{
			{Values: []string{"1e-4"}, Runs: 3, First: [3]float64{0.25, 0.2, 0.4}, Floor: 0.01358,
				Each: []session.SeedMeasure{{Seed: 1, Value: 0.2}, {Seed: 2, Value: 0.4}, {Seed: 3, Value: 0.25}}},
			{Values: []string{"1e-3"}, Runs: 2, Diverged: 1, Unfinished: 1, First: [3]float64{0.05, 0.05, 0.05}, Floor: 0.01358,
				Each: []session.SeedMeasure{{Seed: 1, Value: 0.05}, {Seed: 2, Value: math.NaN(), Diverged: true}}},
		},
	}
}

// TestSweepCurveIsWhatTheRunsMeasured: a one-key sweep's curve holds each
// seed's final KS at its value, the rows' medians and noise floors, what
// each median leaves out, and a value no seed finished with none; its
// title names the design, the seeds and the samples, and the runs a stop
// left unfinished (4 of 9), as the heat map's does.
func TestSweepCurveIsWhatTheRunsMeasured(t *testing.T) {
	c := FromSweepCurve(oneKeySweep())
	if want := "vanilla · 3,000 epochs · target normal(4,1.25) · median KS over seeds 1-3 · 10,000 samples · interrupted, 4 of 9 runs unfinished"; c.Title != want {
		t.Errorf("title %q, want %q", c.Title, want)
	}
	if c.Key != "g_lr" || !slices.Equal(c.X, []string{"1e-4", "1e-3", "1e-2"}) || c.YLabel != "KS" || c.FloorLabel != "noise floor at 10,000 samples" {
		t.Errorf("key %q, values %q, label %q, floor %q", c.Key, c.X, c.YLabel, c.FloorLabel)
	}
	wantPoints := []CurvePoint{{0, 1, 0.2}, {0, 2, 0.4}, {0, 3, 0.25}, {1, 1, 0.05}}
	if !slices.Equal(c.Points, wantPoints) {
		t.Errorf("points %v, want %v (the diverged seed has none)", c.Points, wantPoints)
	}
	same := func(a, b []float64) bool {
		return slices.EqualFunc(a, b, func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) })
	}
	if nan := math.NaN(); !same(c.Median, []float64{0.25, 0.05, nan}) || !same(c.Floor, []float64{0.01358, 0.01358, engine.KSNoiseFloor(10000)}) {
		t.Errorf("medians %v, floors %v", c.Median, c.Floor)
	}
	if want := []string{"", "1/2 diverged, 2 of 3 seeds", "none finished"}; !slices.Equal(c.Notes, want) {
		t.Errorf("notes %q, want %q", c.Notes, want)
	}
}

// TestCurveIsAPNG: a sweep's curve is drawn as a PNG of 7.5 × 5 inches at
// the figures' 110 dpi (825×550), on a log axis of learning rates and on one of
// names; one of no values is refused, not drawn empty.
func TestCurveIsAPNG(t *testing.T) {
	res := oneKeySweep()
	named := oneKeySweep()
	named.Axes[0] = session.SweepAxis{Key: "g_hidden", Values: []string{"[16,16]", "[32]", "[8]"}}
	for i := range named.Rows {
		named.Rows[i].Values = []string{named.Axes[0].Values[i]}
	}
	for _, r := range []session.SweepResult{res, named} {
		c := FromSweepCurve(r)
		if _, log := c.positions(); log != (r.Axes[0].Key == "g_lr") {
			t.Errorf("%s: log axis %v", r.Axes[0].Key, log)
		}
		pngOf(t, func(w io.Writer) error { return EncodeCurve(w, "png", c) }, 825, 550)
	}
	if err := EncodeCurve(&bytes.Buffer{}, "png", Curve{}); err == nil {
		t.Error("a curve of no values was drawn")
	}
}

// pngOf checks that encode writes a PNG that decodes, w × h pixels.
func pngOf(t *testing.T, encode func(io.Writer) error, w, h int) {
	t.Helper()
	var b bytes.Buffer
	if err := encode(&b); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	if got := img.Bounds(); got.Dx() != w || got.Dy() != h {
		t.Errorf("PNG of %v, want %d×%d", got, w, h)
	}
}

// TestMeasureAxesKeepTheirMeaning: a curve's and a batch's y axis runs from
// 0 to a twentieth above the highest value drawn, never past the most the
// measure reads but by a twentieth: KS's to 1.04 over a KS of 0.99, not to 1.3 to leave a legend
// room (the key stands above the axes), sliced W1's unbounded.
func TestMeasureAxesKeepTheirMeaning(t *testing.T) {
	if c := FromSweepCurve(oneKeySweep()); c.YMost != 1 {
		t.Errorf("a KS curve's axis may reach %v, want 1", c.YMost)
	}
	if s := FromSeeds(session.BatchResult{Measure: "sw1", Seeds: []uint64{1}}); !math.IsInf(s.YMost, 1) {
		t.Errorf("a sliced W1 batch's axis may reach %v, want +Inf", s.YMost)
	}
	for _, c := range []struct{ most, high, top float64 }{{1, 0.99, 1.0395}, {1, 1, 1.05}, {1, 0.5, 0.525}, {math.Inf(1), 2, 2.1}} {
		if got := measureTop(c.most, plotter.XYs{{Y: 0.01}, {Y: c.high}}); math.Abs(got-c.top) > 1e-12 {
			t.Errorf("most %v, highest %v: top %v, want %v", c.most, c.high, got, c.top)
		}
	}
}

// TestKeyKeepsToTheData: a key's entries stand in rows no wider than the
// data they stand over, in their order, a row taking as many as fit.
func TestKeyKeepsToTheData(t *testing.T) {
	p := newPlot("t", "x", "y")
	var items []legendItem
	for _, n := range []string{"seed 1", "seed 2", "seed 3", "seed 4", "noise floor at 10,000 samples"} {
		items = append(items, legendItem{name: n})
	}
	k := newKey(p, items)
	wide := -keyGap
	for i := range items {
		wide += keyGap + k.width(i)
	}
	if rows := k.rows(wide); len(rows) != 1 {
		t.Errorf("as wide as the entries: rows %v, want one", rows)
	}
	w := wide - k.width(4) // the floor's entry goes to a second row
	rows := k.rows(w)
	if len(rows) != 2 || !slices.Equal(rows[0], []int{0, 1, 2, 3}) || !slices.Equal(rows[1], []int{4}) {
		t.Errorf("rows %v, want the seeds over the floor", rows)
	}
	if h := k.height(w); h != 2*k.rowHeight()+keyGap/2 {
		t.Errorf("height %v of two rows of %v", h, k.rowHeight())
	}
}

// TestCurveOfOneSeedNamesIt: a sweep of one seed draws that seed's values
// as its line, which the key names "seed 3", with no "median" of one value
// nor a ring on each of its dots; of several seeds the key has both.
func TestCurveOfOneSeedNamesIt(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		points      []CurvePoint
		want, never []string
	}{
		{[]CurvePoint{{0, 3, 0.5}, {1, 3, 0.2}}, []string{"seed 3"}, []string{"median", "each seed"}},
		{[]CurvePoint{{0, 3, 0.5}, {0, 4, 0.3}, {1, 3, 0.2}}, []string{"median", "each seed"}, []string{"seed 3"}},
	} {
		var svg bytes.Buffer
		err := EncodeCurve(&svg, "svg", Curve{Title: "t", Key: "batch", X: []string{"32", "64"}, Points: c.points,
			Median: []float64{0.5, 0.2}, Floor: []float64{nan, nan}, YLabel: "SW1", YMost: math.Inf(1)})
		if err != nil {
			t.Fatal(err)
		}
		texts := svgText(t, svg.Bytes())
		hasAll(t, texts, c.want...)
		for _, text := range texts {
			if slices.Contains(c.never, text) {
				t.Errorf("points %v: the key says %q", c.points, text)
			}
		}
	}
}

// TestCurveOfOneSurvivingSeedTitlesIt: a sweep of several seeds in which
// one alone left a value draws that seed's line, named "seed 2", and its
// title says the values are that seed's and why the others left none,
// "KS of seed 2 (seed 1 diverged)", where it said "median KS over seeds
// 1-2" over a line the key called seed 2's (wgan-gp --set d_opt=sgd --set
// g_opt=sgd --set g_lr=0.2 --epochs 200 --sweep d_lr=0.1,0.3 --seeds 2-3).
func TestCurveOfOneSurvivingSeedTitlesIt(t *testing.T) {
	nan := math.NaN()
	diverged := func(seed uint64) session.SeedMeasure {
		return session.SeedMeasure{Seed: seed, Value: nan, Diverged: true}
	}
	res := oneKeySweep()
	res.Seeds = []uint64{1, 2}
	res.Rows = []session.SweepRow{
		{Values: []string{"1e-4"}, Runs: 2, Diverged: 1, First: [3]float64{0.3, 0.3, 0.3}, Floor: 0.01358,
			Each: []session.SeedMeasure{diverged(1), {Seed: 2, Value: 0.3}}},
		{Values: []string{"1e-3"}, Runs: 2, Diverged: 1, First: [3]float64{0.2, 0.2, 0.2}, Floor: 0.01358,
			Each: []session.SeedMeasure{diverged(1), {Seed: 2, Value: 0.2}}},
	}
	c := FromSweepCurve(res)
	if want := "vanilla · 3,000 epochs · target normal(4,1.25) · KS of seed 2 (seed 1 diverged) · 10,000 samples · interrupted, 2 of 6 runs unfinished"; c.Title != want {
		t.Errorf("title %q, want %q", c.Title, want)
	}
	var svg bytes.Buffer
	if err := EncodeCurve(&svg, "svg", c); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, svg.Bytes()), "seed 2")

	// Of seeds 1-5: 1 and 3 diverged, 4 left NaN, 5 was cut short.
	res.Seeds = []uint64{1, 2, 3, 4, 5}
	res.Rows[0].Each = []session.SeedMeasure{diverged(1), {Seed: 2, Value: 0.3}, diverged(3), {Seed: 4, Value: nan}}
	res.Rows[1].Each = []session.SeedMeasure{diverged(1), {Seed: 2, Value: 0.2}, diverged(3), diverged(4)}
	if got, want := FromSweepCurve(res).Title, "KS of seed 2 (seeds 1,3 diverged; seed 4 with no finite value; seed 5 unfinished)"; !strings.Contains(got, want) {
		t.Errorf("title %q, want it to say %q", got, want)
	}
	// Where two seeds left values, the line is their median, as titled.
	res.Rows[1].Each[2] = session.SeedMeasure{Seed: 3, Value: 0.1}
	if got, want := FromSweepCurve(res).Title, "median KS over seeds 1-5"; !strings.Contains(got, want) {
		t.Errorf("title %q, want it to say %q", got, want)
	}
}

// TestCurveOfMixedSoleSeedsTitlesThem: a one-key sweep's curve whose
// every value is one seed's, seed 1's at one setting and seed 2's at the
// other, the rest diverged, is titled as a heat map of such cells is,
// "KS of each setting's one seed that left a value (of seeds 1-2)", where
// it read "median KS over seeds 1-2" over values no median was taken of;
// its key names the line "each setting's one seed", where it said "median".
func TestCurveOfMixedSoleSeedsTitlesThem(t *testing.T) {
	nan := math.NaN()
	diverged := func(seed uint64) session.SeedMeasure {
		return session.SeedMeasure{Seed: seed, Value: nan, Diverged: true}
	}
	res := oneKeySweep()
	res.Seeds = []uint64{1, 2}
	res.Axes[0].Values = []string{"1e-4", "1e-3"}
	res.Rows = []session.SweepRow{
		{Values: []string{"1e-4"}, Runs: 2, Diverged: 1, First: [3]float64{0.3, 0.3, 0.3}, Floor: 0.01358,
			Each: []session.SeedMeasure{{Seed: 1, Value: 0.3}, diverged(2)}},
		{Values: []string{"1e-3"}, Runs: 2, Diverged: 1, First: [3]float64{0.2, 0.2, 0.2}, Floor: 0.01358,
			Each: []session.SeedMeasure{diverged(1), {Seed: 2, Value: 0.2}}},
	}
	if got, want := FromSweepCurve(res).Title, "vanilla · 3,000 epochs · target normal(4,1.25) · KS of each setting's one seed that left a value (of seeds 1-2) · 10,000 samples"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	// The key names the line as the title does its values, not "median",
	// with no ring on its dots, each the one seed's.
	var svg bytes.Buffer
	if err := EncodeCurve(&svg, "svg", FromSweepCurve(res)); err != nil {
		t.Fatal(err)
	}
	texts := svgText(t, svg.Bytes())
	if !slices.Contains(texts, "each setting's one seed") {
		t.Errorf("the key does not name the line \"each setting's one seed\": %q", texts)
	}
	for _, text := range texts {
		if text == "median" || text == "each seed" {
			t.Errorf("the key says %q of values each one seed's", text)
		}
	}
	// A setting of two values is a median, and the title and key say so.
	res.Rows[1].Each[0] = session.SeedMeasure{Seed: 1, Value: 0.1}
	if got, want := FromSweepCurve(res).Title, "median KS over seeds 1-2"; !strings.Contains(got, want) {
		t.Errorf("title %q, want it to say %q", got, want)
	}
	svg.Reset()
	if err := EncodeCurve(&svg, "svg", FromSweepCurve(res)); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, svg.Bytes()), "median", "each seed")
}

// TestSweepOverPresetsIsDrawnByName: a sweep over presets draws its presets
// one apart in their order, as names (the curve over one key, the heat map
// of it and another), and titles the figure by the --set they share, no
// preset named, where it read `"" · …`; of no --set, by the plan on.
func TestSweepOverPresetsIsDrawnByName(t *testing.T) {
	res := oneKeySweep()
	res.Preset, res.Changes, res.Target = "", []session.Change{{Key: "d_lr", Value: "1e-3"}}, "mixture(-2,0.5;2,0.5)"
	res.Axes[0] = session.SweepAxis{Key: "preset", Values: []string{"bimodal", "bimodal-pacgan", "bimodal-mbd"}}
	for i := range res.Rows {
		res.Rows[i].Values = []string{res.Axes[0].Values[i]}
	}
	c := FromSweepCurve(res)
	if at, log := c.positions(); log || !slices.Equal(at, []float64{0, 1, 2}) || c.Key != "preset" || !slices.Equal(c.X, res.Axes[0].Values) {
		t.Errorf("presets at %v (log %v), key %q, ticks %q", at, log, c.Key, c.X)
	}
	if want := "d_lr=1e-3 · 3,000 epochs · target mixture(-2,0.5;2,0.5) · median KS over seeds 1-3 · 10,000 samples · interrupted, 4 of 9 runs unfinished"; c.Title != want {
		t.Errorf("title %q, want %q", c.Title, want)
	}
	pngOf(t, func(w io.Writer) error { return EncodeCurve(w, "png", c) }, 825, 550)
	res.Changes = nil
	res.Axes = append(res.Axes, session.SweepAxis{Key: "g_lr", Values: []string{"1e-3"}})
	for i := range res.Rows {
		res.Rows[i].Values = append(res.Rows[i].Values, "1e-3")
	}
	h := FromSweep(res)
	if h.XKey != "preset" || !slices.Equal(h.X, res.Axes[0].Values) || h.Z[0][1] != 0.05 ||
		h.Title != "3,000 epochs · target mixture(-2,0.5;2,0.5) · median KS over seeds 1-3 · 10,000 samples · interrupted, 4 of 9 runs unfinished" {
		t.Errorf("heat map %q by %q: %q, %v", h.Title, h.XKey, h.X, h.Z)
	}
}

// TestUnorderedSettingsMediansAreNotJoined: a curve over settings that are
// not numbers (presets, targets, layer lists), one apart in their order
// alone, marks each median with a bar of its own, where a line through
// them, drawn by --sweep preset=bimodal,bimodal-mbd,unrolled,…, read on a
// slide as a trend from one design to the next; numbers keep their line.
func TestUnorderedSettingsMediansAreNotJoined(t *testing.T) {
	nan := math.NaN()
	points := []CurvePoint{{0, 1, 0.23}, {0, 2, 0.30}, {1, 1, 0.20}, {1, 2, 0.22}, {2, 1, 0.07}, {2, 2, 0.02}}
	for _, c := range []struct {
		key    string
		x      []string
		joined bool
	}{
		{"preset", []string{"bimodal", "bimodal-mbd", "bimodal-pacgan"}, false},
		{"g_hidden", []string{"[8]", "[16,16]", "[32]"}, false},
		{"d_lr", []string{"1e-4", "1e-3", "1e-2"}, true},
	} {
		var svg bytes.Buffer
		err := EncodeCurve(&svg, "svg", Curve{Title: "t", Key: c.key, X: c.x, Points: points,
			Median: []float64{0.25, 0.21, 0.05}, Floor: []float64{nan, nan, nan}, YLabel: "KS", YMost: 1})
		if err != nil {
			t.Fatal(err)
		}
		if joined := polylines(t, svg.Bytes()) > 0; joined != c.joined {
			t.Errorf("%s=%v: medians joined by a line %v, want %v", c.key, c.x, joined, c.joined)
		}
		hasAll(t, svgText(t, svg.Bytes()), "median", "each seed")
	}
}

// polylines counts the undashed paths of an SVG figure through three
// points or more, straight lines alone (no arc): a curve's line through
// its medians, where axes, ticks, grid lines and a key's thumbnails are
// two points each.
func polylines(t *testing.T, doc []byte) int {
	t.Helper()
	n := 0
	for _, p := range svgElements(t, doc, "path") {
		if !strings.Contains(p["style"], "stroke-dasharray") && !strings.ContainsAny(p["d"], "AZ") && strings.Count(p["d"], "L") >= 2 {
			n++
		}
	}
	return n
}

// TestKSFloorAtEverySetting: KS's noise floor is the runs' sample size's
// alone, and a sweep's curve draws it under every setting, one whose
// seeds all diverged too, where
//
//	ganui --headless --preset wgan-gp --set d_opt=sgd --set g_opt=sgd --set g_lr=10 --epochs 300 --sweep d_lr=1e-3,10 --seeds 1-2
//
// drew it as a dash under 1e-3 alone, the floor of that setting, it read.
func TestKSFloorAtEverySetting(t *testing.T) {
	res := oneKeySweep()
	res.Rows = append(res.Rows, session.SweepRow{Values: []string{"1e-2"}, Runs: 3, Diverged: 3, First: [3]float64{math.NaN(), math.NaN(), math.NaN()}, Floor: math.NaN(),
		Each: []session.SeedMeasure{{Seed: 1, Value: math.NaN(), Diverged: true}, {Seed: 2, Value: math.NaN(), Diverged: true}, {Seed: 3, Value: math.NaN(), Diverged: true}}})
	c := FromSweepCurve(res)
	if c.Notes[2] != "all 3 diverged" {
		t.Errorf("notes %q", c.Notes)
	}
	for i, f := range c.Floor {
		if !finite(f) {
			t.Errorf("no floor at %s (floors %v), a setting whose runs all diverged, where KS's is the sample size's alone", c.X[i], c.Floor)
		}
	}
}

// TestCurveOfNoValueDrawsNoFloor: a sweep whose every seed diverged at
// every setting has no value to draw: its curve's title says so, "KS by
// d_lr · no finite values", the axis runs from 0 to 1 and no floor is
// drawn, which alone would set the axis to 0.014, nothing to read against
// it.
func TestCurveOfNoValueDrawsNoFloor(t *testing.T) {
	res := oneKeySweep()
	nan := math.NaN()
	for i := range res.Rows {
		res.Rows[i] = session.SweepRow{Values: res.Rows[i].Values, Runs: 3, Diverged: 3, First: [3]float64{nan, nan, nan}, Floor: nan}
	}
	c := FromSweepCurve(res)
	var svg bytes.Buffer
	if err := EncodeCurve(&svg, "svg", c); err != nil {
		t.Fatal(err)
	}
	texts := svgText(t, svg.Bytes())
	hasAll(t, texts, "KS by g_lr · no finite values", "1.0")
	for _, text := range texts {
		if strings.Contains(text, "noise floor") {
			t.Errorf("%q in a curve of no value", text)
		}
	}
}

// TestFloorKnownAtOneSettingIsDrawn: a sweep stopped after its first cell
// knows the noise floor at that setting alone, and its curve draws it
// there as a dash, as its key shows it, where it drew a line of no length
// that left the key naming a floor no one could see; on a log axis of
// learning rates and on one of names, at an end and in the middle.
func TestFloorKnownAtOneSettingIsDrawn(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		key    string
		x      []string
		at     int
		floors []float64
	}{
		{"g_lr", []string{"1e-4", "1e-3", "1e-2"}, 0, []float64{0.0136, nan, nan}},
		{"g_lr", []string{"1e-4", "1e-3", "1e-2"}, 1, []float64{nan, 0.0136, nan}},
		{"g_hidden", []string{"[16,16]", "[32]", "[8]"}, 0, []float64{0.0136, nan, nan}},
		{"batch", []string{"64"}, 0, []float64{0.0136}},
	} {
		median := slices.Clone(c.floors)
		median[c.at] = 0.064
		var svg bytes.Buffer
		err := EncodeCurve(&svg, "svg", Curve{Title: "t", Key: c.key, X: c.x, Points: []CurvePoint{{c.at, 1, 0.064}},
			Median: median, Floor: c.floors, FloorLabel: "noise floor at 10,000 samples", YLabel: "KS", YMost: 1})
		if err != nil {
			t.Fatal(err)
		}
		widths := dashedWidths(t, svg.Bytes())
		if len(widths) != 2 { // the key's and the floor's
			t.Errorf("%s %q, floor at %s alone: %d dashed lines %v, want the key's and the floor's", c.key, c.x, c.x[c.at], len(widths), widths)
			continue
		}
		for _, w := range widths {
			if w < 10 {
				t.Errorf("%s %q, floor at %s alone: a dashed line %.1f wide, want one that shows (widths %v)", c.key, c.x, c.x[c.at], w, widths)
			}
		}
	}
}

// dashedWidths is the width of each dashed path of an SVG figure, from
// the leftmost to the rightmost point of its d.
func dashedWidths(t *testing.T, doc []byte) []float64 {
	t.Helper()
	var widths []float64
	for _, p := range svgElements(t, doc, "path") {
		path := p["d"]
		if !strings.Contains(p["style"], "stroke-dasharray") {
			continue
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, pt := range strings.FieldsFunc(path, func(r rune) bool { return r == 'M' || r == 'L' }) {
			x, _, _ := strings.Cut(pt, ",")
			v, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
			if err != nil {
				t.Fatalf("path %q: %v", path, err)
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		widths = append(widths, hi-lo)
	}
	return widths
}

// TestCoincidingSweepSeedsSaid: seeds of one value at a setting, their
// rings one on another, are named beside them, "seeds 1-3 coincide", as
// a batch's lone marks are, above or under the medians' line through
// them, not across it; seeds apart are not. `ganui --headless --preset vanilla --set
// target=normal(50,1) --epochs 100 --seeds 1-3 --sweep g_lr=1e-4,1e-3,1e-2`,
// every seed's KS 1 at 1e-4 and at 1e-3, drew one ring at each, "each
// seed" in the key, the two seeds under it unseen.
func TestCoincidingSweepSeedsSaid(t *testing.T) {
	res := oneKeySweep()
	res.Target = "normal(50,1)"
	each := func(vs ...float64) []session.SeedMeasure {
		var m []session.SeedMeasure
		for i, v := range vs {
			m = append(m, session.SeedMeasure{Seed: uint64(i + 1), Value: v})
		}
		return m
	}
	res.Rows = []session.SweepRow{
		{Values: []string{"1e-4"}, Runs: 3, First: [3]float64{1, 1, 1}, Floor: 0.01358, Each: each(1, 1, 1)},
		{Values: []string{"1e-3"}, Runs: 3, First: [3]float64{1, 1, 1}, Floor: 0.01358, Each: each(1, 1, 1)},
		{Values: []string{"1e-2"}, Runs: 3, First: [3]float64{0.717, 0.717, 0.717}, Floor: 0.01358, Each: each(0.542, 0.717, 0.982)},
	}
	c := FromSweepCurve(res)
	rec := &recorder.Canvas{}
	if err := drawCurve(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 7.5 * vg.Inch, Y: 5 * vg.Inch}}}, c); err != nil {
		t.Fatal(err)
	}
	var said []vg.Rectangle // the heights each "coincide" is written over, its descent to its ascent
	var texts []string
	rings := map[vg.Length]int{} // how many rings are centred at each height
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.FillString:
			texts = append(texts, a.String)
			if strings.Contains(a.String, "coincide") {
				e := draw.TextStyle{Font: a.Font, Handler: plot.DefaultTextHandler}.FontExtents()
				said = append(said, vg.Rectangle{Min: vg.Point{X: a.Point.X, Y: a.Point.Y - e.Descent}, Max: vg.Point{X: a.Point.X, Y: a.Point.Y + e.Ascent}})
			}
		case *recorder.Stroke:
			for _, pc := range a.Path {
				if pc.Type == vg.ArcComp && pc.Radius == vg.Points(3) {
					rings[pc.Pos.Y]++
				}
			}
		}
	}
	if n := strings.Count(strings.Join(texts, "|"), "seeds 1-3 coincide"); n != 2 || len(said) != 2 {
		t.Fatalf("the figure's texts %q: %d \"seeds 1-3 coincide\", want one at 1e-4 and one at 1e-3, none at 1e-2", texts, n)
	}
	var top vg.Length // the height of the six rings at KS 1, the most at one (the key's is one)
	for y, n := range rings {
		if n > rings[top] {
			top = y
		}
	}
	for _, at := range said {
		if at.Min.Y <= top && at.Max.Y >= top {
			t.Errorf("\"seeds 1-3 coincide\" written from %.1f to %.1f pt, the rings and the medians' line through them at %.1f: across the line", at.Min.Y, at.Max.Y, top)
		}
	}
}

// TestCoincideWordsClearOfRings: "seeds 1-3 coincide" keeps off every
// seed's ring, the next setting's too, as it keeps off the medians' line
// and other words. A sweep of seven settings, seeds 1-3 at 0.5 at 3e-4
// and seed 3 at 0.52 at 1e-3, had its words written above and right of
// the mark, across seed 3's ring at 1e-3, the ring's blue under black
// words.
func TestCoincideWordsClearOfRings(t *testing.T) {
	rec := &recorder.Canvas{}
	if err := drawCurve(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 7.5 * vg.Inch, Y: 5 * vg.Inch}}}, FromSweepCurve(closeSettingsSweep())); err != nil {
		t.Fatal(err)
	}
	type ring struct {
		at     vg.Point
		radius vg.Length
	}
	var rings []ring
	var words []vg.Rectangle
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.FillString:
			if strings.Contains(a.String, "coincide") {
				sty := draw.TextStyle{Font: a.Font, Handler: plot.DefaultTextHandler}
				e := sty.FontExtents()
				words = append(words, vg.Rectangle{Min: vg.Point{X: a.Point.X, Y: a.Point.Y - e.Descent}, Max: vg.Point{X: a.Point.X + sty.Width(a.String), Y: a.Point.Y + e.Ascent}})
			}
		case *recorder.Stroke:
			for _, pc := range a.Path {
				if pc.Type == vg.ArcComp && pc.Radius < vg.Points(20) {
					rings = append(rings, ring{pc.Pos, pc.Radius})
				}
			}
		}
	}
	if len(words) != 1 {
		t.Fatalf("%d \"coincide\" written, want 1 (3e-4)", len(words))
	}
	for _, w := range words {
		for _, r := range rings {
			// The point of the words' box nearest the ring's centre.
			near := vg.Point{X: min(max(r.at.X, w.Min.X), w.Max.X), Y: min(max(r.at.Y, w.Min.Y), w.Max.Y)}
			if d := math.Hypot(float64(near.X-r.at.X), float64(near.Y-r.at.Y)); d < float64(r.radius) {
				t.Errorf("\"seeds 1-3 coincide\" written over %.1f-%.1f × %.1f-%.1f pt, across the ring of radius %.1f at (%.1f, %.1f)",
					w.Min.X, w.Max.X, w.Min.Y, w.Max.Y, r.radius, r.at.X, r.at.Y)
			}
		}
	}
}

// closeSettingsSweep is a sweep of seven settings, seeds 1-3 at one value
// at 3e-4, seed 3 at 1e-3 a little above it (TestCoincideWordsClearOfRings).
func closeSettingsSweep() session.SweepResult {
	res := oneKeySweep()
	values := []string{"1e-4", "3e-4", "1e-3", "3e-3", "1e-2", "3e-2", "0.1"}
	res.Axes[0].Values = values
	each := [][]float64{{0.98, 0.95, 0.9}, {0.5, 0.5, 0.5}, {0.1, 0.15, 0.52}, {0.04, 0.12, 0.06}, {0.25, 0.36, 0.21}, {0.54, 0.3, 0.83}, {0.52, 0.29, 0.77}}
	res.Rows = nil
	for i, vs := range each {
		row := session.SweepRow{Values: []string{values[i]}, Runs: 3, Floor: 0.01358}
		for j, v := range vs {
			row.Each = append(row.Each, session.SeedMeasure{Seed: uint64(j + 1), Value: v})
		}
		sorted := slices.Sorted(slices.Values(vs))
		row.First = [3]float64{sorted[1], sorted[0], sorted[2]}
		res.Rows = append(res.Rows, row)
	}
	return res
}

// TestSweepCurveSaysTheModes: a one-key sweep's curve on a target of modes
// writes under each value the median of the modes its seeds covered
// (captured, on a plane) and their range where they differ, as its row's
// modes= modes_min= modes_max= give them, "1 of 8 modes (0–2)", where
// --sweep preset=ring,ring-pacgan --epochs 3000 --seeds 1-3 drew ring's
// sliced W1 of 1.30 against ring-pacgan's 0.12 and left out the count the
// 2-D benchmarks compare designs by, ring's 1 of 8 beside ring-pacgan's 8.
// A target without modes writes none; a setting whose every seed diverged,
// no count.
func TestSweepCurveSaysTheModes(t *testing.T) {
	res := oneKeySweep()
	res.Preset, res.Target, res.Measures = "", "ring(8,2,0.02)", [2]string{"sw1", "hq"}
	res.Axes[0] = session.SweepAxis{Key: "preset", Values: []string{"ring", "ring-pacgan", "ring-mbd"}}
	res.Rows[0].Values, res.Rows[0].Modes, res.Rows[0].ModesOf = []string{"ring"}, [3]float64{1, 0, 2}, 8
	res.Rows[1].Values, res.Rows[1].Modes, res.Rows[1].ModesOf = []string{"ring-pacgan"}, [3]float64{8, 8, 8}, 8
	res.Rows = append(res.Rows, session.SweepRow{Values: []string{"ring-mbd"}, Runs: 3, Diverged: 3,
		First: [3]float64{math.NaN(), math.NaN(), math.NaN()}, Modes: [3]float64{math.NaN(), math.NaN(), math.NaN()}, ModesOf: 8, Floor: math.NaN()})
	c := FromSweepCurve(res)
	if want := []string{"1 of 8 modes (0–2)", "8 of 8 modes\n1/2 diverged, 2 of 3 seeds", "all 3 diverged"}; !slices.Equal(c.Notes, want) {
		t.Errorf("notes %q, want %q", c.Notes, want)
	}
	var svg bytes.Buffer
	if err := EncodeCurve(&svg, "svg", c); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, svg.Bytes()), "1 of 8 modes (0–2)")
	if c := FromSweepCurve(oneKeySweep()); slices.ContainsFunc(c.Notes, func(n string) bool { return strings.Contains(n, "modes") }) {
		t.Errorf("a target without modes: notes %q", c.Notes)
	}
}

// TestStaggeredNamesOfTwoLinesKeepApart: names of two lines (a setting and
// its note, "5e-4" over "0.5 of 2 modes (0–1)"), staggered over two rows,
// put the second row's first line under the first row's last, where one
// line down wrote "1e-3" level with 5e-4's note and beside it, "(0–1)
// 1e-3" read as one run of text (bimodal --sweep d_lr=1e-4,…,1e-2 over
// seven values, --seeds 1-2).
func TestStaggeredNamesOfTwoLinesKeepApart(t *testing.T) {
	p := newPlot("t", "x", "y")
	names := []string{"5e-4\n0.5 of 2 modes (0–1)", "1e-3\n0.5 of 2 modes (0–1)", "2e-3\n0 of 2 modes"}
	sty := p.X.Tick.Label
	ticks := staggered(names, sty, sty.Width(names[0])*0.6)
	for i, tk := range ticks {
		lead := len(tk.Label) - len(strings.TrimLeft(tk.Label, "\n"))
		if want := (i % 2) * 2; lead != want {
			t.Errorf("%q begins with %d line breaks, want %d: its row under the two lines of the row above", tk.Label, lead, want)
		}
	}
}

// TestSweepOfOwnPlansTitlesThem: a sweep over presets whose own plans
// differ, which no row names, says so in its title where it gave no plan
// ("a.json · b.json" over KS alone read as the designs' difference); a
// swept epochs, which names the plans on its axis, says nothing of them.
func TestSweepOfOwnPlansTitlesThem(t *testing.T) {
	res := session.SweepResult{
		Target: "normal(4,1.25)", Seeds: []uint64{1, 2}, Samples: 10000, Measures: [2]string{"ks", "w1"},
		Axes: []session.SweepAxis{{Key: session.PresetKey, Values: []string{"a.json", "b.json"}}},
	}
	if got, want := FromSweepCurve(res).Title, "each preset's own plan · target normal(4,1.25) · median KS over seeds 1-2 · 10,000 samples"; !strings.HasPrefix(got, want) {
		t.Errorf("presets of their own plans: title %q, want %q", got, want)
	}
	res.Epochs = 500
	if got, want := FromSweepCurve(res).Title, "500 epochs · target"; !strings.HasPrefix(got, want) {
		t.Errorf("presets of one plan: title %q, want %q", got, want)
	}
	res.Epochs = 0
	res.Axes = append(res.Axes, session.SweepAxis{Key: "epochs", Values: []string{"100", "200"}})
	if _, got := sweepTitle(res); strings.Contains(got, "plan") {
		t.Errorf("a swept epochs: title %q names a plan", got)
	}
}
