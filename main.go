// Command ganui trains small generative adversarial networks live in the
// terminal, or headless with a progress log and a one-line summary.
//
// Usage:
//
//	ganui [flags]                 open the interactive trainer
//	ganui --headless [flags]      train without a UI
//	ganui --list-presets          list the built-in designs
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailure  = 1 // the run could not be carried out (I/O, …)
	exitUsage    = 2 // bad flags or input
	exitDiverged = 3 // training produced NaN or Inf
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError marks errors that are the user's to fix; they exit 2.
type usageError struct{ error }

// options is everything the flags decide.
type options struct {
	headless    bool
	listPresets bool
	preset      string
	epochs      int // 0: the preset's own
	seed        uint64
	every       int
	samples     int
	logPath     string
}

func run(args []string, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "ganui:", err)
		return exitUsage
	}
	switch {
	case opts.listPresets:
		listPresets(stdout)
		return exitOK
	case !opts.headless:
		fmt.Fprintln(stderr, "ganui: the interactive trainer is not built yet; train without a UI with: ganui --headless [--preset NAME]")
		return exitUsage
	}
	err = headless(opts, stdout)
	var diverged *engine.DivergedError
	var usage usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &diverged):
		fmt.Fprintln(stderr, "ganui:", err, "(try a lower learning rate)")
		return exitDiverged
	case errors.As(err, &usage):
		fmt.Fprintln(stderr, "ganui:", err)
		return exitUsage
	default:
		fmt.Fprintln(stderr, "ganui:", err)
		return exitFailure
	}
}

// parseFlags reads the command line. --help prints the usage on stdout and
// returns flag.ErrHelp; every other problem comes back as a one-line error.
func parseFlags(args []string, stdout io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("ganui", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.headless, "headless", false, "train without a UI: progress lines, then one final summary line")
	fs.BoolVar(&o.listPresets, "list-presets", false, "list the built-in presets and exit")
	fs.StringVar(&o.preset, "preset", presets.Default, "design to train: one of "+strings.Join(presets.Names(), ", "))
	fs.IntVar(&o.epochs, "epochs", 0, "epochs to train (default: the preset's own)")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed; the same seed and preset give a bit-identical run")
	fs.IntVar(&o.every, "every", 500, "headless: print a progress line every `K` epochs (0: none)")
	fs.IntVar(&o.samples, "samples", 10000, "fresh generated samples behind each evaluation (KS, W1, moments)")
	fs.StringVar(&o.logPath, "log", "", "headless: write the per-epoch history to `FILE.csv`")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, "usage: ganui [--preset NAME] [--seed S] [--epochs N]\n"+
				"       ganui --headless [--preset NAME] [--epochs N] [--seed S] [--every K] [--log FILE.csv]\n"+
				"       ganui --list-presets\n\nflags:\n")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return o, err
		}
		return o, errors.New(firstLine(err.Error()) + " (see ganui --help)")
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q (see ganui --help)", fs.Arg(0))
	}
	epochsSet := false
	fs.Visit(func(f *flag.Flag) { epochsSet = epochsSet || f.Name == "epochs" })
	switch {
	case epochsSet && o.epochs <= 0:
		return o, fmt.Errorf("--epochs: %d must be at least 1", o.epochs)
	case o.every < 0:
		return o, fmt.Errorf("--every: %d must be 0 (no progress lines) or more", o.every)
	case o.samples < 100 || o.samples > 10_000_000:
		return o, fmt.Errorf("--samples: %d out of range 100..10000000", o.samples)
	}
	if _, err := presets.Get(o.preset); err != nil {
		return o, fmt.Errorf("--preset: %w", err)
	}
	return o, nil
}

func listPresets(w io.Writer) {
	for _, c := range presets.All() {
		fmt.Fprintf(w, "%-16s %s\n", c.Name, c.Description)
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
