package tui

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/muesli/termenv"
)

// TestBackgroundAnswer: the terminal's answer to askBackground is read
// once the cursor's position has come, the colour before it in either
// ending and in as many hex digits as terminals give.
func TestBackgroundAnswer(t *testing.T) {
	for _, c := range []struct {
		answer         string
		dark, ok, done bool
	}{
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false, true, true},
		{"\x1b]11;rgb:0000/0000/0000\x07\x1b[24;80R", true, true, true},
		{"\x1b]11;rgb:2e/34/36\x1b\\\x1b[3;1R", true, true, true},
		{"\x1b]11;rgb:fdf6/e3e3/e3e3\x1b\\\x1b[3;1R", false, true, true},
		{"\x1b[1;1R", false, false, true}, // the position alone: screen, a terminal that does not know OSC 11
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\", false, false, false},
		{"\x1b]11;rgb:ffff/ff", false, false, false},
	} {
		dark, ok, done := backgroundAnswer([]byte(c.answer))
		if dark != c.dark || ok != c.ok || done != c.done {
			t.Errorf("%q: dark %v, ok %v, done %v; want %v, %v, %v", c.answer, dark, ok, done, c.dark, c.ok, c.done)
		}
	}
}

// keysRead is what bubbletea reads of the bytes in, as a terminal's input:
// each message its reader makes of them, in order.
func keysRead(t *testing.T, in string) []tea.Msg {
	t.Helper()
	log := &inputLog{}
	p := tea.NewProgram(log, tea.WithInput(strings.NewReader(in+"\x03")), tea.WithOutput(io.Discard), tea.WithoutSignals(), tea.WithoutRenderer())
	if _, err := p.Run(); err != nil {
		t.Fatal(err)
	}
	return log.msgs
}

// inputLog keeps the messages a program reads from its input, up to a
// ctrl+c, which quits it.
type inputLog struct{ msgs []tea.Msg }

func (r *inputLog) Init() tea.Cmd { return nil }
func (r *inputLog) View() string  { return "" }
func (r *inputLog) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlC {
		return r, tea.Quit
	}
	if _, ok := msg.(tea.WindowSizeMsg); !ok {
		r.msgs = append(r.msgs, msg)
	}
	return r, nil
}

// TestLateBackgroundAnswerIsNoKeys: the terminal's answer to the
// background's question, come after BackgroundWait (a slow link), is read
// by the trainer as keys and dropped, in either ending, where its runes,
// split into keys, reseeded the run (r), stepped G (g) and pinned a
// baseline (b); a key after it is still a key (n steps the run paused).
func TestLateBackgroundAnswerIsNoKeys(t *testing.T) {
	for _, answer := range []string{
		"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[24;1R",
		"\x1b]11;rgb:0000/0000/0000\x07\x1b[5;1R",
	} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		var mm tea.Model = m
		for _, msg := range keysRead(t, answer) {
			mm, _ = mm.Update(msg)
		}
		if sent := mm.(Model).sent - m.sent; sent != 0 {
			t.Errorf("%q, answered late, sent %d commands to the session; want none", answer, sent)
		}
		for _, msg := range keysRead(t, "n") {
			mm, _ = mm.Update(msg)
		}
		if sent := mm.(Model).sent - m.sent; sent != 1 {
			t.Errorf("n after %q sent %d commands; want 1", answer, sent)
		}
	}
}

