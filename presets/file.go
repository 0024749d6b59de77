package presets

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/suggest"
	"github.com/ganui/ganui/internal/visible"
)

// baseKey is the preset-file key naming the built-in preset to start from.
const baseKey = "base"

// Parse reads a preset file. name is the file's path: it is used in
// messages, becomes the preset's name when the file gives none, and its
// directory is where a points(FILE.csv) target's relative path is read
// from (pointsFrom), the Config holding that path as the process reads
// it. The result is validated; every error is one line that names the
// key at fault, prefixed by the line of the file it is on.
//
// A preset file is one JSON object whose keys are the JSON names of
// engine.Config's fields ("batch", "g_lr", …), plus an optional "base":
// the name of a built-in preset that supplies every field the file leaves
// out, and an optional engine.VersionKey, the ganui that wrote the file
// (Marshal writes it). Without a base the file gives every field, as
// Marshal writes them all, but those a file may leave out (leftOut): a
// file without a base that leaves out any other is refused, naming them
// (a key whose zero is valid, d_beta2, would be trained at 0). Keys are
// exact and case-sensitive; an unknown or repeated key, a value of the
// wrong type, null, bytes that are not UTF-8, or anything after the
// object is an error. Unknown keys in a file another ganui wrote are an
// *engine.NewerError, which names that ganui (newer).
//
//	{
//	  "base": "vanilla",
//	  "g_hidden": [64, 64],
//	  "g_lr": 0.0005
//	}
func Parse(data []byte, name string) (engine.Config, error) {
	return parse(data, name, name)
}

// parse is Parse, reading a points(FILE.csv) target's relative path from
// the directory of real, the file name is a symbolic link to (Load), or
// name itself; the error of a points file missing there names the link.
func parse(data []byte, name, real string) (engine.Config, error) {
	f, err := decode(data, name)
	if err != nil {
		return engine.Config{}, err
	}
	return f.validate(name, real)
}

// decoded is a preset file as decode reads it: the design its keys
// give, not yet validated, and what a refusal of that design names: the
// keys the file gives (seen), the line of each, and its base.
type decoded struct {
	cfg      engine.Config
	seen     map[string]bool
	lines    map[string]int
	baseName string
}

// decode is Parse up to validation: the file's JSON, its keys and their
// values, each set on its base or refused, its name, description and
// source. The target's points file is neither judged nor read: validate
// does that, or IsPresetData's ValidateUnread leaves it out. Its
// refusals begin with the file's name as shellword.Quote writes it, so
// that it can be pasted back: 'my design.json':3: …, $'a\nb.json':3: ….
func decode(data []byte, path string) (decoded, error) {
	name := shellword.Quote(path)
	notUTF8 := inputfile.NotUTF8Text(data)
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark some editors write
	lineOf := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n")) }
	fail := func(off int64, format string, a ...any) (decoded, error) {
		return decoded{}, fmt.Errorf("%s:%d: %s", name, lineOf(off), fmt.Sprintf(format, a...))
	}
	body := bytes.TrimLeft(data, " \t\r\n") // from the first byte that is not JSON's white space
	switch {
	case len(data) == 0: // a file created but never written: "unexpected end of file" would hide that, as a checkpoint's "truncated header" would
		return decoded{}, fmt.Errorf("%s: it is empty (0 bytes); a preset file is one JSON object {…}", name)
	case len(body) == 0: // white space alone: said so, not "unexpected end of file", a syntax error with nothing to do
		return decoded{}, fmt.Errorf("%s: it holds only white space; %s", name, oneObject())
	case notUTF8 != nil && (notUTF8.Text || len(body) > 0 && body[0] == '{'):
		// Text in another encoding, or a NUL in what begins as JSON:
		// invalid JSON would have named the byte ("invalid character
		// '\x00'"), not the encoding. A file of another kind that holds
		// NULs (a checkpoint) is not a preset file, below: not one to save
		// as UTF-8.
		return decoded{}, fmt.Errorf("%s:%d: %s; save the file as UTF-8", name, notUTF8.Line, notUTF8.What)
	case len(body) > 0 && body[0] != '{':
		// Any other file, a CSV, an image, YAML, a JSON array: told what
		// a preset file is, where encoding/json names the first byte it
		// cannot read ("invalid character 'a' in literal null
		// (expecting 'u')" for a YAML "name: …").
		return fail(int64(len(data)-len(body)), "not a preset file: %s", oneObject())
	case len(body) > 0 && !utf8.Valid(data):
		// encoding/json would read each bad byte as U+FFFD: a Latin-1
		// name, or a points(FILE.csv) path, silently changed.
		off := 0
		for r, n := utf8.DecodeRune(data); r != utf8.RuneError || n != 1; r, n = utf8.DecodeRune(data[off:]) {
			off += n
		}
		return fail(int64(off), "not UTF-8 text (byte %#x); save the file as UTF-8", data[off])
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	failAt := func(at int, reason string) (decoded, error) { // at its line and column
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:at], '\n')+1:at])
		return decoded{}, fmt.Errorf("%s:%d:%d: %s", name, lineOf(int64(at)), col, reason)
	}
	syntax := func(err error) (decoded, error) {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			if at, reason, ok := syntaxReason(data); ok {
				return failAt(at, reason)
			}
			// encoding/json names a character not ASCII by its first
			// byte, read as Latin-1: a − is "invalid character 'â'". It
			// is named whole, with its code point, at its column: the
			// first such character from the token the decoder was on.
			for at := int(dec.InputOffset()); at < len(data); at++ {
				if b := data[at]; b >= utf8.RuneSelf {
					q := "'" + string(rune(b)) + "'"
					if r, _ := utf8.DecodeRune(data[at:]); strings.Contains(se.Error(), "invalid character "+q) {
						return failAt(at, "invalid JSON: "+strings.Replace(se.Error(), q, fmt.Sprintf("%q (%U)", r, r), 1))
					}
					break
				}
			}
			// The decoder's se.Offset counts the bytes of the values it
			// read, not the white space and delimiters between them:
			// vanilla's file with "g_lr": tru, on line 33 was told line
			// 24. The byte refused is the one json.Unmarshal refuses in
			// the whole file, told at its line and column.
			if at := refused(data); at >= 0 {
				return failAt(at, "invalid JSON: "+se.Error())
			}
			return fail(dec.InputOffset(), "invalid JSON: %s", se.Error())
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			// The decoder read all of data as the start of JSON: the
			// string, list or object it ends in is one left open, which
			// "unexpected end of file" did not say, nor where.
			if open := unclosed(data); open >= 0 {
				what, closer := "a string", `"`
				switch data[open] {
				case '[':
					what, closer = "a list", "]"
				case '{':
					what, closer = "an object", "}"
				}
				return failAt(open, what+" not closed by the end of the file: end it with "+closer)
			}
			return fail(int64(len(data)), "unexpected end of file")
		}
		return fail(dec.InputOffset(), "invalid JSON: %v", err)
	}
	if _, err := dec.Token(); err != nil { // the object's '{', or end of file
		return syntax(err)
	}
	var pairs []pair
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return syntax(err)
		}
		key, _ := tok.(string)
		line := lineOf(dec.InputOffset()) // just after the key
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return syntax(err)
		}
		if seen[key] {
			return decoded{}, fmt.Errorf("%s:%d: key %q appears twice", name, line, key)
		}
		if esc := loneSurrogate(raw); esc != "" {
			return decoded{}, fmt.Errorf(`%s:%d: %s: %s is half of a UTF-16 surrogate pair, without its other half: no character; write the character itself`, name, line, visible.String(key), esc)
		}
		seen[key] = true
		pairs = append(pairs, pair{key, raw, line})
	}
	if _, err := dec.Token(); err != nil {
		return syntax(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fail(dec.InputOffset(), "unexpected data after the preset object")
	}

	if err := newer(pairs, name); err != nil {
		return decoded{}, err
	}
	var cfg engine.Config
	var baseName string
	lines := map[string]int{}
	for _, p := range pairs {
		lines[p.key] = p.line
		if p.key != baseKey {
			continue
		}
		var base string
		if err := json.Unmarshal(p.raw, &base); err != nil {
			return decoded{}, fmt.Errorf("%s:%d: %s: want the name of a built-in preset%s", name, p.line, baseKey, builtInHint())
		}
		if base == "" {
			return decoded{}, fmt.Errorf("%s:%d: %s is empty: give the name of a built-in preset%s", name, p.line, baseKey, builtInHint())
		}
		if err := inputfile.CheckSpaces(base); err != nil { // as --preset " ring" is, saying why, which "did you mean ring?" would not
			return decoded{}, fmt.Errorf("%s:%d: %s: %v", name, p.line, baseKey, err)
		}
		if looksLikePath(base) {
			return decoded{}, fmt.Errorf("%s:%d: %s: %s names a file; %s names a built-in preset%s", name, p.line, baseKey, shellword.Quote(base), baseKey, builtInHint())
		}
		b, err := Get(base)
		if err != nil {
			return decoded{}, fmt.Errorf("%s:%d: %s: %v", name, p.line, baseKey, err)
		}
		cfg, baseName = b, base
	}
	// The first value refused is told once every other key is set, so
	// that its range is the one of the design the file gives, as --set's
	// is of the preset's: told at once, a file that gives every key would
	// get "g_hidden: width 2.5 is not a whole number" without the widths
	// allowed, its keys after g_hidden (the learning rates) still 0.
	var bad *pair
	for _, p := range pairs {
		if p.key == baseKey || p.key == engine.VersionKey {
			continue
		}
		if !slices.Contains(engine.ConfigKeys(), p.key) {
			if bad != nil {
				break // the value refused comes first
			}
			// "base" among the keys suggested: Config.Set knows it not.
			return decoded{}, fmt.Errorf("%s:%d: unknown key %q%s", name, p.line, p.key, engine.KeyHint(p.key, baseKey, engine.VersionKey))
		}
		if err := cfg.SetJSON(p.key, p.raw); err != nil && bad == nil {
			bad = &p
		}
	}
	if bad != nil {
		err := cfg.SetJSON(bad.key, bad.raw)
		if !seen[baseKey] {
			err = builtInsRefusal(bad.key, bad.raw, err)
		}
		return decoded{}, fmt.Errorf("%s:%d: %v", name, bad.line, err)
	}
	if !seen[baseKey] {
		if err := missing(seen, name); err != nil {
			return decoded{}, err
		}
	}
	for _, key := range []string{"g_hidden", "d_hidden"} {
		// Depth as --set changes it: a base's shared activation follows
		// new hidden widths, unless the file gives the activations too.
		if seen[key] && !seen[strings.Replace(key, "hidden", "acts", 1)] {
			cfg.FollowDepth(key)
		}
	}
	file := visible.String(filepath.Base(path)) // a newline in it escaped: a name is one line
	if !seen["name"] {
		if cfg.Name = strings.TrimSuffix(file, ".json"); cfg.Name == "" {
			cfg.Name = file // a file called .json
		}
	}
	if !seen["description"] && seen[baseKey] {
		cfg.Description = "your preset, based on " + baseName + ": " + cfg.Description // the base's own alone, bimodal's "vanilla on a two-mode target, …", would read as if vanilla were the base
	}
	if !seen["source"] {
		cfg.Source = "preset file " + file
	}
	return decoded{cfg, seen, lines, baseName}, nil
}

