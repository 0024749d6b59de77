package session

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/presets"
)

// SweepAxis is one key of a sweep over settings and the values it takes,
// as --sweep key=v1,v2,… gives them: a Config key as Config.Set takes it,
// and each value as written.
type SweepAxis struct {
	Key    string
	Values []string
}

// Sweep is a grid of settings over a base design, as ParseSweep reads it:
// its axes, and the cells they make, each cell's design set and validated,
// the first axis varying slowest.
type Sweep struct {
	Axes  []SweepAxis
	Cells []SweepCell
}

// maxSweepRuns bounds the runs of one sweep: its cells times its seeds.
const maxSweepRuns = 10_000

// untrained are the Config keys that name or describe a design and train
// nothing: a sweep over them would train its cells alike.
var untrained = []string{"name", "description", "source"}

// ParseSweep reads the specs of a sweep (each "key=v1,v2,…"; a value may
// hold commas inside brackets or parentheses, as lists and targets do)
// and checks them against base, the design every cell starts from, for
// seeds seeds a cell: every key must be a Config key that trains (not
// one of untrained) and appear once, every list hold at least one value
// and no value twice (1e-3 and 0.001 are one value, and so are two names
// of one points file: sameFile), cells × seeds be at most 10,000 runs,
// and every cell of the grid be a valid design, all of one dimension (a
// 1-D cell's KS is no peer of a 2-D cell's sliced W1). The grid's size
// is checked from the lists alone, before any value is set or compared:
// setting and comparing 10,001 values before refusing the grid takes
// 1.4 s, and a list of 4,000 with one value written twice would be
// refused for that, the grid's size unsaid. The error
// names the first problem in one line.
func ParseSweep(specs []string, base engine.Config, seeds int) (Sweep, error) {
	return ParseSweepOver(specs, base, nil, seeds)
}

// PresetKey is the key of a sweep over designs, --sweep preset=A,B,…:
// no Config key, but the preset each cell starts from (ParseSweepOver).
const PresetKey = "preset"

// ParseSweepOver is ParseSweep where one spec may be preset=A,B,…, built-in
// presets' names or preset files: a sweep over designs, whose cells each
// start from the design of their preset, design(A) (the command's --set
// and --epochs on the preset), not from base, with the other keys' values
// set on it. A preset that design refuses, or that names the design
// another value names, is refused with where it stands among the values.
// A nil design takes each preset as it reads (presets.Resolve).
func ParseSweepOver(specs []string, base engine.Config, design func(preset string) (engine.Config, error), seeds int) (Sweep, error) {
	if design == nil {
		design = func(preset string) (engine.Config, error) {
			cfg, err := presets.Resolve(preset)
			if err != nil {
				return cfg, err
			}
			return cfg, cfg.Validate()
		}
	}
	var axes []SweepAxis
	for _, spec := range specs {
		key, list, ok := strings.Cut(spec, "=")
		if !ok || strings.TrimSpace(key) == "" {
			return Sweep{}, fmt.Errorf("want key=v1,v2,…, got %q", spec)
		}
		// Spaces beside the '=' are told with what the sweep says of the
		// spec without them, read alone as this one reads it, so that
		// what it is told to write is what the next try takes.
		if err := engine.SpacedSetting(spec, key, list, func(key, list string) error {
			_, err := ParseSweepOver([]string{key + "=" + list}, base, design, seeds)
			return err
		}); err != nil {
			return Sweep{}, err
		}
		if slices.Contains(untrained, key) {
			return Sweep{}, fmt.Errorf("%s trains nothing: every cell would be one run of one design; sweep a setting", key)
		}
		for _, a := range axes {
			if a.Key == key {
				return Sweep{}, fmt.Errorf("key %q is swept twice; give its values in one --sweep", key)
			}
		}
		// A key that is none is said before its values and the grid's
		// size: a misspelt key is the first thing to mend, and the values
		// of no key have nothing to be read as. $'a\nb=' is told it names no
		// key, not "a<newline>b: an empty value", its line break written raw.
		if !slices.Contains(engine.ConfigKeys(), key) && key != PresetKey {
			probe := base.Clone()
			return Sweep{}, probe.Set(key, list)
		}
		values, err := splitValues(key, list)
		if err != nil {
			return Sweep{}, fmt.Errorf("%s: %w", key, err)
		}
		axes = append(axes, SweepAxis{Key: key, Values: values})
	}
	if len(axes) == 0 {
		return Sweep{}, errors.New("nothing to sweep")
	}
	if err := checkSweepSize(axes, seeds); err != nil {
		return Sweep{}, err
	}
	var designs map[string]engine.Config // each preset's design, of a sweep over presets
	for _, a := range axes {
		if a.Key != PresetKey {
			continue
		}
		designs = map[string]engine.Config{}
		same := map[string]int{} // a design, as JSON without its name, to the index of the preset that made it
		for i, v := range a.Values {
			if at := slices.Index(a.Values[:i], v); at >= 0 {
				return Sweep{}, a.placedTwice(at, i, fmt.Errorf("%s: %s appears twice; give it once", a.Key, shellword.Quote(v))) // a preset's name, as --preset takes it
			}
			cfg, err := design(v)
			if err != nil {
				return Sweep{}, a.placed(v, fmt.Errorf("%s: %w", a.Key, err))
			}
			probe := cfg.Clone()
			probe.Name, probe.Description, probe.Source = "", "", ""
			probe.Target = targetSpec(probe.Target)
			j, _ := json.Marshal(probe)          // valid: finite
			if at, dup := same[string(j)]; dup { // a preset file written from a built-in, unchanged
				return Sweep{}, a.placedTwice(at, i, fmt.Errorf("%s: %s and %s are the same design; give one of them", a.Key, shellword.Quote(a.Values[at]), shellword.Quote(v)))
			}
			same[string(j)] = i
			designs[v] = cfg
		}
		base = designs[a.Values[0]] // the other keys' values are checked on the first preset's design
	}
	for _, a := range axes {
		if a.Key == PresetKey {
			continue
		}
		same := map[string]int{} // a design, as JSON, to the index of the value that made it
		said := map[string]int{} // the values as written, to their index
		var files []pointsAt     // the points targets' files
		for i, v := range a.Values {
			if err := a.groupedFraction(base, i); err != nil { // gp=1,000,000.5: one number, not 1,000 and 000.5
				return Sweep{}, err
			}
			if at, dup := said[v]; dup {
				return Sweep{}, a.asOneList(base, a.fraction(base, i, a.thousands(base, i, a.placedTwice(at, i, fmt.Errorf("%s: %q appears twice; give it once", a.Key, v)))))
			}
			said[v] = i
			probe := base.Clone()
			if err := setSwept(&probe, a.Key, v); err != nil {
				return Sweep{}, a.asOneList(base, a.fraction(base, i, a.thousands(base, i, a.placed(v, a.spacedValues(base, seeds, err)))))
			}
			if err := a.groupedThousands(base, probe, i); err != nil { // batch=1,024: 1 and 24, taken
				return Sweep{}, err
			}
			if err := a.fractionDigits(base, i); err != nil { // gp=0,05: 0 and 5, taken
				return Sweep{}, err
			}
			if err := a.zeroWhole(base, i); err != nil { // gp=00,5: 0 and 5, taken
				return Sweep{}, err
			}
			// A points target is told by its file, as an output is told from
			// an input (sameFile): points(p.csv), points(./p.csv), a link to
			// p.csv and a hard link of it are one target, one cell twice.
			if path, ok := engine.PointsFile(probe.Target); ok && a.Key == "target" {
				for _, f := range files {
					if sameFile(path, f.path) {
						return Sweep{}, a.placedTwice(f.at, i, fmt.Errorf("%s: %s and %s are the same file; give one of them", a.Key, shellword.Quote(a.Values[f.at]), shellword.Quote(v)))
					}
				}
				files = append(files, pointsAt{path, i})
			}
			// A target is told by its spec, as a run names it: normal(4,1.25)
			// and normal(4, 1.250) are one target, one cell twice.
			probe.Target = targetSpec(probe.Target)
			j, err := json.Marshal(probe)
			if err != nil { // NaN or ±Inf, which JSON cannot hold, nor any design
				if verr := probe.Validate(); verr != nil {
					return Sweep{}, a.placed(v, verr)
				}
				return Sweep{}, a.placed(v, fmt.Errorf("%s: %s is not a finite number", a.Key, v))
			}
			if at, dup := same[string(j)]; dup { // 1e-3 and 0.001, [8] and 8: one cell twice
				return Sweep{}, a.asOneList(base, a.placedTwice(at, i, fmt.Errorf("%s: %s and %s are the same value; give one of them", a.Key, shellword.Quote(a.Values[at]), shellword.Quote(v))))
			}
			same[string(j)] = i
		}
	}
	cells, err := sweepCells(base, axes, designs)
	if err != nil {
		if len(axes) == 1 && slices.Equal(engine.FaultKeys(err), []string{axes[0].Key}) {
			err = axes[0].spacedValues(base, seeds, err) // a target, checked here: "normal(4,1) normal(3,1)"
		}
		return Sweep{}, err
	}
	if err := unreadAxis(axes, cells); err != nil {
		return Sweep{}, err
	}
	if err := zeroLedValue(base, axes); err != nil {
		return Sweep{}, err
	}
	return Sweep{Axes: axes, Cells: cells}, nil
}

// setSwept sets key to v, a swept value, on cfg, as --set does, but
// for a number whose whole part begins with a 0 before another digit,
// "024", "05", which --set refuses (engine.LeadingZeros) and a sweep
// reads as the number without its 0s until every other check is done:
// such a value is most often a part of a number its commas split, the
// group of thousands of batch=1,024 or the fraction's digits of
// gp=0,05, which those checks tell whole (groupedThousands,
// fractionDigits, zeroWhole), and told its 0s first, epochs=10,000's
// "000" would hide the 10000 meant behind "write it without them: 0".
// zeroLedValue refuses what is left.
func setSwept(cfg *engine.Config, key, v string) error {
	err := cfg.Set(key, v)
	if err == nil {
		return nil
	}
	if plain, _ := engine.LeadingZeros(v); plain != "" {
		probe := cfg.Clone()
		if probe.Set(key, plain) == nil {
			*cfg = probe
			return nil
		}
	}
	return err
}