// TestLatePositionIsNoKey: the cursor's position that ends a late answer
// to the background's question, on the screen's first line at its second
// or third column, which bubbletea reads as f15 or alt+f3, is no key
// either, where the status said "f15 is not a key here"; so too such a
// position come alone (the colour lost with the wait) while the trainer
// has just started after a question that went unanswered. A user's f15
// or alt+f3 otherwise is "not a key here" as before.
func TestLatePositionIsNoKey(t *testing.T) {
	notAKey := func(mm tea.Model) bool { return strings.Contains(mm.View(), "is not a key here") }
	for _, c := range []struct{ answer, again string }{
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;2R", "f15"},
		{"\x1b]11;rgb:0000/0000/0000\x07\x1b[1;3R", "f3"}, // alt+f3: esc, then f3 (splitKeys)
	} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		var mm tea.Model = m
		for _, msg := range keysRead(t, c.answer) {
			mm, _ = mm.Update(msg)
		}
		if sent := mm.(Model).sent - m.sent; sent != 0 || notAKey(mm) {
			t.Errorf("%q, answered late, sent %d commands; want none, and no key named:\n%s", c.answer, sent, mm.View())
		}
		// The same F key again is the user's.
		for _, msg := range keysRead(t, c.answer[strings.LastIndex(c.answer, "\x1b"):]) {
			mm, _ = mm.Update(msg)
		}
		if want := c.again + " is not a key here"; !strings.Contains(mm.View(), want) {
			t.Errorf("%s after %q: no %q on the screen:\n%s", c.again, c.answer, want, mm.View())
		}
	}

	for _, position := range []string{"\x1b[1;2R", "\x1b[1;3R"} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		m.positionUntil = time.Now().Add(time.Minute)
		var mm tea.Model = m
		for _, msg := range keysRead(t, position) {
			mm, _ = mm.Update(msg)
		}
		if notAKey(mm) {
			t.Errorf("%q come alone just after an unanswered question is named a key:\n%s", position, mm.View())
		}
		m.positionUntil = time.Time{} // answered, or long after
		mm = m
		for _, msg := range keysRead(t, position) {
			mm, _ = mm.Update(msg)
		}
		if !notAKey(mm) {
			t.Errorf("%q of a user's F key is not named \"not a key here\":\n%s", position, mm.View())
		}
	}
}

// TestBackgroundWaitIsShort: a terminal that answers nothing holds the
// trainer's first screen BackgroundWait, 300 ms at most, where it held it
// a second under tmux and screen. ganui's
// TestTrainerWaitsLittleForNoBackground times the wait itself, against a
// bound a loaded machine keeps to.
func TestBackgroundWaitIsShort(t *testing.T) {
	if BackgroundWait > 300*time.Millisecond {
		t.Errorf("BackgroundWait is %v; want 300ms at most", BackgroundWait)
	}
}

