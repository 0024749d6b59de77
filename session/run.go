package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
)

// Progress is what Run reports every Options.Every epochs: the epoch's
// stats and an evaluation of the generator on fresh samples.
type Progress struct {
	Stats   engine.EpochStats
	Metrics engine.Metrics
}

// Line is the progress line ganui --headless prints: the epoch's losses
// and batch moments, then the distances of fresh samples to the target,
// named as the final line names them: KS and W1 (W1 still tells how far
// G is where KS sits near 1, its samples nowhere near the target's), or
// on a plane the sliced W1. The moments, of the epoch's last generated
// batch, are named so, batch_mean= and batch_std= (batch_mean_x= … on a
// plane), apart from the final line's mean= and std=, of fresh samples:
// a key the two lines share reads alike at the same evaluation, where at
// a run's last epoch bimodal seed 4's progress line said mean=-2.071 and
// its final line mean=-1.891.
func (p Progress) Line() string {
	s := p.Stats
	penalty := ""
	if s.Penalty != 0 {
		penalty = " penalty=" + numtext.Measure(s.Penalty)
	}
	head := fmt.Sprintf("epoch=%d d_real=%s d_fake=%s g=%s%s", s.Epoch, numtext.Measure(s.DReal), numtext.Measure(s.DFake), numtext.Measure(s.G), penalty)
	if pm := p.Metrics.Plane; pm != nil {
		return fmt.Sprintf("%s batch_mean_x=%s batch_std_x=%s batch_mean_y=%s batch_std_y=%s sw1=%s%s", head,
			numtext.Measure(s.Mean), numtext.Measure(s.Std), numtext.Measure(s.MeanY), numtext.Measure(s.StdY), numtext.Measure(pm.SW1), modesField(p.Metrics, false))
	}
	return fmt.Sprintf("%s batch_mean=%s batch_std=%s ks=%s w1=%s%s", head,
		numtext.Measure(s.Mean), numtext.Measure(s.Std), numtext.Measure(p.Metrics.KS), numtext.Measure(p.Metrics.W1), modesField(p.Metrics, false))
}

// Result is how a run ended.
type Result struct {
	// Preset is the name of the preset the run started from, and Changes
	// the settings of the design that differ from it (a --set, a key of
	// the trainer; a name --set gave, but not the description and source,
	// which train nothing): together they say which design was trained
	// (designOf).
	Preset  string
	Changes []Change
	// Samples is the evaluations' sample size where it is not the
	// default (namedSamples), 0 where it is: --samples, which the line
	// names after the design, as Again's command does.
	Samples int
	Seed    uint64
	Epochs  int   // epochs completed
	State   State // Done, Diverged or Interrupted
	Err     *Divergence
	// Metrics evaluates the generator as the run ended, on fresh samples.
	Metrics engine.Metrics
	// Earlier says that Metrics are not of the run's end: its final
	// evaluation given up (ResultUntil), they are the screen's last
	// evaluation (a headless run's: its latest progress line's, Run), of
	// epoch Measured, or none at all (Measured -1, the
	// metrics left out of the line). The line names that epoch,
	// measured_at=2 or measured_at=none.
	Earlier  bool
	Measured int
	// Evals are the checks' evaluations over the run, oldest first (as
	// Picture.Evals), then Metrics at Epochs where that is no check's
	// epoch: the run's quality over its epochs, which a --seeds batch's
	// figure draws a curve of for each seed.
	Evals []EvalPoint
	// FinalInEvals says that Evals' last point is Metrics, measured on
	// the run's sample size (--samples), not a check's CheckSize: read
	// against a check's noise floor, as a curve of the checks is, it
	// stands lower than a check there would.
	FinalInEvals bool
	// CheckNoise is each measure's noise floor at a check's sample size
	// (Snapshot.CheckNoise), what Evals' checks read against: the
	// final line's floor is at Samples, which a check's 2,000 (2,500 on
	// a plane) do not come down to.
	CheckNoise EvalPoint
	// Findings is the diagnosis as the run ended, of Metrics and D's
	// averaged losses: what the screen's diagnosis would say of it.
	Findings []Finding
	// Pending are those of Findings whose start is no event yet, as
	// Snapshot.Pending gives them (FindingLines).
	Pending []Pending
	// EpochsPerS is the training throughput, evaluations excluded: the
	// epochs trained in this process, since the run began (r and R begin a
	// new one), over TrainS, the time the clock counted training them.
	// It is what the machine trains the design at, whatever the pace: a
	// trainer's run at speed 500/s, whose header read 470 ep/s, prints
	// epochs_per_s=1404.5. With no such time (Untimed) it is 0: the
	// line says epochs_per_s=0.0, never NaN, which a script reading the
	// line as numbers would have to special-case.
	EpochsPerS float64
	// Untimed reports a run the clock counted no training time for: no
	// epoch trained (a run stopped before its first, a resumed one quit
	// before its first since), or every one on a held clock (Clock: a run
	// of a batch begun and ended between a continue and its SIGCONT being
	// told, wall_s=0.000). Its EpochsPerS, 0, is no measured rate, and a
	// batch's summary leaves it out of the rate's median and range
	// (nan=1/5), where its 0 would drag the range to 0.
	Untimed bool
	// TrainS is the seconds spent training epochs in this process since
	// the run began: evaluations, output, the pace's waits, the trainer's
	// pauses and stops left out. It is the time to compare runs by, as a
	// run paused for a minute trained no longer; EpochsPerS is the epochs
	// over it.
	TrainS float64
	WallS  float64 // the whole run in this process (from r or R, a new run's), evaluations, output and the trainer's pauses included
}

// Line is the run's one-line key=value summary, the last line ganui
// prints for it. The design's Changes follow its preset, each as its key
// (preset=vanilla g_lr=1e-3 seed=1 …), as a sweep's row names its cell,
// then the evaluations' sample size where it is not the default
// (preset=vanilla samples=1000 seed=1 …).
// A diverged run says how at the end: divergence=nan (a value not
// finite) or divergence=runaway.
func (r Result) Line() string { return joinFields(r.fields(0, 0), false) }

