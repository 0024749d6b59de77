package session

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

func TestLoadCheckpointErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadCheckpoint(filepath.Join(dir, "missing.ckpt")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := LoadCheckpoint(dir); err == nil {
		t.Error("a directory loaded as a checkpoint")
	}
}

// TestPresetFileGivenToResume: a preset file given to --resume is named as one,
// with the command that trains it, begun as ganui was started and its path
// quoted for the shell, not "--preset PATH", a flag; it is not refused as a
// file with no checkpoint header, as any other is, even when its points file
// is missing or refused.
func TestPresetFileGivenToResume(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my design.json")
	if err := os.WriteFile(path, presets.Marshal(blogConfig(t, 10)), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "--resume: '" + path + "' is a preset file, not a checkpoint: ganui --preset '" + path + "' trains its design from the start"
	if _, err := New(Options{Resume: path}); err == nil || err.Error() != want {
		t.Fatalf("New(Resume: a preset file): %v; want %q", err, want)
	}
	// Its points file missing, or no points file, it is a preset file
	// still, which --preset then refuses saying why: the kind is told
	// without the points (presetKind), whatever the working directory holds.
	for _, target := range []string{"points(gone.csv)", "points(" + path + ")"} {
		if err := os.WriteFile(path, []byte(`{"base": "ring", "target": "`+target+`"}`), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := New(Options{Resume: path}); err == nil || err.Error() != want {
			t.Errorf("New(Resume: a preset file of %s): %v; want %q", target, err, want)
		}
	}
	if err := os.WriteFile(path, []byte("not JSON"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Resume: path}); err == nil || !strings.Contains(err.Error(), "no ganui checkpoint header") {
		t.Fatalf("New(Resume: neither): %v", err)
	}
}

// TestPresetNameGivenToResume: a built-in preset's name given to --resume, no
// file of that name there, is named as the preset, with the command that trains
// it, begun as ganui was started, not "--preset ring", a flag, nor "--resume:
// ring: no such file or directory" alone. A missing file of another name is
// said missing, with the checkpoint to give.
func TestPresetNameGivenToResume(t *testing.T) {
	t.Chdir(t.TempDir())
	want := "--resume: ring: no such file or directory (ring is a built-in preset: ganui --preset ring trains it from the start)"
	if _, err := New(Options{Resume: "ring"}); err == nil || err.Error() != want || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("New(Resume: ring): %v; want %q", err, want)
	}
	want = "--resume: rung: no such file or directory; give the FILE.ckpt a headless run's --save or the trainer's w wrote"
	if _, err := New(Options{Resume: "rung"}); err == nil || err.Error() != want {
		t.Errorf("New(Resume: rung): %v; want %q", err, want)
	}
}

// TestOtherOutputGivenToResume: a history CSV or a figure given to --resume,
// files a run writes beside its checkpoint, is named as what it is, not refused
// as a file with no checkpoint header.
func TestOtherOutputGivenToResume(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct{ data, kind string }{
		"run.csv": {CSVHeader + "\n1,0.5,0.5,0.7,0.1,0.2\n", "a ganui history CSV"},
		"run.png": {pngSignature + "rest", "a PNG, SVG or PDF figure"},
		"run.svg": {`<?xml version="1.0"?><svg></svg>`, "a PNG, SVG or PDF figure"},
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(c.data), 0o644); err != nil {
			t.Fatal(err)
		}
		want := "--resume: " + path + " is " + c.kind + ", not a checkpoint: give the .ckpt file --save or the trainer's w wrote"
		if _, err := New(Options{Resume: path}); err == nil || err.Error() != want {
			t.Errorf("New(Resume: %s): %v; want %q", name, err, want)
		}
	}
}

// TestLoadCheckpointKnowsItsSize: a checkpoint file cut short is refused
// from its size, straight after its header (engine.ReadCheckpoint), not
// when its weights run out, after the networks are built.
func TestLoadCheckpointKnowsItsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.ckpt")
	g, _ := straightRun(t, blogConfig(t, 10), 1, 0)
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, st.Size()/2); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadCheckpoint(path); err == nil || !strings.Contains(err.Error(), "truncated: it is "+numtext.FormatInt(int(st.Size()/2))+" bytes, its header says the checkpoint is "+numtext.FormatInt(int(st.Size()))) {
		t.Errorf("a checkpoint cut to half its size: %v", err)
	}
}

// TestSaveCheckpointIsAtomic: a failed save leaves the old checkpoint in
// place and no temporary files behind.
func TestSaveCheckpointIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	g, _ := straightRun(t, blogConfig(t, 10), 1, 0)
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	err := outputfile.Write(filepath.Join(dir, "no-such-dir", "x"), 0o600, checkpointKind, func(w io.Writer) error { _, err := w.Write(before); return err })
	if err == nil {
		t.Error("writing into a missing directory succeeded")
	}
	g.TrainEpoch()
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after saves, want just the checkpoint", len(entries))
	}
	after, _ := os.ReadFile(path)
	if slices.Equal(before, after) {
		t.Error("the second save did not replace the checkpoint")
	}
}

// TestStaleTemporaryFilesAreRemoved: a save killed midway (kill -9)
// leaves a hidden temporary file beside its target; the next save of the
// same target removes it, however recently it was written, and leaves
// other files alone (outputfile's tests: a save under way keeps its own).
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	stale := filepath.Join(dir, ".run.ckpt.tmp-0badf00d")
	fresh := filepath.Join(dir, ".run.ckpt.tmp-12345678")
	other := filepath.Join(dir, ".other.ckpt.tmp-0badf00d")
	for _, p := range []string{stale, fresh, other} {
		os.WriteFile(p, make([]byte, 1000), 0o600)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(other, old, old)
	g, _ := straightRun(t, blogConfig(t, 10), 1, 1)
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{stale: false, fresh: false, other: true, path: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// TestFailedSaveKeepsTheResult: when the checkpoint cannot be written at
// the end (its directory went away during the run), Run still returns the
// run's complete Result, with the error beside it.
func TestFailedSaveKeepsTheResult(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	os.Mkdir(dir, 0o755)
	s, err := New(Options{Config: blogConfig(t, 20), Seed: 1, SavePath: filepath.Join(dir, "run.ckpt")})
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(dir) // the checkpoint's reserved file in it too
	r, err := s.Run(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "--save") {
		t.Fatalf("save into a removed directory: %v", err)
	}
	if r.State != Done || r.Epochs != 20 || r.Metrics.N == 0 || !strings.HasPrefix(r.Line(), "final preset=blog-original seed=1 epochs=20 state=done") {
		t.Fatalf("the result beside the error: %s", r.Line())
	}
}

// TestSaveRoomIsReservedBeforeTraining: the --save checkpoint's room is made
// when the run is prepared (New), for the largest checkpoint the run can write,
// in the file its end fills and puts in place, cut to what it holds; a disk
// without that room is refused then, before anything is trained, the checkpoint
// there left as it was and no file beside it, so that a full disk is not found
// at the run's end, the run lost.
func TestSaveRoomIsReservedBeforeTraining(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "run.ckpt")
	var reserved int64
	orig := reserve
	defer func() { reserve = orig }()
	reserve = func(path string, perm fs.FileMode, kind outputfile.Kind, size int64) (*outputfile.Reservation, error) {
		reserved = size
		return outputfile.Reserve(path, perm, kind, size)
	}
	s, err := New(Options{Config: blogConfig(t, 20), Seed: 1, SavePath: ckpt})
	if err != nil {
		t.Fatal(err)
	}
	held, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*"))
	if len(held) != 1 {
		t.Fatalf("before training, beside run.ckpt: %q, want its reserved file", held)
	}
	if fi, err := os.Stat(held[0]); err != nil || fi.Size() != reserved {
		t.Fatalf("the reserved file before training: %v, want %d bytes", fi, reserved)
	}
	if _, err := s.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(ckpt)
	if err != nil || fi.Size() >= reserved || fi.Size()+engine.MaxAnnex < reserved {
		t.Fatalf("the checkpoint: %v, want less than the %d bytes reserved, by at most its record's bound", fi, reserved)
	}
	if _, err := LoadCheckpoint(ckpt); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*")); len(left) != 0 {
		t.Fatalf("left beside the checkpoint: %q", left)
	}

	// A disk without the room: refused before training.
	before, _ := os.ReadFile(ckpt)
	reserve = func(path string, perm fs.FileMode, kind outputfile.Kind, size int64) (*outputfile.Reservation, error) {
		return nil, fmt.Errorf("cannot reserve %d bytes for %s: %w", size, path, syscall.ENOSPC)
	}
	if _, err := New(Options{Resume: ckpt, Epochs: 40, SavePath: ckpt}); err == nil || !strings.HasPrefix(err.Error(), "--save: cannot reserve") || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("no room for the checkpoint: %v", err)
	}
	if after, _ := os.ReadFile(ckpt); !bytes.Equal(after, before) {
		t.Fatal("the checkpoint there changed")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*")); len(left) != 0 {
		t.Fatalf("left beside the checkpoint: %q", left)
	}
}

// TestUnwrittenSaveRoomIsGivenBack: a run that writes no checkpoint (it
// never ran, or it diverged) leaves no reserved file beside it once
// stopped.
func TestUnwrittenSaveRoomIsGivenBack(t *testing.T) {
	dir := t.TempDir()
	s, err := New(Options{Config: blogConfig(t, 20), Seed: 1, SavePath: filepath.Join(dir, "run.ckpt")})
	if err != nil {
		t.Fatal(err)
	}
	s.Stop()
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("left after a run that never ran: %v", left)
	}
}

