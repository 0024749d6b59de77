package tui

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/textwrap"
	"github.com/ganui/ganui/session"
)

// The smallest terminal the layout fits; below it the screen says so.
const (
	minWidth  = 70
	minHeight = 20
)

// sideW is the width of the quality and settings column, and sideRows the
// lines it needs without its spacer.
const (
	sideW    = 28
	sideRows = 10
)

// gap separates panels side by side.
const gap = "  "

// layout is where everything goes at the current size.
type layout struct {
	ok             bool // the terminal is big enough
	w, h           int
	statusH, helpH int // the message area (status and diagnosis) and the key bar
	topH, bottomH  int // the chart band and the histogram band
	leftW, rightW  int // losses and moments
	histW          int
	// momBeside: the moments panel stands in the samples band, right of
	// the plane (planeW wide, the plot and its notes) and momH high, the
	// losses alone across the chart band (momentsBeside).
	momBeside bool
	planeW    int
	momH      int
	// keysTight: the keys page says why keys are faint in the rows its
	// columns leave, where a row of its own would cut the design above
	// (keyBar).
	keysTight bool
}

// msgRows is the height of the message area under the panels: the status
// line and the diagnosis, three lines at 80×24, five at 120×40. It does
// not change while findings come and go, so the panels never jump.
func msgRows(h int) int { return min(6, 3+max(0, h-24)/6) }

func (m *Model) layout() layout {
	l := layout{w: m.width, h: m.height}
	if l.w < minWidth || l.h < minHeight {
		return l
	}
	l.ok = true
	l.helpH = lipgloss.Height(m.keyBar(false))
	l.statusH = msgRows(l.h)
	if m.keys.page == pageKeys {
		// A row under the key table for why keys are faint is a row the
		// design above loses: at 80×24 paused mid-run, vanilla's source.
		// Where the design would be cut, the reasons go in the rows the
		// table's last column leaves, where a form of them fits there.
		if body := l.h - 1 - l.statusH - l.helpH; m.designRows(l.w-len(gap)-sideW) > body {
			if tight := lipgloss.Height(m.keyBar(true)); tight < l.helpH {
				l.helpH, l.keysTight = tight, true
			}
		}
	}
	body := l.h - 1 - l.statusH - l.helpH
	l.topH = max(2+minChartRows, min((body*2+4)/5, body-sideRows)) // two lines of legend over each chart
	l.bottomH = body - l.topH
	l.leftW = (l.w - len(gap)) / 2
	l.rightW = l.w - len(gap) - l.leftW
	l.histW = l.w - len(gap) - sideW
	l.planeW, l.momH = l.histW, l.topH
	if p := m.snap.Target.Plane; p != nil {
		ys := scale{p.Box.Y0, p.Box.Y1}
		l.momentsBeside(planeWidth(ys, l.histW, l.bottomH-2))
		l.tallerPlane(ys, body)
	}
	return l
}

// tallerPlane gives the samples band of a 2-D run whose moments chart stands
// beside the plane (momentsBeside) two thirds of the body's rows, where the
// moments chart still fits beside the plane they make wider: the losses chart,
// alone across the screen there, reads in fewer rows, and at a third of them
// the square plot would be 23 rows high at 200×50 under a losses band 17 rows
// high and 200 columns wide.
func (l *layout) tallerPlane(ys scale, body int) {
	taller := *l
	taller.topH = max(2+minChartRows, body/3)
	if !l.momBeside || taller.topH >= l.topH {
		return
	}
	taller.bottomH, taller.momBeside = body-taller.topH, false
	taller.momentsBeside(planeWidth(ys, l.histW, taller.bottomH-2))
	if taller.momBeside {
		*l = taller
	}
}

// momentsBeside moves the moments panel of a 2-D run beside the plane,
// whose plot is plot cells wide, where the samples band has room for it
// there, the plane's notes as wide as the side column and the chart as
// wide as at 80×24 (minMomW). The plot is square, each axis at one scale
// (planeSize), so that it is as wide as the band is high: at 200×50 the
// plot takes 51 of the band's 170 columns and its notes 27, and without
// the moments beside them 90 would stand blank.
func (l *layout) momentsBeside(plot int) {
	planeW := plot + len(gap) + sideW
	if plot == 0 || l.histW-planeW-len(gap) < minMomW {
		return
	}
	l.momBeside, l.planeW, l.momH = true, planeW, l.bottomH
	l.leftW, l.rightW = l.w, l.histW-planeW-len(gap)
}

// minMomW is the least width of the moments panel beside the plane:
// its width at 80×24, where its legend's two lines fit.
const minMomW = 39

// View draws the whole screen. The non-breaking spaces that keep words
// together where lines wrap (numtext.Together: "ln 2", "u: not diverged",
// a formula) have done their work once the lines are laid out, and the
// terminal gets plain ones, so that text copied from the screen pastes
// as it reads: a command copied with them would be one word to a shell.
func (m Model) View() string { return numtext.Plain(m.frame()) }

// frame lays out the whole screen.
func (m Model) frame() string {
	if m.width == 0 {
		return ""
	}
	l := m.layout()
	if !l.ok || !m.ready {
		// No run to show: the screen's message, and under it the
		// answer to the last key or, while q waits for the epoch in
		// training, that it does, as the run's status line would say.
		note := m.flash
		if m.quitting && note == "" {
			note = m.quittingStatus()
		}
		if !l.ok {
			return tooSmall(m.width, m.height, note)
		}
		words := textwrap.Wrap(m.starting(), m.width) // a wide design's numbers take room
		return withNote(m.width, m.height, styleMuted.Render(strings.Join(words, "\n")), len(words), note)
	}
	if m.keys.page == pageGlossary { // the glossary in place of everything
		keys := m.keys
		var page string
		page, keys.gpage, keys.gpages = m.glossaryView(l.w, l.h-2)
		keys.filter = m.filterWords()
		footer := m.help.View(keys)
		switch {
		case m.quitting: // the status's words, which name q again
			note := m.flash
			if note == "" {
				note = m.quittingStatus()
			}
			footer = fit(styleWarn.Render(note), l.w)
		case m.flash != "": // a key not taken here, with the keys that are
			page, footer = m.glossaryFoot(page, keys, l.w)
		}
		return strings.Join([]string{m.header(l.w), page, footer}, "\n")
	}
	var body string
	spare := 0                   // the rows the keys page's design and controls leave blank at their foot
	if m.keys.page == pageKeys { // the design in place of the charts, the controls beside it
		h := l.topH + l.bottomH
		rows := strings.Split(hjoin(m.designPanel(l.histW, h), m.sidePanel(sideW, h)), "\n")
		// The rows both leave blank at their foot, but one to part them
		// from the diagnosis, go to the diagnosis, which fills them with
		// the run's glossary (explained), and what it still leaves blank
		// goes under the keys: at 120×40 vanilla's design had stood over 17
		// blank rows, the diagnosis and the keys at the screen's foot.
		spare = max(0, blankTail(rows)-1)
		body = strings.Join(rows[:len(rows)-spare], "\n")
	} else {
		top := hjoin(m.lossesPanel(l.leftW, l.topH), m.momentsPanel(l.rightW, l.momH))
		samples := m.histPanel(l.histW, l.bottomH)
		switch {
		case l.momBeside:
			top = m.lossesPanel(l.leftW, l.topH)
			samples = hjoin(m.planePanel(l.planeW, l.bottomH), m.momentsPanel(l.rightW, l.momH))
		case m.snap.Target.Plane != nil:
			samples = m.planePanel(l.histW, l.bottomH)
		}
		bottom := hjoin(samples, m.sidePanel(sideW, l.bottomH))
		body = top + "\n" + bottom
	}
	rows := strings.Split(block(m.msgLines(l.w, l.statusH+spare), l.w, l.statusH+spare), "\n")
	tail := min(spare, blankTail(rows)) // the rows the diagnosis leaves of the design's, under the keys
	status := strings.Join(rows[:len(rows)-tail], "\n")
	return strings.Join(append([]string{m.header(l.w), body, status, m.keyBar(l.keysTight)}, rows[len(rows)-tail:]...), "\n")
}

// blankTail is how many of rows, at their end, are blank.
func blankTail(rows []string) int {
	n := 0
	for n < len(rows) && strings.TrimSpace(ansi.Strip(rows[len(rows)-1-n])) == "" {
		n++
	}
	return n
}

// glossaryFoot sets the ? pages' note (flash), the answer to the key just
// pressed, at the foot of page, w columns wide, and gives the page and the
// footer, whose keys it never cuts: the note goes before the keys where it
// fits beside those the footer never drops (←→, ?, esc, q), else on a row of
// its own above the footer, the page's last row where the page leaves it
// blank, else its heading's, the page moved up a row under the header, so
// that the page keeps every line of its own; cut with … only where it is
// wider than the screen. Before the keys, "pasted text (11 characters) is
// not taken as keys: type them" had cut the footer at 80 columns to "? next
// …", esc and q gone.
func (m Model) glossaryFoot(page string, keys keyMap, w int) (string, string) {
	beside := keys
	beside.width = w - lipgloss.Width(m.flash+footerSep) // the keys that fit after it
	if foot := styleCaution.Render(m.flash) + styleMuted.Render(footerSep) + m.help.View(beside); lipgloss.Width(foot) <= w {
		return page, fit(foot, w)
	}
	rows := strings.Split(page, "\n")
	if strings.TrimSpace(ansi.Strip(rows[len(rows)-1])) != "" {
		rows = append(rows[1:], "") // the heading gives way
	}
	rows[len(rows)-1] = fit(styleCaution.Render(m.flash), w)
	return strings.Join(rows, "\n"), m.help.View(keys)
}

// keyBar is the foot of the screen: the footer's keys, or on the keys page
// (?) every key (keysPage), tight where the design above has no row to
// spare. While q waits, the footer's one key, q, with
// what q again loses, on the keys page too: its columns offered keys not
// taken while quitting, and at 80×24 had no room for the last, q's among
// them, "q quit at once, without the final line" too wide for it.
func (m Model) keyBar(tight bool) string {
	if m.keys.page == pageKeys && !m.quitting {
		k := m.keys
		k.kind = m.eventKind(m.snap.Events)
		return keysPageIn(k, m.width, tight)
	}
	k, h := m.keys, m.help
	k.saveWaits, h.ShowAll = m.quitting && m.saveWaits(), false
	return h.View(k)
}

// quitLoses is what q again loses while q waits, in the footer's and a
// refused key's words: the final line, and the checkpoint w asked for
// where one waits to be written (saveWaits), as the status says.
func quitLoses(saveWaits bool) string {
	if saveWaits {
		return "the checkpoint or the final line"
	}
	return "the final line"
}

// saveWaits reports whether a checkpoint w asked for waits to be written
// (Session.SavePending), which a quit at once loses.
func (m Model) saveWaits() bool { return m.s != nil && m.s.SavePending() }

// keysPage is every key, in columns as FullHelp groups them and in the
// words of now, w columns at most: a key that cannot act at this moment
// (keyMap.idle), which the footer leaves out, keeps its words but is drawn
// faint (in palette.Idle's grey, fainter than the words beside it but
// read at 3:1, not the axes' 2:1; without colour, idleMark between key
// and words), and a note under the last column says why, or a row under
// the columns where the rows beside the first column cannot name the keys
// each reason is for.
// No key is offered as if it acted: "u roll back" and ", prev frame" at
// epoch 0 keep their words, drawn faint, since words such as "(none yet)"
// in their place would leave a newcomer's first page saying nothing of
// what they do. < and > name the kind of event they go to, where f has
// chosen one (eventForms).
func keysPage(k keyMap, w int) string { return keysPageIn(k, w, false) }

// keysPageIn is keysPage, tight where the screen has no row to spare
// under the columns: the reasons keys are faint, where their sentence
// does not fit the rows the last column leaves, take a form that does,
// before a row of their own.
func keysPageIn(k keyMap, w int, tight bool) string {
	idle := k.idle()
	// drawn is b as the page draws it: its key and words, each faint where
	// it is idle.
	drawn := func(b key.Binding) (string, string) {
		h, ks, ds, sep := b.Help(), styleText, styleMuted, " "
		if idle[b.Keys()[0]] != "" {
			ks, ds = styleIdle, styleIdle
			if noColour() {
				sep = idleMark
			}
		}
		return ks.Render(h.Key), sep + ds.Render(h.Desc)
	}
	var cols []string
	var form eventForm
	used := 0
	for _, form = range eventForms(k.FullHelp(), k.kind) { // the first with which every column fits, else the last
		cols, used = nil, 0
		for _, group := range form.groups {
			var keys, descs []string
			for _, b := range group {
				if b.Enabled() {
					kt, dt := drawn(b)
					keys, descs = append(keys, kt), append(descs, dt)
				}
			}
			col := lipgloss.JoinHorizontal(lipgloss.Top, strings.Join(keys, "\n"), strings.Join(descs, "\n"))
			if len(cols) > 0 {
				col = lipgloss.JoinHorizontal(lipgloss.Top, "  ", col)
			}
			if used+lipgloss.Width(col) > w {
				break
			}
			used += lipgloss.Width(col)
			cols = append(cols, col)
		}
		if len(cols) == len(form.groups) {
			break
		}
	}
	// The reasons that come and go in a run, for the faint keys that have
	// them: v on a plane, faint for good, says why in its own words ("1-D
	// views", FullHelp), as ctrl+z without job control does ("can't
	// suspend"; saidByTheKey). Named here too, "2-D target" would make the note
	// three rows at epoch 0 at 80×24, one more than the first column leaves
	// free, and a note of its own where v is the only faint key.
	var why, named, forKeys []string // forKeys[i], "u:", the keys why[i] is for
	var said []string                // each reason in the sentence's words, "u (not diverged)"
	var below string                 // the reasons on a row of their own, under the columns
	for _, r := range idleReasons {
		if !saidByTheKey(r) && slices.Contains(slices.Collect(maps.Values(idle)), r) {
			// Each reason whole on its line, its spaces no-break ones until
			// drawn (wrap breaks at spaces only), so that at 70 columns "not
			// diverged" is not split over two. Named after the keys it is for
			// too ("u: not diverged"), for where that fits.
			var keys []string
			for _, group := range k.FullHelp() {
				for _, b := range group {
					if b.Enabled() && idle[b.Keys()[0]] == r {
						keys = append(keys, b.Help().Key)
					}
				}
			}
			why = append(why, strings.ReplaceAll(r, " ", "\u00a0"))
			said = append(said, strings.ReplaceAll(strings.Join(keys, " ")+" ("+r+")", " ", "\u00a0"))
			named = append(named, strings.ReplaceAll(strings.Join(keys, " ")+": "+r, " ", "\u00a0"))
			forKeys = append(forKeys, strings.ReplaceAll(strings.Join(keys, " ")+":", " ", "\u00a0"))
		}
	}
	if len(why) > 0 && len(cols) > 0 {
		// Under the last column, in the rows the first leaves free, so that
		// the design above keeps its lines: the legend over the reasons where
		// they fit there, else the reasons alone, marked as the keys are
		// (faint, or after idleMark). At 70×20 the last column has 14 cells:
		// cut to them, the legend would read "faint: not now", and at epoch 0
		// the reasons would take a row more than the first column leaves.
		last := &cols[len(cols)-1]
		lw := max(w-used+lipgloss.Width(*last)-2, 1)
		free := lipgloss.Height(cols[0]) - lipgloss.Height(*last)
		reasons := strings.Join(why, ", ")
		keyed := strings.Join(named, ", ")
		legend, short, bare := "faint: not now —", reasons, keyed
		if noColour() {
			legend, short, bare = idleMark+": not now —", idleMark+" "+reasons, idleMark+" "+keyed
		}
		// Each reason after its keys on a line of its own, the two never
		// parted: where they are too wide for the column (at 70×20 mid-run
		// "u: not diverged" in 12 cells) the forms below that take these
		// lines do not fit, and the note goes on a row under the columns,
		// so that "not diverged" neither stands alone beside "c share",
		// where it would read as the run's state, nor under a "u:" whose
		// line it had left.
		var underKeys []string
		for i, r := range why {
			underKeys = append(underKeys, forKeys[i]+" "+r)
		}
		marked := underKeys // the reasons under their keys, marked as the keys are
		if noColour() {
			marked = append([]string{idleMark + " " + underKeys[0]}, underKeys[1:]...)
		}
		// The first of these that fits: the legend over each reason after the
		// keys it is for, or under them, in the rows the first column leaves,
		// else in a row more (more); those reasons without the legend, drawn
		// faint as their keys are, in those rows; each under its keys; the
		// legend over the reasons alone. The legend and the keys go with each
		// reason where there is room, because without them a reason says
		// less: "not diverged" alone under "faint: not now —" reads as a
		// caption, not as why u roll back is faint; "faint: not now — / no
		// epoch, not diverged" names no key; and ", . < > e: no epoch, / u:
		// not diverged" or a diverged run's "space/p n d/g b: / after r or
		// R" names the keys without the legend, the only words that say
		// what faint means.
		//
		// A row more for the legend, but not on the narrowest screen, whose
		// rows the design above needs most: there the reasons after their
		// keys say enough, the legend in colour too wide for the column
		// anyway, and without colour mid-run "×: not now — / u: / not
		// diverged" would take a row for it.
		more := free + 1
		if w <= minWidth {
			more = free
		}
		// First the faint keys and why in one sentence, "faint keys do
		// nothing now: u (not diverged)", wrapped in the column where it
		// fits the rows the first column leaves, else on a row under the
		// columns: "faint: not now —" over "u: not diverged" had read as a
		// caption and a label, not as one thought.
		sentence := "faint keys do nothing now: " + strings.Join(said, ", ")
		if noColour() {
			sentence = idleMark + " keys do nothing now: " + strings.Join(said, ", ")
		}
		type form struct {
			lines []string
			rows  int
		}
		forms := []form{
			{append([]string{legend}, wrapIndent(keyed, lw)...), free},
			{append([]string{legend}, underKeys...), free},
			{append([]string{legend}, wrapIndent(keyed, lw)...), more},
			{append([]string{legend}, underKeys...), more},
			{wrapIndent(bare, lw), free},
			{marked, free},
			{append([]string{legend}, wrapIndent(reasons, lw)...), free},
		}
		pick := func(forms []form) []string {
			for _, c := range forms {
				if len(c.lines) <= c.rows && fits(c.lines, lw) {
					return c.lines
				}
			}
			return nil
		}
		var lines []string
		if l := textwrap.Wrap(sentence, lw); len(l) <= free && fits(l, lw) {
			lines = l
		} else if tight {
			// Tight, a form in the rows the last column leaves first:
			// at 80×24 paused mid-run "u: not diverged, / 0: not tuned"
			// under "q quit", where the sentence on a row of its own
			// took the row of vanilla's source.
			lines = pick(slices.DeleteFunc(slices.Clone(forms), func(c form) bool { return c.rows > free }))
		}
		if lines == nil && fits([]string{sentence}, w) {
			below = styleIdle.Render(numtext.Plain(sentence))
		}
		if lines == nil && below == "" {
			lines = pick(forms)
		}
		switch {
		case lines != nil || below != "": // one of them fits
		case fits([]string{keyed}, w) && free > 0 && fits([]string{legend}, lw):
			// Else the legend in the column, and each reason after its
			// keys on one row under the columns, a row more: three
			// reasons at 80 columns.
			lines = []string{legend}
			below = styleIdle.Render(numtext.Plain(keyed))
		case fits([]string{bare}, w):
			// Else each reason after its keys on one row under the
			// columns, a row more: at 70×20 at epoch 0 the note alone
			// would read "no epoch, / not diverged", naming no key.
			below = styleIdle.Render(numtext.Plain(bare))
		case fits(wrapIndent(short, lw), lw):
			lines = wrapIndent(short, lw)
		default:
			// Else each reason after its keys on rows under the columns,
			// wrapped at the screen's width: in the column, four reasons
			// of a diverged run resumed, "after r or R", "no frame", "no
			// new epoch" and "nothing kept", each whole on its line under
			// the indent, had run a column past the screen at 70.
			below = styleIdle.Render(numtext.Plain(strings.Join(wrapIndent(bare, w), "\n")))
		}
		for i, l := range lines {
			lines[i] = styleIdle.Render(strings.ReplaceAll(l, "\u00a0", " "))
		}
		if len(lines) > 0 {
			*last = lipgloss.JoinVertical(lipgloss.Left, *last, lipgloss.NewStyle().PaddingLeft(2).Render(strings.Join(lines, "\n")))
		}
	}
	page := lipgloss.JoinHorizontal(lipgloss.Top, cols...)
	if form.row != nil { // < and > under the columns, which have no room for their kind
		kt, dt := drawn(*form.row)
		page = lipgloss.JoinVertical(lipgloss.Left, page, kt+dt)
	}
	if below != "" {
		// Under the columns' right end; a row wider than they are starts
		// where they do, which, joined at the right, would push every
		// column in: a running run's "faint keys do nothing now: n d/g , .
		// < > (after space), u (not diverged)" at 80 columns.
		side := lipgloss.Right
		if lipgloss.Width(below) > lipgloss.Width(page) {
			side = lipgloss.Left
		}
		page = lipgloss.JoinVertical(side, page, below)
	}
	return page
}

// eventForm is a way the keys page can draw its groups: row, where not
// nil, is drawn on a row of its own under the columns.
type eventForm struct {
	groups [][]key.Binding
	row    *key.Binding
}

