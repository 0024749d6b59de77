package main

import (
	"bytes"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ganui/ganui/session"
)

// TestASlowFirstEpochSaysWhenTheNextLineComes: a headless run whose next
// line, a progress line or at --every 0 the final one, is slowLineAfter
// or more away at its first epochs' pace (session.Pace) says when it
// comes, once, on stderr, where a wide design's run printed nothing for
// an hour; a run whose line comes sooner says nothing.
func TestASlowFirstEpochSaysWhenTheNextLineComes(t *testing.T) {
	code, out, errs := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "20", "--every", "10")
	if code != 0 || errs != "" {
		t.Fatalf("a quick run: exit %d, stderr %q", code, errs)
	}
	was := slowLineAfter
	slowLineAfter = time.Nanosecond
	t.Cleanup(func() { slowLineAfter = was })
	for _, c := range []struct {
		every string
		want  string
	}{
		{"10", " to train, so the first progress line, at epoch 10, comes in "},
		{"0", " to train, so the final line, at epoch 20, comes in "},
	} {
		code, out, errs = runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "20", "--every", c.every)
		if code != 0 || !strings.HasPrefix(errs, "ganui: note: epoch") || !strings.Contains(errs, c.want) || strings.Count(errs, "ganui: note: epoch") != 1 { // "epoch 1 took" or "epochs 2-9 took", and evalNote's
			t.Errorf("--every %s, the first epoch's line slowLineAfter away: exit %d, stderr %q, want one note saying %q", c.every, code, errs, c.want)
		}
		if !strings.Contains(out, "final preset=vanilla") {
			t.Errorf("--every %s: no final line:\n%s", c.every, out)
		}
	}
}

// TestFirstLineNote: the note of a slow first epoch names the line to
// come, its epoch and wait, the plan's when the line is short of it, and
// the --every that prints a line about every minute; nothing where the
// line comes within slowLineAfter, or is printed at that epoch.
func TestFirstLineNote(t *testing.T) {
	minuteNotes(t)
	for _, c := range []struct {
		epoch, every, plan int
		took               time.Duration
		want               string
	}{
		{1, 500, 10000, 5200 * time.Millisecond, "epoch 1 took 5.2 s to train, so the first progress line, at epoch 500, comes in about 43 minutes, and the plan's end, epoch 10,000, in about 14 hours; --every 11 prints one about every minute"},
		{1, 0, 100, 12 * time.Second, "epoch 1 took 12.0 s to train, so the final line, at epoch 100, comes in about 20 minutes; --every 5 prints one about every minute"},
		{3001, 500, 10000, 2 * time.Second, "epoch 3,001 took 2.0 s to train, so the first progress line, at epoch 3,500, comes in about 17 minutes, and the plan's end, epoch 10,000, in about 4 hours; --every 30 prints one about every minute"},
		{1, 500, 300, 2 * time.Minute, "epoch 1 took about 2 minutes to train, so the final line, at epoch 300, comes in about 10 hours"},
		{1, 500, 10000, 100 * time.Millisecond, ""},
		{1, 1, 10000, time.Hour, ""},
		{500, 500, 10000, time.Hour, ""},
		// A quick epoch under a tenth of a second is not "0.0 s"; a
		// slow one's wait past time.Duration's 292 years does not wrap.
		{1, 0, 1_000_000_000, 270 * time.Microsecond, "epoch 1 took 270 µs to train, so the final line, at epoch 1,000,000,000, comes in about 3 days; --every 222,222 prints one about every minute"},
		{1, 0, 1_000_000_000, 10 * time.Second, "epoch 1 took 10.0 s to train, so the final line, at epoch 1,000,000,000, comes in about 317 years; --every 6 prints one about every minute"},
		{1, 500, 1_000_000_000, 30 * time.Second, "epoch 1 took 30.0 s to train, so the first progress line, at epoch 500, comes in about 4 hours, and the plan's end, epoch 1,000,000,000, in about 951 years; --every 2 prints one about every minute"},
	} {
		if got := firstLineNote(c.epoch, 1, c.took, c.took, c.every, c.plan); got != c.want {
			t.Errorf("epoch %d of %d, --every %d, took %v:\n got %q\nwant %q", c.epoch, c.plan, c.every, c.took, got, c.want)
		}
	}
}

