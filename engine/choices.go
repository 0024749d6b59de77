package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ganui/ganui/internal/suggest"
)

// The choices a Config makes by name (its noise, D's input transform, the
// losses and the optimizers) are small integer types. Each is written as
// its name in preset files, in checkpoints and on the command line: it
// implements encoding.TextMarshaler and encoding.TextUnmarshaler, so
// encoding/json and Config.Set read and write the same strings the
// preset files have always used, while Go code names the choices by
// constant and a misspelt one does not compile.
//
// The zero value of each choice type is unset: it marshals as "" and
// Config.Validate rejects it, so a Config built in Go with a field
// forgotten is an error rather than a silent default.

// Noise is the distribution of the generator's noise.
type Noise uint8

// The generator noises.
const (
	NoiseUniform Noise = iota + 1 // uniform on [0, 1), "uniform"
	NoiseNormal                   // standard normal, "normal"
)

var noiseNames = []string{NoiseUniform: "uniform", NoiseNormal: "normal"}

// DInput is the transform the discriminator applies to a row of DIn
// samples before its first dense layer.
type DInput uint8

// The discriminator inputs.
const (
	// DInputRaw passes the samples as they are, "raw".
	DInputRaw DInput = iota + 1
	// DInputDiffs appends each sample's squared deviation from the row
	// mean, 2·DIn values (Dev Nag's decorate_with_diffs), "diffs".
	DInputDiffs
	// DInputMoments replaces the row by its mean, standard deviation,
	// skewness and excess kurtosis, 4 values, "moments".
	DInputMoments
	// DInputDiffsDetached is DInputDiffs with the row mean detached, as
	// decorate_with_diffs computes it from data.data: no gradient flows
	// through the mean (Decorate.Detach), "diffs_detached".
	DInputDiffsDetached
)

var dInputNames = []string{DInputRaw: "raw", DInputDiffs: "diffs", DInputMoments: "moments", DInputDiffsDetached: "diffs_detached"}

// Loss is the loss the discriminator is trained with; the generator's
// loss (GLoss) is taken in the same family.
type Loss uint8

// The discriminator losses.
const (
	// LossBCE is the binary cross-entropy of torch.nn.BCELoss, "bce"; D's
	// output activation must then be Sigmoid.
	LossBCE Loss = iota + 1
	// LossLeastSquares is the least-squares GAN loss (Mao et al. 2017),
	// "least_squares".
	LossLeastSquares
	// LossWasserstein makes D a critic (Arjovsky et al. 2017): D's loss
	// is mean D(fake) − mean D(real), G's −mean D(G(z)); D's output
	// activation must be Identity. Its Lipschitz constraint is weight
	// clipping (Config.DClip) or a gradient penalty, "wasserstein".
	LossWasserstein
	// LossHinge is the hinge loss (Lim & Ye 2017; Miyato et al. 2018):
	// D's loss mean relu(1 − D(real)) + mean relu(1 + D(fake)), G's
	// −mean D(G(z)); D's output activation must be Identity, "hinge".
	LossHinge
)

var lossNames = []string{LossBCE: "bce", LossLeastSquares: "least_squares", LossWasserstein: "wasserstein", LossHinge: "hinge"}

// Unbounded reports whether the loss has no saturation value: the
// Wasserstein and hinge losses grow without limit (the Wasserstein one
// in both signs), where BCE saturates at PyTorch's clamp and least
// squares is a fit to fixed labels.
func (l Loss) Unbounded() bool { return l == LossWasserstein || l == LossHinge }

// GLoss is the generator's loss.
type GLoss uint8

// The generator losses.
const (
	// GLossNonSaturating fools D with −log D(G(z)) under BCE, pulls
	// D(G(z)) to 1 under least squares, and raises D's score −mean
	// D(G(z)) under the Wasserstein and hinge losses, "nonsaturating".
	GLossNonSaturating GLoss = iota + 1
	// GLossMinimax is the original log(1 − D(G(z))), LossBCE only,
	// "minimax".
	GLossMinimax
	// GLossFeatureMatching matches the mean of D's last hidden layer on
	// real data (Salimans et al. 2016, §3.1), "feature_matching".
	GLossFeatureMatching
)

var gLossNames = []string{GLossNonSaturating: "nonsaturating", GLossMinimax: "minimax", GLossFeatureMatching: "feature_matching"}

// OptimizerKind selects a player's optimizer.
type OptimizerKind uint8

// The optimizers.
const (
	OptimizerAdam    OptimizerKind = iota + 1 // Adam, "adam"
	OptimizerSGD                              // SGD with momentum, "sgd"
	OptimizerRMSprop                          // RMSprop (Tieleman & Hinton 2012), "rmsprop"
)

var optimizerNames = []string{OptimizerAdam: "adam", OptimizerSGD: "sgd", OptimizerRMSprop: "rmsprop"}

// String returns the noise's name, "" when unset.
func (n Noise) String() string { return choiceString("Noise", noiseNames, n) }

