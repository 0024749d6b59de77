package engine

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/suggest"
	"github.com/ganui/ganui/internal/visible"
)

// A Config is edited one field at a time by its JSON name, the key of a
// preset file and of ganui's --set key=value. configFields maps each key
// to its field, in declaration order; an unexported field (the points
// read for the target) is no key.
var configFields = func() []configField {
	t := reflect.TypeFor[Config]()
	var fs []configField
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			continue
		}
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		ft := t.Field(i).Type
		fs = append(fs, configField{
			key: name, index: i, kind: ft,
			name:  isName(ft),
			names: ft.Kind() == reflect.Slice && isName(ft.Elem()),
		})
	}
	return fs
}()

type configField struct {
	key   string
	index int
	kind  reflect.Type
	name  bool // the value is a name: a choice type or Activation
	names bool // the value is a list of names
}

// numbers reports whether the field holds a number or a list of them.
func (f configField) numbers() bool {
	switch f.kind.Kind() {
	case reflect.Int, reflect.Float64:
		return !f.name
	case reflect.Slice:
		return !f.names
	}
	return false
}

// isName reports whether values of t are written as names, as the choice
// types and Activation are: t implements encoding.TextUnmarshaler.
func isName(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

// setName sets v, of a type isName accepts, to the value named name.
func setName(v reflect.Value, name string) error {
	return v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(name))
}

// ConfigKeys returns the key of every Config field, in declaration order.
func ConfigKeys() []string {
	keys := make([]string, len(configFields))
	for i, f := range configFields {
		keys[i] = f.key
	}
	return keys
}

func lookupField(key string) (configField, error) {
	for _, f := range configFields {
		if f.key == key {
			return f, nil
		}
	}
	if key == VersionKey { // the first key --show-preset prints, which the hint below points to
		return configField{}, fmt.Errorf("%s names the ganui that wrote a preset file; it is no setting of the design", VersionKey)
	}
	return configField{}, fmt.Errorf("unknown key %q%s", key, KeyHint(key))
}

// VersionKey is the key a file's design (a preset file's object, a
// checkpoint's configuration) records the ganui that wrote it by, beside
// the Config's keys: release.Version, so that a ganui that does not know
// a key of the file can name the one that does (NewerError).
const VersionKey = "ganui_version"

// A NewerError refuses a file written by a newer ganui, one whose design
// has keys this ganui does not know, or a checkpoint of a format after
// this ganui's: training without the keys would train another design
// than the one saved, and a resumed run must go on with exactly that.
type NewerError struct {
	Writer string   // the ganui that wrote the file, as VersionKey records it; "" where the file records none
	Keys   []string // the keys this ganui does not know, in the file's order
	Format uint32   // a checkpoint's format version, past this ganui's; 0 for keys
}

func (e *NewerError) Error() string {
	if e.Format != 0 {
		return fmt.Sprintf("written by a newer ganui, in checkpoint format %d; this ganui, %s, reads formats 1 to %d: upgrade ganui to read it", e.Format, release.Version, checkpointVersion)
	}
	const most = 4
	keys := make([]string, 0, most)
	for _, k := range e.Keys[:min(len(e.Keys), most)] {
		keys = append(keys, strconv.Quote(clip(k)))
	}
	list := strings.Join(keys, ", ")
	if more := len(e.Keys) - most; more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	by := "a newer ganui"
	if e.Writer != "" {
		quoted := strconv.Quote(clip(e.Writer)) // its control characters escaped, as the keys'
		by = "ganui " + quoted[1:len(quoted)-1]
	}
	what := "a key"
	if len(e.Keys) > 1 {
		what = "keys"
	}
	return fmt.Sprintf("written by %s, whose design has %s this ganui, %s, does not know: %s; upgrade ganui to read it", by, what, release.Version, list)
}

// KeyHint is what the error for key, no key of a Config nor one of more
// (a preset file's "base"), adds to "unknown key": for a setting of a
// run that is no part of its design, the flag that gives it (runKeys);
// else the keys it was likely meant to be, by spelling
// (suggest.DidYouMean) or as a part of their name (wordKeys), else where
// the keys are listed.
func KeyHint(key string, more ...string) string {
	if hint, ok := runKeys[key]; ok {
		return " (" + hint + ")"
	}
	ours := otherWords.Replace(strings.ToLower(key))
	if ours != key && slices.Contains(ConfigKeys(), ours) {
		return " (did you mean " + strconv.Quote(ours) + "?)"
	}
	if hint := suggest.DidYouMean(key, append(ConfigKeys(), more...), strconv.Quote); hint != "" {
		return hint
	}
	if hint := wordKeys(ours); hint != "" {
		return hint
	}
	return " (--show-preset NAME lists the keys)" // the flag alone: the engine knows no command line, nor how ganui was started
}

// runKeys holds the settings of a run that a design leaves to the
// command line, by the keys a user reaches for them with (--set seed=3,
// --sweep seeds=1,2, "seed": 3 in a preset file), with what to give
// instead: the same design trains with every seed and on any sample
// size, so neither is a key, nor are the run's progress lines and pace.
// Such a key is told where to go, not sent to the list of keys, where it
// is not, nor to a key it is part of ("every": d_warmup_every). So is the design itself,
// which a run names by its preset (--set preset=ring, --set base=ring,
// "preset" in a preset file): it is no key of itself.
var runKeys = map[string]string{
	"preset":  presetHint,
	"base":    presetHint,
	"seed":    "the seed is the run's, not the design's: --seed S, or --seeds A-B for several",
	"seeds":   "the seed is the run's, not the design's: --seed S, or --seeds A-B for several",
	"samples": "the samples behind an evaluation are the run's, not the design's: --samples N",
	"every":   "the progress lines are the run's, not the design's: --every K",
	"speed":   "the pace is the run's, not the design's: --speed full|N",
}

// presetHint is runKeys' hint for a key naming the preset to start from.
const presetHint = `the preset is the design, not a setting of it: --preset NAME|FILE.json, or "base": NAME in a preset file`

// otherWords writes a key in ganui's words where other trainers name the
// setting otherwise (PyTorch's learning_rate, Keras's batch_size, a
// dimension in full, a dash for an underscore): "g_learning_rate" is
// g_lr, "batchsize" batch, "noise-dimension" noise_dim, which neither
// spelling nor a key's words find.
var otherWords = strings.NewReplacer(
	"learning_rate", "lr", "learningrate", "lr",
	"batch_size", "batch", "batchsize", "batch",
	"dimension", "dim", "-", "_")

// wordKeys returns " (did you mean "d_lr" or "g_lr"?)" for key lr: the
// keys whose name holds key as whole words between underscores, a
// player's key without its d_ or g_ (lr, beta1, ema) or a part of a
// longer name (warmup: d_warmup_steps, d_warmup_epochs and
// d_warmup_every), at most 4 in their order; else "".
func wordKeys(key string) string {
	const most = 4
	var keys []string
	for _, k := range ConfigKeys() {
		if key != "" && strings.Contains("_"+k+"_", "_"+key+"_") && len(keys) < most {
			keys = append(keys, strconv.Quote(k))
		}
	}
	return suggest.Say(keys)
}

// Set changes the field named key to value, read according to the
// field's type: an integer, a number (Go syntax, e.g. 2e-4), true or
// false, the name of a choice (bce, adam, …), a string taken as is, or a
// list written either comma-separated (32,32 or relu,relu,sigmoid; empty
// for none) or as a JSON array. It checks the syntax and the names; Validate checks the
// ranges. Errors name the key.
//
// Hidden widths that change a network's depth keep its activations when
// its hidden layers share one (followDepth): --set g_hidden=32 on a
// design of two leaky ReLU layers gives one.
func (c *Config) Set(key, value string) error {
	if err := c.set(key, value); err != nil {
		return err
	}
	c.FollowDepth(key)
	return nil
}

// FollowDepth fits a network's activations to its hidden layers after
// key, g_hidden or d_hidden, changed them, as Set does (followDepth);
// other keys change nothing. A preset file, whose keys have no order,
// calls it once all are set, for the networks whose activations it
// leaves to its base.
func (c *Config) FollowDepth(key string) {
	switch key {
	case "g_hidden":
		c.GActs = followDepth(c.GActs, len(c.GHidden))
	case "d_hidden":
		c.DActs = followDepth(c.DActs, len(c.DHidden))
	}
}

// followDepth returns the activations acts of a network for hidden
// layers: as they are when they already hold one per hidden layer and
// one for the output, or when the hidden layers' differ (as devnag-2017's
// ELU then sigmoid: the activations must then be given too, and Validate
// says so); else the hidden layers' one activation for each of hidden
// layers, then the output's.
func followDepth(acts []Activation, hidden int) []Activation {
	if len(acts) == hidden+1 || len(acts) < 2 {
		return acts
	}
	inner, out := acts[:len(acts)-1], acts[len(acts)-1]
	for _, a := range inner {
		if a != inner[0] {
			return acts
		}
	}
	next := make([]Activation, hidden+1)
	for i := range hidden {
		next[i] = inner[0]
	}
	next[hidden] = out
	return next
}

