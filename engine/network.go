package engine

import "math/rand/v2"

// Network is a stack of layers whose parameters live in one flat array, so
// optimizers, checkpoints and divergence checks each make a single pass over
// contiguous memory instead of chasing a pointer per weight.
type Network struct {
	Layers  []Layer
	Params  []float32 // all parameters, layer by layer; after writing them, call ParamsChanged
	Grads   []float32 // dL/dParams, same layout; Backward adds to it, Optimizer.Step clears it
	maxRows int
	offs    []int // each layer's first parameter in Params
	outer   bool  // some dense layer may hold its weight gradient as outer products (deferOuter)
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
		if d, ok := l.(*Dense); ok && i > 0 {
			p, ok := layers[i-1].(*Dense)
			d.afterReLU = ok && p.Act == ReLU
		}
		n += l.ParamCount()
	}
	net := &Network{Layers: layers, Params: make([]float32, n), Grads: writtenZeros(n), maxRows: maxRows}
	off := 0
	for _, l := range layers {
		net.offs = append(net.offs, off)
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

// ParamsChanged tells the layers that Params were written: the next batch
// forward pass lays out each dense layer's Wᵀ again instead of reusing the
// copy made for the weights it last saw (Dense). Training's own writers
// call it: the optimizer step (step), clipping, the unrolled D's restore,
// the moving average and a checkpoint's load. Anyone else who writes
// Params must too, before the next forward pass.
func (n *Network) ParamsChanged() {
	for _, l := range n.Layers {
		if d, ok := l.(*Dense); ok {
			d.wStale = true
		}
	}
}

// ZeroGrad sets every gradient to zero. Training does not need it, since
// an optimizer step leaves the gradients zero; it is for computing a
// gradient outside training.
func (n *Network) ZeroGrad() {
	clear(n.Grads)
	n.dropOuter()
}

// deferOuter lets the dense layers whose inputs the kernel path fuses
// (fuseOuter) hold a single row's weight gradient as outer products
// (outerGrad), for step to fuse into Adam's update. The caller promises
// that nothing but step reads or adds to the gradients between a backward
// pass and the step: a penalty, a historical average or an unrolled D
// would (see New).
func (n *Network) deferOuter() {
	for _, l := range n.Layers {
		if d, ok := l.(*Dense); ok && fuseOuter(d.In) {
			o := new(outerGrad)
			for k := range o.d {
				o.d[k], o.x[k] = make([]float32, d.Out), make([]float32, d.In)
			}
			d.outer, n.outer = o, true
		}
	}
}

// step applies one update of opt with learning rate lr to the gradient
// the backward passes left: Adam takes the held outer products as they
// are, any other optimizer the gradient written out into Grads.
func (n *Network) step(opt Optimizer, lr float64) {
	a, adam := opt.(*Adam)
	switch {
	case !n.outer:
		opt.Step(n.Params, n.Grads, lr)
	case adam:
		a.stepNetwork(n, lr)
		n.dropOuter()
	default:
		for _, l := range n.Layers {
			if d, ok := l.(*Dense); ok {
				d.flushOuter()
			}
		}
		opt.Step(n.Params, n.Grads, lr)
		n.dropOuter()
	}
	n.ParamsChanged()
}

// dropOuter forgets the held terms: after a step, or with the gradient.
func (n *Network) dropOuter() {
	for _, l := range n.Layers {
		if d, ok := l.(*Dense); ok && d.outer != nil {
			d.outer.k, d.outer.dirty = 0, false
		}
	}
}
