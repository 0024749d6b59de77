package tui

import (
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/visible"
	"github.com/ganui/ganui/session"
)

// snapshotMsg carries one snapshot from the session into the UI.
type snapshotMsg session.Snapshot

// sessionDoneMsg reports that the session's goroutine has ended.
type sessionDoneMsg struct{}

// sessionStoppedMsg reports that Stop, asked for by q, has returned: the
// epoch in training is finished and the session's logs are closed.
type sessionStoppedMsg struct{}

// stopSession stops the session in a command of its own: Stop waits for
// the epoch in training, which on a wide design takes seconds, and the UI
// keeps answering meanwhile.
func stopSession(s *session.Session) tea.Cmd {
	return func() tea.Msg {
		s.Stop()
		return sessionStoppedMsg{}
	}
}

// waitSnapshot is the channel-listen command: it waits for the session's
// next snapshot and is re-armed after each one, so the session never
// blocks on the UI and the UI never polls.
func waitSnapshot(s *session.Session) tea.Cmd {
	return func() tea.Msg {
		select {
		case snap := <-s.Snapshots():
			return snapshotMsg(snap)
		case <-s.Done():
			return sessionDoneMsg{}
		}
	}
}

// Model is the root bubbletea model of the interactive trainer. It shows
// the latest snapshot and turns keys into session commands; it never
// touches the model being trained.
type Model struct {
	s    *session.Session
	keys keyMap
	help help.Model

	width, height int
	// sized: a window size has come, 0×0 too (a terminal that reports
	// none, a pane shrunk away), so that the screen counts as drawn, too
	// small, and its keys are refused as on any too-small screen: taken as
	// keys typed ahead of the first size, space had run the run unseen
	// behind a 0×0 window.
	sized       bool
	snap        session.Snapshot
	ready       bool            // a snapshot has arrived
	sel         session.Setting // the setting ←/→ change
	ks, w1, sw1 trend           // the quality trends of the snapshot shown, taken as it arrives
	bins        int             // histogram bins the screen has room for

	losses, moments *lineChart
	planeMoments    *lineChart // the moments chart of a two-dimensional run: x and y
	lossView        string     // charts rendered at the last snapshot or resize
	momView         string
	histView        []string   // the samples panel's plot lines, likewise
	histCapped      bool       // the histogram's count scale is cut
	histBare        bool       // no room under the bars for D(x) and the push: neither drawn nor named
	plotCut         int        // the Q-Q or G(z) plot's points beyond it, marked ▲▼ on its edge
	plotNaN         int        // the Q-Q plot's samples, or the G(z) plot's outputs, NaN or infinite: nowhere on it
	lossFlat        []bool     // each loss is drawn flat by the others' scale (lineChart.flat)
	lossRefsShown   []bool     // each of balanceLines shows on the loss chart (lineChart.shown)
	penaltyShown    bool       // the losses' legend gives D's gradient penalty (lossLegendOf)
	planeDrawn      planeDrawn // what the plane plot drew that its title and legend name

	// flash is the UI's own answer to a key the session never hears,
	// such as v in two dimensions or a key bound to nothing; the next
	// key clears it.
	flash string
	// notice is what the trainer cannot do here (Run's notice, such as
	// the keys' files that cannot be written), said on the status line
	// from the start until the first key.
	notice string

	// noteFor is the note with a command (commandNote) shown, and
	// noteKinds the kinds of the findings shown when it came: the note
	// takes the diagnosis's row until a finding of another kind comes
	// (noteStands).
	noteFor   string
	noteKinds []session.FindingKind

	// waiting: a key's command has waited for the session longer than
	// waitNoteAfter (waitCheckMsg), so the status says it is taken, in
	// these words (waitingNote), until the next snapshot; "" for none.
	// Taken at the check, so that View asks the session nothing.
	waiting string
	// sent counts the commands sent, so that a key's are told from none.
	sent int
	// busy: what the session has been at for busyNoteAfter or more, with
	// no frame since (busyCheckMsg), which the status says until the next
	// snapshot; checking: a busyCheckMsg is on its way.
	busy     string
	checking bool
	// at is the epoch the session was at (Session.Doing) when waiting or
	// busy was taken, which the header counts while either is said
	// (headerEpoch): "evaluating epoch 1's generator…" stands under
	// epoch 1, not under the last frame's 0.
	at int

	// quitting: q has asked the session to stop after the epoch in
	// training, and the UI waits for it (stopSession). left: q again
	// quit without waiting, so the session has not stopped.
	quitting, left bool
	// leftDoing is what the session was at as q again left it
	// (Ending.Doing).
	leftDoing string
	// saveAt is the epoch the screen showed when w last asked for a
	// checkpoint, or -1 (Ending.SaveAt).
	saveAt int
	// wAt is when the last key came, if it was w (zero otherwise), by
	// now, the clock keys are timed by (nil for time.Now; a test's
	// own): w held (wHeld).
	wAt time.Time
	now func() time.Time

	// stops catches a SIGTSTP from outside, where ctrl+z can suspend
	// the trainer (keyMap.noSuspend); suspended: a suspend has been
	// asked for and its ResumeMsg has not come yet.
	stops     *stopCatcher
	suspended bool

	view  sampleView // what the samples panel shows
	gpage int        // the glossary page shown
	// gsnap is the snapshot the glossary was opened on: its diagnosis and
	// events stay as they were while the run trains behind the pages, so
	// that ? turns to the page after the one read, not to one that new
	// events have pushed down. A new run (Snapshot.Run) replaces it.
	gsnap session.Snapshot
	// gplace is the entry of the ? pages the reader was at on the last
	// screen that showed them, while gkept, until a screen large enough
	// shows them again at that place: reckoned at a too-small size, 0×0
	// above all, the place was lost (page 3 of 7 at 80×24, the window
	// 0×0 and back, came back as page 7).
	gplace int
	gkept  bool
	// kind is the kind of event f lists the ? pages' events by, "" for
	// all (eventKind).
	kind string
	// answer is the terminal's late answer to the background's question
	// read so far, "" outside one (lateAnswer), until answerUntil.
	answer      string
	answerUntil time.Time
	// positionUntil is when a position key (positionKey) is a key again,
	// where the background's question went unanswered: the zero time
	// where it was answered, or not asked.
	positionUntil time.Time
	// typed is what the trainer reads of keys typed while the terminal
	// was asked its background, read with its answer (backgroundTyped):
	// taken before the first message, as typed before any other key.
	typed []tea.Msg
	// paste is a paste begun while the terminal was asked its background
	// whose rest is still to come (pasteRest): no key until it ends.
	paste pasteRest
	// cutByCtrlC: the paste bubbletea's reader holds open was ended by a
	// ctrl+c (pasteCutMsg); its message, next, is said as one so ended.
	cutByCtrlC bool
}

