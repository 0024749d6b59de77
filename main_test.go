package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/ganui/ganui/tui"
)

// TestMain lets a test run ganui as a process of its own — the
// interactive trainer on a pseudo-terminal (startTrainer), a headless run
// to be signalled (startChild): the test binary started with
// GANUI_TEST_MAIN=1 is ganui.
func TestMain(m *testing.M) {
	// A headless run, batch or sweep says on stderr when its next line is
	// slowLineAfter (a minute) or more away at its first epochs' pace,
	// and a run a signal stopped what its final line waits for where that
	// takes signalledWaitAfter (a second) or more, which a test's 2,000
	// epochs of vanilla and its 10,000 samples are under -race on a loaded
	// machine: a test that reads stderr whole (TestSeedsStopOnSignal,
	// TestOneSeedDivergedSaysOneSeed, TestAClosedPipeLeavesTheFilesWhole's
	// child) then found a note it did not ask for. The notes are said
	// here, in this process and in a child started as ganui alike, only by
	// the tests of them, which set the wait they test (time.Nanosecond, or
	// the minute: minuteNotes).
	slowLineAfter, signalledWaitAfter = 1000*time.Hour, 1000*time.Hour
	if os.Getenv("GANUI_TEST_MAIN") == "1" {
		// GANUI_TEST_SKEW names a file holding a duration (1h) by which
		// the child's wall clock runs ahead of the system's: a test
		// writes it while the child is stopped, to stand for a stop that
		// long without waiting for it (TestHeadlessStopCountsNot).
		if skew := os.Getenv("GANUI_TEST_SKEW"); skew != "" {
			wallClock = func() time.Time {
				b, _ := os.ReadFile(skew)
				d, _ := time.ParseDuration(strings.TrimSpace(string(b)))
				return time.Now().Add(d)
			}
		}
		// GANUI_TEST_SIGNAL_AT_SETUP=1 sends the child SIGTERM from
		// itself as its run is set up, a checkpoint being read
		// (TestSignalWhileSettingUpStopsTheRun).
		if os.Getenv("GANUI_TEST_SIGNAL_AT_SETUP") == "1" {
			newSession = func(o session.Options) (*session.Session, error) {
				if p, err := os.FindProcess(os.Getpid()); err == nil {
					p.Signal(syscall.SIGTERM)
				}
				return session.New(o)
			}
		}
		// GANUI_TEST_HUSH=1 holds the child each time it has taken its
		// keys' echo off: it says so with a byte on fd 3 and goes on once
		// it reads one on fd 4, so that the test types its keys while no
		// screen is up however slowly either process is run, where it
		// had to catch the moment (TestKeysTypedWithNoScreenAreNotEchoed).
		if os.Getenv("GANUI_TEST_HUSH") == "1" {
			said, told := os.NewFile(3, "hushed"), os.NewFile(4, "go on")
			echoOff = func() (func(), bool) {
				back, ok := keysEchoOff()
				said.Write([]byte{1})
				told.Read(make([]byte, 1))
				return back, ok
			}
		}
		// GANUI_TEST_BACKGROUND_WAIT is how long the child waits for the
		// terminal's background (tui.BackgroundWait): long where the test
		// answers it itself (askedEnv), however slowly either is run.
		if wait := os.Getenv("GANUI_TEST_BACKGROUND_WAIT"); wait != "" {
			tui.BackgroundWait, _ = time.ParseDuration(wait)
		}
		// GANUI_TEST_PASTE_WAIT is how long it waits for the end of a
		// paste begun in the answer's read (tui.PasteWait).
		if wait := os.Getenv("GANUI_TEST_PASTE_WAIT"); wait != "" {
			tui.PasteWait, _ = time.ParseDuration(wait)
		}
		main()
	}
	// Started with SIGHUP ignored (go test under nohup), the tests of what
	// a hangup does would find it ignored: ganui keeps a disposition it
	// was started with (stopSignals), and a child inherits an ignored one.
	// Caught here and dropped instead, a hangup still leaves the tests
	// running, as nohup promises, while the tests' own SIGHUP reaches
	// notifyStop, and the children they start begin with the default, as
	// exec resets a caught signal (TestSignalTestsRunUnderNohup).
	if signal.Ignored(syscall.SIGHUP) {
		signal.Notify(make(chan os.Signal, 1), syscall.SIGHUP)
	}
	// A COLUMNS the shell exported would set the width of --help and
	// --list-presets (wrapWidth); the tests read them at 80 columns, or
	// at the width they set themselves.
	os.Unsetenv("COLUMNS")
	os.Exit(m.Run())
}

// TestFlagWhereAValueBelongs: a flag given where a flag's value belongs, the
// value left out, is told so, whatever the flag, not taken as the value:
// --preset --epochs 5 is not `unexpected argument 5`, nor does --log --epochs
// write a file named --epochs. A value that begins with a hyphen and names no
// flag is the flag's, but for an output, whose file of such a name would read
// as a flag to every program given it.
func TestFlagWhereAValueBelongs(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "--epochs", "5"}, "ganui: --preset needs a value: --epochs, after it, is a flag (see ganui --help)"},
		{[]string{"--show-preset", "-set", "epochs=5"}, "ganui: --show-preset needs a value: -set, after it, is a flag"},
		{[]string{"--headless", "--log", "--epochs", "2"}, "ganui: --log needs a value: --epochs, after it, is a flag"},
		{[]string{"--headless", "--resume", "--save", "x.ckpt"}, "ganui: --resume needs a value: --save, after it, is a flag"},
		{[]string{"--headless", "--seed", "--every=0"}, "ganui: --seed needs a value: --every=0, after it, is a flag"},
		// After the flag's "=" the value is written, not left out, and not told
		// "--preset needs a value".
		{[]string{"--headless", "--preset=--epochs"}, `ganui: --preset: unknown preset --epochs:`},
		// An output's name that reads as a flag, one or not, is refused with
		// the way to name such a file: --log -x does not write a file named -x.
		{[]string{"--headless", "--log", "-x", "--epochs", "1"}, "ganui: --log -x: a name that starts with - reads as a flag: name a file (./-x for one named -x)"},
		{[]string{"--headless", "--log=--epochs", "--epochs", "1"}, "ganui: --log --epochs: a name that starts with - reads as a flag: name a file (./--epochs for one named --epochs)"},
		{[]string{"--headless", "--save", "-run.ckpt", "--epochs", "1"}, "ganui: --save -run.ckpt: a name that starts with - reads as a flag: name a file (./-run.ckpt for one named -run.ckpt)"},
		{[]string{"--headless", "--plot=-run.png", "--epochs", "1"}, "ganui: --plot -run.png: a name that starts with - reads as a flag: name a file (./-run.png for one named -run.png)"},
	} {
		wantUsageError(t, c.args, c.want)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("files made: %v", entries)
	}
	wantUsageError(t, []string{"--headless", "--seed", "-5"}, "ganui: --seed: -5 out of range")
}

// TestDashIsNoInput: "-", standard input to many programs, given for a design
// or a checkpoint is told that ganui reads neither from there, and how to name
// a file called -, not `unknown preset "-"` nor "--resume: -: no such file or
// directory"; and, standard output to them, given for an output is told that
// ganui's lines go there.
func TestDashIsNoInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "-"}, "ganui: --preset -: ganui reads no design from standard input: give a built-in preset's name or a FILE.json (./- for a file named -)"},
		{[]string{"--show-preset", "-"}, "ganui: --show-preset -: ganui reads no design from standard input"},
		{[]string{"--headless", "--resume", "-"}, "ganui: --resume -: ganui reads no checkpoint from standard input: give a FILE.ckpt (./- for a file named -)"},
		// Nor is it an output's file: every output is told so, --plot - too,
		// not "a figure is FILE.png, FILE.svg or FILE.pdf".
		{[]string{"--headless", "--log", "-"}, "ganui: --log -: standard output is where ganui writes its lines, not a file: name a file (./- for one named -)"},
		{[]string{"--headless", "--save", "-"}, "ganui: --save -: standard output is where ganui writes its lines, not a file: name a file (./- for one named -)"},
		{[]string{"--headless", "--plot", "-"}, "ganui: --plot -: standard output is where ganui writes its lines, not a file: name a file (./- for one named -)"},
		{[]string{"--headless", "--preset", "./-"}, "ganui: --preset: ./-: no such file or directory"},
	} {
		wantUsageError(t, c.args, c.want)
	}
}

