package figure

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// modesLine is panel (c)'s line of the modes covered (captured, on a
// plane), as addModes draws it, and its name in the key; nil and "" where
// the key names none.
func modesLine(t *testing.T, r Run) (*plotter.Line, string, []string) {
	t.Helper()
	p, err := r.quality()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, it := range p.items {
		names = append(names, it.name)
		if strings.HasPrefix(it.name, "modes covered") || strings.HasPrefix(it.name, "modes captured") {
			l, _ := it.thumbs[0].(*plotter.Line)
			return l, it.name, names
		}
	}
	return nil, "", names
}

// TestMixtureQualityShowsTheModesCovered: a single run's panel (c) of a
// one-dimensional mixture draws the share of its modes G covered at each
// check, a step line held from check to check, named with the count at
// its last, so that a figure of a collapse shows what the screen's "modes
// 1/2" said: bimodal, seed 4, covers the mode at -2 by epoch 300 and never
// the one at 2. A target without modes draws none, and a check whose
// count is unknown (a run resumed from an earlier record) is left out,
// not drawn as none covered.
func TestMixtureQualityShowsTheModesCovered(t *testing.T) {
	pic := pictureOf(t, "bimodal", 400, session.Options{Seed: 4})
	r := FromPicture(pic)
	if r.Modes != 2 {
		t.Fatalf("bimodal's figure: %d modes, want 2", r.Modes)
	}
	l, name, names := modesLine(t, r)
	if l == nil {
		t.Fatalf("bimodal's panel (c): key %q, want the modes covered named", names)
	}
	last := pic.Evals[len(pic.Evals)-1]
	if want := fmt.Sprintf("modes covered, share of 2 (%d of 2 at epoch %d)", last.Modes, last.Epoch); name != want || last.Modes != 1 {
		t.Errorf("bimodal's modes named %q, want %q, 1 of 2", name, want)
	}
	p, _ := r.quality()
	log := strings.HasSuffix(p.Title.Text, ", log scale")
	if title := strings.TrimSuffix(p.Title.Text, ", log scale"); title != "(c) distance and modes covered" {
		t.Errorf("bimodal's panel (c) titled %q", p.Title.Text)
	}
	var want plotter.XYs
	for _, e := range pic.Evals {
		if e.Modes > 0 || !log { // on a log scale none covered is a ▼, not on the line
			want = append(want, plotter.XY{X: float64(e.Epoch), Y: float64(e.Modes) / 2})
		}
	}
	if !slices.Equal(l.XYs, want) || l.StepStyle != plotter.PostStep {
		t.Errorf("bimodal's modes drawn at %v (step %v), want %v held from check to check", l.XYs, l.StepStyle, want)
	}

	for i := range pic.Evals[:len(pic.Evals)-1] { // all but the figure's own epoch unknown
		pic.Evals[i].Modes = -1
	}
	if l, _, names := modesLine(t, FromPicture(pic)); l == nil || len(l.XYs) > 0 || !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, "modes covered") }) {
		t.Errorf("checks of unknown modes: the line %v, key %q, want the last check alone, a point, named", l, names)
	}

	if l, name, _ := modesLine(t, FromPicture(pictureOf(t, "vanilla", 30, session.Options{Seed: 1}))); l != nil || name != "" {
		t.Errorf("vanilla's panel (c) names %q, a target without modes", name)
	}
}

