package cliflag

import (
	"bytes"
	"flag"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/visible"
)

// flags is a small set as a program defines it: a switch, a number, a
// repeatable value, and help under both its names.
func flags() (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Bool("help", false, "print this help and exit")
	fs.Bool("h", false, "print this help and exit")
	fs.Bool("headless", false, "train without a UI")
	fs.Int("epochs", 0, "train `N` epochs")
	fs.Func("set", "change a `key=value`", func(string) error { return nil })
	return fs, OnlyOnce(fs, "set", "help", "h")
}

// parseError is a command line that flags() refuses and what Error says
// of it.
type parseError struct {
	args []string
	want string
}

// wantErrors parses each case's args with a fresh flags() and checks
// that they are refused in the words the case wants.
func wantErrors(t *testing.T, cases []parseError) {
	t.Helper()
	for _, tc := range cases {
		fs, _ := flags()
		err := fs.Parse(tc.args)
		if err == nil {
			t.Fatalf("%q parsed", tc.args)
		}
		if got := Error(err, fs).Error(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
}

func TestErrorWritesFlagsAsTheUsageDoes(t *testing.T) {
	wantErrors(t, []parseError{
		{[]string{"--epoch", "5"}, "unknown flag --epoch (did you mean --epochs?)"},
		{[]string{"--zzzzzz"}, "unknown flag --zzzzzz (see ganui --help)"},
		{[]string{"-—epochs=5"}, "unknown flag --—epochs: its dash is U+2014, not a flag's hyphens (did you mean --epochs?)"},
		{[]string{"--epochs"}, "--epochs needs a value (see ganui --help)"},
		{[]string{"--headless=maybe"}, `--headless: "maybe" is not true or false (see ganui --help)`},
	})
}

// TestErrorNamesTheFlagWhole: a flag's name or an argument with a line break in
// it is named whole, on one line, the break written as a Go string writes it,
// and the flag meant is named as without the break; the text from the break on
// is not cut off, "unknown flag --ep (see prog --help)" for
// --ep<newline>ochs=5.
func TestErrorNamesTheFlagWhole(t *testing.T) {
	wantErrors(t, []parseError{
		{[]string{"--ep\nochs=5"}, `unknown flag --ep\nochs (did you mean --epochs?)`},
		{[]string{"--zz\nzzzz"}, `unknown flag --zz\nzzzz (see ganui --help)`},
		{[]string{"---a\nb"}, `bad flag syntax: ---a\nb (see ganui --help)`},
	})
}

// TestFlagAsValueNeedsAValue: a flag where a flag's value belongs (the value
// left out) is told as the flag package's missing value is, not taken as the
// value; a value that merely begins with a hyphen, a negative number or a name,
// is the flag's, as is one written after the flag's "=" (--set=--epochs, not
// told it needs a value). A file's name that begins with a hyphen (--log -x,
// which would write a file named -x) is refused with the way to write one.
func TestFlagAsValueNeedsAValue(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--epochs", "--headless"}, "--epochs needs a value: --headless, after it, is a flag (see ganui --help)"},
		{[]string{"--set", "-epochs=5"}, "--set needs a value: -epochs=5, after it, is a flag (see ganui --help)"},
		{[]string{"--set", "--help"}, "--set needs a value: --help, after it, is a flag (see ganui --help)"},
		{[]string{"--epochs", "-5"}, ""},
		{[]string{"--set", "-"}, ""},
		{[]string{"--set", "---epochs"}, ""},
		{[]string{"--set", "--nope"}, ""},
		// After the flag's "=", a value is written, not left out.
		{[]string{"--set=--epochs"}, ""},
		{[]string{"-set=-epochs=5", "--set", "--epochs"}, "--set needs a value: --epochs, after it, is a flag (see ganui --help)"},
		{[]string{"--help", "--set=--headless", "-h=false", "--set", "a=1"}, ""},
		{[]string{"--set=--epochs", "--headless", "--set", "--epochs"}, "--set needs a value: --epochs, after it, is a flag (see ganui --help)"},
		// A file's name that reads as a flag is refused, spelt either
		// way; "-" is the caller's.
		{[]string{"--log", "-x"}, "--log -x: a name that starts with - reads as a flag: name a file (./-x for one named -x)"},
		{[]string{"--log=--epochs"}, "--log --epochs: a name that starts with - reads as a flag: name a file (./--epochs for one named --epochs)"},
		{[]string{"--log", "--epochs"}, "--log needs a value: --epochs, after it, is a flag (see ganui --help)"},
		{[]string{"--log", "-5"}, "--log -5: a name that starts with - reads as a flag: name a file (./-5 for one named -5)"},
		// One a shell would not read as one word is quoted, as it is
		// to be given: ./-my run read as two names.
		{[]string{"--log", "-my run.csv"}, "--log '-my run.csv': a name that starts with - reads as a flag: name a file ('./-my run.csv' for one named '-my run.csv')"},
		{[]string{"--log", "-"}, ""},
		{[]string{"--log", "./-x"}, ""},
	} {
		fs, _ := flags()
		fs.String("log", "", "write to `FILE`")
		bad := NoFlagAsValue(fs, tc.args, "log")
		err := fs.Parse(tc.args)
		got := ""
		if *bad != nil {
			got = (*bad).Error()
		}
		if got != tc.want || (tc.want != "") != (err != nil) {
			t.Errorf("%q: parse error %v, error %q; want %q", tc.args, err, got, tc.want)
		}
	}
}

func TestStrayNamesTheFlagMeant(t *testing.T) {
	for arg, want := range map[string]string{
		"headless": `unexpected argument headless (did you mean --headless?)`,
		"—epochs":  `unexpected argument '—epochs': its dash is U+2014, not a flag's hyphens (did you mean --epochs?)`,
		"–h":       `unexpected argument '–h': its dash is U+2013, not a flag's hyphens (did you mean --help?)`,
		"-headles": `unexpected argument -headles (see ganui --help)`, // after --: a value, not a flag
		"picture":  `unexpected argument picture (see ganui --help)`,
	} {
		fs, _ := flags()
		if got := Stray(arg, fs, nil).Error(); got != want {
			t.Errorf("%q:\n got %s\nwant %s", arg, got, want)
		}
	}
}

func TestStrayNamesTheValueMeantWithItsFlag(t *testing.T) {
	values := map[string]string{"ring": "preset", "epoch": "unit"}
	for arg, want := range map[string]string{
		"ring":   `unexpected argument ring (did you mean --preset ring?)`,
		"rign":   `unexpected argument rign (did you mean --preset ring?)`,
		"epochs": `unexpected argument epochs (did you mean --epochs?)`,
		"epochz": `unexpected argument epochz (did you mean --epochs or --unit epoch?)`, // a tie: both
	} {
		fs, _ := flags()
		if got := Stray(arg, fs, values).Error(); got != want {
			t.Errorf("%q:\n got %s\nwant %s", arg, got, want)
		}
	}
}

// TestAPluralNamesTheFlagThatListsThem: a flag named as what a --list-THINGS
// flag lists, --presets, is meant to list them as often as to pick one, and is
// answered with both, the one that lists first; a bare word too. Without it,
// "unknown flag --presets (did you mean --preset?)", and --preset lists none.
func TestAPluralNamesTheFlagThatListsThem(t *testing.T) {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("preset", "", "the design, `NAME|FILE.json`")
	fs.Bool("list-presets", false, "list the presets")
	fs.Bool("headless", false, "train without a UI")
	for _, tc := range []struct{ args, want string }{
		{"--presets", "unknown flag --presets (did you mean --list-presets (to list them) or --preset NAME?)"},
		{"--PRESETS", "unknown flag --PRESETS (did you mean --list-presets (to list them) or --preset NAME?)"},
		{"--list-preset", "unknown flag --list-preset (did you mean --list-presets?)"},
		{"--prest", "unknown flag --prest (did you mean --preset?)"},
	} {
		err := fs.Parse([]string{tc.args})
		if err == nil {
			t.Fatalf("%s parsed", tc.args)
		}
		if got := Error(err, fs).Error(); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.args, got, tc.want)
		}
	}
	want := `unexpected argument presets (did you mean --list-presets (to list them) or --preset NAME?)`
	if got := Stray("presets", fs, map[string]string{"ring": "preset"}).Error(); got != want {
		t.Errorf("presets:\n got %s\nwant %s", got, want)
	}
}

