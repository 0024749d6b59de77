package presets

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/visible"
)

// TestMarshalRoundTrip: every preset written as a file reads back equal,
// its description and source with plain spaces where the screen keeps
// words together with non-breaking ones: no U+00A0 in a file.
func TestMarshalRoundTrip(t *testing.T) {
	for _, c := range All() {
		data := Marshal(c)
		if bytes.Contains(data, []byte(numtext.NBSP)) {
			t.Errorf("%s: a non-breaking space in the file:\n%s", c.Name, data)
		}
		got, err := Parse(data, c.Name+".json")
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.Name, err, data)
		}
		c.Description, c.Source = numtext.Plain(c.Description), numtext.Plain(c.Source)
		if !reflect.DeepEqual(got, c) {
			t.Errorf("%s: round trip changed the preset:\n got %+v\nwant %+v", c.Name, got, c)
		}
	}
	// One key per line, lists on one line, HTML characters unescaped.
	v, _ := Get("vanilla")
	v.Description = "a <b> & c"
	text := string(Marshal(v))
	for _, want := range []string{"\n  \"g_hidden\": [16, 16],\n", "\n  \"description\": \"a <b> & c\",\n", "\n  \"epochs\": 10000\n}\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("Marshal output lacks %q:\n%s", want, text)
		}
	}
}

// TestPresetFileOfANewerGanui: a preset file with keys this ganui does
// not know, written by another ganui (as its "ganui_version", which
// Marshal writes first, records), is refused in one line that names that
// ganui, the keys and the way out, on the line of the first key; a key
// this ganui does not know in a file that records no writer, or this
// ganui, was written by hand and is answered with the key it was likely
// meant to be.
func TestPresetFileOfANewerGanui(t *testing.T) {
	if first := strings.SplitN(string(Marshal(All()[0])), "\n", 3)[1]; first != `  "ganui_version": "`+release.Version+`",` {
		t.Errorf("Marshal's first key is %q, want the ganui that writes it, %s", first, release.Version)
	}
	file := "{\n  \"ganui_version\": \"v9.9.9\",\n  \"base\": \"wgan\",\n  \"d_future_steps\": 100,\n  \"d_future_every\": 500\n}\n"
	_, err := Parse([]byte(file), "w.json")
	want := `w.json:4: written by ganui v9.9.9, whose design has keys this ganui, ` + release.Version + `, does not know: "d_future_steps", "d_future_every"; upgrade ganui to read it`
	if !errors.As(err, new(*engine.NewerError)) || err.Error() != want {
		t.Errorf("got %v, want a NewerError:\n%s", err, want)
	}
	for _, c := range []struct{ file, want string }{
		{`{"base": "wgan", "d_future_steps": 100}`, `p.json:1: unknown key "d_future_steps"`},
		{`{"ganui_version": "` + release.Version + `", "base": "vanilla", "g_lrr": 1e-3}`, `p.json:1: unknown key "g_lrr" (did you mean "g_lr"?)`},
		{`{"ganui_version": 2, "base": "vanilla"}`, `p.json:1: ganui_version: want a string, the version of the ganui that wrote the file`},
		{`{"ganui_versio": "v1", "base": "vanilla"}`, `p.json:1: unknown key "ganui_versio" (did you mean "ganui_version"?)`},
	} {
		if _, err := Parse([]byte(c.file), "p.json"); err == nil || !strings.HasPrefix(err.Error(), c.want) || errors.As(err, new(*engine.NewerError)) {
			t.Errorf("%s: %v, want %q", c.file, err, c.want)
		}
	}
	// Another ganui's file with no key unknown here loads.
	if _, err := Parse([]byte(`{"ganui_version": "v9.9.9", "base": "vanilla"}`), "p.json"); err != nil {
		t.Errorf("a file of ganui v9.9.9: %v", err)
	}
}

// TestPresetFileFromBeforeTheWarmup: a preset file written before the
// critic's warm-up keys existed (testdata/wgan-before-warmup.json:
// ganui --show-preset wgan at commit 4b14c69) reads as the design it
// was, without the warm-up that wgan has since: a file names no base,
// and a key it leaves out is zero, the warm-up off.
func TestPresetFileFromBeforeTheWarmup(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "wgan-before-warmup.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("d_warmup")) {
		t.Fatal("the fixture names the warm-up: it is no file from before it")
	}
	got, err := Parse(data, "wgan-before-warmup.json")
	if err != nil {
		t.Fatal(err)
	}
	if n, warm := got.DStepsAt(0); n != 5 || warm {
		t.Errorf("the old file's first epoch takes %d critic steps (warm-up %v), want 5 as it did", n, warm)
	}
	w, _ := Get("wgan")
	if d := differences(got, w); !reflect.DeepEqual(d, []string{"d_warmup_steps", "d_warmup_epochs", "d_warmup_every"}) {
		t.Errorf("the old file differs from wgan in %v, want the warm-up alone", d)
	}
	// Written again, it has the keys, at 0, and reads back the same.
	again := Marshal(got)
	if !bytes.Contains(again, []byte("\n  \"d_warmup_steps\": 0,\n")) {
		t.Errorf("the file written again lacks d_warmup_steps 0:\n%s", again)
	}
	if back, err := Parse(again, "again.json"); err != nil || !reflect.DeepEqual(back, got) {
		t.Errorf("written again, it reads back as %+v, %v", back, err)
	}
}

// TestFileWithoutBaseGivesEveryKey: a preset file without a base that leaves
// out a key is refused, naming it and how to give it, for every key but the few
// a file may leave out (leftOut), whose zero or default holds for any design. A
// key whose zero is valid (d_beta2, gp) is refused as one whose zero is out of
// range (batch) is, not trained at 0 without a word.
func TestFileWithoutBaseGivesEveryKey(t *testing.T) {
	v, _ := Get("vanilla")
	var full map[string]json.RawMessage
	if err := json.Unmarshal(Marshal(v), &full); err != nil {
		t.Fatal(err)
	}
	without := func(keys ...string) []byte {
		m := maps.Clone(full)
		for _, k := range keys {
			delete(m, k)
		}
		b, _ := json.Marshal(m)
		return b
	}
	for _, key := range engine.ConfigKeys() {
		got, err := Parse(without(key), "my.json")
		if slices.Contains(leftOut, key) {
			if err != nil {
				t.Errorf("without %s: %v, want it parsed", key, err)
			}
			continue
		}
		want := `my.json: the file leaves ` + key + ` out and names no "base" preset to take it from; give it, or a base (ganui --show-preset NAME prints a file that gives every key)`
		if err == nil || err.Error() != want {
			t.Errorf("without %s: %v (d_beta2 %v), want\n%s", key, err, got.DBeta2, want)
		}
	}
	_, err := Parse(without("d_beta2", "gp", "d_warmup_steps"), "my.json")
	if want := `my.json: the file leaves 2 keys out (gp and d_beta2) and names`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("without d_beta2 and gp: %v, want %s…", err, want)
	}
	// With a base, the base gives them.
	if c, err := Parse([]byte(`{"base": "vanilla", "g_lr": 1e-3}`), "my.json"); err != nil || c.DBeta2 != v.DBeta2 {
		t.Errorf("with a base: d_beta2 %v, %v; want vanilla's %v", c.DBeta2, err, v.DBeta2)
	}
}

// TestFileLengthsAreWrittenWithSeparators: a length or size a preset file's
// error gives is written as the others' numbers are, with thousands separators
// (numtext.FormatInt): a name of 200,000 bytes is not "200000 bytes long, more
// than 1000".
func TestFileLengthsAreWrittenWithSeparators(t *testing.T) {
	acts := strings.Repeat(`"relu", `, 1499) + `"sigmoid"`
	for _, c := range []struct{ file, want string }{
		{"{\"base\": \"vanilla\",\n \"name\": \"" + strings.Repeat("a", 200000) + "\"}", "p.json:2: name: 200,000 bytes long, more than 1,000"},
		{`{"base": "vanilla", "d_acts": [` + acts + `]}`, "p.json:1: d_acts: need 3 activations (one per hidden layer of d_hidden and one for the output), got 1,500"},
		{`{"base": "vanilla", "batch": 100000, "g_out": 30000}`, "p.json:1: g_out: 30,000 out of range: a divisor of batch 100,000, or batch a multiple of 30,000"},
		{`{"base": "vanilla", "batch": 100000, "d_in": 30000}`, "p.json:1: d_in: 30,000 out of range: a divisor of batch 100,000, or batch a multiple of 30,000"},
	} {
		if _, err := Parse([]byte(c.file), "p.json"); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
}

// TestEmptyChoiceSaysWhatToWrite: a choice given an empty name, or one
// of spaces only, is told what a name of its key is and one to write, the
// design's own (its base's, the first name without a base), as --set
// loss= is told, where "" was refused as the unset choice with an empty
// suggestion, "(did you mean ?)".
func TestEmptyChoiceSaysWhatToWrite(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{`{"base": "vanilla", "loss": ""}`, `p.json:1: loss is empty: give one of bce, least_squares, wasserstein, hinge, e.g. "loss": "bce"`},
		{"{\"base\": \"wgan\",\n \"loss\": \"\"}", `p.json:2: loss is empty: give one of bce, least_squares, wasserstein, hinge, e.g. "loss": "wasserstein"`},
		{`{"base": "vanilla", "noise": " "}`, `p.json:1: noise holds only spaces: give one of uniform, normal, e.g. "noise": "normal"`},
		{`{"base": "vanilla", "g_opt": "\t"}`, `p.json:1: g_opt holds only spaces: give one of adam, sgd, rmsprop, e.g. "g_opt": "adam"`},
		{`{"d_opt": "", "g_lr": 1e-3}`, `p.json:1: d_opt is empty: give one of adam, sgd, rmsprop, e.g. "d_opt": "adam"`},
	} {
		if _, err := Parse([]byte(c.file), "p.json"); err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.file, err, c.want)
		}
	}
}

