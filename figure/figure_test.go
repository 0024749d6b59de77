package figure

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"
)

// pictureOf runs preset for epochs through the session, headless with
// opts (its Config set to the preset's), and returns the run's picture.
func pictureOf(t *testing.T, preset string, epochs int, opts session.Options) session.Picture {
	t.Helper()
	cfg, err := presets.Get(preset)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = epochs
	opts.Config = cfg
	s, err := session.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return s.Picture()
}

// trained runs a short bimodal run through the session, as ganui
// --headless --every 10 does, and returns its figure's data.
func trained(t *testing.T) Run {
	t.Helper()
	p := pictureOf(t, "bimodal", 60, session.Options{Seed: 4, Samples: 2000, Every: 10})
	if len(p.History) != 60 || len(p.Evals) != 6 || len(p.Samples) != 2000 || p.DCurve == nil {
		t.Fatalf("picture: %d history points, %d evaluations, %d samples, D curve %v", len(p.History), len(p.Evals), len(p.Samples), p.DCurve != nil)
	}
	return FromPicture(p)
}

// svgText returns every piece of text an SVG document draws, and fails
// the test if the document is not well-formed XML.
func svgText(t *testing.T, doc []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var texts []string
	inText := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				inText++
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				inText--
			}
		case xml.CharData:
			if inText > 0 {
				texts = append(texts, strings.TrimSpace(string(tok)))
			}
		}
	}
	return texts
}

// svgElements returns the attributes, by local name, of every element
// named name in an SVG document (path, text), in the document's order,
// and fails the test if the document is not well-formed XML.
func svgElements(t *testing.T, doc []byte, name string) []map[string]string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	var els []map[string]string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return els
		}
		if err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != name {
			continue
		}
		attrs := map[string]string{}
		for _, a := range el.Attr {
			attrs[a.Name.Local] = a.Value
		}
		els = append(els, attrs)
	}
}

// svgOf draws r as an SVG and returns every piece of text it draws.
func svgOf(t *testing.T, r Run) []string {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, "svg", r); err != nil {
		t.Fatal(err)
	}
	return svgText(t, b.Bytes())
}

// hasAll fails the test unless each of want is, or is part of, one of
// texts.
func hasAll(t *testing.T, texts []string, want ...string) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, s := range texts {
			if s == w || strings.Contains(s, w) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no text %q in the figure (%d texts)", w, len(texts))
		}
	}
}

// write draws r to path as a headless run's --plot does: its write
// begun (Reserve), then the figure put in place.
func write(path string, r Run) error {
	f, err := Reserve(path)
	if err != nil {
		return err
	}
	defer f.Release()
	return f.Write(r)
}

// TestWriteDrawsEveryFormat: the figure of a run comes out as a PNG that
// decodes, an SVG that parses and carries every panel's title, axis
// labels and legend, and a PDF.
func TestWriteDrawsEveryFormat(t *testing.T) {
	r := trained(t)
	dir := t.TempDir()
	for _, f := range formats {
		if err := write(filepath.Join(dir, "run."+f), r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}

	data, err := os.ReadFile(filepath.Join(dir, "run.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1100 || b.Dy() != 770 {
		t.Errorf("PNG of %v, want 1100×770", b)
	}
	colours := map[uint32]bool{}
	for y := 0; y < img.Bounds().Dy(); y += 7 {
		for x := 0; x < img.Bounds().Dx(); x += 7 {
			r, g, b, _ := img.At(x, y).RGBA()
			colours[r>>8<<16|g>>8<<8|b>>8] = true
		}
	}
	if len(colours) < 8 {
		t.Errorf("the PNG has %d colours: nothing drawn?", len(colours))
	}

	svg, err := os.ReadFile(filepath.Join(dir, "run.svg"))
	if err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, svg),
		"bimodal · seed 4 · 60 epochs (done) · target mixture(-2,0.5;2,0.5)",
		"(a) mean and std of G's last batch", "(b) losses", "(c) distance and modes covered", "(d) 2,000 fresh samples at epoch 60",
		"epoch", "mean, std of x", "loss", "KS, W1, share", "x", "density, D(x)",
		"mean", "std", "target mean", "target std", "D real", "D fake", "G", "ln 2", "KS", "W1", "samples", "target", "D(x)")

	pdf, err := os.ReadFile(filepath.Join(dir, "run.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10_000 {
		t.Errorf("the PDF starts %q and has %d bytes", pdf[:min(8, len(pdf))], len(pdf))
	}
}

// TestWriteReplacesAtomically: a figure replaces the file at its path by
// renaming a new one into place, as every output does: another name (a
// hard link) of the old file keeps the old bytes, where writing into the
// file would have changed both, and a failed write would have cut it.
func TestWriteReplacesAtomically(t *testing.T) {
	r := trained(t)
	dir := t.TempDir()
	path, other := filepath.Join(dir, "run.png"), filepath.Join(dir, "old.png")
	if err := os.WriteFile(other, []byte("\x89PNG\r\n\x1a\nold figure"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(other, path); err != nil {
		t.Skip(err)
	}
	if err := write(path, r); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(other); string(data) != "\x89PNG\r\n\x1a\nold figure" {
		t.Errorf("the old file was written into: it holds %d bytes", len(data))
	}
	if data, _ := os.ReadFile(path); !bytes.HasPrefix(data, []byte("\x89PNG")) {
		t.Errorf("%s is not the new figure", path)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the directory holds %d files, want the two names alone", len(entries))
	}
}

// TestPanelCShowsTheEvaluationsThereAre: panel (c) of a run before its first
// check draws the run measured at the figure's epoch (session Picture.Evals), a
// point, and says plainly that it is one: a figure at epoch 0, paused, is "one
// evaluation so far", and one of a run done at epoch 3, under a check every 10,
// "one evaluation", not "no evaluation yet" beside the screen's and the final
// line's measures. Two evaluations or more make a curve, which needs no word.
func TestPanelCShowsTheEvaluationsThereAre(t *testing.T) {
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 20 // a check every 10
	s, err := session.New(session.Options{Config: cfg, Seed: 1, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	paused := FromPicture(s.Picture())
	s.Stop()
	done := FromPicture(pictureOf(t, "vanilla", 3, session.Options{Seed: 1, Samples: 500}))
	for _, c := range []struct {
		name    string
		r       Run
		epoch   int
		title   string
		entries []string // panel (c)'s legend, which names a series drawn
	}{
		{"paused at epoch 0", paused, 0, "(c) distance, high-quality share and modes captured — one evaluation so far", []string{"sliced W1", "high-quality share"}},
		{"done at epoch 3", done, 3, "(c) distance to the target — one evaluation", []string{"KS", "W1"}},
	} {
		if len(c.r.Evals) != 1 || c.r.Evals[0].Epoch != c.epoch || c.r.CheckEvery != 10 {
			t.Fatalf("%s: evaluations %+v, a check every %d; the test needs one, at epoch %d, before the first check at 10", c.name, c.r.Evals, c.r.CheckEvery, c.epoch)
		}
		ps, err := c.r.panels()
		if err != nil {
			t.Fatal(err)
		}
		if got := ps[1][0].Title.Text; got != c.title {
			t.Errorf("%s: panel (c) is titled %q, want %q", c.name, got, c.title)
		}
		texts := svgOf(t, c.r)
		hasAll(t, texts, c.entries...)
		if slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "no evaluation") }) {
			t.Errorf("%s: the figure says %q", c.name, "no evaluation")
		}
	}
	ps, err := trained(t).panels()
	if err != nil {
		t.Fatal(err)
	}
	if got := ps[1][0].Title.Text; strings.Contains(got, "evaluation") {
		t.Errorf("panel (c) of six evaluations is titled %q", got)
	}
}

// TestPanelCSaysTheRunDivergedBeforeItsFirstCheck: a run whose weights are no
// longer finite before its first check (wgan-gp, SGD at a learning rate of 10,
// NaN at epoch 1) has no evaluation to draw, and panel (c) says why: "diverged
// before its first check", not when the checks come, "no evaluation, one every
// 100 epochs", beside the final line's ks=NaN.
func TestPanelCSaysTheRunDivergedBeforeItsFirstCheck(t *testing.T) {
	cfg, err := presets.Get("wgan-gp")
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range []string{"d_opt=sgd", "d_lr=10", "g_opt=sgd", "g_lr=10"} {
		k, v, _ := strings.Cut(kv, "=")
		if err := cfg.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	s, err := session.New(session.Options{Config: cfg, Seed: 1, Samples: 500})
	if err != nil {
		t.Fatal(err)
	}
	s.Run(context.Background(), nil) // its error is the divergence
	p := s.Picture()
	if p.State != session.Diverged || p.Epoch >= p.CheckEvery || len(p.Evals) != 0 {
		t.Fatalf("%s at epoch %d, a check every %d, %d evaluations; the test needs a divergence before the first check", p.State, p.Epoch, p.CheckEvery, len(p.Evals))
	}
	ps, err := FromPicture(p).panels()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ps[1][0].Title.Text, "(c) distance to the target — diverged before its first check"; got != want {
		t.Errorf("panel (c) is titled %q, want %q", got, want)
	}
}

// TestLoneEvaluationWithinThePanel: a run evaluated once, at its last epoch
// (--set epochs=3), draws its KS and W1 dots inside panel (c), the time axes
// every panel shares taken a little past them, not on the panel's right edge,
// at the axis's end.
func TestLoneEvaluationWithinThePanel(t *testing.T) {
	r := FromPicture(pictureOf(t, "vanilla", 3, session.Options{Seed: 1, Samples: 500}))
	if len(r.Evals) != 1 || r.Evals[0].Epoch != 3 {
		t.Fatalf("evaluations %+v; the test needs one, at the last epoch 3", r.Evals)
	}
	panels := laidOut(t, r)
	c := panels[1][0]
	if span := c.X.Max - c.X.Min; c.X.Max-3 < span/100 {
		t.Errorf("panel (c)'s axis runs from %g to %g: its dots at epoch 3 lie on its edge", c.X.Min, c.X.Max)
	}
	for i, q := range []*panel{panels[0][0], panels[0][1]} {
		if q.X.Min != c.X.Min || q.X.Max != c.X.Max {
			t.Errorf("time panel %d shows epochs %g to %g, panel (c) %g to %g", i, q.X.Min, q.X.Max, c.X.Min, c.X.Max)
		}
	}
}

// TestLoneStdRingAroundItsMean: a run of one epoch draws its std in
// panel (a) as a ring wider than its mean's dot by a gap, so that the two
// show where they lie together (vanilla --epochs 1: its last batch's mean
// 0.059, std 0.076, under a point apart), where a ring the dot's size lay
// on its rim, unseen.
func TestLoneStdRingAroundItsMean(t *testing.T) {
	r := FromPicture(pictureOf(t, "vanilla", 1, session.Options{Seed: 1, Samples: 500}))
	p, err := r.moments()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder.Canvas{}
	p.Draw(figureCanvas(rec))
	arc := func(path vg.Path) vg.Length { // the radius of the path's arc, 0 of none
		for _, c := range path {
			if c.Type == vg.ArcComp {
				return c.Radius
			}
		}
		return 0
	}
	var col color.Color
	var dot, ring vg.Length
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			col = a.Color
		case *recorder.Fill:
			if col == paper(palette.Generated) {
				dot = max(dot, arc(a.Path))
			}
		case *recorder.Stroke:
			if col == paper(palette.GeneratedSecond) {
				ring = max(ring, arc(a.Path))
			}
		}
	}
	if dot == 0 || ring == 0 {
		t.Fatalf("mean's dot of radius %v, std's ring of %v: the test needs both", dot, ring)
	}
	if ring < dot+vg.Points(1) {
		t.Errorf("std's ring of radius %.2f points around a mean's dot of %.2f: it lies on the dot's rim, unseen", ring.Points(), dot.Points())
	}
}

// TestFigureCopesWithLittleData: a run with no evaluation, one
// evaluation, a diverged model (NaN samples) or no D curve still draws,
// and says what is missing.
func TestFigureCopesWithLittleData(t *testing.T) {
	r := trained(t)
	r.Evals = r.Evals[:0]
	r.DCurve, r.NoCurve = nil, "no D(x) curve: D judges a whole row of 100 at once"
	r.Samples = []float64{math.NaN(), math.Inf(1), 1}
	r.History[3].DReal = math.NaN()
	r.Events = []Event{{Epoch: 30, Marks: marksOf("mode 2 dropped")}}
	var svg bytes.Buffer
	if err := Encode(&svg, "svg", r); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, svg.Bytes()), "no evaluation", "no D(x) curve: D judges a whole row", "mode 2 dropped")
	// A run with no evaluation says when they come (a picture of a live run has
	// one at its epoch at least: TestPanelCShows…), not "no evaluation" alone.
	r.CheckEvery, r.Ended = 10, false
	hasAll(t, svgOf(t, r), "(c) distance to the target — no evaluation yet, one every 10 epochs")
	// A run that has ended (done, or interrupted) has no "yet".
	r.Ended = true
	hasAll(t, svgOf(t, r), "(c) distance to the target — no evaluation, one every 10 epochs")

	r.Evals = []session.EvalPoint{{Epoch: 60, KS: 0.2, W1: 0.5}}
	r.Samples, r.History = nil, nil
	if err := Encode(io.Discard, "png", r); err != nil {
		t.Fatal(err)
	}
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]string{"a.png": "png", "dir/B.SVG": "svg", "x.y.pdf": "pdf", "a.jpg": "", "png": "", "a.": ""} {
		got, err := FormatOf(path)
		if got != want || (err == nil) != (want != "") {
			t.Errorf("FormatOf(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	if err := Encode(io.Discard, "gif", Run{}); err == nil {
		t.Error("Encode drew a gif")
	}
}

// TestFormatOfGivesTheNamesWithTheFormats: a name of no figure format is
// refused with the same name in each format, quoted for the shell where
// it must be, so that the user keeps the name chosen; a name that is an
// extension alone has none to keep and is given none.
func TestFormatOfGivesTheNamesWithTheFormats(t *testing.T) {
	for path, want := range map[string]string{
		"x.jpg":       "x.jpg: a figure is FILE.png, FILE.svg or FILE.pdf; give x.png, x.svg or x.pdf",
		"out/run.JPG": "out/run.JPG: a figure is FILE.png, FILE.svg or FILE.pdf; give out/run.png, out/run.svg or out/run.pdf",
		"run":         "run: a figure is FILE.png, FILE.svg or FILE.pdf; give run.png, run.svg or run.pdf",
		"my run.gif":  "'my run.gif': a figure is FILE.png, FILE.svg or FILE.pdf; give 'my run.png', 'my run.svg' or 'my run.pdf'",
		".jpg":        ".jpg: a figure is FILE.png, FILE.svg or FILE.pdf",
		"out/.jpg":    "out/.jpg: a figure is FILE.png, FILE.svg or FILE.pdf",
	} {
		if _, err := FormatOf(path); err == nil || err.Error() != want {
			t.Errorf("FormatOf(%q): %v; want %q", path, err, want)
		}
	}
}

// TestHeatmap: the heat map names its keys and values, writes each cell's
// value, marks a cell with no value, and refuses a grid of the wrong shape.
func TestHeatmap(t *testing.T) {
	h := Heatmap{
		Title: "vanilla · seeds 1-3", XKey: "d_lr", YKey: "g_lr",
		X: []string{"1e-4", "1e-3", "1e-2"}, Y: []string{"1e-4", "1e-3"},
		Z:      [][]float64{{0.5, 0.25, math.NaN()}, {0.125, 0.0625, 0.01}},
		ZLabel: "median KS",
		Notes:  [][]string{{"", "", "all 3 diverged"}, {"", "1/3 diverged", ""}},
	}
	var svg bytes.Buffer
	if err := EncodeHeatmap(&svg, "svg", h); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, svg.Bytes()), "vanilla · seeds 1-3", "median KS by d_lr and g_lr", "d_lr", "g_lr", "1e-4", "1e-3", "1e-2",
		"0.500", "0.062", "0.010", "all 3 diverged", "1/3 diverged", "median KS")
	for _, f := range []string{"png", "pdf"} {
		if err := EncodeHeatmap(io.Discard, f, h); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	h.Z = h.Z[:1]
	if err := EncodeHeatmap(io.Discard, "png", h); err == nil {
		t.Error("a heat map with a row missing was drawn")
	}
}

