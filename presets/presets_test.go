package presets

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
)

// TestEveryPresetTrains builds every preset and trains it a few epochs:
// nothing may be NaN, and the same seed must repeat itself exactly.
func TestEveryPresetTrains(t *testing.T) {
	for _, cfg := range All() {
		t.Run(cfg.Name, func(t *testing.T) {
			t.Parallel()
			if cfg.Name == "" || cfg.Description == "" || cfg.Source == "" {
				t.Fatalf("preset lacks a name, description or source: %+v", cfg)
			}
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			runs := [2][]engine.EpochStats{}
			for i := range runs {
				g, err := engine.New(cfg, 1)
				if err != nil {
					t.Fatal(err)
				}
				for range 3 {
					s, err := g.TrainEpoch()
					if err != nil {
						t.Fatal(err)
					}
					runs[i] = append(runs[i], s)
				}
				m, _ := g.EvaluateUntil(1000, engine.HistSpec{}, nil)
				for name, v := range map[string]float64{"ks": m.KS, "w1": m.W1, "mean": m.Mean, "std": m.Std} {
					if v != v {
						t.Fatalf("%s is NaN after 3 epochs", name)
					}
				}
				if p := g.Plane(); p != nil {
					if m.Plane == nil || m.Plane.SW1 != m.Plane.SW1 {
						t.Fatal("no plane metrics for a plane target")
					}
					if g.DSurface(make([]float64, 4), p.Bounds(), 2, 2) != g.ScoresSamples() {
						t.Fatal("DSurface disagrees with ScoresSamples")
					}
					continue
				}
				curve := make([]float64, 7)
				if g.DCurve(curve, -1, 9) != g.ScoresSamples() {
					t.Fatal("DCurve disagrees with ScoresSamples")
				}
			}
			if !reflect.DeepEqual(runs[0], runs[1]) {
				t.Fatal("the same seed gave different histories")
			}
		})
	}
}

// TestNewPresetsDoNotDiverge trains the presets of the Wasserstein and
// hinge losses, unrolling and historical averaging a few hundred epochs
// on seeds 1-3 (ring-unrolled, whose epochs cost six D updates of a
// larger network, 100 epochs on seed 1): no NaN, no infinity. Under the
// race detector each trains a tenth as long: the race pass is for the
// concurrency, which a shorter run exercises as well.
func TestNewPresetsDoNotDiverge(t *testing.T) {
	if testing.Short() {
		t.Skip("trains for seconds")
	}
	scale := 1
	if raceEnabled {
		scale = 10
	}
	for name, epochs := range map[string]int{"wgan": 300, "hinge": 300, "unrolled": 300, "historical-averaging": 300, "ring-unrolled": 100} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cfg, err := Get(name)
			if err != nil {
				t.Fatal(err)
			}
			seeds := 3
			if name == "ring-unrolled" {
				seeds = 1
			}
			for seed := 1; seed <= seeds; seed++ {
				g, err := engine.New(cfg, uint64(seed))
				if err != nil {
					t.Fatal(err)
				}
				for range epochs / scale {
					if _, err := g.TrainEpoch(); err != nil {
						t.Fatalf("seed %d: %v", seed, err)
					}
				}
			}
		})
	}
}

