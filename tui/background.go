package tui

import (
	"regexp"
	"strconv"
	"strings"
	"time"

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
// answer) is no key either: bubbletea reads it as a sequence it does not
// know, or, on the screen's first line at its second or third column, as
// an F key (positionKey), which the status called "f15 is not a key
// here"; after the terminator, next is afterAnswer, and such an F key
// next is part of the answer.
// The answer's colour, whole, is the screen's background (lateColour).
func lateAnswer(k tea.KeyMsg, so string) (part bool, next string) {
	switch {
	case k.Type == tea.KeyRunes && k.Alt && string(k.Runes) == "]":
		return true, "]"
	case so == "":
		return false, ""
	case so == afterAnswer:
		return positionKey(k), ""
	case so == answerOpened && k.Type == tea.KeyRunes && !k.Alt && strings.HasPrefix(string(k.Runes), "]") && answerText(string(k.Runes[1:])):
		return true, string(k.Runes)
	case so == answerEnding && k.Type == tea.KeyRunes && !k.Alt && string(k.Runes) == `\`:
		return true, afterAnswer
	case so == answerOpened || so == answerEnding:
		return false, ""
	case k.Type == tea.KeyRunes && !k.Alt && answerText(so[1:]+string(k.Runes)):
		return true, so + string(k.Runes)
	case so != "]" && (k.Type == tea.KeyCtrlG || k.Type == tea.KeyRunes && k.Alt && string(k.Runes) == `\`):
		return true, afterAnswer
	}
	return false, ""
}

// lateAnswer's states besides "" and the answer's text: afterAnswer once
// a late answer's colour has ended, where the cursor's position may
// follow; answerOpened where its opening ESC alone was read
// (askBackground's wait ended on it), the rest, "]11;rgb:…", to come as
// runes; answerEnding where its colour and the ESC of its ST were read,
// the "\" to come as a rune.
const (
	afterAnswer  = "R"
	answerOpened = "ESC"
	answerEnding = "ST"
)

// backgroundBegun is the lateAnswer state the trainer starts in: what
// askBackground read of an answer begun when its wait ended (answerBegun),
// "" where none was. The rest of that answer comes to the trainer
// without the alt+] that begins a late one: "ff/ffff/ffff ESC \" after
// "ESC ] 11;rgb:ff" was read, whose f had turned to the events.
var backgroundBegun string

// answerBegun is the lateAnswer state in which the rest of an answer to
// askBackground's question is dropped, where read is what was read of it
// when the wait ended: its text so far after "]", answerOpened or
// answerEnding, afterAnswer where the colour was read whole (its
// position to come), "" where no answer was begun.
func answerBegun(read []byte) string {
	s := string(read)
	if colourAnswer.MatchString(s) {
		return afterAnswer
	}
	i := strings.Index(s, "\x1b]")
	if i < 0 {
		if strings.HasSuffix(s, "\x1b") {
			return answerOpened
		}
		return ""
	}
	text := s[i+2:]
	if t, ok := strings.CutSuffix(text, "\x1b"); ok && t != "" && answerText(t) {
		return answerEnding
	}
	if answerText(text) {
		return "]" + text
	}
	return ""
}

// positionKey tells whether k is what bubbletea reads of the terminal's
// answer to the cursor's position (CSI row;col R) where that answer is
// an F key's sequence: on row 1, column 2 ("\x1b[1;2R", f15) or 3
// ("\x1b[1;3R", alt+f3). Any other position bubbletea reads as a
// sequence it does not know, which is no key.
func positionKey(k tea.KeyMsg) bool {
	return k.Type == tea.KeyF15 && !k.Alt || k.Type == tea.KeyF3 && k.Alt
}

// positionLate is how long after the trainer's start a position key
// (positionKey) is taken for the answer to a background's question that
// went unanswered within BackgroundWait (backgroundUnanswered): the
// answer may come later still, and what askBackground read of it was
// lost with the wait, its colour among it, leaving the position to come
// alone. termenv waits as long for each byte of an answer. A user's F
// keys say "not a key here" as before outside it.
const positionLate = 5 * time.Second

// backgroundUnanswered is whether askBackground's last question went
// unanswered within its wait: the terminal's answer, or its end, may
// then come to the trainer as keys.
var backgroundUnanswered bool

// lateColour is the background that a late answer read so far, so
// (lateAnswer's: "]" and the answer's text), gives once its terminator
// comes: dark as backgroundAnswer reads it, ok where so is the whole of a
// colour. The screen, drawn meanwhile in the variants of a terminal that
// did not answer (COLORFGBG's, or the dark ones), takes that background
// at the next frame: a light terminal whose answer took longer than
// BackgroundWait (an ssh link 400 ms away) was drawn in the dark
// variants, near white on white, for the whole run.
func lateColour(so string) (dark, ok bool) {
	if !strings.HasPrefix(so, "]") {
		return false, false
	}
	dark, ok, _ = backgroundAnswer([]byte("\x1b" + so + "\x1b\\\x1b[1;1R"))
	return dark, ok
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
