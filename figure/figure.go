// Package figure draws a run of ganui as one figure — PNG, SVG or PDF,
// with gonum.org/v1/plot — for slides and reports: ganui --headless
// --plot, and the heat map of a --sweep. It draws plain data (Run,
// Heatmap), which a session gathers (session.Picture, FromPicture), and
// never trains: the numbers are the run's own.
package figure

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/palette"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/session"
)

// formats are the file formats a figure is written in, named by the
// file's extension.
var formats = []string{"png", "svg", "pdf"}

// FormatOf returns the format a figure written to path takes, from its
// extension (case aside): "png", "svg" or "pdf"; any other is an error
// that names them, and the names path would have in them, each name
// quoted for the shell as every message names a file: "x.jpg: a figure
// is FILE.png, FILE.svg or FILE.pdf; give x.png, x.svg or x.pdf" ("'my
// run.gif': …; give 'my run.png', …"), so that the name the user chose
// is kept, its extension mended.
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if !slices.Contains(formats, ext) {
		return "", fmt.Errorf("%s: a figure is FILE.png, FILE.svg or FILE.pdf%s", shellword.Quote(path), formatNames(path))
	}
	return ext, nil
}

// formatNames is "; give " and path with each of formats' extensions
// in place of its own, or "" for a path whose name is its extension
// alone (.jpg), which leaves no name to keep.
func formatNames(path string) string {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	if base := filepath.Base(stem); stem == "" || strings.HasSuffix(stem, string(filepath.Separator)) || base == "." || base == ".." {
		return ""
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = shellword.Quote(stem + "." + f)
	}
	return "; give " + numtext.List(names, "or")
}

// Run is what the figure of one run shows: four panels — (a) the mean and
// std of G's batches over the epochs against the target's, (b) D's losses
// on real and generated data and G's loss against their balance, (c) KS and W1 of
// the evaluations over the epochs, (d) a histogram of fresh samples
// against the target density, with D(x) where D scores single samples —
// and the events on the time axes.
type Run struct {
	Title   string          // above the panels, on as many lines as it needs (titleLines)
	History []session.Point // the charts' history (session.History)
	// Evals are the checks' evaluations and the run's at its epoch
	// (session.Picture.Evals), drawn in panel (c).
	Evals []session.EvalPoint
	// CheckEvery is the epochs between the session's checks, whose
	// evaluations Evals holds: panel (c) of a run with none says when
	// they come; 0 for unknown.
	CheckEvery int
	// Planned is the epochs the run was planned for, whose hundredth
	// CheckEvery is; 0 for unknown. Panel (c) of a run short of it with
	// few checks says why they are few (sparseChecks).
	Planned int
	// Ended: the run is over (done, diverged or interrupted), so panel
	// (c) does not promise an evaluation "yet" to come, nor call one
	// alone one "so far".
	Ended bool
	// Diverged: the run stopped on a divergence. Panel (c) of one without an
	// evaluation, its weights not finite before its first check, says so, not
	// when the checks come ("no evaluation, one every 100 epochs"), which
	// beside a final ks=NaN would promise a check that never comes.
	Diverged bool
	// Floor is the noise floor of panel (c)'s distance (KS; on a plane
	// sliced W1) at a check's sample size, FloorSamples: what a perfect
	// generator's checks read, drawn across the panel as a batch's figure
	// draws its floor, so that a distance is read against it. 0 for
	// unknown: none drawn.
	Floor        float64
	FloorSamples int

	TargetMean, TargetStd float64
	// Balance holds the values D's losses balance at once D can tell
	// nothing apart (session.Equilibrium: ln 2 for BCE, ⅛ for least
	// squares, two values with label smoothing), drawn across the loss
	// panel; empty for losses without one.
	Balance []Level
	// Critic: D's curve is a critic's score (an unbounded loss), not a
	// probability, whatever values it takes.
	Critic bool
	// GOwnScale: G's loss has a scale of its own (feature matching's
	// distance): the loss panel's range is D's, G's curve cut at its top.
	GOwnScale bool

	Samples     []float64 // fresh generated samples
	SampleEpoch int       // the epoch they were drawn at
	Lo, Hi      float64   // the x range of the histogram
	// GEMA is g_ema's β, 0 for none: with it the samples and every
	// measure are the moving average's of G's weights, named so in panel
	// (d)'s legend, while panel (a)'s moments, of each epoch's last
	// training batch, are G's own, named so in its title.
	GEMA float64
	// Density is the target's density, drawn over the histogram; nil for
	// none.
	Density func(x float64) float64
	// Quantile is the target's quantile function: the density is drawn
	// at its quantiles too, where its mass is, not on an even grid
	// from Lo to Hi alone; nil for the grid alone.
	Quantile func(p float64) float64
	// DCurve holds D(x) at len(DCurve) evenly spaced x from Lo to Hi; nil
	// when D does not score single samples, and NoCurve says why.
	DCurve  []float64
	NoCurve string

	// Plane describes a two-dimensional target, or is nil. Panel (d) then
	// shows the samples (x, y pairs; at most mostPoints of them) as
	// points over the target's reference points and D's surface
	// (Surface, SurfaceN cells a side, rows from the top; nil when D
	// does not score single points), panel (a) each
	// axis's mean and std against the target's, and panel (c) the sliced
	// W1 and the high-quality share.
	Plane    *session.PlaneInfo
	Surface  []float64
	SurfaceN int
	// Modes is how many modes a one-dimensional mixture or a plane of
	// modes has, 0 for any other target: panel (c) then draws the share
	// of them G covered (on a plane, captured) at each check
	// (session.EvalPoint.Modes), what the screen's "modes 1/2" and
	// "modes 6/8 captured" count, so that the figure shows a collapse
	// the screen named.
	Modes int

	// Events are marked on the time axes of panels (a)–(c) as
	// dash-dot-dotted vertical lines: the session's (a mode dropped, D
	// winning, the equilibrium reached or left) and the user's (a
	// setting changed, named with its new value, a roll-back, a hand
	// update). Earlier counts those before them that the session did
	// not keep.
	Events  []Event
	Earlier int

	// Baseline is the run pinned to compare against (the trainer's b), or
	// nil, drawn in grey as the screen draws it: its curves under the
	// run's in panels (a) and (b), its histogram (counted in histBins
	// bins, as session.Picture counts it) as an outline in (d), or on a
	// plane its samples as points under G's; and its measures at the pin,
	// which the screen's Quality compares the run with, as points in (c).
	// The legends name it by its seed and the epoch it was pinned at.
	Baseline *session.Baseline
}

// Event is a moment of a run worth marking on its time axis: the
// session's events at one epoch, a mark for each kind of them, named by
// one label, "mode-covered at -2, equilibrium" (label). The marks are
// kept as data, each its kind and the modes it names or how many events it
// counts, and written as text in one place (Mark.String), so that events
// are merged (eventMarks) and named at once (alikeLabel) by what they
// are, never by reading a label back.
type Event struct {
	Epoch int
	Marks []Mark // one a kind of event, in the order they came
	N     int    // the session's events it stands for, at least 1
}

// Mark is what the events of one kind at an epoch say on a label: their
// kind, and the modes they are of or how many they are.
type Mark struct {
	// Kind is what happened: the event's kind, "mode-covered", or for a
	// setting the user changed, the setting and the value it took, "D lr
	// 1e-3" (settingLabel).
	Kind string
	// Modes are the modes a mode's events are of, named by their centres,
	// "mode-covered at -2 and 2"; none where their places are not known
	// or they are counted instead.
	Modes []session.ModePlace
	// Count is how many events the mark counts where it names no modes,
	// "mode-covered ×4": more than mostModesNamed of a plane's at one
	// check; 0 or 1 is the kind alone.
	Count int
}

// String is the mark as a label writes it: "mode-covered at -2 and 2",
// "mode-covered ×4", "equilibrium".
func (m Mark) String() string {
	switch {
	case len(m.Modes) > 0:
		at := make([]string, len(m.Modes))
		for i, p := range m.Modes {
			at[i] = modeAt(p)
		}
		return m.Kind + " at " + strings.Join(at, " and ")
	case m.Count > 1:
		return m.Kind + " ×" + strconv.Itoa(m.Count)
	}
	return m.Kind
}

// label is e's label: its marks, one after another, "mode-recovered at
// -2, equilibrium".
func (e Event) label() string {
	return joinMarks(e.Marks, Mark.String)
}

// kind is the label events of e's kind share: its marks' kinds without
// the modes they name or count, "mode-recovered, equilibrium", so that
// events of one kind close together are named at once by it,
// "mode-covered ×2".
func (e Event) kind() string {
	return joinMarks(e.Marks, func(m Mark) string { return m.Kind })
}

// joinMarks writes each of marks by text and joins them as a label does,
// by ", ".
func joinMarks(marks []Mark, text func(Mark) string) string {
	parts := make([]string, len(marks))
	for i, m := range marks {
		parts[i] = text(m)
	}
	return strings.Join(parts, ", ")
}

// mostModesNamed is the most modes one label names: more, of a plane's
// many modes covered at one check or close together (grid's 25), are
// counted, "mode-covered ×4", not named, a label of their centres
// running across the panel.
const mostModesNamed = 3

// eventMarks is one mark an epoch for the session's events, each named once: a
// finding's or the run's by its kind, a setting the user changed by what it
// changed to (settingLabel), as the screen's ◆ and the quit line's again: tell
// of it, so that a run retuned at epoch 250 changes course there with a mark
// saying why.
//
// A mode's event names the mode by its centre (session.Event.Mode), as
// its detail does, "mode-covered at -2" on a line, "mode-covered at
// (2, 0)" on a plane, so that a figure of a collapse says which mode G
// holds; two at one epoch, "mode-covered at -2 and 2"; more than
// mostModesNamed, their count, "mode-covered ×4". An event whose place is
// not known (kept in another ganui's words) is named by its kind alone.
func eventMarks(events []session.Event) []Event {
	var out []Event
	for _, e := range events {
		mark := Mark{Kind: e.Kind.String()}
		switch e.Kind {
		case session.EventSetting:
			mark.Kind = settingLabel(e.Detail)
		case session.EventModeCovered, session.EventModeDropped, session.EventModeRecovered:
			if modeAt(e.Mode) != "" {
				mark.Modes = []session.ModePlace{e.Mode}
			}
		}
		if n := len(out); n > 0 && out[n-1].Epoch == e.Epoch { // one mark an epoch
			marks := out[n-1].Marks
			switch last := &marks[len(marks)-1]; {
			case mark.Modes != nil && last.Kind == mark.Kind: // another mode of the same kind
				switch {
				case len(last.Modes) > 0 && len(last.Modes) < mostModesNamed:
					last.Modes = append(last.Modes, e.Mode)
				case len(last.Modes) > 0:
					last.Modes, last.Count = nil, len(last.Modes)+1
				default: // counted, "mode-covered ×4", or of a place not known, one
					last.Count = max(last.Count, 1) + 1
				}
			case !slices.ContainsFunc(marks, func(m Mark) bool { return m.Kind == mark.Kind }):
				out[n-1].Marks = append(marks, mark)
			}
			out[n-1].N++
			continue
		}
		out = append(out, Event{Epoch: e.Epoch, Marks: []Mark{mark}, N: 1})
	}
	return out
}

// modeAt is a mode event's place as its mark names it, "-2" on a line,
// "(2, 0)" on a plane, its space non-breaking (numtext.Together): the
// place one word, so that the only ", " in a label's text is the one
// between its marks; "" for an event whose place is not known (kept in
// another ganui's words).
func modeAt(m session.ModePlace) string { return numtext.Together(m.String()) }

// settingLabel is the mark's name of a setting changed, from its event's
// detail ("D lr 5e-4 → 1e-3", after a roll-back with ", kept through
// the roll-back"): the setting by its short name (session.Setting.Short)
// and the value it took, "D lr 1e-3"; a detail it cannot read is
// "setting", the event's kind.
func settingLabel(detail string) string {
	from, to, ok := strings.Cut(numtext.Plain(detail), " → ")
	i := strings.LastIndex(from, " ")
	if !ok || i <= 0 || to == "" {
		return session.EventSetting.String()
	}
	to, _, _ = strings.Cut(to, ", ")
	return from[:i] + " " + to
}

// retuned says when the user changed settings after the first epoch, as a
// title's design reads after them: "settings at the end, changed after epoch
// 250" (an event's epoch is the last trained before it), or "" when none was.
// The design a title names is the settings the run ended with
// (Picture.Changes), which unsaid would read as if they held from the start.
func retuned(events []session.Event) string {
	var at []string
	for _, e := range events {
		if e.Kind == session.EventSetting && e.Epoch > 0 {
			if n := numtext.FormatInt(e.Epoch); !slices.Contains(at, n) {
				at = append(at, n)
			}
		}
	}
	switch {
	case len(at) == 0:
		return ""
	case len(at) == 1:
		return "settings at the end, changed after epoch " + at[0]
	case len(at) <= 3:
		return "settings at the end, changed after epochs " + numtext.List(at, "and")
	}
	return fmt.Sprintf("settings at the end, changed after epoch %s and %d later ones", at[0], len(at)-1)
}

// Level is a named horizontal line across a panel.
type Level struct {
	Name string
	Y    float64
}

// balance is where the equilibrium e puts D's losses, as Run.Balance.
func balance(e *session.Equilibrium) []Level {
	switch {
	case e == nil:
		return nil
	case e.Label != "":
		return []Level{{e.Label, e.DReal}}
	}
	at := " at " + e.Score() + " " + short(e.D)
	if e.Samples {
		at = " at D(x) = " + short(e.D)
	}
	return []Level{{"D real" + at, e.DReal}, {"D fake" + at, e.DFake}}
}

// FromPicture turns a session's picture of a run into the figure's data.
func FromPicture(p session.Picture) Run {
	design := session.DesignText(p.Preset, p.Changes, "target")
	if at := retuned(p.Events); at != "" {
		design += " (" + at + ")"
	}
	r := Run{
		Title: fmt.Sprintf("%s · seed %d · %s (%s%s%s) · target %s",
			design, p.Seed, numtext.Count(p.Epoch, "epoch"), p.State, resumed(p.Resumed, p.From), pastPlan(p.Epoch, p.Planned), p.Spec),
		History:     p.History,
		Evals:       p.Evals,
		CheckEvery:  p.CheckEvery,
		Planned:     p.Planned,
		Ended:       p.State == session.Done || p.State == session.Diverged || p.State == session.Interrupted,
		Diverged:    p.State == session.Diverged,
		Balance:     balance(p.Equilibrium),
		GOwnScale:   p.GLoss == engine.GLossFeatureMatching,
		Critic:      p.Loss.Unbounded(),
		Samples:     p.Samples,
		GEMA:        p.GEMA,
		SampleEpoch: p.Epoch,
		Lo:          p.Lo,
		Hi:          p.Hi,
		DCurve:      p.DCurve,
		NoCurve:     p.NoCurve,
	}
	if p.Plane != nil {
		r.Plane, r.Surface, r.SurfaceN = p.Plane, p.Surface, p.SurfaceN
		r.TargetMean, r.TargetStd = math.NaN(), math.NaN()
		r.Floor, r.FloorSamples = p.CheckNoise.SW1, session.CheckSize(true)
		r.Modes = len(p.Plane.Spots)
	} else {
		r.TargetMean, r.TargetStd = p.Target.Mean(), p.Target.StdDev()
		r.Floor, r.FloorSamples = p.CheckNoise.KS, session.CheckSize(false)
		r.Density, r.Quantile = density(p.Target), p.Target.Quantile
		if mm, ok := p.Target.(engine.Multimodal); ok {
			r.Modes = len(mm.Modes())
		}
	}
	r.Earlier = p.Earlier
	r.Events = eventMarks(p.Events)
	r.Baseline = p.Baseline
	if b := p.Baseline; b != nil {
		r.Title += " · against " + baseName(b) + ", " + baseSettings(p.BaseChanges)
	}
	return r
}

// pastPlan says, after a title's state, how far past its plan of planned
// epochs a run the trainer took on with space or n stands at epoch: ";
// 1,400 past its plan of 300", as the trainer's header says "· 1,400 past
// plan". Unsaid, "1,700 epochs (paused)" read as a run paused short of
// its plan, a plan the checks drawn in (c) follow (every 10 epochs for
// 300, 170 of them by epoch 1,700). "" within the plan.
func pastPlan(epoch, planned int) string {
	if planned <= 0 || epoch <= planned {
		return ""
	}
	return "; " + numtext.FormatInt(epoch-planned) + " past its plan of " + numtext.FormatInt(planned)
}

// resumed says, after a title's state, where the charts of a resumed run
// begin when they do not begin at its start (from, the epoch its history
// starts after; at, the epoch it resumed at, its checkpoint's): "; charted
// from epoch 3,000 on, where it resumed", its axes from 3,000 because the
// checkpoint held no record of the epochs before (session.SaveCheckpoint's,
// an earlier ganui's). Unsaid, the axes would begin at 3,000 as if the
// epochs before were not trained. A resume whose checkpoint carried the
// record says nothing: its training is bit-identical to a straight run's,
// so its figure is the straight run's, byte for byte, and so is the one
// drawn again from any checkpoint it saves.
func resumed(at, from int) string {
	switch {
	case from == 0:
		return ""
	case from == at:
		return "; charted from epoch " + numtext.FormatInt(from) + " on, where it resumed"
	}
	return "; charted from epoch " + numtext.FormatInt(from) + " on"
}

// baseSettings says what a title's baseline trained with where the run
// differs, "d_lr=5e-4 g_lr=5e-5", in the title design's own words, or
// "same settings": the title names the run's design, and unnamed, a
// baseline of other learning rates, grey under its curves, would pass for
// one of the same (the screen's base→now line gives them).
func baseSettings(changes []session.Change) string {
	if len(changes) == 0 {
		return "same settings"
	}
	said := make([]string, len(changes))
	for i, c := range changes {
		said[i] = c.Key + "=" + session.LineValue(c.Value)
	}
	return strings.Join(said, " ")
}

// samplesName names the samples in panel (d)'s legend as the trainer's
// legend does: G's, or the moving average of its weights' (g_ema), which
// every sample and measure comes from.
func (r Run) samplesName() string {
	if r.GEMA > 0 {
		return "G's average, β " + short(r.GEMA)
	}
	return "samples"
}

// momentsOf names what panel (a)'s moments are of: the last batch G
// generated in each epoch, as the screen's "Moments, last batch" says, not
// the fresh samples of panel (d) and the final line, whose mean differs
// (vanilla at epoch 2,000: 2.2217 in (a), mean=2.2311 on the final line);
// with g_ema G's own batch, not the average's that panel (d) and the
// measures show (as the trainer's ? page says, "training, its losses and
// the moments chart are G's own"), where "G's last batch" would name both
// alike.
func (r Run) momentsOf() string {
	if r.GEMA > 0 {
		return "G's own last batch, not its average's"
	}
	return "G's last batch"
}

