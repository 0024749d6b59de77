package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// loneEnds is the lines of text, laid out a paragraph at a time as
// wrapIndent lays them (the lines after a paragraph's first indented), that
// end a paragraph of two lines or more holding a single word: a widow, a
// last word stranded under the line that could have kept it company.
func loneEnds(text string) []string {
	var lone []string
	lines := strings.Split(numtext.Plain(ansi.Strip(text)), "\n")
	for i := 1; i < len(lines); i++ {
		cont := strings.HasPrefix(lines[i], "  ") && strings.TrimSpace(lines[i-1]) != ""
		last := i+1 == len(lines) || !strings.HasPrefix(lines[i+1], "  ") || strings.TrimSpace(lines[i+1]) == ""
		if cont && last && len(strings.Fields(lines[i])) == 1 {
			lone = append(lone, lines[i-1]+"\n"+lines[i])
		}
	}
	return lone
}

// TestHelpPagesLeaveNoWordAlone: every preset's ? pages, the design and each
// page of the glossary, at 70×20, 80×24 and 120×40, at epoch 0 and running,
// end no paragraph on a line of one word: wrap gives the last line a word of
// the line above's company, so that neither "collapse", the end of ring's
// description at 70×20, nor "sigmoid)", the end of blog-original's D at
// 80×24, stands alone.
func TestHelpPagesLeaveNoWordAlone(t *testing.T) {
	for _, name := range presets.Names() {
		for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
			_, m, snap := presetModel(t, name, size[0], size[1])
			running := snap
			running.State, running.Epoch, running.Frames, running.Exportable = session.Running, 1, 1, true
			for _, at := range []session.Snapshot{snap, running} {
				m.apply(at)
				m.keys.page = pageNone
				m.nextHelpPage()
				l := m.layout()
				pages := []string{m.designPanel(l.histW, l.topH+l.bottomH)}
				m.nextHelpPage()
				for _, p := range m.glossaryPages(m.width, m.glossaryHeight()) {
					pages = append(pages, strings.Join(p, "\n"))
				}
				for i, p := range pages {
					for _, lone := range loneEnds(p) {
						t.Errorf("%s at %d×%d, epoch %d, ? page %d: a word alone ends a paragraph:\n%s", name, size[0], size[1], at.Epoch, i+1, lone)
					}
				}
			}
		}
	}
}

// presetModel is the model of preset name's run at epoch 0, its session
// never started beyond its first snapshot, on a w×h screen, with its design
// and that snapshot.
func presetModel(t *testing.T, name string, w, h int) (engine.Config, Model, session.Snapshot) {
	t.Helper()
	cfg, err := presets.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	s, snap := firstSnapshot(t, cfg)
	m := NewModel(s)
	mm, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return cfg, mm.(Model), snap
}