// TestBadValueIsToldAgainstTheFilesDesign: a value refused is told once the
// file's other keys are set, its range the one of the design the file gives, as
// --set's is of the preset's: a file that gives every key is not told
// "g_hidden: width 2.5 is not a whole number", no widths allowed, as if its
// learning rates after g_hidden were still 0, nor a base's g_out against the
// base's batch where the file gives its own after it. The first line refused is
// the one told, an unknown key after it too.
func TestBadValueIsToldAgainstTheFilesDesign(t *testing.T) {
	v, _ := Get("vanilla")
	full := string(Marshal(v))
	line := 1 + strings.Count(full[:strings.Index(full, `"g_hidden"`)], "\n")
	wide := regexp.MustCompile(`"g_hidden": \[[^]]*\]`).ReplaceAllString(full, `"g_hidden": [32, 2.5]`)
	for _, c := range []struct{ file, want string }{
		{wide, fmt.Sprintf("p.json:%d: g_hidden: width 2.5 is not a whole number; allowed: 1..4,096", line)},
		{"{\"base\": \"vanilla\",\n\"g_out\": 1e400,\n\"batch\": 8}", "p.json:2: g_out: 1e400 out of range: a divisor of batch 8 (1, 2, 4 or 8)"},
		{"{\"base\": \"vanilla\",\n\"g_hidden\": [2.5],\n\"g_hiden\": [8]}", "p.json:2: g_hidden: width 2.5 is not a whole number; allowed: 1..4,096"},
		{"{\"base\": \"vanilla\",\n\"g_hiden\": [8],\n\"g_hidden\": [2.5]}", `p.json:2: unknown key "g_hiden" (did you mean "g_hidden"?)`},
	} {
		if _, err := Parse([]byte(c.file), "p.json"); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
}

// TestLoneSurrogateIsRefused: a \uXXXX escape that is half of a UTF-16
// surrogate pair without its other half is refused, naming the key, not read as
// U+FFFD as encoding/json reads it, which would train "a\ud800b" as the name
// "a\ufffdb"; a whole pair is its character, and an escaped backslash before
// "ud800" is text.
func TestLoneSurrogateIsRefused(t *testing.T) {
	for value, want := range map[string]string{
		`"a\ud800b"`:           `\ud800`,
		`"\uDBFF"`:             `\uDBFF`, // high, at the end
		`"a\udc00"`:            `\udc00`, // low, alone
		`"\ud800\u0041"`:       `\ud800`, // high, then no low
		`"\ud800\ud800"`:       `\ud800`, // two highs
		`"\ude00\ud83d"`:       `\ude00`, // a pair's halves swapped
		`"\\\ud800"`:           `\ud800`, // after an escaped backslash
		`"\ud83d\ude00\udc00"`: `\udc00`, // after a pair
	} {
		_, err := Parse([]byte("{\"base\": \"vanilla\",\n \"name\": "+value+"}"), "p.json")
		if msg := "p.json:2: name: " + want + " is half of a UTF-16 surrogate pair"; err == nil || !strings.HasPrefix(err.Error(), msg) {
			t.Errorf("name %s: %v, want %s…", value, err, msg)
		}
	}
	_, err := Parse([]byte(`{"base": "vanilla", "g_acts": ["relu", "relu\udfff", "identity"]}`), "p.json")
	if want := `p.json:1: g_acts: \udfff is half`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("in a list: %v, want %s…", err, want)
	}
	for value, want := range map[string]string{`"a\ud83d\ude00b"`: "a😀b", `"\\ud800"`: `\ud800`, `"a\u00e9\ufffd"`: "aé\ufffd"} {
		c, err := Parse([]byte(`{"base": "vanilla", "name": `+value+`}`), "p.json")
		if err != nil || c.Name != want {
			t.Errorf("name %s: %q, %v; want %q", value, c.Name, err, want)
		}
	}
}

// TestMarshalWritesLearningRatesAsTheSettings: a preset file writes its
// learning rates as the trainer's settings and the design's outline read them,
// "d_lr": 5e-4 (not 0.0005 beside "g_lr": 0.00005), where that is the same
// number; one that 4 digits would round is written in full. Either reads back
// as it was.
func TestMarshalWritesLearningRatesAsTheSettings(t *testing.T) {
	v, _ := Get("vanilla")
	v.Source = numtext.Plain(v.Source) // as a file reads it back: its names and dates kept together by plain spaces
	for _, c := range []struct {
		d, g   float64
		dt, gt string
	}{
		{5e-4, 5e-5, "5e-4", "5e-5"},
		{3e-4, 1.5e-4, "3e-4", "1.5e-4"},
		{0.5, 10, "0.5", "10"},
		{0.123456, 1e-6, "0.123456", "1e-6"},
	} {
		v.DLR, v.GLR = c.d, c.g
		text := string(Marshal(v))
		for _, want := range []string{"\n  \"d_lr\": " + c.dt + ",\n", "\n  \"g_lr\": " + c.gt + ",\n"} {
			if !strings.Contains(text, want) {
				t.Errorf("Marshal output lacks %q:\n%s", want, text)
			}
		}
		if got, err := Parse([]byte(text), "v.json"); err != nil || !reflect.DeepEqual(got, v) {
			t.Errorf("lr %g, %g: round trip changed the preset (%v)", c.d, c.g, err)
		}
	}
}

// TestDescriptionNamesTheBase: a file's design without a description of its own
// is described as based on the preset it names, then that preset's words: a
// file based on bimodal, whose words begin "vanilla on a two-mode target", does
// not read "your preset, based on vanilla on a two-mode target, …", as if
// vanilla were its base.
func TestDescriptionNamesTheBase(t *testing.T) {
	c, err := Parse([]byte(`{"base": "bimodal", "g_lr": 1e-3}`), "mine.json")
	if err != nil {
		t.Fatal(err)
	}
	if want := "your preset, based on bimodal: vanilla on a two-mode target, to watch for mode collapse"; c.Description != want {
		t.Errorf("description %q, want %q", c.Description, want)
	}
}

func TestParseWithBase(t *testing.T) {
	c, err := Parse([]byte(`{
  "base": "vanilla",
  "g_hidden": [64, 64],
  "g_lr": 0.0005
}`), "dir/wide.json")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Get("vanilla")
	want.GHidden, want.GLR = []int{64, 64}, 0.0005
	want.Name = "wide"
	want.Description = "your preset, based on vanilla: " + want.Description
	want.Source = "preset file wide.json"
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if bom, err := Parse([]byte("\ufeff{\"base\": \"vanilla\",\n\"g_lr\": 0.0005, \"g_hidden\": [64, 64]}"), "dir/wide.json"); err != nil || !reflect.DeepEqual(bom, want) {
		t.Errorf("a file that starts with a byte-order mark: %+v, %v", bom, err)
	}
	// A new depth keeps the base's shared activation, as --set does: vanilla's
	// two leaky ReLU layers become one (not refused because g_acts has 3, as
	// --set g_hidden=32 gives one layer).
	for _, file := range []string{`{"base": "vanilla", "g_hidden": [32], "d_hidden": [8, 8, 8]}`, `{"d_hidden": [8, 8, 8], "g_hidden": [32], "base": "vanilla"}`} {
		c, err := Parse([]byte(file), "deep.json")
		set, _ := Get("vanilla")
		for _, kv := range []string{"g_hidden=32", "d_hidden=8,8,8"} {
			k, v, _ := strings.Cut(kv, "=")
			if err := set.Set(k, v); err != nil {
				t.Fatal(err)
			}
		}
		if err != nil || !reflect.DeepEqual(c.GActs, set.GActs) || !reflect.DeepEqual(c.DActs, set.DActs) || len(c.GActs) != 2 || len(c.DActs) != 4 {
			t.Errorf("%s: activations %v %v (%v); want them as --set gives them: %v %v", file, c.GActs, c.DActs, err, set.GActs, set.DActs)
		}
	}
	named, err := Parse([]byte(`{"base":"lsgan","name":"mine","description":"d","source":"s"}`), "x.json")
	if err != nil || named.Name != "mine" || named.Description != "d" || named.Source != "s" || named.Loss != engine.LossLeastSquares {
		t.Errorf("explicit name, description and source: %+v, %v", named, err)
	}
}