// zeroLedValue refuses the first value of axes that --set refuses for
// its leading 0s alone and no other check has told (setSwept): --sweep
// gp=05 is `gp: "05" has a leading 0; write it without it: 5`, as --set
// gp=05 is and a preset file's "gp": 05, where it was the cell gp=5, and
// gp=00,1 the cells 0 and 1; nil where there is none.
func zeroLedValue(base engine.Config, axes []SweepAxis) error {
	for _, a := range axes {
		if a.Key == PresetKey {
			continue
		}
		for _, v := range a.Values {
			probe := base.Clone()
			if err := probe.Set(a.Key, v); err != nil {
				return a.placed(v, err)
			}
		}
	}
	return nil
}

// fractionGroup matches a number's last group of thousands with its
// fraction, the "000.5" of 1,000.5, or a point alone, 2,048.'s "048."
// (a width's or a number's: --set reads gp=1,000. as 1000).
var fractionGroup = regexp.MustCompile(`^[0-9]{3}\.[0-9]*$`)

// groupedFraction refuses a's values from i on where they are one number
// split at its commas, digits, the groups of thousands after them and a
// last group with a fraction (fractionGroup), as --set refuses that
// number (engine's ReadCommas reads it whole), before any of its values
// is read alone: --sweep gp=1,000.5 is `gp, values 1 and 2 of 2:
// "1,000.5" has commas, and 1000.5 out of range: 0 (off) or (0,1000]`,
// as --set gp=1,000.5 is, where it was `gp, value 2 of 2: "000.5" has
// leading 0s; write it without them: 0.5`; gp=1,000,000.5 `gp, values 1
// to 3 of 3: "1,000,000.5" has commas, and …`, where it was told its
// 1,000 alone, "1,000 is one number? write it 1000, or 1.000 if the
// comma is a decimal one"; and epochs=1,000.5 `…, and 1000.5 is not a
// whole number`, where it was "000.5 is not a whole number". The
// number's digits are the earliest before its groups, 1,100,000.5 not
// 100,000.5. nil where value i begins no such number, or --set would
// take it.
func (a SweepAxis) groupedFraction(base engine.Config, i int) error {
	end := i + 1 // the last group, with the fraction
	for end < len(a.Values) && isGroup(a.Values[end]) {
		end++
	}
	if end >= len(a.Values) || !fractionGroup.MatchString(a.Values[end]) {
		return nil
	}
	digits := func(d string) bool { return len(d) <= 3 && d[0] != '0' && strings.Trim(d, "0123456789") == "" }
	lead := -1 // the number's digits before its groups: the earliest
	for k := end - 1; k >= 0; k-- {
		if v := a.Values[k]; v != "" && digits(v) {
			lead = k
		}
		if !isGroup(a.Values[k]) {
			break
		}
	}
	if lead != i {
		return nil
	}
	number := strings.Join(a.Values[i:end+1], ",")
	probe := base.Clone()
	err := probe.Set(a.Key, number)
	if err == nil {
		return nil
	}
	// The one number --set proposes is checked against the design, as
	// batch=1,024's is (refusedBeside): blog-original's batch=1,024.0 is
	// told "…: 1024, which the design refuses too: …", where it was told
	// to write 1024 alone. A list of widths --set writes bare, "or 2,48
	// for 2 widths", is given as a sweep's value holds one, in brackets:
	// bare, 2,48 would be two values.
	var offered *engine.SettingError
	errors.As(err, &offered)
	if r := base.ReadCommas(a.Key, number); len(r) == 1 && r[0].Refused == "" && offered != nil && offered.Number == r[0].Number {
		// %v, not %w: an engine.SettingError's message ends with the
		// number it offers, and these words run on after it.
		err = fmt.Errorf("%v%s", err, strings.TrimPrefix(a.refusedBeside(base, r[0].Number), r[0].Number))
	} else if offered != nil && offered.Widths != "" {
		err = errors.New(offered.Offering("[" + offered.Widths + "]"))
	}
	if end == i+1 {
		return a.placedTwice(i, end, err)
	}
	return &valueError{key: a.Key, place: fmt.Sprintf("values %d to %d of %d", i+1, end+1, len(a.Values)), err: err}
}

// unreadAxis refuses a sweep of a key that no cell's design reads
// (engine.Config.Unread): its values differ, and every cell would train
// the same run all the same, a practitioner left to read "no effect"
// into identical rows. --sweep d_momentum=0.5,0.9 on an Adam design is
// told "d_momentum trains nothing here: it is read with d_opt sgd alone,
// which no cell has, so every cell would train the same run; give --set
// d_opt=sgd, or sweep another key" ("add sgd to --sweep d_opt's values"
// where d_opt is swept). A key some cell reads (d_opt swept too, sgd
// among its values) is swept.
func unreadAxis(axes []SweepAxis, cells []SweepCell) error {
	designs := make([]engine.Config, len(cells))
	for i, c := range cells {
		designs[i] = c.Config
	}
	for _, a := range axes {
		if a.Key == PresetKey {
			continue
		}
		reads, set := engine.UnreadBy(a.Key, designs)
		if reads == "" {
			continue
		}
		fix := "give --set " + set
		key, value, _ := strings.Cut(set, "=")
		switch {
		case set == "": // no one value: leaky_slope's activations
			fix = "give the design " + reads + " with --set"
		case slices.ContainsFunc(axes, func(b SweepAxis) bool { return b.Key == key }): // --set would be refused beside the sweep of its key
			fix = "add " + value + " to --sweep " + key + "'s values"
		}
		return fmt.Errorf("%s trains nothing here: it is read with %s alone, which no cell has, so every cell would train the same run; %s, or sweep another key", a.Key, reads, fix)
	}
	return nil
}

// thousands adds to err, a refusal of a's value i, the number likely
// meant where that value is three digits after a comma that groups a
// number's thousands, as a reader writes one: --sweep epochs=10,000
// sweeps 10 and 000, and is refused `epochs, value 2 of 2: 0 out of
// range 1..1,000,000,000`, which said nothing of the number given; it
// now goes on "; 10,000 is one number? write it 10000" (100,000's too,
// three digits before its group). The numbers grouped so before and
// after it are told with it where a group of theirs begins with a 0,
// epochs=1,000,2,000 "1,000,2,000 is 2 numbers? write them 1000,2000".
// Value i may be the digits before the groups too, blog-original's batch=1,024 refused
// for its batch of 1 (the cells' check), and the number be one the
// design refuses beside the key (takes). A fraction's 1,000 is told
// both, "write it 1000, or 1.000 if the comma is a decimal one", as a
// preset file's is. A key of no number, or a number the key does not
// take (g_lr=1,000), is left as it is.
//
// A list of widths written bare is one width a value, told so as --set
// tells such a list: --sweep g_hidden=2,048, which trained the layers 2
// and 48 without a word, is `g_hidden, value 2 of 2: "048" begins with a
// 0, as a number's thousands do after a comma; 2,048 is one width? write
// it 2048`, and g_hidden=1,000 `width 0 out of range 1..4,096; 1,000 is
// one width? write it 1000`.
func (a SweepAxis) thousands(base engine.Config, i int, err error) error {
	form, _, ferr := base.ValueForm(a.Key)
	noun := "number"
	switch {
	case ferr != nil:
		return err
	case strings.HasPrefix(form, "a list of widths"):
		noun = "width"
	case !strings.HasPrefix(form, "a number"):
		return err
	}
	lead := i // the digits before the groups that value i is or begins: 10 of 10,000, 100 of 100,000
	for lead > 0 && isGroup(a.Values[lead]) {
		lead--
	}
	number, plain, last := "", "", 0
	for ; lead <= i && number == ""; lead++ { // the earliest digits that make a number with the groups: 1,100,000, not 100,000
		number, plain, last = a.groupedRun(base, lead)
	}
	lead--
	if number == "" {
		return a.decimalGroup(base, i, err)
	}
	// The numbers before and after it that are grouped so too, each told
	// where a group begins with a 0, which no value is written with:
	// epochs=1,000,2,000 is "1,000,2,000 is 2 numbers? write them
	// 1000,2000", where 2,500,10,000 may be 2 and 500 and 10,000 too.
	numbers, plains := []string{number}, []string{plain}
	for end := lead - 1; end > 0; {
		before := end
		for before > 0 && isGroup(a.Values[before]) {
			before--
		}
		n, p, l := "", "", 0
		for ; before < end && n == ""; before++ {
			if n, p, l = a.groupedRun(base, before); l != end {
				n = ""
			}
		}
		if n == "" || !zeroLed(a.Values[before:end+1]) {
			break
		}
		numbers, plains = append([]string{n}, numbers...), append([]string{p}, plains...)
		end = before - 2
	}
	for next := last + 1; ; {
		n, p, l := a.groupedRun(base, next)
		if n == "" || !zeroLed(a.Values[next+1:l+1]) {
			break
		}
		numbers, plains = append(numbers, n), append(plains, p)
		next = l + 1
	}
	if len(numbers) == 1 {
		// A fraction's 1,000, which a decimal comma writes too, is told
		// each reading the key takes, as --set and a preset file tell it
		// (engine's ReadCommas): "1000, or 1.000 if the comma is a
		// decimal one".
		if takes := base.ReadCommas(a.Key, number).Takes(); takes != "" {
			plains[0] = takes
		}
	}
	for k := range plains {
		plains[k] = a.refusedBeside(base, plains[k])
	}
	return meantAs(err, noun, numbers, plains, "")
}

