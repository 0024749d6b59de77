package tui

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// TestKeysPageSaysWhatKeysDoNow: the keys page (?) describes space, b, ? and
// esc as they act at this moment, in the footer's words: not "b baseline" while
// the footer says "b unpin", a baseline pinned, nor "space pause/run" whatever
// the state; and on a diverged run it draws "n one epoch" faint, the session
// not taking it.
func TestKeysPageSaysWhatKeysDoNow(t *testing.T) {
	page := func(k keyMap) map[string]string {
		descs := map[string]string{}
		for _, col := range k.FullHelp() {
			for _, b := range col {
				if b.Enabled() {
					descs[b.Help().Key] = b.Help().Desc
				}
			}
		}
		return descs
	}
	footer := func(k keyMap) map[string]string {
		descs := map[string]string{}
		for _, b := range k.ShortHelp() {
			descs[b.Help().Key] = b.Help().Desc
		}
		return descs
	}
	for _, c := range []struct {
		name   string
		state  session.State
		pinned bool
		want   map[string]string // the page's words, by the key as the page names it
	}{
		{"running", session.Running, false, map[string]string{"space/p": "pause"}},
		{"paused", session.Paused, false, map[string]string{"space/p": "run", "b": "baseline"}},
		{"paused, pinned", session.Paused, true, map[string]string{"space/p": "run", "b": "unpin"}},
		{"done, pinned", session.Done, true, map[string]string{"space/p": "go on", "b": "unpin"}},
		{"diverged", session.Diverged, false, map[string]string{"space/p": "run", "n": "one epoch", "u": "roll back"}}, // faint: TestKeysPageDrawsIdleKeysFaint
	} {
		k := newKeyMap()
		k.width, k.state, k.pinned = 200, c.state, c.pinned
		foot := footer(k) // as the screen is before ? opens the page
		k.page = pageKeys
		got := page(k)
		for key, want := range c.want {
			if got[key] != want {
				t.Errorf("%s: the keys page says %q %q, want %q", c.name, key, got[key], want)
			}
		}
		if d, ok := foot["space"]; ok != (c.state != session.Diverged) || ok && got["space/p"] != d {
			t.Errorf("%s: the keys page says space %q, the footer %q (offered %v)", c.name, got["space/p"], d, ok)
		}
		if d, ok := foot["b"]; ok && got["b"] != d {
			t.Errorf("%s: the keys page says b %q, the footer %q", c.name, got["b"], d)
		}
		if got["?"] != "glossary" || got["esc"] != "close" {
			t.Errorf("%s: on the keys page ? reads %q and esc %q, want glossary and close", c.name, got["?"], got["esc"])
		}
	}
}

// TestKeysPageDrawsPausedKeysFaintWhileRunning: on a running run the keys page
// draws n, d/g and replay's keys faint, "n d/g , . < >: after space" (under
// "faint: not now —", with u's and 0's reasons, at 80×24), as the keys
// themselves answer "n (one epoch) works while paused: press space to pause
// first", where it had drawn "n one epoch" as if it trained an epoch.
func TestKeysPageDrawsPausedKeysFaintWhileRunning(t *testing.T) {
	s := startScreen(t, blogConfig(t, 1_000_000), 1, false, 80, 24)
	s.waitSnap("the run is running", func(s session.Snapshot) bool { return s.State == session.Running && s.Epoch > 0 })
	s.key("?")
	s.key("n")
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("works while paused")) },
		teatest.WithDuration(waitTimeout))
	view := s.finalView()
	flat := strings.Join(strings.Fields(view), " ")
	if !strings.Contains(view, "Design") || !strings.Contains(flat, "n d/g , . < >: after space") {
		t.Errorf("the keys page of a running run does not draw n, d/g and replay faint:\n%s", view)
	}
}

// TestKeysPageListsEveryKey: every key the trainer answers to is on the keys
// page (q's ctrl+c aside, the terminal's own), p, esc and ctrl+z among them.
// The glossary's paging keys are the glossary's own, which its footer offers
// (TestGlossaryFooterTurnsPages).
func TestKeysPageListsEveryKey(t *testing.T) {
	k := newKeyMap()
	k.width, k.page = minWidth, pageKeys
	listed := map[string]bool{}
	for _, col := range k.FullHelp() {
		for _, b := range col {
			for _, name := range strings.Split(b.Help().Key, "/") {
				listed[name] = true
				if strings.Trim(name, "↑↓←→") == "" { // arrows together, "↑↓": each
					for _, r := range name {
						listed[string(r)] = true
					}
				}
			}
			for _, name := range strings.Fields(b.Help().Key) {
				listed[name] = true
			}
		}
	}
	names := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", " ": "space", "ctrl+c": ""}
	for _, b := range []key.Binding{k.Pause, k.Step, k.StepD, k.StepG, k.Reseed, k.Restart, k.Rollback, k.Up, k.Down, k.Dec, k.Inc, k.Reset, k.Slower, k.Faster, k.Save, k.Export, k.View, k.Back, k.Forward, k.PrevEvent, k.NextEvent, k.Pin, k.Share, k.Plot, k.Filter, k.Help, k.Close, k.Quit, k.Suspend} {
		for _, name := range b.Keys() {
			if n, ok := names[name]; ok {
				name = n
			}
			if name != "" && !listed[name] {
				t.Errorf("the keys page does not list %q", name)
			}
		}
	}
}

// TestGlossaryFooterTurnsPages: the glossary's footer offers ←→ where
// it has two pages or more, ? as it acts on the page shown (next, or
// close on the last), and home/end where they fit; a glossary of one
// page, where ← and → could only say so, is not offered them.
func TestGlossaryFooterTurnsPages(t *testing.T) {
	for _, c := range []struct {
		gpage, gpages int
		want          string
	}{
		{0, 1, "? close · esc close · q quit"},
		{0, 4, "←→ page · ? next · esc close · home/end first/last · q quit"},
		{2, 4, "←→ page · ? next · esc close · home/end first/last · q quit"},
		{3, 4, "←→ page · ? close · esc close · home/end first/last · q quit"},
	} {
		k := newKeyMap()
		k.width, k.page, k.gpage, k.gpages = minWidth, pageGlossary, c.gpage, c.gpages
		var got []string
		for _, b := range k.ShortHelp() {
			got = append(got, b.Help().Key+" "+b.Help().Desc)
		}
		if s := strings.Join(got, footerSep); s != c.want {
			t.Errorf("page %d of %d: the footer reads %q, want %q", c.gpage+1, c.gpages, s, c.want)
		}
	}
}

