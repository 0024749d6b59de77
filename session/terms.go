package session

import (
	"slices"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// TermsOf explains the words of design cfg's outline (engine.Config.Outline),
// each named as the outline writes it and each once, in the outline's
// order: the target, the batch, G's noise ("normal noise"), the layers
// (→), D's input where it is not the samples as they are ("squared
// deviations (mean detached)", "4 moments"), its loss, G's loss, the
// learning rate (lr), the optimizers ("adam β"), ε where the outline
// gives it, the steps per epoch and the activations ("leaky_relu"). The
// words an entry explains in its text, not its name, it defines
// (Remedy.Defines): the target's "sample" and "point", the batch's
// "scores", the layers' "weights" and "row". What the design changes
// in the textbook GAN is its remedies' (RemediesOf), which name the rest.
// They are for a learner reading "loss bce, G nonsaturating; D adam lr
// 1e-3 β (0.9, 0.999)" on the design page, whom the ? pages otherwise
// leave with no word of them, "uniform noise", "lr" and "4 moments"
// among them.
func TermsOf(cfg engine.Config) []Remedy {
	var out []Remedy
	add := func(name, what string) *Remedy {
		if i := slices.IndexFunc(out, func(r Remedy) bool { return r.Name == name }); i >= 0 {
			return &out[i]
		}
		out = append(out, Remedy{Name: name, What: what})
		return &out[len(out)-1]
	}
	lnTwo := numtext.Together("ln 2")
	target := add("target", targetText(cfg))
	target.Defines = []string{"sample"}
	if cfg.Dim() == 2 {
		target.Defines = append(target.Defines, "point")
	}
	batch := add("batch", batchText(cfg))
	if cfg.DIn < cfg.Batch {
		batch.Defines = []string{"scores"}
	}
	add(cfg.Noise.String()+" noise", noiseText(cfg))
	layers := add("→", "the layers from input to output: each number after an arrow a dense (fully connected) layer of that many units, each a sum of the values before it times learned weights, then the activation at its place in the list in brackets; the last is the output layer, of G's samples per draw or D's one score.")
	layers.Defines = []string{"weights"}
	if cfg.GOut > 1 { // G makes rows: the outline's "noise row", "2 rows of", and D's "row of", which only such a G feeds (engine.Config.Packs)
		layers.What += " A row is what one pass of a network reads or makes, as many values as its first number or its last."
		layers.Defines = append(layers.Defines, "row")
	}
	switch cfg.DInput {
	case engine.DInputDiffs, engine.DInputDiffsDetached:
		// Dev Nag's decorate_with_diffs, and what detaching its mean
		// does to G's gradient (engine.Decorate).
		name, grad := "squared deviations", "; the gradient flows through x̄ too, as devnag-2017's code does not"
		if cfg.DInput == engine.DInputDiffsDetached {
			name, grad = "squared deviations (mean detached)", "; as in that code, which takes x̄ from the data alone, no gradient flows through x̄: G is pushed as if moving one sample left the mean in place, not quite the true gradient ("+numtext.Together("--set d_input=diffs")+" takes it)"
		}
		add(name, "D reads its row of "+numtext.Count(cfg.DIn, "sample")+" followed by each one's squared deviation from the row's mean, "+numtext.Together("(xᵢ − x̄)²")+", "+numtext.FormatInt(2*cfg.DIn)+" inputs (Dev Nag's decorate_with_diffs, gan_pytorch.py, 2017): the batch's spread is an input of its own, so a G whose samples are all alike is easy to tell from the target"+grad+".")
	case engine.DInputMoments:
		add("4 moments", "D reads 4 numbers of its row of "+numtext.Count(cfg.DIn, "sample")+" and nothing else: their mean, std, skewness, the mean of z³, and excess kurtosis, the mean of z⁴ less 3, "+numtext.Together("z = (x − mean)/std")+" (Dev Nag's \"Only 4 moments\" D, gan_pytorch.py, 2018): G is held to those four alone, so a batch with the target's four moments in another shape, two humps where it has one, passes as real; a flat top alone would not, its excess kurtosis below 0.")
	}
	switch cfg.Loss {
	case engine.LossBCE:
		// Under label smoothing the loss on real data is against its
		// label, and the balance is its remedy's and the ln 2 line
		// entry's, not ln 2.
		real, balance := numtext.Together("−log D(x)")+" on real data", ", and at the balance, "+numtext.Together("D(x) = ½")+", each is "+lnTwo+"."
		if cfg.RealLabel != 1 {
			real, balance = "on real data its cross-entropy with their label, "+numtext.FormatFloat(cfg.RealLabel)+" here", "."
		}
		add("bce", "binary cross-entropy (BCE), D's loss as a classifier: "+real+", "+numtext.Together("−log(1 − D(x))")+" on generated (Goodfellow et al. 2014), D(x) its sigmoid's chance that x is real; it rewards certainty without end"+balance)
	case engine.LossLeastSquares:
		add("least_squares", "D's loss is the squared error of its score from a label, 1 for real data and 0 for generated (Mao et al. 2017): no sigmoid to saturate, so a generated sample D already takes for real is still pulled toward the data.")
	case engine.LossWasserstein:
		add("wasserstein", "D is a critic: its loss is its mean score of generated data less that of real data (Arjovsky et al. 2017), whose gap estimates how far apart the two are; its gradient does not vanish where BCE's saturates.")
	case engine.LossHinge:
		add("hinge", "D's loss is "+numtext.Together("max(0, 1 − D(real)) + max(0, 1 + D(fake))")+" (Lim & Ye 2017; Miyato et al. 2018): D stops pushing a score once it is past its margin, so it does not grow ever more certain.")
	}
	switch {
	case cfg.GLoss == engine.GLossFeatureMatching:
		add("G feature_matching", "G matches the mean of D's last hidden layer on its samples to that on real data instead of fooling D (Salimans et al. 2016, §3.1): a target that moves less than D's verdict.")
	case cfg.GLoss == engine.GLossMinimax:
		add("G minimax", "G lowers "+numtext.Together("log(1 − D(G(z)))")+", the loss of the original game (Goodfellow et al. 2014): nearly flat while D rejects G's samples, as early on, so G then learns little; the nonsaturating loss is the usual cure.")
	case cfg.Loss == engine.LossWasserstein:
		add("G −D(G(z))", "G's loss under the Wasserstein loss: minus D's mean score of its samples (Arjovsky et al. 2017), so G raises their score; no log, nothing to saturate.")
	case cfg.Loss == engine.LossHinge:
		add("G −D(G(z))", "G's loss under the hinge loss: minus D's mean score of its samples (Lim & Ye 2017; Miyato et al. 2018), so G raises their score, past any margin; no log, nothing to saturate.")
	case cfg.Loss == engine.LossLeastSquares:
		add("G nonsaturating", "G lowers "+numtext.Together("(D(G(z)) − 1)²")+", pulling D's scores of its samples to the real label (Mao et al. 2017): its gradient grows the further they are from it.")
	default:
		add("G nonsaturating", "G lowers "+numtext.Together("−log D(G(z))")+", not the original game's "+numtext.Together("log(1 − D(G(z)))")+" (Goodfellow et al. 2014): the same goal, but a strong gradient while D rejects G's samples, early on, where the original's is nearly flat and G learns little.")
	}
	add("lr", "the learning rate: how far one step moves the weights, as a multiple of what the optimizer makes of the gradient, D's and G's each their own (the settings' D learning rate and G learning rate, which "+numtext.Together("←→ tune")+"): too high and a player overshoots, the game swings or runs away; too low and it barely moves.")
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
			add("rmsprop α", "RMSprop (Tieleman & Hinton 2012) moves each weight by lr times its gradient over the root of its running mean square, α that mean's decay; no momentum: Arjovsky et al. 2017 found WGAN's training unstable at times with a momentum-based optimizer on D, such as Adam with β₁ over 0, D's loss shifting as G moves.")
		}
	}
	if cfg.ShowsEps() {
		add("ε", "Adam's and RMSprop's epsilon, "+numtext.FormatFloat(cfg.Eps)+" here, added to the root of the running mean square a step divides by (Kingma & Ba 2015) so that a weight whose gradients have been near 0 takes no huge step; PyTorch's "+numtext.Together("ε 1e-8")+", every preset's, goes unsaid on the design page. Where that root is far below ε, a step is about lr/ε times the gradient (Adam's: its running mean), plain gradient descent.")
	}
	add("steps per epoch", "a step is one update of a player: its loss on a fresh batch, then one move of its weights against that loss's gradient by its optimizer.")
	for _, a := range slices.Concat(cfg.GActs, cfg.DActs) {
		switch a {
		case engine.ReLU:
			add("relu", numtext.Together("max(0, x)")+", a layer's usual activation: a unit passes what is positive and is off, with no gradient, below 0.")
		case engine.LeakyReLU:
			add("leaky_relu", "x where positive, else "+numtext.FormatFloat(cfg.LeakySlope)+"·x (the number after it): as relu, but with a gradient below 0 too, so no unit goes dead; D's usual choice since DCGAN (Radford et al. 2016).")
		case engine.ELU:
			add("elu", "x where positive, else "+numtext.Together("eˣ − 1")+": as relu, but smooth and with outputs down to −1 below 0.")
		case engine.Tanh:
			add("tanh", "squashes x into −1…1; flat, with little gradient, far from 0.")
		case engine.Sigmoid:
			add("sigmoid", numtext.Together("1/(1 + e⁻ˣ)")+", squashes x into 0…1: last in D under BCE, its chance that x is real; flat far from 0, where it saturates.")
		case engine.Identity:
			// What it does where the design has it last, in G, in D.
			var where []string
			if len(cfg.GActs) > 0 && cfg.GActs[len(cfg.GActs)-1] == engine.Identity {
				where = append(where, "last in G, it lets the samples take any value")
			}
			if len(cfg.DActs) > 0 && cfg.DActs[len(cfg.DActs)-1] == engine.Identity {
				where = append(where, "last in D, where no sigmoid makes its score a chance, a score without bounds")
			}
			what := "no activation, " + numtext.Together("y = x")
			if len(where) > 0 {
				what += ": " + strings.Join(where, "; ")
			}
			add("identity", what+".")
		}
	}
	return out
}

