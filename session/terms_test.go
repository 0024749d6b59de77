package session

import (
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
)

// TestTermsSayTheDesignsLabels: the bce entry gives D's loss on real
// data as the design has it: against the label 0.9 under label
// smoothing, whose losses do not balance at ln 2, where it had said
// "−log D(x) on real data" and "each is ln 2" of every BCE design.
func TestTermsSayTheDesignsLabels(t *testing.T) {
	for _, c := range []struct {
		preset      string
		want, avoid string
	}{
		{"vanilla", "−log D(x) on real data", "label"},
		{"vanilla", "each is ln 2", "label"},
		{"label-smoothing", "its cross-entropy with their label, 0.9 here", "ln 2"},
		{"label-smoothing", "−log(1 − D(x)) on generated", "−log D(x) on real data"},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range TermsOf(cfg) {
			if r.Name != "bce" {
				continue
			}
			if text := numtext.Plain(r.What); !strings.Contains(text, c.want) || strings.Contains(text, c.avoid) {
				t.Errorf("%s: the bce entry, want %q and no %q: %q", c.preset, c.want, c.avoid, text)
			}
		}
	}
}

// TestTermsSayWhereIdentityIs: the identity entry says what it does
// where the design has it, last in G, last in D, and not where it does
// not: lsgan with a tanh G has it last in D only.
func TestTermsSayWhereIdentityIs(t *testing.T) {
	cfg, err := presets.Get("lsgan")
	if err != nil {
		t.Fatal(err)
	}
	cfg.GActs = []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Tanh}
	for _, r := range TermsOf(cfg) {
		if r.Name == "identity" && (strings.Contains(r.What, "last in G") || !strings.Contains(r.What, "last in D")) {
			t.Errorf("identity last in D only: %q", r.What)
		}
	}
}
