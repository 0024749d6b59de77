package main

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
)

// wantUsageError checks that ganui exits 2 with one 'ganui: ' line on
// stderr containing every part of want, and prints nothing on stdout.
func wantUsageError(t *testing.T, args []string, want ...string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, args...)
	if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "ganui: ") {
		t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one 'ganui: ' line", args, code, stdout, stderr)
		return
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("%q: stderr %q lacks %q", args, stderr, w)
		}
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestShowPreset: --show-preset prints a preset file that reads back as
// the preset, its description and source with plain spaces where the
// screen keeps a label with its value by non-breaking ones
// (numtext.Together): a file has none, for grep and an editor.
func TestShowPreset(t *testing.T) {
	for _, name := range presets.Names() {
		code, stdout, stderr := runCLI(t, "--show-preset", name)
		if code != 0 || stderr != "" {
			t.Fatalf("--show-preset %s: exit %d, stderr %q", name, code, stderr)
		}
		if strings.Contains(stdout, numtext.NBSP) {
			t.Errorf("--show-preset %s writes non-breaking spaces:\n%s", name, stdout)
		}
		got, err := presets.Parse([]byte(stdout), name+".json")
		want, _ := presets.Get(name)
		want.Description, want.Source = numtext.Plain(want.Description), numtext.Plain(want.Source)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("--show-preset %s does not read back as the preset: %v", name, err)
		}
	}
	// --epochs applies to what is shown, as --help says.
	if _, stdout, _ := runCLI(t, "--show-preset", "vanilla", "--epochs", "7"); !strings.Contains(stdout, "\n  \"epochs\": 7\n") {
		t.Errorf("--show-preset with --epochs 7:\n%s", stdout)
	}
	// --set applies to what is shown, so a custom preset starts with one command.
	code, stdout, _ := runCLI(t, "--show-preset", "vanilla", "--set", "g_lr=1e-3", "--set", "g_hidden=64,64", "--set", "name=wide")
	if code != 0 || !strings.Contains(stdout, `"g_lr": 1e-3,`) || !strings.Contains(stdout, `"g_hidden": [64, 64],`) || !strings.Contains(stdout, `"name": "wide",`) {
		t.Errorf("--show-preset with --set: exit %d\n%s", code, stdout)
	}
}

