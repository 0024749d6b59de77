package session

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
)

// detailNumber is a figure in a detail: digits with a decimal point or
// an exponent, or NaN and the infinities.
var detailNumber = regexp.MustCompile(`[-+]?(?:\d[\d.]*(?:e-?\d+)?|NaN|Inf)`)

// TestDetailsAreBounded: every detail of a finding or an event writes a
// measured value as the headless lines write it (numtext.Measure, three
// decimals), whatever its magnitude, so that it reads as the line beside it
// does and no figure outgrows the lines' 9 characters and a sign: with %.4f a
// runaway loss of 1e30 would print in 35 characters, a tiny one as 0.0000, and
// a noise use of 0.012 would read 0.0120 beside the final line's zdep=0.012.
func TestDetailsAreBounded(t *testing.T) {
	vanilla, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	eq, _ := EquilibriumOf(vanilla)
	plane := func(v float64) *Eval {
		return &Eval{Epoch: 5000, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{SW1: v, SW1Floor: v}}}
	}
	distance := numtext.Measure // KS, W1 and SW1, in the screen's digits
	// Each case makes the details of a finding or an event from v,
	// forced into a measured value, and names the text v must read as in
	// one of them, where v makes one (always, but for fires).
	cases := []struct {
		name   string
		detail func(v float64) []string
		want   func(v float64) string
		fires  func(v float64) bool
	}{
		{"d-wins-ended", func(v float64) []string {
			return []string{dWinsEnded(&watch{watchDesign: watchDesign{winsUnder: 0.1, winsLeast: 0.325}, dReal: v, dFake: v}, nil, nil)}
		}, nil, nil},
		{"equilibrium-ended", func(v float64) []string {
			return []string{(&watch{watchDesign: watchDesign{eq: eq, hasEq: true}, dReal: v, dFake: v}).leftEquilibrium()}
		}, nil, nil},
		{"equilibrium-ended hinge", func(v float64) []string {
			return []string{(&watch{watchDesign: watchDesign{loss: engine.LossHinge}, dReal: v, dFake: 1}).leftEquilibrium()}
		}, nil, nil},
		{"noise-used", func(v float64) []string {
			return []string{noiseUsed(nil, &Eval{Metrics: engine.Metrics{N: 2000, ZDep: v}}, nil)}
		}, nil, nil},
		{"noise-floor-ended", func(v float64) []string {
			return []string{offNoiseFloor(nil, &Eval{Metrics: engine.Metrics{N: 2000, KS: v}}, nil), offNoiseFloor(nil, plane(v), nil)}
		}, distance, nil},
		{"plateau-ended", func(v float64) []string {
			return []string{improving(&watch{before: [2]float64{v, v}, lately: [2]float64{v, v}}, nil, nil)}
		}, distance, nil},
		{"collapse-ended", func(v float64) []string { return []string{spreadAgain(&watch{spread: v}, nil, nil)} }, numtext.Percent, nil},
		{"d-stall-ended", func(v float64) []string {
			return []string{stallEnded(&watch{}, &Eval{Metrics: engine.Metrics{N: 2000, KS: v}}, &episodes{})}
		}, distance, func(v float64) bool { return v <= stalledKS }},
		{"runaway of a loss", func(v float64) []string {
			return []string{(&watch{watchDesign: watchDesign{unclamped: true}, stuck: [3]int{0, 0, runawayEpochs}}).stuckLoss(0, 0, v)}
		}, nil, nil},
		{"runaway of the mean", func(v float64) []string {
			w, ran := watch{watchDesign: watchDesign{xlo: -1, xhi: 9, dBounded: true, gBounded: true}}, ""
			for e := 1; e <= runawayEpochs && ran == ""; e++ {
				ran = w.add(engine.EpochStats{Epoch: e, DReal: 0.5, DFake: 0.5, G: 1, Mean: v, Std: 1})
			}
			return []string{ran}
		}, nil, func(v float64) bool { return math.Abs(v) > 1e3 }},
		{"diagnosis", func(v float64) []string {
			w := watchOf(vanilla)
			w.seen, w.dReal, w.dFake, w.still = lossWindow, v, v, stillNow
			w.before, w.lately = [2]float64{1, 1}, [2]float64{1, 1}
			var out []string
			for _, e := range []*Eval{{Epoch: 5000, Metrics: engine.Metrics{N: 2000, KS: v, ZDep: v, Std: v}, KSFloor: v}, plane(v)} {
				for _, f := range diagnose(vanilla, &w, e) {
					out = append(out, f.Detail)
				}
			}
			return out
		}, nil, nil},
		{"collapse", func(v float64) []string {
			w := watch{watchDesign: watchDesign{tSpread: 1.25}, seen: lossWindow, reached: true}
			f, _ := collapsed(&w, 5000, v, true, "KS "+numtext.Measure(v))
			return []string{f.Detail}
		}, nil, func(v float64) bool { return !(v >= collapseSpread*1.25) }},
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e30, -1e30, 1e-30, 2.5642e31, 0.012} {
		for _, c := range cases {
			want := numtext.Measure(v)
			if c.want != nil {
				want = c.want(v)
			}
			found := false
			for _, d := range c.detail(v) {
				if d == "" {
					continue
				}
				d = numtext.Plain(d)
				found = found || strings.Contains(d, want)
				for _, n := range detailNumber.FindAllString(d, -1) {
					if len(strings.TrimLeft(n, "+-")) > numtext.FigureWidth {
						t.Errorf("%s of %g: %q is %d characters, over the lines' %d: %q", c.name, v, n, len(n), numtext.FigureWidth, d)
					}
				}
			}
			if !found && (c.fires == nil || c.fires(v)) {
				t.Errorf("%s of %g: no detail says %s: %q", c.name, v, want, c.detail(v))
			}
		}
	}
}