// FindingLines are the headless lines of r's diagnosis, one a finding
// (Finding.Line), in its order. The line of a finding whose start is
// no event yet ends with a pending field, the screen's note of it
// (Pending.Note): finding kind=d-wins text="…" detail="…" pending="new at
// epoch 250: an event if it holds at 260", so that a script reading the
// lines can tell such a finding from one the events have.
//
// A run done with its plan where no finding holds, but G is far from its
// target or not near it, ends with the screen's verdict (Verdict) as a
// line of the same form, so that a script reading the finding lines does
// not take their silence for a run gone well: finding kind=not-near
// text="No finding holds, but G is not near the target" detail="KS
// 0.185, over 0.091; 3× the 95% bound 0.030 of 2,000 samples; …".
func (r Result) FindingLines() []string {
	lines := make([]string, len(r.Findings), len(r.Findings)+1)
	for i, f := range r.Findings {
		lines[i] = f.Line()
		if p, ok := pendingOf(r.Pending, f.Kind); ok && p.Note() != "" {
			lines[i] += fmt.Sprintf(" pending=%q", numtext.Plain(p.Note()))
		}
	}
	if kind, text, detail := r.Verdict(); kind != "" {
		lines = append(lines, fmt.Sprintf("finding kind=%s text=%q detail=%q", kind, numtext.Plain(text), numtext.Plain(detail)))
	}
	return lines
}

// Verdict is what the screen says of a run done with its plan where no
// finding holds and G has not come near its target: far from it
// (Eval.Far, kind "far") or not near it (Eval.NotNear, "not-near"), the
// text in the screen's words and the detail its measurement; "" for a
// run with a finding, not done (stopped short, diverged), or near.
// Measured on the run's own final evaluation only: an earlier one
// (Earlier) is no verdict on where the run ended.
func (r Result) Verdict() (kind, text, detail string) {
	if r.State != Done || len(r.Findings) > 0 || r.Earlier || r.Epochs == 0 {
		return "", "", ""
	}
	e := Eval{Epoch: r.Epochs, Metrics: r.Metrics, KSFloor: engine.KSNoiseFloor(r.Metrics.N)}
	if far, why := e.Far(r.CheckNoise); far {
		if floor := e.FarFloor(r.CheckNoise); floor != "" {
			why += "; " + floor
		}
		return "far", "No finding holds, but G is far from the target", why
	}
	if notNear, why, floor := e.NotNear(r.CheckNoise); notNear {
		if floor != "" {
			why += "; " + floor
		}
		return "not-near", "No finding holds, but G is not near the target", why
	}
	return "", "", ""
}

// columnLine is Line with each field but the last padded to the most it
// can take, so that the lines of a batch's runs, printed one by one as
// they finish, stand in columns, as a sweep's rows do: seedDigits and
// epochDigits are the most digits of a seed and of an epoch count among
// them. The padding is spaces after a field, so that splitting the line
// at its spaces still gives its key=value fields.
func (r Result) columnLine(seedDigits, epochDigits int) string {
	return joinFields(r.fields(seedDigits, epochDigits), true)
}

// fields are the fields of r's line (Line), each with its width for
// columnLine.
func (r Result) fields(seedDigits, epochDigits int) []lineField {
	m := r.Metrics
	fs := []lineField{
		{"final", 0},
		{"preset=" + DesignText(r.Preset, r.Changes), 0}, // one design a batch
	}
	if r.Samples > 0 { // one sample size a batch
		fs = append(fs, lineField{"samples=" + strconv.Itoa(r.Samples), 0})
	}
	fs = append(fs, []lineField{
		{"seed=" + strconv.FormatUint(r.Seed, 10), len("seed=") + seedDigits},
		{"epochs=" + strconv.Itoa(r.Epochs), len("epochs=") + epochDigits},
		{"state=" + r.State.String(), len("state=") + len(Interrupted.String())},
	}...)
	unmeasured := r.Earlier && r.Measured < 0
	switch {
	case unmeasured: // no figures, which would read as measures
		fs = append(fs, lineField{"measured_at=none", 0})
	case r.Earlier:
		fs = append(fs, lineField{"measured_at=" + strconv.Itoa(r.Measured), 0})
	}
	switch pm := m.Plane; {
	case unmeasured:
	case pm != nil:
		fs = append(fs, measured("mean_x", pm.MeanX), measured("std_x", pm.StdX), measured("mean_y", pm.MeanY), measured("std_y", pm.StdY),
			measured("sw1", pm.SW1), measured("sw1_floor", pm.SW1Floor))
	default:
		fs = append(fs, measured("mean", m.Mean), measured("std", m.Std), measured("skew", m.Skew), measured("kurt", m.Kurt),
			measured("ks", m.KS), measured("w1", m.W1))
		if m.RowWidth > 1 { // zdep: one sample a draw scores 1 by construction, which says nothing; a NaN sample shows in every other field
			fs = append(fs, measured("zdep", m.ZDep))
		}
	}
	if !unmeasured {
		fs = append(fs, modeFields(m, true)...)
	}
	fs = append(fs, rate("epochs_per_s", r.EpochsPerS), seconds("train_s", r.TrainS), seconds("wall_s", r.WallS))
	if r.Err != nil {
		how := "nan"
		if r.Err.Runaway != "" {
			how = "runaway"
		}
		fs = append(fs, lineField{"divergence=" + how, 0})
	}
	return fs
}

// lineField is one field of a key=value line, key=value, and the most
// characters it can take, which a column of such lines pads it to.
type lineField struct {
	text  string
	width int
}

// seconds is the field key=v of a time, v written by numtext.Seconds
// (1.207, 0.000352), in a figure's width.
func seconds(key string, v float64) lineField {
	return lineField{key + "=" + numtext.Seconds(v), len(key) + 2 + numtext.FigureWidth}
}

