// Package cliflag writes the standard flag package's help and errors as
// ganui's usage writes its flags: with two hyphens (--epochs, where the
// flag package says -epochs), each error on one line, an unknown flag with
// the one it was likely meant to be, a flag copied from a web page with a
// typographic dash named as the flag, and a flag given twice refused
// where the flag package keeps its last value silently.
//
// The flag set is the caller's, parsed as usual with
// flag.ContinueOnError; this package only restates what it reports.
package cliflag

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/suggest"
	"github.com/ganui/ganui/internal/textwrap"
	"github.com/ganui/ganui/internal/visible"
)

// Group is a part of the flags PrintDefaults lists, under its title,
// in its order: the flags of one use (a headless run's), which a list
// in the alphabet's order scatters.
type Group struct {
	Title string
	Flags []string
}

// PrintDefaults lists the flags of fs as flag.PrintDefaults does, but
// written as a usage writes them (--epochs N), each description wrapped
// to width columns, with the defaults that differ from none and that it
// does not state itself; -h, --help's other name, is named on --help's
// line. Words a description keeps together (numtext.Together: a range,
// "1 to 100,000") stay on one line, printed with plain spaces. The flags
// are listed by groups, a blank line between them; a flag no group names
// comes after them, under "other:" (under "flags:" where there are no
// groups), so that none goes unlisted.
func PrintDefaults(w io.Writer, fs *flag.FlagSet, width int, groups ...Group) {
	named := map[string]bool{"h": true}
	for _, g := range groups {
		for _, name := range g.Flags {
			named[name] = true
		}
	}
	rest := Group{Title: "other:"}
	if len(groups) == 0 {
		rest.Title = "flags:"
	}
	fs.VisitAll(func(f *flag.Flag) {
		if !named[f.Name] {
			rest.Flags = append(rest.Flags, f.Name)
		}
	})
	if len(rest.Flags) > 0 {
		groups = append(groups, rest)
	}
	for i, g := range groups {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, g.Title)
		for _, name := range g.Flags {
			if f := fs.Lookup(name); f != nil { // a name that is no flag of fs: that flag is under "other:"
				printFlag(w, f, width)
			}
		}
	}
}

// printFlag is f's entry in PrintDefaults: its name and argument on a
// line, its description under it.
func printFlag(w io.Writer, f *flag.Flag, width int) {
	arg, text := flag.UnquoteUsage(f)
	if arg != "" {
		arg = " " + arg
	}
	if f.Name == "help" {
		arg = ", -h"
	}
	if d := f.DefValue; d != "" && d != "false" && !strings.Contains(text, "(default") {
		text += " (default " + d + ")"
	}
	fmt.Fprintf(w, "  --%s%s\n", f.Name, arg)
	for _, l := range Wrap(text, width-8) {
		fmt.Fprintf(w, "    \t%s\n", numtext.Plain(l)) // the tab to column 8, as PrintDefaults has it
	}
}

// Wrap breaks text into lines of at most width columns as the trainer's
// screen does (textwrap.Wrap): at spaces, tabs and line ends, a word
// longer than that on a line of its own, a non-breaking space
// (numtext.Together) part of a word, and no paragraph ending on a word
// alone where the line above can spare one ("… the" over "value." in a
// flag's description at 70 columns). A key, a word of one character that
// is no letter or digit, stays with the words either side of it: a line
// neither ends nor starts with one, so that a pair of keys the text
// quotes ("[ and ] change it") is read whole, where "[" at the end of one
// line and "and ] change it" at the start of the next read as a bracket.
func Wrap(text string, width int) []string {
	var units []string // the words, each key tied to those beside it
	joinNext := false
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) {
		key := isKey(word)
		if len(units) > 0 && (key || joinNext) {
			units[len(units)-1] += keyTie + word
		} else {
			units = append(units, word)
		}
		joinNext = key || TakesNext(word)
	}
	lines := textwrap.Wrap(strings.Join(units, " "), width)
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, keyTie, " ")
	}
	return lines
}

