// Command ganui trains small generative adversarial networks live in the
// terminal, or headless with a progress log and a one-line summary.
//
// Usage:
//
//	ganui [flags]                          open the interactive trainer
//	ganui --headless [flags]               train without the screen
//	ganui --headless --seeds 1-5 [flags]   train several seeds, then summarise
//	ganui --headless --sweep k=a,b [flags] train a grid of settings over seeds
//	ganui --resume FILE.ckpt [flags]       continue a saved run bit-identically
//	ganui --list-presets                   list the built-in designs
//	ganui --show-preset NAME [--set k=v]   print a design as a preset file
//	ganui --version                        print the version and the build
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/internal/cliflag"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/visible"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/ganui/ganui/tui"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailure  = 1   // the run could not be carried out (I/O, …)
	exitUsage    = 2   // bad flags or input
	exitDiverged = 3   // training produced NaN or Inf
	exitSignal   = 130 // stopped by SIGINT or SIGTERM, after saving what it had
	// exitBrokenPipe is run's code for standard output's reader gone (|
	// head -1): main ends ganui by SIGPIPE then (dieOfBrokenPipe), which
	// a shell reports as 141, 128 + SIGPIPE's 13.
	exitBrokenPipe = 141
)

func main() {
	command.SetProgram(invokedAs(os.Args[0], goRunCommand))
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	if code == exitBrokenPipe {
		dieOfBrokenPipe()
	}
	os.Exit(code)
}

// brokenPipe takes the SIGPIPE of a write to a pipe whose reader is gone
// while ganui runs (run), so that the write fails and ganui goes on to
// save what it has. Go ignores a SIGPIPE that no channel takes for any
// descriptor but standard output and error, and dies of it for those. A
// channel, not signal.Ignore: a SIGPIPE once ignored stays so for the
// runtime after signal.Reset, and dieOfBrokenPipe could not die of it.
var brokenPipe = make(chan os.Signal, 1)

// dieOfBrokenPipe ends ganui, its reader gone and everything written, as
// SIGPIPE ends cat or grep there: killed by it, which a shell says
// nothing of and reports as 141, and which a caller that waits on it
// (Python's subprocess, -13) tells from an exit of its own. Git ends so
// too (write_or_die.c). Go's runtime dies of SIGPIPE at a failed write to
// standard output when no channel takes it, the only way Go gives to die
// of it: SIGPIPE is handed back to the runtime and standard output
// written once more. Where that write does not fail, or the system has
// no SIGPIPE, main exits 141.
func dieOfBrokenPipe() {
	signal.Reset(syscall.SIGPIPE)
	os.Stdout.Write([]byte{'\n'})
}

// usageError marks errors that are the user's to fix; they exit 2.
type usageError struct{ error }

// options is everything the flags decide: the run itself, as the session
// takes it, and what ganui does with it.
type options struct {
	session.Options
	headless    bool
	listPresets bool
	version     bool
	showPreset  bool           // print Config as a preset file and exit
	preset      string         // --preset or --show-preset as given
	seeds       []uint64       // --seeds; nil for a single run of Seed
	jobs        int            // seeds trained at once
	jobsGiven   bool           // jobs is --jobs as given, not the default
	sweep       *session.Sweep // --sweep: the grid of settings; nil for none
	// shadowed is presets.Shadowed's note for the preset given, said on
	// stderr by the modes that have one (not the trainer's screen).
	shadowed string
	// unread is a note for each --set of a key the design trained leaves
	// unread (unreadSets), said on stderr as shadowed is.
	unread []string
	// asGiven is the flags as the command line gave them, each with its
	// value (givenFlags), for the command a stopped batch offers to train
	// what it left (retrainCommand).
	asGiven []givenFlag
}

func run(args []string, stdout, stderr io.Writer) int {
	// A write to a closed pipe (| head -1) fails, in every mode, rather
	// than killing ganui then and there: out keeps the error, which stops
	// a headless run after its epoch with its files written
	// (stopOnDeadOutput). A reader gone then ends ganui quietly, as it
	// ends cat (exitBrokenPipe); any other failed write (a full disk)
	// ends every mode with its one line and exit 1.
	signal.Notify(brokenPipe, syscall.SIGPIPE)
	out := &checkedWriter{w: stdout}
	opts, err := parseFlags(args, out)
	help := errors.Is(err, flag.ErrHelp)
	if err == nil || errors.As(err, new(notAFigureName)) {
		// --plot /dev/stdout is told it is standard output, as --log
		// /dev/stdout is, not "give /dev/stdout.png" for its name.
		if serr := opts.CheckStreams(stdout, stderr); serr != nil {
			err = serr
		}
	}
	if err != nil && !help {
		fmt.Fprintln(stderr, "ganui:", visible.Message(err.Error()))
		return exitUsage
	}
	if opts.shadowed != "" && (opts.headless || opts.showPreset) {
		fmt.Fprintln(stderr, "ganui: note: "+visible.Message(opts.shadowed))
	}
	if opts.headless || opts.showPreset {
		for _, note := range opts.unread {
			fmt.Fprintln(stderr, "ganui: note: "+visible.Message(note))
		}
	}
	switch err = nil; {
	case help: // printed; only a failed write of it is left to report
	case opts.listPresets:
		listPresets(out, textWidth(stdout))
	case opts.version:
		info, ok := debug.ReadBuildInfo()
		io.WriteString(out, versionText(info, ok, runtime.Version(), engine.KernelISA()))
	case opts.showPreset:
		var file []byte
		if file, err = presets.MarshalFile(opts.Config); err == nil {
			out.Write(file)
		}
	case opts.sweep != nil:
		err = headlessSweep(opts, out, stderr)
	case opts.seeds != nil:
		err = headlessSeeds(opts, out, stderr)
	case opts.headless:
		err = headless(opts, out, stderr)
	default:
		err = interactive(opts, out, stderr)
	}
	var diverged *session.Divergence
	var some *session.SeedsDivergedError
	gone := out.readerGone()
	if gone && (err == nil || errors.Is(err, session.ErrInterrupted)) {
		// Anything else the run has to say (a divergence, a file not
		// written) is said below, as if its lines had been read.
		if line := out.goneLine(err); line != "" {
			fmt.Fprintln(stderr, line)
		}
		return exitBrokenPipe
	}
	if out.err != nil && !gone && (err == nil || errors.Is(err, session.ErrInterrupted) || errors.As(err, &diverged) || errors.As(err, &some)) {
		// What it failed to print wins over how the run ended (README:
		// exit codes), said once: when it failed, if the run was told.
		if out.told {
			return exitFailure
		}
		err = fmt.Errorf("writing the output: %w", out.err)
	}
	var usage usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, session.ErrInterrupted):
		return exitSignal
	case errors.As(err, &diverged), errors.As(err, &some):
		fmt.Fprintln(stderr, "ganui:", visible.Message(divergedLine(err, diverged, opts)))
		return exitDiverged
	case errors.As(err, &usage):
		fmt.Fprintln(stderr, "ganui:", visible.Message(err.Error()))
		return exitUsage
	case errors.Is(err, tui.ErrNotTerminal), errors.Is(err, tui.ErrNoKeyboard), errors.Is(err, tui.ErrDumbTerminal):
		fmt.Fprintf(stderr, "ganui: %s; %s trains without a terminal\n", visible.Message(err.Error()), headlessCommand(opts.asGiven))
		return exitUsage
	default:
		for _, line := range errorLines(err) {
			fmt.Fprintln(stderr, "ganui:", visible.Message(line))
		}
		return exitFailure
	}
}

// divergedLine is what ganui says of err, a run's divergence (diverged,
// nil for a batch's runs), or a batch's: why, what to change, that the
// --save checkpoint is not written, and last the hidden temporary file of
// its room where its directory, made read-only under the run, kept it
// (an *outputfile.LeftError around the divergence): emptied, it is named
// with what to do, as a file whose write failed is.
func divergedLine(err error, diverged *session.Divergence, opts options) string {
	remedy := "try a lower learning rate"
	if diverged != nil {
		remedy = diverged.Remedy()
	}
	var left *outputfile.LeftError
	if errors.As(err, &left) {
		err = left.Err
	}
	line := err.Error() + " (" + remedy + ")"
	if opts.SavePath != "" { // the file there is not this run's, whatever an earlier one left
		line += "; --save " + opts.SavePath + " not written: a checkpoint of a diverged run would not resume"
		if opts.SavesOverResume() {
			line += "; " + opts.SavePath + " is unchanged, the checkpoint this run resumed from"
		}
	}
	if left != nil {
		line += "; " + left.Left()
	}
	return line
}

// errorLines is err as the lines ganui prints of it: one, whose parts
// visible.Message joins, but for a --seeds batch's or a sweep's runs that
// failed (session.RunsFailed), a line each, each naming its seeds and
// its cell, and a line for each error that came with them (a --plot not
// drawn): joined, they would read as one, no seed or cell named; and
// after a headless run's, the line that comes with it (lineAfter).
func errorLines(err error) []string {
	if after := (*lineAfter)(nil); errors.As(err, &after) { // a headless run's, never a batch's
		return []string{err.Error(), after.line}
	}
	var failed *session.RunsFailed
	multi, ok := err.(interface{ Unwrap() []error })
	if !ok || !errors.As(err, &failed) {
		return []string{err.Error()}
	}
	var lines []string
	for _, e := range multi.Unwrap() {
		lines = append(lines, errorLines(e)...)
	}
	return lines
}

