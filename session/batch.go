package session

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// maxSeeds bounds one --seeds list.
const maxSeeds = 10000

// ParseSeeds reads a seed list: comma-separated seeds and inclusive
// ranges A-B, e.g. "1-5" or "1,4,7-9", each seed as --seed takes one
// (engine.ParseWhole: no spaces around it). Seeds are kept in the order
// given; a seed may not repeat. The error says what is wrong as --seed
// says it of one seed: out of range, or an inexact exponent form. A
// range written backwards or a seed written twice is refused with the
// whole list to give instead, each seed once where it first appears:
// "3-1,2" told to write 1-3 alone would, put in its place, write seed 2
// twice. The limit of maxSeeds counts the seeds once each, as the list
// to give does, so that "1-9999,5-3" is told of its range written
// backwards, not refused as more than 10,000 seeds. A list of more says
// what to give instead, fewer and the rest as another batch, not only
// what is wrong.
func ParseSeeds(spec string) ([]uint64, error) {
	if spec == "" {
		return nil, errors.New("empty; give seeds, as 1-5 or 1,4,7-9")
	}
	var seeds []uint64 // each seed once, where it first appears
	var problem string // the first range backwards or seed twice
	seen := map[uint64]bool{}
	tooMany := fmt.Errorf("%q: at most %s seeds in one batch; give fewer, and the rest as another batch", spec, numtext.FormatInt(maxSeeds))
	for _, part := range strings.Split(spec, ",") {
		if part == "" {
			return nil, fmt.Errorf("an empty seed in %q: a comma too many", spec)
		}
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := engine.ParseWhole(lo)
		b, bad := a, lo
		if isRange && err == nil {
			b, err = engine.ParseWhole(hi)
			bad = hi
		}
		switch {
		case errors.Is(err, engine.ErrOutOfRange) && !strings.HasPrefix(bad, "-"): // 1--3 is no seed, not one too small
			return nil, fmt.Errorf("%q: a seed is at most %s", part, numtext.FormatUint(math.MaxUint64))
		case errors.Is(err, engine.ErrInexact):
			return nil, fmt.Errorf("%q: a seed past 2⁵³ in the exponent form is not exact; write its digits", part)
		case engine.PlusSign(bad) != nil && bad == part: // as every count flag's: engine.PlusSignAnd
			_, bare := ParseSeeds(part[1:])
			return nil, engine.PlusSignAnd(bad, bare)
		case engine.PlusSign(bad) != nil:
			return nil, plusInRange(part, lo, hi)
		case err == nil && (zeroLedSeed(lo) || isRange && zeroLedSeed(hi)):
			return nil, leadingZeros(part, lo, hi, isRange)
		case err != nil && goForm(bad) != nil:
			return nil, goForm(bad)
		case err != nil:
			if meant := seedsMeant(spec); meant != spec {
				if _, merr := ParseSeeds(meant); merr == nil {
					return nil, fmt.Errorf("%q is not a seed or a range A-B of seeds; give --seeds %s", part, meant)
				}
			}
			return nil, fmt.Errorf("%q is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)", part)
		case max(a, b)-min(a, b) >= maxSeeds:
			// Before a range's direction: the other way round is as many
			// seeds, too many all the same.
			return nil, tooMany
		case a > b && problem == "":
			problem = fmt.Sprintf("range %q runs backwards", part)
		}
		a, b = min(a, b), max(a, b)
		for s := a; ; s++ {
			switch {
			case seen[s]:
				if problem == "" {
					problem = fmt.Sprintf("seed %d appears twice", s)
				}
			case len(seeds) == maxSeeds:
				return nil, tooMany
			default:
				seen[s] = true
				seeds = append(seeds, s)
			}
			if s == b {
				break
			}
		}
	}
	if problem != "" {
		return nil, fmt.Errorf("%s; give --seeds %s", problem, CompactSeeds(seeds))
	}
	return seeds, nil
}

