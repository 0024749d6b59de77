// Package session is one training run of ganui: a design and a seed, the
// engine.GAN they build, and everything that happens to it — the plan, the
// commands a user gives between epochs, the evaluation schedule, the
// per-epoch log, checkpoints, the states kept for a roll-back, the
// decision that a run has diverged, and its final summary. It knows
// nothing of terminals and draws no figure: a front end shows its
// snapshots, and hands Plot the drawing.
//
// A Session is driven in one of two ways, by one front end each:
//
//   - Run trains in the caller's goroutine to the end of the plan, with no
//     pacing, reporting progress to a callback: ganui --headless uses it,
//     and --seeds (RunSeeds) and --sweep (RunSweep) for each of their runs.
//   - Start trains in a goroutine of its own that applies Commands sent
//     with Send between epochs and publishes Snapshots on a one-slot
//     channel where a fresh snapshot replaces a stale one, so a slow
//     screen never slows training: the interactive trainer (package tui)
//     uses it.
//
// Both train an epoch with the same method (trainEpoch), record it in the
// same log and end in the same Result.
package session

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/presets"
)

// Options are everything a front end decides about a run: ganui's flags
// parse into one Options value, and a Session takes it as it is.
type Options struct {
	// Config is the design to train, Config.Epochs its plan. It is
	// ignored when Resume names a checkpoint, which carries its own.
	Config engine.Config
	Seed   uint64 // the run's seed; the same Config and Seed give a bit-identical run

	Resume     string // a checkpoint to continue bit-identically, instead of Config and Seed
	PresetFile string // the preset file Config came from, if any: no output may overwrite it
	Preset     string // what --preset named (a built-in or a file), for Again and designOf; "" for a checkpoint, which takes the run's own from its record
	Epochs     int    // > 0: the plan, in place of the design's or the checkpoint's, which a resumed run must not have reached (New)
	// Base is the design Preset names as it was read when the run
	// started, before --set and --epochs changed it (presets.Resolve):
	// the run's lines, summary and figure and the trainer name the
	// settings that differ from it (designOf). nil has the session read
	// Preset itself, once (withBase; a resumed run's, which its record
	// names), so that a preset file is not read again, its points(FILE.csv)
	// file with it, for a run's final line, a batch's summary and each
	// design change in the trainer.
	Base *engine.Config

	Samples int // fresh generated samples behind each evaluation; 0 means DefaultSamples, or a resumed run's own

	Every    int    // Run: a Progress report every Every epochs; 0 for none
	LogPath  string // Run: write every epoch to this CSV file as the run goes
	SavePath string // Run: write a checkpoint here when the run ends, unless it diverged, into room New reserves (reserveSave); it may be Resume, which it replaces (updates)
	// PlotPath is where the front end draws the run's figure (package
	// figure) when it ends; the session only checks, before training,
	// that it could be written (checkPaths).
	PlotPath string

	Paused bool    // Start: begin paused at the first epoch
	Speed  float64 // Start: the pace in epochs per second; 0 is full speed
	Watch  bool    // Start: begin at the slowest ladder pace at which the plan would take at most WatchSeconds (watchSpeed), or at a resumed run's own pace, instead of Speed
	// Dir is where Save, Export, Share and Plot write (Start); "" is the
	// current directory. A name there that is an input or output of the
	// run, or a file this session did not write, is never replaced: the
	// file takes the first free name with -2, -3, … before its extension.
	Dir string
	// Clock is the clock the run keeps time by, which a front end tells
	// of the process's stops (Clock); nil is a clock of its own.
	Clock *Clock
	// Pace, where not nil, is told by Run, on Run's goroutine, of how
	// long its next line is in coming (Pace): once it has timed its
	// first epochs, and before each evaluation of its Samples. A wide design
	// trains an epoch in seconds and evaluates a large --samples in
	// minutes, and a headless run prints nothing meanwhile, so that a
	// front end can say when that line comes. A batch's runs (RunSeeds,
	// RunSweep) tell it of the first run's first epochs alone (the first
	// seed's, of the first cell), and of every run's final evaluation (a
	// batch's runs have no progress lines), as many runs at once as the
	// batch trains.
	Pace func(Pace)
	// OnEvent, where not nil, is called with each event of the run as it
	// happens (Event), on the goroutine that drives the session: a
	// headless run prints it as a line. A batch's runs (RunSeeds,
	// RunSweep) call none, several running at once.
	OnEvent func(Event)
	// OnTrained, where not nil, is called by Run once its training is
	// over, before it writes its files and evaluates the run's end for
	// its final line, which on a wide design with many --samples takes
	// minutes; and a cancel of Run's context from then on gives that
	// evaluation up, the Result Earlier, of the latest progress line's
	// evaluation, or of none: a front end that tells its user what a
	// stop does (a headless run's signal line) can say that training is
	// done and the final evaluation given up, not "stopping after the
	// current epoch", and the run end at once. It is called on Run's
	// goroutine, and reports whether the context was cancelled before
	// it, as its user was told of a stop during training: the run's end
	// is measured then, as the run stopped for it. Without OnTrained (a
	// batch's runs, which call none) the final evaluation is always
	// whole.
	//
	// Pace, OnEvent, OnTrained and OnWritten are how a Session tells its front end
	// what happens as it runs: given to New, they stay the run's to its
	// end.
	OnTrained func() (stoppedBefore bool)
	// OnWritten, where not nil, is called by Run once it has written its
	// files (its --log and --save) as its training ends, before its
	// final evaluation, which on a wide design takes minutes: a front end
	// that tells its user what quitting at once loses (a headless run's
	// signal line) no longer counts them from then on. It is called on
	// Run's goroutine, whether the files were written or failed, and not
	// for a batch's runs, which write none.
	OnWritten func()
	// FinalStop, where not nil, gives up once closed the final
	// evaluation of a run whose stop came before its training was over
	// (OnTrained reporting so), which is else whole: as a stop after
	// training gives it up, the Result Earlier. A headless run's second
	// signal closes it, its user not waiting minutes on a wide design's
	// --samples for the measures of a run they stopped.
	FinalStop <-chan struct{}
}

// DefaultSamples is how many fresh samples an evaluation draws unless
// Options say otherwise; on a two-dimensional target the default is
// engine.BenchmarkSamples, the sample size of the papers whose metrics
// (modes captured, high-quality share) ganui reports.
const DefaultSamples = 10000

// MaxSamples is the most fresh samples an evaluation draws: --samples'
// top, and a checkpoint's record's.
const MaxSamples = 10_000_000

// Session is one run. Its methods other than Send, Snapshots, Stop,
// Done, SavePending, Unwritten and Unsaved belong to the goroutine that drives it: the
// caller of Run, or the session's own goroutine between Start and Stop.
type Session struct {
	mu    sync.Mutex
	queue []Command     // commands sent and not yet applied, oldest first
	wake  chan struct{} // holds a token while queue may be non-empty
	snaps chan Snapshot
	quit  chan struct{}
	done  chan struct{}
	start sync.Once
	stop  sync.Once
	// runStop is Run's context's Done, which its checks look at where
	// the trainer's look at quit (checkStop); nil until Run sets it,
	// and as Run left it after, the session finished.
	runStop <-chan struct{}

	// checkN and checkTook are the latest check's samples and the time
	// the clock counted measuring them (before the first, evalPace's measure
	// of as many, or 0): what Run tells Options.Pace its evaluations
	// take.
	checkN    int
	checkTook time.Duration

	// unwritten counts, by kind of file (writesFile), the commands sent
	// that write one and that the session has not yet taken up (takeUp):
	// SavePending and Unwritten, guarded by mu.
	unwritten map[[2]string]int
	// notSaved is the unsaved of the latest Save that wrote its
	// checkpoint or failed to, "" for one that wrote it: Unsaved,
	// guarded by mu.
	notSaved string

	// Everything below belongs to the driving goroutine.
	opts     Options
	gan      *engine.GAN
	planned  int // the epochs the run is planned for
	bins     int
	run      int
	state    State
	err      *Divergence
	watch    watch   // what the diagnosis follows epoch by epoch; its xlo, xhi is the target's shown range (shownRange)
	w1Noise  float64 // W1's noise floor at a check (checkNoise), 0 on a plane
	target   TargetInfo
	tl       timeline  // the run's events and keyframes (timeline.go)
	every    int       // the check interval: checkEvery of the plan
	replay   int       // the keyframe shown in replay, or -1 when live
	baseline *Baseline // a run pinned to compare against, or nil
	pastPlan bool      // the user chose to continue past the planned epochs
	speed    float64   // epochs per second; 0 is full speed
	hist     History
	evals    evalHistory // the evaluations, for a figure's quality panel
	evlog    evalLog     // interactive: the evaluations, for Export
	last     engine.EpochStats
	eval     Eval
	evalOK   bool // eval describes the current model and bins
	version  int  // bumps whenever training changes the model
	note     string
	failed   bool // note reports a failure
	refused  bool // the command at work changed nothing, and note says why (refuse)
	// refusal is the note refuse set last: why a key did nothing, said of
	// the run as the key found it, which a divergence makes stale (diverge).
	refusal string
	// moment is a note about a moment of the run ("resumed at epoch
	// 10"), dropped once training reaches noteUntil and the clock
	// noteTill if it is still the note (momentNote); other notes stay
	// until replaced.
	moment    string
	noteUntil int
	noteTill  time.Time
	from      int      // the epoch this run's history starts after
	resumedAt int      // the epoch Options.Resume's checkpoint holds: where this run's training began, 0 for a fresh run
	log       epochLog // every epoch of the run, for Export
	csv       *csvFile // Options.LogPath, while open
	endOnce   sync.Once
	// parting is what became of the files the keys asked for (Parting).
	parting []partingNote
	// unsaved is what Parting says of the command at work, a Save, whose
	// checkpoint could not be written (Save.apply), "" otherwise: the
	// status line's note without its remedy, w again, which acts no more
	// once the trainer has quit.
	unsaved string
	// atWork is the kind of file (writesFile) the command at work
	// writes, until it is taken up (takeUp); zero otherwise.
	atWork [2]string
	// hand is the losses of the updates by hand (d, g) since the latest
	// epoch, and handRun the run they were of: the snapshot's Hand while
	// both the run and the epoch are still theirs.
	hand    HandLosses
	handRun int
	// adjusted is the changes of one setting the note gives, each at its
	// epoch (settingRun), while the note is still theirs.
	adjusted settingRun

	keeping    bool        // keep good states for a roll-back: only when interactive
	kept       []goodState // newest last; see Rollback
	keptAt     time.Time
	keepGap    time.Duration
	rolledAt   int // version just after the last roll-back
	rolledFrom int // the epoch it left, the divergence's: u again goes on from there
	// rolledUnreached: that divergence was a runaway of a run that never
	// came near its target (Divergence.Unreached), which u again says too.
	rolledUnreached bool
	// keptThrough is, by setting name, the value each setting a
	// roll-back kept has (Rollback), at keptEpoch of run keptRun, which
	// u's note calls "still" that: a retune's note before the next epoch
	// gives its change from it (inForce).
	keptThrough map[string]string
	keptEpoch   int
	keptRun     int
	// frameNote is the note Replay gave the frame it went to, which a
	// change of pace in the replay keeps (speedNote).
	frameNote string
	// divergedWith are the settings the run had when it last diverged:
	// what a roll-back's note tells it to undo (retunes).
	divergedWith Settings

	clock     *Clock        // the wall clock less the time stopped (clock.go)
	atMu      sync.Mutex    // guards at, which the front end reads (Doing)
	at        task          // what the goroutine is at now
	busy      time.Duration // time spent in trainEpoch in this run, for Result's epochs/s
	trained   int           // epochs trainEpoch ran in this run
	started   time.Time     // when this run began (the session was built, or r or R), for Result's wall time
	rate      float64       // smoothed epochs/s
	runStart  time.Time     // when the state last became Running
	runWall   time.Duration // wall time spent Running in this run, before runStart
	runEpochs int           // epochs trained while Running in this run
	runLost   int           // of runEpochs, those a roll-back undid (goodState.runKept)
	trainedAt time.Time     // when trainEpoch last ended
	rateFrom  int           // trained when the current stretch of running began (beginStretch)
	rateT     time.Time     // the end of the epoch the rate was last measured at
	rateAt    int           // trained then
	lastPub   time.Time
	lastEval  time.Time
	evalTook  time.Duration // how long the screen's last evaluation took, by the clock (FinalEvaluation)
	evalTimed bool          // an evaluation of the screen's has been completed, and timed in evalTook
	stepShow  time.Duration // how often a step of many epochs publishes as it goes: evalEvery
	nextEpoch time.Time     // pacing at limited speeds
	pacedAt   time.Time     // when pace last held an epoch back (Snapshot.Paced)
	timer     *time.Timer

	// offPlan is the first epoch at which the run did what no command
	// line repeats (a setting changed after the start, one player's
	// update), or −1: see Again. offWhat says what it did, and is empty
	// when there is none: a record holding words without a departure is
	// refused on resume (record.go).
	offPlan       int
	offWhat       string
	startSettings Settings // the settings the run started with
	// design is the design's own settings, its preset's (a built-in, or
	// the preset file as the run started) before any --set, or where no
	// preset loads the settings the session's first run started with. A
	// run starts with others after --set, or after r or R kept a retune,
	// which Reset puts back: its notes call a value "the design's" only
	// where it is the design's own (StartWord), as the README names it.
	design     Settings
	startSpeed float64 // the pace the trainer started at, which Reset of Speed puts back

	wrote    map[string]bool // the files this session's keys wrote (outputPath)
	wroteNow wroteFile       // the file the command at work wrote (written)
	saved    lastSave        // the checkpoint Save wrote last (Save.apply)
	shared   sharedDesign    // the design file Share wrote last (Share.apply)

	// origin and changes name the design in the snapshots (designOf), and
	// namedOf is the design they name as presets.Marshal writes it:
	// publish names the design again only when that changes, not
	// comparing it with its preset twenty times a second.
	origin  string
	changes []Change
	namedOf []byte

	unrecorded error // why a resumed run's record could not be taken (record.go)
	// saveRoom is the --save checkpoint's file, its room made before the
	// first epoch (reserveSave): Run's end writes it, Stop releases it
	// unwritten.
	saveRoom *outputfile.Reservation
	// left is saveRoom's file, released by Stop, that its directory would
	// not let be removed (Left).
	left *outputfile.LeftError
	// otherKernels is the kernels a resumed run was trained on up to its
	// checkpoint (its record's, record.go) when they are not those this
	// process runs (engine.KernelISA): "" for the same, or unknown.
	otherKernels string
	// logBegun is LogBegun's note, "" for none.
	logBegun string
	// replaces is Replaces' notes.
	replaces []Replaced
}