// TestModeEventsNameTheirMode: a mode's event on a line is named by the
// mode's centre the event carries (session.Event.Mode), not by reading
// its detail's words, "mode-covered at -2", so that a figure of a
// collapse says which mode G holds; two at one epoch are one mark,
// "mode-covered at -2 and 2"; a plane's as a line's are, by its centre,
// "mode-covered at (2, 0)", more than three at one epoch counted,
// "mode-covered ×4"; an event whose place is not known keeps the kind
// alone. Several close together, named at once, name their modes too,
// "mode-covered at (2, 0) and (0, 2)", where they read "mode-covered ×2";
// more than three are counted, "mode-covered ×4 on 2 lines".
func TestModeEventsNameTheirMode(t *testing.T) {
	// The details are in words a mark does not read (no "(at -2)"): the
	// place is the event's Mode, so that rewording a detail does not
	// take "at -2" off the figure's marks.
	at := func(epoch int, kind session.EventKind, mode session.ModePlace) session.Event {
		return session.Event{Epoch: epoch, Kind: kind, Detail: "a mode's detail in other words", Mode: mode}
	}
	line := func(x float64) session.ModePlace { return session.ModePlace{Dims: 1, X: x} }
	plane := func(x, y float64) session.ModePlace { return session.ModePlace{Dims: 2, X: x, Y: y} }
	none := session.ModePlace{} // another ganui's words, naming no place
	got := eventMarks([]session.Event{
		at(300, session.EventModeCovered, line(-2)),
		at(500, session.EventModeCovered, line(-2)),
		at(500, session.EventModeCovered, line(2)),
		at(700, session.EventModeDropped, line(2)),
		at(900, session.EventModeRecovered, plane(2, 0)),
		at(900, session.EventEquilibrium, none),
		at(950, session.EventModeCovered, none),
		at(1000, session.EventModeCovered, plane(2, 0)),
		at(1000, session.EventModeCovered, plane(0, 2)),
		at(1100, session.EventModeCovered, plane(1.41, 1.41)),
		at(1100, session.EventModeCovered, plane(-1.41, 1.41)),
		at(1100, session.EventModeCovered, plane(-2, 0)),
		at(1100, session.EventModeCovered, plane(-1.41, -1.41)),
		at(1100, session.EventEquilibrium, none),
		at(1200, session.EventModeCovered, none),
		at(1200, session.EventModeCovered, plane(2, 0)),
	})
	xy := func(s string) string { return strings.ReplaceAll(s, ", ", ",\u00a0") }
	covered := func(modes ...session.ModePlace) Mark { return Mark{Kind: "mode-covered", Modes: modes} }
	want := []struct {
		epoch int
		label string
		marks []Mark
		n     int
	}{
		{300, "mode-covered at -2", []Mark{covered(line(-2))}, 1},
		{500, "mode-covered at -2 and 2", []Mark{covered(line(-2), line(2))}, 2},
		{700, "mode-dropped at 2", []Mark{{Kind: "mode-dropped", Modes: []session.ModePlace{line(2)}}}, 1},
		{900, xy("mode-recovered at (2, 0)") + ", equilibrium", []Mark{{Kind: "mode-recovered", Modes: []session.ModePlace{plane(2, 0)}}, {Kind: "equilibrium"}}, 2},
		{950, "mode-covered", []Mark{covered()}, 1},
		{1000, xy("mode-covered at (2, 0) and (0, 2)"), []Mark{covered(plane(2, 0), plane(0, 2))}, 2},
		{1100, "mode-covered ×4, equilibrium", []Mark{{Kind: "mode-covered", Count: 4}, {Kind: "equilibrium"}}, 5},
		{1200, "mode-covered ×2", []Mark{{Kind: "mode-covered", Count: 2}}, 2},
	}
	if len(got) != len(want) {
		t.Fatalf("marks %+v, want %+v", got, want)
	}
	for i, w := range want {
		if g := got[i]; g.Epoch != w.epoch || !reflect.DeepEqual(g.Marks, w.marks) || g.N != w.n || g.label() != w.label {
			t.Errorf("mark %d: epoch %d, %+v of %d events, labelled %q; want epoch %d, %+v of %d, %q", i, g.Epoch, g.Marks, g.N, g.label(), w.epoch, w.marks, w.n, w.label)
		}
	}
	if k := got[3].kind(); k != "mode-recovered, equilibrium" {
		t.Errorf("%q of kind %q, want %q", got[3].label(), k, "mode-recovered, equilibrium")
	}
	markAt := func(epoch, n int, marks ...Mark) Event { return Event{Epoch: epoch, Marks: marks, N: n} }
	for _, c := range []struct {
		events []Event
		want   string
	}{
		{[]Event{markAt(100, 1, covered(line(-2))), markAt(104, 1, covered(line(2)))}, "mode-covered at -2 and 2"},
		{[]Event{markAt(100, 1, covered(plane(2, 0))), markAt(104, 2, covered(plane(0, 2), plane(-2, 0)))}, xy("mode-covered at (2, 0) and (0, 2) and (-2, 0) on 2 lines")},
		{[]Event{markAt(100, 2, covered(plane(2, 0), plane(0, 2))), markAt(104, 2, covered(plane(-2, 0), plane(0, -2)))}, "mode-covered ×4 on 2 lines"},
		{[]Event{markAt(100, 4, Mark{Kind: "mode-covered", Count: 4}), markAt(104, 1, covered(plane(2, 0)))}, "mode-covered ×5 on 2 lines"},
	} {
		if got := alikeLabel(c.events, []int{0, 1}, false); got != c.want {
			t.Errorf("%v close together labelled %q, want %q", c.events, got, c.want)
		}
	}
}

