package tui

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/internal/visible"
	"github.com/ganui/ganui/session"
)

// TestUnboundKeysSaySo: a key bound to nothing is answered, not ignored in
// silence: the status line names the key and where the keys are listed, until
// the next key.
func TestUnboundKeysSaySo(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	for name, k := range map[string]tea.KeyMsg{
		"x":     {Type: tea.KeyRunes, Runes: []rune("x")},
		"Z":     {Type: tea.KeyRunes, Runes: []rune("Z")},
		"5":     {Type: tea.KeyRunes, Runes: []rune("5")},
		"tab":   {Type: tea.KeyTab},
		"enter": {Type: tea.KeyEnter},
		"f1":    {Type: tea.KeyF1},
		"alt+n": {Type: tea.KeyRunes, Runes: []rune("n"), Alt: true},
	} {
		mm, cmd := m.Update(k)
		if want := name + " is not a key here: ? lists them"; !strings.Contains(mm.View(), want) {
			t.Errorf("%s: the status line lacks %q:\n%s", name, want, mm.View())
		}
		if cmd != nil {
			t.Errorf("%s: gave a command", name)
		}
		if mm, _ = mm.Update(keyMsg("k")); strings.Contains(mm.View(), "is not a key") {
			t.Errorf("%s: the note outlived the next key", name)
		}
	}
}

// TestUnboundKeyIsNamedVisibly: a key bound to nothing whose rune is a control
// character (U+0085, a terminal's next line; U+009B, its escape sequences'
// introducer), as a paste without bracketed paste brings one, is named on the
// status line as a Go string writes it, `\u0085 is not a key here`, not written
// raw, for the terminal to obey.
func TestUnboundKeyIsNamedVisibly(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	for r, want := range map[rune]string{'\u0085': `\u0085`, '\u009b': `\u009b`, '中': "中"} {
		mm, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		if v := mm.View(); !strings.Contains(v, want+" is not a key here: ? lists them") || strings.ContainsRune(v, r) != (r == '中') {
			t.Errorf("%U: the status line lacks %q:\n%s", r, want, v)
		}
	}
}

// FuzzUnboundKeys: keys bound to nothing, whatever their runes, typed
// alone or together, with alt or not, leave the screen as tall and as
// wide as the terminal, with no control character on it, the last named
// on the status line.
func FuzzUnboundKeys(f *testing.F) {
	for _, s := range []string{"x", "Z", "5", "é", "中", "😀", "\u0301", "\u200b", "\u0085", "\u009b[2J", "\u202e", "xé中", "\xff"} {
		f.Add(s, false)
	}
	f.Add("x", true)
	f.Add("中", true)
	const w, h = 80, 24
	_, m := shownModel(f, testdesigns.PerSample(5000), true, w, h)
	f.Fuzz(func(t *testing.T, typed string, alt bool) {
		runes := []rune(typed)
		if len(runes) == 0 {
			return
		}
		for _, r := range runes {
			if bound(m.keys, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: alt}) {
				return // a key of the trainer's: it acts on the session
			}
		}
		mm, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: runes, Alt: alt})
		checkScreen(t, strconv.Quote(typed), mm.View(), w, h)
		last := tea.KeyMsg{Type: tea.KeyRunes, Runes: runes[len(runes)-1:], Alt: alt}
		if want := visible.String(last.String()) + " is not a key here"; !strings.Contains(mm.View(), want) {
			t.Fatalf("%q: the status line lacks %q:\n%s", typed, want, mm.View())
		}
	})
}

// checkScreen fails t unless view, the screen after what, is h lines
// tall and at most w cells wide, with no control character on it.
func checkScreen(t *testing.T, what, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%s: the screen is %d lines tall, not %d", what, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%s: line %d is %d cells wide, past %d: %q", what, i, lw, w, l)
		}
		if strings.ContainsFunc(l, unicode.IsControl) {
			t.Fatalf("%s: line %d has a control character: %q", what, i, l)
		}
	}
}

