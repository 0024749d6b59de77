package tui

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/textwrap"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// planeConfig is preset name, which has a two-dimensional target, with a
// batch of 64 and layers 24 wide: the screens depend on the design's
// target and shape, not its size, and a 16th of the work keeps these tests
// to seconds under -race.
func planeConfig(tb testing.TB, name string) engine.Config {
	tb.Helper()
	cfg, err := presets.Get(name)
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Batch = 64
	cfg.GHidden, cfg.DHidden = []int{24, 24}, []int{24, 24}
	return cfg
}

// trainedPlane trains cfg from seed for epochs epochs at full speed in a
// session of its own and returns the session, stopped, and the snapshot
// of the finished run with its last evaluation. A 2-D run's snapshot is
// the same at every width: the plane has no bins.
func trainedPlane(tb testing.TB, cfg engine.Config, seed uint64, epochs int) (*session.Session, session.Snapshot) {
	tb.Helper()
	s, snap := trained(tb, cfg, seed, epochs)
	if snap.Target.Plane == nil || snap.Eval.Metrics.Plane == nil {
		tb.Fatalf("%s: not a two-dimensional run", cfg.Name)
	}
	return s, snap
}

// trained is trainedPlane for a design of either dimension. Tests asking
// for the same run share it (shared): ring's first 300 epochs are trained
// once for the package, not once for each of three tests.
func trained(tb testing.TB, cfg engine.Config, seed uint64, epochs int) (*session.Session, session.Snapshot) {
	tb.Helper()
	type run struct {
		cfg    engine.Config
		seed   uint64
		epochs int
	}
	return shared(run{cfg, seed, epochs}, func() (*session.Session, session.Snapshot) {
		s, snap, _ := trainedReplay(tb, cfg, seed, epochs, -1)
		return s, snap
	})
}

// trainedReplay is trained, with the same run's replay of the newest
// keyframe at or before epoch at (replayedAt; none when at < 0).
func trainedReplay(tb testing.TB, cfg engine.Config, seed uint64, epochs, at int) (*session.Session, session.Snapshot, session.Snapshot) {
	tb.Helper()
	cfg.Epochs = epochs
	s, err := session.New(session.Options{Config: cfg, Seed: seed})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Stop()
	s.Start()
	for snap := range s.Snapshots() {
		if snap.State == session.Diverged {
			tb.Fatalf("%s seed %d diverged: %v", cfg.Name, seed, snap.Err)
		}
		if snap.State == session.Done && snap.Eval.Epoch == epochs {
			if at < 0 {
				return s, snap, session.Snapshot{}
			}
			return s, snap, replayedAt(tb, s, at)
		}
	}
	tb.Fatal("the session ended before its plan")
	return nil, session.Snapshot{}, session.Snapshot{}
}

// replayedAt steps the finished run of s back with , as the user does, to the
// newest keyframe at or before epoch at, and returns the session's snapshot
// there: its frame, index, count of frames and note. A replay fixture built of
// another run's frame would show one seed's samples and quality beside
// another's charts.
func replayedAt(tb testing.TB, s *session.Session, at int) session.Snapshot {
	tb.Helper()
	s.Send(session.Replay{Dir: -1})
	want := -1 // the frame the last , went to; the first may pass over the newest, the live epoch's
	for snap := range s.Snapshots() {
		switch {
		case snap.Replay == nil || want >= 0 && snap.ReplayIndex != want:
			// not yet at the frame the last , went to
		case snap.Replay.Epoch <= at:
			return snap
		case snap.ReplayIndex == 0:
			tb.Fatalf("no keyframe at or before epoch %d", at)
		default:
			want = snap.ReplayIndex - 1
			s.Send(session.Replay{Dir: -1})
		}
	}
	tb.Fatal("the session ended before its replay")
	return session.Snapshot{}
}

// TestPlaneGolden pins the 2-D view of the ring preset at 80×24 and
// 120×40: live, replaying an earlier keyframe, against a baseline, and
// its glossary.
//
//	go test ./tui -run Golden -update   # after an intended change
func TestPlaneGolden(t *testing.T) {
	s, trained, replay := trainedReplay(t, planeConfig(t, "ring"), 1, 1500, 400)
	_, early := trainedPlane(t, planeConfig(t, "ring"), 2, 400) // a baseline of another seed
	trained.Settings.Speed, trained.Note = 200, ""
	cases := []screenCase{
		{"running", func(s session.Snapshot) session.Snapshot {
			s.State, s.Rate = session.Running, 198
			return s
		}, nil, []string{"▶ running", "Plane", "2,500 drawn", " beyond the box ", "Modes", "SW1", "floor", "target ring(8,2,0.02)", "D's push", " x -0.241 y -0.178 ", " X 1.779 Y 2.172 "}},
		{"replay", func(s session.Snapshot) session.Snapshot {
			s.Replay, s.ReplayIndex, s.Frames, s.Note = replay.Replay, replay.ReplayIndex, replay.Frames, replay.Note
			return s
		}, nil, []string{"◀ replay epoch 390, 1,110 behind", "live 1,500 / 1,500", "2,500 drawn", "replay frame 26 of 100", " beyond the box ", "Settings now ↑↓ pick"}},
		{"baseline", func(s session.Snapshot) session.Snapshot {
			s.Baseline = &session.Baseline{Preset: "ring", Seed: 2, Epoch: 400, Settings: early.Settings, History: early.History, Eval: early.Eval}
			return s
		}, nil, []string{"vs base SW1", "base seed 2"}},
		{"v", nil, []string{"v"}, []string{"the 2-D view is the only one here"}},
		{"glossary", nil, []string{"?", "?"}, []string{"Diagnosis and glossary", "page 1 of"}},
	}
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, w, h), func(t *testing.T) {
				flat := c.check(t, s, trained, w, h)
				for _, gone := range []string{"KS ", "noise use", "skew", "out of range"} {
					if c.name != "glossary" && strings.Contains(flat, gone) {
						t.Errorf("2-D frame shows the 1-D %q", gone)
					}
				}
			})
		}
	}
}

// TestGridPlaneGolden: at 80×24 in colour grid's legend, in the three rows its
// 25-mode map and key leave, names the target by its spec, "⣿ target
// grid(5,2,0.05)", as ring's does, D's push giving way for it (the glossary has
// it), not "⣿ generated" over "⣿ target  ⠑ D's push", which would leave what
// the learner is shown G chasing to the help. Quality leaves the modes count
// to that legend's "Modes 2/25 captured" and gives its row to G's mean±std per
// axis, "x +2.71±1.34 y +1.14±0.65", the rule under it naming what it
// explains, "captured: ≥1 sample in 2,500": at 80×24 it had repeated "modes
// 2/25 captured" and had no room for the axes. The charts keep their 4 plot
// rows: a row taken from them for the axes would leave the losses' y labels
// 1 and 0.
func TestGridPlaneGolden(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "grid"), 1, 400)
	snap.State, snap.Rate, snap.Settings.Speed, snap.Note = session.Running, 198, 200, "" // no wall-clock time
	_, view := inColourAt80(s, snap)
	flat := frameReads(t, view, "Modes 2/25", "░▒▓█ of due", "⣿ generated", "⣿ target grid(5,2,0.05)", "D: fake real",
		"x +2.71±1.34 y +1.14±0.65", "captured: ≥1 sample in 2,500")
	if strings.Contains(flat, "modes 2/25 captured") {
		t.Errorf("Quality repeats the legend's count, \"modes 2/25 captured\":\n%s", view)
	}
	rows := strings.Split(ansi.Strip(view), "\n")
	legend := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, "Losses") }) + 1 // its second row, the last
	axis := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, "   └") })
	if legend < 1 || axis-legend-1 != 4 {
		t.Errorf("the losses chart has %d plot rows (legend at row %d, axis at %d), want 4:\n%s", axis-legend-1, legend, axis, view)
	}
	requireGolden(t, view)
}

// TestPointsPlaneGolden pins a points file's 2-D view at 80×24, its
// target centred off 0 (testdata/points.csv, two arcs about (0.8, 0.45)):
// the moments legend gives μ before σ, as ring's does at that size and the
// chart's lines end, "Moments, last batch  μ x 1.68 y -0.91" over "σ X
// 0.65 Y 0.47 ┈0.89,0.48", the target's stds after G's, its means in
// Quality ("vs 0.79±0.89"). It had given the stds beside the title and the means with
// their target under it, "Moments, last batch  σ X 0.43 Y 0.57" over
// "μ x 0.78 y 0.07 ┈-0.004,0.45", the one legend to give σ before μ.
func TestPointsPlaneGolden(t *testing.T) {
	cfg := planeConfig(t, "moons")
	cfg.Target = "points(testdata/points.csv)" // --preset moons --set target=points(…)
	s, snap := trainedPlane(t, cfg, 1, 300)
	snap.State, snap.Rate, snap.Settings.Speed, snap.Note = session.Running, 198, 200, "" // no wall-clock time
	view := frame(t, s, snap, 80, 24)
	lines := strings.Split(view, "\n")
	mom := func(l string) string { // a line's right column, the moments'
		r := []rune(ansiStrip(l))
		return strings.Join(strings.Fields(string(r[min(len(r), 41):])), " ")
	}
	if got := mom(lines[1]); !strings.HasPrefix(got, "Moments, last batch μ x ") {
		t.Errorf("the moments legend's first line reads %q, not the title and G's means", got)
	}
	if got := mom(lines[2]); !strings.HasPrefix(got, "σ X ") || !strings.Contains(got, " ┈") {
		t.Errorf("the moments legend's second line reads %q, not G's stds and the target's", got)
	}
	requireGolden(t, view)
}

// TestPlaneGlossaryPages: a 2-D run's glossary fits 80×24 a page at a
// time, and every one of its entries is on a page.
func TestPlaneGlossaryPages(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 10)
	seen := strings.Join(glossaryPages(t, s, snap, 80, 24), "")
	m := Model{snap: snap}
	texts := map[string]string{} // as the run's glossary gives them (surfaceText)
	for _, g := range m.glossaryEntries() {
		texts[g[0]] = g[1]
		if !strings.Contains(seen, g[0]) {
			t.Errorf("glossary entry %q on no page", g[0])
		}
	}
	line := snap
	line.Target.Plane = nil
	for _, g := range glossary {
		if g.drawn != nil && g.drawn(&snap) && !g.drawn(&line) && !strings.Contains(seen, texts[g.term][:20]) { // the 2-D view's own
			t.Errorf("2-D entry %q not shown", g.term)
		}
	}
}

// TestPackedPlaneHasNoSurface: a PacGAN D judges packed points, so the 2-D
// view says why it has no surface and draws neither shade nor push.
func TestPackedPlaneHasNoSurface(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring-pacgan"), 1, 50)
	if snap.Eval.Surface != nil || snap.Eval.NoCurve == "" {
		t.Fatalf("packed design: surface %v, no-curve reason %q", snap.Eval.Surface != nil, snap.Eval.NoCurve)
	}
	for _, size := range goldenSizes {
		view := frame(t, s, snap, size[0], size[1])
		flat := strings.Join(strings.Fields(view), " ")
		if !strings.Contains(flat, "no D surface") {
			t.Errorf("%dx%d: frame lacks the reason for no D surface", size[0], size[1])
		}
		for _, gone := range []string{"D's push", "D = ½"} {
			if strings.Contains(flat, gone) {
				t.Errorf("%dx%d: packed frame shows %q", size[0], size[1], gone)
			}
		}
	}
}

// TestPlaneReplayAndBaselineKeys: in a live 2-D run, b pins a baseline
// whose samples the plane shows, and , replays a keyframe's 2-D frame.
func TestPlaneReplayAndBaselineKeys(t *testing.T) {
	cfg := planeConfig(t, "ring")
	cfg.Epochs = 300
	sc := startScreen(t, cfg, 1, false, 120, 40)
	sc.waitSnap("the plan is done", func(s session.Snapshot) bool { return s.State == session.Done && s.Eval.Epoch == 300 })
	sc.key("b")
	sc.waitSnap("a baseline is pinned", func(s session.Snapshot) bool { return s.Baseline != nil })
	sc.key(",")
	snap := sc.waitSnap("a keyframe is replayed", func(s session.Snapshot) bool {
		return s.Replay != nil && s.Replay.Metrics.Plane != nil && len(s.Replay.Points) > 0
	})
	if snap.Baseline == nil || len(snap.Baseline.Eval.Points) == 0 {
		t.Fatal("the baseline has no 2-D samples")
	}
	view := sc.finalView()
	checkFrame(t, view, 120, 40)
	frameReads(t, view,
		"◀ replay epoch "+numtext.FormatInt(snap.Replay.Epoch),
		"epoch "+numtext.FormatInt(snap.Replay.Epoch),
		"base seed 1",
		"@"+numtext.FormatInt(snap.Baseline.Epoch)+" SW1", // a frame before the pin names the epoch it compares with
		"Modes",
	)
}

