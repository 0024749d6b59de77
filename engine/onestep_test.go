package engine

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// One training epoch against PyTorch.
//
// TestOneStepFixture runs one TrainEpoch of a few presets and records
// everything the epoch consumed and produced: G's and D's weights before,
// the real batch and the two noise batches drawn from the run's stream,
// the losses EpochStats reports, the weights after and the first Adam
// moments (which, one step in, are (1 − β₁)·gradient: the weights after
// one Adam step move by about ±lr whatever the gradient's size, so only the
// moments show the gradients themselves). bench/torch_onestep.py replays
// the same epoch in PyTorch from such a fixture and compares.
//
//	go test ./engine -count=1 -run TestOneStepFixture -onestep-dump=testdata    # rewrites engine/testdata/onestep-*.json.gz
//	GOEXPERIMENT=simd go test ./engine -count=1 -run TestOneStepFixture -onestep-dump=/tmp/onestep-simd
//	bench/torch_onestep.py engine/testdata/onestep-*.json.gz
//
// (go test runs in the package directory, so a relative directory is
// engine's.) Without the flag the test checks that the recorded inputs
// are exactly what the epoch drew and that they alone reproduce it, and
// that the committed fixtures, which PyTorch has checked, still describe
// the engine to float32 rounding.

var onestepDump = flag.String("onestep-dump", "", "directory to write TestOneStepFixture's fixtures onestep-PRESET.json.gz into")

// onestepSeed is the seed of every fixture.
const onestepSeed = 1

// onestepTol is how far, relative to a tensor's largest magnitude, the
// engine may drift from a committed fixture: float32 rounding of sums in a
// different order (the SIMD kernels, fused multiply-adds), not a change of
// what is computed.
const onestepTol = 1e-5

// onestepConfigs returns copies of the presets the fixtures cover, as
// presets/presets.go defines them: package presets imports engine, so
// engine's tests cannot import it. presets' TestOneStepFixturesMatch
// checks that the committed fixtures' configs are still those presets.
func onestepConfigs() []Config {
	vanilla := vanillaConfig()
	vanilla.Description = "the textbook GAN: G maps a noise vector to one sample, D scores samples one by one"
	vanilla.Source = "Goodfellow et al., \"Generative Adversarial Nets\" (2014); Goodfellow, NIPS 2016 tutorial (non-saturating G loss); tuned in ganui"
	vanilla.DAlpha, vanilla.GAlpha = 0.99, 0.99
	ring := Config{
		Name:        "ring",
		Description: "the textbook GAN on a ring of 8 Gaussians: the 2-D benchmark of mode collapse",
		Source:      "Metz et al., \"Unrolled Generative Adversarial Networks\" (2017), §3.1: 8 modes, radius 2, σ 0.02; smaller networks in ganui",
		Target:      "ring(8,2,0.02)",
		Batch:       256,
		Noise:       NoiseNormal,
		NoiseDim:    16,
		GOut:        1,
		GHidden:     []int{64, 64},
		GActs:       []Activation{ReLU, ReLU, Identity},
		DInput:      DInputRaw,
		DIn:         1,
		DHidden:     []int{64, 64},
		DActs:       []Activation{ReLU, ReLU, Sigmoid},
		LeakySlope:  0.2,
		Loss:        LossBCE,
		GLoss:       GLossNonSaturating,
		RealLabel:   1,
		DOpt:        OptimizerAdam, DLR: 5e-4, DBeta1: 0.5, DBeta2: 0.999, DAlpha: 0.99,
		GOpt: OptimizerAdam, GLR: 5e-4, GBeta1: 0.5, GBeta2: 0.999, GAlpha: 0.99,
		Eps:    1e-8,
		DSteps: 1, GSteps: 1,
		Epochs: 20000,
	}
	pac := ring.Clone()
	pac.Name = "ring-pacgan"
	pac.Description = "ring with PacGAN packing: D judges 2 points at once, which exposes collapse"
	pac.Source = "Lin et al., \"PacGAN: The power of two samples in GANs\" (2018), §3, packing degree 2"
	pac.DIn = 2
	return []Config{vanilla, ring, pac}
}

// f32s is a float32 array that JSON carries exactly and compactly: the
// base64 of its values as little-endian IEEE 754 binary32.
type f32s []float32