// eventForms is the ways the keys page can name < and >, the first with
// which every column fits taken (keysPage): with a kind chosen (f, kind),
// as they go to its events alone, on one row, "< > prev/next d-wins" (120
// columns); "< > prev/next" over the kind (80 columns, the longest kind
// too); and at 70 columns, where the columns have no cell to spare, the
// same words on a row under the columns, the two keys out of their column.
// With every kind, the groups as they are, "< prev event" and "> next
// event", which with a kind chosen would read as if they went to every
// event.
func eventForms(groups [][]key.Binding, kind string) []eventForm {
	if kind == "" {
		return []eventForm{{groups: groups}}
	}
	both := key.NewBinding(key.WithKeys("<", ">"), key.WithHelp("< >", "prev/next "+kind))
	words := both
	words.SetHelp("< >", "prev/next")
	under := key.NewBinding(key.WithKeys("<"), key.WithHelp("", kind)) // idle as < is
	// with is groups, < and > in place of the first of them, or left out.
	with := func(bs ...key.Binding) [][]key.Binding {
		out := make([][]key.Binding, len(groups))
		for i, g := range groups {
			for _, b := range g {
				switch b.Keys()[0] {
				case "<":
					out[i] = append(out[i], bs...)
				case ">":
				default:
					out[i] = append(out[i], b)
				}
			}
		}
		return out
	}
	return []eventForm{{groups: with(both)}, {groups: with(words, under)}, {groups: with(), row: &both}}
}

// idleMark marks, without colour, a key the keys page would draw faint,
// in the place of the space between the key and its words: brackets
// around the words ("(prev frame)") would widen their column by two, and
// at 70 columns leave the last (w, e, ?, esc, q) out at epoch 0.
const idleMark = "×"

// designRows is the rows the design panel, w wide, takes whole: its title
// and each line of the design wrapped as designPanel wraps it.
func (m Model) designRows(w int) int {
	n := 1
	for _, l := range m.snap.Design {
		n += len(wrapIndent(l, w))
	}
	return n
}

// designPanel takes the charts' place while the full help is open: the
// design being trained, as ganui --list-presets describes it, with the
// settings as they are now.
func (m Model) designPanel(w, h int) string {
	// esc before ?, which the key table below names too: pack keeps, in
	// order, each item that still fits, so that beside a long preset's
	// name esc is kept where ? may be left out.
	// What ? opens in the key table's words (keyMap.now).
	next := m.keys.now().Help.Help()
	// In a replay the design is the live run's, its learning rates and
	// steps as ←→ have them now, not those the frame trained with: the
	// title says so, as the Settings panel's beside it does. Untitled,
	// vanilla's "D adam lr 1e-3", raised at 5,600, would pass for that of
	// the frame of epoch 4,900.
	// So too where a learning rate or steps differ from the design's own
	// (Snapshot.DesignSettings), tuned with ←→ or given by --set: 0 calls
	// blog-original's 1e-3 "the design's", which an untitled "D adam lr
	// 2e-3" here after → would contradict.
	title := "Design"
	if m.snap.Replay != nil || tunedOff(&m.snap) {
		title = "Design now"
	}
	lines := []string{pack(" · ", []string{styleTitle.Render(title) + " " + m.snap.Preset, styleMuted.Render("esc closes"), styleMuted.Render(next.Key + " " + next.Desc)}, w)}
	// Each line wrapped at spaces ("1-Lipschitz" and a file name stay
	// whole), what it carries over indented, so that "one sample per
	// noise draw", the end of G's line, does not stand at the edge as a
	// line of its own.
	wrapped := func(design []string) []string {
		var out []string
		for _, l := range design {
			out = append(out, wrapIndent(l, w)...)
		}
		return out
	}
	design := wrapped(m.snap.Design)
	if len(lines)+len(design) > h && len(m.snap.Design) > 1 {
		// The source gives way first (Design[1]), before the block is cut at
		// the panel's foot: cut there, at 80×24 wgan-gp would lose its
		// optimizers and steps mid-line, bimodal-pacgan-ema the moving average
		// it is seen through.
		summary, outline := wrapped(m.snap.Design[:1]), wrapped(m.snap.Design[2:])
		if len(lines)+len(summary)+len(outline) > h && len(lines)+len(outline) <= h {
			// Then the summary (Design[0]), where that lets the outline
			// stand whole: the outline says the design line by line, and
			// the remedies on the next page explain it. Kept, the summary
			// would cut the outline's last lines at 80×24: the optimizers
			// and steps of minibatch-discrimination and bimodal-mbd,
			// wgan's critic warm-up. Where the outline is cut anyway
			// (70×20), the summary, the plainest line, stays.
			summary = nil
		}
		// The rows the others leave take the source, which the outline
		// does not say, cut (cutSource): left empty, running at 80×24,
		// minibatch-discrimination would show a blank row above the
		// status with neither its summary nor its source, and
		// grid-wgan-gp one under its outline without its source.
		source := cutSource(m.snap.Design[1], w, h-len(lines)-len(summary)-len(outline))
		design = slices.Concat(summary, source, outline)
	}
	hint := func() string {
		// The command whole, as the user started ganui (command.Line), or
		// where that is wider than the panel the flag alone: cut, a long
		// path's "… the whole design: /opt/tools/bin/ganui --li…" would
		// name no flag to run.
		hint := "… the whole design: " + command.Line("--list-presets")
		if ansi.StringWidth(hint) > w {
			hint = "… the whole design: --list-presets"
		}
		return fit(styleMuted.Render(hint), w)
	}
	if short := wrapped(m.snap.Networks); len(lines)+len(design) > h && len(short) > 0 && len(lines)+len(short)+1 <= h {
		// Still too long (70×20), G and D in short (Snapshot.Networks), their
		// layers alone, where they fit with the line that says where the rest
		// is; before them the target where it fits too, then the summary.
		// Cut, the design would say neither G nor D, only the summary and the
		// target, at 70×20 ring's "… the whole design" under its target.
		// The target comes first: it is what G learns, which G and D in
		// short do not say, where the summary, cut, still says what the
		// design is in plain words; kept whole, grid-pacgan4-ema's summary
		// of three lines took the target's row at 70×20. The rows the target
		// leaves take the summary whole, and what that leaves the source
		// (cutSource), as above; else the summary, cut (cutLines): left out,
		// devnag-2017's summary of four lines at 70×20 left two blank rows
		// above the status, and uniform's source one.
		summary, source, target := wrapped(m.snap.Design[:1]), []string(nil), wrapped(m.snap.Design[2:3])
		room := func(taken ...[]string) int { return h - len(lines) - len(slices.Concat(taken...)) - len(short) - 1 }
		if len(target) > room() {
			target = nil
		}
		if len(summary) <= room(target) {
			source = cutSource(m.snap.Design[1], w, room(summary, target))
		} else {
			summary = cutLines(summary, w, room(target))
		}
		lines = slices.Concat(lines, summary, source, target, short, []string{hint()})
		return block(lines, w, h)
	}
	lines = append(lines, design...)
	if len(lines) > h && h > 0 { // still too long: say so, and where it all is
		// Cut between the design's lines, not in one: what a line carries
		// over is indented (wrapIndent). Cut in one, bimodal-mbd's D
		// would end "D  1 sample → 32 → 32 →" at 70×20.
		keep := h - 1
		for keep > 1 && strings.HasPrefix(ansi.Strip(lines[keep]), " ") {
			keep--
		}
		lines = append(lines[:keep], hint())
	}
	// The diagnosis is not repeated here: the message area under the panels
	// has it at every size, as on the main screen, and ? again in full. Given
	// here too, it would show twice where there is room (120×40, 200×50).
	return block(lines, w, h)
}

// tooSmall is the screen of a terminal smaller than the layout needs: the
// longest of a few messages that fits, centred, never more than w×h; under
// it the answer to the last key (note), where it fits whole beside one of
// the messages, the longest that leaves it room. A key's refusal
// (smallRefusal) that does not fit gives way to its way out, "q quits":
// at 20×5 the message would fill the screen, and a key pressed there
// would be answered with nothing.
func tooSmall(w, h int, note string) string {
	need := fmt.Sprintf("%d×%d", minWidth, minHeight)
	msgs := []string{
		fmt.Sprintf("terminal too small: need at least %s (now %d×%d)", need, w, h),
		"terminal too small: need " + need,
		"too small: need " + need,
		"need " + need,
		"too small",
	}
	// fitting is msg wrapped at w, if it fits in rows lines.
	fitting := func(msg string, rows int) ([]string, bool) {
		wrapped := ansi.Wordwrap(msg, w, " ")
		return strings.Split(wrapped, "\n"), strings.Count(wrapped, "\n") < rows && lipgloss.Width(wrapped) <= w
	}
	notes := []string{note}
	if strings.HasSuffix(note, smallRefusal) {
		notes = append(notes, "q quits")
	}
	for _, msg := range msgs {
		for _, n := range notes {
			under := textwrap.Wrap(n, w)
			if n == "" || !fits(under, w) {
				continue
			}
			if lines, ok := fitting(msg, h-1-len(under)); ok {
				return withNote(w, h, styleWarn.Render(strings.Join(lines, "\n")), len(lines), n)
			}
		}
	}
	// No room for a note beside a message: the longest message that fits
	// alone, else the way out alone; else nothing, no word cut: a message cut
	// to the width would leave a stray "n" of "need" at 1×1.
	for _, msg := range append(msgs, notes[1:]...) {
		if lines, ok := fitting(msg, h); ok {
			return withNote(w, h, styleWarn.Render(strings.Join(lines, "\n")), len(lines), "")
		}
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, "")
}

// withNote places text, rows lines high, in the middle of a w×h screen
// with note under it, a blank line between, where the note fits whole.
func withNote(w, h int, text string, rows int, note string) string {
	if note != "" {
		if n := textwrap.Wrap(note, w); rows+1+len(n) <= h && fits(n, w) {
			text = lipgloss.JoinVertical(lipgloss.Center, text, "", styleMuted.Render(strings.Join(n, "\n")))
		}
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, text)
}

// smallRefusal ends the answer to a key the too-small screen does not
// take: it would act on a run no one sees.
const smallRefusal = " is not taken on a terminal this small: q quits"

// header is the top line: what runs, in what state, how far, at what pace
// and how fast lately, from which seed. Where the line has no room for it
// all, its parts give way a step at a time in the order of headerGivesWay,
// the rest kept in their places, until it fits, and then take back what
// the room a later step freed holds; the state and the epoch never give
// way, and the preset's name, cut to what is left, stays.
func (m Model) header(w int) string {
	var texts []string
	for _, p := range m.headerLayout(w) {
		if t := p.text(); t != "" {
			texts = append(texts, t)
		}
	}
	return fit(pack("  ", texts, w), w)
}

// headerEpoch is the epoch the header counts: the snapshot's, or the one
// the session was at when the status came to say what it is at (Model.at),
// if later: a wide design's frame comes seconds after its epoch is
// trained, and "evaluating epoch 1's generator…" under "epoch 0" read as
// two runs at once.
func (m Model) headerEpoch() int {
	if m.waiting == "" && m.busy == "" {
		return m.snap.Epoch
	}
	return max(m.snap.Epoch, m.at)
}

// headerLayout is the header's parts at w columns, given way as header
// says.
func (m Model) headerLayout(w int) [headerParts]headerPart {
	s := &m.snap
	state := headerPart{forms: []string{stateStyle(s.State).Render(stateGlyph(s.State) + " " + s.State.String())}}
	now := m.headerEpoch()
	epoch := "epoch " + styleBold.Render(numtext.FormatInt(now))
	if f := s.Replay; f != nil {
		// The frame's epoch and how far it lies behind the run, then the run's
		// own progress named live: unnamed, "◀ replay epoch 940 of 943  epoch
		// 943 / 2,000" reads as one number twice, the frame's epoch beside two
		// of the live one's.
		lag := ", " + numtext.FormatInt(now-f.Epoch) + " behind"
		if f.Epoch >= now { // an event after the newest keyframe has the live epoch for its frame
			lag = ", the live one"
		}
		frame := styleCursor.Bold(true).Render("◀ replay epoch " + numtext.FormatInt(f.Epoch))
		state.forms = []string{frame + styleMuted.Render(lag), frame}
		epoch = styleMuted.Render("live ") + styleBold.Render(numtext.FormatInt(now))
	}
	// Past its plan, the count of epochs past it gives way before the
	// words that say the plan is done.
	progress := headerPart{forms: []string{epoch + styleMuted.Render(" "+session.OfPlan(now, s.Planned))}} // "/ 300", or "· 2,096 past plan"
	if now > s.Planned {
		progress.forms = append(progress.forms, epoch+styleMuted.Render(" · past plan"))
	}
	name := styleBold.Render(s.Preset)
	preset := headerPart{forms: []string{name, ansi.Truncate(name, presetRoom, "…")}, floor: presetFloor}
	// While the run goes on, running or paused, the measured rate, which
	// only a running run has, is laid out in rateRoom whether it is shown
	// or not, the state in the room of the widest a run can be in, and,
	// within the plan, the epoch in the room of its count at the plan's
	// end, "epoch 5,000 / 5,000", so that what the line leaves out does not
	// change as space pauses the run and runs it again, nor as the count
	// gains a digit: laid out in their own widths, the program's name would
	// come back at 80×24 as blog-original paused, " ganui   blog-original
	// ❚❚ paused", and go as it went on, and its pace, shown for epochs
	// 0–99, would go at epoch 100. Past the plan the count keeps no room,
	// as it grows without end; its count past the plan gives way in
	// headerGivesWay's order. A run that has ended, done or diverged, shows
	// no rate until its user starts it again, and its line takes those
	// rooms for the parts that gave way: a long name done at 70 columns
	// keeps its seed, where it would stand beside blank columns. A replay,
	// which only a paused run shows, keeps no room either: its state is
	// wider than any, and it has no rate.
	rate := headerPart{forms: []string{"", ""}}
	if s.State == session.Running && s.Rate > 0 {
		num, unit := session.RateText(s.Rate)
		rate.forms[0] = num + styleMuted.Render(" "+unit)
	}
	if (s.State == session.Running || s.State == session.Paused) && s.Replay == nil {
		state.room, rate.room = stateRoom, rateRoom
		if now <= s.Planned {
			progress.room = ansi.StringWidth("epoch " + numtext.FormatInt(s.Planned) + " " + session.OfPlan(s.Planned, s.Planned))
		}
	}
	parts := [headerParts]headerPart{
		headerApp:      {forms: []string{appStyle().Render("ganui"), ""}},
		headerPreset:   preset,
		headerState:    state,
		headerProgress: progress,
		headerSeed:     {forms: []string{styleMuted.Render("seed ") + strconv.FormatUint(s.Seed, 10), ""}},
		// "speed", as the setting it is, [ and ] and --speed name it, so that
		// the header's "speed 200/s" stands above a settings row "speed 200/s"
		// in the same word.
		headerSpeed: {forms: []string{styleMuted.Render("speed ") + styleBold.Render(session.SpeedText(s.Settings.Speed)), ""}, room: speedRoom},
		headerRate:  rate,
	}
	laidOut := func() int { return laidOut(parts) }
	type step struct {
		at  int        // the part's place
		was headerPart // the part as it was before the step
	}
	var taken []step
	giveWay := func(i, floor int) {
		taken = append(taken, step{i, parts[i]})
		parts[i].giveWay(laidOut()-w, floor)
	}
	for _, i := range headerGivesWay {
		if laidOut() <= w {
			break
		}
		giveWay(i, parts[i].floor)
	}
	if laidOut() > w { // even so: the name, cut to what is left
		giveWay(headerPreset, 1)
	}
	// Paused, the rate's room, kept blank, shows the seed where the seed
	// gave way and fits in it: a user who pauses reads the run, to rerun
	// it with R or name it with --seed, and has no rate to watch. The rest
	// of the line stands as it does running, as space pauses and runs it:
	// minibatch-discrimination paused at 70 columns reads
	// "minibatch-discriminati…  ❚❚ paused  epoch 0 / 10,000  seed 1",
	// where running it has "951 ep/s" in that room.
	seed := parts[headerSeed]
	if s.State == session.Paused && parts[headerRate].room > 0 && seed.shown > 0 && ansi.StringWidth(seed.forms[0]) <= parts[headerRate].room {
		parts[headerRate].forms[0] = seed.forms[0]
	}
	// A later step frees room an earlier one took: the steps are undone
	// the last first, each whose undoing still fits, and a cut that does
	// not is lengthened into what room there is.
	for _, st := range slices.Backward(taken) {
		now := parts[st.at]
		if parts[st.at] = st.was; laidOut() <= w {
			continue
		}
		parts[st.at] = now
		if now.cut > 0 {
			parts[st.at].cut = min(now.cut+w-laidOut(), ansi.StringWidth(now.forms[now.shown]))
		}
	}
	// Where the speed gave way, a run its pace holds back says so after
	// its rate, "97 ep/s paced" (session.Snapshot.Paced), which without
	// the speed beside it read as what the machine trains at, to be set
	// against the final line's epochs_per_s (blog-original at 80×24,
	// speed 100/s: "97 ep/s" beside epochs_per_s=1404.5). The mark's room
	// is kept while the run goes on, at every speed, as the rate's is, so
	// that neither pausing nor [ and ] change what the line leaves out;
	// it is what room the line has left, or the program's name's, and no
	// part that says something of the run gives way for it.
	if parts[headerRate].room > 0 && parts[headerSpeed].text() == "" {
		unmarked := parts
		parts[headerRate].room += ansi.StringWidth(pacedMark)
		if laidOut() > w && parts[headerApp].shown == 0 {
			parts[headerApp].shown = 1
		}
		switch {
		case laidOut() > w:
			parts = unmarked
		case s.Paced && s.State == session.Running && s.Rate > 0:
			parts[headerRate].forms[0] += styleMuted.Render(pacedMark)
		}
	}
	return parts
}

// pacedMark follows the header's rate where the speed asked for holds the
// run back and the speed is not on the line (headerLayout).
const pacedMark = " paced"

// laidOut is the columns the header's parts take: their rooms and the gaps
// between them.
func laidOut(parts [headerParts]headerPart) int {
	n := -len("  ")
	for _, p := range parts {
		if r := p.width(); r > 0 {
			n += len("  ") + r
		}
	}
	return n
}

// The header's parts, in their places on the line.
const (
	headerApp = iota
	headerPreset
	headerState
	headerProgress
	headerSeed
	headerSpeed
	headerRate
	headerParts
)

// headerGivesWay is the order in which the header's parts give way where
// the line is too narrow for them, a step each, the first first:
//
//   - the program's name, which says nothing about the run;
//   - the speed, the pace set with [ and ], which the Settings panel's
//     speed row gives under the header at every size;
//   - a replay's lag, ", 194 behind", the difference of the two epochs
//     the line gives beside it;
//   - a preset name's end past presetRoom columns, cut with …: no
//     built-in preset's name is, and a preset file's long name keeps its
//     start, which tells it from the others;
//   - past the plan, the count of epochs past it, "· 2,096 past plan"
//     saying "· past plan" alone: the plan is done, and the epoch says
//     where the run is;
//   - the seed, fixed for the run, which its parting line and its
//     checkpoints' names carry and R reruns;
//   - the preset's name, cut with … to the room the line leaves it, to
//     presetFloor columns at the least;
//   - last the measured rate, which nothing else on the screen gives: the
//     one live measure of how fast the run trains, which a user watching
//     the speed, at full speed most of all, is there for.
//
// The state, the epoch and what stands after it ("/ 20,000", "· past
// plan") never give way; nor does the name, but where even so the line has
// no room, cut to what is left.
//
// A later step can free more room than the line lacked, as a long name
// cut to presetRoom frees some 30 columns where the speed needed 15: once
// the line fits, the steps taken are undone the last first, each whose
// undoing still fits, so that no part is left out while the line has room
// for it, and where two do not both fit, the one later in the order is
// the one kept; a cut name whose step does not undo whole is lengthened
// into the room there is. At 100 columns a long name reads
// "my-wide-generator-with-…  ▶ running  epoch 2,194 / 20,000  seed 1
// speed 1,000/s  951 ep/s".
var headerGivesWay = []int{headerApp, headerSpeed, headerState, headerPreset, headerProgress, headerSeed, headerPreset, headerRate}

// headerPart is one of the header's parts: forms are what it says, whole
// first, each next what is left of it when it gives way a step ("" for
// nothing), and shown is the form it says, laid out in at least room
// columns while it is the first. A part with a floor, past its last form,
// gives way by being cut with … (giveWay).
type headerPart struct {
	forms       []string
	room, floor int
	shown       int
	cut         int // the columns the shown form is cut to with …, or 0
}

func (p headerPart) text() string {
	if p.cut > 0 {
		return ansi.Truncate(p.forms[p.shown], p.cut, "…")
	}
	return p.forms[p.shown]
}

// width is the columns the part takes on the line, its room included.
func (p headerPart) width() int {
	if p.shown > 0 {
		return ansi.StringWidth(p.text())
	}
	return max(p.room, ansi.StringWidth(p.text()))
}

// giveWay takes the part a step shorter on a line over columns too wide:
// to its next form, or past its last, with a floor, cut with … by over
// columns, to no fewer than floor.
func (p *headerPart) giveWay(over, floor int) {
	switch {
	case p.shown < len(p.forms)-1:
		p.shown++
	case floor > 0:
		p.cut = max(floor, p.width()-over)
	}
}

// rateRoom is the room the header keeps for the measured rate, "99,999
// ep/s", shown or not: the rates of these small models run from tens to
// over 20,000 epochs a second in the SIMD build, a wide design's, seconds
// an epoch, read "8.3 s/ep" in it, and a rate of 100,000 or more
// "1.23e5 ep/s" (session.RateText, in session.RateWidth columns).
var rateRoom = session.RateWidth + ansi.StringWidth(" ep/s")

// speedRoom is the room the header keeps for the pace, that of the
// widest [ and ] step it to, "speed 100,000/s", so that stepping it does
// not change what the line leaves out: in its own width, "speed 5/s"
// would keep the program's name where "speed 1,000/s" left it out.
var speedRoom = ansi.StringWidth("speed " + session.SpeedText(session.MaxSpeed))

// presetRoom is the room a preset's name keeps once it gives way a step,
// that of the longest built-in preset's, "minibatch-discrimination", so
// that none of theirs is cut but to keep the rate (headerGivesWay;
// TestHeaderGivesWayInOrder holds it the longest).
var presetRoom = ansi.StringWidth("minibatch-discrimination")

// presetFloor is the fewest columns a preset's name is cut to before the
// rate gives way: "minibatch-d…" still names minibatch-discrimination.
const presetFloor = 12