// runCLI runs ganui with args and returns its exit code and both streams.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBadUsageExitsTwoWithOneLine(t *testing.T) {
	pts := writeFile(t, "p.csv", "0,0\n1,1\n2,0\n")
	pts16 := writeFile(t, "p16.csv", "\xff\xfex\x00,\x00y\x00\n\x000\x00,\x000\x00\n\x001\x00,\x001\x00\n\x00") // a spreadsheet's "Unicode text"
	cases := []struct {
		args []string
		want string // part of the message
	}{
		{[]string{"--headless", "--preset", "nope"}, "--list-presets"}, // where the valid choices are listed
		{[]string{"--headless", "--epochs", "0"}, "--epochs"},
		{[]string{"--headless", "--epochs", "-5"}, "--epochs"},
		{[]string{"--headless", "--epochs", "many"}, `--epochs: "many" is not a whole number`},
		{[]string{"--headless", "--epochs", "1e99"}, "--epochs: 1e99 out of range 1..1,000,000,000"},
		{[]string{"--headless", "--epochs", "2.5"}, `--epochs: "2.5" is not a whole number`},
		// A number that is not whole is told the range and the default, as one out of range is.
		{[]string{"--headless", "--epochs", "1.5"}, `--epochs: "1.5" is not a whole number; allowed: 1..1,000,000,000 (default: the preset's own)`},
		{[]string{"--headless", "--every", "x"}, `--every: "x" is not a whole number; allowed: 0..`},
		// Inf is no number too large, as NaN is none: --seeds Inf is not told
		// "a seed is at most 18,446,744,073,709,551,615".
		{[]string{"--headless", "--seed", "Inf"}, `--seed: "Inf" is not a whole number; allowed: 0..18,446,744,073,709,551,615 (default 1)`},
		// Several seeds given to --seed, as --seeds takes them, are told the
		// --seeds that trains them, where they were told only that they are
		// not a whole number; the trainer's command the --headless --seeds
		// needs, and a number with thousands grouped its commas alone.
		{[]string{"--headless", "--seed", "1-3"}, `--seed: "1-3" is not a whole number; allowed: 0..18,446,744,073,709,551,615 (default 1); for seeds 1-3, give --seeds 1-3` + "\n"},
		{[]string{"--headless", "--seed", "1,4,7-9"}, `(default 1); for seeds 1,4,7-9, give --seeds 1,4,7-9` + "\n"},
		{[]string{"--seed", "1-3"}, `(default 1); for seeds 1-3, give --headless --seeds 1-3` + "\n"},
		{[]string{"--headless", "--seed", "1,000"}, `--seed: "1,000" has commas; write it without them: 1000` + "\n"},
		{[]string{"--headless", "--epochs", "-Inf"}, `--epochs: "-Inf" is not a whole number; allowed: 1..1,000,000,000`},
		// A count written as Go or a reader writes one is told the number to
		// write, as --set tells it, and what is wrong with that number too.
		{[]string{"--headless", "--epochs", "0x10"}, `--epochs: "0x10" is hexadecimal; write it in decimal: 16` + "\n"},
		{[]string{"--headless", "--epochs", "1_000"}, `--epochs: "1_000" has underscores; write it without them: 1000` + "\n"},
		{[]string{"--headless", "--epochs", "10,000"}, `--epochs: "10,000" has commas; write it without them: 10000` + "\n"},
		{[]string{"--headless", "--samples", "1_000_000_000"}, `--samples: "1_000_000_000" has underscores, and 1,000,000,000 out of range 100..10,000,000`},
		{[]string{"--headless", "--epochs", "0_10"}, `--epochs: "0_10" is not a whole number`}, // Go reads it as octal 8
		// A leading 0 is refused as --set refuses one (engine.LeadingZeros),
		// the 0 maybe a point's lost (0.5) as nothing, where 01 was 1.
		{[]string{"--headless", "--epochs", "01"}, `--epochs: "01" has a leading 0; write it without it: 1` + "\n"},
		{[]string{"--headless", "--seed", "007"}, `--seed: "007" has leading 0s; write it without them: 7` + "\n"},
		{[]string{"--headless", "--seed", "00"}, `--seed: "00" has a leading 0; write it without it: 0` + "\n"},
		{[]string{"--headless", "--samples", "0500"}, `--samples: "0500" has a leading 0; write it without it: 500` + "\n"},
		{[]string{"--headless", "--every", "01e3"}, `--every: "01e3" has a leading 0; write it without it: 1e3` + "\n"},
		{[]string{"--headless", "--seeds", "1-2", "--jobs", "02"}, `--jobs: "02" has a leading 0; write it without it: 2` + "\n"},
		{[]string{"--headless", "--epochs", "00"}, `--epochs: "00" has a leading 0, and 0 out of range 1..1,000,000,000 (default: the preset's own)` + "\n"},
		{[]string{"--headless", "--epochs", "01.5"}, `--epochs: "01.5" has a leading 0, and "1.5" is not a whole number; allowed: 1..1,000,000,000`},
		{[]string{"--headless", "--epochs", "+05"}, `--epochs: "+05" has a + before it, and "05" has a leading 0; write it without it: 5` + "\n"},
		// A zero with a - and leading 0s is told both in one clause, where
		// -00 was told of its -, then of "00"'s 0, then of the range.
		{[]string{"--headless", "--epochs", "-00"}, `--epochs: "-00" has a - and a leading 0, and 0 out of range 1..1,000,000,000 (default: the preset's own)` + "\n"},
		{[]string{"--headless", "--seed", "-00"}, `--seed: "-00" has a - and a leading 0; write it without them: 0` + "\n"},
		{[]string{"--headless", "--epochs", "１０００"}, `--epochs: "１０００" has full-width digits; write it in plain digits: 1000` + "\n"},
		{[]string{"--headless", "--epochs", "＋５"}, `--epochs: "＋５" has full-width digits and a + before it; write it in plain digits without the +: 5` + "\n"},
		{[]string{"--headless", "--set", "epochs=10,000"}, `--set: epochs: "10,000" has commas; write it without them: 10000` + "\n"},
		{[]string{"--headless", "--set", "g_lr=0,001"}, `--set: g_lr: "0,001" has a decimal comma; write it with a point: 0.001` + "\n"},
		// The number proposed is checked against the design every --set
		// builds, and said where that design refuses it: blog-original's
		// batch of 1024, which its g_out and d_in of 100 do not divide, is
		// told so, where 1024 was proposed alone; with g_out and d_in set
		// to 128 after it, 1024 alone, which that design takes.
		{[]string{"--headless", "--set", "batch=1,024"}, `--set: batch: "1,024" has commas; write it without them: 1024, which the design refuses too: g_out, d_in: 100 out of range: a divisor of batch 1,024 (1, 2, 4, 8, 16, 32, 64, 128, 256, 512 or 1,024), or batch a multiple of 100` + "\n"},
		{[]string{"--headless", "--set", "batch=0x400", "--set", "g_out=128"}, `--set: batch: "0x400" is hexadecimal; write it in decimal: 1024, which the design refuses too: d_in: 100 out of range: `},
		{[]string{"--headless", "--set", "batch=1,024", "--set", "g_out=128", "--set", "d_in=128"}, `--set: batch: "1,024" has commas; write it without them: 1024` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "batch=1,024"}, `--set: batch: "1,024" has commas; write it without them: 1024` + "\n"},
		// So is a count's with a fraction of 0s, its whole number, where
		// 1024.0 was proposed alone.
		{[]string{"--headless", "--set", "batch=1,024.0"}, `--set: batch: "1,024.0" has commas; write it without them: 1024, which the design refuses too: g_out, d_in: 100 out of range: a divisor of batch 1,024 (1, 2, 4, 8, 16, 32, 64, 128, 256, 512 or 1,024), or batch a multiple of 100` + "\n"},
		// So is the number a leading 0 hides, where 1024 was proposed alone.
		{[]string{"--headless", "--set", "batch=01024"}, `--set: batch: "01024" has a leading 0; write it without it: 1024, which the design refuses too: g_out, d_in: 100 out of range: a divisor of batch 1,024 (1, 2, 4, 8, 16, 32, 64, 128, 256, 512 or 1,024), or batch a multiple of 100` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "batch=01024"}, `--set: batch: "01024" has a leading 0; write it without it: 1024` + "\n"},
		{[]string{"--headless", "--sweep", "g_lr=0,001"}, `--sweep: g_lr, value 2 of 2: "001" begins with a 0, as a fraction's digits do after a decimal comma; 0,001 is one number? write it 0.001` + "\n"},
		// A seed so written is told the seed to write, as a count is.
		{[]string{"--headless", "--seeds", "0x10"}, `--seeds: "0x10" is hexadecimal; write it in decimal: 16` + "\n"},
		{[]string{"--headless", "--seeds", "1-1_000"}, `--seeds: "1_000" has underscores; write it without them: 1000` + "\n"},
		{[]string{"--headless", "--seeds", "１"}, `--seeds: "１" has full-width digits; write it in plain digits: 1` + "\n"},
		{[]string{"--headless", "--seeds", "0_10"}, `--seeds: "0_10" is not a seed`},
		{[]string{"--headless", "--epochs", "1,00"}, `--epochs: "1,00" is not a whole number`},
		{[]string{"--headless", "--seeds", "Inf"}, `--seeds: "Inf" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`},
		// A name is read as a preset file reads it: one in a list is told
		// the name alone, one with spaces around it the name without them.
		{[]string{"--headless", "--set", `loss=["bce"]`}, `--set: loss: ["bce"] is a list; write the name alone: bce` + "\n"},
		{[]string{"--headless", "--set", "loss=hinge "}, `--set: loss: "hinge " has spaces around it; write it without them: hinge` + "\n"},
		{[]string{"--headless", "--epochs"}, "--epochs needs a value"},
		{[]string{"--headless", "--seeds", "1-2", "--jobs", "1e3"}, "--jobs: 1e3 out of range 1..256"},
		{[]string{"--headless", "--every", "x"}, `--every: "x" is not a whole number`},
		{[]string{"--headless", "--samples", "1e99"}, "--samples: 1e99 out of range 100..10,000,000 (to 100,000 on a 2-D target; default 10,000, or 2,500 on a 2-D target)"},
		// A count out of range is written grouped, as its range is and as
		// --set writes one.
		{[]string{"--headless", "--epochs", "137438953472"}, "--epochs: 137,438,953,472 out of range 1..1,000,000,000 (default: the preset's own)"},
		{[]string{"--headless", "--epochs", "1.5e10"}, "--epochs: 1.5e10 out of range"},
		{[]string{"--headless", "--samples", "0"}, "--samples: 0 out of range 100..10,000,000 (to 100,000 on a 2-D target; default 10,000, or 2,500 on a 2-D target)"},
		{[]string{"--headless", "--seed", "1e19"}, "--seed: 1e19 is past 2⁵³"},
		{[]string{"--headless", "--seed", "18446744073709551616"}, "--seed: 18,446,744,073,709,551,616 out of range 0..18,446,744,073,709,551,615"},
		{[]string{"--headless=maybe"}, `--headless: "maybe" is not true or false`},
		{[]string{"--headless", "--every", "-1"}, "--every"},
		{[]string{"--headless", "--samples", "3"}, "--samples"},
		{[]string{"--headless", "--seed", "-1"}, "--seed: -1 out of range"},
		// Every number is written one way: no '+' before it, no spaces around
		// it (--epochs +5 and --seeds ' 1' are not taken): each is said.
		{[]string{"--headless", "--epochs", "+5"}, `--epochs: "+5" has a + before it; write it without one: 5`},
		{[]string{"--headless", "--epochs", " 5"}, `--epochs: " 5" has spaces around it; write it without them: 5`},
		{[]string{"--headless", "--epochs=5 "}, `--epochs: "5 " has spaces around it; write it without them: 5`},
		{[]string{"--headless", "--seed", "+1"}, `--seed: "+1" has a + before it; write it without one: 1`},
		{[]string{"--headless", "--every", " 5"}, `--every: " 5" has spaces around it; write it without them: 5`},
		{[]string{"--headless", "--samples", "+1e3"}, `--samples: "+1e3" has a + before it; write it without one: 1e3`},
		{[]string{"--headless", "--seeds", "1-2", "--jobs", " 2"}, `--jobs: " 2" has spaces around it; write it without them: 2`},
		{[]string{"--headless", "--seeds", " 1"}, `--seeds: " 1" is not a seed`},
		{[]string{"--headless", "--seeds", "1, 4"}, `--seeds: " 4" is not a seed`},
		{[]string{"--headless", "--seeds", "+1-3"}, `--seeds: "+1-3": "+1" has a + before it; write the range without the +: 1-3`},
		{[]string{"--headless", "--seeds", "+1"}, `--seeds: "+1" has a + before it; write it without one: 1`},
		// No sign on a zero either, for --seed -0 as for --seeds -0. The sign
		// is what is said, as a + is, not that "-0" is not a whole number.
		{[]string{"--headless", "--seed", "-0"}, `--seed: "-0" has a - before it, and a count has no sign; write it without one: 0`},
		{[]string{"--headless", "--every", "-0e3"}, `--every: "-0e3" has a - before it, and a count has no sign; write it without one: 0e3`},
		{[]string{"--headless", "--epochs", "-0"}, `--epochs: "-0" has a - before it, and 0 out of range 1..1,000,000,000 (default: the preset's own)`},
		{[]string{"--headless", "--seeds", "-0"}, `--seeds: "-0" is not a seed`},
		{[]string{"--speed", "+5"}, `--speed: "+5" has a + before it; write it without one: 5`},
		{[]string{"--speed", " 5"}, `--speed: " 5" is not full or a number`},
		{[]string{"--headless", "--set", "epochs=+5"}, `--set: epochs: "+5" has a + before it; write it without one: 5`},
		// What else is wrong with the number after the + is said with it,
		// not on the next try once the + is dropped.
		{[]string{"--headless", "--set", "epochs=+1.5"}, `--set: epochs: "+1.5" has a + before it, and 1.5 is not a whole number; allowed: 1..1,000,000,000`},
		{[]string{"--headless", "--set", "g_lr=+20"}, `--set: g_lr: "+20" has a + before it, and 20 out of range (0,10]`},
		{[]string{"--headless", "--set", "g_hidden=32,+5000"}, `--set: g_hidden: width "+5000" has a + before it, and 5,000 out of range 1..4,096`},
		{[]string{"--headless", "--epochs", "+1.5"}, `--epochs: "+1.5" has a + before it, and "1.5" is not a whole number; allowed: 1..1,000,000,000 (default: the preset's own)`},
		{[]string{"--headless", "--every", "+2e9"}, `--every: "+2e9" has a + before it, and 2e9 out of range 0..1,000,000,000 (default 500)`},
		// Spaces beside the = are refused on either side: a key's is not
		// trimmed, which would take --set 'g_lr =1e-3' where --set 'g_lr= 1e-3'
		// is refused for its number.
		{[]string{"--headless", "--set", "epochs= 5"}, `--set: "epochs= 5" has spaces around its =; write epochs=5`},
		{[]string{"--headless", "--set", "g_lr =1e-3"}, `--set: "g_lr =1e-3" has spaces around its =; write g_lr=1e-3`},
		{[]string{"--headless", "--set", " g_lr=1e-3"}, `--set: " g_lr=1e-3" has spaces before its key; write g_lr=1e-3`},
		{[]string{"--headless", "--sweep", "d_lr =1e-3,1e-2"}, `--sweep: "d_lr =1e-3,1e-2" has spaces around its =; write d_lr=1e-3,1e-2`},
		{[]string{"--headless", "--sweep", "d_lr= 1e-3,1e-2"}, `--sweep: "d_lr= 1e-3,1e-2" has spaces around its =; write d_lr=1e-3,1e-2`},
		{[]string{"--headless", "--set", "g_lr=+1e-3"}, `--set: g_lr: "+1e-3" has a + before it; write it without one: 1e-3`},
		// A CRLF script's carriage return is said as one, by --set and the
		// count flags alike, not as spaces by one and no number by another.
		{[]string{"--headless", "--epochs", "1\r"}, `--epochs: "1\r" ends in a carriage return, as a script saved with Windows line ends does; write it without it: 1`},
		{[]string{"--headless", "--epochs", "0\r"}, `--epochs: "0\r" ends in a carriage return, as a script saved with Windows line ends does, and 0 out of range 1..1,000,000,000 (default: the preset's own)`},
		// Spaces around a count are said as --set says them, with what is
		// wrong with the number inside them.
		{[]string{"--headless", "--samples", "1000 "}, `--samples: "1000 " has spaces around it; write it without them: 1000`},
		{[]string{"--headless", "--epochs", " 0 "}, `--epochs: " 0 " has spaces around it, and 0 out of range 1..1,000,000,000 (default: the preset's own)`},
		{[]string{"--headless", "--set", "gp=0,5\r"}, `--set: gp: "0,5\r" ends in a carriage return, as a script saved with Windows line ends does, and "0,5" has a decimal comma; write it with a point: 0.5; --set takes one value: to train each, --sweep gp=0,5`},
		{[]string{"--headless", "--set", "loss=bce\r"}, `--set: loss: "bce\r" ends in a carriage return, as a script saved with Windows line ends does; write it without it: bce`},
		// g_out and d_in that fail to divide batch by different values are told in one line.
		{[]string{"--headless", "--preset", "blog-original", "--set", "d_in=3", "--set", "batch=8"}, "--set: g_out, d_in: 100, 3 out of range: a divisor of batch 8 (1, 2, 4 or 8), or batch a multiple of 300"},
		// The batch offered is one g_out divides too, not "a multiple of 3",
		// which g_out's 100 refuses.
		{[]string{"--headless", "--preset", "blog-original", "--set", "d_in=3"}, "--set: d_in: 3 out of range: a divisor of batch 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100), or batch a multiple of 300, as g_out 100 needs too"},
		{[]string{"--headless", "--set", "g_lr=+nan"}, `--set: g_lr: +nan is not a finite number; allowed: (0,10]`}, // as nan is, not "not a number"
		{[]string{"--headless", "--set", "g_hidden=32,-nan"}, `--set: g_hidden: width -nan is not a finite number; allowed: 1..4,096`},
		{[]string{"--headless", "--set", "g_hidden=32, 32"}, `--set: g_hidden: "32, 32" has spaces in it; write the list without them: 32,32`},
		// The target's error names it once, not `--set: target: target
		// "normal(1": …`.
		{[]string{"--headless", "--set", "target=normal(1"}, `--set: target "normal(1": want normal(mean,std), its arguments in parentheses`},
		{[]string{"--headless", "--sweep", "target=foo(1)"}, `--sweep: target "foo(1)": unknown kind "foo"`}, // not `--sweep: target=foo(1): target "foo(1)": …`
		{[]string{"--headless", "--sweep", "d_lr=1e-3, 1e-2"}, `--sweep: d_lr: value " 1e-2" has spaces around it`},
		{[]string{"--headless", "--sweep", "d_steps=+1,2"}, `--sweep: d_steps, value 1 of 2: "+1" has a + before it; write it without one: 1`},
		{[]string{"--headless", "--preset", writeFile(t, "plus.json", `{"base": "vanilla", "epochs": +5}`)}, `plus.json:1:31: +5: JSON writes it 5`}, // refused as --epochs +5 is, with the number to write
		{[]string{"--no-such-flag"}, "unknown flag --no-such-flag"},
		{[]string{"-x"}, "unknown flag --x"},
		{[]string{"--headless", "stray"}, "stray"},
		{[]string{"--headless", "--epochs", "1", "--log", filepath.Join(t.TempDir(), "no", "dir", "x.csv")}, "--log"},
		{[]string{"--headless", "--epochs", "1", "--plot", "run.jpg"}, "FILE.png, FILE.svg or FILE.pdf"},
		{[]string{"--headless", "--epochs", "1", "--plot", filepath.Join(t.TempDir(), "no", "dir", "x.png")}, "--plot"},
		{[]string{"--headless", "--epochs", "1", "--save", "same.out", "--log", "same.out"}, "same file"},
		{[]string{"--plot", "run.png"}, "--plot needs --headless"},
		{[]string{"--headless", "--plot", ""}, "--plot: empty"},
		{[]string{"--headless", "--seeds", "1-2", "--plot", "run.txt"}, "--plot: run.txt: a figure is"},
		{[]string{"--headless", "--sweep", "nope=1,2"}, `--sweep: unknown key "nope"`},
		{[]string{"--headless", "--sweep", "d_lr="}, "--sweep: d_lr: no values; give them comma-separated, d_lr=v1,v2,…"},
		{[]string{"--headless", "--sweep", "d_lr=1e-3", "--sweep", "d_lr=1e-2"}, "swept twice"},
		{[]string{"--headless", "--preset", "ring", "--sweep", "target=points(" + pts + "),points(" + filepath.Dir(pts) + "/./p.csv)"}, "--sweep: target, values 1 and 2 of 2: " + shellword.Quote("points("+pts+")") + " and " + shellword.Quote("points("+filepath.Dir(pts)+"/./p.csv)") + " are the same file; give one of them"},
		{[]string{"--headless", "--preset", "ring", "--set", "target=points(" + pts16 + ")"}, `--set: target "points(` + pts16 + `)": line 1: UTF-16 text; save the file as UTF-8`},
		{[]string{"--headless", "--sweep", "d_lr=1e-3,-1"}, "d_lr"},
		{[]string{"--headless", "--sweep", "d_steps=1,2,3,4,5,6,7,8,9,10", "--sweep", "g_steps=1,2,3,4,5,6,7,8,9,10", "--seeds", "1-101"}, "--sweep: the grid has 10,100 runs (10 × 10 cells × 101 seeds); at most 10,000"},
		{[]string{"--sweep", "d_lr=1e-3"}, "--sweep needs --headless"},
		{[]string{"--headless", "--sweep", "d_lr=1e-3,1e-2", "--sweep", "g_lr=1e-3,1e-2", "--sweep", "d_steps=1,2", "--plot", "x.png"}, "one key, or the heat map of one over two"},
		{[]string{"--headless", "--sweep", "d_lr=1e-3", "--set", "d_lr=1e-2"}, "both swept and set"},
		{[]string{"--headless", "--sweep", "epochs=10,20", "--epochs", "5"}, "both swept and given"},
		// Two plans: --epochs does not win over --set epochs= without a word,
		// in either order.
		{[]string{"--headless", "--set", "epochs=100", "--epochs", "50"}, "epochs is both set (--set) and given (--epochs); drop one"},
		{[]string{"--headless", "--epochs", "50", "--set", "epochs=100"}, "epochs is both set (--set) and given (--epochs); drop one"},
		{[]string{"--show-preset", "vanilla", "--set", "epochs=100", "--epochs", "50"}, "epochs is both set (--set) and given (--epochs); drop one"},
		// Two values of one key: the last does not win without a word.
		{[]string{"--headless", "--set", "g_lr=1e-3", "--set", "g_lr=1e-2"}, "g_lr is set twice (--set); drop one"},
		{[]string{"--show-preset", "vanilla", "--set", "g_lr=1e-3", "--set", "g_lr=0.001"}, "g_lr is set twice (--set); drop one"},
		{[]string{"--headless", "--sweep", "d_lr=1e-3", "--log", "x.csv"}, "--log writes the history of a single run, and --sweep trains a run for each cell"},
		{[]string{"--headless", "--resume", "x.ckpt", "--sweep", "d_lr=1e-3"}, "drop --sweep"},
		// a terminal's escape sequences in a path or a flag are shown, not obeyed
		{[]string{"--headless", "--resume", "\x1b[31mX\a"}, `--resume: $'\x1b[31mX\x07' holds the control character U+001B`},
		{[]string{"--\x1b]0;title\a"}, `unknown flag --\x1b]0;title\a`},
		// and a bidirectional override, which reorders what follows it, is written as an escape,
		// the file's name as a shell reads it back (shellword.Quote)
		{[]string{"--headless", "--resume", "ab\u202ecd.ckpt"}, `--resume: $'ab\xe2\x80\xaecd.ckpt': no such file or directory`},
		{[]string{"--x\u2067y"}, `unknown flag --x\u2067y`},
		{[]string{"--headless", "--resume", "first\nsecond.ckpt"}, `--resume: $'first\nsecond.ckpt' holds the control character U+000A`}, // not cut at the newline
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", c.args, code)
		}
		if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) || !strings.HasPrefix(stderr, "ganui: ") {
			t.Errorf("%v: stderr %q, want one 'ganui: ' line mentioning %q", c.args, stderr, c.want)
		}
		if stdout != "" {
			t.Errorf("%v: printed %q on stdout", c.args, stdout)
		}
	}
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	code, stdout, _ := runCLI(t, "--help")
	if code != 0 {
		t.Fatalf("--help exited %d", code)
	}
	for _, f := range []string{"-headless", "-preset", "-epochs", "-seed", "-every", "-log", "-list-presets", "-samples", "-plot", "-sweep"} {
		if !strings.Contains(stdout, f) {
			t.Errorf("--help does not mention %s", f)
		}
	}
	// Defaults are shown as the flag package shows them, with no panic
	// from probing the wrapped values (onlyOnce).
	if strings.Contains(stdout, "panic") || !strings.Contains(stdout, "(default 500)") || !strings.Contains(stdout, "(default 1)") || !strings.Contains(strings.Join(strings.Fields(stdout), " "), "(default: 10,000, or 2,500 on a 2-D target") {
		t.Errorf("--help does not show the defaults cleanly:\n%s", stdout)
	}
}