// MarshalJSON encodes x as a base64 string of little-endian float32s.
func (x f32s) MarshalJSON() ([]byte, error) {
	b := make([]byte, 4*len(x))
	for i, v := range x {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(v))
	}
	return json.Marshal(base64.StdEncoding.EncodeToString(b))
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (x *f32s) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return err
	}
	if len(b)%4 != 0 {
		return errors.New("f32s: length is not a multiple of 4 bytes")
	}
	*x = make(f32s, len(b)/4)
	for i := range *x {
		(*x)[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return nil
}

// onestepLayer is one dense layer y = act(x·Wᵀ + b) as nn.Linear holds
// it: W is out × in, row-major (Dense.W), b has out values.
type onestepLayer struct {
	In    int        `json:"in"`
	Out   int        `json:"out"`
	Act   Activation `json:"act"`
	Slope float32    `json:"slope"` // leaky_relu's negative slope, as the layer uses it
	W     f32s       `json:"w"`
	B     f32s       `json:"b"`
}

// onestepAdam is an Adam optimizer's state after the epoch. M and V are
// flat in the network's Params layout: for each layer in turn its W
// (row-major) then its b.
type onestepAdam struct {
	T int  `json:"t"`
	M f32s `json:"m"`
	V f32s `json:"v"`
}

// onestepFixture is the file TestOneStepFixture writes and
// bench/torch_onestep.py reads.
type onestepFixture struct {
	Format string `json:"format"`
	About  string `json:"about"`
	ISA    string `json:"isa"` // the kernels that computed it: go, avx2 or avx512
	Seed   uint64 `json:"seed"`
	Config Config `json:"config"`
	// Dim is the values per sample; GRows and DRows the rows G and D see a
	// batch as. G maps GRows rows of NoiseDim noise values to GRows rows of
	// GOut·Dim values; D reads the same flat batch as DRows rows of DIn·Dim.
	Dim   int `json:"dim"`
	GRows int `json:"g_rows"`
	DRows int `json:"d_rows"`

	GBefore []onestepLayer `json:"g_before"`
	DBefore []onestepLayer `json:"d_before"`

	// The epoch's random inputs in the order it draws them: D's real batch
	// (Batch samples of Dim values: x, y, x, y, … on a plane), the noise of
	// D's generated batch, then the noise of G's step (each GRows × NoiseDim).
	Real   f32s `json:"real"`
	NoiseD f32s `json:"noise_d"`
	NoiseG f32s `json:"noise_g"`

	Stats onestepStats `json:"stats"`

	GAfter []onestepLayer `json:"g_after"`
	DAfter []onestepLayer `json:"d_after"`
	GAdam  onestepAdam    `json:"g_adam"`
	DAdam  onestepAdam    `json:"d_adam"`
}

// onestepStats is the epoch's EpochStats: the losses of D's step on the
// real and the generated batch and of G's step, and the moments of G's
// batch in G's step (per coordinate on a plane; MeanY and StdY are 0 in 1-D).
type onestepStats struct {
	DReal float64 `json:"d_real"`
	DFake float64 `json:"d_fake"`
	G     float64 `json:"g"`
	Mean  float64 `json:"mean"`
	Std   float64 `json:"std"`
	MeanY float64 `json:"mean_y"`
	StdY  float64 `json:"std_y"`
}

const onestepAbout = "one ganui TrainEpoch from seed 1; float arrays are base64 of little-endian float32; " +
	"layers map y = act(x·Wᵀ + b), W out×in row-major; Adam m, v flat as Params (per layer W then b); " +
	"written by engine/onestep_test.go, checked by bench/torch_onestep.py"

// layersOf copies the weights of net's layers, which must all be dense.
func layersOf(t *testing.T, net *Network) []onestepLayer {
	t.Helper()
	out := make([]onestepLayer, len(net.Layers))
	for i, l := range net.Layers {
		d, ok := l.(*Dense)
		if !ok {
			t.Fatalf("layer %d is a %T; the fixture holds dense layers only", i, l)
		}
		out[i] = onestepLayer{In: d.In, Out: d.Out, Act: d.Act, Slope: d.Slope,
			W: append(f32s(nil), d.W()...), B: append(f32s(nil), d.B()...)}
	}
	return out
}

// adamOf copies the state of opt, which must be Adam.
func adamOf(t *testing.T, opt Optimizer) onestepAdam {
	t.Helper()
	a, ok := opt.(*Adam)
	if !ok {
		t.Fatalf("optimizer is a %T; the fixture expects Adam", opt)
	}
	return onestepAdam{T: a.T, M: append(f32s(nil), a.M...), V: append(f32s(nil), a.V...)}
}

// replayInputs returns the real batch and the noise of D's and of G's step
// that the next epoch of g draws, by drawing them from a copy of g's
// stream in the order StepD (fillReal, then fillNoise) and StepG
// (fillNoise) draw them, and the copy's state after them. g's own stream
// is left as it was.
func replayInputs(t *testing.T, g *GAN) (real, noiseD, noiseG []float32, after []byte) {
	t.Helper()
	state, err := g.src.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var src rand.PCG
	if err := src.UnmarshalBinary(state); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(&src)
	real = make([]float32, len(g.real))
	noiseD = make([]float32, len(g.noise))
	noiseG = make([]float32, len(g.noise))
	fillReal(real, g.target, g.plane, rng)
	fillNoise(noiseD, g.cfg.Noise, rng)
	fillNoise(noiseG, g.cfg.Noise, rng)
	after, err = src.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return real, noiseD, noiseG, after
}

// epochFromInputs is one epoch of StepD and StepG (one step each, BCE,
// non-saturating G loss) fed with the given real batch and noises instead
// of g's stream: the computation the fixture asks PyTorch to repeat.
func epochFromInputs(g *GAN, real, noiseD, noiseG []float32) (dReal, dFake, gLoss float64) {
	d := g.disc
	dReal = g.dLoss(d.Forward(real, g.dRows), true)
	d.Backward(g.dy, g.dRows, true, false)
	dFake = g.dLoss(d.Forward(g.gen.Forward(noiseD, g.gRows), g.dRows), false)
	d.Backward(g.dy, g.dRows, true, false)
	g.dOpt.Step(d.Params, d.Grads, g.cfg.DLR)
	d.ParamsChanged()
	y := d.Forward(g.gen.Forward(noiseG, g.gRows), g.dRows)
	gLoss = float64(BCE(g.dy, y, 1))
	dx := d.Backward(g.dy, g.dRows, false, true)
	g.gen.Backward(dx, g.gRows, true, false)
	g.gOpt.Step(g.gen.Params, g.gen.Grads, g.cfg.GLR)
	g.gen.ParamsChanged()
	return dReal, dFake, gLoss
}

// oneStep runs one epoch of cfg from onestepSeed and records it, checking
// on the way that the recorded inputs are what the epoch drew and that
// they alone reproduce it bit for bit.
func oneStep(t *testing.T, cfg Config) onestepFixture {
	t.Helper()
	if cfg.DSteps != 1 || cfg.GSteps != 1 || cfg.Loss != LossBCE || cfg.GLoss != GLossNonSaturating ||
		cfg.DOpt != OptimizerAdam || cfg.GOpt != OptimizerAdam || cfg.DInput != DInputRaw || cfg.MBDKernels != 0 {
		t.Fatalf("%s: the fixture covers one D and one G step of BCE, non-saturating G, Adam, raw D input, no minibatch discrimination", cfg.Name)
	}
	g, err := New(cfg, onestepSeed)
	if err != nil {
		t.Fatal(err)
	}
	f := onestepFixture{
		Format: "ganui-onestep/1", About: onestepAbout, ISA: KernelISA(), Seed: onestepSeed, Config: cfg,
		Dim: g.dim, GRows: g.gRows, DRows: g.dRows,
		GBefore: layersOf(t, g.gen), DBefore: layersOf(t, g.disc),
	}
	real, noiseD, noiseG, streamAfter := replayInputs(t, g)
	f.Real, f.NoiseD, f.NoiseG = real, noiseD, noiseG

	s, err := g.TrainEpoch()
	if err != nil {
		t.Fatal(err)
	}
	f.Stats = onestepStats{s.DReal, s.DFake, s.G, s.Mean, s.Std, s.MeanY, s.StdY}
	f.GAfter, f.DAfter = layersOf(t, g.gen), layersOf(t, g.disc)
	f.GAdam, f.DAdam = adamOf(t, g.gOpt), adamOf(t, g.dOpt)

	// The replay drew what the epoch drew: its last real batch and last
	// noise are the replayed ones, and the two streams stand at the same
	// place, so nothing else was drawn.
	state, err := g.src.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(state, streamAfter) {
		t.Errorf("%s: the epoch drew more or less from its stream than the real batch and two noise batches", cfg.Name)
	}
	if !sameBits(g.real, real) || !sameBits(g.noise, noiseG) {
		t.Errorf("%s: the replayed real batch or G's noise differs from the epoch's", cfg.Name)
	}

	// The recorded inputs alone reproduce the epoch.
	h, err := New(cfg, onestepSeed)
	if err != nil {
		t.Fatal(err)
	}
	dReal, dFake, gLoss := epochFromInputs(h, real, noiseD, noiseG)
	if dReal != s.DReal || dFake != s.DFake || gLoss != s.G {
		t.Errorf("%s: losses from the recorded inputs %v, %v, %v; TrainEpoch %v, %v, %v", cfg.Name, dReal, dFake, gLoss, s.DReal, s.DFake, s.G)
	}
	if !sameBits(h.gen.Params, g.gen.Params) || !sameBits(h.disc.Params, g.disc.Params) {
		t.Errorf("%s: the weights from the recorded inputs differ from TrainEpoch's", cfg.Name)
	}
	return f
}

// TestOneStepFixture records one epoch of each covered preset (see the
// comment at the top of this file): with -onestep-dump it writes them,
// and it always compares them with the committed fixtures in testdata.
func TestOneStepFixture(t *testing.T) {
	for _, cfg := range onestepConfigs() {
		t.Run(cfg.Name, func(t *testing.T) {
			f := oneStep(t, cfg)
			name := "onestep-" + cfg.Name + ".json.gz"
			if *onestepDump != "" {
				if err := os.MkdirAll(*onestepDump, 0o755); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(*onestepDump, name)
				n, err := writeFixture(path, f)
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s (%d bytes, kernels %s)", path, n, f.ISA)
			}
			want, err := readFixture(filepath.Join("testdata", name))
			if errors.Is(err, fs.ErrNotExist) {
				t.Skipf("no committed testdata/%s to compare with", name)
			}
			if err != nil {
				t.Fatal(err)
			}
			compareFixture(t, f, want)
		})
	}
}

// writeFixture writes f to path as gzip-compressed JSON and returns the
// file's size. Compressed, the base64 costs nothing over the raw float32s:
// the ring fixtures stay under 200 KB, against 260 KB as plain JSON.
func writeFixture(path string, f onestepFixture) (int, error) {
	data, err := json.Marshal(f)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	zw.Name = filepath.Base(path[:len(path)-len(".gz")])
	if _, err := zw.Write(append(data, '\n')); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), os.WriteFile(path, buf.Bytes(), 0o644)
}

