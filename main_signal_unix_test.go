//go:build unix

// The tests here send this test process a signal, as a user's ctrl+c,
// kill or closed terminal would; only Unix has the signals to send.

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/stopsignal"
	"github.com/ganui/ganui/session"
	"github.com/ganui/ganui/tui"
)

// TestSeedsStopOnSignal: --seeds stops on a signal: stopped mid-batch, the runs
// in flight end with state=interrupted, the summary covers what finished, and
// the error is ErrInterrupted (exit 130).
func TestSeedsStopOnSignal(t *testing.T) {
	leakcheck.Check(t)
	code := make(chan int, 1)
	out, stderr := newSignalAfterFirstLine()
	go func() {
		code <- run([]string{"--headless", "--preset", "vanilla", "--seeds", "1-4", "--jobs", "1", "--epochs", "2000"}, out, stderr)
	}()
	if c := runEnds(t, code, "--seeds after SIGINT"); c != exitSignal {
		t.Fatalf("exit %d, want %d; output:\n%s", c, exitSignal, out.String())
	}
	// Seed 1 finished; seed 2 had started (and was interrupted) or not,
	// as the signal found it; no later seed ran.
	text := out.String()
	if !strings.HasPrefix(text, "final preset=vanilla seed=1 epochs=2000 state=done") ||
		!strings.Contains(text, "\nsummary preset=vanilla target=normal(4,1.25) seeds=1-4 runs=1 diverged=0 unfinished=3 jobs=1 ") ||
		strings.Contains(text, "seed=3") || strings.Contains(text, "seed=2") && !strings.Contains(text, "seed=2 epochs=") {
		t.Fatalf("output after SIGINT:\n%s", text)
	}
	if strings.Contains(text, "seed=2") && !strings.Contains(text, "state=interrupted") {
		t.Fatalf("seed 2 ran on after SIGINT:\n%s", text)
	}
	// --seeds saves nothing: what a second signal loses is the summary. The
	// batch ends naming the seeds it left unfinished.
	left := "ganui: seeds 2-4 unfinished: not started; ganui --headless --preset vanilla --seeds 2-4 --jobs 1 --epochs 2000 trains them\n"
	if strings.Contains(text, "seed=2") {
		left = "ganui: seeds 2-4 unfinished: 2 interrupted, 3-4 not started; ganui --headless --preset vanilla --seeds 2-4 --jobs 1 --epochs 2000 trains them\n"
	}
	if want := "ganui: SIGINT: stopping after the current epoch; SIGINT again quits at once, without the summary\n" + left; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}

// runEnds is the exit code of a run started on a goroutine of its own,
// sent to code, however long the run takes: a batch of 2,000 epochs
// trains for minutes under the race detector on a loaded machine, where
// a 3-minute guard failed the test while the run went on, into the next
// test's signals. A run that hangs is go test's -timeout's to end, with
// every goroutine's stack; meanwhile the test's log says, every
// hangGuard, what it waits for.
func runEnds(t *testing.T, code <-chan int, what string) int {
	t.Helper()
	began := time.Now()
	tick := time.NewTicker(hangGuard)
	defer tick.Stop()
	for {
		select {
		case c := <-code:
			return c
		case <-tick.C:
			t.Logf("waiting on the end of %s, %v on", what, time.Since(began).Round(time.Second))
		}
	}
}

