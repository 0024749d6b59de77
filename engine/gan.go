package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/ganui/ganui/internal/numtext"
)

// GAN is one training run: a generator G, a discriminator D, their
// optimizers and the random stream that feeds them, all decided by a Config
// and a seed. It is not safe for concurrent use: package session gives it
// to one goroutine, which retunes it between epochs.
type GAN struct {
	cfg    Config
	target Target // the one-dimensional target, or nil
	plane  Plane  // the two-dimensional target, or nil
	dim    int    // values per sample: 1, or 2 for a plane
	seed   uint64

	gen, disc  *Network  // the generator G and the discriminator D
	gOpt, dOpt Optimizer // their optimizers; the rates are cfg's

	src *rand.PCG // training randomness: initial weights, noise, real data
	rng *rand.Rand

	epoch        int
	savedBy      string    // the ganui that wrote the checkpoint read (SavedBy)
	gRows, dRows int       // rows per batch as G and D see it
	noise        []float32 // gRows × NoiseDim
	real         []float32 // the last real batch, Batch samples of dim values
	haveReal     bool      // real holds a batch drawn by a training step
	dy           []float32 // dL/d(D output), dRows
	fake         []float32 // the last generated batch (G's output buffer)

	// featK is the number of D's layers up to its last hidden layer: the
	// features feature matching compares and minibatch discrimination reads.
	featK  int
	mbd    *Minibatch // D's minibatch-discrimination layer, or nil
	fmGrad []float32  // dL/d(features) for feature matching, dRows × width
	fmDiff []float64  // per feature: real mean − generated mean

	planeRef *PlaneReference // a plane's reference sample, made on first use
	tables   targetTables    // what Evaluate needs from the target alone, filled on first use

	// dHist and gHist are the players' historical averages (Salimans et
	// al. 2016, §3.3), nil when its weight is 0.
	dHist, gHist *paramMean
	// gEMA is the moving average of G's weights that Sample and GCurve
	// draw from (g_ema), nil when off.
	gEMA *paramEMA
	// savedD and savedDOpt hold D's parameters and optimizer state while
	// G unrolls D (Unroll > 0), else nil.
	savedD    []float32
	savedDOpt Optimizer
	// unroll is the second-order unrolled GAN's memory, nil unless
	// UnrollSecondOrder.
	unroll *unroller
	// penalty computes D's gradient penalty (GP or R1); gpEps holds
	// WGAN-GP's interpolation weights ε_r, one per D row (not Adam's ε);
	// nil without one.
	penalty     *Penalty
	gpEps       []float32
	lastPenalty float64 // the penalty of D's last update
}

// EpochStats is what one epoch reports: the losses averaged over its steps
// and the moments of its last generated batch.
type EpochStats struct {
	Epoch     int     // epochs completed, this one included
	DReal     float64 // D's loss on real batches
	DFake     float64 // D's loss on generated batches
	G         float64 // G's loss
	Mean, Std float64 // mean and population std of the last generated batch
	// MeanY and StdY are those of the second coordinate for a
	// two-dimensional target, whose first coordinate Mean and Std then
	// describe; zero for a one-dimensional one.
	MeanY, StdY float64
	// Penalty is D's gradient penalty (GP or R1) averaged over the epoch's
	// D updates, apart from D's losses; 0 without one.
	Penalty float64
}

// DivergedError reports that training produced a NaN or infinite value.
type DivergedError struct {
	Epoch int    // epochs completed before the bad value was seen
	What  string // which quantity went bad
}

func (e *DivergedError) Error() string {
	return fmt.Sprintf("diverged at epoch %s: %s is not finite", numtext.FormatInt(e.Epoch), e.What)
}

// trainStream and sampleStream separate the PCG streams a seed drives, so
// evaluation never consumes training randomness.
const (
	trainStream     = 0x6761_6e75_6900_0001
	sampleStream    = 0x6761_6e75_6900_0002
	referenceStream = 0x6761_6e75_6900_0003 // a plane's reference sample
	floorStream     = 0x6761_6e75_6900_0004 // target samples for SW1's floor
)

