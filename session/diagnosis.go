package session

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// The diagnosis says in plain words what is happening in a run now. Each
// Finding stands for one measured condition, with the threshold below;
// it is in a snapshot only while its condition holds. The README's
// "Diagnosis" section states the same thresholds.
const (
	// equilibriumScore: D's two losses, averaged over about lossWindow
	// epochs, as near their equilibrium values (see Equilibrium) as D's
	// scores within this of the balance score (½) make them, the losses
	// of a D that can no longer tell real from fake: a D that scores real data 0.515 and
	// generated data 0.485 is right on 51.5% of samples, hardly better
	// than a coin. The loss's slope at ½ turns it into a tolerance on the
	// losses (Equilibrium.Tol): 2 for BCE (−ln D), so 0.03; ½ for ganui's
	// ½-scaled least squares (½(1−D)²), so 0.0075. One tolerance of 0.03
	// for both would let least squares, 4× flatter, settle at D scoring
	// 0.54 and 0.46: under it lsgan (seed 1) reaches its "equilibrium" at
	// epoch 3,300 with KS 0.29, its losses 0.1075 and 0.1057 still
	// climbing to the 0.1250 they then hold from epoch 5,000 on.
	equilibriumScore = 0.015
	// hingeTol: under the hinge loss (Lim & Ye 2017) D's losses are
	// mean max(0, 1 − D(x)) on real data and mean max(0, 1 + D(G(z))) on
	// generated data; with D's scores within its margins ±1 they sum to
	// 2 − (D's mean score on real data − its mean on generated data).
	// Once G matches the target, any score within the margins is a best
	// D's (the pointwise loss is 2 wherever |D| ≤ 1), so the two losses
	// split their sum at random (hinge, seeds 1–5, from 0.73 and 1.27 to
	// 1.42 and 0.50, KS under 0.03) and only the sum tells: 2 is D's
	// mean scores alike on real and generated data while its scores lie
	// within the margins (watch.where). This is how near 2 it must
	// be: the gap of BCE's 0.515 and 0.485 (equilibriumScore either side
	// of ½, 0.03 of the 1 between its labels) on the hinge's scale, the 2
	// between its margins. hinge (seeds 1–5) reaches it at epochs 4,000 to
	// 5,900, KS 0.025 to 0.054, on its way to 2.000 at the noise floor;
	// on the way there its sum was 1.3 at KS 0.3.
	hingeTol = 2 * 2 * equilibriumScore
	// hingeSum is the sum of D's hinge losses at its equilibrium.
	hingeSum = 2
	// stillTol: D's two losses (the hinge's sum) within this of their
	// equilibrium values on every one of lossWindow epochs are a D that gives every sample the
	// same score, which no learning D does: a learning D's losses move by
	// hundredths from batch to batch. The best D scores ½ everywhere once G matches the target
	// (Goodfellow et al. 2014, Proposition 1), the goal DIndifferent
	// says; a D held there to stillTol scores every sample alike and
	// gives G no gradient, whatever G has matched, the defect DStalled
	// says.
	//
	// That starts a stall (stalled); what ends it is an epoch whose
	// losses leave the line D's equilibrium itself ends at
	// (equilibriumLeave times its tolerance, stillLeave: 0.06 under BCE,
	// D's score 0.03 off ½), not one past stillTol, so that the stall has
	// two lines, as a Schmitt trigger does. A dead D's output bias is
	// about all its optimizer still moves, and Adam's steps, scaled by a
	// gradient's running size, are of the learning rate's size however
	// small the gradient: blog-original at d_lr 1e-3, 2e-3 and 5e-3
	// (seeds 1–5, default build) sits at ln 2, its losses 10⁻⁹ off it on
	// most epochs, kicked 0.0002 to 0.05 off for an epoch or a dozen
	// every few hundred epochs and back. With stillTol for both lines
	// each kick would end the stall for the lossWindow epochs the count
	// then needs again: 34 ends in those 15 runs, and between them,
	// beside losses reading 0.693 on the chart, the screen would give the
	// equilibrium's ✓ "D's losses sit at their equilibrium" wherever KS
	// is 0.5 or under (d_lr 1e-3, seed 3, KS 0.44 from epoch 3,840).
	// With stillLeave 9 end, each at an epoch 0.069 to 0.27 off ln 2: one
	// a lone kick of 0.12 (d_lr 2e-3, seed 2, epoch 1,865), the others
	// D's losses moving on (d_lr 2e-3, seed 4, from epoch 3,813: 0.085
	// off, then 2.7). A learning D's losses move by hundredths from batch
	// to batch and cross it within tens of epochs.
	stillTol = 1e-4
	// stillNow: D's two losses within stillTol of their equilibrium on each
	// of the last stillNow epochs are D at its equilibrium now, whatever
	// their averages, which still carry the ~lossWindow epochs before:
	// blog-original (seed 1, default build) swings to D real 0.08 and D
	// fake 1.52 at epoch 2,690 and is still at ln 2 from 2,743, and the
	// averages alone, 0.6615 and 0.6408 at the check of epoch 2,750, would
	// end its equilibrium there, "D scores real data over ½ and generated
	// data under it", beside losses flat at ln 2 on the chart. Five epochs,
	// not one, so that losses passing through their equilibrium on their
	// way elsewhere are not taken for D settled.
	stillNow = 5
	// stalledKS: D at its equilibrium with a KS over this is D that has
	// stopped learning (dead units, a flat output), not D matched by G:
	// the samples' and the target's CDFs are half the scale apart
	// somewhere (a generator on one of two equal modes reaches 0.5).
	stalledKS = 0.5
	// NoiseUseFloor: a noise use (engine.Metrics.ZDep) below it means G
	// emits nearly the same output whatever its noise. Noise use is the
	// share of the samples' variance the noise explains (1 − η²; see
	// engine.NoiseDependence): under 5%, a fresh draw moves a sample by
	// under √0.05 ≈ 0.22 of the samples' std, the rest of their spread
	// being G's fixed row. blog-original's G reads 0.007 to 0.013 from
	// epoch 100 on (seeds 1–3), each draw making the same row. Exported
	// for the Quality panel, whose noise use reads "under 0.05" or "over
	// 0.05" against it, and the glossary's entry, which says what it means.
	NoiseUseFloor = 0.05
	// dWinsLoss: D's two BCE losses summing to less than this mean D
	// wins: it scores real data over 0.9 and generated data under 0.1 on
	// average (bceWins: the geometric means of D(real) and of 1 − D(fake)
	// over 0.9; D(real) = 0.95 and D(fake) = 0.05 on every sample sum to
	// 0.103). A minimax G's gradient is then faint, of D(G(z))'s size
	// through D's sigmoid, under 0.1 on average where it is ½ at the
	// balance; the non-saturating loss keeps it. With one-sided
	// label smoothing (real label α) D's loss on real data is read above
	// its least, the entropy of α (0.325 at α = 0.9, D(real) = α on
	// every sample; see bestRealLoss): its sum could not fall under this.
	dWinsLoss = 0.1
	// dWinsShare: each loss is judged on its own scale, by the share of
	// its balance that D's losses have come down to: BCE's 0.1 is 7.2%
	// of the 2 ln 2 D's two losses sum to at D(x) = ½, and the same 7.2%
	// of least squares' ¼ (⅛ a side) and of the hinge's 2 are
	// dWinsLeastSquares and dWinsHinge. Under every one of them a sample
	// scored ½ (the hinge's 0) costs its side's balance value, so the
	// line is D's losses as low as if it scored 7.2% of its samples at
	// the balance and the rest at their labels. A fixed least-squares
	// line of 0.0025, D's scores 0.05 from their labels by their root
	// mean square, is one a D without a sigmoid cannot reach however
	// well it separates: its scores on the target's far tail pass 1 and
	// cost as much as scores short of it. lsgan (--epochs 2500, seeds 1
	// and 3) sits at 0.0048 to 0.013 from epoch 400 to 1,000, KS 0.98 to
	// 1, G's loss 0.47 to 0.49 (D scoring its samples about 0), and would
	// have no finding on that line, where vanilla (the same) has D winning
	// from epoch 475 or 425 to 925 or 1,075; with d_lr 2e-3 it holds
	// 0.0035 to 0.005 for 1,000 epochs. On this line lsgan wins from 450
	// or 275 to 1,350 or 1,925.
	dWinsShare = dWinsLoss / (2 * math.Ln2)
	// dWinsLeastSquares and dWinsHinge are dWinsShare of the least-squares
	// and hinge losses' balance sums, ¼ (0.01803) and 2 (0.1443), rounded
	// to be read on the screen (TestDWinsLinesShareBCEs).
	dWinsLeastSquares = 0.018
	dWinsHinge        = 0.144
	// BlurredShare: with every mode covered, more than this share of the
	// samples between the modes (outside the ±3σ of the mode nearest them, ModeShares) means modes
	// not separated: nearly as many as one broad blob puts there, which
	// two modes each too wide put there too, so the finding says what
	// it counts, not which of the two G makes. A perfect generator puts
	// 0.27% there; one normal with the target's mean and std, the blob,
	// puts 28% there on the two-mode targets (½ N(±2, 0.5²)), which this
	// line sits just under. In two dimensions the share is of samples
	// that are not of high quality (engine.HQSigmas), 1.1% of a perfect
	// generator's (e^−4.5), nearly all of a blob's. Exported for the
	// glossary's modes entry, which says what the panel's "blob" means.
	BlurredShare = 0.25
	// sw1FloorTimes: in two dimensions, a sliced W1 within this many
	// times the one a sample of the target itself shows (SW1Floor) is
	// close to its sampling floor. It is no test: the high-quality share
	// can still tell such a sample from the target's.
	sw1FloorTimes = 1.5
	// missingShare: a mode of a mixture given less than this share of the
	// samples is missing; between it and half its due, short.
	missingShare = 0.01
	// cloudSpread: in two dimensions, samples off the modes that spread
	// at least this share of the target's own spread, their mean within
	// this share of it from the target's centre (both as spread() reads
	// them, the root mean square of the two axes'), spread wide about the
	// target's centre, and the finding says that and no more: it does not
	// see where the samples off the modes lie. ring (seed 1) at epoch
	// 1,500 is a cloud over the ring with gaps, 99.6% of its samples on
	// no mode; grid (seed 1) at epoch 15,000 rings the grid's outer
	// square, on its corners and along its edges, the inside all but
	// empty, 41% of its samples on no mode, its spread 3.4 against the
	// grid's 2.83: "a spread-out cloud, not mode collapse" would be wrong
	// there, and the plane shows which. A tighter clump missing modes is
	// mode collapse where its samples sit on the modes it covers, but one
	// small cloud where many of them are between the modes, collapsed onto
	// no mode, or at the one mode it reaches (smallCloudAt): grid (seed 1)
	// is one at epoch 120, 99.6% of its samples on no mode, their spread
	// 0.56 against the grid's 2.83, which is no mode collapse. A
	// cloud as wide to one side of the target is a blob that misses the
	// modes on the other: ring-mbd (seed 1, at 70×20 at full speed) has
	// 99.6% of its samples off every mode at epoch 149, spread 0.95
	// against the ring's 1.41, centred at (0.78, −2.02), a third of them
	// beyond the box: its mean off the target's centre makes it not
	// spread about the target's centre.
	cloudSpread = 0.5
	// collapseEpochs: before G has trained this many epochs, the modes
	// G misses are not yet captured (a plane's) or covered (a
	// mixture's), as notYet says, not missing nor collapsed: an untrained
	// G puts its samples in one clump (grid's, on the centre mode, misses
	// 24 of 25; bimodal's, between its two), and collapse is what
	// training does to a G. The first epochs move that clump about:
	// grid-pacgan4-ema (seed 1), which ends on all 25 modes, is a clump
	// on 3 of them at epoch 90 and has spread over 6 by epoch 120;
	// vanilla ring and grid, which collapse, are still clumps hopping
	// from mode to mode after it.
	collapseEpochs = 100
	// collapseSpread: G's samples spread less than this share of the
	// target's spread (its std; on a plane the root mean square of its
	// two) are nearly one point: the generator "collapses to a parameter
	// setting where it always emits the same point" (Salimans et al.
	// 2016, "Improved Techniques for Training GANs", §3.2), and D, once
	// it learns that point is fake, pushes it to another. A spike this
	// narrow is at least 0.40 in KS from a normal target centred on it.
	// It is read from the batches' spread averaged over about lossWindow
	// epochs, once that average has warmed up, and from the check's
	// samples, once G has come to the target spread (watch.reached: its
	// mean within the target's spread of the target's, its averaged spread
	// at least collapseLeave times this): collapse is what training does
	// to a G that spread, and an untrained G is a spike too. A healthy one
	// far from the target stays one on its way there (vanilla, seeds 1–5:
	// 0.05 to 0.1 of the target's std for its first 500 epochs, KS 0.99),
	// but is 0.43 or more once it is there; vanilla on normal(0,1.25),
	// where it starts, is over 0.1 from epoch 147 on. devnag-moments
	// (seeds 1–3), whose D sees only moments, brings a spike of 2% to 5%
	// to the target's mean by epoch 150 and spreads it past half the
	// target's std by epoch 300: its mean's arrival alone, taken for G at
	// the target, would call the spike collapsed from epoch 150 or 200 to
	// 400 or 500. vanilla with g_steps 10, g_lr 1e-3, d_lr 5e-5 (seed 1)
	// spreads to 3 times the target's std by epoch 200, then narrows to a
	// spike of 0.01 to 0.1 hopping about the target, KS 0.5 to 0.99,
	// its collapsed event at epoch 1,200, which D stalled alone would not
	// say.
	collapseSpread = 0.1
	// collapseLong: a G that has trained this many epochs and is still
	// such a spike has collapsed wherever it is, at the target or not:
	// healthy runs (the 1-D presets and moons, seeds 1–5) have spread
	// past 10% of the target's std by epoch 1,623 at the latest (r1, seed
	// 3; most by 900), and devnag-2017 (seeds 2 and 4) sits at one point,
	// std 0.0018, far from the target for all its 30,000 epochs, which
	// without this only D's win would say. It is fixed in epochs, not scaled with the
	// plan, for the same reason as the plateau's window (plateauEpochs):
	// how soon a G spreads is its design's pace, whatever the plan, so a
	// plan shorter than this calls a spike that never came to the target
	// spread nothing (devnag-2017 at --epochs 2000 says D's win alone),
	// and a plan of 200,000 epochs calls it collapsed at its first check
	// past the same 3,000 epochs.
	collapseLong = 3000
	// collapseLeave: the collapse's episode ends once the averaged spread
	// is over this many times collapseSpread (findingEvents' lingers), so
	// that a spike widening and narrowing about the line makes one episode.
	collapseLeave = 2
	// stalledHQ: in two dimensions, D at its equilibrium with fewer than
	// this share of the samples of high quality is D that has stopped
	// learning, as stalledKS says in one.
	stalledHQ = 0.25
	// stalledSW1: on a plane without modes (moons, spiral, a points
	// file), which has no high-quality share, D at its equilibrium with
	// SW1 over this many times its floor at a check's size (watch.sw1Noise)
	// is D that has stopped learning or a G still far from the target, as
	// stalledKS says in one dimension. moons (seeds 1, 2 and 5) reaches
	// D's equilibrium at epochs 400 to 1,000, its SW1 then 10 to 20 times
	// its floor of 0.015, and from epoch 4,000 on its checks read 1.1 to
	// 5.5 times it; one normal with moons' mean and std, a blob, reads 9.5
	// times it. Without it D at ln 2 would get its ✓ whatever SW1
	// is. The floor is a check's whatever the evaluation's size, as
	// stalledKS is one line: being far is no matter of sample size, and
	// the floor of a --samples 100000 evaluation, under half a check's
	// (moons, seed 1: 0.0059 against 0.0145), would call a trained moons
	// far.
	stalledSW1 = 7
	// plateauEpochs, plateauChecks, plateauGain and plateauFloor: a run
	// whose checks of its plateau window (plateauWindow: plateauEpochs, or
	// plateauChecks checks where those span longer) have not brought its
	// distances to the target (KS and W1, watch.flat; on a plane SW1)
	// plateauGain under the best of the checks before them, while the best
	// of the window's checks is still over plateauFloor times the line the
	// noise floor starts at for a check's sample (KS's 95% bound at
	// checkSamples, 1.5× SW1's floor), has stopped improving. uniform
	// (seed 1) holds KS at 0.245 to 0.256 from epoch 4,000 to its 10,000th,
	// and wgan (seed 2) has its best KS, 0.073, at epoch 4,800 and climbs
	// to 0.19. Stopped is not stopped for good: trained to 200,000 epochs
	// both reach the noise floor, uniform at epoch 58,000, wgan at 36,000,
	// and of the plateaus replayed below some later improve, others not.
	// So the finding says what the window measured and what a learner can
	// try, training on or other settings, and foretells nothing of more
	// epochs, which this run has not measured.
	//
	// The window is of epochs, for how soon a run improves is its
	// design's pace in epochs, which the plan does not change: a run
	// planned for 2,000 epochs learns no faster, and a window shrunk with
	// the plan judges noise. Replayed on the checks of every preset's
	// plan (seeds 1–5, the other findings aside), a window of 1,000
	// epochs found 67 plateaus of which 31 later came 20% nearer the
	// target, 2,000 epochs 56 and 17 (wgan-gp, seeds 2 and 4, mid-swing
	// at epoch 4,800, at the noise floor by 7,800, among them), 3,000
	// epochs 42 and 9 (bench/README.md, "Findings: false alarms"). A plan
	// no longer than the window has no plateau: it has not shown one. The window grows with
	// the check interval past plateauChecks checks, so that a long plan,
	// checked every 2,000 epochs at 200,000, is not judged on the two
	// checks a fixed 3,000 epochs would hold: those two would find uniform
	// (seed 1) and wgan (seed 2) plateaued at epoch 10,000, both of which
	// go on to the noise floor.
	//
	// The floor is read off the window's best check, not the check now:
	// the check now would find bimodal-pacgan (seeds 2 to 5) "far from the
	// target" at KS 0.09 to 0.13 while the window's best is at KS
	// 0.029 to 0.045, the run swinging about the target, not stopped far
	// from it; hinge (seed 2) at the end on 10,000 samples, KS 0.043 over
	// their 95% bound of 0.0136, the checks' best 0.012.
	// Said only while no problem is found, which says more.
	plateauEpochs = 3000
	plateauChecks = 20
	plateauGain   = 0.1
	plateauFloor  = 3
	// plateauLeave: the plateau's episode ends once the last
	// plateauEpochs have brought the distance this many times
	// plateauGain under the best before them (findingEvents' lingers).
	plateauLeave = 2
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
	// saturatedEpochs: a loss at its line (lossLine) on this many epochs
	// in a row, a tenth of runawayEpochs, is the runaway building up,
	// which the diagnosis says (DSaturated) while it holds: the charts
	// show D's loss at 100 and G's at 0 for the 200 epochs before a
	// runaway, where without it the findings would read "No finding now"
	// (vanilla, d_lr 2e-2 and d_steps 10 from epoch 500, seed 1, D's loss
	// on generated data at 100 from epoch 5,943 to the runaway at 6,142).
	// Fewer is a spike that may pass: the same design's losses leap to
	// 7.5 and 18 for an epoch at its 7,200th, at equilibrium, and fall
	// back.
	saturatedEpochs = runawayEpochs / 10
	// runawayLoss: a BCE loss at or near its clamp, lossLimit (PyTorch's
	// BCELoss caps each log term at −100), a batch's mean loss being
	// lossLimit times the share of its samples at the clamp, the rest
	// near 0: for D's losses, D certain and wrong on nine samples in ten
	// or more; for G's, D certain and right, its sigmoid saturated, so G
	// gets no gradient from them. At 99, every sample but one in a
	// hundred, a run dead from its first epochs would run on as if
	// healthy: vanilla --set d_lr=10 (seed 1) has G's loss at 94 to 100
	// from epoch 6 on, KS 0.998 throughout, at 99 or more on three epochs
	// in four only, and at 99 runs away only at epoch 6,737, the first
	// time it holds 200 epochs in a row, the diagnosis finding nothing
	// for its first 3,000. The presets' plans (seeds 1 and 2, SIMD build)
	// run away, end and mark their events at 90 as at 99.
	runawayLoss = 90
	// lossLimit is the value of a BCE loss at its clamp.
	lossLimit = 100
	// runawayPast: a loss without a limit (least squares) this high is
	// as far from any fit; it has no clamp whose share of the batch
	// runawayLoss counts.
	runawayPast = 99
	// runawayWidths: the epoch's generated batch has its mean outside the
	// shown range (engine.DefaultRange) widened by this many of its own
	// widths on either side.
	runawayWidths = 2
	// reachScale: an epoch's generated batch whose spread is within this
	// factor of the target's, either way, is at the target's scale, and
	// only a batch at its scale as well as inside its range is near it
	// (watch.near, unreached). An untrained G's spread is 1/240
	// (uniform-flat-noise) to 1/12 of its target's in every preset; a G
	// near 0 at about unit size is a millionth of points spread ±10⁶
	// about 0, whose range it is inside, and a ring's design on them runs
	// away with D's loss on real data at its limit: judged on the range
	// alone it would be told to lower a learning rate, where the data
	// want rescaling.
	reachScale = 1e3
)