// TestFailedLogKeepsTheCheckpoint: a log that fails (its directory went away
// during the run) is reported, and the --save checkpoint is written all the
// same, not skipped, which would lose the whole run.
func TestFailedLogKeepsTheCheckpoint(t *testing.T) {
	logDir, saveDir := filepath.Join(t.TempDir(), "log"), t.TempDir()
	os.Mkdir(logDir, 0o755)
	save := filepath.Join(saveDir, "run.ckpt")
	s, err := New(Options{Config: blogConfig(t, 20), Seed: 1, LogPath: filepath.Join(logDir, "run.csv"), SavePath: save})
	if err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(logDir) // the log too, claimed by New
	r, err := s.Run(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "--log") || strings.Contains(err.Error(), "--save") {
		t.Fatalf("a log into a removed directory: %v", err)
	}
	g, lerr := LoadCheckpoint(save)
	if lerr != nil || g.Epoch() != 20 || r.Epochs != 20 {
		t.Fatalf("the checkpoint beside the failed log: %v (epoch %d of %d)", lerr, g.Epoch(), r.Epochs)
	}
}

// TestResumedLogGoesOn: resumed with the log the run wrote up to its
// checkpoint, a run appends to it, so that the file holds every epoch, not
// emptied for the resumed run to start at its checkpoint's epoch; another run's
// log that ends there, or one that ends elsewhere, is refused, and so is a file
// that is not a log, as any --log's.
func TestResumedLogGoesOn(t *testing.T) {
	dir := t.TempDir()
	log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	first, _ := os.ReadFile(log)
	runToEnd(t, Options{Resume: ckpt, Epochs: 50, LogPath: log})
	got, _ := os.ReadFile(log)
	lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
	if !strings.HasPrefix(string(got), string(first)) || len(lines) != 51 {
		t.Fatalf("the resumed log has %d lines, want the 31 it had and 20 more", len(lines))
	}
	for i, l := range lines[1:] {
		if e, _, _ := strings.Cut(l, ","); e != strconv.Itoa(i+1) {
			t.Fatalf("line %d is epoch %s", i+2, e)
		}
	}

	// The log now runs past the checkpoint: resumed from it again, the run
	// refuses it rather than replace its history (or append out of order,
	// epochs 31 to 40 twice), and names the lines to keep.
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || !strings.Contains(err.Error(), "runs past the checkpoint's epoch 30, to epoch 50: to go on in it, keep its first 31 lines, to epoch 30's row (head -n 31)") {
		t.Fatalf("a log past the checkpoint: %v", err)
	}
	if got, _ := os.ReadFile(log); len(strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")) != 51 {
		t.Fatal("the refused log was changed")
	}
	// Another run's history past the checkpoint, its row at epoch 30 not
	// this run's, is not offered as this run's to cut.
	theirRow := strings.Replace(string(got), "\n30,", "\n30,9", 1)
	os.WriteFile(log, []byte(theirRow), 0o644)
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || !strings.Contains(err.Error(), "ends at epoch 50, not at the checkpoint's 30") {
		t.Fatalf("another history past the checkpoint: %v", err)
	}
	// Nor one with a line before it that the resume would refuse once cut.
	os.WriteFile(log, []byte(strings.Replace(string(got), "\n10,", "\nx10,", 1)), 0o644)
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || strings.Contains(err.Error(), "keep its first") {
		t.Fatalf("a history past the checkpoint with a line edited before it: %v", err)
	}
	// Kept to the lines it names, the log goes on with every epoch once.
	os.WriteFile(log, []byte(strings.Join(lines[:31], "\n")+"\n"), 0o644)
	runToEnd(t, Options{Resume: ckpt, Epochs: 40, LogPath: log})
	again, _ := os.ReadFile(log)
	if !strings.HasPrefix(string(got), string(again)) || strings.Count(string(again), "\n") != 41 {
		t.Fatalf("the log kept to epoch 30 and resumed to 40 is not the first 41 lines of the straight one:\n%s", again)
	}
	os.WriteFile(log, append(first, "31,0.69"...), 0o644) // killed mid-row
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || !strings.Contains(err.Error(), "last line has no line end") {
		t.Fatalf("a log cut mid-row: %v", err)
	}
	// A whole last row whose epoch was edited is not cut: it is said to
	// begin with no epoch, as "-31" or one past what an int holds.
	for _, epoch := range []string{"-31", "99999999999999999999", "+31"} {
		os.WriteFile(log, append(first, epoch+",0.69,0.7,0.71\n"...), 0o644)
		if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("is a history whose last row begins with %q, not an epoch", epoch)) {
			t.Fatalf("a log whose last row begins with %s: %v", epoch, err)
		}
	}
	// A row repeated or moved in its middle, by hand, is named by its line: the
	// run reads more than the log's ends, and does not go on with it.
	rows := strings.SplitAfter(string(first), "\n")
	for _, c := range []struct {
		edit func([]string) []string
		want string
	}{
		{func(r []string) []string { return slices.Insert(r, 11, r[10]) }, "line 12: epoch 10 after 10; the history must go forward"},
		{func(r []string) []string { r[5], r[6] = r[6], r[5]; return r }, "line 7: epoch 5 after 6; the history must go forward"},
		// A line that is no row, which is not passed over: one with no epoch, a
		// second header (cat a.csv b.csv), a blank line.
		{func(r []string) []string { return slices.Insert(r, 11, "x,1,2\n") }, `line 12: begins with "x", not an epoch; each line after the header is a row, its epoch first`},
		{func(r []string) []string { return slices.Insert(r, 20, r[0]) }, `line 21: begins with "epoch", not an epoch; each line after the header is a row, its epoch first`},
		{func(r []string) []string { return slices.Insert(r, 3, "\n", "\n") }, "line 4: a blank line between rows; each line after the header is a row, its epoch first"},
		// A row cut short, or joined to more, or with a value that is no
		// number: the row is read whole, not its epoch alone.
		{func(r []string) []string { r[11] = "11\n"; return r }, "line 12: has 1 field where the header has 14; each line after the header is a row, its epoch first"},
		{func(r []string) []string { r[11] = r[11][:len(r[11])-1] + ",x\n"; return r }, "line 12: has 15 fields where the header has 14; each line after the header is a row, its epoch first"},
		{func(r []string) []string { r[11] = strings.Replace(r[11], ",", ",0,7", 1); return r }, `line 12: has 15 fields where the header has 14; each line after the header is a row, its epoch first`},
		{func(r []string) []string {
			f := strings.Split(r[11], ",")
			f[1] = "abc"
			r[11] = strings.Join(f, ",")
			return r
		}, `line 12: its d_real is "abc", not a number; each line after the header is a row, its epoch first`},
		{func(r []string) []string { r[11] = r[11][:len(r[11])-1] + "x\"y\n"; return r }, "line 12: its eval_samples is no CSV field: a field that holds a quote is quoted whole, each quote in it doubled; each line after the header is a row, its epoch first"},
		{func(r []string) []string { r[11] = r[11][:len(r[11])-1] + "\"x\n"; return r }, "line 12: its eval_samples begins a quote its line does not close: no field of a log holds a line break; each line after the header is a row, its epoch first"},
		{func(r []string) []string { r[11] = r[11][:len(r[11])-1] + "abc\n"; return r }, `line 12: its eval_samples is "abc", not a number; each line after the header is a row, its epoch first`},
		// A line break typed into a field, as a spreadsheet's cell takes
		// one, quoted whole: CSV, but a field of a log is on one line.
		{func(r []string) []string {
			f := strings.Split(r[11], ",")
			f[12] = "\"hand\nnote\""
			r[11] = strings.Join(f, ",")
			return r
		}, "line 12: its event_details begins a quote its line does not close: no field of a log holds a line break; each line after the header is a row, its epoch first"},
	} {
		os.WriteFile(log, []byte(strings.Join(c.edit(slices.Clone(rows)), "")), 0o644)
		if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || err.Error() != "--log "+log+" "+c.want+": give another file, or mend or remove it" {
			t.Fatalf("a log edited in its middle: %v, want %s", err, c.want)
		}
	}
	// Its header alone (head -1): no row at all, not called a cut row.
	os.WriteFile(log, first[:bytes.IndexByte(first, '\n')+1], 0o644)
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || !strings.Contains(err.Error(), "is a history with no rows, not the run's up to its checkpoint at epoch 30") {
		t.Fatalf("a log of its header alone: %v", err)
	}

	// Another run's log that ends at the checkpoint's epoch is refused,
	// not appended to: the record knows this run's row there.
	theirs := filepath.Join(dir, "theirs.csv")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 2, LogPath: theirs})
	before, _ := os.ReadFile(theirs)
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: theirs}); err == nil || !strings.Contains(err.Error(), "another run's history") {
		t.Fatalf("another run's log ending at the checkpoint's epoch: %v", err)
	}
	if after, _ := os.ReadFile(theirs); !bytes.Equal(after, before) {
		t.Fatal("the refused log was changed")
	}

	// A file that is no history is refused, left as it was
	// (TestOutputsReplaceOnlyTheirKind); an empty one is the new log.
	other := filepath.Join(dir, "other.csv")
	os.WriteFile(other, []byte("not a log\n"), 0o644)
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: other}); err == nil || !strings.Contains(err.Error(), "is not a ganui history CSV") {
		t.Fatalf("another file as the resumed log: %v", err)
	}
	if got, _ := os.ReadFile(other); string(got) != "not a log\n" {
		t.Fatalf("the refused file now holds %q", got)
	}
	os.WriteFile(other, nil, 0o644)
	runToEnd(t, Options{Resume: ckpt, Epochs: 40, LogPath: other})
	if got, _ := os.ReadFile(other); !strings.HasPrefix(string(got), CSVColumns(0)[:10]) || strings.Count(string(got), "\n") != 11 {
		t.Fatalf("an empty file as the resumed log:\n%s", got)
	}
}

