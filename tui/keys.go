package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/session"
)

// keyMap is every key the trainer answers to. Sessions are scripted against
// these keys (tmux send-keys, tests), so they do not change lightly.
type keyMap struct {
	Pause, Step, StepD, StepG key.Binding
	Reseed, Restart, Rollback key.Binding
	Up, Down, Dec, Inc, Reset key.Binding // Reset: the picked setting back to its design's value (session.Reset)
	Slower, Faster            key.Binding
	Save, Export              key.Binding
	View                      key.Binding
	Back, Forward             key.Binding // replay: a keyframe back or forward
	PrevEvent, NextEvent      key.Binding // replay: to the previous or next event
	Pin, Share, Plot          key.Binding
	Filter                    key.Binding // the ? pages' events, by kind (showEvents)
	Help, Close, Quit         key.Binding
	Suspend                   key.Binding // ctrl+z: stop as a shell's job (suspend.go)
	// The glossary's own keys (turnGlossary): a page back or on, the
	// first or the last. There ← and → turn its pages: the settings
	// they tune elsewhere are under it, unseen.
	PrevPage, NextPage, FirstPage, LastPage key.Binding

	// What the footer offers depends on the moment: the run's state, the
	// width of the screen, and whether the help is open.
	state session.State
	width int // the footer's width: the optional keys that fit are offered
	page  helpPage
	plane bool // a two-dimensional run, which has one samples view: v is left out
	noGZ  bool // a design without G(z) (noise of more than one value): v shows two views
	// frames: the run has keyframes, so that , and . can replay one; with
	// none yet (a paused run at epoch 0) the footer does not offer them.
	frames bool
	// noEvents: the run has no events, so that < and > have none to go
	// to, in a replay or from live: they answer only "no earlier event"
	// and "no later event", as the replay's note does not offer them.
	noEvents bool
	// trained: the run has completed an epoch, since its start or before
	// the checkpoint it resumed from: replay without frames then lacks a
	// frame, not an epoch.
	trained bool
	// pinned: a baseline is pinned, and b clears it.
	pinned bool
	// reset: the setting ↑↓ picked differs from the value the run started
	// with, which 0 puts back: the footer offers 0 then, and not where it
	// could only say the setting has that value already.
	reset bool
	// replaying: a keyframe is shown, and esc returns to live.
	replaying bool
	// rollback: u has a kept state to return a diverged run to; without
	// one (a divergence before the first kept state) it is not offered.
	rollback bool
	// unreached: the run diverged never having come near its target
	// (session.Divergence.Unreached), which no roll-back mends: u only
	// lets it run away again, and the status says to rescale the data.
	unreached bool
	// export: e has something to write (session.Snapshot.Exportable);
	// at the start of a run, no epoch trained, it is not offered.
	export bool
	// diagnosis: the run has findings, whose diagnosis in full heads the
	// pages ? turns to from the keys page (glossaryLayout).
	diagnosis bool
	// gpage and gpages: the glossary's page shown, from 0, and how many
	// it has, as glossaryView lays them out: ? goes on to the next page,
	// or on the last closes it, and ←→ are offered where there are two
	// or more.
	gpage, gpages int
	// kind: the kind of event < and > go to (Model.eventKind), "" for
	// every kind, which the keys page names them by (eventForms).
	kind string
	// filter: what f does on the ? pages (filterWords), "" where the
	// events have one kind or none and f is not offered there.
	filter string
	// quitting: q waits for the epoch in training, and q again is the
	// only key taken; saveWaits: a checkpoint w asked for waits with it,
	// which q again loses too (Model.quitLoses).
	quitting, saveWaits bool
	// noSuspend is why ctrl+z cannot suspend the trainer here (no
	// shell's job control), which ctrl+z says, or "" when it can
	// (suspend.go).
	noSuspend string
}