// baseName names a pinned baseline in a legend as the screen's legends
// do, by its seed and the epoch it was pinned at: "base seed 2 at epoch
// 1,500".
func baseName(b *session.Baseline) string {
	return fmt.Sprintf("base seed %d at epoch %s", b.Seed, numtext.FormatInt(b.Epoch))
}

// ghost is one of a baseline's curves: the history value it draws, and
// the pen of the run's curve of that value, whose width and dashes it
// borrows.
type ghost struct {
	of  func(session.Point) float64
	pen draw.LineStyle
}

// ghosts adds to p, under the curves added after them, the baseline's curves
// gs in its grey, as the screen draws them (one grey for all, ghostInk), each
// with the dashes of the run's curve of its value and its width, ghostWiden
// wider, so that the run's legend says which is which (a plane's four moments
// in panel (a) would otherwise be four alike grey lines); and returns the points drawn, together, and the
// legend entry that names them, to be added after the run's own: nil without a
// baseline or points.
func (r Run) ghosts(p *panel, gs ...ghost) (plotter.XYs, *legendItem, error) {
	if r.Baseline == nil {
		return nil, nil, nil
	}
	h := r.Baseline.History
	var drawn plotter.XYs
	curves := make([]moment, len(gs))
	for i, g := range gs {
		xy := series(len(h), func(i int) (float64, float64) { return float64(h[i].Epoch), g.of(h[i]) })
		pen := g.pen
		pen.Color, pen.Width = ghostInk, pen.Width+ghostWiden
		curves[i] = moment{"", xy, pen}
		drawn = append(drawn, xy...)
	}
	if _, err := addCurves(p.Plot, curves); err != nil {
		return nil, nil, err
	}
	if len(drawn) == 0 {
		return nil, nil, nil
	}
	return drawn, &legendItem{baseName(r.Baseline), []plot.Thumbnailer{&plotter.Line{LineStyle: draw.LineStyle{Color: ghostInk, Width: vg.Points(1.2) + ghostWiden}}}}, nil
}

// legendItem is a legend entry: its name and the thumbnails drawn beside
// it.
type legendItem struct {
	name   string
	thumbs []plot.Thumbnailer
}

// panel is a panel of a run's figure: its plot, and the entries of its
// key, in the order they are named, which the key writes in rows above
// its data (key), as a sweep's curve and a batch's figure write theirs.
type panel struct {
	*plot.Plot
	items  []legendItem
	curves []plotter.XYs // a time panel's curves, which its event labels keep clear of (timeAxis)
	// groups are the items that begin a group of entries, which the key
	// keeps on one row where a row takes them whole (key.rows): a plane's
	// target's lines after G's.
	groups []int
}

// key is p's key, its entries in p's legend's style.
func (p *panel) key() key {
	k := newKey(p.Plot, p.items)
	k.opens = make([]bool, len(p.items))
	for _, i := range p.groups {
		k.opens[i] = true
	}
	return k
}

// name adds an entry to p's key.
func (p *panel) name(name string, thumbs ...plot.Thumbnailer) {
	p.items = append(p.items, legendItem{name, thumbs})
}

// short is v in three significant digits, as a legend or a caption
// writes a value, the exponent as the screen writes it: 0.00765,
// 1.23e4 (fmt's %.3g wrote 1.23e+04).
func short(v float64) string { return numtext.Digits(v, 3) }

// density is t's density from its CDF, as a central difference over a step of
// a hundred-thousandth of the target's own middle 98%. A step of the
// histogram's range would be thousands of times the target's width on a
// runaway's range, its peak reading 1e-8 for 0.32.
func density(t engine.Target) func(float64) float64 {
	h := (t.Quantile(0.99) - t.Quantile(0.01)) / 1e5
	return func(x float64) float64 { return (t.CDF(x+h) - t.CDF(x-h)) / (2 * h) }
}

// Size and resolution of a figure.
const (
	width  = 10 * vg.Inch
	height = 7 * vg.Inch
	dpi    = 110
)

// Encode draws r and writes it to w in format ("png", "svg" or "pdf").
func Encode(w io.Writer, format string, r Run) error {
	c, err := newCanvas(format, width, height)
	if err != nil {
		return err
	}
	dc := draw.New(c)
	panels, canvases, err := r.layout(title(dc, r.Title))
	if err != nil {
		return err
	}
	for j := range panels {
		for i, p := range panels[j] {
			p.Draw(canvases[j][i])
			p.key().draw(p.Plot, canvases[j][i])
		}
	}
	_, err = c.WriteTo(w)
	return err
}

// layout builds r's panels and places them in a 2×2 grid on body, each
// panel's canvas beside them, its key to be written in rows above its data
// (panel.key), the data areas of a row of panels at one top (keyRoom), so
// that no key covers the data and no axis is widened to make room for one.
// A plane's panel (d) is drawn at equal scale, and its points are added
// once its axes are final: those it shows are those within them.
func (r Run) layout(body draw.Canvas) ([][]*panel, [][]draw.Canvas, error) {
	ps, err := r.panels()
	if err != nil {
		return nil, nil, err
	}
	var place func(draw.Canvas) // a plane's points, drawn in panel (d) once its axes are final
	if r.Plane != nil {
		if place, err = r.addPoints(ps[1][1]); err != nil {
			return nil, nil, err
		}
	}
	panels := make([][]*plot.Plot, len(ps))
	keys := make([][]key, len(ps))
	for j, row := range ps {
		for _, p := range row {
			panels[j] = append(panels[j], p.Plot)
			keys[j] = append(keys[j], p.key())
		}
	}
	tiles := draw.Tiles{Rows: 2, Cols: 2, PadX: vg.Points(18), PadY: vg.Points(14),
		PadTop: vg.Points(4), PadBottom: vg.Points(6), PadLeft: vg.Points(6), PadRight: vg.Points(12)}
	canvases := plot.Align(panels, tiles, body)
	for j, row := range panels {
		keyRoom(row, canvases[j], keys[j])
	}
	// Aligned again under the keys' room, then each y axis set on the
	// data area that leaves.
	canvases = plot.Align(panels, tiles, body)
	for j, row := range panels {
		for i, p := range row {
			fitLabel(p, canvases[j][i])
			if r.Plane == nil || j != 1 || i != 1 {
				headroom(p, r.labelShare(ps[j][i], canvases[j][i], j != 1 || i != 1))
			}
		}
	}
	// Aligned again at the ranges widened, which may mark an axis
	// otherwise (a label at its end pads it).
	canvases = plot.Align(panels, tiles, body)
	lineUp(panels, canvases)
	if r.Plane != nil {
		// At equal scale on the area lineUp left it, which moves panel
		// (d)'s tick labels and with them its data area (ring, seed 1,
		// epoch 300: its top 0.03 point above panel (c)'s); lined up
		// again, and at equal scale on the area that leaves, a change
		// too small to move a label.
		equalAspect(panels[1][1], canvases[1][1])
		lineUp(panels, canvases)
		equalAspect(panels[1][1], canvases[1][1])
		place(canvases[1][1])
	}
	titlesLevel(panels, canvases)
	return ps, canvases, nil
}

// labelShare is the most of a panel's height, p drawn on c, that its
// data take (headroom): dataShare, or on a time panel with events less,
// so that its event labels, stacked down the top rows, lie above the
// data under them, not over them: grid's eleven events would stack five
// rows down across G's std x and y in panel (a), and ring-mbd's
// mode-covered labels across the high-quality share in (c). It is the
// highest share, down by steps of labelStep, at which no curve of the
// panel runs within labelClearance under a label, nor across it: the
// data elsewhere may stand higher than the labels' foot. Where none
// does, the labels' whole stack is kept clear above the data's top, down
// to half the panel, as it was for every panel with events: ring's eight
// mode-covered, noise-floor and equilibrium labels, seven rows deep from
// epoch 5,400 on, over G's means and stds within ±1.5 there, had panel
// (a) run to 7 over G's swings up to 2.7 before epoch 4,000, where now to
// 4, (b) to 2.5 over losses up to 1.4, where now to 1.5, and (c) past
// 1,000 over data up to 1.8, where now to about 300.
func (r Run) labelShare(p *panel, c draw.Canvas, time bool) float64 {
	if !time || len(r.Events) == 0 {
		return dataShare
	}
	d := p.DataCanvas(c)
	labels, _, _ := eventLines{events: r.Events}.labels(d, p.Plot) // no curves: each label at its first free row
	var depth vg.Length
	for _, l := range labels {
		depth = max(depth, d.Max.Y-l.box.Min.Y+labelClearance)
	}
	least := max(0.5, min(dataShare, 1-float64(depth/(d.Max.Y-d.Min.Y))))
	y := p.Y
	defer func() { p.Y = y }()
	under := eventLines{events: r.Events, curves: p.curves}
	for share := dataShare; share > least; share *= labelStep {
		p.Y = y
		headroom(p.Plot, share)
		d := p.DataCanvas(c)
		labels, _, _ := eventLines{events: r.Events}.labels(d, p.Plot)
		if !slices.ContainsFunc(labels, func(l placed) bool {
			box := l.box
			box.Min.Y -= labelClearance
			return under.across(d, p.Plot, box) > 0
		}) {
			return share
		}
	}
	return least
}

// labelStep is the step labelShare takes a panel's data share down by.
const labelStep = 0.97

// labelClearance is the room labelShare leaves between the event labels'
// foot and the data's top: a curve drawn up to the foot runs across the
// labels' boxes by half its width, and they go down the rows, across the
// curve, written over the data (grid-wgan-gp's sliced W1 flat at the top
// of its log panel (c), mode-dropped at 80 and 350 written bare over it).
const labelClearance = vg.Length(2)

// fitLabel writes p's x axis label, drawn on canvas c, on as many lines
// as it needs to lie under the data area (titleLines, broken between
// words): centred under it, a label wider than the data ran past the
// panel's edge, devnag-2017's panel (d) "x — no D(x) curve: D judges 100
// samples and their squared deviations at once" off the figure's right
// edge at "at once".
func fitLabel(p *plot.Plot, c draw.Canvas) {
	l := &p.X.Label
	d := p.DataCanvas(c)
	if w := d.Max.X - d.Min.X; l.TextStyle.Width(l.Text) > w {
		l.Text = strings.Join(titleLines(l.TextStyle.Width, l.Text, w), "\n")
	}
}

// lineUp trims the canvases plot.Align laid out so that the data areas
// of a row share their top and bottom, and those of a column their left
// and right, to a hair. Align measures how far a label near an axis's end
// overhangs the data area at the scale of its first tiles, and the
// overhang changes with the scale: a plane's x axis of -5.04 to 5.04, its
// 5 just inside the end, sets panel (d)'s right edge 0.01 point past
// panel (b)'s as Align lays them out. Each area is cut back to its row's
// and column's innermost; what that changes of the overhangs is far
// smaller again.
func lineUp(panels [][]*plot.Plot, canvases [][]draw.Canvas) {
	data := make([][]vg.Rectangle, len(panels))
	for j, row := range panels {
		for i, p := range row {
			data[j] = append(data[j], p.DataCanvas(canvases[j][i]).Rectangle)
		}
	}
	for j, row := range data {
		for i, d := range row {
			in := d
			for _, o := range row {
				in.Min.Y, in.Max.Y = max(in.Min.Y, o.Min.Y), min(in.Max.Y, o.Max.Y)
			}
			for _, r := range data {
				in.Min.X, in.Max.X = max(in.Min.X, r[i].Min.X), min(in.Max.X, r[i].Max.X)
			}
			c := &canvases[j][i]
			c.Min.X += in.Min.X - d.Min.X
			c.Max.X -= d.Max.X - in.Max.X
			c.Min.Y += in.Min.Y - d.Min.Y
			c.Max.Y -= d.Max.Y - in.Max.Y
		}
	}
}

// titlesLevel puts the titles of a row of panels at one height, their
// data areas where plot.Align put them. Align lines up the data areas by
// lowering the top of a panel that needs less room above its data than
// another of its row, title and all: beside a log-scale panel (c), whose
// top label reaches above its data, panel (d)'s title sat a line lower.
// The top goes back up to the row's and the title's padding takes the
// difference.
func titlesLevel(panels [][]*plot.Plot, canvases [][]draw.Canvas) {
	for j, row := range canvases {
		top := vg.Length(math.Inf(-1))
		for _, c := range row {
			top = max(top, c.Max.Y)
		}
		for i := range row {
			if d := top - row[i].Max.Y; d > 0 && panels[j][i].Title.Text != "" {
				row[i].Max.Y = top
				panels[j][i].Title.Padding += d
			}
		}
	}
}

// File is a figure's file, its write begun before the figure is drawn
// (Reserve): a headless run's --plot, held from before its first epoch
// to its end, so that a second run given the same --plot meanwhile, or
// at the same instant, is refused at its start (outputfile.Hold), as a
// --save is. Unrefused, both runs would exit 0, the later one's figure
// silently replacing the other's.
type File struct {
	format string
	room   *outputfile.Reservation
}

// Reserve begins the write of a figure to path, in the format its
// extension names (FormatOf), and holds it (outputfile.Hold): it is
// refused while another process writes path, as at any write's start.
// Its Write or WriteHeatmap puts the figure in place; Release gives it
// up.
func Reserve(path string) (*File, error) {
	format, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	room, err := outputfile.Hold(path, 0o666, session.FigureKind, 0)
	if err != nil {
		return nil, err
	}
	return &File{format: format, room: room}, nil
}

// Write draws r to f's file, atomically: a failed write (a full disk)
// leaves the file that was there whole.
func (f *File) Write(r Run) error {
	return f.write(func(w io.Writer, format string) error { return Encode(w, format, r) })
}

// WriteHeatmap draws h to f's file, atomically, as Write does.
func (f *File) WriteHeatmap(h Heatmap) error {
	return f.write(func(w io.Writer, format string) error { return EncodeHeatmap(w, format, h) })
}

// WriteCurve draws c to f's file, atomically, as Write does.
func (f *File) WriteCurve(c Curve) error {
	return f.write(func(w io.Writer, format string) error { return EncodeCurve(w, format, c) })
}

// WriteSeeds draws s to f's file, atomically, as Write does.
func (f *File) WriteSeeds(s Seeds) error {
	return f.write(func(w io.Writer, format string) error { return EncodeSeeds(w, format, s) })
}

// Release gives up f's write if no figure was written, leaving the file
// at its path as it was, and returns its temporary file where its
// directory, made read-only under the run, would not let it be removed
// (outputfile.Reservation.Release): emptied, for the caller to name. It
// may be called again, after a write, and on a nil File, which has
// nothing to give up.
func (f *File) Release() *outputfile.LeftError {
	if f == nil {
		return nil
	}
	return f.room.Release()
}

// write fills f's file with what encode writes in f's format and puts
// it in place (outputfile.Reservation.Write); where what took its path
// meanwhile is not to be replaced, the figure is kept beside it
// (outputfile.KeptError), and said to be.
func (f *File) write(encode func(io.Writer, string) error) error {
	err := f.room.Write(func(w io.Writer) error {
		b := bufio.NewWriter(w)
		if err := encode(b, f.format); err != nil {
			return err
		}
		return b.Flush()
	}, nil)
	if ke := (*outputfile.KeptError)(nil); errors.As(err, &ke) {
		ke.Contents = "the figure"
	}
	return err
}

// newCanvas returns a canvas of w×h that writes itself in format.
func newCanvas(format string, w, h vg.Length) (vg.CanvasWriterTo, error) {
	switch format {
	case "png":
		return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))}, nil
	case "svg":
		return svgCanvas{vgsvg.NewWith(vgsvg.UseWH(w, h), vgsvg.EmbedFonts(true))}, nil // the fonts in the file: a viewer without Liberation Serif measured them otherwise
	case "pdf":
		return pdfCanvas{vgpdf.New(w, h)}, nil
	}
	return nil, fmt.Errorf("no figure format %q: %s", format, strings.Join(formats, ", "))
}

// svgCanvas is gonum's SVG canvas, whose images (a heat map's colour bar, D's
// surface on a plane) it writes as PNG data labelled image/jpg, kept to their
// pixels' aspect: the label is put right and the image told to fill its box as
// the document is written. Left as gonum writes them, a viewer that goes by
// the label (librsvg's rsvg-convert) draws neither, and one that reads it
// draws the colour bar, an image one pixel wide, as a hairline.
type svgCanvas struct{ *vgsvg.Canvas }

// svgFixes are the texts gonum's SVG canvas writes an image and a text
// with, each followed by what it becomes. A text names its font alone,
// Liberation Serif, which the document carries (EmbedFonts); a viewer
// that reads no embedded font (rsvg-convert) takes the font of that name
// where installed, or else its metric twin, Times New Roman, whose words
// are as wide, or at least a serif, not the viewer's default face.
var svgFixes = [][2][]byte{
	{[]byte(`xlink:href="data:image/jpg;base64,`), []byte(`xlink:href="data:image/png;base64,`)},
	{[]byte(`<image `), []byte(`<image preserveAspectRatio="none" `)},
	{[]byte(`style="font-family:Liberation Serif;`), []byte(`style="font-family:'Liberation Serif','Times New Roman',serif;`)},
}

func (c svgCanvas) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	if _, err := c.Canvas.WriteTo(&b); err != nil {
		return 0, err
	}
	doc := b.Bytes()
	for _, f := range svgFixes {
		doc = bytes.ReplaceAll(doc, f[0], f[1])
	}
	n, err := w.Write(doc)
	return int64(n), err
}

// pdfStandIns write the characters outside code page 1252 that a figure
// has text of (⅛, the least-squares balance; β, G's average's) as a
// reader would read them aloud.
var pdfStandIns = strings.NewReplacer("⅛", "1/8", "β", "beta")

// pdfCanvas is gonum's PDF canvas, whose fonts take a string's bytes in
// code page 1252: its text is turned into that page first, a character
// outside it into "?". Given UTF-8, "·" came out as "Â·" and "—" as
// "â€”".
type pdfCanvas struct{ *vgpdf.Canvas }

func (c pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	c.Canvas.FillString(f, pt, cp1252(s))
}

// cp1252 is s in code page 1252: a character outside it that a figure
// writes in its stand-in (pdfStandIns), any other "?". Without the
// stand-ins, the PDF of an lsgan run would name its losses' balance "?",
// and G's average "G's average, ? 0.99".
func cp1252(s string) string {
	s = pdfStandIns.Replace(s)
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if e, ok := charmap.Windows1252.EncodeRune(r); ok {
			b = append(b, e)
		} else {
			b = append(b, '?')
		}
	}
	return string(b)
}