// numberText is a numeric flag's text as given. parseFlags reads it
// (readNumbers) once every flag is in, so that a bad number is reported
// as every other usage error is: the flag as the usage writes it
// (--epochs, not the flag package's -epochs), the value as given, and the
// range it must lie in.
type numberText struct{ s *string }

func (v numberText) String() string {
	if v.s == nil {
		return ""
	}
	return *v.s
}

func (v numberText) Set(s string) error {
	*v.s = s
	return nil
}

// whole reads the text s of flag --name: a whole number from lo to hi,
// also written in exponent form as --set takes one (5000 or 5e3), where
// that is exact: up to 2⁵³. A number that is not whole, or out of range,
// is refused with the range and def, which says what the flag is when not
// given ("default 500"), as --set gives a field's range, so that "1.5"
// is told what to give as well as that it is not a whole number.
func whole(name, s string, lo, hi uint64, def string) (uint64, error) {
	n, err := engine.ParseWhole(s)
	switch {
	case errors.Is(err, engine.ErrNotWhole) && strings.TrimSpace(s) != s && strings.TrimSpace(s) != "":
		// Spaces around a count, or a CRLF script's carriage return, are
		// said as --set says them (engine.Spaces), with what is wrong with
		// the number inside them: --epochs ' 5' and --epochs $'1\r',
		// where each was "not a whole number" and left to find the space.
		how, them := engine.Spaces(s)
		bare := strings.TrimSpace(s)
		if _, err := whole(name, bare, lo, hi, def); err != nil {
			return 0, fmt.Errorf("--%s: %q %s, and %s", name, s, how, strings.TrimPrefix(err.Error(), "--"+name+": "))
		}
		return 0, fmt.Errorf("--%s: %q %s; write it without %s: %s", name, s, how, them, bare)
	case errors.Is(err, engine.ErrNotWhole) && engine.PlusSign(s) != nil:
		// What is wrong with the number after the + is said with it
		// (engine.PlusSignAnd): --epochs +1.5 is told at once to drop the +
		// and that 1.5 is not whole.
		_, bare := whole(name, s[1:], lo, hi, def)
		if bare != nil {
			bare = errors.New(strings.TrimPrefix(bare.Error(), "--"+name+": "))
		}
		return 0, fmt.Errorf("--%s: %w", name, engine.PlusSignAnd(s, bare))
	case errors.Is(err, engine.ErrNotWhole) && strings.HasPrefix(s, "-") && isZero(s[1:]) && !zeroLed(s):
		// A zero with a '-' (engine.ParseWhole) is refused for its sign,
		// as one with a '+' is, and said so, not told "-0" is not a whole
		// number. One with leading 0s too is told both at once, below
		// (engine.LeadingZeros): --epochs -00 `"-00" has a - and a
		// leading 0, and 0 out of range …`, where it was told of the -,
		// then of "00"'s 0, then of the range.
		if _, bare := whole(name, s[1:], lo, hi, def); bare != nil {
			return 0, fmt.Errorf("--%s: %q has a - before it, and %s", name, s, strings.TrimPrefix(bare.Error(), "--"+name+": "))
		}
		return 0, fmt.Errorf("--%s: %q has a - before it, and a count has no sign; write it without one: %s", name, s, s[1:])
	case errors.Is(err, engine.ErrNotWhole) && isPlainWhole(s) || zeroLed(s):
		// A count written as Go or a reader writes one is told the number
		// to write, and what is wrong with that number with it, as --set
		// tells one: --epochs 0x10, "write it in decimal: 16". So is one
		// with a leading 0, which ParseWhole reads and --set refuses
		// (engine.LeadingZeros): --epochs 05 `"05" has a leading 0; write
		// it without it: 5`, the 0 maybe a point's lost (0.5), as nothing.
		plain, how := plainWhole(s)
		if plain == "" {
			plain, how = engine.LeadingZeros(s)
		}
		if _, bare := whole(name, plain, lo, hi, def); bare != nil {
			written, _, _ := strings.Cut(how, ";")
			return 0, fmt.Errorf("--%s: %q %s, and %s", name, s, written, strings.TrimPrefix(bare.Error(), "--"+name+": "))
		}
		return 0, fmt.Errorf("--%s: %q %s: %s", name, s, how, plain)
	case errors.Is(err, engine.ErrNotWhole):
		return 0, fmt.Errorf("--%s: %q is not a whole number; allowed: %s (%s)", name, s, numtext.Range(lo, hi), def)
	case errors.Is(err, engine.ErrInexact) && hi > 1<<53:
		return 0, fmt.Errorf("--%s: %s is past 2⁵³, where the exponent form is not exact; write its digits", name, s)
	case err != nil || n < lo || n > hi:
		return 0, fmt.Errorf("--%s: %s out of range %s (%s)", name, groupedCount(s), numtext.Range(lo, hi), def)
	}
	return n, nil
}

// groupedCount is s, a count out of its flag's range, as the range
// writes one when s is plain digits, its thousands grouped:
// 137,438,953,472 for 137438953472, and digits past 2⁶⁴ too; any other s
// (1e12, 1e99, -1) as written, so that the text given is there to find.
func groupedCount(s string) string {
	if s != "" && strings.Trim(s, "0123456789") == "" {
		return numtext.Grouped(s)
	}
	return s
}

// plainWhole is s, a whole number as Go writes one and whole does not
// read (engine.GoNumberForm: 0x10, 1_000), or with commas between groups
// of three digits as a reader writes one (10,000), in the digits whole
// reads, "16", "1000", "10000", and how s was written ("has commas;
// write it without them"); "" for any other text, and for underscores
// after a leading 0, which Go reads as octal (0_10 is 8).
func plainWhole(s string) (plain, how string) {
	if plain, ok := engine.Grouped(s); ok {
		return plain, "has commas; write it without them"
	}
	switch {
	case strings.HasPrefix(s, "0") && strings.Contains(s, "_"):
		return "", ""
	}
	return engine.GoNumberForm(s)
}

// zeroLed says whether s is a number whose whole part begins with a 0
// before another digit, "05", "00", "-05", as engine.LeadingZeros reads
// one: a count flag refuses it as --set refuses a field's.
func zeroLed(s string) bool {
	plain, _ := engine.LeadingZeros(s)
	return plain != ""
}

// isPlainWhole says whether s is a number plainWhole rewrites.
func isPlainWhole(s string) bool {
	plain, _ := plainWhole(s)
	return plain != ""
}

// isZero tells whether s is a whole number as ParseWhole reads one, and
// that number 0: "0", "00", "0e3".
func isZero(s string) bool {
	n, err := engine.ParseWhole(s)
	return err == nil && n == 0
}

// strayArgument is the error for args[i], the first argument that is not
// a flag: a flag after --, which the flag package reads no further than,
// is said to be that; the value of a --set or --sweep that lost its "="
// to a space (--set g_lr 1e-3) is said to be that, the two put back
// together. Where no design was named, an existing file whose extension
// is a preset file's or a checkpoint's (ganui my.json, ganui run.ckpt) is
// said to want the flag that reads it, --preset or --resume, and a
// built-in preset's name, or one near it, to want --preset, before -- or
// after it (ganui ring, ganui -- rign); any other is as cliflag.Stray says
// it. A word said, the argument itself too, is one word of a shell
// (shellword.Quote: unexpected argument 'my run.json' (did you mean
// --preset 'my run.json'?), not --preset my run.json, two words, nor
// Go's "my run.json" beside the shell's 'my run.json'); a word holding a
// character a message shows only escaped (unshown) is not suggested but
// said to hold it, for a suggested --set 'g_lr=1\x01' is one a shell
// reads as other text than the word given.
func strayArgument(args []string, i int, fs *flag.FlagSet) error {
	arg := args[i]
	if i >= 1 && args[i-1] == "--" && strings.HasPrefix(arg, "-") {
		// ganui takes flags alone: a -- before a flag only stops it being
		// read as one (a command's tail pasted after "--").
		return fmt.Errorf("unexpected argument %s after --, which ends the flags: drop the -- for it to be read as a flag", shellword.Quote(arg))
	}
	if i >= 2 && !strings.Contains(args[i-1], "=") {
		want := map[string]string{"--set": "key=value", "-set": "key=value", "--sweep": "key=v1,v2,…", "-sweep": "key=v1,v2,…"}[args[i-2]]
		if want != "" {
			name, joined := "--"+strings.TrimLeft(args[i-2], "-"), args[i-1]+"="+arg
			if c := unshown(joined); c != "" {
				return fmt.Errorf("%s: want %s, got %s, then %s, which hold %s: give %s %s as one word, without it", name, want, shellword.Quote(args[i-1]), shellword.Quote(arg), c, name, want)
			}
			return fmt.Errorf("%s: want %s, got %s (did you mean %s %s?)", name, want, shellword.Quote(args[i-1]), name, shellword.Quote(joined))
		}
	}
	designed := false
	fs.Visit(func(f *flag.Flag) {
		designed = designed || f.Name == "preset" || f.Name == "resume" || f.Name == "show-preset"
	})
	if designed {
		return cliflag.Stray(arg, fs, nil)
	}
	if want, ok := inputFlags[strings.ToLower(filepath.Ext(arg))]; ok {
		if st, err := os.Stat(arg); err == nil && st.Mode().IsRegular() {
			if c := unshown(arg); c != "" {
				return fmt.Errorf("unexpected argument %s: its name holds %s; to read it, rename it without that and give --%s the new name", shellword.Quote(arg), c, want)
			}
			return fmt.Errorf("unexpected argument %s (did you mean --%s %s?)", shellword.Quote(arg), want, shellword.Quote(arg))
		}
	}
	names := map[string]string{}
	for _, name := range presets.Names() {
		names[name] = "preset"
	}
	return cliflag.Stray(arg, fs, names)
}

