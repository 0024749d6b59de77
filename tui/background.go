package tui

import (
	"bytes"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
// runes that go on its text, in the shape an answer has (colourText),
// and ends at its terminator; a key that does not go on it is a key. The
// cursor's position that follows (CSI 6n's answer) is no key either:
// bubbletea reads it as a sequence it does not know, or, on the screen's
// first line at its second or third column, as an F key (positionKey),
// which the status called "f15 is not a key here"; after the
// terminator, next is afterAnswer, and such an F key next is part of the
// answer. A position the wait cut ("[12;4" read, its state) goes on with
// runes in its shape (positionText) to its R, where "0R" reset the
// tuning (0) and restarted the run (R). The model gives an answer's
// runes one at a time, so that a key come with them is a key.
// The answer's colour, whole, is the screen's background (lateColour).
func lateAnswer(k tea.KeyMsg, so string) (part bool, next string) {
	runes := k.Type == tea.KeyRunes && !k.Alt && !k.Paste
	switch {
	case k.Type == tea.KeyRunes && k.Alt && string(k.Runes) == "]":
		return true, "]"
	case so == "":
		return false, ""
	case so == afterAnswer && k.Type == tea.KeyRunes && k.Alt && string(k.Runes) == "[":
		return true, "[" // the position, cut by a read: "12;40R" to come
	case so == afterAnswer:
		return positionKey(k), ""
	case so == answerEnding && runes && string(k.Runes) == `\`:
		return true, afterAnswer
	case so == answerEnding:
		return false, ""
	case runes:
		text := string(k.Runes)
		if so != answerOpened {
			text = so + text
		}
		if t, ok := strings.CutPrefix(text, "]"); ok && colourText(t) {
			return true, text
		}
		if t, ok := strings.CutPrefix(text, "["); ok {
			if whole, ok := positionText(t); whole {
				return true, ""
			} else if ok {
				return true, text
			}
		}
	case strings.HasPrefix(so, "]") && so != "]" && (k.Type == tea.KeyCtrlG || k.Type == tea.KeyRunes && k.Alt && string(k.Runes) == `\`):
		return true, afterAnswer
	}
	return false, ""
}

// answerRest is how long a late answer's state lasts once begun (the
// trainer's start, for one the wait cut, or its alt+]): the rest of an
// answer was sent with it and comes at once, where a key typed after it
// is the user's. Kept until a key that could not go on it, the state of
// "ESC ] 11;rgb:ff" cut by the wait took a b typed a minute later for
// the answer's, and dropped it.
const answerRest = time.Second

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
// backgroundTyped is what else askBackground read: keys typed while it
// waited, which the trainer takes as typed before any it reads itself.
var (
	backgroundBegun string
	backgroundTyped []byte
)

// wholeAnswer is an answer to askBackground's question read whole: its
// colour, in whatever form a terminal gives it between "ESC ] 11;" and
// the terminator, or the cursor's position.
var wholeAnswer = regexp.MustCompile(`\x1b\]11;[^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9]+;[0-9]+R`)

// answerBegun splits read, what askBackground read in its wait, into the
// keys typed meanwhile and the lateAnswer state in which the rest of the
// answer is dropped where the wait ended first (late): its colour's text
// so far after "]", answerOpened or answerEnding, the position's after
// "[" ("[12;4", whose "0R" is to come), afterAnswer where the colour was
// read whole (its position to come), "" where no answer was begun.
// A key typed as the question was asked ("q" within the 300 ms) is read
// with the answer, around it or before it, and was lost with it.
//
// A terminal that answers twice (a multiplexer's answer and its
// terminal's, or a question asked twice) is read to the first answer's
// end in reads of 64 bytes, which cut the second (two answers of 33
// bytes): what follows the first, read as it ended, is the second's
// start, its rest no keys, where "0R" after "ESC [ 12;4" reset the
// tuning and restarted the run.
//
// An ESC that ends what was read, late or after the answer, is kept as
// an Esc, as bubbletea reads an ESC that ends a read, and the rest of an
// answer after it dropped all the same (answerOpened): a terminal writes
// its answer whole, so an ESC read alone is a user's more often than
// the start of an answer a read cut; the Esc typed as the wait ended
// was dropped unsaid.
func answerBegun(read []byte, late bool) (typed []byte, begun string) {
	s := string(read)
	colour := colourAnswer.MatchString(s)
	if !late {
		ends := wholeAnswer.FindAllStringIndex(s, -1)
		if len(ends) == 0 {
			return []byte(s), ""
		}
		end := ends[len(ends)-1][1]
		before := wholeAnswer.ReplaceAllString(s[:end], "")
		// No answer is whole in what follows the last: not afterAnswer.
		after, begun := answerBegun([]byte(s[end:]), true)
		return []byte(before + string(after)), begun
	}
	s = wholeAnswer.ReplaceAllString(s, "")
	if i := strings.LastIndex(s, "\x1b]"); i >= 0 {
		text := s[i+2:]
		if t, ok := strings.CutSuffix(text, "\x1b"); ok && t != "" && colourText(t) {
			return []byte(s[:i]), answerEnding
		}
		if colourText(text) {
			return []byte(s[:i]), "]" + text
		}
	}
	if i := strings.LastIndex(s, "\x1b["); i >= 0 {
		if _, ok := positionText(s[i+2:]); ok {
			return []byte(s[:i]), s[i+1:]
		}
	}
	if strings.HasSuffix(s, "\x1b") { // an Esc, or an answer's start: both
		return []byte(s), answerOpened
	}
	if colour {
		return []byte(s), afterAnswer
	}
	return []byte(s), ""
}

// pasteOpen tells whether b, a terminal's input, ends within a bracketed
// paste: its start marker read, its end marker not yet.
func pasteOpen(b []byte) bool {
	start := bytes.LastIndex(b, []byte("\x1b[200~"))
	return start >= 0 && !bytes.Contains(b[start:], []byte("\x1b[201~"))
}

// pasteEnded is b, a terminal's input that ends within a bracketed paste
// (pasteOpen), with the paste's end marker after it, a start of that
// marker the read cut ("ESC [20") taken for it, not for pasted text.
func pasteEnded(b []byte) []byte {
	b = b[:len(b)-len(endBegun(b))]
	return append(b[:len(b):len(b)], pasteEnd...)
}

// pasteEnd is a bracketed paste's end marker.
const pasteEnd = "\x1b[201~"

// endBegun is the start of a paste's end marker that b ends with, "ESC
// [20" where a read cut it there, or "".
func endBegun(b []byte) string {
	for i := len(pasteEnd) - 1; i > 0; i-- {
		if bytes.HasSuffix(b, []byte(pasteEnd[:i])) {
			return pasteEnd[:i]
		}
	}
	return ""
}

// pasteRest is a bracketed paste begun in the question's read whose end
// marker had not come when the read ended (pasteOpen): its rest comes to
// the trainer's own reader, bubbletea's, which, not having read the
// paste's start, reads that rest as keys. Each key or sequence it reads
// is then pasted text, no key, until the paste's end marker, however late
// it comes: a slow link (ssh) brings a long paste's rest seconds on, and
// taken as keys once the question's read gave up on it, its r reseeded
// the run and its q quit it. on is false where no paste is under way.
type pasteRest struct {
	on bool
	// chars counts the paste's characters so far, those read with the
	// question among them.
	chars int
	// tail is the paste's last bytes read, shorter than its end marker,
	// where a read may have cut that marker ("ESC [20", then "1~").
	tail string
	// seen counts the bytes of it read since the question's read.
	seen int
}

// startKeys is what the trainer takes first of b, what the question's
// read took in besides the answer: its keys (keysIn), and the paste under
// way at its end (pasteRest), if one is.
func startKeys(b []byte) ([]tea.Msg, pasteRest) {
	msgs := keysIn(b)
	if !pasteOpen(b) || len(msgs) == 0 {
		return msgs, pasteRest{}
	}
	k, _ := msgs[len(msgs)-1].(tea.KeyMsg) // the paste, ended by keysIn
	return msgs, pasteRest{on: true, chars: len(k.Runes), tail: endBegun(b)}
}

// pastedPiece is the text of msg where msg is what bubbletea's reader
// made of a terminal's input, as pasteRest counts it: a key's runes, an
// alt key's ESC before them, an esc's ESC, a sequence bubbletea does not
// know its bytes (the end marker, read outside a paste, is one), and any
// other key or input one character that is no part of an end marker. ok
// is false for a message that is no input (a snapshot, a size).
func pastedPiece(msg tea.Msg) (piece string, ok bool) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		switch msg.Type {
		case tea.KeyRunes:
			if msg.Alt {
				return "\x1b" + string(msg.Runes), true
			}
			return string(msg.Runes), true
		case tea.KeySpace:
			return " ", true
		case tea.KeyEscape:
			return "\x1b", true
		}
		return "\x00", true
	case tea.MouseMsg, tea.FocusMsg, tea.BlurMsg:
		return "\x00", true
	}
	// bubbletea's own input messages it does not export: unknownCSISequenceMsg, unknownInputByteMsg.
	t := reflect.TypeOf(msg)
	if t == nil || t.PkgPath() != reflect.TypeOf(tea.KeyMsg{}).PkgPath() || !strings.HasPrefix(t.Name(), "unknown") {
		return "", false
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 {
		return string(v.Bytes()), true
	}
	return "\x00", true
}

// readInTurn is the terminal as the trainer's program reads its keys:
// each read waits until Update is through with the messages of the read
// before. bubbletea v1.3.10 (key.go, readAnsiInputs) hands on a sequence
// it does not know, unknownCSISequenceMsg, as a slice of its reader's
// buffer, which its next read overwrites while Update may still be
// reading it (pastedPiece, a paste's end marker): a data race, and a
// marker read as other bytes. A message sent from the reader's own
// goroutine queues behind that read's messages on the program's one
// channel, so once Update has taken it, it is through with them all.
//
// It also keeps a way out of a bracketed paste whose end marker does not
// come (an ssh link cut mid-paste, a stray "ESC [200~" written to the
// terminal): bubbletea's reader holds every byte after the paste's start
// until that marker, ctrl+c and q among them, so that only a signal from
// outside stopped the trainer. readInTurn follows the markers in what it
// reads (pasteWatch): while a paste is open at a read's end it sends
// pasteArrivingMsg, whose note says how to end it, and a ctrl+c read
// alone while one is open, a key typed (a paste's text comes in runs, a
// read of one 0x03 byte alone is no paste's), is the paste's end marker,
// with pasteCutMsg before it, not a ctrl+c: the paste ends, not the run.
type readInTurn struct {
	*os.File
	send  func(tea.Msg) // the program's Send, set before it runs
	paste pasteWatch
	owed  []byte // an end marker written for a ctrl+c that b had no room for
}

func (r *readInTurn) Read(b []byte) (int, error) {
	r.send(readTurn{})
	if len(r.owed) > 0 {
		n := copy(b, r.owed)
		r.owed = r.owed[n:]
		return n, nil
	}
	n, err := r.File.Read(b)
	if n == 0 {
		return 0, err
	}
	out, cut := r.paste.read(b[:n])
	if cut {
		r.send(pasteCutMsg{})
	}
	if r.paste.open {
		r.send(pasteArrivingMsg{chars: r.paste.chars})
	}
	n = copy(b, out)
	r.owed = out[n:]
	return n, err
}

// pasteWatch follows the bracketed pastes in a terminal's input, read by
// read (read), as bubbletea's reader finds them: whether one is open, its
// start marker read and its end marker not yet, and its characters so
// far.
type pasteWatch struct {
	open   bool
	chars  int
	recent []byte // the last bytes read, shorter than a marker: one a read cut
}

// pasteStart is a bracketed paste's start marker.
const pasteStart = "\x1b[200~"

// read follows the markers in b, one read of the terminal's input, and
// returns it as the program is to read it: b itself, or, where b is a
// ctrl+c alone while a paste is open, the paste's end marker, cut true.
func (w *pasteWatch) read(b []byte) (out []byte, cut bool) {
	if w.open && len(b) == 1 && b[0] == 0x03 {
		w.open, w.chars, w.recent = false, 0, nil
		return []byte(pasteEnd), true
	}
	for _, c := range b {
		w.recent = append(w.recent, c)
		if w.open && utf8.RuneStart(c) {
			w.chars++
		}
		switch {
		case !w.open && bytes.HasSuffix(w.recent, []byte(pasteStart)):
			w.open, w.chars = true, 0
		case w.open && bytes.HasSuffix(w.recent, []byte(pasteEnd)):
			w.open, w.chars = false, 0
		}
		if len(w.recent) >= len(pasteEnd) {
			w.recent = w.recent[len(w.recent)-len(pasteEnd)+1:]
		}
	}
	return b, false
}

// pasteArrivingMsg: a bracketed paste is open at the end of a read
// (readInTurn), chars characters of it read so far, its end marker (or a
// ctrl+c) still to come.
type pasteArrivingMsg struct{ chars int }

// pasteCutMsg: the paste open was ended by a ctrl+c (readInTurn), whose
// end marker comes next, in the paste's own message.
type pasteCutMsg struct{}

// readTurn is readInTurn's message. Its work is done once the program's
// event loop has taken it, so the program's filter (dropReadTurn) drops
// it there: it reaches neither Update nor a View drawn for nothing, one
// more a key.
type readTurn struct{}

// dropReadTurn is the trainer's program's filter (tea.WithFilter): msg,
// but nil for a readTurn.
func dropReadTurn(_ tea.Model, msg tea.Msg) tea.Msg {
	if _, ok := msg.(readTurn); ok {
		return nil
	}
	return msg
}

// keysIn is what the trainer reads of b, bytes of a terminal's input, as
// bubbletea reads them: its keys (and any other message its reader
// makes), in order. A program of bubbletea's own reads them, its screen
// and signals left alone, so that b's keys are the trainer's as if it
// had read them itself: an arrow's sequence is one key, a space a space.
//
// A bracketed paste whose end marker never came within the question's
// read (pasteOpen) is ended here (pasteEnded), so that it is said as a
// whole one is, "pasted text (8 characters) is not taken as keys", where
// bubbletea's reader, its input ended within the paste, dropped it
// without a word.
func keysIn(b []byte) []tea.Msg {
	if len(b) == 0 {
		return nil
	}
	if pasteOpen(b) {
		b = pasteEnded(b)
	}
	in := &typedInput{rest: b}
	keys := &typedKeys{}
	p := tea.NewProgram(keys, tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignalHandler())
	in.p = p
	if _, err := p.Run(); err != nil {
		return nil
	}
	return keys.msgs
}

// typedInput is keysIn's input: once its bytes are read, its program's
// reader has sent all it made of them, and it tells the program so
// (typedEnd), which then quits.
type typedInput struct {
	rest []byte
	p    *tea.Program
}

func (in *typedInput) Read(b []byte) (int, error) {
	if len(in.rest) == 0 {
		go in.p.Send(typedEnd{})
		return 0, io.EOF
	}
	n := copy(b, in.rest)
	in.rest = in.rest[n:]
	return n, nil
}

// typedEnd tells keysIn's program that its input is all read.
type typedEnd struct{}

// typedKeys keeps the messages keysIn's program reads.
type typedKeys struct{ msgs []tea.Msg }

func (k *typedKeys) Init() tea.Cmd { return nil }
func (k *typedKeys) View() string  { return "" }
func (k *typedKeys) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case typedEnd:
		return k, tea.Quit
	case tea.WindowSizeMsg:
	default:
		k.msgs = append(k.msgs, msg)
	}
	return k, nil
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

// colourText tells whether s is the text of an answer to the
// background's question, whole or begun, in the shape a terminal gives
// it: "11;rgb:" and three channels of one to four hex digits between
// slashes (or "11;rgba:" and four), 27 characters at most. Any number of
// hex digits and slashes went on a begun answer, and hex letters typed
// after it (b, d, e, f) were dropped with it.
func colourText(s string) bool {
	for _, c := range []struct {
		head     string
		channels int
	}{{"11;rgb:", 3}, {"11;rgba:", 4}} {
		if strings.HasPrefix(c.head, s) {
			return true
		}
		rest, ok := strings.CutPrefix(s, c.head)
		if !ok {
			continue
		}
		parts := strings.Split(rest, "/")
		fits := len(parts) <= c.channels
		for i, p := range parts {
			fits = fits && len(p) <= 4 && strings.Trim(p, "0123456789abcdefABCDEF") == "" && (p != "" || i == len(parts)-1)
		}
		if fits {
			return true
		}
	}
	return false
}

// positionBegun and positionWhole are the text after "ESC [" of the
// cursor's position (CSI 6n's answer, "12;40R"), begun and whole.
var (
	positionBegun = regexp.MustCompile(`^(?:[0-9]{0,4}|[0-9]{1,4};[0-9]{0,4})$`)
	positionWhole = regexp.MustCompile(`^[0-9]{1,4};[0-9]{1,4}R$`)
)

// positionText tells whether s, what follows "ESC [", is the cursor's
// position whole (whole), or begun or whole (ok).
func positionText(s string) (whole, ok bool) {
	whole = positionWhole.MatchString(s)
	return whole, whole || positionBegun.MatchString(s)
}