// TestEveryLogItWritesResumes: every history the program writes goes on
// in a run resumed from the checkpoint at its end, and again from the
// next one's: a headless --log, and e's export of a run that changed a
// setting and updated D by hand before its first epoch (its row of epoch
// 0) and rolled back. Such a history holds the header and rows going
// forward, and nothing else logBadLine refuses.
func TestEveryLogItWritesResumes(t *testing.T) {
	dir := t.TempDir()
	headless, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 10), Seed: 1, LogPath: headless, SavePath: ckpt})

	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: dir})
	Adjust{DLR, +1}.apply(s)
	Step{Kind: StepD}.apply(s)
	for range 6 {
		s.trainEpoch()
	}
	keepNow(s)
	poison(t, s)
	Rollback{}.apply(s)
	for range 30 { // back from 10, the top, that the resumed runs train
		Adjust{DLR, -1}.apply(s)
		Adjust{GLR, -1}.apply(s)
	}
	s.trainEpoch()
	Export{}.apply(s)
	Save{}.apply(s)
	if s.failed || s.gan.Epoch() != 7 {
		t.Fatalf("e and w at epoch %d: %q", s.gan.Epoch(), s.note)
	}
	export, saved := filepath.Join(dir, "ganui-ls-sgd-seed1-epoch7.csv"), filepath.Join(dir, "ganui-ls-sgd-seed1-epoch7.ckpt")

	for _, c := range []struct {
		log, ckpt  string
		first, end int // the log's first row's epoch, and its checkpoint's
	}{{headless, ckpt, 1, 10}, {export, saved, 0, 7}} {
		for range 2 {
			c.end += 3
			runToEnd(t, Options{Resume: c.ckpt, Epochs: c.end, LogPath: c.log, SavePath: c.ckpt})
		}
		data, _ := os.ReadFile(c.log)
		_, rows := csvRows(t, string(data))
		for i, r := range rows {
			if r[0] != strconv.Itoa(c.first+i) || len(rows) != c.end-c.first+1 {
				t.Fatalf("%s resumed twice, row %d of %d is epoch %s; want epochs %d to %d:\n%s", filepath.Base(c.log), i+1, len(rows), r[0], c.first, c.end, data)
			}
		}
		newIdle(t, Options{Resume: c.ckpt, Epochs: c.end + 3, LogPath: c.log}) // read whole once more (logBadLine)
	}
}

// TestResumedAtEpochZeroKeepsItsLog: a run saved before its first epoch (w on a
// paused trainer, after a setting changed there) goes on in the log it wrote up
// to its checkpoint, e's export of epoch 0's events, as a run saved later does,
// and refuses another run's history: resumed from epoch 0, the run replaces
// neither without a word, which would lose epoch 0's row or another run's
// epochs.
func TestResumedAtEpochZeroKeepsItsLog(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: blogConfig(t, 20), Seed: 1, Dir: dir})
	s.applyOne(Adjust{Setting: DLR, Dir: +1})
	Export{}.apply(s)
	Save{}.apply(s)
	log, ckpt := filepath.Join(dir, "ganui-blog-original-seed1-epoch0.csv"), filepath.Join(dir, "ganui-blog-original-seed1-epoch0.ckpt")
	first, err := os.ReadFile(log)
	if err != nil || s.failed {
		t.Fatalf("e and w at epoch 0: %v, %q", err, s.note)
	}
	runToEnd(t, Options{Resume: ckpt, Epochs: 3, LogPath: log})
	got, _ := os.ReadFile(log)
	_, rows := csvRows(t, string(got))
	if !bytes.HasPrefix(got, first) || len(rows) != 4 || rows[0][0] != "0" || rows[3][0] != "3" {
		t.Fatalf("the resumed log:\n%s\nwant its epoch 0 row, then epochs 1 to 3", got)
	}

	// Another run's history, which ends elsewhere, is kept, not replaced.
	theirs := filepath.Join(dir, "theirs.csv")
	runToEnd(t, Options{Config: blogConfig(t, 5), Seed: 2, LogPath: theirs})
	before, _ := os.ReadFile(theirs)
	if _, err := New(Options{Resume: ckpt, Epochs: 3, LogPath: theirs}); err == nil || !strings.Contains(err.Error(), "ends at epoch 5, not at the checkpoint's 0") {
		t.Fatalf("another run's log, resumed from epoch 0: %v", err)
	}
	if after, _ := os.ReadFile(theirs); !bytes.Equal(after, before) {
		t.Fatal("the refused log was changed")
	}
}

// TestResumedLogKeepsAnotherRunsHistory: a resumed run's --log that is a
// history of other columns — a 2-D run's given to a 1-D resume — is another
// run's, refused and left as it was, as one of the same columns that is not
// this run's is, not replaced without a word.
func TestResumedLogKeepsAnotherRunsHistory(t *testing.T) {
	dir := t.TempDir()
	ckpt, theirs := filepath.Join(dir, "run.ckpt"), filepath.Join(dir, "plane.csv")
	runToEnd(t, Options{Config: blogConfig(t, 10), Seed: 1, SavePath: ckpt})
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	ring.Epochs = 10
	runToEnd(t, Options{Config: ring, Seed: 1, LogPath: theirs})
	before, _ := os.ReadFile(theirs)
	if _, err := New(Options{Resume: ckpt, Epochs: 20, LogPath: theirs}); err == nil || err.Error() != "--log "+theirs+" is another run's history, of other columns than this run's: give another file, or remove it" {
		t.Fatalf("a 2-D run's log given to a 1-D resume: %v", err)
	}
	if after, _ := os.ReadFile(theirs); !bytes.Equal(after, before) {
		t.Fatal("the refused log was changed")
	}
	// The run's own log given a column in a spreadsheet, a mark and CRLF
	// too: its columns and one more, not another run's.
	log := filepath.Join(dir, "run.csv")
	ckpt2 := filepath.Join(dir, "run2.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 10), Seed: 1, SavePath: ckpt2, LogPath: log})
	own, _ := os.ReadFile(log)
	lines := strings.SplitAfter(strings.TrimSuffix(string(own), "\n"), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\n") + ",note\r\n"
	}
	edited := "\ufeff" + strings.Join(lines, "")
	os.WriteFile(log, []byte(edited), 0o644)
	if _, err := New(Options{Resume: ckpt2, Epochs: 20, LogPath: log}); err == nil || err.Error() != "--log "+log+" is a history of this run's columns with more after them, note: remove those to go on in it, or give another file" {
		t.Fatalf("the run's log with a column added: %v", err)
	}
	if after, _ := os.ReadFile(log); string(after) != edited {
		t.Fatal("the refused log was changed")
	}
}

// TestResumedLogKeepsItsLineEnding: the run's log saved with Windows line
// endings ("\r\n", by a spreadsheet or an editor) goes on in them when the run
// resumes, so that the file holds every epoch in one line ending, not taken for
// another file and replaced, which would lose the epochs before the checkpoint.
// Where its header ends otherwise than its rows (the rows alone converted,
// or a header of one's own put before them), the rows it adds end as its
// last row does, where they took the header's ending, the file's last rows
// ending unlike those before them.
func TestResumedLogKeepsItsLineEnding(t *testing.T) {
	dir := t.TempDir()
	log, ckpt, straight := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt"), filepath.Join(dir, "straight.csv")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	runToEnd(t, Options{Config: blogConfig(t, 50), Seed: 1, LogPath: straight})
	lf, _ := os.ReadFile(log)
	whole, _ := os.ReadFile(straight)
	header, _, _ := bytes.Cut(whole, []byte("\n"))
	rows := func(b []byte, end string) []byte {
		_, r, _ := bytes.Cut(b, []byte("\n"))
		return bytes.ReplaceAll(r, []byte("\n"), []byte(end))
	}
	for _, c := range []struct{ name, header, rows string }{
		{"Windows lines", "\r\n", "\r\n"},
		{"a header ending \\n, rows \\r\\n", "\n", "\r\n"},
		{"a header ending \\r\\n, rows \\n", "\r\n", "\n"},
	} {
		os.WriteFile(log, slices.Concat(header, []byte(c.header), rows(lf, c.rows)), 0o644)
		runToEnd(t, Options{Resume: ckpt, Epochs: 50, LogPath: log})
		got, _ := os.ReadFile(log)
		if want := slices.Concat(header, []byte(c.header), rows(whole, c.rows)); !bytes.Equal(got, want) {
			t.Fatalf("the resumed log of %s holds %d lines, %d of them ending in \\r\\n; want the straight run's %d, its header's %q, its rows' %q",
				c.name, bytes.Count(got, []byte("\n")), bytes.Count(got, []byte("\r\n")), bytes.Count(want, []byte("\n")), c.header, c.rows)
		}
	}
}

// TestResumedLogKeepsItsByteOrderMark: a run's log saved by a spreadsheet,
// a UTF-8 byte order mark before its header (Excel's "CSV UTF-8", its
// lines "\r\n" or not), is the run's history: a --resume goes on in it,
// the mark kept and the lines ending as they did, where it was refused
// as not a ganui history CSV. A run that begins anew replaces it, as
// another history, not refused as a file of another kind.
func TestResumedLogKeepsItsByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	straight := filepath.Join(dir, "straight.csv")
	runToEnd(t, Options{Config: blogConfig(t, 50), Seed: 1, LogPath: straight})
	whole, _ := os.ReadFile(straight)
	for _, end := range []string{"\n", "\r\n"} {
		log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
		runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
		lf, _ := os.ReadFile(log)
		os.WriteFile(log, append([]byte("\ufeff"), bytes.ReplaceAll(lf, []byte("\n"), []byte(end))...), 0o644)
		runToEnd(t, Options{Resume: ckpt, Epochs: 50, LogPath: log})
		got, _ := os.ReadFile(log)
		if want := append([]byte("\ufeff"), bytes.ReplaceAll(whole, []byte("\n"), []byte(end))...); !bytes.Equal(got, want) {
			t.Fatalf("the resumed log of a byte order mark and lines ending %q begins %q and holds %d lines; want the mark and the straight run's %d lines", end, got[:min(len(got), 12)], bytes.Count(got, []byte("\n")), bytes.Count(want, []byte("\n")))
		}
		if rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(got, []byte("\ufeff")))).ReadAll(); err != nil || len(rows) != 51 {
			t.Fatalf("the resumed log as CSV: %d records, %v; want the header and 50 rows", len(rows), err)
		}
		s, err := New(Options{Config: blogConfig(t, 50), Seed: 1, LogPath: log})
		if err != nil {
			t.Fatalf("a new run over it: %v", err)
		}
		if got := s.Replaces(); len(got) != 1 || got[0].Note != "--log "+log+" holds another run's history, to epoch 50: this run's replaces it" {
			t.Errorf("a new run over it is told %+v", got)
		}
		if _, err := s.Run(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(log); !bytes.Equal(got, whole) {
			t.Errorf("a new run's log over it begins %q; want it written anew, as the straight run's", got[:min(len(got), 12)])
		}
		os.Remove(log)
		os.Remove(ckpt)
	}
}