// unshown says the first character of w that a message shows only
// escaped (visible.String), "the control character U+0001 ('\x01')",
// or "" if w holds none. A word holding one is not suggested as a command
// to type (strayArgument): written escaped, 'g_lr=1\x01' reads in a shell
// as other text than the word given, and a control character in a file's
// name is refused by the flag that reads it (inputfile.CheckName).
func unshown(w string) string {
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		switch {
		case r == utf8.RuneError && n == 1:
			return fmt.Sprintf("the byte %#02x, which is not UTF-8", w[0])
		case unicode.IsControl(r):
			return fmt.Sprintf("the control character %U (%s)", r, strconv.QuoteRune(r))
		case visible.Hidden(r):
			return fmt.Sprintf("the bidirectional formatting character %U (%s)", r, strconv.QuoteRune(r))
		}
		w = w[n:]
	}
	return ""
}

// inputFlags names the flag that reads a file of each extension, for a
// file given without it (strayArgument).
var inputFlags = map[string]string{".json": "preset", ".ckpt": "resume"}

// maxJobs bounds --jobs, and its default: the CPUs, on a machine with
// more than this many.
const maxJobs = 256

// checkedWriter keeps the first error writing to w, and writes nothing
// after it: standard output redirected to a full disk must not end in
// exit 0, as if everything had been printed.
type checkedWriter struct {
	w   io.Writer
	err error
	// failed, when set, is called once, at the first failed write: a
	// headless run stops then (stopOnDeadOutput), and sets told when it
	// has said so on stderr.
	failed func()
	told   bool
	// keeps is the files the headless run writes (runKeeps), named when
	// the reader goes, which they then hold less than was asked of.
	keeps string
	// stop is the headless run's signal context (notifyStop), nil for
	// none: a signal's line, said, is the run's one word of its stop.
	stop context.Context
	// resume is the line that names the command that trains on the
	// --save checkpoint of a run its reader's going stopped
	// (resumeLine), said after goneLine's, "" for none.
	resume string
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if c.err = err; err != nil && c.failed != nil {
		c.failed()
	}
	return n, err
}

// goneLine is what is said of a run that ended with err, its reader
// gone: a reader gone is no failure of ganui's, and said by none; but the
// files that hold less than a run asked for are named, where its going
// stopped the run short of its plan (err ErrInterrupted). A run that
// ended before it (err nil) holds all it asked for, and a signal, before
// the reader went or while the run saved its files after, has said that
// it stops and what a second would lose (notifyStop): the one line of
// the stop, where "ganui: SIGINT: stopping …" beside "… reader is gone,
// and training stopped there" had said it twice. "" for nothing said.
// A --save checkpoint written is followed, on a line of its own, by the
// command that trains it on (resume), as a signal's stop ends.
func (c *checkedWriter) goneLine(err error) string {
	if err == nil || c.keeps == "" || c.stop != nil && signalled(c.stop) {
		return ""
	}
	line := "ganui: standard output's reader is gone, and training stopped there; what was trained by then is in " + visible.Message(c.keeps)
	if c.resume != "" {
		line += "\n" + c.resume
	}
	return line
}

// readerGone tells whether the write that failed found the reader of a
// pipe gone (| head -1 has read its line), which ends ganui as SIGPIPE
// does (exitBrokenPipe), not as a failure.
func (c *checkedWriter) readerGone() bool { return errors.Is(c.err, syscall.EPIPE) }

// watchPace says what pace an interactive run starts at without --speed
// (session.Options.Watch): the first ladder pace at or above the plan's
// epochs over session.WatchSeconds, so the plan takes at most that long
// at it, never "about" it (a 5,000-epoch plan at 200/s takes 25 s, a
// 2,100-epoch one at 100/s 21 s), and no ladder pace for a plan past
// the ladder's top.
var watchPace = fmt.Sprintf("the slowest pace of the 1-2-5 ladder at which the plan would take at most %s, full speed for a plan over %s epochs, which none fits",
	numtext.Together(fmt.Sprintf("%d s", session.WatchSeconds)), numtext.FormatInt(session.MaxSpeed*session.WatchSeconds))

// ways are the ways of calling ganui that --help's usage shows, each
// the arguments after the command that starts ganui, with what a flag
// allows with it; DESIGN stands for designUsage's flags.
var ways = []string{
	"[DESIGN] [--seed S] [--paused] [--speed full|N]",
	"--headless [DESIGN] [--seed S] [--every K] [--log FILE.csv] [--plot FILE.png] [--save FILE.ckpt]",
	"--headless [DESIGN] --seeds A-B [--jobs J] [--plot FILE.png]",
	"--headless [DESIGN] --sweep key=v1,v2,… [--sweep key2=…]… [--seed S | --seeds A-B] [--jobs J]",
	"--headless [DESIGN] --sweep key=… --plot FILE.png [--seed S | --seeds A-B] [--jobs J]",
	"--resume FILE.ckpt [--epochs N] [--samples N] [--paused] [--speed full|N]",
	"--headless --resume FILE.ckpt [--epochs N] [--samples N] [--every K] [--log FILE.csv] [--plot FILE.png] [--save FILE.ckpt]",
	"--show-preset NAME|FILE.json [--set key=value]… [--epochs N]",
	"--list-presets",
	"--version",
}

// designUsage ends the usage: the flags that make the design, DESIGN in
// ways.
const designUsage = "DESIGN: [--preset NAME|FILE.json] [--set key=value]… [--epochs N] [--samples N]"

// usage is how ganui is called, at most width columns wide where the
// command that starts it leaves room: a line per way (ways), each
// beginning with that command as the user started ganui
// (command.Line), so that "go run . --help" shows "usage: go run .
// [DESIGN] …", as every other command ganui suggests runs in the shell
// that started it; --help prints it before the flags. A way too long
// for a line goes on under its arguments, never breaking inside an
// [optional group], or from the middle of the width for a command that
// leaves less than half of it; designUsage, last, goes on under its
// flags.
func usage(width int) string {
	var b strings.Builder
	for i, way := range ways {
		lead := "       "
		if i == 0 {
			lead = "usage: "
		}
		args := usageArgs(way)
		indent := min(utf8.RuneCountInString(lead+command.Program()), width/2-1)
		writeUsage(&b, lead+command.Line(args[0]), args[1:], indent, width)
	}
	design := usageArgs(designUsage)
	writeUsage(&b, design[0], design[1:], len(design[0]), width)
	return b.String()
}

// writeUsage writes head and then args to b, each after a space, in
// lines of at most width columns where an argument fits, each line after
// the first indent columns in.
func writeUsage(b *strings.Builder, head string, args []string, indent, width int) {
	line := head
	for _, arg := range args {
		if utf8.RuneCountInString(line)+1+utf8.RuneCountInString(arg) > width {
			b.WriteString(line + "\n")
			line = strings.Repeat(" ", indent)
		}
		line += " " + arg
	}
	b.WriteString(line + "\n")
}

// usageArgs splits a way of ways at the spaces outside its brackets:
// "[--seed S | --seeds A-B]" is one argument, which usage keeps on a line,
// and so is a flag with its argument, "--plot FILE.png".
func usageArgs(way string) []string {
	var args []string
	depth, from := 0, 0
	for i, r := range way {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case r == ' ' && depth == 0:
			args = append(args, way[from:i])
			from = i + 1
		}
	}
	args = append(args, way[from:])
	// A flag and its argument ("--plot FILE.png") are one argument too,
	// kept on one line: "--plot" at a line's end over "FILE.png" would read
	// as a flag given alone.
	var kept []string
	for _, a := range args {
		if n := len(kept); n > 0 && cliflag.TakesNext(kept[n-1]) && !strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "[") {
			kept[n-1] += " " + a
			continue
		}
		kept = append(kept, a)
	}
	return kept
}

// flagGroups are --help's flags by use, each group in the order a user
// reaches for them: the run's design and start, then what only the
// trainer takes, then what only a headless run takes, then the flags
// that print and exit. README.md's flag table lists them in this order
// (TestREADMEFlagTableIsHelps).
var flagGroups = []cliflag.Group{
	{Title: "the design and the run, in the trainer or headless:", Flags: []string{"preset", "set", "epochs", "seed", "samples", "resume"}},
	{Title: "the interactive trainer only:", Flags: []string{"paused", "speed"}},
	{Title: "headless runs only:", Flags: []string{"headless", "every", "log", "plot", "save", "seeds", "jobs", "sweep"}},
	{Title: "print and exit:", Flags: []string{"list-presets", "show-preset", "version", "help"}},
}

// helpFooter ends --help, wrapped to width columns as the flags are
// (cliflag.Wrap): how every flag and number is written, and what each key
// of the final line measures (TestHelpNamesTheFinalLinesKeys), which the
// trainer prints as it quits: kurt and zdep are explained here as well as
// in README.md, which a user who ran a binary may not have.
func helpFooter(width int) string {
	var b strings.Builder
	for _, p := range footerParagraphs {
		b.WriteString("\n" + strings.Join(cliflag.Wrap(p, width), "\n") + "\n")
	}
	return b.String()
}

