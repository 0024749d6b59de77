package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestBadOutputsFailBeforeTraining: every output is checked first, and a bad
// one exits 2 with one line and nothing trained, so that a --save into a
// missing directory is not found out after the whole run.
func TestBadOutputsFailBeforeTraining(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.ckpt")
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "5", "--every", "0", "--save", keep); code != 0 {
		t.Fatalf("making a checkpoint: exit %d, %s", code, stderr)
	}
	before, _ := os.ReadFile(keep)
	preset := writeFile(t, "mine.json", `{"base": "vanilla"}`)
	points := writeFile(t, "pts.csv", "0,0\n1,1\n2,0\n")
	pointsTarget := "target=points(" + points + ")"
	pointsRun := filepath.Join(t.TempDir(), "pts.ckpt") // a run that carries its points
	if code, _, stderr := runCLI(t, "--headless", "--preset", "ring", "--set", pointsTarget, "--epochs", "2", "--every", "0", "--save", pointsRun); code != 0 {
		t.Fatalf("making a checkpoint of a points target: exit %d, %s", code, stderr)
	}
	// --save names a checkpoint by its extension, --log a CSV history
	// (outputName): they reach the other files through links.
	presetLink, pointsLink := filepath.Join(dir, "mine.ckpt"), filepath.Join(dir, "pts.ckpt")
	keepLog, presetLog := filepath.Join(dir, "keep.csv"), filepath.Join(dir, "mine.csv")
	for link, to := range map[string]string{presetLink: preset, pointsLink: points, keepLog: keep, presetLog: preset} {
		if err := os.Symlink(to, link); err != nil {
			t.Fatal(err)
		}
	}
	dangling := filepath.Join(dir, "dangling.png")
	if err := os.Symlink(filepath.Join(dir, "made.ckpt"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--save", filepath.Join(dir, "missing", "x.ckpt")}, "--save: cannot write " + filepath.Join(dir, "missing", "x.ckpt") + ": the directory " + filepath.Join(dir, "missing") + " does not exist"},
		{[]string{"--log", filepath.Join(dir, "missing", "x.csv")}, "--log: cannot write " + filepath.Join(dir, "missing", "x.csv") + ": the directory " + filepath.Join(dir, "missing") + " does not exist"},
		{[]string{"--save", dir}, "is a directory"},
		{[]string{"--resume", keep, "--log", keepLog}, "--log " + keepLog + " is the same file as --resume"},
		{[]string{"--preset", preset, "--save", presetLink}, "--save " + presetLink + " is the same file as --preset"},
		{[]string{"--log", filepath.Join(dir, "x"), "--save", filepath.Join(dir, "x")}, "is the same file as --log"},
		{[]string{"--preset", preset, "--log", presetLog}, "is the same file as --preset"},
		{[]string{"--preset", "ring", "--set", pointsTarget, "--log", points}, "is the same file as the target's points file"},
		{[]string{"--preset", "ring", "--set", pointsTarget, "--save", pointsLink}, "is the same file as the target's points file"},
		{[]string{"--resume", pointsRun, "--log", points}, "is the same file as the target's points file"}, // not read, but the user's data
		{[]string{"--save", filepath.Join(dir, "made.ckpt"), "--plot", dangling}, "--plot " + dangling + " is the same file as --save"},
		{[]string{"--save", ""}, "--save: empty"},
		{[]string{"--log", ""}, "--log: empty"},
	} {
		wantUsageError(t, append([]string{"--headless", "--epochs", "5"}, c.args...), c.want)
	}
	if after, _ := os.ReadFile(keep); string(after) != string(before) {
		t.Fatal("the checkpoint changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 6 { // keep.ckpt and the links
		t.Errorf("files left behind: %v", entries)
	}
	if data, _ := os.ReadFile(points); string(data) != "0,0\n1,1\n2,0\n" {
		t.Errorf("the points file holds %q", data)
	}
}

// TestOutputNamedOnlyByItsExtension: an output flag given only the extension
// its files take (--plot .png, dots before it aside) is a name left out:
// refused, saying what to give, not written as a hidden file of that name. A
// hidden file of another extension is a name.
func TestOutputNamedOnlyByItsExtension(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, c := range []struct{ flag, path, want string }{
		{"--plot", ".png", `--plot: .png has no name before its extension; give e.g. run.png`},
		{"--plot", "..SVG", `--plot: ..SVG has no name before its extension; give e.g. run.SVG`},
		{"--plot", "out/.pdf", `--plot: out/.pdf has no name before its extension; give e.g. out/run.pdf`},
		{"--log", ".csv", `--log: .csv has no name before its extension; give e.g. run.csv`},
		{"--save", ".ckpt", `--save: .ckpt has no name before its extension; give e.g. run.ckpt`},
		{"--plot", "my out/.pdf", `--plot: 'my out/.pdf' has no name before its extension; give e.g. 'my out/run.pdf'`}, // the name to give quoted
	} {
		wantUsageError(t, []string{"--headless", "--epochs", "2", "--every", "0", c.flag, c.path}, c.want)
	}
	wantUsageError(t, []string{"--headless", "--epochs", "2", "--sweep", "d_lr=1e-3,1e-2", "--sweep", "g_lr=1e-3,1e-2", "--plot", ".png"}, `--plot: .png has no name before its extension`)
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "2", "--every", "0", "--log", ".history", "--save", ".run.ckpt"); code != 0 {
		t.Errorf("hidden files with names: exit %d, %s", code, stderr)
	}
	entries, _ := os.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".history .run.ckpt" {
		t.Errorf("files made: %q, want .history and .run.ckpt", names)
	}
}

