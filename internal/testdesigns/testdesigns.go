// Package testdesigns holds the small GAN designs the tests of several
// packages train: small and fast, each chosen for one behaviour. Only
// tests import it.
package testdesigns

import "github.com/ganui/ganui/engine"

// PerSample is a small textbook GAN whose D scores single samples, so
// that D(x), its slope and G(z) are all defined; planned for epochs.
func PerSample(epochs int) engine.Config {
	return engine.Config{
		Name: "per-sample", Target: "normal(4,1.25)", Batch: 64,
		Noise: engine.NoiseUniform, NoiseDim: 1, GOut: 1, GHidden: []int{16}, GActs: []engine.Activation{engine.LeakyReLU, engine.Identity},
		DInput: engine.DInputRaw, DIn: 1, DHidden: []int{16}, DActs: []engine.Activation{engine.LeakyReLU, engine.Sigmoid},
		LeakySlope: 0.2, Loss: engine.LossBCE, GLoss: engine.GLossNonSaturating, RealLabel: 1,
		DOpt: engine.OptimizerAdam, DLR: 1e-3, DBeta1: 0.5, DBeta2: 0.999,
		GOpt: engine.OptimizerAdam, GLR: 1e-3, GBeta1: 0.5, GBeta2: 0.999, Eps: 1e-8,
		DSteps: 1, GSteps: 1, Epochs: epochs,
	}
}

// Tiny is the cheapest design there is, for tests that need many epochs,
// planned for as many as a run may have.
func Tiny() engine.Config {
	cfg := PerSample(engine.MaxEpochs)
	cfg.Name = "tiny"
	cfg.Batch, cfg.GHidden, cfg.DHidden = 4, []int{2}, []int{2}
	return cfg
}

// LeastSquaresSGD is a least-squares GAN trained with plain SGD: stable at
// a learning rate of 0.01, diverging within a few epochs at the top of
// the learning-rate ladder.
func LeastSquaresSGD() engine.Config {
	cfg := PerSample(100000)
	cfg.Name = "ls-sgd"
	cfg.Loss, cfg.GLoss = engine.LossLeastSquares, engine.GLossNonSaturating
	cfg.DActs = []engine.Activation{engine.LeakyReLU, engine.Identity}
	cfg.DOpt, cfg.GOpt = engine.OptimizerSGD, engine.OptimizerSGD
	cfg.DLR, cfg.GLR = 0.01, 0.01
	return cfg
}