// stateRoom is the room the header keeps for the state of a run that goes
// on, the wider of running and paused: a run that ends, done or diverged,
// frees the rate's room, more than "✗ diverged" takes past either.
var stateRoom = func() int {
	room := 0
	for _, st := range []session.State{session.Running, session.Paused} {
		room = max(room, ansi.StringWidth(stateGlyph(st)+" "+st.String()))
	}
	return room
}()

func stateGlyph(s session.State) string {
	switch s {
	case session.Running:
		return "▶"
	case session.Paused:
		return "❚❚"
	case session.Done:
		return "✓"
	}
	return "✗"
}

// lowerAdvice is what a runaway's status tells the user to change: a
// learning rate to lower, and first, where the run has settings retuned
// away from those it started with (Snapshot.Start) in a way that may
// have made it diverge, a learning rate above its start or other steps,
// 0, which sets the picked one back in one press: "0 sets G lr back to
// 5e-5 (↑↓ pick), or lower a learning rate (← lower),", as u's note
// names it; the comma ends that clause before the status's "and go on".
func lowerAdvice(s *session.Snapshot) string {
	var back []string
	for _, k := range [...]session.Setting{session.DLR, session.GLR, session.DSteps, session.GSteps} {
		now, start := s.Settings.Text(k), s.Start.Text(k)
		if now == start {
			continue
		}
		// A rate lowered below the run's start is the remedy already:
		// 0 would raise it again.
		if (k == session.DLR && s.Settings.DLR < s.Start.DLR) || (k == session.GLR && s.Settings.GLR < s.Start.GLR) {
			continue
		}
		back = append(back, numtext.Together(k.Short())+" to "+start) // "G lr" kept on one line
	}
	switch len(back) {
	case 0:
		return lowerPlain
	case 1:
		return "0 sets " + strings.Replace(back[0], " to ", " back to ", 1) + " (↑↓ pick), or lower a learning rate (← lower),"
	}
	return "0 sets each back (↑↓ pick), " + numtext.List(back, "and") + ", or lower a learning rate (← lower),"
}

// designBack is what sets the run's training settings back to the
// values it started with (Snapshot.Start), where some differ, each named
// by whose it is (Snapshot.StartWord): "0 sets G lr back to 5e-5, the
// design's (↑↓ pick)", "0 sets G lr back to 10, this run's start (↑↓
// pick)" after --set g_lr=10, or for two or more "↑↓ and 0 set each back
// to the design's, G lr to 5e-5 and D steps to 1", whose said once where
// all are alike and left unsaid where not, as the roll-back's note names
// them; "" where none differs.
func designBack(s *session.Snapshot) string {
	var back, whose []string
	for _, k := range [...]session.Setting{session.DLR, session.GLR, session.DSteps, session.GSteps} {
		if start := s.Start.Text(k); s.Settings.Text(k) != start {
			back = append(back, numtext.Together(k.Short())+" to "+start) // "G lr" kept on one line
			whose = append(whose, s.StartWord(k))
		}
	}
	switch len(back) {
	case 0:
		return ""
	case 1:
		return "0 sets " + strings.Replace(back[0], " to ", " back to ", 1) + ", " + whose[0] + " " + numtext.Together("(↑↓ pick)")
	}
	each := "each back"
	if !slices.ContainsFunc(whose, func(w string) bool { return w != whose[0] }) {
		each += " to " + whose[0]
	}
	return "↑↓ and 0 set " + each + ", " + numtext.List(back, "and")
}

// tunedOff reports whether a training setting differs from the design's
// own value (Snapshot.DesignSettings), tuned or given by --set; false
// where the snapshot is not told the design's own (no D steps, as a run
// takes 1 at least).
func tunedOff(s *session.Snapshot) bool {
	if s.DesignSettings.DSteps == 0 {
		return false
	}
	for _, k := range [...]session.Setting{session.DLR, session.GLR, session.DSteps, session.GSteps} {
		if s.Settings.Text(k) != s.DesignSettings.Text(k) {
			return true
		}
	}
	return false
}

// resetWhose is whose values the settings resetSince names are, as
// designBack names them: "the design's", or "this run's start" where one
// of them started the run off the design's own value.
func resetWhose(s *session.Snapshot) string {
	for _, k := range [...]session.Setting{session.DLR, session.GLR, session.DSteps, session.GSteps} {
		if start := s.Start.Text(k); s.DivergedWith.Text(k) != start && s.Settings.Text(k) == start && s.StartWord(k) != "the design's" {
			return s.StartWord(k)
		}
	}
	return "the design's"
}

// lowerPlain is lowerAdvice's words when nothing is off its design's
// value above it.
const lowerPlain = "lower a learning rate (↑↓ pick, ← lower)"

// resetSince names the settings the run diverged with off the value it
// started with and set back to it since, "D lr and G lr", with "G lr"
// kept on one line; "" when there are none.
func resetSince(s *session.Snapshot) string {
	if s.DivergedWith.DSteps == 0 { // not told: a run takes 1 D step at least
		return ""
	}
	var reset []string
	for _, k := range [...]session.Setting{session.DLR, session.GLR, session.DSteps, session.GSteps} {
		if start := s.Start.Text(k); s.DivergedWith.Text(k) != start && s.Settings.Text(k) == start {
			reset = append(reset, numtext.Together(k.Short()))
		}
	}
	return numtext.List(reset, "and")
}

// statusLines is the status: a warning and the notice (Run's, until the
// first key), then what went wrong in a diverged run, then the answer to
// the last key (or a failure, the note, the paused hint but beside the
// notice), then the command a note carries after
// session.CommandBreak, from the left edge, and last, where a note
// stands, what a wide design's session is at (Model.busy), else said in
// the note's place; wrapped at w in at most n
// lines. When they do not all fit, the command keeps its lines, then the
// notice, less a line for the answer, then the answer, and the
// divergence gives way, a runaway's detail before the advice
// (divergenceLines), then cut with …: kept whole, a long runaway would push
// a key's answer off the area, and the notice kept in the answer's place
// would hide a resumed run's note or a failure.
func (m *Model) statusLines(w, n int) []string {
	s := &m.snap
	var warning []string
	if s.Warning != "" {
		warning = noteLines("⚠ "+s.Warning, styleWarn, w, 1) // its reason gives way, not what it means
	}
	diverged := false
	var head, detail, advice string
	if s.State == session.Diverged && s.Err != nil {
		// What went wrong and where u goes stay on the screen whatever a
		// key says since (a refused space, a retuned learning rate): the
		// note follows them.
		if s.Err.Runaway != "" {
			head = styleWarn.Render(fmt.Sprintf("✗ Ran away at epoch %s:", numtext.FormatInt(s.Err.Epoch)))
			detail = s.Err.Runaway
		} else {
			head = styleWarn.Render(fmt.Sprintf("✗ %s is not finite at epoch %s.", s.Err.What, numtext.FormatInt(s.Err.Epoch)))
		}
		lower, reset := lowerAdvice(s), resetSince(s)
		setBack := lower == lowerPlain && reset != "" // retuned before the divergence, set back since
		switch {
		case s.Err.Unreached: // no learning rate brings the target into reach
			advice = " " + session.UnreachedRemedy + "."
		case s.Rollback >= 0 && setBack:
			// Set back by 0 or ←→: the run goes on as its design, which
			// "lower a learning rate" would not say; u's note says so
			// too (session's rolledNote).
			advice = fmt.Sprintf(" u rolls back to epoch %s with %s back at %s, then space goes on.", numtext.FormatInt(s.Rollback), reset, resetWhose(s))
		case s.Rollback >= 0:
			advice = fmt.Sprintf(" u rolls back to epoch %s; %s and go on.", numtext.FormatInt(s.Rollback), lower)
		case setBack:
			verb := "is"
			if strings.Contains(reset, " and ") {
				verb = "are"
			}
			advice = fmt.Sprintf(" %s %s back at %s: r (new seed) or R (same seed) starts again.", reset, verb, resetWhose(s))
		default:
			if rest, ok := strings.CutPrefix(lower, "lower"); ok {
				lower = "Lower" + rest
			}
			advice = " " + strings.TrimSuffix(lower, ",") + ", then r (new seed) or R (same seed)."
		}
		diverged = true
	}
	var note, command, busy, about string
	style := styleMuted
	switch {
	case m.quitting && m.flash == "":
		note, style = m.quittingStatus(), styleWarn
	case m.flash != "": // the answer to the key just pressed; the next brings a failure back
		note = m.flash
	case m.waiting != "":
		note = m.waiting
	case m.busy != "" && s.Note == "":
		note = m.busy + "…"
	case s.Failed:
		note, style = "✗ "+s.Note, styleWarn
	case s.Note != "":
		note, command, _ = strings.Cut(s.Note, session.CommandBreak)
		about = m.frameEventDetails()
	case s.State == session.Paused && m.notice == "": // the key bar says it too
		note = fmt.Sprintf("paused at epoch %s: space runs, n steps one epoch", numtext.FormatInt(s.Epoch))
	}
	if m.busy != "" && s.Note != "" && !m.quitting && m.flash == "" && m.waiting == "" {
		// A wide design's epoch takes seconds, and the words of what the
		// session is at come a second into each: in the note's place they
		// hid the answer to w, e or c, "saved epoch 7: ganui --resume …
		// continues from it" or a failure, but for a second an epoch. They
		// take a row of their own after it.
		busy = m.busy + "…"
	}
	var commanded []string
	if command != "" {
		// From the left edge, whole on one line where it fits: a command
		// to copy. The text before it gives way when the room is short.
		commanded = commandLines(command, w)
	}
	room := max(0, n-len(warning))
	commanded = cutLines(commanded, w, room)
	room -= len(commanded)
	if m.notice != "" { // said once, at the start, in the warning's slot
		rows := room
		if note != "" || diverged {
			rows = min(room, max(1, room-1)) // a line at least for the note
		}
		noticed := noteLines("✗ "+m.notice, styleWarn, w, rows)
		warning = append(warning, noticed...)
		room -= len(noticed)
	}
	var busyLines []string
	if busy != "" {
		if room >= 2 {
			busyLines = noteLines(busy, styleMuted, w, 1)
			room -= len(busyLines)
		} else { // no row of their own: in the note's place, as they were
			note, style = busy, styleMuted
		}
	}
	var noted []string
	if note != "" {
		rows := room
		if diverged {
			rows = min(room, max(1, room-1)) // a line at least for what went wrong
		}
		noted = noteLines(note, style, w, rows)
	}
	var div []string
	if diverged {
		div = divergenceLines(head, detail, advice, w, room-len(noted))
	}
	// What the events a jump to a replayed frame names say, on a row of
	// their own, cut to it, where the status has rows to spare (120×40):
	// "◆ d-wins-ended at epoch 960: replay frame 32 of 100 · …" named
	// the event and not why it came, which --log's event line gives. At
	// 80×24 the rows are the frame's findings'.
	var abouts []string
	if about != "" && n >= 3 && room-len(noted)-len(div) >= 1 {
		abouts = noteLines(about, styleMuted, w, 1)
	}
	return slices.Concat(warning, div, noted, abouts, commanded, busyLines)
}

// frameEventDetails is what the events of the replayed frame shown
// (Snapshot.ReplayEvents, those its note names) say, each as its kind and
// its detail, " · " between: "◆ d-wins-ended: D's scores are less sure
// again: …". An event the user's key made (EventKind.ByHand) is left
// out, its detail in the note's brackets already; "" where the frame is
// live or none has words to add.
func (m *Model) frameEventDetails() string {
	var said []string
	for _, e := range m.snap.ReplayEvents {
		if e.Detail != "" && !e.Kind.ByHand() {
			said = append(said, e.Kind.String()+": "+e.Detail)
		}
	}
	if said == nil {
		return ""
	}
	return "◆ " + strings.Join(said, " · ")
}

// divergenceLines is what went wrong in a diverged run, head, then a
// runaway's detail and the advice, what to do next, wrapped at w as the
// diagnosis is (wrapIndent) in at most rows lines. Where it does not fit,
// the detail gives way from its end a word at a time, "…" in its place,
// never inside its parentheses or brackets, so that the advice stays:
// vanilla run away at 80×24 kept "the generated samples stayed far
// outside the target's range [-1, 9] (the last batch's mean 4.8879e5)
// for 200 epochs. u rolls back …" and lost what the user is to do, lower
// a learning rate. Where even without the detail it does not fit, it is
// cut at its end (cutLines).
func divergenceLines(head, detail, advice string, w, rows int) []string {
	if rows <= 0 {
		return nil
	}
	text := head + advice
	if detail != "" {
		text = head + " " + detail + "." + advice
	}
	lines := wrapIndent(text, w) // indented as the diagnosis is
	if len(lines) <= rows || detail == "" {
		return cutLines(lines, w, rows)
	}
	open := 0 // parentheses and brackets open before i
	var cuts []int
	for i, r := range detail {
		switch r {
		case '(', '[':
			open++
		case ')', ']':
			open--
		case ' ':
			last := detail[strings.LastIndex(detail[:i], " ")+1 : i]
			if open == 0 && !slices.Contains([]string{"a", "an", "the", "its", "of"}, last) { // "far outside …", not "outside the …"
				cuts = append(cuts, i)
			}
		}
	}
	slices.Reverse(cuts)
	cuts = append(cuts, 0)   // the detail gone, "…" alone
	for _, i := range cuts { // the longest first
		kept := strings.TrimRight(detail[:i], ",;:")
		lines = wrapIndent(strings.TrimSpace(head+" "+kept)+" …"+advice, w)
		if len(lines) <= rows {
			return lines
		}
	}
	return cutLines(lines, w, rows)
}

// noteLines is a note's text in style, wrapped at w as the diagnosis is
// (wrapIndent), in at most rows lines. Where it does not fit, the words
// session.GivesWay brackets give way, the last bracket first, each from
// its end, a clause at a time (up to a ",", ":" or ";" outside
// parentheses: "(creating one there …" would leave one open), "…" in their
// place, as few as lets the whole fit, so that the words after them stay:
// c's caveat, its reason first, before the checkpoint that continues the
// run, which at 80×24 would otherwise be cut. Where even without them it
// does not fit, the text without them is cut at its end (cutLines), so
// that the words after them come as far as the rows hold: cut with them
// in, a checkpoint not saved on a full disk had kept the system's words,
// the first to give way, and lost what to do.
func noteLines(note string, style lipgloss.Style, w, rows int) []string {
	if !fits(wrapIndent(note, w), w) {
		// Words tied (numtext.Together) wider than a line, w's "--resume
		// FILE" after a long path, are wrapped at their ties, not left for
		// the screen to cut, the file's name with them.
		note = numtext.Plain(note)
	}
	note = strings.ReplaceAll(note, session.LiveOnly, "") // the screen is the trainer running
	parts := strings.Split(note, session.GivesWay)        // the brackets' words at odd places
	render := func() []string { return wrapIndent(style.Render(strings.Join(parts, "")), w) }
	lines := render()
	if len(lines) <= rows {
		return cutLines(lines, w, rows)
	}
	for i := (len(parts) - 2) | 1; i > 0; i -= 2 {
		gives := parts[i]
		var shorter []string // gives cut after a clause, the longest first, then gone
		for j := len(gives) - 1; j > 0; j-- {
			if gives[j] == ' ' && strings.ContainsRune(",:;", rune(gives[j-1])) && strings.Count(gives[:j], "(") == strings.Count(gives[:j], ")") {
				shorter = append(shorter, gives[:j-1]+" …")
			}
		}
		gone := "…"
		if strings.HasPrefix(gives, " ") || strings.HasPrefix(gives, ", ") {
			gone = " …" // between words: "the current directory …"
		}
		for _, short := range append(shorter, gone) {
			parts[i] = short
			if short == gone && i+2 < len(parts) && parts[i+1] == "" && strings.TrimSpace(parts[i+2]) == "…" {
				// The bracket right after it has given way already: its
				// "…" stands for both, not "further … …" (u's note, where
				// "0 sets G lr back" follows "u again goes back").
				parts[i] = ""
			}
			if l := render(); fits(l, w) && len(l) <= rows {
				return l
			}
		}
	}
	return cutLines(render(), w, rows) // every bracket given way
}

// commandLines lays out cmd, a command line to copy, at width w: whole on one
// line where it fits, else broken between its shell words, each line but the
// last ending in " \", the shell's line continuation, so that the lines copied
// together run as the one command. Wrapped as text, a command at 80×24 would
// be two lines, "… --set d_steps=2 --set" and "g_steps=2 --epochs 700 --seed
// 20241204", which pasted into a shell run the first as a command of its own
// and the second as another. A quoted word is never broken, nor a flag from
// its value where the line has room for both; a command with a word too wide
// for a line is wrapped as text is.
func commandLines(cmd string, w int) []string {
	if ansi.StringWidth(cmd) <= w {
		return []string{cmd}
	}
	var units []string // the words, a flag together with its value
	words := shellWords(cmd)
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && strings.HasPrefix(words[i], "--") && !strings.HasPrefix(words[i+1], "--") &&
			ansi.StringWidth(words[i]+" "+words[i+1]+" \\") <= w {
			units = append(units, words[i]+" "+words[i+1])
			i++
			continue
		}
		units = append(units, words[i])
	}
	var lines []string
	cur := ""
	for _, word := range units {
		switch {
		case cur == "":
			cur = word
		case ansi.StringWidth(cur+" "+word+" \\") <= w:
			cur += " " + word
		default:
			lines = append(lines, cur+" \\")
			cur = word
		}
	}
	lines = append(lines, cur)
	if !fits(lines, w) {
		return textwrap.Wrap(cmd, w)
	}
	return lines
}

// shellWords splits cmd, a command line as session.Again writes it, at
// the spaces a POSIX shell splits it at: not those inside single quotes,
// nor one escaped with a backslash.
func shellWords(cmd string) []string {
	var words []string
	start, quoted := 0, false
	for i := 0; i < len(cmd); i++ {
		switch c := cmd[i]; {
		case c == '\'':
			quoted = !quoted
		case c == '\\' && !quoted:
			i++ // the next byte is taken as it is
		case c == ' ' && !quoted:
			words = append(words, cmd[start:i])
			start = i + 1
		}
	}
	return append(words, cmd[start:])
}

// commandNote is whether the status shows a note that carries a command
// (statusLines), which with its words takes the whole message area while
// the diagnosis has nothing new (noteStands), the diagnosis what is
// left; the next key that acts on the run replaces it, and ? has the
// diagnosis.
func (m *Model) commandNote() bool {
	s := &m.snap
	return !m.quitting && m.flash == "" && !s.Failed && strings.Contains(s.Note, session.CommandBreak)
}

// noteStands is whether the note with a command (commandNote) takes the
// diagnosis's row, fs the findings shown: while each is of a kind shown
// when the note came (Model.noteKinds), the diagnosis saying nothing new
// that ? does not; a running run's finding of another kind takes its row
// back, the note giving way (noteLines). A paused run's findings stay.
func (m *Model) noteStands(fs []session.Finding) bool {
	if !m.commandNote() {
		return false
	}
	if m.noteFor != m.snap.Note { // not taken up yet: it came with these
		return true
	}
	for _, f := range fs {
		if !slices.Contains(m.noteKinds, f.Kind) {
			return false
		}
	}
	return true
}

// findingKinds is the kinds of fs, in order.
func findingKinds(fs []session.Finding) []session.FindingKind {
	kinds := make([]session.FindingKind, len(fs))
	for i, f := range fs {
		kinds[i] = f.Kind
	}
	return kinds
}

// cutLines keeps the first k lines of a text wrapped at w, the last ending in
// " …" after a whole word when some are cut, so that a full last line is not
// cut inside its last word ("r or R starts a ne…").
func cutLines(lines []string, w, k int) []string {
	if k <= 0 {
		return nil
	}
	if len(lines) <= k {
		return lines
	}
	lines = slices.Clone(lines[:k])
	last := strings.TrimRight(lines[k-1], " ")
	plain := ansi.Strip(last)
	keep := ansi.StringWidth(plain)
	for keep+2 > w { // the last word gives way, whole
		cut := strings.TrimRight(plain[:indexOfWidth(plain, keep)], " ")
		i := strings.LastIndex(cut, " ")
		if i <= 0 { // one word wider than the line: cut, as fit would
			keep = max(0, w-2)
			break
		}
		keep = ansi.StringWidth(strings.TrimRight(cut[:i], " "))
	}
	lines[k-1] = ansi.Truncate(last, keep, "") + " …"
	return lines
}

// cutSource wraps a design's source line at w in at most k lines, as
// cutLines cuts it, what follows its citation giving way first and then
// its quoted title, from the title's end, so that the citation's authors
// and year stay: "source: Salimans et al., "Improved Techniques …"
// (2016)", and left out, never quoted empty, where not one word of it
// fits. Cut after a whole word alone, minibatch-discrimination's at 80×24
// would end in its title, its year (which finds the paper) lost. A source
// without a quoted title is cut as cutLines cuts it. Where a row would
// say nothing (a repository's path too wide for its row would leave
// devnag-2017's at 80×24 "source: …"), the rows are filled and cut inside
// words (hardCut).
func cutSource(s string, w, k int) []string {
	cut := cutSourceWords(s, w, k)
	for _, row := range cut {
		if r := strings.TrimSpace(ansi.Strip(row)); r == "source:" || r == "…" || r == "source: …" {
			return hardCut(s, w, k)
		}
	}
	return cut
}

