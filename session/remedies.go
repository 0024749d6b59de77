package session

import (
	"fmt"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
)

// RemedyPresets names the built-in presets that train the target spec
// names (as TargetInfo.Spec writes it) with a remedy of the textbook
// GAN's (RemediesOf), in the presets' display order: where a run drops
// modes, the ? page's diagnosis names them, so that the finding says
// what to try (ring: ring-pacgan, ring-mbd, ring-unrolled).
func RemedyPresets(spec string) []string {
	var names []string
	for _, c := range presets.All() {
		if targetSpec(c.Target) == spec && len(RemediesOf(c)) > 0 {
			names = append(names, c.Name)
		}
	}
	return names
}

// Remedy is one thing a design changes in the textbook GAN, most of them
// remedies for its failures (mode collapse, a D that wins, a game that
// circles): its name and, for a learner, what it does, why it helps and
// where the screen shows it. The glossary gives a run's remedies first.
type Remedy struct {
	Name string
	What string
	// Defines are the words of the design page, beside Name's, that What
	// explains, each written in What as the page writes it, where a
	// learner who meets "2 samples packed (PacGAN)" on the page finds
	// "packed" and "PacGAN" in packing's text, not in an entry of their
	// own.
	Defines []string
}

// RemediesOf lists the remedies of design cfg, in the order the outline
// names them (D's input, D's layers, the loss, the schedule); none for
// the textbook GAN. A one-dimensional design's D(x) is a strip under the
// bars, a plane's a surface behind the dots.
func RemediesOf(cfg engine.Config) []Remedy {
	num := numtext.FormatFloat // 5e-05 → 5e-5
	curve, span := "the D(x) strip", "the D(x) strip runs from its lowest score to its highest, which its legend gives"
	if cfg.Dim() == 2 {
		curve, span = "the D surface", "the D surface is shaded from its lowest score to its highest"
	}
	// A value is kept with its name, a count with what it counts
	// (numtext.Together), on the ? page's wrapped lines, so that "ln"
	// does not end one line and "2." begin the next.
	tie := func(format string, args ...any) string { return numtext.Together(fmt.Sprintf(format, args...)) }
	lnTwo := numtext.Together("ln 2")
	// Where D's losses balance, as the loss chart draws it
	// (EquilibriumOf): least squares with label smoothing balances at
	// α²/8 on both, not ⅛, and in one line, not two.
	balance := ""
	if eq, ok := EquilibriumOf(cfg); ok {
		switch {
		case eq.Label != "":
			balance = numtext.Together(eq.Label)
		case eq.DReal == eq.DFake:
			balance = tie("%s each", numtext.Digits(eq.DReal, 3))
		default:
			balance = "two lines, " + numtext.Digits(eq.DReal, 3) + " on real data and " + numtext.Digits(eq.DFake, 3) + " on generated"
		}
	}
	// A penalty on a BCE D is on its logit, before the sigmoid the D(x)
	// strip shows (engine.Penalty.OnLogit), as Mescheder et al. have it.
	onLogit := ""
	if cfg.Loss == engine.LossBCE {
		onLogit = ", D taken before its sigmoid"
	}
	var out []Remedy
	add := func(name, format string, args ...any) *Remedy {
		out = append(out, Remedy{Name: name, What: fmt.Sprintf(format, args...)})
		return &out[len(out)-1]
	}
	if cfg.DIn > 1 && cfg.DInput == engine.DInputRaw {
		// What such a D leaves off the screen is named as the screen
		// of its target's dimension would draw it: blog-original's
		// 1-D page names no D surface, which is a plane's, never
		// explained beside bars. Where G makes a whole pack from one
		// draw (blog-original), packing compares the samples within a
		// draw, never two draws: it does not see the G that ignores its
		// noise, which the diagnosis above it finds (seed 1, from epoch
		// 100), so the page does not say collapse costs G and stop.
		oneDraw := ""
		if cfg.GOut >= cfg.DIn {
			oneDraw = "Here G makes a whole pack from one noise draw and D compares no pack with another, so packing does not see a G that makes the same pack from every draw, ignoring its noise: noise use does. "
		}
		add("packing", "D judges %s at once, packed into one input, real with real and generated with generated (as PacGAN does, Lin et al. 2018). "+
			"Packs from a G that covers few modes look alike, which D learns to spot, so collapse costs G. "+oneDraw+
			"Such a D scores no single sample: the screen has no %s or push for it.", tie("%d samples", cfg.DIn), strings.TrimPrefix(curve, "the ")).Defines = []string{"packed", "PacGAN"}
	}
	if cfg.MBDKernels > 0 {
		// The outline's "[minibatch discrimination 8×4]" is kernels × their
		// dimensions (engine.Config.MBDDim): each kernel projects a sample's
		// features to so many numbers and compares the samples there, which
		// "(8 learned kernels)" alone left the 4 of unexplained.
		add("minibatch discrimination", "D also measures how close each sample's features are to those of the others in its batch (%s, each comparing them in %s, the %s of D's outline) "+
			"and reads that beside them (Salimans et al. 2016, §3.2): a batch of look-alike samples gives itself away, so collapse costs G. "+
			"D's score of a sample depends on its batch: %s and the push score each one among the last real batch.",
			tie("%d learned kernels", cfg.MBDKernels), tie("%d learned dimensions", cfg.MBDDim), numtext.Together(numtext.FormatInt(cfg.MBDKernels)+"×"+numtext.FormatInt(cfg.MBDDim)), curve)
	}
	switch cfg.Loss {
	case engine.LossWasserstein:
		// A plane's Quality gives SW1, W1 averaged over directions, not
		// the plane's W1 the critic estimates, so grid-wgan-gp's page
		// does not name "the size Quality's W1 gives" beside a panel with
		// none.
		size := "not in the size Quality's W1 gives"
		if cfg.Dim() == 2 {
			size = "not in size, nor Quality's SW1, which averages W1 along 32 directions across the plane"
		}
		// The verb agrees with the count: "1 D step per G step keeps it",
		// "5 D steps per G step keep it".
		keep := "keep"
		if cfg.DSteps == 1 {
			keep = "keeps"
		}
		add("critic", "D is a critic (Wasserstein GAN, Arjovsky et al. 2017): it scores real data high and generated data low, without bounds, "+
			"and the gap between its mean scores, real less generated, estimates K·W1, the Wasserstein-1 distance times D's Lipschitz constant K (eq. 3): "+
			"W1 in shape, %s; %s per G step %s it near its best. "+
			"Its losses are no probabilities: no %s line, and they may be large or negative; %s.", size, numtext.Together(numtext.Count(cfg.DSteps, "D step")), keep, lnTwo, span)
	case engine.LossHinge:
		add("hinge loss", "D's loss is "+numtext.Together("max(0, 1 − D(real)) + max(0, 1 + D(fake))")+" (Lim & Ye 2017; Miyato et al. 2018): "+
			"D stops pushing a score once a real one is above 1 and a generated one below −1, so it does not grow ever more certain; G raises D(G(z)). "+
			"Its scores are no probabilities: no %s line, and %s.", lnTwo, span)
	case engine.LossLeastSquares:
		// lsgan's D scores −0.85 to 1.7 over the histogram's range
		// (seed 1, epochs 1,000 and 3,000), which the strip draws at its
		// edges, 0 and 1: the text says so, and that the score has no
		// sigmoid, where a belief from 0 to 1 would be wrong.
		clamped := ""
		if cfg.DIn == 1 && cfg.DInput == engine.DInputRaw {
			clamped = " D's score has no sigmoid and may leave 0…1 away from the data: " + curve + " draws 0 to 1, a score beyond at its edge; where D scores over 1, G, which pulls its samples' scores to 1, moves them against the push."
		}
		add("least squares", "D regresses real data to 1 and generated data to 0 with a squared error (Mao et al. 2017): "+
			"a generated sample that D already takes for real but that lies far from the data is still pulled toward it, where BCE lets it be. Its losses balance at %s, not %s.%s", balance, lnTwo, clamped)
	}
	if cfg.RealLabel < 1 {
		// One-sided: D's best score α·p_data/(p_data + p_g) stays under
		// α, and is still 0 where only G's samples lie (Salimans et al.
		// 2016, §3.4), so the scores do not stay off both 0 and 1.
		textbook := lnTwo
		if cfg.Loss == engine.LossLeastSquares {
			textbook = "⅛"
		}
		add("label smoothing", "D's target for real data is %s, not 1; generated data's stays 0 (one-sided, Salimans et al. 2016, §3.4): "+
			"D is never rewarded for certainty that a sample is real: its best score, %s·p_data/"+numtext.Together("(p_data + p_g)")+", is never over %s, "+
			"while a generated sample far from the data still scores 0 and G is still pushed off it. Its losses balance at %s, not at %s.",
			num(cfg.RealLabel), num(cfg.RealLabel), num(cfg.RealLabel), balance, textbook)
	}
	if cfg.GLoss == engine.GLossFeatureMatching {
		add("feature matching", "G does not try to fool D: it matches the mean of D's last hidden layer on its samples to that on real data (Salimans et al. 2016, §3.1), "+
			"a target that moves less than D's verdict. G's loss is that distance, on a scale of its own, and the push is D's slope, which G no longer follows.")
	}
	if cfg.DClip > 0 {
		add("weight clipping", "after each of D's steps its weights are each clipped to ±%s (Arjovsky et al. 2017): a crude way to keep D Lipschitz, as its loss needs, "+
			"so its scores stay small and close together.", num(cfg.DClip)).Defines = []string{"clipped"}
	}
	if cfg.GP > 0 {
		// A cost, not a bound ("a soft version of the constraint",
		// Gulrajani et al. 2017, §4): wgan-gp, seed 1, reaches a penalty
		// of 15 by epoch 400 at λ 0.1, a slope of about 13, so the text
		// does not say the penalty holds the slope near 1.
		add("gradient penalty", "D's loss gains "+numtext.Together("λ·(‖∇D(x̂)‖ − 1)²")+" at interpolates x̂, points drawn at random on the lines between real and generated samples (%s; WGAN-GP, Gulrajani et al. 2017)%s: "+
			"it pulls D's slope toward 1, the Lipschitz bound its loss needs, without clipping its weights. "+
			"It is a cost, not a bound: the slope strays far from 1 while the penalty is large, the penalty over λ being the mean of "+numtext.Together("(‖∇D(x̂)‖ − 1)²")+". "+PenaltyShown, tie("λ %s", num(cfg.GP)), onLogit).Defines = []string{"λ", "interpolates"}
	}
	if cfg.R1 > 0 {
		add("R1 penalty", "D's loss gains (γ/2)·‖∇D(x)‖² on real data (%s; Mescheder et al. 2018, eq. 9)%s: D is kept flat where the data is, "+
			"so G's samples that reach the target are not pushed on past it, and near its equilibrium the game converges instead of circling; the push is weak on the target. "+PenaltyShown, tie("γ %s", num(cfg.R1)), onLogit).Defines = []string{"γ"}
	}
	if cfg.DWarmupSteps > 0 {
		add("warm-up", "D takes %s instead of %s in %s, its warm-up (as the Wasserstein GAN authors' code does, after Arjovsky et al. 2017): "+
			"G first moves against a D trained near its best, and meets one again now and then, as D's gap must be to estimate W1. "+
			"The settings read %s for D's steps before each of those epochs, and at the run's end after one.", numtext.Together(numtext.Count(cfg.DWarmupSteps, "step")), numtext.Together(numtext.Count(cfg.DSteps, "step")), cfg.WarmupEpochs(),
			tie("%d warm-up", cfg.DWarmupSteps))
	}
	if cfg.Unroll > 0 {
		// Only the second-order term lets G see D answer its move (Metz
		// et al. 2017, §2.4), so the text credits the first-order
		// gradient with no more than meeting the D its samples make.
		order, defines := "First-order, as here: G's gradient is taken at that D alone, not back through its updates, so G meets the D its samples will make, "+
			"but not how D would answer G's own move, the term the paper credits with spreading G over the modes (§2.4).", []string(nil)
		if cfg.UnrollSecondOrder {
			order = "Second-order, as here: G's gradient also goes back through those updates, so G sees how D would answer its move: " +
				"hopping to the mode D neglects now gains G nothing, for D would follow, and G spreads over the modes instead (§2.4–2.5)."
			defines = []string{"second-order"}
		}
		// G's loss is the unrolled D's (engine.GAN.StepG): unrolled,
		// seed 1, epoch 1,121, read D fake 0.406, D(G(z)) ≈ 0.33, beside
		// G 2.806, not the 1.1 that D's own score would give.
		add("unrolled GAN", "G looks ahead: before each G step a copy of D takes %s, G steps against that D of the future, and the copy is dropped (Metz et al. 2017). "+
			"%s Each G step costs %s more. "+
			"The losses' ■ G is G's loss against that D of the future, not the D whose %s and %s the chart gives: it need not agree with %s.",
			tie("%d more steps", cfg.Unroll), order, tie("%d D steps", cfg.Unroll), numtext.Together("● D real"), numtext.Together("○ D fake"), numtext.Together("○ D fake")).Defines = defines
	}
	if cfg.DHistAvg > 0 || cfg.GHistAvg > 0 {
		add("historical averaging", "each player's loss gains "+numtext.Together("λ‖θ − θ̄‖²")+", θ̄ the mean of every parameter vector it has held (λ %s, %s; Salimans et al. 2016, §3.3): "+
			"a pull back toward where it has been, which damps the circling of the two players; it shows in the losses' swings and the modes, not on a chart of its own.", tie("D %s", num(cfg.DHistAvg)), tie("G %s", num(cfg.GHistAvg)))
	}
	if cfg.GEMA > 0 {
		// In 1-D the skew and excess kurtosis under the moments chart
		// are the evaluation's, the average's, beside lines of G's own
		// batches: bimodal-pacgan-ema, seed 1, epoch 282, draws σ 1.963
		// above the average's skew, so the text does not give the chart
		// whole to G.
		own := "training, its losses and the moments chart are G's own."
		if cfg.Dim() == 1 {
			own = "training, its losses and the moments chart's lines are G's own, the skew and ex.kurt under that chart the average's."
		}
		add("G's average", "every sample, measure and picture shown comes from the moving average of G's weights (%s, about the last %s; Yazıcı et al. 2019), "+
			"which sits at the centre of the swings training makes; %s", tie("β %s", num(cfg.GEMA)), tie("%s updates", numtext.FormatInt(int(1/(1-cfg.GEMA)+0.5))), own).Defines = []string{"moving"}
	}
	return out
}

// PenaltyShown says where a gradient penalty's value is: apart from D's
// losses, which do not hold it. The trainer says otherwise where its
// losses' legend has no room for it.
var PenaltyShown = "The losses' legend gives its value, averaged over the epoch's D updates, as penalty: neither " +
	numtext.Together("D real") + " nor " + numtext.Together("D fake") + " holds it."
