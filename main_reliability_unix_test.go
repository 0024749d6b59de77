//go:build unix

package main

import (
	"bytes"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/session"
	"golang.org/x/sys/unix"
)

// TestInputsMustBeRegularFiles (issue: --resume /dev/zero grew without
// bound, a FIFO hung): devices, pipes and directories exit 2 at once, and
// so does a preset file over its cap.
func TestInputsMustBeRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	zero := filepath.Join(dir, "zero.json")
	os.Symlink("/dev/zero", zero)
	big := writeFile(t, "big.json", `{"base": "vanilla", "description": "`+strings.Repeat(" ", 300<<10)+`"}`)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--resume", "/dev/zero"}, "a device"},
		{[]string{"--headless", "--resume", fifo}, "a named pipe"},
		{[]string{"--headless", "--resume", dir}, "a directory"},
		{[]string{"--headless", "--preset", zero}, "a device"},
		{[]string{"--headless", "--preset", "/dev/urandom"}, "a device"},
		{[]string{"--headless", "--preset", fifo}, "a named pipe"},
		{[]string{"--headless", "--preset", big}, "larger than 256 KiB"},
	}
	for _, c := range cases {
		done := make(chan struct{})
		go func() {
			defer close(done)
			wantUsageError(t, c.args, c.want)
		}()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Fatalf("%q: still running after a minute", c.args)
		}
	}
}

// TestStreamForAFileSaysWhatToDo: every flag that takes a file, given a device,
// a named pipe or a link to one, says what to give instead, as a directory is
// told "name a file in it" (TestDirectoryForAFileSaysWhatToDo): an output a
// file or /dev/null, the one device it takes; an input a file, and what a pipe
// gives saved to one. --log /dev/full does not say "/dev/full is a device, not
// a regular file" and no more, and --plot /dev/zero is told it is a device,
// not "give /dev/zero.png, /dev/zero.svg or /dev/zero.pdf".
func TestStreamForAFileSaysWhatToDo(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, ext := range []string{".json", ".ckpt", ".csv", ".png"} {
		if err := syscall.Mkfifo("p"+ext, 0o600); err != nil {
			t.Skip("no named pipes here:", err)
		}
		if err := os.Symlink("/dev/zero", "z"+ext); err != nil {
			t.Fatal(err)
		}
	}
	const (
		write = "not a regular file: name a file, or /dev/null for none"
		pipe  = "is a named pipe, not a regular file: save what it gives to a file and name that"
		dev   = "is a device, not a regular file: name a file"
	)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "p.json"}, "ganui: --preset: p.json " + pipe},
		{[]string{"--headless", "--preset", "z.json"}, "ganui: --preset: z.json is a link to /dev/zero, a device, not a regular file: name a file"},
		{[]string{"--show-preset", "p.json"}, "ganui: --show-preset: p.json " + pipe},
		{[]string{"--headless", "--resume", "/dev/zero"}, "ganui: --resume: /dev/zero " + dev},
		{[]string{"--headless", "--resume", "p.ckpt"}, "ganui: --resume: p.ckpt " + pipe},
		{[]string{"--headless", "--preset", "ring", "--set", "target=points(p.csv)"}, `ganui: --set: target "points(p.csv)": it ` + pipe},
		{[]string{"--headless", "--preset", "ring", "--set", "target=points(z.csv)"}, `ganui: --set: target "points(z.csv)": it is a link to /dev/zero, a device, not a regular file: name a file`},
		{[]string{"--headless", "--log", "/dev/zero"}, "ganui: --log: /dev/zero is a device, " + write},
		{[]string{"--headless", "--log", "p.csv"}, "ganui: --log: p.csv is a named pipe, " + write},
		{[]string{"--headless", "--save", "z.ckpt"}, "ganui: --save: z.ckpt is a link to /dev/zero, a device, " + write},
		{[]string{"--headless", "--save", "p.ckpt"}, "ganui: --save: p.ckpt is a named pipe, " + write},
		{[]string{"--headless", "--plot", "z.png"}, "ganui: --plot: z.png is a link to /dev/zero, a device, " + write},
		{[]string{"--headless", "--plot", "p.png"}, "ganui: --plot: p.png is a named pipe, " + write},
		// Told what it is before its name's extension is looked at, which
		// would mend the name of a device: "give /dev/zero.png, …".
		{[]string{"--headless", "--plot", "/dev/zero"}, "ganui: --plot: /dev/zero is a device, " + write},
		{[]string{"--headless", "--log", "p.png"}, "ganui: --log: p.png is a named pipe, " + write},
		{[]string{"--headless", "--save", "p.json"}, "ganui: --save: p.json is a named pipe, " + write},
	} {
		if code, stdout, stderr := runCLI(t, c.args...); code != 2 || stdout != "" || stderr != c.want+"\n" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

// atProgress is a headless run's standard output that calls do once, at
// the first progress line: the --log holds its rows up to that epoch
// then (session.Run flushes it before the line).
type atProgress struct {
	bytes.Buffer
	do func()
}

func (w *atProgress) Write(p []byte) (int, error) {
	if w.do != nil && bytes.Contains(p, []byte("epoch=")) && !bytes.HasPrefix(p, []byte("event")) {
		w.do()
		w.do = nil
	}
	return w.Buffer.Write(p)
}

// logRunArgs are the arguments of the headless run whose --log the
// tests below change under it: 30 epochs, a progress line every 10.
func logRunArgs(log string) []string {
	return []string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", "10", "--log", log}
}

// straightLog returns the log of the run of logRunArgs left alone,
// written in dir.
func straightLog(t *testing.T, dir string) []byte {
	t.Helper()
	straight := filepath.Join(dir, "straight.csv")
	if code, _, stderr := runCLI(t, logRunArgs(straight)...); code != 0 {
		t.Fatalf("the straight run: exit %d, %s", code, stderr)
	}
	data, err := os.ReadFile(straight)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestLogRemovedMidRunIsPutBack (Unix, where an open file may be removed): a
// --log removed while the run writes it (an rm, a clean-up of its directory) is
// put back at the run's end, every row in it, as the straight run writes it,
// not written on unnamed, the run ending with exit 0 and no log. Another file
// put in its place, or a directory, is left as it is, the run's rows kept
// beside it under a free name (run.kept.csv), where they were lost, and one
// whose directory went too cannot be put back: the run says so, exit 1.
func TestLogRemovedMidRunIsPutBack(t *testing.T) {
	dir := t.TempDir()
	want := straightLog(t, dir)

	log := filepath.Join(dir, "run.csv")
	var errb bytes.Buffer
	out := &atProgress{do: func() {
		if err := os.Remove(log); err != nil {
			t.Error(err)
		}
	}}
	if code := run(logRunArgs(log), out, &errb); code != 0 || errb.Len() > 0 {
		t.Fatalf("log removed mid-run: exit %d, stderr %q; want 0 and nothing", code, errb.String())
	}
	if got, err := os.ReadFile(log); err != nil || !bytes.Equal(got, want) {
		t.Errorf("log removed mid-run: %v; it holds %d bytes, want the straight run's %d", err, len(got), len(want))
	}

	// Another file put there since is not replaced.
	errb.Reset()
	other := []byte("another run's\n")
	out = &atProgress{do: func() {
		if err := os.Remove(log); err != nil {
			t.Error(err)
		}
		if err := os.WriteFile(log, other, 0o644); err != nil {
			t.Error(err)
		}
	}}
	code := run(logRunArgs(log), out, &errb)
	note := "ganui: note: --log " + log + " holds another run's history, to epoch 30: this run's replaces it\n" // the first run's (TestReplacedOutputsAreSaid)
	kept := filepath.Join(dir, "run.kept.csv")
	if wantErr := note + "ganui: --log: " + log + " was replaced by another file while the run wrote it, left as it is: the run's history, epochs 1–30, is kept beside it, in " + kept + "\n"; code != 1 || errb.String() != wantErr {
		t.Errorf("log replaced mid-run: exit %d, stderr %q; want 1 and %q", code, errb.String(), wantErr)
	}
	if got, _ := os.ReadFile(log); !bytes.Equal(got, other) {
		t.Errorf("the file put in the log's place holds %q, want %q", got, other)
	}
	if got, err := os.ReadFile(kept); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the log kept beside: %v; it holds %d bytes, want the straight run's %d", err, len(got), len(want))
	}
	// A directory put there: the same, under the next free name.
	errb.Reset()
	os.Remove(log)
	out = &atProgress{do: func() {
		if err := os.Remove(log); err != nil {
			t.Error(err)
		}
		if err := os.Mkdir(log, 0o755); err != nil {
			t.Error(err)
		}
	}}
	code = run(logRunArgs(log), out, &errb)
	kept = filepath.Join(dir, "run.kept-2.csv")
	if wantErr := "ganui: --log: " + log + " was replaced by a directory while the run wrote it, left as it is: the run's history, epochs 1–30, is kept beside it, in " + kept + "\n"; code != 1 || errb.String() != wantErr {
		t.Errorf("log replaced by a directory mid-run: exit %d, stderr %q; want 1 and %q", code, errb.String(), wantErr)
	}
	if got, err := os.ReadFile(kept); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the log kept beside: %v; it holds %d bytes, want the straight run's %d", err, len(got), len(want))
	}
	os.Remove(log)

	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	log = filepath.Join(sub, "run.csv")
	errb.Reset()
	out = &atProgress{do: func() {
		if err := os.RemoveAll(sub); err != nil {
			t.Error(err)
		}
	}}
	code = run(logRunArgs(log), out, &errb)
	if wantErr := "ganui: --log: the directory " + sub + " was removed while ganui ran, and run.csv with it: its history of epochs 1–30 is lost; to write it, make the directory again, or give another, and run again\n"; code != 1 || errb.String() != wantErr {
		t.Errorf("log's directory removed mid-run: exit %d, stderr %q; want 1 and %q", code, errb.String(), wantErr)
	}
}