// TestKeysPageDiagnosisOnce: with the keys page open the diagnosis is on the
// screen once, in the message area, at every size: at 120×40 and 200×50 the
// design panel does not give it too, under the design.
func TestKeysPageDiagnosisOnce(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.State, snap.Note = session.Paused, ""
	const text = "G ignores its noise: it makes nearly the same output every time"
	snap.Findings = []session.Finding{{Kind: session.NoiseIgnored, Text: text, Detail: "noise use 0.0135, under 0.05"}}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		w, h := size[0], size[1]
		view := frame(t, s, snap, w, h, "?")
		flat := strings.Join(strings.Fields(view), " ")
		if n := strings.Count(flat, "G ignores its noise"); n != 1 {
			t.Errorf("%d×%d, keys page: the finding is on the screen %d times, want once:\n%s", w, h, n, view)
		}
		if !strings.Contains(view, "Design bimodal-1d") {
			t.Errorf("%d×%d: not the keys page:\n%s", w, h, view)
		}
	}
}

// TestKeysPageDrawsIdleKeysFaint: the keys page keeps every key's words and
// draws faint those that cannot act now, as the footer leaves them out, with a
// line saying why. At epoch 0 it does not offer "u roll back", "e export CSV"
// and ", prev frame" as if they acted, and keeps their words, since words such
// as "(none yet)" in their place would say nothing of what they do. The why is
// what is missing, true at any epoch, not "epoch 0", which would be wrong of
// replay until the first check and of export until a resumed run trains.
func TestKeysPageDrawsIdleKeysFaint(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	for _, c := range []struct {
		name                     string
		state                    session.State
		frames, export, rollback bool
		trained                  bool // an epoch completed, since the start or before a resume
		plane                    bool
		faint                    []string // by the key as the page names it
		why                      string
		// crowded: three reasons, which leave no row for the legend at 80
		// columns and take a row more than the first column to be named
		// after their keys.
		crowded bool
		// tuned: the setting picked is not the design's, and 0 puts it
		// back; else 0 is faint, "not tuned", as it says "D lr is 5e-4
		// already, the design's".
		tuned bool
	}{
		{"epoch 0", session.Paused, false, false, false, false, false, []string{",", ".", "<", ">", "e", "u", "0"}, "no epoch, not diverged, not tuned", false, false},
		// Epochs trained, none yet checked: replay has no frame, which the page
		// says rather than "epoch 0" beside a header at epoch 2.
		{"before the first check", session.Paused, false, true, false, true, false, []string{",", ".", "<", ">", "u", "0"}, "no frame, not diverged, not tuned", false, false},
		// Resumed, nothing trained since: "no new epoch", as e says "no epoch
		// trained since resuming", not "epoch 0" beside a header at epoch
		// 1,000, nor a bare "no epoch".
		{"resumed", session.Paused, true, false, false, true, false, []string{"e", "u", "0"}, "no new epoch, not diverged, not tuned", false, false},
		// Resumed before the first keyframe, nothing trained since: each key
		// its own reason, as the key says it: replay's is "no frame", as , says
		// "keyframes are kept every 100 epochs", not "no epoch" beside "epoch
		// 30".
		{"resumed before the first keyframe", session.Paused, false, false, false, true, false, []string{",", ".", "<", ">", "e", "u", "0"}, "no frame, no new epoch, not diverged, not tuned", true, false},
		// u on a run that has not diverged says so, as the page does, not
		// "nothing kept" of every healthy run.
		{"mid-run", session.Paused, true, true, false, true, false, []string{"u", "0"}, "not diverged, not tuned", false, false},
		// A setting tuned away from the design's: 0 puts it back, drawn as a
		// key that acts.
		{"mid-run, tuned", session.Paused, true, true, false, true, false, []string{"u"}, "not diverged", false, true},
		// Running, the single steps and replay say "works while paused:
		// press space to pause first": faint, space named as what brings
		// them, not drawn as if n trained an epoch.
		{"running", session.Running, true, true, false, true, false, []string{"n", "d/g", ",", ".", "<", ">", "u", "0"}, "after space, not diverged, not tuned", false, false},
		{"running before the first check", session.Running, false, true, false, true, false, []string{"n", "d/g", ",", ".", "<", ">", "u", "0"}, "after space, not diverged, not tuned", false, false},
		{"rolled back", session.Paused, true, true, true, true, false, []string{"0"}, "not tuned", false, false},
		{"rolled back, tuned", session.Paused, true, true, true, true, false, nil, "", false, true},
		// b does not pin a diverged run, and the footer does not offer it; one
		// pinned before still unpins (below). Their reason names the key that
		// brings them back, u, not "diverged", which names no key to press.
		{"diverged", session.Diverged, true, true, true, true, false, []string{"space/p", "n", "d/g", "b", "w", "0"}, "after u, not tuned", false, false},
		// Diverged at epoch 1, before the first keyframe.
		{"diverged, no frame", session.Diverged, false, true, true, true, false, []string{"space/p", "n", "d/g", "b", "w", ",", ".", "<", ">", "0"}, "after u, no frame, not tuned", false, false},
		// Diverged before the first kept state: nothing for u to go back
		// to, and r or R starts again.
		{"diverged, nothing kept", session.Diverged, true, true, false, true, false, []string{"space/p", "n", "d/g", "b", "w", "u", "0"}, "after r or R, nothing kept, not tuned", false, false},
		// v on a plane says in its own words that it is for a 1-D run: there is
		// no other view to turn to, at any epoch. The note does not say "2-D
		// target" too, where v is the only faint key, which at epoch 0 would
		// make its three reasons take a row more than the first column leaves
		// free at 80×24.
		{"2-D", session.Paused, true, true, true, true, true, []string{"v", "0"}, "not tuned", false, false},
		{"2-D mid-run", session.Paused, true, true, false, true, true, []string{"u", "v", "0"}, "not diverged, not tuned", false, false},
		{"2-D running", session.Running, true, true, false, true, true, []string{"n", "d/g", ",", ".", "<", ">", "u", "v", "0"}, "after space, not diverged, not tuned", false, false},
		{"2-D at epoch 0", session.Paused, false, false, false, false, true, []string{",", ".", "<", ">", "e", "u", "v", "0"}, "no epoch, not diverged, not tuned", false, false},
	} {
		// At 80 columns and at the narrowest, minWidth, in colour and without.
		// At 70 columns the last column has 14 cells for the note, which at
		// epoch 0 must not take three rows, lose its legend's dash ("faint: not
		// now") or split "not diverged" over two lines; without colour,
		// brackets around the faint words ("(prev frame)") must not widen the
		// third column so far that the last (w, e, ?, esc, q) is left out.
		for _, w := range []int{80, minWidth} {
			for _, plain := range []bool{false, true} {
				name := fmt.Sprintf("%s at %d columns", c.name, w)
				if plain {
					name += " without colour"
					lipgloss.SetColorProfile(termenv.Ascii)
				}
				k := newKeyMap()
				k.width, k.state, k.frames, k.export, k.rollback, k.trained, k.plane, k.page = w, c.state, c.frames, c.export, c.rollback, c.trained, c.plane, pageKeys
				k.reset = c.tuned
				page := keysPage(k, w)
				text := ansi.Strip(page)
				lipgloss.SetColorProfile(termenv.TrueColor)
				for _, col := range k.FullHelp() {
					for _, b := range col {
						h := b.Help()
						faint := slices.Contains(c.faint, h.Key)
						got := strings.Contains(page, styleIdle.Render(h.Desc))
						if plain {
							got = strings.Contains(page, idleMark+h.Desc)
						}
						if got != faint {
							t.Errorf("%s: %q %q drawn faint %v, want %v", name, h.Key, h.Desc, got, faint)
						}
						if !strings.Contains(text, h.Desc) {
							t.Errorf("%s: the page has lost %q's words %q:\n%s", name, h.Key, h.Desc, text)
						}
					}
				}
				// At 80 columns each reason after the keys it is for (", . < >
				// e: no epoch"), over the legend where there is room for it,
				// not "faint: not now — / no epoch, not diverged", which at
				// epoch 0 would name no key; each reason whole on its line. A
				// diverged run's too: "space/p n d/g b w: after u" in the column,
				// "space/p n d/g b w: after r or R", wider than it, with the
				// other reasons on a row under the columns.
				for r := range strings.SplitSeq(c.why, ", ") {
					if w == 80 && r != "" && !strings.Contains(text, ": "+r) && !strings.Contains(text, " ("+r+")") {
						t.Errorf("%s: the page does not say which keys %q is for:\n%s", name, r, text)
					}
				}
				for r := range strings.SplitSeq(c.why, ", ") {
					if r != "" && !slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool { return strings.Contains(l, r) }) {
						t.Errorf("%s: the page does not say %q whole:\n%s", name, r, text)
					}
				}
				// At 70 columns each reason is said after its keys too, on its
				// line, in the column or on a row under the columns, unless the
				// legend says the faint keys are those it is for: alone, mid-run
				// "not diverged" beside "c share" would read as the run's state,
				// under a "u:" on the line above as parted from its key, and at
				// epoch 0 "no epoch, / not diverged" would name no key.
				lines := strings.Split(text, "\n")
				for r := range strings.SplitSeq(c.why, ", ") {
					if w != minWidth || r == "" || strings.Contains(text, "not now —") {
						continue
					}
					i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, r) })
					if i < 0 || !strings.Contains(lines[i], ": "+r) && !strings.Contains(lines[i], " ("+r+")") {
						t.Errorf("%s: the page does not say which keys %q is for:\n%s", name, r, text)
					}
				}
				for _, r := range idleReasons {
					if !strings.Contains(c.why, r) && strings.Contains(text, r) {
						t.Errorf("%s: the page gives %q as a reason, want only %q:\n%s", name, r, c.why, text)
					}
				}
				// At 80 columns the legend says what faint means, over the
				// reasons, or over nothing where they are on a row under the
				// columns (a diverged run's "space/p n d/g b w: after r or R, u:
				// nothing kept"): at epoch 0 it is not left out for ", . < > e:
				// no epoch, / u: not diverged" in the two rows the first column
				// leaves, nor on a diverged run for its keys over their reason.
				if w == 80 && c.why != "" && !strings.Contains(text, "not now —") && !strings.Contains(text, "keys do nothing") {
					t.Errorf("%s: the page has no legend for its faint keys:\n%s", name, text)
				}
				// The note stays in the rows the first column leaves, or
				// takes one row more to name the keys where those rows
				// cannot, or at 80 columns for the legend over two
				// reasons, or over a diverged run's under its keys, and
				// every column is kept in w cells.
				if rows := len(lines); rows > 8 || rows == 8 && !strings.Contains(lines[7], ": ") && c.state != session.Diverged || rows == 8 && w == 80 && !c.crowded && !strings.Contains(c.why, ", ") && c.state != session.Diverged {
					t.Errorf("%s: the page is taller than its first column:\n%s", name, text)
				}
				if lipgloss.Width(page) > w || !strings.Contains(text, "checkpoint") {
					t.Errorf("%s: the page is %d cells wide or has lost its last column:\n%s", name, lipgloss.Width(page), text)
				}
			}
		}
	}
	// Where the reasons are named after their keys (120 columns), the replay's
	// keys, which begin with a comma, come first: "e (no new epoch), , . < >
	// (no frame)" would read as a stray comma.
	k := newKeyMap()
	k.width, k.state, k.trained, k.page = 120, session.Paused, true, pageKeys
	if text := strings.Join(strings.Fields(ansi.Strip(keysPage(k, 120))), " "); !strings.Contains(text, "now: , . < > (no frame), e (no new epoch),") {
		t.Errorf("resumed before the first keyframe at 120 columns: the reasons read:\n%s", text)
	}
	k = newKeyMap()
	k.width, k.state, k.frames, k.export, k.rollback, k.pinned, k.page = 80, session.Diverged, true, true, true, true, pageKeys
	if page := keysPage(k, 80); strings.Contains(page, styleIdle.Render("unpin")) || !strings.Contains(ansi.Strip(page), "unpin") {
		t.Errorf("diverged with a baseline pinned: b unpin drawn faint, or not there:\n%s", ansi.Strip(page))
	}
}