// validate is Parse's check of the design the file gives: a
// points(FILE.csv) target's relative path read from the directory of
// real (pointsFrom), then engine.Config.Validate, whose refusal is told
// at the line of the key it names, or of the base it comes from, the
// file's name quoted as decode quotes it.
func (f decoded) validate(path, real string) (engine.Config, error) {
	name := shellword.Quote(path)
	fromDir, target := false, "" // target: as the file writes it
	var err error
	if f.seen["target"] {
		target = f.cfg.Target
		f.cfg.Target, fromDir, err = pointsFrom(filepath.Dir(real), f.cfg.Target)
	}
	if err == nil {
		err = f.cfg.Validate()
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if note := linkNote(path, real, target); fromDir || note != "" {
				if fromDir && !f.seen[engine.VersionKey] {
					note += olderNote(path, real, target)
				}
				err = fmt.Errorf("%w (a preset file's relative path is read from the file's directory%s)", err, note)
			}
		}
		keys := engine.FaultKeys(err)
		for _, k := range keys {
			if line, ok := f.lines[k]; ok {
				return engine.Config{}, fmt.Errorf("%s:%d: %v", name, line, err)
			}
		}
		if line, ok := f.lines[baseKey]; ok && len(keys) == 1 && slices.Contains(engine.ConfigKeys(), keys[0]) { // a key the file takes from its base: say so
			return engine.Config{}, fmt.Errorf("%s:%d: %v (the file takes %s from %s %s; give it to change it)", name, line, err, keys[0], baseKey, f.baseName)
		}
		return engine.Config{}, fmt.Errorf("%s: %v", name, err)
	}
	return f.cfg, nil
}

// syntaxReason says in plain words what makes data, a preset file that
// encoding/json has refused as invalid JSON (not for ending early), not
// JSON, and what to do, with the offset it is at: a comma after the last
// setting, NaN, single quotes, a comma or colon left out, a string left
// open, a control character in a string, where encoding/json names
// the byte its scanner stopped at and the state it was in ("invalid
// character '}' looking for beginning of object key string"). It reads
// that byte, the value it begins or is in, and the last byte before that
// value that is not white space, and asks the scanner which separator it
// would have taken between them; ok is false for a mistake it does not
// know, which keeps encoding/json's wording. The byte is found by
// json.Unmarshal's scanner, whose offset is always just after it; a
// Decoder's is at it or before it, depending on the call that found it.
func syntaxReason(data []byte) (at int, reason string, ok bool) {
	i := refused(data) // the byte refused
	if i < 0 {
		return 0, "", false
	}
	if at, reason := commaReason(data, i); reason != "" {
		return at, reason, true
	}
	if at, reason := namesReason(data, i); reason != "" {
		return at, reason, true
	}
	for _, k := range []int{i, i - 1} { // a byte of the number, or the one after it (1. then })
		if k >= 0 && numberChar(data[k]) {
			if reason := numberReason(data, k); reason != "" {
				return numberStart(data, k), reason, true
			}
			break
		}
	}
	if reason := fullWidthReason(data, i); reason != "" {
		return i, reason, true
	}
	if at, reason := minusSignReason(data, i); reason != "" {
		return at, reason, true
	}
	// Curly quotes, as a word processor or a chat window puts about a
	// key, are told as single quotes are, where encoding/json's words
	// were "invalid character '“' (U+201C) looking for beginning of
	// object key string".
	if r, _ := utf8.DecodeRune(data[i:]); strings.ContainsRune("\u201C\u201D\u2018\u2019\u201E", r) {
		return i, `curly quotes: JSON takes double quotes, "…"`, true
	}
	c := data[i]
	letter := func(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }
	digit := func(b byte) bool { return '0' <= b && b <= '9' }
	start, word := i, "" // where the value begins; a word the scanner read part of (tru…) whole
	if c == '+' && i+1 < len(data) && letter(data[i+1]) {
		// +Inf, refused at its '+' (-Inf is at its I), whole.
		end := i + 1
		for end < len(data) && letter(data[end]) {
			end++
		}
		word = string(data[i:end])
	} else if letter(c) {
		for start > 0 && letter(data[start-1]) {
			start--
		}
		if start > 0 && (digit(data[start-1]) || data[start-1] == '.') {
			return 0, "", false // in a number: 1x, 2.5f
		}
		if start > 0 && data[start-1] == '-' {
			start--
		}
		end := i
		for end < len(data) && (letter(data[end]) || digit(data[end]) || data[end] == '_') {
			end++
		}
		word = string(data[start:end])
	}
	j := start - 1 // the last byte before the value that is not white space, or -1
	for ; j >= 0 && strings.IndexByte(" \t\r\n", data[j]) >= 0; j-- {
	}
	var p byte
	if j >= 0 {
		p = data[j]
	}
	switch {
	case (c == '[' || c == '{') && len(opened(data[:i])) >= maxNesting:
		return i, fmt.Sprintf("lists or objects nested more than %s deep: a setting is a number, text, true or false, or one list of them", numtext.FormatInt(maxNesting)), true
	case c == '}' && p == ',':
		return j, "a comma after the last setting: JSON allows none; drop it", true
	case c == ']' && p == ',':
		return j, "a comma after the last item of a list: JSON allows none; drop it", true
	case c == ',' && p == ',':
		return i, "two commas in a row: drop one", true
	case c == '\'':
		return i, `single quotes: JSON takes double quotes, "…"`, true
	case c == '/' || c == '#':
		return i, `a comment: JSON allows none; drop it (the "description" setting can say it)`, true
	case c < ' ' && inString(data[:i]):
		switch c {
		case '\n', '\r':
			return i, `a string not closed on its line: end it with "`, true
		case '\t':
			return i, `a tab inside a string: write it \t`, true
		}
		return i, fmt.Sprintf(`a control character (byte %#02x) inside a string: write it \u%04x`, c, c), true
	case c == '"' || c == '{' || c == '[' || c == '-' || digit(c) || word != "":
		// A value begun where a key or a value has just ended: the
		// separator left out is the one the scanner takes there, a colon
		// after a key, a comma after a value, and neither after anything
		// else ({1: 2}, {"a": True}), where a word is named as one.
		takes := func(sep byte) bool { return refused(slices.Insert(slices.Clone(data), j+1, sep)) != j+1 }
		w := strings.ToLower(strings.TrimLeft(word, "+-"))
		switch {
		case takes(':'):
			return j + 1, "a colon missing after this key: add one", true
		case takes(','):
			return j + 1, "a comma missing after this value: add one", true
		case word == "":
		case (w == "nan" || w == "inf" || w == "infinity") && nameAfter(data, j) != "":
			return start, word + " is not a JSON number, " + nameAfter(data, j), true
		case w == "nan":
			return start, word + " is not a JSON number: give a number" + allowedAfter(data, j), true
		case w == "inf" || w == "infinity":
			return start, word + " is not a JSON number, which has no infinities: give a number" + allowedAfter(data, j), true
		case word != w && (w == "true" || w == "false" || w == "null"):
			return start, fmt.Sprintf("%s: JSON writes it %s", word, w), true
		default:
			return start, fmt.Sprintf("%s: a name or text takes double quotes in JSON, %q", word, word), true
		}
	}
	return 0, "", false
}

