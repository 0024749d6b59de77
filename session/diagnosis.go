package session

import (
	"fmt"
	"math"
	"strings"

	"github.com/ganui/ganui/engine"
)

// The diagnosis says in plain words what is happening in a run now. Each
// Finding stands for one measured condition, with the threshold below;
// it is in a snapshot only while its condition holds. The README's
// "Diagnosis" section states the same thresholds.
const (
	// equilibriumTol: D's two losses, averaged over about lossWindow
	// epochs, within this of their equilibrium value (ln 2 for BCE)
	// mean D can no longer tell real from fake.
	equilibriumTol = 0.03
	// stalledKS: D at its equilibrium with a KS over this is D that has
	// stopped learning (dead units, a flat output), not D matched by G:
	// the samples' and the target's CDFs are half the scale apart
	// somewhere (a generator on one of two equal modes reaches 0.5).
	stalledKS = 0.5
	// noiseUseFloor: a noise use (engine.Metrics.ZDep) below it means G
	// emits nearly the same output whatever its noise.
	noiseUseFloor = 0.05
	// dWinsLoss: D's two BCE losses summing to less than this (D gives
	// real data ≥ 0.95 and generated data ≤ 0.05 on average) mean D
	// wins and G's gradient vanishes.
	dWinsLoss = 0.1
	// blurredShare: with every mode covered, more than this share of the
	// samples between the modes (outside every mode's ±3σ) means one
	// broad blob rather than separate modes. In two dimensions the share
	// is of samples that are not of high quality (engine.HQSigmas).
	blurredShare = 0.25
	// sw1FloorTimes: in two dimensions, a sliced W1 within this many
	// times the one a sample of the target itself shows (SW1Floor) is
	// sampling noise.
	sw1FloorTimes = 1.5
	// lossWindow is the time constant, in epochs, of the losses' moving
	// average the conditions read, so one noisy epoch does not flip them.
	lossWindow = 100
)

// Runaway: a run that leaves the target for good without producing a NaN
// is diverged too. Either condition must hold for runawayEpochs
// consecutive epochs, which keeps a passing spike from being taken for
// one.
const (
	runawayEpochs = 200
	// runawayLoss: a BCE loss at its clamp (PyTorch's BCELoss caps each
	// log term at −100, so a loss this high means D is certain and
	// wrong on every sample); for least squares, a loss this high is
	// equally far from any fit.
	runawayLoss = 99
	// runawayWidths: the epoch's generated batch has its mean outside the
	// shown range (engine.DefaultRange) widened by this many of its own
	// widths on either side.
	runawayWidths = 2
)

// FindingKind names a condition of the diagnosis.
type FindingKind int

// The conditions, in the order the diagnosis lists them.
const (
	Runaway      FindingKind = iota // the run left the target for good: diverged
	DWins                           // D is certain, G's gradient vanishes
	ModeDropped                     // a mode of a mixture gets too little of the samples
	ModesBlurred                    // every mode is covered, yet many samples fall between them
	NoiseIgnored                    // G's output hardly depends on its noise
	DIndifferent                    // D's losses at equilibrium: it cannot tell real from fake
	DStalled                        // the same, with the samples far from the target: D stopped learning
	AtNoiseFloor                    // KS within sampling noise of a perfect generator
)

// Finding is one thing the diagnosis says about the run now: what, in
// plain words, and the measurement behind it.
type Finding struct {
	Kind   FindingKind
	Text   string // e.g. "D can no longer tell real from fake"
	Detail string // e.g. "D real 0.693, D fake 0.694, equilibrium ln 2 = 0.693"
}

// Equilibrium is the value each of D's losses takes when D gives every
// sample ½, the equilibrium of the game: ln 2 for BCE, ⅛ for least
// squares (ganui's ½-scaled squares), with its label; ok is false for a
// loss without one.
func Equilibrium(loss engine.Loss) (value float64, label string, ok bool) {
	switch loss {
	case engine.LossBCE:
		return math.Ln2, "ln 2", true
	case engine.LossLeastSquares:
		return 0.125, "⅛", true
	}
	return 0, "", false
}