// TestStoppedRunWithItsLogKeptBesideSaysHowToGoOn: a headless run stopped
// short of its plan (its standard output full) whose --log another file
// replaced under it, its rows kept beside it, ends, after the error that
// names the kept file, with the command that trains it on from its --save
// going on in the kept log, which runs; it had ended at the error, though
// its checkpoint was written, and the command given again refused the
// other file at the log's path.
func TestStoppedRunWithItsLogKeptBesideSaysHowToGoOn(t *testing.T) {
	dir := t.TempDir()
	log, save := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	kept := filepath.Join(dir, "run.kept.csv")
	out := &swapThenFull{do: func() {
		if err := os.Remove(log); err != nil {
			t.Error(err)
		}
		if err := os.WriteFile(log, []byte("another run's\n"), 0o644); err != nil {
			t.Error(err)
		}
	}}
	var errb strings.Builder
	code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "10", "--log", log, "--save", save}, out, &errb)
	g, err := session.LoadCheckpoint(save)
	if err != nil {
		t.Fatalf("exit %d, stderr %q: %v", code, errb.String(), err)
	}
	lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
	want := "ganui: " + shellword.Quote(save) + " holds the run at epoch " + numtext.FormatInt(g.Epoch()) + " of its 1,000,000,000; "
	wantCmd := " --headless --resume " + shellword.Quote(save) + " --every 10 --log " + shellword.Quote(kept) + " --save " + shellword.Quote(save) + " trains the rest"
	if code != exitFailure || len(lines) != 3 || !strings.HasSuffix(lines[1], "is kept beside it, in "+kept) || !strings.HasPrefix(lines[2], want) || !strings.HasSuffix(lines[2], wantCmd) {
		t.Fatalf("exit %d, stderr %q; want 1, the full output's line, the log's, then %q, the program, then %q", code, errb.String(), want, wantCmd)
	}
	errb.Reset()
	if code := run([]string{"--headless", "--resume", save, "--epochs", strconv.Itoa(g.Epoch() + 10), "--every", "10", "--log", kept, "--save", save}, io.Discard, &errb); code != 0 {
		t.Errorf("the command it names: exit %d, stderr %q", code, errb.String())
	}
}

