package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/stopsignal"
	"github.com/ganui/ganui/internal/visible"
	"github.com/ganui/ganui/session"
)

// headless trains one run to its planned epochs, printing a progress line
// every --every epochs and the run's final key=value line. SIGINT,
// SIGTERM or SIGHUP (stopSignals) stops the run after the current epoch:
// the log is flushed, the checkpoint written (with --save) and the final
// line printed with state=interrupted, so nothing trained so far is lost.
// The figure (--plot) is drawn last, from the session's histories,
// whatever the state. A file that could not be written is reported after
// the final line, whose numbers stand. A stop as a shell's job counts in
// none of its timings (watchStops).
func headless(opts options, stdout, stderr io.Writer) (err error) {
	opts.Clock = session.NewClock(wallClock)
	defer watchStops(opts.Clock)()
	// Taken before the run is set up, which reads a --resume checkpoint
	// whole (seconds, for a wide design's) and reserves the --save room,
	// so that a signal then stops the run before its first epoch,
	// everything written, rather than killing the process, exit 143 for
	// SIGTERM.
	ctx, stop := notifyStop(stderr, runLoses(opts.Options), runQuit)
	defer stop()
	// A stop during training has the run's end measured for the final
	// line, which on a wide design's many --samples takes minutes: said
	// as it begins, where it was waited on with no word, and a second
	// signal gives it up (finalWaits), where it quit at once.
	finalStop := make(chan struct{})
	opts.FinalStop = finalStop
	shown := false         // a progress line printed, whose measures a final evaluation given up falls back on
	stoppedBefore := false // a signal's stop during training (OnTrained, below), on Run's goroutine as Pace
	var s *session.Session
	pace := runPace(stderr) // the notes of a slow first epoch or evaluation
	opts.Pace = func(p session.Pace) {
		if p.Evaluating && p.Final && stoppedBefore && signalled(ctx) {
			finalWaits(ctx, finalStop, overWords(shown), func(name string) {
				if p.About >= signalledWaitAfter {
					fmt.Fprintln(stderr, waitLineSkipping(s.FinalEvaluation(), "… "+name+" again skips the wait", lineWidth(stderr)))
				}
			})
			finalWaitSaid(ctx)
			return
		}
		pace(p)
	}
	// The run's lines, flushed as headless returns (below).
	out := bufio.NewWriter(stdout)
	opts.OnEvent = func(e session.Event) {
		fmt.Fprintln(out, e.Line())
		out.Flush() // a reader gone is seen at the next line, events' too
	}
	opts.OnTrained = func() bool {
		// ctx is Run's by then: stopOnDeadOutput's, below.
		before := trainingOver(ctx, overWords(shown))
		stoppedBefore = before
		trained(ctx)
		return before
	}
	opts.OnWritten = func() {
		// The --log and --save are on disk, before the final evaluation
		// (minutes of a wide design's --samples): quitting at once loses
		// the final line, and the figure drawn after it.
		filesWritten(ctx, runLoses(session.Options{PlotPath: opts.PlotPath}))
		written(ctx)
	}
	s, err = newSession(opts.Options)
	if err != nil {
		return usageError{err}
	}
	// Run stops it; a run refused before it (nothing left to train, its
	// --plot held by another) gives back its --save room, whose hidden
	// file, as large as the checkpoint, would else stay beside the path.
	// Where its directory, made read-only under the run, would not let
	// it be removed (a diverged run's too), the error names it, emptied,
	// after why the run ended so.
	defer func() {
		s.Stop()
		err = withLeft(err, s.Left())
	}()
	if err := s.NothingLeft(); err != nil {
		switch {
		case opts.PlotPath == "":
			return usageError{err}
		case opts.LogPath != "":
			// The figure is asked for, and --log alone stands in its
			// way: said so, not only --epochs named.
			return usageError{fmt.Errorf("%w; without --log, which would have no epoch to hold, --plot draws the run as saved", err)}
		}
		// The figure of the run as saved is what was asked for: drawn,
		// nothing trained, the same figure the run drew when it ended
		// (a --log would have no epoch to hold).
		fmt.Fprintln(stderr, "ganui: note: "+visible.Message(err.Error())+"; nothing is trained, and --plot draws the run as saved")
	}
	plot, err := reservePlot(opts.PlotPath)
	if err != nil {
		return err
	}
	defer func() { err = withLeft(err, plot.Release()) }() // unwritten, its file left named
	for _, err := range []error{s.Unrecorded(), s.OtherKernels()} {
		if err != nil {
			fmt.Fprintln(stderr, "ganui: warning: "+visible.Message(err.Error()))
		}
	}
	if note := s.LogBegun(); note != "" {
		fmt.Fprintln(stderr, "ganui: note: "+visible.Message(note))
	}
	for _, r := range s.Replaces() {
		note := r.Note
		if r.Stopped != nil {
			note = stoppedRunNote(*r.Stopped, opts.asGiven, opts.LogPath)
		}
		fmt.Fprintln(stderr, "ganui: note: "+visible.Message(note))
	}
	sayReplacedPlot(stderr, opts.PlotPath, "run")
	defer out.Flush() // after release: a failed last flush is said as a failed output, not as a stop
	ctx, release := stopOnDeadOutput(ctx, stdout, stderr, runKeeps(opts.Options))
	defer release()
	r, err := s.Run(ctx, func(p session.Progress) {
		shown = true
		fmt.Fprintln(out, p.Line())
		out.Flush()
	})
	for _, l := range r.FindingLines() { // the diagnosis the screen would show at the end
		fmt.Fprintln(out, l)
	}
	fmt.Fprintln(out, r.Line())
	finalGiven(ctx, plot != nil)
	finalLineGiven(ctx)
	if plot != nil {
		err = s.WithOutput(err, "--plot", plot.Write(figure.FromPicture(s.Picture()))) // beside a --log or --save that failed too
	}
	switch {
	case err != nil && r.State == session.Interrupted && opts.SavePath != "":
		if line := movedResumeLine(err, r.Epochs, s.Plan(), opts.SavePath, opts.asGiven); line != "" {
			return &lineAfter{err, line}
		}
		return err
	case err != nil:
		return err
	case r.State == session.Interrupted:
		if opts.SavePath != "" {
			line := resumeLine(r.Epochs, s.Plan(), opts.SavePath, opts.asGiven)
			switch c, ok := stdout.(*checkedWriter); {
			case signalled(ctx):
				fmt.Fprintln(stderr, line)
			case ok && c.readerGone():
				c.resume = line // after the line of the reader's going (goneLine)
			case ok && c.told:
				// Standard output failed otherwise (a full disk), its line
				// said as it stopped the run: the checkpoint trains on.
				fmt.Fprintln(stderr, line)
			}
		}
		return session.ErrInterrupted
	case r.Earlier && signalled(ctx): // its final evaluation stopped: a signal's exit, as the trainer's
		return session.ErrInterrupted
	case r.State == session.Diverged:
		return r.Err
	}
	return nil
}

// resumeLine is the line a headless run a signal stopped, or its reader's
// going, or a failed write of its standard output (a full disk), ends
// with on stderr once its --save checkpoint is written, as a stopped --seeds
// batch or --sweep ends naming the command that trains what it left
// (unfinishedLine): where the run stopped, and the whole command that
// trains it on from there: "ganui: run.ckpt holds the run at epoch 1,234
// of its 5,000; ganui --headless --resume run.ckpt --every 100 --log
// run.csv --save run.ckpt trains the rest". The command is ganui as the
// user started it (command.Line) with the flags as given, each quoted for
// the shell, but those the checkpoint answers for: the design (--preset,
// --set, --seed), its --samples and its plan (--epochs), which a resume
// takes from it, and a --resume of its own, whose place the checkpoint
// takes. --log goes on in the history, --save in the checkpoint, and
// --plot draws the whole run. The checkpoint that begins the line is
// quoted as the command's words are (shellword.Quote), "'my run.ckpt'
// holds the run at …", where it stood bare beside its quoted --resume.
func resumeLine(epoch, plan int, path string, given []givenFlag) string {
	return fmt.Sprintf("ganui: %s holds the run at epoch %s of its %s; %s trains the rest",
		shellword.Quote(path), numtext.FormatInt(epoch), numtext.FormatInt(plan), resumeCommand(path, given))
}

