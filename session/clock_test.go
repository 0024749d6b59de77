package session

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ganui/ganui/internal/testdesigns"
)

// TestSuspendedTimeCountsNot: from Suspending to Continued the run's clock
// stands still, whatever the wall clock does, so that a trainer suspended with
// ctrl+z for an hour holds none of the hour in the final line's wall_s, nor
// lets the header's ep/s and the speed said at the end of the plan fall towards
// zero.
func TestSuspendedTimeCountsNot(t *testing.T) {
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_000_000, 0)
	s.clock = NewClock(func() time.Time { return now })
	s.started = s.clock.Now()
	s.setState(Running)
	s.updateRate()
	train := func() {
		for range 10 {
			s.trainEpoch()
		}
		now = now.Add(time.Second)
		s.updateRate()
	}
	train()
	s.Suspending()
	now = now.Add(time.Hour) // stopped
	s.Suspending()           // again: still from the first
	if !s.Suspended() {
		t.Error("Suspending: the clock does not stand still")
	}
	s.Continued()
	s.Continued() // again: nothing more
	if s.Suspended() {
		t.Fatal("Continued: the clock still stands still")
	}
	train()
	if s.state != Running || s.gan.Epoch() != 20 {
		t.Fatalf("state %v at epoch %d, want running at 20", s.state, s.gan.Epoch())
	}
	if math.Abs(s.rate-10) > 1e-9 {
		t.Errorf("the header's rate is %.4g ep/s, want 10", s.rate)
	}
	if got := s.avgRate(); math.Abs(got-10) > 1e-9 {
		t.Errorf("the run's average speed is %.4g ep/s, want 10", got)
	}
	if got := s.Result().WallS; got != 2 {
		t.Errorf("wall_s %.3f, want 2", got)
	}
}

// TestNewRunTimesItself: r and R begin a run whose final line times it alone,
// as its epochs= and seed= are its own, not with the rate and the time of the
// run R replaced ("epochs=11 … epochs_per_s=96.4 wall_s=8.781": 11 epochs in
// 8.8 s at 96 a second).
func TestNewRunTimesItself(t *testing.T) {
	for _, c := range []struct {
		name string
		cmd  Command
	}{{"R", Restart{}}, {"r", Reseed{}}} {
		t.Run(c.name, func(t *testing.T) {
			s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
			if err != nil {
				t.Fatal(err)
			}
			// Each reading of the clock moves it on by tick: an epoch,
			// between trainEpoch's two readings, takes one tick.
			now, tick := time.Unix(1_000_000, 0), time.Millisecond
			s.clock = NewClock(func() time.Time { now = now.Add(tick); return now })
			s.started = s.clock.Now()
			s.setState(Running)
			for range 100 { // the run replaced: 1,000 ep/s, then an hour's pause
				s.trainEpoch()
			}
			now = now.Add(time.Hour)
			c.cmd.apply(s)
			tick = 4 * time.Millisecond
			for range 10 { // the new run: 250 ep/s, for well under a minute
				s.trainEpoch()
			}
			r := s.Result()
			if r.Epochs != 10 || !(r.WallS < 60) || r.EpochsPerS != 250 {
				t.Errorf("after %s: epochs=%d epochs_per_s=%.1f wall_s=%.3f; want 10, 250.0 and under a minute, the new run's",
					c.name, r.Epochs, r.EpochsPerS, r.WallS)
			}
		})
	}
}

