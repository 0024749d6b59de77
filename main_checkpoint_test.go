package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// withoutTimings drops the timing fields from a final line.
func withoutTimings(final string) string {
	s, _, _ := strings.Cut(final, " epochs_per_s=")
	return s
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// TestSaveAndResumeMatchStraightRun: 60 epochs straight print the same
// final line as 30 epochs, --save, then --resume to 60, for several presets.
func TestSaveAndResumeMatchStraightRun(t *testing.T) {
	for _, preset := range []string{"blog-original", "vanilla", "devnag-moments"} {
		t.Run(preset, func(t *testing.T) {
			ckpt := filepath.Join(t.TempDir(), "run.ckpt")
			common := []string{"--headless", "--preset", preset, "--every", "0", "--samples", "1000"}
			code, straight, stderr := runCLI(t, append(common, "--epochs", "60", "--seed", "4")...)
			if code != 0 {
				t.Fatalf("straight run: exit %d: %s", code, stderr)
			}
			if code, _, stderr = runCLI(t, append(common, "--epochs", "30", "--seed", "4", "--save", ckpt)...); code != 0 {
				t.Fatalf("first half: exit %d: %s", code, stderr)
			}
			code, resumed, stderr := runCLI(t, "--headless", "--resume", ckpt, "--epochs", "60", "--every", "0", "--samples", "1000")
			if code != 0 {
				t.Fatalf("resume: exit %d: %s", code, stderr)
			}
			if a, b := withoutTimings(lastLine(straight)), withoutTimings(lastLine(resumed)); a != b {
				t.Fatalf("resumed run differs:\n straight %s\n resumed  %s", a, b)
			}
		})
	}
}

// savedRun is the path and bytes of good.ckpt in dir, a checkpoint of a
// short run that ganui --save wrote there.
func savedRun(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	good := filepath.Join(dir, "good.ckpt")
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "2", "--every", "0", "--samples", "100", "--save", good); code != 0 {
		t.Fatal(stderr)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	return good, data
}

func TestBadResumeInputExitsTwo(t *testing.T) {
	dir := t.TempDir()
	good, data := savedRun(t, dir)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	corrupt := append([]byte(nil), data...)
	corrupt[len(corrupt)/2] ^= 1
	for name, path := range map[string]string{
		"missing":   filepath.Join(dir, "nope.ckpt"),
		"directory": dir,
		"truncated": write("short.ckpt", data[:len(data)/3]),
		"empty":     write("empty.ckpt", nil),
		"corrupted": write("bad.ckpt", corrupt),
		"csv":       write("log.csv", []byte(session.CSVHeader+"\n1,2,3,4,5,6\n")),
	} {
		code, _, stderr := runCLI(t, "--headless", "--resume", path)
		if code != 2 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "--resume") || !strings.Contains(stderr, path) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and one --resume line that names the file", name, code, stderr)
		}
		// one that is no usable checkpoint says what to give instead
		if damaged := strings.Contains(stderr, "not a usable checkpoint"); damaged != (name == "truncated" || name == "empty" || name == "corrupted") ||
			damaged && !strings.HasSuffix(stderr, "; give a whole checkpoint, as --save or the trainer's w writes one\n") {
			t.Errorf("%s: stderr %q; want a damaged one told to give a whole checkpoint", name, stderr)
		}
	}
	// An empty file (a --save that never came, a touch) is said to be that, not
	// called a truncated header.
	empty := filepath.Join(dir, "empty.ckpt")
	if _, _, stderr := runCLI(t, "--headless", "--resume", empty); stderr != "ganui: --resume: "+empty+": not a usable checkpoint: it is empty (0 bytes); give a whole checkpoint, as --save or the trainer's w writes one\n" {
		t.Errorf("an empty checkpoint: %q", stderr)
	}
	for _, args := range [][]string{
		{"--headless", "--resume", good, "--preset", "vanilla"},
		{"--headless", "--resume", good, "--seed", "3"},
		{"--headless", "--resume", good, "--set", "g_lr=1e-3"},
		{"--save", good},
	} {
		if code, _, stderr := runCLI(t, args...); code != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args, code, stderr)
		}
	}
}