// TestTheFirstEpochsPaceNamesTheEpochsTimed: where the run timed the
// epochs after its first (session.Pace), its note names them and their
// time each, where "epoch 1 took 0.3 s" told a first epoch's one-off
// costs as the pace of a run of 5 ms epochs, whose --seeds 1-3 --epochs
// 4000 batch it said ended "in about 67 minutes", done in under one.
func TestTheFirstEpochsPaceNamesTheEpochsTimed(t *testing.T) {
	minuteNotes(t)
	if got, want := firstLineNote(201, 200, 5*time.Millisecond, 5*time.Millisecond, 0, 100_000), "epochs 2-201 took 5 ms each to train, so the final line, at epoch 100,000, comes in about 8 minutes; --every 12,000 prints one about every minute"; got != want {
		t.Errorf("a run:\n got %q\nwant %q", got, want)
	}
	if got, want := batchLineNote("batch", 3201, 200, 500*time.Millisecond, 500*time.Millisecond, []int{10000, 10000, 10000}, 2, 1), "the first run's epochs 3,002-3,201 took 0.5 s each to train, so its final line, at epoch 10,000, comes in about 57 minutes, and the batch's end, 3 runs 2 at a time, in about 2 hours"; got != want {
		t.Errorf("a batch:\n got %q\nwant %q", got, want)
	}
}

// TestASlowBatchSaysWhenItsFirstLineComes: a --seeds batch or a --sweep
// whose first line, its first run's final line or its first cell's row,
// is slowLineAfter or more away at its first run's first epochs' pace
// says when it comes, and the batch's end, counting --jobs, once, on
// stderr, where a wide design's batch printed nothing for hours.
func TestASlowBatchSaysWhenItsFirstLineComes(t *testing.T) {
	was := slowLineAfter
	slowLineAfter = time.Nanosecond
	t.Cleanup(func() { slowLineAfter = was })
	for _, c := range []struct {
		args []string
		want []string
		out  string
	}{
		{[]string{"--seeds", "1-3", "--jobs", "2"}, []string{"ganui: note: the first run's epoch", " to train, so its final line, at epoch 20, comes in ", ", and the batch's end, 3 runs 2 at a time, in "}, "summary preset=vanilla"},
		{[]string{"--sweep", "g_lr=1e-4,1e-3", "--seeds", "1-2", "--jobs", "1"}, []string{"ganui: note: the first run's epoch", " to train, so the first cell's row, after its 2 runs, comes in ", ", and the sweep's end, 4 runs 1 at a time, in ", " if every cell trains at this pace\n"}, "sweep g_lr=1e-3"},
	} {
		args := append([]string{"--headless", "--preset", "vanilla", "--epochs", "20"}, c.args...)
		code, out, errs := runCLI(t, args...)
		ok := code == 0 && strings.Count(errs, "ganui: note: the first run's") == 1
		for _, w := range c.want {
			ok = ok && strings.Contains(errs, w)
		}
		if !ok {
			t.Errorf("%s, the first line slowLineAfter away: exit %d, stderr %q, want one note saying %q", strings.Join(c.args, " "), code, errs, c.want)
		}
		if !strings.Contains(out, c.out) {
			t.Errorf("%s: no %q:\n%s", strings.Join(c.args, " "), c.out, out)
		}
	}
}

