package session

import (
	"fmt"
	"slices"

	"github.com/ganui/ganui/engine"
)

// State is where a run stands.
type State int

// The states of a run. Done is a pause at the planned number of epochs;
// Diverged stops training until the run rolls back (Rollback) or is
// replaced (Reseed, Restart). Interrupted ends a Run stopped before its
// plan; an interactive run never shows it.
const (
	Running State = iota
	Paused
	Done
	Diverged
	Interrupted
)

func (s State) String() string {
	switch s {
	case Running:
		return "running"
	case Paused:
		return "paused"
	case Done:
		return "done"
	case Diverged:
		return "diverged"
	case Interrupted:
		return "interrupted"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Setting names a knob the user may turn while a run is in flight.
type Setting int

// The settings, in the order the settings panel lists them.
const (
	DLR Setting = iota
	GLR
	DSteps
	GSteps
	Speed
	NumSettings // how many settings there are
)

// String names the setting for a settings panel.
func (k Setting) String() string {
	switch k {
	case DLR:
		return "D learning rate"
	case GLR:
		return "G learning rate"
	case DSteps:
		return "D steps/epoch"
	case GSteps:
		return "G steps/epoch"
	case Speed:
		return "speed"
	}
	return fmt.Sprintf("Setting(%d)", int(k))
}

// Short names the setting as notes, events and the compare view do ("D
// lr 5e-4 → 1e-3"), short enough for a side panel.
func (k Setting) Short() string {
	switch k {
	case DLR:
		return "D lr"
	case GLR:
		return "G lr"
	case DSteps:
		return "D steps"
	case GSteps:
		return "G steps"
	}
	return k.String()
}

// Settings are the current values of the knobs.
type Settings struct {
	DLR, GLR       float64
	DSteps, GSteps int
	Speed          float64 // the pace in epochs per second; 0 is full speed
}

// Text writes the value of setting k as the settings panel and the
// session's notes show it: 2e-4, 5, 20/s.
func (st Settings) Text(k Setting) string {
	switch k {
	case DLR:
		return engine.FormatLR(st.DLR)
	case GLR:
		return engine.FormatLR(st.GLR)
	case DSteps:
		return fmt.Sprint(st.DSteps)
	case GSteps:
		return fmt.Sprint(st.GSteps)
	case Speed:
		return SpeedText(st.Speed)
	}
	return "?"
}

// Snapshot is everything a front end shows about a run at one moment. The
// session builds a fresh one for every publication; nothing in it is
// shared with the engine or written after it is sent.
type Snapshot struct {
	Run    int    // counts runs: bumps on every reseed, restart or roll-back
	Preset string // the design's name
	// Origin and Changes name the design as the run's lines do
	// (DesignText): the preset the run started from and the settings that
	// differ from it (designOf, as in Result), for a line that sums up a
	// run left without its Result. Changes is never written once sent.
	Origin  string
	Changes []Change
	// Design describes the design as ganui --list-presets does: its
	// description, its source, then engine.Config.Outline with the current
	// settings.
	Design []string
	// Networks is Design's G and D lines in short, their layers alone
	// (engine.Config.Networks), for a screen with no room for the outline.
	Networks []string
	// Remedies are what the design changes in the textbook GAN, explained
	// (RemediesOf); none for the textbook GAN itself.
	Remedies []Remedy
	// Terms explain the words of Design that name the design's loss, G's
	// loss, optimizers and activations (TermsOf).
	Terms  []Remedy
	Target TargetInfo
	Loss   engine.Loss // the design's loss and G loss
	GLoss  engine.GLoss
	// Equilibrium is where the losses sit once D can no longer tell real
	// from fake (EquilibriumOf), or nil for losses without one.
	Equilibrium *Equilibrium
	// GEMA is the decay β of the moving average of G's weights that the
	// samples and metrics come from (g_ema), or 0 when they are G's own.
	GEMA float64
	// Penalized: D's loss has a gradient penalty (GP or R1), which
	// Last.Penalty gives, in neither of D's losses.
	Penalized bool
	Seed      uint64
	State     State
	Err       *Divergence // set when State is Diverged
	Epoch     int         // epochs completed
	Planned   int         // epochs the run was planned for
	Rate      float64     // epochs per second lately; 0 when not running
	// Paced: the speed asked for holds the running run back, Rate its
	// pace's and not what the machine trains at (the final line's
	// epochs_per_s): an epoch waited on it within the last second, and
	// Rate is near the speed (Session.paced).
	Paced bool

	// Rollback is the epoch Rollback would return the run to now, or -1
	// when it has nothing to do.
	Rollback int

	// DWarmup is D's steps in the next epoch when that epoch is one of
	// D's warm-up (engine.Config.DStepsAt: wgan's 100 in its first 25
	// epochs and every 500th), which take them in place of
	// Settings.DSteps, and in a done run those of the epoch it ended on
	// when that one was (Session.warmupShown); else 0.
	DWarmup int

	// RowWidth is how many samples G makes from one noise draw on a line
	// (engine.Config.GOut), whose checks measure how much the samples
	// vary from draw to draw (engine.Metrics.ZDep); 0 on a plane, whose
	// checks measure no noise use. The design tells it before the first
	// check: a run of one sample per draw (vanilla) never marks its noise
	// ignored (Marks).
	RowWidth int

	// DivergedWith is the settings the run had when it last diverged,
	// while State is Diverged: a retune set back since (0, or ← and →)
	// is named so in the advice, which would otherwise tell a run going
	// on as its design to lower a learning rate.
	DivergedWith Settings

	Settings Settings
	Start    Settings // the settings the run started with and the pace the trainer started at: what Reset puts back
	// DesignSettings is the design's own settings, its preset's before
	// any --set: the values "the design's" names (StartWord), which a run
	// started with --set, or by r or R with a retune kept, did not start
	// with.
	DesignSettings Settings
	Last           engine.EpochStats // the latest epoch
	History        []Point           // the whole run, downsampled; see History
	Stride         int               // epochs per full history point
	From           int               // the epoch History starts after: 0, or where a resumed run began
	// Hand is the losses of the updates made by hand (d, g) since the
	// latest epoch, which Last, the epoch's, does not hold; nil when
	// there were none. A run resumed at their epoch has them from its
	// checkpoint (a record of version 10 on).
	Hand *HandLosses

	Eval Eval
	// Evals are the run's checks' evaluations, oldest first (at most 512,
	// every other one let go each time they fill): the quality trend.
	// The checks count epochs, never time, and a resumed run's begin with
	// those its record brought back, so a trend drawn from them is the
	// same at an epoch however often the screen refreshed and whether the
	// run stopped and resumed on the way.
	Evals []EvalPoint
	// CheckNoise is, for each measure of a check (KS, W1; SW1 on a
	// plane), how far sampling alone can move it at a check's sample
	// size (CheckSize): its noise floor there (engine.KSNoiseFloor, W1NoiseFloor,
	// PlaneReference.Floor). A trend of the checks that moves less has
	// no direction to show.
	CheckNoise EvalPoint

	Note   string // what the last command did, for the status line
	Failed bool   // Note reports a failure, such as a checkpoint not saved
	// Events are the run's changes so far, oldest first (at most
	// maxEvents): marks for the charts' time axis and a log. Earlier
	// counts the events before them that the session let go.
	Events  []Event
	Earlier int
	// Frames counts the keyframes kept for replay; Replay is the one
	// shown while replaying (ReplayIndex of Frames), nil when live: the
	// snapshot's own copy, which the session's thinning of its frames
	// does not touch.
	Frames      int
	Replay      *Keyframe
	ReplayIndex int
	// ReplayEvents are the events whose frame is the one shown (the
	// first frame at or after each's epoch), oldest first, nil when
	// live: what a jump with < or > names, for a front end to say what
	// each says without reading the note's words.
	ReplayEvents []Event
	// Baseline is the run pinned to compare against (Pin), or nil.
	Baseline *Baseline
	// Findings is the diagnosis: what holds in the run now, in plain
	// words, most pressing first (see diagnose).
	Findings []Finding
	// Pending are those of Findings whose start is no event yet
	// (confirmChecks), with the checks that would make it one: what
	// the events do not show yet. None for a finding whose episode has
	// started, or that has none.
	Pending []Pending
	// Warning reports, for as long as it holds, a problem that outlasts a
	// command: the history file behind Export has failed. The words
	// GivesWay brackets, its reason, give way on a narrow screen.
	Warning string
	// Exportable is whether Export has anything to write now: false at
	// the start of a run (or of a resumed one) with no epoch trained and
	// no event yet, where it only says so.
	Exportable bool
}

// HandLosses are the losses of updates made by hand (d, g) after an
// epoch and before the next: D's of the latest d, G's of the latest g.
// A player not updated by hand since the epoch has none (D or G false).
type HandLosses struct {
	Epoch        int  // the epoch the updates follow
	D, G         bool // which players were updated by hand
	DReal, DFake float64
	GLoss        float64
}

// TargetInfo describes the target distribution for the screen.
type TargetInfo struct {
	Spec       string // as ParseTarget reads it, e.g. normal(4,1.25)
	Mean, Std  float64
	Skew, Kurt float64 // skewness and excess kurtosis
	// Plane describes a two-dimensional target, whose moments above are
	// then zero; nil for a one-dimensional one.
	Plane *PlaneInfo
}

// PlaneInfo describes a two-dimensional target for the screen.
type PlaneInfo struct {
	Box   engine.Box    // the square the plane is shown in
	Spots []engine.Spot // its Gaussian modes (ring, grid), or nil
	// Reference holds referencePoints points of the target (x₀, y₀, x₁,
	// …), from the run's reference sample, to draw the target with.
	Reference []float64
	// The target's mean and standard deviation per axis, exact
	// (engine.PlaneMoments), for the moments the generated samples are
	// set against.
	MeanX, MeanY, StdX, StdY float64
}

// referencePoints is how many target points a PlaneInfo carries.
const referencePoints = 600

func targetInfo(g *engine.GAN) TargetInfo {
	if p := g.Plane(); p != nil {
		ref := g.Reference()
		info := &PlaneInfo{Box: p.Bounds(), Spots: ref.Spots(), Reference: slices.Clone(ref.Points(referencePoints))}
		info.MeanX, info.MeanY, info.StdX, info.StdY = engine.PlaneMoments(p)
		return TargetInfo{Spec: p.String(), Plane: info}
	}
	t := g.Target()
	return TargetInfo{Spec: t.String(), Mean: t.Mean(), Std: t.StdDev(), Skew: t.Skewness(), Kurt: t.ExKurtosis()}
}

// targetSpec writes a design's target as a run of it names it
// (TargetInfo.Spec: normal(4, 1.25) as normal(4,1.25)), for the lines
// and titles of runs that have no session of their own to ask, a
// sweep's or a batch's. A points file is not read; a spec that does not
// parse is returned as it is.
func targetSpec(target string) string {
	if path, ok := engine.PointsFile(target); ok {
		return engine.Points{Path: path}.String()
	}
	var t fmt.Stringer
	var err error
	if engine.TargetDim(target) == 2 {
		t, err = engine.ParsePlane(target)
	} else {
		t, err = engine.ParseTarget(target)
	}
	if err != nil {
		return target
	}
	return t.String()
}

// Eval is an evaluation of the generator on fresh samples.
type Eval struct {
	Epoch   int // the epoch it was made at
	Metrics engine.Metrics
	// DCurve holds D's score at each histogram bin's centre, or is nil when
	// D does not judge single samples; NoCurve then says why.
	DCurve  []float64
	NoCurve string
	// Push holds dD/dx at each bin's centre — which way and how hard D
	// pushes G's samples there — or is nil with DCurve.
	Push []float64
	// GZ is G's output over its noise, x = G(z), at evenly spaced z across
	// the noise's range, for designs that map one noise value to one
	// sample; nil for the others.
	GZ []ZX
	// KSFloor is the KS distance a perfect generator stays under at this
	// sample size (engine.KSNoiseFloor): below it there is nothing left
	// to measure.
	KSFloor float64

	// For a two-dimensional target (Metrics.Plane set), what the 2-D view
	// draws; all nil in one dimension.
	//
	// Points holds up to planePoints of the evaluated samples (x₀, y₀,
	// x₁, …).
	Points []float64
	// Surface is D's score at the centres of a SurfaceN × SurfaceN grid
	// over the target's box, row by row from the top (engine.GAN.DSurface),
	// or nil when D does not score single points (NoCurve says why).
	Surface  []float64
	SurfaceN int
	// Arrows are D's push (its gradient) at a few of the Points.
	Arrows []Arrow
}

// Arrow is D's push at one generated point: the gradient (DX, DY) of D's
// score at (X, Y), the way D would move the sample to look more real.
type Arrow struct{ X, Y, DX, DY float64 }

// ZX is one point of G's curve: noise z and the sample x = G(z).
type ZX struct{ Z, X float64 }

// Baseline is a run pinned (Pin) to compare the current one against: its
// curves, its evaluation and what it was, all fixed when pinned, but for
// the bins its histogram is counted in, which follow the live one's.
type Baseline struct {
	Preset   string
	Seed     uint64
	Epoch    int
	Settings Settings
	History  []Point // the charts' points at the pin, as Snapshot.History
	From     int
	// Eval is the evaluation at the pin, as much of it as a comparison
	// draws (pinnedEval), its histogram re-counted at the live one's bins
	// (from the pinned sample) when the screen resizes.
	Eval Eval
	// Check is the pinned run's KS and W1 as a check of its epoch measures
	// them (a keyframe's), on the first CheckSize of its samples, the
	// start of the same stream: what a replayed keyframe compares with,
	// like with like. Against Eval's --samples (10,000 by default) the
	// frame of the very epoch pinned would read worse or better than
	// itself by sampling noise alone ("vs base KS ✗0.010 W1 ✗0.015"). Nil on a
	// plane, whose checks measure as many samples as Eval, and where the
	// pinned sample is smaller than a check's or not kept.
	Check *EvalPoint

	sample []float64 // the samples behind Eval, for its histogram at other bins; nil in 2-D
}

// PendingOf returns the entry of Pending for a finding of kind k, and
// whether there is one: false for a finding whose start is an event.
func (s *Snapshot) PendingOf(k FindingKind) (Pending, bool) { return pendingOf(s.Pending, k) }