// bound reports whether k is one of keys' bindings.
func bound(keys keyMap, k tea.KeyMsg) bool {
	v := reflect.ValueOf(keys)
	for i := range v.NumField() {
		if f := v.Field(i); f.CanInterface() {
			if b, ok := f.Interface().(key.Binding); ok && key.Matches(k, b) {
				return true
			}
		}
	}
	return false
}

// TestOnlyKeysAreAnswered: the mouse, the focus and a resize are not
// keys, and the status line says nothing of them.
func TestOnlyKeysAreAnswered(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	var mm tea.Model = m
	for _, msg := range []tea.Msg{
		tea.MouseMsg{X: 3, Y: 4, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft},
		tea.FocusMsg{}, tea.BlurMsg{}, tea.WindowSizeMsg{Width: 101, Height: 30},
	} {
		mm, _ = mm.Update(msg)
		if strings.Contains(mm.View(), "is not a key") {
			t.Errorf("%T answered as a key", msg)
		}
	}
}

// onGlossary opens the glossary, ? twice, on a run paused at epoch 0
// at 80×24, and returns its session, the model before the keys and the
// snapshot it showed, and the model on the glossary.
func onGlossary(t *testing.T) (*session.Session, Model, session.Snapshot, tea.Model) {
	t.Helper()
	s, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	var mm tea.Model = m
	mm, _ = mm.Update(keyMsg("?"))
	mm, _ = mm.Update(keyMsg("?"))
	return s, m, m.snap, mm
}

// TestGlossaryTakesOnlyItsKeys: the glossary takes ?, esc, q and its paging
// keys alone (TestGlossaryPagesBothWays), with < and >, which close it for an
// event (TestEventKeysGoFromTheEventsPage), and its footer says that any other
// key was not taken, so that no key acts behind the page, unseen: space running
// the run, b pinning a baseline, ← retuning it, r reseeding it. h, l, + and -,
// which retune as ← and → do on the main screen, are refused: ← and → turn the
// pages here.
func TestGlossaryTakesOnlyItsKeys(t *testing.T) {
	s, _, first, mm := onGlossary(t)
	for name, k := range map[string]tea.KeyMsg{
		"space": {Type: tea.KeySpace, Runes: []rune{' '}},
		"n":     keyMsg("n"),
		"d":     keyMsg("d"),
		"b":     keyMsg("b"),
		"r":     keyMsg("r"),
		"w":     keyMsg("w"),
		"h":     keyMsg("h"),
		"l":     keyMsg("l"),
		"+":     keyMsg("+"),
		"-":     keyMsg("-"),
		"up":    {Type: tea.KeyUp},
		"x":     keyMsg("x"),
	} {
		mm, _ = mm.Update(k)
		view := mm.View()
		checkFrame(t, view, 80, 24)
		if want := name + " is not taken on the glossary"; !strings.Contains(view, want) {
			t.Errorf("%s: the glossary lacks %q:\n%s", name, want, view)
		}
		if !strings.Contains(view, "lossary") || strings.Contains(view, "Losses") {
			t.Errorf("%s: the glossary closed:\n%s", name, view)
		}
	}
	// A command after them, in order: what the session saw is settled.
	mm, _ = mm.Update(tea.KeyMsg{Type: tea.KeyEsc})
	checkNotActedOn(t, s, mm, first, "keys on the glossary acted behind it")
}

