// Package presets holds ganui's named GAN designs. Each reproduces a
// published design as exactly as its source allows and cites it;
// presets/SOURCES.md records the settings of every source, with a table
// from each preset to its source. Users make their own presets as JSON
// files (see Parse).
//
// It describes designs and nothing more: it trains nothing, and it writes
// no file — Marshal gives a preset file's bytes, and its callers decide
// where they go (--show-preset prints them, a shared design is a file the
// session writes).
package presets

import (
	"fmt"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/suggest"
)

// Default is the preset ganui runs when none is named.
const Default = "blog-original"

// all lists the presets in the order --list-presets shows them.
var all = []engine.Config{
	blogOriginal,
	devnag2017,
	devnagMoments,
	vanilla,
	featureMatching,
	minibatchDiscrimination,
	labelSmoothing,
	lsgan,
	wgan,
	wganGP,
	r1,
	hinge,
	bimodal,
	bimodalMBD,
	unrolled,
	historicalAveraging,
	bimodalPacGAN,
	bimodalPacGANEMA,
	skewed,
	uniform,
	uniformFlatNoise,
	ring,
	ringPacGAN,
	ringMBD,
	ringUnrolled,
	grid,
	gridPacGAN,
	gridPacGAN4EMA,
	gridWGANGP,
	moons,
}

// blogOriginal is the Korean blog's variant of "GANs in 50 lines of
// PyTorch" (rickiepark/pytorch-examples, gans-in-50-lines.ipynb, Feb 2017):
// the generator emits a whole row of 100 samples from one row of 100 noise
// values, and the discriminator judges that row at once. In the blog's run
// the mean and std go flat near 4.4 and 1.85 after about 3,800 epochs, every
// loss settles near ln 2, and the generator stops depending on its noise.
var blogOriginal = engine.Config{
	Name:        "blog-original",
	Description: "the blog's 50-lines GAN: G emits a whole row of 100 samples, D judges the row",
	Source:      "rickiepark/pytorch-examples, gans-in-50-lines.ipynb " + numtext.Together("(Feb 2017)") + ", after " + numtext.Together("Dev Nag's") + " \"GANs in 50 lines of PyTorch\"",
	Target:      "normal(4,1.25)",
	Batch:       100,
	Noise:       engine.NoiseUniform,
	NoiseDim:    100,
	GOut:        100,
	GHidden:     []int{50, 50},
	GActs:       []engine.Activation{engine.ReLU, engine.ReLU, engine.Identity},
	DInput:      engine.DInputRaw,
	DIn:         100,
	DHidden:     []int{50, 50},
	DActs:       []engine.Activation{engine.ReLU, engine.ReLU, engine.Sigmoid},
	LeakySlope:  0.01,
	Loss:        engine.LossBCE,
	GLoss:       engine.GLossNonSaturating,
	RealLabel:   1,
	DOpt:        engine.OptimizerAdam, DLR: 1e-3, DBeta1: 0.9, DBeta2: 0.999,
	GOpt: engine.OptimizerAdam, GLR: 1e-3, GBeta1: 0.9, GBeta2: 0.999,
	DAlpha: 0.99, GAlpha: 0.99,
	Eps:    1e-8,
	DSteps: 5, GSteps: 5,
	Epochs: 5000,
}

// devnag2017 is Dev Nag's original code (devnag/pytorch-generative-
// adversarial-networks, gan_pytorch.py, Feb 2017). G maps each of 100
// uniform noise values to one sample (1 → 50 → 50 → 1: ELU, sigmoid,
// linear); the 100 samples form one row, and D reads that row together
// with each sample's squared deviation from the row mean (200 inputs,
// decorate_with_diffs with exponent 2). Seeing the spread directly, D
// drives G to the right mean and std; the shape is in D's input too, but
// D's small network and short training do not make it Gaussian, which
// the higher moments and KS show. The row mean is
// detached, as the source takes it from data.data (d_input
// diffs_detached); --set d_input=diffs differentiates through it.
var devnag2017 = engine.Config{
	Name:        "devnag-2017",
	Description: "Dev Nag's 50-lines GAN: G maps each noise value to a sample, D reads the 100 samples plus their squared deviations",
	Source:      "devnag/pytorch-generative-adversarial-networks, gan_pytorch.py " + numtext.Together("(Feb 2017)"),
	Target:      "normal(4,1.25)",
	Batch:       100,
	Noise:       engine.NoiseUniform,
	NoiseDim:    1,
	GOut:        1,
	GHidden:     []int{50, 50},
	GActs:       []engine.Activation{engine.ELU, engine.Sigmoid, engine.Identity},
	DInput:      engine.DInputDiffsDetached,
	DIn:         100,
	DHidden:     []int{50, 50},
	DActs:       []engine.Activation{engine.ELU, engine.ELU, engine.Sigmoid},
	LeakySlope:  0.01,
	Loss:        engine.LossBCE,
	GLoss:       engine.GLossNonSaturating,
	RealLabel:   1,
	DOpt:        engine.OptimizerAdam, DLR: 2e-4, DBeta1: 0.9, DBeta2: 0.999,
	GOpt: engine.OptimizerAdam, GLR: 2e-4, GBeta1: 0.9, GBeta2: 0.999,
	DAlpha: 0.99, GAlpha: 0.99,
	Eps:    1e-8,
	DSteps: 1, GSteps: 1,
	Epochs: 30000,
}

