package session

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// A run is checked on a schedule of epochs, the same in every front end:
// every checkEvery epochs (about checksPerPlan times over the plan, at
// most maxCheckEvery apart) the session evaluates the generator on
// checkSamples fresh samples, and from that evaluation and the
// diagnosis's watch it draws its events and, when interactive, a
// keyframe for replay. Because the schedule counts epochs, never time, a
// run gives the same events at the same epochs headless and in the
// trainer. Checks run outside TrainEpoch, so they never count in a run's
// epochs per second.
const (
	checksPerPlan = 100
	minCheckEvery = 10
	// maxCheckEvery bounds the interval, a plan's hundredth, for a plan
	// of more than checksPerPlan×maxCheckEvery epochs (10⁶), which is
	// checked more than checksPerPlan times: --epochs 1000000000, a run
	// meant to go on until stopped, checked at its hundredth would go
	// every 10⁷ epochs, many minutes at full speed, with no event,
	// finding, trend or keyframe.
	// A check costs a few epochs' work. Counted in passes of one sample
	// through a net, it makes checkSamples through G, and for a keyframe
	// about 1,000 more (keepsFrames), where an epoch of a batch of 100
	// and a step of each player makes 300 forward and backward passes
	// through D and 200 through G: with vanilla's nets 0.7 million
	// multiply-adds a check, 2.5 million with a keyframe, against 1.1
	// million an epoch. The README's measured share, checks taking 2–9%
	// of a headless run at the presets' intervals of 50 to 450 epochs,
	// puts a check, its sorting and measuring too, at 2 to 13 epochs
	// (minibatch-discrimination to devnag-2017). At maxCheckEvery that
	// is a tenth of a percent of a run or less; and every plan of 10⁶
	// epochs or fewer keeps its hundredth, and so its checks and events,
	// which the bound leaves alone.
	// What a check feeds stays bounded over any number of them:
	// keyframes (maxKeyframes), events (maxEvents), evaluations
	// (evalPoints, maxEvalRows), thinned or let go as they fill.
	maxCheckEvery = 10_000
	checkSamples  = 2000
	// keyBins is the resolution of a keyframe's histogram and curves; a
	// screen re-bins them to its own width.
	keyBins = 400
	// maxKeyframes bounds a run's keyframes: past it one goes at each
	// check, so that they stay spread over the whole run, the first and
	// the newest always kept, as the charts' history thins (thinAt).
	maxKeyframes = 128
	// maxEvents bounds the events a run keeps; the oldest go first.
	maxEvents = 256
)

// CheckSize is how many fresh samples a check evaluates: checkSamples on
// a line, engine.BenchmarkSamples on a plane, as the papers' benchmarks
// measure one. The measures' noise floors at it (Snapshot.CheckNoise)
// are what a trend of the checks must pass to have a direction, which
// the trainer's glossary quotes.
func CheckSize(plane bool) int {
	if plane {
		return engine.BenchmarkSamples
	}
	return checkSamples
}

// checkEvery is the check interval for a plan of planned epochs: its
// hundredth, rounded up, within minCheckEvery to maxCheckEvery.
func checkEvery(planned int) int {
	return min(maxCheckEvery, max(minCheckEvery, (planned+checksPerPlan-1)/checksPerPlan))
}

// EventKind names a change in a run worth marking on its time axis.
type EventKind int

// The kinds of event. Most are a finding of the diagnosis starting or
// ending to hold; the others are things that happened to the run.
const (
	EventModeDropped      EventKind = iota // a mode G had covered went missing
	EventModeRecovered                     // a mode that went missing is covered again
	EventDWins                             // D started winning: its scores near their labels, or its mean scores near or past its margins
	EventDWinsEnded                        // D no longer wins
	EventNoiseIgnored                      // G stopped using its noise
	EventNoiseUsed                         // G uses its noise again
	EventEquilibrium                       // D's losses reached equilibrium (ln 2)
	EventEquilibriumEnded                  // D's losses left it
	EventNoiseFloor                        // KS reached the sampling-noise floor
	EventNoiseFloorEnded                   // KS rose above it again
	EventDiverged                          // a value stopped being finite
	EventRunaway                           // the run ran away
	EventSetting                           // the user changed a setting
	EventRollback                          // the run was rolled back
	// EventModeCovered: a mode is covered for the first time. It and
	// those after it come last because a checkpoint's record stores a
	// kind by its number.
	EventModeCovered
	EventCollapsed     // G's samples collapsed to nearly one point
	EventCollapseEnded // they spread again
	EventPlateau       // the distance to the target stopped improving
	EventPlateauEnded  // it improves again
	EventHandUpdate    // the user updated D or G alone (d, g)
	EventStalled       // D at its equilibrium has stopped learning, or the samples are far from the target there
	EventStallEnded    // D learns again, the samples near the target, or D's losses moved off its equilibrium
	EventFrozen        // D's losses fixed epoch after epoch away from their equilibrium
	EventFrozenEnded   // they move again
)

var eventNames = [...]string{
	EventModeDropped: "mode-dropped", EventModeRecovered: "mode-recovered",
	EventDWins: "d-wins", EventDWinsEnded: "d-wins-ended",
	EventNoiseIgnored: "noise-ignored", EventNoiseUsed: "noise-used",
	EventEquilibrium: "equilibrium", EventEquilibriumEnded: "equilibrium-ended",
	EventNoiseFloor: "noise-floor", EventNoiseFloorEnded: "noise-floor-ended",
	EventDiverged: "diverged", EventRunaway: "runaway",
	EventSetting: "setting", EventRollback: "rollback",
	EventModeCovered: "mode-covered",
	EventCollapsed:   "collapsed", EventCollapseEnded: "collapse-ended",
	EventPlateau: "plateau", EventPlateauEnded: "plateau-ended",
	EventHandUpdate: "hand-update",
	EventStalled:    "d-stalled", EventStallEnded: "d-stall-ended",
	EventFrozen: "d-frozen", EventFrozenEnded: "d-frozen-ended",
}

