package main

import (
	"io"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/internal/cliflag"
	"github.com/ganui/ganui/internal/command"
)

// TestSingleRunFlagsWithABatchSayWhatToTypeForEach: a single run's flag
// given with --seeds or --sweep is refused naming both flags and a way on
// for each intent, the one run or the runs, each of which parseFlags
// then takes, where "--seed needs a single run; drop it or --seeds" had
// named one flag and left the other to guess.
func TestSingleRunFlagsWithABatchSayWhatToTypeForEach(t *testing.T) {
	for _, c := range []struct {
		args       []string
		single     string // the flag of a single run
		batch      string // --seeds or --sweep
		one, runs  []string
		oneWayWord string // what the refusal says to type for the one run
	}{
		{[]string{"--seed", "3", "--seeds", "1-5"}, "--seed", "--seeds",
			[]string{"--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S alone"},
		{[]string{"--log", "x.csv", "--seeds", "1-5"}, "--log", "--seeds",
			[]string{"--log", "x.csv", "--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S"},
		{[]string{"--every", "5", "--seeds", "1-5"}, "--every", "--seeds",
			[]string{"--every", "5", "--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S"},
		{[]string{"--save", "x.ckpt", "--seeds", "1-5"}, "--save", "--seeds",
			[]string{"--save", "x.ckpt", "--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S"},
		{[]string{"--log", "x.csv", "--sweep", "g_lr=1e-3,1e-2"}, "--log", "--sweep",
			[]string{"--log", "x.csv", "--set", "g_lr=1e-3"}, []string{"--sweep", "g_lr=1e-3,1e-2"}, "--set key=value"},
		{[]string{"--every", "5", "--sweep", "g_lr=1e-3,1e-2"}, "--every", "--sweep",
			[]string{"--every", "5", "--set", "g_lr=1e-3"}, []string{"--sweep", "g_lr=1e-3,1e-2"}, "--set key=value"},
		{[]string{"--save", "x.ckpt", "--sweep", "g_lr=1e-3,1e-2"}, "--save", "--sweep",
			[]string{"--save", "x.ckpt", "--set", "g_lr=1e-3"}, []string{"--sweep", "g_lr=1e-3,1e-2"}, "--set key=value"},
	} {
		args := append([]string{"--headless", "--epochs", "1"}, c.args...) // a refusal missed trains a moment
		code, stdout, stderr := runCLI(t, args...)
		if code != exitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, stdout, stderr)
			continue
		}
		for _, want := range []string{c.single + " ", c.batch + " ", c.oneWayWord} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%q: %q does not say %q", args, stderr, want)
			}
		}
		if c.single != "--seed" && !strings.Contains(stderr, "drop "+c.single) {
			t.Errorf("%q: %q does not say to drop %s for the runs", args, stderr, c.single)
		}
		for _, way := range [][]string{c.one, c.runs} {
			if _, err := parseFlags(slices.Concat([]string{"--headless"}, way), io.Discard); err != nil {
				t.Errorf("%q, the way on of %q, is refused: %v", way, args, err)
			}
		}
	}
}

