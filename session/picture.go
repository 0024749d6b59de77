package session

import (
	"fmt"
	"io"
	"slices"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
)

// Picture is what a figure of a run shows (package figure draws it): the
// bounded chart history, the evaluation history, and fresh samples with
// D's curve over the histogram's range, and a pinned baseline. It is
// plain data, shared with nothing that changes (the baseline, the
// snapshots' too, is never changed), so it may be drawn on any goroutine.
type Picture struct {
	// Preset and Changes name the design as the run's final line does
	// (Result): the preset it started from, and what it changed.
	Preset  string
	Changes []Change
	Seed    uint64
	Epoch   int           // epochs completed
	State   State         // as the run stands: Done, Diverged, Interrupted, …
	Spec    string        // the target's spec, e.g. normal(4,1.25) or ring(8,2,0.02)
	Target  engine.Target // the one-dimensional target, or nil
	// Plane describes a two-dimensional target, or is nil; Samples then
	// holds x, y pairs, Lo and Hi are the x side of its box, and Surface
	// is D's score over the box (Eval.Surface), SurfaceN cells a side, or
	// nil when D does not score single points.
	Plane    *PlaneInfo
	Surface  []float64
	SurfaceN int
	Loss     engine.Loss  // the design's loss
	GLoss    engine.GLoss // G's: feature matching's distance has a scale of its own
	// Equilibrium is where D's losses balance once D can no longer tell
	// real from fake (EquilibriumOf), or nil for losses without one.
	Equilibrium *Equilibrium
	// History is the whole run, downsampled (History.Points), Stride its
	// epochs per full point; From the epoch it starts after.
	History []Point
	Stride  int
	From    int
	// Resumed is the epoch the run was resumed at (its --resume
	// checkpoint's), 0 for a run trained from its start: a figure says
	// so, its history whole from epoch 0 (From 0, the checkpoint's record
	// read) or from From on.
	Resumed int
	// Evals are the checks' evaluations over the run, oldest first: at
	// most 512, every other one let go each time they fill; then, when
	// Epoch is not a check's, the run measured at Epoch as a check
	// measures it (Session.measure), not recorded, so that a figure's
	// panel (c) reaches the epoch its other panels show, as the screen's
	// Quality and the final line do: a figure before the first check
	// (epoch 0, or a run shorter than the checks' interval) gives the
	// measures they give, not "no evaluation yet". None is added for
	// a run whose weights are no longer finite. CheckEvery is the epochs
	// between two checks.
	Evals      []EvalPoint
	CheckEvery int
	// CheckNoise is each measure's noise floor at a check's sample size
	// (CheckSize), as Snapshot.CheckNoise gives it: what a perfect
	// generator's checks read, which a figure draws Evals against.
	CheckNoise EvalPoint
	// Planned is the epochs the run was planned for, which set
	// CheckEvery (a hundredth of them, checkEvery): a run short of them
	// has few checks, and its figure says why.
	Planned int
	// Samples are fresh generated samples, drawn as an evaluation draws
	// them (Options.Samples of them, the stream chosen by the epoch):
	// G's own, or with GEMA > 0 the moving average of its weights'.
	Samples []float64
	GEMA    float64
	// Lo and Hi are the x range a histogram of the run shows: the
	// target's (engine.DefaultRange), widened to take in Samples when
	// most of them lie outside it, as an evaluation's is (Session's
	// histSpec, engine.HistSpec.Cover).
	Lo, Hi float64
	// DCurve holds D's score at len(DCurve) evenly spaced x from Lo to Hi,
	// or is nil when D does not judge single samples; NoCurve then says
	// why.
	DCurve  []float64
	NoCurve string
	// Events are the run's events (Event), for marks on the time axes:
	// the latest ones, Earlier more before them not kept.
	Events  []Event
	Earlier int
	// Baseline is the run pinned to compare against (Pin), or nil, for a
	// figure to draw as the screen does; its histogram is counted in
	// PictureBins bins over Lo to Hi, as a figure's histogram is. It is
	// the snapshots' too, which never change it.
	Baseline *Baseline
	// BaseChanges are the settings the Baseline trained with where the
	// run's now differ, with the baseline's values as --set takes them
	// (d_lr=5e-4), the pace left out, as the screen's base→now line
	// gives them: a figure's title names the run's design alone, and a
	// baseline of other learning rates would pass for one of the same.
	// Nil without a Baseline or a difference.
	BaseChanges []Change
}

// PictureBins is how many bins a figure's histogram of a Picture has: a
// pinned baseline's sample is counted in them, whatever the screen's.
const PictureBins = 60

// pictureCurve is how many points of D's curve a Picture holds, and
// pictureSurface the side of the grid of D's surface.
const (
	pictureCurve   = 200
	pictureSurface = 100
)