// New builds a run of cfg from seed. Everything random in the run (initial
// weights, noise, real samples) comes from that seed, so the same Config and
// seed give bit-identical runs. A points(FILE.csv) target's points are
// those cfg holds, when Validate read them, and otherwise read here.
func New(cfg Config, seed uint64) (*GAN, error) {
	cfg = cfg.Clone()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	target, plane, err := cfg.target() // parsed again, the points held
	if err != nil {
		return nil, err // it names the target, as Validate's does
	}
	g := &GAN{cfg: cfg, target: target, plane: plane, dim: cfg.Dim(), seed: seed, src: rand.NewPCG(seed, trainStream)}
	g.rng = rand.New(g.src)
	g.gRows, g.dRows = cfg.Batch/cfg.GOut, cfg.Batch/cfg.DIn
	slope := float32(cfg.LeakySlope)
	genLayers := func() []Layer { return denseStack(cfg.NoiseDim, cfg.GHidden, cfg.GOut*g.dim, cfg.GActs, slope) }
	g.gen = NewNetwork(g.gRows, g.rng, genLayers()...)
	if cfg.GEMA > 0 {
		g.gEMA = newParamEMA(g.gen, genLayers())
	}
	g.disc = NewNetwork(g.dRows, g.rng, g.discriminator(slope)...)
	if cfg.GLoss == GLossFeatureMatching {
		width := g.disc.Layers[g.featK-1].OutSize()
		g.fmGrad = make([]float32, g.dRows*width)
		g.fmDiff = make([]float64, width)
	}
	g.gOpt = cfg.newOptimizer(G, len(g.gen.Params))
	g.dOpt = cfg.newOptimizer(D, len(g.disc.Params))
	if cfg.DHistAvg > 0 {
		g.dHist = newParamMean(g.disc.Params)
	}
	if cfg.GHistAvg > 0 {
		g.gHist = newParamMean(g.gen.Params)
	}
	if cfg.Penalized() {
		if g.penalty, err = NewPenalty(g.disc); err != nil {
			return nil, fmt.Errorf("gp, r1: %w", err)
		}
		// R1 is taken on the logit under BCE, as Mescheder et al. do: on
		// the sigmoid's output σ′ would scale it to nothing where D is sure.
		g.penalty.OnLogit = cfg.Loss == LossBCE
		g.gpEps = make([]float32, g.dRows)
	}
	if cfg.Unroll > 0 {
		g.savedD = make([]float32, len(g.disc.Params))
		g.savedDOpt = cfg.newOptimizer(D, len(g.disc.Params))
	}
	g.noise = make([]float32, g.gRows*cfg.NoiseDim)
	g.real = make([]float32, cfg.Batch*g.dim)
	g.dy = make([]float32, g.dRows)
	if cfg.Unroll > 0 && cfg.UnrollSecondOrder {
		if g.unroll, err = newUnroller(g, cfg.Unroll); err != nil {
			return nil, fmt.Errorf("unroll_second_order: %w", err)
		}
	}
	// Adam fuses single rows' weight gradients into its update
	// (Network.deferOuter) on a network whose gradient nothing else reads
	// or adds to before the step: not D's with a penalty, a historical
	// average or an unrolled G's look-ahead, not G's with an average.
	if _, ok := g.gOpt.(*Adam); ok && g.gHist == nil {
		g.gen.deferOuter()
	}
	if _, ok := g.dOpt.(*Adam); ok && g.dHist == nil && g.penalty == nil && cfg.Unroll == 0 {
		g.disc.deferOuter()
	}
	return g, nil
}

// Fresh builds a new run of g's design from seed on g's own target: a
// points(FILE.csv) target's points as g holds them (read when g was made,
// or from its checkpoint), not read from the file again.
func (g *GAN) Fresh(seed uint64) (*GAN, error) { return New(g.cfg, seed) }

// denseStack returns the dense layers in → hidden… → out, one activation
// per layer.
func denseStack(in int, hidden []int, out int, acts []Activation, slope float32) []Layer {
	widths := append(append([]int{in}, hidden...), out)
	layers := make([]Layer, len(widths)-1)
	for i := range layers {
		d := NewDense(widths[i], widths[i+1], acts[i])
		d.Slope = slope
		layers[i] = d
	}
	return layers
}

// discriminator returns D's layers: the input transform DInput makes of a
// row, the dense hidden layers, minibatch discrimination if asked for, and
// the output layer. It records where D's features end (featK).
func (g *GAN) discriminator(slope float32) []Layer {
	cfg := &g.cfg
	var layers []Layer
	switch cfg.DInput {
	case DInputDiffs, DInputDiffsDetached:
		dec := NewDecorate(cfg.DIn)
		dec.Detach = cfg.DInput == DInputDiffsDetached
		layers = append(layers, dec)
	case DInputMoments:
		layers = append(layers, NewMoments(cfg.DIn))
	}
	dense := denseStack(cfg.DFeatures(), cfg.DHidden, 1, cfg.DActs, slope)
	layers = append(layers, dense[:len(dense)-1]...)
	g.featK = len(layers)
	out := dense[len(dense)-1].(*Dense)
	if cfg.MBDKernels > 0 {
		g.mbd = NewMinibatch(out.In, cfg.MBDKernels, cfg.MBDDim)
		layers = append(layers, g.mbd)
		out = NewDense(g.mbd.OutSize(), 1, out.Act)
		out.Slope = slope
	}
	return append(layers, out)
}

