package session

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// -record retrains the recorded runs the diagnosis tests replay:
//
//	go test ./session -run TestDiagnosisOfRecordedRuns -record
var record = flag.Bool("record", false, "retrain and rewrite the diagnosis tests' recorded runs")

// recording is a run as the diagnosis sees it: every epoch's stats, and
// the evaluations at some epochs. Replaying it needs no training, so the
// tests are fast under the race detector and on any machine.
type recording struct {
	Preset string
	Seed   uint64
	Set    [][2]string // --set key=value applied to the preset
	Stats  [][5]float32
	Evals  []recordedEval
}

type recordedEval struct {
	Epoch   int
	N       int
	KS      float64
	ZDep    float64
	Modes   []engine.ModeCoverage
	Covered int
}

// diagnosisCase is a recorded run and what the diagnosis must say of it:
// at each evaluated epoch, the findings that must hold and those that
// must not.
type diagnosisCase struct {
	name   string
	preset string
	seed   uint64
	set    [][2]string
	epochs int
	evalAt []int
	want   map[int][]FindingKind
	not    map[int][]FindingKind
}

var diagnosisCases = []diagnosisCase{
	{ // the blog's known failure: G freezes, D goes still at exactly ln 2
		name: "blog-original-seed3", preset: "blog-original", seed: 3, epochs: 3000, evalAt: []int{200, 3000},
		want: map[int][]FindingKind{3000: {NoiseIgnored, DStalled}},
		not:  map[int][]FindingKind{200: {DIndifferent, DStalled, Runaway}, 3000: {DWins, AtNoiseFloor, DIndifferent}},
	},
	{
		name: "blog-original-seed6", preset: "blog-original", seed: 6, epochs: 3000, evalAt: []int{3000},
		want: map[int][]FindingKind{3000: {NoiseIgnored, DStalled}},
	},
	{ // one-sided label smoothing: D's losses balance at 0.778 and 0.598, not ln 2
		name: "label-smoothing-seed1", preset: "label-smoothing", seed: 1, epochs: 10000, evalAt: []int{10000},
		want: map[int][]FindingKind{10000: {DIndifferent, AtNoiseFloor}},
		not:  map[int][]FindingKind{10000: {DStalled, DWins, Runaway}},
	},
	{ // one of two modes missing, from early on, and it stays missing
		name: "bimodal-seed4", preset: "bimodal", seed: 4, epochs: 2500, evalAt: []int{1000, 2500},
		want: map[int][]FindingKind{1000: {ModeDropped}, 2500: {ModeDropped}},
		not:  map[int][]FindingKind{2500: {ModesBlurred, AtNoiseFloor, Runaway}},
	},
	{ // feature matching's G loss starts near 200: not a runaway, not D winning
		name: "feature-matching-start", preset: "feature-matching", seed: 1, epochs: 1500, evalAt: []int{300, 1500},
		not: map[int][]FindingKind{300: {Runaway, DIndifferent}, 1500: {Runaway}},
	},
	{ // a per-sample GAN that learns N(4, 1.25) to the sampling-noise floor
		name: "vanilla-seed1", preset: "vanilla", seed: 1, epochs: 10000, evalAt: []int{10000},
		want: map[int][]FindingKind{10000: {AtNoiseFloor}},
		not:  map[int][]FindingKind{10000: {NoiseIgnored, DWins, DStalled, Runaway}},
	},
	{ // D far too fast for G: every sample driven out of range, no NaN
		name: "vanilla-runaway", preset: "vanilla", seed: 1, set: [][2]string{{"d_lr", "5"}, {"g_lr", "0.5"}}, epochs: 400, evalAt: []int{100},
		want: map[int][]FindingKind{400: {Runaway}},
	},
}

func (c diagnosisCase) config(t *testing.T) engine.Config {
	t.Helper()
	cfg, err := presets.Get(c.preset)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range c.set {
		if err := cfg.Set(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	return cfg
}

// train records the case's run by training it.
func (c diagnosisCase) train(t *testing.T) recording {
	s, err := New(Options{Config: c.config(t), Seed: c.seed})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	r := recording{Preset: c.preset, Seed: c.seed, Set: c.set}
	s.setState(Running)
	for s.gan.Epoch() < c.epochs && s.state == Running {
		st, err := s.gan.TrainEpoch()
		r.Stats = append(r.Stats, [5]float32{float32(st.DReal), float32(st.DFake), float32(st.G), float32(st.Mean), float32(st.Std)})
		if err != nil {
			break
		}
		if slices.Contains(c.evalAt, st.Epoch) {
			m, _ := s.gan.EvaluateUntil(DefaultSamples, engine.HistSpec{}, nil)
			r.Evals = append(r.Evals, recordedEval{Epoch: st.Epoch, N: m.N, KS: m.KS, ZDep: m.ZDep, Modes: m.Modes, Covered: m.ModesCovered})
		}
	}
	return r
}

// TestDiagnosisOfRecordedRuns replays recorded runs epoch by epoch through
// the session's watch and the diagnosis, and checks what it says where
// the run is known to be: frozen, missing a mode, at the noise floor, or
// run away.
func TestDiagnosisOfRecordedRuns(t *testing.T) {
	for _, c := range diagnosisCases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join("testdata", "diagnosis", c.name+".json")
			if *record {
				data, _ := json.Marshal(c.train(t))
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./session -run TestDiagnosisOfRecordedRuns -record makes it)", err)
			}
			var r recording
			if err := json.Unmarshal(data, &r); err != nil {
				t.Fatal(err)
			}
			cfg := c.config(t)
			w := watchOf(cfg)
			got := map[int][]FindingKind{}
			for i, v := range r.Stats {
				epoch := i + 1
				st := engine.EpochStats{Epoch: epoch, DReal: float64(v[0]), DFake: float64(v[1]), G: float64(v[2]), Mean: float64(v[3]), Std: float64(v[4])}
				if runaway := w.add(st); runaway != "" {
					got[epoch] = []FindingKind{Runaway}
					for _, k := range c.evalAt { // a runaway stands from then on
						if k >= epoch {
							got[k] = []FindingKind{Runaway}
						}
					}
					got[c.epochs] = []FindingKind{Runaway}
					t.Logf("runaway at epoch %d: %s", epoch, runaway)
					break
				}
				for _, e := range r.Evals {
					if e.Epoch != epoch {
						continue
					}
					ev := Eval{Epoch: epoch, KSFloor: engine.KSNoiseFloor(e.N), Metrics: engine.Metrics{N: e.N, KS: e.KS, ZDep: e.ZDep, Modes: e.Modes, ModesCovered: e.Covered}}
					for _, f := range diagnose(cfg, &w, &ev) {
						got[epoch] = append(got[epoch], f.Kind)
						t.Logf("epoch %d: %s (%s)", epoch, f.Text, f.Detail)
					}
				}
			}
			for epoch, kinds := range c.want {
				for _, k := range kinds {
					if !slices.Contains(got[epoch], k) {
						t.Errorf("epoch %d: finding %d missing; got %v", epoch, k, got[epoch])
					}
				}
			}
			for epoch, kinds := range c.not {
				for _, k := range kinds {
					if slices.Contains(got[epoch], k) {
						t.Errorf("epoch %d: finding %d should not hold; got %v", epoch, k, got[epoch])
					}
				}
			}
		})
	}
}

// TestUnboundedLossesDoNotRunAway: a Wasserstein critic's or a hinge
// loss's large values are no runaway, where a BCE loss held at its clamp
// is one; G's loss follows D's.
func TestUnboundedLossesDoNotRunAway(t *testing.T) {
	cfg := engine.Config{Loss: engine.LossWasserstein, GLoss: engine.GLossNonSaturating}
	if d, g := boundedLosses(cfg); d || g {
		t.Fatalf("wasserstein: bounded %v, %v; want neither", d, g)
	}
	cfg.Loss = engine.LossHinge
	if d, g := boundedLosses(cfg); d || g {
		t.Fatalf("hinge: bounded %v, %v; want neither", d, g)
	}
	cfg.Loss = engine.LossBCE
	if d, g := boundedLosses(cfg); !d || !g {
		t.Fatalf("bce: bounded %v, %v; want both", d, g)
	}
	if _, ok := EquilibriumOf(engine.Config{Loss: engine.LossWasserstein, RealLabel: 1}); ok {
		t.Error("the Wasserstein loss has an equilibrium value")
	}
	if _, ok := EquilibriumOf(engine.Config{Loss: engine.LossHinge, RealLabel: 1}); ok {
		t.Error("the hinge loss has an equilibrium value")
	}
	for _, bounded := range []bool{false, true} {
		w := watch{watchDesign: watchDesign{xlo: 0, xhi: 8, dBounded: bounded, gBounded: bounded}}
		ran := ""
		for e := 1; e <= 2*runawayEpochs && ran == ""; e++ {
			st := engine.EpochStats{Epoch: e, DReal: -150, DFake: 150, G: -150, Mean: 4, Std: 1}
			ran = w.add(st)
		}
		if (ran != "") != bounded {
			t.Errorf("bounded %v: runaway %q", bounded, ran)
		}
	}
}

// TestRunawayNamesTheStuckLoss: the saturation runaway names the loss that sat
// at its limit for the whole stretch, whichever loss happens to touch the limit
// on the last epoch, and says so when the losses took turns instead; a
// least-squares loss, which has no limit, is past the threshold. A loss near
// its limit is one at it: vanilla --set d_lr=10 (seed 1) has G's loss at 94 to
// 100 from epoch 6 on, D certain of nearly every sample and G dead, and runs
// away at epoch 201, not at 6,737, as a rule asking for 99 on 200 epochs in a
// row would have it.
func TestRunawayNamesTheStuckLoss(t *testing.T) {
	cases := []struct {
		name string
		loss func(e int) (dReal, dFake, g float64) // epoch e's losses
		want string
	}{
		{"d real stuck, g there at the end", func(e int) (float64, float64, float64) {
			g := 95.0
			if e%runawayEpochs == 0 {
				g = 100
			}
			return 100, 0.1, g
		}, "D's loss on real data stuck at 100, its limit, for 200 epochs"},
		{"g stuck, d fake there at the end", func(e int) (float64, float64, float64) {
			dFake := 3.0
			if e%runawayEpochs == 0 {
				dFake = 100
			}
			return 0.2, dFake, 100
		}, "G's loss stuck at 100, its limit, for 200 epochs"},
		{"g near its limit", func(e int) (float64, float64, float64) {
			return 0.15, 0.5, 100 - float64(e%7)
		}, "G's loss at 90 or more, near its limit of 100, for 200 epochs, at 96 now"},
		{"turns", func(e int) (float64, float64, float64) {
			if e%2 == 0 {
				return 100, 0.1, 5
			}
			return 0.1, 0.1, 100
		}, "D's loss on real data and G's loss took turns at or near their limit for 200 epochs"},
	}
	cases = append(cases, []struct {
		name string
		loss func(e int) (dReal, dFake, g float64)
		want string
	}{
		{"least squares: g past the threshold", func(e int) (float64, float64, float64) {
			return 0.2, 3, 6e7 + float64(e)
		}, "G's loss past 99 for 200 epochs, at 6.0000e7 now"},
		{"least squares: turns", func(e int) (float64, float64, float64) {
			if e%2 == 0 {
				return 500, 0.1, 5
			}
			return 0.1, 0.1, 500
		}, "D's loss on real data and G's loss took turns past 99 for 200 epochs"},
		// A critic's score run off far below 0 puts all three past the
		// line, and they are listed as a sentence lists three.
		{"least squares: three take turns", func(e int) (float64, float64, float64) {
			v := [3]float64{0.1, 0.1, 0.1}
			v[e%3] = 500
			return v[0], v[1], v[2]
		}, "D's loss on real data, D's loss on generated data and G's loss took turns past 99 for 200 epochs"},
	}...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := watch{watchDesign: watchDesign{xlo: 0, xhi: 8, dBounded: true, gBounded: true, unclamped: strings.HasPrefix(c.name, "least squares")}}
			for e := 1; e <= 10*runawayEpochs; e++ {
				dReal, dFake, g := c.loss(e)
				ran := w.add(engine.EpochStats{Epoch: e, DReal: dReal, DFake: dFake, G: g, Mean: 4, Std: 1})
				if ran == "" {
					continue
				}
				if e != runawayEpochs || ran != c.want {
					t.Errorf("runaway at epoch %d: %q; want epoch %d: %q", e, ran, runawayEpochs, c.want)
				}
				return
			}
			t.Fatal("no runaway")
		})
	}
}

// TestStalledEquilibrium: D's losses at ln 2 with the samples far from the
// target (KS over 0.5) is D that stopped learning, a problem, not the
// balance of D matched by G; both are one equilibrium episode, whose end
// is an event of its own.
func TestStalledEquilibrium(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	for e := 1; e <= lossWindow; e++ { // a learning D's losses move from batch to batch
		d := 0.01 * float64(e%3-1)
		w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2 + d, DFake: math.Ln2 - d, G: math.Ln2, Mean: 4, Std: 1})
	}
	kinds := func(ks float64) (out []FindingKind) {
		for _, f := range diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 1000, KS: ks, ZDep: 1}, KSFloor: 0.01}) {
			out = append(out, f.Kind)
		}
		return out
	}
	if got := kinds(0.3); !slices.Equal(got, []FindingKind{DIndifferent}) {
		t.Errorf("KS 0.3: %v, want D indifferent", got)
	}
	// Its terms are written together, which the ? page's wrapping keeps
	// on one line: "ln 2 each", "D(x) = ½", "ln 2 = 0.6931".
	if fs := diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 1000, KS: 0.3, ZDep: 1}, KSFloor: 0.01}); len(fs) != 1 ||
		!strings.Contains(fs[0].Text, "ln\u00a02\u00a0each, what D(x)\u00a0=\u00a0½ gives") || !strings.Contains(fs[0].Detail, "of ln\u00a02\u00a0=\u00a00.6931") {
		t.Errorf("D indifferent: %+v", fs)
	}
	if got := kinds(0.9); !slices.Equal(got, []FindingKind{DStalled}) {
		t.Errorf("KS 0.9: %v, want D stalled", got)
	}
	// A D that gives every sample ½ has its losses at exactly ln 2, epoch
	// after epoch: it has stopped learning whatever KS says.
	for e := lossWindow + 1; e <= 2*lossWindow; e++ {
		w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2, DFake: math.Ln2, G: math.Ln2, Mean: 4, Std: 1})
	}
	if got := kinds(0.3); !slices.Equal(got, []FindingKind{DStalled}) {
		t.Errorf("D still, KS 0.3: %v, want D stalled", got)
	}
	// Whether G has matched the target is the measures' to say, not a still
	// D's: the text does not say "G has not matched the target" at every KS,
	// the noise floor's too.
	for _, c := range []struct {
		ks  float64
		far bool
	}{{0.005, false}, {0.3, false}, {0.9, true}} {
		fs := diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 1000, KS: c.ks, ZDep: 1}, KSFloor: 0.01})
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == DStalled })
		if i < 0 {
			t.Errorf("D still, KS %g: %+v, want D stalled", c.ks, fs)
			continue
		}
		text, detail := numtext.Plain(fs[i].Text), numtext.Plain(fs[i].Detail)
		if says := strings.Contains(text, "G has not matched the target"); says != c.far || strings.Contains(detail, "over 0.5") != c.far {
			t.Errorf("D still, KS %g: %q — %q, want G's match said %v", c.ks, text, detail, c.far)
		}
	}

	// The stall is an episode of its own inside the equilibrium's: a run that
	// reaches the equilibrium and then stalls in it marks both (blog-original,
	// seed 1, 5,000 epochs, marks not only the equilibrium at 2,350 but the
	// stall it then sits in, at KS 0.89 to its end).
	var p episodes
	var events []string
	check := func(epoch int, fs ...Finding) {
		for _, e := range p.update(fs, nil, epoch, 100, &w) {
			events = append(events, fmt.Sprintf("%d %s: %s", e.Epoch, e.Kind, numtext.Plain(e.Detail)))
		}
	}
	check(100, Finding{Kind: DIndifferent, Detail: "at ln 2"})
	check(200, Finding{Kind: DStalled, Detail: "at ln 2, KS over 0.5"}) // the equilibrium's episode, which it confirms with the equilibrium's figures alone
	check(300, Finding{Kind: DStalled, Detail: "at ln 2, KS over 0.5"}) // and its own
	w.dReal, w.dFake, w.still = 0.9, 0.5, 0                             // D learning again, its losses far from ln 2
	for e := 400; e <= 400+100*settleChecks; e += 100 {
		check(e)
	}
	end := 300 + 100*settleChecks
	want := []string{"200 equilibrium: D's losses sit at their equilibrium: D real 0.693, D fake 0.693, averaged over about 100 epochs, within 0.03 of ln 2 = 0.6931", "300 d-stalled: D is stuck at its equilibrium: it has stopped learning",
		fmt.Sprintf("%d equilibrium-ended: D's losses have left ln 2", end),
		fmt.Sprintf("%d d-stall-ended: D is no longer stuck at its equilibrium: D's losses, averaged, are more than 0.06 from ln 2 = 0.6931 (D real 0.900, D fake 0.500, averaged over about 100 epochs)", end)}
	if len(events) != len(want) {
		t.Fatalf("events %q, want %q", events, want)
	}
	for i := range want {
		if !strings.HasPrefix(events[i], want[i]) {
			t.Errorf("event %d: %q, want it to begin %q", i, events[i], want[i])
		}
	}
}

// TestSlowGridIsNoStall: D at its equilibrium beside samples far from the
// target is a stall only while the checks do not bring G nearer it.
// grid-pacgan4-ema (seed 3, GOEXPERIMENT=simd) holds D at ln 2 from epoch
// 1,350, its high-quality share climbing from 2% to 22% by epoch 16,650 as one
// mode after another is covered, its SW1 flat from 8,100 to 18,000, and is not
// told "D is stuck at its equilibrium" from 1,350 to 20,700. These are its
// checks, every 450 epochs, whose plateau window is 9,000 epochs. Its start,
// before the checks span the window, is a stall, and the same checks with the
// share held at 2% stall too: on SW1 alone it is flat.
func TestSlowGridIsNoStall(t *testing.T) {
	cfg, err := presets.Get("grid-pacgan4-ema")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ epoch, sw1, hq float64 }{
		{450, 0.3746, 0.0148}, {900, 0.2836, 0.018}, {1350, 0.2309, 0.022}, {1800, 0.2310, 0.0132}, {2250, 0.2240, 0.0124},
		{2700, 0.2184, 0.0148}, {3150, 0.2013, 0.0248}, {3600, 0.2031, 0.0188}, {4050, 0.2257, 0.0268}, {4500, 0.1953, 0.0268},
		{4950, 0.1835, 0.0272}, {5400, 0.1773, 0.044}, {5850, 0.1733, 0.0392}, {6300, 0.2229, 0.0416}, {6750, 0.1820, 0.0532},
		{7200, 0.1717, 0.0524}, {7650, 0.1755, 0.0628}, {8100, 0.1851, 0.062}, {8550, 0.1772, 0.0684}, {9000, 0.1657, 0.0828},
		{9450, 0.1637, 0.0856}, {9900, 0.1709, 0.0964}, {10350, 0.1779, 0.0928}, {10800, 0.1739, 0.0992}, {11250, 0.1803, 0.0996},
		{11700, 0.1845, 0.1168}, {12150, 0.1734, 0.1244}, {12600, 0.1769, 0.1176}, {13050, 0.1698, 0.1212}, {13500, 0.1672, 0.13},
		{13950, 0.1666, 0.1348}, {14400, 0.1636, 0.1548}, {14850, 0.1621, 0.1956}, {15300, 0.1790, 0.1884}, {15750, 0.1890, 0.1896},
		{16200, 0.1902, 0.1888}, {16650, 0.1802, 0.2168},
	}
	var spots []engine.SpotShare
	for i := range 25 { // grid(5,2,0.05), mode 11 missed
		x, y := float64(2*(i/5)-4), float64(2*(i%5)-4)
		spots = append(spots, engine.SpotShare{Spot: engine.Spot{X: x, Y: y, Std: 0.05, Weight: 0.04}, Captured: i != 10, Expected: 0.04})
	}
	kinds := func(upTo int, held bool) (out []FindingKind, ended string) {
		w := watchOf(cfg)
		w.ylo, w.yhi = -6, 6
		w.seen, w.dReal, w.dFake = lossWindow, 0.6878, 0.6885 // its equilibrium's event at epoch 1,350
		var pts []EvalPoint
		for _, c := range checks[:upTo] {
			hq := c.hq
			if held {
				hq = 0.022
			}
			pts = append(pts, EvalPoint{Epoch: int(c.epoch), SW1: c.sw1, HQ: hq})
		}
		w.follow(pts, 450)
		last := pts[len(pts)-1]
		e := &Eval{Epoch: last.Epoch, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{StdX: 2.8, StdY: 2.8, Spots: spots, HighQuality: last.HQ, SW1: last.SW1, SW1Floor: 0.066}}}
		for _, f := range diagnose(cfg, &w, e) {
			out = append(out, f.Kind)
		}
		return out, numtext.Plain(stallEnded(&w, e, &episodes{}))
	}
	if got, _ := kinds(3, false); !slices.Contains(got, DStalled) {
		t.Errorf("epoch 1,350, HQ 2%%, the checks short of the window: %v, want D stalled", got)
	}
	got, ended := kinds(len(checks), false)
	if slices.Contains(got, DStalled) || !slices.Contains(got, DIndifferent) {
		t.Errorf("epoch 16,650, HQ 5%% to 22%%, SW1 flat: %v, want D at its equilibrium, no stall", got)
	}
	if want := "D is no longer stuck at its equilibrium: G gains on the target, the best of the last 9,000 epochs' checks HQ 22%, SW1 0.162, the best before them HQ 5%, SW1 0.172"; ended != want {
		t.Errorf("the stall's end: %q, want %q", ended, want)
	}
	if got, _ := kinds(len(checks), true); !slices.Contains(got, DStalled) {
		t.Errorf("epoch 16,650, HQ held at 2%%, SW1 flat: %v, want D stalled", got)
	}
}

// TestStallEndSaysWhatChanged: a stall of samples far from the target ends
// where D's averaged losses move past the equilibrium's tolerance, inside the
// line its episode lingers to, and says so: grid (seed 1), ending its stall at
// epoch 1,710, does not say only "D's losses move from epoch to epoch", which
// they had all along. The losses of a still D moving again are not said beside
// a reason that ends any stall, nor where they had not been still in the stall.
func TestStallEndSaysWhatChanged(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	far := &Eval{Metrics: engine.Metrics{N: 1000, KS: 0.9, ZDep: 1}, KSFloor: 0.01}
	for _, c := range []struct {
		off    float64 // D's averaged losses above ln 2
		e      *Eval
		stillD bool // D's losses still in the stall
		want   string
	}{
		{0.045, far, true, "D is no longer stuck at its equilibrium: D's losses, averaged, are more than 0.03 from ln 2 = 0.6931, short of the 0.06 that ends its equilibrium (D real 0.738, D fake 0.738, averaged over about 100 epochs)"},
		{0.1, far, true, "D is no longer stuck at its equilibrium: D's losses, averaged, are more than 0.06 from ln 2 = 0.6931 (D real 0.793, D fake 0.793, averaged over about 100 epochs)"},
		{0.01, far, true, "D is no longer stuck at its equilibrium: D's losses move from epoch to epoch"}, // a still D's stall
		{0.01, far, false, "D is no longer stuck at its equilibrium"}, // a learning D's
	} {
		w := watchOf(cfg)
		w.seen = lossWindow
		w.dReal, w.dFake = math.Ln2+c.off, math.Ln2+c.off
		if got := numtext.Plain(stallEnded(&w, c.e, &episodes{stillD: c.stillD})); got != c.want {
			t.Errorf("losses %g off ln 2: %q, want %q", c.off, got, c.want)
		}
	}
	// Under the hinge loss the equilibrium is the losses' sum, 2, which
	// the end names as what moved: each loss, 1.05, is far from 2, where
	// their sum is 0.1 from it.
	hinge, err := presets.Get("hinge")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(hinge)
	w.seen = lossWindow
	w.dReal, w.dFake = 1.05, 1.05
	want := "D is no longer stuck at its equilibrium: the sum of D's losses, averaged, is more than 0.06 from 2, short of the 0.12 that ends its equilibrium (D real 1.050, D fake 1.050, averaged over about 100 epochs)"
	if got := numtext.Plain(stallEnded(&w, far, &episodes{})); got != want {
		t.Errorf("hinge, losses 1.05 each: %q, want %q", got, want)
	}
}