// TestHeatmapSaysLowerIsBetter: the colour bar says under the value's name
// which way is better, as the screen's Quality does ("lower SW1 better"): a
// sweep's map gives more than a scale from blue to red with no word on which
// end a learner should look for.
func TestHeatmapSaysLowerIsBetter(t *testing.T) {
	h := Heatmap{Title: "t", XKey: "d_lr", YKey: "g_lr", X: []string{"1e-4", "1e-3"}, Y: []string{"1e-3"}, Z: [][]float64{{0.1, 0.2}}, ZLabel: "median KS"}
	var svg bytes.Buffer
	if err := EncodeHeatmap(&svg, "svg", h); err != nil {
		t.Fatal(err)
	}
	texts := svgText(t, svg.Bytes())
	i := slices.Index(texts, "lower is better")
	if i < 1 || texts[i-1] != "median KS" {
		t.Errorf("texts %q: want %q under the colour bar's %q", texts, "lower is better", "median KS")
	}
}

// TestHeatmapValuesReadAsTheSweep: a cell's value is written as the sweep's
// lines write it (numtext.Measure), in three decimals, 0.172 beside the
// line's ks=0.172, and in the exponent form where they would not fit or
// would read 0: a runaway's median sliced W1 does not read 5654200.000
// beside the line's sw1=5.6542e6.
func TestHeatmapValuesReadAsTheSweep(t *testing.T) {
	h := Heatmap{Title: "t", XKey: "g_lr", YKey: "d_lr", X: []string{"1e-4", "1e-3", "1e-2"}, Y: []string{"1e-4"},
		Z: [][]float64{{0.1718, 5654200, 3e-5}}, ZLabel: "median sliced W1", Notes: [][]string{{"", "1/3 diverged", ""}}}
	var svg bytes.Buffer
	if err := EncodeHeatmap(&svg, "svg", h); err != nil {
		t.Fatal(err)
	}
	text := svgText(t, svg.Bytes())
	hasAll(t, text, "0.172", "5.6542e6", "1/3 diverged", "3.0000e-5")
	if slices.ContainsFunc(text, func(s string) bool { return strings.Contains(s, "5654200") }) {
		t.Errorf("a value of 5.6542e6 written in its digits: %q", text)
	}
}

// TestHeatmapPaintsNoValueGrey: a cell whose value is not finite is
// painted as one with no value, grey: gonum's heat map takes NaN for
// that, and ±Inf for values past its colour bar, whose colours ganui
// leaves unset.
func TestHeatmapPaintsNoValueGrey(t *testing.T) {
	h := Heatmap{X: []string{"a", "b", "c", "d"}, Y: []string{"y"}, Z: [][]float64{{0.5, math.Inf(1), math.Inf(-1), math.NaN()}}}
	g := grid{&h}
	if g.Z(0, 0) != 0.5 {
		t.Errorf("a finite value drawn as %v", g.Z(0, 0))
	}
	for c := 1; c < 4; c++ {
		if !math.IsNaN(g.Z(c, 0)) {
			t.Errorf("%v drawn as %v, not as no value (NaN)", h.Z[0][c], g.Z(c, 0))
		}
	}
}

// TestFromSweep: the heat map of a sweep puts the first key across and the
// second up, its title naming the sample size as its curve's does, and says
// which cells diverged, had runs whose KS is not finite
// (which the median leaves out), or had no seed finished: "none finished", not
// "not run", which would deny the epochs its stopped seeds trained.
func TestFromSweep(t *testing.T) {
	nan := math.NaN()
	res := session.SweepResult{
		Preset: "vanilla", Target: "normal(4,1.25)", Epochs: 3000, Seeds: []uint64{1, 2, 3, 7}, Samples: 10000, Measures: [2]string{"ks", "w1"},
		Axes: []session.SweepAxis{{Key: "d_lr", Values: []string{"1e-4", "1e-3"}}, {Key: "g_lr", Values: []string{"1e-3", "1e-2", "1e-1"}}},
		Rows: []session.SweepRow{
			{Values: []string{"1e-4", "1e-3"}, Runs: 4, First: [3]float64{0.1, 0, 1}},
			{Values: []string{"1e-4", "1e-2"}, Runs: 4, Diverged: 1, First: [3]float64{0.2, 0, 1}},
			{Values: []string{"1e-4", "1e-1"}, Runs: 4, Diverged: 4, First: [3]float64{nan, nan, nan}},
			{Values: []string{"1e-3", "1e-3"}, Runs: 4, Diverged: 1, NotFinite: [2]int{1, 3}, First: [3]float64{0.3, 0, 1}},
			{Values: []string{"1e-3", "1e-2"}, Runs: 4, NotFinite: [2]int{4, 0}, First: [3]float64{nan, nan, nan}},
		},
	}
	h := FromSweep(res)
	if h.XKey != "d_lr" || h.YKey != "g_lr" || len(h.Z) != 3 || len(h.Z[0]) != 2 || h.Title != "vanilla · 3,000 epochs · target normal(4,1.25) · median KS over seeds 1-3,7 · 10,000 samples · interrupted, 4 of 24 runs unfinished" {
		t.Fatalf("heat map %+v", h)
	}
	if h.Z[0][0] != 0.1 || h.Z[1][0] != 0.2 || !math.IsNaN(h.Z[2][0]) || h.Z[0][1] != 0.3 || !math.IsNaN(h.Z[1][1]) || !math.IsNaN(h.Z[2][1]) {
		t.Errorf("values %v", h.Z)
	}
	if h.Notes[0][0] != "" || h.Notes[1][0] != "1/4 diverged" || h.Notes[2][0] != "all 4 diverged" || h.Notes[0][1] != "1/4 diverged, 1/3 NaN" || h.Notes[1][1] != "all 4 NaN" || h.Notes[2][1] != "none finished" {
		t.Errorf("notes %q", h.Notes)
	}

	one := res
	one.Seeds, one.Rows = []uint64{1}, nil
	if h := FromSweep(one); h.Notes[0][0] != "not finished" {
		t.Errorf("a sweep of one seed stopped before its first cell: %q", h.Notes[0][0])
	}

	// A sweep stopped mid-way: a cell of fewer seeds says so, and a map of
	// one value has a colour bar of distinct labels.
	res.Rows = []session.SweepRow{{Values: []string{"1e-4", "1e-3"}, Runs: 1, Unfinished: 3, First: [3]float64{0.0481, 0, 1}}}
	h = FromSweep(res)
	if h.Notes[0][0] != "1 of 4 seeds" {
		t.Errorf("a cell cut short: %q", h.Notes[0][0])
	}
	var svg bytes.Buffer
	if err := EncodeHeatmap(&svg, "svg", h); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, s := range svgText(t, svg.Bytes()) {
		if strings.HasPrefix(s, "0.0") && s != "0.048" {
			seen[s]++
		}
	}
	for label, n := range seen {
		if n > 1 {
			t.Errorf("the colour bar labels %s %d times: %v", label, n, seen)
		}
	}
	if len(seen) < 2 {
		t.Errorf("the colour bar of one value: labels %v", seen)
	}
}

// TestHeatmapOfOneSurvivingSeedTitlesIt: a two-key sweep of several seeds
// in which one alone left values is titled by that seed and why the others
// left none, "KS of seed 2 (seed 1 diverged)", as its one-key curve is,
// where it said "median KS over seeds 1-2" over cells of seed 2's values;
// where each cell's value is one seed's but the seeds differ, the title
// says that; where a cell's value is a median of two, it reads as before.
func TestHeatmapOfOneSurvivingSeedTitlesIt(t *testing.T) {
	nan := math.NaN()
	diverged := func(seed uint64) session.SeedMeasure {
		return session.SeedMeasure{Seed: seed, Value: nan, Diverged: true}
	}
	cell := func(x, y string, each ...session.SeedMeasure) session.SweepRow {
		r := session.SweepRow{Values: []string{x, y}, Runs: len(each), First: [3]float64{nan, nan, nan}, Each: each}
		for _, m := range each {
			if m.Diverged {
				r.Diverged++
			} else {
				r.First = [3]float64{m.Value, m.Value, m.Value}
			}
		}
		return r
	}
	res := session.SweepResult{
		Preset: "wgan-gp", Target: "normal(4,1.25)", Epochs: 200, Seeds: []uint64{1, 2}, Samples: 10000, Measures: [2]string{"ks", "w1"},
		Axes: []session.SweepAxis{{Key: "d_lr", Values: []string{"0.1", "0.3"}}, {Key: "g_lr", Values: []string{"0.1", "0.2"}}},
		Rows: []session.SweepRow{
			cell("0.1", "0.1", diverged(1), session.SeedMeasure{Seed: 2, Value: 0.3}),
			cell("0.3", "0.1", diverged(1), session.SeedMeasure{Seed: 2, Value: 0.2}),
			cell("0.1", "0.2", diverged(1), diverged(2)),
			cell("0.3", "0.2", diverged(1), session.SeedMeasure{Seed: 2, Value: 0.4}),
		},
	}
	h := FromSweep(res)
	if want := "wgan-gp · 200 epochs · target normal(4,1.25) · KS of seed 2 (seed 1 diverged) · 10,000 samples"; h.Title != want || h.ZLabel != "KS" {
		t.Errorf("title %q, colour bar %q, want %q, \"KS\"", h.Title, h.ZLabel, want)
	}
	var svg bytes.Buffer
	if err := EncodeHeatmap(&svg, "svg", h); err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgText(t, svg.Bytes()), "KS by d_lr and g_lr", "1/2 diverged")

	// Each cell one seed's, seed 1's in one of them.
	res.Rows[1] = cell("0.3", "0.1", session.SeedMeasure{Seed: 1, Value: 0.2}, diverged(2))
	if h, want := FromSweep(res), "wgan-gp · 200 epochs · target normal(4,1.25) · KS of each cell's one seed that left a value (of seeds 1-2) · 10,000 samples"; h.Title != want || h.ZLabel != "KS" {
		t.Errorf("title %q, colour bar %q, want %q, \"KS\"", h.Title, h.ZLabel, want)
	}
	// A cell of two values is their median, as titled.
	res.Rows[0] = cell("0.1", "0.1", session.SeedMeasure{Seed: 1, Value: 0.1}, session.SeedMeasure{Seed: 2, Value: 0.3})
	res.Rows[0].First = [3]float64{0.2, 0.1, 0.3}
	if h := FromSweep(res); !strings.Contains(h.Title, " · median KS over seeds 1-2 · ") || h.ZLabel != "median KS" {
		t.Errorf("title %q, colour bar %q, want the median over seeds 1-2", h.Title, h.ZLabel)
	}
}