// decimalGroup adds to err, a refusal of a's value i, the fraction a
// decimal comma makes of value i and the group of three digits after it,
// or of the value before it and it, where their thousands make no number
// the key takes and the fraction is one it takes: --sweep g_lr=1,000 is
// refused `g_lr, value 2 of 2: 0 out of range (0,10]; 1,000 is one
// number? write it 1.000 if the comma is a decimal one`, where 1000, out
// of range, was all thousands read and nothing was told; gp=10,000,
// whose 10 and 0 gp takes, was trained as the two without a word
// (groupedThousands). The pairs beside it that read so too are told
// with it, as fraction tells them: d_lr=1,000,2,000 "1,000,2,000 is 2
// numbers? write them 1.000,2.000 if the comma is a decimal one".
func (a SweepAxis) decimalGroup(base engine.Config, i int, err error) error {
	if engine.DecimalComma(a.Key, "0,1") == "" { // a key of no fraction
		return err
	}
	for _, k := range []int{i, i - 1} {
		number, point := a.decimalGroupAt(base, k)
		if number == "" {
			continue
		}
		numbers, points := pairsAround(k, number, point, func(k int) (string, string) { return a.decimalGroupAt(base, k) })
		for k := range points {
			points[k] = a.refusedBeside(base, points[k])
		}
		return meantIf(err, numbers, points, " if the comma is a decimal one")
	}
	return err
}

// decimalGroupAt is a's values k and k+1, digits and a group of three
// after them and no group after that, joined by their comma, and the
// fraction a decimal comma makes of them where the key takes it; "" and
// "" for any other pair. A value that is a group itself after another
// (the 100 of 1,100,500) begins none.
func (a SweepAxis) decimalGroupAt(base engine.Config, k int) (number, point string) {
	if k < 0 || k+1 >= len(a.Values) || !isGroup(a.Values[k+1]) || k+2 < len(a.Values) && isGroup(a.Values[k+2]) || k > 0 && isGroup(a.Values[k]) {
		return "", ""
	}
	number = a.Values[k] + "," + a.Values[k+1]
	if _, ok := engine.Grouped(number); !ok {
		return "", ""
	}
	if point = strings.Replace(number, ",", ".", 1); !a.takes(base, point) {
		return "", ""
	}
	return number, point
}

// refusedBeside is plain, a number a hint proposes for a's key, with what
// the design says of it where it refuses it beside another key (takes
// proposes such a number, the likely one): blog-original's --sweep
// batch=1,024 is told "write it 1024, which the design refuses too: g_out,
// d_in: 100 out of range: a divisor of batch 1,024 (…), or batch a
// multiple of 100", where it was told to write 1024 alone, which the
// next try refused. A number the design takes is plain as it is.
func (a SweepAxis) refusedBeside(base engine.Config, plain string) string {
	probe := base.Clone()
	if probe.Set(a.Key, plain) != nil {
		return plain
	}
	if err := probe.Validate(); err != nil {
		return plain + ", which the design refuses too: " + err.Error()
	}
	return plain
}

// meant adds to err, a refusal of values split at their commas, the
// numbers they likely are and how to write them: "; 10,000 is one
// number? write it 10000", "; 0,5,0,7 is 2 numbers? write them
// 0.5,0.7". A number given more than once is proposed once, as a sweep
// takes it: g_lr=0,1,0,1,0,1 "0,1,0,1,0,1 is one number 3 times? write
// it once: 0.1", d_lr=0,5,0,7,0,5 "0,5,0,7,0,5 is 3 numbers, 2 of them
// different? write each once: 0.5,0.7", where "write them 0.1,0.1,0.1"
// proposed a sweep refused for its repeats.
func meant(err error, numbers, plains []string) error {
	return meantIf(err, numbers, plains, "")
}

// meantIf is meant with cond after the numbers to write: " if the comma
// is a decimal one".
func meantIf(err error, numbers, plains []string, cond string) error {
	return meantAs(err, "number", numbers, plains, cond)
}

// meantAs is meantIf of numbers that are each a noun: "2,048 is one
// width? write it 2048".
func meantAs(err error, noun string, numbers, plains []string, cond string) error {
	var once []string // plains, each once, in their order
	for i, p := range plains {
		if !slices.Contains(numbers[:i], numbers[i]) {
			once = append(once, p)
		}
	}
	all := strings.Join(numbers, ",")
	switch {
	case len(numbers) == 1:
		return fmt.Errorf("%w; %s is one %s? write it %s%s", err, all, noun, plains[0], cond)
	case len(once) == 1:
		return fmt.Errorf("%w; %s is one %s %s? write it once: %s%s", err, all, noun, times(len(numbers)), once[0], cond)
	case len(once) < len(numbers):
		return fmt.Errorf("%w; %s is %s, %d of them different? write each once: %s%s", err, all, numtext.Count(len(numbers), noun), len(once), strings.Join(once, ","), cond)
	}
	return fmt.Errorf("%w; %s is %s? write them %s%s", err, all, numtext.Count(len(numbers), noun), strings.Join(plains, ","), cond)
}

