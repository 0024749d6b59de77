package tui

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestFrontEndsAgree: the same design, seed and epochs, driven headless
// (session.Run, as ganui --headless --log runs it) and through the TUI's
// model with keys (run to the plan, e to export, q to quit), end in
// identical final metrics, the same events at the same epochs, and the
// same CSV bytes.
func TestFrontEndsAgree(t *testing.T) {
	cfg, err := presets.Get("bimodal") // a mixture: mode coverage is compared too
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 400
	const seed, samples = 4, 2000

	logPath := filepath.Join(t.TempDir(), "headless.csv")
	var headlessEvents []session.Event
	h, err := session.New(session.Options{Config: cfg, Seed: seed, Samples: samples, LogPath: logPath,
		OnEvent: func(e session.Event) { headlessEvents = append(headlessEvents, e) }})
	if err != nil {
		t.Fatal(err)
	}
	headless, err := h.Run(context.Background(), nil)
	if err != nil || headless.State != session.Done {
		t.Fatalf("headless run: %s, %v", headless.State, err)
	}
	headlessCSV, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}

	s := startScreenOn(t, session.Options{Config: cfg, Seed: seed, Samples: samples, Dir: t.TempDir()}, 100, 30)
	done := s.waitSnap("the plan is done", func(s session.Snapshot) bool { return s.State == session.Done })
	if len(headlessEvents) == 0 || !reflect.DeepEqual(done.Events, headlessEvents) {
		t.Errorf("events differ:\nheadless %v\ntui      %v", headlessEvents, done.Events)
	}
	s.key("e")
	snap := s.waitSnap("the export", func(s session.Snapshot) bool { return strings.Contains(s.Note, ".csv") })
	tuiCSV, err := os.ReadFile(noteFile(t, snap.Note, ".csv"))
	if err != nil {
		t.Fatal(err)
	}
	s.finalView()
	s.s.Stop()
	tui := s.s.Result()

	if string(tuiCSV) != string(headlessCSV) {
		t.Errorf("the TUI's export (%d bytes) differs from headless --log (%d bytes)", len(tuiCSV), len(headlessCSV))
	}
	if !reflect.DeepEqual(tui.Metrics, headless.Metrics) || tui.Epochs != headless.Epochs || tui.State != headless.State {
		t.Errorf("final results differ:\nheadless %+v\ntui      %+v", headless, tui)
	}
	timings := regexp.MustCompile(` (epochs_per_s|train_s|wall_s)=\S+`)
	if a, b := timings.ReplaceAllString(headless.Line(), ""), timings.ReplaceAllString(tui.Line(), ""); a != b {
		t.Errorf("final lines differ:\nheadless %s\ntui      %s", a, b)
	}
}
