package main

// The notes a headless run, batch or sweep gives where its next line is
// a minute or more away: a wide design trains an epoch in seconds and
// evaluates a large --samples in minutes, and printed nothing meanwhile.

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"
)

// slowLineAfter is how long a headless run may go before its next line
// with no word: a wide design's epoch takes seconds, so that the default
// --every 500 prints its first line an hour on, in which the run seemed
// hung. A test's is shorter.
var slowLineAfter = time.Minute

// firstLineNote is what a headless run says once it knows the pace of
// its first epochs (session.Pace): the timed epochs up to epoch took
// took each, where the next line it prints, a progress line every epochs
// or the final line at the plan's end, plan, comes slowLineAfter or more
// later at that pace: when it comes, how long the plan takes, and the
// --every that prints a line about every minute, "epoch 1 took 5.2 s to
// train, so the first progress line, at epoch 500, comes in about 43
// minutes, and the plan's end, epoch 10,000, in about 14 hours; --every
// 11 prints one about every minute", or where the epochs after the first
// were timed, "epochs 2-201 took 5 ms each to train, so …" (timedWords).
// "" where the line comes sooner. The first epochs' pace is what the run
// knows; the evaluations add to it. Each is an epoch to come's time at
// that pace (session.Pace.Each), the waits' measure: took's, but for a D
// with a warm-up, whose epochs' 100 steps (wgan's) foretold the 5 of the
// epochs after them at twenty times their time; the note then says so
// (timedWords).
func firstLineNote(epoch, timed int, took, each time.Duration, every, plan int) string {
	next, what := plan, "the final line"
	if every > 0 && epoch%every == 0 {
		return "" // its line is printed now
	}
	if every > 0 && (epoch/every+1)*every < plan {
		next, what = (epoch/every+1)*every, "the first progress line"
	}
	line := lineAhead{what, next, float64(next-epoch) * float64(each)}
	end := lineAhead{}
	if next < plan {
		end = lineAhead{"the plan's end", plan, float64(plan-epoch) * float64(each)}
	}
	note := lineNote("", epoch, timed, took, each, line, end)
	if note == "" {
		return ""
	}
	if k := int(time.Minute / each); k >= 1 && k < next-epoch {
		note += fmt.Sprintf("; --every %s prints one about every minute", numtext.FormatInt(k))
	}
	return note
}

// batchLineNote is firstLineNote's of a --seeds batch or a --sweep, of,
// "batch" or "sweep", whose first run's timed epochs up to epoch took
// took each: its runs plan so many epochs each, in their order, trained jobs
// at once, each as soon as one ends (session's runBatch), and its first
// line waits on the first first of them (a batch's first final line on
// its first seed, a sweep's first row on its first cell's seeds). At
// that pace, where that line is slowLineAfter or more away: "the first
// run's epoch 1 took 7.3 s to train, so its final line, at epoch 10,000,
// comes in about 20 hours, and the batch's end, 8 runs 2 at a time, in
// about 81 hours". A sweep's cells train at paces of their own, which
// its end is told in the first's of: "…, and the sweep's end, 24 runs 2
// at a time, in about 9 days if every cell trains at this pace". A
// batch prints no progress lines, so no --every is offered. Each is
// firstLineNote's, the waits' measure.
func batchLineNote(of string, epoch, timed int, took, each time.Duration, plans []int, jobs, first int) string {
	ends := batchEnds(plans, jobs, each)
	done := float64(epoch) * float64(each) // the first runs' epochs trained by now
	line := lineAhead{"its final line", plans[0], ends[0] - done}
	switch {
	case of == "sweep" && first > 1:
		line = lineAhead{"the first cell's row, after its " + numtext.Count(first, "run"), 0, slices.Max(ends[:first]) - done}
	case of == "sweep":
		line.what = "the first cell's row"
	}
	end := lineAhead{}
	if len(plans) > first {
		end = lineAhead{fmt.Sprintf("the %s's end, %s %d at a time", of, numtext.Count(len(plans), "run"), min(jobs, len(plans))), 0, slices.Max(ends) - done}
	}
	note := lineNote("the first run's ", epoch, timed, took, each, line, end)
	if note != "" && end.what != "" && of == "sweep" {
		note += " if every cell trains at this pace"
	}
	return note
}

