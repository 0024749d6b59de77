package engine

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/visible"
)

// Config describes one GAN design completely: target, shapes, losses,
// optimizers and schedule. Presets are Configs; a JSON preset file is a
// Config; a run is a Config plus a seed.
//
// Samples flow as one flat batch of Batch values. The generator maps rows of
// NoiseDim noise values to rows of GOut samples (Batch/GOut rows per batch):
// GOut = Batch emits a whole batch from one noise row, as in the blog
// variant; GOut = 1 maps each noise value to one sample, as in Dev Nag's
// code and the textbook GAN. The discriminator reads the same batch as rows
// of DIn samples (Batch/DIn rows) and gives one score per row.
type Config struct {
	Name string `json:"name"`
	// Description and Source are text for a reader; a built-in preset's
	// keep a label with its value by non-breaking spaces
	// (numtext.Together: "packing degree 2"), for the screen's wrapping,
	// which a preset file and --list-presets write plain.
	Description string `json:"description"`
	Source      string `json:"source"`

	Target string `json:"target"` // e.g. "normal(4,1.25)"; see ParseTarget
	Batch  int    `json:"batch"`  // samples in one real or generated batch

	Noise    Noise        `json:"noise"`     // generator noise
	NoiseDim int          `json:"noise_dim"` // noise values per generator row
	GOut     int          `json:"g_out"`     // samples per generator row
	GHidden  []int        `json:"g_hidden"`  // hidden layer widths
	GActs    []Activation `json:"g_acts"`    // one activation per layer, output layer last

	DInput  DInput       `json:"d_input"`  // how D sees a row
	DIn     int          `json:"d_in"`     // samples per discriminator row
	DHidden []int        `json:"d_hidden"` // hidden layer widths
	DActs   []Activation `json:"d_acts"`   // one activation per layer, output layer last

	MBDKernels int `json:"mbd_kernels"` // minibatch discrimination kernels B; 0: none
	MBDDim     int `json:"mbd_dim"`     // dimensions C per kernel

	LeakySlope float64 `json:"leaky_slope"` // negative slope of leaky_relu

	Loss  Loss  `json:"loss"`   // D's loss
	GLoss GLoss `json:"g_loss"` // G's loss; GLossMinimax needs LossBCE
	// RealLabel is D's target for real data under BCE and least squares;
	// below 1 it is one-sided label smoothing (Salimans et al. 2016,
	// §3.4: the real label lowered, to 0.9 in the paper, the generated
	// one left at 0, which smoothing would reward G for where data is
	// absent).
	RealLabel float64 `json:"real_label"`
	// DClip clips every parameter of D to [−DClip, DClip] after each of
	// D's updates, the Wasserstein GAN's weight clipping (Arjovsky et al.
	// 2017, Algorithm 1, c = 0.01); 0 turns it off.
	DClip float64 `json:"d_clip"`
	// GP weighs WGAN-GP's gradient penalty λ·E[(‖∇D(x̂)‖ − 1)²] on random
	// interpolates x̂ of real and generated rows (Gulrajani et al. 2017,
	// λ = 10); R1 weighs the R1 penalty (γ/2)·E‖∇D(x)‖² on real rows
	// (Mescheder et al. 2018). Each is added to D's loss at every D update
	// (see Penalty); 0 turns it off.
	GP float64 `json:"gp"`
	R1 float64 `json:"r1"`

	DOpt      OptimizerKind `json:"d_opt"`
	DLR       float64       `json:"d_lr"`
	DBeta1    float64       `json:"d_beta1"`
	DBeta2    float64       `json:"d_beta2"`
	DMomentum float64       `json:"d_momentum"`
	DAlpha    float64       `json:"d_alpha"` // RMSprop's decay α
	GOpt      OptimizerKind `json:"g_opt"`
	GLR       float64       `json:"g_lr"`
	GBeta1    float64       `json:"g_beta1"`
	GBeta2    float64       `json:"g_beta2"`
	GMomentum float64       `json:"g_momentum"`
	GAlpha    float64       `json:"g_alpha"`
	Eps       float64       `json:"eps"` // Adam's and RMSprop's ε for both players

	// DHistAvg and GHistAvg weigh historical averaging (Salimans et al.
	// 2016, §3.3): each player's cost gains λ‖θ − θ̄‖², θ̄ the mean of its
	// past parameters; 0 turns it off.
	DHistAvg float64 `json:"d_hist_avg"`
	GHistAvg float64 `json:"g_hist_avg"`
	// GEMA is the decay β of the exponential moving average of G's
	// weights that the run samples from (Yazıcı et al. 2019; see
	// GAN.Sample): training is unchanged, what is shown and measured is
	// the averaged generator; 0 turns it off.
	GEMA float64 `json:"g_ema"`

	DSteps int `json:"d_steps"` // discriminator updates per epoch
	GSteps int `json:"g_steps"` // generator updates per epoch
	// DWarmupSteps, when not 0, are D's updates in the epochs of its
	// warm-up, in place of DSteps: the first DWarmupEpochs epochs of a
	// run and, when DWarmupEvery is not 0, every epoch whose count of
	// epochs before it is a multiple of DWarmupEvery (see DStepsAt). It is
	// the schedule of the Wasserstein GAN authors' code
	// (martinarjovsky/WassersteinGAN, main.py, lines 176-179: "if
	// gen_iterations < 25 or gen_iterations % 500 == 0: Diters = 100"),
	// which trains the critic near its optimum before G's first updates
	// and again now and then, as a critic's loss must be to estimate W1
	// (Arjovsky et al. 2017, §3). Their count is of G's updates, an
	// epoch's here: the same with g_steps 1. 0 turns it off, and leaves
	// the other two unused: a checkpoint or preset file written before
	// the keys existed has none, and trains as it did.
	DWarmupSteps  int `json:"d_warmup_steps"`
	DWarmupEpochs int `json:"d_warmup_epochs"`
	DWarmupEvery  int `json:"d_warmup_every"`
	// Unroll is the number of D updates each of G's updates looks ahead
	// (the unrolled GAN of Metz et al. 2017; see StepG); 0 turns it off.
	Unroll int `json:"unroll"`
	// UnrollSecondOrder makes G's gradient through the unrolled D the
	// paper's surrogate gradient (Metz et al. 2017, §2.4, eq. 12), which
	// also backpropagates through D's k updates; false is the first-order
	// version, which holds the unrolled D fixed. It needs unroll > 0 and
	// a discriminator of dense layers (d_input raw, no minibatch
	// discrimination) without a gradient penalty, weight clipping or
	// feature matching.
	UnrollSecondOrder bool `json:"unroll_second_order"`

	Epochs int `json:"epochs"` // planned length of a run

	// points are a points(FILE.csv) Target's data, read once, when
	// Validate first read the file (or taken from a checkpoint, which
	// holds them), and carried by every copy of the Config: a run made of
	// it (New) trains on the points that were checked, and the file is
	// read once however many runs, checks and sweep cells are made of one
	// design. They stand for the Target whose path they hold, and for
	// none once it names another (target).
	points *Points
}