// TestPresetFile: a file saved from --show-preset, edited, runs headless.
func TestPresetFile(t *testing.T) {
	_, shown, _ := runCLI(t, "--show-preset", "vanilla", "--set", "name=mine")
	path := writeFile(t, "mine.json", shown)
	code, stdout, stderr := runCLI(t, "--headless", "--preset", path, "--epochs", "4", "--samples", "500", "--every", "0")
	if code != 0 || !strings.HasPrefix(lastLine(stdout), "final preset=mine samples=500 seed=1 epochs=4 state=done") {
		t.Fatalf("--preset FILE: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// A file with a base and --set overrides, which the final line names
	// after the file's design.
	based := writeFile(t, "bi.json", `{"base": "bimodal", "epochs": 3}`)
	code, stdout, _ = runCLI(t, "--headless", "--preset", based, "--set", "g_lr=1e-4", "--samples", "500", "--every", "0")
	final := stdout[strings.LastIndex("\n"+stdout, "\nfinal "):] // after the diagnosis: G, 3 epochs in, is on neither mode
	if code != 0 || !strings.HasPrefix(final, "final preset=bi g_lr=1e-4 samples=500 seed=1 epochs=3 state=done") || !strings.Contains(final, " modes=") {
		t.Fatalf("--preset FILE with base: exit %d, stdout %q", code, stdout)
	}
}

func TestBadPresetFiles(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{`{"base": "vanilla", "g_lrr": 1e-3}`, []string{"--preset", "bad.json:1", `unknown key "g_lrr"`, `"g_lr"`}},
		{"{\"base\": \"vanilla\",\n\"epochs\": \"lots\"}", []string{"bad.json:2", `epochs: "lots" is not a number`}},
		{`{"base": "vanilla", "d_lr": -1}`, []string{"d_lr", "out of range (0,10]"}},
		{`{"base": "vanilla", "noise": "pink"}`, []string{"noise", `"pink"`, "uniform, normal"}},
		{`{"base": "vanilla"} trailing`, []string{"unexpected data after the preset object"}},
		{`{"base": "vanilla",`, []string{"bad.json"}},
		{`not json`, []string{"bad.json:1", "not a preset file: a preset file is one JSON object {…}, as ganui --show-preset NAME prints one"}},
		{"{\"base\": \"vanilla\",,}", []string{"bad.json:1:20: two commas in a row: drop one"}},
		{"{\"base\": \"vanilla\",\n\"g_lr\": 1e-3,\n}", []string{"bad.json:2:13: a comma after the last setting: JSON allows none; drop it"}},
		{"{\"base\": \"vanilla\",\n\"g_lr\": NaN}", []string{"bad.json:2:9: NaN is not a JSON number: give a number; allowed: (0,10]"}},
		{"{\"base\": \"vanilla\" \"g_lr\": 1e-3}", []string{"bad.json:1:19: a comma missing after this value: add one"}},
		{"{\"base\": \"vanilla\" : 1}", []string{"bad.json:1", "invalid JSON"}},
	} {
		wantUsageError(t, []string{"--headless", "--preset", writeFile(t, "bad.json", c.text)}, c.want...)
	}
	wantUsageError(t, []string{"--headless", "--preset", filepath.Join(t.TempDir(), "absent.json")}, "--preset", "absent.json")
	wantUsageError(t, []string{"--show-preset", "nope"}, "--show-preset", `unknown preset nope:`, "vanilla")
	wantUsageError(t, []string{"--show-preset", "vanilla", "--preset", "lsgan"}, "--show-preset", "--preset")
}

// TestBadWidthSaysTheSameEitherWay: a bad width exits 2 with one line that
// tells the width what is wrong with it in the same words from --set, its list
// in brackets or in JSON, and a preset file: 2.5 is not told as the whole
// value, in words that differ between --set and a file, nor ["x"] in JSON's
// words, nor is 1, inf given the hint to write the list without its space.
func TestBadWidthSaysTheSameEitherWay(t *testing.T) {
	for _, c := range []struct {
		sets []string // --set g_hidden=…
		file string   // a preset file's "g_hidden"
		want string
	}{
		{[]string{"2.5", "[2.5]", "32,2.5"}, "[32, 2.5]", "g_hidden: width 2.5 is not a whole number; allowed: 1..4,096"},
		{[]string{`["x"]`, "x", "[x]"}, `["x"]`, `g_hidden: width "x" is not a number; allowed: 1..4,096`},
		{[]string{"1, inf", "[1, inf]"}, "", "g_hidden: width inf is not a finite number; allowed: 1..4,096"},
	} {
		for _, set := range c.sets {
			wantUsageError(t, []string{"--headless", "--preset", "vanilla", "--set", "g_hidden=" + set}, "ganui: --set: "+c.want+"\n")
		}
		if c.file != "" {
			file := writeFile(t, "wide.json", "{\"base\": \"vanilla\",\n\"g_hidden\": "+c.file+"}")
			wantUsageError(t, []string{"--headless", "--preset", file}, ":2: "+c.want+"\n")
			// A file that gives every key, as --show-preset writes one, is told
			// the widths allowed too: its keys after g_hidden are not left at 0
			// when g_hidden is refused, the range left out.
			_, shown, _ := runCLI(t, "--show-preset", "vanilla")
			full := writeFile(t, "full.json", regexp.MustCompile(`"g_hidden": \[[^]]*\]`).ReplaceAllString(shown, `"g_hidden": `+c.file))
			wantUsageError(t, []string{"--headless", "--preset", full}, ": "+c.want+"\n")
		}
	}
}

// TestBadWholeNumberSaysTheSameEitherWay: a bad value of an integer field exits
// 2 with one line in the same words from --set and a preset file, a number in
// quotes in a file is told its quotes, a list of widths told what to write, and
// a file's number alone for a list is one width, as --set's is: not epochs=1.5
// `"1.5" is not an integer` from --set and "want an integer, got 1.5" from a
// file, "100" "want an integer, got string", g_hidden=32 32 `width "32 32" is
// not a number`, 32, `width "" is not a number`, nor "g_hidden": 32 "want a
// list of integers, got number".
func TestBadWholeNumberSaysTheSameEitherWay(t *testing.T) {
	for _, c := range []struct {
		set, file, want string // --set's key=value, a preset file's key and value; "" for none
	}{
		{"epochs=1.5", `"epochs": 1.5`, "epochs: 1.5 is not a whole number; allowed: 1..1,000,000,000"},
		{"", `"epochs": "100"`, `epochs: "100" is text in quotes; write it without them: 100`},
		{"", `"g_hidden": [32, "16"]`, `g_hidden: width "16" is text in quotes; write it without them: 16`},
		{"g_hidden=32 32", "", "g_hidden: widths are separated by commas: 32,32"},
		{"g_hidden=32,", "", "g_hidden: an empty width after the last comma: write 32"},
	} {
		if c.set != "" {
			wantUsageError(t, []string{"--headless", "--preset", "vanilla", "--set", c.set}, "ganui: --set: "+c.want+"\n")
		}
		if c.file != "" {
			file := writeFile(t, "bad.json", "{\"base\": \"vanilla\",\n"+c.file+"}")
			wantUsageError(t, []string{"--headless", "--preset", file}, ":2: "+c.want+"\n")
		}
	}
	file := writeFile(t, "one.json", `{"base": "vanilla", "g_hidden": 32}`)
	_, fromFile, _ := runCLI(t, "--show-preset", file)
	_, fromSet, _ := runCLI(t, "--show-preset", "vanilla", "--set", "g_hidden=32")
	if !strings.Contains(fromFile, `"g_hidden": [32],`) || !strings.Contains(fromSet, `"g_hidden": [32],`) {
		t.Errorf("--show-preset of \"g_hidden\": 32:\n%s\nwant [32], as --set g_hidden=32's:\n%s", fromFile, fromSet)
	}
}

func TestBadSet(t *testing.T) {
	for _, c := range []struct {
		set  string
		want []string
	}{
		{"g_lr", []string{"--set", `"g_lr" has no =`}},
		{"glr=1e-3", []string{"--set", `unknown key "glr"`, `"g_lr"`}},
		{"g_lr=fast", []string{"--set", "g_lr", `"fast" is not a number; allowed: (0,10]`}},
		{"batch=1e20", []string{"--set", "batch: 1e20 out of range 1..100,000"}},
		{"gp=1000000", []string{"--set: gp: 1000000 out of range: 0 (off) or (0,1000]"}}, // the number typed, not 1e6
		{"gp=1,000,000.5", []string{`--set: gp: "1,000,000.5" has commas, and 1000000.5 out of range`}},
		{"epochs=many", []string{"epochs", `"many" is not a number; allowed: 1..1,000,000,000`}},
		{"d_lr=0", []string{"d_lr", "out of range (0,10]"}},
		{"d_input=fft", []string{"d_input", "raw, diffs, moments"}},
		{"target=cauchy(0,1)", []string{"target", "normal(mean,std)"}},
		{"g_acts=relu,identity", []string{"g_acts", "need 3 activations"}},
		{"mbd_kernels=1000", []string{"mbd_kernels", "0..128"}},
	} {
		wantUsageError(t, []string{"--headless", "--preset", "vanilla", "--set", c.set}, c.want...)
	}
	// devnag-2017's hidden layers differ (ELU, sigmoid): a new depth needs g_acts.
	wantUsageError(t, []string{"--headless", "--preset", "devnag-2017", "--set", "g_hidden=8"}, "g_acts", "need 2 activations")
}

func TestSeedsFlagErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--seeds", "5-1"}, "runs backwards"},
		{[]string{"--seeds", "a"}, `"a" is not a seed`},
		{[]string{"--seeds", "1-"}, `"1-" is not a seed`},
		{[]string{"--seeds", ""}, "--seeds: empty; give seeds, as 1-5 or 1,4,7-9"},
		{[]string{"--seeds", "1-3,2"}, "seed 2 appears twice"},
		{[]string{"--seeds", "1-100000"}, "at most 10,000 seeds"},
		{[]string{"--seeds", "1-3", "--seed", "2"}, "--seed and --seeds both choose the seeds"},
		{[]string{"--seeds", "1-3", "--log", "x.csv"}, "--log writes the history of a single run, and --seeds"},
		{[]string{"--jobs", "2"}, "--jobs trains several runs at once; give --seeds or --sweep too"},
		{[]string{"--set", "=1"}, `"=1" names no key`},
		{[]string{"--seeds", "1-3", "--every", "5"}, "--every prints the progress lines of a single run, and --seeds"},
		{[]string{"--seeds", "1-3", "--jobs", "0"}, "--jobs: 0 out of range"},
	} {
		wantUsageError(t, append([]string{"--headless"}, c.args...), c.want)
	}
	wantUsageError(t, []string{"--seeds", "1-3"}, "--seeds needs --headless")
}