// rate is the field key=v of a rate, v written by numtext.Rate (0.213,
// 2500.3), in a figure's width.
func rate(key string, v float64) lineField {
	return lineField{key + "=" + numtext.Rate(v), len(key) + 2 + numtext.FigureWidth}
}

// measured is a measure's field (a moment, a distance, a share, the
// noise use), key=value, its value as numtext.Measure writes it, the
// screen's digits, in a figure's width.
func measured(key string, v float64) lineField {
	return lineField{key + "=" + numtext.Measure(v), len(key) + 2 + numtext.FigureWidth}
}

// joinFields writes fs as a line, a space between fields; padded, each
// field but the last followed by the spaces that make up its width.
func joinFields(fs []lineField, padded bool) string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f.text)
		if padded && i < len(fs)-1 {
			b.WriteString(strings.Repeat(" ", max(0, f.width-len(f.text))))
		}
	}
	return b.String()
}

// LineValue writes a value of a key=value line, for Result's lines and
// those front ends print beside them: as it is, or quoted (Go
// syntax, as an event's detail) when a space, '=', a quote or anything
// unprintable in it would let it be read as more than one field: a preset
// named "x state=done" must not add a state to the line. An apostrophe
// or a backslash is quoted too, for a script reads the line as a shell
// would (Python's shlex.split), where a bare bob's opens a quote that
// never closes and a bare C:\data.csv loses its backslash.
func LineValue(v string) string {
	if v == "" || strings.ContainsFunc(v, func(r rune) bool {
		return r == ' ' || r == '=' || r == '"' || r == '\'' || r == '\\' || !unicode.IsPrint(r)
	}) {
		return strconv.Quote(v)
	}
	return v
}

// modesField reports mode coverage against a target of modes as
// " modes=covered/all" (for a plane, the modes captured and then the
// high-quality share as " hq="), with each mode's share of the samples
// when shares is set; it is empty for other targets.
func modesField(m engine.Metrics, shares bool) string {
	var b strings.Builder
	for _, f := range modeFields(m, shares) {
		b.WriteString(" " + f.text)
	}
	return b.String()
}

// modeFields are modesField's fields. The shares, each at most 1 and
// written as every measure of the line, take at most 6 characters each
// (0.250, 1.000, 0.0003 where three decimals would write 0.000) unless
// a sample of over 10,000 lets one fall under 1e-4, into the exponent
// form's numtext.FigureWidth: their list is as wide as its shares can
// be, not numtext.FigureWidth a share, which would pad a grid's 25 with
// 75 spaces no share of 2,500 samples takes.
func modeFields(m engine.Metrics, shares bool) []lineField {
	modes := modeCoverage(m)
	if len(modes) < 2 {
		return nil
	}
	k := len(modes)
	fs := []lineField{{fmt.Sprintf("modes=%d/%d", coveredModes(modes), k), len("modes=") + 2*len(strconv.Itoa(k)) + 1}}
	if m.Plane != nil {
		fs = append(fs, measured("hq", m.Plane.HighQuality))
	}
	if shares {
		parts := make([]string, k)
		for i, c := range modes {
			parts[i] = numtext.Measure(c.Share) // as every measure of the line
		}
		share := len("0.0000")
		if m.N > 10_000 {
			share = numtext.FigureWidth
		}
		fs = append(fs, lineField{"mode_share=" + strings.Join(parts, ","), len("mode_share=") + k*share + k - 1})
	}
	return fs
}

// Run trains the session to the end of its plan in the calling goroutine,
// with no pacing, until it is done, diverges or ctx is cancelled; every
// Options.Every epochs it evaluates the generator and passes the
// result to progress, if not nil, but for the epoch it diverges on,
// which its event and the final evaluation tell (a NaN's losses and
// generator give no figures a line would use); the final evaluation,
// of the run's end, is that of the last epoch's progress line where
// there is one.
// Every epoch goes to Options.LogPath as it is trained, with the
// evaluation of each check (checkEvery) in its evaluation columns. At the
// end, before the final evaluation, the log is closed and, unless the run
// diverged, the checkpoint written to Options.SavePath, into the room New
// reserved for it (reserveSave); where the final evaluation adds an event
// to what they hold, they are written again after it (amendFiles).
//
// The Result is always complete, whatever the error; the error reports a
// file that could not be written, and the run's numbers are still in the
// Result. Run is for a session that is not started; it closes its files,
// so the session is finished with afterwards.
func (s *Session) Run(ctx context.Context, progress func(Progress)) (Result, error) {
	defer s.Stop()
	s.runStop = ctx.Done() // the checks' stop too (checkStop)
	s.setState(Running)
	every := s.opts.Every
	var shown Progress   // the latest progress line's, for a final evaluation given up
	first := s.opts.Pace // told of the first epochs' pace alone (timing)
	var timed timing
	for s.state == Running && s.gan.Epoch() < s.planned {
		if ctx.Err() != nil {
			s.setState(Interrupted)
			break
		}
		busy := s.busy
		s.trainEpoch()
		if first != nil && s.state != Diverged && ctx.Err() == nil { // stopping, its next line is now
			if p, ok := timed.add(s.last.Epoch, s.busy-busy, every, s.planned); ok {
				p.Each = eachEpoch(s.gan.Config(), p.Epoch, p.Plan, p.Took, p.Epochs)
				first(p)
				first = nil
			}
		}
		if every > 0 && s.state != Diverged && s.last.Epoch%every == 0 {
			s.evaluating(false, ctx.Done())
			// Given up once ctx is cancelled: the run stops after this
			// epoch, and a wide design's evaluation takes minutes.
			m, ok := evaluateUntil(s.gan, s.opts.Samples, engine.HistSpec{}, ctx.Done())
			if s.csv != nil {
				s.csv.flush()
			}
			if ok && progress != nil {
				shown = Progress{s.last, m}
				progress(shown)
			}
		}
	}
	if s.state == Running {
		s.setState(Done) // planned for no more epochs than it had
	}
	// Training is over: a stop from now on, told so (Options.OnTrained), gives the
	// final evaluation up; one that came before has the run's end
	// measured, as the run stopped for it, unless Options.FinalStop
	// gives it up.
	var stop <-chan struct{}
	if s.opts.OnTrained != nil {
		stop = s.opts.FinalStop
		if !s.opts.OnTrained() {
			stop = ctx.Done()
		}
	}
	// The files first, then the final evaluation, which takes seconds on a
	// wide design, minutes for --samples 10000000: a second signal
	// meanwhile, quitting at once, or a supervisor's kill finds them
	// written. Where that evaluation adds to what they hold, a done run's
	// open noise-floor episode ended at its end (settleFloor), they are
	// written again after it, each whole or not at all (amendFiles), so
	// that the log's last row and the checkpoint's events hold the
	// noise-floor-ended its event line gives, and a --resume or a figure
	// of them has it too; a kill meanwhile leaves them as first written.
	saved, err := s.writeFiles()
	if s.opts.OnWritten != nil {
		s.opts.OnWritten()
	}
	open := s.floorOpenAtDone()
	var r Result
	if shown.Metrics.N > 0 && shown.Stats.Epoch == s.gan.Epoch() {
		// The last epoch's progress line measured the same generator on
		// the same samples (Evaluate's stream is the epoch's, their count
		// --samples): its measures are the final line's, where
		// evaluating them again doubled a --samples 10000000 run's time.
		r = s.result(nil, &shown.Metrics)
	} else {
		s.evaluating(true, stop)
		r = s.ResultUntil(stop)
		if r.Earlier && r.Measured < 0 && shown.Metrics.N > 0 { // no screen: the latest progress line's evaluation
			r.Metrics, r.Measured = shown.Metrics, shown.Stats.Epoch
		}
	}
	if open && !s.floorOpenAtDone() {
		err = s.amendFiles(err, saved)
		r.WallS = s.clock.Since(s.started).Seconds() // their writing again counted too
	}
	return r, err
}