// TestEscTypedBeforeAKeyIsBoth: esc typed just before ←, which reaches the
// program as one key, alt+left (ESC ESC [ D), closes the help and then is ←, as
// the two typed apart are, not "alt+left is not a key here", the help left
// open. So are esc esc, alt+esc.
func TestEscTypedBeforeAKeyIsBoth(t *testing.T) {
	_, _, _, mm := onGlossary(t)
	mm, _ = mm.Update(tea.KeyMsg{Type: tea.KeyRight})
	for _, k := range []tea.KeyType{tea.KeyLeft, tea.KeyEsc} {
		both, _ := mm.Update(tea.KeyMsg{Type: k, Alt: true})
		apart, _ := mm.Update(tea.KeyMsg{Type: tea.KeyEsc})
		apart, _ = apart.Update(tea.KeyMsg{Type: k})
		if both.(Model).keys.page != pageNone {
			t.Errorf("alt+%s left the help open:\n%s", tea.KeyMsg{Type: k}, ansi.Strip(both.View()))
		}
		if got, want := ansi.Strip(both.View()), ansi.Strip(apart.View()); got != want {
			t.Errorf("alt+%s shows\n%s\nwhere esc then the key shows\n%s", tea.KeyMsg{Type: k}, got, want)
		}
	}
}

// TestGlossaryPagesBothWays: ← and PgUp go back a page, → and PgDn on, Home and
// End to the first and the last, not refused as keys not taken, so that a
// reader is not held to ?'s one way on; at either end the page stays, the
// status saying so, and only ? and esc close it, ? on the last page. The footer
// offers the pages both ways, and the run behind the pages is not acted on.
func TestGlossaryPagesBothWays(t *testing.T) {
	s, m, first, mm := onGlossary(t)
	pages := len(m.glossaryPages(80, 22))
	if pages < 3 {
		t.Fatalf("%d glossary pages at 80×24, want 3 or more", pages)
	}
	of := " of " + itoa(pages)
	for _, step := range []struct {
		key  tea.KeyMsg
		page int    // the page shown after it, from 1
		says string // on the status line before the footer's keys, if anything
	}{
		{tea.KeyMsg{Type: tea.KeyLeft}, 1, "left: already on the first page"},
		{tea.KeyMsg{Type: tea.KeyPgUp}, 1, "pgup: already on the first page"},
		{tea.KeyMsg{Type: tea.KeyHome}, 1, "home: already on the first page"},
		{tea.KeyMsg{Type: tea.KeyRight}, 2, ""},
		{tea.KeyMsg{Type: tea.KeyPgDown}, 3, ""},
		{tea.KeyMsg{Type: tea.KeyLeft}, 2, ""},
		{tea.KeyMsg{Type: tea.KeyPgUp}, 1, ""},
		{tea.KeyMsg{Type: tea.KeyEnd}, pages, ""},
		{tea.KeyMsg{Type: tea.KeyRight}, pages, "right: already on the last page"},
		{tea.KeyMsg{Type: tea.KeyPgDown}, pages, "pgdown: already on the last page"},
		{tea.KeyMsg{Type: tea.KeyEnd}, pages, "end: already on the last page"},
		{tea.KeyMsg{Type: tea.KeyLeft}, pages - 1, ""},
		{tea.KeyMsg{Type: tea.KeyHome}, 1, ""},
		{tea.KeyMsg{Type: tea.KeyEnd}, pages, ""},
	} {
		mm, _ = mm.Update(step.key)
		view := ansi.Strip(mm.View())
		checkFrame(t, view, 80, 24)
		lines := strings.Split(view, "\n")
		title, footer := lines[1], lines[len(lines)-1]
		if want := "page " + itoa(step.page) + of; !strings.Contains(title, want) {
			t.Errorf("%s: the glossary shows %q, want %q", step.key, strings.TrimSpace(title), want)
		}
		next := "? next"
		if step.page == pages {
			next = "? close"
		}
		want := "←→ page · " + next + " · esc close"
		if step.says != "" {
			want = step.says + footerSep + want
		}
		if !strings.HasPrefix(footer, want) {
			t.Errorf("%s on page %d: the footer reads %q, want it to begin %q", step.key, step.page, strings.TrimSpace(footer), want)
		}
		if !strings.HasSuffix(strings.TrimSpace(footer), "q quit") {
			t.Errorf("%s: the footer has no room left for q: %q", step.key, footer)
		}
	}
	// ? on the last page closes it, as it did.
	if mm, _ = mm.Update(keyMsg("?")); mm.(Model).keys.page != pageNone {
		t.Fatalf("? on the last page left page %v open", mm.(Model).keys.page)
	}
	checkNotActedOn(t, s, mm, first, "the glossary's paging keys acted behind it")
}