// devnagMoments is the 2018 revision of Dev Nag's code ("more stable
// architecture"): D sees only the four moments of a 500-sample batch
// (mean, std, skewness, excess kurtosis) through 4 → 10 → 10 → 1 sigmoid
// units; G is a tiny 1 → 5 → 5 → 1 tanh network; both use SGD with
// momentum, 20 steps each per epoch. Reports on the repository note that
// mean and std match while the histogram is not Gaussian-shaped.
var devnagMoments = engine.Config{
	Name:        "devnag-moments",
	Description: "Dev Nag's 2018 revision: D sees only the four moments of a 500-sample batch",
	Source:      "devnag/pytorch-generative-adversarial-networks, gan_pytorch.py " + numtext.Together("(2018 revision") + ", \"Only 4 moments\")",
	Target:      "normal(4,1.25)",
	Batch:       500,
	Noise:       engine.NoiseUniform,
	NoiseDim:    1,
	GOut:        1,
	GHidden:     []int{5, 5},
	GActs:       []engine.Activation{engine.Tanh, engine.Tanh, engine.Identity},
	DInput:      engine.DInputMoments,
	DIn:         500,
	DHidden:     []int{10, 10},
	DActs:       []engine.Activation{engine.Sigmoid, engine.Sigmoid, engine.Sigmoid},
	LeakySlope:  0.01,
	Loss:        engine.LossBCE,
	GLoss:       engine.GLossNonSaturating,
	RealLabel:   1,
	DOpt:        engine.OptimizerSGD, DLR: 1e-3, DMomentum: 0.9,
	GOpt: engine.OptimizerSGD, GLR: 1e-3, GMomentum: 0.9,
	DBeta1: 0.9, DBeta2: 0.999, GBeta1: 0.9, GBeta2: 0.999,
	DAlpha: 0.99, GAlpha: 0.99,
	Eps:    1e-8,
	DSteps: 20, GSteps: 20,
	Epochs: 5000,
}

// vanilla is the textbook GAN (Goodfellow et al., "Generative Adversarial
// Nets", 2014, Algorithm 1, with the non-saturating generator loss of the
// NIPS 2016 tutorial): D scores samples one by one, a minibatch of 100 per
// step, and G maps one noise vector, 4 normal values, to one sample.
// Because D judges each sample on its own it must learn the target's
// density itself, and G must put its samples where D thinks they are
// real: that is what matches the whole shape, not just mean and std.
// Tuned in ganui for the best match (see the quality table in
// bench/README.md).
var vanilla = engine.Config{
	Name:        "vanilla",
	Description: "the textbook GAN: G maps a noise vector to one sample, D scores samples one by one",
	Source:      numtext.Together("Goodfellow et al.") + ", \"Generative Adversarial Nets\" (2014); Goodfellow, " + numtext.Together("NIPS 2016") + " tutorial (non-saturating G loss); tuned in ganui",
	Target:      "normal(4,1.25)",
	Batch:       100,
	Noise:       engine.NoiseNormal,
	NoiseDim:    4,
	GOut:        1,
	GHidden:     []int{16, 16},
	GActs:       []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Identity},
	DInput:      engine.DInputRaw,
	DIn:         1,
	DHidden:     []int{32, 32},
	DActs:       []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Sigmoid},
	LeakySlope:  0.2,
	Loss:        engine.LossBCE,
	GLoss:       engine.GLossNonSaturating,
	RealLabel:   1,
	DOpt:        engine.OptimizerAdam, DLR: 5e-4, DBeta1: 0.5, DBeta2: 0.999,
	GOpt: engine.OptimizerAdam, GLR: 5e-5, GBeta1: 0.5, GBeta2: 0.999,
	DAlpha: 0.99, GAlpha: 0.99,
	Eps:    1e-8,
	DSteps: 1, GSteps: 1,
	Epochs: 10000,
}

// derive returns a copy of base changed by edit.
func derive(base engine.Config, edit func(*engine.Config)) engine.Config {
	c := base.Clone()
	edit(&c)
	return c
}