// newOptimizer returns player p's optimizer as c configures it, for n
// parameters.
func (c *Config) newOptimizer(p Player, n int) Optimizer {
	kind, beta1, beta2, momentum, alpha := c.DOpt, c.DBeta1, c.DBeta2, c.DMomentum, c.DAlpha
	if p == G {
		kind, beta1, beta2, momentum, alpha = c.GOpt, c.GBeta1, c.GBeta2, c.GMomentum, c.GAlpha
	}
	switch kind {
	case OptimizerSGD:
		return NewSGD(n, momentum)
	case OptimizerRMSprop:
		return NewRMSprop(n, alpha, c.Eps)
	}
	return NewAdam(n, beta1, beta2, c.Eps)
}

// Config returns the run's current settings, retuned values included.
func (g *GAN) Config() Config { return g.cfg.Clone() }

// Seed returns the seed the run was built from.
func (g *GAN) Seed() uint64 { return g.seed }

// Target returns the distribution the generator is learning when it is
// one-dimensional, else nil (see Plane).
func (g *GAN) Target() Target { return g.target }

// Plane returns the distribution the generator is learning when it is
// two-dimensional, else nil (see Target).
func (g *GAN) Plane() Plane { return g.plane }

// Dim is the number of values per sample: 1, or 2 for a plane.
func (g *GAN) Dim() int { return g.dim }

// Epoch returns the number of epochs completed.
func (g *GAN) Epoch() int { return g.epoch }

// SavedBy is the ganui that wrote the checkpoint g was read from, as its
// configuration records it (VersionKey, release.Version then): a tag
// (v1.2.0), a pseudo-version naming a commit, or "(devel)" for a build
// that records none. "" for a run not read from a file, and for a
// checkpoint written before the key was. A front end that keeps words
// in the checkpoint's annex tells by it whether they are its own.
func (g *GAN) SavedBy() string { return g.savedBy }

// Player is one of the two networks of a GAN.
type Player uint8

// The players.
const (
	D Player = iota + 1 // the discriminator
	G                   // the generator
)

// String returns "D" or "G".
func (p Player) String() string {
	switch p {
	case D:
		return "D"
	case G:
		return "G"
	}
	return fmt.Sprintf("Player(%d)", p)
}

// lr returns the field of c holding p's learning rate, and its key.
func (c *Config) lr(p Player) (*float64, string, error) {
	switch p {
	case D:
		return &c.DLR, "d_lr", nil
	case G:
		return &c.GLR, "g_lr", nil
	}
	return nil, "", noPlayer(p)
}

// steps returns the field of c holding p's updates per epoch, and its key.
func (c *Config) steps(p Player) (*int, string, error) {
	switch p {
	case D:
		return &c.DSteps, "d_steps", nil
	case G:
		return &c.GSteps, "g_steps", nil
	}
	return nil, "", noPlayer(p)
}

func noPlayer(p Player) error { return fmt.Errorf("engine: no player %s, only D and G", p) }

// SetLR changes p's learning rate, in (0, MaxLR], from p's next update
// on; the optimizer keeps its state. The run's Config is the only holder
// of the rate: Config and checkpoints report it, and every update reads
// it there.
func (g *GAN) SetLR(p Player, lr float64) error {
	dst, key, err := g.cfg.lr(p)
	if err == nil {
		err = checkLR(key, lr)
	}
	if err != nil {
		return err
	}
	*dst = lr
	return nil
}

// SetSteps sets p's updates per epoch, in 1..MaxSteps, from the next
// epoch on.
func (g *GAN) SetSteps(p Player, n int) error {
	dst, key, err := g.cfg.steps(p)
	if err == nil {
		err = checkSteps(key, n)
	}
	if err != nil {
		return err
	}
	*dst = n
	return nil
}

// TrainEpoch runs one epoch as the original code does: DSteps discriminator
// updates (DWarmupSteps in an epoch of D's warm-up: Config.DStepsAt),
// then GSteps generator updates. It returns a *DivergedError when a
// loss, the generated batch or a weight stops being finite.
func (g *GAN) TrainEpoch() (EpochStats, error) {
	var s EpochStats
	dSteps, _ := g.cfg.DStepsAt(g.epoch)
	for range dSteps {
		r, f := g.StepD()
		s.DReal += r
		s.DFake += f
		s.Penalty += g.lastPenalty
	}
	for range g.cfg.GSteps {
		s.G += g.StepG()
	}
	g.epoch++
	markEpoch()
	s.Epoch = g.epoch
	s.DReal /= float64(dSteps)
	s.DFake /= float64(dSteps)
	s.Penalty /= float64(dSteps)
	s.G /= float64(g.cfg.GSteps)
	if g.dim == 1 {
		s.Mean, s.Std = meanStd32(g.fake, 0, 1)
	} else {
		s.Mean, s.Std = meanStd32(g.fake, 0, 2)
		s.MeanY, s.StdY = meanStd32(g.fake, 1, 2)
	}
	switch {
	case !finite(s.DReal):
		return s, &DivergedError{g.epoch, "D's loss on real data"}
	case !finite(s.DFake):
		return s, &DivergedError{g.epoch, "D's loss on generated data"}
	case !finite(s.Penalty):
		return s, &DivergedError{g.epoch, "D's gradient penalty"}
	case !finite(s.G):
		return s, &DivergedError{g.epoch, "G's loss"}
	case !finite(s.Mean) || !finite(s.Std) || !finite(s.MeanY) || !finite(s.StdY):
		return s, &DivergedError{g.epoch, "a generated sample"}
	}
	return s, g.Check()
}

