package outputfile

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/ganui/ganui/internal/inputfile"
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
		"σ.png", "run.png/", "..png", "/.PNG", "a /.png", ".", "/", "\u00a0.png", "\u2028", "\xff.csv", "run.svg", "run\u202egnp.csv", "\u2066.png"} {
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
		if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, strconv.Quote(name)+" ") {
			t.Fatalf("%q: %q, want one line that begins with the name quoted", name, msg)
		}
		if _, suggested, ok := strings.Cut(msg, "; give e.g. "); ok {
			if err := CheckName(suggested, own); err != nil {
				t.Fatalf("%q: %q suggests %q, refused: %v", name, msg, suggested, err)
			}
		}
	})
}