// featureMatching is vanilla with feature matching (Salimans et al.,
// "Improved Techniques for Training GANs", 2016, §3.1): instead of
// fooling D, G minimises ‖E f(x) − E f(G(z))‖²₂, the squared distance
// between the mean activations of D's last hidden layer on real and on
// generated samples. D trains as usual.
var featureMatching = derive(vanilla, func(c *engine.Config) {
	c.Name = "feature-matching"
	c.Description = "vanilla, but G matches the mean of D's last hidden layer on real data instead of fooling D"
	c.Source = numtext.Together("Salimans et al.") + ", \"Improved Techniques for Training GANs\" (2016), §3.1"
	c.GLoss = engine.GLossFeatureMatching
})

// minibatchDiscrimination is vanilla with minibatch discrimination
// (Salimans et al. 2016, §3.2): a tensor T maps D's last hidden features
// f(x_i) to M_i ∈ R^{B×C}; o(x_i)_b, the mean over the other samples of
// the batch of exp(−‖M_{i,b} − M_{j,b}‖₁), joins f(x_i) before D's output
// layer, so D sees how alike the samples of a batch are, and a generator
// that collapses is caught. B = 8 kernels of C = 4 dimensions: the
// reference code's 100 × 5 is sized for images, and every kernel costs a
// pass over all pairs of the batch. (engine.Minibatch says why the mean
// replaces the paper's sum.)
var minibatchDiscrimination = derive(vanilla, func(c *engine.Config) {
	c.Name = "minibatch-discrimination"
	c.Description = "vanilla, plus minibatch discrimination: D sees how alike the samples of a batch are"
	c.Source = numtext.Together("Salimans et al.") + ", \"Improved Techniques for Training GANs\" (2016), §3.2"
	c.MBDKernels = 8
	c.MBDDim = 4
})

// labelSmoothing is vanilla with one-sided label smoothing (Salimans et
// al. 2016, §3.4; Goodfellow, NIPS 2016 tutorial, §4.2): D's target for
// real data is 0.9 instead of 1, fake targets stay 0, which keeps D from
// growing overconfident, extrapolating into extreme scores where it has
// seen little data.
var labelSmoothing = derive(vanilla, func(c *engine.Config) {
	c.Name = "label-smoothing"
	c.Description = "vanilla with one-sided label smoothing: D's target for real data is 0.9"
	c.Source = "Goodfellow, " + numtext.Together("NIPS 2016") + " tutorial, §4.2; " + numtext.Together("Salimans et al.") + " (2016), §3.4"
	c.RealLabel = 0.9
})

// lsgan is vanilla with the least-squares loss (Mao et al., "Least
// Squares Generative Adversarial Networks", 2017): D outputs an unbounded
// score (no sigmoid) and regresses it to 1 for real and 0 for generated
// samples; G pulls its samples' scores to 1. The quadratic loss keeps
// penalising samples that are on the right side of D's boundary but far
// from the data, where the sigmoid cross-entropy has gone flat.
var lsgan = derive(vanilla, func(c *engine.Config) {
	c.Name = "lsgan"
	c.Description = "vanilla with the least-squares loss: D regresses real to 1 and fake to 0, no sigmoid"
	c.Source = numtext.Together("Mao et al.") + ", \"Least Squares Generative Adversarial Networks\" (2017), " + numtext.Together("a = 0") + ", " + numtext.Together("b = c = 1")
	c.Loss = engine.LossLeastSquares
	c.DActs = []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Identity}
})

// wgan is vanilla as a Wasserstein GAN (Arjovsky, Chintala and Bottou,
// "Wasserstein GAN", 2017, Algorithm 1): D is a critic with an
// unbounded (identity) output whose loss is mean D(fake) − mean D(real);
// G's loss is −mean D(G(z)); the critic takes n_critic = 5 updates per
// G update, each on a fresh real batch, and after each of them every
// one of its parameters is clipped to [−0.01, 0.01]; both players use
// RMSprop at the paper's rate 5e-5 (α 0.99, PyTorch's default, which
// the authors' code keeps). The critic warms up as in the authors' code
// (martinarjovsky/WassersteinGAN, main.py: "if gen_iterations < 25 or
// gen_iterations % 500 == 0: Diters = 100"): 100 updates per G update in
// the first 25 epochs and in every 500th (d_warmup_steps,
// d_warmup_epochs, d_warmup_every), an epoch being one G update here as a
// generator iteration is there. The batch is vanilla's 100, not the
// paper's m = 64.
var wgan = derive(vanilla, func(c *engine.Config) {
	c.Name = "wgan"
	c.Description = "vanilla as a Wasserstein GAN: a weight-clipped critic, " + numtext.Together("5 D steps") + " per " + numtext.Together("G step") + " (100 in its warm-up), RMSprop"
	c.Source = numtext.Together("Arjovsky et al.") + ", \"Wasserstein GAN\" (2017), Algorithm 1: " + numtext.Together("RMSprop 5e-5") + ", " + numtext.Together("clip c = 0.01") + ", " + numtext.Together("n_critic = 5") +
		"; their main.py's warm-up: " + numtext.Together("100 D steps") + " in the first 25 and every 500th"
	c.Loss = engine.LossWasserstein
	c.DActs = []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Identity}
	c.DOpt, c.DLR = engine.OptimizerRMSprop, 5e-5
	c.GOpt, c.GLR = engine.OptimizerRMSprop, 5e-5
	c.DClip = 0.01
	c.DSteps = 5
	c.DWarmupSteps, c.DWarmupEpochs, c.DWarmupEvery = 100, 25, 500
})