// builtInsRefusal is what every built-in design says of raw given to
// key, where each says it alike, for a file that names no base: its
// design is no design until every key is given, and what it says of a
// value, err, cannot read a range from it, "g_lr: 1e400 is out of
// range", where every built-in says "g_lr: 1e400 out of range (0,10]",
// as --set does. It is err where a built-in takes raw or says otherwise
// (a range that is the base's own, d_in's divisor of its batch).
func builtInsRefusal(key string, raw []byte, err error) error {
	var msg string
	for i, c := range all {
		probe := c.Clone()
		e := probe.SetJSON(key, raw)
		if e == nil || i > 0 && e.Error() != msg {
			return err
		}
		msg = e.Error()
	}
	return errors.New(msg)
}

// allowedAfter is the range of the setting whose key ends before the
// colon at data[j], for a value there that is no number, "; allowed:
// (0,10]" after "g_lr": NaN, so that a NaN or an infinity is told what to
// give in its place; "" where data[j] is no colon after a key, or the key
// is none that takes a number, or its range is not every built-in's.
func allowedAfter(data []byte, j int) string {
	key := keyBefore(data, j)
	if key == "" {
		return ""
	}
	// The range as every built-in design has it: the file's base is not
	// read, and a range that is the base's own (d_in, a divisor of its
	// batch) is left out.
	var r string
	for i, c := range all {
		form, _, err := c.ValueForm(key)
		_, ri, ok := strings.Cut(form, "a number, allowed: ")
		if err != nil || !ok || i > 0 && ri != r {
			return ""
		}
		r = ri
	}
	return "; allowed: " + r
}

// listKey is the key of a list of widths that data[k] is within, its
// '[' before data[k] with numbers, commas and spaces alone between, as
// "g_hidden": [16, 1,000.0] has; "" for anything else.
func listKey(data []byte, k int) string {
	for k > 0 && strings.IndexByte("0123456789.eE+-, \t\r\n", data[k-1]) >= 0 {
		k--
	}
	if k < 1 || data[k-1] != '[' {
		return ""
	}
	j := k - 2 // the colon after the key, spaces between
	for j >= 0 && strings.IndexByte(" \t\r\n", data[j]) >= 0 {
		j--
	}
	key := keyBefore(data, j)
	if form, _, err := all[0].ValueForm(key); err != nil || !strings.HasPrefix(form, "a list of widths") {
		return ""
	}
	return key
}

// keyBefore is the key that ends before the colon at data[j], or ""
// where data[j] is no colon after a key.
func keyBefore(data []byte, j int) string {
	if j < 0 || data[j] != ':' {
		return ""
	}
	end := bytes.LastIndexByte(data[:j], '"')
	begin := bytes.LastIndexByte(data[:max(end, 0)], '"')
	var key string
	if begin < 0 || strings.TrimSpace(string(data[end+1:j])) != "" || json.Unmarshal(data[begin:end+1], &key) != nil {
		return ""
	}
	return key
}

// nameAfter is what to give in place of a NaN or an infinity after the
// colon at data[j] when its key takes no number: a name, true or false,
// a list of names, a target or a line of text, with the first built-in
// design's own as the example: `and loss takes none: give one of bce,
// least_squares, wasserstein, hinge, e.g. "loss": "bce"`, `and g_acts
// takes none: give a list of activations, …, e.g. "g_acts":
// ["leaky_relu","leaky_relu","identity"]`, where "give a number" would
// send the user to a value the key refuses too; "" for a key that takes
// a number or a list of widths, and any other.
func nameAfter(data []byte, j int) string {
	key := keyBefore(data, j)
	if key == "" {
		return ""
	}
	form, example, err := all[0].ValueForm(key)
	if err != nil || strings.HasPrefix(form, "a number") || strings.HasPrefix(form, "a list of widths") {
		return ""
	}
	written := strconv.Quote(example)
	switch {
	case form == "true or false":
		written = example
	case strings.HasPrefix(form, "a list"):
		list, err := json.Marshal(strings.Split(example, ","))
		if err != nil {
			return ""
		}
		written = string(list)
	}
	return fmt.Sprintf("and %s takes none: give %s, e.g. %q: %s", key, form, key, written)
}

// numberChar reports whether b may be part of a number as Go writes one:
// digits, a point, a sign, an exponent, a base prefix and hex digits, an
// underscore.
func numberChar(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b|0x20 && b|0x20 <= 'z' || b == '.' || b == '+' || b == '-' || b == '_'
}

// numberStart is where the run of numberChar bytes that holds data[i]
// begins.
func numberStart(data []byte, i int) int {
	for i > 0 && numberChar(data[i-1]) {
		i--
	}
	return i
}

// fullWidthReason says what to write for a number in full-width digits,
// as an East Asian input method types them, that begins at data[i]
// where a value begins: "１６: JSON has no full-width digits; write it
// 16", where encoding/json's words were "invalid character 'ï' looking
// for beginning of value", the first byte of its UTF-8. It is "" for
// anything else.
func fullWidthReason(data []byte, i int) string {
	j := i - 1
	for ; j >= 0 && strings.IndexByte(" \t\r\n", data[j]) >= 0; j-- {
	}
	if j < 0 || strings.IndexByte(":[,", data[j]) < 0 {
		return ""
	}
	end := i
	for end < len(data) {
		r, size := utf8.DecodeRune(data[end:])
		if !(0xFF01 <= r && r <= 0xFF5E) && !(r < utf8.RuneSelf && numberChar(byte(r))) {
			break
		}
		end += size
	}
	token := string(data[i:end])
	plain, how := engine.GoNumberForm(token)
	if plain == "" || !strings.HasPrefix(how, "has full-width digits") || !json.Valid([]byte(plain)) {
		return ""
	}
	return token + ": JSON has no full-width digits; write it " + plain
}

// minusSignReason says what to write for a number with a minus sign or
// a dash in a minus's place, as a paper or a word processor writes one,
// that data[i], the byte refused, begins: "2e−3: JSON takes a hyphen for
// a minus; write it 2e-3", at the number's first byte, where encoding/json's
// words were "invalid character '−' (U+2212) in exponent of numeric
// literal", which named the character and not what to write. It is ""
// for anything else: where no value begins ("a" −5), for a number that
// is no JSON number with hyphens either (−1_0), and for one with a
// decimal comma after it outside a list (−0,5), which would be offered
// its -0 alone.
func minusSignReason(data []byte, i int) (at int, reason string) {
	r, _ := utf8.DecodeRune(data[i:])
	if r != '\u2212' && r != '\u2013' {
		return 0, ""
	}
	start := i
	if i > 0 && numberChar(data[i-1]) {
		start = numberStart(data, i-1)
	}
	end := i
	for end < len(data) {
		r, size := utf8.DecodeRune(data[end:])
		if r != '\u2212' && r != '\u2013' && !(r < utf8.RuneSelf && numberChar(byte(r))) {
			break
		}
		end += size
	}
	j := start - 1
	for ; j >= 0 && strings.IndexByte(" \t\r\n", data[j]) >= 0; j-- {
	}
	if j < 0 || strings.IndexByte(":[,", data[j]) < 0 {
		return 0, "" // no value begins there: "a" −5 is a comma left out
	}
	if open := opened(data[:start]); (len(open) == 0 || data[open[len(open)-1]] != '[') && end+1 < len(data) && data[end] == ',' && '0' <= data[end+1] && data[end+1] <= '9' {
		return 0, "" // −0,5 outside a list: its comma is no separator, and -0 not the number to write
	}
	token := string(data[start:end])
	plain := strings.NewReplacer("\u2212", "-", "\u2013", "-").Replace(token)
	if !json.Valid([]byte(plain)) || plain == token {
		return 0, ""
	}
	return start, token + ": JSON takes a hyphen for a minus; write it " + plain
}