// newKeyMap is the trainer's keys. Reset is 0, as a browser's ctrl+0
// beside its ctrl+- and ctrl++: back to where it was. Not =, the
// unshifted + on many keyboards, where a + missing its shift would throw
// a retune away.
func newKeyMap() keyMap {
	return keyMap{
		Pause:     key.NewBinding(key.WithKeys(" ", "p"), key.WithHelp("space/p", "pause/run")),
		Step:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "one epoch")),
		StepD:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "one D update")),
		StepG:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "one G update")),
		Reseed:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "new seed")),
		Restart:   key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rerun seed")),
		Rollback:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "roll back")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "select up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "select down")),
		Dec:       key.NewBinding(key.WithKeys("left", "h", "-"), key.WithHelp("←/h/-", "decrease")),
		Inc:       key.NewBinding(key.WithKeys("right", "l", "+"), key.WithHelp("→/l/+", "increase")),
		Reset:     key.NewBinding(key.WithKeys("0"), key.WithHelp("0", "reset")),
		Slower:    key.NewBinding(key.WithKeys("["), key.WithHelp("[", "slower")),
		Faster:    key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "faster")),
		Save:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "checkpoint")),
		Export:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export CSV")),
		View:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "hist/Q-Q/G(z)")),
		Back:      key.NewBinding(key.WithKeys(","), key.WithHelp(",", "prev frame")),
		Forward:   key.NewBinding(key.WithKeys("."), key.WithHelp(".", "next frame")),
		PrevEvent: key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "prev event")),
		NextEvent: key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "next event")),
		Pin:       key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "baseline")),
		Share:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "share")),
		Plot:      key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "figure")),
		Filter:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "events")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Quit:      key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Suspend:   key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		PrevPage:  key.NewBinding(key.WithKeys("left", "pgup"), key.WithHelp("←/pgup", "page back")),
		NextPage:  key.NewBinding(key.WithKeys("right", "pgdown"), key.WithHelp("→/pgdown", "page on")),
		FirstPage: key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first page")),
		LastPage:  key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last page")),
	}
}

// now is the key map with each key's help text as the key acts at this moment:
// space pauses a running run, runs a paused one (a diverged one too, where idle
// holds it back) and goes on past a finished plan; b pins a baseline or, one
// pinned, clears it; on the keys page ? turns to the diagnosis, where there is
// one, or else the glossary, as the next page's title says, and esc closes the
// page, in a replay esc returns to live; f opens the events, and on the ? pages
// lists them by kind ("by kind", "next kind", "all kinds": filter). The footer
// and the keys page both read their texts here, so that the page cannot offer
// "b baseline" beside a footer's "b unpin", nor "? glossary" for pages that
// open on the diagnosis.
func (k keyMap) now() keyMap {
	switch k.state {
	case session.Running:
		k.Pause.SetHelp("space", "pause")
	case session.Done:
		k.Pause.SetHelp("space", "go on")
	default:
		k.Pause.SetHelp("space", "run")
	}
	if k.pinned {
		k.Pin.SetHelp("b", "unpin")
	}
	switch {
	case k.page == pageKeys:
		k.Help.SetHelp("?", "glossary")
		if k.diagnosis { // the next page's title, "Diagnosis and glossary", in a word
			k.Help.SetHelp("?", "diagnosis")
		}
		k.Close.SetHelp("esc", "close")
	case k.page == pageGlossary && k.gpage+1 < k.gpages:
		k.Help.SetHelp("?", "next")
		k.Close.SetHelp("esc", "close")
	case k.page == pageGlossary:
		k.Help.SetHelp("?", "close")
		k.Close.SetHelp("esc", "close")
	case k.replaying:
		k.Close.SetHelp("esc", "live")
	}
	if k.page == pageGlossary { // the events there, which it lists by kind
		k.Filter.SetHelp("f", k.filter)
	}
	if k.quitting {
		k.Quit.SetHelp("q", "quit at once, without "+quitLoses(k.saveWaits))
	}
	return k
}