// Check returns a *DivergedError if any weight of G or D is NaN or infinite.
// It sums the weights with the vector kernel: a NaN or an infinity makes the
// sum non-finite, and so does nothing else short of weights near 1e38,
// which is divergence too.
func (g *GAN) Check() error {
	if !finite32(sum(g.gen.Params)) {
		return &DivergedError{g.epoch, "a generator weight"}
	}
	if !finite32(sum(g.disc.Params)) {
		return &DivergedError{g.epoch, "a discriminator weight"}
	}
	return nil
}

// StepD makes one discriminator update: a real batch labelled RealLabel and
// a generated batch labelled 0 (detached: G is not updated), their
// gradients added, then one optimizer step on D. It returns both losses
// (see dLoss). D's gradients start at zero, where D's last optimizer step
// (or New) left them; StepG, which runs backward through D, does not add
// to them.
//
// With historical averaging (DHistAvg > 0) the gradient of
// λ‖θ − θ̄‖² joins D's before the step, and the new parameters join θ̄
// after it; the losses returned are the adversarial ones, without the
// term. With weight clipping (DClip = c > 0) every parameter of D is
// clipped to [−c, c] after the step (Arjovsky et al. 2017, Algorithm 1).
func (g *GAN) StepD() (realLoss, fakeLoss float64) {
	realLoss, fakeLoss = g.updateD()
	if g.dHist != nil {
		g.dHist.record(g.disc.Params)
	}
	return realLoss, fakeLoss
}

// updateD is StepD but for the historical mean, which it reads and does
// not change: the update G's unrolling repeats on a D it restores after.
func (g *GAN) updateD() (realLoss, fakeLoss float64) {
	realLoss, fakeLoss = g.gradD()
	g.stepD()
	return realLoss, fakeLoss
}

// gradD draws D's batches and leaves D's gradient for them in D.Grads:
// the losses', the penalty's and the historical term's. It returns the
// losses.
func (g *GAN) gradD() (realLoss, fakeLoss float64) {
	d := g.disc
	g.drawReal()
	realLoss = g.dLoss(d.Forward(g.real, g.dRows), true)
	d.Backward(g.dy, g.dRows, true, false)
	fakeLoss = g.dLoss(d.Forward(g.generate(), g.dRows), false)
	d.Backward(g.dy, g.dRows, true, false)
	if g.penalty != nil {
		g.lastPenalty = g.addPenalty()
	}
	if g.dHist != nil {
		g.dHist.addGrad(d.Params, d.Grads, g.cfg.DHistAvg)
	}
	return realLoss, fakeLoss
}

// stepD applies D's optimizer step to the gradient gradD left, then the
// clipping.
func (g *GAN) stepD() {
	d := g.disc
	d.step(g.dOpt, g.cfg.DLR)
	if g.cfg.DClip > 0 {
		clipParams(d.Params, float32(g.cfg.DClip))
		d.ParamsChanged()
	}
}

// addPenalty adds D's gradient penalty, on the batches of the update in
// progress, to D's gradients and returns its value: WGAN-GP on x̂ =
// ε·x + (1 − ε)·G(z), ε uniform on [0, 1) per row (Gulrajani et al. 2017,
// Algorithm 1), or R1 on the real batch (Mescheder et al. 2018, eq. 9).
func (g *GAN) addPenalty() float64 {
	if g.cfg.R1 > 0 {
		return g.penalty.R1(g.real, g.dRows, g.cfg.R1)
	}
	for i := range g.gpEps {
		g.gpEps[i] = g.rng.Float32()
	}
	return g.penalty.WGANGP(g.real, g.fake, g.gpEps, g.dRows, g.cfg.GP)
}