// goForm is the error for seed, a seed of --seeds written as Go writes a
// number (hexadecimal, with underscores) or in full-width digits
// (engine.GoNumberForm), telling the seed to write, as a count flag tells
// its number: `"0x10" is hexadecimal; write it in decimal: 16`, and what
// is wrong with that seed too, where anything is; nil for any other seed.
// Underscores after a leading 0, which Go reads as octal (0_10 is 8), are
// left to the words for no seed, as --seed leaves them.
func goForm(seed string) error {
	plain, how := engine.GoNumberForm(seed)
	if plain == "" || strings.HasPrefix(seed, "0") && strings.Contains(seed, "_") {
		return nil
	}
	if _, err := ParseSeeds(plain); err != nil {
		written, _, _ := strings.Cut(how, ";")
		return fmt.Errorf("%q %s, and %w", seed, written, err)
	}
	return fmt.Errorf("%q %s: %s", seed, how, plain)
}

// zeroLedSeed says whether seed begins with a 0 before another digit, as
// engine.LeadingZeros reads one: "01", "007", "00".
func zeroLedSeed(seed string) bool {
	plain, _ := engine.LeadingZeros(seed)
	return plain != ""
}

// leadingZeros is the error for part, a seed or a range lo-hi of
// --seeds, one of whose seeds begins with a 0 before another digit, which
// --seed and --set refuse: the part is told written without its 0s, as
// they tell a number, `"01-03" has leading 0s; write it without them:
// 1-3`, where 01-03 was taken as 1-3.
func leadingZeros(part, lo, hi string, isRange bool) error {
	without := func(s string) string {
		if plain, _ := engine.LeadingZeros(s); plain != "" {
			return plain
		}
		return s
	}
	plain := without(lo)
	if isRange {
		plain += "-" + without(hi)
	}
	if len(part)-len(plain) > 1 {
		return fmt.Errorf("%q has leading 0s; write it without them: %s", part, plain)
	}
	return fmt.Errorf("%q has a leading 0; write it without it: %s", part, plain)
}

// seedsMeant is spec, a --seeds list, written as other tools write a list
// and a range put in the words ParseSeeds reads: seeds separated by
// spaces or semicolons separated by commas, "1 2" and "1;2" as 1,2; a range
// written 1..3, 1:3 or with a dash other than '-' (1–3, as a word
// processor writes it) as 1-3; spaces around a seed or a range's '-'
// dropped. A list refused that reads so is told the list to give, `"1..3"
// is not a seed or a range A-B of seeds; give --seeds 1-3`, rather than
// only the form of one, "(e.g. 1-5 or 1,4,7-9)". It is spec itself where
// there is nothing to put otherwise.
func seedsMeant(spec string) string {
	s := seedMarks.Replace(spec)
	s = spacedDash.ReplaceAllString(s, "-")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }), ",")
}

// seedMarks are the marks other tools separate seeds or bound a range
// with, each with ParseSeeds' own.
var seedMarks = strings.NewReplacer("..", "-", ":", "-", "\u2013", "-", "\u2014", "-", "\u2212", "-", "\u2010", "-", "\u2011", "-", ";", ",")

// spacedDash is a range's '-' with spaces around it, "1 - 3".
var spacedDash = regexp.MustCompile(`\s*-\s*`)

// plusInRange is the error for part, a range lo-hi of --seeds with a '+'
// before one of its seeds or both: the + is told with what else is wrong
// with the range read without it, in one message, as a count flag's is
// (engine.PlusSignAnd), `"+1-2.5": "+1" has a + before it, and "1-2.5" is
// not a seed or a range A-B of seeds`, and with the range to write when
// nothing is, "1-3" for +1-3 and for +3-1, which runs backwards, rather
// than the first + alone, "write it without one: 1", and what else is
// wrong on the next try.
func plusInRange(part, lo, hi string) error {
	var plussed []string
	bare := func(s string) string {
		if engine.PlusSign(s) == nil {
			return s
		}
		plussed = append(plussed, strconv.Quote(s))
		return s[1:]
	}
	lo, hi = bare(lo), bare(hi)
	told := fmt.Sprintf("%q: %s has a + before it", part, plussed[0])
	if len(plussed) == 2 {
		told = fmt.Sprintf("%q: %s and %s have a + before them", part, plussed[0], plussed[1])
	}
	_, err := ParseSeeds(lo + "-" + hi)
	a, aerr := engine.ParseWhole(lo)
	b, berr := engine.ParseWhole(hi)
	switch {
	case err == nil:
		return fmt.Errorf("%s; write the range without the +: %s-%s", told, lo, hi)
	case aerr == nil && berr == nil && a > b && a-b < maxSeeds: // ParseSeeds's "give --seeds" would drop the other seeds
		return fmt.Errorf("%s, and the range runs backwards; write %d-%d", told, b, a)
	}
	return fmt.Errorf("%s, and %w", told, err)
}