// watch is what the diagnosis follows epoch by epoch: the losses'
// moving averages and how long each runaway condition has held. It
// depends on the epochs alone, never on timing, so the same run gives the
// same diagnosis and the same runaway epoch in every front end.
type watch struct {
	dReal, dFake float64 // moving averages over about lossWindow epochs
	seen         int     // epochs averaged so far (the average warms up)
	saturated    int     // consecutive epochs with a loss at runawayLoss
	// stuck counts, for D's real and generated losses and G's, the
	// consecutive epochs that one loss has sat at runawayLoss: the
	// runaway names the loss that held longest, not the one that
	// happens to be at the limit on its last epoch.
	stuck   [3]int
	turns   uint8 // the losses (bits 0–2, as in stuck) at their limit during the current saturated stretch
	outside int   // consecutive epochs with the batch mean far outside
	// ylo, yhi is the y side of a plane's box; 0, 0 in one dimension,
	// where MeanY is always 0 and so never far outside.
	ylo, yhi float64
	// unclamped: the losses have no limit to sit at (least squares), so a
	// runaway's loss is past runawayLoss, growing, not stuck at a clamp.
	unclamped bool
}

// add follows one more epoch of a run whose target is shown over [lo, hi]
// (both axes of a plane, whose box is square and centred on the target),
// and returns a runaway's description once a runaway condition has held
// for runawayEpochs, else "". D's losses count toward saturation only
// when dBounded, G's only when gBounded (see boundedLosses): a loss
// without a limit, such as a Wasserstein critic's, is legitimately large.
func (w *watch) add(st engine.EpochStats, lo, hi float64, dBounded, gBounded bool) string {
	a := 1 / float64(min(w.seen+1, lossWindow))
	w.dReal += a * (st.DReal - w.dReal)
	w.dFake += a * (st.DFake - w.dFake)
	w.seen++
	count := func(n *int, holds bool) {
		if holds {
			*n++
		} else {
			*n = 0
		}
	}
	dReal, dFake, g := st.DReal, st.DFake, st.G
	if !dBounded {
		dReal, dFake = 0, 0
	}
	if !gBounded {
		g = 0
	}
	count(&w.saturated, max(dReal, dFake, g) >= runawayLoss)
	if w.saturated == 0 {
		w.turns = 0
	}
	for i, v := range [3]float64{dReal, dFake, g} {
		count(&w.stuck[i], v >= runawayLoss)
		if v >= runawayLoss {
			w.turns |= 1 << i
		}
	}
	span := hi - lo
	far := func(v, lo, hi float64) bool { return v < lo-runawayWidths*span || v > hi+runawayWidths*span }
	count(&w.outside, far(st.Mean, lo, hi) || far(st.MeanY, w.ylo, w.yhi))
	switch {
	case w.saturated >= runawayEpochs:
		return w.stuckLoss(dReal, dFake, g)
	case w.outside >= runawayEpochs:
		return fmt.Sprintf("the generated samples far outside the target's range [%.4g, %.4g] (mean %.4g) for %d epochs", lo, hi, st.Mean, runawayEpochs)
	}
	return ""
}

// onset returns the first epoch of the runaway condition that has held
// longest up to epoch, the run's epoch now, or epoch+1 when none holds:
// a state kept at an earlier epoch predates it.
func (w *watch) onset(epoch int) int {
	return epoch + 1 - max(w.saturated, w.outside)
}