// checkNotActedOn fails the test with what when the run of s is no longer as
// first shows it, paused at epoch 0 with its seed, settings and no
// baseline: after u, a command sent after the keys under test, the
// session has applied every command before it.
func checkNotActedOn(t *testing.T, s *session.Session, mm tea.Model, first session.Snapshot, what string) {
	t.Helper()
	mm.Update(keyMsg("u"))
	for snap := range s.Snapshots() {
		if !strings.Contains(snap.Note, "has not diverged") {
			continue
		}
		if snap.Epoch != 0 || snap.State != session.Paused || snap.Baseline != nil || snap.Seed != first.Seed || snap.Settings != first.Settings {
			t.Fatalf("%s: epoch %d, %s, baseline %v, seed %d, settings %+v (were %+v)",
				what, snap.Epoch, snap.State, snap.Baseline != nil, snap.Seed, snap.Settings, first.Settings)
		}
		return
	}
}

// TestTooSmallTakesOnlyQuit: the too-small screen takes q alone and says so
// under its message, so that no key on a terminal under 70×20 acts on a run the
// screen does not show (space running it, r reseeding it, ← retuning it,
// unseen); grown back, the screen says nothing of it.
func TestTooSmallTakesOnlyQuit(t *testing.T) {
	s, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	first := m.snap
	var mm tea.Model = m
	mm, _ = mm.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	for name, k := range map[string]tea.KeyMsg{
		"space": {Type: tea.KeySpace, Runes: []rune{' '}},
		"n":     keyMsg("n"),
		"r":     keyMsg("r"),
		"b":     keyMsg("b"),
		"left":  {Type: tea.KeyLeft},
		"?":     keyMsg("?"),
	} {
		mm, _ = mm.Update(k)
		view := mm.View()
		checkFits(t, view, 40, 12)
		if want := name + " is not taken on a terminal this"; !strings.Contains(view, want) {
			t.Errorf("%s: the too-small screen lacks %q:\n%s", name, want, view)
		}
	}
	mm, _ = mm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := mm.View(); strings.Contains(v, "is not taken") || strings.Contains(v, "Glossary") || strings.Contains(v, "Design") {
		t.Errorf("grown back, the screen answers keys it did not take:\n%s", v)
	}
	checkNotActedOn(t, s, mm, first, "keys on the too-small screen acted unseen")
}

// TestZeroSizedWindow: a 0×0 window (a terminal that reports no size, a pane
// shrunk away) is a too-small screen like any other: nothing panics, its View
// is empty, its keys are refused, and grown back the screen is as it was: the
// ? pages on the page that was read, no answer to a key it did not take, the
// run not acted on. Taken as a size not yet known, keys typed ahead of it,
// space had run the run unseen, x's "x is not a key here" had come back with
// the screen, and the pages, their place reckoned at 0 columns, had opened on
// their last page.
func TestZeroSizedWindow(t *testing.T) {
	s, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	first := m.snap
	var mm tea.Model = m
	for _, k := range []string{"?", "?", "?", "?"} {
		mm, _ = mm.Update(keyMsg(k))
	}
	before := mm.View()
	if !strings.Contains(before, "page 3 of") {
		t.Fatalf("? four times: not on the pages' third page:\n%s", before)
	}
	for _, size := range [][2]int{{0, 0}, {0, 24}, {80, 0}} {
		mm, _ = mm.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		_ = mm.View()
		mm, _ = mm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if v := mm.View(); v != before {
			t.Errorf("the ? pages at 80×24, %d×%d and back:\n%s\nwant as before:\n%s", size[0], size[1], v, before)
		}
	}
	mm, _ = mm.Update(tea.KeyMsg{Type: tea.KeyEsc})
	for name, k := range map[string]tea.KeyMsg{
		"space": {Type: tea.KeySpace, Runes: []rune{' '}},
		"x":     keyMsg("x"),
		"?":     keyMsg("?"),
		"r":     keyMsg("r"),
	} {
		mm, _ = mm.Update(tea.WindowSizeMsg{})
		if v := mm.View(); v != "" {
			t.Errorf("0×0: the view is %q, want none", v)
		}
		mm, _ = mm.Update(k)
		mm, _ = mm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		view := mm.View()
		checkFrame(t, view, 80, 24)
		if strings.Contains(view, "is not") || strings.Contains(view, "Design") || mm.(Model).sent != m.sent {
			t.Errorf("%s on a 0×0 window, then 80×24 (%d commands sent, were %d):\n%s", name, mm.(Model).sent, m.sent, view)
		}
	}
	checkNotActedOn(t, s, mm, first, "keys on a 0×0 window acted unseen")
}

