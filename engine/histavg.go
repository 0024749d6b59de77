package engine

import "math/rand/v2"

// paramMean is the state of historical averaging (Salimans et al.,
// "Improved Techniques for Training GANs", 2016, §3.3) for one player:
// the mean θ̄ = (1/t) Σ_{i=1..t} θ_i of the parameters the player has
// held, its initial ones included. Each player's cost gains the term
//
//	λ‖θ − θ̄‖²,   whose gradient in θ is 2λ(θ − θ̄)
//
// (θ̄ is a constant of the step: the past does not move), which pulls
// the player back toward where it has been and damps the orbits that
// gradient descent on a game can circle in. The mean is kept
// incrementally, θ̄ ← θ̄ + (θ − θ̄)/t after each update, in float64: in
// float32 the increment of a long run, (θ − θ̄)/t, would fall below half
// an ulp of θ̄ and the mean would stop moving.
type paramMean struct {
	Mean []float64 // θ̄, one per parameter
	N    int       // parameter vectors averaged, t
}

// newParamMean starts the mean at the initial parameters, t = 1.
func newParamMean(params []float32) *paramMean {
	h := &paramMean{Mean: make([]float64, len(params)), N: 1}
	for i, p := range params {
		h.Mean[i] = float64(p)
	}
	return h
}

// addGrad adds the term's gradient 2λ(θ − θ̄) to grads.
func (h *paramMean) addGrad(params, grads []float32, lambda float64) {
	k := 2 * lambda
	grads = grads[:len(params)]
	for i, p := range params {
		grads[i] += float32(k * (float64(p) - h.Mean[i]))
	}
}

// record folds the parameters after an update into the mean.
func (h *paramMean) record(params []float32) {
	h.N++
	t := float64(h.N)
	for i, p := range params {
		h.Mean[i] += (float64(p) - h.Mean[i]) / t
	}
}

// paramEMA is the exponential moving average of G's parameters (the
// config field g_ema), which a run samples from in place of G itself:
// after each of G's updates
//
//	θ̄ ← θ̄ + (1 − β_t)·(θ − θ̄),   β_t = min(β, (1 + t)/(10 + t)),
//
// t the updates averaged so far (the warm-up of TensorFlow's
// ExponentialMovingAverage with num_updates, so that early in a run the
// average follows G rather than remember its initial weights for 1/(1−β)
// updates). Yazıcı et al. ("The Unusual Effectiveness of Averaging in
// GAN Training", ICLR 2019) show that such an average of the generator
// sits near the centre of the cycles simultaneous gradient descent
// circles in, which is where the game's equilibrium is; Karras et al.
// (Progressive GANs, 2018) show their generator this way with β = 0.999.
// Unlike historical averaging (paramMean) it changes nothing in
// training: neither player ever sees the average.
type paramEMA struct {
	Net *Network // G's shape; Params hold θ̄ and its buffers serve sampling
	N   int      // updates averaged, t
}

// newParamEMA starts the average of gen at its current parameters. Its
// network's initial draw comes from a generator of its own, then is
// overwritten: the run's random stream is not touched.
func newParamEMA(gen *Network, layers []Layer) *paramEMA {
	net := NewNetwork(gen.MaxRows(), rand.New(rand.NewPCG(0, 0)), layers...)
	copy(net.Params, gen.Params)
	net.ParamsChanged()
	return &paramEMA{Net: net}
}

// record folds the parameters after an update into the average.
func (e *paramEMA) record(params []float32, beta float64) {
	e.N++
	t := float64(e.N)
	w := float32(1 - min(beta, (1+t)/(10+t)))
	avg := e.Net.Params[:len(params)]
	for i, p := range params {
		avg[i] += w * (p - avg[i])
	}
	e.Net.ParamsChanged()
}

// clipParams clips every parameter to [−c, c]: the weight clipping of the
// Wasserstein GAN (Arjovsky et al. 2017, Algorithm 1, line 7), applied to
// all of D's parameters, biases included, after each of D's updates. A
// NaN stays NaN, so divergence is still seen.
func clipParams(params []float32, c float32) {
	for i, p := range params {
		if p > c {
			params[i] = c
		} else if p < -c {
			params[i] = -c
		}
	}
}