// TestStallEndLeavesTheEquilibriumToItsEvent: a stall ends settle checks after
// D's averaged losses pass the equilibrium's tolerance, the equilibrium settle
// checks after they pass the line its episode lingers to, which may be a check
// later; the stall's end says how far the losses are, and the equilibrium's end
// is its own event's to say. devnag-moments (seed 2, --every 50) does not end
// its stall at epoch 850 with "D has left its equilibrium", the equilibrium's
// end coming at 900, which would have D leave its equilibrium twice, or before
// it had. These are its checks: D at ln 2 with KS over 0.5 to epoch 600, its
// averaged losses between the two lines at 650 and past the outer one from 700.
func TestStallEndLeavesTheEquilibriumToItsEvent(t *testing.T) {
	cfg, err := presets.Get("devnag-moments")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	w.seen = lossWindow
	var p episodes
	var events []string
	check := func(epoch int, off float64, fs ...Finding) {
		w.dReal, w.dFake = math.Ln2-off, math.Ln2-off
		for _, e := range p.update(fs, nil, epoch, 50, &w) {
			events = append(events, fmt.Sprintf("%d %s: %s", e.Epoch, e.Kind, numtext.Plain(e.Detail)))
		}
	}
	stall := Finding{Kind: DStalled, Detail: "D is stuck at its equilibrium: KS 0.767, over 0.5"}
	for epoch := 500; epoch <= 600; epoch += 50 {
		check(epoch, 0.01, stall)
	}
	check(650, 0.045) // off by more than the tolerance, short of twice it: the equilibrium's episode lingers
	for epoch := 700; epoch <= 900; epoch += 50 {
		check(epoch, 0.3)
	}
	want := []string{
		"550 equilibrium: D's losses sit at their equilibrium: D real 0.683, D fake 0.683, averaged over about 100 epochs, within 0.03 of ln 2 = 0.6931",
		"550 d-stalled: D is stuck at its equilibrium: KS 0.767, over 0.5",
		"850 d-stall-ended: D is no longer stuck at its equilibrium: D's losses, averaged, are more than 0.06 from ln 2 = 0.6931 (D real 0.393, D fake 0.393, averaged over about 100 epochs)",
		"900 equilibrium-ended: D's losses have left ln 2: D scores real data over ½ and generated data under it (D real 0.393, D fake 0.393, averaged over about 100 epochs)",
	}
	if !slices.Equal(events, want) {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(events, "\n"), strings.Join(want, "\n"))
	}
}

// TestStallEndSaysLossesMoveOnlyIfStill: a stall ends saying D's losses move
// only where they had been still in it: moons (seed 2) does not end its stall
// of samples far from the target, D learning all along, at epoch 2,200 with
// "SW1 0.037, 0.109 or under …; D's losses move from epoch to epoch". A stall
// whose D stopped learning and learns again says so.
func TestStallEndSaysLossesMoveOnlyIfStill(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	for _, still := range []bool{false, true} {
		w := watchOf(cfg)
		var p episodes
		var ended []Event
		for e := 1; e <= 400; e++ {
			d := 0.1 * float64(e%3-1) // a learning D's losses move from batch to batch, about ln 2
			if still && e <= 120 {
				d = 0
			}
			w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2 + d, DFake: math.Ln2 - d, G: math.Ln2, Mean: 4, Std: 1})
			if e < 110 || e%10 != 0 {
				continue
			}
			ks := 0.9 // far until the stall has started, at 120, then near
			if e > 120 {
				ks = 0.01
			}
			ev := &Eval{Epoch: e, Metrics: engine.Metrics{N: 2000, KS: ks, ZDep: 1}, KSFloor: 0.03}
			for _, x := range p.update(diagnose(cfg, &w, ev), ev, e, 10, &w) {
				if x.Kind == EventStalled && x.Epoch != 120 {
					t.Fatalf("still %v: the stall starts at %d, want 120", still, x.Epoch)
				}
				if x.Kind == EventStallEnded {
					ended = append(ended, x)
				}
			}
		}
		if len(ended) != 1 {
			t.Fatalf("still %v: the stall's ends %+v, want one", still, ended)
		}
		got := numtext.Plain(ended[0].Detail)
		if says := strings.Contains(got, "D's losses move"); says != still || !strings.Contains(got, "KS 0.010, 0.5 or under") {
			t.Errorf("still %v: the stall's end %q, saying D's losses move %v", still, got, says)
		}
	}
}

// TestStallAtOnceReadsAsItsOwn: a run whose D stalls as it reaches its
// equilibrium starts both episodes at one check, and the two events say two
// things: the equilibrium's where D's losses sit, the stall's what makes it
// one, D stopped learning or the samples far from the target. They do not give
// the stall's finding's detail, one text twice, and the equilibrium's gives no
// stall figures after its own (… of ln 2 = 0.6931; KS 0.900, over 0.5), as an
// equilibrium reached before its stall gives none.
func TestStallAtOnceReadsAsItsOwn(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ks     float64
		still  bool // D's losses at ln 2 from the first epoch, still for lossWindow by the check
		want   string
		wantEq string
	}{
		{0.9, false, "D is stuck at its equilibrium: KS 0.900, over 0.5", "D's losses sit at their equilibrium: D real 0.693, D fake 0.693, averaged over about 100 epochs, within 0.03 of ln 2 = 0.6931"},
		{0.9, true, "D is stuck at its equilibrium: it has stopped learning, each epoch's D losses within 0.0001 of it for 100 in a row, and within 0.06 on each of the 20 epochs since; KS 0.900, over 0.5", "D's losses sit at their equilibrium: D real 0.693, D fake 0.693, averaged over about 100 epochs, within 0.03 of ln 2 = 0.6931"},
		{0.3, true, "D is stuck at its equilibrium: it has stopped learning, each epoch's D losses within 0.0001 of it for 100 in a row, and within 0.06 on each of the 20 epochs since", "D's losses sit at their equilibrium: D real 0.693, D fake 0.693, averaged over about 100 epochs, within 0.03 of ln 2 = 0.6931"},
	} {
		w := watchOf(cfg)
		var p episodes
		var events []Event
		for e := 1; e <= 120; e++ {
			d := 0.0
			if !c.still { // a learning D's losses move from batch to batch, about ln 2
				d = 0.01 * float64(e%3-1)
			}
			w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2 + d, DFake: math.Ln2 - d, G: math.Ln2, Mean: 4, Std: 1})
			if e < 110 || e%10 != 0 {
				continue // the checks at 110 and 120: the first confirmed at the second
			}
			ev := &Eval{Epoch: e, Metrics: engine.Metrics{N: 2000, KS: c.ks, ZDep: 1}, KSFloor: 0.03}
			events = append(events, p.update(diagnose(cfg, &w, ev), ev, e, 10, &w)...)
		}
		if len(events) != 2 || events[0].Kind != EventEquilibrium || events[1].Kind != EventStalled || events[0].Epoch != 120 || events[1].Epoch != 120 {
			t.Fatalf("KS %g, still %v: events %+v, want the equilibrium and the stall at 120", c.ks, c.still, events)
		}
		eq, stall := numtext.Plain(events[0].Detail), numtext.Plain(events[1].Detail)
		if stall != c.want {
			t.Errorf("KS %g, still %v: the stall's detail %q, want %q", c.ks, c.still, stall, c.want)
		}
		if eq != c.wantEq {
			t.Errorf("KS %g, still %v: the equilibrium's detail %q, want %q: where D sits, the stall's figures left to its own event (%q)", c.ks, c.still, eq, c.wantEq, stall)
		}
	}
}

// TestEquilibriumEndSaysWhereDWent: the end of an equilibrium says which way
// D's averaged losses left it, as what D's scores do, from the values at the
// end, not "D tells real from fake again" whatever they are, which would be
// said after D's losses swung to (0.08, 1.52) and (1.59, 0.23), D scoring every
// sample high, then every one low; blog-original (seed 1) leaves it at epoch
// 1,550 with D real 0.6847, D fake 0.5095.
func TestEquilibriumEndSaysWhereDWent(t *testing.T) {
	for _, c := range []struct {
		preset       string
		dReal, dFake float64
		want         string
	}{
		{"vanilla", 0.6215, 0.6008, "left ln\u00a02: D scores real data over ½ and generated data under it (D\u00a0real\u00a00.622, D\u00a0fake\u00a00.601, averaged"},
		{"vanilla", 0.6215, 0.6408, "left ln\u00a02: D scores real data over ½, generated data still about it"}, // 0.6408 within the 0.06 the episode ends at
		{"vanilla", 0.6847, 0.5095, "left ln\u00a02: D scores generated data under ½, real data still about it"},
		{"vanilla", 0.5, 0.8, "D scores real and generated data alike over ½"},
		{"vanilla", 0.8, 0.5, "D scores real and generated data alike under ½"},
		{"vanilla", 0.8, 0.8, "D scores real data under ½ and generated data over it"},
		{"lsgan", 0.125, 0.2, "left ⅛: D scores generated data over ½, real data still about it"},
		{"label-smoothing", 0.7, 0.6, "left their balance (0.7784 and 0.5978): D scores real data over 0.45, generated data still about it"},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		w := watchOf(cfg)
		for e := 1; e <= lossWindow; e++ { // at the equilibrium, then the losses of the case
			w.add(engine.EpochStats{Epoch: e, DReal: w.eq.DReal, DFake: w.eq.DFake, G: 1})
		}
		var p episodes
		begin(&p, DIndifferent, lossWindow, 100, &w)
		w.dReal, w.dFake, w.still = c.dReal, c.dFake, 0 // D learning, no longer still
		var ended []Event
		for i := 1; i <= settleChecks; i++ {
			ended = p.update(nil, nil, lossWindow+100*i, 100, &w)
		}
		if len(ended) != 1 || ended[0].Kind != EventEquilibriumEnded {
			t.Fatalf("%s at (%g, %g): events %+v, want the equilibrium's end", c.preset, c.dReal, c.dFake, ended)
		}
		if got := ended[0].Detail; !strings.Contains(got, c.want) || strings.Contains(got, "tells real from fake") {
			t.Errorf("%s at (%g, %g): %q, want %q", c.preset, c.dReal, c.dFake, got, c.want)
		}
	}
}

// TestEquilibriumOfLabelSmoothing: with real label α the best D gives
// every sample α/2 at the equilibrium (Salimans et al. 2016, §3.4), so
// D's BCE losses there are −α ln(α/2) − (1−α) ln(1−α/2) and −ln(1−α/2),
// not ln 2; at α = 1 both are ln 2, least squares' ⅛.
func TestEquilibriumOfLabelSmoothing(t *testing.T) {
	for _, c := range []struct {
		loss                engine.Loss
		gloss               engine.GLoss
		alpha               float64
		dReal, dFake, g, at float64
		label               string
	}{
		{engine.LossBCE, engine.GLossNonSaturating, 1, math.Ln2, math.Ln2, math.Ln2, 0.5, "ln 2"},
		{engine.LossBCE, engine.GLossMinimax, 1, math.Ln2, math.Ln2, -math.Ln2, 0.5, "ln 2"},
		{engine.LossBCE, engine.GLossNonSaturating, 0.9, 0.778441, 0.597837, 0.798508, 0.45, ""},
		{engine.LossLeastSquares, engine.GLossNonSaturating, 1, 0.125, 0.125, 0.125, 0.5, "⅛"},
		{engine.LossLeastSquares, engine.GLossNonSaturating, 0.9, 0.10125, 0.10125, 0.151250, 0.45, ""},
	} {
		e, ok := EquilibriumOf(engine.Config{Loss: c.loss, GLoss: c.gloss, RealLabel: c.alpha})
		near := func(a, b float64) bool { return math.Abs(a-b) < 1e-6 }
		if !ok || !near(e.DReal, c.dReal) || !near(e.DFake, c.dFake) || !near(e.G, c.g) || e.D != c.at || e.Label != c.label {
			t.Errorf("%s %s α=%g: %+v, want D real %g, D fake %g, G %g at D(x) = %g %q", c.loss, c.gloss, c.alpha, e, c.dReal, c.dFake, c.g, c.at, c.label)
		}
	}
}

// TestPlaneDiagnosis: in two dimensions, modes missing from a cloud of
// samples between them are not mode collapse, which is reserved for
// samples on some modes and none on others; no mode reached is said as
// such; and D at its equilibrium with few samples of high quality has
// stopped learning, as a KS over 0.5 says in one dimension.
func TestPlaneDiagnosis(t *testing.T) {
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	spots := func(captured ...bool) []engine.SpotShare {
		var out []engine.SpotShare
		for i, c := range captured { // a ring of radius 2: spread √2
			a := 2 * math.Pi * float64(i) / float64(len(captured))
			out = append(out, engine.SpotShare{Spot: engine.Spot{X: 2 * math.Cos(a), Y: 2 * math.Sin(a), Std: 0.02, Weight: 0.125}, Captured: c, Expected: 0.125})
		}
		return out
	}
	std := 1.4              // the samples' spread, on each axis
	epoch := collapseEpochs // G's training so far
	text := func(w *watch, hq float64, captured ...bool) (kinds []FindingKind, texts string) {
		pm := &engine.PlaneMetrics{StdX: std, StdY: std, Spots: spots(captured...), HighQuality: hq, SW1: 1, SW1Floor: 0.03}
		for _, f := range diagnose(cfg, w, &Eval{Epoch: epoch, Metrics: engine.Metrics{N: 2500, Plane: pm}}) {
			kinds, texts = append(kinds, f.Kind), texts+f.Text+"\n"
		}
		return kinds, texts
	}
	w := watchOf(cfg)
	if _, got := text(&w, 0.004, true, true, true, true, true, false, false, false); !strings.Contains(got, "3 of 8 modes missing: G's samples spread wide about the target's centre, many of them on no mode") {
		t.Errorf("samples spread wide about the centre: %q", got)
	}
	if _, got := text(&w, 0.95, true, true, true, true, true, false, false, false); !strings.Contains(got, "3 of 8 modes missing: mode collapse") {
		t.Errorf("samples on five modes of eight: %q", got)
	}
	std = 0.35 // a clump beside a mode, off every mode's 3σ: one small cloud, not a cloud over the modes nor collapse onto one
	if _, got := text(&w, 0.01, false, false, false, true, false, false, false, false); !strings.Contains(got, "7 of 8 modes missing: G's samples gather in one small cloud") {
		t.Errorf("a tight clump: %q", got)
	}
	// The same clump before G has trained is an untrained G's (grid's sits on
	// its centre mode at epoch 0), not a collapse, which is what training does;
	// the diagnosis does not call it "mode collapse".
	for _, epoch = range []int{0, collapseEpochs - 1} {
		if _, got := text(&w, 0.01, false, false, false, true, false, false, false, false); !strings.Contains(got, "7 of 8 modes not yet captured") || strings.Contains(got, "collapse") {
			t.Errorf("a tight clump at epoch %d: %q, want the modes not yet captured", epoch, got)
		}
	}
	epoch = collapseEpochs
	std = 1.4
	if _, got := text(&w, 0, false, false, false, false, false, false, false, false); !strings.Contains(got, "on none of the 8 modes") || strings.Contains(got, "collapse") {
		t.Errorf("no mode reached: %q", got)
	}
	for e := 1; e <= lossWindow; e++ { // D at ln 2, learning
		d := 0.01 * float64(e%3-1)
		w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2 + d, DFake: math.Ln2 - d, G: math.Ln2})
	}
	if kinds, got := text(&w, 0.1, true, true, true, true, true, true, true, true); !slices.Contains(kinds, DStalled) {
		t.Errorf("D at ln 2 with 10%% of high quality: %v %q", kinds, got)
	} else if strings.Contains(got, "stopped learning") || !strings.Contains(got, "SW1 still falling (the high-quality share rising) means a slow run, SW1 flat a stalled one") {
		// Far is not stopped: grid-pacgan4-ema is here for 16,000 epochs on its
		// way to all 25 modes, and is not to be told D stopped learning.
		t.Errorf("D at ln 2 with 10%% of high quality: %q; want what tells a slow run from a stalled one", got)
	}
	if kinds, got := text(&w, 0.9, true, true, true, true, true, true, true, true); !slices.Contains(kinds, DIndifferent) {
		t.Errorf("D at ln 2 with 90%% of high quality: %v %q", kinds, got)
	}
}

// TestStallWithoutModesReadsSW1: on a plane without modes (moons), which has no
// high-quality share, D at its equilibrium is a stall when SW1 is over
// stalledSW1 times its floor, and the screen's note (Far) and the stall's end
// read the same line, and say what it is, 7× SW1's floor: D at ln 2 is not
// given its ✓ "D can no longer tell" whatever SW1 is, a G that is far is said
// to be, and the line, "over 0.1050", is no figure with nothing to tie it to
// the Quality panel's floor.
func TestStallWithoutModesReadsSW1(t *testing.T) {
	w, find := moonsAtEquilibrium(t)
	eval := func(sw1 float64) *Eval {
		return &Eval{Epoch: 1000, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{StdX: 0.8, StdY: 0.5, SW1: sw1, SW1Floor: 0.015}}}
	}
	noise := EvalPoint{SW1: w.sw1Noise}
	far := eval(0.3) // 20× the floor: moons at its equilibrium's start
	kinds, got := find(far)
	if !slices.Contains(kinds, DStalled) || slices.Contains(kinds, DIndifferent) {
		t.Errorf("D at ln 2, SW1 20× its floor: %v %q, want the samples far from the target", kinds, got)
	}
	for _, want := range []string{"yet the samples are far from the target", "SW1 0.300, over 0.105 (7× the 0.015 of a sample of the target itself)", "SW1 still falling means a slow run, SW1 flat a stalled one"} {
		if !strings.Contains(got, want) {
			t.Errorf("D at ln 2, SW1 20× its floor: %q, want %q", got, want)
		}
	}
	if strings.Contains(got, "high-quality") {
		t.Errorf("D at ln 2 on a target without modes: %q names a high-quality share it has none of", got)
	}
	if isFar, why := far.Far(noise); !isFar || !strings.Contains(numtext.Plain(why), "SW1 0.300") {
		t.Errorf("Far at SW1 20× its floor: %v %q", isFar, why)
	}
	near := eval(0.045) // 3× the floor: moons trained
	if kinds, got := find(near); !slices.Contains(kinds, DIndifferent) || slices.Contains(kinds, DStalled) {
		t.Errorf("D at ln 2, SW1 3× its floor: %v %q, want D's equilibrium", kinds, got)
	}
	if isFar, why := near.Far(noise); isFar {
		t.Errorf("Far at SW1 3× its floor: %q", why)
	}
	if got, want := numtext.Plain(stallEnded(w, near, &episodes{})), "SW1 0.045, 0.105 or under (7× the 0.015 of a sample of the target itself)"; !strings.Contains(got, want) {
		t.Errorf("the stall's end: %q, want %q", got, want)
	}
}

// moonsAtEquilibrium returns the watch of a moons run with D at ln 2,
// still learning, its SW1 floor at a check's size 0.015 (moons'), and a
// diagnosis of an evaluation with it: kinds and texts, each finding's
// text and detail a line.
func moonsAtEquilibrium(t *testing.T) (*watch, func(*Eval) ([]FindingKind, string)) {
	t.Helper()
	cfg, err := presets.Get("moons")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	w.xlo, w.xhi, w.ylo, w.yhi, w.sw1Noise = -2, 2, -2, 2, 0.015 // a plane's watch (newWatch)
	for e := 1; e <= lossWindow; e++ {                           // D at ln 2, learning
		d := 0.01 * float64(e%3-1)
		w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2 + d, DFake: math.Ln2 - d, G: math.Ln2})
	}
	return &w, func(e *Eval) (kinds []FindingKind, texts string) {
		for _, f := range diagnose(cfg, &w, e) {
			kinds, texts = append(kinds, f.Kind), texts+numtext.Plain(f.Text+" ("+f.Detail+")\n")
		}
		return kinds, texts
	}
}

// TestFarWhateverTheSampleSize: G far from a target without modes is judged on
// SW1's floor at a check's size, not at the evaluation's own: the same SW1 is
// far or near alike at --samples 2,500 and 100,000, in the screen's note (Far),
// the d-stalled finding and the stall's end. The floor at 100,000 samples is
// under half a check's (moons, seed 1: 0.0059 against 0.0145), and SW1 4× a
// check's floor, a trained moons, is not far for being 10× the evaluation's
// own.
func TestFarWhateverTheSampleSize(t *testing.T) {
	w, find := moonsAtEquilibrium(t)
	noise := EvalPoint{SW1: w.sw1Noise}
	for _, sw1 := range []float64{0.06, 0.3} { // a trained moons; one at its equilibrium's start
		var verdicts []string
		for _, at := range []struct {
			n     int
			floor float64
		}{{2500, 0.015}, {100_000, 0.006}} {
			e := &Eval{Epoch: 5000, Metrics: engine.Metrics{N: at.n, Plane: &engine.PlaneMetrics{StdX: 0.8, StdY: 0.5, SW1: sw1, SW1Floor: at.floor}}}
			kinds, _ := find(e)
			far, why := e.Far(noise)
			verdicts = append(verdicts, fmt.Sprintf("stalled %v, equilibrium %v, far %v (%s); %s", slices.Contains(kinds, DStalled), slices.Contains(kinds, DIndifferent), far, numtext.Plain(why), numtext.Plain(stallEnded(w, e, &episodes{}))))
		}
		if verdicts[0] != verdicts[1] {
			t.Errorf("SW1 %g at 2,500 samples: %s\nat 100,000: %s", sw1, verdicts[0], verdicts[1])
		}
		if far := strings.HasPrefix(verdicts[0], "stalled true"); far != (sw1 > 7*0.015) {
			t.Errorf("SW1 %g, a check's floor 0.015: %s", sw1, verdicts[0])
		}
	}
}

// TestNotNear: G not far from a one-dimensional target (KS 0.5 or under) is
// not near it with a KS over 3× the 95% bound of a check's 2,000 samples,
// 0.091 (NotNear), the line the plateau and D's equilibrium call far by,
// said with what that line is and what a sample of the target itself
// stays under at the evaluation's size: bimodal (seed 2) ends with both
// modes covered at KS 0.185 and was told "Going well" under a line of
// 0.25. A KS at or under the line (vanilla's seeds, 0.010 to 0.027), a
// far G, which Far says, and a plane are not. An evaluation of fewer
// samples than a check's is read on its own bound, which is higher.
func TestNotNear(t *testing.T) {
	const line = "3× the 95% bound 0.030 of 2,000 samples; a sample of the target itself reads under 0.014"
	for _, c := range []struct {
		ks   float64
		n    int
		want string
	}{
		{0.374, 10000, "KS 0.374, over 0.091 · " + line},
		{0.224, 10000, "KS 0.224, over 0.091 · " + line},
		{0.185, 10000, "KS 0.185, over 0.091 · " + line},
		{0.0912, 10000, "KS 0.0912, over 0.0911 · " + line},
		{0.5, 10000, "KS 0.500, over 0.091 · " + line},
		{0.091, 10000, ""},
		{0.027, 10000, ""},
		{0.5004, 10000, ""}, // far
		{0.2, 2000, "KS 0.200, over 0.091 · 3× the 95% bound 0.030 of 2,000 samples"},
		{0.3, 100, ""}, // 3× the 95% bound of 100 samples is 0.407
		{0.45, 100, "KS 0.450, over 0.407 · 3× the 95% bound 0.136 of 100 samples"},
	} {
		e := Eval{Epoch: 3000, Metrics: engine.Metrics{N: c.n, KS: c.ks}, KSFloor: engine.KSNoiseFloor(c.n)}
		got := ""
		if notNear, why, floor := e.NotNear(EvalPoint{}); notNear {
			got = numtext.Plain(why) + " · " + numtext.Plain(floor)
		}
		if got != c.want {
			t.Errorf("KS %g of %d samples: NotNear says %q, want %q", c.ks, c.n, got, c.want)
		}
	}
	e := Eval{Epoch: 3000, Metrics: engine.Metrics{N: 2500, KS: 0.374, Plane: &engine.PlaneMetrics{SW1: 0.06, SW1Floor: 0.015}}} // a KS no plane has, to be read past
	if notNear, why, _ := e.NotNear(EvalPoint{SW1: 0.015}); notNear {
		t.Errorf("a plane: NotNear says %q", why)
	}
}

