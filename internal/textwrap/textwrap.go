// Package textwrap breaks text into lines for ganui's screens and its
// --help and --list-presets: at plain spaces only, at a width in terminal
// cells (styles' escape codes take none), and never ending a paragraph on
// a word alone. The trainer and the command line wrap alike, so that a
// paragraph that reads well on the one reads alike on the other.
package textwrap

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks s into lines of at most w cells at plain spaces only, never
// inside a word: a file name stays whole, to be read and copied; nor at
// the non-breaking spaces (U+00A0, numtext.Together) that the texts it
// wraps write between a label and its value ("mode 1 at (2, 0)", "ln 2",
// "lr 5e-4"), the one way a text keeps words on one line. A word wider
// than a line has a line of its own, for the caller to cut or leave. Its
// last line never holds a word alone, a widow, where the line above can
// spare one and keep two: that line's last word goes down to it
// (Widowless), so that ring's description at 70×20 ends "mode" over
// "collapse", not "… of mode" over "collapse" alone.
func Wrap(s string, w int) []string {
	var lines []string
	cur, curW := "", -1
	for _, word := range strings.Split(s, " ") {
		ww := ansi.StringWidth(word)
		if curW >= 0 && curW+1+ww > w {
			lines = append(lines, cur)
			cur, curW = "", -1
		}
		if curW >= 0 {
			cur += " "
		}
		cur += word
		curW += 1 + ww
	}
	return Widowless(append(lines, cur), w)
}

// Widowless is lines, wrapped at width w, with a last line of one word
// given the last word of the line above, where the line above keeps two
// words and the last fits in w: a word alone at the end of a paragraph,
// "sigmoid)" or "collapse", reads as a stray. The words are counted as
// they read, tied ones (numtext.Together) each a word; the line above
// gives up only what Wrap could break it at, a plain space.
func Widowless(lines []string, w int) []string {
	words := func(l string) int { return len(strings.Fields(ansi.Strip(l))) }
	n := len(lines)
	if n < 2 || words(lines[n-1]) != 1 {
		return lines
	}
	cut := strings.LastIndex(lines[n-2], " ")
	if cut < 0 {
		return lines
	}
	above, down := lines[n-2][:cut], lines[n-2][cut+1:]+" "+lines[n-1]
	if words(above) < 2 || ansi.StringWidth(down) > w {
		return lines
	}
	lines[n-2], lines[n-1] = above, down
	return lines
}