// targetText is the target entry: what the target is to the game and
// what the numbers of its spec are, the spec written as the engine's
// errors write it (engine.KindSpec), "ring(modes,radius,std)". What G
// learns from is D's verdicts on its samples, or under feature matching
// D's features of the real data, whose mean G's loss holds its own to
// (engine.GAN's featureMatching), no verdict at all, as the remedy says.
func targetText(cfg engine.Config) string {
	sees := "D's verdicts on its own"
	if cfg.GLoss == engine.GLossFeatureMatching {
		sees = "the mean of D's features on them, which it matches with its own"
	}
	out := "the distribution of the real data, drawn afresh for each batch: G must learn to make samples like them, and never sees them, only " + sees + "."
	name, _, _ := strings.Cut(cfg.Target, "(")
	if spec, ok := engine.KindSpec(name); ok && kindAbout[name] != "" {
		out += " " + spec + ": " + kindAbout[name] + "."
	}
	if cfg.Dim() == 2 {
		out += " In two dimensions a sample is a point (x,y), and G's output " + numtext.Together(numtext.FormatInt(cfg.GOut)+"×(x,y)") + " is " + numtext.Count(cfg.GOut, "point") + " per draw of noise."
	} else {
		out += " In one dimension a sample is a number x."
	}
	return out
}