// TestTooSmallDropsTheRunsAnswer: the answer to a key on the run's screen goes
// with that screen when the terminal shrinks under 70×20, where the too-small
// screen had gone on saying "x is not a key here: ? lists them" under "terminal
// too small", ? being one of the keys it does not take.
func TestTooSmallDropsTheRunsAnswer(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	var mm tea.Model = m
	for _, k := range []tea.KeyMsg{keyMsg("x"), {Type: tea.KeyEsc}} {
		mm, _ = mm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		mm, _ = mm.Update(k)
		said := mm.(Model).flash
		if said == "" || !strings.Contains(mm.View(), said) {
			t.Fatalf("%s on the run's screen: the status lacks its answer:\n%s", keyName(k), mm.View())
		}
		mm, _ = mm.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
		if v := mm.View(); !strings.Contains(v, "too small") || strings.Contains(v, "? ") {
			t.Errorf("%s, then shrunk to 40×12: the too-small screen says what the run's said:\n%s", keyName(k), v)
		}
	}
}

// TestEscWithoutHelpSaysSo: esc on the main screen answers, as every other key
// does, rather than doing nothing and saying nothing; it says the help is not
// open, nor a replay, which esc ends too (TestEscReturnsAReplayToLive).
func TestEscWithoutHelpSaysSo(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	mm, _ := m.Update(tea.KeyMsg{Type: tea.KeyEsc}) // its command may be a wait check (TestKeysWaitingSaySo)
	if want := "esc closes the help or a replay, and neither is open: ? opens the help"; !strings.Contains(mm.View(), want) || mm.(Model).quitting {
		t.Errorf("esc on the main screen: the status lacks %q:\n%s", want, mm.View())
	}
	mm, _ = mm.Update(keyMsg("?"))
	if mm, _ = mm.Update(tea.KeyMsg{Type: tea.KeyEsc}); strings.Contains(mm.View(), "neither is open") || strings.Contains(mm.View(), "Design") {
		t.Errorf("esc closing the help:\n%s", mm.View())
	}
}

// TestTooSmallOverTheGlossary: with the glossary open on a terminal too small
// to show it, a key's answer is about the terminal, not "not taken on the
// glossary" over a screen with no glossary in sight.
func TestTooSmallOverTheGlossary(t *testing.T) {
	_, m := shownModel(t, testdesigns.PerSample(5000), true, 80, 24)
	var mm tea.Model = m
	mm, _ = mm.Update(keyMsg("?"))
	mm, _ = mm.Update(keyMsg("?"))
	mm, _ = mm.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	mm, _ = mm.Update(keyMsg("n"))
	if v := mm.View(); !strings.Contains(v, "n is not taken on a terminal this") {
		t.Errorf("n on a too-small screen over the glossary:\n%s", v)
	}
}