// TestLateBackgroundAnswerIsTaken: the terminal's answer to the
// background's question, come after BackgroundWait (an ssh link 400 ms
// away), gives the screen its background, in either ending, where the
// screen kept the variants of a terminal that did not answer: a light
// terminal got the dark ones, near white on white, for the whole run.
func TestLateBackgroundAnswerIsTaken(t *testing.T) {
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	defer lipgloss.SetHasDarkBackground(lipgloss.HasDarkBackground())
	for _, c := range []struct {
		answer string
		dark   bool
	}{
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[24;1R", false},
		{"\x1b]11;rgb:0000/0000/0000\x07\x1b[5;1R", true},
		{"\x1b]11;rgb:fdf6/e3e3/e3e3\x1b\\\x1b[1;1R", false},
	} {
		lipgloss.SetHasDarkBackground(!c.dark) // the variants taken unanswered
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		lipgloss.SetColorProfile(termenv.ANSI256) // shownModel's is Ascii
		var mm tea.Model = m
		for _, msg := range keysRead(t, c.answer) {
			mm, _ = mm.Update(msg)
		}
		muted, other := "\x1b[38;5;243m", "\x1b[38;5;246m" // palette.Muted, light and dark
		if c.dark {
			muted, other = other, muted
		}
		if view := mm.View(); lipgloss.HasDarkBackground() != c.dark || !strings.Contains(view, muted) || strings.Contains(view, other) {
			t.Errorf("%q, answered late: the screen is drawn for a dark background %v; want %v:\n%q", c.answer, lipgloss.HasDarkBackground(), c.dark, view)
		}
	}
}

// TestBegunAnswerIsNoKeys: an answer to the background's question that
// askBackground's wait cut partway, its beginning read and lost with the
// wait (answerBegun), leaves its rest to the trainer without the alt+]
// that begins a late answer: "ff/ffff/ffff ESC \" after "ESC ] 11;rgb:ff"
// read as runes that turned to the events (f) and pinned a baseline (b).
// The trainer starts in the state askBackground leaves and drops the rest
// up to its terminator and the position after it; n after it still steps
// the run.
func TestBegunAnswerIsNoKeys(t *testing.T) {
	for _, c := range []struct{ read, rest string }{
		{"\x1b]11;rgb:ff", "ff/ffff/ffff\x1b\\\x1b[24;1R"},
		{"\x1b]11;rgb:0000/00", "00/0000\x07\x1b[1;2R"},
		{"\x1b]", "11;rgb:fdf6/e3e3/e3e3\x1b\\\x1b[3;1R"},
		{"\x1b", "]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;2R"},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b", "\\\x1b[1;3R"},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\", "\x1b[1;2R"},
	} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		before := m.View()
		_, m.answer = answerBegun([]byte(c.read), true)
		m.answerUntil = time.Now().Add(answerRest)
		var mm tea.Model = m
		for _, msg := range keysRead(t, c.rest) {
			mm, _ = mm.Update(msg)
		}
		if sent := mm.(Model).sent - m.sent; sent != 0 || mm.View() != before {
			t.Errorf("%q read before the wait ended, %q after: sent %d commands, the screen changed %v; want none, and the screen as it was:\n%s", c.read, c.rest, sent, mm.View() != before, mm.View())
		}
		for _, msg := range keysRead(t, "n") {
			mm, _ = mm.Update(msg)
		}
		if sent := mm.(Model).sent - m.sent; sent != 1 {
			t.Errorf("n after %q%q sent %d commands; want 1", c.read, c.rest, sent)
		}
	}
}

// TestSecondAnswerCutIsNoKeys: a terminal that answers the background's
// question twice, the second answer cut by the read that ended the
// first (64 bytes, two answers of 33), has that answer's rest dropped as
// a late one's is, where "0R" after "ESC [ 12;4" reset the tuning and
// restarted the run and "ff/ffff" turned to the events; a key typed
// before it is a key, and an ESC alone after it an Esc too.
func TestSecondAnswerCutIsNoKeys(t *testing.T) {
	const first = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;40R"
	for _, c := range []struct{ read, rest string }{
		{first + first, ""},
		{first + "\x1b]11;rgb:ffff/ff", "ff/ffff\x1b\\\x1b[12;40R"},
		{first + "\x1b", "]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;40R"},
		{first + "\x1b]11;rgb:ffff/ffff/ffff\x1b\\", "\x1b[12;40R"},
		{first + "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;4", "0R"},
		{"r" + first + "\x1b[12;4", "0R"},
		{first + "\x1b[1;", "2R"},
	} {
		typed, begun := answerBegun([]byte(c.read), false)
		sent := func(rest string) int {
			_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
			if begun != "" { // as the trainer starts (Run)
				m.answer, m.answerUntil = begun, time.Now().Add(answerRest)
			}
			m.typed = keysIn(typed)
			var mm tea.Model = m
			mm, _ = mm.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
			for _, msg := range keysRead(t, rest) {
				mm, _ = mm.Update(msg)
			}
			return mm.(Model).sent - m.sent
		}
		if got, want := sent(c.rest), sent(""); got != want {
			t.Errorf("%q read as the first answer ended, %q after it: %d commands sent, where its keys typed, %q, send %d", c.read, c.rest, got, typed, want)
		}
	}
}

// TestAnswerBegun: what askBackground read of an answer when its wait
// ended (late) gives the state its rest is dropped in; bytes that begin
// no answer, none. What it read besides the answer, whole or begun, is
// keys typed meanwhile, kept for the trainer, where they were lost with
// the answer.
func TestAnswerBegun(t *testing.T) {
	for _, c := range []struct {
		read        string
		late        bool
		typed, want string
	}{
		{"", true, "", ""},
		{"q", true, "q", ""},
		{"\x1b[1;", true, "", "[1;"},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;4", true, "", "[12;4"},
		{"q\x1b[12", true, "q", "[12"},
		{"\x1b[A", true, "\x1b[A", ""},
		{"\x1b]11;rgb:ffff/ffff/ffff/f", true, "\x1b]11;rgb:ffff/ffff/ffff/f", ""},
		{"\x1b", true, "\x1b", answerOpened}, // an Esc, kept, or an answer's start
		{"\x1b]", true, "", "]"},
		{"\x1b]11;rgb:ff", true, "", "]11;rgb:ff"},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b", true, "", answerEnding},
		{"\x1b]11;rgb:ffff/ffff/ffff\x07", true, "", afterAnswer},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\", true, "", afterAnswer},
		{"q\x1b]11;rgb:ff", true, "q", "]11;rgb:ff"},
		{"r\x1b]11;rgb:ffff/ffff/ffff\x1b\\ q", true, "r q", afterAnswer},
		{"\x1b[Aq\x1b", true, "\x1b[Aq\x1b", answerOpened},
		{"q\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false, "q", ""},
		{"\x1b]11;rgb:0000/0000/0000\x07r\x1b[24;80R", false, "r", ""},
		{"\x1b[A \x1b[1;1R", false, "\x1b[A ", ""},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R", false, "", ""},
		// A second answer, cut by the read where the first ended.
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;40R\x1b]11;rgb:ffff/ff", false, "", "]11;rgb:ffff/ff"},
		{"q\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;40R\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;4", false, "q", "[12;4"},
		{"\x1b[1;1Rr\x1b[1;", false, "r", "[1;"},
		{"\x1b[1;1R\x1b", false, "\x1b", answerOpened},
		{"\x1b[1;1R\x1b]11;rgb:ffff/ffff/ffff\x07", false, "", ""},
		{"\x1b\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[1;1R", false, "\x1b", ""},
	} {
		typed, got := answerBegun([]byte(c.read), c.late)
		if string(typed) != c.typed || got != c.want {
			t.Errorf("answerBegun(%q, late %v) = %q, %q; want %q, %q", c.read, c.late, typed, got, c.typed, c.want)
		}
	}
}

// TestKeysTypedDuringTheQuestionAreKept: keys read with the terminal's
// answer to the background's question, typed while it was asked
// (answerBegun's typed), reach the trainer before any other message, as
// keys whatever state a late answer left, where they were lost with the
// answer: r typed at start-up reseeds, q quits, ctrl+c too, a space runs
// the paused run, and an arrow's sequence is one key.
func TestKeysTypedDuringTheQuestionAreKept(t *testing.T) {
	msgs := keysIn([]byte("\x1b[Aq \x03"))
	want := []string{"up", "q", " ", "ctrl+c"}
	if len(msgs) != len(want) {
		t.Fatalf("keysIn read %v; want %q", msgs, want)
	}
	for i, msg := range msgs {
		if k, ok := msg.(tea.KeyMsg); !ok || k.String() != want[i] {
			t.Errorf("keysIn's key %d is %v; want %q", i, msg, want[i])
		}
	}

	for _, c := range []struct {
		typed, answer string
		sent          int
		quits         bool
	}{
		{"r", "", 1, false},
		{"r", "]11;rgb:ff", 1, false},
		{" ", "", 1, false},
		{"q", "", 0, true},
		{"\x03", answerOpened, 0, true},
	} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		m.answer = c.answer
		m.typed = keysIn([]byte(c.typed))
		mm, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if sent := mm.(Model).sent - m.sent; sent != c.sent {
			t.Errorf("%q typed during the question: %d commands sent to the session; want %d", c.typed, sent, c.sent)
		}
		if quits := mm.(Model).quitting || isQuit(cmd); quits != c.quits {
			t.Errorf("%q typed during the question: quitting %v; want %v", c.typed, quits, c.quits)
		}
		if len(mm.(Model).typed) != 0 {
			t.Errorf("%q typed during the question: still held after a message", c.typed)
		}
	}
}

// TestCutAnswerHasALimit: the state an answer to the background's
// question leaves, cut by the wait, lasts answerRest and no longer than
// the answer's shape, so that a key typed after it is a key: d (one D
// update), a hex digit, steps the run a second after "ESC ] 11;rgb:ff"
// was cut, or after a whole "11;rgb:ffff/ffff/ffff" awaiting its
// terminator, where the state took it for the answer's and dropped it
// until a key that could not go on it. The answer's rest within the
// limit is still no keys. After an ESC read alone, a "[" alone is typed
// (the position's rest comes whole), where it was dropped as a
// position's start.
func TestCutAnswerHasALimit(t *testing.T) {
	for _, c := range []struct {
		state string
		ago   time.Duration // since the state began
		keys  string
		sent  int
	}{
		{"]11;rgb:ff", answerRest, "d", 1},
		{"]11;rgb:ff", 0, "d", 0},
		{"]11;rgb:ffff/ffff/ffff", 0, "d", 1},
		{"]11;rgb:ffff/ffff/ffff", 0, "\x1b\\d", 1},
		{"]11;rgb:ffff/ffff/ff", 0, "ffd", 1},
		{"]11;rgba:ffff/ffff/ffff/ffff", 0, "d", 1},
		{"[12;4", answerRest, "d", 1},
		{"[12;4", 0, "0Rd", 1},
		{answerOpened, answerRest, "d", 1},
		{answerEnding, answerRest, "d", 1},
		// A "[" alone after an ESC read alone is typed: the position's
		// rest comes whole, "[12;40R" in one read.
		{answerOpened, 0, "[", 1},
		{answerOpened, 0, "[12;40R", 0},
		{answerOpened, 0, "[12;40Rd", 1},
	} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		m.answer, m.answerUntil = c.state, time.Now().Add(answerRest-c.ago)
		var mm tea.Model = m
		for _, msg := range keysRead(t, c.keys) {
			mm, _ = mm.Update(msg)
		}
		if sent := mm.(Model).sent - m.sent; sent != c.sent {
			t.Errorf("%q in the state %q begun %v ago: %d commands sent; want %d", c.keys, c.state, c.ago, sent, c.sent)
		}
	}
}