// TestFinalLineGivesTrainingTime: the final line gives train_s, the seconds
// spent training its epochs, beside wall_s, the whole run with its pauses,
// and epochs_per_s is the epochs over train_s: a trainer's run of 100 epochs
// of 4 ms each, paused a minute, printed "epochs_per_s=250.0 wall_s=60.4…",
// a rate over a time the line did not give, and no time to compare runs by
// that the pause had not swollen.
func TestFinalLineGivesTrainingTime(t *testing.T) {
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	// Each reading of the clock moves it on by tick: an epoch, between
	// trainEpoch's two readings, takes one tick.
	now, tick := time.Unix(1_000_000, 0), 4*time.Millisecond
	s.clock = NewClock(func() time.Time { now = now.Add(tick); return now })
	s.started = s.clock.Now()
	s.setState(Running)
	for range 50 {
		s.trainEpoch()
	}
	s.setState(Paused)
	now = now.Add(time.Minute)
	s.setState(Running)
	for range 50 {
		s.trainEpoch()
	}
	r := s.Result()
	if r.TrainS != 0.4 || r.EpochsPerS != 250 || !(r.WallS > 60) {
		t.Errorf("train_s=%.3f epochs_per_s=%.1f wall_s=%.3f; want 0.400, 250.0 and the minute paused in wall_s alone", r.TrainS, r.EpochsPerS, r.WallS)
	}
	if line := r.Line(); !strings.Contains(line, " epochs_per_s=250.0 train_s=0.400 wall_s=") {
		t.Errorf("the final line does not give the training time beside the rate and the wall time:\n%s", line)
	}
}

// fakeWall is a wall clock a test moves by hand.
type fakeWall struct{ t time.Time }

func newFakeWall() *fakeWall             { return &fakeWall{time.Unix(1_000_000, 0)} }
func (w *fakeWall) now() time.Time       { return w.t }
func (w *fakeWall) pass(d time.Duration) { w.t = w.t.Add(d) }

// ticking is a wall clock that moves on by step at every reading: a run
// kept by it counts time for every epoch it trains.
func ticking(step time.Duration) func() time.Time {
	w := newFakeWall()
	return func() time.Time {
		w.pass(step)
		return w.now()
	}
}

// watched returns a clock over w, watched: beaten once.
func (w *fakeWall) watched() (*Clock, *fakeWall) {
	c := NewClock(w.now)
	c.tick()
	return c, w
}

// beats moves w on by n beats, beating c at each.
func (w *fakeWall) beats(c *Clock, n int) {
	for range n {
		w.pass(BeatEvery)
		c.tick()
	}
}

// TestUnannouncedStopCountsNot: a headless run stopped by its shell — ctrl+z
// left to the kernel, a kill -STOP — counts none of the stop in its wall_s and
// epochs_per_s: on a watched clock a stop stalls the beats, and the continue
// that ends it takes all of it but stallAfter out of the clock's time — whether
// the first beat after it comes before the continue is said or after, and also
// when a stall of the process running slow was waiting for its grace to end as
// the stop came (the beat after the continue does not take the hour for the end
// of the grace). The clock never runs backwards, also for the readings taken
// between the continue and Continued.
func TestUnannouncedStopCountsNot(t *testing.T) {
	for _, c := range []struct {
		name            string
		slow, beatFirst bool
	}{
		{"continue first", false, false},
		{"beat first", false, true},
		{"a stall waiting", true, true},
	} {
		clock, w := newFakeWall().watched()
		w.beats(clock, 10)
		t0 := clock.Now()
		if c.slow {
			w.pass(2 * stallAfter)
			clock.tick()
		}
		w.pass(BeatEvery / 2)
		w.pass(time.Hour)     // stopped: no beat
		during := clock.Now() // read after the continue, before the SIGCONT is said
		if c.beatFirst {
			clock.tick()
		}
		clock.Continued()
		if after := clock.Now(); after.Before(during) {
			t.Errorf("%s: the clock ran back from %v to %v", c.name, during.Sub(t0), after.Sub(t0))
		}
		w.beats(clock, 20)
		if got, want := clock.Since(t0), stallAfter+20*BeatEvery; got != want {
			t.Errorf("%s: %v on the clock across an hour's stop and 20 beats, want %v", c.name, got, want)
		}
	}
}