// writeFiles writes a run's files as Run ends, before its final
// evaluation: the log closed, its last rows flushed, and, unless the run
// diverged, the checkpoint into the room New reserved for it
// (reserveSave). A failed log loses no checkpoint. It reports whether the
// checkpoint was written, which amendFiles writes again.
func (s *Session) writeFiles() (saved bool, err error) {
	if s.csv != nil {
		err = s.WithOutput(err, "--log", s.csv.close())
	}
	if s.opts.SavePath != "" && s.state != Diverged {
		serr := s.writeRecord(s.saveRoom, s.runRecord())
		saved = serr == nil
		err = s.WithOutput(err, "--save", serr)
	}
	return saved, err
}

// amendFiles writes again, after the final evaluation, those of a run's
// files writeFiles wrote (saved: the checkpoint) that the evaluation has
// added to (its noise-floor-ended, Run): the log with its last row's new
// event (csvFile.amend), the checkpoint with its record's, each whole
// into a hidden file renamed over the first (the checkpoint in room of
// its own, made first as reserveSave makes it), so that a kill or a
// failure meanwhile leaves the file as first written. Its errors join
// err, each saying what the file still holds.
func (s *Session) amendFiles(err error, saved bool) error {
	if s.csv != nil {
		err = s.WithOutput(err, "--log", s.csv.amend())
	}
	if !saved {
		return err
	}
	rec := s.runRecord()
	size, serr := s.gan.CheckpointSize(len(rec))
	var room *outputfile.Reservation
	if serr == nil {
		room, serr = reserve(s.opts.SavePath, checkpointPerm, checkpointKind, size)
	}
	if serr == nil {
		serr = s.writeRecord(room, rec)
	}
	if serr != nil {
		serr = fmt.Errorf("%w; %s is left as written before the final evaluation, without the event it added (noise-floor-ended)", serr, shellword.Quote(s.opts.SavePath))
	}
	return s.WithOutput(err, "--save", serr)
}

// writeRecord writes the run's checkpoint with its record rec into room.
func (s *Session) writeRecord(room *outputfile.Reservation, rec []byte) error {
	err := room.Write(func(w io.Writer) error { return s.gan.WriteCheckpoint(w, rec) }, nil)
	if ke := (*outputfile.KeptError)(nil); errors.As(err, &ke) {
		ke.Contents, ke.Use = "the checkpoint", ", which --resume goes on from"
	}
	return err
}

// evaluateUntil is the evaluation Run's progress lines and its final
// line make, (*engine.GAN).EvaluateUntil: a test counts them through it.
var evaluateUntil = (*engine.GAN).EvaluateUntil