// TestStoppedSeedsNameTheSeedsLeft: a stopped --seeds batch ends saying which
// seeds it left unfinished, those interrupted and those never started, and the
// whole command that trains them, the flags as given with the --seeds of
// those seeds in place of the batch's and no --plot, which the line says
// it left out and why, where the summary's unfinished=4 counted them and no
// line named the seeds that never started; the line gave the --seeds alone,
// "--seeds 7-10 trains them", which no shell runs.
func TestStoppedSeedsNameTheSeedsLeft(t *testing.T) {
	given := flagsAsGiven(t, "--headless", "-preset=vanilla", "--set", "g_lr=1e-3", "--set", "g_hidden=[16,16]", "--seeds", "1,4,7-10", "--plot", "s.png", "--epochs=2000", "--jobs", "2")
	const cmd = "ganui --headless -preset=vanilla --set g_lr=1e-3 --set 'g_hidden=[16,16]' --seeds %s --epochs=2000 --jobs 2"
	const kept = " (--plot left out: s.png keeps this batch's figure)"
	runs := func(states ...session.State) []session.Result {
		var rs []session.Result
		for i, st := range states {
			rs = append(rs, session.Result{Seed: []uint64{1, 4, 7, 8}[i], State: st})
		}
		return rs
	}
	seeds := []uint64{1, 4, 7, 8, 9, 10}
	for _, tc := range []struct {
		runs []session.Result
		want string
	}{
		{runs(session.Done, session.Diverged, session.Interrupted, session.Interrupted),
			"ganui: seeds 7-10 unfinished: 7-8 interrupted, 9-10 not started; " + fmt.Sprintf(cmd, "7-10") + " trains them" + kept},
		{runs(session.Done, session.Done),
			"ganui: seeds 7-10 unfinished: not started; " + fmt.Sprintf(cmd, "7-10") + " trains them" + kept},
		{runs(session.Done, session.Interrupted, session.Done, session.Interrupted),
			"ganui: seeds 4,8-10 unfinished: 4,8 interrupted, 9-10 not started; " + fmt.Sprintf(cmd, "4,8-10") + " trains them" + kept},
	} {
		if got := unfinishedSeeds(session.BatchResult{Seeds: seeds, Runs: tc.runs}, given); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
	// A seed that finished but whose final line the output lost (a full
	// disk) is on no line either: named, and trained again.
	for _, tc := range []struct {
		runs []session.Result
		lost []uint64
		want string
	}{
		{runs(session.Done, session.Diverged, session.Interrupted, session.Interrupted), []uint64{4},
			"ganui: seeds 4,7-10 left: 4 finished but not printed, 7-8 interrupted, 9-10 not started; " + fmt.Sprintf(cmd, "4,7-10") + " trains them" + kept},
		{runs(session.Done, session.Done), []uint64{1, 4},
			"ganui: seeds 1,4,7-10 left: 1,4 finished but not printed, 7-10 not started; " + fmt.Sprintf(cmd, "1,4,7-10") + " trains them" + kept},
		{append(runs(session.Done, session.Done, session.Done, session.Done), session.Result{Seed: 9, State: session.Done}, session.Result{Seed: 10, State: session.Done}), []uint64{10},
			"ganui: seed 10 left: finished but not printed; " + fmt.Sprintf(cmd, "10") + " trains it" + kept},
	} {
		if got := unfinishedSeeds(session.BatchResult{Seeds: seeds, Runs: tc.runs, Lost: tc.lost}, given); got != tc.want {
			t.Errorf("lines of %v lost:\ngot  %q\nwant %q", tc.lost, got, tc.want)
		}
	}
	one := session.BatchResult{Seeds: []uint64{1, 2}, Runs: []session.Result{{Seed: 1, State: session.Done}, {Seed: 2, State: session.Interrupted}}}
	if got, want := unfinishedSeeds(one, flagsAsGiven(t, "--seeds=1-2", "--headless")), "ganui: seed 2 unfinished: interrupted; ganui --seeds 2 --headless trains it"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestStoppedRunSaysHowToGoOn: a headless run a signal stopped, its --save
// written, ends naming the command that trains it on from the checkpoint:
// the flags as given, but those the checkpoint holds (the design, the
// seed, the sample size, the plan) and a --resume of its own, which the
// checkpoint takes the place of; --log, --save and --plot go on. It ended
// at the stop's note, and the user had to work out the --resume.
func TestStoppedRunSaysHowToGoOn(t *testing.T) {
	for _, c := range []struct {
		path string
		args []string
		want string
	}{
		{"my run.ckpt", []string{"--headless", "-preset=vanilla", "--set", "g_lr=1e-3", "--set", "g_hidden=[16,16]", "--epochs=2000", "--seed", "3", "--samples", "1000", "--every", "100", "--log", "my run.csv", "--save", "my run.ckpt", "--plot", "run.png"},
			"ganui: 'my run.ckpt' holds the run at epoch 1,234 of its 2,000; ganui --headless --resume 'my run.ckpt' --every 100 --log 'my run.csv' --save 'my run.ckpt' --plot run.png trains the rest"},
		{"b.ckpt", []string{"--resume", "a.ckpt", "--headless", "--epochs", "2000", "--save=b.ckpt"},
			"ganui: b.ckpt holds the run at epoch 1,234 of its 2,000; ganui --headless --resume b.ckpt --save=b.ckpt trains the rest"},
	} {
		if got := resumeLine(1234, 2000, c.path, flagsAsGiven(t, c.args...)); got != c.want {
			t.Errorf("%q:\ngot  %q\nwant %q", c.args, got, c.want)
		}
	}
}

// TestStoppedRunLeftWholeSaysHowToGoOnOnceMoved: a headless run stopped
// short of its plan whose --save checkpoint its directory, made read-only
// under the run, left whole in its hidden temporary file ends, after the
// error that gives the command moving it, with the command that trains
// it on once moved, "once moved: …": of the path given, where the
// directory refused it its place; of the kept name the command moves it
// to, --save too, where a directory took the path and no name beside it
// could be had. Kept beside a directory made at its path, its line is
// that of a stop whose --save was written, of the kept file, --save too.
// It ended at the error, and the user, having moved it, had to make the
// --resume command up; kept beside, the user had to make it up too.
func TestStoppedRunLeftWholeSaysHowToGoOnOnceMoved(t *testing.T) {
	given := flagsAsGiven(t, "--headless", "--preset", "vanilla", "--epochs", "2000", "--every", "100", "--save", "out/run.ckpt", "--plot", "out/run.png")
	refused := &outputfile.DirError{Path: "out/run.ckpt", Target: "out/run.ckpt", Dir: "out", Why: "takes no new files (renaming one into place there: permission denied)", Err: syscall.EACCES}
	unplaced := &outputfile.UnplacedError{Path: "out/run.ckpt", Temp: "out/.run.ckpt.tmp-0123abcd", Mode: 0o600, Err: refused}
	kept := &outputfile.KeptError{Path: "out/run.ckpt", What: "a directory", Kept: "out/.run.ckpt.tmp-0123abcd", Unkept: syscall.EACCES, To: "out/run.kept.ckpt", Mode: 0o600}
	figure := &outputfile.UnplacedError{Path: "out/run.png", Temp: "out/.run.png.tmp-4567cdef", Mode: 0o644, Err: refused}
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"its place refused", session.WithOutput(nil, "--save", unplaced),
			"once moved: out/run.ckpt holds the run at epoch 1,234 of its 2,000; ganui --headless --resume out/run.ckpt --every 100 --save out/run.ckpt --plot out/run.png trains the rest"},
		{"no name beside what took it", session.WithOutput(nil, "--save", kept),
			"once moved: out/run.kept.ckpt holds the run at epoch 1,234 of its 2,000; ganui --headless --resume out/run.kept.ckpt --every 100 --save out/run.kept.ckpt --plot out/run.png trains the rest"},
		{"the figure alone", session.WithOutput(nil, "--plot", figure), ""},
		{"kept beside it", session.WithOutput(nil, "--save", &outputfile.KeptError{Path: "out/run.ckpt", What: "a directory", Kept: "out/run.kept.ckpt"}),
			"out/run.kept.ckpt holds the run at epoch 1,234 of its 2,000; ganui --headless --resume out/run.kept.ckpt --every 100 --save out/run.kept.ckpt --plot out/run.png trains the rest"},
		{"not written", session.WithOutput(nil, "--save", syscall.ENOSPC), ""},
	} {
		if got := movedResumeLine(c.err, 1234, 2000, "out/run.ckpt", given); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
	// A --log another file took the path of, its rows kept beside it: the
	// --resume goes on in the kept file, with the checkpoint as written,
	// or as kept beside what took its path. The run ended at the error.
	given = flagsAsGiven(t, "--headless", "--preset", "vanilla", "--epochs", "2000", "--log=r.csv", "--save", "r.ckpt")
	logKept := &session.LogKeptError{Kept: "r.kept.csv", Err: errors.New("r.csv was replaced by another file while the run wrote it, …")}
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"the log kept beside another file", session.WithOutput(nil, "--log", logKept),
			"r.ckpt holds the run at epoch 1,234 of its 2,000; ganui --headless --resume r.ckpt --log r.kept.csv --save r.ckpt trains the rest"},
		{"both kept beside", session.WithOutput(session.WithOutput(nil, "--log", logKept), "--save", &outputfile.KeptError{Path: "r.ckpt", What: "a directory", Kept: "r.kept.ckpt"}),
			"r.kept.ckpt holds the run at epoch 1,234 of its 2,000; ganui --headless --resume r.kept.ckpt --log r.kept.csv --save r.kept.ckpt trains the rest"},
		{"the log kept, the checkpoint not written", session.WithOutput(session.WithOutput(nil, "--log", logKept), "--save", syscall.ENOSPC), ""},
	} {
		if got := movedResumeLine(c.err, 1234, 2000, "r.ckpt", given); got != c.want {
			t.Errorf("%s:\ngot  %q\nwant %q", c.name, got, c.want)
		}
	}
	// Said after the error, on a line of its own, however wrapped (a
	// --plot room's file left emptied).
	err := &outputfile.LeftError{Temp: "out/.x.tmp-1", Why: syscall.EACCES, Err: &lineAfter{session.WithOutput(nil, "--save", unplaced), "once moved: …"}}
	if lines := errorLines(err); len(lines) != 2 || lines[0] != err.Error() || lines[1] != "once moved: …" {
		t.Errorf("the lines of a run's error with a line after it: %q", lines)
	}
}

