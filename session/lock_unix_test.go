//go:build unix

package session

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLogIsLocked: a log another process is writing (its lock held) is
// refused before training and never emptied (two runs on one --log had
// corrupted it, both exiting 0).
func TestLogIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.csv")
	theirs := CSVColumns(0) + "\n" // the other process's log, begun
	if err := os.WriteFile(path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	other, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := lockFile(other); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Config: blogConfig(t, 5), Seed: 1, LogPath: path}); err == nil || !strings.Contains(err.Error(), "being written by another process") {
		t.Fatalf("a locked log: %v", err)
	}
	if _, err := openLog(path, false); err == nil {
		t.Fatal("a locked log was opened")
	}
	if got, _ := os.ReadFile(path); string(got) != theirs {
		t.Fatalf("the locked log now holds %q", got)
	}
	other.Close() // released: the log is the run's
	s, err := New(Options{Config: blogConfig(t, 5), Seed: 1, LogPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !strings.HasPrefix(string(got), "epoch,") || strings.Count(string(got), "\n") != 6 {
		t.Fatalf("the log after the run:\n%s", got)
	}
}