// wganGP is vanilla as WGAN-GP (Gulrajani et al., "Improved Training of
// Wasserstein GANs", 2017, Algorithm 1): the critic's Lipschitz
// constraint is a penalty λ·E[(‖∇D(x̂)‖ − 1)²] on random interpolates x̂
// of real and generated samples instead of weight clipping, n_critic = 5,
// Adam 1e-4 with β₁ 0 and β₂ 0.9 (Algorithm 1's; the authors' toy code,
// gan_toy.py, runs β₁ 0.5), and λ = 0.1, the toy code's value (its April
// 2017 versions: "Smaller lambda seems to help for toy tasks
// specifically"; Algorithm 1's λ = 10 locks vanilla's small critic in the
// sign of its initial slope, bench/README.md section 10). ganui
// takes the penalty's gradient with respect to D's weights exactly, by
// double backpropagation (engine.Penalty).
var wganGP = derive(vanilla, func(c *engine.Config) {
	c.Name = "wgan-gp"
	c.Description = "vanilla as WGAN-GP: a critic pulled toward 1-Lipschitz by a gradient penalty, " + numtext.Together("5 D steps") + " per " + numtext.Together("G step")
	c.Source = numtext.Together("Gulrajani et al.") + ", \"Improved Training of Wasserstein GANs\" (2017), Algorithm 1 (" + numtext.Together("n_critic = 5") + ", " + numtext.Together("Adam 1e-4") + ", " + numtext.Together("β = (0, 0.9)") + "); " + numtext.Together("λ = 0.1") + " as in their gan_toy.py"
	c.Loss = engine.LossWasserstein
	c.DActs = []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Identity}
	c.GP = 0.1
	c.DLR, c.DBeta1, c.DBeta2 = 1e-4, 0, 0.9
	c.GLR, c.GBeta1, c.GBeta2 = 1e-4, 0, 0.9
	c.DSteps = 5
})

// r1 is vanilla with the R1 gradient penalty (Mescheder et al., "Which
// Training Methods for GANs do actually Converge?", 2018, eq. 9): D's
// loss gains (γ/2)·E‖∇D(x)‖² on real data, taken on D's logit, which
// damps D's gradient where the data is. What the paper proves is local:
// training started near the equilibrium converges to it, for small
// enough learning rates (their §4), not that the game settles from
// anywhere. γ = 1 for samples on
// vanilla's scale.
var r1 = derive(vanilla, func(c *engine.Config) {
	c.Name = "r1"
	c.Description = "vanilla with the R1 penalty: D's gradient on real data is penalised, so that training started near the equilibrium converges to it"
	c.Source = numtext.Together("Mescheder et al.") + ", \"Which Training Methods for GANs do actually Converge?\" (2018), eq. 9: R1, " + numtext.Together("γ = 1") + " here"
	c.R1 = 1
})

// hinge is vanilla with the hinge loss (Lim and Ye, "Geometric GAN",
// 2017; Miyato et al., "Spectral Normalization for Generative
// Adversarial Networks", 2018): D's unbounded score is pushed up to 1 on
// real samples and down to −1 on generated ones, and no further, D's loss
// mean relu(1 − D(x)) + mean relu(1 + D(G(z))) being 0 past those
// margins; G raises its samples' score, −mean D(G(z)). Optimizers and
// sizes are vanilla's.
var hinge = derive(vanilla, func(c *engine.Config) {
	c.Name = "hinge"
	c.Description = "vanilla with the hinge loss: D pushes real scores up to 1 and fake ones down to −1, no further"
	c.Source = numtext.Together("Lim & Ye") + ", \"Geometric GAN\" (2017); " + numtext.Together("Miyato et al.") + ", \"Spectral Normalization for Generative Adversarial Networks\" (2018): the hinge loss"
	c.Loss = engine.LossHinge
	c.DActs = []engine.Activation{engine.LeakyReLU, engine.LeakyReLU, engine.Identity}
})