// TestOutputsAreNotTheStreams: an output that is the file standard output
// or standard error goes to (through a link, as /dev/stdout is) is
// refused, each output and each stream, and so is "-"; a stream that is
// no file, and an output of a file of its own, pass.
func TestOutputsAreNotTheStreams(t *testing.T) {
	dir := t.TempDir()
	stream, err := os.Create(filepath.Join(dir, "out.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	link := filepath.Join(dir, "stdout")
	if err := os.Symlink(stream.Name(), link); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		opts           Options
		stdout, stderr io.Writer
		want           string
	}{
		{Options{LogPath: link}, stream, io.Discard, "--log " + link + " is standard output, where ganui writes its lines: name a file of its own"},
		{Options{SavePath: link}, stream, nil, "--save " + link + " is standard output"},
		{Options{PlotPath: stream.Name()}, io.Discard, stream, "--plot " + stream.Name() + " is standard error"},
		{Options{LogPath: link}, &bytes.Buffer{}, io.Discard, ""},
		{Options{LogPath: "./-"}, &bytes.Buffer{}, io.Discard, ""},
		{Options{LogPath: filepath.Join(dir, "own.csv")}, stream, stream, ""},
	} {
		got := ""
		if err := c.opts.CheckStreams(c.stdout, c.stderr); err != nil {
			got = err.Error()
		}
		if !strings.HasPrefix(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("%+v: %q, want %q", c.opts, got, c.want)
		}
	}
}

// TestResumedLogWithoutItsLastLineEnd: a log whose last line has no line
// end, the run's own whole last row missing only its "\n" (an editor's
// save, a script's) or a row cut short, which ganui cannot tell apart, is
// refused saying so and what to do, the file left as it is, where it was
// called "a history that ends in a cut row" of a row the user could see
// was whole. Its line ended, the run goes on in it.
func TestResumedLogWithoutItsLastLineEnd(t *testing.T) {
	dir := t.TempDir()
	log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	first, _ := os.ReadFile(log)
	unended := first[:len(first)-1]
	os.WriteFile(log, unended, 0o644)
	want := "--log " + log + " is a history whose last line has no line end (a row cut short, or a whole one missing only its end): end the line if the row is whole, else delete it, or give another file"
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || err.Error() != want {
		t.Fatalf("a log whose whole last row has no \"\\n\": %v\nwant %s", err, want)
	}
	if got, _ := os.ReadFile(log); !bytes.Equal(got, unended) {
		t.Fatal("the refused log was changed")
	}
	os.WriteFile(log, first, 0o644)
	runToEnd(t, Options{Resume: ckpt, Epochs: 40, LogPath: log})
	if got, _ := os.ReadFile(log); !bytes.HasPrefix(got, first) || bytes.Count(got, []byte("\n")) != 41 {
		t.Fatalf("the log, its line ended, resumed to epoch 40: %d lines", bytes.Count(got, []byte("\n")))
	}
}

// TestResumedLogEndingInALineLongerThanARow: a log whose last line is
// longer than 64 KiB (logLineMost), as no row is, rows run together
// where their line ends were lost or something else written after
// them, is refused saying so and what to do, ended or not, blank lines
// after it or not, the file left as it is, where it was called "a
// history that ends in a cut row", or one whose last line "has no line
// end (a row cut short, …)". Its rows' line ends put back, the run goes
// on in it.
func TestResumedLogEndingInALineLongerThanARow(t *testing.T) {
	dir := t.TempDir()
	log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	first, _ := os.ReadFile(log)
	rows := bytes.SplitAfter(first, []byte("\n"))[1:]
	joined := bytes.Repeat(bytes.TrimSuffix(rows[len(rows)-2], []byte("\n")), 1000) // the last row's line end lost, a thousand times
	if len(joined) <= logLineMost {
		t.Fatalf("the line run together is %d bytes, not past the %d a row can be", len(joined), logLineMost)
	}
	want := "--log " + log + " is a history whose last line is longer than 64 KiB, as no row is (rows run together, their line ends lost, or something other than rows written after them): put back the line ends if it holds rows, else delete the line, or give another file"
	for _, c := range []struct{ name, end string }{{"ended", "\n"}, {"not ended", ""}, {"then blank lines", "\n\r\n\n"}} {
		bad := append(append(slices.Clip(first), joined...), c.end...)
		os.WriteFile(log, bad, 0o644)
		if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || err.Error() != want {
			t.Fatalf("a log whose last line is %d bytes, %s: %v\nwant %s", len(joined), c.name, err, want)
		}
		if got, _ := os.ReadFile(log); !bytes.Equal(got, bad) {
			t.Fatalf("%s: the refused log was changed", c.name)
		}
	}
	os.WriteFile(log, first, 0o644)
	runToEnd(t, Options{Resume: ckpt, Epochs: 40, LogPath: log})
	if got, _ := os.ReadFile(log); !bytes.HasPrefix(got, first) || bytes.Count(got, []byte("\n")) != 41 {
		t.Fatalf("the log, its last line taken out, resumed to epoch 40: %d lines", bytes.Count(got, []byte("\n")))
	}
}

// TestResumedLogOfAHeaderWithoutItsLineEnd: a log that is its header
// alone with no line end, its "\n" missing or a lone "\r" ending it, is
// told so, where it was called "a history of this run's columns with
// more after them, eval_samples", eval_samples one of the run's own: read
// as an earlier ganui's header with a column added. At a checkpoint past
// epoch 0 it is a history with no rows, as the header with its "\n" is.
func TestResumedLogOfAHeaderWithoutItsLineEnd(t *testing.T) {
	dir := t.TempDir()
	log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	first, _ := os.ReadFile(log)
	header, _, _ := bytes.Cut(first, []byte("\n"))
	for _, end := range []string{"", "\r"} {
		os.WriteFile(log, append(slices.Clip(header), end...), 0o644)
		want := "--log " + log + " is a history with no rows, not the run's up to its checkpoint at epoch 30: give another file, or remove it"
		if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || err.Error() != want {
			t.Errorf("the header alone, ended in %q: %v\nwant %s", end, err, want)
		}
	}
	s := newIdle(t, Options{Config: blogConfig(t, 20), Seed: 1, Dir: dir})
	Save{}.apply(s)
	zero := filepath.Join(dir, "ganui-blog-original-seed1-epoch0.ckpt")
	os.WriteFile(log, header, 0o644)
	want := "--log " + log + " is a history whose header line has no line end, and no rows: end the line to go on in it, or give another file"
	if _, err := New(Options{Resume: zero, Epochs: 3, LogPath: log}); err == nil || err.Error() != want {
		t.Errorf("resumed from epoch 0, the header alone with no line end: %v\nwant %s", err, want)
	}
	if got, _ := os.ReadFile(log); !bytes.Equal(got, header) {
		t.Error("the refused log was changed")
	}
}

// TestResumedLogWithLoneCRLineEnds: a log the run wrote, its line ends
// converted to a lone "\r" (classic Mac OS's, an old spreadsheet's
// export), every one or the rows' alone, is told so and how to convert
// it, where it was called "a history of this run's columns with more
// after them, eval_samples\r1,…" or one whose "last line has no line
// end".
func TestResumedLogWithLoneCRLineEnds(t *testing.T) {
	dir := t.TempDir()
	log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	first, _ := os.ReadFile(log)
	header, rows, _ := bytes.Cut(first, []byte("\n"))
	cr := bytes.ReplaceAll(rows, []byte("\n"), []byte("\r"))
	want := "--log " + log + " is a history whose lines end in a lone carriage return (\\r, as classic Mac OS and some old spreadsheets end them), not in \\n: convert them to go on in it (tr '\\r' '\\n' < old.csv > new.csv, then --log new.csv), or give another file"
	for _, c := range []struct{ name, sep string }{{"every line", "\r"}, {"the rows", "\n"}} {
		data := slices.Concat(header, []byte(c.sep), cr)
		os.WriteFile(log, data, 0o644)
		if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || err.Error() != want {
			t.Errorf("%s ended in a lone \\r: %v\nwant %s", c.name, err, want)
		}
		if got, _ := os.ReadFile(log); !bytes.Equal(got, data) {
			t.Errorf("%s ended in a lone \\r: the refused log was changed", c.name)
		}
	}
}

// TestResumedLogEndedInBlankLines: a log the run wrote up to its checkpoint,
// ended since in blank lines (echo >> run.csv, an editor's final newline),
// however many, past the 64 KiB of its end logEnd reads too, is the run's,
// and the resumed run's rows go on right after its last row, the blank
// lines gone, not refused as one that "ends in a cut row". A row cut short
// before the blank lines is still refused, as is one cut short at the end.
func TestResumedLogEndedInBlankLines(t *testing.T) {
	dir := t.TempDir()
	log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: log, SavePath: ckpt})
	first, _ := os.ReadFile(log)
	// Blank lines past the 64 KiB logEnd reads of a log's end too.
	for _, blank := range []string{"\n", "\n\n", "\r\n", "\n\r\n\n", strings.Repeat("\n", 70_000), strings.Repeat("\r\n", 70_000)} {
		os.WriteFile(log, append(slices.Clip(first), blank...), 0o644)
		runToEnd(t, Options{Resume: ckpt, Epochs: 40, LogPath: log})
		got, _ := os.ReadFile(log)
		lines := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
		if !strings.HasPrefix(string(got), string(first)) || len(lines) != 41 || slices.Contains(lines, "") || slices.Contains(lines, "\r") {
			t.Fatalf("resumed in a log ended in %q: %d lines, want the 31 it had and 10 more, none blank:\n%s", blank[:min(len(blank), 8)], len(lines), got[len(first)-200:min(len(got), len(first)+400)])
		}
	}
	os.WriteFile(log, append(slices.Clip(first), "31,0.69\n\n"...), 0o644)
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || !strings.Contains(err.Error(), "runs past the checkpoint's epoch 30, to epoch 31: to go on in it, keep its first 31 lines") {
		t.Fatalf("a log past its checkpoint, then a blank line: %v", err)
	}
	os.WriteFile(log, append(slices.Clip(first), "\n31,0.69"...), 0o644)
	if _, err := New(Options{Resume: ckpt, Epochs: 40, LogPath: log}); err == nil || !strings.Contains(err.Error(), "last line has no line end") {
		t.Fatalf("a log cut mid-row after a blank line: %v", err)
	}
}

