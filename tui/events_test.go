package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// withEvents is snap, paused, with a long run's events: d-wins and its
// end over and over, one mode dropped and one roll-back among them.
func withEvents(snap session.Snapshot, n int) session.Snapshot {
	snap.State, snap.Note = session.Paused, ""
	snap.Events = nil
	for i := range n {
		k := session.EventDWins
		switch {
		case i == n/2:
			k = session.EventRollback
		case i%7 == 3:
			k = session.EventModeDropped
		case i%2 == 1:
			k = session.EventDWinsEnded
		}
		snap.Events = append(snap.Events, session.Event{Epoch: 100 * (i + 1), Kind: k, Detail: fmt.Sprintf("event %d", i)})
	}
	return snap
}

// listed is the kinds of the events a ? page lists, one for each ◆ line.
func listed(view string) map[string]int {
	kinds := map[string]int{}
	for _, l := range strings.Split(view, "\n") {
		if f := strings.Fields(l); len(f) >= 4 && f[0] == "◆" && f[1] == "epoch" {
			kinds[f[3]]++
		}
	}
	return kinds
}

// TestEventsPageListsOneKind: f opens the ? pages at the events and, again,
// lists one kind of them at a time, in the kinds' alphabetical order, then all
// again, the title saying which and how many of how many and the heading of
// each page naming the kind; the footer offers f in its words of the moment. In
// one list of every kind a learner could not find a long run's roll-back among
// the d-wins.
func TestEventsPageListsOneKind(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap := withEvents(trained, 12) // 4 d-wins, 5 d-wins-ended, 2 mode-dropped, 1 rollback
	count := map[string]int{}
	for _, e := range snap.Events {
		count[e.Kind.String()]++
	}
	all := len(snap.Events)
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		for _, c := range []struct {
			presses int
			kind    string // "" all
			title   string
			footer  string
		}{
			{1, "", "Events latest first, marked ◆ on the charts · f by kind", "f by kind"},
			{2, "d-wins", fmt.Sprintf("Events d-wins: %d of the %d events, latest first · f next kind", count["d-wins"], all), "f next kind"},
			{3, "d-wins-ended", fmt.Sprintf("Events d-wins-ended: %d of the %d events, latest first · f next kind", count["d-wins-ended"], all), "f next kind"},
			{4, "mode-dropped", fmt.Sprintf("Events mode-dropped: %d of the %d events, latest first · f next kind", count["mode-dropped"], all), "f next kind"},
			{5, "rollback", fmt.Sprintf("Events rollback: 1 of the %d events, latest first · f all kinds", all), "f all kinds"},
			{6, "", "Events latest first, marked ◆ on the charts · f by kind", "f by kind"},
		} {
			name := fmt.Sprintf("%d×%d, f×%d", w, h, c.presses)
			view := frame(t, s, snap, w, h, strings.Split(strings.Repeat("f", c.presses), "")...)
			frameReads(t, view, c.title, c.footer)
			got := listed(view)
			if c.kind == "" {
				if len(got) < 2 {
					t.Errorf("%s: all kinds shown, the page lists %v:\n%s", name, got, view)
				}
				continue
			}
			if len(got) != 1 || got[c.kind] != count[c.kind] {
				t.Errorf("%s: the page lists %v, want the %d %s events alone:\n%s", name, got, count[c.kind], c.kind, view)
			}
			if head := "events (" + c.kind + ")"; !strings.Contains(strings.ToLower(view), head) {
				t.Errorf("%s: the page's heading does not name the kind, %q:\n%s", name, head, view)
			}
		}
	}
}

