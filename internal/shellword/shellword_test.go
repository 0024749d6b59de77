package shellword

import (
	"os/exec"
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	for _, c := range []struct{ w, want string }{
		{"ring", "ring"},
		{"/tmp/run.json", "/tmp/run.json"},
		{"g_lr=1e-3", "g_lr=1e-3"},
		{"my run.json", "'my run.json'"},
		{"a*.json", "'a*.json'"},
		{"it's.json", `'it'\''s.json'`},
		{"target=ring(8,2,0.02)", "'target=ring(8,2,0.02)'"},
		{"$HOME", "'$HOME'"},
		{"~/x.json", "'~/x.json'"},
		{"", "''"},
	} {
		if got := Quote(c.w); got != c.want {
			t.Errorf("Quote(%q) = %s, want %s", c.w, got, c.want)
		}
	}
}

// FuzzQuote: a POSIX shell reads a quoted word back as the one word it
// was.
func FuzzQuote(f *testing.F) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		f.Skip("no sh")
	}
	for _, w := range []string{"ring", "my run.json", "it's", "$(x)", "a\\b", "", "'", "-n"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if strings.ContainsRune(w, 0) {
			return // no argument of a command line holds a NUL
		}
		out, err := exec.Command(sh, "-c", "printf %s "+Quote(w)).Output()
		if err != nil || string(out) != w {
			t.Fatalf("sh read %s as %q (%v), want %q", Quote(w), out, err, w)
		}
	})
}