// TestOutputNamedForAnotherFormat: a --save or --log whose extension is another
// kind of file's that ganui reads or writes is refused before training, exit 2,
// naming the kind and the name to give, and nothing is written: --save run.json
// does not write a checkpoint under a preset file's name, nor --log run.ckpt a
// CSV history under a checkpoint's. An extension ganui gives no kind to is the
// user's to choose.
func TestOutputNamedForAnotherFormat(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, c := range []struct{ flag, path, want string }{
		{"--save", "run.json", `--save: run.json ends in .json, a preset file's extension, but --save writes a checkpoint; give e.g. run.ckpt`},
		{"--save", "out/run.CSV", `--save: out/run.CSV ends in .CSV, a CSV file's extension, but --save writes a checkpoint; give e.g. out/run.ckpt`},
		{"--save", "run.png", `--save: run.png ends in .png, a figure's extension`},
		{"--save", "run.svg", `--save: run.svg ends in .svg, a figure's extension`},
		{"--save", "run.pdf", `--save: run.pdf ends in .pdf, a figure's extension`},
		{"--log", "run.ckpt", `--log: run.ckpt ends in .ckpt, a checkpoint's extension, but --log writes a CSV history; give e.g. run.csv`},
		{"--log", "out/run.JSON", `--log: out/run.JSON ends in .JSON, a preset file's extension, but --log writes a CSV history; give e.g. out/run.csv`},
		{"--log", "run.png", `--log: run.png ends in .png, a figure's extension`},
		{"--log", "run.svg", `--log: run.svg ends in .svg, a figure's extension`},
		{"--log", "run.pdf", `--log: run.pdf ends in .pdf, a figure's extension`},
		{"--save", "my run.json", `--save: 'my run.json' ends in .json, a preset file's extension, but --save writes a checkpoint; give e.g. 'my run.ckpt'`}, // the name to give quoted
	} {
		wantUsageError(t, []string{"--headless", "--epochs", "2", "--every", "0", c.flag, c.path}, c.want)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("files made: %v", entries)
	}
	for _, c := range [][2]string{{"--save", "run.CKPT"}, {"--save", "run.txt"}, {"--save", "run"}, {"--log", "log.CSV"}, {"--log", "log.txt"}, {"--log", "log"}} {
		if code, _, stderr := runCLI(t, "--headless", "--epochs", "2", "--every", "0", c[0], c[1]); code != 0 {
			t.Errorf("%s %s: exit %d, %s", c[0], c[1], code, stderr)
		}
	}
}

// TestOutputNameIsOneFile: an output flag's path that holds a control character
// (two names on two lines, as --plot "$(ls *.png)" gives), or a bidirectional
// formatting character (--save run\u202egnp.ckpt, which read "runkpc.png" in
// the line that names the checkpoint after a stop), has spaces around it
// or ends in a slash names no file to make: refused, saying so, not made as a
// file named across two lines or ending in a space, nor, the last, refused as
// no figure's name. A space inside a name is the name's.
func TestOutputNameIsOneFile(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("dir", 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ flag, path, want string }{
		{"--plot", "a.png\nb.png", `--plot: $'a.png\nb.png' holds the control character U+000A ('\n'); give one file's name, on one line`},
		{"--log", "run\x1b[31m.csv", `--log: $'run\x1b[31m.csv' holds the control character U+001B ('\x1b')`},
		{"--save", "run\t.ckpt", `--save: $'run\t.ckpt' holds the control character U+0009 ('\t')`},
		{"--save", "run\u202egnp.ckpt", `--save: $'run\xe2\x80\xaegnp.ckpt' holds U+202E, a bidirectional formatting character, which shows the text after it reordered: the name would not read as it is, in a listing or in what ganui prints of it; give a name without it`},
		{"--plot", "\u2067run.png", `--plot: $'\xe2\x81\xa7run.png' holds U+2067, a bidirectional formatting character`},
		{"--log", "run.csv ", `--log: 'run.csv ' has spaces around it; give the name without them`},
		{"--plot", " run.png", `--plot: ' run.png' has spaces around it`},
		{"--plot", "run.png/", `--plot: run.png/ ends in /, which names a directory; give a file's name`},
		{"--log", "run.csv/", `--log: run.csv/ ends in /, which names a directory`},
		{"--save", "dir/", `--save: dir/ ends in /, which names a directory`},
		{"--log", ".run.ckpt.tmp-0123abcd", `--log: .run.ckpt.tmp-0123abcd is a name of the form ganui gives the hidden file it writes run.ckpt into first, which a write of run.ckpt removes as one a killed write left; give another name`},
		{"--plot", "dir/..png.tmp-deadbeef", `--plot: dir/..png.tmp-deadbeef is a name of the form ganui gives the hidden file it writes .png into first`},
	} {
		wantUsageError(t, []string{"--headless", "--epochs", "2", "--every", "0", c.flag, c.path}, c.want)
	}
	// Beside the --save whose temporary file's form it has, where it was
	// refused as that file being written by another process.
	wantUsageError(t, []string{"--headless", "--epochs", "2", "--every", "0", "--save", "run.ckpt", "--log", ".run.ckpt.tmp-0123abcd"}, `--log: .run.ckpt.tmp-0123abcd is a name of the form ganui gives the hidden file it writes run.ckpt into first`)
	if entries, _ := os.ReadDir("."); len(entries) != 1 {
		t.Errorf("files made: %v", entries)
	}
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "2", "--every", "0", "--log", "my run.csv"); code != 0 {
		t.Errorf("--log \"my run.csv\": exit %d, %s", code, stderr)
	}
}