// title writes s, the figure's title, across the top of dc, on as many
// lines as it needs within the figure's width (titleLines), and returns
// the canvas below it.
func title(dc draw.Canvas, s string) draw.Canvas {
	sty := draw.TextStyle{
		Color:   color.Black,
		Font:    font.From(plot.DefaultFont, titleSize),
		XAlign:  draw.XCenter,
		YAlign:  draw.YTop,
		Handler: plot.DefaultTextHandler,
	}
	lines := filledLines(sty.Width, s, dc.Max.X-dc.Min.X-2*titleMargin)
	dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y - vg.Points(6)}, strings.Join(lines, "\n"))
	return draw.Crop(dc, 0, 0, 0, -vg.Points(28)-vg.Length(len(lines)-1)*titleSize) // a line of text is its font's size below the one before
}

// titleSize is the title's font size; titleMargin keeps it off the
// figure's edges; maxTitleLines is the most lines it takes; titleFill is
// the most of the width within the margins a line of it takes.
const (
	titleSize     = vg.Length(14)
	titleMargin   = vg.Length(12)
	maxTitleLines = 3
	titleFill     = 0.85
)

// filledLines is a title's lines within w (titleLines), each at most
// titleFill of it wide where maxTitleLines of that width hold the whole
// title, and as even as the same count of lines takes: a sweep's heat
// map, 7.5 inches wide, wrote "vanilla · 3,000 epochs · target
// normal(4,1.25) · median KS over seeds 1-3 · 10,000 samples" on one line
// from 14 points of its left edge to 14 of its right, where now
// "vanilla · 3,000 epochs · target normal(4,1.25)" over "median KS over
// seeds 1-3 · 10,000 samples".
func filledLines(width func(string) vg.Length, s string, w vg.Length) []string {
	cut := func(lines []string) bool { // a word or the title cut short with "…"
		return slices.ContainsFunc(lines, func(t string) bool { return strings.HasSuffix(t, "…") })
	}
	lines := titleLines(width, s, w*titleFill)
	n := len(lines)
	if cut(lines) {
		return titleLines(width, s, w)
	}
	// The narrowest width that breaks s into no more lines, found by
	// halving: fewer lines are no narrower.
	lo, hi := vg.Length(0), w*titleFill
	for range 30 {
		mid := (lo + hi) / 2
		if l := titleLines(width, s, mid); len(l) > n || cut(l) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return titleLines(width, s, hi)
}

// titleLines breaks a title into lines at most w wide as width measures
// them, at most maxTitleLines: between its parts (" · ") where it can,
// a part wider than a line between its words (a design's settings,
// "g_lr=1e-3 g_hidden=64,64"), and a word wider than a line cut short
// with "…", as is the last line of a title that needs more. A design's
// changes, which a title names as the final line does, would otherwise
// run off both edges of a one-line title.
func titleLines(width func(string) vg.Length, s string, w vg.Length) []string {
	fits := func(t string) bool { return width(t) <= w }
	clip := func(t string) string { // the longest start of t that fits with "…" after it
		r := []rune(t)
		for len(r) > 0 && !fits(string(r)+"…") {
			r = r[:len(r)-1]
		}
		return strings.TrimRight(string(r), " ·") + "…"
	}
	var lines []string
	line := ""
	add := func(sep, unit string) {
		switch {
		case line == "":
			line = unit
		case fits(line + sep + unit):
			line += sep + unit
		default:
			lines = append(lines, line)
			line = unit
		}
	}
	for _, part := range strings.Split(s, " · ") {
		if fits(part) {
			add(" · ", part)
			continue
		}
		for i, word := range strings.Split(part, " ") {
			if !fits(word) {
				word = clip(word)
			}
			if i == 0 {
				add(" · ", word)
			} else {
				add(" ", word)
			}
		}
	}
	lines = append(lines, line)
	if len(lines) > maxTitleLines {
		lines = lines[:maxTitleLines]
		last := lines[maxTitleLines-1]
		for !fits(last+" …") && strings.Contains(last, " ") { // whole words before the "…"
			last = strings.TrimRight(last[:strings.LastIndex(last, " ")], " ·")
		}
		if fits(last + " …") {
			last += " …"
		} else {
			last = clip(last)
		}
		lines[maxTitleLines-1] = last
	}
	return lines
}

// dashed and dotted are the dashes of reference lines: the target's, the
// losses' balance. The target's mean is dashed and its std dotted, told apart
// in the legend, where both are the target's orange. dashDotted is G's std in
// panel (a), told from the target's mean by more than its colour and from its
// own flat line in grey print, which dashed as the target's mean is it would
// not be. dashDotDotted is the events' lines alone, a pattern no curve or
// reference line of a panel takes, so that in grey print they are told from
// the target's mean and the losses' balance by more than their direction.
var (
	dashed        = []vg.Length{vg.Points(5), vg.Points(3)}
	dotted        = []vg.Length{vg.Points(1.5), vg.Points(2)}
	dashDotted    = []vg.Length{vg.Points(6), vg.Points(2), vg.Points(1.5), vg.Points(2)}
	dashDotDotted = []vg.Length{vg.Points(5), vg.Points(2), vg.Points(1), vg.Points(2), vg.Points(1), vg.Points(2)}
)

// lossPens are panel (b)'s pens of D's losses on real and generated data and
// G's, told apart by more than their colour, at a glance and in grey print, as
// panel (a)'s moments are (momentStyle): D's on generated data twice as heavy
// as on real, which it crosses and runs beside, G's dash-dotted, none dashed
// as the losses' balance is. A pinned baseline's, all one grey, take them too,
// so that its three losses are not three alike grey lines, which of them is
// G's not said.
func lossPens() (dReal, dFake, g draw.LineStyle) {
	return draw.LineStyle{Color: paper(palette.DOnReal), Width: vg.Points(1.2)},
		draw.LineStyle{Color: paper(palette.DOnGenerated), Width: vg.Points(2.4)},
		draw.LineStyle{Color: paper(palette.G), Width: vg.Points(1.2), Dashes: dashDotted}
}

// panels builds the four panels, in a 2×2 grid.
func (r Run) panels() ([][]*panel, error) {
	a, err := r.moments()
	if err != nil {
		return nil, err
	}
	b, err := r.losses()
	if err != nil {
		return nil, err
	}
	c, err := r.quality()
	if err != nil {
		return nil, err
	}
	d, err := r.samples()
	if err != nil {
		return nil, err
	}
	return [][]*panel{{a, b}, {c, d}}, nil
}

// newPlot returns a plot with its title and axis labels, its legend's
// style the one its key writes in (newKey).
func newPlot(title, x, y string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = x
	p.Y.Label.Text = y
	p.Legend.TextStyle.Font.Size = vg.Points(9)
	p.Legend.ThumbnailWidth = vg.Points(16)
	p.X.Tick.Marker, p.Y.Tick.Marker = roundTicks{}, roundTicks{}
	p.Add(plotter.NewGrid())
	return p
}

// roundTicks marks an axis at round values, as the trainer's axes are: a
// step of 1, 2 or 5 times a power of ten giving about five labels and at
// least three, every multiple of it in the range (0 among them when it
// is), written with the step's decimals, thousands grouped as the screen
// groups a count (2,000 … 10,000, so that "8000" does not stand beside
// "10,000"), and an unlabelled tick half-way between. gonum's own ticker
// takes steps of 3 and 4 (400, 1200, 2000). An axis whose largest label
// is outside the range the screen writes plainly, [smallE, bigE) (a
// runaway's losses, its samples' density), is labelled 1e19, 1.5e19,
// 5e-9, the digits its step needs, the exponent as the screen writes it.
// An axis of whole numbers (epochs) takes a step of 1 at least, with no
// tick between: a run of one epoch is not marked at 0.5.
//
// An axis headroom has set the end of is marked at the step it chose
// (step), the step fixed.
type roundTicks struct {
	whole bool
	fixed float64 // the step between labels, if headroom chose it; else by the range
}

// smallE and bigE bound the sizes an axis's labels are written plainly
// at: from 0.0001, where the screen too turns to an exponent
// (numtext.Plainly), so that a runaway's density axis does not read
// "0.000000015", up to 10,000,000, the longest written out, so that the
// epochs of a long run read 200,000 and not 2e5.
const (
	smallE = 1e-4
	bigE   = 1e7
)

// step is the step between the labels roundTicks writes on lo…hi, a
// range with room in it.
func (t roundTicks) step(lo, hi float64) float64 {
	if t.fixed > 0 {
		return t.fixed
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	// A step rounded up leaves as few as two of its multiples in range
	// (losses from 0.1 to 5.7 at 2 and 4, 5,904 epochs at 2,000 and 4,000):
	// the next smaller one labels four or more.
	if math.Floor(hi/step)-math.Ceil(lo/step) < 2 {
		if math.Round(step/mag) == 5 {
			step = 2 * mag
		} else {
			step /= 2
		}
	}
	if t.whole && step <= 1 {
		step = 1
	}
	return step
}

func (t roundTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || !finite(hi-lo) {
		return nil // no range to mark (gonum's sanitized axes give one)
	}
	step := t.step(lo, hi)
	// Half-steps by their index, i·step/2. A range too narrow for the
	// size of its values (a billionth of it) has no labels that tell its
	// ticks apart, and past 2⁵² an index plus one may be itself: the loop
	// would not end.
	// An end at a multiple of the step, however it is rounded, is one (+0:
	// a ceiling's −0 is 0).
	first, last := math.Ceil(lo/step*2-1e-9)+0, math.Floor(hi/step*2+1e-9)
	if hi-lo < 1e-9*math.Max(math.Abs(lo), math.Abs(hi)) || !(last-first < 100) || math.Abs(first) >= 1<<52 || math.Abs(last) >= 1<<52 {
		return nil
	}
	var ticks []plot.Tick
	var labelled []float64
	for i := first; i <= last; i++ {
		v, even := i*step/2, math.Mod(i, 2) == 0
		if !even && t.whole && step == 1 {
			continue
		}
		ticks = append(ticks, plot.Tick{Value: v})
		if even {
			labelled = append(labelled, v)
		}
	}
	labels := roundLabels(labelled, step)
	for k, j := 0, 0; k < len(ticks); k++ {
		if j < len(labelled) && ticks[k].Value == labelled[j] {
			ticks[k].Label = labels[j]
			j++
		}
	}
	return ticks
}

// roundLabels writes vs, multiples of step: with the step's decimals,
// thousands grouped, or, when the largest of them is under smallE or
// reaches bigE, all with an exponent (numtext.ShortExp) and as few digits
// as tell each one exactly (0 as 0).
func roundLabels(vs []float64, step float64) []string {
	labels := make([]string, len(vs))
	top := 0.0
	for _, v := range vs {
		top = math.Max(top, math.Abs(v))
	}
	if top >= smallE && top < bigE {
		decimals := max(0, int(math.Ceil(-math.Log10(step)-1e-9)))
		for i, v := range vs {
			labels[i] = grouped(strconv.FormatFloat(v+0, 'f', decimals, 64)) // +0: −0 (a ceiling's) is 0
		}
		return labels
	}
	for prec := 0; prec <= 16; prec++ {
		exact := true
		for i, v := range vs {
			labels[i] = numtext.ShortExp(strconv.FormatFloat(v, 'e', prec, 64))
			if v == 0 {
				labels[i] = "0"
			}
			back, _ := strconv.ParseFloat(labels[i], 64)
			exact = exact && math.Abs(back-v) <= step*1e-6
		}
		if exact {
			break
		}
	}
	return labels
}

// grouped is s, a number written in digits with or without decimals,
// its whole part's thousands grouped as numtext.FormatInt groups a
// count: 1000 → 1,000, -12345.5 → -12,345.5.
func grouped(s string) string {
	whole, frac, dot := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return s
	}
	out := numtext.FormatInt(n)
	if n == 0 && strings.HasPrefix(whole, "-") { // -0.5: Atoi loses the sign of a whole part of 0
		out = "-0"
	}
	if dot {
		out += "." + frac
	}
	return out
}

// logTicks marks a log axis at the powers of ten, as gonum's LogTicks does,
// labelled as roundTicks labels a linear one: thousands grouped (1,000,
// 10,000), exponents as the screen writes them under smallE (1e-5), and from
// 1,000 up on an axis that reaches bigE (1e3 … 1e8, not 1,000,000 under 1e8),
// and from 0.001 down on one that reaches under smallE (1e-6 … 1e-3, 0.01), so
// that devnag-2017's runaway losses do not read 0.01, 0.0001, 1e-6, the
// longest label the middle size; gonum writes "100000" on the same figure as
// "60,000", and "1e+07". An axis of more than maxLogLabels decades (a
// runaway's losses, 0.1 to 1e21) labels every second, third, … power of ten,
// its minor ticks left out, so that 22 labels are not written over one
// another. An axis of fewer than three powers of ten labels 2 and 5 times them
// too: KS from 0.15 to 0.5 under labels at 1 and 10 alone could not be read.
// One of up to four labels its foot too where that is 2 or 5 times a power
// (the next power a third of a decade up at least, its label clear), so that
// headroom may begin it there (logFoot), near the data: KS and W1 from 0.06 to
// 60 began at 0.01, most of a decade empty under the data, where now at 0.05,
// labelled 0.05, 0.1, 1, 10, 100.
type logTicks struct{}

// maxLogLabels is the most powers of ten a log axis labels.
const maxLogLabels = 12

func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0) || !(hi >= lo) {
		return nil
	}
	// Each power of ten in range and its multiples 2 to 9 (gonum's
	// LogTicks began a decade late under 1, at 1 for an axis from 0.13,
	// and counted powers out of range: 100 for one to 12).
	type mark struct {
		v     float64
		power bool
	}
	var ms []mark
	decades, top := 0, 0.0
	for e := math.Floor(math.Log10(lo)); e <= 308 && math.Pow(10, e) <= hi; e++ {
		for i := 1.0; i <= 9; i++ {
			if v := i * math.Pow(10, e); v >= lo*(1-1e-12) && v <= hi*(1+1e-12) {
				ms = append(ms, mark{v, i == 1})
				if i == 1 {
					decades++
					top = v
				}
			}
		}
	}
	every := max(1, (decades+maxLogLabels-1)/maxLogLabels)
	// The marks kept and which of them are labelled, then the labels'
	// form, which the lowest labelled sets as the highest power does.
	var out []plot.Tick
	var labelled []bool
	bottom := math.Inf(1)
	for _, m := range ms {
		if !m.power && every > 1 { // a minor tick of a crowded axis
			continue
		}
		l := m.power && int(math.Round(math.Log10(m.v)))%every == 0 || !m.power && decades < 3 && twoOrFive(m.v) ||
			!m.power && decades <= 4 && twoOrFive(m.v) && m.v <= lo*(1+1e-12) // the foot headroom may begin the axis at (logFoot)
		if l {
			bottom = math.Min(bottom, m.v)
		}
		out, labelled = append(out, plot.Tick{Value: m.v}), append(labelled, l)
	}
	for i, t := range out {
		switch v := t.Value; {
		case !labelled[i]:
		case v >= bigE || top >= bigE && v >= 1000, // one axis, one form: not 1,000,000 under 1e8
			bottom < smallE && v <= 0.001: // nor 0.0001 over 1e-6
			out[i].Label = numtext.ShortExp(strconv.FormatFloat(v, 'e', -1, 64))
		case v >= 1000 && v == math.Trunc(v):
			out[i].Label = numtext.FormatInt(int(v))
		default: // 0.1, 0.0001 (gonum: 9.999999999999999e-06 for 1e-5)
			out[i].Label = numtext.Digits(v, 12)
		}
	}
	return out
}

// logScale puts axis a on a log scale, its label written along the
// axis's middle as on a linear one, with no room kept for it at the
// data's ends (labelAlong).
func logScale(a *plot.Axis) {
	a.Scale = plot.LogScale{}
	a.Label.TextStyle.Handler = labelAlong{a.Label.TextStyle.Handler}
}

// labelAlong is the text handler of a log axis's label: it measures a
// label as having no length, so that gonum keeps no room for it along
// its axis. gonum writes an axis's label at the middle of the axis, but
// keeps room for it where the middle of the axis's range lies on its
// scale (verticalAxis.GlyphBoxes: a.Norm(0.5*(Min+Max))), which on a log
// scale is near the top end: ring's panel (c), its sliced W1 and
// high-quality share from 1e-4 to 2, kept half its label's length above
// the data's top, 0.93 of the way up, and its data stood under a blank
// band below the key, panel (d)'s with them. The label's height across
// the axis, which sets where the tick labels stand, is measured as
// ever, and so is a text of spaces, the space gonum measures in the
// label's style after the tick labels. The label is drawn by the handler
// it wraps, at its full length.
type labelAlong struct{ text.Handler }

func (h labelAlong) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	width, height, depth = h.Handler.Box(txt, fnt)
	if strings.TrimSpace(txt) != "" {
		width = 0
	}
	return width, height, depth
}

// twoOrFive says whether v is 2 or 5 times a power of ten.
func twoOrFive(v float64) bool {
	m := math.Round(v / math.Pow(10, math.Floor(math.Log10(v)+1e-9)))
	return m == 2 || m == 5
}

