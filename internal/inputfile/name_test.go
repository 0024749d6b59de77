package inputfile

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestCheckNameIsOneName: a name that holds a control character, or has
// spaces around it, is refused, saying which; a space inside a name, or
// a character that is merely not ASCII, is the name's.
func TestCheckNameIsOneName(t *testing.T) {
	for name, want := range map[string]string{
		"a.ckpt\nb.ckpt": `"a.ckpt\nb.ckpt" holds the control character U+000A ('\n'); give one file's name, on one line`,
		"x.json\t":       `"x.json\t" holds the control character U+0009 ('\t'); give one file's name, on one line`,
		"run\u0085.csv":  `"run\u0085.csv" holds the control character U+0085 ('\u0085'); give one file's name, on one line`,
		"run.ckpt ":      `"run.ckpt " has spaces around it; give the name without them`,
		"my run.ckpt":    "",
		"σ.json":         "",
	} {
		got := ""
		if err := CheckName(name); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%q: %q, want %q", name, got, want)
		}
	}
}

// TestTildeLeft: a name begun with a ~/ is one no shell expanded, its
// rest given, unless a directory ~ in the directory it is read from is
// the name's; a ~ elsewhere in a name, or one not followed by a /, is
// the name's.
func TestTildeLeft(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	dir, with := t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(with, "~"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir, path, rest string
		left            bool
	}{
		{dir, "~/d.csv", "d.csv", true},
		{dir, "~/my data/d.csv", "my data/d.csv", true},
		{with, "~/d.csv", "", false},
		{dir, "~bob/d.csv", "", false},
		{dir, "data/~/d.csv", "", false},
		{dir, "d~.csv", "", false},
	} {
		if rest, left := TildeLeft(c.dir, c.path); rest != c.rest || left != c.left {
			t.Errorf("TildeLeft(%s, %q) = %q, %v; want %q, %v", c.dir, c.path, rest, left, c.rest, c.left)
		}
	}
}