// times is "twice" for 2, "3 times" for 3.
func times(n int) string {
	if n == 2 {
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// isGroup reports whether v is three digits, as a number's thousands
// are written after a comma.
func isGroup(v string) bool { return len(v) == 3 && strings.Trim(v, "0123456789") == "" }

// zeroLed reports whether a value among groups begins with a 0, as no
// value is written but a group of a number's thousands is.
func zeroLed(groups []string) bool {
	return slices.ContainsFunc(groups, func(g string) bool { return strings.HasPrefix(g, "0") })
}

// groupedRun is a's values from lead on, digits and the groups of three
// after them (isGroup) joined by their commas, the number Grouped reads
// them as, and the index of the last group, where that is a number the
// key takes (takes); "", "" and 0 for any other.
func (a SweepAxis) groupedRun(base engine.Config, lead int) (number, plain string, last int) {
	if lead < 0 || lead+1 >= len(a.Values) || !isGroup(a.Values[lead+1]) {
		return "", "", 0
	}
	last = lead + 1
	for last+1 < len(a.Values) && isGroup(a.Values[last+1]) {
		last++
	}
	number = strings.Join(a.Values[lead:last+1], ",")
	plain, ok := engine.Grouped(number)
	if !ok || !a.takes(base, plain) {
		return "", "", 0
	}
	return number, plain, last
}

// takes reports whether a's key takes value on base: set, and not
// refused by Validate for the key itself. A refusal of another key, one
// the value makes with it (blog-original's g_out of 100 beside a batch
// of 1024), is the design's to mend, not the value's: batch=1,024 is
// still told the 1024 it likely meant.
func (a SweepAxis) takes(base engine.Config, value string) bool {
	probe := base.Clone()
	if probe.Set(a.Key, value) != nil {
		return false
	}
	err := probe.Validate()
	return err == nil || !slices.Contains(engine.FaultKeys(err), a.Key)
}

// groupedThousands refuses a's value i where it is three digits that
// begin with a 0 after another value and, with the values before it, make
// a number the key takes: --sweep batch=1,024 read as the batches 1 and
// 24, "024" taken as 24, and trained both without a word where 1024 was
// meant: `batch, value 2 of 2: "024" begins with a 0, as a number's
// thousands do after a comma; 1,024 is one number? write it 1024`. A
// value that makes no such number is left to be taken as written, and
// one the design does not take (probe, base with it set), as epochs=10,000's
// "000", to its own refusal, which thousands completes.
func (a SweepAxis) groupedThousands(base, probe engine.Config, i int) error {
	v := a.Values[i]
	if i == 0 || len(v) != 3 || v[0] != '0' || strings.Trim(v, "0123456789") != "" || probe.Validate() != nil {
		return nil
	}
	err := a.placed(v, fmt.Errorf("%s: %q begins with a 0, as a number's thousands do after a comma", a.Key, v))
	if hinted := a.thousands(base, i, err); hinted != err {
		return hinted
	}
	return nil
}

// fraction adds to err, a refusal of a's value i, the number likely
// meant where that value and the one after it, or the one before it and
// it, are a fraction written with a decimal comma, split at the comma
// as a sweep splits its values: --sweep g_lr=0,001 sweeps 0 and 001, and
// is refused `g_lr, value 1 of 2: 0 out of range (0,10]`, which said
// nothing of the number given; it now goes on "; 0,001 is one number?
// write it 0.001", and every such pair beside it too, "; 0,5,0,7 is 2
// numbers? write them 0.5,0.7". A number the key does not take, or commas that may
// group thousands (1,000), are left as they are (decimalCommaAt).
func (a SweepAxis) fraction(base engine.Config, i int, err error) error {
	for _, k := range []int{i, i - 1} { // value i as the whole part, then as the fraction's digits
		number, plain := a.decimalCommaAt(base, k)
		if number == "" {
			continue
		}
		// The pairs before and after it that read so too, each told:
		// d_lr=0,5,0,7 is "0,5,0,7 is 2 numbers? write them 0.5,0.7",
		// where its refusal of the second 0 told 0,7 alone.
		numbers, plains := pairsAround(k, number, plain, func(k int) (string, string) { return a.decimalCommaAt(base, k) })
		return meant(err, numbers, plains)
	}
	return err
}

// pairsAround is the pairs of values that read as one number each, as
// the pair at k, number as given and plain as it is to be written, does:
// those at k-2, k-4, … and k+2, k+4, …, as at reads them ("" for a pair
// that does not), each run up to the first that does not, in their
// order. fraction and decimalGroup tell each pair so read beside k's,
// "0,5,0,7 is 2 numbers? write them 0.5,0.7".
func pairsAround(k int, number, plain string, at func(k int) (number, plain string)) (numbers, plains []string) {
	numbers, plains = []string{number}, []string{plain}
	for lo := k - 2; ; lo -= 2 {
		n, p := at(lo)
		if n == "" {
			break
		}
		numbers, plains = append([]string{n}, numbers...), append([]string{p}, plains...)
	}
	for hi := k + 2; ; hi += 2 {
		n, p := at(hi)
		if n == "" {
			break
		}
		numbers, plains = append(numbers, n), append(plains, p)
	}
	return numbers, plains
}

// fractionDigits refuses a's value i where it is two digits or more that
// begin with a 0 after a whole number and, with it, make a fraction
// written with a decimal comma that the key takes: --sweep gp=0,05 read
// as the weights 0 and 5, "05" taken as 5, and trained both without a
// word where 0.05 was meant: `gp, value 2 of 2: "05" begins with a 0, as
// a fraction's digits do after a decimal comma; 0,05 is one number?
// write it 0.05`, as groupedThousands refuses batch=1,024. Digits
// without the 0, gp=0,5, are swept as the two values they read as.
func (a SweepAxis) fractionDigits(base engine.Config, i int) error {
	v := a.Values[i]
	if len(v) < 2 || v[0] != '0' || strings.Trim(v, "0123456789") != "" {
		return nil
	}
	number, plain := a.decimalCommaAt(base, i-1)
	if number == "" {
		return nil
	}
	err := a.placed(v, fmt.Errorf("%s: %q begins with a 0, as a fraction's digits do after a decimal comma", a.Key, v))
	return meant(err, []string{number}, []string{plain})
}

// zeroWhole refuses a's first value where it is two digits or more
// that begin with a 0 and, with the value after it, make a fraction
// written with a decimal comma that the key takes: --sweep gp=00,5 read
// as the weights 00 and 5, and trained both without a word, the first
// cell named gp=00, where --set gp=00,5 is told `"00,5" has a decimal
// comma; write it with a point: 0.5`: `gp, value 1 of 2: "00" begins
// with a 0, as no number's whole part does; 00,5 is one number? write
// it 0.5`. A value after the first that begins so is a group of
// thousands or a fraction's digits (groupedThousands, fractionDigits).
// A 0 with a minus sign, any value's, is the whole part of a negative
// fraction too, which no one writes for the 0 it is read as: gp=-0,5,
// read as the weights 0 and 5, is `gp, value 1 of 2: "-0" is 0 with a
// minus sign; -0,5 is one number? -0.5 out of range: 0 (off) or
// (0,1000]`. A fraction the key refuses is told so, as --set tells
// it, where a sweep of the two values trained them.
func (a SweepAxis) zeroWhole(base engine.Config, i int) error {
	whole, signed := strings.CutPrefix(a.Values[i], "-")
	if whole == "" || whole[0] != '0' || strings.Trim(whole, "0123456789") != "" {
		return nil
	}
	negZero := signed && strings.Trim(whole, "0") == ""
	if !negZero && (i != 0 || len(whole) < 2) {
		return nil
	}
	why := fmt.Errorf("%s: %q begins with a 0, as no number's whole part does", a.Key, a.Values[i])
	if negZero && len(whole) == 1 {
		why = fmt.Errorf("%s: %q is 0 with a minus sign", a.Key, a.Values[i])
	}
	if number, plain := a.decimalCommaAt(base, i); number != "" {
		return meant(a.placed(a.Values[i], why), []string{number}, []string{plain})
	}
	if i+1 >= len(a.Values) {
		return nil
	}
	number := a.Values[i] + "," + a.Values[i+1]
	r := base.ReadCommas(a.Key, number)
	switch {
	case !r.Decimal():
		return nil
	case r[0].Refused == "": // gp=1,-00,5's, which decimalCommaAt reads as no whole part
		return meant(a.placed(a.Values[i], why), []string{number}, []string{r[0].Number})
	}
	return fmt.Errorf("%w; %s is one number? %s", a.placed(a.Values[i], why), number, r[0].Refused)
}

// decimalCommaAt is a's values k and k+1 joined by the comma between
// them, and the number they make read with a decimal comma (engine's
// DecimalComma), where that is a number the key takes (takes); "" and
// "" for any other pair. A whole part of two digits or more that begins
// with a 0 after the first value is none a number is written with but a
// group of thousands: gp=1,000,000's "000" and "000" are no fraction,
// "write it 000.000". The first value's, gp=00,5's, is a whole part with
// a 0 too many, 0.5 (zeroWhole).
func (a SweepAxis) decimalCommaAt(base engine.Config, k int) (number, plain string) {
	if k < 0 || k+1 >= len(a.Values) {
		return "", ""
	}
	if whole := strings.TrimPrefix(a.Values[k], "-"); k > 0 && len(whole) > 1 && whole[0] == '0' {
		return "", ""
	}
	number = a.Values[k] + "," + a.Values[k+1]
	if plain = engine.DecimalComma(a.Key, number); plain == "" || !a.takes(base, plain) {
		return "", ""
	}
	return number, plain
}

// placed adds to err, a refusal of v, one of a's values, where v stands
// among them, "g_lr, value 2 of 2: \"abc\" is not a number" (--sweep
// g_lr=1e-3,abc), "target's value 2 of 2: target \"normal(1)\": …", so that the value to mend is found in a long list, or
// one with a value twice spelt alike; a key of one value leaves err as
// it is.
func (a SweepAxis) placed(v string, err error) error {
	if len(a.Values) < 2 {
		return err
	}
	return &valueError{key: a.Key, place: fmt.Sprintf("value %d of %d", slices.Index(a.Values, v)+1, len(a.Values)), err: err}
}

// spacedValues adds to err, a refusal of a's one value, the sweep that
// was likely meant where that value is several separated by spaces or
// semicolons, as other tools write a list, and the sweep of them with
// commas is taken: --sweep 'g_lr=1e-3 1e-2' reads "g_lr: \"1e-3 1e-2\" is
// not a number; allowed: (0,10]; --sweep separates its values by commas:
// --sweep g_lr=1e-3,1e-2", where the refusal alone left the user to find
// how values are separated. A key that holds a list (g_hidden, d_acts),
// whose refusal says how its items are separated, is left as it is, as
// is a key of several values.
func (a SweepAxis) spacedValues(base engine.Config, seeds int, err error) error {
	if len(a.Values) != 1 {
		return err
	}
	written := a.Key + "=" + a.Values[0]
	spec := CommaList(written, base)
	if spec == written {
		return err
	}
	if _, serr := ParseSweep([]string{spec}, base, seeds); serr != nil {
		return err
	}
	return fmt.Errorf("%w; --sweep separates its values by commas: --sweep %s", err, shellword.Quote(spec)) // a target's brackets quoted
}

// CommaList is spec, a key=value whose value's parts are separated as
// other tools separate a list (spaces, semicolons, commas with spaces
// after them), with its parts joined by commas alone, as --sweep writes
// them: "g_lr=1e-3 1e-2" and "g_lr=1e-3, 1e-2" are "g_lr=1e-3,1e-2". A
// key that holds a list (g_hidden, whose refusal says how its items are
// separated) or an unknown key is spec as it is. Inside brackets the
// value is kept, a target's commas, semicolons and spaces being its
// arguments': "target=normal(4,1) normal(3,1)" is
// "target=normal(4,1),normal(3,1)", "target=mixture(-2,0.5;2,0.5)"
// itself. The sweep a --set or a --sweep of such a value likely meant.
func CommaList(spec string, base engine.Config) string {
	key, value, _ := strings.Cut(spec, "=")
	if form, _, err := base.ValueForm(key); err != nil || strings.HasPrefix(form, "a list") {
		return spec
	}
	var parts []string
	depth, start := 0, 0
	for i, r := range value + " " { // the space ends the last part
		switch {
		case r == '(' || r == '[':
			depth++
		case r == ')' || r == ']':
			depth--
		case depth == 0 && (r == ',' || r == ';' || unicode.IsSpace(r)):
			if i > start {
				parts = append(parts, value[start:i])
			}
			start = i + utf8.RuneLen(r)
		}
	}
	return key + "=" + strings.Join(parts, ",")
}

// A pointsAt is the file of a points target and the index of the swept
// value that names it.
type pointsAt struct {
	path string
	at   int
}

// placedTwice is placed for a value given twice, the values at i and j
// (from 0) one value or one file: "d_lr, values 1 and 3 of 3: \"1e-3\"
// appears twice; give it once", "g_lr, values 2 and 4 of 4: 1e-3 and
// 0.001 are the same value; give one of them", so that both are found in
// a long list.
func (a SweepAxis) placedTwice(i, j int, err error) error {
	return &valueError{key: a.Key, place: fmt.Sprintf("values %d and %d of %d", i+1, j+1, len(a.Values)), err: err}
}

// A valueError is a refusal of a swept value that says where it stands
// among its key's values (SweepAxis.placed), after the key the refusal
// begins with.
type valueError struct {
	key, place string
	err        error
}

func (e *valueError) Error() string {
	msg := e.err.Error()
	if rest, ok := strings.CutPrefix(msg, e.key+": "); ok {
		return e.key + ", " + e.place + ": " + rest
	}
	return e.key + "'s " + e.place + ": " + msg // `target "normal(1)": …`, "d_beta1, d_beta2: …"
}

func (e *valueError) Unwrap() error { return e.err }

// asOneList adds to err, a refusal of a's values, the sweep that was
// likely meant where they are a list written as --set writes one, without
// brackets, and that list is one valid value of a's key: d_acts=relu,relu,sigmoid
// sweeps three values, relu twice, where the one list was meant, and the
// refusal's own way on, to give relu once, would not lead there. The
// line then reads "…; give it once, or for the one list relu,relu,sigmoid
// write d_acts=[relu,relu,sigmoid]".
func (a SweepAxis) asOneList(base engine.Config, err error) error {
	if len(a.Values) < 2 || slices.ContainsFunc(a.Values, func(v string) bool { return strings.HasPrefix(v, "[") }) {
		return err
	}
	list := strings.Join(a.Values, ",")
	probe := base.Clone()
	if probe.Set(a.Key, list) != nil || probe.Validate() != nil {
		return err
	}
	return fmt.Errorf("%w, or for the one list %s write %s", err, list, shellword.Quote(a.Key+"=["+list+"]")) // its brackets quoted, as zsh would glob them
}

// checkSweepSize refuses a grid of more than maxSweepRuns runs, its
// cells (the product of its axes' lengths) times seeds a cell, saying
// its size as that product, "12,000 runs (3 × 4,000 cells × 1 seed)",
// rather than the axis the count passes the bound at, as if that key
// alone were at fault. A product past what a uint64
// holds, of some forty axes, is said to be more than that.
func checkSweepSize(axes []SweepAxis, seeds int) error {
	seeds = max(seeds, 1)
	runs, over := uint64(seeds), false
	factors := make([]string, len(axes))
	for i, a := range axes {
		hi, lo := bits.Mul64(runs, uint64(len(a.Values)))
		runs, over = lo, over || hi != 0
		if over {
			runs = math.MaxUint64
		}
		factors[i] = numtext.FormatInt(len(a.Values))
	}
	if !over && runs <= maxSweepRuns {
		return nil
	}
	count := numtext.FormatUint(runs)
	if over {
		count = "more than " + count
	}
	return fmt.Errorf("the grid has %s runs (%s cells × %s); at most %s",
		count, strings.Join(factors, " × "), numtext.Count(seeds, "seed"), numtext.FormatInt(maxSweepRuns))
}

// splitValues splits key's list at the commas outside brackets and
// parentheses; no value may be empty or have spaces around it (as no
// number ganui reads may: engine.PlainNumber; a value names its cells in
// the rows). A list with an empty value is refused with the list it
// means written out, "write d_lr=1e-3,1e-2" for "1e-3,,1e-2" (and so is
// one with spaces around a value, "1e-3 ,1e-2"), and one
// with none asks for the values, not told only "an empty value in",
// without a way on; the list it refuses for an empty value or spaces is
// returned with the error, its values as the error says to write them. A
// value said twice is ParseSweep's to refuse, after the grid's size, as
// it refuses two spellings of one value.
func splitValues(key, list string) ([]string, error) {
	var values []string
	var spaced string // the first value with spaces around it
	depth, from, empty := 0, 0, false
	add := func(v string) {
		trimmed := strings.TrimSpace(v)
		switch {
		case trimmed == "":
			empty = true
			return
		case trimmed != v && spaced == "":
			spaced = v
		}
		values = append(values, trimmed)
	}
	for i, r := range list {
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case ',':
			if depth == 0 {
				add(list[from:i])
				from = i + 1
			}
		}
	}
	add(list[from:])
	for _, v := range values {
		if err := unbalanced(v); err != nil {
			return values, err // as it split them: each a value the user wrote
		}
	}
	switch {
	case len(values) == 0:
		return nil, fmt.Errorf("no values; give them comma-separated, %s=v1,v2,…", key)
	case spaced != "":
		how, _ := engine.Spaces(spaced)
		return values, fmt.Errorf("value %q %s; write %s", spaced, how, shellword.Quote(key+"="+strings.Join(offered(key, values), ",")))
	case empty:
		return values, fmt.Errorf("an empty value in %q; write %s", list, shellword.Quote(key+"="+strings.Join(offered(key, values), ","))) // a line break in a value written $'…', as a shell reads it back
	}
	return values, nil
}

// unbalanced is the error for v, a value splitValues took, that holds a
// comma it did not split at for a bracket or parenthesis left unmatched:
// --sweep preset=a[.json,b.json is one value, "a[.json,b.json", which was
// told "no such file or directory" as one name, where the user meant two
// files, or a [ with its ] left out. Its commas inside matched brackets
// are a value's own ([16,16], ring(8,2)), and so is an unmatched bracket
// in a value with no comma (a file named a[.json), neither refused.
func unbalanced(v string) error {
	if !strings.Contains(v, ",") {
		return nil
	}
	depth, opened := 0, ' '
	for _, r := range v {
		switch r {
		case '(', '[', '{':
			if depth == 0 {
				opened = r
			}
			depth++
		case ')', ']', '}':
			if depth--; depth < 0 {
				return fmt.Errorf("value %q has a %c that no bracket before it opens, so the commas after it split no values; --sweep splits its values at the commas outside brackets, which keep a list together: g_hidden=[16,16],[32]", v, r)
			}
		}
	}
	if depth > 0 {
		return fmt.Errorf("value %q has a %c that nothing closes, so the commas after it split no values; --sweep splits its values at the commas outside brackets, which keep a list together: g_hidden=[16,16],[32]", v, opened)
	}
	return nil
}

// SweepValues is the values of a --sweep key=list as a sweep takes them
// (splitValues), or the error it refuses them with.
func SweepValues(key, list string) ([]string, error) { return splitValues(key, list) }

// offered is values, a sweep's values of key to write in a hint, with
// the first one's leading 0s dropped (engine.LeadingZeros), as the sweep
// would refuse them next (zeroLedValue): "05" is offered 5. A later
// value's 0s are kept, and a first one's before a group of three: they
// may be a part of a number its commas split, the fraction's digits of
// gp=0,05 or the 024 of batch=1,024, which the next try tells whole
// (setSwept). A number's minus signs and dashes in a minus's place are
// offered as hyphens, each value's, as the sweep would refuse them next
// (engine.GoNumberForm): --sweep 'g_lr=1e−3, 2e−3' is told "write
// g_lr=1e-3,2e-3", where "write g_lr=1e−3,2e−3" was refused on the next
// try for its minus signs. A preset's name is its own.
func offered(key string, values []string) []string {
	if key == PresetKey {
		return values
	}
	values = slices.Clone(values)
	for i, v := range values {
		if plain, _ := engine.GoNumberForm(v); plain != "" && strings.ContainsAny(v, "\u2212\u2013") { // GoNumberForm's first reading: the minus
			values[i] = plain
		}
	}
	if len(values) > 1 && isGroup(values[1]) {
		return values
	}
	plain, _ := engine.LeadingZeros(values[0])
	if plain == "" {
		return values
	}
	return append([]string{plain}, values[1:]...)
}

// SweepCell is one point of a sweep's grid: a value of each axis, and the
// design they make.
type SweepCell struct {
	Values []string // one per axis, in the axes' order
	Config engine.Config
}

// sweepCells returns the grid of axes over base, the first axis varying
// slowest, each cell's design set and validated, and every cell's target
// of one dimension. A cell of a preset axis starts from designs of its
// preset, the values of the axes before it set on it again.
func sweepCells(base engine.Config, axes []SweepAxis, designs map[string]engine.Config) ([]SweepCell, error) {
	cells := []SweepCell{{Config: base.Clone()}}
	for _, a := range axes {
		next := make([]SweepCell, 0, len(cells)*len(a.Values))
		for _, c := range cells {
			for _, v := range a.Values {
				cfg := c.Config.Clone()
				if a.Key == PresetKey {
					cfg = designs[v].Clone()
					for i, before := range c.Values {
						if err := setSwept(&cfg, axes[i].Key, before); err != nil {
							return nil, err
						}
					}
				} else if err := setSwept(&cfg, a.Key, v); err != nil {
					return nil, err
				}
				next = append(next, SweepCell{Values: append(append([]string(nil), c.Values...), v), Config: cfg})
			}
		}
		cells = next
	}
	for _, c := range cells {
		if err := c.Config.Validate(); err != nil {
			// An error of a swept key says the key and its value (a
			// combination's, the other key's too: "a divisor of batch
			// 100"), which the cell's name would say again: "batch=0:
			// batch: 0 out of range …", `target=foo(1): target "foo(1)":
			// …`. One of a key the sweep leaves as the design has it is
			// the cell's doing, which its name says.
			// An error of one swept key says where its value stands among
			// the key's (placed).
			var swept []int
			for i, a := range axes {
				if slices.Contains(engine.FaultKeys(err), a.Key) {
					swept = append(swept, i)
				}
			}
			switch len(swept) {
			case 0:
				err = fmt.Errorf("%s: %w", cellName(axes, c.Values), err)
				// A count split at its commas is told the number however
				// its first part is refused: blog-original's batch=1,024,
				// whose batch of 1 its g_out refuses, as vanilla's is.
				for k, a := range axes {
					if a.Key == PresetKey {
						continue
					}
					if hinted := a.thousands(base, slices.Index(a.Values, c.Values[k]), err); hinted != err {
						err = hinted
						break
					}
				}
			case 1:
				a, v := axes[swept[0]], c.Values[swept[0]]
				i := slices.Index(a.Values, v)
				err = a.fraction(base, i, a.thousands(base, i, a.placed(v, err))) // epochs=10,000, g_lr=0,5: 0 out of range
			}
			return nil, err
		}
		if first := cells[0]; c.Config.Dim() != first.Config.Dim() { // the rows, and the heat map, set one pair of measures side by side
			return nil, fmt.Errorf("%s is a %d-D target and %s a %d-D one: a sweep measures its cells alike (KS and W1, or sliced W1), on targets of one dimension%s",
				cellName(axes, c.Values), c.Config.Dim(), cellName(axes, first.Values), first.Config.Dim(), presetsApart(axes, designs))
		}
	}
	return cells, nil
}

// presetsApart is the way on from a sweep over presets whose targets are
// of two dimensions, "; sweep them apart: --sweep preset=a,b and --sweep
// preset=c", the presets of each dimension in the sweep's order; "" of a
// sweep of no preset axis, or one whose presets are all of one dimension
// (a swept target made the mix).
func presetsApart(axes []SweepAxis, designs map[string]engine.Config) string {
	var byDim [3][]string
	for _, a := range axes {
		if a.Key != PresetKey {
			continue
		}
		for _, v := range a.Values {
			if cfg := designs[v]; cfg.Dim() == 1 || cfg.Dim() == 2 {
				byDim[cfg.Dim()] = append(byDim[cfg.Dim()], v)
			}
		}
	}
	if len(byDim[1]) == 0 || len(byDim[2]) == 0 {
		return ""
	}
	return fmt.Sprintf("; sweep them apart: --sweep %s and --sweep %s",
		shellword.Quote(PresetKey+"="+strings.Join(byDim[1], ",")), shellword.Quote(PresetKey+"="+strings.Join(byDim[2], ",")))
}

func cellName(axes []SweepAxis, values []string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = axes[i].Key + "=" + v
	}
	return strings.Join(parts, " ")
}

