package tui

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/ganui/ganui/engine"
)

// State is where a run stands.
type State int

// The states of a run. Done is a pause at the planned number of epochs;
// Diverged stops training until the run rolls back (u) or is replaced (r
// or R).
const (
	Running State = iota
	Paused
	Done
	Diverged
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
	numSettings
)

// Settings are the current values of the knobs.
type Settings struct {
	DLR, GLR       float64
	DSteps, GSteps int
	Speed          int // index into speeds; 0 is full speed
}

// Snapshot is everything the UI shows about a run at one moment. The
// trainer builds a fresh one for every publication; nothing in it is shared
// with the engine or written after it is sent.
type Snapshot struct {
	Run    int    // counts runs: bumps on every reseed or restart
	Preset string // the design's name
	// Design describes the design as ganui --list-presets does: its
	// description, its source, then engine.Config.Outline with the current
	// settings.
	Design  []string
	Target  TargetInfo
	Loss    engine.Loss // the design's loss and G loss
	GLoss   engine.GLoss
	Seed    uint64
	State   State
	Err     *engine.DivergedError // set when State is Diverged
	Epoch   int                   // epochs completed
	Planned int                   // epochs the run was planned for
	Rate    float64               // epochs per second lately; 0 when not running

	// Rollback is the epoch u would return the run to now, or -1 when u
	// has nothing to do: see Rollback.
	Rollback int

	Settings Settings
	Last     engine.EpochStats // the latest epoch
	History  []Point           // the whole run, downsampled; see History
	Stride   int               // epochs per full history point
	From     int               // the epoch History starts after: 0, or where a resumed run began

	Eval Eval

	Note   string // what the last command did, for the status line
	Failed bool   // Note reports a failure, such as a checkpoint not saved
}

// TargetInfo describes the target distribution for the screen.
type TargetInfo struct {
	Spec       string // as ParseTarget reads it, e.g. normal(4,1.25)
	Mean, Std  float64
	Skew, Kurt float64 // skewness and excess kurtosis
}

func targetInfo(t engine.Target) TargetInfo {
	return TargetInfo{Spec: t.String(), Mean: t.Mean(), Std: t.StdDev(), Skew: t.Skewness(), Kurt: t.ExKurtosis()}
}

// Eval is an evaluation of the generator on fresh samples.
type Eval struct {
	Seq     int // the state of the model evaluated: changes when training changes it
	Epoch   int // the epoch it was made at
	Metrics engine.Metrics
	// DCurve holds D's score at each histogram bin's centre, or is nil when
	// D does not judge single samples; NoCurve then says why.
	DCurve  []float64
	NoCurve string
}

// A Command asks the trainer to change something. Commands reach the
// trainer over a channel and apply between epochs, in the order sent.
type Command interface{ apply(t *Trainer) }

// TogglePause pauses a running run or resumes a paused one; from Done it
// continues past the planned epochs.
type TogglePause struct{}

// StepKind says how much of an epoch a Step trains.
type StepKind int

// What a Step trains: one whole epoch, one discriminator update or one
// generator update.
const (
	StepEpoch StepKind = iota
	StepD
	StepG
)

// Step trains one epoch or a single player's update while paused.
type Step struct{ Kind StepKind }

// Adjust moves a setting one notch up (Dir > 0) or down along its ladder.
// Changes apply from the next epoch and keep the optimizers' state.
type Adjust struct {
	Setting Setting
	Dir     int
}

// Reseed starts a new run with a new seed: fresh weights, empty history.
// The current settings carry over.
type Reseed struct{}

// Restart starts the run again from its seed with the current settings;
// with unchanged settings it repeats the run bit for bit.
type Restart struct{}

// HistBins sets how many bins the published histogram has, which the UI
// matches to the columns it has room for.
type HistBins struct{ N int }

// publishEvery is the shortest interval between routine snapshots (≈ 20 Hz);
// a command's result is published at once.
const publishEvery = 50 * time.Millisecond

