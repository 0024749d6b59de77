package tui

import (
	"regexp"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
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

// lateAnswer tells whether the key k is part of a terminal's answer to
// askBackground that came after its wait (BackgroundWait: a slow link, a
// terminal busy), read by the trainer as keys: bubbletea reads "ESC ]
// 11;rgb:ffff/ffff/ffff ESC \" as alt+], the runes
// "11;rgb:ffff/ffff/ffff" and alt+\ (ctrl+g where a BEL ends it), and
// those runes, split into keys (splitKeys), reseeded the run (r), stepped
// G (g), pinned a baseline (b) and turned to the events (f). so is the
// answer read so far, "" outside one, and next what it is with k: an
// answer begins at an alt+], a key ganui does not take, goes on with
// runes that go on its text and ends at its terminator; a key that does
// not go on it is a key. The cursor's position that follows (CSI 6n's
// answer) changes nothing: bubbletea reads it as a sequence it does not
// know, or, on the screen's first line, as an F key ganui does not take.
func lateAnswer(k tea.KeyMsg, so string) (part bool, next string) {
	switch {
	case k.Type == tea.KeyRunes && k.Alt && string(k.Runes) == "]":
		return true, "]"
	case so == "":
		return false, ""
	case k.Type == tea.KeyRunes && !k.Alt && answerText(so[1:]+string(k.Runes)):
		return true, so + string(k.Runes)
	case so != "]" && (k.Type == tea.KeyCtrlG || k.Type == tea.KeyRunes && k.Alt && string(k.Runes) == `\`):
		return true, ""
	}
	return false, ""
}

// answerText tells whether s is the text of an answer to the background's
// question, whole or begun: "11;rgb:" (or "11;rgba:") and hex digits
// and slashes.
func answerText(s string) bool {
	for _, head := range []string{"11;rgb:", "11;rgba:"} {
		if strings.HasPrefix(head, s) {
			return true
		}
		if rest, ok := strings.CutPrefix(s, head); ok && strings.Trim(rest, "0123456789abcdefABCDEF/") == "" {
			return true
		}
	}
	return false
}