// TestEventsSayTheirEpochWhileTheRunTrainsOn: the ? pages keep the events of
// the epoch they opened at while the run trains on behind them, and where it
// has, the events' title says of which epoch they are: a running run's pages,
// opened with no event, read "Events none as of epoch 12: ◆ marks …" once
// epochs have passed, where "none yet" went on under a header whose run had
// moved on; and the list's title "Events as of epoch 40, latest first, marked
// ◆ on the charts", f's kind too ("d-wins-ended: 5 of the 12 events as of epoch 40"),
// "marked ◆ on the charts" giving way to the epoch where both do not fit
// (70 columns). Pages whose run has not moved read as before.
func TestEventsSayTheirEpochWhileTheRunTrainsOn(t *testing.T) {
	// Paused, stepped by the session itself: the run moves on only after
	// the pages are open, however slowly the machine runs either side.
	sc := startScreen(t, testdesigns.PerSample(5000), 1, true, 80, 24)
	sc.s.Send(session.Step{Epochs: 3})
	sc.waitSnap("three epochs have trained", func(s session.Snapshot) bool { return s.Epoch == 3 })
	sc.key("?")
	sc.key("?")
	sc.tm.Send(tea.KeyMsg{Type: tea.KeyEnd}) // the events' page, the last
	teatest.WaitFor(t, sc.tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "Events none yet")
	}, teatest.WithDuration(waitTimeout), teatest.WithCheckInterval(time.Millisecond))
	sc.s.Send(session.Step{Epochs: 5})
	teatest.WaitFor(t, sc.tm.Output(), func(b []byte) bool {
		return strings.Contains(string(b), "none as of epoch 3")
	}, teatest.WithDuration(waitTimeout), teatest.WithCheckInterval(time.Millisecond))
	if err := sc.tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := sc.tm.FinalModel(t, teatest.WithFinalTimeout(waitTimeout)).(recorder).Model
	if m.snap.Epoch == m.gsnap.Epoch {
		t.Fatalf("the run at epoch %d, the pages opened at it", m.snap.Epoch)
	}
	frameReads(t, m.View(), "Events none as of epoch "+numtext.FormatInt(m.gsnap.Epoch)+": ◆ marks each on the charts as it comes")

	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	lipgloss.SetColorProfile(termenv.Ascii)
	opened := withEvents(trained, 12)
	opened.Epoch = 40
	later := opened
	later.Epoch = 1_790
	for _, c := range []struct {
		w      int
		keys   []string
		snap   session.Snapshot
		reads  string
		notSay string
	}{
		{80, []string{"f"}, opened, "Events latest first, marked ◆ on the charts · f by kind", "as of"},
		{80, []string{"f"}, later, "Events as of epoch 40, latest first, marked ◆ on the charts · f by kind", ""},
		{70, []string{"f"}, later, "Events as of epoch 40, latest first · f by kind", ""},
		{80, []string{"f", "f", "f"}, later, "Events d-wins-ended: 5 of the 12 events as of epoch 40 · f next kind", ""},
	} {
		var m tea.Model = NewModel(s)
		m, _ = m.Update(tea.WindowSizeMsg{Width: c.w, Height: 24})
		m, _ = m.Update(snapshotMsg(opened))
		for _, k := range c.keys {
			m, _ = m.Update(keyMsg(k))
		}
		m, _ = m.Update(snapshotMsg(c.snap))
		view := m.View()
		checkFrame(t, view, c.w, 24)
		frameReads(t, view, c.reads)
		if c.notSay != "" && strings.Contains(view, c.notSay) {
			t.Errorf("%d columns, the run not moved on: the events' title says %q:\n%s", c.w, c.notSay, view)
		}
	}
}

// TestGlossaryIsOfTheEpochThePagesOpenedAt: the ? pages' glossary is that of
// the run as they opened on it, as their diagnosis is, not of the run training
// on behind them: under a diagnosis at epoch 10 of modes "covered but not
// separated", the modes entry begins with the blob it explains though the run
// has since separated them, and under one of modes apart it does not begin so
// though the run has since blurred them. It had followed the live run, and read
// "covered/all, …" beneath the blob it was to explain.
func TestGlossaryIsOfTheEpochThePagesOpenedAt(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	lipgloss.SetColorProfile(termenv.Ascii)
	trained.State, trained.Note = session.Paused, ""
	blurred, apart := trained, trained
	blurred.Findings = []session.Finding{{Kind: session.ModesBlurred, Text: "the modes are covered but not separated: many samples fall between them"}}
	apart.Findings = nil
	const blob, covered = "modes blob: every mode covered", "modes covered/all, each mode's share"
	for _, c := range []struct {
		name                string
		opened, later       session.Snapshot
		diagnosis, glossary string
	}{
		{"blurred, then apart", blurred, apart, "covered but not separated", blob},
		{"apart, then blurred", apart, blurred, "", covered},
	} {
		c.later.Epoch = c.opened.Epoch + 1_000
		var m tea.Model = NewModel(s)
		m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m, _ = m.Update(snapshotMsg(c.opened))
		m, _ = m.Update(keyMsg("?"))
		m, _ = m.Update(keyMsg("?"))
		m, _ = m.Update(snapshotMsg(c.later))
		mm := m.(Model)
		var all []string
		for _, p := range mm.glossaryPages(mm.width, mm.glossaryHeight()) {
			all = append(all, p...)
		}
		text := strings.Join(strings.Fields(ansi.Strip(strings.Join(all, "\n"))), " ")
		if !strings.Contains(text, c.diagnosis) || !strings.Contains(text, c.glossary) {
			t.Errorf("%s: the pages, opened at epoch %d, the run at %d, lack %q or %q:\n%s", c.name, c.opened.Epoch, c.later.Epoch, c.diagnosis, c.glossary, text)
		}
	}
}