// TestParseErrors: every bad file gives one line that says where and what.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"empty", ``, "p.json: it is empty (0 bytes); a preset file is one JSON object"},
		{"spaces", "\n", "p.json: it holds only white space; a preset file is one JSON object {…}, as ganui --show-preset NAME prints one"},
		{"a mark and spaces", "\ufeff \r\n", "p.json: it holds only white space; a preset file is one JSON object"},
		// nested past encoding/json's depth: told what a setting is, not
		// "invalid character '[' exceeded max depth"
		{"deep", `{"g_hidden": ` + strings.Repeat("[", 20000), "p.json:1:10013: lists or objects nested more than 10,000 deep: a setting is a number, text, true or false, or one list of them"},
		{"not an object", `[1, 2]`, "p.json:1: not a preset file: a preset file is one JSON object {…}, as ganui --show-preset NAME prints one"},
		// no JSON object at all: told what a preset file is, not the first byte
		// encoding/json cannot read ("invalid character 'a' in literal null
		// (expecting 'u')" for YAML)
		{"YAML", "name: mine\nbase: vanilla\n", "p.json:1: not a preset file: a preset file is one JSON object"},
		{"a CSV", "epoch,d_real,d_fake\n1,0.6,0.7\n", "p.json:1: not a preset file"},
		{"an image", "\x89PNG\r\n\x1a\n\x00\x00", "p.json:1: not a preset file"},
		{"a comment first", "\n# mine\n{\"base\": \"vanilla\"}", "p.json:2: not a preset file"},
		// a syntax error in the object: what is wrong and what to do, at
		// the line and column, not the byte encoding/json's scanner stopped
		// at ("invalid character '}' looking for beginning of object key
		// string")
		{"trailing comma", "{\n  \"batch\": 100,\n  \"g_lr\": 1e-3,\n}", "p.json:3:15: a comma after the last setting: JSON allows none; drop it"},
		{"trailing comma in a list", `{"g_hidden": [8, 8,]}`, "p.json:1:19: a comma after the last item of a list: JSON allows none; drop it"},
		{"two commas", "{\n  \"batch\": 100,\n  \"g_lr\": 1e-3,,\n}", "p.json:3:16: two commas in a row: drop one"},
		// NaN and the infinities are told the range to give in their place,
		// where every built-in design has the key's range alike.
		{"NaN", "{\"base\": \"vanilla\",\n\n \"g_lr\": NaN}", "p.json:3:10: NaN is not a JSON number: give a number; allowed: (0,10]"},
		{"-Infinity", `{"base": "vanilla", "g_lr": -Infinity}`, "p.json:1:29: -Infinity is not a JSON number, which has no infinities: give a number; allowed: (0,10]"},
		{"a Python literal", `{"base": "vanilla", "mbd": True}`, "p.json:1:28: True: JSON writes it true"},
		{"a bare word", "{\"base\": \"vanilla\",\n loss: \"bce\"}", `p.json:2:2: loss: a name or text takes double quotes in JSON, "loss"`},
		{"missing comma", "{\"base\": \"vanilla\"\n \"g_lr\": 1e-3}", "p.json:1:19: a comma missing after this value: add one"},
		{"missing comma after a number", "{\"batch\": 64\n \"g_lr\": 1e-3}", "p.json:1:13: a comma missing after this value: add one"},
		{"missing comma in a list", `{"g_hidden": [8 8]}`, "p.json:1:16: a comma missing after this value: add one"},
		// a character not ASCII is named whole, where encoding/json named
		// its first byte as Latin-1: "invalid character 'â'" for a −
		{"a minus sign with a decimal comma", "{\"gp\": \u22120,5}", "p.json:1:8: invalid JSON: invalid character '\u2212' (U+2212) looking for beginning of value"},
		{"a minus sign after a value", "{\"name\": \"a\" \u22125}", "p.json:1:14: invalid JSON: invalid character '\u2212' (U+2212) after object key:value pair"},
		// a minus sign or a dash for a number's minus, as a paper writes
		// 1e−3, is told the number to write, at the number, where it was
		// "invalid character '−' (U+2212) in exponent of numeric literal"
		{"a minus sign", "{\"g_lr\": \u22121}", "p.json:1:10: −1: JSON takes a hyphen for a minus; write it -1"},
		{"a minus sign in an exponent", "{\n \"g_lr\": 1e\u22123}", "p.json:2:10: 1e−3: JSON takes a hyphen for a minus; write it 1e-3"},
		{"a dash in a list", "{\"g_lr\": [1e-3, 2e\u20133]}", "p.json:1:17: 2e–3: JSON takes a hyphen for a minus; write it 2e-3"},
		// encoding/json's own words, at the byte it refuses in the file:
		// the decoder's offset counts the bytes of its values alone, not
		// the indents, line breaks and commas between them, and "mbd":
		// tru on line 13 was told line 8; its column counts characters,
		// not bytes, after an é on its line
		{"a word cut short, lines on", "{\n  \"name\": \"é\",\n" + keysAtLines(10) + "  \"mbd\": tru}", "p.json:13:13: invalid JSON: invalid character '}' in literal true (expecting 'e')"},
		{"a word cut short after an é", `{"name": "éé", "mbd": tru}`, "p.json:1:26: invalid JSON: invalid character '}' in literal true (expecting 'e')"},
		{"a zero-width space", "{\"g_lr\": 1e-3\u200b}", `p.json:1:14: invalid JSON: invalid character '\u200b' (U+200B) after object key:value pair`},
		{"single quotes", `{"base": 'vanilla'}`, `p.json:1:10: single quotes: JSON takes double quotes, "…"`},
		// curly quotes as single quotes are, where they were encoding/json's
		// "invalid character '“' (U+201C) looking for beginning of object
		// key string"
		{"curly quotes about a key", "{\u201Cg_lr\u201D: 0.001}", `p.json:1:2: curly quotes: JSON takes double quotes, "…"`},
		{"curly single quotes about a value", "{\"base\": \u2018vanilla\u2019}", `p.json:1:10: curly quotes: JSON takes double quotes, "…"`},
		{"string left open", "{\"base\": \"vanilla,\n \"g_lr\": 1e-3}", `p.json:1:19: a string not closed on its line: end it with "`},
		{"a comment", "{\"base\": \"vanilla\", // mine\n \"g_lr\": 1e-3}", `p.json:1:21: a comment: JSON allows none`},
		{"missing comma between strings in a list", `{"g_acts": ["relu" "identity"]}`, "p.json:1:19: a comma missing after this value: add one"},
		{"missing colon", `{"base" "vanilla"}`, "p.json:1:8: a colon missing after this key: add one"},
		{"missing colon before a number", "{\"base\": \"vanilla\",\n \"batch\" 64}", "p.json:2:9: a colon missing after this key: add one"},
		{"missing colon after an escaped quote", `{"a\"b" 1}`, "p.json:1:8: a colon missing after this key: add one"},
		// a literal after a key or a value is a separator left out, not a
		// word to write in JSON's case ("true: JSON writes it true"); one
		// glued to a number is not a value after it
		{"missing colon before a literal", `{"mbd" true}`, "p.json:1:7: a colon missing after this key: add one"},
		{"missing comma before a literal", "{\"batch\": 64,\n \"g_lr\": 1e-3 true}", "p.json:2:14: a comma missing after this value: add one"},
		{"missing comma between literals", `{"a": [true false]}`, "p.json:1:12: a comma missing after this value: add one"},
		{"a lowercase literal for a key", `{true: 1}`, `p.json:1:2: true: a name or text takes double quotes in JSON, "true"`},
		// a number as Go or Python write it and JSON does not: the number to
		// write, not "a comma missing after this value" (01: the 0 a value,
		// the 1 another) nor encoding/json's "invalid character '.' looking
		// for beginning of value"
		{"a leading zero", "{\"base\": \"vanilla\",\n \"batch\": 0100}", "p.json:2:11: 0100: JSON writes it 100"},
		{"a leading zero in a list", `{"g_hidden": [8, 016]}`, "p.json:1:18: 016: JSON writes it 16"},
		{"a point first", `{"g_lr": .5}`, "p.json:1:10: .5: JSON writes it 0.5"},
		{"a point last", `{"g_lr": 1.}`, "p.json:1:10: 1.: JSON writes it 1"},
		{"a plus sign", `{"g_lr": +1e-3}`, "p.json:1:10: +1e-3: JSON writes it 0.001"},
		{"hexadecimal", `{"batch": 0x40}`, "p.json:1:11: 0x40: JSON has no hexadecimal; write it 64"},
		{"full-width digits", `{"g_hidden": [16, １６]}`, "p.json:1:19: １６: JSON has no full-width digits; write it 16"},
		{"full-width number", `{"g_lr": １ｅ－３}`, "p.json:1:10: １ｅ－３: JSON has no full-width digits; write it 1e-3"},
		{"underscores", `{"epochs": 10_000}`, "p.json:1:12: 10_000: JSON writes it 10000"},
		// a number with a comma, told whole, not its digits after the comma
		// ("001: JSON writes it 1") nor those of 0,5 as a key without quotes
		// (encoding/json's "invalid character '5' looking for beginning of
		// object key string")
		{"a decimal comma", "{\"base\": \"vanilla\",\n \"g_lr\": 0,001,\n \"d_lr\": 1e-3}", "p.json:2:10: 0,001: JSON has no decimal comma; write it 0.001"},
		{"a decimal comma at the end", `{"gp": 0,5}`, "p.json:1:8: 0,5: JSON has no decimal comma; write it 0.5"},
		// a decimal comma whose number the key refuses: told so, as --set
		// g_lr=12,5 is, where it was told to write 12.5, which the next
		// try refused
		{"a negative decimal comma", `{"g_lr": -0,5}`, "p.json:1:10: -0,5: JSON has no decimal comma, and -0.5 out of range (0,10]"},
		{"a decimal comma out of range", `{"g_lr": 12,5}`, "p.json:1:10: 12,5: JSON has no decimal comma, and 12.5 out of range (0,10]"},
		{"a decimal comma out of range, spaced", `{"g_lr": 12, 5}`, "p.json:1:10: 12, 5: a key in double quotes goes after a value's comma, not 5; as one number, 12.5 out of range (0,10]"},
		{"a fraction's thousands, neither reading, spaced", `{"eps": 1, 000}`, "p.json:1:9: 1, 000: a key in double quotes goes after a value's comma, not 000; as one number, 1000 out of range [1e-12,1); if the comma is a decimal one, 1 out of range [1e-12,1)"},
		// a number no float64 holds, in a file that names no base: the
		// range every built-in has, as --set g_lr=1e400 says it, not "g_lr:
		// 1e400 is out of range"
		{"no base, a number too large", `{"g_lr": 1e400}`, "p.json:1: g_lr: 1e400 out of range (0,10]"},
		{"no base, a width too large", `{"g_hidden": [16, 1e400]}`, "p.json:1: g_hidden: width 1e400 out of range 1..4,096"},
		// a number the key refuses is never offered: -0,0 to g_lr is told
		// 0 is out of its range, and 0,000…1 that it is too near 0, as
		// --set says them, not "write it -0.0" and the number refused on
		// the next try
		{"a negative zero with a decimal comma", `{"g_lr": -0,0}`, "p.json:1:10: -0,0: JSON has no decimal comma, and 0 out of range (0,10]"},
		{"a negative zero with a decimal comma, spaced", `{"g_lr": -0, 0}`, "p.json:1:10: -0, 0: a key in double quotes goes after a value's comma, not 0; as one number, 0 out of range (0,10]"},
		{"a decimal comma too near 0", `{"g_lr": 0,` + strings.Repeat("0", 305) + `1}`, "p.json:1:10: 0," + strings.Repeat("0", 305) + "1: JSON has no decimal comma, and 1e-306 is too near 0 for the float32 the engine computes with"},
		// a whole part with a 0 too many before a decimal comma, told the
		// number as --set gp=00,5 is, not "00: JSON writes it 0"
		{"a decimal comma after a 0 too many", `{"gp": 00,5}`, "p.json:1:8: 00,5: JSON has no decimal comma; write it 0.5"},
		{"a negative decimal comma after a 0 too many", `{"gp": -00,5}`, "p.json:1:8: -00,5: JSON has no decimal comma, and -0.5 out of range: 0 (off) or (0,1000]"},
		// a width with its thousands grouped, told the width as --set
		// g_hidden=2,048 is, not "048: JSON writes it 48" or "000: JSON
		// writes it 0"
		{"a width's thousands", `{"g_hidden": 1,000}`, "p.json:1:14: 1,000: JSON has no commas in a number; write it 1000"},
		{"a width's thousands, or two widths", `{"g_hidden": 2,048}`, "p.json:1:14: 2,048: JSON has no commas in a number; write it 2048, or [2,48] for 2 widths"},
		// a width the key refuses, with its thousands grouped: the one
		// width named and what is wrong with it, as --set g_hidden=64,000
		// says, and the widths if the key takes them, not "000: JSON
		// writes it 0"
		{"a width's thousands out of range", `{"g_hidden": 64,000}`, "p.json:1:14: 64,000: JSON has no commas in a number, and as one width, 64,000 out of range 1..4,096; as 2 widths, [64,0], width 0 out of range 1..4,096"},
		{"a width's millions out of range", `{"g_hidden": 1,024,000}`, "p.json:1:14: 1,024,000: JSON has no commas in a number, and as one width, 1,024,000 out of range 1..4,096; as 3 widths, [1,24,0], width 0 out of range 1..4,096"},
		// a width's thousands after a -, read whole as the unsigned form
		// is, the - with the width and with the list's first, where they
		// were "048: JSON writes it 48" and "000: JSON writes it 0"
		{"a negative width's thousands", `{"g_hidden": -2,048}`, "p.json:1:14: -2,048: JSON has no commas in a number, and as one width, -2,048 out of range 1..4,096; as 2 widths, [-2,48], width -2 out of range 1..4,096"},
		{"a negative width's millions", `{"g_hidden": -1,000,000}`, "p.json:1:14: -1,000,000: JSON has no commas in a number, and as one width, -1,000,000 out of range 1..4,096; as 3 widths, [-1,0,0], width -1 out of range 1..4,096"},
		{"a negative width's thousands with .0", `{"g_hidden": -2,048.0}`, "p.json:1:14: -2,048.0: JSON has no commas in a number, and as one width, -2,048 out of range 1..4,096; as 2 widths, [-2,48], width -2 out of range 1..4,096"},
		{"a listed negative width's thousands", `{"g_hidden": [16, -2,048]}`, "p.json:1:19: -2,048: JSON has no commas in a number, and as one width, -2,048 out of range 1..4,096; as 2 widths, -2,48, width -2 out of range 1..4,096"},
		// a width's thousands with a fraction after them, told as --set
		// tells them: a fraction of 0s the whole width, any other both
		// readings, not "048.0: JSON writes it 48" or "000.5: JSON writes
		// it 0.5", the last group read alone
		{"a width's thousands with a fraction of 0s", `{"g_hidden": 2,048.0}`, "p.json:1:14: 2,048.0: JSON has no commas in a number; write it 2048, or [2,48] for 2 widths"},
		{"a width's thousands with .0, no 2 widths", `{"g_hidden": 1,000.0}`, "p.json:1:14: 1,000.0: JSON has no commas in a number; write it 1000"},
		// and a point alone, as 2,048.0 is and as --set g_hidden=2,048. is,
		// where it was "048.: JSON writes it 48"; a number's too, as --set
		// gp=1,000. is
		{"a width's thousands with a point alone", `{"g_hidden": 2,048.}`, "p.json:1:14: 2,048.: JSON has no commas in a number; write it 2048, or [2,48] for 2 widths"},
		{"a width's thousands with a point alone, no 2 widths", `{"g_hidden": 1,000.}`, "p.json:1:14: 1,000.: JSON has no commas in a number; write it 1000"},
		{"a fraction's thousands with a point alone", `{"gp": 1,000.}`, "p.json:1:8: 1,000.: JSON has no commas in a number; write it 1000"},
		{"a count's thousands with a point alone", `{"batch": 1,024.}`, "p.json:1:11: 1,024.: JSON has no commas in a number; write it 1024"},
		{"a width's thousands with .0 out of range", `{"g_hidden": 64,000.0}`, "p.json:1:14: 64,000.0: JSON has no commas in a number, and as one width, 64,000 out of range 1..4,096; as 2 widths, [64,0], width 0 out of range 1..4,096"},
		{"a width's thousands with a fraction", `{"g_hidden": 1,000.5}`, `p.json:1:14: 1,000.5: JSON has no commas in a number, and "1,000.5" is one width with a fraction, 1000.5, or the widths 1 and 000.5, and a width is a whole number; allowed: 1..4,096`},
		// and within a list's brackets, as a bare list's are, where
		// [16, 1,000.0] was "000.0: JSON writes it 0", its last group
		// read alone; widths the list would hold written without
		// brackets of their own
		{"a listed width's thousands with .0", `{"g_hidden": [16, 1,000.0]}`, "p.json:1:19: 1,000.0: JSON has no commas in a number; write it 1000"},
		{"a listed width's thousands with a point alone", `{"g_hidden": [16, 1,000.]}`, "p.json:1:19: 1,000.: JSON has no commas in a number; write it 1000"},
		{"a listed width's thousands with .0, 2 widths", `{"g_hidden": [16, 2,048.0]}`, "p.json:1:19: 2,048.0: JSON has no commas in a number; write it 2048, or 2,48 for 2 widths"},
		{"a listed width's thousands on a line of its own", "{\"g_hidden\": [16,\n 1,000.0]}", "p.json:2:2: 1,000.0: JSON has no commas in a number; write it 1000"},
		// and without a fraction, as a bare list's 2,048 is, where
		// [16, 2,048] was "048: JSON writes it 48", its last group read
		// alone, and 1,000,000 from its first group, not its second
		{"a listed width's thousands", `{"g_hidden": [16, 2,048]}`, "p.json:1:19: 2,048: JSON has no commas in a number; write it 2048, or 2,48 for 2 widths"},
		{"a listed width's thousands, no 2 widths", `{"g_hidden": [16, 1,000]}`, "p.json:1:19: 1,000: JSON has no commas in a number; write it 1000"},
		{"a listed width's thousands first", `{"g_hidden": [2,048, 16]}`, "p.json:1:15: 2,048: JSON has no commas in a number; write it 2048, or 2,48 for 2 widths"},
		{"a listed width's thousands out of range", `{"g_hidden": [16, 64,000]}`, "p.json:1:19: 64,000: JSON has no commas in a number, and as one width, 64,000 out of range 1..4,096; as 2 widths, 64,0, width 0 out of range 1..4,096"},
		{"a listed width's millions", `{"g_hidden": [16, 1,000,000]}`, "p.json:1:19: 1,000,000: JSON has no commas in a number, and as one width, 1,000,000 out of range 1..4,096; as 3 widths, 1,0,0, width 0 out of range 1..4,096"},
		{"two widths, not one out of range", `{"g_hidden": 16,016}`, "p.json:1:14: 16,016: JSON has no commas in a number, and as one width, 16,016 out of range 1..4,096; write [16,16] for 2 widths"},
		// a number with a 0 too many is told what the key says of it, as
		// --set gp=-05 is
		{"a leading 0 out of range", `{"gp": -05}`, "p.json:1:8: -05: JSON writes it -5, and -5 out of range: 0 (off) or (0,1000]"},
		{"a leading 0 taken", `{"gp": 05}`, "p.json:1:8: 05: JSON writes it 5"},
		{"thousands", `{"epochs": 10,000}`, "p.json:1:12: 10,000: JSON has no commas in a number; write it 10000"},
		{"millions", `{"epochs": 1,000,000, "batch": 10}`, "p.json:1:12: 1,000,000: JSON has no commas in a number; write it 1000000"},
		// a fraction's thousands before its point, read whole, not "000.5:
		// JSON writes it 0.5"
		{"a fraction's thousands and point", `{"g_lr": 1,000.5}`, "p.json:1:10: 1,000.5: JSON has no commas in a number, and 1000.5 out of range (0,10]"},
		// a count's too, told it is not a whole one, as --set epochs=1,000.5
		// is, not "000.5: JSON writes it 0.5"
		{"a count's thousands and point", `{"epochs": 1,000.5}`, "p.json:1:12: 1,000.5: JSON has no commas in a number, and 1000.5 is not a whole number; allowed: 1..1,000,000,000"},
		{"a fraction's thousands", `{"gp": 1,000}`, "p.json:1:8: 1,000: JSON has no commas in a number; write it 1000, or 1.000 if the comma is a decimal one"},
		// only the readings the key takes, as --set offers them, in its
		// words: g_lr's 1000 is out of range, where both were offered and
		// the next try refused it; neither of eps's; a count's thousands
		// out of range
		{"a fraction's thousands out of range", `{"g_lr": 1,000}`, "p.json:1:10: 1,000: JSON has no commas in a number, and 1000 out of range (0,10]; if the comma is a decimal one, write it 1.000"},
		{"a fraction's thousands, neither reading", `{"eps": 1,000}`, "p.json:1:9: 1,000: JSON has no commas in a number, and 1000 out of range [1e-12,1); if the comma is a decimal one, 1 out of range [1e-12,1)"},
		{"a count's thousands out of range", `{"epochs": 10,000,000,000}`, "p.json:1:12: 10,000,000,000: JSON has no commas in a number, and 10,000,000,000 out of range 1..1,000,000,000"},
		{"a fraction's thousands out of range, spaced", `{"g_lr": 1, 000}`, "p.json:1:10: 1, 000: a key in double quotes goes after a value's comma, not 000; if it is one number, write it 1.000 if the comma is a decimal one"},
		// digits with commas that are no number, a decimal comma after a
		// point, two decimal commas, an exponent after a decimal comma: told
		// whole, what the key says of them, as --set says it, not
		// encoding/json's "invalid character '5' looking for beginning of
		// object key string", nor "001e-3: JSON writes it 0.001"
		{"a decimal comma after a point", `{"g_lr": 1.5,5}`, `p.json:1:10: 1.5,5: not a number; allowed: (0,10]`},
		{"a decimal comma after a point, then a key", `{"g_lr": 1.5,5, "epochs": 3}`, `p.json:1:10: 1.5,5: not a number; allowed: (0,10]`},
		{"a count's decimal comma after a point", `{"epochs": 1.000,5}`, `p.json:1:12: 1.000,5: not a number; allowed: 1..1,000,000,000`},
		{"commas and underscores", `{"g_lr": 0,000_05}`, `p.json:1:10: 0,000_05: not a number; allowed: (0,10]`},
		{"two decimal commas", `{"g_lr": 1,5,5}`, `p.json:1:10: 1,5,5: not a number; allowed: (0,10]`},
		{"a point after a decimal comma", `{"g_lr": 0,5.5}`, `p.json:1:10: 0,5.5: not a number; allowed: (0,10]`},
		{"a comma after a fraction's thousands and point", `{"g_lr": 1,000.5,5}`, `p.json:1:10: 1,000.5,5: not a number; allowed: (0,10]`},
		{"an exponent after a decimal comma", `{"g_lr": 0,001e-3}`, `p.json:1:10: 0,001e-3: not a number; allowed: (0,10]`},
		{"a comma after an exponent", `{"g_lr": 1e-3,5}`, `p.json:1:10: 1e-3,5: not a number; allowed: (0,10]`},
		{"a decimal comma after a point, spaced", `{"g_lr": 1.5, 5}`, `p.json:1:10: 1.5, 5: a key in double quotes goes after a value's comma, not 5; as one number, "1.5,5" is not a number; allowed: (0,10]`},
		{"a comma for a name", `{"loss": 0,5}`, "p.json:1:12: invalid JSON: "}, // a key of no number: encoding/json's words
		{"a comma after a point for a name", `{"loss": 1.5,5}`, "p.json:1:14: invalid JSON: "},
		// a list of widths without its brackets: told them, not "invalid
		// character '1' looking for beginning of object key string"
		{"a list without brackets", `{"base": "vanilla", "g_hidden": 16,16}`, "p.json:1:33: g_hidden: 16,16: a list is written in brackets: [16,16]"},
		{"a list without brackets, spaced", "{\"base\": \"vanilla\",\n \"d_hidden\": 32, 16 , 8,\n \"g_lr\": 1e-3}", "p.json:2:14: d_hidden: 32, 16 , 8: a list is written in brackets: [32, 16 , 8]"},
		// a space after the comma: the digits after it may begin a key as
		// well as end the number, both said, not "001: JSON writes it 1"
		{"a decimal comma and a space", `{"base": "vanilla", "g_lr": 0, 001}`, "p.json:1:29: 0, 001: a key in double quotes goes after a value's comma, not 001; if it is one number, write it 0.001"},
		{"thousands and a space", `{"epochs": 10, 000}`, "p.json:1:12: 10, 000: a key in double quotes goes after a value's comma, not 000; if it is one number, write it 10000"},
		{"a fraction's thousands and a space", `{"gp": 1, 000}`, "p.json:1:8: 1, 000: a key in double quotes goes after a value's comma, not 000; if it is one number, write it 1000, or 1.000 if the comma is a decimal one"},
		{"a list without brackets over two lines", "{\"g_hidden\": 16,\r\n\t16}", "p.json:1:14: g_hidden: 16, 16: a list is written in brackets: [16, 16]"},
		// a space before the first comma, as after it: told the brackets,
		// or both readings, not encoding/json's "invalid character '1'
		// looking for beginning of object key string" nor "000: JSON
		// writes it 0"
		{"a list without brackets, a space before its comma", "{\"g_hidden\":\t16 ,16}", "p.json:1:14: g_hidden: 16 ,16: a list is written in brackets: [16 ,16]"},
		{"a list without brackets over two lines, its comma on the second", "{\"d_hidden\": 32\n ,16, 8}", "p.json:1:14: d_hidden: 32 ,16, 8: a list is written in brackets: [32 ,16, 8]"},
		{"thousands and a space before the comma", `{"epochs": 10 ,000}`, "p.json:1:12: 10 ,000: a key in double quotes goes after a value's comma, not 000; if it is one number, write it 10000"},
		{"a decimal comma and a space before it", `{"g_lr": 0 ,001}`, "p.json:1:10: 0 ,001: a key in double quotes goes after a value's comma, not 001; if it is one number, write it 0.001"},
		// a list of widths ending in a comma before the object's end, and a
		// list of names, without brackets: told them too, not "invalid
		// character '1' looking for beginning of object key string" nor
		// "expected colon after object key"
		{"a list without brackets, a comma after it", "{\"base\": \"vanilla\",\n  \"g_hidden\": 16,16,}", "p.json:2:15: g_hidden: 16,16: a list is written in brackets: [16,16], and no comma after it, the last setting"},
		{"names without brackets", "{\"base\": \"vanilla\",\n  \"g_acts\": \"relu\",\"identity\"\n}", `p.json:2:13: g_acts: "relu","identity": a list is written in brackets: ["relu","identity"]`},
		{"names without brackets, a comma after them", "{\"base\": \"vanilla\",\n  \"g_acts\": \"relu\",\"identity\",}", `p.json:2:13: g_acts: "relu","identity": a list is written in brackets: ["relu","identity"], and no comma after it, the last setting`},
		// a list the key refuses, in brackets as in the file: what is
		// wrong with its items too, not the list offered as it was; a
		// number JSON takes but no float64 holds (1e400) read as an item,
		// first or not, where first it was "invalid JSON: invalid
		// character '1'"
		{"a list without brackets, a width too large first", `{"g_hidden": 1e400,16}`, "p.json:1:14: g_hidden: 1e400,16: a list is written in brackets, [1e400,16], and width 1e400 out of range 1..4,096"},
		{"a list without brackets, a width too large", `{"g_hidden": 16,1e400}`, "p.json:1:14: g_hidden: 16,1e400: a list is written in brackets, [16,1e400], and width 1e400 out of range 1..4,096"},
		{"a list without brackets, a width 0", `{"g_hidden": -0,16}`, "p.json:1:14: g_hidden: -0,16: a list is written in brackets, [-0,16], and width 0 out of range 1..4,096"},
		// and a comma after such a list, the last setting: told after what
		// is wrong with the list, not "…, and no comma after it, the last
		// setting, and width 5,000 …", two ands
		{"a list without brackets refused, a comma after it", `{"g_hidden": 64, 5000,}`, "p.json:1:14: g_hidden: 64, 5000: a list is written in brackets, [64, 5000], and width 5,000 out of range 1..4,096; no comma after the list, the last setting"},
		{"three widths without brackets refused, a comma after them", "{\"g_hidden\": 0, 64, 64,\n}", "p.json:1:14: g_hidden: 0, 64, 64: a list is written in brackets, [0, 64, 64], and width 0 out of range 1..4,096; no comma after the list, the last setting"},
		{"names without brackets refused, a comma after them", `{"g_acts": "relu","nope",}`, `p.json:1:12: g_acts: "relu","nope": a list is written in brackets, ["relu","nope"], and "nope" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh; no comma after the list, the last setting`},
		{"empty names without brackets", `{"g_acts": "",""}`, `p.json:1:12: g_acts: "","": a list is written in brackets, ["",""], and name 1 of 2 is empty: give one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
		{"a name no activation without brackets", `{"g_acts": "relu","nope"}`, `p.json:1:12: g_acts: "relu","nope": a list is written in brackets, ["relu","nope"], and "nope" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
		{"names without brackets, spaced, then a key", "{\"d_acts\": \"elu\", \"elu\",\n \"sigmoid\",\n \"g_lr\": 1e-3}", `p.json:1:12: d_acts: "elu", "elu", "sigmoid": a list is written in brackets: ["elu", "elu", "sigmoid"]`},
		{"a name after a name's key", `{"loss": "bce","hinge"}`, "p.json:1:23: invalid JSON: "},
		{"a decimal comma over two lines", "{\"g_lr\": 0,\n 001}", "p.json:1:10: 0, 001: a key in double quotes goes after a value's comma, not 001; if it is one number, write it 0.001"},
		{"a number and a space for a name", `{"loss": 0, 5}`, "p.json:1:13: invalid JSON: "},
		{"a list without brackets, then a word", `{"g_hidden": 16,16 x}`, "p.json:1:17: invalid JSON: "},
		{"a letter after a number", `{"batch": 64x}`, "p.json:1:13: invalid JSON: "},
		{"a float's suffix", `{"g_lr": 2.5f}`, "p.json:1:13: invalid JSON: "},
		// a control character in a string: what to write for it, not "invalid
		// character '\t' in string literal"
		{"a tab in a string", "{\"base\": \"vanilla\",\n \"name\": \"a\tb\"}", `p.json:2:12: a tab inside a string: write it \t`},
		{"a control character in a string", "{\"description\": \"a\x01b\"}", `p.json:1:19: a control character (byte 0x01) inside a string: write it \u0001`},
		// a bidirectional formatting character in a text the screen and
		// --show-preset show: refused as a control character is, not taken to
		// reorder what the terminal shows after it
		{"a bidirectional override in the name", "{\"base\": \"vanilla\",\n \"name\": \"ring\\u202egnp.exe\"}", `p.json:2: name: holds the bidirectional formatting character U+202E ('\u202e'), which reorders the text a terminal shows after it; write the text without it`},
		{"a bidirectional isolate in the description", "{\"base\": \"vanilla\",\n\n \"description\": \"a \u2066b\u2069\"}", `p.json:3: description: holds the bidirectional formatting character U+2066 ('\u2066')`},
		{"a bidirectional mark in the source", "{\"base\": \"vanilla\", \"source\": \"x\u061c\"}", `p.json:1: source: holds the bidirectional formatting character U+061C ('\u061c')`},
		// a string the file ends in: at its opening quote, not "unexpected end
		// of file"
		{"string left open at the end", `{"base": "vanilla}`, `p.json:1:10: a string not closed by the end of the file: end it with "`},
		{"string left open at the end, in a list", "{\"base\": \"vanilla\",\n \"g_acts\": [\"relu\", \"identity]}", `p.json:2:21: a string not closed by the end of the file: end it with "`},
		{"string left open at the end, escaped quotes", `{"name": "say \"hi\"}`, `p.json:1:10: a string not closed by the end of the file: end it with "`},
		{"key left open at the end", `{"base`, `p.json:1:2: a string not closed by the end of the file: end it with "`},
		// a list or an object the file ends in: at its opening bracket, not
		// "unexpected end of file" at the last line
		{"object left open", "{\"base\": \"vanilla\",\n \"name\": \"a\\\\\"\n", "p.json:1:1: an object not closed by the end of the file: end it with }"},
		{"list left open", "{\"base\": \"vanilla\",\n \"g_hidden\": [8, 8", "p.json:2:14: a list not closed by the end of the file: end it with ]"},
		// one not known keeps encoding/json's words
		{"a colon for a comma", `{"base": "vanilla": 1}`, "p.json:1:19: invalid JSON: "},
		// at the line of the byte refused, past the decoder's first
		// buffer too, where an error inside a key's value was placed by
		// an offset that did not count from the file's start: line 3
		{"a list left open before the next key", "{\"base\": \"vanilla\",\n \"description\": \"" + strings.Repeat("x", 700) + "\",\n \"g_hidden\": [16, 16,\n \"batch\": 64}", "p.json:4:9: invalid JSON: invalid character ':' after array element"},
		{"missing comma after an escaped quote", `{"name": "say \"hi\"" "g_lr": 1e-3}`, "p.json:1:22: a comma missing after this value: add one"},
		{"unknown key", "{\"base\": \"vanilla\",\n \"glr\": 0.1}", `p.json:2: unknown key "glr" (did you mean "g_lr"?)`},
		{"case matters", `{"base": "vanilla", "Batch": 100}`, `p.json:1: unknown key "Batch" (did you mean "batch"?)`},
		{"a player's key", `{"base": "vanilla", "lr": 1e-3}`, `p.json:1: unknown key "lr" (did you mean "d_lr" or "g_lr"?)`},
		{"base misspelt", `{"bsae": "vanilla"}`, `p.json:1: unknown key "bsae" (did you mean "base"?)`},
		{"the design's preset", `{"preset": "vanilla"}`, `p.json:1: unknown key "preset" (the preset is the design, not a setting of it: --preset NAME|FILE.json, or "base": NAME in a preset file)`},
		{"a run's seed", "{\"base\": \"vanilla\",\n \"seed\": 3}", `p.json:2: unknown key "seed" (the seed is the run's, not the design's: --seed S, or --seeds A-B for several)`},
		{"wrong type", "{\"base\": \"vanilla\",\n\n \"epochs\": \"many\"}", `p.json:3: epochs: "many" is not a number; allowed: 1..1,000,000,000`},
		{"null", `{"base": "vanilla", "g_lr": null}`, "p.json:1: g_lr: null is not a number; allowed: (0,10]"},
		{"repeated key", "{\"base\": \"vanilla\",\n \"g_lr\": 0.1,\n \"g_lr\": 0.2}", `p.json:3: key "g_lr" appears twice`},
		{"trailing data", `{"base": "vanilla"} {"batch": 1}`, "p.json:1: unexpected data after the preset object"},
		{"a number for a name", `{"base": "vanilla", "loss": 1}`, `p.json:1: loss: 1 is a number, not a name: give one of bce, least_squares, wasserstein, hinge, e.g. "loss": "bce"`},
		{"a list for a name", `{"base": "vanilla", "d_opt": []}`, `p.json:1: d_opt: [] is a list, not a name: give one of adam, sgd, rmsprop, e.g. "d_opt": "adam"`},
		{"trailing garbage", "{\"base\": \"vanilla\"}\nxyz", "p.json:2: unexpected data after the preset object"},
		{"bad base", `{"base": "nope"}`, `p.json:1: base: unknown preset nope: give the name of a built-in preset, such as vanilla or ring (ganui --list-presets lists them)`},
		{"base not a string", `{"base": 3}`, "p.json:1: base: want the name of a built-in preset, such as vanilla or ring (ganui --list-presets lists them)"},
		// A base that names a file, or none, is told what base takes, not every
		// preset's name on a line of 500 characters. A base with spaces around
		// it is told so, as --preset " ring" is, not "unknown preset \"ring \"
		// (did you mean ring?)", the space unsaid.
		{"base with a space after it", `{"base": "ring "}`, `p.json:1: base: 'ring ' has spaces around it; give the name without them`},
		{"base with a tab before it", `{"base": "\tring"}`, `p.json:1: base: $'\tring' has spaces around it; give the name without them`},
		{"base empty", `{"base": ""}`, "p.json:1: base is empty: give the name of a built-in preset, such as vanilla or ring (ganui --list-presets lists them)"},
		{"base a file", `{"base": "ring.json"}`, `p.json:1: base: ring.json names a file; base names a built-in preset, such as vanilla or ring (ganui --list-presets lists them)`},
		{"base a path", `{"base": "presets/mine"}`, `p.json:1: base: presets/mine names a file; base names a built-in preset, such as vanilla or ring (ganui --list-presets lists them)`},
		// A file's name is written as a shell reads it back, as --preset takes it.
		{"base a path with a space", `{"base": "my presets/mine.json"}`, `p.json:1: base: 'my presets/mine.json' names a file; base names a built-in preset`},
		// a list of names in quotes, as --set writes it: the list to write,
		// as for widths, not "want a list of strings, got string"
		{"activations in quotes", "{\"base\": \"vanilla\",\n \"d_acts\": \"leaky_relu,leaky_relu,sigmoid\"}", `p.json:2: d_acts: "leaky_relu,leaky_relu,sigmoid" is text in quotes; write it as a list: ["leaky_relu","leaky_relu","sigmoid"]`},
		{"invalid value", "{\"base\": \"vanilla\",\n \"d_lr\": 0}", "p.json:2: d_lr: 0 out of range (0,10]"},
		{"a pair's value", "{\"base\": \"vanilla\",\n\n \"g_beta2\": 1}", "p.json:3: g_beta1, g_beta2: 0.5, 1 out of range [0,1)"},
		{"invalid combination", "{\"base\": \"vanilla\",\n \"d_acts\": [\"relu\", \"relu\", \"identity\"]}", "p.json:2: d_acts: loss bce needs"},
		{"no base, fields missing", `{"g_lr": 0.001}`, `p.json: the file leaves 40 keys out (target, batch, noise, noise_dim, g_out and 35 more) and names no "base" preset to take them from; give them, or a base (ganui --show-preset NAME prints a file that gives every key)`},
		// Latin-1, UTF-16: a string is not silently given U+FFFD for its bytes
		{"not UTF-8", "{\"base\": \"vanilla\",\n \"name\": \"M\xfcller\"}", "p.json:2: not UTF-8 text (byte 0xfc); save the file as UTF-8"},
		{"not UTF-8, in a path", "{\"base\": \"ring\",\n\n \"target\": \"points(caf\xe9.csv)\"}", "p.json:3: not UTF-8 text (byte 0xe9)"},
		{"UTF-16", "\xff\xfe{\x00}\x00", "p.json:1: UTF-16 text; save the file as UTF-8"},
		// Without its byte-order mark, as iconv -t utf-16le writes it: told it
		// is UTF-16, not "invalid JSON: invalid character '\x00'" (nor,
		// big-endian, "not a preset file").
		{"UTF-16 without a mark", "{\x00\n\x00}\x00\n\x00", "p.json:1: UTF-16 text; save the file as UTF-8"},
		{"UTF-16BE without a mark", "\x00{\x00}", "p.json:1: UTF-16 text; save the file as UTF-8"},
		// Two marks: told so, the second not read as the file's first character
		// ("not a preset file").
		{"two byte-order marks", "\ufeff\ufeff{\"base\": \"vanilla\"}", "p.json:1: its byte-order mark twice over, which a reader skips once; save the file as UTF-8"},
		{"a NUL", "{\"base\": \"vanilla\",\n\x00}", "p.json:2: a NUL byte, as UTF-16 text and binary files hold; save the file as UTF-8"},
		{"binary", "GANUICKP\x03\x00\x00\x00\x88", "p.json:1: not a preset file"}, // a checkpoint: no advice to save it as UTF-8
		// a value the file gives is refused before the keys it leaves out
		{"no base, a bad value first", "{\"target\": \"normal(4,1.25)\",\n \"batch\": \"many\"}", `p.json:2: batch: "many" is not a number`},
		// a value the base gives that a value in the file makes invalid:
		// the base's line, and where the refused value came from (it read
		// "p.json: g_acts: …", no line, a key the file does not have)
		{"base's value refused", "{\n \"base\": \"devnag-2017\",\n \"g_hidden\": [8]\n}", `p.json:2: g_acts: need 2 activations (one per hidden layer of g_hidden and one for the output), got 3 (the file takes g_acts from base devnag-2017; give it to change it)`},
		// activations the file gives are its own, in whatever order
		{"own activations kept", "{\"base\": \"blog-original\",\n \"g_acts\": [\"relu\", \"relu\", \"identity\"],\n \"g_hidden\": [8]}", `p.json:2: g_acts: need 2 activations`},
	} {
		_, err := Parse([]byte(c.data), "p.json")
		if err == nil {
			t.Errorf("%s: parsed, want an error", c.name)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, c.want) || strings.Contains(msg, "\n") {
			t.Errorf("%s: error %q, want one line starting %q", c.name, msg, c.want)
		}
	}
}