// TestPlanePlotOddData: the plane plot draws NaN and infinite points,
// arrows and scores, an empty sample, a box of no size and panels too
// small for a plot without a panic, every line its full width.
func TestPlanePlotOddData(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	nan, inf := math.NaN(), math.Inf(1)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}, Reference: []float64{0, 0, nan, 1, 1}}
	e := &session.Eval{
		Points:   []float64{nan, nan, inf, 0, 1, -inf, 0.5, 0.5, 3},
		Surface:  []float64{nan, 0.2, inf, -inf},
		SurfaceN: 2,
		Arrows:   []session.Arrow{{DX: nan, DY: 1}, {DX: inf}, {X: 1, Y: 1}, {X: 0.5, Y: 0.5, DX: 1, DY: 1}},
	}
	for _, wh := range [][2]int{{0, 0}, {3, 1}, {9, 2}, {50, 9}, {90, 17}} {
		cols, rows := planeSize(scale{info.Box.Y0, info.Box.Y1}, wh[0], wh[1])
		lines, _ := planePlot(info, e, []float64{nan}, false, 0.5, cols, rows)
		if cols == 0 {
			continue
		}
		if len(lines) != rows+1 {
			t.Errorf("%v: %d lines, want %d", wh, len(lines), rows+1)
		}
		for _, l := range lines {
			if n := lipgloss.Width(l); n != axisGutter+cols {
				t.Errorf("%v: a line %d cells wide, want %d", wh, n, axisGutter+cols)
			}
		}
	}
	for _, box := range []engine.Box{{}, {X0: nan, X1: 1, Y0: 0, Y1: 1}} {
		if lines, _ := planePlot(&session.PlaneInfo{Box: box}, e, nil, false, 0.5, 20, 10); lines != nil {
			t.Errorf("box %v drew a plot", box)
		}
	}
	planePlot(info, &session.Eval{}, nil, false, 0.5, 20, 10) // nothing to draw
	if n, _ := modeCells([]engine.SpotShare{{Spot: engine.Spot{X: nan}}}, 5); n != 0 {
		t.Error("a NaN mode was placed")
	}
	if mx, my, sx, sy := planeMoments(&session.PlaneInfo{}); mx != 0 || my != 0 || sx != 0 || sy != 0 {
		t.Error("moments of nothing are not zero")
	}
}

// TestPlaneWideYLabels: the plane of ring(8,2000,20) labels its y axis -2000,
// -1000, 0, 1000, 2000 in a gutter as wide as they are, the square narrower by
// as much where the panel's width bounds it: a gutter of four cells would have
// room for none of them, and label the box's top and middle, 2100 and 0, its
// bottom's -2.1k left out.
func TestPlaneWideYLabels(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2100, X1: 2100, Y0: -2100, Y1: 2100}}
	e := &session.Eval{Points: []float64{0, 0, 2000, 0, -2000, 1000}}
	for _, wh := range [][2]int{{40, 30}, {49, 30}, {80, 12}, {23, 12}} {
		cols, rows := planeSize(scale{info.Box.Y0, info.Box.Y1}, wh[0], wh[1])
		lines, _ := planePlot(info, e, nil, false, 0.5, cols, rows)
		name := fmt.Sprintf("ring's plane in %d×%d", wh[0], wh[1])
		if len(lines) != rows+1 {
			t.Fatalf("%s: %d lines, want %d", name, len(lines), rows+1)
		}
		w := lipgloss.Width(lines[0])
		for _, l := range lines {
			if n := lipgloss.Width(l); n != w || n > wh[0] {
				t.Fatalf("%s: a line %d cells wide, the first %d, the panel %d:\n%s", name, n, w, wh[0], strings.Join(lines, "\n"))
			}
		}
		if g := w - cols; g < axisGutter || g > maxYLabel+1 {
			t.Errorf("%s: a gutter of %d cells", name, g)
		} else {
			checkYLabels(t, name, lines[:rows], g)
		}
	}
}

// TestModeCells: a ring of 8 fits 3×3 around an empty centre and a 5×5
// grid is itself, every mode in a cell of its own.
func TestModeCells(t *testing.T) {
	for _, c := range []struct {
		spots []engine.Spot
		n     int
	}{
		{engine.NewRing(8, 2, 0.02).Spots(), 3},
		{engine.NewGrid(5, 2, 0.05).Spots(), 5},
		{engine.NewRing(1, 2, 0.02).Spots(), 1},
	} {
		ss := make([]engine.SpotShare, len(c.spots))
		for i, sp := range c.spots {
			ss[i] = engine.SpotShare{Spot: sp, Share: 0.1, Expected: 0.1, Captured: i%2 == 0}
		}
		n, cells := modeCells(ss, 20)
		if n != c.n {
			t.Errorf("%d modes on %d×%d, want %d×%d", len(ss), n, n, c.n, c.n)
		}
		seen := map[int]bool{}
		for _, cell := range cells {
			if seen[cell] {
				t.Errorf("two modes in cell %d", cell)
			}
			seen[cell] = true
		}
		if got := modeMap(ss, 2*n, n); len(got) != n {
			t.Errorf("mode map of %d modes has %d lines, want %d", len(ss), len(got), n)
		}
	}
}

// TestAveragedGeneratorIsNamed: with g_ema the legend of the samples says
// they come from G's moving average, in one and two dimensions, at both
// sizes; without it the legend says "generated".
func TestAveragedGeneratorIsNamed(t *testing.T) {
	ring := planeConfig(t, "ring")
	line := blogConfig(t, 5000)
	for name, cfg := range map[string]engine.Config{"ring": ring, "blog": line} {
		for _, ema := range []float64{0, 0.99} {
			cfg.GEMA = ema
			s, snap := trained(t, cfg, 1, 3)
			if snap.GEMA != ema {
				t.Fatalf("%s: the snapshot's g_ema is %g, want %g", name, snap.GEMA, ema)
			}
			for _, size := range goldenSizes {
				flat := strings.Join(strings.Fields(frame(t, s, snap, size[0], size[1])), " ")
				if got := strings.Contains(flat, "G's average (β 0.99)"); got != (ema > 0) || ema == 0 && !strings.Contains(flat, "generated") {
					t.Errorf("%s, g_ema %g, %dx%d: the legend does not say where the samples come from:\n%s", name, ema, size[0], size[1], flat)
				}
			}
		}
	}
}

// TestEveryPresetOnScreen: every built-in design, trained a few epochs,
// draws a whole frame at both sizes with its name in the title and its
// samples' panel, 1-D or 2-D; the glossary opens on each.
func TestEveryPresetOnScreen(t *testing.T) {
	for _, cfg := range presets.All() {
		t.Run(cfg.Name, func(t *testing.T) {
			s, snap := trained(t, cfg, 1, 3)
			want := "Samples"
			if snap.Target.Plane != nil {
				want = "Plane"
			}
			for _, size := range goldenSizes {
				view := frame(t, s, snap, size[0], size[1]) // checks the frame's size
				if !strings.Contains(view, cfg.Name) || !strings.Contains(view, want) || strings.Contains(view, "too small") {
					t.Errorf("%dx%d: the frame lacks its preset's name or %q:\n%s", size[0], size[1], want, view)
				}
				if strings.Contains(view, "…") {
					t.Errorf("%dx%d: a line is cut:\n%s", size[0], size[1], view)
				}
				if help := frame(t, s, snap, size[0], size[1], "?", "?"); !strings.Contains(help, "Glossary") && !strings.Contains(help, "Remedies") && !strings.Contains(help, "KS") && !strings.Contains(help, "SW1") {
					t.Errorf("%dx%d: ? ? does not open the glossary:\n%s", size[0], size[1], help)
				}
			}
		})
	}
}

// TestStrokeGlyph: without colour a push is drawn with the line glyph of
// its direction (y down in dot units), either way along the line.
func TestStrokeGlyph(t *testing.T) {
	for _, c := range []struct {
		ux, uy float64
		want   rune
	}{
		{1, 0, '─'}, {-1, 0, '─'}, {0, -1, '│'}, {0, 1, '│'},
		{1, -1, '╱'}, {-1, 1, '╱'}, {1, 1, '╲'}, {-1, -1, '╲'},
		{1, -0.3, '─'}, {0.3, -1, '│'},
	} {
		if got := strokeGlyph(c.ux, c.uy); got != c.want {
			t.Errorf("strokeGlyph(%g, %g) = %c, want %c", c.ux, c.uy, got, c.want)
		}
	}
}

// TestPlaneLegendWhole: beside the 25-mode map of grid at 80×24 the
// legend keeps every entry whole, giving up the blank line above it and
// then the target's spec before any entry is cut.
func TestPlaneLegendWhole(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "grid"), 1, 10)
	view := frame(t, s, snap, 80, 24)
	for _, want := range []string{"░▒▓█ of due", "generated", "+ target", "D's push", "· D = ½"} {
		if !strings.Contains(view, want) {
			t.Errorf("the plane's legend lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "…") {
		t.Errorf("a line is cut:\n%s", view)
	}
}

// TestCriticSurfaceShadedOverItsRange: a critic's scores are shaded from their
// lowest to their highest even when they happen to lie within [0, 1], where a
// probability's would be read as D's belief (shaded as one, a clipped critic's
// 0.2 to 0.3 would read as D sure everything is generated).
func TestCriticSurfaceShadedOverItsRange(t *testing.T) {
	c := newPlaneCanvas(engine.Box{X0: -1, X1: 1, Y0: -1, Y1: 1}, 8, 4)
	surface := []float64{0.2, 0.3, 0.2, 0.3}
	plainProb := strings.Join(c.render(surface, 2, false, 0.5, true, true), "\n")
	plainCritic := strings.Join(c.render(surface, 2, true, 0.5, true, true), "\n")
	if plainProb == plainCritic {
		t.Errorf("a critic's surface in [0, 1] is drawn as a probability's:\n%s", plainCritic)
	}
}

// TestOverDueModeWithoutColour: a mode with more than twice its due is told
// from one at its due by more than its colour (yellow): without colour it is
// ▲▲, not ██ as the other, and the legend names it where one is drawn.
func TestOverDueModeWithoutColour(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	spots := []engine.SpotShare{
		{Spot: engine.Spot{X: -1, Y: 0}, Share: 0.4, Expected: 0.1, Captured: true}, // 4× its due
		{Spot: engine.Spot{X: 1, Y: 0}, Share: 0.1, Expected: 0.1, Captured: true},  // its due
	}
	mp := strings.Join(modeMap(spots, 8, 4), "\n")
	if !strings.Contains(mp, "▲▲") || !strings.Contains(mp, "██") {
		t.Errorf("mode map without colour:\n%s\nwant ▲▲ for the mode over its due beside ██", mp)
	}
	m := Model{}
	m.snap.Eval.Metrics.Plane = &engine.PlaneMetrics{Spots: spots, Captured: 2}
	if notes := strings.Join(m.planeNotes(40, 12), "\n"); !strings.Contains(notes, "▲▲ over 2×") {
		t.Errorf("the legend does not name ▲▲:\n%s", notes)
	}
	spots[0].Share = 0.1
	if notes := strings.Join(m.planeNotes(40, 12), "\n"); strings.Contains(notes, "over 2×") {
		t.Errorf("the legend names ▲▲ where none is drawn:\n%s", notes)
	}
}

// TestSixteenColourSurfaceIsItsBoundary: in 16 colours D's surface is not
// shaded: its blue and red backgrounds would be G's samples' and the target's
// own colours, on which they vanish. It is drawn as its boundary, ·, as without
// colour, the dots keeping their colours, and the legend says so.
func TestSixteenColourSurfaceIsItsBoundary(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}, Reference: []float64{1, 1}}
	e := &session.Eval{Points: []float64{-1, -1, -1.1, -1}, Surface: []float64{0.05, 0.95, 0.05, 0.95}, SurfaceN: 2}
	lines, drawn := planePlot(info, e, nil, false, 0.5, 20, 10)
	plot := strings.Join(lines, "\n")
	if regexp.MustCompile(`\x1b\[[0-9;]*(4[0-7]|10[0-7])m`).MatchString(plot) {
		t.Errorf("a background in 16 colours: %q", plot)
	}
	if !strings.Contains(ansiStrip(plot), "·") {
		t.Errorf("no boundary D = ½:\n%s", ansiStrip(plot))
	}
	if blue, _, _ := strings.Cut(styleBar.Render("x"), "x"); blue == "" || !strings.Contains(plot, blue) {
		t.Errorf("G's samples lost their colour %q: %q", blue, plot)
	}
	m := Model{planeDrawn: drawn}
	m.snap.Eval = *e
	if notes := strings.Join(m.planeNotes(40, 12), "\n"); !strings.Contains(notes, "· D = ½") {
		t.Errorf("the legend does not name the boundary:\n%s", notes)
	}
}