// evalEvery is the shortest interval between evaluations while running
// (≈ 10 Hz): they cost more than the rest of a snapshot together. Paused
// runs and commands are evaluated at once.
const evalEvery = 100 * time.Millisecond

// historyPoints bounds each run's chart history.
const historyPoints = 512

// Histogram bins the trainer accepts.
const (
	minBins     = 8
	maxBins     = 400
	defaultBins = 60
)

// seedStream selects the PCG stream that draws seeds for Reseed.
const seedStream = 0x6761_6e75_6900_00ee

// Trainer runs one GAN in a goroutine of its own, the only goroutine that
// touches the model. The UI talks to it with Send and reads Snapshots.
type Trainer struct {
	cmds  chan Command
	snaps chan Snapshot
	quit  chan struct{}
	done  chan struct{}
	start sync.Once
	stop  sync.Once

	// Everything below belongs to the trainer goroutine once started.
	cfg      engine.Config // base of every new run: the preset plus retuned settings
	gan      *engine.GAN
	seeds    *rand.Rand
	samples  int
	bins     int
	run      int
	state    State
	err      *engine.DivergedError
	pastPlan bool // the user chose to continue past the planned epochs
	speed    int
	hist     History
	last     engine.EpochStats
	eval     Eval
	evalOK   bool // eval describes the current model and bins
	version  int  // bumps whenever training changes the model
	note     string
	failed   bool // note reports a failure
	dir      string
	from     int      // the epoch this run's history starts after
	log      epochLog // every epoch of the run, for Export
	logOnce  sync.Once

	kept     []goodState // newest last; see Rollback
	keptAt   time.Time
	keepGap  time.Duration
	rolledAt int // version just after the last roll-back

	rate      float64       // smoothed epochs/s
	runStart  time.Time     // when the state last became Running
	runWall   time.Duration // wall time spent Running in this run, before runStart
	runEpochs int           // epochs trained while Running in this run
	rateT     time.Time
	rateEpoch int
	lastPub   time.Time
	lastEval  time.Time
	nextEpoch time.Time // pacing at limited speeds
	timer     *time.Timer
}

// TrainerOptions tune a Trainer.
type TrainerOptions struct {
	Paused  bool   // start paused
	Samples int    // fresh samples per evaluation; 0 means 10,000
	Epochs  int    // the planned epochs; 0 keeps the configuration's
	Dir     string // where Save and Export write; "" is the current directory
}

// NewTrainer prepares a run of cfg from seed. Call Start to begin.
func NewTrainer(cfg engine.Config, seed uint64, opts TrainerOptions) (*Trainer, error) {
	gan, err := engine.New(cfg, seed)
	if err != nil {
		return nil, err
	}
	return NewTrainerFor(gan, opts), nil
}

// NewTrainerFor prepares to continue gan, which may be a run restored from
// a checkpoint (engine.LoadFile): training goes on from its epoch exactly
// as it would have without the interruption. The trainer owns gan from
// now on. Call Start to begin.
func NewTrainerFor(gan *engine.GAN, opts TrainerOptions) *Trainer {
	if opts.Samples <= 0 {
		opts.Samples = 10000
	}
	t := &Trainer{
		cmds:     make(chan Command, 64),
		snaps:    make(chan Snapshot, 1),
		quit:     make(chan struct{}),
		done:     make(chan struct{}),
		cfg:      gan.Config(),
		gan:      gan,
		seeds:    rand.New(rand.NewPCG(gan.Seed(), seedStream)),
		samples:  opts.Samples,
		bins:     defaultBins,
		hist:     NewHistory(historyPoints),
		dir:      opts.Dir,
		from:     gan.Epoch(),
		log:      newEpochLog(gan.Epoch()),
		rolledAt: -1,
	}
	if opts.Epochs > 0 {
		t.cfg.Epochs = opts.Epochs
	}
	if opts.Paused {
		t.state = Paused
	}
	if e := gan.Epoch(); e > 0 {
		t.note = fmt.Sprintf("resumed at epoch %s", fmtInt(e))
		if e >= t.cfg.Epochs {
			t.state = Done
			t.note += fmt.Sprintf(", past the plan of %s: space or n continues", fmtInt(t.cfg.Epochs))
		}
	}
	t.keep()
	return t
}