// TakesNext reports whether word is a flag the word after it is the
// argument of, as a text writes one: --plot, --set, not --resume, nor
// (--seed=3), so that a flag and its argument ("--set g_lr=1e-3") stay on
// one line, where "--set" at the end of a line over "g_lr=1e-3" would read
// as a flag given alone.
func TakesNext(word string) bool {
	return strings.HasPrefix(word, "--") && len(word) > 2 && !strings.ContainsAny(word, "=,;.)")
}

// keyTie is the space Wrap ties a key to a word with, one column wide and
// no plain space, so that textwrap.Wrap does not break there: a figure
// space (U+2007), which no text Wrap is given writes.
const keyTie = "\u2007"

// isKey reports whether word is one character that is no letter or
// digit: a key, such as [ or ], as a text names it.
func isKey(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// Error restates err, an error of fs.Parse, as a usage error is put: the
// flag written with two hyphens, an unknown one with the flag of fs it
// was likely meant to be, and a pointer to --help, on one line: a line
// break in what was given is written as a Go string writes it
// (visible.String), "unknown flag --ep\nochs (did you mean --epochs?)",
// not cut off at the break, "unknown flag --ep".
func Error(err error, fs *flag.FlagSet) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		name = strings.TrimPrefix(name, "-")
		if hint := dashHint(name, fs); hint != "" { // -—epochs
			return errors.New("unknown flag --" + visible.String(name) + hint)
		}
		if hint := nearest(name, fs, nil); hint != "" {
			return errors.New("unknown flag --" + visible.String(name) + hint)
		}
		msg = "unknown flag --" + name
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		msg = "--" + name + " needs a value"
	} else if rest, ok := strings.CutPrefix(msg, "invalid boolean value "); ok {
		// `"maybe" for -headless: parse error`
		if i := strings.LastIndex(rest, " for -"); i >= 0 {
			name, _, _ := strings.Cut(rest[i+len(" for -"):], ":")
			msg = fmt.Sprintf("--%s: %s is not true or false", name, rest[:i])
		}
	}
	return errors.New(visible.String(msg) + seeHelp())
}

// Stray is the error for arg, an argument where fs.Parse stopped that is
// no flag: a flag's name written with a typographic dash, or without its
// dashes (ganui headless), is named as the flag; a word that is, or is
// near, one of values' keys, each a value of the flag it maps to, is
// named with that flag (ganui rign: "did you mean --preset ring?"), by
// the one spelling suggester as the flags, so that the nearest of either
// is said. The argument is written as a shell reads it back
// (shellword.Quote), as the words of the command line ganui names are.
func Stray(arg string, fs *flag.FlagSet, values map[string]string) error {
	if hint := dashHint(arg, fs); hint != "" {
		return fmt.Errorf("unexpected argument %s%s", shellword.Quote(arg), hint)
	}
	hint := seeHelp()
	if near := nearest(arg, fs, values); near != "" && !strings.HasPrefix(arg, "-") { // not after --
		hint = near
	}
	return fmt.Errorf("unexpected argument %s%s", shellword.Quote(arg), hint)
}

// seeHelp is " (see ganui --help)", the program as the user started it
// (command.Line): " (see go run . --help)" after go run .
func seeHelp() string {
	return " (see " + command.Line("--help") + ")"
}

