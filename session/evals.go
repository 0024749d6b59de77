package session

import (
	"slices"
	"strings"

	"github.com/ganui/ganui/engine"
)

// EvalPoint is one evaluation of the generator on fresh samples, as the
// quality-over-time chart of a figure plots it.
type EvalPoint struct {
	Epoch  int
	KS, W1 float64
	// SW1 and HQ are a two-dimensional run's sliced W1 and high-quality
	// share (engine.PlaneMetrics), whose KS and W1 are then zero.
	SW1, HQ float64
	// Modes is how many of a one-dimensional mixture's modes G covered
	// (engine.Metrics.ModesCovered: a mode's share of the samples at
	// least half its due), what the screen's "modes 1/2" counts, or of a
	// plane's modes G captured (engine.PlaneMetrics.Captured), what its
	// "modes 6/8 captured" counts, so that a figure shows the modes G
	// held over the run, not the distance alone; 0 for a target without
	// modes, and -1 for unknown, a check of a run resumed from a record
	// that kept no count (format 11 and before; on a plane, 12 and
	// before).
	Modes int
}

// evalHistory keeps the evaluations of a whole run in constant memory, as
// History keeps the per-epoch stats: at most max points, past which one
// goes at each evaluation (thinAt), so that they stay spread over the
// whole run, the first and the newest always kept. The evaluations are
// the checks' (Session.evaluated), at the same epochs in every front end,
// never the screen's own; points are kept, not averaged.
//
// An evaluation at an epoch no later than the last one kept (after a
// roll-back, or a second evaluation of the same epoch) first forgets the
// points after it, and replaces a point of its own epoch.
type evalHistory struct {
	max int
	pts []EvalPoint
}

// evalPoints bounds each run's evaluation history, as historyPoints does
// the charts'.
const evalPoints = 512

// newEvalHistory returns an empty history of at most n points, at least
// 2, with room for the one more that Add thins away.
func newEvalHistory(n int) evalHistory {
	n = max(2, n)
	return evalHistory{max: n, pts: make([]EvalPoint, 0, n+1)}
}

// Add records an evaluation made at epoch.
func (h *evalHistory) Add(epoch int, m engine.Metrics) {
	k := len(h.pts)
	for k > 0 && h.pts[k-1].Epoch >= epoch {
		k--
	}
	h.pts = append(h.pts[:k], evalPoint(epoch, m))
	if n := len(h.pts); n > h.max {
		i := thinAt(n, func(i int) int { return h.pts[i].Epoch })
		h.pts = slices.Delete(h.pts, i, i+1)
	}
}

// evalPoint is an evaluation made at epoch as the history keeps it.
func evalPoint(epoch int, m engine.Metrics) EvalPoint {
	p := EvalPoint{Epoch: epoch, KS: m.KS, W1: m.W1, Modes: m.ModesCovered}
	if m.Plane != nil {
		p.SW1, p.HQ, p.Modes = m.Plane.SW1, m.Plane.HighQuality, m.Plane.Captured
	}
	return p
}

// truncate forgets the points after epoch: a roll-back's, so that a
// figure drawn before the next evaluation shows none of the undone run.
func (h *evalHistory) truncate(epoch int) {
	k := len(h.pts)
	for k > 0 && h.pts[k-1].Epoch > epoch {
		k--
	}
	h.pts = h.pts[:k]
}

// Points appends the history to dst and returns it; the result shares no
// memory with h.
func (h *evalHistory) Points(dst []EvalPoint) []EvalPoint { return append(dst, h.pts...) }

// Len returns the number of points Points would return.
func (h *evalHistory) Len() int { return len(h.pts) }

// evalRow is one evaluation as the history CSV writes it: the columns
// after the six per-epoch ones (see CSVColumns).
type evalRow struct {
	epoch  int
	eval   bool      // the evaluation fields hold one; a row may carry events alone
	vals   []float64 // the evaluation columns: CSVEvalHeader's, or CSVPlaneEvalHeader's
	shares []float64 // each mode's share, for a target of modes
	events string    // the kinds of the events at the epoch, ;-separated
	// details are those events' texts, in their order, as the history
	// CSV's event_details column gives them (joinDetail).
	details string
	// n is the number of samples the evaluation measured, while eval:
	// the CSVSamplesHeader column's.
	n int
}

