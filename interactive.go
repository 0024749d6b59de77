package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/session"
	"github.com/ganui/ganui/tui"
)

// interactive opens the full-screen trainer on the run, and once the user
// quits prints the files its keys wrote (session.Parting), the run's
// final line and the command that runs it again
// with the settings it ended with (session.Again), so that both stay in
// the terminal's scroll-back: with the design file that command names
// written, when it is neither a built-in preset nor the run's own preset
// file, and what the command cannot repeat, if anything, and where a run
// quit before the end of its plan stopped. A user who quit
// again without waiting for the epoch in training left the session
// training: nothing of it may be read then, and a line says so instead
// (leftLine), naming last, as a headless run quit at once does, each
// file of a write under way that its directory, made read-only under
// it, would not let be removed (outputfile.Abandon).
// The run's clock is watched as a headless run's is (watchStops), so that
// a kill -STOP counts as little as ctrl+z, which the trainer announces.
// What the wait for the final line is, when it is long, goes to stderr
// (quitLines). Keys typed while no screen is up are not echoed (hush).
func interactive(opts options, stdout, stderr io.Writer) error {
	signals, release := tui.HoldSignals() // from the start: none meets its default (SIGQUIT's, a dump of every goroutine) or is lost between the parts that read them
	defer release()
	tui.AskTerminal() // before the slow work, whose keys typed ahead its answer would take
	keys := hushKeys(signals, func(line string) { quitAtOnce(stderr, line) })
	defer keys.on()
	opts.Clock = session.NewClock(wallClock)
	defer watchStops(opts.Clock)()
	s, err := session.New(opts.Options)
	if err != nil {
		return usageError{err}
	}
	end, err := tui.Run(s, dirNotice(opts.Dir), func() { keys.on() }, signals)
	if err != nil {
		return err
	}
	if end.Left {
		left := outputfile.Abandon() // the session may be writing: its file half-written goes, not the one it replaces
		// Asked after Abandon, which removes a write under way and
		// refuses those to come: a file pending now is not written, a
		// file being counted as it is put in place (Session.Unwritten).
		unwritten := s.Unwritten()
		fmt.Fprintln(stdout, leftLine(end, unwritten, left, typedDir(opts.Dir)))
		if why := s.Unsaved(); why != "" {
			return errors.New(why) // the run w could not save, said last as a quit that waits says it (Parting)
		}
		return nil
	}
	hushed := hushKeys(nil, nil)
	defer hushed.on()
	stop := catchStop(signals, func() {
		hushed.on()
		quitAtOnce(stderr, "ganui: SIGQUIT: quitting at once, without the final line or the command again")
	})
	defer stop.release()
	return quitLines(s, stdout, stderr, stop)
}

// quitLines prints what the terminal keeps of a run the trainer quit,
// its session stopped: the files its keys wrote (session.Parting), the
// final line and the command that runs it again, with the design file
// it loads written where it needs one. Where that file cannot be
// written, no command is said: "again: ganui --preset
// ganui-mine-seed1.json …" would name a file that is not there (ganui
// started in a directory removed since); the error says why instead.
// The final line evaluates the generator once more, which on a wide
// design takes seconds with the screen gone; when the run's evaluations
// have taken slowNote or more, or none has been completed to tell,
// stderr says what it waits for first (waitLine). A signal meanwhile
// (stop) gives that evaluation up: the final line is then the screen's
// last evaluation, said so on it and on stderr, and the exit is a
// signal's.
func quitLines(s *session.Session, stdout, stderr io.Writer, stop *signalStop) error {
	again := s.Again()
	var design string
	var err2 error
	if again.DesignFile != "" {
		if path, err := s.WriteDesign(); err != nil {
			err2 = fmt.Errorf("no command runs this run again: the design it would load is not written: %w", err)
		} else {
			design = path
		}
	}
	// The files w, e, c and P wrote, whose notes the screen took with
	// it, but the design, named beside the command that loads it.
	written, err1 := s.Parting(design)
	for _, note := range written {
		fmt.Fprintln(stdout, note)
	}
	if final := s.FinalEvaluation(); final.Takes >= slowNote || !final.Timed {
		fmt.Fprintln(stderr, waitLine(final, lineWidth(stderr)))
	}
	result := s.ResultUntil(stop.C)
	if result.Earlier {
		fmt.Fprintf(stderr, "ganui: %s: %s\n", stop.name, earlierLine(result.Measured))
	}
	fmt.Fprintln(stdout, result.Line())
	if err2 != nil {
		return errors.Join(err1, err2)
	}
	if design != "" {
		fmt.Fprintln(stdout, "wrote", design+", the design the command again loads")
	}
	fmt.Fprintln(stdout, "again:", again.Command)
	if again.Caveat != "" {
		fmt.Fprintln(stdout, "       "+again.Said())
	}
	if result.State == session.Interrupted && result.Epochs > 0 && result.Epochs < again.Plan {
		// The command trains the plan, not the epochs this run stopped at,
		// and its final line is the plan's end: say how to end where this
		// one did.
		fmt.Fprintf(stdout, "       the command trains the plan's %s epochs; this run stopped at epoch %s (--epochs %d stops there)\n",
			numtext.FormatInt(again.Plan), numtext.FormatInt(result.Epochs), result.Epochs)
	}
	if err1 == nil && result.Earlier {
		return session.ErrInterrupted // a signal's exit, 130
	}
	return err1
}