// footerParagraphs are helpFooter's paragraphs.
var footerParagraphs = []string{
	"A flag takes one dash or two (-seed 3 is --seed 3), its value after a space or an = (--seed=3). " +
		"A count (--epochs, --seed, --samples, --every, --jobs, a seed of --seeds) is whole, in digits or in exponent form: --epochs 5e3.",
	"The final line, a headless run's last and the trainer's when you quit, measures fresh samples of G against the target: " +
		"mean, std, skew and kurt (excess kurtosis, 0 for a normal); ks (Kolmogorov-Smirnov statistic) and w1 (Wasserstein-1 distance), 0 for a perfect fit; " +
		"zdep, G's noise use, 0 if it ignores its noise. " +
		"On a plane: mean_x, std_x, mean_y, std_y, and sw1, sliced W1, beside sw1_floor, what a sample of the target itself shows; " +
		"hq, the share of samples within 3 std of a mode. " +
		"On modes: modes, those covered of all, and mode_share, each one's share of the samples. " +
		"state= is done, interrupted or diverged; train_s is the seconds spent training epochs, evaluations, the pace's waits and the trainer's pauses left out, " +
		"the time to compare runs by; epochs_per_s the epochs over it (0.0 when none was), what the machine trains at whatever the pace, where the trainer's header's ep/s is the rate at its pace, evaluations and drawing included; " +
		"wall_s the run's seconds, the trainer's pauses included. " +
		`README.md's "What the numbers mean" says more.`,
}

// parseFlags reads the command line and resolves the design to run.
// --help (or -h), anywhere on it, prints the usage on stdout and returns
// flag.ErrHelp, whatever the other flags' values: it is asked while a
// command is being written. A line the flags cannot be read from — an
// unknown flag, one without its value, an argument that is no flag — is
// refused as it is without --help, so that the typo is named, not
// hidden behind the help. Every problem comes back as a one-line error.
func parseFlags(args []string, stdout io.Writer) (options, error) {
	var o options
	var sets, sweeps []string
	var seeds, showPreset string
	var help bool
	fs := flag.NewFlagSet("ganui", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	// Defined, not left to the flag package, which answers the first
	// -help or -h it meets and reads no further.
	fs.BoolVar(&help, "help", false, "print this help and exit")
	fs.BoolVar(&help, "h", false, "print this help and exit")
	fs.BoolVar(&o.headless, "headless", false, "train without the screen: progress lines, then one final summary line")
	fs.BoolVar(&o.listPresets, "list-presets", false, "list the built-in presets with their source and full configuration, and exit")
	fs.BoolVar(&o.version, "version", false, "print ganui's version and git revision, the Go release, and which build this is, default or SIMD (with its kernels), and exit")
	fs.StringVar(&o.preset, "preset", presets.Default, "the design to train, `NAME|FILE.json`: a built-in preset (default "+presets.Default+"; --list-presets lists them) or a preset file (--show-preset writes one)")
	fs.StringVar(&showPreset, "show-preset", "", "print the design `NAME|FILE.json`, with any --set and --epochs applied, as a preset file, and exit")
	fs.Func("set", "change one field of the design, `key=value`, e.g. --set g_lr=1e-3 (repeatable: one key each; the keys are --show-preset's)", func(s string) error {
		sets = append(sets, s)
		return nil
	})
	fs.Func("sweep", "headless: train every combination of the values `key=v1,v2,…` (repeatable: one key each) for each seed of --seeds (or --seed), and print a row per cell", func(s string) error {
		sweeps = append(sweeps, s)
		return nil
	})
	// The numbers: text until every flag is in (numberText).
	epochs, seed, jobs, every, samples := "", "1", strconv.Itoa(defaultJobs()), "500", ""
	fs.Var(numberText{&epochs}, "epochs", "train `N` epochs (default: the preset's own; with --resume, the run's own plan)")
	fs.Var(numberText{&seed}, "seed", "random seed `S`; the same seed and design give a bit-identical run")
	fs.StringVar(&seeds, "seeds", "", "headless: train each seed of `A-B` (or a list like 1,4,7-9) and summarise the median and spread of every metric")
	fs.Var(numberText{&jobs}, "jobs", fmt.Sprintf("headless with --seeds or --sweep: train up to `J` runs at once, fewer if memory is short (default: one per CPU, at most %d; here %s)", maxJobs, jobs))
	fs.Var(numberText{&every}, "every", "headless: print a progress line every `K` epochs, 0 for none")
	fs.Var(numberText{&samples}, "samples", fmt.Sprintf("evaluate on `N` fresh generated samples (KS, W1, moments), %s, on a 2-D target %s (default: %s as the mode-collapse papers count; with --resume, the run's own)", numtext.Together(numtext.FormatInt(minSamples)+" to "+numtext.FormatInt(maxSamples)), numtext.Together("to "+numtext.FormatInt(engine.MaxPlaneSamples)), samplesDefault))
	fs.StringVar(&o.LogPath, "log", "", "headless: write the per-epoch history to `FILE.csv` (with --resume, appended to the log the run wrote up to its checkpoint)")
	fs.StringVar(&o.PlotPath, "plot", "", "headless: draw the run's figure to `FILE.png`, .svg or .pdf at its end, or when SIGINT, SIGTERM or SIGHUP stops it; with --seeds, each seed's KS over its epochs and at its end; with --sweep, the curve of KS (sliced W1 on a 2-D target) over one key, or the heat map of its median over two")
	fs.StringVar(&o.SavePath, "save", "", "headless: write a checkpoint to `FILE.ckpt` at the end of the run, or when SIGINT, SIGTERM or SIGHUP stops it (not after a divergence); the --resume checkpoint too, replaced whole")
	fs.StringVar(&o.Resume, "resume", "", "continue the run saved in checkpoint `FILE.ckpt` (by --save or the trainer's w), bit-identically, with its pinned baseline and pace; --epochs sets a new plan")
	fs.BoolVar(&o.Paused, "paused", false, "interactive: start paused at epoch 0, or at the checkpoint's epoch with --resume (n steps an epoch, space runs)")
	speed := "watch"
	fs.Func("speed", "interactive: the pace, `full|N`: full is flat out, N is epochs a second, "+numtext.Together(numtext.FormatInt(session.MinSpeed)+" to "+numtext.FormatInt(session.MaxSpeed))+" (default: "+watchPace+"; with --resume, the pace the run was saved at; [ and ] change it)", func(s string) error {
		speed = s
		return nil
	})
	var files []string
	for _, out := range outputFlags {
		files = append(files, out.flag)
	}
	flagAsValue := cliflag.NoFlagAsValue(fs, args, files...)
	twice := cliflag.OnlyOnce(fs, "set", "sweep", "help", "h")
	if err := fs.Parse(args); err != nil {
		if *flagAsValue != nil {
			return o, *flagAsValue
		}
		if *twice != "" {
			return o, fmt.Errorf("--%s is given twice; give it once", *twice)
		}
		return o, cliflag.Error(err, fs)
	}
	// The runs a message offers from here on train as this one would,
	// headless if it is (command.Train).
	command.SetHeadless(o.headless)
	o.asGiven = givenFlags(fs, args)
	if fs.NArg() > 0 {
		return o, strayArgument(args, len(args)-fs.NArg(), fs)
	}
	if help {
		width := textWidth(stdout)
		io.WriteString(stdout, usage(width)+"\n")
		cliflag.PrintDefaults(stdout, fs, width, flagGroups...)
		io.WriteString(stdout, helpFooter(width))
		return o, flag.ErrHelp
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) {
		// A switch turned off (--paused=false, as a script may write it) is
		// as if not given: it asks for nothing that could clash.
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() || f.Value.String() != "false" {
			given[f.Name] = true
		}
	})
	// --every 0 asks for no progress lines, which --seeds and --sweep
	// print none of: a script that always passes it trains the runs too,
	// where it was told to drop --every. Any other --every is refused.
	if given["every"] && (given["seeds"] || given["sweep"]) {
		if n, err := engine.ParseWhole(every); err == nil && n == 0 {
			delete(given, "every")
		}
	}
	// The combination first: a flag its mode does not take is refused as
	// that, whatever its value, not for its value, to be refused again
	// once the value is mended (--version --epochs 0).
	if err := checkCombination(given, o.headless); err != nil {
		return o, err
	}
	if err := o.readNumbers(given, epochs, seed, jobs, every, samples); err != nil {
		return o, err
	}
	for _, name := range []string{"preset", "show-preset", "log", "save", "resume", "plot"} {
		if given[name] && fs.Lookup(name).Value.String() == "" {
			return o, fmt.Errorf("--%s: empty; give a name", name)
		}
	}
	// "-", standard input to many programs, is no input ganui reads, and
	// is told so, not `unknown preset "-"` or, for --resume, "-: no such
	// file or directory". Nor, standard output to them, is it an output
	// ganui writes: its own lines go there, and the output would be a
	// file named "-". Every output is told so here, before its name's
	// checks, so that --plot - is told what --log - and --save - are, not
	// "a figure is FILE.png, FILE.svg or FILE.pdf".
	design := "ganui reads no design from standard input: give a built-in preset's name or a FILE.json (./- for a file named -)"
	written := "standard output is where ganui writes its lines, not a file: name a file (./- for one named -)"
	for _, f := range []struct{ name, what string }{
		{"preset", design}, {"show-preset", design},
		{"resume", "ganui reads no checkpoint from standard input: give a FILE.ckpt (./- for a file named -)"},
		{"log", written}, {"save", written}, {"plot", written},
	} {
		if given[f.name] && fs.Lookup(f.name).Value.String() == "-" {
			return o, fmt.Errorf("--%s -: %s", f.name, f.what)
		}
	}
	// A file's name begun with a ~ the shell did not expand (after the
	// =, in quotes, or a variable's value) is refused saying so and what
	// the shell expands (inputfile.TildeLeft and Tilde.Say, the rule and
	// message a points(~/d.csv) target is told by too), where it was
	// "the directory ~ does not exist; make it", a directory ~ a later rm
	// -r ~ reads as the home directory, and --log=~ wrote a file ~ here.
	// A directory ~ here is the name's. A name that would be a
	// directory's once expanded is asked for a file in it, e.g. this one.
	for _, f := range []struct{ name, example string }{
		{"preset", "design.json"}, {"show-preset", "design.json"}, {"resume", "run.ckpt"},
		{"log", "run.csv"}, {"save", "run.ckpt"}, {"plot", "run.png"},
	} {
		if !given[f.name] {
			continue
		}
		if t, ok := inputfile.TildeLeft(".", fs.Lookup(f.name).Value.String()); ok {
			eq := slices.ContainsFunc(o.asGiven, func(g givenFlag) bool { return g.name == f.name && len(g.words) == 1 }) // --flag=value
			return o, errors.New(t.Say(inputfile.Where{Flag: f.name, Eq: eq, Example: f.example}))
		}
	}
	// An input's name with spaces around it, or a control character in
	// it, is refused as an output's is (outputfile.CheckName), by the one
	// rule (inputfile.CheckName): otherwise --resume "x.ckpt " would be
	// "x.ckpt : no such file or directory", the space unsaid, and --resume
	// "$(ls *.ckpt)" the same of its two names run together.
	for _, name := range []string{"preset", "show-preset", "resume"} {
		if given[name] {
			if err := inputfile.CheckName(fs.Lookup(name).Value.String()); err != nil {
				return o, fmt.Errorf("--%s: %w", name, err)
			}
		}
	}
	for _, out := range outputFlags {
		if given[out.flag] {
			path := out.path(&o)
			if isNullDevice(*path) { // discarded: as if not given
				*path = ""
				given[out.flag] = false
				continue
			}
			if err := outputfile.CheckName(*path, out.own); err != nil {
				return o, fmt.Errorf("--%s: %w", out.flag, err)
			}
			if err := notAFile(*path); err != nil {
				return o, fmt.Errorf("--%s: %w", out.flag, err)
			}
			if err := outputName(out.flag, *path, out.writes, out.ext); err != nil {
				return o, fmt.Errorf("--%s: %w", out.flag, err)
			}
		}
	}
	if o.Watch = speed == "watch"; !o.Watch {
		var err error
		if o.Speed, err = session.ParseSpeed(speed); err != nil {
			return o, fmt.Errorf("--speed: %w", err)
		}
	}
	if given["seeds"] {
		var err error
		if o.seeds, err = session.ParseSeeds(seeds); err != nil {
			return o, fmt.Errorf("--seeds: %w", err)
		}
	}
	if given["plot"] {
		if _, err := figure.FormatOf(o.PlotPath); err != nil {
			// A device or a pipe is told what it is, as --log's and
			// --save's are, not given a FILE.png beside it: a figure is
			// written to a file of its own, renamed into place, never
			// to a stream (--plot /dev/zero was told "give
			// /dev/zero.png"). Standard output or error is named so by
			// run (notAFigureName).
			if st, serr := os.Stat(o.PlotPath); serr == nil && !st.Mode().IsRegular() {
				err = inputfile.Regular(o.PlotPath, st, true)
			}
			return o, notAFigureName{fmt.Errorf("--plot: %w", err)}
		}
	}
	if given["resume"] {
		return o, nil // the session reads the design and seed from the checkpoint
	}
	if given["sweep"] && slices.ContainsFunc(sweeps, sweepsPresets) {
		if err := o.parsePresetSweep(sweeps, sets, given); err != nil {
			return o, err
		}
		o.unread = unreadSets(sets, o.designs())
		return o, nil
	}
	which := "--preset"
	if given["show-preset"] {
		o.showPreset, o.preset, which = true, showPreset, "--show-preset"
	}
	cfg, err := resolvePreset(o.preset)
	if ckpt := (*presets.CheckpointGiven)(nil); errors.As(err, &ckpt) {
		ckpt.Epochs = o.Epochs // its --resume offered with them, where they go on past its epoch
	}
	if err != nil {
		return o, fmt.Errorf("%s: %w", which, err)
	}
	if given["preset"] || given["show-preset"] { // blog-original, not given, names no file the user meant
		o.shadowed = presets.Shadowed(o.preset)
	}
	base := cfg.Clone() // the preset as read, which the run names its changes from (session.Options.Base)
	o.Preset, o.Base = o.preset, &base
	if presets.IsFile(o.preset) {
		o.PresetFile = o.preset // the run's outputs must not overwrite it
	}
	if cfg, err = o.applySets(cfg, sets, given); err != nil {
		return o, err
	}
	o.Config = cfg
	if given["sweep"] {
		if err := o.parseSweep(sweeps, sets, given, nil); err != nil {
			return o, fmt.Errorf("--sweep: %w", err)
		}
		if err := o.sweepPlotFits(given); err != nil {
			return o, err
		}
	}
	o.unread = unreadSets(sets, o.designs())
	return o, nil
}