// ShortHelp is the one-line footer: the keys that matter at this moment,
// short enough for the narrowest layout (minWidth columns). A running run
// offers its pace and pause; a paused or finished one, space to run and
// the single steps, replay once it has keyframes, and "u again" where a
// roll-back can go further back (else v), then b to pin a baseline (or,
// one pinned, to unpin it) and the pace; a diverged one,
// the keys that recover it (u only with a kept state to go back to), then
// those that look back at it (replay, view, csv); the glossary, its
// pages both ways where it has two or more, its way on and out. A key
// that could only say why it cannot act is not offered. In a replay,
// esc to return to live comes first, then the replay's keys and the
// state's first key, and u again where it acts. Wider screens give more keys
// their words, in order of importance, each that fits, the rest named by
// their keys after ? (bar); ? and quit always end the line. A key's words
// are those of now, as on the keys page.
func (k keyMap) ShortHelp() []key.Binding {
	k = k.now()
	short := func(b key.Binding, keys, desc string) key.Binding {
		b.SetHelp(keys, desc)
		return b
	}
	tune := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→", "tune"))
	pace := key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[]", "speed"))
	view := short(k.View, "v", "view")
	help, quit := k.Help, k.Quit
	replay := key.NewBinding(key.WithKeys(",", "."), key.WithHelp(",.", "replay"))
	csv := short(k.Export, "e", "csv")
	rollback := short(k.Rollback, "u", "roll back")
	var keys, more []key.Binding
	switch {
	case k.quitting:
		return []key.Binding{quit}
	case k.page == pageGlossary:
		// ← and → for the pages where there are two or more, then ?'s way on,
		// esc, and f and home/end where they fit: ? is not the only way
		// through, ← goes back a page, and f lists the events by kind where
		// they have two or more.
		turn := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→", "page"))
		ends := key.NewBinding(key.WithKeys("home", "end"), key.WithHelp("home/end", "first/last"))
		keys = []key.Binding{help, k.Close}
		if k.gpages > 1 {
			keys = append([]key.Binding{turn}, keys...)
		} else {
			ends.SetEnabled(false)
		}
		k.Filter.SetEnabled(k.filter != "")
		for _, b := range []key.Binding{k.Filter, ends} {
			if b.Enabled() && footerWidth(append(keys, b, quit)) <= k.width {
				keys = append(keys, b)
			}
		}
		return append(keys, quit)
	case k.state == session.Diverged:
		keys = []key.Binding{rollback, tune, short(k.Reseed, "r", "reseed"), short(k.Restart, "R", "rerun")}
		// Then what looks back at how it went wrong, as room allows: the
		// epochs before the divergence (replay), the samples' other
		// views, the history as CSV: , . and e act on a diverged run
		// too, and v alone would leave 69 of 120 columns unused. And b,
		// where a baseline pinned before can be unpinned (idle leaves it
		// out otherwise), as the keys page offers it.
		more = []key.Binding{replay, view, csv, k.Pin}
	case k.state == session.Running:
		keys = []key.Binding{k.Pause, pace, tune, view, short(k.Reseed, "r", "reseed")}
		more = []key.Binding{short(k.Restart, "R", "rerun"), short(k.Save, "w", "save"), csv}
	default: // paused or done
		keys = []key.Binding{k.Pause, short(k.Step, "n", "step"), replay, tune, view}
		// The pace after the baseline: [ and ] act here too, and set the pace
		// that space runs at, so the bar offers them paused as running.
		// A new seed before the files, so that a finished run's "r reseed"
		// stays on the bar at 120 columns.
		// First u, where it goes further back: a run just rolled back sits
		// where u can take it to the state kept before, as the status says ("u
		// again goes back to 1"), and the bar offers it.
		more = []key.Binding{rollback, k.Pin, pace, short(k.Reseed, "r", "reseed"), short(k.Save, "w", "save"), csv, short(k.Restart, "R", "rerun")}
		if k.rollback {
			// Just rolled back, with an older state kept: "u again",
			// where v view stood, among the keys the bar keeps. Where
			// the status is short of room u's note gives its "u again
			// goes back to epoch …" way first, and "u roll back" among
			// the optional keys gave way too at 80×24, beside "0
			// reset", so that going further back was named nowhere.
			keys[len(keys)-1], more[0] = short(k.Rollback, "u", "again"), view
		}
	}
	// A key that could only refuse (idle) is left out, as the keys page
	// draws it faint: nothing to replay or export at epoch 0, where 120
	// columns would otherwise offer "e csv", no kept state for u to go
	// back to, no other view than the plane's for v, no pin on a diverged
	// run.
	idle := k.idle()
	for _, bs := range [][]key.Binding{keys, more} {
		for i := range bs {
			if idle[bs[i].Keys()[0]] != "" {
				bs[i].SetEnabled(false) // the help leaves a disabled key out
			}
		}
	}
	if k.replaying {
		// In a replay, first the way back to the run as it is now, then
		// the replay's own keys and the state's first (space, u); the
		// rest in their order as room allows. In the usual order the bar
		// would offer no way back but space, which runs the run, and "esc
		// live" beside all the keys it cannot do without would not fit 70
		// columns.
		rest := append(keys[1:len(keys):len(keys)], more...)
		rest = slices.DeleteFunc(rest, func(b key.Binding) bool { return b.Help().Key == replay.Help().Key })
		replay.SetEnabled(idle[replay.Keys()[0]] == "")
		keys, more = []key.Binding{k.Close, replay, keys[0]}, rest
		if k.rollback && k.state != session.Diverged {
			// u again acts in a replay too, the run still where u
			// left it, and follows space as a diverged run's u leads.
			keys = append(keys, short(k.Rollback, "u", "again"))
			more = slices.DeleteFunc(more, func(b key.Binding) bool { return b.Help().Key == "u" })
		}
	}
	sure := 1 // live, the state's first key: space, a diverged run's u
	if k.replaying {
		sure = len(keys)
	}
	keys = append(keys, more...)
	if k.reset {
		// 0 right after ←→ where the picked setting is not at the value
		// the run started with: after u's "0 sets G lr back to 5e-5" the
		// bar offers it, and at 120×40 in a replay, the speed ] from
		// 500/s, beside "[] speed" and "r reseed". Room allowing as ←→
		// is, it gives its words up as they do, and is named after ?
		// where they do not fit.
		if i := slices.IndexFunc(keys, func(b key.Binding) bool { return b.Help().Key == tune.Help().Key }); i >= 0 {
			keys = slices.Insert(keys, i+1, short(k.Reset, "0", "reset"))
		}
	}
	return k.bar(keys, sure, help, quit)
}