// Limits on the fields a user may retune; they keep a run finite and a
// network small enough to stay interactive. Validate, GAN.SetLR and
// GAN.SetSteps enforce them and their messages quote them.
const (
	// MaxLR is the largest learning rate; the range is (0, MaxLR].
	MaxLR = 10.0
	// MaxSteps is the most updates a player makes per epoch; the range
	// is 1..MaxSteps.
	MaxSteps = 100
	// MaxEpochs is the longest run: a plan, and the epoch a run may reach
	// (a billion epochs is over five hours at the fastest rate ganui
	// trains). Every checkpoint ganui writes stays within it, and one
	// that claims more is refused.
	MaxEpochs = 1_000_000_000
	// MaxUpdates bounds Adam's step count (and the counts of updates a
	// checkpoint's averages hold): float64, in which Adam raises β to it,
	// counts exactly up to 2⁵³. Far more than MaxEpochs ×
	// MaxSteps, it is reached by no run; a checkpoint that claims more is
	// refused.
	MaxUpdates = 1 << 53
	// MinEps is the smallest ε of Adam and RMSprop, whose second moments
	// are flushed to zero below 2⁻¹²⁶ (see Adam): √v < 2⁻⁶³ is then lost
	// from the denominator √v + ε, which against an ε of at least 1e-12
	// is about float32's resolution. With ε = 1e-30 a gradient of 1e-20,
	// whose v is denormal, moved a weight 10⁸ times as far as PyTorch.
	MinEps = 1e-12
	// DefaultEps is PyTorch's ε for Adam and RMSprop, which every preset
	// keeps: the outline names ε only where a design has another.
	DefaultEps = 1e-8
	MaxWidth   = 4096
	MaxBatch   = 100000
	MaxLayers  = 16
	// MaxNetValues bounds the weights plus activations of one network
	// (about 4 bytes × 4 per value with gradients and optimizer state).
	MaxNetValues = 1 << 24

	// Minibatch discrimination compares every pair of D's rows, so its
	// cost and memory grow with rows² × kernels.
	MaxMBDKernels = 128
	MaxMBDDim     = 64
	MaxMBDRows    = 512

	// MaxUnroll is the most D updates G may unroll; each costs a D step,
	// so unroll k makes a G step k+1 times as dear.
	MaxUnroll = 20
	// MaxHistAvg is the largest weight of historical averaging.
	MaxHistAvg = 1000
	// MaxPenalty is the largest weight of a gradient penalty (gp, r1).
	MaxPenalty = 1000
	// MaxClip is the largest bound of D's weight clipping.
	MaxClip = 1000
)

// maxLine is the longest name, description or source, in bytes.
const maxLine = 1000

// checkLine refuses a name, description or source that is not one line
// of text, saying what is wrong with it: the first byte that is not
// UTF-8, the first control character (a newline, the ESC of a terminal
// escape) or bidirectional formatting character (U+202E RIGHT-TO-LEFT
// OVERRIDE, ...), which it names, or its length: the characters
// visible.String escapes (visible.Hidden), as the screen and --show-preset
// show these texts as they are, so that --set name=<ESC> is not left to
// be puzzled out from "must be one line of UTF-8 text". A bidirectional
// character, taken, would reorder what the terminal shows after it, so
// that a name could read as another ("Trojan Source").
func checkLine(s string) error {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return fmt.Errorf("not UTF-8 text (byte %#x)", s[i])
		case unicode.IsControl(r):
			return fmt.Errorf("holds the control character %U (%s); it must be one line of text", r, strconv.QuoteRune(r))
		case visible.Hidden(r):
			return fmt.Errorf("holds the bidirectional formatting character %U (%s), which reorders the text a terminal shows after it; write the text without it", r, strconv.QuoteRune(r))
		}
		i += n
	}
	if len(s) > maxLine {
		return fmt.Errorf("%s bytes long, more than %s", numtext.FormatInt(len(s)), numtext.FormatInt(maxLine))
	}
	return nil
}

// target parses c's Target spec: a Target for one dimension, a Plane for
// two (parseAny). A points target's file is read unless c holds its
// points (Config.points), which it then does.
func (c *Config) target() (Target, Plane, error) {
	if path, ok := PointsFile(c.Target); ok && c.points != nil && c.points.Path == path {
		return nil, *c.points, nil
	}
	t, p, err := parseAny(c.Target)
	if points, ok := p.(Points); ok {
		c.points = &points
	}
	return t, p, err
}

// Plane returns c's two-dimensional target, nil for a one-dimensional
// one: a points target's points as c holds them once read (Validate),
// so that what is said of the target is said of the points trained on,
// and the file is not read again.
func (c Config) Plane() (Plane, error) {
	_, p, err := c.target()
	return p, err
}

// Penalized tells whether D's loss has a gradient penalty, GP or R1,
// whose value each epoch reports apart from D's losses
// (EpochStats.Penalty).
func (c Config) Penalized() bool { return c.GP > 0 || c.R1 > 0 }

// Clone returns a copy of c that shares no slices with it but the points
// it holds (Config.points), which nothing changes.
func (c Config) Clone() Config {
	c.GHidden = append([]int(nil), c.GHidden...)
	c.GActs = append([]Activation(nil), c.GActs...)
	c.DHidden = append([]int(nil), c.DHidden...)
	c.DActs = append([]Activation(nil), c.DActs...)
	return c
}

// Validate reports the first field that is out of range, naming it and what
// is allowed. A fraction is written back in the digits a user types it in
// (numtext.Given): gp=1,000,000 and gp=1000000 are "gp: 1000000 out of
// range: 0 (off) or (0,1000]", where they read 1e6.
func (c *Config) Validate() error { return c.validate(true) }

// ValidateUnread is Validate without a points(FILE.csv) target's file:
// the spec is neither judged nor read, so that a file's kind is told
// (presets.IsPresetData) without reading the points it names, which may
// be missing or tens of megabytes. Every other field is checked as
// Validate checks it.
func (c *Config) ValidateUnread() error { return c.validate(false) }

// A KeyError is an error of Validate about the values of Keys: one key,
// or keys together, a pair whose values conflict (gp and r1). Its text,
// Err's, names them first too, for the person who reads it ("batch: …",
// `target "normal(1": …`, "g_beta1, g_beta2: …"); a program finds them
// in Keys, whatever the text says and whatever wraps it (FaultKeys).
type KeyError struct {
	Keys []string
	Err  error
}

func (e *KeyError) Error() string { return e.Err.Error() }
func (e *KeyError) Unwrap() error { return e.Err }

// FaultKeys returns the keys an error of Validate is about, those of the
// KeyError in err's chain, or nil for an error about no key. A preset
// file finds the line at fault by them, and a sweep whether the error is
// of a key it sweeps, whose value the error then says. Read from the
// start of the error's text, they would break with a change of its
// words or a wrapping error's.
func FaultKeys(err error) []string {
	var k *KeyError
	if errors.As(err, &k) {
		return k.Keys
	}
	return nil
}