// commaReason says what to write for a number with a comma in it, a
// setting's value that data[i], the byte refused, is the first digit
// after, read as --set reads it (engine's ReadCommas, on the default
// design: the file's base is not read): a fraction with a decimal comma,
// "g_lr": 0,001, is "0,001: JSON has no decimal comma; write it 0.001",
// and 12,5 "…, and 12.5 out of range (0,10]"; a number with its
// thousands grouped, "epochs": 10,000, "10,000: JSON has no commas in a
// number; write it 10000" (a fraction's "1,000" is told each reading its
// key takes, "write it 1000, or 1.000 if the comma is a decimal one"),
// where numberReason read the digits after the comma alone, "001: JSON
// writes it 1", and encoding/json those of 0,5 as a key without its
// quotes. A
// list of widths without its brackets, "g_hidden": 16,16, is told them,
// "g_hidden: 16,16: a list is written in brackets: [16,16]", where
// encoding/json read the second 16 as a key without its quotes, and
// with a space before its comma, 16 ,16, as 16, 16 is. With spaces
// beside the comma, "g_lr": 0, 001 or 0 ,001, the digits may as well be a
// key begun without its quotes as the rest of one number: both are said,
// "0, 001: a key in double quotes goes after a value's comma, not 001; if
// it is one number, write it 0.001", or what is wrong with each reading
// where the key takes none, "12, 5: …, not 5; as one number, 12.5 out of
// range (0,10]", where "001: JSON writes it 1" read them as a value.
// Digits with commas that ReadCommas reads as no number, to a key of a
// number, are told so whole, in the key's words: "g_lr": 1.5,5 (a
// decimal comma after a point), 1,5,5, 0,001e-3 are `1.5,5: JSON has no
// commas in a number, and "1.5,5" is not a number; allowed: (0,10]`,
// where encoding/json said "invalid character '5' looking for beginning
// of object key string". It is at the number's first byte; "" for
// anything else, and a key that takes no number among them.
func commaReason(data []byte, i int) (at int, reason string) {
	digit := func(k int) bool { return k >= 0 && k < len(data) && '0' <= data[k] && data[k] <= '9' }
	space := func(k int) bool { return k >= 0 && k < len(data) && strings.IndexByte(" \t\r\n", data[k]) >= 0 }
	if digit(i) && digit(i-1) {
		// 00,5, -05,5 and 007,5: refused at a digit after a 0 that
		// begins the whole part, where "00: JSON writes it 0" read the
		// whole part alone; read from the digits after the comma, as a
		// number with a comma is.
		end := i
		for digit(end) {
			end++
		}
		if end+1 < len(data) && data[end] == ',' && digit(end+1) {
			i = end + 1
		} else if listKey(data, i) != "" {
			// [16, 1,000.0]: JSON took 1 as a width and the 0 after
			// the comma, refusing the next; read from that group's
			// first digit, as a bare list's 1,000.0 is.
			for digit(i - 1) {
				i--
			}
		}
	}
	comma := i - 1 // the comma before the digits, spaces between
	for space(comma) {
		comma--
	}
	last := comma - 1 // the last digit before the comma, spaces between: 16 ,16 as 16, 16
	for space(last) {
		last--
	}
	if !digit(i) || comma < 1 || data[comma] != ',' || !digit(last) {
		return 0, ""
	}
	spaced := comma < i-1 || last < comma-1
	start := last // the number's first byte, a sign, point or exponent within it: 1e400,16 from its 1
	for start > 0 && strings.IndexByte("0123456789.eE+-", data[start-1]) >= 0 {
		start--
	}
	j := start - 1 // the colon after the key, spaces between
	for space(j) {
		j--
	}
	key, inList := keyBefore(data, j), false
	if key == "" {
		key, inList = listKey(data, start), true
	}
	if key == "" {
		return 0, ""
	}
	if inList {
		// A number with grouped thousands in a width list, [16, 2,048]
		// or [16, 1,000.0], told as a bare list's 2,048 is, "2,048: JSON
		// has no commas in a number; write it 2048, or 2,48 for 2
		// widths", where it was "048: JSON writes it 48", its last group
		// read alone. Its groups are read whole, 1,000,000 from its 1,
		// where a group after a comma and a digit may have been read
		// first (00,5 above).
		for start >= 2 && data[start-1] == ',' && digit(start-2) {
			for start--; digit(start - 1); start-- {
			}
			if start > 0 && data[start-1] == '-' {
				start--
			}
		}
		end := i
		for digit(end) || end < len(data) && (data[end] == '.' || data[end] == ',' && digit(end+1)) {
			end++
		}
		number := string(data[start:end])
		if spaced || end < len(data) && numberChar(data[end]) {
			return 0, ""
		}
		if reason := widthsReason(key, number, true); reason != "" {
			return start, reason
		}
		return 0, ""
	}
	if at, reason := bracketsReason(data, key, start); reason != "" {
		return at, reason
	}
	form, _, _ := all[0].ValueForm(key)
	numberKey := strings.HasPrefix(form, "a number")
	end := i
	for digit(end) || !spaced && end < len(data) && (data[end] == ',' || data[end] == '.') && digit(end+1) {
		end++ // 1,000.5 whole, a fraction's point after its thousands; 1.5,5 and 1,000.5,5 whole too, no number
	}
	if !spaced && end < len(data) && data[end] == '.' && (end+1 == len(data) || !numberChar(data[end+1])) {
		end++ // 2,048. whole, a point alone after its thousands, as 48. is 48
	}
	if end < len(data) && numberChar(data[end]) { // 0,001e-3, 0,5x: another number's form
		if spaced || !numberKey {
			return 0, ""
		}
		for end < len(data) && numberChar(data[end]) { // told whole as no number
			end++
		}
	}
	written := strings.Join(strings.Fields(string(data[start:end])), " ") // as the file has it, 0, 001, a line break a space
	number := string(data[start:last+1]) + "," + string(data[i:end])      // 0,001
	readings := all[0].ReadCommas(key, number)                            // the default design's: the file's base is not read
	// Digits with commas that read as no number (a decimal comma after
	// a point, 1.5,5; two decimal commas, 1,5,5): what the key says of
	// them, as --set says it, where encoding/json's words were "invalid
	// character '5' looking for beginning of object key string".
	noNumber := ""
	if readings == nil && numberKey {
		noNumber = refusedBy(key, number)
	}
	switch {
	case readings == nil && !spaced:
		if reason := widthsReason(key, number, false); reason != "" {
			return start, reason
		}
		// Told once that it is no number, "1.5,5: not a number; allowed:
		// (0,10]", where "JSON has no commas in a number, and "1.5,5" is
		// not a number" called it a number and then none.
		if _, rest, ok := strings.Cut(noNumber, `" is not a number`); ok && strings.HasPrefix(noNumber, `"`) {
			return start, number + ": not a number" + rest
		}
		if noNumber != "" {
			return start, number + ": JSON has no commas in a number, and " + noNumber
		}
		return 0, ""
	case readings == nil && noNumber != "":
		return start, fmt.Sprintf("%s: a key in double quotes goes after a value's comma, not %s; as one number, %s", written, data[i:end], noNumber)
	case readings == nil:
		return 0, ""
	case spaced && readings.Takes() != "":
		return start, fmt.Sprintf("%s: a key in double quotes goes after a value's comma, not %s; if it is one number, write it %s", written, data[i:end], readings.Takes())
	case spaced:
		return start, fmt.Sprintf("%s: a key in double quotes goes after a value's comma, not %s; as one number, %s", written, data[i:end], strings.TrimPrefix(readings.Hint(false), ", and "))
	case readings.Decimal():
		return start, number + ": JSON has no decimal comma" + readings.Hint(false)
	}
	return start, number + ": JSON has no commas in a number" + readings.Hint(false)
}