// StepG makes one generator update: a generated batch goes through D with
// G's loss; the gradient flows back through D (whose weights stay put) into
// G, and one optimizer step changes G only. It returns G's loss. G's
// gradients start at zero, where G's last optimizer step left them. With
// historical averaging (GHistAvg > 0), G's gradient gains that of
// λ‖θ − θ̄‖² as D's does in StepD.
//
// With Unroll = k > 0 this is the unrolled GAN of Metz et al. ("Unrolled
// Generative Adversarial Networks", ICLR 2017, §2): D's parameters and
// optimizer state are saved, D takes k updates exactly as StepD makes
// them (fresh real batches and noise, clipping and the historical term
// included, the historical mean unchanged), G's loss and gradient are
// taken through that unrolled D θ_D^k, D is restored to its saved state
// and G steps (§2.3, eq. 10); D's own update happens in StepD as usual
// (eq. 11). By default (UnrollSecondOrder false) G's gradient is the
// first-order one, ∂f/∂θ_G at (θ_G, θ_D^k) with θ_D^k held fixed, the
// first term of eq. 12: G answers the D of k steps on, not the current
// one, at the cost of k D updates per G update. With UnrollSecondOrder
// it is the whole gradient of the paper's surrogate objective f_K (§2.2,
// eq. 9) as §2.4 writes it in eq. 12, which adds the second term
// ∂f/∂θ_D^k · dθ_D^k/dθ_G: reverse mode through the k optimizer updates
// (Adam's, SGD's or RMSprop's, moments included), a Hessian-vector
// product of D's loss per update and the mixed product that carries
// each update's dependence on G's fake batch back into G, exact to
// rounding (see unroller); the term through which G sees how D would
// react to it (§2.4, "the missing gradient term"). The second-order term
// needs D of dense layers without a gradient penalty or clipping, and
// G's loss not feature matching (Validate). The buffers that hold D and
// what the reverse pass replays are made by New: a step allocates
// nothing.
func (g *GAN) StepG() float64 {
	loss := g.gradGUnrolled()
	if g.gHist != nil {
		g.gHist.addGrad(g.gen.Params, g.gen.Grads, g.cfg.GHistAvg)
	}
	g.gen.step(g.gOpt, g.cfg.GLR)
	if g.gHist != nil {
		g.gHist.record(g.gen.Params)
	}
	if g.gEMA != nil {
		g.gEMA.record(g.gen.Params, g.cfg.GEMA)
	}
	return loss
}

// gradGUnrolled adds G's gradient to G.Grads and returns G's loss: through
// D as it is, or with Unroll through the unrolled D (first- or
// second-order), D restored afterwards.
func (g *GAN) gradGUnrolled() float64 {
	if g.cfg.Unroll > 0 {
		copy(g.savedD, g.disc.Params)
		copyOptimizer(g.savedDOpt, g.dOpt)
		if g.unroll != nil {
			g.unrollRecorded()
		} else {
			for range g.cfg.Unroll {
				g.updateD()
			}
		}
	}
	var loss float64
	switch {
	case g.cfg.GLoss == GLossFeatureMatching:
		loss = g.gradGFeatures()
	case g.unroll != nil:
		loss = g.gradG(true)
		g.unrollBackward()
	default:
		loss = g.gradG(false)
	}
	if g.cfg.Unroll > 0 {
		copy(g.disc.Params, g.savedD)
		g.disc.ParamsChanged()
		copyOptimizer(g.dOpt, g.savedDOpt)
	}
	return loss
}

// gradG adds G's gradient for a fresh generated batch to G.Grads and
// returns G's loss: −log D(G(z)) (BCE with label 1), the minimax
// log(1 − D(G(z))), (D(G(z)) − 1)²/2 under least squares, or −D(G(z))
// under the Wasserstein and hinge losses, each averaged. With dParams
// the loss's gradient in D's parameters is added to D.Grads too.
func (g *GAN) gradG(dParams bool) float64 {
	y := g.disc.Forward(g.generate(), g.dRows)
	var loss float32
	switch {
	case g.cfg.Loss == LossLeastSquares:
		loss = LeastSquares(g.dy, y, 1)
	case g.cfg.Loss.Unbounded():
		loss = Wasserstein(g.dy, y, -1)
	case g.cfg.GLoss == GLossMinimax:
		loss = MinimaxGLoss(g.dy, y)
	default:
		loss = BCE(g.dy, y, 1)
	}
	dx := g.disc.Backward(g.dy, g.dRows, dParams, true)
	g.gen.Backward(dx, g.gRows, true, false)
	return float64(loss)
}

// gradGFeatures is gradG with feature matching (Salimans et al. 2016,
// §3.1) on a fresh real batch and fresh noise; see featureMatching.
func (g *GAN) gradGFeatures() float64 {
	g.drawReal()
	fillNoise(g.noise, g.cfg.Noise, g.rng)
	return g.featureMatching(g.real, g.noise)
}

// featureMatching returns G's feature-matching loss for a real batch and
// G's noise, and adds its gradient to G.Grads. f is D's last hidden layer
// and n the number of D's rows:
//
//	L = ‖(1/n) Σ_i f(x_i) − (1/n) Σ_i f(G(z_i))‖²₂
//	dL/df(G(z_i)) = −(2/n)·((1/n) Σ_j f(x_j) − (1/n) Σ_j f(G(z_j)))
//
// D's weights only carry the gradient; D trains as usual in StepD.
func (g *GAN) featureMatching(real, noise []float32) float64 {
	rows, width := g.dRows, len(g.fmDiff)
	colMeans(g.fmDiff, g.disc.ForwardTo(g.featK, real, rows), rows)
	g.fake = g.gen.Forward(noise, g.gRows)
	fake := g.disc.ForwardTo(g.featK, g.fake, rows)
	var loss float64
	for k := range g.fmDiff {
		var m float64
		for r := range rows {
			m += float64(fake[r*width+k])
		}
		d := g.fmDiff[k] - m/float64(rows)
		g.fmDiff[k] = d
		loss += d * d
	}
	scale := -2 / float64(rows)
	for r := range rows {
		for k, d := range g.fmDiff {
			g.fmGrad[r*width+k] = float32(scale * d)
		}
	}
	dx := g.disc.BackwardFrom(g.featK, g.fmGrad, rows, false, true)
	g.gen.Backward(dx, g.gRows, true, false)
	return loss
}