// validate is Validate, reading the target spec's data (a points target's
// file, when c does not hold its points already) only when readTarget is
// set: a range's probe (rangeOf) reads no file.
func (c *Config) validate(readTarget bool) error {
	for _, f := range []struct{ key, v string }{{"name", c.Name}, {"description", c.Description}, {"source", c.Source}} {
		if err := checkLine(f.v); err != nil {
			return faultf(f.key, "%w", err)
		}
	}
	if strings.TrimSpace(c.Name) == "" {
		return faultf("name", "must not be empty")
	}
	if _, isPoints := PointsFile(c.Target); readTarget || !isPoints {
		if _, _, err := c.target(); err != nil {
			return &KeyError{Keys: []string{"target"}, Err: err} // its text names the target: `target "normal(1": …`
		}
	}
	dim := c.Dim()
	dRows := 0 // discriminator rows per batch, once d_in is known to be valid
	if c.DIn >= 1 {
		dRows = c.Batch / c.DIn
	}
	for _, err := range []error{
		check(c.Batch >= 1 && c.Batch <= MaxBatch, "batch", "%s out of range %s", numtext.FormatInt(c.Batch), numtext.Range(1, MaxBatch)),
		checkChoice("noise", c.Noise),
		check(c.NoiseDim >= 1 && c.NoiseDim <= MaxWidth, "noise_dim", "%s out of range %s", numtext.FormatInt(c.NoiseDim), numtext.Range(1, MaxWidth)),
		checkDivisors(c.Batch, []string{"g_out", "d_in"}, []int{c.GOut, c.DIn}),
		checkChoice("d_input", c.DInput),
		check(c.DInput == DInputRaw || c.DIn >= 2, "d_in", "d_input %s needs at least 2 samples per row, got %d", c.DInput, c.DIn),
		check(c.DInput == DInputRaw || dim == 1, "d_input", "%s reads one-dimensional samples; a two-dimensional target needs %s", c.DInput, DInputRaw),
		check(c.MBDKernels >= 0 && c.MBDKernels <= MaxMBDKernels, "mbd_kernels", "%s out of range %s (0: no minibatch discrimination)", numtext.FormatInt(c.MBDKernels), numtext.Range(0, MaxMBDKernels)),
		checkMBDDim(c.MBDDim, c.MBDKernels),
		check(c.MBDKernels == 0 || dRows >= 2 && dRows <= MaxMBDRows, "mbd_kernels", "minibatch discrimination needs %s discriminator rows (batch/d_in), got %s", numtext.Range(2, MaxMBDRows), numtext.FormatInt(dRows)),
		check(positive32(c.LeakySlope) && float32(c.LeakySlope) < 1, "leaky_slope", "%s out of range (0,1)", numtext.Given(c.LeakySlope)),
		checkChoice("loss", c.Loss),
		checkChoice("g_loss", c.GLoss),
		check(c.Loss == LossBCE || c.GLoss != GLossMinimax, "g_loss", "%s needs loss %s", GLossMinimax, LossBCE),
		check(c.GLoss != GLossFeatureMatching || len(c.DHidden) > 0, "g_loss", "%s needs a hidden layer in D (d_hidden) whose features G matches", GLossFeatureMatching),
		check(positive32(c.RealLabel) && c.RealLabel <= 1, "real_label", "%s out of range (0,1]", numtext.Given(c.RealLabel)),
		check(!c.Loss.Unbounded() || c.RealLabel == 1, "real_label", "loss %s has no labels to smooth; want 1, got %s", c.Loss, numtext.Given(c.RealLabel)),
		checkOptional("d_clip", c.DClip, MaxClip),
		checkOptional("gp", c.GP, MaxPenalty),
		checkOptional("r1", c.R1, MaxPenalty),
		checkKeys(c.GP == 0 || c.R1 == 0, []string{"gp", "r1"}, "%s and %s: choose one gradient penalty", numtext.Given(c.GP), numtext.Given(c.R1)),
		checkKeys(c.GP == 0 && c.R1 == 0 || c.MBDKernels == 0 && c.DInput == DInputRaw,
			[]string{"gp", "r1"}, "a gradient penalty needs a discriminator of dense layers only (no minibatch discrimination, d_input %s)", DInputRaw),
		checkChoice("d_opt", c.DOpt),
		checkChoice("g_opt", c.GOpt),
		checkLR("d_lr", c.DLR),
		checkLR("g_lr", c.GLR),
		checkKeys(validBeta(c.DBeta1) && validBeta(c.DBeta2), []string{"d_beta1", "d_beta2"}, "%s, %s out of range [0,1)", numtext.Given(c.DBeta1), numtext.Given(c.DBeta2)),
		checkKeys(validBeta(c.GBeta1) && validBeta(c.GBeta2), []string{"g_beta1", "g_beta2"}, "%s, %s out of range [0,1)", numtext.Given(c.GBeta1), numtext.Given(c.GBeta2)),
		check(validBeta(c.DMomentum), "d_momentum", "%s out of range [0,1)", numtext.Given(c.DMomentum)),
		check(validBeta(c.GMomentum), "g_momentum", "%s out of range [0,1)", numtext.Given(c.GMomentum)),
		checkAlpha("d_alpha", c.DAlpha, c.DOpt),
		checkAlpha("g_alpha", c.GAlpha, c.GOpt),
		checkOptional("d_hist_avg", c.DHistAvg, MaxHistAvg),
		checkOptional("g_hist_avg", c.GHistAvg, MaxHistAvg),
		check(c.GEMA == 0 || c.GEMA > 0 && float32(c.GEMA) < 1, "g_ema", "%s out of range: 0 (off) or (0,1)", numtext.Given(c.GEMA)),
		check(c.Eps >= MinEps && float32(c.Eps) < 1, "eps", "%s out of range [%s,1)", numtext.Given(c.Eps), numtext.FormatFloat(MinEps)),
		checkSteps("d_steps", c.DSteps),
		checkSteps("g_steps", c.GSteps),
		check(c.DWarmupSteps >= 0 && c.DWarmupSteps <= MaxSteps, "d_warmup_steps", "%s out of range: 0 (off) or %s", numtext.FormatInt(c.DWarmupSteps), numtext.Range(1, MaxSteps)),
		check(c.DWarmupEpochs >= 0 && c.DWarmupEpochs <= MaxEpochs, "d_warmup_epochs", "%s out of range %s", numtext.FormatInt(c.DWarmupEpochs), numtext.Range(0, MaxEpochs)),
		check(c.DWarmupEvery >= 0 && c.DWarmupEvery <= MaxEpochs, "d_warmup_every", "%s out of range: 0 (off) or %s", numtext.FormatInt(c.DWarmupEvery), numtext.Range(1, MaxEpochs)),
		check(c.DWarmupSteps == 0 || c.DWarmupEpochs > 0 || c.DWarmupEvery > 0,
			"d_warmup_steps", "%s in no epoch: give d_warmup_epochs (the first epochs) or d_warmup_every (every k-th), or 0 to turn the warm-up off", numtext.Count(c.DWarmupSteps, "step")),
		check(c.Unroll >= 0 && c.Unroll <= MaxUnroll, "unroll", "%s out of range %s (0: G does not unroll D)", numtext.FormatInt(c.Unroll), numtext.Range(0, MaxUnroll)),
		check(!c.UnrollSecondOrder || c.Unroll > 0, "unroll_second_order", "needs unroll > 0, got %d", c.Unroll),
		check(!c.UnrollSecondOrder || c.MBDKernels == 0 && c.DInput == DInputRaw,
			"unroll_second_order", "the second-order term needs a discriminator of dense layers only (no minibatch discrimination, d_input %s)", DInputRaw),
		check(!c.UnrollSecondOrder || c.GP == 0 && c.R1 == 0,
			"unroll_second_order", "not with a gradient penalty (gp, r1): its term would need third derivatives of D"),
		check(!c.UnrollSecondOrder || c.DClip == 0, "unroll_second_order", "not with weight clipping (d_clip)"),
		check(!c.UnrollSecondOrder || c.GLoss != GLossFeatureMatching, "unroll_second_order", "not with g_loss %s", GLossFeatureMatching),
		CheckEpochs("epochs", c.Epochs),
	} {
		if err != nil {
			return err
		}
	}
	for _, f := range configFields { // within its range, a number may still be too near 0 for float32
		if f.kind.Kind() == reflect.Float64 && !f.name {
			if err := checkNormal32(f.key, reflect.ValueOf(c).Elem().Field(f.index).Float()); err != nil {
				return err
			}
		}
	}
	if err := validNet("g", c.GHidden, c.GActs); err != nil {
		return err
	}
	if err := validNet("d", c.DHidden, c.DActs); err != nil {
		return err
	}
	if out := c.DActs[len(c.DActs)-1]; c.Loss == LossBCE && out != Sigmoid {
		return faultf("d_acts", "loss %s needs D's output activation (the last of d_acts) to be %s, got %s", LossBCE, Sigmoid, out)
	} else if c.Loss.Unbounded() && out != Identity {
		return faultf("d_acts", "loss %s needs D's output activation (the last of d_acts) to be %s (a critic's unbounded score), got %s", c.Loss, Identity, out)
	}
	g, d := c.netValues()
	if g > MaxNetValues {
		return faultf("g_hidden", "the generator would hold %s weights and activations (batch/g_out rows × widths), more than the %s a network may hold (%s of memory)%s", numtext.FormatInt(g), numtext.FormatInt(MaxNetValues), netMemory, c.netFits())
	}
	if d > MaxNetValues {
		return faultf("d_hidden", "the discriminator would hold %s weights and activations (batch/d_in rows × widths), more than the %s a network may hold (%s of memory)%s", numtext.FormatInt(d), numtext.FormatInt(MaxNetValues), netMemory, c.netFits())
	}
	return nil
}

