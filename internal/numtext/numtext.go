// Package numtext writes numbers as ganui's screen, lines and outlines
// read them. It is shared by engine (a design's outline), session (a
// runaway's description) and tui (legends and axes), which uses engine
// for its types only.
package numtext

import "strings"

// ShortExp writes the exponent of a number strconv.FormatFloat wrote as
// the screen writes it: no plus sign, no leading zeros (6.495e+09 →
// 6.495e9, 5e-05 → 5e-5); a number without one is returned as it is.
func ShortExp(s string) string {
	mant, exp, ok := strings.Cut(s, "e")
	if !ok {
		return s
	}
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	if exp = strings.TrimLeft(exp[1:], "0"); exp == "" {
		exp = "0"
	}
	return mant + "e" + sign + exp
}
