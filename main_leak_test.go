package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/leakcheck"
)

// TestFailedRunClosesItsFiles: a headless run whose --save and --plot
// cannot be written at its end (their directory removed while it trained)
// says so for both and exits 1, and leaves no file open, its --log
// included, nor any goroutine.
func TestFailedRunClosesItsFiles(t *testing.T) {
	leakcheck.Check(t)
	dir := t.TempDir()
	logDir, outDir := filepath.Join(dir, "log"), filepath.Join(dir, "out")
	for _, d := range []string{logDir, outDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var stdout removeOnFirstWrite
	stdout.dir = outDir
	var stderr strings.Builder
	code := run([]string{"--headless", "--preset", "vanilla", "--epochs", "40", "--every", "10",
		"--log", filepath.Join(logDir, "run.csv"), "--save", filepath.Join(outDir, "run.ckpt"), "--plot", filepath.Join(outDir, "run.png")}, &stdout, &stderr)
	if code != exitFailure || !strings.Contains(stderr.String(), "--save") || !strings.Contains(stderr.String(), "--plot") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if open := leakcheck.OpenFiles(t, dir); len(open) > 0 {
		t.Fatalf("files still open after the run: %q", open)
	}
}

// removeOnFirstWrite removes dir at the first write to it, the first
// progress line of a run, and keeps what is written.
type removeOnFirstWrite struct {
	strings.Builder
	dir     string
	removed bool
}

func (w *removeOnFirstWrite) Write(p []byte) (int, error) {
	if !w.removed {
		w.removed = true
		if err := os.RemoveAll(w.dir); err != nil {
			return 0, err
		}
	}
	return w.Builder.Write(p)
}