// readFixture reads a fixture writeFixture wrote.
func readFixture(path string) (onestepFixture, error) {
	var f onestepFixture
	file, err := os.Open(path)
	if err != nil {
		return f, err
	}
	defer file.Close()
	zr, err := gzip.NewReader(file)
	if err != nil {
		return f, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return f, err
	}
	return f, json.Unmarshal(data, &f)
}

// compareFixture reports where got, recorded now, departs from want, a
// committed fixture, by more than float32 rounding (onestepTol relative to
// each tensor's largest magnitude). A departure means the engine computes
// something else than the epoch PyTorch was checked against: regenerate
// the fixtures and rerun bench/torch_onestep.py on them.
func compareFixture(t *testing.T, got, want onestepFixture) {
	t.Helper()
	if !reflect.DeepEqual(got.Config, want.Config) || got.Seed != want.Seed || got.GRows != want.GRows || got.DRows != want.DRows {
		t.Fatalf("the committed fixture is of another design or seed: regenerate it (go test ./engine -run TestOneStepFixture -onestep-dump=testdata)")
	}
	tensor := func(what string, a, b []float32) {
		t.Helper()
		if len(a) != len(b) {
			t.Errorf("%s: %d values, fixture %d", what, len(a), len(b))
			return
		}
		var diff, scale float64
		for i := range a {
			diff = math.Max(diff, math.Abs(float64(a[i])-float64(b[i])))
			scale = math.Max(scale, math.Abs(float64(b[i])))
		}
		if diff > onestepTol*scale || math.IsNaN(diff) {
			t.Errorf("%s: differs from the fixture by %.3g, %.3g of its largest value (tolerance %g)", what, diff, diff/scale, onestepTol)
		}
	}
	layers := func(what string, a, b []onestepLayer) {
		t.Helper()
		if len(a) != len(b) {
			t.Errorf("%s: %d layers, fixture %d", what, len(a), len(b))
			return
		}
		for i := range a {
			tensor(fmt.Sprintf("%s layer %d W", what, i), a[i].W, b[i].W)
			tensor(fmt.Sprintf("%s layer %d b", what, i), a[i].B, b[i].B)
		}
	}
	layers("G before", got.GBefore, want.GBefore)
	layers("D before", got.DBefore, want.DBefore)
	tensor("real batch", got.Real, want.Real)
	tensor("D's noise", got.NoiseD, want.NoiseD)
	tensor("G's noise", got.NoiseG, want.NoiseG)
	layers("G after", got.GAfter, want.GAfter)
	layers("D after", got.DAfter, want.DAfter)
	tensor("G's Adam m", got.GAdam.M, want.GAdam.M)
	tensor("G's Adam v", got.GAdam.V, want.GAdam.V)
	tensor("D's Adam m", got.DAdam.M, want.DAdam.M)
	tensor("D's Adam v", got.DAdam.V, want.DAdam.V)
	gs, ws := got.Stats, want.Stats
	for _, s := range []struct {
		what      string
		got, want float64
	}{
		{"D's real loss", gs.DReal, ws.DReal}, {"D's fake loss", gs.DFake, ws.DFake}, {"G's loss", gs.G, ws.G},
		{"mean", gs.Mean, ws.Mean}, {"std", gs.Std, ws.Std}, {"mean_y", gs.MeanY, ws.MeanY}, {"std_y", gs.StdY, ws.StdY},
	} {
		if d := math.Abs(s.got - s.want); d > onestepTol*math.Max(math.Abs(s.want), 1e-3) || math.IsNaN(d) {
			t.Errorf("%s: %v, fixture %v", s.what, s.got, s.want)
		}
	}
}