// TestSlowProcessCountsAsRun: a beat late because the process ran slow
// (a busy machine), no continue following, holds the clock only until
// stallGrace has passed: then it goes on, the whole time counted; and a
// SIGCONT to a process that was not stopped changes nothing.
func TestSlowProcessCountsAsRun(t *testing.T) {
	c, w := newFakeWall().watched()
	t0 := c.Now()
	w.pass(2 * stallAfter) // a beat late
	c.tick()
	if got := c.Since(t0); got != stallAfter {
		t.Errorf("a late beat: %v on the clock, want it held at %v for the continue", got, stallAfter)
	}
	n := int(stallGrace/BeatEvery) + 1
	w.beats(c, n)
	want := 2*stallAfter + time.Duration(n)*BeatEvery
	if got := c.Since(t0); got != want {
		t.Errorf("no continue came: %v on the clock, want all %v", got, want)
	}
	w.pass(BeatEvery)
	c.Continued() // kill -CONT to a running process
	if got := c.Since(t0); got != want+BeatEvery {
		t.Errorf("a continue without a stop: %v on the clock, want %v", got, want+BeatEvery)
	}
}

// TestUnwatchedClockRunsFree: once unwatched, a clock is held by no
// beats; before, a stop announced (Suspending) still counts exactly, not
// a moment of it, on a watched clock too.
func TestUnwatchedClockRunsFree(t *testing.T) {
	w := newFakeWall()
	c := NewClock(w.now)
	unwatch := c.Watch()
	unwatch()
	t0 := c.Now()
	w.pass(time.Hour)
	c.Continued()
	if got := c.Since(t0); got != time.Hour {
		t.Errorf("unwatched: %v on the clock after an hour, want the hour", got)
	}
	c, w = newFakeWall().watched()
	t0 = c.Now()
	w.pass(BeatEvery)
	c.Suspending()
	w.pass(time.Hour)
	c.tick()
	c.Continued()
	if got := c.Since(t0); got != BeatEvery {
		t.Errorf("suspended on a watched clock: %v on the clock, want %v", got, BeatEvery)
	}
}

// TestBatchKeepsTimeByItsClock (a --seeds or --sweep batch timed itself,
// and each of its runs, by a clock of its own, which no stop could be
// taken out of): RunSeeds and RunSweep, and every run they train, keep
// time by Options.Clock — here one that stands still, so that every
// wall_s and epochs_per_s they print is 0, no time counted (a sweep's
// rows', the medians of their runs', too), and the seeds' summary counts
// every run's rate as unmeasured (nan=3/3).
func TestBatchKeepsTimeByItsClock(t *testing.T) {
	cfg := testdesigns.Tiny()
	cfg.Epochs = 20
	opts := Options{Config: cfg, Samples: 200, Clock: NewClock(newFakeWall().now)}
	var seeds, sweep strings.Builder
	if _, err := RunSeeds(context.Background(), opts, []uint64{1, 2, 3}, 2, &seeds, nil); err != nil {
		t.Fatal(err)
	}
	sw, err := ParseSweep([]string{"g_lr=1e-3,2e-3"}, cfg, 2)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RunSweep(context.Background(), opts, sw, []uint64{1, 2}, 2, &sweep, nil); err != nil {
		t.Fatal(err)
	}
	out := seeds.String() + sweep.String()
	timing := regexp.MustCompile(`(wall_s|epochs_per_s)(?:=| +median=)([0-9.e+-]+|NaN)(?: +min=([0-9.e+-]+|NaN) +max=([0-9.e+-]+|NaN))?`)
	found := timing.FindAllStringSubmatch(out, -1)
	if len(found) != 12 {
		t.Fatalf("%d timings, want 12 (3 runs' 2, the seeds' summary's 3, the sweep's 2 rows' 1 each and its summary's 1):\n%s", len(found), out)
	}
	for _, m := range found {
		for _, v := range m[2:] {
			f, err := strconv.ParseFloat(v, 64)
			if v != "" && (err != nil || f != 0) {
				t.Errorf("%s: not by the batch's clock, which stood still", m[0])
			}
		}
	}
	if !regexp.MustCompile(`summary epochs_per_s +median=0\.0 +min=0\.0 +max=0\.0 +nan=3/3\n`).MatchString(out) {
		t.Errorf("the seeds' summary does not count every rate as unmeasured:\n%s", out)
	}
}