// Pace is what Run tells Options.Pace, as it trains, of how long its
// next line is in coming: the pace its first epochs trained at, or that
// an evaluation begins (Evaluating).
//
// Its pace is told once, at epoch Epoch, before that epoch's progress
// line: Took an epoch, the time the clock counted training (Result.TrainS's)
// of the Epochs epochs up to Epoch, averaged. A front end that prints a
// line every Every epochs of a plan of Plan can say when the first
// comes, which on a wide design is minutes or hours away. The first
// epoch a run trains carries one-off costs (its memory's first touch, a
// busy machine's moment): a run of 5 ms epochs took 0.3 s over its first,
// at whose pace a --seeds batch of 4,000 epochs each was told "about 67
// minutes" and took under one. So the first epoch alone is told (Epochs
// 1) only where it took paceWindow or more, a wide design's, whose
// one-off costs are little beside it; else the epochs after it are timed
// until they have taken paceWindow between them, or the next line is an
// epoch away, whichever comes first, and told without the first
// (timing). Not after a divergence, which ends the run, nor once ctx is
// cancelled: the run stops after that epoch, and its final line comes
// now.
//
// An evaluation of its Options.Samples is told before it begins, a
// progress line's and the final line's (Final; none where the last
// epoch's progress line measured the run's end), with N, their count,
// and About, how long it takes at the pace of the latest check
// (checkEvery), its CheckSize samples' time scaled to N. Before the
// first check (--epochs 1, whose final evaluation comes before any check)
// Run measures that pace itself, on CheckSize samples of the epoch's
// stream, which changes nothing in the run (see evalPace); About is 0 where
// there is nothing to measure it by: N at most CheckSize, which takes no
// longer than the measure would, or a stop meanwhile. Drawing samples
// through G takes a time in proportion to their count: a wide design's
// check of 2,000 takes a second or so, and its evaluation of --samples
// 1000000 minutes, in which a front end that prints nothing meanwhile
// can say that it evaluates, and how long for.
//
// Options.Pace is called on Run's goroutine, which waits for it: what
// it prints comes before the evaluation it tells of begins.
type Pace struct {
	Evaluating bool // an evaluation begins: N, Final and About; else the first epoch is trained: Epoch and Took
	Plan       int  // the epochs the run is planned for, told with both
	Every      int  // Options.Every: a progress line every Every epochs, 0 for none

	Epoch  int
	Took   time.Duration // an epoch's, averaged over Epochs
	Epochs int           // the epochs timed, Epoch the last: 1 for the first epoch alone
	// Each is what an epoch of the rest of the plan takes at Took's
	// pace, on average: Took itself, but where D has a warm-up, Took per
	// update times the updates of an epoch to come, so that wgan's
	// epochs of D's warm-up, of 100 D steps, do not foretell the 5 of the
	// epochs after them at their own time ("the final line comes in
	// about 14 minutes", where it came in 40 s).
	Each time.Duration

	N     int
	Final bool
	About time.Duration
}

// paceWindow is how long Run times its first epochs before it tells
// Options.Pace their pace (Pace): long enough that a first epoch's
// one-off costs and a busy machine's moment weigh little, short beside
// the minute a front end waits before it says when its next line comes.
var paceWindow = time.Second

// timing is Run's measure of its first epochs' pace (Pace): the first
// epoch's time, then the epochs after it and the time they took.
type timing struct {
	begun bool // the first epoch is timed
	first time.Duration
	n     int
	took  time.Duration
}

// add counts epoch, trained in took, of a run with a line every every
// epochs (0: none) and a plan of plan, and reports the pace to tell, and
// whether to tell it now: the first epoch's where it took paceWindow or
// more; else the epochs' after it once they have taken paceWindow, or
// where the next line is at most an epoch away (or at this epoch), told
// as measured so far, the first epoch's where no other has trained.
func (t *timing) add(epoch int, took time.Duration, every, plan int) (Pace, bool) {
	p := Pace{Epoch: epoch, Plan: plan, Every: every}
	if !t.begun {
		t.begun, t.first = true, took
		if took >= paceWindow {
			p.Took, p.Epochs = took, 1
			return p, true
		}
	} else {
		t.n++
		t.took += took
	}
	lineNear := epoch+1 >= plan || every > 0 && (epoch%every == 0 || (epoch+1)%every == 0)
	if t.took < paceWindow && !lineNear {
		return p, false
	}
	if t.n == 0 {
		p.Took, p.Epochs = t.first, 1
		return p, true
	}
	p.Took, p.Epochs = t.took/time.Duration(t.n), t.n
	return p, true
}

// eachEpoch is Pace.Each: the time an epoch from epoch to plan takes
// on average, where the timed epochs up to epoch, the one just trained,
// took took each, each update of D and G taking as long (DStepsAt: D's
// warm-up's epochs have more).
func eachEpoch(cfg engine.Config, epoch, plan int, took time.Duration, timed int) time.Duration {
	if cfg.DWarmupSteps == 0 || timed < 1 || epoch < timed || plan <= epoch {
		return took
	}
	ahead := float64(updatesBetween(&cfg, epoch, plan)) / float64(plan-epoch)
	return time.Duration(float64(took) * float64(timed) * ahead / float64(updatesBetween(&cfg, epoch-timed, epoch)))
}

// updatesBetween counts D's and G's updates in the epochs that follow
// from epochs to to epochs trained, as DStepsAt gives D's, its warm-up's
// epochs (the first DWarmupEpochs and every DWarmupEvery-th, epoch 0
// among them) counted at once.
func updatesBetween(cfg *engine.Config, from, to int) int {
	warm := 0
	if cfg.DWarmupSteps > 0 {
		warm = max(0, min(to, cfg.DWarmupEpochs)-from)
		if k, lo := cfg.DWarmupEvery, max(from, cfg.DWarmupEpochs); k > 0 && lo < to {
			warm += (to+k-1)/k - (lo+k-1)/k // the multiples of k in [lo, to)
		}
	}
	return (to-from)*(cfg.DSteps+cfg.GSteps) + warm*(cfg.DWarmupSteps-cfg.DSteps)
}

// evaluating tells Options.Pace of the evaluation Run starts, a
// progress line's or the final line's (final); stop is that evaluation's,
// which gives up the measure of its pace too (evalPace).
func (s *Session) evaluating(final bool, stop <-chan struct{}) {
	if s.opts.Pace == nil {
		return
	}
	n := s.opts.Samples // New's default where not given
	var about time.Duration
	if s.checkN == 0 {
		s.evalPace(n, stop)
	}
	if s.checkN > 0 {
		about = time.Duration(float64(s.checkTook) * float64(n) / float64(s.checkN))
	}
	s.opts.Pace(Pace{Evaluating: true, Plan: s.planned, Every: s.opts.Every, N: n, Final: final, About: about})
}