// TestStoppedSweepNamesTheCellsLeft: a stopped --sweep ends saying which
// cells it left unfinished, those interrupted and those never started, each
// key=value,key=value, and the commands that train exactly them, one grid
// each, the flags as given with the --sweep flags of the grid in place of
// the sweep's: where the summary's unfinished= counted runs and no line
// named the cells that never started. Many cells are counted, not named.
func TestStoppedSweepNamesTheCellsLeft(t *testing.T) {
	given := flagsAsGiven(t, "--headless", "--preset", "vanilla", "--epochs", "300", "--sweep", "d_lr=1e-4,1e-3,1e-2", "--sweep", "g_lr=1e-4,1e-3,1e-2", "--seeds", "1-2")
	cmd := func(sweep string) string {
		return "ganui --headless --preset vanilla --epochs 300 " + sweep + " --seeds 1-2"
	}
	two := []session.SweepAxis{{Key: "d_lr", Values: []string{"1e-4", "1e-3", "1e-2"}}, {Key: "g_lr", Values: []string{"1e-4", "1e-3", "1e-2"}}}
	cell := func(started bool, values ...string) session.UnfinishedCell {
		return session.UnfinishedCell{Values: values, Started: started}
	}
	for _, tc := range []struct {
		axes  []session.SweepAxis
		cells int
		left  []session.UnfinishedCell
		want  string
	}{
		{two, 9, []session.UnfinishedCell{cell(true, "1e-3", "1e-3"), cell(true, "1e-3", "1e-2"), cell(false, "1e-2", "1e-4"), cell(false, "1e-2", "1e-3"), cell(false, "1e-2", "1e-2")},
			"ganui: 5 of 9 cells unfinished: d_lr=1e-3,g_lr=1e-3 d_lr=1e-3,g_lr=1e-2 interrupted, d_lr=1e-2,g_lr=1e-4 d_lr=1e-2,g_lr=1e-3 d_lr=1e-2,g_lr=1e-2 not started; " +
				cmd("--sweep d_lr=1e-3 --sweep g_lr=1e-3,1e-2") + " and " + cmd("--sweep d_lr=1e-2 --sweep g_lr=1e-4,1e-3,1e-2") + " train them"},
		{two, 9, []session.UnfinishedCell{cell(false, "1e-3", "1e-4"), cell(false, "1e-3", "1e-3"), cell(false, "1e-3", "1e-2"), cell(false, "1e-2", "1e-4"), cell(false, "1e-2", "1e-3"), cell(false, "1e-2", "1e-2")},
			"ganui: 6 of 9 cells unfinished: d_lr=1e-3,g_lr=1e-4 d_lr=1e-3,g_lr=1e-3 d_lr=1e-3,g_lr=1e-2 d_lr=1e-2,g_lr=1e-4 d_lr=1e-2,g_lr=1e-3 d_lr=1e-2,g_lr=1e-2 not started; " +
				cmd("--sweep d_lr=1e-3,1e-2 --sweep g_lr=1e-4,1e-3,1e-2") + " trains them"},
		{two[1:], 3, []session.UnfinishedCell{cell(true, "1e-2")},
			"ganui: 1 of 3 cells unfinished: g_lr=1e-2 interrupted; " + cmd("--sweep g_lr=1e-2") + " trains it"},
		{[]session.SweepAxis{{Key: "g_hidden", Values: []string{"[16,16]", "[32]"}}}, 2, []session.UnfinishedCell{cell(true, "[16,16]"), cell(false, "[32]")},
			"ganui: 2 of 2 cells unfinished: g_hidden=[16,16] interrupted, g_hidden=[32] not started; " + cmd("--sweep 'g_hidden=[16,16],[32]'") + " trains them"},
		// a value as the rows write it: preset="my run.json" one name, not two
		{[]session.SweepAxis{{Key: "preset", Values: []string{"ring", "my run.json"}}}, 2, []session.UnfinishedCell{cell(true, "ring"), cell(false, "my run.json")},
			`ganui: 2 of 2 cells unfinished: preset=ring interrupted, preset="my run.json" not started; ` + cmd("--sweep 'preset=ring,my run.json'") + " trains them"},
	} {
		res := session.SweepResult{Axes: tc.axes, Unfinished: tc.left}
		if got := unfinishedCells(res, tc.cells, given); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
	var values []string
	var left []session.UnfinishedCell
	for i := range 40 {
		values = append(values, fmt.Sprintf("%de-4", i+1))
		left = append(left, cell(i < 2, values[i]))
	}
	res := session.SweepResult{Axes: []session.SweepAxis{{Key: "g_lr", Values: values}}, Unfinished: left[10:]}
	want := "ganui: 30 of 40 cells unfinished: 30 not started; " + cmd("--sweep g_lr="+strings.Join(values[10:], ",")) + " trains them"
	if got := unfinishedCells(res, 40, given); got != want {
		t.Errorf("many cells:\ngot  %q\nwant %q", got, want)
	}
	// Three commands and more each on a line of their own, copied as a line,
	// where "A and B and C train them" ran them into one; --plot's note ends
	// the sentence above them.
	// (Cells that ran on --jobs out of their order leave three grids of two
	// keys.)
	res = session.SweepResult{Axes: two, Unfinished: []session.UnfinishedCell{cell(true, "1e-4", "1e-2"), cell(false, "1e-3", "1e-3"), cell(false, "1e-3", "1e-2"),
		cell(false, "1e-2", "1e-4"), cell(false, "1e-2", "1e-3"), cell(false, "1e-2", "1e-2")}}
	swept := flagsAsGiven(t, "--headless", "--sweep", "d_lr=1e-4,1e-3,1e-2", "--sweep", "g_lr=1e-4,1e-3,1e-2", "--jobs", "2", "--plot", "s.png")
	want = "ganui: 6 of 9 cells unfinished: d_lr=1e-4,g_lr=1e-2 interrupted, d_lr=1e-3,g_lr=1e-3 d_lr=1e-3,g_lr=1e-2 d_lr=1e-2,g_lr=1e-4 d_lr=1e-2,g_lr=1e-3 d_lr=1e-2,g_lr=1e-2 not started; these 3 commands train them (--plot left out: s.png keeps this sweep's figure):\n" +
		"  ganui --headless --sweep d_lr=1e-4 --sweep g_lr=1e-2 --jobs 2\n" +
		"  ganui --headless --sweep d_lr=1e-3 --sweep g_lr=1e-3,1e-2 --jobs 2\n" +
		"  ganui --headless --sweep d_lr=1e-2 --sweep g_lr=1e-4,1e-3,1e-2 --jobs 2"
	if got := unfinishedCells(res, 9, swept); got != want {
		t.Errorf("three commands:\ngot  %q\nwant %q", got, want)
	}
	// A cell whose runs finished but whose row the output lost is named
	// and trained again with those a stop left.
	res = session.SweepResult{Axes: two[1:], Unfinished: []session.UnfinishedCell{{Values: []string{"1e-4"}, Started: true, Lost: true}, cell(true, "1e-3"), cell(false, "1e-2")}}
	want = "ganui: 3 of 3 cells left: g_lr=1e-4 finished but not printed, g_lr=1e-3 interrupted, g_lr=1e-2 not started; " + cmd("--sweep g_lr=1e-4,1e-3,1e-2") + " trains them"
	if got := unfinishedCells(res, 3, given); got != want {
		t.Errorf("a row lost:\ngot  %q\nwant %q", got, want)
	}
	// With --plot, which the command leaves out, the line says why: its
	// file, as the shell takes it, keeps the sweep's figure.
	plotted := flagsAsGiven(t, "--headless", "--sweep", "g_lr=1e-4,1e-3", "--plot=heat map.png")
	res = session.SweepResult{Axes: two[1:2], Unfinished: []session.UnfinishedCell{cell(false, "1e-3")}}
	want = "ganui: 1 of 2 cells unfinished: g_lr=1e-3 not started; ganui --headless --sweep g_lr=1e-3 trains it (--plot left out: 'heat map.png' keeps this sweep's figure)"
	if got := unfinishedCells(res, 2, plotted); got != want {
		t.Errorf("with --plot:\ngot  %q\nwant %q", got, want)
	}
}

// TestSweepStopsOnSignal: a sweep stops on SIGINT like --seeds: the row
// of the cell that finished, the summary, the heat map of what ran, a
// last line naming the cells left and the --sweep flags that train them,
// and exit 130.
func TestSweepStopsOnSignal(t *testing.T) {
	leakcheck.Check(t)
	path := filepath.Join(t.TempDir(), "sweep.png")
	code := make(chan int, 1)
	out, stderr := newSignalAfterFirstLine()
	go func() {
		code <- run([]string{"--headless", "--preset", "vanilla", "--sweep", "d_lr=1e-3,2e-3", "--sweep", "g_lr=1e-3,2e-3",
			"--seeds", "1", "--jobs", "1", "--epochs", "2000", "--plot", path}, out, stderr)
	}()
	if c := runEnds(t, code, "--sweep after SIGINT"); c != exitSignal {
		t.Fatalf("exit %d, want %d; output:\n%s", c, exitSignal, out.String())
	}
	text := out.String()
	if !strings.HasPrefix(text, "sweep d_lr=1e-3 g_lr=1e-3 runs=1 diverged=0 ") ||
		!strings.Contains(text, "\nsummary preset=vanilla target=normal(4,1.25) sweep=d_lr×g_lr cells=4 seeds=1 runs=1 diverged=0 unfinished=3 ks_floor=0.014 w1_floor=0.016 jobs=1 ") {
		t.Fatalf("output after SIGINT:\n%s", text)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no heat map after SIGINT: %v", err)
	}
	// The second cell's run was in flight, or about to start, as the
	// signal came: interrupted, or never started.
	again := func(sweep string) string {
		return "ganui --headless --preset vanilla " + sweep + " --seeds 1 --jobs 1 --epochs 2000"
	}
	both := again("--sweep d_lr=1e-3 --sweep g_lr=2e-3") + " and " + again("--sweep d_lr=2e-3 --sweep g_lr=1e-3,2e-3") + " train them (--plot left out: " + path + " keeps this sweep's figure)\n"
	left := "ganui: 3 of 4 cells unfinished: d_lr=1e-3,g_lr=2e-3 interrupted, d_lr=2e-3,g_lr=1e-3 d_lr=2e-3,g_lr=2e-3 not started; " + both
	if !strings.Contains(stderr.String(), " interrupted") {
		left = "ganui: 3 of 4 cells unfinished: d_lr=1e-3,g_lr=2e-3 d_lr=2e-3,g_lr=1e-3 d_lr=2e-3,g_lr=2e-3 not started; " + both
	}
	plan := "ganui: sweep of 4 cells × seed 1: d_lr=1e-3 d_lr=2e-3 × g_lr=1e-3 g_lr=2e-3\n" // before it trained
	if want := plan + "ganui: SIGINT: stopping after the current epoch; SIGINT again quits at once, without the summary or the --plot heat map\n" + left; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}

// signalAfterFirstLine sends the process SIGINT once anything is written, the
// first final line of a --seeds batch, and returns from that write only when
// the program says on stderr that it is stopping: the runs then in flight are
// the ones the signal stops, however long the signal takes to arrive on a busy
// machine. A run in flight has 2,000 epochs to train, far longer than that wait
// (with 500, a loaded machine can let the second seed finish first, 1 run in a
// few).
type signalAfterFirstLine struct {
	strings.Builder
	sent     bool
	stopping chan struct{}
}

// stopNote closes stopping at the program's first line on stderr. It
// stands for os.Stderr, whose writes are safe from any goroutine (an
// os.File's lock), and takes them one at a time: the run's goroutine
// writes to it before the signal (a sweep's plan line, a batch's slow
// note) and notifyStop's after it, ordered by the signal alone, which
// the race detector does not see. A bare strings.Builder there was a data
// race whenever nothing else happened to order the two writes (fmt's
// pool of printers mostly did); TestStopNoteTakesWritesFromAnyGoroutine
// checks the lock.
type stopNote struct {
	mu       sync.Mutex
	b        strings.Builder
	once     sync.Once
	stopping chan struct{}
}

func newSignalAfterFirstLine() (*signalAfterFirstLine, *stopNote) {
	stopping := make(chan struct{})
	return &signalAfterFirstLine{stopping: stopping}, &stopNote{stopping: stopping}
}

func (w *signalAfterFirstLine) Write(p []byte) (int, error) {
	if !w.sent {
		w.sent = true
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		select {
		case <-w.stopping:
		case <-time.After(time.Minute): // a hang guard: the test fails on what follows
		}
	}
	return w.Builder.Write(p)
}

func (w *stopNote) Write(p []byte) (int, error) {
	w.mu.Lock()
	n, err := w.b.Write(p)
	w.mu.Unlock()
	if bytes.Contains(p, []byte("stopping after the current epoch")) {
		w.once.Do(func() { close(w.stopping) })
	}
	return n, err
}

func (w *stopNote) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestStopNoteTakesWritesFromAnyGoroutine: the signal tests' stderr takes
// writes from goroutines that nothing else orders, as notifyStop's
// signal line comes beside the run's own lines; under -race a writer
// that does not take them in turn fails here, not now and then in a
// signal test.
func TestStopNoteTakesWritesFromAnyGoroutine(t *testing.T) {
	_, stderr := newSignalAfterFirstLine()
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { io.WriteString(stderr, "ganui: a line\n") }) // no fmt: its pool of printers would order the two
	}
	wg.Wait()
	if got := stderr.String(); got != "ganui: a line\nganui: a line\n" {
		t.Errorf("stderr %q, want two lines", got)
	}
}