// TestSetWithoutAValueSaysWhatOneLooksLike: a --set with no value after
// its =, with no =, or with no key is refused naming the key, what a value
// of it looks like (its range, its names) and an example, the design's
// own value, which --set then takes, where `g_lr: "" is not a number`
// and "want key=value, got \"g_lr\"" had given neither; an empty value
// the key takes (g_hidden=, no hidden layers) is taken as before.
func TestSetWithoutAValueSaysWhatOneLooksLike(t *testing.T) {
	for _, c := range []struct{ set, want, example string }{
		{"g_lr=", `"g_lr=" has no value after the =: give a number, allowed: (0,10], e.g. --set g_lr=5e-5`, "g_lr=5e-5"},
		{"g_lr", `"g_lr" has no =: write g_lr=value, the value a number, allowed: (0,10], e.g. --set g_lr=5e-5`, "g_lr=5e-5"},
		{"loss=", `"loss=" has no value after the =: give one of bce, least_squares, wasserstein, hinge, e.g. --set loss=bce`, "loss=bce"},
		{"target=", `"target=" has no value after the =: give a target, kind(args), e.g. --set 'target=normal(4,1.25)'`, "target=normal(4,1.25)"},
		{"d_hidden", `"d_hidden" has no =: write d_hidden=value, the value a list of widths, one per hidden layer, allowed: 1..4,096, e.g. --set d_hidden=32,32`, "d_hidden=32,32"},
		{"unroll_second_order=", `"unroll_second_order=" has no value after the =: give true or false, e.g. --set unroll_second_order=false`, "unroll_second_order=false"},
		{"=3", `"=3" names no key: write key=value, e.g. --set g_lr=1e-3 (--show-preset NAME lists the keys)`, "g_lr=1e-3"},
	} {
		args := []string{"--headless", "--preset", "vanilla", "--set", c.set}
		code, stdout, stderr := runCLI(t, args...)
		if want := "ganui: --set: " + c.want + "\n"; code != exitUsage || stdout != "" || stderr != want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", args, code, stdout, stderr, want)
		}
		if _, err := parseFlags([]string{"--headless", "--preset", "vanilla", "--set", c.example}, io.Discard); err != nil {
			t.Errorf("%q: its example --set %s is refused: %v", args, c.example, err)
		}
	}
	if _, err := parseFlags([]string{"--headless", "--preset", "vanilla", "--set", "g_hidden="}, io.Discard); err != nil {
		t.Errorf("--set g_hidden=, a network without hidden layers, is refused: %v", err)
	}
	// A description or a source may be empty, as a built-in's often is
	// (vanilla's description): --set description= clears it, as
	// docs/command-line.md says, where a design has a name (--set name=
	// is refused, TestSmallMisuses).
	for _, key := range []string{"description", "source"} {
		code, stdout, stderr := runCLI(t, "--show-preset", "ring", "--set", key+"=")
		if want := "\n  \"" + key + "\": \"\",\n"; code != 0 || !strings.Contains(stdout, want) || stderr != "" {
			t.Errorf("--set %s=: exit %d, stdout %q, stderr %q; want exit 0 and %q", key, code, stdout, stderr, want)
		}
	}
}

// TestMissingInputFileSaysWhatToGive: a --resume checkpoint or a
// --preset file that is not there is refused naming it, the file beside
// it its name was likely meant to be, and what to give instead: the
// checkpoint --save or w writes, a preset file or a built-in preset's
// name, where "x.ckpt: no such file or directory" had ended there. A
// name given without its extension is told the file with it: --resume
// run for run.ckpt, --preset my for the my.json --show-preset wrote,
// where "unknown preset \"my\"" named built-ins alone. A file of another
// kind is no guess: --show-preset r.csv was told "did you mean a.csv?".
func TestMissingInputFileSaysWhatToGive(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, n := range []string{"run.ckpt", "ring.json", "my.json", "a.csv"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := func(n string) string { return filepath.Join(dir, n) }
	preset := "; give a preset file that is there (" + command.Line("--show-preset NAME") + " > FILE.json writes one), or a built-in preset's name (" + command.Line("--list-presets") + " lists them)\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--resume", at("rn.ckpt")}, "ganui: --resume: " + at("rn.ckpt") + ": no such file or directory (did you mean " + at("run.ckpt") + "?); give the FILE.ckpt a headless run's --save or the trainer's w wrote\n"},
		{[]string{"--resume", at("other.ckpt")}, "ganui: --resume: " + at("other.ckpt") + ": no such file or directory; give the FILE.ckpt a headless run's --save or the trainer's w wrote\n"},
		{[]string{"--headless", "--preset", at("rin.json")}, "ganui: --preset: " + at("rin.json") + ": no such file or directory (did you mean " + at("ring.json") + "?)" + preset},
		{[]string{"--show-preset", at("other.json")}, "ganui: --show-preset: " + at("other.json") + ": no such file or directory" + preset},
		{[]string{"--headless", "--resume", at("run")}, "ganui: --resume: " + at("run") + ": no such file or directory (did you mean " + at("run.ckpt") + "?); give the FILE.ckpt a headless run's --save or the trainer's w wrote\n"},
		{[]string{"--resume", "run"}, "ganui: --resume: run: no such file or directory (did you mean run.ckpt?); give the FILE.ckpt a headless run's --save or the trainer's w wrote\n"},
		{[]string{"--headless", "--preset", at("ring")}, "ganui: --preset: " + at("ring") + ": no such file or directory (did you mean " + at("ring.json") + "?)" + preset},
		{[]string{"--headless", "--preset", "my"}, "ganui: --preset: unknown preset my (did you mean my.json?)\n"},
		{[]string{"--show-preset", "my"}, "ganui: --show-preset: unknown preset my (did you mean my.json?)\n"},
		// Only a preset file is guessed for a preset, and a checkpoint for
		// --resume: a.csv, a history, is neither.
		{[]string{"--show-preset", "r.csv"}, "ganui: --show-preset: r.csv: no such file or directory" + preset},
		{[]string{"--headless", "--preset", "rin.csv"}, "ganui: --preset: rin.csv: no such file or directory (did you mean ring.json?)" + preset},
		{[]string{"--headless", "--resume", "r.csv"}, "ganui: --resume: r.csv: no such file or directory; give the FILE.ckpt a headless run's --save or the trainer's w wrote\n"},
	} {
		code, stdout, stderr := runCLI(t, c.args...)
		if code != exitUsage || stdout != "" || stderr != c.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("the refusals left %d files in the directory, want the 4 there before", len(entries))
	}
}