// TestHelpGroupsTheFlags: --help lists its flags by use, under a title each
// group (flagGroups), every flag once and none left over for "other:", not in
// the alphabet's order, a headless run's flags among the trainer's.
func TestHelpGroupsTheFlags(t *testing.T) {
	_, help, _ := runCLI(t, "--help")
	_, flags, _ := strings.Cut(help, "\n"+designUsage+"\n\n")
	flags, _, _ = strings.Cut(flags, helpFooter(80))
	var got []string
	for _, g := range strings.Split(flags, "\n\n") {
		title, _, _ := strings.Cut(g, "\n")
		got = append(got, title)
		for _, m := range regexp.MustCompile(`(?m)^  --([a-z-]+)`).FindAllStringSubmatch(g, -1) {
			got = append(got, m[1])
		}
	}
	want := []string{
		"the design and the run, in the trainer or headless:", "preset", "set", "epochs", "seed", "samples", "resume",
		"the interactive trainer only:", "paused", "speed",
		"headless runs only:", "headless", "every", "log", "plot", "save", "seeds", "jobs", "sweep",
		"print and exit:", "list-presets", "show-preset", "version", "help",
	}
	if !slices.Equal(got, want) {
		t.Errorf("--help's groups and flags:\n%q\nwant\n%q", got, want)
	}
}

// TestHelpNamesTheFinalLinesKeys: every key of a final line, on a line of a row
// of samples a draw (zdep), of a mixture (modes) and of a plane (sw1, hq), is
// named in --help, which the trainer's quit line sends a user to, kurt and zdep
// too, not explained in README.md alone.
func TestHelpNamesTheFinalLinesKeys(t *testing.T) {
	_, help, _ := runCLI(t, "--help")
	named := map[string]bool{}
	for _, w := range regexp.MustCompile(`[a-z_0-9]+`).FindAllString(help, -1) {
		named[w] = true
	}
	for _, preset := range []string{"blog-original", "bimodal", "ring"} {
		_, stdout, _ := runCLI(t, "--headless", "--preset", preset, "--epochs", "2", "--every", "0")
		final := stdout[strings.LastIndex(stdout, "final "):]
		for _, field := range strings.Fields(final)[1:] {
			if key, _, _ := strings.Cut(field, "="); !named[key] {
				t.Errorf("--help does not name %s=, of %s's final line %q", key, preset, final)
			}
		}
	}
}

// TestPlotHelpNamesTheHeatMapsMeasure: --help says what a sweep's figure
// shows, as the README does: KS, sliced W1 on a 2-D target
// (figure.FromSweep, FromSweepCurve), not KS alone, of a map of SW1; a
// curve over one key, a heat map of the median over two.
func TestPlotHelpNamesTheHeatMapsMeasure(t *testing.T) {
	_, stdout, _ := runCLI(t, "--help")
	const want = "with --sweep, the curve of KS (sliced W1 on a 2-D target) over one key, or the heat map of its median over two"
	if help := strings.Join(strings.Fields(stdout), " "); !strings.Contains(help, want) {
		t.Errorf("--help does not say %q:\n%s", want, stdout)
	}
}

// TestStartingPaceIsSaidAlike: --help and the flag tables of the README and
// docs/command-line.md say the pace an interactive run starts at in the same
// words, what watchSpeed does (session's TestWatchSpeed): the plan takes at
// most 30 s at it, full speed past the ladder, not "about 30 s" in one and "at
// most" in the other, of a pace at which 2,100 epochs take 21 s. All give the
// range --speed takes too, not leaving it to the error.
func TestStartingPaceIsSaidAlike(t *testing.T) {
	const want = "epochs a second, 1 to 100,000 (default: the slowest pace of the 1-2-5 ladder at which the plan would take at most 30 s, full speed for a plan over 3,000,000 epochs, which none fits; with --resume, the pace the run was saved at;"
	helpAndFlagTablesSay(t, "`--speed ", want)
}

// TestPausedSaysWhereAResumedRunPauses: --help and the flag tables of the
// README and docs/command-line.md say that --paused with --resume opens the
// run paused at its checkpoint's epoch, the way to show a moment saved with
// w again, where all said "start paused at epoch 0", of a run that opens at
// epoch 1,829.
func TestPausedSaysWhereAResumedRunPauses(t *testing.T) {
	const want = "interactive: start paused at epoch 0, or at the checkpoint's epoch with --resume (n steps an epoch, space runs)"
	helpAndFlagTablesSay(t, "`--paused` | ", want)
}

// helpAndFlagTablesSay fails t unless --help and the flag tables of the
// README and docs/command-line.md each say want of one flag: in the
// tables, in the row that begins "| "+row ("`--paused` | "), read
// without its backquotes.
func helpAndFlagTablesSay(t *testing.T, row, want string) {
	t.Helper()
	_, stdout, _ := runCLI(t, "--help")
	if help := strings.Join(strings.Fields(stdout), " "); !strings.Contains(help, want) {
		t.Errorf("--help does not say %q:\n%s", want, stdout)
	}
	flag := strings.Trim(strings.Fields(row)[0], "`")
	for _, file := range []string{"README.md", "docs/command-line.md"} {
		readme, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, line, ok := strings.Cut(string(readme), "\n| "+row)
		line, _, _ = strings.Cut(line, "\n")
		if !ok {
			t.Errorf("no %s row in %s", flag, file)
		} else if cells := strings.ReplaceAll(line, "`", ""); !strings.Contains(cells, want) {
			t.Errorf("%s's %s row does not say %q:\n| %s%s", file, flag, want, row, line)
		}
	}
}

// TestREADMEUsageIsHelps: the usage block under the README's "Command line" is
// the one --help prints, line for line, so that it does not fall behind
// (--show-preset taking --epochs, which only --help would say).
func TestREADMEUsageIsHelps(t *testing.T) {
	_, stdout, _ := runCLI(t, "--help")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "## Command line\n\n```\n")
	block, _, closed := strings.Cut(after, "```")
	if !ok || !closed {
		t.Fatal("README.md has no usage block under Command line")
	}
	if !strings.HasPrefix(stdout, block) {
		t.Errorf("README's usage block is not --help's:\n%s\n--help:\n%s", block, stdout)
	}
}

// TestREADMEFlagTableIsHelps: the README's flag table has a row for every flag
// --help lists, and no row for a flag ganui does not have, and a row gives the
// flag with each value --help names for it (`--preset NAME` or `--preset
// FILE.json` for --help's --preset NAME|FILE.json, not NAME alone in the rows
// of --preset and --show-preset), in --help's order, its groups' (not --resume
// among the headless flags, nor the alphabet's order); and a row calls what the
// flag changes as --help does, the design or the preset, where --help says one
// only (the rows of --set and --seed not preset where --help says design).
//
// docs/command-line.md, where the README sends a reader for each flag's full
// rules, gives the same table with its rows in full, held to --help alike.
func TestREADMEFlagTableIsHelps(t *testing.T) {
	_, stdout, _ := runCLI(t, "--help")
	for _, file := range []string{"README.md", "docs/command-line.md"} {
		flagTableIsHelps(t, stdout, file)
	}
}

// flagTableIsHelps holds the flag table of file to what --help, stdout, says.
func flagTableIsHelps(t *testing.T, stdout, file string) {
	t.Helper()
	help := map[string][]string{} // each flag, and the values it names
	var helpOrder, rowOrder []string
	for _, m := range regexp.MustCompile(`(?m)^  --([a-z-]+)(?: (\S+))?`).FindAllStringSubmatch(stdout, -1) {
		help[m[1]] = nil
		helpOrder = append(helpOrder, m[1])
		if m[2] != "" {
			help[m[1]] = strings.Split(m[2], "|")
		}
	}
	readme, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "| flag | meaning |\n| --- | --- |\n")
	table, _, _ := strings.Cut(after, "\n\n")
	if !ok || len(help) < 10 {
		t.Fatalf("no flag table in %s, or too few flags in --help (%d)", file, len(help))
	}
	rows := map[string]string{}     // each flag, and its row's first cell
	meanings := map[string]string{} // each flag, and its row's second
	for row := range strings.Lines(table) {
		first, meaning, _ := strings.Cut(strings.TrimPrefix(row, "| "), " |")
		for _, m := range regexp.MustCompile("`--([a-z-]+)").FindAllStringSubmatch(first, -1) {
			if _, ok := rows[m[1]]; !ok {
				rowOrder = append(rowOrder, m[1])
			}
			rows[m[1]] = first
			meanings[m[1]] = meaning
		}
	}
	// What --help says each flag does, and the words of it and of the
	// row for what the flag changes, flags' names (--show-preset) aside.
	says := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^  --([a-z-]+).*\n((?:    \t.*\n)+)`).FindAllStringSubmatch(stdout, -1) {
		says[m[1]] = m[2]
	}
	words := func(text string) map[string]bool {
		text = regexp.MustCompile(`--[a-z-]+`).ReplaceAllString(text, "")
		found := map[string]bool{}
		for _, w := range regexp.MustCompile(`\b(design|preset)s?\b`).FindAllStringSubmatch(text, -1) {
			found[w[1]] = true
		}
		return found
	}
	for name, meaning := range meanings {
		helps, row := words(says[name]), words(meaning)
		for _, w := range [][2]string{{"design", "preset"}, {"preset", "design"}} {
			if said, other := w[0], w[1]; helps[said] && !helps[other] && row[other] {
				t.Errorf("%s's flag table row of --%s says %s where --help says %s:\n%s", file, name, other, said, meaning)
			}
		}
	}
	if !slices.Equal(rowOrder, helpOrder) {
		t.Errorf("%s's flag table lists %q, --help %q: list them in --help's order", file, rowOrder, helpOrder)
	}
	for name, values := range help {
		first, ok := rows[name]
		if !ok {
			t.Errorf("--%s is in --help but has no row in %s's flag table", name, file)
		}
		for _, v := range values {
			if ok && !strings.Contains(first, "`--"+name+" "+v+"`") {
				t.Errorf("%s's flag table row %q does not give `--%s %s`, as --help names it", file, first, name, v)
			}
		}
	}
	for name := range rows {
		if _, ok := help[name]; !ok {
			t.Errorf("%s's flag table has a row for --%s, which --help does not list", file, name)
		}
	}
}

// TestHelpNamesTheWholeCounts: the flags --help's footer calls counts are those
// that refuse a fraction, and --speed, which takes one (1.5 epochs a second),
// is not among them (the footer does not call every number whole).
func TestHelpNamesTheWholeCounts(t *testing.T) {
	_, help, _ := runCLI(t, "--help")
	_, list, ok := strings.Cut(strings.Join(strings.Fields(help), " "), "A count (")
	list, _, closed := strings.Cut(list, ")")
	if !ok || !closed {
		t.Fatalf("--help's footer lists no counts:\n%s", help)
	}
	named := regexp.MustCompile(`--([a-z]+)`).FindAllStringSubmatch(list, -1)
	for _, m := range named {
		args := []string{"--headless", "--" + m[1], "1.5"}
		if m[1] == "jobs" { // which headless takes with several runs alone
			args = append(args, "--seeds", "1-2")
		}
		_, err := parseFlags(args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), `"1.5" is not`) {
			t.Errorf("%q: %v; want a fraction refused", args, err)
		}
	}
	if len(named) != 6 {
		t.Errorf("the footer names %d counts, want 6: %s", len(named), list)
	}
	if _, err := parseFlags([]string{"--speed", "1.5"}, io.Discard); err != nil || strings.Contains(list, "--speed") {
		t.Errorf("--speed 1.5: %v; a pace may be a fraction, and is no count", err)
	}
}

func TestListPresets(t *testing.T) {
	code, stdout, _ := runCLI(t, "--list-presets")
	if code != 0 || !strings.HasPrefix(stdout, "blog-original\n") || !strings.Contains(stdout, "row") {
		t.Fatalf("--list-presets: exit %d, output %q", code, stdout)
	}
	// Counts read as the screen writes them (not "5000 epochs").
	if !strings.Contains(stdout, " 5,000 epochs\n") || strings.Contains(stdout, "5000") {
		t.Errorf("--list-presets does not group blog-original's 5,000 epochs:\n%s", stdout)
	}
}

func TestHeadlessRun(t *testing.T) {
	leakcheck.Check(t)
	logPath := filepath.Join(t.TempDir(), "run.csv")
	code, stdout, stderr := runCLI(t, "--headless", "--epochs", "30", "--every", "10", "--samples", "1000", "--seed", "3", "--log", logPath)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var lines, events, findings []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		switch {
		case strings.HasPrefix(l, "event "):
			events = append(events, l)
		case strings.HasPrefix(l, "finding "):
			findings = append(findings, l)
		default:
			lines = append(lines, l)
		}
	}
	if len(lines) != 4 {
		t.Fatalf("want 3 progress lines and a final line, got %q", stdout)
	}
	if len(events) != 1 || !strings.HasPrefix(events[0], `event epoch=20 kind=noise-ignored detail="G ignores its noise: noise use `) {
		t.Errorf("events %q, want G's noise ignored from the first check, confirmed at the second (epoch 20)", events)
	}
	// The diagnosis as the run ended, just before the final line.
	if len(findings) != 1 || !strings.HasPrefix(findings[0], `finding kind=noise-ignored text="G ignores its noise: `) || !strings.HasSuffix(stdout, findings[0]+"\n"+lines[3]+"\n") {
		t.Errorf("findings %q, want G's noise ignored, before the final line", findings)
	}
	for i, l := range lines[:3] {
		for _, k := range []string{"epoch=" + []string{"10", "20", "30"}[i], "d_real=", "d_fake=", "g=", " batch_mean=", " batch_std=", "ks=", "w1="} {
			if !strings.Contains(l, k) {
				t.Errorf("progress line %q lacks %q", l, k)
			}
		}
	}
	final := lines[3]
	if !strings.HasPrefix(final, "final ") {
		t.Fatalf("last line %q does not begin 'final '", final)
	}
	keys := []string{"preset=blog-original", "seed=3", "epochs=30", "state=done", "mean=", "std=", "skew=", "kurt=", "ks=", "w1=", "epochs_per_s=", "train_s=", "wall_s="}
	pos := 0
	for _, k := range keys {
		i := strings.Index(final[pos:], " "+k)
		if i < 0 {
			t.Fatalf("final line %q lacks %q (in order)", final, k)
		}
		pos += i + 1
	}

	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(data)), "\n")
	if rows[0] != session.CSVColumns(0) || len(rows) != 31 || !strings.HasPrefix(rows[30], "30,") {
		t.Fatalf("log has header %q and %d rows, want %q and 30 epochs", rows[0], len(rows)-1, session.CSVColumns(0))
	}
}