// widthsReason says what to write for number, digits with commas given
// to key, a list of widths, where they are one width with its thousands
// grouped, a group after the first beginning with a 0, which no width is
// written with, and the key takes that width, as --set tells them
// (engine's groupedWidths): "g_hidden": 2,048 is "2,048: JSON has no
// commas in a number; write it 2048, or [2,48] for 2 widths", and 1,000,
// whose list [1,0] has a width 0, "write it 1000" alone, where they were
// "048: JSON writes it 48" and "000: JSON writes it 0", the group read
// alone. Where the key refuses the one width, it is said, with the
// widths if the key takes them, "16,016: …, and as one width, 16,016 out
// of range 1..4,096; write [16,16] for 2 widths", or what is wrong with
// them, "64,000: …, and as one width, 64,000 out of range 1..4,096; as 2
// widths, [64,0], width 0 out of range 1..4,096", where "000: JSON
// writes it 0" named neither. One with a fraction after its thousands
// is told as --set tells it (engine's width message): a fraction of 0s
// or a point alone as the whole width, "2,048.0: JSON has no commas in a
// number; write it 2048, or [2,48] for 2 widths" (2,048. was "048.: JSON
// writes it 48"), any other both readings, `1,000.5: JSON
// has no commas in a number, and "1,000.5" is one width with a fraction,
// 1000.5, or the widths 1 and 000.5, and a width is a whole number; …`,
// where they were "048.0: JSON writes it 48" and "000.5: JSON writes it
// 0.5", the last group read alone. A - before it goes with the width it
// is read as, and with the first of the widths: "-2,048: JSON has no
// commas in a number, and as one width, -2,048 out of range 1..4,096; as
// 2 widths, [-2,48], width -2 out of range 1..4,096", where it was
// "048: JSON writes it 48". It is "" for any other number.
//
// In a list, [16, 2,048.0] (inList), the widths are written without
// brackets of their own, "or 2,48 for 2 widths", as the list holds them.
func widthsReason(key, number string, inList bool) string {
	open, shut := "[", "]"
	if inList {
		open, shut = "", ""
	}
	unsigned, negative := strings.CutPrefix(number, "-")
	if whole, frac, ok := strings.Cut(number, "."); ok {
		if _, grouped := engine.Grouped(strings.TrimPrefix(whole, "-")); !grouped || strings.Trim(frac, "0123456789") != "" {
			return ""
		}
		if strings.Trim(frac, "0") == "" { // 2,048.0 and 2,048.: the whole width, as 1,024.0 is a count's 1024
			if reason := widthsReason(key, whole, inList); reason != "" {
				return number + strings.TrimPrefix(reason, whole)
			}
			return ""
		}
		if why := refusedBy(key, number); why != "" {
			return number + ": JSON has no commas in a number, and " + why
		}
		return ""
	}
	plain, ok := engine.Grouped(unsigned)
	groups := strings.Split(unsigned, ",")
	if !ok || !slices.ContainsFunc(groups[1:], func(g string) bool { return strings.HasPrefix(g, "0") }) {
		return ""
	}
	refusal := func(value string) string { return refusedBy(key, value) }
	widths := make([]string, len(groups))
	for k, g := range groups {
		if widths[k] = strings.TrimLeft(g, "0"); widths[k] == "" {
			widths[k] = "0"
		}
	}
	if negative { // -2,048: its - goes with the width, and with the list's first
		plain, widths[0] = "-"+plain, "-"+widths[0]
	}
	list := strings.Join(widths, ",")
	if why := refusal(plain); why != "" {
		reason := number + ": JSON has no commas in a number, and as one width, " + strings.TrimPrefix(why, "width ")
		if then := refusal(list); then == "" {
			reason += fmt.Sprintf("; write %s%s%s for %d widths", open, list, shut, len(widths))
		} else {
			reason += fmt.Sprintf("; as %d widths, %s%s%s, %s", len(widths), open, list, shut, then)
		}
		return reason
	}
	reason := number + ": JSON has no commas in a number; write it " + plain
	if refusal(list) == "" {
		reason += fmt.Sprintf(", or %s%s%s for %d widths", open, list, shut, len(widths))
	}
	return reason
}

// refusedBy is what key says of value, given as --set gives it to the
// default design, as ReadCommas reads a number (the file's base is not
// read), after the key's name, "-5 out of range: 0 (off) or (0,1000]";
// "" where it takes it, or Validate refuses another key first.
func refusedBy(key, value string) string {
	probe := all[0].Clone()
	err := probe.Set(key, value)
	if err == nil {
		if err = probe.Validate(); err != nil && !slices.Contains(engine.FaultKeys(err), key) {
			err = nil
		}
	}
	if err == nil {
		return ""
	}
	return strings.TrimPrefix(err.Error(), key+": ")
}

// bracketsReason says what to write for a list of widths given to key
// without its brackets, "g_hidden": 16,16 or 16, 16, whose first number
// begins at data[start]: "g_hidden: 16,16: a list is written in
// brackets: [16,16]", the list as the file has it, at its first number.
// A comma after the list's last number before the object's end, "g_hidden":
// 16,16,}, is told with it, "…: [16,16], and no comma after it, the last
// setting", where encoding/json's "invalid character '1' looking for
// beginning of object key string" was all. It is "" for a key that takes
// no list of widths, and where the numbers run into anything but the next
// key or the object's end.
func bracketsReason(data []byte, key string, start int) (at int, reason string) {
	if form, _, err := all[0].ValueForm(key); err != nil || !strings.HasPrefix(form, "a list of widths") {
		return 0, ""
	}
	end, commaAfter := start, false // after the last number of the list; a comma after it, the last setting
	for k := start; ; {
		n := k
		for n < len(data) && numberChar(data[n]) {
			n++
		}
		if n == k || !json.Valid(data[k:n]) {
			return 0, ""
		}
		end = n
		for n < len(data) && strings.IndexByte(" \t\r\n", data[n]) >= 0 {
			n++
		}
		if n == len(data) || data[n] != ',' {
			if n == len(data) || data[n] != '}' {
				return 0, ""
			}
			break
		}
		for n++; n < len(data) && strings.IndexByte(" \t\r\n", data[n]) >= 0; n++ {
		}
		if n < len(data) && data[n] == '"' { // the next key
			break
		}
		if n < len(data) && data[n] == '}' { // a comma after the last setting
			commaAfter = true
			break
		}
		k = n
	}
	list := strings.Join(strings.Fields(string(data[start:end])), " ") // a line break a space: one line
	return start, inBrackets(key, list, commaAfter)
}

// inBrackets is what to write for list, a list given to key without its
// brackets, as the file has it: the list in brackets, "g_hidden: 16,16:
// a list is written in brackets: [16,16]", where the key takes it, each
// name of a list of names, and a list of widths as the default design's
// (a base's depth followed, as Parse follows it); else the brackets and
// what the key says of the list, `g_hidden: 16,1e400: a list is written
// in brackets, [16,1e400], and width 1e400 out of range 1..4,096`, where
// the list was offered as it was and the next try refused it. Where
// commaAfter, a comma after the list ends the object, and is told to go:
// "…: [16,16], and no comma after it, the last setting", and after what
// the key says of a list it refuses, "…, and width 5,000 out of range
// 1..4,096; no comma after the list, the last setting", where that read
// "[64, 5000], and no comma after it, the last setting, and width 5,000
// out of range …", two ands, the second after a comma that ended no
// clause.
func inBrackets(key, list string, commaAfter bool) string {
	bracketed := "[" + list + "]"
	probe := all[0].Clone()
	err := probe.SetJSON(key, []byte(bracketed))
	if form, _, _ := probe.ValueForm(key); err == nil && strings.HasPrefix(form, "a list of widths") { // a list of names is judged name by name: how many the file's design takes, the default's cannot say
		probe.FollowDepth(key)
		if err = probe.Validate(); err != nil && !slices.Contains(engine.FaultKeys(err), key) {
			err = nil
		}
	}
	if err == nil {
		last := ""
		if commaAfter {
			last = ", and no comma after it, the last setting"
		}
		return fmt.Sprintf("%s: %s: a list is written in brackets: %s%s", key, list, bracketed, last)
	}
	last := ""
	if commaAfter {
		last = "; no comma after the list, the last setting"
	}
	return fmt.Sprintf("%s: %s: a list is written in brackets, %s, and %s%s", key, list, bracketed, strings.TrimPrefix(err.Error(), key+": "), last)
}

// namesReason says what to write for a list of names given to a key
// without its brackets, "g_acts": "relu","identity", where encoding/json
// read the second name as a key and said "expected colon after object
// key", at the line's end: "g_acts: "relu","identity": a list is written
// in brackets: ["relu","identity"]", the list as the file has it, at its
// first name, as bracketsReason tells a list of widths, and a comma after
// its last name at the object's end with it, "…, and no comma after it,
// the last setting", where that was left to the next try. i is the byte
// refused, after the name read as a key. It is "" for a key that takes
// no list of names, and for anything else.
func namesReason(data []byte, i int) (at int, reason string) {
	space := func(k int) bool { return k >= 0 && k < len(data) && strings.IndexByte(" \t\r\n", data[k]) >= 0 }
	name := func(end int) int { // the opening quote of the name whose closing quote is data[end], or -1
		begin := bytes.LastIndexByte(data[:end], '"')
		var s string
		if begin < 0 || json.Unmarshal(data[begin:end+1], &s) != nil || strings.ContainsAny(s, "\"\\") {
			return -1
		}
		return begin
	}
	j := i - 1
	for space(j) {
		j--
	}
	first, colon := -1, -1 // the list's first name, the colon after its key
	for j >= 0 && data[j] == '"' && colon < 0 {
		begin := name(j)
		if begin < 0 {
			return 0, ""
		}
		k := begin - 1
		for space(k) {
			k--
		}
		switch {
		case k >= 0 && data[k] == ':':
			first, colon = begin, k
		case k >= 0 && data[k] == ',':
			for j = k - 1; space(j); j-- {
			}
		default:
			return 0, ""
		}
	}
	key := keyBefore(data, colon)
	if form, _, err := all[0].ValueForm(key); key == "" || err != nil || !strings.HasPrefix(form, "a list of") || strings.HasPrefix(form, "a list of widths") {
		return 0, ""
	}
	end, names, commaAfter := first, 0, false // after the list's last name; a comma after it, the last setting
	for k := first; k < len(data) && data[k] == '"'; names++ {
		e := bytes.IndexByte(data[k+1:], '"')
		if e < 0 {
			break
		}
		e += k + 1
		n := e + 1
		for space(n) {
			n++
		}
		if n < len(data) && data[n] == ':' { // the next key
			break
		}
		end = e + 1
		if n == len(data) || data[n] != ',' {
			names++
			break
		}
		for k = n + 1; space(k); k++ {
		}
		if k < len(data) && data[k] == '}' { // a comma after the last setting
			names++
			commaAfter = true
			break
		}
	}
	if names < 2 {
		return 0, ""
	}
	list := strings.Join(strings.Fields(string(data[first:end])), " ") // a line break a space: one line
	return first, inBrackets(key, list, commaAfter)
}