// TestNewerGanuisFilesExitTwo: a checkpoint and a preset file written by a
// newer ganui, their designs with a key this one does not know, and a
// checkpoint of a later format, are refused with exit 2 and one line that names
// the file, the ganui that wrote it, the key and the way out (the checkpoint's
// not a bare "unknown field").
func TestNewerGanuisFilesExitTwo(t *testing.T) {
	dir := t.TempDir()
	_, data := savedRun(t, dir)
	// The configuration, after the header (magic, version u32, body
	// length u64) and its length u32, with the writer and a key of a
	// newer ganui; the lengths and the checksum made to match.
	const header = 8 + 4 + 8
	n := int(binary.LittleEndian.Uint32(data[header:]))
	var cfg map[string]json.RawMessage
	if err := json.Unmarshal(data[header+4:header+4+n], &cfg); err != nil {
		t.Fatal(err)
	}
	cfg[engine.VersionKey], cfg["d_future_steps"] = json.RawMessage(`"v9.9.9"`), json.RawMessage(`3`)
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	body := slices.Concat(binary.LittleEndian.AppendUint32(nil, uint32(len(cfgJSON))), cfgJSON, data[header+4+n:len(data)-sha256.Size])
	newer := binary.LittleEndian.AppendUint64(slices.Clone(data[:header-8]), uint64(len(body)))
	newer = append(newer, body...)
	sum := sha256.Sum256(newer)
	ckpt := filepath.Join(dir, "newer.ckpt")
	preset := filepath.Join(dir, "newer.json")
	if err := os.WriteFile(ckpt, append(newer, sum[:]...), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(preset, []byte("{\n  \"ganui_version\": \"v9.9.9\",\n  \"base\": \"vanilla\",\n  \"d_future_steps\": 3\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same checkpoint as a later format would mark it.
	format := binary.LittleEndian.Uint32(data[8:])
	later := slices.Clone(data[:len(data)-sha256.Size])
	binary.LittleEndian.PutUint32(later[8:], format+1)
	laterSum := sha256.Sum256(later)
	laterPath := filepath.Join(dir, "later.ckpt")
	if err := os.WriteFile(laterPath, append(later, laterSum[:]...), 0o600); err != nil {
		t.Fatal(err)
	}
	said := `written by ganui v9.9.9, whose design has a key this ganui, ` + release.Version + `, does not know: "d_future_steps"; upgrade ganui to read it` + "\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--resume", ckpt}, "ganui: --resume: " + ckpt + ": " + said},
		{[]string{"--resume", ckpt}, "ganui: --resume: " + ckpt + ": " + said},
		{[]string{"--headless", "--resume", laterPath}, fmt.Sprintf("ganui: --resume: %s: written by a newer ganui, in checkpoint format %d; this ganui, %s, reads formats 1 to %d: upgrade ganui to read it\n", laterPath, format+1, release.Version, format)},
		{[]string{"--headless", "--preset", preset}, "ganui: --preset: " + preset + ":4: " + said},
		{[]string{"--show-preset", preset}, "ganui: --show-preset: " + preset + ":4: " + said},
	} {
		if code, _, stderr := runCLI(t, c.args...); code != 2 || stderr != c.want {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// startChild runs ganui with args in a child process (the test binary,
// as TestMain makes it ganui) and returns it started, with its standard
// output to be read as lines and its standard error gathered; the child
// is killed if the test ends before it does.
func startChild(t *testing.T, args ...string) (cmd *exec.Cmd, lines *bufio.Scanner, stderr *strings.Builder) {
	t.Helper()
	return startChildWith(t, nil, nil, args...)
}

// startChildWith is startChild with env added to the child's environment
// and attr, when not nil, its process's attributes.
func startChildWith(t *testing.T, env []string, attr *syscall.SysProcAttr, args ...string) (cmd *exec.Cmd, lines *bufio.Scanner, stderr *strings.Builder) {
	t.Helper()
	cmd = exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "GANUI_TEST_MAIN=1"), env...)
	cmd.SysProcAttr = attr
	stderr = new(strings.Builder)
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, bufio.NewScanner(stdout), stderr
}

// TestInterruptSavesTheRun runs ganui as a child process, sends SIGINT once
// it is training, and checks the child flushed its log, saved a checkpoint
// that loads, printed state=interrupted and exited 130, its last line on
// stderr the command that trains the run on from the checkpoint, where it
// ended at the stop's note and left the user to work out the --resume.
func TestInterruptSavesTheRun(t *testing.T) {
	dir := t.TempDir()
	ckpt, logPath := filepath.Join(dir, "run.ckpt"), filepath.Join(dir, "run.csv")
	cmd, lines, stderr := startChild(t, "--headless", "--epochs", "100000000", "--every", "20", "--samples", "100", "--save", ckpt, "--log", logPath)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "epoch=") {
		t.Fatalf("child printed %q before training", lines.Text())
	}
	cmd.Process.Signal(syscall.SIGINT)
	var last string
	for lines.Scan() {
		last = lines.Text()
	}
	err := cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitSignal {
		t.Fatalf("child ended with %v, want exit %d", err, exitSignal)
	}
	if !strings.HasPrefix(last, "final ") || !strings.Contains(last, " state=interrupted ") {
		t.Fatalf("last line %q, want a final line with state=interrupted", last)
	}
	gan, err := session.LoadCheckpoint(ckpt)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(logPath)
	rows := strings.Count(string(data), "\n") - 1
	if rows != gan.Epoch() || !strings.Contains(last, " epochs="+strconv.Itoa(gan.Epoch())+" ") {
		t.Fatalf("log has %d epochs, checkpoint %d, final line %q: want them equal", rows, gan.Epoch(), last)
	}
	said := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	want := fmt.Sprintf("ganui: %s holds the run at epoch %s of its 100,000,000; ", ckpt, numtext.FormatInt(gan.Epoch()))
	wantCmd := fmt.Sprintf(" --headless --resume %s --every 20 --save %s --log %s trains the rest", ckpt, ckpt, logPath)
	if l := said[len(said)-1]; !strings.HasPrefix(l, want) || !strings.HasSuffix(l, wantCmd) {
		t.Errorf("stderr ends %q, want %q, the program, then %q", l, want, wantCmd)
	}
}