// TestFooterLeavesOutWhatThePageDrawsFaint: the footer offers no key the keys
// page draws faint (keyMap.idle), in any state, and offers b unpin on a
// diverged run with a baseline pinned, which the page offers, rather than
// leaving b out of every diverged run's keys.
func TestFooterLeavesOutWhatThePageDrawsFaint(t *testing.T) {
	for _, state := range []session.State{session.Running, session.Paused, session.Done, session.Diverged} {
		for flags := range 1 << 6 {
			k := newKeyMap()
			k.width, k.state = 200, state
			k.pinned, k.frames, k.export, k.rollback, k.plane, k.replaying = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0, flags&16 != 0, flags&32 != 0
			if k.replaying && !k.frames {
				continue // a replay shows a frame
			}
			idle := k.idle()
			var offered []string
			for _, b := range k.ShortHelp() {
				if !b.Enabled() {
					continue
				}
				offered = append(offered, b.Help().Key+" "+b.Help().Desc)
				if why := idle[b.Keys()[0]]; why != "" {
					t.Errorf("%v, flags %06b: the footer offers %q, which the keys page draws faint (%s)", state, flags, b.Help().Key, why)
				}
			}
			if state == session.Diverged && k.pinned && !k.replaying && !slices.Contains(offered, "b unpin") {
				t.Errorf("diverged, a baseline pinned, flags %06b: the footer offers %q, not b unpin", flags, offered)
			}
		}
	}
}