// evalPace measures what a check would, where Run evaluates n samples before
// the first check: the time CheckSize samples of the epoch take (measure,
// no view), kept as the check's (checkN, checkTook) for the evaluations
// until the first check. --epochs 1 --samples 1000000 on a wide design
// evaluated for minutes with no word, its note having nothing to scale.
// The samples are drawn from the epoch's stream of its own, as every
// evaluation's, so the run trains and measures as it would without them.
// Nothing is measured where n is CheckSize or fewer, whose evaluation
// takes no longer than the measure, nor once stop is closed.
//
// It reuses none of the run's work, though its samples are the first
// CheckSize of the n the evaluation then draws (the same stream): the
// note must be out before that evaluation begins, and of what it times
// only the draw is the evaluation's too, whose measures (the sort, KS,
// W1) are of all n samples; to take the draw's start from the evaluation,
// engine's EvaluateUntil would draw in two parts and tell Pace between
// them, to save CheckSize samples of more than CheckSize. Nor may its
// measure stand as the epoch's check, which the schedule (checkEvery)
// does not have there: it would add a row to --log and a point to the
// run's history. Its cost is one check's, once a run, before the first
// check; a stop gives it up as it gives up a check (measure).
func (s *Session) evalPace(n int, stop <-chan struct{}) {
	k := CheckSize(s.gan.Plane() != nil)
	if n <= k {
		return
	}
	t0 := s.clock.Now()
	if _, ok := s.measure(false, stop); ok {
		s.checkN, s.checkTook = k, s.clock.Now().Sub(t0)
	}
}

// OutputsError is the files a run could not write at its end, each with
// the flag that named it: Run's --log and --save, and a headless run's
// --plot drawn after it (WithOutput). It is said in one line, each file's
// failure after its flag ("--log: …; --save: …"), but for files whose
// directory is the cause (an *outputfile.DirError: removed while ganui
// ran, made read-only), said once of them all, the flags first, with
// what went with it and how to have them: "--log, --save: the directory
// /tmp/x was removed while ganui ran, and run.csv with it: the history
// of epochs 1–20,000 is lost, and run.ckpt is not written; to write
// them, make the directory again, or give another, and run again". Each
// file's own error would say the directory again, and a removed log's
// twice, as it was removed and as it could not be put back.
type OutputsError struct {
	outs []outputError
	// again is what writes the files again once their directory takes
	// them (Session.again): "run again" where it is "" (a sweep's).
	again string
}

// outputError is a file not written, flag the flag that named it.
type outputError struct {
	flag string
	err  error
}

// WithOutput is err with ferr, the failure of flag's file, added after
// it: to err's files where it is an *OutputsError, else joined to it (a
// sweep's runs that failed); err as it is where ferr is nil.
func WithOutput(err error, flag string, ferr error) error {
	if ferr == nil {
		return err
	}
	out := outputError{flag, ferr}
	switch oe := err.(type) {
	case nil:
		return &OutputsError{outs: []outputError{out}}
	case *OutputsError:
		oe.outs = append(oe.outs, out)
		return oe
	}
	return errors.Join(err, &OutputsError{outs: []outputError{out}})
}

// WithOutput is the package's WithOutput of a file of s's run, whose
// error says what writes its files again (again): the same command, or
// where the run stopped short of its plan or resumed, what does.
func (s *Session) WithOutput(err error, flag string, ferr error) error {
	err = WithOutput(err, flag, ferr)
	if oe, ok := err.(*OutputsError); ok {
		oe.again = s.again()
	}
	return err
}

// Of is the error of the file flag named ("--save"), nil where it was
// written: for a caller that says more of one file's failure, as a
// headless run of a --save left whole (outputfile.UnplacedError) says
// the command that trains it on once it is moved.
func (e *OutputsError) Of(flag string) error {
	for _, o := range e.outs {
		if o.flag == flag {
			return o.err
		}
	}
	return nil
}

func (e *OutputsError) Unwrap() []error {
	errs := make([]error, len(e.outs))
	for i, o := range e.outs {
		errs[i] = o.err
	}
	return errs
}

func (e *OutputsError) Error() string {
	var parts []string
	said := make([]bool, len(e.outs))
	for i, o := range e.outs {
		if said[i] {
			continue
		}
		de := dirError(o.err)
		if de == nil {
			parts = append(parts, o.flag+": "+o.err.Error())
			continue
		}
		var flags, lost, unwritten, left []string
		var leftWhy error
		var whole []*outputfile.UnplacedError
		for j := i; j < len(e.outs); j++ {
			if d := dirError(e.outs[j].err); d != nil && d.Dir == de.Dir && d.Why == de.Why {
				said[j] = true
				flags = append(flags, e.outs[j].flag)
				if le := (*outputfile.LeftError)(nil); errors.As(e.outs[j].err, &le) {
					left, leftWhy = append(left, le.Temp), le.Why
				}
				ue := (*outputfile.UnplacedError)(nil)
				if ll := (*logLost)(nil); errors.As(e.outs[j].err, &ll) && d.RemovedWhile() {
					lost = append(lost, ", and "+d.File()+" with it: its history of "+ll.rows+" is lost")
				} else if ll != nil {
					lost = append(lost, ", and "+d.File()+", "+ll.what+" while the run wrote it, could not be put back: its history of "+ll.rows+" is lost")
				} else if errors.As(e.outs[j].err, &ue) {
					whole = append(whole, ue)
				} else {
					unwritten = append(unwritten, d.File())
				}
			}
		}
		text := strings.Join(flags, ", ") + ": " + notWrittenThere(de.Cause(), lost, unwritten, "", left, leftWhy, whole)
		if len(whole) == len(flags) { // all there, to put in place: none to write again
			parts = append(parts, text)
			continue
		}
		them := "it"
		if len(flags)-len(whole) > 1 {
			them = "them"
		}
		parts = append(parts, text+"; to write "+them+", "+e.remedy(de))
	}
	return strings.Join(parts, "; ")
}