// TestInputNameWithSpacesAroundIt: an input's name with spaces around it is
// refused as an output's is, saying so, by the one rule
// (inputfile.CheckSpaces): --resume "x.ckpt " is not "x.ckpt : no such file or
// directory", the space unsaid, nor --preset " ring" an unknown preset; and a
// preset file's points(x.csv ) beside it in another directory is not trimmed
// and read where the same file in the working directory is refused.
func TestInputNameWithSpacesAroundIt(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"x.ckpt", "x.json"} { // the files meant are there: the name is what is wrong
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"--headless", "--resume", "x.ckpt "},
		{"--headless", "--resume", " x.ckpt"},
		{"--headless", "--preset", "x.json "},
		{"--headless", "--preset", " ring"},
		{"--show-preset", " x.json"},
	} {
		flag, name := args[len(args)-2], args[len(args)-1]
		wantUsageError(t, args, fmt.Sprintf("ganui: %s: '%s' has spaces around it; give the name without them", flag, name)) // quoted as a shell reads it back
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.csv"), []byte("0,0\n1,1\n2,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	design := filepath.Join(dir, "design.json")
	if err := os.WriteFile(design, []byte(`{"base": "ring", "target": "points(x.csv )"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	wantUsageError(t, []string{"--headless", "--epochs", "1", "--preset", design}, `target "points(x.csv )": 'x.csv ' has spaces around it; give the name without them`)
}

// TestInputNameIsOneFile: an input's name that holds a control character (two
// names on two lines, as --resume "$(ls *.ckpt)" gives) is refused as an
// output's is, by the one rule (inputfile.CheckName), not looked up as one name
// and told "a; b: no such file or directory", the two names run together; so is
// a preset file's points(…) target.
func TestInputNameIsOneFile(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, c := range []struct{ flag, name, quoted, want string }{
		{"--resume", "a.ckpt\nb.ckpt", `$'a.ckpt\nb.ckpt'`, `U+000A ('\n')`},
		{"--preset", "x\tjson", `$'x\tjson'`, `U+0009 ('\t')`},
		{"--show-preset", "x.json\t", `$'x.json\t'`, `U+0009 ('\t')`},
		{"--preset", "ring\x1b[2J", `$'ring\x1b[2J'`, `U+001B ('\x1b')`},
	} {
		args := []string{"--headless", c.flag, c.name}
		if c.flag == "--show-preset" {
			args = args[1:]
		}
		wantUsageError(t, args, fmt.Sprintf("ganui: %s: %s holds the control character %s; give one file's name, on one line", c.flag, c.quoted, c.want))
	}
	design := writeFile(t, "design.json", `{"base": "ring", "target": "points(a\nb.csv)"}`)
	wantUsageError(t, []string{"--headless", "--epochs", "1", "--preset", design}, `target "points(a\nb.csv)": $'a\nb.csv' holds the control character U+000A ('\n'); give one file's name, on one line`)
}

// TestOneRangeForEpochs: the plan's range is checked wherever a plan is given,
// so that --epochs 9999999999999 is not taken only for its checkpoint to be
// refused.
func TestOneRangeForEpochs(t *testing.T) {
	for _, args := range [][]string{
		{"--headless", "--epochs", "9999999999999"},
		{"--headless", "--epochs", "1000000001"},
		{"--headless", "--set", "epochs=1000000001"},
		{"--headless", "--preset", writeFile(t, "long.json", `{"base": "vanilla", "epochs": 1e12}`)},
	} {
		wantUsageError(t, args, "out of range 1..1,000,000,000")
	}
}

// TestFloatsAreCheckedAsFloat32 (issue: eps=1e-46 passed and "diverged"):
// values that are zero or denormal in float32 are refused up front.
func TestFloatsAreCheckedAsFloat32(t *testing.T) {
	for _, set := range []string{"eps=1e-46", "d_lr=1e-320", "leaky_slope=1e-320", "real_label=1e-320"} {
		key, _, _ := strings.Cut(set, "=")
		wantUsageError(t, []string{"--headless", "--set", set}, key)
	}
}

// TestSmallMisuses (issue item 9): repeated flags, contradictory flags,
// empty or non-UTF-8 names, and a huge bad value quoted in full.
func TestSmallMisuses(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--epochs", "10", "--epochs", "20"}, "--epochs is given twice"},
		{[]string{"--headless", "--headless"}, "--headless is given twice"},
		{[]string{"--headless", "--paused"}, "--paused is for the interactive trainer; headless runs are never paced"},
		{[]string{"--headless", "--speed", "full"}, "headless runs are never paced"},
		{[]string{"--speed", "fast"}, "--speed: \"fast\" is not full or a number"},
		{[]string{"--every", "5"}, "--every needs --headless"},
		{[]string{"--log", "x.csv"}, "--log needs --headless"},
		{[]string{"--list-presets", "--seed", "3"}, "does not go with --list-presets"},
		{[]string{"--show-preset", "vanilla", "--headless"}, "does not go with --show-preset"},
		{[]string{"--headless", "--set", "name="}, `"name=" has no value after the =: give a line of text, e.g. --set name=blog-original`},
		{[]string{"--headless", "--preset", "ring", "--samples", "2e5"}, "--samples: 200,000 is more than a two-dimensional target's 100,000"},
		{[]string{"--headless", "--set", "name=a\xffb"}, "--set: name: not UTF-8 text (byte 0xff)"},
		{[]string{"--headless", "--set", "name=\x1b"}, `--set: name: holds the control character U+001B ('\x1b'); it must be one line of text`},
	} {
		wantUsageError(t, c.args, c.want)
	}
	huge, digits := strings.Repeat("x", 100<<10), strings.Repeat("9", 100<<10)
	for _, args := range [][]string{
		{"--headless", "--set", huge}, {"--headless", "--preset", huge}, {"--headless", "--epochs", huge}, {"--headless", huge},
		{"--headless", "--epochs", digits}, {"--headless", "--seed", digits}, {"--headless", "--" + huge},
		{"--headless", "--log", "/tmp/" + huge + "/x.csv"}, {"--headless", "--resume", "/tmp/" + huge},
	} {
		code, _, stderr := runCLI(t, args...)
		// One line: the value clipped, the list of presets whole.
		if code != 2 || len(stderr) > 1000 || strings.Count(strings.TrimSuffix(stderr, "\n"), "\n") > 0 {
			t.Errorf("a 100 kB bad value: exit %d, a %d-byte message of %d lines", code, len(stderr), strings.Count(stderr, "\n"))
		}
	}
	// Flags given once, --set many times, still work.
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "3", "--every", "0", "--set", "g_lr=1e-3", "--set", "d_lr=1e-3"); code != 0 {
		t.Errorf("repeated --set: exit %d, %s", code, stderr)
	}
}

