package tui

import (
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestResumedNoteOfALargeEpochFitsTwoRows: at 80 columns in the two rows
// the status gives it beside a finding, the note of a run resumed at a
// large epoch keeps
// what it says to its end, "the charts begin here", where at epoch
// 1,234,567 it ran to a third row and was cut, "…: the …". The words
// "space or n continues", which the key bar says as well ("space go on ·
// n step"), give way after the parenthesis saying who wrote the
// checkpoint.
func TestResumedNoteOfALargeEpochFitsTwoRows(t *testing.T) {
	g, _ := straightRun(t, blogConfig(t, 150), 1, 150)
	for _, c := range []struct {
		epoch, epochs int
		want          string
	}{
		{1234567, 1234567, "resumed at epoch 1,234,567, the checkpoint as saved: --epochs 1234567 ends the\n  plan there …; its checkpoint holds no history …: the charts begin here"},
		// Where it fits, "space or n continues" stays.
		{12345678, 0, "resumed at epoch 12,345,678, 12,345,528 past its plan of 150: space or n\n  continues; its checkpoint holds no history …: the charts begin here"},
	} {
		m := resumedAt(t, g, c.epoch, c.epochs)
		got := ansi.Strip(strings.Join(m.statusLines(80, 2), "\n"))
		if got != c.want {
			t.Errorf("resumed at epoch %d, at 80 columns in 2 rows:\n%s\nwant\n%s", c.epoch, got, c.want)
		}
		if wide := strings.Join(strings.Fields(ansi.Strip(strings.Join(m.statusLines(120, 2), " "))), " "); !strings.Contains(wide, "space or n continues; its checkpoint holds no history (an older ganui wrote it)") {
			t.Errorf("resumed at epoch %d, at 120 columns: %s", c.epoch, wide)
		}
	}
}

// resumedAt is the trainer at 80×24 on its first frame of g's run saved,
// rewritten as saved at epoch (atEpoch) and resumed with --epochs epochs
// (0: the checkpoint's plan).
func resumedAt(t *testing.T, g *engine.GAN, epoch, epochs int) Model {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bare.ckpt")
	if err := session.SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	atEpoch(t, path, epoch)
	s, err := session.New(session.Options{Resume: path, Epochs: epochs, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	m := NewModel(s)
	m.width, m.height = 80, 24
	m.apply(<-s.Snapshots())
	s.Stop()
	return m
}

// atEpoch rewrites the checkpoint at path as one saved at epoch, its
// checksum made again: a run that large is not trained in a test.
func atEpoch(t *testing.T, path string, epoch int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const head = 8 + 4 + 8                                         // magic, version, body length
	at := head + 4 + int(binary.LittleEndian.Uint32(b[head:])) + 8 // after the config and the seed
	binary.LittleEndian.PutUint64(b[at:], uint64(epoch))
	sum := sha256.Sum256(b[:len(b)-sha256.Size])
	copy(b[len(b)-sha256.Size:], sum[:])
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestResumedNoteLeavesTheVerdictARow: a done run resumed at a large
// epoch with no finding, whose G is far from its target, keeps at 80×24
// a row under the resumed note for "No finding, but G is far from the
// target", where the note, no finding beside it, took all three rows
// and the verdict, the one line saying how the run stands, dropped off.
// The note gives way as it does beside a finding: "(an older ganui wrote
// it)" goes, "the charts begin here" stays.
func TestResumedNoteLeavesTheVerdictARow(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = 3
	g, _ := straightRun(t, cfg, 1, 3)
	m := resumedAt(t, g, 1234567, 0)
	if len(m.snap.Findings) != 0 {
		t.Fatalf("the resumed run has findings %v; the test wants none", findingKinds(m.snap.Findings))
	}
	got := ansi.Strip(strings.Join(m.msgLines(80, msgRows(24)), "\n"))
	want := "resumed at epoch 1,234,567, 1,234,564 past its plan of 3: space or n continues;\n  its checkpoint holds no history …: the charts begin here\nNo finding, but G is far from the target"
	if !strings.HasPrefix(got, want) {
		t.Errorf("a done run resumed at epoch 1,234,567, no finding, at 80×24:\n%s\nwant it to begin\n%s", got, want)
	}
}