// movedResumeLine is the line a headless run stopped short of its plan
// ends with, after err, its files' failure, where its --save checkpoint
// (path as given) is not at its path but whole: left in its hidden
// temporary file, its directory having refused it its place
// (outputfile.UnplacedError) or a name beside what took its path
// (outputfile.KeptError, Unkept), resumeLine of the path the command the
// error gives moves it to, said as "once moved: out/run.ckpt holds the
// run at epoch 1,234 of its 5,000; ganui --headless --resume out/run.ckpt
// … trains the rest"; kept beside what took its path (a directory made
// there mid-run), resumeLine of the kept file, "out/run.kept.ckpt holds
// the run at …", the line a stop whose --save was written ends with.
// Without it the user had to make the --resume command up. Where it is
// kept beside what took the path, --save goes on in the kept file too:
// the path given is what took it, which a --save there refuses. A --log
// another file took the path of under the run, its rows kept beside it
// (session.LogKeptError), is named by its kept file, which the --resume
// goes on in, in the checkpoint's line, and in a line of its own where
// --save was written: "r.ckpt holds the run at … --log r.kept.csv
// --save r.ckpt trains the rest", where the run ended at the error, and
// the command given again would refuse the other file at r.csv. "" for
// a checkpoint not written at all.
func movedResumeLine(err error, epoch, plan int, path string, given []givenFlag) string {
	var oe *session.OutputsError
	if !errors.As(err, &oe) {
		return ""
	}
	serr := oe.Of("--save")
	var ue *outputfile.UnplacedError
	var ke *outputfile.KeptError
	var lk *session.LogKeptError
	logKept := errors.As(oe.Of("--log"), &lk)
	moved := "once moved: "
	switch {
	case errors.As(serr, &ue):
	case errors.As(serr, &ke) && ke.Unkept != nil && ke.To != "":
		path, given = ke.To, givenAt("save", ke.To, given)
	case errors.As(serr, &ke) && ke.Unkept == nil && ke.Kept != "":
		path, given, moved = ke.Kept, givenAt("save", ke.Kept, given), ""
	case serr == nil && logKept:
		moved = ""
	default:
		return ""
	}
	if logKept {
		given = givenAt("log", lk.Kept, given)
	}
	return moved + strings.TrimPrefix(resumeLine(epoch, plan, path, given), "ganui: ")
}

// givenAt is given with its flag name (save, log) at path: a kept
// checkpoint's or log's, which the run goes on in.
func givenAt(name, path string, given []givenFlag) []givenFlag {
	for i, g := range given {
		if g.name == name {
			return append(slices.Clone(given[:i]), append([]givenFlag{{name, []string{"--" + name, path}}}, given[i+1:]...)...)
		}
	}
	return given
}

// lineAfter is a run's error, err, with a line ganui says after it, on a
// line of its own (errorLines): movedResumeLine's, where a --save is
// left whole.
type lineAfter struct {
	err  error
	line string
}

func (e *lineAfter) Error() string { return e.err.Error() }
func (e *lineAfter) Unwrap() error { return e.err }

// stoppedRunNote is the note, before the first epoch, of a --save
// checkpoint that holds this very run stopped short of its plan
// (session.Replaced's Stopped), a run of the flags given: the command
// given again after a stop, which trains the run again from epoch 0,
// told the --resume that trains it on from there, where session's note
// named the checkpoint as another run's, to be copied away: "--save
// run.ckpt holds this run, vanilla seed 1, stopped at epoch 2,979 of its
// 100,000: ganui --headless --resume run.ckpt --every 100 --save run.ckpt
// trains it on from there, where this command trains it again from epoch
// 0 and replaces it as the run ends; copy it elsewhere to keep it". A
// --log that holds the run's history to its stop (st.Log), which the
// --resume goes on in and this command empties at its first epoch, is
// named in the same note, where it had a note of its own that called it
// another run's history: "--save run.ckpt holds this run, vanilla seed
// 1, stopped at epoch 3,463 of its 100,000, and --log run.csv its
// history to there: ganui --headless --resume run.ckpt --save run.ckpt
// --log run.csv trains it on from there, going on in both, where this
// command trains it again from epoch 0, empties the log at its first
// epoch and replaces the checkpoint as the run ends; copy the
// checkpoint elsewhere to keep it". A --log, logPath, that holds
// another history (st.Log "", the file not empty), which that --resume
// would refuse ("is a history that ends at epoch 1,000, not at the
// checkpoint's 3,463"), is left out of the command, and the note says
// why, so that the command it gives runs: "… trains it on from there
// (with no --log: run.csv holds another history, which a --resume
// refuses; give it another file), where …". A --log not there or empty,
// which a --resume begins, is kept.
func stoppedRunNote(st session.StoppedRun, given []givenFlag, logPath string) string {
	if fi, err := os.Stat(logPath); st.Log == "" && logPath != "" && err == nil && fi.Size() > 0 {
		return fmt.Sprintf("--save %s holds this run, %s seed %d, stopped at epoch %s of its %s: %s trains it on from there (with no --log: %s holds another history, which a --resume refuses; give it another file), where this command trains it again from epoch 0 and replaces it as the run ends; copy it elsewhere to keep it",
			shellword.Quote(st.Path), st.Name, st.Seed, numtext.FormatInt(st.Epoch), numtext.FormatInt(st.Plan), resumeCommand(st.Path, without(given, "log")), shellword.Quote(logPath))
	}
	if st.Log != "" {
		return fmt.Sprintf("--save %s holds this run, %s seed %d, stopped at epoch %s of its %s, and --log %s its history to there: %s trains it on from there, going on in both, where this command trains it again from epoch 0, empties the log at its first epoch and replaces the checkpoint as the run ends; copy the checkpoint elsewhere to keep it",
			shellword.Quote(st.Path), st.Name, st.Seed, numtext.FormatInt(st.Epoch), numtext.FormatInt(st.Plan), shellword.Quote(st.Log), resumeCommand(st.Path, given))
	}
	return fmt.Sprintf("--save %s holds this run, %s seed %d, stopped at epoch %s of its %s: %s trains it on from there, where this command trains it again from epoch 0 and replaces it as the run ends; copy it elsewhere to keep it",
		shellword.Quote(st.Path), st.Name, st.Seed, numtext.FormatInt(st.Epoch), numtext.FormatInt(st.Plan), resumeCommand(st.Path, given))
}

// resumeCommand is resumeLine's command, which trains on the run saved
// at path, a run of the flags given: stoppedRunNote gives it too.
func resumeCommand(path string, given []givenFlag) string {
	resume := []givenFlag{{"headless", []string{"--headless"}}, {"resume", []string{"--resume", path}}}
	return flagsCommand(append(resume, without(given, "headless", "resume", "preset", "set", "seed", "samples", "epochs")...))
}

// headlessCommand is the command that trains headless the trainer's run
// the flags given asked for, where there is no terminal for the trainer:
// --headless, then the flags as given but the trainer's own (--paused,
// --speed), which a headless run refuses, and a --headless=false, which
// beside the --headless is refused as given twice, so that a script that
// forgot --headless is told its own run, not a bare --headless, which
// trains the default preset.
func headlessCommand(given []givenFlag) string {
	return flagsCommand(append([]givenFlag{{"headless", []string{"--headless"}}}, without(given, "headless", "paused", "speed")...))
}