// TestHelpKeepsAFlagWithItsArgument: --help at every width it wraps to
// never ends a line with a flag whose argument begins the next, "--plot"
// over "FILE.png" at 60 columns, read as a flag given alone, in the
// usage or a flag's text ("--set" over "g_lr=1e-3" at 64).
func TestHelpKeepsAFlagWithItsArgument(t *testing.T) {
	for width := minColumns; width <= maxColumns; width++ {
		t.Setenv("COLUMNS", strconv.Itoa(width))
		var out strings.Builder
		if code := run([]string{"--help"}, &out, io.Discard); code != exitOK {
			t.Fatalf("--help at %d columns: exit %d", width, code)
		}
		lines := strings.Split(out.String(), "\n")
		for i := 0; i+1 < len(lines); i++ {
			words, next := strings.Fields(lines[i]), strings.Fields(lines[i+1])
			if len(words) < 2 || len(next) == 0 || !cliflag.TakesNext(words[len(words)-1]) {
				continue // a flag's own heading line, "  --paused", or none
			}
			if first := next[0]; strings.HasPrefix(first, "-") || strings.HasPrefix(first, "[") || first == command.Program() || first == "DESIGN:" {
				continue // the flag takes no argument there
			}
			t.Errorf("--help at %d columns: %q ends with a flag over %q, its argument", width, lines[i], lines[i+1])
		}
	}
}