// hardCut is plain text s in at most k rows of w cells, cut inside words, the
// rows after the first indented as wrapIndent indents them, "…" ending the
// last where s goes on. A row that would end inside a word ends after the last
// / or - of that word where it has one, the rest of the word going on whole on
// the next row: devnag-moments' source at 80×24 breaks after "adversarial-",
// where a cut at the width would read
// "devnag/pytorch-generative-adversarial-netw" over "orks, gan_pytorch.py".
func hardCut(s string, w, k int) []string {
	var out []string
	text := s
	for len(out) < k && s != "" {
		width, indent := w, ""
		if len(out) > 0 {
			width, indent = w-2, "  "
		}
		row := ansi.Truncate(s, width, "")
		if row == "" {
			break
		}
		if len(out) == k-1 && len(row) < len(s) {
			out = append(out, indent+endCut(s, width, strings.Count(text[:len(text)-len(s)], `"`)%2 == 1))
			break
		}
		if len(out) < k-1 && len(row) < len(s) && s[len(row)] != ' ' {
			word := strings.LastIndex(row, " ") + 1
			if at := strings.LastIndexAny(row[word:], "/-"); at >= 0 && word+at+1 < len(row) {
				row = row[:word+at+1]
			}
		}
		s = strings.TrimLeft(s[len(row):], " ")
		out = append(out, indent+row)
	}
	return out
}

// endCut is the start of plain text s that fits width cells with " …" after
// it, cut after a whole word where the first fits, and reading as text that
// goes on: a quotation opened in it and not closed is left out with the words
// after its opening quote, and so is a bracket just opened. devnag-moments'
// source at 80×24 ends `(2018 revision, …`, as cutSourceWords ends a
// citation's `(2017), …`, where keeping the open quotation would end it `(2018
// revision, "Only …`, its quoted title's opening quote and first word with
// nothing of the rest. Where that would leave one word, a label alone
// (devnag-2017's "source:" before its repository's path) or part of one, the
// row is cut inside the word after it, after a / or - in it where it has one:
// devnag-moments' at 80×24 ends "generative-adversarial-…", not "…-net…".
// open: a quotation opened before s is still open at its start.
func endCut(s string, width int, open bool) string {
	fit := ansi.Truncate(s, width-2, "")
	keep := fit
	if len(fit) < len(s) && s[len(fit)] != ' ' { // the last word goes on: it gives way
		keep = fit[:max(strings.LastIndex(fit, " "), 0)]
	}
	if n := strings.Count(keep, `"`); n > 0 && (n%2 == 1) != open { // a quotation opened in keep left open
		keep = keep[:strings.LastIndex(keep, `"`)]
	}
	keep = strings.TrimRight(keep, " ([")
	if !strings.Contains(keep, " ") { // a label alone ("source:") says nothing: cut inside the word
		cut := ansi.Truncate(s, width-1, "")
		word := strings.LastIndex(cut, " ") + 1
		inWord := len(cut) < len(s) && unicode.IsLetter(rune(s[len(cut)])) && cut != "" && unicode.IsLetter(rune(cut[len(cut)-1]))
		if at := strings.LastIndexAny(cut[word:], "/-"); inWord && at >= 0 { // after a / or - in it, as hardCut breaks rows
			cut = cut[:word+at+1]
		}
		return cut + "…"
	}
	return keep + " …"
}

// cutSourceWords is cutSource's cut after whole words.
func cutSourceWords(s string, w, k int) []string {
	lines := wrapIndent(s, w)
	open := strings.Index(s, `"`)
	shut := strings.Index(s[open+1:], `"`) + open + 1
	if len(lines) <= k || k <= 0 || open < 0 || shut <= open {
		return cutLines(lines, w, k)
	}
	// The citation ends at the closing quote, or at the year in
	// brackets after it: ` (2016)`.
	cite := len(`"`)
	if rest := s[shut+1:]; strings.HasPrefix(rest, " (") && strings.Contains(rest, ")") {
		cite += strings.Index(rest, ")") + 1
	}
	flat := func(s string) string { return strings.Join(strings.Fields(ansi.Strip(s)), " ") }
	words := strings.Fields(s[open+1 : shut])
	for n := len(words); n >= 1; n-- {
		title := strings.Join(words[:n], " ")
		if n < len(words) {
			title = strings.TrimLeft(title+" …", " ")
		}
		head := s[:open+1] + title
		cut := cutLines(wrapIndent(head+s[shut:], w), w, k)
		if strings.HasPrefix(flat(strings.Join(cut, " ")), flat(head+s[shut:shut+cite])) {
			return cut
		}
	}
	// No word of the title fits: the quotation is left out, its year kept
	// where it fits ("Goodfellow et al. (2014) …"), else the line ends
	// after a whole word before it, never in a quotation of nothing such
	// as `after Dev Nag's "…"` (blog-original's at 121×20).
	authors := strings.TrimRight(s[:open], " ,")
	if cite > len(`"`) {
		cut := cutLines(wrapIndent(authors+s[shut+1:], w), w, k)
		if strings.HasPrefix(flat(strings.Join(cut, " ")), flat(authors+s[shut+1:shut+cite])) {
			return cut
		}
	}
	return cutLines(wrapIndent(strings.TrimRight(s[:open], " ")+" …", w), w, k)
}

// indexOfWidth is the byte offset in plain text s at which its first n
// cells end.
func indexOfWidth(s string, n int) int {
	w := 0
	for i, r := range s {
		if w >= n {
			return i
		}
		w += ansi.StringWidth(string(r))
	}
	return len(s)
}

// quittingNote is the status while q waits for the epoch in training.
const quittingNote = "quitting after this epoch… q again quits at once, without the final line"

// starting is the screen's words before the first snapshot: what the
// session is at, its first snapshot's evaluation, which on a wide design
// takes seconds.
func (m Model) starting() string {
	if what, _, _ := m.s.Doing(); what != "" {
		return "starting: " + what + "…"
	}
	return "starting…"
}

// waitingNote is the status while keys' commands wait for the session
// (Model.waiting): what it is at, in Session.Doing's words as the busy
// note gives them ("training epoch 3… keys pressed meanwhile act as it
// ends"), so that the keys are seen taken and when they act.
func waitingNote(what string) string {
	if what == "" { // between an epoch and its frame: a command at work
		what = "busy"
	}
	return what + "… keys pressed meanwhile act as it ends"
}

// quittingEpochSaveNote is quittingNote while a checkpoint w asked for
// waits too: the stop writes it, and q again loses it.
const quittingEpochSaveNote = "quitting after this epoch and the checkpoint w asked for… q again quits at once, without them"

// quittingSaveNote is the status while q waits for a checkpoint w asked
// for alone, no epoch training (the run paused or done): what main's
// left line calls "the checkpoint w asked for to be written" when q
// again does not wait for it (notWaitingFor), where "after this epoch"
// had named an epoch that was not coming.
const quittingSaveNote = "quitting once the checkpoint w asked for is written… q again quits at once, without it or the final line"

// quittingIdleNote is the status while q waits for the session to stop
// with no epoch training and no checkpoint w asked for (the run paused or
// done): "after this epoch" had named an epoch that was not coming.
const quittingIdleNote = "quitting… q again quits at once, without the final line"

// quittingStatus is the status while q waits: quittingNote, or while a
// checkpoint waits with it quittingEpochSaveNote; where no epoch trains
// (trainingOn), quittingSaveNote, or without a checkpoint quittingIdleNote.
func (m Model) quittingStatus() string {
	switch save := m.saveWaits(); {
	case m.trainingOn() && !save:
		return quittingNote
	case m.trainingOn():
		return quittingEpochSaveNote
	case save:
		return quittingSaveNote
	}
	return quittingIdleNote
}

// trainingOn reports whether an epoch trains before the run stops: the
// screen shows the run running, or paused the session trains a step's
// epoch (Session.Doing). Before the first frame it is the first
// evaluation, which the status calls this epoch as quittingNote does.
func (m Model) trainingOn() bool {
	if !m.ready || m.snap.State == session.Running {
		return true
	}
	if m.s == nil {
		return false
	}
	what, _, _ := m.s.Doing()
	return strings.HasPrefix(what, "training")
}

// msgLines fills the message area, n lines of width w: the status first,
// then the diagnosis, most pressing first, or while it has no finding
// what to watch for (watchLines). On a wide screen each finding
// gives the measurement behind it where they all fit so; where they do
// not, the findings' texts stand alone, and where those do not fit, each
// is named by its head (the words before its colon), and ? gives them in
// full.
func (m *Model) msgLines(w, n int) []string {
	fs := m.snap.Findings
	// The live divergence is the status line's to say, a replayed frame's
	// findings are not: a diverged run's frame at epoch 1,500 shows its
	// findings, "✓ D's losses sit at their equilibrium" among them, not on the
	// ? pages alone, and a frame without any says "No finding at epoch …".
	live := m.snap.Replay == nil
	if live && m.snap.State == session.Diverged && m.snap.Err != nil && m.snap.Err.Runaway != "" {
		fs = nil // the status line says it already
	}
	status := n
	// A replayed frame without a finding keeps a line too, for the "No
	// finding at epoch …" that names what it shows: at 80×24 a key
	// refused in the replay, its reason before the frame's note, took
	// the three rows and left the frame's findings unsaid.
	// Nor does a live run's verdict without a finding, "No finding, but G
	// is far from the target": a long note (a run resumed at epoch
	// 1,234,567, its checkpoint without history) took the three rows at
	// 80×24 and left unsaid the one line on how the run stands.
	// A live runaway's verdict is the status's own, "✗ Ran away …": the
	// line kept for "No finding, but G is far" would say only "? twice
	// explains each mark.", and at 80×24 it cut the runaway's advice,
	// what to do, to "u rolls back to epoch 5,922; 0 sets each back (↑↓ …".
	verdict := m.watchVerdict() && (!live || m.snap.State != session.Diverged)
	if (len(fs) > 0 || !live || verdict) && !m.noteStands(fs) && m.notice == "" {
		// A line for the diagnosis at least; not while a command (c) is shown
		// and the diagnosis has no new kind of finding, whose caveat would
		// then keep no line at 80×24: the screen would read "the command below
		// runs the run again, not…", and in a running run, the diagnosis
		// keeping its line, "…: it …", the checkpoint lost. Nor while Run's
		// notice is said, until the first key: beside a note, at 80×24, it
		// would be cut before what to do.
		status = n - 1
	}
	lines := m.statusLines(w, status)
	room := n - len(lines)
	if len(fs) == 0 && (m.snap.State != session.Diverged || !live) {
		// No finding: the rows it would take say what to watch for, in
		// place of blank ones (five at 120×40), and a finding takes them
		// when it comes, the panels where they were.
		return append(lines, m.watchLines(w, room)...)
	}
	if len(fs) == 0 || room <= 0 { // a divergence, which the status says
		return append(lines, m.seenLines(fs, w, room, false)...)
	}
	// With the measurements where there is room for them, else without (a
	// collapse on the grid names 23 modes, which would cut "mode
	// collapse" itself to the head at 120×40), else by heads.
	tries := []bool{false}
	if w >= 110 {
		tries = []bool{true, false}
	}
	for _, detail := range tries {
		var full []string
		for _, f := range findingLines(&m.snap, fs, w, detail, true) {
			full = append(full, f...)
		}
		if len(full) <= room {
			return append(append(lines, full...), m.seenLines(fs, w, room-len(full), false)...)
		}
	}
	hint := styleMuted.Render(numtext.Plain(m.questionKey()) + ": in full") // flowed whole, as before
	headsOf := func(fs []session.Finding) []string {
		heads := make([]string, 0, len(fs)+1)
		for _, f := range fs {
			f.Text, _, _ = strings.Cut(f.Text, ":") // a copy: the snapshot is shared
			// A finding with no event yet says when it gets one where
			// that fits beside the hint, else only that it has none where
			// that fits on the row, else nothing of it: the ? pages give
			// it. Cut at the row's end instead, grid's stalled D at 80×24
			// would keep "· new:" of it.
			head := findingText(f, false, pendingNote(&m.snap, f.Kind, false))
			if ansi.StringWidth(head)+2+ansi.StringWidth(hint) > w {
				head = findingText(f, false, pendingNote(&m.snap, f.Kind, true))
			}
			if ansi.StringWidth(head) > w {
				head = findingText(f, false, "")
			}
			heads = append(heads, wrapIndent(head, w)[0])
		}
		return heads
	}
	// The first findings in full where the heads of the rest fit after them,
	// so that no rows are left blank: named by their heads alone,
	// blog-original's two at 80×24 would fill one line with the two rows under
	// them blank. The rows left explain what they rest on, as under heads
	// alone, so that grid-pacgan's two at 120×40, under c's command, leave no
	// last row blank.
	for k := len(fs) - 1; k >= 1; k-- {
		var full []string
		for _, f := range findingLines(&m.snap, fs[:k], w, false, true) {
			full = append(full, f...)
		}
		if len(full) >= room {
			continue
		}
		if rest := flow(append(headsOf(fs[k:]), hint), w, room-len(full)); fits(rest, w) {
			return slices.Concat(lines, full, rest, m.seenLines(fs, w, room-len(full)-len(rest), true))
		}
	}
	heads := headsOf(fs)
	out := flow(append(heads, hint), w, room)
	// The heads overflow the room: the last give way whole, counted before the
	// hint ("+1 more  ? twice: in full"), so that the line says that more is
	// left out and where it is, and cuts no head inside a word: at 80×24 "! 5
	// of 25 modes missing, …  ! D can no longer …" would say neither.
	more := func(k int) []string { // the count of the heads from k on, and the hint
		if k == len(heads) {
			return []string{hint}
		}
		return []string{styleMuted.Render(numtext.Together("+" + itoa(len(heads)-k) + " more")), hint}
	}
	for k := len(heads) - 1; k >= 1 && !fits(out, w); k-- {
		out = flow(append(slices.Clone(heads[:k]), more(k)...), w, room)
	}
	if !fits(out, w) {
		// The first head, too wide to share its row, is cut before what
		// follows it, not through it: cut through, "+1 more" would give
		// way to the head's "…" (grid-pacgan at 80×24, a frame replayed).
		after := more(1)
		width := w - ansi.StringWidth(strings.Join(after, "  ")) - 2
		out = flow(append([]string{cutLines([]string{heads[0], ""}, width, 1)[0]}, after...), w, room)
	}
	return slices.Concat(lines, out, m.seenLines(fs, w, room-len(out), true))
}

// seenLines fill the diagnosis's rows its findings leave, n at width w,
// with what the findings rest on explained (explained): the glossary's
// entries for their measures (noise use, KS, the modes, …) and, in a
// diverged run, for replay and the losses, then where the rest is, where
// a line is left, so that one finding at 120×40 does not leave three rows
// of the five blank under it. The area keeps its height, so that the
// panels do not move as findings come and go. Where the lines above
// already point to ? (pointed: the heads' "? twice: in full"), the
// pointer is not said again: at 80×24 a line would end "? twice: in full"
// over "? twice explains each finding and mark.".
func (m *Model) seenLines(fs []session.Finding, w, n int, pointed bool) []string {
	var terms []string
	for _, f := range fs {
		terms = append(terms, m.findingTerms(f.Kind)...)
	}
	if m.snap.State == session.Diverged {
		// How to look back at what went wrong, which the key bar offers (,.
		// replay), and what the losses say, so that a runaway at 160×50 leaves
		// none of the six rows blank.
		if m.snap.Frames > 0 {
			terms = append(terms, "replay")
		}
		terms = append(terms, "losses")
	}
	// After updates by hand the findings are said not to read their losses,
	// before what they rest on, with a finding as without one: blog-original's
	// "! G ignores its noise" beside "Losses, D by hand" would otherwise read
	// as of those losses.
	var hand []string
	if m.snap.Replay == nil && m.snap.Hand != nil && n > 0 {
		if l := wrapIndent(styleMuted.Render(handFindings), w); len(l) <= n {
			hand, n = l, n-len(l)
		}
	}
	if pointed {
		return append(hand, m.explained(terms, w, n, 0)...)
	}
	out := m.explained(terms, w, n, 1) // a line left for the pointer, not a lead
	pointer := m.questionKey() + " explains each finding and mark."
	if len(fs) == 0 {
		pointer = m.questionKey() + " explains each mark."
	}
	if pointer = styleMuted.Render(pointer); len(out) < n && fits([]string{pointer}, w) {
		out = append(out, pointer)
	}
	return append(hand, out...)
}

// handNotJudged says what the diagnosis makes of updates by hand (d,
// g): it reads the epochs' losses, averaged over about 100 of them, and
// none of the losses the legend gives after such an update (handLeftOut
// in fewer words, where the hint has no room for it); handFindings says
// it beside findings, on the screen and the ? pages.
const (
	handNotJudged = "the diagnosis reads the epochs' losses, not those by hand"
	handLeftOut   = "the diagnosis leaves out losses by hand"
	handFindings  = "The diagnosis reads the epochs' losses, not those of the updates by hand since the latest epoch."
)

// explained is the glossary's entries for terms, each once, in order, in
// at most n lines of width w: those that fit whole, the term bold, its
// text muted, as the ? pages give them; where an entry does not fit in
// the lines left, its lead (glossaryLead) on one line, if that fits and
// leaves spare lines of the n for what follows (seenLines' pointer). At
// 80×24 no entry fits in the one row a calm run's or a finding's text
// leaves beside charts cut to four rows; a lead fills it,
// "KS  Kolmogorov–Smirnov distance", where the row would stay blank.
//
// On the keys page (?) the rows left after those go on to the rest of the
// run's glossary, in the ? pages' order, the design's words first, the
// design standing above: the diagnosis's rows there are what the design
// and the controls leave, and at 200×60 vanilla's few entries had left 33
// blank rows at the screen's foot.
func (m *Model) explained(terms []string, w, n, spare int) []string {
	entries := map[string]string{}
	keep := func(t string) bool { return slices.Contains(terms, t) } // the rest unwritten (glossaryOf)
	if m.keys.page == pageKeys {
		keep = nil
	}
	for _, g := range m.glossaryOf(keep) {
		entries[g[0]] = g[1]
		if m.keys.page == pageKeys {
			terms = append(slices.Clip(terms), g[0])
		}
	}
	var done []string
	var each [][]string // each term's lines, in order
	used := 0
	for _, t := range terms {
		text, ok := entries[t]
		if !ok || slices.Contains(done, t) {
			continue
		}
		done = append(done, t)
		lines := wrapIndent(styleBold.Render(t)+"  "+styleMuted.Render(text), w)
		if used+len(lines) > n {
			lines = nil
		}
		used += len(lines)
		each = append(each, lines)
	}
	// lead is t's entry cut to its longest head (glossaryLead) that
	// fits in rows lines, or nil for none.
	lead := func(t string, rows int) []string {
		lines := func(head string) []string {
			return wrapIndent(styleBold.Render(t)+"  "+styleMuted.Render(head), w)
		}
		head := glossaryLead(entries[t], func(head string) bool { return len(lines(head)) <= rows })
		if head == "" {
			return nil
		}
		return lines(head)
	}
	var leads []int          // each's entries given as a lead
	for i, t := range done { // the rows left to the leads of the entries left out
		if each[i] == nil && used < n-spare {
			if l := lead(t, 1); l != nil {
				each[i], used, leads = l, used+1, append(leads, i)
			}
		}
	}
	// The rows still left lengthen the leads, the first first, so that a
	// diverged critic's "losses" at 120×40 leaves no row blank above the
	// key bar under its one-line lead.
	for _, i := range leads {
		if l := lead(done[i], len(each[i])+n-spare-used); len(l) > len(each[i]) {
			each[i], used = l, used+len(l)-len(each[i])
		}
	}
	return slices.Concat(each...)
}

// glossaryLead is the longest head of a glossary entry that ends where a
// clause does (before ": ", "; " or ". " after a word, outside brackets)
// and fits (in one row, or in the rows explained has left), or "" for
// none: "Kolmogorov–Smirnov distance" of
// KS's entry, "█ generated counts per bin" of the bars'. A clause that
// ends in a bracketed aside ends before it too: "a mode is captured when
// at least one sample in 2,500 is a high-quality sample of it" of modes
// captured's, whose first clause with "(VEEGAN's and PacGAN's rule)" fits
// in no row at 120×40 and would leave it blank under grid-wgan-gp's
// finding. The rest is on the ? pages. A head of a few cells says nothing
// ("v" of Q-Q's), and the keys an entry begins with are no clause
// (replay's ", and . step").
func glossaryLead(text string, fits func(head string) bool) string {
	const least = 8
	lead, depth, aside := "", 0, -1
	clauseEnd := func(i int) bool { // a ":", ";" or "." at i ends a clause
		return i < len(text) && strings.ContainsRune(":;.", rune(text[i])) && strings.HasPrefix(text[i+1:], " ")
	}
	for i, r := range text {
		end := -1 // where a head ending here ends
		switch r {
		case '(':
			if depth == 0 {
				aside = -1
				if strings.HasSuffix(text[:i], " ") {
					aside = i - 1
				}
			}
			depth++
		case ')':
			if depth--; depth == 0 && aside >= 0 && clauseEnd(i+1) {
				end = aside
			}
		case ':', ';', '.':
			if depth == 0 && i > 0 && text[i-1] != ' ' && clauseEnd(i) {
				end = i
			}
		}
		if end < 0 {
			continue
		}
		if !fits(text[:end]) {
			return lead
		}
		if ansi.StringWidth(text[:end]) >= least {
			lead = text[:end]
		}
	}
	return lead
}

// findingTerms are the glossary's terms for what a finding of kind k
// rests on, each explained where it fits: D's losses, the modes' shares,
// noise use, D's answer at the balance (its strip or surface, where the
// screen draws one), the distance at its floor, the samples' spread and where they
// sit (G(z) where v has it, else the view shown), the distance flat; none
// for a runaway, which the status explains.
func (m *Model) findingTerms(k session.FindingKind) []string {
	plane := m.snap.Target.Plane != nil
	switch k {
	case session.DWins, session.DFrozen, session.DSaturated:
		return []string{"losses"}
	case session.FarOutside: // the batch's mean, which the moments legend gives
		return []string{"moments"}
	case session.ModeDropped:
		if plane { // the plot first, where the rows left take one of them
			return []string{"plane", "modes captured"}
		}
		return []string{"modes"}
	case session.ModesBlurred:
		if plane {
			return []string{"HQ", "plane"}
		}
		return []string{"modes"}
	case session.NoiseIgnored: // and the moments, whose lines go flat as G makes the same row epoch after epoch
		return []string{"noise use", "moments"}
	case session.DIndifferent, session.DStalled:
		switch {
		case !m.dDrawn():
			return []string{m.balanceTerm()}
		case plane:
			return []string{"D surface", m.balanceTerm()}
		}
		return []string{"D(x)", m.balanceTerm()}
	case session.AtNoiseFloor:
		if plane {
			return []string{"SW1"}
		}
		return []string{"KS"}
	case session.GCollapsed: // the spread its detail gives, and where the samples sit
		if plane {
			return []string{"moments", "plane"}
		}
		switch {
		case m.snap.Eval.GZ != nil: // v shows it
			return []string{"moments", "G(z)"}
		case m.view == viewQQ:
			return []string{"moments", "Q-Q"}
		}
		return []string{"moments", "bars"}
	case session.Plateau: // the distance and its bars, which have stopped falling
		if plane {
			return []string{"SW1", "trend"}
		}
		return []string{"KS", "trend"}
	}
	return nil
}