// set is Set without followDepth.
func (c *Config) set(key, value string) error {
	f, err := lookupField(key)
	if err != nil {
		return err
	}
	v := reflect.ValueOf(c).Elem().Field(f.index)
	trimmed := strings.TrimSpace(value)  // a switch's spaces go
	if f.numbers() && trimmed != value { // as no number ganui reads may (PlainNumber)
		if strings.ContainsFunc(trimmed, unicode.IsSpace) { // spaces within too, which the next try tells
			return fmt.Errorf("%s: %q has spaces around it", key, value)
		}
		// What else is wrong with the number is said with the spaces,
		// as with a + (writtenAs): " 05" `has spaces around it, and "05"
		// has a leading 0; write it without it: 5`, where it was told
		// "write it without them: 05", which the next try refused.
		// A carriage return alone, a CRLF script's, is said as one
		// (Spaces): "0,5\r" was told it "has spaces around it".
		how, them := Spaces(value)
		if err := c.wrongWith(f, "", trimmed); err != nil {
			return fmt.Errorf("%s: %q %s, and %v", key, value, how, err)
		}
		return fmt.Errorf("%s: %q %s; write it without %s: %s", key, value, how, them, visible.String(trimmed))
	}
	if f.name {
		if err := readName(key, v, value, plainName); err != nil {
			// A CRLF script's carriage return, as a number's is told
			// (Spaces): a file's name holds one only as JSON's \r.
			if EndsInCR(value) && setName(reflect.New(f.kind).Elem(), trimmed) == nil {
				how, them := Spaces(value)
				return fmt.Errorf("%s: %q %s; write it without %s: %s", key, value, how, them, trimmed)
			}
			// One name in a list, bare or in JSON's quotes, is told the
			// name to write, as a preset file's is (setJSONNames):
			// `loss: ["bce"] is a list; write the name alone: bce`.
			if one, ok := oneInList(trimmed); ok && one != "" && setName(reflect.New(f.kind).Elem(), one) == nil {
				return fmt.Errorf("%s: %s is a list; write the name alone: %s", key, clip(value), one)
			}
			// A name in quotes, as a preset file writes one, is told to
			// drop them: --set 'loss="bce"' is the shell's quotes kept.
			if inner, ok := inQuoteMarks(trimmed); ok && inner != "" && setName(reflect.New(f.kind).Elem(), inner) == nil {
				return fmt.Errorf("%s: %s is in quotes; write it without them: %s", key, clip(value), inner)
			}
			return err
		}
		return nil
	}
	// A number in JSON's quotes, as a preset file may hold one, is told
	// as a file's is (jsonNotNumber): --set 'g_lr="1,000"' `"1,000" is
	// text in quotes and has commas, and 1000 out of range (0,10]; …`,
	// where it was "is not a number", of the quotes and the commas alike.
	if k := f.kind.Kind(); (k == reflect.Int || k == reflect.Float64) && strings.HasPrefix(trimmed, `"`) {
		if err := c.jsonNotNumber(f, "", []byte(trimmed)); err != nil {
			return err
		}
	}
	switch f.kind.Kind() {
	case reflect.String:
		if f.key == "target" {
			value = tidyTarget(value)
		}
		v.SetString(value)
	case reflect.Int:
		n, err := c.readWhole(f, "", trimmed)
		if err != nil {
			return err
		}
		if err := c.leadingZeros(f, "", trimmed); err != nil {
			return err
		}
		v.SetInt(n)
	case reflect.Bool: // the words a preset file takes, not ParseBool's 1, t, T, TRUE, …
		if trimmed != "true" && trimmed != "false" {
			return fmt.Errorf("%s: %q is not true or false", key, value)
		}
		v.SetBool(trimmed == "true")
	case reflect.Float64:
		if infOrNaN(trimmed) {
			return c.notFinite(f, "", clip(trimmed))
		}
		x, err := parseFloat(trimmed)
		if errors.Is(err, strconv.ErrRange) {
			return c.outOfRange(f, clip(trimmed)) // 1e999: a number, but no float64
		}
		if err != nil {
			if err := PlusSignAnd(trimmed, c.afterPlus(f, "", trimmed)); err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
			if err := c.goForm(f, "", trimmed); err != nil {
				return err
			}
			if err := c.commas(f, trimmed, ""); err != nil {
				return err
			}
			return fmt.Errorf("%s: %q is not a number%s", key, value, c.allowed(f))
		}
		if underflows(trimmed, x) {
			return c.tooNearZero(f, clip(trimmed))
		}
		if err := c.leadingZeros(f, "", trimmed); err != nil {
			return err
		}
		v.SetFloat(unsigned(x))
	case reflect.Slice:
		// A list of names in brackets may leave its names bare, as a list
		// of widths leaves its numbers ([elu,sigmoid] as [16,16]): the
		// brackets are how a --sweep value holds a list, and bare names
		// spare it JSON's quotes, which would name the rows
		// d_acts="[\"elu\",\"sigmoid\"]". A list of widths in
		// brackets is read as the same list without them, JSON's spaces
		// between items aside, so that each width is told what is wrong
		// with it in the same words: [inf] is told "width inf is not a
		// finite number", as inf is.
		inner, bracketed := bareList(trimmed)
		if bracketed {
			trimmed = inner
		} else if strings.HasPrefix(trimmed, "[") {
			return c.SetJSON(key, []byte(trimmed))
		}
		var items []string
		if strings.TrimSpace(trimmed) != "" {
			items = strings.Split(trimmed, ",")
		}
		spaced := false // a plain list's spaces between items, which JSON's brackets take
		for i := range items {
			spaced = spaced || !bracketed && items[i] != strings.TrimSpace(items[i])
			items[i] = strings.TrimSpace(items[i])
		}
		if f.names {
			if spaced && !slices.Contains(items, "") { // as a list of widths' (below), once each name is one
				probe := reflect.New(f.kind).Elem()
				if setNames(key, probe, items, plainName) == nil {
					return fmt.Errorf("%s: %q has spaces in it; write the list without them: %s", key, value, strings.Join(items, ","))
				}
			}
			name := func(n string) bool { return setName(reflect.New(f.kind.Elem()).Elem(), n) == nil }
			if err := listShape(key, "name", items, bracketed, name); err != nil {
				return err
			}
			return setNames(key, v, items, plainName)
		}
		width := func(w string) bool { _, err := readInt(w); return err == nil || errors.Is(err, errNoInt) }
		if err := c.spacedThousands(f, items); err != nil {
			return err
		}
		if err := listShape(key, "width", items, bracketed, width); err != nil {
			return err
		}
		list := reflect.MakeSlice(f.kind, len(items), len(items))
		for i, item := range items {
			n, err := c.readWhole(f, "width ", item)
			if err != nil {
				if !bracketed { // "1,000.5": one number with a fraction, or a list
					if err := c.fractionWidth(f, trimmed, items); err != nil {
						return err
					}
				}
				return c.spacedWidths(f, item, err)
			}
			list.Index(i).SetInt(n)
		}
		if spaced { // only once every width is one, so that 1, inf is told of inf
			// and what else is wrong with the list without them in the
			// same message: "05, 16" `has spaces in it, and width "05"
			// has a leading 0; write it without it: 5`, not a list to
			// write that the next try refuses.
			if err := c.wrongWith(f, "", strings.Join(items, ",")); err != nil {
				return fmt.Errorf("%s: %q has spaces in it, and %v", key, value, err)
			}
			return fmt.Errorf("%s: %q has spaces in it; write the list without them: %s", key, value, strings.Join(items, ","))
		}
		runs := groupedRuns(trimmed, bracketed)
		for _, r := range runs {
			if err := c.groupedWidths(f, runText(items, r), items[r[0]:r[1]], list.Slice(r[0], r[1])); err != nil {
				return err
			}
		}
		for i, item := range items { // after groupedWidths, which tells 2,048's "048" a group of thousands
			if err := c.leadingZeros(f, "width ", item); err != nil {
				for _, r := range runs {
					if r[0] <= i && i < r[1] {
						if one := c.oneWidthRefused(f, runText(items, r), items[r[0]:r[1]]); one != "" {
							return fmt.Errorf("%v; %s", err, one) // no longer ending with the width to write (SettingError)
						}
					}
				}
				return err
			}
		}
		v.Set(list)
	default:
		panic("engine: Config field of unsupported type " + f.kind.String())
	}
	return nil
}

// groupedWidths is the error for text, a list of widths written bare,
// without brackets, that is one width with its thousands grouped too, as
// a reader writes one, where a width after the first is three digits
// that begin with a 0, which no width is written with but a group of
// thousands is, and the key takes that one width: each reading the key
// takes, as a fraction's 1,000 is told both (commas). The widths
// refused, --set g_hidden=1,000 is `g_hidden: width 0 out of range
// 1..4,096; 1,000 is one width? write it 1000`, where the width 0 was
// all; taken, g_hidden=2,048, trained as the widths 2 and 48 without a
// word, is `g_hidden: width "048" begins with a 0, as a number's
// thousands do after a comma; 2,048 is one width? write it 2048, or 2,48
// for 2 widths`, as --sweep batch=1,024 is told its 1024. list is the
// widths read from items; nil for any other text, and where the key
// refuses the one width (64,000).
func (c *Config) groupedWidths(f configField, text string, items []string, list reflect.Value) error {
	zeroLed := func(w string) bool { return strings.HasPrefix(w, "0") }
	plain, ok := groupedWhole(text)
	if !ok || !slices.ContainsFunc(items[1:], zeroLed) || c.wrongWith(f, "", plain) != nil {
		return nil
	}
	if why := c.refusal(f, list.Interface()); why != "" {
		return fmt.Errorf("%s: %s; %s is one width? write it %s", f.key, why, text, plain)
	}
	widths := make([]string, list.Len())
	for i := range widths {
		widths[i] = strconv.FormatInt(list.Index(i).Int(), 10)
	}
	first := items[1+slices.IndexFunc(items[1:], zeroLed)]
	return &SettingError{
		head:   fmt.Sprintf("%s: width %q begins with a 0, as a number's thousands do after a comma; %s is one width? write it %s, or ", f.key, first, text, plain),
		Widths: strings.Join(widths, ","),
		tail:   " for " + numtext.Count(len(widths), "width"),
	}
}

// groupedRuns is where list, a list of widths split at its commas, may
// hold one width with its thousands grouped, [from, to) of its items: a
// list written bare is all one such run, as 2,048 is; in brackets, where
// JSON's spaces may follow its commas, a run is the items joined by
// commas with no space beside them, so that [16, 2,048] is read as a
// preset file's is, 16 and 2,048, and told `width "048" begins with a 0,
// as a number's thousands do after a comma; 2,048 is one width? write it
// 2048, or 2,48 for 2 widths`, where it was told "write it without it:
// 48", an offer that trained the widths 16, 2 and 48. Only runs of more
// than one item are given.
func groupedRuns(list string, bracketed bool) [][2]int {
	parts := strings.Split(list, ",")
	if !bracketed {
		if len(parts) < 2 {
			return nil
		}
		return [][2]int{{0, len(parts)}}
	}
	var runs [][2]int
	from := 0
	for i := 1; i <= len(parts); i++ {
		joined := i < len(parts) && parts[i-1] == strings.TrimRightFunc(parts[i-1], unicode.IsSpace) &&
			parts[i] == strings.TrimLeftFunc(parts[i], unicode.IsSpace)
		if joined {
			continue
		}
		if i-from > 1 {
			runs = append(runs, [2]int{from, i})
		}
		from = i
	}
	return runs
}

// runText is the items of run r written as they were, joined by commas.
func runText(items []string, r [2]int) string { return strings.Join(items[r[0]:r[1]], ",") }

// oneWidthRefused is what is wrong with text, a list of widths written
// bare that groupedWidths leaves to each width's own words, read as one
// width with its thousands grouped, where the key refuses that width:
// --set g_hidden=64,000 is `g_hidden: width "000" has leading 0s, and 0
// out of range 1..4,096; as one width, 64,000 out of range 1..4,096`,
// where the width 0 was all, and the number the user meant went unsaid. It is "" where text is no such number, or the key takes
// it (groupedWidths has told it).
func (c *Config) oneWidthRefused(f configField, text string, items []string) string {
	plain, ok := groupedWhole(text)
	if !ok || !slices.ContainsFunc(items[1:], func(w string) bool { return strings.HasPrefix(w, "0") }) {
		return ""
	}
	err := c.wrongWith(f, "width ", plain)
	if err == nil {
		return ""
	}
	return fmt.Sprintf("as one width, %v", err)
}

// groupedWhole is text, a whole number written with its thousands
// grouped, "2,048", or with a fraction of 0s after them, "2,048.0", or
// a point alone, "2,048." (as 48. is read 48: it was told "write it
// without it: 48."), in
// the digits a width is written in, "2048" (Grouped), so that a list of
// widths written bare that is such a number is told the one width as
// 2,048 is (groupedWidths, oneWidthRefused), where g_hidden=2,048.0 was
// told `width "048.0" has a leading 0; write it without it: 48.0`; ok is
// false for any other text.
func groupedWhole(text string) (plain string, ok bool) {
	whole, frac, point := strings.Cut(text, ".")
	if point && strings.Trim(frac, "0") != "" { // 2,048. too, as 48. is 48
		return "", false
	}
	return Grouped(whole)
}