// TestResumedLogIsAlikeWhateverSamples: a run resumed into its log with
// another evaluation sample size (--resume run.ckpt --samples 1000) adds
// the rows it adds with its own: the log's evaluation columns are the
// checks', on CheckSize samples, not --samples', so its rows before and
// after the resume are measured alike and the change is none of the
// log's to record.
func TestResumedLogIsAlikeWhateverSamples(t *testing.T) {
	dir := t.TempDir()
	ckpt := filepath.Join(dir, "run.ckpt")
	own, other := filepath.Join(dir, "own.csv"), filepath.Join(dir, "other.csv")
	runToEnd(t, Options{Config: blogConfig(t, 30), Seed: 1, LogPath: own, SavePath: ckpt})
	first, _ := os.ReadFile(own)
	os.WriteFile(other, first, 0o644)
	runToEnd(t, Options{Resume: ckpt, Epochs: 60, LogPath: own})
	runToEnd(t, Options{Resume: ckpt, Epochs: 60, LogPath: other, Samples: 1000})
	a, _ := os.ReadFile(own)
	b, _ := os.ReadFile(other)
	if len(a) <= len(first) || !bytes.Equal(a, b) {
		t.Fatalf("resumed on the run's own sample size:\n%s\non 1,000:\n%s", a[len(first):], b[len(first):])
	}
}

// FuzzFileKinds: what a file already at an output's path is, told
// from its first bytes (outputfile.Kind) before anything replaces it or
// a --resume names it, is at most one of the kinds ganui writes and
// reads, whatever the bytes: a file taken for two would be replaced by
// an output of the other, or named as the wrong one (otherOutput). Each
// kind is told from its head alone, not from what follows the bytes it
// reads: the checkpoint's magic, the history's header line, a figure's
// first 4 KiB, a preset file's 256 KiB.
func FuzzFileKinds(f *testing.F) {
	for _, s := range []string{"", CSVHeader + "\n", CSVPlaneHeader + ",modes\r\n", pngSignature, "%PDF-1.7", "\ufeff <?xml?><svg/>", `{"base": "vanilla"}`, `{"ganui_version": "v9.9.9", "base": "ring"}`, "GANUICKP\x00\x00\x00\x07", "GANUICK", "<svg"} {
		f.Add([]byte(s))
	}
	kinds := map[string]struct {
		kind outputfile.Kind
		head int
	}{
		"checkpoint": {checkpointKind, 8},
		"history":    {historyKind, len(CSVPlaneHeader) + 1},
		"figure":     {FigureKind, 4096},
		"preset":     {presetKind, presets.MaxFileSize + 1},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var is []string
		for name, k := range kinds {
			if !k.kind.Is(bytes.NewReader(data)) {
				continue
			}
			is = append(is, name)
			if len(data) >= k.head && !k.kind.Is(io.MultiReader(bytes.NewReader(data), strings.NewReader("\x00,}<"))) {
				t.Errorf("%q is %s, but not with bytes after its first %d", data, k.kind.Name, k.head)
			}
		}
		if len(is) > 1 {
			t.Fatalf("%q is taken for %d kinds, %v", data, len(is), is)
		}
	})
}

// FuzzLogEnd: logEnd takes a file for a log of the layout's columns
// only when it begins with their header line, ended in "\n" or, as a
// Windows program saves it, "\r\n" (crlf), after a UTF-8 byte order
// mark or not (bom), as a spreadsheet saves it; and says it ends at an
// epoch only when its last line is whole and begins with that epoch as
// the log writes it (digits, no sign, no leading zero), the row read
// without its "\r", rowCRLF then, the header's crlf where it has no row; at 0 with no row when it holds the header
// alone; else −1, as a cut row, with the last line as its row when
// that is whole, unended where that line has no line end; long, with
// no row, where that line is longer than logLineMost, its line end
// counted (one where it has none), as logBadLine's reader counts it; bare
// too where the unended line is the header, the file no more than it; cr,
// at −1 with no row, where a lone "\r" ends the header with more after
// it, or one is in the last logLineMost+1 bytes of an unended last line. Blank lines (nothing but "\r" before
// their "\n") after its last line are not a line of it.
func FuzzLogEnd(f *testing.F) {
	lay := csvLayout{modes: 2}
	head := CSVColumns(lay.modes) + "\n"
	crlfHead := CSVColumns(lay.modes) + "\r\n"
	// Lines of logLineMost bytes, and one more, their "\n" counted: the
	// first row, or after one, which the part logEnd reads ends at.
	for _, n := range []int{logLineMost - 1, logLineMost} {
		line := "2," + strings.Repeat("x", n-2)
		for _, s := range []string{head + line + "\n", head + "1\n" + line + "\n", head + "1\n" + line + "\n\n", head + "1\n" + line[:n-10000] + "\n" + strings.Repeat("\r\n", 5000), head + line, head + "1\n" + line[:n-1]} {
			f.Add([]byte(s))
		}
	}
	for _, s := range []string{"", head, head + "1,0.6,0.7,0.8,4,1,,,,,,,,\n", head + "1,0.6\n2,0.5", head + "+5,1\n", head + "05,1\n",
		head + "-3,1\n", head + "7\n", head + "\r\n", head + "1,2\r\n", "\ufeff" + head + "1,2\n", "\ufeff" + crlfHead + "1,2\r\n", "\ufeff", crlfHead + "1,2\n", crlfHead,
		crlfHead + "1,2\r\n2,3\r\n", crlfHead + "1,2\r", head + "\x00\n", head + "1,2\n\n", head + "\n\n", crlfHead + "1,2\r\n\r\n", head + "1,2\n\r\r\n", head + "1,2\n\n3",
		CSVColumns(lay.modes), CSVColumns(lay.modes) + "\r", "\ufeff" + CSVColumns(lay.modes), CSVColumns(lay.modes) + "\r1,2\r",
		CSVColumns(lay.modes) + "\r1,2\r2,3", "\ufeff" + CSVColumns(lay.modes) + "\r1,2\n", head + "1,2\r2,3\r", head + "1,2\r", crlfHead + "1,2\r2,3", head + "1,2\n3,4\r\r"} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	// say quotes a file or a row, of a line of 64 KiB its ends.
	say := func(b string) string {
		if len(b) > 240 {
			return fmt.Sprintf("%q…%q (%d bytes)", b[:100], b[len(b)-100:], len(b))
		}
		return fmt.Sprintf("%q", b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "log.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		last, row, form, ok := logEnd(path, lay)
		crlf := form.crlf
		wantBOM := bytes.HasPrefix(data, []byte("\ufeff"))
		body := bytes.TrimPrefix(data, []byte("\ufeff"))
		wantCRLF := bytes.HasPrefix(body, []byte(crlfHead))
		// The header alone, no line end or a lone "\r" after it: a log
		// with no row, its last line unended (bare).
		bare := string(body) == CSVColumns(lay.modes) || string(body) == CSVColumns(lay.modes)+"\r"
		// The header ended in a lone "\r", more after it: a log whose
		// lines end so (cr).
		hdr := CSVColumns(lay.modes)
		crHead := len(body) > len(hdr)+1 && bytes.HasPrefix(body, []byte(hdr+"\r")) && body[len(hdr)+1] != '\n'
		if ok != (bytes.HasPrefix(body, []byte(head)) || wantCRLF || bare || crHead) || ok && (crlf != wantCRLF || form.bom != wantBOM) || form.bare != bare {
			t.Fatalf("%s: taken for a log: %v, its lines ending in \\r\\n: %v, a byte order mark first: %v, its header alone, unended: %v", say(string(data)), ok, crlf, form.bom, form.bare)
		}
		if !ok {
			return
		}
		if crHead {
			if last != -1 || row != "" || !form.cr || form.unended || form.long {
				t.Fatalf("%s: its header ended in a lone \\r: ends at %d with row %q, cr %v, unended %v, long %v; want -1, \"\", true, false, false", say(string(data)), last, row, form.cr, form.unended, form.long)
			}
			return
		}
		if bare {
			if last != -1 || row != "" || !form.unended || form.long {
				t.Fatalf("%s: its header alone, unended: ends at %d with row %q, unended %v, long %v; want -1, \"\", true, false", say(string(data)), last, row, form.unended, form.long)
			}
			return
		}
		h := head
		if crlf {
			h = crlfHead
		}
		want, wantRow := -1, ""
		rows := string(body[len(h):])
		for strings.HasSuffix(rows, "\n") {
			i := strings.LastIndexByte(rows[:len(rows)-1], '\n')
			if strings.Trim(rows[i+1:len(rows)-1], "\r") != "" {
				break
			}
			rows = rows[:i+1]
		}
		lastLine := rows[strings.LastIndexByte(strings.TrimSuffix(rows, "\n"), '\n')+1:]
		long := len(strings.TrimSuffix(lastLine, "\n"))+1 > logLineMost
		if form.long != long {
			t.Fatalf("%s: its last line, of %d bytes, said to be longer than a row can be: %v, want %v", say(string(data)), len(lastLine), form.long, long)
		}
		if unended := len(body) > len(h) && !bytes.HasSuffix(data, []byte("\n")) && !long; form.unended != unended {
			t.Fatalf("%s: its last line said to have no line end: %v, want %v", say(string(data)), form.unended, unended)
		}
		// A lone "\r" in the part of its unended last line read, the last
		// logLineMost+1 bytes after the header: lines ended so.
		wantCR := false
		if len(body) > len(h) && !bytes.HasSuffix(data, []byte("\n")) {
			seg := string(body[max(len(h), len(body)-(logLineMost+1)):])
			seg = seg[strings.LastIndexByte(seg, '\n')+1:]
			wantCR = strings.Contains(strings.TrimSuffix(seg, "\r"), "\r")
		}
		if form.cr != wantCR {
			t.Fatalf("%s: its lines said to end in a lone \\r: %v, want %v", say(string(data)), form.cr, wantCR)
		}
		wantRowCRLF := crlf // the header's, where no row says
		if rows == "" {
			want = 0
		} else if strings.HasSuffix(rows, "\n") && !long {
			line := rows[strings.LastIndexByte(rows[:len(rows)-1], '\n')+1 : len(rows)-1]
			line, wantRowCRLF = strings.CutSuffix(line, "\r")
			first, _, _ := strings.Cut(line, ",")
			wantRow = line
			if e, err := strconv.Atoi(first); err == nil && e >= 0 && strconv.Itoa(e) == first {
				want = e
			}
		}
		if last != want || row != wantRow {
			t.Fatalf("%s: ends at %d with row %s; want %d, %s", say(string(data)), last, say(row), want, say(wantRow))
		}
		if last >= 0 && form.rowCRLF != wantRowCRLF {
			t.Fatalf("%s: its rows said to end in \\r\\n: %v, want %v", say(string(data)), form.rowCRLF, wantRowCRLF)
		}
		lossFields(row, lay)
	})
}