// dDrawn tells whether the samples panel draws D's answer, which the D(x) and
// D surface entries explain ("in the strip under the bars", "behind the
// dots"): on a plane the surface, in one dimension the histogram's strip, with
// room for it; either only for a design whose D scores single samples. Beside
// blog-original's "no D(x) strip: D judges a whole row of 100 at once", and
// ring-pacgan's "no D surface: …", those entries would explain an answer the
// panel does not draw.
func (m *Model) dDrawn() bool {
	if m.snap.Target.Plane != nil {
		return m.snap.Eval.Surface != nil
	}
	return m.view == viewHist && m.snap.Eval.DCurve != nil && !m.histBare
}

// balanceDrawn tells whether the losses chart shows one of its equilibrium
// lines (balanceLines) in a cell of its own, as it last drew them
// (lineChart.shown): the legend names those it shows, and only then do the
// glossary explain the ln 2 line and the diagnosis point at the dotted line.
// On a chart of two rows with both edges marked ▲ and ▼ there is no row for
// it, and the text points at no line the chart does not draw.
func (m *Model) balanceDrawn() bool {
	return slices.Contains(m.lossRefsShown, true)
}

// watchLines fill the diagnosis's rows, n at width w, while it has no
// finding: what a run that goes well does on this screen, in the marks of
// the view shown, and where the findings and the glossary are; shorter
// where that does not fit, the glossary's pointer first to go, then why
// the dotted line matters, then what to watch, the pointer back. The rows
// left explain what it names to watch (explained).
func (m *Model) watchLines(w, n int) []string {
	s := &m.snap
	var watch, terms []string // what to watch, and the glossary's terms for it
	switch {
	case s.Target.Plane != nil:
		watch, terms = append(watch, "G's dots spreading over the target's"), append(terms, "plane")
		if k := len(s.Target.Plane.Spots); k > 0 {
			watch, terms = append(watch, "modes captured reaching "+itoa(k)+"/"+itoa(k)), append(terms, "modes captured")
		}
		watch, terms = append(watch, "SW1 falling toward its floor"), append(terms, "SW1")
	default:
		switch m.view {
		case viewQQ:
			watch, terms = append(watch, "the Q-Q points lying on the diagonal"), append(terms, "Q-Q")
		case viewGZ:
			watch, terms = append(watch, "G(z) spanning the dotted band"), append(terms, "G(z)")
		default:
			watch, terms = append(watch, "the █ bars filling the ░ expected counts"), append(terms, "bars")
		}
		watch, terms = append(watch, "KS and W1 falling"), append(terms, "KS", "W1")
	}
	if m.balanceDrawn() {
		terms = append(terms, m.balanceTerm())
	}
	// A replayed frame is a moment past, which "now" and "watch for"
	// misdescribed: it says the epoch it has no finding at, and what a
	// run going well shows.
	none, watchFor, hold := "No finding now", "Watch for ", "Findings show here while they hold"
	eval, is := &s.Eval, "is"
	if s.Replay != nil {
		none = "No finding at epoch " + numtext.FormatInt(s.Replay.Epoch)
		watchFor, hold = "A run going well shows ", "A frame's findings show here"
		eval, is = &s.Replay.Eval, "was"
	}
	// A run done with its plan trains no more until it is told to: what a
	// run going well shows, not what to watch for, in the rows "No finding
	// now. Watch for" takes.
	// No finding is not a run going well: G can be far from its target
	// with nothing yet gone wrong by the findings' rules. Untrained, at
	// epoch 0, every G is. Such a done run's hint is what a run going well
	// shows, as a replayed frame's is: "No finding, but G is far from the
	// target (KS 0.861, over 0.5). Going well: the █ bars …" read to a
	// class as a verdict that contradicted the sentence before it.
	far, farWhy := eval.Far(s.CheckNoise)
	far = far && eval.Epoch > 0
	farFloor := eval.FarFloor(s.CheckNoise) // on a plane without modes
	// Nor is a done run going well whose G, not far, has not come near
	// its target (Eval.NotNear): label-smoothing --epochs 3000 ends at KS
	// 0.374, its bars visibly off the target's, where "Going well" read a
	// verdict no measure gave; on a ring every mode captured, one sample
	// in 2,500 each, and SW1 10 times its floor read it too. Said of a done run alone: a run still
	// training is on its way, and a replayed frame's hint gives no verdict.
	notNear, nearWhy, nearFloor := false, "", ""
	// A done run trains no more, so nothing shows here "while it holds":
	// the sentence told of a run going on, and ended a done run's verdict
	// "…far from the target (…). A run going well shows …. Findings show
	// here while they hold". The key to the marks' meanings is left.
	if s.State == session.Done && s.Replay == nil {
		none, watchFor, hold = "No finding", "Going well: ", ""
		if !far && eval.Epoch > 0 {
			notNear, nearWhy, nearFloor = eval.NotNear(s.CheckNoise)
		}
		if far || notNear {
			watchFor = "A run going well shows "
		}
	}
	// Short of room, the note keeps its measurement and gives up the replayed
	// frame's epoch, which the header and the status name; then the
	// measurement, which Quality shows, so that at 80×24 a replayed moons
	// frame's note is not cut to "(SW1 0.2106, over …".
	var shorter []string
	handShort := "" // after updates by hand, the hint with nothing else
	if far {
		// On a plane without modes the line is 7× a floor, and said so
		// where room allows, as NotNear's is: "over 0.100" alone stood
		// beside the Quality panel's "floor 0.014" with nothing to tie
		// the two. Short of room that goes first.
		note := ", but G " + is + " far from the target"
		if farFloor != "" {
			shorter = append(shorter, none+note+" ("+farWhy+").")
		}
		if s.Replay != nil {
			shorter = append(shorter, "No finding"+note+" ("+farWhy+").")
		}
		shorter = append(shorter, none+note+".")
		if farFloor != "" {
			farWhy += "; " + farFloor
		}
		none += note + " (" + farWhy + ")"
	}
	if notNear {
		// Short of room, the floor goes first, then the measurement,
		// which Quality shows: "No finding, but G is not near the
		// target (KS 0.374, over 0.25)." at 80×24.
		note := ", but G is not near the target"
		if nearFloor != "" {
			shorter = append(shorter, none+note+" ("+nearWhy+").")
			nearWhy += "; " + nearFloor
		}
		shorter = append(shorter, none+note+".")
		none += note + " (" + nearWhy + ")"
	}
	// A done run that never came near its target, trained with settings
	// off its design's: 0 sets them back (session.Reset), the step before
	// space goes on or R reruns the seed, which the status line offers,
	// and which the footer names only while the setting picked is one
	// ("0 reset"): "…; 0 sets G lr back to 5e-5, the design's (↑↓ pick)".
	// Short of room it goes with the measurement, before the verdict.
	if s.State == session.Done && s.Replay == nil && (far || notNear) {
		if zero := designBack(s); zero != "" {
			if len(shorter) > 0 {
				verdict := strings.TrimSuffix(shorter[len(shorter)-1], ".")
				shorter = append([]string{verdict + "; " + zero + "."}, shorter...)
			}
			none += "; " + zero
		}
	}
	// The findings read the epochs' losses (averaged over about 100 of them)
	// and the samples now: the losses of updates by hand since the latest
	// epoch, which the legend gives, are none of theirs, and the note says so:
	// "No finding now" alone would stand beside "G 100.000" after
	// d and g pressed at a learning rate of 10.
	if s.Replay == nil && s.Hand != nil {
		// Shortest, in fewer words, so that at 70×20 after d and g at epoch 0
		// the one line is not cut to "No finding now; the diagnosis reads the
		// epochs' losses, not those by …".
		handShort = "No finding now; " + handLeftOut + "."
		none += "; " + handNotJudged
	}
	// Under label smoothing each of D's losses has a line of its own
	// (balanceText), and the hint says so rather than send both to "the
	// dotted line". D's losses on their line are a run going well only
	// while the samples come near: alone, D is stuck there (the d-stalled
	// finding), as blog-original's seed 1 is, far from its target. So the
	// hint makes the line a condition of the goals, "while D's losses
	// settle on the dotted line", not one more goal: "KS and W1 falling;
	// D's losses settling on the dotted line" would read as one.
	settle := " while D's losses settle on the dotted line"
	if e := s.Equilibrium; e != nil && e.DReal != e.DFake {
		settle = " while D's losses settle each on its dotted line"
	}
	list := func(why string) string {
		items := watch
		if m.balanceDrawn() {
			items = slices.Clone(watch)
			items[len(items)-1] += settle + why
		}
		return none + ". " + watchFor + strings.Join(items, "; ") + "."
	}
	why := ", where D cannot tell real from fake"
	explains := " " + hold + "; " + m.questionKey() + " explains each mark."
	if hold == "" {
		explains = " " + m.questionKey() + " explains each mark."
	}
	texts := []string{
		list(why) + explains,
		list(why),
		list(""),
		none + "; " + m.questionKey() + " explains each mark.",
		none + ".",
	}
	texts = append(texts, shorter...)
	if handShort != "" {
		texts = append(texts, handShort)
	}
	var lines []string
	for _, t := range texts {
		if lines = wrapIndent(styleMuted.Render(t), w); len(lines) <= n {
			// The rows left explain the measures to watch, which at
			// 120×40 would leave three of the five blank under the hint.
			return append(lines, m.explained(terms, w, n-len(lines), 0)...)
		}
	}
	return cutLines(lines, w, n)
}

// watchVerdict is whether watchLines, with no finding, says G is far from
// its target or, the run done, not near it: "No finding, but G is far
// from the target (KS 0.998, over 0.5)", a verdict and not a hint.
func (m *Model) watchVerdict() bool {
	s := &m.snap
	eval := &s.Eval
	if s.Replay != nil {
		eval = &s.Replay.Eval
	}
	if eval.Epoch == 0 {
		return false
	}
	if far, _ := eval.Far(s.CheckNoise); far {
		return true
	}
	if s.State == session.Done && s.Replay == nil {
		notNear, _, _ := eval.NotNear(s.CheckNoise)
		return notNear
	}
	return false
}

// questionKey is the key the diagnosis's texts send to the ? pages'
// explanations with, written together (numtext.Together) so that wrapping
// keeps it whole: wgan's Q-Q view at 120×40 would otherwise end a line
// "Findings show here while they hold; ?" over "twice explains each mark."
// On the keys page, the first ? pressed, one ? more opens them, as its key
// bar says ("?   diagnosis"), and the texts say "? again", as wide, so that
// the lines wrap alike: "? twice" there would pass the page they name.
func (m *Model) questionKey() string {
	if m.keys.page == pageKeys {
		return numtext.Together("? again")
	}
	return numtext.Together("? twice")
}

// lossesPanel: the three losses over the run, latest values in the legend,
// the equilibrium dotted.
func (m Model) lossesPanel(w, h int) string {
	return block(append(m.lossLegend(w), strings.Split(m.lossView, "\n")...), w, h)
}

func (m *Model) lossLegend(w int) []string {
	lines, _ := m.lossLegendOf(w)
	return lines
}

// lossLegendOf is the losses' legend at width w, and whether it gives D's
// gradient penalty, which gives way first where there is no room: the
// remedy that explains the penalty says where its value is as this
// decides it (penaltyShown).
func (m *Model) lossLegendOf(w int) ([]string, bool) {
	s := &m.snap
	// After updates by hand (d, g) the losses of the latest are given, as
	// the status line gives them, the title saying whose they are: the
	// epoch's would stand still while d and g move them. Where the title
	// does not fit in full it says whose in short, "D and G by hand", so
	// that a critic's signed losses at 80×24, which leave no room for the
	// full title, are not given by hand without saying so.
	titles, hasD, hasG := []string{m.legendTitle("Losses")}, s.Last.Epoch > 0, s.Last.Epoch > 0
	real, fake, g := s.Last.DReal, s.Last.DFake, s.Last.G
	handD := false
	if h := s.Hand; h != nil {
		var who []string
		if h.D {
			handD, hasD, real, fake = true, true, h.DReal, h.DFake
			who = append(who, "D")
		}
		if h.G {
			hasG, g = true, h.GLoss
			who = append(who, "G")
		}
		whose := numtext.List(who, "and") + " by hand"
		titles = []string{styleTitle.Render("Losses") + styleMuted.Render(", "+whose), styleMuted.Render(whose)}
	}
	items := []string{
		"", // the title, as it fits
		legendItem(styleDReal, markDReal, "D real", real, hasD),
		legendItem(styleDFake, markDFake, "D fake", fake, hasD),
		legendItem(styleG, markG, "G", g, hasG),
	}
	// D's gradient penalty, which neither of D's losses holds, as the
	// progress lines and the CSV give it; no line of its own, so no mark.
	// It gives way first where the legend has no room. Without it r1,
	// whose remedy it is, would read "D real 0.274" with the headless
	// line's "penalty=0.2398" nowhere on the screen. An update of D by
	// hand does not give it, so the epoch's is not set beside its losses.
	var penalty []string
	if s.Penalized && !handD {
		val := "–"
		if s.Last.Epoch > 0 {
			val = numtext.Measure(s.Last.Penalty)
		}
		penalty = []string{styleMuted.Render("penalty") + " " + styleBold.Render(val)}
	}
	// The losses the chart draws flat by the others' scale are named by
	// their marks last, in short where the long note does not fit.
	marks := ""
	for i, f := range m.lossFlat {
		if se := m.losses.series[i]; f {
			marks += se.style.Render(string(se.mark))
		}
	}
	with := func(title, flat string, penalty []string) []string {
		items := slices.Concat([]string{title}, items[1:], penalty)
		switch {
		case !hasG:
		case m.losses.offScale(lossG, g) == 1:
			items[3] += styleG.Render(" ▲ off scale")
		case m.losses.offScale(lossG, g) == -1:
			items[3] += styleG.Render(" ▼ off scale")
		}
		if eq := s.Equilibrium; eq != nil {
			mark := "" // a dash for each line the chart draws, in its style
			for i, r := range balanceLines(eq) {
				if i < len(m.lossRefsShown) && m.lossRefsShown[i] {
					mark += r.style.Render("┈")
				}
			}
			if mark != "" { // named only where drawn
				items = append(items, mark+styleRef.Render(" "+eqLabel(eq, w)))
			}
		}
		if marks != "" {
			items = append(items, marks+styleMuted.Render(flat))
		}
		return items
	}
	// The epoch's losses are said to be the last epoch's, as the moments'
	// are the last batch's, where that costs the legend no row and no
	// item: the diagnosis reads them averaged over about 100 epochs, and
	// at 80×24, where only its heads fit, "✓ D's losses sit at their
	// equilibrium" stood beside "D fake 0.114" with nothing to say that
	// the two are of different spans (blog-original, seed 1, epoch 1,300).
	var latest []string
	if s.Hand == nil && s.Last.Epoch > 0 && m.legendAt() == "" {
		latest = []string{styleTitle.Render("Losses") + styleMuted.Render(", last epoch")}
	}
	for _, pen := range [][]string{penalty, nil} {
		for _, title := range titles {
			for _, flat := range []string{flatNote, flatShort} {
				if lines := flow(with(title, flat, pen), w, 2); fits(lines, w) {
					if latest != nil {
						if long := flow(with(latest[0], flat, pen), w, 2); fits(long, w) && len(long) <= len(lines) {
							return long, pen != nil
						}
					}
					return lines, pen != nil
				}
			}
		}
	}
	// Long values (a diverged critic's 3.244e6 and -4.901e6) with "▼ off
	// scale" would run past the panel's edge at 80×24, cut to "▼ off s…": the
	// legend gives way from its title.
	return flow(with("", flatShort, nil)[1:], w, 2), false
}

// flatNote follows the marks of the losses the chart draws flat by the others'
// scale (flatRatio), last in its legend, "●○ flat at this scale": beside a
// loss a million times another, the other is a still line along 0, which
// unnamed reads as a loss at 0 that does not move.
const (
	flatNote  = " flat at this scale"
	flatShort = " flat here"
)

// momentsPanel: the generated mean and std per epoch against the target's,
// as in the blog's first figure, and the higher moments as numbers.
func (m Model) momentsPanel(w, h int) string {
	legend, shape := m.momText(w, h)
	lines := append(legend, strings.Split(m.momView, "\n")...)
	return block(append(lines, shape...), w, h)
}

// momText is the moments panel's text at w×h: its legend over the chart
// and the higher moments under it (shapeLines), or, where those would
// leave the chart under minChartRows (70×20 and 70×21), what fits of
// them after the legend's last line: σ std 0.187 ┈2.06  skew -0.464 (0),
// in three decimals where they fit as well as in two (momentNum).
// Their line would leave the chart a single row of plot there, its mean
// and std a smear of dots under one Y label (5, for a range of 0 to 5.3),
// the target's dotted line nowhere.
//
// The title gives way to them there: a longer title is kept only where it
// leaves them the room the shortest does ("Moments, last batch" would put
// the mean on the std's line at 70×20, and the skew off the screen).
func (m *Model) momText(w, h int) (legend, shape []string) {
	titles := m.momTitles()
	legend = m.momLegendOf(w, titles)
	if shape = m.shapeLines(w, h-len(legend)); shape == nil {
		if _, short := m.shapeItems(); short != nil {
			packed := func(legend, items []string) (string, int) {
				return packN("  ", append([]string{legend[len(legend)-1]}, items...), w)
			}
			shortest := m.momLegendOf(w, titles[len(titles)-1:])
			// In three decimals where they hold as many items as two do.
			if measured := m.shapeShort(signed); packedCount(packed(shortest, measured)) == packedCount(packed(shortest, short)) {
				short = measured
			}
			with := func(legend []string) (string, int) { return packed(legend, short) }
			_, most := with(shortest)
			for i := range titles {
				if legend = m.momLegendOf(w, titles[i:]); i == len(titles)-1 {
					break
				}
				if _, n := with(legend); n == most {
					break
				}
			}
			legend[len(legend)-1], _ = with(legend)
		}
	}
	return legend, shape
}

// packedCount is how many items packN's line holds.
func packedCount(_ string, count int) int { return count }

// shapeLines are the higher moments under the moments chart, given room
// lines for the chart and them: on a short screen, where two lines would
// leave the chart under minChartRows, what fits of them on one; where
// one would, none (momText).
func (m *Model) shapeLines(w, room int) []string {
	lines := m.higherMoments(w)
	switch {
	case len(lines) == 0 || room-len(lines) >= minChartRows:
		return lines
	case room-1 >= minChartRows:
		return []string{pack("  ", lines, w)}
	}
	return nil
}

// minChartRows is the least height a line chart is given before the text
// beside it gives way: two rows of plot, the time axis and its labels.
// Two rows are the fewest with two Y labels, a scale that can be read,
// and room for a curve apart from its target's dotted line. The chart
// band is never lower than its legends' two lines and these (layout).
const minChartRows = 4

// momTitles are the moments legend's titles, longest first. They say whose its
// values are, "Moments, last batch" where there is room: the epoch's last
// generated batch, which the samples panel beside it ("10,000 at epoch 5,000")
// and the final line do not show, so that blog-original's "μ mean 12.732" does
// not read as of the final line's fresh samples' mean=13.1046 and the skew
// under it. After G is updated by hand (g) they say which epoch's batch its
// values are of, as the losses' legend says whose its losses are
// (lossLegendOf), while the plane, histogram and Quality show the G that g has
// moved. The short title drops the name where the long one does not fit. With
// g_ema they say the batch is G's own, as the ? page's remedy does ("the
// moments chart are G's own"), not the average's that the plane and Quality
// show, so that grid-pacgan4-ema's std X 3.70 is not read beside Quality's x
// ±3.74 of the average as the same.
func (m *Model) momTitles() []string {
	s := &m.snap
	if h := s.Hand; h != nil && h.G && s.Last.Epoch > 0 {
		of := "epoch " + numtext.FormatInt(s.Last.Epoch) + "'s batch"
		return []string{styleTitle.Render("Moments") + styleMuted.Render(", "+of), styleMuted.Render(of)}
	}
	if s.GEMA > 0 {
		return []string{m.legendTitle("Moments") + styleMuted.Render(", G's own"), m.legendTitle("Moments")}
	}
	if s.Last.Epoch > 0 && m.legendAt() == "" {
		return []string{styleTitle.Render("Moments") + styleMuted.Render(", last batch"), styleTitle.Render("Moments")}
	}
	return []string{m.legendTitle("Moments")}
}