// Replaced is one of Replaces' notes: an output that holds another run's
// work this run will replace, and what it holds.
type Replaced struct {
	// Note says what the output holds and that this run replaces it,
	// "--log run.csv holds another run's history, to epoch 2,000: this
	// run's replaces it".
	Note string
	// Stopped is the run the --save checkpoint holds when it is this one
	// stopped short of its plan, nil otherwise. Note then names it as
	// another's, to be copied away; a front end that can give the
	// command that trains it on says that instead (main's
	// stoppedRunNote).
	Stopped *StoppedRun
}

// StoppedRun is a --save checkpoint that holds the run a new run of the
// same design, seed, plan and sample size is about to train again from
// epoch 0: the same command given again after a stop (a signal, a
// reader gone), where --resume of it trains on from Epoch. Replaces
// reads one trained to its end (Epoch the Plan) alike, to tell its
// --log its own (Log), but gives it in no Replaced: no --resume trains
// it on.
type StoppedRun struct {
	Path  string // the checkpoint's
	Name  string // the design's, "a design of no name" for none
	Seed  uint64
	Epoch int // the checkpoint's
	Plan  int // the epochs the run trains to
	// Log is the --log that holds this run's history to Epoch too (the
	// same command's log, which the run wrote to its stop), "" for none:
	// --resume of Path goes on in it, where the command given again
	// empties it at its first epoch. Its note is then this one, not
	// "holds another run's history" (ownLog).
	Log string
}

// Replaces says, of each output that holds another run's work this run
// will replace, what it holds: a --save checkpoint other than the one the
// run resumes from (which it goes on in), "--save run.ckpt holds a
// checkpoint of vanilla, seed 1, at epoch 2,000: this run's is to replace
// it as the run ends; copy it elsewhere to keep it", and a --log history
// with rows that the run does not go on in, "--log run.csv holds another
// run's history, to epoch 2,000: this run's replaces it". Many programs
// overwrite their outputs without a word, and ganui still does, as a
// script that runs the same command again expects; but a long run's
// checkpoint or history given as an output by mistake is not lost unsaid.
// The checkpoint is replaced only at the run's end (or its stop by a
// signal, which saves it too), so the note, given before the first epoch,
// leaves the time to copy it; the log is emptied at the first epoch. None
// for a missing or empty file, a log of its header alone, or a log the run
// goes on in.
//
// A --save checkpoint that holds this very run stopped short of its plan
// (the same design, seed, plan and sample size: the command given again
// after a stop) has its run in Stopped, for the front end to give the
// --resume that trains it on from there, which a session cannot word:
// the command is the front end's.
func (s *Session) Replaces() []Replaced { return s.replaces }

// replacedCheckpoint is Replaces' note of the --save checkpoint at path,
// and this, the run it holds when that is this one, of gan's design and
// seed to plan epochs on samples samples, stopped short of the plan or
// trained to its end (the same command given again after it ended), with
// the row of its last epoch, last; the note's Stopped is this when it
// stopped short. false when there is none to replace there.
func replacedCheckpoint(path string, gan *engine.GAN, plan, samples int) (_ Replaced, this *StoppedRun, last engine.EpochStats, _ bool) {
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		return Replaced{}, nil, last, false
	}
	what := "a ganui checkpoint" // one this ganui cannot read (damaged, a newer ganui's) is still one
	var stopped *StoppedRun
	if saved, annex, err := loadCheckpoint(path); err == nil {
		name := saved.Config().Name
		if name == "" {
			name = "a design of no name"
		}
		what = fmt.Sprintf("a checkpoint of %s, seed %d, at epoch %s", name, saved.Seed(), numtext.FormatInt(saved.Epoch()))
		if rec, err := readRecord(annex, saved.Epoch()); err == nil && gan != nil && rec.planned == plan && rec.samples == samples &&
			saved.Epoch() <= plan && saved.Seed() == gan.Seed() && bytes.Equal(presets.Marshal(saved.Config()), presets.Marshal(gan.Config())) {
			this = &StoppedRun{Path: path, Name: name, Seed: saved.Seed(), Epoch: saved.Epoch(), Plan: plan}
			last = rec.last
			if this.Epoch < plan {
				stopped = this
			}
		}
	}
	return Replaced{Note: fmt.Sprintf("--save %s holds %s: this run's is to replace it as the run ends; copy it elsewhere to keep it", shellword.Quote(path), what), Stopped: stopped}, this, last, true
}

// ownLog reports whether the --log history at path is the run whose
// checkpoint's row at its epoch is last (the record's, replacedCheckpoint):
// of this run's columns, or an earlier ganui's of them, as a resume reads
// it, it ends at that epoch with that row, its losses, mean and standard
// deviation written as the run wrote them, and has no line a resume would
// refuse (logBadLine). --resume of the checkpoint goes on in such a log,
// by the same tests (New): this very run stopped, its command given
// again, whose log is not another run's history.
func ownLog(path string, lay csvLayout, last engine.EpochStats) bool {
	if last.Epoch <= 0 {
		return false
	}
	for _, l := range append([]csvLayout{lay}, lay.earlier()...) {
		if end, row, _, ok := logEnd(path, l); ok {
			if line, _ := logBadLine(path, l); end != last.Epoch || line > 0 {
				return false
			}
			return lossFields(row, l) == lossFields(string(appendCSV(nil, last, nil, l)), l)
		}
	}
	return false
}

// replacedLog is Replaces' note of the --log history at path that a run
// of lay's columns begins anew, or "" when it holds no row to lose.
func replacedLog(path string, lay csvLayout) string {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		return ""
	}
	to := ""
	switch last, _, _, ok := logEnd(path, lay); {
	case ok && last == 0:
		return "" // the header alone, or with blank lines: no epoch
	case ok && last > 0:
		to = ", to epoch " + numtext.FormatInt(last)
	}
	return fmt.Sprintf("--log %s holds another run's history%s: this run's replaces it", shellword.Quote(path), to)
}

// LogBegun says, of a resumed run whose --log was not there or was empty,
// that the log begins at the epoch after the checkpoint's and holds none
// of the epochs before: a user who gave the log the run wrote up to its
// checkpoint (moved, removed, emptied since), which the run would have
// gone on in, is told the history is not whole, not left to find it so.
// "" for a run whose log goes on, a fresh run, and a checkpoint at epoch
// 0, which has no epoch before.
func (s *Session) LogBegun() string { return s.logBegun }

// logBegunNote is LogBegun's words of a log at path begun at epoch e+1,
// e the checkpoint's, as the file was not there (missing) or was empty:
// "--log run.csv was not there, so it begins at epoch 501: epochs
// 1–500, up to the checkpoint, are not in it".
func logBegunNote(path string, e int, missing bool) string {
	why := "was not there"
	if !missing {
		why = "was empty"
	}
	before := "epoch 1, up to the checkpoint, is"
	if e > 1 {
		before = "epochs 1–" + numtext.FormatInt(e) + ", up to the checkpoint, are"
	}
	return fmt.Sprintf("--log %s %s, so it begins at epoch %s: %s not in it", shellword.Quote(path), why, numtext.FormatInt(e+1), before)
}