// flagsCommand is the command line that runs ganui as the user started
// it (command.Line) with flags, each word quoted for the shell: the
// command a stopped run, batch or sweep ends naming, made of the flags
// as given (givenFlags), some left out (without) or given others in
// their place. A word that holds a line break, or another character a
// terminal obeys (--set $'g_hidden=[8,\n8]', --preset of a file named
// with U+202E), is written as bash's and zsh's $'…' (shellword.Dollar),
// so that the line stays one line and shows the word as it is, and the
// command ends dollarNote: it broke the line, the rest of the command on
// a line of its own, or showed the rest of the line reordered.
func flagsCommand(flags []givenFlag) string {
	var words []string
	for _, g := range flags {
		words = append(words, g.words...)
	}
	line, dollar := shellword.Words(words)
	line = command.Line(line)
	if dollar {
		line += dollarNote
	}
	return line
}

// dollarNote ends a command flagsCommand writes with a $'…' word in it,
// as the trainer's again: command ends.
const dollarNote = shellword.DollarNote

// without is flags but those named in names, in their order.
func without(flags []givenFlag, names ...string) []givenFlag {
	var out []givenFlag
	for _, g := range flags {
		if !slices.Contains(names, g.name) {
			out = append(out, g)
		}
	}
	return out
}

// withLeft is err, a run's, with left, a file its directory, made
// read-only under the run, would not let be removed (a --save room or a
// --plot reservation given up), named after it: left around err, whose
// line ends in left's words, "…; its hidden temporary file
// x/.r.png.tmp-8723ca36 is left there, emptied (removing it: permission
// denied): remove it once you can". err alone where nothing was left.
func withLeft(err error, left *outputfile.LeftError) error {
	if left == nil {
		return err
	}
	left.Err = err
	return left
}

// reservePlot begins the write of the --plot figure at path ("" for
// none: nil) before a run or sweep trains (figure.Reserve), and holds it
// to the end, which draws it: a second run given the same --plot
// meanwhile is refused at its start (session's checkPaths, exit 2), as
// for a --save, rather than both exiting 0, the later figure silently
// replacing the other. A nil *figure.File's Release does nothing.
func reservePlot(path string) (*figure.File, error) {
	if path == "" {
		return nil, nil
	}
	f, err := figure.Reserve(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("--plot: %w", err)}
	}
	return f, nil
}

// sayReplacedPlot writes to stderr the note of the figure at path that a
// run, a batch or a sweep (of) replaces as it ends (session.ReplacedPlot),
// where there is one.
func sayReplacedPlot(stderr io.Writer, path, of string) {
	if note := session.ReplacedPlot(path, of); note != "" {
		fmt.Fprintln(stderr, "ganui: note: "+visible.Message(note))
	}
}

// newSession is session.New, a variable so that a test can send a signal
// while a run is set up.
var newSession = session.New

// headlessSeeds trains every seed of --seeds, --jobs at once, and prints
// their final lines and a summary (session.RunSeeds), with the tally on
// a terminal's last line while it trains (statusLine); with --plot, it
// draws each seed's quality over its epochs and its final value
// (figure.FromSeeds). SIGINT or SIGTERM stops the runs in flight and
// summarises, and draws, what finished.
func headlessSeeds(opts options, stdout, stderr io.Writer) (err error) {
	notes := stderr
	status, stderr := batchStatus(stdout, stderr)
	defer status.Clear()
	loses := "the summary"
	if opts.PlotPath != "" {
		loses += " or the --plot figure"
	}
	ctx, stop := notifyStop(stderr, loses, quitAtOnce) // before the setting up, as headless's
	defer stop()
	if _, err := newSession(opts.Options); err != nil { // fail before training
		return usageError{err}
	}
	plot, err := reservePlot(opts.PlotPath)
	if err != nil {
		return err
	}
	defer func() { err = withLeft(err, plot.Release()) }() // unwritten, its file left named
	// The notes before the first run trains go to notes, not stderr, whose
	// messages take the tally away for good: no tally is drawn yet.
	sayReplacedPlot(notes, opts.PlotPath, "batch")
	jobs := fitJobs(opts.jobs, opts.jobsGiven, len(opts.seeds), []engine.Config{opts.Config}, availableMemory(), notes)
	opts.Clock = session.NewClock(wallClock)
	defer watchStops(opts.Clock, status.Continued)()
	ctx, release := stopOnDeadOutput(ctx, stdout, stderr, runKeeps(opts.Options)) // its --plot figure: a batch takes no --log or --save
	defer release()
	plans := make([]int, len(opts.seeds))
	for i := range plans {
		plans[i] = planOf(opts.Options, opts.Config)
	}
	opts.Pace = batchPace(status.Writer(notes), "batch", plans, jobs, 1)
	res, err := session.RunSeeds(ctx, opts.Options, opts.seeds, jobs, status.Writer(stdout), status.Tally())
	status.Clear() // before the figure's failure, which run reports
	// A signal's stop, or a failed output's after the line that says why
	// it stopped (a full disk), as a single run's names its --resume: a
	// reader gone is said nothing of, as cat says nothing. A failed
	// output that lost the final line of a seed that finished says so
	// even where every seed finished (the last line's write failed).
	if errors.Is(err, session.ErrInterrupted) && (signalled(ctx) || outputFailed(stdout)) || outputFailed(stdout) && len(res.Lost) > 0 {
		fmt.Fprintln(stderr, unfinishedSeeds(res, opts.asGiven))
	}
	return drawBatch(plot, err, func() error { return plot.WriteSeeds(figure.FromSeeds(res)) })
}

// unfinishedSeeds is the line a stopped --seeds batch ends with on
// stderr, naming the seeds the stop left unfinished, those it interrupted
// and those it kept from starting, and the --seeds that trains them:
// "ganui: seeds 3-6 unfinished: 3-4 interrupted, 5-6 not started;
// --seeds 3-6 trains them". The summary's unfinished= counts them, and
// the interrupted have their final lines, but the seeds never started
// are on no line: of --seeds 1,4,7-30, a reader would have to work out
// which to train again. Nor are the seeds that finished but whose final
// line a failed output lost (BatchResult.Lost): named first, "ganui:
// seeds 1-3 left: 1 finished but not printed, 2 interrupted, 3 not
// started", and trained again with them.
func unfinishedSeeds(res session.BatchResult, given []givenFlag) string {
	done := make(map[uint64]bool, len(res.Runs))
	var interrupted, unstarted, left []uint64
	for _, r := range res.Runs {
		done[r.Seed] = r.State != session.Interrupted && !slices.Contains(res.Lost, r.Seed)
		if r.State == session.Interrupted {
			interrupted = append(interrupted, r.Seed)
		}
	}
	for _, seed := range res.Seeds {
		if finished, ran := done[seed]; !ran {
			unstarted = append(unstarted, seed)
		} else if finished {
			continue
		}
		left = append(left, seed)
	}
	seeds := func(s []uint64) string {
		if len(s) == 1 {
			return "seed " + session.CompactSeeds(s)
		}
		return "seeds " + session.CompactSeeds(s)
	}
	var how [3]string // the seeds named where they are of more than one kind
	for i, s := range [][]uint64{res.Lost, interrupted, unstarted} {
		if len(s) > 0 {
			how[i] = session.CompactSeeds(s)
		}
	}
	retrain := retrainCommand(given, "seeds", []givenFlag{{"seeds", []string{"--seeds", session.CompactSeeds(left)}}})
	return unfinishedLine(seeds(left), how, true, []string{retrain}, len(left) == 1, plotKept(given, "batch"))
}

// givenFlag is one flag of the command line as given: its name, and its
// words, the flag and, where it takes one and is not written name=value,
// the value after it ("--preset", "vanilla").
type givenFlag struct {
	name  string
	words []string
}