// SeedsDivergedError reports that some runs of a RunSeeds batch diverged.
type SeedsDivergedError struct{ Diverged, Runs int }

func (e *SeedsDivergedError) Error() string {
	return fmt.Sprintf("%s of %s diverged", numtext.FormatInt(e.Diverged), numtext.Count(e.Runs, "seed"))
}

// Tally is how far a batch of runs (RunSeeds, RunSweep) has got: of its
// Total runs, Done have finished, Diverged of them diverged, counted as
// they finish, before the lines of those that wait on a slower run before
// them are printed. ganui shows it on a terminal while the batch trains.
type Tally struct{ Done, Diverged, Total int }

// ErrInterrupted reports runs stopped early because their context was
// cancelled (ganui: SIGINT, SIGTERM or SIGHUP).
var ErrInterrupted = errors.New("interrupted")

// RunSeeds trains opts once per seed, up to jobs runs at once, each a
// Session of its own driven by Run with no progress reports. It prints
// each run's final line in seed order as soon as it and the runs before it
// are done, its fields padded into columns down the lines, then a summary
// (writeSummary): every metric's median, minimum and maximum over the
// runs that did not diverge, of its finite values only, and how many of
// those runs left it NaN or infinite, if any (nan=2/5). Each run depends
// only on its design and seed, so the lines are the same whatever jobs
// is (but for the timings). The timings are by opts.Clock, the batch's
// and its runs' (a new one if nil), so that a front end can take the
// process's stops out of them.
//
// When ctx is cancelled, the runs in flight stop after their current
// epoch and report state=interrupted, no further seed starts, and the
// summary covers the runs that finished; the error is then ErrInterrupted,
// if that left any run unfinished (unfinished=; a cancel as the last
// line is printed, every run done, is none).
// Otherwise it is a *RunsFailed when some runs could not be built (the
// summary printed first all the same, of the runs that finished, counting
// those as failed=N), a *SeedsDivergedError when some runs diverged.
//
// tally, when not nil, is told how far the batch has got (Tally) before
// the first run ends and as each run finishes, in whatever order the
// runs finish (runBatch).
func RunSeeds(ctx context.Context, opts Options, seeds []uint64, jobs int, w io.Writer, tally func(Tally)) (BatchResult, error) {
	opts = withBase(withClock(opts)) // the runs' copies of opts share it
	start := opts.Clock.Now()
	res := BatchResult{Target: targetSpec(opts.Config.Target), Epochs: opts.Config.Epochs, Seeds: seeds, Measure: sweepMeasures(opts.Config)[0]}
	res.Preset, res.Changes = designOf(opts, opts.Config)
	if opts.Epochs > 0 {
		res.Epochs = opts.Epochs
	}
	if res.Samples = opts.Samples; res.Samples <= 0 {
		p, _ := opts.Config.Plane() // valid: the runs are built from it
		res.Samples = defaultSamples(p != nil)
	}
	out := bufio.NewWriter(w)
	defer out.Flush()
	n := len(seeds)
	runs := make([]Options, n)
	for i, seed := range seeds {
		runs[i] = opts
		runs[i].Seed = seed
	}
	// The lines padded into columns (Result.columnLine): to the widest
	// seed, and to the plan's epochs, which no run's exceeds.
	seedDigits, epochDigits := 0, len(strconv.Itoa(opts.Config.Epochs))
	if opts.Epochs > 0 {
		epochDigits = len(strconv.Itoa(opts.Epochs))
	}
	for _, seed := range seeds {
		seedDigits = max(seedDigits, len(strconv.FormatUint(seed, 10)))
	}
	var finished []Result
	errs := runBatch(ctx, runs, jobs, func(_ int, r Result) {
		fmt.Fprintln(out, r.columnLine(seedDigits, epochDigits))
		if out.Flush() != nil && r.State != Interrupted {
			res.Lost = append(res.Lost, r.Seed)
		}
		res.Runs = append(res.Runs, r)
		if r.State != Interrupted {
			finished = append(finished, r)
		}
	}, tally)
	// Runs that could not be built (the points file gone since the batch
	// was read) are the batch's failure, said a line an error by the
	// caller; the summary of those that ran is printed first all the same,
	// counting them, failed=N, as a sweep's is (RunSweep), where it was
	// left out and a script reading the batch's last line found a run's.
	failures := runFailures("", seeds, errs)
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
		}
	}
	writeSummaryFailed(out, opts, seeds, jobs, finished, failed, opts.Clock.Since(start))
	if len(failures) > 0 {
		return res, &RunsFailed{failures}
	}
	if len(finished) < n { // ctx's cancel stopped some: one after the last run's end stopped none
		return res, ErrInterrupted
	}
	diverged := 0
	for _, r := range finished {
		if r.State == Diverged {
			diverged++
		}
	}
	if diverged > 0 {
		return res, &SeedsDivergedError{diverged, n}
	}
	return res, nil
}