// lossG is G's series on the losses' chart, after D real's and D fake's.
const lossG = 2

// NewModel returns the UI for session s, which the caller starts.
func NewModel(s *session.Session) Model {
	return Model{
		s:    s,
		keys: newKeyMap(),
		help: newHelp(),
		losses: newLineChart(
			series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
			series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
			series{"3 g", markG, styleG, func(p session.Point) float64 { return p.G }},
		),
		moments: newLineChart(
			series{"1 mean", markMean, styleMean, func(p session.Point) float64 { return p.Mean }},
			series{"2 std", markStd, styleStd, func(p session.Point) float64 { return p.Std }},
		),
		planeMoments: newLineChart(
			series{"1 mean x", 'x', styleAxisX, func(p session.Point) float64 { return p.Mean }},
			series{"2 mean y", 'y', styleAxisY, func(p session.Point) float64 { return p.MeanY }},
			series{"3 std x", 'X', styleAxisX, func(p session.Point) float64 { return p.Std }},
			series{"4 std y", 'Y', styleAxisY, func(p session.Point) float64 { return p.StdY }},
		),
	}
}

func newHelp() help.Model {
	h := help.New()
	h.ShortSeparator = footerSep
	h.FullSeparator = "  "
	// The palette's, not bubbles' greys, whose descriptions would be 2.1:1 on
	// white and 2.4:1 on black: the key bar is read at every turn.
	h.Styles.ShortKey, h.Styles.FullKey = styleText, styleText
	h.Styles.ShortDesc, h.Styles.FullDesc = styleMuted, styleMuted
	h.Styles.ShortSeparator, h.Styles.FullSeparator, h.Styles.Ellipsis = styleMuted, styleMuted, styleMuted
	return h
}

// Init starts listening for snapshots.
func (m Model) Init() tea.Cmd { return waitSnapshot(m.s) }