// TestReproductionsMatchTheirCode pins every setting of the three presets that
// reproduce a program, as presets/SOURCES.md reads it from the code (written as
// --set writes them), with every trick the code does not have off. Each of the
// three is pinned whole, blog-original, the default preset, and devnag-moments'
// G rate, noise and target among them, so that no setting drifts from the code
// it reproduces unseen.
func TestReproductionsMatchTheirCode(t *testing.T) {
	common := map[string]string{ // all three
		"target": "normal(4,1.25)", "noise": "uniform", "loss": "bce", "g_loss": "nonsaturating", "real_label": "1",
		"mbd_kernels": "0", "d_clip": "0", "gp": "0", "r1": "0", "d_hist_avg": "0", "g_hist_avg": "0", "g_ema": "0", "unroll": "0",
		"d_warmup_steps": "0", "d_warmup_epochs": "0", "d_warmup_every": "0",
	}
	adam := func(lr string) map[string]string { // torch.optim.Adam, betas (0.9, 0.999), eps 1e-8
		return map[string]string{"d_opt": "adam", "g_opt": "adam", "d_lr": lr, "g_lr": lr,
			"d_beta1": "0.9", "d_beta2": "0.999", "g_beta1": "0.9", "g_beta2": "0.999", "eps": "1e-8"}
	}
	for name, parts := range map[string][]map[string]string{
		// rickiepark/pytorch-examples, gans-in-50-lines.ipynb (Feb 2017)
		"blog-original": {common, adam("1e-3"), {
			"batch": "100", "noise_dim": "100", "g_out": "100", "g_hidden": "50,50", "g_acts": "relu,relu,identity",
			"d_input": "raw", "d_in": "100", "d_hidden": "50,50", "d_acts": "relu,relu,sigmoid",
			"d_steps": "5", "g_steps": "5", "epochs": "5000",
		}},
		// devnag/pytorch-generative-adversarial-networks, gan_pytorch.py (Feb 2017)
		"devnag-2017": {common, adam("2e-4"), {
			"batch": "100", "noise_dim": "1", "g_out": "1", "g_hidden": "50,50", "g_acts": "elu,sigmoid,identity",
			"d_input": "diffs_detached", "d_in": "100", "d_hidden": "50,50", "d_acts": "elu,elu,sigmoid",
			"d_steps": "1", "g_steps": "1", "epochs": "30000",
		}},
		// the same file, 2018 revision: "Only 4 moments"
		"devnag-moments": {common, {
			"batch": "500", "noise_dim": "1", "g_out": "1", "g_hidden": "5,5", "g_acts": "tanh,tanh,identity",
			"d_input": "moments", "d_in": "500", "d_hidden": "10,10", "d_acts": "sigmoid,sigmoid,sigmoid",
			"d_opt": "sgd", "g_opt": "sgd", "d_lr": "1e-3", "g_lr": "1e-3", "d_momentum": "0.9", "g_momentum": "0.9",
			"d_steps": "20", "g_steps": "20", "epochs": "5000",
		}},
	} {
		got, err := Get(name)
		if err != nil {
			t.Fatal(err)
		}
		want := got.Clone()
		for _, part := range parts {
			for key, value := range part {
				if err := want.Set(key, value); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
		}
		if d := differences(want, got); len(d) > 0 {
			t.Errorf("%s drifted from its source in %v", name, d)
		}
	}
}

// TestPresetsMatchTheirSources pins the settings presets/SOURCES.md
// records for the reproduced designs, so a later edit cannot drift from
// the source.
func TestPresetsMatchTheirSources(t *testing.T) {
	get := func(name string) engine.Config {
		c, err := Get(name)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	v := get("vanilla")
	if v.DIn != 1 || v.DInput != engine.DInputRaw || v.GOut != 1 || v.Batch != 100 || v.GLoss != engine.GLossNonSaturating || v.MBDKernels != 0 {
		t.Errorf("vanilla is not the per-sample textbook GAN: %+v", v)
	}
	// Each trick is vanilla with exactly its own change.
	for name, want := range map[string][]string{
		"feature-matching":         {"g_loss"},
		"minibatch-discrimination": {"mbd_kernels", "mbd_dim"},
		"label-smoothing":          {"real_label"},
		"lsgan":                    {"d_acts", "loss"},
		"hinge":                    {"d_acts", "loss"},
		"wgan":                     {"d_acts", "loss", "d_clip", "d_opt", "d_lr", "g_opt", "d_steps", "d_warmup_steps", "d_warmup_epochs", "d_warmup_every"},
		"wgan-gp":                  {"d_acts", "loss", "gp", "d_lr", "d_beta1", "d_beta2", "g_lr", "g_beta1", "g_beta2", "d_steps"},
		"r1":                       {"r1"},
		"bimodal":                  {"target"},
		"skewed":                   {"target"},
		"uniform":                  {"target"},
	} {
		if got := differences(v, get(name)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs from vanilla in %v, want %v", name, got, want)
		}
	}
	if got := get("label-smoothing").RealLabel; got != 0.9 {
		t.Errorf("label-smoothing real label %g, want 0.9", got)
	}
	if got := get("bimodal").Target; got != "mixture(-2,0.5;2,0.5)" {
		t.Errorf("bimodal target %s", got)
	}
	w := get("wgan") // Arjovsky et al. 2017, Algorithm 1
	if w.Loss != engine.LossWasserstein || w.DActs[len(w.DActs)-1] != engine.Identity || w.DOpt != engine.OptimizerRMSprop || w.GOpt != engine.OptimizerRMSprop ||
		w.DLR != 5e-5 || w.GLR != 5e-5 || w.DAlpha != 0.99 || w.GAlpha != 0.99 || w.DClip != 0.01 || w.DSteps != 5 || w.GSteps != 1 || w.Target != "normal(4,1.25)" {
		t.Errorf("wgan drifted from Arjovsky et al. 2017, Algorithm 1: %+v", w)
	}
	// The critic's warm-up of the authors' code (martinarjovsky/WassersteinGAN,
	// main.py: "if gen_iterations < 25 or gen_iterations % 500 == 0:
	// Diters = 100 else: Diters = opt.Diters"), gen_iterations the epochs
	// before, one G update each.
	for e := range 1501 {
		diters := w.DSteps
		if e < 25 || e%500 == 0 {
			diters = 100
		}
		if n, _ := w.DStepsAt(e); n != diters || w.GSteps != 1 {
			t.Fatalf("wgan: the epoch after %d takes %d critic steps and %d G steps, the authors' code %d and 1", e, n, w.GSteps, diters)
		}
	}
	if w := get("wgan-gp"); w.GP != 0.1 || w.DClip != 0 || w.DLR != 1e-4 || w.DBeta1 != 0 || w.DBeta2 != 0.9 || w.DSteps != 5 { // Gulrajani et al. 2017, Algorithm 1
		t.Errorf("wgan-gp drifted from Gulrajani et al. 2017, Algorithm 1: %+v", w)
	}
	if h := get("hinge"); h.Loss != engine.LossHinge || h.DActs[len(h.DActs)-1] != engine.Identity {
		t.Errorf("hinge is not the hinge loss with a critic's output: %+v", h)
	}
	// The unrolled GAN, historical averaging and minibatch discrimination
	// are bimodal with their own change.
	b := get("bimodal")
	for name, want := range map[string][]string{
		"unrolled":             {"unroll"},
		"historical-averaging": {"d_hist_avg", "g_hist_avg"},
		"bimodal-mbd":          {"mbd_kernels", "mbd_dim"},
	} {
		if got := differences(b, get(name)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs from bimodal in %v, want %v", name, got, want)
		}
	}
	if u := get("unrolled"); u.Unroll != 5 {
		t.Errorf("unrolled unrolls %d steps, want 5", u.Unroll)
	}
	r := get("ring")
	if r.Target != "ring(8,2,0.02)" || r.DIn != 1 || r.GOut != 1 || r.DBeta1 != 0.5 || r.GBeta1 != 0.5 ||
		r.Loss != engine.LossBCE || r.GLoss != engine.GLossNonSaturating || r.Noise != engine.NoiseNormal {
		t.Errorf("ring is not Metz et al.'s ring with a per-point GAN: %+v", r)
	}
	// Each 2-D design is ring with exactly its own change.
	for name, want := range map[string][]string{
		"ring-pacgan":   {"d_in"},
		"ring-mbd":      {"mbd_kernels", "mbd_dim"},
		"ring-unrolled": {"unroll"},
		"grid":          {"target"},
		"moons":         {"target"},
	} {
		if got := differences(r, get(name)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs from ring in %v, want %v", name, got, want)
		}
	}
	if g := get("grid"); g.Target != "grid(5,2,0.05)" {
		t.Errorf("grid target %s, want VEEGAN's and PacGAN's grid(5,2,0.05)", g.Target)
	}
	// grid-wgan-gp is grid with the changes that make wgan-gp of vanilla
	// (presets/SOURCES.md, WGAN-GP), to the same values.
	gw, vw := get("grid-wgan-gp"), get("wgan-gp")
	if got, want := differences(get("grid"), gw), differences(v, vw); !reflect.DeepEqual(got, want) {
		t.Errorf("grid-wgan-gp differs from grid in %v, wgan-gp from vanilla in %v", got, want)
	}
	if gw.Loss != vw.Loss || gw.GP != vw.GP || gw.DLR != vw.DLR || gw.DBeta1 != vw.DBeta1 || gw.DBeta2 != vw.DBeta2 ||
		gw.GLR != vw.GLR || gw.GBeta1 != vw.GBeta1 || gw.GBeta2 != vw.GBeta2 || gw.DSteps != vw.DSteps || gw.DActs[len(gw.DActs)-1] != engine.Identity {
		t.Errorf("grid-wgan-gp's WGAN-GP settings are not wgan-gp's: %+v", gw)
	}
	if got, want := differences(get("grid"), get("grid-pacgan")), []string{"g_hidden", "d_in", "d_hidden", "epochs"}; !reflect.DeepEqual(got, want) {
		t.Errorf("grid-pacgan differs from grid in %v, want %v", got, want)
	}
	if got, want := differences(get("ring-pacgan"), get("bimodal-pacgan")), []string{"target"}; !reflect.DeepEqual(got, want) {
		t.Errorf("bimodal-pacgan differs from ring-pacgan in %v, want %v", got, want)
	}
	if got, want := differences(get("grid-pacgan"), get("grid-pacgan4-ema")), []string{"d_in", "g_ema"}; !reflect.DeepEqual(got, want) {
		t.Errorf("grid-pacgan4-ema differs from grid-pacgan in %v, want %v", got, want)
	}
	if got, want := differences(get("bimodal-pacgan"), get("bimodal-pacgan-ema")), []string{"g_ema"}; !reflect.DeepEqual(got, want) {
		t.Errorf("bimodal-pacgan-ema differs from bimodal-pacgan in %v, want %v", got, want)
	}
	if got, want := differences(get("uniform"), get("uniform-flat-noise")), []string{"noise", "noise_dim"}; !reflect.DeepEqual(got, want) {
		t.Errorf("uniform-flat-noise differs from uniform in %v, want %v", got, want)
	}
	if p := get("ring-pacgan"); p.DIn != 2 {
		t.Errorf("ring-pacgan packs %d points, want 2", p.DIn)
	}
}

// differences lists the keys of the design fields in which a and b differ.
func differences(a, b engine.Config) []string {
	var keys []string
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i, key := range engine.ConfigKeys() {
		switch key {
		case "name", "description", "source":
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			keys = append(keys, key)
		}
	}
	return keys
}

// TestEveryPresetHasADocComment: each preset variable listed in all is
// documented in the source, starting with its own name.
func TestEveryPresetHasADocComment(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "presets.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	var listed []string
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			name := vs.Names[0].Name
			docs[name] = gd.Doc.Text()
			if name == "all" {
				for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
					listed = append(listed, e.(*ast.Ident).Name)
				}
			}
		}
	}
	if len(listed) != len(All()) {
		t.Fatalf("found %d presets in presets.go, All has %d", len(listed), len(All()))
	}
	for _, name := range listed {
		if !strings.HasPrefix(docs[name], name+" ") {
			t.Errorf("preset variable %s has no doc comment starting with its name", name)
		}
	}
}

