package inputfile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNearbyNamesTheFileMeant: a name that names no file is answered
// with the file beside it of its extension nearest to it, written as the
// name was, with its directory; none when none is near, or of another
// kind.
func TestNearbyNamesTheFileMeant(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"run.ckpt", "ring.json", "rn.csv"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "rn.ckpt"):    " (did you mean " + filepath.Join(dir, "run.ckpt") + "?)",
		filepath.Join(dir, "rin.json"):   " (did you mean " + filepath.Join(dir, "ring.json") + "?)",
		filepath.Join(dir, "other.ckpt"): "",
		filepath.Join(dir, "run.pdf"):    "",
		filepath.Join(dir, "no", "x"):    "",
	} {
		if got := Nearby(path); got != want {
			t.Errorf("Nearby(%q) = %q, want %q", path, got, want)
		}
	}
}
