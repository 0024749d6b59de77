package tui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"
)

// The screen's view of replay and of a pinned baseline. Replay shows a
// keyframe the session kept in place of the latest evaluation; a baseline
// adds the pinned run's curves as faint ghosts, its histogram as an
// outline and the quality measures' differences from it. Both come in
// snapshots: the UI keeps no run data of its own.

// replayed is s as the samples panel and the quality column show it while
// a keyframe is replayed: the keyframe's evaluation, D's curve and slope
// taken at the centres of cols columns, and its epoch's stats. Its
// histogram stays at the keyframe's resolution, which histPlot spreads
// over the columns (columnsOf). Live, it is s. A keyframe is kept as its
// epoch ends, before any update by hand after it, so the live run's
// updates by hand are none of the frame's, and its losses' legend does
// not give them, titled "D by hand", beside the frame's G loss.
func replayed(s session.Snapshot, cols int) session.Snapshot {
	if s.Replay == nil {
		return s
	}
	s.Eval = s.Replay.Eval
	s.Eval.DCurve, s.Eval.Push = atCentres(s.Eval.DCurve, cols), atCentres(s.Eval.Push, cols)
	s.Last = s.Replay.Last
	s.Hand = nil
	s.Findings = s.Replay.Findings
	s.Pending = nil // of the live findings, not the frame's
	return s
}

// atCentres is a curve sampled at len(v) evenly spaced points taken at
// each of cols columns' nearest point to its centre, in new memory; nil
// stays nil, and a curve of cols points is v itself.
func atCentres(v []float64, cols int) []float64 {
	if v == nil || cols < 1 || len(v) == cols {
		return v
	}
	r := make([]float64, cols)
	for c := range r {
		r[c] = v[min(len(v)-1, (2*c+1)*len(v)/(2*cols))]
	}
	return r
}

// columns is a histogram as the screen draws it: cols columns of one
// width over [lo, hi), each with its count and expected count, which
// are fractional where a column shares a finer histogram's bin.
type columns struct {
	lo, hi           float64
	counts, expected []float64
}

// columnsOf spreads h over cols columns of equal width: each column takes
// the counts and expected counts of the bins it covers, and of a bin it
// shares with its neighbour the fraction of the bin's width that falls in
// it, as if the bin's samples were spread evenly across it. A histogram of
// cols bins keeps its counts as they are; one of 400 bins (a keyframe's)
// on 85 columns gives each column 4.7 bins' worth, not 4 or 5.
func columnsOf(h engine.Histogram, cols int) columns {
	out := columns{lo: h.Lo, hi: h.Hi, counts: make([]float64, max(0, cols)), expected: make([]float64, max(0, cols))}
	n := len(h.Counts)
	if cols < 1 || n == 0 {
		return out
	}
	// In units of 1/(n·cols) of the range, exact in integers: bin i
	// spans [i·cols, (i+1)·cols), column c spans [c·n, (c+1)·n).
	for i := range n {
		from, to := i*cols, (i+1)*cols
		for c := from / n; c < cols && c*n < to; c++ {
			f := float64(min(to, (c+1)*n)-max(from, c*n)) / float64(cols)
			out.counts[c] += f * float64(h.Counts[i])
			out.expected[c] += f * h.Expected[i]
		}
	}
	return out
}

// ghostCounts is the baseline's histogram as counts per column of the
// live one: spread over cols columns as the live bars are (columnsOf),
// and scaled to the live sample size n so the outline compares shapes,
// not sample sizes. The session counts the baseline's sample in the live
// histogram's bins, so the same sample gives the same bars and outline.
// It is nil without a baseline, and where the baseline's histogram spans
// another range than live's, whose columns it would not match: in a
// replay of a keyframe whose range took in G's samples off the target
// (engine.HistSpec.Cover), or of a baseline resumed without its sample.
func ghostCounts(b *session.Baseline, live engine.Histogram, cols, n int) []float64 {
	if b == nil || b.Eval.Metrics.N == 0 || n == 0 || len(b.Eval.Metrics.Hist.Counts) == 0 {
		return nil
	}
	if h := b.Eval.Metrics.Hist; h.Lo != live.Lo || h.Hi != live.Hi {
		return nil
	}
	out := columnsOf(b.Eval.Metrics.Hist, cols).counts
	scale := float64(n) / float64(b.Eval.Metrics.N)
	for i := range out {
		out[i] *= scale
	}
	return out
}