// Unrecorded says why a resumed run has no record (its charts, events and
// diagnosis, record.go) from its checkpoint — the checkpoint holds none,
// or one that could not be read — or is nil: the run itself resumed
// bit-identically, and its history begins at the resume.
func (s *Session) Unrecorded() error { return s.unrecorded }

// OtherKernels says, of a run resumed from a checkpoint trained on other
// kernels than this process runs (engine.KernelISA: the SIMD build's
// avx512 or avx2, the default build's go), that it does not go on bit
// for bit: the kernels sum in different orders, so that its numbers from
// the resume on are neither those the run would have had on its own
// kernels nor those of a straight run on these. nil for a run resumed on
// its own kernels, a fresh run, and a checkpoint whose record does not
// say (an earlier ganui's).
func (s *Session) OtherKernels() error {
	if s.otherKernels == "" {
		return nil
	}
	return fmt.Errorf("--resume %s: trained on the %s kernels, and this ganui runs the %s ones: the run goes on, but not bit for bit as it would have on its own, nor as a straight run here", shellword.Quote(s.opts.Resume), s.otherKernels, engine.KernelISA())
}

// wholeCheckpoint ends the refusal of a --resume file that is no usable
// checkpoint (engine.CheckpointError: damaged, cut short, of no known
// format) with what to give instead.
const wholeCheckpoint = "give a whole checkpoint, as --save or the trainer's w writes one"

// New prepares a run of opts: a fresh one of opts.Config from opts.Seed,
// or the checkpoint opts.Resume continued from its epoch. Every error is
// about the input — a design that is not valid, a checkpoint that cannot
// be read or that is at or past the plan Options.Epochs gives, an output
// that could not be written at the end (checkPaths), or would replace a
// file of another kind (outputKinds), a --save checkpoint without room on
// its disk (reserveSave), a --log another run has claimed
// (csvFile.claim) — and says which,
// before anything is trained.
func New(opts Options) (*Session, error) {
	if err := checkPaths(opts); err != nil {
		return nil, err
	}
	if opts.Epochs != 0 {
		if err := engine.CheckEpochs("--epochs", opts.Epochs); err != nil {
			return nil, err
		}
	}
	var gan *engine.GAN
	var annex []byte
	var err error
	if opts.Resume != "" {
		if gan, annex, err = loadCheckpoint(opts.Resume); err != nil {
			if isPresetFile(opts.Resume) { // said so, not refused for its missing header alone, whether its design loads or not
				return nil, fmt.Errorf("--resume: %s is a preset file, not a checkpoint: %s trains its design from the start", shellword.Quote(opts.Resume), presetCommand(opts.Resume))
			}
			if kind, ok := OtherOutput(opts.Resume); ok && errors.As(err, new(*engine.CheckpointError)) {
				return nil, fmt.Errorf("--resume: %s is %s, not a checkpoint: give the .ckpt file --save or the trainer's w wrote", shellword.Quote(opts.Resume), kind)
			}
			if errors.Is(err, fs.ErrNotExist) && !presets.IsFile(opts.Resume) { // --resume ring, for --preset ring
				return nil, fmt.Errorf("--resume: %w (%s is a built-in preset: %s trains it from the start)", err, opts.Resume, presetCommand(opts.Resume))
			}
			if errors.Is(err, fs.ErrNotExist) { // a name mistyped, or a run never saved
				return nil, fmt.Errorf("--resume: %w%s; give the FILE.ckpt a headless run's --save or the trainer's w wrote", err, inputfile.NearbyAs(opts.Resume, ".ckpt"))
			}
			if errors.As(err, new(*engine.CheckpointError)) {
				// What is wrong with the file, and what to do: give the
				// whole checkpoint (wholeCheckpoint).
				return nil, fmt.Errorf("--resume: %w; %s", err, wholeCheckpoint)
			}
			return nil, fmt.Errorf("--resume: %w", err)
		}
		if err := pointsNotOutput(opts, gan.Config().Target); err != nil {
			return nil, err
		}
		if e := gan.Epoch(); opts.Epochs > 0 && opts.Epochs < e {
			// A plan the run has passed asks for nothing: --epochs is
			// the epoch to train to, not epochs more. Refused by every
			// front end alike, so that the trainer does not open the run
			// past a plan it was never given. A plan at the checkpoint's
			// own epoch is the run at its plan's end (NothingLeft): the
			// moment a checkpoint saved mid-run holds, drawn headless
			// by --plot, opened done by the trainer.
			return nil, fmt.Errorf("--epochs %d: the checkpoint is at epoch %s already; give a plan past it", opts.Epochs, numtext.FormatInt(e))
		}
	} else if gan, err = engine.New(opts.Config, opts.Seed); err != nil {
		return nil, fmt.Errorf("preset %s: %w", opts.Config.Name, err)
	}
	if gan.Plane() != nil && opts.Samples > engine.MaxPlaneSamples {
		return nil, fmt.Errorf("--samples: %s is more than a two-dimensional target's %s: its measures compare with a reference of %s points",
			numtext.FormatInt(opts.Samples), numtext.FormatInt(engine.MaxPlaneSamples), numtext.FormatInt(engine.ReferenceSize))
	}
	if err := outputKinds(opts); err != nil {
		return nil, err
	}
	clock := withClock(opts).Clock
	s := &Session{
		clock:     clock,
		wake:      make(chan struct{}, 1),
		snaps:     make(chan Snapshot, 1),
		quit:      make(chan struct{}),
		done:      make(chan struct{}),
		opts:      opts,
		gan:       gan,
		planned:   gan.Config().Epochs,
		bins:      defaultBins,
		hist:      NewHistory(historyPoints),
		evals:     newEvalHistory(evalPoints),
		evlog:     newEvalLog(maxEvalRows),
		from:      gan.Epoch(),
		resumedAt: gan.Epoch(),
		log:       newEpochLog(gan.Epoch()),
		rolledAt:  -1,
		offPlan:   -1,
		started:   clock.Now(),
	}
	s.startSettings = s.settings(gan.Config())
	s.watch = newWatch(gan)
	// The run's record, its own plan among the rest.
	switch err := s.restore(annex); {
	case err != nil:
		// All the record keeps is lost with it, the baseline and the
		// findings' starts too, and the line says so.
		s.unrecorded = fmt.Errorf("--resume %s: the run's history could not be read (%v): its charts, events and replay frames begin at epoch %s, a baseline pinned before is not kept, and a finding that held before is reported again", shellword.Quote(opts.Resume), err, numtext.FormatInt(gan.Epoch()))
	case annex == nil && gan.Epoch() > 0:
		s.unrecorded = fmt.Errorf("--resume %s: the checkpoint holds no history of the run (an older ganui wrote it): its charts and events begin at epoch %s, and a finding that held before is reported again", shellword.Quote(opts.Resume), numtext.FormatInt(gan.Epoch()))
	}
	// After the record, which names a resumed run's preset.
	s.opts = withBase(s.opts)
	if s.opts.Samples <= 0 { // not given, nor by the record
		s.opts.Samples = defaultSamples(gan.Plane() != nil)
	}
	if opts.Epochs > 0 {
		s.planned = opts.Epochs
	}
	if gan.Plane() == nil {
		s.w1Noise = engine.W1NoiseFloor(gan.Target(), CheckSize(false))
	}
	s.target = targetInfo(gan)
	s.every, s.replay, s.stepShow = checkEvery(s.planned), -1, evalEvery
	s.watch.follow(s.evals.pts, s.every) // a resumed run's plateau, from the record's checks
	s.speed = s.opts.Speed               // a resumed run's own, unless the resume gives one (restore)
	if s.opts.Watch {
		s.speed = watchSpeed(s.planned)
	}
	s.startSpeed = s.speed
	s.design = s.startSettings // after the record, which holds a resumed run's start
	if _, base, ok := presetBase(s.opts.Preset, s.opts.Base, gan.Config()); ok {
		// The training settings alone: a design has no pace, and the
		// start's stays, as a resumed run's snapshot must match the
		// uninterrupted run's.
		s.design.DLR, s.design.GLR, s.design.DSteps, s.design.GSteps = base.DLR, base.GLR, base.DSteps, base.GSteps
	}
	if opts.LogPath != "" {
		s.csv = newCSVFile(opts.LogPath, layoutOf(gan))
		if opts.Resume != "" {
			e := gan.Epoch()
			log := shellword.Quote(opts.LogPath) // as the refusals below name it
			// A resumed run goes on with the log it wrote up to its
			// checkpoint; any other history is kept, not replaced: it
			// may be this run's, or another's the user keeps. A run
			// saved before its first epoch is resumed so too, its log
			// the header or e's row of epoch 0's events, so that it
			// does not replace any history given, another run's too. A
			// log an earlier ganui wrote, without the columns this one
			// adds or with a plane's count of modes named captured, is
			// read as one of its columns, and goes on in them, not taken
			// for another file and emptied, the run's history before the
			// checkpoint lost.
			last, row, form, ok := logEnd(opts.LogPath, s.csv.lay)
			for _, old := range s.csv.lay.earlier() {
				if ok {
					break
				}
				if last, row, form, ok = logEnd(opts.LogPath, old); ok {
					s.csv.lay = old
				}
			}
			fi, err := os.Stat(opts.LogPath)
			switch {
			case !ok && err == nil && fi.Size() > 0:
				// The run's columns and more after them: its own log, a
				// column added in a spreadsheet, is not another run's.
				if added := addedColumns(opts.LogPath, s.csv.lay); added != "" {
					return nil, fmt.Errorf("--log %s is a history of this run's columns with more after them, %s: remove those to go on in it, or give another file", log, added)
				}
				// A history (checkPaths has refused any other file) of
				// other columns: another design's, a plane's for a line.
				return nil, fmt.Errorf("--log %s is another run's history, of other columns than this run's: give another file, or remove it", log)
			case ok && last == e && e > 0 && s.last.Epoch == e && lossFields(row, s.csv.lay) != lossFields(string(appendCSV(nil, s.last, nil, s.csv.lay)), s.csv.lay):
				// The record knows the run's own row at its checkpoint
				// (at epoch 0, none: no epoch trained).
				return nil, fmt.Errorf("--log %s ends at epoch %s in another run's history (its row is not this run's): give another file, or remove it", log, numtext.FormatInt(e))
			case ok && last == e:
				if line, why := logBadLine(opts.LogPath, s.csv.lay); line > 0 {
					return nil, fmt.Errorf("--log %s line %d: %s: give another file, or mend or remove it", log, line, why)
				}
				s.csv.append, s.csv.crlf, s.csv.rowCRLF, s.csv.bom = true, form.crlf, form.rowCRLF, form.bom
			case ok && row == "" && (last == 0 || form.bare && e > 0):
				return nil, fmt.Errorf("--log %s is a history with no rows, not the run's up to its checkpoint at epoch %s: give another file, or remove it", log, numtext.FormatInt(e))
			case ok && last < 0 && row != "":
				// A row edited by hand: it is whole, so not cut.
				epoch, _, _ := strings.Cut(row, ",")
				return nil, fmt.Errorf("--log %s is a history whose last row begins with %q, not an epoch: give another file, or mend or remove it", log, epoch)
			case ok && form.bare: // saved before its first epoch
				return nil, fmt.Errorf("--log %s is a history whose header line has no line end, and no rows: end the line to go on in it, or give another file", log)
			case ok && form.cr:
				// Classic Mac OS line ends: the lines run together for
				// every reader here, and what to do is not to end one.
				return nil, fmt.Errorf("--log %s is a history whose lines end in a lone carriage return (\\r, as classic Mac OS and some old spreadsheets end them), not in \\n: convert them to go on in it (tr '\\r' '\\n' < old.csv > new.csv, then --log new.csv), or give another file", log)
			case ok && last < 0 && form.long:
				// No row is so long (logLineMost): rows whose line ends
				// were lost, or something else written after them.
				return nil, fmt.Errorf("--log %s is a history whose last line is longer than %s, as no row is (rows run together, their line ends lost, or something other than rows written after them): put back the line ends if it holds rows, else delete the line, or give another file", log, logLineMostSaid)
			case ok && last < 0 && form.unended:
				// A row cut short, or a whole one whose "\n" alone is
				// missing (an editor's, a script's): not told apart.
				return nil, fmt.Errorf("--log %s is a history whose last line has no line end (a row cut short, or a whole one missing only its end): end the line if the row is whole, else delete it, or give another file", log)
			case ok && last < 0:
				return nil, fmt.Errorf("--log %s is a history that ends in a cut row: give another file, or mend or remove it", log)
			case ok:
				// The run's own history gone on past its checkpoint (the
				// log kept while the run trained on after its save): its
				// row at the checkpoint is this run's, and the rows after
				// it would stand twice, once as kept and once as trained
				// again, so the user is told which lines to keep.
				if last > e && e > 0 && s.last.Epoch == e {
					if line, at := logRowAt(opts.LogPath, e); line > 0 && !badBefore(opts.LogPath, s.csv.lay, line) && lossFields(at, s.csv.lay) == lossFields(string(appendCSV(nil, s.last, nil, s.csv.lay)), s.csv.lay) {
						return nil, fmt.Errorf("--log %s runs past the checkpoint's epoch %s, to epoch %s: to go on in it, keep its first %s lines, to epoch %s's row (head -n %d), or give another file", log, numtext.FormatInt(e), numtext.FormatInt(last), numtext.FormatInt(line), numtext.FormatInt(e), line)
					}
				}
				return nil, fmt.Errorf("--log %s is a history that ends at epoch %s, not at the checkpoint's %s: give another file, or remove it", log, numtext.FormatInt(last), numtext.FormatInt(e))
			case e > 0 && (errors.Is(err, fs.ErrNotExist) || err == nil && fi.Size() == 0):
				s.logBegun = logBegunNote(opts.LogPath, e, err != nil)
			}
		}
	}
	if opts.Paused {
		s.state = Paused
	}
	if opts.Resume != "" {
		// Until it trains or changes, the run is its checkpoint's, which
		// again's caveat names as it names one w saved (Again).
		if fi, err := os.Stat(opts.Resume); err == nil {
			s.saved = lastSave{path: opts.Resume, version: s.version, cfg: gan.Config(), file: fi}
		}
	}
	// A resumed run says so wherever its checkpoint was saved: one saved
	// at epoch 0 (a setting changed before the first epoch, then w) too,
	// not "paused at epoch 0: space runs…" as a new run says. At the end
	// of its plan, "space or n continues" gives way where the screen is
	// short of room, after who wrote a checkpoint with no history: the
	// key bar says it too ("space go on · n step"), and at 80 columns,
	// resumed at epoch 1,234,567, the note ran to a third row, which cut
	// "the charts begin here" to "the …".
	if opts.Resume != "" {
		e := gan.Epoch()
		s.momentNote(fmt.Sprintf("resumed at epoch %s", numtext.FormatInt(e)))
		switch {
		case e >= s.planned && s.opts.Epochs == e:
			// The plan given ends at the checkpoint, saved mid-run or
			// not: "the end of its plan" read as the run's own, a
			// training finished there (NothingLeft).
			s.state = Done
			s.note += fmt.Sprintf(", the checkpoint as saved: --epochs %d ends the plan there", s.opts.Epochs) + GivesWay + "; space or n continues" + GivesWay
		case e >= s.planned:
			s.state = Done
			s.note += ", " + planReached(e, s.planned) + GivesWay + ": space or n continues" + GivesWay
		}
		switch {
		case s.unrecorded != nil && annex == nil:
			// Who wrote it, as the headless warning says (unrecorded),
			// gives way first where the status is short of rows: at 80
			// columns "resumed at epoch 150, the checkpoint as saved:
			// --epochs 150 ends the plan there; …" fills two without it.
			s.note += "; its checkpoint holds no history" + GivesWay + " (an older ganui wrote it)" + GivesWay + ": the charts begin here"
		case s.unrecorded != nil:
			s.note += "; its history could not be read: the charts begin here"
		}
		if s.otherKernels != "" {
			s.note += fmt.Sprintf("; trained on the %s kernels, it goes on on the %s ones, not bit for bit", s.otherKernels, engine.KernelISA())
		}
	}
	// What the outputs replace, read before they are held (an empty
	// --save is a reservation's from here on).
	logReplaced := false
	if s.csv != nil && !s.csv.append && opts.Resume == "" {
		if note := replacedLog(opts.LogPath, s.csv.lay); note != "" {
			s.replaces = append(s.replaces, Replaced{Note: note})
			logReplaced = true
		}
	}
	if opts.SavePath != "" && !opts.SavesOverResume() {
		this := gan // a new run's: a resumed one is no run again from epoch 0
		if opts.Resume != "" {
			this = nil
		}
		if r, st, last, ok := replacedCheckpoint(opts.SavePath, this, s.planned, s.opts.Samples); ok {
			if st != nil && logReplaced && ownLog(opts.LogPath, s.csv.lay, last) {
				// The log is the run's own history, stopped or trained to
				// its end, which a --resume of a stopped run goes on in:
				// said with the checkpoint, in one note, not as another
				// run's.
				s.replaces = s.replaces[:len(s.replaces)-1]
				st.Log = opts.LogPath
				r.Note = fmt.Sprintf("--save %s holds a checkpoint of %s, seed %d, at epoch %s, and --log %s its history to there: this run's are to replace them, the log's at its first epoch, the checkpoint's as the run ends; copy the checkpoint elsewhere to keep it",
					shellword.Quote(st.Path), st.Name, st.Seed, numtext.FormatInt(st.Epoch), shellword.Quote(st.Log))
			}
			s.replaces = append(s.replaces, r)
		}
	}
	// Last, the outputs held to the run's end, given up only by Run's end
	// or Stop: another run's at the same instant is refused here.
	if s.csv != nil {
		if err := s.csv.claim(); err != nil {
			return nil, fmt.Errorf("--log: %w", err)
		}
	}
	if opts.SavePath != "" {
		if s.saveRoom, err = reserveSave(gan, opts.SavePath); err != nil {
			if s.csv != nil {
				s.csv.close()
			}
			return nil, fmt.Errorf("--save: %w", err)
		}
	}
	if s.saved.file != nil && s.unrecorded == nil {
		// Its record too, taken whole: w before anything changes finds
		// the run saved (Save), and writes no copy of the checkpoint
		// beside it (ganui-vanilla-seed1-epoch5-2.ckpt).
		s.saved.record = sha256.Sum256(s.runRecord())
	}
	// The loop's first work is its first snapshot's evaluation.
	s.at = task{kind: evaluating, epoch: gan.Epoch(), n: s.opts.Samples, since: s.started}
	return s, nil
}