// Update handles window sizes, snapshots and keys.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if len(m.typed) > 0 {
		return m.takeTyped(msg)
	}
	if m.paste.on {
		if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlC {
			return m.pasteCut(), nil
		}
		if piece, ok := pastedPiece(msg); ok {
			return m.pasteGoesOn(piece), nil
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case snapshotMsg:
		m.apply(session.Snapshot(msg))
		return m, tea.Batch(waitSnapshot(m.s), m.checkBusy())
	case waitCheckMsg:
		m.waiting = ""
		if m.s.Waiting() > 0 {
			what, at, _ := m.s.Doing()
			m.waiting, m.at = waitingNote(what), max(m.at, at)
		}
		return m, nil
	case busyCheckMsg:
		m.checking = false
		if m.snap.State != session.Running {
			return m, nil
		}
		if what, at, since := m.s.Doing(); what != "" && (since >= busyNoteAfter || m.busy != "") {
			m.busy, m.at = what, max(m.at, at) // once said, its words follow the work till a frame comes
		}
		return m, m.checkBusy()
	case pasteArrivingMsg:
		if !m.paste.on { // its own note, counted by pasteGoesOn, where it is
			m.flash = arrivingNote(msg.chars)
		}
		return m, nil
	case pasteCutMsg:
		m.cutByCtrlC = true
		return m, nil
	case sessionDoneMsg:
		return m, nil
	case stopMsg:
		return m.suspend()
	case contMsg:
		return m, retakeTerminal()
	case tea.ResumeMsg:
		// The run's clock goes on from where the suspend left it
		// (suspend.go).
		m.suspended = false
		m.s.Continued()
		return m, nil
	case sessionStoppedMsg:
		return m, tea.Quit
	case signalMsg:
		return m.quit()
	case hangupMsg:
		if !m.quitting { // already stopping: nothing to add, and no one to ask for more
			return m.quit()
		}
		return m, nil
	case tea.KeyMsg:
		if m.answer != "" && !time.Now().Before(m.answerUntil) {
			m.answer = "" // an answer's rest comes at once: a key this late is the user's
		}
		if m.answer != "" && msg.Type == tea.KeyRunes && !msg.Alt && !msg.Paste && len(msg.Runes) > 1 {
			// An answer's runes, one at a time: those after its end are keys ("0Rn").
			for part := true; part && len(msg.Runes) > 0 && m.answer != ""; {
				if part, m.answer = lateAnswer(tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[:1]}, m.answer); part {
					msg.Runes = msg.Runes[1:]
				}
			}
			if len(msg.Runes) == 0 {
				return m, nil
			}
			return m.typedKey(msg)
		}
		if m.answer == answerOpened && msg.Type == tea.KeyRunes && !msg.Alt && !msg.Paste && string(msg.Runes) == "[" {
			// After an ESC read alone, a "[" that comes alone is typed:
			// the terminal writes its position whole, so its rest,
			// "[12;40R", comes in one read, as one message of runes
			// (above); a "[" alone taken for it was dropped.
			m.answer = ""
			return m.typedKey(msg)
		}
		so := m.answer
		var part bool
		if part, m.answer = lateAnswer(msg, m.answer); part {
			if so == "" {
				m.answerUntil = time.Now().Add(answerRest)
			}
			if dark, ok := lateColour(so); ok && m.answer == afterAnswer { // the answer ended, whole
				lipgloss.SetHasDarkBackground(dark)
			}
			return m, nil
		}
		if positionKey(msg) && time.Now().Before(m.positionUntil) { // the position alone, late
			return m, nil
		}
		return m.typedKey(msg)
	}
	return m, nil
}

// typedKey takes the key k, known to be the user's.
func (m Model) typedKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	sent := m.sent
	mm, cmd := m.splitKeys(k)
	if mm.(Model).sent != sent && m.s.Waiting() > 0 {
		cmd = tea.Batch(cmd, tea.Tick(waitNoteAfter, func(time.Time) tea.Msg { return waitCheckMsg{} }))
	}
	return mm, cmd
}

// takeTyped takes the keys typed while the terminal was asked its
// background (typed), then msg: a q typed at once quits, an r reseeds,
// where the question's read took them with the terminal's answer. They
// are keys, whatever state a late answer leaves (lateAnswer).
func (m Model) takeTyped(msg tea.Msg) (tea.Model, tea.Cmd) {
	typed := m.typed
	m.typed = nil
	var cmds []tea.Cmd
	for _, t := range typed {
		var mm tea.Model
		var cmd tea.Cmd
		if k, ok := t.(tea.KeyMsg); ok {
			mm, cmd = m.typedKey(k)
		} else {
			mm, cmd = m.Update(t)
		}
		m, cmds = mm.(Model), append(cmds, cmd)
	}
	mm, cmd := m.Update(msg)
	return mm, tea.Batch(append(cmds, cmd)...)
}

// waitNoteAfter is how long a key's command waits for the session before
// the status says it is taken (waitingNote): the session takes commands
// between epochs, and a wide design's epoch, or its evaluation, takes
// seconds, through which space, n or ← would otherwise seem ignored. A
// small design's answer comes well before, with no note to flicker.
const waitNoteAfter = 250 * time.Millisecond

// busyNoteAfter is how long the session is at one epoch's training or one
// evaluation, with no frame since, before the status says what it is at
// ("training epoch 1…"): a wide design's take seconds each, through which
// the screen would stand still as if hung. A running run's frames come
// many times a second while its epochs and evaluations take milliseconds,
// as a small design's do, so it never shows the note; a frame a second
// is still a run seen to move. busyEvery is how often a running run is
// checked, well within busyNoteAfter.
const (
	busyNoteAfter = time.Second
	busyEvery     = 250 * time.Millisecond
)

// busyCheckMsg asks, busyEvery after the last check or the snapshot that
// began them, what the session is at (session.Session.Doing).
type busyCheckMsg struct{}

// checkBusy schedules the next busyCheckMsg while the run shown is
// running and none is on its way: one tick in busyEvery, never one per
// snapshot or epoch.
func (m *Model) checkBusy() tea.Cmd {
	if m.checking || m.snap.State != session.Running {
		return nil
	}
	m.checking = true
	return tea.Tick(busyEvery, func(time.Time) tea.Msg { return busyCheckMsg{} })
}

// waitCheckMsg asks, waitNoteAfter after a key sent a command, whether
// commands still wait for the session.
type waitCheckMsg struct{}