// stuckLoss describes the saturation runaway: the loss that has sat at
// its limit longest and its value, or, when no single loss held for the
// whole of runawayEpochs, the losses that took turns there. A loss with
// no limit (least squares) is said to be past runawayLoss instead.
func (w *watch) stuckLoss(dReal, dFake, g float64) string {
	names := [3]string{"D's loss on real data", "D's loss on generated data", "G's loss"}
	values := [3]float64{dReal, dFake, g}
	longest := 0
	for i := range w.stuck {
		if w.stuck[i] > w.stuck[longest] {
			longest = i
		}
	}
	if w.stuck[longest] >= runawayEpochs {
		if w.unclamped {
			return fmt.Sprintf("%s past %d for %d epochs, at %.4g now", names[longest], runawayLoss, runawayEpochs, values[longest])
		}
		return fmt.Sprintf("%s stuck at %.4g, its limit, for %d epochs", names[longest], values[longest], runawayEpochs)
	}
	var took []string
	for i, name := range names {
		if w.turns&(1<<i) != 0 {
			took = append(took, name)
		}
	}
	where := "at their limit"
	if w.unclamped {
		where = fmt.Sprintf("past %d", runawayLoss)
	}
	return fmt.Sprintf("%s took turns %s for %d epochs", strings.Join(took, " and "), where, runawayEpochs)
}

// boundedLosses reports which losses of a run of cfg saturate, so that
// a loss stuck at runawayLoss means a runaway: D's under BCE (PyTorch's
// clamp) and least squares (a fit to fixed labels), not under the
// Wasserstein and hinge losses, whose critic scores are unbounded and
// whose losses are legitimately large or negative; G's likewise, and
// never feature matching's distance, which has no limit.
func boundedLosses(cfg engine.Config) (d, g bool) {
	d = !cfg.Loss.Unbounded()
	return d, d && cfg.GLoss != engine.GLossFeatureMatching
}

// reset forgets the run followed so far, for a new run or a roll-back.
func (w *watch) reset() { *w = watch{ylo: w.ylo, yhi: w.yhi, unclamped: w.unclamped} }

// newWatch returns the watch of a run of g.
func newWatch(g *engine.GAN) watch {
	w := watch{unclamped: g.Config().Loss != engine.LossBCE}
	if p := g.Plane(); p != nil {
		b := p.Bounds()
		w.ylo, w.yhi = b.Y0, b.Y1
	}
	return w
}

// diagnose lists the findings that hold for a run of cfg whose losses w
// follows and whose latest evaluation is e (e.Metrics.N == 0 when there is
// none yet).
func diagnose(cfg engine.Config, w *watch, e *Eval) []Finding {
	var out []Finding
	m := &e.Metrics
	if cfg.Loss == engine.LossBCE && w.seen >= lossWindow && w.dReal+w.dFake < dWinsLoss {
		f := Finding{Kind: DWins, Text: "D wins: it tells real from fake almost surely, so G's gradient vanishes",
			Detail: fmt.Sprintf("D real %.4f, D fake %.4f, together under %g", w.dReal, w.dFake, dWinsLoss)}
		if cfg.GLoss == engine.GLossMinimax {
			f.Text += " (with the minimax G loss, entirely: try g_loss nonsaturating)"
		}
		out = append(out, f)
	}
	if m.N > 0 && m.Plane != nil {
		return append(out, diagnosePlane(cfg, w, m.Plane)...)
	}
	if m.N > 0 && len(m.Modes) > 1 {
		var dropped []string
		between := 1.0
		for i, c := range m.Modes {
			between -= c.Share
			if !c.Covered {
				dropped = append(dropped, fmt.Sprintf("mode %d (at %.3g) gets %.0f%% of the samples, the target %.0f%%", i+1, c.Mean, 100*c.Share, 100*c.Expected))
			}
		}
		switch {
		case len(dropped) > 0:
			out = append(out, Finding{Kind: ModeDropped, Text: fmt.Sprintf("%d of %d modes missing: G puts too few samples there", len(dropped), len(m.Modes)),
				Detail: strings.Join(dropped, "; ")})
		case between > blurredShare:
			out = append(out, Finding{Kind: ModesBlurred, Text: "the modes are covered but not separated: one broad blob across them",
				Detail: fmt.Sprintf("%.0f%% of the samples fall between the modes (outside every mode's ±3σ), over %.0f%%", 100*between, 100*blurredShare)})
		}
	}
	if m.N > 0 && m.ZDep < noiseUseFloor {
		out = append(out, Finding{Kind: NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time, and matching the mean and std is not matching the shape",
			Detail: fmt.Sprintf("noise use %.3f, under %g", m.ZDep, noiseUseFloor)})
	}
	if f, ok := indifferent(cfg, w); ok {
		if m.N > 0 && m.KS > stalledKS {
			f.Kind = DStalled
			f.Text = "D can no longer tell real from fake, yet the samples are far from the target: D has stopped learning, G has not matched it"
			f.Detail += fmt.Sprintf("; KS %.3f, over %g", m.KS, stalledKS)
		}
		out = append(out, f)
	}
	if m.N > 0 && m.KS <= e.KSFloor {
		out = append(out, Finding{Kind: AtNoiseFloor, Text: fmt.Sprintf("KS is within sampling noise of a perfect generator: nothing left to measure at %s samples", FormatInt(m.N)),
			Detail: fmt.Sprintf("KS %.4f, under the 95%% bound %.4f", m.KS, e.KSFloor)})
	}
	return out
}

