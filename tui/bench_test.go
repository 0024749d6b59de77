package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/presets"
	"github.com/muesli/termenv"
)

// benchSnapshot trains blog-original for epochs epochs on the calling
// goroutine (the trainer is never started) and returns what it would publish.
func benchSnapshot(tb testing.TB, epochs int) (*Trainer, Snapshot) {
	tb.Helper()
	cfg, err := presets.Get("blog-original")
	if err != nil {
		tb.Fatal(err)
	}
	tr, err := NewTrainer(cfg, 1, TrainerOptions{Paused: true})
	if err != nil {
		tb.Fatal(err)
	}
	tr.bins = 120 - len(gap) - sideW - axisGutter
	for range epochs {
		tr.trainEpoch()
	}
	tr.publish()
	return tr, <-tr.snaps
}

// BenchmarkFrame measures one full frame at 120×40 as the UI makes it when
// a snapshot arrives: both charts redrawn from the history, then View.
func BenchmarkFrame(b *testing.B) {
	tr, s := benchSnapshot(b, 3000)
	benchFrame(b, tr, s)
}

// benchFrame draws s at 120×40, colours included (a real terminal's work),
// once per iteration.
func benchFrame(b *testing.B, tr *Trainer, s Snapshot) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	m := NewModel(tr)
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
	tr, s := benchSnapshot(b, 3000)
	m := NewModel(tr)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = mm.(Model)
	m.apply(s)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkEvaluate measures what the trainer spends on each published
// snapshot: an evaluation on fresh samples, D's curve and the copies.
func BenchmarkEvaluate(b *testing.B) {
	tr, _ := benchSnapshot(b, 100)
	for b.Loop() {
		tr.evalOK = false
		tr.publish()
		<-tr.snaps
	}
}