// TestOneValueBarWithinLimits: a sweep's heat map whose cells all hold one
// value widens its colour bar around it only within what the measure can take,
// KS from 0 to 1, sliced W1 from 0, and labels it still: a KS of 1 in every
// cell does not get a bar from 0.90 to 1.10, nor one of 0 a bar from -1e-9.
func TestOneValueBarWithinLimits(t *testing.T) {
	for _, c := range []struct {
		measure string
		v       float64
		lo, hi  float64
	}{
		{"ks", 1, 0, 1},
		{"ks", 0, 0, 1},
		{"ks", 0.5, 0, 1},
		{"sw1", 0, 0, math.Inf(1)},
	} {
		res := session.SweepResult{Preset: "ring", Seeds: []uint64{1, 2}, Measures: [2]string{c.measure, "w1"},
			Axes: []session.SweepAxis{{Key: "x", Values: []string{"a", "b"}}, {Key: "y", Values: []string{"c", "d"}}}}
		for _, x := range []string{"a", "b"} {
			for _, y := range []string{"c", "d"} {
				res.Rows = append(res.Rows, session.SweepRow{Values: []string{x, y}, Runs: 2, First: [3]float64{c.v, 0, 1}})
			}
		}
		var svg bytes.Buffer
		if err := EncodeHeatmap(&svg, "svg", FromSweep(res)); err != nil {
			t.Fatal(err)
		}
		var labels []float64 // the bar's, and the cells' values
		for _, s := range svgText(t, svg.Bytes()) {
			if v, err := strconv.ParseFloat(s, 64); err == nil {
				labels = append(labels, v)
			}
		}
		if len(labels) < 4+3 || slices.Min(labels) < c.lo || slices.Max(labels) > c.hi {
			t.Errorf("%s of %g in every cell: labels %v, want three or more on the bar, from %g to %g", c.measure, c.v, labels, c.lo, c.hi)
		}
	}
}

// TestHeatmapBarBeginsAtTheBest: a sweep's colour bar runs from the
// measure's best, 0, to the worst cell, so that cells all far from the target
// read alike as far: vanilla at 10 epochs, KS 0.9969 beside 0.9977, is red in
// both cells, not blue in the first as if it matched the target. Its bar is
// labelled down to 0, for KS and for the sliced W1 alike.
func TestHeatmapBarBeginsAtTheBest(t *testing.T) {
	for _, c := range []struct {
		measure string
		a, b    float64
	}{{"ks", 0.9969, 0.9977}, {"sw1", 1.2021, 1.6956}} {
		res := session.SweepResult{Preset: "vanilla", Seeds: []uint64{1}, Measures: [2]string{c.measure, "w1"},
			Axes: []session.SweepAxis{{Key: "d_hidden", Values: []string{"[8]", "[16]"}}, {Key: "g_acts", Values: []string{"[relu,identity]"}}},
			Rows: []session.SweepRow{
				{Values: []string{"[8]", "[relu,identity]"}, Runs: 1, First: [3]float64{c.b, 0, 1}},
				{Values: []string{"[16]", "[relu,identity]"}, Runs: 1, First: [3]float64{c.a, 0, 1}},
			}}
		var svg bytes.Buffer
		if err := EncodeHeatmap(&svg, "svg", FromSweep(res)); err != nil {
			t.Fatal(err)
		}
		least := math.Inf(1) // of the bar's labels
		for _, s := range svgText(t, svg.Bytes()) {
			if v, err := strconv.ParseFloat(s, 64); err == nil {
				least = math.Min(least, v)
			}
		}
		if least != 0 {
			t.Errorf("%s of %g and %g: the colour bar's lowest label is %g, want 0", c.measure, c.a, c.b, least)
		}
	}
}

// TestHeatmapOfAStoppedSweepSaysSo: the heat map of a sweep a signal stopped
// says so in its title, with the runs it left unfinished as the summary's
// unfinished= counts them, as a run's figure says "(interrupted)": its cells
// of "none finished" and "1 of 2 seeds" do not read as the sweep's whole
// result (ganui --headless --preset vanilla --epochs 20000 --sweep
// d_lr=1e-4,1e-3 --sweep g_lr=1e-4,1e-3 --seeds 1-2 --plot stop.png, SIGINT
// after a few seconds). A sweep that finished says nothing of it, a cell whose
// every seed diverged among its finished runs.
func TestHeatmapOfAStoppedSweepSaysSo(t *testing.T) {
	res := session.SweepResult{Preset: "vanilla", Target: "normal(4,1.25)", Epochs: 20000, Seeds: []uint64{1, 2}, Samples: 10000, Measures: [2]string{"ks", "w1"},
		Axes: []session.SweepAxis{{Key: "d_lr", Values: []string{"1e-4", "1e-3"}}, {Key: "g_lr", Values: []string{"1e-4", "1e-3"}}}}
	const title = "vanilla · 20,000 epochs · target normal(4,1.25) · median KS over seeds 1-2 · 10,000 samples"
	if h := FromSweep(res); h.Title != title+" · interrupted, 8 of 8 runs unfinished" {
		t.Errorf("a sweep stopped before any run finished: title %q", h.Title)
	}
	res.Rows = []session.SweepRow{
		{Values: []string{"1e-4", "1e-4"}, Runs: 2, First: [3]float64{0.9, 0, 1}},
		{Values: []string{"1e-3", "1e-4"}, Runs: 1, Unfinished: 1, First: [3]float64{0.8, 0, 1}},
	}
	if h := FromSweep(res); h.Title != title+" · interrupted, 5 of 8 runs unfinished" {
		t.Errorf("a sweep stopped with 3 runs finished: title %q", h.Title)
	}
	res.Rows[1].Runs, res.Rows[1].Unfinished = 2, 0
	res.Rows = append(res.Rows,
		session.SweepRow{Values: []string{"1e-4", "1e-3"}, Runs: 2, Diverged: 2, First: [3]float64{math.NaN(), math.NaN(), math.NaN()}},
		session.SweepRow{Values: []string{"1e-3", "1e-3"}, Runs: 2, First: [3]float64{0.5, 0, 1}})
	if h := FromSweep(res); h.Title != title {
		t.Errorf("a sweep that finished: title %q", h.Title)
	}
}