// SweepRow is how one cell of a sweep did over its seeds.
type SweepRow struct {
	Values   []string // one per axis
	Runs     int      // runs that finished (done or diverged)
	Diverged int
	// Unfinished counts the cell's seeds that a stop (SIGINT, SIGTERM,
	// SIGHUP) interrupted or kept from starting: the row then sums up
	// fewer runs than the sweep asked for, and says so.
	Unfinished int
	// First and Second are the median, minimum and maximum of the
	// sweep's two measures (SweepResult.Measures) over the runs that did
	// not diverge whose measure is finite: one NaN would make the median
	// NaN, or the minimum, as it happened to sort. When no run's measure
	// is finite they are of them all (NaN, or ±Inf), and NaN when every
	// run diverged.
	First, Second [3]float64
	// NotFinite counts, of each measure, the runs that did not diverge
	// whose measure is NaN or ±Inf, which First and Second leave out.
	NotFinite [2]int
	// Modes is the median, minimum and maximum of the modes each run
	// covers (captured, on a plane) of the target's ModesOf, over the
	// same runs; ModesOf is 0 for a target without modes.
	Modes   [3]float64
	ModesOf int
	// Each is every finished run's seed and first measure, in the order
	// of the sweep's seeds: the points a one-key sweep's figure draws
	// about the median.
	Each []SeedMeasure
	// Floor is the median, over the runs that did not diverge, of the
	// first measure's noise floor at the final evaluation's sample size
	// (engine.KSNoiseFloor; a plane's SW1Floor): what a perfect
	// generator would read. NaN when every run diverged.
	Floor float64
	// EpochsPerS and TrainS are the cell's timings, the medians of its
	// runs' final lines' epochs_per_s and train_s over the runs that did
	// not diverge, as a --seeds summary gives them: what a sweep of a
	// setting that changes the speed (g_hidden=16,64,256) is read for.
	// The rate's is of the runs the clock timed (not Result.Untimed),
	// 0 where it timed none, as their lines read; both are NaN when
	// every run diverged.
	EpochsPerS, TrainS float64
}