// Start launches the trainer goroutine; calling it again does nothing.
func (t *Trainer) Start() { t.start.Do(func() { go t.loop() }) }

// Stop ends the trainer goroutine and waits for it, then deletes the
// run's history log; it is safe to call more than once and before Start.
func (t *Trainer) Stop() {
	t.stop.Do(func() { close(t.quit) })
	t.start.Do(func() { close(t.done) }) // never started: nothing to wait for
	<-t.done
	t.logOnce.Do(t.log.close)
}

// Done is closed once the trainer goroutine has ended.
func (t *Trainer) Done() <-chan struct{} { return t.done }

// Snapshots delivers the latest snapshot. It holds at most one: a snapshot
// the UI has not taken yet is replaced by a fresher one.
func (t *Trainer) Snapshots() <-chan Snapshot { return t.snaps }

// ErrBusy reports a command dropped because the trainer is far behind.
var ErrBusy = errors.New("trainer busy: command dropped")

// Send queues c without blocking. It fails with ErrBusy only when dozens of
// commands are already waiting, which takes an epoch far slower than a key
// repeat.
func (t *Trainer) Send(c Command) error {
	select {
	case t.cmds <- c:
		return nil
	default:
		return ErrBusy
	}
}

// loop is the trainer goroutine: train, apply commands between epochs,
// publish at most every publishEvery unless a command asks for more.
func (t *Trainer) loop() {
	defer close(t.done)
	t.timer = time.NewTimer(time.Hour)
	t.timer.Stop()
	t.runStart = time.Now()
	t.publish()
	for {
		if t.state != Running {
			select {
			case <-t.quit:
				return
			case c := <-t.cmds:
				t.applyAll(c)
			}
			continue
		}
		if wait := t.pace(); wait > 0 {
			t.timer.Reset(wait)
			select {
			case <-t.quit:
				return
			case c := <-t.cmds:
				t.applyAll(c)
			case <-t.timer.C:
			}
			continue
		}
		t.trainEpoch()
		select {
		case <-t.quit:
			return
		case c := <-t.cmds:
			t.applyAll(c)
			continue
		default:
		}
		if t.state != Running || time.Since(t.lastPub) >= publishEvery {
			t.publish()
		}
	}
}

// applyAll applies c and every command already queued behind it, then
// publishes the result.
func (t *Trainer) applyAll(c Command) {
	t.failed = false
	c.apply(t)
	for {
		select {
		case c := <-t.cmds:
			t.failed = false
			c.apply(t)
		default:
			t.publish()
			return
		}
	}
}

// pace returns how long to wait before the next epoch at the chosen speed.
func (t *Trainer) pace() time.Duration {
	r := speeds[t.speed]
	if r == 0 {
		return 0
	}
	now := time.Now()
	period := time.Duration(float64(time.Second) / r)
	if t.nextEpoch.IsZero() || now.Sub(t.nextEpoch) > period {
		t.nextEpoch = now // fell behind (or just resumed): no burst to catch up
	}
	if wait := t.nextEpoch.Sub(now); wait > 0 {
		return wait
	}
	t.nextEpoch = t.nextEpoch.Add(period)
	return 0
}

// trainEpoch trains one epoch and moves the state on: Done at the planned
// epoch, Diverged on a non-finite value. Every epoch goes to the log, a
// diverged one too, as headless --log has it; good ones may be kept for a
// roll-back.
func (t *Trainer) trainEpoch() {
	s, err := t.gan.TrainEpoch()
	t.changed()
	t.log.add(s)
	if err != nil {
		t.diverge(err)
		return
	}
	t.last = s
	t.hist.Add(s)
	t.maybeKeep()
	if t.state == Running {
		t.runEpochs++
	}
	if !t.pastPlan && s.Epoch >= t.cfg.Epochs {
		t.failed = false
		t.note = fmt.Sprintf("done: %s epochs", fmtInt(t.cfg.Epochs))
		if t.state == Running {
			wall := t.runWall + time.Since(t.runStart)
			t.note += fmt.Sprintf(" in %.1f s (%s ep/s)", wall.Seconds(), fmtInt(int(math.Round(t.avgRate()))))
		}
		t.note += " · space or n continues · r or R starts a new run"
		t.setState(Done)
	}
}