// splitKeys splits typed-ahead runes into single keys. A terminal delivers
// keys that arrive together (fast typing, tmux send-keys nnn) as one message
// of several runes; each is a key of its own here, as if typed alone, q
// included: a q behind a q quits at once, as it would typed later. A bracketed
// paste is text, not keys: a pasted file name would reseed (r), rerun (R),
// write files (w, e) and quit twice (q q) the run it was pasted into. The
// status says so. An esc typed just before an arrow or another key that is no
// letter (esc ←, to close the help and step back) reaches the program with it,
// ESC ESC [ D, which reads as that key with alt, alt+left: ganui takes no alt
// key, and it is both keys, esc then the key, not "alt+left is not a key here"
// with the help left open. An alt+letter is left as it is: a meta key sends it
// too, and split it would reseed (r) or quit (q).
func (m Model) splitKeys(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if k.Paste {
		m.flash = pastedNote(len(k.Runes))
		if m.cutByCtrlC {
			m.flash, m.cutByCtrlC = cutNote(len(k.Runes)), false
		}
		if m.paste.on { // its rest still to come (startKeys)
			m.flash = arrivingNote(m.paste.chars)
		}
		return m, nil
	}
	if k.Alt && k.Type != tea.KeyRunes {
		mm, esc := m.key(tea.KeyMsg{Type: tea.KeyEsc})
		k.Alt = false
		mm, cmd := mm.(Model).key(k)
		return mm, tea.Batch(esc, cmd)
	}
	if k.Type != tea.KeyRunes || len(k.Runes) < 2 {
		return m.key(k)
	}
	var cmds []tea.Cmd
	for _, r := range k.Runes {
		mm, cmd := m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt})
		m, cmds = mm.(Model), append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// pastedNote is what the status says of a paste of n characters.
func pastedNote(n int) string {
	return "pasted text (" + numtext.Count(n, "character") + ") is not taken as keys: type them"
}

// arrivingNote is what the status says of a paste begun in the
// background's question's read while its rest is still to come
// (pasteRest), n characters so far: "type them" said then was said of keys
// the trainer was not yet taking, and a user whose paste never ends is
// told the way out.
func arrivingNote(n int) string {
	return "pasted text is arriving… (" + numtext.Count(n, "character") + " so far), no key taken till it ends; ctrl+c ends it"
}

// pasteCut ends a paste begun in the background's question's read whose
// end marker has not come (pasteRest) at a ctrl+c: a terminal that never
// sends the marker left every later key pasted text, ctrl+c included, and
// only a signal from outside stopped the trainer. The ctrl+c ends the
// paste, not the run: a 0x03 within pasted text is rare, and a run quit by
// one stray pasted byte is worse than a paste ended early; a second ctrl+c
// is a key, and quits.
func (m Model) pasteCut() Model {
	m.flash = cutNote(m.paste.chars)
	m.paste = pasteRest{}
	return m
}

// cutNote is what the status says of a paste of n characters ended by a
// ctrl+c, as its end marker had not come (pasteCut, readInTurn).
func cutNote(n int) string {
	return "paste ended by ctrl+c: its " + numtext.Count(n, "character") + " not taken as keys; a key now is a key"
}

// pasteGoesOn takes piece (pastedPiece), read while a paste begun in the
// background's question's read goes on (pasteRest), as the paste's text,
// no key; at the paste's end marker, whole or cut by a read into pieces,
// the paste ends, and the status says so of all its characters, "pasted
// text (2,310 characters) is not taken as keys: type them", where it
// said those read with the question alone.
func (m Model) pasteGoesOn(piece string) Model {
	p := &m.paste
	if piece == pasteEnd {
		p.on = false
	} else {
		p.chars += utf8.RuneCountInString(piece)
		p.seen += len(piece)
		p.tail += piece
		if strings.HasSuffix(p.tail, pasteEnd) {
			p.on = false
			p.chars -= min(len(pasteEnd), p.seen) // the marker's bytes read as text
		}
		p.tail = p.tail[max(0, len(p.tail)-len(pasteEnd)+1):]
	}
	if !p.on {
		m.flash = pastedNote(p.chars)
		m.paste = pasteRest{}
	} else {
		m.flash = arrivingNote(p.chars)
	}
	return m
}