// MarshalText returns the noise's name; an invalid value is an error.
func (n Noise) MarshalText() ([]byte, error) { return marshalChoice("Noise", noiseNames, n) }

// UnmarshalText sets n to the noise named text; "" is unset.
func (n *Noise) UnmarshalText(text []byte) error { return unmarshalChoice(noiseNames, n, text) }

// String returns the input transform's name, "" when unset.
func (d DInput) String() string { return choiceString("DInput", dInputNames, d) }

// MarshalText returns the input transform's name; an invalid value is an
// error.
func (d DInput) MarshalText() ([]byte, error) { return marshalChoice("DInput", dInputNames, d) }

// UnmarshalText sets d to the input transform named text; "" is unset.
func (d *DInput) UnmarshalText(text []byte) error { return unmarshalChoice(dInputNames, d, text) }

// String returns the loss's name, "" when unset.
func (l Loss) String() string { return choiceString("Loss", lossNames, l) }

// MarshalText returns the loss's name; an invalid value is an error.
func (l Loss) MarshalText() ([]byte, error) { return marshalChoice("Loss", lossNames, l) }

// UnmarshalText sets l to the loss named text; "" is unset.
func (l *Loss) UnmarshalText(text []byte) error { return unmarshalChoice(lossNames, l, text) }

// String returns the generator loss's name, "" when unset.
func (l GLoss) String() string { return choiceString("GLoss", gLossNames, l) }

// MarshalText returns the generator loss's name; an invalid value is an
// error.
func (l GLoss) MarshalText() ([]byte, error) { return marshalChoice("GLoss", gLossNames, l) }

// UnmarshalText sets l to the generator loss named text; "" is unset.
func (l *GLoss) UnmarshalText(text []byte) error { return unmarshalChoice(gLossNames, l, text) }

// String returns the optimizer's name, "" when unset.
func (o OptimizerKind) String() string { return choiceString("OptimizerKind", optimizerNames, o) }

// MarshalText returns the optimizer's name; an invalid value is an error.
func (o OptimizerKind) MarshalText() ([]byte, error) {
	return marshalChoice("OptimizerKind", optimizerNames, o)
}

// UnmarshalText sets o to the optimizer named text; "" is unset.
func (o *OptimizerKind) UnmarshalText(text []byte) error {
	return unmarshalChoice(optimizerNames, o, text)
}

// A choice type's names give the name of each value by index, "" for the
// unset zero value of a type that has one; the values are contiguous.

// A choice is a value of a choice type or an Activation, whose names
// method returns its type's names: the one place that pairs a type with
// its names, for the readers that hold a value and not its type
// (Config.ValueForm, checkChoice).
type choice interface{ names() []string }

func (Noise) names() []string         { return noiseNames }
func (DInput) names() []string        { return dInputNames }
func (Loss) names() []string          { return lossNames }
func (GLoss) names() []string         { return gLossNames }
func (OptimizerKind) names() []string { return optimizerNames }
func (Activation) names() []string    { return activationNames }

// validChoice reports whether v is a value of its type, not unset.
func validChoice[T ~uint8](names []string, v T) bool {
	return int(v) < len(names) && names[v] != ""
}

func choiceString[T ~uint8](typ string, names []string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

func marshalChoice[T ~uint8](typ string, names []string, v T) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("engine: invalid %s %d", typ, v)
	}
	return []byte(names[v]), nil
}

func unmarshalChoice[T ~uint8](names []string, v *T, text []byte) error {
	for i, n := range names {
		if n == string(text) {
			*v = T(i)
			return nil
		}
	}
	return notOneOf(string(text), names)
}

// notOneOf is the error for a name that is not among names, with the
// one it was likely meant to be: a misspelling's nearest, or the name
// ganui gives what a paper or a library calls otherwise (alsoCalled).
func notOneOf(name string, names []string) error {
	hint := suggest.DidYouMean(name, slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "" }), nil) // not the unset "", which "" is nearest
	if n, ok := alsoCalled[strings.ToLower(name)]; ok && slices.Contains(names, n) {
		hint = suggest.Say([]string{n})
	}
	return fmt.Errorf("%q is not one of %s%s", name, joinNames(names), hint)
}

// alsoCalled maps names the papers and PyTorch give a loss or the noise
// to ganui's for it, which no edit distance finds: --set loss=wgan is told
// "(did you mean wasserstein?)", as the WGAN paper names its loss.
var alsoCalled = map[string]string{
	"wgan":            "wasserstein",
	"wgan-gp":         "wasserstein",
	"wgan_gp":         "wasserstein",
	"lsgan":           "least_squares",
	"mse":             "least_squares",
	"l2":              "least_squares",
	"bcewithlogits":   "bce",
	"bce_with_logits": "bce",
	"cross_entropy":   "bce",
	"saturating":      "minimax",
	"gaussian":        "normal", // the noise
}

// joinNames lists the names of a choice type's values.
func joinNames(names []string) string {
	var b strings.Builder
	for _, n := range names {
		if n == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}