// TestResumedLogNotThereIsSaid: a resumed run given a --log that is not
// there (the log it wrote up to its checkpoint moved or removed since) or
// is empty writes a new log from the epoch after the checkpoint's, and
// says so on stderr, exit 0, where it had begun the file without a word,
// a user who expected the whole history left to find epochs 1–30
// missing from it; a log that goes on is told nothing.
func TestResumedLogNotThereIsSaid(t *testing.T) {
	t.Chdir(t.TempDir())
	common := []string{"--headless", "--every", "0", "--samples", "100"}
	if code, _, stderr := runCLI(t, append(common, "--preset", "vanilla", "--epochs", "30", "--save", "run.ckpt", "--log", "run.csv")...); code != 0 {
		t.Fatalf("making a checkpoint: exit %d, %s", code, stderr)
	}
	if err := os.WriteFile("empty.csv", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ log, want string }{
		{"gone.csv", "ganui: note: --log gone.csv was not there, so it begins at epoch 31: epochs 1–30, up to the checkpoint, are not in it\n"},
		{"empty.csv", "ganui: note: --log empty.csv was empty, so it begins at epoch 31: epochs 1–30, up to the checkpoint, are not in it\n"},
		{"run.csv", ""}, // the log goes on
	} {
		code, _, stderr := runCLI(t, append(common, "--resume", "run.ckpt", "--epochs", "40", "--log", c.log)...)
		if code != 0 || stderr != c.want {
			t.Errorf("--resume run.ckpt --log %s: exit %d, stderr %q; want exit 0, %q", c.log, code, stderr, c.want)
		}
	}
}