// TestSweepOverPresetsRefusals: --sweep preset=… is refused in one line,
// exit 2, before any training, with what to type: beside --preset, the
// sweep that names that preset too; with a --set a preset does not take,
// which preset and the presets that take it, but where the --set flags are
// refused whatever the preset (a key set twice), as --preset would refuse
// them; over presets of 1-D and 2-D targets, the sweep of each.
func TestSweepOverPresetsRefusals(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--preset", "vanilla", "--sweep", "preset=bimodal,bimodal-pacgan"},
			"--preset vanilla and --sweep preset=… both choose the design: drop --preset and name it in the sweep, --sweep preset=vanilla,bimodal,bimodal-pacgan"},
		{[]string{"--preset", "bimodal", "--sweep", "preset=bimodal,bimodal-pacgan"},
			"--preset bimodal and --sweep preset=… both choose the design: drop --preset and name it in the sweep, --sweep preset=bimodal,bimodal-pacgan"},
		// The sweep offered is one the sweep takes: a list it refuses is
		// told as without --preset, where the offer kept its [ left open,
		// --sweep 'preset=vanilla,a[.json,b.json', refused next; and a
		// --preset the sweep cannot name beside others is offered none.
		{[]string{"--preset", "vanilla", "--sweep", "preset=a[.json,b.json"},
			`--sweep: preset: value "a[.json,b.json" has a [ that nothing closes, so the commas after it split no values; --sweep splits its values at the commas outside brackets, which keep a list together: g_hidden=[16,16],[32]`},
		{[]string{"--preset", "a[.json", "--sweep", "preset=bimodal,bimodal-pacgan"},
			"--preset 'a[.json' and --sweep preset=… both choose the design: drop --preset and name it in the sweep"},
		{[]string{"--sweep", "preset=bimodal,bimodal-pacgan,vanilla", "--set", "batch=99"},
			"--sweep: preset, value 2 of 3: bimodal-pacgan: --set: d_in: 2 out of range: a divisor of batch 99 (1, 3, 9, 11, 33 or 99), or batch a multiple of 2; of the presets, only bimodal and vanilla take the --set: --sweep preset=bimodal,vanilla, or drop the --set"},
		{[]string{"--sweep", "preset=vanilla,bimodal", "--set", "d_acts=relu,relu,relu,sigmoid"},
			"--sweep: preset, value 1 of 2: vanilla: --set: d_acts: need 3 activations (one per hidden layer of d_hidden and one for the output), got 4; no preset of the sweep takes it: drop the --set"},
		// An error of the --set flags, whatever preset they change, is
		// said as --preset would say it, not at the sweep's first preset.
		{[]string{"--sweep", "preset=vanilla,bimodal", "--set", "g_lr=1", "--set", "g_lr=2"},
			"g_lr is set twice (--set); drop one"},
		{[]string{"--sweep", "preset=vanilla,bimodal", "--set", "epochs=5"},
			"epochs is both set (--set) and given (--epochs); drop one"},
		{[]string{"--sweep", "preset=vanilla,bimodal", "--set", "g_lr= 1"},
			`--set: "g_lr= 1" has spaces around its =; write g_lr=1`},
		{[]string{"--sweep", "preset=bimodal,ring"},
			"--sweep: preset=ring is a 2-D target and preset=bimodal a 1-D one: a sweep measures its cells alike (KS and W1, or sliced W1), on targets of one dimension; sweep them apart: --sweep preset=bimodal and --sweep preset=ring"},
	} {
		args := append([]string{"--headless", "--epochs", "1"}, c.args...) // a refusal missed trains a moment
		code, stdout, stderr := runCLI(t, args...)
		if want := "ganui: " + c.want + "\n"; code != exitUsage || stdout != "" || stderr != want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", args, code, stdout, stderr, want)
		}
	}
	o, err := parseFlags([]string{"--headless", "--sweep", "preset=bimodal,bimodal-pacgan", "--set", "batch=96", "--epochs", "50"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cells := o.sweep.Cells; len(cells) != 2 || cells[1].Config.Name != "bimodal-pacgan" || cells[1].Config.Batch != 96 || cells[1].Config.Epochs != 50 || o.Preset != "bimodal" {
		t.Errorf("cells %+v, preset %q", cells, o.Preset)
	}
}

// TestNoTerminalOffersTheRunHeadless: a trainer's run started where
// there is no terminal (a script's ganui --preset ring … > out.txt, which
// forgot --headless) is told the command that trains that run headless,
// its design, seed and plan kept and the trainer's own --paused and
// --speed, which a headless run refuses, left out: a bare "ganui
// --headless", run as told, trained blog-original's 5,000 epochs instead.
func TestNoTerminalOffersTheRunHeadless(t *testing.T) {
	if term.IsTerminal(os.Stdout.Fd()) {
		t.Skip("standard output is a terminal: the trainer would start")
	}
	command.SetProgram("ganui")
	t.Cleanup(func() { command.SetProgram("") })
	code, _, stderr := runCLI(t, "--preset", "vanilla", "--paused", "--set", "g_lr=1e-3", "--seed=3", "--speed", "5", "--epochs", "100")
	want := "; ganui --headless --preset vanilla --set g_lr=1e-3 --seed=3 --epochs 100 trains without a terminal\n"
	if code != exitUsage || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 2 and one line ending %q", code, stderr, want)
	}
	// --headless=false, which asked for the trainer, goes too: the command
	// told was "ganui --headless --headless=false --epochs 2", which is
	// refused as --headless given twice.
	code, _, stderr = runCLI(t, "--headless=false", "--epochs", "2")
	want = "; ganui --headless --epochs 2 trains without a terminal\n"
	if code != exitUsage || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, want) {
		t.Errorf("--headless=false: exit %d, stderr %q; want 2 and one line ending %q", code, stderr, want)
	}
}