// swapThenFull is a standard output whose first progress line runs do,
// then fails as a full disk's: a run stopped after its epoch.
type swapThenFull struct{ do func() }

func (w *swapThenFull) Write(p []byte) (int, error) {
	if w.do != nil && bytes.Contains(p, []byte("epoch=")) {
		w.do()
		w.do = nil
		return 0, syscall.ENOSPC
	}
	return len(p), nil
}

// TestOutputsOfARemovedDirectoryAreSaidOnce: a headless run whose --log,
// --save and --plot are in one directory, removed while the run trains,
// says so in one line, the directory's removal once, what went with it
// and what to do, exit 1; its final line is printed all the same. A
// --save in another directory is written, and not said lost.
func TestOutputsOfARemovedDirectoryAreSaidOnce(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	removeSub := func() {
		if err := os.RemoveAll(sub); err != nil {
			t.Error(err)
		}
	}
	args := append(logRunArgs(filepath.Join(sub, "run.csv")), "--save", filepath.Join(sub, "run.ckpt"), "--plot", filepath.Join(sub, "run.png"))
	var errb bytes.Buffer
	out := &atProgress{do: removeSub}
	code := run(args, out, &errb)
	want := "ganui: --log, --save, --plot: the directory " + sub + " was removed while ganui ran, and run.csv with it: its history of epochs 1–30 is lost, and run.ckpt and run.png are not written; to write them, make the directory again, or give another, and run again\n"
	if code != 1 || errb.String() != want {
		t.Errorf("outputs' directory removed mid-run: exit %d, stderr %q; want 1 and %q", code, errb.String(), want)
	}
	if !strings.Contains(out.String(), "\nfinal preset=vanilla seed=1 epochs=30 state=done") {
		t.Errorf("no final line printed: %q", out.String())
	}

	// A --save elsewhere is written; --plot alone in the directory gone.
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	save := filepath.Join(dir, "run.ckpt")
	args = []string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", "10", "--save", save, "--plot", filepath.Join(sub, "run.png")}
	errb.Reset()
	code = run(args, &atProgress{do: removeSub}, &errb)
	want = "ganui: --plot: the directory " + sub + " was removed while ganui ran, so run.png is not written; to write it, make the directory again, or give another, and run again\n"
	if code != 1 || errb.String() != want {
		t.Errorf("plot's directory removed mid-run: exit %d, stderr %q; want 1 and %q", code, errb.String(), want)
	}
	if _, err := os.Stat(save); err != nil {
		t.Errorf("the --save in another directory: %v", err)
	}
}

// TestOutputsOfARemovedDirectorySayWhatWritesThem: the files of a run whose
// directory was removed while it trained are had again by what the line
// names, not "run again" of every run. A resumed run whose --log held the
// epochs before its checkpoint too names the command that trains it from its
// start, which that --log held: a run resumed again would log the epochs
// after the checkpoint alone; one whose checkpoint went with the directory
// names it too. A run stopped by SIGINT names the --epochs where it stopped:
// the same command would train the whole plan.
func TestOutputsOfARemovedDirectorySayWhatWritesThem(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	removeSub := func() {
		if err := os.RemoveAll(sub); err != nil {
			t.Error(err)
		}
	}
	ckpt := filepath.Join(sub, "run.ckpt")
	log := filepath.Join(sub, "run.csv")
	for _, c := range []struct {
		name string
		args []string // after --headless --resume ckpt --epochs 30 --every 10
		want string
	}{
		{"the log appended to", []string{"--log", log}, "ganui: --log: the directory " + sub + " was removed while ganui ran, and run.csv with it: its history of epochs 1–30 is lost; to write it, make the directory again, or give another, and train the run from its start, as a run resumed again logs epochs 21–30 alone: ganui --headless --preset vanilla --epochs 30 --seed 1 --log " + log + "\n"},
		{"the checkpoint gone", []string{"--log", filepath.Join(sub, "more.csv")}, "ganui: note: --log " + filepath.Join(sub, "more.csv") + " was not there, so it begins at epoch 21: epochs 1–20, up to the checkpoint, are not in it\n" + // a new log (TestResumedLogNotThereIsSaid)
			"ganui: --log: the directory " + sub + " was removed while ganui ran, and more.csv with it: its history of epochs 21–30 is lost; to write it, make the directory again, or give another, and train the run from its start, as the checkpoint it resumed, " + ckpt + ", is gone: ganui --headless --preset vanilla --epochs 30 --seed 1 --log " + filepath.Join(sub, "more.csv") + "\n"},
	} {
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "20", "--every", "0", "--log", log, "--save", ckpt); code != 0 {
			t.Fatalf("the first 20 epochs: exit %d, %s", code, stderr)
		}
		if c.name == "the log appended to" { // the checkpoint kept elsewhere
			kept := filepath.Join(dir, "run.ckpt")
			if err := os.Rename(ckpt, kept); err != nil {
				t.Fatal(err)
			}
			ckpt = kept
		}
		var errb bytes.Buffer
		code := run(append([]string{"--headless", "--resume", ckpt, "--epochs", "30", "--every", "10"}, c.args...), &atProgress{do: removeSub}, &errb)
		if code != 1 || errb.String() != c.want {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", c.name, code, errb.String(), c.want)
		}
		ckpt = filepath.Join(sub, "run.ckpt")
	}

	// Stopped by SIGINT at an epoch of its plan of 100,000, whose checks
	// come every 1,000 epochs.
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd, lines, stderr := startChild(t, "--headless", "--preset", "vanilla", "--epochs", "100000", "--every", "1", "--samples", "100", "--log", log)
	if !lines.Scan() {
		t.Fatalf("no line; stderr %q", stderr)
	}
	removeSub()
	cmd.Process.Signal(syscall.SIGINT)
	var last string
	for lines.Scan() {
		last = lines.Text()
	}
	cmd.Wait()
	_, after, _ := strings.Cut(last, " epochs=")
	at, _, _ := strings.Cut(after, " ")
	n, err := strconv.Atoi(at)
	if err != nil || n >= 1000 {
		t.Fatalf("the final line %q: want one of a run stopped short of its first check", last)
	}
	rows := "epochs 1–" + at
	if n == 1 {
		rows = "epoch 1"
	}
	want := "ganui: SIGINT: stopping after the current epoch; SIGINT again quits at once, without the final line or the --log's last rows\n" +
		"ganui: --log: the directory " + sub + " was removed while ganui ran, and run.csv with it: its history of " + rows + " is lost; to write it, make the directory again, or give another, and run again with --epochs " + at + ", where this run stopped (its checks then come every 10 epochs, where this run's came every 1,000)\n"
	if code := cmd.ProcessState.ExitCode(); code != 1 || stderr.String() != want {
		t.Errorf("stopped by SIGINT: exit %d, stderr %q; want 1 and %q", code, stderr.String(), want)
	}
}