// TestRoundTicks: the figure's axes are marked at steps of 1, 2 or 5 times a
// power of ten (not gonum's own 400, 1200, 2000), with 0 when it is in range
// and thousands grouped on every label, as the screen groups a count (an axis
// to 10,000 does not read "8000" beside "10,000"), and three labels at least
// (bimodal's losses not 2 and 4 alone).
func TestRoundTicks(t *testing.T) {
	labels := func(lo, hi float64) (out []string) {
		for _, k := range (roundTicks{}).Ticks(lo, hi) {
			if k.Label != "" {
				out = append(out, k.Label)
			}
		}
		return out
	}
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{
		{0, 3000, "0 1,000 2,000 3,000"},
		{1, 10000, "2,000 4,000 6,000 8,000 10,000"},
		{-2500, 1500, "-2,000 -1,000 0 1,000"},
		{1234.1, 1234.9, "1,234.2 1,234.4 1,234.6 1,234.8"},
		{-0.5, 0.5, "-0.4 -0.2 0.0 0.2 0.4"},
		{0.006, 0.42, "0.1 0.2 0.3 0.4"},
		{-4, 4, "-4 -2 0 2 4"},
		{-0.012, 0.018, "-0.01 0.00 0.01"},
		{0.1, 5.7, "1 2 3 4 5"},                    // bimodal's losses: 2 and 4 alone at a step of 2
		{1, 5904, "1,000 2,000 3,000 4,000 5,000"}, // an interrupted run's epochs: 2,000 and 4,000
		{0.04, 1.09, "0.2 0.4 0.6 0.8 1.0"},        // 0.5 and 1.0 at a step of 0.5
	} {
		if got := strings.Join(labels(c.lo, c.hi), " "); got != c.want {
			t.Errorf("ticks of [%g, %g]: %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
}

// tickLabels is roundTicks' labels of [lo, hi], those it writes, one
// space between.
func tickLabels(lo, hi float64) string {
	var out []string
	for _, k := range (roundTicks{}).Ticks(lo, hi) {
		if k.Label != "" {
			out = append(out, k.Label)
		}
	}
	return strings.Join(out, " ")
}

// TestTickLabelsOneForm: every linear axis writes its labels plainly, thousands
// grouped, while its largest is from 0.0001 (where the screen turns to an
// exponent) up to 10,000,000, and all of them with an exponent past it: a
// runaway's density axis in panel (d) does not read "0.000000015", and a long
// run's epochs stay 200,000.
func TestTickLabelsOneForm(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{
		{-1.6e11, 1.2e11, "-1e11 0 1e11"},                                                  // wgan's runaway, panel (a)
		{-4.9e6, 8.5e6, "-4,000,000 -2,000,000 0 2,000,000 4,000,000 6,000,000 8,000,000"}, // its losses, panel (b)
		{0, 1.6e-8, "0 5.0e-9 1.0e-8 1.5e-8"},                                              // its samples' density, panel (d)
		{-1e-5, 1e-5, "-1e-5 -5e-6 0 5e-6 1e-5"},
		{0, 0.00035, "0.0000 0.0001 0.0002 0.0003"},
		{0, 99999, "0 20,000 40,000 60,000 80,000"},
		{0, 2.1e5, "0 50,000 100,000 150,000 200,000"}, // a long run's epochs
	} {
		if got := tickLabels(c.lo, c.hi); got != c.want {
			t.Errorf("ticks of [%g, %g]: %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
}

// TestManyEventsAreCounted: a panel with more events than it can name
// marks them along its top and says how many there are, naming none.
func TestManyEventsAreCounted(t *testing.T) {
	r := trained(t)
	r.Events = nil
	for e := 1; e <= 20; e++ {
		r.Events = append(r.Events, Event{Epoch: 2 * e, Marks: marksOf("mode-dropped")})
	}
	texts := svgOf(t, r)
	if !slices.Contains(texts, "20 events, marked at the top") || slices.Contains(texts, "mode-dropped") {
		t.Errorf("20 events: the panels' texts %q", texts)
	}
	// Events of one epoch share its mark, and are counted one by one.
	r.Events[3].N, r.Events[7].N = 4, 2
	if texts := svgOf(t, r); !slices.Contains(texts, "24 events at 20 epochs, marked at the top") {
		t.Errorf("24 events at 20 epochs: the panels' texts %q", texts)
	}
}

// TestPDFTextIsCodePage1252: the PDF canvas's fonts read code page 1252,
// so its text is given in it: "·" and "—" as their single bytes, not as
// UTF-8's two and three ("Â·", "â€”").
func TestPDFTextIsCodePage1252(t *testing.T) {
	for in, want := range map[string]string{
		"vanilla · seed 1":  "vanilla \xb7 seed 1",
		"x — no D(x) curve": "x \x97 no D(x) curve",
		"KS ≈ floor":        "KS ? floor",
		"plain":             "plain",
		// The figure's own characters outside the page, in stand-ins, not "?".
		"⅛":                   "1/8",
		"G's average, β 0.99": "G's average, beta 0.99",
	} {
		if got := cp1252(in); got != want {
			t.Errorf("cp1252(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCriticAndOutsideSamples: panel (d) draws a critic's unbounded score
// over the densities' height, saying its range, and counts the samples
// beyond the range it draws, or says that all are.
func TestCriticAndOutsideSamples(t *testing.T) {
	r := trained(t)
	r.Critic = true
	for i := range r.DCurve {
		r.DCurve[i] = -30 + 10*float64(i)/float64(len(r.DCurve)-1)
	}
	r.Samples = append(r.Samples[:1000:1000], 100, 200, -300)
	hasAll(t, svgOf(t, r), "D(x) score, -30 to -20 (scaled)", "samples (3 outside)")
	// A clipped critic's scores may lie within [0, 1]: still a score.
	for i := range r.DCurve {
		r.DCurve[i] = 0.2 + 0.1*float64(i)/float64(len(r.DCurve)-1)
	}
	hasAll(t, svgOf(t, r), "D(x) score, 0.2 to 0.3 (scaled)")
	for i := range r.Samples {
		r.Samples[i] = 1e3
	}
	hasAll(t, svgOf(t, r), "samples: all 1,003 outside")
}

// TestNotFiniteIsNotOutside: panel (d) of a line counts G's samples that are
// not a number (NaN or infinite) apart from those outside its range, among all
// its samples, as the screen's histogram does, and its bars are a share of all
// of them: they lie nowhere, and the legend does not leave them out, "samples
// (2 outside)" of 5 samples, 3 of them NaN or infinite, the bars the share of
// the 2 alone.
func TestNotFiniteIsNotOutside(t *testing.T) {
	r := trained(t)
	finite := slices.Clone(r.Samples[:1000])
	for _, c := range []struct {
		samples []float64
		want    string
	}{
		{append(slices.Clone(finite), 100, 200, math.NaN(), math.Inf(1), math.Inf(-1)), "samples (2 outside, 3 NaN or infinite)"},
		{append(slices.Clone(finite), math.NaN()), "samples (1 NaN or infinite)"},
		{[]float64{100, 200, math.Inf(1)}, "samples: 2 of 3 outside [" + short(r.Lo) + ", " + short(r.Hi) + "], 1 NaN or infinite"},
		{[]float64{100, 200}, "samples: all 2 outside"},
		{[]float64{math.NaN(), math.Inf(-1)}, "samples: all 2 NaN or infinite"},
	} {
		r.Samples = c.samples
		hasAll(t, svgOf(t, r), c.want)
	}

	pic := pictureOf(t, "bimodal", 10, session.Options{Seed: 4, Samples: 200, Every: 10})
	pic.Target = engine.Normal{Mu: 4, Sigma: 1.25}
	pic.Lo, pic.Hi = -800, 1900
	for i := range pic.Samples { // half of them evenly over the range, half NaN
		pic.Samples[i] = math.NaN()
		if i%2 == 0 {
			pic.Samples[i] = pic.Lo + (pic.Hi-pic.Lo)*(float64(i)+1)/float64(len(pic.Samples))
		}
	}
	p, err := FromPicture(pic).samples()
	if err != nil {
		t.Fatal(err)
	}
	if half := 0.5 / (pic.Hi - pic.Lo); p.Y.Max < half || p.Y.Max >= 2*half {
		t.Errorf("bars of about %.2g, half the samples over the range, are drawn on an axis up to %g", half, p.Y.Max)
	}
}

// TestRunawayDScaled: a D that is no critic but whose curve has left the
// probabilities' range far behind (a least-squares D running away) is drawn as
// a critic's score is, over the densities' height with its range in the legend,
// not on the densities' axis, where the target's density would lie flat under a
// curve down to -27,000. One a little outside [0, 1] is drawn as it is.
func TestRunawayDScaled(t *testing.T) {
	r := trained(t)
	for i := range r.DCurve {
		r.DCurve[i] = -27000 + 25000*float64(i)/float64(len(r.DCurve)-1)
	}
	p, err := r.samples()
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Min < -1 || p.Y.Max > 10 {
		t.Errorf("the density axis spans %g to %g", p.Y.Min, p.Y.Max)
	}
	hasAll(t, svgOf(t, r), "D(x) score, -2.7e4 to -2e3 (scaled)")
	for i := range r.DCurve {
		r.DCurve[i] = -0.2 + 1.4*float64(i)/float64(len(r.DCurve)-1)
	}
	hasAll(t, svgOf(t, r), "D(x)")
	if p, err = r.samples(); err != nil {
		t.Fatal(err)
	}
	if p.Y.Min > -0.2 {
		t.Errorf("a D from -0.2 to 1.2 is not drawn as it is: the axis starts at %g", p.Y.Min)
	}
}

// TestFlatDensitiesScaleD: over densities far below a probability's 1 (a target
// of std 20, densities about 0.02), D(x) is drawn on the densities' height with
// its factor in the legend, not on their axis: drawn as it is, it would set the
// axis to 1 and leave the samples' bars and the target's curve flat along its
// bottom. Over densities of the blog's size it is drawn as it is.
func TestFlatDensitiesScaleD(t *testing.T) {
	r := trained(t)
	texts := svgOf(t, r)
	hasAll(t, texts, "D(x)")
	for _, s := range texts {
		if strings.HasPrefix(s, "D(x) ×") {
			t.Errorf("D(x) over densities of about 0.4 is scaled: %q", s)
		}
	}
	const stretch = 50 // the same run over a target 50 times as wide
	for i := range r.Samples {
		r.Samples[i] *= stretch
	}
	r.Lo, r.Hi = r.Lo*stretch, r.Hi*stretch
	density, quantile := r.Density, r.Quantile
	r.Density = func(x float64) float64 { return density(x/stretch) / stretch }
	r.Quantile = func(p float64) float64 { return quantile(p) * stretch }
	p, err := r.samples()
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Max >= flatDensity {
		t.Errorf("densities under %g are drawn on an axis up to %g, D(x)'s height", flatDensity, p.Y.Max)
	}
	hasAll(t, svgOf(t, r), "D(x) × 0.0")
}

// TestTargetDrawnThroughItsPeak: panel (d) draws a target narrow beside a
// diverged run's range through its true peak, which sets the axis: 300 even
// points across vanilla's runaway, -800 to 1,900, would put one by chance on
// the flank of normal(4, 1.25), 0.0235 for 0.319, and a density taken over a
// step of the range's, wgan's runaway over 4e11, would read 1e-8.
func TestTargetDrawnThroughItsPeak(t *testing.T) {
	pic := pictureOf(t, "bimodal", 10, session.Options{Seed: 4, Samples: 200, Every: 10})
	pic.Target = engine.Normal{Mu: 4, Sigma: 1.25}
	peak := 1 / (1.25 * math.Sqrt(2*math.Pi))
	for _, rng := range [][2]float64{{-800, 1900}, {-4.3e11, 10}} {
		pic.Lo, pic.Hi = rng[0], rng[1]
		r := FromPicture(pic)
		r.DCurve, r.Samples = nil, nil // the target alone sets the axis: bars far under its peak would (TestSpreadSamplesSetTheAxis)
		p, err := r.samples()
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(p.Y.Max-peak) > peak/100 {
			t.Errorf("over [%g, %g] the axis reaches %g, the target's peak is %g", rng[0], rng[1], p.Y.Max, peak)
		}
	}
}

// TestSpreadSamplesSetTheAxis: panel (d) of a runaway, its samples spread over
// thousands beside a narrow target, takes its axis from the samples' bars, D(x)
// scaled to them and the target cut at their top with its peak in the legend:
// drawn through the target's peak, 0.32 for bars of 0.0004, with D(x) up to 1,
// the bars would lie flat along the bottom. A run whose bars reach the target's
// height keeps the target whole.
func TestSpreadSamplesSetTheAxis(t *testing.T) {
	texts := svgOf(t, trained(t))
	hasAll(t, texts, "target")
	for _, s := range texts {
		if strings.Contains(s, "off the top") {
			t.Errorf("a trained run's target is cut: %q", s)
		}
	}
	pic := pictureOf(t, "bimodal", 10, session.Options{Seed: 4, Samples: 200, Every: 10})
	pic.Target = engine.Normal{Mu: 4, Sigma: 1.25}
	// vanilla's runaway, D a probability, and wgan's, a critic's score over
	// bars of 2e-12 (a floor of 1e-9 under a critic's height would leave them
	// flat).
	for _, c := range []struct {
		lo, hi float64
		critic bool
		legend string
	}{{-800, 1900, false, "D(x) × 0.000"}, {-4.3e11, 10, true, "D(x) score"}} {
		pic.Lo, pic.Hi = c.lo, c.hi
		for i := range pic.Samples { // evenly over the range
			pic.Samples[i] = pic.Lo + (pic.Hi-pic.Lo)*(float64(i)+0.5)/float64(len(pic.Samples))
		}
		r := FromPicture(pic)
		r.Critic = c.critic
		p, err := r.samples()
		if err != nil {
			t.Fatal(err)
		}
		if even := 1 / (pic.Hi - pic.Lo); p.Y.Max < even || p.Y.Max > 2*even {
			t.Errorf("over [%g, %g] bars of about %.2g are drawn on an axis up to %g", c.lo, c.hi, even, p.Y.Max)
		}
		hasAll(t, svgOf(t, r), "target (peak 0.319, off the top)", c.legend)
	}
}

// TestOwnScaleG: a G loss on a scale of its own (feature matching's distance)
// leaves the loss panel to D's losses and says it is off that scale, as the
// screen's legend does (G … ▲ off scale), from where; where it is cut it runs
// along the panel's edge under a row of ▲, as on the screen, so that a G above
// D's range the whole run leaves a line. The legend does not say "G, own scale
// (cut; up to 193)", for an axis the panel does not draw.
func TestOwnScaleG(t *testing.T) {
	r := trained(t)
	r.GOwnScale = true
	for i := range r.History {
		r.History[i].G = 150
	}
	hasAll(t, svgOf(t, r), "G: all off scale, 150 throughout")
	marks, lineTop, markTop := cutMarksDrawn(t, r)
	// One mark per stretch of the time axis.
	if marks < cutMarkBins/2 || marks > cutMarkBins {
		t.Errorf("a G cut the whole run is drawn with %d ▲ marks, want about %d along the time axis", marks, cutMarkBins)
	}
	if lineTop > markTop {
		t.Errorf("G's line reaches %v, above its ▲ marks (%v)", lineTop, markTop)
	}
	// Within D's range G's line is drawn as it is, and only what is cut
	// marked.
	for i := range r.History {
		r.History[i].G = 0.1
	}
	r.History[3].G = 12345
	// A value past three digits' reach is written as the screen writes
	// it: 1.23e4, not fmt's 1.23e+04.
	b, err := r.losses()
	if err != nil {
		t.Fatal(err)
	}
	hasAll(t, svgOf(t, r), "G: off scale above "+short(b.Y.Max)+", up to 1.23e4")
	if marks, _, _ := cutMarksDrawn(t, r); marks != 1 {
		t.Errorf("one epoch cut: %d ▲ marks, want 1", marks)
	}
}

// TestOwnScaleBaselineG: a pinned baseline's G on a scale of its own runs along
// the same edge as the run's where it is above D's range, not clipped away
// whole.
func TestOwnScaleBaselineG(t *testing.T) {
	r := FromPicture(pinnedRun(t))
	r.GOwnScale = true
	b := *r.Baseline
	b.History = slices.Clone(b.History)
	for i := range b.History {
		b.History[i].G = 150
	}
	r.Baseline = &b
	for i := range r.History {
		r.History[i].G = 150
	}
	_, edge, _ := cutMarksDrawn(t, r)
	if top := strokeTop(t, r, ghostInk); math.Abs(float64(top-edge)) > 0.5 {
		t.Errorf("the baseline's G reaches %v, want it along the run's G at the edge (%v)", top, edge)
	}
}

// stroke is one path stroked on a recorder canvas, in the colour set
// when it was stroked.
type stroke struct {
	col  color.Color
	path vg.Path
}

// strokes is every path stroked on rec, each with its colour.
func strokes(rec *recorder.Canvas) []stroke {
	var out []stroke
	var set color.Color
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			set = a.Color
		case *recorder.Stroke:
			out = append(out, stroke{set, a.Path})
		}
	}
	return out
}

// drawnStrokes draws p and returns its strokes.
func drawnStrokes(p *panel) []stroke {
	rec := &recorder.Canvas{}
	p.Draw(figureCanvas(rec))
	return strokes(rec)
}

// top is the highest point of the stroke.
func (s stroke) top() vg.Length {
	top := vg.Length(math.Inf(-1))
	for _, pc := range s.path {
		if pc.Type != vg.CloseComp {
			top = max(top, pc.Pos.Y)
		}
	}
	return top
}

// lossStrokes draws r's panel (b) without its key, so the data area's
// strokes only, not the legend's thumbnails, and returns its strokes.
func lossStrokes(t *testing.T, r Run) []stroke {
	t.Helper()
	p, err := r.losses()
	if err != nil {
		t.Fatal(err)
	}
	return drawnStrokes(p)
}

// strokeTop is the highest point r's panel (b) strokes in colour col.
func strokeTop(t *testing.T, r Run, col color.Color) vg.Length {
	t.Helper()
	top := vg.Length(math.Inf(-1))
	for _, s := range lossStrokes(t, r) {
		if s.col == col {
			top = max(top, s.top())
		}
	}
	return top
}

// cutMarksDrawn counts the triangles r's panel (b) strokes in G's
// colour, with the highest point of its line and of the triangles.
func cutMarksDrawn(t *testing.T, r Run) (marks int, lineTop, markTop vg.Length) {
	t.Helper()
	for _, s := range lossStrokes(t, r) {
		switch {
		case s.col != paper(palette.G):
		case len(s.path) == 4 && s.path[3].Type == vg.CloseComp:
			marks++
			markTop = max(markTop, s.top())
		default:
			lineTop = max(lineTop, s.top())
		}
	}
	return marks, lineTop, markTop
}

// TestEarlierEventsSaid: when the session has let early events go, the
// time axes say from where on they are marked.
func TestEarlierEventsSaid(t *testing.T) {
	r := trained(t)
	r.Events, r.Earlier = []Event{{Epoch: 30, Marks: marksOf("mode-dropped")}}, 40
	hasAll(t, svgOf(t, r), "epoch (events before 30 not kept)")
}

// TestHugeValuesLabelled: a runaway's losses, past what an int holds, are
// labelled as they are, the exponent as the screen writes it (1e19, 1.5e19, not
// gonum's 1e+19; int(v) would make every label -9,223,372,036,854,775,808), and
// values up to the float64 limit, or infinite, leave the figure drawable.
func TestHugeValuesLabelled(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   string
	}{
		{0, 3e19, "0 1e19 2e19 3e19"},
		{-1e19, 1e19, "-1e19 -5e18 0 5e18 1e19"},
		{0, 1.6e19, "0 5.0e18 1.0e19 1.5e19"},
		{1e7, 5e7, "1e7 2e7 3e7 4e7 5e7"},
		{0, 9e6, "0 2,000,000 4,000,000 6,000,000 8,000,000"},
		{1e300, 3.1e300, "1.0e300 1.5e300 2.0e300 2.5e300 3.0e300"},
		{9.996e6, 1.0004e7, "9.9960e6 9.9980e6 1.0000e7 1.0002e7 1.0004e7"},
	} {
		if got := tickLabels(c.lo, c.hi); got != c.want {
			t.Errorf("ticks of [%g, %g]: %q, want %q", c.lo, c.hi, got, c.want)
		}
	}
	for _, lo := range []float64{1e19, 1e20} { // finer than float64 holds at that size: the old loop never ended at 1e20
		if got := tickLabels(lo, lo+1e5); got != "" {
			t.Errorf("ticks of [%g, %g + 1e5], narrower than its values' precision: %q", lo, lo, got)
		}
	}

	r := trained(t)
	for i := range r.History {
		r.History[i].G = 4e19 * float64(i)
		r.History[i].DFake = math.Inf(1)
	}
	r.History[7].DReal, r.History[8].DReal = math.MaxFloat64, -math.MaxFloat64
	r.History[9].Mean = math.NaN()
	texts := svgOf(t, r)
	hasAll(t, texts, "1.0e21", "2.0e21")
	for _, s := range texts {
		if strings.Contains(s, "9,223,372") {
			t.Errorf("a label overflowed an int: %q", s)
		}
	}
}

// TestEventsOfOneEpochKeepTheirNames: events of one epoch share its mark
// and are named whole: d-wins beside d-wins-ended is not taken as already
// named (a substring of it).
func TestEventsOfOneEpochKeepTheirNames(t *testing.T) {
	got := eventMarks([]session.Event{{Epoch: 5, Kind: session.EventDWinsEnded}, {Epoch: 5, Kind: session.EventDWins}})
	if len(got) != 1 || got[0].label() != "d-wins-ended, d-wins" || got[0].N != 2 {
		t.Errorf("marks %+v", got)
	}
}

// TestAveragedGeneratorNamed: with g_ema every sample comes from the moving
// average of G's weights, and panel (d)'s legend says so, as the trainer's
// legend does ("G's average (β 0.99)"), not "samples" alone, as if they were
// G's own. Panel (a)'s moments, of each epoch's last training batch, are G's
// own, and its title says so, not "G's last batch" of them beside (d)'s "G's
// average" (grid-pacgan4-ema at epoch 300: std x 4.0 in (a), 3.74 in (d)). In
// two dimensions too.
func TestAveragedGeneratorNamed(t *testing.T) {
	p := pictureOf(t, "bimodal-pacgan-ema", 20, session.Options{Seed: 1, Samples: 1000})
	hasAll(t, svgOf(t, FromPicture(p)), "G's average, β 0.99", "(a) mean and std of G's own last batch, not its average's")
	r := planeRun()
	r.Samples = []float64{0, 0, 1, 1}
	hasAll(t, svgOf(t, r), "(a) mean and std of G's last batch, per axis")
	r.GEMA = 0.999
	hasAll(t, svgOf(t, r), "G's average, β 0.999", "(a) mean and std of G's own last batch, not its average's, per axis")
	if name := (Run{}).samplesName(); name != "samples" {
		t.Errorf("without g_ema: %q", name)
	}
}

// TestHeatmapNamesDoNotRun: the names along a heat map's x axis are
// spread over rows where they are wider than their cells, so none runs
// into the next (a sweep over targets wrote "normal(4,1.25)mixture(-2,
// 0.5;2,0.5)lognormal(0,0.5)"), and short names keep one row.
func TestHeatmapNamesDoNotRun(t *testing.T) {
	for _, names := range [][]string{
		{"normal(4,1.25)", "mixture(-2,0.5;2,0.5)", "lognormal(0,0.5)", "uniform(-1,1)", "exponential(1)"},
		{"[16,16]", "[32,32,32]", "[64,64,64,64]", "[128]", "[8]", "[16,16,16,16]", "[4]"},
		{"1e-4", "1e-3", "1e-2"},
	} {
		h := Heatmap{Title: "t", XKey: "x", YKey: "y", X: names, Y: []string{"[24,24]", "[32,32,32,32]"}, ZLabel: "median KS"}
		for range h.Y {
			h.Z = append(h.Z, make([]float64, len(names)))
		}
		rec := &drawCanvas{}
		if err := drawHeatmap(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 540, Y: 432}}}, h); err != nil {
			t.Fatal(err)
		}
		sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 10), Handler: plot.DefaultTextHandler}
		type span struct{ lo, hi, y vg.Length }
		var spans []span
		for i, s := range rec.strs {
			if slices.Contains(names, s) {
				at := rec.texts[i]
				spans = append(spans, span{at.X, at.X + sty.Width(s), at.Y})
			}
		}
		if len(spans) != len(names) {
			t.Fatalf("%d of the %d names %q written", len(spans), len(names), names)
		}
		rows := map[vg.Length]bool{}
		for i, a := range spans {
			rows[a.y] = true
			for _, b := range spans[i+1:] {
				if a.y == b.y && a.lo < b.hi && b.lo < a.hi {
					t.Errorf("%q: names at %v and %v run into one another", names, a, b)
				}
			}
		}
		if len(names) == 3 && len(rows) != 1 {
			t.Errorf("%q: short names on %d rows, want 1", names, len(rows))
		}
	}
}

// TestHeatmapManyNamesKeepApart: a sweep of more values than its axis has room
// to name, 300 across and 200 down, names every so many cells, from the first,
// the names kept apart along each row across and down the column, not written
// over one another, four rows of black under the map and a column of it beside.
func TestHeatmapManyNamesKeepApart(t *testing.T) {
	var xs, ys []string
	for i := 1; i <= 300; i++ {
		xs = append(xs, fmt.Sprintf("%de-5", i))
	}
	for i := 1; i <= 200; i++ {
		ys = append(ys, fmt.Sprintf("%de-4", i))
	}
	h := Heatmap{Title: "t", XKey: "g_lr", YKey: "d_lr", X: xs, Y: ys, ZLabel: "median KS"}
	for range h.Y {
		h.Z = append(h.Z, make([]float64, len(h.X)))
	}
	rec := &drawCanvas{}
	if err := drawHeatmap(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 540, Y: 432}}}, h); err != nil {
		t.Fatal(err)
	}
	sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 10), Handler: plot.DefaultTextHandler}
	var across, down []vg.Point
	var first []string
	for i, s := range rec.strs {
		switch at := rec.texts[i]; {
		case slices.Contains(xs, s):
			if len(across) == 0 {
				first = append(first, s)
			}
			for _, b := range across {
				if at.Y == b.Y && math.Abs(float64(at.X-b.X)) < float64(sty.Width(s)) {
					t.Errorf("names across at %v and %v run into one another", at, b)
				}
			}
			across = append(across, at)
		case slices.Contains(ys, s):
			if len(down) == 0 {
				first = append(first, s)
			}
			for _, b := range down {
				if math.Abs(float64(at.Y-b.Y)) < float64(sty.Height(s)) {
					t.Errorf("names down at %v and %v run into one another", at, b)
				}
			}
			down = append(down, at)
		}
	}
	if len(across) < 10 || len(across) == len(xs) || len(down) < 10 || len(down) == len(ys) {
		t.Errorf("%d of %d names across, %d of %d down: want some of each, not all", len(across), len(xs), len(down), len(ys))
	}
	if !slices.Contains(first, "1e-5") || !slices.Contains(first, "1e-4") {
		t.Errorf("first names written %q, want the first cells'", first)
	}
}

