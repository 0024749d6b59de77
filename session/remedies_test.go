package session

import (
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
)

// TestRemediesNameWhatEachPresetChanges: the glossary explains what each
// built-in design changes in the textbook GAN, every remedy its outline
// names, and nothing for the textbook designs; the ? pages had explained
// packing to every 2-D run, packed or not, and no other remedy at all.
func TestRemediesNameWhatEachPresetChanges(t *testing.T) {
	want := map[string][]string{
		"blog-original":            {"packing"},
		"feature-matching":         {"feature matching"},
		"minibatch-discrimination": {"minibatch discrimination"},
		"label-smoothing":          {"label smoothing"},
		"lsgan":                    {"least squares"},
		"wgan":                     {"critic", "weight clipping"},
		"wgan-gp":                  {"critic", "gradient penalty"},
		"r1":                       {"R1 penalty"},
		"hinge":                    {"hinge loss"},
		"bimodal-mbd":              {"minibatch discrimination"},
		"unrolled":                 {"unrolled GAN"},
		"historical-averaging":     {"historical averaging"},
		"bimodal-pacgan":           {"packing"},
		"bimodal-pacgan-ema":       {"packing", "G's average"},
		"ring-pacgan":              {"packing"},
		"ring-mbd":                 {"minibatch discrimination"},
		"ring-unrolled":            {"unrolled GAN"},
		"grid-pacgan":              {"packing"},
		"grid-pacgan4-ema":         {"packing", "G's average"},
		"grid-wgan-gp":             {"critic", "gradient penalty"},
	}
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range RemediesOf(cfg) {
			got = append(got, r.Name)
			if r.What == "" || strings.Contains(r.What, "%!") {
				t.Errorf("%s: remedy %q reads %q", name, r.Name, r.What)
			}
		}
		if !slices.Equal(got, want[name]) {
			t.Errorf("%s: remedies %q, want %q", name, got, want[name])
		}
	}
}

// TestRemediesSayTheDesignsNumbers: a remedy's text gives the design's
// own values, as the outline does (its spaces read plain: the ones
// that keep a value with its name are non-breaking).
func TestRemediesSayTheDesignsNumbers(t *testing.T) {
	for _, c := range []struct{ preset, remedy, want string }{
		{"grid-pacgan4-ema", "packing", "D judges 4 samples at once"},
		{"grid-pacgan4-ema", "G's average", "β 0.99, about the last 100 updates"},
		{"ring-unrolled", "unrolled GAN", "takes 5 more steps"},
		{"wgan", "weight clipping", "±0.01 (Arjovsky"},
		{"grid-wgan-gp", "gradient penalty", "λ 0.1"},
		{"grid-wgan-gp", "critic", "the D surface"},
		{"wgan", "critic", "5 critic steps per G step"},
		{"r1", "R1 penalty", "γ 1"},
		{"label-smoothing", "label smoothing", "real data is 0.9"},
		{"historical-averaging", "historical averaging", "λ D 0.1, G 0.1"},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(RemediesOf(cfg), func(r Remedy) bool { return r.Name == c.remedy })
		if i < 0 || !strings.Contains(numtext.Plain(RemediesOf(cfg)[i].What), c.want) {
			t.Errorf("%s: %s lacks %q: %+v", c.preset, c.remedy, c.want, RemediesOf(cfg))
		}
	}
}

// TestRemediesCountInWords: one critic step is "1 critic step", not
// "1 critic steps".
func TestRemediesCountInWords(t *testing.T) {
	cfg, err := presets.Get("wgan")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DSteps = 1
	if rs := RemediesOf(cfg); len(rs) == 0 || !strings.Contains(numtext.Plain(rs[0].What), "1 critic step per G step") {
		t.Errorf("wgan with d_steps 1: %+v", rs)
	}
}