// TestKeysPageDrawsEveryIdleReason: every reason keyMap.idle gives, in any
// state, is in idleReasons, the list the keys page draws them from, and the
// page draws it, at 80 and 120 columns: were the page to draw them from a list
// of its own beside the constants, a reason added to idle alone would leave its
// keys faint with no word of why. v on a plane says why in its own words
// (TestKeysPageNamesVTrueOnAPlane).
func TestKeysPageDrawsEveryIdleReason(t *testing.T) {
	given := map[string]bool{}
	for _, state := range []session.State{session.Running, session.Paused, session.Done, session.Diverged} {
		for flags := range 1 << 9 {
			k := newKeyMap()
			k.state, k.page = state, pageKeys
			k.plane, k.frames, k.noEvents, k.trained, k.pinned, k.rollback, k.unreached, k.export = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0, flags&16 != 0, flags&32 != 0, flags&64 != 0, flags&128 != 0
			if flags&256 != 0 {
				k.noSuspend = "ctrl+z: no job control"
			}
			for _, r := range k.idle() {
				given[r] = true
				if !slices.Contains(idleReasons, r) {
					t.Errorf("%v, flags %09b: idle gives %q, which is not in idleReasons", state, flags, r)
				}
				if saidByTheKey(r) {
					continue
				}
				for _, w := range []int{80, 120} {
					k.width = w
					if text := ansi.Strip(keysPage(k, w)); !strings.Contains(text, r) {
						t.Errorf("%v, flags %09b, %d columns: the page does not draw %q:\n%s", state, flags, w, r, text)
					}
				}
			}
		}
	}
	for _, r := range idleReasons {
		if !given[r] {
			t.Errorf("idleReasons has %q, which idle gives in no state", r)
		}
	}
}

// TestKeysPageFitsEveryState: the keys page keeps every row within the
// screen's width in every state its keys can be in, at 70 columns and a few
// more, without colour, whose idle mark takes a cell: each state, keyframes or
// none, events or none, a baseline, a replay, a kept state for u, a divergence
// out of reach, something to export, findings, a kind of event chosen, and
// ctrl+z without job control, whose words are the wider. Four reasons a diverged run can give, its epochs trained before a
// resume and none since, nothing kept, "after r or R", "no frame", "no new
// epoch" and "nothing kept", had gone on in the last column whole on their
// lines, under an indent, a column past the screen at 70.
func TestKeysPageFitsEveryState(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetColorProfile(termenv.TrueColor)
	for _, w := range []int{minWidth, 72, 77, 80} {
		for _, state := range []session.State{session.Running, session.Paused, session.Done, session.Diverged} {
			for bits := range 1 << 11 {
				k := newKeyMap()
				k.width, k.page, k.state = w, pageKeys, state
				on := func(i int) bool { return bits&(1<<i) != 0 }
				k.plane, k.noGZ, k.frames, k.noEvents, k.trained, k.pinned = on(0), on(1), on(2), on(3), on(4), on(5)
				k.replaying, k.rollback, k.unreached, k.export, k.diagnosis = on(6), on(7), on(8), on(9), on(10)
				if (k.frames || k.export) && !k.trained || k.replaying && !k.frames || (k.rollback || k.unreached) && state != session.Diverged {
					continue // no run is so: a keyframe or an export without an epoch, u or out of reach undiverged
				}
				for _, kind := range []string{"", "mode-lost"} {
					k.kind, k.noSuspend = kind, "no job control"
					page := keysPage(k, w)
					for _, row := range strings.Split(page, "\n") {
						if lipgloss.Width(row) > w {
							t.Fatalf("%v at %d columns without colour, %+v: a row %d cells wide:\n%s", state, w,
								struct{ plane, noGZ, frames, noEvents, trained, pinned, replaying, rollback, unreached, export, diagnosis bool }{k.plane, k.noGZ, k.frames, k.noEvents, k.trained, k.pinned, k.replaying, k.rollback, k.unreached, k.export, k.diagnosis},
								lipgloss.Width(row), ansi.Strip(page))
						}
					}
				}
			}
		}
	}
}