// notWrittenThere says files not written for cause, one of their
// directory's, as a run's end (OutputsError) and the trainer's keys
// (notWritten) both say them: the cause, the files lost with it (lost:
// ", and run.csv with it: …"), ", so run.ckpt and run.png are not
// written", and the hidden temporary files left there, which it would
// not let be removed (outputfile.LeftError), named, the reason given
// (leftWhy); and last the files whose rename it refused, left whole in
// their hidden temporary files (whole, outputfile.UnplacedError), each
// named, with the command that puts them in place: ", so run.ckpt is
// not written there but left whole in its hidden temporary file
// /srv/out/.run.ckpt.tmp-decf0776, read-only, which no later write
// removes: once the directory is writable, test ! -d … && mv … && chmod
// 600 … puts it in place". mark brackets the clause of the files not written: a
// note's GivesWay, "" for none. What writes the files is the caller's
// to say.
func notWrittenThere(cause string, lost, unwritten []string, mark string, left []string, leftWhy error, whole []*outputfile.UnplacedError) string {
	text := cause + strings.Join(lost, "")
	if len(unwritten) > 0 {
		verb := " is not written"
		if len(unwritten) > 1 {
			verb = " are not written"
		}
		link := ", so "
		if len(lost) > 0 {
			link = ", and "
		}
		text += mark + link + numtext.List(unwritten, "and") + verb + mark
	}
	if len(left) == 1 {
		text += fmt.Sprintf(", and its hidden temporary file %s is left there, emptied (removing it: %v): remove it once you can", shellword.Quote(left[0]), leftWhy)
	} else if len(left) > 1 {
		text += fmt.Sprintf(", and their hidden temporary files %s are left there, emptied (removing them: %v): remove those once you can", numtext.List(quoted(left), "and"), leftWhy)
	}
	if len(whole) > 0 {
		text += leftWhole(whole, len(lost)+len(unwritten) > 0)
	}
	return text
}

// quoted is names, each quoted where a shell would not read it as one
// word (shellword.Quote), as outputfile names a file not written.
func quoted(names []string) []string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = shellword.Quote(n)
	}
	return q
}

// leftWhole is notWrittenThere's clause of files left whole in their
// hidden temporary files (outputfile.UnplacedError), after others
// (after) or not, and the one command that puts them all in place.
func leftWhole(whole []*outputfile.UnplacedError, after bool) string {
	var files, temps, puts []string
	readOnly := true
	for _, ue := range whole {
		files = append(files, shellword.Quote(filepath.Base(ue.Path)))
		temps = append(temps, shellword.Quote(ue.Temp))
		puts = append(puts, ue.Put())
		readOnly = readOnly && ue.Mode != 0
	}
	link, is, its, it := ", so ", "is", "its hidden temporary file", "it"
	if after {
		link = ", and "
	}
	if len(whole) > 1 {
		is, its, it = "are", "their hidden temporary files", "them"
	}
	kept := ", read-only, which no later write removes"
	if !readOnly {
		kept = ", which a later write there removes"
	}
	return fmt.Sprintf("%s%s %s not written there but left whole in %s %s%s: once the directory is writable, %s puts %s in place",
		link, numtext.List(files, "and"), is, its, numtext.List(temps, "and"), kept, strings.Join(puts, " && "), it)
}

// remedy is what writes the files of de's directory: the directory made
// again, or writable, or another given, and then e.again; of the current
// directory removed, e.again where the user can write.
func (e *OutputsError) remedy(de *outputfile.DirError) string {
	again := e.again
	if again == "" {
		again = runAgain
	}
	switch {
	case de.RemovedWhile() && de.Dir == "." && again == runAgain:
		return again + " where you can write"
	case de.RemovedWhile() && de.Dir == ".":
		return "go where you can write and " + again
	case de.RemovedWhile():
		return "make the directory again, or give another, and " + again
	case errors.Is(de, fs.ErrPermission) && strings.HasPrefix(de.Why, "takes no new files"):
		return "make the directory writable, or give another, and " + again
	}
	return "give another directory and " + again
}

// runAgain is what writes a run's files again where the same command
// trains the same run: a fresh run trained to its plan, or one resumed
// into a log of its own from a checkpoint still there.
const runAgain = "run again"

// again is what writes the files of s's run again, lost or not written
// at its end (OutputsError), once their directory takes them: the same
// command (runAgain) where it trains the same run; "--epochs 1234"
// added for a run stopped short of its plan, which the command trains
// whole, and how its checks differ; for a resumed run whose --log held
// the epochs before its checkpoint too (appended to), or whose
// checkpoint is gone, the command that trains it from its start, which
// a run resumed again does not: its log would hold the epochs after
// the checkpoint alone. A design no preset names is given by --set from
// the built-in nearest it (nearestPreset), so that the command is whole.
func (s *Session) again() string {
	at := s.gan.Epoch()
	again := runAgain
	if s.resumedAt > 0 {
		why := ""
		if _, err := os.Stat(s.opts.Resume); errors.Is(err, fs.ErrNotExist) {
			why = "the checkpoint it resumed, " + s.opts.Resume + ", is gone"
		} else if s.csv != nil && s.csv.append {
			why = fmt.Sprintf("a run resumed again logs epochs %s–%s alone", numtext.FormatInt(s.resumedAt+1), numtext.FormatInt(at))
		}
		if why != "" {
			preset, base, loaded := presetBase(s.opts.Preset, resolve(s.opts.Preset), s.gan.Config())
			if !loaded { // a design no preset names, which headless writes no file of
				preset, base = nearestPreset(s.gan.Config())
			}
			line, dollar := s.trainWords(preset, base, at)
			flags, paths := s.outputFlags()
			again = "train the run from its start, as " + why + ": " + command.Train(line) + flags
			if dollar {
				again += shellword.DollarNote
			} else {
				again = shellword.Noted(again, paths...)
			}
		}
	}
	if at < s.planned {
		if again == runAgain {
			again += fmt.Sprintf(" with --epochs %d, where this run stopped", at)
		}
		if checkEvery(at) != s.every {
			again += fmt.Sprintf(" (its checks then come every %s epochs, where this run's came every %s)", numtext.FormatInt(checkEvery(at)), numtext.FormatInt(s.every))
		}
	}
	return again
}