// TestHeatmapValuesDoNotRun: the values written in a heat map's cells keep
// apart however many cells there are across, written smaller where 11 points
// would not fit (12 values across would run together: "0.9953 0.9950 0.9924"),
// at 11 points where they fit, and not at all, the map's title saying so, where
// even 6 points would not.
func TestHeatmapValuesDoNotRun(t *testing.T) {
	for _, across := range []int{3, 12, 30} {
		h := Heatmap{Title: "t", XKey: "g_hidden", YKey: "d_lr", Y: []string{"1e-4", "1e-3"}, ZLabel: "median KS"}
		for i := range across {
			h.X = append(h.X, fmt.Sprintf("[%d]", i))
		}
		for range h.Y {
			row := make([]float64, across)
			for i := range row {
				row[i] = 0.99 + float64(i)/1e4
			}
			h.Z = append(h.Z, row)
		}
		rec := &recorder.Canvas{}
		if err := drawHeatmap(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 7.5 * vg.Inch, Y: 6 * vg.Inch}}}, h); err != nil {
			t.Fatal(err)
		}
		type span struct{ lo, hi, y vg.Length }
		var spans []span
		size := vg.Length(0)
		for _, a := range rec.Actions {
			// The cells' values, not the colour bar's labels beside the map.
			if f, ok := a.(*recorder.FillString); ok && strings.HasPrefix(f.String, "0.99") && f.Point.X < 7.5*vg.Inch-1.1*vg.Inch-vg.Points(10) {
				sty := draw.TextStyle{Font: font.From(plot.DefaultFont, f.Size), Handler: plot.DefaultTextHandler}
				spans = append(spans, span{f.Point.X, f.Point.X + sty.Width(f.String), f.Point.Y})
				size = f.Size
			}
		}
		if across == 30 { // 7 points a cell: none fits, none written, and the title says so
			if len(spans) != 0 || !slices.ContainsFunc(texts(rec), func(s string) bool { return strings.HasSuffix(s, " — cells too narrow for their values") }) {
				t.Errorf("30 across: %d values written, the title among %q", len(spans), texts(rec))
			}
			continue
		}
		if len(spans) != 2*across {
			t.Fatalf("%d across: %d values written, want %d", across, len(spans), 2*across)
		}
		for i, a := range spans {
			for _, b := range spans[i+1:] {
				if a.y == b.y && a.lo < b.hi+vg.Points(2) && b.lo < a.hi+vg.Points(2) {
					t.Errorf("%d across, at %g points: values at %v and %v run into one another", across, size, a, b)
				}
			}
		}
		if across == 3 && size != 11 {
			t.Errorf("3 across: values at %g points, want 11", size)
		}
	}
}

// texts is every text drawn on rec.
func texts(rec *recorder.Canvas) []string {
	var out []string
	for _, a := range rec.Actions {
		if f, ok := a.(*recorder.FillString); ok {
			out = append(out, f.String)
		}
	}
	return out
}

// TestTitlesNameTheDesign: a figure's title names the design as the run's final
// line does, the preset it started from and its changes, a new name among them,
// the target once (not the design's name alone: "wide", from vanilla with other
// widths, would read as a preset); a sweep's heat map names its design as the
// sweep's summary does.
func TestTitlesNameTheDesign(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Name, cfg.GLR, cfg.Target, cfg.Epochs = "wide", 1e-3, "normal(0,1)", 2
	s, err := session.New(session.Options{Config: cfg, Preset: "vanilla", Seed: 1, Samples: 500})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "vanilla name=wide g_lr=1e-3 · seed 1 · 2 epochs (done) · target normal(0,1)"
	if r := FromPicture(s.Picture()); r.Title != want || !strings.HasPrefix(res.Line(), "final preset=vanilla name=wide target=normal(0,1) g_lr=1e-3 samples=500 seed=1 ") {
		t.Errorf("title %q, want %q, beside the final line %q", r.Title, want, res.Line())
	}
	sweep := session.SweepResult{Preset: "vanilla", Changes: res.Changes, Target: "normal(0,1)", Epochs: 2, Seeds: []uint64{1}, Samples: 500, Measures: [2]string{"ks", "w1"}}
	if h := FromSweep(sweep); h.Title != "vanilla name=wide g_lr=1e-3 · 2 epochs · target normal(0,1) · KS of seed 1 · 500 samples" {
		t.Errorf("sweep title %q", h.Title)
	}
}

// TestTitleLines: a title wider than the figure is written on more lines, each
// within the width, broken between its parts where they fit whole, else between
// a part's words, a word too wide for a line cut short; one that needs more
// than maxTitleLines ends its last with "…". Nothing else is lost (a design's
// many changes do not run off both edges).
func TestTitleLines(t *testing.T) {
	width := func(s string) vg.Length { return vg.Length(utf8.RuneCountInString(s)) } // a point a character
	const w = 30
	for _, c := range []struct {
		title string
		want  []string
	}{
		{"vanilla · seed 1 · 2 epochs", []string{"vanilla · seed 1 · 2 epochs"}},
		{"vanilla name=wide g_lr=1e-3 · seed 1 · 2 epochs (done) · target normal(0,1)",
			[]string{"vanilla name=wide g_lr=1e-3", "seed 1 · 2 epochs (done)", "target normal(0,1)"}},
		{"vanilla g_hidden=64,64,64 d_hidden=64,64,64 g_lr=1e-3 · seed 1",
			[]string{"vanilla g_hidden=64,64,64", "d_hidden=64,64,64 g_lr=1e-3", "seed 1"}},
		{"ring · target points(/a/very/long/path/to/the/data.csv)",
			[]string{"ring · target", "points(/a/very/long/path/to/t…"}},
		{"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n",
			[]string{"a b c d e f g h i j k l m n o", "p q r s t u v w x y z a b c d", "e f g h i j k l m n o p q r …"}},
	} {
		got := titleLines(width, c.title, w)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.title, got, c.want)
		}
		for _, l := range got {
			if width(l) > w {
				t.Errorf("%q: line %q wider than %d", c.title, l, w)
			}
		}
	}
}

// TestHeatmapOfOneSeed: the heat map of a sweep of one seed shows each cell's
// KS "of seed 1", in its title and on its colour bar, not a "KS of seed 1" of
// one value; of a sweep that varies the target (Target ""), it names none. A
// cell whose one run diverged, or measured NaN, says so in a word, not "all 1
// diverged".
func TestHeatmapOfOneSeed(t *testing.T) {
	nan := math.NaN()
	res := session.SweepResult{Preset: "vanilla", Epochs: 100, Seeds: []uint64{1}, Samples: 10000, Measures: [2]string{"ks", "w1"},
		Axes: []session.SweepAxis{{Key: "d_lr", Values: []string{"1e-4", "10"}}, {Key: "g_lr", Values: []string{"1e-3"}}},
		Rows: []session.SweepRow{
			{Values: []string{"1e-4", "1e-3"}, Runs: 1, NotFinite: [2]int{1, 0}, First: [3]float64{nan, nan, nan}},
			{Values: []string{"10", "1e-3"}, Runs: 1, Diverged: 1, First: [3]float64{nan, nan, nan}},
		}}
	h := FromSweep(res)
	if h.Title != "vanilla · 100 epochs · KS of seed 1 · 10,000 samples" || h.ZLabel != "KS" {
		t.Errorf("title %q, colour bar %q", h.Title, h.ZLabel)
	}
	if !slices.Equal(h.Notes[0], []string{"NaN", "diverged"}) {
		t.Errorf("notes %q, want NaN and diverged", h.Notes)
	}
}