func newEvalRow(epoch int, m engine.Metrics) evalRow {
	r := evalRow{epoch: epoch, eval: true, n: m.N}
	if p := m.Plane; p != nil {
		r.vals = []float64{p.SW1, p.SW1Floor, p.HighQuality, float64(p.Captured)}
		if len(p.Spots) == 0 { // no modes (moons, spiral, …): hq and modes stay empty, not 0
			r.vals = r.vals[:2]
		}
	} else {
		r.vals = []float64{m.KS, m.W1, m.Skew, m.Kurt, m.ZDep}
		if m.RowWidth <= 1 { // one sample a draw scores 1 by construction, which says nothing: zdep stays empty, as the lines leave it out (Result.fields)
			r.vals = r.vals[:4]
		}
	}
	for _, c := range modeCoverage(m) {
		r.shares = append(r.shares, c.Share)
	}
	return r
}

// maxEvalRows bounds the evaluations an interactive run keeps for its CSV
// export, one per check (checkEvery): a run past its plan keeps checking
// every hundredth of the plan, and a plan of over 10⁶ epochs is checked
// every maxCheckEvery, so a long run makes many; past the bound one goes
// at each check (evalLog.add). At most about 3 MB with 16 modes.
const maxEvalRows = 1 << 14

// evalLog is the sparse side-log of an interactive run's evaluations and
// events, keyed by epoch, that Export joins to the per-epoch rows of
// epochLog. Its evaluations are bounded like evalHistory's, with more
// room (maxEvalRows); its events are all kept, for nothing the run told
// the user may be missing from the file: a row of events alone for each
// epoch that had any and no evaluation kept, which grow with the events,
// not the epochs. Only the session's goroutine uses it.
type evalLog struct {
	max  int // the evaluations kept, at least 2
	rows []evalRow
}

// newEvalLog returns an empty log of at most n evaluations, at least 2.
func newEvalLog(n int) evalLog { return evalLog{max: max(2, n)} }

// add records an evaluation made at epoch, forgetting any rows at or after
// it first (a roll-back, or a second evaluation of the same epoch). Past
// max evaluations one goes (thinAt, over the rows that hold one), its row
// too unless it carries events.
func (l *evalLog) add(epoch int, m engine.Metrics) {
	k := len(l.rows)
	for k > 0 && l.rows[k-1].epoch >= epoch {
		k--
	}
	clear(l.rows[k:])
	l.rows = append(l.rows[:k], newEvalRow(epoch, m))
	if len(l.rows) <= l.max {
		return
	}
	var evals []int // the rows holding an evaluation
	for i := range l.rows {
		if l.rows[i].eval {
			evals = append(evals, i)
		}
	}
	if len(evals) <= l.max {
		return
	}
	i := evals[thinAt(len(evals), func(i int) int { return l.rows[evals[i]].epoch })]
	if r := &l.rows[i]; r.events != "" {
		r.eval, r.vals, r.shares, r.n = false, nil, nil, 0
		return
	}
	l.rows = slices.Delete(l.rows, i, i+1)
}

// event adds an event to the row of its epoch: the last row when it is
// that epoch's, else a new row that carries the event alone. Rows after
// the epoch (undone by a roll-back) go first.
func (l *evalLog) event(e Event) {
	k := len(l.rows)
	for k > 0 && l.rows[k-1].epoch > e.Epoch {
		k--
	}
	clear(l.rows[k:])
	l.rows = l.rows[:k]
	if k == 0 || l.rows[k-1].epoch != e.Epoch {
		l.rows = append(l.rows, evalRow{epoch: e.Epoch})
	}
	l.rows[len(l.rows)-1].addEvent(e)
}

// restate makes the rows' events those of events at epoch, the run's
// latest, and forgets the rows after it: a roll-back's, which returns
// the events to a kept state's, and a setting's change taken back, whose
// event goes, so that the rows keep no kind of event that is no longer
// the run's.
func (l *evalLog) restate(epoch int, events []Event) {
	k := len(l.rows)
	for k > 0 && l.rows[k-1].epoch > epoch {
		k--
	}
	clear(l.rows[k:])
	l.rows = l.rows[:k]
	if k > 0 && l.rows[k-1].epoch == epoch {
		l.rows[k-1].events, l.rows[k-1].details = "", ""
	}
	i := len(events)
	for i > 0 && events[i-1].Epoch >= epoch {
		i--
	}
	for _, e := range events[i:] {
		if e.Epoch == epoch {
			l.event(e)
		}
	}
}

// addEvent adds e's kind to the row's events, and its text to their
// details.
func (r *evalRow) addEvent(e Event) {
	if r.events != "" {
		r.events += ";"
	}
	r.events += e.Kind.String()
	r.details = joinDetail(r.details, e.Detail)
}