// colMeans writes the mean of each column of x (rows × len(dst)) into dst.
func colMeans(dst []float64, x []float32, rows int) {
	w := len(dst)
	clear(dst)
	for r := range rows {
		for k, v := range x[r*w : (r+1)*w] {
			dst[k] += float64(v)
		}
	}
	for k := range dst {
		dst[k] /= float64(rows)
	}
}

// drawReal fills g.real with a fresh real batch.
func (g *GAN) drawReal() {
	fillReal(g.real, g.target, g.plane, g.rng)
	g.haveReal = true
}

// fillReal fills dst with samples of whichever of t and p is not nil:
// values of t, or the x, y pairs of p.
func fillReal(dst []float32, t Target, p Plane, rng *rand.Rand) {
	if p == nil {
		for i := range dst {
			dst[i] = float32(t.Sample(rng))
		}
		return
	}
	for i := 0; i+1 < len(dst); i += 2 {
		x, y := p.Sample(rng)
		dst[i], dst[i+1] = float32(x), float32(y)
	}
}

// dLoss scores D's outputs y on a real batch (real) or a generated one
// and leaves dL/dy in g.dy. Under BCE and least squares the label is
// RealLabel for real data and 0 for generated data; under the
// Wasserstein loss the two sides are −mean D(real) and mean D(fake),
// whose sum is D's loss; under the hinge loss mean relu(1 − D(real)) and
// mean relu(1 + D(fake)).
func (g *GAN) dLoss(y []float32, real bool) float64 {
	t, s := float32(0), float32(1)
	if real {
		t, s = float32(g.cfg.RealLabel), -1
	}
	switch g.cfg.Loss {
	case LossLeastSquares:
		return float64(LeastSquares(g.dy, y, t))
	case LossWasserstein:
		return float64(Wasserstein(g.dy, y, s))
	case LossHinge:
		return float64(Hinge(g.dy, y, s))
	}
	return float64(BCE(g.dy, y, t))
}

// generate draws fresh noise and returns G's output batch.
func (g *GAN) generate() []float32 {
	fillNoise(g.noise, g.cfg.Noise, g.rng)
	g.fake = g.gen.Forward(g.noise, g.gRows)
	return g.fake
}

func fillNoise(dst []float32, kind Noise, rng *rand.Rand) {
	if kind == NoiseNormal {
		for i := range dst {
			dst[i] = float32(rng.NormFloat64())
		}
		return
	}
	for i := range dst {
		dst[i] = rng.Float32()
	}
}

// Sample fills dst with fresh generated samples in the order G emits them
// (rows of GOut samples; the x, y pairs of a plane in turn). The noise comes from a stream of its own selected by
// stream, so sampling is reproducible and never disturbs training. With
// g_ema the samples are the averaged generator's (see paramEMA).
func (g *GAN) Sample(dst []float64, stream uint64) { g.SampleUntil(dst, stream, nil) }

// SampleUntil is Sample that gives up once stop is closed, looked at
// before each of G's batches, and then reports false, dst filled in part:
// a front end leaving at once does not wait for seconds of a wide
// design's samples. The samples it does draw are Sample's; a nil stop
// never stops it.
func (g *GAN) SampleUntil(dst []float64, stream uint64, stop <-chan struct{}) bool {
	rng := rand.New(rand.NewPCG(g.seed^stream, sampleStream))
	noise := make([]float32, len(g.noise))
	gen := g.shownG()
	for len(dst) > 0 {
		select {
		case <-stop:
			return false
		default:
		}
		fillNoise(noise, g.cfg.Noise, rng)
		out := gen.Forward(noise, g.gRows)
		n := min(len(out), len(dst))
		for i, v := range out[:n] {
			dst[i] = float64(v)
		}
		dst = dst[n:]
	}
	return true
}