// FindingKind names a condition of the diagnosis.
type FindingKind int

// The conditions, in the order the diagnosis lists them but for those
// added later, which come last: a checkpoint's record stores a kind by
// its number.
const (
	Runaway      FindingKind = iota // the run left the target for good: diverged
	DWins                           // D is nearly sure of real and fake (dWinsLoss)
	ModeDropped                     // a mode of a mixture gets too little of the samples: modes-missing, not quite the mode-dropped event, which needs it covered first
	ModesBlurred                    // every mode is covered, yet many samples fall between them
	NoiseIgnored                    // G's output hardly depends on its noise
	DIndifferent                    // D's losses at equilibrium: those of a D that cannot tell real from fake
	DStalled                        // the same, with D still (it stopped learning) or the samples far from the target (slow or stalled)
	AtNoiseFloor                    // KS within sampling noise of a perfect generator
	GCollapsed                      // G's samples are nearly one point: mode collapse
	Plateau                         // the distance to the target has stopped improving, far above the noise floor
	DFrozen                         // D's losses fixed epoch after epoch away from their equilibrium: D has stopped learning
	DSaturated                      // a loss at its limit epoch after epoch: the runaway building up
	FarOutside                      // G's batch far outside the target's range epoch after epoch: the runaway building up
)

var findingNames = [...]string{
	Runaway: "runaway", DWins: "d-wins", ModeDropped: "modes-missing", ModesBlurred: "modes-blurred",
	NoiseIgnored: "noise-ignored", DIndifferent: "equilibrium", DStalled: "d-stalled", AtNoiseFloor: "noise-floor",
	GCollapsed: "collapsed", Plateau: "plateau", DFrozen: "d-frozen", DSaturated: "saturated",
	FarOutside: "far-outside",
}

// String names the kind as ganui --headless prints it, in the words of
// the events its episodes make where it has them (findingEvents), and
// the runaway's, which is that event's condition; no other shares an
// event's name. A mode missing prints kind=modes-missing, not
// mode-dropped, the event of a mode covered and then lost, for a mode
// never covered is missing too with no event (bimodal, seed 4).
func (k FindingKind) String() string {
	if int(k) < len(findingNames) {
		return findingNames[k]
	}
	return fmt.Sprintf("FindingKind(%d)", int(k))
}

// ReadsSamples tells whether a finding of kind k reads G's samples at the
// latest evaluation (Snapshot.Eval): its modes, spread, distance or noise
// use, or whether they are far from the target. The rest read D's losses
// alone (a runaway, D's win, D at its equilibrium, a frozen or saturated
// D), which move with every epoch. The screen names that evaluation's epoch beside such a
// finding where it is not the epoch of the batch the moments legend gives.
func (k FindingKind) ReadsSamples() bool {
	switch k {
	case Runaway, DWins, DIndifferent, DFrozen, DSaturated, FarOutside:
		return false
	}
	return true
}

// Finding is one thing the diagnosis says about the run now: what, in
// plain words, and the measurement behind it. A label and the value a
// reader needs with it are written together (a non-breaking space
// between them), so that the screen's wrapping keeps them on one line.
// The detail writes a measured figure (a loss, a distance, a mean, the
// noise use) as the headless lines and the screen write theirs
// (numtext.Measure, three decimals), so that it reads as the line beside
// it reads the same quantity and stays short however far a run has gone
// off (a loss of 2.5642e31, not its 32 digits; 1.000e-30, not 0.000); a
// share as a percentage (percent); D's equilibrium, the loss's constant,
// in four decimals (eqAt); and the design's and the target's own
// figures, a threshold, the target's range, a mode's place, in their
// fewest digits.
// An Event's detail is written alike.
type Finding struct {
	Kind   FindingKind
	Text   string // e.g. "D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, …"
	Detail string // e.g. "D real 0.6906, D fake 0.6889, within 0.03 of ln 2 = 0.6931"
}

// Line is the finding as ganui --headless prints it at a run's end: one
// line, with plain spaces for the screen's non-breaking ones, as an
// Event's. Result.FindingLines adds what the events do not have yet.
func (f Finding) Line() string {
	return fmt.Sprintf("finding kind=%s text=%q detail=%q", f.Kind, numtext.Plain(f.Text), numtext.Plain(f.Detail))
}

// Equilibrium is where a design's losses sit once D can no longer tell
// real from fake. For D's label α on real data (1, or less with one-sided
// label smoothing) the best D is α·p_data/(p_data + p_g) (Goodfellow et
// al. 2014, Proposition 1, at α = 1; Salimans et al. 2016, §3.4), which
// is α/2 everywhere once G matches the target. D's BCE losses are then
// −α ln(α/2) − (1−α) ln(1−α/2) on real data and −ln(1−α/2) on generated
// data, ln 2 each at α = 1; G's (label 1) −ln(α/2), the minimax
// ln(1−α/2). ganui's ½-scaled least squares give α²/8 each (⅛ at α = 1)
// and G ½(1−α/2)².
type Equilibrium struct {
	DReal, DFake float64 // D's losses on real and on generated data
	G            float64 // G's loss, or NaN (feature matching's distance has no such value)
	D            float64 // the score D gives every sample, α/2
	// Label names the value D's two losses share, "ln 2" or "⅛", or is
	// "" when they differ (label smoothing).
	Label string
	// Tol is how near D's averaged losses must be to DReal and DFake for
	// D to be at its equilibrium: equilibriumScore in D's score, times
	// the loss's slope there.
	Tol float64
	// Samples: D scores single samples (engine.Config.ScoresSamples), so
	// that its score is D(x), as the screen's D(x) strip draws it; else D
	// scores whole rows (blog-original's row of 100, a pack, the moments
	// of 500 samples), which no x names.
	Samples bool
}

// EquilibriumOf returns the equilibrium of cfg's losses, each the value
// the loss chart draws; ok is false for a loss without one (the
// Wasserstein and hinge critics' scores are unbounded; the hinge's two
// losses have only their sum, which the diagnosis reads: hingeTol).
func EquilibriumOf(cfg engine.Config) (e Equilibrium, ok bool) {
	a := cfg.RealLabel
	if a == 0 {
		a = 1 // a zero Config: no smoothing
	}
	e.D, e.Samples = a/2, cfg.ScoresSamples()
	switch cfg.Loss {
	case engine.LossBCE:
		e.DReal = -a * math.Log(a/2)
		if a < 1 {
			e.DReal -= (1 - a) * math.Log(1-a/2)
		}
		e.DFake, e.G = -math.Log(1-a/2), -math.Log(a/2)
		if cfg.GLoss == engine.GLossMinimax {
			e.G = math.Log(1 - a/2)
		}
		if a == 1 {
			e.Label = "ln 2"
		}
		e.Tol = 2 * equilibriumScore // −ln D's slope at ½
	case engine.LossLeastSquares:
		e.DReal, e.DFake, e.G = a*a/8, a*a/8, (1-a/2)*(1-a/2)/2
		if a == 1 {
			e.Label = "⅛"
		}
		e.Tol = equilibriumScore / 2 // ½(1−D)²'s slope at ½
	default:
		return Equilibrium{}, false
	}
	if cfg.GLoss == engine.GLossFeatureMatching {
		e.G = math.NaN()
	}
	return e, true
}