// setsError is an error of applySets that is of the --set flags as given,
// whatever design they change: spaces beside a setting's '=', epochs both
// set and given, a key set twice. A sweep over presets says it as --preset
// would, "g_lr is set twice (--set); drop one", not at its first preset,
// "--sweep: preset, value 1 of 2: vanilla: g_lr is set twice (--set); drop
// one; no preset of the sweep takes it: drop the --set", which blamed a
// preset and gave the wrong remedy.
type setsError struct{ error }

func (e setsError) Unwrap() error { return e.error }

// designs is the designs o trains: a sweep's cells', or its one design.
func (o *options) designs() []engine.Config {
	if o.sweep == nil {
		return []engine.Config{o.Config}
	}
	cfgs := make([]engine.Config, len(o.sweep.Cells))
	for i, c := range o.sweep.Cells {
		cfgs[i] = c.Config
	}
	return cfgs
}

// unreadSets is a note for each of sets, the --set flags, whose key none
// of cfgs, the designs trained, reads (engine.Config.Unread): --set
// d_momentum=0.9 on vanilla, whose players train with Adam, "--set
// d_momentum=0.9 trains nothing here: it is read with d_opt sgd alone,
// which this design has not; give --set d_opt=sgd too, or drop it". The
// run trains as it would without it, and its final line, naming each
// setting changed, names it all the same: a practitioner who read it as
// having no effect would be misled.
func unreadSets(sets []string, cfgs []engine.Config) []string {
	var notes []string
	for _, spec := range sets {
		key, _, _ := strings.Cut(spec, "=")
		reads, set := engine.UnreadBy(key, cfgs)
		if reads == "" {
			continue
		}
		has := "which this design has not"
		if len(cfgs) > 1 {
			has = "which no cell has"
		}
		fix := "give --set " + set + " too"
		if set == "" { // no one value: leaky_slope's activations
			fix = "give the design " + reads + " with --set too"
		}
		notes = append(notes, fmt.Sprintf("--set %s trains nothing here: it is read with %s alone, %s; %s, or drop it", shellword.Quote(spec), reads, has, fix))
	}
	return notes
}

// applySets is cfg, a preset's design, with the --set specs sets and
// --epochs on it, validated: the design a run of that preset trains.
func (o *options) applySets(cfg engine.Config, sets []string, given map[string]bool) (engine.Config, error) {
	setKeys := map[string]bool{}
	for i, s := range sets {
		key, value, ok := strings.Cut(s, "=")
		if err := settingWritten(s, key, value, ok, cfg); err != nil {
			return cfg, fmt.Errorf("--set: %w", err)
		}
		if err := cfg.SetSpaces(s, key, value); err != nil {
			return cfg, setsError{fmt.Errorf("--set: %w%s", err, setAsSweep(s, cfg, given["headless"]))}
		}
		if key == "epochs" && given["epochs"] { // two plans: refused, where --epochs would win without a word
			return cfg, setsError{errors.New("epochs is both set (--set) and given (--epochs); drop one")}
		}
		if setKeys[key] { // two values: refused, where the last would win without a word
			return cfg, setsError{fmt.Errorf("%s is set twice (--set); drop one", key)}
		}
		setKeys[key] = true
		before := cfg.Clone()
		if err := cfg.Set(key, value); err != nil {
			return cfg, fmt.Errorf("--set: %w%s%s", err, o.refusedToo(err, before, key, value, sets[i+1:]), setAsSweep(s, before, given["headless"]))
		}
	}
	if o.Epochs > 0 {
		cfg.Epochs = o.Epochs
	}
	if err := cfg.Validate(); err != nil {
		return cfg, fmt.Errorf("--set: %w%s", err, validatedAsSweep(err, sets, cfg, given["headless"])) // a preset is valid until --set or --epochs changes it
	}
	return cfg, nil
}