// fractionWidth is the error for text, a list of widths written bare that
// is one number with its thousands grouped and a fraction after them, as
// a reader writes one, "1,000.5": neither reading is whole, and both are
// told, where g_hidden=1,000.5 was told `width 000.5 is not a whole
// number` of the list 1 and 000.5 alone, as though the user had meant
// one: `"1,000.5" is one width with a fraction, 1000.5, or the widths 1
// and 000.5, and a width is a whole number; allowed: 1..4,096`. It is
// nil for any other text (a fraction of 0s, 1,000.0, is a whole width:
// groupedWhole).
func (c *Config) fractionWidth(f configField, text string, items []string) error {
	whole, frac, _ := strings.Cut(text, ".")
	plain, ok := Grouped(whole)
	if !ok || frac == "" || strings.Trim(frac, "0123456789") != "" || strings.Trim(frac, "0") == "" {
		return nil
	}
	return fmt.Errorf("%s: %s is one width with a fraction, %s, or the widths %s, and a width is a whole number%s",
		f.key, strconv.Quote(clip(text)), plain+"."+frac, numtext.List(items, "and"), c.allowed(f))
}

// bareList returns the inside of list, a list of names or widths in
// brackets without JSON's quotes ("[elu,sigmoid]" gives "elu,sigmoid",
// "[32, 16]" gives "32, 16"); ok is false for anything else, which is
// left to JSON.
func bareList(list string) (inner string, ok bool) {
	if !strings.HasPrefix(list, "[") || !strings.HasSuffix(list, "]") || len(list) < 2 {
		return "", false
	}
	inner = list[1 : len(list)-1]
	return inner, !strings.ContainsAny(inner, `"[]`)
}

// rangeOf returns the range of values Validate allows the number field f,
// as its error words it after "out of range" (" (0,10]", " 1..100000",
// ": 0 (off) or (0,1000]", ": a divisor of batch 100"), so that a value
// that is no number, or none that fits the field's type, is answered
// with the range as one that does not fit it is: Validate is the one
// place that knows the ranges. It asks Validate of f set to −1, which no
// number field allows (refusal), and returns "" when Validate does not
// answer for f in those words.
func (c *Config) rangeOf(f configField) string {
	var v any
	switch f.kind.Kind() {
	case reflect.Int:
		v = -1
	case reflect.Float64:
		v = -1.0
	case reflect.Slice: // a list of widths: the one width -1
		if !f.numbers() {
			return ""
		}
		v = []int{-1}
	default:
		return ""
	}
	_, tail, ok := strings.Cut(c.refusal(f, v), " out of range")
	if !ok {
		return ""
	}
	return tail
}

// refusal returns what Validate says of the field f set to v in a copy
// of c, after the field's name ("-1 out of range 1..100000"), or "" when
// it says nothing of f: it takes v, or it refuses another field first.
// It reads no file (validate(false)).
func (c *Config) refusal(f configField, v any) string {
	probe := c.Clone()
	field := reflect.ValueOf(&probe).Elem().Field(f.index)
	field.Set(reflect.ValueOf(v).Convert(field.Type()))
	err := probe.validate(false)
	if err == nil {
		return ""
	}
	if !slices.Contains(FaultKeys(err), f.key) { // or of a pair: "d_beta1, d_beta2: …"
		return ""
	}
	_, msg, _ := strings.Cut(err.Error(), ": ") // after the keys
	return msg
}

// allowed is "; allowed: " and the range of the number field f
// (rangeOf), or "" when there is none to say.
func (c *Config) allowed(f configField) string {
	r := strings.TrimLeft(c.rangeOf(f), ": ")
	if r == "" {
		return ""
	}
	return "; allowed: " + r
}

// outOfRange is the error for value, a number no field of f's type holds
// (1e999, or 1e20 and 1e400 for an integer), worded as Validate's for one
// it holds but does not allow, from --set and a preset file alike.
func (c *Config) outOfRange(f configField, value string) error {
	if r := c.rangeOf(f); r != "" {
		return fmt.Errorf("%s: %s out of range%s", f.key, value, r)
	}
	return fmt.Errorf("%s: %s is out of range", f.key, value)
}

// infOrNaN reports whether s is a spelling strconv reads as an infinity
// or NaN (inf, +Inf, -Infinity, nan), which no field allows, or a NaN
// with a sign, as glibc's printf writes one (-nan) and strconv reads a
// sign on an infinity only: +nan is "not a finite number", as nan
// is.
func infOrNaN(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') && strings.EqualFold(s[1:], "nan") {
		return true
	}
	x, err := strconv.ParseFloat(s, 64)
	return err == nil && !finite(x)
}

// notFinite is the error for value, an infinity or NaN as written
// (infOrNaN), given to the number field f, or to one of its widths when
// what is "width ": not a finite number, and the range to give instead.
// "Out of range" would not fit NaN, which is in no order, and the value
// is quoted as typed (inf, not +Inf).
func (c *Config) notFinite(f configField, what, value string) error {
	return fmt.Errorf("%s: %s%s is not a finite number%s", f.key, what, value, c.allowed(f))
}

// readWhole reads text, the value of the integer field f as written
// (trimmed), or one width of the list of widths f when what is "width ",
// in one rule for --set and a preset file, so that a value is told what
// is wrong with it in the same words whichever way it came in: an
// infinity or NaN is not a finite number (notFinite), a whole number no
// int holds is out of range, another number is not a whole number, and
// anything else, quoted, is not a number; each with the range to give
// instead. --set epochs=1.5 and a file's "epochs": 1.5 are both told
// 1.5 is not a whole number, and so is a width 2.5 either way.
func (c *Config) readWhole(f configField, what, text string) (int64, error) {
	if infOrNaN(text) {
		return 0, c.notFinite(f, what, clip(text))
	}
	n, err := readInt(text)
	switch {
	case err == nil:
		return n, nil
	case errors.Is(err, errNoInt) && what == "":
		return 0, c.outOfRange(f, clip(text))
	case errors.Is(err, errNoInt): // Validate's words for a width: width 5000 out of range 1..4096
		return 0, fmt.Errorf("%s: %s%s out of range%s", f.key, what, clip(text), c.rangeOf(f))
	case isNumber(text):
		return 0, fmt.Errorf("%s: %s%s is not a whole number%s", f.key, what, clip(text), c.allowed(f))
	}
	if err := PlusSignAnd(text, c.afterPlus(f, what, text)); err != nil {
		return 0, fmt.Errorf("%s: %s%w", f.key, what, err)
	}
	if err := c.goForm(f, what, text); err != nil {
		return 0, err
	}
	if err := c.commas(f, text, ""); err != nil { // a width's commas are the list's: f is no number then
		return 0, err
	}
	return 0, fmt.Errorf("%s: %s%s is not a number%s", f.key, what, strconv.Quote(clip(text)), c.allowed(f))
}

// goForm is the error for text, a number in a form Go reads and ganui
// does not (GoNumberForm), given to the field f (or to a width of it,
// what "width "): `batch: "0x40" is hexadecimal; write it in decimal: 64`,
// `epochs: "10_000" has underscores; write it without them: 10000`, where
// both were "is not a number", which a user who wrote a number could not
// mend. What is wrong with the number written so is told with it, as
// after a + (PlusSignAnd): `"0x2000" is hexadecimal, and 8192 out of
// range 1..4,096`. It is nil for any other text.
func (c *Config) goForm(f configField, what, text string) error {
	plain, how := GoNumberForm(text)
	if plain == "" {
		return c.minusAnd(f, what, text, "")
	}
	return c.writtenAs(f, what, text, plain, how)
}

// minusAnd is the error for text, a number with a minus sign or a dash
// in its minus's place written another way too, with a decimal comma or
// underscores ("−0,5", "−1_0"), given to the field f (or to a width of
// it, what "width "), written in (in, "" or "is text in quotes and "):
// the sign told, and what is wrong with the number
// written with a hyphen, `gp: "−0,5" has a minus sign −, and "-0,5" has
// a decimal comma, and -0.5 out of range: 0 (off) or (0,1000]`, where
// it was "is not a number", as though the minus or the comma alone did
// not read. It is nil for any other text, and where the hyphen's number
// is none either way (GoNumberForm, readCommas).
func (c *Config) minusAnd(f configField, what, text, in string) error {
	hyphened, how := minusSign(text)
	if hyphened == "" {
		return nil
	}
	if p, _ := GoNumberForm(hyphened); p == "" && c.readCommas(f, hyphened) == nil {
		return nil
	}
	err := c.wrongWith(f, what, hyphened)
	if err == nil { // not met: a number the hyphen alone mends is GoNumberForm's
		return nil
	}
	return fmt.Errorf("%s: %s%s %s%s, and %v", f.key, what, strconv.Quote(clip(text)), in, how, err)
}

// writtenAs is the error for text, the number plain written another way,
// how ("has commas; write it without them"), given to the field f (or to
// a width of it, what "width "): the number to write, or what is wrong
// with it too.
func (c *Config) writtenAs(f configField, what, text, plain, how string) error {
	quoted := strconv.Quote(clip(text))
	if err := c.wrongWith(f, what, plain); err != nil {
		written, _, _ := strings.Cut(how, ";")
		return fmt.Errorf("%s: %s%s %s, and %v", f.key, what, quoted, written, err)
	}
	return &SettingError{head: fmt.Sprintf("%s: %s%s %s: ", f.key, what, quoted, how), Number: plain}
}

// SettingError is an error of Set's that ends offering what to write
// instead of the value it refuses: the one number (Number), as `batch:
// "1,024" has commas; write it without them: 1024` does, or a list of
// widths written bare (Widths), as `g_hidden: width "048" begins with a
// 0, …; 2,048 is one width? write it 2048, or 2,48 for 2 widths` does.
// It is for a caller that checks or rewrites what is offered (main's
// --set, session's --sweep) from the value, not from the message's
// words.
type SettingError struct {
	// Number is the number the message ends with, "1024"; "" where it
	// offers widths, or ends otherwise (`gp: "1,000" has commas; write it
	// without them: 1000, or 1.000 if the comma is a decimal one`).
	Number string
	// Widths is the list of widths, written bare as --set takes them,
	// "2,48", the message offers near its end; "" where it offers a
	// number.
	Widths string
	// head and tail are the message before and after what it offers.
	head, tail string
}

func (e *SettingError) Error() string { return e.Offering(e.Widths) }

// Offering is the message with the widths it offers written as widths
// ("[2,48]", as a --sweep value holds a list), where it offers widths;
// the message as it is where it offers a number.
func (e *SettingError) Offering(widths string) string {
	if e.Widths == "" {
		widths = ""
	}
	return e.head + e.Number + widths + e.tail
}

