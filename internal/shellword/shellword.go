// Package shellword writes a word of a command line that ganui prints for
// a user to run (a run's command again, a flag an error says was meant)
// so that a POSIX shell reads it back as that one word.
//
// It is also the one way a message names a file, a preset or an argument
// the user gave: 'my run.json': no such file, unknown preset 'my run',
// unexpected argument $'a\nb.json', so that the name can be pasted into
// a command as it is, where Go's "my run.json" beside a command's 'my
// run.json' asked which quotes were the name's. A value judged as one
// (g_lr: "x" is not a number) is written in Go's quotes instead, which
// visible.Message cuts short where it is long: it is no name to paste.
package shellword

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/visible"
)

// Quote quotes w in single quotes, each single quote in it written '\”,
// unless it needs none: a word of letters, digits and _.,:+=/- alone is
// written as it is, as a shell reads it (ring, run.json, g_lr=1e-3), and
// any other, a file's name with a space or a *, is quoted ('my run.json').
// A word that begins with = is quoted too ('=run.ckpt'): zsh reads =WORD
// as the path of the command WORD (its EQUALS option, on by default),
// refusing "zsh: run.ckpt not found" where there is none.
// A word that holds a character a terminal obeys, or a byte that is not
// UTF-8, is written as Dollar writes it, $'r\xe2\x80\xaetpkc.ckpt': in
// '…' a terminal would show the rest of the line reversed (U+202E) or
// broken (a line break), and a copy of what it showed would be another word.
// Every word ganui prints for a user to run or to read as a file's name
// is written so; a command that holds such a word ends DollarNote
// (Noted).
func Quote(w string) string {
	if q, ok := Dollar(w); ok {
		return q
	}
	if w != "" && w[0] != '=' && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,:+=/-") == "" {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

// DollarNote ends a command line that holds a word Dollar wrote: a POSIX
// sh before POSIX.1-2024's (dash) reads $'…' as other words. A stopped
// headless run's line and the trainer's again: command end so.
const DollarNote = " (a command for bash or zsh, which read its $'…')"

// NeedsDollar reports whether Quote writes w as Dollar does: w holds a
// character a terminal obeys (visible.Hidden) or a byte that is not UTF-8.
func NeedsDollar(w string) bool {
	return !utf8.ValidString(w) || strings.ContainsFunc(w, visible.Hidden)
}

// Noted is cmd, a command line whose words, quoted by Quote, include
// words, ended DollarNote where one of words needs Dollar (NeedsDollar):
// "ganui --resume $'r\xe2\x80\xaetpkc.ckpt' (a command for bash or zsh, which
// read its $'…')", and cmd as it is where none does.
func Noted(cmd string, words ...string) string {
	for _, w := range words {
		if NeedsDollar(w) {
			return cmd + DollarNote
		}
	}
	return cmd
}

// Words writes words as a command line's, each as Quote writes it,
// joined by spaces; dollar reports that Quote wrote one as Dollar does,
// which the line's command then ends DollarNote to say.
func Words(words []string) (line string, dollar bool) {
	qs := make([]string, len(words))
	for i, w := range words {
		qs[i], dollar = Quote(w), dollar || NeedsDollar(w)
	}
	return strings.Join(qs, " "), dollar
}

// Dollar writes w as bash's and zsh's $'…' reads it back, each character
// that acts on a terminal rather than showing as itself (visible.Hidden:
// a line break, an ESC, U+202E RIGHT-TO-LEFT OVERRIDE) and each byte that
// is not UTF-8 as an escape, \n, \x1b, \xff, and \ and ' as \\ and
// \'; a character of more than one byte, U+202E, as its UTF-8 bytes,
// \xe2\x80\xae, not \u202e, which bash in the C locale (a container's,
// cron's) reads as those six characters, and bash before 4.2 (macOS's
// /bin/bash, 3.2) everywhere. ok is false, and q "", where w holds none
// of them: Quote writes it. No form of a POSIX sh before POSIX.1-2024
// writes such a word on one line and shows it as it is: Quote's '…'
// holds the line break, and its terminal obeys the rest.
func Dollar(w string) (q string, ok bool) {
	if !NeedsDollar(w) {
		return "", false
	}
	var b strings.Builder
	b.WriteString("$'")
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, w[0])
		case r == '\\' || r == '\'':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case visible.Hidden(r):
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, `\x%02x`, w[i])
			}
		default:
			b.WriteString(w[:n])
		}
		w = w[n:]
	}
	b.WriteByte('\'')
	return b.String(), true
}