// EvaluateUntil draws n fresh samples (stream chosen by the current
// epoch, so a run's evaluation is reproducible) and measures them against
// the target: Metrics of a one-dimensional target with h's histogram, or
// the Plane metrics of a two-dimensional one (h is then unused).
//
// Noise use compares noise draws, so it needs two rows of GOut samples at
// least: when n holds fewer (--samples 100 on blog-original's rows of 100,
// or the checks' 2,000 on rows of more than 1,000), it is measured on the
// first two rows of the same stream, of which the n samples are the start.
//
// It gives up once stop is closed, as SampleUntil does, and then reports
// false with no metrics: while it draws the samples, and while it
// measures them (evaluateUntil), up to its end. A nil stop never stops
// it.
func (g *GAN) EvaluateUntil(n int, h HistSpec, stop <-chan struct{}) (Metrics, bool) {
	w := g.cfg.GOut
	var xs []float64
	switch {
	case g.plane != nil:
		xs = make([]float64, n*g.dim)
	case w <= 1 || n >= 2*w:
		xs = make([]float64, n)
	default: // two rows, of which the n samples are the start
		xs = make([]float64, 2*w)
	}
	if !g.SampleUntil(xs, uint64(g.epoch), stop) {
		return Metrics{}, false
	}
	switch {
	case g.plane != nil:
		pm, ok := g.evaluatePlane(xs, stop)
		if !ok {
			return Metrics{}, false
		}
		return Metrics{N: n, Plane: pm}, true
	case len(xs) == n:
		return evaluateUntil(xs, w, g.target, h, &g.tables, stop)
	}
	m, ok := evaluateUntil(slices.Clone(xs[:n]), w, g.target, h, &g.tables, stop)
	if !ok {
		return Metrics{}, false
	}
	m.ZDep = NoiseDependence(xs, w)
	return m, true
}

// meanStd32 returns the mean and population std of x[off], x[off+stride],
// x[off+2·stride], ….
func meanStd32(x []float32, off, stride int) (mean, std float64) {
	n := 0
	for i := off; i < len(x); i += stride {
		mean += float64(x[i])
		n++
	}
	mean /= float64(n)
	for i := off; i < len(x); i += stride {
		d := float64(x[i]) - mean
		std += d * d
	}
	return mean, math.Sqrt(std / float64(n))
}

// ScoresSamples reports whether D judges single samples, so that D(x) is a
// curve over x (Config.ScoresSamples). D designs that read whole rows
// (raw rows of several samples, diffs, moments) have no such curve.
func (g *GAN) ScoresSamples() bool { return g.cfg.ScoresSamples() }

// DCurve writes D's score for len(dst) evenly spaced x from lo to hi
// (inclusive) into dst and reports true, or reports false when D does not
// score single samples (see ScoresSamples).
//
// With minibatch discrimination D's score of a sample depends on the batch
// around it; each x is then scored as one more member of the last real
// batch (see Minibatch.SetReference), so the curve is D's verdict on x in
// the company D last saw real data in. Drawing it changes nothing in the
// run.
func (g *GAN) DCurve(dst []float64, lo, hi float64) bool {
	if !g.ScoresSamples() || g.dim != 1 || len(dst) == 0 {
		return false
	}
	step := 0.0
	if len(dst) > 1 {
		step = (hi - lo) / float64(len(dst)-1)
	}
	xs := make([]float64, len(dst))
	for i := range xs {
		xs[i] = lo + float64(i)*step
	}
	g.score(dst, xs)
	return true
}

// score writes D's score of each sample of xs (dim values each) into
// dst, one per sample, D reading them dRows at a time. Under minibatch
// discrimination each is scored in the company of the last real batch
// (see DCurve). It needs ScoresSamples.
func (g *GAN) score(dst, xs []float64) { g.scoreUntil(dst, xs, nil) }

// scoreUntil is score that gives up once stop is closed, looked at before
// each of D's batches, and then reports false, dst filled in part; the
// scores it writes are score's. A nil stop never stops it.
func (g *GAN) scoreUntil(dst, xs []float64, stop <-chan struct{}) bool {
	if g.mbd != nil {
		g.mbd.SetReference(g.disc.ForwardTo(g.featK, g.curveContext(), g.dRows), g.dRows)
		defer g.mbd.ClearReference()
	}
	in := make([]float32, g.dRows*g.dim)
	for done := 0; done < len(dst); done += g.dRows {
		if stopped(stop) {
			return false
		}
		n := min(g.dRows, len(dst)-done)
		for i := range in[:n*g.dim] {
			in[i] = float32(xs[done*g.dim+i])
		}
		y := g.disc.Forward(in, g.dRows)
		for i := range n {
			dst[done+i] = float64(y[i])
		}
	}
	return true
}

// DSlope writes dD/dx — the slope of D's score, the direction and the
// strength of the push G's samples get from D there — at len(dst) evenly
// spaced x from lo to hi (inclusive), and reports true; or false when D
// does not score single samples. The slope is the central difference of
// D over ±h, h a thousandth of the range: D scores x as DCurve does, in
// the company of the last real batch under minibatch discrimination,
// which a gradient through D's layers would not see.
func (g *GAN) DSlope(dst []float64, lo, hi float64) bool {
	if !g.ScoresSamples() || len(dst) == 0 {
		return false
	}
	h := (hi - lo) / 1000
	if !(h > 0) {
		h = 1e-3
	}
	up := make([]float64, len(dst))
	g.DCurve(up, lo+h, hi+h)
	g.DCurve(dst, lo-h, hi-h)
	for i := range dst {
		dst[i] = (up[i] - dst[i]) / (2 * h)
	}
	return true
}