// eventEpochs lists the epochs of s's events, for marks on the charts.
func eventEpochs(s *session.Snapshot) []int {
	out := make([]int, len(s.Events))
	for i, e := range s.Events {
		out[i] = e.Epoch
	}
	return out
}

// baselineHead leads the comparison with the baseline.
const baselineHead = "vs base "

// baselineLines compares the quality measures with the baseline's, in lines of
// width w: "vs base KS +0.087 W1 +0.300" on one where it fits, else each
// measure that does not on a line of its own, under the first. A runaway's
// differences are wide (W1 +2.6871e5, SW1 +5.6542e6), and one line cut to the
// side panel's width would read "vs base KS +0.087 W1 +2.687…", or lose the
// modes' to "mode…". An evaluation before the pin names the pin's epoch
// ("vs base@2,000").
// Nil without a baseline.
func baselineLines(s *session.Snapshot, w int) []string {
	ms, at := baselineMeasures(s)
	if len(ms) == 0 {
		return nil
	}
	lines := measuresAfter(baselineHead, ms, w)
	if at > 0 {
		// The epoch compared with is named, "vs base@2,000", or where that
		// would take a row more, "vs @2,000": a row of Quality's is worth
		// more than the word the legend's "base seed 1 at 2,000" says.
		at := "@" + numtext.FormatInt(at) + " "
		named := measuresAfter("vs base"+at, ms, w)
		if len(named) > len(lines) {
			named = measuresAfter("vs "+at, ms, w)
		}
		lines = named
	}
	return lines
}

// measuresAfter lays the measures ms out after head in lines of width w: on one
// where they fit, else each that does not on a line of its own, under the first.
func measuresAfter(head string, ms []string, w int) []string {
	lines := []string{styleMuted.Render(head) + ms[0]}
	for _, m := range ms[1:] {
		if last := &lines[len(lines)-1]; ansi.StringWidth(*last)+1+ansi.StringWidth(m) <= w {
			*last += " " + m
		} else {
			lines = append(lines, strings.Repeat(" ", ansi.StringWidth(head))+m)
		}
	}
	return lines
}