// lineChan is a writer that passes each write on as a line, for reading
// what another goroutine writes without sharing a buffer.
type lineChan chan string

func (c lineChan) Write(p []byte) (int, error) {
	c <- string(p)
	return len(p), nil
}

// exitTo is notifyStop's quit for a test: it writes the line, as
// quitAtOnce does, and sends the code it would exit with to exited.
func exitTo(exited chan<- int) func(io.Writer, string) {
	return func(w io.Writer, line string) {
		fmt.Fprintln(w, line)
		exited <- exitSignal
	}
}

// TestQuitAtOnceNamesWhatItLeft: a quit at once whose --save room its
// directory, made read-only under the run, would not let be removed
// names that file last in its line, in LeftError's words, emptied
// (outputfile.Abandon), so that the user can remove it: else the line
// said the quit alone, and the hidden file stayed there, named by nothing.
func TestQuitAtOnceNamesWhatItLeft(t *testing.T) {
	left := []*outputfile.LeftError{{Temp: "x/.r.ckpt.tmp-8723ca36", Why: syscall.EACCES}}
	got := atOnceLine("ganui: SIGQUIT: quitting at once, without the final line or the --save checkpoint", left)
	want := "ganui: SIGQUIT: quitting at once, without the final line or the --save checkpoint; its hidden temporary file x/.r.ckpt.tmp-8723ca36 is left there, emptied (removing it: permission denied): remove it once you can"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := atOnceLine("ganui: SIGINT again: quitting at once", nil); got != "ganui: SIGINT again: quitting at once" {
		t.Errorf("nothing left: %q", got)
	}
}

// TestSecondSignalQuitsAtOnce (an epoch of a wide design takes many
// seconds): the first SIGINT stops the run after its epoch and says how
// to quit at once, and what that loses; a second exits 130 then, without
// waiting.
func TestSecondSignalQuitsAtOnce(t *testing.T) {
	leakcheck.Check(t)
	signalsApart(t)
	msgs, exited := make(lineChan, 2), make(chan int, 1)
	ctx, stop := notifyStop(msgs, "the final line", exitTo(exited))
	defer stop()
	wait := func(what string, ch <-chan string) string {
		select {
		case s := <-ch:
			return s
		case <-time.After(time.Minute):
			t.Fatalf("no %s", what)
		}
		return ""
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	if m := wait("message after the first SIGINT", msgs); m != "ganui: SIGINT: stopping after the current epoch; SIGINT again quits at once, without the final line\n" {
		t.Fatalf("first SIGINT: %q", m)
	}
	select {
	case <-ctx.Done():
	case <-time.After(time.Minute):
		t.Fatal("the first SIGINT did not stop the run")
	}
	select {
	case code := <-exited:
		t.Fatalf("exited %d on the first SIGINT", code)
	default:
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	if m := wait("message after the second SIGINT", msgs); m != "ganui: SIGINT again: quitting at once\n" {
		t.Fatalf("second SIGINT: %q", m)
	}
	select {
	case code := <-exited:
		if code != exitSignal {
			t.Fatalf("exit %d, want %d", code, exitSignal)
		}
	case <-time.After(time.Minute):
		t.Fatal("the second SIGINT did not exit")
	}
}

// signalsApart sets notifyStop's clock (stopsignal.Clock) to one that puts
// each signal stopsignal.Grace after the one before, for the length of the
// test: a second signal the test sends as soon as it has read the first's
// line is the deliberate second a person sends, not the first sent again.
func signalsApart(t *testing.T) {
	var mu sync.Mutex
	now := time.Unix(0, 0)
	stopsignal.Clock = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(stopsignal.Grace)
		return now
	}
	t.Cleanup(func() { stopsignal.Clock = time.Now })
}

// TestTheSameSignalAtOnceIsOneStop: the first signal sent again within
// stopsignal.Grace, as coreutils timeout sends its SIGTERM to ganui and
// then to its process group, microseconds apart, is the first, the run
// stopping after its epoch and writing its --save, where it was "SIGTERM
// again: quitting at once", no checkpoint written; a second past the
// grace still quits at once. The clock is the test's: the second
// signal's moment is asked of it, and the third is put past the grace.
func TestTheSameSignalAtOnceIsOneStop(t *testing.T) {
	leakcheck.Check(t)
	var mu sync.Mutex
	now, asked := time.Unix(0, 0), make(chan struct{}, 4)
	stopsignal.Clock = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		select {
		case asked <- struct{}{}:
		default:
		}
		return now
	}
	defer func() { stopsignal.Clock = time.Now }()
	msgs, exited := make(lineChan, 2), make(chan int, 1)
	ctx, stop := notifyStop(msgs, "the final line or the --save checkpoint", exitTo(exited))
	defer stop()
	wait := func(what string, ch <-chan string) string {
		select {
		case s := <-ch:
			return s
		case <-time.After(time.Minute):
			t.Fatalf("no %s", what)
		}
		return ""
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	if m := wait("message after the first SIGTERM", msgs); !strings.HasPrefix(m, "ganui: SIGTERM: stopping after the current epoch;") {
		t.Fatalf("first SIGTERM: %q", m)
	}
	<-ctx.Done()
	<-asked // the first's moment
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case <-asked: // the second's, within the grace: taken as the first
	case m := <-msgs:
		t.Fatalf("the same SIGTERM at once after the first: %q, want it taken as the first", m)
	case <-time.After(time.Minute):
		t.Fatal("the second SIGTERM was not taken")
	}
	mu.Lock()
	now = now.Add(stopsignal.Grace)
	mu.Unlock()
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	if m := wait("message after a SIGTERM past the grace", msgs); m != "ganui: SIGTERM again: quitting at once\n" {
		t.Fatalf("SIGTERM past the grace: %q", m)
	}
	if code := <-exited; code != exitSignal {
		t.Errorf("exit %d, want %d", code, exitSignal)
	}
}