// FuzzLogBadLine: logBadLine names the first line after the header
// that is not a row going forward: a line that does not begin with an
// epoch as the log writes it (digits, no sign, no leading zero) before
// its first comma, its line ending aside; an epoch no greater than the
// last row's before it; a blank line that a line not blank follows; a
// line of 64 KiB or more, its line ending aside; a line that is no
// CSV line (RFC 4180: a quote in a field not quoted whole, or a quoted
// field not ended right before a comma or the line's end); one of
// another count of fields than the header's; one with a field but the
// text columns (events, event_details) neither empty nor a number, the
// eval_samples after them too.
// Blank lines that end the file are no row and nothing wrong.
func FuzzLogBadLine(f *testing.F) {
	lay := csvLayout{modes: 2}
	head := lay.header() + "\n"
	cols := strings.Split(lay.header(), ",")
	row := func(epoch int) string {
		return strconv.Itoa(epoch) + ",0.6,0.7,0.8,NaN,+Inf,,,,,,,,-Inf,\"a, \"\"b\"\"\"\n"
	}
	for _, s := range []string{"", head, head + "1,2\n2,3\n", head + "1,2\n1,2\n", head + "2,1\n1,2", head + "1\r\nx\n0,1\n",
		head + "5,1\n05,1\n+5\n4", head + strings.Repeat("x", 70000) + "\n3,1\n3", head + "1,2\n\n\r\n", head + "1,2\n\r\n2,3\n",
		head + "0,,,\n1,2\n" + head + "2,3\n", head + "1" + strings.Repeat("\r", 70000) + "x\n", head + row(1) + row(2) + "\n",
		head + row(1) + "5\n" + row(6), head + row(1) + strings.TrimSuffix(row(2), "\n") + ",\n", head + "0" + strings.Repeat(",", 13) + "\n" + row(1),
		head + row(1) + strings.Replace(row(2), "0.7", "0,7", 1), head + strings.Replace(row(1), "0.7", "x", 1),
		head + strings.Replace(row(1), `"a`, `a"`, 1), head + strings.Replace(row(1), `"\n`, "\n", 1), head + strings.Replace(row(1), "+Inf", `"1"`, 1),
		head + "1" + strings.Repeat(",", 65600) + "\n"} {
		f.Add([]byte(s))
	}
	field := `("(?:[^"]|"")*"|[^",]*)`
	whole, fields := regexp.MustCompile(`^`+field+`(?:,`+field+`)*$`), regexp.MustCompile(`(?:^|,)`+field)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "log.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		line, why := logBadLine(path, lay)
		wantLine, wantWhy := 0, ""
		last, blank := -1, 0
		for i, l := range strings.SplitAfter(string(data), "\n")[1:] {
			body := strings.TrimRight(l[:min(len(l), 64<<10)], "\r\n")
			first, _, _ := strings.Cut(body, ",")
			e, err := strconv.Atoi(first)
			if body == "" {
				blank = cmp.Or(blank, i+2)
				continue
			}
			if blank > 0 {
				wantLine, wantWhy = blank, "a blank line between rows"
				break
			}
			wantLine = i + 2
			if err != nil || e < 0 || strconv.Itoa(e) != first {
				wantWhy = fmt.Sprintf("begins with %q, not an epoch", first)
				break
			} else if e <= last {
				wantWhy = fmt.Sprintf("epoch %s after %s;", numtext.FormatInt(e), numtext.FormatInt(last))
				break
			} else if len(strings.TrimSuffix(l, "\n")) >= 64<<10 {
				wantWhy = "is longer than 64 KiB"
				break
			} else if !whole.MatchString(body) {
				wantWhy = "its " // a field named, no CSV field
				break
			}
			got := fields.FindAllStringSubmatch(body, -1)
			if len(got) != len(cols) {
				wantWhy = fmt.Sprintf("has %s where the header has %d", numtext.Count(len(got), "field"), len(cols))
			}
			for j, g := range got[:min(len(got), len(cols))] {
				if cols[j] == "events" || cols[j] == "event_details" {
					continue // the text columns, before eval_samples
				}
				if _, err := strconv.ParseFloat(g[1], 64); g[1] != "" && errors.Is(err, strconv.ErrSyntax) {
					wantWhy = fmt.Sprintf("its %s is %q, not a number", cols[j], g[1])
					break
				}
			}
			if wantWhy != "" {
				break
			}
			last, wantLine = e, 0
		}
		if line != wantLine || !strings.HasPrefix(why, wantWhy) {
			t.Fatalf("%.200q: line %d, %.200s; want line %d, %.200s", data, line, why, wantLine, wantWhy)
		}
	})
}

// TestLogBadLineTakesEveryRowWritten: every row the program writes is a
// row logBadLine takes, in each layout it writes or goes on in: one of an
// epoch diverged (NaN, ±Inf), of an evaluation with a measure not finite
// or none, of events whose texts hold commas and quotes, and the row an
// export starts from, its losses empty.
func TestLogBadLineTakesEveryRowWritten(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, lay := range []csvLayout{{}, {modes: 3, penalty: true}, {modes: 2, kindsOnly: true}, {plane: true, modes: 8}, {plane: true, modes: 8, captured: true, kindsOnly: true}} {
		ev := evalRow{eval: true, vals: []float64{nan, inf, -inf, 0.5, 1e-300}, shares: []float64{0.25, nan, 1}, events: "diverged;finding", details: joinDetail(joinDetail("", `D's loss is "NaN", not finite`), "a, b | c")}
		data := appendCSVStart([]byte(lay.header()+"\n"), 0, &ev, lay)
		data = appendCSV(data, engine.EpochStats{Epoch: 1, DReal: nan, DFake: inf, G: -inf, Mean: 1e38, Std: 0, Penalty: nan}, nil, lay)
		data = appendCSV(data, engine.EpochStats{Epoch: 2, DReal: 0.69, DFake: 0.7, G: 0.71, Mean: 4, Std: 1.25, MeanY: -1, StdY: 2}, &ev, lay)
		path := filepath.Join(t.TempDir(), "run.csv")
		os.WriteFile(path, data, 0o644)
		if line, why := logBadLine(path, lay); line > 0 {
			t.Errorf("%+v: line %d: %s\n%s", lay, line, why, data)
		}
	}
}

// TestLogEndSeesWholeRowsOnly: a last line longer than logEnd reads of
// a file's end is not taken for a row, even where the part read begins
// like one ("5,…").
func TestLogEndSeesWholeRowsOnly(t *testing.T) {
	const most = 64 << 10 // logEnd's window
	head := CSVColumns(0) + "\n"
	data := head + strings.Repeat("x", 100) + "5," + strings.Repeat("y", most-3) + "\n"
	path := filepath.Join(t.TempDir(), "log.csv")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if last, _, _, ok := logEnd(path, csvLayout{}); !ok || last != -1 {
		t.Fatalf("a last line of %d bytes: ends at %d, %v; want a cut row", len(data)-len(head), last, ok)
	}
}

