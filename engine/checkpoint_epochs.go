package engine

import (
	"encoding/binary"
	"io"
)

// CheckpointEpochs reads, from r, a checkpoint's data, the epoch it was
// saved at and its plan (its configuration's epochs), from the bytes
// before its weights alone: a message that names a checkpoint (one given
// to --preset) can offer the command that continues it, with --epochs
// where its plan is done, without reading, and checking, what may be
// hundreds of megabytes. ok is false where they cannot be read; the
// checkpoint is not checked (ReadCheckpoint does that).
func CheckpointEpochs(r io.ReaderAt) (epoch, plan int, ok bool) {
	at := int64(0)
	read := func(n int64) []byte {
		p := make([]byte, n)
		if _, err := r.ReadAt(p, at); err != nil {
			return nil
		}
		at += n
		return p
	}
	head := read(int64(headerLen))
	if head == nil || !IsCheckpoint(head) {
		return 0, 0, false
	}
	version := binary.LittleEndian.Uint32(head[len(checkpointMagic):])
	n := read(4)
	if version < 1 || version > checkpointVersion || n == nil || binary.LittleEndian.Uint32(n) > maxConfigJSON {
		return 0, 0, false
	}
	cfgJSON := read(int64(binary.LittleEndian.Uint32(n)))
	if cfgJSON == nil {
		return 0, 0, false
	}
	cfg, _, err := decodeConfigBy(cfgJSON)
	if err != nil {
		return 0, 0, false
	}
	if _, points := PointsFile(cfg.Target); points && version >= 2 {
		count := read(4)
		if count == nil {
			return 0, 0, false
		}
		at += 16 * int64(binary.LittleEndian.Uint32(count)) // x and y, float64 each
	}
	fields := read(16) // seed, epoch
	if fields == nil {
		return 0, 0, false
	}
	e := binary.LittleEndian.Uint64(fields[8:])
	if e > MaxEpochs || cfg.Epochs < 1 {
		return 0, 0, false
	}
	return int(e), cfg.Epochs, true
}