// TestCutPositionIsNoKeys: the cursor's position that ends the answer to
// the background's question, cut by the wait ("ESC [ 12;4" read, with
// the colour or alone, as screen answers), leaves its rest, "0R", which
// the trainer drops to its R, where 0 reset the tuning and R restarted
// the run; so too a position whose ESC alone was read ("[12;40R"), or
// one a late answer's read cut in the trainer (alt+[, "12;40R"). A key
// after it, in the same read or the next, is a key.
func TestCutPositionIsNoKeys(t *testing.T) {
	for _, c := range []struct{ read, rest string }{
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[12;4", "0R"},
		{"\x1b[12;4", "0R"},
		{"\x1b[12", ";40R"},
		{"\x1b[12;40", "R"},
		{"\x1b]11;rgb:0000/0000/0000\x07\x1b", "[12;40R"},
		{"\x1b", "[12;40R"},
		{"\x1b]11;rgb:0000/0000/0000\x07", "\x1b["},
	} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		before := m.View()
		_, m.answer = answerBegun([]byte(c.read), true)
		m.answerUntil = time.Now().Add(answerRest)
		var mm tea.Model = m
		if c.rest == "\x1b[" { // alt+[, the position cut by the trainer's read, then its rest
			for _, msg := range []tea.Msg{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("["), Alt: true}, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("12;40R")}} {
				mm, _ = mm.Update(msg)
			}
		} else {
			for _, msg := range keysRead(t, c.rest) {
				mm, _ = mm.Update(msg)
			}
		}
		if sent := mm.(Model).sent - m.sent; sent != 0 || mm.View() != before {
			t.Errorf("%q read before the wait ended, %q after: sent %d commands, the screen changed %v; want none, and the screen as it was:\n%s", c.read, c.rest, sent, mm.View() != before, mm.View())
		}
		for _, msg := range keysRead(t, "n") {
			mm, _ = mm.Update(msg)
		}
		if sent := mm.(Model).sent - m.sent; sent != 1 {
			t.Errorf("n after %q%q sent %d commands; want 1", c.read, c.rest, sent)
		}
	}
	// A key come in the same read as the rest.
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	m.answer, m.answerUntil = "[12;4", time.Now().Add(answerRest)
	mm, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("0Rn")})
	if sent := mm.(Model).sent - m.sent; sent != 1 {
		t.Errorf("\"0Rn\" after a position cut at \"ESC [12;4\": %d commands sent; want 1 (n)", sent)
	}
}

