package visible

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
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
// punctuation kept; but for a word that could be a path, at most 4,096
// bytes of names of at most 255, which is kept whole to be copied: a
// path past 80 characters, a name of 255, quoted for the shell or not.
// A word past either bound, a bad argument of 100 kB, is cut.
func TestMessage(t *testing.T) {
	long := strings.Repeat("9", 1000)
	path := "/home/ana/courses/2026-ml/week-09-gans/experiments/wide-generators/run-lr-2e-4.ckpt"
	deep := strings.Repeat("/"+strings.Repeat("d", 255), 16) // 4,096 bytes
	name := strings.Repeat("é", 127) + "x"                   // 255 bytes
	huge := "/tmp/" + strings.Repeat("x", 100<<10) + "/x.csv"
	for in, want := range map[string]string{
		"--resume: first\nsecond.ckpt: no such file":             "--resume: first; second.ckpt: no such file",
		"unknown flag --\x1b]0;t\a":                              `unknown flag --\x1b]0;t\a`,
		`--set: "` + long + `" is not a number`:                  `--set: "` + long[:77] + `…" is not a number`,
		"--epochs: " + long + ": out of range":                   "--epochs: " + long[:78] + "…: out of range",
		"--seed: 3 out of range":                                 "--seed: 3 out of range",
		"ganui --headless --resume " + path + " trains the rest": "ganui --headless --resume " + path + " trains the rest",
		"kept beside it, in '" + path + "', which":               "kept beside it, in '" + path + "', which",
		"--save " + deep + ":":                                   "--save " + deep + ":",
		"in " + name + ";":                                       "in " + name + ";",
		"--save " + deep + "/x: bad":                             "--save " + deep[:78] + "…: bad",
		"in " + name + "é;":                                      "in " + strings.Repeat("é", 78) + "…;",
		"--log: cannot write " + huge + ": file name too long":   "--log: cannot write " + huge[:78] + "…: file name too long",
	} {
		if got := Message(in); got != want {
			t.Errorf("Message(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzMessage: whatever an error says, Message writes it as one line of
// UTF-8 that a terminal shows as it is, no character in it one the
// terminal obeys, and no word in it longer than 80 characters but one
// that could name a file, at most 4,096 bytes (and its quotes and a
// sentence's mark after it): a bad 100 kB argument is not echoed whole,
// whatever its characters, where one of 100,000 colons was ("the
// sentence's" mark after a word kept whole).
func FuzzMessage(f *testing.F) {
	for _, s := range []string{"--resume: first\nsecond.ckpt: no such file", "unknown flag --\x1b]0;t\a", "--preset: " + strings.Repeat(":", 5000),
		"in " + strings.Repeat("é", 127) + "x;", "--save " + strings.Repeat("/"+strings.Repeat("d", 255), 16) + ":", `"` + strings.Repeat("\\", 200) + `"`,
		"\xff\xfe" + strings.Repeat("a", 100), "kept in '" + strings.Repeat("a/", 100) + "', which", strings.Repeat(",;", 3000)} {
		f.Add(s)
	}
	run := regexp.MustCompile(`[^\s"]+`)
	f.Fuzz(func(t *testing.T, msg string) {
		got := Message(msg)
		if !utf8.ValidString(got) || strings.ContainsFunc(got, Hidden) {
			t.Fatalf("Message(%q) = %q: a character a terminal obeys, or bytes not UTF-8", msg, got)
		}
		for _, w := range run.FindAllString(got, -1) {
			if utf8.RuneCountInString(w) > 82 && len(w) > pathMax+3 {
				t.Fatalf("Message(%q) = %q: a word of %d bytes echoed whole: %.100q", msg, got, len(w), w)
			}
		}
	})
}
