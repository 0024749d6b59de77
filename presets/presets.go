// Package presets holds ganui's named GAN designs. Each reproduces a
// published design as exactly as its source allows; ../shared/SOURCES.md in
// the project's workspace records the settings of every source.
package presets

import (
	"fmt"
	"strings"

	"github.com/ganui/ganui/engine"
)

// Default is the preset ganui runs when none is named.
const Default = "blog-original"

// all lists the presets in the order --list-presets shows them.
var all = []engine.Config{
	blogOriginal,
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
	Source:      "rickiepark/pytorch-examples, gans-in-50-lines.ipynb (Feb 2017), after Dev Nag's \"GANs in 50 lines of PyTorch\"",
	Target:      "normal(4,1.25)",
	Batch:       100,
	Noise:       "uniform",
	NoiseDim:    100,
	GOut:        100,
	GHidden:     []int{50, 50},
	GActs:       []string{"relu", "relu", "identity"},
	DInput:      "raw",
	DIn:         100,
	DHidden:     []int{50, 50},
	DActs:       []string{"relu", "relu", "sigmoid"},
	LeakySlope:  0.01,
	Loss:        "bce",
	GLoss:       "nonsaturating",
	RealLabel:   1,
	DOpt:        "adam", DLR: 1e-3, DBeta1: 0.9, DBeta2: 0.999,
	GOpt: "adam", GLR: 1e-3, GBeta1: 0.9, GBeta2: 0.999,
	Eps:    1e-8,
	DSteps: 5, GSteps: 5,
	Epochs: 5000,
}

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
	return engine.Config{}, fmt.Errorf("unknown preset %q (valid: %s)", name, strings.Join(Names(), ", "))
}
