//go:build unix

package session

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteAtomicMode: files get the mode asked for less the umask — a
// checkpoint (0600) is the owner's alone.
func TestWriteAtomicMode(t *testing.T) {
	umask := syscall.Umask(0o022)
	defer syscall.Umask(umask)
	dir := t.TempDir()
	csv, ckpt := filepath.Join(dir, "a.csv"), filepath.Join(dir, "a.ckpt")
	if err := writeAtomic(csv, 0o666, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(ckpt, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "y"); return err }); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]fs.FileMode{csv: 0o644, ckpt: 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), fi.Mode().Perm(), want)
		}
	}
}