// inColourAt80 is the model of s showing snap at 80×24 in 256 colours,
// and its frame with the colours stripped.
func inColourAt80(s *session.Session, snap session.Snapshot) (Model, string) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	m := NewModel(s)
	m.width, m.height, m.keys.width = 80, 24, 80 // as a resize sets them: the footer's keys fit 80 columns
	m.apply(snap)
	return m, ansiStrip(m.View())
}

// TestPlaneLegendWholeInColour: in colour D's surface is named by its shades,
// "D: fake … real", wider than "· D = ½" without colour; beside grid's 25-mode
// map at 80×24, with a mode over twice its due named under the map, that entry
// is not cut to "D: fake …", the shade that means real lost. D's push and then
// the target's spec give way for the crowded blue's name.
func TestPlaneLegendWholeInColour(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "grid"), 5, 3)
	if !slices.ContainsFunc(snap.Eval.Metrics.Plane.Spots, overDue) {
		t.Fatal("no mode over twice its due: the key's second line is not drawn")
	}
	_, view := inColourAt80(s, snap)
	for _, want := range []string{"over 2×", "generated", "crowded", "target", "fake", "real"} {
		if !strings.Contains(view, want) {
			t.Errorf("the plane's legend lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "…") {
		t.Errorf("a line is cut:\n%s", view)
	}
}

// TestCrowdedBlueNamedBesideTheGridMap: beside grid's 25-mode map at 80×24, in
// colour, a plane that draws the crowded blue names it, short ("⣿ crowded", the
// glossary giving the rule), with the target's spec and D's surface, D's push
// giving way: its item is not dropped where "⣿ crowded, 3× mean" does not fit,
// which would leave a second blue on the plot that the legend does not explain.
func TestCrowdedBlueNamedBesideTheGridMap(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "grid"), 1, 10)
	m, view := inColourAt80(s, snap)
	if !m.planeDrawn.clumps {
		t.Fatalf("no crowded cell drawn: the test wants one:\n%s", view)
	}
	for _, want := range []string{"⣿ crowded", "generated", "target grid(5,2,0.05)", "fake", "real"} {
		if !strings.Contains(view, want) {
			t.Errorf("the plane's legend lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "…") {
		t.Errorf("a line is cut:\n%s", view)
	}
}

// TestWrapKeepsCoordinatesWhole: wrap breaks at plain spaces only, never
// at the non-breaking spaces numtext.Together writes: a mode's coordinates,
// Adam's β with its pair, "ln 2 = 0.6931", "≈ floor" stay on one line at
// every width, styled or not, and the text is the same once joined; a
// parenthesis of words, written with plain spaces, still breaks.
func TestWrapKeepsCoordinatesWhole(t *testing.T) {
	tie := numtext.Together
	texts := []string{
		"! 7 of 25 modes missing — not one sample in 2,500 within 3σ of " + tie("mode 2 at (-4, -2)") + ", " + tie("mode 6 at (-1.41, -1.41)") + "; 98% of the samples within 3σ of no mode",
		tie("loss bce") + ", " + tie("G nonsaturating") + "; " + tie("D adam") + " " + tie("lr 5e-4") + " " + tie("β (0.5, 0.999)"),
		styleCaution.Render("!") + " " + tie("mode 1 at (-2, 0)") + styleMuted.Render(" — "+tie("mode 5 at (2, 0)")+" and "+tie("mode 3 at (0, -2)")),
		"source: Goodfellow, NIPS 2016 tutorial, §5.1.1 (mode collapse); target " + tie("½ N(−2, 0.5²)") + " + " + tie("½ N(2, 0.5²)"),
		"✓ D's losses sit at their equilibrium — within 0.03 of " + tie("ln 2 = 0.6931") + "; \"" + tie("≈ floor") + "\": within 1.5× of it",
	}
	for _, text := range texts {
		want := strings.Fields(ansi.Strip(text)) // the words, each of them whole
		for w := 8; w <= 120; w++ {
			lines := textwrap.Wrap(text, w)
			var got []string
			for _, l := range lines {
				got = append(got, strings.Fields(ansi.Strip(l))...)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("at width %d a unit is cut: %q", w, lines)
			}
			if strings.Join(lines, " ") != text {
				t.Fatalf("at width %d the text changed: %q", w, lines)
			}
		}
	}
	if lines := textwrap.Wrap("a parenthesis (of words that may break)", 20); len(lines) < 2 || lines[0] != "a parenthesis (of" {
		t.Errorf("words in brackets kept whole: %q", lines)
	}
}

// TestLabelsStayWithTheirValues: at 80 and 120 columns the diagnosis and the
// events, as the ? pages write them, keep each label on the line of its value —
// "mode 1 at (2, 0)", "mode 3 (at -2)", "D real 0.6906", "50% in the target" —
// which the session writes with non-breaking spaces; an event does not read
// "mode 1 at" at the end of one line and "(2, 0)" at the start of the next. The
// lines measure as many cells as they show.
func TestLabelsStayWithTheirValues(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	units := regexp.MustCompile(`mode \d+ at \([-0-9.]+, [-0-9.]+\)|mode \d+ \(at [-0-9.]+\)|D (real|fake) [0-9.]+|noise use [0-9.]+|KS [0-9.]+|SW1 [0-9.]+|\d+% in the target`)
	plain := func(s string) string { return strings.TrimLeft(numtext.Plain(ansi.Strip(s)), " ") }
	// Runs whose texts wrapped at plain spaces cut labels from values.
	_, ring := trainedPlane(t, planeConfig(t, "ring"), 2, 400)
	_, grid := trainedPlane(t, planeConfig(t, "grid"), 1, 400)
	_, bimodal := trained(t, bimodal1D(t), 4, 600)
	found := 0
	for _, snap := range []session.Snapshot{ring, grid, bimodal} {
		for _, w := range []int{80, 120} {
			texts := findingLines(&snap, snap.Findings, w, true, false)
			texts = append(texts, eventLines(snap.Events, w, len(snap.Events))...)
			for _, lines := range texts {
				var whole string // the text again, without the lines' indent
				for _, l := range lines {
					whole += plain(l) + " "
				}
				for _, unit := range units.FindAllString(whole, -1) {
					found++
					if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(plain(l), unit) }) {
						t.Errorf("%q is cut: %q", unit, lines)
					}
				}
				for _, l := range lines {
					if cells := lipgloss.Width(l); cells > w || cells != len([]rune(ansi.Strip(l))) {
						t.Errorf("%q measures %d cells", l, cells)
					}
				}
			}
		}
	}
	if found < 40 {
		t.Errorf("only %d labelled values in the texts: the runs met too few findings and events to tell", found)
	}
}

// TestPresetTextsKeepLabelsWithValues: at 80 and 120 columns every preset's
// texts — the design panel's description, source and outline, the ? page's
// remedies — and the glossary wrap without cutting a setting from its value or
// a count from what it counts: "lr" at the end of one line and "5e-4" at the
// start of the next, as wgan-gp's outline could read; ring-pacgan's source
// "packing degree" and "2" at 120×40; "ln" and "2"; "≈" and "floor". Their
// writers keep them together with non-breaking spaces (numtext.Together), the
// wrapper's one mechanism.
func TestPresetTextsKeepLabelsWithValues(t *testing.T) {
	outline := regexp.MustCompile(`\b(lr|momentum|batch|target) \S+|[αλγ] [0-9.e-]+|β \([^)]*\)|β [0-9.e-]+|real label \S+|\b[DG] (adam|sgd|rmsprop)\b|\b\d+ (scores|samples|epochs|rows|points|[DG])\b`)
	prose := regexp.MustCompile(`ln 2|\S+ [=≈] \S+|≈ floor|\([-−0-9.]+, [-−0-9.²]+\)|packing degree \d|½ N\([^)]*\)|N\([^)]*\)|U\[[^)]*\)|\b[βσλγ] [0-9.]+|λ D [0-9.]+|\bG [0-9.]+|spacing \d|noise [0-9.]+|noise_dim \d|(RMSprop|Adam) [0-9.e-]+|\b\d+ (critic steps?|unrolling steps|updates|points|modes|learned kernels|D steps|samples)\b`)
	plain := func(s string) string { return numtext.Plain(ansi.Strip(s)) }
	found := 0
	check := func(name string, units *regexp.Regexp, text string, lines []string) {
		for _, unit := range units.FindAllString(plain(text), -1) {
			found++
			if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(plain(l), unit) }) {
				t.Errorf("%s: %q is cut: %q", name, unit, lines)
			}
		}
	}
	for _, width := range []int{80, 120} {
		w := width - len(gap) - sideW // the design panel's width
		for _, name := range presets.Names() {
			cfg, err := presets.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			// The design as the session writes it (Snapshot.Design).
			for _, text := range []string{cfg.Description, "source: " + cfg.Source} {
				check(name, prose, text, textwrap.Wrap(text, w))
			}
			for _, text := range cfg.Outline() {
				check(name, outline, text, textwrap.Wrap(text, w))
			}
			for _, r := range session.RemediesOf(cfg) { // as the ? page writes them
				text := styleBold.Render(r.Name) + "  " + r.What
				check(name, prose, text, wrapIndent(text, width))
			}
			// The glossary as the design's run has it, every entry.
			var m Model
			m.snap.Loss, m.snap.GLoss, m.snap.Target.Spec = cfg.Loss, cfg.GLoss, cfg.Target
			if e, ok := session.EquilibriumOf(cfg); ok {
				m.snap.Equilibrium = &e
			}
			for _, g := range glossary {
				if g.term == balanceEntry && m.snap.Equilibrium == nil {
					continue // a critic's losses have no balance to draw
				}
				text := styleBold.Render(g.term) + "  " + g.text(&m)
				check(name+" "+g.term, prose, text, wrapIndent(text, width))
			}
		}
	}
	if found < 400 {
		t.Errorf("only %d labelled values in the texts", found)
	}
}

// TestPlaneQualityKeepsTheTargetsMoments: a runaway's means and stds in the
// tens of thousands, written as the headless lines write them, keep the
// target's values in the Quality panel, on a line of their own where the axis's
// line would be wider than the panel, not cut to "x -82852.41±30586.96 vs
// 0.0…".
func TestPlaneQualityKeepsTheTargetsMoments(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 2)
	pm := *snap.Eval.Metrics.Plane
	pm.MeanX, pm.StdX, pm.MeanY, pm.StdY = -82852.41, 30586.96, 512.3, 0.5
	snap.Eval.Metrics.Plane = &pm
	m := NewModel(s)
	m.apply(snap)
	var got []string
	for l := range strings.Lines(ansi.Strip(m.sidePanel(sideW, 20))) {
		got = append(got, strings.TrimRight(l, " \n"))
	}
	want := []string{"x -8.2852e4±3.0587e4", "  vs 0.00±1.41", "y +512±0.50 vs 0.00±1.41"}
	if i := slices.Index(got, want[0]); i < 0 || !slices.Equal(got[i:i+3], want) {
		t.Errorf("Quality reads\n%s\nwant the lines\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, size := range goldenSizes {
		flat := strings.Join(strings.Fields(frame(t, s, snap, size[0], size[1])), " ")
		if size[1] >= 40 && (!strings.Contains(flat, "x -8.2852e4±3.0587e4 ") || !strings.Contains(flat, " vs 0.00±1.41 ") || strings.Contains(flat, "…")) {
			t.Errorf("%dx%d: Quality lacks the axes' lines whole:\n%s", size[0], size[1], flat)
		}
	}
}