// bimodal is vanilla on a two-mode target, ½ N(−2, 0.5²) + ½ N(2, 0.5²).
// A generator fed unimodal noise must tear it in two; the textbook GAN
// often settles on one mode or swings between them (mode collapse, the
// "Helvetica scenario" of the NIPS 2016 tutorial, §5.1.1). The mode
// coverage metric counts the modes that receive their share.
var bimodal = derive(vanilla, func(c *engine.Config) {
	c.Name = "bimodal"
	c.Description = "vanilla on a two-mode target, to watch for mode collapse"
	c.Source = "Goodfellow, " + numtext.Together("NIPS 2016") + " tutorial, §5.1.1 (mode collapse); target " + numtext.Together("½ N(−2, 0.5²)") + " + " + numtext.Together("½ N(2, 0.5²)")
	c.Target = "mixture(-2,0.5;2,0.5)"
})

// bimodalMBD is bimodal with minibatch discrimination (Salimans et al.
// 2016, §3.2), the remedy for mode collapse that the NIPS 2016 tutorial
// (§5.1.1) discusses: a generator whose samples crowd into one mode makes
// batches that look alike, which D now sees. Over seeds 1-10 it keeps
// both modes in most (median KS 0.18), where the plain design keeps one
// in 7 (bench/README.md, section 8).
var bimodalMBD = derive(bimodal, func(c *engine.Config) {
	c.Name = "bimodal-mbd"
	c.Description = "bimodal with minibatch discrimination, which keeps both modes on most seeds"
	c.Source = numtext.Together("Salimans et al.") + ", \"Improved Techniques for Training GANs\" (2016), §3.2, on the bimodal target"
	c.MBDKernels = minibatchDiscrimination.MBDKernels
	c.MBDDim = minibatchDiscrimination.MBDDim
})

// unrolled is bimodal with the unrolled GAN of Metz et al. ("Unrolled
// Generative Adversarial Networks", 2017) and 5 unrolling steps: each G
// update is taken against D advanced 5 updates on fresh batches, which
// is then put back. The preset takes the first-order gradient, which
// holds the unrolled D fixed; the paper's surrogate gradient, which also
// flows back through D's updates (unroll_second_order, see
// engine.GAN.StepG), did worse here and on the ring at 2.7× the cost
// (presets/SOURCES.md). On this target unrolling changes little.
var unrolled = derive(bimodal, func(c *engine.Config) {
	c.Name = "unrolled"
	c.Description = "bimodal with an unrolled GAN: G answers D as it will be " + numtext.Together("5 updates") + " on (first-order)"
	c.Source = numtext.Together("Metz et al.") + ", \"Unrolled Generative Adversarial Networks\" (2017), " + numtext.Together("5 unrolling steps") + "; first-order, on the bimodal target"
	c.Unroll = 5
})

// historicalAveraging is bimodal with historical averaging for both
// players (Salimans et al., "Improved Techniques for Training GANs",
// 2016, §3.3): each player's cost gains λ‖θ − θ̄‖², θ̄ the mean of the
// parameters it has held, which damps the orbits that gradient descent
// on a game can circle in. The paper gives no λ for it; ganui's 0.1 for
// both players was chosen among 0.001, 0.01, 0.1 and 1 by measurement
// (presets/SOURCES.md).
var historicalAveraging = derive(bimodal, func(c *engine.Config) {
	c.Name = "historical-averaging"
	c.Description = "bimodal with historical averaging: each player is pulled toward the mean of its past parameters"
	c.Source = numtext.Together("Salimans et al.") + ", \"Improved Techniques for Training GANs\" (2016), §3.3, on the bimodal target; λ chosen in ganui"
	c.DHistAvg = 0.1
	c.GHistAvg = 0.1
})

// bimodalPacGAN is ganui's best design on the bimodal target: ring-pacgan's
// (Lin et al. 2018: D reads 2 samples per row; 16 normal noise values, G
// and D of two 64-unit ReLU layers, batch 256, Adam 5e-4 with β₁ 0.5,
// 20,000 epochs) on ½ N(−2, 0.5²) + ½ N(2, 0.5²). Packing shows D how the
// batch is spread, which keeps both modes, and the wider G can tear its
// noise in two without a bridge between the modes: both modes in each of
// seeds 1-10, median KS 0.038 (0.018 … 0.072), where bimodal's is 0.42
// and 7 seeds of 10 keep one mode (bench/README.md, section 8).
var bimodalPacGAN = derive(ringPacGAN, func(c *engine.Config) {
	c.Name = "bimodal-pacgan"
	c.Description = "the bimodal target with PacGAN packing and 64-unit networks: both modes, no bridge"
	c.Source = numtext.Together("Lin et al.") + " 2018 (PacGAN), " + numtext.Together("packing degree 2") + ", on the bimodal target; ring-pacgan's sizes, tuned in ganui"
	c.Target = "mixture(-2,0.5;2,0.5)"
})

