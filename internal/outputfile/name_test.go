package outputfile

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/shellword"
)

// FuzzCheckName: any name given to a flag that reads a file
// (inputfile.CheckName: --preset, --resume) or writes one (CheckName:
// --log, --save, --plot) is taken only when it is one file's name — no
// control character, no spaces around it, and, to write, no bidirectional
// formatting character, no directory's slash at its end nor an extension
// alone — or refused in one line that
// begins with the name quoted and says which; the name a refusal of an
// extension alone suggests (e.g. run.png) is taken.
func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"run.png", ".png", "out/.csv", "a.ckpt\nb.ckpt", "x.json\t", "run\u0085.csv", "run.ckpt ", " run.csv", "my run.csv",
		"σ.png", "run.png/", "..png", "/.PNG", "a /.png", ".", "/", "\u00a0.png", "\u2028", "\xff.csv", "run.svg", "run\u202egnp.csv", "\u2066.png", ".run.ckpt.tmp-0123abcd", "out/..tmp-00000000", ".x.tmp-0123ABCD", ".tmp-01234567"} {
		f.Add(s)
	}
	own := func(ext string) bool { return strings.EqualFold(ext, ".png") || strings.EqualFold(ext, ".csv") }
	f.Fuzz(func(t *testing.T, name string) {
		if name == "" {
			return // refused by the flags before (--log: empty; give a name)
		}
		in, out := inputfile.CheckName(name), CheckName(name, own)
		oneName := !strings.ContainsFunc(name, unicode.IsControl) && strings.TrimSpace(name) == name
		if (in == nil) != oneName || in != nil && (out == nil || out.Error() != in.Error()) {
			t.Fatalf("%q: to read %v, to write %v", name, in, out)
		}
		if out == nil && strings.ContainsFunc(name, bidi) {
			t.Fatalf("%q: taken to write, its bidirectional formatting character and all", name)
		}
		if out == nil {
			return
		}
		msg := out.Error()
		// As a shell reads it, as the names the message gives are, a
		// control character in it too ($'a\nb.ckpt'), so that it can be
		// pasted into a command that renames it.
		if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, shellword.Quote(name)+" ") {
			t.Fatalf("%q: %q, want one line that begins with the name quoted", name, msg)
		}
		if _, suggested, ok := strings.Cut(msg, "; give e.g. "); ok {
			if err := CheckName(suggested, own); err != nil {
				t.Fatalf("%q: %q suggests %q, refused: %v", name, msg, suggested, err)
			}
		}
	})
}

// FuzzKeptName: the name a write is kept under beside a file called base
// (keptName), whatever base is, fits the 255 bytes a file system takes
// of a name where base does, holds ".kept" and its number, is no hidden
// name where base is none, and is UTF-8 where base is.
func FuzzKeptName(f *testing.F) {
	for _, s := range []string{"run.csv", "x" + strings.Repeat("é", 123) + ".csv", "x." + strings.Repeat("a", 250), "run.kept.csv", "run.", "run", ".ckpt", "日本." + strings.Repeat("a", 247), strings.Repeat("\x80", 251) + ".csv"} {
		f.Add(s, 0)
		f.Add(s, 2)
		f.Add(s, 1001)
	}
	f.Fuzz(func(t *testing.T, base string, i int) {
		if base == "" || len(base) > 255 || strings.ContainsRune(base, '/') || base == "." || base == ".." || i < 0 || i > 1100 {
			t.Skip()
		}
		n := ""
		switch {
		case i > 1000:
			n = "-5f3a09c1"
		case i > 1:
			n = "-" + strconv.Itoa(i)
		}
		got := keptName(base, n)
		if len(got) > 255 || !strings.Contains(got, ".kept"+n) {
			t.Fatalf("keptName(%q, %q) = %q: %d bytes", base, n, got, len(got))
		}
		if base[0] != '.' && got[0] == '.' {
			t.Fatalf("keptName(%q, %q) = %q, a hidden name", base, n, got)
		}
		if utf8.ValidString(base) && !utf8.ValidString(got) {
			t.Fatalf("keptName(%q, %q) = %q, not UTF-8", base, n, got)
		}
	})
}

// FuzzTempPrefix: the prefix of the temporary files' names for a file
// called base (tempPrefix) leaves, with its eight hexadecimal digits, a
// name within the 255 bytes a file system takes of one where base is,
// begins with "." and base or as much of it as fits, at least a letter of
// it, and is UTF-8 where base is: a name of no UTF-8 cut to nothing had
// the prefix "..tmp-", shared by every such name in its directory.
func FuzzTempPrefix(f *testing.F) {
	for _, s := range []string{"run.ckpt", strings.Repeat("a", 255), "x" + strings.Repeat("é", 127), strings.Repeat("日", 85), strings.Repeat("\x80", 251) + ".csv", strings.Repeat("\x80", 242)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, base string) {
		if base == "" || len(base) > 255 || strings.ContainsRune(base, '/') || base == "." || base == ".." {
			t.Skip()
		}
		got := tempPrefix(base)
		kept, ok := strings.CutSuffix(got, ".tmp-")
		if !ok || len(got)+8 > 255 || !strings.HasPrefix("."+base, kept) || len(kept) < 2 {
			t.Fatalf("tempPrefix(%q) = %q: %d bytes", base, got, len(got))
		}
		if utf8.ValidString(base) && !utf8.ValidString(got) {
			t.Fatalf("tempPrefix(%q) = %q, not UTF-8", base, got)
		}
	})
}

// TestTempFormNameQuotesTheFileItIsOf: a name of the form of the hidden
// file ganui writes another into first names that other quoted where a
// shell would not read it as one word, "…writes 'my run.ckpt' into
// first", where "writes my run.ckpt into first" read as words of the
// sentence; a plain one reads as before. The name given is quoted alike,
// one quoting in the message, "'out/.my run.ckpt.tmp-0123abcd' is a name
// …", where Go's quotes began it beside the shell's.
func TestTempFormNameQuotesTheFileItIsOf(t *testing.T) {
	own := func(string) bool { return false }
	for name, of := range map[string]string{
		".run.ckpt.tmp-0123abcd":        "run.ckpt",
		"out/.my run.ckpt.tmp-0123abcd": "'my run.ckpt'",
	} {
		want := shellword.Quote(name) + " is a name of the form ganui gives the hidden file it writes " + of + " into first, which a write of " + of + " removes as one a killed write left; give another name"
		if err := CheckName(name, own); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %q", name, err, want)
		}
	}
}