// refusedToo is ", which the design refuses too: " and why, where err,
// cfg's refusal of value given to key by --set, ends with the one number
// to write instead (engine.SettingError's Number, one of value's plain
// forms below: `batch: "1,024" has commas; write it without them: 1024`,
// or `"01024" has a leading 0; write it without it: 1024`) and the
// design that number makes, with the --set flags after it (rest) and
// --epochs, is refused where it is not without it: blog-original's
// batch=1,024 `…: 1024, which the design refuses too: g_out, d_in: 100
// out of range: a divisor of batch 1,024 (…), or batch a multiple of
// 100`, where the 1024 proposed alone was refused on the next try. The
// design is the one the command builds, so that --set batch=1,024 --set
// g_out=128, whose 1024 it takes, is told nothing more. It is "" where
// err proposes no one number, and where a --set after it is refused
// itself.
func (o *options) refusedToo(err error, cfg engine.Config, key, value string, rest []string) string {
	// The numbers err may propose for value: its decimal comma a point
	// (DecimalComma), its plain digits (plainWhole), without its leading
	// 0s (LeadingZeros), a count's fraction of 0s dropped, 1,024.0's 1024
	// (ReadCommas).
	whole, _ := plainWhole(value)
	unzeroed, _ := engine.LeadingZeros(value)
	commas := ""
	if r := cfg.ReadCommas(key, value); len(r) == 1 && r[0].Refused == "" {
		commas = r[0].Number
	}
	var offered *engine.SettingError
	if !errors.As(err, &offered) || offered.Number == "" {
		return ""
	}
	var plain string
	for _, p := range []string{engine.DecimalComma(key, value), whole, unzeroed, commas} {
		if p != "" && p == offered.Number {
			plain = p
		}
	}
	if plain == "" {
		return ""
	}
	design := func(set bool) error {
		probe := cfg.Clone()
		if set && probe.Set(key, plain) != nil {
			return nil
		}
		for _, s := range rest {
			k, v, ok := strings.Cut(s, "=")
			if !ok || probe.Set(k, v) != nil {
				return nil
			}
		}
		if o.Epochs > 0 {
			probe.Epochs = o.Epochs
		}
		return probe.Validate()
	}
	with, without := design(true), design(false)
	if with == nil || without != nil && without.Error() == with.Error() { // taken, or refused for another key's sake
		return ""
	}
	return ", which the design refuses too: " + with.Error()
}

// settingWritten refuses spec, a --set of key and value (has: whether
// it holds an =), where it is no setting written as key=value: without a
// key (=3), without an = (g_lr), or with no value after its = that key
// takes (g_lr=, where g_hidden= is the network without hidden layers).
// Each says what a value of the key looks like, from cfg's own
// (engine.Config.ValueForm), and an example to type, --set g_lr=0.0002,
// where "want key=value" and `"" is not a number` had left the user to
// find both.
func settingWritten(spec, key, value string, has bool, cfg engine.Config) error {
	if strings.TrimSpace(key) == "" {
		return fmt.Errorf("%q names no key: write key=value, e.g. --set g_lr=1e-3 (--show-preset NAME lists the keys)", spec)
	}
	if !has || strings.TrimSpace(value) == "" {
		probe := cfg.Clone()
		if has && probe.Set(key, value) == nil && probe.Validate() == nil {
			return nil // an empty value the key takes
		}
		form, example, err := cfg.ValueForm(key)
		if err != nil {
			if !has {
				return fmt.Errorf("want key=value, got %q", spec)
			}
			return err
		}
		e := "--set " + shellword.Quote(key+"="+example)
		if !has {
			return fmt.Errorf("%q has no =: write %s=value, the value %s, e.g. %s", spec, key, form, e)
		}
		return fmt.Errorf("%q has no value after the =: give %s, e.g. %s", spec, form, e)
	}
	return nil
}

// resolvePreset is presets.Resolve, but for a file another of ganui's
// outputs, a history CSV or a figure, given as a preset (a run's --log to
// --preset), which is told what it is and what to give, as --resume is
// told it of such a file: "run.csv is a ganui history CSV, not a preset
// file: give the .json file --show-preset or the trainer's c wrote, or a
// built-in preset's name (ganui --list-presets lists them)", where it was
// "run.csv:1: not a preset file: a preset file is one JSON object {…}".
func resolvePreset(arg string) (engine.Config, error) {
	cfg, err := presets.Resolve(arg)
	if err == nil || !presets.IsFile(arg) {
		return cfg, err
	}
	if kind, ok := session.OtherOutput(arg); ok {
		return cfg, fmt.Errorf("%s is %s, not a preset file: give the .json file --show-preset or the trainer's c wrote, or a built-in preset's name (%s lists them)",
			shellword.Quote(arg), kind, command.Line("--list-presets"))
	}
	return cfg, err
}

// notAFigureName is parseFlags' refusal of a --plot that names no figure
// (figure.FormatOf) or is no file (a device, a pipe): run asks
// CheckStreams of it first, which names standard output or error as
// such, where the name alone would have been told "a figure is
// FILE.png, FILE.svg or FILE.pdf; give /dev/stdout.png, …".
type notAFigureName struct{ error }

func (e notAFigureName) Unwrap() error { return e.error }

// outputFlags are the flags that name an output file, each with the
// option it sets (path), which parseFlags empties for a name that is the
// null device; the extensions its files take: FILE.csv, FILE.ckpt as the
// usage writes them (ext), and a figure's formats (figure.FormatOf); and
// what it writes, said of a name that is another kind's (outputName), but
// for --plot, whose name gives its format.
var outputFlags = []struct {
	flag        string
	path        func(*options) *string
	own         func(ext string) bool
	writes, ext string
}{
	{"log", func(o *options) *string { return &o.LogPath }, func(ext string) bool { return strings.EqualFold(ext, ".csv") }, "a CSV history", ".csv"},
	{"save", func(o *options) *string { return &o.SavePath }, func(ext string) bool { return strings.EqualFold(ext, ".ckpt") }, "a checkpoint", ".ckpt"},
	{"plot", func(o *options) *string { return &o.PlotPath }, func(ext string) bool { _, err := figure.FormatOf(ext); return err == nil }, "", ""},
}

// isNullDevice reports whether path is the null device, links followed:
// an output named it is discarded on purpose (ganui --headless --log
// /dev/null, a script's "${LOG:-/dev/null}"), and is none, nothing
// written, as curl -o /dev/null is, not refused as a device a file put
// in its place would replace, nor --plot /dev/null for its extension.
func isNullDevice(path string) bool {
	st, err := os.Stat(path)
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(nullDevice)
	return err == nil && os.SameFile(st, null)
}

// notAFile refuses an output's path where there is something there (links
// followed) that no write replaces, a device, a named pipe, a directory,
// as the run's own check does (outputfile.Target), before its name's
// extension is looked at: --plot /dev/full is a device, not a figure's
// name to mend ("give /dev/full.png" named a file no one can make there).
func notAFile(path string) error {
	if st, err := os.Stat(path); err != nil || st.Mode().IsRegular() {
		return nil
	}
	_, err := outputfile.Target(path)
	return err
}

// nullDevice is os.DevNull, a variable so that a test can name a device
// of its own, made as the null device is.
var nullDevice = os.DevNull

// formats names the kinds of file ganui reads or writes by their
// extensions, so that an output whose name says another kind is refused
// (outputName).
var formats = map[string]string{
	".ckpt": "a checkpoint's", ".csv": "a CSV file's", ".json": "a preset file's",
	".png": "a figure's", ".svg": "a figure's", ".pdf": "a figure's",
}

// outputName refuses path, flag's output, which writes files of the
// extension own, when its extension is another kind of file's (formats),
// in one line naming the kind and the name to give: --save run.json
// would write a checkpoint under a preset file's name, which --preset
// run.json then fails to read as one, and --log run.ckpt a CSV history
// under a checkpoint's. Any other name is the user's to choose. A flag
// without ext (--plot) is FormatOf's to check.
func outputName(flag, path, writes, own string) error {
	ext := filepath.Ext(path)
	if kind, ok := formats[strings.ToLower(ext)]; ok && own != "" && !strings.EqualFold(ext, own) {
		return fmt.Errorf("%s ends in %s, %s extension, but --%s writes %s; give e.g. %s", shellword.Quote(path), ext, kind, flag, writes, shellword.Quote(strings.TrimSuffix(path, ext)+own))
	}
	return nil
}