// TestValuesReadOnTheirSideOfTheirLines: wherever a detail or the
// screen's note sets a measure beside the line it is read against, with
// "under", "over" or "within", the value reads on that side of the line
// as written, however near it lies: a noise use of 0.0499 reads "noise
// use 0.0499, under 0.05", not "0.050, under 0.05", and a KS of 0.0302
// under a bound of 0.0304 "KS 0.0302, under the 95% bound 0.0304", not
// "KS 0.030, under the 95% bound 0.030". Each case is a call site with a
// value just beside its line.
func TestValuesReadOnTheirSideOfTheirLines(t *testing.T) {
	vanilla, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	// findings are the details of the diagnosis of e, D at its
	// equilibrium and far from the target.
	findings := func(e *Eval) []string {
		w := watchOf(vanilla)
		w.seen, w.dReal, w.dFake, w.still = lossWindow, 0.693, 0.693, stillNow
		w.before, w.lately = [2]float64{1, 1}, [2]float64{1, 1}
		var out []string
		for _, f := range diagnose(vanilla, &w, e) {
			out = append(out, f.Detail)
		}
		return out
	}
	line := func(e *Eval) *Eval { e.Epoch, e.Metrics.N = 5000, 2000; return e }
	plane := func(sw1, floor float64) *Eval {
		return &Eval{Epoch: 5000, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{SW1: sw1, SW1Floor: floor}}}
	}
	far := func(e *Eval, noise EvalPoint) []string { _, why := e.Far(noise); return []string{why} }
	toLeave := 1 / ksLeave // a floor whose 99% bound is the figure it multiplies
	cases := []struct {
		name    string
		details []string
		want    string
	}{
		{"noise ignored", findings(line(&Eval{Metrics: engine.Metrics{KS: 0.2, ZDep: 0.0499}, KSFloor: 0.0304})), "noise use 0.0499, under 0.05"},
		{"noise used again", []string{noiseUsed(nil, line(&Eval{Metrics: engine.Metrics{ZDep: 0.0501}}), nil)}, "noise use 0.0501, over 0.05"},
		// At its floor the noise use is no longer under it, and not over it.
		{"noise used again at its floor", []string{noiseUsed(nil, line(&Eval{Metrics: engine.Metrics{ZDep: 0.05}}), nil)}, "noise use 0.050, at 0.05"},
		{"KS at its noise floor", findings(line(&Eval{Metrics: engine.Metrics{KS: 0.0302, ZDep: 0.5}, KSFloor: 0.0304})), "KS 0.0302, under the 95% bound 0.0304"},
		{"KS off its noise floor", []string{offNoiseFloor(nil, line(&Eval{Metrics: engine.Metrics{KS: 0.0302}, KSFloor: 0.03 * toLeave}), nil)}, "KS 0.0302, over the 99% bound 0.0300"},
		{"SW1 near its floor", findings(plane(0.0151, 0.0101)), "SW1 0.0151, within 1.5× the 0.0101"},
		{"SW1 off its floor", []string{offNoiseFloor(nil, plane(0.0102, 0.01*toLeave/sw1FloorTimes), nil)}, "SW1 0.0102, over 1.8× the 0.0056"},
		// Over 1.798×0.005, 0.008991, and level with 1.8×0.005 in three
		// decimals: the multiple takes the digits that read it over.
		{"SW1 off its floor by under 1.8×", []string{offNoiseFloor(nil, plane(0.008995, 0.005), nil)}, "SW1 0.0090, over 1.798× the 0.0050"},
		{"KS far", far(line(&Eval{Metrics: engine.Metrics{KS: 0.5004}}), EvalPoint{}), "KS 0.5004, over 0.5"},
		{"SW1 far", far(plane(0.0303, 0.01), EvalPoint{SW1: 0.0043}), "SW1 0.0303, over 0.0301"},
		{"D's equilibrium far from the target", []string{gapOf("KS", 0.0927, 0.0306, 2000).String()}, "KS 0.0927, over 3× the 95% bound 0.0306 of 2,000 samples"},
		{"G collapsed", func() []string {
			f, _ := collapsed(&watch{watchDesign: watchDesign{tSpread: 1.25}, seen: lossWindow, reached: true, spread: 0.0996}, 5000, 0.1245, true, "KS 0.9")
			return []string{f.Detail}
		}(), "std 0.124, 9.96% of the target's 1.25, under 10%; averaged over about 100 epochs, 9.96%"},
		{"G spread again", []string{spreadAgain(&watch{spread: 0.2004}, nil, nil)}, "spread 20.04% of the target's, over 20%"},
		{"G spread again to its line", []string{spreadAgain(&watch{spread: 0.2}, nil, nil)}, "spread 20% of the target's, at 20%"},
		{"HQ far", []string{func() string {
			_, why, _ := farOnPlane(&engine.PlaneMetrics{HighQuality: 0.2496, Spots: make([]engine.SpotShare, 8)}, 0.01, true)
			return why
		}()}, "HQ 24.96%, under 25%"},
		{"a mode missing", []string{ModeShare(0.0096, 0.5)}, "0.96%"},
	}
	for _, c := range cases {
		found := false
		for _, d := range c.details {
			found = found || strings.Contains(numtext.Plain(d), c.want)
		}
		if !found {
			t.Errorf("%s: no detail says %q: %q", c.name, c.want, c.details)
		}
	}
}