// Picture gathers the run as it stands for a figure. Like Result, it
// belongs to the goroutine driving the session: the caller of Run (after
// Run too), the session's own goroutine (a Command), or after Stop the
// caller of Stop. Drawing it changes nothing in the run.
func (s *Session) Picture() Picture {
	st := s.state
	if st == Running {
		st = Interrupted // Run's state when asked mid-run; the trainer's pictures are taken between epochs
	}
	p := Picture{
		Seed:       s.gan.Seed(),
		Epoch:      s.gan.Epoch(),
		State:      st,
		Spec:       s.target.Spec,
		Target:     s.gan.Target(),
		Loss:       s.gan.Config().Loss,
		GLoss:      s.gan.Config().GLoss,
		GEMA:       s.gan.Config().GEMA,
		History:    s.hist.Points(make([]Point, 0, s.hist.Len())),
		Stride:     s.hist.Stride(),
		From:       s.from,
		Resumed:    s.resumedAt,
		Evals:      s.pictureEvals(),
		CheckEvery: s.every,
		CheckNoise: s.checkNoise(),
		Planned:    s.planned,
		Samples:    make([]float64, s.opts.Samples*s.gan.Dim()),
		Events:     slices.Clone(s.tl.events),
		Earlier:    s.tl.dropped,
	}
	p.Preset, p.Changes = designOf(s.opts, s.gan.Config())
	if b := s.baseline; b != nil {
		cfg, base := s.gan.Config(), s.gan.Config()
		base.DLR, base.GLR, base.DSteps, base.GSteps = b.Settings.DLR, b.Settings.GLR, b.Settings.DSteps, b.Settings.GSteps
		p.BaseChanges = settingsDiff(cfg, base)
	}
	if e, ok := EquilibriumOf(s.gan.Config()); ok {
		p.Equilibrium = &e
	}
	s.gan.Sample(p.Samples, uint64(s.gan.Epoch()))
	if s.gan.Plane() != nil {
		p.Plane = s.target.Plane
		p.Lo, p.Hi = s.watch.xlo, s.watch.xhi
		if s.baseline != nil {
			p.Baseline = s.baseline.binned(PictureBins, p.Lo, p.Hi, p.Target)
		}
		surf := make([]float64, pictureSurface*pictureSurface)
		if s.gan.DSurface(surf, p.Plane.Box, pictureSurface, pictureSurface) {
			p.Surface, p.SurfaceN = surf, pictureSurface
		} else {
			p.NoCurve = noSurfaceReason(s.gan.Config())
		}
		return p
	}
	p.Lo, p.Hi = s.histSpec(PictureBins).Range(p.Samples, p.Target)
	if s.baseline != nil {
		p.Baseline = s.baseline.binned(PictureBins, p.Lo, p.Hi, p.Target)
	}
	curve := make([]float64, pictureCurve)
	if s.gan.DCurve(curve, p.Lo, p.Hi) {
		p.DCurve = curve
	} else {
		p.NoCurve = noCurveReason(s.gan.Config(), "curve")
	}
	return p
}

// pictureEvals are a Picture's evaluations (Picture.Evals): the checks',
// and the run measured at its epoch when that is not a check's.
func (s *Session) pictureEvals() []EvalPoint {
	pts := s.evals.Points(make([]EvalPoint, 0, s.evals.Len()+1))
	epoch := s.gan.Epoch()
	if n := len(pts); n > 0 && pts[n-1].Epoch >= epoch || !s.canEvaluate() {
		return pts
	}
	e, _ := s.measure(false, nil)
	return append(pts, evalPoint(epoch, e.Metrics))
}

// Plot writes the run's figure, drawn by Draw in Format ("png", "svg" or
// "pdf"), to ganui-<preset>-seed<S>-epoch<E>.<format> in the session's
// directory, atomically, and names the file in the note: the interactive
// trainer's way to write what ganui --headless --plot writes, e.g.
//
//	s.Send(session.Plot{Format: "png", Draw: func(w io.Writer, p session.Picture) error {
//		return figure.Encode(w, "png", figure.FromPicture(p))
//	}})
//
// Draw runs on the session's goroutine, between epochs, with a Picture
// of its own.
type Plot struct {
	Format string
	Draw   func(w io.Writer, p Picture) error
}

func (c Plot) apply(s *Session) {
	if c.Draw == nil || fileSafe(c.Format) != c.Format {
		s.warn(fmt.Sprintf("figure not written: no way to draw a %q file", c.Format))
		return
	}
	p := s.Picture()
	p.State = s.state // taken between epochs of a run that goes on: running, not interrupted
	path := s.outputPath(fmt.Sprintf("seed%d-epoch%d.%s", p.Seed, p.Epoch, c.Format))
	if err := s.writeFile(path, 0o666, FigureKind, 0, func(w io.Writer) error { return c.Draw(w, p) }); err != nil {
		s.warn(notWritten("figure not written", "P", err))
		return
	}
	live := s.notReplayed()
	if live != "" {
		live += ","
	}
	s.note = fmt.Sprintf("wrote the figure of epoch %s%s to %s", numtext.FormatInt(p.Epoch), live, shellword.Quote(path))
	s.written(path, s.note)
}