// series is the points of one history value over the epochs, those
// that cannot be drawn (drawable) left out.
func series(n int, at func(int) (x, y float64)) plotter.XYs {
	xys := make(plotter.XYs, 0, n)
	for i := range n {
		x, y := at(i)
		if drawable(x) && drawable(y) {
			xys = append(xys, plotter.XY{X: x, Y: y})
		}
	}
	return xys
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// drawable reports whether v can be drawn: finite, and at most maxDrawn
// in size, so that an axis's range and headroom stay finite (from
// −1.7e308 to 1.7e308 is +Inf).
func drawable(v float64) bool { return finite(v) && math.Abs(v) <= maxDrawn }

const maxDrawn = 1e300

// addLine adds xys to p as a line, with a legend entry named name (none
// for ""), if it has points.
func addLine(p *panel, name string, xys plotter.XYs, c color.Color, dashes []vg.Length) error {
	l, err := curve(xys, draw.LineStyle{Color: c, Width: vg.Points(1.2), Dashes: dashes})
	if err != nil || l == nil {
		return err
	}
	p.Add(l)
	if name != "" {
		p.name(name, l)
	}
	return nil
}

// curve is xys drawn in style, to be added to a plot and its legend:
// nil if it has no points.
func curve(xys plotter.XYs, style draw.LineStyle) (legendPlotter, error) {
	if len(xys) == 0 {
		return nil, nil
	}
	if len(xys) == 1 { // one point: a line would not show
		s, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, err
		}
		// A dashed series's point is a ring, a solid one's a disc, so that a
		// plane's "std x" beside "mean x", one colour, are not two alike dots.
		// A heavier line's point is larger by as much as the line is wider, as
		// "mean y" beside "mean x".
		s.GlyphStyle.Color, s.GlyphStyle.Radius, s.GlyphStyle.Shape = style.Color, loneRadius(style), draw.GlyphDrawer(draw.CircleGlyph{})
		if style.Dashes != nil {
			s.GlyphStyle.Shape = draw.RingGlyph{}
		}
		return unpaddedThumb{unpadded{s}, s}, nil
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	l.LineStyle = style
	return unpaddedThumb{unpadded{l}, l}, nil
}

// ringGap is how much wider a lone point's ring is than a disc of its
// weight: a ring the disc's size, in its colour, lay on the disc's rim and
// vanished there, as a one-epoch run's std (0.076) by its mean (0.059) in
// panel (a), under a point apart, drew one dot.
var ringGap = vg.Points(1.5)

// loneRadius is the radius of the mark curve draws for a series of one
// point in style: 3 points for a disc of the standard weight (1.2), larger
// by as much as the line is heavier, and a ring ringGap wider, so that it
// stands around a disc of its weight at the same place, not on its rim.
func loneRadius(style draw.LineStyle) vg.Length {
	r := vg.Points(3) + style.Width - vg.Points(1.2)
	if style.Dashes != nil {
		r += ringGap
	}
	return r
}

// legendPlotter is a plotter with a legend's thumbnail.
type legendPlotter interface {
	plot.Plotter
	plot.Thumbnailer
}

// unpaddedThumb is an unpadded plotter with the thumbnail of the plotter
// it draws.
type unpaddedThumb struct {
	unpadded
	plot.Thumbnailer
}

// unpadded is a plotter without the glyph boxes gonum pads a panel's
// data area by to hold each glyph, a line's width, a heat map's cells
// (5 points past its edge) whole: the data area is then where the axes
// put it, its axis lines the padding below and left of it in every
// panel, so that panels in a row or a column line up (padded, panel (c)
// would sit higher than panel (d), whose heat map pads it up from its x
// axis).
// What reaches past the data area, a lone point's mark (loneRadius: 4.5
// points at most at the standard weight), lies within the axes' padding
// (5 points); a plane's heavy y ring (5.7) reaches it only at a value on
// the axis's very end.
type unpadded struct {
	p interface {
		plot.Plotter
		plot.DataRanger
	}
}

func (u unpadded) Plot(c draw.Canvas, p *plot.Plot)            { u.p.Plot(c, p) }
func (u unpadded) DataRange() (xmin, xmax, ymin, ymax float64) { return u.p.DataRange() }

// level adds a horizontal line at y across the time axis, drawn with
// dashes: a reference the curves are read against, drawn whether or not
// they have a point, so that a run diverged at once keeps its target's
// and its losses' balance lines without its curves.
func (r Run) level(p *panel, name string, y float64, c color.Color, dashes []vg.Length) error {
	return addLine(p, name, r.flat(y), c, dashes)
}

// flat is the line level draws at y, across the time axis: none where y
// cannot be drawn.
func (r Run) flat(y float64) plotter.XYs {
	if !drawable(y) {
		return nil
	}
	x0, x1 := r.timeRange()
	return plotter.XYs{{X: x0, Y: y}, {X: x1, Y: y}}
}

// noFinite says in p's title that a time panel's curves of the run, xys,
// have not one point to draw though the run has trained: a run diverged
// at once, its every value NaN or infinite (the charts keep its finite
// epochs alone), whose panels (a) and (b) would otherwise stand blank,
// unsaid. The reference lines are drawn all the same (level).
func (r Run) noFinite(p *panel, xys ...plotter.XYs) {
	if r.SampleEpoch == 0 && len(r.History) == 0 { // nothing trained: nothing to say
		return
	}
	for _, c := range xys {
		if len(c) > 0 {
			return
		}
	}
	p.Title.Text += " — " + noFiniteValues
}

// sparseChecks is the fewest evaluations panel (c) draws without a word:
// fewer, in a run short of its plan, its x axis says that the checks come
// at the plan's interval (quality): vanilla stopped at epoch 1,726 of
// 100,000 draws two points, a check at 1,000 and its last epoch.
const sparseChecks = 10

// noFiniteValues says of a panel that the run has no value in it to draw.
const noFiniteValues = "no finite values"

// moments is panel (a).
func (r Run) moments() (*panel, error) {
	p := &panel{Plot: newPlot("(a) mean and std of "+r.momentsOf(), "epoch", "mean, std of x")} // x as panel (d) names the samples' value
	h := r.History
	mean := series(len(h), func(i int) (float64, float64) { return float64(h[i].Epoch), h[i].Mean })
	std := series(len(h), func(i int) (float64, float64) { return float64(h[i].Epoch), h[i].Std })
	if r.Plane != nil {
		p.Title.Text += ", per axis"
		p.Y.Label.Text = "mean, std of x and y"
		meanXPen, meanYPen := momentStyle(palette.Generated, nil, false), momentStyle(palette.GeneratedSecond, nil, true)
		stdXPen, stdYPen := momentStyle(palette.Generated, dashDotted, false), momentStyle(palette.GeneratedSecond, dashDotted, true)
		ghosts, base, err := r.ghosts(p, ghost{func(q session.Point) float64 { return q.Mean }, meanXPen}, ghost{func(q session.Point) float64 { return q.MeanY }, meanYPen},
			ghost{func(q session.Point) float64 { return q.Std }, stdXPen}, ghost{func(q session.Point) float64 { return q.StdY }, stdYPen})
		if err != nil {
			return nil, err
		}
		meanY := series(len(h), func(i int) (float64, float64) { return float64(h[i].Epoch), h[i].MeanY })
		stdY := series(len(h), func(i int) (float64, float64) { return float64(h[i].Epoch), h[i].StdY })
		// G's, over them the target's, and the baseline's, named in that order.
		for k, ms := range [][]moment{{{"mean x", mean, meanXPen}, {"mean y", meanY, meanYPen}, {"std x", std, stdXPen}, {"std y", stdY, stdYPen}}, r.targetMoments()} {
			had := len(p.items)
			if err := addMoments(p, ms); err != nil {
				return nil, err
			}
			if k > 0 && len(p.items) > had { // the target's, a group of their own
				p.groups = append(p.groups, had)
			}
		}
		if base != nil {
			p.groups = append(p.groups, len(p.items))
			p.name(base.name, base.thumbs...)
		}
		pl := r.Plane
		r.noFinite(p, mean, meanY, std, stdY)
		r.timeAxis(p, mean, meanY, std, stdY, r.flat(pl.MeanX), r.flat(pl.MeanY), r.flat(pl.StdX), r.flat(pl.StdY), ghosts)
		return p, nil
	}
	meanPen, stdPen := momentStyle(palette.Generated, nil, false), momentStyle(palette.GeneratedSecond, dashDotted, false)
	ghosts, base, err := r.ghosts(p, ghost{func(q session.Point) float64 { return q.Mean }, meanPen}, ghost{func(q session.Point) float64 { return q.Std }, stdPen})
	if err != nil {
		return nil, err
	}
	if err := addMoments(p, []moment{{"mean", mean, meanPen}, {"std", std, stdPen}}); err != nil {
		return nil, err
	}
	for _, err := range []error{
		r.level(p, "target mean", r.TargetMean, paper(palette.Real), dashed),
		r.level(p, "target std", r.TargetStd, paper(palette.Real), dotted),
	} {
		if err != nil {
			return nil, err
		}
	}
	if base != nil {
		p.name(base.name, base.thumbs...)
	}
	r.noFinite(p, mean, std)
	r.timeAxis(p, mean, std, r.flat(r.TargetMean), r.flat(r.TargetStd), ghosts)
	return p, nil
}

// targetMoments is panel (a)'s lines of a plane's target, as the screen
// sets them against the samples': a line for each axis's mean and std,
// its y as heavy as G's y, so that a reader tells which is x's target
// (moons: 0.5 against 0.25), where one legend entry for both would not
// tell them apart. An axis's value equal to the other's as written
// (short), one line would hide the other: it is one line, heavy, its
// legend saying so, "target mean x = y". Drawn as two, grid's and ring's
// x, thin, would run unseen within their y, the legend naming both as if
// apart.
func (r Run) targetMoments() []moment {
	pl := r.Plane
	var ms []moment
	for _, m := range []struct {
		name   string
		x, y   float64
		dashes []vg.Length
	}{{"target mean", pl.MeanX, pl.MeanY, dashed}, {"target std", pl.StdX, pl.StdY, dotted}} {
		if short(m.x) == short(m.y) {
			ms = append(ms, moment{m.name + " x = y", r.flat(m.y), momentStyle(palette.Real, m.dashes, true)})
			continue
		}
		ms = append(ms, moment{m.name + " x", r.flat(m.x), momentStyle(palette.Real, m.dashes, false)},
			moment{m.name + " y", r.flat(m.y), momentStyle(palette.Real, m.dashes, true)})
	}
	return ms
}

// moment is one of panel (a)'s curves, G's, the target's or a
// baseline's: its legend name, points and style.
type moment struct {
	name  string
	xys   plotter.XYs
	style draw.LineStyle
}

// momentStyle is how panel (a) draws a moment in colour with dashes
// (G's std dash-dotted beside its solid mean, the target's mean dashed
// and its std dotted), a plane's y twice as heavy as its x, so that each
// is told from each at a glance, and in grey print, by more than the
// screen's two blues, which the screen's labels at the lines' ends tell
// apart: on paper, without those labels, the colours alone would not tell
// a plane's mean x from its mean y, std x from std y, and a line's mean
// from its std.
func momentStyle(colour palette.Colour, dashes []vg.Length, y bool) draw.LineStyle {
	s := draw.LineStyle{Color: paper(colour), Width: vg.Points(1.2), Dashes: dashes}
	if y {
		s.Width = vg.Points(2.4)
	}
	return s
}

// addMoments adds the curves ms to p (addCurves), panel (a)'s moments or
// panel (b)'s losses, and the legend entries of those named, in the
// order given.
func addMoments(p *panel, ms []moment) error {
	drawn, err := addCurves(p.Plot, ms)
	if err != nil {
		return err
	}
	for i, m := range ms {
		if drawn[i] != nil && m.name != "" {
			p.name(m.name, drawn[i])
		}
	}
	return nil
}

// addCurves adds the curves ms to p, the heavier under the lighter, so
// that a thin x running along a heavy y shows within it, and returns
// them as drawn, in the order given (nil for one without points).
func addCurves(p *plot.Plot, ms []moment) ([]legendPlotter, error) {
	drawn := make([]legendPlotter, len(ms))
	for i, m := range ms {
		l, err := curve(m.xys, m.style)
		if err != nil {
			return nil, err
		}
		drawn[i] = l
	}
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(ms[j].style.Width, ms[i].style.Width) })
	for _, i := range order {
		if drawn[i] != nil {
			p.Add(drawn[i])
		}
	}
	return drawn, nil
}