// TestLogCutMidRunKeepsTheRest (issue: `: > run.csv` while a headless run
// wrote it left a file beginning with thousands of NULs, exit 0): a
// --log cut short while the run writes it is written again at the end as
// the header and the rows written since the cut, the run saying which
// rows are lost, exit 1; one cut after the run's last row keeps the
// header alone.
func TestLogCutMidRunKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	data := straightLog(t, dir)
	lines := strings.SplitAfter(string(data), "\n")
	// The header, and the rows after epoch 10's, written after the
	// first progress line, where the log is cut.
	want := lines[0] + strings.Join(lines[11:], "")

	for name, size := range map[string]int64{"emptied.csv": 0, "cut.csv": 100} { // : >, truncate -s 100 (mid-row)
		log := filepath.Join(dir, name)
		var errb bytes.Buffer
		out := &atProgress{do: func() {
			if err := os.Truncate(log, size); err != nil {
				t.Error(err)
			}
		}}
		code := run(logRunArgs(log), out, &errb)
		if wantErr := "ganui: --log: " + log + " was cut short while the run wrote it: its rows before epoch 11 are lost, the header and the rest are left\n"; code != 1 || errb.String() != wantErr {
			t.Errorf("log cut to %d bytes mid-run: exit %d, stderr %q; want 1 and %q", size, code, errb.String(), wantErr)
		}
		if got, err := os.ReadFile(log); err != nil || string(got) != want {
			t.Errorf("log cut to %d bytes mid-run: %v; it holds %q, want %q", size, err, got, want)
		}
	}
}

// TestPlotIsHeldWhileTheRunTrains: a headless run holds its --plot figure's
// file from before its first epoch to its end, as its --save, so that a second
// run given the same --plot meanwhile exits 2 at its start, one line, and the
// first run's figure is the one left, not both exiting 0, the later figure
// silently replacing the other's.
func TestPlotIsHeldWhileTheRunTrains(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.png")
	cmd, lines, stderr := startChild(t, "--headless", "--preset", "vanilla", "--epochs", "100000000", "--every", "1", "--samples", "100", "--plot", path)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "epoch=") {
		t.Fatalf("child printed %q before training", lines.Text())
	}
	want := "ganui: --plot: " + path + " is being written by another process: give another file\n"
	if code, stdout, errs := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "2", "--every", "0", "--plot", path); code != 2 || errs != want || stdout != "" {
		t.Errorf("a second run with the same --plot: exit %d, stderr %q, stdout %q; want 2 and %q", code, errs, stdout, want)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the second run drew its figure where the first one's goes")
	}
	cmd.Process.Signal(syscall.SIGINT)
	for lines.Scan() {
	}
	if err := cmd.Wait(); cmd.ProcessState.ExitCode() != 130 {
		t.Fatalf("the first run: %v, stderr %q", err, stderr)
	}
	if png, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("the first run's figure: %v", err)
	}
}

// TestOutputsToTheNullDeviceAreDiscarded: an output named the null device, a
// link to it too, is discarded on purpose (a script's "${LOG:-/dev/null}"): the
// run trains and exits 0, writing nothing, and the device stays as it was; none
// exits 2 for a device, nor --plot for its name's lack of a figure's extension.
// Any other device is refused still. The null device is one of the test's own,
// made as /dev/null is (nullDevice), where the system lets it be made.
func TestOutputsToTheNullDeviceAreDiscarded(t *testing.T) {
	dir := t.TempDir()
	null := filepath.Join(dir, "null")
	want := "discard.csv null run.png" // the files left in dir
	var devNull unix.Stat_t
	if err := unix.Stat(os.DevNull, &devNull); err != nil {
		t.Fatal(err)
	}
	if err := mknod(unix.Mknod, null, unix.S_IFCHR|0o666, uint64(devNull.Rdev)); err == nil {
		defer func(was string) { nullDevice = was }(nullDevice)
		nullDevice = null
	} else {
		// Never renamed over: a device is refused as the file an output
		// replaces (outputfile.Target).
		null, want = os.DevNull, "discard.csv run.png"
	}
	link := filepath.Join(dir, "discard.csv")
	if err := os.Symlink(null, link); err != nil {
		t.Fatal(err)
	}
	before, err := os.Stat(null)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--log", null, "--save", null, "--plot", null},
		{"--log", link},
		{"--save", null, "--plot", filepath.Join(dir, "run.png")},
	} {
		code, stdout, stderr := runCLI(t, append([]string{"--headless", "--preset", "vanilla", "--epochs", "2", "--every", "0"}, args...)...)
		if code != 0 || stderr != "" || !strings.HasPrefix(lastLine(stdout), "final ") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 0 and the final line", args, code, stdout, stderr)
		}
	}
	after, err := os.Stat(null)
	if err != nil || after.Mode() != before.Mode() || !os.SameFile(before, after) {
		t.Errorf("the null device is now %v (%v), was %v", after, err, before)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != want {
		t.Errorf("files left: %q, want %s", names, want)
	}
	wantUsageError(t, []string{"--headless", "--epochs", "2", "--log", "/dev/zero"}, "--log: /dev/zero is a device, not a regular file")
}