// TestPasteOpen: what the question's read took in ends within a
// bracketed paste where its start marker has come and its end marker not
// yet, as bubbletea's reader then waits for more.
func TestPasteOpen(t *testing.T) {
	for _, c := range []struct {
		read string
		open bool
	}{
		{"", false},
		{"q", false},
		{"\x1b[200~", true},
		{"\x1b[200~q", true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R\x1b[200~q\x1b[20", true},
		{"\x1b[200~q\x1b[201~", false},
		{"\x1b[200~q\x1b[201~r\x1b[200~", true},
		{"\x1b[200~q\x1b[201~r", false},
	} {
		if open := pasteOpen([]byte(c.read)); open != c.open {
			t.Errorf("pasteOpen(%q) = %v; want %v", c.read, open, c.open)
		}
	}
}

// TestUnendedPasteIsSaid: a bracketed paste whose end marker never came
// within the question's read (answerRest passed, the terminal's paste cut
// short) is said as a whole paste is, "pasted text (9 characters) is not
// taken as keys: type them", where it was dropped without a word; its
// end marker's start, cut by the read, is no text of it.
func TestUnendedPasteIsSaid(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"\x1b[200~run.ckpt\x1b[201~", "pasted text (8 characters) is not taken as keys: type them"},
		{"\x1b[200~run.ckpt", "pasted text (8 characters) is not taken as keys: type them"},
		{"\x1b[200~run.ckpt\x1b[20", "pasted text (8 characters) is not taken as keys: type them"},
		{"r\x1b[200~q q", "pasted text (3 characters) is not taken as keys: type them"},
	} {
		_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		m.typed = keysIn([]byte(c.typed))
		mm, cmd := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		if got := mm.(Model).flash; got != c.want {
			t.Errorf("%q typed during the question: the status says %q; want %q", c.typed, got, c.want)
		}
		if mm.(Model).quitting || isQuit(cmd) {
			t.Errorf("%q typed during the question quits", c.typed)
		}
	}
}

// TestPasteRestIsNoKeys: a bracketed paste begun in the question's read,
// its end marker not come when the read ended, goes on until that marker,
// however late: what bubbletea's reader makes of the paste's rest, which
// it reads as keys, not having read its start, is pasted text, no key,
// where its r reseeded the run and its q quit it. At the end marker,
// whole or cut by a read ("ESC [20", then "1~"), the status counts the
// whole paste, and a key after it is a key.
func TestPasteRestIsNoKeys(t *testing.T) {
	for _, c := range []struct {
		typed string   // what the question's read took in
		rest  []string // the reads after it, the last ending the paste
		want  string
	}{
		{"\x1b[200~qq", []string{"r q\r", "w\x1b[D", "\x1b[201~"}, "pasted text (8 characters) is not taken as keys: type them"},
		{"\x1b[200~qq", []string{"rq\x1b[20", "1~"}, "pasted text (4 characters) is not taken as keys: type them"},
		{"\x1b[200~qq", []string{"rq\x1b", "[201~"}, "pasted text (4 characters) is not taken as keys: type them"},
		{"\x1b[200~qq\x1b[20", []string{"1~"}, "pasted text (2 characters) is not taken as keys: type them"},
		{"n\x1b[200~", []string{"q", "\x1b[201~"}, "pasted text (1 character) is not taken as keys: type them"},
	} {
		mm := startedWith(t, c.typed)
		sent := mm.(Model).sent
		for i, read := range c.rest {
			for _, msg := range keysIn([]byte(read)) {
				var cmd tea.Cmd
				mm, cmd = mm.Update(msg)
				if got := mm.(Model); got.quitting || got.sent != sent || cmd != nil {
					t.Fatalf("%q typed during the question, then %q: the paste's rest %q taken as keys: quitting %v, %d commands sent, the status %q", c.typed, c.rest[:i], read, got.quitting, got.sent-sent, got.flash)
				}
			}
		}
		if got := mm.(Model).flash; got != c.want {
			t.Errorf("%q typed during the question, then %q: the status says %q; want %q", c.typed, c.rest, got, c.want)
		}
		mm, _ = mm.Update(keyMsg("n"))
		if mm.(Model).sent == sent {
			t.Errorf("%q typed during the question, then %q: an n after the paste's end is no key", c.typed, c.rest)
		}
	}
}

// startedWith is the trainer shown at 100×30 after typed was read in
// the background question's wait (startKeys), a paste in it still open
// where typed opens one: what the paste-rest tests press keys into.
func startedWith(t *testing.T, typed string) tea.Model {
	t.Helper()
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	var paste pasteRest
	m.typed, paste = startKeys([]byte(typed))
	m.paste = paste
	var mm tea.Model = m
	mm, _ = mm.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return mm
}

// TestPasteRestIsSaidArriving: while a paste begun in the question's read
// is still arriving (pasteRest), the status says so, counting what has
// come, and how to end it, where it said "…: type them" of keys the
// trainer was not yet taking.
func TestPasteRestIsSaidArriving(t *testing.T) {
	mm := startedWith(t, "\x1b[200~qq")
	const first = "pasted text is arriving… (2 characters so far), no key taken till it ends; ctrl+c ends it"
	if got := mm.(Model).flash; got != first {
		t.Errorf("\"\\x1b[200~qq\" typed during the question: the status says %q; want %q", got, first)
	}
	for _, msg := range keysIn([]byte("rq")) {
		mm, _ = mm.Update(msg)
	}
	const then = "pasted text is arriving… (4 characters so far), no key taken till it ends; ctrl+c ends it"
	if got := mm.(Model).flash; got != then {
		t.Errorf("then \"rq\": the status says %q; want %q", got, then)
	}
}

// TestCtrlCEndsAPasteRest: a ctrl+c typed while a paste begun in the
// question's read is still arriving ends the paste, said so, and quits
// nothing; a key after it is a key, where every key, ctrl+c among them,
// stayed pasted text until an end marker that may never come.
func TestCtrlCEndsAPasteRest(t *testing.T) {
	mm := startedWith(t, "\x1b[200~qq")
	sent := mm.(Model).sent
	for _, read := range []string{"r", "\x03"} {
		for _, msg := range keysIn([]byte(read)) {
			var cmd tea.Cmd
			mm, cmd = mm.Update(msg)
			if got := mm.(Model); got.quitting || isQuit(cmd) || got.sent != sent {
				t.Fatalf("%q typed in the paste's rest: quitting %v, %d commands sent", read, got.quitting, got.sent-sent)
			}
		}
	}
	const want = "paste ended by ctrl+c: its 3 characters not taken as keys; a key now is a key"
	if got := mm.(Model).flash; got != want {
		t.Errorf("ctrl+c typed while the paste arrives: the status says %q; want %q", got, want)
	}
	mm, _ = mm.Update(keyMsg("n"))
	if mm.(Model).sent == sent {
		t.Errorf("an n after the ctrl+c that ended the paste is no key")
	}
}

// TestReadTurnGoesNoFurtherThanTheFilter: readInTurn's message, sent once
// a read, is dropped by the program's filter, so that it draws no View of
// its own, while every other message passes as it came; and the
// trainer's program (newProgram) reads its keys so: its model sees the
// keys typed and no readTurn, where a program built without the filter
// handed one to Update before every read.
func TestReadTurnGoesNoFurtherThanTheFilter(t *testing.T) {
	if msg := dropReadTurn(nil, readTurn{}); msg != nil {
		t.Errorf("readTurn passes the filter as %#v, want it dropped", msg)
	}
	key := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")}
	if msg, ok := dropReadTurn(nil, key).(tea.KeyMsg); !ok || msg.String() != "q" {
		t.Errorf("a key passes the filter as %#v, want %#v", dropReadTurn(nil, key), key)
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if _, err := w.WriteString("q"); err != nil {
		t.Fatal(err)
	}
	var got []tea.Msg
	p := newProgram(msgLog{&got}, r, tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	ran := make(chan error, 1)
	go func() { _, err := p.Run(); ran <- err }()
	select {
	case err := <-ran:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(waitTimeout): // a hang guard only
		p.Kill()
		<-ran
		t.Fatalf("the program did not quit at the q written to it; its model had %#v", got)
	}
	var keys []string
	for _, msg := range got {
		switch msg := msg.(type) {
		case readTurn:
			t.Errorf("a readTurn reached Update; it had %#v", got)
		case tea.KeyMsg:
			keys = append(keys, msg.String())
		}
	}
	if strings.Join(keys, " ") != "q" {
		t.Errorf("the program's model had the keys %q, want q", keys)
	}
}

// TestAPasteWhoseEndNeverComesEndsAtCtrlC: a bracketed paste whose end
// marker does not come (a link cut mid-paste, a stray "ESC [200~") is
// ended by a ctrl+c typed alone, read as the trainer's program reads its
// keys (readInTurn, bubbletea's reader), where bubbletea held every byte
// after the paste's start, q and ctrl+c among them, and nothing but a
// signal from outside stopped the trainer. While it is open the status
// says how to end it; its end says it was ended so, counting what was
// pasted (q included, no key); the run is not quit, and the next ctrl+c
// is a key again.
func TestAPasteWhoseEndNeverComesEndsAtCtrlC(t *testing.T) {
	keys, typed, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	msgs := make(chan tea.Msg, 64)
	p := newProgram(sentOn(msgs), keys, tea.WithOutput(io.Discard), tea.WithoutSignals(), tea.WithoutRenderer())
	ran := make(chan error, 1)
	go func() { _, err := p.Run(); ran <- err }()
	// The typing end closed first: the program's read loop ends at the
	// pipe's end of file, before the program's shutdown closes its cancel
	// reader and this test the keys' end. A p.Kill here shut the program
	// down without waiting for that loop, which bubbletea's reader then
	// raced with, reading the files closed under it (the race detector
	// caught it in CI).
	defer func() { typed.Close(); p.Quit(); <-ran; keys.Close() }()
	var got []tea.Msg
	// next waits for the program's next message (no timing: a guard
	// against a hang alone).
	next := func(what string) tea.Msg {
		t.Helper()
		select {
		case msg := <-msgs:
			got = append(got, msg)
			return msg
		case <-time.After(time.Minute):
			t.Fatalf("no %s came in a minute; the program read %#v", what, got)
			return nil
		}
	}
	write := func(s string) {
		t.Helper()
		if _, err := typed.WriteString(s); err != nil {
			t.Fatal(err)
		}
	}
	write("\x1b[200~abcq")
	if msg, ok := next("note of the paste arriving").(pasteArrivingMsg); !ok || msg.chars != 4 {
		t.Fatalf("after a paste's start and 4 characters, the program read %#v; want pasteArrivingMsg{4}", got)
	}
	write("\x03")
	if _, ok := next("ctrl+c's cut").(pasteCutMsg); !ok {
		t.Fatalf("a ctrl+c typed with the paste open: the program read %#v; want pasteCutMsg, then the paste", got)
	}
	if k, ok := next("paste").(tea.KeyMsg); !ok || !k.Paste || string(k.Runes) != "abcq" {
		t.Fatalf("after the ctrl+c: the program read %#v; want the paste \"abcq\"", got)
	}
	write("\x03")
	if k, ok := next("ctrl+c").(tea.KeyMsg); !ok || k.Type != tea.KeyCtrlC {
		t.Fatalf("a ctrl+c after the paste ended: the program read %#v; want ctrl+c, a key", got)
	}

	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	var mm tea.Model = m
	for i, msg := range got[:3] {
		mm, _ = mm.Update(msg)
		if i == 0 && !strings.Contains(mm.(Model).flash, "ctrl+c ends it") {
			t.Errorf("while the paste is open the status says %q; want how to end it", mm.(Model).flash)
		}
	}
	if want := cutNote(4); mm.(Model).flash != want || mm.(Model).quitting {
		t.Errorf("the paste ended by ctrl+c: the status says %q, quitting %v; want %q, the run going on", mm.(Model).flash, mm.(Model).quitting, want)
	}
}

// sentOn is a program's model that sends each message it reads but a
// window's size on msgs.
type sentOn chan tea.Msg

func (s sentOn) Init() tea.Cmd { return nil }
func (s sentOn) View() string  { return "" }
func (s sentOn) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.WindowSizeMsg); !ok {
		s <- msg
	}
	return s, nil
}

// TestPasteWatchFollowsMarkersCutByReads: readInTurn's pasteWatch takes
// a marker cut between reads for one, turns only a ctrl+c read alone
// while a paste is open into the paste's end, and leaves every other
// read as it came: a ctrl+c with no paste open, or one inside a whole
// paste, and a paste's text.
func TestPasteWatchFollowsMarkersCutByReads(t *testing.T) {
	for _, c := range []struct {
		reads []string
		open  bool   // at the end
		last  string // the last read as the program reads it
	}{
		{[]string{"\x03"}, false, "\x03"},
		{[]string{"\x1b[200~a\x03b\x1b[201~", "\x03"}, false, "\x03"},
		{[]string{"\x1b[2", "00~ab", "\x03"}, false, pasteEnd},
		{[]string{"\x1b[200~ab", "\x1b[20", "1~", "\x03"}, false, "\x03"},
		{[]string{"\x1b[200~ab", "q"}, true, "q"},
		{[]string{"\x1b[200~ab", "\x03", "\x03"}, false, "\x03"},
		{[]string{"\x1b[201~", "\x03"}, false, "\x03"},
	} {
		var w pasteWatch
		var out []byte
		for _, r := range c.reads {
			out, _ = w.read([]byte(r))
		}
		if w.open != c.open || string(out) != c.last {
			t.Errorf("reads %q: open %v, the last read as %q; want %v, %q", c.reads, w.open, out, c.open, c.last)
		}
	}
}

// msgLog is a model that keeps each message its Update is given, and
// quits at q.
type msgLog struct{ got *[]tea.Msg }

func (l msgLog) Init() tea.Cmd { return nil }

func (l msgLog) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	*l.got = append(*l.got, msg)
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "q" {
		return l, tea.Quit
	}
	return l, nil
}

func (l msgLog) View() string { return "" }
