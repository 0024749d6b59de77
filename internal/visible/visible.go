// Package visible writes text that came from outside (a path, a flag's
// value, a file's name) so that a terminal shows it on one line instead
// of obeying it.
package visible

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String writes the control characters of s (a newline, the ESC of a
// terminal escape sequence) and its bytes that are not UTF-8 as Go
// escapes: \n, \x1b, \xff. Everything else is kept as it is, so a name
// that holds neither comes back unchanged.
func String(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case unicode.IsControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

var (
	quoted   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`) // a Go-quoted string
	longWord = regexp.MustCompile(`[^\s"]{81,}`)
)

// Message writes msg, an error's, as one line of a terminal: its lines
// (those of a joined error, or of a path) joined with "; ", its control
// characters as escapes (String), and any value in it longer than 80
// characters cut short with "…" — quoted, or not (a number of 100,000
// digits, a path, a flag's name) — so that a bad 100 kB argument is not
// echoed back whole.
func Message(msg string) string {
	line := quoted.ReplaceAllStringFunc(String(strings.Join(strings.Split(msg, "\n"), "; ")), func(q string) string {
		if r := []rune(q); len(r) > 82 {
			return string(r[:78]) + "…\""
		}
		return q
	})
	return longWord.ReplaceAllStringFunc(line, func(w string) string {
		end := w[len(strings.TrimRight(w, ":,;")):] // the sentence's, kept
		if r := []rune(w); len(r) > 80 {
			return string(r[:78]) + "…" + end
		}
		return w
	})
}