// netFits is what Validate's refusal of a network past MaxNetValues
// says to give instead, after a "; ": the largest batch at which both
// networks of c's widths fit, a multiple of g_out and d_in (of two D
// rows at least for minibatch discrimination), "; a batch of at most 32,768
// fits these widths, or give narrower layers"; or, where none does,
// narrower or fewer layers, with the weights alone where they are past
// the bound. The bound's number alone told a user who gave --set
// batch=100000 to a design of 256-wide layers nothing of what fits.
func (c Config) netFits() string {
	step := batchMultiple([]int{c.GOut, c.DIn})
	at := func(batch int) (g, d int) {
		b := c
		b.Batch = batch
		return b.netValues()
	}
	g0, d0 := at(0)
	if step > 0 {
		g1, d1 := at(step)
		k := min((MaxNetValues-g0)/max(1, g1-g0), (MaxNetValues-d0)/max(1, d1-d0))
		if best := k * step; g0 <= MaxNetValues && d0 <= MaxNetValues && best >= step && best < c.Batch && (c.MBDKernels == 0 || best/c.DIn >= 2) {
			return fmt.Sprintf("; a batch of at most %s fits these widths, or give narrower layers", numtext.FormatInt(best))
		}
	}
	if w := max(g0, d0); w > MaxNetValues {
		return fmt.Sprintf("; its weights alone are %s: give narrower or fewer layers", numtext.FormatInt(w))
	}
	return "; give narrower or fewer layers"
}

// netValues counts the weights and activations of G and D, as Validate
// bounds them; c's sizes must be valid up to the networks' own.
func (c Config) netValues() (g, d int) {
	dim, dRows := c.Dim(), c.Batch/c.DIn
	return netSize(c.NoiseDim, c.GHidden, c.GOut*dim, c.Batch/c.GOut),
		netSize(c.DFeatures(), c.DHidden, 1, dRows) + c.DIn*dim*dRows
}

// denseWeights counts the weights of G's and D's dense layers, biases
// aside: fewer than their parameters, which a checkpoint holds (and
// minibatch discrimination adds to); c's sizes must be valid.
func (c Config) denseWeights() int {
	return netSize(c.NoiseDim, c.GHidden, c.GOut*c.Dim(), 0) + netSize(c.DFeatures(), c.DHidden, 1, 0)
}

// Footprint estimates the memory a run of the valid design c takes, in
// bytes: about 25 a weight or activation of its networks (the value, its
// gradient, Adam's two moments, the batch products' transposed weights),
// plus 16 MB for the program around it. Measured as the largest resident
// size of ganui --headless --preset vanilla at widths 1,000 to 3,000
// (67, 217 and 458 MB; bench/README.md). It lets --jobs keep several runs
// of a wide design within the memory there is.
func (c Config) Footprint() int64 {
	g, d := c.netValues()
	return valueBytes*int64(g+d) + 16<<20
}

// valueBytes is Footprint's bytes a weight or activation takes.
const valueBytes = 25

// netMemory is the memory a network at MaxNetValues takes by Footprint's
// measure, which Validate's refusal of a larger one gives as the bound's
// reason: "about 419 MB".
var netMemory = fmt.Sprintf("about %d MB", valueBytes*MaxNetValues/1000000)

// Dim is the dimension of one sample: 2 for a two-dimensional target
// (see TargetDim), else 1. G emits GOut samples of Dim values per row and
// D reads DIn of them, so a design with DIn > 1 packs DIn samples into one
// row of D (PacGAN's packing, Lin et al. 2018).
func (c *Config) Dim() int { return TargetDim(c.Target) }

// Packs tells whether D reads the samples of several noise draws, each
// of which G turns into one sample (PacGAN's packing, bimodal-pacgan),
// rather than a row G emits whole (blog-original's row of 100).
func (c *Config) Packs() bool { return c.GOut == 1 && c.DIn > 1 }

// ScoresSamples tells whether D judges single samples, so that its score
// is a function D(x) of one sample x. D designs that read whole rows (raw
// rows of several samples, packs, diffs, moments) score a row instead.
func (c *Config) ScoresSamples() bool { return c.DIn == 1 && c.DInput == DInputRaw }

// DFeatures returns the width of one discriminator row as D's first dense
// layer sees it, after the input transform DInput.
func (c *Config) DFeatures() int {
	switch c.DInput {
	case DInputDiffs, DInputDiffsDetached:
		return 2 * c.DIn
	case DInputMoments:
		return 4
	}
	return c.DIn * c.Dim()
}

// netSize counts the weights and the activations of rows rows of a
// dense stack in → hidden… → out, the memory a network takes.
func netSize(in int, hidden []int, out, rows int) int {
	widths := append(append([]int{in}, hidden...), out)
	n := 0
	for i, w := range widths {
		n += rows * w
		if i > 0 {
			n += widths[i-1] * w
		}
	}
	return n
}