// TestNotNearOnAPlane: on a plane of modes, every mode captured and the
// samples on them (no finding), G is not near the target with its sliced
// W1 over 7 times its floor at a check's size, the line that calls a
// plane without modes far: a ring whose mass sits on some of its modes,
// the others holding a sample in 2,500, read "Going well". Under it are
// the worst SW1 of the presets that meet their goals (ring-pacgan 0.101
// on the ring's floor 0.031, grid-pacgan 0.429 on the grid's 0.067); on a
// plane without modes (moons) the line is the far one, and nothing is
// between.
func TestNotNearOnAPlane(t *testing.T) {
	modes := func(k int) []engine.SpotShare { return make([]engine.SpotShare, k) }
	for _, c := range []struct {
		spots int
		sw1   float64
		floor float64
		want  string
	}{
		{8, 0.300, 0.031, "SW1 0.300, over 0.217 · 7× the 0.031 of a sample of the target itself"},
		{8, 0.209, 0.031, ""},  // the plain ring's median, just under
		{8, 0.101, 0.031, ""},  // ring-pacgan's worst
		{25, 0.429, 0.067, ""}, // grid-pacgan's worst
		{25, 0.711, 0.067, "SW1 0.711, over 0.469 · 7× the 0.067 of a sample of the target itself"},
		{0, 0.090, 0.016, ""}, // moons: 5.6×, near its far line, which Far says past
		{8, 0.300, 0, ""},     // no floor measured
	} {
		e := Eval{Epoch: 20000, Metrics: engine.Metrics{N: 10000, Plane: &engine.PlaneMetrics{Spots: modes(c.spots), HighQuality: 0.9, SW1: c.sw1}}}
		got := ""
		if notNear, why, floor := e.NotNear(EvalPoint{SW1: c.floor}); notNear {
			got = numtext.Plain(why) + " · " + floor
		}
		if got != c.want {
			t.Errorf("%d modes, SW1 %g on a floor of %g: NotNear says %q, want %q", c.spots, c.sw1, c.floor, got, c.want)
		}
	}
}

// TestFarNoteNamesHQ: on a plane of modes the screen's note that G is far
// (Far) names the high-quality share HQ, as the screen's Quality panel
// does, to keep its one line at 80 columns, and the stall's detail, with
// more room, keeps the words.
func TestFarNoteNamesHQ(t *testing.T) {
	e := Eval{Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{Spots: make([]engine.SpotShare, 8), HighQuality: 0.1}}}
	if far, why := e.Far(EvalPoint{}); !far || numtext.Plain(why) != "HQ 10%, under 25%" {
		t.Errorf("Far at 10%% high quality: %v %q, want HQ 10%%, under 25%%", far, why)
	}
	var w watch
	if got, want := stallStarted(&w, &e, Finding{}), "D is stuck at its equilibrium: 10% of the samples of high quality, under 25%"; got != want {
		t.Errorf("the stall's start: %q, want %q", got, want)
	}
}

// grid15000 is grid's check at epoch 15,000 (seed 1): its samples ring the
// grid's outer square, on its corners and along its edges, the inside all but
// empty, 8 of its 25 modes missing and 41% of its samples on no mode, their
// spread 3.42 against the grid's 2.83, their mean at (0.04, -0.1).
func grid15000() *engine.PlaneMetrics {
	missing := []int{5, 10, 11, 13, 14, 15, 18, 19} // modes 6, 11, 12, 14, 15, 16, 19 and 20
	pm := &engine.PlaneMetrics{MeanX: 0.0407, MeanY: -0.0952, StdX: 3.7258, StdY: 3.0832, HighQuality: 0.592, SW1: 0.7074, SW1Floor: 0.0659}
	for i := range 25 { // grid(5,2,0.05), column by column from (-4, -4)
		pm.Spots = append(pm.Spots, engine.SpotShare{Spot: engine.Spot{X: float64(2*(i/5) - 4), Y: float64(2*(i%5) - 4), Std: 0.05, Weight: 0.04}, Captured: !slices.Contains(missing, i), Expected: 0.04})
	}
	return pm
}

// ringAllCaptured is a check of ring(8,2,0.02) with every mode captured, 90%
// of the samples of high quality, at sliced W1 sw1 beside its floor.
func ringAllCaptured(sw1, floor float64) *engine.PlaneMetrics {
	pm := &engine.PlaneMetrics{StdX: 1.41, StdY: 1.41, HighQuality: 0.9, SW1: sw1, SW1Floor: floor}
	for i := range 8 {
		a := 2 * math.Pi * float64(i) / 8
		pm.Spots = append(pm.Spots, engine.SpotShare{Spot: engine.Spot{X: 2 * math.Cos(a), Y: 2 * math.Sin(a), Std: 0.02, Weight: 0.125}, Captured: true, Expected: 0.125})
	}
	return pm
}

// TestBlobToOneSideIsNoCloud: samples off the modes as wide as a cloud over
// them, but to one side of the target, are not "spread wide about the
// target's centre": ring-mbd
// (seed 1) at epoch 149 has 99.6% of its samples on no mode in one blob to the
// bottom right, its mean at (0.78, −2.02) and a third of it beyond the box, and
// is not called so for its width alone. The same samples centred on the ring
// are.
func TestBlobToOneSideIsNoCloud(t *testing.T) {
	cfg, err := presets.Get("ring-mbd")
	if err != nil {
		t.Fatal(err)
	}
	captured := []bool{true, false, false, false, false, false, true, true}
	var spots []engine.SpotShare
	for i, c := range captured { // ring(8,2,0.02)
		a := 2 * math.Pi * float64(i) / float64(len(captured))
		spots = append(spots, engine.SpotShare{Spot: engine.Spot{X: 2 * math.Cos(a), Y: 2 * math.Sin(a), Std: 0.02, Weight: 0.125}, Captured: c, Expected: 0.125})
	}
	say := func(mx, my float64) string {
		w := watchOf(cfg)
		pm := &engine.PlaneMetrics{MeanX: mx, MeanY: my, StdX: 0.84, StdY: 1.05, Spots: spots, HighQuality: 0.004, SW1: 1.42, SW1Floor: 0.03}
		var texts string
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: 149, Metrics: engine.Metrics{N: 2500, Plane: pm}}) {
			texts += numtext.Plain(f.Text + " (" + f.Detail + ")\n")
		}
		return texts
	}
	got := say(0.78, -2.02)
	if strings.Contains(got, "spread wide") {
		t.Errorf("a blob to one side: %q, said spread wide about the centre", got)
	}
	for _, want := range []string{"5 of 8 modes missing: G's samples are a blob to one side of the target, many of them on no mode", "99.6% of the samples within 3σ of no mode, their mean at (0.78, -2.02), off the target's centre"} {
		if !strings.Contains(got, want) {
			t.Errorf("a blob to one side: %q, want %q", got, want)
		}
	}
	if got := say(0.1, -0.1); !strings.Contains(got, "5 of 8 modes missing: G's samples spread wide about the target's centre, many of them on no mode") {
		t.Errorf("the same cloud centred on the ring: %q", got)
	}
}

// TestSmallCloudBetweenModesIsNoCollapseOntoAMode: samples in one clump
// narrower than a cloud over the modes, many of them between the modes, are
// said to be so, not mode collapse, which reads as G on the modes it covers:
// grid (seed 1) at epoch 120 has 99.6% of its samples on no mode, their spread
// 0.56 against the grid's 2.83, and is not called "23 of 25 modes missing: mode
// collapse". The same clump on its modes is collapse still.
func TestSmallCloudBetweenModesIsNoCollapseOntoAMode(t *testing.T) {
	cfg, err := presets.Get("grid")
	if err != nil {
		t.Fatal(err)
	}
	var spots []engine.SpotShare
	for i := range 25 { // grid(5,2,0.05)
		x, y := float64(2*(i/5)-4), float64(2*(i%5)-4)
		spots = append(spots, engine.SpotShare{Spot: engine.Spot{X: x, Y: y, Std: 0.05, Weight: 0.04}, Captured: i == 9 || i == 13, Expected: 0.04})
	}
	say := func(hq float64) string {
		w := watchOf(cfg)
		pm := &engine.PlaneMetrics{MeanX: -0.836, MeanY: 2.51, StdX: 0.395, StdY: 0.688, Spots: spots, HighQuality: hq, SW1: 2.45, SW1Floor: 0.066}
		var texts string
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: 120, Metrics: engine.Metrics{N: 2500, Plane: pm}}) {
			texts += numtext.Plain(f.Text + " (" + f.Detail + ")\n")
		}
		return texts
	}
	got := say(0.0036)
	if strings.Contains(got, "mode collapse") {
		t.Errorf("a small cloud between the modes: %q, called mode collapse", got)
	}
	for _, want := range []string{"23 of 25 modes missing: G's samples gather in one small cloud, many of them between the modes",
		"99.6% of the samples within 3σ of no mode, their mean at (-0.836, 2.51), their spread 20% of the target's 2.83"} {
		if !strings.Contains(got, want) {
			t.Errorf("a small cloud between the modes: %q, want %q", got, want)
		}
	}
	if got := say(0.9); !strings.Contains(got, "23 of 25 modes missing: mode collapse, G puts almost no samples there") {
		t.Errorf("the same clump on its modes: %q", got)
	}
}

// TestRunawayOutsideGivesTheMeans: a run gone far off the range is told with
// its mean written as the lines write it (6.4950e9, a progress line's batch_mean=,
// not %.4g's 6.495e+09), and on a plane with both means and the box: one gone
// off along y is not told by its x mean alone, inside the range. The mean is
// named the last batch's, which it is, so that "(mean 30.6659)" does not pass
// for the final line's mean=30.5670, of fresh samples.
func TestRunawayOutsideGivesTheMeans(t *testing.T) {
	w := watch{watchDesign: watchDesign{xlo: -1, xhi: 9, dBounded: true, gBounded: true}}
	ran := ""
	for e := 1; e <= runawayEpochs && ran == ""; e++ {
		ran = w.add(engine.EpochStats{Epoch: e, DReal: 0.5, DFake: 0.5, G: 1, Mean: 6.495e9, Std: 1})
	}
	if want := "the generated samples stayed far outside the target's range [-1, 9] (the last batch's mean 6.4950e9) for 200 epochs"; ran != want {
		t.Errorf("1-D: %q, want %q", ran, want)
	}
	w = watch{watchDesign: watchDesign{xlo: -3, xhi: 3, ylo: -3, yhi: 3, dBounded: true, gBounded: true}}
	ran = ""
	for e := 1; e <= runawayEpochs && ran == ""; e++ {
		ran = w.add(engine.EpochStats{Epoch: e, DReal: 0.5, DFake: 0.5, G: 1, Mean: 0.1, MeanY: -250, Std: 1})
	}
	if want := "the generated samples stayed far outside the target's box [-3, 3]×[-3, 3] (the last batch's mean x 0.100, y -250.000) for 200 epochs"; ran != want {
		t.Errorf("2-D: %q, want %q", ran, want)
	}
}

// TestLabelsStayWithTheirValues: the diagnosis and the events write a label and
// its value together, "mode 1 at (2, 0)" without a plain space for the screen's
// wrapping to break at, so that "mode 1 at" does not end one line and "(2, 0)"
// begin the next, and a headless event line writes them with plain spaces.
func TestLabelsStayWithTheirValues(t *testing.T) {
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	spots := []engine.SpotShare{
		{Spot: engine.Spot{X: 2, Y: 0, Std: 0.02, Weight: 0.5}, Expected: 0.5},
		{Spot: engine.Spot{X: -2, Y: 0, Std: 0.02, Weight: 0.5}, Captured: true, Share: 1, Expected: 0.5},
	}
	pm := &engine.PlaneMetrics{StdX: 0.1, StdY: 0.1, Spots: spots, HighQuality: 0.95, SW1: 1, SW1Floor: 0.03}
	w := watchOf(cfg)
	var details string
	for _, f := range diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 2500, Plane: pm}}) {
		details += f.Detail + "\n"
	}
	if !strings.Contains(details, "mode\u00a01\u00a0at\u00a0(2,\u00a00)") {
		t.Errorf("the missing mode's label and place are not together: %q", details)
	}
	var p episodes
	p.update(nil, &Eval{Metrics: engine.Metrics{Plane: pm}}, 0, 100, &w)
	spots[0].Captured, spots[0].Share = true, 0.5
	evs := p.update(nil, &Eval{Metrics: engine.Metrics{Plane: pm}}, 100, 100, &w)
	if len(evs) != 1 || !strings.HasPrefix(evs[0].Detail, "mode\u00a01\u00a0at\u00a0(2,\u00a00) gets") {
		t.Fatalf("events %+v", evs)
	}
	if want := `event epoch=100 kind=mode-covered detail="mode 1 at (2, 0) gets 50% of the samples within its 3σ, 50% in the target"`; evs[0].Line() != want {
		t.Errorf("headless line %s, want %s", evs[0].Line(), want)
	}
	// A mixture's mode missing says its due as a share of the target, "50%
	// in the target", where ", the target 50%" left what of the target's
	// unsaid.
	line := engine.Metrics{N: checkSamples, Modes: []engine.ModeCoverage{
		{Mode: engine.Mode{Mean: -2, Std: 0.5, Weight: 0.5}, Share: 1, Expected: 0.5, Covered: true},
		{Mode: engine.Mode{Mean: 2, Std: 0.5, Weight: 0.5}, Expected: 0.5},
	}}
	details = ""
	for _, f := range diagnose(cfg, &w, &Eval{Epoch: 3000, Metrics: line}) {
		details += numtext.Plain(f.Detail) + "\n"
	}
	if want := "mode 2 (at 2) gets 0% of the samples, 50% in the target"; !strings.Contains(details, want) {
		t.Errorf("a mixture's missing mode: %q, want %q", details, want)
	}
}

// TestDWinsWithLabelSmoothing: with real label α D's loss on real data cannot
// fall under the entropy of α (0.325 at 0.9), so D's two losses never sum under
// 0.1, and read against that sum a D sure of every sample would never be said
// to win (label-smoothing with g_loss minimax and d_lr 2e-3 sits at D real
// 0.33, D fake 0.01, G's loss saturated); read above that least, it is.
func TestDWinsWithLabelSmoothing(t *testing.T) {
	cfg, err := presets.Get("label-smoothing")
	if err != nil {
		t.Fatal(err)
	}
	cfg.GLoss = engine.GLossMinimax
	least := -0.9*math.Log(0.9) - 0.1*math.Log(0.1)
	for _, c := range []struct {
		dReal, dFake float64
		wins         bool
	}{{least + 0.01, 0.02, true}, {least + 0.06, 0.06, false}, {0.5, 0.3, false}} {
		w := watchOf(cfg)
		for e := 1; e <= lossWindow; e++ {
			w.add(engine.EpochStats{Epoch: e, DReal: c.dReal, DFake: c.dFake, G: -c.dFake, Mean: 0, Std: 0.1})
		}
		fs := diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 1000, KS: 0.99, ZDep: 1}, KSFloor: 0.01})
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == DWins })
		if (i >= 0) != c.wins {
			t.Errorf("D real %.4f, D fake %.4f: %+v, want D wins %v", c.dReal, c.dFake, fs, c.wins)
			continue
		}
		if i >= 0 && !strings.Contains(numtext.Plain(fs[i].Detail), "above D real's least, 0.3251 at real label 0.9") {
			t.Errorf("D wins detail: %q", fs[i].Detail)
		}
	}
}

// TestModeEventsFollowCoverage: a mode is dropped only after it was covered and
// recovered only after it was dropped; a mode first covered is mode-covered. A
// mode is covered at half its due share and dropped when missing, so a share
// about one threshold (1-D) and the stray sample of a drifting cloud (2-D) make
// no events: the first check does not report every mode an untrained G missed
// as dropped, nor every stray sample after it as a recovery, nor a share at 24%
// and 26% of a two-mode target as a drop and a recovery at every check.
func TestModeEventsFollowCoverage(t *testing.T) {
	plane := func(shares ...float64) Eval {
		pm := &engine.PlaneMetrics{}
		for i, s := range shares {
			pm.Spots = append(pm.Spots, engine.SpotShare{Spot: engine.Spot{X: float64(i), Std: 0.05, Weight: 0.25}, Share: s, Expected: 0.25, Captured: s >= engine.CapturedShare})
		}
		return Eval{Metrics: engine.Metrics{N: engine.BenchmarkSamples, Plane: pm}}
	}
	line := func(shares ...float64) Eval {
		var m engine.Metrics
		for i, s := range shares {
			m.Modes = append(m.Modes, engine.ModeCoverage{Mode: engine.Mode{Mean: float64(i), Std: 0.5, Weight: 0.5}, Share: s, Expected: 0.5, Covered: s >= 0.25})
		}
		m.N = checkSamples
		return Eval{Metrics: m}
	}
	stray := engine.CapturedShare // one sample in 2,500: captured
	for _, c := range []struct {
		name  string
		steps []Eval
		want  []string // the events of each check, "" for none
	}{
		{"plane", []Eval{
			plane(0, 0, 0, 1),         // an untrained G's clump on one mode
			plane(stray, 0, 0, 1),     // a stray sample on mode 1
			plane(0, 0, 0, 1),         // gone again
			plane(0.2, 0, 0, 0.8),     // mode 1 taken
			plane(stray, 0, 0, 0.9),   // thinned, still captured
			plane(0, stray, 0, 0.9),   // lost; a stray on mode 2
			plane(stray, 0, 0, 0.9),   // a stray is no recovery
			plane(0.15, 0, 0, 0.8),    // back
			plane(0.25, 0.25, 0, 0.5), // mode 2 taken
		}, []string{
			"mode-covered 4", "", "", "mode-covered 1", "", "mode-dropped 1", "", "mode-recovered 1", "mode-covered 2",
		}},
		{"line", []Eval{
			line(0, 1),         // collapsed from the start: nothing was dropped
			line(0.2, 0.8),     // short of half its share: not yet covered
			line(0.26, 0.74),   // mode 1 covered
			line(0.24, 0.76),   // short, not missing: no event
			line(0.26, 0.74),   // nor back
			line(0.005, 0.995), // missing: dropped
			line(0.2, 0.8),     // short: not yet back
			line(0.3, 0.7),     // recovered
		}, []string{"mode-covered 2", "", "mode-covered 1", "", "", "mode-dropped 1", "", "mode-recovered 1"}},
	} {
		var p episodes
		w := watchOf(testdesigns.PerSample(100))
		for i, e := range c.steps {
			var got []string
			for _, ev := range p.update(nil, &e, 10*(i+1), 10, &w) {
				got = append(got, fmt.Sprintf("%s %s", ev.Kind, strings.Fields(numtext.Plain(ev.Detail))[1]))
			}
			if g := strings.Join(got, "; "); g != c.want[i] {
				t.Errorf("%s, check %d: events %q, want %q", c.name, i+1, g, c.want[i])
			}
		}
	}
}

// TestEquilibriumHoldsWhileDSitsStill: D's losses, having swung away from ln 2
// for a few dozen epochs, sit still at it again: the averages still carry the
// swing, but D is at its equilibrium, and the episode goes on. Judged on the
// averages alone it would end five checks later, "D scores real data over ½ and
// generated data under it", beside losses flat at ln 2 (blog-original, seed 1,
// epoch 2,750). Losses that stay away end it.
func TestEquilibriumHoldsWhileDSitsStill(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		after func(e int) (dReal, dFake float64) // the losses after the swing
		ended bool
	}{
		{"still at ln 2", func(int) (float64, float64) { return math.Ln2, math.Ln2 }, false},
		{"learning, away from ln 2", func(e int) (float64, float64) {
			d := 0.01 * float64(e%3-1)
			return 0.95 + d, 0.95 - d
		}, true},
	} {
		w := watchOf(cfg)
		var p episodes
		var events []string
		for e := 1; e <= 600; e++ {
			var st engine.EpochStats
			switch d := 0.02 * float64(e%3-1); {
			case e <= 300: // a learning D at its equilibrium
				st.DReal, st.DFake = math.Ln2+d, math.Ln2-d
			case e <= 320: // the swing: every sample scored high, then low
				st.DReal, st.DFake = 0.08, 1.52
			case e <= 340:
				st.DReal, st.DFake = 1.59, 0.23
			default:
				st.DReal, st.DFake = c.after(e)
			}
			st.Epoch, st.G, st.Mean, st.Std = e, 0.7, 4, 1
			w.add(st)
			if e%10 != 0 {
				continue
			}
			fs := diagnose(cfg, &w, &Eval{Epoch: e, Metrics: engine.Metrics{N: 2000, KS: 0.3, ZDep: 1}, KSFloor: 0.01})
			for _, ev := range p.update(fs, nil, e, 10, &w) {
				events = append(events, fmt.Sprintf("%d %s", ev.Epoch, ev.Kind))
			}
			if c.ended || e < 350 {
				continue
			}
			i := slices.IndexFunc(fs, func(f Finding) bool { return inEpisode(f.Kind, DIndifferent) })
			if i < 0 {
				t.Fatalf("%s, epoch %d (averages %.4f, %.4f): findings %+v, want D at its equilibrium", c.name, e, w.dReal, w.dFake, fs)
			}
			if e == 390 && !strings.Contains(numtext.Plain(fs[i].Detail), "each epoch's D losses within 0.0001 of ln 2 = 0.6931 for the last 50; averaged over about 100 epochs (D real 0.") {
				t.Errorf("%s, epoch %d: detail %q", c.name, e, fs[i].Detail)
			}
		}
		want := []string{"110 equilibrium"} // first at 100, confirmed at the next check
		if c.ended {
			want = append(want, fmt.Sprintf("%d equilibrium-ended", 300+10*settle(10)))
		} else {
			// still for lossWindow epochs from 341 at 440, confirmed at 450:
			// D has stopped learning, a stall inside the equilibrium
			want = append(want, "450 d-stalled")
		}
		if !slices.Equal(events, want) {
			t.Errorf("%s: events %q, want %q", c.name, events, want)
		}
	}
}

// TestEndsGiveTheirNumbers: the end of D winning, of G ignoring its noise and
// of the noise floor gives the measure that ended it against its threshold, as
// the start does, not only "D's scores are less sure again",
// "G's output depends on its noise again" and "the distance is above sampling
// noise again".
func TestEndsGiveTheirNumbers(t *testing.T) {
	vanilla, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	smoothed, err := presets.Get("label-smoothing")
	if err != nil {
		t.Fatal(err)
	}
	plane := &engine.PlaneMetrics{SW1: 0.2, SW1Floor: 0.07}
	for _, c := range []struct {
		cfg  engine.Config
		kind FindingKind
		eval Eval
		want string
	}{
		{vanilla, DWins, Eval{}, "D's scores are less sure again: losses averaged over about 100 epochs, D real 0.184, D fake 0.087, together over 0.1"},
		{smoothed, DWins, Eval{}, "together over 0.1 above D real's least, 0.3251"},
		{vanilla, NoiseIgnored, Eval{Metrics: engine.Metrics{N: 2000, ZDep: 0.2}}, "G's output depends on its noise again: noise use 0.200, over 0.05"},
		{vanilla, AtNoiseFloor, Eval{Metrics: engine.Metrics{N: 2000, KS: 0.0392}, KSFloor: 0.0304}, "the distance is above sampling noise again: KS 0.039, over the 99% bound 0.036"},
		{vanilla, AtNoiseFloor, Eval{Metrics: engine.Metrics{N: 2500, Plane: plane}}, "SW1 0.200, over 1.8× the 0.070 of a sample of the target itself"},
	} {
		w := watchOf(c.cfg)
		w.dReal, w.dFake = 0.1837, 0.0871
		var p episodes
		begin(&p, c.kind, 100, 100, &w)
		var ended []Event
		for i := 1; i <= settleChecks; i++ {
			ended = p.update(nil, &c.eval, 100+100*i, 100, &w)
		}
		if len(ended) != 1 || !strings.Contains(numtext.Plain(ended[0].Detail), c.want) {
			t.Errorf("%s: events %+v, want one saying %q", findingEvents[c.kind].end, ended, c.want)
		}
	}
}