// TestBatchLineNote: a batch's note of a slow first epoch names its first
// line and its end at that pace, counting the runs trained at once, a
// sweep's first row waiting on all its first cell's runs; nothing where
// the first line comes within slowLineAfter.
func TestBatchLineNote(t *testing.T) {
	minuteNotes(t)
	for _, c := range []struct {
		of          string
		plans       []int
		jobs, first int
		took        time.Duration
		want        string
	}{
		{"batch", []int{10000, 10000, 10000, 10000, 10000, 10000, 10000, 10000}, 2, 1, 7300 * time.Millisecond, "the first run's epoch 1 took 7.3 s to train, so its final line, at epoch 10,000, comes in about 20 hours, and the batch's end, 8 runs 2 at a time, in about 3 days"},
		{"batch", []int{600}, 4, 1, 2 * time.Second, "the first run's epoch 1 took 2.0 s to train, so its final line, at epoch 600, comes in about 20 minutes"},
		{"sweep", []int{300, 300, 300, 300, 300, 300}, 2, 3, time.Second, "the first run's epoch 1 took 1.0 s to train, so the first cell's row, after its 3 runs, comes in about 10 minutes, and the sweep's end, 6 runs 2 at a time, in about 15 minutes if every cell trains at this pace"},
		{"sweep", []int{300, 300}, 1, 1, time.Second, "the first run's epoch 1 took 1.0 s to train, so the first cell's row, at epoch 300, comes in about 5 minutes, and the sweep's end, 2 runs 1 at a time, in about 10 minutes if every cell trains at this pace"},
		{"batch", []int{500, 500}, 1, 1, 100 * time.Millisecond, ""},
		{"batch", []int{1e9, 1e9, 1e9, 1e9}, 1, 1, 3 * time.Second, "the first run's epoch 1 took 3.0 s to train, so its final line, at epoch 1,000,000,000, comes in about 95 years, and the batch's end, 4 runs 1 at a time, in about 380 years"},
	} {
		if got := batchLineNote(c.of, 1, 1, c.took, c.took, c.plans, c.jobs, c.first); got != c.want {
			t.Errorf("%s of %v, %d at a time, took %v:\n got %q\nwant %q", c.of, c.plans, c.jobs, c.took, got, c.want)
		}
	}
}

// TestASlowEvaluationSaysHowLongItTakes: a headless run whose evaluation
// of its --samples takes slowLineAfter or more at the pace of its latest
// check says so once, before it, on stderr: the first progress line's,
// saying that each line after it takes as long, or where --every divides
// the plan, each progress line after it, the final line giving the last
// one's measures, evaluated once (it said "each line after it", of an
// evaluation the final line no longer makes), or at --every 0 the
// final line's, where a wide design's --samples 1000000 took minutes with
// no word. An evaluation before any check, the first progress line's at
// --every 5 (the checks every 10) or the final line's of --epochs 1 on a
// line or on a plane, is timed by a check's measure of its own, where it
// said nothing; an evaluation no larger than a check's has nothing to
// time it by.
func TestASlowEvaluationSaysHowLongItTakes(t *testing.T) {
	was := slowLineAfter
	slowLineAfter = time.Nanosecond
	t.Cleanup(func() { slowLineAfter = was })
	for _, c := range []struct {
		args      []string
		want, end string
	}{
		{[]string{"--samples", "4000", "--preset", "vanilla", "--epochs", "20", "--every", "10"}, "ganui: note: evaluating 4,000 samples for the progress line: ", ", and as long for each progress line after it, the final line giving the last one's measures\n"},
		{[]string{"--samples", "4000", "--preset", "vanilla", "--epochs", "25", "--every", "10"}, "ganui: note: evaluating 4,000 samples for the progress line: ", ", and as long for each line after it\n"},
		{[]string{"--samples", "4000", "--preset", "vanilla", "--epochs", "20", "--every", "0"}, "ganui: note: evaluating 4,000 samples for the final line: ", "\n"},
		{[]string{"--samples", "4000", "--preset", "vanilla", "--epochs", "20", "--every", "5"}, "ganui: note: evaluating 4,000 samples for the progress line: ", ", and as long for each progress line after it, the final line giving the last one's measures\n"},
		{[]string{"--samples", "4000", "--preset", "vanilla", "--epochs", "1", "--every", "0"}, "ganui: note: evaluating 4,000 samples for the final line: ", "\n"},
		{[]string{"--samples", "4000", "--preset", "ring", "--epochs", "1", "--every", "0"}, "ganui: note: evaluating 4,000 samples for the final line: ", "\n"},
		{[]string{"--preset", "vanilla", "--epochs", "1", "--every", "0", "--samples", "2000"}, "", ""},
	} {
		args := append([]string{"--headless"}, c.args...)
		code, out, errs := runCLI(t, args...)
		notes, found := 1, true
		if c.want == "" {
			notes = 0
		} else {
			var after string
			_, after, found = strings.Cut(errs, c.want)
			found = found && regexp.MustCompile(`^[0-9.]+ (s|ms|µs|ns)`+regexp.QuoteMeta(c.end)).MatchString(after)
		}
		if code != 0 || strings.Count(errs, "ganui: note: evaluating ") != notes || !found {
			t.Errorf("%s, an evaluation slowLineAfter long: exit %d, stderr %q, want %d note %q, a time, %q", strings.Join(c.args, " "), code, errs, notes, c.want, c.end)
		}
		if !strings.Contains(out, "final preset=") {
			t.Errorf("%s: no final line:\n%s", strings.Join(c.args, " "), out)
		}
	}
}