// TestRunawayExitsThree: a run driven out of range with no NaN (D's
// learning rate 5e-3, G's 0.5) is diverged: state=diverged
// divergence=runaway on the final line, exit 3, one line saying why.
func TestRunawayExitsThree(t *testing.T) {
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--set", "d_lr=5e-3", "--set", "g_lr=0.5", "--epochs", "2000", "--every", "0")
	if code != exitDiverged || !strings.Contains(stdout, "state=diverged") || !strings.Contains(stdout, "divergence=runaway") ||
		!strings.Contains(stderr, "a runaway, the generated samples stayed far outside the target's range") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
}

// TestOneSeedDivergedSaysOneSeed: a --seeds batch of one seed that diverges
// says so of "1 seed" on standard error, not "ganui: 1 of 1 seeds diverged";
// its summary line, which scripts read, keeps seeds=1 runs=1 diverged=1.
func TestOneSeedDivergedSaysOneSeed(t *testing.T) {
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--set", "d_lr=5e-3", "--set", "g_lr=0.5", "--epochs", "2000", "--seeds", "1")
	if code != exitDiverged || !strings.HasPrefix(stderr, "ganui: 1 of 1 seed diverged (") || !strings.Contains(stdout, " seeds=1 runs=1 diverged=1 ") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
}

// TestUnreachedTargetSaysToRescaleIt: a run on points far from where G's
// samples start (at 10⁶) runs away with no learning rate to blame, and its line
// says what to change, not "try a lower learning rate": at 1e-5 the run runs
// away all the same.
func TestUnreachedTargetSaysToRescaleIt(t *testing.T) {
	pts := filepath.Join(t.TempDir(), "far.csv")
	if err := os.WriteFile(pts, []byte("999000,999000\n999001,999000\n999000,999002\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "ring", "--set", "target=points("+pts+")", "--set", "d_lr=1e-5", "--set", "g_lr=1e-5", "--epochs", "2000", "--every", "0", "--samples", "100")
	if want := " (" + session.UnreachedRemedy + ")\n"; code != exitDiverged || !strings.HasSuffix(stderr, want) || strings.Contains(stderr, "lower") ||
		!strings.Contains(stdout, `finding kind=runaway text="a runaway, without a NaN: `+session.UnreachedRemedy) {
		t.Fatalf("exit %d\nstdout %s\nstderr %s; want it ending %q", code, stdout, stderr, want)
	}
}

// TestDivergedRunSaysItSavedNothing: a run that diverges writes no --save
// checkpoint (README), and its one line on stderr says so after why it
// diverged, so that a checkpoint an earlier run left under that name is not
// taken for this run's.
func TestDivergedRunSaysItSavedNothing(t *testing.T) {
	ckpt := filepath.Join(t.TempDir(), "run.ckpt")
	if err := os.WriteFile(ckpt, []byte("GANUICKP an earlier run's"), 0o644); err != nil { // a checkpoint by its magic
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--set", "d_lr=5", "--set", "g_lr=0.5", "--epochs", "2000", "--every", "0", "--save", ckpt)
	want := "(try a lower learning rate); --save " + ckpt + " not written: a checkpoint of a diverged run would not resume\n"
	// The note on the checkpoint there (TestReplacedOutputsAreSaid) first.
	note := "ganui: note: --save " + ckpt + " holds a ganui checkpoint: this run's is to replace it as the run ends; copy it elsewhere to keep it\n"
	line, ok := strings.CutPrefix(stderr, note)
	if code != exitDiverged || !ok || !strings.HasPrefix(line, "ganui: diverged at epoch ") || !strings.HasSuffix(line, want) || strings.Count(line, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q; want %d, the note %q and one line ending %q", code, stderr, exitDiverged, note, want)
	}
	if data, err := os.ReadFile(ckpt); err != nil || string(data) != "GANUICKP an earlier run's" {
		t.Fatalf("the earlier file holds %q, %v", data, err)
	}
}

// TestDivergedResumeKeepsItsCheckpoint: a resumed run that diverges with --save
// onto its --resume checkpoint (another spelling of its path here) leaves that
// file as it was, and its line says so, not only "not written", as if the file
// held nothing of the run.
func TestDivergedResumeKeepsItsCheckpoint(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "run.ckpt")
	if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--set", "d_lr=5", "--set", "g_lr=0.5", "--epochs", "5", "--every", "0", "--samples", "100", "--save", ckpt); code != 0 {
		t.Fatalf("making the checkpoint: exit %d, %s", code, stderr)
	}
	before, err := os.ReadFile(ckpt)
	if err != nil {
		t.Fatal(err)
	}
	save := dir + string(filepath.Separator) + "." + string(filepath.Separator) + "run.ckpt" // not cleaned, as filepath.Join would
	code, _, stderr := runCLI(t, "--headless", "--resume", ckpt, "--epochs", "2000", "--every", "0", "--samples", "100", "--save", save)
	want := "(try a lower learning rate); --save " + save + " not written: a checkpoint of a diverged run would not resume; " + save + " is unchanged, the checkpoint this run resumed from\n"
	if code != exitDiverged || !strings.HasSuffix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q; want %d and one line ending %q", code, stderr, exitDiverged, want)
	}
	if after, err := os.ReadFile(ckpt); err != nil || !bytes.Equal(after, before) {
		t.Fatalf("the checkpoint changed (%v)", err)
	}
}

