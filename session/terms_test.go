package session

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
)

// TestTermsSayTheDesignsLabels: the bce entry gives D's loss on real data as
// the design has it: against the label 0.9 under label smoothing, whose losses
// do not balance at ln 2, not "−log D(x) on real data" and "each is ln 2" of
// every BCE design.
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

// TestTargetEntryWritesTheEnginesSpec: the target entry writes each kind's spec
// in the names the engine's own errors give its numbers, and says what each
// kind's numbers are: ring(modes,radius,std), as an error for the same target
// says it, not ring(k,r,σ).
func TestTargetEntryWritesTheEnginesSpec(t *testing.T) {
	for name := range kindAbout {
		if _, ok := engine.KindSpec(name); !ok {
			t.Errorf("kindAbout[%q]: no such kind in the engine", name)
		}
	}
	for _, target := range []string{"normal(4,1.25)", "ring(8,2,0.02)", "moons(0.05)", "mixture(-2,0.5;2,0.5)"} {
		name, _, _ := strings.Cut(target, "(")
		spec, ok := engine.KindSpec(name)
		if !ok {
			t.Fatalf("engine.KindSpec(%q): not a kind", name)
		}
		got := targetText(engine.Config{Target: target})
		if want := spec + ": " + kindAbout[name]; !strings.Contains(got, want) {
			t.Errorf("target %s: %q, want it to say %q", target, got, want)
		}
	}
	if spec, _ := engine.KindSpec("ring"); spec != "ring(modes,radius,std)" {
		t.Errorf(`engine.KindSpec("ring") = %q, want "ring(modes,radius,std)"`, spec)
	}
	if _, ok := engine.KindSpec("rings"); ok {
		t.Error(`engine.KindSpec("rings") is a kind`)
	}
}

// TestMomentsEntryNamesAShapeWithTheMoments: the 4 moments entry's example of a
// batch that passes as real has the target's four moments, two humps, and says
// a flat top alone has not, its excess kurtosis below a normal's 0; it does not
// say a "flat-topped" batch of the target's moments passes.
func TestMomentsEntryNamesAShapeWithTheMoments(t *testing.T) {
	cfg, err := presets.Get("devnag-moments")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range TermsOf(cfg) {
		if r.Name != "4 moments" {
			continue
		}
		found = true
		text := numtext.Plain(r.What)
		if !strings.Contains(text, "four moments in another shape, two humps") || !strings.Contains(text, "a flat top alone would not") {
			t.Errorf("the 4 moments entry passes a shape without the target's moments: %q", text)
		}
	}
	if !found {
		t.Fatal("devnag-moments has no 4 moments entry")
	}
}

// entryCase is a preset whose glossary entry (the text an entry function
// writes for its design) says want and not avoid.
type entryCase struct{ preset, want, avoid string }

// checkEntry holds each case's entry, named name, as text writes it.
func checkEntry(t *testing.T, name string, text func(engine.Config) string, cases []entryCase) {
	t.Helper()
	for _, c := range cases {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		if got := numtext.Plain(text(cfg)); !strings.Contains(got, c.want) || strings.Contains(got, c.avoid) {
			t.Errorf("%s: the %s entry, want %q and no %q: %q", c.preset, name, c.want, c.avoid, got)
		}
	}
}

// TestBatchEntrySaysWhatDScoresBy: under minibatch discrimination the batch
// entry says D scores each sample beside the others of its batch, as the
// remedy above it does, not "D scores each sample on its own"; a D without
// it still scores each on its own.
func TestBatchEntrySaysWhatDScoresBy(t *testing.T) {
	checkEntry(t, "batch", batchText, []entryCase{
		{"minibatch-discrimination", "D scores each sample beside the others of its batch, how real it finds it among them: 100 scores per batch.", "on its own"},
		{"ring-mbd", "D scores each sample beside the others of its batch, how real it finds it among them: 256 scores per batch.", "on its own"},
		{"vanilla", "D scores each sample on its own, how real it finds it: 100 scores per batch.", "beside the others"},
	})
}