// readNumbers reads the numeric flags' texts into o, each in its range;
// those not given keep their defaults' texts. No number stands for its
// flag's default (--samples 0 is out of range): the default is the flag
// left out.
func (o *options) readNumbers(given map[string]bool, epochs, seed, jobs, every, samples string) error {
	var err error
	read := func(name, s string, lo, hi uint64, def string) uint64 {
		n, e := whole(name, s, lo, hi, def)
		if err == nil {
			err = e
		}
		return n
	}
	// A resumed run's plan and sample size are its own, as --help says,
	// so the range errors give the run's own as the default a resume
	// leaves out --epochs or --samples for, not the preset's plan and
	// 10,000 samples.
	epochsDefault, samplesDef := "default: the preset's own", "default "+samplesDefault
	if given["resume"] {
		epochsDefault, samplesDef = "default: the run's own plan", "default: the run's own"
	}
	if given["epochs"] {
		o.Epochs = int(read("epochs", epochs, 1, engine.MaxEpochs, epochsDefault))
	}
	seedNumber, seedErr := whole("seed", seed, 0, math.MaxUint64, "default 1")
	if err == nil {
		err = severalSeeds(seedErr, seed, given["headless"])
	}
	o.Seed = seedNumber
	o.jobs = int(read("jobs", jobs, 1, maxJobs, "default: one per CPU, here "+strconv.Itoa(defaultJobs())))
	o.jobsGiven = given["jobs"]
	o.Every = int(read("every", every, 0, engine.MaxEpochs, "default 500"))
	if given["samples"] {
		o.Samples = int(read("samples", samples, minSamples, maxSamples, "to "+numtext.FormatInt(engine.MaxPlaneSamples)+" on a 2-D target; "+samplesDef))
	}
	return err
}

// severalSeeds adds to err, --seed's refusal of s, the --seeds that
// trains the seeds s names where s is several written as --seeds takes
// them: --seed 1-3, one seed where a range was meant, is told
// `for seeds 1-3, give --headless --seeds 1-3` after why it is no seed,
// where it was told only that it is not a whole number and left to find
// --seeds. A text --seeds reads as one seed, or not at all (1,000, whose
// commas err says), keeps err as it is.
func severalSeeds(err error, s string, headless bool) error {
	if err == nil {
		return nil
	}
	seeds, bad := session.ParseSeeds(s)
	if bad != nil || len(seeds) < 2 {
		return err
	}
	give := "--seeds " + session.CompactSeeds(seeds)
	if !headless {
		give = "--headless " + give
	}
	return fmt.Errorf("%w; for seeds %s, give %s", err, session.CompactSeeds(seeds), give)
}

// minSamples and maxSamples bound --samples.
const minSamples, maxSamples = 100, session.MaxSamples

// samplesDefault is --samples when not given, as --help and its range
// error say it.
var samplesDefault = numtext.FormatInt(session.DefaultSamples) + ", or " + numtext.FormatInt(engine.BenchmarkSamples) + " on a 2-D target"

// defaultJobs is --jobs when not given: one run per CPU the process may
// use, at most maxJobs. GOMAXPROCS, not runtime.NumCPU: it follows a
// container's CPU limit (Go 1.25 on) and a GOMAXPROCS the user set,
// where NumCPU counts every core of the machine, and a pod allowed 2 of
// 64 would train 64 runs at once on 2 CPUs' time.
func defaultJobs() int { return min(runtime.GOMAXPROCS(0), maxJobs) }

// validatedAsSweep is setAsSweep for err, cfg's refusal by Validate once
// every --set of sets is in, when it is of one key that a --set gave:
// a target is checked there, not by Set, so --set 'target=normal(4,1)
// normal(3,1)' is told "--sweep target=normal(4,1),normal(3,1)" as --set
// 'g_lr=1e-3 1e-2' is told its sweep. "" otherwise.
func validatedAsSweep(err error, sets []string, cfg engine.Config, headless bool) string {
	keys := engine.FaultKeys(err)
	if len(keys) != 1 {
		return ""
	}
	for _, s := range sets {
		if key, _, _ := strings.Cut(s, "="); key == keys[0] {
			return setAsSweep(s, cfg, headless)
		}
	}
	return ""
}

// parseSweep reads the --sweep specs against the design as --preset and
// --set make it, for the seeds of --seeds (or the one of --seed).
// setAsSweep is the way on for a --set whose value cfg refuses where it
// is several values of which --sweep would train each, "--set
// g_lr=1e-3,1e-2" (a setting's values written as --sweep writes them):
// "; --set takes one value: to train each, --sweep g_lr=1e-3,1e-2", with
// --headless before it where it was not given, as --sweep needs it; else "".
// Values separated by spaces or semicolons, as other tools write a list,
// or with spaces after their commas, are given as --sweep writes them,
// "--set 'g_lr=1e-3 1e-2'" told "--sweep g_lr=1e-3,1e-2", but for a key
// that holds a list (g_hidden), whose refusal says how its items are
// separated, and whose value is several only in brackets,
// "g_hidden=[16],[32]". Spaces before the key or beside the '=', which
// --set refuses (engine.SpacedSetting), are left out of the --sweep
// given: --set 'gp= 1.5,5' is told --sweep gp=1.5,5 as --set gp=1.5,5 is.
func setAsSweep(spec string, cfg engine.Config, headless bool) string {
	key, value, _ := strings.Cut(spec, "=")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	spec = key + "=" + value
	if form, _, err := cfg.ValueForm(key); err == nil && strings.HasPrefix(form, "a list") && !strings.Contains(value, "[") {
		// A list written bare is the key's one list, as --set writes
		// it: refused whole (g_hidden=4096,4000, past the bound), it is
		// no two values, and --sweep g_hidden=4096,4000 would train a
		// layer of each.
		return ""
	}
	sw, err := session.ParseSweep([]string{spec}, cfg, 1)
	if err != nil || len(sw.Axes[0].Values) < 2 {
		spec = session.CommaList(spec, cfg)
		sw, err = session.ParseSweep([]string{spec}, cfg, 1)
	}
	if err != nil || len(sw.Axes[0].Values) < 2 {
		return ""
	}
	flag := "--sweep"
	if !headless {
		flag = "--headless --sweep"
	}
	return fmt.Sprintf("; --set takes one value: to train each, %s %s", flag, shellword.Quote(spec)) // a target's brackets quoted
}

// parseSweep reads the --sweep specs over o.Config (session.ParseSweepOver),
// a preset axis, if any, taking each preset's design from design (nil
// where there is none), and refuses a key both swept and set.
func (o *options) parseSweep(specs, sets []string, given map[string]bool, design func(string) (engine.Config, error)) error {
	seeds := o.seeds
	if seeds == nil {
		seeds = []uint64{o.Seed}
	}
	sw, err := session.ParseSweepOver(specs, o.Config, design, len(seeds))
	if err != nil {
		return err
	}
	for _, a := range sw.Axes {
		for _, s := range sets {
			if key, _, _ := strings.Cut(s, "="); key == a.Key {
				return fmt.Errorf("%s is both swept and set (--set); drop one", a.Key)
			}
		}
		if a.Key == "epochs" && given["epochs"] {
			return errors.New("epochs is both swept and given (--epochs); drop one")
		}
	}
	o.sweep, o.seeds = &sw, seeds
	return nil
}

// sweepPlotFits refuses a --plot of the sweep read where it has more
// keys than a figure draws: a curve over one, a heat map over two.
func (o *options) sweepPlotFits(given map[string]bool) error {
	if n := len(o.sweep.Axes); given["plot"] && n > 2 {
		return fmt.Errorf("--plot draws the curve of a sweep over one key, or the heat map of one over two; this one has %d: sweep one key or two, or drop --plot", n)
	}
	return nil
}

// sweepsPresets reports whether spec, a --sweep's, is a sweep over
// designs, preset=A,B,… (session.PresetKey).
func sweepsPresets(spec string) bool {
	key, _, ok := strings.Cut(spec, "=")
	return ok && key == session.PresetKey
}

// parsePresetSweep reads a --sweep whose specs hold preset=A,B,…: each
// cell trains its preset with --set and --epochs on it (applySets), as
// --preset A would, and the other keys' values on that. Where --preset
// names a design too, it is refused with the sweep that names it among
// the others; where a preset does not take the --set, with the presets
// that do, "--sweep: preset, value 2 of 2: ring: --set: …; of the
// presets, only bimodal takes the --set: --sweep preset=bimodal, or drop
// the --set". The run's own design, o.Config, is the first preset's,
// which each cell's replaces (session.RunSweep).
func (o *options) parsePresetSweep(sweeps, sets []string, given map[string]bool) error {
	var names []string
	var namesErr error
	for _, s := range sweeps {
		if sweepsPresets(s) {
			_, list, _ := strings.Cut(s, "=")
			names, namesErr = session.SweepValues(session.PresetKey, list)
		}
	}
	if given["preset"] {
		list := names
		if !slices.Contains(list, o.preset) {
			list = append([]string{o.preset}, names...)
		}
		both := fmt.Sprintf("--preset %s and --sweep preset=… both choose the design: drop --preset and name it in the sweep", shellword.Quote(o.preset))
		// The sweep offered is one the sweep takes: where its list
		// is refused (a [ left open, preset=a[.json,b.json), that
		// refusal is told, as it is without --preset, where the
		// offer kept the list and was refused next; where --preset's
		// own name cannot be a value of it (a[.json beside b.json),
		// none is offered.
		if _, err := session.SweepValues(session.PresetKey, strings.Join(list, ",")); err != nil {
			if namesErr != nil {
				return fmt.Errorf("--sweep: %s: %w", session.PresetKey, namesErr)
			}
			return errors.New(both)
		}
		return fmt.Errorf("%s, --sweep %s", both, shellword.Quote(session.PresetKey+"="+strings.Join(list, ",")))
	}
	takes := func(p string) (engine.Config, error) {
		cfg, err := resolvePreset(p)
		if err != nil {
			return cfg, err
		}
		return o.applySets(cfg, sets, given)
	}
	// An error of the --set flags themselves is no preset's: said as
	// --preset would say it (setsError). A sweep that names no preset,
	// preset=, is refused by parseSweep.
	if len(names) > 0 {
		if _, err := takes(names[0]); errors.As(err, new(setsError)) {
			return err
		}
	}
	design := func(p string) (engine.Config, error) {
		cfg, err := resolvePreset(p)
		if err != nil {
			return cfg, err // no preset: said as such, not as a --set it cannot take
		}
		if cfg, err = o.applySets(cfg, sets, given); err == nil {
			return cfg, nil
		}
		var fits []string
		for _, n := range names {
			if _, err := takes(n); err == nil {
				fits = append(fits, n)
			}
		}
		if len(fits) == 0 {
			return cfg, fmt.Errorf("%s: %w; no preset of the sweep takes it: drop the --set", p, err)
		}
		they, take := numtext.List(fits, "and"), "takes"
		if len(fits) > 1 {
			take = "take"
		}
		return cfg, fmt.Errorf("%s: %w; of the presets, only %s %s the --set: --sweep %s, or drop the --set",
			p, err, they, take, shellword.Quote(session.PresetKey+"="+strings.Join(fits, ",")))
	}
	if err := o.parseSweep(sweeps, sets, given, design); err != nil {
		return fmt.Errorf("--sweep: %w", err)
	}
	if err := o.sweepPlotFits(given); err != nil {
		return err
	}
	first := names[0]
	o.Config, _ = takes(first) // valid: the sweep took it
	base, _ := resolvePreset(first)
	o.Preset, o.Base, o.PresetFile = first, &base, ""
	if presets.IsFile(first) {
		o.PresetFile = first
	}
	return nil
}