// TestEventsTitleGivesWayWholeWords: where the width has no room for the whole
// events title, its words give way whole, in order: the marks ("latest
// first"), then f's hint, which the footer gives too, then the "the" of "of the
// 122 events"; the epoch the list is of stays. At 70 columns, d-wins-ended's
// title as of epoch 1,769 had been cut at the width, "· f next k…", beside a
// footer offering f whole.
func TestEventsTitleGivesWayWholeWords(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	lipgloss.SetColorProfile(termenv.Ascii)
	opened := trained
	opened.State, opened.Note, opened.Epoch = session.Paused, "", 1_769
	opened.Events = nil
	for i := range 122 {
		k := session.EventNoiseFloorEnded
		if i%61 == 0 {
			k = session.EventDWinsEnded
		}
		opened.Events = append(opened.Events, session.Event{Epoch: 10 * (i + 1), Kind: k, Detail: fmt.Sprintf("event %d", i)})
	}
	later := opened
	later.Epoch = 2_500
	huge, hugeLater := opened, opened
	huge.Epoch, hugeLater.Epoch = 1_000_000_000, 1_000_000_010
	for _, c := range []struct {
		w             int
		opened, shown session.Snapshot
		fs            int // f presses: 2 d-wins-ended, 3 noise-floor-ended
		title, footer string
	}{
		{70, opened, opened, 3, "Events noise-floor-ended: 120 of the 122 events · f all kinds", "f all kinds"},
		{70, opened, later, 3, "Events noise-floor-ended: 120 of the 122 events as of epoch 1,769", "f all kinds"},
		{70, opened, later, 2, "Events d-wins-ended: 2 of the 122 events as of epoch 1,769", "f next kind"},
		{70, huge, hugeLater, 3, "Events noise-floor-ended: 120 of 122 events as of epoch 1,000,000,000", "f all kinds"},
		{80, opened, later, 3, "Events noise-floor-ended: 120 of the 122 events as of epoch 1,769 · f all kinds", "f all kinds"},
		{80, opened, opened, 2, "Events d-wins-ended: 2 of the 122 events, latest first · f next kind", "f next kind"},
	} {
		var m tea.Model = NewModel(s)
		m, _ = m.Update(tea.WindowSizeMsg{Width: c.w, Height: 24})
		m, _ = m.Update(snapshotMsg(c.opened))
		for range c.fs {
			m, _ = m.Update(keyMsg("f"))
		}
		m, _ = m.Update(snapshotMsg(c.shown))
		view := m.View()
		checkFrame(t, view, c.w, 24)
		title := ""
		for _, l := range strings.Split(view, "\n") {
			if strings.HasPrefix(l, "Events ") && !strings.HasPrefix(l, "Events (") {
				title = strings.TrimRight(l, " ")
			}
		}
		lines := strings.Split(view, "\n")
		if title != c.title || !strings.Contains(lines[len(lines)-1], c.footer) {
			t.Errorf("%d columns, f×%d, the run at epoch %s: title %q, want %q, the footer offering %q:\n%s", c.w, c.fs, numtext.FormatInt(c.shown.Epoch), title, c.title, c.footer, view)
		}
	}
}