// waitLine is the line that says what the final line waits for, final
// being Session.FinalEvaluation's, and that only ctrl+c skips the
// wait (catchStop: the final line is then the screen's last evaluation),
// not the q that quit the screen, pressed again: with the screen gone no
// key is read (hush leaves the terminal's lines edited, so that what is
// typed reaches the shell after ganui), in width columns: "ganui:
// evaluating epoch 3's generator on 10,000 samples for the final line…
// only ctrl+c skips the wait", or shorter forms
// of it where that does not fit (a large --samples, a narrow terminal),
// so that it stays one line: the count of samples, which is why it is
// long, kept before the epoch, the way out kept before both. The last
// column is left free: a terminal that draws "…" two columns wide would
// wrap a line that filled it.
func waitLine(final session.FinalWait, width int) string {
	return waitLineSkipping(final, "… only ctrl+c skips the wait", width)
}

// waitLineSkipping is waitLine, saying skip of the way out: a headless
// run's, stopped by a signal, "… SIGTERM again skips the wait", where it
// waited on a wide design's many --samples with no word.
func waitLineSkipping(final session.FinalWait, skip string, width int) string {
	forms := []string{
		"ganui: " + final.What + " for the final line" + skip,
		"ganui: final line: " + final.What + skip,
		"ganui: final line: evaluating " + numtext.Count(final.Samples, "sample") + skip,
		"ganui: evaluating for the final line" + skip,
		"ganui: final line" + skip,
	}
	for _, f := range forms {
		if utf8.RuneCountInString(f) < width {
			return f
		}
	}
	return forms[len(forms)-1]
}

// lineWidth is the width of w's terminal, or 80 columns where w is no
// terminal (a file, a pipe) or its width is unknown.
func lineWidth(w io.Writer) int {
	if width := terminalWidth(w); width > 0 {
		return width
	}
	return 80
}

// terminalWidth is the width of w's terminal, or 0 where w is no terminal
// (a file, a pipe) or its width is unknown.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 0 {
			return width
		}
	}
	return 0
}

// earlierLine says what a final line whose evaluation a signal gave up
// measures instead (Result.Earlier): the screen's last evaluation, of
// epoch measured, or none (measured < 0), in one line of 80 columns
// after "ganui: SIGINT: ".
func earlierLine(measured int) string {
	if measured < 0 {
		return "the final line has no measures: no evaluation was finished"
	}
	return "final line from the screen's last evaluation, of epoch " + numtext.FormatInt(measured)
}

// signalStop is closed (C) by the first of stopSignals that comes while
// it is held, once the trainer's screen has gone, where such a signal
// would otherwise kill ganui before its final line; name is that
// signal's (signalName), set before C closes.
type signalStop struct {
	C    chan struct{}
	name string
	done chan struct{} // closed by release
	read chan struct{} // closed once the signals are no longer read
}

// catchStop reads signals, tui.HoldSignals's channel, until release: the
// first of stopSignals closes C, and SIGQUIT calls quit, which quits at
// once, as SIGQUIT does a headless run (notifyStop), where Go's default
// would dump every goroutine and exit 2.
func catchStop(signals <-chan os.Signal, quit func()) *signalStop {
	st := &signalStop{C: make(chan struct{}), done: make(chan struct{}), read: make(chan struct{})}
	go func() {
		defer close(st.read)
		for {
			select {
			case sig := <-signals:
				if sig == syscall.SIGQUIT {
					quit()
					return
				}
				select {
				case <-st.C: // given up already
				default:
					st.name = signalName(sig)
					close(st.C)
				}
			case <-st.done:
				return
			}
		}
	}()
	return st
}