// runToClosedPipe runs ganui with args, its standard output a pipe whose
// reader is gone before the first write (| head -1 that has read its
// line), and returns the child's wait status and standard error.
// mknod makes the device file path with mk, unix.Mknod, whose device
// number is an int on Linux and Darwin and a uint64 on FreeBSD: the type
// is the one mk takes, so that the test builds on each.
func mknod[D int | uint64](mk func(string, uint32, D) error, path string, mode uint32, dev uint64) error {
	return mk(path, mode, D(dev))
}

func runToClosedPipe(t *testing.T, args ...string) (syscall.WaitStatus, string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	return runWithStdout(t, w, args...)
}

// runWithStdout runs ganui with args and stdout as its standard output,
// and returns its wait status and standard error.
func runWithStdout(t *testing.T, stdout *os.File, args ...string) (syscall.WaitStatus, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "GANUI_TEST_MAIN=1")
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	return cmd.ProcessState.Sys().(syscall.WaitStatus), stderr.String()
}

// TestAClosedPipeEndsQuietly: every mode that prints, met with its reader gone
// (| head -1, grep -m1), ends as cat does there: killed by SIGPIPE, which a
// shell says nothing of and reports as 141, and nothing on stderr, not exit 1
// saying "ganui: writing the output: write /dev/stdout: broken pipe". A
// headless run stops after its epoch (not trained on for no one).
func TestAClosedPipeEndsQuietly(t *testing.T) {
	for _, args := range [][]string{
		{"--list-presets"},
		{"--show-preset", "ring"},
		{"--version"},
		{"--help"},
		{"--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "1"},
		{"--headless", "--preset", "vanilla", "--epochs", "30", "--seeds", "1-2", "--jobs", "1"},
		{"--headless", "--preset", "vanilla", "--epochs", "30", "--sweep", "g_lr=1e-3,2e-3", "--jobs", "1"},
	} {
		ws, stderr := runToClosedPipe(t, args...)
		said := "" // but for a sweep's plan, said before it trains (sweepPlan)
		if slices.Contains(args, "--sweep") {
			said = "ganui: sweep of 2 cells × seed 1: g_lr=1e-3 g_lr=2e-3\n"
		}
		if !ws.Signaled() || ws.Signal() != syscall.SIGPIPE || stderr != said {
			t.Errorf("%q to a closed pipe: %v (exit %d), stderr %q; want killed by SIGPIPE, nothing said after %q", args, ws.Signal(), ws.ExitStatus(), stderr, said)
		}
	}
}

// TestAClosedPipeLeavesTheFilesWhole: a headless run whose reader goes stops
// after its epoch, writes its --log, --save and --plot whole to that epoch, and
// names them on stderr before it ends by SIGPIPE: they hold less than the run
// asked for, which nothing else would say. The command that trains the run on
// from its --save follows, as a signal's stop ends, where the line had named
// the checkpoint and left the --resume to be worked out. One that diverges says so, and that
// its --save is not written, exit 3, as if its lines had been read, not "--save
// … will hold what was trained by then" of a checkpoint never written, nor
// dying quietly.
func TestAClosedPipeLeavesTheFilesWhole(t *testing.T) {
	dir := t.TempDir()
	log, save, plot := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt"), filepath.Join(dir, "run.png")
	ws, stderr := runToClosedPipe(t, "--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "1", "--log", log, "--save", save, "--plot", plot)
	g, err := session.LoadCheckpoint(save)
	if err != nil {
		t.Fatal(err)
	}
	// The line of the reader's going, then the command that trains the
	// run on, as a signal's stop ends: the program as started, then its
	// flags but the design's and the plan, which the checkpoint holds.
	want := "ganui: standard output's reader is gone, and training stopped there; what was trained by then is in --log " + shellword.Quote(log) + ", --save " + shellword.Quote(save) + " and --plot " + shellword.Quote(plot) + "\n" +
		"ganui: " + shellword.Quote(save) + " holds the run at epoch " + numtext.FormatInt(g.Epoch()) + " of its 1,000,000,000; "
	wantCmd := " --headless --resume " + shellword.Quote(save) + " --every 1 --log " + shellword.Quote(log) + " --save " + shellword.Quote(save) + " --plot " + shellword.Quote(plot) + " trains the rest\n"
	if !ws.Signaled() || ws.Signal() != syscall.SIGPIPE || !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, wantCmd) || strings.Count(stderr, "\n") != 2 {
		t.Fatalf("%v (exit %d), stderr %q; want killed by SIGPIPE and %q, the program, then %q", ws.Signal(), ws.ExitStatus(), stderr, want, wantCmd)
	}
	rows, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(rows), "\n"), "\n")
	last, _, _ := strings.Cut(lines[len(lines)-1], ",")
	if g.Epoch() < 1 || g.Epoch() > 1000 || len(lines) != g.Epoch()+1 || last != strconv.Itoa(g.Epoch()) {
		t.Errorf("checkpoint at epoch %d, log of %d lines ending at epoch %q; want a header and a row per epoch to the checkpoint's", g.Epoch(), len(lines), last)
	}
	f, err := os.Open(plot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("--plot: %v", err)
	}

	diverged := filepath.Join(dir, "diverged.ckpt")
	ws, stderr = runToClosedPipe(t, "--headless", "--preset", "vanilla", "--set", "d_lr=5", "--set", "g_lr=0.5", "--epochs", "3000", "--every", "0", "--save", diverged)
	if ws.Signaled() || ws.ExitStatus() != exitDiverged || !strings.HasPrefix(stderr, "ganui: diverged at epoch ") || !strings.HasSuffix(stderr, "--save "+diverged+" not written: a checkpoint of a diverged run would not resume\n") {
		t.Errorf("a diverged run: %v (exit %d), stderr %q; want exit 3 and the --save not written", ws.Signal(), ws.ExitStatus(), stderr)
	}
	if _, err := os.Stat(diverged); !os.IsNotExist(err) {
		t.Errorf("a diverged run's --save: %v", err)
	}
}