// GoNumberForm reads text, a number in a form Go reads and ganui does
// not (PlainNumber): hexadecimal, "0x40" (or "0x1p-3"), or with
// underscores between its digits, "10_000". It gives the number in the
// digits ganui reads, "64", "0.125", "10000", and how text was written,
// "is hexadecimal; write it in decimal" or "has underscores; write it
// without them", so that --set and the count flags tell a user who wrote
// a number the one to write; plain is "" for any other text. A number in
// full-width digits, as an East Asian input method types them ("１０００"),
// is read too, "has full-width digits; write it in plain digits", with
// its full-width plus ("＋５") dropped, as a + is (PlusSignAnd); so is a
// minus sign or an en dash in a minus's place ("1e−3"), as a paper or a
// word processor writes one, "has a minus sign −; write it with a
// hyphen -", where it was "not a number" with nothing to say why; and
// digits of another script ("٥"), "has digits of another script; write
// it in plain digits", where full-width digits were told and they were
// "not a number".
func GoNumberForm(text string) (plain, how string) {
	digits := strings.TrimPrefix(text, "-")
	switch {
	case strings.ContainsAny(text, minusSigns):
		plain, how = minusSign(text)
		how += "; write it with a hyphen -"
	case strings.ContainsFunc(text, isFullWidth):
		plain = strings.Map(func(r rune) rune {
			if isFullWidth(r) {
				return r - 0xFF01 + '!'
			}
			return r
		}, text)
		how = "has full-width digits; write it in plain digits"
		if n, ok := strings.CutPrefix(plain, "+"); ok && PlainNumber(n) { // ＋５: a sign a number has no need of
			plain, how = n, "has full-width digits and a + before it; write it in plain digits without the +"
		}
		if !PlainNumber(plain) { // ０x１０: told as no number, not twice rewritten
			return "", ""
		}
	case strings.ContainsFunc(text, otherDigit):
		plain = strings.Map(func(r rune) rune {
			if otherDigit(r) {
				return '0' + digitValue(r)
			}
			return r
		}, text)
		how = "has digits of another script; write it in plain digits"
	case len(digits) > 2 && strings.EqualFold(digits[:2], "0x"):
		if n, err := strconv.ParseInt(text, 0, 64); err == nil {
			plain = strconv.FormatInt(n, 10)
		} else if x, err := strconv.ParseFloat(text, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			plain = numtext.FormatFloat(x) // 0x1p-3
		}
		how = "is hexadecimal; write it in decimal"
	case strings.Contains(text, "_"):
		plain = strings.ReplaceAll(text, "_", "")
		how = "has underscores; write it without them"
	}
	if plain == "" || !isNumber(plain) {
		return "", ""
	}
	return plain, how
}

// minusSigns are the characters a paper or a word processor writes in a
// minus's place: U+2212 MINUS SIGN and U+2013 EN DASH.
const minusSigns = "\u2212\u2013"

// hyphens writes each of minusSigns as a hyphen.
var hyphens = strings.NewReplacer("\u2212", "-", "\u2013", "-")

// minusSign reads text for minusSigns: hyphened is text with each a
// hyphen, and sign what is said of them, "has a minus sign −" or, where
// a dash is among them, "has a dash –", the words GoNumberForm, minusAnd
// and readNums tell them in; both "" where text has none.
func minusSign(text string) (hyphened, sign string) {
	if !strings.ContainsAny(text, minusSigns) {
		return "", ""
	}
	sign = "has a minus sign −"
	if strings.ContainsRune(text, '\u2013') {
		sign = "has a dash –"
	}
	return hyphens.Replace(text), sign
}

// LeadingZeros is text, a number whose whole part begins with a 0
// before another digit ("05", "00", "-007.5"), as Go reads one and
// JSON, and so a preset file, does not, without those 0s ("5", "0",
// "-7.5"), and how it was written, "has a leading 0; write it without
// it"; a zero's - goes with its 0s ("-00" is "0", "has a - and a
// leading 0; write it without them"); "" and "" for any other text.
func LeadingZeros(text string) (plain, how string) {
	sign, digits := "", text
	if d, ok := strings.CutPrefix(text, "-"); ok {
		sign, digits = "-", d
	}
	n := 0
	for n+1 < len(digits) && digits[n] == '0' && '0' <= digits[n+1] && digits[n+1] <= '9' {
		n++
	}
	if n == 0 || !isNumber(text) {
		return "", ""
	}
	zeros := "a leading 0"
	if n > 1 {
		zeros = "leading 0s"
	}
	if sign != "" && strings.Trim(digits, "0.") == "" {
		// -00: a zero, which has no sign (unsigned), so the - goes with
		// the 0s and is said to: "-00" `has a - and a leading 0; write
		// it without them: 0`, where the - was dropped without a word.
		return digits[n:], "has a - and " + zeros + "; write it without them"
	}
	if n > 1 {
		return sign + digits[n:], "has " + zeros + "; write it without them"
	}
	return sign + digits[n:], "has " + zeros + "; write it without it"
}

// leadingZeros is the error for text, given to the field f (or to a
// width of it, what "width "), where its whole part begins with a 0
// before another digit (LeadingZeros): --set gp=05 is `gp: "05" has a
// leading 0; write it without it: 5`, as a preset file's "gp": 05 is
// "05: JSON writes it 5", where --set took it as 5 and gp=00 as 0. The
// 0 may as well be a point's lost, 0.5, as nothing: the number is told,
// not guessed. It is nil for any other text.
func (c *Config) leadingZeros(f configField, what, text string) error {
	plain, how := LeadingZeros(text)
	if plain == "" {
		return nil
	}
	return c.writtenAs(f, what, text, plain, how)
}

// isFullWidth reports whether r is a full-width form of a printable
// ASCII character (U+FF01 to U+FF5E: "１", "．", "ｅ").
func isFullWidth(r rune) bool { return 0xFF01 <= r && r <= 0xFF5E }

// otherDigit reports whether r is a decimal digit of a script other
// than ASCII's (Arabic-Indic ٥, Devanagari ५), which GoNumberForm reads
// as the digit it is, as it reads a full-width one.
func otherDigit(r rune) bool { return r > unicode.MaxASCII && unicode.IsDigit(r) }

// digitValue is the value of r, a decimal digit (unicode.IsDigit):
// Unicode puts each script's digits in a run from 0 to 9, the runs of
// some scripts side by side (mathematical 𝟎-𝟗, 𝟘-𝟡, …), so it is r's
// place in its runs, counted from the first.
func digitValue(r rune) rune {
	first := r
	for unicode.IsDigit(first - 1) {
		first--
	}
	return (r - first) % 10
}

// thousands matches digits grouped by commas in threes, 10,000.
var thousands = regexp.MustCompile(`^[1-9][0-9]{0,2}(,[0-9]{3})+$`)

// Grouped reads text, a whole number written with commas between groups
// of three digits as a reader writes one ("10,000"), and gives it in the
// digits ganui reads ("10000"), so that a count given so, to a count
// flag or to --set, is told the number to write; ok is false for any
// other text.
func Grouped(text string) (plain string, ok bool) {
	if !thousands.MatchString(text) {
		return "", false
	}
	return strings.ReplaceAll(text, ",", ""), true
}

// decimalComma reads text, given to the field f, as a number with a
// decimal comma, as much of Europe writes one ("0,001"), and gives it
// with a point ("0.001"), so that --set g_lr=0,001 is told the number to
// write, where it was "not a number"; "" for any other text, for a field
// of whole numbers, and for commas that group thousands ("1,000"), which
// may be either. A whole part written with a 0 too many, "00,5", is
// given without it, "0.5", as Go would read 00.5.
func decimalComma(f configField, text string) string {
	if f.kind.Kind() != reflect.Float64 || f.name || !decimalCommas.MatchString(text) {
		return ""
	}
	if _, ok := Grouped(strings.TrimPrefix(text, "-")); ok {
		return ""
	}
	whole, digits, _ := strings.Cut(text, ",")
	sign := ""
	if w, ok := strings.CutPrefix(whole, "-"); ok {
		sign, whole = "-", w
	}
	if w := strings.TrimLeft(whole, "0"); w != "" {
		whole = w
	} else {
		whole = "0"
	}
	return sign + whole + "." + digits
}

// A CommaReading is a number that digits written with commas may be, as
// the key they are given to reads them (ReadCommas).
type CommaReading struct {
	Number  string // the number as ganui writes it: "1000", "0.001"
	Decimal bool   // the comma read as a decimal one; else the commas group thousands
	Refused string // what the key says of Number, "1000 out of range (0,10]", without the key's name; "" where it takes it
}

// CommaReadings are the numbers that digits written with commas, given
// to a key of a number, may be, in one rule for --set, --sweep's hints
// and a preset file (presets' commaReason): a fraction written with a
// decimal comma, "0,001", is the one number 0.001; digits grouped in
// threes, "10,000", are 10000, and a fraction's before its point,
// "1,000.5", 1000.5; and a fraction's one comma before three
// digits, "1,000", may be either, its thousands first, 1000 and 1.000.
// Each reading carries what the key says of it, so that only the
// readings the key takes are offered and the others are told why not.
type CommaReadings []CommaReading

// ReadCommas is what text, digits with commas in them given to key, may
// be (CommaReadings); nil for text that reads as no number so, for a
// key that takes no number, and for a key that is none. What each reading
// is refused for is said of c, the design the key is given to.
func (c *Config) ReadCommas(key, text string) CommaReadings {
	f, err := lookupField(key)
	if err != nil {
		return nil
	}
	return c.readCommas(f, text)
}

// readCommas is ReadCommas for the field f.
func (c *Config) readCommas(f configField, text string) CommaReadings {
	if k := f.kind.Kind(); f.name || k != reflect.Int && k != reflect.Float64 {
		return nil
	}
	// A sign before the digits, "-1,000", is read with them as the
	// unsigned form is, so that the number is told its range, where it
	// was "not a number" while "-0,001" was read (decimalComma).
	sign := ""
	if t, ok := strings.CutPrefix(text, "-"); ok && t != "" && '0' <= t[0] && t[0] <= '9' {
		sign, text = "-", t
	}
	reading := func(number string, decimal bool) CommaReading {
		number = sign + number
		r := CommaReading{Number: number, Decimal: decimal}
		if err := c.wrongWith(f, "", number); err != nil {
			r.Refused = err.Error()
		}
		return r
	}
	if whole, frac, ok := strings.Cut(text, "."); ok && strings.Trim(frac, "0123456789") == "" {
		// A fraction's thousands grouped before its point, "1,000.5",
		// read whole as 1000.5, where a preset file read "000.5" alone
		// ("000.5: JSON writes it 0.5") and --set said "not a number";
		// to a count too, which is then told it is not whole: epochs=1,000.5
		// `has commas, and 1000.5 is not a whole number`, as --sweep
		// tells it, where --set said it "is not a number".
		// A count's fraction of 0s, "1,024.0", is the whole number --set
		// takes, "1024", where it was told to write 1024.0. A point
		// alone, "1,024.", is the whole number to any key, as 1024. is
		// read 1024, where it was "not a number" (g_hidden=2,048. is one
		// width, groupedWhole).
		if plain, ok := Grouped(whole); ok {
			if frac == "" || f.kind.Kind() == reflect.Int && strings.Trim(frac, "0") == "" {
				return CommaReadings{reading(plain, false)}
			}
			return CommaReadings{reading(plain+"."+frac, false)}
		}
		return nil
	}
	plain, grouped := Grouped(text)
	if !grouped {
		if point := decimalComma(f, text); point != "" {
			return CommaReadings{reading(point, true)}
		}
		return nil
	}
	readings := CommaReadings{reading(plain, false)}
	if f.kind.Kind() == reflect.Float64 && strings.Count(text, ",") == 1 {
		readings = append(readings, reading(strings.Replace(text, ",", ".", 1), true))
	}
	return readings
}