// BatchResult is a --seeds batch's runs, with what its figure names
// them by: the design, its target and plan, the seeds asked for and the
// evaluations' sample size, as a SweepResult has them.
type BatchResult struct {
	Preset  string
	Changes []Change
	Target  string // as a run names it (TargetInfo.Spec)
	Epochs  int    // each run's plan
	Seeds   []uint64
	Samples int // each run's final evaluation's sample size
	// Measure names the quality measure a figure draws of each run: "ks",
	// or on a two-dimensional target "sw1".
	Measure string
	// Runs are those trained, in the order of Seeds, each as its final
	// line says it: done, diverged, or interrupted by a stop, which leaves
	// out those it kept from starting.
	Runs []Result
	// Lost is the seeds, in their order, that finished (done or
	// diverged) but whose final line w failed to take (a full disk): on
	// no line, as those a stop kept from starting are, so that the
	// command a stopped batch ends with trains them too.
	Lost []uint64
}

// RunsFailed is the error of a --seeds batch or a sweep some of whose
// runs could not be built (a sweep cell's points file gone since the
// sweep was read): a failure a line (Error), each naming the seeds it
// failed for, and a sweep's the cell, as the cell's row does
// (runFailures), so that each reads alone, not joined on one line, no
// seed or cell named.
type RunsFailed struct{ Failures []error }

func (e *RunsFailed) Error() string   { return errors.Join(e.Failures...).Error() }
func (e *RunsFailed) Unwrap() []error { return e.Failures }

// runFailures is a failure for each error of errs, the errors of the
// runs of seeds (nil for a run that did not fail), in the order of the
// seeds that first failed with it: the seeds that failed with it named
// together, CompactSeeds, after name, as "seeds=1-3,5: " and the error.
func runFailures(name string, seeds []uint64, errs []error) []error {
	var said []string               // the errors, in the order of their first seeds
	failed := map[string][]uint64{} // the seeds each failed for
	first := map[string]error{}
	for j, err := range errs {
		if err == nil {
			continue
		}
		msg := err.Error()
		if _, ok := first[msg]; !ok {
			said, first[msg] = append(said, msg), err
		}
		failed[msg] = append(failed[msg], seeds[j])
	}
	failures := make([]error, len(said))
	for i, msg := range said {
		failures[i] = fmt.Errorf("%sseeds=%s: %w", name, CompactSeeds(failed[msg]), first[msg])
	}
	return failures
}