// TestPlaneQualityAxesInThreeDecimals: Quality's x and y lines give G's
// mean±std in three decimals, as every other measure on the screen, where the
// line holds them and the target's beside them in the panel's 28 columns,
// "x -0.341±0.201 vs 0.00±1.41", not "x -0.34±0.20"; in two where three would
// push the line past the panel, a mean of -12.345 beside a std of 10.234, the
// line kept whole.
func TestPlaneQualityAxesInThreeDecimals(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 2)
	for _, c := range []struct {
		mx, sx, my, sy float64
		want           []string
	}{
		{-0.341, 0.201, 1.857, 0.498, []string{"x -0.341±0.201 vs 0.00±1.41", "y +1.857±0.498 vs 0.00±1.41"}},
		{-12.345, 10.234, 1.857, 0.498, []string{"x -12.35±10.23 vs 0.00±1.41", "y +1.857±0.498 vs 0.00±1.41"}},
	} {
		pm := *snap.Eval.Metrics.Plane
		pm.MeanX, pm.StdX, pm.MeanY, pm.StdY = c.mx, c.sx, c.my, c.sy
		snap.Eval.Metrics.Plane = &pm
		m := NewModel(s)
		m.apply(snap)
		var got []string
		for l := range strings.Lines(ansi.Strip(m.sidePanel(sideW, 20))) {
			got = append(got, strings.TrimRight(l, " \n"))
		}
		if i := slices.Index(got, c.want[0]); i < 0 || !slices.Equal(got[i:i+2], c.want) {
			t.Errorf("Quality reads\n%s\nwant the lines\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// TestMomentsLegendKeepsItsTitle: at 80×24 the 2-D moments legend keeps its
// title once values arrive, its long one, "Moments, last batch", and G's
// values their three decimals, as a 1-D legend's do there, where naming the
// means and stds μ and σ and the target's values giving way leave them room;
// G's values lose a decimal only where that is not room enough, before the
// title goes, or, beside a target centred off 0, to give its target's
// values: at 80×24 the means beside the title and the stds with the
// target's under it (TestMomentsKeepAnOffCentreTargetsMeans). It writes the
// target's values as Quality does. A points(…) target's "┈-0.0509,0.693"
// does not take the title's room, beside Quality's "vs -0.05±1.62": its
// means give way there, its stds go after G's under the title, "σ X 0.41 Y
// 0.44 ┈1.62,0.95"; G's means far off, "μ x -11.55 y -10.69" beside the
// stds, both give way.
func TestMomentsLegendKeepsItsTitle(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "moons"), 1, 2)
	info := *snap.Target.Plane
	info.MeanX, info.MeanY, info.StdX, info.StdY = -0.0509, 0.693, 1.62, 0.95
	snap.Target.Plane = &info
	for _, c := range []struct {
		name      string
		mean, std [2]float64
		wants     []string
	}{
		{"near", [2]float64{1.155, 1.069}, [2]float64{0.407, 0.443}, []string{"Moments, last batch μ x 1.16 y 1.07", "σ X 0.41 Y 0.44 ┈1.62,0.95"}}, // as below 0: the form is picked for either sign
		{"both below 0", [2]float64{-1.155, -1.069}, [2]float64{0.407, 0.443}, []string{"Moments, last batch μ x -1.16 y -1.07", "σ X 0.41 Y 0.44 ┈1.62,0.95"}},
		{"far", [2]float64{-11.55, -10.69}, [2]float64{0.407, 0.443}, []string{"Moments, last batch", "μ x -11.55 y -10.69 σ X 0.41 Y 0.44"}},
	} {
		snap.Last.Mean, snap.Last.MeanY, snap.Last.Std, snap.Last.StdY = c.mean[0], c.mean[1], c.std[0], c.std[1]
		flat := strings.Join(strings.Fields(frame(t, s, snap, 80, 24)), " ")
		for _, want := range append(c.wants, "vs -0.05±1.62", "vs 0.69±0.95") {
			if !strings.Contains(flat, want+" ") {
				t.Errorf("%s: the frame lacks %q:\n%s", c.name, want, flat)
			}
		}
	}
}

// TestClumpOverThePush: a cell holding a clump of G's samples shows them over
// D's push, which starts among them; a cell of one sample in a hundred shows
// the push. Otherwise a collapsed G, its samples in a few cells, would be drawn
// almost whole as the push (in its purple; as ╱ without colour).
func TestClumpOverThePush(t *testing.T) {
	c := newPlaneCanvas(engine.Box{X0: 0, X1: 4, Y0: 0, Y1: 4}, 4, 2) // a cell is 1×2
	var xy []float64
	for range 100 { // a clump in the first cell of the top row, all at one dot
		xy = append(xy, 0.1, 3.9)
	}
	c.points(layerGen, append(xy, 2.1, 3.9)) // and one sample in the third cell
	// A push rightward along the top row from each: dots in cells 0, 1 and 2, 3.
	c.arrows([]session.Arrow{{X: 0.1, Y: 3.9, DX: 1}, {X: 2.1, Y: 3.9, DX: 1}}, 4)
	top := []rune(ansi.Strip(c.render(nil, 0, false, 0.5, true, true)[0]))
	if top[0] != '⠁' {
		t.Errorf("the clump's cell shows %q, want G's ⠁", top[0])
	}
	if top[1] != '─' || top[2] != '─' {
		t.Errorf("the cells past the clump and of one sample show %q and %q, want the push's ─", top[1], top[2])
	}
}

// TestTargetWhereGFallsShort: a cell of the target's where G has under a
// quarter of its due shows the target, over G's few samples there and D's push
// at them, with colour and without; where G meets its due it shows G. A mode G
// missed is not hidden under the push toward it, which would have ring at 80×24
// read ╱╱ where the mode map shows it missed, and no + anywhere.
func TestTargetWhereGFallsShort(t *testing.T) {
	c := newPlaneCanvas(engine.Box{X0: 0, X1: 4, Y0: 0, Y1: 4}, 4, 2) // a cell is 1×2, a dot ½×½
	var ref, gen []float64
	for range 10 { // the target, half in the first cell of the top row, half in the fourth
		ref = append(ref, 0.1, 3.9, 3.1, 3.9)
	}
	gen = append(gen, 0.6, 3.9) // G's one stray in the first cell, beside the target's dot
	for range 60 {              // G meeting its due in the fourth
		gen = append(gen, 3.6, 3.9)
	}
	for range 199 { // and the rest of G's samples in the bottom row, away from the target
		gen = append(gen, 2.1, 0.1)
	}
	c.points(layerRef, ref)
	c.points(layerGen, gen)
	c.arrows([]session.Arrow{{X: 0.6, Y: 3.9, DX: 1}}, 4) // rightward from the stray: cells 0, 1, 2
	for _, plain := range []bool{true, false} {
		top := []rune(ansi.Strip(c.render(nil, 0, false, 0.5, plain, true)[0]))
		want := []rune{'+', '─', '─', '⠈'} // the target, the push twice, G
		if !plain {
			want = []rune{'⠁', '⠉', '⠁', '⠈'}
		}
		if !slices.Equal(top, want) {
			t.Errorf("plain %v: the top row reads %q, want %q", plain, string(top), string(want))
		}
	}
}

// TestBaseWhereGFallsShort: a cell of the target's where G falls short of its
// due shows a pinned baseline's samples where they meet it, a mode the base had
// and G has lost, and the target where the base falls short too; the legend
// then names the base as drawn. Under the target's + the base would be hidden
// where it differs most from G.
func TestBaseWhereGFallsShort(t *testing.T) {
	var ref, base, gen []float64
	for range 10 { // the target, half in the first cell of the top row, half in the fourth
		ref = append(ref, 0.1, 3.9, 3.1, 3.9)
	}
	for range 50 { // the base on the first cell's half, meeting its due there
		base = append(base, 0.1, 3.9)
	}
	base = append(base, 3.1, 3.9) // and one sample in the fourth, short of it
	for range 49 {
		base = append(base, 2.1, 0.1)
	}
	for range 100 { // G all in the bottom row, short of both halves
		gen = append(gen, 2.1, 0.1)
	}
	c := newPlaneCanvas(engine.Box{X0: 0, X1: 4, Y0: 0, Y1: 4}, 4, 2)
	c.points(layerRef, ref)
	c.points(layerGhost, base)
	c.points(layerGen, gen)
	top := []rune(ansi.Strip(c.render(nil, 0, false, 0.5, true, true)[0]))
	if want := []rune{ghostGlyph, ' ', ' ', '+'}; !slices.Equal(top, want) {
		t.Errorf("the top row reads %q, want %q: the base where it meets the due G falls short of, the target where both fall short", string(top), string(want))
	}
	if !c.drawn.ghost {
		t.Error("the base is drawn, but not marked drawn for the legend")
	}
	// The glossary's plane entry says so with a baseline pinned, and only then.
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 2)
	for _, pinned := range []bool{false, true} {
		snap.Baseline = nil
		if pinned {
			snap.Baseline = &session.Baseline{Preset: snap.Preset, Seed: 1, Epoch: 2, Settings: snap.Settings, Eval: snap.Eval}
		}
		m := NewModel(s)
		m.apply(snap)
		for _, g := range m.glossaryEntries() {
			if says := strings.Contains(g[1], "the base's dots where they have theirs"); g[0] == "plane" && says != pinned {
				t.Errorf("baseline pinned %v: the plane entry says where the base shows over the target %v:\n%s", pinned, says, g[1])
			}
		}
	}
}

// TestCornerMarkedByMostSamples: a corner cell of the box's edge is marked by
// the side most of G's samples beyond it left by, whatever order they come in:
// a cloud gone off to the left past the bottom-left corner, one sample of it
// below the box and drawn last, is not marked ▼ there nor named ▼ in the title.
func TestCornerMarkedByMostSamples(t *testing.T) {
	for _, below := range []string{"first", "last"} {
		c := newPlaneCanvas(engine.Box{X0: 0, X1: 4, Y0: 0, Y1: 4}, 4, 2)
		var left []float64
		for range 99 { // beyond the left edge, level with the bottom row
			left = append(left, -1, 0.5)
		}
		under := []float64{0.1, -0.5} // below the bottom-left cell
		xy := append(slices.Clone(under), left...)
		if below == "last" {
			xy = append(left, under...)
		}
		c.points(layerGen, xy)
		if got := c.edgeMark(4); got != '◀' { // the bottom row's first cell
			t.Errorf("the sample below drawn %s: the corner is marked %q, want ◀", below, got)
		}
	}
}

// TestXAxisHasTwoLabels: an x axis gives at least two values where its range
// holds two round ones: ring's plane at 80×24 (18 columns over ±2.5) does not
// have one label alone, 0, its step of 5 wider than the range.
func TestXAxisHasTwoLabels(t *testing.T) {
	if got := strings.Fields(xLabels(-2.496, 2.496, 18)); len(got) < 2 {
		t.Errorf("18 columns over ±2.5: labels %q", got)
	}
}

// TestPlaneAxesStepAlike: the plane is square, and its x axis steps as its y
// axis does at every size: grid's at 120×40 and at 100×30 does not have y at 4,
// 2, 0, -2, -4 and x at -5, 0, 5, nor ring's at 160×50 y at 2.0, 1.5, … and x
// at -2, -1, 0, 1, 2. A value both axes label is written alike on both: ring's
// at 200×50 has no y at 2.0, 1.5, 1.0 beside x at 2, 1.5, 1.
func TestPlaneAxesStepAlike(t *testing.T) {
	step := func(labels []string) float64 {
		var vs []float64
		for _, l := range labels {
			if v, err := strconv.ParseFloat(l, 64); err == nil {
				vs = append(vs, v)
			}
		}
		if len(vs) < 2 {
			return math.NaN()
		}
		return math.Abs(vs[1] - vs[0])
	}
	for _, name := range []string{"grid", "ring", "moons"} {
		_, snap := trainedPlane(t, planeConfig(t, name), 1, 2)
		for rows := 8; rows <= 36; rows++ {
			lines, _ := planePlot(snap.Target.Plane, &snap.Eval, nil, false, 0.5, 2*rows, rows)
			var ys []string
			for _, l := range lines[:rows] {
				ys = append(ys, strings.Fields(ansi.Strip(l)[:axisGutter])...)
			}
			xs := strings.Fields(ansi.Strip(lines[rows]))
			if dy, dx := step(ys), step(xs); dx != dy {
				t.Errorf("%s, %d rows: y labels %q, x labels %q", name, rows, ys, xs)
			}
			written := map[float64]string{}
			for _, l := range ys {
				if v, err := strconv.ParseFloat(l, 64); err == nil {
					written[v] = l
				}
			}
			for _, l := range xs {
				if v, err := strconv.ParseFloat(l, 64); err == nil && written[v] != "" && written[v] != l {
					t.Errorf("%s, %d rows: %v is %q on the y axis, %q on the x axis", name, rows, v, written[v], l)
					break
				}
			}
		}
	}
}