// TestSeedsFigureSaysTheModesCovered: a --seeds figure of a mixture writes
// under each seed's number the modes its final evaluation found covered,
// as its final line's modes=1/2, so that the seed whose G collapsed onto
// one mode (bimodal --epochs 1500 --seeds 1-4: seed 4, KS 0.500) reads as
// such beside its final KS; a diverged seed, with no final measures, and
// a target without modes write none.
func TestSeedsFigureSaysTheModesCovered(t *testing.T) {
	two := []engine.ModeCoverage{{}, {}}
	res := session.BatchResult{
		Preset: "bimodal", Epochs: 200, Target: "mixture(-2,0.5;2,0.5)", Seeds: []uint64{1, 2, 3}, Samples: 2500, Measure: "ks",
		Runs: []session.Result{
			{Seed: 1, State: session.Done, Metrics: engine.Metrics{KS: 0.1, Modes: two, ModesCovered: 2}},
			{Seed: 2, State: session.Done, Metrics: engine.Metrics{KS: 0.5, Modes: two, ModesCovered: 1}},
			{Seed: 3, State: session.Diverged, Metrics: engine.Metrics{KS: math.NaN()}},
		},
	}
	s := FromSeeds(res)
	var got []string
	for _, r := range s.Runs {
		got = append(got, r.Modes)
	}
	if want := []string{"2 of 2 modes", "1 of 2 modes", ""}; !slices.Equal(got, want) {
		t.Errorf("the seeds' modes %q, want %q", got, want)
	}
	var svg bytes.Buffer
	if err := EncodeSeeds(&svg, "svg", s); err != nil {
		t.Fatal(err)
	}
	if texts := svgText(t, svg.Bytes()); !slices.Contains(texts, "1 of 2 modes") {
		t.Errorf("the figure's texts %q: no %q under seed 2", texts, "1 of 2 modes")
	}
	res.Runs[1].Metrics = engine.Metrics{KS: 0.5} // a target without modes
	if m := FromSeeds(res).Runs[1].Modes; m != "" {
		t.Errorf("a target without modes: %q", m)
	}
}

// TestSeedsFigureSaysTheModesCapturedOnAPlane: a --seeds figure of a plane
// of modes (ring, grid) writes under each seed's number the modes its final
// evaluation captured, as its final line's modes=1/8, the count the 2-D
// benchmarks compare designs by, where it wrote none: ring --epochs 1500
// --seeds 1-2 ended modes=1/8 on both seeds, and the figure gave their
// sliced W1 of 1.34 and 1.59 alone. A target without modes (moons) writes
// none.
func TestSeedsFigureSaysTheModesCapturedOnAPlane(t *testing.T) {
	eight := make([]engine.SpotShare, 8)
	res := session.BatchResult{
		Preset: "ring", Epochs: 200, Target: "ring(8,2,0.02)", Seeds: []uint64{1, 2, 3}, Samples: 2500, Measure: "sw1",
		Runs: []session.Result{
			{Seed: 1, State: session.Done, Metrics: engine.Metrics{Plane: &engine.PlaneMetrics{SW1: 0.1, Spots: eight, Captured: 8}}},
			{Seed: 2, State: session.Done, Metrics: engine.Metrics{Plane: &engine.PlaneMetrics{SW1: 1.3, Spots: eight, Captured: 1}}},
			{Seed: 3, State: session.Diverged, Metrics: engine.Metrics{KS: math.NaN()}},
		},
	}
	s := FromSeeds(res)
	var got []string
	for _, r := range s.Runs {
		got = append(got, r.Modes)
	}
	if want := []string{"8 of 8 modes", "1 of 8 modes", ""}; !slices.Equal(got, want) {
		t.Errorf("the seeds' modes %q, want %q", got, want)
	}
	var svg bytes.Buffer
	if err := EncodeSeeds(&svg, "svg", s); err != nil {
		t.Fatal(err)
	}
	if texts := svgText(t, svg.Bytes()); !slices.Contains(texts, "1 of 8 modes") {
		t.Errorf("the figure's texts %q: no %q under seed 2", texts, "1 of 8 modes")
	}
	res.Runs[1].Metrics = engine.Metrics{Plane: &engine.PlaneMetrics{SW1: 0.2}} // moons: no modes
	if m := FromSeeds(res).Runs[1].Modes; m != "" {
		t.Errorf("a plane without modes: %q", m)
	}
}