// apply takes a snapshot in. Snapshots of an older run are dropped. The
// UI keeps no history of its own: the trends come with each snapshot
// (trends), so that a resumed run shows those the run had when it was
// saved.
func (m *Model) apply(s session.Snapshot) {
	if m.ready && s.Run < m.snap.Run {
		return
	}
	m.snap, m.ready = replayed(s, m.bins), true
	m.waiting, m.busy, m.at = "", "", 0 // the session has answered
	m.ks, m.w1, m.sw1 = trends(m.snap.Evals, &m.snap.Eval, m.snap.CheckNoise)
	if m.keys.page == pageGlossary && s.Run != m.gsnap.Run {
		// A reseed, rerun or roll-back sent before the pages opened ("r??"
		// typed ahead) took effect after: they show the run that replaced it.
		m.gsnap, m.gpage, m.gkept = m.snap, 0, false
	}
	if m.view == viewGZ && !drawsGZ(&s) || s.Target.Plane != nil {
		m.view = viewHist // the 2-D view has no other
	}
	m.keys.plane = s.Target.Plane != nil
	m.keys.noGZ = s.Eval.GZ == nil // as v's next view sees it
	m.keys.pinned = s.Baseline != nil
	m.keys.reset = m.resettable()
	m.keys.unreached = s.State == session.Diverged && s.Err != nil && s.Err.Unreached
	m.keys.export = s.Exportable
	m.keys.trained = s.Epoch > 0
	m.keys.noEvents = len(s.Events) == 0
	m.keys.diagnosis = len(m.snap.Findings) > 0 // a replayed frame's, as the pages show them
	if !strings.Contains(m.snap.Note, session.CommandBreak) {
		m.noteFor = ""
	} else if m.noteFor != m.snap.Note {
		m.noteFor, m.noteKinds = m.snap.Note, findingKinds(m.snap.Findings)
	}
	frames, rollback, replaying := s.Frames > 0, s.Rollback >= 0, s.Replay != nil
	if m.keys.state != s.State || m.keys.frames != frames || m.keys.rollback != rollback || m.keys.replaying != replaying {
		m.keys.state, m.keys.frames, m.keys.rollback, m.keys.replaying = s.State, frames, rollback, replaying
		m.relayout() // the footer and status change and with them, maybe, their height
	} else {
		m.redraw()
	}
}

// resettable reports whether the setting picked differs from the value
// the run started with (the design's own, or this run's start where
// --set or a kept retune started it off that), which 0 puts back
// (session.Reset), as the snapshot gives them: the footer offers 0 then.
func (m *Model) resettable() bool {
	return m.ready && m.snap.Settings.Text(m.sel) != m.snap.Start.Text(m.sel)
}

// suspend suspends the trainer as a shell's job (suspend.go), once: a
// ctrl+z and a SIGTSTP together, or typed ahead, would otherwise stop it
// again at fg.
func (m Model) suspend() (tea.Model, tea.Cmd) {
	if m.suspended {
		return m, nil
	}
	m.suspended = true
	return m, suspend(m.s, m.stops)
}

// repeatGap is the longest gap between two w's, no other key between,
// taken for w held down: a terminal repeats a held key 25 to 40 times a
// second, after a first delay of 250 to 660 ms.
const repeatGap = time.Second

// wHeld reports whether k is w held down, not pressed again: a w within
// repeatGap of the w before it, no other key between. Held on a running
// run, each repeat would find the last checkpoint written (a small
// design's take milliseconds) and write another, 27 files in a second,
// each of a later epoch. It notes when k came if it is w, for the next.
func (m *Model) wHeld(k tea.KeyMsg) bool {
	if !key.Matches(k, m.keys.Save) {
		m.wAt = time.Time{}
		return false
	}
	now := time.Now()
	if m.now != nil {
		now = m.now()
	}
	held := !m.wAt.IsZero() && now.Sub(m.wAt) < repeatGap
	m.wAt = now
	return held
}

