package textwrap

import (
	"slices"
	"testing"
)

// TestWrap: lines break at plain spaces within the width, a word wider
// than it on a line of its own, words tied with a non-breaking space
// kept on one line, and a paragraph's last line given a word of company
// where the line above keeps two and the pair fits.
func TestWrap(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want []string
	}{
		{"a bb ccc dddddddddd e", 5, []string{"a bb", "ccc", "dddddddddd", "e"}}, // "ccc" alone above: it cannot spare a word
		{"a b c d", 5, []string{"a b", "c d"}},                                   // "a b c" over "d"
		{"lr\u00a05e-4 and lr\u00a02e-4", 9, []string{"lr\u00a05e-4", "and", "lr\u00a02e-4"}},
		{"one two three four", 14, []string{"one two", "three four"}},         // "one two three" over "four"
		{"one two three fourteen", 13, []string{"one two three", "fourteen"}}, // "three fourteen" is wider than 13
	} {
		if got := Wrap(c.s, c.w); !slices.Equal(got, c.want) {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}
