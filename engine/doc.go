// Package engine trains small generative adversarial networks (Goodfellow
// et al., "Generative Adversarial Nets", 2014) in pure Go, in float32,
// without cgo: a generator G maps noise to samples of a one- or
// two-dimensional target distribution, a discriminator D scores samples as
// real or generated, and each epoch updates D, then G.
//
// A Config is a whole design (networks, losses, optimizers, the target and
// the remedies of the literature: minibatch discrimination, feature
// matching, label smoothing, historical averaging, gradient penalties,
// unrolling, an averaged G); New builds a GAN of one from a seed, and the
// same Config and seed give the same run bit for bit on a given build and
// CPU. TrainEpoch trains; EvaluateUntil measures G against the target on fresh
// samples (moments, KS, W1, mode coverage; on a plane, sliced W1 and the
// papers' modes captured and high-quality share); DCurve, DSurface and
// GCurve show what D and G compute. WriteCheckpoint and ReadCheckpoint
// save and continue a run bit-identically.
//
// The training loop allocates nothing: layers own their buffers, sized
// for the largest batch when the network is built, and randomness comes
// from the GAN's own stream, passed to what draws from it. The inner loops
// are the kernels of kernels.go, portable Go by default and AVX-512 or
// AVX2 generated from one source with GOEXPERIMENT=simd.
//
// The package knows nothing of terminals, of where files go or of when to
// evaluate, and writes no file: checkpoints are streams to a writer the
// caller opens, and the one file it reads is a points(FILE.csv) target's
// data. Package session runs a GAN as one run of the program.
package engine