func (m Model) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.wHeld(k) {
		// One press, one checkpoint: the press's answer (its save's note,
		// or why it was not taken) stays on the status line.
		return m, nil
	}
	m.flash, m.notice = "", ""
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.quit()
	case key.Matches(k, m.keys.Suspend):
		// Whatever the screen shows, as q: stopping the process acts on
		// nothing unseen, and the screen comes back as it was.
		if m.keys.noSuspend != "" {
			m.flash = m.keys.noSuspend
			return m, nil
		}
		return m.suspend()
	case m.quitting:
		// The session is stopping: a command now would be applied or
		// not as the stop finds it. The status says so, and how to quit
		// at once.
		m.flash = keyName(k) + " is not taken while quitting: q again quits at once, without " + quitLoses(m.saveWaits())
	case m.sized && !m.layout().ok:
		// The too-small screen shows no run: space would run it, r
		// reseed it, ← retune it, all unseen.
		m.flash = keyName(k) + smallRefusal
	case m.keys.page == pageGlossary && key.Matches(k, m.keys.PrevPage, m.keys.NextPage, m.keys.FirstPage, m.keys.LastPage):
		m.turnGlossary(k)
	case key.Matches(k, m.keys.Filter):
		m.showEvents()
		m.relayout()
	case m.keys.page == pageGlossary && key.Matches(k, m.keys.PrevEvent, m.keys.NextEvent):
		// From the events listed, to one of them: < and > close the pages
		// and go to the previous or next event (of the kind f lists), as
		// from the screen, whose replay then shows; refused, with the pages
		// open, a learner had to find esc first.
		m.keys.page, m.help.ShowAll = pageNone, false
		m.relayout()
		dir := -1
		if key.Matches(k, m.keys.NextEvent) {
			dir = +1
		}
		m.send(session.Replay{Dir: dir, Jump: true, Kind: m.eventKind(m.snap.Events)})
	case m.keys.page == pageGlossary && !key.Matches(k, m.keys.Help, m.keys.Close):
		// The glossary covers the whole screen: a key that acted behind
		// it (space ran the run, b cleared the baseline, h retuned it)
		// would act unseen. Its footer says the key was not taken.
		m.flash = keyName(k) + " is not taken on the glossary"
	case key.Matches(k, m.keys.Help):
		m.nextHelpPage()
		m.relayout()
	case key.Matches(k, m.keys.Close) && m.keys.page == pageNone:
		// Out of a replay, back to the run as it is now, in one key. It
		// goes to the session whatever the snapshot shows, which behind
		// keys typed ahead (", esc") may not show the replay yet; live,
		// the session leaves it be.
		if m.snap.Replay == nil {
			m.flash = "esc closes the help or a replay, and neither is open: ? opens the help"
		}
		m.send(session.Replay{Live: true})
	case key.Matches(k, m.keys.Close):
		m.keys.page, m.help.ShowAll = pageNone, false
		m.relayout()
	case key.Matches(k, m.keys.View):
		if m.ready && m.snap.Target.Plane != nil {
			m.flash = "v: the 2-D view is the only one here; Q-Q and G(z) are views of one dimension"
		} else if m.ready {
			m.view = m.view.next(&m.snap)
			if m.keys.page == pageKeys {
				// The design covers the samples panel: v closes it, so
				// that the view it turns to is seen, not turned unseen
				// behind the help.
				m.keys.page, m.help.ShowAll = pageNone, false
				m.relayout()
			}
			m.redraw()
		}
	case key.Matches(k, m.keys.Pause):
		m.send(session.TogglePause{})
	case key.Matches(k, m.keys.Step):
		m.send(session.Step{Kind: session.StepEpoch})
	case key.Matches(k, m.keys.StepD):
		m.send(session.Step{Kind: session.StepD})
	case key.Matches(k, m.keys.StepG):
		m.send(session.Step{Kind: session.StepG})
	case key.Matches(k, m.keys.Reseed):
		m.send(session.Reseed{})
	case key.Matches(k, m.keys.Restart):
		m.send(session.Restart{})
	case key.Matches(k, m.keys.Rollback):
		m.send(session.Rollback{})
	case key.Matches(k, m.keys.Save):
		// One checkpoint at a time: a w pressed again while one waits or
		// is written (the run busy with an epoch of a wide design) would
		// write the same file again, a full one each time.
		if m.s.SavePending() {
			m.flash = "already saving the checkpoint w asked for" + AtEpoch(m.saveAt) + ": this w is not taken; w again once it is written"
			return m, nil
		}
		m.saveAt = -1
		if m.ready {
			m.saveAt = m.snap.Epoch
		}
		m.send(session.Save{})
	case key.Matches(k, m.keys.Export):
		m.send(session.Export{})
	case key.Matches(k, m.keys.Up):
		m.sel = (m.sel + session.NumSettings - 1) % session.NumSettings
		m.keys.reset = m.resettable()
	case key.Matches(k, m.keys.Down):
		m.sel = (m.sel + 1) % session.NumSettings
		m.keys.reset = m.resettable()
	case key.Matches(k, m.keys.Dec):
		m.send(session.Adjust{Setting: m.sel, Dir: -1})
	case key.Matches(k, m.keys.Inc):
		m.send(session.Adjust{Setting: m.sel, Dir: +1})
	case key.Matches(k, m.keys.Reset):
		m.send(session.Reset{Setting: m.sel})
	case key.Matches(k, m.keys.Slower):
		m.send(session.Adjust{Setting: session.Speed, Dir: -1})
	case key.Matches(k, m.keys.Faster):
		m.send(session.Adjust{Setting: session.Speed, Dir: +1})
	case key.Matches(k, m.keys.Back):
		m.send(session.Replay{Dir: -1})
	case key.Matches(k, m.keys.Forward):
		m.send(session.Replay{Dir: +1})
	case key.Matches(k, m.keys.PrevEvent):
		m.send(session.Replay{Dir: -1, Jump: true, Kind: m.eventKind(m.snap.Events)})
	case key.Matches(k, m.keys.NextEvent):
		m.send(session.Replay{Dir: +1, Jump: true, Kind: m.eventKind(m.snap.Events)})
	case key.Matches(k, m.keys.Pin):
		m.send(session.Pin{})
	case key.Matches(k, m.keys.Share):
		m.noteFor = "" // c again: its note takes the row anew, were its text the same
		m.send(session.Share{})
	case key.Matches(k, m.keys.Plot):
		m.send(session.Plot{Format: "png", Draw: func(w io.Writer, p session.Picture) error {
			return figure.Encode(w, "png", figure.FromPicture(p))
		}})
	default:
		m.flash = keyName(k) + " is not a key here: ? lists them"
	}
	return m, nil
}

// keyName is how the status names a key: as the footer and the help do,
// space by its name (k.String() is a blank), and a rune that is a
// control character (U+0085, U+009B, which a terminal obeys) as a Go
// string writes it (visible.String).
func keyName(k tea.KeyMsg) string {
	if k.Type == tea.KeySpace {
		return "space"
	}
	return visible.String(k.String())
}

