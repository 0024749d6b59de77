package session

import (
	"slices"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// TermsOf explains the words of design cfg's outline (engine.Config.Outline)
// that name a choice of the textbook's: its loss, G's loss, the
// optimizers and the activations, each named as the outline writes it
// ("bce", "G nonsaturating", "adam β", "leaky_relu") and each once, in
// the outline's order; what the design changes in the textbook GAN is
// its remedies' (RemediesOf). The ? pages had explained none of them to
// a learner reading "loss bce, G nonsaturating; D adam lr 1e-3 β (0.9,
// 0.999)" on the design page.
func TermsOf(cfg engine.Config) []Remedy {
	var out []Remedy
	add := func(name, what string) {
		if !slices.ContainsFunc(out, func(r Remedy) bool { return r.Name == name }) {
			out = append(out, Remedy{name, what})
		}
	}
	lnTwo := numtext.Together("ln 2")
	switch cfg.Loss {
	case engine.LossBCE:
		// Under label smoothing the loss on real data is against its
		// label, and the balance is its remedy's and the ln 2 line
		// entry's, not ln 2.
		real, balance := "−log D(x) on real data", ", and at the balance, D(x) = ½, each is "+lnTwo+"."
		if cfg.RealLabel != 1 {
			real, balance = "on real data its cross-entropy with their label, "+numtext.FormatFloat(cfg.RealLabel)+" here", "."
		}
		add("bce", "binary cross-entropy (BCE), D's loss as a classifier: "+real+", −log(1 − D(x)) on generated (Goodfellow et al. 2014), D(x) its sigmoid's chance that x is real; it rewards certainty without end"+balance)
	case engine.LossLeastSquares:
		add("least_squares", "D's loss is the squared error of its score from a label, 1 for real data and 0 for generated (Mao et al. 2017): no sigmoid to saturate, so a generated sample D already takes for real is still pulled toward the data.")
	case engine.LossWasserstein:
		add("wasserstein", "D is a critic: its loss is its mean score of generated data less that of real data (Arjovsky et al. 2017), whose gap estimates how far apart the two are; its gradient does not vanish where BCE's saturates.")
	case engine.LossHinge:
		add("hinge", "D's loss is max(0, 1 − D(real)) + max(0, 1 + D(fake)) (Lim & Ye 2017; Miyato et al. 2018): D stops pushing a score once it is past its margin, so it does not grow ever more certain.")
	}
	switch {
	case cfg.GLoss == engine.GLossFeatureMatching:
		add("G feature_matching", "G matches the mean of D's last hidden layer on its samples to that on real data instead of fooling D (Salimans et al. 2016, §3.1): a target that moves less than D's verdict.")
	case cfg.GLoss == engine.GLossMinimax:
		add("G minimax", "G lowers log(1 − D(G(z))), the loss of the original game (Goodfellow et al. 2014): nearly flat while D rejects G's samples, as early on, so G then learns little; the nonsaturating loss is the usual cure.")
	case cfg.Loss == engine.LossWasserstein:
		add("G −D(G(z))", "G's loss under a critic: minus the critic's mean score of its samples (Arjovsky et al. 2017), so G raises their score; no log, nothing to saturate.")
	case cfg.Loss == engine.LossHinge:
		add("G −D(G(z))", "G's loss under the hinge loss: minus D's mean score of its samples (Lim & Ye 2017; Miyato et al. 2018), so G raises their score, past any margin; no log, nothing to saturate.")
	case cfg.Loss == engine.LossLeastSquares:
		add("G nonsaturating", "G lowers (D(G(z)) − 1)², pulling D's scores of its samples to the real label (Mao et al. 2017): its gradient grows the further they are from it.")
	default:
		add("G nonsaturating", "G lowers −log D(G(z)), not the original game's log(1 − D(G(z))) (Goodfellow et al. 2014): the same goal, but a strong gradient while D rejects G's samples, early on, where the original's is nearly flat and G learns little.")
	}
	for _, kind := range []engine.OptimizerKind{cfg.DOpt, cfg.GOpt} {
		switch kind {
		case engine.OptimizerAdam:
			// What β₁ does where the design lowers it (vanilla's 0.5,
			// wgan-gp's 0), else that the design keeps PyTorch's.
			beta := " (0.9, 0.999) are PyTorch's defaults."
			if cfg.DOpt == engine.OptimizerAdam && cfg.DBeta1 < 0.9 || cfg.GOpt == engine.OptimizerAdam && cfg.GBeta1 < 0.9 {
				beta = " a β₁ under PyTorch's 0.9, as here, forgets old gradients sooner, so a player turns faster as the other moves."
			}
			add("adam β", "Adam (Kingma & Ba 2015) moves each weight by lr times its gradient's running mean over the root of its running mean square; β (β₁, β₂) are those averages' decays:"+beta)
		case engine.OptimizerSGD:
			add("sgd momentum", "stochastic gradient descent: each step moves the weights against the gradient, lr times it, plus momentum times the step before, which smooths noisy gradients but carries a player on past where the other has moved.")
		case engine.OptimizerRMSprop:
			add("rmsprop α", "RMSprop (Tieleman & Hinton 2012) moves each weight by lr times its gradient over the root of its running mean square, α that mean's decay; no momentum, which Arjovsky et al. 2017 found destabilised the critic.")
		}
	}
	for _, a := range slices.Concat(cfg.GActs, cfg.DActs) {
		switch a {
		case engine.ReLU:
			add("relu", "max(0, x), a layer's usual activation: a unit passes what is positive and is off, with no gradient, below 0.")
		case engine.LeakyReLU:
			add("leaky_relu", "x where positive, else "+numtext.FormatFloat(cfg.LeakySlope)+"·x (the number after it): as relu, but with a gradient below 0 too, so no unit goes dead; D's usual choice since DCGAN (Radford et al. 2016).")
		case engine.ELU:
			add("elu", "x where positive, else eˣ − 1: as relu, but smooth and with outputs down to −1 below 0.")
		case engine.Tanh:
			add("tanh", "squashes x into −1…1; flat, with little gradient, far from 0.")
		case engine.Sigmoid:
			add("sigmoid", "1/(1 + e⁻ˣ), squashes x into 0…1: last in D under BCE, its chance that x is real; flat far from 0, where it saturates.")
		case engine.Identity:
			// What it does where the design has it last, in G, in D.
			var where []string
			if len(cfg.GActs) > 0 && cfg.GActs[len(cfg.GActs)-1] == engine.Identity {
				where = append(where, "last in G, it lets the samples take any value")
			}
			if len(cfg.DActs) > 0 && cfg.DActs[len(cfg.DActs)-1] == engine.Identity {
				where = append(where, "last in D, where no sigmoid makes its score a chance, a score without bounds")
			}
			what := "no activation, y = x"
			if len(where) > 0 {
				what += ": " + strings.Join(where, "; ")
			}
			add("identity", what+".")
		}
	}
	return out
}
