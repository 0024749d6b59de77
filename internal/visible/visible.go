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
// terminal escape sequence), its bidirectional formatting characters
// (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, ...) and
// its bytes that are not UTF-8 as Go escapes: \n, \x1b, \u202e, \xff.
// A bidirectional one reorders what a terminal shows after it, so that
// a name could read as another ("Trojan Source"), so it is escaped
// too. Everything else is kept as it is, so a name that holds none of
// them comes back unchanged.
func String(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, Hidden) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case Hidden(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// Hidden reports whether r acts on a terminal rather than showing as
// itself: a control character, or a bidirectional formatting one
// (unicode.Bidi_Control). String escapes them; a text that must show as
// itself, a preset's name, refuses them (engine's checkLine).
func Hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}

var (
	quoted   = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`) // a Go-quoted string
	longWord = regexp.MustCompile(`[^\s"]{81,}`)
)

// Message writes msg, an error's, as one line of a terminal: its lines
// (those of a joined error, or of a path) joined with "; ", its control
// characters as escapes (String), and any value in it longer than 80
// characters cut short with "…" — quoted, or not (a number of 100,000
// digits, a flag's name as long) — so that a bad 100 kB argument is not
// echoed back whole. But a word that could name a file (couldBePath),
// quoted for the shell or not, is kept whole, so that it can be copied:
// a checkpoint's path, the file kept beside it and the command that
// resumes it, /home/ana/courses/…/run-lr-2e-4.ckpt, are often longer
// than 80 characters. Message cannot tell such a word from a bad value
// as long (200 digits could be a file's name): it comes back whole too.
// A Go-quoted value is the echo of a bad one, and is cut all the same.
// The one ':', ',' or ';' after a word is the sentence's, kept after
// the cut ("…: out of range"); the rest of a run of them is the word's.
func Message(msg string) string {
	line := quoted.ReplaceAllStringFunc(String(strings.Join(strings.Split(msg, "\n"), "; ")), func(q string) string {
		if r := []rune(q); len(r) > 82 {
			return string(r[:78]) + "…\""
		}
		return q
	})
	return longWord.ReplaceAllStringFunc(line, func(w string) string {
		end := "" // the sentence's mark after the word, kept: one, so that a word of 100,000 colons is not all mark
		if strings.ContainsAny(w[len(w)-1:], ":,;") {
			end = w[len(w)-1:]
		}
		if r := []rune(w); len(r) > 80 && !couldBePath(strings.Trim(w[:len(w)-len(end)], "'")) {
			return string(r[:78]) + "…" + end
		}
		return w
	})
}

// couldBePath reports whether w could name a file: it is at most
// PATH_MAX, 4,096 bytes, long, and none of the names its slashes part
// is longer than NAME_MAX, 255 bytes, Linux's bounds and the widest of
// the systems ganui runs on. A longer word names no file any system
// opens, so that a bad argument of 100 kB, a path or not, is cut.
func couldBePath(w string) bool {
	if len(w) > pathMax {
		return false
	}
	for name := range strings.SplitSeq(w, "/") {
		if len(name) > nameMax {
			return false
		}
	}
	return true
}

// pathMax and nameMax are Linux's PATH_MAX and NAME_MAX (couldBePath).
const pathMax, nameMax = 4096, 255
