package shellword

import (
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/visible"
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
		// zsh reads =WORD as the command WORD's path: quoted.
		{"=run.ckpt", "'=run.ckpt'"},
		{"=", "'='"},
		{"a=b.ckpt", "a=b.ckpt"},
		{"", "''"},
		// A character a terminal obeys, or a byte not UTF-8: Dollar's.
		{"r\u202etpkc.ckpt", `$'r\xe2\x80\xaetpkc.ckpt'`},
		{"my run\xff.ckpt", `$'my run\xff.ckpt'`},
		{"it's\n.csv", `$'it\'s\n.csv'`},
	} {
		if got := Quote(c.w); got != c.want {
			t.Errorf("Quote(%q) = %s, want %s", c.w, got, c.want)
		}
	}
}

// TestNoted: a command ends DollarNote where one of its words is written
// $'…', and only there.
func TestNoted(t *testing.T) {
	for _, c := range []struct {
		words []string
		want  string
	}{
		{[]string{"run.ckpt", "my run.ckpt"}, "cmd"},
		{[]string{"run.ckpt", "r\u202etpkc.ckpt"}, "cmd" + DollarNote},
		{[]string{"r\xff.ckpt"}, "cmd" + DollarNote},
		{nil, "cmd"},
	} {
		if got := Noted("cmd", c.words...); got != c.want {
			t.Errorf("Noted(cmd, %q) = %q, want %q", c.words, got, c.want)
		}
	}
}

// FuzzQuote: a POSIX shell reads a quoted word back as the one word it
// was; bash one that Quote writes $'…' (NeedsDollar); and zsh, where it
// is installed, every word, as DollarNote says it does.
func FuzzQuote(f *testing.F) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		f.Skip("no sh")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		f.Skip("no bash")
	}
	zsh, _ := exec.LookPath("zsh") // "" where there is none
	for _, w := range []string{"ring", "my run.json", "it's", "$(x)", "a\\b", "", "'", "-n", "=run.ckpt", "=ls", "a=b"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if strings.ContainsRune(w, 0) {
			return // no argument of a command line holds a NUL
		}
		read := func(cmd *exec.Cmd) {
			t.Helper()
			cmd.Env = append(cmd.Environ(), "LC_ALL=C.UTF-8")
			out, err := cmd.Output()
			if err != nil || string(out) != w {
				t.Fatalf("%s read %s as %q (%v), want %q", cmd.Path, Quote(w), out, err, w)
			}
		}
		if NeedsDollar(w) {
			read(exec.Command(bash, "-c", "printf %s "+Quote(w)))
		} else {
			read(exec.Command(sh, "-c", "printf %s "+Quote(w)))
		}
		if zsh != "" {
			read(exec.Command(zsh, "-f", "-c", "printf %s "+Quote(w)))
		}
	})
}

// TestDollar: a word that holds a character a terminal obeys is written
// as $'…' on one line, each such character escaped, and bash reads it
// back as the word it was; any other word is left to Quote.
func TestDollar(t *testing.T) {
	for _, c := range []struct{ w, want string }{
		{"g_hidden=[8,\n8]", `$'g_hidden=[8,\n8]'`},
		{"my\u202enosj.json", `$'my\xe2\x80\xaenosj.json'`},
		{"it's\\\t\x1b[31m", `$'it\'s\\\t\x1b[31m'`},
		{"run\xff\u0085.csv", `$'run\xff\xc2\x85.csv'`},
		{"σ\u2066a", `$'σ\xe2\x81\xa6a'`},
	} {
		got, ok := Dollar(c.w)
		if !ok || got != c.want {
			t.Errorf("Dollar(%q) = %s, %v, want %s", c.w, got, ok, c.want)
		}
	}
	for _, w := range []string{"ring", "my run.json", "σ.png", "it's"} {
		if got, ok := Dollar(w); ok {
			t.Errorf("Dollar(%q) = %s, want it left to Quote", w, got)
		}
	}
}

// FuzzDollar: bash reads a word Dollar writes back as the one word it
// was, on one line that shows no character a terminal obeys.
func FuzzDollar(f *testing.F) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		f.Skip("no bash")
	}
	for _, w := range []string{"a\nb", "x\u202ey", "'\\\n", "\xff\xfe", "\x1b[0m\u0085", "\u200fé"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if strings.ContainsRune(w, 0) {
			return // no argument of a command line holds a NUL
		}
		q, ok := Dollar(w)
		if !ok {
			return
		}
		if !utf8.ValidString(q) || strings.ContainsFunc(q, visible.Hidden) {
			t.Fatalf("Dollar(%q) = %q, which a terminal would not show as it is", w, q)
		}
		for _, locale := range []string{"C.UTF-8", "C"} {
			cmd := exec.Command(bash, "-c", "printf %s "+q)
			cmd.Env = append(cmd.Environ(), "LC_ALL="+locale)
			out, err := cmd.Output()
			if err != nil || string(out) != w {
				t.Fatalf("bash in LC_ALL=%s read %s as %q (%v), want %q", locale, q, out, err, w)
			}
		}
	})
}

// TestDollarReadsBackInAnyLocale: bash reads a word Dollar wrote back as
// the word it was in the C locale too, a container's or cron's, where it
// reads $'\u202e' as the six characters \u202E; bash 3.2 (macOS's
// /bin/bash) knows no \u at all, and zsh refuses one outside UTF-8. So
// each byte of a character a terminal obeys is written \xHH.
func TestDollarReadsBackInAnyLocale(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	for _, w := range []string{"r\u202etpkc.ckpt", "run\xff\u0085.csv", "σ\u2066a", "a\nb"} {
		q, _ := Dollar(w)
		for _, locale := range []string{"C", "POSIX", "C.UTF-8"} {
			cmd := exec.Command(bash, "-c", "printf %s "+q)
			cmd.Env = append(cmd.Environ(), "LC_ALL="+locale)
			out, err := cmd.Output()
			if err != nil || string(out) != w {
				t.Errorf("bash in LC_ALL=%s read %s as %q (%v), want %q", locale, q, out, err, w)
			}
		}
	}
}