// defaultSamples is an evaluation's sample size unless Options say
// otherwise: DefaultSamples, or on a two-dimensional target (plane)
// engine.BenchmarkSamples, the papers' protocol.
func defaultSamples(plane bool) int {
	if plane {
		return engine.BenchmarkSamples
	}
	return DefaultSamples
}

// namedSamples is the sample size n (Options.Samples, 0 for the
// default) where a command or a line names it, --samples or samples=:
// n where it is not the default on a target on a plane or not
// (defaultSamples), else 0. The final line, the summaries and Again's
// command name it alike, so that runs evaluated on other sample sizes,
// whose KS, W1 and noise floors differ with it, do not read alike.
func namedSamples(n int, plane bool) int {
	if n == defaultSamples(plane) {
		return 0
	}
	return n
}

// planReached says where a run at epoch stands against a plan it has
// reached: "the end of its plan", or once it went on how far past it,
// "2,096 past its plan of 300".
func planReached(epoch, planned int) string {
	if epoch > planned {
		return numtext.FormatInt(epoch-planned) + " past its plan of " + numtext.FormatInt(planned)
	}
	return "the end of its plan"
}

// OfPlan is how a run at epoch stands against its plan of planned
// epochs, said after the epoch's number wherever a front end shows the
// two together (the trainer's header, live and in a replay): "/ 300"
// within the plan, and once the run went on past it "· 2,096 past plan",
// which says the plan is done and how far beyond it the run is, where
// "2,396 / 300" would read as a count out of a total it has overrun.
// Short, so that at 80 columns a header past its plan keeps the
// measured rate and a replay's the live epoch; the plan's size is the
// difference, and the notes give it (planReached). A plan of 100
// million epochs or more is written as --epochs takes it, "/ 1e9"
// (numtext.CountIn), where "/ 1,000,000,000" beside the epoch's own 13
// columns at the plan's end would leave a 70-column header no room for
// the measured rate; plans up to "/ 99,999,999" read in full.
func OfPlan(epoch, planned int) string {
	if epoch > planned {
		return "· " + numtext.FormatInt(epoch-planned) + " past plan"
	}
	return "/ " + numtext.CountIn(float64(planned), len("99,999,999"))
}

// Plan is the epoch the run trains to: --epochs, else the preset's own,
// or a resumed run's own plan, which its checkpoint keeps, so that the
// checkpoint of a run stopped short of it resumes to it again.
func (s *Session) Plan() int { return s.planned }

// NothingLeft reports a resumed run with nothing left to train: its
// checkpoint at or past its own plan, or at the Options.Epochs given (one
// it has passed New refuses). Run would end such a run at once, done; a
// headless front end refuses it with this error, which says how to go
// on, unless it draws the run's figure, where the trainer opens it done,
// to be looked at or continued past its plan.
func (s *Session) NothingLeft() error {
	e := s.gan.Epoch()
	switch {
	case s.opts.Resume == "" || e < s.planned:
		return nil
	case s.opts.Epochs == e:
		// The plan given, not the checkpoint's own, which may lie ahead:
		// "the end of its plan" would read as that one's.
		return fmt.Errorf("--epochs %d: the checkpoint is at epoch %s already: an --epochs N past it trains on to epoch N", s.opts.Epochs, numtext.FormatInt(e))
	default:
		return fmt.Errorf("--resume: the checkpoint is at epoch %s, %s: --epochs N trains on to epoch N", numtext.FormatInt(e), planReached(e, s.planned))
	}
}

