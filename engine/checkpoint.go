package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
)

// A checkpoint holds everything a run needs to continue bit-identically:
//
//	magic "GANUICKP" | version u32 | body length u64 | body | SHA-256(all before)
//
// and the body, little-endian, lengths as u32 counts:
//
//	config JSON | seed u64 | epoch u64 | PCG state |
//	G params | D params | G optimizer | D optimizer
//
// where an optimizer is its kind byte (1 Adam, 2 SGD), its step count u64,
// then Adam's m and v or SGD's momentum buffer.
const (
	checkpointMagic   = "GANUICKP"
	checkpointVersion = 1
	headerLen         = len(checkpointMagic) + 4 + 8
	maxCheckpointBody = 1 << 30
)

// CheckpointError says why bytes are not a checkpoint this build can load.
type CheckpointError struct{ Reason string }

func (e *CheckpointError) Error() string { return "not a usable checkpoint: " + e.Reason }

func badCheckpoint(format string, args ...any) error {
	return &CheckpointError{Reason: fmt.Sprintf(format, args...)}
}

// MarshalBinary encodes the run's complete state as a checkpoint.
func (g *GAN) MarshalBinary() ([]byte, error) {
	cfg, err := json.Marshal(g.cfg)
	if err != nil {
		return nil, err
	}
	rng, err := g.src.MarshalBinary()
	if err != nil {
		return nil, err
	}
	var body bytes.Buffer
	putBytes(&body, cfg)
	putU64(&body, g.seed)
	putU64(&body, uint64(g.epoch))
	putBytes(&body, rng)
	putFloats(&body, g.gen.Params)
	putFloats(&body, g.disc.Params)
	putOptimizer(&body, g.gOpt)
	putOptimizer(&body, g.dOpt)

	out := make([]byte, 0, headerLen+body.Len()+sha256.Size)
	out = append(out, checkpointMagic...)
	out = binary.LittleEndian.AppendUint32(out, checkpointVersion)
	out = binary.LittleEndian.AppendUint64(out, uint64(body.Len()))
	out = append(out, body.Bytes()...)
	sum := sha256.Sum256(out)
	return append(out, sum[:]...), nil
}

// Restore rebuilds a run from a checkpoint made by MarshalBinary. Damaged,
// truncated, foreign or newer-version data gives a *CheckpointError.
func Restore(data []byte) (*GAN, error) {
	switch {
	case len(data) < len(checkpointMagic) || string(data[:len(checkpointMagic)]) != checkpointMagic:
		return nil, badCheckpoint("no ganui checkpoint header")
	case len(data) < headerLen:
		return nil, badCheckpoint("truncated header")
	}
	if v := binary.LittleEndian.Uint32(data[8:]); v != checkpointVersion {
		return nil, badCheckpoint("version %d, this ganui reads version %d", v, checkpointVersion)
	}
	n := binary.LittleEndian.Uint64(data[12:])
	if n > maxCheckpointBody || uint64(len(data)) != uint64(headerLen)+n+sha256.Size {
		return nil, badCheckpoint("truncated or padded: %d bytes for a body of %d", len(data), n)
	}
	end := headerLen + int(n)
	if sum := sha256.Sum256(data[:end]); !bytes.Equal(sum[:], data[end:]) {
		return nil, badCheckpoint("checksum mismatch (the file is damaged)")
	}
	r := &reader{b: data[headerLen:end]}
	cfgJSON := r.bytes()
	seed, epoch := r.u64(), r.u64()
	rngState := r.bytes()
	if r.err != nil {
		return nil, r.err
	}
	var cfg Config
	dec := json.NewDecoder(bytes.NewReader(cfgJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return nil, badCheckpoint("configuration: %v", err)
	}
	g, err := New(cfg, seed)
	if err != nil {
		return nil, badCheckpoint("configuration: %v", err)
	}
	if err := g.src.UnmarshalBinary(rngState); err != nil {
		return nil, badCheckpoint("random state: %v", err)
	}
	if epoch > math.MaxInt32 {
		return nil, badCheckpoint("epoch %d out of range", epoch)
	}
	g.epoch = int(epoch)
	r.floats(g.gen.Params, "generator weights")
	r.floats(g.disc.Params, "discriminator weights")
	r.optimizer(g.gOpt, "generator optimizer")
	r.optimizer(g.dOpt, "discriminator optimizer")
	if r.err == nil && len(r.b) != 0 {
		r.err = badCheckpoint("%d unexpected trailing bytes", len(r.b))
	}
	if r.err != nil {
		return nil, r.err
	}
	return g, nil
}

const (
	optAdam byte = 1
	optSGD  byte = 2
)

func putU64(b *bytes.Buffer, v uint64) { b.Write(binary.LittleEndian.AppendUint64(nil, v)) }

func putBytes(b *bytes.Buffer, p []byte) {
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(p))))
	b.Write(p)
}

func putFloats(b *bytes.Buffer, xs []float32) {
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(len(xs))))
	for _, x := range xs {
		b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(x)))
	}
}

func putOptimizer(b *bytes.Buffer, o Optimizer) {
	switch o := o.(type) {
	case *Adam:
		b.WriteByte(optAdam)
		putU64(b, uint64(o.T))
		putFloats(b, o.M)
		putFloats(b, o.V)
	case *SGD:
		b.WriteByte(optSGD)
		putU64(b, uint64(o.T))
		putFloats(b, o.Buf)
	default:
		panic(fmt.Sprintf("engine: cannot checkpoint optimizer %T", o))
	}
}

// reader decodes a checkpoint body; the first problem sticks in err and
// every later read is a no-op, so decoding code reads straight through.
type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n uint64, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = badCheckpoint("truncated %s", what)
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u64() uint64 {
	if p := r.take(8, "number"); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if p := r.take(4, "length"); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *reader) bytes() []byte { return r.take(uint64(r.u32()), "field") }

// floats reads a float array into dst, which fixes the expected length.
func (r *reader) floats(dst []float32, what string) {
	n := r.u32()
	if r.err == nil && int(n) != len(dst) {
		r.err = badCheckpoint("%s: %d values, the configuration needs %d", what, n, len(dst))
	}
	p := r.take(uint64(n)*4, what)
	if r.err != nil {
		return
	}
	for i := range dst {
		dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
	}
}

func (r *reader) optimizer(o Optimizer, what string) {
	kind := r.take(1, what)
	if r.err != nil {
		return
	}
	switch o := o.(type) {
	case *Adam:
		if kind[0] != optAdam {
			r.err = badCheckpoint("%s: state is not Adam's", what)
			return
		}
		o.T = int(r.u64() & math.MaxInt32)
		r.floats(o.M, what)
		r.floats(o.V, what)
	case *SGD:
		if kind[0] != optSGD {
			r.err = badCheckpoint("%s: state is not SGD's", what)
			return
		}
		o.T = int(r.u64() & math.MaxInt32)
		r.floats(o.Buf, what)
	}
}