// losses is panel (b).
func (r Run) losses() (*panel, error) {
	p := &panel{Plot: newPlot("(b) losses", "epoch", "loss")}
	h := r.History
	at := func(v func(session.Point) float64) plotter.XYs {
		return series(len(h), func(i int) (float64, float64) { return float64(h[i].Epoch), v(h[i]) })
	}
	dRealOf, dFakeOf, gOf := func(q session.Point) float64 { return q.DReal }, func(q session.Point) float64 { return q.DFake }, func(q session.Point) float64 { return q.G }
	dReal, dFake := at(dRealOf), at(dFakeOf)
	g, gName := at(gOf), "G"
	// The baseline's curves, under the run's, share the range, as on the
	// screen: its losses, as the run's, set the scale, D's the range of a
	// G on a scale of its own.
	dRealPen, dFakePen, gPen := lossPens()
	baseD, base, err := r.ghosts(p, ghost{dRealOf, dRealPen}, ghost{dFakeOf, dFakePen})
	if err != nil {
		return nil, err
	}
	var top float64 // D's range, when G's loss is on a scale of its own
	var gCut plotter.XYs
	baseGOf := gOf
	if r.GOwnScale {
		for _, q := range slices.Concat(dReal, dFake, baseD) {
			top = math.Max(top, q.Y)
		}
		for _, l := range r.Balance {
			top = math.Max(top, l.Y)
		}
		edge := top * 1.05 // the data's top, a twentieth over D's range, as headroom leaves it (dataShare)
		gLo, gHi := math.Inf(1), 0.0
		for _, q := range g {
			gLo, gHi = math.Min(gLo, q.Y), math.Max(gHi, q.Y)
		}
		// The legend says what is drawn, in the screen's words (G … ▲ off
		// scale): G on D's axis, off it above its top. "G, own scale"
		// would send a reader looking for a second axis the panel does
		// not have.
		if top > 0 && gHi > edge {
			g, gCut = r.cutAt(g, edge)
			gName = fmt.Sprintf("G: off scale above %s, up to %s", short(edge), short(gHi))
			if gLo > edge { // no point of the line within the panel: its range is all there is to read
				gName = fmt.Sprintf("G: all off scale, %s to %s", short(gLo), short(gHi))
				if short(gLo) == short(gHi) {
					gName = fmt.Sprintf("G: all off scale, %s throughout", short(gHi))
				}
			}
		}
		if top > 0 { // the baseline's G along the same edge, unmarked, not up past it
			baseGOf = func(q session.Point) float64 { return math.Min(q.G, edge) }
		}
	}
	baseG, gBase, err := r.ghosts(p, ghost{baseGOf, gPen})
	if err != nil {
		return nil, err
	}
	if base == nil { // named once, whichever of its curves are drawn
		base = gBase
	}
	errs := []error{
		addMoments(p, []moment{{"D real", dReal, dRealPen}, {"D fake", dFake, dFakePen}}),
		addCut(p, gName, g, gCut, gPen),
	}
	levels := []color.Color{paper(palette.Balance)}
	if len(r.Balance) == 2 { // label smoothing: each of D's losses balances at a line of its own, in its colour
		levels = []color.Color{paper(palette.DOnReal), paper(palette.DOnGenerated)}
	}
	for i, l := range r.Balance {
		errs = append(errs, r.level(p, l.Name, l.Y, levels[min(i, len(levels)-1)], dashed))
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if base != nil {
		p.name(base.name, base.thumbs...)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, q := range slices.Concat(dReal, dFake, g, baseD, baseG) {
		lo, hi = math.Min(lo, q.Y), math.Max(hi, q.Y)
	}
	switch {
	case top > 0:
		p.Y.Min, p.Y.Max = 0, top*1.05 // G's curve is cut there (cutAt)
	case lo > 0 && hi >= lossLogSpan*lo:
		// A runaway's losses (a least-squares D's reached 6e20) on a
		// linear scale lay every other epoch flat on the axis.
		logScale(&p.Y)
		p.Y.Tick.Marker = logTicks{}
		p.Title.Text += ", log scale"
	}
	curves := []plotter.XYs{dReal, dFake, g, baseD, baseG}
	for _, l := range r.Balance {
		curves = append(curves, r.flat(l.Y))
	}
	r.noFinite(p, dReal, dFake, g)
	r.timeAxis(p, curves...)
	return p, nil
}

// cutMarkBins is how many stretches of the time axis panel (b) marks a
// cut curve in, one ▲ each where the curve is above the panel: a row of
// marks as far apart as the screen's columns are on a wide terminal,
// not 512 overlapping ones.
const cutMarkBins = 60

// cutAt is xys run along edge where it is above it, as the screen draws
// an off-scale value at its chart's edge, and the marks that say where:
// one point on edge per stretch of the time axis (cutMarkBins) in which
// xys is cut. Without them a feature-matching G whose distance stayed
// above D's range left no line at all in panel (b).
func (r Run) cutAt(xys plotter.XYs, edge float64) (cut, marks plotter.XYs) {
	x0, x1 := r.timeRange()
	cut = slices.Clone(xys)
	last := -1
	for i, q := range cut {
		if q.Y <= edge {
			continue
		}
		cut[i].Y = edge
		bin := 0
		if x1 > x0 {
			bin = min(int((q.X-x0)/(x1-x0)*cutMarkBins), cutMarkBins-1)
		}
		if bin != last {
			marks, last = append(marks, plotter.XY{X: q.X, Y: edge}), bin
		}
	}
	return cut, marks
}

// addCut adds xys in pen, named in the legend, and marks, the points
// where it is cut at the panel's edge, as ▲ in its colour, the legend's
// entry showing both the line and the mark.
func addCut(p *panel, name string, xys, marks plotter.XYs, pen draw.LineStyle) error {
	if len(marks) == 0 {
		return addMoments(p, []moment{{name, xys, pen}})
	}
	if err := addMoments(p, []moment{{"", xys, pen}}); err != nil {
		return err
	}
	s, err := plotter.NewScatter(marks)
	if err != nil {
		return err
	}
	s.GlyphStyle.Color, s.GlyphStyle.Radius, s.GlyphStyle.Shape = pen.Color, vg.Points(2.5), draw.TriangleGlyph{}
	p.Add(unpadded{s})
	p.name(name, &plotter.Line{LineStyle: pen}, s)
	return nil
}

// lossLogSpan is the factor between the lowest and the highest loss from
// which panel (b) takes a log scale: far more than a run that trains
// spans (D's loss at 0.005 while it wins, G's at 5), as a runaway does.
const lossLogSpan = 1e6

// floorPen is the pen a measure's noise floor is drawn in, grey and
// dashed, and floorName its name in a key, "noise floor at 2,000
// samples": in a run's panel (c) as in a batch's figure and a sweep's
// curve, so that the floor reads alike in each.
func floorPen() draw.LineStyle {
	return draw.LineStyle{Color: paper(palette.Muted), Width: vg.Points(1), Dashes: dashed}
}

func floorName(samples int) string { return "noise floor at " + numtext.Count(samples, "sample") }

// quality is panel (c), on a log scale when the distances span an order of
// magnitude or more, as they do while a run learns. A measure at 0 (a plane's
// high-quality share while no sample lies near a mode) is drawn at 0 on a
// linear scale; on a log scale, which has no 0, its line breaks there and a ▼
// at the panel's foot marks the epoch (onLog). Left out as a value no axis
// could hold, the 0s would be bridged, a share of 0.011 at epoch 60 and 0.0008
// at 80 joined across a 0 at 70, and a share 0 at every check left out whole,
// the axis named "sliced W1" as for a target without modes.
func (r Run) quality() (*panel, error) {
	p := &panel{Plot: newPlot("(c) distance to the target", "epoch", "KS, W1")}
	e := r.Evals
	ks := series(len(e), func(i int) (float64, float64) { return float64(e[i].Epoch), e[i].KS })
	w1 := series(len(e), func(i int) (float64, float64) { return float64(e[i].Epoch), e[i].W1 })
	names := [2]string{"KS", "W1"}
	if r.Plane != nil {
		ks = series(len(e), func(i int) (float64, float64) { return float64(e[i].Epoch), e[i].SW1 })
		w1 = series(len(e), func(i int) (float64, float64) { return float64(e[i].Epoch), e[i].HQ })
		names = [2]string{"sliced W1", "high-quality share"}
		p.Y.Label.Text = "SW1, share"
		p.Title.Text = "(c) distance and high-quality share"
		if len(r.Plane.Spots) == 0 { // a target without modes has no share
			w1 = nil
			p.Y.Label.Text = "sliced W1"
			p.Title.Text = "(c) distance to the target"
		}
	}
	// A mixture's modes G covered, a share of them as the plane's
	// high-quality share is a share of its samples, on the same axis:
	// "modes covered, share of 2 (1 of 2 at epoch 10,000)", at 0.5 where
	// the screen said "modes 1/2"; a plane's modes captured the same way,
	// "modes captured, share of 8 (6 of 8 at epoch 3,000)" where it said
	// "modes 6/8 captured", beside the high-quality share. A check whose
	// count is unknown (of a run resumed from an earlier record) is left
	// out.
	var modes plotter.XYs
	if r.Modes > 0 && (r.Plane == nil || len(r.Plane.Spots) > 0) {
		for _, q := range e {
			if q.Modes >= 0 {
				modes = append(modes, plotter.XY{X: float64(q.Epoch), Y: float64(q.Modes) / float64(r.Modes)})
			}
		}
		if len(modes) > 0 && r.Plane == nil {
			p.Title.Text = "(c) distance and modes covered"
			p.Y.Label.Text = "KS, W1, share"
		}
		if len(modes) > 0 && r.Plane != nil {
			p.Title.Text = "(c) distance, high-quality share and modes captured"
		}
	}
	base, baseLabel, baseNote := r.baseQuality(names)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, q := range slices.Concat(ks, w1, base, modes) {
		if q.Y > 0 { // what a log scale would hold
			lo, hi = math.Min(lo, q.Y), math.Max(hi, q.Y)
		}
	}
	switch epochs(ks, w1) {
	case 0:
		if r.Diverged { // its weights not finite, else measured at its epoch (session.Picture.Evals)
			p.Title.Text += " — diverged before its first check"
			break
		}
		p.Title.Text += " — no evaluation"
		if r.CheckEvery > 0 { // a run shorter than the checks' interval: say when they come
			if !r.Ended { // one that has ended has none to come
				p.Title.Text += " yet"
			}
			p.Title.Text += ", one every " + numtext.Count(r.CheckEvery, "epoch")
		}
	case 1: // a point, which makes no curve: said, not left to read as a stray mark
		p.Title.Text += " — one evaluation"
		if !r.Ended {
			p.Title.Text += " so far"
		}
	}
	if r.CheckEvery > 0 && r.SampleEpoch < r.Planned && len(e) > 0 && len(e) < sparseChecks { // none: the title says when they come
		// Short of a long plan (stopped, or drawn by P early on), the
		// panel's few points are its checks at the plan's interval:
		// said, not left to read as evaluations lost or a fault.
		p.X.Label.Text += fmt.Sprintf(" — checked every %s for a plan of %s",
			numtext.Count(r.CheckEvery, "epoch"), numtext.FormatInt(r.Planned))
	}
	log := hi >= 10*lo
	if log {
		logScale(&p.Y)
		p.Y.Tick.Marker = logTicks{}
		p.Title.Text += ", log scale" // in the title: a longer axis label than the panel is high pads it down
	} else {
		p.Y.Min = 0
	}
	// The distance's noise floor, what a perfect generator's checks read,
	// under the curves, named after them in the key as a batch's figure
	// names its floor after its seeds; left out where nothing is measured
	// to read against it. Its measure is named, "KS noise floor at 2,000
	// samples": beside W1's grey line, or the high-quality share's, a
	// floor named alone would pass for theirs.
	var modesKey func() // names the modes' line after KS and W1 in the key
	if len(modes) > 0 {
		var err error
		last := modes[len(modes)-1]
		verb := "covered"
		if r.Plane != nil {
			verb = "captured"
		}
		name := fmt.Sprintf("modes %s, share of %d (%d of %d at epoch %s)", verb, r.Modes, int(math.Round(last.Y*float64(r.Modes))), r.Modes, numtext.FormatInt(int(last.X)))
		if modesKey, err = addModes(p, name, modes, log); err != nil {
			return nil, err
		}
	}
	var floor legendPlotter
	if r.Floor > 0 && epochs(ks, w1, base) > 0 {
		var err error
		if floor, err = curve(r.flat(r.Floor), floorPen()); err != nil {
			return nil, err
		}
		if floor != nil {
			p.Add(floor)
		}
	}
	for i, xys := range [2]plotter.XYs{ks, w1} {
		c := [2]color.Color{paper(palette.Text), paper(palette.Muted)}[i]
		var err error
		if log {
			err = onLog(p, names[i], xys, c)
		} else {
			err = addLine(p, names[i], xys, c, nil)
		}
		if err != nil {
			return nil, err
		}
	}
	if modesKey != nil {
		modesKey()
	}
	floored := false // a ▼ drawn at the foot
	if log {
		for _, xys := range [...]plotter.XYs{ks, w1, base, modes} {
			_, zeros := splitAtZero(xys)
			floored = floored || len(zeros) > 0
		}
	}
	if len(base) > 0 {
		var thumbs []plot.Thumbnailer
		above, zeros := base, plotter.XYs(nil)
		if log {
			above, zeros = splitAtZero(base)
		}
		if len(above) > 0 {
			s, err := plotter.NewScatter(above)
			if err != nil {
				return nil, err
			}
			s.GlyphStyle.Color, s.GlyphStyle.Radius, s.GlyphStyle.Shape = ghostInk, vg.Points(3)+ghostWiden, draw.CircleGlyph{}
			p.Add(unpadded{s})
			thumbs = append(thumbs, s)
		}
		if len(zeros) > 0 {
			m := floorMarks{zeros, ghostInk}
			p.Add(m)
			thumbs = append(thumbs, m)
		}
		p.name(baseLabel, thumbs...)
		if baseNote != "" {
			p.name(baseNote)
		}
	}
	if floor != nil {
		p.name(names[0]+" "+floorName(r.FloorSamples), floor)
	}
	r.timeAxis(p, ks, w1, base)
	if floored {
		p.Y.Min /= 4 // the ▼s in a band of their own, below the lowest value drawn
	}
	return p, nil
}

// addModes adds to p the share of a mixture's modes G covered at each
// check, xys, and returns what names it name in the key: a step line,
// each check's count held until the next, as the screen's "modes 1/2"
// holds, so that a mode lost reads as a drop, not a slope; wide and
// dashed, in the light blue of G's samples' bars, under the distances: a
// bimodal G on one mode has KS 0.5 and half its modes covered, at 0.5
// both, and KS's solid line drawn through the share's blue dashes shows
// both, where along a solid band it read as one line with a blue edge.
// On a log scale it breaks where no mode is covered, those checks marked
// ▼ in G's blue at the panel's foot, as onLog marks a share of 0.
func addModes(p *panel, name string, xys plotter.XYs, log bool) (func(), error) {
	c := paper(palette.Generated)
	stretches, zeros := []plotter.XYs{xys}, plotter.XYs(nil)
	if log {
		stretches = nil
		var stretch plotter.XYs
		for i, q := range xys {
			if q.Y > 0 {
				stretch = append(stretch, q)
			} else {
				zeros = append(zeros, q)
			}
			if (q.Y <= 0 || i == len(xys)-1) && len(stretch) > 0 {
				stretches, stretch = append(stretches, stretch), nil
			}
		}
	}
	style := draw.LineStyle{Color: barFill, Width: vg.Points(4), Dashes: modesDashes}
	var thumbs []plot.Thumbnailer
	for _, xys := range stretches {
		if len(xys) == 1 { // one point: a dot, as onLog's
			if err := addStretch(p, xys, barFill); err != nil {
				return nil, err
			}
			continue
		}
		l, err := plotter.NewLine(xys)
		if err != nil {
			return nil, err
		}
		l.LineStyle, l.StepStyle = style, plotter.PostStep
		p.Add(unpadded{l})
		if thumbs == nil {
			thumbs = append(thumbs, l)
		}
	}
	if thumbs == nil {
		thumbs = append(thumbs, &plotter.Line{LineStyle: style})
	}
	if len(zeros) > 0 {
		m := floorMarks{zeros, c}
		p.Add(m)
		if len(zeros) == len(xys) {
			thumbs = nil
		}
		thumbs = append(thumbs, m)
		name += " (0 where marked below)"
	}
	return func() { p.name(name, thumbs...) }, nil
}

// modesDashes is the dashes of addModes's line: blocks twice as long as
// the gaps between, long enough to read as a line, not dots, along KS.
var modesDashes = []vg.Length{vg.Points(6), vg.Points(3)}

// epochs is how many epochs the points of xys, together, are at: 0, 1,
// or 2 for two or more.
func epochs(xys ...plotter.XYs) int {
	n, first := 0, 0.0
	for _, c := range xys {
		for _, q := range c {
			switch {
			case n == 0:
				n, first = 1, q.X
			case q.X != first:
				return 2
			}
		}
	}
	return n
}

// splitAtZero returns the points of xys above 0 and those not, which a
// log scale cannot place.
func splitAtZero(xys plotter.XYs) (above, zeros plotter.XYs) {
	for _, q := range xys {
		if q.Y > 0 {
			above = append(above, q)
		} else {
			zeros = append(zeros, q)
		}
	}
	return above, zeros
}

// onLog adds xys to p, a panel on a log scale, as addLine does where its
// values are above 0: a line for each stretch of them, broken where a
// value is 0, which the scale cannot place, and those epochs marked at
// the panel's foot (floorMarks), the legend's entry saying so.
func onLog(p *panel, name string, xys plotter.XYs, c color.Color) error {
	_, zeros := splitAtZero(xys)
	if len(zeros) == 0 {
		return addLine(p, name, xys, c, nil)
	}
	var stretch plotter.XYs
	for i, q := range xys {
		if q.Y > 0 {
			stretch = append(stretch, q)
		}
		if (q.Y <= 0 || i == len(xys)-1) && len(stretch) > 0 {
			if err := addStretch(p, stretch, c); err != nil {
				return err
			}
			stretch = nil
		}
	}
	m := floorMarks{zeros, c}
	p.Add(m)
	thumbs := []plot.Thumbnailer{m}
	if len(zeros) < len(xys) {
		thumbs = append([]plot.Thumbnailer{&plotter.Line{LineStyle: draw.LineStyle{Color: c, Width: vg.Points(1.2)}}}, thumbs...)
	}
	p.name(name+" (0 where marked below)", thumbs...)
	return nil
}

// addStretch adds a stretch of a broken line to p, unnamed: a line, or one
// point alone as a dot no wider than the line's points are apart, not the disc
// a series of one point is drawn as (addLine), which beside a pinned
// baseline's discs in panel (c) would read as the baseline's.
func addStretch(p *panel, xys plotter.XYs, c color.Color) error {
	if len(xys) > 1 {
		return addLine(p, "", xys, c, nil)
	}
	s, err := plotter.NewScatter(xys)
	if err != nil {
		return err
	}
	s.GlyphStyle.Color, s.GlyphStyle.Radius, s.GlyphStyle.Shape = c, vg.Points(1.5), draw.CircleGlyph{}
	p.Add(unpadded{s})
	return nil
}

// floorMarks marks the epochs of points at 0 on a log-scale panel, which
// has no 0, with a ▼ each at the foot of its data area, in the colour of
// the measure they belong to. They take no part in the axis's range.
type floorMarks struct {
	at plotter.XYs
	c  color.Color
}

// floorGlyph is a floor mark's glyph.
func (m floorMarks) floorGlyph() draw.GlyphStyle {
	return draw.GlyphStyle{Color: m.c, Radius: vg.Points(2.5), Shape: downTriangle{}}
}

func (m floorMarks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	sty := m.floorGlyph()
	for _, q := range m.at {
		c.DrawGlyphNoClip(sty, vg.Point{X: trX(q.X), Y: c.Min.Y + downTriangle{}.reach(sty)}) // its tip on the foot
	}
}

// Thumbnail draws the marks' legend thumbnail, a ▼.
func (m floorMarks) Thumbnail(c *draw.Canvas) { c.DrawGlyph(m.floorGlyph(), c.Center()) }

// downTriangle is a filled triangle pointing down, ▼: gonum's
// PyramidGlyph turned over.
type downTriangle struct{}

// reach is how far the tip lies below the glyph's centre: as gonum sizes
// its triangles, sin(π/6) = ½.
func (downTriangle) reach(sty draw.GlyphStyle) vg.Length { return sty.Radius * 5 / 4 }

func (t downTriangle) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := t.reach(sty)
	cos := vg.Length(math.Sqrt(3) / 2)
	var path vg.Path
	path.Move(vg.Point{X: pt.X, Y: pt.Y - r})
	path.Line(vg.Point{X: pt.X - r*cos, Y: pt.Y + r/2})
	path.Line(vg.Point{X: pt.X + r*cos, Y: pt.Y + r/2})
	path.Close()
	c.Fill(path)
}

// baseQuality is a pinned baseline's measures at its pin, as points of
// panel (c) at that epoch, and their legend entry, which gives them by
// the names of the run's (names): what Quality's vs base compares the
// run with on the screen, in 1-D as a check measures them (Baseline.Check),
// as the run's curve is measured, so that a baseline pinned at the
// figure's epoch lies on the curve's end, not apart from it by sampling
// noise between 10,000 samples and a check's 2,000; the key says so in
// an entry of its own under the points' (note), "base seed 1 at epoch
// 2,406: KS 0.600, W1 1.436" and "base measured on a check's 2,000
// samples, as the curves are", where vs base measures the pin on all its
// samples (KS 0.599, W1 1.451), and a reader setting the figure beside
// the screen would find the two apart with no word why. One entry of both
// was wider than the panel, its W1 cut off at the figure's edge. None
// without a baseline or its evaluation; a share of a target without
// modes left out, as the run's is.
func (r Run) baseQuality(names [2]string) (xy plotter.XYs, name, note string) {
	b := r.Baseline
	if b == nil || b.Eval.Metrics.N == 0 {
		return nil, "", ""
	}
	m := b.Eval.Metrics
	v := []float64{m.KS, m.W1}
	name = baseName(b)
	if c := b.Check; c != nil && r.Plane == nil {
		v = []float64{c.KS, c.W1}
		// Not the screen's vs base, which compares the live run's measures
		// on all its samples with the pin's on as many, where those are
		// more or fewer than a check's: said, so that a reader who sets the
		// two side by side knows why they differ.
		if n := session.CheckSize(false); m.N != n {
			note = "base measured on a check's " + numtext.Count(n, "sample") + ", as the curves are"
		}
	}
	if r.Plane != nil {
		if m.Plane == nil {
			return nil, "", ""
		}
		v = []float64{m.Plane.SW1}
		if len(r.Plane.Spots) > 0 {
			v = append(v, m.Plane.HighQuality)
		}
	}
	var said []string
	for i, y := range v {
		if y >= 0 && drawable(y) {
			xy = append(xy, plotter.XY{X: float64(b.Eval.Epoch), Y: y})
			text := short(y)              // a share
			if i == 0 || r.Plane == nil { // a distance, as the screen and the lines write it
				text = numtext.Measure(y)
			}
			said = append(said, names[i]+" "+text)
		}
	}
	if len(xy) == 0 {
		return nil, "", ""
	}
	return xy, name + ": " + strings.Join(said, ", "), note
}

// flatDensity is the highest density of panel (d) under which the
// densities are too flat to read beside a probability's 1: D(x) is then
// drawn scaled to their height. A quarter keeps D(x) as it is over
// uniform(2,6)'s 0.25 and normal(4,1.25)'s 0.32.
const flatDensity = 0.25

// offTop is how many times the samples' tallest bar the target's peak
// may reach before panel (d) takes its axis from the bars and draws the
// target cut at its top: a bar a tenth of the axis is still read beside
// the target, one under it lies along the bottom (a runaway's spread
// over thousands, bars of 0.001 under normal(4, 1.25)'s 0.32).
const offTop = 10

// histBins is how many bins the histogram of panel (d) has: those a
// picture counts a pinned baseline's sample in, for its outline to run
// along the bars.
const histBins = session.PictureBins

// samples is panel (d): the histogram as a density (its bars' area is the
// share of the samples within Lo…Hi), the target density and D(x). Its
// legend counts the samples outside Lo…Hi and those not a number (NaN
// or infinite), which lie nowhere, apart, among all, as the screen's
// histogram does ("samples (3 outside, 2 NaN or infinite)"), so that
// those are not left out, of its count or of the share its bars are of,
// unless all are.
func (r Run) samples() (*panel, error) {
	if r.Plane != nil {
		return r.points()
	}
	p := &panel{Plot: newPlot(fmt.Sprintf("(d) %s at epoch %s", numtext.Count(len(r.Samples), "fresh sample"), numtext.FormatInt(r.SampleEpoch)),
		"x", "density, D(x)")}
	scored := len(r.DCurve) > 1 && slices.ContainsFunc(r.DCurve, drawable)
	if !scored { // no D(x) drawn (the blog's designs judge whole rows, a D diverged to NaN's): the axis is the densities'
		p.Y.Label.Text = "density"
	}
	if r.NoCurve != "" {
		p.X.Label.Text = "x — " + r.NoCurve
	}
	if !(r.Hi > r.Lo) {
		return p, nil
	}
	w := (r.Hi - r.Lo) / histBins
	bins := make([]plotter.HistogramBin, histBins)
	for i := range bins {
		bins[i] = plotter.HistogramBin{Min: r.Lo + float64(i)*w, Max: r.Lo + float64(i+1)*w}
	}
	inside, outside, nan := 0, 0, 0
	for _, x := range r.Samples {
		switch {
		case !finite(x): // a diverged model's: neither drawn nor anywhere
			nan++
		case x >= r.Lo && x < r.Hi:
			bins[min(int((x-r.Lo)/w), histBins-1)].Weight++
			inside++
		default:
			outside++
		}
	}
	bars := 0.0 // the tallest bar, the run's or its baseline's
	if inside+outside > 0 {
		for i := range bins {
			bins[i].Weight /= float64(len(r.Samples)) * w
			bars = math.Max(bars, bins[i].Weight)
		}
		hist := &plotter.Histogram{Bins: bins, Width: w, FillColor: barFill}
		hist.LineStyle = draw.LineStyle{Color: color.White, Width: vg.Points(0.5)}
		p.Add(hist)
		name := r.samplesName()
		out, nans, all := numtext.FormatInt(outside), numtext.FormatInt(nan), numtext.FormatInt(len(r.Samples))
		switch {
		case inside == 0 && nan == 0: // a run that has left the range: say so, not an empty panel
			name = fmt.Sprintf("%s: all %s outside [%s, %s]", name, all, short(r.Lo), short(r.Hi))
		case inside == 0:
			name = fmt.Sprintf("%s: %s of %s outside [%s, %s], %s NaN or infinite", name, out, all, short(r.Lo), short(r.Hi), nans)
		case outside > 0 && nan > 0:
			name = fmt.Sprintf("%s (%s outside, %s NaN or infinite)", name, out, nans)
		case outside > 0:
			name = fmt.Sprintf("%s (%s outside)", name, out)
		case nan > 0:
			name = fmt.Sprintf("%s (%s NaN or infinite)", name, nans)
		}
		p.name(name, hist)
	} else if len(r.Samples) > 0 {
		p.name(notFinite(r.samplesName(), len(r.Samples)), swatch{barFill})
	}
	outline := r.baseOutline()
	for _, q := range outline {
		bars = math.Max(bars, q.Y)
	}
	var target plotter.XYs
	peak := 0.0
	if r.Density != nil {
		xs := targetXs(r.Lo, r.Hi, r.Quantile)
		target = series(len(xs), func(i int) (float64, float64) { return xs[i], r.Density(xs[i]) })
		for _, q := range target {
			peak = math.Max(peak, q.Y)
		}
	}
	// top is the highest density drawn, to which a critic's score and a
	// probability over flat densities are scaled: the target's peak, or
	// the bars' top where that peak is far above them, the target then
	// cut there.
	top, targetName := math.Max(bars, peak), "target"
	cut := bars > 0 && peak > offTop*bars
	if cut {
		top, targetName = bars, fmt.Sprintf("target (peak %s, off the top)", short(peak))
		for i := range target {
			target[i].Y = math.Min(target[i].Y, top)
		}
	}
	if err := addLine(p, targetName, target, paper(palette.Real), dashed); err != nil {
		return nil, err
	}
	if len(outline) > 0 {
		l, err := curve(outline, draw.LineStyle{Color: ghostInk, Width: vg.Points(1.2) + ghostWiden})
		if err != nil {
			return nil, err
		}
		p.Add(l)
		p.name(baseName(r.Baseline), l)
	}
	if len(r.DCurve) > 1 && !scored {
		line, err := plotter.NewLine(plotter.XYs{{}, {}}) // its thumbnail alone
		if err != nil {
			return nil, err
		}
		line.LineStyle.Color, line.LineStyle.Width = paper(palette.DScore), vg.Points(1.2)
		p.name("D(x): "+nowhereFinite, line)
	}
	if k := len(r.DCurve); scored {
		// A critic's score (Wasserstein, hinge) is no probability, nor is
		// a score that has left the probabilities' range by more than its
		// width (a least-squares D running away reached -27,000, and the
		// densities under it lay flat on the axis): drawn from its lowest
		// to its highest value over the densities' height, the legend
		// giving the two values, as the trainer's strip draws a critic's.
		name, scale := "D(x)", func(v float64) float64 { return v }
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, v := range r.DCurve {
			if drawable(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		switch {
		case (r.Critic || lo < -1 || hi > 2) && lo <= hi:
			if top == 0 { // no density drawn: a height of its own, not a floor under bars of 6e-12 over wgan's runaway
				top = 1e-9
			}
			name = fmt.Sprintf("D(x) score, %s to %s (scaled)", short(lo), short(hi))
			scale = func(v float64) float64 { return (v - lo) / (hi - lo) * top }
			if hi == lo {
				name = fmt.Sprintf("D(x) score, %s everywhere", short(lo))
				scale = func(float64) float64 { return top / 2 }
			}
		case top > 0 && (top < flatDensity || cut):
			// A probability over densities far below its 1 (a target
			// of std 20, a run spread over thousands), or over bars the
			// axis is taken from: drawn on the densities' height, 1 at
			// their top, the factor in the legend, as the screen gives
			// D(x) a strip of its own; drawn as it is, it would set the
			// axis to 1 and leave the samples and the target flat along
			// the bottom.
			name = "D(x) × " + short(top)
			scale = func(v float64) float64 { return v * top }
		}
		xy := series(k, func(i int) (float64, float64) {
			return r.Lo + (r.Hi-r.Lo)*float64(i)/float64(k-1), scale(r.DCurve[i])
		})
		if err := addLine(p, name, xy, paper(palette.DScore), nil); err != nil {
			return nil, err
		}
	}
	p.X.Min, p.X.Max = r.Lo, r.Hi
	yRange(p.Plot)
	return p, nil
}

// targetXs is where panel (d) draws the target's density: an even grid
// of evenGrid+1 points from lo to hi, and the target's quantiles at
// every 1/quantilePoints of its mass within that range, so that a
// target narrow beside the range (a runaway's thousands wide) is drawn
// through its peak: 300 even points alone would put one by chance on its
// flank, a height that means nothing and sets the axis.
func targetXs(lo, hi float64, quantile func(float64) float64) []float64 {
	const evenGrid, quantilePoints = 300, 400
	xs := make([]float64, 0, evenGrid+1+quantilePoints)
	for i := range evenGrid + 1 {
		xs = append(xs, lo+(hi-lo)*float64(i)/evenGrid)
	}
	if quantile != nil {
		for i := range quantilePoints {
			if x := quantile((float64(i) + 0.5) / quantilePoints); x > lo && x < hi {
				xs = append(xs, x)
			}
		}
	}
	slices.Sort(xs)
	return xs
}

// baseOutline is the pinned baseline's histogram as the outline of its
// bars, a density as the run's bars are (its area the share of its
// sample within the histogram's range), which the screen draws as ╌ over
// the live bars; nil without a baseline or its evaluation.
func (r Run) baseOutline() plotter.XYs {
	if r.Baseline == nil {
		return nil
	}
	m := r.Baseline.Eval.Metrics
	h := m.Hist
	k := len(h.Counts)
	if m.N == 0 || k == 0 || !(h.Hi > h.Lo) {
		return nil
	}
	w := (h.Hi - h.Lo) / float64(k)
	xy := make(plotter.XYs, 0, 2*k)
	for i, c := range h.Counts {
		x, d := h.Lo+float64(i)*w, float64(c)/(float64(m.N)*w)
		xy = append(xy, plotter.XY{X: x, Y: d}, plotter.XY{X: x + w, Y: d})
	}
	return xy
}

// points is panel (d) of a two-dimensional run: D's surface shaded over
// the target's box, which the axes show (more of, once drawn at equal
// scale), its title counting the samples and, when there are more than
// mostPoints to draw, how many are drawn; its points, the fresh samples
// and the target's reference points, are added by addPoints once the
// axes are final.
func (r Run) points() (*panel, error) {
	n, finites := len(r.Samples)/2, 0
	for i := 0; i+1 < len(r.Samples); i += 2 {
		if finite(r.Samples[i]) && finite(r.Samples[i+1]) {
			finites++
		}
	}
	name := fmt.Sprintf("(d) %s at epoch %s", numtext.Count(n, "fresh sample"), numtext.FormatInt(r.SampleEpoch))
	if finites > mostPoints {
		name += fmt.Sprintf(" (%s drawn)", numtext.FormatInt(mostPoints))
	}
	p := &panel{Plot: newPlot(name, "x", "y")}
	b := r.Plane.Box
	if r.NoCurve != "" {
		p.X.Label.Text = "x — " + r.NoCurve
	}
	if k := r.SurfaceN; k > 0 && len(r.Surface) == k*k && !slices.ContainsFunc(r.Surface, finite) {
		p.name("D's surface: "+nowhereFinite, swatch{paper(palette.Muted)})
	} else if k > 0 && len(r.Surface) == k*k {
		hm := plotter.NewHeatMap(surface{r.Surface, k, b}, surfaceShades)
		if !r.Critic { // a probability: white at ½, as on the screen, whatever range D's scores span
			hm.Min, hm.Max = 0, 1
		}
		hm.Rasterized = true // one image: cells drawn one by one leave seams
		p.Add(unpadded{hm})
		// A critic's score is no belief (the trainer's D surface entry says
		// so): its shades run from its lowest score to its highest, which the
		// legend gives, as panel (d) of a 1-D critic gives its curve's,
		// where "D says real" over grid-wgan-gp's orange had read as a
		// verdict that D never gives.
		high, low := "D says real", "D says generated"
		if r.Critic {
			lo, hi := math.Inf(1), math.Inf(-1)
			for _, v := range r.Surface {
				if finite(v) {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
			high, low = "D's highest score, "+short(hi), "D's lowest score, "+short(lo)
		}
		p.name(high, swatch{paper(palette.SurfaceReal)})
		p.name(low, swatch{paper(palette.SurfaceGenerated)})
		// D is scored over the box alone (session.Picture): said, where
		// the axes, widened to equal scale, run past the shading.
		p.X.Label.Text = "x — D shaded over the target's box"
	}
	// The box's outline: the legend counts what lies beyond it, as the
	// screen's plane does, and the shading, white where D cannot tell,
	// does not always show it.
	outline, err := plotter.NewLine(plotter.XYs{{X: b.X0, Y: b.Y0}, {X: b.X1, Y: b.Y0}, {X: b.X1, Y: b.Y1}, {X: b.X0, Y: b.Y1}, {X: b.X0, Y: b.Y0}})
	if err != nil {
		return nil, err
	}
	outline.LineStyle = draw.LineStyle{Color: paper(palette.Muted), Width: vg.Points(0.5)}
	p.Add(unpadded{outline})
	mx, my := boxMargin*(b.X1-b.X0), boxMargin*(b.Y1-b.Y0)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = b.X0-mx, b.X1+mx, b.Y0-my, b.Y1+my
	return p, nil
}

// reach widens the y axis of p, a plane's panel (d) showing the box b and
// its margin, to take in pts, the points it draws, that lie above or below
// the box by up to the box's height, and the margin beyond the furthest:
// a plume of G's samples above the box (grid, epoch 300: up to 9.5 over a
// box to 5) is drawn whole, not cut at the box's margin. Points beside the
// box show within the x axis that equal scale widens (equalAspect); points
// further off are counted in the key, not drawn, where they would squeeze
// the box into a corner.
func reach(p *plot.Plot, b engine.Box, pts plotter.XYs) {
	h := b.Y1 - b.Y0
	lo, hi := p.Y.Min, p.Y.Max
	for _, q := range pts {
		if q.Y > hi && q.Y <= b.Y1+h {
			hi = q.Y
		}
		if q.Y < lo && q.Y >= b.Y0-h {
			lo = q.Y
		}
	}
	m := boxMargin * h
	if hi > p.Y.Max {
		p.Y.Max = hi + m
	}
	if lo < p.Y.Min {
		p.Y.Min = lo - m
	}
}

// boxMargin is the share of the target's box's width (height) panel (d)
// shows beyond it on every side, besides what equal scale adds: the box's
// outline then lies off the panel's frame, and the points just beyond the
// box are drawn on every side of it. Were the y axis to begin at the box's
// bottom, its outline would lie on the frame, and a sample just below the
// box, counted as beyond it, would not be drawn, where one as far beside
// it is.
const boxMargin = 0.05

// targetRing is the radius of the ring panel (d) of a plane draws each of
// the target's points as, over G's dots of 1 point: a dot on it shows
// within the ring, and apart from one in grey print, where the target's
// orange and G's blue are one grey.
const targetRing = vg.Length(1.6)

// addPoints adds to p, panel (d) of a two-dimensional run, the legend entries
// of the fresh samples, the target's reference points and a pinned baseline's
// samples, which count those beyond the target's box (engine.Box.Contains, as
// the screen's plane counts G's) and say among how many: all of them, where
// the screen counts among the 1,500 it draws and says so ("1,500 of 2,500
// drawn · 201 of 1,500 beyond the box"; "335 beyond the box" alone would read
// as another count than the screen's 201 of the same run; those between the
// box and the axes are drawn and counted, the outline showing the box), and
// those not a number (NaN or infinite), which lie nowhere, apart: among all,
// never beyond the box, as the screen's plane counts them ("12 of 2,500 beyond
// the box, 3 NaN or infinite"); and returns place, which adds the points
// themselves once p's axes are final, the baseline's, over them G's samples,
// dots, and over those the target's, rings, those within the axes: the hollow
// rings let G's dots show through and between them, and the target shows where
// G's dots pile on it (under them, a mode G sat on was hidden, ring's modes at
// its end a blue blob each; the target's dots, drawn over G's, would hide G's
// samples). The key's entries come first, for
// the room the key takes sets the data area (keyRoom). Points beyond the axes
// are not drawn: gonum pads a plot to show every glyph, and one far outside
// squeezed the panel.
func (r Run) addPoints(p *panel) (place func(draw.Canvas), err error) {
	b := r.Plane.Box
	var placed []func(draw.Canvas)
	var shown plotter.XYs // the points place may draw
	// under: the points are drawn under those of the calls before (a
	// baseline's under G's), their legend entry after theirs. apart: the
	// width of the rings the points are drawn as, one of which stands for
	// those near its centre (apartOn); 0 for every point drawn.
	scatter := func(name string, xy []float64, c color.Color, radius vg.Length, shape draw.GlyphDrawer, under bool, apart vg.Length) error {
		var all plotter.XYs
		in, beyond, nan := 0, 0, 0 // within the box, beyond it, nowhere
		for i := 0; i+1 < len(xy); i += 2 {
			x, y := xy[i], xy[i+1]
			if !finite(x) || !finite(y) { // a diverged model's: neither drawn nor anywhere
				nan++
				continue
			}
			all = append(all, plotter.XY{X: x, Y: y})
			if b.Contains(x, y) { // as the screen's plane counts
				in++
			} else {
				beyond++
			}
		}
		s, err := plotter.NewScatter(plotter.XYs{})
		if err != nil {
			return err
		}
		s.GlyphStyle.Color, s.GlyphStyle.Radius, s.GlyphStyle.Shape = c, radius, shape
		if in+beyond == 0 {
			if n := len(xy) / 2; n > 0 {
				p.name(notFinite(name, n), s)
			}
			return nil
		}
		switch all := numtext.FormatInt(in + beyond + nan); {
		case in == 0 && nan == 0: // a run that has left the box: say so, not an empty panel
			name = fmt.Sprintf("%s: all %s beyond the box [%s, %s]×[%s, %s]", name, all, short(b.X0), short(b.X1), short(b.Y0), short(b.Y1))
		case in == 0:
			name = fmt.Sprintf("%s: %s of %s beyond the box [%s, %s]×[%s, %s], %s NaN or infinite", name, numtext.FormatInt(beyond), all, short(b.X0), short(b.X1), short(b.Y0), short(b.Y1), numtext.FormatInt(nan))
		case beyond > 0 && nan > 0:
			name = fmt.Sprintf("%s (%s of %s beyond the box, %s NaN or infinite)", name, numtext.FormatInt(beyond), all, numtext.FormatInt(nan))
		case beyond > 0:
			name = fmt.Sprintf("%s (%s of %s beyond the box)", name, numtext.FormatInt(beyond), all)
		case nan > 0:
			name = fmt.Sprintf("%s (%s of %s NaN or infinite)", name, numtext.FormatInt(nan), all)
		}
		p.name(name, s)
		some := evenly(all, mostPoints)
		shown = append(shown, some...)
		place := func(c draw.Canvas) {
			for _, q := range some {
				if q.X >= p.X.Min && q.X <= p.X.Max && q.Y >= p.Y.Min && q.Y <= p.Y.Max {
					s.XYs = append(s.XYs, q)
				}
			}
			if apart > 0 {
				s.XYs = apartOn(p.Plot, c, s.XYs, apart)
			}
			if len(s.XYs) > 0 {
				p.Add(unpadded{s})
			}
		}
		if under {
			placed = slices.Insert(placed, 0, place)
		} else {
			placed = append(placed, place)
		}
		return nil
	}
	var base []float64 // a pinned baseline's samples, drawn as the screen's plane draws them
	baseLabel := ""
	if b := r.Baseline; b != nil {
		base, baseLabel = b.Eval.Points, baseName(b)
	}
	for _, err := range []error{
		scatter(r.samplesName(), r.Samples, paper(palette.Generated), vg.Points(1), draw.CircleGlyph{}, false, 0),
		scatter("target", r.Plane.Reference, paper(palette.Real), targetRing, draw.RingGlyph{}, false, 2*targetRing),
		scatter(baseLabel, base, ghostInk, vg.Points(1), draw.CircleGlyph{}, true, 0),
	} {
		if err != nil {
			return nil, err
		}
	}
	reach(p.Plot, b, shown)
	return func(c draw.Canvas) {
		for _, f := range placed {
			f(c)
		}
	}, nil
}

// apartOn is pts, p drawn on c, less those a ring kept stands for, so
// that the target's rings do not pile up where its points crowd. Ring's
// modes, of std 0.02, about half a point at the panel's scale, had their
// 75 rings each pile into a solid orange disc about 6 points wide that
// hid G's dots at the mode's centre, where now a ring or two, G's dots
// seen within them. A ring stands for the points within cover of its
// centre (apart·5/8: a ring of radius apart/2 and a quarter of that
// beyond), and the rings kept are those a greedy cover picks: the point
// that stands for most of those not yet stood for (the earliest of
// equals), then the next, until each is stood for. A tight mode's centre
// stands for the whole mode, and along a curve (moons' arcs) the rings
// follow one another no more than a ring's width apart. They are kept in
// pts' order. Until then a point was dropped within apart of one kept
// before it, in pts' order, so that rings along a curve fell up to twice
// their width apart, and moons' arcs, their points in no order, lost
// their rings in stretches, points there up to a ring's radius outside
// any. Where the target's points lie further apart than cover (ring's
// eight modes from one another), every one is drawn as before.
func apartOn(p *plot.Plot, c draw.Canvas, pts plotter.XYs, apart vg.Length) plotter.XYs {
	d := p.DataCanvas(c)
	trX, trY := p.Transforms(&d)
	cover := float64(apart) * 5 / 8
	at := make([]vg.Point, len(pts))
	for i, q := range pts {
		at[i] = vg.Point{X: trX(q.X), Y: trY(q.Y)}
	}
	// near[i]: the points within cover of i, i among them.
	near := make([][]int, len(pts))
	for i := range at {
		for j := range at {
			if math.Hypot(float64(at[i].X-at[j].X), float64(at[i].Y-at[j].Y)) < cover {
				near[i] = append(near[i], j)
			}
		}
	}
	open := make([]int, len(pts)) // of each point's near, how many are not stood for
	for i := range near {
		open[i] = len(near[i])
	}
	stood := make([]bool, len(pts))
	keep := make([]bool, len(pts))
	for left := len(pts); left > 0; {
		best := 0
		for i := range open {
			if open[i] > open[best] {
				best = i
			}
		}
		keep[best] = true
		for _, j := range near[best] {
			if !stood[j] {
				stood[j] = true
				left--
				for _, k := range near[j] {
					open[k]--
				}
			}
		}
	}
	var kept plotter.XYs
	for i, q := range pts {
		if keep[i] {
			kept = append(kept, q)
		}
	}
	return kept
}

// mostPoints is the most of G's samples panel (d) of a plane draws
// (the target's points and a baseline's samples are fewer: session's
// 600 and 1,500); evenly picks them. Each point is a mark of its own in
// an SVG or PDF, about 100 bytes: the 100,000 samples --samples allows on
// a plane would make a 10 MB SVG that viewers and slide tools choke on. A
// subset bounds the figure's size whatever --samples is, and is
// as honest a picture of G's distribution as the whole — the samples
// are independent draws, in no order, and at the figure's scale 5,000
// dots already fill a mode, so more add bytes, not shape — where a 2-D
// histogram would draw G unlike the screen's plane and unlike the
// target's points beside it. The default sample of a plane
// (engine.BenchmarkSamples, 2,500) is drawn whole, as before. The
// panel's title says how many are drawn when not all are, after the
// count of all; the legend counts those beyond the box among all of
// them, as the measures (SW1, modes) count all.
const mostPoints = 5000

// evenly returns at most k of pts, evenly spread through them (the
// i-th of k is pts[i·n/k]), so that a run's figure is the same each
// time it is drawn: pts itself when it holds no more than k.
func evenly(pts plotter.XYs, k int) plotter.XYs {
	n := len(pts)
	if n <= k {
		return pts
	}
	out := make(plotter.XYs, k)
	for i := range out {
		out[i] = pts[i*n/k]
	}
	return out
}

// notFinite is the legend entry of n samples named name none of which is a
// number to draw, a model diverged to NaN's, so that the panel, drawing the
// target alone, says so of the samples in its legend.
func notFinite(name string, n int) string {
	return fmt.Sprintf("%s: all %s NaN or infinite", name, numtext.FormatInt(n))
}

// nowhereFinite says of D's score, in a legend, that it has no value to draw:
// a D diverged to NaN's, whose curve or surface is left out under an axis and
// legend that name it.
const nowhereFinite = "NaN or infinite everywhere"

// swatch is a legend entry's thumbnail filled with one colour: the ends
// of D's surface.
type swatch struct{ color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	c.SetColor(s.Color)
	c.Fill(c.Rectangle.Path())
}

// equalAspect widens the shorter side of p's data range so that a unit
// is as long across as up on canvas c: a ring drawn round, not as an
// ellipse, in a panel wider than it is high. Both axes are then marked
// at one step, the finer of those their ranges take (roundTicks), so
// that the grid's cells are squares, as the scale is: ring's axis of
// about ±6 across, labelled by 5, had stood over -2 … 2 up by 2, its
// cells 5 wide and 2 high.
func equalAspect(p *plot.Plot, c draw.Canvas) {
	d := p.DataCanvas(c)
	w, h := float64(d.Max.X-d.Min.X), float64(d.Max.Y-d.Min.Y)
	sx, sy := (p.X.Max-p.X.Min)/w, (p.Y.Max-p.Y.Min)/h // units a point
	if !(w > 0 && h > 0 && sx > 0 && sy > 0) {
		return
	}
	if sx < sy {
		cx, half := (p.X.Min+p.X.Max)/2, sy*w/2
		p.X.Min, p.X.Max = cx-half, cx+half
	} else {
		cy, half := (p.Y.Min+p.Y.Max)/2, sx*h/2
		p.Y.Min, p.Y.Max = cy-half, cy+half
	}
	step := min(roundTicks{}.step(p.X.Min, p.X.Max), roundTicks{}.step(p.Y.Min, p.Y.Max))
	p.X.Tick.Marker, p.Y.Tick.Marker = roundTicks{fixed: step}, roundTicks{fixed: step}
}

// surface is D's score over a plane's box as plotter.GridXYZ: column c,
// row r (from the bottom) at the centre of its cell.
type surface struct {
	z []float64 // k×k, rows from the top
	k int
	b engine.Box
}

func (s surface) Dims() (c, r int)   { return s.k, s.k }
func (s surface) Z(c, r int) float64 { return s.z[(s.k-1-r)*s.k+c] }
func (s surface) X(c int) float64 {
	return s.b.X0 + (float64(c)+0.5)*(s.b.X1-s.b.X0)/float64(s.k)
}
func (s surface) Y(r int) float64 {
	return s.b.Y0 + (float64(r)+0.5)*(s.b.Y1-s.b.Y0)/float64(s.k)
}

// yRange settles p's y axis once its data are in: a range with nothing
// in it is 0 to 1; one value alone, or values too close for their size
// to mark apart, a tenth of it either side (1 either side of 0) — gonum
// takes 1 either side, -1 to 1 for KS, 1e+19 ± 1 for a runaway's loss.
// The margin above the data is left once the panels are laid out
// (headroom).
func yRange(p *plot.Plot) {
	lo, hi := p.Y.Min, p.Y.Max
	switch {
	case !(lo <= hi):
		p.Y.Min, p.Y.Max = 0, 1
	case hi-lo <= 1e-9*math.Max(math.Abs(lo), math.Abs(hi)):
		v := (lo + hi) / 2
		d := math.Abs(v) / 10
		if d == 0 {
			d = 1
		}
		p.Y.Min, p.Y.Max = v-d, v+d
	}
}

// headroom sets p's y axis for its data to take the share of the data
// area's height, or a little less: dataShare, a margin above the data, so
// that the top curve does not run along the frame; less on a time panel
// with events, whose labels stack in the top rows (labelShare). The key stands above the data area (key), so that no
// axis is widened for it. On a log scale the share is of the decades.
//
// A linear axis begins at a label (roundTicks) at or under the data's
// lowest, so that it is read from its foot, and ends at a tick at or over
// the share's top: begun at its data's lowest, often between two labels, a
// time panel's axis would have its lowest label a step up, and the values
// under it read off no number. Its top at a tick, no label lies just under
// it, whose overhang pads the panel by an amount that changes with the
// scale, which plot.Align measures before it scales: the panels of a row
// would not line up. A log axis begins at a label too (logTicks, logFoot),
// its top where the share leaves it, so that a log panel (c)'s KS from 0.37
// is not first labelled at 1. A plane's axes are the box's, set at equal
// scale (equalAspect), not by headroom.
func headroom(p *plot.Plot, share float64) {
	if !(p.Y.Max > p.Y.Min) {
		return
	}
	if _, log := p.Y.Scale.(plot.LogScale); log {
		// The foot goes down to the highest label at or under it, and the
		// top, out from the wider range, may take fewer labels (2 and 5
		// times a power of ten on fewer than three decades, every second
		// power on more than maxLogLabels): down again to one of those,
		// until the foot is one.
		lo, top := p.Y.Min, math.Log(p.Y.Max)
		hi := func(lo float64) float64 {
			l := math.Log(lo)
			return math.Exp(l + (top-l)/share)
		}
		for range 8 {
			f := logFoot(lo, hi(lo))
			if !(f < lo) {
				break
			}
			lo = f
		}
		p.Y.Min, p.Y.Max = lo, hi(lo)
		return
	}
	lo, top := p.Y.Min, p.Y.Max
	hi := lo + (top-lo)/share
	ticks, round := p.Y.Tick.Marker.(roundTicks)
	// The foot goes down to a label of the step the range takes, the top
	// up to a tick, half a step, and the wider range may take a coarser
	// step: out again to those of that, until both ends are (a few steps
	// at most, each one wider).
	if !round {
		p.Y.Min, p.Y.Max = lo, hi
		return
	}
	for i := 0; i < 8; i++ {
		step := ticks.step(lo, hi)
		out := [2]float64{math.Floor(lo/step+1e-9) * step, math.Ceil(hi/step*2-1e-9) * step / 2}
		if !(out[0] < lo-step*1e-9 || out[1] > hi+step*1e-9) {
			break
		}
		lo, hi = out[0], max(out[1], out[0]+(top-out[0])/share)
	}
	// A finer step may end the axis nearer the data, at its first tick
	// over their top and margin: of the steps of three to six labels, the
	// one that ends it lowest (vanilla's histogram and D(x) up to 1 end at
	// 1.1, labelled by 0.2, where by 0.5 at 1.25). Where none ends it with
	// the data in its top fifth, half the margin is taken (data up to 11.93
	// end at 12.5, where 15, a step of 2 taking seven labels), unless the
	// margin is kept for a time panel's event labels (labelShare).
	step := ticks.step(lo, hi)
	for _, sh := range []float64{share, 1 / (1 + (1/share-1)/2)} {
		for s := step; ; s = finer(s) {
			foot := math.Floor(p.Y.Min/s+1e-9) * s
			end := math.Ceil((foot+(top-foot)/sh)/s*2-1e-9) * s / 2
			n := math.Floor(end/s+1e-9) - math.Ceil(foot/s-1e-9) + 1
			if n > maxLabels {
				break
			}
			if n >= 3 && end < hi-s*1e-9 {
				lo, hi, step = foot, end, s
			}
		}
		if share < dataShare || (top-lo)/(hi-lo) >= 0.8 {
			break
		}
	}
	// A foot at a label of that step may lie far under the data's lowest,
	// a band of the panel with nothing in it (wgan's losses from -0.011
	// to 0.011, by 0.01, began at -0.02, a quarter of the axis empty): a
	// finer step, of up to maxFootLabels labels, begins it at a label
	// nearer, where that halves the band (by 0.005 at -0.015), as long as
	// its end is no higher.
	for s := finer(step); (p.Y.Min-lo)/(hi-lo) > footBand; s = finer(s) {
		foot := math.Floor(p.Y.Min/s+1e-9) * s
		end := math.Ceil((foot+(top-foot)/share)/s*2-1e-9) * s / 2
		if n := math.Floor(end/s+1e-9) - math.Ceil(foot/s-1e-9) + 1; n > maxFootLabels || (ticks.whole && s < 1) {
			break
		}
		if p.Y.Min-foot < (p.Y.Min-lo)/2 && end <= hi+s*1e-9 {
			lo, hi, step = foot, end, s
		}
	}
	p.Y.Min, p.Y.Max = lo, hi
	p.Y.Tick.Marker = roundTicks{whole: ticks.whole, fixed: step}
}

// maxLabels is the most labels headroom takes a finer step for;
// maxFootLabels, the most it takes one for to begin the axis nearer the
// data's lowest, where a label of the step with fewer leaves more than
// footBand of the axis empty under them.
const (
	maxLabels     = 6
	maxFootLabels = 8
	footBand      = 0.1
)

// finer is the next step under step of 1, 2 or 5 times a power of ten.
func finer(step float64) float64 {
	mag := math.Pow(10, math.Floor(math.Log10(step)+1e-9))
	switch m := math.Round(step / mag); m {
	case 1:
		return mag / 2
	case 2:
		return mag
	default:
		return 2 * mag
	}
}

// logFoot is the highest value at or under lo that logTicks labels on
// an axis from it to hi: 5, 2 or 1 times a power of ten, or a power
// further down; lo itself if none is found within 40 decades.
func logFoot(lo, hi float64) float64 {
	if !(lo > 0) || !(hi >= lo) {
		return lo
	}
	e := math.Floor(math.Log10(lo) + 1e-9)
	for d := 0.0; d < 40; d++ {
		for _, m := range []float64{5, 2, 1} {
			f := m * math.Pow(10, e-d)
			if f > lo*(1+1e-12) {
				continue
			}
			for _, k := range (logTicks{}).Ticks(f, hi) {
				if k.Label != "" {
					if k.Value == f {
						return f
					}
					break
				}
			}
		}
	}
	return lo
}

// dataShare is the most of a panel's height its data take (headroom): a
// twentieth above them, as a sweep's curve leaves (measureTop).
const dataShare = 1 / 1.05

// timeAxis finishes a time panel, (a) to (c): the run's events marked,
// their labels clear of the panel's curves, which it keeps for the room
// labelShare leaves the labels, its x axis the epochs all three share
// (timeRange), whole numbers, and its y axis settled (yRange).
func (r Run) timeAxis(pn *panel, curves ...plotter.XYs) {
	p := pn.Plot
	pn.curves = curves
	if len(r.Events) > 0 {
		p.Add(eventLines{events: r.Events, curves: curves})
		if r.Earlier > 0 {
			p.X.Label.Text += fmt.Sprintf(" (events before %s not kept)", numtext.FormatInt(r.Events[0].Epoch))
		}
	}
	p.X.Min, p.X.Max = r.timeRange()
	p.X.Tick.Marker = roundTicks{whole: true}
	yRange(p)
}

// timeRange is the epochs the time axes share: from the first to the last of
// the history, the evaluations and the events, so that each panel puts an
// epoch at one place (a runaway is reported at the epoch after the last one
// drawn, the evaluations start later than the history). One epoch alone is
// shown with one either side, none before 0, in every panel alike (not 1 to 2
// in one, 0 to 2 in another); with none, the samples' epoch is. A pinned
// baseline's history counts too, as the screen's charts count it, and the
// epoch of its evaluation, which panel (c) marks (one pinned at epoch 0 has no
// history). An end of the axes that an event marks is taken one epoch further,
// as one epoch alone is, none before 0: its line then lies within the panel,
// with room for its label, at an epoch the axis shows on both sides, so that a
// hand update at epoch 1 of a run with a baseline pinned at 0 does not lie on
// the right edge of an axis from 0 to 1, unlabelled, like the panel's frame at
// the run's end.
func (r Run) timeRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	at := func(e int) { lo, hi = math.Min(lo, float64(e)), math.Max(hi, float64(e)) }
	for _, q := range r.History {
		at(q.Epoch)
	}
	for _, q := range r.Evals {
		at(q.Epoch)
	}
	for _, e := range r.Events {
		at(e.Epoch)
	}
	if b := r.Baseline; b != nil { // its curves share the axis, as on the screen, and its measures in (c)
		for _, q := range b.History {
			at(q.Epoch)
		}
		if b.Eval.Metrics.N > 0 {
			at(b.Eval.Epoch)
		}
	}
	if lo > hi {
		lo, hi = float64(r.SampleEpoch), float64(r.SampleEpoch)
	}
	if lo == hi {
		return math.Max(0, lo-1), hi + 1
	}
	first, last := lo, hi
	for _, e := range r.Events {
		switch float64(e.Epoch) {
		case first:
			lo = math.Max(0, first-1)
		case last:
			hi = last + 1
		}
	}
	// A lone dot at an end (panel (c)'s one evaluation, a baseline's
	// evaluation) is given dotRoom of the span beyond it, none before 0, so
	// that it lies within the panel: a run of 2 epochs, evaluated once at its
	// end, would otherwise draw its KS and W1 on the panel's right edge.
	var dots []int
	if len(r.Evals) == 1 {
		dots = append(dots, r.Evals[0].Epoch)
	}
	if b := r.Baseline; b != nil && b.Eval.Metrics.N > 0 {
		dots = append(dots, b.Eval.Epoch)
	}
	room := dotRoom * (last - first)
	for _, e := range dots {
		switch float64(e) {
		case first:
			lo = math.Min(lo, math.Max(0, first-room))
		case last:
			hi = math.Max(hi, last+room)
		}
	}
	return lo, hi
}

// dotRoom is the share of the time axis's span left beyond a lone dot at
// its end: 2%, 9 points of a panel about 450 wide, past a glyph of 3.
const dotRoom = 0.02

// eventLines is a plotter of dash-dot-dotted vertical lines at events' epochs,
// the full height of the panel, each with its label at the top, in the
// palette's Event colour: the accent the screen marks events in (◆), apart
// from the grey of the losses' balance that crosses the same panel. The key
// stands above the data (key), so that the labels have the top rows to
// themselves. Labels of events close together go one under the other (up to
// labelRows), so that none is written over another or past the panel's edge
// (left of its line where there is no room right of it, naming its epoch,
// since it begins at no line of its own and may begin a few points right of
// an earlier line, under its label, as if of it; and not across an earlier
// line, from which it would read as that line's: left of that line then,
// beyond); one that finds no free row takes a row of its own under the
// others, so that every line is named (ring-mbd's panel (a) at 3,000 epochs
// names its fifth mode-covered line), and is left out only where the panel
// has no row left, its line drawn all the same. A label left of its line
// across an earlier one begins clear of that line, not at it as that line's
// labels do: it would otherwise read as of the earlier line's epoch. Each
// line begins at its label, and a label lies across no other line where
// the panel has a place for it that does not: one right of its line that
// reaches past a later line stands above that line's label, which takes a
// lower row (ring's noise-floor at 8,000, across equilibrium's line at
// 10,200, broke it under its label; equilibrium stands a row under it
// now). Only where there is no such place does a label lie across
// another's line, which is broken under it.
// Events of one kind whose lines lie under the first's label are named at
// once by a label right of the first line that counts them and the lines
// they are drawn as, "mode-covered ×8 on 4 lines", across the others,
// broken under it (alike): ring's eight modes covered at six epochs from
// 5,400 on had six labels, each a row under the last, seven rows deep with
// noise-floor's, and the y axes ran on to make the room, panel (c)'s to
// about 300 over data up to 1.8; now two rows, the count of lines written
// under the rest ("mode-covered ×8" over "4 lines") where that leaves the
// labels fewer rows (lay's split). Where that label finds no room (the
// panel's right edge), each is named on its own.
// Lines closer than a few points are drawn once, at the first of their events,
// and the label of a later one names its epoch, "d-stalled (3,600)", so that
// blog-original's d-stalled (3,600) under equilibrium (3,000) on one line does
// not read as of one epoch. The first keeps its label as it is, so that a
// label seldom grows past the room it has: each of ring's mode-covered labels
// naming its epoch would take equilibrium's room further on. Each label lies
// on a white box (labelBox), which the grid lines run under rather than
// through it. A label that a curve of the panel would run across (curves: the
// panel's lines, each in the order of its epochs) goes on down the rows to one
// clear of them, so that a runaway's label is not written across G's loss at
// the top of panel (b), nor d-wins-ended across the target's mean in (a). One
// that finds no row clear of them is written where they cross it least, on no
// white box, over the data rather than hiding them (panel (b)'s runaway under
// G's loss, its rise through the "r"). A panel with more than maxLabelled
// events in sight names none of them but says how many there are: a run that
// hops between modes has hundreds.
type eventLines struct {
	events []Event
	curves []plotter.XYs
}

const (
	labelRows   = 3  // rows of event labels a panel stacks before one takes a row of its own
	maxLabelled = 12 // events in a panel past which none is labelled
)

// labelEdge is the room an event label leaves between its text's end and
// the panel's right edge: its white box's point (labelBox) and a point
// clear, so that the grid's last line, drawn at that edge where a tick
// lands there, runs whole to the top, where devnag-moments' "plateau" at
// 4,550, its text ending at the edge of a 5,000-epoch axis, hid the top
// of the line at 5,000 under its box.
const labelEdge = vg.Length(2)

// rugLength is how far down from a panel's top the tick of an event
// reaches when there are too many events to draw across the panel.
const rugLength = vg.Length(6)

// placed is an event label as eventLines places it.
type placed struct {
	at    vg.Point
	box   vg.Rectangle
	label string
	bare  bool // over the data: no white box under it
	// events is how many of the events in sight the label names: 1, or
	// for events of one kind close together named at once (alike), all
	// of them.
	events int
	// lines are the lines (labels' lines, by their index) the label
	// names, which its line begins at and it may lie across; row is the
	// row it is written in, from 0 at the top.
	lines []int
	row   int
}

// eventStyle is the style of the event labels.
func eventStyle() draw.TextStyle {
	return draw.TextStyle{Color: paper(palette.Event), Font: font.From(plot.DefaultFont, 8), XAlign: draw.XLeft, YAlign: draw.YTop,
		Handler: plot.DefaultTextHandler}
}

// labels places ev's labels on c, drawn by p, and returns them, the
// lines drawn and the events in sight (Plot).
func (ev eventLines) labels(c draw.Canvas, p *plot.Plot) (labels []placed, lines []vg.Length, shown []Event) {
	trX, _ := p.Transforms(&c)
	for _, e := range ev.events {
		if x := trX(float64(e.Epoch)); x >= c.Min.X && x <= c.Max.X {
			shown = append(shown, e)
		}
	}
	// The lines drawn, one of those closer than a few points, and the
	// one each event is drawn as. A label reads as the line's it begins
	// at: one right of its line begins at it, one left of it must not
	// begin at, or run across, another.
	var of []int
	for _, e := range shown {
		if x := trX(float64(e.Epoch)); len(lines) == 0 || x-lines[len(lines)-1] >= vg.Points(3) {
			lines = append(lines, x)
		}
		of = append(of, len(lines)-1)
	}
	crosses := func(at, w, own vg.Length) bool {
		for _, x := range lines {
			if own-x >= vg.Points(3) && x > at-vg.Points(4) && x < at+w {
				return true
			}
		}
		return false
	}
	// The labels are placed first, then the lines drawn, each broken
	// where a label lies across it, and the labels written last: a label
	// right of its line may reach past later lines, and ring's three
	// mode-covered labels, 10 points apart, would each be struck through
	// by the next events' lines, "mọde-coveṛed".
	if len(shown) > maxLabelled { // too many to draw across: a tick each at the top, a rug (Plot)
		return nil, lines, shown
	}
	labels, rows := ev.lay(c, p, shown, lines, of, crosses, false)
	// Events alike named at once with the lines they are drawn as, "on 4
	// lines" written under the rest where that leaves the labels fewer
	// rows: ring's "mode-covered ×8 on 4 lines" ran past equilibrium's
	// line at 10,200, and noise-floor's label under it, at 8,000, ended
	// too near that line for equilibrium's beside it, which took a third
	// row; "4 lines" under "mode-covered ×8" leaves noise-floor the second
	// row and equilibrium the first.
	if split, n := ev.lay(c, p, shown, lines, of, crosses, true); n < rows {
		labels = split
	}
	return labels, lines, shown
}

// lay places the labels of shown, their lines at lines (of, the line
// of each), on c, drawn by p, as labels describes, and returns them and
// the rows they take; split writes a label of events alike over two
// rows, its count of the lines it spans under the rest, where the label
// so written still reaches past their last line.
func (ev eventLines) lay(c draw.Canvas, p *plot.Plot, shown []Event, lines []vg.Length, of []int, crosses func(at, w, own vg.Length) bool, split bool) (labels []placed, rows int) {
	sty := eventStyle()
	trX, _ := p.Transforms(&c)
	h := sty.Height("M")                 // a row's
	free := make([]vg.Length, labelRows) // where each row's last label ends
	for i := range free {
		free[i] = c.Min.X
	}
	// fits is whether label, its lines one a row from the first of free
	// on, begins at at past where each of those rows is taken.
	fits := func(free []vg.Length, label string, at vg.Length) bool {
		lines := strings.Split(label, "\n")
		return len(lines) <= len(free) && !slices.ContainsFunc(free[:len(lines)], func(taken vg.Length) bool { return taken > at })
	}
	// place adds the label of n events, their first's line at x: of the
	// first set of sides with room in a row, in the row and at the side
	// the curves cross least, the first of them where none does; a row
	// of its own under the others where no row has room. It reports
	// false where the panel has no row left.
	// clear is whether a label of the lines own, written from at over
	// width w in rows row to row+k-1, lies across no other line at or
	// under that line's label, and no label under row lies across its
	// own lines: each line begins at its label (Plot), so that a label
	// lies across a line only above the line's beginning, and never
	// breaks a line between its label and the data.
	clear := func(own []int, at, w vg.Length, row, k int) bool {
		across := func(box vg.Rectangle, x vg.Length) bool { return box.Min.X < x && x < box.Max.X }
		box := vg.Rectangle{Min: vg.Point{X: at - vg.Points(1)}, Max: vg.Point{X: at + w + vg.Points(1)}}
		for _, l := range labels {
			for _, o := range own {
				if l.row >= row && across(l.box, lines[o]) && !slices.Contains(l.lines, o) {
					return false
				}
			}
			for _, o := range l.lines {
				if l.row <= row+k-1 && across(box, lines[o]) && !slices.Contains(own, o) {
					return false
				}
			}
		}
		return true
	}
	// place adds the label of n events, their first's line at x: of the
	// first set of sides with room in a row, in the row and at the side
	// the curves cross least, the first of them where none does; a row
	// of its own under the others where no row has room. Places that lie
	// across no line (clear) come first: a label lies across another's line
	// only where the panel has no such place. It reports false where the
	// panel has no row left.
	place := func(own []int, x vg.Length, n int, sidesets ...[]side) bool {
		var best *placed // of the places it fits, the one the curves cross least
		bestRow, least := 0, vg.Length(math.Inf(1))
		had := len(free)
		for _, strict := range []bool{true, false} {
			for {
				for _, sides := range sidesets {
				rows:
					for row := range free {
						top := c.Max.Y - vg.Length(row)*h
						for _, s := range sides {
							at, w := s.at, sty.Width(s.label)
							if !fits(free[row:], s.label, at) {
								continue
							}
							if strict && !clear(own, at, w, row, len(strings.Split(s.label, "\n"))) {
								continue
							}
							if at+w+labelEdge <= c.Max.X && (at > x || !crosses(at, w, x)) {
								at := vg.Point{X: at, Y: top}
								l := placed{at: at, box: labelBox(sty, at, s.label), label: s.label, events: n, lines: own}
								if across := ev.across(c, p, l.box); across < least {
									best, bestRow, least = &l, row, across
									if across == 0 {
										break rows
									}
								}
							}
						}
					}
					if best != nil {
						break
					}
				}
				// Where no row has room, a row of its own under the others, while
				// the panel has one, so that every line is named: ring-mbd's panel
				// (a) at 3,000 epochs names the fifth of its mode-covered lines
				// there.
				if best != nil || c.Max.Y-vg.Length(len(free)+1)*h < c.Min.Y {
					break
				}
				free = append(free, c.Min.X)
			}
			if best != nil {
				break
			}
			free = free[:had] // the rows added for it, unused
		}
		if best == nil {
			return false
		}
		best.bare = least > 0 // over the data: no white box to hide them
		// A label of two lines is two, a row each, each on a box of its own
		// width, so that the lines under its shorter one show beside it.
		for k, line := range strings.Split(best.label, "\n") {
			l := *best
			if k > 0 {
				l.events = 0 // the first names them
			}
			l.at.Y -= vg.Length(k) * h
			l.label, l.box, l.row = line, labelBox(sty, l.at, line), bestRow+k
			labels = append(labels, l)
			free[bestRow+k] = l.at.X + sty.Width(line) + vg.Points(4)
			rows = max(rows, bestRow+k+1)
		}
		return true
	}
	for i := 0; i < len(shown); i++ {
		e := shown[i]
		x := trX(float64(e.Epoch))
		label := e.label()
		dated := label + " (" + numtext.FormatInt(e.Epoch) + ")"
		if x != lines[of[i]] { // drawn as an earlier event's line
			label = dated
		} else if n := alike(shown[i:], func(k int) vg.Length { return trX(float64(shown[i+k].Epoch)) }, of[i:], sty); n > 1 {
			// Events of one kind whose lines lie under the first's label,
			// named once: "mode-covered ×8 on 5 lines", right of the first
			// line, across the others, which are broken under it.
			label := alikeLabel(shown[i:i+n], of[i:i+n], false)
			if two := alikeLabel(shown[i:i+n], of[i:i+n], true); split && two != label && x+vg.Points(2)+sty.Width(two) > trX(float64(shown[i+n-1].Epoch)) {
				label = two
			}
			had := len(free)
			var own []int
			for _, o := range of[i : i+n] {
				if !slices.Contains(own, o) {
					own = append(own, o)
				}
			}
			if place(own, x, n, []side{{x + vg.Points(2), label}}) {
				i += n - 1
				continue
			}
			free = free[:had] // the rows added for it, unused, left to the labels one by one
		}
		// Right of the line, or where that is taken (the panel's edge at
		// a run's last epoch, an earlier label) left of it,
		// naming its epoch; where that runs across earlier lines, left of
		// them (beyond).
		place([]int{of[i]}, x, 1, []side{{x + vg.Points(2), label}, {x - vg.Points(2) - sty.Width(dated), dated}}, beyond(sty, dated, x, lines, crosses))
	}
	return labels, rows
}

// alike is how many of events, from the first on, are of the first's kind
// (its label) and lie, at (their lines' x), under the label that names them
// at once right of the first's line (alikeLabel; of is the line each is
// drawn as): 1 where the next is of another kind, or its line lies beyond
// the label's end.
//
// A label that names their modes, "mode-covered at 2 and -2", names only
// events whose lines lie within namedApart of the first's: one line a
// label's height or more from the first is named on its own, so that a
// reader can tell which mode each line is. bimodal --seed 2 at 2,000
// epochs covered its modes at 520 and 980, lines about 100 points apart,
// both under one "mode-covered at 2 and -2". A label that counts them,
// "mode-covered ×8 on 4 lines", names no mode a reader could take for
// the wrong line's, and spans its label's width as before.
func alike(events []Event, at func(int) vg.Length, of []int, sty draw.TextStyle) int {
	n := 1
	for n < len(events) && events[n].kind() == events[0].kind() {
		end := at(0) + vg.Points(2) + sty.Width(alikeLabel(events[:n+1], of[:n+1], false))
		if at(n) >= end {
			break
		}
		n++
	}
	for n > 1 && namedModes(events[:n]) != nil && at(n-1)-at(0) >= namedApart(sty) {
		n--
	}
	return n
}

// namedApart is how far apart, on the drawn axis, the lines of events
// named at once by their modes may lie at most: a label's height, so
// close that the lines read as one place, where one label's width (100
// points of "mode-covered at 2 and -2") held lines that read as two.
func namedApart(sty draw.TextStyle) vg.Length {
	return sty.Height("M")
}

// alikeLabel is the label of events of one kind named at once, counting
// the session's events they stand for (Event.N), and, where they are
// drawn as fewer lines (of, the line of each, those closer than a few
// points drawn as one), the lines too: "mode-covered ×8 on 4 lines" of
// ring's eight modes covered at six epochs from 5,400 to 6,800, two at
// 5,400 and two at 6,000, and 5,600 and 6,000 on the lines of 5,400 and
// 5,800, so that a reader counting the lines under the label finds the
// count it gives, where "mode-covered ×8" spanned four. Of one event, its
// label alone; of events on one line, no count of lines: bimodal's two
// modes covered at 700 and 800, drawn as one line, read "mode-covered ×2
// on 1 lines".
//
// Where each names its modes and they are mostModesNamed or fewer, they
// are named as one event's are, "mode-covered at (2, 0) and (0, 2)",
// where ring-mbd's two modes covered at 2,600 and 2,640 read
// "mode-covered ×2", which modes not said.
//
// Split, the count of lines is written on a row of its own under the
// rest, "mode-covered ×8" over "4 lines" (lay's split).
func alikeLabel(events []Event, of []int, split bool) string {
	if len(events) == 1 {
		return events[0].label()
	}
	n, lines := 0, 0
	for i, e := range events {
		n += max(1, e.N)
		if i == 0 || of[i] != of[i-1] {
			lines++
		}
	}
	mark := Mark{Kind: events[0].kind(), Modes: namedModes(events), Count: n}
	label := mark.String()
	if lines != n && lines > 1 {
		on := " on "
		if split {
			on = "\n"
		}
		label += on + strconv.Itoa(lines) + " lines"
	}
	return label
}

// namedModes is the modes a label naming events alike at once names
// (alikeLabel): each event's, where each is of one kind alone and names
// its modes, and they are mostModesNamed or fewer; nil where the label
// counts the events instead.
func namedModes(events []Event) []session.ModePlace {
	var modes []session.ModePlace
	for _, e := range events {
		if len(e.Marks) != 1 || len(e.Marks[0].Modes) == 0 {
			return nil
		}
		modes = append(modes, e.Marks[0].Modes...)
	}
	if len(modes) > mostModesNamed {
		return nil
	}
	return modes
}

// side is a place for an event's label: where it begins and what it
// says.
type side struct {
	at    vg.Length
	label string
}

// beyond is the place for an event's label, naming its epoch, its line at x,
// left of the earlier lines that the label left of its own line would run
// across (crosses), ending clear of the leftmost of them: so placed, a runaway
// at a run's last epoch, 13 points right of equilibrium-ended's line, is
// named, and the panel says why the run stopped. Where the label left of its
// own line runs across none, there is no such place: the label's is beside
// its line.
func beyond(sty draw.TextStyle, label string, x vg.Length, lines []vg.Length, crosses func(at, w, own vg.Length) bool) []side {
	w := sty.Width(label)
	at := x - vg.Points(2) - w
	if !crosses(at, w, x) {
		return nil
	}
	for crosses(at, w, x) { // end it left of the leftmost line it runs across
		for _, l := range lines {
			if x-l >= vg.Points(3) && l > at-vg.Points(4) && l < at+w {
				at = l - vg.Points(2) - w
				break
			}
		}
	}
	return []side{{at, label}}
}

func (ev eventLines) Plot(c draw.Canvas, p *plot.Plot) {
	sty := eventStyle()
	labels, lines, shown := ev.labels(c, p)
	if len(shown) > maxLabelled {
		trX, _ := p.Transforms(&c)
		for _, e := range shown {
			x := trX(float64(e.Epoch))
			c.StrokeLines(draw.LineStyle{Color: paper(palette.Event), Width: vg.Points(0.8)},
				[]vg.Point{{X: x, Y: c.Max.Y - rugLength}, {X: x, Y: c.Max.Y}})
		}
	}
	line := draw.LineStyle{Color: paper(palette.Event), Width: vg.Points(0.8), Dashes: dashDotDotted}
	boxes := make([]vg.Rectangle, 0, len(labels))
	for _, l := range labels {
		boxes = append(boxes, l.box)
	}
	for i, x := range lines {
		if len(shown) > maxLabelled {
			break // the rug's ticks are the lines
		}
		// The line begins at its label's top, its highest where it has
		// several, and at the panel's top where it has none: a label above
		// it lies across no line (lay's clear).
		top := vg.Length(math.Inf(-1))
		for _, l := range labels {
			if slices.Contains(l.lines, i) {
				top = max(top, l.box.Max.Y)
			}
		}
		if math.IsInf(float64(top), -1) {
			top = c.Max.Y
		}
		var across []vg.Rectangle // the boxes across the line, from the top down
		for _, b := range boxes {
			if b.Min.X < x && x < b.Max.X {
				across = append(across, b)
			}
		}
		slices.SortFunc(across, func(a, b vg.Rectangle) int { return cmp.Compare(b.Max.Y, a.Max.Y) })
		y := top
		for _, b := range across {
			if y > b.Max.Y {
				c.StrokeLines(line, []vg.Point{{X: x, Y: y}, {X: x, Y: b.Max.Y}})
			}
			y = min(y, b.Min.Y)
		}
		c.StrokeLines(line, []vg.Point{{X: x, Y: c.Min.Y}, {X: x, Y: y}})
	}
	if len(shown) > maxLabelled {
		n := 0
		for _, e := range shown {
			n += max(1, e.N)
		}
		text := fmt.Sprintf("%s events, marked at the top", numtext.FormatInt(n))
		if n > len(shown) {
			text = fmt.Sprintf("%s events at %s epochs, marked at the top", numtext.FormatInt(n), numtext.FormatInt(len(shown)))
		}
		at := vg.Point{X: c.Min.X + vg.Points(2), Y: c.Max.Y - rugLength - vg.Points(1)}
		labels = append(labels, placed{at: at, box: labelBox(sty, at, text), label: text})
	}
	for _, l := range labels {
		if !l.bare {
			c.SetColor(color.White)
			c.Fill(l.box.Path())
		}
		c.FillText(sty, l.at, l.label)
	}
}

// across is how much of ev's curves, drawn on c by p, runs across box,
// the length of their lines within it. A curve runs between its points
// in the order of their epochs: where its epochs go back it starts again
// (a baseline's curves come one after another in one series, ghosts),
// and a point a log scale cannot place breaks it.
func (ev eventLines) across(c draw.Canvas, p *plot.Plot, box vg.Rectangle) vg.Length {
	trX, trY := p.Transforms(&c)
	_, log := p.Y.Scale.(plot.LogScale)
	var n vg.Length
	for _, xys := range ev.curves {
		var prev vg.Point
		on := false // prev is the curve's last point
		for i, q := range xys {
			if !drawable(q.X) || !drawable(q.Y) || log && q.Y <= 0 {
				on = false
				continue
			}
			pt := vg.Point{X: trX(q.X), Y: trY(q.Y)}
			if !on || q.X < xys[i-1].X {
				prev = pt
			}
			n += within(prev, pt, box)
			prev, on = pt, true
		}
	}
	return n
}

// within is the length of the segment from a to b that lies in r, and
// a point's length, a line's width, where the segment is a point in r
// (Liang and Barsky's clipping).
func within(a, b vg.Point, r vg.Rectangle) vg.Length {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		d, room := e[0], e[1]
		switch {
		case d == 0:
			if room < 0 { // parallel to this edge and outside it
				return 0
			}
		case d < 0:
			t0 = math.Max(t0, room/d)
		default:
			t1 = math.Min(t1, room/d)
		}
	}
	if t0 > t1 {
		return 0
	}
	return max(vg.Length((t1-t0)*math.Hypot(dx, dy)), vg.Points(1.2))
}

// labelBox is the box an event label written at at in sty (aligned to
// its top left) lies on, a point wider than the text either side: the
// event lines are broken across it, and it is filled white under the
// text, so that the grid lines of a panel's top rows, drawn before,
// do not run through the text ("d-stall-ended" struck through by grid's
// line at 10 in panel (c)).
func labelBox(sty draw.TextStyle, at vg.Point, text string) vg.Rectangle {
	w, h := sty.Width(text), sty.Height(text)
	return vg.Rectangle{Min: vg.Point{X: at.X - vg.Points(1), Y: at.Y - h}, Max: vg.Point{X: at.X + w + vg.Points(1), Y: at.Y}}
}