// Where says where the equilibrium is and what it is of: "ln 2 each,
// what D(x) = ½ gives on every sample", or, when D's two losses differ,
// "their balance, what D(x) = 0.45 gives on every sample", each term
// written together (numtext.Together) for the screen's wrapping. It
// names the losses D scoring ½ everywhere gives, not D's scores: the
// trigger reads each loss, averaged, and a loss is a mean of −ln D(x)
// (½(1 − D(x))² under least squares), which by Jensen's inequality puts
// only D's geometric mean on real data at ½ (its root mean square
// distance from 1 at ½), its mean anywhere from ½ up: a D sure and right
// on half the real samples and scoring ¼ on the rest averages ln 2 there
// with a mean score of 0.625, and one that scores nine in ten 1 and the
// tenth 0.001, 0.9. "D(x) ≈ ½" would claim D's scores, even on average.
// A D that does not score single samples (Samples) is said to score ½
// on everything it judges, "ln 2 each, what D's score = ½ gives on
// everything it judges": devnag-moments, whose D sees only 4 moments of
// 500 samples and whose screen says "no D(x) strip", has no D(x).
func (e Equilibrium) Where() string {
	is := ", what " + numtext.Together(e.Score()+" = ½") + " gives on " + e.Judged()
	if e.Label != "" {
		return numtext.Together(e.Label+" each") + is
	}
	return "their balance" + strings.Replace(is, "½", numtext.Digits(e.D, 3), 1)
}

// Score names the score D gives at the equilibrium: "D(x)" where D
// scores single samples (Samples), "D's score" where it scores whole
// rows, a pack or a batch's moments, which no x names. The finding, the
// loss chart's line, its glossary entry and the figure's balance lines
// all name it so.
func (e Equilibrium) Score() string {
	if e.Samples {
		return "D(x)"
	}
	return "D's score"
}

// Judged names what D scores at the equilibrium, for the text that says
// D scores it all alike: "every sample" where D scores single samples
// (Samples), "everything it judges" where it scores whole rows, a pack
// or a batch's moments, whose screen says it scores no single sample.
func (e Equilibrium) Judged() string {
	if e.Samples {
		return "every sample"
	}
	return "everything it judges"
}

// watch is what the diagnosis follows epoch by epoch: the losses'
// moving averages and how long each runaway condition has held. It
// depends on the epochs alone, never on timing, so the same run gives the
// same diagnosis and the same runaway epoch in every front end.
//
// Its watchDesign is the run's own and stays as newWatch set it; all
// the rest follows the epochs, starts at zero with each run and is what
// a roll-back and a run's record restore.
type watch struct {
	watchDesign
	dReal, dFake float64 // moving averages over about lossWindow epochs
	seen         int     // epochs averaged so far (the average warms up)
	saturated    int     // consecutive epochs with a loss at its line (lossLine)
	// stuck counts, for D's real and generated losses and G's, the
	// consecutive epochs that one loss has sat at its line: the
	// runaway names the loss that held longest, not the one that
	// happens to be at the limit on its last epoch.
	stuck   [3]int
	turns   uint8 // the losses (bits 0–2, as in stuck) at their limit during the current saturated stretch
	outside int   // consecutive epochs with the batch mean far outside
	// near: an epoch's batch has been within the target's reach, its
	// mean not far outside and its spread at the target's scale
	// (reachScale), since the run began (or rolled back; see unreached).
	near bool
	// still counts the consecutive epochs with both of D's losses (the
	// hinge's sum) within stillTol of their equilibrium (eq).
	still int
	// fixed counts the consecutive epochs with each of D's losses within
	// stillTol of the epoch before's (prevDReal, prevDFake), wherever
	// they sit: a D that has stopped learning (frozen), also away from
	// its equilibrium.
	fixed                int
	prevDReal, prevDFake float64
	// spread averages each epoch's batch spread over tSpread over about
	// lossWindow epochs; reached tells whether G has come to the target
	// spread: a batch's mean within tSpread of the target's, on both
	// axes, while the averaged spread was at least collapseLeave times
	// collapseSpread (see collapseSpread).
	spread  float64
	reached bool
	// before and lately are, as of the last check (follow), the best
	// distances to the target (KS and W1; on a plane SW1 in both) of the
	// checks more than window epochs before it and of those since; 0
	// until the checks span that long. window is the run's plateau window
	// (plateauWindow of its check interval).
	before, lately [2]float64
	// hq is, on a plane of modes, the best high-quality share of the
	// same two spans of checks, before and lately; 0 without modes.
	hq     [2]float64
	window int
}

// watchDesign is what a watch knows of its run before the first epoch,
// from the design and the target alone (watchOf, newWatch); no epoch
// changes it.
type watchDesign struct {
	// xlo, xhi is the target's shown range (shownRange: a plane's box's
	// x side), which the runaway's far-outside condition measures from
	// and the far-outside finding names; ylo, yhi is the y side of a
	// plane's box, 0, 0 in one dimension, where MeanY is always 0 and so
	// never far outside.
	xlo, xhi, ylo, yhi float64
	// dBounded and gBounded tell whether D's losses and G's saturate
	// (boundedLosses): only a loss that does counts toward the
	// saturation runaway.
	dBounded, gBounded bool
	// unclamped: the losses have no limit to sit at (least squares), so a
	// runaway's loss is past runawayPast, growing, not stuck at a clamp.
	unclamped bool
	// loss is the run's loss, in whose scores the end of D's win is said
	// (dWinsWords).
	loss engine.Loss
	// ownBatches: G's average (g_ema) gives the checks' samples, so the
	// spread averaged here, of the training batches, is G's own, not the
	// samples' the screen shows; the collapse's details say whose each is.
	ownBatches bool
	// eq is the losses' equilibrium, when hasEq; under the hinge loss
	// (hinge), only their sum has one, hingeSum.
	eq    Equilibrium
	hasEq bool
	// winsUnder and winsLeast are dWinsUnder's for the run, for the end
	// of D's win to say.
	winsUnder, winsLeast float64
	// tMean, tMeanY and tSpread are the target's mean (both axes on a
	// plane) and spread (see collapseSpread); tSpread is 0 when unknown,
	// which leaves collapse unwatched. unknownModes: the target is a
	// points file, whose clusters, if any, are not known.
	tMean, tMeanY, tSpread float64
	unknownModes           bool
	// sw1Noise is, on a plane, SW1's floor at a check's size (CheckSize,
	// Snapshot.CheckNoise), against which G is far from a target without
	// modes (farOnPlane) whatever the size of the sample judged; 0 in one
	// dimension.
	sw1Noise float64
}

// add follows one more epoch of the run, and returns a runaway's
// description once a runaway condition has held for runawayEpochs, else
// "". Far outside is measured from the target's shown range (xlo, xhi;
// on a plane its box, ylo, yhi too). D's losses count toward saturation
// only when dBounded, G's only when gBounded (see boundedLosses): a loss
// without a limit, such as a Wasserstein critic's, is legitimately large.
func (w *watch) add(st engine.EpochStats) string {
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
	if !w.dBounded {
		dReal, dFake = 0, 0
	}
	if !w.gBounded {
		g = 0
	}
	line := w.lossLine()
	count(&w.saturated, max(dReal, dFake, g) >= line)
	if w.saturated == 0 {
		w.turns = 0
	}
	for i, v := range [3]float64{dReal, dFake, g} {
		count(&w.stuck[i], v >= line)
		if v >= line {
			w.turns |= 1 << i
		}
	}
	at := stillTol // a stall's start; once it holds, the line it ends at
	if w.still >= lossWindow {
		at = w.stillLeave()
	}
	count(&w.still, w.off(st.DReal, st.DFake) < at)
	count(&w.fixed, w.seen > 1 && math.Abs(st.DReal-w.prevDReal) < stillTol && math.Abs(st.DFake-w.prevDFake) < stillTol)
	w.prevDReal, w.prevDFake = st.DReal, st.DFake
	atScale := true // unknown without the target's spread
	if w.tSpread > 0 {
		r := math.Sqrt((st.Std*st.Std+st.StdY*st.StdY)/w.dims()) / w.tSpread
		w.spread += a * (r - w.spread)
		w.reached = w.reached || w.seen >= lossWindow && w.spread >= collapseLeave*collapseSpread && math.Abs(st.Mean-w.tMean) <= w.tSpread && math.Abs(st.MeanY-w.tMeanY) <= w.tSpread
		atScale = r >= 1/reachScale && r <= reachScale
	}
	span := w.xhi - w.xlo
	far := func(v, lo, hi float64) bool { return v < lo-runawayWidths*span || v > hi+runawayWidths*span }
	out := far(st.Mean, w.xlo, w.xhi) || far(st.MeanY, w.ylo, w.yhi)
	count(&w.outside, out)
	w.near = w.near || !out && atScale
	switch {
	case w.saturated >= runawayEpochs:
		return w.stuckLoss(dReal, dFake, g)
	case w.outside >= runawayEpochs:
		// The mean is the last epoch's batch's, which the condition
		// follows, and says so: beside it the final line's and the
		// Quality panel's mean are of fresh samples, drawn after, and
		// differ (30.6659 here, mean=30.5670 there, devnag-2017 seed 1).
		if w.ylo == w.yhi { // one dimension
			return fmt.Sprintf("the generated samples stayed far outside the target's range [%s, %s] (the last batch's mean %s) for %d epochs", numtext.Digits(w.xlo, 4), numtext.Digits(w.xhi, 4), numtext.Measure(st.Mean), runawayEpochs)
		}
		// Both means: either axis may have run off, and the x mean alone
		// would be inside the box for a run gone off along y.
		return fmt.Sprintf("the generated samples stayed far outside the target's box [%s, %s]×[%s, %s] (the last batch's mean x %s, y %s) for %d epochs", numtext.Digits(w.xlo, 4), numtext.Digits(w.xhi, 4), numtext.Digits(w.ylo, 4), numtext.Digits(w.yhi, 4), numtext.Measure(st.Mean), numtext.Measure(st.MeanY), runawayEpochs)
	}
	return ""
}

// unreached tells whether a runaway at epoch lost no target the run had
// come to: followed from epoch 0, it never had a batch near the target,
// its mean inside the target's range and its spread at the target's
// scale (reachScale), or D's losses have been at their limit since that first epoch,
// whose are the initial D's on the initial G's batch (points at 10⁶
// saturate D at once, G's samples near 0 inside their box). A learning
// rate raised far runs away only after a step taken at it (G's loss,
// taken after D's step, is left out: blog-original at d_lr=10 has it at
// its limit from the first epoch).
func (w *watch) unreached(epoch int) bool {
	return w.seen == epoch && (!w.near || max(w.stuck[0], w.stuck[1]) == w.seen)
}

// onset returns the epoch of the first state that showed a runaway
// condition holding at epoch, the run's epoch now, or epoch+1 when none
// holds: a state kept at an earlier epoch predates it. An epoch's batch
// and D's losses are those of the state it trained from, so where they
// first ran off it is the state before that epoch that showed it: kept
// there (the first epoch after a learning rate raised far, say), it has
// its samples far out or its D saturated already, and u returning to it
// would run away again. G's loss comes after D's step of the epoch, so a
// G loss at its limit is the epoch's own.
func (w *watch) onset(epoch int) int {
	first := epoch + 1
	if w.saturated > 0 {
		first = epoch + 1 - w.saturated
	}
	for _, n := range []int{w.stuck[0], w.stuck[1], w.outside} {
		if n > 0 {
			first = min(first, epoch-n)
		}
	}
	return first
}

// stuckLoss describes the saturation runaway: the loss that has sat at
// its limit longest and its value, or, when no single loss held for the
// whole of runawayEpochs, the losses that took turns there. A loss with
// no limit (least squares) is said to be past runawayPast instead.
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
		switch v := values[longest]; {
		case w.unclamped:
			return fmt.Sprintf("%s past %d for %d epochs, at %s now", names[longest], runawayPast, runawayEpochs, numtext.Measure(v))
		case v < lossLimit:
			return fmt.Sprintf("%s at %d or more, near its limit of %d, for %d epochs, at %s now", names[longest], runawayLoss, lossLimit, runawayEpochs, numtext.Digits(v, 4))
		}
		return fmt.Sprintf("%s stuck at %d, its limit, for %d epochs", names[longest], lossLimit, runawayEpochs)
	}
	var took []string
	for i, name := range names {
		if w.turns&(1<<i) != 0 {
			took = append(took, name)
		}
	}
	where := "at or near their limit"
	if w.unclamped {
		where = fmt.Sprintf("past %d", runawayPast)
	}
	return fmt.Sprintf("%s took turns %s for %d epochs", numtext.List(took, "and"), where, runawayEpochs)
}