// Marks reports whether a run under loss, whose G makes rowWidth samples
// from one noise draw (Snapshot.RowWidth), can mark events of kind k, by
// what the diagnosis's watch reads its findings with (watchOf), each a
// pure function of the loss: D's win and its end only where D's losses
// have a line it wins under (dWinsUnder; not a Wasserstein critic's);
// the equilibrium and a stall at it only where D's losses have one
// (EquilibriumOf), or the hinge's their sum; D frozen away from it only
// where they have one each (BCE, least squares). The noise ignored and
// used again only where a draw makes a row of more than one sample, the
// only noise use the checks measure (engine.NoiseDependence: 1 by
// construction at one sample a draw; none on a plane, rowWidth 0). Every
// other kind any run can mark, and under no loss (0, a design not yet
// known) every kind. The trainer's glossary lists the events by it, on
// every draw, so that a critic's does not list the equilibrium and
// d-stalled, which it never marks, nor vanilla's the noise ignored.
func Marks(loss engine.Loss, rowWidth int, k EventKind) bool {
	if loss == 0 {
		return true
	}
	cfg := engine.Config{Loss: loss}
	_, hasEq := EquilibriumOf(cfg)
	switch k {
	case EventDWins, EventDWinsEnded:
		under, _, _ := dWinsUnder(cfg)
		return under > 0
	case EventEquilibrium, EventEquilibriumEnded, EventStalled, EventStallEnded:
		return hasEq || loss == engine.LossHinge
	case EventFrozen, EventFrozenEnded:
		return hasEq
	case EventNoiseIgnored, EventNoiseUsed:
		return rowWidth > 1
	}
	return true
}

// rowWidth is Snapshot.RowWidth for a run of cfg: G's samples from one
// noise draw on a line, 0 on a plane.
func rowWidth(cfg engine.Config) int {
	if cfg.Dim() == 2 {
		return 0
	}
	return cfg.GOut
}