// TestHeadlessIsReproducible: the same seed prints the same numbers.
func TestHeadlessIsReproducible(t *testing.T) {
	strip := func(s string) string { // timings differ run to run
		s, _, _ = strings.Cut(s, " epochs_per_s=")
		return s
	}
	_, a, _ := runCLI(t, "--headless", "--epochs", "15", "--every", "5", "--samples", "500")
	_, b, _ := runCLI(t, "--headless", "--epochs", "15", "--every", "5", "--samples", "500")
	if strip(a) != strip(b) {
		t.Fatalf("two runs of seed 1 differ:\n%s\n%s", a, b)
	}
}

// TestInteractiveWithoutATerminalExitsTwo: without a terminal to draw on
// (the test's standard output is a pipe) or with TERM=dumb, ganui refuses
// in one line that points to --headless, and exits 2.
func TestInteractiveWithoutATerminalExitsTwo(t *testing.T) {
	if term.IsTerminal(os.Stdout.Fd()) {
		t.Skip("standard output is a terminal")
	}
	for _, termName := range []string{"xterm-256color", "dumb"} {
		t.Setenv("TERM", termName)
		code, stdout, stderr := runCLI(t, "--epochs", "10")
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "ganui --headless") {
			t.Errorf("TERM=%s: exit %d, stdout %q, stderr %q; want 2 and one line naming --headless", termName, code, stdout, stderr)
		}
	}
}

// TestNumberFlags: every numeric flag takes a whole number as --set does,
// in digits or in exponent form, and keeps its default when not given.
func TestNumberFlags(t *testing.T) {
	o, err := parseFlags([]string{"--headless", "--epochs", "5e3", "--seed", "18446744073709551615", "--every", "2.5e2", "--samples", "1e4"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if o.Epochs != 5000 || o.Seed != 18446744073709551615 || o.Every != 250 || o.Samples != 10000 {
		t.Errorf("epochs %d, seed %d, every %d, samples %d; want 5000, 2⁶⁴−1, 250, 10000", o.Epochs, o.Seed, o.Every, o.Samples)
	}
	o, err = parseFlags([]string{"--headless", "--seeds", "1-2", "--jobs", "2e0"}, io.Discard)
	if err != nil || o.jobs != 2 || !o.jobsGiven {
		t.Errorf("--jobs 2e0: jobs %d (given %v), %v", o.jobs, o.jobsGiven, err)
	}
	o, err = parseFlags([]string{"--headless"}, io.Discard)
	if err != nil || o.Epochs != 0 || o.Seed != 1 || o.Every != 500 || o.Samples != 0 || o.jobs < 1 || o.jobsGiven {
		t.Errorf("defaults: epochs %d, seed %d, every %d, samples %d, jobs %d (given %v), %v", o.Epochs, o.Seed, o.Every, o.Samples, o.jobs, o.jobsGiven, err)
	}
	for _, c := range []struct {
		s  string
		ok bool
	}{{"9007199254740992", true}, {"9.007199254740992e15", true}, {"9007199254740993", true}, {"1e16", false}, {"-0", false}, {"0x10", false}, {"0x1p4", false}, {"1_000", false}, {"1_0e3", false}, {"18446744073709551616", false},
		{"+5", false}, {"+5e3", false}, {" 5", false}, {"5 ", false}, {"5\t", false}, {"5e+3", true}} {
		if _, err := whole("seed", c.s, 0, math.MaxUint64, "default 1"); (err == nil) != c.ok {
			t.Errorf("--seed %s: %v, want ok %v", c.s, err, c.ok)
		}
	}
}

// FuzzWhole: a numeric flag's text (--epochs, --seed, --jobs, --every,
// --samples, each with its own range) is refused in one line that begins
// with the flag and names the text given, quoted where it is not plain
// digits (shortened past 40 characters after a '+'), or read as a whole
// number in the flag's range, written plainly, whose digits read back as
// the same number. A number written plainly, 1e3 or 1E3, is named as
// written, unquoted.
func FuzzWhole(f *testing.F) {
	for _, s := range []string{"5000", "5e3", "2.5e2", "0", "-0", "-0e3", "+5", "+1.5", "+" + strings.Repeat("1", 50) + ".5", "1.5", " 5", "5\n", "1e16",
		"9.007199254740993e15", "18446744073709551616", "1e400", "-1e400", "NaN", "Inf", "0x10", "1_000", "-5", "1e-400", "a\nb"} {
		for flag := range uint8(5) {
			f.Add(flag, s)
		}
	}
	flags := []struct {
		name   string
		lo, hi uint64
	}{{"epochs", 1, engine.MaxEpochs}, {"seed", 0, math.MaxUint64}, {"jobs", 1, maxJobs}, {"every", 0, engine.MaxEpochs}, {"samples", minSamples, maxSamples}}
	f.Fuzz(func(t *testing.T, flag uint8, s string) {
		fl := flags[int(flag)%len(flags)]
		n, err := whole(fl.name, s, fl.lo, fl.hi, "default 1")
		if err != nil {
			msg := err.Error()
			clipped := strings.Join(strings.Fields(s), " ")
			if r := []rune(clipped); len(r) > 40 {
				clipped = string(r[:40]) + "…"
			}
			named := strings.Contains(msg, strconv.Quote(s)) || strings.Contains(msg, strconv.Quote(clipped)) ||
				strings.Trim(s, "0123456789.eE+-") == "" && strings.Contains(msg, ": "+s+" ") ||
				s != "" && strings.Trim(s, "0123456789") == "" && strings.Contains(msg, ": "+numtext.Grouped(s)+" ") // digits, grouped
			if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "--"+fl.name+": ") || !named {
				t.Fatalf("--%s %q: %q, want one line that begins with the flag and names the text", fl.name, s, msg)
			}
			return
		}
		if n < fl.lo || n > fl.hi || !engine.PlainNumber(s) || strings.TrimSpace(s) != s {
			t.Fatalf("--%s %q taken as %d", fl.name, s, n)
		}
		if again, err := whole(fl.name, strconv.FormatUint(n, 10), fl.lo, fl.hi, "default 1"); err != nil || again != n {
			t.Fatalf("--%s %q taken as %d, whose digits read back as %d, %v", fl.name, s, n, again, err)
		}
	})
}

// FuzzParseFlags: no command line makes the flag parser panic; each one
// is either refused with a one-line error (exit 2, "ganui: ..." on
// stderr), a line break in a value quoted, or gives options whose design
// is valid, with every number in its flag's range and written plainly.
func FuzzParseFlags(f *testing.F) {
	for _, args := range []string{
		"--headless --epochs 10",
		"--headless\x00--epochs\x00+5",
		"--headless\x00--seeds\x00 1,2\x00--jobs=2",
		"--speed\x00 5",
		"--headless\x00--sweep\x00d_lr=1e-3, 1e-2",
		"--headless\x00--seeds\x001-3\x00--jobs\x002",
		"--show-preset\x00vanilla\x00--set\x00g_lr=2e-4",
		"--preset\x00/dev/zero",
		"--resume\x00/dev/null\x00--headless",
		"--set\x00g_hidden=[1,2,3]\x00--epochs\x00-1",
		"--list-presets",
		"--headless\x00--set\x00target=ring(8,2,0.02\n))", "--headless\x00--sweep\x00g_lr=1e-3,\n1e-2", "--headless\x00--ep\nochs=5",
		"--show-preset\x00vanilla\x00--set\x00gp=00,5", "--headless\x00--set\x00g_lr=0,001", "--headless\x00--set\x00d_momentum=0.9", // a comma's hints, a key left unread
		"--headless\x00--sweep\x00gp=1,000,000", "--headless\x00--sweep\x00g_hidden=[\n],[]",
	} {
		f.Add(args)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		o, err := parseFlags(args, io.Discard)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: multi-line error %q", args, err)
			}
			return
		}
		if o.Epochs < 0 || o.Epochs > engine.MaxEpochs || o.jobs < 1 || o.jobs > maxJobs || o.Every < 0 ||
			o.Samples != 0 && (o.Samples < minSamples || o.Samples > maxSamples) {
			t.Fatalf("%q parsed into numbers out of range: epochs %d, jobs %d, every %d, samples %d", args, o.Epochs, o.jobs, o.Every, o.Samples)
		}
		for name, value := range numberFlags(args) {
			if !engine.PlainNumber(value) || strings.TrimSpace(value) != value {
				t.Fatalf("%q: --%s %q was taken: a '+' or spaces around a number", args, name, value)
			}
		}
		if o.listPresets || o.Resume != "" {
			return
		}
		if verr := o.Config.Validate(); verr != nil {
			t.Fatalf("%q parsed into a design that is not valid: %v", args, verr)
		}
	})
}

// numberFlags returns the values args give the flags of numbers or lists
// of them, by name, as the flag package reads -name v, --name v and
// --name=v.
func numberFlags(args []string) map[string]string {
	out := map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			break // the flag package's end of flags
		}
		name, value, inline := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		switch name {
		case "epochs", "seed", "jobs", "every", "samples", "seeds", "speed":
		case "headless", "list-presets", "paused":
			continue // a switch takes no value of the next argument
		default:
			if !inline {
				i++
			}
			continue
		}
		if !inline {
			if i++; i == len(args) {
				break
			}
			value = args[i]
		}
		if name == "speed" {
			if value == "full" || value == "watch" {
				continue
			}
			value = strings.TrimSuffix(value, "/s")
		}
		if name == "seeds" {
			for j, part := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == '-' }) {
				out[fmt.Sprintf("seeds[%d]", j)] = part
			}
			continue
		}
		out[name] = value
	}
	return out
}

// TestHeadlessPlot: --plot draws the run's figure at its end, in the
// format of the file's extension, after the final line.
func TestHeadlessPlot(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"png", "svg", "pdf"} {
		path := filepath.Join(dir, "run."+ext)
		code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "40", "--every", "10", "--samples", "500", "--plot", path)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "final preset=vanilla") {
			t.Fatalf("--plot %s: exit %d, stderr %q", path, code, stderr)
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 2000 {
			t.Fatalf("--plot %s: %v", path, err)
		}
	}
}

// TestHeadlessSweep: --sweep says its cells and seeds on stderr before
// it trains, trains each cell for each seed and prints a row per cell in
// order, then a summary; with two keys, --plot draws the heat map.
func TestHeadlessSweep(t *testing.T) {
	leakcheck.Check(t)
	path := filepath.Join(t.TempDir(), "sweep.svg")
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "40", "--samples", "500",
		"--sweep", "d_lr=1e-3,2e-3", "--sweep", "g_lr=1e-4,1e-3,1e-2", "--seeds", "1-2", "--jobs", "2", "--plot", path)
	const plan = "ganui: sweep of 6 cells × seeds 1-2: d_lr=1e-3 d_lr=2e-3 × g_lr=1e-4 g_lr=1e-3 g_lr=1e-2\n" // each key's values once
	if code != 0 || stderr != plan {
		t.Fatalf("exit %d, stderr %q; want %q", code, stderr, plan)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "sweep d_lr=1e-3 g_lr=1e-4 runs=2 diverged=0 ks=") ||
		!strings.HasPrefix(lines[5], "sweep d_lr=2e-3 g_lr=1e-2 runs=2 ") ||
		!strings.HasPrefix(lines[6], "summary preset=vanilla target=normal(4,1.25) sweep=d_lr×g_lr cells=6 samples=500 seeds=1-2 runs=12 diverged=0 ks_floor=0.061 w1_floor=0.072 jobs=2 ") {
		t.Fatalf("output:\n%s", stdout)
	}
	svg, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(svg, []byte("median KS by d_lr and g_lr")) {
		t.Fatalf("heat map: %v", err)
	}
	// One seed by --seed, and no plot.
	code, stdout, stderr = runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "20", "--samples", "500", "--sweep", "g_lr=1e-3,1e-2", "--seed", "5")
	if code != 0 || !strings.Contains(stdout, "summary preset=vanilla target=normal(4,1.25) sweep=g_lr cells=2 samples=500 seeds=5 runs=2 ") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	if want := "ganui: sweep of 2 cells × seed 5: g_lr=1e-3 g_lr=1e-2\n"; stderr != want {
		t.Errorf("one seed: stderr %q, want %q", stderr, want)
	}
}

// TestSweepSaysItsPlanFirst: a sweep names its cells on stderr before the
// first one trains, so that gp=12,5, two values where 12.5 may have been
// meant, is seen to be gp=12 and gp=5 before the first cell's minutes; a
// long grid is cut to its first cells and its last, counting those
// between.
func TestSweepSaysItsPlanFirst(t *testing.T) {
	vanilla, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	sw, err := session.ParseSweep([]string{"gp=12,5"}, vanilla, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sweepPlan(sw, []uint64{1, 2}, 80), "ganui: sweep of 2 cells × seeds 1-2: gp=12 gp=5"; got != want {
		t.Errorf("gp=12,5:\n got  %q\n want %q", got, want)
	}
	values := make([]string, 100)
	for i := range values {
		values[i] = strconv.Itoa(i + 1)
	}
	sw, err = session.ParseSweep([]string{"gp=" + strings.Join(values, ",")}, vanilla, 1)
	if err != nil {
		t.Fatal(err)
	}
	// The line is held to the width it is given (planWidth), a
	// terminal's of 80 columns or a narrow one's, where it ran to 150
	// columns and wrapped; a terminal of 40 columns, too narrow for any
	// such line, is still shown the first cell, the count and the last.
	for _, width := range []int{100, 80, 64, 40} {
		got := sweepPlan(sw, []uint64{7}, width)
		if !strings.HasPrefix(got, "ganui: sweep of 100 cells × seed 7: gp=1 ") || !regexp.MustCompile(` … \d+ more … gp=100$`).MatchString(got) {
			t.Errorf("100 cells, %d columns: %q, want the first cells, a count of the rest and gp=100, in a line", width, got)
		}
		if w := ansi.StringWidth(got); w > width && width >= 64 {
			t.Errorf("100 cells, %d columns: %q is %d columns", width, got, w)
		}
		var shown int
		fmt.Sscanf(got[strings.LastIndex(got, "gp=")-len("… 00 more … "):], "… %d more", &shown)
		if n := strings.Count(got, "gp="); n+shown != 100 {
			t.Errorf("100 cells, %d columns: %q names %d and counts %d more", width, got, n, shown)
		}
	}
	if got := sweepPlan(sw, []uint64{7}, 80); !strings.HasPrefix(got, "ganui: sweep of 100 cells × seed 7: gp=1 gp=2 gp=3 ") {
		t.Errorf("100 cells, 80 columns: %q, want the first three cells at least", got)
	}
	// A grid names each key's values once, joined by ×, where naming its
	// cells cut a grid of 6 to its first and last; too long, its longest
	// list is cut first, the short one left whole.
	lrs := make([]string, 30)
	for i := range lrs {
		lrs[i] = fmt.Sprintf("%de-4", i+1)
	}
	sw, err = session.ParseSweep([]string{"d_lr=" + strings.Join(lrs, ","), "g_lr=1e-4,1e-3,1e-2"}, vanilla, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := sweepPlan(sw, []uint64{1}, 100)
	if !regexp.MustCompile(`^ganui: sweep of 90 cells × seed 1: d_lr=1e-4 (d_lr=\de-4 )*… \d+ more … d_lr=30e-4 × g_lr=1e-4 g_lr=1e-3 g_lr=1e-2$`).MatchString(got) || ansi.StringWidth(got) > 100 {
		t.Errorf("30 × 3 cells, 100 columns: %q, want d_lr's list cut, g_lr's whole, within 100 columns", got)
	}
	// A list too short for a cut to save room is left whole, though the
	// line is wider than the terminal either way: a 3×3 grid at 80
	// columns was cut to "d_lr=1e-4 … 1 more … d_lr=1e-2 × g_lr=1e-4 …
	// 1 more … g_lr=1e-2", wider than the values it hid.
	sw, err = session.ParseSweep([]string{"d_lr=1e-4,1e-3,1e-2", "g_lr=1e-4,1e-3,1e-2"}, vanilla, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sweepPlan(sw, []uint64{1, 2, 3}, 80), "ganui: sweep of 9 cells × seeds 1-3: d_lr=1e-4 d_lr=1e-3 d_lr=1e-2 × g_lr=1e-4 g_lr=1e-3 g_lr=1e-2"; got != want {
		t.Errorf("3 × 3 cells, 80 columns:\n got  %q\n want %q", got, want)
	}
	// The width: a terminal's, held to 100 columns, else 100.
	for tty, want := range map[int]int{80: 80, 40: 40, 200: 100, 0: 100} {
		if got := planWidth(tty); got != want {
			t.Errorf("planWidth(%d) = %d, want %d", tty, got, want)
		}
	}
}

// TestSeedsDrawTheirFigure: --plot with --seeds draws each seed's KS over
// its epochs and its final KS, a figure titled with the design, the seeds
// and the samples, where it had been refused. Twenty epochs leave both
// seeds' G far from the target, KS 1 at every check, so the key names
// them in one entry (figure's coincide), not "seed 2" apart.
func TestSeedsDrawTheirFigure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seeds.svg")
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "20", "--samples", "500",
		"--seeds", "1-2", "--jobs", "2", "--plot", path)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "summary preset=vanilla target=normal(4,1.25) samples=500 seeds=1-2 runs=2 ") {
		t.Fatalf("exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
	svg, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"seeds 1-2 · 500 samples", "KS over the epochs, a line per seed", "final KS of each seed", "seeds 1-2 coincide", "noise floor at 500 samples"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("the figure does not say %q", want)
		}
	}
}