// TestBeyondTheBoxMarkedOnItsEdge: G's samples beyond the plane's box are
// marked on its edge where they left it, by the side they are farther beyond,
// where a clump of them (1% of those drawn) lies beyond a cell; all are
// counted, and the panel's title names the marks. A runaway G's cloud is not
// cut at the edge, where it has gone said by a count alone ("348 beyond the
// box"). Those not a number, NaN or infinite, lie nowhere: counted apart, never
// beyond the box nor marked on its edge (+Inf is not marked ▶ half-way up, as
// beyond the right side).
func TestBeyondTheBoxMarkedOnItsEdge(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}}
	var xy []float64
	for range 300 { // in the box
		xy = append(xy, 0, 0)
	}
	for _, p := range [][2]float64{
		{5, 1.9},         // right of the top row
		{-9, -0.5},       // left of the third row
		{0.1, 7},         // above, in a middle column
		{3, -2.5},        // right more than below: on the right edge's foot
		{-2.1, -9},       // below more than left: on the bottom edge's first cell
		{math.Inf(1), 0}, // nowhere
		{math.NaN(), 0},  // nowhere
	} {
		for range 5 { // a clump: 5 of the 337 drawn
			xy = append(xy, p[0], p[1])
		}
	}
	xy = append(xy, -9, 1.1, 9, 0.5) // one sample left of the top row, one right of the second: no clump
	e := &session.Eval{Points: xy}
	cols, rows := 8, 4 // a cell is ½ wide and 1 tall
	lines, out := planePlot(info, e, nil, false, 0.5, cols, rows)
	if out.beyond != 27 || out.notFinite != 10 || out.marks != "◀▶▲▼" {
		t.Errorf("beyond: %d marked %q, %d not a number, want 27 marked %q, 10", out.beyond, out.marks, out.notFinite, "◀▶▲▼")
	}
	plot := make([][]rune, rows)
	for r := range rows {
		plot[r] = []rune(ansi.Strip(lines[r]))[axisGutter:]
	}
	for _, want := range []struct {
		r, c int
		g    rune
	}{{0, 7, '▶'}, {2, 0, '◀'}, {0, 4, '▲'}, {3, 7, '▶'}, {3, 0, '▼'}, {2, 7, ' '}, {0, 0, ' '}, {1, 7, ' '}} {
		if got := plot[want.r][want.c]; got != want.g {
			t.Errorf("cell (%d, %d): %q, want %q", want.r, want.c, got, want.g)
		}
	}
	m := Model{planeDrawn: out}
	m.snap.Eval = *e
	m.snap.Eval.Metrics.N = len(xy) / 2
	m.histView = lines
	if title := ansi.Strip(firstLine(strings.Split(m.planePanel(80, rows+2), "\n"))); !strings.Contains(title, "27 of 337 beyond the box ◀▶▲▼ · 10 NaN or infinite") {
		t.Errorf("the title %q does not name the marks", title)
	}
}

// TestPlaneTitleKeepsTheCountBeyond: short of room, the plane's title gives
// way, the epoch first, then the axes' "y ↑ x →", then its words, and never
// leaves out the count beyond the box nor "the box": at 80×24 a runaway's count
// with no mark on the edge read "213 of 1,500 beyond", beyond what, and said
// 1,500 where Quality's modes rule beside it counts "each by ≥1 sample in
// 2,500". There the title says the share of the evaluation's samples it draws,
// and those beyond the box as a share of those drawn, "1,500/2,500 drawn · 23%
// beyond the box", where "· 348 beyond the box" had not said of which of the two
// counts; at 70×20 the count among those drawn, "348 of 1,500 beyond the box".
func TestPlaneTitleKeepsTheCountBeyond(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	var m Model
	m.snap.Eval.Points = make([]float64, 2*1500)
	m.snap.Eval.Metrics.N, m.snap.Eval.Epoch = 2500, 1341
	for _, c := range []struct {
		w     int
		drawn planeDrawn
		want  string
	}{
		{120, planeDrawn{beyond: 348, marks: "▶"}, "Plane y ↑ x → · 1,500 of 2,500 drawn, epoch 1,341 · 348 of 1,500 beyond the box ▶"},
		{60, planeDrawn{beyond: 348, marks: "▶"}, "Plane y ↑ x → · 1,500 of 2,500 drawn · 23% beyond the box ▶"}, // the epoch gives way first
		{51, planeDrawn{beyond: 348, marks: "▶"}, "Plane · 1,500 of 2,500 drawn · 23% beyond the box ▶"},
		{80 - len(gap) - sideW, planeDrawn{beyond: 348, marks: "▶"}, "Plane · 1,500/2,500 drawn · 23% beyond the box ▶"},               // at 80×24
		{80 - len(gap) - sideW, planeDrawn{beyond: 213}, "Plane · 1,500 of 2,500 drawn · 14% beyond the box"},                          // no mark on the edge
		{80 - len(gap) - sideW, planeDrawn{beyond: 1, marks: "▶"}, "Plane · 1,500/2,500 drawn · 0.1% beyond the box ▶"},                // one sample: not 0%
		{80 - len(gap) - sideW, planeDrawn{beyond: 348, marks: "◀▶▲▼", notFinite: 3}, "Plane · 348/1,500 beyond the box ◀▶▲▼ · 3 NaN"}, // the share drawn gives way
		{64, planeDrawn{beyond: 30, notFinite: 3}, "Plane · 1,500/2,500 drawn · 2% beyond the box · 0.2% NaN"},                         // each a share
		{70 - len(gap) - sideW, planeDrawn{beyond: 348, marks: "▶"}, "Plane · 348 of 1,500 beyond the box ▶"},                          // at 70×20
		{30, planeDrawn{beyond: 348, marks: "▶"}, "Plane · 23% beyond the box ▶"},
	} {
		m.planeDrawn = c.drawn
		if got := strings.TrimRight(ansi.Strip(firstLine(strings.Split(m.planePanel(c.w, 2), "\n"))), " "); got != c.want {
			t.Errorf("at %d columns: %q, want %q", c.w, got, c.want)
		}
	}
	m.planeDrawn = planeDrawn{}
	if got := strings.TrimRight(ansi.Strip(firstLine(strings.Split(m.planePanel(120, 2), "\n"))), " "); got != "Plane y ↑ x → · 1,500 of 2,500 drawn, epoch 1,341" {
		t.Errorf("nothing beyond: %q", got)
	}
}

// TestCrowdedCellsStandOut: a cell holding three times as many of G's samples
// as the mean of the cells holding any of them or of the target's, or more, is
// drawn in a blue of its own, named in the legend; a cloud spread evenly has no
// such cell, nor has a screen of 16 colours, whose two blues are one. Braille
// dots alone draw a cell of one sample as full as one of a hundred: ring at 80%
// high quality would be a ring of even dots, not 8 modes.
func TestCrowdedCellsStandOut(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	crowded, _, _ := strings.Cut(styleClump.Render("x"), "x")
	plain, _, _ := strings.Cut(styleBar.Render("x"), "x")
	if crowded == plain {
		t.Fatal("the crowded blue is G's own")
	}
	box := engine.Box{X0: 0, X1: 8, Y0: 0, Y1: 4} // 8×4 cells of 1×1
	at := func(col, row int) (float64, float64) { return float64(col) + 0.25, 3.75 - float64(row) }
	draw := func(xy []float64, bare bool) ([]string, bool) {
		c := newPlaneCanvas(box, 8, 4)
		c.points(layerGen, xy)
		return c.render(nil, 0, false, 0.5, false, bare), c.drawn.clumps
	}
	var xy []float64
	for range 100 { // a mode G piles onto, in the third row
		x, y := at(5, 2)
		xy = append(xy, x, y)
	}
	for col := range 8 { // one sample in each cell of the first row: strewn
		x, y := at(col, 0)
		xy = append(xy, x, y)
	}
	lines, clumps := draw(xy, false)
	if !clumps || !strings.Contains(lines[2], crowded) || !strings.Contains(lines[0], plain) || strings.Contains(lines[0], crowded) {
		t.Errorf("a cell of 100 among 8 of 1 (clumps %v):\n%q", clumps, lines)
	}
	m := Model{planeDrawn: planeDrawn{clumps: clumps}}
	if notes := ansiStrip(strings.Join(m.planeNotes(40, 12), "\n")); !strings.Contains(notes, "⣿ crowded, 3× mean") {
		t.Errorf("the legend does not name the crowded blue:\n%s", notes)
	}
	if lines, clumps = draw(xy, true); clumps || strings.Contains(strings.Join(lines, ""), crowded) {
		t.Errorf("crowded in 16 colours:\n%q", lines)
	}
	var even []float64
	for col := range 8 { // 10 samples in each cell of the first row
		for range 10 {
			x, y := at(col, 0)
			even = append(even, x, y)
		}
	}
	if lines, clumps = draw(even, false); clumps || strings.Contains(strings.Join(lines, ""), crowded) {
		t.Errorf("crowded in an even cloud:\n%q", lines)
	}
	c := newPlaneCanvas(box, 8, 4) // G collapsed to one cell, the target spread over the first row
	for col := range 8 {
		x, y := at(col, 0)
		c.points(layerRef, []float64{x, y})
	}
	c.points(layerGen, xy[:200])
	if lines = c.render(nil, 0, false, 0.5, false, false); !c.drawn.clumps || !strings.Contains(lines[2], crowded) {
		t.Errorf("G collapsed to a point off the target is not crowded:\n%q", lines)
	}
	if notes := ansiStrip(strings.Join((&Model{}).planeNotes(40, 12), "\n")); strings.Contains(notes, "crowded") {
		t.Errorf("the legend names a crowded blue not drawn:\n%s", notes)
	}
}

// TestPlaneLegendKeepsItsWords: on a screen tall for its width the plot,
// square, leaves its notes room for the legend's first item whole, G's samples
// named as they are drawn: at 80×40, taking all but 10 columns, it would leave
// the legend reading "⣿ genera…", and at 79×40 the mode map's head "Modes 1…".
func TestPlaneLegendKeepsItsWords(t *testing.T) {
	s, trained := trainedPlane(t, planeConfig(t, "ring"), 1, 2)
	for _, ema := range []float64{0, 0.99} {
		snap := trained
		snap.GEMA = ema
		want := "⣿" + generatedBy(ema)
		for _, size := range [][2]int{{79, 40}, {80, 40}, {81, 40}, {90, 50}} {
			view := frame(t, s, snap, size[0], size[1])
			lines := strings.Split(view, "\n")
			top := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Plane") })
			if top < 0 {
				t.Fatalf("%d×%d: no plane:\n%s", size[0], size[1], view)
			}
			band := strings.Join(lines[top:], "\n")
			if !strings.Contains(band, want) || strings.Contains(band, "…") {
				t.Errorf("%d×%d, G's average %v: the plane's notes do not name %q whole:\n%s", size[0], size[1], ema, want, view)
			}
		}
	}
}

// TestModesHeadShortens: the mode map's head says what it counts, "captured",
// as Quality does, beside the share of high quality, and gives the count whole
// where those do not fit beside it, the share left out first, Quality giving
// it (at 80×24 ring's read "Modes 1/8 · HQ 0.04%" beside Quality's "floor
// 0.031 · HQ 0.04%"), then the word: at 70×20 it does not read "Modes 16/25
// · HQ 1…".
func TestModesHeadShortens(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	var m Model
	m.snap.Eval.Metrics.Plane = &engine.PlaneMetrics{Captured: 16, HighQuality: 0.002, Spots: make([]engine.SpotShare, 25)}
	for _, c := range []struct {
		w    int
		want string
	}{{40, "Modes 16/25 captured · HQ 0.2%"}, {30, "Modes 16/25 captured · HQ 0.2%"}, {29, "Modes 16/25 captured"}, {20, "Modes 16/25 captured"}, {19, "Modes 16/25"}, {17, "Modes 16/25"}} {
		if got := ansi.Strip(firstLine(m.planeNotes(c.w, 20))); got != c.want {
			t.Errorf("at %d cells: %q, want %q", c.w, got, c.want)
		}
	}
}

