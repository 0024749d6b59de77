package engine

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// TestCheckpointEpochs: the epoch and plan read from a checkpoint's
// first bytes are those of the run it holds, a points target's points
// passed over, the v3 file of testdata too; data that is no whole
// checkpoint's head is not read.
func TestCheckpointEpochs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.csv")
	if err := os.WriteFile(path, []byte("0,0\n1,1\n2,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	points := ringConfig()
	points.Target = "points(" + path + ")"
	v3, err := os.ReadFile(filepath.Join("testdata", "checkpoint-v3-sgd-rmsprop.bin"))
	if err != nil {
		t.Fatal(err)
	}
	datas := [][]byte{v3}
	for _, cfg := range []Config{ringConfig(), points} {
		cfg.Epochs = 7
		g := mustNew(t, cfg, 3)
		train(t, g, 2)
		datas = append(datas, withAnnex(t, g, []byte("annex")))
	}
	for i, data := range datas {
		g, _, err := readBytes(data)
		if err != nil {
			t.Fatal(err)
		}
		epoch, plan, ok := CheckpointEpochs(bytes.NewReader(data))
		if !ok || epoch != g.Epoch() || plan != g.Config().Epochs {
			t.Errorf("checkpoint %d: CheckpointEpochs = %d, %d, %v; want %d, %d, true", i, epoch, plan, ok, g.Epoch(), g.Config().Epochs)
		}
		if i > 0 && (epoch != 2 || plan != 7) {
			t.Errorf("checkpoint %d: epoch %d of %d, want 2 of 7", i, epoch, plan)
		}
		if _, _, ok := CheckpointEpochs(bytes.NewReader(data[:headerLen+10])); ok {
			t.Errorf("checkpoint %d cut in its configuration: read", i)
		}
	}
	if _, _, ok := CheckpointEpochs(bytes.NewReader([]byte(`{"epochs": 5}`))); ok {
		t.Error("a preset file: read as a checkpoint")
	}
}

// readsAt is a ReaderAt over data that records the spans it is asked for.
type readsAt struct {
	data  []byte
	spans [][2]int64 // from, to (exclusive)
}

func (r *readsAt) ReadAt(p []byte, off int64) (int, error) {
	r.spans = append(r.spans, [2]int64{off, off + int64(len(p))})
	return bytes.NewReader(r.data).ReadAt(p, off)
}

// TestCheckpointEpochsReadsTheBodysStartAlone: CheckpointEpochs reads a
// checkpoint's header, configuration, points count, seed and epoch, and
// nothing else: not a point (a million may be there), not a byte after
// the epoch (the weights), and, from a version-1 checkpoint, which names
// its points file, not the file, gone here.
func TestCheckpointEpochsReadsTheBodysStartAlone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.csv")
	if err := os.WriteFile(path, []byte("0,0\n1,1\n2,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := ringConfig()
	cfg.Target = "points(" + path + ")"
	cfg.Epochs = 7
	g := mustNew(t, cfg, 3)
	train(t, g, 2)
	data := withAnnex(t, g, nil)
	v1 := pointsAsVersion1(data, 3)
	os.Remove(path)
	pointsAt := int64(headerLen + 4 + int(binary.LittleEndian.Uint32(data[headerLen:])))
	for _, c := range []struct {
		name         string
		data         []byte
		points, read int64 // the points' bytes from pointsAt (after their count); the bytes read in all
	}{
		{"version 4", data, 16 * 3, pointsAt + 4 + 16*3 + 16},
		{"version 1", v1, 0, pointsAt + 16},
	} {
		r := &readsAt{data: c.data}
		if epoch, plan, ok := CheckpointEpochs(r); !ok || epoch != 2 || plan != 7 {
			t.Errorf("%s: CheckpointEpochs = %d, %d, %v; want 2, 7, true", c.name, epoch, plan, ok)
		}
		var read int64
		for _, s := range r.spans {
			read += s[1] - s[0]
			if s[1] > c.read || (c.points > 0 && s[0] < pointsAt+4+c.points && s[1] > pointsAt+4) {
				t.Errorf("%s: read bytes %d to %d, past the epoch's end at %d or in the points at %d to %d", c.name, s[0], s[1], c.read, pointsAt+4, pointsAt+4+c.points)
			}
		}
		if want := c.read - c.points; read != want {
			t.Errorf("%s: read %d bytes, want %d", c.name, read, want)
		}
	}
}
