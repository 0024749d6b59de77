package main

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestAWaitForTheFinalLineIsSaid: once the trainer's screen has gone, the
// final line evaluates the generator again; where the run's evaluations
// took a second or more (here by a clock that moves a second at each
// reading, as a wide design's take seconds), stderr says what the blank
// terminal waits for before the final line comes, and that only ctrl+c
// skips the wait, at 80 columns (stderr no terminal) the count of samples kept,
// the untrained generator not; where they took no
// time, as a small design's take milliseconds, it says nothing. Where
// none was finished (q before the first frame of a wide design), it is
// said, as nothing tells how long the final one takes.
func TestAWaitForTheFinalLineIsSaid(t *testing.T) {
	const note = "ganui: final line: evaluating 200 samples… only ctrl+c skips the wait\n"
	for _, c := range []struct {
		name string
		tick time.Duration
		said bool
		// start: the screen's evaluation is finished, which times it;
		// without, q came before the first was, and nothing tells how
		// long the final one takes.
		start bool
	}{{"slow", time.Second, true, true}, {"fast", 0, false, true}, {"unfinished", 0, true, false}} {
		t.Run(c.name, func(t *testing.T) {
			var mu sync.Mutex
			now := time.Unix(1e9, 0)
			clock := session.NewClock(func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				now = now.Add(c.tick)
				return now
			})
			s, err := session.New(session.Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Paused: true, Clock: clock, Dir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			if c.start {
				s.Start()
				<-s.Snapshots() // its evaluation timed
			}
			s.Stop()
			var terminal strings.Builder // stdout and stderr, as the terminal shows them
			if err := quitLines(s, &terminal, &terminal, &signalStop{C: make(chan struct{})}); err != nil {
				t.Fatal(err)
			}
			want := "final "
			if c.said {
				want = note + want
			}
			if !strings.HasPrefix(terminal.String(), want) {
				t.Errorf("the terminal reads\n%s\nwant it to begin %q", terminal.String(), want)
			}
		})
	}
}

// TestASignalDuringTheWaitGivesTheScreensLast: ctrl+c (SIGINT) while the
// blank terminal waits for the final line's evaluation gives that
// evaluation up and prints the final line at once from what is known,
// the screen's last evaluation, which the line names (measured_at=0) and
// stderr says, the exit a signal's (ErrInterrupted, 130); where no
// evaluation was finished, the line has no measures (measured_at=none)
// rather than none at all.
func TestASignalDuringTheWaitGivesTheScreensLast(t *testing.T) {
	for _, started := range []bool{true, false} {
		s, err := session.New(session.Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Paused: true, Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		var first session.Snapshot
		if started {
			s.Start()
			first = <-s.Snapshots() // the screen's evaluation, of the untrained generator
		}
		s.Stop()
		stop := &signalStop{C: make(chan struct{}), name: "SIGINT"}
		close(stop.C) // the signal, come as the wait begins
		var stdout, stderr strings.Builder
		err = quitLines(s, &stdout, &stderr, stop)
		if !errors.Is(err, session.ErrInterrupted) {
			t.Errorf("started %v: quitLines returned %v, want ErrInterrupted (exit 130)", started, err)
		}
		final := strings.SplitN(stdout.String(), "\n", 2)[0]
		note, fields := "ganui: SIGINT: final line from the screen's last evaluation, of epoch 0\n", []string{" measured_at=0 ", " mean=" + numtext.Measure(first.Eval.Metrics.Mean) + " "}
		if !started {
			note, fields = "ganui: SIGINT: the final line has no measures: no evaluation was finished\n", []string{" measured_at=none "}
		}
		if !strings.HasSuffix(stderr.String(), note) {
			t.Errorf("started %v: stderr reads %q, want it to end %q", started, stderr.String(), note)
		}
		for _, f := range fields {
			if !strings.HasPrefix(final, "final ") || !strings.Contains(final, f) {
				t.Errorf("started %v: the final line reads %q, want %q in it", started, final, f)
			}
		}
		if !started && strings.Contains(final, " mean=") {
			t.Errorf("the final line of a run never measured reads %q, a mean measured of nothing", final)
		}
	}
}

// TestTheWaitLineStaysOneLine: the line that says what the final line
// waits for fits its width, 80 columns where stderr is no terminal,
// its last column left free (a terminal that draws "…" two columns wide
// would wrap it there), shortened where it does not: "--samples 100000"
// keeps its count at 80 columns in "ganui: final line: evaluating
// 100,000 samples…", and every form ends saying that only ctrl+c skips
// the wait, where the forms had said what the terminal waits for and not
// how to stop waiting (--samples 10000000: 12.7 s of a blank terminal);
// "only", as the q that quit the screen, pressed again, is not read.
// The count is FinalWait.Samples, the one the evaluation's words end with.
func TestTheWaitLineStaysOneLine(t *testing.T) {
	s, err := session.New(session.Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 100000, Paused: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	final := s.FinalEvaluation()
	if final.Samples != 100000 || !strings.HasSuffix(final.What, " on "+numtext.Count(final.Samples, "sample")) {
		t.Errorf("the final evaluation is %q of %d samples, want the 100,000 of --samples, the count its words end with", final.What, final.Samples)
	}
	for _, c := range []struct {
		width int
		want  string
	}{
		{200, "ganui: evaluating the untrained generator on 100,000 samples for the final line… only ctrl+c skips the wait"},
		{101, "ganui: final line: evaluating the untrained generator on 100,000 samples… only ctrl+c skips the wait"},
		{80, "ganui: final line: evaluating 100,000 samples… only ctrl+c skips the wait"},
		{70, "ganui: evaluating for the final line… only ctrl+c skips the wait"},
		{60, "ganui: final line… only ctrl+c skips the wait"},
	} {
		if got := waitLine(final, c.width); got != c.want {
			t.Errorf("at %d columns the wait reads %q, want %q", c.width, got, c.want)
		}
	}
	var stderr strings.Builder
	if lineWidth(&stderr) != 80 {
		t.Errorf("a stderr that is no terminal is given %d columns, want 80", lineWidth(&stderr))
	}
}

// TestAgainAfterCIsTheCommandCShowed: the again: line printed at quit is
// the command c's note showed, the file c wrote with the seed, where it
// had been the preset with --set flags that never name that file: one
// run, one command. The file's note says the again: command runs it.
func TestAgainAfterCIsTheCommandCShowed(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.New(session.Options{Config: cfg, Preset: "vanilla", Seed: 1, Samples: 200, Paused: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	s.Send(session.Adjust{Setting: session.DLR, Dir: +1})
	s.Send(session.Share{})
	var shown string
	for snap := range s.Snapshots() {
		if _, cmd, ok := strings.Cut(snap.Note, session.CommandBreak); ok && strings.HasPrefix(snap.Note, "wrote ") {
			shown = cmd
			break
		}
	}
	s.Stop()
	var stdout, stderr strings.Builder
	if err := quitLines(s, &stdout, &stderr, &signalStop{C: make(chan struct{})}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(shown, "--preset ") || !strings.HasSuffix(shown, ".json --samples 200 --seed 1") {
		t.Fatalf("c's command %q; want it to train the file c wrote", shown)
	}
	if !strings.Contains(stdout.String(), "\nagain: "+shown+"\n") {
		t.Errorf("the terminal reads\n%s\nwant its again: line to be c's command, %s", stdout.String(), shown)
	}
}
