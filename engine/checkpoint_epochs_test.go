package engine

import (
	"bytes"
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