// Start launches the session's own goroutine, which trains at the pace
// the user sets, applies commands and publishes snapshots until Stop.
// Commands sent before it apply before the first snapshot, which shows
// them: the trainer's HistBins for the screen it opens on has the
// untrained generator evaluated once, at its bins, where a wide design's
// evaluation takes seconds. It returns at once: the first state kept for
// a roll-back, a copy of the whole model (most of a second on a wide
// design), is taken in that goroutine, so that the trainer's screen is
// up meanwhile. Calling it again does nothing.
func (s *Session) Start() {
	s.start.Do(func() {
		s.keeping = true
		s.log.open()
		go s.loop()
	})
}

// Stop ends the session's goroutine and waits for it, then writes the
// files asked for that were still waiting (writeWaiting) and closes the
// run's logs; it is safe to call more than once and before Start. After
// Stop, Result and Parting may be called from the goroutine that called
// Stop.
func (s *Session) Stop() {
	s.stop.Do(func() { close(s.quit) })
	s.start.Do(func() { close(s.done) }) // never started: nothing to wait for
	<-s.done
	s.endOnce.Do(func() {
		s.writeWaiting()
		if s.saveRoom != nil { // not written: the run diverged, or never ran
			s.left = s.saveRoom.Release()
		}
		s.log.close()
		if s.csv != nil {
			s.csv.close()
		}
	})
}

// Left is the hidden temporary file of the --save checkpoint that Stop
// gave up unwritten (the run diverged, or was refused before it trained)
// and could not remove, its directory made read-only under the run:
// emptied, and named by the *outputfile.LeftError, whose Err the caller
// sets to why the run ended so; nil where nothing is left. It is for the
// caller of Stop, after Stop.
func (s *Session) Left() *outputfile.LeftError { return s.left }

// Done is closed once the session's goroutine has ended.
func (s *Session) Done() <-chan struct{} { return s.done }

// Snapshots delivers the latest snapshot. It holds at most one: a snapshot
// the UI has not taken yet is replaced by a fresher one.
func (s *Session) Snapshots() <-chan Snapshot { return s.snaps }

// Send queues c for the session's goroutine and returns at once. The
// queue has no fixed size, so no command is ever dropped, however fast
// keys arrive: commands apply in the order sent, all that are waiting
// between two epochs. A Step of whole epochs right behind another in the
// queue joins it, so a burst of typed-ahead steps is one command. Those
// still waiting when the session stops are dropped, the run ended, but
// for the files they ask for, which Stop writes (writeWaiting).
func (s *Session) Send(c Command) {
	s.mu.Lock()
	if n := len(s.queue); n > 0 {
		last, ok1 := s.queue[n-1].(Step)
		next, ok2 := c.(Step)
		if ok1 && ok2 && last.Kind == StepEpoch && next.Kind == StepEpoch {
			c, s.queue = Step{Kind: StepEpoch, Epochs: last.epochs() + next.epochs()}, s.queue[:n-1]
		}
	}
	s.queue = append(s.queue, c)
	if kind, ok := writesFile(c); ok {
		if s.unwritten == nil {
			s.unwritten = map[[2]string]int{}
		}
		s.unwritten[kind]++
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default: // a token is already waiting
	}
}

// Waiting is how many commands sent the session has not begun to apply:
// they wait behind the epoch in training or an evaluation, which on a
// wide design take seconds. It is safe to call from any goroutine, the
// session's still training: the trainer asks it to say that the keys
// pressed are taken, not lost.
func (s *Session) Waiting() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.queue)
}

// task is a piece of the session goroutine's work that can take seconds
// on a wide design: an epoch's training, or an evaluation of n samples.
type task struct {
	kind  taskKind
	epoch int       // the epoch trained, or the one whose generator is evaluated
	n     int       // the samples evaluated
	since time.Time // when it began, by the session's clock
}

type taskKind int

const (
	idle taskKind = iota // between tasks: applying commands, publishing, waiting for the pace
	training
	evaluating
)

// begin records t as what the goroutine is at now (Doing).
func (s *Session) begin(t task) {
	s.atMu.Lock()
	s.at = t
	s.atMu.Unlock()
}

// Doing says what the session's goroutine is at now, in the status's
// words ("training epoch 1", "evaluating the untrained generator on
// 10,000 samples"), the epoch the run is at, as a snapshot counts it
// (the one evaluated, or the one before the epoch in training), and for
// how long by the session's clock; "" between these tasks. A session
// not started yet is at its first snapshot's evaluation, its first work
// once started. It is safe to call from any goroutine: the trainer asks
// it while an epoch or evaluation of a wide design takes seconds,
// between two of the session's snapshots, to say that work goes on, and
// at what epoch.
func (s *Session) Doing() (what string, epoch int, since time.Duration) {
	s.atMu.Lock()
	t := s.at
	s.atMu.Unlock()
	switch t.kind {
	case idle:
		return "", 0, 0
	case training:
		epoch = t.epoch - 1
	default:
		epoch = t.epoch
	}
	return t.what(), epoch, s.clock.Since(t.since)
}

// what is t in the status's words; "" when idle.
func (t task) what() string {
	switch t.kind {
	case training:
		return "training epoch " + numtext.FormatInt(t.epoch)
	case evaluating:
		g := "the untrained generator"
		if t.epoch > 0 {
			g = "epoch " + numtext.FormatInt(t.epoch) + "'s generator"
		}
		return "evaluating " + g + " on " + numtext.Count(t.n, "sample")
	}
	return ""
}

// publishEvery is the shortest interval between routine snapshots (≈ 20 Hz);
// a command's result is published at once.
const publishEvery = 50 * time.Millisecond

// evalEvery is the shortest interval between evaluations while running
// (≈ 5 Hz): they cost more than the rest of a snapshot together. Paused
// runs and commands are evaluated at once.
const evalEvery = 200 * time.Millisecond

// gzPoints is how many points of G's curve a snapshot carries.
const gzPoints = 200

// historyPoints bounds each run's chart history.
const historyPoints = 512

// Histogram bins a session accepts.
const (
	minBins     = 8
	maxBins     = 400
	defaultBins = 60
)

// loop is the session's goroutine: train, apply commands between epochs,
// publish at most every publishEvery unless a command asks for more.
func (s *Session) loop() {
	defer close(s.done)
	s.keep() // the start, which u goes back to
	s.timer = time.NewTimer(time.Hour)
	s.timer.Stop()
	s.beginStretch(s.clock.Now())
	s.applyQueued() // those sent before Start, then the first snapshot
	for {
		if s.state != Running {
			select {
			case <-s.quit:
				return
			case <-s.wake:
				s.applyQueued()
			}
			continue
		}
		if s.quitting() { // told while a command worked (a wide design's save): no epoch more
			return
		}
		if wait := s.pace(); wait > 0 {
			s.timer.Reset(wait)
			select {
			case <-s.quit:
				return
			case <-s.wake:
				s.applyQueued()
			case <-s.timer.C:
			}
			continue
		}
		// Keys pressed while the last frame was drawn, its evaluation
		// seconds long on a wide design, act before the next epoch, not
		// after it: the check after trainEpoch catches only those pressed
		// while it trained.
		select {
		case <-s.wake:
			s.applyQueued()
			continue
		default:
		}
		s.trainEpoch()
		select {
		case <-s.quit:
			return
		case <-s.wake:
			s.applyQueued()
			continue
		default:
		}
		if s.state != Running || s.clock.Since(s.lastPub) >= publishEvery {
			s.publish()
		}
	}
}

// quitting reports whether Stop has been called: a long command checks it
// between epochs.
func (s *Session) quitting() bool { return closed(s.quit) }

// applyQueued applies every command waiting, including those sent while
// it works, then publishes the result. It takes them one at a time, so
// that a command at work sees those after it (runWaiting).
func (s *Session) applyQueued() {
	for {
		s.mu.Lock()
		if len(s.queue) == 0 {
			s.queue = nil
			s.mu.Unlock()
			break
		}
		c := s.queue[0]
		s.queue = s.queue[1:]
		s.mu.Unlock()
		s.applyCommand(c)
	}
	s.publish()
}

// applyCommand applies c, one of the commands sent. A command that trains
// or changes the run returns a replay to live (leavesReplay), unless it
// changed nothing (refuse): n or space on a diverged run, u on one that
// has not diverged, → at the top of the ladder say why and leave the
// frame in sight: a return to live would lose a frame of the epochs
// before a divergence to a key that did nothing.
func (s *Session) applyCommand(c Command) {
	s.failed, s.refused, s.unsaved = false, false, ""
	frame := s.replay
	s.wroteNow = wroteFile{}
	if leavesReplay(c) {
		s.replay = -1 // back to live before it acts: what it publishes is live
	}
	kind, writes := writesFile(c)
	s.atWork = kind
	c.apply(s)
	if s.refused {
		s.replay = frame
	}
	if writes {
		s.keepNote(kind, s.wroteNow)
		s.takeUp() // refused, failed, or written: unless written already, or refused as the trainer quit at once (writeFile)
	}
	s.refusedInFrame(frame)
}

// refusedInFrame puts the note of the replay's frame after a refusal made
// while the frame stays in sight, as speedNote does after a change of
// pace: "speed is full already, the pace the trainer started at · ◆
// d-wins-ended at epoch 1,300: replay frame 13 of 28 · , . step · …",
// where the refusal took the replay's line and left the frame shown
// unnamed. A note that ends in a command (CommandBreak) is left whole.
func (s *Session) refusedInFrame(frame int) {
	if !s.refused || frame < 0 || s.replay != frame || s.frameNote == "" ||
		strings.Contains(s.note, s.frameNote) || strings.Contains(s.note, CommandBreak) {
		return
	}
	s.note += " · " + s.frameNote
	s.refusal = s.note
}

// refuse says, in the note, why the command at work changes nothing.
func (s *Session) refuse(note string) { s.note, s.refused, s.refusal = note, true, note }

// runWaiting reports whether a TogglePause waits behind the command at
// work: space pressed during steps typed ahead, which a paused run's
// space sets running.
func (s *Session) runWaiting() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.queue {
		if _, ok := c.(TogglePause); ok {
			return true
		}
	}
	return false
}

// paced reports whether the pace holds the running run back: it made an
// epoch wait within pacedWithin, the time the rate is smoothed over
// (updateRate), and the rate is near the pace, pacedShare of it or more.
// A run that trains slower than its speed never waits, and its rate is
// the machine's, checks and drawing included; so is that of a run the
// machine keeps from its pace most of the time, whose epochs wait now and
// then: wgan-gp on a loaded machine at speed 500/s, "155 ep/s paced",
// read as the pace's a rate a third of it.
func (s *Session) paced() bool {
	return s.state == Running && s.speed > 0 && !s.pacedAt.IsZero() && s.clock.Since(s.pacedAt) < pacedWithin && s.rate >= pacedShare*s.speed
}