// begin has p start an episode of kind k at epoch: the finding held at
// the confirmChecks checks up to it, every epochs apart.
func begin(p *episodes, k FindingKind, epoch, every int, w *watch) {
	for i := confirmChecks - 1; i >= 0; i-- {
		p.update([]Finding{{Kind: k}}, nil, epoch-i*every, every, w)
	}
}

// TestEndsSettleOverTheLossWindow: a finding must be gone for five
// checks and for the 100 epochs its losses are averaged over before its
// end counts. Five checks of a plan checking every 10 epochs are 50,
// and moons (1,000 epochs), its averaged losses wandering about the edge
// of their equilibrium, made nine equilibrium events, four ends.
func TestEndsSettleOverTheLossWindow(t *testing.T) {
	for _, c := range []struct{ every, gone int }{{10, 10}, {20, 5}, {100, 5}, {1000, 5}} {
		w := watchOf(testdesigns.PerSample(100))
		var p episodes
		begin(&p, DIndifferent, c.every, c.every, &w)
		ended := 0
		for i := 1; i <= c.gone; i++ {
			for _, e := range p.update(nil, nil, c.every*(i+1), c.every, &w) {
				if e.Kind != EventEquilibriumEnded || i != c.gone {
					t.Errorf("checks every %d: %s after %d checks gone, want the end after %d", c.every, e.Kind, i, c.gone)
				}
				ended++
			}
		}
		if ended != 1 {
			t.Errorf("checks every %d: %d ends after %d checks gone, want 1", c.every, ended, c.gone)
		}
	}
}

// TestModePlacesWriteShortExponents: a mode's place in the events and the
// diagnosis is written as the screen writes a number, exponent short
// (1.23e4), where %.3g wrote 1.23e+04.
func TestModePlacesWriteShortExponents(t *testing.T) {
	m := engine.Metrics{
		Modes: []engine.ModeCoverage{{Mode: engine.Mode{Mean: 12345}}},
		Plane: &engine.PlaneMetrics{Spots: []engine.SpotShare{{Spot: engine.Spot{X: -2e5, Y: 0.5}}}},
	}
	var got []string
	for _, s := range modeCoverage(m) {
		got = append(got, s.Place.String())
	}
	if want := []string{"1.23e4", "(-2e5, 0.5)"}; !slices.Equal(got, want) {
		t.Errorf("modes at %q, want %q", got, want)
	}
}

// TestStartsNeedConfirming: a finding starts an episode only once it holds at
// confirmChecks checks in a row, reported at the check that confirms it with
// that check's detail; a single check under its threshold between checks over
// it starts nothing, so that KS dipping under the noise floor at one check does
// not start an episode the next five checks end: r1 (seed 1) at epoch 6,300 (KS
// 0.0269 between checks at 0.041 to 0.054), hinge (seed 2) at KS 0.030 against
// a bound of 0.0304.
func TestStartsNeedConfirming(t *testing.T) {
	w := watchOf(testdesigns.PerSample(100))
	var p episodes
	var events []string
	for i, under := range []bool{false, true, false, false, true, false, true, true, true, false} {
		epoch := 100 * (i + 1)
		var now []Finding
		if under {
			now = []Finding{{Kind: AtNoiseFloor, Detail: fmt.Sprintf("at %d", epoch)}}
		}
		for _, e := range p.update(now, nil, epoch, 100, &w) {
			events = append(events, fmt.Sprintf("%d %s %s", e.Epoch, e.Kind, e.Detail))
		}
	}
	if want := []string{"800 noise-floor at 800"}; !slices.Equal(events, want) {
		t.Errorf("events %q, want %q", events, want)
	}
}

// TestEquilibriumIsOfDsScore: D is at its equilibrium when its averaged losses
// are those of scores within 0.015 of ½, whatever the loss: 0.03 in BCE's
// losses, 0.0075 in least squares', whose slope at ½ is a quarter of BCE's. One
// tolerance of 0.03 for both would take least squares' losses at 0.1075 and
// 0.1057, D scoring real data 0.54 and generated data 0.46, for the equilibrium
// (lsgan, seed 1, epoch 3,300, KS 0.29).
func TestEquilibriumIsOfDsScore(t *testing.T) {
	losses := map[engine.Loss]func(score float64) float64{ // D's loss on data it scores score, its label's side
		engine.LossBCE:          func(d float64) float64 { return -math.Log(d) },
		engine.LossLeastSquares: func(d float64) float64 { return (1 - d) * (1 - d) / 2 },
	}
	for _, c := range []struct {
		loss  engine.Loss
		edge  float64 // D's scores ½ + edge on real data, ½ − edge on generated
		dReal float64 // or its losses, when dReal > 0
		dFake float64
		want  bool
	}{
		{loss: engine.LossBCE, edge: 0.01, want: true},
		{loss: engine.LossBCE, edge: 0.02, want: false},
		{loss: engine.LossLeastSquares, edge: 0.01, want: true},
		{loss: engine.LossLeastSquares, edge: 0.02, want: false},
		{loss: engine.LossLeastSquares, dReal: 0.1075, dFake: 0.1057, want: false}, // lsgan, seed 1, epoch 3,300
		{loss: engine.LossLeastSquares, dReal: 0.1218, dFake: 0.1214, want: true},  // epoch 4,000
	} {
		cfg := testdesigns.PerSample(100)
		cfg.Loss = c.loss
		w := watchOf(cfg)
		dReal, dFake := c.dReal, c.dFake
		if dReal == 0 {
			dReal, dFake = losses[c.loss](0.5+c.edge), losses[c.loss](0.5+c.edge) // 1 − D(fake) = ½ + edge
		}
		for e := 1; e <= lossWindow; e++ {
			w.add(engine.EpochStats{Epoch: e, DReal: dReal, DFake: dFake, G: 1, Mean: 4, Std: 1})
		}
		fs := diagnose(cfg, &w, &Eval{})
		got := slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == DIndifferent })
		if got != c.want {
			t.Errorf("%s, D real %.4f, D fake %.4f: at equilibrium %v, want %v (findings %+v)", c.loss, dReal, dFake, got, c.want, fs)
		}
	}
}

// TestDWinsUnderEveryLossWithScores: D wins under every loss whose scores have
// a scale, at losses under the same share of their balance sum (dWinsShare:
// BCE's 0.1 of its 2 ln 2, least squares' 0.018 of ¼, the hinge's 0.144 of 2),
// and not at losses further up; the end of the win says the loss's own limit.
// It is said under more than BCE: hinge (seeds 1–3) sits at D's losses 0.05 to
// 0.1 together at epoch 1,000, nearly every sample past its margin, KS 0.96 to
// 0.98, which BCE's rule alone leaves with no finding; and under least squares
// not only at 0.0025, D's scores 0.05 from their labels by their root mean
// square, which lsgan (seed 3) at epoch 1,000, D's losses 0.0053 and 0.0018, KS
// 0.99, G's loss 0.49, never reaches. A Wasserstein critic, whose scores have
// no scale, never wins.
//
// Each says what holds of its loss's scores: only BCE's are a belief that a
// sample is real, which D's losses under 0.1 put over 0.9 on real data and
// under 0.1 on generated on average, so D is said to score so under BCE alone,
// not under least squares and the hinge loss, whose scores lie near their
// labels or near or past their margins. An end, its losses over the line again, says only
// that D is less sure: its scores' means may still be over 0.9 and under 0.1.
func TestDWinsUnderEveryLossWithScores(t *testing.T) {
	for _, c := range []struct {
		loss          engine.Loss
		dReal, dFake  float64
		wins          bool
		ended, gLoss  string // the end's words; how the win names G's loss
		says, endSays string // what the win and its end say of D's scores
	}{
		{engine.LossBCE, -math.Log(0.96), -math.Log(0.96), true, "together over 0.1", "the non-saturating G loss",
			"D wins: it scores real data over 0.9 and generated data under 0.1, on average", "D's scores are less sure again: losses averaged over about 100 epochs, D real"},
		{engine.LossBCE, -math.Log(0.94), -math.Log(0.94), false, "", "", "", ""},
		{engine.LossLeastSquares, 0.04 * 0.04 / 2, 0.04 * 0.04 / 2, true, "together over 0.018, 7.2% of the ¼ they sum to at equilibrium", "G's least-squares loss",
			"D wins: its scores lie near their labels, real data's 1 and generated data's 0, each within 0.19 by root mean square", "D's scores are farther from their labels again: losses averaged over about 100 epochs, D real"},
		{engine.LossLeastSquares, 0.01, 0.01, false, "", "", "", ""},
		{engine.LossLeastSquares, 0.0053, 0.0018, true, "together over 0.018, 7.2% of the ¼ they sum to at equilibrium", "G's least-squares loss", // lsgan (seed 3) at epoch 1,000, KS 0.99
			"D wins: its scores lie near their labels, real data's 1 and generated data's 0, each within 0.19 by root mean square", "D's scores are farther from their labels again: losses averaged over about 100 epochs, D real"},
		{engine.LossHinge, 0.0531, 0.0161, true, "together over 0.144, 7.2% of the 2 they sum to at equilibrium", "G's loss −D(G(z))", // hinge (seed 1) at epoch 1,000
			"D wins: it scores real data over 0.85 and generated data under −0.85, on average, near or past its margins ±1", "D's scores fall further short of its margins again: losses averaged over about 100 epochs, D real"},
		{engine.LossHinge, 0.08, 0.08, false, "", "", "", ""},
		{engine.LossWasserstein, -3, 0.01, false, "", "", "", ""},
	} {
		cfg := testdesigns.PerSample(100)
		cfg.Loss = c.loss
		w := watchOf(cfg)
		for e := 1; e <= lossWindow; e++ {
			w.add(engine.EpochStats{Epoch: e, DReal: c.dReal, DFake: c.dFake, G: 1, Mean: 0, Std: 0.1})
		}
		fs := diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 1000, KS: 0.97, ZDep: 1}, KSFloor: 0.01})
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == DWins })
		if got := i >= 0; got != c.wins {
			t.Errorf("%s, D real %.4f, D fake %.4f: D wins %v, want %v (findings %+v)", c.loss, c.dReal, c.dFake, got, c.wins, fs)
		}
		if i >= 0 && !strings.Contains(fs[i].Text, c.gLoss) {
			t.Errorf("%s: D wins says %q, want it to name G's loss as %q", c.loss, fs[i].Text, c.gLoss)
		}
		if i >= 0 && !strings.HasPrefix(numtext.Plain(fs[i].Text), c.says) {
			t.Errorf("%s: D wins says %q, want it to begin %q", c.loss, numtext.Plain(fs[i].Text), c.says)
		}
		if c.ended == "" {
			continue
		}
		var p episodes
		begin(&p, DWins, 100, 100, &w)
		var ended []Event
		for i := 1; i <= settleChecks; i++ {
			ended = p.update(nil, nil, 100+100*i, 100, &w)
		}
		if len(ended) != 1 || !strings.Contains(numtext.Plain(ended[0].Detail), c.ended) || !strings.HasPrefix(numtext.Plain(ended[0].Detail), c.endSays) {
			t.Errorf("%s: the end %+v, want one saying %q and %q", c.loss, ended, c.endSays, c.ended)
		}
	}
	// Under least squares with one-sided label smoothing real data's
	// label is α.
	if got := numtext.Plain(dWinsSays(engine.Config{Loss: engine.LossLeastSquares, RealLabel: 0.9})); !strings.Contains(got, "real data's 0.9 and") {
		t.Errorf("least squares at real label 0.9: D wins says %q", got)
	}
}

// TestEpisodesEndBeyondTheirStart: the noise floor and D's equilibrium end at a
// line beyond the one they start at, so a measure hovering about its threshold
// makes one episode. On one line, r1 (seed 1; its checks' KS below) would start
// its noise floor at epoch 7,400, end it at 8,300 and start it again at 8,500,
// and feature-matching (seed 1), D fake at 0.662 to 0.664 about the 0.6631 its
// equilibrium starts at, its equilibrium at 6,100, 7,000 and 8,100. A measure
// that goes beyond the far line still ends them.
func TestEpisodesEndBeyondTheirStart(t *testing.T) {
	cfg := testdesigns.PerSample(100)
	run := func(checks int, at func(i int, w *watch) Eval) []string {
		w := watchOf(cfg)
		var p episodes
		var events []string
		for i := range checks {
			epoch := 100 * (i + 1)
			e := at(i, &w)
			e.Epoch = epoch
			for _, ev := range p.update(diagnose(cfg, &w, &e), &e, epoch, 100, &w) {
				events = append(events, fmt.Sprintf("%d %s", ev.Epoch, ev.Kind))
			}
		}
		return events
	}
	ks := func(values ...float64) func(int, *watch) Eval {
		return func(i int, _ *watch) Eval {
			return Eval{Metrics: engine.Metrics{N: 2000, KS: values[i], ZDep: 1}, KSFloor: engine.KSNoiseFloor(2000)}
		}
	}
	r1 := []float64{0.0257, 0.0221, 0.0388, 0.0517, 0.0325, 0.0200, 0.0314, 0.0341, 0.0321, 0.0611, 0.0392, 0.0276, 0.0298, 0.0177}
	if got, want := run(len(r1), ks(r1...)), []string{"200 noise-floor"}; !slices.Equal(got, want) {
		t.Errorf("r1's KS: events %q, want %q", got, want)
	}
	away := append([]float64{0.02, 0.02}, slices.Repeat([]float64{0.045}, 5)...)
	if got, want := run(len(away), ks(away...)), []string{"200 noise-floor", "700 noise-floor-ended"}; !slices.Equal(got, want) {
		t.Errorf("KS over the 99%% bound: events %q, want %q", got, want)
	}
	losses := func(dFake ...float64) func(int, *watch) Eval {
		return func(i int, w *watch) Eval {
			w.seen, w.dReal, w.dFake = lossWindow, 0.678, dFake[i]
			return Eval{Metrics: engine.Metrics{N: 2000, KS: 0.07, ZDep: 1}, KSFloor: engine.KSNoiseFloor(2000)}
		}
	}
	fm := []float64{0.6639, 0.6639, 0.6620, 0.6625, 0.6622, 0.6628, 0.6620, 0.6629, 0.6637, 0.6637, 0.6646}
	if got, want := run(len(fm), losses(fm...)), []string{"200 equilibrium"}; !slices.Equal(got, want) {
		t.Errorf("feature-matching's losses: events %q, want %q", got, want)
	}
	left := append([]float64{0.6639, 0.6639}, slices.Repeat([]float64{0.62}, 5)...)
	if got, want := run(len(left), losses(left...)), []string{"200 equilibrium", "700 equilibrium-ended"}; !slices.Equal(got, want) {
		t.Errorf("D fake 0.62: events %q, want %q", got, want)
	}
}

// TestLingeringStartsNothing: the line an episode ends at holds an
// episode that is on and starts none: checks near the noise floor but
// over its start's bound, between two checks under it, are no two checks
// in a row under it. Taken for it, a line that keeps an equilibrium
// going would start one at the first check within 0.03 of ln 2 after a
// stretch near it (blog-original, seed 1, 3,000 epochs, at epoch 2,310
// rather than 2,340, the second check in a row within it).
func TestLingeringStartsNothing(t *testing.T) {
	cfg := testdesigns.PerSample(100)
	w := watchOf(cfg)
	var p episodes
	var events []string
	for i, ks := range []float64{0.02, 0.034, 0.034, 0.02, 0.034, 0.02} {
		epoch := 100 * (i + 1)
		e := Eval{Epoch: epoch, Metrics: engine.Metrics{N: 2000, KS: ks, ZDep: 1}, KSFloor: engine.KSNoiseFloor(2000)}
		for _, ev := range p.update(diagnose(cfg, &w, &e), &e, epoch, 100, &w) {
			events = append(events, fmt.Sprintf("%d %s", ev.Epoch, ev.Kind))
		}
	}
	if len(events) > 0 {
		t.Errorf("events %q, want none: no two checks in a row under the bound", events)
	}
}

// TestResultSaysTheDiagnosis: a run's Result carries the diagnosis as the run
// ended, which ganui --headless prints before its final line, one plain line a
// finding. A headless run says more than what events its episodes made: ring
// (seed 1, 1,500 epochs), collapsed on one mode it never covered, makes no
// event, and blog-original's frozen G has its event only at epoch 20.
func TestResultSaysTheDiagnosis(t *testing.T) {
	cfg, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Config: cfg, Seed: 1, Epochs: 150, Samples: 1000})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(r.Findings, func(f Finding) bool { return f.Kind == NoiseIgnored })
	if i < 0 {
		t.Fatalf("findings %+v, want G ignoring its noise", r.Findings)
	}
	// The row is what repeats, not the sample: blog-original's G makes 100
	// samples a draw, spread across the histogram, so the text does not say
	// "nearly the same output every time" beside them.
	if text := r.Findings[i].Text; !strings.Contains(text, "every draw gives nearly the same row of 100 samples") {
		t.Errorf("text %q, want it to name the row of 100 samples that repeats", text)
	}
	line := r.Findings[i].Line()
	if !strings.HasPrefix(line, `finding kind=noise-ignored text="G ignores its noise: `) || !strings.Contains(line, ` detail="noise use 0.0`) || strings.Contains(line, "\u00a0") {
		t.Errorf("line %q", line)
	}
}

// TestHingeEquilibriumIsOfTheSum: under the hinge loss D's two losses split
// their sum at random once G matches the target, so D is at its equilibrium
// when their sum, 2 − the gap between D's mean scores on real and generated
// data, is within 0.06 of 2, however it is split; a sum still climbing (hinge,
// seed 1, epoch 2,500: 0.886 and 0.421, KS 0.32) is not it, nor a D scoring
// generated data over real data. A D whose every epoch sums to 2 has stopped
// learning, and the end says which way the sum went: a sum under 2 is D's
// mean score on real data over its mean on generated data wherever the scores
// lie, one over 2 the other way only while they lie within the margins ±1.
func TestHingeEquilibriumIsOfTheSum(t *testing.T) {
	cfg := testdesigns.PerSample(100)
	cfg.Loss = engine.LossHinge
	kinds := func(w *watch, ks float64) (out []FindingKind) {
		for _, f := range diagnose(cfg, w, &Eval{Metrics: engine.Metrics{N: 2000, KS: ks, ZDep: 1}, KSFloor: 0.01}) {
			out = append(out, f.Kind)
		}
		return out
	}
	learning := func(dReal, dFake float64) *watch { // a learning D, its losses moving from batch to batch
		w := watchOf(cfg)
		for e := 1; e <= lossWindow; e++ {
			d := 0.02 * float64(e%3-1)
			w.add(engine.EpochStats{Epoch: e, DReal: dReal + d, DFake: dFake - 2*d, G: 0.1, Mean: 4, Std: 1})
		}
		return &w
	}
	for _, c := range []struct {
		dReal, dFake, ks float64
		want             []FindingKind
	}{
		{1.1742, 0.7801, 0.03, []FindingKind{DIndifferent}}, // hinge (seed 1) at epoch 5,000
		{0.5, 1.48, 0.03, []FindingKind{DIndifferent}},
		{1.0, 1.03, 0.03, []FindingKind{DIndifferent}},
		{0.886, 0.421, 0.32, nil}, // seed 1 at epoch 2,500
		{1.0, 0.93, 0.05, nil},    // D's scores 0.07 apart on the margins' 2
		{1.0, 1.07, 0.05, nil},    // generated data scored over real data
		{1.0, 1.0, 0.9, []FindingKind{DStalled}},
	} {
		w := learning(c.dReal, c.dFake)
		if got := kinds(w, c.ks); !slices.Equal(got, c.want) {
			t.Errorf("D real %g, D fake %g, KS %g: %v, want %v", c.dReal, c.dFake, c.ks, got, c.want)
		}
	}
	fs := diagnose(cfg, learning(1.1742, 0.7801), &Eval{Metrics: engine.Metrics{N: 2000, KS: 0.03, ZDep: 1}, KSFloor: 0.01})
	if len(fs) != 1 || !strings.Contains(numtext.Plain(fs[0].Text), "sum of 2") || !strings.Contains(numtext.Plain(fs[0].Detail), "together 1.954, averaged over about 100 epochs, within 0.06 of 2") {
		t.Errorf("the finding %+v, want it to give the sum", fs)
	}

	// A D scoring every sample 0.3: losses 0.7 and 1.3, epoch after epoch.
	w := watchOf(cfg)
	for e := 1; e <= lossWindow; e++ {
		w.add(engine.EpochStats{Epoch: e, DReal: 0.7, DFake: 1.3, G: -0.3, Mean: 4, Std: 1})
	}
	if got := kinds(&w, 0.03); !slices.Equal(got, []FindingKind{DStalled}) {
		t.Errorf("a still D: %v, want D stalled", got)
	}

	for _, c := range []struct {
		dReal, dFake float64
		want         string
	}{
		{1.0, 0.85, "D scores real data over generated data again"},
		{1.0, 1.15, "D scores generated data over real data, if all its scores lie within its margins ±1"},
	} {
		w := learning(1, 1)
		var p episodes
		begin(&p, DIndifferent, lossWindow, 100, w)
		w.dReal, w.dFake, w.still = c.dReal, c.dFake, 0
		var ended []Event
		for i := 1; i <= settleChecks; i++ {
			ended = p.update(nil, nil, lossWindow+100*i, 100, w)
		}
		if len(ended) != 1 || ended[0].Kind != EventEquilibriumEnded || !strings.Contains(numtext.Plain(ended[0].Detail), c.want) {
			t.Errorf("sum %g: %+v, want the end saying %q", c.dReal+c.dFake, ended, c.want)
		}
	}
}

