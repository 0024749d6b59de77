package tui

import (
	"math"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// snapshotMsg carries one snapshot from the trainer into the UI.
type snapshotMsg Snapshot

// trainerDoneMsg reports that the trainer goroutine has ended.
type trainerDoneMsg struct{}

// waitSnapshot is the channel-listen command: it waits for the trainer's
// next snapshot and is re-armed after each one, so the trainer never blocks
// on the UI and the UI never polls.
func waitSnapshot(t *Trainer) tea.Cmd {
	return func() tea.Msg {
		select {
		case s := <-t.Snapshots():
			return snapshotMsg(s)
		case <-t.Done():
			return trainerDoneMsg{}
		}
	}
}

// Model is the root bubbletea model of the interactive trainer. It shows
// the latest snapshot and turns keys into trainer commands; it never
// touches the model being trained.
type Model struct {
	tr   *Trainer
	keys keyMap
	help help.Model

	width, height int
	snap          Snapshot
	ready         bool    // a snapshot has arrived
	sel           Setting // the setting ←/→ change
	ks, w1        trend   // KS and W1 over recent evaluations
	evalSeq       int     // the model state (Eval.Seq) the trends last took
	localNote     string  // a UI-side message, such as a dropped command
	bins          int     // histogram bins the screen has room for
	binsSent      bool    // the trainer has been asked for bins

	losses, moments *lineChart
	lossView        string // charts rendered at the last snapshot or resize
	momView         string
	histView        []string // the histogram's plot lines, likewise
}

// NewModel returns the UI for a started trainer.
func NewModel(tr *Trainer) Model {
	return Model{
		tr:   tr,
		keys: newKeyMap(),
		help: newHelp(),
		losses: newLineChart(
			series{"1 real", styleDReal, func(p Point) float64 { return p.DReal }},
			series{"2 fake", styleDFake, func(p Point) float64 { return p.DFake }},
			series{"3 g", styleG, func(p Point) float64 { return p.G }},
		),
		moments: newLineChart(
			series{"1 mean", styleMean, func(p Point) float64 { return p.Mean }},
			series{"2 std", styleStd, func(p Point) float64 { return p.Std }},
		),
	}
}

func newHelp() help.Model {
	h := help.New()
	h.ShortSeparator = " · "
	h.FullSeparator = "  "
	return h
}

// Init starts listening for snapshots.
func (m Model) Init() tea.Cmd { return waitSnapshot(m.tr) }

// Update handles window sizes, snapshots and keys.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(0, msg.Width), max(0, msg.Height)
		m.help.Width = m.width
		m.keys.wide = m.width >= wideHelp
		m.relayout()
		return m, nil
	case snapshotMsg:
		m.apply(Snapshot(msg))
		return m, waitSnapshot(m.tr)
	case trainerDoneMsg:
		return m, nil
	case tea.KeyMsg:
		return m.splitKeys(msg)
	}
	return m, nil
}

// splitKeys splits typed-ahead runes into single keys. A terminal delivers keys
// that arrive together (fast typing, tmux send-keys nnn) as one message of
// several runes; each is a command of its own here.
func (m Model) splitKeys(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if k.Type != tea.KeyRunes || len(k.Runes) < 2 || k.Paste {
		return m.key(k)
	}
	var cmds []tea.Cmd
	for _, r := range k.Runes {
		one := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt}
		mm, cmd := m.key(one)
		m, cmds = mm.(Model), append(cmds, cmd)
		if key.Matches(one, m.keys.Quit) {
			break
		}
	}
	return m, tea.Batch(cmds...)
}

// apply takes a snapshot in. Snapshots of an older run are dropped; a new
// run clears the UI's own histories.
func (m *Model) apply(s Snapshot) {
	if m.ready && s.Run < m.snap.Run {
		return
	}
	if !m.ready || s.Run != m.snap.Run {
		m.ks, m.w1, m.evalSeq = trend{}, trend{}, -1
	}
	if s.Eval.Seq != m.evalSeq && s.Eval.Metrics.N > 0 {
		m.evalSeq = s.Eval.Seq
		m.ks.add(s.Eval.Metrics.KS)
		m.w1.add(s.Eval.Metrics.W1)
	}
	m.snap, m.ready, m.localNote = s, true, ""
	if m.keys.diverged != (s.State == Diverged) {
		m.keys.diverged = s.State == Diverged
		m.relayout() // the footer changes and with it, maybe, its height
	} else {
		m.redraw()
	}
	m.askBins()
}