// baselineMeasures compares each quality measure with the baseline's:
// the difference, signed, green where the live run is better, red where
// it is worse; a difference under the legends' three decimals is
// neither, and reads +0.000 (not -0.000 in green, nor, as measure writes
// a value that small, +3.0000e-4 in red): sampling noise between two
// evaluations is no verdict. Nor is a difference within the noise of the
// two measurements (apart): it reads uncoloured, ≈ in place of its sign,
// which sampling alone could have turned, "KS ≈0.007", where seed 2 of
// bimodal against seed 1, the same settings, read "KS -0.007" in green,
// as if better, though two samples of 10,000 of one distribution differ
// in KS by under 0.019 nineteen times in twenty. The mark in place of the
// sign keeps the line as wide, "vs base KS ≈0.007 W1 ≈0.009" on one row
// of Quality's at 120×40. Without colour the sign, which the reader would
// have to weigh against the measure (lower KS is better, more modes),
// gives way to a verdict: ✓ better, ✗ worse (KS ✓0.042).
//
// An evaluation before the pin, a rerun's at epoch 1,640 against the
// pinned run at its end, 2,000, reads worse for being earlier alone: at is
// then the pin's epoch, which the line names ("vs base@2,000"), and 0
// otherwise.
func baselineMeasures(s *session.Snapshot) (measures []string, at int) {
	b := s.Baseline
	if b == nil || b.Eval.Metrics.N == 0 || s.Eval.Metrics.N == 0 {
		return nil, 0
	}
	if s.Eval.Epoch < b.Epoch {
		at = b.Epoch
	}
	nNow, nThen := s.Eval.Metrics.N, b.Eval.Metrics.N
	// compared writes a signed difference text, not zero, as better or worse.
	compared := func(text string, better bool) string {
		st, verdict := styleBad, "✗"
		if better {
			st, verdict = styleGood, "✓"
		}
		if noColour() {
			return verdict + text[1:]
		}
		return st.Render(text)
	}
	// delta compares a measure of which lower is better, noise apart
	// being how far sampling alone sets two measurements of it apart (0
	// where unknown: every difference a verdict).
	delta := func(name string, now, then, noise float64) string {
		d := now - then
		if strconv.FormatFloat(math.Abs(d), 'f', 3, 64) == "0.000" { // under the legends' precision: none
			return name + " +0.000"
		}
		text := numtext.Measure(d)
		if !strings.HasPrefix(text, "-") && !strings.HasPrefix(text, "+") {
			text = "+" + text // signed, as %+.3f wrote it
		}
		if math.Abs(d) <= noise { // in place of the sign, as ✓ and ✗: a line as wide
			return name + " " + withinNoise + text[1:]
		}
		return name + " " + compared(text, d < 0)
	}
	if now, then := s.Eval.Metrics.Plane, b.Eval.Metrics.Plane; now != nil || then != nil {
		if now == nil || then == nil {
			return nil, 0
		}
		out := []string{delta("SW1", now.SW1, then.SW1, apart(now.SW1Floor, then.SW1Floor))}
		if len(now.Spots) > 0 && len(then.Spots) > 0 { // more is better here
			if d := now.Captured - then.Captured; d != 0 {
				out = append(out, "modes "+compared(fmt.Sprintf("%+d", d), d > 0))
			} else {
				out = append(out, "modes +0")
			}
		}
		return out, at
	}
	then := session.EvalPoint{KS: b.Eval.Metrics.KS, W1: b.Eval.Metrics.W1}
	if s.Replay != nil && b.Check != nil {
		// A keyframe is a check's, on fewer samples than the pin's: it
		// compares with the baseline measured as a check measures it.
		then, nThen = *b.Check, session.CheckSize(false)
	}
	// W1's floor, known at a check's size (CheckNoise), goes as 1/√n, as KS's.
	w1Floor := func(n int) float64 {
		return s.CheckNoise.W1 * math.Sqrt(float64(session.CheckSize(false))/float64(n))
	}
	return []string{
		delta("KS", s.Eval.Metrics.KS, then.KS, apart(engine.KSNoiseFloor(nNow), engine.KSNoiseFloor(nThen))),
		delta("W1", s.Eval.Metrics.W1, then.W1, apart(w1Floor(nNow), w1Floor(nThen))),
	}, at
}

// withinNoise marks a difference from the baseline within the noise of the
// two measurements (apart): no verdict, in colour or without.
const withinNoise = "≈"

// apart is how far sampling alone sets two measurements of one measure
// apart, given each one's noise floor at its sample size (KS's
// engine.KSNoiseFloor, W1's and a plane's SW1's, the distance a sample of
// the target itself reads): the two added in quadrature, √(a²+b²), as the
// noise of a difference of two independent measurements adds. For KS it is
// the two-sample KS test's 95% line, 1.358·√((n+m)/(n·m)): two samples of
// 10,000 of one distribution stay within 0.019 of each other, √2 times
// one's floor of 0.014; a check's 2,000 against a pin of 10,000, 0.033.
// It is 0 where a floor is unknown (none given, a snapshot of a record
// older than its floor), which leaves every difference a verdict, as before.
func apart(a, b float64) float64 {
	if !(a > 0) || !(b > 0) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return 0
	}
	return math.Hypot(a, b)
}