// TestKeysReplaceOnlyTheirKind: a key writes over a file it wrote before
// (outputPath) only while that file is still of its kind: one put in its
// place since — here the user's notes — is refused, the status line
// saying so, and left as it was; w, e, c and P alike.
func TestKeysReplaceOnlyTheirKind(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: blogConfig(t, 5000), Seed: 3, Samples: 1000, Dir: dir})
	s.trainEpoch()
	const notes = "my notes, not ganui's\n"
	for _, c := range []struct {
		cmd  Command
		file string
		kind string
	}{
		{Save{}, "ganui-blog-original-seed3-epoch1.ckpt", "a ganui checkpoint"},
		{Export{}, "ganui-blog-original-seed3-epoch1.csv", "a ganui history CSV"},
		{Share{}, "ganui-blog-original-seed3.json", "a preset file"},
		{Plot{Format: "png", Draw: func(w io.Writer, _ Picture) error { _, err := io.WriteString(w, pngSignature); return err }}, "ganui-blog-original-seed3-epoch1.png", "a PNG, SVG or PDF figure"},
	} {
		path := filepath.Join(dir, c.file)
		s.applyCommand(c.cmd)
		if s.failed || !strings.Contains(s.note, path) {
			t.Fatalf("%T: note %q, want %s written", c.cmd, s.note, path)
		}
		s.applyCommand(c.cmd) // its own file again: written over
		if s.failed {
			t.Fatalf("%T over its own file: %q", c.cmd, s.note)
		}
		if err := os.WriteFile(path, []byte(notes), 0o644); err != nil {
			t.Fatal(err)
		}
		s.applyCommand(c.cmd)
		if want := path + " is not " + c.kind + " (it would be replaced); give another name or remove it"; !s.failed || !strings.Contains(s.note, want) {
			t.Errorf("%T over the user's file: note %q, want %q", c.cmd, s.note, want)
		}
		if got, _ := os.ReadFile(path); string(got) != notes {
			t.Errorf("%T replaced the user's file: it holds %q", c.cmd, got)
		}
	}
}

// TestOutputsReplaceOnlyTheirKind: --save, --log and --plot over a file
// of another kind (a preset file, a typo away from run.ckpt) are refused
// before anything is trained, the file left as it was; over a file of
// their kind, or an empty one, they are not.
func TestOutputsReplaceOnlyTheirKind(t *testing.T) {
	dir := t.TempDir()
	preset := []byte(`{"base": "vanilla"}` + "\n")
	for _, c := range []struct {
		set  func(*Options, string)
		file string
		own  string // a file of its kind
		kind string
	}{
		{func(o *Options, p string) { o.SavePath = p }, "my.json", "GANUICKP", "a ganui checkpoint"},
		{func(o *Options, p string) { o.LogPath = p }, "my.csv", CSVHeader + "\n", "a ganui history CSV"},
		{func(o *Options, p string) { o.PlotPath = p }, "my.png", pngSignature, "a PNG, SVG or PDF figure"},
		{func(o *Options, p string) { o.PlotPath = p }, "my.svg", `<?xml version="1.0"?>` + "\n<svg>", "a PNG, SVG or PDF figure"},
	} {
		path := filepath.Join(dir, c.file)
		for _, content := range []string{string(preset), c.own, ""} {
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			opts := Options{Config: blogConfig(t, 5), Seed: 1}
			c.set(&opts, path)
			s, err := New(opts)
			if s != nil {
				s.Stop() // its outputs given back (a --log's claim) for the next
			}
			if content == string(preset) {
				if want := path + " is not " + c.kind + " (it would be replaced); give another name or remove it"; err == nil || !strings.HasSuffix(err.Error(), want) {
					t.Errorf("%s over a preset file: %v, want %q", c.file, err, want)
				}
			} else if err != nil {
				t.Errorf("%s over %q: %v", c.file, content, err)
			}
			if got, _ := os.ReadFile(path); string(got) != content {
				t.Errorf("%s: the file now holds %q", c.file, got)
			}
		}
	}
}

// TestSaveReservesItsRoom: w makes room for its checkpoint first, its exact
// size (outputfile.WritePlaced), as --save does before training: a disk without
// it refuses at once, nothing written, and the status line says so with what to
// do, the run still there to save, not found full partway through the write
// with only "no space left on device" said. A trainer quit then says the
// checkpoint was not saved, without the w again that no longer acts, until a
// later w writes one: the screen that said it went with the quit.
func TestSaveReservesItsRoom(t *testing.T) {
	write := writeOutput
	t.Cleanup(func() { writeOutput = write })
	var reserved int64
	full := false
	disk := func(path string, perm fs.FileMode, kind outputfile.Kind, size int64, fill func(io.Writer) error, placed func()) error {
		reserved = size
		if full {
			return fmt.Errorf("cannot reserve %d bytes for %s: %w", size, path, syscall.ENOSPC)
		}
		return write(path, perm, kind, size, fill, placed)
	}
	writeOutput = disk
	s := newIdleBlog(t)
	s.trainEpoch()
	s.Send(Save{})
	s.applyQueued()
	ckpt := filepath.Join(s.opts.Dir, "ganui-blog-original-seed3-epoch1.ckpt")
	if fi, err := os.Stat(ckpt); s.failed || err != nil || fi.Size() != reserved {
		t.Fatalf("w: %q, %v; want the checkpoint written into the %d bytes reserved", s.note, fi, reserved)
	}

	full = true
	s.trainEpoch()
	s.Send(Save{})
	s.applyQueued()
	want := fmt.Sprintf("checkpoint not saved: cannot reserve %d bytes for %s: %v", reserved, filepath.Join(s.opts.Dir, "ganui-blog-original-seed3-epoch2.ckpt"), syscall.ENOSPC)
	if screen := strings.NewReplacer(GivesWay, "", LiveOnly, "").Replace(s.note); !s.failed || screen != want+"; the run goes on unsaved: free that room and w again" {
		t.Fatalf("w on a full disk: failed %v, %q", s.failed, s.note)
	}
	if got := PlainNote(s.note); got != want { // w again is the screen's alone
		t.Errorf("the note once the trainer has quit: %q, want %q", got, want)
	}
	s.trainEpoch()
	s.Send(Save{}) // and again, failing again: said once
	s.applyQueued()
	want = fmt.Sprintf("checkpoint not saved: cannot reserve %d bytes for %s: %v", reserved, filepath.Join(s.opts.Dir, "ganui-blog-original-seed3-epoch3.ckpt"), syscall.ENOSPC)
	if got := s.Unsaved(); got != want {
		t.Errorf("Unsaved, for a trainer quit at once: %q, want %q", got, want)
	}
	// A w that a trainer quit at once refused is Unwritten's to name.
	writeOutput = func(string, fs.FileMode, outputfile.Kind, int64, func(io.Writer) error, func()) error {
		return outputfile.ErrAbandoned
	}
	s.trainEpoch()
	s.Send(Save{})
	s.applyQueued()
	if got := s.Unsaved(); got != want {
		t.Errorf("Unsaved after a w refused at the quit: %q, want %q", got, want)
	}
	s.Stop()
	written, err := s.Parting("")
	if len(written) != 1 || !strings.Contains(written[0], "epoch 1") || err == nil || err.Error() != want {
		t.Fatalf("quit after w failed: %q, %v; want the earlier checkpoint and the error %q", written, err, want)
	}

	// A w that writes one after a w that failed saves the run.
	writeOutput = disk
	r := newIdleBlog(t)
	r.trainEpoch()
	r.Send(Save{})
	r.applyQueued()
	full = false
	r.Send(Save{})
	r.applyQueued()
	if got := r.Unsaved(); got != "" {
		t.Errorf("Unsaved once a w wrote its checkpoint: %q", got)
	}
	r.Stop()
	if written, err := r.Parting(""); len(written) != 1 || err != nil {
		t.Fatalf("quit after w failed and w saved: %q, %v; want the checkpoint alone", written, err)
	}
}

// TestKeysSayWhereToWriteInstead: w, e, c and P in a directory that takes no
// new files (as the trainer's keys write, where ganui was started: here
// /proc's, where the system answers "no such file or directory") say it is this
// directory, its path giving way on a narrow screen, what is wrong with it, the file,
// and, while the trainer runs, the way out, which no key or flag gives: another
// directory, not "cannot write ganui-vanilla-seed1-epoch1.ckpt: the directory .
// takes no new files (creating one there: …)", "." named and no way out said.
// Once the trainer has quit, the checkpoint not saved is said without the way
// out.
func TestKeysSayWhereToWriteInstead(t *testing.T) {
	if st, err := os.Stat("/proc/self"); err != nil || !st.IsDir() {
		t.Skip("no /proc/self here")
	}
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 1)
	t.Chdir("/proc/self")
	abs, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	why := "the current directory" + GivesWay + " " + abs + GivesWay + " takes no new files" + GivesWay + " (creating one there: no such file or directory)" + GivesWay
	keysSayNotWritten(t, s, why)
	if got, want := s.Unsaved(), "checkpoint not saved: the current directory "+abs+" takes no new files (creating one there: no such file or directory), so ganui-vanilla-seed1-epoch1.ckpt is not written"; got != want {
		t.Errorf("unsaved once quit: %q, want %q", got, want)
	}
}

// keysSayNotWritten checks that w, e, c and P on s say their file was
// not written, why, and the way out while the trainer runs.
func keysSayNotWritten(t *testing.T, s *Session, why string) {
	t.Helper()
	out := LiveOnly + "; quit and start ganui where you can write" + LiveOnly
	draw := func(w io.Writer, p Picture) error { _, err := io.WriteString(w, "figure"); return err }
	for _, k := range []struct {
		c          Command
		what, file string
	}{
		{Save{}, "checkpoint not saved", "ganui-vanilla-seed1-epoch1.ckpt"},
		{Export{}, "history not exported", "ganui-vanilla-seed1-epoch1.csv"},
		{Share{}, "design not written", "ganui-vanilla-seed1.json"},
		{Plot{Format: "png", Draw: draw}, "figure not written", "ganui-vanilla-seed1-epoch1.png"},
	} {
		c, what := k.c, k.what
		s.applyOne(c)
		want := what + ": " + why + GivesWay + ", so " + k.file + " is not written" + GivesWay + out
		want = strings.ReplaceAll(want, GivesWay+GivesWay, "") // brackets side by side give way as one
		if s.note != want {
			t.Errorf("%T: %q, want %q", c, s.note, want)
		}
	}
}