// TestCollapseIsOfATrainedSpike: G's samples nearly one point — a spread under
// a tenth of the target's, averaged over about 100 epochs and at the check —
// once G has come to the target spread is G collapsed (Salimans et al. 2016,
// §3.2), an episode that ends when they spread again. A healthy G is such a
// spike too at first, far from the target (vanilla, seeds 1–5: 0.05 to 0.1 of
// the target's std for 500 epochs, KS 0.99, then 0.43 or more once there), or
// at it when it starts there (vanilla on normal(0,1.25): over 0.1 from epoch
// 147 on), or at its mean still a spike (devnag-moments, seeds 1–3: at the mean
// by epoch 150, past half the target's std by 300, not collapsed from 150 or
// 200 to 400 or 500), and is not collapsed until it has stayed one for 3,000
// epochs. On a target with modes the mode findings say a collapse. A collapsed
// G has a finding of its own: vanilla with g_steps 10, g_lr 1e-3, d_lr 5e-5
// (seed 1), a spike of 0.01 to 0.1 of the target's std hopping about it, is not
// said to be D stalled alone.
func TestCollapseIsOfATrainedSpike(t *testing.T) {
	type epoch struct{ mean, std float64 }
	run := func(cfg engine.Config, modes int, epochs int, at func(e int) epoch) (events []string, seen bool) {
		w := watchOf(cfg)
		var p episodes
		for e := 1; e <= epochs; e++ {
			st := at(e)
			w.add(engine.EpochStats{Epoch: e, DReal: 0.6, DFake: 0.8, G: 0.7, Mean: st.mean, Std: st.std})
			if e%10 != 0 {
				continue
			}
			ev := Eval{Epoch: e, Metrics: engine.Metrics{N: 2000, Mean: st.mean, Std: st.std, KS: 0.6, ZDep: 1}, KSFloor: 0.03}
			if modes > 1 {
				ev.Metrics.Modes = make([]engine.ModeCoverage, modes)
			}
			fs := diagnose(cfg, &w, &ev)
			seen = seen || slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == GCollapsed })
			for _, x := range p.update(fs, &ev, e, 10, &w) {
				if x.Kind == EventCollapsed || x.Kind == EventCollapseEnded {
					events = append(events, fmt.Sprintf("%d %s", x.Epoch, x.Kind))
				}
			}
		}
		return events, seen
	}
	cfg := testdesigns.PerSample(3000) // normal(4,1.25)
	healthy := func(e int) epoch {     // a spike coming from 0, spreading as it arrives
		f := min(1, float64(e)/3000)
		return epoch{4 * f, 1.25 * (0.06 + 0.9*f*f)}
	}
	if events, seen := run(cfg, 0, 3000, healthy); seen || len(events) > 0 {
		t.Errorf("a healthy G coming from afar: collapsed %v, events %q", seen, events)
	}
	centred := func(e int) epoch { return epoch{4, 1.25 * min(1, 0.07+float64(e)/1000)} } // over 0.1 from epoch 30
	if events, seen := run(cfg, 0, 1000, centred); seen || len(events) > 0 {
		t.Errorf("a healthy G starting at the target: collapsed %v, events %q", seen, events)
	}
	untrained := func(e int) epoch { // a spike at the target's mean by epoch 150, spreading from 250 (devnag-moments, seeds 1–3)
		switch {
		case e < 150:
			return epoch{4 * float64(e) / 150, 0.03}
		case e < 250:
			return epoch{[]float64{4.2, 4.3, 2.8}[e/30%3], 0.03}
		}
		return epoch{4, 1.25 * min(1.3, 0.03+float64(e-250)/100)}
	}
	if events, seen := run(cfg, 0, 1000, untrained); seen || len(events) > 0 {
		t.Errorf("an untrained spike at the target's mean, spreading at epoch 250: collapsed %v, events %q", seen, events)
	}
	spike := func(e int) epoch { // spread at the target, then from epoch 400 a spike hopping about it, spreading again at 1,500
		switch {
		case e < 400:
			return epoch{4, 1.25}
		case e < 1500:
			return epoch{[]float64{3, 5.5, 4.5}[e/150%3], 0.02}
		}
		return epoch{4, 1.2}
	}
	events, _ := run(cfg, 0, 2500, spike)
	// The average under 0.1 of the target's from about epoch 630, its
	// start confirmed at the next check; its end five checks and 100
	// epochs after the average passes 0.2 (about epoch 1,520).
	if len(events) != 2 || !strings.HasSuffix(events[0], " collapsed") || !strings.HasSuffix(events[1], " collapse-ended") {
		t.Fatalf("a collapsed G: events %q, want it collapsed, then spread again", events)
	}
	var start, end int
	fmt.Sscan(events[0], &start)
	fmt.Sscan(events[1], &end)
	if start < 600 || start > 700 || end < 1500 || end > 1700 {
		t.Errorf("a collapsed G: events %q, want the collapse from about epoch 650 to 1,500", events)
	}
	// A spike that never reaches the target has collapsed too once G has
	// trained 3,000 epochs, as devnag-2017 (seeds 2 and 4), at one point
	// far from the target for all its 30,000.
	events, _ = run(cfg, 0, 4000, func(int) epoch { return epoch{-0.17, 0.0018} })
	if want := []string{"3010 collapsed"}; !slices.Equal(events, want) {
		t.Errorf("a spike far from the target: events %q, want %q", events, want)
	}
	if events, seen := run(cfg, 2, 2500, spike); seen || len(events) > 0 {
		t.Errorf("a collapse on a target with modes: collapsed %v, events %q, want the mode findings' alone", seen, events)
	}

	// The finding says the spread against the target's, and its distance.
	w := watchOf(cfg)
	for e := 1; e <= 800; e++ { // spread, then a spike from epoch 200
		std := 0.02
		if e <= 200 {
			std = 1.25
		}
		w.add(engine.EpochStats{Epoch: e, DReal: 0.6, DFake: 0.8, G: 0.7, Mean: 4, Std: std})
	}
	fs := diagnose(cfg, &w, &Eval{Epoch: 800, Metrics: engine.Metrics{N: 2000, Mean: 4, Std: 0.025, KS: 0.49, ZDep: 1}, KSFloor: 0.03})
	i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == GCollapsed })
	if i < 0 || !strings.Contains(numtext.Plain(fs[i].Detail), "samples' std 0.025, 2% of the target's 1.25, under 10%; averaged over about 100 epochs, 2%; KS 0.490") || !strings.Contains(fs[i].Line(), `kind=collapsed`) {
		t.Errorf("the finding %+v", fs)
	}
	// Under G's average the check's samples are the average's, the spread
	// averaged over epochs G's own batches': the detail says whose each is, not
	// both as one G's.
	ema := cfg
	ema.GEMA = 0.999
	w.ownBatches = watchOf(ema).ownBatches
	fs = diagnose(ema, &w, &Eval{Epoch: 800, Metrics: engine.Metrics{N: 2000, Mean: 4, Std: 0.025, KS: 0.49, ZDep: 1}, KSFloor: 0.03})
	i = slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == GCollapsed })
	if i < 0 || !strings.Contains(numtext.Plain(fs[i].Detail), "the average's samples' std 0.025, 2% of the target's 1.25, under 10%; G's own batches', averaged over about 100 epochs, 2%; KS 0.490") {
		t.Errorf("under G's average, the finding %+v", fs)
	}
	// Its end says the same of the spread it reads.
	if got := numtext.Plain(spreadAgain(&w, nil, nil)); !strings.Contains(got, "G's samples spread again: G's own batches', averaged over about 100 epochs") {
		t.Errorf("under G's average, the collapse's end: %q", got)
	}
	if got := numtext.Plain(spreadAgain(&watch{spread: 0.5}, nil, nil)); strings.Contains(got, "own") {
		t.Errorf("without G's average, the collapse's end: %q", got)
	}
}

// TestNewRunKeepsItsDesignsWatch: r and R start a new run of the same
// design, whose watch knows the design as the first run's did: under G's
// average the collapse's end still says the spread it reads is G's own
// batches'. newRun had forgotten the run followed so far by a reset that
// listed the design's fields by hand, and left ownBatches out of the list.
func TestNewRunKeepsItsDesignsWatch(t *testing.T) {
	for _, c := range []struct {
		key string
		cmd Command
	}{{"r", Reseed{}}, {"R", Restart{}}} {
		s := idleAt(t, "bimodal-pacgan-ema", Options{Seed: 1, Samples: 500}, 1)
		c.cmd.apply(s)
		if got := numtext.Plain(spreadAgain(&s.watch, nil, nil)); !strings.Contains(got, "G's own batches'") {
			t.Errorf("after %s, the collapse's end under G's average: %q, want it to say G's own batches'", c.key, got)
		}
	}
}

// TestPlateauIsOfDistancesStoppedFarAway: a run whose checks of the last 2,000
// epochs have brought neither KS nor W1 a tenth under their best before, KS
// over three times its noise floor, with no problem found, has stopped
// improving (uniform, seed 1: KS 0.245 to 0.256 from epoch 4,000 on; wgan, seed
// 2: its best, 0.073, at 4,800, then climbing); an episode that ends once the
// run improves past twice that, and not while it hovers about the line. A run
// whose KS sits near 1 while W1 falls, G travelling to the target, has not
// stopped (r1 and wgan, seeds 3 and 4, for 2,300 epochs); nor one near its
// noise floor, nor one whose problem is found already.
func TestPlateauIsOfDistancesStoppedFarAway(t *testing.T) {
	cfg := testdesigns.PerSample(10000)
	var runTo func(end, every int, at func(e int) (ks, w1 float64), also ...func(*watch, *engine.Metrics)) (events []string, last []Finding)
	var lastW watch // the watch at the last check
	// run checks a run every every epochs whose distances are at's, with
	// also, from epoch 5,000, what also does to the watch and the check.
	run := func(every int, at func(e int) (ks, w1 float64), also ...func(*watch, *engine.Metrics)) (events []string, last []Finding) {
		return runTo(10000, every, at, also...)
	}
	runTo = func(end, every int, at func(e int) (ks, w1 float64), also ...func(*watch, *engine.Metrics)) (events []string, last []Finding) {
		w := watchOf(cfg)
		var p episodes
		var h evalHistory = newEvalHistory(evalPoints)
		for e := every; e <= end; e += every {
			ks, w1 := at(e)
			m := engine.Metrics{N: 2000, KS: ks, W1: w1, Std: 1.25, ZDep: 1}
			for _, f := range also {
				if e > 5000 {
					f(&w, &m)
				}
			}
			h.Add(e, m)
			w.follow(h.pts, every)
			lastW = w
			ev := Eval{Epoch: e, Metrics: m, KSFloor: engine.KSNoiseFloor(2000)}
			last = diagnose(cfg, &w, &ev)
			for _, x := range p.update(last, &ev, e, every, &w) {
				if x.Kind == EventPlateau || x.Kind == EventPlateauEnded {
					events = append(events, fmt.Sprintf("%d %s", x.Epoch, x.Kind))
				}
			}
		}
		return events, last
	}
	wobble := func(e int) float64 { return 0.005 * float64(e/100%3-1) }
	flat := func(e int) (float64, float64) { // uniform (seed 1): falling to 0.25 by epoch 4,000, flat after
		if e < 4000 {
			return 1 - 0.75*float64(e)/4000, 2 - 1.8*float64(e)/4000
		}
		return 0.25 + wobble(e), 0.2 + wobble(e)
	}
	events, last := run(100, flat)
	if want := []string{"7200 plateau"}; !slices.Equal(events, want) { // over 3,000 epochs after 4,000, confirmed at the next check
		t.Errorf("flat from epoch 4,000: events %q, want %q", events, want)
	}
	const said = "the best of the last 3,000 epochs' checks KS 0.245, W1 0.195, over 3× the 95% bound 0.030 of 2,000 samples, and not 10% under the best before them, KS 0.245, W1 0.195"
	if i := slices.IndexFunc(last, func(f Finding) bool { return f.Kind == Plateau }); i < 0 || numtext.Plain(last[i].Detail) != said {
		t.Errorf("the finding at the end: %+v, want the detail %q", last, said)
	}
	// The screen's and the run's end's evaluation is of another sample, 10,000
	// by default, whose KS reads under a check's: the finding is of the checks
	// alone, and does not lead with that KS, under the best of the checks it is
	// said not to improve on ("KS 0.109, over 3× the 95% bound 0.014; the
	// best of the last 2,000 epochs' checks KS 0.113", devnag-2017, seed 1).
	big := Eval{Epoch: 10000, Metrics: engine.Metrics{N: 10000, KS: 0.2389, W1: 0.19, Std: 1.25, ZDep: 1}, KSFloor: engine.KSNoiseFloor(10000)}
	if fs := diagnose(cfg, &lastW, &big); len(fs) != 1 || fs[0].Kind != Plateau || numtext.Plain(fs[0].Detail) != said {
		t.Errorf("the finding on 10,000 samples: %+v, want the checks' detail %q", fs, said)
	}
	better := func(e int) (float64, float64) { // flat, then falling again from epoch 8,000
		if e < 8000 {
			return flat(e)
		}
		f := 1 - 0.6*float64(e-8000)/2000
		return 0.25 * f, 0.2 * f
	}
	if events, _ := run(100, better); !slices.Equal(events, []string{"7200 plateau", "9200 plateau-ended"}) { // the last 3,000 epochs' best 20% under the best before at 8,700, five checks on
		t.Errorf("improving from epoch 8,000: events %q, want the plateau and its end", events)
	}
	hover := func(e int) (float64, float64) { // flat, but for checks a tenth under the best before at 7,500 and 9,000
		if e == 7500 || e == 9000 {
			return 0.22, 0.17
		}
		return flat(e)
	}
	if events, _ := run(100, hover); !slices.Equal(events, []string{"7200 plateau"}) {
		t.Errorf("hovering about the line: events %q, want the plateau alone", events)
	}
	// A run swinging about the target, one check far from it but the window's
	// best at the noise floor, has not stopped far from it: bimodal-pacgan
	// (seeds 2, 3 and 4) and hinge (seed 2) are not found so on a check at KS
	// 0.09 to 0.10, the window's best 0.012 to 0.045.
	swinging := func(e int) (float64, float64) {
		if e < 2000 {
			return 1 - 0.97*float64(e)/2000, 2 - 1.9*float64(e)/2000
		}
		return []float64{0.028, 0.1, 0.1}[e/100%3], 0.1
	}
	if events, _ := run(100, swinging); len(events) > 0 {
		t.Errorf("swinging about the target, the best checks at KS 0.028: events %q, want none", events)
	}
	// A long plan, checked every 2,000 epochs, is judged on 20 checks, not on
	// the two a fixed window would hold: uniform (seed 1) trained to 200,000
	// epochs holds KS at 0.25 to about epoch 30,000 and then falls to the noise
	// floor, reached at 58,000; two checks would call it a plateau at epoch
	// 10,000.
	slow := func(e int) (float64, float64) {
		if e < 30000 {
			return flat(e)
		}
		f := max(0.1, 1-float64(e-30000)/30000)
		return 0.25 * f, 0.2 * f
	}
	if events, _ := runTo(80000, 2000, slow); len(events) > 0 {
		t.Errorf("a long plan falling slowly from epoch 30,000: events %q, want none", events)
	}
	if events, _ := runTo(80000, 2000, flat); !slices.Equal(events, []string{"48000 plateau"}) { // 40,000 epochs after 4,000 at the next check, confirmed at the one after
		t.Errorf("a long plan flat from epoch 4,000: events %q, want the plateau at epoch 48,000", events)
	}
	travelling := func(e int) (float64, float64) { return 0.99 + wobble(e), 3 - 2.5*float64(e)/10000 }
	if events, _ := run(100, travelling); len(events) > 0 {
		t.Errorf("KS near 1, W1 falling: events %q, want none", events)
	}
	nearFloor := func(e int) (float64, float64) { return 0.05 + wobble(e), 0.05 }
	if events, _ := run(100, nearFloor); len(events) > 0 {
		t.Errorf("KS 0.05, under 3× its floor: events %q, want none", events)
	}
	if events, _ := run(100, flat, func(_ *watch, m *engine.Metrics) { m.ZDep = 0.01 }); len(events) > 0 {
		t.Errorf("flat with G ignoring its noise: events %q, want that said alone", events)
	}
	atEquilibrium := func(w *watch, _ *engine.Metrics) { w.seen, w.dReal, w.dFake = lossWindow, math.Ln2, math.Ln2 }
	if events, last := run(100, flat, atEquilibrium); len(events) != 1 || len(last) != 2 || last[0].Kind != Plateau || last[1].Kind != DIndifferent {
		t.Errorf("flat at D's equilibrium: events %q, findings %+v, want the plateau, then the equilibrium beside it", events, last)
	}
}

// TestPlanePlateauIsOfSW1: on a plane the plateau reads SW1, and holds back
// where D's losses find a problem, as on a line, not judged beside the plane's
// own findings alone and said beside D's win. Its line is 3× 1.5× SW1's floor
// at a check's size (watch.sw1Noise) whatever the sample of the evaluation it
// is judged beside, not the run's end's own floor at --samples 100,000, under
// half a check's.
func TestPlanePlateauIsOfSW1(t *testing.T) {
	cfg := testdesigns.PerSample(10000)
	for _, c := range []struct {
		wins     bool
		n        int
		floorAtN float64
	}{{false, 2500, 0.015}, {true, 2500, 0.015}, {false, 100000, 0.006}} {
		wins := c.wins
		w := watchOf(cfg)
		w.ylo, w.yhi, w.sw1Noise = -2, 2, 0.015
		if wins {
			w.seen, w.dReal, w.dFake = lossWindow, 0.01, 0.01
		}
		var pts []EvalPoint
		for e := 100; e <= 4000; e += 100 {
			pts = append(pts, EvalPoint{Epoch: e, SW1: 0.2})
		}
		w.follow(pts, 100)
		fs := diagnose(cfg, &w, &Eval{Epoch: 4000, Metrics: engine.Metrics{N: c.n, Plane: &engine.PlaneMetrics{SW1: 0.2, SW1Floor: c.floorAtN, StdX: 1, StdY: 1}}})
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == Plateau })
		switch {
		case wins && i >= 0:
			t.Errorf("SW1 flat with D winning: %+v, want D's win alone", fs)
		case !wins && (i < 0 || fs[i].Text != "SW1 has not improved by 10% in 3,000 epochs, far from the target, a plateau: train on to see whether it lifts, or try other settings" || !strings.Contains(numtext.Plain(fs[i].Detail), "the best of the last 3,000 epochs' checks SW1 0.200, over 3× 1.5× the 0.015 of 2,500 samples of the target itself, and not 10% under the best before them, SW1 0.2")):
			t.Errorf("SW1 flat at 0.2, beside an evaluation of %d samples: %+v, want the plateau", c.n, fs)
		}
	}
	// SW1 flat at 0.05: 3.3× a check's floor, under the plateau's line
	// (0.0675); 8.3× the floor at 100,000 samples, over the line that floor
	// would give (0.027).
	w := watchOf(cfg)
	w.ylo, w.yhi, w.sw1Noise = -2, 2, 0.015
	var pts []EvalPoint
	for e := 100; e <= 4000; e += 100 {
		pts = append(pts, EvalPoint{Epoch: e, SW1: 0.05})
	}
	w.follow(pts, 100)
	fs := diagnose(cfg, &w, &Eval{Epoch: 4000, Metrics: engine.Metrics{N: 100000, Plane: &engine.PlaneMetrics{SW1: 0.05, SW1Floor: 0.006, StdX: 1, StdY: 1}}})
	if slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == Plateau }) {
		t.Errorf("SW1 flat at 0.05, 3.3× a check's floor, beside an evaluation of 100,000 samples: %+v, want no plateau", fs)
	}
}

// TestCollapseOnPointsSaysNarrow: on a points file, whose clusters are not
// known, a G as narrow as collapse asks is said to have collapsed to a narrow
// patch, a point or one tight cluster, not to one point making the same sample:
// ring's design on three clusters of std 0.05 (spread 1.34) sits on one of
// them, std 0.02, and is not said to make "about the same sample". On moons, a
// target of no clusters, it is one point. Both open "G has collapsed", in the
// words of the event they start (TestFindingsReadAsTheirEvents), not "G's
// samples are narrow" beside a collapsed event.
func TestCollapseOnPointsSaysNarrow(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "clusters.csv")
	var b strings.Builder
	for i := range 300 {
		c := [][2]float64{{-2, 0}, {2, 0}, {0, 2}}[i%3]
		fmt.Fprintf(&b, "%g,%g\n", c[0]+0.05*float64(i%7-3)/3, c[1]+0.05*float64(i%5-2)/2)
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	opens := "G has " + findingEvents[GCollapsed].start.String()
	for _, target := range []string{"points(" + file + ")", "moons(0.05)"} {
		cfg, err := presets.Get("ring")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Target = target
		s := newIdle(t, Options{Config: cfg, Seed: 1, Dir: dir, Samples: 500, Epochs: 1000})
		w := s.watch
		w.seen, w.spread, w.reached = lossWindow, 0.02, true
		fs := diagnosePlane(cfg, &w, &engine.PlaneMetrics{StdX: 0.02, StdY: 0.01, SW1: 1.4, SW1Floor: 0.02}, 2500, 1000, nil)
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == GCollapsed })
		switch narrow := i >= 0 && strings.HasPrefix(fs[i].Text, "G has collapsed to a narrow patch: its samples cover nearly one point or one tight cluster of the target's points"); {
		case i < 0:
			t.Errorf("%s: %+v, want G collapsed", target, fs)
		case !strings.HasPrefix(fs[i].Text, opens):
			t.Errorf("%s: %q, want it to open %q, as the event it starts is named", target, fs[i].Text, opens)
		case strings.HasPrefix(target, "points") && !narrow:
			t.Errorf("%s: %q, want it said collapsed to a narrow patch, its clusters not known", target, fs[i].Text)
		case !strings.HasPrefix(target, "points") && (narrow || !strings.HasPrefix(fs[i].Text, "G has collapsed to nearly one point")):
			t.Errorf("%s: %q, want it collapsed to one point", target, fs[i].Text)
		}
	}
}

// TestSmoothedEquilibriumNamesItsLabel: the equilibrium's detail under
// one-sided label smoothing names the real label as --set gave it, which
// the watch takes from the equilibrium (2·D, exactly), also for a label
// that no decimal of D writes back (1e-30, 0.1, a float32's least).
func TestSmoothedEquilibriumNamesItsLabel(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	for _, label := range []float64{0.9, 0.1, 1e-30, 0.7000000000000001, math.SmallestNonzeroFloat32} {
		cfg.RealLabel = label
		w := watchOf(cfg)
		for e := 1; e <= 2*lossWindow; e++ {
			w.add(engine.EpochStats{Epoch: e, DReal: w.eq.DReal, DFake: w.eq.DFake, G: w.eq.G, Mean: 4, Std: 1})
		}
		f, ok := indifferent(&w, noiseGap{})
		if want := fmt.Sprintf("(real label %g)", label); !ok || !strings.HasSuffix(numtext.Plain(f.Detail), want) {
			t.Errorf("real label %g: %v %q, want it to end %q", label, ok, numtext.Plain(f.Detail), want)
		}
	}
}

// TestRunawayUnreachedNamesTheTarget: a runaway of a run whose samples were
// never near the target (far outside it from the first epoch, or D's losses at
// their limit from it: points at 10⁶, at 10⁻⁶ around 0; or inside its range but
// nowhere near its scale: points spread ±10⁶ about 0, a batch of spread 0.05 a
// ten-millionth of theirs) is told as one no learning rate mends, not "try a
// lower learning rate": data at 10⁶ runs away all the same at 1e-5, and data
// spread ±10⁶ about 0 has G's samples start at its centre. A run that came near
// first, or whose G's loss alone starts at its limit (blog-original at d_lr=10,
// after D's first step), is told to lower one; so is a run followed from later
// than epoch 0 (resumed).
func TestRunawayUnreachedNamesTheTarget(t *testing.T) {
	far := engine.EpochStats{DReal: 0.5, DFake: 0.5, G: 1, Mean: 0.1, MeanY: 999000, Std: 0.05, StdY: 0.05}
	near := engine.EpochStats{DReal: 0.7, DFake: 0.7, G: 0.7, Mean: 0.1, MeanY: 0.1, Std: 0.05, StdY: 0.05}
	saturated := near
	saturated.DReal = 100
	gOnly := near
	gOnly.G = 100
	for _, c := range []struct {
		name      string
		from      int // the epoch the watch follows the run from
		first     engine.EpochStats
		then      engine.EpochStats
		unreached bool
		tSpread   float64 // the target's spread, 0 for unknown
	}{
		{"far from the first epoch", 0, far, far, true, 0},
		{"D saturated from the first epoch", 0, saturated, saturated, true, 0},
		{"near, then far", 0, near, far, false, 0},
		{"near, then D saturated", 0, near, saturated, false, 0},
		{"G's loss alone saturated from the first", 0, gOnly, gOnly, false, 0},
		{"far, followed from epoch 100", 100, far, far, false, 0},
		{"near the centre of a target 10⁶ wide, then D saturated", 0, near, saturated, true, 5.8e5},
		{"near the centre of a target 10⁻⁶ wide, then D saturated", 0, near, saturated, true, 5.8e-7},
		{"near a target of unit spread, then D saturated", 0, near, saturated, false, 1},
	} {
		w := watch{watchDesign: watchDesign{xlo: -3, xhi: 3, ylo: -3, yhi: 3, dBounded: true, gBounded: true, tSpread: c.tSpread}}
		ran, epoch := "", c.from
		for ran == "" && epoch < c.from+2*runawayEpochs {
			epoch++
			st := c.then
			if epoch == c.from+1 {
				st = c.first
			}
			st.Epoch = epoch
			ran = w.add(st)
		}
		if ran == "" {
			t.Fatalf("%s: no runaway by epoch %d", c.name, epoch)
		}
		if got := w.unreached(epoch); got != c.unreached {
			t.Errorf("%s: unreached %v, want %v (%s)", c.name, got, c.unreached, ran)
		}
		d := &Divergence{Epoch: epoch, Runaway: ran, Unreached: w.unreached(epoch)}
		if want := "try a lower learning rate"; c.unreached == (d.Remedy() == want) {
			t.Errorf("%s: remedy %q", c.name, d.Remedy())
		}
	}
}