func TestGet(t *testing.T) {
	c, err := Get("vanilla")
	if err != nil || c.Name != "vanilla" {
		t.Fatalf("Get(vanilla) = %v, %v", c.Name, err)
	}
	c.GHidden[0] = 999 // a copy: the preset itself must not change
	if again, _ := Get("vanilla"); again.GHidden[0] == 999 {
		t.Fatal("Get returned a preset sharing memory with the table")
	}
	// A name near none is given a few presets and where they are listed, not
	// every name on one line of some 460 characters.
	const nope = `unknown preset nope: give the name of a built-in preset, such as vanilla or ring (ganui --list-presets lists them)`
	if _, err := Get("nope"); err == nil || err.Error() != nope {
		t.Errorf("Get(nope) = %v, want %s", err, nope)
	}
	if _, err := Resolve("nope"); err == nil || err.Error() != nope+", or a FILE.json" {
		t.Errorf("Resolve(nope) = %v, want %s, or a FILE.json", err, nope)
	}
	// A request for the list is pointed to --list-presets, not answered with
	// every name on one line of 500 columns.
	for _, name := range []string{"list", "help"} {
		if _, err := Get(name); err == nil || !strings.Contains(err.Error(), "--list-presets") || strings.Contains(err.Error(), "vanilla") {
			t.Errorf("Get(%s) = %v, want an error pointing to --list-presets", name, err)
		}
	}
	seen := map[string]bool{}
	for _, n := range Names() {
		if seen[n] {
			t.Errorf("preset %s appears twice", n)
		}
		seen[n] = true
	}
}

