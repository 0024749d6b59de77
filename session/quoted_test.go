package session

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganui/ganui/presets"
)

// TestReplacedNotesQuoteTheirFiles: the notes said before the first epoch
// of an output that holds something the run is to replace (Replaces,
// ReplacedPlot) and of a resumed run's log begun anew (logBegunNote) name
// the file quoted where a shell would not read it as one word, "--log
// '…/my runs/my run.csv' holds another run's history, …", as the commands
// beside them quote it; they named it bare. A plain name reads as before
// (TestResumedLogKeepsItsByteOrderMark, TestReplacedPlotIsSaid).
func TestReplacedNotesQuoteTheirFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	log, ckpt := filepath.Join(dir, "my run.csv"), filepath.Join(dir, "my run.ckpt")
	qlog, qckpt := "'"+log+"'", "'"+ckpt+"'"
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})

	// Another run's: each said alone.
	s, err := New(Options{Config: blogConfig(t, 30), Seed: 2, LogPath: log, SavePath: ckpt})
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, r := range s.Replaces() {
		notes = append(notes, r.Note)
	}
	s.Stop()
	if want := []string{"--log " + qlog + " holds another run's history, to epoch 30: ", "--save " + qckpt + " holds a checkpoint of "}; len(notes) != 2 || !strings.HasPrefix(notes[0], want[0]) || !strings.HasPrefix(notes[1], want[1]) {
		t.Errorf("another run's log and checkpoint: %q, want them to begin %q", notes, want)
	}

	// This very run's, trained to its end: said in one note.
	s, err = New(Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	if err != nil {
		t.Fatal(err)
	}
	notes = notes[:0]
	for _, r := range s.Replaces() {
		notes = append(notes, r.Note)
	}
	s.Stop()
	if want := ", and --log " + qlog + " its history to there: "; len(notes) != 1 || !strings.HasPrefix(notes[0], "--save "+qckpt+" holds a checkpoint of ") || !strings.Contains(notes[0], want) {
		t.Errorf("this run's log and checkpoint: %q, want one note of --save %s holding %q", notes, qckpt, want)
	}

	if got, want := logBegunNote(log, 30, true), "--log "+qlog+" was not there, so it begins at epoch 31: "; !strings.HasPrefix(got, want) {
		t.Errorf("logBegunNote = %q, want it to begin %q", got, want)
	}

	fig := filepath.Join(dir, "my run.png")
	f, err := os.Create(fig)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got, want := ReplacedPlot(fig, "run"), "--plot '"+fig+"' holds a PNG image of 4×3 pixels: "; !strings.HasPrefix(got, want) {
		t.Errorf("ReplacedPlot = %q, want it to begin %q", got, want)
	}
}

// TestOutputRefusalsQuoteTheirFiles: an output refused before the run as
// standard output, as the same file as an input or another output, or as
// the target's points file, and a log lost under the run (logLost), are
// named quoted where a shell would not read them as one word, "--log
// '…/my stdout' is standard output, …", where they were named bare.
func TestOutputRefusalsQuoteTheirFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	stream, err := os.Create(filepath.Join(dir, "my out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	q := "'" + stream.Name() + "'"
	if err, want := (Options{LogPath: stream.Name()}).CheckStreams(stream, nil), "--log "+q+" is standard output, "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("CheckStreams: %v, want it to begin %q", err, want)
	}
	preset := filepath.Join(dir, "my design.json")
	os.WriteFile(preset, nil, 0o644)
	if err, want := checkPaths(Options{PresetFile: preset, LogPath: preset}), "--log '"+preset+"' is the same file as --preset: "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("checkPaths: %v, want it to begin %q", err, want)
	}
	points := filepath.Join(dir, "my points.csv")
	if err, want := pointsNotOutput(Options{LogPath: points}, "points("+points+")"), "--log '"+points+"' is the same file as the target's points file: "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("pointsNotOutput: %v, want it to begin %q", err, want)
	}
	lost := &logLost{path: filepath.Join(dir, "my run.csv"), what: "cut short", rows: "epoch 7", err: os.ErrPermission}
	if got, want := lost.Error(), "'"+filepath.Join(dir, "my run.csv")+"' was cut short while the run wrote it, "; !strings.HasPrefix(got, want) {
		t.Errorf("logLost = %q, want it to begin %q", got, want)
	}
}

// TestResumeAndLogRefusalsQuoteTheirFiles: the refusals and notes of a
// --resume checkpoint, and of a --log a resumed run would go on in, name
// the file quoted where a shell would not read it as one word, "--resume:
// '…/my design.json' is a preset file, not a checkpoint: …", "--log
// '…/my other.csv' is a history that ends at epoch 20, …", where they
// named it bare beside a quoted command.
func TestResumeAndLogRefusalsQuoteTheirFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	q := func(path string) string { return "'" + path + "'" }
	s := &Session{opts: Options{Resume: "my run.ckpt"}, otherKernels: "generic"}
	if err, want := s.OtherKernels(), "--resume 'my run.ckpt': trained on the generic kernels, "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("OtherKernels: %v, want it to begin %q", err, want)
	}

	design := filepath.Join(dir, "my design.json")
	file, err := presets.MarshalFile(blogConfig(t, 30))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(design, file, 0o644)
	if _, err := New(Options{Resume: design}); err == nil || !strings.HasPrefix(err.Error(), "--resume: "+q(design)+" is a preset file, not a checkpoint: ") {
		t.Errorf("--resume of a preset file: %v, want it to begin %q", err, "--resume: "+q(design)+" is a preset file, not a checkpoint: ")
	}
	bad := filepath.Join(dir, "my bad.ckpt")
	os.WriteFile(bad, []byte("not a checkpoint at all, but long enough to be read as one"), 0o644)
	if _, err := New(Options{Resume: bad}); err == nil || !strings.HasPrefix(err.Error(), "--resume: "+q(bad)+": ") {
		t.Errorf("--resume of a damaged file: %v, want it to begin %q", err, "--resume: "+q(bad)+": ")
	}

	log, ckpt, other := filepath.Join(dir, "my run.csv"), filepath.Join(dir, "my run.ckpt"), filepath.Join(dir, "my other.csv")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	runToEnd(t, Options{Config: blogConfig(t, 20), Seed: 1, LogPath: other})
	if _, err := New(Options{Resume: ckpt, Epochs: 50, LogPath: other}); err == nil || !strings.HasPrefix(err.Error(), "--log "+q(other)+" is a history that ends at epoch 20, not at the checkpoint's 30: ") {
		t.Errorf("--log of another history: %v, want it to begin %q", err, "--log "+q(other)+" is a history that ends at epoch 20, not at the checkpoint's 30: ")
	}
}