// indifferent is the DIndifferent finding, when D's averaged losses sit
// at their equilibrium.
func indifferent(cfg engine.Config, w *watch) (Finding, bool) {
	eq, label, ok := Equilibrium(cfg.Loss)
	if !ok || w.seen < lossWindow || math.Abs(w.dReal-eq) >= equilibriumTol || math.Abs(w.dFake-eq) >= equilibriumTol {
		return Finding{}, false
	}
	detail := fmt.Sprintf("D real %.4f, D fake %.4f, within %g of %s = %.4f", w.dReal, w.dFake, equilibriumTol, label, eq)
	return Finding{Kind: DIndifferent, Text: "D can no longer tell real from fake: its losses sit at " + label + ", D(x) ≈ ½", Detail: detail}, true
}

// diagnosePlane adds the findings of a two-dimensional run to those of its
// losses: the modes it misses (the papers' rule: not one high-quality
// sample in 2,500, engine.CapturedShare), samples between the modes, D's
// equilibrium, and a sliced W1 within sampling noise.
func diagnosePlane(cfg engine.Config, w *watch, m *engine.PlaneMetrics) []Finding {
	var out []Finding
	if len(m.Spots) > 1 {
		var dropped []string
		for i, c := range m.Spots {
			if !c.Captured {
				dropped = append(dropped, fmt.Sprintf("mode %d at (%.3g, %.3g)", i+1, c.X, c.Y))
			}
		}
		switch {
		case len(dropped) > 0:
			out = append(out, Finding{Kind: ModeDropped, Text: fmt.Sprintf("%d of %d modes missing: mode collapse, G puts no samples there", len(dropped), len(m.Spots)),
				Detail: "not one sample in 2,500 within 3σ of " + strings.Join(dropped, ", ")})
		case 1-m.HighQuality > blurredShare:
			out = append(out, Finding{Kind: ModesBlurred, Text: "every mode is reached, but many samples fall between the modes",
				Detail: fmt.Sprintf("%.0f%% of the samples are not within 3σ of any mode, over %.0f%%", 100*(1-m.HighQuality), 100*blurredShare)})
		}
	}
	if f, ok := indifferent(cfg, w); ok {
		out = append(out, f)
	}
	if m.SW1 <= sw1FloorTimes*m.SW1Floor {
		out = append(out, Finding{Kind: AtNoiseFloor, Text: "sliced W1 is within sampling noise of the target itself: nothing left to measure at 2,500 samples",
			Detail: fmt.Sprintf("SW1 %.4f, within %g× the %.4f of a target sample", m.SW1, sw1FloorTimes, m.SW1Floor)})
	}
	return out
}

// Divergence is how a run diverged: a value that stopped being finite (the
// engine's *DivergedError), or a runaway that the session saw in values
// that are finite but lost.
type Divergence struct {
	Epoch   int    // the epoch it was seen at
	What    string // the quantity: "D's loss on generated data", …
	Runaway string // for a runaway, the condition that held; "" for a NaN or Inf
}

func (d *Divergence) Error() string {
	if d.Runaway != "" {
		return fmt.Sprintf("diverged at epoch %d: a runaway, %s", d.Epoch, d.Runaway)
	}
	return fmt.Sprintf("diverged at epoch %d: %s is not finite", d.Epoch, d.What)
}
