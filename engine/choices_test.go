package engine

import (
	"encoding"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// choiceType is what the tests know of a choice type: its values in order
// and the names the preset files have always used for them.
type choiceType struct {
	values []encoding.TextMarshaler
	names  []string
	parse  func(string) (fmt.Stringer, error)
	unset  bool // the zero value is unset, not a value
}

func parser[T any, P interface {
	*T
	encoding.TextUnmarshaler
	fmt.Stringer
}]() func(string) (fmt.Stringer, error) {
	return func(s string) (fmt.Stringer, error) {
		v := P(new(T))
		err := v.UnmarshalText([]byte(s))
		return v, err
	}
}

// choiceValues returns every value of a choice type, in order.
func choiceValues[T ~uint8](names []string) []T {
	var vs []T
	for i, n := range names {
		if n != "" {
			vs = append(vs, T(i))
		}
	}
	return vs
}

func marshalers[T encoding.TextMarshaler](vs []T) []encoding.TextMarshaler {
	out := make([]encoding.TextMarshaler, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

var choiceTypes = map[string]choiceType{
	"Noise":         {marshalers(choiceValues[Noise](noiseNames)), []string{"uniform", "normal"}, parser[Noise](), true},
	"DInput":        {marshalers(choiceValues[DInput](dInputNames)), []string{"raw", "diffs", "moments", "diffs_detached"}, parser[DInput](), true},
	"Loss":          {marshalers(choiceValues[Loss](lossNames)), []string{"bce", "least_squares", "wasserstein", "hinge"}, parser[Loss](), true},
	"GLoss":         {marshalers(choiceValues[GLoss](gLossNames)), []string{"nonsaturating", "minimax", "feature_matching"}, parser[GLoss](), true},
	"OptimizerKind": {marshalers(choiceValues[OptimizerKind](optimizerNames)), []string{"adam", "sgd", "rmsprop"}, parser[OptimizerKind](), true},
	"Activation": {marshalers(choiceValues[Activation](activationNames)), []string{"identity", "relu", "leaky_relu", "elu", "sigmoid", "tanh"},
		parser[Activation](), false},
}

// TestChoiceNames: every value of every choice type has the name the preset
// files use, and the name reads back as the same value.
func TestChoiceNames(t *testing.T) {
	for typ, c := range choiceTypes {
		if len(c.values) != len(c.names) {
			t.Fatalf("%s: %d values, want %d", typ, len(c.values), len(c.names))
		}
		for i, v := range c.values {
			text, err := v.MarshalText()
			if err != nil || string(text) != c.names[i] || fmt.Sprint(v) != c.names[i] {
				t.Errorf("%s value %d: MarshalText %q, %v; String %q; want %q", typ, i, text, err, v, c.names[i])
			}
			back, err := c.parse(c.names[i])
			if err != nil || back.String() != c.names[i] {
				t.Errorf("%s: UnmarshalText(%q) = %v, %v", typ, c.names[i], back, err)
			}
		}
	}
}

// TestChoiceBadNames: a name that is not a value is an error listing the
// names that are, then the one it was likely meant to be, if any; "" is the unset value of the Config choices and an error
// for Activation, which has none.
func TestChoiceBadNames(t *testing.T) {
	for typ, c := range choiceTypes {
		for _, bad := range []string{"nope", "BCE", " adam", "Identity", "sgd,adam"} {
			_, err := c.parse(bad)
			want := fmt.Sprintf("%q is not one of %s", bad, strings.Join(c.names, ", "))
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s: UnmarshalText(%q) = %v, want %q…", typ, bad, err, want)
			}
		}
		if _, err := c.parse(strings.ToUpper(c.names[len(c.names)-1])); err == nil || !strings.HasSuffix(err.Error(), fmt.Sprintf(" (did you mean %s?)", c.names[len(c.names)-1])) {
			t.Errorf("%s: a name in capitals: %v, want it named in lower case", typ, err)
		}
		v, err := c.parse("")
		switch {
		case c.unset && (err != nil || v.String() != ""):
			t.Errorf("%s: UnmarshalText(\"\") = %v, %v; want unset", typ, v, err)
		case !c.unset && err == nil:
			t.Errorf("%s: UnmarshalText(\"\") succeeded", typ)
		}
	}
}

func TestChoiceZeroAndInvalid(t *testing.T) {
	for _, v := range []encoding.TextMarshaler{Noise(0), DInput(0), Loss(0), GLoss(0), OptimizerKind(0)} {
		if text, err := v.MarshalText(); err != nil || len(text) != 0 || fmt.Sprint(v) != "" {
			t.Errorf("unset %T: MarshalText %q, %v; String %q; want empty", v, text, err, v)
		}
	}
	for _, v := range []encoding.TextMarshaler{Noise(3), DInput(5), Loss(5), GLoss(4), OptimizerKind(4), Activation(6)} {
		if text, err := v.MarshalText(); err == nil {
			t.Errorf("invalid %T %v: MarshalText gave %q", v, v, text)
		}
	}
	if s := Loss(9).String(); s != "Loss(9)" {
		t.Errorf("Loss(9).String() = %q", s)
	}
	c := blogConfig()
	c.DOpt = 7
	if _, err := json.Marshal(c); err == nil {
		t.Error("a Config with an invalid optimizer marshalled")
	}
}

// TestConfigJSONNames: a Config's JSON names its choices as preset files
// do, and reads back equal.
func TestConfigJSONNames(t *testing.T) {
	c := blogConfig()
	c.DActs = []Activation{LeakyReLU, ELU, Sigmoid}
	c.Noise, c.DInput, c.GLoss, c.GOpt = NoiseNormal, DInputDiffs, GLossFeatureMatching, OptimizerSGD
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"noise":"normal"`, `"g_acts":["relu","relu","identity"]`, `"d_input":"diffs"`,
		`"d_acts":["leaky_relu","elu","sigmoid"]`, `"loss":"bce"`, `"g_loss":"feature_matching"`,
		`"d_opt":"adam"`, `"g_opt":"sgd"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s: %s", want, data)
		}
	}
	var back Config
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.DActs, c.DActs) || back.Noise != c.Noise || back.GOpt != c.GOpt || back.GLoss != c.GLoss {
		t.Errorf("JSON round trip: %+v, want %+v", back, c)
	}
	if err := json.Unmarshal([]byte(`{"loss":"wgan"}`), &back); err == nil {
		t.Error("JSON with an unknown loss decoded")
	}
}