// runBatch trains every run of runs, up to jobs at once, each a Session
// of its own driven by Run with no progress reports, no files and no
// hooks but Pace (Every, LogPath, SavePath, PlotPath, OnEvent and
// OnTrained are cleared), the first telling its Options.Pace of its
// first epochs' pace, and each of its final evaluation. It calls report
// with each run's index and Result in the order of runs, as soon as the
// run and those before it are done, on the caller's goroutine: RunSeeds
// and RunSweep both train this way.
//
// tally, when not nil, is told on the same goroutine how far the batch
// has got: before the first run ends, and after each run that finished
// (done or diverged), as it finishes, whatever the order: a slow first
// run holds back the reports of those after it, not their count (else
// the tally would stay at 0 while later runs finished). The reports a
// finish makes ready come before its tally.
//
// When ctx is cancelled, the runs in flight stop after their current
// epoch and are reported with state=interrupted, and no further run
// starts (nor is reported). It returns each run's error, in the order of
// runs: that of a run that could not be built, nil for the others.
func runBatch(ctx context.Context, runs []Options, jobs int, report func(i int, r Result), tally func(Tally)) []error {
	n := len(runs)
	results := make([]Result, n)
	started := make([]bool, n)
	errs := make([]error, n)
	// Each run's index once, as it ends or is kept from starting; the
	// send orders its results, started and errs before the receive.
	ended := make(chan int, n)
	next := make(chan int)
	// Runs trained side by side take a core each: a large product's
	// helper goroutine (engine.SetProductWorkers), if it is on, stays on
	// only while a core is left over for it, so the two kinds of
	// parallelism do not oversubscribe the machine.
	if par := min(jobs, n); par > 1 {
		prev := engine.SetProductWorkers(0)
		engine.SetProductWorkers(min(prev, runtime.GOMAXPROCS(0)/par-1))
		defer engine.SetProductWorkers(prev)
	}
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Go(func() {
			for i := range next {
				o := runs[i]
				o.Every, o.LogPath, o.SavePath, o.PlotPath = 0, "", "", ""
				// A batch's hooks are Pace's alone, told of by one run.
				o.OnEvent, o.OnTrained, o.OnWritten = nil, nil, nil
				if pace := o.Pace; i > 0 && pace != nil { // the first run's first epochs alone
					o.Pace = func(p Pace) {
						if p.Evaluating {
							pace(p)
						}
					}
				}
				var s *Session
				if s, errs[i] = New(o); errs[i] == nil && ctx.Err() == nil {
					started[i] = true
					results[i], errs[i] = s.Run(ctx, nil)
				}
				ended <- i
			}
		})
	}
	go func() {
		defer close(next)
		for i := range n {
			select {
			case next <- i:
			case <-ctx.Done():
				for j := i; j < n; j++ {
					ended <- j
				}
				return
			}
		}
	}()
	told := Tally{Total: n}
	if tally != nil {
		tally(told)
	}
	trained := func(i int) bool { return errs[i] == nil && started[i] }
	ready := make([]bool, n)
	first := 0 // the first run not yet reported
	for range n {
		i := <-ended
		ready[i] = true
		for ; first < n && ready[first]; first++ {
			if trained(first) {
				report(first, results[first])
			}
		}
		if st := results[i].State; trained(i) && st != Interrupted && tally != nil {
			told.Done++
			if st == Diverged {
				told.Diverged++
			}
			tally(told)
		}
	}
	wg.Wait()
	return errs
}

// writeSummary prints the summary block of a seeds batch of
// opts.Config, from its preset (Options.Preset and Base): a header line
// naming the design as a final line does, its target, and how many runs
// finished, diverged and (after a stop) did not finish; then one line
// per metric, under the final line's key and in the final line's order
// (moments, distances, the rest), with its median, minimum and maximum
// over the runs that finished without diverging (a diverged run has no
// meaningful metrics) whose metric is finite, or over all of those runs
// when none is (finiteMedianRange), the target's own value where it has
// one (KS: its noise floor, floor=), and how many of those runs left the metric NaN or infinite, if
// any (nan=2/5: 2 of the 5 that did not diverge).
func writeSummary(w io.Writer, opts Options, seeds []uint64, jobs int, results []Result, elapsed time.Duration) {
	writeSummaryFailed(w, opts, seeds, jobs, results, 0, elapsed)
}