// GCurve writes G's output for each noise value of zs into dst and
// reports true, when G maps one noise value to one sample (NoiseDim and
// GOut both 1): the curve x = G(z) that turns the noise distribution
// into the generated one. Otherwise it reports false.
func (g *GAN) GCurve(dst, zs []float64) bool {
	if g.cfg.NoiseDim != 1 || g.cfg.GOut != 1 || g.dim != 1 || len(dst) != len(zs) {
		return false
	}
	in := make([]float32, g.gRows)
	for done := 0; done < len(zs); done += g.gRows {
		n := min(g.gRows, len(zs)-done)
		for i := range n {
			in[i] = float32(zs[done+i])
		}
		out := g.shownG().Forward(in, g.gRows)
		for i := range n {
			dst[done+i] = float64(out[i])
		}
	}
	return true
}

// shownG is the generator a run shows and measures: G, or with g_ema the
// moving average of its weights.
func (g *GAN) shownG() *Network {
	if g.gEMA != nil {
		return g.gEMA.Net
	}
	return g.gen
}

// NoiseRange is the range of noise values GCurve is best drawn over: the
// noise's support, [0,1) for uniform noise, ±3 for normal noise.
func (g *GAN) NoiseRange() (lo, hi float64) {
	if g.cfg.Noise == NoiseNormal {
		return -3, 3
	}
	return 0, 1
}

// curveContext returns the batch minibatch discrimination scores D(x)
// within: the last real batch, or before any training step a real batch
// drawn from an evaluation stream, so that drawing the curve never
// disturbs training.
func (g *GAN) curveContext() []float32 {
	if g.haveReal {
		return g.real
	}
	rng := rand.New(rand.NewPCG(g.seed, sampleStream))
	ctx := make([]float32, len(g.real))
	fillReal(ctx, g.target, g.plane, rng)
	return ctx
}

// DSurface writes D's score at the centres of an nx × ny grid of cells
// over box b into dst (nx·ny values, row by row from the top, y = Y1,
// each row from x = X0), and reports true; or false when the target is not
// a plane or D does not score single samples (ScoresSamples). This is the
// decision surface GAN Lab shades behind the samples. Drawing it changes
// nothing in the run.
func (g *GAN) DSurface(dst []float64, b Box, nx, ny int) bool {
	drawn, _ := g.DSurfaceUntil(dst, b, nx, ny, nil)
	return drawn
}

// DSurfaceUntil is DSurface that gives up once stop is closed, looked at
// before each of D's batches of the grid, and then reports ok false, dst
// filled in part: the surface a 2-D check and the trainer's evaluation
// draw after their measures is 2,304 points through D, seconds of a wide
// design's, which q and SIGTERM would wait out. drawn is DSurface's
// report, whether the target and D have a surface at all; what it scores
// in full is DSurface's, to the bit. A nil stop never stops it.
func (g *GAN) DSurfaceUntil(dst []float64, b Box, nx, ny int, stop <-chan struct{}) (drawn, ok bool) {
	if g.dim != 2 || !g.ScoresSamples() || nx < 1 || ny < 1 || len(dst) != nx*ny {
		return false, !stopped(stop)
	}
	xy := make([]float64, 2*nx*ny)
	for r := range ny {
		y := b.Y1 - (float64(r)+0.5)*(b.Y1-b.Y0)/float64(ny)
		for c := range nx {
			i := r*nx + c
			xy[2*i] = b.X0 + (float64(c)+0.5)*(b.X1-b.X0)/float64(nx)
			xy[2*i+1] = y
		}
	}
	return true, g.scoreUntil(dst, xy, stop)
}

// DPush writes D's gradient (∂D/∂x, ∂D/∂y) at each point of xy (x₀, y₀,
// x₁, …) into dst, the same layout, and reports true; or false when the
// target is not a plane or D does not score single samples. It is the
// direction and strength of the push G's sample there gets from D (GAN
// Lab's gradient lines), by central differences over ±h, h a thousandth
// of the plane's view box, as DSlope does in one dimension.
func (g *GAN) DPush(dst, xy []float64) bool {
	if g.dim != 2 || !g.ScoresSamples() || len(dst) != len(xy) || len(xy) == 0 {
		return false
	}
	b := g.plane.Bounds()
	h := (b.X1 - b.X0) / 1000
	n := len(xy) / 2
	probe := make([]float64, 8*n) // ±h in x, then ±h in y, per point
	for i := range n {
		x, y := xy[2*i], xy[2*i+1]
		copy(probe[8*i:], []float64{x + h, y, x - h, y, x, y + h, x, y - h})
	}
	d := make([]float64, 4*n)
	g.score(d, probe)
	for i := range n {
		dst[2*i] = (d[4*i] - d[4*i+1]) / (2 * h)
		dst[2*i+1] = (d[4*i+2] - d[4*i+3]) / (2 * h)
	}
	return true
}