// quit, on q or a quit signal (signalMsg), asks the session to stop
// after the epoch in training and quits once it has (sessionStoppedMsg),
// the run whole. Asked again while it waits, it quits at once, leaving
// the session training: the caller must not read the session then
// (Ending.Left).
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.quitting {
		m.left = true
		if m.s != nil {
			m.leftDoing, _, _ = m.s.Doing()
		}
		return m, tea.Quit
	}
	m.quitting, m.keys.quitting = true, true
	return m, stopSession(m.s)
}

// send sends c to the session, counted (sent).
func (m *Model) send(c session.Command) {
	m.s.Send(c)
	m.sent++
}

// resize fits the trainer to a screen w columns wide and h rows high.
func (m *Model) resize(w, h int) {
	if m.keys.page == pageGlossary && m.layout().ok {
		m.gplace, m.gkept = m.glossaryPlace(), true // the entry the reader is at, before the pages change
	}
	sized := m.sized // a screen was sized, not the size a key typed ahead waited for
	shown := sized && m.layout().ok
	m.width, m.height, m.sized = max(0, w), max(0, h), true
	if sized && m.layout().ok != shown {
		// The answer to the last key was said of a screen that is gone:
		// grown back, "n is not taken on a terminal this small"; shrunk to
		// the too-small screen, "x is not a key here: ? lists them", where
		// ? is not taken.
		m.flash = ""
	}
	m.help.Width = m.width
	m.keys.width = m.width
	if m.gkept && m.keys.page == pageGlossary && m.layout().ok {
		m.gpage, m.gkept = m.glossaryPageOf(m.gplace), false
	}
	m.relayout()
}

// relayout fits the panels to a new size: the charts are redrawn and the
// session is asked for as many histogram bins as there are columns.
func (m *Model) relayout() {
	l := m.layout()
	if !l.ok {
		return
	}
	if cols := l.histW - axisGutter; cols != m.bins {
		m.bins = cols
		m.send(session.HistBins{N: cols})
	}
	m.redraw()
}

// redraw renders the charts for the current snapshot and size. Charts are
// drawn here, once per snapshot, rather than in View, which runs after
// every message.
func (m *Model) redraw() {
	l := m.layout()
	if !l.ok || !m.ready {
		return
	}
	s := &m.snap
	lossRefs := balanceLines(s.Equilibrium)
	// A feature-matching G's loss is a distance between D's features, on
	// a scale of its own (near 200 at the start): it does not set the
	// chart's range, which stays D's, and is marked where it is off it.
	m.losses.own = s.GLoss == engine.GLossFeatureMatching
	marks, cursor := eventEpochs(s), 0
	if s.Replay != nil {
		cursor = s.Replay.Epoch
	}
	var ghost []session.Point
	if s.Baseline != nil {
		ghost = s.Baseline.History
	}
	for _, c := range []*lineChart{m.losses, m.moments, m.planeMoments} {
		c.marks, c.cursor, c.ghost = marks, cursor, ghost
	}
	legend, shape := m.momText(l.rightW, l.momH)
	momH := l.momH - len(legend) - len(shape)
	mom, momRefs := m.moments, []refLine{{s.Target.Mean, styleTarget}, {s.Target.Std, styleTarget}}
	p := s.Target.Plane
	if p != nil {
		mx, my, sx, sy := planeMoments(p)
		mom, momRefs = m.planeMoments, []refLine{{mx, styleTarget}, {my, styleTarget}, {sx, styleTarget}, {sy, styleTarget}}
	}
	// Side by side, the two charts' time axes are one: labelled at one
	// step, the coarser of the steps each would take by its graph's
	// width, the narrower chart's, which each fit sets before either is
	// drawn. Each taking its own, they would stand a column apart at
	// 80×24: at epoch 222 of ring the losses would read 0 100 200 under
	// the moments' 0 50 100 150 200.
	momFit := mom.fit(s.History, s.From, momRefs, l.rightW, momH)
	momOwn := momFit.xstep(mom.ts.GraphWidth())
	momStep := momOwn
	// The legend says which lines the chart draws off its scale or flat,
	// which the drawing tells: where that changes the legend's height,
	// the chart is drawn again to the room it leaves.
	for legendH, try := len(m.lossLegend(l.leftW)), 0; try < 2; try++ {
		f := m.losses.fit(s.History, s.From, lossRefs, l.leftW, l.topH-legendH)
		step := f.xstep(m.losses.ts.GraphWidth())
		if !l.momBeside {
			step = max(step, momOwn)
			momStep = step
		}
		m.lossView = m.losses.draw(f, step)
		m.lossFlat, m.lossRefsShown = m.losses.flat, m.losses.shown
		if legendH == len(m.lossLegend(l.leftW)) {
			break
		}
		legendH = len(m.lossLegend(l.leftW))
	}
	_, m.penaltyShown = m.lossLegendOf(l.leftW)
	m.momView = mom.draw(momFit, momStep)
	if p != nil {
		var ghost []float64
		if s.Baseline != nil {
			ghost = s.Baseline.Eval.Points
		}
		// The plot leaves its notes (planeNotes) room for the legend's
		// first item, which never gives way, and as wide as the mode map's
		// head and key: square on a screen tall for its width, it would
		// take all but 10 of 80×40's columns, "⣿ genera…".
		notes := len(gap) + lipgloss.Width("⣿"+generatedBy(s.GEMA))
		cols, rows := planeSize(scale{p.Box.Y0, p.Box.Y1}, l.planeW-notes, l.bottomH-2)
		m.histView, m.planeDrawn = planePlot(p, &s.Eval, ghost, s.Loss.Unbounded(), surfaceBalance(s), cols, rows)
		return
	}
	// The legend under the bars says whether they are cut, which the plot
	// tells, and its lines are the plot's rows: a plot that says otherwise
	// than the last is drawn again under the legend it makes. With the last
	// plot's legend, a first plot of cut bars (a resize, v) would take the
	// legend's line and push its last off the panel.
	for range 2 {
		cut := m.histCapped
		if m.drawSamples(l); m.histCapped == cut {
			break
		}
	}
}