// TestReplacedOutputsAreSaid: a --save or --log naming another run's
// checkpoint or history says on standard error, before the first epoch,
// what the run will replace, the checkpoint's design, seed and epoch and
// the history's last epoch, and the run goes on to replace them; a run
// that goes on in its own checkpoint and log, and an empty file, replace
// nothing and say nothing.
func TestReplacedOutputsAreSaid(t *testing.T) {
	t.Chdir(t.TempDir())
	common := []string{"--headless", "--every", "0", "--samples", "100", "--preset", "vanilla", "--save", "run.ckpt", "--log", "run.csv"}
	if code, _, stderr := runCLI(t, append(common, "--epochs", "30")...); code != 0 || stderr != "" {
		t.Fatalf("the first run: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr := runCLI(t, append(common, "--epochs", "20", "--seed", "2")...)
	want := "ganui: note: --log run.csv holds another run's history, to epoch 30: this run's replaces it\n" +
		"ganui: note: --save run.ckpt holds a checkpoint of vanilla, seed 1, at epoch 30: this run's is to replace it as the run ends; copy it elsewhere to keep it\n"
	if code != 0 || stderr != want {
		t.Fatalf("a run over another's checkpoint and log: exit %d, stderr\n%s\nwant\n%s", code, stderr, want)
	}
	if gan, err := session.LoadCheckpoint("run.ckpt"); err != nil || gan.Epoch() != 20 || gan.Seed() != 2 {
		t.Fatalf("the replaced checkpoint: %v, %v; want seed 2's at epoch 20", gan, err)
	}
	if code, _, stderr := runCLI(t, "--headless", "--every", "0", "--samples", "100", "--resume", "run.ckpt", "--epochs", "30", "--save", "run.ckpt", "--log", "run.csv"); code != 0 || stderr != "" {
		t.Errorf("a run going on in its own checkpoint and log: exit %d, stderr %q; want nothing said", code, stderr)
	}
	for _, f := range []string{"new.ckpt", "new.csv"} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := runCLI(t, "--headless", "--every", "0", "--samples", "100", "--epochs", "5", "--save", "new.ckpt", "--log", "new.csv"); code != 0 || stderr != "" {
		t.Errorf("a run over empty files: exit %d, stderr %q; want nothing said", code, stderr)
	}
}

// TestTheSameCommandAfterItsEndNamesItsLog: a run trained to its plan's end
// with --save run.ckpt --log run.csv, its command given again, is told in one
// note that the log holds the checkpoint's history to there, as a stopped
// run's command given again is (TestTheSameCommandAfterAStopNamesItsLog),
// where the log's own note had called it "another run's history, to epoch
// 20" beside the checkpoint's, of the same design, seed and epoch. Its log
// changed since, it is told apart as before.
func TestTheSameCommandAfterItsEndNamesItsLog(t *testing.T) {
	t.Chdir(t.TempDir())
	args := []string{"--headless", "--every", "0", "--samples", "100", "--preset", "vanilla", "--epochs", "20", "--save", "run.ckpt", "--log", "run.csv"}
	if code, _, stderr := runCLI(t, args...); code != 0 || stderr != "" {
		t.Fatalf("the first run: exit %d, stderr %q", code, stderr)
	}
	want := "ganui: note: --save run.ckpt holds a checkpoint of vanilla, seed 1, at epoch 20, and --log run.csv its history to there: this run's are to replace them, the log's at its first epoch, the checkpoint's as the run ends; copy the checkpoint elsewhere to keep it\n"
	if code, _, stderr := runCLI(t, args...); code != 0 || stderr != want {
		t.Errorf("the same command again: exit %d, stderr\n%s\nwant\n%s", code, stderr, want)
	}
	log, err := os.ReadFile("run.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("run.csv", bytes.Replace(log, []byte("\n20,"), []byte("\n21,"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	want = "ganui: note: --log run.csv holds another run's history, to epoch 21: this run's replaces it\n" +
		"ganui: note: --save run.ckpt holds a checkpoint of vanilla, seed 1, at epoch 20: this run's is to replace it as the run ends; copy it elsewhere to keep it\n"
	if code, _, stderr := runCLI(t, args...); code != 0 || stderr != want {
		t.Errorf("the same command again, its log's last row another epoch's: exit %d, stderr\n%s\nwant\n%s", code, stderr, want)
	}
}

// TestSaveUpdatesTheResumedCheckpoint: --save may name the checkpoint --resume
// continues, so that a run goes on in one file kept up to date, as it ends and
// as SIGINT stops it: the file then holds the run at its last epoch, whole, and
// nothing is left beside it. It is not refused as an output that would
// overwrite an input.
func TestSaveUpdatesTheResumedCheckpoint(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "run.ckpt")
	common := []string{"--headless", "--every", "0", "--samples", "100", "--save", ckpt}
	if code, _, stderr := runCLI(t, append(common, "--preset", "vanilla", "--epochs", "30")...); code != 0 {
		t.Fatalf("making a checkpoint: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, append(common, "--resume", ckpt, "--epochs", "60")...); code != 0 {
		t.Fatalf("--resume %s --save %[1]s: exit %d, %s", ckpt, code, stderr)
	}
	if gan, err := session.LoadCheckpoint(ckpt); err != nil || gan.Epoch() != 60 {
		t.Fatalf("after the resumed run the checkpoint is %v, %v; want epoch 60", gan, err)
	}
	cmd, lines, stderr := startChild(t, "--headless", "--resume", ckpt, "--epochs", "100000000", "--every", "20", "--samples", "100", "--save", ckpt)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "epoch=") {
		t.Fatalf("child printed %q before training; stderr %q", lines.Text(), stderr.String())
	}
	cmd.Process.Signal(syscall.SIGINT)
	var last string
	for lines.Scan() {
		last = lines.Text()
	}
	if err := cmd.Wait(); err == nil || err.(*exec.ExitError).ExitCode() != exitSignal {
		t.Fatalf("child ended with %v, want exit %d; stderr %q", err, exitSignal, stderr.String())
	}
	gan, err := session.LoadCheckpoint(ckpt)
	if err != nil {
		t.Fatal(err)
	}
	if gan.Epoch() <= 60 || !strings.Contains(last, " epochs="+strconv.Itoa(gan.Epoch())+" ") {
		t.Fatalf("checkpoint at epoch %d, final line %q: want the run's last epoch, past 60", gan.Epoch(), last)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files beside the checkpoint: %v", entries)
	}
}

// TestStoppedRunSaysItsFigureFailed: a run or a sweep stopped by SIGINT draws
// its figure, a sweep the heat map of the rows it has; when that cannot be
// written, ganui says so and exits 1, which wins over 130 (docs/command-line.md:
// Exit codes).
// A sweep does not exit 130 without a word, nor does a run whose --save failed
// too name only the checkpoint.
func TestStoppedRunSaysItsFigureFailed(t *testing.T) {
	for _, c := range []struct {
		name, args, first string
		want              []string
	}{
		// one cell of 20 epochs, one that trains until stopped
		{"sweep", "--jobs 2 --sweep epochs=20,100000000 --sweep g_lr=1e-3 --plot DIR/map.png", "sweep epochs=20 ", []string{"--plot: "}},
		{"run", "--epochs 100000000 --every 20 --save DIR/run.ckpt --plot DIR/run.png", "epoch=20 ", []string{"--save, --plot: the directory "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			cmd, lines, stderr := startChild(t, strings.Fields("--headless --preset vanilla --samples 100 "+strings.ReplaceAll(c.args, "DIR", dir))...)
			if !lines.Scan() || !strings.HasPrefix(lines.Text(), c.first) {
				t.Fatalf("child printed %q, want %q…", lines.Text(), c.first)
			}
			if err := os.RemoveAll(dir); err != nil { // nothing can be written there now; the --save's reserved file goes with it
				t.Fatal(err)
			}
			cmd.Process.Signal(syscall.SIGINT)
			for lines.Scan() {
			}
			err := cmd.Wait()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailure {
				t.Fatalf("child ended with %v, stderr %q; want exit %d", err, stderr.String(), exitFailure)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr %q does not say %q", stderr.String(), w)
				}
			}
		})
	}
}

// TestRefusedRunLeavesNoSaveRoom: a run refused after its --save room was
// reserved (a checkpoint resumed at its plan's end) gives the room back,
// leaving no hidden temporary file, as large as the checkpoint, beside the
// --save path for a later write of it to remove.
func TestRefusedRunLeavesNoSaveRoom(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "done.ckpt")
	if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "3", "--every", "0", "--save", ckpt); code != 0 {
		t.Fatalf("making a checkpoint: exit %d, %s", code, stderr)
	}
	wantUsageError(t, []string{"--headless", "--resume", ckpt, "--save", filepath.Join(dir, "next.ckpt")}, "at epoch 3, the end of its plan")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "done.ckpt" {
			t.Errorf("the refused run left %s", e.Name())
		}
	}
}

