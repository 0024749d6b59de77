package engine

import (
	"fmt"
	"math"
	"strings"
)

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

var activationNames = [...]string{
	Identity:  "identity",
	ReLU:      "relu",
	LeakyReLU: "leaky_relu",
	ELU:       "elu",
	Sigmoid:   "sigmoid",
	Tanh:      "tanh",
}

// String returns the activation's name as used in presets.
func (a Activation) String() string {
	if int(a) < len(activationNames) {
		return activationNames[a]
	}
	return fmt.Sprintf("Activation(%d)", a)
}

// ActivationNames lists the names ParseActivation accepts.
func ActivationNames() []string { return activationNames[:] }

// ParseActivation returns the activation with the given name.
func ParseActivation(name string) (Activation, error) {
	for i, n := range activationNames {
		if n == name {
			return Activation(i), nil
		}
	}
	return 0, fmt.Errorf("unknown activation %q (valid: %s)", name, strings.Join(activationNames[:], ", "))
}

// apply replaces each z[i] by the activation of z[i].
func (a Activation) apply(z []float32, slope float32) {
	switch a {
	case Identity:
	case ReLU:
		for i, v := range z {
			if v < 0 {
				z[i] = 0
			}
		}
	case LeakyReLU:
		for i, v := range z {
			if v < 0 {
				z[i] = slope * v
			}
		}
	case ELU:
		for i, v := range z {
			if v < 0 {
				z[i] = float32(math.Expm1(float64(v)))
			}
		}
	case Sigmoid:
		for i, v := range z {
			z[i] = sigmoid(v)
		}
	case Tanh:
		for i, v := range z {
			z[i] = float32(math.Tanh(float64(v)))
		}
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
	n := len(dz)
	dy, y = dy[:n], y[:n]
	switch a {
	case Identity:
		copy(dz, dy)
	case ReLU:
		for i := range dz {
			if y[i] > 0 {
				dz[i] = dy[i]
			} else {
				dz[i] = 0
			}
		}
	case LeakyReLU:
		for i := range dz {
			if y[i] > 0 {
				dz[i] = dy[i]
			} else {
				dz[i] = slope * dy[i]
			}
		}
	case ELU:
		for i := range dz {
			if y[i] > 0 {
				dz[i] = dy[i]
			} else {
				dz[i] = dy[i] * (y[i] + 1)
			}
		}
	case Sigmoid:
		for i := range dz {
			dz[i] = dy[i] * y[i] * (1 - y[i])
		}
	case Tanh:
		for i := range dz {
			dz[i] = dy[i] * (1 - y[i]*y[i])
		}
	default:
		panic("engine: unknown activation " + a.String())
	}
}

// sigmoid is the logistic function, evaluated so that neither branch overflows.
func sigmoid(x float32) float32 {
	if x >= 0 {
		return float32(1 / (1 + math.Exp(-float64(x))))
	}
	e := math.Exp(float64(x))
	return float32(e / (1 + e))
}