// TestOneKeySweepDrawsItsCurve: --plot with a sweep over one key draws the
// curve of its KS over the key's values, a PNG titled with the design, the
// seeds and the samples, where it had been refused.
func TestOneKeySweepDrawsItsCurve(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "20", "--samples", "500",
		"--sweep", "g_lr=1e-3,1e-2", "--seeds", "1-2", "--jobs", "2", "--plot", filepath.Join(dir, "curve.svg"))
	if code != 0 || stderr != "ganui: sweep of 2 cells × seeds 1-2: g_lr=1e-3 g_lr=1e-2\n" || !strings.Contains(stdout, "summary preset=vanilla target=normal(4,1.25) sweep=g_lr cells=2 samples=500 seeds=1-2 runs=4 ") {
		t.Fatalf("exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "curve.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"median KS over seeds 1-2 · 500 samples", "KS by g_lr", "each seed", "noise floor at 500 samples"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("the curve does not say %q", want)
		}
	}
}

// TestSweepSamplesAreTheCellsTargets: the --samples a sweep allows are its
// cells' targets', not those of the design it sweeps from. A sweep of 1-D
// targets from a 2-D preset is not refused a sample size every cell takes, nor
// does one of 2-D targets from a 1-D preset train nothing and exit 1 with the
// refusal once per run on one line.
func TestSweepSamplesAreTheCellsTargets(t *testing.T) {
	const want = "ganui: --samples: 200,000 is more than a two-dimensional target's 100,000: its measures compare with a reference of 10,000 points\n"
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", "1", "--samples", "2e5",
		"--sweep", "target=ring(8,2,0.02),grid(5,2,0.05)")
	if code != exitUsage || stdout != "" || stderr != want {
		t.Errorf("2-D cells from a 1-D preset: exit %d, stdout %q, stderr %q; want exit 2 and %q", code, stdout, stderr, want)
	}
	code, stdout, stderr = runCLI(t, "--headless", "--preset", "ring", "--epochs", "1", "--samples", "2e5",
		"--sweep", "target=normal(0,1),uniform(0,1)")
	if code != exitOK || stderr != "ganui: sweep of 2 cells × seed 1: target=normal(0,1) target=uniform(0,1)\n" || !strings.Contains(stdout, "summary preset=ring sweep=target cells=2 samples=200000 ") {
		t.Errorf("1-D cells from a 2-D preset: exit %d, stderr %q, stdout:\n%s", code, stderr, stdout)
	}
}

// TestSweepStoppedBeforeAnyCellDrawsItsMap: a sweep stopped before any
// cell finished draws its heat map all the same, each cell of its one
// seed "not finished", and so the key of its hatched cells, in place of the file an earlier sweep drew there,
// so the old map is not taken for this sweep's.
func TestSweepStoppedBeforeAnyCellDrawsItsMap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "map.svg")
	if err := os.WriteFile(path, []byte("<svg>an earlier sweep's map</svg>"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := session.SweepResult{
		Preset: "vanilla", Epochs: 100, Seeds: []uint64{1}, Measures: [2]string{"ks", "w1"},
		Axes: []session.SweepAxis{{Key: "d_lr", Values: []string{"1e-3", "2e-3"}}, {Key: "g_lr", Values: []string{"1e-3", "2e-3"}}},
	}
	plot, err := figure.Reserve(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := drawSweep(plot, res, session.ErrInterrupted); !errors.Is(err, session.ErrInterrupted) || strings.Contains(err.Error(), "--plot") {
		t.Fatalf("drawSweep: %v; want the stop alone", err)
	}
	svg, err := os.ReadFile(path)
	// Each of the 4 cells says it, and the key of their hatching under
	// the colour bar, "no value:" over its one reason.
	if err != nil || bytes.Count(svg, []byte("not finished")) != 5 || !bytes.Contains(svg, []byte("no value:")) {
		t.Fatalf("the map of a sweep with no cell finished: %v, %d \"not finished\", want the 4 cells' and the key's\n%.200s", err, bytes.Count(svg, []byte("not finished")), svg)
	}
}

// TestMisspellingsSuggest: a misspelt preset, key, name or flag is
// refused with the one it was likely meant to be, on the one error line;
// a name near none is refused with the choices (or where to find them).
func TestMisspellingsSuggest(t *testing.T) {
	preset, ckpt := writeFile(t, "my.json", `{"base": "ring"}`), writeFile(t, "run.ckpt", "x")
	spaced, quoted := writeFile(t, "my run.json", `{"base": "ring"}`), writeFile(t, "it's.json", `{"base": "ring"}`)
	// a name a message shows escaped, not as a shell would read it back
	control, bidi := writeFile(t, "my\x01run.json", `{"base": "ring"}`), writeFile(t, "a\u202eb.ckpt", "x")
	dir := filepath.Join(t.TempDir(), "dir.json")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "blog-orignal"}, `--preset: unknown preset blog-orignal (did you mean blog-original?)`},
		{[]string{"--show-preset", "vanila"}, `--show-preset: unknown preset vanila (did you mean vanilla?)`},
		{[]string{"--headless", "--preset", "nope"}, `--preset: unknown preset nope: give the name of a built-in preset, such as vanilla or ring (ganui --list-presets lists them), or a FILE.json`},
		{[]string{"--headless", "--set", "glr=1e-3"}, `--set: unknown key "glr" (did you mean "g_lr"?)`},
		{[]string{"--headless", "--set", "x_lr=1e-3"}, `unknown key "x_lr" (did you mean "d_lr" or "g_lr"?)`},
		{[]string{"--headless", "--sweep", "d_lrr=1e-3,1e-2"}, `--sweep: unknown key "d_lrr" (did you mean "d_lr"?)`},
		{[]string{"--headless", "--set", "optimizer=adam"}, `unknown key "optimizer" (--show-preset NAME lists the keys)`},
		{[]string{"--headless", "--set", "target=normel(0,1)"}, `unknown kind "normel" (did you mean normal(mean,std)?)`},
		{[]string{"--headless", "--set", "target=rign(8,2,0.02)"}, `unknown kind "rign" (did you mean ring(modes,radius,std)?)`},
		{[]string{"--headless", "--set", "target=gaussian(0,1)"}, `unknown kind "gaussian" (did you mean normal(mean,std)?)`}, // not gaussian2, of 5 arguments
		{[]string{"--headless", "--set", "target=cauchy(0,1)"}, `unknown kind "cauchy": give a target kind, such as normal(mean,std) or ring(modes,radius,std) (README.md lists them under Preset files)`},
		// a misspelt kind whose arguments are no numbers is told the kind, not that they are none
		{[]string{"--headless", "--preset", "ring", "--sweep", "target=ring(8,2,0.02),point(data.csv)"}, `--sweep: target's value 2 of 2: target "point(data.csv)": unknown kind "point" (did you mean points(FILE.csv)?)`},
		{[]string{"--headless", "--set", "target=normel(x,1)"}, `unknown kind "normel" (did you mean normal(mean,std)?)`},
		// a kind without its arguments is told what it takes
		{[]string{"--headless", "--set", "target=uniform"}, `target "uniform": want uniform(lo,hi), its arguments in parentheses`},
		{[]string{"--headless", "--set", "target=ring(8,2"}, `target "ring(8,2": want ring(modes,radius,std), its arguments in parentheses`},
		{[]string{"--headless", "--set", "target=cauchy"}, `target "cauchy": want kind(args), e.g. normal(4,1.25)`},
		{[]string{"--headless", "--set", "g_acts=rellu,relu,identity"}, `"rellu" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh (did you mean relu?)`},
		{[]string{"--headless", "--set", "loss=hnige"}, `loss: "hnige" is not one of bce, least_squares, wasserstein, hinge (did you mean hinge?)`},
		{[]string{"--headless", "--set", "d_opt=adm"}, `d_opt: "adm" is not one of adam, sgd, rmsprop (did you mean adam?)`},
		{[]string{"--headless", "--sweep", "g_opt=adam,rmsprp"}, `(did you mean rmsprop?)`},
		{[]string{"--headless", "--preset", writeFile(t, "f.json", `{"base": "vanila"}`)}, `base: unknown preset vanila (did you mean vanilla?)`},
		{[]string{"--headless", "--preset", writeFile(t, "g.json", `{"base": "vanilla", "noise": "norml"}`)}, `(did you mean normal?)`},
		{[]string{"--headless", "--preset", writeFile(t, "h.json", `{"bas": "vanilla"}`)}, `h.json:1: unknown key "bas" (did you mean "base"?)`}, // not "eps"
		{[]string{"--headless", "--preset", writeFile(t, "i.json", `{"bsae": "vanilla"}`)}, `i.json:1: unknown key "bsae" (did you mean "base"?)`},
		{[]string{"--headless", "--preset", writeFile(t, "j.json", `{"base": "vanilla", "glr": 1e-3}`)}, `j.json:1: unknown key "glr" (did you mean "g_lr"?)`},
		{[]string{"--seed", "1", "--epoch", "5"}, "unknown flag --epoch (did you mean --epochs?)"},
		{[]string{"--hedless"}, "unknown flag --hedless (did you mean --headless?)"},
		{[]string{"-hlep"}, "unknown flag --hlep (did you mean --help?)"},
		{[]string{"--epoch=5"}, "unknown flag --epoch (did you mean --epochs?)"},
		{[]string{"--no-such-flag"}, "unknown flag --no-such-flag (see ganui --help)"},
		// what --list-presets lists, as a flag or a word: that flag, then the one that picks
		{[]string{"--presets"}, "unknown flag --presets (did you mean --list-presets (to list them) or --preset NAME?)"},
		{[]string{"presets"}, `unexpected argument presets (did you mean --list-presets (to list them) or --preset NAME?)`},
		// an argument that is not a flag: a flag without its dashes, or a
		// --set or --sweep whose "=" a space took
		{[]string{"headless"}, `unexpected argument headless (did you mean --headless?)`},
		{[]string{"--headless", "--set", "g_lr", "1e-3"}, `--set: want key=value, got g_lr (did you mean --set g_lr=1e-3?)`},
		{[]string{"--headless", "-sweep", "d_lr", "1e-3,1e-2"}, `--sweep: want key=v1,v2,…, got d_lr (did you mean --sweep d_lr=1e-3,1e-2?)`},
		{[]string{"--headless", "--set", "target", "ring(8, 2, 0.02)"}, `--set: want key=value, got target (did you mean --set 'target=ring(8, 2, 0.02)'?)`},
		{[]string{"--headless", "--set", "g_lr=1", "1e-3"}, `unexpected argument 1e-3 (see ganui --help)`},
		// a flag after --, which ends the flags
		{[]string{"--headless", "--", "--set", "g_lr=1e-3"}, `unexpected argument --set after --, which ends the flags: drop the -- for it to be read as a flag`},
		// a built-in preset's name without --preset, before -- or after it
		{[]string{"ring"}, `ganui: unexpected argument ring (did you mean --preset ring?)`},
		{[]string{"--headless", "--", "ring"}, `ganui: unexpected argument ring (did you mean --preset ring?)`},
		{[]string{"--headless", "--epochs", "10", "wgan-gp"}, `ganui: unexpected argument wgan-gp (did you mean --preset wgan-gp?)`},
		{[]string{"--headless", "--preset", "vanilla", "ring"}, `ganui: unexpected argument ring (see ganui --help)`}, // a design is named already
		// a misspelt one, as --preset's is told
		{[]string{"rign"}, `ganui: unexpected argument rign (did you mean --preset ring?)`},
		{[]string{"--headless", "--", "vanila"}, `ganui: unexpected argument vanila (did you mean --preset vanilla?)`},
		{[]string{"--headless", "--preset", "vanilla", "rign"}, `ganui: unexpected argument rign (see ganui --help)`},
		// a short word is near a name only by a closer match: one edit in
		// two letters is half the word, a guess, not a typo
		{[]string{"r2"}, `ganui: unexpected argument r2 (see ganui --help)`},
		{[]string{"r"}, `ganui: unexpected argument r (see ganui --help)`},
		{[]string{"gird"}, `ganui: unexpected argument gird (did you mean --preset grid?)`},
		{[]string{"wgn"}, `ganui: unexpected argument wgn (did you mean --preset wgan?)`},
		{[]string{"lo"}, `ganui: unexpected argument lo (did you mean --log?)`},
		{[]string{"--headless", "--", "r1"}, `ganui: unexpected argument r1 (did you mean --preset r1?)`},
		// a preset file or a checkpoint that is there, without its flag
		{[]string{"--headless", preset}, fmt.Sprintf(`ganui: unexpected argument %s (did you mean --preset %s?)`, preset, preset)},
		{[]string{ckpt}, fmt.Sprintf(`ganui: unexpected argument %s (did you mean --resume %s?)`, ckpt, ckpt)},
		// its name one word of a shell: quoted where it has to be
		{[]string{spaced}, fmt.Sprintf(`ganui: unexpected argument '%s' (did you mean --preset '%s'?)`, spaced, spaced)},
		{[]string{quoted}, fmt.Sprintf(`ganui: unexpected argument '%[1]s' (did you mean --preset '%[1]s'?)`, strings.ReplaceAll(quoted, "'", `'\''`))},
		// a word holding a character shown escaped is not suggested as
		// one to type: the escape would be other text
		{[]string{control}, fmt.Sprintf(`ganui: unexpected argument $'%s': its name holds the control character U+0001 ('\x01'); to read it, rename it without that and give --preset the new name`, strings.ReplaceAll(control, "\x01", `\x01`))},
		{[]string{bidi}, fmt.Sprintf(`ganui: unexpected argument $'%s': its name holds the bidirectional formatting character U+202E ('\u202e'); to read it, rename it without that and give --resume the new name`, strings.ReplaceAll(bidi, "\u202e", `\xe2\x80\xae`))},
		{[]string{"--headless", "--set", "g_lr", "1\x01"}, `--set: want key=value, got g_lr, then $'1\x01', which hold the control character U+0001 ('\x01'): give --set key=value as one word, without it`},
		{[]string{"--headless", "-sweep", "d_lr", "1e-3\n1e-2"}, `--sweep: want key=v1,v2,…, got d_lr, then $'1e-3\n1e-2', which hold the control character U+000A ('\n'): give --sweep key=v1,v2,… as one word, without it`},
		{[]string{"--headless", filepath.Join(t.TempDir(), "none.json")}, `none.json (see ganui --help)`},
		{[]string{"--headless", dir}, `dir.json (see ganui --help)`}, // a directory: --preset would refuse it too
		{[]string{"--resume", writeFile(t, "r.ckpt", "x"), writeFile(t, "r.json", "{}")}, `r.json (see ganui --help)`},
		// a flag copied from a page that made its "--" a dash: the flag
		// package takes it for no flag, and its look is the flag's
		{[]string{"—headless"}, `unexpected argument '—headless': its dash is U+2014, not a flag's hyphens (did you mean --headless?)`},
		{[]string{"--headless", "–epochs=5"}, `unexpected argument '–epochs=5': its dash is U+2013, not a flag's hyphens (did you mean --epochs?)`},
		{[]string{"—h"}, `unexpected argument '—h': its dash is U+2014, not a flag's hyphens (did you mean --help?)`},
		{[]string{"—hedless"}, `unexpected argument '—hedless': its dash is U+2014, not a flag's hyphens (did you mean --headless?)`},
		{[]string{"-—seed", "3"}, `unknown flag --—seed: its dash is U+2014, not a flag's hyphens (did you mean --seed?)`},
		{[]string{"—nonsense"}, `unexpected argument '—nonsense' (see ganui --help)`},
	} {
		wantUsageError(t, c.args, c.want)
	}
}