// bimodalPacGANEMA is bimodal-pacgan shown and measured through the
// moving average of G's weights, β 0.99 (Yazıcı et al., "The Unusual
// Effectiveness of Averaging in GAN Training", ICLR 2019; Karras et al.,
// Progressive GANs, 2018). bimodal-pacgan keeps both modes but its G
// keeps trading a few percent of mass between them, update after update
// (its mean swings by ±0.2 over a run), so whichever epoch a run ends on
// finds the modes a little unequal; the average of the last hundred or
// so G's sits at the centre of that swing. Training is bimodal-pacgan's
// to the bit. Median KS over seeds 1-10: 0.015 (0.011 … 0.022), against
// bimodal-pacgan's 0.038 (bench/README.md, section 10).
var bimodalPacGANEMA = derive(bimodalPacGAN, func(c *engine.Config) {
	c.Name = "bimodal-pacgan-ema"
	c.Description = "bimodal-pacgan seen through the moving average of G's weights: both modes, evenly weighted"
	c.Source = numtext.Together("Yazıcı et al.") + ", \"The Unusual Effectiveness of Averaging in GAN Training\" (2019), EMA of G, " + numtext.Together("β 0.99") + " chosen in ganui; on bimodal-pacgan"
	c.GEMA = 0.99
})

// uniformFlatNoise is vanilla on the uniform target fed one uniform noise
// value instead of four normal ones: the map G must learn from U[0, 1) to
// U[2, 6) is affine, which a ReLU network draws exactly, where squeezing
// normal noise's tails into hard edges it only approximates. The noise is
// part of the design (both 2017 sources of ganui feed uniform noise); the
// remedy is to give G an input whose shape is the target's. KS median
// 0.022 over seeds 1-10 against uniform's 0.11 (bench/README.md).
var uniformFlatNoise = derive(uniform, func(c *engine.Config) {
	c.Name = "uniform-flat-noise"
	c.Description = "the uniform target with one uniform noise value: G only has to stretch and shift it"
	c.Source = "ganui: vanilla's design with uniform noise (" + numtext.Together("noise_dim 1") + "), as " + numtext.Together("Dev Nag's") + " and the blog's GANs feed it"
	c.Noise = engine.NoiseUniform
	c.NoiseDim = 1
})

// skewed is vanilla on a log-normal target: positive, skewed to the right
// with a long upper tail, so matching mean and std says little and the
// higher moments and KS carry the verdict.
var skewed = derive(vanilla, func(c *engine.Config) {
	c.Name = "skewed"
	c.Description = "vanilla on a skewed log-normal target with a long right tail"
	c.Source = "ganui: the textbook GAN of " + numtext.Together("Goodfellow et al.") + " (2014) on e^Y, " + numtext.Together("Y ~ N(1, 0.5²)")
	c.Target = "lognormal(1,0.5)"
})

// uniform is vanilla on the uniform distribution on [2, 6), which has the
// standard target's mean: a generator fed normal noise must squeeze its
// unbounded tails into two hard edges, which a smooth network only
// approximates. KS and the flat histogram show how far it gets.
var uniform = derive(vanilla, func(c *engine.Config) {
	c.Name = "uniform"
	c.Description = "vanilla on a uniform target with hard edges"
	c.Source = "ganui: the textbook GAN of " + numtext.Together("Goodfellow et al.") + " (2014) on " + numtext.Together("U[2, 6)")
	c.Target = "uniform(2,6)"
})

// ring is the textbook GAN on the ring of 8 Gaussians, the 2-D benchmark
// of mode collapse (Metz et al., "Unrolled Generative Adversarial
// Networks", 2017, §3.1: radius 2, σ 0.02, G 2 hidden layers of 128 ReLU
// units and D 1 in the paper's settings as locuslab/
// gradient_regularized_gan (gaussian-toy.py) restates them, Adam 1e-4 with
// β₁ 0.5). ganui's networks are smaller (64 units), its batch 256 rather
// than 512 and its rate 5e-4, so that a run of 20,000 updates is live in
// a terminal; as in the paper, the plain GAN hops between modes (seeds
// 1-10 end with 4 to 8 of the 8, bench/README.md, section 8).
var ring = engine.Config{
	Name:        "ring",
	Description: "the textbook GAN on a ring of 8 Gaussians: the 2-D benchmark of mode collapse",
	Source:      numtext.Together("Metz et al.") + ", \"Unrolled Generative Adversarial Networks\" (2017), §3.1: 8 modes, radius 2, σ 0.02; smaller networks in ganui",
	Target:      "ring(8,2,0.02)",
	Batch:       256,
	Noise:       engine.NoiseNormal,
	NoiseDim:    16,
	GOut:        1,
	GHidden:     []int{64, 64},
	GActs:       []engine.Activation{engine.ReLU, engine.ReLU, engine.Identity},
	DInput:      engine.DInputRaw,
	DIn:         1,
	DHidden:     []int{64, 64},
	DActs:       []engine.Activation{engine.ReLU, engine.ReLU, engine.Sigmoid},
	LeakySlope:  0.2,
	Loss:        engine.LossBCE,
	GLoss:       engine.GLossNonSaturating,
	RealLabel:   1,
	DOpt:        engine.OptimizerAdam, DLR: 5e-4, DBeta1: 0.5, DBeta2: 0.999,
	GOpt: engine.OptimizerAdam, GLR: 5e-4, GBeta1: 0.5, GBeta2: 0.999,
	DAlpha: 0.99, GAlpha: 0.99,
	Eps:    1e-8,
	DSteps: 1, GSteps: 1,
	Epochs: 20000,
}