// givenFlags splits args, which fs has parsed, into its flags as given,
// in their order, as the flag package reads them: one or two dashes, a
// value after = or else the next word, a switch (a bool flag) none; up
// to "--" or the first word that is no flag, which ganui refuses.
func givenFlags(fs *flag.FlagSet, args []string) []givenFlag {
	var out []givenFlag
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(a) < 2 || a[0] != '-' || a == "--" {
			break
		}
		name, _, valued := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		g := givenFlag{name: name, words: []string{a}}
		f := fs.Lookup(name)
		if f == nil { // refused by the parse; none here
			break
		}
		b, isBool := f.Value.(interface{ IsBoolFlag() bool })
		if !valued && !(isBool && b.IsBoolFlag()) && i+1 < len(args) {
			i++
			g.words = append(g.words, args[i])
		}
		out = append(out, g)
	}
	return out
}

// retrainCommand is the whole command that trains what a stopped batch
// left, for its last line to give, where it gave the batch's flags alone
// ("--seeds 2-4 trains them"), which no shell runs: ganui as the user
// started it, then the flags as given (flagsCommand), each of batch's
// ("seeds", "sweep") left out and with put where the first of them
// stood, or after the rest where there is none. --plot is left out:
// the stopped batch has drawn what finished to its file, which a second
// run given it would replace.
func retrainCommand(given []givenFlag, batch string, with []givenFlag) string {
	var flags []givenFlag
	put := false
	for _, g := range without(given, "plot") {
		switch {
		case g.name != batch:
			flags = append(flags, g)
		case !put:
			flags, put = append(flags, with...), true
		}
	}
	if !put {
		flags = append(flags, with...)
	}
	return flagsCommand(flags)
}

// plotKept is what a stopped batch's last line (unfinishedLine) ends
// with where it was given --plot, which the command it gives leaves out
// (retrainCommand): " (--plot left out: s.png keeps this batch's
// figure)", whose is "batch" or "sweep", the path as the shell would take
// it. Without it a user who runs the command would find no --plot in it
// and no figure drawn, not told why.
func plotKept(given []givenFlag, whose string) string {
	for _, g := range given {
		if g.name != "plot" {
			continue
		}
		path := g.words[len(g.words)-1]
		if _, value, ok := strings.Cut(g.words[0], "="); ok {
			path = value
		}
		return fmt.Sprintf(" (--plot left out: %s keeps this %s's figure)", shellword.Quote(path), whose)
	}
	return ""
}

// unfinishedLine is the line a stopped --seeds batch or --sweep ends
// with on stderr, "ganui: LEFT unfinished: HOW; RETRAIN trains them":
// left names or counts what the stop left unfinished; how holds, each
// named or counted, "" for none, those that finished but whose line the
// output lost (a full disk), those interrupted and those never started,
// each kind said, but the kind alone where all are of one and names
// says that left names them (a batch's seeds); retrain is the flags
// that train them, each set trains a part of them ("… and … train
// them", each after " and ", not numtext.List's
// commas, which would read as the end of a command's last value,
// "--sweep g_lr=1e-3,1e-2,"); one says left is a single item (it); kept
// ends the sentence (plotKept). Three commands and more are each on a
// line of their own below it, "; these 3 commands train them:", indented
// by two spaces, where "A and B and C train them" ran three commands into
// one line to pick apart: each is copied as a line. A line with one
// whose line was lost says "LEFT left", not "unfinished", which that one
// is not: "ganui: seeds 1-3 left: 1 finished but not printed, 2
// interrupted, 3 not started; … --seeds 1-3 … trains them".
func unfinishedLine(left string, how [3]string, names bool, retrain []string, one bool, kept string) string {
	kinds := [3]string{"finished but not printed", "interrupted", "not started"}
	var said []string
	text := ""
	for i, h := range how {
		if h != "" {
			said, text = append(said, h+" "+kinds[i]), kinds[i]
		}
	}
	if len(said) > 1 || !names {
		text = strings.Join(said, ", ")
	}
	unfinished := "unfinished"
	if how[0] != "" {
		unfinished = "left"
	}
	trains, them := "trains", "them"
	if len(retrain) > 1 {
		trains = "train"
	}
	if one {
		them = "it"
	}
	if len(retrain) > 2 {
		return fmt.Sprintf("ganui: %s %s: %s; these %d commands %s %s%s:\n  %s", left, unfinished, text, len(retrain), trains, them, kept, strings.Join(retrain, "\n  "))
	}
	return fmt.Sprintf("ganui: %s %s: %s; %s %s %s%s", left, unfinished, text, strings.Join(retrain, " and "), trains, them, kept)
}

// unfinishedCells is the line a stopped --sweep ends with on stderr, as
// a --seeds batch's (unfinishedLine): how many of its cells the stop left
// unfinished, those it interrupted and those it kept from starting, each
// named as key=value,key=value, each value as the rows on stdout and
// sweepPlan write it (session.LineValue), so that a cell of
// preset="my run.json" is one name, where preset=my run.json read as
// two (counted when the names would run past
// maxUnfinishedNames characters), and the --sweep flags that train
// exactly them: "ganui: 2 of 4 cells unfinished: g_lr=1e-3 interrupted,
// g_lr=1e-2 not started; --sweep g_lr=1e-3,1e-2 trains them". The
// summary's unfinished= counts runs, not cells, and the cells that never
// started are on no line. A cell is trained again whole, every seed of
// it, as its row sums them up; cells that are not one grid take a
// --sweep each grid (sweepBoxes).
func unfinishedCells(res session.SweepResult, cells int, given []givenFlag) string {
	var kinds [3][]string // lost, interrupted, not started
	length := 0
	for _, c := range res.Unfinished {
		parts := make([]string, len(c.Values))
		for i, v := range c.Values {
			parts[i] = res.Axes[i].Key + "=" + session.LineValue(v)
		}
		name := visible.String(strings.Join(parts, ",")) // quoted as the rows and sweepPlan quote a value: one name, one line
		length += len(name) + 1
		switch {
		case c.Lost:
			kinds[0] = append(kinds[0], name)
		case c.Started:
			kinds[1] = append(kinds[1], name)
		default:
			kinds[2] = append(kinds[2], name)
		}
	}
	var how [3]string
	for i, names := range kinds {
		switch {
		case len(names) == 0:
		case length > maxUnfinishedNames:
			how[i] = strconv.Itoa(len(names))
		default:
			how[i] = strings.Join(names, " ")
		}
	}
	var flags []string
	for _, box := range sweepBoxes(res) {
		var f []givenFlag
		for i, values := range box {
			f = append(f, givenFlag{"sweep", []string{"--sweep", res.Axes[i].Key + "=" + strings.Join(values, ",")}})
		}
		flags = append(flags, retrainCommand(given, "sweep", f))
	}
	left := fmt.Sprintf("%d of %d cells", len(res.Unfinished), cells)
	return unfinishedLine(left, how, false, flags, len(res.Unfinished) == 1, plotKept(given, "sweep"))
}

// maxUnfinishedNames bounds the characters of the cells a stopped
// sweep's line names; past it, the line counts them.
const maxUnfinishedNames = 120