// TestLogTicksGrouped: a log axis writes its labels as the linear ones are
// written: 1,000 and 100,000 grouped by thousands, 1e7 with an exponent from
// there and 1e-5 under 1e-4, as the screen writes exponents, and 1e3 on from
// there on an axis that reaches 1e7, 1e-3 down from there on one that reaches
// under 1e-4; never gonum's "100000" or "1e+07", nor "1000" beside "10,000",
// nor "1,000,000" under "1e8", nor "0.0001" over "1e-6". An axis of many
// decades labels no more than a dozen; one of fewer than three labels 2 and 5
// times its powers too. Only what is in range is marked, not the powers beyond
// it gonum's ticker gives, whose labels, never drawn, would widen the axis's
// gutter.
func TestLogTicksGrouped(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		want   []string
	}{
		{0.05, 3e8, []string{"0.1", "1", "10", "100", "1e3", "1e4", "1e5", "1e6", "1e7", "1e8"}},
		{0.5, 9e5, []string{"1", "10", "100", "1,000", "10,000", "100,000"}},
		{3e-7, 0.02, []string{"1e-6", "1e-5", "1e-4", "1e-3", "0.01"}},
		{3e-5, 2e-4, []string{"5e-5", "1e-4", "2e-4"}},
		{0.0001, 0.3, []string{"0.0001", "0.001", "0.01", "0.1"}},
		// devnag-2017's runaway losses: not 0.01, 0.0001 over 1e-6.
		{3e-11, 2e4, []string{"1e-10", "1e-8", "1e-6", "1e-4", "0.01", "1", "100", "10,000"}},
		// bimodal's KS and W1, 0.15 to 1.9, not 1 and 10 alone.
		{0.13, 12, []string{"0.2", "0.5", "1", "2", "5", "10"}},
		{0.013, 0.6, []string{"0.02", "0.05", "0.1", "0.2", "0.5"}},
		{2e6, 3e7, []string{"2e6", "5e6", "1e7", "2e7"}},
		// A runaway's 22 decades: every second labelled.
		{0.05, 6e20, []string{"1", "100", "1e4", "1e6", "1e8", "1e10", "1e12", "1e14", "1e16", "1e18", "1e20"}},
	} {
		var labels []string
		for _, tk := range (logTicks{}).Ticks(c.lo, c.hi) {
			if tk.Label != "" {
				labels = append(labels, tk.Label)
			}
		}
		if !slices.Equal(labels, c.want) {
			t.Errorf("labels of [%g, %g]: %q, want %q", c.lo, c.hi, labels, c.want)
		}
	}
}

// TestDensityAxisNamesWhatIsDrawn: panel (d)'s y axis names D(x) only
// where its curve is drawn: blog-original's figure, which says under the
// axis that D judges whole rows, labelled it "density, D(x)" all the same.
func TestDensityAxisNamesWhatIsDrawn(t *testing.T) {
	r := trained(t)
	for _, curve := range []bool{true, false} {
		if !curve {
			r.DCurve, r.NoCurve = nil, "no D(x) curve: D judges a whole row of 100 at once"
		}
		p, err := r.samples()
		if err != nil {
			t.Fatal(err)
		}
		want := map[bool]string{true: "density, D(x)", false: "density"}[curve]
		if p.Y.Label.Text != want {
			t.Errorf("D(x) drawn %v: y axis %q, want %q", curve, p.Y.Label.Text, want)
		}
	}
}

// TestMomentsAxisNamed: panel (a)'s y axis names what it measures, the mean and
// std of the samples' value x (of x and y on a plane), as panel (c)'s names KS
// and W1, not "value".
func TestMomentsAxisNamed(t *testing.T) {
	for _, c := range []struct {
		r    Run
		want string
	}{{trained(t), "mean, std of x"}, {planeRun(), "mean, std of x and y"}} {
		p, err := c.r.moments()
		if err != nil {
			t.Fatal(err)
		}
		if p.Y.Label.Text != c.want {
			t.Errorf("%s: y axis %q, want %q", p.Title.Text, p.Y.Label.Text, c.want)
		}
	}
}

// TestHeatmapNamesTheTarget: the heat map of a sweep whose target --set
// replaced names the target that ran, as a run's figure does (it named
// the preset alone: "ring", for a sweep of a points file).
func TestHeatmapNamesTheTarget(t *testing.T) {
	res := session.SweepResult{Preset: "ring", Target: "points(data.csv)", Epochs: 200, Seeds: []uint64{1}, Samples: 2500, Measures: [2]string{"sw1", "hq"},
		Axes: []session.SweepAxis{{Key: "d_lr", Values: []string{"1e-4"}}, {Key: "g_lr", Values: []string{"1e-3"}}},
		Rows: []session.SweepRow{{Values: []string{"1e-4", "1e-3"}, Runs: 1, First: [3]float64{0.2, 0, 1}}}}
	if h := FromSweep(res); h.Title != "ring · 200 epochs · target points(data.csv) · SW1 of seed 1 · 2,500 samples" {
		t.Errorf("title %q", h.Title)
	}
}

// TestSVGImagesArePNG: the images of an SVG figure (a heat map's colour
// bar, D's surface on a plane) are labelled as the PNG data they are and
// fill their boxes; gonum labelled them image/jpg, and a viewer that goes
// by the label (rsvg-convert) drew a heat map without its colour bar,
// and then, the bar being one pixel wide, as a hairline.
func TestSVGImagesArePNG(t *testing.T) {
	h := Heatmap{XKey: "d_lr", YKey: "g_lr", X: []string{"1e-4", "1e-3"}, Y: []string{"1e-3"}, Z: [][]float64{{0.1, 0.2}}, ZLabel: "median KS"}
	var hb, rb bytes.Buffer
	if err := EncodeHeatmap(&hb, "svg", h); err != nil {
		t.Fatal(err)
	}
	if err := Encode(&rb, "svg", planeRun()); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string][]byte{"heat map": hb.Bytes(), "plane": rb.Bytes()} {
		svgText(t, doc) // well-formed
		if n := bytes.Count(doc, []byte(`xlink:href="data:image/png;base64,iVBORw0KGgo`)); n == 0 || bytes.Contains(doc, []byte("image/jpg")) {
			t.Errorf("%s: %d images labelled PNG; image/jpg in it: %v", name, n, bytes.Contains(doc, []byte("image/jpg")))
		}
		if images, filling := bytes.Count(doc, []byte("<image ")), bytes.Count(doc, []byte(`<image preserveAspectRatio="none" `)); images != filling {
			t.Errorf("%s: %d of %d images fill their box", name, filling, images)
		}
	}
}

// TestSVGFontsFallBack: every text of an SVG figure names the font the document
// carries, then its metric twin and the generic serif, for a viewer that reads
// no embedded font (rsvg-convert), not Liberation Serif alone, for which a
// viewer without it draws its default face.
func TestSVGFontsFallBack(t *testing.T) {
	h := Heatmap{XKey: "d_lr", YKey: "g_lr", X: []string{"1e-4", "1e-3"}, Y: []string{"1e-3"}, Z: [][]float64{{0.1, 0.2}}, ZLabel: "median KS"}
	var hb, rb bytes.Buffer
	if err := EncodeHeatmap(&hb, "svg", h); err != nil {
		t.Fatal(err)
	}
	if err := Encode(&rb, "svg", trained(t)); err != nil {
		t.Fatal(err)
	}
	const want = "'Liberation Serif','Times New Roman',serif"
	for name, doc := range map[string][]byte{"heat map": hb.Bytes(), "run": rb.Bytes()} {
		texts := svgElements(t, doc, "text")
		for _, text := range texts {
			for _, decl := range strings.Split(text["style"], ";") {
				if v, ok := strings.CutPrefix(decl, "font-family:"); ok && v != want {
					t.Errorf("%s: a text in %s, want %s", name, v, want)
				}
			}
		}
		if len(texts) == 0 || !bytes.Contains(doc, []byte(`font-family:"Liberation Serif";`)) {
			t.Errorf("%s: %d texts; the embedded font named: %v", name, len(texts), bytes.Contains(doc, []byte(`font-family:"Liberation Serif";`)))
		}
	}
}

// TestRunawayLossesOnLogScale: losses that span a million-fold, all positive (a
// least-squares runaway's spike at 6e20 beside losses under 1), are drawn on a
// log scale, which shows both; a run that trains keeps its linear scale. On a
// linear scale the spike would lay every other epoch flat on the axis.
func TestRunawayLossesOnLogScale(t *testing.T) {
	r := trained(t)
	p, err := r.losses()
	if err != nil {
		t.Fatal(err)
	}
	if _, log := p.Y.Scale.(plot.LogScale); log {
		t.Errorf("a run that trains: losses on a log scale, %g to %g", p.Y.Min, p.Y.Max)
	}
	r.History[5].DFake = 6e20
	if p, err = r.losses(); err != nil {
		t.Fatal(err)
	}
	if _, log := p.Y.Scale.(plot.LogScale); !log || !strings.HasSuffix(p.Title.Text, ", log scale") {
		t.Errorf("a runaway's losses: scale %T, title %q; want a log scale, said", p.Y.Scale, p.Title.Text)
	}
	hasAll(t, svgOf(t, r), "(b) losses, log scale", "1e20") // every second power of ten labelled, as the screen writes it
}

// TestKeysAboveTheData: each panel of a run's figure writes its key, an
// entry for every series it names, above its data area and under its title,
// none of it over the data; and its y axis is the data's own range with a
// small margin, not widened to make room for a key: the data's highest lies
// in the top fifth of the axis (of its decades on a log scale). A key in
// the data's top corner had vanilla's panel (a) run its axis to 6 over
// data up to 4, and a runaway's W1, of eleven decades, leave a fifth of
// them above its line.
func TestKeysAboveTheData(t *testing.T) {
	runaway := trained(t)
	for i := range runaway.Evals {
		f := float64(i+1) / float64(len(runaway.Evals))
		runaway.Evals[i].KS, runaway.Evals[i].W1 = 0.5, 1e8*math.Pow(1500, f) // 1.5e11 at the last
	}
	for _, c := range []struct {
		name string
		r    Run
	}{{"a line", trained(t)}, {"a runaway", runaway}, {"a plane", planeRun()}} {
		fresh, err := c.r.panels() // each panel's y range as its data set it
		if err != nil {
			t.Fatal(err)
		}
		rec := &drawCanvas{}
		panels, canvases, err := c.r.layout(figureCanvas(rec))
		if err != nil {
			t.Fatal(err)
		}
		for j, row := range panels {
			for i, p := range row {
				cv, data := canvases[j][i], p.DataCanvas(canvases[j][i])
				rec.strs, rec.texts = nil, nil
				p.key().draw(p.Plot, cv)
				var want []string
				for _, it := range p.items {
					want = append(want, it.name)
				}
				if len(want) == 0 || !slices.Equal(rec.strs, want) {
					t.Errorf("%s, %s: the key writes %q, want an entry for each series named, %q", c.name, p.Title.Text, rec.strs, want)
				}
				title := cv.Max.Y - p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y
				sty := p.Legend.TextStyle
				row := vg.Length(math.Inf(-1)) // the top of the key's first row
				for k, at := range rec.texts {
					if at.Y < data.Max.Y || at.Y > title || at.X < cv.Min.X || at.X > cv.Max.X {
						t.Errorf("%s, %s: the key's %q at %v, not above the data %v and under the title at %v", c.name, p.Title.Text, rec.strs[k], at, data.Rectangle, title)
					}
					row = max(row, at.Y+sty.Rectangle("Mg").Max.Y)
				}
				// Its first row just under the title, in a row of panels
				// whose keys take two rows and one alike.
				if gap := title - row; gap < -0.01 || gap > 1 {
					t.Errorf("%s, %s: the key's first row tops at %.1f, %.1f under the title, want it just under", c.name, p.Title.Text, row, gap)
				}
				if c.r.Plane != nil && j == 1 && i == 1 {
					continue // the box at equal scale (TestPlaneShowsEverySampleInView)
				}
				lo, hi, top := p.Y.Min, p.Y.Max, fresh[j][i].Y.Max
				share := (top - lo) / (hi - lo)
				if _, log := p.Y.Scale.(plot.LogScale); log {
					share = math.Log(top/lo) / math.Log(hi/lo)
				}
				if share < 0.8 || share > 1 {
					t.Errorf("%s, %s: the data's highest, %g, at %.2f of the axis from %g to %g, want the top fifth", c.name, p.Title.Text, top, share, lo, hi)
				}
			}
		}
	}
	// Data from 0 up to any height: the axis ends at a tick, at the first
	// over the data and their margin (half of it at the least) at a step
	// of three to six labels, the data's highest in its top fifth
	// (vanilla's histogram and D(x) up to 1 end at 1.1, labelled by 0.2,
	// where by 0.5 at 1.25).
	for top := 0.3; top < 300; top *= 1.01 {
		p := newPlot("t", "x", "y")
		p.Y.Min, p.Y.Max = 0, top
		headroom(p, dataShare)
		ticks := p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max)
		var labels []string
		for _, k := range ticks {
			if k.Label != "" {
				labels = append(labels, k.Label)
			}
		}
		end := ticks[len(ticks)-1].Value
		if share := top / p.Y.Max; share < 0.8 || share > 1/1.025+1e-9 || len(labels) < 3 || len(labels) > 6 || math.Abs(end-p.Y.Max) > 1e-9*p.Y.Max {
			t.Errorf("data up to %.3g: the axis ends at %g (its last tick %g), the data at %.2f of it, labelled %q; want it at a tick, the data in its top fifth under a margin, 3 to 6 labels", top, p.Y.Max, end, share, labels)
		}
	}
}

// TestLongLabelsStayUnderTheData: an x axis label wider than its panel's data
// area is written on more lines, each no wider than the data, its words all
// kept: devnag-2017's panel (d), "x — no D(x) curve: D judges 100 samples and
// their squared deviations at once", does not run off the figure's right edge.
// A label that fits keeps its one line.
func TestLongLabelsStayUnderTheData(t *testing.T) {
	r := trained(t)
	r.DCurve, r.NoCurve = nil, "no D(x) curve: D judges 100 samples and their squared deviations at once"
	panels, canvases, err := r.layout(figureCanvas(&recorder.Canvas{}))
	if err != nil {
		t.Fatal(err)
	}
	for j, row := range panels {
		for i, p := range row {
			l := p.X.Label
			d := p.DataCanvas(canvases[j][i])
			for _, line := range strings.Split(l.Text, "\n") {
				if w := l.TextStyle.Width(line); w > d.Max.X-d.Min.X {
					t.Errorf("panel %d,%d: label line %q %.0f points wide, its data %.0f", j, i, line, w, d.Max.X-d.Min.X)
				}
			}
		}
	}
	d := panels[1][1].X.Label.Text
	if want := "x — " + r.NoCurve; strings.Join(strings.Fields(d), " ") != want || !strings.Contains(d, "\n") {
		t.Errorf("panel (d)'s label %q, want %q on more than one line", d, want)
	}
	if c := panels[1][0].X.Label.Text; c != "epoch" {
		t.Errorf("panel (c)'s label %q, want epoch", c)
	}
}