// TestNameFromAnUnfitFileName: a file that gives no "name" is named
// after the file, and its source names the file; a file name that could
// not be one line of a preset (a newline in it, bytes that are not UTF-8,
// nothing before .json) is written with escapes, not refused for fields
// the file does not give ("name: holds the control character …").
func TestNameFromAnUnfitFileName(t *testing.T) {
	for file, want := range map[string]string{"dir/a\nb.json": `a\nb`, "dir/a\u202eb.json": `a\u202eb`, "dir/.json": ".json", "dir/\xffé.json": `\xffé`} {
		c, err := Parse([]byte(`{"base": "vanilla"}`), file)
		if err != nil || c.Name != want || !strings.HasSuffix(c.Source, want+".json") && want != ".json" {
			t.Errorf("%q: name %q, source %q, %v; want the name %q", file, c.Name, c.Source, err, want)
		}
	}
	if c, err := Parse([]byte(`{"base": "vanilla", "name": "mine"}`), "dir/a\nb.json"); err != nil || c.Name != "mine" {
		t.Errorf("a file that gives its name: %v", err)
	}
}

func TestResolve(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.json")
	if err := os.WriteFile(path, []byte(`{"base": "bimodal", "epochs": 7}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Resolve(path)
	if err != nil || c.Name != "mine" || c.Epochs != 7 || c.Target != "mixture(-2,0.5;2,0.5)" {
		t.Fatalf("Resolve(file) = %+v, %v", c, err)
	}
	if c, err := Resolve("lsgan"); err != nil || c.Name != "lsgan" {
		t.Fatalf("Resolve(lsgan) = %v, %v", c.Name, err)
	}
	if _, err := Resolve(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Resolve("nope"); err == nil || !strings.Contains(err.Error(), "FILE.json") {
		t.Errorf("unknown name: %v", err)
	}
	// A link is a file named, where it leads or not: Load says what is
	// wrong with it, not that no preset has its name.
	dangling, loop := filepath.Join(dir, "moved"), filepath.Join(dir, "loop")
	for link, to := range map[string]string{dangling: filepath.Join(dir, "gone.json"), loop: loop} {
		if err := os.Symlink(to, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		if _, err := Resolve(link); err == nil || strings.Contains(err.Error(), "unknown preset") || !strings.Contains(err.Error(), link) {
			t.Errorf("Resolve(%s), a link: %v; want what is wrong with the file", filepath.Base(link), err)
		}
	}
}

// TestMissingFileIsSaidMissing: an argument to --preset that is not there and
// looks like a file's path (a separator, a leading "." or "~", an extension) is
// said to be missing, a checkpoint's name with the flag that takes one;
// --preset run.ckpt is not "unknown preset \"run.ckpt\": give the name of a
// built-in preset". A name without such a look is still a preset's, its
// misspelling suggested; and a preset file's "base" of a file's look is told it
// names a file. A built-in's name with .json, vanilla.json, is told the
// built-in.
func TestMissingFileIsSaidMissing(t *testing.T) {
	for _, name := range Names() {
		if looksLikePath(name) {
			t.Fatalf("built-in preset %q looks like a path", name)
		}
	}
	t.Chdir(t.TempDir())
	give := "; give a preset file that is there (" + command.Line("--show-preset NAME") + " > FILE.json writes one), or a built-in preset's name (" + command.Line("--list-presets") + " lists them)"
	for arg, want := range map[string]string{
		"run.ckpt":        "run.ckpt: no such file or directory (a checkpoint is given to --resume)",
		"run.csv":         "run.csv: no such file or directory" + give,
		"exp/design.json": "exp/design.json: no such file or directory" + give,
		"./vanilla":       "./vanilla: no such file or directory" + give,
		".hidden":         ".hidden: no such file or directory" + give,
		"~/design":        "'~/design': no such file or directory" + give, // a ~ no shell expanded: quoted, as a shell reads it
		"vanila":          `unknown preset vanila (did you mean vanilla?)`,
		"ring.":           `unknown preset ring. (did you mean ring?)`,
		// A built-in's name with .json is told the built-in, where it was
		// told to give a file that is there or a built-in's name.
		"vanilla.json":     "vanilla.json: no such file or directory (did you mean vanilla, the built-in preset?)",
		"exp/vanilla.json": "exp/vanilla.json: no such file or directory" + give,
		// One near a built-in's name by the rule an unknown name is told
		// its built-in by, as --preset vanila is, where it was told to give
		// a file that is there or a built-in's name; names tied, all.
		"vanila.json":     "vanila.json: no such file or directory (did you mean vanilla, the built-in preset?)",
		"sgan.json":       "sgan.json: no such file or directory (did you mean lsgan or wgan, built-in presets?)",
		"exp/vanila.json": "exp/vanila.json: no such file or directory" + give,
		"design.json":     "design.json: no such file or directory" + give,
		// A name a shell would not read as one word is quoted, as a
		// command would have it, where it was bare.
		"my design.json": "'my design.json': no such file or directory" + give,
		"my run.ckpt":    "'my run.ckpt': no such file or directory (a checkpoint is given to --resume)",
		"vanila .json":   "'vanila .json': no such file or directory (did you mean vanilla, the built-in preset?)",
	} {
		if _, err := Resolve(arg); err == nil || err.Error() != want {
			t.Errorf("Resolve(%q) = %v, want %q", arg, err, want)
		}
	}
	want := `p.json:1: base: run.ckpt names a file; base names a built-in preset` + builtInHint()
	if _, err := Parse([]byte(`{"base": "run.ckpt"}`), "p.json"); err == nil || err.Error() != want {
		t.Errorf("a base of a checkpoint's name: %v, want %q", err, want)
	}
}

// TestCheckpointGivenAsPresetFile: a checkpoint given to --preset (or
// --show-preset) is named as one, with the command that continues it, begun as
// ganui was started and its path quoted for the shell (not "--resume PATH", a
// flag), not refused as larger than a preset file can be, or as invalid JSON
// ("invalid character 'G'"), as its size would have it.
func TestCheckpointGivenAsPresetFile(t *testing.T) {
	ckpt := vanillaCheckpoint(t)
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"small.ckpt":  ckpt,
		"large.ckpt":  append(bytes.Clone(ckpt), make([]byte, MaxFileSize)...), // a wide design's
		"my run.ckpt": ckpt,
		// Written $'…', the command said to be bash's and zsh's: '…' showed
		// the rest of the line reversed.
		"r\u202etpkc.ckpt": ckpt,
		"run\xff.ckpt":     ckpt,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		want := shellword.Quote(path) + " is a checkpoint, not a preset file: ganui --resume " + shellword.Quote(path) + " continues its run"
		if q, ok := shellword.Dollar(path); ok {
			want = shellword.Quote(path) + " is a checkpoint, not a preset file: ganui --resume " + q + shellword.DollarNote + " continues its run"
		}
		if _, err := Resolve(path); err == nil || err.Error() != want {
			t.Errorf("Resolve(%s): %v; want %q", name, err, want)
		}
	}
}

// TestCheckpointGivenAtItsPlansEnd: a checkpoint given to --preset at the
// end of its plan is offered --resume with --epochs, the --epochs given
// where they go on past its epoch, else N, where "ganui --resume a.ckpt
// continues its run" was offered, which a headless --resume refuses ("the
// end of its plan: --epochs N trains on to epoch N"), the --epochs given
// dropped; a run short of its plan's end is offered its --epochs too.
func TestCheckpointGivenAtItsPlansEnd(t *testing.T) {
	dir := t.TempDir()
	saved := func(name string, plan, epochs int) string {
		c, _ := Get("vanilla")
		c.Epochs = plan
		g, err := engine.New(c, 1)
		if err != nil {
			t.Fatal(err)
		}
		for range epochs {
			if _, err := g.TrainEpoch(); err != nil {
				t.Fatal(err)
			}
		}
		var ckpt bytes.Buffer
		if err := g.WriteCheckpoint(&ckpt, nil); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, ckpt.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	done, midway := saved("done.ckpt", 3, 3), saved("midway.ckpt", 5, 3)
	for _, c := range []struct {
		path   string
		epochs int
		want   string
	}{
		{done, 0, "ganui --resume " + done + " --epochs N trains it on to epoch N, past its plan's end at epoch 3"},
		{done, 2, "ganui --resume " + done + " --epochs N trains it on to epoch N, past its plan's end at epoch 3"},
		{done, 3, "ganui --resume " + done + " --epochs N trains it on to epoch N, past its plan's end at epoch 3"},
		{done, 8, "ganui --resume " + done + " --epochs 8 trains it on from epoch 3 to 8"},
		{midway, 0, "ganui --resume " + midway + " continues its run"},
		{midway, 2, "ganui --resume " + midway + " continues its run"},
		{midway, 8, "ganui --resume " + midway + " --epochs 8 trains it on from epoch 3 to 8"},
	} {
		_, err := Resolve(c.path)
		given := (*CheckpointGiven)(nil)
		if !errors.As(err, &given) {
			t.Fatalf("Resolve(%s) = %v, want a CheckpointGiven", c.path, err)
		}
		given.Epochs = c.epochs
		if want := c.path + " is a checkpoint, not a preset file: " + c.want; err.Error() != want {
			t.Errorf("Resolve(%s), --epochs %d: %v; want %q", filepath.Base(c.path), c.epochs, err, want)
		}
	}
}

// TestLargeFileOfAnotherKind: a file too large for a preset file that is of
// another kind, a run's --log or a figure given to --preset, is told what it is
// not, as a small one is, not its size: a history CSV of blog-original's 5,000
// epochs is not "larger than 256 KiB, the most ganui reads of such a file". A
// large file that begins as a preset file does is told its size, and what a
// preset file is, which its size alone does not say.
func TestLargeFileOfAnotherKind(t *testing.T) {
	dir := t.TempDir()
	row := []byte("4999,0.6931471824645996,0.6931471824645996,0.6931471824645996,13.40942181110382,5.23744422083404,,,,,,,\n")
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"run.csv": {append([]byte("epoch,d_real,d_fake,g_loss,mean,std,ks,w1,skew,kurt,zdep,events,event_details\n"), bytes.Repeat(row, MaxFileSize/len(row)+1)...),
			":1: not a preset file: a preset file is one JSON object {…}, as ganui --show-preset NAME prints one"},
		"run.png":  {append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, MaxFileSize)...), ":1: not a preset file: a preset file is one JSON object {…}"},
		"big.json": {append([]byte(`{"base": "vanilla", "description": "`), bytes.Repeat([]byte("a"), MaxFileSize)...), ": larger than 256 KiB, the most ganui reads of such a file: a preset file is one JSON object of settings, under 2 KiB; this may be another kind of file"},
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Resolve(path); err == nil || !strings.Contains(err.Error(), path+c.want) {
			t.Errorf("Resolve(%s): %v; want %q", name, err, path+c.want)
		}
	}
}

// TestLoadOpensTheFileOnce: Load opens a preset file once, reading its first
// bytes to tell a checkpoint and then the whole from the file it opened, not
// opening it for each, so that a file replaced between them is not told by one
// and read from the other. A checkpoint is told so from its one opening too.
func TestLoadOpensTheFileOnce(t *testing.T) {
	opened := 0
	defer func(f func(string) (*inputfile.File, error)) { openFile = f }(openFile)
	openFile = func(path string) (*inputfile.File, error) {
		opened++
		return inputfile.Open(path)
	}
	dir := t.TempDir()
	ckpt := vanillaCheckpoint(t)
	for name, data := range map[string][]byte{"mine.json": []byte(`{"base": "vanilla", "g_lr": 0.0005}`), "run.ckpt": ckpt} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		opened = 0
		cfg, err := Load(path)
		if opened != 1 || (name == "mine.json") != (err == nil && cfg.GLR == 0.0005) {
			t.Errorf("Load(%s): opened %d times, %v", name, opened, err)
		}
	}
}

// FuzzParse: any bytes either fail with a one-line error or give a valid
// preset, whose name, description and source hold no character that acts
// on a terminal (visible.Hidden), that survives Marshal and Parse
// unchanged. The seed corpus, run
// by plain go test, holds every preset and broken variants of one.
func FuzzParse(f *testing.F) {
	for _, c := range All() {
		f.Add(Marshal(c))
	}
	for _, s := range []string{
		`{"base": "vanilla", "g_hidden": [64], "g_acts": ["relu", "identity"]}`,
		`{"base": "vanilla", "target": "mixture(-3,1;0,0.5;3,1)"}`,
		`{"base": "vanilla"`, `{"base" "vanilla"}`, `{"base": "vanilla}`, `{"g_acts": ["relu" "identity"]}`, `{"base": "vanilla", "epochs": 1e400}`, `{"batch": -1}`, `null`, `{}`,
		`{"base": "vanilla", "g_hidden": [[1]]}`, `{"base": "vanilla", "name": "a\u0000b"}`,
		`{"base":"vanilla","mbd_kernels":128,"mbd_dim":64}`, "\ufeff{}", `{"":1}`,
		`{"ganui_version": "v9.9.9", "base": "vanilla", "d_new": 1}`, `{"ganui_version": 1, "base": "vanilla"}`,
		`{"base": "vanilla", "g_hidden": [8, 8`, `{"g_acts": "relu","identity"}`, `{"g_hidden": 16,16,}`, `{"mbd" true}`, `{"a": [true false]}`, `{"batch": 64x}`, `{"batch": 0100}`, `{"g_lr": .5}`, `{"g_lr": [1.]}`, `{"batch": -0x40}`, `{"epochs": 1_0}`, `{"g_lr": 0,001}`, `{"epochs": -1,000,0`, `{"g_lr": 0,5,`,
		`{"base": "vanilla", "g_hidden": 16, 16}`, `{"g_hidden": 16,16,"g_lr":1e-3}`, `{"gp": 1, 000}`, `{"gp": 1,000}`, `{"d_acts": [1,000]}`, // a list without brackets, a comma spaced, a fraction's 1,000
		`{"g_lr": 1.5,5}`, `{"g_lr": 1.5, 5}`, `{"g_lr": 0,5x}`, `{"g_hidden": 64, 5000,}`, // no number with commas; a refused list, a comma after it
		"{\"g_lr\": 1e\u22123}", "{\"g_hidden\": [\u221216,16]}", "{\"gp\": \u22120,5}", "{\"name\": \"a\" \u22125}", "{\"g_lr\": \u2212", // minus signs
		"{\"name\": \"a\tb\"}", "{\"name\": \"a\x01b\"}",
		"{\x00}\x00", "\x00{\x00}", "\xff\xfe{\x00}\x00", "\ufeff\ufeff{}", "{\"base\": \"vanilla\",\n\x00}", "{\"name\": \"a\x00b\"}", // UTF-16, two marks, NULs
		`{"base": "vanilla", "name": "a\u202eb"}`, "{\"base\": \"vanilla\", \"description\": \"\u2066x\u2069\", \"source\": \"\u200e\"}", // bidirectional formatting
		`{"base": "vanilla", "unroll_second_order": "false"}`, " \r\n", "\ufeff\n", `{"g_hidden": ` + strings.Repeat("[", 10001), // white space alone; nested past encoding/json's depth
		`{"base": "vanilla", "name": "a\ud800b"}`, `{"base": "vanilla", "name": "\udc00\ud800"}`, `{"base": "vanilla", "name": "a\ud83d\ude00b"}`, `{"base": "vanilla", "name": "\\ud800"}`, // surrogates: lone, a pair, text
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz.json")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Parse accepted an invalid preset: %v", err)
		}
		for _, text := range []string{c.Name, c.Description, c.Source} { // shown as they are: on the screen, by --show-preset
			if strings.ContainsFunc(text, visible.Hidden) {
				t.Fatalf("Parse accepted %q, which a terminal would not show as it is", text)
			}
		}
		again, err := Parse(Marshal(c), "fuzz.json")
		if err != nil || !reflect.DeepEqual(again, c) {
			t.Fatalf("round trip failed: %v\n%+v\n%+v", err, c, again)
		}
	})
}