// TestEventsKindKeptAsEventsArrive: the kind f chose stays chosen while
// the pages are closed and the run makes new events: f opens them on the
// same kind, counted anew. One kind or none, f says why it lists no other
// and the footer does not offer it.
func TestEventsKindKeptAsEventsArrive(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	lipgloss.SetColorProfile(termenv.Ascii)
	tm := teatest.NewTestModel(t, NewModel(s), teatest.WithInitialTermSize(80, 24))
	f := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("f")}
	tm.Send(snapshotMsg(withEvents(trained, 12)))
	tm.Send(f)
	tm.Send(f) // d-wins
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Send(snapshotMsg(withEvents(trained, 20))) // more d-wins since
	tm.Send(f)
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t, teatest.WithFinalTimeout(waitTimeout)).(Model)
	view := m.View()
	want := 0
	for _, e := range m.snap.Events {
		if e.Kind == session.EventDWins {
			want++
		}
	}
	frameReads(t, view, fmt.Sprintf("Events d-wins: %d of the 20 events, latest first", want))
	if got := listed(view); len(got) != 1 || got["d-wins"] != want {
		t.Errorf("the page lists %v, want the %d d-wins alone:\n%s", got, want, view)
	}

	for _, c := range []struct {
		events int
		says   string
	}{
		{0, "f: no events yet"},
		{1, "f: all events are rollback"},
	} {
		view := frame(t, s, withEvents(trained, c.events), 80, 24, "f", "f")
		flat := frameReads(t, view, c.says)
		if strings.Contains(flat, "f by kind") {
			t.Errorf("%d events: f offered:\n%s", c.events, view)
		}
	}
}

// TestEventsKindRefusalKeepsTheFooter: f's word of why it lists no other kind,
// for a run with no events and for one with events of a single kind, whichever
// kind that is, is read whole at 80×24 before the footer's keys, which stay
// whole too, esc and q among them, as after the pages' other notes
// (TestGlossaryPagesBothWays). Said on the footer's row, "f: the events are all
// rollback: no other kind to list" would cut the footer to "? close · esc…", q
// gone. At 70 columns, with ? closing the pages (70×20) or turning to the next
// (70×24), a kind of 11 characters or more (12 beside "? next") leaves no room
// before the keys: the word goes on the row above them (glossaryFoot), the keys
// whole, not cut to "esc close · q qu…".
func TestEventsKindRefusalKeepsTheFooter(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	cases := map[string]session.Snapshot{"f: no events yet": withEvents(trained, 0)}
	for k := session.EventKind(0); !strings.HasPrefix(k.String(), "EventKind("); k++ {
		snap := withEvents(trained, 0)
		snap.Events = []session.Event{{Epoch: 100, Kind: k}, {Epoch: 200, Kind: k}}
		cases["f: all events are "+k.String()] = snap
	}
	for says, snap := range cases {
		for _, size := range [][2]int{{80, 24}, {70, 20}, {70, 24}} {
			w, h := size[0], size[1]
			view := frame(t, s, snap, w, h, "f", "f")
			lines := strings.Split(view, "\n")
			footer := strings.TrimSpace(lines[len(lines)-1])
			if w == 80 {
				if want := says + footerSep + "←→ page · ? "; !strings.HasPrefix(footer, want) {
					t.Errorf("%d×%d: the footer reads %q, want it to begin %q", w, h, footer, want)
				}
			} else if !strings.HasPrefix(footer, says+footerSep) && strings.TrimSpace(lines[len(lines)-2]) != says {
				t.Errorf("%d×%d: neither the footer nor the row above it reads %q whole:\n%s", w, h, says, view)
			}
			if !strings.Contains(footer, "←→ page · ? ") || !strings.Contains(footer, " · esc close · ") || !strings.HasSuffix(footer, "q quit") || strings.Contains(footer, "…") {
				t.Errorf("%d×%d, %q: the footer reads %q, want ←→ page, ?, esc close and q quit whole", w, h, says, footer)
			}
		}
	}
}

// TestEventsByKindInAReplay: in a replay f lists the events by kind as it
// does live, the header still giving the frame replayed.
func TestEventsByKindInAReplay(t *testing.T) {
	s, runs, replay := trainedSnapshotsReplay(t, bimodal1D(t), 1, 300, 100, 80)
	snap := withEvents(runs[80], 12)
	snap.Replay, snap.ReplayIndex, snap.Frames = replay.Replay, replay.ReplayIndex, replay.Frames
	view := frame(t, s, snap, 80, 24, "f", "f")
	frameReads(t, view, "◀ replay", "Events d-wins: 4 of the 12 events")
	if got := listed(view); len(got) != 1 {
		t.Errorf("the page lists %v, want d-wins alone:\n%s", got, view)
	}
}