// TestKeysPageNamesVTrueOnAPlane: on a 2-D target the keys page names v by what
// it turns, "1-D views", drawn faint, its words saying why, not "hist/Q-Q",
// views a plane does not have; a 1-D run keeps them. Its words, marked without
// colour, leave the first column as wide as it is on a 1-D run, so that the
// narrowest layout keeps the last column (w, e, ?, esc, q): "(samples view)"
// would push it off at 70 columns.
func TestKeysPageNamesVTrueOnAPlane(t *testing.T) {
	for _, c := range []struct {
		plane, noGZ bool
		want        string
	}{
		{true, true, "1-D views"},
		{false, true, "hist/Q-Q"},
		{false, false, "hist/Q-Q/G(z)"},
	} {
		k := newKeyMap()
		k.plane, k.noGZ = c.plane, c.noGZ
		for _, col := range k.FullHelp() {
			for _, b := range col {
				if h := b.Help(); h.Key == "v" && h.Desc != c.want {
					t.Errorf("plane %v, no G(z) %v: v reads %q, want %q", c.plane, c.noGZ, h.Desc, c.want)
				}
			}
		}
		k.width, k.state, k.frames, k.export, k.page = minWidth, session.Running, true, true, pageKeys
		if page := keysPage(k, minWidth); !strings.Contains(page, "checkpoint") {
			t.Errorf("plane %v, no G(z) %v: at %d columns without colour the keys page has lost its last column:\n%s", c.plane, c.noGZ, minWidth, page)
		}
	}
}

// TestKeysPageNamesTheKeyOfAReason: the faint keys and why read as one
// sentence where it fits the column's free rows, at 80 columns paused mid-run
// with a setting tuned (0 acts) "faint keys do nothing" over "now: u (not
// diverged)", where "faint: not now —" over "u: not diverged" had read as a
// caption and a label; at 70 columns, the column too narrow, on a row under
// the columns, whole.
func TestKeysPageNamesTheKeyOfAReason(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	k := newKeyMap()
	k.width, k.state, k.frames, k.export, k.reset, k.page = 80, session.Paused, true, true, true, pageKeys
	text := ansi.Strip(keysPage(k, 80))
	lines := strings.Split(text, "\n")
	if n := len(lines); n != 7 || !strings.HasSuffix(strings.TrimSpace(lines[n-2]), "faint keys do nothing") || !strings.HasSuffix(strings.TrimSpace(lines[n-1]), "now: u (not diverged)") {
		t.Errorf("at 80 columns the faint keys' sentence does not end the last column's rows:\n%s", text)
	}
	k.width = minWidth
	text = ansi.Strip(keysPage(k, minWidth))
	if !slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool { return strings.TrimSpace(l) == "faint keys do nothing now: u (not diverged)" }) {
		t.Errorf("at %d columns the faint keys' sentence is not on a row of its own:\n%s", minWidth, text)
	}
}

// TestKeysPageKeepsItsColumnsAtTheLeft: a note under the columns wider than
// they are, a running run's at 80 columns with a setting tuned (0 acts),
// starts at the left edge as they do, where it had pushed every column two
// cells in ("  space/p pause").
func TestKeysPageKeepsItsColumnsAtTheLeft(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	k := newKeyMap()
	k.width, k.state, k.frames, k.export, k.trained, k.reset, k.page = 80, session.Running, true, true, true, true, pageKeys
	text := ansi.Strip(keysPage(k, 80))
	if !strings.HasPrefix(text, "space/p") || !strings.Contains(text, "\nfaint keys do nothing now: n d/g") {
		t.Errorf("the keys page of a running run at 80 columns:\n%s", text)
	}
}

// TestKeysPageDrawsEventKeysFaintWithoutEvents: on a run with keyframes but no
// event, < and > have nothing to go to (the replay's note does not offer them),
// so the keys page draws them faint as it does every idle key, and names why
// after them, "< > (no event)"; drawn as if they acted, they would answer only
// "no earlier event".
func TestKeysPageDrawsEventKeysFaintWithoutEvents(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	for _, replaying := range []bool{false, true} {
		for _, noEvents := range []bool{false, true} {
			k := newKeyMap()
			k.width, k.state, k.frames, k.export, k.rollback, k.trained, k.page = 80, session.Paused, true, true, true, true, pageKeys
			k.replaying, k.noEvents = replaying, noEvents
			page := keysPage(k, 80)
			for _, b := range []key.Binding{k.PrevEvent, k.NextEvent} {
				if got := strings.Contains(page, styleIdle.Render(b.Help().Desc)); got != noEvents {
					t.Errorf("replaying %v, no events %v: %q drawn faint %v", replaying, noEvents, b.Help().Desc, got)
				}
			}
			if text := ansi.Strip(page); strings.Contains(text, "< > ("+idleNoEvent+")") != noEvents {
				t.Errorf("replaying %v, no events %v: the page says %q: %v, want %v:\n%s", replaying, noEvents, "< > ("+idleNoEvent+")", !noEvents, noEvents, text)
			}
		}
	}
}