// usageValues maps the usage's placeholders to values that work, the
// files in dir.
func usageValues(dir string) map[string]string {
	return map[string]string{
		"S": "3", "N": "500", "K": "100", "J": "2", "A-B": "1-2", "NAME|FILE.json": "vanilla",
		"key=value": "g_lr=1e-3", "key=v1,v2,…": "d_lr=1e-3,2e-3", "key=…": "d_lr=1e-3,2e-3", "key2=…": "d_steps=1,2", "full|N": "full",
		"FILE.csv": filepath.Join(dir, "run.csv"), "FILE.png": filepath.Join(dir, "run.png"), "FILE.ckpt": filepath.Join(dir, "run.ckpt"),
	}
}

// usageCommands returns the command lines of the usage block, each way
// of calling ganui written out with no optional flag, with every one
// (one for each side of a choice, [--seed S | --seeds A-B]), and with
// each alone, its placeholders filled in with values that work, DESIGN
// with its own.
func usageCommands(t *testing.T) [][]string {
	value := usageValues(t.TempDir())
	design := strings.TrimPrefix(designUsage, "DESIGN: ")
	optional := regexp.MustCompile(`\[([^][]*)\]…?`)
	var commands [][]string
	for _, way := range ways {
		line := strings.ReplaceAll(way, "[DESIGN]", design)
		groups := optional.FindAllStringSubmatchIndex(line, -1)
		// with takes the optional groups that keep (by index) the side of
		// theirs that side says (0 for a group without a choice).
		with := func(keep func(int) bool, side int) string {
			var b strings.Builder
			end := 0
			for i, g := range groups {
				b.WriteString(line[end:g[0]])
				if sides := strings.Split(line[g[2]:g[3]], " | "); keep(i) {
					b.WriteString(sides[min(side, len(sides)-1)])
				}
				end = g[1]
			}
			b.WriteString(line[end:])
			return b.String()
		}
		variants := []string{with(func(int) bool { return false }, 0), with(func(int) bool { return true }, 0), with(func(int) bool { return true }, 1)}
		for i := range groups {
			for side := range 2 {
				variants = append(variants, with(func(j int) bool { return j == i }, side))
			}
		}
		for _, v := range variants {
			args := strings.Fields(v)
			for i, a := range args {
				if w, ok := value[a]; ok {
					args[i] = w
				}
			}
			commands = append(commands, args)
		}
	}
	return commands
}

// TestUsageLinesWork: each way of calling ganui that the usage shows is taken
// as written, with all its optional flags, none or any one (the line for
// --resume shows no --save without --headless, which is refused, nor a sweep's
// --plot beside a second key it needs).
func TestUsageLinesWork(t *testing.T) {
	commands := usageCommands(t)
	if len(commands) < 100 {
		t.Fatalf("read %d command lines from the usage, want 100 or more:\n%q", len(commands), commands)
	}
	for _, args := range commands {
		for _, a := range args {
			if a == strings.ToUpper(a) && !strings.HasPrefix(a, "--") && strings.ContainsAny(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				t.Errorf("%q: placeholder %s has no value in the test", args, a)
			}
		}
		if _, err := parseFlags(args, io.Discard); err != nil {
			t.Errorf("%q: %v", args, err)
		}
	}
}

// TestHelpFitsEightyColumns: --help reads on an 80-column terminal, the tab
// before a flag's description taken to column 8 (its usage lines not running to
// 139 columns, nor the descriptions to 600).
func TestHelpFitsEightyColumns(t *testing.T) {
	_, stdout, _ := runCLI(t, "--help")
	for _, line := range strings.Split(stdout, "\n") {
		if n := utf8.RuneCountInString(strings.ReplaceAll(line, "    \t", "        ")); n > 80 {
			t.Errorf("a line of %d columns: %q", n, line)
		}
	}
	for _, want := range []string{"\n  --help, -h\n", "\n  --version\n", "(default: one per CPU, at most 256; here ", "exponent form"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	if strings.Count(stdout, "(default") != 7 {
		t.Errorf("--help gives %d defaults, want 7 (epochs, every, jobs, preset, samples, seed, speed), each once:\n%s", strings.Count(stdout, "(default"), stdout)
	}
}

// TestHelpKeepsKeysWithTheirWords: no line of a flag's description in --help
// ends or starts with a key, a word of one character that is no letter or
// digit: --speed's "[ and ] change it" does not break after the "[", which
// would read as a bracket opened.
func TestHelpKeepsKeysWithTheirWords(t *testing.T) {
	_, stdout, _ := runCLI(t, "--help")
	key := regexp.MustCompile(`^[^\pL\pN]$`)
	for _, line := range strings.Split(stdout, "\n") {
		if text, ok := strings.CutPrefix(line, "    \t"); ok {
			if words := strings.Fields(text); key.MatchString(words[0]) || key.MatchString(words[len(words)-1]) {
				t.Errorf("a line of --help ends or starts with a key: %q", line)
			}
		}
	}
}

// TestHelpKeepsRangesTogether: a range a flag's text gives ("1 to 100,000", "to
// 100,000" on a 2-D target) and a number with its unit ("30 s") are on one line
// of --help, in plain spaces: --speed does not end a line "N is epochs a
// second, 1" and begin the next "to 100,000".
func TestHelpKeepsRangesTogether(t *testing.T) {
	_, stdout, _ := runCLI(t, "--help")
	if strings.Contains(stdout, numtext.NBSP) {
		t.Errorf("--help writes a non-breaking space:\n%s", stdout)
	}
	for _, m := range regexp.MustCompile(`(?m)^  --([a-z-]+).*\n((?:    \t.*\n)+)`).FindAllStringSubmatch(stdout, -1) {
		lines := strings.Split(strings.TrimSuffix(strings.ReplaceAll(m[2], "    \t", ""), "\n"), "\n")
		for _, together := range regexp.MustCompile(`(?:\d[\d,]* )?to \d[\d,]*\d|\d+ s\b`).FindAllString(strings.Join(lines, " "), -1) {
			if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, together) }) {
				t.Errorf("--help breaks --%s's %q across lines:\n%s", m[1], together, m[2])
			}
		}
	}
}

// TestGuessedCombinations: the combinations a user would guess, each refused
// with one line that says why, in the same words as the others (not --paused
// alone as "--paused and --speed are …", nor a one-key sweep's --plot as
// "--sweep: --plot …"); a flag its mode, or another flag, does not take is
// refused as that before its value is read.
func TestGuessedCombinations(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		// The three whose file the trainer writes with a key name it: a teacher
		// who asks the trainer for a log, a checkpoint or a figure is not told
		// only to give up the trainer.
		{[]string{"--log", "x.csv"}, "ganui: --log needs --headless: add --headless to train without the screen and write the history, or drop --log; in the trainer, e writes the history CSV\n"},
		{[]string{"--sweep", "d_lr=1e-3,1e-2"}, "ganui: --sweep needs --headless: add --headless to train the grid without the screen, a row per cell, or drop --sweep\n"},
		{[]string{"--resume", "x.ckpt", "--save", "y.ckpt"}, "ganui: --save needs --headless: add --headless to train without the screen and save a checkpoint at the end, or drop --save; in the trainer, w saves a checkpoint\n"},
		{[]string{"--resume", "x.ckpt", "--plot", "y.png"}, "ganui: --plot needs --headless: add --headless to train without the screen and draw the figure at the end, or drop --plot; in the trainer, P writes the figure\n"},
		{[]string{"--headless", "--sweep", "d_lr=1e-3,1e-2", "--sweep", "g_lr=1e-3,1e-2", "--sweep", "d_steps=1,2", "--plot", "x.png"}, "ganui: --plot draws the curve of a sweep over one key, or the heat map of one over two; this one has 3: sweep one key or two, or drop --plot\n"},
		{[]string{"--resume", "x.ckpt", "--preset", "vanilla"}, "ganui: --resume continues a saved run with its own design and seed; drop --preset to continue it, or drop --resume to train the design --preset names from the start\n"},
		{[]string{"--headless", "--seeds", "1-3", "--jobs", "0"}, "ganui: --jobs: 0 out of range 1..256 (default: one per CPU, here " + strconv.Itoa(defaultJobs()) + ")\n"},
		// A flag the mode does not take is refused as that, whatever its value,
		// not its range said first and the flag refused only once the value is
		// mended.
		{[]string{"--headless", "--jobs", "0"}, "ganui: --jobs trains several runs at once; give --seeds or --sweep too, or drop --jobs\n"},
		{[]string{"--version", "--epochs", "0"}, "ganui: --epochs does not go with --version, which prints ganui's version and trains nothing; drop --epochs, or --version to train\n"},
		{[]string{"--show-preset", "vanilla", "--samples", "5"}, "ganui: --samples does not go with --show-preset, which prints a preset's settings and trains nothing; drop --samples, or --show-preset to train\n"},
		{[]string{"--every", "-1"}, "ganui: --every needs --headless: add --headless to train with progress lines in place of the screen, or drop --every\n"},
		{[]string{"--headless", "--jobs", "2"}, "ganui: --jobs trains several runs at once; give --seeds or --sweep too, or drop --jobs\n"},
		{[]string{"--speed", "0"}, "ganui: --speed: 0 out of range 1..100,000 epochs a second (or full)\n"},
		{[]string{"--speed", "fast"}, "ganui: --speed: \"fast\" is not full or a number of epochs a second; allowed: 1..100,000\n"},
		{[]string{"--headless", "--every", "-1"}, "ganui: --every: -1 out of range 0..1,000,000,000 (default 500)\n"},
		{[]string{"--epochs", "0"}, "ganui: --epochs: 0 out of range 1..1,000,000,000 (default: the preset's own)\n"},
		{[]string{"--headless", "--paused"}, "ganui: --paused is for the interactive trainer; headless runs are never paced: drop --paused, or --headless to watch the run\n"},
		{[]string{"--headless", "--speed", "full"}, "ganui: --speed is for the interactive trainer; headless runs are never paced: drop --speed, or --headless to watch the run\n"},
		// Each says what the mode does and which to drop, not only "--headless
		// does not go with --show-preset".
		{[]string{"--headless", "--show-preset", "vanilla"}, "ganui: --headless does not go with --show-preset, which prints a preset's settings and trains nothing; drop --headless, or --show-preset to train\n"},
		{[]string{"--list-presets", "--seed", "3"}, "ganui: --seed does not go with --list-presets, which lists the built-in presets and trains nothing; drop --seed, or --list-presets to train\n"},
		{[]string{"--version", "--preset", "vanilla"}, "ganui: --preset does not go with --version, which prints ganui's version and trains nothing; drop --preset, or --version to train\n"},
		{[]string{"--headless", "--seeds", "1-3", "--seed", "2"}, "ganui: --seed and --seeds both choose the seeds: for one run, give --seed S alone, as --seed 3; for a run per seed, give --seeds A-B alone, as --seeds 1-5\n"},
		// So is a flag another flag does not take, the values of both unread.
		{[]string{"--headless", "--seeds", "5-1", "--seed", "3"}, "ganui: --seed and --seeds both choose the seeds: for one run, give --seed S alone, as --seed 3; for a run per seed, give --seeds A-B alone, as --seeds 1-5\n"},
		{[]string{"--headless", "--seeds", "1-3", "--plot", "x.txt"}, "ganui: --plot: x.txt: a figure is FILE.png, FILE.svg or FILE.pdf; give x.png, x.svg or x.pdf\n"},
		{[]string{"--headless", "--seeds", "1-3", "--save", ""}, "ganui: --save saves the checkpoint of a single run, and --seeds trains a run for each seed: for one run's checkpoint, drop --seeds and give its seed with --seed S; for the seeds' summary, drop --save\n"},
		{[]string{"--headless", "--sweep", "d_lr=1e-3,1e-2", "--every", "-1"}, "ganui: --every prints the progress lines of a single run, and --sweep trains a run for each cell: for one run's progress lines, drop --sweep and give its setting with --set key=value; for the grid's rows, drop --every\n"},
		{[]string{"--resume", "x.ckpt", "--seed", "-1"}, "ganui: --resume continues a saved run with its own design and seed; drop --seed to continue it, or drop --resume and name its design with --preset to train it on that seed from the start\n"},
	} {
		code, stdout, stderr := runCLI(t, c.args...)
		if code != exitUsage || stdout != "" || stderr != c.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

// TestHeadlessFlagsSayWhatToDo: every flag --help calls headless's, given
// without --headless, is refused with one line that says what to do, add
// --headless or drop the flag (not only "--jobs needs --headless"), in --help's
// words for what --headless does ("without the screen", as --help says, not
// "without a UI"), and doing what it says is a command ganui takes.
func TestHeadlessFlagsSayWhatToDo(t *testing.T) {
	_, help, _ := runCLI(t, "--help")
	without := regexp.MustCompile(`without (a|the) \w+`)
	helps := without.FindString(help[strings.Index(help, "\n  --headless\n"):])
	dir := t.TempDir()
	value := map[string]string{"K": "5", "J": "2", "A-B": "1-2", "key=v1,v2,…": "d_lr=1e-3,2e-3",
		"FILE.csv": filepath.Join(dir, "run.csv"), "FILE.png": filepath.Join(dir, "run.png"), "FILE.ckpt": filepath.Join(dir, "run.ckpt")}
	also := map[string][]string{"jobs": {"--seeds", "1-2"}} // "add --headless and --seeds or --sweep"
	flagLine := regexp.MustCompile(`(?m)^  --([a-z-]+) (\S+)\n    \theadless`)
	var names []string
	for _, m := range flagLine.FindAllStringSubmatch(help, -1) {
		name, arg := m[1], value[m[2]]
		names = append(names, name)
		code, stdout, stderr := runCLI(t, "--"+name, arg)
		prefix := "ganui: --" + name + " needs --headless: add --headless"
		if code != exitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, prefix) || !strings.Contains(stderr, ", or drop --"+name) {
			t.Errorf("--%s %s: exit %d, stderr %q; want exit 2 and one line %q…, or drop --%s", name, arg, code, stderr, prefix, name)
		}
		if says := without.FindString(stderr); says != "" && says != helps {
			t.Errorf("--%s %s: %q says %q, where --help's --headless says %q", name, arg, stderr, says, helps)
		}
		if _, err := parseFlags(append([]string{"--headless", "--" + name, arg}, also[name]...), io.Discard); err != nil {
			t.Errorf("--headless --%s %s %q: %v", name, arg, also[name], err)
		}
	}
	if slices.Sort(names); !slices.Equal(names, []string{"every", "jobs", "log", "plot", "save", "seeds", "sweep"}) {
		t.Errorf("--help calls %q headless's, want every, jobs, log, plot, save, seeds and sweep", names)
	}
}