// writeSummaryFailed is writeSummary of a batch some of whose runs
// could not be built: its header counts them after diverged=, failed=2
// (failedField, as a sweep's summary does), and unfinished= the rest of
// the seeds that did not finish.
func writeSummaryFailed(w io.Writer, opts Options, seeds []uint64, jobs int, results []Result, failed int, elapsed time.Duration) {
	cfg := opts.Config
	var ok []Result
	for _, r := range results {
		if r.State == Done {
			ok = append(ok, r)
		}
	}
	name, changes := designOf(opts, cfg)
	fmt.Fprintf(w, "summary preset=%s target=%s%s seeds=%s runs=%d diverged=%d%s%s jobs=%d wall_s=%s\n",
		DesignText(name, changes, "target"), LineValue(targetSpec(cfg.Target)), samplesField(opts.Samples, cfg), CompactSeeds(seeds), len(results), len(results)-len(ok),
		failedField(failed), unfinished(len(seeds)-len(results)-failed), min(jobs, len(seeds)), numtext.Seconds(elapsed.Seconds()))
	if len(ok) == 0 {
		return
	}
	type metric = summaryMetric
	var metrics []metric
	if ok[0].Metrics.Plane != nil {
		pm := func(f func(*engine.PlaneMetrics) float64) func(Result) float64 {
			return func(r Result) float64 { return f(r.Metrics.Plane) }
		}
		// The target's own moments, exact (engine.PlaneMoments), in the
		// final line's order, each axis's mean and then its std, as the
		// progress lines and the CSV give them, not both means and then
		// both stds.
		var target [4]string
		if p, err := cfg.Plane(); err == nil && p != nil {
			mx, my, sx, sy := engine.PlaneMoments(p)
			for i, v := range [4]float64{mx, sx, my, sy} {
				target[i] = "target=" + numtext.Measure(v)
			}
		}
		metrics = []metric{
			{"mean_x", pm(func(m *engine.PlaneMetrics) float64 { return m.MeanX }), measureDecimals, target[0], nil},
			{"std_x", pm(func(m *engine.PlaneMetrics) float64 { return m.StdX }), measureDecimals, target[1], nil},
			{"mean_y", pm(func(m *engine.PlaneMetrics) float64 { return m.MeanY }), measureDecimals, target[2], nil},
			{"std_y", pm(func(m *engine.PlaneMetrics) float64 { return m.StdY }), measureDecimals, target[3], nil},
			{"sw1", pm(func(m *engine.PlaneMetrics) float64 { return m.SW1 }), measureDecimals, "", nil},
			{"sw1_floor", pm(func(m *engine.PlaneMetrics) float64 { return m.SW1Floor }), measureDecimals, "", nil},
		}
		if k := len(ok[0].Metrics.Plane.Spots); k >= 2 {
			metrics = append(metrics,
				metric{"modes", pm(func(m *engine.PlaneMetrics) float64 { return float64(m.Captured) }), -1, fmt.Sprintf("of=%d", k), nil},
				metric{"hq", pm(func(m *engine.PlaneMetrics) float64 { return m.HighQuality }), measureDecimals, "", nil})
		}
	} else {
		metrics = oneDimSummary(cfg, ok)
	}
	measures := len(metrics)
	metrics = append(metrics,
		metric{name: "epochs_per_s", of: func(r Result) float64 { return r.EpochsPerS }, decimals: rateDecimals, counts: func(r Result) bool { return !r.Untimed }}, // of the runs it timed: nan=1/5 counts the others
		// train_s, as the final lines give it between the rate and wall_s:
		// the time to compare runs by, which wall_s's evaluations and
		// output blur.
		metric{"train_s", func(r Result) float64 { return r.TrainS }, secondsDecimals, "", nil},
		metric{"wall_s", func(r Result) float64 { return r.WallS }, secondsDecimals, "", nil},
	)
	// The fields padded to the widest of each column, so that the medians,
	// minima, maxima, targets and counts stand in columns (a negative
	// minimum would push its line's maximum a column right of the
	// others'). The measures' columns are as wide as the measures need:
	// the timings, which differ from run to run, widen their own lines
	// alone, so that the measures' lines of a batch read the same byte for
	// byte whatever its pace (a rate past 10,000 epochs/s would move them).
	//
	// A measure's median and range are of its finite values, and its line
	// ends saying how many runs left it NaN or infinite, nan=2/5 of those
	// that finished, as a sweep's row does (finiteMedianRange): one NaN W1
	// would make the median wrong or NaN, or sort first as the minimum,
	// min=NaN.
	cols := make([][5]string, len(metrics))
	var measureWidths, widths [5]int
	for j, m := range metrics {
		var vs []float64
		left := 0 // runs the metric does not count
		for _, r := range ok {
			if m.counts != nil && !m.counts(r) {
				left++
				continue
			}
			vs = append(vs, m.of(r))
		}
		var mrange [3]float64 // counting none: 0, as their lines read
		notFinite := left
		if len(vs) > 0 {
			mrange, notFinite = finiteMedianRange(vs)
			notFinite += left
		}
		for k, v := range mrange {
			cols[j][k] = [3]string{"median=", "min=", "max="}[k] + m.text(v)
		}
		cols[j][3] = m.target
		if notFinite > 0 {
			cols[j][4] = fmt.Sprintf("nan=%d/%d", notFinite, len(ok))
		}
		for k, c := range cols[j] {
			widths[k] = max(widths[k], len(c))
		}
		if j < measures {
			measureWidths = widths
		}
	}
	for j, m := range metrics {
		widths := widths
		if j < measures {
			widths = measureWidths
		}
		line := fmt.Sprintf("summary %-12s", m.name)
		for k, c := range cols[j] {
			if widths[k] > 0 { // a column no line has, as target= on a target without one
				line += fmt.Sprintf(" %-*s", widths[k], c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}

// samplesField is the field of a summary (a batch's or a sweep's) that
// names its runs' evaluation sample size samples (Options.Samples),
// " samples=N" before the seeds as their final lines have it before the
// seed, where it is not the default for a run of cfg (namedSamples); ""
// where it is.
func samplesField(samples int, cfg engine.Config) string {
	p, _ := cfg.Plane() // valid: the runs were built from it
	if n := namedSamples(samples, p != nil); n > 0 {
		return " samples=" + strconv.Itoa(n)
	}
	return ""
}

// unfinished is the field of a summary (a batch's or a sweep's) that
// counts the runs a stop interrupted or kept from starting, "" for none:
// runs= counts those that finished, and seeds= or cells= alone left the
// reader to work out how many did not.
func unfinished(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" unfinished=%d", n)
}

// summaryMetric is one line of a batch's summary: a measure of each run,
// the decimals of its figures (secondsDecimals for a time,
// numtext.Seconds's; rateDecimals for a rate, numtext.Rate's; −1 for a count, whose median may be
// half-way: 1.5; measureDecimals for a
// measure, a moment, a distance, a share or the noise use, written as
// numtext.Measure writes it on the screen and every line) and, where the
// target has one, its value's field (target=4.000, or of=8 of a count of
// modes).
type summaryMetric struct {
	name     string
	of       func(Result) float64
	decimals int
	target   string
	// counts tells the runs whose measure the figures are of, nil for
	// all; the others are counted with those whose measure is NaN or
	// infinite (nan=1/5): the rate of a run its clock did not time.
	counts func(Result) bool
}

// measureDecimals is a summaryMetric's decimals for a measure of the
// samples, whose figures numtext.Measure writes, in its three decimals;
// rateDecimals for a rate, which numtext.Rate writes as the final lines
// do, in three significant digits under 10 (0.213); secondsDecimals for
// a time, which numtext.Seconds writes as the final lines do, in three
// decimals (1.207), where Measure wrote 1207.3 s whole and 0.000352 s
// as 0.0004.
const (
	measureDecimals = 3
	rateDecimals    = -2
	secondsDecimals = -3
)

// text writes a figure of the metric: a measure's, a rate's or a time's
// as the final lines write it, a count's (−1) in its own digits, 1.5 for
// a median half-way. Every metric is one of these four since the times
// took numtext.Seconds (56e1f822), the last to be written in fixed
// decimals.
func (m summaryMetric) text(v float64) string {
	switch m.decimals {
	case measureDecimals:
		return numtext.Measure(v)
	case rateDecimals:
		return numtext.Rate(v)
	case secondsDecimals:
		return numtext.Seconds(v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64) // a count's, −1
}

// oneDimSummary is the summary's measures of runs on a one-dimensional
// target, in the final line's order, the moments beside the target's own
// and KS and W1 beside their noise floors at the runs' sample size
// (floor=, in the column of target=).
func oneDimSummary(cfg engine.Config, ok []Result) []summaryMetric {
	t, _ := engine.ParseTarget(cfg.Target) // valid: checked by New
	type metric = summaryMetric
	metrics := []metric{
		{"mean", func(r Result) float64 { return r.Metrics.Mean }, measureDecimals, "target=" + numtext.Measure(t.Mean()), nil},
		{"std", func(r Result) float64 { return r.Metrics.Std }, measureDecimals, "target=" + numtext.Measure(t.StdDev()), nil},
		{"skew", func(r Result) float64 { return r.Metrics.Skew }, measureDecimals, "target=" + numtext.Measure(t.Skewness()), nil},
		{"kurt", func(r Result) float64 { return r.Metrics.Kurt }, measureDecimals, "target=" + numtext.Measure(t.ExKurtosis()), nil},
		// KS's noise floor at the runs' sample size (engine.KSNoiseFloor):
		// whether a median of 0.015 is above sampling noise, or no better
		// generator could show, is the summary's to say, as a plane's
		// sw1_floor line says it of sliced W1.
		{"ks", func(r Result) float64 { return r.Metrics.KS }, measureDecimals, "floor=" + numtext.Measure(engine.KSNoiseFloor(ok[0].Metrics.N)), nil},
		// W1's noise floor at the runs' sample size on this target
		// (engine.W1NoiseFloor): what a perfect generator reads on
		// average, as a plane's sw1_floor is, not a bound as KS's is.
		{"w1", func(r Result) float64 { return r.Metrics.W1 }, measureDecimals, "floor=" + numtext.Measure(engine.W1NoiseFloor(t, ok[0].Metrics.N)), nil},
	}
	if ok[0].Metrics.RowWidth > 1 { // one sample a draw scores 1 by construction
		metrics = append(metrics, metric{"zdep", func(r Result) float64 { return r.Metrics.ZDep }, measureDecimals, "", nil})
	}
	if k := len(ok[0].Metrics.Modes); k >= 2 {
		metrics = append(metrics, metric{"modes", func(r Result) float64 { return float64(r.Metrics.ModesCovered) }, -1, fmt.Sprintf("of=%d", k), nil}) // a median may be half-way: 1.5
	}
	return metrics
}

// Median is the median of vs (not empty), as the batch summary and a
// sweep's rows take it (medianRange): a figure's median of the same runs
// is then the summary's.
func Median(vs []float64) float64 {
	med, _, _ := medianRange(vs)
	return med
}

// medianRange returns the median, minimum and maximum of vs (not empty),
// NaN sorting first.
func medianRange(vs []float64) (med, lo, hi float64) {
	s := slices.Clone(vs)
	slices.SortFunc(s, func(a, b float64) int {
		switch {
		case a < b || math.IsNaN(a) && !math.IsNaN(b):
			return -1
		case a > b || math.IsNaN(b) && !math.IsNaN(a):
			return 1
		}
		return 0
	})
	n := len(s)
	med = s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[n-1]
}

// finiteMedianRange is medianRange of the finite values of vs (not
// empty), or of them all when none is, and how many are not finite.
func finiteMedianRange(vs []float64) (mrange [3]float64, notFinite int) {
	finite := make([]float64, 0, len(vs))
	for _, v := range vs {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			finite = append(finite, v)
		}
	}
	notFinite = len(vs) - len(finite)
	if len(finite) == 0 {
		finite = vs
	}
	mrange[0], mrange[1], mrange[2] = medianRange(finite)
	return mrange, notFinite
}

// CompactSeeds writes seeds back as ranges, as ParseSeeds reads them:
// 1,2,3,7 → 1-3,7. A range ends at the largest seed, after which the
// sum wraps to 0, so that 18446744073709551615,0,1 is not written
// 18446744073709551615-1, a range ParseSeeds refuses as backwards.
func CompactSeeds(seeds []uint64) string {
	var parts []string
	for i := 0; i < len(seeds); {
		j := i
		for j+1 < len(seeds) && seeds[j] < math.MaxUint64 && seeds[j+1] == seeds[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", seeds[i], seeds[j]))
		} else {
			parts = append(parts, strconv.FormatUint(seeds[i], 10))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
