package tui

import (
	"fmt"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/session"
)

// The screen's view of replay and of a pinned baseline. Replay shows a
// keyframe the session kept in place of the latest evaluation; a baseline
// adds the pinned run's curves as faint ghosts, its histogram as an
// outline and the quality measures' differences from it. Both come in
// snapshots: the UI keeps no run data of its own.

// replayed is s as the samples panel and the quality column show it while
// a keyframe is replayed: the keyframe's evaluation, re-binned to cols
// columns, and its epoch's stats. Live, it is s.
func replayed(s session.Snapshot, cols int) session.Snapshot {
	if s.Replay == nil {
		return s
	}
	s.Eval = rebin(s.Replay.Eval, cols)
	s.Last = s.Replay.Last
	s.Findings = s.Replay.Findings
	return s
}

// rebin fits an evaluation made at one resolution (a keyframe's, or the
// screen's when a baseline was pinned) to cols columns: counts and
// expected counts summed into each column, D's curve and slope taken at
// each column's nearest point. It shares no memory with e.
func rebin(e session.Eval, cols int) session.Eval {
	h := e.Metrics.Hist
	if cols < 1 || len(h.Counts) == 0 || len(h.Counts) == cols {
		return e
	}
	n := len(h.Counts)
	out := engine.Histogram{Lo: h.Lo, Hi: h.Hi, Under: h.Under, Over: h.Over, Counts: make([]int, cols), Expected: make([]float64, cols)}
	for i := range n {
		c := min(cols-1, i*cols/n)
		out.Counts[c] += h.Counts[i]
		out.Expected[c] += h.Expected[i]
	}
	e.Metrics.Hist = out
	nearest := func(v []float64) []float64 {
		if v == nil {
			return nil
		}
		r := make([]float64, cols)
		for c := range r {
			r[c] = v[min(len(v)-1, (2*c+1)*len(v)/(2*cols))]
		}
		return r
	}
	e.DCurve, e.Push = nearest(e.DCurve), nearest(e.Push)
	return e
}

// ghostCounts is the baseline's histogram as counts per column of the
// live one: re-binned to cols, and scaled to the live sample size n so
// the outline compares shapes, not sample sizes. It is nil without a
// baseline.
func ghostCounts(b *session.Baseline, cols, n int) []float64 {
	if b == nil || b.Eval.Metrics.N == 0 || n == 0 {
		return nil
	}
	h := rebin(b.Eval, cols).Metrics.Hist
	scale := float64(n) / float64(b.Eval.Metrics.N)
	out := make([]float64, len(h.Counts))
	for i, c := range h.Counts {
		out[i] = float64(c) * scale
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

// baselineLine compares the quality measures with the baseline's: the
// difference of each, signed, green where the live run is better.
func baselineLine(s *session.Snapshot) string {
	b := s.Baseline
	if b == nil || b.Eval.Metrics.N == 0 || s.Eval.Metrics.N == 0 {
		return ""
	}
	delta := func(name string, now, then float64) string {
		d := now - then
		st := styleGood
		if d > 0 {
			st = styleBad
		}
		return name + " " + st.Render(fmt.Sprintf("%+.3f", d))
	}
	if now, then := s.Eval.Metrics.Plane, b.Eval.Metrics.Plane; now != nil || then != nil {
		if now == nil || then == nil {
			return ""
		}
		line := styleMuted.Render("vs base ") + delta("SW1", now.SW1, then.SW1)
		if len(now.Spots) > 0 && len(then.Spots) > 0 { // more is better here
			d := now.Captured - then.Captured
			st := styleGood
			if d < 0 {
				st = styleBad
			}
			line += " modes " + st.Render(fmt.Sprintf("%+d", d))
		}
		return line
	}
	return styleMuted.Render("vs base ") + delta("KS", s.Eval.Metrics.KS, b.Eval.Metrics.KS) + " " + delta("W1", s.Eval.Metrics.W1, b.Eval.Metrics.W1)
}

// eventLines lists the run's latest events, newest first, for the help
// pages.
func eventLines(evs []session.Event, w, most int) [][]string {
	var out [][]string
	for i := len(evs) - 1; i >= 0 && len(out) < most; i-- {
		e := evs[i]
		text := styleEvent.Render("◆") + " " + styleBold.Render("epoch "+session.FormatInt(e.Epoch)) + " " + e.Kind.String()
		if e.Detail != "" {
			text += styleMuted.Render(" — " + e.Detail)
		}
		out = append(out, wrapIndent(text, w, 2))
	}
	return out
}
