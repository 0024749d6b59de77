package outputfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteFailureKeepsTheOldFile: when fill fails halfway, the file
// already at path is untouched, the error comes back, and no temporary file
// is left beside it.
func TestWriteFailureKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history.csv")
	if err := os.WriteFile(path, []byte("good\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(path, 0o666, func(w io.Writer) error {
		io.WriteString(w, "half a")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if got, _ := os.ReadFile(path); string(got) != "good\n" {
		t.Errorf("after a failed write the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the old file", len(entries))
	}
}

// TestWriteErrorNamesThePath: a write that fails on the temporary file
// (a full disk, a file-size limit) names the file the user gave, not
// the hidden temporary one, which is gone when the error is read.
func TestWriteErrorNamesThePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.ckpt")
	err := Write(path, 0o666, func(w io.Writer) error {
		w.(*os.File).Close() // the next write fails as a full disk's does, with the file's name
		_, err := io.WriteString(w, "data")
		return fmt.Errorf("writing the weights: %w", err)
	})
	if err == nil || !strings.Contains(err.Error(), path+": ") || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("err = %v, want one that names %s", err, path)
	}
	if !errors.Is(err, os.ErrClosed) {
		t.Errorf("err = %v lost its cause", err)
	}
}
