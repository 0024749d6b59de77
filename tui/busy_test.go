package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestKeysWaitingSaySo: a key whose command waits for the session (a wide
// design's epoch or evaluation takes seconds, and commands act between
// epochs) is answered on the status once the wait check comes
// (waitNoteAfter), not at the key, where a small design's answer follows at
// once: "busy with the epoch in training… keys pressed meanwhile act as it
// ends", until the session's next snapshot.
// The session here is never started, so its commands wait for good.
func TestKeysWaitingSaySo(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	_, snap := trainedSnapshot(t, cfg, 1, 3, 80)
	snap.State = session.Running
	flat := func(m tea.Model) string { return strings.Join(strings.Fields(m.View()), " ") }
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		s, err := session.New(session.Options{Config: testdesigns.PerSample(5000), Seed: 1, Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Stop)
		var m tea.Model = NewModel(s)
		m, _ = m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		m, _ = m.Update(snapshotMsg(snap))
		m, cmd := m.Update(keyMsg(" "))
		if cmd == nil {
			t.Fatalf("%d×%d: space whose command waits schedules no wait check", size[0], size[1])
		}
		if v := flat(m); strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: the wait said at the key, before the check:\n%s", size[0], size[1], m.View())
		}
		m, _ = m.Update(waitCheckMsg{})
		checkFrame(t, m.View(), size[0], size[1])
		if v := flat(m); !strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: space waiting for the session, the status lacks %q:\n%s", size[0], size[1], waitingNote, m.View())
		}
		m, _ = m.Update(keyMsg("n"))
		if v := flat(m); !strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: n behind space, the status lacks %q:\n%s", size[0], size[1], waitingNote, m.View())
		}
		m, _ = m.Update(snapshotMsg(snap))
		if v := flat(m); strings.Contains(v, waitingNote) {
			t.Errorf("%d×%d: the wait still said after the session's snapshot:\n%s", size[0], size[1], m.View())
		}
	}
}