// runPace is a headless run's session.Options.Pace: it writes to w,
// stderr, firstLineNote's note of its first epoch where there is one,
// and evalNote's of the first evaluation that has one; where --every
// divides the plan, the final line takes the last progress line's
// measures, evaluated once (evalNote's lastShown).
func runPace(w io.Writer) func(session.Pace) {
	told := false // evalNote's note said; Run tells its pace on one goroutine
	return func(p session.Pace) {
		switch {
		case !p.Evaluating:
			if note := firstLineNote(p.Epoch, p.Epochs, p.Took, p.Each, p.Every, p.Plan); note != "" {
				fmt.Fprintln(w, "ganui: note: "+note)
			}
		case !told:
			lastShown := p.Every > 0 && p.Plan%p.Every == 0
			if note := evalNote(p.N, p.Final, p.About, lastShown); note != "" {
				told = true
				fmt.Fprintln(w, "ganui: note: "+note)
			}
		}
	}
}

// batchPace is a batch's session.Options.Pace: it writes to w, stderr
// beside the batch's status line (statusLine.Writer), which stays,
// batchLineNote's note of the first run's first epoch, where there is
// one, and batchEvalNote's, the first time there is one, whichever
// run's final evaluation it is of. Its runs call it side by side, so it
// writes one note at a time: w need not be safe for that (stderr in a
// test is a buffer, and a statusWriter does not hold its lock through
// the write).
func batchPace(w io.Writer, of string, plans []int, jobs, first int) func(session.Pace) {
	var mu sync.Mutex
	told := false // batchEvalNote's note said
	return func(p session.Pace) {
		var note string
		switch {
		case !p.Evaluating:
			note = batchLineNote(of, p.Epoch, p.Epochs, p.Took, p.Each, plans, jobs, first)
		case p.Final:
			note = batchEvalNote(of, p.N, p.About)
		}
		if note == "" {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if p.Evaluating && told {
			return
		}
		told = told || p.Evaluating
		fmt.Fprintln(w, "ganui: note: "+note)
	}
}

// batchEvalNote is evalNote's of a --seeds batch's or a --sweep's (of)
// runs, whose final evaluations of n samples each, the one at hand
// taking about at the pace of its latest check, a wide design's large
// --samples evaluated at every run's end with no word: "evaluating
// 200,000 samples for each run's final line: about a minute each"; a
// sweep's cells evaluate at paces of their own, "…: about a minute for
// the run now ending, each cell's at its own pace". "" for a quicker
// one, or one with no check before it (about 0).
func batchEvalNote(of string, n int, about time.Duration) string {
	if about < slowLineAfter {
		return ""
	}
	each := " each"
	if of == "sweep" {
		each = " for the run now ending, each cell's at its own pace"
	}
	return fmt.Sprintf("evaluating %s for each run's final line: %s%s", numtext.Count(n, "sample"), roughly(float64(about)), each)
}

// planOf is the epochs a batch's run of cfg plans: --epochs where given,
// else the design's, as session.New plans it.
func planOf(opts session.Options, cfg engine.Config) int {
	if opts.Epochs > 0 {
		return opts.Epochs
	}
	return cfg.Epochs
}

// batchEnds is when each run of a batch ends, in nanoseconds from its
// start, in its order, where run i trains plans[i] epochs at took an
// epoch, jobs at once, each run started as the earliest of the jobs
// before it ends, as runBatch starts them. Nanoseconds in a float64, as
// lineAhead's wait: a time.Duration holds 292 years, which 1,000,000,000
// epochs pass at 9.3 s each, and a float64 holds whole nanoseconds
// exactly up to 104 days, so that a wait is told from slowLineAfter
// exactly.
func batchEnds(plans []int, jobs int, took time.Duration) []float64 {
	free := make([]float64, max(1, jobs))
	ends := make([]float64, len(plans))
	for i, p := range plans {
		j := slices.Index(free, slices.Min(free))
		free[j] += float64(p) * float64(took)
		ends[i] = free[j]
	}
	return ends
}

// evalNote is what a headless run says, once, before an evaluation of
// its n samples, a progress line's or the final line's (final), that
// takes about, at the latest check's pace (session.Pace),
// slowLineAfter or more: a wide design's --samples 1000000 takes
// minutes, in which the run said nothing, its first epoch's note
// counting training alone. "evaluating 1,000,000 samples for the final
// line: about 4 minutes"; a progress line's adds what the lines after it
// take: as long for each, the final line's too, or, where the plan's
// last epoch has a progress line (lastShown: --every divides the plan),
// as long for each progress line, the final line giving the last one's
// measures, evaluated once (session's Run), where "as long for each line
// after it" told of an evaluation the final line no longer makes. ""
// for a quicker one, or one with no check before it to measure its pace
// by (about 0).
func evalNote(n int, final bool, about time.Duration, lastShown bool) string {
	if about < slowLineAfter {
		return ""
	}
	if final {
		return fmt.Sprintf("evaluating %s for the final line: %s", numtext.Count(n, "sample"), roughly(float64(about)))
	}
	after := "each line after it"
	if lastShown {
		after = "each progress line after it, the final line giving the last one's measures"
	}
	return fmt.Sprintf("evaluating %s for the progress line: %s, and as long for %s", numtext.Count(n, "sample"), roughly(float64(about)), after)
}

// lineAhead is a line a headless run or batch prints later, or the end
// it comes to: what it is, the epoch it comes at (0: none to name), and
// how long until it comes, in nanoseconds (batchEnds says why not in a
// time.Duration).
type lineAhead struct {
	what  string
	epoch int
	in    float64
}

// lineNote is the one note of a slow start, of a run or of a batch's
// first run (whose, "the first run's "): the timed epochs up to epoch
// took took each, and the epochs to come take each (timedWords), so that
// line comes in its wait, and end, where it has one (what "" for none),
// in its own. "" where line comes within slowLineAfter.
func lineNote(whose string, epoch, timed int, took, each time.Duration, line, end lineAhead) string {
	if took <= 0 || line.in < float64(slowLineAfter) {
		return ""
	}
	at := func(l lineAhead, words string) string {
		if l.epoch == 0 {
			return ""
		}
		return words + numtext.FormatInt(l.epoch)
	}
	note := fmt.Sprintf("%s%s, so %s%s, comes in %s", whose, timedWords(epoch, timed, took, each), line.what, at(line, ", at epoch "), roughly(line.in))
	if end.what != "" {
		note += fmt.Sprintf(", and %s%s, in %s", end.what, at(end, ", epoch "), roughly(end.in))
	}
	return note
}

// timedWords says what a run timed (session.Pace): its first epoch
// alone, timed 1, "epoch 1 took 7.3 s to train", or the timed epochs
// after it up to epoch, "epochs 2-201 took 5 ms each to train", the
// first left out for its one-off costs: a first epoch of 0.3 s before
// epochs of 5 ms was told as the pace of all. Where an epoch to come
// takes each, not took (session.Pace.Each: the timed epochs are of D's
// warm-up), it says so, for the waits are of each: "epoch 1, of D's
// warm-up, took 2.0 s to train, the epochs after it about 0.1 s each",
// "epochs 2-13, D's warm-up among them, took 81 ms each to train, the
// epochs after them about 5 ms each".
func timedWords(epoch, timed int, took, each time.Duration) string {
	which, warmup, after, per := "epoch "+numtext.FormatInt(epoch), ", of D's warm-up,", "the epochs after it", ""
	if timed > 1 {
		which, warmup, after, per = "epochs "+numtext.FormatInt(epoch-timed+1)+"-"+numtext.FormatInt(epoch), ", D's warm-up among them,", "the epochs after them", " each"
	}
	if each == took {
		return which + " took " + roughly(float64(took)) + per + " to train"
	}
	return which + warmup + " took " + roughly(float64(took)) + per + " to train, " + after + " about " + roughly(float64(each)) + " each"
}

// roughly writes a wait of ns nanoseconds as it is told: "5.2 s" under a
// minute, then "about a minute", "about 43 minutes", "about 14 hours",
// "about 3 days", "about 5 years"; a first epoch under a tenth of a
// second in milliseconds or less, "270 µs", where "0.0 s" said it took
// nothing. Each unit is chosen by the number as it is written rounded,
// so that 59.97 s is "about a minute", not "60.0 s", and 119.6 minutes
// "about 2 hours", not "about 120 minutes".
func roughly(ns float64) string {
	s := ns / 1e9
	switch {
	case s < 0.0995:
		return small(s)
	case math.Round(s*10) < 600:
		return fmt.Sprintf("%.1f s", s)
	case math.Round(s/60) < 2:
		return "about a minute"
	case math.Round(s/60) < 120:
		return fmt.Sprintf("about %.0f minutes", s/60)
	case math.Round(s/3600) < 48:
		return fmt.Sprintf("about %.0f hours", s/3600)
	case math.Round(s/86400) < 2*365:
		return fmt.Sprintf("about %.0f days", s/86400)
	}
	return fmt.Sprintf("about %s years", numtext.FormatInt(int(min(math.Round(s/(365.25*86400)), 1e15))))
}

// small writes s seconds, under a tenth of one, in the unit that puts
// it from 1 up, in two significant digits or three, "27 ms", "4.1 ms",
// "270 µs", "80 ns".
func small(s float64) string {
	v, unit := s*1e3, "ms"
	for _, u := range []string{"µs", "ns"} {
		if math.Round(v*100) >= 100 {
			break
		}
		v, unit = v*1e3, u
	}
	if math.Round(v*10) >= 100 {
		return fmt.Sprintf("%.0f %s", v, unit)
	}
	return fmt.Sprintf("%.2g %s", v, unit)
}