// TestAFullOutputStillFails: standard output that takes nothing for
// another reason than its reader gone (> /dev/full) is a failure, said
// in one line, exit 1, as before: only a reader gone ends quietly. A
// batch so stopped then names the seeds it left, as a signal's stop does
// (TestDeadOutputStopsABatchNamingWhatItLeft).
func TestAFullOutputStillFails(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	for _, c := range []struct {
		args []string
		left string // the second line's start, "" for none
	}{
		{[]string{"--list-presets"}, ""},
		{[]string{"--headless", "--preset", "vanilla", "--epochs", "30", "--seeds", "1-2", "--jobs", "1"}, "ganui: seeds 1-2 left: "},
	} {
		ws, stderr := runWithStdout(t, full, c.args...)
		// A headless run adds that it stops, as a signal's line does.
		lines := strings.SplitAfter(stderr, "\n")
		want := "ganui: writing the output: write /dev/stdout: no space left on device"
		switch {
		case ws.Signaled() || ws.ExitStatus() != exitFailure || !strings.HasPrefix(stderr, want):
			t.Errorf("%q to /dev/full: %v (exit %d), stderr %q; want exit 1 and the line %q", c.args, ws.Signal(), ws.ExitStatus(), stderr, want)
		case c.left == "" && len(lines) != 2: // the line and the "" after its \n
			t.Errorf("%q to /dev/full: stderr %q; want one line, %q", c.args, stderr, want)
		case c.left != "" && (len(lines) != 3 || !strings.HasPrefix(lines[1], c.left)):
			t.Errorf("%q to /dev/full: stderr %q; want two lines, the second beginning %q", c.args, stderr, c.left)
		}
	}
}

// readerGoneAt is standard output whose reader goes after it has read
// lines writes (| head -n): every write from then on fails with EPIPE,
// as a pipe's would, with no wait on how fast the reader is.
type readerGoneAt struct {
	strings.Builder
	lines int
}

func (w *readerGoneAt) Write(p []byte) (int, error) {
	if w.lines == 0 {
		return 0, syscall.EPIPE
	}
	w.lines--
	return w.Builder.Write(p)
}

// TestAReaderGoneAfterTheLastRunSaysNothing: a --sweep whose reader goes at its
// first row, three cells untrained, names its --plot heat map as holding what
// was trained by then; one whose reader goes at its last row, every run
// trained, ends as quietly as one without --plot, not saying "training stopped
// there" of a sweep trained to its end.
func TestAReaderGoneAfterTheLastRunSaysNothing(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		rows int
		want string // of the --plot, {plot}
	}{
		{0, "ganui: standard output's reader is gone, and training stopped there; what was trained by then is in --plot {plot}\n"},
		{3, ""},
	} {
		// A heat map of its own each: one over the last's would be told
		// first (session.ReplacedPlot).
		plot := filepath.Join(dir, "sweep"+strconv.Itoa(c.rows)+".png")
		c.want = strings.ReplaceAll(c.want, "{plot}", shellword.Quote(plot))
		c.want = "ganui: sweep of 4 cells × seed 1: d_lr=1e-3 d_lr=2e-3 × g_lr=1e-3 g_lr=2e-3\n" + c.want // its plan, before it trains
		out := &readerGoneAt{lines: c.rows}
		var stderr strings.Builder
		code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "30", "--sweep", "d_lr=1e-3,2e-3", "--sweep", "g_lr=1e-3,2e-3", "--seeds", "1", "--jobs", "1", "--plot", plot}, out, &stderr)
		if code != exitBrokenPipe || stderr.String() != c.want {
			t.Errorf("reader gone after %d rows: exit %d, stderr %q; want %d and %q; output:\n%s", c.rows, code, stderr.String(), exitBrokenPipe, c.want, out.String())
		}
	}
}