func (m Model) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Quit):
		m.tr.Stop()
		return m, tea.Quit
	case key.Matches(k, m.keys.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.relayout()
	case key.Matches(k, m.keys.Pause):
		m.send(TogglePause{})
	case key.Matches(k, m.keys.Step):
		m.send(Step{StepEpoch})
	case key.Matches(k, m.keys.StepD):
		m.send(Step{StepD})
	case key.Matches(k, m.keys.StepG):
		m.send(Step{StepG})
	case key.Matches(k, m.keys.Reseed):
		m.send(Reseed{})
	case key.Matches(k, m.keys.Restart):
		m.send(Restart{})
	case key.Matches(k, m.keys.Rollback):
		m.send(Rollback{})
	case key.Matches(k, m.keys.Save):
		m.send(Save{})
	case key.Matches(k, m.keys.Export):
		m.send(Export{})
	case key.Matches(k, m.keys.Up):
		m.sel = (m.sel + numSettings - 1) % numSettings
	case key.Matches(k, m.keys.Down):
		m.sel = (m.sel + 1) % numSettings
	case key.Matches(k, m.keys.Dec):
		m.send(Adjust{m.sel, -1})
	case key.Matches(k, m.keys.Inc):
		m.send(Adjust{m.sel, +1})
	case key.Matches(k, m.keys.Slower):
		m.send(Adjust{Speed, -1})
	case key.Matches(k, m.keys.Faster):
		m.send(Adjust{Speed, +1})
	}
	return m, nil
}

func (m *Model) send(c Command) {
	if err := m.tr.Send(c); err != nil {
		m.localNote = err.Error()
	}
}

// relayout fits the panels to a new size: the charts are redrawn and the
// trainer is asked for as many histogram bins as there are columns.
func (m *Model) relayout() {
	l := m.layout()
	if !l.ok {
		return
	}
	if cols := l.histW - axisGutter; cols != m.bins {
		m.bins, m.binsSent = cols, false
		m.askBins()
	}
	m.redraw()
}

// askBins asks the trainer for the bins the screen has room for, unless it
// has been asked already. In a storm of resizes the command queue may be
// full; the request is then made again with the next snapshot, and no
// "busy" note bothers the user with a command they did not give.
func (m *Model) askBins() {
	if m.bins > 0 && !m.binsSent {
		m.binsSent = m.tr.Send(HistBins{m.bins}) == nil
	}
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
	eq := equilibrium(s)
	var lossRefs []refLine
	if eq.ok {
		lossRefs = append(lossRefs, refLine{eq.d, styleRef})
		if eq.g != eq.d && !math.IsNaN(eq.g) {
			lossRefs = append(lossRefs, refLine{eq.g, styleG.Faint(true)})
		}
	}
	m.lossView = m.losses.render(s.History, s.From, lossRefs, l.leftW, l.topH-len(m.lossLegend(l.leftW)))
	momRefs := []refLine{{s.Target.Mean, styleMean.Faint(true)}, {s.Target.Std, styleStd.Faint(true)}}
	momH := l.topH - len(m.momLegend(l.rightW)) - len(m.higherMoments(l.rightW))
	m.momView = m.moments.render(s.History, s.From, momRefs, l.rightW, momH)
	m.histView = histPlot(s.Eval.Metrics.Hist, s.Eval.DCurve, l.histW, l.bottomH-2-len(m.histFoot(l.histW)))
}

// trend keeps the last few values of a metric for a sparkline.
type trend struct{ vals []float64 }

const trendLen = 24

func (t *trend) add(v float64) {
	if len(t.vals) == trendLen {
		copy(t.vals, t.vals[1:])
		t.vals = t.vals[:trendLen-1]
	}
	t.vals = append(t.vals, v)
}