// momLegendOf is the moments legend at width w, its title the first of
// titles that fits, else the last.
func (m *Model) momLegendOf(w int, titles []string) []string {
	s := &m.snap
	has := s.Last.Epoch > 0
	if p := s.Target.Plane; p != nil { // x and y in two colours, the target's after ┈
		mx, my, sx, sy := planeMoments(p)
		// The means' lines end in x and y, the stds' in X and Y; G's
		// values written by write, the target's, where target, as
		// Quality writes them (momentNum), one where x's and y's agree.
		pair := func(name string, markX, markY rune, x, y, tx, ty float64, write func(float64) string, target bool) string {
			item := name + " " + legendItemAs(write, styleAxisX, markX, "", x, has) + " " + legendItemAs(write, styleAxisY, markY, "", y, has)
			if !target {
				return item
			}
			t, u := momentNum(tx, false), momentNum(ty, false)
			if u != t {
				t += "," + u
			}
			return item + styleTarget.Render(" ┈"+t)
		}
		short := func(v float64) string { return momentNum(v, false) }
		// Short of room, the means and stds are named μ and σ, then the
		// target's values give way, the means' first, then the stds':
		// the chart's dotted lines and Quality give those; only then do
		// G's values lose a decimal, as the 1-D legend keeps its three
		// (but beside a target centred off 0, below).
		// Each title is tried with each of these before a shorter one,
		// so that the title says whose the values are, "Moments, last
		// batch", as a 1-D run's does, the title going last, since it
		// names the chart: at 80×24 (39 columns) "μ x -0.241 y -0.178
		// σ X 1.781 Y 2.172" under it, where "mean x -0.241 y -0.178
		// std X 1.781 Y 2.172" is 41 columns. A points(…) target's
		// "┈-0.0509,0.693" would take the title's room.
		type form struct {
			write     func(float64) string
			mean, std string // the names of the means and the stds
			tm, ts    bool   // the target's values on the line
		}
		forms := []form{
			{numtext.Measure, "mean", "std", true, true},
			{numtext.Measure, "μ", "σ", true, true},
			{numtext.Measure, "μ", "σ", false, true},
			{numtext.Measure, "μ", "σ", false, false},
			{short, "μ", "σ", false, false},
		}
		if momentNum(mx, false) != "0.00" || momentNum(my, false) != "0.00" {
			// A target centred off 0 (moons at (0.50, 0.25), gaussian2, a
			// points file) keeps its means where G's values in two
			// decimals leave them room, before they give way: its
			// means are no 0 a learner knows, as ring's and grid's are,
			// and "μ x 0.51 y 0.34 ┈0.50,0.25" compares where "μ x 0.508
			// y 0.336" beside nothing does not (100×30).
			// Then, as a 1-D legend gives them, the means beside the
			// title and the stds with the target's under it, the means'
			// target given way (Quality gives it, "vs 0.50±0.87"): at
			// 80×24 (39 columns) "Moments, last batch  μ x 0.34 y -0.06"
			// over "σ X 0.97 Y 0.38 ┈0.87,0.50", μ before σ as ring's
			// legend reads there and the chart's lines end. The title
			// and the means with their target do not fit on its two
			// lines; they had been put after the stds, "Moments, last
			// batch  σ X 0.97 Y 0.38" over "μ x 0.34 y -0.06 ┈0.50,0.25",
			// the one legend to give σ before μ.
			forms = slices.Insert(forms, 2, form{short, "μ", "σ", true, true}, form{short, "μ", "σ", false, true})
		}
		// items are form i's two lines, each as wide as it is with G's
		// means negative, so that a form and its line breaks are picked
		// at the width the values take with either sign, and the legend
		// does not change form from frame to frame as a mean crosses 0
		// (moons at 100×30 went from "μ x 0.34 y -0.06 ┈0.50,0.25" to
		// "μ x 0.339 y 0.063", at 80×24 gained and lost "┈0.87,0.50").
		items := func(i int) []string {
			v := forms[i]
			line := func(gx, gy float64) []string {
				return []string{
					pair(v.mean, 'x', 'y', gx, gy, mx, my, v.write, v.tm),
					pair(v.std, 'X', 'Y', s.Last.Std, s.Last.StdY, sx, sy, v.write, v.ts),
				}
			}
			got, widest := line(s.Last.Mean, s.Last.MeanY), line(-math.Abs(s.Last.Mean), -math.Abs(s.Last.MeanY))
			for k := range got {
				got[k] += strings.Repeat(" ", max(0, ansi.StringWidth(widest[k])-ansi.StringWidth(got[k])))
			}
			return got
		}
		for _, title := range titles {
			for i := range forms {
				if lines := flow(append([]string{title}, items(i)...), w, 2); fits(lines, w) {
					return lines
				}
			}
		}
		return flow(items(len(forms)-1), w, 2)
	}
	items := []string{
		legendItem(styleMean, markMean, "mean", s.Last.Mean, has) + styleTarget.Render(" ┈"+num(s.Target.Mean)),
		legendItem(styleStd, markStd, "std", s.Last.Std, has) + styleTarget.Render(" ┈"+num(s.Target.Std)),
	}
	var lines []string
	for _, title := range titles {
		if lines = flow(append([]string{title}, items...), w, 2); fits(lines, w) {
			break
		}
	}
	return lines
}

// legendTitle is a legend's title, with the epoch its values are of when
// that is not the header's: a run diverged on a value that is not finite
// shows its last finite epoch (Losses at 1,499 under epoch 1,500), marked
// so that its values do not pass for those of the header's epoch.
func (m *Model) legendTitle(name string) string {
	return styleTitle.Render(name) + m.legendAt()
}

// legendAt is what follows a legend's title where its values are of an
// epoch before the screen's, a diverged run's last finite one, " at
// 1,499", else "".
func (m *Model) legendAt() string {
	s := &m.snap
	if s.State == session.Diverged && s.Last.Epoch > 0 && s.Last.Epoch < s.Epoch {
		return styleMuted.Render(" at " + numtext.FormatInt(s.Last.Epoch))
	}
	return ""
}

// higherMoments puts the shape of fresh samples next to the target's, on
// one line where it fits: in the long form, else the short form in every
// measure's three decimals ("skew -0.087 (0)  ex.kurt -0.750 (-1.77)" at
// 80×24, where it had read "-0.09" and "-0.75" beside the legend's three),
// else the short form in two (momentNum), else on two lines.
func (m *Model) higherMoments(w int) []string {
	long, short := m.shapeItems()
	if long == nil {
		return nil
	}
	for _, items := range [][]string{long, m.shapeShort(signed)} {
		if lines := flow(items, w, 2); len(lines) == 1 {
			return lines
		}
	}
	return flow(short, w, 2)
}

// shapeItems are the skewness and excess kurtosis of fresh samples with
// the target's, long (three decimals, vs the target's) and short (two,
// the target's in brackets: shapeShort); none in 2-D, where the side
// panel has what matters. With g_ema the samples are G's average's, and
// the items say so under a chart whose legend reads "Moments, G's own",
// beside which unmarked they would read as G's own.
func (m *Model) shapeItems() (long, short []string) {
	s := &m.snap
	if s.Target.Plane != nil {
		return nil, nil
	}
	mt := s.Eval.Metrics
	long = []string{
		"skew " + signed(mt.Skew) + styleMuted.Render(" vs "+num(s.Target.Skew)),
		"ex.kurt " + signed(mt.Kurt) + styleMuted.Render(" vs "+num(s.Target.Kurt)),
	}
	if s.GEMA > 0 {
		long = append([]string{styleMuted.Render("G's average:")}, long...)
	}
	return long, m.shapeShort(func(v float64) string { return momentNum(v, true) })
}

// shapeShort is shapeItems's short form, the samples' values written
// signed by write: the target's in brackets, "average:" for G's
// average's.
func (m *Model) shapeShort(write func(float64) string) []string {
	s := &m.snap
	mt := s.Eval.Metrics
	short := []string{
		"skew " + write(mt.Skew) + styleMuted.Render(" ("+num(s.Target.Skew)+")"),
		"ex.kurt " + write(mt.Kurt) + styleMuted.Render(" ("+num(s.Target.Kurt)+")"),
	}
	if s.GEMA > 0 {
		short = append([]string{styleMuted.Render("average:")}, short...)
	}
	return short
}

// pack joins as many items as fit in width w, in order of importance,
// leaving out those that do not fit.
func pack(sep string, items []string, w int) string {
	out, _ := packN(sep, items, w)
	return out
}

// packN is pack's line and how many of items it holds.
func packN(sep string, items []string, w int) (string, int) {
	out, n := "", 0
	for _, it := range items {
		switch {
		case out == "":
			out, n = it, 1
		case ansi.StringWidth(out)+ansi.StringWidth(sep)+ansi.StringWidth(it) <= w:
			out, n = out+styleMuted.Render(sep)+it, n+1
		}
	}
	return out, n
}

// flow joins items into at most n lines of width w, breaking between items.
func flow(items []string, w, n int) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		switch {
		case cur == "":
			cur = it
		case ansi.StringWidth(cur)+2+ansi.StringWidth(it) <= w:
			cur += "  " + it
		default:
			lines = append(lines, cur)
			cur = it
		}
	}
	lines = append(lines, cur)
	if len(lines) > n {
		lines[n-1] = strings.Join(lines[n-1:], "  ")
		lines = lines[:n]
	}
	return lines
}

// histPanel: fresh generated samples against the target, as v chooses —
// binned against the expected counts with D(x) and the push under them,
// as a Q-Q plot, or as G's curve G(z).
func (m Model) histPanel(w, h int) string {
	s := &m.snap
	e := &s.Eval
	hist := e.Metrics.Hist
	cols := max(1, w-axisGutter) // histPlot's columns, of one width whatever hist's bins
	at := styleMuted.Render(fmt.Sprintf("%s at epoch %s", numtext.FormatInt(e.Metrics.N), numtext.FormatInt(e.Epoch)))
	var items []string
	switch m.view {
	case viewQQ, viewGZ:
		title := styleTitle.Render("Q-Q") + styleMuted.Render(" generated ↑ vs target →")
		count := numtext.FormatInt(e.Metrics.N) + " samples"
		if m.view == viewGZ {
			title = styleTitle.Render("G(z)") + styleMuted.Render(" output x ↑ for noise z →")
			// The curve is G at so many noise values, not the
			// evaluation's samples, and the title counts those: counting
			// the samples, "200 beyond ▲▼ · 10,000 at epoch 200" would
			// read as 2% of the samples off the plot where it is all of
			// the curve.
			count = numtext.FormatInt(len(e.GZ)) + " noise values"
			at = styleMuted.Render(count + " at epoch " + numtext.FormatInt(e.Epoch))
		}
		// Where the count and the epoch do not fit after the title, the count
		// alone, as the histogram's title gives it ("10,000 samples"), the
		// header giving the epoch: at 80×24 the title had said neither. A
		// run diverged on a value not finite keeps the last evaluation's
		// epoch instead, before the divergence, as the samples view does.
		short := styleMuted.Render(count)
		if s.State == session.Diverged && e.Epoch < s.Epoch {
			short = styleMuted.Render("at epoch " + numtext.FormatInt(e.Epoch))
		}
		items = []string{title}
		if m.plotCut > 0 { // the points marked ▲▼ on its edge
			items = append(items, styleMuted.Render(fmt.Sprintf("%s beyond ▲▼", numtext.FormatInt(m.plotCut))))
		}
		if m.plotNaN > 0 { // those nowhere on it, neither beyond it nor marked: "NaN" short where the epoch would not fit beside it
			nan := styleMuted.Render(numtext.FormatInt(m.plotNaN) + " NaN or infinite")
			if ansi.StringWidth(strings.Join(append(slices.Clone(items), nan, at), " · ")) > w {
				nan = styleMuted.Render(numtext.FormatInt(m.plotNaN) + " NaN")
			}
			items = append(items, nan)
		}
		if ansi.StringWidth(pack(" · ", items, w)+" · "+at) > w {
			at = short
		}
		items = append(items, at)
	default:
		title := styleTitle.Render("Samples")
		// The counts left and right of the range, in the longer form that fits
		// beside the title; where neither does, before it, the title left out:
		// shorter, never left out, since for a run gone off the range (4,987
		// left, 5,013 right; 10,000 left at 70×20) the count is what says so,
		// the bars empty under the title. One wording, "out:" short for "out
		// of range", live and in a replay at every size. Samples NaN or
		// infinite lie nowhere, neither left nor right: counted apart after
		// them, as the plane counts them apart from those beyond its box ("· 3
		// NaN or infinite", "· 3 NaN" short), not NaN and +Inf right of the
		// range nor −Inf left of it.
		counts := numtext.FormatInt(hist.Under) + styleMuted.Render(" left, ") + numtext.FormatInt(hist.Over) + styleMuted.Render(" right")
		nan, nanShort := "", ""
		if n := hist.NotFinite; n > 0 {
			nan = styleMuted.Render(" · " + numtext.FormatInt(n) + " NaN or infinite")
			nanShort = styleMuted.Render(" · " + numtext.FormatInt(n) + " NaN")
		}
		forms := []string{styleMuted.Render("out of range ") + counts + nan, styleMuted.Render("out: ") + counts + nan, styleMuted.Render("out: ") + counts + nanShort}
		// How many samples the bars are of, and with it their scale (a
		// replayed frame's are its check's, session.CheckSize, 2,000 on a
		// line; live, --samples), goes before the longer forms of the counts
		// out of range, said without the epoch, which the header gives, where
		// that is all there is room for, live as in a replay: at 80×24 the
		// live title gives its count as a replayed frame's gives "· 2,000
		// samples", not "Samples · out of range 0 left, 8 right" alone. A run
		// diverged on a value that is not finite is not evaluated at its last
		// epoch, its G's samples no numbers: the samples drawn are of the last
		// evaluation, before it, whose epoch goes there instead, as the
		// legends' "Losses at 1" under epoch 2, at 80×24 too, so that epoch
		// 0's samples are not read as of the header's epoch 2, where the
		// figure of epoch 2 says all are NaN or infinite.
		ats := []string{at, styleMuted.Render(numtext.FormatInt(e.Metrics.N) + " samples")}
		if s.Replay == nil && s.State == session.Diverged && e.Epoch < s.Epoch {
			ats[1] = styleMuted.Render("at epoch " + numtext.FormatInt(e.Epoch))
		}
		out := forms[len(forms)-1]
	pick:
		for _, a := range append(ats, "") { // "": none, where none fits
			for _, f := range forms {
				line := title + " · " + f
				if a != "" {
					line += " · " + a
				}
				if ansi.StringWidth(line) <= w {
					out = f
					if a != "" {
						at = a
					}
					break pick
				}
			}
		}
		items = []string{
			title,
			out,
			at,
			styleMuted.Render(fmt.Sprintf("%d bins of %s", cols, wholeGrouped(num((hist.Hi-hist.Lo)/float64(cols))))),
		}
		if ansi.StringWidth(title+" · "+out) > w {
			items = items[1:]
		}
	}
	lines := append(append([]string{pack(" · ", items, w)}, m.histView...), m.histFoot(w)...)
	return block(lines, w, h)
}

// generatedBy names where the samples come from in a legend: G, or the
// moving average of its weights (g_ema), which training never sees.
func generatedBy(ema float64) string {
	if ema > 0 {
		return " G's average (β " + num(ema) + ")"
	}
	return " generated"
}

// baseName names a pinned baseline in a legend by its seed and the epoch
// it was pinned at, which vs base in the quality panel compares with:
// " base seed 2 at 1,500".
func baseName(b *session.Baseline) string {
	return fmt.Sprintf(" base seed %d at %s", b.Seed, numtext.FormatInt(b.Epoch))
}

// plotFoot is the legend of the Q-Q and G(z) views: their items, the
// last the reference's, which names the target, then a pinned baseline's
// (b, nil for none), named as the histogram's outline is (baseName) by
// the mark its dots are drawn in, r in the faint colour or ghostGlyph
// without colour (braille.layer). A baseline without what the view draws
// (drawn false: a checkpoint keeps its sample, from which its quantiles
// are counted again, only up to maxPinnedSample, and G's curve only from
// format 11 on) is said to be missing, what, rather than left out in
// silence. Short of room the target's name gives way first, the
// reference's item read as short (the histogram's "expected" alike),
// then the baseline's item names it alone, or says what is missing more
// briefly: a legend is never cut inside a word, nor a target's formula
// ("the target, mixture(-2,0.5;…" at 70×20).
func plotFoot(items []string, short string, b *session.Baseline, drawn bool, r rune, what string, w int) []string {
	ref := len(items) - 1
	with := func(refItem, base string) []string {
		it := slices.Clone(items)
		it[ref] = refItem
		if base != "" {
			// After the live run's item, before the reference's, which
			// is the longest, so that at 80×24 the baseline is not cut
			// to "╌ …" after it.
			it = slices.Insert(it, 1, base)
		}
		return flow(it, w, 2)
	}
	forms := []string{""}
	if b != nil {
		mark := string(r)
		if noColour() {
			mark = string(ghostGlyph)
		}
		forms = []string{styleGhost.Render(mark) + baseName(b), styleGhost.Render(mark) + " base"}
		if !drawn {
			forms = []string{
				styleMuted.Render("no " + what + " of" + baseName(b) + ": the checkpoint kept none"),
				styleMuted.Render("no base " + what + ": the checkpoint kept none"),
				styleMuted.Render("no base " + what),
			}
		}
	}
	lines := with(items[ref], forms[0])
	for _, f := range forms {
		if fits(lines, w) {
			break
		}
		lines = with(short, f)
	}
	return lines
}

// histFoot is the samples panel's legend: one line where it fits, two on
// narrow screens, where the target's name is left out if that saves one;
// short of room, items give way whole, never cut inside a word.
func (m *Model) histFoot(w int) []string {
	e := &m.snap.Eval
	spec := m.snap.Target.Spec
	switch m.view {
	case viewQQ:
		b := m.snap.Baseline
		diag := styleExp.Render(qqDiagMark()) + " diagonal: the target"
		return plotFoot([]string{styleBar.Render("⠂") + " generated quantile", diag + ", " + spec}, diag, b, b != nil && b.Eval.Metrics.QQ != nil, '⠂', "quantiles", w)
	case viewGZ:
		b := m.snap.Baseline
		central := styleExp.Render("┈") + " target's central 98%"
		return plotFoot([]string{styleG.Render("⠒") + " G(z)", central + ", " + spec}, central, b, b != nil && b.Eval.GZ != nil, '⠒', "G(z)", w)
	}
	// The legend names the marks drawn: no █ where G's samples all lie
	// off the histogram's range (a NaN G's), nor the push, drawn only at
	// bars, which it names by a mark it draws (pushLegend); no ╌ where
	// the baseline's outline is not drawn (ghostCounts).
	hist := e.Metrics.Hist
	bars := slices.ContainsFunc(hist.Counts, func(n int) bool { return n > 0 })
	var items []string
	if bars {
		items = append(items, styleBar.Render("█")+generatedBy(m.snap.GEMA))
	}
	exp := len(items) // the expected counts' item
	items = append(items, styleExp.Render(string(expGlyph))+" expected "+spec)
	if m.histCapped {
		items = append(items, styleBar.Render(string(clipGlyph))+" cut at 3× peak")
	}
	base := -1 // the baseline's item
	if b := m.snap.Baseline; b != nil && ghostCounts(b, hist, 1, e.Metrics.N) != nil {
		base, items = len(items), append(items, styleGhost.Render(string(ghostGlyph))+baseName(b))
	}
	var noCurve []string
	curve, short := styleCurve.Render("⠂")+" D(x)", ""
	if lo, hi, ok := scoreRange(e.DCurve, m.snap.Loss.Unbounded()); ok { // a critic's score, no probability: its range
		a, b := rangeEnds(lo, hi)
		curve, short = styleCurve.Render("⠂")+" D(x) score "+a+" to "+b, styleCurve.Render("⠂")+" D(x) score"
	}
	push := ""
	if cols := w - axisGutter; e.Push != nil && cols > 0 {
		if r := pushLegend(pushMarks(e.Push, columnsOf(hist, cols).counts, cols)); r != 0 {
			push = "  " + stylePush.Render(string(r)) + " push dD/dx"
		}
	}
	at := -1 // the curve's item
	switch {
	case m.histBare: // no room for the strips under the bars
	case e.DCurve != nil:
		at, items = len(items), append(items, curve+push)
	default: // why there is no D(x) strip, on lines of its own, indented as other wrapped notes
		noCurve = wrapIndent(styleMuted.Render(e.NoCurve), w)
	}
	lines := flow(items, w, 2)
	if len(lines) > 1 {
		items[exp] = styleExp.Render(string(expGlyph)) + " expected"
		// Shorter where it saves a line or where it fits and the longer,
		// folded into two by flow, does not.
		if l := flow(items, w, 2); len(l) < len(lines) || !fits(lines, w) && fits(l, w) {
			lines = l
		}
	}
	if !fits(lines, w) && at >= 0 && short != "" { // a critic's range gives way, the strip's max and min stay
		items[at] = short + push
		lines = flow(items, w, 2)
	}
	// Still too wide (a baseline of a long name, a seed r drew pinned at epoch
	// 200,000, at 80×24, where vanilla's would read "╌ base seed 123456789 at
	// 200,00…", D(x) and its push cut away): the target's name goes, then the
	// baseline's item names it alone, its seed and epoch left out (Quality's
	// vs base compares with it), then D's push gives way whole, as on the
	// plane; the glossary has them. A legend is never cut inside a word.
	for _, giveWay := range []func(){
		func() { items[exp] = styleExp.Render(string(expGlyph)) + " expected" },
		func() {
			if base >= 0 {
				items[base] = styleGhost.Render(string(ghostGlyph)) + " base"
			}
		},
		func() {
			if at >= 0 {
				items[at] = strings.TrimSuffix(items[at], push)
			}
		},
	} {
		if fits(lines, w) {
			break
		}
		giveWay()
		lines = flow(items, w, 2)
	}
	return append(lines, noCurve...)
}