// TestResumeAtItsPlanDrawsItsFigure: --plot of a checkpoint at its plan's end
// trains nothing and draws the figure the run drew when it ended, byte for
// byte, saying so on stderr, so that the trainer's P is not the only way to
// draw a finished run. With a --log, which would have no epoch to hold, it is
// still refused, saying that --plot draws it without the --log.
func TestResumeAtItsPlanDrawsItsFigure(t *testing.T) {
	dir := t.TempDir()
	ckpt, first, again := filepath.Join(dir, "done.ckpt"), filepath.Join(dir, "first.png"), filepath.Join(dir, "again.png")
	if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "30", "--every", "0", "--save", ckpt, "--plot", first); code != 0 {
		t.Fatalf("making a checkpoint: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "--headless", "--resume", ckpt, "--plot", again)
	if code != 0 || !strings.Contains(stdout, "epochs=30 state=done") {
		t.Fatalf("--plot of a finished checkpoint: exit %d\n%s%s", code, stdout, stderr)
	}
	if want := "ganui: note: --resume: the checkpoint is at epoch 30, the end of its plan: --epochs N trains on to epoch N; nothing is trained, and --plot draws the run as saved\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	a, errA := os.ReadFile(first)
	b, errB := os.ReadFile(again)
	if errA != nil || errB != nil || len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("the figure of the finished checkpoint (%d bytes, %v) is not the run's own (%d bytes, %v)", len(b), errB, len(a), errA)
	}
	// Refused with a --log, it says what stands in the figure's way, not only
	// --epochs, as if the figure could not be drawn.
	wantUsageError(t, []string{"--headless", "--resume", ckpt, "--plot", again, "--log", filepath.Join(dir, "h.csv")},
		"ganui: --resume: the checkpoint is at epoch 30, the end of its plan: --epochs N trains on to epoch N; without --log, which would have no epoch to hold, --plot draws the run as saved\n")
}

