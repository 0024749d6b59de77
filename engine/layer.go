package engine

import "math/rand/v2"

// Layer is one differentiable stage of a Network. Data flows through it as a
// row-major matrix of rows × InSize() values; it produces rows × OutSize().
//
// Forward caches what Backward needs, so each Backward must follow the
// Forward whose output it differentiates. Layers own their output and
// input-gradient buffers, sized once for the network's largest batch: the
// slices they return stay valid until the next call and must not be kept.
type Layer interface {
	// InSize and OutSize are the widths of one input and one output row.
	InSize() int
	OutSize() int
	// ParamCount is the number of trainable parameters.
	ParamCount() int

	// bind hands the layer its part of the network's flat parameter and
	// gradient arrays and sizes its buffers for at most maxRows rows.
	bind(params, grads []float32, maxRows int)
	// init draws the layer's initial parameters.
	init(rng *rand.Rand)
	// forward maps x (rows × InSize) to the layer's output (rows × OutSize).
	forward(x []float32, rows int) []float32
	// backward takes dL/dy for the last forward's output. When params is
	// true it adds dL/dθ to the layer's gradients; when input is true it
	// returns dL/dx (rows × InSize), otherwise nil.
	backward(dy []float32, rows int, params, input bool) []float32
}