func TestConfigSetNames(t *testing.T) {
	c := blogConfig()
	for _, kv := range [][2]string{
		{"loss", "least_squares"}, {"g_loss", "minimax"}, {"noise", "normal"}, {"d_input", "moments"},
		{"d_opt", "sgd"}, {"g_acts", "tanh,elu"}, {"d_acts", `["elu", "identity"]`},
	} {
		if err := c.Set(kv[0], kv[1]); err != nil {
			t.Fatalf("Set(%s, %s): %v", kv[0], kv[1], err)
		}
	}
	if c.Loss != LossLeastSquares || c.GLoss != GLossMinimax || c.Noise != NoiseNormal || c.DInput != DInputMoments ||
		c.DOpt != OptimizerSGD || c.GOpt != OptimizerAdam || !slices.Equal(c.GActs, []Activation{Tanh, ELU}) ||
		!slices.Equal(c.DActs, []Activation{ELU, Identity}) {
		t.Fatalf("after Set: %+v", c)
	}
	// In brackets, the names may be bare, as a list of widths' numbers are
	// ([16,16]): a --sweep value holds a list so, and is not told "want a list
	// of strings, got [elu,sigmoid]".
	for _, v := range []string{"[elu,sigmoid]", "[ elu, sigmoid ]"} {
		if err := c.Set("d_acts", v); err != nil || !slices.Equal(c.DActs, []Activation{ELU, Sigmoid}) {
			t.Errorf("Set(d_acts, %s) = %v, %v", v, err, c.DActs)
		}
	}
	if err := c.Set("g_acts", ""); err != nil || len(c.GActs) != 0 || c.GActs == nil {
		t.Errorf("Set(g_acts, \"\") = %v, %#v; want an empty list", err, c.GActs)
	}
	for _, bad := range []struct{ key, value, want string }{
		{"loss", "wgan", `loss: "wgan" is not one of bce, least_squares, wasserstein, hinge (did you mean wasserstein?)`},
		{"d_input", "fft", `d_input: "fft" is not one of raw, diffs, moments, diffs_detached`},
		{"g_opt", "adagrad", `g_opt: "adagrad" is not one of adam, sgd, rmsprop`},
		{"noise", "gaussian", `noise: "gaussian" is not one of uniform, normal (did you mean normal?)`},
		{"g_loss", "wasserstein", `g_loss: "wasserstein" is not one of nonsaturating, minimax, feature_matching`},
		{"d_acts", "relu,swish", `d_acts: "swish" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
		{"d_acts", `["relu", 1]`, `d_acts: want a list of strings, got number`},
		{"d_acts", `[relu,"elu"]`, `d_acts: want a list of strings, got [relu,"elu"]`},
		{"d_acts", `[relu,swish]`, `d_acts: "swish" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
		// A name is read as written, by the one rule of a preset file's
		// (readName): spaces around it are refused with the name to
		// write, as a number's are, where --set trimmed them.
		{"g_loss", "minimax ", `g_loss: "minimax " has spaces around it; write it without them: minimax`},
		{"g_acts", "tanh, elu", `g_acts: "tanh, elu" has spaces in it; write the list without them: tanh,elu`},
		{"g_acts", "tanh, swish", `g_acts: "swish" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
		// One name in a list is told the name to write, as a preset
		// file's is.
		{"loss", `["bce"]`, `loss: ["bce"] is a list; write the name alone: bce`},
		{"loss", `[hinge]`, `loss: [hinge] is a list; write the name alone: hinge`},
		{"loss", `["bce","hinge"]`, `loss: "[\"bce\",\"hinge\"]" is not one of bce, least_squares, wasserstein, hinge`},
		{"loss", `[]`, `loss: "[]" is not one of bce, least_squares, wasserstein, hinge`},
		// A name in quotes, the shell's kept, is told to drop them; a list's
		// empty name or names separated by spaces are told the list to
		// write, as a list of widths is.
		{"loss", `"bce"`, `loss: "bce" is in quotes; write it without them: bce`},
		{"loss", `'hinge'`, `loss: 'hinge' is in quotes; write it without them: hinge`},
		{"g_acts", "relu,,identity", `g_acts: an empty name between two commas: write relu,identity`},
		{"g_acts", "relu,identity,", `g_acts: an empty name after the last comma: write relu,identity`},
		{"g_acts", "relu identity", `g_acts: names are separated by commas: relu,identity`},
		{"g_acts", "[relu identity]", `g_acts: names are separated by commas: [relu,identity]`},
		{"g_acts", ",", `g_acts: "," holds no names; for none, write g_acts=`},
		{"g_acts", "relu swish", `g_acts: "relu swish" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
	} {
		if err := c.Set(bad.key, bad.value); err == nil || err.Error() != bad.want {
			t.Errorf("Set(%q, %q) = %v, want %q", bad.key, bad.value, err, bad.want)
		}
	}
	for _, bad := range []struct{ key, raw, want string }{
		{"loss", `7`, `loss: 7 is a number, not a name: give one of bce, least_squares, wasserstein, hinge, e.g. "loss": "least_squares"`},
		{"d_opt", `[]`, `d_opt: [] is a list, not a name: give one of adam, sgd, rmsprop, e.g. "d_opt": "sgd"`},
		{"g_acts", `1`, `g_acts: 1 is a number, not a list: give a list of activations, one per hidden layer and one for the output, each one of identity, relu, leaky_relu, elu, sigmoid, tanh, e.g. "g_acts": ["leaky_relu","leaky_relu","identity"]`},
		{"loss", `null`, `loss: want a string, got null`},
		// One name in a list is told the name to write; a list that is no
		// one name is told what the key takes.
		{"loss", `["bce"]`, `loss: ["bce"] is a list; write the name alone: "bce"`},
		{"d_opt", `[ "sgd" ]`, `d_opt: [ "sgd" ] is a list; write the name alone: "sgd"`},
		{"loss", `["bxe"]`, `loss: ["bxe"] is a list, not a name: give one of bce, least_squares, wasserstein, hinge, e.g. "loss": "least_squares"`},
		{"loss", `["bce","hinge"]`, `loss: ["bce","hinge"] is a list, not a name: give one of bce, least_squares, wasserstein, hinge, e.g. "loss": "least_squares"`},
		{"loss", `"wgan"`, `loss: "wgan" is not one of bce, least_squares, wasserstein, hinge (did you mean wasserstein?)`},
		// A name with spaces around it is told so, not "(did you mean bce?)"
		// of a space hard to see; one that is no name without them either
		// is told as before.
		{"loss", `"bce "`, `loss: "bce " has spaces around it; write it without them: "bce"`},
		{"d_opt", `"\tsgd"`, `d_opt: "\tsgd" has spaces around it; write it without them: "sgd"`},
		{"loss", `" bxe"`, `loss: " bxe" is not one of bce, least_squares, wasserstein, hinge`},
		// An item of a list of names is held to the same rule as a name
		// (readName), where it was trimmed and taken.
		{"g_acts", `["relu", " tanh"]`, `g_acts: " tanh" has spaces around it; write it without them: "tanh"`},
		// An empty list in quotes is told the list's form and the design's
		// own, not to write [], which Validate refuses for its count.
		{"g_acts", `""`, `g_acts is empty: give a list of activations, one per hidden layer and one for the output, each one of identity, relu, leaky_relu, elu, sigmoid, tanh, e.g. "g_acts": ["leaky_relu","leaky_relu","identity"]`},
		{"d_acts", `" "`, `d_acts holds only spaces: give a list of activations, one per hidden layer and one for the output, each one of identity, relu, leaky_relu, elu, sigmoid, tanh, e.g. "d_acts": ["elu","elu","sigmoid"]`},
		{"g_acts", `"relu identity"`, `g_acts: "relu identity" is text in quotes; write it as a list: ["relu","identity"]`},
		{"g_acts", `"relu,,identity"`, `g_acts: "relu,,identity" is text in quotes; write it as a list: ["relu","identity"]`},
		{"g_acts", `"relu, identity"`, `g_acts: "relu, identity" is text in quotes; write it as a list: ["relu","identity"]`},
		{"g_acts", `"relu"`, `g_acts: "relu" is text in quotes; write it as a list: ["relu"]`},
		// A list written in quotes, as --set writes one, is told the list to
		// write, as a list of widths in quotes is, not "want a list of
		// strings, got string"; text that is no list even so keeps those words.
		{"g_acts", `"relu,identity"`, `g_acts: "relu,identity" is text in quotes; write it as a list: ["relu","identity"]`},
		{"d_acts", `"[elu, sigmoid]"`, `d_acts: "[elu, sigmoid]" is text in quotes; write it as a list: ["elu","sigmoid"]`},
		{"g_acts", `"relu,swish"`, `g_acts: "relu,swish" is text in quotes; as a list, "swish" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
		{"g_acts", `"[\"relu\""`, `g_acts: want a list of strings, got string`},
		{"g_acts", `null`, `g_acts: want a list of strings, got null`},
		{"g_acts", `["relu", "swish"]`, `g_acts: "swish" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh`},
		// An empty name in a list is told which, and the list with the
		// design's own in its place, not `"" is not one of …`.
		{"g_acts", `["relu","relu",""]`, `g_acts: name 3 of 3 is empty: give one of identity, relu, leaky_relu, elu, sigmoid, tanh, e.g. "g_acts": ["relu","relu","identity"]`},
		{"d_acts", `["elu"," "]`, `d_acts: name 2 of 2 holds only spaces: give one of identity, relu, leaky_relu, elu, sigmoid, tanh, e.g. "d_acts": ["elu","elu","sigmoid"]`},
	} {
		if err := c.SetJSON(bad.key, []byte(bad.raw)); err == nil || err.Error() != bad.want {
			t.Errorf("SetJSON(%q, %s) = %v, want %q", bad.key, bad.raw, err, bad.want)
		}
	}
}

// TestValidateRejectsUnsetChoices: a choice left at its zero value in Go
// is an error naming the field, never a silent default, and offers no
// unset "" as the name it was meant to be, "(did you mean ?)".
func TestValidateRejectsUnsetChoices(t *testing.T) {
	for key, unset := range map[string]func(*Config){
		"noise":   func(c *Config) { c.Noise = 0 },
		"d_input": func(c *Config) { c.DInput = 0 },
		"loss":    func(c *Config) { c.Loss = 0 },
		"g_loss":  func(c *Config) { c.GLoss = 0 },
		"d_opt":   func(c *Config) { c.DOpt = 0 },
		"g_opt":   func(c *Config) { c.GOpt = 0 },
	} {
		c := blogConfig()
		unset(&c)
		err := c.Validate()
		if err == nil || !strings.HasPrefix(err.Error(), key+`: "" is not one of `) || strings.Contains(err.Error(), "did you mean") {
			t.Errorf("unset %s: %v", key, err)
		}
	}
	c := blogConfig()
	c.GActs[1] = Tanh + 1
	if err := c.Validate(); err == nil || err.Error() != `g_acts: "Activation(6)" is not one of identity, relu, leaky_relu, elu, sigmoid, tanh` {
		t.Errorf("invalid activation: %v", err)
	}
}