// fullDisk fails every write, as standard output on a full disk does.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestOutputThatCannotBeWrittenFails: what ganui prints is its result; when
// standard output takes none of it the exit is 1, not 0, with one line saying
// why (a headless run says it once, not twice: that it stopped, then why). A
// batch adds the line that names the seeds it left, whose final lines were
// lost with the output though they finished, and trains them
// (TestDeadOutputStopsABatchNamingWhatItLeft).
func TestOutputThatCannotBeWrittenFails(t *testing.T) {
	for _, c := range []struct {
		args []string
		left string // the second line's start, "" for none
	}{
		{[]string{"--help"}, ""},
		{[]string{"--list-presets"}, ""},
		{[]string{"--show-preset", "vanilla"}, ""},
		{[]string{"--headless", "--preset", "vanilla", "--epochs", "20", "--every", "10"}, ""},
		{[]string{"--headless", "--preset", "vanilla", "--epochs", "20", "--seeds", "1-2"}, "ganui: seeds 1-2 left: "},
	} {
		var stderr strings.Builder
		code := run(c.args, fullDisk{}, &stderr)
		lines := strings.SplitAfter(stderr.String(), "\n")
		if code != exitFailure || !strings.Contains(lines[0], "writing the output: no space left on device") ||
			c.left == "" && len(lines) != 2 || c.left != "" && (len(lines) != 3 || !strings.HasPrefix(lines[1], c.left)) {
			t.Errorf("%v: exit %d, stderr %q; want %d and the write's error, in one line, then %q", c.args, code, stderr.String(), exitFailure, c.left)
		}
	}
}

// TestDefaultJobsAreTheCPUsGanuiMayUse: --jobs left out trains as many
// runs at once as the CPUs the process may use, Go's GOMAXPROCS, which
// follows a container's CPU limit (a notebook's pod allowed 2 CPUs of a
// 64-core machine) and a GOMAXPROCS the user set, not the machine's
// every core, runtime.NumCPU, which trained 64 runs at once on those 2
// CPUs, each run's train_s 32 times its own.
func TestDefaultJobsAreTheCPUsGanuiMayUse(t *testing.T) {
	procs := 1
	if runtime.NumCPU() == 1 {
		procs = 2
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "2", "--seeds", "1-4")
	if want := fmt.Sprintf(" jobs=%d ", procs); code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("GOMAXPROCS %d of %d CPUs: exit %d, want a summary with%q:\n%s%s", procs, runtime.NumCPU(), code, want, stdout, stderr)
	}
}

// TestJobsFitInMemory: runs trained at once share the memory; the runs at once
// are lowered when that many runs of the largest design would take more than
// half of what is free, and left alone otherwise. The line on stderr tells a
// lowering only where it trains fewer runs at once than there would have been,
// and names --jobs only when given: the default is not told as "--jobs 2
// lowered to 1", nor 2 runs as "--jobs 8 lowered to 3".
func TestJobsFitInMemory(t *testing.T) {
	small, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	wide := small.Clone()
	wide.GHidden, wide.DHidden = []int{2000, 2000}, []int{2000, 2000}
	per := wide.Footprint()
	for _, c := range []struct {
		asked   bool
		runs    int
		designs []engine.Config
		avail   int64
		want    int
		said    string // the line on stderr up to its reason, "" for none
	}{
		{true, 20, []engine.Config{small, wide}, 6 * per, 3, "ganui: --jobs 8 lowered to 3"}, // half of 6 runs' worth
		{true, 5, []engine.Config{wide}, 6 * per, 3, "ganui: --jobs 8 lowered to 3"},
		{false, 20, []engine.Config{wide}, 6 * per, 3, "ganui: 3 runs at once, not 8 (one per CPU)"},
		{false, 5, []engine.Config{wide}, 6 * per, 3, "ganui: 3 runs at once, not all 5"},
		{false, 5, []engine.Config{wide}, per, 1, "ganui: 1 run at once, not all 5"},
		{true, 2, []engine.Config{wide}, 6 * per, 8, ""},                          // 3 at once would train both anyway
		{false, 3, []engine.Config{wide}, 6 * per, 8, ""},                         // and all 3
		{true, 20, []engine.Config{wide}, per, 1, "ganui: --jobs 8 lowered to 1"}, // one run always
		{true, 20, []engine.Config{small}, 6 * per, 8, ""},
		{true, 20, []engine.Config{wide}, 0, 8, ""}, // memory unknown
	} {
		var stderr strings.Builder
		got := fitJobs(8, c.asked, c.runs, c.designs, c.avail, &stderr)
		said := c.said
		if said != "" {
			said += ": a run of this design takes about " + megabytes(per) + ", and " + megabytes(c.avail) + " of memory is free\n"
		}
		if got != c.want || stderr.String() != said {
			t.Errorf("--jobs given %v, %d runs, avail %d: %d jobs, stderr %q; want %d, %q", c.asked, c.runs, c.avail, got, stderr.String(), c.want, said)
		}
	}
	if per < 150<<20 || per > 300<<20 {
		t.Errorf("a vanilla run at width 2,000 is estimated at %d bytes; measured about 217 MB", per)
	}
}