// timings matches the fields that differ from run to run.
// fields is a line's fields, one space between them: a --seeds final
// line, padded into columns, as a single run's.
func fields(line string) string { return strings.Join(strings.Fields(line), " ") }

var timings = regexp.MustCompile(` (epochs_per_s|train_s|wall_s)=\S+| jobs=[0-9]+|(?m)^summary (epochs_per_s|train_s|wall_s) .*$`)

// TestSeedsInParallel: several seeds give one final line each, in seed
// order, then the summary; parallel jobs give exactly what one job gives;
// and each line is what a single run of that seed prints.
func TestSeedsInParallel(t *testing.T) {
	leakcheck.Check(t)
	args := []string{"--headless", "--preset", "bimodal", "--seeds", "1-3", "--epochs", "20", "--samples", "500"}
	code, one, stderr := runCLI(t, append(args, "--jobs", "1")...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	_, three, _ := runCLI(t, append(args, "--jobs", "3")...)
	if a, b := timings.ReplaceAllString(one, ""), timings.ReplaceAllString(three, ""); fields(a) != fields(b) { // the timings' padding aside
		t.Fatalf("--jobs 1 and --jobs 3 differ:\n%s\n%s", a, b)
	}
	lines := strings.Split(strings.TrimSpace(one), "\n")
	for i, seed := range []string{"1", "2", "3"} {
		if !strings.HasPrefix(lines[i], "final preset=bimodal samples=500 seed="+seed+" epochs=20 state=done") {
			t.Errorf("line %d = %q, want seed %s's final line", i, lines[i], seed)
		}
		_, single, _ := runCLI(t, "--headless", "--preset", "bimodal", "--seed", seed, "--epochs", "20", "--samples", "500", "--every", "0")
		single = single[strings.LastIndex("\n"+single, "\nfinal "):] // after the run's events
		// The same fields, --seeds' padded into columns.
		if fields(timings.ReplaceAllString(single, "")) != fields(timings.ReplaceAllString(lines[i], "")) {
			t.Errorf("seed %s alone printed %q, in --seeds %q", seed, single, lines[i])
		}
	}
	summary := strings.Join(lines[3:], "\n")
	for _, want := range []string{
		"summary preset=bimodal target=mixture(-2,0.5;2,0.5) samples=500 seeds=1-3 runs=3 diverged=0 jobs=1 wall_s=",
		"\nsummary ks ", "\nsummary w1 ", "\nsummary mean ", "\nsummary std ", "\nsummary skew ", "\nsummary kurt ",
		"\nsummary modes ", " of=2\n", "\nsummary epochs_per_s ", "\nsummary train_s ", "\nsummary wall_s ", " target=0.000\n", " target=2.062\n",
	} {
		if !strings.Contains(summary+"\n", want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	for _, l := range lines[4:] {
		if !regexp.MustCompile(`^summary \S+ +median=\S+ +min=\S+ +max=\S+`).MatchString(l) {
			t.Errorf("summary line %q is not 'summary METRIC median= min= max='", l)
		}
	}
}

// TestFinalLinesNameTheDesign: a final line names the settings that --set
// changed from the preset, after it, key=value as a sweep's row names its cell
// — a single run's and each of --seeds' alike — but the labels that train
// nothing, and so do the summaries of --seeds and --sweep (not preset=vanilla
// alone, the same as a run of the preset's own design).
func TestFinalLinesNameTheDesign(t *testing.T) {
	design := []string{"--preset", "vanilla", "--set", "g_lr=1e-3", "--set", "target=normal(0,1)", "--set", "description=mine", "--epochs", "10", "--samples", "500"}
	code, seeds, stderr := runCLI(t, append([]string{"--headless", "--seeds", "1-2"}, design...)...)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(seeds, "\n")
	for i, seed := range []string{"1", "2"} {
		if want := "final preset=vanilla target=normal(0,1) g_lr=1e-3 samples=500 seed=" + seed + " epochs=10 state=done "; !strings.HasPrefix(lines[i], want) {
			t.Errorf("--seeds: line %q, want it to begin %q", lines[i], want)
		}
	}
	if want := "summary preset=vanilla g_lr=1e-3 target=normal(0,1) samples=500 seeds=1-2 runs=2 "; !strings.HasPrefix(lines[2], want) {
		t.Errorf("--seeds: summary %q, want it to begin %q", lines[2], want)
	}
	// A sweep's summary names them too, its target once.
	_, sweep, _ := runCLI(t, append([]string{"--headless", "--sweep", "d_lr=1e-3,1e-2"}, design...)...)
	if want := "\nsummary preset=vanilla g_lr=1e-3 target=normal(0,1) sweep=d_lr cells=2 "; !strings.Contains(sweep, want) {
		t.Errorf("--sweep:\n%s\nwant a line beginning %q", sweep, want)
	}
	_, single, _ := runCLI(t, append([]string{"--headless", "--every", "0"}, design...)...)
	if final := single[strings.LastIndex("\n"+single, "\nfinal "):]; fields(timings.ReplaceAllString(final, "")) != fields(timings.ReplaceAllString(lines[0], "")) {
		t.Errorf("a single run's final line %q, --seeds' %q", final, lines[0])
	}
	// A preset's own design names nothing more.
	_, plain, _ := runCLI(t, "--headless", "--every", "0", "--preset", "vanilla", "--epochs", "10", "--samples", "500")
	if !strings.HasPrefix(plain[strings.LastIndex("\n"+plain, "\nfinal "):], "final preset=vanilla samples=500 seed=1 epochs=10 ") {
		t.Errorf("final line of the preset's own design: %q", plain)
	}
}

// TestSmallSettingsReadOneWay: a setting under 1e-4 is written in one form,
// the outline's short exponent, by --show-preset, a run's final line and a
// --seeds summary alike: --set eps=1e-6 is eps=1e-6 in each, as 1e-7 and the
// default 1e-8 are, where encoding/json's decimals from 1e-6 up had it
// "eps": 0.000001 and eps=0.000001.
func TestSmallSettingsReadOneWay(t *testing.T) {
	code, shown, stderr := runCLI(t, "--show-preset", "vanilla", "--set", "eps=1e-6", "--set", "d_clip=0.00005")
	for _, want := range []string{"\n  \"eps\": 1e-6,\n", "\n  \"d_clip\": 5e-5,\n"} {
		if code != 0 || !strings.Contains(shown, want) {
			t.Errorf("--show-preset: exit %d, stderr %q; output lacks %q:\n%s", code, stderr, want, shown)
		}
	}
	sets := []string{"--preset", "vanilla", "--set", "eps=1e-6", "--set", "d_clip=0.00005", "--epochs", "5", "--samples", "100"}
	_, single, _ := runCLI(t, append([]string{"--headless", "--every", "0"}, sets...)...)
	_, seeds, _ := runCLI(t, append([]string{"--headless", "--seeds", "1-2"}, sets...)...)
	for _, c := range []struct{ what, out, want string }{
		{"the final line", single, "final preset=vanilla d_clip=5e-5 eps=1e-6 samples=100 seed=1 "},
		{"--seeds' summary", seeds, "\nsummary preset=vanilla d_clip=5e-5 eps=1e-6 target="},
	} {
		if !strings.Contains(c.out, c.want) {
			t.Errorf("%s:\n%s\nwant %q", c.what, c.out, c.want)
		}
	}
}

// TestOutputGivenAsPresetFile: a file another of ganui's outputs, a run's
// --log history or a figure, given to --preset, --show-preset or a sweep of
// presets, is told what it is and what to give, as --resume is told it of
// such a file, where it was "run.csv:1: not a preset file: a preset file is
// one JSON object {…}, as ganui --show-preset NAME prints one", however
// large.
func TestOutputGivenAsPresetFile(t *testing.T) {
	t.Chdir(t.TempDir())
	if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "5", "--every", "0", "--samples", "100", "--log", "run.csv", "--plot", "run.png"); code != 0 {
		t.Fatalf("making the outputs: exit %d, %s", code, stderr)
	}
	history, err := os.ReadFile("run.csv")
	if err != nil {
		t.Fatal(err)
	}
	header, _, _ := strings.Cut(string(history), "\n")
	large := header + "\n" + strings.Repeat("1,0.5,0.5,0.7,4,1.25,,,,,,,\n", presets.MaxFileSize/20)
	if err := os.WriteFile("large.csv", []byte(large), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("my run.csv", history, 0o644); err != nil { // named quoted
		t.Fatal(err)
	}
	give := ", not a preset file: give the .json file --show-preset or the trainer's c wrote, or a built-in preset's name (ganui --list-presets lists them)\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "run.csv"}, "ganui: --preset: run.csv is a ganui history CSV" + give},
		{[]string{"--headless", "--preset", "my run.csv"}, "ganui: --preset: 'my run.csv' is a ganui history CSV" + give},
		{[]string{"--show-preset", "large.csv"}, "ganui: --show-preset: large.csv is a ganui history CSV" + give},
		{[]string{"--headless", "--preset", "run.png"}, "ganui: --preset: run.png is a PNG, SVG or PDF figure" + give},
		{[]string{"--headless", "--sweep", "preset=vanilla,run.csv"}, "ganui: --sweep: preset, value 2 of 2: run.csv is a ganui history CSV" + give},
	} {
		if code, _, stderr := runCLI(t, c.args...); code != exitUsage || stderr != c.want {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestARenamedDesignNamesItsPreset: a design --set renames is named by the
// preset it started from, the new name one of its changes, in a final line, the
// summaries of --seeds and --sweep, and the final line of the run resumed from
// its checkpoint. preset=bimodal would read as the built-in bimodal, with the
// changes from vanilla after it; resumed, the changes are listed from vanilla,
// not bimodal.
func TestARenamedDesignNamesItsPreset(t *testing.T) {
	const want = "preset=vanilla name=bimodal g_lr=1e-3 "
	ckpt := filepath.Join(t.TempDir(), "renamed.ckpt")
	design := []string{"--headless", "--preset", "vanilla", "--set", "name=bimodal", "--set", "g_lr=1e-3", "--epochs", "4", "--samples", "500"}
	code, single, stderr := runCLI(t, append(design, "--every", "0", "--save", ckpt)...)
	if code != 0 || !strings.HasPrefix(lastLine(single), "final "+want+"samples=500 seed=1 epochs=4 ") {
		t.Errorf("exit %d, %q: final line %q, want it to begin %q", code, stderr, lastLine(single), "final "+want)
	}
	code, resumed, stderr := runCLI(t, "--headless", "--every", "0", "--resume", ckpt, "--epochs", "6")
	if code != 0 || !strings.HasPrefix(lastLine(resumed), "final "+want+"samples=500 seed=1 epochs=6 ") {
		t.Errorf("resumed: exit %d, %q: final line %q, want it to begin %q", code, stderr, lastLine(resumed), "final "+want)
	}
	_, seeds, _ := runCLI(t, append(design, "--seeds", "1-2")...)
	if !strings.Contains(seeds, "\nsummary "+want+"target=normal(4,1.25) samples=500 seeds=1-2 ") {
		t.Errorf("--seeds:\n%s\nwant a summary beginning %q", seeds, "summary "+want)
	}
	_, sweep, _ := runCLI(t, append(design, "--sweep", "d_lr=1e-3,1e-2")...)
	if !strings.Contains(sweep, "\nsummary "+want+"target=normal(4,1.25) sweep=d_lr ") {
		t.Errorf("--sweep:\n%s\nwant a summary beginning %q", sweep, "summary "+want)
	}
}

// TestListPresetsShowsEverything: --list-presets prints every preset's name,
// description, source and outline, the outline with plain spaces where the
// screen's has non-breaking ones (numtext.Together), each such pair on one line
// of the listing, so that grep finds "lr 5e-4" in it. Every line fits 80
// columns, the outlines too, which unbroken would run to 143.
func TestListPresetsShowsEverything(t *testing.T) {
	_, stdout, _ := runCLI(t, "--list-presets")
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > 80 {
			t.Errorf("line %d is %d columns wide: %q", i+1, n, l)
		}
	}
	flat := strings.Join(strings.Fields(stdout), " ") // the wrapping undone
	for _, c := range presets.All() {
		if !slices.Contains(lines, c.Name) {
			t.Errorf("--list-presets has no line %q", c.Name)
		}
		for _, want := range append([]string{c.Description, "source: " + c.Source}, c.Outline()...) {
			if !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("--list-presets lacks %q", numtext.Plain(want))
			}
			for _, unit := range strings.Split(want, " ") {
				if strings.Contains(unit, numtext.NBSP) && !strings.Contains(stdout, numtext.Plain(unit)) {
					t.Errorf("--list-presets breaks %q across lines", numtext.Plain(unit))
				}
			}
		}
	}
	if strings.Contains(stdout, numtext.NBSP) {
		t.Error("--list-presets prints non-breaking spaces")
	}
}

// BenchmarkSeedsJobs measures the throughput of --seeds with one and with
// two jobs: four seeds of vanilla, 1,000 epochs each, per op. On an idle
// 2-core machine two jobs should give about twice the runs per second:
//
//	go test -run XXX -bench SeedsJobs .
func BenchmarkSeedsJobs(b *testing.B) {
	for _, jobs := range []string{"1", "2"} {
		b.Run("jobs="+jobs, func(b *testing.B) {
			for b.Loop() {
				var stderr strings.Builder
				args := []string{"--headless", "--preset", "vanilla", "--seeds", "1-4", "--epochs", "1000", "--samples", "1000", "--jobs", jobs}
				if code := run(args, io.Discard, &stderr); code != 0 {
					b.Fatal(stderr.String())
				}
			}
			b.ReportMetric(4*float64(b.N)/b.Elapsed().Seconds(), "runs/s")
		})
	}
}

// TestPointsFileErrors: a points(FILE.csv) target that cannot be used is
// one line and exit 2, before anything trains, whatever is wrong with it.
func TestPointsFileErrors(t *testing.T) {
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var many strings.Builder
	for range engine.MaxPoints + 1 {
		many.WriteString("1,2\n")
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "missing.csv"):     "no such file",
		file("word.csv", "x,y\n1,2\nfoo,3\n"): `line 3: "foo" is not a number`,
		file("one.csv", "x,y\n1,2\n"):         `one.csv)": 1 row of data, at least 2`,
		file("none.csv", "x,y\n"):             `none.csv)": 0 rows of data, at least 2`,
		file("nan.csv", "1,2\nNaN,3\n"):       "not a finite number",
		file("inf.csv", "1,2\n3,-Inf\n"):      "not a finite number",
		file("many.csv", many.String()):       "more than 1,000,000 rows",
		dir:                                   "a directory",
	} {
		wantUsageError(t, []string{"--headless", "--preset", "ring", "--set", "target=points(" + path + ")"}, want)
	}
	good := file("good.csv", "x,y\n0,0\n1,1\n2,0\n")
	if code, stdout, stderr := runCLI(t, "--headless", "--preset", "ring", "--epochs", "20", "--every", "0", "--set", "target=points("+good+")"); code != 0 || !strings.Contains(stdout, "sw1=") {
		t.Errorf("a good points file: exit %d, %s%s", code, stdout, stderr)
	}
}

// TestPointsFileBesidePresetFile: a preset file kept beside its points file,
// naming it points(pts.csv), trains from any working directory (not only from
// the file's directory, with no such file anywhere else); --set's relative path
// is the working directory's; --show-preset writes the path absolute, so that
// its file, saved anywhere, trains too; and a points file missing is named by
// the path tried.
func TestPointsFileBesidePresetFile(t *testing.T) {
	exp := t.TempDir()
	for name, text := range map[string]string{
		"pts.csv":     "x,y\n0,0\n1,1\n2,0\n",
		"design.json": `{"base": "ring", "target": "points(pts.csv)", "epochs": 3}`,
		"gone.json":   `{"base": "ring", "target": "points(gone.csv)"}`,
	} {
		if err := os.WriteFile(filepath.Join(exp, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	design, pts := filepath.Join(exp, "design.json"), filepath.Join(exp, "pts.csv")
	cwd := t.TempDir()
	t.Chdir(cwd)
	train := func(args ...string) string {
		t.Helper()
		code, stdout, stderr := runCLI(t, append([]string{"--headless", "--samples", "500", "--every", "0"}, args...)...)
		if code != 0 {
			t.Fatalf("%q from elsewhere: exit %d, %s%s", args, code, stdout, stderr)
		}
		return lastLine(stdout) // the final line, after a far G's finding line
	}
	if out := train("--preset", design); !strings.HasPrefix(out, "final preset=design samples=500 seed=1 epochs=3 state=done") {
		t.Errorf("--preset %s: %q", design, out)
	}
	wantUsageError(t, []string{"--headless", "--preset", filepath.Join(exp, "gone.json")},
		`gone.json:1: target "points(`, filepath.Join(exp, "gone.csv")+`)": no such file or directory (a preset file's relative path is read from the file's directory)`)

	// --set's path is the working directory's, preset file or not.
	wantUsageError(t, []string{"--headless", "--preset", design, "--set", "target=points(pts.csv)"}, `target "points(pts.csv)": no such file or directory`)
	if err := os.WriteFile(filepath.Join(cwd, "mine.csv"), []byte("x,y\n5,5\n6,6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := train("--preset", design, "--set", "target=points(mine.csv)"); !strings.HasPrefix(out, "final preset=design target=points(mine.csv) samples=500 seed=1") {
		t.Errorf("--set target=points(mine.csv): %q", out)
	}

	// --show-preset's file names the points by their absolute path, and
	// trains from another directory than the one it was written in.
	code, shown, stderr := runCLI(t, "--show-preset", design)
	if want := `"target": "points(` + pts + `)"`; code != 0 || !strings.Contains(shown, want) {
		t.Fatalf("--show-preset %s: exit %d, %s%s; want %s", design, code, shown, stderr, want)
	}
	saved := writeFile(t, "saved.json", shown)
	code, shown, stderr = runCLI(t, "--show-preset", "ring", "--set", "target=points(mine.csv)", "--set", "name=mine", "--epochs", "3")
	if want := `"target": "points(` + filepath.Join(cwd, "mine.csv") + `)"`; code != 0 || !strings.Contains(shown, want) {
		t.Fatalf("--show-preset with --set's points(mine.csv): exit %d, %s%s; want %s", code, shown, stderr, want)
	}
	mine := writeFile(t, "mine.json", shown)
	t.Chdir(t.TempDir())
	if out := train("--preset", saved); !strings.HasPrefix(out, "final preset=design samples=500 seed=1 epochs=3 state=done") {
		t.Errorf("--preset %s, --show-preset's file: %q", saved, out)
	}
	if out := train("--preset", mine); !strings.HasPrefix(out, "final preset=mine samples=500 seed=1 epochs=3 state=done") {
		t.Errorf("--preset %s, --show-preset's file: %q", mine, out)
	}
}

// TestPresetKeptAsRead: the preset --preset names is kept as read, before --set
// and --epochs, for the run to name its changes from (session.Options.Base), so
// that a preset file, and a points(FILE.csv) file it names, is read once, not
// again by the run's final line, a batch's summary and the trainer (session's
// TestDesignNamedFromThePresetAsRead).
func TestPresetKeptAsRead(t *testing.T) {
	file := writeFile(t, "mine.json", `{"base": "vanilla", "g_lr": 0.0005}`)
	o, err := parseFlags([]string{"--headless", "--preset", file, "--set", "g_lr=1e-3", "--epochs", "7"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if b := o.Base; b == nil || b.Name != "mine" || b.GLR != 0.0005 || b.Epochs == 7 || o.Config.GLR != 1e-3 || o.Preset != file {
		t.Fatalf("--preset %s --set g_lr=1e-3 --epochs 7: preset %q, base %+v", file, o.Preset, b)
	}
}

// TestCountFlagsTakeExponents: --epochs and --samples take a whole number
// written as --set takes one (5e3), and refuse a fraction or one too large.
func TestCountFlagsTakeExponents(t *testing.T) {
	o, err := parseFlags([]string{"--headless", "--epochs", "2e2", "--samples", "1e3"}, io.Discard)
	if err != nil || o.Epochs != 200 || o.Samples != 1000 {
		t.Fatalf("--epochs 2e2 --samples 1e3: %d, %d, %v", o.Epochs, o.Samples, err)
	}
	wantUsageError(t, []string{"--headless", "--epochs", "1.5"}, "-epochs", "not a whole number")
	wantUsageError(t, []string{"--headless", "--epochs", "1e20"}, "-epochs", "out of range")
}

// TestHeadlessOutputHasPlainSpaces: the non-breaking spaces that keep a
// label with its value on the screen (numtext.Together) stay there: a
// headless run's key=value lines, whose events name modes with their
// places, and its --log CSV write plain spaces, which grep and a program
// split on (--show-preset's file: TestShowPreset).
func TestHeadlessOutputHasPlainSpaces(t *testing.T) {
	csv := filepath.Join(t.TempDir(), "run.csv")
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "grid", "--epochs", "20", "--every", "10", "--samples", "500", "--log", csv)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `detail="mode 13 at (0, 0) gets`) { // the untrained G's clump, covering the centre
		t.Fatalf("no event names a mode with its place, none to check:\n%s", stdout)
	}
	data, err := os.ReadFile(csv)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"the headless lines": stdout, "the CSV": string(data)} {
		if strings.Contains(text, numtext.NBSP) {
			t.Errorf("%s hold non-breaking spaces:\n%s", name, text)
		}
	}
}

// TestREADMEKeyTableIsTheKeys: the table of preset keys in
// docs/preset-files.md, where the README's Preset files sends a reader for
// every key, the keys --set takes (--help points to --show-preset for them),
// names each key once, and only keys there are.
func TestREADMEKeyTableIsTheKeys(t *testing.T) {
	reference, err := os.ReadFile("docs/preset-files.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(reference), "The fields, in the order `--show-preset` prints them")
	_, table, _ = strings.Cut(table, "| --- |")
	_, table, _ = strings.Cut(table, "\n") // the rest of the rule
	table, _, _ = strings.Cut(table, "\n\n")
	if !ok || table == "" {
		t.Fatal("docs/preset-files.md has no table of preset keys")
	}
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 {
			t.Fatalf("not a table row: %q", line)
		}
		for _, m := range regexp.MustCompile("`([a-z0-9_]+)`").FindAllStringSubmatch(cells[1], -1) {
			seen[m[1]]++
		}
	}
	for _, key := range engine.ConfigKeys() {
		if seen[key] != 1 {
			t.Errorf("the key table of docs/preset-files.md names %s %d times, want once", key, seen[key])
		}
		delete(seen, key)
	}
	for key := range seen {
		t.Errorf("the key table of docs/preset-files.md names %s, which is no key", key)
	}
}

// TestREADMEKeyRowsAreTheReference: each row of the README's short table of
// the keys changed most, under Preset files, gives its keys, their type and
// what they allow as the row of the same keys in docs/preset-files.md does (a
// link's target aside: each file links from where it is), so that the guide's
// few rows cannot come to say another range than the reference.
func TestREADMEKeyRowsAreTheReference(t *testing.T) {
	link := regexp.MustCompile(`\]\([^)]*\)`)
	rows := func(file, after string) map[string]string {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, table, ok := strings.Cut(string(text), after)
		_, table, head := strings.Cut(table, "| key | type | allowed | meaning |\n| --- | --- | --- | --- |\n")
		table, _, _ = strings.Cut(table, "\n\n")
		if !ok || !head {
			t.Fatalf("%s has no table of keys after %q", file, after)
		}
		got := map[string]string{}
		for line := range strings.Lines(table) {
			cells := strings.SplitN(strings.TrimPrefix(line, "| "), " | ", 4)
			if len(cells) < 4 {
				t.Fatalf("%s: not a row of the key table: %q", file, line)
			}
			got[cells[0]] = link.ReplaceAllString(cells[1]+" | "+cells[2], "]")
		}
		return got
	}
	guide := rows("README.md", "### Preset files")
	reference := rows("docs/preset-files.md", "The fields, in the order `--show-preset` prints them")
	for key, cells := range guide {
		if want, ok := reference[key]; !ok {
			t.Errorf("the README's key table has a row for %s, which docs/preset-files.md's has not", key)
		} else if cells != want {
			t.Errorf("the README's key table gives %s as\n%s\nwhere docs/preset-files.md gives\n%s", key, cells, want)
		}
	}
}

// TestBuiltInNameBesideAFile: a built-in preset's name given to --preset or
// --show-preset while a regular file of that name is in the working directory
// trains (or prints) the built-in, saying on stderr that the file is not read
// and how to read it, not training the built-in without a word; a directory of
// that name, or the default preset not given, is no file meant, said nothing
// of.
func TestBuiltInNameBesideAFile(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"ring", presets.Default} {
		if err := os.WriteFile(name, []byte(`{"base": "vanilla"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir("grid", 0o755); err != nil {
		t.Fatal(err)
	}
	const note = "ganui: note: ring is a built-in preset; the file ./ring is not read (give ./ring to read it)\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "ring", "--epochs", "1", "--every", "0"}, note},
		{[]string{"--show-preset", "ring"}, note},
		{[]string{"--headless", "--preset", "grid", "--epochs", "1", "--every", "0"}, ""},
		{[]string{"--headless", "--epochs", "1", "--every", "0"}, ""},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != 0 || stderr != c.want {
			t.Errorf("%q: exit %d, stderr %q; want 0, %q", c.args, code, stderr, c.want)
		}
	}
}

// TestSetOfAKeyTheDesignLeavesUnreadIsSaid: a --set of a key the design
// trained leaves unread (d_momentum beside Adam, which vanilla's players
// train with) trains as the design without it would, while the final line
// names it as a change: headless and --show-preset say so on stderr, with
// what reads it, where they said nothing. A design that reads it, or a
// sweep one of whose cells does, is told nothing of it (a sweep says its
// cells, sweepPlan).
func TestSetOfAKeyTheDesignLeavesUnreadIsSaid(t *testing.T) {
	run := []string{"--headless", "--preset", "vanilla", "--epochs", "2", "--samples", "100"}
	for _, c := range []struct {
		args []string
		want string
	}{
		{append(run, "--every", "0", "--set", "d_momentum=0.9"), "ganui: note: --set d_momentum=0.9 trains nothing here: it is read with d_opt sgd alone, which this design has not; give --set d_opt=sgd too, or drop it\n"},
		{[]string{"--show-preset", "wgan", "--set", "g_beta2=0.9"}, "ganui: note: --set g_beta2=0.9 trains nothing here: it is read with g_opt adam alone, which this design has not; give --set g_opt=adam too, or drop it\n"},
		{append(run, "--set", "mbd_dim=4", "--sweep", "d_lr=1e-3,1e-2"), "ganui: note: --set mbd_dim=4 trains nothing here: it is read with mbd_kernels above 0 alone, which no cell has; give --set mbd_kernels=8 too, or drop it\nganui: sweep of 2 cells × seed 1: d_lr=1e-3 d_lr=1e-2\n"},
		{[]string{"--show-preset", "ring", "--set", "leaky_slope=0.1"}, "ganui: note: --set leaky_slope=0.1 trains nothing here: it is read with a leaky_relu in g_acts or d_acts alone, which this design has not; give the design a leaky_relu in g_acts or d_acts with --set too, or drop it\n"},
		{append(run, "--every", "0", "--set", "d_opt=sgd", "--set", "d_momentum=0.9"), ""},
		{append(run, "--set", "d_momentum=0.9", "--sweep", "d_opt=adam,sgd"), "ganui: sweep of 2 cells × seed 1: d_opt=adam d_opt=sgd\n"},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != 0 || stderr != c.want {
			t.Errorf("%q: exit %d, stderr %q; want 0, %q", c.args, code, stderr, c.want)
		}
	}
}

// TestListPresetsEndsNoNetworkOnAnActivationAlone: --list-presets's G and D
// lines keep their last activation with the one before it (Config.Outline),
// so that no line of the listing holds a closing activation alone:
// devnag-2017's D ends "(elu," over "elu, sigmoid)", not "(elu, elu," over
// "sigmoid)".
func TestListPresetsEndsNoNetworkOnAnActivationAlone(t *testing.T) {
	_, stdout, _ := runCLI(t, "--list-presets")
	alone := regexp.MustCompile(`^\s+[a-z_]+( [0-9.]+)?\)$`)
	for l := range strings.SplitSeq(stdout, "\n") {
		if alone.MatchString(l) {
			t.Errorf("--list-presets has an activation alone on a line: %q", l)
		}
	}
}