// TestResumeConflictsOfferAFreshRun: a flag that changes the design or the seed
// of the run --resume continues is refused with both ways out, to drop it and
// continue the run, or to drop --resume and train a fresh one with it (not
// "drop --set" alone), and doing the second is a command ganui takes.
func TestResumeConflictsOfferAFreshRun(t *testing.T) {
	for _, c := range []struct {
		args  []string
		fresh string
	}{
		{[]string{"--preset", "vanilla"}, "drop --resume to train the design --preset names from the start"},
		{[]string{"--set", "g_lr=1e-3"}, "drop --resume and name its design with --preset to train it with the change from the start"},
		{[]string{"--seed", "3"}, "drop --resume and name its design with --preset to train it on that seed from the start"},
		{[]string{"--headless", "--seeds", "1-3"}, "drop --resume and name its design with --preset to train it on each seed from the start"},
		{[]string{"--headless", "--sweep", "g_lr=1e-3,1e-2"}, "drop --resume and name its design with --preset to sweep it from the start"},
	} {
		flag := c.args[len(c.args)-2]
		code, stdout, stderr := runCLI(t, append([]string{"--resume", "x.ckpt"}, c.args...)...)
		want := "ganui: --resume continues a saved run with its own design and seed; drop " + flag + " to continue it, or " + c.fresh + "\n"
		if code != exitUsage || stdout != "" || stderr != want {
			t.Errorf("--resume x.ckpt %q: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, want)
		}
		fresh := c.args // --resume dropped, and --preset given
		if flag != "--preset" {
			fresh = append([]string{"--preset", "vanilla"}, c.args...)
		}
		if _, err := parseFlags(fresh, io.Discard); err != nil {
			t.Errorf("%q: %v", fresh, err)
		}
	}
}

// TestSwitchesTurnedOff: a switch given as false (--paused=false, as a script
// may write --paused=$PAUSED) asks for nothing, so it clashes with nothing;
// --list-presets=false --seed 3 is not refused as "--seed does not go with
// --list-presets".
func TestSwitchesTurnedOff(t *testing.T) {
	for _, args := range [][]string{
		{"--list-presets=false", "--seed", "3"},
		{"--version=false", "--headless"},
		{"--headless", "--paused=false"},
		{"--headless=false", "--speed", "full"},
	} {
		o, err := parseFlags(args, io.Discard)
		if err != nil || o.listPresets || o.version || o.Paused {
			t.Errorf("%q: %v", args, err)
		}
	}
	wantUsageError(t, []string{"--headless=false", "--every", "5"}, "--every needs --headless")
}

// TestHelpAmongOtherArguments: --help (or -h) prints the help and exits 0
// wherever it stands among flags ganui reads, their values unchecked; a
// flag it does not know, or an argument that is no flag, is refused as
// it is without --help, the misspelling named (the flag package stopped
// at --help: --help --hedless printed the help and exited 0).
func TestHelpAmongOtherArguments(t *testing.T) {
	_, help, _ := runCLI(t, "--help")
	for _, args := range [][]string{
		{"-h"},
		{"--help", "--help"},
		{"--headless", "--help", "--epochs", "0"},
		{"--preset", "vanilla", "-h", "--seed", "3"},
		{"--list-presets", "--help"},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 || stdout != help || stderr != "" {
			t.Errorf("%q: exit %d, stderr %q, stdout the help: %v", args, code, stderr, stdout == help)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--help", "--hedless"}, "unknown flag --hedless (did you mean --headless?)"},
		{[]string{"--hedless", "--help"}, "unknown flag --hedless (did you mean --headless?)"},
		{[]string{"-h", "--bogus"}, "unknown flag --bogus (see ganui --help)"},
		{[]string{"--help", "--epochs"}, "--epochs needs a value"},
		{[]string{"--help", "stray"}, `unexpected argument stray`},
		{[]string{"help"}, `unexpected argument help (did you mean --help?)`},
		{[]string{"--seed", "3", "help"}, `unexpected argument help (did you mean --help?)`},
	} {
		wantUsageError(t, c.args, c.want)
	}
}

// TestOneDashOrTwo: a flag written with one dash is the flag with two,
// as the flag package reads it and --help and the README say, and every
// message about it writes it with two.
func TestOneDashOrTwo(t *testing.T) {
	one, err1 := parseFlags([]string{"-headless", "-preset", "vanilla", "-seed", "3", "-set", "g_lr=1e-3", "-samples=500"}, io.Discard)
	two, err2 := parseFlags([]string{"--headless", "--preset", "vanilla", "--seed", "3", "--set", "g_lr=1e-3", "--samples=500"}, io.Discard)
	one.asGiven, two.asGiven = nil, nil // the flags as written, for a command to repeat them so
	if err1 != nil || err2 != nil || !reflect.DeepEqual(one, two) {
		t.Errorf("one dash %+v (%v), two %+v (%v)", one, err1, two, err2)
	}
	_, help, _ := runCLI(t, "--help")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(help, "A flag takes one dash or two (-seed 3 is --seed 3)") || !strings.Contains(string(readme), "A flag takes one dash or two (`-seed 3` is `--seed 3`)") {
		t.Error("--help or the README does not say a flag takes one dash or two")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-epoch", "5"}, "ganui: unknown flag --epoch (did you mean --epochs?)\n"},
		{[]string{"-headless", "-epochs"}, "ganui: --epochs needs a value (see ganui --help)\n"},
		{[]string{"-headless", "-epochs", "0"}, "ganui: --epochs: 0 out of range 1..1,000,000,000 (default: the preset's own)\n"},
		{[]string{"-seed", "1", "--seed", "2"}, "ganui: --seed is given twice; give it once\n"},
		{[]string{"-log", "x.csv"}, "ganui: --log needs --headless: add --headless to train without the screen and write the history, or drop --log; in the trainer, e writes the history CSV\n"},
		{[]string{"-headless", "-set", "g_lr", "1e-3"}, "ganui: --set: want key=value, got g_lr (did you mean --set g_lr=1e-3?)\n"},
	} {
		if code, _, stderr := runCLI(t, c.args...); code != exitUsage || stderr != c.want {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestZeroIsNoDefault: a count is never 0 for its default — --samples 0 is
// refused as --epochs 0 and --jobs 0 are, not run as if not given — and the
// refusal gives the range and the default: with --resume the run's own, not the
// preset's plan or 10,000 samples.
func TestZeroIsNoDefault(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--samples", "0"}, "ganui: --samples: 0 out of range 100..10,000,000 (to 100,000 on a 2-D target; default 10,000, or 2,500 on a 2-D target)\n"},
		{[]string{"--resume", "x.ckpt", "--samples", "0"}, "ganui: --samples: 0 out of range 100..10,000,000 (to 100,000 on a 2-D target; default: the run's own)\n"},
		{[]string{"--headless", "--epochs", "0"}, "ganui: --epochs: 0 out of range 1..1,000,000,000 (default: the preset's own)\n"},
		{[]string{"--headless", "--resume", "x.ckpt", "--epochs", "0"}, "ganui: --epochs: 0 out of range 1..1,000,000,000 (default: the run's own plan)\n"},
		{[]string{"--headless", "--seeds", "1-2", "--jobs", "0"}, "ganui: --jobs: 0 out of range 1..256 (default: one per CPU, here " + strconv.Itoa(defaultJobs()) + ")\n"},
	} {
		if code, stdout, stderr := runCLI(t, c.args...); code != exitUsage || stdout != "" || stderr != c.want {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// TestLeftLineNamesTheDesignsPreset: the line printed for a run left at once
// names its design as the final line does (session.DesignText), by its preset
// and the settings changed from it, not by its own name alone (left preset=wide
// after --preset vanilla --set name=wide).
func TestLeftLineNamesTheDesignsPreset(t *testing.T) {
	end := tui.Ending{Shown: true, Preset: "vanilla", Changes: []session.Change{{Key: "name", Value: "wide"}, {Key: "g_lr", Value: "1e-3"}}, Seed: 3, Epoch: 7}
	const want = "left preset=vanilla name=wide g_lr=1e-3 seed=3 epochs=7: quit at once"
	if got := leftLine(end, nil, nil, "/runs"); !strings.HasPrefix(got, want) {
		t.Errorf("left line %q, want it to begin %q", got, want)
	}
}

// TestLeftLineSaysTheFilesNotWritten: a trainer quit at once while files its
// keys asked for still waited (a wide design's epoch or first evaluation taking
// seconds) says which were not written, by the key that asked, and where they
// were to go, each of them: a history CSV (e), a preset file (c) or a figure
// (P) as well as the checkpoint; and last, the temporary files of writes under
// way that their directory, made read-only under them, would not let be
// removed (outputfile.Abandon's), as a headless run quit at once names them.
func TestLeftLineSaysTheFilesNotWritten(t *testing.T) {
	const lost = "quit at once, not waiting for the epoch in training: no final line, no command again"
	for _, c := range []struct {
		end       tui.Ending
		unwritten []session.Command
		left      []*outputfile.LeftError
		want      string
	}{
		{tui.Ending{Shown: true, Preset: "vanilla", Seed: 1, Epoch: 4, SaveAt: 3, Doing: "training epoch 5"}, []session.Command{session.Save{}}, nil,
			"left preset=vanilla seed=1 epochs=4: " + lost + ", and not the checkpoint w asked for at epoch 3: nothing was written to /runs"},
		{tui.Ending{SaveAt: -1, Doing: "training epoch 1"}, []session.Command{session.Save{}}, nil,
			"left: " + lost + ", and not the checkpoint w asked for: nothing was written to /runs"},
		{tui.Ending{Shown: true, Preset: "vanilla", Seed: 1, Epoch: 4, SaveAt: -1, Doing: "training epoch 5"}, []session.Command{session.Export{}}, nil,
			"left preset=vanilla seed=1 epochs=4: " + lost + ", and not the history CSV e asked for: nothing was written to /runs"},
		{tui.Ending{Shown: true, Preset: "vanilla", Seed: 1, Epoch: 4, SaveAt: 2, Doing: "training epoch 5"}, []session.Command{session.Save{}, session.Share{}, session.Plot{}}, nil,
			"left preset=vanilla seed=1 epochs=4: " + lost + ", and not the checkpoint w asked for at epoch 2, the preset file c asked for or the figure P asked for: nothing was written to /runs"},
		{tui.Ending{Shown: true, Preset: "vanilla", Seed: 1, Epoch: 4, SaveAt: 2, Doing: "training epoch 5"}, nil, nil,
			"left preset=vanilla seed=1 epochs=4: " + lost},
		// A w's write under way, its directory made read-only under it:
		// its temporary file, emptied, is named last, as a headless quit
		// at once names it (atOnceLine).
		{tui.Ending{Shown: true, Preset: "vanilla", Seed: 1, Epoch: 4, SaveAt: 3, Doing: "training epoch 5"}, []session.Command{session.Save{}},
			[]*outputfile.LeftError{{Temp: "/runs/.ganui-vanilla-seed1-epoch3.ckpt.tmp-8723ca36", Why: syscall.EACCES}},
			"left preset=vanilla seed=1 epochs=4: " + lost + ", and not the checkpoint w asked for at epoch 3: nothing was written to /runs; its hidden temporary file /runs/.ganui-vanilla-seed1-epoch3.ckpt.tmp-8723ca36 is left there, emptied (removing it: permission denied): remove it once you can"},
		{tui.Ending{SaveAt: -1, Doing: "training epoch 1"}, nil, []*outputfile.LeftError{{Temp: "/runs/.a.csv.tmp-1", Why: syscall.EACCES}, {Temp: "/runs/.b.json.tmp-2", Why: syscall.EROFS}},
			"left: " + lost + "; its hidden temporary file /runs/.a.csv.tmp-1 is left there, emptied (removing it: permission denied): remove it once you can; its hidden temporary file /runs/.b.json.tmp-2 is left there, emptied (removing it: read-only file system): remove it once you can"},
	} {
		if got := leftLine(c.end, c.unwritten, c.left, "/runs"); got != c.want {
			t.Errorf("left line\n%s\nwant\n%s", got, c.want)
		}
	}
}

// TestLeftLineSaysWhatItDidNotWaitFor: the line of a trainer quit at once
// says what the quit did not wait for, what the session was at
// (Ending.Doing): the epoch in training, the evaluation under way, or,
// between them, the files asked for being written — a w's checkpoint the
// run paused, where "not waiting for the epoch in training" had been said
// of a run in which none trained.
func TestLeftLineSaysWhatItDidNotWaitFor(t *testing.T) {
	const shown = "left preset=vanilla seed=1 epochs=0: quit at once, not waiting for "
	for _, c := range []struct {
		doing     string
		unwritten []session.Command
		want      string
	}{
		{"training epoch 1", nil, shown + "the epoch in training: no final line, no command again"},
		{"evaluating epoch 1's generator on 2,000 samples", nil, shown + "the evaluation under way: no final line, no command again"},
		{"", []session.Command{session.Save{}}, shown + "the checkpoint w asked for at epoch 0 to be written: no final line, no command again, and nothing was written to /runs"},
		{"", []session.Command{session.Save{}, session.Export{}}, shown + "the checkpoint w asked for at epoch 0 or the history CSV e asked for to be written: no final line, no command again, and nothing was written to /runs"},
		{"", nil, shown + "the run to stop: no final line, no command again"},
	} {
		end := tui.Ending{Shown: true, Preset: "vanilla", Seed: 1, SaveAt: 0, Doing: c.doing}
		if got := leftLine(end, c.unwritten, nil, "/runs"); got != c.want {
			t.Errorf("at %q, unwritten %T:\n%s\nwant\n%s", c.doing, c.unwritten, got, c.want)
		}
	}
}

// TestRunLoses: a single run stopped by a signal says that a second one
// loses its final line and each file it writes as it ends, those it was
// given alone: no "saving" for a run that saves nothing.
func TestRunLoses(t *testing.T) {
	for _, c := range []struct {
		opts session.Options
		want string
	}{
		{session.Options{}, "the final line"},
		{session.Options{PlotPath: "run.png"}, "the final line or the --plot figure"},
		{session.Options{LogPath: "run.csv", SavePath: "run.ckpt", PlotPath: "run.png"}, "the final line, the --log's last rows, the --save checkpoint or the --plot figure"},
	} {
		if got := runLoses(c.opts); got != c.want {
			t.Errorf("runLoses(%+v) = %q, want %q", c.opts, got, c.want)
		}
	}
}

// TestDirNoticeNamesTheKeysThatFail: the trainer's notice of a directory that
// takes no file (dirNotice) says which keys will fail, the directory and why,
// as a key's note says it (session.KeysCannotWrite), and what to do, and of one
// that takes files, nothing, leaving nothing in it. A directory its user may
// not write is checked where that holds: root writes it all the same. The
// current directory, Linux's /proc/self, is named by its path, which gives way
// on a narrow screen, not "cannot write in this directory (permission denied)",
// which does not name it.
func TestDirNoticeNamesTheKeysThatFail(t *testing.T) {
	dir := t.TempDir()
	if got := dirNotice(dir); got != "" {
		t.Errorf("a writable directory: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left in it: %v", entries)
	}
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	const keys, out = "w, e, c and P will fail: ", session.LiveOnly + "; quit and start ganui where you can write" + session.LiveOnly
	sub := filepath.Join(file, "sub")
	cases := map[string]string{sub: keys + "the directory " + sub + " takes no new files (creating one there: not a directory)" + out}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		cases[ro] = keys + "the directory " + ro + " takes no new files (creating one there: permission denied)" + out
	}
	if st, err := os.Stat("/proc/self"); err == nil && st.IsDir() { // Linux's, which takes no file, as root too
		t.Chdir("/proc/self")
		cases[""] = keys + "the current directory" + session.GivesWay + " /proc/self" + session.GivesWay + " takes no new files" + session.GivesWay + " (creating one there: no such file or directory)" + session.GivesWay + out
	}
	for path, want := range cases {
		if got := dirNotice(path); got != want {
			t.Errorf("dirNotice(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestSweepSaysEachFailedCellOnItsLine: a sweep whose runs cannot be built as
// it trains (here two cells' points files, gone since the sweep was read) says
// each failing cell on a line of its own, naming the cell as its row does and
// the seeds it failed for, the cell that trained having its row, not the
// failures joined on one line, no cell named. The error is none of those the
// exit codes tell apart: exit 1. The summary line of the runs that trained
// ends the rows all the same, as a sweep with diverged cells has one, counting
// the runs that failed, "runs=2 diverged=0 failed=4", where it was left out.
func TestSweepSaysEachFailedCellOnItsLine(t *testing.T) {
	dir := t.TempDir()
	var targets []string
	for _, name := range []string{"a.csv", "b.csv", "c.csv"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("0,0\n1,1\n2,0\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		targets = append(targets, "points("+path+")")
	}
	opts, err := parseFlags([]string{"--headless", "--preset", "ring", "--epochs", "2", "--samples", "100", "--seeds", "1-2", "--jobs", "1",
		"--sweep", "target=" + strings.Join(targets, ",")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"b.csv", "c.csv"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	err = headlessSweep(opts, &stdout, &stderr)
	var usage usageError
	if err == nil || errors.As(err, &usage) || errors.Is(err, session.ErrInterrupted) {
		t.Fatalf("headlessSweep: %v; want the runs' failure", err)
	}
	if !strings.HasPrefix(stdout.String(), "sweep target="+targets[0]+" runs=2 ") {
		t.Errorf("stdout %q; want the first cell's row", stdout.String())
	}
	if rows := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n"); len(rows) != 2 || !strings.HasPrefix(rows[1], "summary ") ||
		!strings.Contains(rows[1], " cells=3 samples=100 seeds=1-2 runs=2 diverged=0 failed=4 sw1_floor=") {
		t.Errorf("stdout %q; want the first cell's row, then the summary of it, counting failed=4", stdout.String())
	}
	lines := errorLines(err)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want one for each failed cell:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	for i, line := range lines {
		if want := "sweep target=" + targets[i+1] + " seeds=1-2: "; !strings.HasPrefix(line, want) || !strings.Contains(line, "no such file") || strings.Contains(line, "\n") {
			t.Errorf("line %d: %q; want %q and why", i+1, line, want)
		}
	}
}

// TestSeedsSayTheFailedSeedsOnALine: a --seeds batch whose runs cannot be built
// as it trains (here their points file, gone since the batch was read: the
// target set after parsing, which read no file, and the runs trained without
// headlessSeeds's check, which finds it first) says each error on a line of its
// own, the seeds that failed with it named together as a sweep's cells name
// theirs, not the runs' errors joined on one line, the same error once a seed,
// no seed named. The error is none of those the exit codes tell apart: exit 1.
// The summary line ends the output all the same, as a sweep's does, counting
// the runs that failed, "runs=0 diverged=0 failed=3", where it was left out.
func TestSeedsSayTheFailedSeedsOnALine(t *testing.T) {
	opts, err := parseFlags([]string{"--headless", "--preset", "ring", "--epochs", "2", "--samples", "100", "--seeds", "1-3", "--jobs", "1"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	opts.Config.Target = "points(" + filepath.Join(t.TempDir(), "gone.csv") + ")"
	var stdout bytes.Buffer
	_, err = session.RunSeeds(context.Background(), opts.Options, opts.seeds, 1, &stdout, nil)
	var usage usageError
	var diverged *session.SeedsDivergedError
	if err == nil || errors.As(err, &usage) || errors.As(err, &diverged) || errors.Is(err, session.ErrInterrupted) {
		t.Fatalf("RunSeeds: %v; want the runs' failure", err)
	}
	if got := stdout.String(); !strings.HasPrefix(got, "summary ") || strings.Count(got, "\n") != 1 ||
		!strings.Contains(got, " seeds=1-3 runs=0 diverged=0 failed=3 jobs=1 ") {
		t.Errorf("stdout %q; want the summary, counting failed=3", got)
	}
	lines := errorLines(err)
	if len(lines) != 1 {
		t.Fatalf("%d lines, want one for the seeds' one error:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	if line := lines[0]; !strings.HasPrefix(line, "seeds=1-3: ") || !strings.Contains(line, "no such file") || strings.Contains(line, "\n") {
		t.Errorf("%q; want %q and why", line, "seeds=1-3: ")
	}
}

// TestUsageNamesWhatEachWayTakes: a flag that ganui takes beside a way's
// own flags is named on a usage line that has them all, so that what a
// command may add is read off the usage: --plot beside --seeds is the
// batch's line's, as a batch draws its figure.
func TestUsageNamesWhatEachWayTakes(t *testing.T) {
	value := usageValues(t.TempDir())
	design := strings.TrimPrefix(designUsage, "DESIGN: ")
	// flags reads a way's arguments as flags, each with its value (none
	// for a switch), split into those it needs and those it may add.
	type flag struct{ name, value string }
	flags := func(way string) (needs, may []flag) {
		args := usageArgs(strings.ReplaceAll(way, "[DESIGN]", design))
		for i, arg := range args {
			optional := strings.HasPrefix(arg, "[")
			if !optional && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && !strings.HasPrefix(args[i+1], "[") {
				arg += " " + args[i+1] // a needed flag's value, its next argument
			}
			for _, side := range strings.Split(strings.Trim(arg, "[]…"), " | ") {
				f := strings.Fields(side)
				if len(f) == 0 || !strings.HasPrefix(f[0], "--") {
					continue
				}
				fl := flag{name: f[0]}
				if len(f) > 1 {
					fl.value = value[f[1]]
				}
				if optional {
					may = append(may, fl)
				} else {
					needs = append(needs, fl)
				}
			}
		}
		return needs, may
	}
	var all []flag
	for _, way := range ways {
		needs, may := flags(way)
		for _, f := range append(needs, may...) {
			if !slices.ContainsFunc(all, func(g flag) bool { return g.name == f.name }) {
				all = append(all, f)
			}
		}
	}
	names := func(fs []flag) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.name)
		}
		return out
	}
	for _, way := range ways {
		needs, _ := flags(way)
		for _, add := range all {
			if slices.Contains(names(needs), add.name) {
				continue
			}
			given := append(slices.Clone(needs), add)
			var args []string
			for _, f := range given {
				args = append(args, f.name)
				if f.value != "" {
					args = append(args, f.value)
				}
			}
			if _, err := parseFlags(args, io.Discard); err != nil {
				continue // refused: no line need name it
			}
			named := slices.ContainsFunc(ways, func(w string) bool {
				n, m := flags(w)
				all := append(names(n), names(m)...)
				return !slices.ContainsFunc(names(n), func(f string) bool { return !slices.Contains(names(given), f) }) &&
					!slices.ContainsFunc(names(given), func(f string) bool { return !slices.Contains(all, f) })
			})
			if !named {
				t.Errorf("ganui %s is taken, but no usage line names its flags", strings.Join(args, " "))
			}
		}
	}
}

// TestSetOfSeveralValuesPointsToSweep: --set takes one value, and one
// written as --sweep writes several, each of which would train, is
// refused with the --sweep that trains each (--headless added where it was
// not given, as --sweep needs it), values separated by spaces or semicolons
// too, the --sweep given with commas. Values that would not all train, or
// one repeated, are refused as any other value is.
func TestSetOfSeveralValuesPointsToSweep(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_lr=1e-3,1e-2"},
			`ganui: --set: g_lr: "1e-3,1e-2" is not a number; allowed: (0,10]; --set takes one value: to train each, --sweep g_lr=1e-3,1e-2` + "\n"},
		{[]string{"--preset", "vanilla", "--set", "batch=50,100"},
			`ganui: --set: batch: "50,100" has commas; write it without them: 50100; --set takes one value: to train each, --headless --sweep batch=50,100` + "\n"}, // both readings: the number with its thousands grouped, and two
		// Separated by spaces, semicolons, or commas and spaces: the --sweep
		// with commas alone.
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_lr=1e-3 1e-2"},
			`ganui: --set: g_lr: "1e-3 1e-2" is not a number; allowed: (0,10]; --set takes one value: to train each, --sweep g_lr=1e-3,1e-2` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_lr=1e-3, 1e-2"},
			`ganui: --set: g_lr: "1e-3, 1e-2" is not a number; allowed: (0,10]; --set takes one value: to train each, --sweep g_lr=1e-3,1e-2` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "loss=bce;least_squares"},
			`ganui: --set: loss: "bce;least_squares" is not one of bce, least_squares, wasserstein, hinge; --set takes one value: to train each, --sweep loss=bce,least_squares` + "\n"},
		// A list's items separated by spaces are told so, not swept.
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_hidden=16 32"},
			`ganui: --set: g_hidden: widths are separated by commas: 16,32` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_lr=1e-3 1e-3"},
			`ganui: --set: g_lr: "1e-3 1e-3" is not a number; allowed: (0,10]` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_lr=1e-3,1e-3"},
			`ganui: --set: g_lr: "1e-3,1e-3" is not a number; allowed: (0,10]` + "\n"},
		// A target, checked once every --set is in, is told its sweep
		// too, separated outside its brackets.
		{[]string{"--headless", "--preset", "vanilla", "--set", "target=normal(4,1) normal(3,1)"},
			`ganui: --set: target "normal(4,1) normal(3,1)": "normal(3,1)" follows the target normal(4,1); give one target (normals together are mixture(mean,std;mean,std;…)); --set takes one value: to train each, --sweep 'target=normal(4,1),normal(3,1)'` + "\n"},
		{[]string{"--preset", "vanilla", "--set", "target=normal(4,1),normal(3,1)"},
			`ganui: --set: target "normal(4,1),normal(3,1)": ",normal(3,1)" follows the target normal(4,1); give one target (normals together are mixture(mean,std;mean,std;…)); --set takes one value: to train each, --headless --sweep 'target=normal(4,1),normal(3,1)'` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_lr=1e-3,x"},
			`ganui: --set: g_lr: "1e-3,x" is not a number; allowed: (0,10]` + "\n"},
		// Spaces beside the '=' are told with the same way on: one
		// mechanism, read of the setting without them.
		{[]string{"--headless", "--preset", "vanilla", "--set", "gp= 1.5,5"},
			`ganui: --set: "gp= 1.5,5" has spaces around its =, and "1.5,5" is not a number; allowed: 0 (off) or (0,1000]; --set takes one value: to train each, --sweep gp=1.5,5` + "\n"},
		{[]string{"--preset", "vanilla", "--set", " g_lr =1e-3;1e-2"},
			`ganui: --set: " g_lr =1e-3;1e-2" has spaces before its key, and "1e-3;1e-2" is not a number; allowed: (0,10]; --set takes one value: to train each, --headless --sweep g_lr=1e-3,1e-2` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "target= normal(4,1) normal(3,1)"},
			`ganui: --set: "target= normal(4,1) normal(3,1)" has spaces around its =, and "normal(3,1)" follows the target normal(4,1); give one target (normals together are mixture(mean,std;mean,std;…)); --set takes one value: to train each, --sweep 'target=normal(4,1),normal(3,1)'` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "gp= 5"},
			`ganui: --set: "gp= 5" has spaces around its =; write gp=5` + "\n"},
		// A list key's bare list is its one list, refused whole, not two
		// values: --sweep g_hidden=4096,4000 would train a layer of each.
		// In brackets, its values are several.
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_hidden=4096,4000"},
			`ganui: --set: g_hidden: the generator would hold 17,214,484 weights and activations (batch/g_out rows × widths), more than the 16,777,216 a network may hold (about 419 MB of memory); a batch of at most 46 fits these widths, or give narrower layers` + "\n"},
		{[]string{"--headless", "--preset", "vanilla", "--set", "g_hidden=[16],[32]"},
			`ganui: --set: g_hidden: want a list of integers, got [16],[32]; --set takes one value: to train each, --sweep 'g_hidden=[16],[32]'` + "\n"},
	} {
		code, stdout, stderr := runCLI(t, c.args...)
		if code != 2 || stdout != "" || stderr != c.want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

// TestTypedDir: the line of a run quit at once names the directory its
// files were to go to as the user would type it: the current one in
// words, one under it by its path from there, where each had been named
// by its absolute path ("nothing was written to /home/me/runs" for the
// directory ganui was started in); one elsewhere by its absolute path;
// a name a shell would not read as one word quoted ("'my runs'"), where it
// stood bare in the line, "nothing was written to my runs".
func TestTypedDir(t *testing.T) {
	here, err := os.Getwd()
	if err != nil {
		t.Skip(err)
	}
	above := filepath.Dir(here)
	for dir, want := range map[string]string{
		"":                                "the current directory",
		".":                               "the current directory",
		here:                              "the current directory",
		"runs":                            "runs",
		filepath.Join(here, "runs/today"): filepath.Join("runs", "today"),
		"..":                              above,
		filepath.Join(above, "..runs"):    filepath.Join(above, "..runs"),
		filepath.Join(here, "..runs"):     "..runs",
		"my runs":                         "'my runs'",
		filepath.Join(above, "my runs"):   "'" + filepath.Join(above, "my runs") + "'",
	} {
		if got := typedDir(dir); got != want {
			t.Errorf("typedDir(%q) = %q, want %q", dir, got, want)
		}
	}
}

// TestEveryZeroGoesWithManyRuns: --every 0 asks for no progress lines,
// which --seeds and --sweep print none of, so a script that always
// passes it trains the runs as without it, where it was told "drop
// --every"; any other --every is still refused with them.
func TestEveryZeroGoesWithManyRuns(t *testing.T) {
	for _, batch := range [][]string{{"--seeds", "1-2"}, {"--sweep", "d_lr=1e-3,2e-3"}} {
		args := append([]string{"--headless", "--preset", "vanilla", "--epochs", "2"}, batch...)
		// The clock's figures, and the columns their widths set, differ run to run.
		timed := regexp.MustCompile(`(?m)(epochs_per_s|train_s|wall_s)( +median)?=.*$| +`)
		untimed := func(s string) string { return timed.ReplaceAllString(s, "$1 ") }
		_, want, wantErr := runCLI(t, args...)
		code, stdout, stderr := runCLI(t, append(args, "--every", "0")...)
		if code != 0 || untimed(stdout) != untimed(want) || stderr != wantErr {
			t.Errorf("%q --every 0: exit %d, stdout %q, stderr %q; want exit 0, %q and %q", args, code, stdout, stderr, want, wantErr)
		}
		code, _, stderr = runCLI(t, append(args, "--every", "5")...)
		if code != exitUsage || !strings.Contains(stderr, "drop --every") {
			t.Errorf("%q --every 5: exit %d, stderr %q; want exit 2 and drop --every", args, code, stderr)
		}
	}
}

// TestSweepPlanQuotesAsItsRows: the plan line names a value as the sweep's
// rows on stdout do, quoted where it holds a space, so that a cell of
// points(my pts.csv) reads as one, as its row's target="points(my pts.csv)".
func TestSweepPlanQuotesAsItsRows(t *testing.T) {
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var pts strings.Builder
	pts.WriteString("x,y\n")
	for i := range 50 {
		fmt.Fprintf(&pts, "%d,%d\n", i%7, i%5)
	}
	if err := os.WriteFile(filepath.Join(dir, "my pts.csv"), []byte(pts.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	sw, err := session.ParseSweep([]string{"target=points(my pts.csv),ring(8,2,0.02)"}, ring, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sweepPlan(sw, []uint64{1}, 100), `ganui: sweep of 2 cells × seed 1: target="points(my pts.csv)" target=ring(8,2,0.02)`; got != want {
		t.Errorf("a value with a space:\n got  %q\n want %q", got, want)
	}
}

// TestSweepOfPresetsSaysTheirPlans: a sweep over presets whose own plans
// differ says each preset's plan on stderr before it trains, for its rows,
// its summary and its figure name none, so that a preset that trained
// longer read as the better design; --epochs, which trains each as long,
// and presets of one plan say nothing more.
func TestSweepOfPresetsSaysTheirPlans(t *testing.T) {
	dir := t.TempDir()
	for name, design := range map[string][]string{
		"short.json": {"--epochs", "2"},
		"long.json":  {"--epochs", "3", "--set", "d_lr=1e-3"},
		"same.json":  {"--epochs", "2", "--set", "d_lr=2e-3"},
	} {
		code, out, errs := runCLI(t, append([]string{"--show-preset", "vanilla"}, design...)...)
		if code != 0 {
			t.Fatalf("--show-preset: exit %d, %s", code, errs)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	const note = "ganui: note: the presets train plans of their own, short.json 2 epochs, long.json 3, which no row names: --epochs N trains each for N\n"
	for _, c := range []struct {
		args []string
		note bool
	}{
		{[]string{"--sweep", "preset=short.json,long.json"}, true},
		{[]string{"--sweep", "preset=short.json,long.json", "--sweep", "g_lr=1e-3,1e-2"}, true},
		{[]string{"--sweep", "preset=short.json,long.json", "--epochs", "2"}, false},
		{[]string{"--sweep", "preset=short.json,same.json"}, false},
		{[]string{"--sweep", "preset=short.json,long.json", "--sweep", "epochs=2,3"}, false},
	} {
		code, _, stderr := runCLI(t, append([]string{"--headless", "--jobs", "1"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d, stderr %q", c.args, code, stderr)
		}
		if strings.Contains(stderr, note) != c.note {
			t.Errorf("%q: stderr %q; want the plans' note: %v", c.args, stderr, c.note)
		}
		if !c.note && strings.Contains(stderr, "plans of their own") {
			t.Errorf("%q: stderr %q says plans of their own", c.args, stderr)
		}
	}
}