// TestAveragedLossesSaySo: a finding read from D's averaged losses gives them
// as averages, as the events ending it do: D's win and its equilibrium do not
// give "D real 0.6896, D fake 0.6895, within 0.03 of ln 2" as if of an epoch
// beside a legend of the last epoch's "D real 0.721 ○ D fake 0.700"
// (devnag-moments, seed 1, epoch 816), two values of one name. D's win says
// so before its values, "losses averaged over about 100 epochs, D real 0.030,
// D fake 0.020": after them, its "D real 0.046" beside the legend's
// "Losses, last epoch  ● D real 0.036" (vanilla, seed 1, epoch 650, 120×40)
// read as one D real of two values until the clause after.
func TestAveragedLossesSaySo(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dReal, dFake float64
		kind         FindingKind
		first        bool // the span said before the values
	}{{0.03, 0.02, DWins, true}, {0.69, 0.70, DIndifferent, false}} {
		w := watchOf(cfg)
		for e := 1; e <= lossWindow; e++ {
			w.add(engine.EpochStats{Epoch: e, DReal: c.dReal, DFake: c.dFake, G: 1, Mean: 4, Std: 1.25})
		}
		fs := diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 1000, KS: 0.2, ZDep: 1}, KSFloor: 0.01})
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == c.kind })
		if i < 0 {
			t.Errorf("D real %g, D fake %g: %+v, want %v", c.dReal, c.dFake, fs, c.kind)
			continue
		}
		averaged := "D fake " + numtext.Measure(c.dFake) + ", averaged over about 100 epochs"
		if c.first {
			averaged = "averaged over about 100 epochs, D real " + numtext.Measure(c.dReal) + ", D fake " + numtext.Measure(c.dFake)
		}
		if d := numtext.Plain(fs[i].Detail); !strings.Contains(d, averaged) {
			t.Errorf("%v: detail %q does not say the losses are averages: %q", c.kind, d, averaged)
		}
	}
}

// TestFrozenDSaysSo: D's losses fixed epoch after epoch away from their
// equilibrium are D that has stopped learning (DFrozen), an episode of its own:
// devnag-moments --set d_lr=10 (seed 1) holds D's losses at 1.1305 each and G's
// at 2.1351 from epoch 8 to its 5,000th, G's samples a spike far from the
// target, where nothing else is found until G is called collapsed at epoch
// 3,050. Losses that move by hundredths, as a learning D's do, are not frozen,
// nor are losses fixed at their equilibrium, which D's stall says.
func TestFrozenDSaysSo(t *testing.T) {
	cfg, err := presets.Get("devnag-moments")
	if err != nil {
		t.Fatal(err)
	}
	ev := &Eval{Epoch: 0, Metrics: engine.Metrics{N: 1000, KS: 0.997, ZDep: 0.5, Std: 0.027}, KSFloor: 0.0136}
	run := func(frozenAt float64, epochs int) (w watch, kinds []FindingKind, events []Event) {
		w = watchOf(cfg)
		var p episodes
		for e := 1; e <= epochs; e++ {
			st := engine.EpochStats{Epoch: e, DReal: frozenAt, DFake: frozenAt, G: 2.1351, Mean: 0.47, Std: 0.027}
			if e <= 7 { // the first epochs move
				st.DReal, st.DFake = 1+0.1*float64(e), 1.7-0.1*float64(e)
			}
			w.add(st)
			if e%50 == 0 {
				ev.Epoch = e
				events = append(events, p.update(diagnose(cfg, &w, ev), ev, e, 50, &w)...)
			}
		}
		for _, f := range diagnose(cfg, &w, ev) {
			kinds = append(kinds, f.Kind)
		}
		return w, kinds, events
	}
	w, kinds, events := run(1.1305, 300)
	if !slices.Contains(kinds, DFrozen) {
		t.Fatalf("D's losses fixed at 1.1305 for 293 epochs: findings %v, want D frozen", kinds)
	}
	if i := slices.IndexFunc(events, func(e Event) bool { return e.Kind == EventFrozen }); i < 0 || events[i].Epoch != 200 {
		t.Errorf("events %+v, want d-frozen at epoch 200, the second check of D frozen (from epoch 108)", events)
	}
	if f, _ := frozen(&w); !strings.Contains(numtext.Plain(f.Detail), "D real 1.131, D fake 1.131") || !strings.Contains(f.Text, "run again with a lower one") {
		t.Errorf("the finding: %q (%q)", f.Text, numtext.Plain(f.Detail))
	}
	if _, kinds, _ := run(1.1305, 100); slices.Contains(kinds, DFrozen) {
		t.Errorf("D's losses fixed for 93 epochs: findings %v, want no D frozen yet", kinds)
	}
	if _, kinds, _ := run(math.Ln2, 300); slices.Contains(kinds, DFrozen) || !slices.Contains(kinds, DStalled) {
		t.Errorf("D's losses fixed at ln 2: findings %v, want D stalled, not frozen", kinds)
	}
	// D winning, its losses near 0, says so, not frozen (devnag-2017,
	// seed 2).
	if _, kinds, _ := run(0.0002, 300); slices.Contains(kinds, DFrozen) || !slices.Contains(kinds, DWins) {
		t.Errorf("D's losses fixed near 0: findings %v, want D wins, not frozen", kinds)
	}
	// A Wasserstein critic's losses, hundredths under weight clipping,
	// move by less than stillTol in a healthy run (wgan, seeds 1 and 2).
	wgan, err := presets.Get("wgan")
	if err != nil {
		t.Fatal(err)
	}
	w = watchOf(wgan)
	for e := 1; e <= 300; e++ {
		d := 1e-5 * float64(e%3-1)
		w.add(engine.EpochStats{Epoch: e, DReal: -0.0101 + d, DFake: 0.0101 - d, G: -0.0101, Mean: 4, Std: 1.2})
	}
	if _, ok := frozen(&w); ok {
		t.Error("a Wasserstein critic's losses of hundredths: D frozen")
	}
	// A learning D's losses move by hundredths from epoch to epoch.
	w = watchOf(cfg)
	for e := 1; e <= 300; e++ {
		d := 0.01 * float64(e%3-1)
		w.add(engine.EpochStats{Epoch: e, DReal: 1.13 + d, DFake: 1.13 - d, G: 2.1, Mean: 0.47, Std: 0.027})
	}
	if _, ok := frozen(&w); ok {
		t.Error("D's losses moving by hundredths: D frozen")
	}
}

// TestEquilibriumNamesDxOnlyWhereDScoresSamples: D's equilibrium is said as
// what D(x) = ½ gives only where D scores single samples, the test the screen's
// D(x) strip and surface are drawn on (engine.GAN.ScoresSamples), and as what
// D's score = ½ gives where D scores whole rows: devnag-moments, whose screen
// says "no D(x) strip: D sees only 4 moments of 500 samples", is not said to
// be at "ln 2 each, what D(x) = ½ gives", nor are blog-original's row of 100
// and bimodal-pacgan's packs.
func TestEquilibriumNamesDxOnlyWhereDScoresSamples(t *testing.T) {
	rows := 0
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		eq, ok := EquilibriumOf(cfg)
		if !ok {
			continue
		}
		g, err := engine.New(cfg, 1)
		if err != nil {
			t.Fatal(err)
		}
		where := numtext.Plain(eq.Where())
		want := "what D(x) = "
		if !g.ScoresSamples() {
			want, rows = "what D's score = ", rows+1
		}
		if !strings.Contains(where, want) || !g.ScoresSamples() && strings.Contains(where, "D(x)") {
			t.Errorf("%s: its equilibrium is at %q, want %q in it", name, where, want)
		}
	}
	if rows < 3 { // blog-original, devnag-moments, bimodal-pacgan at least
		t.Errorf("%d presets' D scores rows, want the test to see some", rows)
	}
	cfg, err := presets.Get("devnag-moments")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	for e := 1; e <= lossWindow; e++ {
		d := 0.01 * float64(e%3-1)
		w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2 + d, DFake: math.Ln2 - d, G: math.Ln2, Mean: 4, Std: 1})
	}
	f, ok := indifferent(&w, noiseGap{})
	if got := numtext.Plain(f.Text); !ok || !strings.Contains(got, "D's losses sit at their equilibrium: ln 2 each, what D's score = ½ gives on everything it judges, the losses of") {
		t.Errorf("devnag-moments at its equilibrium: %q", got)
	}
}

// TestFrozenDComesBeforeWhatItMakesOfG: a frozen D is listed before what it
// does to G, as D's win is: devnag-moments --set d_lr=10 (seed 1) has D frozen
// from epoch 108 and G collapsed from 3,050, and the frozen D, not the
// collapse, is the screen's first line at 80×24. A D stalled at its
// equilibrium, which pushes G nowhere, stays after G's.
func TestFrozenDComesBeforeWhatItMakesOfG(t *testing.T) {
	cfg, err := presets.Get("devnag-moments")
	if err != nil {
		t.Fatal(err)
	}
	kinds := func(dLoss float64, m engine.Metrics) (out []FindingKind) {
		w := watchOf(cfg)
		for e := 1; e <= 3100; e++ {
			st := engine.EpochStats{Epoch: e, DReal: dLoss, DFake: dLoss, G: 2.1351, Mean: 0.47, Std: 0.027}
			if e <= 7 { // the first epochs move
				st.DReal, st.DFake = 1+0.1*float64(e), 1.7-0.1*float64(e)
			}
			w.add(st)
		}
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: 3100, Metrics: m, KSFloor: 0.0136}) {
			out = append(out, f.Kind)
		}
		return out
	}
	spike := engine.Metrics{N: 1000, KS: 0.997, ZDep: 0.01, RowWidth: 100, Std: 0.027}
	twoModes := engine.Metrics{N: 1000, KS: 0.6, ZDep: 0.5, Std: 2, Modes: []engine.ModeCoverage{{Mode: engine.Mode{Mean: -2}, Share: 1, Expected: 0.5, Covered: true}, {Mode: engine.Mode{Mean: 2}, Expected: 0.5}}}
	for _, c := range []struct {
		dLoss float64
		m     engine.Metrics
		want  []FindingKind
	}{
		{1.1305, spike, []FindingKind{DFrozen, GCollapsed, NoiseIgnored}},
		{1.1305, twoModes, []FindingKind{DFrozen, ModeDropped}},
		{math.Ln2, spike, []FindingKind{GCollapsed, NoiseIgnored, DStalled}},
	} {
		if got := kinds(c.dLoss, c.m); !slices.Equal(got, c.want) {
			t.Errorf("D's losses fixed at %.4f, %d modes: findings %v, want %v", c.dLoss, len(c.m.Modes), got, c.want)
		}
	}
}

// TestFarNoteKeepsHQOnItsSide: the note that G is far from its target writes
// the high-quality share on its side of the quarter it is judged by: 24.96%
// does not read "HQ 25%, under 25%".
func TestFarNoteKeepsHQOnItsSide(t *testing.T) {
	for hq, want := range map[float64]string{
		0.2496: "HQ 24.96%, under 25%",
		0.1:    "HQ 10%, under 25%",
		0:      "HQ 0%, under 25%",
	} {
		e := Eval{Epoch: 400, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{Spots: make([]engine.SpotShare, 8), HighQuality: hq}}}
		far, why := e.Far(EvalPoint{})
		if why = numtext.Plain(why); !far || why != want {
			t.Errorf("HQ %g: far %v, %q, want %q", hq, far, why, want)
		}
	}
}

// TestModeShareKeepsItsSide: a mode's share is written on its side of each line
// it is judged by, 1% (missing) and half its due (covered): bimodal, seed 2, at
// epoch 3 does not read "2 of 2 modes missing: G puts almost no samples there —
// … mode 2 (at 2) gets 1% of the samples", the "1%" that at epoch 5 reads
// "missing or short".
func TestModeShareKeepsItsSide(t *testing.T) {
	for _, c := range []struct {
		share, expected float64
		want            string
	}{
		{0.0096, 0.5, "0.96%"},
		{0.00996, 0.5, "0.996%"},
		{0.01, 0.5, "1%"},
		{0.012, 0.5, "1.2%"}, // over 1%: not level with it
		{0.0004, 0.5, "0.04%"},
		{0.246, 0.5, "24.6%"},
		{0.2496, 0.5, "24.96%"},
		{0.25, 0.5, "25%"},
		{0.2504, 0.5, "25.04%"}, // over half its due: not level with it
		{0.15, 0.3, "15%"},
		{0.996, 0.5, "99.6%"},
		{0, 0.5, "0%"},
	} {
		if got := ModeShare(c.share, c.expected); got != c.want {
			t.Errorf("ModeShare(%g, due %g) = %q, want %q", c.share, c.expected, got, c.want)
		}
	}
	cfg, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	w.add(engine.EpochStats{Epoch: 3, DReal: 0.66, DFake: 0.67, G: 0.72, Mean: 0.14, Std: 0.14})
	m := engine.Metrics{N: 10000, KS: 0.5, ZDep: 0.5, Std: 0.14, Modes: []engine.ModeCoverage{
		{Mode: engine.Mode{Mean: -2, Std: 0.5}, Share: 0, Expected: 0.5},
		{Mode: engine.Mode{Mean: 2, Std: 0.5}, Share: 0.0096, Expected: 0.5},
	}}
	for _, f := range diagnose(cfg, &w, &Eval{Epoch: 3, Metrics: m, KSFloor: 0.0136}) {
		if f.Kind != ModeDropped {
			continue
		}
		if text, detail := numtext.Plain(f.Text), numtext.Plain(f.Detail); !strings.Contains(text, "2 of 2 modes not yet covered: G puts almost no samples there") || !strings.Contains(detail, "mode 2 (at 2) gets 0.96% of the samples") {
			t.Errorf("a mode with 0.96%% of the samples: %q — %q", text, detail)
		}
		return
	}
	t.Error("no mode-dropped finding")
}

// TestOneDimensionalCollapseIsNamed: on a line as on a plane, G's samples on
// the modes it covers and none on another are mode collapse, in those words,
// which "1 of 2 modes missing: G puts almost no samples there" alone does not
// say (bimodal, seed 4, on its left mode); not before G has trained 100 epochs,
// nor with most samples between the modes or every mode missing.
func TestOneDimensionalCollapseIsNamed(t *testing.T) {
	cfg, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	const collapse = "1 of 2 modes missing: mode collapse, G puts almost no samples there"
	for _, c := range []struct {
		epoch       int
		left, right float64 // the modes' shares of the samples
		want        string
	}{
		{1800, 0.998, 0, collapse},
		{1800, 0.76, 0, collapse},
		{1800, 0.7, 0, "1 of 2 modes missing: G puts almost no samples there"},                                // 30% between the modes
		{50, 0.998, 0, "1 of 2 modes not yet covered: G puts almost no samples there this early in training"}, // G still training its first epochs
		{1800, 0, 0.004, "2 of 2 modes missing: G puts almost no samples there"},
	} {
		w := watchOf(cfg)
		w.add(engine.EpochStats{Epoch: c.epoch, DReal: 0.47, DFake: 0.41, G: 1.19, Mean: -1.9, Std: 0.7})
		m := engine.Metrics{N: 10000, KS: 0.5, ZDep: 0.5, Std: 0.7, Modes: []engine.ModeCoverage{
			{Mode: engine.Mode{Mean: -2, Std: 0.5}, Share: c.left, Expected: 0.5, Covered: c.left >= 0.25},
			{Mode: engine.Mode{Mean: 2, Std: 0.5}, Share: c.right, Expected: 0.5, Covered: c.right >= 0.25},
		}}
		var got string
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: c.epoch, Metrics: m, KSFloor: 0.0136}) {
			if f.Kind == ModeDropped {
				got = numtext.Plain(f.Text)
			}
		}
		if got != c.want {
			t.Errorf("epoch %d, shares %g and %g: %q, want %q", c.epoch, c.left, c.right, got, c.want)
		}
	}
}

// TestModesNotYetCoveredEarly: a mixture's modes G misses before it has trained
// 100 epochs are not yet covered, as a plane's are not yet captured
// (TestPlaneDiagnosis), whether it gives them almost nothing or under half
// their share; from epoch 100 on they are missing. The untrained G of bimodal
// (seed 1), one clump between the modes, is not told "2 of 2 modes missing: G
// puts almost no samples there" at epoch 0, a defect it cannot help, but, as
// ring is told its modes are "not yet captured", that they are not yet covered
// "this early in training".
func TestModesNotYetCoveredEarly(t *testing.T) {
	cfg, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		epoch       int
		left, right float64 // the modes' shares of the samples
		want        string
	}{
		{0, 0, 0, "2 of 2 modes not yet covered: G puts almost no samples there this early in training"},
		{collapseEpochs - 1, 0, 0.004, "2 of 2 modes not yet covered: G puts almost no samples there this early in training"},
		{collapseEpochs - 1, 0.1, 0.004, "2 of 2 modes not yet covered: G gives them under half their share this early in training"},
		{collapseEpochs, 0, 0.004, "2 of 2 modes missing: G puts almost no samples there"},
		{collapseEpochs, 0.1, 0.004, "2 of 2 modes missing or short: G gives them under half their share"},
	} {
		w := watchOf(cfg)
		w.add(engine.EpochStats{Epoch: c.epoch, DReal: 0.56, DFake: 0.78, G: 0.61, Mean: 0.04, Std: 0.07})
		m := engine.Metrics{N: 10000, KS: 0.5, ZDep: 0.5, Std: 0.07, Modes: []engine.ModeCoverage{
			{Mode: engine.Mode{Mean: -2, Std: 0.5}, Share: c.left, Expected: 0.5},
			{Mode: engine.Mode{Mean: 2, Std: 0.5}, Share: c.right, Expected: 0.5},
		}}
		var got []string
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: c.epoch, Metrics: m, KSFloor: 0.0136}) {
			if f.Kind == ModeDropped {
				got = append(got, numtext.Plain(f.Text))
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("epoch %d, shares %g and %g: %q, want %q", c.epoch, c.left, c.right, got, c.want)
		}
	}
}

// TestPlaneModesNotYetCapturedEarly: a plane's modes G misses before it has
// trained 100 epochs are not yet captured, by the rule a mixture's are not yet
// covered (notYet), every mode missed as much as some, and whatever G's samples
// make of them; from epoch 100 on, each is judged as any mode is. ring and grid
// paused at epoch 0, every mode missed by the untrained G's clump, are told
// their modes are not yet captured, as bimodal's are "not yet covered: … this
// early in training", not "G's samples are on none of the 8 modes".
func TestPlaneModesNotYetCapturedEarly(t *testing.T) {
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		epoch    int
		std, hq  float64 // the samples' spread on each axis, their high-quality share
		captured int     // the first this many of the 8 modes
		want     string
		detail   string // what the detail starts with
	}{
		{0, 0.05, 0, 0, "8 of 8 modes not yet captured: G puts almost no samples there this early in training", "not one sample in 2,500 within 3σ of any mode"},
		{collapseEpochs - 1, 0.05, 0, 0, "8 of 8 modes not yet captured: G puts almost no samples there this early in training", "not one sample in 2,500 within 3σ of any mode"},
		{collapseEpochs - 1, 1.4, 0.004, 5, "3 of 8 modes not yet captured: G puts almost no samples there this early in training", "not one sample in 2,500 within 3σ of mode 6 at (-1.41, -1.41), mode 7 at "},
		{collapseEpochs, 0.05, 0, 0, "G's samples are on none of the 8 modes", "not one sample in 2,500 within 3σ of any mode"},
		{collapseEpochs, 1.4, 0.004, 5, "3 of 8 modes missing: G's samples spread wide about the target's centre, many of them on no mode", "not one sample in 2,500 within 3σ of mode 6 at (-1.41, -1.41), mode 7 at "},
	} {
		var spots []engine.SpotShare
		for i := range 8 { // ring's: radius 2, σ 0.02
			a := 2 * math.Pi * float64(i) / 8
			spots = append(spots, engine.SpotShare{Spot: engine.Spot{X: 2 * math.Cos(a), Y: 2 * math.Sin(a), Std: 0.02, Weight: 0.125}, Captured: i < c.captured, Expected: 0.125})
		}
		w := watchOf(cfg)
		pm := &engine.PlaneMetrics{StdX: c.std, StdY: c.std, Spots: spots, HighQuality: c.hq, SW1: 1, SW1Floor: 0.03}
		var got []Finding
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: c.epoch, Metrics: engine.Metrics{N: 2500, Plane: pm}}) {
			if f.Kind == ModeDropped {
				got = append(got, Finding{Kind: f.Kind, Text: numtext.Plain(f.Text), Detail: numtext.Plain(f.Detail)})
			}
		}
		if len(got) != 1 || got[0].Text != c.want || !strings.HasPrefix(got[0].Detail, c.detail) {
			t.Errorf("epoch %d, %d of 8 modes captured: %q, want %q, %q…", c.epoch, c.captured, got, c.want, c.detail)
		}
	}
}

// TestSmallCloudAtItsOneMode: a small cloud of G's samples off the modes that
// reaches one mode alone is said to be so many of that mode's σ from it, the
// only mode any of them reach (not "the one mode it captures", which beside
// "23σ from" reads as a contradiction), named with where it lies, as a missed mode is (the
// plane and the mode map number no mode), too wide for its ±3σ, whose σ it gives: not "at" it,
// which would read as on it, its mean tens of σ away. One that reaches two has
// samples between them. ring (seed 1) at epoch 2,600, its 2,500 samples all
// nearest mode 5, 0.84% within its 3σ, the cloud's spread 0.48, its mean 0.46
// from the mode, is not told "many of them between the modes", the plane
// showing the cloud beside mode 5 and no other mode near.
func TestSmallCloudAtItsOneMode(t *testing.T) {
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		captured []int // the modes captured, from 1
		want     string
	}{
		{[]int{5}, "7 of 8 modes missing: G's samples gather in one small cloud 23σ from mode 5 at (-2, 0), the only mode any of them reach, 99% of them outside that mode's ±3σ (σ 0.02)"},
		{[]int{5, 6}, "6 of 8 modes missing: G's samples gather in one small cloud, many of them between the modes"},
	} {
		var spots []engine.SpotShare
		for i, sp := range engine.NewRing(8, 2, 0.02).Spots() { // ring's
			spots = append(spots, engine.SpotShare{Spot: sp, Captured: slices.Contains(c.captured, i+1), Expected: 0.125})
		}
		w := watchOf(cfg)
		pm := &engine.PlaneMetrics{MeanX: -2.43, MeanY: -0.175, StdX: 0.48, StdY: 0.48, Spots: spots, HighQuality: 0.0084, SW1: 1, SW1Floor: 0.03}
		var got []string
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: 2600, Metrics: engine.Metrics{N: 2500, Plane: pm}}) {
			if f.Kind == ModeDropped {
				got = append(got, numtext.Plain(f.Text))
			}
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("modes %v captured: %q, want %q", c.captured, got, c.want)
		}
	}
}