// Decimal reports whether the commas read as a decimal one alone
// ("0,001"): such text "has a decimal comma", any other "has commas".
func (r CommaReadings) Decimal() bool { return len(r) == 1 && r[0].Decimal }

// Hint is what follows how the digits were written ("has commas", "JSON
// has no commas in a number"): the readings the key takes, to write, and
// what is wrong with those it does not, "; write it 1000, or 1.000 if the
// comma is a decimal one", ", and 1000 out of range (0,10]; if the comma
// is a decimal one, write it 1.000", ", and 12.5 out of range (0,10]". A
// reading after the first that the key refuses, where the first is
// taken, goes unsaid: the number to write is enough. Where ways is true,
// the number to write is told how it differs, as --set tells a number
// written otherwise (writtenAs): "write it without them: 1000", "write
// it with a point: 0.001".
func (r CommaReadings) Hint(ways bool) string {
	before, number := r.hint(ways)
	return before + number
}

// hint is Hint in two parts: the number it ends with, to write ("1000"
// of "; write it without them: 1000"), and the words before it; number
// is "" where Hint ends otherwise (", or 1.000 if the comma is a decimal
// one", a refusal), before then all of it.
func (r CommaReadings) hint(ways bool) (before, number string) {
	if len(r) == 0 {
		return "", ""
	}
	write := func(x CommaReading) string { // the words before x's number
		switch {
		case !ways:
			return "write it "
		case x.Decimal:
			return "write it with a point: "
		}
		return "write it without them: "
	}
	first := r[0]
	if first.Refused == "" {
		if len(r) > 1 && r[1].Refused == "" {
			return "; " + write(first) + first.Number + ", or " + r[1].Number + decimalOne, ""
		}
		return "; " + write(first), first.Number
	}
	before = ", and " + first.Refused
	if len(r) > 1 {
		if r[1].Refused == "" {
			return before + "; if the comma is a decimal one, " + write(r[1]), r[1].Number
		}
		before += "; if the comma is a decimal one, " + r[1].Refused
	}
	return before, ""
}

// Takes is the readings the key takes, as the numbers to write: "0.001",
// "1000, or 1.000 if the comma is a decimal one", "1.000 if the comma is
// a decimal one"; "" where it takes none.
func (r CommaReadings) Takes() string {
	var takes []string
	for _, x := range r {
		if x.Refused != "" {
			continue
		}
		if x.Decimal && !r.Decimal() {
			takes = append(takes, x.Number+decimalOne)
		} else {
			takes = append(takes, x.Number)
		}
	}
	return strings.Join(takes, ", or ")
}

// decimalOne follows the number a fraction's "1,000" is with its comma a
// decimal one, where it may group thousands too.
const decimalOne = " if the comma is a decimal one"

// commas is the error for text, digits with commas in them given to the
// field f of a number, written in (in, "" or "is text in quotes and "),
// where they read as a number (readCommas), each reading the field takes
// told: with a decimal comma, "0,001" `has a decimal comma; write it
// with a point: 0.001`; with commas between its thousands, "1,000,000"
// `has commas, and 1000000 out of range …`; a fraction's "1,000", either,
// gp=1,000 `has commas; write it without them: 1000, or 1.000 if the
// comma is a decimal one`, g_lr=1,000 `has commas, and 1000 out of range
// (0,10]; if the comma is a decimal one, write it with a point: 1.000`,
// where both were "is not a number", though batch=1,024 was told its
// 1024. It is nil for any other text.
func (c *Config) commas(f configField, text, in string) error {
	r := c.readCommas(f, text)
	if r == nil {
		return nil
	}
	how := "has commas"
	if r.Decimal() {
		how = "has a decimal comma"
	}
	before, number := r.hint(true)
	return &SettingError{head: fmt.Sprintf("%s: %s %s%s%s", f.key, strconv.Quote(clip(text)), in, how, before), Number: number}
}

// DecimalComma is text, a value given to key, with its decimal comma
// written as a point, as decimalComma reads one ("0,001" to g_lr is
// "0.001"), so that a --sweep value split at its comma is told the
// number to write; "" where decimalComma reads none, and for a key that
// is none.
func DecimalComma(key, text string) string {
	f, err := lookupField(key)
	if err != nil {
		return ""
	}
	return decimalComma(f, text)
}

// decimalCommas matches digits with one comma between them, 0,001, and
// 00,5, whose whole part has a 0 too many: --set gp=00,5 is told its
// 0.5, where it was "not a number" and offered --sweep gp=00,5, which
// trained 0 and 5. (A sweep's values split at their commas are read so
// only where the whole part is the first value: gp=1,000,000's 000 and
// 000 are no fraction, "write it 000.000"; session's decimalCommaAt.)
var decimalCommas = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)

// afterPlus is what is wrong with the number after the '+' of text, given
// to the field f (or to a width of it, what "width "), for PlusSignAnd:
// wrongWith that number; nil when text has no '+' before a number. So
// --set epochs=+1.5 is told both that it has a + and that 1.5 is not
// whole, and epochs=+2e9 that 2e9 is out of range.
func (c *Config) afterPlus(f configField, what, text string) error {
	bare, ok := withoutPlus(text)
	if !ok {
		return nil
	}
	return c.wrongWith(f, what, bare)
}

// wrongWith is what is wrong with number, a number written as ganui
// writes one, given to the field f (or to a width of it, what "width "):
// the error Set gives it, or what Validate says of the value it sets
// (refusal), without the field's name and what; nil when nothing is. It
// is said after what is wrong with how number was written (a + before
// it, quotes around it), so that the writing and the number are told in
// one message, not one after the other on two tries.
func (c *Config) wrongWith(f configField, what, number string) error {
	probe := c.Clone()
	msg := ""
	if err := probe.set(f.key, number); err != nil {
		msg = strings.TrimPrefix(err.Error(), f.key+": ")
	} else {
		msg = c.refusal(f, reflect.ValueOf(probe).Field(f.index).Interface())
	}
	if msg == "" {
		return nil
	}
	return errors.New(strings.TrimPrefix(msg, what))
}