func validNet(p string, hidden []int, acts []Activation) error {
	if len(hidden) > MaxLayers {
		return faultf(p+"_hidden", "at most %s layers", numtext.FormatInt(MaxLayers))
	}
	for _, h := range hidden {
		if h < 1 || h > MaxWidth {
			return faultf(p+"_hidden", "width %s out of range %s", numtext.FormatInt(h), numtext.Range(1, MaxWidth))
		}
	}
	if len(acts) != len(hidden)+1 {
		return faultf(p+"_acts", "need %s (one per hidden layer of %s_hidden and one for the output), got %s", numtext.Count(len(hidden)+1, "activation"), p, numtext.FormatInt(len(acts)))
	}
	for _, a := range acts {
		if err := checkChoice(p+"_acts", a); err != nil {
			return err
		}
	}
	return nil
}

// checkDivisors reports the fields keys, of values ns, that do not
// divide batch, all in one line (divisorOfBatch), each value named once:
// blog-original's g_out and d_in, both 100, under --sweep batch=8,16 are
// told of together, not d_in only once g_out is fixed, and so are g_out
// and d_in of different values, "g_out, d_in: 100, 3 out of range: …".
// The batch offered is a multiple of the fields that divide batch now
// too, each that changes it named (as g_out 100 needs too): a batch
// offered to blog-original's d_in of 3 as a multiple of 3 alone could be
// one g_out's 100 refuses.
func checkDivisors(batch int, keys []string, ns []int) error {
	var at []string
	var values []int
	for i, n := range ns {
		if n >= 1 && batch%n == 0 {
			continue
		}
		at = append(at, keys[i])
		if !slices.Contains(values, n) {
			values = append(values, n)
		}
	}
	if len(at) == 0 {
		return nil
	}
	multiple := batchMultiple(values)
	var also []string
	for i, n := range ns {
		if multiple != 0 && n >= 1 && batch%n == 0 && multiple%n != 0 {
			multiple = batchMultiple([]int{multiple, n})
			also = append(also, keys[i]+" "+numtext.FormatInt(n))
		}
	}
	if multiple == 0 {
		also = nil // no batch is a multiple of them all
	}
	return keysf(at, "%s", divisorOfBatch(values, batch, multiple, also))
}

// divisorOfBatch is Validate's refusal of ns, the values of fields that
// must divide batch (g_out, d_in) and do not: out of range, a divisor of
// batch, and the ways to one: the divisors when there are few of them to
// list, and a batch that is a multiple of them (and of the fields also,
// which it names), unless multiple is 0: no batch is (batchMultiple).
// --sweep batch=8,16 on blog-original, whose g_out and d_in are its
// batch of 100, is told what to give as well as what failed, "g_out:
// 100 out of range: a divisor of batch 8".
func divisorOfBatch(ns []int, batch, multiple int, also []string) string {
	values := make([]string, len(ns))
	for i, n := range ns {
		values[i] = numtext.FormatInt(n)
	}
	msg := strings.Join(values, ", ") + " out of range: a divisor of batch " + numtext.FormatInt(batch)
	var divisors []string
	for d := 1; d <= batch && len(divisors) <= maxListedDivisors; d++ {
		if batch%d == 0 {
			divisors = append(divisors, numtext.FormatInt(d))
		}
	}
	if n := len(divisors); n >= 2 && n <= maxListedDivisors {
		msg += " (" + numtext.List(divisors, "or") + ")"
	}
	if multiple != 0 {
		msg += ", or batch a multiple of " + numtext.FormatInt(multiple)
	}
	if len(also) > 0 {
		needs := "needs"
		if len(also) > 1 { // two fields and more: none through Validate, whose g_out or d_in is one of ns
			needs = "need"
		}
		msg += ", as " + numtext.List(also, "and") + " " + needs + " too"
	}
	return msg
}

// batchMultiple is the least common multiple of ns, or 0 when it can be
// no batch: a value is below 1 (rangeOf's probe of −1), or the multiple
// is past MaxBatch.
func batchMultiple(ns []int) int {
	m := int64(1)
	for _, n := range ns {
		if n < 1 || n > MaxBatch {
			return 0
		}
		a, b := m, int64(n)
		for b != 0 { // a becomes the greatest common divisor
			a, b = b, a%b
		}
		if m = m / a * int64(n); m > MaxBatch {
			return 0
		}
	}
	return int(m)
}

// maxListedDivisors is the most divisors of a batch an error lists (100
// has 9; 100,000 has 36, too many to read on a line).
const maxListedDivisors = 12

// check returns nil if ok, else the error about key that format and a
// describe (faultf).
func check(ok bool, key, format string, a ...any) error {
	return checkKeys(ok, []string{key}, format, a...)
}

// checkKeys is check for an error about keys together: a pair whose
// values conflict (gp and r1), or are out of range together (a player's
// Adam betas).
func checkKeys(ok bool, keys []string, format string, a ...any) error {
	if ok {
		return nil
	}
	return keysf(keys, format, a...)
}

// faultf returns the error about the value of key that format and a
// describe, after the key: "batch: 0 out of range 1..100,000".
func faultf(key, format string, a ...any) error { return keysf([]string{key}, format, a...) }

// keysf is faultf for an error about keys together, after them all:
// "g_beta1, g_beta2: 1, 0.999 out of range [0,1)".
func keysf(keys []string, format string, a ...any) error {
	return &KeyError{Keys: keys, Err: fmt.Errorf("%s: %w", strings.Join(keys, ", "), fmt.Errorf(format, a...))}
}

// checkChoice reports a choice that is unset or no value of its type.
func checkChoice[T interface {
	~uint8
	String() string
	choice
}](key string, v T) error {
	if validChoice(v.names(), v) {
		return nil
	}
	return faultf(key, "%w", notOneOf(v.String(), v.names()))
}

// checkLR reports a learning rate outside (0, MaxLR], or one too near 0
// for float32 (checkNormal32).
func checkLR(key string, lr float64) error {
	if err := check(positive32(lr) && lr <= MaxLR, key, "%s out of range (0,%s]", numtext.Given(lr), numtext.FormatFloat(MaxLR)); err != nil {
		return err
	}
	return checkNormal32(key, lr)
}

// CheckEpochs reports a number of epochs outside 1..MaxEpochs, naming it
// key: the one check of a plan, wherever it is given.
func CheckEpochs(key string, n int) error {
	return check(n >= 1 && n <= MaxEpochs, key, "%s out of range %s", numtext.FormatInt(n), numtext.Range(1, MaxEpochs))
}

// checkOptional reports a weight of an optional technique that is
// neither 0 (off) nor a positive float32 up to max.
func checkOptional(key string, v, max float64) error {
	return check(v == 0 || positive32(v) && v <= max, key, "%s out of range: 0 (off) or (0,%s]", numtext.Given(v), numtext.FormatFloat(max))
}

// checkAlpha reports an RMSprop decay outside [0,1), or one of 0 for a
// player RMSprop drives: PyTorch accepts α = 0, but here it would be a
// field a preset file forgot (the JSON zero value), not a choice.
func checkAlpha(key string, alpha float64, kind OptimizerKind) error {
	if kind == OptimizerRMSprop && alpha == 0 {
		return faultf(key, "0 out of range (0,1) for %s (PyTorch's default is 0.99)", OptimizerRMSprop)
	}
	return check(validBeta(alpha), key, "%s out of range [0,1)", numtext.Given(alpha))
}

