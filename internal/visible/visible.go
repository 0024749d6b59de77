// Package visible writes text that came from outside (a path, a flag's
// value, a file's name) so that a terminal shows it on one line instead
// of obeying it.
package visible

import (
	"fmt"
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
