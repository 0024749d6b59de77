// Package suggest guesses the name a misspelt one was meant to be, for
// the "did you mean" of an error: an unknown preset, key, choice or flag.
package suggest

import (
	"strings"

	"github.com/ganui/ganui/internal/numtext"
)

// maxLen bounds the text compared: no name is longer, and the cost of a
// comparison grows with the product of the lengths.
const maxLen = 64

// DidYouMean returns " (did you mean X?)", or " (did you mean X or Y?)"
// when names tie, for the names nearest to s (Nearest), each written as
// show writes it (quoted, with a flag's dashes, …) or, when show is nil,
// as it is; "" when none is near.
func DidYouMean(s string, names []string, show func(string) string) string {
	near := Nearest(s, names)
	for i, n := range near {
		if show != nil {
			near[i] = show(n)
		}
	}
	return Say(near)
}

// Say returns " (did you mean X?)", " (did you mean X or Y?)" or
// " (did you mean X, Y or Z?)" for the names as they are, "" for none:
// DidYouMean's words, for a caller that picks the names itself.
func Say(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return " (did you mean " + numtext.List(names, "or") + "?)"
}

// Nearest returns the names, in their order, at the least edit distance
// from s, ignoring case, when that distance is small enough for a typo:
// one edit in three of s's bytes (one in a two-byte s: "lo" for "log"),
// at most 2, and one in three of the longer of s and the name: between
// two-byte words an edit is half of either, and "r2", a stray word,
// would be answered "did you mean --preset r1?"; "foo" is 2 from "log",
// a guess too. An edit inserts, deletes or changes a byte, or swaps two
// neighbours ("bsae" for "base"). The names tied at the least distance
// are all returned, at most 3.
func Nearest(s string, names []string) []string {
	if len(s) > maxLen {
		return nil
	}
	lower := strings.ToLower(s)
	var near []string
	most := min(2, max(len(s), 3)/3) // the most edits allowed, by s
	best := most + 1                 // the least distance so far, or one past most
	for _, n := range names {
		if len(n) > maxLen {
			continue
		}
		d := distance(lower, strings.ToLower(n))
		switch {
		case d > min(most, max(len(s), len(n))/3):
		case d < best:
			best, near = d, append(near[:0], n)
		case d == best && len(near) < 3:
			near = append(near, n)
		}
	}
	return near
}

// distance is the optimal-string-alignment distance between a and b: the
// fewest insertions, deletions, changes and swaps of neighbouring bytes,
// no byte edited twice, that turn a into b.
func distance(a, b string) int {
	// rows i-2, i-1 and i of the table of distances between prefixes
	prev2, prev, cur := make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