// TestSOURCESTableMatchesThePresets: presets/SOURCES.md's table has one row per
// preset, in display order, whose source cites the sections, equations,
// algorithms and years the preset's own source field cites; its links lead to
// headings of the file; and a title the field quotes is one the file quotes. So
// the table puts grid-wgan-gp's grid in §3.1, as the preset and the file's text
// say, not §5, and hinge's and ring-pacgan's fields quote titles whole, not
// shortened ("Spectral Normalization for GANs").
func TestSOURCESTableMatchesThePresets(t *testing.T) {
	data, err := os.ReadFile("SOURCES.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| (.*) \\| (.*) \\|$")
	cite := regexp.MustCompile(`§\s?[0-9]+(\.[0-9]+)*|eq\. ?[0-9]+|Algorithm [0-9]+|\b(19|20)[0-9]{2}\b`)
	quoted := regexp.MustCompile(`"[^"]+"`)
	anchors := map[string]bool{}
	for _, h := range regexp.MustCompile(`(?m)^#+ (.*)$`).FindAllStringSubmatch(text, -1) {
		anchors[slug(h[1])] = true
	}
	flat := strings.Join(strings.Fields(text), " ") // a title wrapped in the text on one line
	rows := row.FindAllStringSubmatch(text, -1)
	var names []string
	for _, r := range rows {
		names = append(names, r[1])
	}
	if !reflect.DeepEqual(names, Names()) {
		t.Fatalf("SOURCES.md's table lists %v, want the presets in display order %v", names, Names())
	}
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, c := range cite.FindAllString(numtext.Plain(s), -1) {
			m[strings.ReplaceAll(c, " ", "")] = true
		}
		return m
	}
	for i, c := range All() {
		if got, want := set(rows[i][2]), set(c.Source); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the table cites %v, the preset's source %v (%q)", c.Name, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)), numtext.Plain(c.Source))
		}
		for _, link := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(rows[i][3], -1) {
			if !anchors[link[1]] {
				t.Errorf("%s: the table links #%s, which is no heading of SOURCES.md", c.Name, link[1])
			}
		}
		for _, q := range quoted.FindAllString(numtext.Plain(c.Source), -1) {
			if !strings.Contains(flat, q) {
				t.Errorf("%s: its source quotes %s, which SOURCES.md does not", c.Name, q)
			}
		}
	}
}