// TestResumeAtItsEpochDrawsTheMomentSaved: --epochs at the epoch of a
// checkpoint saved mid-run (the trainer's w at epoch 7 of 100) is the run at
// its plan's end: --plot trains nothing and draws the moment saved, titled
// "7 epochs (done)", saying so on stderr, where it was refused, "give a plan
// past it", and the only way to draw that moment was the trainer's --paused
// and P. Without --plot it is refused as a run at its plan's end is, naming
// the --epochs that trains on.
func TestResumeAtItsEpochDrawsTheMomentSaved(t *testing.T) {
	dir := t.TempDir()
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 100
	s, err := session.New(session.Options{Config: cfg, Seed: 1, Paused: true, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	s.Send(session.Step{Epochs: 7})
	s.Send(session.Save{})
	for snap := range s.Snapshots() {
		if snap.Failed {
			t.Fatalf("w at epoch %d: %s", snap.Epoch, snap.Note)
		}
		if snap.Epoch == 7 && strings.Contains(snap.Note, "--resume") {
			break
		}
	}
	s.Stop()
	ckpt, drawn := filepath.Join(dir, "ganui-vanilla-seed1-epoch7.ckpt"), filepath.Join(dir, "moment.svg")
	code, stdout, stderr := runCLI(t, "--headless", "--resume", ckpt, "--epochs", "7", "--plot", drawn)
	if code != 0 || !strings.Contains(stdout, " epochs=7 state=done ") {
		t.Fatalf("--epochs 7 --plot of a checkpoint at epoch 7 of 100: exit %d\n%s%s", code, stdout, stderr)
	}
	if want := "ganui: note: --epochs 7: the checkpoint is at epoch 7 already: an --epochs N past it trains on to epoch N; nothing is trained, and --plot draws the run as saved\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	// P's figure of the moment, but for the state's words (done, where
	// the trainer's is paused) and the plan's (7, where its is 100).
	if got, err := os.ReadFile(drawn); err != nil || !strings.Contains(string(got), "vanilla · seed 1 · 7 epochs (done) ·") {
		t.Errorf("the figure drawn headless (%v) is not titled with epoch 7:\n%.2000s", err, got)
	}
	wantUsageError(t, []string{"--headless", "--resume", ckpt, "--epochs", "7"},
		"ganui: --epochs 7: the checkpoint is at epoch 7 already: an --epochs N past it trains on to epoch N\n")
}

// TestResumeAtItsPlanRefused: resuming a checkpoint whose plan is reached, or
// with an --epochs it has reached, would train nothing; it is refused, saying
// how to go on, and leaves the --log file it was given, the run's own, as it
// was; another design's history is refused as the --log of any resumed run is
// (session's TestResumedLogKeepsAnotherRunsHistory). An --epochs the checkpoint
// has passed is refused by the trainer too, in the same words, before it
// starts, not opened as a run past a plan it never had; one at its epoch is
// the run at its plan's end (TestResumeAtItsEpochDrawsTheMomentSaved).
func TestResumeAtItsPlanRefused(t *testing.T) {
	dir := t.TempDir()
	ckpt, log, theirs := filepath.Join(dir, "done.ckpt"), filepath.Join(dir, "keep.csv"), filepath.Join(dir, "plane.csv")
	if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "30", "--every", "0", "--save", ckpt, "--log", log); code != 0 {
		t.Fatalf("making a checkpoint: exit %d, %s", code, stderr)
	}
	ownLog, _ := os.ReadFile(log)
	precious := session.CSVPlaneColumns(3) + "\n1,0.7,0.7,0.7,0,1,0,1\n" // another design's history, which the run must not replace
	if err := os.WriteFile(theirs, []byte(precious), 0o644); err != nil {
		t.Fatal(err)
	}
	wantUsageError(t, []string{"--headless", "--resume", ckpt, "--log", log}, "at epoch 30, the end of its plan", "--epochs N")
	wantUsageError(t, []string{"--headless", "--resume", ckpt, "--epochs", "40", "--log", theirs}, "--log "+theirs+" is another run's history, of other columns than this run's")
	if data, err := os.ReadFile(theirs); err != nil || string(data) != precious {
		t.Fatalf("another design's history, refused, holds %q (%v); want it untouched", data, err)
	}
	wantUsageError(t, []string{"--headless", "--resume", ckpt, "--epochs", "20", "--log", log}, "--epochs 20", "at epoch 30 already")
	// Below the checkpoint's epoch, refused by both front ends; at it, the
	// run at its plan's end, refused headless without --plot.
	_, _, headless := runCLI(t, "--headless", "--resume", ckpt, "--epochs", "20")
	want := "ganui: --epochs 20: the checkpoint is at epoch 30 already; give a plan past it\n"
	if headless != want {
		t.Errorf("headless --epochs 20: %q, want %q", headless, want)
	}
	wantUsageError(t, []string{"--resume", ckpt, "--epochs", "20"}, want)
	wantUsageError(t, []string{"--headless", "--resume", ckpt, "--epochs", "30"}, "ganui: --epochs 30: the checkpoint is at epoch 30 already: an --epochs N past it trains on to epoch N\n")
	if data, err := os.ReadFile(log); err != nil || !bytes.Equal(data, ownLog) {
		t.Fatalf("the refused commands' --log file holds %.80q (%v); want it untouched", data, err)
	}
	if code, stdout, stderr := runCLI(t, "--headless", "--resume", ckpt, "--epochs", "40", "--every", "0"); code != 0 || !strings.Contains(stdout, " epochs=40 ") {
		t.Fatalf("--epochs 40: exit %d, %q, %q", code, stdout, stderr)
	}
}

// TestResumeFromElsewhereNamesThePointsFile: a checkpoint of a run on
// points(data/pts.csv), --set's path relative to the working directory, names
// its points file absolute, so that a run resumed from another directory names
// the same file and refuses it as an output, not data/pts.csv there, refusing a
// --log of that name, a file that is not the points file, and taking
// ../data/pts.csv, which is, as its --log, replacing the user's data. A
// checkpoint an earlier ganui wrote, with the path relative, loads where the
// file of that name holds its points, and is refused elsewhere (engine's
// TestCheckpointPointsPathAbsolute,
// TestRelativePointsCheckpointRefusedElsewhere).
func TestResumeFromElsewhereNamesThePointsFile(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"data", "other"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const points = "x,y\n0,0\n1,1\n2,0\n"
	pts := filepath.Join(root, "data", "pts.csv")
	if err := os.WriteFile(pts, []byte(points), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	common := []string{"--headless", "--every", "0", "--samples", "100"}
	if code, out, stderr := runCLI(t, append(common, "--preset", "ring", "--set", "target=points(data/pts.csv)", "--epochs", "3", "--save", "run.ckpt")...); code != 0 || !strings.Contains(out, " target=points(data/pts.csv) ") {
		t.Fatalf("making the checkpoint: exit %d, %s%s", code, out, stderr)
	}
	t.Chdir(filepath.Join(root, "other"))
	code, out, stderr := runCLI(t, append(common, "--resume", "../run.ckpt", "--epochs", "6")...)
	if want := " target=points(" + pts + ") "; code != 0 || !strings.Contains(out, want) {
		t.Fatalf("resumed from elsewhere: exit %d, %s%s; want %q", code, out, stderr, want)
	}
	wantUsageError(t, append(common, "--resume", "../run.ckpt", "--epochs", "6", "--log", "../data/pts.csv"),
		"--log ../data/pts.csv is the same file as the target's points file: it would be overwritten")
	if data, _ := os.ReadFile(pts); string(data) != points {
		t.Fatalf("the points file holds %q", data)
	}
	if err := os.Mkdir("data", 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, append(common, "--resume", "../run.ckpt", "--epochs", "6", "--log", "data/pts.csv")...); code != 0 {
		t.Errorf("--log data/pts.csv, another file than the points: exit %d, %s", code, stderr)
	}
}

// TestReplacedPlotIsSaid: a --plot naming a figure already there says on
// standard error, before the first epoch, as --save and --log do
// (TestReplacedOutputsAreSaid), what the run's figure is to replace: its
// format, and a PNG's size; a batch's and a sweep's say it too. An empty
// file replaces nothing and says nothing.
func TestReplacedPlotIsSaid(t *testing.T) {
	t.Chdir(t.TempDir())
	common := []string{"--headless", "--samples", "100", "--preset", "vanilla", "--epochs", "20"}
	if code, _, stderr := runCLI(t, append(common, "--every", "0", "--plot", "run.png")...); code != 0 || stderr != "" {
		t.Fatalf("the first run: exit %d, stderr %q", code, stderr)
	}
	if err := os.WriteFile("run.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("empty.png", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--every", "0", "--plot", "run.png"}, "ganui: note: --plot run.png holds a PNG image of 1,100×770 pixels: the figure drawn as the run ends is to replace it; copy it elsewhere to keep it\n"},
		{[]string{"--every", "0", "--plot", "run.svg"}, "ganui: note: --plot run.svg holds an SVG image: the figure drawn as the run ends is to replace it; copy it elsewhere to keep it\n"},
		{[]string{"--plot", "run.png", "--seeds", "1-2"}, "ganui: note: --plot run.png holds a PNG image of 1,100×770 pixels: the figure drawn as the batch ends is to replace it; copy it elsewhere to keep it\n"},
		{[]string{"--every", "0", "--plot", "empty.png"}, ""},
	} {
		code, _, stderr := runCLI(t, append(common, c.args...)...)
		if code != 0 || stderr != c.want {
			t.Errorf("%s over a figure: exit %d, stderr\n%q\nwant\n%q", strings.Join(c.args, " "), code, stderr, c.want)
		}
	}
}