// changed records that the model is no longer what was last evaluated.
func (t *Trainer) changed() {
	t.version++
	t.evalOK = false
}

// setState moves the run to state s, keeping the running-time account
// behind the average speed reported at the end of the plan.
func (t *Trainer) setState(s State) {
	now := time.Now()
	if t.state == Running && s != Running {
		t.runWall += now.Sub(t.runStart)
	}
	if s == Running && t.state != Running {
		t.runStart = now
	}
	t.state = s
}

// avgRate is the run's epochs per second of running wall time, evaluations
// and contention with the screen included.
func (t *Trainer) avgRate() float64 {
	wall := t.runWall
	if t.state == Running {
		wall += time.Since(t.runStart)
	}
	if wall <= 0 {
		return 0
	}
	return float64(t.runEpochs) / wall.Seconds()
}

func (t *Trainer) diverge(err error) {
	var d *engine.DivergedError
	if !errors.As(err, &d) {
		d = &engine.DivergedError{Epoch: t.gan.Epoch(), What: err.Error()}
	}
	t.setState(Diverged)
	t.err, t.note, t.failed = d, "", false
}

// warn sets a note that reports a failure.
func (t *Trainer) warn(note string) { t.note, t.failed = note, true }

// publish sends a fresh snapshot, evaluating the generator first if it has
// changed since the last evaluation. A snapshot the UI has not taken yet is
// dropped in favour of this one.
func (t *Trainer) publish() {
	now := time.Now()
	t.updateRate(now)
	t.lastPub = now
	if !t.evalOK && t.state != Diverged && (t.state != Running || now.Sub(t.lastEval) >= evalEvery) {
		t.evaluate()
		t.lastEval = now
	}
	s := Snapshot{
		Run:     t.run,
		Preset:  t.cfg.Name,
		Design:  append([]string{t.cfg.Description, "source: " + t.cfg.Source}, t.cfg.Outline()...),
		Target:  targetInfo(t.gan.Target()),
		Loss:    t.cfg.Loss,
		GLoss:   t.cfg.GLoss,
		Seed:    t.gan.Seed(),
		State:   t.state,
		Err:     t.err,
		Epoch:   t.gan.Epoch(),
		Planned: t.cfg.Epochs,
		Rate:    t.rate,

		Rollback: -1, // unless rollbackTarget says otherwise, below

		Settings: Settings{
			DLR: t.cfg.DLR, GLR: t.cfg.GLR,
			DSteps: t.cfg.DSteps, GSteps: t.cfg.GSteps,
			Speed: t.speed,
		},
		Last:    t.last,
		History: t.hist.Points(make([]Point, 0, t.hist.Len())),
		Stride:  t.hist.Stride(),
		From:    t.from,
		Eval:    t.eval,
		Note:    t.note,
		Failed:  t.failed,
	}
	if g, ok := t.rollbackTarget(); ok {
		s.Rollback = g.epoch
	}
	for {
		select {
		case t.snaps <- s:
			return
		default:
		}
		select {
		case <-t.snaps: // stale: the UI has not taken it yet
		default:
		}
	}
}

// updateRate smooths epochs/s over about a second of running time.
func (t *Trainer) updateRate(now time.Time) {
	epoch := t.gan.Epoch()
	if t.state != Running {
		t.rate, t.rateT = 0, time.Time{}
		return
	}
	if t.rateT.IsZero() {
		t.rateT, t.rateEpoch = now, epoch
		return
	}
	dt := now.Sub(t.rateT).Seconds()
	if dt < 0.02 {
		return
	}
	inst := float64(epoch-t.rateEpoch) / dt
	if t.rate == 0 {
		t.rate = inst
	} else {
		a := 1 - math.Exp(-dt) // time constant 1 s
		t.rate += a * (inst - t.rate)
	}
	t.rateT, t.rateEpoch = now, epoch
}