// TestASlowBatchEvaluationSaysHowLongItTakes: a --seeds batch or a
// --sweep whose runs' final evaluations of their --samples take
// slowLineAfter or more at the pace of a run's latest check says so once,
// on stderr, beside its first epoch's note, the first time a run's does,
// where a wide design's large --samples evaluated at each run's end with
// no word (only a single run said it); a sweep's note says its cells
// evaluate at paces of their own.
func TestASlowBatchEvaluationSaysHowLongItTakes(t *testing.T) {
	was := slowLineAfter
	slowLineAfter = time.Nanosecond
	t.Cleanup(func() { slowLineAfter = was })
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--seeds", "1-3", "--jobs", "2"}, " each\n"},
		{[]string{"--sweep", "g_lr=1e-4,1e-3", "--seeds", "1-2", "--jobs", "1"}, " for the run now ending, each cell's at its own pace\n"},
	} {
		args := append([]string{"--headless", "--preset", "vanilla", "--epochs", "20", "--samples", "4000"}, c.args...)
		code, _, errs := runCLI(t, args...)
		const note = "ganui: note: evaluating 4,000 samples for each run's final line: "
		_, after, found := strings.Cut(errs, note)
		line, _, _ := strings.Cut(after, "\n")
		if code != 0 || strings.Count(errs, "ganui: note: evaluating ") != 1 || !found || !strings.HasSuffix(line+"\n", c.want) {
			t.Errorf("%s, an evaluation slowLineAfter long: exit %d, stderr %q, want one note %q…%q", strings.Join(c.args, " "), code, errs, note, c.want)
		}
	}
	slowLineAfter = time.Minute
	for _, c := range []struct {
		of    string
		about time.Duration
		want  string
	}{
		{"batch", 70 * time.Second, "evaluating 200,000 samples for each run's final line: about a minute each"},
		{"sweep", 4 * time.Minute, "evaluating 200,000 samples for each run's final line: about 4 minutes for the run now ending, each cell's at its own pace"},
		{"batch", 50 * time.Second, ""},
		{"batch", 0, ""},
	} {
		if got := batchEvalNote(c.of, 200000, c.about); got != c.want {
			t.Errorf("%s, %v:\n got %q\nwant %q", c.of, c.about, got, c.want)
		}
	}
}