// kindAbout says what the numbers of each kind of target spec are, in
// the names engine.KindSpec gives them.
var kindAbout = map[string]string{
	"normal":      "a normal distribution of that mean and standard deviation",
	"uniform":     "every value from lo up to hi equally likely",
	"lognormal":   "e^Y with Y normal of mean mu and std sigma, skewed to the right",
	"exponential": "density rate·e^(−rate·x) for x ≥ 0",
	"mixture":     "normals of those means and stds, each a mode, of equal weight unless a third number weighs them",
	"ring":        "that many normals of that std evenly round the circle of that radius, each a mode",
	"grid":        "n×n normals of that std, spacing apart, centred on 0, each a mode",
	"moons":       "scikit-learn's two interleaved half-circles, blurred by noise of that std",
	"spiral":      "a spiral of radius 1, blurred by noise of that std",
	"gaussian2":   "a normal in the plane of means mx, my, stds sx, sy and correlation rho",
	"line":        "the segment from (x0,y0) to (x1,y1), blurred by noise of that std",
	"points":      "the points of that file",
}

// batchText is the batch entry: what a batch is to each step, and how
// many scores D gives it, as the D line says ("100 scores per batch").
// Under minibatch discrimination D's score of a sample depends on the rest
// of its batch (engine.Minibatch), as the remedy says, so that the entry
// does not say D scores each "on its own" a line under it.
func batchText(cfg engine.Config) string {
	b := numtext.FormatInt(cfg.Batch)
	out := "each step D judges " + b + " samples of the target and " + b + " of G's, and G's step makes " + b + "; the losses, and so the gradients, are means over them, so a larger batch gives steadier steps at a higher cost. "
	switch {
	case cfg.DIn == 1 && cfg.MBDKernels > 0:
		out += "D scores each sample beside the others of its batch, how real it finds it among them: " + numtext.Together(b+" scores") + " per batch."
	case cfg.DIn == 1:
		out += "D scores each sample on its own, how real it finds it: " + numtext.Together(b+" scores") + " per batch."
	case cfg.DIn == cfg.Batch:
		out += "D scores the whole batch at once, how real it finds it: one score per batch."
	default:
		out += "D scores them " + numtext.FormatInt(cfg.DIn) + " at a time, how real it finds them: " + numtext.Together(numtext.FormatInt(cfg.Batch/cfg.DIn)+" scores") + " per batch."
	}
	return out
}