// sweepBoxes splits a stopped sweep's unfinished cells into grids, each
// the values of every axis in the sweep's order, that a --sweep per axis
// trains: merged along the last axis first, then each before it, cells
// whose other values are the same. A sweep stops after a prefix of its
// cells, in their order, but for those in flight: its unfinished cells
// are one grid, or a row's end and the grid after it.
func sweepBoxes(res session.SweepResult) [][][]string {
	index := make([]map[string]int, len(res.Axes))
	for i, a := range res.Axes {
		index[i] = make(map[string]int, len(a.Values))
		for j, v := range a.Values {
			index[i][v] = j
		}
	}
	boxes := make([][][]int, len(res.Unfinished))
	for b, c := range res.Unfinished {
		boxes[b] = make([][]int, len(c.Values))
		for i, v := range c.Values {
			boxes[b][i] = []int{index[i][v]}
		}
	}
	for d := len(res.Axes) - 1; d >= 0; d-- {
		var merged [][][]int
		at := map[string]int{}
		for _, box := range boxes {
			others := fmt.Sprint(box[:d], box[d+1:])
			if m, ok := at[others]; ok {
				merged[m][d] = append(merged[m][d], box[d]...)
				slices.Sort(merged[m][d])
				continue
			}
			at[others] = len(merged)
			merged = append(merged, box)
		}
		boxes = merged
	}
	out := make([][][]string, len(boxes))
	for b, box := range boxes {
		out[b] = make([][]string, len(box))
		for i, js := range box {
			for _, j := range js {
				out[b][i] = append(out[b][i], res.Axes[i].Values[j])
			}
		}
	}
	return out
}

// headlessSweep trains the grid of --sweep for each seed, --jobs runs at
// once, and prints a row per cell (session.RunSweep), with the tally of
// runs on a terminal's last line while it trains; with --plot, it
// draws the figure of the sweep's one key or two (drawSweep), of the
// rows it has, also when SIGINT or SIGTERM stopped it (drawSweep).
func headlessSweep(opts options, stdout, stderr io.Writer) (err error) {
	notes := stderr
	status, stderr := batchStatus(stdout, stderr)
	defer status.Clear()
	loses := "the summary"
	if opts.PlotPath != "" {
		loses += " or the --plot heat map"
		if len(opts.sweep.Axes) == 1 {
			loses = "the summary or the --plot curve"
		}
	}
	ctx, stop := notifyStop(stderr, loses, quitAtOnce) // before the setting up, as headless's
	defer stop()
	// Fail before training, as the first cell's runs will start: the
	// cells' targets, not the swept design's, decide what --samples they
	// take. Checking the swept design instead would refuse a sweep of 1-D
	// targets from a 2-D preset the sample size its cells take, and let
	// one of 2-D targets from a 1-D preset train none, exiting 1 with the
	// refusal once per run. One cell speaks for all: every cell is a
	// valid design and their targets are of one dimension
	// (session.ParseSweep); a run made of each would set up every cell
	// twice, a points target's file read again, before the first row.
	first := opts.Options
	first.Config = opts.sweep.Cells[0].Config
	if _, err := newSession(first); err != nil {
		return usageError{err}
	}
	plot, err := reservePlot(opts.PlotPath)
	if err != nil {
		return err
	}
	defer func() { err = withLeft(err, plot.Release()) }() // unwritten, its file left named
	// The notes before the first run trains go to notes, as a batch's do
	// (headlessSeeds): through stderr the first took the tally away for
	// good, and no sweep on a terminal showed one.
	sayReplacedPlot(notes, opts.PlotPath, "sweep")
	designs := make([]engine.Config, len(opts.sweep.Cells))
	for i, c := range opts.sweep.Cells {
		designs[i] = c.Config
	}
	fmt.Fprintln(notes, sweepPlan(*opts.sweep, opts.seeds, planWidth(terminalWidth(notes))))
	if note := presetPlans(*opts.sweep, opts.Epochs > 0); note != "" {
		fmt.Fprintln(notes, note)
	}
	jobs := fitJobs(opts.jobs, opts.jobsGiven, len(designs)*len(opts.seeds), designs, availableMemory(), notes)
	opts.Clock = session.NewClock(wallClock)
	defer watchStops(opts.Clock, status.Continued)()
	ctx, release := stopOnDeadOutput(ctx, stdout, stderr, runKeeps(opts.Options)) // its --plot figure: a sweep takes no --log or --save
	defer release()
	var plans []int // in the order the sweep trains them, each cell's seeds
	for _, c := range opts.sweep.Cells {
		for range opts.seeds {
			plans = append(plans, planOf(opts.Options, c.Config))
		}
	}
	opts.Pace = batchPace(status.Writer(notes), "sweep", plans, jobs, len(opts.seeds))
	res, err := session.RunSweep(ctx, opts.Options, *opts.sweep, opts.seeds, jobs, status.Writer(stdout), status.Tally())
	status.Clear() // before the figure's failure, which run reports
	// A signal's stop, or a failed output's, as --seeds says it
	// (headlessSeeds): a cell whose row it lost is unfinished too.
	if errors.Is(err, session.ErrInterrupted) && signalled(ctx) || outputFailed(stdout) && len(res.Unfinished) > 0 {
		fmt.Fprintln(stderr, unfinishedCells(res, len(opts.sweep.Cells), opts.asGiven))
	}
	return drawSweep(plot, res, err)
}

// sweepPlan is the line a --sweep says on stderr before its first cell
// trains: how many cells, on which seeds, and how each key's list was
// read, its values named as a stopped sweep's line names a cell's
// (unfinishedCells), the keys of a grid joined by ×, so that a list read
// other than meant is seen before the first cell's minutes, not in its
// row after them: --sweep gp=12,5, two values where 12.5 was meant, says
// "ganui: sweep of 2 cells × seeds 1-2: gp=12 gp=5", and a grid of 6
// cells "… d_lr=1e-3 d_lr=2e-3 × g_lr=1e-4 g_lr=1e-3 g_lr=1e-2", each
// value once, where naming its cells would have cut the grid to its first
// and last. A value is written as the rows on stdout write it
// (session.LineValue), so that --sweep 'target=points(my pts.csv),ring'
// names target="points(my pts.csv)", one cell, where the bare name read
// as two, "target=points(my" and "pts.csv)". A line wider than width columns (planWidth) has its longest
// list cut to its first values and its last, with how many between,
// "gp=1 gp=2 gp=3 … 94 more … gp=100", then the next longest, so that it
// is one line on a terminal of that width, where a long grid's ran to 150
// columns and wrapped at 80. Rows on stdout are as before: scripts read
// them.
func sweepPlan(sw session.Sweep, seeds []uint64, width int) string {
	lists := make([][]string, len(sw.Axes)) // each key's values, as its cells name them
	for j, a := range sw.Axes {
		for _, c := range sw.Cells {
			if name := visible.String(a.Key + "=" + session.LineValue(c.Values[j])); !slices.Contains(lists[j], name) { // quoted as the rows quote it: one field, one line
				lists[j] = append(lists[j], name)
			}
		}
	}
	of := "seeds " + session.CompactSeeds(seeds)
	if len(seeds) == 1 {
		of = "seed " + session.CompactSeeds(seeds)
	}
	head := fmt.Sprintf("ganui: sweep of %s × %s: ", numtext.Count(len(sw.Cells), "cell"), of)
	shown := make([]int, len(lists)) // how many of each list's values lead it, the last after them
	for j := range lists {
		shown[j] = len(lists[j])
	}
	line := func() string {
		parts := make([]string, len(lists))
		for j, names := range lists {
			parts[j] = strings.Join(names, " ")
			if shown[j] < len(names) {
				parts[j] = fmt.Sprintf("%s … %d more … %s", strings.Join(names[:shown[j]-1], " "), len(names)-shown[j], names[len(names)-1])
			}
		}
		return head + strings.Join(parts, " × ")
	}
	for ansi.StringWidth(line()) > width {
		longest := -1 // the list that still shows the most values, cut one value shorter
		for j := range lists {
			if shown[j] > 2 && (longest < 0 || shown[j] > shown[longest]) {
				longest = j
			}
		}
		if longest < 0 {
			break // each list at its first value and its last: as short as it goes
		}
		shown[longest]--
	}
	// A cut that hides too few values to save room is undone: three
	// values cut to "d_lr=1e-4 … 1 more … d_lr=1e-2" are wider than
	// "d_lr=1e-4 d_lr=1e-3 d_lr=1e-2", where a 3×3 grid's line at 80
	// columns, too wide either way, came out wider cut and said less.
	for j := range lists {
		if cut := shown[j]; cut < len(lists[j]) {
			narrow := ansi.StringWidth(line())
			if shown[j] = len(lists[j]); ansi.StringWidth(line()) > narrow {
				shown[j] = cut
			}
		}
	}
	return line()
}