// isNumber reports whether s is a number as ganui writes one
// (PlainNumber), finite or too large for a float64 (1e999).
func isNumber(s string) bool {
	_, err := parseFloat(s)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

// readJSONWhole is readWhole for raw, a JSON value: one that is no JSON
// number is told so (jsonNotNumber), any other is read as written.
func (c *Config) readJSONWhole(f configField, what string, raw []byte) (int64, error) {
	if err := c.jsonNotNumber(f, what, raw); err != nil {
		return 0, err
	}
	return c.readWhole(f, what, string(raw))
}

// jsonNotNumber returns the error for raw, a JSON value given to the
// number field f, or to one of its widths when what is "width ", when it
// is a string or a literal, which is no number whatever it holds, and
// nil for any other value. A string that holds a number is told that its
// quotes are the problem, `width "32" is text in quotes; write it
// without them: 32`, and what is wrong with the number too, when
// anything is (wrongWith), `"1.5" is text in quotes, and 1.5 is not a
// whole number`, so that one try mends both; any other string by
// its text as --set's x is, and one of inf or NaN as not finite (without
// its quotes, JSON has none to give); true, false and null by name, as JSON writes
// them, not as if quoted text.
func (c *Config) jsonNotNumber(f configField, what string, raw []byte) error {
	switch string(raw) {
	case "true", "false", "null":
		return fmt.Errorf("%s: %s%s is not a number%s", f.key, what, raw, c.allowed(f))
	}
	var text string
	if !bytes.HasPrefix(raw, []byte(`"`)) || json.Unmarshal(raw, &text) != nil {
		return nil
	}
	if infOrNaN(text) { // no field takes it, in quotes or not: told so, not to drop the quotes
		return c.notFinite(f, what, clip(text))
	}
	if isNumber(text) {
		if err := c.wrongWith(f, what, text); err != nil {
			return fmt.Errorf("%s: %s%s is text in quotes, and %w", f.key, what, strconv.Quote(clip(text)), err)
		}
		return inQuotes(f, what, text, "without them: "+clip(text))
	}
	if n, ok := withoutPlus(text); ok {
		if err := c.wrongWith(f, what, n); err != nil {
			return fmt.Errorf("%s: %s%s is text in quotes with a + before it, and %w", f.key, what, strconv.Quote(clip(text)), err)
		}
		return inQuotes(f, what, text, "without them and its +: "+clip(n))
	}
	// A number in quotes written another way, "10,000" or "１０００", is
	// told both, and the number to write, as --set tells it without the
	// quotes (commas, writtenAs).
	if err := c.commas(f, text, "is text in quotes and "); err != nil { // a width's "1,000" is none: f is then a list
		return err
	}
	if plain, how := GoNumberForm(text); plain != "" {
		return c.writtenAs(f, what, text, plain, "is text in quotes and "+how)
	}
	if err := c.minusAnd(f, what, text, "is text in quotes and "); err != nil { // "−0,5"
		return err
	}
	return fmt.Errorf("%s: %s%s is not a number%s", f.key, what, strconv.Quote(clip(text)), c.allowed(f))
}

// inQuotes is the error for text, a JSON string given to the number
// field f (or to a width of it, what "width ") that would be its value
// written without the quotes, with how to write it: "without them: 32",
// "as a list: [32,32]".
func inQuotes(f configField, what, text, how string) error {
	return fmt.Errorf("%s: %s%s is text in quotes; write it %s", f.key, what, strconv.Quote(clip(text)), how)
}

// listShape tells what to write for items, --set's list of nouns
// (widths, names) split at its commas and trimmed, when an item is empty
// or holds nouns separated by spaces, both of which a reader of the list
// would tell only as no width or no name: 32 32 is "widths are separated
// by commas: 32,32", 32, "an empty width after the last comma: write 32",
// relu,,identity "an empty name between two commas: write
// relu,identity". It says nothing of items that are no nouns either way
// (one reads is false of), which the list's reader then tells.
func listShape(key, noun string, items []string, bracketed bool, reads func(string) bool) error {
	var meantItems []string // the list as meant
	where := ""
	for i, item := range items {
		switch {
		case item == "" && i == 0:
			where = "before the first comma"
		case item == "" && i == len(items)-1:
			where = "after the last comma"
		case item == "":
			where = "between two commas"
		}
		for _, w := range strings.Fields(item) {
			if !reads(w) {
				return nil // no noun: told by the list's reader
			}
			meantItems = append(meantItems, w)
		}
	}
	if len(meantItems) == 0 && where != "" {
		return fmt.Errorf("%s: %q holds no %ss; for none, write %s=", key, strings.Join(items, ","), noun, key)
	}
	meant := strings.Join(meantItems, ",")
	if bracketed {
		meant = "[" + meant + "]"
	}
	switch {
	case len(meantItems) > len(items):
		return fmt.Errorf("%s: %ss are separated by commas: %s", key, noun, meant)
	case where != "":
		return fmt.Errorf("%s: an empty %s %s: write %s", key, noun, where, meant)
	}
	return nil
}

// spacedThousands is the error for the first of items, --set's widths,
// that is one width with its thousands grouped by spaces, as SI and many
// languages write them: [1 024,16] is `g_hidden: width "1 024" has
// spaces in it, as a number's thousands do; write it 1024`, where
// listShape offered "widths are separated by commas: [1,024,16]", a list
// refused next for its "024". Where the key refuses the one width, that
// is said: `…, as a number's thousands do, and as one width, 64,000 out
// of range 1..4,096`. nil where no item is such a width.
func (c *Config) spacedThousands(f configField, items []string) error {
	for _, item := range items {
		groups := strings.Fields(item)
		plain, ok := Grouped(strings.Join(groups, ","))
		if len(groups) < 2 || !ok || !slices.ContainsFunc(groups[1:], func(g string) bool { return strings.HasPrefix(g, "0") }) {
			continue
		}
		head := fmt.Sprintf("%s: width %q has spaces in it, as a number's thousands do", f.key, item)
		if err := c.wrongWith(f, "width ", plain); err != nil {
			return fmt.Errorf("%s, and as one width, %v", head, err)
		}
		return fmt.Errorf("%s; write it %s", head, plain)
	}
	return nil
}

// spacedWidths is the error for item, an item of the list of widths f
// that readWhole refused with err: when spaces separate widths in it (32
// x), the piece that is no width, named as readWhole names it, after
// how widths are separated: "g_hidden: widths are separated by commas,
// not spaces, and width \"x\" is not a number; allowed: 1..4,096". The
// whole item, `width "32 x" is not a number`, would leave the piece to
// be found. (An item whose every piece is a width is
// listShape's.) Any other item's error is err.
func (c *Config) spacedWidths(f configField, item string, err error) error {
	pieces := strings.Fields(item)
	if len(pieces) < 2 {
		return err
	}
	for _, p := range pieces {
		if _, perr := c.readWhole(f, "width ", p); perr != nil {
			return fmt.Errorf("%s: widths are separated by commas, not spaces, and %s", f.key, strings.TrimPrefix(perr.Error(), f.key+": "))
		}
	}
	return err
}

// tooNearZero is the error for value, a number other than 0 that a
// float64 holds as 0 (1e-400; underflows), in the words Validate refuses
// one the float32 the engine computes with holds as 0 with (1e-46 and
// -1e-46), value as written: out of the field's range where that refuses
// even the least value taken above 0 (a negative number; eps, whose
// range starts at 1e-12), else checkNormal32's too near 0. Taken as 0 it
// would turn a technique off (--set gp=1e-400 would train without the
// penalty), and refused as "too near 0 for a float64" it would differ
// from 1e-46's "too near 0 for the float32".
func (c *Config) tooNearZero(f configField, value string) error {
	if strings.HasPrefix(value, "-") || c.refusal(f, smallestNormal32) != "" {
		return c.outOfRange(f, value)
	}
	return nearZero32(f.key, value, "as 0")
}

// setNames sets the list v to the values named by items, each read by
// readName, its names written as quote writes them.
func setNames(key string, v reflect.Value, items []string, quote func(string) string) error {
	list := reflect.MakeSlice(v.Type(), len(items), len(items))
	for i, item := range items {
		if err := readName(key, list.Index(i), item, quote); err != nil {
			return err
		}
	}
	v.Set(list)
	return nil
}

// readName sets v, a choice or an activation of the field key, to name,
// by the one rule --set, --sweep and a preset file hold a name to, as
// they hold a number (PlainNumber): as written, spaces and all. A name
// with spaces around it is refused with the name to write, as quote
// writes it (plainName for --set, strconv.Quote for a file's JSON):
// `loss: "bce " has spaces around it; write it without them: bce`, not
// "(did you mean bce?)" of a space hard to see, nor taken by one path
// and refused by another, as --set and a file's list trimmed it and a
// file's choice refused it. (The name quoted whole, its spaces escaped,
// where clip would drop them; at most 64 bytes, else as a name that is
// none.)
func readName(key string, v reflect.Value, name string, quote func(string) string) error {
	err := setName(v, name)
	if err == nil {
		return nil
	}
	trimmed := strings.TrimSpace(name)
	if trimmed != name && trimmed != "" && len(name) <= 64 && setName(reflect.New(v.Type()).Elem(), trimmed) == nil {
		return fmt.Errorf("%s: %s has spaces around it; write it without them: %s", key, strconv.Quote(name), quote(trimmed))
	}
	return fmt.Errorf("%s: %w", key, err)
}

// plainName is a name as --set writes it: as it is.
func plainName(name string) string { return name }

// inQuoteMarks returns the inside of text when it is in a pair of
// double or single quotes ("bce", 'bce').
func inQuoteMarks(text string) (string, bool) {
	for _, q := range []string{`"`, "'"} {
		if len(text) >= 2 && strings.HasPrefix(text, q) && strings.HasSuffix(text, q) {
			return text[1 : len(text)-1], true
		}
	}
	return "", false
}

// oneInList returns the one name of text when text is a list of one
// item, in brackets, bare or in JSON's quotes ("[bce]", `["bce"]`).
func oneInList(text string) (string, bool) {
	if inner, ok := bareList(text); ok && !strings.Contains(inner, ",") {
		return strings.TrimSpace(inner), true
	}
	var items []string
	if json.Unmarshal([]byte(text), &items) == nil && len(items) == 1 {
		return items[0], true
	}
	return "", false
}

// SetJSON changes the field named key to the JSON value raw, which must
// have the field's type: null and values of another type are errors that
// name the key.
func (c *Config) SetJSON(key string, raw []byte) error {
	f, err := lookupField(key)
	if err != nil {
		return err
	}
	raw = bytes.TrimSpace(raw)
	want := map[reflect.Kind]string{
		reflect.String: "a string", reflect.Int: "an integer", reflect.Float64: "a number",
		reflect.Bool: "true or false",
	}[f.kind.Kind()]
	switch {
	case f.name:
		want = "a string"
	case f.names:
		want = "a list of strings"
	case f.kind.Kind() == reflect.Slice:
		want = "a list of integers"
	}
	if string(raw) == "null" && !(f.numbers() && f.kind.Kind() != reflect.Slice) { // a number's null is no number (jsonNotNumber)
		return fmt.Errorf("%s: want %s, got null", key, want)
	}
	if f.name || f.names {
		return c.setJSONNames(key, f, raw, want)
	}
	switch f.kind.Kind() {
	case reflect.Int:
		n, err := c.readJSONWhole(f, "", raw)
		if err != nil {
			return err
		}
		reflect.ValueOf(c).Elem().Field(f.index).SetInt(n)
		return nil
	case reflect.Slice:
		return c.setJSONInts(f, raw, want)
	case reflect.Float64: // as an integer's: "0.1" is text in quotes, true no number
		if err := c.jsonNotNumber(f, "", raw); err != nil {
			return err
		}
	case reflect.Bool: // as a number's: "false" is text in quotes, with what to write, not "want true or false, got string"
		var text string
		if json.Unmarshal(raw, &text) == nil {
			if w := strings.ToLower(strings.TrimSpace(text)); w == "true" || w == "false" {
				return fmt.Errorf("%s: %s is text in quotes; write it without them: %s", key, strconv.Quote(clip(text)), w)
			}
		}
	}
	ptr := reflect.New(f.kind)
	if err := json.Unmarshal(raw, ptr.Interface()); err != nil {
		got := string(raw)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if f.kind.Kind() == reflect.Float64 && strings.HasPrefix(te.Value, "number") {
				return c.outOfRange(f, clip(string(raw))) // 1e999: a number, but no float64
			}
			got = te.Value
		}
		return fmt.Errorf("%s: want %s, got %s", key, want, clip(got))
	}
	switch f.kind.Kind() {
	case reflect.Float64:
		if underflows(string(raw), ptr.Elem().Float()) {
			return c.tooNearZero(f, clip(string(raw)))
		}
		ptr.Elem().SetFloat(unsigned(ptr.Elem().Float()))
	case reflect.String:
		if f.key == "target" {
			ptr.Elem().SetString(tidyTarget(ptr.Elem().String()))
		}
	}
	reflect.ValueOf(c).Elem().Field(f.index).Set(ptr.Elem())
	return nil
}

// tidyTarget is spec, a target's, as ganui writes one: without the spaces
// and line breaks it may hold between its parts, when it is a target
// ParseTarget or ParsePlane reads, so that --show-preset and a run's
// header give it on one line, as its own presets write theirs: --set
// $'target=normal(0,\n1)' is written "target": "normal(0,1)" by
// --show-preset. Its numbers keep their spelling (1e-3 is
// not made 0.001). A spec that is no target is kept for its error to
// quote, and so is a points(FILE.csv) target, whose file's name is the
// user's.
func tidyTarget(spec string) string {
	if _, ok := PointsFile(spec); ok {
		return spec
	}
	if _, _, err := parseAny(spec); err != nil {
		return spec
	}
	return strings.Join(strings.Fields(spec), "")
}

// setJSONInts is SetJSON for a list of integers (widths), each read as
// a width of --set's list is (readJSONWhole): [5e3] is 5000, as
// g_hidden=5e3 is, and [1e30] is out of range, as [5000] is.
// A number alone is a list of one width, "g_hidden": 32 as [32], as
// --set g_hidden=32 is.
func (c *Config) setJSONInts(f configField, raw []byte, want string) error {
	if len(raw) > 0 && (raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9') { // a JSON number
		raw = slices.Concat([]byte("["), raw, []byte("]"))
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		if err := c.listInQuotes(f, raw); err != nil {
			return err
		}
		got := string(raw)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			got = te.Value
		}
		return fmt.Errorf("%s: want %s, got %s", f.key, want, clip(got))
	}
	list := reflect.MakeSlice(f.kind, len(items), len(items))
	for i, item := range items {
		n, err := c.readJSONWhole(f, "width ", item)
		if err != nil {
			return err
		}
		list.Index(i).SetInt(n)
	}
	reflect.ValueOf(c).Elem().Field(f.index).Set(list)
	return nil
}

// listInQuotes returns the error for raw, a JSON string given to the
// list of widths f, when --set takes its text ("32,32", "32", "[32,
// 32]"): its quotes are the problem, as a number's are, and the list to
// write is the one --set reads, as JSON writes it (`"32,32" is text in
// quotes; write it as a list: [32,32]`). Text that is no clean list is told so after
// its quotes, in the words --set tells it with, the text read as --set
// reads a list in brackets, as a file's list is written: `"32 x" is text
// in quotes; as a list, widths are separated by commas, not spaces, and
// width "x" is not a number; allowed: 1..4,096` and `"32 32" is text in
// quotes; as a list, widths are separated by commas: [32,32]`, each with
// one "and". A width out of range is told there too, so that "5000" is
// not told to write [5000] only to be refused for its size; and a
// + before a width is dropped from the list to write, "+5" told to
// write [5]. Text that is no list even
// so ("[32") keeps those words, as does any value that is no string,
// for which it is nil, told as SetJSON tells one of the wrong type.
func (c *Config) listInQuotes(f configField, raw []byte) error {
	var text string
	if !bytes.HasPrefix(raw, []byte(`"`)) || json.Unmarshal(raw, &text) != nil {
		return nil
	}
	list := text
	if !strings.HasPrefix(strings.TrimSpace(text), "[") {
		list = "[" + text + "]"
	}
	widths, words := c.widthsIn(f, list)
	if strings.HasPrefix(words, "want ") { // no list at all: SetJSON's words for a string
		return nil
	}
	how := "as a list: "
	if words != "" {
		// A + before a width is dropped from the list to write, when
		// that is all that is wrong with it, as a number's is.
		plain, dropped := withoutPluses(list)
		if !dropped {
			return fmt.Errorf("%s: %s is text in quotes; as a list, %s", f.key, strconv.Quote(clip(text)), words)
		}
		var still string
		if widths, still = c.widthsIn(f, plain); still != "" {
			return fmt.Errorf("%s: %s is text in quotes; as a list, %s", f.key, strconv.Quote(clip(text)), words)
		}
		how = "as a list, without the +: "
	}
	items := make([]string, len(widths))
	for i, w := range widths {
		items[i] = strconv.Itoa(w)
	}
	return inQuotes(f, "", text, how+"["+strings.Join(items, ",")+"]")
}