// pacedWithin is how lately the pace must have held an epoch back for the
// rate to count as held to it (paced): the rate's time constant.
const pacedWithin = time.Second

// pacedShare is how near the pace a rate must be to count as held to it
// (paced): a run the pace holds back shows a rate a little under its
// speed, 97 ep/s at 100/s, as the smoothed rate lags the epochs' waits.
const pacedShare = 0.8

// pace returns how long to wait before the next epoch at the chosen speed.
func (s *Session) pace() time.Duration {
	r := s.speed
	if r == 0 {
		return 0
	}
	now := s.clock.Now()
	period := time.Duration(float64(time.Second) / r)
	if s.nextEpoch.IsZero() || now.Sub(s.nextEpoch) > period {
		s.nextEpoch = now // fell behind (or just resumed): no burst to catch up
	}
	if wait := s.nextEpoch.Sub(now); wait > 0 {
		s.pacedAt = now
		return wait
	}
	s.nextEpoch = s.nextEpoch.Add(period)
	return 0
}

// trainEpoch trains one epoch, records it and moves the state on: Done at
// the planned epoch, Diverged on a non-finite value or a runaway. This is
// the one place a front end's epoch is trained. Every epoch goes to the
// logs, a diverged one too, and every finite one to the charts and the
// latest stats, a runaway's too; good ones may be kept for a roll-back.
func (s *Session) trainEpoch() {
	if s.gan.Epoch() >= engine.MaxEpochs {
		s.setState(Done)
		s.note = fmt.Sprintf("epoch %s is the most a run counts: r or R starts a new run", numtext.FormatInt(engine.MaxEpochs))
		return
	}
	t0 := s.clock.Now()
	s.begin(task{kind: training, epoch: s.gan.Epoch() + 1, since: t0})
	st, err := s.gan.TrainEpoch()
	s.trainedAt = s.clock.Now()
	s.begin(task{since: s.trainedAt})
	s.busy += s.trainedAt.Sub(t0)
	s.trained++
	s.changed()
	s.record(st)
	if err != nil {
		s.diverge(err)
		return
	}
	// A runaway's epoch is finite and trained, and is the run's latest:
	// the legends and charts show it, beside the runaway's description of
	// it, not the epoch before (μ 9.947e9 beside a description's mean
	// 6.495e9).
	r := s.watch.add(st)
	s.last = st
	s.hist.Add(st)
	if r != "" {
		s.diverge(&Divergence{Epoch: st.Epoch, What: "a runaway", Runaway: r, Unreached: s.watch.unreached(st.Epoch)})
		return
	}
	if s.moment != "" && st.Epoch >= s.noteUntil && !s.clock.Now().Before(s.noteTill) {
		if s.note == s.moment {
			s.note = ""
		}
		s.moment = ""
	}
	if st.Epoch%s.every == 0 {
		s.check()
	}
	if s.keeping {
		s.maybeKeep()
	}
	if s.state == Running {
		s.runEpochs++
	}
	if !s.pastPlan && st.Epoch >= s.planned {
		done := "done: " + numtext.Count(s.planned, "epoch")
		if s.state == Running {
			// The time is of the epochs trained running in this run; a
			// resumed run's earlier epochs, and epochs stepped, are not in
			// it, so then the count it is of is said.
			wall := s.runWall + s.clock.Since(s.runStart)
			// Epochs a roll-back undid were trained running, and timed, but
			// are not among the plan's: "600 epochs, 800 of them running"
			// read as more than all.
			switch {
			case s.runLost > 0:
				done += fmt.Sprintf(", %s trained running (%s rolled back)", numtext.FormatInt(s.runEpochs), numtext.FormatInt(s.runLost))
			case s.runEpochs != s.planned:
				done += fmt.Sprintf(", %s of them running", numtext.FormatInt(s.runEpochs))
			}
			// Tenths of a second, or under one a digit that is not 0:
			// 50 epochs at 1,079 ep/s would take "0.0 s".
			secs := fmt.Sprintf("%.1f", wall.Seconds())
			if wall < 100*time.Millisecond {
				secs = numtext.Plainly(wall.Seconds(), 1)
			}
			num, unit := RateText(s.avgRate())
			// Beside the rate at the pace, checks included, the rate
			// training alone, which the final line prints as
			// epochs_per_s: "(194 ep/s; training alone 1,404 ep/s)" at
			// speed 200/s, where the first alone read as what the
			// machine trains at. It gives way (GivesWay) where the note
			// would fit its screen's status without it, and is left out
			// where no training time was counted.
			alone := ""
			if s.busy > 0 {
				n, u := RateText(float64(s.trained) / s.busy.Seconds())
				alone = GivesWay + "; training alone " + n + " " + u + GivesWay
			}
			done += fmt.Sprintf(" in %s s (%s %s%s)", secs, num, unit, alone)
		}
		done += " · space or n continues · r or R starts a new run"
		if s.failed {
			done = s.note + " · " + done // a failure stays said (a save that failed a moment before)
		}
		s.note = done
		s.setState(Done)
	}
}

// trainPlayer makes a single update of player p, outside any epoch, and
// returns its losses: D's on real and on generated data, or G's (twice).
// A loss or weight that is not finite makes the run diverge, and is the
// error.
func (s *Session) trainPlayer(p engine.Player) (a, b float64, err error) {
	what := "G's loss"
	if p == engine.D {
		a, b = s.gan.StepD()
		what = "D's loss"
	} else {
		a = s.gan.StepG()
		b = a
	}
	s.changed()
	if math.IsNaN(a+b) || math.IsInf(a+b, 0) {
		err = &engine.DivergedError{Epoch: s.gan.Epoch(), What: what}
	} else {
		err = s.gan.Check()
	}
	if err != nil {
		s.diverge(err)
		return a, b, err
	}
	if s.handNow() == nil {
		s.hand, s.handRun = HandLosses{Epoch: s.gan.Epoch()}, s.run
	}
	if p == engine.D {
		s.hand.D, s.hand.DReal, s.hand.DFake = true, a, b
	} else {
		s.hand.G, s.hand.GLoss = true, a
	}
	return a, b, nil
}

// handNow is the losses of the updates by hand since the latest epoch,
// or nil where there were none: those kept are another run's (r, R, a
// roll-back) or an earlier epoch's.
func (s *Session) handNow() *HandLosses {
	if h := &s.hand; s.handRun == s.run && h.Epoch == s.gan.Epoch() && (h.D || h.G) {
		return h
	}
	return nil
}

// record adds an epoch to the run's logs: the CSV file of Options.LogPath
// and, when interactive, the history behind Export.
func (s *Session) record(st engine.EpochStats) {
	if s.csv != nil {
		s.csv.write(st)
	}
	if s.keeping {
		s.log.add(st)
	}
}

// changed records that the model is no longer what was last evaluated.
func (s *Session) changed() {
	s.version++
	s.evalOK = false
}

// setState moves the run to state st, keeping the running-time account
// behind the average speed reported at the end of the plan.
func (s *Session) setState(st State) {
	now := s.clock.Now()
	if s.state == Running && st != Running {
		s.runWall += now.Sub(s.runStart)
	}
	if st == Running && s.state != Running {
		s.beginStretch(now)
	}
	s.state = st
}

// avgRate is the run's epochs per second of running wall time, evaluations
// and contention with the screen included.
func (s *Session) avgRate() float64 {
	wall := s.runWall
	if s.state == Running {
		wall += s.clock.Since(s.runStart)
	}
	if wall <= 0 {
		return 0
	}
	return float64(s.runEpochs) / wall.Seconds()
}

// diverge stops the run: the one place that decides a run has diverged,
// from the engine's report of a value that is not finite.
func (s *Session) diverge(err error) {
	d, ok := err.(*Divergence)
	if !ok {
		d = &Divergence{Epoch: s.gan.Epoch(), What: err.Error()}
		var nan *engine.DivergedError
		if errors.As(err, &nan) {
			d.Epoch, d.What = nan.Epoch, nan.What
		}
	}
	if s.state == Paused {
		// What the pause said, "paused: n trains one epoch", its steps
		// in progress, the losses of the last, is over. A running run's
		// note is the answer to the last key, and stays beside the
		// divergence unless it said why the key did nothing (below):
		// cleared, "rerun from seed 1" would go when the rerun diverges
		// where the run it replaced did, leaving the screen as it was
		// before R.
		s.note, s.failed = "", false
	}
	if s.note != "" && s.note == s.refusal {
		// Why a key did nothing to the running run, "n (one epoch) works
		// while paused", "u rolls a diverged run back …; this run has not
		// diverged", is false of the diverged one, and would take a row of
		// the divergence's own words.
		s.note = ""
	}
	s.setState(Diverged)
	s.err = d
	s.divergedWith = s.settings(s.gan.Config())
	if d.Runaway != "" {
		s.emit(Event{Epoch: d.Epoch, Kind: EventRunaway, Detail: d.Runaway})
	} else {
		s.emit(Event{Epoch: d.Epoch, Kind: EventDiverged, Detail: d.What + " is not finite"})
	}
}

// momentNote sets a note about this moment of the run, which goes once
// the run has trained a check interval past it and momentShown has passed:
// a check interval alone is gone before it is read at most paces (3 epochs
// of a 300-epoch plan, 50 of blog-original's at 200/s: a quarter second).
func (s *Session) momentNote(note string) {
	s.note, s.moment, s.noteUntil = note, note, s.gan.Epoch()+s.every
	s.noteTill = s.clock.Now().Add(momentShown)
}

// momentShown is how long a moment's note stands at the least, running:
// long enough to read a line.
const momentShown = 4 * time.Second

// warn sets a note that reports a failure.
func (s *Session) warn(note string) { s.note, s.failed = note, true }

// publish sends a fresh snapshot, evaluating the generator first if it has
// changed since the last evaluation. A snapshot the UI has not taken yet is
// dropped in favour of this one.
//
// A run that stopped on a runaway is evaluated once more as it stopped:
// its weights are finite, and the samples far out of range are what the
// screen must show (at full pace the last evaluation can be hundreds of
// epochs old). Only weights that are no longer finite keep the last one.
func (s *Session) publish() { s.publishEval(s.state != Running) }