func TestOnlyOnceRefusesASecondValue(t *testing.T) {
	fs, _ := flags()
	if err := fs.Parse([]string{"--set", "a=1", "--set", "b=2", "--epochs", "3"}); err != nil {
		t.Fatalf("repeatable --set refused: %v", err)
	}
	fs, twice := flags()
	if err := fs.Parse([]string{"--epochs", "3", "--epochs", "4"}); err == nil || *twice != "epochs" {
		t.Fatalf("--epochs twice: err %v, recorded %q", err, *twice)
	}
	fs, twice = flags()
	if err := fs.Parse([]string{"--headless", "--headless=false"}); err == nil || *twice != "headless" {
		t.Fatalf("a switch twice: err %v, recorded %q", err, *twice)
	}
	fs, _ = flags()
	if err := fs.Parse([]string{"--headless", "--epochs", "3"}); err != nil {
		t.Fatalf("a switch before a flag (IsBoolFlag passed on): %v", err)
	}
}

func TestPrintDefaultsWritesTwoHyphensAndWraps(t *testing.T) {
	fs, _ := flags()
	fs.String("log", "", strings.Repeat("word ", 30)+"end")
	var b bytes.Buffer
	PrintDefaults(&b, fs, 40)
	out := b.String()
	for _, want := range []string{"  --epochs N\n", "  --help, -h\n", "  --set key=value\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "\n  --h\n") || strings.Contains(out, "\n  -epochs") {
		t.Errorf("-h listed on its own or a flag with one hyphen:\n%s", out)
	}
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if text, ok := strings.CutPrefix(l, "    \t"); ok && len(text) > 40-8 {
			t.Errorf("line of %d characters past the width: %q", len(text), l)
		}
	}
}