// TestModesShareApartFromKS: on a collapse a mixture's KS and the share of
// its modes covered are both 0.5, one line on the other: the share is
// drawn dashed, KS solid over it, so that each is seen where they meet
// (bimodal, seed 4, after epoch 300), where the share's solid band read
// as KS's line with a blue edge.
func TestModesShareApartFromKS(t *testing.T) {
	pic := pictureOf(t, "bimodal", 400, session.Options{Seed: 4})
	r := FromPicture(pic)
	last := pic.Evals[len(pic.Evals)-1]
	if last.Modes != 1 || math.Abs(last.KS-0.5) > 0.02 {
		t.Fatalf("bimodal seed 4 at epoch %d: %d modes, KS %.3f, want 1 and 0.5, the two on one line", last.Epoch, last.Modes, last.KS)
	}
	l, _, _ := modesLine(t, r)
	if l == nil {
		t.Fatal("bimodal's panel (c) draws no modes covered")
	}
	p, err := r.quality()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(p.items, func(it legendItem) bool { return it.name == "KS" })
	if i < 0 {
		t.Fatal("bimodal's panel (c) names no KS")
	}
	th := p.items[i].thumbs[0]
	if u, ok := th.(unpaddedThumb); ok { // on a log scale (onLog)
		th = u.Thumbnailer
	}
	ks, ok := th.(*plotter.Line)
	if !ok {
		t.Fatalf("KS drawn as %T, want a line", p.items[i].thumbs[0])
	}
	if len(l.LineStyle.Dashes) == 0 || len(ks.LineStyle.Dashes) != 0 {
		t.Errorf("the modes' share dashed %v, KS %v: want the share dashed, KS solid, told apart where both are 0.5", l.LineStyle.Dashes, ks.LineStyle.Dashes)
	}
}

// TestPlaneModeEventsNamedApart: a plane's mode events close together
// (ring-mbd --epochs 3000: five modes covered from 1,780 to 2,760) are
// each named by its mode, on labels of their own or on one naming them
// at once, "mode-covered at (2, 0) and (0, 2)", and no label is written
// over another, where every one read "mode-covered", which modes not
// said.
func TestPlaneModeEventsNamedApart(t *testing.T) {
	covered := func(epoch int, x, y float64) session.Event {
		return session.Event{Epoch: epoch, Kind: session.EventModeCovered, Mode: session.ModePlace{Dims: 2, X: x, Y: y}}
	}
	centres := []string{"(-1.41, 1.41)", "(1.41, -1.41)", "(0, -2)", "(0, 2)", "(-2, 0)"}
	r := risingG()
	r.Events = eventMarks([]session.Event{
		covered(593, -1.41, 1.41),
		covered(700, 1.41, -1.41),
		covered(760, 0, -2),
		covered(800, 0, 2),
		covered(920, -2, 0),
	})
	rec := &drawCanvas{}
	drawLosses(t, r, rec)
	all := numtext.Plain(strings.Join(rec.strs, "|"))
	for _, c := range centres {
		if !strings.Contains(all, c) {
			t.Errorf("the labels %q do not name the mode at %s", rec.strs, c)
		}
	}
	sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler}
	var written []vg.Rectangle
	for i, s := range rec.strs {
		if !strings.HasPrefix(s, "mode-") {
			continue
		}
		at := rec.texts[i]
		lb := labelBox(sty, vg.Point{X: at.X, Y: at.Y + sty.FontExtents().Ascent}, s)
		for _, o := range written {
			if lb.Min.X < o.Max.X && o.Min.X < lb.Max.X && lb.Min.Y < o.Max.Y && o.Min.Y < lb.Max.Y {
				t.Errorf("%q written over another label: %v, %v", s, lb, o)
			}
		}
		written = append(written, lb)
	}
}