// publishEval publishes as publish does, evaluating the generator first
// if at once is set or the last evaluation is evalEvery old: a long step
// shows its epochs as a running run does, its evaluations no more often.
func (s *Session) publishEval(atOnce bool) {
	now := s.clock.Now()
	s.updateRate()
	s.lastPub = now
	if !s.evalOK && s.canEvaluate() && (atOnce || now.Sub(s.lastEval) >= evalEvery) {
		s.begin(task{kind: evaluating, epoch: s.gan.Epoch(), n: s.opts.Samples, since: now})
		ok := s.evaluate()
		s.lastEval = now
		end := s.clock.Now()
		if took := end.Sub(now); ok || took > s.evalTook { // one stopped short took at least as long
			s.evalTook = took
		}
		s.evalTimed = s.evalTimed || ok
		s.begin(task{since: end})
		if !ok { // told to stop: no frame, and the loop ends
			return
		}
		s.settleFloor(&s.eval, s.findings()) // a done run's final evaluation
	}
	cfg := s.gan.Config()
	var eq *Equilibrium
	if e, ok := EquilibriumOf(cfg); ok {
		eq = &e
	}
	if of := presets.Marshal(cfg); !bytes.Equal(of, s.namedOf) {
		s.origin, s.changes = designOf(s.opts, cfg)
		s.namedOf = of
	}
	snap := Snapshot{
		Run:       s.run,
		Preset:    cfg.Name,
		Origin:    s.origin,
		Changes:   s.changes,
		Design:    append([]string{cfg.Description, "source: " + cfg.Source}, cfg.Outline()...),
		Networks:  cfg.Networks(),
		Remedies:  RemediesOf(cfg),
		Terms:     TermsOf(cfg),
		Target:    s.target,
		Loss:      cfg.Loss,
		GLoss:     cfg.GLoss,
		GEMA:      cfg.GEMA,
		Penalized: cfg.Penalized(),
		RowWidth:  rowWidth(cfg),
		Seed:      s.gan.Seed(),
		State:     s.state,
		Err:       s.err,
		Epoch:     s.gan.Epoch(),
		Planned:   s.planned,
		Rate:      s.rate,
		Paced:     s.paced(),

		Equilibrium: eq,
		Rollback:    -1, // unless rollbackTarget says otherwise, below

		Settings:       s.settings(cfg),
		Start:          s.startValues(),
		DesignSettings: s.design,
		DWarmup:        s.warmupShown(cfg),
		Last:           s.last,
		History:        s.hist.Points(make([]Point, 0, s.hist.Len())),
		Stride:         s.hist.Stride(),
		From:           s.from,
		Eval:           s.eval,
		Evals:          s.evals.Points(make([]EvalPoint, 0, s.evals.Len())),
		Findings:       s.findings(),
		Events:         slices.Clone(s.tl.events),
		Earlier:        s.tl.dropped,
		Frames:         len(s.tl.keyframes),
		Baseline:       s.baseline,
		Note:           s.note,
		Failed:         s.failed,
		Warning:        s.log.warning(),

		Exportable: s.exportable(),
	}
	if g, ok := s.rollbackTarget(); ok {
		snap.Rollback = g.epoch
	}
	if s.state == Diverged { // a resumed run, never diverged here, has none
		snap.DivergedWith = s.divergedWith
	}
	if h := s.handNow(); h != nil {
		c := *h // the snapshot's own: the session's goes on changing
		snap.Hand = &c
	}
	if s.replay >= 0 {
		f := s.tl.keyframes[s.replay] // a copy: the session thins its frames in place
		snap.Replay, snap.ReplayIndex = &f, s.replay
		for _, e := range s.tl.events {
			if s.inFrame(e, s.replay) {
				snap.ReplayEvents = append(snap.ReplayEvents, e)
			}
		}
	}
	snap.CheckNoise = s.checkNoise()
	snap.Pending = s.pending(snap.Findings, snap.Epoch)
	for {
		select {
		case s.snaps <- snap:
			return
		default:
		}
		select {
		case <-s.snaps: // stale: the UI has not taken it yet
		default:
		}
	}
}

// canEvaluate reports whether the generator can be evaluated as it is:
// always, but for a diverged run whose weights are no longer finite.
func (s *Session) canEvaluate() bool {
	return s.state != Diverged || s.gan.Check() == nil
}

// beginStretch starts a stretch of running at now: a start, a resume, or
// a new run (r, R) while running. The rate is measured within one.
func (s *Session) beginStretch(now time.Time) {
	s.runStart = now
	s.rate, s.rateT, s.rateFrom = 0, time.Time{}, s.trained
}

// updateRate smooths epochs/s over about a second of running time,
// measured from the end of one epoch to the end of another within one
// stretch of running (beginStretch). Measured from the stretch's start
// it would count the first epoch, which a paced run trains at once, over
// the moments after it, and the header would read 17 ep/s beside speed
// 10/s on a resume; and measured across an r or R while running, the
// epochs going back to 0, it would fall below 0, gone from the header,
// then climb from 6 ep/s beside speed 200/s for seconds.
func (s *Session) updateRate() {
	switch {
	case s.state != Running || s.trained == s.rateFrom: // no epoch trained in this stretch yet
		s.rate, s.rateT = 0, time.Time{}
		return
	case s.rateT.IsZero():
		s.rateT, s.rateAt = s.trainedAt, s.trained
		return
	}
	dt := s.trainedAt.Sub(s.rateT).Seconds()
	if dt < 0.02 {
		return
	}
	inst := float64(s.trained-s.rateAt) / dt
	if s.rate == 0 {
		s.rate = inst
	} else {
		a := 1 - math.Exp(-dt) // time constant 1 s
		s.rate += a * (inst - s.rate)
	}
	s.rateT, s.rateAt = s.trainedAt, s.trained
}

// evaluate measures fresh samples and D's curve over the histogram's range.
// Every slice in the result is newly allocated. A plane's takes
// Options.Samples as a line's does (2,500 unless --samples says), so
// that the screen's SW1, floor and HQ are those of the final line
// printed at the quit. Told to stop meanwhile (Stop), it gives up between
// batches of samples, the evaluation before it kept, and reports false:
// q leaves at once, not seconds later, after a wide design's samples for
// a frame no one will see.
func (s *Session) evaluate() bool {
	if s.gan.Plane() != nil {
		e, ok := s.evaluatePlane(s.opts.Samples, true, s.quit)
		if ok {
			s.eval, s.evalOK = e, true
		}
		return ok
	}
	m, ok := s.gan.EvaluateUntil(s.opts.Samples, s.histSpec(s.bins), s.quit)
	if !ok {
		return false
	}
	e := Eval{Epoch: s.gan.Epoch(), Metrics: m, KSFloor: engine.KSNoiseFloor(m.N)}
	if !s.curves(&e, s.bins, s.quit) {
		return false
	}
	s.eval, s.evalOK = e, true
	if s.baseline != nil { // its outline binned as these bars are
		s.baseline = s.baseline.binned(s.bins, m.Hist.Lo, m.Hist.Hi, s.gan.Target())
	}
	return true
}

// The 2-D view's evaluation: how many generated points it draws, the
// side of D's surface grid, and the number of push arrows.
const (
	planePoints = 1500
	surfaceN    = 48
	planeArrows = 32
)

// evaluatePlane measures n fresh samples of a two-dimensional run (the
// papers' benchmarks take engine.BenchmarkSamples), and when view is set
// adds what the 2-D view draws: some of the points, D's surface and its
// push at a few of them. Drawing them changes nothing in the run. Once
// stop is closed it gives up, as engine's SampleUntil does while it draws,
// PlaneReference.EvaluateUntil while it measures and DSurfaceUntil while
// D scores its surface, and reports false; a nil stop never stops it.
func (s *Session) evaluatePlane(n int, view bool, stop <-chan struct{}) (Eval, bool) {
	xy := make([]float64, 2*n)
	if !s.gan.SampleUntil(xy, uint64(s.gan.Epoch()), stop) {
		return Eval{}, false
	}
	pm, ok := s.gan.Reference().EvaluateUntil(xy, stop)
	if !ok {
		return Eval{}, false
	}
	e := Eval{Epoch: s.gan.Epoch(), Metrics: engine.Metrics{N: n, Plane: &pm}}
	if !view {
		return e, true
	}
	e.Points = slices.Clone(xy[:2*min(n, planePoints)])
	surf := make([]float64, surfaceN*surfaceN)
	drawn, ok := dSurfaceUntil(s.gan, surf, s.target.Plane.Box, surfaceN, surfaceN, stop)
	if !ok { // told to stop as D scored the surface's grid
		return Eval{}, false
	}
	if drawn {
		e.Surface, e.SurfaceN = surf, surfaceN
		k := min(planeArrows, n)
		at := make([]float64, 2*k)
		for i := range k { // evenly through the sample, which is in no order
			j := i * (n / k)
			at[2*i], at[2*i+1] = xy[2*j], xy[2*j+1]
		}
		push := make([]float64, 2*k)
		s.gan.DPush(push, at)
		e.Arrows = make([]Arrow, k)
		for i := range e.Arrows {
			e.Arrows[i] = Arrow{at[2*i], at[2*i+1], push[2*i], push[2*i+1]}
		}
	} else {
		e.NoCurve = noSurfaceReason(s.gan.Config())
	}
	return e, true
}

// dSurfaceUntil is how evaluatePlane draws D's surface,
// (*engine.GAN).DSurfaceUntil: a test closes the stop through it.
var dSurfaceUntil = (*engine.GAN).DSurfaceUntil

// noSurfaceReason says in one short line why D has no surface over the
// plane.
func noSurfaceReason(cfg engine.Config) string {
	return fmt.Sprintf("no D surface: D judges %s packed points at once", numtext.FormatInt(cfg.DIn))
}

// shownRange is the x range the screen shows and the runaway rule reads:
// engine.DefaultRange of a one-dimensional target, the x side of a
// plane's box.
func shownRange(g *engine.GAN) (lo, hi float64) {
	if p := g.Plane(); p != nil {
		b := p.Bounds()
		return b.X0, b.X1
	}
	return engine.DefaultRange(g.Target())
}

// check is the scheduled evaluation of the run (see checkEvery): the
// diagnosis at this epoch, the events it starts or ends, and a keyframe
// for replay when the run keeps them (keepsFrames). Told to stop
// meanwhile (Stop, q; under Run its context, checkStop), it gives the
// measurement up as evaluate does and records nothing of it: a check
// half-measured would be no check.
func (s *Session) check() {
	epoch := s.gan.Epoch()
	frames := s.keepsFrames()
	n, t0 := CheckSize(s.gan.Plane() != nil), s.clock.Now()
	s.begin(task{kind: evaluating, epoch: epoch, n: n, since: t0})
	stop := s.checkStop()
	e, ok := s.measure(frames, stop)
	t1 := s.clock.Now()
	s.begin(task{since: t1})
	if ok && frames && e.Metrics.Plane == nil { // the keyframe's curves, which the diagnosis does not read
		ok = s.curves(&e, keyBins, stop)
	}
	if !ok { // told to stop (q, a headless SIGTERM): the check is given up, nothing of it recorded
		return
	}
	s.checkN, s.checkTook = n, t1.Sub(t0)
	m := e.Metrics
	s.evaluated(m)
	s.watch.follow(s.evals.pts, s.every)
	findings := diagnoseSeen(s.gan.Config(), &s.watch, &e, s.tl.episodes.modes)
	for _, ev := range s.tl.episodes.update(findings, &e, epoch, s.every, &s.watch) {
		s.emit(ev)
	}
	if frames {
		s.tl.keep(Keyframe{Eval: e, Last: s.last, Findings: findings})
	}
}