// TestTwoSIGTERMsAtOnceSaveTheRun: a headless run sent SIGTERM twice back
// to back, as `timeout 2 ganui --headless … --save run.ckpt` sends it,
// stops after its epoch, its checkpoint written, exit 130, where one such
// run in four quit at once, "SIGTERM again: quitting at once", and wrote
// no checkpoint. The two often reach the child as one, the kernel holding
// the first still: eight runs, so that the test tells.
func TestTwoSIGTERMsAtOnceSaveTheRun(t *testing.T) {
	for try := range 8 {
		ckpt := filepath.Join(t.TempDir(), "run.ckpt")
		cmd, lines, stderr := startChild(t, "--headless", "--epochs", "1e9", "--every", "20", "--samples", "100", "--save", ckpt)
		if !lines.Scan() || !strings.HasPrefix(lines.Text(), "epoch=") {
			t.Fatalf("run %d: child printed %q before training", try+1, lines.Text())
		}
		syscall.Kill(cmd.Process.Pid, syscall.SIGTERM)
		syscall.Kill(cmd.Process.Pid, syscall.SIGTERM)
		for lines.Scan() {
		}
		cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != exitSignal {
			t.Fatalf("run %d: exit %d, want %d; stderr:\n%s", try+1, code, exitSignal, stderr)
		}
		if strings.Contains(stderr.String(), "again: quitting at once") {
			t.Fatalf("run %d: stderr:\n%s", try+1, stderr)
		}
		if _, err := session.LoadCheckpoint(ckpt); err != nil {
			t.Fatalf("run %d: the --save checkpoint: %v", try+1, err)
		}
	}
}

// TestStopNoteBeforeTheStop: the note that a signal stops the run is
// written before the run is told to stop, so that it comes before
// whatever the run writes as it stops (a --save that failed, on the same
// stderr): written after, from the watch's goroutine, it raced with those
// lines.
func TestStopNoteBeforeTheStop(t *testing.T) {
	leakcheck.Check(t)
	ctxs, stoppedFirst := make(chan context.Context, 1), make(chan bool, 1)
	note := writerFunc(func(p []byte) (int, error) {
		stoppedFirst <- (<-ctxs).Err() != nil
		return len(p), nil
	})
	ctx, stop := notifyStop(note, "the final line", func(io.Writer, string) {})
	defer stop()
	ctxs <- ctx
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case stopped := <-stoppedFirst:
		if stopped {
			t.Fatal("the run was told to stop before the note was written")
		}
	case <-time.After(time.Minute):
		t.Fatal("no note after SIGINT")
	}
}

// writerFunc is a function as an io.Writer.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// TestHangupStopsTheRun: SIGHUP, a closed terminal or a dropped ssh connection,
// stops a headless run as SIGINT does, everything saved, not killing the
// process with its log cut mid-row and no checkpoint.
func TestHangupStopsTheRun(t *testing.T) {
	msgs, exited := make(lineChan, 2), make(chan int, 1)
	ctx, stop := notifyStop(msgs, "the final line", exitTo(exited))
	defer stop()
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	select {
	case m := <-msgs:
		if !strings.HasPrefix(m, "ganui: SIGHUP: stopping after the current epoch; SIGHUP again quits at once") {
			t.Fatalf("SIGHUP: %q", m)
		}
	case <-time.After(time.Minute):
		t.Fatal("no message after SIGHUP")
	}
	select { // the message is said before the run is told to stop (notifyStop)
	case <-ctx.Done():
	case <-time.After(time.Minute):
		t.Fatal("SIGHUP did not stop the run")
	}
}

// TestStopNamesTheSignal: the lines a stop and a second signal print name the
// signals that came, SIGTERM a kill's, not a keyboard's interrupt, and the
// first says what quitting at once loses, for the mode (runLoses), not
// "interrupt again to quit at once, without saving" after any signal, and to a
// --seeds batch, which saves nothing.
func TestStopNamesTheSignal(t *testing.T) {
	leakcheck.Check(t)
	msgs, exited := make(lineChan, 2), make(chan int, 1)
	loses := runLoses(session.Options{SavePath: "run.ckpt"})
	_, stop := notifyStop(msgs, loses, exitTo(exited))
	defer stop()
	for _, c := range []struct {
		sig  syscall.Signal
		want string
	}{
		{syscall.SIGTERM, "ganui: SIGTERM: stopping after the current epoch; SIGTERM again quits at once, without the final line or the --save checkpoint\n"},
		{syscall.SIGINT, "ganui: SIGINT: quitting at once\n"}, // another signal than the first is not "again"
	} {
		syscall.Kill(os.Getpid(), c.sig)
		select {
		case m := <-msgs:
			if m != c.want {
				t.Errorf("after %v: %q, want %q", c.sig, m, c.want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("no message after %v", c.sig)
		}
	}
	if code := <-exited; code != exitSignal {
		t.Errorf("exit %d, want %d", code, exitSignal)
	}
}

// TestQuitSignalQuitsAtOnce: SIGQUIT (Ctrl+\\) quits at once, as a second
// signal does, saying what it loses, and exits 130, not Go's default, a dump of
// every goroutine and exit 2, the code of bad usage, leaving the --save's
// reserved room, a hidden file as large as the checkpoint, beside its path.
// After a first signal it quits at once as a second does.
func TestQuitSignalQuitsAtOnce(t *testing.T) {
	for _, first := range []syscall.Signal{0, syscall.SIGTERM} {
		func() {
			msgs, exited := make(lineChan, 2), make(chan int, 1)
			_, stop := notifyStop(msgs, runLoses(session.Options{SavePath: "run.ckpt"}), exitTo(exited))
			defer stop()
			want := "ganui: SIGQUIT: quitting at once, without the final line or the --save checkpoint\n"
			if first != 0 {
				syscall.Kill(os.Getpid(), first)
				select {
				case <-msgs:
				case <-time.After(time.Minute):
					t.Fatalf("no message after %v", first)
				}
				want = "ganui: SIGQUIT: quitting at once\n"
			}
			syscall.Kill(os.Getpid(), syscall.SIGQUIT)
			select {
			case m := <-msgs:
				if m != want {
					t.Errorf("SIGQUIT after %v: %q, want %q", first, m, want)
				}
			case <-time.After(time.Minute):
				t.Fatalf("no message after SIGQUIT (after %v)", first)
			}
			if code := <-exited; code != exitSignal {
				t.Errorf("exit %d, want %d", code, exitSignal)
			}
		}()
	}
}

// TestQuitAtOnceLeavesNoPartialSave: a second signal, which quits at
// once without the --save checkpoint, quits mid-save too without leaving
// the checkpoint's half-written temporary file (a 120 MB
// .run.ckpt.tmp-… of a 190 MB checkpoint beside it, until a later save
// of the same path), the checkpoint there before left as it was. The exit
// is the process's, so the save and the signals are a child's, this test
// binary run again for this test alone with GANUI_QUIT_SAVING naming the
// checkpoint (quitWhileSaving).
func TestQuitAtOnceLeavesNoPartialSave(t *testing.T) {
	if path := os.Getenv("GANUI_QUIT_SAVING"); path != "" {
		quitWhileSaving(t, path)
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	if err := os.WriteFile(path, []byte("old run"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "GANUI_QUIT_SAVING="+path)
	out, err := cmd.CombinedOutput()
	if cmd.ProcessState == nil || cmd.ProcessState.ExitCode() != exitSignal {
		t.Fatalf("the child saving: %v, want exit %d\n%s", err, exitSignal, out)
	}
	if got, _ := os.ReadFile(path); string(got) != "old run" {
		t.Errorf("the checkpoint holds %q", got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "run.ckpt" {
			t.Errorf("%s left beside the checkpoint", e.Name())
		}
	}
}

// quitWhileSaving is TestQuitAtOnceLeavesNoPartialSave in the child: a
// save of path that never finishes is under way when two SIGINTs come, as
// headless's notifyStop takes them. The process ends at the second.
func quitWhileSaving(t *testing.T, path string) {
	filling := make(chan struct{})
	go outputfile.Write(path, 0o600, outputfile.Kind{Name: "the old run", Is: func(io.Reader) bool { return true }}, func(w io.Writer) error {
		io.WriteString(w, "half of the new run")
		close(filling)
		select {} // the weights still to write when the signals come
	})
	<-filling
	signalsApart(t)
	ctx, stop := notifyStop(io.Discard, "the --save checkpoint", quitAtOnce)
	defer stop()
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	<-ctx.Done() // taken: a second sent before could have been one with it
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	<-time.After(time.Minute) // a bound: the second SIGINT exits long before
	t.Fatal("the second SIGINT did not quit")
}

// TestSignalWhileSettingUpStopsTheRun: SIGTERM while a run is set up
// (session.New: a --resume checkpoint read whole, seconds for a wide design's,
// the --save room reserved) stops it as one while it trains does, before its
// first epoch — the final line, the checkpoint written, exit 130 — in each
// headless mode, not killing the process, exit 143, nothing written. The child
// sends the signal itself from inside its set up (GANUI_TEST_SIGNAL_AT_SETUP).
func TestSignalWhileSettingUpStopsTheRun(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "run.ckpt")
	for _, c := range []struct {
		name string
		args []string
		last string // how the last line of stdout begins
	}{
		{"headless", []string{"--headless", "--epochs", "1e9", "--samples", "100", "--save", ckpt}, "final preset=blog-original samples=100 seed=1 "},
		{"seeds", []string{"--headless", "--epochs", "1e9", "--samples", "100", "--seeds", "1-2", "--jobs", "1"}, "summary "},
		{"sweep", []string{"--headless", "--epochs", "1e9", "--samples", "100", "--sweep", "g_lr=1e-3,2e-3", "--jobs", "1"}, "summary "},
	} {
		cmd, lines, stderr := startChildWith(t, []string{"GANUI_TEST_SIGNAL_AT_SETUP=1"}, nil, c.args...)
		var last string
		for lines.Scan() {
			last = lines.Text()
		}
		err := cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != exitSignal {
			t.Errorf("%s: %v, exit %d, want %d; stderr:\n%s", c.name, err, code, exitSignal, stderr)
			continue
		}
		if !strings.HasPrefix(last, c.last) {
			t.Errorf("%s: the last line %q, want it to begin %q", c.name, last, c.last)
		}
		// A sweep's plan (sweepPlan) is said before its first cell is set
		// up. No note of when the next line comes (firstLineNote) is, though
		// a first epoch can beat the signal, taken on its own goroutine:
		// the tests' runs give none (TestMain).
		said := stderr.String()
		if c.name == "sweep" {
			said = strings.TrimPrefix(said, "ganui: sweep of 2 cells × seed 1: g_lr=1e-3 g_lr=2e-3\n")
		}
		if want := "ganui: SIGTERM: stopping after the current epoch"; !strings.HasPrefix(said, want) {
			t.Errorf("%s: stderr %q, want it to begin %q", c.name, stderr, want)
		}
	}
	if _, err := session.LoadCheckpoint(ckpt); err != nil {
		t.Errorf("the --save checkpoint: %v", err)
	}
}

// TestASignalBeforeTheReaderGoesIsTheStop: a headless run stopped by SIGINT,
// whose reader goes as it stops, says the stop once, the signal's line: the
// reader's going stops nothing, and no "ganui: standard output's reader is
// gone, and training stopped there; …" goes beside the SIGINT's line. It still
// ends as a reader gone does.
func TestASignalBeforeTheReaderGoesIsTheStop(t *testing.T) {
	leakcheck.Check(t)
	log := filepath.Join(t.TempDir(), "run.csv")
	out, stderr := newSignalAfterFirstLine()
	gone := &signalThenGone{out}
	code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "1", "--log", log}, gone, stderr)
	want := "ganui: SIGINT: stopping after the current epoch; SIGINT again quits at once, without the final line or the --log's last rows\n"
	if code != exitBrokenPipe || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), exitBrokenPipe, want)
	}
}