// TestSourcesKeepNamesAndDatesTogether: on the ? page, at 70 to 120
// columns, a preset's source keeps a person's name ("Dev Nag's", "Salimans
// et al.", "Lim & Ye") and a date ("(Feb 2017)", "NIPS 2016", "(2018
// revision") on one row, neither broken across two rows nor cut between its
// words: blog-original's had read "(Feb" over "2017)" at 95 and 100
// columns, and "after Dev" over "Nag's" at 115.
func TestSourcesKeepNamesAndDatesTogether(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	together := regexp.MustCompile(`\p{Lu}\S* et al\.|Dev Nag's|Lim & Ye|\((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\)|NIPS \d{4}|\(\d{4} revision`)
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		phrases := together.FindAllString(numtext.Plain(cfg.Source), -1)
		if len(phrases) == 0 {
			continue
		}
		s, snap := firstSnapshot(t, cfg)
		running := snap // a row more for the design than at epoch 0
		running.State, running.Epoch, running.Frames, running.Exportable = session.Running, 1, 1, true
		for w := 70; w <= 120; w += 5 {
			h := 20 + (w-70)*2/5
			m := NewModel(s)
			mm, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			m = mm.(Model)
			m.nextHelpPage()
			for _, at := range []session.Snapshot{snap, running} {
				m.apply(at)
				l := m.layout()
				var rows []string
				for _, r := range strings.Split(ansi.Strip(m.designPanel(l.histW, l.topH+l.bottomH)), "\n") {
					rows = append(rows, strings.TrimRight(strings.ReplaceAll(r, numtext.NBSP, " "), " "))
				}
				page := strings.Join(rows, "\n")
				for _, p := range phrases {
					words := strings.Fields(p)
					for i := 1; i < len(words); i++ {
						start := strings.Join(words[:i], " ")
						if strings.Contains(page, start+"\n") || strings.Contains(page, start+" …") {
							t.Errorf("%s at %d×%d: the source parts %q after %q:\n%s", name, w, h, p, start, page)
						}
					}
				}
			}
		}
	}
}

// TestDesignKeepsNoiseDrawTogether: on the ? page, at 80×24 and 70×20, at
// epoch 0 and running, G's outline keeps "noise draw" on one line, so that
// "draw" never stands alone on a line of its own under "one sample per
// noise", as it did for vanilla and the presets after it at 80×24.
func TestDesignKeepsNoiseDrawTogether(t *testing.T) {
	seen := 0
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(numtext.Plain(strings.Join(cfg.Outline(), " ")), "noise draw") {
			continue
		}
		s, snap := firstSnapshot(t, cfg)
		running := snap
		running.State, running.Epoch, running.Frames, running.Exportable = session.Running, 1, 1, true
		for _, size := range [][2]int{{80, 24}, {70, 20}} {
			m := NewModel(s)
			mm, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = mm.(Model)
			m.nextHelpPage()
			for _, at := range []session.Snapshot{snap, running} {
				m.apply(at)
				l := m.layout()
				page := numtext.Plain(ansi.Strip(m.designPanel(l.histW, l.topH+l.bottomH)))
				if strings.Contains(page, "noise draw") {
					seen++
				}
				if regexp.MustCompile(`noise *\n *draw`).MatchString(page) {
					t.Errorf("%s at %d×%d: \"draw\" stands alone under \"noise\":\n%s", name, size[0], size[1], page)
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no design page showed \"noise draw\": the test checks nothing")
	}
}

// TestSmallestDesignSaysGAndD: at 70×20, the smallest screen, every preset's
// design on the ? page says what G and D are, each network's line in short
// where the outline has no room (Snapshot.Networks), and where the rest is,
// "… the whole design", so that ring's does not end under its target with
// neither G nor D said.
func TestSmallestDesignSaysGAndD(t *testing.T) {
	for _, name := range presets.Names() {
		cfg, m, snap := presetModel(t, name, 70, 20)
		m.apply(snap)
		m.nextHelpPage()
		l := m.layout()
		page := numtext.Plain(ansi.Strip(m.designPanel(l.histW, l.topH+l.bottomH)))
		for _, net := range cfg.Networks() {
			if !strings.Contains(strings.Join(strings.Fields(page), " "), strings.Join(strings.Fields(numtext.Plain(net)), " ")) {
				t.Errorf("%s at 70×20: the design does not say %q:\n%s", name, numtext.Plain(net), page)
			}
		}
		if !strings.Contains(page, "… the whole design") {
			t.Errorf("%s at 70×20: the design does not say where the rest is:\n%s", name, page)
		}
	}
}

// TestKeysPageLeavesNoGapBetweenItsParts: on the keys page (?) the rows the
// design and the controls leave go to the diagnosis, which fills those its
// findings leave with the run's glossary, so that at 80×24, 120×40 and
// 200×60, every preset, no more than one blank row parts the design from the
// diagnosis, nor the diagnosis from the keys, nor stands under the keys at the
// screen's foot: vanilla's design had stood over 17 blank rows at 120×40, the
// diagnosis and the keys at the screen's foot, and then the keys over 12
// blank rows at 120×40 and 33 at 200×60.
func TestKeysPageLeavesNoGapBetweenItsParts(t *testing.T) {
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		s, snap := firstSnapshot(t, cfg)
		for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
			rows := strings.Split(frame(t, s, snap, size[0], size[1], "?"), "\n")
			run := 0
			for i, r := range rows {
				if strings.TrimSpace(r) != "" {
					run = 0
					continue
				}
				if run++; run > 1 {
					t.Errorf("%s at %d×%d: %d blank rows at row %d:\n%s", name, size[0], size[1], run, i+1, strings.Join(rows, "\n"))
					break
				}
			}
		}
	}
}

// TestKeysPageSaysQuestionAgain: the diagnosis's texts on the keys page
// (?) send the reader to the explanations with "? again", the one press
// more that opens them, as the key bar's "?   diagnosis" says, where they
// had said "? twice", which from that page passes the page they name; the
// screen under it still says "? twice".
func TestKeysPageSaysQuestionAgain(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		says bool // the page has a pointer's room: vanilla's watch lines end in it
	}{{"vanilla", 120, 40, true}, {"vanilla", 200, 60, true}, {"ring", 80, 24, false}, {"ring", 120, 40, false}} {
		cfg, err := presets.Get(c.name)
		if err != nil {
			t.Fatal(err)
		}
		s, snap := firstSnapshot(t, cfg)
		keys := frame(t, s, snap, c.w, c.h, "?")
		if strings.Contains(keys, "? twice") {
			t.Errorf("%s at %d×%d: the keys page says \"? twice\":\n%s", c.name, c.w, c.h, keys)
		}
		if !c.says {
			continue
		}
		if screen := frame(t, s, snap, c.w, c.h); !strings.Contains(screen, "? twice") {
			t.Errorf("%s at %d×%d: the screen does not send to the explanations with \"? twice\":\n%s", c.name, c.w, c.h, screen)
		}
		if !strings.Contains(keys, "? again") {
			t.Errorf("%s at %d×%d: the keys page does not say \"? again\":\n%s", c.name, c.w, c.h, keys)
		}
	}
}