// numberReason says what to write for a number JSON does not take, which
// holds data[i], the byte refused or the one before it, where a value begins (after a colon,
// a '[' or a comma): "01: JSON writes it 1", "+1", ".5", "1.", "0x10",
// "1_000" alike, each the number Go's strconv reads it as. Told in
// encoding/json's words these were "invalid character '.' looking for
// beginning of value" or, for 01, "a comma missing after this value",
// the 0 read as a number and the 1 as a value after it. A setting's
// value is told what its key says of the number too, as --set gp=-05
// is: "-05: JSON writes it -5, and -5 out of range: 0 (off) or
// (0,1000]", where the file's next try was refused again. It is "" for
// anything else.
func numberReason(data []byte, i int) string {
	if !numberChar(data[i]) {
		return ""
	}
	start, end := numberStart(data, i), i
	for end < len(data) && numberChar(data[end]) {
		end++
	}
	j := start - 1
	for ; j >= 0 && strings.IndexByte(" \t\r\n", data[j]) >= 0; j-- {
	}
	if j < 0 || strings.IndexByte(":[,", data[j]) < 0 {
		return ""
	}
	token := string(data[start:end])
	if json.Valid([]byte(token)) || !strings.ContainsAny(token, "0123456789") {
		return "" // a number JSON takes, refused for what is around it; or a word
	}
	key := keyBefore(data, j) // a setting's value: what its key says of the number told too
	written := func(number string) string {
		reason := token + ": JSON writes it " + number
		if key == "" {
			return reason
		}
		if why := refusedBy(key, number); why != "" {
			reason += ", and " + why
		}
		return reason
	}
	sign, digits := "", strings.TrimPrefix(token, "+")
	if rest, ok := strings.CutPrefix(digits, "-"); ok {
		sign, digits = "-", rest
	}
	plain := strings.ReplaceAll(digits, "_", "")
	switch {
	case plain != "" && strings.Trim(plain, "0123456789") == "": // 01, 007, 1_000: its digits
		if plain = strings.TrimLeft(plain, "0"); plain == "" {
			plain, sign = "0", ""
		}
		return written(sign + plain)
	case strings.HasPrefix(strings.ToLower(digits), "0x"):
		if n, err := strconv.ParseInt(sign+digits, 0, 64); err == nil {
			return token + ": JSON has no hexadecimal; write it " + strconv.FormatInt(n, 10)
		}
		return ""
	}
	x, err := strconv.ParseFloat(token, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return ""
	}
	return written(numtext.FormatFloat(x))
}

// refused returns the offset of the byte json.Unmarshal's scanner
// refuses in data, or -1 if data is JSON. Data cut short is refused at
// its last byte, the offset encoding/json gives it.
func refused(data []byte) int {
	var se *json.SyntaxError
	if !errors.As(json.Unmarshal(data, new(json.RawMessage)), &se) || se.Offset < 1 || se.Offset > int64(len(data)) {
		return -1
	}
	return int(se.Offset) - 1
}

// maxNesting is how deep encoding/json nests lists and objects before it
// refuses one more, as "exceeded max depth".
const maxNesting = 10000

// unclosed returns the offset of the quote, [ or { that opens the
// innermost string, list or object data ends inside of, or -1 if it ends
// in none.
func unclosed(data []byte) int {
	open := opened(data)
	if len(open) == 0 {
		return -1
	}
	return open[len(open)-1]
}

// opened returns the offsets of the quotes, [ and { that open the
// strings, lists and objects data ends inside of, outermost first. data
// is the start of valid JSON, so each quote outside a string opens one,
// and in it each backslash escapes the byte after it.
func opened(data []byte) []int {
	var open []int // the offsets of the openers not yet closed, outermost first
	for i := 0; i < len(data); i++ {
		inString := len(open) > 0 && data[open[len(open)-1]] == '"'
		switch c := data[i]; {
		case inString && c == '\\':
			i++ // the byte it escapes
		case inString && c == '"', !inString && (c == ']' || c == '}') && len(open) > 0:
			open = open[:len(open)-1]
		case !inString && (c == '"' || c == '[' || c == '{'):
			open = append(open, i)
		}
	}
	return open
}

// inString reports whether data, the start of valid JSON, ends inside a
// string.
func inString(data []byte) bool {
	open := unclosed(data)
	return open >= 0 && data[open] == '"'
}

// loneSurrogate returns the first \uXXXX escape in raw, a valid JSON
// value, that is half of a UTF-16 surrogate pair (U+D800 to U+DFFF)
// without its other half after or before it, or "" if there is none.
// encoding/json decodes such an escape as U+FFFD without a word, so that
// "a\ud800b" would be trained as the name "a\ufffdb". raw is valid, so
// each backslash in it is in a string and begins an escape.
func loneSurrogate(raw []byte) string {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		if raw[i+1] != 'u' {
			i++ // the escaped byte, a backslash too
			continue
		}
		r := hex4(raw[i+2 : i+6])
		if !utf16.IsSurrogate(r) {
			i += 5
			continue
		}
		if i+12 <= len(raw) && raw[i+6] == '\\' && raw[i+7] == 'u' && utf16.DecodeRune(r, hex4(raw[i+8:i+12])) != unicode.ReplacementChar {
			i += 11 // a pair, the first half high and the second low
			continue
		}
		return string(raw[i : i+6])
	}
	return ""
}

// hex4 reads the four hexadecimal digits of a valid \uXXXX escape.
func hex4(digits []byte) rune {
	n, _ := strconv.ParseUint(string(digits), 16, 16)
	return rune(n)
}

// pointsFrom returns target with the path of a points(FILE.csv) target
// that is relative taken from dir, the directory of the preset file that
// names it, as the process reads it (dir joined before it), and whether
// it changed it: a preset file's relative path is relative to the file,
// so that a design kept beside its data runs from any directory, as a
// path in most tools' files does. Read from the working directory, it
// would make ganui --preset ~/exp/design.json, naming points(pts.csv)
// beside it, find no pts.csv anywhere else than in ~/exp. A rooted path (rooted: an absolute one, and on Windows one begun
// with a separator or a drive), and a file in the working directory (dir
// "."), keep their spec as written. A name engine.PointsName refuses in
// dir is an error, a Validate error of the target's as ParsePlane's is,
// told of the spec as written: spaces around it (joined to the directory,
// points(x.csv ) of exp/design.json would read exp/x.csv where the same
// file in the working directory is refused), and a ~ that no directory ~
// beside the file names (inputfile.TildeLeft), which, kept for ParsePlane,
// would be judged in the working directory, whose directory ~ would be
// read as the name's.
func pointsFrom(dir, target string) (string, bool, error) {
	path, ok := engine.PointsFile(target)
	if !ok {
		return target, false, nil
	}
	if err := engine.PointsName(dir, target); err != nil {
		return target, false, &engine.KeyError{Keys: []string{"target"}, Err: err}
	}
	if strings.TrimSpace(path) == "" || rooted(runtime.GOOS, path) || dir == "." {
		return target, false, nil
	}
	return engine.Points{Path: filepath.Join(dir, path)}.String(), true, nil
}

// linkNote follows "a preset file's relative path is read from the
// file's directory" in the refusal of a points file missing where it was
// read, when the preset file name is a symbolic link to the file real
// and target (as the file writes it) a points(FILE.csv) of a relative
// path: ": links/design.json leads to exp/design.json", and where the
// points file is beside the link, ", and links/pts.csv beside the link is
// not read", the file a user who took the link's directory for the file's
// meant. "" for any other name or target.
func linkNote(name, real, target string) string {
	path, ok := engine.PointsFile(target)
	if path = strings.TrimSpace(path); real == name || !ok || path == "" || rooted(runtime.GOOS, path) {
		return ""
	}
	note := ": " + shellword.Quote(name) + " leads to " + shellword.Quote(real)
	if beside := filepath.Join(filepath.Dir(name), path); fileThere(beside) {
		note += ", and " + shellword.Quote(beside) + " beside the link is not read"
	}
	return note
}

// olderNote follows the refusal of a points file missing from the
// directory of the preset file name (real, where it is a link), in a file
// that records no ganui_version, when target's relative path names a file
// from the working directory: a ganui before files recorded the version
// (and before a relative path was read from the file's directory) wrote
// --show-preset's and the c key's path as given, from the directory it
// ran in, which "no such file" alone would leave a user of such a file to
// guess. It gives the path to write from the file's directory:
// "; a file written by an older ganui (this one records no ganui_version)
// names it from the working directory, where data.csv is: write
// points(../data.csv) in exp/my.json to train on it". "" for any other
// case.
func olderNote(name, real, target string) string {
	path, ok := engine.PointsFile(target)
	if path = strings.TrimSpace(path); !ok || path == "" || rooted(runtime.GOOS, path) || !fileThere(path) {
		return ""
	}
	dir, err := filepath.Abs(filepath.Dir(real))
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		rel = abs
	}
	return "; a file written by an older ganui (this one records no " + engine.VersionKey + ") names it from the working directory, where " + shellword.Quote(path) + " is: write " + engine.Points{Path: rel}.String() + " in " + shellword.Quote(name) + " to train on it"
}

