package inputfile

import (
	"testing"
)

// TestCheckNameIsOneName: a name that holds a control character, or has
// spaces around it, is refused, saying which; a space inside a name, or
// a character that is merely not ASCII, is the name's.
func TestCheckNameIsOneName(t *testing.T) {
	for name, want := range map[string]string{
		"a.ckpt\nb.ckpt": `$'a.ckpt\nb.ckpt' holds the control character U+000A ('\n'); give one file's name, on one line`,
		"x.json\t":       `$'x.json\t' holds the control character U+0009 ('\t'); give one file's name, on one line`,
		"run\u0085.csv":  `$'run\xc2\x85.csv' holds the control character U+0085 ('\u0085'); give one file's name, on one line`,
		"run.ckpt ":      `'run.ckpt ' has spaces around it; give the name without them`,
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