// checkStop is the stop a check looks at: q's (quit) in the trainer,
// and under Run its context's, which a headless run's SIGTERM cancels,
// so that the signal ends a check of a wide design's 2,000 samples, or
// a plane's 2,500 with its view, as q does, where Run waited it out and
// stopped after it. A check given up records nothing, so the run's
// diagnosis and final line stand on its last completed check.
func (s *Session) checkStop() <-chan struct{} {
	if s.runStop != nil {
		return s.runStop
	}
	return s.quit
}

// measure evaluates the run as it stands as a check does: CheckSize
// fresh samples, drawn from the stream of the epoch, so that a measure
// of the same epoch is the same whenever it is taken; with view, on a
// plane, what the 2-D view draws too (evaluatePlane). Once stop is
// closed it gives up between G's batches of samples and reports false,
// as evaluate does: a check of a wide design's 2,000 samples takes
// seconds, which q does not wait for. A nil stop never stops it.
func (s *Session) measure(view bool, stop <-chan struct{}) (Eval, bool) {
	plane := s.gan.Plane() != nil
	n := CheckSize(plane)
	if plane {
		return s.evaluatePlane(n, view, stop)
	}
	m, ok := s.gan.EvaluateUntil(n, s.histSpec(keyBins), stop)
	return Eval{Epoch: s.gan.Epoch(), Metrics: m, KSFloor: engine.KSNoiseFloor(m.N)}, ok
}

// keepsFrames says whether the run keeps keyframes: when interactive,
// for replay, and headless when it writes a checkpoint (--save), whose
// record carries them to the replay of a resume in the trainer. A
// headless run that saved kept none, and one resumed from a record that
// held some passed them on and added none, so the trainer's replay after
// it stepped from the frames of its own run back to the old ones. Both
// front ends keep them on the same schedule, so a run's replay is the
// same however it was trained. Each check then also draws D's curve and
// push at keyBins and G's at gzPoints (about 1,000 single-sample
// passes, beside the 2,000 samples of the evaluation) and keeps 14.5 KB
// on a line, 33 KB on a plane, for at most maxKeyframes frames.
func (s *Session) keepsFrames() bool { return s.keeping || s.opts.SavePath != "" }

// findings is the diagnosis of the run now: a runaway's, once it has
// diverged so; otherwise what diagnose sees.
func (s *Session) findings() []Finding {
	switch {
	case s.err != nil && s.err.Unreached:
		return []Finding{{Kind: Runaway, Text: "a runaway, without a NaN: " + UnreachedRemedy, Detail: s.err.Runaway}}
	case s.err != nil && s.err.Runaway != "":
		return []Finding{{Kind: Runaway, Text: "a runaway: the run has left the target for good, without a NaN", Detail: s.err.Runaway}}
	case s.err != nil:
		return nil
	}
	return diagnoseSeen(s.gan.Config(), &s.watch, &s.eval, s.tl.episodes.modes)
}

// pending returns those of fs, the diagnosis at epoch, whose start is no
// event yet (episodes.pending), by the run's checks: the one rule for the
// screen's Snapshot.Pending and the final Result's, so that the headless
// finding lines say of a finding what the screen's diagnosis says.
func (s *Session) pending(fs []Finding, epoch int) []Pending {
	last := -1 // the latest check's epoch, the last of its evaluations
	if n := len(s.evals.pts); n > 0 {
		last = s.evals.pts[n-1].Epoch
	}
	return s.tl.episodes.pending(fs, epoch, s.every, last)
}

// checkNoise is how far sampling alone can move each measure of a check,
// at a check's size (CheckSize, Snapshot.CheckNoise): KS's and W1's noise
// floors in one dimension, sliced W1's on a plane, from the run's
// reference sample, which keeps it once worked out. A plane's is taken
// at its checks' 2,500 samples, not a line's 2,000.
func (s *Session) checkNoise() EvalPoint {
	if r := s.gan.Reference(); r != nil {
		return EvalPoint{SW1: r.Floor(CheckSize(true))}
	}
	return EvalPoint{KS: engine.KSNoiseFloor(CheckSize(false)), W1: s.w1Noise}
}

// histSpec is the histogram of an evaluation at bins bins: over the
// range shown, widened to take in G's samples when most of them lie
// outside it (engine.HistSpec.Cover), so that the bars and D's push at
// them show where G is.
func (s *Session) histSpec(bins int) engine.HistSpec {
	return engine.HistSpec{Bins: bins, Lo: s.watch.xlo, Hi: s.watch.xhi, Cover: true}
}

// curves adds D's score and slope at the centres of bins bins over e's
// histogram's range, and G's curve, to e. Once stop is closed it gives
// up between them and reports false: D's score and slope at 400 bins of
// a keyframe and G at 200 noise values are passes through the nets of a
// wide design after the evaluation's own, which q need not wait for. A
// nil stop never stops it.
func (s *Session) curves(e *Eval, bins int, stop <-chan struct{}) bool {
	lo, hi := e.Metrics.Hist.Lo, e.Metrics.Hist.Hi
	w := (hi - lo) / float64(bins)
	curve := make([]float64, bins)
	if s.gan.DCurve(curve, lo+w/2, hi-w/2) {
		e.DCurve = curve
		if closed(stop) {
			return false
		}
		e.Push = make([]float64, bins)
		s.gan.DSlope(e.Push, lo+w/2, hi-w/2)
	} else {
		e.NoCurve = noCurveReason(s.gan.Config(), "strip")
	}
	if closed(stop) {
		return false
	}
	zlo, zhi := s.gan.NoiseRange()
	zs, xs := make([]float64, gzPoints), make([]float64, gzPoints)
	for i := range zs {
		zs[i] = zlo + (zhi-zlo)*float64(i)/float64(gzPoints-1)
	}
	if s.gan.GCurve(xs, zs) {
		e.GZ = make([]ZX, gzPoints)
		for i := range e.GZ {
			e.GZ[i] = ZX{zs[i], xs[i]}
		}
	}
	return !closed(stop)
}

// closed reports whether stop is closed; a nil stop never is.
func closed(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

// evaluated records a check's evaluation of the model as it stands: in
// the evaluation history, the --log row of its epoch and, when
// interactive, the side-log behind Export. Only the checks are recorded:
// their epochs are the same in every front end, so --log and the
// trainer's export write the same rows.
func (s *Session) evaluated(m engine.Metrics) {
	e := s.gan.Epoch()
	s.evals.Add(e, m)
	if s.csv != nil {
		s.csv.evaluated(e, m)
	}
	if s.keeping {
		s.evlog.add(e, m)
	}
}

// noCurveReason says in one short line why a view has no D(x) drawn,
// D judging no single sample: a whole row of G's (blog-original), or
// samples packed for D, which bimodal-pacgan's G makes one by one. drawn
// names what the view would have drawn: the screen's "strip" under the
// bars, as the ? pages and the README call it, or the figure's "curve"
// over the densities.
func noCurveReason(cfg engine.Config, drawn string) string {
	return "no D(x) " + drawn + ": " + noCurveWhy(cfg)
}

// noDNote is the line a keyframe read from a checkpoint shows in place
// of D's answer, in this ganui's words for the run's design, as the live
// view's (noCurveReason, noSurfaceReason), not the words recorded with
// it: a checkpoint an earlier ganui wrote says "no D(x) curve: …" of a
// frame whose replay draws the histogram's strip, and one made before a
// reason was reworded gives the old reason. It is "" where the frame
// holds D's strip or surface, and where D scores single samples but the
// checkpoint kept none, says so: "no D(x) strip: the checkpoint kept
// none", in place of an empty line.
func (s *Session) noDNote(e *Eval) string {
	cfg := s.gan.Config()
	switch {
	case e.DCurve != nil || e.Surface != nil:
		return ""
	case e.Metrics.Plane != nil && cfg.ScoresSamples():
		return "no D surface: the checkpoint kept none"
	case e.Metrics.Plane != nil:
		return noSurfaceReason(cfg)
	case cfg.ScoresSamples():
		return "no D(x) strip: the checkpoint kept none"
	}
	return noCurveReason(cfg, "strip")
}

// noCurveWhy is noCurveReason's reason, what D judges in place of one
// sample.
func noCurveWhy(cfg engine.Config) string {
	switch cfg.DInput {
	case engine.DInputMoments:
		return fmt.Sprintf("D sees only 4 moments of %s samples", numtext.FormatInt(cfg.DIn))
	case engine.DInputDiffs, engine.DInputDiffsDetached:
		// (x-mean)², each sample's squared deviation from the row's mean
		// in the histogram axis's own x ("-": the PDF's code page has no
		// "−"), one word, which a wrap moves whole: the words "and their
		// squared deviations at once" would break the figure's panel (d)
		// label onto two lines, and "(x - mean)²" would wrap at 80×24 as
		// "(x -" over "mean)²".
		return fmt.Sprintf("D judges %s samples and (x-mean)²", numtext.FormatInt(cfg.DIn))
	}
	if cfg.Packs() { // samples G makes one by one, packed for D, as a plane's are (noSurfaceReason)
		return fmt.Sprintf("D judges %s packed samples at once", numtext.FormatInt(cfg.DIn))
	}
	return fmt.Sprintf("D judges a whole row of %s at once", numtext.FormatInt(cfg.DIn))
}

// newRun replaces the model with a fresh one from seed and the current
// settings on the same target data (a points target's file is not read
// again: a resumed run's points are its checkpoint's), clearing the
// histories and the states kept for a roll-back. A paused run stays
// paused at epoch 0.
func (s *Session) newRun(seed uint64) error {
	gan, err := s.gan.Fresh(seed)
	if err != nil {
		return err
	}
	s.gan = gan
	s.target = targetInfo(gan)
	s.watch = newWatch(gan)
	s.run++
	s.hist = NewHistory(historyPoints)
	s.evals = newEvalHistory(evalPoints)
	s.evlog.reset()
	s.from, s.resumedAt = 0, 0
	s.log.reset(0)
	s.last = engine.EpochStats{}
	s.eval = Eval{}
	s.changed()
	s.err = nil
	s.tl.reset()
	s.replay = -1
	s.pastPlan = false
	s.offPlan, s.offWhat, s.startSettings = -1, "", s.settings(gan.Config())
	s.runWall, s.runEpochs, s.runLost = 0, 0, 0
	// The final line's wall_s and epochs_per_s are this run's, as its
	// epochs= and seed= are: counted on from the run r or R replaced,
	// they would print "epochs=11 … epochs_per_s=96.4 wall_s=8.781".
	s.started, s.busy, s.trained = s.clock.Now(), 0, 0
	s.beginStretch(s.started)
	if s.state != Paused {
		s.setState(Running)
	}
	clear(s.kept)
	s.kept = s.kept[:0]
	s.keep()
	return nil
}