// TestTargetEntrySaysWhatGLearnsFrom: under feature matching the target
// entry says G sees only "the mean of D's features on them, which it
// matches with its own", as its remedy says G does not try to fool D, not
// "only D's verdicts on its own"; a G that answers D's verdicts keeps those
// words.
func TestTargetEntrySaysWhatGLearnsFrom(t *testing.T) {
	checkEntry(t, "target", targetText, []entryCase{
		{"feature-matching", "never sees them, only the mean of D's features on them, which it matches with its own.", "verdicts"},
		{"vanilla", "never sees them, only D's verdicts on its own.", "features"},
		{"wgan-gp", "never sees them, only D's verdicts on its own.", "features"},
	})
}

// TestFormulasStayTogether: every formula the ? pages explain a design's
// words with is written together (numtext.Together), no plain space beside
// its operators nor inside max(…), so that wrapping, which breaks at plain
// spaces only, never parts it: at 70×20 vanilla's "G nonsaturating" entry does
// not end a line "not the original game's log(1" over "− D(G(z)))", nor
// bimodal-mbd's "hinge" one "max(0, 1 − D(real)) +" over "max(0, 1 + D(fake))".
// Every preset's, under each loss, G loss and activation.
func TestFormulasStayTogether(t *testing.T) {
	operator := regexp.MustCompile(`.{0,20}( [−+=] |max\(0, ).{0,20}`)
	for _, cfg := range presets.All() {
		for _, loss := range []engine.Loss{engine.LossBCE, engine.LossLeastSquares, engine.LossWasserstein, engine.LossHinge} {
			for _, g := range []engine.GLoss{engine.GLossNonSaturating, engine.GLossMinimax, engine.GLossFeatureMatching} {
				c := cfg
				c.Loss, c.GLoss = loss, g
				c.GActs = []engine.Activation{engine.ReLU, engine.ELU, engine.Tanh, engine.Sigmoid, engine.Identity, engine.LeakyReLU}
				for _, r := range append(TermsOf(c), RemediesOf(c)...) {
					if m := operator.FindString(r.What); m != "" {
						t.Errorf("%s under %v, %v: the %q entry parts a formula where it wraps: %q", cfg.Name, loss, g, r.Name, m)
					}
				}
			}
		}
	}
}

// TestNoiseEntryKeepsNoiseDrawTogether: the noise entry of a G that makes one
// sample per draw writes "noise draw" together (numtext.Together), as G's
// line does, so that the ? pages' wrapping never leaves "draw)" at the head
// of a line under "one sample per noise".
func TestNoiseEntryKeepsNoiseDrawTogether(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	for _, r := range TermsOf(cfg) {
		if strings.HasSuffix(r.Name, " noise") {
			seen = true
			if !strings.Contains(r.What, "one sample per "+numtext.Together("noise draw")) {
				t.Errorf("%s: want \"noise draw\" together: %q", r.Name, r.What)
			}
		}
	}
	if !seen {
		t.Error("vanilla has no noise entry: the test checks nothing")
	}
}

// TestRMSpropEntrySaysWhatArjovskyFound: Arjovsky et al. 2017 (§3) report
// that "WGAN training becomes unstable at times when one uses a momentum
// based optimizer such as Adam (with β1 > 0) on the critic": an unstable
// training, at times, not a critic destabilised, which they never say.
func TestRMSpropEntrySaysWhatArjovskyFound(t *testing.T) {
	cfg, err := presets.Get("wgan")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range TermsOf(cfg) {
		if r.Name != "rmsprop α" {
			continue
		}
		found = true
		text := numtext.Plain(r.What)
		for _, want := range []string{"training unstable at times", "momentum-based optimizer on D", "Adam with β₁ over 0"} {
			if !strings.Contains(text, want) {
				t.Errorf("the rmsprop entry does not say %q: %q", want, text)
			}
		}
		if strings.Contains(text, "destabilised") {
			t.Errorf("the rmsprop entry says the critic was destabilised, which Arjovsky et al. do not: %q", text)
		}
	}
	if !found {
		t.Fatal("wgan's terms have no rmsprop α entry")
	}
}