// slug is the anchor GitHub gives a Markdown heading: lower case, spaces
// as hyphens, other punctuation dropped.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzGet: any name, as --preset and --show-preset take it, is a
// built-in preset of that name or refused in one line that quotes it.
func FuzzGet(f *testing.F) {
	for _, s := range append(Names(), "list", "help", "vanila", "ring ", "RING", "", "a\nb", "\x1b[31m", "blog-orignal") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		cfg, err := Get(name)
		switch {
		case err == nil && cfg.Name != name:
			t.Fatalf("%q gave preset %q", name, cfg.Name)
		case err != nil && (strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "unknown preset "+shellword.Quote(name))):
			t.Fatalf("%q: %q, want one line quoting the name", name, err)
		}
	})
}

// TestHingeDescriptionStopsAtTheMargins: the hinge loss, max(0, 1 − D(x))
// + max(0, 1 + D(G(z))), is 0 once a real score reaches 1 and a generated
// one −1 (Lim & Ye 2017; Miyato et al. 2018), so D pushes the scores to
// its margins and no further, as the glossary's entry says; "above 1"
// and "below −1" told a learner it kept pushing past them.
func TestHingeDescriptionStopsAtTheMargins(t *testing.T) {
	d, err := Get("hinge")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"up to 1", "down to −1", "no further"} {
		if !strings.Contains(d.Description, want) {
			t.Errorf("hinge's description %q does not say %q", d.Description, want)
		}
	}
}

// TestPresetTextsSayWhatTheirSourcesMeasure: r1's description says what
// Mescheder et al. 2018 prove, local convergence, training started near
// the equilibrium converging to it, where "so the game settles" promised
// it from anywhere; grid-pacgan4-ema's says what bench/README.md measured
// over seeds 1–10, all 25 modes in each and a median high-quality share
// of 0.888, where "filled" measured nothing.
func TestPresetTextsSayWhatTheirSourcesMeasure(t *testing.T) {
	for _, c := range []struct {
		preset string
		says   []string
		not    string
	}{
		{"r1", []string{"started near the equilibrium", "converges"}, "settles"},
		{"grid-pacgan4-ema", []string{"all 25 modes in each of seeds 1–10", "a median 89%", "high quality"}, "filled"},
	} {
		d, err := Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		text := numtext.Plain(d.Description)
		for _, want := range c.says {
			if !strings.Contains(text, want) {
				t.Errorf("%s's description %q does not say %q", c.preset, text, want)
			}
		}
		if strings.Contains(text, c.not) {
			t.Errorf("%s's description %q says %q", c.preset, text, c.not)
		}
	}
}