// presetPlans is the note a sweep over presets says on stderr before it
// trains where the presets' own plans differ and neither --epochs
// (epochsGiven) nor a swept epochs sets one: each preset with its plan,
// "ganui: note: the presets train plans of their own, a.json 200
// epochs, b.json 400, which no row names: --epochs N trains each for N".
// A row, its summary and its figure name no plan where the cells' differ,
// so a preset that trained longer read as the better design; "" where
// the plans are one.
func presetPlans(sw session.Sweep, epochsGiven bool) string {
	on := -1
	for i, a := range sw.Axes {
		if a.Key == "epochs" {
			return ""
		}
		if a.Key == session.PresetKey {
			on = i
		}
	}
	if on < 0 || epochsGiven {
		return ""
	}
	var names []string
	plans := map[string]int{}
	for _, c := range sw.Cells {
		if v := c.Values[on]; !slices.Contains(names, v) {
			names = append(names, v)
			plans[v] = c.Config.Epochs
		}
	}
	parts := make([]string, len(names))
	differ := false
	for i, n := range names {
		differ = differ || plans[n] != plans[names[0]]
		parts[i] = visible.String(session.LineValue(n)) + " " + numtext.FormatInt(plans[n])
	}
	if !differ {
		return ""
	}
	parts[0] += " epochs"
	return "ganui: note: the presets train plans of their own, " + strings.Join(parts, ", ") + ", which no row names: --epochs N trains each for N"
}

// planWidth is the width sweepPlan's line is held to: 100 columns, or
// tty, the width of the terminal standard error is, where it is one
// (tty > 0) and narrower: a line past 100 columns is hard to read, as
// --help's is (maxColumns), and one past the terminal's width wraps.
func planWidth(tty int) int {
	if tty > 0 {
		return min(tty, maxColumns)
	}
	return maxColumns
}

// drawSweep draws the figure of res, a sweep's rows, to plot (--plot,
// reserved before the sweep: nil for none): the curve of a sweep over one
// key (figure.FromSweepCurve), the heat map of one over two
// (figure.FromSweep), and returns err, the sweep's, with a failure to
// write it (drawBatch). It draws
// whatever rows res holds, none too: a sweep stopped before any cell
// finished draws each setting "none finished", as a run stopped before its first
// epoch draws its figure, so that a file an earlier sweep drew there is
// not left to be taken for this one's.
func drawSweep(plot *figure.File, res session.SweepResult, err error) error {
	if len(res.Axes) == 1 {
		return drawBatch(plot, err, func() error { return plot.WriteCurve(figure.FromSweepCurve(res)) })
	}
	return drawBatch(plot, err, func() error { return plot.WriteHeatmap(figure.FromSweep(res)) })
}

// drawBatch draws a batch's or a sweep's figure to plot (--plot, reserved
// before it trained: nil for none) with write, and returns err, the
// batch's, with a failure to write it: a file not written wins over the
// stop (README: exit codes).
func drawBatch(plot *figure.File, err error, write func() error) error {
	if plot == nil {
		return err
	}
	if perr := write(); perr != nil {
		if errors.Is(err, session.ErrInterrupted) {
			err = nil
		}
		err = session.WithOutput(err, "--plot", perr)
	}
	return err
}

// wallClock is the wall clock under a headless run's session.Clock:
// time.Now, or a test's.
var wallClock = time.Now

// watchStops takes the time the process spends stopped as a shell's job
// out of clock's, a headless run's or batch's or the trainer's, so that
// the wall_s and
// epochs_per_s it prints count only the time it ran. The process is
// stopped as the kernel stops any — ctrl+z in the shell that started it,
// a kill -TSTP, a kill -STOP — and continued by fg, bg or kill -CONT, the
// shell reporting the job as any other's. The clock is watched
// (session.Clock.Watch) and told of every SIGCONT: it leaves out all of
// a stop but its first second or so.
//
// SIGTSTP is not caught to tell the clock before the stop, as the
// trainer's ctrl+z does: once Go's runtime has caught it, it keeps its
// handler, so the signal cannot be raised again with the kernel's action
// — only stood in for by a SIGSTOP, which the shell reports as another
// kind of stop, and which would have to copy the kernel's rule that a job
// no shell could continue is not stopped — and a SIGSTOP, SIGTTIN or
// SIGTTOU would go unseen all the same. One way serves every stop.
// Each of also is called after the clock is told of a SIGCONT: a batch's
// status line draws itself again (statusLine.Continued). unwatch ends
// the watch.
func watchStops(clock *session.Clock, also ...func()) (unwatch func()) {
	if sigCont == nil {
		return func() {}
	}
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, sigCont)
	unbeat := clock.Watch()
	done, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		for {
			select {
			case <-cont:
				clock.Continued()
				for _, f := range also {
					f()
				}
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(cont)
		close(done)
		<-ended
		unbeat()
	}
}

// stopOnDeadOutput returns ctx, cancelled as a signal would cancel it
// when a write to stdout fails (a reader gone: | head -1, a full disk),
// so that the run stops after its epoch with its log,
// checkpoint and figure written, rather than training on for no one or
// being killed by SIGPIPE (which run catches) with nothing saved. A
// failure is said on stderr at once; a reader gone is not, as it is not
// for cat (exitBrokenPipe): run names keeps, the files the run was asked
// to write (runKeeps), when it ends, if the run stopped short of its
// plan and no signal has said that it stops, before the reader went or
// while the run saved its files after (goneLine). release ends the watch.
func stopOnDeadOutput(ctx context.Context, stdout io.Writer, stderr io.Writer, keeps string) (context.Context, func()) {
	c, ok := stdout.(*checkedWriter)
	if !ok {
		return ctx, func() {}
	}
	c.stop = ctx // a signal's (notifyStop)
	ctx, cancel := context.WithCancel(ctx)
	c.failed = func() {
		if !c.readerGone() {
			// The one line of the failure: run says no more of it.
			fmt.Fprintf(stderr, "ganui: writing the output: %s; stopping after the current epoch\n", visible.Message(c.err.Error()))
			c.told = true
		} else if st, ok := c.stop.Value(stopStateKey{}).(*stopState); ok {
			st.gone.Store(&keeps) // before the stop: a signal from now on finds training stopped
		}
		cancel()
	}
	c.keeps = keeps
	return ctx, func() { c.failed = nil; cancel() }
}

// outputFailed reports whether stdout, a run's, failed otherwise than by
// its reader's going (a full disk), said on stderr as it stopped the run
// (stopOnDeadOutput): a batch or a sweep then names what it left, as a
// signal's stop does.
func outputFailed(stdout io.Writer) bool {
	c, ok := stdout.(*checkedWriter)
	return ok && c.told
}

// stopSignals are the signals that stop a run: SIGINT, SIGTERM and
// SIGHUP (the terminal closed, a dropped ssh), but those the process was
// started ignoring, which it keeps ignoring: SIGHUP under nohup, SIGINT
// in a shell's background job.
func stopSignals() []os.Signal {
	var out []os.Signal
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(s) {
			out = append(out, s)
		}
	}
	return out
}