// signalThenGone is standard output that sends SIGINT at its first write,
// waits for the program to say it stops (signalAfterFirstLine), and then
// finds its reader gone: that write and every later one fail with EPIPE.
type signalThenGone struct{ w *signalAfterFirstLine }

func (g *signalThenGone) Write(p []byte) (int, error) {
	g.w.Write(p)
	return 0, syscall.EPIPE
}

// TestASignalAfterTheReaderGoesIsSaidOnce (ganui --headless … --log
// run.csv | head -1, then ctrl+c while the run saves): a signal that
// comes after the reader's going has stopped the run says what happens,
// that training stopped already, and where what was trained goes, where
// it had said "stopping after the current epoch" of a run stopped; the
// run says nothing more of it as it ends, where it had said both that
// line and "ganui: standard output's reader is gone, and training
// stopped there; …".
func TestASignalAfterTheReaderGoesIsSaidOnce(t *testing.T) {
	leakcheck.Check(t)
	msgs := make(lineChan, 2)
	stopCtx, stop := notifyStop(msgs, "the final line", func(io.Writer, string) {})
	out := &checkedWriter{w: &readerGoneAt{}}
	ctx, release := stopOnDeadOutput(stopCtx, out, msgs, "--log run.csv")
	out.Write([]byte("epoch=1\n"))
	<-ctx.Done() // the reader's going stops the run
	if stopCtx.Err() != nil {
		t.Fatal("the reader's going was taken for a signal")
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case line := <-msgs:
		if want := "ganui: SIGINT: training stopped already, as standard output's reader went; what was trained by then goes to --log run.csv as the run ends, and SIGINT again quits at once, without what is not written by then\n"; line != want {
			t.Errorf("the signal's line: %q, want %q", line, want)
		}
	case <-time.After(time.Minute):
		t.Fatal("no line a minute after SIGINT")
	}
	release()
	stop()
	if line := out.goneLine(session.ErrInterrupted); line != "" {
		t.Errorf("after the signal's line, the run's end says %q too", line)
	}
	// Without a signal, the reader's going is said, once, at the end.
	stopCtx, stop = notifyStop(msgs, "the final line", func(io.Writer, string) {})
	out = &checkedWriter{w: &readerGoneAt{}}
	_, release = stopOnDeadOutput(stopCtx, out, msgs, "--log run.csv")
	out.Write([]byte("epoch=1\n"))
	release()
	stop()
	if got, want := out.goneLine(session.ErrInterrupted), "ganui: standard output's reader is gone, and training stopped there; what was trained by then is in --log run.csv"; got != want {
		t.Errorf("a reader gone alone: %q, want %q", got, want)
	}
	if len(msgs) > 0 {
		t.Errorf("said as the writes failed: %q", <-msgs)
	}
}

// TestCatchStopTakesTheSignal: once the trainer's screen has gone, ctrl+c
// (SIGINT) is taken by catchStop, which closes its channel and names the
// signal, where the signal would have killed ganui before its final
// line; released, it holds the signal no more.
func TestCatchStopTakesTheSignal(t *testing.T) {
	leakcheck.Check(t)
	signals, release := tui.HoldSignals()
	defer release()
	st := catchStop(signals, func() { t.Error("SIGINT taken for SIGQUIT") })
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case <-st.C:
	case <-time.After(time.Minute): // a hang guard
		t.Fatal("SIGINT did not close catchStop's channel")
	}
	st.release()
	if st.name != "SIGINT" {
		t.Errorf("the signal is named %q, want SIGINT", st.name)
	}
}

// TestTheTrainersSignalsAreHeldThroughEveryPart: SIGQUIT (ctrl+\) quits
// the interactive trainer at once, saying so, before the screen is up,
// the echo put back first, and while the final line is awaited, where Go's
// default dumped every goroutine and exited 2: the signals are held from
// ganui's start (tui.HoldSignals), read in turn by the hush, the trainer
// and catchStop. A signal that comes once the hush has let them go is
// the trainer's, read from the same channel, not lost between the two.
func TestTheTrainersSignalsAreHeldThroughEveryPart(t *testing.T) {
	leakcheck.Check(t)
	calls := fakeEcho(t)
	signals, release := tui.HoldSignals()
	defer release()
	await := func(c <-chan string, after string) string {
		select {
		case line := <-c:
			return line
		case <-time.After(time.Minute): // a hang guard
			t.Fatalf("nothing after %s", after)
			return ""
		}
	}

	quits := make(chan string, 1)
	h := hushKeys(signals, func(line string) { quits <- line })
	syscall.Kill(os.Getpid(), syscall.SIGQUIT)
	if line := await(quits, "SIGQUIT with no screen up"); line != "ganui: SIGQUIT: quitting at once" {
		t.Errorf("SIGQUIT with no screen up says %q", line)
	}
	if want := "off on"; strings.Join(*calls, " ") != want {
		t.Errorf("echo calls %q before the quit, want %q", *calls, want)
	}
	h.on()

	h = hushKeys(signals, func(line string) { t.Errorf("quit after the hush let go: %q", line) })
	h.on() // the trainer takes over
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case sig := <-signals:
		if sig != syscall.SIGINT {
			t.Errorf("the trainer read %v, want SIGINT", sig)
		}
	case <-time.After(time.Minute):
		t.Fatal("SIGINT after the hush let go reached no one")
	}

	said := make(chan string, 1)
	st := catchStop(signals, func() { said <- "quit" })
	syscall.Kill(os.Getpid(), syscall.SIGQUIT)
	await(said, "SIGQUIT in the final wait")
	st.release()
	select {
	case <-st.C:
		t.Error("SIGQUIT in the final wait gave the final line up, as SIGINT does, where it quits")
	default:
	}
}