// bar is the footer in every state, one rule: keys in their order, the
// first sure of them with their words (live the state's first key, in a
// replay esc, the replay's keys and the state's first), and with them
// "u again" and "b unpin", whose words say what a bare u or b would not;
// the others with their words as room allows, and those that have none
// named by their keys alone as ?'s words, "? b [] r w e R", ? being the
// key that explains them; q quit last. Where the rest does not fit so,
// the keys room allowed give their words up, the last first, each then
// named in its order among the rest: at 80×24 a paused run's "space run ·
// n step · ,. replay · ←→ tune · v view · ? b [] r w e R · q quit", where
// "b baseline" had stood before "? help" and [], r, w, e and R were named
// only on the keys page. Where the rest does not fit even with every such
// key named by its key alone, none of it fits, and ? says "help". A key
// idle now (disabled) is named nowhere.
func (k keyMap) bar(keys []key.Binding, sure int, help, quit key.Binding) []key.Binding {
	keeps := func(i int) bool {
		h := keys[i].Help()
		return i < sure || h.Key == "u" || h.Desc == "unpin"
	}
	sep := lipgloss.Width(footerSep)
	used := footerWidth([]key.Binding{help, quit})
	for i, b := range keys {
		if keeps(i) && b.Enabled() {
			used += sep + footerWidth([]key.Binding{b})
		}
	}
	var worded []int // the keys given their words, by index, in order
	for i, b := range keys {
		// A key that does not fit gives way to a shorter one after it: at
		// 80×24 a finished run's "b baseline" leaves room for "[] speed",
		// which a bar ending at the first key that does not fit would
		// leave out.
		if keeps(i) {
			worded = append(worded, i)
		} else if w := sep + footerWidth([]key.Binding{b}); b.Enabled() && used+w <= k.width {
			used += w
			worded = append(worded, i)
		}
	}
	try := func(worded []int, said bool) ([]key.Binding, bool) {
		var bar, names []key.Binding
		for i, b := range keys {
			switch {
			case slices.Contains(worded, i):
				bar = append(bar, b)
			case b.Enabled() && !slices.ContainsFunc(names, func(n key.Binding) bool { return n.Help().Key == b.Help().Key }):
				names = append(names, b)
			}
		}
		named := help
		if said && len(names) > 0 {
			var ks []string
			for _, n := range names {
				ks = append(ks, n.Help().Key)
			}
			named.SetHelp(help.Help().Key, strings.Join(ks, " "))
		}
		bar = append(bar, named, quit)
		return bar, footerWidth(bar) <= k.width
	}
	for n := len(worded); n >= 0; n-- { // the rest whole, as many words kept as let it
		if n < len(worded) && keeps(worded[n]) {
			continue // a key sure of its words keeps them
		}
		cut := slices.Clone(worded[:n])
		for _, i := range worded[n:] {
			if keeps(i) {
				cut = append(cut, i)
			}
		}
		if bar, ok := try(cut, true); ok {
			return bar
		}
	}
	bar, _ := try(worded, false)
	return bar
}

