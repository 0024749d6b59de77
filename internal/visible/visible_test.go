package visible

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"run.ckpt":            "run.ckpt",
		"Müller ½ N(2, 0.5²)": "Müller ½ N(2, 0.5²)",
		"a\nb":                `a\nb`,
		"\x1b[31mred":         `\x1b[31mred`,
		"caf\xe9.json":        `caf\xe9.json`,
		"\u0085tab\t":         `\u0085tab\t`,
		"":                    "",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}