// TestFindingKindsNameOnlyTheirEvents: a finding's kind, as ganui
// --headless prints it, shares an event's name only where that event
// starts the finding's episodes (findingEvents), or is the runaway, the
// same condition; so kind=mode-dropped never names a missing mode the
// mode-dropped event, a mode covered and then lost, did not mark.
func TestFindingKindsNameOnlyTheirEvents(t *testing.T) {
	for k := range FindingKind(len(findingNames)) {
		for e := range EventKind(len(eventNames)) {
			if ev, ok := findingEvents[k]; k.String() == e.String() && !(ok && ev.start == e) && !(k == Runaway && e == EventRunaway) {
				t.Errorf("finding kind %s is named as the %v event, which does not start it", k, e)
			}
		}
	}
	if got := ModeDropped.String(); got != "modes-missing" {
		t.Errorf("the modes-missing finding is named %q", got)
	}
}

// TestFindingsReadAsTheirEvents: a finding and the event its episode starts are
// one condition and read as one, so that a learner can tell which event goes
// with which finding, and that two findings are different conditions: D's stall
// at its equilibrium is not the finding "D has stopped learning" beside the
// event "d-stalled — D is stuck at its equilibrium", nor D frozen away from it
// that same finding beside "d-frozen". Each opens with its event's words, the
// stall's both when D is still and when the samples are far, and D's
// equilibrium's, "D's losses sit at their equilibrium: ", as its event does.
// G's collapse on a points file is TestCollapseOnPointsSaysNarrow's.
func TestFindingsReadAsTheirEvents(t *testing.T) {
	cfg, err := presets.Get("devnag-moments")
	if err != nil {
		t.Fatal(err)
	}
	// run holds D's losses at at from epoch 8 on (moving by hundredths
	// when moving is set) and returns the last check's finding of kind k
	// and the detail of the event that started its episode.
	run := func(at float64, moving bool, ks float64, k FindingKind, start EventKind) (text, event string) {
		t.Helper()
		w := watchOf(cfg)
		var p episodes
		ev := &Eval{Metrics: engine.Metrics{N: 1000, KS: ks, ZDep: 0.5, Std: 0.5}, KSFloor: 0.0136}
		var fs []Finding
		for e := 1; e <= 300; e++ {
			st := engine.EpochStats{Epoch: e, DReal: at, DFake: at, G: 2.1351, Mean: 0.47, Std: 0.5}
			if e <= 7 || moving {
				d := 0.01 * float64(e%3-1)
				st.DReal, st.DFake = at+d, at-d
			}
			w.add(st)
			if e%50 == 0 {
				ev.Epoch = e
				fs = diagnose(cfg, &w, ev)
				for _, x := range p.update(fs, ev, e, 50, &w) {
					if x.Kind == start {
						event = numtext.Plain(x.Detail)
					}
				}
			}
		}
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == k })
		if i < 0 || event == "" {
			t.Fatalf("D's losses at %g, KS %g: findings %+v, event %q: want %v and its %v", at, ks, fs, event, k, start)
		}
		return numtext.Plain(fs[i].Text), event
	}
	for _, c := range []struct {
		name       string
		at         float64
		moving     bool
		ks         float64
		k          FindingKind
		start      EventKind
		opens, not string
	}{
		{"still", math.Ln2, false, 0.3, DStalled, EventStalled, "D is stuck at its equilibrium", "frozen"},
		{"far", math.Ln2, true, 0.9, DStalled, EventStalled, "D is stuck at its equilibrium", "frozen"},
		{"frozen", 1.1305, false, 0.9, DFrozen, EventFrozen, "D is frozen away from its equilibrium", "stuck"},
		{"equilibrium", math.Ln2, true, 0.3, DIndifferent, EventEquilibrium, "D's losses sit at their equilibrium: ", "stuck"},
	} {
		text, event := run(c.at, c.moving, c.ks, c.k, c.start)
		if !strings.HasPrefix(text, c.opens) || strings.Contains(text, c.not) {
			t.Errorf("%s: the %v finding %q, want it to open %q (the %v event: %q) and not to say %q", c.name, c.k, text, c.opens, c.start, event, c.not)
		}
		if (c.k == DStalled || c.k == DIndifferent) && !strings.HasPrefix(event, c.opens) {
			t.Errorf("%s: the %v event %q, want it to open as its finding does, %q", c.name, c.start, event, c.opens)
		}
	}
}

// TestStallHoldsThroughAKick: a D stuck at its equilibrium stays stuck while
// its losses are kicked off it by less than the line the equilibrium ends at,
// and only an epoch past that line, a learning D's, ends the stall. A dead D's
// output bias, moved by Adam's steps of the learning rate's size on a vanishing
// gradient, kicks its losses 0.0002 to 0.05 off ln 2 for an epoch or a dozen
// (blog-original --set d_lr=2e-3, seed 4, 0.00042 and 0.00062 at epochs 2,742
// and 2,743); one epoch past stillTol does not end the stall, which with KS
// under 0.5 would have the findings say "D is stuck at its equilibrium" at one
// check and the equilibrium's "D's losses sit at their equilibrium" at the
// next, the losses reading 0.693 on the chart throughout.
func TestStallHoldsThroughAKick(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	kind := func(e int) (FindingKind, Finding) {
		t.Helper()
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: e, Metrics: engine.Metrics{N: 2000, KS: 0.3, ZDep: 1}, KSFloor: 0.01}) {
			if inEpisode(f.Kind, DIndifferent) {
				return f.Kind, f
			}
		}
		t.Fatalf("epoch %d: D not at its equilibrium", e)
		return 0, Finding{}
	}
	add := func(e int, off float64) {
		w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2 + off, DFake: math.Ln2 - off, G: math.Ln2, Mean: 4, Std: 1})
	}
	e := 0
	for ; e < 150; e++ { // a dead D: every sample ½
		add(e+1, 0)
	}
	if k, _ := kind(e); k != DStalled {
		t.Fatalf("epoch %d, still at ln 2: %v, want D stalled", e, k)
	}
	// The kicks, each then back at ln 2; the checks after each must all
	// still find the stall.
	for _, kick := range []float64{0.0002, 0.0006, 0.005, 0.05} {
		for i := range 12 {
			off := 0.0
			if i == 0 {
				off = kick
			}
			e++
			add(e, off)
			if k, f := kind(e); k != DStalled {
				t.Fatalf("epoch %d, %g after a kick of %g: %v (%s), want D still stalled", e, off, kick, k, f.Detail)
			}
		}
	}
	_, f := kind(e)
	if want := fmt.Sprintf("each epoch's D losses within 0.0001 of ln 2 = 0.6931 for 100 in a row, and within 0.06 on each of the %d epochs since", e-lossWindow); !strings.Contains(numtext.Plain(f.Detail), want) {
		t.Errorf("detail %q, want it to say %q", f.Detail, want)
	}
	// A learning D's losses move by hundredths: an epoch past the line
	// ends the stall, and the equilibrium's ✓ holds while they move.
	for i := range 20 {
		e++
		add(e, 0.07*float64(i%3-1))
		if k, _ := kind(e); i > 0 && k != DIndifferent {
			t.Fatalf("epoch %d, D learning again: %v, want D at its equilibrium", e, k)
		}
	}
}

// TestSaturatedSaysTheRunawayBuildingUp: a loss at its limit for
// saturatedEpochs in a row is a finding, saying which loss, what it means of D
// and how long the runaway takes, from then until the runaway ends the run;
// fewer is a spike that passes, and no finding. vanilla, d_lr 2e-2 and d_steps
// 10 from epoch 500 (seed 1), has D's loss on generated data at 100 and G's at
// 0 for the 200 epochs before its runaway, a finding, not "No finding now". Two
// losses there are "at their limit", their detail "near their limit".
func TestSaturatedSaysTheRunawayBuildingUp(t *testing.T) {
	cfg := testdesigns.PerSample(3000)
	for _, c := range []struct {
		loss      engine.Loss
		epochs    int
		dFake, g  float64
		want, not string
	}{
		{engine.LossBCE, saturatedEpochs - 1, 100, 0, "", ""},
		{engine.LossBCE, saturatedEpochs, 100, 0, "D's loss on generated data at its limit: D is certain and wrong on nearly every generated sample; 200 epochs of it in a row end the run as a runaway", "G's loss"},
		{engine.LossBCE, saturatedEpochs, 100, 100, "D's loss on generated data and G's loss at their limit: D is certain and wrong on nearly every generated sample; D is certain and right", "its limit"},
		{engine.LossBCE, runawayEpochs - 1, 0.01, 100, "G's loss at its limit: D is certain and right on nearly every generated sample, so G gets no gradient from it", "D's loss"},
		{engine.LossLeastSquares, 50, 150, 0.5, "D's loss on generated data past 99, as far from any fit", "certain"},
	} {
		cfg.Loss = c.loss
		w := watchOf(cfg)
		for e := 1; e <= 300; e++ {
			st := engine.EpochStats{Epoch: e, DReal: 0.7, DFake: 0.7, G: 0.7, Mean: 4, Std: 1.25}
			if e > 300-c.epochs {
				st.DReal, st.DFake, st.G = 0, c.dFake, c.g
			}
			if e == 300-c.epochs+1 && c.epochs > 1 { // all three pass through their limit on the way
				st.DReal, st.G = 100, 100
			}
			if r := w.add(st); r != "" {
				t.Fatalf("%s, %d epochs at the limit: a runaway %q", c.loss, c.epochs, r)
			}
		}
		var got *Finding
		for _, f := range diagnose(cfg, &w, &Eval{}) {
			if f.Kind == DSaturated {
				got = &f
			}
		}
		switch {
		case c.want == "" && got != nil:
			t.Errorf("%s, %d epochs at the limit: %q", c.loss, c.epochs, got.Text)
		case c.want == "":
		case got == nil:
			t.Errorf("%s, %d epochs at the limit: no finding, want %q", c.loss, c.epochs, c.want)
		case !strings.Contains(got.Text, c.want) || strings.Contains(got.Text, c.not) || strings.Contains(got.Detail, c.not) || !strings.Contains(got.Detail, fmt.Sprintf("for the last %d epochs in a row, of the 200 a runaway takes", c.epochs)):
			t.Errorf("%s, %d epochs at the limit: %q (%q), want %q", c.loss, c.epochs, got.Text, got.Detail, c.want)
		}
	}
}

// TestSaturatedListsThreeLosses: a least-squares D whose scores have run
// far below 0, D(x) = −100, has all three losses past the line, D real
// and G 10,201, D fake 10,000; the finding lists them as a sentence lists
// three, "D's loss on real data, D's loss on generated data and G's loss
// past 99", its detail too, not "… and … and …".
func TestSaturatedListsThreeLosses(t *testing.T) {
	cfg := testdesigns.PerSample(3000)
	cfg.Loss = engine.LossLeastSquares
	w := watchOf(cfg)
	for e := 1; e <= 300; e++ {
		st := engine.EpochStats{Epoch: e, DReal: 0.7, DFake: 0.7, G: 0.7, Mean: 4, Std: 1.25}
		if e > 250 {
			st.DReal, st.DFake, st.G = 10201, 10000, 10201
		}
		if r := w.add(st); r != "" {
			t.Fatalf("epoch %d: a runaway %q", e, r)
		}
	}
	const want = "D's loss on real data, D's loss on generated data and G's loss past 99"
	for _, f := range diagnose(cfg, &w, &Eval{}) {
		if f.Kind != DSaturated {
			continue
		}
		if !strings.HasPrefix(f.Text, want+", as far from any fit") || !strings.HasPrefix(f.Detail, want+" for the last 50 epochs") {
			t.Errorf("%q (%q), want both to start %q", f.Text, f.Detail, want)
		}
		return
	}
	t.Errorf("no finding, want %q", want)
}

// TestStallSaysWhatDScores: a D stalled at its equilibrium is said to give
// every sample the same score only where it scores single samples; a D that
// judges whole rows gives "everything it judges" the same score.
// blog-original's ? page does not say its D "gives every sample the same score"
// above its remedy's "Such a D scores no single sample".
func TestStallSaysWhatDScores(t *testing.T) {
	for _, c := range []struct{ preset, want string }{
		{"vanilla", "gives every sample the same score"},
		{"blog-original", "gives everything it judges the same score"},
		{"devnag-moments", "gives everything it judges the same score"},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		w := watchOf(cfg)
		for e := 1; e <= 2*lossWindow; e++ { // D's losses held at ln 2: a still D
			w.add(engine.EpochStats{Epoch: e, DReal: math.Ln2, DFake: math.Ln2, G: math.Ln2, Mean: 4, Std: 1})
		}
		fs := diagnose(cfg, &w, &Eval{Metrics: engine.Metrics{N: 1000, KS: 0.9, ZDep: 1}, KSFloor: 0.01})
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == DStalled })
		if i < 0 {
			t.Errorf("%s: %+v, want D stalled", c.preset, fs)
			continue
		}
		if got := numtext.Plain(fs[i].Text); !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q in it", c.preset, got, c.want)
		}
	}
}

// TestFrozenDIsNotThawedByALowerRate: the frozen finding's remedy works when
// followed. A D frozen by too high a learning rate stays still when the rate is
// lowered mid-run (devnag-moments --set d_lr=10, seed 1, lowered to its
// preset's 1e-3 at epoch 200: D's losses fixed, at ln 2 by then, to the run's
// end, G collapsed), so the finding says to run again with a lower one, not
// "try a lower one".
func TestFrozenDIsNotThawedByALowerRate(t *testing.T) {
	cfg, err := presets.Get("devnag-moments")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DLR = 10
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500})
	for s.gan.Epoch() < 200 {
		s.trainEpoch()
	}
	f, ok := frozen(&s.watch)
	if !ok {
		t.Fatalf("devnag-moments at D lr 10, epoch 200: D not frozen")
	}
	if want := "run again with a lower one"; !strings.Contains(f.Text, want) {
		t.Errorf("the finding %q, want %q in it", f.Text, want)
	}
	for s.gan.Config().DLR > 1e-3 {
		Adjust{DLR, -1}.apply(s)
	}
	for s.gan.Epoch() < 1200 {
		s.trainEpoch()
	}
	if _, ok := frozen(&s.watch); !ok && s.watch.still < lossWindow {
		t.Errorf("D lr lowered to %g at epoch 200: D's losses move again by epoch 1,200 (D real %.4f, D fake %.4f): a lower rate is remedy enough", s.gan.Config().DLR, s.watch.prevDReal, s.watch.prevDFake)
	}
}

// TestPlateauCountsTheShare: on a plane of modes the plateau is the
// high-quality share's too, as D's stall is (gaining): SW1 flat while the share
// climbs is G moving its samples onto the modes, not a plateau. These are
// ring-mbd's checks (seed 2, GOEXPERIMENT=simd), every 200 epochs to epoch
// 5,400, whose plateau window is 4,000 epochs: its SW1's best, 0.1979, is not
// 10% under the 0.1731 of epoch 1,200, while the share's best climbed from 10%
// to 79%, and it is not told "SW1 has not improved by 10% in 4,000 epochs, far
// from the target, a plateau" there, on its way to 90% at epoch 10,000. The same checks with the
// share at 78% all along are a plateau still.
func TestPlateauCountsTheShare(t *testing.T) {
	cfg, err := presets.Get("ring-mbd")
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ epoch, sw1, hq float64 }{
		{200, 1.2355, 0.0076}, {400, 0.5116, 0.0020}, {600, 0.3005, 0.0044}, {800, 0.2706, 0.0052}, {1000, 0.1885, 0.0184}, {1200, 0.1731, 0.0680},
		{1400, 0.2013, 0.0976}, {1600, 0.2123, 0.0756}, {1800, 0.2079, 0.1324}, {2000, 0.1979, 0.2056}, {2200, 0.2360, 0.2680}, {2400, 0.2559, 0.3036},
		{2600, 0.2944, 0.2708}, {2800, 0.3004, 0.3552}, {3000, 0.2958, 0.3936}, {3200, 0.2957, 0.4536}, {3400, 0.3360, 0.4892}, {3600, 0.3169, 0.5868},
		{3800, 0.3011, 0.6184}, {4000, 0.3110, 0.5520}, {4200, 0.3087, 0.7000}, {4400, 0.2781, 0.7296}, {4600, 0.2994, 0.7452}, {4800, 0.3545, 0.7780},
		{5000, 0.3336, 0.7508}, {5200, 0.3253, 0.7880}, {5400, 0.3467, 0.7792},
	}
	var spots []engine.SpotShare
	for i := range 8 { // ring(8,2,0.02)
		a := float64(i) * math.Pi / 4
		spots = append(spots, engine.SpotShare{Spot: engine.Spot{X: 2 * math.Cos(a), Y: 2 * math.Sin(a), Std: 0.02, Weight: 0.125}, Share: 0.11, Captured: true, Expected: 0.125})
	}
	plateaued := func(held bool) (bool, []Finding) {
		w := watchOf(cfg)
		w.ylo, w.yhi, w.sw1Noise = -3, 3, 0.031
		w.seen, w.dReal, w.dFake = lossWindow, 0.6, 0.6 // off its equilibrium
		var pts []EvalPoint
		for _, c := range checks {
			hq := c.hq
			if held {
				hq = max(hq, 0.78)
			}
			pts = append(pts, EvalPoint{Epoch: int(c.epoch), SW1: c.sw1, HQ: hq})
		}
		w.follow(pts, 200)
		last := pts[len(pts)-1]
		e := &Eval{Epoch: last.Epoch, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{StdX: 1.4, StdY: 1.4, Spots: spots, HighQuality: last.HQ, SW1: last.SW1, SW1Floor: 0.031}}}
		found := diagnose(cfg, &w, e)
		return slices.ContainsFunc(found, func(f Finding) bool { return f.Kind == Plateau }), found
	}
	if got, found := plateaued(false); got {
		t.Errorf("epoch 5,400, SW1 flat, the share's best 79%% against 10%% before: a plateau, %v", found)
	}
	got, found := plateaued(true)
	if !got {
		t.Fatalf("epoch 5,400, SW1 flat, the share 78%% all along: %v, want a plateau", found)
	}
	if want := "the best of the last 4,000 epochs' checks SW1 0.198, over 3× 1.5× the 0.031 of 2,500 samples of the target itself, and not 10% under the best before them, SW1 0.173; the high-quality share's best HQ 79%, not 10% over its best before them, HQ 78%"; numtext.Plain(found[0].Detail) != want {
		t.Errorf("its detail %q, want %q", numtext.Plain(found[0].Detail), want)
	}
}

// TestPlateauEndsAsTheShareRises: a plateau on a plane of modes ends
// where the window's high-quality share climbs plateauLeave times
// plateauGain over its best before, SW1 flat, and says so.
func TestPlateauEndsAsTheShareRises(t *testing.T) {
	cfg, err := presets.Get("ring-mbd")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	w.ylo, w.yhi, w.window = -3, 3, 4000
	w.before, w.lately, w.hq = [2]float64{0.17, 0.17}, [2]float64{0.2, 0.2}, [2]float64{0.5, 0.7}
	if w.flat(plateauLeave) {
		t.Errorf("the share 50%% to 70%%, SW1 flat: the plateau lingers")
	}
	if got, want := numtext.Plain(improving(&w, nil, nil)), "the high-quality share rises again: the best of the last 4,000 epochs' checks HQ 70%, SW1 0.200, the best before them HQ 50%, SW1 0.170"; got != want {
		t.Errorf("its end %q, want %q", got, want)
	}
}

// TestBlurredShareReadsOverItsLine: the modes' blurred finding writes the share
// between the modes over the line it is found over, "25.04% of the samples fall
// between the modes …, over 25%", not "25% of the samples … over 25%"
// (historical-averaging, seed 1, epoch 4,910); a plane's, of the samples within
// 3σ of no mode, likewise.
func TestBlurredShareReadsOverItsLine(t *testing.T) {
	cfg, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		share float64 // each mode's share of the samples
		want  string
	}{
		{0.3748, "25.04% of the samples fall between the modes"},
		{0.35, "30% of the samples fall between the modes"},
	} {
		w := watchOf(cfg)
		w.add(engine.EpochStats{Epoch: 1800, DReal: 0.47, DFake: 0.41, G: 1.19, Mean: 0, Std: 2})
		m := engine.Metrics{N: 10000, KS: 0.2, ZDep: 0.5, Std: 2, Modes: []engine.ModeCoverage{
			{Mode: engine.Mode{Mean: -2, Std: 0.5}, Share: c.share, Expected: 0.5, Covered: true},
			{Mode: engine.Mode{Mean: 2, Std: 0.5}, Share: c.share, Expected: 0.5, Covered: true},
		}}
		var got, text string
		for _, f := range diagnose(cfg, &w, &Eval{Epoch: 1800, Metrics: m, KSFloor: 0.0136}) {
			if f.Kind == ModesBlurred {
				got, text = numtext.Plain(f.Detail), f.Text
			}
		}
		if !strings.HasPrefix(got, c.want) || !strings.HasSuffix(got, "over 25%") {
			t.Errorf("modes' shares %g each: %q, want it to start %q and end \"over 25%%\"", c.share, got, c.want)
		}
		// What the share counts, not one blob: two modes each too wide
		// put as many between them.
		if want := "the modes are covered but not separated: many samples fall between them"; text != want {
			t.Errorf("modes' shares %g each: %q, want %q", c.share, text, want)
		}
	}
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(ring)
	spots := []engine.SpotShare{{Spot: engine.Spot{X: 1}, Captured: true}, {Spot: engine.Spot{X: -1}, Captured: true}}
	var got string
	for _, f := range diagnosePlane(ring, &w, &engine.PlaneMetrics{StdX: 1, StdY: 1, HighQuality: 0.7496, Spots: spots}, 2500, 1800, nil) {
		if f.Kind == ModesBlurred {
			got = numtext.Plain(f.Detail)
		}
	}
	if want := "25.04% of the samples are not within 3σ of any mode, over 25%"; got != want {
		t.Errorf("a plane's high-quality share 0.7496: %q, want %q", got, want)
	}
}

// TestNoiseIgnoredHoldsAtAnyShape: a G that ignores its noise nearly repeats
// one row of samples, whether or not that row fits the target, so the finding says that
// and nothing of the shape, which the measures judge. blog-original (seed 1)
// ignores its noise at epoch 255 with its histogram on the target, KS 0.040,
// and is not told "matching the mean and std is not matching the shape"; at
// epoch 5,000 its mean is 12.7 against 4.
func TestNoiseIgnoredHoldsAtAnyShape(t *testing.T) {
	cfg, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(cfg)
	for e := 1; e <= lossWindow; e++ {
		d := 0.05 * float64(e%3-1)
		w.add(engine.EpochStats{Epoch: e, DReal: 0.5 + d, DFake: 0.6 - d, G: 1, Mean: 4, Std: 1.25})
	}
	for _, ks := range []float64{0.040, 0.888} {
		fs := diagnose(cfg, &w, &Eval{Epoch: lossWindow, Metrics: engine.Metrics{N: 10000, RowWidth: 100, KS: ks, Std: 1.25, ZDep: 0.03}, KSFloor: 0.0136})
		i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == NoiseIgnored })
		if i < 0 {
			t.Fatalf("KS %g: %+v, want G ignores its noise", ks, fs)
		}
		text := numtext.Plain(fs[i].Text)
		if strings.Contains(text, "shape") || strings.Contains(text, "mean") || !strings.Contains(text, "nearly the same row of 100 samples, the noise explaining under 5% of their variance, however well they fit the target") {
			t.Errorf("KS %g: %q, want the row nearly repeated, whatever its fit", ks, text)
		}
	}
}