// TestPointsPathIsTheFiles: a preset file's relative points(FILE.csv) path is
// read from the file's directory, whatever the working directory (not from the
// working directory, so that a design kept beside its data runs from anywhere);
// an absolute path is read as it is; a file missing is named by the path tried;
// and MarshalFile writes the path absolute, so that the file it writes reads
// the same points wherever it is saved.
func TestPointsPathIsTheFiles(t *testing.T) {
	root := t.TempDir()
	exp := filepath.Join(root, "exp")
	write := func(path, text string) string {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write(filepath.Join(exp, "pts.csv"), "x,y\n0,0\n1,1\n2,0\n")
	design := write(filepath.Join(exp, "design.json"), `{"base": "ring", "target": "points(pts.csv)"}`)
	other := write(filepath.Join(t.TempDir(), "other.csv"), "x,y\n0,0\n1,1\n")
	absolute := write(filepath.Join(exp, "absolute.json"), `{"base": "ring", "target": "points(`+other+`)"}`)
	gone := write(filepath.Join(exp, "gone.json"), "{\"base\": \"ring\",\n\"target\": \"points(gone.csv)\"}")

	t.Chdir(t.TempDir()) // neither the file's directory nor its parent
	load := func(path, want string) {
		t.Helper()
		cfg, err := Load(path)
		if err != nil || cfg.Target != want {
			t.Errorf("Load(%s) from elsewhere: target %q, %v; want %q", path, cfg.Target, err, want)
		}
	}
	load(design, "points("+filepath.Join(exp, "pts.csv")+")")
	load(absolute, "points("+other+")")
	_, err := Load(gone)
	if want := gone + ":2: target \"points(" + filepath.Join(exp, "gone.csv") + ")\": no such file or directory (a preset file's relative path is read from the file's directory)"; err == nil || err.Error() != want {
		t.Errorf("a missing points file: %v; want %s", err, want)
	}

	// A file named by a relative path: the points' path as the process
	// reads it, from the working directory; in it, the spec as written.
	t.Chdir(root)
	load(filepath.Join("exp", "design.json"), "points("+filepath.Join("exp", "pts.csv")+")")
	t.Chdir(exp)
	load("design.json", "points(pts.csv)")

	// MarshalFile writes the path absolute: the file, saved away from
	// the working directory, names the same points.
	cfg, err := Load("design.json")
	if err != nil {
		t.Fatal(err)
	}
	data, err := MarshalFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if want := `"target": "points(` + filepath.Join(exp, "pts.csv") + `)"`; !bytes.Contains(data, []byte(want)) {
		t.Errorf("MarshalFile writes\n%s\nwant %s", data, want)
	}
	saved := write(filepath.Join(t.TempDir(), "saved.json"), string(data))
	load(saved, "points("+filepath.Join(exp, "pts.csv")+")")
}

// TestOlderPresetFileNamesPointsFromTheWorkingDirectory: a preset file an
// older ganui wrote (testdata/points-before-version.json: ganui
// --show-preset ring --set 'target=points(data.csv)' at commit 49d503b5)
// names its points from the directory that ganui ran in, and records no
// ganui_version. Saved in another directory, its points missing beside
// it, the refusal says where an older ganui read them and the path to
// write; a file that records its ganui, or whose points are nowhere, is
// told as before.
func TestOlderPresetFileNamesPointsFromTheWorkingDirectory(t *testing.T) {
	old, err := os.ReadFile(filepath.Join("testdata", "points-before-version.json"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(old, []byte(engine.VersionKey)) || !bytes.Contains(old, []byte(`"points(data.csv)"`)) {
		t.Fatal("the fixture records its ganui or names no relative points file: it is no older ganui's")
	}
	t.Chdir(t.TempDir())
	write := func(path string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	saved := filepath.Join("exp", "ring.json")
	write(saved, old)
	tried := saved + `:5: target "points(` + filepath.Join("exp", "data.csv") + `)": no such file or directory (a preset file's relative path is read from the file's directory`
	if _, err := Load(saved); err == nil || err.Error() != tried+")" {
		t.Errorf("Load(%s), data.csv nowhere: %v; want %s)", saved, err, tried)
	}
	write("data.csv", []byte("x,y\n0,0\n1,1\n2,0\n"))
	want := tried + "; a file written by an older ganui (this one records no ganui_version) names it from the working directory, where data.csv is: write points(" + filepath.Join("..", "data.csv") + ") in " + saved + " to train on it)"
	if _, err := Load(saved); err == nil || err.Error() != want {
		t.Errorf("Load(%s), data.csv in the working directory: %v; want %s", saved, err, want)
	}
	versioned := filepath.Join("exp", "versioned.json")
	write(versioned, bytes.Replace(old, []byte("{\n"), []byte("{\n  \""+engine.VersionKey+"\": \"v0.0.0\",\n"), 1))
	if _, err := Load(versioned); err == nil || !strings.HasSuffix(err.Error(), "no such file or directory (a preset file's relative path is read from the file's directory)") {
		t.Errorf("Load(%s), which records its ganui: %v; want its points missing, no older ganui named", versioned, err)
	}
	write(filepath.Join("exp", "data.csv"), []byte("x,y\n0,0\n1,1\n2,0\n"))
	if cfg, err := Load(saved); err != nil || cfg.Target != "points("+filepath.Join("exp", "data.csv")+")" {
		t.Errorf("Load(%s), data.csv beside it too: target %q, %v; want the one beside it", saved, cfg.Target, err)
	}
}

// TestPointsPathThroughALink: a preset file reached through a symbolic
// link reads a relative points path from the directory of the file the link
// leads to, not the link's: the design is the file's wherever the link is.
// A points file missing there is told with where the link leads, and the
// file of that name beside the link, when there is one, as not read.
func TestPointsPathThroughALink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges there")
	}
	root := t.TempDir()
	t.Chdir(root)
	write := func(path, text string) { writeFileIn(t, path, text) }
	link := func(to, path string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(to, path); err != nil {
			t.Fatal(err)
		}
	}
	const points = "x,y\n0,0\n1,1\n2,0\n"
	write(filepath.Join("exp", "pts.csv"), points)
	write(filepath.Join("exp", "design.json"), `{"base": "ring", "target": "points(pts.csv)"}`)
	write(filepath.Join("exp", "gone.json"), `{"base": "ring", "target": "points(gone.csv)"}`)
	link(filepath.Join("..", "exp", "design.json"), filepath.Join("links", "design.json"))
	link(filepath.Join("..", "exp", "gone.json"), filepath.Join("links", "gone.json"))
	link(filepath.Join("exp", "design.json"), "here.json") // the link in the working directory
	want := "points(" + filepath.Join("exp", "pts.csv") + ")"
	for _, path := range []string{filepath.Join("links", "design.json"), "here.json"} {
		if cfg, err := Load(path); err != nil || cfg.Target != want {
			t.Errorf("Load(%s), a link to exp/design.json: target %q, %v; want %s", path, cfg.Target, err, want)
		}
	}

	gone := filepath.Join("links", "gone.json")
	tried := `:1: target "points(` + filepath.Join("exp", "gone.csv") + `)": no such file or directory (a preset file's relative path is read from the file's directory: ` + gone + " leads to " + filepath.Join("exp", "gone.json")
	if _, err := Load(gone); err == nil || err.Error() != gone+tried+")" {
		t.Errorf("Load(%s), its points missing: %v; want %s", gone, err, gone+tried+")")
	}
	write(filepath.Join("links", "gone.csv"), points) // beside the link: not the file's
	if _, err := Load(gone); err == nil || err.Error() != gone+tried+", and "+filepath.Join("links", "gone.csv")+" beside the link is not read)" {
		t.Errorf("Load(%s), its points beside the link alone: %v", gone, err)
	}
}

// TestIsPresetDataReadsNoPoints: a preset file is told as one (IsPresetData)
// whatever its points(FILE.csv) target names, a file missing or one that is
// no points file, and whatever the working directory holds: the points are
// not read. A file Parse refuses for another key is none, as before.
func TestIsPresetDataReadsNoPoints(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("bad.csv", []byte("not,points\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		`{"base": "ring", "target": "points(gone.csv)"}`,
		`{"base": "ring", "target": "points(bad.csv)"}`,
		`{"base": "ring", "target": "points(~/d.csv)"}`,
		`{"base": "ring"}`,
		`{"ganui_version": "v99.0.0", "base": "ring", "wings": 2}`,
	} {
		if !IsPresetData([]byte(text)) {
			t.Errorf("IsPresetData(%s) = false; want true", text)
		}
	}
	for _, text := range []string{`{"base": "ring", "g_lr": 50}`, `{"base": "ring", "wings": 2}`, "x,y\n0,0\n", ""} {
		if IsPresetData([]byte(text)) {
			t.Errorf("IsPresetData(%q) = true; want false", text)
		}
	}
}

// TestPointsTildeIsTheFiles: a preset file's points(~/d.csv) is judged in
// the file's directory, where the rest of its relative path is read: a
// directory ~ beside the file is the name's, and read; where there is none
// the name is refused as one whose ~ no shell expanded, whatever the
// working directory holds, where a directory ~ there was read silently as
// the name's. A name refused is told as the file writes it, the bidirectional
// formatting character too, not joined to the file's directory.
func TestPointsTildeIsTheFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	t.Setenv("HOME", "/home/ada")
	root := t.TempDir()
	t.Chdir(root)
	write := func(path, text string) { writeFileIn(t, path, text) }
	const points = "x,y\n0,0\n1,1\n2,0\n"
	write(filepath.Join("~", "d.csv"), points) // the working directory's ~, not the file's
	write(filepath.Join("exp", "d.json"), `{"base": "ring", "target": "points(~/d.csv)"}`)
	write(filepath.Join("exp", "bidi.json"), "{\"base\": \"ring\", \"target\": \"points(x\u202e.csv)\"}")
	write("here.json", `{"base": "ring", "target": "points(~/d.csv)"}`)

	const says = `'~/d.csv' begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none: give the file's whole path, points(/home/ada/d.csv)`
	for path, want := range map[string]string{
		filepath.Join("exp", "d.json"):    filepath.Join("exp", "d.json") + `:1: target "points(~/d.csv)": ` + says,
		filepath.Join("exp", "bidi.json"): filepath.Join("exp", "bidi.json") + `:1: target "points(x\u202e.csv)": the file's name holds the bidirectional formatting character U+202E ('\u202e'), which reorders the text a terminal shows after it, where the screen names the target; rename the file`,
	} {
		if cfg, err := Load(path); err == nil || err.Error() != want {
			t.Errorf("Load(%s), a directory ~ in the working directory alone: target %q, %v; want %s", path, cfg.Target, err, want)
		}
	}
	// The working directory is the file's: its ~ is the name's.
	if cfg, err := Load("here.json"); err != nil || cfg.Target != "points(~/d.csv)" {
		t.Errorf("Load(here.json) beside a directory ~: target %q, %v; want points(~/d.csv)", cfg.Target, err)
	}
	// A directory ~ beside the file is the name's, read from there.
	write(filepath.Join("exp", "~", "d.csv"), points)
	want := "points(" + filepath.Join("exp", "~", "d.csv") + ")"
	if cfg, err := Load(filepath.Join("exp", "d.json")); err != nil || cfg.Target != want {
		t.Errorf("Load(exp/d.json) with a directory exp/~: target %q, %v; want %s", cfg.Target, err, want)
	}
	if err := os.RemoveAll("~"); err != nil {
		t.Fatal(err)
	}
	if cfg, err := Load(filepath.Join("exp", "d.json")); err != nil || cfg.Target != want {
		t.Errorf("Load(exp/d.json) with a directory exp/~ alone: target %q, %v; want %s", cfg.Target, err, want)
	}
}

// TestRootedPaths: a points path that is rooted on its system is not joined to
// a preset file's directory. On Windows that takes in more than filepath.IsAbs
// does: a path begun with a separator (\data\x.csv, the current drive's root)
// or a drive (C:x.csv), which it takes for relative, and which joined to the
// file's directory would read exp\data\x.csv. Elsewhere a backslash and a colon
// are a name's.
func TestRootedPaths(t *testing.T) {
	for _, c := range []struct {
		goos, path string
		want       bool
	}{
		{"windows", `\data\x.csv`, true},
		{"windows", `/data/x.csv`, true},
		{"windows", `C:\data\x.csv`, true},
		{"windows", `C:x.csv`, true},
		{"windows", `c:/x.csv`, true},
		{"windows", `\\server\share\x.csv`, true},
		{"windows", `data\x.csv`, false},
		{"windows", `..\x.csv`, false},
		{"windows", `x.csv`, false},
		{"windows", ``, false},
		{"linux", `/data/x.csv`, true},
		{"linux", `\data\x.csv`, false},
		{"linux", `C:x.csv`, false},
		{"linux", `data/x.csv`, false},
		{"darwin", `/data/x.csv`, true},
		{"darwin", `x.csv`, false},
	} {
		if got := rooted(c.goos, c.path); got != c.want {
			t.Errorf("rooted(%q, %q) = %v, want %v", c.goos, c.path, got, c.want)
		}
	}
	// On this system, rooted is at least absolute, and pointsFrom joins
	// what is neither.
	abs, err := filepath.Abs("x.csv")
	if err != nil {
		t.Fatal(err)
	}
	root := string(filepath.Separator) + "x.csv"
	for path, want := range map[string]string{abs: abs, root: root, "x.csv": filepath.Join("exp", "x.csv")} {
		if got, _, _ := pointsFrom("exp", "points("+path+")"); got != "points("+want+")" {
			t.Errorf("pointsFrom(exp, points(%s)) = %s, want points(%s)", path, got, want)
		}
	}
}

// vanillaCheckpoint is a checkpoint of vanilla at its start, seed 1.
func vanillaCheckpoint(t *testing.T) []byte {
	t.Helper()
	c, _ := Get("vanilla")
	g, err := engine.New(c, 1)
	if err != nil {
		t.Fatal(err)
	}
	var ckpt bytes.Buffer
	if err := g.WriteCheckpoint(&ckpt, nil); err != nil {
		t.Fatal(err)
	}
	return ckpt.Bytes()
}

// TestInfinityToldTheRange: NaN or an infinity in a preset file, +Inf too,
// which encoding/json refuses at its '+', is told JSON has no such number
// and the range to give in its place, where every built-in design has the
// key's range alike; in a list, or for a key whose range is its base's own
// (d_in, a divisor of batch), with no range.
func TestInfinityToldTheRange(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`{"base": "vanilla", "epochs" : +Inf}`, "p.json:1:32: +Inf is not a JSON number, which has no infinities: give a number; allowed: 1..1,000,000,000"},
		{`{"gp": -Infinity}`, "p.json:1:8: -Infinity is not a JSON number, which has no infinities: give a number; allowed: 0 (off) or (0,1000]"},
		{`{"real_label": NaN}`, "p.json:1:16: NaN is not a JSON number: give a number; allowed: (0,1]"},
		{`{"g_hidden": [8, +Infinity]}`, "p.json:1:18: +Infinity is not a JSON number, which has no infinities: give a number"},
		{`{"d_in": Inf}`, "p.json:1:10: Inf is not a JSON number, which has no infinities: give a number"},
		{`{"g_lr": +Infx}`, `p.json:1:10: +Infx: a name or text takes double quotes in JSON, "+Infx"`},
		// A key that takes a name, or true or false, is told what it takes,
		// not to give a number it would refuse too.
		{`{"base": "vanilla", "loss": Inf}`, `p.json:1:29: Inf is not a JSON number, and loss takes none: give one of bce, least_squares, wasserstein, hinge, e.g. "loss": "bce"`},
		{`{"g_acts": -Inf}`, `p.json:1:12: -Inf is not a JSON number, and g_acts takes none: give a list of activations, one per hidden layer and one for the output, each one of identity, relu, leaky_relu, elu, sigmoid, tanh, e.g. "g_acts": ["relu","relu","identity"]`},
		{`{"target": Infinity}`, `p.json:1:12: Infinity is not a JSON number, and target takes none: give a target, kind(args), e.g. "target": "normal(4,1.25)"`},
		{`{"d_opt": NaN}`, `p.json:1:11: NaN is not a JSON number, and d_opt takes none: give one of adam, sgd, rmsprop, e.g. "d_opt": "adam"`},
	} {
		_, err := Parse([]byte(c.data), "p.json")
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.data, err, c.want)
		}
	}
}

// writeFileIn writes text to path, making its directory first.
func writeFileIn(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// keysAtLines is n lines of a preset file, each a key of its own, "k1": 1.
func keysAtLines(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "  \"k%d\": 1,\n", i+1)
	}
	return b.String()
}

// TestParseErrorsNameTheFileForAShell: a preset file's refusal begins with
// its name as a shell reads it back, so that it can be pasted into the
// command that reads it again, where 'my p.json' began it bare, its space
// read as the message's, and a line break in a name began a line of its
// own ("c; d.json:1:" once the error was one line).
func TestParseErrorsNameTheFileForAShell(t *testing.T) {
	for name, want := range map[string]string{
		"p.json":     "p.json:1: unknown key",
		"my p.json":  "'my p.json':1: unknown key",
		"c\nd.json":  `$'c\nd.json':1: unknown key`,
		"it's.json":  `'it'\''s.json':1: unknown key`,
		"empty.json": "",
	} {
		data := `{"nope": 1}`
		if want == "" {
			data, want = "", "empty.json: it is empty"
		}
		_, err := Parse([]byte(data), name)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Parse(%q): %v, want it to begin %s", name, err, want)
		}
	}
}