// TestMemAvailable: the memory free is read from /proc/meminfo's
// MemAvailable line in bytes; a count of kB no int64 of bytes holds is
// no count, memory unknown, where shifted to bytes it had wrapped round
// to 1 KB free, and --jobs had been lowered to 1 for "0 MB of memory".
func TestMemAvailable(t *testing.T) {
	for text, want := range map[string]int64{
		"MemTotal:       16314700 kB\nMemFree:         1024 kB\nMemAvailable:   12345678 kB\n": 12345678 << 10,
		"MemAvailable: 0 kB\n":                    0,
		"MemFree: 5 kB\n":                         0,
		"MemAvailable: 18014398509481985 kB\n":    0, // 2⁵⁴+1 kB: 1 KB wrapped
		"MemAvailable: 9007199254740993 kB\n":     0, // 2⁵³+1 kB: below 0 wrapped
		"MemAvailable: 9007199254740991 kB\n":     9007199254740991 << 10,
		"MemAvailable: -5 kB\n":                   0,
		"MemAvailable: 99999999999999999999 kB\n": 0,
	} {
		if got := memAvailable(text); got != want {
			t.Errorf("%q: %d bytes, want %d", text, got, want)
		}
	}
}

// FuzzMemAvailable: no text of /proc/meminfo gives memory below 0, and a
// MemAvailable line of any count of kB an int64 of bytes holds, after
// any other lines, reads back as that count in bytes.
func FuzzMemAvailable(f *testing.F) {
	for _, s := range []string{"MemTotal: 1 kB\n", "MemAvailable: 5 kB", "MemAvailable: -5 kB\n", "MemAvailable: 18014398509481985 kB\n", "MemAvailable:\n", ""} {
		f.Add(s, int64(12345678))
	}
	f.Fuzz(func(t *testing.T, before string, kB int64) {
		if got := memAvailable(before); got < 0 {
			t.Fatalf("%q: %d bytes", before, got)
		}
		if kB < 0 || kB > math.MaxInt64>>10 || strings.Contains(before, "MemAvailable:") {
			return
		}
		if !strings.HasSuffix(before, "\n") && before != "" {
			before += "\n"
		}
		text := fmt.Sprintf("%sMemAvailable: %d kB\n", before, kB)
		if got := memAvailable(text); got != kB<<10 {
			t.Fatalf("%q: %d bytes, want %d", text, got, kB<<10)
		}
	})
}

// TestOutputIsNotStandardOutput: --log /dev/stdout while standard output
// goes to a file would have the progress lines written over the CSV, and
// --save would rename the checkpoint over it: both exit 2 before training.
func TestOutputIsNotStandardOutput(t *testing.T) {
	out, link := streamFile(t)
	for _, flag := range []string{"--log", "--save"} {
		var stderr strings.Builder
		code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "3", flag, link}, out, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "is standard output") {
			t.Errorf("%s to standard output's file: exit %d, %q", flag, code, stderr.String())
		}
	}
	// --log f 2>f: the signal notice would be written over the CSV.
	var stdout strings.Builder
	if code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "3", "--log", link}, &stdout, out); code != exitUsage {
		t.Errorf("--log to standard error's file: exit %d", code)
	}
}

// streamFile is a file for a test to give run as its standard output or
// error, and a link to it in another directory: an output named by the
// link is the stream's file under a name of its own.
func streamFile(t *testing.T) (out *os.File, link string) {
	t.Helper()
	out, err := os.Create(filepath.Join(t.TempDir(), "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { out.Close() })
	link = filepath.Join(t.TempDir(), "stdout")
	if err := os.Symlink(out.Name(), link); err != nil {
		t.Fatal(err)
	}
	return out, link
}

// TestPlotIsNotAStream: --plot naming standard output's or standard error's
// file, or a directory, is told what it is, as --log's is, where its name,
// with no figure's extension, had been told to take one: "a figure is
// FILE.png, FILE.svg or FILE.pdf; give …/stdout.png, …". A figure is written
// to a file of its own, never to a stream.
func TestPlotIsNotAStream(t *testing.T) {
	out, link := streamFile(t)
	dir := t.TempDir()
	for _, c := range []struct {
		path           string
		stdout, stderr io.Writer
		want           string
	}{
		{link, out, io.Discard, "ganui: --plot " + link + " is standard output, where ganui writes its lines: name a file of its own\n"},
		{link, io.Discard, out, "ganui: --plot " + link + " is standard error, where ganui writes its lines: name a file of its own\n"},
		{dir, io.Discard, io.Discard, "ganui: --plot: " + dir + " is a directory, not a regular file: name a file in it\n"},
	} {
		var said strings.Builder
		stderr := c.stderr
		if stderr == io.Discard {
			stderr = &said
		}
		code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "3", "--plot", c.path}, c.stdout, stderr)
		if stderr == out {
			data, _ := os.ReadFile(out.Name())
			said.Write(data)
		}
		if code != exitUsage || said.String() != c.want {
			t.Errorf("--plot %s: exit %d, %q; want exit 2 and %q", c.path, code, said.String(), c.want)
		}
	}
}