// TestWidePlaneLeavesNoBlankBand: on a wide screen the samples band of a 2-D
// run has no wide run of columns blank from its top to its bottom: the plot,
// square, is as wide as the band is high, and the moments chart stands in the
// columns it leaves. At 200×50 the plot and its notes do not take 80 of the
// band's 170 columns and leave 90 blank.
func TestWidePlaneLeavesNoBlankBand(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 300)
	for _, size := range [][2]int{{200, 50}, {160, 45}} {
		w, h := size[0], size[1]
		view := frame(t, s, snap, w, h)
		lines := strings.Split(view, "\n")
		top := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Plane") })
		m := NewModel(s)
		m.width, m.height, m.snap = w, h, snap
		l := m.layout()
		if top < 0 || top+l.bottomH > len(lines) {
			t.Fatalf("%d×%d: no samples band:\n%s", w, h, view)
		}
		if !strings.Contains(lines[top], "Moments") {
			t.Errorf("%d×%d: the moments chart is not beside the plane:\n%s", w, h, view)
		}
		run, widest := 0, 0
		for x := range l.histW {
			run++
			for _, line := range lines[top+1 : top+l.bottomH] { // under the titles
				if r := []rune(line); x < len(r) && r[x] != ' ' {
					run = 0
					break
				}
			}
			widest = max(widest, run)
		}
		if widest > sideW/2 {
			t.Errorf("%d×%d: %d columns of the samples band blank from top to bottom:\n%s", w, h, widest, view)
		}
	}
}

// TestWidePlaneTakesTheRoom: where the moments chart stands beside the plane,
// the losses alone across the chart band, the samples band takes two thirds of
// the body's rows and the plot with it: at 200×50 it is 26 rows high under a
// losses band 200 columns wide and 14 rows high, not 23 under 17. The moments
// chart stays beside the plane, which grows no wider than leaves it its room.
func TestWidePlaneTakesTheRoom(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 300)
	for _, c := range []struct{ w, h, rows int }{{200, 50, 26}, {160, 45, 23}} {
		view := frame(t, s, snap, c.w, c.h)
		lines := strings.Split(view, "\n")
		top := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Plane") })
		if top < 0 || !strings.Contains(lines[top], "Moments") {
			t.Fatalf("%d×%d: the moments chart is not beside the plane:\n%s", c.w, c.h, view)
		}
		m := NewModel(s)
		m.width, m.height, m.snap = c.w, c.h, snap
		l := m.layout()
		body := l.topH + l.bottomH
		if l.bottomH < 2*body/3 || l.topH < 2+minChartRows {
			t.Errorf("%d×%d: losses %d rows, samples band %d", c.w, c.h, l.topH, l.bottomH)
		}
		// The plot's rows: those from under the title to the x axis's
		// labels, which begin in the gutter's blank with ring's -2.
		rows := slices.IndexFunc(lines[top+1:], func(l string) bool {
			return strings.HasPrefix(strings.TrimLeft(l, " "), "-2 ") && strings.HasPrefix(l, "     ")
		})
		if rows != c.rows {
			t.Errorf("%d×%d: a plot %d rows high, want %d:\n%s", c.w, c.h, rows, c.rows, view)
		}
	}
}

// TestPlaneLegendNamesOnlyWhatIsDrawn: without colour the plane's legend keys
// D's boundary, "· D = ½", only where the plot draws a · of it, as it names the
// crowded blue and D's push only where drawn: grid's plane at 80×24 (seed 2),
// its cells full of samples, does not key "· D = ½" with no · anywhere on the
// plot.
func TestPlaneLegendNamesOnlyWhatIsDrawn(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}, Reference: []float64{1, 1}}
	surface := []float64{0.05, 0.95, 0.05, 0.95} // fake on the left, real on the right
	panel := func(points []float64, arrow session.Arrow) (plot, notes string) {
		e := &session.Eval{Points: points, Surface: surface, SurfaceN: 2, Arrows: []session.Arrow{arrow}}
		lines, drawn := planePlot(info, e, nil, false, 0.5, 20, 10)
		m := Model{planeDrawn: drawn, histView: lines}
		m.snap.Eval = *e
		m.snap.Eval.Metrics.N = len(points) / 2
		return strings.Join(lines, "\n"), ansi.Strip(m.planePanel(80, 12))
	}
	var full []float64 // a sample in every cell: no cell left for a ·
	for r := range 10 {
		for c := range 20 {
			full = append(full, -2+(float64(c)+0.5)/5, 2-(float64(r)+0.5)/2.5)
		}
	}
	for _, c := range []struct {
		name   string
		points []float64
		arrow  session.Arrow
		dot    bool
		push   bool
	}{
		{"full", full, session.Arrow{X: 0, Y: 0, DX: 1}, false, true},
		{"few", []float64{-1, -1, -1.1, -1}, session.Arrow{X: 5, Y: 5, DX: 1}, true, false}, // a push beyond the box
	} {
		plot, notes := panel(c.points, c.arrow)
		if got := strings.Contains(plot, "·"); got != c.dot {
			t.Fatalf("%s: a · on the plot: %v, the test wants %v:\n%s", c.name, got, c.dot, plot)
		}
		if got := strings.Contains(notes, "· D = ½"); got != c.dot {
			t.Errorf("%s: the legend keys · D = ½: %v, the plot draws a ·: %v:\n%s", c.name, got, c.dot, notes)
		}
		if got := strings.Contains(notes, "D's push"); got != c.push {
			t.Errorf("%s: the legend names D's push: %v, the plot draws it: %v:\n%s", c.name, got, c.push, notes)
		}
		// By a stroke the plot draws: a push across is ─, the legend not naming
		// every push ╲, whatever way the plot's goes.
		if before, _, ok := strings.Cut(notes, " D's push"); ok {
			if mark, _ := utf8.DecodeLastRuneInString(before); !strings.ContainsRune(plot, mark) {
				t.Errorf("%s: the legend names D's push %c, a mark the plot does not draw:\n%s\n%s", c.name, mark, plot, notes)
			}
		}
	}
}

// TestPlaneLegendWholeAtTheSmallestSize: at 70×21 and 70×20, where grid's
// 25-mode map and its key leave the legend one row beside the plot, the map's
// key gives way whole, the glossary giving it, so that the legend names G's
// samples and the target whole, in colour and without, not cut to "⣿
// generated  ⣿ t…".
func TestPlaneLegendWholeAtTheSmallestSize(t *testing.T) {
	for _, name := range []string{"grid", "ring", "moons"} {
		s, snap := trainedPlane(t, planeConfig(t, name), 2, 20)
		snap.State = session.Paused
		eachView(t, s, snap, [][2]int{{70, 20}, {70, 21}}, func(at, view string) {
			at = name + ", " + at
			if !strings.Contains(view, "generated") || !strings.Contains(view, "target") {
				t.Errorf("%s: the legend does not name G's samples and the target:\n%s", at, view)
			}
			lines := strings.Split(view, "\n")
			for _, l := range lines[slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "Plane") }):] {
				if strings.HasPrefix(l, "! ") {
					break // the diagnosis, which elides by design
				}
				if strings.Contains(l, "…") {
					t.Errorf("%s: a line cut: %q", at, l)
				}
			}
		})
	}
}

// TestNoCurveNoteIsIndented: the note that says why there is no D(x) strip or D
// surface, wrapped, indents its later lines as the other wrapped notes do:
// devnag-moments's at 80×24 and 70×20 does not leave "samples" alone at column
// 0 under "no D(x) strip: D sees only 4 moments of 500", nor ring-pacgan's
// plane at 80×24 "packed points at once" under "no D surface: D judges 2".
func TestNoCurveNoteIsIndented(t *testing.T) {
	for _, c := range []struct {
		preset, head string
		w, h         int
	}{
		{"devnag-moments", "no D(x) strip", 80, 24},
		{"devnag-moments", "no D(x) strip", 70, 20},
		{"ring-pacgan", "no D surface", 80, 24},
	} {
		var s *session.Session
		var snap session.Snapshot
		if c.preset == "ring-pacgan" { // a plane: no histogram's bins to wait on
			s, snap = trainedPlane(t, planeConfig(t, c.preset), 1, 1)
		} else {
			cfg, err := presets.Get(c.preset)
			if err != nil {
				t.Fatal(err)
			}
			s, snap = trainedSnapshot(t, cfg, 1, 1, c.w)
		}
		view := frame(t, s, snap, c.w, c.h)
		rows := strings.Split(view, "\n")
		wrapped := false
		for i, r := range rows {
			col := strings.Index(r, c.head)
			if col < 0 || i+1 == len(rows) {
				continue
			}
			next := []rune(rows[i+1])
			at := len([]rune(r[:col])) // the note's column, in cells
			if at+3 > len(next) || next[at] != ' ' || next[at+1] != ' ' || next[at+2] == ' ' {
				t.Errorf("%s at %dx%d: the note's next line is not indented by two under it:\n%s", c.preset, c.w, c.h, view)
			}
			wrapped = true
		}
		if !wrapped {
			t.Errorf("%s at %dx%d: no %q note:\n%s", c.preset, c.w, c.h, c.head, view)
		}
	}
}

// TestNoCurveKeepsItsTermWhole: devnag-2017's note in place of D(x) ends in the
// term (x-mean)², which a wrap at 80×24 moves to the next row whole: written
// "(x - mean)²", it would be cut as "(x -" over "mean)²".
func TestNoCurveKeepsItsTermWhole(t *testing.T) {
	cfg, err := presets.Get("devnag-2017")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		s, snap := trainedSnapshot(t, cfg, 1, 1, size[0])
		view := frame(t, s, snap, size[0], size[1])
		held := false
		for _, row := range strings.Split(view, "\n") {
			if strings.Contains(row, "(x") {
				held = strings.Contains(row, "mean)²")
				if !held {
					t.Errorf("devnag-2017 at %dx%d: the term is cut at %q:\n%s", size[0], size[1], row, view)
				}
			}
		}
		if !held {
			t.Errorf("devnag-2017 at %dx%d: no row holds the term (x-mean)²:\n%s", size[0], size[1], view)
		}
	}
}

// TestPlaneAndFigureCountTheSameBeyond: the plane's title and a figure's panel
// (d), given the same samples, count the same of them beyond the box
// (engine.Box.Contains) and say among how many. A sample on the box's right or
// bottom edge is within it on both, and the screen does not say "2 beyond the
// box" of the 1,500 it draws beside the figure's "(8 of 2,500 beyond the box)"
// of the same epoch (grid-pacgan, seed 1, epoch 2,367), as if of the same
// samples. A sample not a number (NaN or infinite) is counted apart in both,
// never beyond the box, nor left out of one count and not the other.
func TestPlaneAndFigureCountTheSameBeyond(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	box := engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}
	info := &session.PlaneInfo{Box: box, Reference: []float64{0, 0}}
	var xy []float64
	for i := range 1500 {
		x, y := 0.0, 0.0
		switch i % 100 {
		case 1:
			x = 2 // on the right edge: in the box
		case 2:
			y = -2 // on the bottom edge: in the box
		case 3:
			x, y = 2, -2 // on the bottom-right corner: in the box
		case 4:
			x = 2.5 // beyond the box
		case 5:
			x = math.NaN() // nowhere
		case 6:
			y = math.Inf(1) // nowhere
		}
		xy = append(xy, x, y)
	}
	e := session.Eval{Epoch: 7, Points: xy, Metrics: engine.Metrics{N: 2500}}
	lines, out := planePlot(info, &e, nil, false, 0.5, 20, 10)
	m := Model{planeDrawn: out, histView: lines}
	m.snap.Eval = e
	count := regexp.MustCompile(`(\d[\d,]*) of (\d[\d,]*) beyond the box`)
	nan := regexp.MustCompile(`\d[\d,]* NaN or infinite`)
	title := ansi.Strip(m.planeTitle(160))
	screen := count.FindStringSubmatch(title)
	if screen == nil || screen[0] != "15 of 1,500 beyond the box" || nan.FindString(title) != "30 NaN or infinite" {
		t.Fatalf("the plane's title %q: want it to count 15 of 1,500 beyond the box, and 30 NaN or infinite", title)
	}
	var svg strings.Builder
	p := session.Picture{Plane: info, Samples: xy, Epoch: 7, SurfaceN: 0}
	if err := figure.Encode(&svg, "svg", figure.FromPicture(p)); err != nil {
		t.Fatal(err)
	}
	fig := count.FindStringSubmatch(svg.String())
	if fig == nil || fig[0] != screen[0] {
		t.Errorf("the figure's panel (d) counts %q, the plane's title %q", fig, screen[0])
	}
	if f := nan.FindString(svg.String()); f != "30 NaN or infinite" {
		t.Errorf("the figure's panel (d) counts %q not a number, the plane's title 30", f)
	}
}