// TestAResumedDesignNoPresetNamesIsGivenWhole: a resumed run of a design no
// preset names (its preset file gone with the directory, with the checkpoint
// it resumed) is told the command that trains it from its start in full, its
// design by --set from the built-in nearest it, headless having written no
// file of it; that command trains the same run, to the same final numbers.
func TestAResumedDesignNoPresetNamesIsGivenWhole(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	design := filepath.Join(sub, "mine.json")
	code, js, stderr := runCLI(t, "--show-preset", "vanilla", "--set", "name=mine", "--set", "g_hidden=8")
	if code != 0 {
		t.Fatalf("--show-preset: exit %d, %s", code, stderr)
	}
	if err := os.WriteFile(design, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	ckpt := filepath.Join(sub, "run.ckpt")
	if code, _, stderr := runCLI(t, "--headless", "--preset", design, "--epochs", "20", "--every", "0", "--save", ckpt); code != 0 {
		t.Fatalf("the first 20 epochs: exit %d, %s", code, stderr)
	}
	save := filepath.Join(sub, "more.ckpt")
	var errb bytes.Buffer
	progress := &atProgress{do: func() {
		if err := os.RemoveAll(sub); err != nil {
			t.Error(err)
		}
	}}
	code = run([]string{"--headless", "--resume", ckpt, "--epochs", "30", "--every", "10", "--save", save}, progress, &errb)
	command := "ganui --headless --preset vanilla --set name=mine --set g_hidden=8 --set g_acts=leaky_relu,identity --epochs 30 --seed 1 --save " + save
	want := "ganui: --save: the directory " + sub + " was removed while ganui ran, so more.ckpt is not written; to write it, make the directory again, or give another, and train the run from its start, as the checkpoint it resumed, " + ckpt + ", is gone: " + command + "\n"
	if code != 1 || errb.String() != want {
		t.Fatalf("exit %d, stderr %q; want 1 and %q", code, errb.String(), want)
	}

	// The command, its directory made again, trains the run the resumed
	// one ended as.
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	args := strings.Fields(strings.TrimPrefix(command, "ganui "))
	code, again, stderr := runCLI(t, append([]string{"--every", "0"}, args...)...)
	if code != 0 {
		t.Fatalf("the command: exit %d, %s", code, stderr)
	}
	numbers := func(out string) string {
		_, after, _ := strings.Cut(out, "final ")
		_, after, _ = strings.Cut(after, " mean=")
		nums, _, _ := strings.Cut(after, " epochs_per_s=")
		return nums
	}
	if got, was := numbers(again), numbers(progress.String()); got == "" || got != was {
		t.Errorf("the command's final numbers %q, the resumed run's %q", got, was)
	}
}

// TestOutputsTakenMidRunAreKeptBeside (Unix, for the named pipe): a --save
// whose path a directory takes while the run trains, and a --plot whose path
// a named pipe takes, are neither lost nor put over what took them: each is
// kept beside it under a free name and said so, exit 1, where the checkpoint
// was thrown away, "cannot write run.ckpt: file exists", and the pipe
// replaced without a word. The kept checkpoint resumes.
func TestOutputsTakenMidRunAreKeptBeside(t *testing.T) {
	dir := t.TempDir()
	save, plot := filepath.Join(dir, "run.ckpt"), filepath.Join(dir, "run.png")
	var errb bytes.Buffer
	out := &atProgress{do: func() {
		if err := os.Mkdir(save, 0o755); err != nil {
			t.Error(err)
		}
		if err := syscall.Mkfifo(plot, 0o644); err != nil {
			t.Error(err)
		}
	}}
	code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "30", "--every", "10", "--save", save, "--plot", plot}, out, &errb)
	keptSave, keptPlot := filepath.Join(dir, "run.kept.ckpt"), filepath.Join(dir, "run.kept.png")
	want := "ganui: --save: " + save + " is now a directory, made there while ganui ran, which ganui does not replace: the checkpoint is kept beside it, in " + keptSave + ", which --resume goes on from; " +
		"--plot: " + plot + " is now a named pipe, made there while ganui ran, which ganui does not replace: the figure is kept beside it, in " + keptPlot + "\n"
	if code != 1 || errb.String() != want {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errb.String(), want)
	}
	if st, err := os.Lstat(plot); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe made at --plot's path is not there: %v", err)
	}
	if b, err := os.ReadFile(keptPlot); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("the figure kept beside: %v, %d bytes", err, len(b))
	}
	if code, stdout, stderr := runCLI(t, "--headless", "--resume", keptSave, "--epochs", "31", "--every", "0"); code != 0 || !strings.Contains(stdout, "epochs=31 state=done") {
		t.Errorf("--resume %s: exit %d, %s%s", keptSave, code, stdout, stderr)
	}
}

// TestTheSameCommandAfterAStopPointsAtResume: the command of a run that
// stopped short of its plan (its reader gone, as a signal would), given
// again, trains the run again from epoch 0 over its --save: the note of it,
// before the first epoch, names the checkpoint as this run's and gives the
// --resume that trains it on from there, where it said only "holds a
// checkpoint of vanilla, seed 1, at epoch 1: … copy it elsewhere to keep it".
// Another seed's run over it is told the note as before.
func TestTheSameCommandAfterAStopPointsAtResume(t *testing.T) {
	t.Chdir(t.TempDir())
	args := []string{"--headless", "--preset", "vanilla", "--epochs", "100000", "--every", "10", "--samples", "100", "--save", "run.ckpt"}
	var said strings.Builder
	if code := run(args, &readerGoneAt{lines: 1}, &said); code != exitBrokenPipe {
		t.Fatalf("the first run: exit %d, %s", code, said.String())
	}
	g, err := session.LoadCheckpoint("run.ckpt")
	if err != nil {
		t.Fatal(err)
	}
	at := numtext.FormatInt(g.Epoch())
	saved, err := os.ReadFile("run.ckpt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		more []string
		want string
	}{
		{nil, "ganui: note: --save run.ckpt holds this run, vanilla seed 1, stopped at epoch " + at + " of its 100,000: ganui --headless --resume run.ckpt --every 10 --save run.ckpt trains it on from there, where this command trains it again from epoch 0 and replaces it as the run ends; copy it elsewhere to keep it\n"},
		{[]string{"--seed", "2"}, "ganui: note: --save run.ckpt holds a checkpoint of vanilla, seed 1, at epoch " + at + ": this run's is to replace it as the run ends; copy it elsewhere to keep it\n"},
	} {
		if err := os.WriteFile("run.ckpt", saved, 0o600); err != nil { // the first run's, which the last replaced
			t.Fatal(err)
		}
		var said strings.Builder
		run(append(append([]string{}, args...), c.more...), &readerGoneAt{lines: 0}, &said)
		if !strings.HasPrefix(said.String(), c.want) {
			t.Errorf("%q again: stderr %q, want it to begin %q", c.more, said.String(), c.want)
		}
	}
}