// TestDeadOutputWinsOverDivergence: output lost is the run's failure
// even when the run diverged (exit 1, not 3), as the exit codes of
// docs/command-line.md say.
func TestDeadOutputWinsOverDivergence(t *testing.T) {
	var stderr strings.Builder
	code := run([]string{"--headless", "--preset", "vanilla", "--set", "d_lr=5", "--set", "g_lr=0.5", "--epochs", "3000", "--every", "0"}, failsAtFinal{}, &stderr)
	if code != exitFailure || !strings.Contains(stderr.String(), "writing the output") {
		t.Fatalf("exit %d, %q", code, stderr.String())
	}
}

// failsAtFinal takes every line but the final one, whose write fails: the
// output lost at the very end of a run that has diverged.
type failsAtFinal struct{}

func (failsAtFinal) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("final ")) {
		return 0, syscall.ENOSPC
	}
	return len(p), nil
}

// TestDeadOutputStopsTheRun: when standard output fails (its reader gone,
// | head -1, or a full disk), a headless run stops after its epoch with
// its checkpoint written and exits 1, rather than training on for no one
// (or dying of SIGPIPE with nothing saved); on a full disk it ends, as a
// signal's stop does, with the command that trains the checkpoint on
// (resumeLine).
func TestDeadOutputStopsTheRun(t *testing.T) {
	leakcheck.Check(t)
	save := filepath.Join(t.TempDir(), "run.ckpt")
	var stderr strings.Builder
	code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "10", "--save", save}, fullDisk{}, &stderr)
	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	if code != exitFailure || lines[0] != "ganui: writing the output: no space left on device; stopping after the current epoch" {
		t.Fatalf("exit %d, %q", code, stderr.String())
	}
	g, err := session.LoadCheckpoint(save)
	if err != nil {
		t.Fatal(err)
	}
	if g.Epoch() < 10 || g.Epoch() > 1000 {
		t.Fatalf("stopped at epoch %d, want soon after the failed line at epoch 10", g.Epoch())
	}
	want := "ganui: " + shellword.Quote(save) + " holds the run at epoch " + numtext.FormatInt(g.Epoch()) + " of its 1,000,000,000; "
	wantCmd := " --headless --resume " + shellword.Quote(save) + " --every 10 --save " + shellword.Quote(save) + " trains the rest"
	if len(lines) != 2 || !strings.HasPrefix(lines[1], want) || !strings.HasSuffix(lines[1], wantCmd) {
		t.Errorf("stderr %q; want its second line, and last, %q, the program, then %q", stderr.String(), want, wantCmd)
	}
}

// TestDeadOutputStopsABatchNamingWhatItLeft: a --seeds batch or a --sweep
// whose standard output fails (a full disk) stops after the runs in flight,
// as a signal stops it, and ends, after the line that says the write failed,
// with the line a signal's stop ends with (unfinishedSeeds, unfinishedCells):
// what it left and the command that trains it, which runs. The seed or cell
// whose line was the write that failed finished, but is on no line: it is
// named, and its command trains it too.
func TestDeadOutputStopsABatchNamingWhatItLeft(t *testing.T) {
	leakcheck.Check(t)
	for _, c := range []struct {
		name string
		args []string
		left string // the line's start
	}{
		// Seed 2, or cell 2, started beside the first, is left
		// interrupted, unless a loaded machine let it finish first.
		{"seeds", []string{"--seeds", "1-3"}, "ganui: seeds 1-3 left: 1"},
		{"sweep", []string{"--sweep", "g_lr=1e-4,2e-4,3e-4"}, "ganui: 3 of 3 cells left: g_lr=1e-4 finished but not printed, "},
		// Every seed finished, the last line lost: said all the same.
		{"one seed", []string{"--seeds", "1"}, "ganui: seed 1 left: finished but not printed"},
	} {
		args := append([]string{"--headless", "--preset", "vanilla", "--epochs", "50", "--samples", "100", "--jobs", "1"}, c.args...)
		var stderr strings.Builder
		code := run(args, fullDisk{}, &stderr)
		lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
		if c.name == "sweep" && lines[0] == "ganui: sweep of 3 cells × seed 1: g_lr=1e-4 g_lr=2e-4 g_lr=3e-4" { // its plan, said before it trains
			lines = lines[1:]
		}
		if code != exitFailure || lines[0] != "ganui: writing the output: no space left on device; stopping after the current epoch" {
			t.Errorf("%s: exit %d, %q", c.name, code, stderr.String())
			continue
		}
		head, retrain, ok := strings.Cut(lines[len(lines)-1], "; "+command.Program()+" ")
		if len(lines) != 2 || !strings.HasPrefix(head, c.left) || !ok {
			t.Errorf("%s: stderr %q; want its second line, and last, to begin %q, then the command that trains what it left", c.name, stderr.String(), c.left)
			continue
		}
		words, _ := shellWords(t, strings.TrimSuffix(strings.TrimSuffix(retrain, " trains them"), " trains it"))
		if code, stdout, stderr := runCLI(t, words...); code != 0 || !strings.Contains(stdout, "summary ") {
			t.Errorf("%s: the line's command %q: exit %d, %s%s", c.name, words, code, stdout, stderr)
		}
	}
}