// TestQualitySaysWhatCapturedAsks: under "modes 4/8 captured" the Quality panel
// says what captures a mode, one sample in 2,500, where it has a row for it,
// and the glossary names the rule's papers: without it, ring-mbd's "modes 3/8
// captured" beside "HQ 0.4%" (seed 1, epoch 149) would read as if part of the
// target were learned with nearly every sample on no mode.
func TestQualitySaysWhatCapturedAsks(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	var m Model
	m.snap.Eval.Metrics.Plane = &engine.PlaneMetrics{Captured: 4, HighQuality: 0.002, Spots: make([]engine.SpotShare, 8)}
	for _, c := range []struct {
		w, n int
		want bool
	}{{28, 6, true}, {28, 4, true}, {28, 3, false}, {20, 6, false}} {
		lines := m.planeQuality(&trend{}, c.w, c.n)
		i := slices.IndexFunc(lines, func(l string) bool { return ansi.Strip(l) == "modes 4/8 captured" })
		if i < 0 {
			t.Fatalf("%d×%d: no modes line in %q", c.w, c.n, lines)
		}
		got := i+1 < len(lines) && ansi.Strip(lines[i+1]) == "each by ≥1 sample in 2,500"
		if got != c.want || len(lines) > c.n {
			t.Errorf("%d cells, %d rows: %q, want the rule under the count: %v", c.w, c.n, lines, c.want)
		}
	}
	for _, g := range glossaryOf(true) {
		if g[0] == "modes captured" {
			for _, want := range []string{"VEEGAN, Srivastava et al. 2017", "PacGAN, Lin et al. 2018", "one stray sample captures a mode"} {
				if !strings.Contains(g[1], want) {
					t.Errorf("the modes captured entry %q does not say %q", g[1], want)
				}
			}
		}
	}
}

// TestDesignPageCutsBetweenLines: where the design page has no room for the
// whole design, it ends at a line of the design, not in one, before "… the
// whole design: ganui --list-presets", or at the end of G's or D's line in
// short: at 70×20 bimodal-mbd's does not end "D  1 sample → 32 → 32 →".
func TestDesignPageCutsBetweenLines(t *testing.T) {
	for _, cfg := range presets.All() {
		s, snap := firstSnapshot(t, cfg)
		m := NewModel(s)
		m.width, m.height = 70, 20
		m.apply(snap)
		w := m.layout().histW // the panel's width at 70×20
		whole := strings.Split(ansi.Strip(m.designPanel(w, 1000)), "\n")
		var shortEnds []string
		for _, net := range snap.Networks {
			l := wrapIndent(net, w)
			shortEnds = append(shortEnds, ansi.Strip(l[len(l)-1]))
		}
		for h := 4; h <= 16; h++ {
			lines := strings.Split(ansi.Strip(m.designPanel(w, h)), "\n")
			at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "… the whole design") })
			if at < 0 {
				continue
			}
			// The design as the page would give it whole from the
			// page's own first lines: the line after the last kept
			// begins a line of the design, unindented.
			// Or it ends G's or D's line in short (Snapshot.Networks).
			from := slices.Index(whole, lines[at-1])
			if slices.Contains(shortEnds, strings.TrimRight(lines[at-1], " ")) {
				continue
			}
			if from < 0 || from+1 < len(whole) && strings.HasPrefix(whole[from+1], " ") {
				t.Errorf("%s, %d×%d: the design page is cut within a line:\n%s", cfg.Name, w, h, strings.Join(lines, "\n"))
			}
		}
	}
}

// TestNoSurfaceNoteIsWhole: the note that says why a packing design's plane has
// no D surface is given whole or not at all (the glossary's packing entry gives
// it): grid-pacgan4-ema's at 70×20 is not cut to two lines, "no D surface: D
// judges" over "4 packed points at", its "once" dropped. Where it gives way,
// the legend takes its rows whole.
func TestNoSurfaceNoteIsWhole(t *testing.T) {
	for _, name := range []string{"ring-pacgan", "grid-pacgan4-ema"} {
		s, snap := trainedPlane(t, planeConfig(t, name), 1, 1)
		want := strings.Join(strings.Fields(snap.Eval.NoCurve), " ")
		if want == "" {
			t.Fatalf("%s: no reason for the missing surface", name)
		}
		for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
			view := frame(t, s, snap, size[0], size[1])
			// Where the note gives way, its rows take back the target's spec,
			// which gives way before it, rather than "⣿ target" over two blank
			// rows. (ring-pacgan at 70×20 gives those rows to its mode map.)
			mapped := name == "ring-pacgan" && size[0] == 70
			if spec := "target " + snap.Target.Spec; !mapped && !strings.Contains(view, "no D surface") && !strings.Contains(view, spec) {
				t.Errorf("%s at %dx%d: the note gave way, and the legend has no %q:\n%s", name, size[0], size[1], spec, view)
			}
			rows := strings.Split(view, "\n")
			for i, r := range rows {
				col := strings.Index(r, "no D surface")
				if col < 0 {
					continue
				}
				at := len([]rune(r[:col]))
				// Each row's part in the note's column, up to the gap
				// before the panel to its right.
				part := func(rs []rune, from int) string {
					l, _, _ := strings.Cut(string(rs[from:]), "   ")
					return l
				}
				note := []string{part([]rune(r), at)}
				for _, next := range rows[i+1:] {
					rs := []rune(next)
					if at+3 > len(rs) || string(rs[at:at+2]) != "  " || rs[at+2] == ' ' {
						break
					}
					note = append(note, part(rs, at+2))
				}
				if got := strings.Join(strings.Fields(strings.Join(note, " ")), " "); got != want {
					t.Errorf("%s at %dx%d: the note reads %q, want %q whole:\n%s", name, size[0], size[1], got, want, view)
				}
			}
		}
	}
}

// TestPlaneSaysWhyNoSurface: a plane with no D surface says why at 80×24 where
// its mode map and a crowded blue leave the legend few rows: the crowded blue
// is named alone, then the map's key gives way (the glossary gives it), before
// the reason. grid-pacgan's 25-mode map does not leave "no D surface: D judges
// 2 packed points at once" out, which would leave the plot drawn with no
// surface saying nothing of why.
func TestPlaneSaysWhyNoSurface(t *testing.T) {
	for _, name := range []string{"grid-pacgan", "grid-pacgan4-ema"} {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		s, snap := trainedPlane(t, cfg, 1, 100)
		m, view := inColourAt80(s, snap)
		if !m.planeDrawn.clumps {
			t.Fatalf("%s: no crowded cell drawn: the test wants one:\n%s", name, view)
		}
		for _, want := range []string{"no D surface: D judges", "packed points at once", "⣿ crowded", "target"} {
			if !strings.Contains(view, want) {
				t.Errorf("%s at 80x24: the plane lacks %q:\n%s", name, want, view)
			}
		}
	}
}

// TestDesignHintNamesTheFlagWhole: where the design page at 70×20 has no room
// for the whole design, its last line names the command that prints it whole,
// as the user started ganui where that fits the panel ("… the whole design:
// ganui --list-presets") and the flag alone where it does not, never cut:
// started by a long path, or by go run, it does not read "… the whole design:
// /tmp/a/very/long/path/to/the/binary/of/ganui --li…".
func TestDesignHintNamesTheFlagWhole(t *testing.T) {
	cfg, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := firstSnapshot(t, cfg)
	defer command.SetProgram(command.Program())
	for _, c := range []struct{ program, want string }{
		{"ganui", "… the whole design: ganui --list-presets"},
		{"go run .", "… the whole design: --list-presets"},
		{"/tmp/a/very/long/path/to/the/binary/of/ganui", "… the whole design: --list-presets"},
	} {
		command.SetProgram(c.program)
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: 70, Height: 20})
		m = mm.(Model)
		m.nextHelpPage() // the keys, with the design
		m.apply(snap)
		l := m.layout()
		lines := strings.Split(ansi.Strip(m.designPanel(l.histW, l.topH+l.bottomH)), "\n")
		if at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "… the whole design") }); at < 0 || strings.TrimSpace(lines[at]) != c.want {
			t.Errorf("started as %q: the design page at 70×20 reads, want %q:\n%s", c.program, c.want, strings.Join(lines, "\n"))
		}
	}
}

// TestPlaneMomentsEntryExplainsQualityAxes: on a plane the glossary's
// moments entry explains Quality's x and y lines, each axis's mean±std of
// the check's fresh samples after vs the target's, and why their means are
// not the moments legend's, the last batch's: it had spoken of μ and σ and
// the 1-D moments under the chart, and left "x -1.77±0.47 vs 0.00±1.41"
// beside "mean x -1.831" to be guessed. It names μ and σ where the legend
// does, at 80×24, and only there.
func TestPlaneMomentsEntryExplainsQualityAxes(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := firstSnapshot(t, cfg)
	m := NewModel(s)
	m.width, m.height = 120, 40
	m.apply(snap)
	if view := frame(t, s, snap, 120, 40); !regexp.MustCompile(`x [-+]?\d\.\d{3}±\d\.\d{3} vs `).MatchString(view) {
		t.Fatalf("Quality draws no mean±std vs the target's on ring at 120×40:\n%s", view)
	}
	var text string
	for _, g := range m.glossaryEntries() {
		if g[0] == "moments" {
			text = numtext.Plain(g[1])
		}
	}
	n := numtext.FormatInt(snap.Eval.Metrics.N)
	for _, want := range []string{"Quality's x and y lines", "mean±std", "after vs", n + " fresh samples", "last batch"} {
		if !strings.Contains(text, want) {
			t.Errorf("ring's moments entry does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "μ") {
		t.Errorf("ring's moments entry speaks of μ, which its screen does not draw:\n%s", text)
	}
	// At 80×24, where the legend names the means and stds μ and σ to keep
	// three decimals, the entry says what they are.
	m.width, m.height = 80, 24
	snap.Epoch, snap.Last.Epoch = 1, 1 // a batch's values, as at any epoch after the first
	snap.Last.Mean, snap.Last.MeanY, snap.Last.Std, snap.Last.StdY = -0.241, -0.178, 1.779, 2.172
	m.apply(snap)
	if view := frame(t, s, snap, 80, 24); !strings.Contains(view, "μ x -0.241 y -0.178  σ X 1.779 Y 2.172") {
		t.Fatalf("the moments legend at 80×24 names no μ and σ:\n%s", view)
	}
	for _, g := range m.glossaryEntries() {
		if g[0] == "moments" && !strings.Contains(numtext.Plain(g[1]), "the mean (μ) and std (σ) of each epoch's last generated batch") {
			t.Errorf("ring's moments entry at 80×24 does not say what the legend's μ and σ are:\n%s", numtext.Plain(g[1]))
		}
	}
}

// TestPlaneBaselineNamedOnlyWhereDrawn: a pinned baseline's samples are drawn
// under G's, and under the target's + where G and the base both fall short of
// it, so where those cover every cell of the baseline's (a base pinned on G's
// blob, G still there) the plot draws no ╌ of it without colour, and the
// legend does not key "╌ base seed 1 at 66" as if it did, a learner looking
// for the base among G's samples: it says the base is hidden. Where one of its
// cells shows, a cell of its own or a mode it has and G misses (a base pinned
// on the ring's modes, then r: a fresh G's blob, every mode short of it), the
// legend keys its ╌.
func TestPlaneBaselineNamedOnlyWhereDrawn(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}, Reference: []float64{1, 1, -1, -1}}
	e := &session.Eval{Points: []float64{0, 0, 0.01, 0, -1.5, 1.5}}
	base := &session.Baseline{Preset: "ring", Seed: 1, Epoch: 66}
	for _, c := range []struct {
		name   string
		ghost  []float64
		drawn  bool
		legend string
	}{
		{"under G's", []float64{0, 0, 0.01, 0, -1.5, 1.5}, false, "base seed 1 at 66, hidden"},
		{"under G's and a target's point it falls short of", append(slices.Repeat([]float64{0, 0}, 11), 1, 1), false, "base seed 1 at 66, hidden"}, // 1 of 12 where 6 are due
		{"a cell of its own", []float64{0, 0, 1.5, -1.5}, true, "╌ base seed 1 at 66"},
		{"on the target's points G misses", []float64{0, 0, 1, 1, -1, -1}, true, "╌ base seed 1 at 66"},
	} {
		lines, drawn := planePlot(info, e, c.ghost, false, 0.5, 20, 10)
		if plot := ansi.Strip(strings.Join(lines, "\n")); strings.ContainsRune(plot, ghostGlyph) != c.drawn {
			t.Errorf("%s: the plot draws ╌ %v, want %v:\n%s", c.name, !c.drawn, c.drawn, plot)
		}
		m := Model{planeDrawn: drawn}
		m.snap.Eval = *e
		base.Eval.Points = c.ghost
		m.snap.Baseline = base
		notes := ansi.Strip(strings.Join(m.planeNotes(40, 12), "\n"))
		if !strings.Contains(notes, c.legend) || (!c.drawn && strings.ContainsRune(notes, ghostGlyph)) {
			t.Errorf("%s: the legend does not read %q (and no ╌ where none is drawn):\n%s", c.name, c.legend, notes)
		}
	}
}

