package session

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestLoadCheckpointErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadCheckpoint(filepath.Join(dir, "missing.ckpt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadCheckpoint(dir); err == nil {
		t.Error("a directory loaded as a checkpoint")
	}
}

// TestSaveCheckpointIsAtomic: a failed save leaves the old checkpoint in
// place and no temporary files behind.
func TestSaveCheckpointIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	g, _ := straightRun(t, blogConfig(t, 10), 1, 0)
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	err := writeAtomic(filepath.Join(dir, "no-such-dir", "x"), 0o600, func(w io.Writer) error { _, err := w.Write(before); return err })
	if err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	g.TrainEpoch()
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after saves, want just the checkpoint", len(entries))
	}
	after, _ := os.ReadFile(path)
	if slices.Equal(before, after) {
		t.Error("the second save did not replace the checkpoint")
	}
}