// footerSep separates the footer's keys (help.Model.ShortSeparator).
const footerSep = " · "

// footerWidth is the cells bindings take in the footer, as bubbles/help
// draws them: "key desc", separated by footerSep; disabled ones are left out.
func footerWidth(bs []key.Binding) int {
	w, n := 0, 0
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		w += lipgloss.Width(h.Key) + 1 + lipgloss.Width(h.Desc)
		n++
	}
	return w + max(n-1, 0)*lipgloss.Width(footerSep)
}

// idle is the keys that cannot act at this moment, by their first key, each
// with why in a word or two: the footer leaves them out and the keys page
// (keysPage) draws them faint, both reading the state here. Space, the single
// steps, w's checkpoint and b's pin are refused on a diverged run, the status
// saying why and what goes on (u, r, R): a NaN or runaway state is nothing to
// resume or compare with, so the page does not offer w or b there; the single steps and replay on a running
// run, the status saying to pause first, so that the page does not draw "n one
// epoch" as if it acted while the run runs; export has nothing before an epoch
// trains, from the start or a resume, and replay nothing before the first
// check keeps a frame, which at epoch 0 is for want of an epoch, and < and >
// nothing on a run with frames but no event to go to; u has nothing
// to undo on a run that has not diverged, nor on one that has without a kept
// state; 0 nothing to put back where the setting picked is as the run
// started; v has no other view to turn to on a 2-D target, where it only says
// so; ctrl+z, for the whole run, where no shell's job control could bring the
// trainer back (noSuspendWhy). Read from the state, the keys page does not say
// "epoch 0" of replay at epoch 2, a run's first check still to come, nor draw v
// on a plane as if it acted, as "(1-D views)".
func (k keyMap) idle() map[string]string {
	idle := map[string]string{}
	if k.state == session.Diverged {
		// Why, as what brings them back: the key that takes the run on,
		// as the status names it. "diverged" said why they rest, which
		// the header says too, and named no key to press.
		why := idleAfterR
		switch {
		case k.unreached: // as the status says: no key in this run mends it
			why = idleRescale
		case k.rollback:
			why = idleAfterU
		}
		// w too: a diverged run's checkpoint would not resume, and w says
		// so, "not saved: the run has diverged, …; u rolls back to epoch
		// 1,709 first", where the page had drawn "w checkpoint" as if it
		// saved one.
		for _, b := range []key.Binding{k.Pause, k.Step, k.StepD, k.StepG, k.Save} {
			idle[b.Keys()[0]] = why
		}
		if !k.pinned { // unpinning acts
			idle[k.Pin.Keys()[0]] = why
		}
	}
	if !k.frames {
		// Each key its own reason, as the key itself says it: at epoch 0 no
		// epoch has trained, so none has been kept; past it, a resume before
		// the first keyframe, there is no frame, so that the page does not say
		// "no epoch" beside "epoch 30", where , says "keyframes are kept every
		// 100 epochs".
		why := idleNoFrame
		if !k.trained {
			why = idleNoEpoch
		}
		for _, b := range []key.Binding{k.Back, k.Forward, k.PrevEvent, k.NextEvent} {
			idle[b.Keys()[0]] = why
		}
	} else if k.noEvents {
		for _, b := range []key.Binding{k.PrevEvent, k.NextEvent} {
			idle[b.Keys()[0]] = idleNoEvent
		}
	}
	if k.state == session.Running {
		// The single steps and replay act on a paused run: running, each
		// says "works while paused: press space to pause first". Their
		// reason names space, the key that brings them, as a diverged run's
		// names u; it is said of replay before "no frame", which a pause
		// would leave standing, as , says the pause first too.
		for _, b := range []key.Binding{k.Step, k.StepD, k.StepG, k.Back, k.Forward, k.PrevEvent, k.NextEvent} {
			idle[b.Keys()[0]] = idleAfterSpace
		}
	}
	if !k.export {
		// Past epoch 0 with nothing to export, the run has resumed and
		// trained nothing since, as e says, where "no epoch" would stand
		// beside a header at epoch 606.
		why := idleNoEpoch
		if k.trained {
			why = idleNoNewEpoch
		}
		idle[k.Export.Keys()[0]] = why
	}
	if !k.rollback {
		// Why as u says it: a run that has not diverged has nothing for it to
		// undo, kept states or not, so the page says of a healthy run what u
		// says, "this run has not diverged", not "nothing kept".
		why := idleNotDiverged
		if k.state == session.Diverged {
			why = idleNoState
		}
		idle[k.Rollback.Keys()[0]] = why
	}
	if !k.reset {
		// The setting picked is at the value the run started with, which
		// 0 would put back: 0 says so and changes nothing, "D lr is 5e-4
		// already, the design's", and the footer leaves it out, where the
		// page had drawn "0 reset" as if it acted.
		idle[k.Reset.Keys()[0]] = idleNotTuned
	}
	if k.plane {
		idle[k.View.Keys()[0]] = idlePlane
	}
	if k.noSuspend != "" {
		idle[k.Suspend.Keys()[0]] = idleNoJobControl
	}
	return idle
}

