package engine

import (
	"math"
	"math/rand/v2"
)

// Dense is a fully connected layer followed by an activation:
//
//	y = f(W·x + b),   W ∈ R^{out×in} row-major, b ∈ R^{out}
//
// Its backward pass, with dz = dy ⊙ f′:
//
//	dL/dW += dz·xᵀ,   dL/db += dz,   dL/dx = Wᵀ·dz
//
// Row-major W keeps every inner loop contiguous: the forward pass is one dot
// product per output over a row of W, and both gradients are axpy updates
// along rows of W.
type Dense struct {
	In, Out int
	Act     Activation
	Slope   float32 // negative-side slope of LeakyReLU; unused otherwise

	w, b   []float32 // parameters (views into the network's flat array)
	gw, gb []float32 // their gradients
	x      []float32 // input of the last forward (not owned)
	y      []float32 // output buffer, maxRows × Out
	dz     []float32 // dL/d(pre-activation), maxRows × Out
	dx     []float32 // dL/dx buffer, maxRows × In
}

// NewDense returns a dense layer mapping in inputs to out outputs through act.
func NewDense(in, out int, act Activation) *Dense {
	if in <= 0 || out <= 0 {
		panic("engine: dense layer sizes must be positive")
	}
	return &Dense{In: in, Out: out, Act: act}
}

// InSize returns the layer's input width.
func (l *Dense) InSize() int { return l.In }

// OutSize returns the layer's output width.
func (l *Dense) OutSize() int { return l.Out }

// ParamCount returns out·in weights plus out biases.
func (l *Dense) ParamCount() int { return l.Out*l.In + l.Out }

// W returns the weight matrix, row-major out × in (a view, not a copy).
func (l *Dense) W() []float32 { return l.w }

// B returns the bias vector (a view, not a copy).
func (l *Dense) B() []float32 { return l.b }

func (l *Dense) bind(params, grads []float32, maxRows int) {
	nw := l.Out * l.In
	l.w, l.b = params[:nw:nw], params[nw:nw+l.Out:nw+l.Out]
	l.gw, l.gb = grads[:nw:nw], grads[nw:nw+l.Out:nw+l.Out]
	l.y = make([]float32, maxRows*l.Out)
	l.dz = make([]float32, maxRows*l.Out)
	l.dx = make([]float32, maxRows*l.In)
}

// init draws weights and biases uniformly from ±1/√in, the bound that
// PyTorch's nn.Linear default initialisation gives (kaiming_uniform with
// a = √5 for weights, the same bound for biases).
func (l *Dense) init(rng *rand.Rand) {
	bound := 1 / math.Sqrt(float64(l.In))
	for i := range l.w {
		l.w[i] = float32((2*rng.Float64() - 1) * bound)
	}
	for i := range l.b {
		l.b[i] = float32((2*rng.Float64() - 1) * bound)
	}
}

func (l *Dense) forward(x []float32, rows int) []float32 {
	in, out := l.In, l.Out
	l.x = x[: rows*in : rows*in]
	y := l.y[: rows*out : rows*out]
	for r := 0; r < rows; r++ {
		xr := x[r*in : (r+1)*in : (r+1)*in]
		yr := y[r*out : (r+1)*out : (r+1)*out]
		for o := range yr {
			yr[o] = dot(l.w[o*in:(o+1)*in:(o+1)*in], xr) + l.b[o]
		}
		l.Act.apply(yr, l.Slope)
	}
	return y
}

func (l *Dense) backward(dy []float32, rows int, params, input bool) []float32 {
	in, out := l.In, l.Out
	dz := l.dz[: rows*out : rows*out]
	l.Act.grad(dz, dy[:rows*out], l.y[:rows*out], l.Slope)
	var dx []float32
	if input {
		dx = l.dx[: rows*in : rows*in]
		clear(dx)
	}
	for r := 0; r < rows; r++ {
		dzr := dz[r*out : (r+1)*out : (r+1)*out]
		xr := l.x[r*in : (r+1)*in : (r+1)*in]
		var dxr []float32
		if input {
			dxr = dx[r*in : (r+1)*in : (r+1)*in]
		}
		for o, d := range dzr {
			if d == 0 { // dead ReLU units: nothing to add
				continue
			}
			if params {
				l.gb[o] += d
				axpy(l.gw[o*in:(o+1)*in:(o+1)*in], d, xr)
			}
			if input {
				axpy(dxr, d, l.w[o*in:(o+1)*in:(o+1)*in])
			}
		}
	}
	return dx
}