// TestEventKeysGoFromTheEventsPage: < and > pressed on the ? pages, where f
// lists the events, close them and go to the previous or next event, as
// from the screen, where they were refused ("< is not taken on the
// glossary") and the replay of the event just read took esc first.
func TestEventKeysGoFromTheEventsPage(t *testing.T) {
	s, snap := vanillaDone(t, 1500)
	if len(snap.Events) < 2 {
		t.Fatalf("the run has %d events; want two or more", len(snap.Events))
	}
	latest, first := snap.Events[len(snap.Events)-1], snap.Events[0]
	var m tea.Model = NewModel(s)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m, _ = m.Update(snapshotMsg(snap))
	// press is k on the events page, then the note of the snapshot that
	// answers it: the first whose note differs from the one before k.
	press := func(k string) string {
		t.Helper()
		m, _ = m.Update(keyMsg("f"))
		if got := m.(Model).keys.page; got != pageGlossary {
			t.Fatalf("f: page %d, want the ? pages", got)
		}
		before := m.(Model).snap.Note
		m, _ = m.Update(keyMsg(k))
		if mm := m.(Model); mm.keys.page != pageNone {
			t.Fatalf("%s on the events page: the pages stay open, the status %q", k, mm.flash)
		}
		for snap := range s.Snapshots() {
			if m, _ = m.Update(snapshotMsg(snap)); snap.Note != before {
				return session.PlainNote(snap.Note)
			}
		}
		return ""
	}
	at := func(e session.Event) string {
		return "◆ " + e.Kind.String() + " at epoch " + numtext.FormatInt(e.Epoch)
	}
	if note := press("<"); !strings.HasPrefix(note, at(latest)) {
		t.Errorf("< on the events page: %q, want the latest event, %q", note, at(latest))
	}
	for range len(snap.Events) - 2 {
		press("<")
	}
	if note := press("<"); !strings.HasPrefix(note, at(first)) {
		t.Errorf("< on the events page, the last but one replayed: %q, want the first event, %q", note, at(first))
	}
	if note := press(">"); !strings.HasPrefix(note, at(snap.Events[1])) {
		t.Errorf("> on the events page: %q, want the second event, %q", note, at(snap.Events[1]))
	}
}

// TestReplayFooterNamesEveryKey: in a replay, paused or done, 1-D or on a
// plane, every key the bar offers as room allows is named on it, by its
// words or, short of room, by its key among ?'s ("? v b [] r w e R" at 80
// columns): "esc live" and the replay's keys had left room at 80 for
// "n step", "←→ tune" and "v view" alone, and b, [], r, R, w and e were
// named only on the keys page; R was offered on no paused bar at all.
func TestReplayFooterNamesEveryKey(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetColorProfile(termenv.TrueColor)
	for _, st := range []session.State{session.Paused, session.Done} {
		for _, plane := range []bool{false, true} {
			for _, w := range []int{80, 90, 100, 120} {
				k := newKeyMap()
				k.state, k.width, k.frames, k.trained, k.export, k.replaying, k.plane = st, w, true, true, true, true, plane
				var named []string
				for _, b := range k.ShortHelp() {
					if !b.Enabled() {
						continue
					}
					named = append(named, b.Help().Key)
					if b.Keys()[0] == "?" {
						named = append(named, strings.Fields(b.Help().Desc)...)
					}
				}
				h := help.New()
				h.ShortSeparator, h.Width = footerSep, w
				line := h.ShortHelpView(k.ShortHelp())
				want := []string{"n", "←→", "v", "b", "[]", "r", "R", "w", "e"}
				if plane {
					want = slices.DeleteFunc(want, func(s string) bool { return s == "v" }) // a plane has one view
				}
				for _, key := range want {
					if !slices.Contains(named, key) {
						t.Errorf("%v, plane %v, %d columns, a replay: the footer does not name %s: %q", st, plane, w, key, line)
					}
				}
				if lipgloss.Width(line) > w {
					t.Errorf("%v, plane %v, %d columns: footer %q is wider", st, plane, w, line)
				}
			}
		}
	}
	k := newKeyMap()
	k.state, k.width, k.frames, k.trained, k.export, k.replaying = session.Paused, 80, true, true, true, true
	h := help.New()
	h.ShortSeparator, h.Width = footerSep, 80
	if line := h.ShortHelpView(k.ShortHelp()); line != "esc live · ,. replay · space run · n step · ←→ tune · ? v b [] r w e R · q quit" {
		t.Errorf("a paused replay at 80 columns: footer %q", line)
	}
}