// TestModesNamedAtOnceOnlyClose: events naming their modes are named by
// one label only where their lines lie within namedApart of the first's,
// "mode-covered at -2 and 2" over lines 4 points apart; lines 72 points
// apart are named each on its own, "mode-covered at 2" and "mode-covered
// at -2", where bimodal --seed 2 at 2,000 epochs wrote "mode-covered at 2
// and -2" over its lines at 520 and 980 and a reader could not tell which
// mode each line was. Events counted, "mode-covered ×4 on 4 lines", name
// no mode and are named at once across the label's width as before.
func TestModesNamedAtOnceOnlyClose(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1000, 0, 1
	c := draw.Canvas{Canvas: &drawCanvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}} // 0.4 points an epoch
	coveredAt := func(epoch int, x float64) Event {
		return Event{Epoch: epoch, Marks: []Mark{{Kind: "mode-covered", Modes: []session.ModePlace{{Dims: 1, X: x}}}}, N: 1}
	}
	for _, tc := range []struct {
		events []Event
		want   []string
	}{
		{[]Event{coveredAt(100, 2), coveredAt(280, -2)}, []string{"mode-covered at 2", "mode-covered at -2"}},
		{[]Event{coveredAt(100, -2), coveredAt(110, 2)}, []string{"mode-covered at -2 and 2"}},
		{[]Event{coveredAt(100, -2), coveredAt(110, 2), coveredAt(250, 0)}, []string{"mode-covered at -2 and 2", "mode-covered at 0"}},
		{[]Event{{100, []Mark{{Kind: "mode-covered", Count: 2}}, 2}, {150, []Mark{{Kind: "mode-covered", Count: 2}}, 2}}, []string{"mode-covered ×4 on 2 lines"}},
	} {
		labels, lines, _ := eventLines{events: tc.events}.labels(c, p)
		var got []string
		for _, l := range labels {
			got = append(got, l.label)
			if !strings.Contains(l.label, " at ") { // names no mode
				continue
			}
			for _, o := range l.lines {
				if d := lines[o] - lines[l.lines[0]]; d >= namedApart(eventStyle()) {
					t.Errorf("%q names lines %v points apart, as far as namedApart, %v", l.label, d, namedApart(eventStyle()))
				}
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("events %v labelled %q, want %q", tc.events, got, tc.want)
		}
	}
}

// TestPlaneQualityShowsTheModesCaptured: a plane of modes's panel (c) draws
// the share of its modes G captured at each check beside the sliced W1 and
// the high-quality share, as a mixture's draws its modes covered, in the
// same pen, named with the count at its last check, "modes captured, share
// of 8 (6 of 8 at epoch 40)", so that the figure shows what the screen's
// "modes 6/8 captured" said, where it drew the distance and the
// high-quality share alone. A check whose count is unknown is left out.
func TestPlaneQualityShowsTheModesCaptured(t *testing.T) {
	pic := pictureOf(t, "ring", 40, session.Options{Seed: 1, Samples: 500})
	if len(pic.Evals) < 4 {
		t.Fatalf("%d evaluations, the test needs 4", len(pic.Evals))
	}
	counts := []int{0, -1, 2, 6} // of the first four checks; the rest 6
	for i := range pic.Evals {
		pic.Evals[i].Modes = counts[min(i, len(counts)-1)]
	}
	r := FromPicture(pic)
	if r.Modes != 8 {
		t.Fatalf("ring's figure: %d modes, want 8", r.Modes)
	}
	l, name, names := modesLine(t, r)
	if l == nil {
		t.Fatalf("ring's panel (c): key %q, want the modes captured named", names)
	}
	last := pic.Evals[len(pic.Evals)-1]
	if want := fmt.Sprintf("modes captured, share of 8 (6 of 8 at epoch %d)", last.Epoch); name != want {
		t.Errorf("ring's modes named %q, want %q", name, want)
	}
	p, err := r.quality()
	if err != nil {
		t.Fatal(err)
	}
	if title := strings.TrimSuffix(p.Title.Text, ", log scale"); title != "(c) distance, high-quality share and modes captured" {
		t.Errorf("ring's panel (c) titled %q", p.Title.Text)
	}
	log := strings.HasSuffix(p.Title.Text, ", log scale")
	var want plotter.XYs
	for _, e := range pic.Evals {
		if e.Modes > 0 || e.Modes == 0 && !log { // unknown left out; on a log scale none captured is a ▼
			want = append(want, plotter.XY{X: float64(e.Epoch), Y: float64(e.Modes) / 8})
		}
	}
	if !slices.Equal(l.XYs, want) || l.StepStyle != plotter.PostStep {
		t.Errorf("ring's modes drawn at %v (step %v), want %v held from check to check", l.XYs, l.StepStyle, want)
	}
	line, _, _ := modesLine(t, FromPicture(pictureOf(t, "bimodal", 20, session.Options{Seed: 4, Samples: 500})))
	if line == nil || l.LineStyle.Color != line.LineStyle.Color || l.LineStyle.Width != line.LineStyle.Width || !slices.Equal(l.LineStyle.Dashes, line.LineStyle.Dashes) {
		t.Errorf("ring's modes drawn in %+v, want a mixture's pen", l.LineStyle)
	}
}