// TestSamplesNotFiniteSaid: panel (d) of a model diverged to NaN's says that
// none of its samples is a number to draw, on a line and on a plane, not the
// target alone, the legend silent on them.
func TestSamplesNotFiniteSaid(t *testing.T) {
	r := trained(t)
	for i := range r.Samples {
		r.Samples[i] = math.NaN()
	}
	r.Samples[0] = math.Inf(1)
	hasAll(t, svgOf(t, r), "samples: all 2,000 NaN or infinite")
	plane := planeRun()
	plane.Samples = []float64{math.NaN(), math.NaN(), math.Inf(-1), 0}
	hasAll(t, svgOf(t, plane), "samples: all 2 NaN or infinite", "target")
}

// TestDScoreNotFiniteSaid: a D diverged to NaN's, whose curve or surface has no
// value to draw, is said to have none in the legend, and the axes do not name
// what is not drawn: panel (d) does not read "density, D(x)" over no curve, nor
// on a plane "D says real", "D says generated" and "x — D shaded over the
// target's box" over no shading.
func TestDScoreNotFiniteSaid(t *testing.T) {
	r := trained(t)
	for i := range r.DCurve {
		r.DCurve[i] = math.NaN()
	}
	p, err := r.samples()
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Label.Text != "density" {
		t.Errorf("no D(x) to draw: y axis %q, want density", p.Y.Label.Text)
	}
	hasAll(t, svgOf(t, r), "D(x): NaN or infinite everywhere")

	plane := planeRun()
	for i := range plane.Surface {
		plane.Surface[i] = math.Inf(1)
	}
	texts := svgOf(t, plane)
	hasAll(t, texts, "D's surface: NaN or infinite everywhere")
	for _, s := range texts {
		if strings.Contains(s, "D says") || strings.Contains(s, "shaded") {
			t.Errorf("no surface to draw, yet the figure says %q", s)
		}
	}
}

// TestNoFiniteValuesKeepsTheReferences: a run diverged at once, its history all
// NaN or empty (the charts keep finite epochs alone), draws its target's mean
// and std and its losses' balance across panels (a) and (b), and says in their
// titles that the run has no finite values there: the reference lines, drawn
// only beside a curve, would go with the curves, leaving the panels blank. A
// run not yet trained says nothing of the kind.
func TestNoFiniteValuesKeepsTheReferences(t *testing.T) {
	nan := math.NaN()
	allNaN := Run{TargetMean: 4, TargetStd: 1.25, Balance: []Level{{"ln 2", math.Ln2}}, SampleEpoch: 5}
	for e := 1; e <= 5; e++ {
		allNaN.History = append(allNaN.History, session.Point{Epoch: e, Mean: nan, Std: nan, DReal: nan, DFake: nan, G: nan})
	}
	empty := allNaN
	empty.History, empty.SampleEpoch = nil, 1 // diverged at epoch 1: no epoch kept
	for name, r := range map[string]Run{"all NaN": allNaN, "empty": empty} {
		panels, canvases, err := r.layout(figureCanvas(&fillCanvas{}))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			p     *panel
			c     draw.Canvas
			col   color.Color
			level []float64
		}{
			{panels[0][0], canvases[0][0], paper(palette.Real), []float64{4, 1.25}},
			{panels[0][1], canvases[0][1], paper(palette.Balance), []float64{math.Ln2}},
		} {
			if !strings.HasSuffix(c.p.Title.Text, " — no finite values") {
				t.Errorf("%s: title %q does not say the panel has no finite values", name, c.p.Title.Text)
			}
			rec := &recorder.Canvas{}
			c.p.Draw(draw.Canvas{Canvas: rec, Rectangle: c.c.Rectangle})
			data := c.p.DataCanvas(c.c)
			_, trY := c.p.Transforms(&data)
			for _, y := range c.level {
				found := false
				for _, s := range strokes(rec) {
					found = found || s.col == c.col && len(s.path) == 2 && s.path[0].Pos.Y == trY(y) && s.path[1].Pos.Y == trY(y)
				}
				if !found {
					t.Errorf("%s: %q draws no line at %g", name, c.p.Title.Text, y)
				}
			}
		}
	}
	fresh := Run{TargetMean: 4, TargetStd: 1.25}
	if texts := svgOf(t, fresh); slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "no finite values") }) {
		t.Error("a run not yet trained is said to have no finite values")
	}
}

// TestSettingChangesMarked: a setting the user changed mid-run (the trainer's
// ←→, then P) is marked on the time axes as the screen marks it (◆), named by
// what it changed to ("D lr 1e-3", the screen's short name), and the title,
// which names the design with the settings the run ended with, says they are
// those of the end and when they changed. Left out, the change would leave the
// curves changing course at it with nothing saying why, under a title that
// reads as if the new rate held from the start.
func TestSettingChangesMarked(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.New(session.Options{Config: cfg, Preset: "vanilla", Seed: 1, Samples: 500, Every: 10, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []session.Command{session.Step{Kind: session.StepEpoch, Epochs: 5},
		session.Adjust{Setting: session.DLR, Dir: +1}, session.Step{Kind: session.StepEpoch, Epochs: 5}} {
		s.Send(c)
	}
	s.Start()
	for snap := range s.Snapshots() { // the commands queued apply together, before the first snapshot
		if snap.Epoch == 10 {
			break
		}
	}
	s.Stop()
	p := s.Picture()
	var detail string
	for _, e := range p.Events {
		if e.Kind == session.EventSetting {
			detail = e.Detail
		}
	}
	_, to, _ := strings.Cut(detail, " → ")
	if !strings.HasPrefix(detail, "D lr ") || to == "" {
		t.Fatalf("the session's setting event: %q among %+v", detail, p.Events)
	}
	label := "D lr " + to
	r := FromPicture(p)
	if !slices.ContainsFunc(r.Events, func(e Event) bool { return e.Epoch == 5 && e.label() == label && e.N == 1 }) {
		t.Errorf("marks %+v, want %q at epoch 5", r.Events, label)
	}
	want := "vanilla d_lr=" + to + " (settings at the end, changed after epoch 5) · seed 1 · 10 epochs"
	if !strings.HasPrefix(r.Title, want) {
		t.Errorf("title %q, want it to begin %q", r.Title, want)
	}
	hasAll(t, svgOf(t, r), label)
}

// TestSettingLabels: a setting event's mark names the setting and the
// value it took, also for one a roll-back kept; and a title says each
// epoch after which settings changed, those at epoch 0, which held from
// the start, not among them.
func TestSettingLabels(t *testing.T) {
	for detail, want := range map[string]string{
		"D lr 5e-4 → 1e-3":                             "D lr 1e-3",
		"G\u00a0steps 1 → 2":                           "G steps 2",
		"D lr 5e-4 → 2e-3, kept through the roll-back": "D lr 2e-3",
		"odd": "setting",
	} {
		if got := settingLabel(detail); got != want {
			t.Errorf("settingLabel(%q) = %q, want %q", detail, got, want)
		}
	}
	ev := func(epochs ...int) []session.Event {
		var out []session.Event
		for _, e := range epochs {
			out = append(out, session.Event{Epoch: e, Kind: session.EventSetting, Detail: "D lr 5e-4 → 1e-3"}, session.Event{Epoch: e, Kind: session.EventDWins})
		}
		return out
	}
	for _, c := range []struct {
		events []session.Event
		want   string
	}{
		{ev(0), ""},
		{ev(0, 1200), "settings at the end, changed after epoch 1,200"},
		{ev(10, 10, 20), "settings at the end, changed after epochs 10 and 20"},
		{ev(10, 20, 30), "settings at the end, changed after epochs 10, 20 and 30"},
		{ev(10, 20, 30, 40), "settings at the end, changed after epoch 10 and 3 later ones"},
	} {
		if got := retuned(c.events); got != c.want {
			t.Errorf("retuned(%+v) = %q, want %q", c.events, got, c.want)
		}
	}
}

// TestSamplesLabelsOneLine: every 1-D preset's panel (d) says its x axis on one
// line, as the other panels do: devnag-2017's "x — no D(x) curve: D judges 100
// samples and their squared deviations at once" is not broken in two, its
// second line at the figure's bottom edge, read as a label of its own.
func TestSamplesLabelsOneLine(t *testing.T) {
	for _, cfg := range presets.All() {
		if p, err := cfg.Plane(); err != nil || p != nil {
			continue
		}
		t.Run(cfg.Name, func(t *testing.T) {
			r := FromPicture(pictureOf(t, cfg.Name, 1, session.Options{Seed: 1, Samples: 500}))
			panels, canvases, err := r.layout(figureCanvas(&recorder.Canvas{}))
			if err != nil {
				t.Fatal(err)
			}
			l := panels[1][1].X.Label
			d := panels[1][1].DataCanvas(canvases[1][1])
			if strings.Contains(l.Text, "\n") {
				t.Errorf("panel (d)'s label %q on more than one line: %.0f points wide, its data %.0f",
					l.Text, l.TextStyle.Width(strings.ReplaceAll(l.Text, "\n", " ")), d.Max.X-d.Min.X)
			}
		})
	}
}

// TestMomentsPanelSaysLastBatch: panel (a) draws the moments of the last batch
// G generated in each epoch (Point.Mean, Std), which are not those of panel
// (d)'s fresh samples nor the final line's, and its title says so, in the
// screen's words for the same chart ("Moments, last batch"), not "G's
// samples", which would read as panel (d)'s.
func TestMomentsPanelSaysLastBatch(t *testing.T) {
	r := trained(t)
	texts := svgOf(t, r)
	if !slices.Contains(texts, "(a) mean and std of G's last batch") {
		t.Errorf("panel (a)'s title is not %q", "(a) mean and std of G's last batch")
	}
	for _, s := range texts {
		if strings.Contains(s, "(a)") && strings.Contains(s, "samples") {
			t.Errorf("panel (a)'s title %q names samples", s)
		}
	}
}

// TestSparseChecksSayWhy: panel (c) of a run short of its plan draws its
// checks, which come at the plan's interval (a hundredth of it), and where
// they are fewer than sparseChecks its x axis says so ("epoch — checked every
// 60 epochs for a plan of 6,000"), so that a long plan stopped early does not
// read as evaluations lost; a run at its plan's end says nothing of it.
func TestSparseChecksSayWhy(t *testing.T) {
	p := pictureOf(t, "bimodal", 60, session.Options{Seed: 4, Samples: 500})
	if p.Planned != 60 || p.CheckEvery != 10 {
		t.Fatalf("picture planned %d, checked every %d; want 60 and 10", p.Planned, p.CheckEvery)
	}
	r := FromPicture(p)
	for _, s := range svgOf(t, r) {
		if strings.Contains(s, "checked every") {
			t.Errorf("a run at its plan's end says %q", s)
		}
	}
	r.Planned, r.CheckEvery = 6000, 60 // the same 60 epochs, short of a plan of 6,000: a check at epoch 60 alone
	r.Evals = r.Evals[len(r.Evals)-1:]
	hasAll(t, svgOf(t, r), "epoch — checked every 60 epochs for a plan of 6,000")
}

// drawKey draws p's key on c, as layout builds it and Encode draws it.
func drawKey(p *panel, c draw.Canvas) { p.key().draw(p.Plot, c) }

// TestLogAxisKeepsNoBandForItsLabel: a log axis's label, written along the
// axis's middle, keeps no room at the data's far end: panel (c) on a log
// scale, a runaway's W1 up to 30,000 or a plane's high-quality share from
// 0.001, has its data right under its key, as its linear neighbours do,
// where gonum kept room for the label near the top of the axis (at the
// middle of its range, 0.93 of the way up on a log scale) and a band of
// 10 points stood blank under the key; at most the top tick label's half
// may stand over the data. A plot's log axis alike, x or y, ends at the
// edge of its canvas, a label longer than half the axis notwithstanding.
func TestLogAxisKeepsNoBandForItsLabel(t *testing.T) {
	runaway := trained(t)
	for i := range runaway.Evals {
		runaway.Evals[i].W1 = 30000
	}
	plane := planeRun()
	for i := range plane.Evals {
		plane.Evals[i].HQ = 1e-3 * float64(i+1)
	}
	for _, c := range []struct {
		name string
		r    Run
	}{{"a runaway", runaway}, {"a plane", plane}} {
		panels, canvases, err := c.r.layout(figureCanvas(&recorder.Canvas{}))
		if err != nil {
			t.Fatal(err)
		}
		p := panels[1][0]
		if _, log := p.Y.Scale.(plot.LogScale); !log {
			t.Fatalf("%s: panel (c) %q is not on a log scale", c.name, p.Title.Text)
		}
		for i, p := range panels[1] {
			cv := canvases[1][i]
			under := cv.Max.Y - p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y - p.Title.Padding // the key's room's foot
			if gap, most := under-p.DataCanvas(cv).Max.Y, p.Y.Tick.Label.Height("0")/2; gap > most+0.01 {
				t.Errorf("%s, %s: the data's top %.1f points under the key, want at most %.1f", c.name, p.Title.Text, gap, most)
			}
		}
	}
	long := "a label much longer than half of the axis it names"
	for _, y := range []bool{true, false} {
		p := plot.New()
		a := &p.X
		if y {
			a = &p.Y
		}
		logScale(a)
		a.Min, a.Max, a.Label.Text = 1e-4, 2, long
		a.Tick.Marker = plot.ConstantTicks(nil)
		cv := draw.Canvas{Canvas: &recorder.Canvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: 300, Y: 200}}}
		d := p.DataCanvas(cv)
		if end := map[bool]vg.Length{true: cv.Max.Y - d.Max.Y, false: cv.Max.X - d.Max.X}[y]; end > 0.01 {
			t.Errorf("a log %s axis labelled %q ends %.1f points short of its canvas", map[bool]string{true: "y", false: "x"}[y], long, end)
		}
	}
}