// TestCriticSurfaceLegendNamesItsScores: a critic's surface (grid-wgan-gp) is
// keyed by its scores, "D: low high" in colour and "· D half-way" in 16
// colours, as the D surface entry shades it, from its lowest score to its
// highest; not "D: fake real" and "· D = ½", a BCE D's verdicts, which a
// critic's unbounded score is not. A BCE D keeps its words.
func TestCriticSurfaceLegendNamesItsScores(t *testing.T) {
	defer lipgloss.SetColorProfile(termenv.Ascii)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}, Reference: []float64{1, 1}}
	e := &session.Eval{Points: []float64{-1, -1, -1.1, -1}, Surface: []float64{-30, 40, -30, 40}, SurfaceN: 2}
	for _, c := range []struct {
		loss          engine.Loss
		colour, plain string
	}{
		{engine.LossWasserstein, "D: low high", "· D half-way"},
		{engine.LossHinge, "D: low high", "· D half-way"},
		{engine.LossBCE, "D: fake real", "· D = ½"},
	} {
		for _, p := range []struct {
			profile termenv.Profile
			want    string
		}{{termenv.ANSI256, c.colour}, {termenv.ANSI, c.plain}} {
			lipgloss.SetColorProfile(p.profile)
			_, drawn := planePlot(info, e, nil, c.loss.Unbounded(), 0.5, 20, 10)
			m := Model{planeDrawn: drawn}
			m.snap.Eval, m.snap.Loss = *e, c.loss
			notes := strings.Join(strings.Fields(ansiStrip(strings.Join(m.planeNotes(40, 12), "\n"))), " ")
			if !strings.Contains(notes, p.want) {
				t.Errorf("%v, profile %v: the legend lacks %q:\n%s", c.loss, p.profile, p.want, notes)
			}
		}
	}
}

// TestPlaneFindingSaysItsEpoch: on a plane, running, the first finding that
// reads G's samples names the epoch of the evaluation it reads them at, "at
// epoch 5,824", beside a moments legend of the last batch, epoch 5,856: ring's
// G swings ±2 in about 150 epochs, and "G's samples spread wide about the
// target's centre" had stood beside "Moments, last batch μ x 1.503" with
// nothing to say they were of different epochs. A finding of D's losses alone
// (D wins) is of every epoch and names none; paused, the evaluation is of
// the epoch shown, and no epoch is named. Where the epoch would take the
// finding a row more it gives way, the rows those of the finding without
// it: on ring at 80×24 "! every mode is reached, but many samples fall
// between the modes · at epoch 5,824" took a second row and pushed out
// the line under it, "? twice explains each finding and mark.".
func TestPlaneFindingSaysItsEpoch(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 10)
	m := NewModel(s)
	m.width, m.height = 100, 24
	snap.Note = ""
	snap.State, snap.Epoch, snap.Eval.Epoch, snap.Last.Epoch = session.Running, 5856, 5824, 5856
	snap.Findings = []session.Finding{
		{Kind: session.DWins, Text: "D wins: its losses are near 0"},
		{Kind: session.ModesBlurred, Text: "every mode is reached, but many samples fall between the modes"},
	}
	areaAt := func(w int) string {
		m.apply(snap)
		return strings.Join(strings.Fields(ansi.Strip(strings.Join(m.msgLines(w, msgRows(24)), " "))), " ")
	}
	if got, want := areaAt(80), "! D wins: its losses are near 0 ! every mode is reached, but many samples fall between the modes ? twice explains each finding and mark."; got != want {
		t.Errorf("running at 80 columns, the epoch a row more: %q; want %q", got, want)
	}
	dropped := snap.Findings
	snap.Findings = []session.Finding{{Kind: session.ModeDropped, Text: "G's samples are on none of the 8 modes"}}
	if got := areaAt(80); !strings.Contains(got, "! G's samples are on none of the 8 modes · at epoch 5,824 ") {
		t.Errorf("running at 80 columns, the epoch within the finding's row: %q; want it named", got)
	}
	snap.Findings = dropped
	area := func() string { return areaAt(100) }
	if got := area(); !strings.Contains(got, "D wins: its losses are near 0 ! every mode is reached, but many samples fall between the modes · at epoch 5,824") {
		t.Errorf("running, the evaluation at 5,824, the batch at 5,856: %q; want the blurred modes named at epoch 5,824, D's win not", got)
	}
	snap.Last.Epoch = 5824 // running, a frame of the evaluation's own epoch: named as well, so that no row comes and goes
	if got := area(); !strings.Contains(got, "between the modes · at epoch 5,824") {
		t.Errorf("running, the evaluation of the batch's epoch: %q; want it named still", got)
	}
	snap.State = session.Paused
	if got := area(); strings.Contains(got, "· at epoch") {
		t.Errorf("paused, the evaluation of the epoch shown: %q; want no epoch named", got)
	}
}

// TestLineFindingSaysItsEpoch: a 1-D run's findings read the histogram's
// samples at an evaluation as a plane's do, beside "Moments, last batch",
// and running, the first that reads them names its epoch, "· at epoch
// 5,824", where only a plane's did; D's win, of D's losses, does not. The
// ? pages, under "Diagnosis at epoch 5,856", name it too where they
// opened between two evaluations, and not where the run is paused, its
// evaluation of the epoch their title names.
func TestLineFindingSaysItsEpoch(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 300, 80)
	snap.Note = ""
	snap.State, snap.Epoch, snap.Eval.Epoch, snap.Last.Epoch = session.Running, 5856, 5824, 5856
	snap.Findings = []session.Finding{
		{Kind: session.DWins, Text: "D wins: its losses are near 0"},
		{Kind: session.GCollapsed, Text: "G's samples are nearly one point"},
	}
	flat := func(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }
	m := NewModel(s)
	m.width, m.height = 80, 24
	m.apply(snap)
	if got := flat(strings.Join(m.msgLines(80, msgRows(24)), " ")); !strings.Contains(got, "! D wins: its losses are near 0 ! G's samples are nearly one point · at epoch 5,824") {
		t.Errorf("1-D running, the evaluation at 5,824, the batch at 5,856: %q; want the collapse named at epoch 5,824, D's win not", got)
	}
	pages := func(snap session.Snapshot) string {
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m = mm.(Model)
		m.apply(snap)
		m.nextHelpPage()
		m.nextHelpPage() // the diagnosis in full
		return flat(m.View())
	}
	if got := pages(snap); !strings.Contains(got, "Diagnosis at epoch 5,856") || !strings.Contains(got, "G's samples are nearly one point · at epoch 5,824") || strings.Contains(got, "near 0 · at epoch") {
		t.Errorf("? pages opened running between two evaluations: want the collapse named at epoch 5,824 under Diagnosis at epoch 5,856, D's win not:\n%s", got)
	}
	snap.State, snap.Eval.Epoch = session.Paused, 5856
	if got := pages(snap); strings.Contains(got, "· at epoch") {
		t.Errorf("? pages, paused, the evaluation of the epoch shown: want no epoch named beside a finding:\n%s", got)
	}
}

// TestSmoothedBoundaryIsAtItsBalance: under one-sided label smoothing (real
// label 0.9) D's balance, where it cannot tell real from fake, is half the
// label, 0.45 (session.Equilibrium.D): without shades its boundary is drawn
// there, and keyed "· D = 0.45", where ring --set real_label=0.9 without
// colour had keyed "· D = ½", a score D at its balance never reaches. A
// surface that runs from 0.3 to 0.47 crosses 0.45 and not ½.
func TestSmoothedBoundaryIsAtItsBalance(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	info := &session.PlaneInfo{Box: engine.Box{X0: -2, X1: 2, Y0: -2, Y1: 2}, Reference: []float64{1, 1}}
	e := &session.Eval{Points: []float64{-1, -1}, Surface: []float64{0.3, 0.47, 0.3, 0.47}, SurfaceN: 2}
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		label float64
		key   string
		dot   bool
	}{{1, "· D = ½", false}, {0.9, "· D = 0.45", true}} {
		cfg.RealLabel = c.label
		eq, _ := session.EquilibriumOf(cfg)
		var m Model
		m.snap.Eval, m.snap.Equilibrium = *e, &eq
		lines, drawn := planePlot(info, e, nil, false, surfaceBalance(&m.snap), 20, 10)
		if got := strings.Contains(ansiStrip(strings.Join(lines, "\n")), "·"); got != c.dot {
			t.Errorf("real label %g: a · of the boundary drawn %v, want %v:\n%s", c.label, got, c.dot, ansiStrip(strings.Join(lines, "\n")))
		}
		drawn.boundary = true // keyed where drawn; at label 1 this surface has none to key
		m.planeDrawn = drawn
		if notes := strings.Join(m.planeNotes(40, 12), "\n"); !strings.Contains(notes, c.key) {
			t.Errorf("real label %g: the legend does not key %q:\n%s", c.label, c.key, notes)
		}
		if text := m.surfaceText(); !strings.Contains(text, numtext.Together(strings.TrimPrefix(c.key, "· "))) {
			t.Errorf("real label %g: the D surface entry does not name %q: %s", c.label, c.key, text)
		}
	}
}

// TestAxesRowFitsTheColumn: Quality's one row of both axes (planeQuality,
// where the legend counts the modes) gives the target's in brackets where
// they fit, else G's alone, in three decimals where they fit, else two.
func TestAxesRowFitsTheColumn(t *testing.T) {
	pm := &engine.PlaneMetrics{MeanX: -0.06, StdX: 1.77, MeanY: -0.03, StdY: 1.74}
	for _, c := range []struct {
		w    int
		want string
	}{
		{80, "x -0.060±1.770 (0.00±1.41) y -0.030±1.740 (0.00±1.41)"},
		{50, "x -0.06±1.77 (0.00±1.41) y -0.03±1.74 (0.00±1.41)"},
		{30, "x -0.060±1.770 y -0.030±1.740"},
		{28, "x -0.06±1.77 y -0.03±1.74"},
	} {
		if got := ansi.Strip(axesRow(pm, 0, 0, 1.41, 1.41, c.w)); got != c.want {
			t.Errorf("%d cells: %q, want %q", c.w, got, c.want)
		}
	}
}

// TestModesMissingNamesTheRemedies: where the diagnosis finds modes
// missing, the ? page says what to try, the other presets that train
// the target with a remedy and the command that trains the first; not
// for the modes an untrained G has not yet reached, nor for a preset's
// own name, nor on a target no preset has a remedy for.
func TestModesMissingNamesTheRemedies(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 10)
	missing := session.Finding{Kind: session.ModeDropped, Text: "7 of 8 modes missing: G's samples gather in one small cloud"}
	notYet := session.Finding{Kind: session.ModeDropped, Text: "8 of 8 modes not yet captured: G puts almost no samples there this early in training"}
	page := func(snap session.Snapshot) string {
		return strings.Join(strings.Fields(frame(t, s, snap, 80, 24, "?", "?")), " ")
	}
	try := "To try: the presets ring-pacgan, ring-mbd and ring-unrolled train this target with a remedy for missing modes; " + command.Line("--preset ring-pacgan") + " trains the first."
	for _, c := range []struct {
		name, preset, spec string
		finding            session.Finding
		want, absent       string
	}{
		{"ring, modes missing", "ring", snap.Target.Spec, missing, try, ""},
		{"ring, modes not yet reached", "ring", snap.Target.Spec, notYet, "8 of 8 modes not yet captured", "To try"},
		{"ring-pacgan, modes missing", "ring-pacgan", snap.Target.Spec, missing, "the presets ring-mbd and ring-unrolled train", "ring-pacgan, ring-mbd"},
		{"moons, modes missing", "moons", "moons(0.05)", missing, "7 of 8 modes missing", "To try"},
	} {
		snap := snap
		snap.Preset, snap.Target.Spec, snap.Findings = c.preset, c.spec, []session.Finding{c.finding}
		got := page(snap)
		if !strings.Contains(got, c.want) || c.absent != "" && strings.Contains(got, c.absent) {
			t.Errorf("%s: the diagnosis's page reads\n%s\nwant %q, not %q", c.name, got, c.want, c.absent)
		}
	}
}