// TestBatchPaceWritesOneNoteAtATime: a batch's runs tell batchPace of
// their paces side by side, the first run's first epochs and the others'
// final evaluations at once, and it writes their notes to stderr one at
// a time, where two runs wrote to it together: a data race on a buffer
// (stderr in the tests; the race detector caught
// TestASlowBatchEvaluationSaysHowLongItTakes at it), and one note's
// bytes amid another's on a writer that does not serialise its writes.
// The evaluations' note is still said once.
func TestBatchPaceWritesOneNoteAtATime(t *testing.T) {
	was := slowLineAfter
	slowLineAfter = time.Nanosecond
	t.Cleanup(func() { slowLineAfter = was })
	var stderr bytes.Buffer
	pace := batchPace(&stderr, "batch", []int{20, 20}, 2, 1)
	const calls = 50
	var wg sync.WaitGroup
	for range calls {
		wg.Go(func() { pace(session.Pace{Epoch: 1, Epochs: 1, Took: time.Second, Each: time.Second}) })
		wg.Go(func() { pace(session.Pace{Evaluating: true, Final: true, N: 4000, About: time.Second}) })
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	evaluating := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "ganui: note: ") || strings.Count(l, "ganui: note: ") != 1 {
			t.Fatalf("a note not on a line of its own: %q", l)
		}
		if strings.Contains(l, "evaluating") {
			evaluating++
		}
	}
	if len(lines) != calls+1 || evaluating != 1 {
		t.Errorf("%d lines, %d of the evaluations' note; want %d, 1:\n%s", len(lines), evaluating, calls+1, stderr.String())
	}
}

// TestRoughly: a wait is written in the unit its rounded number reads
// in, "about a minute" at 59.97 s where it read "60.0 s", "about 2
// hours" at 119.6 minutes where it read "about 120 minutes"; an epoch
// under a tenth of a second in the unit that puts it from 1 up, where
// it read "0.0 s"; and years from two of them.
func TestRoughly(t *testing.T) {
	for _, c := range []struct {
		s    float64
		want string
	}{
		{70e-9, "70 ns"},
		{9.96e-6, "10 µs"},
		{270e-6, "270 µs"},
		{4.1e-3, "4.1 ms"},
		{0.0272, "27 ms"},
		{0.0994, "99 ms"},
		{0.0995, "0.1 s"},
		{5.2, "5.2 s"},
		{59.94, "59.9 s"},
		{59.97, "about a minute"},
		{89.9, "about a minute"},
		{90, "about 2 minutes"},
		{2580, "about 43 minutes"},
		{119.6 * 60, "about 2 hours"},
		{47.4 * 3600, "about 47 hours"},
		{47.6 * 3600, "about 2 days"},
		{729.4 * 86400, "about 729 days"},
		{729.6 * 86400, "about 2 years"},
		{1e13, "about 316,881 years"},
	} {
		if got := roughly(c.s * 1e9); got != c.want {
			t.Errorf("roughly(%g) = %q, want %q", c.s, got, c.want)
		}
	}
}