// TestTildeTheShellLeftIsSaid: a file's name that begins with ~/, which
// the shell expands only at a word's start (--log=~/runs/a.csv, a script's
// LOG='~/a.csv' given as "$LOG"), is refused saying so and what the shell
// expands, where there is no directory ~ for it to name: --log and --save
// were told "the directory ~ does not exist; make it", and mkdir '~' makes
// a directory whose name a later rm -r ~ reads as the home directory. A
// directory ~ that is there is the name's, and is written in.
func TestTildeTheShellLeftIsSaid(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	t.Chdir(t.TempDir())
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--epochs", "2", "--log=~/runs/a.csv"}, "ganui: --log=~/runs/a.csv: the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~ here: write --log ~/runs/a.csv, a space for the =, or --log=$HOME/runs/a.csv\n"},
		{[]string{"--headless", "--epochs", "2", "--save", "~/my runs/a.ckpt"}, "ganui: --save: '~/my runs/a.ckpt' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~ here: for the home directory's, write \"$HOME\"/'my runs/a.ckpt'\n"},
		{[]string{"--headless", "--preset", "~/a.json"}, "ganui: --preset: '~/a.json' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~ here: for the home directory's, write $HOME/a.json\n"},
		{[]string{"--headless", "--resume=~/a.ckpt"}, "ganui: --resume=~/a.ckpt: the shell expands a ~ only at a word's start, not after --resume=, and there is no directory ~ here: write --resume ~/a.ckpt, a space for the =, or --resume=$HOME/a.ckpt\n"},
		// A ~ or ~/ alone, or a name in /, would name a directory once
		// expanded: a file in it is asked for, where --log=~/ was told
		// "write --log ~/''" and --log=~ wrote a file named ~ here.
		{[]string{"--headless", "--epochs", "2", "--log=~/"}, "ganui: --log=~/: the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~ here; expanded, ~/ would name a directory, not a file: give one in it, e.g. --log ~/run.csv, a space for the =\n"},
		{[]string{"--headless", "--epochs", "2", "--log=~"}, "ganui: --log=~: the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~ here; expanded, ~ would name a directory, not a file: give one in it, e.g. --log ~/run.csv, a space for the =\n"},
		{[]string{"--headless", "--resume=~/runs/"}, "ganui: --resume=~/runs/: the shell expands a ~ only at a word's start, not after --resume=, and there is no directory ~ here; expanded, ~/runs/ would name a directory, not a file: give one in it, e.g. --resume ~/runs/run.ckpt, a space for the =\n"},
		{[]string{"--headless", "--preset", "~/my runs/"}, "ganui: --preset: '~/my runs/' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~ here; expanded, ~/'my runs/' would name a directory, not a file: give one in it, e.g. \"$HOME\"/'my runs/design.json'\n"},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || stderr != c.want {
			t.Errorf("%q: exit %d, stderr\n%s want 2 and\n%s", c.args, code, stderr, c.want)
		}
	}
	if _, err := os.Lstat("~"); err == nil {
		t.Fatal("a refused --log=~ left a file ~ here")
	}
	if err := os.Mkdir("~", 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "2", "--every", "0", "--log=~/a.csv"); code != 0 {
		t.Fatalf("with a directory ~ here: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join("~", "a.csv")); err != nil {
		t.Errorf("with a directory ~ here, --log=~/a.csv wrote no ~/a.csv: %v", err)
	}
}