// TestLinearAxisBeginsNearTheData: a linear axis begins at a label near
// its data's lowest, not a step under it, so that no band of the panel
// under the data is left empty: wgan's losses from -0.0113 to 0.0113 had
// their axis begin at -0.02, labelled by 0.01, a quarter of it empty; by
// 0.005 it begins at -0.015. Over data of any span, from under 0 or over
// it, the band under them is at most a quarter of the axis (data from 1.6
// to 2.5 had begun at 1, a third of it), the foot still a label.
func TestLinearAxisBeginsNearTheData(t *testing.T) {
	band := func(lo, top float64) (float64, *plot.Plot) {
		p := newPlot("t", "x", "y")
		p.Y.Min, p.Y.Max = lo, top
		headroom(p, dataShare)
		return (lo - p.Y.Min) / (p.Y.Max - p.Y.Min), p
	}
	if b, p := band(-0.0113, 0.0113); b > 0.15 {
		t.Errorf("losses from -0.0113 to 0.0113: the axis from %g to %g, %.2f of it under the data", p.Y.Min, p.Y.Max, b)
	}
	for _, top := range []float64{0.0113, 0.3, 1, 2.5, 7, 13} {
		for f := -1.0; f < 0.95; f += 0.013 {
			lo := top * f
			b, p := band(lo, top)
			var labels []string
			first := math.NaN()
			for _, k := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
				if k.Label != "" {
					labels = append(labels, k.Label)
					if math.IsNaN(first) {
						first = k.Value
					}
				}
			}
			if b > 0.25 || len(labels) > 8 || math.Abs(first-p.Y.Min) > 1e-9*(p.Y.Max-p.Y.Min) {
				t.Errorf("data from %.4g to %g: the axis from %g to %g, %.2f of it under the data, labelled %q", lo, top, p.Y.Min, p.Y.Max, b, labels)
			}
		}
	}
}

// TestHeatmapBarBesideTheCells: a heat map's colour bar runs beside the
// map's cells from their foot to their top, so that the scale's 0 and its
// worst value stand at the cells' edges, its two-line title over it a gap
// under the figure's title and a margin off its right edge, its labels
// apart from the cells: the bar had begun 6 points over the cells' foot
// and ended 13 under their top (vanilla's sweep of d_lr and g_lr), its
// title against the figure's and 15 points from the edge, its labels 13
// from the cells.
func TestHeatmapBarBesideTheCells(t *testing.T) {
	h := Heatmap{
		Title: "vanilla · 3,000 epochs · target normal(4,1.25) · median KS over seeds 1-3 · 10,000 samples",
		XKey:  "d_lr", YKey: "g_lr", X: []string{"1e-4", "1e-3", "1e-2"}, Y: []string{"1e-4", "1e-3", "1e-2"},
		Z:      [][]float64{{0.230, 0.060, 0.085}, {0.060, 0.016, 0.028}, {0.633, 0.284, 0.086}},
		ZLabel: "median KS", ZLimits: [2]float64{0, 1},
	}
	dc := draw.New(vgimg.New(7.5*vg.Inch, 6*vg.Inch))
	p, bar, mapArea, barArea, err := heatmapLayout(dc, h)
	if err != nil {
		t.Fatal(err)
	}
	d, b := p.DataCanvas(mapArea), bar.DataCanvas(barArea)
	if math.Abs(float64(d.Max.Y-b.Max.Y)) > 0.01 || math.Abs(float64(d.Min.Y-b.Min.Y)) > 0.01 {
		t.Errorf("the cells from %.1f to %.1f pt, the colour bar from %.1f to %.1f", d.Min.Y, d.Max.Y, b.Min.Y, b.Max.Y)
	}
	body := title(draw.New(vgimg.New(7.5*vg.Inch, 6*vg.Inch)), h.Title)
	if gap := body.Max.Y - max(barArea.Max.Y, mapArea.Max.Y); gap < 4 {
		t.Errorf("the bar's title up to %.1f pt, the map's to %.1f, %.1f under the figure title's foot at %.1f, want a gap", barArea.Max.Y, mapArea.Max.Y, gap, body.Max.Y)
	}
	sty := bar.Title.TextStyle
	right := (barArea.Min.X+barArea.Max.X)/2 + sty.Width("lower is better")/2
	if margin := dc.Max.X - right; margin < 18 {
		t.Errorf("the bar's title ends %.1f pt from the figure's right edge, want a margin", margin)
	}
	if gap := b.Min.X - d.Max.X - bar.Y.Tick.Label.Width("0.0") - bar.Y.Tick.Length; gap < 16 {
		t.Errorf("the bar's labels %.1f pt right of the cells, want them apart", gap)
	}
}

// TestTitleKeepsOffTheEdges: a figure's title takes at most titleFill of
// the width within its margins, on lines as even as their count allows:
// the sweep's heat map docs/vanilla-sweep.png, 7.5 inches wide, had its
// title on one line nearly from edge to edge. A short title stays on one
// line.
func TestTitleKeepsOffTheEdges(t *testing.T) {
	sty := draw.TextStyle{Font: font.From(plot.DefaultFont, titleSize), Handler: plot.DefaultTextHandler}
	w := 7.5*vg.Inch - 2*titleMargin
	long := "vanilla · 3,000 epochs · target normal(4,1.25) · median KS over seeds 1-3 · 10,000 samples"
	lines := filledLines(sty.Width, long, w)
	if len(lines) != 2 || strings.Join(lines, " · ") != long {
		t.Errorf("%q on %q, want it whole on two lines", long, lines)
	}
	for _, l := range lines {
		if f := sty.Width(l) / w; f > titleFill {
			t.Errorf("%q: its line %q takes %.2f of the width, want at most %.2f", long, l, f, titleFill)
		}
	}
	if d := sty.Width(lines[0]) - sty.Width(lines[len(lines)-1]); len(lines) == 2 && d > w/4 {
		t.Errorf("%q: lines %q, their widths %.0f pt apart", long, lines, d.Points())
	}
	short := "ring · seed 1 · 500 epochs (done) · target ring(8,2,0.02)"
	if got := filledLines(sty.Width, short, 11*vg.Inch-2*titleMargin); len(got) != 1 {
		t.Errorf("%q on %q, want one line", short, got)
	}
}

// TestLogAxisBeginsNearItsData: a log axis of up to four powers of ten
// begins at the 1, 2 or 5 times a power at or under its data's lowest,
// labelled there, so that it is read from its foot and no band of most of
// a decade stands empty under the data: a panel (c) of KS and W1 from
// 0.06 to 60 began at 0.01, labelled at the powers alone; now at 0.05. An
// axis of more decades begins at a power as before.
func TestLogAxisBeginsNearItsData(t *testing.T) {
	for _, c := range []struct{ lo, hi, foot float64 }{{0.06, 60, 0.05}, {0.25, 300, 0.2}, {0.013, 0.6, 0.01}, {0.06, 6e6, 0.01}} {
		p := newPlot("t", "epoch", "KS, W1")
		logScale(&p.Y)
		p.Y.Tick.Marker = logTicks{}
		p.Y.Min, p.Y.Max = c.lo, c.hi
		headroom(p, dataShare)
		var first string
		for _, k := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			if k.Label != "" {
				first = fmt.Sprintf("%s at %g", k.Label, k.Value)
				break
			}
		}
		if math.Abs(p.Y.Min-c.foot) > 1e-12*c.foot || first != fmt.Sprintf("%s at %g", strconv.FormatFloat(c.foot, 'g', -1, 64), c.foot) {
			t.Errorf("data from %g to %g: the axis from %g to %g, its first label %s, want it to begin at %g, labelled", c.lo, c.hi, p.Y.Min, p.Y.Max, first, c.foot)
		}
	}
}

// TestTitleSaysWhereTheRunResumed: the figure of a run resumed from a
// checkpoint without its record (session.SaveCheckpoint's, an earlier
// ganui's), whose panels begin at the resume, says so after its state,
// "(done; charted from epoch 30 on, where it resumed)", where it read
// "60 epochs (done)" over axes from epoch 30 that did not say why. One
// resumed from a checkpoint with its record (--save's) draws the whole
// run and says nothing of the resume: its title is a straight run's, as
// its training is.
func TestTitleSaysWhereTheRunResumed(t *testing.T) {
	dir := t.TempDir()
	saved, bare := filepath.Join(dir, "v.ckpt"), filepath.Join(dir, "bare.ckpt")
	if p := pictureOf(t, "vanilla", 30, session.Options{Seed: 1, SavePath: saved}); !strings.Contains(FromPicture(p).Title, "· 30 epochs (done) ·") {
		t.Errorf("a run from its start titled %q", FromPicture(p).Title)
	}
	gan, err := session.LoadCheckpoint(saved)
	if err != nil {
		t.Fatal(err)
	}
	if err := session.SaveCheckpoint(gan, bare); err != nil {
		t.Fatal(err)
	}
	straight := FromPicture(pictureOf(t, "vanilla", 60, session.Options{Seed: 1})).Title
	for _, c := range []struct {
		ckpt, want string
		first      int // the history's first epoch
	}{
		{saved, straight, 1},
		{bare, "vanilla · seed 1 · 60 epochs (done; charted from epoch 30 on, where it resumed) · target normal(4,1.25)", 31},
	} {
		s, err := session.New(session.Options{Resume: c.ckpt, Epochs: 60})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Run(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		r := FromPicture(s.Picture())
		if r.Title != c.want {
			t.Errorf("resumed from %s: titled %q, want %q", filepath.Base(c.ckpt), r.Title, c.want)
		}
		if len(r.History) == 0 || r.History[0].Epoch != c.first {
			t.Errorf("resumed from %s: history from epoch %v, want from %d", filepath.Base(c.ckpt), r.History[:min(1, len(r.History))], c.first)
		}
	}
}

// TestTitleSaysARunPastItsPlan: a run the trainer took on past its plan
// (space or n at its end) says how far in its title, as the header does,
// "1,700 epochs (paused; 1,400 past its plan of 300)" for ring at a plan
// of 300, where it read "1,700 epochs (paused)", a run paused short of a
// plan its checks follow; within the plan the title is as it was.
func TestTitleSaysARunPastItsPlan(t *testing.T) {
	p := pictureOf(t, "vanilla", 30, session.Options{Seed: 1})
	if got := FromPicture(p).Title; !strings.Contains(got, "· 30 epochs (done) ·") {
		t.Errorf("a run at its plan's end titled %q", got)
	}
	p.Planned, p.State = 20, session.Paused // gone on 10 epochs past a plan of 20, then paused
	if got, want := FromPicture(p).Title, "· 30 epochs (paused; 10 past its plan of 20) ·"; !strings.Contains(got, want) {
		t.Errorf("a run past its plan titled %q, want it to hold %q", got, want)
	}
}

// TestRowNoteSaysBoth: a cell whose two runs both diverged says so as a
// sentence does, "both diverged", where it read "all 2 diverged".
func TestRowNoteSaysBoth(t *testing.T) {
	if got := rowNote(session.SweepRow{Runs: 2, Diverged: 2}); got != "both diverged" {
		t.Errorf("two runs diverged: %q, want \"both diverged\"", got)
	}
}

// TestQualityDrawsItsFloor: panel (c) draws the distance's noise floor
// at a check's sample size, dashed grey across the epochs as a batch's
// figure draws its floor, and names it after the curves, "KS noise floor
// at 2,000 samples" (vanilla), "sliced W1 noise floor at 2,500 samples"
// (ring, whose screen says "floor 0.031" beside SW1), so that a distance
// of 0.069 is read against what a perfect generator reads. It had drawn
// the curves alone.
func TestQualityDrawsItsFloor(t *testing.T) {
	for _, c := range []struct {
		preset string
		epochs int
		name   string
		floor  func(session.Picture) float64
	}{
		{"vanilla", 30, "KS noise floor at 2,000 samples", func(session.Picture) float64 { return engine.KSNoiseFloor(2000) }},
		{"ring", 20, "sliced W1 noise floor at 2,500 samples", func(p session.Picture) float64 { return p.CheckNoise.SW1 }},
	} {
		pic := pictureOf(t, c.preset, c.epochs, session.Options{Seed: 1, Every: 10})
		want := c.floor(pic)
		if !(want > 0) {
			t.Fatalf("%s: the picture's check noise %+v gives no floor", c.preset, pic.CheckNoise)
		}
		r := FromPicture(pic)
		p, err := r.quality()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		var floor *plotter.Line
		for _, it := range p.items {
			names = append(names, it.name)
			if it.name == c.name && len(it.thumbs) == 1 {
				if u, ok := it.thumbs[0].(unpaddedThumb); ok {
					floor, _ = u.Thumbnailer.(*plotter.Line)
				}
			}
		}
		if floor == nil {
			t.Errorf("%s: panel (c)'s key %q, want a line named %q last", c.preset, names, c.name)
			continue
		}
		if names[len(names)-1] != c.name {
			t.Errorf("%s: panel (c)'s key %q, want the floor named last, as a batch's figure names it", c.preset, names)
		}
		x0, x1 := r.timeRange()
		if len(floor.XYs) != 2 || floor.XYs[0] != (plotter.XY{X: x0, Y: want}) || floor.XYs[1] != (plotter.XY{X: x1, Y: want}) {
			t.Errorf("%s: the floor drawn at %v, want at %g from epoch %g to %g", c.preset, floor.XYs, want, x0, x1)
		}
		if sty := floor.LineStyle; sty.Color != paper(palette.Muted) || sty.Width != vg.Points(1) || !slices.Equal(sty.Dashes, dashed) {
			t.Errorf("%s: the floor drawn in %+v, want a batch's figure's floor, muted grey, 1 point, dashed", c.preset, sty)
		}
	}
}