// TestFooterNamesEveryKeyInEveryState: in every state the trainer's bar
// shows, running, paused, finished or diverged, live or in a replay, 1-D or
// on a plane, a baseline pinned or not, just rolled back, a setting retuned,
// at every width from 70 to 160 columns, each key the bar offers that state
// (want, written out here from the keys page, not read from ShortHelp) is
// named on it once, by its words or by its key alone among ?'s, no idle key
// is named, ? says "help" only where no key is left to name, and the bar
// fits its width and ends "q quit": one rule, bar, where the live paused bar
// at 80 columns had said "v view · b baseline · ? help · q quit", [], r, w,
// e and R named only on the keys page, and a replay's had named the rest
// after ? as no live bar did. The keys the bar never offers (d, g, ↑↓, c,
// P, < >, f, ctrl+z) stay the keys page's.
func TestFooterNamesEveryKeyInEveryState(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	defer lipgloss.SetColorProfile(termenv.TrueColor)
	for _, st := range []session.State{session.Running, session.Paused, session.Done, session.Diverged} {
		for flags := range 1 << 6 {
			k := newKeyMap()
			k.state, k.trained = st, true
			k.frames, k.export, k.plane, k.pinned, k.rollback, k.reset = flags&1 != 0, flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0, flags&16 != 0
			k.replaying = flags&32 != 0
			if k.replaying && (!k.frames || st == session.Running) || k.rollback && st != session.Paused && st != session.Diverged {
				continue // a replay shows a frame of a run paused; u again follows a roll-back, which leaves the run paused
			}
			var want []string
			switch st {
			case session.Running:
				want = []string{"space", "[]", "←→", "v", "r", "R", "w", "e"}
			case session.Diverged:
				want = []string{"u", "←→", "r", "R", ",.", "v", "e", "b"}
				if !k.rollback {
					want = slices.DeleteFunc(want, func(s string) bool { return s == "u" }) // no kept state to go back to
				}
				if !k.pinned {
					want = slices.DeleteFunc(want, func(s string) bool { return s == "b" }) // no pin to clear
				}
			default:
				want = []string{"space", "n", ",.", "←→", "v", "b", "[]", "r", "w", "e", "R"}
				if k.rollback {
					want = append(want, "u")
				}
			}
			if k.reset {
				want = append(want, "0")
			}
			if k.replaying {
				want = append(want, "esc")
			}
			if !k.frames {
				want = slices.DeleteFunc(want, func(s string) bool { return s == ",." || s == "e" }) // epoch 0: nothing kept, nothing to export
			}
			if k.plane {
				want = slices.DeleteFunc(want, func(s string) bool { return s == "v" }) // a plane has one view
			}
			for w := minWidth; w <= 160; w++ {
				k.width = w
				h := help.New()
				h.ShortSeparator, h.Width = footerSep, w
				bar := k.ShortHelp()
				line := h.ShortHelpView(bar)
				at := fmt.Sprintf("%v, flags %06b, %d columns: footer %q", st, flags, w, line)
				var named []string
				helpSays := ""
				for _, b := range bar {
					if !b.Enabled() {
						continue
					}
					switch b.Keys()[0] {
					case "?":
						helpSays = b.Help().Desc
						if helpSays != "help" {
							named = append(named, strings.Fields(helpSays)...)
						}
					case "q":
					default:
						named = append(named, b.Help().Key)
					}
				}
				if helpSays == "help" && len(named) < len(want) {
					// Nothing of the rest fits: the keys sure to keep their
					// words (esc and ,. in a replay, the state's first key,
					// u again, b unpin) with every other key by its key
					// alone after ? would be wider than w.
					var sure []key.Binding
					var rest []string
					for _, b := range bar {
						if first := b.Keys()[0]; b.Enabled() && (first == "esc" || first == "," && k.replaying || first == " " || first == "u" || b.Help().Desc == "unpin") {
							sure = append(sure, b)
						}
					}
					for _, name := range want {
						if !slices.ContainsFunc(sure, func(b key.Binding) bool { return b.Help().Key == name }) {
							rest = append(rest, name)
						}
					}
					if all := footerWidth(sure) + lipgloss.Width(footerSep+"? "+strings.Join(rest, " ")+footerSep+"q quit"); all <= w {
						t.Errorf("%s: ? help where \"? %s\" fits (%d cells)", at, strings.Join(rest, " "), all)
					}
					continue
				}
				for _, key := range want {
					if n := slices.Index(named, key); n < 0 {
						t.Errorf("%s: %s is named nowhere on it", at, key)
					} else if slices.Contains(named[n+1:], key) {
						t.Errorf("%s: %s is named twice", at, key)
					}
				}
				for _, key := range named {
					if !slices.Contains(want, key) {
						t.Errorf("%s: names %s, which does not act here", at, key)
					}
				}
				if helpSays == "" || !strings.HasSuffix(line, footerSep+"q quit") || lipgloss.Width(line) > w {
					t.Errorf("%s: want it to end \"? … · q quit\" within %d cells (%d)", at, w, lipgloss.Width(line))
				}
			}
		}
	}
	k := newKeyMap()
	k.state, k.width, k.frames, k.trained, k.export = session.Paused, 80, true, true, true
	h := help.New()
	h.ShortSeparator, h.Width = footerSep, 80
	if line := h.ShortHelpView(k.ShortHelp()); line != "space run · n step · ,. replay · ←→ tune · v view · ? b [] r w e R · q quit" {
		t.Errorf("a paused run at 80 columns: footer %q", line)
	}
}

// TestReplayFooterOffersReset: in a replay, where ←→ is one of the keys the
// bar offers as room allows, 0 follows it while the picked setting is not
// the one the run started with, as it does live: at 120 columns, the speed
// raised with ] in a replay, the bar offered "[] speed" and "r reseed" and
// never the 0 that puts the pace back. At 80 columns, where ←→ has no room
// for its words, 0 follows it among ?'s ("? ←→ 0 v b [] r w e R", bar).
func TestReplayFooterOffersReset(t *testing.T) {
	for _, w := range []int{80, 120} {
		k := newKeyMap()
		k.state, k.width, k.frames, k.trained, k.export = session.Paused, w, true, true, true
		k.replaying, k.reset = true, true
		var got []string
		for _, b := range k.ShortHelp() {
			if b.Enabled() {
				got = append(got, b.Help().Key+" "+b.Help().Desc)
			}
		}
		line := strings.Join(got, footerSep)
		want := "←→ tune · 0 reset"
		if w == 80 {
			want = "? ←→ 0 "
		}
		if !strings.Contains(line, want) {
			t.Errorf("%d columns, a replay with the picked setting retuned: footer %q, want %q", w, line, want)
		}
		if footerWidth(k.ShortHelp()) > w {
			t.Errorf("%d columns: footer %q is wider", w, line)
		}
	}
}
