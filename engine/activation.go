package engine

// Activation is an elementwise nonlinearity applied after a dense layer.
// Every derivative is written in terms of the activation's output y, so a
// layer only has to cache its output for the backward pass.
type Activation uint8

// The activations ganui's presets use.
const (
	Identity  Activation = iota // y = x
	ReLU                        // y = max(0, x)
	LeakyReLU                   // y = x if x > 0, else slope·x
	ELU                         // y = x if x > 0, else eˣ − 1 (α = 1, as torch.nn.ELU)
	Sigmoid                     // y = 1 / (1 + e⁻ˣ)
	Tanh                        // y = tanh x
)

var activationNames = []string{
	Identity:  "identity",
	ReLU:      "relu",
	LeakyReLU: "leaky_relu",
	ELU:       "elu",
	Sigmoid:   "sigmoid",
	Tanh:      "tanh",
}

// String returns the activation's name as used in presets.
func (a Activation) String() string { return choiceString("Activation", activationNames, a) }

// MarshalText returns the activation's name; an invalid value is an error.
func (a Activation) MarshalText() ([]byte, error) {
	return marshalChoice("Activation", activationNames, a)
}

// UnmarshalText sets a to the activation named text. Unlike the choice
// types of a Config, Activation has no unset value: its zero is Identity.
func (a *Activation) UnmarshalText(text []byte) error {
	return unmarshalChoice(activationNames, a, text)
}

// apply replaces each z[i] by the activation of z[i].
func (a Activation) apply(z []float32, slope float32) {
	switch a {
	case Identity:
	case ReLU:
		reluApply(z)
	case LeakyReLU:
		leakyApply(z, slope)
	case ELU:
		eluApply(z) // float32 kernels, within 3 ulp; see kernels.go
	case Sigmoid:
		sigmoidApply(z)
	case Tanh:
		tanhApply(z)
	default:
		panic("engine: unknown activation " + a.String())
	}
}

// grad writes dz[i] = dy[i]·f′(x[i]), with f′ expressed through y = f(x):
//
//	relu:       f′ = 1 if y > 0, else 0
//	leaky_relu: f′ = 1 if y > 0, else slope
//	elu:        f′ = 1 if y > 0, else y + 1      (d/dx (eˣ − 1) = eˣ)
//	sigmoid:    f′ = y(1 − y)
//	tanh:       f′ = 1 − y²
func (a Activation) grad(dz, dy, y []float32, slope float32) {
	if a > Tanh {
		panic("engine: unknown activation " + a.String())
	}
	actGrad(a, dz, dy, y, slope) // kernels.go
}