// DStepsAt returns D's updates in the epoch that follows epoch epochs,
// and whether that epoch is one of D's warm-up (see DWarmupSteps): the
// warm-up's steps in the first DWarmupEpochs epochs and in every one
// that follows a multiple of DWarmupEvery epochs, epoch 0 included, as
// the authors' gen_iterations < 25 or gen_iterations % 500 == 0; else
// DSteps.
func (c *Config) DStepsAt(epoch int) (steps int, warmup bool) {
	if c.DWarmupSteps > 0 && (epoch < c.DWarmupEpochs || c.DWarmupEvery > 0 && epoch%c.DWarmupEvery == 0) {
		return c.DWarmupSteps, true
	}
	return c.DSteps, false
}

// AfterWarmup returns the first epoch from the one that follows epoch
// epochs on that is none of D's warm-up (DStepsAt), counted as epoch is,
// and false when there is none: every epoch is one (d_warmup_every 1).
func (c *Config) AfterWarmup(epoch int) (int, bool) {
	e := epoch
	if c.DWarmupSteps > 0 {
		e = max(e, c.DWarmupEpochs)
		if k := c.DWarmupEvery; k > 0 && e%k == 0 {
			if k == 1 {
				return 0, false
			}
			e++
		}
	}
	return e, true
}

// WarmupEpochs lists the epochs of D's warm-up as the screen counts
// them, from 1, after their noun: "epochs 1–25, 501, 1,001, …" for the
// Wasserstein GAN authors' first 25 and every 500th (see DStepsAt), and
// "epoch 1" for one epoch alone, not "epochs 1".
func (c *Config) WarmupEpochs() string {
	var parts []string
	switch c.DWarmupEpochs {
	case 0:
	case 1:
		parts = append(parts, "1")
	default:
		parts = append(parts, "1–"+numtext.FormatInt(c.DWarmupEpochs))
	}
	if k := c.DWarmupEvery; k > 0 {
		next := (c.DWarmupEpochs + k - 1) / k * k // the first multiple of k the first epochs leave out
		for i := range 3 {
			switch e := next + i*k; {
			case e >= MaxEpochs: // no run reaches it
			case i == 2:
				parts = append(parts, "…")
			default:
				parts = append(parts, numtext.FormatInt(e+1))
			}
		}
	}
	if len(parts) == 1 && !strings.Contains(parts[0], "–") {
		return "epoch " + parts[0]
	}
	return "epochs " + strings.Join(parts, ", ")
}

// checkMBDDim reports a minibatch-discrimination dimension outside
// 1..MaxMBDDim with kernels, or outside 0..MaxMBDDim without, where it is
// unused (the presets hold 0 there): without kernels any integer taken
// would name -1 as the design's difference from its preset, and refuse a
// number no int holds (mbd_dim=1e400) with no range.
func checkMBDDim(dim, kernels int) error {
	if kernels == 0 {
		return check(dim >= 0 && dim <= MaxMBDDim, "mbd_dim", "%s out of range %s (unused without mbd_kernels)", numtext.FormatInt(dim), numtext.Range(0, MaxMBDDim))
	}
	return check(dim >= 1 && dim <= MaxMBDDim, "mbd_dim", "%s out of range %s", numtext.FormatInt(dim), numtext.Range(1, MaxMBDDim))
}

// checkSteps reports a per-epoch update count outside 1..MaxSteps.
func checkSteps(key string, n int) error {
	return check(n >= 1 && n <= MaxSteps, key, "%s out of range %s", numtext.FormatInt(n), numtext.Range(1, MaxSteps))
}

// validBeta reports a decay rate in [0,1) as the engine uses it, in
// float32: 0.999999999 rounds to 1 there, and is refused.
func validBeta(b float64) bool { return b >= 0 && float32(b) < 1 }

// positive32 reports whether v is positive and finite as the float32 the
// engine computes with. One too near 0 for float32 is left to
// checkNormal32, which says so, where the range alone would say 1e-46 is
// "out of range (0,10]".
func positive32(v float64) bool { return v > 0 && float32(v) <= math.MaxFloat32 }

// smallestNormal32 is float32's smallest normal number, 2⁻¹²⁶: the least
// magnitude a setting other than 0 may have.
const smallestNormal32 = 0x1p-126

// checkNormal32 refuses v, the value of the number field key, when it is
// not 0 but the float32 the engine computes with holds it as 0 or as a
// denormal, in fewer digits than it has: taken, g_ema=1e-46 would turn
// the average on with a β of 0, and d_beta1=1e-40 be a β of
// 9.99995e-41, without a word. The message gives the least value taken above 0, in
// five digits (1.1755e-38), which is itself taken. A negative v is left to
// the field's range, which allows none in any field.
func checkNormal32(key string, v float64) error {
	if held, ok := held32(v); ok {
		return nearZero32(key, numtext.FormatFloat(v), held)
	}
	return nil
}

// held32 is how float32 holds v, "as 0" or "as a denormal", when v is
// positive and float32 holds it so (ok); else ok is false.
func held32(v float64) (held string, ok bool) {
	f := float32(v)
	if v <= 0 || f >= smallestNormal32 || math.IsNaN(v) {
		return "", false
	}
	if f != 0 {
		return "as a denormal", true
	}
	return "as 0", true
}

// nearZero32 is checkNormal32's error for the field key's value, written
// as value, which float32 holds as held ("as 0", "as a denormal"): the
// one wording of "too near 0", a float64's 0 (1e-400, tooNearZero) too.
func nearZero32(key, value, held string) error {
	return faultf(key, "%s", nearZeroWords(value, held))
}

// nearZeroWords is nearZero32's error after the field's name, for a
// target's parameter too (tooNear32).
func nearZeroWords(value, held string) string {
	return fmt.Sprintf("%s is too near 0 for the float32 the engine computes with, which holds it %s; the least it takes above 0 is %s",
		value, held, numtext.Digits(smallestNormal32, 5))
}

// tooNear32 refuses v, a target's parameter what that must be positive
// (a std, a weight, a radius), when the float32 the engine computes with
// holds it as 0 or as a denormal, in checkNormal32's words after the
// parameter's name: normal(0,1e-300), taken, would be a target whose
// samples are all its mean, where --set gp=1e-300 is refused. A v that
// is not positive is left to the kind's own words ("std must be
// positive").
func tooNear32(what string, v float64) error {
	if held, ok := held32(v); ok {
		return errors.New(what + " " + nearZeroWords(numtext.FormatFloat(v), held))
	}
	return nil
}

// minSteps is how many of float32's steps a target's spread must span
// where its samples lie (spreadCheck): rounding a sample to float32
// then moves it by at most half a step, 0.5% of its spread, which
// leaves its histogram, KS and W1 as a continuous target's.
const minSteps = 100