// TestTheSameCommandAfterAStopNamesItsLog: a run stopped short of its plan
// with --save run.ckpt --log run.csv, its command given again, is told in
// one note that the log holds the run's history to its stop too, and that
// the --resume it names goes on in both: "--save run.ckpt holds this run,
// …, and --log run.csv its history to there: … trains it on from there,
// going on in both, where this command …, empties the log at its first
// epoch …", where the log's own note had called it "another run's history,
// to epoch 1", beside the checkpoint's calling it this run. A log that is
// not the run's to its stop — a row of it changed, its last row gone — is
// still told another run's, beside the checkpoint's note as before, and the
// --resume the note names leaves that log out, which it would refuse ("is a
// history that ends at epoch 1, not at the checkpoint's 2"), where it gave
// --log run.csv; each note's command runs, and the one of the run's own log
// goes on in it.
func TestTheSameCommandAfterAStopNamesItsLog(t *testing.T) {
	t.Chdir(t.TempDir())
	args := []string{"--headless", "--preset", "vanilla", "--epochs", "100000", "--every", "10", "--samples", "100", "--save", "run.ckpt", "--log", "run.csv"}
	var said strings.Builder
	if code := run(args, &readerGoneAt{lines: 1}, &said); code != exitBrokenPipe {
		t.Fatalf("the first run: exit %d, %s", code, said.String())
	}
	g, err := session.LoadCheckpoint("run.ckpt")
	if err != nil {
		t.Fatal(err)
	}
	at := numtext.FormatInt(g.Epoch())
	saved, err := os.ReadFile("run.ckpt")
	if err != nil {
		t.Fatal(err)
	}
	log, err := os.ReadFile("run.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(log), "\n")
	last := lines[len(lines)-2]
	changed := strings.Join(lines[:len(lines)-2], "") + strings.Replace(last, ",0.", ",1.", 1)
	cut := strings.Join(lines[:len(lines)-2], "")
	if !strings.HasPrefix(last, at+",") || changed == string(log) || !strings.Contains(cut, "\n") {
		t.Fatalf("the log does not end at the checkpoint's epoch %s:\n%s", at, log)
	}
	both := "ganui: note: --save run.ckpt holds this run, vanilla seed 1, stopped at epoch " + at + " of its 100,000, and --log run.csv its history to there: ganui --headless --resume run.ckpt --every 10 --save run.ckpt --log run.csv trains it on from there, going on in both, where this command trains it again from epoch 0, empties the log at its first epoch and replaces the checkpoint as the run ends; copy the checkpoint elsewhere to keep it\n"
	another := func(to string) string {
		return "ganui: note: --log run.csv holds another run's history, to epoch " + to + ": this run's replaces it\n" +
			"ganui: note: --save run.ckpt holds this run, vanilla seed 1, stopped at epoch " + at + " of its 100,000: ganui --headless --resume run.ckpt --every 10 --save run.ckpt trains it on from there (with no --log: run.csv holds another history, which a --resume refuses; give it another file), where this command trains it again from epoch 0 and replaces it as the run ends; copy it elsewhere to keep it\n"
	}
	restore := func(log string) {
		t.Helper()
		if err := os.WriteFile("run.ckpt", saved, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("run.csv", []byte(log), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		what, log, want string
	}{
		{"the run's own log", string(log), both},
		{"its last row changed", changed, another(at)},
		{"its last row gone", cut, another(strings.Split(lines[len(lines)-3], ",")[0])},
	} {
		restore(c.log)
		var said strings.Builder
		run(args, &readerGoneAt{lines: 0}, &said)
		if !strings.HasPrefix(said.String(), c.want) {
			t.Errorf("%s, the same command again: stderr %q, want it to begin %q", c.what, said.String(), c.want)
		}
		// The command the note gives runs, the log as it was: one epoch on.
		restore(c.log)
		_, command, _ := strings.Cut(said.String(), ": ganui ")
		command, _, _ = strings.Cut(command, " trains it on from there")
		words := append(strings.Fields(command), "--epochs", strconv.Itoa(g.Epoch()+1))
		if code, stdout, stderr := runCLI(t, words...); code != 0 {
			t.Errorf("%s, the note's command ganui %s: exit %d, %s%s", c.what, strings.Join(words, " "), code, stdout, stderr)
		}
	}
	// The --resume the note names goes on in the log, as it says.
	restore(string(log))
	if code, stdout, stderr := runCLI(t, "--headless", "--resume", "run.ckpt", "--every", "10", "--save", "run.ckpt", "--log", "run.csv", "--epochs", strconv.Itoa(g.Epoch()+1)); code != 0 {
		t.Fatalf("the note's --resume: exit %d, %s%s", code, stdout, stderr)
	}
	if got, err := os.ReadFile("run.csv"); err != nil || !strings.HasPrefix(string(got), string(log)) || len(got) == len(log) {
		t.Errorf("the note's --resume did not go on in the log: %v\n%s", err, got)
	}
}

// TestCommandsToCopyKeepLongPaths: a run stopped with its --save under a
// directory whose path runs past 80 characters, and the same command
// given again, name that path whole in every line, the commands they
// give running as they are copied into a shell: the resume line's
// --resume, the note's, and the line of the reader's going, which named
// "--save /…/wide-generators/r…" in the note and in that line, cut
// short as a bad 100 kB argument is.
func TestCommandsToCopyKeepLongPaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "home", "ana", "courses", "2026-ml", "week 09 gans", "experiments", "wide-generators")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	save := filepath.Join(dir, "run-lr-2e-4.ckpt")
	args := []string{"--headless", "--preset", "vanilla", "--epochs", "100000", "--every", "10", "--samples", "100", "--save", save}
	// ran is what command prints of its words, run by sh with ganui a
	// function that prints them a line each.
	ran := func(command string) []string {
		t.Helper()
		out, err := exec.Command("sh", "-c", `ganui() { printf '%s\n' "$@"; }; `+command).Output()
		if err != nil {
			t.Fatalf("sh -c %q: %v", command, err)
		}
		return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	}
	want := []string{"--headless", "--resume", save, "--every", "10", "--save", save}
	var said strings.Builder
	if code := run(args, &readerGoneAt{lines: 1}, &said); code != exitBrokenPipe {
		t.Fatalf("the first run: exit %d, %s", code, said.String())
	}
	if strings.Contains(said.String(), "…") || !strings.Contains(said.String(), "is in --save "+shellword.Quote(save)+"\n") {
		t.Errorf("the stop's lines cut a path, or name it otherwise:\n%s", said.String())
	}
	_, resume, _ := strings.Cut(said.String(), " of its 100,000; ")
	if got := ran(strings.TrimSuffix(resume, " trains the rest\n")); !slices.Equal(got, want) {
		t.Errorf("the resume line's command runs ganui %q, want %q:\n%s", got, want, said.String())
	}
	said.Reset()
	run(args, &readerGoneAt{lines: 0}, &said)
	note, _, _ := strings.Cut(said.String(), "\n")
	_, command, _ := strings.Cut(note, " of its 100,000: ")
	command, _, found := strings.Cut(command, " trains it on from there")
	if !found || strings.Contains(note, "…") {
		t.Fatalf("the note of the run stopped: %q, want its command whole", note)
	}
	if got := ran(command); !slices.Equal(got, want) {
		t.Errorf("the note's command runs ganui %q, want %q:\n%s", got, want, note)
	}
}
