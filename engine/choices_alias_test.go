package engine

import "testing"

// TestChoiceNamedAsPapersNameItSaysGanuisName: a loss or the noise named as a paper or
// PyTorch names it, which no edit distance finds, is refused with the name
// ganui gives it, in any case; a name of another setting's choices, or of
// none, gets no such guess.
func TestChoiceNamedAsPapersNameItSaysGanuisName(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"loss", "wgan", `loss: "wgan" is not one of bce, least_squares, wasserstein, hinge (did you mean wasserstein?)`},
		{"loss", "LSGAN", `loss: "LSGAN" is not one of bce, least_squares, wasserstein, hinge (did you mean least_squares?)`},
		{"loss", "mse", `loss: "mse" is not one of bce, least_squares, wasserstein, hinge (did you mean least_squares?)`},
		{"g_loss", "saturating", `g_loss: "saturating" is not one of nonsaturating, minimax, feature_matching (did you mean minimax?)`},
		{"noise", "Gaussian", `noise: "Gaussian" is not one of uniform, normal (did you mean normal?)`},
		{"d_opt", "wgan", `d_opt: "wgan" is not one of adam, sgd, rmsprop`},
		{"loss", "foo", `loss: "foo" is not one of bce, least_squares, wasserstein, hinge`},
	} {
		var cfg Config
		if err := cfg.Set(c.key, c.value); err == nil || err.Error() != c.want {
			t.Errorf("Set(%s, %s) = %v, want %q", c.key, c.value, err, c.want)
		}
	}
}