// evaluate measures fresh samples and D's curve over the histogram's range.
// Every slice in the result is newly allocated.
func (t *Trainer) evaluate() {
	lo, hi := histRange(t.gan.Target())
	m := t.gan.Evaluate(t.samples, engine.HistSpec{Bins: t.bins, Lo: lo, Hi: hi})
	e := Eval{Seq: t.version, Epoch: t.gan.Epoch(), Metrics: m}
	curve := make([]float64, t.bins)
	w := (hi - lo) / float64(t.bins)
	if t.gan.DCurve(curve, lo+w/2, hi-w/2) {
		e.DCurve = curve
	} else {
		e.NoCurve = noCurveReason(t.cfg)
	}
	t.eval, t.evalOK = e, true
}

// histRange is the histogram's fixed x-range: the target's mean ± 4σ, cut
// half a σ outside a bounded support.
func histRange(tg engine.Target) (lo, hi float64) {
	mu, sd := tg.Mean(), tg.StdDev()
	lo, hi = mu-4*sd, mu+4*sd
	if q := tg.Quantile(0); !math.IsInf(q, 0) && !math.IsNaN(q) {
		lo = math.Max(lo, q-sd/2)
	}
	if q := tg.Quantile(1); !math.IsInf(q, 0) && !math.IsNaN(q) {
		hi = math.Min(hi, q+sd/2)
	}
	return lo, hi
}

// noCurveReason says in one short line why D has no per-sample curve.
func noCurveReason(cfg engine.Config) string {
	switch cfg.DInput {
	case engine.DInputMoments:
		return fmt.Sprintf("no D(x) curve: D sees only 4 moments of %d samples", cfg.DIn)
	case engine.DInputDiffs:
		return fmt.Sprintf("no D(x) curve: D judges %d samples and spreads at once", cfg.DIn)
	}
	return fmt.Sprintf("no D(x) curve: D judges a whole row of %d at once", cfg.DIn)
}

// newRun replaces the model with a fresh one from seed and the current
// settings, clearing the histories and the states kept for a roll-back.
// A paused run stays paused at epoch 0.
func (t *Trainer) newRun(seed uint64) error {
	gan, err := engine.New(t.cfg, seed)
	if err != nil {
		return err
	}
	t.gan = gan
	t.run++
	t.hist = NewHistory(historyPoints)
	t.from = 0
	t.log.reset(0)
	t.last = engine.EpochStats{}
	t.eval = Eval{}
	t.changed()
	t.err = nil
	t.pastPlan = false
	t.runWall, t.runEpochs = 0, 0
	t.runStart = time.Now()
	if t.state != Paused {
		t.setState(Running)
	}
	clear(t.kept)
	t.kept = t.kept[:0]
	t.keep()
	return nil
}

// stepping reports whether single steps are allowed now, setting a note
// that explains why not.
func (t *Trainer) stepping(what string) bool {
	switch t.state {
	case Running:
		t.note = what + " works while paused: press space to pause first"
		return false
	case Diverged:
		t.note = divergedHint
		return false
	}
	if t.state == Done {
		t.pastPlan = true
		t.setState(Paused)
	}
	return true
}

// divergedHint is the note for keys that cannot act on a diverged run.
const divergedHint = "the run diverged: u rolls back to a good state, r starts a new seed, R reruns this one"

func (TogglePause) apply(t *Trainer) {
	switch t.state {
	case Running:
		t.setState(Paused)
		t.note = "paused: n trains one epoch, d or g one player's update"
	case Paused:
		t.setState(Running)
		t.note = ""
	case Done:
		t.setState(Running)
		t.pastPlan = true
		t.note = "continuing past the plan"
	case Diverged:
		t.note = divergedHint
	}
}