// noiseText is the noise entry: what G's input z is, how many values it
// has and for which samples it is drawn, as G's line says ("one sample
// per noise draw"), and why its distribution matters little.
func noiseText(cfg engine.Config) string {
	dist := "uniform on [0, 1)"
	if cfg.Noise == engine.NoiseNormal {
		dist = "standard normal"
	}
	if cfg.NoiseDim > 1 {
		dist = "each " + dist
	}
	var per string
	switch {
	case cfg.GOut == 1:
		per = "afresh for each sample (one sample per " + numtext.Together("noise draw") + ")" // as G's line ties it (Config.Outline): "draw)" alone on a line would not say a draw of what
	case cfg.GOut == cfg.Batch:
		per = "once for the whole batch: G makes all " + numtext.Count(cfg.Batch, "sample") + " from one noise row, so their spread must come from G's weights, not from z"
	default:
		per = "afresh for each row of " + numtext.Count(cfg.GOut, "sample") + " G makes"
	}
	out := "G's input z: " + numtext.Count(cfg.NoiseDim, "value") + ", " + dist + ", drawn " + per + ". " +
		"Which distribution matters little in principle: G learns a map from z to samples, and a map can bend one smooth distribution into any other (" + numtext.Together("x = F⁻¹(u)") + " turns a uniform u into one of CDF F); Goodfellow et al. 2014 leave z's prior p_z to the design. " +
		"In practice a small G bends it only so far: the uniform target's hard edges come out sharper from one uniform value (preset uniform-flat-noise) than from normal noise (preset uniform). "
	if cfg.Noise == engine.NoiseUniform {
		out += "A bounded z makes G's samples bounded too: they have a largest and a smallest value, where a normal target's tails have none. "
	}
	return out + "And G, a continuous map, cannot tear z's one unbroken range into separate modes: a thin trail of its samples lies between them."
}