// FuzzSlowNotes: the note of a slow start, a run's and a batch's, is
// given exactly where its line is slowLineAfter or more away at the pace
// of the epochs to come, counted in whole numbers, and every wait it
// names reads as a minute or more and every time as a number, where a
// wait past time.Duration's 292 years wrapped, "in -6893488177.4 s", or
// left the note out; in each of timedWords' wordings: the first epoch
// alone (timed 1), the epochs after it timed over a second (timed > 1,
// "epochs 2-13 took 5 ms each"), and either with D's warm-up (each, the
// epochs to come's time, other than took's; 0 for took's), "epoch 1, of
// D's warm-up, took 2.0 s to train, the epochs after it about 0.1 s
// each".
func FuzzSlowNotes(f *testing.F) {
	minuteNotes(f)
	f.Add(1, 1, int64(5200*time.Millisecond), int64(0), 500, 10000, 2, 3)
	f.Add(1, 1, int64(10*time.Second), int64(0), 0, 1_000_000_000, 1, 4)
	f.Add(1, 1, int64(30*time.Second), int64(0), 500, 1_000_000_000, 1, 1)
	f.Add(1, 1, int64(270*time.Microsecond), int64(0), 0, 1_000_000_000, 2, 8)
	f.Add(3001, 1, int64(time.Hour), int64(0), 500, 10000, 3, 2)
	f.Add(1, 1, int64(1), int64(0), 0, 1, 1, 1)
	f.Add(1, 1, int64(96*time.Millisecond), int64(0), 0, 626, 1, 1)                                  // 625 epochs of 0.096 s, a minute exactly
	f.Add(201, 200, int64(5*time.Millisecond), int64(0), 0, 1_000_000, 1, 1)                         // timed: epochs 2-201
	f.Add(13, 12, int64(800*time.Millisecond), int64(0), 500, 10000, 2, 4)                           // timed, a progress line ahead
	f.Add(1, 1, int64(2*time.Second), int64(130*time.Millisecond), 0, 10000, 2, 4)                   // warm-up: epoch 1, of D's warm-up
	f.Add(1, 1, int64(120*time.Millisecond), int64(7*time.Millisecond), 0, 600, 1, 1)                // warm-up, the line 4 s away: no note
	f.Add(13, 12, int64(800*time.Millisecond), int64(50*time.Millisecond), 0, 10000, 1, 1)           // timed warm-up: epochs 2-13, D's warm-up among them
	f.Add(13, 12, int64(81*time.Millisecond), int64(5*time.Millisecond), 100, 1_000_000_000, 64, 64) // timed warm-up: the progress line 0.4 s away, the batch 58 days
	const (
		tm   = `(?:[0-9][0-9.,]* [a-zµ]+|about [^ ]+ [a-z]+)` // a time as roughly writes it
		wait = `(?:about [0-9,]+ [a-z]+|about a minute)`      // a wait of a minute or more
	)
	words := regexp.MustCompile(`^(?:the first run's )?(?:epoch [0-9,]+|epochs [0-9,]+-[0-9,]+)(?:, of D's warm-up,|, D's warm-up among them,)? took ` + tm + `(?: each)? to train(?:, the epochs after (?:it|them) about ` + tm + ` each)?, so .*, comes in ` + wait + `(, and .*, in ` + wait + `( if every cell trains at this pace)?)?(; --every [0-9,]+ prints one about every minute)?$`)
	f.Fuzz(func(t *testing.T, epoch, timed int, took, each int64, every, plan, jobs, runs int) {
		if each == 0 {
			each = took
		}
		if plan < 1 || plan > 1_000_000_000 || epoch < 1 || epoch > plan || timed < 1 || timed > 1 && timed >= epoch || every < 0 || every > 1_000_000_000 || took < 1 || took > int64(1000*time.Hour) || each < 1 || each > int64(1000*time.Hour) || jobs < 1 || jobs > 64 || runs < 1 || runs > 64 {
			t.Skip()
		}
		d, e := time.Duration(took), time.Duration(each)
		// wording checks what the note says of the timed epochs: each to
		// train where more than one was timed, and D's warm-up where the
		// epochs to come take another time.
		wording := func(what, note string) {
			if got, want := strings.Contains(note, " each to train"), timed > 1; got != want {
				t.Fatalf("%s, %d timed epochs: %q", what, timed, note)
			}
			if got, want := strings.Contains(note, "warm-up"), each != took; got != want {
				t.Fatalf("%s, timed at %v, the epochs to come %v: %q", what, d, e, note)
			}
		}
		next := plan
		if every > 0 && (epoch/every+1)*every < plan {
			next = (epoch/every + 1) * every
		}
		wait := new(big.Int).Mul(big.NewInt(int64(next-epoch)), big.NewInt(each))
		slow := wait.Cmp(big.NewInt(int64(time.Minute))) >= 0 && !(every > 0 && epoch%every == 0)
		note := firstLineNote(epoch, timed, d, e, every, plan)
		what := fmt.Sprintf("epoch %d of %d, --every %d, took %v, the epochs to come %v", epoch, plan, every, d, e)
		if (note != "") != slow {
			t.Fatalf("%s: the line is %v ns away, note %q", what, wait, note)
		}
		if note != "" && !words.MatchString(note) {
			t.Fatalf("%s: %q is in no wording of timedWords, names a wait under a minute, or a number not one", what, note)
		}
		if note != "" {
			wording(what, note)
		}
		plans := slices.Repeat([]int{plan}, runs)
		note = batchLineNote("batch", epoch, timed, d, e, plans, jobs, 1)
		wait = new(big.Int).Mul(big.NewInt(int64(plan-epoch)), big.NewInt(each))
		what = fmt.Sprintf("batch of %d runs of %d, epoch %d, took %v, the epochs to come %v", runs, plan, epoch, d, e)
		if slow := wait.Cmp(big.NewInt(int64(time.Minute))) >= 0; (note != "") != slow {
			t.Fatalf("%s: the line is %v ns away, note %q", what, wait, note)
		}
		if note != "" && !words.MatchString(note) {
			t.Fatalf("%s: %q is in no wording of timedWords, names a wait under a minute, or a number not one", what, note)
		}
		if note != "" {
			wording(what, note)
		}
	})
}

