package tui

import (
	"context"
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// throughputEpochs is the length of each timed run.
const throughputEpochs = 3000

// BenchmarkThroughput compares training speed without a UI and with the
// interactive trainer open at 120×40 and full speed, its screen redrawn on
// every snapshot. Each iteration trains blog-original for throughputEpochs
// epochs both ways, alternately, so that load from elsewhere on the machine
// hits both alike. It reports epochs/s of wall time for each and the TUI's
// share of the headless speed; the TUI figure includes the evaluations
// behind the screen and any contention with rendering.
//
//	go test -run '^$' -bench Throughput -count 5 ./tui/
func BenchmarkThroughput(b *testing.B) {
	lipgloss.SetColorProfile(termenv.TrueColor) // render colours, as in a real terminal
	cfg, err := presets.Get("blog-original")
	if err != nil {
		b.Fatal(err)
	}
	cfg.Epochs = throughputEpochs
	var headless, tui time.Duration
	for b.Loop() {
		headless += timeHeadless(b, cfg)
		tui += timeTUI(b, cfg)
	}
	epochs := float64(b.N * throughputEpochs)
	b.ReportMetric(epochs/headless.Seconds(), "headless-epochs/s")
	b.ReportMetric(epochs/tui.Seconds(), "tui-epochs/s")
	b.ReportMetric(100*headless.Seconds()/tui.Seconds(), "tui-%-of-headless")
}

// timeHeadless trains cfg to its planned epochs as ganui --headless
// --every 0 does: a session driven by Run on this goroutine.
func timeHeadless(b *testing.B, cfg engine.Config) time.Duration {
	s, err := session.New(session.Options{Config: cfg, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	if r, err := s.Run(context.Background(), nil); err != nil || r.State != session.Done {
		b.Fatal(r.State, err)
	}
	return time.Since(t0)
}

// timeTUI trains cfg to its planned epochs with the whole interactive
// trainer running: trainer goroutine, bubbletea program, renderer (writing
// to io.Discard instead of a terminal).
func timeTUI(b *testing.B, cfg engine.Config) time.Duration {
	s, err := session.New(session.Options{Config: cfg, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Stop()
	p := tea.NewProgram(untilDone{NewModel(s)}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignals())
	t0 := time.Now()
	s.Start()
	go p.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if _, err := p.Run(); err != nil {
		b.Fatal(err)
	}
	return time.Since(t0)
}

// untilDone quits the program when the run reaches its planned epochs.
type untilDone struct{ Model }

func (u untilDone) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := u.Model.Update(msg)
	u.Model = m.(Model)
	if s, ok := msg.(snapshotMsg); ok && s.State == session.Done {
		return u, tea.Quit
	}
	return u, cmd
}