// notifyStop returns a context that the first of stopSignals cancels,
// which stops the run after its current epoch with everything saved, and
// says so on stderr, naming the signal: SIGTERM and SIGHUP come from no
// keyboard. An epoch of a wide design can take many seconds: a second
// signal (but the first again within stopsignal.Grace, which is the
// first sent twice: stopsignal.First, which the trainer's signals go
// through too) does not wait for it, and exits at once with exitSignal,
// without loses, what the run has still to write (runLoses; a batch's summary;
// once a run's files are written, what is left: filesWritten),
// which the first line names. SIGQUIT (Ctrl+\\ in a terminal, the
// signal that asks to quit now) quits at once as a second signal does,
// first or not, saying what it loses, where Go's default would dump
// every goroutine and exit 2, the code of bad usage, leaving the --save's
// reserved room beside its path, a hidden file as large as the
// checkpoint. quit is given the line that says so, to write to stderr
// before it exits (quitAtOnce). stop ends the watch.
func notifyStop(stderr io.Writer, loses string, quit func(stderr io.Writer, line string)) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	st := &stopState{loses: loses}
	ctx = context.WithValue(ctx, stopStateKey{}, st)
	sig, quits := make(chan os.Signal, 2), make(chan os.Signal, 1)
	if stops := stopSignals(); len(stops) > 0 { // none: Notify would relay every signal
		signal.Notify(sig, stops...)
	}
	if !signal.Ignored(syscall.SIGQUIT) {
		signal.Notify(quits, syscall.SIGQUIT)
	}
	done, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		var first os.Signal
		select {
		case first = <-sig:
			// Said before the run is told to stop, so that it comes
			// before whatever the run says as it stops (a --save that
			// failed): said after, it raced with those lines.
			name := signalName(first)
			st.mu.Lock() // the run's training ends before or after this stop, not during (trainingOver)
			st.name = name
			if keeps := st.gone.Load(); keeps != nil {
				fmt.Fprintln(stderr, stoppedByTheReader(name, *keeps))
			} else if st.final {
				line := "ganui: " + name + ": the run is over, its final line given: nothing is stopped"
				if st.plot {
					line += "; " + name + " again quits at once, without the --plot figure"
				}
				fmt.Fprintln(stderr, line)
			} else if st.over != "" {
				fmt.Fprintf(stderr, "ganui: %s: %s; %s again quits at once, without %s\n", name, st.over, name, st.loses)
			} else {
				fmt.Fprintf(stderr, "ganui: %s: stopping after the current epoch; %s again quits at once, without %s\n", name, name, st.loses)
			}
			cancel(errSignalled)
			st.mu.Unlock()
		case <-quits:
			st.mu.Lock()
			loses := st.loses
			st.mu.Unlock()
			quit(stderr, "ganui: SIGQUIT: quitting at once, without "+loses)
			return
		case <-done:
			return
		}
		var repeats stopsignal.First
		repeats.Repeat(first)
		for {
			select {
			case second := <-sig:
				if repeats.Repeat(second) {
					continue // the first sent again to the group (timeout): one stop
				}
				name := signalName(second)
				if second == first {
					name += " again"
				}
				st.mu.Lock()
				skip, words := st.skip, st.skipWords
				st.skip = nil
				st.mu.Unlock()
				if skip != nil { // the final evaluation after a stop (finalWaits): given up, the run ending as the first said
					fmt.Fprintf(stderr, "ganui: %s: %s\n", name, words)
					close(skip)
					continue
				}
				quit(stderr, "ganui: "+name+": quitting at once") // what is lost the first line said: some may be written by now
			case <-quits:
				quit(stderr, "ganui: SIGQUIT: quitting at once")
			case <-done:
			}
			return
		}
	}()
	return ctx, func() {
		signal.Stop(sig)
		signal.Stop(quits)
		close(done)
		<-ended // a signal taken is said by now, as signalled tells
		cancel(nil)
	}
}

// stopState is what notifyStop's signal line needs to know of the run's
// stop, held in its context (stopStateKey): gone is the files the run
// writes (runKeeps) once the reader of standard output has gone and that
// stopped training (stopOnDeadOutput), nil until then.
type stopState struct {
	gone atomic.Pointer[string]
	mu   sync.Mutex
	// over is what a signal does once training is over (trainingOver),
	// said in its line in place of "stopping after the current epoch",
	// which was untrue of a run whose final evaluation of a wide
	// design's many samples took minutes more: "" until then.
	over string
	// final is set once the final line is given (finalGiven): a signal
	// then stops nothing, and plot is whether a --plot figure is still
	// to be written, which a second signal's quitting loses.
	final, plot bool
	// name is the first signal's (signalName), once it has come.
	name string
	// loses is what quitting at once loses (notifyStop's, runLoses), and
	// once a headless run's files are written (filesWritten), what it
	// has still to write then.
	loses string
	// skip, where not nil, is closed by a second signal, which gives up
	// the final evaluation of a run the first stopped (finalWaits) in
	// place of quitting at once, saying skipWords: nil before that
	// evaluation begins, once it is given up, and once the final line
	// is given.
	skip      chan<- struct{}
	skipWords string
}