// TestWarmupEpochForetellsNoWait: a first epoch of D's warm-up (wgan's
// 100 D steps, where the epochs after it have 5) tells the waits at the
// pace of the epochs to come, session.Pace.Each, and says so, where it
// foretold them at its own: `ganui --headless --preset wgan --every 0`
// said "the final line, at epoch 10,000, comes in about 14 minutes" and
// printed it in 40 s; at --set d_lr=10 --set g_lr=0.1 --epochs 600,
// "comes in about a minute", in 4 s.
func TestWarmupEpochForetellsNoWait(t *testing.T) {
	minuteNotes(t)
	if got := firstLineNote(1, 1, 120*time.Millisecond, 7*time.Millisecond, 0, 600); got != "" {
		t.Errorf("wgan's 600 epochs at 7 ms each after a warm-up epoch of 0.12 s: %q, want no note, the line 4 s away", got)
	}
	want := "epoch 1, of D's warm-up, took 2.0 s to train, the epochs after it about 0.1 s each, so the final line, at epoch 10,000, comes in about 22 minutes; --every 461 prints one about every minute"
	if got := firstLineNote(1, 1, 2*time.Second, 130*time.Millisecond, 0, 10000); got != want {
		t.Errorf("a slow warm-up epoch:\n got %q\nwant %q", got, want)
	}
	want = "the first run's epoch 1, of D's warm-up, took 2.0 s to train, the epochs after it about 0.1 s each, so its final line, at epoch 10,000, comes in about 22 minutes, and the batch's end, 4 runs 2 at a time, in about 43 minutes"
	if got := batchLineNote("batch", 1, 1, 2*time.Second, 130*time.Millisecond, []int{10000, 10000, 10000, 10000}, 2, 1); got != want {
		t.Errorf("a batch's slow warm-up epoch:\n got %q\nwant %q", got, want)
	}
	// The epochs after the first, timed over a second, of the warm-up.
	want = "epochs 2-13, D's warm-up among them, took 0.8 s each to train, the epochs after them about 50 ms each, so the final line, at epoch 10,000, comes in about 8 minutes; --every 1,200 prints one about every minute"
	if got := firstLineNote(13, 12, 800*time.Millisecond, 50*time.Millisecond, 0, 10000); got != want {
		t.Errorf("timed warm-up epochs:\n got %q\nwant %q", got, want)
	}
}

// minuteNotes puts slowLineAfter back at its own minute for a test of
// the notes' words, which TestMain puts out of the other tests' reach.
func minuteNotes(tb testing.TB) {
	was := slowLineAfter
	slowLineAfter = time.Minute
	tb.Cleanup(func() { slowLineAfter = was })
}