// TestPrintDefaultsByGroups: the flags are listed by group, under each
// title, in the group's order, and a flag no group names under "other:",
// not left out.
func TestPrintDefaultsByGroups(t *testing.T) {
	fs, _ := flags()
	var b bytes.Buffer
	PrintDefaults(&b, fs, 80, Group{"the run:", []string{"set", "epochs"}}, Group{"exit:", []string{"help", "nope"}})
	var got []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l != "" && !strings.HasPrefix(l, "    \t") {
			got = append(got, l)
		}
	}
	want := []string{"the run:", "  --set key=value", "  --epochs N", "exit:", "  --help, -h", "other:", "  --headless"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestWrapKeepsLongWordsWhole(t *testing.T) {
	got := Wrap("a bb ccc dddddddddd e", 5)
	want := []string{"a bb", "ccc", "dddddddddd", "e"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestWrapKeepsKeysWithTheirWords: a key, one character that is no letter or
// digit, neither ends a line nor starts one, so that a pair of keys stays
// whole, with the words either side of it: --speed's "[ and ] change it" does
// not break after the "[".
func TestWrapKeepsKeysWithTheirWords(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  []string
	}{
		{"saved at; [ and ] change it", 12, []string{"saved", "at; [ and ] change", "it"}},
		{"saved at; [ and ] change it", 21, []string{"saved", "at; [ and ] change it"}},
		{"the keys + and - zoom in", 12, []string{"the", "keys + and - zoom", "in"}},
	} {
		if got := Wrap(c.text, c.width); !slices.Equal(got, c.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// FuzzErrorAndStray: no command line makes Error or Stray panic; what
// either says of it is one line, an unknown flag named whole (its line
// break written \n), and a flag it suggests is one of the set's, written
// with two hyphens.
func FuzzErrorAndStray(f *testing.F) {
	for _, args := range []string{
		"--epoch\x005", "--zzzzzz", "-—epochs=5", "--epochs", "--headless=maybe",
		"headless", "—epochs", "–h", "--\x00-headles", "picture",
		"--epochs\x003\x00--epochs\x004", "--set\x00a=1\x00--set", "-\u2212h", "--a\nb", "\ufe63\ufe63", "--ep\nochs=5",
	} {
		f.Add(args)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		fs, _ := flags()
		var err error
		if perr := fs.Parse(strings.Split(joined, "\x00")); perr != nil {
			err = Error(perr, fs)
			if name, ok := strings.CutPrefix(perr.Error(), "flag provided but not defined: -"); ok {
				if want := "unknown flag --" + visible.String(strings.TrimPrefix(name, "-")); !strings.HasPrefix(err.Error(), want) {
					t.Fatalf("%q: %q, want the flag named whole: %s", joined, err, want)
				}
			}
		} else if fs.NArg() > 0 {
			err = Stray(fs.Arg(0), fs, nil)
		} else {
			return
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") {
			t.Fatalf("%q: %q is more than one line", joined, msg)
		}
		if _, near, ok := strings.Cut(msg, "(did you mean --"); ok {
			name, _, _ := strings.Cut(near, "?)")
			if fs.Lookup(name) == nil {
				t.Fatalf("%q: %q suggests --%s, no flag of the set", joined, msg, name)
			}
		}
	})
}