// baseSettingsLines say what differs between the baseline's settings and the
// run's, in at most n lines of width w: "base→now  D lr 5e-4→1e-3", each
// setting whole (numtext.Together), or "same settings as base". A seed that
// differs comes first, "base→now  seed 4→5  D lr 5e-4→1e-3", or "same
// settings as base, seed 4→5" ("same settings, seed 4→5" at 80×24): r after
// b trains another run of the same settings, which "same settings as base"
// alone would pass for the run pinned. The pace is no
// part of a run and is left out. Short of room, the prefix gives way, then the
// last settings to a count of them ("+1 more"), and where no setting fits
// whole the prefix comes back before the count alone, "base→now  3 settings
// differ": beside the measures compared, a learner sees what the two runs
// differ in. Nil without a baseline or room.
//
// A replayed frame keeps no settings: what is compared is the live run's, and
// the line says so, "base→live  D lr 5e-4→1e-3" or "live: same settings as
// base", its prefix kept, the settings giving way to their count before it, so
// that at 80×24 three settings changed do not read "base→live +3 more", more
// than none shown. Under the frame's measures, "base→now" would read as the
// settings the frame trained with: vanilla's frame of epoch 4,900, trained at
// D lr 5e-4, would show "base→now D lr 5e-4→1e-3", raised at 5,600.
func baseSettingsLines(s *session.Snapshot, w, n int) []string {
	b := s.Baseline
	if b == nil || n < 1 {
		return nil
	}
	var diffs []string
	for k := range session.Speed {
		if from, to := b.Settings.Text(k), s.Settings.Text(k); from != to {
			diffs = append(diffs, numtext.Together(k.Short()+" "+from+"→"+to))
		}
	}
	head, same, short := "base→now", "same settings as base", "same settings"
	if s.Replay != nil {
		head, same, short = "base→live", "live: same settings as base", "live: same settings"
	}
	// Another seed is another run, though every setting be the same (r
	// after b): said first, and kept while the settings give way.
	var seed []string
	if b.Seed != s.Seed {
		seed = []string{numtext.Together("seed " + strconv.FormatUint(b.Seed, 10) + "→" + strconv.FormatUint(s.Seed, 10))}
	}
	if len(diffs) == 0 {
		if seed == nil {
			return []string{styleMuted.Render(same)}
		}
		for _, form := range []string{same, short} {
			if l := styleMuted.Render(form+", ") + seed[0]; ansi.StringWidth(l) <= w {
				return []string{l}
			}
		}
	}
	head = styleMuted.Render(head)
	for k := len(diffs); k >= 0; k-- {
		items := append(slices.Clone(seed), diffs[:k]...)
		switch rest := len(diffs) - k; {
		case rest == 0:
		case k == 0:
			count := itoa(rest) + " settings differ"
			if rest == 1 {
				count = "1 setting differs"
			}
			items = append(items, styleMuted.Render(count))
		case rest > 0:
			items = append(items, styleMuted.Render(numtext.Together("+"+itoa(rest)+" more")))
		}
		tries := [][]string{append([]string{head}, items...), items}
		if s.Replay != nil || k == 0 && seed == nil {
			tries = tries[:1] // unlabelled, the live run's settings would pass for the frame's, a count for no one's
		}
		for _, try := range tries {
			if lines := flow(try, w, n); fits(lines, w) {
				return lines
			}
		}
	}
	return nil
}

// eventLines lists the run's latest events, newest first, for the help
// pages.
func eventLines(evs []session.Event, w, most int) [][]string {
	var out [][]string
	for i := len(evs) - 1; i >= 0 && len(out) < most; i-- {
		e := evs[i]
		text := styleEvent.Render("◆") + " " + styleBold.Render("epoch "+numtext.FormatInt(e.Epoch)) + " " + e.Kind.String()
		if e.Detail != "" {
			text += styleMuted.Render(" — " + e.Detail)
		}
		if e.SavedBy != "" { // in the words of the ganui that saved it, which may not be the glossary's
			text += styleMuted.Render(" " + session.SavedWords(e.SavedBy))
		}
		out = append(out, wrapIndent(text, w))
	}
	return out
}