// lossLine is the line a loss at or past which counts toward the
// saturation runaway: runawayLoss near a BCE loss's clamp, runawayPast
// for a loss without a limit.
func (w *watch) lossLine() float64 {
	if w.unclamped {
		return runawayPast
	}
	return runawayLoss
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

// watchOf returns the watch of a run of cfg on a one-dimensional target.
func watchOf(cfg engine.Config) watch {
	var w watch
	w.unclamped = cfg.Loss != engine.LossBCE
	w.dBounded, w.gBounded = boundedLosses(cfg)
	w.eq, w.hasEq = EquilibriumOf(cfg)
	w.loss = cfg.Loss
	w.ownBatches = cfg.GEMA > 0
	w.winsUnder, w.winsLeast, _ = dWinsUnder(cfg)
	if t, err := engine.ParseTarget(cfg.Target); err == nil { // a plane's, or a points file's, are newWatch's
		w.xlo, w.xhi = engine.DefaultRange(t)
		w.tMean, w.tSpread = t.Mean(), t.StdDev()
	}
	return w
}

// plateauWindow is the span of the checks a plateau is judged on, for
// a run checked every every epochs: plateauEpochs, or plateauChecks
// checks where those span longer (see plateauEpochs).
func plateauWindow(every int) int {
	return max(plateauEpochs, plateauChecks*every)
}

// follow reads the run's checks, pts, oldest first, the last the check
// now, made every every epochs, for the plateau: the best distance of
// those more than its plateau window before the last and of those since.
func (w *watch) follow(pts []EvalPoint, every int) {
	w.before, w.lately, w.hq, w.window = [2]float64{}, [2]float64{}, [2]float64{}, plateauWindow(every)
	if len(pts) == 0 || pts[len(pts)-1].Epoch-pts[0].Epoch <= w.window {
		return
	}
	last := pts[len(pts)-1].Epoch
	inf := math.Inf(1)
	w.before, w.lately = [2]float64{inf, inf}, [2]float64{inf, inf}
	for _, p := range pts {
		d := [2]float64{p.KS, p.W1}
		if w.dims() == 2 {
			d = [2]float64{p.SW1, p.SW1}
		}
		best, hq := &w.lately, &w.hq[1]
		if p.Epoch < last-w.window {
			best, hq = &w.before, &w.hq[0]
		}
		best[0], best[1] = min(best[0], d[0]), min(best[1], d[1])
		*hq = max(*hq, p.HQ)
	}
}

// gaining tells whether the checks of the plateau window have brought G
// nearer the target than those before them: a distance plateauGain
// under its best before (not flat), or on a plane of modes the
// high-quality share plateauGain over its best before. A G far from the
// target that gains is a slow run, not a stall (stalled): grid-pacgan4-ema
// (seed 3) holds D at ln 2 from epoch 1,350 while its high-quality share
// climbs from 2% to 25% by epoch 18,000 and one mode after another is
// covered, its SW1 flat from 8,100 on, which is no "D is stuck at
// its equilibrium" for any of it. False until the checks span the window.
func (w *watch) gaining() bool {
	return w.before[0] > 0 && !w.flat(1)
}

// gains says what gaining saw: the best of the window's checks against
// the best before them, the high-quality share's with SW1's on a plane
// of modes.
func (w *watch) gains() string {
	lately, before := w.bests(w.lately), w.bests(w.before)
	if w.hq[1] > 0 {
		lately = numtext.Together("HQ "+HighQualityShare(w.hq[1])) + ", " + lately
		before = numtext.Together("HQ "+HighQualityShare(w.hq[0])) + ", " + before
	}
	return fmt.Sprintf("the best of the last %s epochs' checks %s, the best before them %s", numtext.FormatInt(w.window), lately, before)
}

// flat tells whether the checks of the plateau window have brought
// neither distance times plateauGain under the best before them (closer)
// nor, on a plane of modes, the high-quality share times plateauGain
// over its best before (sharper). Both distances, for KS alone is flat
// near 1 while a G far from the target travels to it (r1 and wgan,
// seeds 3 and 4, KS 0.95 to 1 for their first 2,300 epochs), which W1
// sees. The share too, for SW1 alone is flat while G moves its samples
// onto the modes: ring-mbd (seed 2, SIMD build) holds SW1 at 0.27 to
// 0.38 from epoch 2,200 while its share climbs from 27% to 90% by epoch
// 10,000, which SW1 alone would call "SW1 has not improved by 10% in
// 4,000 epochs, far from the target, a plateau" at 5,400, the share 79%
// against 10% before.
func (w *watch) flat(times float64) bool {
	return w.before[0] > 0 && w.before[1] > 0 && !w.closer(times) && !w.sharper(times)
}

// closer tells whether the checks of the plateau window have brought
// either distance times plateauGain under its best before them.
func (w *watch) closer(times float64) bool {
	for i := range w.before {
		if w.lately[i] <= (1-times*plateauGain)*w.before[i] {
			return true
		}
	}
	return false
}

// sharper tells whether, on a plane of modes, the checks of the plateau
// window have brought the high-quality share times plateauGain over its
// best before them.
func (w *watch) sharper(times float64) bool {
	return w.hq[1] > (1+times*plateauGain)*w.hq[0]
}

// dims is the number of the target's axes: 2 on a plane, whose watch
// has its box's y side, else 1.
func (w *watch) dims() float64 {
	if w.ylo != w.yhi {
		return 2
	}
	return 1
}

// newWatch returns the watch of a run of g.
func newWatch(g *engine.GAN) watch {
	w := watchOf(g.Config())
	w.xlo, w.xhi = shownRange(g)
	if p := g.Plane(); p != nil {
		b := p.Bounds()
		w.ylo, w.yhi = b.Y0, b.Y1
		var sx, sy float64
		w.tMean, w.tMeanY, sx, sy = engine.PlaneMoments(p)
		w.tSpread = math.Sqrt((sx*sx + sy*sy) / 2)
		_, w.unknownModes = engine.PointsFile(g.Config().Target)
		w.sw1Noise = g.Reference().Floor(CheckSize(true))
	} else {
		t := g.Target()
		w.tMean, w.tSpread = t.Mean(), t.StdDev()
	}
	return w
}

// diagnose lists the findings that hold for a run of cfg whose losses w
// follows and whose latest evaluation is e (e.Metrics.N == 0 when there is
// none yet), as of a run none of whose modes has been covered yet
// (diagnoseSeen).
func diagnose(cfg engine.Config, w *watch, e *Eval) []Finding {
	return diagnoseSeen(cfg, w, e, nil)
}

// diagnoseSeen is diagnose of a run whose modes stand in its events as
// seen says (episodes.modes, each mode of the target by index; nil for
// none covered yet): a mode G covered before and misses now is missing,
// not "not yet covered" however early, as its mode-dropped event says
// (bimodal-pacgan, seed 4, covers mode 1 at epoch 20 and drops it at 80,
// where the diagnosis said "1 of 2 modes not yet covered … this early in
// training" beside that event).
func diagnoseSeen(cfg engine.Config, w *watch, e *Eval, seen []modeEpisode) []Finding {
	var out []Finding
	m := &e.Metrics
	// The runaway building up comes first: it ends the run, whatever
	// else holds.
	if f, ok := saturated(w); ok {
		out = append(out, f)
	}
	if f, ok := farOutside(w); ok {
		out = append(out, f)
	}
	if w.dWins() {
		under, least := w.winsUnder, w.winsLeast
		losses := w.winLosses()
		detail := losses + ", together under " + w.winsLine()
		if least > 0 {
			detail = fmt.Sprintf("%s, together under %g above D real's least, %s", losses, under, numtext.Together(fmt.Sprintf("%s at real label %g", numtext.Figure(least, 4), cfg.RealLabel)))
		}
		f := Finding{Kind: DWins, Text: "D wins: " + dWinsSays(cfg), Detail: detail}
		switch cfg.GLoss {
		case engine.GLossMinimax:
			f.Text += ", so the minimax G loss saturates and G's gradient is faint: try g_loss nonsaturating"
		case engine.GLossNonSaturating:
			// That D is ahead of G is what "D wins" says; said again,
			// the win with its detail and note takes three of the
			// diagnosis's rows at 120×40 where two fit it, and pushes
			// out the entry for D's losses under it
			// (TestPendingNoteTakesNoGlossaryRow).
			f.Text += "; " + nonSaturatingName(cfg.Loss) + " keeps G's gradient"
		}
		out = append(out, f)
	}
	// A frozen D is a cause, listed before what it makes of G (modes
	// missing, a collapse, the noise ignored), as D's win is: from then
	// on G learns from D's fixed scores alone (devnag-moments --set
	// d_lr=10, seed 1, D frozen from epoch 108, G collapsed from 3,050).
	// After them, the screen's first line at 80×24 would be the
	// collapse. A D stalled at its equilibrium comes after them: it scores
	// every sample alike and pushes G nowhere, so what G is then it was
	// before (blog-original, seed 1, ignores its noise from epoch 100 and
	// is stalled from 2,800).
	if f, ok := frozen(w); ok {
		out = append(out, f)
	}
	if m.N > 0 && m.Plane != nil {
		return plateau(w, append(out, diagnosePlane(cfg, w, m.Plane, m.N, e.Epoch, seen)...), e)
	}
	if m.N > 0 && len(m.Modes) > 1 {
		var dropped []string
		between, short, before := 1.0, false, false
		for i, c := range m.Modes {
			between -= c.Share
			if !c.Covered {
				before = before || coveredBefore(seen, i)
				dropped = append(dropped, fmt.Sprintf("%s gets %s of the samples, %s", numtext.Together(fmt.Sprintf("mode %d (at %s)", i+1, numtext.Digits(c.Mean, 3))), ModeShare(c.Share, c.Expected), dueShare(c.Expected)))
				short = short || c.Share >= missingShare
			}
		}
		switch {
		case len(dropped) > 0 && e.Epoch < collapseEpochs && !before:
			says := "G puts almost no samples there"
			if short {
				says = "G gives them under half their share"
			}
			out = append(out, notYet(len(dropped), len(m.Modes), "covered", says, strings.Join(dropped, "; ")))
		case len(dropped) > 0:
			text := fmt.Sprintf("%d of %d modes missing: G puts almost no samples there", len(dropped), len(m.Modes))
			switch {
			case short:
				text = fmt.Sprintf("%d of %d modes missing or short: G gives them under half their share", len(dropped), len(m.Modes))
			case len(dropped) < len(m.Modes) && between <= BlurredShare:
				// G's samples on the modes it covers and none on the
				// others is mode collapse, as the plane's finding names
				// it: bimodal, seed 4, on the left mode alone, is what
				// the preset's own "to watch for mode collapse" means,
				// and is told so in those words. Not with G's samples
				// all off the modes or between them.
				text = fmt.Sprintf("%d of %d modes missing: mode collapse, G puts almost no samples there", len(dropped), len(m.Modes))
			}
			out = append(out, Finding{Kind: ModeDropped, Text: text, Detail: strings.Join(dropped, "; ")})
		case between > BlurredShare:
			out = append(out, Finding{Kind: ModesBlurred, Text: "the modes are covered but not separated: many samples fall between them",
				Detail: fmt.Sprintf("%s of the samples fall between the modes (outside the ±3σ of the mode nearest them), over %.0f%%", numtext.PercentBeside(between, BlurredShare), 100*BlurredShare)})
		}
	}
	if f, ok := collapsed(w, e.Epoch, m.Std, m.N > 0 && len(m.Modes) <= 1, "KS "+numtext.Measure(m.KS)); ok {
		out = append(out, f)
	}
	// The noise is ignored draw by draw, not sample by sample: ZDep is
	// measured only where G makes a row of samples from one draw, whose
	// samples still spread, so the text names the row: "nearly the same
	// output every time" would stand beside blog-original's histogram
	// spread from 0 to 8. What the text says is what noise use measures,
	// the share of the samples' variance the noise explains, under 5%:
	// nearly the same row, not the same values, which a noise use of
	// 0.04 is not. It says nothing of the shape: "matching the mean and
	// std is not matching the shape" would stand beside blog-original's
	// histogram on the target, KS 0.040 (seed 1, epoch 255).
	if m.N > 0 && m.ZDep < NoiseUseFloor {
		use, _, _ := numtext.Beside(m.ZDep, 1, NoiseUseFloor)
		out = append(out, Finding{Kind: NoiseIgnored, Text: fmt.Sprintf("G ignores its noise: every draw gives nearly the same row of %s samples, the noise explaining under %.0f%% of their variance, however well they fit the target", numtext.FormatInt(m.RowWidth), 100*NoiseUseFloor),
			Detail: fmt.Sprintf("%s, under %g", numtext.Together("noise use "+use), NoiseUseFloor)})
	}
	if f, ok := indifferent(w, w.farGap(m.N, m.KS, nil)); ok {
		far, why, _ := farFromTarget(m, w.sw1Noise, false)
		out = append(out, stalled(f, w, far, why, "KS still falling means a slow run, KS flat a stalled one"))
	}
	if m.N > 0 && m.KS <= e.KSFloor {
		ks, _, bound := numtext.Beside(m.KS, 1, e.KSFloor)
		out = append(out, Finding{Kind: AtNoiseFloor, Text: fmt.Sprintf("KS at its noise floor: it cannot tell the samples from a perfect generator's at %s samples; the tails are the Q-Q plot's to judge", numtext.FormatInt(m.N)),
			Detail: fmt.Sprintf("%s, under the 95%% %s", numtext.Together("KS "+ks), numtext.Together("bound "+bound))})
	}
	return plateau(w, out, e)
}

// dWins tells whether D wins (the DWins finding): its averaged losses,
// past their warm-up, sum to under winsUnder, counted from D real's least.
func (w *watch) dWins() bool {
	return w.winsUnder > 0 && w.seen >= lossWindow && w.dReal-w.winsLeast+w.dFake < w.winsUnder
}

// winsLine is the line D's win is under (winsUnder), and, where its
// finding does not give it in the scores' own words as BCE's 0.1 does,
// what it is: the share dWinsShare of the losses' sum at equilibrium, the
// hinge's "0.144, 7.2% of the 2 they sum to at equilibrium" and least
// squares' of ¼. Bare, hinge's "together under 0.144" stood in the events
// list and the diagnosis with nothing on the screen saying what 0.144 is.
func (w *watch) winsLine() string {
	line := fmt.Sprintf("%g", w.winsUnder)
	switch w.loss {
	case engine.LossHinge:
		return line + fmt.Sprintf(", %.1f%% of the 2 they sum to at equilibrium", 100*dWinsShare)
	case engine.LossLeastSquares:
		return line + fmt.Sprintf(", %.1f%% of the ¼ they sum to at equilibrium", 100*dWinsShare)
	}
	return line
}

// dWinsUnder returns the sum of D's two averaged losses under which D
// wins in a run of cfg, counted above least, D's least loss on real data
// (label smoothing's, under BCE); ok is false for the Wasserstein
// critic, whose scores have no scale to be sure on.
func dWinsUnder(cfg engine.Config) (under, least float64, ok bool) {
	switch cfg.Loss {
	case engine.LossBCE:
		return dWinsLoss, bestRealLoss(cfg.RealLabel), true
	case engine.LossLeastSquares:
		return dWinsLeastSquares, 0, true
	case engine.LossHinge:
		return dWinsHinge, 0, true
	}
	return 0, 0, false
}

// dWinsSays says what D's win (dWins) is in a run of cfg, in the terms of
// its loss's scores, claiming what the sum of its losses under its line
// gives and no more: under BCE what its beliefs that a sample is real are
// on average (bceWins); under least squares its scores, which no sigmoid
// bounds, near their labels (real data's cfg's real label): each loss is
// half the mean square of the scores' distance from their label, so
// under dWinsLeastSquares each is within 0.19 of it by root mean square
// (lsWinsNear), not at it; under the hinge loss, whose scores are no
// probabilities, D's mean scores near or past its margins: each loss is
// at least 1 less D's mean score on its side (max(0, 1 − D) ≥ 1 − D), so
// under dWinsHinge D's mean score on real data is over 0.85 and on
// generated data under −0.85 (hingeWinsOver). The sum says nothing of
// single samples: a D scoring every real sample 0.95 and every generated
// one −0.95 sums to 0.1 with none past its margin, so "nearly every
// sample past its margin" would claim what it does not read (hinge, seed
// 1, from epoch 400).
func dWinsSays(cfg engine.Config) string {
	switch cfg.Loss {
	case engine.LossLeastSquares:
		a := cfg.RealLabel
		if a == 0 {
			a = 1 // a zero Config: no smoothing
		}
		return fmt.Sprintf("its scores lie near their labels, real data's %s and generated data's %s, each within %s by root mean square", numtext.Digits(a, 3), numtext.Together("0"), numtext.Digits(lsWinsNear, 2))
	case engine.LossHinge:
		return "it scores real data " + numtext.Together(fmt.Sprintf("over %s", numtext.Digits(hingeWinsOver, 2))) + " and generated data " + numtext.Together(fmt.Sprintf("under −%s", numtext.Digits(hingeWinsOver, 2))) + ", on average, near or past its margins " + numtext.Together("±1")
	}
	return "it " + bceWins(bestRealLoss(cfg.RealLabel) > 0)
}

// lsWinsNear and hingeWinsOver are what D's win's line gives of its
// scores (dWinsSays), rounded so that each holds at the line: least
// squares' √(2·0.018) = 0.190 and the hinge's 1 − 0.144 = 0.856.
const (
	lsWinsNear    = 0.19
	hingeWinsOver = 0.85
)

// bceWins is what D's BCE scores are while its two losses sum to under
// dWinsLoss: a loss of −log D averaging under 0.1 puts the geometric mean
// of D(real), and so its mean, over e^−0.1 = 0.905, and likewise D(fake)'s
// mean under 0.095. So D scores real data over 0.9 and generated data
// under 0.1 on average, which is what the line says, in plain words: a
// probability's "almost surely" would claim probability 1. Under label smoothing (smoothed) D's loss
// on real data counts from its least, at its label, and the scores it
// gives real data are near that label.
func bceWins(smoothed bool) string {
	onReal := numtext.Together("over 0.9")
	if smoothed {
		onReal = "near its label"
	}
	return "scores real data " + onReal + " and generated data " + numtext.Together("under 0.1") + ", on average"
}

// dWinsWords says what D's win is under loss, with D named, as its
// start's event opens (dWinsStarted), and what its end is (dWinsEnded),
// in the terms of dWinsSays; smoothed, under label smoothing. The end
// under BCE says D is less sure, as its losses, over the line again, say:
// its mean scores may still be over 0.9 and under 0.1.
func dWinsWords(loss engine.Loss, smoothed bool) (starts, ends string) {
	switch loss {
	case engine.LossLeastSquares:
		return "D's scores lie near their labels", "D's scores are farther from their labels again"
	case engine.LossHinge:
		return "D's mean scores lie near or past its margins", "D's scores fall further short of its margins again"
	}
	return "D " + bceWins(smoothed), "D's scores are less sure again"
}

// nonSaturatingName names what g_loss nonsaturating is under loss, in the
// words of the design's outline (engine.Config's): −log D(G(z)) under BCE,
// (D(G(z)) − 1)²/2 under least squares, and −D(G(z)) under the hinge loss,
// which saturates no more than a critic's does.
func nonSaturatingName(loss engine.Loss) string {
	switch loss {
	case engine.LossLeastSquares:
		return "G's least-squares loss"
	case engine.LossHinge, engine.LossWasserstein:
		return "G's loss −D(G(z))"
	}
	return "the non-saturating G loss"
}

// bestRealLoss is the least BCE loss D can have on real data labelled
// α: −α ln α − (1−α) ln(1−α), the entropy of α, at D(real) = α on every
// sample; 0 for α = 1, or 0 (a zero Config, no smoothing).
func bestRealLoss(a float64) float64 {
	if a <= 0 || a >= 1 {
		return 0
	}
	return -a*math.Log(a) - (1-a)*math.Log(1-a)
}

// underCaptured says what a mode not captured has of a sample of n: not
// one sample at the papers' 2,500, fewer than one in 2,500 of a larger
// sample (engine.CapturedShare).
func underCaptured(n int) string {
	if n <= engine.BenchmarkSamples {
		return "not one sample in " + numtext.FormatInt(n)
	}
	return "fewer than 1 in 2,500 of " + numtext.FormatInt(n) + " samples"
}

// spread is a plane sample's spread: the root mean square of its two
// standard deviations.
func spread(m *engine.PlaneMetrics) float64 {
	return math.Sqrt((m.StdX*m.StdX + m.StdY*m.StdY) / 2)
}

// modesSpread is the same of the modes' centres, weighted as the target
// weighs them: the spread of the target itself, its modes being narrow;
// mx, my is their weighted mean, the target's centre.
func modesSpread(spots []engine.SpotShare) (spread, mx, my float64) {
	var w float64
	for _, s := range spots {
		w, mx, my = w+s.Weight, mx+s.Weight*s.X, my+s.Weight*s.Y
	}
	if w <= 0 {
		return 0, 0, 0
	}
	mx, my = mx/w, my/w
	var v float64
	for _, s := range spots {
		v += s.Weight * ((s.X-mx)*(s.X-mx) + (s.Y-my)*(s.Y-my))
	}
	return math.Sqrt(v / w / 2), mx, my
}

// stalled turns D's equilibrium f into DStalled when the run is stuck
// there: D's losses still, epoch after epoch (a constant D, which has
// stopped learning), or the samples far from the target (far; why, the
// measurement that says so) with the checks of the plateau window no
// nearer it than those before (gaining). Far is not stopped:
// grid-pacgan4-ema (seed 1) sits there from epoch 450 to about 16,500
// while its high-quality share climbs to 25%, on its way to all 25
// modes, which is no D that has stopped learning; gauge
// says which measure tells a slow run from a stalled one while the
// checks are too few to span the window.
//
// Its text opens with stuckText, as the d-stalled event's detail does
// (stallStarted), so that the finding and its event read as one
// condition. D frozen's text (frozen) opens otherwise, "D is frozen
// away from its equilibrium", for that is D away from its equilibrium.
func stalled(f Finding, w *watch, far bool, why, gauge string) Finding {
	switch {
	case w.still >= lossWindow:
		// That G has not matched the target is the measures' to say
		// (far): a still D says nothing of it, so the text says it only
		// where far does.
		f.Kind = DStalled
		judged := "every sample" // the hinge's critic, which has no Equilibrium, scores samples
		if w.hasEq {
			judged = w.eq.Judged()
		}
		f.Text = stuckText + ": it has stopped learning and gives " + judged + " the same score, its losses fixed there (" + w.stillAt() + ") epoch after epoch"
		// What makes it a stall, in place of the averages that make it
		// an equilibrium, which its event gives (equilibriumStarted):
		// D's losses each epoch, as the text says.
		f.Detail = w.stillSays(w.eqAt())
		if far {
			f.Text += ", and G has not matched the target"
			f.Detail += "; " + why
		}
	case far && !w.gaining():
		f.Kind = DStalled
		f.Text = stuckText + ", yet the samples are far from the target: D's losses are those of " + blindD + ", but G has not matched the target; " + gauge
		f.Detail = w.equilibriumDetail() + "; " + why
	}
	return f
}

// farFromTarget says whether the samples evaluated in m are far from the
// target, which makes D at its equilibrium a stall (stalled), and the
// measure that says so, as it reads when far (why) and when not (near,
// which the stall's end gives): KS over stalledKS; on a plane, farOnPlane.
//
// sw1Noise is SW1's floor at a check's size (watch.sw1Noise,
// Snapshot.CheckNoise), the scale a plane without modes is judged on.
// Terse writes it for the screen's note (Eval.Far), which has a line of
// 80 columns for it.
func farFromTarget(m *engine.Metrics, sw1Noise float64, terse bool) (far bool, why, near string) {
	if m.Plane != nil {
		return farOnPlane(m.Plane, sw1Noise, terse)
	}
	ks, _, _ := numtext.Beside(m.KS, 1, stalledKS)
	ks = numtext.Together("KS " + ks)
	return m.N > 0 && m.KS > stalledKS, fmt.Sprintf("%s, over %g", ks, stalledKS), fmt.Sprintf("%s, %g or under", ks, stalledKS)
}

// Far tells whether the evaluation finds G far from its target, and by
// what (farFromTarget, terse): a KS over stalledKS in one dimension; on
// a plane of modes under stalledHQ of the samples of high quality, on one
// without them an SW1 over stalledSW1 times its floor at a check's size,
// noise.SW1 (the run's Snapshot.CheckNoise) — the measure the d-stalled
// finding judges by. The screen says it where no finding holds, so that
// "No finding now" does not stand beside a KS of 0.89 as if the run went
// well.
func (e *Eval) Far(noise EvalPoint) (far bool, why string) {
	far, why, _ = farFromTarget(&e.Metrics, noise.SW1, true)
	return far, why
}

// FarFloor is what Far's line stands for where it is a multiple of a
// floor, on a plane without modes (moons, a points file): "7× the 0.015
// of a sample of the target itself", as NotNear's floor and the d-stalled
// finding say it, so that the screen's "SW1 0.142, over 0.101" is not a
// figure beside the Quality panel's floor with nothing to tie the two, as
// a done ring's "over 0.217; 7× the 0.031 …" is; "" where the line is a
// figure of its own (KS 0.5, HQ 25%).
func (e *Eval) FarFloor(noise EvalPoint) string {
	if p := e.Metrics.Plane; p == nil || len(p.Spots) > 1 || noise.SW1 <= 0 {
		return ""
	}
	return sw1FloorSays(noise.SW1)
}

// sw1FloorSays names the line stalledSW1 times sw1Noise, the SW1 a
// check's sample of the target itself shows, by what it is.
func sw1FloorSays(sw1Noise float64) string {
	return fmt.Sprintf("%d× the %s of a sample of the target itself", stalledSW1, numtext.Measure(sw1Noise))
}

// NotNear tells whether the evaluation finds G, not far from its target
// (Far), still not near it, and by what. In one dimension that is a KS
// over plateauFloor times the 95% bound of a check's sample (farGap, KS
// over 0.091), and stalledKS or under (why, "KS 0.185, over 0.091"),
// with what the line is and what a sample of the target itself reads at
// the evaluation's size (KSFloor: floor, "3× the 95% bound 0.030 of
// 2,000 samples; a sample of the target itself reads under 0.014"), so
// that the figure stands beside the scale a perfect G is judged on. It is
// the line the diagnosis already calls far from the target by: the
// plateau's, and D's equilibrium's "which does not mean G matches the
// target", so that a run the findings would call far were it flat or at
// D's equilibrium is not "Going well" when it is neither. The screen says
// it of a run done with its plan where no finding holds, whose hint would
// otherwise read "Going well"; headless, its finding line (Result.Verdict).
//
// Every mode of a mixture covered is no exception: covered is half the
// mode's share or more, and no finding allows a quarter of the samples
// between the modes, so bimodal (seed 2) ends with both modes covered,
// 37% and 50% of the samples on them against 50% each and 13% between,
// at KS 0.185, 13 times the 0.014 of 10,000 samples of the target, and
// read "Going well" under the line this replaced, a KS of 0.25 set at what
// the presets' designs reach. The designs that keep both modes by a
// bridge between them (bimodal-mbd, historical-averaging; KS 0.12 to
// 0.23) and the uniform target fed normal noise (median 0.10) end over
// it: as good as their designs get, not matched, and the hint says what a
// run going well shows. Those that match (vanilla and its remedies on
// N(4, 1.25), bimodal-pacgan, bimodal-pacgan-ema, skewed,
// uniform-flat-noise: medians 0.014 to 0.038 over seeds 1–10,
// bench/README.md section 8) end under it.
//
// On a plane of modes no finding means every mode captured and at least
// 75% of the samples of high quality (the modes-blurred finding's
// BlurredShare), but captured is the papers' generous rule, one sample in
// 2,500: a G that leaves modes all but empty, its mass on the others, has
// every mode captured and its samples on modes, and read "Going well".
// The sliced W1 sees the mass misplaced: over stalledSW1 times its floor
// at a check's size, noise.SW1 (the run's Snapshot.CheckNoise), the line
// that calls a plane without modes far, it is not near (why "SW1 0.300,
// over 0.217", floor "7× the 0.031 of a sample of the target itself").
// The presets that meet their goals stay under it at their plans (seeds
// 1–10, bench/README.md section 8: ring-pacgan's SW1 at most 3.3 times
// its floor, grid-pacgan4-ema's 2.4, grid-pacgan's 6.4 with 24 or 25
// modes), measured at a check's 2,500 samples, where SW1 reads higher than
// at --samples' 10,000; the plain ring's median, 0.209, is 6.7 times it,
// its seeds hopping between modes, and its range reaches 0.909. On a
// plane without modes (moons, a points file) that line is the far one,
// standing just over the 1.1 to 5.5 times its floor that a trained moons'
// checks read, with no room between for a line of its own: never.
func (e *Eval) NotNear(noise EvalPoint) (notNear bool, why, floor string) {
	m := &e.Metrics
	if p := m.Plane; p != nil {
		line := stalledSW1 * noise.SW1
		if len(p.Spots) < 2 || m.N == 0 || line <= 0 || p.SW1 <= line {
			return false, "", ""
		}
		sw1, _, at := numtext.Beside(p.SW1, 1, line)
		return true, numtext.Together("SW1 "+sw1) + ", over " + at, sw1FloorSays(noise.SW1)
	}
	n := min(m.N, CheckSize(false))
	g := gapOf("KS", m.KS, engine.KSNoiseFloor(n), n)
	if m.N == 0 || !g.far() || m.KS > stalledKS {
		return false, "", ""
	}
	ks, _, at := numtext.Beside(m.KS, 1, plateauFloor*g.floor)
	_, is := g.over()
	floor = fmt.Sprintf("%d× %s", plateauFloor, is)
	if e.KSFloor > 0 && m.N > n {
		floor += "; a sample of the target itself reads under " + numtext.Measure(e.KSFloor)
	}
	return true, fmt.Sprintf("%s, over %s", numtext.Together("KS "+ks), at), floor
}

// farOnPlane is farFromTarget on a plane: under stalledHQ of the samples
// of high quality, on a target of modes; on one without them (moons,
// whose high-quality share is none), an SW1 over stalledSW1 times
// sw1Noise, the noise a check's sample of the target itself shows. Terse
// names the high-quality share HQ, as the screen's Quality panel and mode
// map do: in words, ring's note at 80×24 ("No finding now, but G is far
// from the target (0% of the samples of high quality, under 25%)") would
// take two lines where it has one, and be cut.
func farOnPlane(m *engine.PlaneMetrics, sw1Noise float64, terse bool) (far bool, why, near string) {
	if len(m.Spots) > 1 {
		hq := HighQualityShare(m.HighQuality) + " of the samples of high quality"
		if terse {
			hq = numtext.Together("HQ " + HighQualityShare(m.HighQuality))
		}
		return m.HighQuality < stalledHQ, fmt.Sprintf("%s, under %.0f%%", hq, 100*stalledHQ), fmt.Sprintf("%s, %.0f%% or more", hq, 100*stalledHQ)
	}
	// The line is given as a figure, as stalledKS is: the Quality panel's
	// floor is the evaluation's own, which a larger sample makes smaller,
	// and the screen's note that G is far (Eval.Far) has 80 columns, where
	// room allows saying what the figure is apart (Eval.FarFloor). In
	// full it says what the figure is, as the plateau's detail does: the
	// d-stalled finding's "SW1 0.3245, over 0.0717" (spiral, seed 1)
	// would stand beside a Quality floor of 0.010 with nothing to tie the
	// two.
	line := stalledSW1 * sw1Noise
	sw1, _, at := numtext.Beside(m.SW1, 1, line)
	sw1 = numtext.Together("SW1 " + sw1)
	why, near = sw1+", over "+at, sw1+", "+at+" or under"
	if !terse {
		is := " (" + sw1FloorSays(sw1Noise) + ")"
		why, near = why+is, near+is
	}
	return line > 0 && m.SW1 > line, why, near
}

// off is how far D's losses dReal and dFake are from their equilibrium:
// the farther of the two from its value, under the hinge loss their
// sum's distance from hingeSum; +Inf for a loss without one.
func (w *watch) off(dReal, dFake float64) float64 {
	switch {
	case w.hinge():
		return math.Abs(dReal + dFake - hingeSum)
	case w.hasEq:
		return max(math.Abs(dReal-w.eq.DReal), math.Abs(dFake-w.eq.DFake))
	}
	return math.Inf(1)
}

// stillLeave is the line an epoch's D losses (the hinge's sum) end a
// stall at, once still has counted lossWindow epochs within stillTol: the
// line D's equilibrium's episode ends at, equilibriumLeave times its
// tolerance (see stillTol).
func (w *watch) stillLeave() float64 { return equilibriumLeave * w.tol() }

// stillSays says how D's losses (the hinge's sum) have sat still at at,
// their equilibrium as the detail names it (eqAt), for the still epochs
// counted: "each epoch's D losses within 0.0001 of ln 2 = 0.6931 for the
// last 100", or, a stall held past those, "… for 100 in a row, and
// within 0.06 on each of the 412 epochs since", the line that ends a stall
// (stillLeave), which a kick of a dead D's output bias has not crossed.
func (w *watch) stillSays(at string) string {
	what := "each epoch's D losses"
	if w.hinge() {
		what = "the sum of each epoch's D losses"
	}
	if w.still <= lossWindow {
		return fmt.Sprintf("%s within %g of %s for the last %d", what, stillTol, at, w.still)
	}
	return fmt.Sprintf("%s within %g of %s for %d in a row, and within %g on each of the %s epochs since", what, stillTol, at, lossWindow, w.stillLeave(), numtext.FormatInt(w.still-lossWindow))
}

// eqAt names D's equilibrium in a detail: "ln 2 = 0.6931", "2" (the
// hinge's sum), or both values with the real label under label
// smoothing. Not a measure but the loss's own constant, it is written in
// four decimals, finer than the tolerance of 0.0001 read against it.
func (w *watch) eqAt() string {
	eq := w.eq
	switch {
	case w.hinge():
		return "2"
	case eq.Label == "": // smoothed labels: the real label α is 2·eq.D, exactly (EquilibriumOf)
		return fmt.Sprintf("%s and %s (%s)", numtext.Figure(eq.DReal, 4), numtext.Figure(eq.DFake, 4), numtext.Together(fmt.Sprintf("real label %g", 2*eq.D)))
	}
	return numtext.Together(eq.Label + " = " + numtext.Figure(eq.DReal, 4))
}

// averagedAre names what off measures of D's averaged losses, as the
// subject of "… more than 0.06 from ln 2": "D's losses, averaged, are",
// or under the hinge loss, whose equilibrium is a sum, "the sum of D's
// losses, averaged, is", so that a hinge run's stall does not end
// saying its losses are more than 0.06 from 2, which neither of them is
// near.
func (w *watch) averagedAre() string {
	if w.hinge() {
		return "the sum of D's losses, averaged, is"
	}
	return "D's losses, averaged, are"
}

// hinge tells whether the run's loss is the hinge loss, whose two losses
// have an equilibrium only in their sum (hingeSum).
func (w *watch) hinge() bool { return w.loss == engine.LossHinge }

// tol is how near their equilibrium (off) D's averaged losses must be
// for D to be at it: the equilibrium's Tol, under the hinge loss hingeTol.
func (w *watch) tol() float64 {
	if w.hinge() {
		return hingeTol
	}
	return w.eq.Tol
}

// where says where D's losses sit at their equilibrium, as
// Equilibrium.Where does; under the hinge loss, at a sum of 2, which is
// D's mean scores alike on real and generated data only while its
// scores lie within its margins ±1 (hingeTol): past them a loss is 0
// however far a score goes, and a D sure and right beyond its margins on
// some samples and sure and wrong on others can sum to 2 with its mean
// scores apart. The sum is all the trigger reads, so the words say the
// condition with the scores.
func (w *watch) where() string {
	if w.hinge() {
		return numtext.Together("a sum of 2") + ", D's mean scores alike on real and generated data if all lie within its margins " + numtext.Together("±1")
	}
	return w.eq.Where()
}

// stillAt says where a still D's losses sit, for the stall's text
// (stalled), which says already that D gives everything it judges the
// same score: the losses' value, "ln 2 each" or "their balance", which
// such a D's score, ½ or its balance, gives. Under the hinge loss it is
// where's in full: the sum alone does not give D's scores alike outside
// its margins.
func (w *watch) stillAt() string {
	switch {
	case w.hinge():
		return w.where()
	case w.eq.Label != "":
		return numtext.Together(w.eq.Label + " each")
	}
	return "their balance"
}

// What the collapsed finding says G has collapsed to (CollapsedTo).
const (
	collapsedToPoint = "nearly one point"
	collapsedToPatch = "a narrow patch"
)

// CollapsedTo is what the collapsed finding says G has collapsed to on
// the target spec: "a narrow patch" on a points file, whose clusters are
// not known (collapsed), "nearly one point" elsewhere. The screen's
// glossary names the collapse in these words, as the finding beside it
// does, so that on a points file it does not offer "collapsed to nearly
// one point".
func CollapsedTo(target string) string {
	if _, ok := engine.PointsFile(target); ok {
		return collapsedToPatch
	}
	return collapsedToPoint
}

// collapsed is the GCollapsed finding, when G's samples have been nearly
// one point for about lossWindow epochs since G came to the target spread
// (watch.reached), or after G has trained collapseLong epochs (epoch),
// and are one at the check too, their spread now being now (the std; on
// a plane, spread's); distance is the check's distance to the target. ok
// is false where the check has no samples or the target has modes (on):
// a collapse there leaves modes missing, which the mode findings say.
//
// On a points file (watch.unknownModes) the finding says what it knows,
// collapsed to a narrow patch, not to one point: the file's clusters are
// not known, and a G on one tight cluster of several is as narrow
// against the whole as a point (three clusters of std 0.05 at (±2, 0)
// and (0, 2), spread 1.34: ring's design on them, seed 1, sits on the
// cluster at (−2, 0), std 0.02 and 0.01, and does not make "about the
// same sample"). It still opens "G has collapsed", as the collapsed
// event it starts is named, so that the finding and its event read as
// one.
//
// The check's spread, now, is of the samples shown, under G's average
// the average's; the spread averaged over about lossWindow epochs
// (watch.spread) is always of G's own training batches, as the average
// has no batch of its own each epoch. The finding asks both to be narrow,
// and under G's average (watch.ownBatches) its detail says whose each is,
// for the average's std now and G's own batches' average are not one
// G's.
func collapsed(w *watch, epoch int, now float64, on bool, distance string) (Finding, bool) {
	if !on || w.tSpread == 0 || w.seen < lossWindow || !w.reached && epoch < collapseLong || w.spread >= collapseSpread || now >= collapseSpread*w.tSpread {
		return Finding{}, false
	}
	std := "std"
	if w.dims() == 2 {
		std = "spread"
	}
	text := "G has collapsed to " + collapsedToPoint + ": its samples spread under a tenth as wide as the target (mode collapse)"
	if w.unknownModes {
		text = "G has collapsed to " + collapsedToPatch + ": its samples cover nearly one point or one tight cluster of the target's points (a points file's clusters are not known; the plot shows which)"
	}
	samples, batches := "samples'", ""
	if w.ownBatches {
		samples, batches = "the average's samples'", "G's own batches', "
	}
	return Finding{Kind: GCollapsed, Text: text,
		Detail: fmt.Sprintf("%s, %s of the target's %s, under %.0f%%; %saveraged over about %d epochs, %s; %s", numtext.Together(fmt.Sprintf("%s %s %s", samples, std, numtext.Measure(now))), numtext.PercentBeside(now/w.tSpread, collapseSpread), numtext.Digits(w.tSpread, 4), 100*collapseSpread, batches, lossWindow, numtext.PercentBeside(w.spread, collapseSpread), numtext.Together(distance))}, true
}

// plateau adds the Plateau finding to found, the rest of the diagnosis of
// the check e, when the run's checks have stopped improving its distance
// (watch.flat) while the best of the window's checks is over
// plateauFloor times the line the noise floor starts at for a check's
// sample, and none of found is a problem: only D's equilibrium, a state
// of balance, may hold beside it. The plateau comes first, as a problem
// does before the good news: at 80×24, where the first finding alone is
// given in full, the equilibrium's ✓ first would stand there with the
// plateau's ! counted "+1 more" after it.
//
// The finding is of the checks alone, like with like: e may be the
// screen's or the run's end's evaluation, of another sample (10,000
// samples by default, against a check's 2,000), and its KS given
// first, under the best of the checks it is said not to improve on
// ("KS 0.109, over 3× the 95% bound 0.014; the best of the last
// 2,000 epochs' checks KS 0.113", devnag-2017, seed 1), would be judged
// far from the target on its own 95% bound, which a larger sample makes
// smaller. A plane's floor is the watch's, at a check's size
// (watch.sw1Noise), not e's: the run's end evaluates --samples points
// (up to 100,000), whose floor is under half a check's, and a plateau
// read beside it would be judged on a line under half as high.
func plateau(w *watch, found []Finding, e *Eval) []Finding {
	m := &e.Metrics
	if m.N == 0 || !w.flat(1) || slices.ContainsFunc(found, func(f Finding) bool { return f.Kind != DIndifferent }) {
		return found
	}
	n := CheckSize(m.Plane != nil)
	g := gapOf("KS", w.lately[0], engine.KSNoiseFloor(n), n)
	if m.Plane != nil {
		g = gapOf("SW1", w.lately[0], w.sw1Noise, n)
	}
	if !g.far() {
		return found
	}
	best, is := g.over()
	detail := fmt.Sprintf("the best of the last %s epochs' checks %s, over %d× %s, and not %.0f%% under the best before them, %s", numtext.FormatInt(w.window), w.bestsAs(best, w.lately), plateauFloor, is, 100*plateauGain, w.bests(w.before))
	if w.hq[1] > 0 { // a plane of modes, whose share flat counts too
		detail += fmt.Sprintf("; the high-quality share's best %s, not %.0f%% over its best before them, %s", numtext.Together("HQ "+HighQualityShare(w.hq[1])), 100*plateauGain, numtext.Together("HQ "+HighQualityShare(w.hq[0])))
	}
	return append([]Finding{{Kind: Plateau, Text: fmt.Sprintf("%s has not improved by %.0f%% in %s epochs, far from the target, a plateau: train on to see whether it lifts, or try other settings", g.name, 100*plateauGain, numtext.FormatInt(w.window)), Detail: detail}}, found...)
}

// bests writes best distances d (watch.before's or lately's): "KS
// 0.073, W1 0.211", on a plane "SW1 0.051".
func (w *watch) bests(d [2]float64) string { return w.bestsAs(numtext.Measure(d[0]), d) }

// bestsAs is bests with the first distance, KS or SW1, written first:
// as its line is read beside it (noiseGap.over).
func (w *watch) bestsAs(first string, d [2]float64) string {
	if w.dims() == 2 {
		return numtext.Together("SW1 " + first)
	}
	return numtext.Together("KS "+first) + ", " + numtext.Together("W1 "+numtext.Measure(d[1]))
}

// averagedAtEquilibrium tells whether D's averaged losses, past their
// warm-up, are within tol of their equilibrium.
func (w *watch) averagedAtEquilibrium() bool {
	return w.seen >= lossWindow && w.off(w.dReal, w.dFake) < w.tol()
}

// indifferentText opens the DIndifferent finding, and the equilibrium's
// event where a stall's finding starts it (equilibriumStarted): what
// its condition measures, D's losses, averaged, within Tol of their
// equilibrium. It says no more of D: losses at ln 2 are those of a D
// that scores ½ everywhere, but a D sure and right on some samples and
// sure and wrong on others can average the same, so they do not show
// that D cannot tell real from fake, only that its losses are a D's
// that cannot (blindD).
const indifferentText = "D's losses sit at their equilibrium"

// blindD is the D whose losses D's are at their equilibrium, as the
// equilibrium's finding and the far stall's (stalled) say.
const blindD = "a D that cannot tell real from fake"

// indifferent is the DIndifferent finding, when D's averaged losses sit
// at their equilibrium, or its losses have sat still there for stillNow
// epochs, their averages yet to follow; g is the evaluation's distance to
// the target beside the noise floor of a check's sample (farGap), which
// the text names.
//
// The best D is p_data/(p_data + p_g), ½ everywhere only once G matches
// the target (Goodfellow et al. 2014, Proposition 1), but a D of limited
// capacity can sit at ½ while G's samples differ from it: uniform (seed
// 1) holds D at ln 2 from epoch 3,800 with KS 0.25 at its plan's end,
// 8 times its noise floor at a check's 2,000 samples, beside its
// plateau. Where the distance is over plateauFloor times the line its
// noise floor starts at (g.far, the plateau's line), the finding says that the equilibrium does not mean G
// matches the target, and by which measure, where it otherwise leaves
// the shape to the measures: a learner reads the equilibrium's ✓ as
// success.
func indifferent(w *watch, g noiseGap) (Finding, bool) {
	if !w.nearEquilibrium(1) {
		return Finding{}, false
	}
	text, detail := indifferentText+": "+w.where()+", the losses of "+blindD, w.equilibriumDetail()
	if g.far() {
		return Finding{Kind: DIndifferent, Text: text + fmt.Sprintf(", which does not mean G matches the target: %s is over %d× its noise floor at %s, and a D of limited capacity can sit there while G's samples differ", g.name, plateauFloor, samplesOf(g.n)), Detail: detail + "; " + g.String()}, true
	}
	return Finding{Kind: DIndifferent, Text: text + "; the shape is for the measures to judge", Detail: detail}, true
}

// noiseGap is a distance to the target, name at d, beside its line,
// times floor, where its noise floor starts for a sample of n: KS's 95%
// bound, or 1.5× SW1's floor (sw1FloorTimes), as the noise-floor findings
// read them.
type noiseGap struct {
	name            string
	d, floor, times float64
	n               int
}

// gapOf is the noiseGap of a distance name at d beside the noise floor
// floor of a sample of n: for KS its 95% bound, for SW1 the SW1 of a
// sample of the target itself, whose line is sw1FloorTimes that.
func gapOf(name string, d, floor float64, n int) noiseGap {
	if name == "SW1" {
		return noiseGap{name, d, floor, sw1FloorTimes, n}
	}
	return noiseGap{name, d, floor, 1, n}
}

// samplesOf writes a sample size n as the findings name it, "2,000
// samples", written together.
func samplesOf(n int) string { return numtext.Together(numtext.FormatInt(n) + " samples") }

// farGap is the noiseGap D's equilibrium reads (indifferent) of an
// evaluation of n samples, its KS ks, or on a plane its metrics plane:
// beside the noise floor of a check's sample (CheckSize), whatever the
// evaluation's size, as the plateau's line is, so that one run's screen
// (10,000 samples), its checks (2,000) and its final line judge G far
// from the target on one line, KS over 0.091: on its own size's floor
// the screen's 10,000 samples would say so from KS 0.041 and a check's
// from 0.091, and one epoch could read "which does not mean G matches
// the target" live and not in its replay. A distance over that line is
// off the target at any size from a check's up, the line nearly 7 times
// the 95% bound of 10,000 samples. An evaluation of fewer samples than a
// check (--samples under 2,000) is read on its own floor, which is
// higher: a KS of 100 samples is over 0.091 for more than one perfect
// generator in three.
func (w *watch) farGap(n int, ks float64, plane *engine.PlaneMetrics) noiseGap {
	if plane != nil {
		if c := CheckSize(true); n >= c && w.sw1Noise > 0 {
			return gapOf("SW1", plane.SW1, w.sw1Noise, c)
		}
		return gapOf("SW1", plane.SW1, plane.SW1Floor, n)
	}
	n = min(n, CheckSize(false))
	return gapOf("KS", ks, engine.KSNoiseFloor(n), n)
}

// far tells whether the distance is over plateauFloor times its line:
// far from the noise floor, G's samples measurably off the target.
func (g noiseGap) far() bool {
	line := g.times * g.floor
	return line > 0 && g.d > plateauFloor*line
}

// over writes the distance and, in words, the line plateauFloor times
// which it is over: "0.251" and "the 95% bound 0.030 of 2,000 samples",
// or "1.5× the 0.010 of 2,500 samples of the target itself", in the
// decimals that read the one over the other (numtext.Beside).
func (g noiseGap) over() (value, is string) {
	value, _, floor := numtext.Beside(g.d, plateauFloor*g.times, g.floor)
	if g.name == "SW1" {
		return value, fmt.Sprintf("%g× the %s of %s of the target itself", g.times, floor, samplesOf(g.n))
	}
	return value, fmt.Sprintf("the 95%% %s of %s", numtext.Together("bound "+floor), samplesOf(g.n))
}

// String writes the distance beside its line: "KS 0.251, over 3× the
// 95% bound 0.030 of 2,000 samples".
func (g noiseGap) String() string {
	value, is := g.over()
	return fmt.Sprintf("%s, over %d× %s", numtext.Together(g.name+" "+value), plateauFloor, is)
}

// frozen is the DFrozen finding, when each of D's losses has stayed
// within stillTol of the epoch before's for lossWindow epochs where D
// is not at its equilibrium (indifferent, whose stall says the same
// there): a learning D's losses move by hundredths from batch to batch,
// and only a D that has stopped learning holds them, its units dead or
// its steps going round one cycle. devnag-moments --set d_lr=10 (seed 1)
// has D's losses at 1.1305 each, G's at 2.1351 and G's samples a spike
// far from the target from epoch 8 to its 5,000th, which without this
// finding nothing says until G is called collapsed at epoch 3,050.
//
// Only for losses with an equilibrium (BCE, least squares), whose scale
// is that of D's scores, and not while D wins: a Wasserstein critic's
// losses under weight clipping are hundredths that move by less than
// stillTol (wgan, seeds 1 and 2, from epoch 400 on, a healthy run), and
// a D that wins has its losses near 0, where they move as little
// (devnag-2017, seed 2, D real 0.0000 and D fake 0.0005), which D's win
// says.
//
// Its remedy is a run from the start: the units a frozen D has lost
// stay lost at a lower rate, devnag-moments --set d_lr=10 (seed 1),
// lowered to 1e-3 at epoch 200, still at ln 2 at its 5,000th epoch,
// G collapsed: lowering it with the trainer's ← does not help
// (TestFrozenDIsNotThawedByALowerRate).
func frozen(w *watch) (Finding, bool) {
	if !w.hasEq || w.fixed < lossWindow || w.dWins() || w.nearEquilibrium(1) {
		return Finding{}, false
	}
	now := numtext.Together("D real "+numtext.Measure(w.prevDReal)) + ", " + numtext.Together("D fake "+numtext.Measure(w.prevDFake))
	return Finding{Kind: DFrozen, Text: "D is frozen away from its equilibrium: it has stopped learning, its losses fixed epoch after epoch, so G learns from D's fixed scores alone; too high a learning rate leaves D so, and lowering it now may leave D frozen: run again with a lower one",
		Detail: fmt.Sprintf("%s, each epoch's within %g of the epoch before's for the last %d", now, stillTol, lossWindow)}, true
}

// saturated is the DSaturated finding, when a loss has sat at its line
// (lossLine) for saturatedEpochs in a row or more, the losses taking
// turns there too, as the runaway counts them: which losses are there
// now and what each means of D, for how long, and how long ends the
// run. Those that took turns there on the way are not named: vanilla
// (d_lr 2e-2, d_steps 10 from epoch 1,500, seed 1) passes all three
// through their limit on its way to D's loss on generated data at 100,
// and naming them would say D is "certain and wrong" and "certain and
// right" on the generated samples at once. Under BCE a
// loss at its limit is D certain on nearly every sample of a batch:
// wrong, for D's own losses; right, for G's, its sigmoid saturated, so
// that G gets no gradient from it. A loss without a limit (least
// squares) is past runawayPast, as far from any fit.
func saturated(w *watch) (Finding, bool) {
	if w.saturated < saturatedEpochs {
		return Finding{}, false
	}
	names := [3]string{"D's loss on real data", "D's loss on generated data", "G's loss"}
	means := [3]string{"D is certain and wrong on nearly every real sample", "D is certain and wrong on nearly every generated sample", "D is certain and right on nearly every generated sample, so G gets no gradient from it"}
	var which, why []string
	held := w.saturated // how long the losses named have held, one or another
	for i := range names {
		if w.stuck[i] > 0 { // at the line on the latest epoch
			which, why = append(which, names[i]), append(why, means[i])
			held = min(held, w.stuck[i])
		}
	}
	its := "its" // the losses' own limit, one or several
	if len(which) > 1 {
		its = "their"
	}
	losses := numtext.List(which, "and")
	where := fmt.Sprintf("at %d or more, near %s limit of %d,", runawayLoss, its, lossLimit)
	text := fmt.Sprintf("%s at %s limit: %s", losses, its, strings.Join(why, "; "))
	if w.unclamped {
		where = fmt.Sprintf("past %d", runawayPast)
		text = losses + fmt.Sprintf(" past %d, as far from any fit", runawayPast)
	}
	text += fmt.Sprintf("; %d epochs of it in a row end the run as a runaway: try a lower learning rate", runawayEpochs)
	detail := fmt.Sprintf("%s %s for the last %s epochs in a row, of the %d a runaway takes", losses, where, numtext.FormatInt(w.saturated), runawayEpochs)
	if held < w.saturated { // the losses took turns there
		detail = fmt.Sprintf("%s %s now, for the last %s epochs, the losses at their line by turns for the last %s in a row, of the %d a runaway takes", losses, where, numtext.FormatInt(held), numtext.FormatInt(w.saturated), runawayEpochs)
	}
	return Finding{Kind: DSaturated, Text: text, Detail: detail}, true
}

// farOutside is the FarOutside finding, when the epoch's generated batch
// has had its mean far outside the target's shown range, past
// runawayWidths of its widths beyond it, for saturatedEpochs in a row or
// more: the runaway's other condition building up, as saturated is its
// losses'. It is the one a Wasserstein or hinge loss can meet, whose
// losses have no limit to saturate: wgan with d_lr and g_lr at 10 (seed
// 1) has its batch's mean at −1.9e9 by epoch 10 and −6.4e10 by 130, its
// critic's loss on generated data at 10⁵, and without it the findings
// would read "No finding now" until the runaway at epoch 201. Twenty
// epochs are a tenth of the runaway's 200, as the losses' are: a batch
// that far out is 2 of the range's widths off, no excursion of a G
// on its way to the target (the 30 presets' plans, seeds 1–10, meet the
// runaway's condition only where devnag-2017 really runs off:
// docs/diagnosis.md, Runaway; at their default settings, seed 1, none
// has its batch's mean that far out on a single epoch, 13 trained to
// their plans, the other 17 over their first 536 to 9,803 epochs).
// A G that never came near the target (watch.near) is told what the
// runaway will tell it then, that no learning rate brings the target
// into its reach.
func farOutside(w *watch) (Finding, bool) {
	if w.outside < saturatedEpochs {
		return Finding{}, false
	}
	where := fmt.Sprintf("range [%s, %s]", numtext.Digits(w.xlo, 4), numtext.Digits(w.xhi, 4))
	if w.ylo != w.yhi {
		where = fmt.Sprintf("box [%s, %s]×[%s, %s]", numtext.Digits(w.xlo, 4), numtext.Digits(w.xhi, 4), numtext.Digits(w.ylo, 4), numtext.Digits(w.yhi, 4))
	}
	text := fmt.Sprintf("G's samples far outside the target's %s; %d epochs of it in a row end the run as a runaway", strings.Fields(where)[0], runawayEpochs)
	if w.near {
		text += ": try a lower learning rate"
	} else {
		text += ": they never came near it, starting near 0 at about unit size, and no learning rate brings the target into their reach; centre and scale its data to about that"
	}
	detail := fmt.Sprintf("the generated batch's mean more than %d widths of the target's %s beyond it for the last %s epochs in a row, of the %d a runaway takes", runawayWidths, where, numtext.FormatInt(w.outside), runawayEpochs)
	return Finding{Kind: FarOutside, Text: text, Detail: detail}, true
}

// equilibriumDetail is the detail of D at its equilibrium (indifferent):
// where D's losses sit, averaged, against the equilibrium and its
// tolerance; or, before their averages follow, how long each epoch's
// have sat still there. A stall's finding adds what makes it one
// (stalled); the equilibrium's event gives this alone (equilibriumStarted).
func (w *watch) equilibriumDetail() string {
	losses := numtext.Together("D real "+numtext.Measure(w.dReal)) + ", " + numtext.Together("D fake "+numtext.Measure(w.dFake))
	if w.hinge() { // the sum, which the detail gives with the losses
		losses += ", " + numtext.Together("together "+numtext.Measure(w.dReal+w.dFake))
	}
	if !w.averagedAtEquilibrium() {
		return fmt.Sprintf("%s; averaged over about %d epochs (%s) they still hold the epochs before", w.stillSays(w.eqAt()), lossWindow, losses)
	}
	return fmt.Sprintf("%s, averaged over about %d epochs, within %g of %s", losses, lossWindow, w.tol(), w.eqAt())
}

// averagedLosses writes D's averaged losses as D's win and its end give
// them: "D real 0.041, D fake 0.038, averaged over about 100 epochs".
// The legends beside them give the last epoch's, which swing by tenths
// where the averages do not.
func (w *watch) averagedLosses() string {
	return numtext.Together("D real "+numtext.Measure(w.dReal)) + ", " + numtext.Together("D fake "+numtext.Measure(w.dFake)) + fmt.Sprintf(", averaged over about %d epochs", lossWindow)
}

// winLosses are D's averaged losses as D's win and its end give them,
// named as losses, averaged before their values: "losses averaged over
// about 100 epochs, D real 0.041, D fake 0.030". Those words speak of
// D's scores, "D scores real data over 0.9 and generated data under 0.1,
// on average", and the bare "D real 0.041" after them read as D's score
// on real data, under 0.1 where the words had just said over 0.9. The
// span comes first for the legend beside them, "Losses, last epoch  ●
// D real 0.036": "D real 0.046, …, averaged over about 100 epochs" read
// as the same D real as the legend's with another value, the span that
// tells them apart a clause later (vanilla, seed 1, epoch 650, 120×40).
func (w *watch) winLosses() string {
	return fmt.Sprintf("losses averaged over about %d epochs, ", lossWindow) + numtext.Together("D real "+numtext.Measure(w.dReal)) + ", " + numtext.Together("D fake "+numtext.Measure(w.dFake))
}

// coveredBefore is whether mode i of the target has been covered in the
// run's events, by seen (diagnoseSeen): a mode it misses now was then
// dropped, not yet to be covered.
func coveredBefore(seen []modeEpisode, i int) bool {
	return i < len(seen) && seen[i] != modeUnseen
}

// notYet is the ModeDropped finding of n of the target's modes missing
// before G has trained collapseEpochs epochs, on a line or a plane: an
// untrained G puts its samples in one clump, which misses modes it
// cannot help missing, and collapse is what training does to a G. It
// comes before every other reading of the modes, on a line and on a
// plane alike, every mode missed as much as some, while none of those
// missed has been covered (coveredBefore): one G covered and lost is
// dropped, as its event says, however early.
// reached is the word the modes' line uses, "covered" (a mixture's
// modes line) or "captured" (a plane's); says what G gives the modes,
// and detail which they are. So a mixture's at epoch 0 (bimodal) reads
// as a plane's does, its modes not yet reached, not as modes G has
// dropped, and so does a plane's with every mode missed (ring's and
// grid's at epoch 0).
func notYet(n, of int, reached, says, detail string) Finding {
	return Finding{Kind: ModeDropped, Text: fmt.Sprintf("%d of %d modes %s %s: %s this early in training", n, of, notYetWord, reached, says), Detail: detail}
}

// notYetWord is what tells notYet's finding from a ModeDropped one of
// modes G has lost or never reached in training (Finding.ModesMissed).
const notYetWord = "not yet"

// ModesMissed tells whether f finds modes of the target missing after
// G has trained (ModeDropped), which the presets of RemedyPresets try to
// mend; not those an untrained G has not yet reached (notYet).
func (f Finding) ModesMissed() bool {
	return f.Kind == ModeDropped && !strings.Contains(f.Text, " modes "+notYetWord+" ")
}

// smallCloudAt writes, as the words after "one small cloud", where a
// small cloud of G's samples is that reaches mode i alone (of std σ), its
// mean at (mx, my), off the share of them outside every mode's ±3σ: how
// many of the mode's σ its mean lies from that mode, the only mode any of
// them reach, named with where it lies (planeMode), and too wide for it.
// The mode is the one captured, which a single sample within its ±3σ
// captures, not one the cloud is on: the cloud's mean lies tens of σ from
// it, so "at mode 4" would read as on it, and "the one mode it captures"
// beside "26σ from" as a contradiction (ring, seed 1, at epoch 258: one
// sample of 2,500 in mode 3's ±3σ).
// ring (seed 1) is such a cloud at its checks of epochs 2,200, 2,600,
// 2,800 and 3,000 (2,400's is on no mode): 98.7% to all of a check's
// 2,500 samples nearest one mode, 0.04% to 0.84% within its ±3σ, the
// cloud's spread 0.31 to 0.48 against σ 0.02, its mean 0.26 to 0.56
// from the mode, 13σ to 28σ; at epoch 404 (--epochs 404) its mean is
// 15σ from mode 4. "Many of them between the modes" would be wrong
// there: the plane shows the cloud beside the mode it captured and no
// other mode near.
func smallCloudAt(i int, spot engine.Spot, mx, my, off float64) string {
	σ := spot.Std
	far := numtext.Digits(math.Hypot(mx-spot.X, my-spot.Y)/σ, 2) + "σ"
	return fmt.Sprintf(" %s from %s, the only mode any of them reach, %s of them outside that mode's ±3σ (%s)", far, planeMode(i, spot), numtext.Percent(off), numtext.Together("σ "+numtext.Digits(σ, 3)))
}

// planeMode names mode i of a plane's target with where it lies, "mode 4 at
// (-1.41, 1.41)": the mode map and the plane number no mode, so a number
// alone leaves a learner to count round the ring to find it.
func planeMode(i int, spot engine.Spot) string {
	return numtext.Together(fmt.Sprintf("mode %d at (%s, %s)", i+1, numtext.Digits(spot.X, 3), numtext.Digits(spot.Y, 3)))
}

// diagnosePlane adds the findings of a two-dimensional run to those of its
// losses: the modes it misses (the papers' rule: not one high-quality
// sample in 2,500, engine.CapturedShare), samples between the modes, D's
// equilibrium, and a sliced W1 within sampling noise. Its G has trained
// epoch epochs; seen is where its modes stand in its events (diagnoseSeen).
func diagnosePlane(cfg engine.Config, w *watch, m *engine.PlaneMetrics, n, epoch int, seen []modeEpisode) []Finding {
	var out []Finding
	if len(m.Spots) > 1 {
		var dropped []string
		var reached []int // the modes captured
		before := false   // a mode missed now was covered before
		for i, c := range m.Spots {
			if !c.Captured {
				before = before || coveredBefore(seen, i)
				dropped = append(dropped, planeMode(i, c.Spot))
			} else {
				reached = append(reached, i)
			}
		}
		off := 1 - m.HighQuality // the share between the modes
		// The samples spread as widely as a cloud over the modes (wide)
		// and centred on them (centred): see cloudSpread.
		tSpread, cx, cy := modesSpread(m.Spots)
		wide := spread(m) >= cloudSpread*tSpread
		centred := math.Hypot(m.MeanX-cx, m.MeanY-cy)/math.Sqrt2 <= cloudSpread*tSpread
		missed := fmt.Sprintf("%s within 3σ of %s", underCaptured(n), strings.Join(dropped, ", "))
		if len(dropped) == len(m.Spots) {
			missed = underCaptured(n) + " within 3σ of any mode"
		}
		switch {
		case len(dropped) > 0 && epoch < collapseEpochs && !before:
			out = append(out, notYet(len(dropped), len(m.Spots), "captured", "G puts almost no samples there", missed))
		case len(dropped) == len(m.Spots):
			out = append(out, Finding{Kind: ModeDropped, Text: fmt.Sprintf("G's samples are on none of the %d modes", len(m.Spots)), Detail: missed})
		case len(dropped) > 0 && off > BlurredShare && wide && centred: // spread wide about the centre: see cloudSpread
			out = append(out, Finding{Kind: ModeDropped, Text: fmt.Sprintf("%d of %d modes missing: G's samples spread wide about the target's centre, many of them on no mode", len(dropped), len(m.Spots)),
				Detail: fmt.Sprintf("%s; %s of the samples within 3σ of no mode", missed, numtext.Percent(off))})
		case len(dropped) > 0 && off > BlurredShare && wide: // as wide, but to one side
			out = append(out, Finding{Kind: ModeDropped, Text: fmt.Sprintf("%d of %d modes missing: G's samples are a blob to one side of the target, many of them on no mode", len(dropped), len(m.Spots)),
				Detail: fmt.Sprintf("%s; %s of the samples within 3σ of no mode, %s, off the target's centre", missed, numtext.Percent(off), numtext.Together(fmt.Sprintf("their mean at (%s, %s)", numtext.Digits(m.MeanX, 3), numtext.Digits(m.MeanY, 3))))})
		case len(dropped) > 0 && off > BlurredShare: // narrower than a cloud, yet off the modes
			// A cloud that reaches one mode alone is beside it, not
			// between modes: see smallCloudAt.
			where := ", many of them between the modes"
			if len(reached) == 1 {
				where = smallCloudAt(reached[0], m.Spots[reached[0]].Spot, m.MeanX, m.MeanY, off)
			}
			out = append(out, Finding{Kind: ModeDropped, Text: fmt.Sprintf("%d of %d modes missing: G's samples gather in one small cloud%s", len(dropped), len(m.Spots), where),
				Detail: fmt.Sprintf("%s; %s of the samples within 3σ of no mode, %s, %s", missed, numtext.Percent(off),
					numtext.Together(fmt.Sprintf("their mean at (%s, %s)", numtext.Digits(m.MeanX, 3), numtext.Digits(m.MeanY, 3))),
					numtext.Together(fmt.Sprintf("their spread %s of the target's %s", numtext.Percent(spread(m)/tSpread), numtext.Digits(tSpread, 3))))})
		case len(dropped) > 0:
			out = append(out, Finding{Kind: ModeDropped, Text: fmt.Sprintf("%d of %d modes missing: mode collapse, G puts almost no samples there", len(dropped), len(m.Spots)),
				Detail: missed})
		case off > BlurredShare:
			out = append(out, Finding{Kind: ModesBlurred, Text: "every mode is reached, but many samples fall between the modes",
				Detail: fmt.Sprintf("%s of the samples are not within 3σ of any mode, over %.0f%%", numtext.PercentBeside(off, BlurredShare), 100*BlurredShare)})
		}
	}
	if f, ok := collapsed(w, epoch, spread(m), len(m.Spots) <= 1, "SW1 "+numtext.Measure(m.SW1)); ok {
		out = append(out, f)
	}
	if f, ok := indifferent(w, w.farGap(n, 0, m)); ok {
		far, why, _ := farOnPlane(m, w.sw1Noise, false)
		gauge := "SW1 still falling means a slow run, SW1 flat a stalled one"
		if len(m.Spots) > 1 {
			gauge = "SW1 still falling (the high-quality share rising) means a slow run, SW1 flat a stalled one"
		}
		out = append(out, stalled(f, w, far, why, gauge))
	}
	if m.SW1 <= sw1FloorTimes*m.SW1Floor {
		sw1, times, floor := numtext.Beside(m.SW1, sw1FloorTimes, m.SW1Floor)
		out = append(out, Finding{Kind: AtNoiseFloor, Text: fmt.Sprintf("SW1 near its floor: sliced W1 is close to what %s samples of the target itself show; the high-quality share says how much is off the modes", numtext.FormatInt(n)),
			Detail: fmt.Sprintf("%s, within %s× the %s of a sample of the target itself", numtext.Together("SW1 "+sw1), times, floor)})
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
	// Unreached: a runaway of a run whose generated samples were never
	// near the target, from its first epoch on: a target far from where
	// G's samples start, near 0 at about unit size (points at 10⁶, or
	// about 0 at 10⁻⁶ or spread ±10⁶: reachScale), which no learning rate
	// brings into reach.
	Unreached bool
}

// Remedy is what to change after the divergence d: the target's scale
// for one G never reached, else a learning rate. A runaway of data at
// 10⁶ runs away at a lower learning rate all the same: the data want
// rescaling.
func (d *Divergence) Remedy() string {
	if d.Unreached {
		return UnreachedRemedy
	}
	return "try a lower learning rate"
}

// UnreachedRemedy is the remedy of a runaway G never came near the
// target in (Divergence.Unreached).
const UnreachedRemedy = "G's samples never came near the target: they start near 0 at about unit size, and no learning rate brings it into their reach; centre and scale its data to about that"

func (d *Divergence) Error() string {
	if d.Runaway != "" {
		return fmt.Sprintf("diverged at epoch %s: a runaway, %s", numtext.FormatInt(d.Epoch), d.Runaway)
	}
	return fmt.Sprintf("diverged at epoch %s: %s is not finite", numtext.FormatInt(d.Epoch), d.What)
}