// reset forgets every row, for a new run.
func (l *evalLog) reset() {
	clear(l.rows)
	l.rows = l.rows[:0]
}

// at returns the row of epoch e, if any, given cursor i that only moves
// forward over calls with increasing e.
func (l *evalLog) at(e int, i *int) *evalRow {
	for *i < len(l.rows) && l.rows[*i].epoch < e {
		*i++
	}
	if *i < len(l.rows) && l.rows[*i].epoch == e {
		return &l.rows[*i]
	}
	return nil
}

// csvLayout is the shape of a run's history CSV: samples of one or two
// dimensions, a gradient penalty's column or none, and how many
// mode-share columns. It is the design's (layoutOf), fixed for the run:
// the settings a run can change as it trains (learning rates, steps)
// add or take away no column.
type csvLayout struct {
	plane   bool
	penalty bool // the design has a gradient penalty: CSVPenaltyHeader's column
	modes   int  // one per mode of a mixture or of a plane with modes
	// kindsOnly: the events' kinds without CSVDetailsHeader's column of
	// their texts, as an earlier ganui wrote its logs (earlier).
	kindsOnly bool
	// captured: a plane's count of modes named as an earlier ganui
	// named it (capturedPlaneEvalHeader), not modes (earlier).
	captured bool
	// noSamples: without CSVSamplesHeader's column, the last, as an
	// earlier ganui wrote its logs (earlier).
	noSamples bool
}

// layoutOf returns the CSV layout of g's history.
func layoutOf(g *engine.GAN) csvLayout {
	cfg := g.Config()
	lay := csvLayout{penalty: cfg.Penalized()}
	if p := g.Plane(); p != nil {
		lay.plane = true
		if s, ok := p.(engine.Spotted); ok {
			lay.modes = len(s.Spots())
		}
		return lay
	}
	if mm, ok := g.Target().(engine.Multimodal); ok {
		lay.modes = len(mm.Modes())
	}
	return lay
}

// earlier is the layouts of the logs earlier ganuis wrote for a run of
// l's design, the latest first, none with CSVSamplesHeader's column: l's
// columns without it; on a plane, those with the count of modes named
// captured; then, for any design, no penalty column and the events'
// kinds alone (a plane's count named captured there too). A run resumed
// onto such a log goes on in its columns (see New), so that the file
// keeps one set.
func (l csvLayout) earlier() []csvLayout {
	l.noSamples = true
	out := []csvLayout{l}
	if l.plane {
		l.captured = true
		out = append(out, l)
	}
	l.penalty, l.kindsOnly = false, true
	return append(out, l)
}

// header is the layout's header line, without its newline.
func (l csvLayout) header() string {
	head, eval := CSVHeader, CSVEvalHeader
	switch {
	case l.plane && l.captured:
		head, eval = CSVPlaneHeader, capturedPlaneEvalHeader
	case l.plane:
		head, eval = CSVPlaneHeader, CSVPlaneEvalHeader
	}
	if l.penalty {
		head += "," + CSVPenaltyHeader
	}
	tail := "," + CSVEventsHeader
	if !l.kindsOnly {
		tail += "," + CSVDetailsHeader
	}
	if !l.noSamples {
		tail += "," + CSVSamplesHeader
	}
	return head + "," + eval + shareColumns(l.modes) + tail
}

// statColumns is the number of per-epoch values after the epoch, the
// penalty's apart: CSVHeader's five, or CSVPlaneHeader's seven.
func (l csvLayout) statColumns() int {
	if l.plane {
		return strings.Count(CSVPlaneHeader, ",")
	}
	return strings.Count(CSVHeader, ",")
}

// textColumns is the number of text columns near a row's end: the
// events' kinds, and their texts unless the layout has the kinds alone.
// CSVSamplesHeader's column, a number, follows them where the layout has
// it.
func (l csvLayout) textColumns() int {
	if l.kindsOnly {
		return 1
	}
	return 2
}

// text says whether column i of a row of cols columns in the layout is
// one of its text columns (textColumns), which hold words, not numbers.
func (l csvLayout) text(i, cols int) bool {
	end := cols // after the text columns
	if !l.noSamples {
		end--
	}
	return i >= end-l.textColumns() && i < end
}

// evalColumns is the number of evaluation columns before the shares.
func (l csvLayout) evalColumns() int {
	if l.plane {
		return strings.Count(CSVPlaneEvalHeader, ",") + 1
	}
	return strings.Count(CSVEvalHeader, ",") + 1
}