// A spreadCheck refuses a target's spread parameter what that the float32
// the engine computes with would erase or cut into steps: the engine
// draws each sample in float64 and holds it as float32, whose values at
// 1e6 are 0.0625 apart, so that normal(1e6,0.01), taken, would train on
// a target of one or two values while the screen says std 0.01. The rule: spread(v), the spread v gives the samples (v itself
// but for lognormal), must be at least minSteps of float32's steps
// (step32) at reach(v), the largest magnitude the samples reach but for
// 1 in 15,000 of them (4 of the spread's stds beyond the centre; a
// uniform's farther end). at says what reach is where that is not plain
// (lognormal's e^mu), and orElse what else would do (", or a mean
// nearer 0"). It is asked after tooNear32, which refuses a v float32
// holds as 0 or as a denormal, and after boundNums, which refuses a
// number too large for any target. An exponential target needs none:
// its spread, 1/rate, is its scale, as its reach is.
type spreadCheck struct {
	what, spreadName, at, orElse string
	spread, reach                func(v float64) float64
}

// check returns the error for v, nil when v is spread enough; the least
// value taken is said with 3 digits, rounded up.
func (c spreadCheck) check(v float64) error {
	fine := func(v float64) bool { return c.spread(v) >= minSteps*step32(c.reach(v)) }
	if fine(v) {
		return nil
	}
	least := v
	for range 4 { // the reach grows with v: past a power of 2, float32's step doubles
		least *= minSteps * step32(c.reach(least)) / c.spread(least)
		if fine(least) {
			break
		}
	}
	unit := math.Pow(10, math.Floor(math.Log10(least))-2)
	least = math.Ceil(least/unit*(1-1e-12)) * unit
	for i := 0; !fine(least) && i < 10; i++ {
		least += unit
	}
	least, _ = strconv.ParseFloat(strconv.FormatFloat(least, 'g', 3, 64), 64)
	name := c.spreadName
	if name == "" {
		name = c.what
	}
	reach, step := c.reach(v), step32(c.reach(v))
	return fmt.Errorf("%s %s is finer than float32, the engine's numbers, can resolve at %s%s: its values there are %s apart, %s of them to the %s; give %s or more (%d steps)%s",
		c.what, numtext.Digits(v, 5), numtext.Digits(reach, 5), c.at, numtext.Digits(step, 5), numtext.Plainly(c.spread(v)/step, 2), name, numtext.FormatFloat(least), minSteps, c.orElse)
}

// step32 is the gap between float32's value nearest |x| and the next
// one above it: float32's resolution at x.
func step32(x float64) float64 {
	f := float32(math.Abs(x))
	return float64(math.Nextafter32(f, float32(math.Inf(1))) - f)
}

// normalCheck is spreadCheck for a Gaussian spread what about a centre
// at mean: it reaches |mean| + 4 stds.
func normalCheck(what string, mean float64, orElse string) spreadCheck {
	return spreadCheck{what: what, orElse: orElse,
		spread: func(v float64) float64 { return v },
		reach:  func(v float64) float64 { return math.Abs(mean) + 4*v },
	}
}

func finite(v float64) bool   { return !math.IsNaN(v) && !math.IsInf(v, 0) }
func finite32(v float32) bool { return finite(float64(v)) }

// Networks is the outline's G and D lines in short (Outline): each
// network's layers alone, what it takes in and gives out, without its
// activations and what follows them, for a screen with no room for the
// outline: at 70×20 the ? page's design says what G and D are in a line or
// two each, where their full lines leave it none.
func (c *Config) Networks() []string {
	g, d := c.networks()
	return []string{"G  " + g, "D  " + d}
}

// networks is G's and D's layers, from what each takes in to what it
// gives out, as Outline and Networks begin their lines.
func (c *Config) networks() (g, d string) {
	tie := numtext.Together
	chain := func(in string, hidden []int, out string, extra string) string {
		parts := []string{in}
		for _, h := range hidden {
			parts = append(parts, numtext.FormatInt(h))
		}
		if extra != "" {
			parts = append(parts, extra)
		}
		// The last layer goes with the one before it, "10 → 1", so that a
		// wrapped line never ends on "→ 1" alone.
		last := len(parts) - 1
		parts[last] = tie(parts[last] + " → " + out)
		return strings.Join(parts, " → ")
	}
	gOut := numtext.FormatInt(c.GOut)
	if c.Dim() == 2 {
		gOut = numtext.FormatInt(c.GOut) + "×(x,y)"
	}
	g = chain(tie(numtext.FormatInt(c.NoiseDim)+" "+c.Noise.String()+" noise"), c.GHidden, gOut, "")
	var in string
	switch {
	case c.DInput == DInputDiffs:
		in = tie(numtext.FormatInt(c.DIn)+" samples") + " + squared deviations"
	case c.DInput == DInputDiffsDetached:
		in = tie(numtext.FormatInt(c.DIn)+" samples") + " + squared deviations (mean detached)"
	case c.DInput == DInputMoments:
		in = tie("4 moments") + " of " + tie(numtext.FormatInt(c.DIn)+" samples")
	case c.DIn == 1 && c.Dim() == 2:
		in = tie("1 point") + " (x,y)"
	case c.DIn == 1:
		in = tie("1 sample")
	case c.Dim() == 2:
		in = tie(numtext.FormatInt(c.DIn)+" points") + " packed (PacGAN)"
	case c.Packs():
		in = tie(numtext.FormatInt(c.DIn)+" samples") + " packed (PacGAN)"
	default:
		in = "row of " + tie(numtext.FormatInt(c.DIn)+" samples")
	}
	mbd := ""
	if c.MBDKernels > 0 {
		mbd = tie(fmt.Sprintf("[minibatch discrimination %s×%s]", numtext.FormatInt(c.MBDKernels), numtext.FormatInt(c.MBDDim)))
	}
	return g, chain(in, c.DHidden, "1", mbd)
}

