package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// benchSnapshot trains blog-original for epochs epochs in a session of
// its own and returns the session, stopped, and the snapshot it published
// at the end of the plan, binned for the histogram at 120×40.
func benchSnapshot(tb testing.TB, epochs int) (*session.Session, session.Snapshot) {
	tb.Helper()
	cfg, err := presets.Get("blog-original")
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Epochs = epochs
	s, err := session.New(session.Options{Config: cfg, Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Stop()
	bins := 120 - len(gap) - sideW - axisGutter
	s.Send(session.HistBins{N: bins})
	s.Start()
	for snap := range s.Snapshots() {
		if snap.State == session.Done && len(snap.Eval.Metrics.Hist.Counts) == bins && snap.Eval.Epoch == epochs {
			return s, snap
		}
	}
	panic("unreachable")
}

// BenchmarkFrame measures one full frame at 120×40 as the UI makes it when
// a snapshot arrives: both charts redrawn from the history, then View.
func BenchmarkFrame(b *testing.B) {
	sess, s := benchSnapshot(b, 3000)
	benchFrame(b, sess, s)
}

// benchFrame draws s at 120×40, colours included (a real terminal's work),
// once per iteration.
func benchFrame(b *testing.B, sess *session.Session, s session.Snapshot) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	m := NewModel(sess)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = mm.(Model)
	b.ReportAllocs()
	for b.Loop() {
		m.apply(s)
		_ = m.View()
	}
}

// BenchmarkView measures View alone at 120×40, as bubbletea calls it after
// messages that do not bring a snapshot (keys, resizes).
func BenchmarkView(b *testing.B) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	sess, s := benchSnapshot(b, 3000)
	m := NewModel(sess)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = mm.(Model)
	m.apply(s)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