// TestEventsEntryNamesF: the glossary's ◆ entry, which sends the reader to
// the events, says that f lists them by kind.
func TestEventsEntryNamesF(t *testing.T) {
	var m Model
	if text := glossaryText(&m, "◆ in charts"); !strings.Contains(text, "after this glossary, and f lists them by kind.") {
		t.Errorf("the ◆ entry says %q; f lists the events by kind", text)
	}
}

// TestReplayEntrySaysTheEventKeysFollowF: the glossary's replay entry says that
// < and > go through the events f lists, not "to the previous and next event",
// of whatever kind, since with a kind chosen they go to that kind's alone
// (TestEventKeysFollowTheKind). It says so without a line more: a line more at
// 160×50 would push the losses entry off a diverged run's screen
// (TestDivergedRunExplainsHowToLookBack holds that).
func TestReplayEntrySaysTheEventKeysFollowF(t *testing.T) {
	var m Model
	if text := glossaryText(&m, "replay"); !strings.Contains(text, "< and > through the events f lists;") {
		t.Errorf("the replay entry says %q; < and > go through the events f lists", text)
	}
}

// vanillaDone runs vanilla, seed 1, checked on 500 samples, to the end of
// a plan of epochs, in a session stopped when t ends, colours off, and
// gives its snapshot there: the run the event keys' tests replay.
func vanillaDone(t *testing.T, epochs int) (*session.Session, session.Snapshot) {
	t.Helper()
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.New(session.Options{Config: cfg, Seed: 1, Samples: 500, Epochs: epochs, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	s.Start()
	t.Cleanup(s.Stop)
	var snap session.Snapshot
	for snap = range s.Snapshots() {
		if snap.State == session.Done && snap.Eval.Epoch == epochs {
			break
		}
	}
	return s, snap
}

// TestEventKeysFollowTheKind: with a kind chosen by f, < and > in a replay go
// to the events of that kind alone, and the note says so ("no earlier
// mode-covered event"), not to the nearest event of any kind. With all kinds
// listed again they go to any.
func TestEventKeysFollowTheKind(t *testing.T) {
	s, snap := vanillaDone(t, 3000)
	kinds := eventKinds(snap.Events)
	if !slices.Equal(kinds, []string{"d-wins", "d-wins-ended"}) {
		t.Fatalf("the run's events are of %v; want d-wins, then d-wins-ended after it", kinds)
	}
	var dwins, ended int // the epochs of the events of either kind
	for _, e := range snap.Events {
		if e.Kind == session.EventDWins {
			dwins = e.Epoch
		} else {
			ended = e.Epoch
		}
	}
	var m tea.Model = NewModel(s)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m, _ = m.Update(snapshotMsg(snap))
	// press is k, then the note of the snapshot that answers it: the
	// first whose note differs from the one shown before k.
	press := func(k string) string {
		t.Helper()
		before := m.(Model).snap.Note
		m, _ = m.Update(keyMsg(k))
		for snap := range s.Snapshots() {
			if m, _ = m.Update(snapshotMsg(snap)); snap.Note != before {
				return session.PlainNote(snap.Note)
			}
		}
		return ""
	}
	esc := func() { m, _ = m.Update(tea.KeyMsg{Type: tea.KeyEsc}) }
	m, _ = m.Update(keyMsg("f")) // the ? pages, at the events
	m, _ = m.Update(keyMsg("f")) // d-wins, the first kind
	esc()
	if note := press("<"); !strings.HasPrefix(note, "◆ d-wins at epoch "+numtext.FormatInt(dwins)+": replay frame ") {
		t.Errorf("< from live, d-wins chosen: %q; want the d-wins at %d, passing over the d-wins-ended at %d", note, dwins, ended)
	}
	if note := press(">"); !strings.HasPrefix(note, "no later d-wins event, staying on replay frame ") {
		t.Errorf("> from the only d-wins: %q", note)
	}
	before := m.(Model).snap.Note
	esc() // the replay, back to live
	for snap := range s.Snapshots() {
		if m, _ = m.Update(snapshotMsg(snap)); snap.Note != before {
			break
		}
	}
	for _, k := range []string{"f", "f", "f"} { // open, d-wins-ended, all kinds
		m, _ = m.Update(keyMsg(k))
	}
	esc()
	if note := press("<"); !strings.HasPrefix(note, "◆ d-wins-ended at epoch "+numtext.FormatInt(ended)+": replay frame ") {
		t.Errorf("< from live, all kinds: %q; want the d-wins-ended at %d", note, ended)
	}
}

// TestGlossaryNotesKeepTheFooter: on the ? pages every note the footer gives, a
// paste's refusal, a key not taken, either end of the pages and f's, leaves the
// footer's keys whole at 70×20 and 80×24, ending "esc close · q quit", the note
// said on a row above where it does not fit before them; said on the footer's
// row, "pasted text (11 characters) is not taken as keys: type them" would cut
// the footer to "? next …", esc and q gone.
func TestGlossaryNotesKeepTheFooter(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	const setting = "f: all events are setting"
	cases := []struct {
		note   string
		events bool
		keys   []tea.KeyMsg
	}{
		{"pasted text (11 characters) is not taken as keys: type them", false, []tea.KeyMsg{paste("hello world")}},
		{"x is not taken on the glossary", false, []tea.KeyMsg{keyMsg("x")}},
		{"ctrl+a is not taken on the glossary", false, []tea.KeyMsg{{Type: tea.KeyCtrlA}}},
		{"left: already on the first page", false, []tea.KeyMsg{{Type: tea.KeyLeft}}},
		{"right: already on the last page", false, []tea.KeyMsg{{Type: tea.KeyEnd}, {Type: tea.KeyRight}}},
		{"pgdown: already on the last page", false, []tea.KeyMsg{{Type: tea.KeyEnd}, {Type: tea.KeyPgDown}}},
		{"f: no events yet", false, []tea.KeyMsg{keyMsg("f")}},
		{setting, true, []tea.KeyMsg{keyMsg("f")}},
	}
	for _, size := range [][2]int{{70, 20}, {80, 24}} {
		for _, c := range cases {
			_, m := shownModel(t, cfg, true, size[0], size[1])
			var mm tea.Model = m
			if c.events {
				snap := m.snap
				snap.Events = []session.Event{{Epoch: 0, Kind: session.EventSetting}}
				mm, _ = mm.Update(snapshotMsg(snap))
			}
			for _, k := range append([]tea.KeyMsg{keyMsg("?"), keyMsg("?")}, c.keys...) {
				mm, _ = mm.Update(k)
			}
			view := mm.View()
			lines := strings.Split(view, "\n")
			footer := strings.TrimSpace(lines[len(lines)-1])
			if !strings.Contains(footer, "esc close · ") || !strings.HasSuffix(footer, "q quit") {
				t.Errorf("%dx%d, %q: the footer reads %q, want esc close and q quit whole", size[0], size[1], c.note, footer)
			}
			if got := mm.(Model).flash; got != c.note {
				t.Errorf("%dx%d: the note is %q, want %q", size[0], size[1], got, c.note)
			}
			if note, _, _ := strings.Cut(c.note, ":"); !strings.Contains(view, note) {
				t.Errorf("%dx%d: the screen does not say %q:\n%s", size[0], size[1], note, view)
			}
		}
	}
}

// TestKeysPageNamesTheEventsKind: with a kind chosen by f, the keys page
// says < and > go to its events, "< > prev/next d-wins", not "< prev
// event" and "> next event" as if they went to every event: on one
// row where the column has room (120 columns), the kind under "prev/next"
// where it has less (80), and on a row under the columns at 70, where they
// have no cell to spare; the page within the screen's width, its last
// column (w, e, ?, esc, q) kept, for the longest kind too. With every kind
// listed again, the page says "prev event".
func TestKeysPageNamesTheEventsKind(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	var longest session.EventKind
	for k := session.EventKind(0); !strings.HasPrefix(k.String(), "EventKind("); k++ {
		if len(k.String()) > len(longest.String()) {
			longest = k
		}
	}
	for _, kind := range []string{"d-wins", longest.String()} {
		snap := withEvents(trained, 12) // d-wins, d-wins-ended, mode-dropped, rollback
		for i := range snap.Events {
			if snap.Events[i].Kind == session.EventModeDropped {
				snap.Events[i].Kind = longest
			}
		}
		presses := 1 + slices.Index(eventKinds(snap.Events), kind) + 1 // open, then to the kind
		for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
			w, h := size[0], size[1]
			var m tea.Model = NewModel(s)
			m, _ = m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			m, _ = m.Update(snapshotMsg(snap))
			for range presses {
				m, _ = m.Update(keyMsg("f"))
			}
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyEsc})
			m, _ = m.Update(keyMsg("?"))
			view := m.View()
			checkFrame(t, view, w, h)
			flat := frameReads(t, view, "checkpoint", "export CSV", "esc close", "q quit")
			name := fmt.Sprintf("%d×%d, %s", w, h, kind)
			switch {
			case strings.Contains(flat, "prev event") || strings.Contains(flat, "next event"):
				t.Errorf("%s: the page says < and > go to every event:\n%s", name, view)
			case w >= 120 && !strings.Contains(flat, "< > prev/next "+kind):
				t.Errorf("%s: the page lacks %q on a row:\n%s", name, "< > prev/next "+kind, view)
			case !strings.Contains(flat, "< > prev/next") || !strings.Contains(flat, kind):
				t.Errorf("%s: the page does not name the kind < > go to:\n%s", name, view)
			}
			for range len(eventKinds(snap.Events)) - presses + 3 { // open, then on to all kinds
				m, _ = m.Update(keyMsg("f"))
			}
			m, _ = m.Update(tea.KeyMsg{Type: tea.KeyEsc})
			m, _ = m.Update(keyMsg("?"))
			if m.(Model).kind != "" {
				t.Fatalf("%s: f chose %q, want all kinds", name, m.(Model).kind)
			}
			frameReads(t, m.View(), "< prev event", "> next event")
		}
	}
}