// widthsIn reads list, a list of widths in --set's words, as the widths
// of the field f, and checks them as Validate does (refusal), so that a
// width out of range is told before, not after, the list to write: it
// returns the widths, or nil and what is wrong, without the field's name.
func (c *Config) widthsIn(f configField, list string) ([]int, string) {
	probe := c.Clone()
	if err := probe.set(f.key, list); err != nil {
		return nil, strings.TrimPrefix(err.Error(), f.key+": ")
	}
	widths := reflect.ValueOf(probe).Field(f.index).Interface().([]int)
	if r := c.refusal(f, widths); r != "" {
		return nil, r
	}
	return widths, ""
}

// withoutPluses is list, a list of widths in brackets, with the '+'
// before any width dropped (withoutPlus), and whether there was one.
func withoutPluses(list string) (string, bool) {
	items := strings.Split(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(list), "["), "]"), ",")
	dropped := false
	for i, item := range items {
		if n, ok := withoutPlus(strings.TrimSpace(item)); ok {
			items[i], dropped = n, true
		}
	}
	return "[" + strings.Join(items, ",") + "]", dropped
}

// setJSONNames is SetJSON for a field holding a name or a list of names:
// the JSON string or list of strings raw, read as names.
func (c *Config) setJSONNames(key string, f configField, raw []byte, want string) error {
	v := reflect.ValueOf(c).Elem().Field(f.index)
	var one string
	var list []string
	target := any(&list)
	if f.name {
		target = &one
	}
	if err := json.Unmarshal(raw, target); err != nil {
		if err := c.namesInQuotes(f, raw); err != nil {
			return err
		}
		// One name in a list, to a field of one name, is told the name
		// to write: `loss: ["bce"] is a list; write the name alone:
		// "bce"`, where it was "want a string, got array", no way on.
		var items []string
		if f.name && json.Unmarshal(raw, &items) == nil && len(items) == 1 && setName(reflect.New(f.kind).Elem(), items[0]) == nil {
			return fmt.Errorf("%s: %s is a list; write the name alone: %s", key, clip(string(raw)), strconv.Quote(items[0]))
		}
		if err := c.notNames(f, raw); err != nil {
			return err
		}
		got := string(raw)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			got = te.Value
		}
		return fmt.Errorf("%s: want %s, got %s", key, want, clip(got))
	}
	if f.name {
		trimmed := strings.TrimSpace(one)
		if trimmed == "" {
			return c.noName(f, one)
		}
		return readName(key, v, one, strconv.Quote)
	}
	if i := slices.IndexFunc(list, func(n string) bool { return strings.TrimSpace(n) == "" }); i >= 0 {
		return c.emptyInList(f, list, i)
	}
	return setNames(key, v, list, strconv.Quote)
}

// notNames is the error for raw, a JSON number, list, object, true or
// false given to the field f of a name or a list of names, which takes
// none of them: what raw is and what the key takes, with the design's own
// as the example, {"loss": 1} `loss: 1 is a number, not a name: give one
// of bce, least_squares, wasserstein, hinge, e.g. "loss": "bce"`, where
// it was "want a string, got number", no way on. It is nil for a list
// given to a list of names (an item is at fault), and for null.
func (c *Config) notNames(f configField, raw []byte) error {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	var is string
	switch raw[0] {
	case '[':
		if f.names {
			return nil
		}
		is = "a list"
	case '{':
		is = "an object"
	case 't', 'f':
		is = "true or false"
	case 'n', '"':
		return nil
	default:
		is = "a number"
	}
	form, example, err := c.ValueForm(f.key)
	if err != nil {
		return nil
	}
	want, written := "a name", strconv.Quote(example)
	if f.names {
		list, _ := json.Marshal(c.actsFor(f.key))
		want, written = "a list", string(list)
	}
	return fmt.Errorf("%s: %s is %s, not %s: give %s, e.g. %s: %s", f.key, clip(string(raw)), is, want, form, strconv.Quote(f.key), written)
}

// emptyInList is the error for list, a preset file's list of names whose
// name i is empty or only spaces, ["relu","relu",""]: which name, what a
// name is, and the list to write, its empty names the design's own at
// their places (actsFor), `g_acts: name 3 of 3 is empty: give one of
// identity, relu, …, e.g. "g_acts": ["relu","relu","identity"]`, where it
// was `"" is not one of identity, relu, …`, as if "" were a name
// misspelt. A list of another length than the design takes is given the
// design's own whole.
func (c *Config) emptyInList(f configField, list []string, i int) error {
	own := c.actsFor(f.key)
	example := make([]string, len(own))
	for j, a := range own {
		example[j] = a.String()
		if len(list) == len(own) && strings.TrimSpace(list[j]) != "" {
			example[j] = list[j]
		}
	}
	written, _ := json.Marshal(example)
	return blank(f, fmt.Sprintf("%s: name %d of %d", f.key, i+1, len(list)), list[i], "one of "+joinNames(activationNames), string(written))
}