// flagsAsGiven is the flags of args as a run given them holds them
// (options.asGiven).
func flagsAsGiven(t *testing.T, args ...string) []givenFlag {
	t.Helper()
	o, err := parseFlags(args, io.Discard)
	if err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return o.asGiven
}

// TestSignalAfterTrainingStopsTheFinalEvaluation: a signal that comes once
// training is over, as the final evaluation of a wide design's many --samples
// takes minutes, says so and gives that evaluation up, the final line giving
// the latest progress line's measures (measured_at) or none, exit 130 — where
// it said "stopping after the current epoch" of a run with no epoch left,
// evaluated on for minutes and exited 0. The files are written all the same.
func TestSignalAfterTrainingStopsTheFinalEvaluation(t *testing.T) {
	defer func(f func(context.Context)) { trained = f }(trained)
	trained = func(ctx context.Context) {
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		select {
		case <-ctx.Done():
		case <-time.After(time.Minute):
			t.Error("SIGTERM did not stop the run")
		}
	}
	const (
		said  = "ganui: SIGTERM: training is done; stopping its final evaluation: "
		loses = "; SIGTERM again quits at once, without the final line or the --save checkpoint\n"
	)
	for _, c := range []struct {
		every, measured, said string
		code                  int
	}{
		{"7", "measured_at=28 ", said + "the final line gives the latest progress line's measures, of the epoch its measured_at names" + loses, exitSignal},
		{"0", "measured_at=none ", said + "the final line has no measures (measured_at=none)" + loses, exitSignal},
		// The last epoch's progress line measured the run's end: the final
		// line is whole, its evaluation not made again, and nothing is
		// given up (TestRunEvaluatesTheLastEpochOnce).
		{"10", "mean=", said + "the final line gives the latest progress line's measures, of the epoch its measured_at names" + loses, 0},
	} {
		save := filepath.Join(t.TempDir(), "run.ckpt")
		var out, errb bytes.Buffer
		code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", c.every, "--save", save}, &out, &errb)
		if code != c.code || errb.String() != c.said {
			t.Errorf("--every %s: exit %d, stderr %q; want %d and %q", c.every, code, errb.String(), c.code, c.said)
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		final := lines[len(lines)-1]
		if !strings.Contains(final, "epochs=30 state=done "+c.measured) {
			t.Errorf("--every %s: final line %q, want epochs=30 state=done %s", c.every, final, c.measured)
		}
		if c.every == "10" && strings.Contains(final, "measured_at=") {
			t.Errorf("--every 10: final line %q gives a measured_at, where its measures are of its end", final)
		}
		if c.every != "0" { // the progress line's measures
			progress := lines[len(lines)-2]
			if strings.HasPrefix(progress, "finding ") { // a done run far from its target says so before its final line
				progress = lines[len(lines)-3]
			}
			_, ks, _ := strings.Cut(progress, " ks=")
			if want := map[string]string{"7": "epoch=28 ", "10": "epoch=30 "}[c.every]; !strings.HasPrefix(progress, want) || !strings.Contains(final, " ks="+ks+" ") {
				t.Errorf("final line %q: not the measures of %q", final, progress)
			}
		}
		if _, err := os.Stat(save); err != nil {
			t.Errorf("--every %s: the checkpoint: %v", c.every, err)
		}
	}
}

// TestSignalAfterTheFilesLosesOnlyTheFinalLine: once a headless run has
// written its --log and --save, before its final evaluation (minutes of
// a wide design's --samples), a signal's line says that quitting at once
// loses the final line and the --plot figure, not the files, where it
// went on naming "the --log's last rows or the --save checkpoint", on
// disk by then; and so does a first SIGQUIT's.
func TestSignalAfterTheFilesLosesOnlyTheFinalLine(t *testing.T) {
	defer func(f func(context.Context)) { written = f }(written)
	const said = "ganui: SIGTERM: training is done; stopping its final evaluation: the final line has no measures (measured_at=none); SIGTERM again quits at once, without "
	for _, c := range []struct {
		plot bool
		want string
	}{
		{false, said + "the final line\n"},
		{true, said + "the final line or the --plot figure\n"},
	} {
		written = func(ctx context.Context) {
			syscall.Kill(os.Getpid(), syscall.SIGTERM)
			select {
			case <-ctx.Done():
			case <-time.After(time.Minute):
				t.Error("SIGTERM did not stop the run")
			}
		}
		dir := t.TempDir()
		args := []string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", "0", "--log", filepath.Join(dir, "run.csv"), "--save", filepath.Join(dir, "run.ckpt")}
		if c.plot {
			args = append(args, "--plot", filepath.Join(dir, "run.png"))
		}
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != exitSignal || errb.String() != c.want {
			t.Errorf("--plot %v: exit %d, stderr %q; want %d and %q", c.plot, code, errb.String(), exitSignal, c.want)
		}
	}
	// A first SIGQUIT then quits at once, saying so: said, not exited,
	// that the test sees it.
	var line string
	quit := make(chan struct{})
	defer func(f func(io.Writer, string)) { runQuit = f }(runQuit)
	runQuit = func(_ io.Writer, l string) { line = l; close(quit) }
	written = func(context.Context) {
		syscall.Kill(os.Getpid(), syscall.SIGQUIT)
		select {
		case <-quit:
		case <-time.After(time.Minute):
			t.Error("SIGQUIT did not quit the run")
		}
	}
	run([]string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", "0", "--save", filepath.Join(t.TempDir(), "run.ckpt")}, io.Discard, io.Discard)
	if want := "ganui: SIGQUIT: quitting at once, without the final line"; line != want {
		t.Errorf("SIGQUIT once the files are written says %q, want %q", line, want)
	}
}

// TestSignalAfterTheFinalLineStopsNothing: a signal that comes once the
// final line is given, its measures in it, says that it stops nothing,
// exit 0, the --plot figure drawn, where it said "stopping its final
// evaluation: the final line has no measures (measured_at=none)" after
// a final line with its measures (--samples 1048575's, whose evaluation
// ended as the signal came).
func TestSignalAfterTheFinalLineStopsNothing(t *testing.T) {
	defer func(f func(context.Context)) { finalLineGiven = f }(finalLineGiven)
	finalLineGiven = func(ctx context.Context) {
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		select {
		case <-ctx.Done():
		case <-time.After(time.Minute):
			t.Error("SIGTERM was not taken")
		}
	}
	plot := filepath.Join(t.TempDir(), "run.png")
	var out, errb bytes.Buffer
	code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", "0", "--plot", plot}, &out, &errb)
	want := "ganui: SIGTERM: the run is over, its final line given: nothing is stopped; SIGTERM again quits at once, without the --plot figure\n"
	if code != 0 || errb.String() != want {
		t.Errorf("exit %d, stderr %q; want 0 and %q", code, errb.String(), want)
	}
	if final := out.String(); !strings.Contains(final, "epochs=30 state=done mean=") || strings.Contains(final, "measured_at=") {
		t.Errorf("final line %q, want its own measures", final)
	}
	if _, err := os.Stat(plot); err != nil {
		t.Errorf("the figure: %v", err)
	}
}

// TestStopLineWithALineBreakIsOneLine: a stopped sweep's, batch's or run's
// line, whose flags hold a line break (--set $'g_hidden=[8,\n8]') or a
// character that reorders what a terminal shows after it (a --preset file
// named with U+202E), stays one line: the cells named with it escaped, the
// command with the word as bash's and zsh's $'…', said so, where the line
// broke at the value and the command went on on a line of its own.
func TestStopLineWithALineBreakIsOneLine(t *testing.T) {
	given := flagsAsGiven(t, "--headless", "--set", "g_hidden=[8,\n8]", "--sweep", "g_acts=[\n relu,relu,identity],[tanh,tanh,identity]")
	res := session.SweepResult{Axes: []session.SweepAxis{{Key: "g_acts", Values: []string{"[\n relu,relu,identity]", "[tanh,tanh,identity]"}}},
		Unfinished: []session.UnfinishedCell{{Values: []string{"[\n relu,relu,identity]"}, Started: true}, {Values: []string{"[tanh,tanh,identity]"}}}}
	want := `ganui: 2 of 2 cells unfinished: g_acts="[\n relu,relu,identity]" interrupted, g_acts=[tanh,tanh,identity] not started; ` +
		`ganui --headless --set $'g_hidden=[8,\n8]' --sweep $'g_acts=[\n relu,relu,identity],[tanh,tanh,identity]'` + dollarNote + " trains them"
	if got := unfinishedCells(res, 2, given); got != want {
		t.Errorf("sweep:\ngot  %q\nwant %q", got, want)
	}
	t.Chdir(t.TempDir())
	if err := os.WriteFile("my\u202enosj.json", []byte(`{"base": "vanilla"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	given = flagsAsGiven(t, "--headless", "--preset", "my\u202enosj.json", "--seeds", "1-3")
	want = `ganui --headless --preset $'my\xe2\x80\xaenosj.json' --seeds 2-3` + dollarNote
	if got := retrainCommand(given, "seeds", []givenFlag{{"seeds", []string{"--seeds", "2-3"}}}); got != want {
		t.Errorf("seeds:\ngot  %q\nwant %q", got, want)
	}
	given = flagsAsGiven(t, "--headless", "--set", "g_hidden=[8,\n8]", "--save", "run.ckpt", "--log", "run.csv")
	want = "ganui --headless --resume run.ckpt --save run.ckpt --log run.csv"
	if got := resumeCommand("run.ckpt", given); got != want {
		t.Errorf("resume, the --set the checkpoint holds left out:\ngot  %q\nwant %q", got, want)
	}
}

// FuzzFlagsCommand: the command a stopped run, batch or sweep ends naming
// (flagsCommand) holds the flags as given, each word as it was: a POSIX
// shell reads the line back (bash, where the line ends dollarNote), after ganui's own command, as the very words
// of the command line parseFlags took, a path with spaces, quotes, $(…)
// or a line break in a value and a flag written -name=value alike, where
// a word run into another, or one the shell expands, would train a run
// other than the one the line names.
func FuzzFlagsCommand(f *testing.F) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		f.Skip("no sh")
	}
	for _, args := range []string{
		"--headless\x00--preset\x00vanilla\x00--save\x00my run's $(x).ckpt\x00--every\x00100",
		"--headless\x00--preset\x00ring\x00-set=target=mixture(-2,0.5;2,0.5)\x00--seeds\x001-3\x00--plot\x00a b.png",
		"--headless\x00--sweep\x00g_hidden=[16,16],[32]\x00--log=it's.csv",
		"--headless\x00--sweep\x00d_lr=1e-3,\n1e-2", "--show-preset\x00vanilla\x00--set\x00name=a`b`\\c", "--headless\x00--\x00x", "--",
	} {
		f.Add(args)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		o, err := parseFlags(args, io.Discard)
		if err != nil {
			return
		}
		var words []string
		for _, g := range o.asGiven {
			words = append(words, g.words...)
		}
		if !slices.Equal(words, args) && !(args[len(args)-1] == "--" && slices.Equal(words, args[:len(args)-1])) { // a "--" that ends them flags nothing
			t.Fatalf("%q taken as the flags %q", args, words)
		}
		if args = words; len(args) == 0 {
			return
		}
		line, ok := strings.CutPrefix(flagsCommand(o.asGiven), command.Line(""))
		if !ok {
			t.Fatalf("%q: %q begins with no %q", args, line, command.Line(""))
		}
		reader := sh
		if l, ok := strings.CutSuffix(line, dollarNote); ok { // a $'…' word: bash's
			if reader, err = exec.LookPath("bash"); err != nil {
				return
			}
			line = l
		}
		out, err := exec.Command(reader, "-c", `printf '%s\0' `+line).Output()
		if got := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00"); err != nil || !slices.Equal(got, args) {
			t.Fatalf("%s read %s as %q (%v), want %q", filepath.Base(reader), line, got, err, args)
		}
	})
}

// signalWriter is a headless run's stderr for a test: it keeps what is
// written, closes the channel of each of said's texts at the first
// write that holds it, and on the first write that holds on sends this
// process SIGINT, then waits for a write that holds until (from
// notifyStop's goroutine) before it goes on, so that the signal is
// taken where the run said on.
type signalWriter struct {
	mu        sync.Mutex
	b         strings.Builder
	on, until string
	sent      bool
	said      map[string]chan struct{}
}

func newSignalWriter(on, until string, also ...string) *signalWriter {
	w := &signalWriter{on: on, until: until, said: map[string]chan struct{}{}}
	for _, s := range append(also, until) {
		w.said[s] = make(chan struct{})
	}
	return w
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.b.Write(p)
	send := !w.sent && strings.Contains(string(p), w.on)
	w.sent = w.sent || send
	for s, c := range w.said {
		if strings.Contains(string(p), s) {
			close(c)
			delete(w.said, s)
		}
	}
	w.mu.Unlock()
	if send {
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		w.wait(w.until)
	}
	return len(p), nil
}

// wait waits for the first write that holds s, one of said's, with a
// hang guard: the test fails on what follows.
func (w *signalWriter) wait(s string) {
	w.mu.Lock()
	c, ok := w.said[s]
	w.mu.Unlock()
	if !ok {
		return // said already
	}
	select {
	case <-c:
	case <-time.After(time.Minute):
	}
}

func (w *signalWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestSecondSignalSkipsTheFinalWait: a headless run a signal stopped
// during training says, as its final evaluation begins (a wide design's
// --samples 10000000 takes a minute), what its final line waits for, in
// the trainer's words (waitLine), and a second signal then gives that
// evaluation up, as the trainer's ctrl+c does, the final line saying it
// measured nothing (measured_at=none), exit 130, the checkpoint written,
// where the wait was silent and a second signal quit at once, without
// the final line.
func TestSecondSignalSkipsTheFinalWait(t *testing.T) {
	signalsApart(t)
	for _, v := range []struct {
		p *time.Duration
		d time.Duration
	}{{&slowLineAfter, time.Nanosecond}, {&signalledWaitAfter, 0}} {
		defer func(p *time.Duration, was time.Duration) { *p = was }(v.p, *v.p)
		*v.p = v.d
	}
	defer func(f func(io.Writer, string)) { runQuit = f }(runQuit)
	runQuit = func(w io.Writer, line string) { fmt.Fprintln(w, line) } // said, not exited: the test sees it
	const again = "ganui: SIGINT again: "
	errw := newSignalWriter("ganui: note: epoch", "stopping after the current epoch", again)
	defer func(f func(context.Context)) { finalWaitSaid = f }(finalWaitSaid)
	finalWaitSaid = func(context.Context) {
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		errw.wait(again)
	}
	save := filepath.Join(t.TempDir(), "run.ckpt")
	var out bytes.Buffer
	code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", "10", "--save", save}, &out, errw)
	errs := errw.String()
	want := []string{
		"\nganui: SIGINT: stopping after the current epoch; SIGINT again quits at once, without the final line or the --save checkpoint\n",
		"ganui: final line: evaluating 10,000 samples… SIGINT again skips the wait\n",
		again + "stopping its final evaluation: the final line has no measures (measured_at=none)\n",
	}
	if !strings.Contains(errs, strings.Join(want, "")) {
		t.Errorf("stderr:\n%s\nwant, one after the other:\n%s", errs, strings.Join(want, ""))
	}
	if code != exitSignal {
		t.Errorf("exit %d, want %d", code, exitSignal)
	}
	if final := out.String(); !strings.Contains(final, " state=interrupted measured_at=none ") {
		t.Errorf("final line %q, want state=interrupted measured_at=none", final)
	}
	if _, err := session.LoadCheckpoint(save); err != nil {
		t.Errorf("the --save checkpoint: %v", err)
	}
}