// TestEventStartsSayWhatStarted: a finding's start event says what started in
// words, then its measures, as its end says what ended: D's win in its loss's
// terms, the noise ignored and the noise floor by their findings' heads, not
// the measures alone, "d-wins — D real 0.0407, D fake 0.0302, averaged over
// about 100 epochs, together under 0.1" in the events list (vanilla, seed 1,
// epoch 600), with nothing there saying what they mean.
func TestEventStartsSayWhatStarted(t *testing.T) {
	for _, c := range []struct {
		loss         engine.Loss
		dReal, dFake float64
		ks, zDep     float64
		kind         EventKind
		want         string
	}{
		{engine.LossBCE, 0.02, 0.02, 0.97, 1, EventDWins, "D scores real data over 0.9 and generated data under 0.1, on average: losses averaged over about 100 epochs, D real 0.020, D fake 0.020, together under 0.1"},
		{engine.LossLeastSquares, 0.0005, 0.0005, 0.97, 1, EventDWins, "D's scores lie near their labels: losses averaged over about 100 epochs, D real 0.001, D fake 0.001, together under 0.018, 7.2% of the ¼ they sum to at equilibrium"},
		{engine.LossHinge, 0.05, 0.02, 0.97, 1, EventDWins, "D's mean scores lie near or past its margins: losses averaged over about 100 epochs, D real 0.050, D fake 0.020, together under 0.144, 7.2% of the 2 they sum to at equilibrium"},
		{engine.LossBCE, 0.5, 0.9, 0.5, 0.01, EventNoiseIgnored, "G ignores its noise: noise use 0.010, under 0.05"},
		{engine.LossBCE, 0.5, 0.9, 0.005, 1, EventNoiseFloor, "KS at its noise floor: KS 0.005, under the 95% bound 0.010"},
	} {
		cfg := testdesigns.PerSample(100)
		cfg.Loss = c.loss
		w := watchOf(cfg)
		var p episodes
		var events []Event
		for e := 1; e <= lossWindow+10; e++ {
			w.add(engine.EpochStats{Epoch: e, DReal: c.dReal, DFake: c.dFake, G: 1, Mean: 0, Std: 1})
			if e >= lossWindow && e%10 == 0 {
				ev := &Eval{Epoch: e, Metrics: engine.Metrics{N: 1000, KS: c.ks, ZDep: c.zDep}, KSFloor: 0.01}
				events = append(events, p.update(diagnose(cfg, &w, ev), ev, e, 10, &w)...)
			}
		}
		i := slices.IndexFunc(events, func(e Event) bool { return e.Kind == c.kind })
		if i < 0 {
			t.Errorf("%s: no %s among %+v", c.loss, c.kind, events)
			continue
		}
		if got := numtext.Plain(events[i].Detail); got != c.want {
			t.Errorf("%s: %s says %q, want %q", c.loss, c.kind, got, c.want)
		}
	}
}

// TestDWinsNamesItsNumbersAsLosses: D's win says what its scores are,
// "D wins: it scores real data over 0.9 and generated data under 0.1, on
// average", then gives its averaged losses, which must say they are
// losses: bare, "— D real 0.041, D fake 0.030", they read as the scores
// the words had just put over 0.9 and under 0.1.
func TestDWinsNamesItsNumbersAsLosses(t *testing.T) {
	cfg := testdesigns.PerSample(100)
	w := watchOf(cfg)
	for e := 1; e <= lossWindow; e++ {
		w.add(engine.EpochStats{Epoch: e, DReal: 0.041, DFake: 0.030, G: 1, Mean: 0, Std: 1})
	}
	ev := &Eval{Epoch: lossWindow, Metrics: engine.Metrics{N: 1000, KS: 0.5, ZDep: 1}, KSFloor: 0.01}
	fs := diagnose(cfg, &w, ev)
	i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == DWins })
	if i < 0 {
		t.Fatalf("no D win among %+v", fs)
	}
	if got, want := numtext.Plain(fs[i].Detail), "losses averaged over about 100 epochs, D real 0.041, D fake 0.030, together under 0.1"; got != want {
		t.Errorf("D's win: %q — %q, want %q", fs[i].Text, got, want)
	}
}

// TestDWinsLinesShareBCEs: the least-squares and hinge lines D wins under
// are BCE's share of its balance sum (dWinsShare) of theirs, to the
// rounding the screen reads: least squares' ¼ and the hinge's 2.
func TestDWinsLinesShareBCEs(t *testing.T) {
	ls, _ := EquilibriumOf(engine.Config{Loss: engine.LossLeastSquares, RealLabel: 1})
	for _, c := range []struct {
		loss    engine.Loss
		balance float64 // D's two losses' sum at its balance
	}{{engine.LossBCE, 2 * math.Ln2}, {engine.LossLeastSquares, ls.DReal + ls.DFake}, {engine.LossHinge, hingeSum}} {
		under, _, _ := dWinsUnder(engine.Config{Loss: c.loss, RealLabel: 1})
		if want := dWinsShare * c.balance; math.Abs(under-want) > 0.01*want {
			t.Errorf("%s: D wins under %g, want %.4g, %.1f%% of its balance %g as BCE's", c.loss, under, want, 100*dWinsShare, c.balance)
		}
	}
}

// TestDWinsSaysScoresInPlainWords: under BCE D's win says what D's scores are
// while its two losses sum to under 0.1, in plain words the line holds: a
// loss −log D under 0.1, however the two split it, puts D's mean score over
// 0.9 on real data and under 0.1 on generated (the geometric mean bounds the
// mean), where a probability's "almost surely" would claim probability 1.
// Under label smoothing D's scores on real data are near its label instead.
func TestDWinsSaysScoresInPlainWords(t *testing.T) {
	for _, l := range []float64{0, 0.03, 0.05, 0.07, 0.0999} {
		if real, fake := math.Exp(-l), 1-math.Exp(-(0.1-l)); real <= 0.9 || fake >= 0.1 {
			t.Errorf("losses %.4f and %.4f: D(real) %.4f, D(fake) %.4f, beyond the words' 0.9 and 0.1", l, 0.1-l, real, fake)
		}
	}
	for _, c := range []struct {
		label float64
		want  string
	}{
		{1, "it scores real data over 0.9 and generated data under 0.1, on average"},
		{0.9, "it scores real data near its label and generated data under 0.1, on average"},
	} {
		got := numtext.Plain(dWinsSays(engine.Config{Loss: engine.LossBCE, RealLabel: c.label}))
		if got != c.want {
			t.Errorf("real label %g: D's win says %q, want %q", c.label, got, c.want)
		}
	}
}

// TestFindingsClaimWhatTheyMeasure: each finding's text claims what its
// trigger measures and no more. D's losses at ln 2 are those of a D that
// cannot tell real from fake, which a D sure and right on some samples and
// sure and wrong on others can average too, so the equilibrium says so of its
// losses, not of D; a frozen D's fixed losses leave G learning from its fixed
// scores alone, not from nothing (devnag-moments --set d_lr=10, seed 1, G
// collapsed from epoch 3,050); a spread under a tenth of the target's is what
// the collapse measures; D's win under the non-saturating loss fits two rows at
// 120×40 with its detail (TestPendingNoteTakesNoGlossaryRow). A noise use
// under 0.05 is the noise explaining under 5% of the samples' variance: nearly
// the same row from every draw, not the same values. A plateau is KS not
// 10% better in its window, which foretells nothing of more epochs (uniform,
// seed 1, plateaued at 7,500, reaches the noise floor at 58,000, where 15
// of the presets' 18 plateaus do not lift by a fifth within their plans), so
// it says what a learner can try. The hinge loss's sum of 2 is D's mean
// scores alike only while they lie within its margins ±1, past which a loss
// is 0, so its equilibrium says so. BCE's losses at ln 2 each put only D's
// geometric mean on real data at ½ (Jensen: its mean anywhere from ½ up, 0.625
// for a D sure and right on half the real samples and scoring ¼ on the rest),
// so its equilibrium names the losses, what D(x) = ½ gives on every sample, not
// D(x) ≈ ½. Samples spread wide about the target's
// centre with modes missing are what the trigger reads, not where the samples
// off the modes lie: grid at epoch 15,000 rings the outer square (grid15000),
// no spread-out cloud. D at ½ is the best D everywhere only once G matches the
// target (Goodfellow et al. 2014), and a D of limited capacity sits there while
// G's samples differ: with KS over 3× its noise floor (uniform, seed 1, KS 0.25
// at its plan's end beside its plateau), the equilibrium says so, on the
// floor of a check's sample whatever the evaluation's size, and says which:
// the screen's 10,000 samples, a check's 2,000 and the final line's 100,000
// judge one run on one line (an evaluation of fewer samples than a check's
// on its own floor, which is higher).
func TestFindingsClaimWhatTheyMeasure(t *testing.T) {
	for _, c := range []struct {
		name         string
		preset       string
		gLoss        engine.GLoss
		epochs       int
		dReal, dFake float64
		moving       bool
		m            engine.Metrics
		flat         float64 // the KS of checks every 100 epochs up to epochs, where set
		k            FindingKind
		want         string
	}{
		{"equilibrium", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.09}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		{"equilibrium off the target", "uniform", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.2514}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake, which does not mean G matches the target: KS is over 3× its noise floor at 2,000 samples, and a D of limited capacity can sit there while G's samples differ"},
		{"far", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.9}, 0, DStalled,
			"D is stuck at its equilibrium, yet the samples are far from the target: D's losses are those of a D that cannot tell real from fake, but G has not matched the target; KS still falling means a slow run, KS flat a stalled one"},
		{"frozen", "vanilla", engine.GLossNonSaturating, 300, 1.1305, 1.1305, false, engine.Metrics{KS: 0.9}, 0, DFrozen,
			"D is frozen away from its equilibrium: it has stopped learning, its losses fixed epoch after epoch, so G learns from D's fixed scores alone; too high a learning rate leaves D so, and lowering it now may leave D frozen: run again with a lower one"},
		{"wins", "vanilla", engine.GLossNonSaturating, 300, 0.04, 0.05, true, engine.Metrics{KS: 0.9}, 0, DWins,
			"D wins: it scores real data over 0.9 and generated data under 0.1, on average; the non-saturating G loss keeps G's gradient"},
		{"wins minimax", "vanilla", engine.GLossMinimax, 300, 0.04, 0.05, true, engine.Metrics{KS: 0.9}, 0, DWins,
			"D wins: it scores real data over 0.9 and generated data under 0.1, on average, so the minimax G loss saturates and G's gradient is faint: try g_loss nonsaturating"},
		// D's win reads the sum of its losses, which under the hinge loss
		// puts D's mean scores over 0.85 and under −0.85 (each loss at
		// least 1 less D's mean score on its side), not nearly every
		// sample past a margin: scores of 0.95 and −0.95 sum to 0.1 with
		// none past it. Under least squares it puts the scores within
		// 0.19 of their labels by root mean square, not at them.
		{"wins hinge", "hinge", engine.GLossNonSaturating, 300, 0.05, 0.05, false, engine.Metrics{KS: 0.9}, 0, DWins,
			"D wins: it scores real data over 0.85 and generated data under −0.85, on average, near or past its margins ±1; G's loss −D(G(z)) keeps G's gradient"},
		{"wins least squares", "lsgan", engine.GLossNonSaturating, 300, 0.008, 0.008, false, engine.Metrics{KS: 0.9}, 0, DWins,
			"D wins: its scores lie near their labels, real data's 1 and generated data's 0, each within 0.19 by root mean square; G's least-squares loss keeps G's gradient"},
		{"collapsed", "vanilla", engine.GLossNonSaturating, collapseLong, 0.6, 0.8, true, engine.Metrics{KS: 0.9, Std: 0.0999 * 1.25}, 0, GCollapsed,
			"G has collapsed to nearly one point: its samples spread under a tenth as wide as the target (mode collapse)"},
		{"not collapsed", "vanilla", engine.GLossNonSaturating, collapseLong, 0.6, 0.8, true, engine.Metrics{KS: 0.9, Std: 0.1001 * 1.25}, 0, GCollapsed, ""},
		{"noise ignored", "blog-original", engine.GLossNonSaturating, 300, 0.6, 0.8, true, engine.Metrics{KS: 0.04, ZDep: 0.0499, RowWidth: 100}, 0, NoiseIgnored,
			"G ignores its noise: every draw gives nearly the same row of 100 samples, the noise explaining under 5% of their variance, however well they fit the target"},
		{"plateau", "uniform", engine.GLossNonSaturating, 4000, 0.6, 0.8, true, engine.Metrics{KS: 0.25}, 0.25, Plateau,
			"KS has not improved by 10% in 3,000 epochs, far from the target, a plateau: train on to see whether it lifts, or try other settings"},
		{"hinge", "hinge", engine.GLossNonSaturating, 300, 0.7, 1.3, true, engine.Metrics{KS: 0.02}, 0, DIndifferent,
			"D's losses sit at their equilibrium: a sum of 2, D's mean scores alike on real and generated data if all lie within its margins ±1, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		// One line for one run: the screen's 10,000 samples, a check's
		// 2,000 and the final line's --samples 100000 judge a KS of 0.06
		// near enough (over 3× the 95% bound of 10,000 samples, 0.041,
		// under that of 2,000, 0.091) and one of 0.1 off the target, on
		// the floor of a check's sample; 500 samples, fewer than a
		// check's, on their own floor (0.061, 3× 0.18).
		// D's losses at ln 2 each put by Jensen only D's geometric mean
		// on real data (of 1 − D(x) on generated data) at ½, so the
		// equilibrium names the losses D(x) = ½ gives, not D's scores;
		// under label smoothing its balance, D(x) = 0.45.
		{"label smoothing", "label-smoothing", engine.GLossNonSaturating, 300, 0.7784, 0.5978, true, engine.Metrics{KS: 0.05}, 0, DIndifferent,
			"D's losses sit at their equilibrium: their balance, what D(x) = 0.45 gives on every sample, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		{"screen's sample near enough", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.06}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		{"check's sample near enough", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.06, N: 2000}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		{"final line's sample off the target", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.1, N: 100000}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake, which does not mean G matches the target: KS is over 3× its noise floor at 2,000 samples, and a D of limited capacity can sit there while G's samples differ"},
		{"check's sample off the target", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.1, N: 2000}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake, which does not mean G matches the target: KS is over 3× its noise floor at 2,000 samples, and a D of limited capacity can sit there while G's samples differ"},
		{"small sample on its own floor", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.1, N: 500}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		{"small sample off the target", "vanilla", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{KS: 0.19, N: 500}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake, which does not mean G matches the target: KS is over 3× its noise floor at 500 samples, and a D of limited capacity can sit there while G's samples differ"},
		// A plane's --samples 10000, SW1's floor 0.015 there against a
		// check's 0.03: SW1 0.1 is over 3× the line of 10,000 samples
		// (0.0675), under that of a check's (0.135).
		{"plane's larger sample near enough", "ring", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{N: 10000, Plane: ringAllCaptured(0.1, 0.015)}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		{"equilibrium off a plane's target", "ring", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{Plane: ringAllCaptured(0.2, 0.03)}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake, which does not mean G matches the target: SW1 is over 3× its noise floor at 2,500 samples, and a D of limited capacity can sit there while G's samples differ"},
		{"equilibrium on a plane's target", "ring", engine.GLossNonSaturating, 300, math.Ln2, math.Ln2, true, engine.Metrics{Plane: ringAllCaptured(0.13, 0.03)}, 0, DIndifferent,
			"D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake; the shape is for the measures to judge"},
		{"wide about the centre", "grid", engine.GLossNonSaturating, 15000, 0.4, 0.34, true, engine.Metrics{Plane: grid15000()}, 0, ModeDropped,
			"8 of 25 modes missing: G's samples spread wide about the target's centre, many of them on no mode"},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		cfg.GLoss = c.gLoss
		m := c.m // the screen's 10,000 samples (a plane's 2,500), the noise used, the spread 1 unless said
		if m.N == 0 {
			m.N = DefaultSamples
			if m.Plane != nil {
				m.N = CheckSize(true)
			}
		}
		if m.ZDep == 0 {
			m.ZDep = 0.5
		}
		if m.Std == 0 {
			m.Std = 1
		}
		w := watchOf(cfg)
		if m.Plane != nil { // SW1's floor at a check's 2,500 samples (newWatch's)
			w.sw1Noise = 0.03
		}
		for e := 1; e <= c.epochs; e++ {
			st := engine.EpochStats{Epoch: e, DReal: c.dReal, DFake: c.dFake, G: 1, Mean: 4, Std: m.Std}
			if c.moving {
				d := 0.01 * float64(e%3-1)
				st.DReal, st.DFake = c.dReal+d, c.dFake-2*d // by unlike steps, so that the hinge loss's sum moves too
			}
			w.add(st)
		}
		if c.flat > 0 {
			var pts []EvalPoint
			for e := 100; e <= c.epochs; e += 100 {
				pts = append(pts, EvalPoint{Epoch: e, KS: c.flat, W1: 2 * c.flat})
			}
			w.follow(pts, 100)
		}
		fs := diagnose(cfg, &w, &Eval{Epoch: c.epochs, Metrics: m, KSFloor: engine.KSNoiseFloor(m.N)})
		got := ""
		if i := slices.IndexFunc(fs, func(f Finding) bool { return f.Kind == c.k }); i >= 0 {
			got = numtext.Plain(fs[i].Text)
		}
		if got != c.want {
			t.Errorf("%s: the %v finding\n%q, want\n%q (findings %+v)", c.name, c.k, got, c.want, fs)
		}
	}
}

// TestModeCoveredThenLostIsNotNotYetCovered: a mode G covered and then lost
// before it has trained 100 epochs is missing, as its mode-dropped event
// says, not "not yet covered … this early in training", which is for modes
// an untrained G has never reached. bimodal-pacgan (seed 4, 2,000 epochs)
// covers mode 1 at epoch 20 and drops it at 80, mode 2 then holding 99% of
// the samples; its diagnosis at 80, the keyframe replay shows there too, read
// "1 of 2 modes not yet covered: G puts almost no samples there this early in
// training" beside the event. A plane's captured modes are read alike.
func TestModeCoveredThenLostIsNotNotYetCovered(t *testing.T) {
	s := modeLostAt80(t)
	dropped := false
	for _, ev := range s.tl.events {
		dropped = dropped || ev.Kind == EventModeDropped && ev.Epoch == 80
	}
	if !dropped {
		t.Fatalf("no mode-dropped event at epoch 80: %v", s.tl.events)
	}
	frame := s.tl.keyframes[len(s.tl.keyframes)-1]
	if frame.Eval.Epoch != 80 {
		t.Fatalf("the last keyframe is of epoch %d, want 80", frame.Eval.Epoch)
	}
	var got []string
	for _, f := range frame.Findings {
		if f.Kind == ModeDropped {
			got = append(got, numtext.Plain(f.Text))
		}
	}
	if want := "1 of 2 modes missing: mode collapse, G puts almost no samples there"; len(got) != 1 || got[0] != want {
		t.Errorf("epoch 80, mode 1 covered at 20 and dropped: %q, want %q", got, want)
	}

	// On a plane: mode 1 captured before, missed now.
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	w := watchOf(ring)
	spots := make([]engine.SpotShare, 8)
	for i := range spots {
		spots[i].Expected = 1.0 / 8
	}
	spots[1].Captured, spots[1].Share = true, 0.9
	m := &engine.PlaneMetrics{StdX: 0.1, StdY: 0.1, HighQuality: 0.9, Spots: spots}
	seen := make([]modeEpisode, 8)
	for _, c := range []struct {
		seen []modeEpisode
		want string
	}{
		{nil, "7 of 8 modes not yet captured"},
		{append(seen[:0:0], modeCovered), "7 of 8 modes missing"},
	} {
		var got string
		for _, f := range diagnosePlane(ring, &w, m, 2500, collapseEpochs-1, c.seen) {
			if f.Kind == ModeDropped {
				got = numtext.Plain(f.Text)
			}
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("a ring at epoch %d, modes seen %v: %q, want it to begin %q", collapseEpochs-1, c.seen, got, c.want)
		}
	}
}

// modeLostAt80 is bimodal-pacgan, seed 4, planned for 2,000 epochs and
// trained to epoch 80: mode 1 covered at 20 and dropped at 80, mode 2
// then holding 99% of the samples (TestModeCoveredThenLostIsNotNotYetCovered,
// TestModeEventsCarryTheirPlace).
func modeLostAt80(t *testing.T) *Session {
	t.Helper()
	cfg, err := presets.Get("bimodal-pacgan")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 2000
	s := newIdle(t, Options{Config: cfg, Seed: 4, Dir: t.TempDir()})
	for s.gan.Epoch() < 80 {
		s.trainEpoch()
	}
	return s
}

// TestFindingsThatReadTheSamples: a finding of D's losses alone, D at its
// equilibrium too, reads no samples, and the screen names no evaluation's
// epoch beside it: moons' "✓ D's losses sit at their equilibrium … averaged
// over about 100 epochs, within 0.03 of ln 2 = 0.6931 · at epoch 4,429"
// named an epoch its losses, averaged over a hundred, are not of. Those of
// G's samples read them.
func TestFindingsThatReadTheSamples(t *testing.T) {
	for k, want := range map[FindingKind]bool{
		Runaway: false, DWins: false, DIndifferent: false, DFrozen: false, DSaturated: false, FarOutside: false,
		ModeDropped: true, ModesBlurred: true, NoiseIgnored: true, AtNoiseFloor: true, GCollapsed: true, Plateau: true, DStalled: true,
	} {
		if got := k.ReadsSamples(); got != want {
			t.Errorf("%v.ReadsSamples() = %v, want %v", k, got, want)
		}
	}
}

// TestFarOutsideSaysTheRunawayBuildingUp: the generated batch's mean far
// outside the target's range for saturatedEpochs in a row is a finding,
// the runaway's other condition building up, as a loss at its limit is:
// wgan with d_lr and g_lr at 10 (seed 1) had its batch's mean at −6.4e10
// by epoch 130 under "No finding now", its critic's losses, which have
// no limit, never saturated, until the runaway at epoch 201. Fewer epochs
// are no finding; a G that never came near the target is not told to
// lower a learning rate, which the runaway would not tell it either.
func TestFarOutsideSaysTheRunawayBuildingUp(t *testing.T) {
	cfg := testdesigns.PerSample(3000)
	cfg.Loss = engine.LossWasserstein
	for _, c := range []struct {
		epochs     int
		near       bool
		want, not  string
		wantDetail string
	}{
		{saturatedEpochs - 1, true, "", "", ""},
		{saturatedEpochs, true, "G's samples far outside the target's range; 200 epochs of it in a row end the run as a runaway: try a lower learning rate", "reach",
			"the generated batch's mean more than 2 widths of the target's range [-1, 9] beyond it for the last 20 epochs in a row, of the 200 a runaway takes"},
		{runawayEpochs - 1, false, "G's samples far outside the target's range; 200 epochs of it in a row end the run as a runaway: they never came near it, starting near 0 at about unit size", "lower",
			"for the last 199 epochs in a row"},
	} {
		w := watchOf(cfg)
		start := 1
		if c.near {
			for ; start <= 100; start++ { // near the target first
				if r := w.add(engine.EpochStats{Epoch: start, Mean: 4, Std: 1.25}); r != "" {
					t.Fatalf("epoch %d near the target: a runaway %q", start, r)
				}
			}
		}
		for e := start; e < start+c.epochs; e++ {
			if r := w.add(engine.EpochStats{Epoch: e, DReal: -1e5, DFake: 1e5, G: -1e5, Mean: -6.4e10, Std: 3e10}); r != "" {
				t.Fatalf("%d epochs far out: a runaway %q", c.epochs, r)
			}
		}
		var got *Finding
		for _, f := range diagnose(cfg, &w, &Eval{}) {
			if f.Kind == FarOutside {
				got = &f
			}
		}
		switch {
		case c.want == "" && got != nil:
			t.Errorf("%d epochs far out: %q", c.epochs, got.Text)
		case c.want == "":
		case got == nil:
			t.Errorf("%d epochs far out: no finding, want %q", c.epochs, c.want)
		case !strings.HasPrefix(got.Text, c.want) || strings.Contains(got.Text, c.not) || !strings.Contains(got.Detail, c.wantDetail):
			t.Errorf("%d epochs far out: %q (%q), want %q (%q) without %q", c.epochs, got.Text, got.Detail, c.want, c.wantDetail, c.not)
		}
	}
}