// namesInQuotes returns the error for raw, a JSON string given to the
// list of names f, as a list of widths in quotes is told (listInQuotes):
// the list to write, as JSON writes it, where the text is a list as --set
// reads one, `g_acts: "relu,identity" is text in quotes; write it as a
// list: ["relu","identity"]`, or what is wrong with it read so, `"relu,
// swish" is text in quotes; as a list, "swish" is not one of …`, where
// it was "want a list of strings, got string", no way on. It is nil for
// any raw that is no JSON string, for text that is no list even so
// ("[relu"), and for a field that holds one name.
func (c *Config) namesInQuotes(f configField, raw []byte) error {
	var text string
	if !f.names || !bytes.HasPrefix(raw, []byte(`"`)) || json.Unmarshal(raw, &text) != nil {
		return nil
	}
	if strings.TrimSpace(text) == "" {
		return c.noNames(f, text)
	}
	list := text // read as a list in brackets, whose spaces between items are JSON's
	if !strings.HasPrefix(strings.TrimSpace(text), "[") {
		list = "[" + text + "]"
	}
	probe := c.Clone()
	if err := probe.set(f.key, list); err != nil {
		words := strings.TrimPrefix(err.Error(), f.key+": ")
		if strings.HasPrefix(words, "want ") { // no list at all ("[relu"): SetJSON's words for a string
			return nil
		}
		// Names separated by spaces, or by commas with one too many, as
		// --set tells them (namesShape): the list they make, in JSON's
		// words, where "as a list, names are separated by commas:
		// [relu,identity]" gave --set's.
		names := strings.FieldsFunc(strings.Trim(strings.TrimSpace(text), "[]"), func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
		if len(names) == 0 || probe.set(f.key, "["+strings.Join(names, ",")+"]") != nil {
			return fmt.Errorf("%s: %s is text in quotes; as a list, %s", f.key, strconv.Quote(clip(text)), words)
		}
	}
	written, err := json.Marshal(reflect.ValueOf(probe).Field(f.index).Interface())
	if err != nil {
		return nil
	}
	return inQuotes(f, "", text, "as a list: "+string(written))
}

// noName is the error for one, a choice's name in a preset file that is
// empty or only spaces: what a name of the key is and one to write, as
// --set loss= is told (ValueForm): `loss is empty: give one of bce,
// least_squares, wasserstein, hinge, e.g. "loss": "bce"`, or "loss holds
// only spaces: …". Read as the unset choice, "" was refused by Validate
// with an empty suggestion, "(did you mean ?)", and " " was told only
// that it is not one of the names.
func (c *Config) noName(f configField, one string) error {
	form, example, _ := c.ValueForm(f.key)
	return blank(f, f.key, one, form, strconv.Quote(example))
}

// noNames is the error for text, a list of names in a preset file given
// as a string that is empty or only spaces: what the list is and the
// design's own to write, as a choice's empty name is told (noName),
// `g_acts is empty: give a list of activations, one per hidden layer and
// one for the output, each one of …, e.g. "g_acts":
// ["leaky_relu","leaky_relu","identity"]`, where "" was told to write [],
// which has no activation for the output and is refused for its count.
func (c *Config) noNames(f configField, text string) error {
	form, _, _ := c.ValueForm(f.key)
	example, err := json.Marshal(c.actsFor(f.key))
	if err != nil {
		example = []byte("[]")
	}
	return blank(f, f.key, text, form, string(example))
}

// blank is the error for text, a name or a list of names given to the
// field f in a preset file, named as what ("loss", "g_acts: name 3 of
// 3"), that is empty or only spaces: which it is, what to give, form,
// and written, the value to write, as the key takes it: `loss is empty:
// give one of bce, …, e.g. "loss": "bce"`, for noName, noNames and
// emptyInList alike.
func blank(f configField, what, text, form, written string) error {
	is := "is empty"
	if text != "" {
		is = "holds only spaces"
	}
	return fmt.Errorf("%s %s: give %s, e.g. %s: %s", what, is, form, strconv.Quote(f.key), written)
}

// actsFor is a list of activations for key, g_acts or d_acts, of the
// count its network's hidden layers take: the design's own, fitted to
// them as Set fits it (followDepth), or else that many leaky ReLUs and
// its output's (the design's last, or identity for G and sigmoid for D
// where it has none), so that the example noNames gives is one Validate
// takes, whatever the file set before it.
func (c *Config) actsFor(key string) []Activation {
	acts, hidden, out := c.GActs, len(c.GHidden), Identity
	if key == "d_acts" {
		acts, hidden, out = c.DActs, len(c.DHidden), Sigmoid
	}
	if acts = followDepth(acts, hidden); len(acts) == hidden+1 {
		return acts
	}
	if len(acts) > 0 {
		out = acts[len(acts)-1]
	}
	list := make([]Activation, hidden+1)
	for i := range hidden {
		list[i] = LeakyReLU
	}
	list[hidden] = out
	return list
}

// Why readInt refuses a value.
var (
	errNotInt = errors.New("not an integer")
	errNoInt  = errors.New("a whole number no int holds") // 1e30, 1e400, -1e400: out of range
)

// readInt reads an integer field's value, or an item of a list of them,
// as parseInt does, telling a whole number too large for it (1e30, and
// 1e400, which no float64 holds either; errNoInt), which is out of the
// field's range, from one that is no integer (2.5, x; errNotInt):
// --set batch=1e400 is out of range, as batch=1e30 is.
func readInt(s string) (int64, error) {
	if n, ok := parseInt(s); ok {
		return n, nil
	}
	if x, err := parseFloat(s); (err == nil || errors.Is(err, strconv.ErrRange)) && x == math.Trunc(x) && !underflows(s, x) {
		return 0, errNoInt
	}
	return 0, errNotInt
}

// parseInt reads an integer, also written as a number with an integral
// value (5e3 for 5000).
func parseInt(s string) (int64, bool) {
	if !PlainNumber(s) {
		return 0, false
	}
	if n, err := strconv.ParseInt(s, 10, 0); err == nil {
		return n, true
	}
	x, err := parseFloat(s)
	if err != nil || x != math.Trunc(x) || math.Abs(x) > 1<<53 || underflows(s, x) {
		return 0, false
	}
	return int64(x), true
}

// Why ParseWhole refuses a number.
var (
	ErrNotWhole   = errors.New("not a whole number")
	ErrOutOfRange = errors.New("out of range")                 // negative, or 2⁶⁴ and more
	ErrInexact    = errors.New("past 2⁵³, in an inexact form") // 1e16: its digits are exact, the exponent form is not
)

// ParseWhole reads a whole number from 0 to 2⁶⁴−1 as ganui's flags and
// seed lists take one: its digits, or a decimal number with a whole value
// (5e3, 2.5e2) up to 2⁵³, past which a float64 no longer holds every
// whole number and the exponent form would round (1e16+1 is 1e16). A
// whole number has no sign: -0 is refused as +5 is, by --seed as by
// --seeds, whose '-' makes a range. Inf, written so, is no whole number,
// as NaN is, not a number too large ("a seed is at most
// 18,446,744,073,709,551,615"), where 1e400, a number, is out of range.
func ParseWhole(s string) (uint64, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err == nil {
		return n, nil
	}
	x, ferr := parseFloat(s) // not digits alone: the exponent form, a sign, or too many digits
	switch {
	case ferr != nil && !errors.Is(ferr, strconv.ErrRange) || ferr == nil && math.IsInf(x, 0) || x != math.Trunc(x) || x == 0 && strings.HasPrefix(s, "-") || underflows(s, x):
		return 0, ErrNotWhole
	case x < 0 || x >= 1<<64:
		return 0, ErrOutOfRange
	case x > 1<<53:
		return 0, ErrInexact
	}
	return uint64(x), nil
}

// unsigned is x, but 0 for -0: a design's zero has no sign. Read as it
// is written, --set gp=-0 (or "gp": -0 in a preset file) would be
// written back as -0 and listed as a change from the preset's 0.
func unsigned(x float64) float64 {
	if x == 0 {
		return 0
	}
	return x
}

// underflows reports whether s, which parseFloat read as x, is a number
// other than 0 that x, a float64, holds as 0: 1e-400, whose digits are
// not all 0. strconv rounds it to 0 without an error, as it does not
// 1e400 to +Inf; the readers of a design's fields and of whole numbers
// refuse it, as they do 1e400, rather than take a 0 no one wrote (a
// target's parameters and a points file's data are measurements, where
// 0 is the nearest value).
func underflows(s string, x float64) bool {
	if x != 0 {
		return false
	}
	digits, _, _ := strings.Cut(strings.ToLower(s), "e")
	return strings.ContainsAny(digits, "123456789")
}

// parseFloat is strconv.ParseFloat for numbers written plainly only
// (see PlainNumber).
func parseFloat(s string) (float64, error) {
	if !PlainNumber(s) {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(s, 64)
}

// PlainNumber reports whether s is free of the forms strconv accepts
// beyond the one way ganui writes a number: hexadecimal (0x1p4),
// underscores between digits (1_000) and a leading '+' (+5). A number
// ganui reads is digits, a point, an exponent and a '-' for a negative
// one, or Inf or NaN, which its range then refuses. The command line's
// and preset files' readers trim no spaces around a number, which
// strconv refuses, so that --set 'epochs= 5', --seeds ' 1' and --epochs
// +5 are refused as --epochs ' 5' is, not taken. (A target's spec may
// space its numbers; a points file, data from elsewhere, may also put a
// '+' before them: dataNumber.)
func PlainNumber(s string) bool {
	return !strings.HasPrefix(s, "+") && !strings.ContainsAny(s, "_xX")
}

// PlusSign is the error for s, a number with a '+' before it (+5,
// +1e-3), which no reader of ganui's numbers takes (PlainNumber), saying
// what to write instead: `"+5" has a + before it; write it without one:
// 5`. Told as no number at all, `"+5" is not a number`, it would be a
// thing a user who wrote a number could not mend. Any other s is nil.
func PlusSign(s string) error {
	return PlusSignAnd(s, nil)
}

// PlusSignAnd is PlusSign's error for s, joined to what is wrong with the
// number after its '+' too, bare, the error for that number read without
// the '+', when it is not nil: `"+1.5" has a + before it, and 1.5 is not a
// whole number; allowed: 1..1,000,000,000`, so that one try mends both.
// bare's text is said without the name of the field or flag it is
// of.
func PlusSignAnd(s string, bare error) error {
	n, ok := withoutPlus(s)
	switch {
	case !ok:
		return nil
	case bare != nil:
		return fmt.Errorf("%q has a + before it, and %s", clip(s), bare)
	}
	return fmt.Errorf("%q has a + before it; write it without one: %s", clip(s), clip(n))
}

// withoutPlus is s without its leading '+' when what follows is a
// finite number as ganui writes one (PlainNumber, no second sign).
func withoutPlus(s string) (string, bool) {
	n, ok := strings.CutPrefix(s, "+")
	if !ok || n == "" || n[0] == '+' || n[0] == '-' || infOrNaN(n) {
		return "", false
	}
	return n, isNumber(n)
}

// SpacedSetting refuses spec, a --set key=value or a --sweep
// key=v1,v2,… that strings.Cut split into key and value, where it has
// spaces before its key or beside its '=': trimming a key's spaces while
// refusing a number's would take --set 'g_lr =1e-3' and refuse --set
// 'g_lr= 1e-3' for " 1e-3" (PlainNumber). It is nil where there are
// none.
//
// What to write is found by the setting's own reading, read (Set's for
// --set, the sweep's for --sweep), of the key and value without their
// spaces, so that the two cannot disagree: where read takes them, the
// spaces alone are said, with the setting to write, a line break within
// it written as the quoted spec writes it (visible.String); where it
// refuses them, its refusal is said with the spaces, in one message:
// --set "gp= 05" is `"gp= 05" has spaces around its =, and "05" has a
// leading 0; write it without it: 5`, where "write gp=5" dropped the 0
// unsaid, which --set gp=05 says.
func SpacedSetting(spec, key, value string, read func(key, value string) error) error {
	k, v := strings.TrimSpace(key), strings.TrimSpace(value)
	where := ""
	switch {
	case k != key && strings.TrimLeftFunc(key, unicode.IsSpace) != key:
		where = "has spaces before its key"
	case k != key || strings.TrimLeftFunc(value, unicode.IsSpace) != value:
		where = "has spaces around its ="
	default:
		return nil
	}
	if err := read(k, v); err != nil {
		return fmt.Errorf("%q %s, and %w", spec, where, err)
	}
	return fmt.Errorf("%q %s; write %s", spec, where, shellword.Quote(k+"="+v)) // as a shell reads it back: 'target=normal(4,1)'
}

// SetSpaces is SpacedSetting for a --set key=value given to c, read as
// Set reads it and as Validate judges the number it sets (wrongWith):
// --set "g_lr= 0x10" is `…, and "0x10" is hexadecimal, and 16 out of
// range (0,10]`, not "write g_lr=0x10", refused on the next try.
func (c *Config) SetSpaces(spec, key, value string) error {
	return SpacedSetting(spec, key, value, func(key, value string) error {
		f, err := lookupField(key)
		if err != nil {
			return err
		}
		return c.wrongWith(f, "", value)
	})
}

// Spaces is how value, which has spaces around it, is told so, in one
// wording for --set, --sweep, a preset file and the count flags, and
// what to write it without: a value that ends in a carriage return and
// has no other space around it, as every line of a script saved with
// Windows line ends does (--epochs $'1\r'), "ends in a carriage return,
// as a script saved with Windows line ends does" and "it", where one
// path said "has spaces around it" and another "is not a whole number";
// any other "has spaces around it" and "them".
func Spaces(value string) (how, them string) {
	if EndsInCR(value) {
		return carriageReturn, "it"
	}
	return "has spaces around it", "them"
}

// EndsInCR reports whether value ends in a carriage return and has no
// other space around it, as every line of a script saved with Windows
// line ends does: the value Spaces tells so ("1\r", not "\r", " 1\r" or
// "1 \r"), for a caller that tells it in words of its own.
func EndsInCR(value string) bool {
	v, ok := strings.CutSuffix(value, "\r")
	return ok && v != "" && strings.TrimSpace(v) == v
}

// carriageReturn is what Spaces says of a value a script saved with
// Windows line ends gave (EndsInCR).
const carriageReturn = "ends in a carriage return, as a script saved with Windows line ends does"

// clip shortens s for an error message, keeping it on one line.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

// ValueForm says what a value of key looks like, for a refusal of a
// key=value with no value after the = (ganui --set g_lr=): form is the
// kind of value and the values allowed, "a number, allowed: (0,10]", "one
// of bce, least_squares, wasserstein, hinge", "true or false", and
// example is the design's own value as key=value writes it ("5e-5",
// "bce"), a value the key takes. An unknown key is its error.
func (c *Config) ValueForm(key string) (form, example string, err error) {
	f, err := lookupField(key)
	if err != nil {
		return "", "", err
	}
	v := reflect.ValueOf(c).Elem().Field(f.index)
	switch {
	case f.names:
		return "a list of activations, one per hidden layer and one for the output, each one of " + joinNames(activationNames), valueText(v), nil
	case f.name: // an unset choice (a preset file's without a base) gives its first name
		names := v.Interface().(choice).names()
		if example = valueText(v); example == "" {
			example = names[slices.IndexFunc(names, func(n string) bool { return n != "" })]
		}
		return "one of " + joinNames(names), example, nil
	}
	switch f.kind.Kind() {
	case reflect.Bool:
		return "true or false", valueText(v), nil
	case reflect.String:
		if f.key == "target" {
			return "a target, kind(args)", valueText(v), nil
		}
		return "a line of text", valueText(v), nil
	case reflect.Slice:
		form = "a list of widths, one per hidden layer"
	default:
		form = "a number"
	}
	if r := strings.TrimLeft(c.rangeOf(f), ": "); r != "" {
		form += ", allowed: " + r
	}
	return form, valueText(v), nil
}

// valueText is v, a Config field's value, as key=value writes it: a
// number in its shortest form (5e-5, 0.0002), a name, a list joined by
// commas.
func valueText(v reflect.Value) string {
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		text, _ := m.MarshalText()
		return string(text)
	}
	switch v.Kind() {
	case reflect.Float64:
		return numtext.FormatFloat(v.Float())
	case reflect.Slice:
		items := make([]string, v.Len())
		for i := range items {
			items[i] = valueText(v.Index(i))
		}
		return strings.Join(items, ",")
	}
	return fmt.Sprint(v.Interface())
}
