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
		if got := NearbyAs(path, filepath.Ext(path)); got != want {
			t.Errorf("NearbyAs(%q, its extension) = %q, want %q", path, got, want)
		}
	}
}

// TestNearbyAsAddsTheExtension: a name that names no file is answered with
// the file of the extension wanted that it names with the extension added,
// or one of that extension whose name is near; never a file of another
// extension (r.csv was told a.csv where a preset file was wanted); a name
// with none near, with none.
func TestNearbyAsAddsTheExtension(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"run.ckpt", "my.json", "old.ckpt", "a.csv"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "d.ckpt"), 0o755); err != nil {
		t.Fatal(err)
	}
	at := func(n string) string { return filepath.Join(dir, n) }
	for _, c := range []struct{ path, ext, want string }{
		{at("run"), ".ckpt", " (did you mean " + at("run.ckpt") + "?)"},
		{at("my"), ".json", " (did you mean " + at("my.json") + "?)"},
		{at("rn.ckpt"), ".ckpt", " (did you mean " + at("run.ckpt") + "?)"},
		{at("rn"), ".ckpt", " (did you mean " + at("run.ckpt") + "?)"},     // the name near, the extension added
		{at("ru.csv"), ".ckpt", " (did you mean " + at("run.ckpt") + "?)"}, // the name near, the extension another
		{at("r.csv"), ".json", ""},                                         // a.csv beside it is no preset file
		{at("my.csv"), ".ckpt", ""},                                        // nor my.json a checkpoint
		{at("my"), ".ckpt", ""},
		{at("run.ckpt.ckpt"), ".ckpt", ""},
		{at("d"), ".ckpt", ""}, // a directory
		{at("none"), ".json", ""},
	} {
		if got := NearbyAs(c.path, c.ext); got != c.want {
			t.Errorf("NearbyAs(%q, %q) = %q, want %q", c.path, c.ext, got, c.want)
		}
	}
}

// TestNearbyOffersNoNameRefused: a file beside whose name CheckName
// refuses, a line break in it or a space before it, is not offered,
// where --resume run.ckpt was told "(did you mean ' run.ckpt'?)", which
// given is refused for its space, and a name on two lines broke the
// message's line.
func TestNearbyOffersNoNameRefused(t *testing.T) {
	for _, n := range []string{"ru\nn.ckpt", " run.ckpt", "run\x1b.ckpt"} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Skip(err) // a file system that takes no such name
		}
		if got := NearbyAs(filepath.Join(dir, "run.ckpt"), ".ckpt"); got != "" {
			t.Errorf("beside %q: NearbyAs(run.ckpt) = %q, want none", n, got)
		}
	}
}
