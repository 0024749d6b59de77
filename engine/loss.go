package engine

import "math"

// The losses compare a discriminator's outputs y (one per row) with a target
// label. Each returns the mean loss over the n outputs and writes dL/dy into
// dst, so the caller can hand dst straight to Network.Backward.

// bceLogFloor is where PyTorch's BCELoss clamps log terms, so that a
// saturated output gives a large finite loss instead of infinity.
const bceLogFloor = -100

// bceEps is the floor PyTorch's BCELoss backward puts under y(1 − y).
const bceEps = 1e-12

// BCE is the binary cross-entropy as torch.nn.BCELoss computes it:
//
//	L = −(1/n) Σ_i [ t·max(ln y_i, −100) + (1 − t)·max(ln(1 − y_i), −100) ]
//	dL/dy_i = (y_i − t) / (n · max(y_i(1 − y_i), 1e-12))
//
// t = 1 for real data, 0 for generated data (Goodfellow et al. 2014,
// eq. 1, D's side); the non-saturating generator loss is BCE with t = 1
// on generated data, G maximising log D(G(z)) instead of minimising
// log(1 − D(G(z))) (Goodfellow et al. 2014, §3).
func BCE(dst, y []float32, t float32) float32 {
	n := len(y)
	dst = dst[:n]
	inv, tt := 1/float64(n), float64(t)
	var sum float64
	for i, v := range y {
		p := float64(v)
		sum -= bceTerm(p, t)
		dst[i] = float32((p - tt) / max(p*(1-p), bceEps) * inv)
	}
	return float32(sum * inv)
}

// bceTerm returns t·max(ln p, −100) + (1 − t)·max(ln(1 − p), −100). With
// a label of 1 or 0 (all but label smoothing) one weight is 0 and its
// logarithm is not taken: for p in [0, 1], a sigmoid's range, where the
// clamped logarithm is finite and not positive, 0 times it is a zero that
// leaves the other term's bits as they are.
func bceTerm(p float64, t float32) float64 {
	switch t {
	case 1:
		return clampLog(p)
	case 0:
		return clampLog(1 - p)
	}
	return float64(t)*clampLog(p) + float64(1-t)*clampLog(1-p)
}

// MinimaxGLoss is the generator's cost in the original minimax game of
// Goodfellow et al. 2014 (eq. 1: G minimises E log(1 − D(G(z)))), that
// is J(G) = −J(D) restricted to the terms G controls (Goodfellow, NIPS
// 2016 tutorial, eq. 10):
//
//	L = (1/n) Σ_i max(ln(1 − y_i), −100) = −BCE(y, 0)
//
// It saturates: when D confidently rejects fakes (y ≈ 0) its gradient vanishes.
func MinimaxGLoss(dst, y []float32) float32 {
	l := BCE(dst, y, 0)
	for i := range dst[:len(y)] {
		dst[i] = -dst[i]
	}
	return -l
}

// LeastSquares is the least-squares GAN loss (Mao et al. 2017):
//
//	L = (1/2n) Σ_i (y_i − t)²,   dL/dy_i = (y_i − t)/n
func LeastSquares(dst, y []float32, t float32) float32 {
	n := len(y)
	dst = dst[:n]
	inv := 1 / float64(n)
	var sum float64
	for i, v := range y {
		d := float64(v) - float64(t)
		sum += d * d
		dst[i] = float32(d * inv)
	}
	return float32(sum * inv / 2)
}

// clampLog returns max(ln p, −100); NaN stays NaN so divergence is seen.
func clampLog(p float64) float64 {
	l := math.Log(p)
	if l < bceLogFloor {
		return bceLogFloor
	}
	return l
}

// Wasserstein is the critic's loss of the Wasserstein GAN (Arjovsky et
// al. 2017, Algorithm 1), one side of it at a time:
//
//	L = s·(1/n) Σ_i y_i,   dL/dy_i = s/n
//
// with s = −1 on real data and s = +1 on generated data, so that D's
// whole loss, the sum of both, is mean D(fake) − mean D(real), the
// negated estimate of K·W1, the Wasserstein-1 distance up to the critic's
// Lipschitz constant K (Arjovsky et al. 2017, eq. 3), which D maximises;
// under weight clipping K is unknown, so the value is W1's in shape, not
// in size. G's loss is s = −1 on generated data, −mean D(G(z)).
func Wasserstein(dst, y []float32, s float32) float32 {
	n := len(y)
	dst = dst[:n]
	inv := 1 / float64(n)
	g := float32(float64(s) * inv)
	var sum float64
	for i, v := range y {
		sum += float64(v)
		dst[i] = g
	}
	return float32(float64(s) * sum * inv)
}

// Hinge is the hinge loss of D ("Geometric GAN", Lim & Ye 2017; the
// spectral-normalisation GAN of Miyato et al. 2018), one side at a time:
//
//	L = (1/n) Σ_i max(0, 1 + s·y_i),   dL/dy_i = s/n where 1 + s·y_i > 0, else 0
//
// with s = −1 on real data (max(0, 1 − D(x))) and s = +1 on generated
// data (max(0, 1 + D(G(z)))). At the kink the gradient is 0, as
// PyTorch's relu gives. G's loss under the hinge loss is −mean D(G(z)),
// Wasserstein with s = −1.
func Hinge(dst, y []float32, s float32) float32 {
	n := len(y)
	dst = dst[:n]
	inv := 1 / float64(n)
	g := float32(float64(s) * inv)
	var sum float64
	for i, v := range y {
		m := 1 + float64(s)*float64(v)
		switch {
		case m > 0:
			sum += m
			dst[i] = g
		case m != m: // NaN stays NaN so divergence is seen
			sum += m
			dst[i] = float32(m)
		default:
			dst[i] = 0
		}
	}
	return float32(sum * inv)
}
