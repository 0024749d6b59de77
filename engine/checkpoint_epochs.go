package engine

import (
	"io"
	"math"
)

// CheckpointEpochs reads, from r, a checkpoint's data, the epoch it was
// saved at and its plan (its configuration's epochs), from the bytes
// before its weights alone: a message that names a checkpoint (one given
// to --preset) can offer the command that continues it, with --epochs
// where its plan is done, without reading, and checking, what may be
// hundreds of megabytes. It reads the header and the body's prefix
// (readPrefix) as ReadCheckpoint does, a points target's points passed
// over, and no further. ok is false where they cannot be read; the
// checkpoint is not checked (ReadCheckpoint does that).
func CheckpointEpochs(r io.ReaderAt) (epoch, plan int, ok bool) {
	data := io.NewSectionReader(r, 0, math.MaxInt64)
	head := make([]byte, headerLen)
	if _, err := io.ReadFull(data, head); err != nil || !IsCheckpoint(head) {
		return 0, 0, false
	}
	version, n := headerFields(head)
	if version < 1 || version > checkpointVersion {
		return 0, 0, false
	}
	p, err := readPrefix(&ckReader{r: data, end: n}, version, false)
	if err != nil || p.epoch > MaxEpochs || p.cfg.Epochs < 1 {
		return 0, 0, false
	}
	return int(p.epoch), p.cfg.Epochs, true
}
