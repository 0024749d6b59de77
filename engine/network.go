package engine

import "math/rand/v2"

// Network is a stack of layers whose parameters live in one flat array, so
// optimizers, checkpoints and divergence checks each make a single pass over
// contiguous memory instead of chasing a pointer per weight.
type Network struct {
	Layers  []Layer
	Params  []float32 // all parameters, layer by layer
	Grads   []float32 // dL/dParams, same layout; Backward adds to it, Optimizer.Step clears it
	maxRows int
}

// NewNetwork binds layers into a network that processes up to maxRows rows
// at once and draws its initial parameters from rng. Adjacent layers must
// agree on their widths; a mismatch is a programming error and panics.
func NewNetwork(maxRows int, rng *rand.Rand, layers ...Layer) *Network {
	if len(layers) == 0 || maxRows <= 0 {
		panic("engine: a network needs at least one layer and one row")
	}
	n := 0
	for i, l := range layers {
		if i > 0 && layers[i-1].OutSize() != l.InSize() {
			panic("engine: layer widths do not match")
		}
		n += l.ParamCount()
	}
	net := &Network{Layers: layers, Params: make([]float32, n), Grads: make([]float32, n), maxRows: maxRows}
	off := 0
	for _, l := range layers {
		k := l.ParamCount()
		l.bind(net.Params[off:off+k:off+k], net.Grads[off:off+k:off+k], maxRows)
		l.init(rng)
		off += k
	}
	return net
}

// InSize returns the width of one input row.
func (n *Network) InSize() int { return n.Layers[0].InSize() }

// OutSize returns the width of one output row.
func (n *Network) OutSize() int { return n.Layers[len(n.Layers)-1].OutSize() }

// MaxRows returns the largest number of rows one pass may hold.
func (n *Network) MaxRows() int { return n.maxRows }

// Forward runs x (rows × InSize) through every layer and returns the output
// (rows × OutSize), a buffer owned by the last layer.
func (n *Network) Forward(x []float32, rows int) []float32 {
	return n.ForwardTo(len(n.Layers), x, rows)
}

// ForwardTo runs x through the first k layers only and returns their output;
// feature matching reads an intermediate layer this way.
func (n *Network) ForwardTo(k int, x []float32, rows int) []float32 {
	if rows > n.maxRows {
		panic("engine: batch larger than the network was sized for")
	}
	for _, l := range n.Layers[:k] {
		x = l.forward(x, rows)
	}
	return x
}

// Backward propagates dL/dy of the last Forward back through every layer.
// With params it adds dL/dθ into Grads; with input it returns dL/dx of the
// network's input, otherwise nil. Skipping what is not needed is what makes
// a generator step cheap: D's parameter gradients are not wanted there.
func (n *Network) Backward(dy []float32, rows int, params, input bool) []float32 {
	return n.BackwardFrom(len(n.Layers), dy, rows, params, input)
}

// BackwardFrom is Backward starting at the output of layer k−1, the
// counterpart of ForwardTo.
func (n *Network) BackwardFrom(k int, dy []float32, rows int, params, input bool) []float32 {
	for i := k - 1; i >= 0; i-- {
		dy = n.Layers[i].backward(dy, rows, params, input || i > 0)
	}
	return dy
}

// ZeroGrad sets every gradient to zero. Training does not need it, since
// an optimizer step leaves the gradients zero; it is for computing a
// gradient outside training.
func (n *Network) ZeroGrad() { clear(n.Grads) }