// drawSamples draws the samples panel's plot of the one-dimensional run
// for layout l: the histogram, Q-Q or G(z), as many rows as the legend
// (histFoot) leaves.
func (m *Model) drawSamples(l layout) {
	s := &m.snap
	e := &s.Eval
	m.histBare = false
	// The rows the plot has under the panel's title and over its foot:
	// none, not fewer, where the keys page's bar takes the band (? at
	// 70×20).
	plotRows := func() int { return max(0, l.bottomH-2-len(m.histFoot(l.histW))) }
	rows := plotRows()
	if m.view == viewHist && (e.DCurve != nil || e.Push != nil) && histStrips(e.DCurve, e.Push, rows) == 0 {
		m.histBare = true // the legend leaves them out too
		rows = plotRows()
	}
	switch m.view {
	case viewQQ:
		var base []engine.QQPoint
		if s.Baseline != nil {
			base = s.Baseline.Eval.Metrics.QQ
		}
		m.histView, m.plotCut = qqPlot(e.Metrics.QQ, base, l.histW, rows)
		m.plotNaN = e.Metrics.Hist.NotFinite
	case viewGZ:
		var base []session.ZX
		if s.Baseline != nil {
			base = s.Baseline.Eval.GZ
		}
		m.histView, m.plotCut, m.plotNaN = gzPlot(e.GZ, base, e.Metrics.QQ, l.histW, rows)
	default:
		ghost := ghostCounts(s.Baseline, e.Metrics.Hist, l.histW-axisGutter, e.Metrics.N)
		curve, push := e.DCurve, e.Push
		if m.histBare {
			curve, push = nil, nil
		}
		p := histPlot(e.Metrics.Hist, curve, push, ghost, s.Loss.Unbounded(), l.histW, rows)
		m.histView, m.histCapped = p.lines, p.capped
	}
}

// trend is the last few values of a metric, oldest first, for a
// sparkline, and how far sampling alone can move one of them (noise: the
// metric's noise floor at a check, session.Snapshot.CheckNoise; 0 for
// none known), which a change must pass for the arrow to show it.
type trend struct {
	vals  []float64
	noise float64
}

// trendLen is the most values a trend holds: more than a sparkline has
// room for beside its value.
const trendLen = 24

// trends are the quality measures' trends, KS, W1 and, in two
// dimensions, sliced W1, as the Quality panel's rows draw them: the run's
// checks (session.Snapshot.Evals) made before the epoch of the value the
// row shows (e, the screen's latest evaluation, or a replayed frame's
// check), then that value, the last of at most trendLen, so that the bars
// end where the row begins and the arrow, first against last, describes
// the value shown. Drawn from the checks alone, the bars and their arrow
// would describe another epoch and sample size than the value's:
// devnag-2017 (seed 1, epoch 8,300) would read "W1 0.301 ↑" with its last
// bar the lowest, and a value outside the range beside it. A check of the
// value's own epoch gives way to it (a run's end, evaluated again on
// --samples), and checks after it, made since the screen last evaluated
// or after a divergence that keeps an older evaluation, wait for the
// next.
//
// The checks count epochs, so a run shows the same trends at an epoch
// however often the screen refreshed, resumed from its record too, and
// in a replay the frame's check is its own last one. Each trend holds its
// measure's noise at a check (noise, session.Snapshot.CheckNoise).
func trends(evals []session.EvalPoint, e *session.Eval, noise session.EvalPoint) (ks, w1, sw1 trend) {
	ks.noise, w1.noise, sw1.noise = noise.KS, noise.W1, noise.SW1
	n, _ := slices.BinarySearchFunc(evals, e.Epoch, func(p session.EvalPoint, epoch int) int { return p.Epoch - epoch })
	pts := slices.Clip(evals[:n])
	if m := e.Metrics; m.N > 0 {
		p := session.EvalPoint{Epoch: e.Epoch, KS: m.KS, W1: m.W1}
		if m.Plane != nil {
			p.SW1 = m.Plane.SW1
		}
		pts = append(pts, p)
	}
	pts = pts[max(0, len(pts)-trendLen):]
	if len(pts) == 0 {
		return
	}
	ks.vals, w1.vals, sw1.vals = make([]float64, len(pts)), make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		ks.vals[i], w1.vals[i], sw1.vals[i] = p.KS, p.W1, p.SW1
	}
	return
}