// finalWaits tells ctx's signal watch (notifyStop) that the final
// evaluation of a run its first signal stopped during training begins,
// which a wide design's --samples 10000000 makes last a minute where
// the trainer's ctrl+c gives it up: a second signal from now on closes
// skip, which gives that evaluation up (session.Options.FinalStop), and
// says over's words of it (overWords, "training is done; " left out:
// "ganui: SIGTERM again: stopping its final evaluation: the final line
// gives the latest progress line's measures, of the epoch its
// measured_at names"), where it quit at once, without the final line.
// say is given the first signal's name, to say the wait with, before a
// second signal is taken so: its line comes after.
func finalWaits(ctx context.Context, skip chan<- struct{}, over string, say func(name string)) {
	st, ok := ctx.Value(stopStateKey{}).(*stopState)
	if !ok {
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	say(st.name)
	st.skip, st.skipWords = skip, strings.TrimPrefix(over, "training is done; ")
}

// finalWaitSaid is called once a headless run's final evaluation after a
// stop can be given up (finalWaits): a test's, to send a second signal
// then.
var finalWaitSaid = func(context.Context) {}

// signalledWaitAfter is how long a final evaluation after a stop is
// expected to take (session.Pace.About) before a headless run says what
// it waits for (waitLineSkipping): slowNote, as the trainer says its
// own; a test's is none.
var signalledWaitAfter = slowNote

// runQuit is a headless run's notifyStop quit, quitAtOnce: a test's
// returns.
var runQuit = quitAtOnce

// finalGiven tells ctx's signal line (notifyStop) that the run's final
// line is given, so that a signal from then on says it stops nothing,
// "ganui: SIGTERM: the run is over, its final line given: nothing is
// stopped", where it said "stopping its final evaluation: the final
// line has no measures (measured_at=none)" after a final line with its
// measures; plot: a --plot figure is still to be drawn.
func finalGiven(ctx context.Context, plot bool) {
	if st, ok := ctx.Value(stopStateKey{}).(*stopState); ok {
		st.mu.Lock()
		defer st.mu.Unlock()
		st.final, st.plot = true, plot
		st.skip = nil // a second signal from now on quits, the evaluation over
	}
}

// finalLineGiven is called once a headless run's final line is given,
// its signal line told so (finalGiven): a test's, to send a signal then.
// Not "given", the name of the flags as given (givenFlag) in most of
// this package's functions, which would hide it there.
var finalLineGiven = func(context.Context) {}

// trainingOver tells ctx's signal line (notifyStop) that the run's
// training is over, a signal from now on doing what over says, and
// reports whether ctx was cancelled before, its line said of a stop
// during training: the session's Options.OnTrained. A signal's line and its
// cancel are one step with this (stopState.mu), so that what the line
// says is what the run does.
func trainingOver(ctx context.Context, over string) (stoppedBefore bool) {
	st, ok := ctx.Value(stopStateKey{}).(*stopState)
	if !ok {
		return ctx.Err() != nil
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.over = over
	return ctx.Err() != nil
}

// trained is called once a headless run's training is over, its signal
// line told so (trainingOver): a test's, to send a signal then.
var trained = func(context.Context) {}

// filesWritten tells ctx's signal line (notifyStop) that a headless
// run's --log and --save are written, before its final evaluation
// (session.Options.OnWritten), and that quitting at once from then on
// loses what loses names: the final line, and a --plot figure; the line
// went on naming the files, written minutes before on a wide design.
func filesWritten(ctx context.Context, loses string) {
	if st, ok := ctx.Value(stopStateKey{}).(*stopState); ok {
		st.mu.Lock()
		defer st.mu.Unlock()
		st.loses = loses
	}
}

// written is called once a headless run's files are written, its signal
// line told so (filesWritten): a test's, to send a signal then.
var written = func(context.Context) {}

// overWords is what a signal does to a headless run once its training
// is over (trainingOver): its final evaluation given up, the final line
// measuring the run as its latest progress line did (Result.Earlier),
// or, with no progress line (shown: --every 0, or none yet), not at
// all.
func overWords(shown bool) string {
	if shown {
		return "training is done; stopping its final evaluation: the final line gives the latest progress line's measures, of the epoch its measured_at names"
	}
	return "training is done; stopping its final evaluation: the final line has no measures (measured_at=none)"
}

type stopStateKey struct{}

// stoppedByTheReader is the line of a signal, name, that comes once the
// reader of standard output has gone and that stopped training: it stops
// nothing, the run ending as it was, and says so, with keeps, the files
// the run writes, as goneLine would have named them at its end, where
// "stopping after the current epoch" had been said of a run stopped
// already: "ganui: SIGINT: training stopped already, as standard
// output's reader went; what was trained by then goes to --log run.csv
// as the run ends, and SIGINT again quits at once, without what is not
// written by then".
func stoppedByTheReader(name, keeps string) string {
	line := "ganui: " + name + ": training stopped already, as standard output's reader went; "
	if keeps == "" {
		return line + name + " again quits at once"
	}
	return line + "what was trained by then goes to " + visible.Message(keeps) + " as the run ends, and " + name + " again quits at once, without what is not written by then"
}

// errSignalled is the cause of notifyStop's context cancelled by a
// signal, whose line has said that the run stops (signalled), not by
// its stop.
var errSignalled = errors.New("a signal stopped the run")

// signalled reports whether a signal cancelled ctx, notifyStop's (or
// one made from it), and its line said so.
func signalled(ctx context.Context) bool {
	return errors.Is(context.Cause(ctx), errSignalled)
}

// quitAtOnce is notifyStop's quit for a second signal: it exits with
// exitSignal at once, the files the run was still writing removed
// half-written (outputfile.Abandon) and those they were to replace left
// as they were, once line is written to stderr. A --save cut short
// leaves no hidden file as large as the checkpoint beside it
// (.run.ckpt.tmp-…), to be removed only by a later save of the same
// path; where its directory, made read-only under the run, will not let
// it be removed, it is emptied and line names it (atOnceLine).
func quitAtOnce(stderr io.Writer, line string) {
	fmt.Fprintln(stderr, atOnceLine(line, outputfile.Abandon()))
	os.Exit(exitSignal)
}

// atOnceLine is line, a quit at once's, headless (quitAtOnce) or the
// trainer's (leftLine), naming last each file left
// (outputfile.Abandon's), in LeftError's words: "ganui: SIGQUIT:
// quitting at once, without the final line or the --save checkpoint;
// its hidden temporary file x/.r.ckpt.tmp-8723ca36 is left there,
// emptied (removing it: permission denied): remove it once you can".
func atOnceLine(line string, left []*outputfile.LeftError) string {
	for _, l := range left {
		line += "; " + l.Left()
	}
	return line
}

// signalName is the name of one of stopSignals as kill -l and the README
// write it: SIGINT, SIGTERM, SIGHUP.
func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return s.String()
}

// runLoses is what a single headless run of opts has still to write when
// a signal stops it, and a second one quits before: its final line, and
// those of its files that it writes as it ends (the rows of the --log
// still buffered, the --save checkpoint, the --plot figure). A run with
// none of them loses no file, and is not said to.
func runLoses(opts session.Options) string {
	loses := []string{"the final line"}
	for _, f := range []struct{ path, what string }{
		{opts.LogPath, "the --log's last rows"},
		{opts.SavePath, "the --save checkpoint"},
		{opts.PlotPath, "the --plot figure"},
	} {
		if f.path != "" {
			loses = append(loses, f.what)
		}
	}
	return numtext.List(loses, "or")
}

// runKeeps is the files a headless run or sweep of opts writes, each named
// by its flag and path, "--log run.csv and --plot run.png": "" for none.
func runKeeps(opts session.Options) string {
	var keeps []string
	for _, f := range []struct{ path, flag string }{
		{opts.LogPath, "--log"},
		{opts.SavePath, "--save"},
		{opts.PlotPath, "--plot"},
	} {
		if f.path != "" {
			keeps = append(keeps, f.flag+" "+shellword.Quote(f.path))
		}
	}
	return numtext.List(keeps, "and")
}

// fitJobs is the runs of a batch of runs to train at once: jobs, or
// fewer so that that many runs of the largest of designs
// (engine.Config.Footprint) take at most half of avail, the memory the
// system has free; with avail unknown (0) it leaves jobs as asked. One
// run is always allowed: a single run's size is bounded by the design's
// own limits. It says so on stderr only when fewer runs than jobs would
// have are trained at once, not when the runs are no more than the
// lowered count anyway, and names --jobs only when the user gave it
// (asked): the default, one per CPU, is no "--jobs 2 lowered to 1", and
// 2 runs are no "--jobs 8 lowered to 6".
func fitJobs(jobs int, asked bool, runs int, designs []engine.Config, avail int64, stderr io.Writer) int {
	var largest int64
	for _, c := range designs {
		largest = max(largest, c.Footprint())
	}
	if avail <= 0 || largest <= 0 {
		return jobs
	}
	fit := max(1, int(avail/2/largest))
	if fit >= min(jobs, runs) {
		return jobs
	}
	why := fmt.Sprintf("a run of this design takes about %s, and %s of memory is free", megabytes(largest), megabytes(avail))
	switch {
	case asked:
		fmt.Fprintf(stderr, "ganui: --jobs %d lowered to %d: %s\n", jobs, fit, why)
	case runs <= jobs:
		fmt.Fprintf(stderr, "ganui: %s at once, not all %d: %s\n", numtext.Count(fit, "run"), runs, why)
	default:
		fmt.Fprintf(stderr, "ganui: %s at once, not %d (one per CPU): %s\n", numtext.Count(fit, "run"), jobs, why)
	}
	return fit
}

// megabytes writes a byte count for a message: 460 MB, 2.9 GB.
func megabytes(n int64) string {
	if n >= 1e9 {
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	}
	return fmt.Sprintf("%.0f MB", float64(n)/1e6)
}

// availableMemory is the memory the system can give new work without
// swapping (MemAvailable in /proc/meminfo), in bytes, or 0 where that is
// not known.
func availableMemory() int64 {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	return memAvailable(string(data))
}

// memAvailable reads MemAvailable from meminfo, /proc/meminfo's text, in
// bytes, or 0 where it holds none, or a count of kB below 0 or past what
// an int64 of bytes holds, which shifted to bytes would wrap round to a
// small number and lower --jobs to 1 for memory said to be 0 MB.
func memAvailable(meminfo string) int64 {
	for line := range strings.Lines(meminfo) {
		if rest, ok := strings.CutPrefix(line, "MemAvailable:"); ok {
			var kB int64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kB); err == nil && kB >= 0 && kB <= math.MaxInt64>>10 {
				return kB << 10
			}
		}
	}
	return 0
}