// ringPacGAN is ring with PacGAN's packing (Lin et al., "PacGAN: The power
// of two samples in generative adversarial networks", 2018, §3): D reads
// m = 2 generated (or m real) points at once as one input of 2m values,
// so a generator that puts its points in few places makes packs that D
// sees through.
var ringPacGAN = derive(ring, func(c *engine.Config) {
	c.Name = "ring-pacgan"
	c.Description = "ring with PacGAN packing: D judges " + numtext.Together("2 points") + " at once, which exposes collapse"
	c.Source = numtext.Together("Lin et al.") + ", \"PacGAN: The power of two samples in generative adversarial networks\" (2018), §3, " + numtext.Together("packing degree 2")
	c.DIn = 2
})

// ringMBD is ring with minibatch discrimination (Salimans et al. 2016,
// §3.2), as minibatch-discrimination adds it to vanilla.
var ringMBD = derive(ring, func(c *engine.Config) {
	c.Name = "ring-mbd"
	c.Description = "ring with minibatch discrimination: D sees how alike the points of a batch are"
	c.Source = numtext.Together("Salimans et al.") + ", \"Improved Techniques for Training GANs\" (2016), §3.2, on the 8-mode ring"
	c.MBDKernels = minibatchDiscrimination.MBDKernels
	c.MBDDim = minibatchDiscrimination.MBDDim
})

// ringUnrolled is ring with the unrolled GAN (Metz et al. 2017, whose
// §3.1 is the ring experiment), 5 unrolling steps, first-order (see
// unrolled). Each G update costs 5 more D updates, so an epoch takes
// about four times ring's.
var ringUnrolled = derive(ring, func(c *engine.Config) {
	c.Name = "ring-unrolled"
	c.Description = "ring with an unrolled GAN: G answers D as it will be " + numtext.Together("5 updates") + " on (first-order)"
	c.Source = numtext.Together("Metz et al.") + ", \"Unrolled Generative Adversarial Networks\" (2017), §3.1, " + numtext.Together("5 unrolling steps") + "; first-order"
	c.Unroll = 5
})

// grid is ring's design on the 5×5 grid of Gaussians of VEEGAN
// (Srivastava et al. 2017, §5.1) and PacGAN (Lin et al. 2018, §5.1):
// centres at −4, −2, 0, 2, 4 on each axis, σ 0.05.
var grid = derive(ring, func(c *engine.Config) {
	c.Name = "grid"
	c.Description = "the textbook GAN on a 5×5 grid of Gaussians: " + numtext.Together("25 modes") + " to capture"
	c.Source = numtext.Together("Srivastava et al.") + " 2017 (VEEGAN), §5.1; " + numtext.Together("Lin et al.") + " 2018 (PacGAN), §5.1: 5×5 grid, " + numtext.Together("spacing 2") + ", " + numtext.Together("σ 0.05")
	c.Target = "grid(5,2,0.05)"
})

// gridWGANGP is grid trained as WGAN-GP (Gulrajani et al. 2017, whose
// §3.1 and Figure 1 train critics on the 25-Gaussian grid, and whose toy
// code gan_toy.py trains the GAN on it): an identity critic with
// the gradient penalty λ = 0.1 of the authors' toy code (gan_toy.py), 5
// critic steps per G step, Adam 1e-4 with β = (0, 0.9).
var gridWGANGP = derive(grid, func(c *engine.Config) {
	c.Name = "grid-wgan-gp"
	c.Description = "grid as WGAN-GP: a gradient-penalised critic, " + numtext.Together("5 D steps") + " per " + numtext.Together("G step")
	c.Source = numtext.Together("Gulrajani et al.") + ", \"Improved Training of Wasserstein GANs\" (2017), Algorithm 1; the 5×5 grid of §3.1 and their gan_toy.py, " + numtext.Together("λ = 0.1") + " as there"
	c.Loss = engine.LossWasserstein
	c.DActs = []engine.Activation{engine.ReLU, engine.ReLU, engine.Identity}
	c.GP = 0.1
	c.DLR, c.DBeta1, c.DBeta2 = 1e-4, 0, 0.9
	c.GLR, c.GBeta1, c.GBeta2 = 1e-4, 0, 0.9
	c.DSteps = 5
})