// sidePanel stacks the quality measures, with their trends (m.ks, m.w1,
// m.sw1), over the settings.
func (m Model) sidePanel(w, h int) string {
	mt := m.snap.Eval.Metrics
	floor := m.snap.Eval.KSFloor
	// The heading names the measures lower is better for: noise use,
	// modes and HQ, below them, are better higher.
	better := " lower KS, W1 better"
	if m.snap.Target.Plane != nil {
		better = " lower SW1 better"
	}
	lines := []string{styleTitle.Render("Quality") + styleMuted.Render(better)}
	// Under the heading, the epoch the measures are of where the run diverged
	// after it, its weights not finite, so that at 80×24 "KS 0.998" of epoch 0
	// does not stand undated under a header at epoch 1 beside a final line's
	// ks=NaN.
	unmeasured := m.unmeasuredLines(w)
	lines = append(lines, unmeasured...)
	// The comparison with a baseline takes a line a measure, each whole,
	// where the one line would be wider than the panel (a runaway's
	// differences); short of rows, the measures after its first give way
	// whole, so that the first two measures above it stay in sight.
	base := baselineLines(&m.snap, w)
	base = base[:min(len(base), max(1, h-settingsRows-2))]
	switch {
	case mt.Plane != nil:
		n := h - len(lines) - settingsRows
		if m.snap.Baseline != nil {
			n -= len(base) + 1 // the baseline's lines and its settings' follow
		}
		lines = append(lines, m.planeQuality(&m.sw1, w, n)...)
	case m.snap.Target.Plane != nil: // no evaluation yet
	default:
		lines = append(lines, metricLines([]metricRow{
			{"KS", mt.KS, mt.N > 0 && mt.KS <= floor, &m.ks},
			{"W1", mt.W1, false, &m.w1},
		}, w)...)
		if drawsNoiseUse(&m.snap) && mt.RowWidth > 1 { // one sample a draw has noise use 1 by construction; measured at a check
			lines = append(lines, zdepLine(mt.ZDep, w))
		}
		if drawsModes(&m.snap) {
			lines = append(lines, modesLine(mt, m.blurred(), w))
		}
	}
	if len(base) > 0 {
		// Short of room for it, the measures after the first two (KS and
		// W1, or SW1 and its floor) give way to the comparison a baseline
		// is pinned for, from the last up: at 70×20, where three rows
		// stand above the settings, a cut from the bottom would take "vs
		// base" and keep noise use or the modes, and nothing on the
		// screen would compare the run with its baseline.
		if keep := 1 + len(unmeasured) + max(2, h-settingsRows-len(base)); len(lines) > keep { // the heading, their epoch and the measures
			lines = lines[:keep]
		}
		lines = append(lines, base...)
	}
	// Then what the baseline's settings differ in: in the rows left above
	// the settings, or at least one in the Quality heading's place.
	lines = append(lines, baseSettingsLines(&m.snap, w, max(1, h-settingsRows-len(lines)))...)
	settings := make([]string, 0, settingsRows)
	// In a replay the settings are the run's as it is now, which ←→
	// change, not those the frame was trained with: the title says so.
	// Untitled, beside an earlier epoch they would pass for that epoch's,
	// a learning rate raised at 3,000 read as the one of epoch 1,000.
	title := "Settings"
	if m.snap.Replay != nil {
		title = "Settings now"
	}
	// While the setting picked differs from the value the run started
	// with, the keys name 0, which sets it back (session.Reset), as the
	// footer offers it:
	// "↑↓←→ tune 0 reset" in the panel's 28 columns, "pick" the word
	// that gives way, then "tune", which the footer names: a replay's
	// "Settings now" leaves no room for both, and its footer at 80
	// columns none for "0 reset" beside "u again", so that after u
	// and , the 0 that sets G lr back was named nowhere.
	keys := " ↑↓ pick ←→ tune"
	for _, reset := range []string{" ↑↓←→ tune 0 reset", " ↑↓←→ 0 reset"} {
		if m.resettable() && ansi.StringWidth(title+reset) <= w {
			keys = reset
			break
		}
	}
	settings = append(settings, styleTitle.Render(title)+styleMuted.Render(keys))
	st := m.snap.Settings
	for i := range session.NumSettings {
		row := fmt.Sprintf("%-16s %s", i, st.Text(i))
		if i == session.DSteps && m.snap.DWarmup > 0 {
			// An epoch of D's warm-up takes its steps, not the setting's
			// (wgan's 100 for 5), which the row says in the side panel's
			// width by giving the label's padding to the value.
			row = fmt.Sprintf("%-14s %s", i, numtext.Together(fmt.Sprintf("%d warm-up", m.snap.DWarmup)))
		}
		if i == m.sel {
			settings = append(settings, styleSelect.Render("› "+row))
		} else {
			settings = append(settings, "  "+row)
		}
	}
	// Short of room (full help open at 80×24, a wide screen 20 rows high
	// with a modes line, a baseline's settings at 80×24), the spacer goes
	// first, then the Quality heading, then the measures from the last
	// up, so that every setting stays in sight: the selected one is the
	// row the arrows change.
	spacer := []string{""}
	if len(lines)+len(spacer)+len(settings) > h {
		spacer = nil
	}
	if len(lines)+len(settings) > h {
		lines = lines[1:]
	}
	lines = lines[:max(0, min(len(lines), h-len(settings)))]
	return block(slices.Concat(lines, spacer, settings), w, h)
}

// unmeasuredLines date the Quality panel's measures, wrapped at w, where
// they are older than the run's epoch because it diverged: "at epoch 0 ·
// not measured since: diverged at epoch 1". A stopped run is evaluated
// as it stands (session.Session.publish) but for one whose weights are no
// longer finite, which keeps its last evaluation; a figure's panel (c)
// says of such a run "diverged before its first check", the final line
// ks=NaN. None for any other run, nor in a replay, whose measures are the
// frame's and dated by the header.
func (m *Model) unmeasuredLines(w int) []string {
	s := &m.snap
	if s.State != session.Diverged || s.Err == nil || s.Replay != nil || s.Eval.Epoch >= s.Epoch {
		return nil
	}
	text := "at " + numtext.Together("epoch "+numtext.FormatInt(s.Eval.Epoch)) + " · not measured since: diverged at " +
		numtext.Together("epoch "+numtext.FormatInt(s.Err.Epoch))
	lines := textwrap.Wrap(text, w)
	for i, l := range lines {
		lines[i] = styleMuted.Render(l)
	}
	return lines
}

// settingsRows are the side panel's settings lines, heading included.
const settingsRows = 1 + int(session.NumSettings)

// planeQuality is the side panel's measures of a two-dimensional run, at
// most n lines: sliced W1 (with its trend sw1) and its floor, the
// high-quality share and the modes captured, then the mean and std per
// axis against the target's, which are left out where there is no room
// for them.
func (m *Model) planeQuality(sw1 *trend, w, n int) []string {
	pm := m.snap.Eval.Metrics.Plane
	lines := []string{
		metricLine("SW1", pm.SW1, pm.SW1 <= 1.5*pm.SW1Floor, sw1, w),
		styleMuted.Render("floor ") + numtext.Measure(pm.SW1Floor),
	}
	if k := len(pm.Spots); k > 0 {
		count := fmt.Sprintf("%d/%d", pm.Captured, k)
		if pm.Captured < k {
			count = styleBad.Render(count)
		}
		lines[1] += styleMuted.Render(" · HQ ") + session.HighQualityShare(pm.HighQuality)
		lines = append(lines, "modes "+count+styleMuted.Render(" captured"))
	}
	// What captured asks, under the count where there is room for it beside
	// the axes: one sample in 2,500 captures a mode, so "modes 3/8 captured"
	// stands beside "HQ 0.4%" (ring-mbd, seed 1, at epoch 149), and without
	// the rule would read as part of the target learned.
	var rule []string
	if len(pm.Spots) > 0 {
		rule = []string{styleMuted.Render(capturedRule)}
	}
	mx, my, sx, sy := planeMoments(m.snap.Target.Plane)
	// An axis's line is its mean±std and the target's, G's in three
	// decimals as every other measure on the screen (numtext.Measure) where
	// the line fits the panel, "x -0.341±0.201 vs 0.00±1.41", else in
	// two (momentNum), the target's in two as the moments legend's ┈ gives
	// them; or, where even that is wider than the panel (a runaway's
	// moments in the exponent form, "x -8.2852e4±3.0587e4"), two lines,
	// the target's under its own: cut to the panel's width,
	// "x -82852.41±30586.96 vs 0.0…" would lose the target's values.
	// Short of room for those, the targets give way: the moments chart's
	// dotted lines give them too.
	var axes, bare []string
	for _, a := range []struct {
		name              string
		mean, std, tm, ts float64
	}{{"x", pm.MeanX, pm.StdX, mx, sx}, {"y", pm.MeanY, pm.StdY, my, sy}} {
		moments := a.name + " " + signed(a.mean) + "±" + numtext.Measure(a.std)
		short := a.name + " " + momentNum(a.mean, true) + "±" + momentNum(a.std, false)
		target := styleMuted.Render(" vs " + momentNum(a.tm, false) + "±" + momentNum(a.ts, false))
		if lipgloss.Width(moments) > w {
			moments = short
		}
		bare = append(bare, moments)
		switch {
		case lipgloss.Width(moments+target) <= w:
			axes = append(axes, moments+target)
		case lipgloss.Width(short+target) <= w:
			axes = append(axes, short+target)
		default:
			axes = append(axes, short, strings.Repeat(" ", len(a.name))+target)
		}
	}
	if len(lines)+len(axes) > n {
		axes = bare
	}
	if len(rule) > 0 && len(lines)+len(axes) > n && n >= 3 && m.legendCounts() {
		// Short of rows for the axes, where the plane's legend counts the
		// modes ("Modes 5/8 captured", modesHead) the count here gives its
		// row to them, in one (axesRow), and the rule, where it still has
		// a row, names what it explains: at 80×24 ring's Quality had read
		// "modes 5/8 captured" beside the legend's count, and had no x or
		// y. Where even that row does not fit (70×20) the count stays.
		lines = append(lines[:2], axesRow(pm, mx, my, sx, sy, w))
		if lipgloss.Width(capturedRuleAlone) <= w && len(lines) < n {
			lines = append(lines, styleMuted.Render(capturedRuleAlone))
		}
		return lines
	}
	if len(lines)+len(axes) <= n {
		lines = append(lines, axes...)
	}
	if len(rule) > 0 && len(lines)+len(rule) <= n && lipgloss.Width(capturedRule) <= w {
		lines = slices.Insert(lines, 3, rule...) // under the modes line
	}
	return lines
}

// axesRow writes G's mean±std on both axes in one row of at most w cells,
// with the target's in brackets where they fit, "x -0.06±1.77 (0.00±1.41)",
// else G's alone, "x -0.06±1.77 y -0.03±1.74", in three decimals where
// they fit, else two (momentNum); the target's are the moments chart's
// dotted lines too.
func axesRow(pm *engine.PlaneMetrics, mx, my, sx, sy float64, w int) string {
	type axis struct {
		name              string
		mean, std, tm, ts float64
	}
	both := []axis{{"x", pm.MeanX, pm.StdX, mx, sx}, {"y", pm.MeanY, pm.StdY, my, sy}}
	row := func(short, target bool) string {
		parts := make([]string, len(both))
		for i, a := range both {
			parts[i] = a.name + " " + signed(a.mean) + "±" + numtext.Measure(a.std)
			if short {
				parts[i] = a.name + " " + momentNum(a.mean, true) + "±" + momentNum(a.std, false)
			}
			if target {
				parts[i] += styleMuted.Render(" (" + momentNum(a.tm, false) + "±" + momentNum(a.ts, false) + ")")
			}
		}
		return strings.Join(parts, " ")
	}
	for _, r := range []string{row(false, true), row(true, true), row(false, false)} {
		if lipgloss.Width(r) <= w {
			return r
		}
	}
	return row(true, false)
}

// legendCounts tells whether the plane's legend beside the plot shows the
// modes count (modesHead) on this screen: a target with modes, the
// plane panel drawn (not the keys page's design) and its notes room for
// a line, as planePanel and planeNotes give it.
func (m *Model) legendCounts() bool {
	pm := m.snap.Eval.Metrics.Plane
	l := m.layout()
	if pm == nil || len(pm.Spots) == 0 || !l.ok || m.keys.page == pageKeys {
		return false
	}
	w, h := l.histW, l.bottomH-1 // the panel's, under its title
	if l.momBeside {
		w = l.planeW
	}
	if plotW := lipgloss.Width(firstLine(m.histView)); plotW > 0 {
		w, h = w-plotW-len(gap), len(m.histView)
	}
	return w >= 8 && h >= 1
}

// capturedRule is what a mode captured asks, the papers' rule
// (engine.CapturedShare), under the Quality panel's "modes 4/8 captured".
const capturedRule = "each by ≥1 sample in 2,500"

// capturedRuleAlone is capturedRule where Quality leaves the count to the
// plane's legend, "Modes 5/8 captured" (planeQuality): the word it
// explains named, which under "floor · HQ" the rule alone would not.
const capturedRuleAlone = "captured: ≥1 sample in 2,500"

// momentNum writes a moment of the samples where the room is short, signed if
// asked: two decimals where every other measure has three (numtext.Measure),
// and only where three do not fit: the plane's Quality lines where G's
// mean±std in three would push them past the side column's 28 (a mean of
// -12.345 beside a std of 10.234: planeQuality); the 2-D moments legend
// where even "μ x -12.345 y -10.690  σ X 0.407 Y 0.443" is wider than its
// panel, so that it gives way a decimal before it gives way its title
// (momLegendOf: at 80×24 its 39 columns hold "Moments, last batch" over
// "μ x -0.241 y -0.178  σ X 1.779 Y 2.172"); the 1-D skew and kurtosis where "skew -0.464 (0) ex.kurt +0.082 (-1.77)" is
// wider than the panel (higherMoments). The target's moments beside G's, on
// the plane, it writes in two decimals wherever they stand, as the legend's ┈
// and Quality's vs give them. It writes
// two decimals, whole from 100, and from 10⁴ up as
// the moments legend, the headless lines and a runaway's status line write it
// (numtext.Measure: numtext.Figure, 5.2378e4), so that a runaway's mean reads one way
// on the screen, not -83000 beside a status line's "mean x -8.2852e4". A value
// that is not 0 but two decimals would write as 0.00 (a collapsed G's std of
// 0.003) is written as numtext.Measure writes it too (0.003, 2.4841e-6). At most
// numtext.FigureWidth characters and a sign.
func momentNum(v float64, signed bool) string {
	var s string
	switch a := math.Abs(v); {
	case a < 100 || math.IsNaN(v):
		if s = strconv.FormatFloat(cleanZero(v), 'f', 2, 64); v != 0 && strings.Trim(s, "-0.") == "" {
			s = numtext.Measure(v)
		}
	case a < 1e4:
		s = strconv.FormatFloat(v, 'f', 0, 64)
	default:
		s = numtext.Measure(v)
	}
	if signed && !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "+") && !math.IsNaN(v) {
		s = "+" + s
	}
	return s
}

// modesLine counts the target's modes that get at least half their mass
// and gives each mode's share of the samples, as mode_share does headless,
// then, where w has room for it, the target's after "vs", as the plane's
// axes give theirs, one share for modes that are due alike: "modes 1/2
// >99% <1% vs 50%" (two spaces after the count) is a generator collapsed
// onto one of two modes.
// Without the target's, "modes 2/2  30% 58%" (bimodal, seed 1, epoch
// 10,000) would leave a learner to work out from the target's name what
// each mode is due, which the diagnosis gives ("50% in the target").
// Where the diagnosis finds every mode covered but as one blob across
// them, "blob" takes the place of the count, whose N/N it implies, the
// shares in the same columns: "modes blob 37% 37% vs 50%"
// (historical-averaging, seed 1, epoch 3,000). Beside the count, "modes
// 2/2 blob 37% 37% vs 50%" would take 29 columns of the panel's 28.
// Where the target's share fits only without the second space after the
// count, the count gives it up: a three-mode mixture's "modes 3/3 20% 20%
// 20% vs 33%" is 28 columns, where "modes 3/3  20% 20% 20%" had left its
// 33% out; the shares alone keep their columns.
func modesLine(mt engine.Metrics, blurred bool, w int) string {
	count := fmt.Sprintf("%d/%d", mt.ModesCovered, len(mt.Modes))
	if mt.ModesCovered < len(mt.Modes) {
		count = styleBad.Render(count)
	}
	head, compact := "modes "+count+" ", "modes "+count
	if blurred {
		head = "modes " + styleBad.Render("blob")
		compact = head
	}
	var shares string
	var due []string
	for _, c := range mt.Modes {
		shares += " " + sharePercent(c)
		due = append(due, fmt.Sprintf("%.0f%%", 100*c.Expected)) // as the diagnosis writes it
	}
	if len(due) > 0 && len(slices.Compact(slices.Clone(due))) == 1 {
		due = due[:1]
	}
	if len(due) == 0 {
		return head + shares
	}
	vs := styleMuted.Render(" vs " + strings.Join(due, " "))
	for _, h := range []string{head, compact} {
		if line := h + shares + vs; lipgloss.Width(line) <= w {
			return line
		}
	}
	return head + shares
}

// sharePercent writes a mode's share of the samples as the diagnosis does
// (session.ModeShare), on its side of the lines that judge it, but for the
// ends, compact in the panel: a share under 1%, which the diagnosis calls
// missing, reads "<1%", one short of all ">99%", so that a share of 0.7% does
// not read "1%" beside "modes missing: G puts almost no samples there".
func sharePercent(c engine.ModeCoverage) string {
	switch x := c.Share; {
	case x > 0 && 100*x < 1:
		return "<1%"
	case x < 1 && 100*x >= 99.5:
		return ">99%"
	}
	return session.ModeShare(c.Share, c.Expected)
}

// blurred tells whether the diagnosis finds the modes covered but not
// separated.
func (m *Model) blurred() bool {
	for _, f := range m.snap.Findings {
		if f.Kind == session.ModesBlurred {
			return true
		}
	}
	return false
}

// metricLine shows a distance, its direction lately — or "≈ floor" when it
// is within sampling noise of a perfect generator, where a direction means
// nothing — and a sparkline with its range. The bars are the last of t
// they have room for, t ending at the value v (trends): the arrow goes
// from the first bar to v, the last, and the range holds every value the
// row shows, v too, and the bars are drawn on it. A learner reads the
// range as where the value has been: the bars' alone would let "KS 0.865
// ↓ ▆▆█▇██▆▁ 0.87–0.90" show a value outside it.
func metricLine(name string, v float64, atFloor bool, t *trend, w int) string {
	return metricLines([]metricRow{{name, v, atFloor, t}}, w)[0]
}

// metricRow is a distance for metricLines: its name, its value, whether
// it is at its noise floor, and its checks.
type metricRow struct {
	name    string
	v       float64
	atFloor bool
	t       *trend
}

// metricLines writes rows that stand one over the other, as metricLine
// writes one, with their bars on the same checks: the fewest bars any
// row has room for in every row, and the values right-aligned to the
// widest, so that the bars stand in the same columns (but beside a KS at
// "≈ floor", which is wider than an arrow). Each row drawing as many as fit
// beside its own range, wgan at 120×40 would read
//
//	KS 0.965 → ▇▇▆▆▅▄▄ 0.96–0.98
//	W1 3.025 ↓ ▇▇▆▆▅▅▄▄▃▂▂ 3.0–3.3
//
// the last 7 checks over the last 11, bars of different epochs in one
// column, and arrows (→ about the same, ↓ better) over different spans.
func metricLines(rows []metricRow, w int) []string {
	valueW := 0
	for _, r := range rows {
		valueW = max(valueW, lipgloss.Width(numtext.Measure(r.v)))
	}
	lines := make([]string, len(rows))
	// Each turn asks for no more bars than the fewest a row drew the turn
	// before, which a row may draw fewer than, its range narrower or not:
	// the count falls until every row draws it.
	for most := trendLen; ; {
		fewest, alike := most, true
		for i, r := range rows {
			var n int
			lines[i], n = metricRowLine(r, valueW, most, w)
			alike = alike && (i == 0 || n == fewest)
			fewest = min(fewest, n)
		}
		if alike {
			return lines
		}
		most = fewest
	}
}

// metricRowLine writes row r in w cells, its value right-aligned in
// valueW, with at most most bars, and says how many it drew.
func metricRowLine(r metricRow, valueW, most, w int) (string, int) {
	name, v, atFloor, t := r.name, r.v, r.atFloor, r.t
	value := numtext.Measure(v)
	head := name + " " + strings.Repeat(" ", max(0, valueW-lipgloss.Width(value))) + value + " "
	room := w - lipgloss.Width(head) - 2 // the arrow and a space
	if atFloor {
		room -= lipgloss.Width("≈ floor") - 1
	}
	// The range's width decides how many bars fit, and the bars decide the
	// range: fewer bars until both fit (fitBars), down to minBars. Short of
	// room for those beside the range, the bars rise from 0 beside the
	// scale they are drawn on, "█=0.032", shorter than the range: a KS at
	// its floor at 80×24, "KS 0.009 ≈ floor", has 11 columns left, no room
	// for "0.0089–0.032" and two bars, and had drawn "▅█▆▆▂" from 0 with no
	// scale. With no room for that either, the bars rise from 0 unlabelled.
	last := func(n int) []float64 { return t.vals[max(0, len(t.vals)-min(max(n, 0), most)):] }
	// The value and the range share one room (valueRoom): a value in
	// decimals wider than "0.123" takes its columns from the range's, and
	// a narrower one ("1034") gives them to it, so that a W1 passing 10
	// or 1000 keeps its bars.
	reserve := rangeRoom
	if valueW <= len("100.000") {
		reserve = rangeRoom + valueRoom - valueW
	}
	vals, sc, ok := fitBars(last, v, room, reserve, scaleOf)
	if !ok { // a range wider than its room, a runaway's, or no room for both: as wide as it reads
		reserve = 0
		vals, sc, ok = fitBars(last, v, room, reserve, scaleOf)
	}
	if !ok { // the range in the exponent form, shorter: "2e0–5.3e6" where "2–5,300,000"
		vals, sc, ok = fitBars(last, v, room, 0, scaleShort)
	}
	if !ok {
		if vals, sc, ok = fitBars(last, v, room, 0, fromZero); !ok {
			vals = last(room)
			sc = fromZero(vals, v)
			sc.text = ""
		}
	}
	sep := " "
	if textW := len([]rune(sc.text)); textW > 0 && len(vals)+max(reserve, textW) > room { // the bars where they stand beside the widest range
		sep = ""
	}
	bars := sparkBetween(vals, sc.lo, sc.hi)
	arrow := trendArrow(vals, t.noise)
	if atFloor {
		arrow = styleGood.Render("≈ floor")
	}
	return head + arrow + sep + styleSpark.Render(bars) + styleMuted.Render(sc.text), len(vals)
}