// TestOutputsReplaceOnlyTheirKind: an output does not replace a file of another
// kind, as --save my.json, a typo for my.ckpt, would replace the user's preset
// file with a checkpoint without a word (a name refused by its extension alone
// too: outputName). An output over a file of another kind, whatever its name,
// exits 2 before training with one line naming the file, what it is not and
// what to do, the file left as it was; over a file of its own kind (an earlier
// run's), or an empty one, it is replaced.
func TestOutputsReplaceOnlyTheirKind(t *testing.T) {
	preset := `{"base": "vanilla"}` + "\n"
	for _, c := range []struct{ flag, file, kind string }{
		{"--save", "my.ckpt", "a ganui checkpoint"},
		{"--log", "my.csv", "a ganui history CSV"},
		{"--plot", "my.png", "a PNG, SVG or PDF figure"},
	} {
		path := writeFile(t, c.file, preset)
		args := []string{"--headless", "--preset", "vanilla", "--epochs", "5", "--every", "0", c.flag, path}
		wantUsageError(t, args, "ganui: "+c.flag+": "+path+" is not "+c.kind+" (it would be replaced); give another name or remove it\n")
		if got, _ := os.ReadFile(path); string(got) != preset {
			t.Errorf("%s %s: the preset file now holds %.20q", c.flag, path, got)
		}
		os.WriteFile(path, nil, 0o644)
		for _, over := range []string{"an empty file", "an earlier run's"} {
			if code, _, stderr := runCLI(t, args...); code != 0 {
				t.Errorf("%s over %s: exit %d, %s", c.flag, over, code, stderr)
			}
		}
	}
}

// TestUnreadableInputsSayWhyOnce: every flag that reads a file — a preset file,
// a checkpoint, a points target's data — refuses one that is not there, a
// directory, or one it may not read, in one line that names the flag and the
// path once and the reason in plain words: a points target does not name its
// path twice (`target "points(x.csv)": x.csv: …`). The file it may not read is
// left out as root, who may read it.
func TestUnreadableInputsSayWhyOnce(t *testing.T) {
	dir := t.TempDir()
	missing, folder, locked := filepath.Join(dir, "missing.json"), filepath.Join(dir, "folder.json"), filepath.Join(dir, "locked.json") // .json: a preset file, not a preset's name
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(locked, []byte("{}"), 0o000); err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{missing: "no such file or directory", folder: "is a directory, not a regular file", locked: "permission denied"}
	for _, path := range []string{missing, folder, locked} {
		if path == locked && (os.Geteuid() == 0 || runtime.GOOS == "windows") {
			continue // root reads it, and Windows has no such mode
		}
		for _, args := range [][]string{
			{"--headless", "--preset", path},
			{"--show-preset", path},
			{"--headless", "--resume", path},
			{"--headless", "--preset", "ring", "--set", "target=points(" + path + ")"},
		} {
			code, stdout, stderr := runCLI(t, args...)
			flag := strings.TrimPrefix(args[len(args)-2], "--")
			if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "ganui: --"+flag+": ") ||
				strings.Count(stderr, path) != 1 || !strings.Contains(stderr, reasons[path]) {
				t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line naming --%s and the path once, and %q", args, code, stdout, stderr, flag, reasons[path])
			}
			if strings.Contains(stderr, "open ") || strings.Contains(stderr, "stat ") {
				t.Errorf("%q: %q names the system call", args, stderr)
			}
		}
	}
}

// TestDirectoryForAFileSaysWhatToDo: every flag that takes a file, given a
// directory, says so once in one line and what to give instead, "name a file in
// it"; --preset does not say "--preset: preset file: d.json is a directory, not
// a regular file", its label twice and no advice.
func TestDirectoryForAFileSaysWhatToDo(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, d := range []string{"d.json", "d.ckpt", "d.csv", "d.png"} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	const advice = "is a directory, not a regular file: name a file in it"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "d.json"}, "ganui: --preset: d.json " + advice},
		{[]string{"--show-preset", "d.json"}, "ganui: --show-preset: d.json " + advice},
		{[]string{"--headless", "--resume", "d.ckpt"}, "ganui: --resume: d.ckpt " + advice},
		{[]string{"--headless", "--log", "d.csv"}, "ganui: --log: d.csv " + advice},
		{[]string{"--headless", "--save", "d.ckpt"}, "ganui: --save: d.ckpt " + advice},
		{[]string{"--headless", "--plot", "d.png"}, "ganui: --plot: d.png " + advice},
		{[]string{"--headless", "--preset", "ring", "--set", "target=points(d.csv)"}, `ganui: --set: target "points(d.csv)": it ` + advice},
	} {
		if code, stdout, stderr := runCLI(t, c.args...); code != 2 || stdout != "" || stderr != c.want+"\n" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

// TestDivergedRunNamesTheFileItsDirectoryKept: a diverged run whose
// --save room's hidden file its directory, made read-only under the run,
// would not let be removed (an outputfile.LeftError around the
// divergence: outputfile's TestReleaseNamesWhatItCannotRemove has the
// refusal) names it last, emptied, with what to do, in LeftError's own
// words, after why the run diverged and that --save is not written.
func TestDivergedRunNamesTheFileItsDirectoryKept(t *testing.T) {
	d := &session.Divergence{Epoch: 7, What: "D's loss on generated data"}
	left := &outputfile.LeftError{Temp: "x/.r.ckpt.tmp-ea8f1953", Why: syscall.EACCES, Err: d}
	var opts options
	opts.SavePath = "x/r.ckpt"
	got := divergedLine(left, d, opts)
	want := d.Error() + " (" + d.Remedy() + "); --save x/r.ckpt not written: a checkpoint of a diverged run would not resume; its hidden temporary file x/.r.ckpt.tmp-ea8f1953 is left there, emptied (removing it: permission denied): remove it once you can"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}