// outputFlags is the flags of the files s's run writes, each with its
// path quoted for the shell: " --log run.csv --save run.ckpt", and the
// paths, whose command ends DollarNote where one needs it
// (shellword.Noted): after them, not between the train command's words
// and theirs.
func (s *Session) outputFlags() (flags string, paths []string) {
	for _, f := range []struct{ flag, path string }{{"--log", s.opts.LogPath}, {"--save", s.opts.SavePath}, {"--plot", s.opts.PlotPath}} {
		if f.path != "" {
			flags += " " + f.flag + " " + shellword.Quote(f.path)
			paths = append(paths, f.path)
		}
	}
	return flags, paths
}

// dirError is err's *outputfile.DirError, the directory the cause of a
// file not written, else nil.
func dirError(err error) *outputfile.DirError {
	var de *outputfile.DirError
	if errors.As(err, &de) {
		return de
	}
	return nil
}

// FinalWait is what FinalEvaluation says of the evaluation Result does
// first.
type FinalWait struct {
	// What is the evaluation in Doing's words ("evaluating epoch 1,234's
	// generator on 10,000 samples").
	What string
	// Samples is how many samples it draws, the count What ends with,
	// for a front end that says it in fewer words than What.
	Samples int
	// Takes is how long it may be expected to take: as long as the
	// screen's last evaluation of as many samples took, by the session's
	// clock, or one given up took before it was, if that was longer.
	Takes time.Duration
	// Timed is false while no evaluation has been completed (q before
	// the first frame): then nothing says how long it takes.
	Timed bool
}

// FinalEvaluation is what Result does first and how long it may be
// expected to take (FinalWait). On a wide design that is seconds, which
// a front end says before it asks for Result, so that a user waiting on
// the final line knows why. Like Result, it belongs to the goroutine
// driving the session.
func (s *Session) FinalEvaluation() FinalWait {
	t := task{kind: evaluating, epoch: s.gan.Epoch(), n: s.opts.Samples}
	return FinalWait{What: t.what(), Samples: t.n, Takes: s.evalTook, Timed: s.evalTimed}
}

// Result evaluates the run as it stands and sums it up. A run that is
// neither diverged nor short of its plan counts as done, one gone on
// past its plan too; one short of it as interrupted. It belongs to the
// goroutine driving the session: the caller of Run, or after Stop the
// caller of Stop.
func (s *Session) Result() Result { return s.ResultUntil(nil) }

// ResultUntil is Result, but once stop is closed it gives the final
// evaluation up between G's batches of samples, seconds on a wide
// design, and sums the run up from the screen's last evaluation instead
// (Result.Earlier): a user who will not wait for the final line still
// gets one, saying what it measured. A nil stop never stops it.
func (s *Session) ResultUntil(stop <-chan struct{}) Result { return s.result(stop, nil) }

// result is ResultUntil, with the run's end measured already where
// measured is not nil: the final evaluation's Metrics, which it then does
// not make again.
func (s *Session) result(stop <-chan struct{}, measured *engine.Metrics) Result {
	cfg := s.gan.Config()
	r := Result{
		Seed:   s.gan.Seed(),
		Epochs: s.gan.Epoch(),
		State:  s.state,
		Err:    s.err,
	}
	ok := measured != nil
	if ok {
		r.Metrics = *measured
	} else {
		r.Metrics, ok = evaluateUntil(s.gan, s.opts.Samples, engine.HistSpec{}, stop)
	}
	if !ok {
		r.Earlier, r.Measured = true, -1
		if s.eval.Metrics.N > 0 && s.eval.Epoch <= r.Epochs { // this run's: R and a roll-back clear it
			r.Metrics, r.Measured = s.eval.Metrics, s.eval.Epoch
		}
	}
	switch {
	case s.err != nil:
		r.Findings = s.findings() // a runaway's, or none after a NaN
	case !r.Earlier:
		e := Eval{Epoch: r.Epochs, Metrics: r.Metrics, KSFloor: engine.KSNoiseFloor(r.Metrics.N)}
		r.Findings = diagnoseSeen(cfg, &s.watch, &e, s.tl.episodes.modes)
		s.settleFloor(&e, r.Findings) // the final evaluation's verdict on an open noise floor
	case r.Measured >= 0:
		r.Findings = diagnoseSeen(cfg, &s.watch, &s.eval, s.tl.episodes.modes)
	}
	r.Pending = s.pending(r.Findings, r.Epochs)
	r.Evals = s.evals.Points(make([]EvalPoint, 0, s.evals.Len()+1))
	r.CheckNoise = s.checkNoise()
	if n := len(r.Evals); !r.Earlier && (n == 0 || r.Evals[n-1].Epoch < r.Epochs) { // a given-up final evaluation adds none
		r.Evals, r.FinalInEvals = append(r.Evals, evalPoint(r.Epochs, r.Metrics)), true
	}
	r.Preset, r.Changes = designOf(s.opts, cfg)
	r.Samples = namedSamples(s.opts.Samples, s.gan.Plane() != nil)
	r.WallS = s.clock.Since(s.started).Seconds() // after the final evaluation, which it includes
	switch {
	case r.State == Done, r.State == Diverged:
	case r.Epochs >= s.planned:
		// Gone on past its plan (space, n in the trainer) and quit there,
		// running or paused: its plan trained, as the command again's run,
		// which trains to here, ends; it is not interrupted.
		r.State = Done
	default:
		r.State = Interrupted
	}
	r.TrainS = s.busy.Seconds()
	if r.Untimed = s.busy <= 0; !r.Untimed {
		r.EpochsPerS = float64(s.trained) / s.busy.Seconds()
	}
	return r
}