// Why a key is idle, as the keys page says it.
const (
	idleAfterSpace   = "after space"    // running: they act once space pauses the run
	idleAfterU       = "after u"        // diverged: they act once u rolls the run back
	idleAfterR       = "after r or R"   // diverged with no kept state: they act once r or R starts the run again
	idleRescale      = "rescale"        // diverged out of G's reach: after u, r or R it runs away again; a run on rescaled data goes on (session's unreachedNote)
	idleNoEpoch      = "no epoch"       // none trained yet since the start: nothing to export or replay
	idleNoNewEpoch   = "no new epoch"   // none trained since the resume: nothing to export
	idleNoFrame      = "no frame"       // epochs trained, but no keyframe kept yet: before the first check, or resumed before it
	idleNoEvent      = "no event"       // keyframes to replay, but no event for < and > to go to
	idleNoState      = "nothing kept"   // diverged, with no kept state for u to go back to
	idleNotDiverged  = "not diverged"   // u has nothing to undo
	idleNotTuned     = "not tuned"      // the setting picked is where the run started: 0 has nothing to put back
	idlePlane        = "2-D target"     // the plane is the samples panel's only view; v's words say so, not the note (keysPage)
	idleNoJobControl = "no job control" // no shell's job control to bring a suspended trainer back (noSuspendWhy); ctrl+z's words say so, not the note
)