// release stops reading the signals.
func (st *signalStop) release() {
	close(st.done)
	<-st.read
}

// slowNote is how long a wait after the screen has gone lasts before it
// is said: a second, as the trainer's status says work that long.
const slowNote = time.Second

// dirNotice is what the trainer says at its start when dir, where its
// keys write their files ("" for the current directory), takes none
// (outputfile.CheckDir): the keys that will fail, the directory and
// what to do, said as a key's note says them (session.KeysCannotWrite),
// before a w pressed fails. "" when dir takes files.
// Asked once, as the run starts: a directory that fills up later is told
// by the key that fails.
func dirNotice(dir string) string {
	if dir == "" {
		dir = "."
	}
	if err := outputfile.CheckDir(dir); err != nil {
		return session.KeysCannotWrite(err)
	}
	return ""
}

// typedDir names the directory dir ("" for the current one) as a user
// would type it: the current directory in words ("nothing was written
// to the current directory"), one under it by its path from there
// (runs/today), any other by its absolute path; where it had been
// named by its absolute path alone, "/home/me/runs" for the directory
// ganui was started in. A path a shell would not read as one word is
// quoted (shellword.Quote), "nothing was written to 'my runs'", as the
// files and directories of a file not written are.
func typedDir(dir string) string {
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return shellword.Quote(dir)
	}
	here, err := os.Getwd()
	if err != nil {
		return shellword.Quote(abs)
	}
	switch rel, err := filepath.Rel(here, abs); {
	case err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)):
		return shellword.Quote(abs)
	case rel == ".":
		return "the current directory"
	default:
		return shellword.Quote(rel)
	}
}

// leftLine is what the terminal keeps of a run quit without waiting for
// what its session was at (end.Doing): the run and the last epoch the
// screen showed finished, its design named as the final line names it,
// what the quit did not wait for (notWaitingFor), and what is missing —
// with each file w, e, c or P asked for that the session had not taken
// up (session.Unwritten), and dir, where they were to be written, so
// that a w, e, c or P pressed while a wide design's epoch or first
// evaluation takes seconds is not lost without a word; and last, as a
// headless run quit at once names them (atOnceLine), the files of
// writes under way that their directory, made read-only under them,
// would not let be removed (left, outputfile.Abandon's), emptied.
func leftLine(end tui.Ending, unwritten []session.Command, left []*outputfile.LeftError, dir string) string {
	list := ""
	if len(unwritten) > 0 {
		files := make([]string, len(unwritten))
		for i, c := range unwritten {
			files[i] = askedFor(c, end)
		}
		list = numtext.List(files, "or")
	}
	why := "quit at once, not waiting for " + notWaitingFor(end.Doing, list) + ": no final line, no command again"
	switch {
	case list != "" && end.Doing == "": // the files were the wait
		why += ", and nothing was written to " + dir
	case list != "":
		why += fmt.Sprintf(", and not %s: nothing was written to %s", list, dir)
	}
	if !end.Shown {
		return atOnceLine("left: "+why, left)
	}
	return atOnceLine(fmt.Sprintf("left preset=%s seed=%d epochs=%d: %s", session.DesignText(end.Preset, end.Changes), end.Seed, end.Epoch, why), left)
}

// notWaitingFor is what a quit at once did not wait for, the session at
// doing (Session.Doing's words) and files, those asked for and not
// written, named: the epoch in training, the evaluation under way, or,
// between them, the files being written (a w's checkpoint, the run
// paused), where "the epoch in training" had been said of a run in
// which none trained; with none, the run's stop.
func notWaitingFor(doing, files string) string {
	switch {
	case strings.HasPrefix(doing, "training"):
		return "the epoch in training"
	case doing != "":
		return "the evaluation under way"
	case files != "":
		return files + " to be written"
	}
	return "the run to stop"
}

// askedFor names the file c writes by the key that asked for it, the
// checkpoint with the epoch the screen showed at its w.
func askedFor(c session.Command, end tui.Ending) string {
	switch c.(type) {
	case session.Save:
		return "the checkpoint w asked for" + tui.AtEpoch(end.SaveAt)
	case session.Export:
		return "the history CSV e asked for"
	case session.Share:
		return "the preset file c asked for"
	case session.Plot:
		return "the figure P asked for"
	}
	return fmt.Sprintf("the file %T asked for", c)
}