// TestCheckpointAsPresetOffersItsEpochs: a checkpoint at its plan's end
// given to --preset (or --show-preset) is offered the --resume that
// trains it on, with the --epochs given where they go past its epoch, and
// that command runs, where "ganui --headless --resume a.ckpt continues
// its run" was offered, the --epochs dropped, and refused ("the end of
// its plan").
func TestCheckpointAsPresetOffersItsEpochs(t *testing.T) {
	ckpt := filepath.Join(t.TempDir(), "a.ckpt")
	if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "3", "--every", "0", "--save", ckpt); code != 0 {
		t.Fatalf("saving: exit %d, %s", code, stderr)
	}
	wantUsageError(t, []string{"--headless", "--preset", ckpt, "--epochs", "8"},
		"is a checkpoint, not a preset file: ganui --headless --resume "+ckpt+" --epochs 8 trains it on from epoch 3 to 8\n")
	wantUsageError(t, []string{"--headless", "--preset", ckpt, "--epochs", "2"},
		"ganui --headless --resume "+ckpt+" --epochs N trains it on to epoch N, past its plan's end at epoch 3\n")
	wantUsageError(t, []string{"--show-preset", ckpt}, "ganui --resume "+ckpt+" --epochs N trains it on to epoch N")
	if code, _, stderr := runCLI(t, "--headless", "--resume", ckpt, "--epochs", "8", "--every", "0"); code != 0 {
		t.Errorf("the command offered: exit %d, %s", code, stderr)
	}
}