func (c Step) apply(t *Trainer) {
	switch c.Kind {
	case StepEpoch:
		if !t.stepping("n (one epoch)") {
			return
		}
		t.trainEpoch()
		if t.state == Paused {
			t.note = fmt.Sprintf("epoch %d: D real %.4f, D fake %.4f, G %.4f", t.last.Epoch, t.last.DReal, t.last.DFake, t.last.G)
		}
	case StepD:
		if !t.stepping("d (one discriminator update)") {
			return
		}
		r, f := t.gan.StepD()
		t.changed()
		if err := t.checkStep(r, f, "D's loss"); err != nil {
			t.diverge(err)
			return
		}
		t.note = fmt.Sprintf("one D update: loss on real %.4f, on fake %.4f (G unchanged)", r, f)
	case StepG:
		if !t.stepping("g (one generator update)") {
			return
		}
		g := t.gan.StepG()
		t.changed()
		if err := t.checkStep(g, g, "G's loss"); err != nil {
			t.diverge(err)
			return
		}
		t.note = fmt.Sprintf("one G update: loss %.4f (D unchanged)", g)
	}
}

// checkStep returns a divergence error if a single update produced a
// non-finite loss or weight.
func (t *Trainer) checkStep(a, b float64, what string) error {
	if math.IsNaN(a+b) || math.IsInf(a+b, 0) {
		return &engine.DivergedError{Epoch: t.gan.Epoch(), What: what}
	}
	return t.gan.Check()
}

func (c Adjust) apply(t *Trainer) {
	var name, from, to string
	var err error
	switch c.Setting {
	case DLR:
		v := stepLR(t.cfg.DLR, c.Dir)
		name, from, to = "D lr", formatLR(t.cfg.DLR), formatLR(v)
		if err = t.gan.SetLR(engine.D, v); err == nil {
			t.cfg.DLR = v
		}
	case GLR:
		v := stepLR(t.cfg.GLR, c.Dir)
		name, from, to = "G lr", formatLR(t.cfg.GLR), formatLR(v)
		if err = t.gan.SetLR(engine.G, v); err == nil {
			t.cfg.GLR = v
		}
	case DSteps:
		v := stepCount(t.cfg.DSteps, c.Dir)
		name, from, to = "D steps", fmt.Sprint(t.cfg.DSteps), fmt.Sprint(v)
		if err = t.gan.SetSteps(engine.D, v); err == nil {
			t.cfg.DSteps = v
		}
	case GSteps:
		v := stepCount(t.cfg.GSteps, c.Dir)
		name, from, to = "G steps", fmt.Sprint(t.cfg.GSteps), fmt.Sprint(v)
		if err = t.gan.SetSteps(engine.G, v); err == nil {
			t.cfg.GSteps = v
		}
	case Speed:
		v := stepSpeed(t.speed, c.Dir)
		name, from, to = "speed", speedName(t.speed), speedName(v)
		t.speed, t.nextEpoch = v, time.Time{}
		t.rate, t.rateT = 0, time.Time{} // measure the new speed afresh
	default:
		return
	}
	switch {
	case err != nil:
		t.warn(err.Error())
	case from == to:
		t.note = fmt.Sprintf("%s stays at %s, the end of its range", name, to)
	case c.Setting == Speed:
		t.note = fmt.Sprintf("speed %s → %s", from, to)
	default:
		t.note = fmt.Sprintf("%s %s → %s from the next epoch", name, from, to)
	}
}

func (Reseed) apply(t *Trainer) {
	seed := t.gan.Seed()
	for seed == t.gan.Seed() {
		seed = 1 + t.seeds.Uint64N(999_999)
	}
	if err := t.newRun(seed); err != nil {
		t.warn(err.Error())
		return
	}
	t.note = fmt.Sprintf("new seed %d: fresh weights, history cleared", seed)
}

func (Restart) apply(t *Trainer) {
	if err := t.newRun(t.gan.Seed()); err != nil {
		t.warn(err.Error())
		return
	}
	t.note = fmt.Sprintf("restarted from seed %d", t.gan.Seed())
}

func (c HistBins) apply(t *Trainer) {
	n := min(maxBins, max(minBins, c.N))
	if n != t.bins {
		t.bins, t.evalOK = n, false
	}
}
