package visible

import (
	"strings"
	"testing"
)

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"run.ckpt":                        "run.ckpt",
		"Müller ½ N(2, 0.5²)":             "Müller ½ N(2, 0.5²)",
		"a\nb":                            `a\nb`,
		"\x1b[31mred":                     `\x1b[31mred`,
		"caf\xe9.json":                    `caf\xe9.json`,
		"\u0085tab\t":                     `\u0085tab\t`,
		"ab\u202ecd.ckpt":                 `ab\u202ecd.ckpt`, // a bidirectional override, which reorders what follows
		"\u2066x\u2069\u200e\u200f\u061c": `\u2066x\u2069\u200e\u200f\u061c`,
		"\u200dzwj":                       "\u200dzwj", // a zero-width joiner (emoji sequences) is no bidirectional control
		"":                                "",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMessage: an error's text is one line, escaped, its values longer
// than 80 characters cut short, quoted or not, the sentence's own
// punctuation kept.
func TestMessage(t *testing.T) {
	long := strings.Repeat("9", 1000)
	for in, want := range map[string]string{
		"--resume: first\nsecond.ckpt: no such file": "--resume: first; second.ckpt: no such file",
		"unknown flag --\x1b]0;t\a":                  `unknown flag --\x1b]0;t\a`,
		`--set: "` + long + `" is not a number`:      `--set: "` + long[:77] + `…" is not a number`,
		"--epochs: " + long + ": out of range":       "--epochs: " + long[:78] + "…: out of range",
		"--seed: 3 out of range":                     "--seed: 3 out of range",
	} {
		if got := Message(in); got != want {
			t.Errorf("Message(%q) = %q, want %q", in, got, want)
		}
	}
}