// TestKeysSayAFileNotWrittenAsARunsEndDoes (chmod 555 of the directory the
// trainer's keys write in): w refused by its directory's permissions says it
// as a headless run's end says --save refused so (OutputsError, in the same
// words: notWrittenThere), the directory "the current directory /x" as
// there, the file named, a temporary file left there named too, and what writes
// it fitted to the trainer: w again once the directory is writable, not "quit
// and start ganui where you can write", which loses the run w was to save.
// Once the trainer has quit, the way out goes. The refusal is given here as
// root is refused nothing.
func TestKeysSayAFileNotWrittenAsARunsEndDoes(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 1)
	write := writeOutput
	t.Cleanup(func() { writeOutput = write })
	refused := func(path string) error {
		dir := filepath.Dir(path)
		return &outputfile.LeftError{
			Temp: filepath.Join(dir, "."+filepath.Base(path)+".tmp-0123abcd"),
			Why:  syscall.EACCES,
			Err:  &outputfile.DirError{Path: path, Target: path, Dir: dir, Why: "takes no new files (renaming one into place there: permission denied)", Err: syscall.EACCES},
		}
	}
	var path string
	writeOutput = func(p string, _ fs.FileMode, _ outputfile.Kind, _ int64, _ func(io.Writer) error, _ func()) error {
		path = p
		return refused(p)
	}
	s.applyOne(Save{})
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	headless := WithOutput(nil, "--save", refused(path)).Error()
	said, _, _ := strings.Cut(strings.TrimPrefix(headless, "--save: the current directory "+dir), "; to write it, ")
	want := "checkpoint not saved: the current directory " + dir + said
	if path == "" || PlainNote(s.note) != want || !strings.HasSuffix(s.note, LiveOnly+"; make the directory writable and w again"+LiveOnly) {
		t.Errorf("the note:\n%q\nwant\n%q and the way out", s.note, want)
	}
	if got := s.Unsaved(); got != want {
		t.Errorf("unsaved once quit: %q, want %q", got, want)
	}
	if !strings.HasPrefix(said, " takes no new files (renaming one into place there: permission denied), so "+filepath.Base(path)+" is not written, and its hidden temporary file ") {
		t.Errorf("said %q: want the directory, the file and the file left", said)
	}

	// Its rename alone refused, the checkpoint left whole in that file
	// (outputfile.UnplacedError), w names it and what puts it in place,
	// as a run's end does.
	whole := func(path string) error {
		le := refused(path).(*outputfile.LeftError)
		return &outputfile.UnplacedError{Path: path, Temp: le.Temp, Mode: 0o600, Err: le.Err}
	}
	writeOutput = func(p string, _ fs.FileMode, _ outputfile.Kind, _ int64, _ func(io.Writer) error, _ func()) error {
		path = p
		return whole(p)
	}
	s.applyOne(Save{})
	headless = WithOutput(nil, "--save", whole(path)).Error()
	want = "checkpoint not saved: the current directory " + dir + strings.TrimPrefix(headless, "--save: the current directory "+dir)
	if PlainNote(s.note) != want || !strings.Contains(want, " is not written there but left whole in its hidden temporary file ") {
		t.Errorf("the note of a checkpoint left whole:\n%q\nwant\n%q", PlainNote(s.note), want)
	}
}

// TestKeysSayTheirDirectoryWasRemoved: w, e, c and P in the current directory
// removed while the trainer runs (rm -rf from another shell) say so, and the
// way out: "history not exported: the current directory /tmp/x was removed
// while ganui ran, so ganui-vanilla-seed1-epoch1.csv is not written; quit and
// start ganui where you can write", here without its path,
// the test having started elsewhere (outputfile's tests hold the path), not
// that it "takes no new files (creating one there: no such file or directory)",
// true but leaving the user to guess that the directory is gone.
func TestKeysSayTheirDirectoryWasRemoved(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 1)
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Getwd(); err == nil {
		t.Skip("this system still names a removed current directory")
	}
	const why = "the current directory was removed while ganui ran"
	keysSayNotWritten(t, s, why)
	if got, want := s.Unsaved(), "checkpoint not saved: "+why+", so ganui-vanilla-seed1-epoch1.ckpt is not written"; got != want {
		t.Errorf("unsaved once quit: %q, want %q", got, want)
	}
}

// TestExportsAreNamedByEpoch: e names its file by the run's epoch, as w and
// P name theirs (ganui-<preset>-seed<S>-epoch<E>.csv), so that an export at a
// later epoch, or after a roll-back to an earlier one, is a file beside the
// earlier export, which stays as written.
func TestExportsAreNamedByEpoch(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: dir})
	poison(t, s)
	exported := func() (string, []byte) {
		t.Helper()
		Export{}.apply(s)
		path := filepath.Join(dir, fmt.Sprintf("ganui-ls-sgd-seed1-epoch%d.csv", s.gan.Epoch()))
		data, err := os.ReadFile(path)
		if s.failed || !strings.HasSuffix(s.note, " to "+path) || err != nil {
			t.Fatalf("e at epoch %d: %q, %v; want it written to %s", s.gan.Epoch(), s.note, err, path)
		}
		return path, data
	}
	diverged, before := exported()
	Rollback{}.apply(s)
	if s.failed {
		t.Fatal(s.note)
	}
	if rolled, _ := exported(); rolled == diverged {
		t.Fatalf("the export after the roll-back is %s, the diverged run's", rolled)
	}
	s.trainEpoch()
	exported()
	if after, err := os.ReadFile(diverged); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the diverged run's export after two later ones: %v, changed %v; want it as written", err, !bytes.Equal(after, before))
	}
}

// TestLongPresetNameStillNamesAFile: a design's name may be 1,000 bytes
// long (a preset file's), but a file's name no more than the 255 bytes a
// file system takes: w, e and c cut the name in ganui-<preset>-… to fit,
// at the longest seed and with the -2 of a name taken, rather than fail
// every one "file name too long", leaving the trainer no way to save
// its run.
func TestLongPresetNameStillNamesAFile(t *testing.T) {
	dir := t.TempDir()
	cfg := testdesigns.LeastSquaresSGD()
	cfg.Name = strings.Repeat("n", 1000)
	s := newIdle(t, Options{Config: cfg, Seed: math.MaxUint64, Dir: dir})
	s.trainEpoch()
	Save{}.apply(s)
	if s.failed {
		t.Fatalf("w: %s", s.note)
	}
	csv := s.path(fmt.Sprintf("seed%d-epoch1.csv", uint64(math.MaxUint64)))
	if err := os.WriteFile(csv, nil, 0o644); err != nil { // an earlier session's: e takes -2
		t.Fatal(err)
	}
	Export{}.apply(s)
	if s.failed {
		t.Fatalf("e: %s", s.note)
	}
	if _, err := s.WriteDesign(); err != nil {
		t.Fatalf("c: %v", err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		if n := f.Name(); n != filepath.Base(csv) {
			names = append(names, n)
			if len(n) > 255 || !strings.HasPrefix(n, "ganui-nnnnnnnn") {
				t.Errorf("%s: %d bytes; want ganui-nnn… within 255", n, len(n))
			}
		}
	}
	if len(names) != 3 {
		t.Errorf("files written %q; want the checkpoint, the CSV and the design", names)
	}
}

// TestKeysQuoteASpacedCurrentDirectory: a key's file not written in a
// current directory whose path a shell would not read as one word names
// it quoted, as a run's end does (DirError.Cause): "the current directory
// '/tmp/x/my runs' takes no new files", where its path stood bare, the
// words after it read as the name's.
func TestKeysQuoteASpacedCurrentDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	abs, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	de := &outputfile.DirError{Path: "run.ckpt", Target: "run.ckpt", Dir: ".", Why: "takes no new files (creating one there: permission denied)", Err: fs.ErrPermission}
	got := notWritten("checkpoint not saved", "w", de)
	if want := "the current directory" + GivesWay + " '" + abs + "'" + GivesWay + " takes no new files"; !strings.Contains(got, want) {
		t.Errorf("notWritten in %q = %q, want it to hold %q", abs, got, want)
	}
}

// TestNotWrittenThereQuotesItsNames: the files a directory made read-only
// left unwritten are named quoted where a shell would not read a name as
// one word, the file and the hidden temporary file that holds it,
// "so 'my run.ckpt' is not written there but left whole in its hidden
// temporary file '/srv/my out/.my run.ckpt.tmp-0123abcd'", as the command
// after them quotes them, where they stood bare; and a temporary file left
// emptied alike.
func TestNotWrittenThereQuotesItsNames(t *testing.T) {
	ue := &outputfile.UnplacedError{Path: "/srv/my out/my run.ckpt", Temp: "/srv/my out/.my run.ckpt.tmp-0123abcd", Mode: 0o600}
	got := notWrittenThere("the directory '/srv/my out' takes no new files", nil, nil, "", nil, nil, []*outputfile.UnplacedError{ue})
	if want := ", so 'my run.ckpt' is not written there but left whole in its hidden temporary file '/srv/my out/.my run.ckpt.tmp-0123abcd', read-only"; !strings.Contains(got, want) {
		t.Errorf("notWrittenThere = %q, want it to hold %q", got, want)
	}
	got = notWrittenThere("the directory '/srv/my out' takes no new files", nil, []string{"'my run.ckpt'"}, "", []string{"/srv/my out/.my run.ckpt.tmp-0123abcd"}, fs.ErrPermission, nil)
	if want := ", and its hidden temporary file '/srv/my out/.my run.ckpt.tmp-0123abcd' is left there"; !strings.Contains(got, want) {
		t.Errorf("notWrittenThere = %q, want it to hold %q", got, want)
	}
}