// gridPacGAN is grid with PacGAN's packing of 2 points per D row (Lin et
// al. 2018) and networks twice as wide (128 units) trained 45,000 epochs:
// the grid's 25 modes need the capacity and the time. Over seeds 1-10 it
// captures a median of 24.5 modes (21 … 25), against PacGAN2's 23.8 in
// the paper's Table 1; grid-pacgan4-ema captures all 25 in every seed.
var gridPacGAN = derive(grid, func(c *engine.Config) {
	c.Name = "grid-pacgan"
	c.Description = "grid with PacGAN packing (" + numtext.Together("2 points") + " per " + numtext.Together("D row") + ") and 128-unit networks: most of the " + numtext.Together("25 modes")
	c.Source = numtext.Together("Lin et al.") + ", \"PacGAN: The power of two samples in generative adversarial networks\" (2018), §5.1, " + numtext.Together("packing degree 2") + ", on the 5×5 grid; sizes in ganui"
	c.DIn = 2
	c.GHidden = []int{128, 128}
	c.DHidden = []int{128, 128}
	c.Epochs = 45000
})

// gridPacGAN4EMA is ganui's best design on the grid: grid-pacgan with
// PacGAN4's packing (4 points per D row, the degree of the paper's best
// grid figure, 24.8 modes and 93.6% high quality in Table 1), shown and
// measured through the moving average of G's weights, β 0.99 (Yazıcı et
// al. 2019; see bimodal-pacgan-ema). Packing 4 points is what keeps every
// mode: all 25 in each of seeds 1-10, where grid-pacgan drops up to 4;
// the average lifts the high-quality share from 0.80 to 0.89 (median over
// seeds 1-10) and brings the sliced W1 near its floor (bench/README.md,
// section 10).
var gridPacGAN4EMA = derive(gridPacGAN, func(c *engine.Config) {
	c.Name = "grid-pacgan4-ema"
	c.Description = "grid with PacGAN4 packing (" + numtext.Together("4 points") + " per " + numtext.Together("D row") + "), seen through G's moving average: all " + numtext.Together("25 modes") + " in each of " + numtext.Together("seeds 1–10") + ", a median " + numtext.Together("89%") + " of its samples of high quality"
	c.Source = numtext.Together("Lin et al.") + " 2018 (PacGAN), §5.1, " + numtext.Together("packing degree 4") + ", on the 5×5 grid; " + numtext.Together("Yazıcı et al.") + " (2019), EMA of G, " + numtext.Together("β 0.99") + "; sizes in ganui"
	c.DIn = 4
	c.GEMA = 0.99
})

// moons is ring's design on scikit-learn's two moons with noise 0.05: a
// target with no modes to count, whose curved shape G must bend its
// noise into; the sliced W1 distance measures how close it gets.
var moons = derive(ring, func(c *engine.Config) {
	c.Name = "moons"
	c.Description = "the textbook GAN on two interleaving half circles (scikit-learn's make_moons)"
	c.Source = "scikit-learn, sklearn.datasets.make_moons, " + numtext.Together("noise 0.05")
	c.Target = "moons(0.05)"
})

// All returns every preset, in display order. The configs are copies.
func All() []engine.Config {
	out := make([]engine.Config, len(all))
	for i, c := range all {
		out[i] = c.Clone()
	}
	return out
}

// Names returns the preset names in display order.
func Names() []string {
	names := make([]string, len(all))
	for i, c := range all {
		names[i] = c.Name
	}
	return names
}

// Get returns a copy of the preset called name.
func Get(name string) (engine.Config, error) {
	for _, c := range all {
		if c.Name == name {
			return c.Clone(), nil
		}
	}
	return engine.Config{}, unknownPreset(name, "")
}

// unknownPreset is the error for a name that is no built-in preset: it
// names the nearest when name is likely a typo of it, else a few presets
// and where they are listed (builtInHint), then orElse, what else would
// have been taken, not every preset's name, which makes one line of some
// 460 characters. "list" and "help", a request for the presets rather
// than a name, get the flag that lists them with their designs. The name
// is written as --preset takes it (shellword.Quote): unknown preset
// 'my run', where a name is also a file's, not Go's "my run".
func unknownPreset(name, orElse string) error {
	if name == "list" || name == "help" {
		return fmt.Errorf("unknown preset %s: %s lists the presets with their designs", shellword.Quote(name), command.Line("--list-presets"))
	}
	if hint := suggest.DidYouMean(name, Names(), nil); hint != "" {
		return fmt.Errorf("unknown preset %s%s", shellword.Quote(name), hint)
	}
	return fmt.Errorf("unknown preset %s: give the name of a built-in preset%s%s", shellword.Quote(name), builtInHint(), orElse)
}