// saidByTheKey reports whether the keys page's words for the key idle for r
// say why themselves (FullHelp), so that the note under the last column does
// not say it again: v on a plane, "1-D views", and ctrl+z without job
// control, "can't suspend", both for the whole run.
func saidByTheKey(r string) bool { return r == idlePlane || r == idleNoJobControl }

// idleReasons is every reason idle gives, in the order the keys page names
// them: the one list keysPage draws them from, so that a reason added here
// is drawn, and one idle gives but left out of here is caught
// (TestKeysPageDrawsEveryIdleReason) rather than its keys left faint with no
// word of why. No frame before no epoch: named, the replay's keys begin
// with a comma, which after another reason's would read "e: no epoch, ,
// . < >: no frame" on a run resumed before its first keyframe.
var idleReasons = []string{idleAfterSpace, idleAfterU, idleAfterR, idleRescale, idleNoFrame, idleNoEvent, idleNoEpoch, idleNoNewEpoch, idleNoState, idleNotDiverged, idleNotTuned, idleNoJobControl, idlePlane}

// FullHelp is what ? shows: every key the trainer answers to, one column per
// group — stepping and undoing, tuning and comparing, looking back, files and
// the pages — in the words of now (space, b, ? and esc as they act at this
// moment), narrow enough for the narrowest layout (minWidth columns). It names
// p, esc and ctrl+z too (without job control, "can't suspend", faint), b as it
// acts with a baseline pinned, and on a 2-D
// target v as "1-D views": "hist/Q-Q" would name views the plane does not have,
// and "samples view" would need "2-D target" in the note under the last column
// to say why it is faint (keysPage). "1-D views" says so itself, as short as
// "slower/faster" so that 70 columns keep all four columns.
func (k keyMap) FullHelp() [][]key.Binding {
	k = k.now()
	k.Pause.SetHelp("space/p", k.Pause.Help().Desc)
	speed := key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "slower/faster"))
	// d and g on one row, as [ and ]: the four columns fill the 7 rows the
	// first column takes at 70 columns, and f has the row, beside < and >.
	dg := key.NewBinding(key.WithKeys("d", "g"), key.WithHelp("d/g", "one D/G step"))
	switch {
	case k.plane: // faint, and its words say why: the views it turns are a 1-D run's
		k.View.SetHelp("v", "1-D views")
	case k.noGZ:
		k.View.SetHelp("v", "hist/Q-Q")
	}
	if k.noSuspend != "" { // faint, and its words say why, as wide as "slower/faster"
		k.Suspend.SetHelp("ctrl+z", "can't suspend")
	}
	// ↑ and ↓ on one row, as the Settings panel's "↑↓ pick", so that 0
	// has a row under ← and →, whose presses it undoes in one, and the
	// columns stay 7 rows high, the last leaving its two to the note.
	pick := key.NewBinding(key.WithKeys(slices.Concat(k.Up.Keys(), k.Down.Keys())...), key.WithHelp("↑↓/k/j", "select"))
	return [][]key.Binding{
		{k.Pause, k.Step, dg, k.View, speed, k.Rollback, k.Suspend},
		{pick, k.Dec, k.Inc, k.Reset, k.Reseed, k.Restart, k.Pin},
		{k.Back, k.Forward, k.PrevEvent, k.NextEvent, k.Filter, k.Share, k.Plot},
		{k.Save, k.Export, k.Help, k.Close, k.Quit},
	}
}