// nearest is " (did you mean --NAME?)" for the flags of fs nearest to
// name (-h aside: --help is its name), and of the words of values, each
// written after its flag (--preset ring), or "" when none is near.
//
// What a flag --list-THINGS lists is a name too, nearest to the flag
// that lists them: --presets, a plural, is meant to list the presets as
// often as to pick one, so it is answered with both, the one that lists
// first, "(did you mean --list-presets (to list them) or --preset
// NAME?)", where the flag nearest the word alone, --preset, was all that
// was said, and it lists nothing.
func nearest(name string, fs *flag.FlagSet, values map[string]string) string {
	show := map[string]string{}
	var names, flags []string
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name != "h" {
			names = append(names, f.Name)
			flags = append(flags, f.Name)
			show[f.Name] = "--" + f.Name
		}
	})
	lists := map[string]bool{} // the things a --list-THINGS lists
	for _, f := range flags {
		if things, ok := strings.CutPrefix(f, "list-"); ok && things != "" && show[things] == "" {
			names = append(names, things)
			show[things] = "--" + f + " (to list them)"
			lists[things] = true
		}
	}
	for _, v := range slices.Sorted(maps.Keys(values)) {
		if _, ok := show[v]; !ok {
			names = append(names, v)
			show[v] = "--" + values[v] + " " + v
		}
	}
	var said []string
	for _, n := range suggest.Nearest(name, names) {
		said = append(said, show[n])
		if !lists[n] {
			continue
		}
		for _, f := range suggest.Nearest(n, flags) { // --preset for presets: the one that picks
			if s := "--" + f + pickArg(fs.Lookup(f)); !slices.Contains(said, s) && !slices.Contains(said, show[f]) {
				said = append(said, s)
			}
		}
	}
	return suggest.Say(said)
}

// pickArg is " NAME" for f, the argument its usage names (NAME of
// NAME|FILE.json, the first of its forms: the name of a thing another
// flag lists), or "" for a flag that takes none.
func pickArg(f *flag.Flag) string {
	arg, _ := flag.UnquoteUsage(f)
	if arg == "" {
		return ""
	}
	arg, _, _ = strings.Cut(arg, "|")
	return " " + arg
}

// dashHint is ": its dash is U+2014, not a flag's hyphens (did you mean
// --epochs?)" for arg, a flag written with a dash that is no hyphen
// (typographicFlag), when the name after it is a flag of fs or near one;
// else "".
func dashHint(arg string, fs *flag.FlagSet) string {
	dash, name, ok := typographicFlag(arg)
	if !ok {
		return ""
	}
	if name == "h" {
		name = "help" // -h's other name, the one a usage writes
	}
	hint := nearest(name, fs, nil)
	if fs.Lookup(name) != nil {
		hint = " (did you mean --" + name + "?)"
	}
	if hint == "" {
		return ""
	}
	return fmt.Sprintf(": its dash is %U, not a flag's hyphens%s", dash, hint)
}

// typographicFlag reads arg as a flag written with a dash that is not
// the ASCII hyphen, as a web page, a word processor or a chat program
// turns "--" into when a command is copied from it ("—epochs", an em
// dash; "–seed=3", an en dash): the first such dash and the name after
// the dashes, up to an "=". The flag package takes such an argument for
// no flag, which ends the flags, and its look is the flag's.
func typographicFlag(arg string) (dash rune, name string, ok bool) {
	rest := strings.TrimLeftFunc(arg, func(r rune) bool {
		switch {
		case r == '-':
		case r >= '\u2010' && r <= '\u2015', r == '\u2212', r == '\ufe58', r == '\ufe63', r == '\uff0d':
			if dash == 0 {
				dash = r
			}
		default:
			return false
		}
		return true
	})
	name, _, _ = strings.Cut(rest, "=")
	return dash, name, dash != 0 && name != ""
}

// OnlyOnce makes every flag of fs but the repeatable ones refuse a
// second value, and returns where the name of a flag given twice is
// recorded, for the caller to say so when fs.Parse fails: flag.Parse
// itself keeps the last value silently. Call it once every flag is
// defined.
func OnlyOnce(fs *flag.FlagSet, repeatable ...string) *string {
	twice := new(string)
	fs.VisitAll(func(f *flag.Flag) {
		if !slices.Contains(repeatable, f.Name) {
			f.Value = &onceValue{Value: f.Value, name: f.Name, twice: twice}
		}
	})
	return twice
}

// onceValue is a flag.Value that takes one value only.
type onceValue struct {
	flag.Value
	name  string
	set   bool
	twice *string
}