// TestUntimedRunPrintsNoNaN: with no training time counted, whether its epochs
// trained on a clock that stood still (a run of a batch begun and ended on the
// clock held between a continue and its SIGCONT being told) or none trained (a
// resumed run quit at once), a run is Untimed and its line says
// epochs_per_s=0.0, a number a script can read, not epochs_per_s=NaN; a run its
// clock timed has its rate.
func TestUntimedRunPrintsNoNaN(t *testing.T) {
	cfg := testdesigns.Tiny()
	cfg.Epochs = 5
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, c := range []struct {
		name   string
		ctx    context.Context
		now    func() time.Time
		epochs int
		timed  bool
	}{
		{"held clock", context.Background(), newFakeWall().now, 5, false},
		{"no epoch", cancelled, ticking(time.Millisecond), 0, false},
		{"timed", context.Background(), ticking(time.Millisecond), 5, true},
	} {
		s, err := New(Options{Config: cfg, Seed: 1, Samples: 100, Clock: NewClock(c.now)})
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Run(c.ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		line := r.Line()
		if r.Epochs != c.epochs {
			t.Fatalf("%s: %d epochs, want %d: %s", c.name, r.Epochs, c.epochs, line)
		}
		if r.Untimed == c.timed || c.timed && !(r.EpochsPerS > 0) || !c.timed && r.EpochsPerS != 0 {
			t.Errorf("%s: Untimed %v, EpochsPerS %v: %s", c.name, r.Untimed, r.EpochsPerS, line)
		}
		if zero := strings.Contains(line, " epochs_per_s=0.0 "); zero == c.timed || strings.Contains(line, "NaN") {
			t.Errorf("%s: %s", c.name, line)
		}
	}
}

// TestRateIsThePaceFromTheFirstEpoch: at a pace of 10 epochs a second the
// header's ep/s reads 10 from its first measure, on a start and after an r
// while running alike. A paced run trains its first epoch at once, so the rate
// is not counted from the moment the run started, which would make the first
// measure 20 ep/s (17 ep/s on a resume); and an r while running, its epochs
// going back to 0, takes the rate neither below 0 nor under the pace for
// seconds.
func TestRateIsThePaceFromTheFirstEpoch(t *testing.T) {
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	wall := newFakeWall()
	s.clock = NewClock(wall.now)
	// The loop at 10 epochs a second: an epoch at once, then one every
	// 100 ms, each followed by a snapshot (publishEvery is 50 ms).
	stretch := func(what string) {
		s.updateRate() // the snapshot of the key that set it running
		for i := range 6 {
			if i > 0 {
				wall.pass(100 * time.Millisecond)
			}
			s.trainEpoch()
			s.updateRate()
			if s.rate != 0 && math.Abs(s.rate-10) > 1e-9 {
				t.Errorf("%s, epoch %d: the header's rate is %.4g ep/s, want 10", what, s.gan.Epoch(), s.rate)
			}
		}
		if s.rate == 0 {
			t.Errorf("%s: no rate after six epochs", what)
		}
	}
	s.setState(Running)
	stretch("started")
	if err := s.newRun(2); err != nil { // r while running
		t.Fatal(err)
	}
	stretch("reseeded")
}

// TestPacedSaysThePaceHoldsTheRun: a snapshot says the rate is held to the
// speed asked for (Paced) while the pace makes epochs wait, so that the header
// can mark its ep/s as the pace's and not the machine's; a run that trains
// slower than its speed never waits and is not paced within a second, nor is
// one whose epochs wait now and then at a rate far under its speed (the
// machine's, not the pace's), nor one at full speed, nor one paused.
func TestPacedSaysThePaceHoldsTheRun(t *testing.T) {
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	wall := newFakeWall()
	s.clock = NewClock(wall.now)
	s.setState(Running)
	// epochs takes n epochs through the loop's pace, each taking took.
	epochs := func(n int, took time.Duration) {
		for range n {
			for {
				wait := s.pace()
				if wait <= 0 {
					break
				}
				wall.pass(wait)
			}
			s.trainEpoch()
			wall.pass(took)
			s.updateRate()
		}
	}
	s.speed = 10
	epochs(5, 10*time.Millisecond) // faster than 10 a second: each waits
	if !s.paced() {
		t.Errorf("at speed 10/s, epochs of 10 ms: not paced, rate %.3g", s.rate)
	}
	epochs(15, 200*time.Millisecond) // slower: none waits
	if s.paced() {
		t.Error("at speed 10/s, epochs of 200 ms: paced")
	}
	// A loaded machine: an epoch of 500 ms, then one of 10 ms, which
	// waits for the pace: about 3 epochs a second, a third of the speed.
	for range 4 {
		epochs(1, 500*time.Millisecond)
		epochs(1, 10*time.Millisecond)
	}
	if s.clock.Since(s.pacedAt) >= pacedWithin {
		t.Fatal("the test's last epoch did not wait for the pace")
	}
	if s.paced() {
		t.Errorf("at speed 10/s, epochs of 500 and 10 ms: paced at rate %.3g", s.rate)
	}
	epochs(5, 10*time.Millisecond)
	s.setState(Paused)
	if s.paced() {
		t.Error("paused: paced")
	}
	s.setState(Running)
	s.speed = 0
	if s.paced() {
		t.Error("at full speed: paced")
	}
}

// TestDoingSaysWhatTheSessionIsAt: Doing names the work a wide design's
// goroutine spends seconds on, in the status's words, the epoch the run is
// at as a snapshot counts it (one less while an epoch trains), and how long
// it has been at it by the session's clock: a session not started is at its
// first snapshot's evaluation of the untrained generator, its first work
// once started; between tasks it is at none.
func TestDoingSaysWhatTheSessionIsAt(t *testing.T) {
	now := time.Unix(1e9, 0)
	s, err := New(Options{Config: testdesigns.PerSample(50), Seed: 1, Clock: NewClock(func() time.Time { return now })})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	check := func(want string, wantEpoch int, wantSince time.Duration) {
		t.Helper()
		if what, epoch, since := s.Doing(); what != want || epoch != wantEpoch || since != wantSince {
			t.Errorf("Doing() = %q, %d, %v; want %q, %d, %v", what, epoch, since, want, wantEpoch, wantSince)
		}
	}
	check("evaluating the untrained generator on 10,000 samples", 0, 0)
	now = now.Add(3 * time.Second)
	check("evaluating the untrained generator on 10,000 samples", 0, 3*time.Second)
	s.begin(task{kind: training, epoch: 1234, since: now})
	now = now.Add(time.Second)
	check("training epoch 1,234", 1233, time.Second) // 1,233 trained
	s.begin(task{kind: evaluating, epoch: 1234, n: 1, since: now})
	check("evaluating epoch 1,234's generator on 1 sample", 1234, 0)
	s.begin(task{since: now})
	check("", 0, 0)
}

// TestDoingFollowsTheLoop: an epoch's training and a snapshot's
// evaluation are what Doing says while they run, read here at the clock
// readings made as they end; the session is at none once they have.
func TestDoingFollowsTheLoop(t *testing.T) {
	var s *Session
	var seen []string
	now := time.Unix(1e9, 0)
	clock := NewClock(func() time.Time { // Doing's words, as Doing would read the clock within the clock's own reading
		if s != nil {
			s.atMu.Lock()
			what := s.at.what()
			s.atMu.Unlock()
			if what != "" && !slices.Contains(seen, what) {
				seen = append(seen, what)
			}
		}
		return now
	})
	s, err := New(Options{Config: testdesigns.PerSample(50), Seed: 1, Samples: 100, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	s.begin(task{})
	s.trainEpoch()
	s.publishEval(true)
	if want := []string{"training epoch 1", "evaluating epoch 1's generator on 100 samples"}; !slices.Equal(seen, want) {
		t.Errorf("Doing while the loop works: %q, want %q", seen, want)
	}
	if what, _, _ := s.Doing(); what != "" {
		t.Errorf("Doing after the work: %q, want none", what)
	}
}

// applied is a command that closes itself as it is applied: a test's
// mark that every command sent before it has been applied, and the
// snapshot of their batch published.
type applied chan struct{}

func (c applied) apply(*Session) { close(c) }

// TestBinsSentBeforeStartMakeTheFirstSnapshot: the trainer's HistBins,
// sent before Start as it knows the screen, is applied before the first
// snapshot, which already has the screen's bins, and the untrained
// generator is evaluated once, where a wide design's evaluation takes
// seconds: not at the default bins and again at the screen's.
func TestBinsSentBeforeStartMakeTheFirstSnapshot(t *testing.T) {
	var s *Session
	evals, last := 0, ""
	clock := NewClock(func() time.Time { // counts the evaluations, each read within by its end's clock reading
		if s != nil {
			s.atMu.Lock()
			what := s.at.what()
			s.atMu.Unlock()
			if what != last && strings.HasPrefix(what, "evaluating the untrained generator") {
				evals++
			}
			last = what
		}
		return time.Unix(1e9, 0)
	})
	s, err := New(Options{Config: testdesigns.PerSample(50), Seed: 1, Samples: 100, Paused: true, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	const bins = 37
	s.Send(HistBins{N: bins})
	s.Start()
	if snap := <-s.Snapshots(); len(snap.Eval.Metrics.Hist.Counts) != bins || snap.Eval.Epoch != 0 {
		t.Errorf("first snapshot: %d bins at epoch %d, want %d at 0", len(snap.Eval.Metrics.Hist.Counts), snap.Eval.Epoch, bins)
	}
	mark := make(applied)
	s.Send(mark)
	<-mark
	s.Stop()
	if evals != 1 {
		t.Errorf("the untrained generator was evaluated %d times, want once", evals)
	}
}

// TestBinsWhileRunningWaitForTheNextEvaluation: a trainer opened smaller
// than it draws sends its bins only once made larger, here as the running
// session's first evaluation ends, seconds long as a wide design's: the
// untrained generator is evaluated once, at the default bins, and the
// screen's come with a later epoch's evaluation, not with the same epoch
// evaluated again, seconds more before epoch 1 trains.
func TestBinsWhileRunningWaitForTheNextEvaluation(t *testing.T) {
	const bins = 37
	var s *Session
	evals, now := 0, time.Unix(1e9, 0)
	clock := NewClock(func() time.Time { // read on the session's goroutine: the reading after an evaluation sees it done
		now = now.Add(time.Millisecond)
		if s != nil && s.at.kind == evaluating && s.at.epoch == 0 && s.evalOK {
			evals++
			now = now.Add(3 * time.Second) // the evaluation's seconds
			if evals == 1 {
				s.Send(HistBins{N: bins})
			}
		}
		return now
	})
	s, err := New(Options{Config: testdesigns.PerSample(5000), Seed: 1, Samples: 100, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	s.Start()
	for snap := range s.Snapshots() {
		if len(snap.Eval.Metrics.Hist.Counts) == bins {
			if snap.Eval.Epoch == 0 {
				t.Errorf("the screen's bins came with the untrained generator evaluated again")
			}
			break
		}
	}
	s.Stop()
	if evals != 1 {
		t.Errorf("the untrained generator was evaluated %d times, want once", evals)
	}
}