// Outline describes the design in a few short lines (target and batch,
// generator, discriminator, losses, optimizers and schedule), for
// listings and headers, its counts grouped as the screen's (FormatInt).
// A setting's name and its value, and a count and what it counts, are
// written together (numtext.Together: "lr 5e-4", "256 scores"), so that
// the screen's wrapping keeps them on one line; a listing prints them
// with plain spaces (numtext.Plain). It assumes a valid Config.
func (c *Config) Outline() []string {
	tie := numtext.Together
	g, d := c.networks()
	g += " (" + c.joinActs(c.GActs) + ")"
	switch {
	case c.GOut == 1:
		g += ", one sample per " + tie("noise draw") // a draw of the noise, which "draw" alone on a line would not say
	case c.GOut == c.Batch:
		g += ", the whole batch from one noise row"
	default:
		g += fmt.Sprintf(", %s of %s", tie(numtext.FormatInt(c.Batch/c.GOut)+" rows"), tie(numtext.FormatInt(c.GOut)+" samples"))
	}
	d += " (" + c.joinActs(c.DActs) + ")"
	if c.DIn < c.Batch {
		d += fmt.Sprintf(", %s per batch", tie(numtext.FormatInt(c.Batch/c.DIn)+" scores"))
	}
	gloss := c.GLoss.String()
	if c.Loss.Unbounded() && c.GLoss == GLossNonSaturating {
		gloss = "−D(G(z))" // what nonsaturating means for a critic (see gradG)
	}
	loss := tie("loss "+c.Loss.String()) + ", " + tie("G "+gloss)
	if c.RealLabel != 1 {
		loss += ", " + tie("real label "+numtext.FormatFloat(c.RealLabel))
	}
	num := numtext.FormatFloat // 5e-05 → 5e-5
	opt := func(net string, kind OptimizerKind, lr, b1, b2, mom, alpha float64) string {
		rate := tie(net+" "+kind.String()) + " " + tie("lr "+FormatLR(lr)) // the learning rate as the trainer's settings show it
		switch kind {
		case OptimizerSGD:
			return rate + " " + tie("momentum "+num(mom))
		case OptimizerRMSprop:
			return rate + " " + tie("α "+num(alpha))
		}
		return rate + " " + tie(fmt.Sprintf("β (%s, %s)", num(b1), num(b2)))
	}
	if c.DClip > 0 {
		loss += ", D's weights " + tie("clipped to ±"+num(c.DClip))
	}
	schedule := fmt.Sprintf("%s + %s steps per epoch", tie(numtext.FormatInt(c.DSteps)+" D"), tie(numtext.FormatInt(c.GSteps)+" G"))
	if c.DWarmupSteps > 0 {
		schedule += fmt.Sprintf(", %s in %s (warm-up)", tie(numtext.FormatInt(c.DWarmupSteps)+" D"), c.WarmupEpochs())
	}
	if c.GP > 0 {
		loss += ", gradient penalty " + tie("λ "+num(c.GP)) + " on interpolates"
	}
	if c.R1 > 0 {
		loss += ", R1 penalty " + tie("γ "+num(c.R1)) + " on real data"
	}
	if c.Unroll > 0 {
		order := ""
		if c.UnrollSecondOrder {
			order = ", second-order"
		}
		schedule += fmt.Sprintf(", G looks %s ahead (unrolled%s)", tie(numtext.FormatInt(c.Unroll)+" D steps"), order)
	}
	if c.DHistAvg > 0 || c.GHistAvg > 0 {
		schedule += ", historical averaging " + tie("D "+num(c.DHistAvg)) + ", " + tie("G "+num(c.GHistAvg))
	}
	if c.GEMA > 0 {
		schedule += ", G shown as its weights' moving average (" + tie("β "+num(c.GEMA)) + ")"
	}
	opts := opt("D", c.DOpt, c.DLR, c.DBeta1, c.DBeta2, c.DMomentum, c.DAlpha) + ", " + opt("G", c.GOpt, c.GLR, c.GBeta1, c.GBeta2, c.GMomentum, c.GAlpha)
	if c.ShowsEps() {
		opts += ", " + tie("ε "+num(c.Eps))
	}
	return []string{
		tie("target "+c.Target) + ", " + tie("batch "+numtext.FormatInt(c.Batch)),
		"G  " + g,
		"D  " + d,
		loss + "; " + opts,
		fmt.Sprintf("%s, %s", schedule, tie(numtext.Count(c.Epochs, "epoch"))),
	}
}

// Unread tells whether c's other settings leave key, one of its keys,
// unread, so that no value of it changes what c trains: an optimizer's
// field of another optimizer's (d_momentum, which SGD alone reads, beside
// d_opt adam), eps where SGD trains both players, mbd_dim without
// minibatch discrimination's kernels, leaky_slope without a leaky_relu
// (unroll_second_order without unrolling is no design: Validate refuses
// it). It returns what would read key, "d_opt sgd", and a --set that
// makes c so, "d_opt=sgd", or "" where no one value does (leaky_slope's
// activations, a list); "" and "" where c reads key, or key is none of
// these, each taken as read. A sweep of such a key would train one run
// in every cell.
func (c *Config) Unread(key string) (reads, set string) {
	opt := func(kind OptimizerKind, net string, wants OptimizerKind) (string, string) {
		if kind == wants {
			return "", ""
		}
		return net + "_opt " + wants.String(), net + "_opt=" + wants.String()
	}
	switch key {
	case "d_momentum":
		return opt(c.DOpt, "d", OptimizerSGD)
	case "g_momentum":
		return opt(c.GOpt, "g", OptimizerSGD)
	case "d_alpha":
		return opt(c.DOpt, "d", OptimizerRMSprop)
	case "g_alpha":
		return opt(c.GOpt, "g", OptimizerRMSprop)
	case "d_beta1", "d_beta2":
		return opt(c.DOpt, "d", OptimizerAdam)
	case "g_beta1", "g_beta2":
		return opt(c.GOpt, "g", OptimizerAdam)
	case "eps":
		if c.DOpt == OptimizerSGD && c.GOpt == OptimizerSGD {
			return "d_opt or g_opt adam or rmsprop", "d_opt=adam"
		}
	case "mbd_dim":
		if c.MBDKernels == 0 {
			return "mbd_kernels above 0", "mbd_kernels=8"
		}
	case "leaky_slope": // Dense reads it for LeakyReLU alone
		if !slices.Contains(c.GActs, LeakyReLU) && !slices.Contains(c.DActs, LeakyReLU) {
			return "a leaky_relu in g_acts or d_acts", ""
		}
	}
	return "", ""
}

// UnreadBy is Unread of designs, several trained at once (a sweep's
// cells): what would read key and a --set that makes a design so, where
// every one of them leaves key unread; "" and "" where any reads it.
func UnreadBy(key string, designs []Config) (reads, set string) {
	for i := range designs {
		r, s := designs[i].Unread(key)
		if r == "" {
			return "", ""
		}
		if i == 0 {
			reads, set = r, s
		}
	}
	return reads, set
}

// ShowsEps tells whether the outline gives ε: where Adam or RMSprop, which
// divide by it, trains a player and ε is not PyTorch's default, which
// goes without saying, as it does in PyTorch.
func (c *Config) ShowsEps() bool {
	return c.Eps != DefaultEps && (c.DOpt != OptimizerSGD || c.GOpt != OptimizerSGD)
}

// FormatLR writes a learning rate the way the 1-2-5 ladder of the
// trainer's settings reads, wherever a learner reads one: 1e-3, 2e-4,
// 1.5e-4, and plain decimals from 0.1 up (to 4 digits). Below 0.1 it is
// exact, so that the design text says 5e-4 and 5e-5 as the settings do,
// not 0.0005 beside 5e-5.
func FormatLR(lr float64) string {
	if lr >= 0.1 {
		return strconv.FormatFloat(lr, 'g', 4, 64)
	}
	return numtext.ShortExp(strconv.FormatFloat(lr, 'e', -1, 64)) // 1e-03 → 1e-3
}

// joinActs lists activations by name, comma-separated, a leaky ReLU
// with its negative slope (leaky_relu 0.2, as PyTorch's LeakyReLU(0.2)):
// the slope is the design's, and PyTorch's default, 0.01, is not the
// presets'. The last two are written together (numtext.Together), the
// last unit of the outline's line kept with what precedes it, so that a
// wrapped line never ends on the last alone, "sigmoid)" under "(relu,
// relu,".
func (c *Config) joinActs(acts []Activation) string {
	names := make([]string, len(acts))
	for i, a := range acts {
		names[i] = a.String()
		if a == LeakyReLU {
			names[i] = numtext.Together(names[i] + " " + numtext.FormatFloat(c.LeakySlope))
		}
	}
	if n := len(names); n > 1 {
		names = append(names[:n-2], numtext.Together(names[n-2]+", "+names[n-1]))
	}
	return strings.Join(names, ", ")
}
