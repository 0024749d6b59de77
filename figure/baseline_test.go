package figure

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// pinnedRun trains a bimodal run for 40 epochs as the trainer does, pins
// it (b), gives it the commands then (a setting tuned), reseeds (r) and
// trains the new seed 20 epochs, and returns the picture the trainer's P
// draws then.
func pinnedRun(t *testing.T, then ...session.Command) session.Picture {
	t.Helper()
	cfg, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.New(session.Options{Config: cfg, Seed: 4, Samples: 2000, Every: 10, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	cmds := append([]session.Command{session.Step{Kind: session.StepEpoch, Epochs: 40}, session.Pin{}}, then...)
	for _, c := range append(cmds, session.Reseed{}, session.Step{Kind: session.StepEpoch, Epochs: 20}) {
		s.Send(c)
	}
	s.Start()
	for snap := range s.Snapshots() { // the commands queued apply together, before the first snapshot
		if snap.Baseline != nil && snap.Epoch == 20 {
			break
		}
	}
	s.Stop()
	return s.Picture()
}

// strokesIn draws p and counts the lines stroked in colour col.
func strokesIn(p *panel, col color.Color) int {
	n := 0
	for _, s := range drawnStrokes(p) {
		if s.col == col {
			n++
		}
	}
	return n
}

// TestBaselineDrawnAsOnTheScreen: a figure of a run with a baseline pinned (the
// trainer's b, then P) draws the baseline as the screen does, in its grey,
// named in the legend by its seed and epoch: its moments and losses under the
// run's in panels (a) and (b), on a time axis that reaches the epoch it was
// pinned at, and its histogram as an outline over the run's in (d), a density
// as the bars are; and its KS and W1 at its pin as points in (c), which the
// screen's Quality compares the run with (vs base).
func TestBaselineDrawnAsOnTheScreen(t *testing.T) {
	p := pinnedRun(t)
	if p.Baseline == nil || p.Baseline.Epoch != 40 || p.Epoch != 20 || p.Seed == p.Baseline.Seed {
		t.Fatalf("picture at epoch %d, seed %d, baseline %+v: want a baseline of epoch 40 of another seed", p.Epoch, p.Seed, p.Baseline)
	}
	r := FromPicture(p)
	name := "base seed 4 at epoch 40"
	grey := ghostInk
	panels, _, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	m := p.Baseline.Eval.Metrics
	for _, c := range []struct {
		panel  string
		p      *panel
		entry  string
		curves int // the baseline's lines; its key's thumbnail is drawn apart
	}{
		{"(a)", panels[0][0], name, 2},
		{"(b)", panels[0][1], name, 3},
		{"(c)", panels[1][0], name + ": KS " + numtext.Measure(m.KS) + ", W1 " + numtext.Measure(m.W1), -1}, // points, not lines
		{"(d)", panels[1][1], name, 1},
	} {
		if col, named := legendColours(c.p)[c.entry]; !named || hexOf(col) != hexOf(grey) {
			t.Errorf("panel %s: legend entry %q %v in %s, want it in %s (legend %v)", c.panel, c.entry, named, hexOf(col), hexOf(grey), legendColours(c.p))
		}
		if n := strokesIn(c.p, grey); n != max(c.curves, 0) {
			t.Errorf("panel %s strokes %d lines in the baseline's grey, want %d", c.panel, n, max(c.curves, 0))
		}
	}
	// Panel (c): the baseline's KS and W1 at the epoch of its evaluation.
	if xy, _, _ := r.baseQuality([2]string{"KS", "W1"}); len(xy) != 2 || xy[0] != (plotter.XY{X: float64(p.Baseline.Eval.Epoch), Y: m.KS}) || xy[1].Y != m.W1 {
		t.Errorf("panel (c) marks the baseline at %v, want KS %g and W1 %g at epoch %d", xy, m.KS, m.W1, p.Baseline.Eval.Epoch)
	}
	// The run, before its first check, has its measures at epoch 20
	// alone; without them (a run diverged at once) its baseline's are
	// all there is: the axis starts at 0 as one of the run's does, not
	// at the lower one.
	if c := panels[1][0]; len(r.Evals) != 1 || r.Evals[0].Epoch != 20 || c.Y.Min != 0 {
		t.Errorf("panel (c) of a run with the evaluations %+v starts at %g, want epoch 20's alone and 0", r.Evals, c.Y.Min)
	}
	bare := r
	bare.Evals = nil
	if c, err := bare.quality(); err != nil {
		t.Error(err)
	} else if c.Y.Min != 0 {
		t.Errorf("panel (c) of the baseline's evaluation alone starts at %g, want 0", c.Y.Min)
	}
	for i, q := range []*panel{panels[0][0], panels[0][1], panels[1][0]} {
		if !(q.X.Max > 40 && q.X.Max < 41) { // a little past the baseline's dots in (c) (TestLoneEvaluationWithinThePanel)
			t.Errorf("time panel %d ends at epoch %g, want a little past the baseline's 40", i, q.X.Max)
		}
	}
	// The outline's area is the share of the baseline's sample within
	// the histogram's range, as the bars' is of the run's.
	if len(m.Hist.Counts) != histBins {
		t.Fatalf("the baseline's histogram has %d bins, want the figure's %d", len(m.Hist.Counts), histBins)
	}
	outline, area := r.baseOutline(), 0.0
	for i := 0; i+1 < len(outline); i += 2 {
		area += (outline[i+1].X - outline[i].X) * outline[i].Y
	}
	if want := float64(m.N-m.Hist.Under-m.Hist.Over) / float64(m.N); math.Abs(area-want) > 1e-9 || len(outline) != 2*histBins {
		t.Errorf("the outline has %d points, area %g; want %d, area %g", len(outline), area, 2*histBins, want)
	}
	hasAll(t, svgOf(t, r), name)

	r.Baseline = nil
	plain, _, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range plain {
		for _, q := range row {
			named := false
			for entry := range legendColours(q) {
				named = named || strings.HasPrefix(entry, name)
			}
			if named || strokesIn(q, grey) != 0 {
				t.Errorf("without a baseline, panel %q draws one", q.Title.Text)
			}
		}
	}
}

// onWhite is c's WCAG contrast ratio against the figure's white paper.
func onWhite(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lum := 0.0
	for i, v := range [3]uint8{n.R, n.G, n.B} {
		s := float64(v) / 255
		if s <= 0.03928 {
			s /= 12.92
		} else {
			s = math.Pow((s+0.055)/1.055, 2.4)
		}
		lum += [3]float64{0.2126, 0.7152, 0.0722}[i] * s
	}
	return 1.05 / (lum + 0.05)
}

// TestBaselineApartFromTheReferences: a pinned baseline's grey stands apart
// at a glance, on a projector too, from the muted grey of the references
// beside it, ln 2 in panel (b) and the run's W1 in (c): theirs on white is
// 1.8 times its contrast or more, its lines are drawn wider than the run's
// (ghostWiden), it is 2:1 at least, and a grey still, as the screen draws
// another run. At the
// palette's earlier #818B98, 3.45:1 beside their 4.55:1, the baseline's G and
// ln 2, its W1 and the run's, were one grey.
func TestBaselineApartFromTheReferences(t *testing.T) {
	panels := laidOut(t, FromPicture(pinnedRun(t)))
	b, c := legendColours(panels[0][1]), legendColours(panels[1][0])
	base := b["base seed 4 at epoch 40"]
	if base == nil {
		t.Fatalf("panel (b) names no baseline: %v", b)
	}
	for _, ref := range []struct {
		name string
		col  color.Color
	}{{"(b) ln 2", b["ln 2"]}, {"(c) W1", c["W1"]}} {
		if ref.col == nil {
			t.Fatalf("no %s in the legend", ref.name)
		}
		if r := onWhite(ref.col) / onWhite(base); r < 1.8 {
			t.Errorf("the baseline %s (%.2f:1 on white) is within %.2f× the contrast of %s %s (%.2f:1): one grey at a glance", hexOf(base), onWhite(base), r, ref.name, hexOf(ref.col), onWhite(ref.col))
		}
	}
	if r := onWhite(base); r < 2 {
		t.Errorf("the baseline %s is %.2f:1 on white, too faint to be seen", hexOf(base), r)
	}
	if n := color.NRGBAModel.Convert(base).(color.NRGBA); max(n.R, n.G, n.B)-min(n.R, n.G, n.B) > 0x18 {
		t.Errorf("the baseline %s is no grey, the screen's colour of another run", hexOf(base))
	}
	if ghostWiden < vg.Points(0.5) {
		t.Errorf("the baseline's lines are %v wider than the run's: a lighter line as thin fades", ghostWiden)
	}
}

// TestPlaneBaselineDrawn: on a plane, the baseline's moments are drawn
// under the run's in panel (a), and its samples under G's in panel (d),
// grey, counted beyond the box and named last, as the screen's plane
// draws them.
func TestPlaneBaselineDrawn(t *testing.T) {
	r := planeRun()
	r.Samples = []float64{0, 0, 1, 1}
	b := &session.Baseline{Seed: 2, Epoch: 120, History: r.History}
	b.Eval.Points = []float64{0.5, 0.5, -1, 1, 40, 40}
	r.Baseline = b
	name := "base seed 2 at epoch 120 (1 of 3 beyond the box)"
	rec := &fillCanvas{}
	panels, canvases, err := r.layout(figureCanvas(rec))
	if err != nil {
		t.Fatal(err)
	}
	a, d := panels[0][0], panels[1][1]
	if n := strokesIn(a, ghostInk); n != 4 {
		t.Errorf("panel (a) strokes %d lines in the baseline's grey, want its four moments", n)
	}
	if _, ok := legendColours(a)["base seed 2 at epoch 120"]; !ok {
		t.Errorf("panel (a)'s legend %v does not name the baseline", legendColours(a))
	}
	d.Draw(canvases[1][1])
	d.key().draw(d.Plot, canvases[1][1])
	var order []string // the colours of the glyphs filled, in order
	for _, f := range rec.fills {
		switch f.c {
		case ghostInk:
			order = append(order, "base")
		case paper(palette.Generated):
			order = append(order, "G")
		}
	}
	// The points in view, then the key's thumbnails, G's first.
	if want := []string{"base", "base", "G", "G", "G", "base"}; !slices.Equal(order, want) {
		t.Errorf("panel (d) fills %v, want %v: the baseline's points under G's, its key entry after", order, want)
	}
	hasAll(t, svgOf(t, r), name)
}

// TestBaselinePinnedAtTheStart: a baseline pinned before any epoch, its
// history empty, is marked in panel (c) at epoch 0, which the time axes
// then reach, as every point panel (c) draws is within them.
func TestBaselinePinnedAtTheStart(t *testing.T) {
	r := planeRun()
	r.Plane.Reference = nil
	b := &session.Baseline{Seed: 1}
	b.Eval.Metrics.N = 100
	b.Eval.Metrics.Plane = &engine.PlaneMetrics{SW1: 2}
	r.Baseline = b
	xs, _ := timeAxes(t, r)
	for i, x := range xs {
		if x[0] != 0 || x[1] != 100 {
			t.Errorf("time panel %d shows epochs %g to %g, want 0 to 100", i, x[0], x[1])
		}
	}
}

// pinnedAt30 is vanilla, seed 1, stepped 30 epochs and pinned there,
// stopped: the run whose baseline the figure's tests draw.
func pinnedAt30(t *testing.T) *session.Session {
	t.Helper()
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.New(session.Options{Config: cfg, Seed: 1, Samples: 10000, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Send(session.Step{Kind: session.StepEpoch, Epochs: 30})
	s.Send(session.Pin{})
	s.Start()
	for snap := range s.Snapshots() {
		if snap.Baseline != nil && snap.Epoch == 30 {
			break
		}
	}
	s.Stop()
	return s
}

// TestBaselineMeasuredAsTheCurve: panel (c) marks a baseline with its KS and W1
// as a check measures them, as the run's curve is measured, so that a run
// pinned at the figure's epoch (the trainer's b, then P) has its baseline's
// points on the end of its own curves. Not the pin's measures on --samples
// (10,000), under a curve of checks of 2,000: vanilla pinned at epoch 10,976
// would draw "base seed 1 at epoch 10,976: KS 0.008, W1 0.024" well under
// the same run's curves there, sampling noise drawn as the run falling behind
// itself.
func TestBaselineMeasuredAsTheCurve(t *testing.T) {
	s := pinnedAt30(t)
	p := s.Picture()
	r := FromPicture(p)
	if n := len(r.Evals); n == 0 || r.Evals[n-1].Epoch != 30 || p.Baseline.Check == nil {
		t.Fatalf("evaluations %+v, baseline check %v: want the run measured at epoch 30 and the baseline as a check", r.Evals, p.Baseline.Check)
	}
	last := r.Evals[len(r.Evals)-1]
	xy, label, note := r.baseQuality([2]string{"KS", "W1"})
	if len(xy) != 2 || xy[0] != (plotter.XY{X: 30, Y: last.KS}) || xy[1] != (plotter.XY{X: 30, Y: last.W1}) {
		t.Errorf("panel (c) marks the baseline pinned at the figure's epoch at %v (%q), want the run's own KS %g and W1 %g there", xy, label, last.KS, last.W1)
	}
	if want := "base seed 1 at epoch 30: KS "; !strings.HasPrefix(label, want) {
		t.Errorf("panel (c) names the baseline %q, want it to begin %q", label, want)
	}
	if want := "base measured on a check's 2,000 samples, as the curves are"; note != want {
		t.Errorf("panel (c) notes of the baseline %q, want %q: the screen's vs base measures it on its 10,000", note, want)
	}
	if m := p.Baseline.Eval.Metrics; m.KS == last.KS {
		t.Errorf("the pin's KS on %d samples is the check's %g: the test shows nothing", m.N, last.KS)
	}
}

// TestTitleNamesTheBaselinesSettings: a figure with a baseline pinned names it
// after the run's design, with the settings it trained with where the run's
// differ, as --set takes them, "· against base seed 4 at epoch 40, d_lr=5e-4"
// (bimodal's own, under the run's d_lr=1e-3), or "same settings", not the run's
// design alone, under which a baseline of other learning rates would pass for
// one of the same.
func TestTitleNamesTheBaselinesSettings(t *testing.T) {
	cfg, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		then []session.Command
		want string
	}{
		{nil, " · against base seed 4 at epoch 40, same settings"},
		{[]session.Command{session.Adjust{Setting: session.DLR, Dir: 1}}, " · against base seed 4 at epoch 40, d_lr=" + engine.FormatLR(cfg.DLR)},
	} {
		p := pinnedRun(t, c.then...)
		if r := FromPicture(p); !strings.HasSuffix(r.Title, c.want) {
			t.Errorf("title %q, want it to end %q", r.Title, c.want)
		}
	}
}

// TestBaselineKeyFitsItsPanel: panel (c)'s key entry for a pinned baseline
// fits the panel's width, each key entry of every panel does, where
// "base seed 1 at epoch 10,976, on a check's 2,000 samples as the curves:
// KS 0.0120, W1 0.0331" was one entry wider than the panel, written from
// under the y axis's label to past the panel's right edge, its W1 cut off
// (the trainer's b at epoch 2,000 of bimodal, then r and P, read "W1 0.67").
func TestBaselineKeyFitsItsPanel(t *testing.T) {
	s := pinnedAt30(t)
	r := FromPicture(s.Picture())
	if r.Baseline == nil || r.Baseline.Check == nil {
		t.Fatal("no baseline measured as a check: the test shows nothing")
	}
	b := *r.Baseline
	b.Epoch, b.Eval.Epoch = 10976, 10976 // as wide as a long run's pin writes it
	r.Baseline = &b
	panels, canvases, err := r.layout(figureCanvas(&drawCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	said := false
	for j, row := range panels {
		for i, p := range row {
			d := p.DataCanvas(canvases[j][i])
			k := p.key()
			for n, it := range p.items {
				if strings.HasPrefix(it.name, "base seed 1 at epoch 10,976") {
					said = true
				}
				if w := k.width(n); w > d.Max.X-d.Min.X {
					t.Errorf("%s: the key's %q is %.0f points wide, over the data's %.0f", p.Title.Text, it.name, w, d.Max.X-d.Min.X)
				}
			}
		}
	}
	if !said {
		t.Error("no key names the baseline: the test shows nothing")
	}
}