// SeedMeasure is one run of a sweep's cell: its seed, its first measure
// (SweepResult.Measures), and whether it diverged, which leaves the
// measure out of its row's median.
type SeedMeasure struct {
	Seed     uint64
	Value    float64
	Diverged bool
}

// sweepMeasures names the two measures a sweep reports of each run: KS
// and W1 in one dimension; in two, sliced W1 and the high-quality share
// (which a row leaves out on a target without modes, planeHasModes).
func sweepMeasures(cfg engine.Config) [2]string {
	if cfg.Dim() == 2 {
		return [2]string{"sw1", "hq"}
	}
	return [2]string{"ks", "w1"}
}

// planeHasModes reports whether cfg's target is a plane of modes (a ring
// or a grid), the only one whose samples have a high-quality share: the
// final line, the summary and the screen give none for the others.
func planeHasModes(cfg engine.Config) bool {
	if _, ok := engine.PointsFile(cfg.Target); ok {
		return false
	}
	p, err := engine.ParsePlane(cfg.Target)
	if err != nil {
		return false
	}
	s, ok := p.(engine.Spotted)
	return ok && len(s.Spots()) > 0
}

// targetModes is the count of modes a run of cfg reports them of
// (modeCoverage): a mixture's components, a ring's or a grid's spots; 0
// for a target without modes.
func targetModes(cfg engine.Config) int {
	if p, err := cfg.Plane(); err != nil || p != nil {
		if s, ok := p.(engine.Spotted); ok {
			return len(s.Spots())
		}
		return 0
	}
	t, err := engine.ParseTarget(cfg.Target)
	if mm, ok := t.(engine.Multimodal); ok && err == nil {
		return len(mm.Modes())
	}
	return 0
}

// measures returns a run's two sweep measures (sweepMeasures).
func measures(m engine.Metrics) (first, second float64) {
	if p := m.Plane; p != nil {
		return p.SW1, p.HighQuality
	}
	return m.KS, m.W1
}

// SweepResult is a sweep's table: a row per cell, in sweepCells' order.
type SweepResult struct {
	// Preset and Changes name the design every cell starts from, as a
	// run's Result does; its target is Target.
	Preset  string
	Changes []Change
	// Target is the target every run trained on, as a run names it
	// (TargetInfo.Spec), which --set may have made another than the
	// preset's; "" when the sweep varies it.
	Target string
	Epochs int // each run's plan; 0 when the sweep varies it
	Seeds  []uint64
	// Samples is each run's final evaluation's sample size (--samples,
	// or its default).
	Samples int
	// Axes are the sweep's, and Rows' and Unfinished's values theirs, each
	// value as the rows write it (sweepColumns.show): --sweep
	// eps=0.00001,0.001 gives 1e-5 and 1e-3, which --sweep reads back as
	// the same designs.
	Axes []SweepAxis
	Rows []SweepRow
	// Measures names the rows' First and Second: "ks" and "w1", or for a
	// two-dimensional target "sw1" and "hq".
	Measures [2]string
	// Unfinished lists, in the sweep's order, the cells a stop left with
	// runs unfinished: those whose row counts unfinished=, and those
	// with no row at all; and those whose runs all finished but whose
	// row w failed to take (a full disk), Lost, on no line either.
	Unfinished []UnfinishedCell
}

// UnfinishedCell is a cell of a sweep that a stop left unfinished: its
// values, one per axis, and whether any of its runs had started, to be
// interrupted or to finish, where a stop kept the others from starting.
type UnfinishedCell struct {
	Values  []string
	Started bool
	// Lost is a cell whose runs all finished, its row not written:
	// trained again with those a stop left, as no line holds it.
	Lost bool
}

// RunSweep trains every cell of sw, a sweep ParseSweep read against
// opts.Config, once per seed, up to jobs runs at once (the machinery of
// RunSeeds), and prints a row per cell, in order, as soon as its runs are
// done (SweepRow.line): its settings; how many runs finished and how many
// of those diverged; the median, minimum and maximum of each of the
// sweep's two measures (KS and W1, or sliced W1 and the high-quality
// share: sweepMeasures) over the runs that did not diverge, of the
// measure's finite values only (finiteMedianRange), or of them all
// (NaN or ±Inf) when none is finite, and no measures when every run
// diverged; on a target with modes, the median and range of the modes
// covered (before the high-quality share, as a final line has them);
// the cell's timings, the medians of its runs' epochs_per_s and train_s
// over those that did not diverge, under the final line's keys;
// how many seeds a stop left unfinished, if any; and last, for a
// measure some runs that did not diverge left NaN or infinite, how many
// of them did (w1_nan=2/5). Then a summary line, which on a 1-D target
// gives KS's noise floor at the runs' sample size (ks_floor=), on a plane
// sliced W1's (sw1_floor=: sw1FloorField). Each run depends only on
// its design and seed, so the rows are the same whatever jobs is, but
// for the timings (which several jobs at once on few cores slow). Its
// wall time, as RunSeeds', is by opts.Clock.
//
// A diverged run is the sweep's data, not its failure: the error is nil
// however many diverged. When ctx is cancelled the runs in flight stop,
// no further run starts, rows are printed for the cells with finished
// runs, and the error is ErrInterrupted, if that left any run
// unfinished (unfinished=; a cancel as the last row is printed, every
// run done, is none). Runs that could not be built (a cell's points file
// gone since the sweep was read) make it a *RunsFailed, a cell a
// failure, which wins over the stop; the summary is printed first all
// the same, of the runs that finished, counting those as failed=N. The
// result holds the rows printed. tally, when not nil, is told how far the sweep has got, run by
// run, as RunSeeds tells it.
func RunSweep(ctx context.Context, opts Options, sw Sweep, seeds []uint64, jobs int, w io.Writer, tally func(Tally)) (SweepResult, error) {
	opts = withBase(withClock(opts))
	start := opts.Clock.Now()
	axes, cells := sw.Axes, sw.Cells
	out := bufio.NewWriter(w)
	defer out.Flush()
	res := SweepResult{Target: targetSpec(opts.Config.Target), Epochs: opts.Config.Epochs, Seeds: seeds, Axes: axes, Measures: sweepMeasures(cells[0].Config)}
	res.Preset, res.Changes = designOf(opts, opts.Config)
	if res.Samples = opts.Samples; res.Samples <= 0 {
		p, _ := cells[0].Config.Plane() // valid: ParseSweep built it
		res.Samples = defaultSamples(p != nil)
	}
	if opts.Epochs > 0 {
		res.Epochs = opts.Epochs
	}
	// A sweep over presets names the target and plan its cells share,
	// none where they differ, as where a swept key varies them.
	on := slices.IndexFunc(axes, func(a SweepAxis) bool { return a.Key == PresetKey })
	bases := map[string]*engine.Config{} // a sweep over presets: each preset as read, its cells' Options.Base
	if on >= 0 {
		res.Preset, res.Changes = sweptDesign(opts, sw, on)
		res.Target, res.Epochs = targetSpec(cells[0].Config.Target), cells[0].Config.Epochs
		for _, c := range cells {
			if targetSpec(c.Config.Target) != res.Target {
				res.Target = ""
			}
			if c.Config.Epochs != res.Epochs {
				res.Epochs = 0
			}
		}
		if opts.Epochs > 0 {
			res.Epochs = opts.Epochs
		}
		for _, v := range axes[on].Values {
			bases[v] = resolve(v)
		}
	}
	for _, a := range axes {
		switch a.Key {
		case "epochs":
			res.Epochs = 0
		case "target":
			res.Target = ""
		}
	}
	k := len(seeds)
	runs := make([]Options, 0, len(cells)*k)
	for _, c := range cells {
		for _, seed := range seeds {
			o := opts
			o.Config, o.Seed = c.Config, seed
			if on >= 0 { // the cell's run named as --preset of its preset would name it
				o.Preset, o.Base, o.PresetFile = c.Values[on], bases[c.Values[on]], ""
				if presets.IsFile(o.Preset) {
					o.PresetFile = o.Preset
				}
			}
			runs = append(runs, o)
		}
	}
	cols := columnsOf(sw, res.Measures)
	// The result's values are as the rows write them (sweepColumns.show),
	// so that the figures' labels, the unfinished cells ganui names and
	// the --sweep that trains them read as the rows do.
	res.Axes = make([]SweepAxis, len(axes))
	for i, a := range axes {
		res.Axes[i] = a
		res.Axes[i].Values = cols.showAll(i, a.Values)
	}
	var finished []Result
	lost := make([]bool, len(cells)) // the cell's row w failed to take
	row := func(c int) {
		if len(finished) == 0 {
			return
		}
		r := sweepRow(cols.shownValues(cells[c].Values), finished)
		r.Unfinished = k - len(finished)
		res.Rows = append(res.Rows, r)
		fmt.Fprintln(out, r.line(cols, cellMeasures(res.Measures, cells[c].Config)))
		lost[c] = out.Flush() != nil
		finished = finished[:0]
	}
	cell := 0
	started, done := make([]bool, len(cells)), make([]int, len(cells))
	errs := runBatch(ctx, runs, jobs, func(i int, r Result) {
		if c := i / k; c != cell {
			row(cell)
			cell = c
		}
		started[cell] = true
		if r.State != Interrupted {
			finished = append(finished, r)
			done[cell]++
		}
		if i%k == k-1 { // the cell's last seed
			row(cell)
		}
	}, tally)
	row(cell)
	// Runs that could not be built (a cell's points file gone since the
	// sweep was read) are the sweep's failure, said a cell a line by the
	// caller; the summary of those that ran is printed all the same, as a
	// sweep with diverged cells prints one, counting them, failed=N, where
	// it was left out and a script reading the last line of a sweep found
	// a row.
	failures := cellFailures(cols, cells, seeds, errs)
	failed := 0
	for _, err := range errs {
		if err != nil {
			failed++
		}
	}
	for c, cl := range cells {
		if (done[c] < k || lost[c]) && failures == nil {
			res.Unfinished = append(res.Unfinished, UnfinishedCell{Values: cols.shownValues(cl.Values), Started: started[c], Lost: lost[c] && done[c] == k})
		}
	}
	total, diverged := 0, 0
	for _, r := range res.Rows {
		total += r.Runs
		diverged += r.Diverged
	}
	keys := make([]string, len(axes))
	for i, a := range axes {
		keys[i] = a.Key
	}
	target := ""
	if res.Target != "" {
		target = " target=" + LineValue(res.Target)
	}
	// KS's noise floor at the runs' sample size, the same for every cell
	// (engine.KSNoiseFloor), as a --seeds summary gives it beside KS: a
	// row whose ks= is at it cannot be told from sampling noise; then
	// W1's, its cells' targets' (w1FloorField). A
	// plane's sliced-W1 floor is its target's, which a sweep may vary:
	// sw1_floor= where every row's (SweepRow.Floor) reads alike, as it
	// does but for a sweep of the target, whose range it gives else
	// (sw1_floor_min= sw1_floor_max=), none where every run diverged.
	floor := ""
	if res.Measures[0] == "ks" {
		floor = " ks_floor=" + numtext.Measure(engine.KSNoiseFloor(res.Samples)) + w1FloorField(cells, res.Samples)
	} else {
		floor = sw1FloorField(res.Rows)
	}
	head := "summary"
	if design := SweepDesignText(res, "preset="); design != "" {
		head += " " + design
	}
	fmt.Fprintf(out, "%s%s sweep=%s cells=%d%s seeds=%s runs=%d diverged=%d%s%s%s jobs=%d wall_s=%s\n",
		head, target, strings.Join(keys, "×"), len(cells), samplesField(opts.Samples, cells[0].Config), CompactSeeds(seeds), total, diverged,
		failedField(failed), unfinished(len(runs)-total-failed), floor, min(jobs, len(runs)), numtext.Seconds(opts.Clock.Since(start).Seconds()))
	if failures != nil {
		return res, failures
	}
	if total < len(runs) { // ctx's cancel stopped some: one after the last run's end stopped none
		return res, ErrInterrupted
	}
	return res, nil
}

