package tui

import (
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
		path := filepath.Join(t.TempDir(), "bare.ckpt")
		if err := session.SaveCheckpoint(g, path); err != nil {
			t.Fatal(err)
		}
		atEpoch(t, path, c.epoch)
		s, err := session.New(session.Options{Resume: path, Epochs: c.epochs, Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		s.Start()
		m := NewModel(s)
		m.width, m.height = 80, 24
		m.apply(<-s.Snapshots())
		s.Stop()
		got := ansi.Strip(strings.Join(m.statusLines(80, 2), "\n"))
		if got != c.want {
			t.Errorf("resumed at epoch %d, at 80 columns in 2 rows:\n%s\nwant\n%s", c.epoch, got, c.want)
		}
		if wide := strings.Join(strings.Fields(ansi.Strip(strings.Join(m.statusLines(120, 2), " "))), " "); !strings.Contains(wide, "space or n continues; its checkpoint holds no history (an older ganui wrote it)") {
			t.Errorf("resumed at epoch %d, at 120 columns: %s", c.epoch, wide)
		}
	}
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