// TestTildeOfAUserIsSaid: a file's name begun with ~name/, which a shell
// expands to the home directory of the user name, is told what the shell
// would have made of it, that user's home directory's path, with the =
// and without (quoted), where it was told "the directory ~root does not
// exist"; a user the system does not know is told so. A directory ~root
// that is here is the name's, and is written in.
func TestTildeOfAUserIsSaid(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	root, err := user.Lookup("root")
	if err != nil {
		t.Skip("no user root here:", err)
	}
	t.Chdir(t.TempDir())
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--epochs", "2", "--log=~root/x.csv"}, "ganui: --log=~root/x.csv: the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~root here: write --log ~root/x.csv, a space for the =, or --log=" + filepath.Join(root.HomeDir, "x.csv") + "\n"},
		{[]string{"--headless", "--epochs", "2", "--log", "~root/x.csv"}, "ganui: --log: '~root/x.csv' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~root here: for root's home directory's, write " + filepath.Join(root.HomeDir, "x.csv") + "\n"},
		{[]string{"--headless", "--epochs", "2", "--save=~nosuchuser/r.ckpt"}, "ganui: --save=~nosuchuser/r.ckpt: the shell expands a ~ only at a word's start, not after --save=, and there is no directory ~nosuchuser here; ~nosuchuser would name user nosuchuser's home directory, but no user nosuchuser is known here: give the file's whole path\n"},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || stderr != c.want {
			t.Errorf("%q: exit %d, stderr\n%s want 2 and\n%s", c.args, code, stderr, c.want)
		}
	}
	if err := os.Mkdir("~root", 0o755); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "2", "--every", "0", "--log=~root/a.csv"); code != 0 {
		t.Fatalf("with a directory ~root here: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join("~root", "a.csv")); err != nil {
		t.Errorf("with a directory ~root here, --log=~root/a.csv wrote no ~root/a.csv: %v", err)
	}
}

// TestTildeInAPointsTargetIsSaid: a points(FILE.csv) target whose path
// begins with a ~/, in --set, where the ~ is inside a word the shell
// leaves, or in a preset file, which no shell reads, is refused saying
// so, with the whole path in the home directory, by the rule a flag's
// --log=~/a.csv is told by (inputfile.TildeLeft), where both said "no
// such file or directory"; a preset file's directory is not joined
// before it. A directory ~ there is the name's, and is read: the working
// directory's for --set's, the preset file's for the file's, whose name a
// directory ~ in the working directory alone is not.
func TestTildeInAPointsTargetIsSaid(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	t.Chdir(t.TempDir())
	t.Setenv("HOME", "/home/ada")
	if err := os.Mkdir("exp", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("exp", "d.json"), []byte(`{"base": "ring", "target": "points(~/d.csv)", "epochs": 2}`), 0o644); err != nil {
		t.Fatal(err)
	}
	const says = `'~/d.csv' begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none: give the file's whole path, points(/home/ada/d.csv)` + "\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "ring", "--set", "target=points(~/d.csv)"}, `ganui: --set: target "points(~/d.csv)": ` + says},
		{[]string{"--headless", "--preset", "exp/d.json"}, `ganui: --preset: exp/d.json:1: target "points(~/d.csv)": ` + says},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || stderr != c.want {
			t.Errorf("%q: exit %d, stderr\n%s want 2 and\n%s", c.args, code, stderr, c.want)
		}
	}
	for _, dir := range []string{".", "exp"} {
		if err := os.Mkdir(filepath.Join(dir, "~"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "~", "d.csv"), []byte("x,y\n0,0\n1,1\n2,0\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if dir != "." {
			continue
		}
		// The working directory's ~ is not the preset file's.
		for _, args := range [][]string{{"--headless", "--preset", "exp/d.json"}, {"--show-preset", "exp/d.json"}} {
			want := "ganui: " + args[len(args)-2] + ": exp/d.json:1: target \"points(~/d.csv)\": " + says
			if code, _, stderr := runCLI(t, args...); code != exitUsage || stderr != want {
				t.Errorf("%q with a directory ~ in the working directory alone: exit %d, stderr\n%s want 2 and\n%s", args, code, stderr, want)
			}
		}
	}
	for _, args := range [][]string{{"--preset", "ring", "--set", "target=points(~/d.csv)", "--epochs", "2"}, {"--preset", "exp/d.json"}} {
		if code, out, stderr := runCLI(t, append([]string{"--headless", "--every", "0", "--samples", "100"}, args...)...); code != 0 || !strings.Contains(out, "final ") {
			t.Errorf("%q with a directory ~ there: exit %d, %s%s", args, code, out, stderr)
		}
	}
}