// fileThere reports whether path names a regular file, through links.
func fileThere(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// rooted reports whether path, on the system goos (runtime.GOOS), is
// rooted rather than relative to a directory: begun with a separator, or
// on Windows with a volume name (a drive, C:). On Windows that is more
// than filepath.IsAbs's absolute: \data\x.csv (the current drive's root)
// and C:x.csv (drive C's working directory) are not absolute, yet neither
// is read from the directory it is named in, and a preset file's
// directory joined before them (exp\data\x.csv, exp\C:x.csv) names
// another file or none. On every other system rooted is absolute. The
// system is a parameter so that Windows' rule is tested everywhere.
func rooted(goos, path string) bool {
	if goos == "windows" { // filepath's rules there: \ and / both separate; a volume name is a drive letter and a colon, or \\server\share, begun with a separator
		return strings.HasPrefix(path, `\`) || strings.HasPrefix(path, "/") || len(path) >= 2 && path[1] == ':'
	}
	return strings.HasPrefix(path, "/")
}

// leftOut are the keys a preset file without a base may leave out, each
// for a reason that holds whatever the design: the text for a reader,
// which Parse gives from the file's name (name, source) or leaves empty
// (description), and keys a file written before they existed lacks,
// whose zero trains as that file did (the critic's warm-up, off).
var leftOut = []string{"name", "description", "source", "d_warmup_steps", "d_warmup_epochs", "d_warmup_every"}

// missing refuses a preset file without a base that leaves out a key
// other than leftOut's, naming the keys (the first few, and how many
// more): its value would be zero, which is valid for many keys (d_beta2,
// gp, unroll) and would be trained as if the file had given it. It is
// one check for every key, not only of those whose zero is out of
// range.
func missing(seen map[string]bool, name string) error {
	var keys []string
	for _, k := range engine.ConfigKeys() {
		if !seen[k] && !slices.Contains(leftOut, k) {
			keys = append(keys, k)
		}
	}
	const named = 5 // keys named before "and N more"
	switch {
	case len(keys) == 0:
		return nil
	case len(keys) == 1:
		return fmt.Errorf("%s: the file leaves %s out and names no %q preset to take it from; give it, or a base%s", name, keys[0], baseKey, everyKey())
	}
	listed := keys
	if len(keys) > named {
		listed = append(keys[:named:named], numtext.FormatInt(len(keys)-named)+" more")
	}
	list := numtext.List(listed, "and")
	return fmt.Errorf("%s: the file leaves %s keys out (%s) and names no %q preset to take them from; give them, or a base%s", name, numtext.FormatInt(len(keys)), list, baseKey, everyKey())
}

// pair is a preset file's key, its value, and the line it is on.
type pair struct {
	key  string
	raw  json.RawMessage
	line int
}

// newer checks the file name's engine.VersionKey, the ganui that wrote
// it, a string, and refuses a file that another ganui than this one
// wrote and that has keys this one does not know with an
// *engine.NewerError, on the line of the first: a newer ganui's design,
// which this one would train otherwise. Unknown keys in a file that
// records no writer, or this ganui, are keys written by hand, which
// Parse says were likely meant to be others.
func newer(pairs []pair, name string) error {
	writer, line := "", 0
	var unknown []string
	for _, p := range pairs {
		switch {
		case p.key == engine.VersionKey:
			if json.Unmarshal(p.raw, &writer) != nil {
				return fmt.Errorf("%s:%d: %s: want a string, the version of the ganui that wrote the file", name, p.line, engine.VersionKey)
			}
		case p.key != baseKey && !slices.Contains(engine.ConfigKeys(), p.key):
			if unknown == nil {
				line = p.line
			}
			unknown = append(unknown, p.key)
		}
	}
	if writer == "" || writer == release.Version || unknown == nil {
		return nil
	}
	return fmt.Errorf("%s:%d: %w", name, line, &engine.NewerError{Writer: writer, Keys: unknown})
}

// MaxFileSize is the largest preset file ganui reads. A complete preset
// is under 2 KiB; the cap leaves room for comments-as-descriptions and
// wide layer lists while refusing at once a file that is not a preset.
const MaxFileSize = 256 << 10

// Load reads and parses the preset file at path: a regular file (not a
// pipe, device or directory) of at most MaxFileSize bytes. A checkpoint
// given in its place is named as one, with the flag that reads it, not
// refused as larger than a preset file can be, or as invalid JSON; so is
// a file of another kind, a CSV or an image, whatever its size. The file
// is opened once, its first bytes read to tell a checkpoint, then the
// whole. A relative points(FILE.csv) path in it is read from the
// directory of the file, or, where path is a symbolic link, of the file
// it leads to (linkedFile), not the link's.
func Load(path string) (engine.Config, error) {
	f, err := openFile(path)
	if err != nil {
		return engine.Config{}, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := f.ReadAt(head, 0)
	head = head[:n]
	if engine.IsCheckpoint(head) {
		given := &CheckpointGiven{Path: path}
		given.Epoch, given.Plan, _ = engine.CheckpointEpochs(f)
		return engine.Config{}, given
	}
	// A file too large to read that does not begin as a JSON object does
	// is told what Parse tells a smaller one of its kind, from its first
	// bytes: a run's --log given to --preset is told "not a preset file",
	// where its size alone would say "larger than 256 KiB, the most ganui
	// reads of such a file", as if it were one.
	body := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	if f.Size() > MaxFileSize && len(body) > 0 && body[0] != '{' {
		return Parse(head, path)
	}
	data, err := f.ReadAll(MaxFileSize)
	if f.Size() > MaxFileSize {
		// One that does, too large all the same, is told what a preset
		// file is as well as "larger than 256 KiB, the most ganui reads of
		// such a file".
		return engine.Config{}, fmt.Errorf("%w: a preset file is one JSON object of settings, under 2 KiB; this may be another kind of file", err)
	}
	if err != nil {
		return engine.Config{}, err
	}
	return parse(data, path, linkedFile(path))
}

// CheckpointGiven is Load's error for a checkpoint given as a preset
// file: it names it as one, with the command that continues its run, its
// name quoted where a shell would not read it as one word (shellword.Quote)
// beside the --resume as in it.
// Where its plan is done (Epoch at Plan, read from its head), that
// command has --epochs, which a headless --resume at its plan's end
// refuses to go without: the Epochs given with it (a caller sets them)
// where they are past its epoch, as N else, where "ganui --resume
// a.ckpt" had been offered and refused, the --epochs given dropped. So
// is a run not at its plan's end given Epochs past its epoch.
type CheckpointGiven struct {
	Path        string
	Epoch, Plan int // the checkpoint's, Plan 0 where its head could not be read
	Epochs      int // --epochs as given with it, 0 for none
}

func (e *CheckpointGiven) Error() string {
	resume, does := "--resume "+shellword.Quote(e.Path), "continues its run"
	switch {
	case e.Epochs > e.Epoch && e.Plan > 0:
		resume += " --epochs " + strconv.Itoa(e.Epochs)
		does = "trains it on from epoch " + numtext.FormatInt(e.Epoch) + " to " + numtext.FormatInt(e.Epochs)
	case e.Plan > 0 && e.Epoch >= e.Plan:
		resume += " --epochs N"
		does = "trains it on to epoch N, past its plan's end at epoch " + numtext.FormatInt(e.Epoch)
	}
	return fmt.Sprintf("%s is a checkpoint, not a preset file: %s %s", shellword.Quote(e.Path), shellword.Noted(command.Train(resume), e.Path), does)
}

// linkedFile is the file path leads to when it is a symbolic link, its
// links followed (filepath.EvalSymlinks), whose directory a relative
// points path in it is read from: a link names the file, and a design
// reached by a link is the file's, its points those beside the file,
// wherever the link is. Any other path, and a link that cannot be
// followed now (Load has opened the file), is path itself: its directory
// as given, not through the links among its directories, so that the
// points are named as the user named the file.
func linkedFile(path string) string {
	if st, err := os.Lstat(path); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return path
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return path
	}
	return real
}

// IsPresetData reports whether data, a file's bytes, is a preset file:
// at most MaxFileSize bytes that Parse reads, or refuses as a newer
// ganui's (*engine.NewerError), its points(FILE.csv) target aside. The
// points file is neither read nor looked for: a preset file is one
// whether its points are there or not, and telling its kind (an output
// about to replace it, a --resume given it) takes no reading of some
// 64 MiB of points, nor a directory to read them from.
func IsPresetData(data []byte) bool {
	if len(data) > MaxFileSize {
		return false
	}
	f, err := decode(data, "")
	if err == nil {
		err = f.cfg.ValidateUnread()
	}
	var newer *engine.NewerError
	return err == nil || errors.As(err, &newer)
}

// builtInHint follows a name, --preset's or a preset file's "base", that
// is no built-in preset and no misspelling of one (unknownPreset): a few
// of them and where they are listed, for every name would make one line
// of some 500 characters. So is an empty base, one naming a file, or one
// not a string. The commands these hints suggest begin as
// ganui was started (command.Line).
func builtInHint() string {
	return ", such as vanilla or ring (" + command.Line("--list-presets") + " lists them)"
}

// oneObject says what a preset file is, to a file that is none: "a
// preset file is one JSON object {…}, as ganui --show-preset NAME prints
// one".
func oneObject() string {
	return "a preset file is one JSON object {…}, as " + command.Line("--show-preset NAME") + " prints one"
}

// everyKey follows the keys a base would give a preset file that leaves
// them out: " (ganui --show-preset NAME prints a file that gives every
// key)".
func everyKey() string {
	return " (" + command.Line("--show-preset NAME") + " prints a file that gives every key)"
}

// openFile opens the file Load reads; a test counts its calls.
var openFile = inputfile.Open

// Resolve returns the built-in preset called arg, or else loads arg as a
// preset file when it names one (something is there, a link that leads
// nowhere too, which Load then says: a link left dangling by a moved
// file, or one of a loop, is no unknown preset). An arg that is not there
// is a missing file when it looks like a path (looksLikePath), said so,
// and else a preset name, perhaps misspelt: --preset run.ckpt is a
// missing file, not "unknown preset \"run.ckpt\"", as if a name were
// wanted, not the file it names.
func Resolve(arg string) (engine.Config, error) {
	if !IsFile(arg) {
		return Get(arg)
	}
	_, err := os.Lstat(arg)
	if !errors.Is(err, fs.ErrNotExist) {
		return Load(arg)
	}
	if !looksLikePath(arg) {
		if near := inputfile.WithExt(arg, ".json"); near != "" { // --preset my for the my.json --show-preset wrote
			return engine.Config{}, fmt.Errorf("unknown preset %s%s", shellword.Quote(arg), near)
		}
		return engine.Config{}, unknownPreset(arg, ", or a FILE.json")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "no such file or directory", without "lstat"
	}
	if filepath.Ext(arg) == ".ckpt" {
		return engine.Config{}, fmt.Errorf("%s: %w (a checkpoint is given to --resume)", shellword.Quote(arg), err)
	}
	// A built-in's name with .json, or one near it by the rule an
	// unknown name is told its built-in by (suggest.Nearest), and no file
	// beside it of a name near it, is the built-in meant: --preset
	// vanilla.json and --preset vanila.json are told "did you mean
	// vanilla, the built-in preset?", as --preset vanila is told the
	// name, where they were told to give a file that is there or a name.
	near := inputfile.NearbyAs(arg, ".json")
	if name, ok := strings.CutSuffix(arg, ".json"); ok && near == "" && !looksLikePath(name) {
		switch meant := suggest.Nearest(name, Names()); len(meant) {
		case 0:
		case 1:
			return engine.Config{}, fmt.Errorf("%s: %w (did you mean %s, the built-in preset?)", shellword.Quote(arg), err, meant[0])
		default:
			return engine.Config{}, fmt.Errorf("%s: %w (did you mean %s, built-in presets?)", shellword.Quote(arg), err, numtext.List(meant, "or"))
		}
	}
	// A name mistyped, or a file never written: the file beside it meant
	// (inputfile.Nearby), and what to give. The name, in each message
	// here, is quoted where a shell would not read it as one word
	// (shellword.Quote): "'my design.json': no such file or directory; …",
	// where it was bare, its space read as the message's own.
	return engine.Config{}, fmt.Errorf("%s: %w%s; give a preset file that is there (%s > FILE.json writes one), or a built-in preset's name (%s lists them)",
		shellword.Quote(arg), err, near, command.Line("--show-preset NAME"), command.Line("--list-presets"))
}

// Shadowed is the note for arg, a name given to --preset or
// --show-preset, when it is a built-in preset's and a regular file of
// that name is in the working directory, which Resolve does not read:
// "ring is a built-in preset; the file ./ring is not read (give ./ring
// to read it)", so that the built-in is not trained without a word of
// the file, a design saved as ring there. "" for any other arg.
func Shadowed(arg string) string {
	if IsFile(arg) {
		return ""
	}
	if st, err := os.Stat(arg); err != nil || !st.Mode().IsRegular() {
		return ""
	}
	return fmt.Sprintf("%s is a built-in preset; the file ./%s is not read (give ./%s to read it)", arg, arg, arg)
}

// looksLikePath reports whether s, given where a built-in preset's name
// is wanted (--preset, a preset file's "base"), is rather a file's path:
// it holds a path separator, begins with "." or "~", or ends in an
// extension (.json, .ckpt, .csv). No built-in preset's name does.
func looksLikePath(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.HasPrefix(s, ".") || strings.HasPrefix(s, "~") || len(filepath.Ext(s)) > 1
}

// IsFile reports whether Resolve reads arg as a preset file, not as a
// built-in preset: arg names none.
func IsFile(arg string) bool { return !slices.Contains(Names(), arg) }

// Marshal writes cfg as a preset file: the ganui that writes it
// (release.Version, under engine.VersionKey, which names it to a ganui
// that does not know a key of the file), then every field, one key per
// line in engine.Config's order, lists on one line. Parse reads it back to an
// equal Config, but for the non-breaking spaces a built-in preset keeps
// a label and its value with in its description and source, for the
// screen's wrapping (numtext.Together): a file writes them as plain
// spaces, which an editor shows and grep finds. It panics if a choice
// field (loss, d_opt, …) holds a value that is not one of its constants,
// which no parsed or Set Config does. A points(FILE.csv) target's path
// is written as the Config holds it, for comparing designs; a file to be
// saved is MarshalFile's.
func Marshal(cfg engine.Config) []byte {
	cfg.Description, cfg.Source = numtext.Plain(cfg.Description), numtext.Plain(cfg.Source)
	var all bytes.Buffer
	enc := json.NewEncoder(&all)
	enc.SetEscapeHTML(false)
	var full map[string]json.RawMessage
	err := enc.Encode(cfg)
	if err == nil {
		err = json.Unmarshal(all.Bytes(), &full)
	}
	if err != nil {
		panic("presets: a Config does not marshal: " + err.Error()) // an invalid choice value
	}
	var b bytes.Buffer
	writer, _ := json.Marshal(release.Version)
	fmt.Fprintf(&b, "{\n  %q: %s,\n", engine.VersionKey, writer)
	keys := engine.ConfigKeys()
	for i, k := range keys {
		v := full[k]
		var items []json.RawMessage
		if json.Unmarshal(v, &items) == nil { // a list, or null for a nil one
			parts := make([]string, len(items))
			for j, it := range items {
				parts[j] = string(it)
			}
			v = json.RawMessage("[" + strings.Join(parts, ", ") + "]")
		}
		if k == "d_lr" || k == "g_lr" {
			v = lrJSON(v)
		} else {
			v = smallJSON(v)
		}
		fmt.Fprintf(&b, "  %q: %s", k, v)
		if i < len(keys)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// MarshalFile is Marshal for a preset file to be saved, whose place
// ganui cannot know (--show-preset's standard output goes wherever the
// user sends it): a points(FILE.csv) target's relative path, which the
// Config holds as the process reads it, from the working directory, is
// written absolute, since Parse reads a relative one from the file's
// own directory. The file so names the same points wherever it is
// saved; written relative, it would name pts.csv beside itself, which a
// file saved elsewhere than the working directory does not have. The
// error is the working directory's, when it cannot be had.
func MarshalFile(cfg engine.Config) ([]byte, error) {
	var err error
	if cfg.Target, err = engine.AbsPoints(cfg.Target); err != nil {
		return nil, err
	}
	return Marshal(cfg), nil
}

// smallJSON writes a number under 1e-4 (but 0) as the design's outline
// reads it (numtext.FormatFloat: 1e-6, 5e-5), where encoding/json writes
// those from 1e-6 up in decimals (0.000001) and those below in its
// exponent form (1e-7): --set eps=1e-6 is eps=1e-6 in --show-preset and
// the final line, as eps=1e-7 and the default, 1e-8, are. Any other
// value is written as encoding/json wrote it.
func smallJSON(v json.RawMessage) json.RawMessage {
	var x float64
	if len(v) == 0 || v[0] == '"' || v[0] == '[' || json.Unmarshal(v, &x) != nil || x == 0 || math.Abs(x) >= 1e-4 {
		return v
	}
	return json.RawMessage(numtext.FormatFloat(x))
}

// lrJSON writes a learning rate as the trainer's settings and the
// design's outline read it (engine.FormatLR: 5e-4, not 0.0005), where
// that is the same number; otherwise as encoding/json wrote it.
func lrJSON(v json.RawMessage) json.RawMessage {
	var lr float64
	if json.Unmarshal(v, &lr) != nil {
		return v
	}
	s := engine.FormatLR(lr)
	if back, err := strconv.ParseFloat(s, 64); err != nil || back != lr {
		return v
	}
	return json.RawMessage(s)
}