// textWidth is the width --help and --list-presets are written to on
// stdout (wrapWidth): its terminal's, where it is one, else COLUMNS's.
func textWidth(stdout io.Writer) int {
	if c, ok := stdout.(*checkedWriter); ok {
		stdout = c.w
	}
	return wrapWidth(terminalWidth(stdout), os.Getenv("COLUMNS"))
}

// wrapWidth is the width of ganui's long texts: tty, the width of the
// terminal standard output is, where it is one (tty > 0), else env,
// COLUMNS, where it is a whole number, else 80, the terminal most are
// read in, so that what a pipe, a file or a test reads does not change
// with the terminal it was run from. Either is held to minColumns to
// maxColumns: a paragraph wider than 100 columns is hard to read, the
// eye losing its line on the way back, and below 60 the flags'
// descriptions, eight columns in, wrap every few words.
func wrapWidth(tty int, env string) int {
	w := tty
	if w <= 0 {
		w = 80
		if n, err := strconv.Atoi(env); err == nil && n > 0 {
			w = n
		}
	}
	return min(max(w, minColumns), maxColumns)
}

// minColumns and maxColumns bound wrapWidth.
const minColumns, maxColumns = 60, 100

// listPresets prints every built-in preset: its name, then its
// description, source and outline indented under it, wrapped to width
// columns as the trainer wraps its texts (cliflag.Wrap): a labelled line ("source:", the networks' "G" and "D") goes on
// under its text, the outline's other lines two columns in. A line
// breaks only at a plain space, so a setting and its value, written
// together (numtext.Together: "lr 5e-4"), stay on one line, where grep
// finds them; they print with plain spaces.
func listPresets(w io.Writer, width int) {
	const indent = "  "
	for i, c := range presets.All() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, c.Name)
		put := func(label, text, hang string) {
			for j, l := range cliflag.Wrap(text, width-len(indent)-len(label)-len(hang)) {
				if j == 0 {
					fmt.Fprintf(w, "%s%s%s\n", indent, label, numtext.Plain(l))
				} else {
					fmt.Fprintf(w, "%s%*s%s%s\n", indent, len(label), "", hang, numtext.Plain(l))
				}
			}
		}
		put("", c.Description, "")
		put("source: ", c.Source, "")
		for _, l := range c.Outline() {
			if net, rest, ok := strings.Cut(l, "  "); ok && (net == "G" || net == "D") {
				put(net+"  ", rest, "")
			} else {
				put("", l, "  ")
			}
		}
	}
}

// headlessOnly are the flags only a headless run takes, in the order
// checkCombination names the first of them given without --headless,
// each with what adding --headless makes of it, which its refusal
// offers beside dropping it. The three whose file the trainer writes
// with a key also name that key: a user who asks the trainer for a
// history, a checkpoint or a figure learns how to get one there, not
// only that the flag is headless's. --jobs, which trains the runs of
// --seeds or --sweep at once, comes after them, so that its refusal is
// of one given without either.
var headlessOnly = []struct{ flag, does string }{
	{"seeds", "add --headless to train the seeds without the screen and summarise them, or drop --seeds"},
	{"sweep", "add --headless to train the grid without the screen, a row per cell, or drop --sweep"},
	{"jobs", "add --headless and --seeds or --sweep to train several runs at once, or drop --jobs"},
	{"every", "add --headless to train with progress lines in place of the screen, or drop --every"},
	{"log", "add --headless to train without the screen and write the history, or drop --log; in the trainer, e writes the history CSV"},
	{"save", "add --headless to train without the screen and save a checkpoint at the end, or drop --save; in the trainer, w saves a checkpoint"},
	{"plot", "add --headless to train without the screen and draw the figure at the end, or drop --plot; in the trainer, P writes the figure"},
}

// checkCombination refuses flags that do not go together: each mode of
// ganui takes its own flags, and a flag that the chosen mode would
// ignore is an error rather than a surprise. A mode that prints and
// exits refuses another flag saying what it does ("which prints a
// preset's settings"), that it trains nothing, and which to drop; so
// does a headless run a pace it would ignore (--speed, --paused): why,
// "headless runs are never paced", and which flag to drop.
func checkCombination(given map[string]bool, headless bool) error {
	only := func(mode, does string, allowed ...string) error {
		for name := range given {
			if name != mode && !slices.Contains(allowed, name) {
				return fmt.Errorf("--%s does not go with --%s, which %s and trains nothing; drop --%s, or --%s to train", name, mode, does, name, mode)
			}
		}
		return nil
	}
	switch {
	case given["list-presets"]:
		return only("list-presets", "lists the built-in presets")
	case given["version"]:
		return only("version", "prints ganui's version")
	case given["show-preset"]:
		return only("show-preset", "prints a preset's settings", "set", "epochs")
	case headless && (given["paused"] || given["speed"]):
		name := "paused"
		if given["speed"] {
			name = "speed"
		}
		return fmt.Errorf("--%s is for the interactive trainer; headless runs are never paced: drop --%s, or --headless to watch the run", name, name)
	case !headless:
		for _, f := range headlessOnly {
			if given[f.flag] {
				return fmt.Errorf("--%s needs --headless: %s", f.flag, f.does)
			}
		}
	case given["jobs"] && !given["seeds"] && !given["sweep"]:
		return errors.New("--jobs trains several runs at once; give --seeds or --sweep too, or drop --jobs")
	}
	if given["seed"] && given["seeds"] { // a sweep trains each cell on --seed
		return errors.New("--seed and --seeds both choose the seeds: for one run, give --seed S alone, as --seed 3; for a run per seed, give --seeds A-B alone, as --seeds 1-5")
	}
	for _, b := range batchFlags {
		for _, s := range singleRunFlags {
			if given[b.flag] && given[s.flag] {
				return fmt.Errorf("--%s %s, and --%s %s: for one %s, %s; for %s, drop --%s", s.flag, s.does, b.flag, b.does, s.what, b.single, b.rows, s.flag)
			}
		}
	}
	if given["resume"] {
		for _, c := range resumeConflicts {
			if given[c.flag] {
				return fmt.Errorf("--resume continues a saved run with its own design and seed; drop --%s to continue it, or drop --resume %s", c.flag, c.fresh)
			}
		}
	}
	return nil
}

// singleRunFlags are the flags that take a single run, which --seeds
// and --sweep, training several, refuse, each with what it does and what
// of that run it gives, so that the refusal says what to type for it and
// for the runs.
var singleRunFlags = []struct{ flag, does, what string }{
	{"log", "writes the history of a single run", "run's history"},
	{"every", "prints the progress lines of a single run", "run's progress lines"},
	{"save", "saves the checkpoint of a single run", "run's checkpoint"},
}

// batchFlags are the flags that train several runs, each with what it
// trains, how a single run is asked for instead, and what the runs
// give.
var batchFlags = []struct{ flag, does, single, rows string }{
	{"seeds", "trains a run for each seed", "drop --seeds and give its seed with --seed S", "the seeds' summary"},
	{"sweep", "trains a run for each cell", "drop --sweep and give its setting with --set key=value", "the grid's rows"},
}

// resumeConflicts are the flags that change what --resume continues, its
// design or seed, each with what dropping --resume makes of it: a fresh
// run, which a user who gave the flag may have wanted rather than the
// saved one. The checkpoint's design is not read without --resume, so
// such a run names it with --preset. (--show-preset, which trains
// nothing, is refused with --resume before these.)
var resumeConflicts = []struct{ flag, fresh string }{
	{"preset", "to train the design --preset names from the start"},
	{"set", "and name its design with --preset to train it with the change from the start"},
	{"seed", "and name its design with --preset to train it on that seed from the start"},
	{"seeds", "and name its design with --preset to train it on each seed from the start"},
	{"sweep", "and name its design with --preset to sweep it from the start"},
}