func (v *onceValue) Set(s string) error {
	if v.set {
		*v.twice = v.name
		return errors.New("given twice")
	}
	v.set = true
	return v.Value.Set(s)
}

// IsBoolFlag passes on whether the flag is a switch (--headless), which
// flag.Parse asks of its Value.
func (v *onceValue) IsBoolFlag() bool {
	b, ok := v.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// NoFlagAsValue makes every flag of fs that takes a value refuse one that
// is a flag of fs, as a value left out leaves it (--preset --epochs 5),
// and returns where the error saying so is put, in the words the flag
// package's "flag needs an argument" is restated in, for the caller to
// give when fs.Parse fails: "--preset needs a value: --epochs, after it,
// is a flag". The flag package takes the next argument as the value
// whatever it is: --preset --epochs 5 would be `unexpected argument
// "5"`, --preset - --epochs 5 the same, and --log --epochs would write a
// file named --epochs. A value written after the flag's "=" is no value
// left out (--preset=--epochs), and is the flag's: args, what fs.Parse
// is given, tell the spellings apart, which the flag package does not.
//
// The flags named files write a file of the name they are given, and
// refuse any that starts with a hyphen but "-" (left to the caller, which
// says what "-" would have been): such a name reads as a flag, whether it
// is one of fs or not, and a file of that name, once written, is awkward
// to name to any other program. --log -x is refused, and, as for "-",
// the error gives the way out: "--log -x: a name that
// starts with - reads as a flag: name a file (./-x for one named -x)".
//
// Call it once every flag is defined.
func NoFlagAsValue(fs *flag.FlagSet, args []string, files ...string) *error {
	bad := new(error)
	spelt := &spelling{args: args}
	fs.VisitAll(func(f *flag.Flag) {
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			f.Value = &notFlagValue{Value: f.Value, fs: fs, name: f.Name, file: slices.Contains(files, f.Name), spelt: spelt, bad: bad}
		}
	})
	return bad
}

// notFlagValue is a flag.Value that refuses a flag of fs as its value,
// unless written after the flag's "=", and a name that reads as a flag as
// a file's (file).
type notFlagValue struct {
	flag.Value
	fs    *flag.FlagSet
	name  string
	file  bool
	spelt *spelling
	bad   *error
}

func (v *notFlagValue) Set(s string) error {
	attached := v.spelt.attached(v.name)
	dashes := len(s) - len(strings.TrimLeft(s, "-"))
	name, _, _ := strings.Cut(s[dashes:], "=")
	switch {
	case !attached && (dashes == 1 || dashes == 2) && v.fs.Lookup(name) != nil:
		*v.bad = fmt.Errorf("--%s needs a value: %s, after it, is a flag%s", v.name, s, seeHelp())
	case v.file && dashes > 0 && s != "-":
		q := shellword.Quote(s) // "-my run" as a shell reads it back, and ./ before it
		*v.bad = fmt.Errorf("--%s %s: a name that starts with - reads as a flag: name a file (%s for one named %s)", v.name, q, shellword.Quote("./"+s), q)
	default:
		return v.Value.Set(s)
	}
	return *v.bad
}

// spelling follows fs.Parse through its arguments, args, to tell a value
// written after its flag's "=" from one written as the next argument.
// The flag package parses args in order, setting each flag that takes a
// value as it meets it: between the argument last read (next) and the
// flag now set, there are only switches, which take no value apart.
type spelling struct {
	args []string
	next int
}

// attached reports whether the value of the flag name, now being set,
// was written after its "=" (--log=x, -log=x), and moves past it.
func (s *spelling) attached(name string) bool {
	for i := s.next; i < len(s.args); i++ {
		arg := s.args[i]
		dashes := len(arg) - len(strings.TrimLeft(arg, "-"))
		if dashes != 1 && dashes != 2 {
			continue
		}
		n, _, eq := strings.Cut(arg[dashes:], "=")
		if n != name {
			continue
		}
		s.next = i + 2
		if eq {
			s.next = i + 1
		}
		return eq
	}
	return false
}