func (k EventKind) String() string {
	if int(k) < len(eventNames) {
		return eventNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Event is a change in a run, at the epoch it was seen.
type Event struct {
	Epoch int
	Kind  EventKind
	// Detail says what changed, for the screen: its labels are written
	// together with their values, as a Finding's are.
	Detail string
	// SavedBy names the ganui whose words Detail is in where they are
	// not this one's (SavedWords): an event of the run before the
	// checkpoint it resumed, saved by another ganui. "" for this ganui's.
	SavedBy string
	// Mode is where the mode a mode event (mode-covered, -dropped,
	// -recovered) names is, for a figure's mark to name it by
	// ("mode-covered at -2") without reading Detail's words; none for
	// any other event.
	Mode ModePlace
}

// ModePlace is the centre of the mode an event names: on a line (Dims
// 1) X, on a plane (Dims 2) X and Y, each to the three significant
// digits the event's detail writes it in, so that an event read back
// from a checkpoint, which keeps the detail (modePlaceOf), has the place
// the live one had. The zero value, Dims 0, is none: an event of no
// mode, or one kept in words that name none (another ganui's).
type ModePlace struct {
	Dims int
	X, Y float64
}

// modePlaceDigits is the significant digits a mode's place is written in.
const modePlaceDigits = 3

// linePlace and planePlace are the places of a line's mode at x and a
// plane's at (x, y), to modePlaceDigits digits.
func linePlace(x float64) ModePlace { return ModePlace{Dims: 1, X: placeDigits(x)} }
func planePlace(x, y float64) ModePlace {
	return ModePlace{Dims: 2, X: placeDigits(x), Y: placeDigits(y)}
}

// placeDigits is v to modePlaceDigits significant digits, as Digits
// writes it and ParseFloat reads that back.
func placeDigits(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', modePlaceDigits, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// String writes the place as a mode event's detail does: "-2" on a
// line, "(2, 0)" on a plane; "" for none.
func (m ModePlace) String() string {
	switch m.Dims {
	case 1:
		return numtext.Digits(m.X, modePlaceDigits)
	case 2:
		return "(" + numtext.Digits(m.X, modePlaceDigits) + ", " + numtext.Digits(m.Y, modePlaceDigits) + ")"
	}
	return ""
}

// modePlaceOf is the place a mode event's detail names, for an event
// read back from a checkpoint, which keeps its kind and detail, not its
// place: -2 of a line's "mode 1 (at -2) gets 52% of the samples, …",
// (2, 0) of a plane's "mode 1 at (2, 0) gets …" (episodes.update writes
// them so); none for another kind, or a detail that names no place so
// (another ganui's words).
func modePlaceOf(kind EventKind, detail string) ModePlace {
	switch kind {
	case EventModeCovered, EventModeDropped, EventModeRecovered:
	default:
		return ModePlace{}
	}
	d := numtext.Plain(detail)
	if !strings.HasPrefix(d, "mode ") {
		return ModePlace{}
	}
	num := func(s string) (float64, bool) {
		if s == "" || strings.ContainsAny(s, "(, ") {
			return 0, false
		}
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	}
	if _, rest, ok := strings.Cut(d, " at ("); ok && !strings.Contains(d, " (at ") { // a plane's
		xy, _, closed := strings.Cut(rest, ")")
		xs, ys, two := strings.Cut(xy, ", ")
		x, okx := num(xs)
		y, oky := num(ys)
		if !closed || !two || !okx || !oky {
			return ModePlace{}
		}
		return planePlace(x, y)
	}
	_, rest, ok := strings.Cut(d, " (at ")
	at, _, closed := strings.Cut(rest, ")")
	x, okx := num(at)
	if !ok || !closed || !okx {
		return ModePlace{}
	}
	return linePlace(x)
}

// Line is the event as ganui --headless prints it: one line, so the
// detail's non-breaking spaces, there for the screen's wrapping, are
// plain spaces in it (numtext.Plain).
func (e Event) Line() string {
	return fmt.Sprintf("event epoch=%d kind=%s detail=%q", e.Epoch, e.Kind, numtext.Plain(e.Detail))
}

// findingEvents maps a finding to the events of its start and its end,
// and what the end's detail says, from the diagnosis's watch and the
// check's evaluation at the end, and what the episodes remember of it
// (a stall's stillD): the measure that ended it, against its threshold,
// as the start's detail gives it. A DStalled finding is in
// two episodes (inEpisode): DIndifferent's, D at its equilibrium, and
// its own, D stuck there; so a run that reaches the equilibrium and then
// stalls in it marks both, and the stall is not hidden behind the ✓ of
// the equilibrium's start (blog-original, seed 1, 5,000 epochs: the
// equilibrium at epoch 2,350, then D still and KS 0.89 from about 2,700
// to the end, with no event after the equilibrium's).
//
// started, where set, is the start's detail, in place of the finding's
// head and detail (startedSays), so that each event gives its own figures: the stall's says what makes
// the equilibrium a stall (stallStarted), the equilibrium's where D's
// losses sit, also when a stall's finding starts it (equilibriumStarted).
//
// lingers, where set, is a line beyond the finding's own that its
// episode ends at: a check without the finding but inside that line
// counts as one with it, so a measure hovering about the threshold (a
// Schmitt trigger's two lines) makes one episode, not an end and a new
// start a few checks apart.
var findingEvents = map[FindingKind]struct {
	start, end EventKind
	ended      func(w *watch, e *Eval, p *episodes) string
	lingers    func(w *watch, e *Eval) bool
	started    func(w *watch, e *Eval, f Finding) string
}{
	DWins:        {EventDWins, EventDWinsEnded, dWinsEnded, nil, dWinsStarted},
	NoiseIgnored: {EventNoiseIgnored, EventNoiseUsed, noiseUsed, nil, nil},
	DIndifferent: {EventEquilibrium, EventEquilibriumEnded, func(w *watch, _ *Eval, _ *episodes) string { return w.leftEquilibrium() }, func(w *watch, _ *Eval) bool { return w.nearEquilibrium(equilibriumLeave) }, equilibriumStarted},
	AtNoiseFloor: {EventNoiseFloor, EventNoiseFloorEnded, offNoiseFloor, nearNoiseFloor, nil},
	GCollapsed:   {EventCollapsed, EventCollapseEnded, spreadAgain, func(w *watch, _ *Eval) bool { return w.spread < collapseLeave*collapseSpread }, nil},
	Plateau:      {EventPlateau, EventPlateauEnded, improving, func(w *watch, _ *Eval) bool { return w.flat(plateauLeave) }, nil},
	DStalled:     {EventStalled, EventStallEnded, stallEnded, nil, stallStarted},
	DFrozen:      {EventFrozen, EventFrozenEnded, thawed, nil, nil},
}

// unlisted says, of each finding kind with no event of its own, why the
// events list does not have it, for the list to say beside the finding:
// ring (seed 1) at epoch 640 says "G's samples are on none of the 8
// modes" while its events list has none yet. Every other kind starts
// and ends events (findingEvents), or is the run's runaway event's own
// condition (Runaway).
var unlisted = map[FindingKind]string{
	ModeDropped:  "a mode's events start once G covers it (mode-covered); mode-dropped marks one covered and then lost",
	ModesBlurred: "the modes' events mark a mode covered or lost, and samples between the modes are neither",
	DSaturated:   "the runaway it builds up to is an event, if it comes",
	FarOutside:   "the runaway it builds up to is an event, if it comes",
}

// Unlisted says why the events list has no event of a finding of kind
// k (unlisted), or "" for a finding the events have.
func (k FindingKind) Unlisted() string { return unlisted[k] }

// startedSays is the detail of a finding's start: what the finding is,
// its text's head (up to its first colon: "G ignores its noise", "D is
// frozen away from its equilibrium"), then its measures, as the end's
// detail says what ended before its measures. The measures alone,
// "d-wins — D real 0.041, D fake 0.030, averaged over about 100
// epochs, together under 0.1" in the events list (vanilla, seed 1, epoch
// 600), would not say what started, where the end says "D's scores are
// less sure again: …".
func startedSays(f Finding) string {
	head, _, ok := strings.Cut(f.Text, ": ")
	if !ok {
		return f.Detail
	}
	return head + ": " + f.Detail
}

// dWinsStarted is the detail of the start of D's win: what D's scores do
// under the run's loss (dWinsWords), then the finding's measures,
// where the finding's head, "D wins", would repeat the event's kind.
func dWinsStarted(w *watch, _ *Eval, f Finding) string {
	starts, _ := dWinsWords(w.loss, w.winsLeast > 0)
	return starts + ": " + f.Detail
}

// thawed is the detail of the end of D frozen: its losses move from
// epoch to epoch again, or it has come to its equilibrium, where the
// stall says a still D.
func thawed(w *watch, _ *Eval, _ *episodes) string {
	if w.fixed >= lossWindow {
		return "D's losses sit at their equilibrium: " + w.equilibriumDetail()
	}
	return "D's losses move from epoch to epoch again: " + w.averagedLosses()
}

// equilibriumStarted is the detail of the start of D's equilibrium:
// where D's losses sit (equilibriumDetail), the episode's condition,
// whichever finding starts it. A stall's finding's detail is the
// equilibrium's with what makes it a stall added, as a run that stalls
// at once gives at the check that starts both episodes, and the
// equilibrium's own adds the distance where G's samples are off the
// target (indifferent); the event gives neither: its text would then
// hold the stall's figures (KS 0.900, over 0.5), beside the stall's
// own event that gives them (stallStarted), or a KS that an
// equilibrium reached nearer the target does not give, with nothing to
// say why it is there.
func equilibriumStarted(w *watch, _ *Eval, _ Finding) string {
	return indifferentText + ": " + w.equilibriumDetail()
}

// stuckText is how the d-stalled event's detail (stallStarted) and the
// DStalled finding's text (stalled) both open, so that a learner reading
// the event beside the finding sees one condition named once.
const stuckText = "D is stuck at its equilibrium"

// stallStarted is the detail of the start of D's stall at its
// equilibrium, f the stall's finding: what holds that makes the
// equilibrium a stall (stalled), D's losses still epoch after epoch or
// the samples far from the target, as its end says what no longer holds
// (stallEnded). The finding's detail is the equilibrium's with those
// added, and a run that stalls at once starts both episodes at one
// check: the two events give two texts, not one read twice on the
// timeline, the ? page and the CSV's row. Where neither can be said
// (no check's evaluation to measure), it is the finding's detail.
func stallStarted(w *watch, e *Eval, f Finding) string {
	var why []string
	if w.still >= lossWindow {
		why = append(why, "it has stopped learning, "+w.stillSays("it"))
	}
	if e != nil {
		if far, what, _ := farFromTarget(&e.Metrics, w.sw1Noise, false); far {
			why = append(why, what)
		}
	}
	if len(why) == 0 {
		return f.Detail
	}
	return stuckText + ": " + strings.Join(why, "; ")
}

// stallEnded is the detail of the end of D's stall at its equilibrium:
// what no longer holds of what started it (see stalled). It ends only
// when the samples are near the target, or G gains on it, and D's losses
// move, or when D's averaged losses have moved off their equilibrium;
// the measure comes first, and D's losses moving is said only of a stall
// in which they were still (p.stillD): those of a stall that is the
// measure's alone never stopped moving, and moons (seed 2), ending its
// stall of samples far from the target at epoch 2,200, says "SW1
// 0.0373, 0.1094 or under …", not that D's losses move, which they did
// all along.
//
// The stall is the equilibrium's finding's (indifferent), which ends at
// its own line, inside the one the equilibrium's episode lingers to: so
// a stall ends settle checks after D's averaged losses first pass the
// tolerance, and the equilibrium settle checks after they first pass
// equilibriumLeave times it, which may be later. The detail says how
// far the losses are, against the line they passed, and leaves the
// equilibrium's end to its own event (leftEquilibrium):
// devnag-moments (seed 2, --every 50) ends its stall at epoch 850 and
// the equilibrium itself only at 900, so "D has left its equilibrium"
// would come too soon. grid (seed 1) ends its stall at epoch 1,710
// between the lines, where "D's losses move from epoch to epoch" alone
// would say what they did all along.
func stallEnded(w *watch, e *Eval, p *episodes) string {
	var why []string
	switch {
	case !w.nearEquilibrium(equilibriumLeave):
		why = append(why, fmt.Sprintf("%s more than %g from %s (%s)", w.averagedAre(), equilibriumLeave*w.tol(), w.eqAt(), w.averagedLosses()))
	case !w.nearEquilibrium(1):
		why = append(why, fmt.Sprintf("%s more than %g from %s, short of the %g that ends its equilibrium (%s)", w.averagedAre(), w.tol(), w.eqAt(), equilibriumLeave*w.tol(), w.averagedLosses()))
	}
	if e != nil && e.Metrics.N > 0 {
		if far, _, near := farFromTarget(&e.Metrics, w.sw1Noise, false); !far {
			why = append(why, near)
		}
	}
	gaining := w.gaining()
	if gaining {
		why = append(why, "G gains on the target, "+w.gains())
	}
	// Not beside a reason that ends any stall, G gaining on the target.
	if p.stillD && w.still < lossWindow && !gaining && w.nearEquilibrium(1) {
		why = append(why, "D's losses move from epoch to epoch")
	}
	text := "D is no longer stuck at its equilibrium"
	if len(why) == 0 {
		return text
	}
	return text + ": " + strings.Join(why, "; ")
}

// The lines the episodes of D's equilibrium and of the noise floor end
// at (findingEvents' lingers), beyond those they start at.
const (
	// equilibriumLeave: D's averaged losses as far from their
	// equilibrium as scores this many times equilibriumScore off ½ (0.03,
	// D right on 53% of samples) end it. feature-matching (seed 1) holds
	// D fake at 0.662 to 0.666 for thousands of epochs, about the 0.6631
	// the start asks for, and one line would start, end and start its
	// equilibrium again at epochs 6,100, 7,000 and 8,100.
	equilibriumLeave = 2
	// ksLeave: a KS over this many times its 95% bound, its 99% bound
	// (1.628/√n against 1.358/√n; Smirnov 1948), ends the noise floor:
	// a KS a perfect generator passes one check in a hundred, not one in
	// twenty. With the 95% bound for both, r1 (seed 1) ended its noise
	// floor at epoch 8,300, five checks at KS 0.031 to 0.061 against
	// 0.0304, and started it again at 8,500; wgan-gp (seed 1) at 7,700
	// and 7,900. On a plane SW1 ends it at as many times its start's
	// 1.5× the floor.
	ksLeave = 1.628 / 1.358
)

// nearEquilibrium tells whether D's averaged losses, past their warm-up,
// are within times the equilibrium's tolerance of it, or have sat still
// at it for stillNow epochs (indifferent's other way there).
func (w *watch) nearEquilibrium(times float64) bool {
	return w.still >= stillNow || w.seen >= lossWindow && w.off(w.dReal, w.dFake) < times*w.tol()
}

// nearNoiseFloor tells whether the check's distance is under the line
// the noise floor's episode ends at: KS under ksLeave times its 95%
// bound, on a plane SW1 under ksLeave times sw1FloorTimes its floor.
func nearNoiseFloor(_ *watch, e *Eval) bool {
	switch {
	case e == nil || e.Metrics.N == 0:
		return false
	case e.Metrics.Plane != nil:
		m := e.Metrics.Plane
		return m.SW1 <= ksLeave*sw1FloorTimes*m.SW1Floor
	}
	return e.Metrics.KS <= ksLeave*e.KSFloor
}

// spreadAgain is the detail of the end of G's collapse: the batches'
// spread, averaged, no longer under collapseLeave times collapseSpread of
// the target's, over it or at it (numtext.Side); under G's average, said to be G's own batches', as the
// collapse's own detail says (collapsed), so that it is not taken for
// the average's samples beside it.
func spreadAgain(w *watch, _ *Eval, _ *episodes) string {
	whose := ""
	if w.ownBatches {
		whose = "G's own batches', "
	}
	return fmt.Sprintf("G's samples spread again: %saveraged over about %d epochs, %s of the target's, %s %.0f%%", whose, lossWindow, numtext.Together("spread "+numtext.PercentBeside(w.spread, collapseLeave*collapseSpread)), numtext.Side(w.spread, 1, collapseLeave*collapseSpread), 100*collapseLeave*collapseSpread)
}

// improving is the detail of a plateau's end: the best distance of the
// checks of the plateau window against the best before them, with the
// high-quality share's on a plane of modes, and which of them ended it.
func improving(w *watch, _ *Eval, _ *episodes) string {
	what := "the distance to the target improves again"
	if w.sharper(plateauLeave) && !w.closer(plateauLeave) {
		what = "the high-quality share rises again"
	}
	return what + ": " + w.gains()
}

// dWinsEnded is the detail of D's win's end, in the terms of the run's
// loss (dWinsWords): its averaged losses, whose sum is over dWinsUnder's
// again (counted from D real's least with label smoothing), numbers to
// find on the chart beside "D's scores are less sure again".
func dWinsEnded(w *watch, _ *Eval, _ *episodes) string {
	over := "together over " + w.winsLine()
	if w.winsLeast > 0 {
		over = fmt.Sprintf("together over %g above D real's least, %s", w.winsUnder, numtext.Figure(w.winsLeast, 4))
	}
	_, ends := dWinsWords(w.loss, w.winsLeast > 0)
	return fmt.Sprintf("%s: %s, %s", ends, w.winLosses(), over)
}

// noiseUsed is the detail of the end of G ignoring its noise: the noise
// use at the check, no longer under NoiseUseFloor: over it, or at it
// (numtext.Side), where "0.050, over 0.05" would misread it.
func noiseUsed(_ *watch, e *Eval, _ *episodes) string {
	const text = "G's output depends on its noise again"
	if e == nil || e.Metrics.N == 0 {
		return text
	}
	use, _, _ := numtext.Beside(e.Metrics.ZDep, 1, NoiseUseFloor)
	return fmt.Sprintf("%s: %s, %s %g", text, numtext.Together("noise use "+use), numtext.Side(e.Metrics.ZDep, 1, NoiseUseFloor), NoiseUseFloor)
}

// offNoiseFloor is the detail of the end of the noise floor: KS over its
// 99% bound, or on a plane SW1 over ksLeave·sw1FloorTimes its floor, at
// the check (see nearNoiseFloor).
func offNoiseFloor(_ *watch, e *Eval, _ *episodes) string {
	const text = "the distance is above sampling noise again"
	switch {
	case e == nil || e.Metrics.N == 0:
		return text
	case e.Metrics.Plane != nil:
		m := e.Metrics.Plane
		sw1, times, floor := numtext.Beside(m.SW1, ksLeave*sw1FloorTimes, m.SW1Floor)
		return fmt.Sprintf("%s: %s, over %s× the %s of a sample of the target itself", text, numtext.Together("SW1 "+sw1), times, floor)
	}
	ks, _, bound := numtext.Beside(e.Metrics.KS, 1, ksLeave*e.KSFloor)
	return fmt.Sprintf("%s: %s, over the 99%% %s", text, numtext.Together("KS "+ks), numtext.Together("bound "+bound))
}

// settleFloor ends an open noise-floor episode at a done run's final
// evaluation, e, where that evaluation is not at its own floor by the
// test the done diagnosis fs makes (no AtNoiseFloor finding in it): an
// episode ends only past the 99% bound at settle(every) checks in a
// row, which a run's last checks may not reach, and the final
// evaluation's 10,000 samples have a lower bound than a check's 2,000.
// vanilla's 7,500 epochs (seed 1) started the episode at epoch 7,350 and
// ended on KS 0.022, over the 95% bound 0.014 of its final evaluation,
// with no finding at the floor beside a noise-floor event never ended;
// now the events end it at 7,500 (endedByFinal), so that the timeline
// and the findings agree at the end. An evaluation at the floor leaves
// the episode open, its finding there already. It is for a done run
// alone, of the evaluation of its last epoch; once ended, the episode
// starts again as any does, should the run go on.
func (s *Session) settleFloor(e *Eval, fs []Finding) {
	switch {
	case !s.floorOpenAtDone() || e == nil || e.Metrics.N == 0 || e.Epoch != s.gan.Epoch():
	case slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == AtNoiseFloor }):
	default:
		delete(s.tl.episodes.active, AtNoiseFloor)
		delete(s.tl.episodes.absent, AtNoiseFloor)
		s.emit(Event{Epoch: e.Epoch, Kind: EventNoiseFloorEnded, Detail: endedByFinal(e)})
	}
}

// floorOpenAtDone reports whether the run is done with its noise-floor
// episode open, which its final evaluation may end (settleFloor): Run
// then writes its files again after that evaluation where it did
// (amendFiles).
func (s *Session) floorOpenAtDone() bool {
	return s.state == Done && s.tl.episodes.active[AtNoiseFloor]
}

// endedByFinal is the detail of a noise floor's end at a done run's
// final evaluation (settleFloor): the evaluation's samples, and its
// distance over the line the done diagnosis holds it to, KS's 95%
// bound at its samples, SW1's sw1FloorTimes its floor on a plane.
func endedByFinal(e *Eval) string {
	const text = "the distance is above sampling noise again"
	by := "ended by the final evaluation's " + numtext.Count(e.Metrics.N, "sample")
	if m := e.Metrics.Plane; m != nil {
		sw1, times, floor := numtext.Beside(m.SW1, sw1FloorTimes, m.SW1Floor)
		return fmt.Sprintf("%s: %s, %s, over %s× the %s of a sample of the target itself", text, by, numtext.Together("SW1 "+sw1), times, floor)
	}
	ks, _, bound := numtext.Beside(e.Metrics.KS, 1, e.KSFloor)
	return fmt.Sprintf("%s: %s, %s, over their 95%% %s", text, by, numtext.Together("KS "+ks), numtext.Together("bound "+bound))
}

// leftEquilibrium is the detail of an equilibrium's end: which way D's
// averaged losses left it, said as what D's scores do, and their values;
// under the hinge loss, which way their sum left 2.
// A loss under its equilibrium is D nearer its label on that data than
// the balance score (eq.D, ½ without label smoothing), scoring real data
// over it or generated data under it; a loss over, the other way. "D
// tells real from fake again" whatever the losses would be wrong of
// losses swung to (0.08, 1.52) and (1.59, 0.23), D scoring every sample
// high, then every sample low, which is no telling them apart.
func (w *watch) leftEquilibrium() string {
	eq := w.eq
	values := numtext.Together("D real "+numtext.Measure(w.dReal)) + ", " + numtext.Together("D fake "+numtext.Measure(w.dFake))
	if w.hinge() {
		// Only the sum says. The losses are each at least 1 less D's
		// mean score on its side, so a sum under 2 is D's mean score on
		// real data over its mean on generated data by at least 2 less
		// the sum, wherever the scores lie; over 2 is the other way only
		// while they lie within the margins ±1, past which a loss is 0.
		sum, tol := w.dReal+w.dFake, equilibriumLeave*hingeTol
		scores := "D's mean scores on real and generated data are apart again"
		switch {
		case sum <= hingeSum-tol:
			scores = "D scores real data over generated data again"
		case sum >= hingeSum+tol:
			scores = "D scores generated data over real data, if all its scores lie within its margins " + numtext.Together("±1")
		}
		return fmt.Sprintf("D's losses have left their sum of 2: %s (%s, %s, averaged over about %d epochs)", scores, values, numtext.Together("together "+numtext.Measure(sum)), lossWindow)
	}
	name, half := numtext.Together(eq.Label), numtext.Together(numtext.Digits(eq.D, 3))
	if eq.Label == "" {
		name = fmt.Sprintf("their balance (%s and %s)", numtext.Figure(eq.DReal, 4), numtext.Figure(eq.DFake, 4))
	} else {
		half = "½"
	}
	tol := equilibriumLeave * eq.Tol // the line the episode ends at
	side := func(loss, at float64) int {
		switch {
		case loss <= at-tol:
			return -1
		case loss >= at+tol:
			return 1
		}
		return 0
	}
	r, f := side(w.dReal, eq.DReal), side(w.dFake, eq.DFake)
	if !w.hasEq || r == 0 && f == 0 {
		return fmt.Sprintf("D's losses have left their equilibrium (%s, averaged over about %d epochs)", values, lossWindow)
	}
	realScore := map[int]string{-1: "over", 1: "under"}[r] // a loss under the balance: real data scored over it
	fakeScore := map[int]string{-1: "under", 1: "over"}[f]
	var scores string
	switch {
	case r == 0:
		scores = fmt.Sprintf("D scores generated data %s %s, real data still about it", fakeScore, half)
	case f == 0:
		scores = fmt.Sprintf("D scores real data %s %s, generated data still about it", realScore, half)
	case realScore == fakeScore:
		scores = fmt.Sprintf("D scores real and generated data alike %s %s", realScore, half)
	default:
		scores = fmt.Sprintf("D scores real data %s %s and generated data %s it", realScore, half, fakeScore)
	}
	return fmt.Sprintf("D's losses have left %s: %s (%s, averaged over about %d epochs)", name, scores, values, lossWindow)
}

// inEpisode reports whether a finding of kind f is one of the episode of
// k: its own, and a stalled D's is also one of D's equilibrium.
func inEpisode(f, k FindingKind) bool {
	return f == k || f == DStalled && k == DIndifferent
}

// confirmChecks is how many checks in a row a finding must hold before
// its start is an event, reported at the check that confirms it, with
// that check's measure: a measure that dips under its threshold at one
// check and is back over it at the next starts nothing. KS under the
// noise floor at a single check would start an episode that the next
// five checks end: r1 (seed 1) dips to KS 0.0269 at epoch 6,300 between
// checks at 0.041 to 0.054, and hinge (seed 2) to KS 0.0303 against a
// bound of 0.0304.
const confirmChecks = 2

// settleChecks is how many checks in a row a finding must be absent before
// its end is an event: a measure that wanders about its threshold (KS
// near the noise floor) starts and ends once, not at every check.
const settleChecks = 5

// settle is how many checks in a row a finding must be absent when the
// checks come every epochs apart: settleChecks, and as many as span
// lossWindow epochs, the time over which the losses are averaged. Five
// checks of a short plan (moons for 1,000 epochs checks every 10) are
// half that, and D's averaged losses, wandering about the edge of their
// equilibrium for longer, would make nine equilibrium events there, four
// of them ends.
func settle(every int) int {
	return max(settleChecks, (lossWindow+every-1)/every)
}

// episodes follows the findings from check to check and turns their
// starts and ends into events: a start once a finding holds at
// confirmChecks checks in a row, an end once it is gone for settle.
type episodes struct {
	active  map[FindingKind]bool // findings whose start was reported
	absent  map[FindingKind]int  // checks in a row an active one was missing
	present map[FindingKind]int  // checks in a row one not active held, short of confirmChecks
	modes   []modeEpisode        // each mode of the target, as of the last check
	// stillD: D's losses were still (watch.still) at a check of the
	// DStalled episode on, its start's or a later one's, so that its end
	// says they move again only where they stopped (stallEnded).
	stillD bool
}

// Pending is a finding of the diagnosis whose start is no event yet, by
// the confirming rule (confirmChecks: it becomes one at the second
// check in a row that sees it): the events have nothing of it to show
// or jump to, and a screen that showed it as it shows a confirmed one
// would leave a reader looking for its event in vain (vanilla at
// d_lr=2e-3 ends its 250 epochs on D wins, first seen at the last
// check).
type Pending struct {
	Kind FindingKind
	// Seen is the epoch of the latest check, which saw it, or -1 when no
	// check has seen it yet: the diagnosis of an epoch between checks,
	// which reads D's losses as they move, can find what the last check
	// did not.
	Seen int
	// Checks are the epochs of the checks it must still hold at for its
	// start to be an event: the event is at the last of them.
	Checks []int
}

// Note says when the events will have p's finding, in the words of the
// screen's diagnosis and of the headless finding line's pending field:
// "new at epoch 250: an event if it holds at 260", where the latest check
// saw it first, or "new: an event if it holds at 250 and 260", where no
// check has seen it yet. It is "" for an entry with no checks left.
func (p Pending) Note() string {
	if len(p.Checks) == 0 {
		return ""
	}
	at := make([]string, len(p.Checks))
	for i, e := range p.Checks {
		at[i] = numtext.FormatInt(e)
	}
	checks := numtext.List(at, "and")
	if p.Seen < 0 {
		return "new: an event if it holds at " + checks
	}
	return "new at " + numtext.Together("epoch "+numtext.FormatInt(p.Seen)) + ": an event if it holds at " + checks
}

// pendingOf returns the entry of ps for a finding of kind k, and whether
// there is one: false for a finding whose start is an event.
func pendingOf(ps []Pending, k FindingKind) (Pending, bool) {
	for _, p := range ps {
		if p.Kind == k {
			return p, true
		}
	}
	return Pending{}, false
}

// pending returns the findings of fs whose episodes have not started,
// in their order, for a run at epoch checked every epochs apart, its
// latest check at last: those of episodeKinds whose own episode is not
// active (a stall's, that is, even where D's equilibrium is). Findings
// without episodes (a mode missing, whose events the modes' lines make)
// are none of them.
func (p *episodes) pending(fs []Finding, epoch, every, last int) []Pending {
	var out []Pending
	next := (epoch/every + 1) * every
	for _, f := range fs {
		if !slices.Contains(episodeKinds[:], f.Kind) || p.active[f.Kind] {
			continue
		}
		seen, n := p.present[f.Kind], Pending{Kind: f.Kind, Seen: -1}
		if seen > 0 {
			n.Seen = last
		}
		for i := range confirmChecks - seen {
			n.Checks = append(n.Checks, next+i*every)
		}
		out = append(out, n)
	}
	return out
}

// modeEpisode is where a mode of the target stands in the run's events.
// A mode is covered once it gets at least half the share the target
// gives it (within its 3σ, on a plane), and dropped once it is missing,
// as the diagnosis says it: under 1% of the samples on a line, not
// captured on a plane (not one sample in 2,500 within its 3σ). Between
// the two, short of its share but not missing, it stays as it was. With
// one threshold for both, a share wandering about it would make an event
// at every check: bimodal (seed 3, 1,000 epochs) spreads over both modes
// slowly, and its modes would be dropped at 24% and 25% of the samples
// and recovered at 26%, eight events from epoch 830 to 900; on a plane, a
// cloud drifting over the grid catches a few stray samples on a mode and
// loses them, and grid (seed 1, 600 epochs) would make 248 events. And a
// mode is dropped only once it was covered, recovered only once it was
// dropped: were every mode to start as covered, the first check would
// report every mode an untrained G misses as dropped (25 on the grid at
// epoch 10, one of bimodal's two at its first check), and the first
// coverage of a mode as recovered. A plane's mode is covered at half its
// due share, not once captured as the screen counts it: captured and
// dropped at one line, grid (seed 1, 600 epochs) makes 225 events and
// ring-pacgan (2,000 epochs) 228, still 111 and 34 with a drop held back
// five checks (portable kernels); the glossary and README say the two
// apart.
type modeEpisode uint8

const (
	modeUnseen  modeEpisode = iota // never covered yet
	modeCovered                    // covered since its last mode-covered or mode-recovered
	modeLost                       // dropped, and not covered since
)

// clone returns a copy of p that shares nothing with it.
func (p episodes) clone() episodes {
	return episodes{active: maps.Clone(p.active), absent: maps.Clone(p.absent), present: maps.Clone(p.present), modes: slices.Clone(p.modes), stillD: p.stillD}
}

// dueShare writes a mode's share of the target after its share of the
// samples, "12% in the target": "mode 3 at (0, 2) gets 20% of the samples
// within its 3σ, 12% in the target", where ", the target 12%" left a
// learner to work out what of the target's the 12% was. It is %.0f's
// whole percent, as the screen's "vs 12%" writes it.
func dueShare(expected float64) string {
	return numtext.Together(fmt.Sprintf("%.0f%% in the target", 100*expected))
}

// ModeShare writes a mode's share of the samples in percent, on its side
// of each line it is judged by (numtext.PercentBeside): under 1% a
// mixture's mode is missing (missingShare), under half the target's
// share there it is not covered. Rounded alone, 0.96%
// read "1%" beside "2 of 2 modes missing: G puts almost no samples
// there" (bimodal, seed 2, epoch 3), where 1.2% reads "missing or
// short", and 24.6% of a mode due 50% read "25%" beside its "modes 1/2".
// The Quality panel writes a share so too, its ends compact ("<1%").
func ModeShare(share, expected float64) string {
	return numtext.PercentBeside(share, missingShare, expected/2)
}

// HighQualityShare writes the high-quality share as the diagnosis and
// the screen's Quality panel and mode map all write it: as percent does,
// with the further decimals that keep it on its side of stalledHQ, the
// line under which a G at D's equilibrium is far from its target. So
// the panel and the note write one figure ("HQ 0%" in both), and 24.96%
// reads "HQ 24.96%, under 25%", not "HQ 25%, under 25%".
func HighQualityShare(x float64) string { return numtext.PercentBeside(x, stalledHQ) }

// modeState is one mode of the target at a check, in either dimension.
type modeState struct {
	Covered         bool      // covered (1-D) or captured (2-D)
	Missing         bool      // the diagnosis's missing: under missingShare (1-D) or not captured (2-D)
	Place           ModePlace // where it is, "3.5", "(1, 0)" as its events write it (Event.Mode)
	Share, Expected float64   // the samples' share there, and the target's
}

// modeCoverage returns the modes of an evaluation: a mixture's coverage,
// a plane's captured modes, or nil for a target without modes.
func modeCoverage(m engine.Metrics) []modeState {
	var out []modeState
	for _, c := range m.Modes {
		out = append(out, modeState{c.Covered, c.Share < missingShare, linePlace(c.Mean), c.Share, c.Expected})
	}
	if m.Plane != nil {
		for _, c := range m.Plane.Spots {
			out = append(out, modeState{c.Captured, !c.Captured, planePlace(c.X, c.Y), c.Share, c.Expected})
		}
	}
	return out
}

// coveredModes counts the modes covered (captured, on a plane).
func coveredModes(modes []modeState) int {
	n := 0
	for _, c := range modes {
		if c.Covered {
			n++
		}
	}
	return n
}

// update takes the findings and evaluation of the check at epoch (nil
// for none), checks coming every epochs apart, and the diagnosis's watch
// there, and returns the events they start or end.
func (p *episodes) update(now []Finding, e *Eval, epoch, every int, w *watch) []Event {
	if p.active == nil {
		p.active = map[FindingKind]bool{}
	}
	if p.absent == nil {
		p.absent = map[FindingKind]int{}
	}
	if p.present == nil {
		p.present = map[FindingKind]int{}
	}
	var out []Event
	for _, k := range episodeKinds {
		i := slices.IndexFunc(now, func(f Finding) bool { return inEpisode(f.Kind, k) })
		on := p.active[k]
		switch {
		case i >= 0 && !on:
			if p.present[k]++; p.present[k] >= confirmChecks {
				delete(p.present, k)
				p.active[k] = true
				detail := startedSays(now[i])
				if started := findingEvents[k].started; started != nil {
					detail = started(w, e, now[i])
				}
				out = append(out, Event{Epoch: epoch, Kind: findingEvents[k].start, Detail: detail})
			}
		case !on && i < 0:
			delete(p.present, k)
		case i >= 0 || findingEvents[k].lingers != nil && findingEvents[k].lingers(w, e): // on
			delete(p.absent, k)
		default:
			if p.absent[k]++; p.absent[k] >= settle(every) {
				delete(p.active, k)
				delete(p.absent, k)
				out = append(out, Event{Epoch: epoch, Kind: findingEvents[k].end, Detail: findingEvents[k].ended(w, e, p)})
			}
		}
	}
	p.stillD = p.active[DStalled] && (p.stillD || w.still >= lossWindow)
	if e == nil {
		return out
	}
	modes := modeCoverage(e.Metrics)
	if len(p.modes) != len(modes) {
		p.modes = make([]modeEpisode, len(modes)) // none covered yet
	}
	for i, c := range modes {
		var kind EventKind
		switch was := p.modes[i]; {
		case was != modeCovered && c.Share >= c.Expected/2:
			kind = EventModeCovered
			if was == modeLost {
				kind = EventModeRecovered
			}
			p.modes[i] = modeCovered
		case was == modeCovered && c.Missing:
			kind = EventModeDropped
			p.modes[i] = modeLost
		default:
			continue
		}
		// A line's mode reads "mode 1 (at -2)"; a plane's "mode 1 at (2, 0)",
		// as the diagnosis names it (planeMode), not in brackets twice.
		plane := c.Place.Dims == 2
		at := "(at " + c.Place.String() + ")"
		if plane {
			at = "at " + c.Place.String()
		}
		mode := numtext.Together(fmt.Sprintf("mode %d %s", i+1, at))
		due := dueShare(c.Expected)
		detail := fmt.Sprintf("%s gets %s of the samples, %s", mode, ModeShare(c.Share, c.Expected), due)
		switch {
		case plane && kind == EventModeDropped: // the papers' rule
			detail = fmt.Sprintf("%s not captured: under 1 sample in 2,500 within its 3σ, %s", mode, due)
		case plane:
			detail = fmt.Sprintf("%s gets %s of the samples within its 3σ, %s", mode, ModeShare(c.Share, c.Expected), due)
		}
		out = append(out, Event{Epoch: epoch, Kind: kind, Detail: detail, Mode: c.Place})
	}
	return out
}

// Keyframe is what the samples panel showed at one checked epoch, kept for
// replay, and in the run's record for a replay after a resume
// (record.go): the evaluation, at keyBins over the target's range.
type Keyframe struct {
	Eval
	Last     engine.EpochStats // the epoch's own stats
	Findings []Finding         // the diagnosis at the epoch
	// SavedBy names the ganui whose words the findings are in where they
	// are not this one's, as Event.SavedBy.
	SavedBy string
}

// ByHand reports whether the user's own key made an event of kind k (a
// setting changed, a rollback, an update by hand), whose detail the
// notes give in brackets beside its epoch.
func (k EventKind) ByHand() bool {
	return k == EventSetting || k == EventRollback || k == EventHandUpdate
}

// timeline is a run's events and keyframes, both bounded.
type timeline struct {
	events    []Event
	dropped   int // events let go to keep maxEvents, the oldest first
	keyframes []Keyframe
	episodes  episodes // the findings' starts and ends so far
}

// add records ev.
func (t *timeline) add(ev Event) {
	if len(t.events) == maxEvents {
		t.events = slices.Delete(t.events, 0, 1)
		t.dropped++
	}
	t.events = append(t.events, ev)
}

// keep adds a keyframe. Past maxKeyframes one goes (thinAt), so that the
// frames stay spread over the whole run, the first and the newest always
// kept: dropping the oldest instead, a 1,000-epoch plan continued to
// 9,492 would replay from epoch 5,120 alone, its first half and the
// events there out of reach.
func (t *timeline) keep(k Keyframe) {
	t.keyframes = append(t.keyframes, k)
	if n := len(t.keyframes); n > maxKeyframes {
		i := thinAt(n, func(i int) int { return t.keyframes[i].Epoch })
		t.keyframes = slices.Delete(t.keyframes, i, i+1)
	}
}

// truncate forgets what happened after epoch, for a roll-back, and the
// findings' episodes, which the roll-back restores as they were then.
func (t *timeline) truncate(epoch int) {
	i := len(t.events)
	for i > 0 && t.events[i-1].Epoch > epoch {
		i--
	}
	t.events = t.events[:i]
	j := len(t.keyframes)
	for j > 0 && t.keyframes[j-1].Epoch > epoch {
		j--
	}
	clear(t.keyframes[j:])
	t.keyframes = t.keyframes[:j]
	t.episodes = episodes{}
}

// emit records an event of the run: in its timeline, and in the row of
// its epoch in --log and in the export; and tells Options.OnEvent of it.
func (s *Session) emit(e Event) {
	s.tl.add(e)
	if s.opts.OnEvent != nil {
		s.opts.OnEvent(e)
	}
	if s.csv != nil {
		s.csv.event(e)
	}
	if s.keeping {
		s.evlog.event(e)
	}
}

// reset empties the timeline for a new run.
func (t *timeline) reset() { *t = timeline{} }