// failedField is a sweep summary's count of the n runs that could not be
// built, " failed=2", or "" for none: runs= counts those that finished,
// unfinished= those a stop cut short or kept from starting.
func failedField(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" failed=%d", n)
}

// sweptDesign names the design of a sweep over presets (its axis on) as
// its summary and figure do: no preset, which the sweep varies as it may
// a target, and the changes every cell's run names alike (designOf), the
// command's --set on each preset, but those of a swept key: --sweep
// preset=a,b --set d_lr=1e-3 names d_lr=1e-3, also where a's own d_lr is
// 1e-3 and its run names none. A key whose value differs among the cells
// is none of them.
func sweptDesign(opts Options, sw Sweep, on int) (string, []Change) {
	var changes []Change
	for _, c := range sw.Cells {
		o := opts
		o.Preset, o.Base = c.Values[on], resolve(c.Values[on])
		_, cs := designOf(o, c.Config)
		for _, ch := range cs {
			if !slices.ContainsFunc(changes, func(x Change) bool { return x.Key == ch.Key }) {
				changes = append(changes, ch)
			}
		}
	}
	differ := map[string]bool{}
	for _, a := range sw.Axes {
		differ[a.Key] = true
	}
	for _, c := range sw.Cells[1:] {
		for _, d := range settingsDiff(sw.Cells[0].Config, c.Config) {
			differ[d.Key] = true
		}
	}
	changes = slices.DeleteFunc(changes, func(c Change) bool { return differ[c.Key] || c.Key == "name" })
	return "", changes
}

// SweepDesignText names the design res's cells start from as its summary
// does, DesignText of its preset and changes (but the target's, which it
// names apart) after label: "preset=vanilla d_lr=1e-3". A sweep over
// presets has no one preset: its summary gives the changes alone, "d_lr=1e-3",
// and none when it has none, "" (label unsaid).
func SweepDesignText(res SweepResult, label string) string {
	if res.Preset != "" {
		return label + DesignText(res.Preset, res.Changes, "target")
	}
	var fields []string
	for _, c := range res.Changes {
		if c.Key != "target" {
			fields = append(fields, c.Key+"="+LineValue(c.Value))
		}
	}
	return strings.Join(fields, " ")
}

// cellFailures is the error of the sweep's runs errs, one per seed of
// each cell in turn: a *RunsFailed of a failure for each cell and error,
// named as the cell's row is, its values as cols shows them ("sweep
// eps=1e-5 seeds=1-3: …" of --sweep eps=0.00001), the seeds that failed
// with it named together (runFailures: a missing file fails every seed
// alike), or nil when none failed.
func cellFailures(cols sweepColumns, cells []SweepCell, seeds []uint64, errs []error) error {
	var failures []error
	k := len(seeds)
	for c, cell := range cells {
		name := "sweep"
		for i, v := range cell.Values {
			name += " " + cols.axes[i].Key + "=" + LineValue(cols.show(i, v))
		}
		failures = append(failures, runFailures(name+" ", seeds, errs[c*k:c*k+k])...)
	}
	if len(failures) == 0 {
		return nil
	}
	return &RunsFailed{failures}
}

// sweepRow sums up the finished runs of one cell.
func sweepRow(values []string, runs []Result) SweepRow {
	r := SweepRow{Values: values, Runs: len(runs)}
	var firsts, seconds, modes, floors, rates, trains []float64
	for _, x := range runs {
		if x.State == Diverged {
			r.Diverged++
			r.Each = append(r.Each, SeedMeasure{Seed: x.Seed, Value: math.NaN(), Diverged: true})
			continue
		}
		if !x.Untimed {
			rates = append(rates, x.EpochsPerS)
		}
		trains = append(trains, x.TrainS)
		a, b := measures(x.Metrics)
		firsts = append(firsts, a)
		seconds = append(seconds, b)
		floors = append(floors, floorOf(x.Metrics))
		r.Each = append(r.Each, SeedMeasure{Seed: x.Seed, Value: a})
		if cov := modeCoverage(x.Metrics); len(cov) > 1 {
			r.ModesOf = len(cov)
			modes = append(modes, float64(coveredModes(cov)))
		}
	}
	nan := math.NaN()
	r.First, r.Second, r.Modes = [3]float64{nan, nan, nan}, [3]float64{nan, nan, nan}, [3]float64{nan, nan, nan}
	if len(firsts) > 0 {
		r.First, r.NotFinite[0] = finiteMedianRange(firsts)
		r.Second, r.NotFinite[1] = finiteMedianRange(seconds)
	}
	if len(modes) > 0 {
		r.Modes[0], r.Modes[1], r.Modes[2] = medianRange(modes)
	}
	r.Floor, r.EpochsPerS, r.TrainS = nan, nan, nan
	if len(floors) > 0 {
		r.Floor, _, _ = medianRange(floors)
		r.TrainS, _, _ = medianRange(trains)
		r.EpochsPerS = 0 // none timed, as their lines read epochs_per_s=0.0
	}
	if len(rates) > 0 {
		r.EpochsPerS, _, _ = medianRange(rates)
	}
	return r
}

// sw1FloorField is a plane sweep's summary field of sliced W1's noise
// floor, the rows' (SweepRow.Floor): " sw1_floor=0.031" where they read
// alike, " sw1_floor_min=0.031 sw1_floor_max=0.045" where they do not (a
// sweep of the target), "" where no row has one. Without it a row's
// sw1=0.040 could not be told at the floor or above it, as a 1-D row's
// ks= can by ks_floor=.
func sw1FloorField(rows []SweepRow) string {
	var floors []float64
	for _, r := range rows {
		if !math.IsNaN(r.Floor) {
			floors = append(floors, r.Floor)
		}
	}
	return floorField("sw1_floor", floors)
}

// w1FloorField is a 1-D sweep's summary field of W1's noise floor at the
// runs' sample size n (engine.W1NoiseFloor), what a perfect generator
// reads on average on the cells' target: " w1_floor=0.016" where every
// cell's reads alike, " w1_floor_min=… w1_floor_max=…" where they do not
// (a sweep of the target), as sw1FloorField gives a plane's. Without it
// a row's w1=0.030 could not be told near sampling noise or far from it,
// as its ks= can by ks_floor=.
func w1FloorField(cells []SweepCell, n int) string {
	var floors []float64
	for _, c := range cells {
		if t, err := engine.ParseTarget(c.Config.Target); err == nil {
			floors = append(floors, engine.W1NoiseFloor(t, n))
		}
	}
	return floorField("w1_floor", floors)
}

