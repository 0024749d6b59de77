package tui

import (
	"regexp"
	"strconv"
)

// The terminal's answers to askBackground: its background colour
// (OSC 11, ended by BEL or ST, each channel of one to four hex digits)
// and the cursor's position (CSI 6n), which comes last.
var (
	colourAnswer   = regexp.MustCompile(`\x1b\]11;rgb:([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})(?:\x07|\x1b\\)`)
	positionAnswer = regexp.MustCompile(`\x1b\[[0-9]+;[0-9]+R`)
)

// backgroundAnswer reads the terminal's answer to askBackground so far:
// done once the cursor's position has come, ok if the colour came
// before it, and dark if that colour is, as termenv takes it (its
// lightness under one half).
func backgroundAnswer(answer []byte) (dark, ok, done bool) {
	end := positionAnswer.FindIndex(answer)
	if end == nil {
		return false, false, false
	}
	m := colourAnswer.FindSubmatch(answer[:end[0]])
	if m == nil {
		return false, false, true
	}
	lo, hi := 1.0, 0.0
	for _, c := range m[1:4] {
		v, _ := strconv.ParseUint(string(c), 16, 16)
		x := float64(v) / float64(uint64(1)<<(4*len(c))-1)
		lo, hi = min(lo, x), max(hi, x)
	}
	return (lo+hi)/2 < 0.5, true, true
}