// TestEventsOpenOnAPageThatHoldsThemAll: f turns to the page the events begin
// on, and where a page holds them all, that page lists them all: they begin
// a page of their own rather than start at the foot of the glossary's last
// with one or two and go on over the page. At 80×24 bimodal-pacgan's 7
// events (seed 4, 2,000 epochs) opened on "Glossary and events page 7 of
// 8", the baseline, c and P and colours entries above the latest event alone,
// the other 6 a page on.
func TestEventsOpenOnAPageThatHoldsThemAll(t *testing.T) {
	s, trained := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		for n := 1; n <= 15; n++ { // each a line, under the title: 16 lines at most, a page holds 21 at 80×24
			snap := withEvents(trained, n)
			view := frame(t, s, snap, w, h, "f")
			got := 0
			for _, k := range listed(view) {
				got += k
			}
			if got != n {
				t.Errorf("%d×%d, %d events: f's page lists %d of them:\n%s", w, h, n, got, view)
			}
		}
	}
}

// TestEventJumpSaysTheEventsDetail: < to an event at 120×40 gives, under
// the note naming it, what the event says, as --log's event line does,
// "◆ d-wins: …", where the note named the event's kind and epoch alone
// and a learner jumping to it learned nothing of why it came. At 80×24,
// where the note and the frame's findings fill the rows, it is not said.
func TestEventJumpSaysTheEventsDetail(t *testing.T) {
	s, snap := vanillaDone(t, 3000)
	var last session.Event // the event < from live goes to
	for _, e := range snap.Events {
		last = e
	}
	if last.Detail == "" {
		t.Fatalf("the run's events %v: want one with a detail", eventKinds(snap.Events))
	}
	var m tea.Model = NewModel(s)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m, _ = m.Update(snapshotMsg(snap))
	before := m.(Model).snap.Note
	m, _ = m.Update(keyMsg("<"))
	for snap := range s.Snapshots() {
		if m, _ = m.Update(snapshotMsg(snap)); snap.Note != before {
			break
		}
	}
	mm := m.(Model)
	area := func(w, h int) string {
		return strings.Join(strings.Fields(ansi.Strip(strings.Join(mm.msgLines(w, msgRows(h)), " "))), " ")
	}
	head := "◆ " + last.Kind.String() + ": " + strings.Join(strings.Fields(last.Detail), " ")
	head = head[:min(len(head), 60)]
	if got := area(120, 40); !strings.Contains(got, head) {
		t.Errorf("< to the %s at epoch %d, at 120×40: the status says\n%s\nwant in it %q", last.Kind, last.Epoch, got, head)
	}
	if got := area(80, 24); strings.Contains(got, "◆ "+last.Kind.String()+": ") {
		t.Errorf("< to the %s at epoch %d, at 80×24: the event's detail is said, the frame's findings short of rows:\n%s", last.Kind, last.Epoch, got)
	}
}