// fitBars fits the last checks (last(n) gives the last n of them) and a
// scale's text beside them in room columns: fewer checks until both fit,
// down to minBars, and says whether they did. The text takes at least
// reserve columns, its own width where that is more: a range that reads
// narrower on one frame than the next leaves its bars as many. Short of
// one column for minBars, the space between the arrow and the bars gives
// it (glue): a 2-D runaway's "SW1 2.1800e4 →▄▆ 2.1e4–2.2e4", its name a
// letter longer than W1's, would otherwise read "SW1 2.1800e4 →
// █████████████", its checks drawn from 0 unlabelled. A runaway's W1,
// 1.6839e5, leaves room for 2 bars beside "1.6e5–1.7e5": with 4 asked
// for, its range would give way.
func fitBars(last func(n int) []float64, v float64, room, reserve int, scale func([]float64, float64) sparkScale) ([]float64, sparkScale, bool) {
	vals := last(room)
	sc := scale(vals, v)
	textW := func() int {
		if sc.text == "" {
			return 0
		}
		return max(reserve, len([]rune(sc.text)))
	}
	for glue := 0; sc.text != "" && len(vals)+textW() > room+glue; {
		n := room + glue - textW()
		if n < minBars && glue == 0 {
			glue, n = 1, n+1
		}
		if n < minBars {
			return vals, sc, false
		}
		vals = last(n)
		sc = scale(vals, v)
	}
	return vals, sc, true
}

// rangeRoom is the columns a sparkline's range is given beside its bars
// whatever it reads, its space before it too: " 0.059–0.580", the widest
// of a KS's ranges between 0.01 and 1, and of a W1's under 1, whose ends
// in two significant digits take a decimal more as the lower passes 0.1.
// The bars are as many beside a narrower range, " 0.88–0.90", so that
// their count, and the checks the arrow weighs, hold still from frame to
// frame as the range's ends gain or lose a decimal: they had been 5 on
// one frame and 7 on the next. A range wider than this (a runaway's
// "1.2e4–1.9e4" is as wide, "0.0089–0.0320" wider) takes bars as it
// needs.
const rangeRoom = 12 // the runes of " 0.059–0.580"

// valueRoom is the columns of a Quality row's value that rangeRoom
// counts on beside it: "0.123", as every KS and an ordinary W1 read. A
// value written in decimals, up to "999.999", and the range beside it
// share the two rooms, the value's width over valueRoom taken from the
// range's room and its width under it ("1034") given to it, so that the
// bars hold still as the value gains a digit before its point or loses
// its decimals: a runaway's W1 had drawn 5 bars at "9.537", 4 at
// "11.921", 3 at "111.022" and 5 again at "1034" in the side panel's 28
// columns, the arrow weighing other checks each time. A value in the
// exponent form, "1.0070e4", a runaway's from 10⁴, is not given room
// ahead: reserved for every row, its 8 columns would leave an ordinary
// row 2 bars of its 5. It takes its columns from the bars, and beside
// it the range, in the exponent form too ("1.2e4–1.9e4"), has
// rangeRoom whole, so that the bars hold still from there on.
const valueRoom = 5 // the runes of "0.123"

// minBars is the fewest bars a sparkline's range stands beside: two, the
// fewest that show a direction, as its arrow needs two checks.
const minBars = 2

// trendArrow is the direction of vals, the bars beside it (the checks,
// then the row's value), from the first to the last: ↑ (worse) or ↓
// (better) where the last is more than 2% above or below the first and
// more than noise (how far sampling alone can move a check, trend.noise),
// → (about the same, or within noise) otherwise, · for fewer than two or
// an end that is no number. It goes by the values, never by the bars'
// heights: the bars are eighths of a range that one spike can stretch, so
// that KS checks from 0.050 to 0.056 between peaks of 0.2, both ends ▁,
// read ↑, a rise of 12%. uniform-flat-noise's KS checks, all under their
// noise floor of 0.030, read → from 0.025 to 0.029, not ↑ beside a value
// of 0.015, lower than any of them.
func trendArrow(vals []float64, noise float64) string {
	if len(vals) < 2 {
		return styleMuted.Render("·")
	}
	first, last := vals[0], vals[len(vals)-1]
	switch {
	case math.IsNaN(first) || math.IsNaN(last):
		return styleMuted.Render("·")
	case first == last || !math.IsInf(first, 0) && math.Abs(last-first) <= max(0.02*math.Abs(first), noise):
		return styleMuted.Render("→")
	case last < first:
		return styleGood.Render("↓")
	}
	return styleBad.Render("↑")
}

// sparkScale is what a sparkline's bars are drawn on: from lo (an empty
// bar's edge, ▁) to hi (█), and the text that gives it beside them, ""
// where it is not given.
type sparkScale struct {
	lo, hi float64
	text   string
}

// scaleOf is the scale of a sparkline of the checks vals beside the value
// v: the least and greatest finite of them all, the least rounded down and
// the greatest up to two significant digits, so that the range printed,
// " lo–hi", holds every value the row prints (0.288 beside checks of 0.29
// to 2.7 reads "0.28–2.70": rounded to the nearest, "0.29–2.70" would
// leave it out), its ends in as many decimals each (sameDecimals). Its text is "" for fewer than two checks, none finite, or ends
// alike, where flat bars beside the value say it; a bar alone is flat too
// (▄), the value of a first frame, which would otherwise read ▁ or ▇ as
// rounding put it.
func scaleOf(vals []float64, v float64) sparkScale { return scaleIn(vals, v, true) }

// scaleShort is scaleOf with the range's ends in the exponent form where
// the greater end takes it (rangeNums, not spelt): in fewer columns, where
// the spelt-out range leaves no room for the bars.
func scaleShort(vals []float64, v float64) sparkScale { return scaleIn(vals, v, false) }

func scaleIn(vals []float64, v float64, spelt bool) sparkScale {
	lo, hi, ok := finiteRange(append(slices.Clip(vals), v))
	if !ok {
		return sparkScale{lo: math.Inf(1), hi: math.Inf(-1)}
	}
	if len(vals) < 2 { // the value alone, before a check: flat, as ends alike draw
		return sparkScale{lo: lo, hi: lo}
	}
	lo, hi = roundOut(lo, math.Floor), roundOut(hi, math.Ceil)
	sc := sparkScale{lo: lo, hi: hi}
	if a, b := rangeNums(lo, hi, 2, spelt); len(vals) >= 2 && a != b {
		a, b = sameDecimals(a, b)
		sc.text = " " + a + "–" + b
	}
	return sc
}

// sameDecimals writes the ends a and b of a range in as many decimals
// each, the more of the two, the one written in fewer given zeros to
// match: KS checks of 0.992 to 0.996 read "0.99–1.00" beside "KS 0.996",
// where "0.99–1" gave their top as a bare 1, in another precision than
// the end beside it, and "3.0–3.3" where "3–3.3". A learner reads the
// range as one scale, the value between its ends; its columns are within
// those the bars leave for any range (rangeRoom), where the ends in the
// value's own three decimals, "0.990–1.000", would take more and halve
// the bars. An end in the exponent form, spelt out in grouped
// digits, or 0, stays as it is.
func sameDecimals(a, b string) (string, string) {
	if strings.ContainsAny(a+b, "e,") { // the exponent form, or spelt out (rangeNums)
		return a, b
	}
	decimals := func(s string) int {
		if _, frac, ok := strings.Cut(s, "."); ok {
			return len(frac)
		}
		return 0
	}
	pad := func(s string, d int) string {
		if s == "0" || decimals(s) >= d {
			return s
		}
		if decimals(s) == 0 {
			s += "."
		}
		return s + strings.Repeat("0", d-decimals(s))
	}
	d := max(decimals(a), decimals(b))
	return pad(a, d), pad(b, d)
}

// fromZero is the scale of a sparkline without room for its range: from 0 (or
// the least value, when one is under 0) to the greatest of the checks vals and
// the value v, rounded up as scaleOf rounds it, so that a bar's height is its
// check's share of the greatest, and its text, " █=0.032", is shorter than
// the range's. Bars spanning their own range beside no range would draw
// bimodal's KS checks, 0.4988 to 0.5000, from ▁ to █ beside its → (about the
// same). The text names the bars' top, what a full bar stands for, where
// they rise from 0: written as a range, "0–0.032", it read as one of the
// measure's values, and a runaway's "W1 1.5596e11 ↑ ▃██ 0–1.6e11" (wgan
// --set d_lr=10 --set g_lr=10, 80×24 and 120×40) as W1 between 0, which no
// check was, and 1.6e11. From a least value under 0 it stays a range.
func fromZero(vals []float64, v float64) sparkScale {
	lo, hi, ok := finiteRange(append(slices.Clip(vals), v))
	if !ok {
		return sparkScale{lo: math.Inf(1), hi: math.Inf(-1)}
	}
	sc := sparkScale{lo: roundOut(math.Min(0, lo), math.Floor), hi: roundOut(hi, math.Ceil)}
	if a, b := rangeNums(sc.lo, sc.hi, 2, false); len(vals) >= 2 && a != b {
		sc.text = " " + a + "–" + b
		if sc.lo == 0 {
			sc.text = " █=" + b
		}
	}
	return sc
}

// roundOut rounds v to two significant digits by round (math.Floor, or
// math.Ceil): an end of a range rounded outwards still holds every value
// within it. A quotient a hair off a whole number (0.91/0.01 is
// 91.00000000000001) is taken as that number, so that 0.91 stays 0.91. Where
// the rounded value is no float64, v stays as it is: past MaxFloat64 (1.8e308
// rounded up would make a range's end +Inf, and its bars' scale NaN), or a
// denormal's, whose step of two digits is under the least (5e-324 rounded up
// would read 1e-309: decade).
func roundOut(v float64, round func(float64) float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	step := math.Pow(10, decade(math.Abs(v))-1)
	q := v / step
	if r := math.Round(q); math.Abs(q-r) < 1e-9*math.Abs(q) {
		q = r
	}
	if r := round(q) * step; step > 0 && !math.IsInf(r, 0) {
		return r
	}
	return v
}

// rangeEnds writes the ends of a range in two significant digits, or in
// the fewest more that print them apart (0.498–0.500, 0.9981–0.9986,
// 1.21e4 to 1.24e4), each end in all of them, its trailing zeros kept
// (sigZeros): wgan's D(x) score from -0.0113 to -0.0100 reads "-0.011 to
// -0.010", where %g's "-0.01" gave one end in one digit beside the
// other's two, as if the two were measured to different precision, and a
// runaway critic's from 12,100 to 12,400 "1.21e4 to 1.24e4", where two
// digits, the exponent form's from 10⁴ (rangeNum), gave "1.2e4 to 1.2e4",
// a range of none. Three before four: in four, bimodal's KS checks, 0.4988
// to 0.5000, would read "0.4988–0.5000", too long to stand beside the bars
// at all, which would then be drawn from 0, all of them full. Ends alike
// (lo == hi) read in two.
func rangeEnds(lo, hi float64) (string, string) {
	a, b := rangeNums(lo, hi, 2, false)
	for digits := 3; a == b && lo != hi && digits <= 17; digits++ {
		if a2, b2 := rangeNums(lo, hi, digits, false); a2 != b2 {
			return sigZeros(a2, digits), sigZeros(b2, digits)
		}
	}
	return sigZeros(a, 2), sigZeros(b, 2)
}

// sigZeros gives s, a number written in digits significant digits whose
// trailing zeros %g dropped ("-0.01" for -0.0100, "1" for 1.0, "1.2e4" for
// 1.20e4), those zeros back: "-0.010", "1.0", "1.20e4" beside "1.21e4". 0,
// which has no significant digit to keep, stays as it is, as does one
// already as long ("100" in two).
func sigZeros(s string, digits int) string {
	if mant, exp, ok := strings.Cut(s, "e"); ok {
		return sigZeros(mant, digits) + "e" + exp
	}
	if s == "0" || s == "-0" || strings.ContainsAny(s, "NI") {
		return s
	}
	sig := strings.TrimLeft(strings.ReplaceAll(strings.TrimPrefix(s, "-"), ".", ""), "0")
	if len(sig) >= digits {
		return s
	}
	if !strings.Contains(s, ".") {
		s += "."
	}
	return s + strings.Repeat("0", digits-len(sig))
}

// rangeNum writes an end of a sparkline's range in so many significant
// digits: two, or more to keep close values apart (0.9981–0.9986, 1.21e4–
// 1.24e4); from 10⁴ up in the exponent form, where numtext.Measure writes the
// value beside it in that form too: a runaway's W1 of 1.6000e4 read
// "10000–16000" beside it, its range in bare digits beside its value in
// the exponent (rangeNums spells both ends out grouped, "10,000–16,000",
// where there is room for that).
func rangeNum(v float64, digits int) string {
	if math.Abs(v) >= 1e4 {
		return numtext.Digits(v, digits)
	}
	return numtext.Plainly(cleanZero(v), digits)
}

// rangeNums writes the ends of a range as rangeNum does, in one form where the
// greater takes the exponent, and 0 as it is: spelt, the greater end spelt
// out in grouped digits where it is under 10⁹ ("2.5–280,000"), else the
// lesser end in the exponent too (2.5e0, 9e4). Beside an exponent a plain end
// reads as sharing it: a runaway's W1, 2.5 at its first checks and 2.8e5 at
// its last, as "2.5–2.8e5" would read as if every check were over 10⁵; and
// "2e0–5.3e6", vanilla's after a runaway, stops a learner at "2e0", where
// "2–5,300,000" reads at once.
func rangeNums(lo, hi float64, digits int, spelt bool) (string, string) {
	a, b := rangeNum(lo, digits), rangeNum(hi, digits)
	if lo != 0 && strings.Contains(b, "e") && (!strings.Contains(a, "e") || math.Abs(lo) >= 1e4) {
		if r, err := strconv.ParseFloat(b, 64); err == nil && spelt && math.Abs(r) < 1e9 && r == math.Trunc(r) {
			if l, err := strconv.ParseFloat(a, 64); err == nil && l == math.Trunc(l) {
				a = numtext.FormatInt(int(l)) // "90,000–120,000", grouped alike
			}
			return a, numtext.FormatInt(int(r))
		}
		if r, err := strconv.ParseFloat(a, 64); err == nil {
			a = numtext.ShortExp(strconv.FormatFloat(r, 'e', -1, 64))
		}
	}
	return a, b
}

// finiteRange is the smallest and largest finite value of vals.
func finiteRange(vals []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if !math.IsInf(v, 0) && !math.IsNaN(v) {
			lo, hi, ok = math.Min(lo, v), math.Max(hi, v), true
		}
	}
	return lo, hi, ok
}

// zdepLine says how much G's output depends on its noise, as a measure
// (numtext.Measure: 2.4841e-8, as in the diagnosis's "noise use 2.4841e-8", where
// three decimals would read 0.000), and where it stands against the line the
// diagnosis draws (session.NoiseUseFloor), in its words: "noise use 0.011
// under 0.05" beside "! G ignores its noise … noise use 0.011, under 0.05",
// "noise use 0.211 over 0.05" where G uses it. Without the line, "noise use
// 0.055" would give a learner nothing to read it against. The value takes
// the decimals that read it on its side of the line (numtext.Beside):
// "noise use 0.0499 under 0.05", not "0.050 under 0.05", and its word is
// Beside's (numtext.Side): "noise use 0.050 at 0.05", not "over". In w
// columns: a value in the exponent form leaves room for "<0.05" only.
func zdepLine(z float64, w int) string {
	use, _, _ := numtext.Beside(z, 1, session.NoiseUseFloor)
	line := "noise use " + use
	limit := noiseUseLimit
	switch {
	case z < session.NoiseUseFloor:
		flag := "under " + limit
		if lipgloss.Width(line+" "+flag) > w {
			flag = "<" + limit
		}
		line += " " + styleBad.Render(flag)
	case z >= session.NoiseUseFloor: // "at 0.05" where it is 0.05, which is not under the line, nor over it
		line += styleMuted.Render(" " + numtext.Side(z, 1, session.NoiseUseFloor) + " " + limit)
	}
	return line
}

// sparkBetween draws vals as bars from lo (▁) to hi (█); with hi no
// greater than lo they are flat (▄). An infinite value is a full or empty
// bar, NaN a gap. Any lo and hi draw: a span past MaxFloat64 (−1e308 to
// 1e308) is taken in halves, and a share that is still no number (an end
// at ±Inf) is the empty bar: int of NaN, −9223372036854775807, would
// index the bars out of range, a panic.
func sparkBetween(vals []float64, lo, hi float64) string {
	var sb strings.Builder
	for _, v := range vals {
		i := 4
		switch {
		case math.IsNaN(v):
			i = 0
		case math.IsInf(v, 0):
			i = 8 * int(math.Max(0, math.Copysign(1, v)))
		case hi > lo:
			share := (v - lo) / (hi - lo)
			if math.IsInf(hi-lo, 0) {
				share = (v/2 - lo/2) / (hi/2 - lo/2)
			}
			if math.IsNaN(share) {
				share = 0
			}
			i = 1 + int(math.Round(math.Max(0, math.Min(1, share))*7))
		}
		sb.WriteRune(eighths[i])
	}
	return sb.String()
}

// balanceLines are the loss chart's lines where the losses balance (nil for
// none): D's, in the balance's grey where both of D's losses sit there (ln 2,
// ⅛), or, where each has a line of its own (label smoothing under BCE), D
// real's and D fake's, each faint in its loss's colour, as the figure draws
// them; then G's, faint in its colour, where it stands apart from D's (a
// minimax G's −ln 2, G's −ln 0.45 under label smoothing). The legend's mark
// shows a dash for each, G's too, in this order.
func balanceLines(e *session.Equilibrium) []refLine {
	if e == nil {
		return nil
	}
	lines := []refLine{{e.DReal, styleRef}}
	if e.DFake != e.DReal {
		lines = []refLine{{e.DReal, faintRef(styleDReal)}, {e.DFake, faintRef(styleDFake)}}
	}
	if e.G != e.DReal && e.G != e.DFake && !math.IsNaN(e.G) {
		lines = append(lines, refLine{e.G, faintRef(styleG)})
	}
	return lines
}

// eqLabel names the loss chart's reference lines: "ln 2 at D(x)=½"
// (with room; "at D=½" where D scores no single sample:
// Equilibrium.Samples), "±ln 2" when G's minimax loss sits at −ln 2, or,
// where D's two losses balance at different values (label smoothing), the
// score D gives there, "D(x)=0.45".
func eqLabel(e *session.Equilibrium, w int) string {
	if e.Label == "" {
		return scoreIs(e, numtext.Plainly(e.D, 3))
	}
	label := e.Label
	if e.G < 0 {
		label = "±" + label
	}
	if w >= 50 {
		label += " at " + scoreIs(e, "½")
	}
	return label
}

// scoreIs writes e's score at value v, as short as the loss chart's
// legend needs it: "D(x)=½", or "D=½" where D scores whole rows, a pack
// or a batch's moments, which no x names.
func scoreIs(e *session.Equilibrium, v string) string {
	if e.Samples {
		return "D(x)=" + v
	}
	return "D=" + v
}

// legendItem names a series by its mark in its colour, then its name
// (none where the mark says it: x, y) and its latest value.
func legendItem(st lipgloss.Style, mark rune, name string, v float64, has bool) string {
	return legendItemAs(numtext.Measure, st, mark, name, v, has)
}

// legendItemAs is legendItem with the value written by write.
func legendItemAs(write func(float64) string, st lipgloss.Style, mark rune, name string, v float64, has bool) string {
	val := "–"
	if has {
		val = write(v)
	}
	item := st.Render(string(mark))
	if name != "" {
		item += " " + name
	}
	return item + " " + styleBold.Render(val)
}

// block lays lines out as exactly w×h cells: long lines cut, short ones
// padded, missing ones blank.
func block(lines []string, w, h int) string {
	var sb strings.Builder
	for i := range h {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if i < len(lines) {
			sb.WriteString(fit(lines[i], w))
		} else {
			sb.WriteString(strings.Repeat(" ", w))
		}
	}
	return sb.String()
}

// hjoin sets blocks side by side, gap apart. Every block is exactly as
// tall and as wide as block makes them, so lines simply concatenate.
func hjoin(left, right string) string {
	ls, rs := strings.Split(left, "\n"), strings.Split(right, "\n")
	var sb strings.Builder
	for i := range max(len(ls), len(rs)) {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if i < len(ls) {
			sb.WriteString(ls[i])
		}
		sb.WriteString(gap)
		if i < len(rs) {
			sb.WriteString(rs[i])
		}
	}
	return sb.String()
}

// fit cuts or pads one line to exactly w cells.
func fit(s string, w int) string {
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "…")
		n = ansi.StringWidth(s)
	}
	return s + strings.Repeat(" ", max(0, w-n))
}

// num writes a target parameter short: 4, 1.25, 0.161, 5e5.
func num(v float64) string { return numtext.Plainly(v, 3) }

// wholeGrouped is s, a number num wrote, its thousands grouped where it is
// written in whole digits from 1000 up, as the screen groups its counts and
// ranges: a runaway's histogram bins, each "12,400" wide, where "12400" was
// the one number over 10,000 on the screen without its comma. A number with
// decimals or an exponent (0.118, 1e5) stays as it is.
func wholeGrouped(s string) string {
	if digits := strings.TrimPrefix(s, "-"); len(digits) > 3 && strings.Trim(digits, "0123456789") == "" {
		return numtext.Grouped(s)
	}
	return s
}

// signed writes a sample statistic as a measure, with its sign always shown,
// so that a skew of 0.0002 does not read +0.000, nor one of a runaway's
// samples, 10⁹, in its thirteen digits.
func signed(v float64) string {
	s := numtext.Measure(v)
	if !strings.HasPrefix(s, "-") && !math.IsNaN(v) {
		s = "+" + s
	}
	return s
}