// floorField is a summary field of the cells' noise floors, named name:
// " name=0.031" where they read alike, " name_min=… name_max=…" where
// they do not, "" where there are none.
func floorField(name string, floors []float64) string {
	if len(floors) == 0 {
		return ""
	}
	lo, hi := numtext.Measure(slices.Min(floors)), numtext.Measure(slices.Max(floors))
	if lo == hi {
		return " " + name + "=" + lo
	}
	return " " + name + "_min=" + lo + " " + name + "_max=" + hi
}

// floorOf is the noise floor of a run's first sweep measure (measures)
// at its evaluation's sample size: sliced W1's on a plane, KS's else.
func floorOf(m engine.Metrics) float64 {
	if p := m.Plane; p != nil {
		return p.SW1Floor
	}
	return engine.KSNoiseFloor(m.N)
}

// sweepColumns are the fields any row of a sweep may have, and how wide
// they are, known before any cell trains: the rows are printed one by
// one as their cells finish.
type sweepColumns struct {
	axes   []SweepAxis
	widths []int // of each axis's values, the widest, as shown
	// shown are each axis's values as its rows write them, by the value
	// as given (shownValue); a value not in them is written as given.
	shown []map[string]string
	// measures are the sweep's two (sweepMeasures), the second "" when
	// no cell has it: a plane without modes has no high-quality share.
	measures [2]string
	// modeDigits are the digits of the most modes a cell's target has,
	// 0 when no cell's has more than one, which a row counts (sweepRow).
	modeDigits int
}

// show is value v of axis i as the rows write it (shown), v where it
// has no other form.
func (cols sweepColumns) show(i int, v string) string {
	if i < len(cols.shown) {
		if s, ok := cols.shown[i][v]; ok {
			return s
		}
	}
	return v
}

// showAll is values, of axis i, as the rows write them (show).
func (cols sweepColumns) showAll(i int, values []string) []string {
	out := make([]string, len(values))
	for j, v := range values {
		out[j] = cols.show(i, v)
	}
	return out
}

// shownValues is a cell's values, one per axis, as its row writes them.
func (cols sweepColumns) shownValues(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = cols.show(i, v)
	}
	return out
}

// shownValue is v, a value of key as given to --sweep, as the final line
// of the cell's run writes it (settingsDiff, of cfg, the cell's design):
// --sweep eps=0.00001,0.001 rows "eps=1e-5" beside the final line's
// eps=1e-5, where they read "eps=0.00001", the number as typed, another
// spelling of it than the run's own lines give. A value is kept as given
// where the final line's form would read otherwise in a row: a list,
// "[16,16]", whose final-line form, 16,16, would read as two values; a
// preset and a target, named as given; and a form that is not the same
// setting read back.
func shownValue(key, v string, cfg engine.Config) string {
	if key == PresetKey || key == "target" {
		return v
	}
	for _, l := range strings.Split(string(presets.Marshal(cfg)), "\n") { // settingsDiff's reading
		k, raw, ok := strings.Cut(strings.TrimSpace(l), ": ")
		if !ok || strings.Trim(k, `"`) != key {
			continue
		}
		shown := setValue(strings.TrimSuffix(raw, ","))
		if strings.ContainsAny(shown, ",[ ") {
			return v
		}
		back := cfg.Clone()
		if back.Set(key, shown) != nil {
			return v
		}
		a, errA := json.Marshal(back)
		b, errB := json.Marshal(cfg)
		if errA != nil || errB != nil || string(a) != string(b) {
			return v
		}
		return shown
	}
	return v
}

// columnsOf returns the columns of sw's rows, of the sweep's measures.
func columnsOf(sw Sweep, measures [2]string) sweepColumns {
	cols := sweepColumns{axes: sw.Axes, widths: make([]int, len(sw.Axes)), measures: measures, shown: make([]map[string]string, len(sw.Axes))}
	for i := range sw.Axes {
		cols.shown[i] = map[string]string{}
	}
	for _, c := range sw.Cells {
		for i, v := range c.Values {
			cols.shown[i][v] = shownValue(sw.Axes[i].Key, v, c.Config)
		}
	}
	for i, a := range sw.Axes {
		for _, v := range a.Values {
			cols.widths[i] = max(cols.widths[i], len(LineValue(cols.show(i, v))))
		}
	}
	cols.measures[1] = ""
	for _, c := range sw.Cells {
		if n := targetModes(c.Config); n > 1 {
			cols.modeDigits = max(cols.modeDigits, len(strconv.Itoa(n)))
		}
		if m := cellMeasures(measures, c.Config); m[1] != "" {
			cols.measures[1] = m[1]
		}
	}
	return cols
}

// cellMeasures are the measures of a sweep's (sweepMeasures) that the
// row of a cell of cfg gives: on a plane without modes, no high-quality
// share.
func cellMeasures(measures [2]string, cfg engine.Config) [2]string {
	if measures[1] == "hq" && !planeHasModes(cfg) {
		measures[1] = ""
	}
	return measures
}

// line is the row ganui prints for a cell, of the measures names (the
// second "" when the cell has no high-quality share): its fields padded
// into the sweep's columns, as a --seeds batch's final lines are
// (joinFields), each axis's value to its widest and the modes to the
// digits of the most modes any cell's target has, or of the row's own if
// more. A field the row has not, and another row may have, is left
// blank, so that the fields after it stand in their columns: else a
// moons cell's unfinished=1 beside a ring's would stand where the ring's
// modes= does, and a cell whose every run diverged would put it where the
// others' measures are.
func (r SweepRow) line(cols sweepColumns, names [2]string) string {
	fs := []lineField{{"sweep", 0}}
	for i, v := range r.Values {
		fs = append(fs, lineField{cols.axes[i].Key + "=" + LineValue(cols.show(i, v)), len(cols.axes[i].Key) + 1 + cols.widths[i]})
	}
	// The counts padded to the seeds' count, so that the measures start
	// in one column down the rows (diverged=3 over diverged=10). diverged=
	// is a count of the runs= beside it, as the summaries say it, not
	// diverged=3/10.
	seeds := len(strconv.Itoa(r.Runs + r.Unfinished))
	fs = append(fs, lineField{"runs=" + strconv.Itoa(r.Runs), len("runs=") + seeds},
		lineField{"diverged=" + strconv.Itoa(r.Diverged), len("diverged=") + seeds})
	// Each figure padded to the widest numtext.Figure writes, and the modes
	// to the digits of the sweep's widest count (and a half-way median's
	// ".5"), so that the fields stand in columns down the rows, which are
	// printed one by one as their cells finish: unpadded, a w1 of 12.3456,
	// or a diverged one of 2.6e31, would push the rest of its row right of
	// the others', as a ring's 8 modes would push a grid's 25's hq= if its
	// own count set the width. A cell a stop cut short says so after its
	// measures, unfinished=N in a column of its own: after diverged= it
	// would push that row's measures right of every other row's. Last, a
	// measure that some runs left without a finite value says how many,
	// w1_nan=2/5 of the runs that did not diverge, as its median and range
	// are of the rest: one NaN would make the median NaN, which drops the
	// measure from the row. unfinished= and the counts are padded to the
	// seeds' count. The last field is not padded, and no blank column ends
	// a line.
	// put appends f, or its column left blank when the row has it not.
	put := func(has bool, f lineField) {
		if !has {
			f.text = ""
		}
		fs = append(fs, f)
	}
	measured := r.Runs - r.Diverged
	// column names measure i's column: the row's, or the sweep's when
	// the row has it not; "" for none.
	column := func(i int) string {
		if names[i] != "" {
			return names[i]
		}
		return cols.measures[i]
	}
	measure := func(i int) {
		n, v := column(i), [2][3]float64{r.First, r.Second}[i]
		if n == "" {
			return
		}
		for j, suffix := range [3]string{"", "_min", "_max"} {
			key := n + suffix
			// no measure when every run diverged, as the row says
			put(names[i] != "" && measured > 0, lineField{key + "=" + numtext.Measure(v[j]), len(key) + 1 + numtext.FigureWidth})
		}
	}
	// The modes come after the distances and before the high-quality
	// share, the share of the modes captured, as on a run's final line
	// and in the summaries (modeFields).
	measure(0)
	if column(1) != "hq" {
		measure(1)
	}
	if digits := max(cols.modeDigits, len(strconv.Itoa(r.ModesOf))); r.ModesOf > 0 || cols.modeDigits > 0 {
		m, has := r.Modes, r.ModesOf > 0
		put(has, lineField{"modes=" + strconv.FormatFloat(m[0], 'f', -1, 64), len("modes=") + digits + 2})
		put(has, lineField{fmt.Sprintf("modes_min=%.0f", m[1]), len("modes_min=") + digits})
		put(has, lineField{fmt.Sprintf("modes_max=%.0f", m[2]), len("modes_max=") + digits})
		put(has, lineField{fmt.Sprintf("of=%d", r.ModesOf), len("of=") + digits})
	}
	if column(1) == "hq" {
		measure(1)
	}
	// The timings after the measures, as a final line has them, under its
	// keys: the medians of the cell's runs (SweepRow.EpochsPerS, TrainS),
	// each in a figure's width, so that what follows stands in its column.
	put(measured > 0, rate("epochs_per_s", r.EpochsPerS))
	put(measured > 0, seconds("train_s", r.TrainS))
	put(r.Unfinished > 0, lineField{fmt.Sprintf("unfinished=%d", r.Unfinished), len("unfinished=") + seeds})
	for i := range names {
		if n := column(i); n != "" {
			put(names[i] != "" && r.NotFinite[i] > 0, lineField{fmt.Sprintf("%s_nan=%d/%d", n, r.NotFinite[i], measured), len(n+"_nan=") + 2*seeds + 1})
		}
	}
	for fs[len(fs)-1].text == "" {
		fs = fs[:len(fs)-1]
	}
	return joinFields(fs, true)
}
