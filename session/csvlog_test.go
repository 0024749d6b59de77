package session

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// gpConfig is wgan-gp, a design with a gradient penalty, planned for
// epochs.
func gpConfig(t *testing.T, epochs int) engine.Config {
	t.Helper()
	cfg, err := presets.Get("wgan-gp")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = epochs
	return cfg
}

// TestLogCarriesPenalty: the history of a design with a gradient penalty has a
// penalty column after the per-epoch six, every row filled with the epoch's
// penalty, which the progress lines give to four decimals; a design without one
// has no such column. The penalty is in the log, not in the progress lines
// alone.
func TestLogCarriesPenalty(t *testing.T) {
	opts := Options{Config: gpConfig(t, 20), Seed: 1, Samples: 500, Every: 5, LogPath: filepath.Join(t.TempDir(), "run.csv")}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]string{}
	if _, err := s.Run(context.Background(), func(p Progress) {
		lines[strconv.Itoa(p.Stats.Epoch)] = p.Line()
	}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(opts.LogPath)
	header, rows := csvRows(t, string(data))
	if got, want := strings.Join(header, ","), CSVHeader+",penalty,"+CSVEvalHeader+",events,event_details,eval_samples"; got != want {
		t.Fatalf("header %q, want %q", got, want)
	}
	if len(rows) != 20 {
		t.Fatalf("%d rows, want 20", len(rows))
	}
	for _, r := range rows {
		p, err := strconv.ParseFloat(r[6], 64)
		if err != nil || p <= 0 || math.IsInf(p, 0) {
			t.Fatalf("epoch %s: penalty %q", r[0], r[6])
		}
		if line, ok := lines[r[0]]; ok && !strings.Contains(line, " penalty="+numtext.Measure(p)+" ") {
			t.Errorf("epoch %s: the log's penalty %s, the line %q", r[0], r[6], line)
		}
	}
	log, _ := loggedRun(t, Options{Config: blogConfig(t, 5), Seed: 1, Samples: 500})
	if header, _ := csvRows(t, log); strings.Contains(strings.Join(header, ","), "penalty") {
		t.Errorf("a design without a penalty: header %q", header)
	}
}

// TestExportCarriesPenalty: the trainer's export writes the penalty
// column as --log does, from the epochs its history file keeps.
func TestExportCarriesPenalty(t *testing.T) {
	l := newEpochLog(0)
	defer l.close()
	for e := 1; e <= 3; e++ {
		l.add(engine.EpochStats{Epoch: e, DReal: 0.5, DFake: 0.25, G: 1, Mean: 4, Std: 1, Penalty: 0.125 * float64(e)})
	}
	var b strings.Builder
	if err := l.writeCSV(&b, nil, csvLayout{penalty: true}); err != nil {
		t.Fatal(err)
	}
	_, rows := csvRows(t, b.String())
	for i, r := range rows {
		if want := strconv.FormatFloat(0.125*float64(i+1), 'g', -1, 64); r[6] != want {
			t.Errorf("epoch %s: penalty %q, want %s", r[0], r[6], want)
		}
	}
}

// TestResumeOntoAnEarlierLog: a run resumed onto the log an earlier ganui wrote
// for it up to its checkpoint, without the columns this one adds (penalty,
// event_details; eval_samples), goes on in that file in its columns: the file
// keeps every epoch and one set of columns. It is not taken for another file and
// emptied, which would lose the epochs before the checkpoint.
func TestResumeOntoAnEarlierLog(t *testing.T) {
	for _, earlierHeader := range []string{
		CSVHeader + "," + CSVEvalHeader + ",events",
		CSVHeader + ",penalty," + CSVEvalHeader + ",events,event_details", // before eval_samples
	} {
		dir := t.TempDir()
		log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
		runToEnd(t, Options{Config: gpConfig(t, 20), Seed: 1, Samples: 500, LogPath: log, SavePath: ckpt})
		data, _ := os.ReadFile(log)
		// The log as an earlier ganui wrote it.
		header, rows := csvRows(t, string(data))
		earlier := earlierHeader + "\n"
		for _, r := range rows {
			var kept []string
			for _, name := range strings.Split(earlierHeader, ",") {
				kept = append(kept, r[slices.Index(header, name)])
			}
			earlier += strings.Join(kept, ",") + "\n"
		}
		os.WriteFile(log, []byte(earlier), 0o644)
		runToEnd(t, Options{Resume: ckpt, Epochs: 30, Samples: 500, LogPath: log})
		got, _ := os.ReadFile(log)
		if !strings.HasPrefix(string(got), earlier) {
			t.Fatalf("the earlier log was not kept:\n%s", got)
		}
		readInPython(t, log)
		header, rows = csvRows(t, string(got)) // one field count a row
		if strings.Join(header, ",") != earlierHeader || len(rows) != 30 {
			t.Fatalf("header %q and %d rows, want the earlier columns and 30 epochs", header, len(rows))
		}
		for i, r := range rows {
			if r[0] != strconv.Itoa(i+1) {
				t.Fatalf("row %d is epoch %s", i+1, r[0])
			}
		}
	}
}

// TestPlaneLogNamesModes: a 2-D run's log names its count of the modes captured
// modes, as the progress and final lines (modes=5/8) and the screen (modes 5/8
// captured) do, and it holds that count: at each check the number of the
// mode-share columns, all of them, whose share is at least
// engine.CapturedShare. The column is not named captured, a word the lines
// never use for it.
func TestPlaneLogNamesModes(t *testing.T) {
	cfg := smallRing(t)
	cfg.Epochs = 20
	log, _ := loggedRun(t, Options{Config: cfg, Seed: 1, Samples: 500})
	header, rows := csvRows(t, log)
	col := slices.Index(header, "modes")
	if col != slices.Index(header, "hq")+1 || slices.Contains(header, "captured") {
		t.Fatalf("header %q: want modes after hq, and no captured", header)
	}
	first := slices.Index(header, "mode1_share")
	checked := 0
	for _, r := range rows {
		if r[col] == "" {
			continue
		}
		checked++
		n := 0
		for _, share := range r[first : first+8] {
			if v, _ := strconv.ParseFloat(share, 64); v >= engine.CapturedShare {
				n++
			}
		}
		if r[col] != strconv.Itoa(n) {
			t.Errorf("epoch %s: modes %q, want the %d of 8 modes captured", r[0], r[col], n)
		}
	}
	if checked == 0 {
		t.Fatalf("no checked row in\n%s", log)
	}
}

// TestResumeOntoACapturedLog: a 2-D run resumed onto the log an earlier ganui
// wrote for it, its count of modes named captured (with the events' texts, and
// before them without), goes on in that file under that name, the count in the
// same column: the file keeps one header, every epoch, and is read by a CSV
// reader with one field count a row. It is not taken for another file and
// emptied, which would lose the epochs before the checkpoint.
func TestResumeOntoACapturedLog(t *testing.T) {
	cfg := smallRing(t)
	cfg.Epochs = 20
	for _, kindsOnly := range []bool{false, true} {
		dir := t.TempDir()
		log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
		runToEnd(t, Options{Config: cfg, Seed: 1, Samples: 500, LogPath: log, SavePath: ckpt})
		data, _ := os.ReadFile(log)
		header, rows := csvRows(t, string(data))
		earlierHeader := CSVPlaneHeader + ",sw1,sw1_floor,hq,captured" + shareColumns(8) + ",events"
		if !kindsOnly {
			earlierHeader += ",event_details"
		}
		earlier := earlierHeader + "\n"
		for _, r := range rows {
			var kept []string
			for _, name := range strings.Split(earlierHeader, ",") {
				if name == "captured" {
					name = "modes"
				}
				i := slices.Index(header, name)
				if i < 0 {
					t.Fatalf("the log this ganui wrote has no column %s: %q", name, header)
				}
				kept = append(kept, string(appendCSVField(nil, r[i])))
			}
			earlier += strings.Join(kept, ",") + "\n"
		}
		os.WriteFile(log, []byte(earlier), 0o644)
		runToEnd(t, Options{Resume: ckpt, Epochs: 40, Samples: 500, LogPath: log})
		got, _ := os.ReadFile(log)
		if !strings.HasPrefix(string(got), earlier) {
			t.Fatalf("kinds only %v: the earlier log was not kept:\n%s", kindsOnly, got)
		}
		readInPython(t, log)
		header, rows = csvRows(t, string(got)) // one field count a row
		if strings.Join(header, ",") != earlierHeader || len(rows) != 40 {
			t.Fatalf("kinds only %v: header %q and %d rows, want the earlier columns and 40 epochs", kindsOnly, header, len(rows))
		}
		col, checked := slices.Index(header, "captured"), 0
		for i, r := range rows {
			if r[0] != strconv.Itoa(i+1) {
				t.Fatalf("kinds only %v: row %d is epoch %s", kindsOnly, i+1, r[0])
			}
			if i >= 20 && r[col] != "" {
				if n, err := strconv.Atoi(r[col]); err != nil || n < 0 || n > 8 {
					t.Errorf("kinds only %v: epoch %s: captured %q, not a count of the 8 modes", kindsOnly, r[0], r[col])
				}
				checked++
			}
		}
		if checked == 0 {
			t.Errorf("kinds only %v: no check after the resume in\n%s", kindsOnly, got)
		}
	}
}

// TestEventTextIsOneCSVField: an event's text, commas, quotes, arrows and
// the screen's non-breaking spaces in it, is one field of the row, read
// back by a CSV reader as the event line gives it, in plain spaces; the
// texts of an epoch's events are separated by " | ", their kinds by ";".
func TestEventTextIsOneCSVField(t *testing.T) {
	ev := evalRow{epoch: 7}
	ev.addEvent(Event{Epoch: 7, Kind: EventSetting, Detail: "D\u00a0lr 5e-4 → 5e-3"})
	ev.addEvent(Event{Epoch: 7, Kind: EventNoiseUsed, Detail: `noise use 0.200, over 0.05; "quoted"`})
	for _, lay := range []csvLayout{{}, {penalty: true, modes: 2}, {plane: true, modes: 8}} {
		data := lay.header() + "\n" + string(appendCSV(nil, engine.EpochStats{Epoch: 7}, &ev, lay))
		header, rows := csvRows(t, data)
		r := rows[0]
		if len(r) != len(header) || r[len(r)-3] != "setting;noise-used" ||
			r[len(r)-2] != `D lr 5e-4 → 5e-3 | noise use 0.200, over 0.05; "quoted"` || r[len(r)-1] != "" {
			t.Errorf("%+v: row %q", lay, r)
		}
	}
}

// TestMergedSettingTextInTheExport: presses of one key between two
// epochs make one change, and the export's text of it is the whole
// change, first value to last, as the timeline's, not the first press's.
func TestMergedSettingTextInTheExport(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: dir})
	s.trainEpoch()
	for range 3 {
		Adjust{DLR, +1}.apply(s)
	}
	s.trainEpoch()
	Export{}.apply(s)
	if s.failed {
		t.Fatal(s.note)
	}
	data, err := os.ReadFile(filepath.Join(dir, "ganui-ls-sgd-seed1-epoch2.csv"))
	if err != nil {
		t.Fatal(err)
	}
	_, rows := csvRows(t, string(data))
	want := numtext.Plain(s.tl.events[len(s.tl.events)-1].Detail)
	if got := rows[0][len(rows[0])-2]; got != want || !strings.Contains(got, " → ") {
		t.Errorf("the export's text of the change %q, want %q", got, want)
	}
}

// TestExportKeepsEpochZero: what the user did before the first epoch — a
// setting changed, D updated by hand — is in the export, in a row of epoch 0
// before epoch 1's, its per-epoch and evaluation fields empty (nothing had
// trained), as the timeline has it at epoch 0. The export does not begin at
// epoch 1, which would leave those events in no row.
func TestExportKeepsEpochZero(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: dir})
	Adjust{DLR, +1}.apply(s)
	Step{Kind: StepD}.apply(s)
	s.trainEpoch()
	s.trainEpoch()
	Export{}.apply(s)
	if s.failed {
		t.Fatal(s.note)
	}
	path := filepath.Join(dir, "ganui-ls-sgd-seed1-epoch2.csv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readInPython(t, path)
	header, rows := csvRows(t, string(data))
	if len(rows) != 3 || rows[0][0] != "0" || rows[1][0] != "1" || rows[2][0] != "2" {
		t.Fatalf("rows %q, want epochs 0, 1 and 2", rows)
	}
	var want []string
	for _, e := range s.tl.events {
		if e.Epoch == 0 {
			want = append(want, numtext.Plain(e.Detail))
		}
	}
	r := rows[0]
	if got := r[len(r)-3]; got != "setting;hand-update" {
		t.Errorf("epoch 0's events %q, want setting;hand-update", got)
	}
	if got := r[len(r)-2]; got != strings.Join(want, " | ") {
		t.Errorf("epoch 0's texts %q, want %q", got, strings.Join(want, " | "))
	}
	for i, f := range append(r[1:len(r)-3:len(r)-3], r[len(r)-1]) { // eval_samples empty too
		if f != "" {
			t.Errorf("epoch 0's %s is %q, want it empty: no epoch had trained", header[i+1], f)
		}
	}
	if rows[1][1] == "" || rows[1][len(r)-3] != "" {
		t.Errorf("epoch 1's row %q: its losses, and none of epoch 0's events", rows[1])
	}

	// A resumed run's export begins so with the checkpoint's epoch.
	ckpt := filepath.Join(dir, "run.ckpt")
	if err := SaveCheckpoint(s.gan, ckpt); err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	s = newIdle(t, Options{Resume: ckpt, Dir: dir})
	Step{Kind: StepG}.apply(s)
	s.trainEpoch()
	Export{}.apply(s)
	if s.failed {
		t.Fatal(s.note)
	}
	data, err = os.ReadFile(filepath.Join(dir, "ganui-ls-sgd-seed1-epoch3.csv"))
	if err != nil {
		t.Fatal(err)
	}
	_, rows = csvRows(t, string(data))
	if len(rows) != 2 || rows[0][0] != "2" || rows[0][1] != "" || rows[0][len(r)-3] != "hand-update" || rows[1][0] != "3" {
		t.Errorf("resumed at epoch 2: rows %q, want epoch 2's hand update, then epoch 3", rows)
	}
}

// TestExportOfEpochZeroAlone: a run rolled back to epoch 0 exports the header
// and epoch 0's row, its events there, and says so, not "nothing to export yet:
// no epoch trained" while the events are there to export; once epochs are
// trained the note names epoch 0's row beside them, not "exported epochs 1–2",
// and one epoch as "epoch 1", not "epochs 1–1".
func TestExportOfEpochZeroAlone(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: dir})
	poison(t, s)
	Rollback{}.apply(s)
	if s.gan.Epoch() != 0 || s.failed {
		t.Fatalf("rolled back to epoch %d: %q", s.gan.Epoch(), s.note)
	}
	path := func(epoch int) string {
		return filepath.Join(dir, fmt.Sprintf("ganui-ls-sgd-seed1-epoch%d.csv", epoch))
	}
	Export{}.apply(s)
	if want := "exported epoch 0's events to " + path(0); s.failed || s.note != want {
		t.Fatalf("e after a roll-back to epoch 0: %q, want %q", s.note, want)
	}
	data, err := os.ReadFile(path(0))
	if err != nil {
		t.Fatal(err)
	}
	header, rows := csvRows(t, string(data))
	if len(rows) != 1 || rows[0][0] != "0" || !strings.Contains(rows[0][len(header)-3], "rollback") {
		t.Fatalf("rows %q, want epoch 0's alone, its roll-back among its events", rows)
	}

	// One epoch is "epoch 1", not a range "epochs 1–1".
	s.trainEpoch()
	Export{}.apply(s)
	if want := "exported epoch 0's events and epoch 1 to " + path(1); s.failed || s.note != want {
		t.Errorf("e at epoch 1: %q, want %q", s.note, want)
	}
	s.trainEpoch()
	Export{}.apply(s)
	if want := "exported epoch 0's events and epochs 1–2 to " + path(2); s.failed || s.note != want {
		t.Errorf("e at epoch 2: %q, want %q", s.note, want)
	}

	// A history file that failed, its memory holding epoch 3 alone after
	// epoch 1 on disk: the warning names epoch 0's row too.
	s.trainEpoch()
	s.log.flush()
	s.log.err = syscall.ENOSPC
	s.log.n, s.log.mem = 1, []engine.EpochStats{{Epoch: 3}}
	Export{}.apply(s)
	if want := "exported epoch 0's events and 2 of epochs 1–3 to " + path(3) + ": the history file failed, the rest is lost"; !s.failed || s.note != want {
		t.Errorf("e with epoch 2 lost: %q, want %q", s.note, want)
	}
}

// TestStartRowHasTheHeadersFields: the row of the epoch a history starts
// from has a field for each of the header's columns in every layout, its
// own events in the two before eval_samples (the last two of an earlier
// ganui's layout, which has none), which is empty.
func TestStartRowHasTheHeadersFields(t *testing.T) {
	ev := evalRow{epoch: 0}
	ev.addEvent(Event{Kind: EventSetting, Detail: "D lr 1e-3 → 2e-3"})
	for _, lay := range []csvLayout{{}, {penalty: true, modes: 2}, {plane: true, modes: 8}, {plane: true, penalty: true}, {noSamples: true}, {kindsOnly: true, noSamples: true}, {plane: true, modes: 8, captured: true, kindsOnly: true, noSamples: true}} {
		header, rows := csvRows(t, lay.header()+"\n"+string(appendCSVStart(nil, 0, &ev, lay)))
		r := rows[0]
		if len(r) != len(header) {
			t.Errorf("%+v: %d fields, the header %d", lay, len(r), len(header))
			continue
		}
		end := len(r) // after the events' columns
		if !lay.noSamples {
			end--
		}
		events := end - 2
		if lay.kindsOnly {
			events = end - 1
		}
		if r[0] != "0" || r[events] != "setting" || strings.Join(r[1:events], "") != "" || strings.Join(r[end:], "") != "" {
			t.Errorf("%+v: row %q", lay, r)
		}
	}
}

// TestLogsReadBackInPython: every kind of history CSV — of a mixture
// with its events' texts, a design with a penalty, a plane — is read by
// Python's csv module with one field count a row, the header's
// (TestResumeOntoAnEarlierLog reads an earlier ganui's log resumed onto).
func TestLogsReadBackInPython(t *testing.T) {
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	ring.Epochs = 30
	dir := t.TempDir()
	var paths []string
	for i, opts := range []Options{
		{Config: bimodalConfig(40), Seed: 2, Samples: 500},
		{Config: gpConfig(t, 20), Seed: 1, Samples: 500},
		{Config: ring, Seed: 1, Samples: 500},
	} {
		opts.LogPath = filepath.Join(dir, strconv.Itoa(i)+".csv")
		runToEnd(t, opts)
		paths = append(paths, opts.LogPath)
	}
	// The mixture's log has events, whose texts hold commas.
	if texts := readInPython(t, paths...); texts[0] == 0 {
		t.Fatal("no events' texts in the mixture's log")
	}
}

// readInPython reads each history CSV at paths with Python's csv module,
// failing the test unless every row of a file has as many fields as its
// header, and no text a non-breaking space; it returns how many rows of
// each have an event's text. Without /usr/bin/python3 the test is
// skipped.
func readInPython(t *testing.T, paths ...string) (texts []int) {
	t.Helper()
	const python = "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("no " + python)
	}
	const script = `
import csv, sys
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    counts = {len(r) for r in rows}
    assert len(counts) == 1, (path, counts)
    head = rows[0]
    assert head[-1] in ("events", "event_details", "eval_samples"), head
    assert all("\u00a0" not in field for r in rows for field in r), path
    if head[-1] == "eval_samples":
        assert all(r[-1] == "" or r[-1].isdigit() for r in rows[1:]), path
    d = head.index("event_details") if "event_details" in head else None
    print(sum(1 for r in rows[1:] if d is not None and r[d]))
`
	out, err := exec.Command(python, append([]string{"-c", script}, paths...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("python's csv module: %v:\n%s", err, out)
	}
	for _, f := range strings.Fields(string(out)) {
		n, _ := strconv.Atoi(f)
		texts = append(texts, n)
	}
	if len(texts) != len(paths) {
		t.Fatalf("python read %q", out)
	}
	return texts
}

// TestLogCutAfterItsLastRow: a log cut short after the run's last write
// (csvFile.putBack, wholeRows.checkCut) keeps the header alone, and says its
// rows are lost, not closed without a word, short.
func TestLogCutAfterItsLastRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.csv")
	c := newCSVFile(path, csvLayout{})
	for e := 1; e <= 3; e++ {
		c.write(engine.EpochStats{Epoch: e, DReal: 0.5, DFake: 0.25, G: 1, Mean: 4, Std: 1})
	}
	if err := c.flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 40); err != nil {
		t.Fatal(err)
	}
	want := path + " was cut short while the run wrote it: its rows are lost, the header alone is left"
	if err := c.close(); err == nil || err.Error() != want {
		t.Errorf("close: %v, want %q", err, want)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != (csvLayout{}).header()+"\n" {
		t.Errorf("the log: %v; it holds %q, want the header alone", err, got)
	}
}

// TestLogCutThenReplacedKeepsTheRest: a log cut short under the run, then
// replaced by another file (csvFile.putBack, keepBeside), is kept beside
// the file put there as it would be put back, the header and the rows
// written since the cut, the rows lost said, where the kept file began
// with the NULs the cut left where its rows had been; one cut after its
// last row has nothing to keep, and says its rows are lost.
func TestLogCutThenReplacedKeepsTheRest(t *testing.T) {
	stats := func(e int) engine.EpochStats {
		return engine.EpochStats{Epoch: e, DReal: 0.5, DFake: 0.25, G: 1, Mean: 4, Std: 1}
	}
	for _, c := range []struct {
		name     string
		cutAfter int // the epoch the log is cut after; 6, the last, for none kept
		want     string
	}{
		{"cut.csv", 3, " was cut short, then replaced by another file while the run wrote it, left as it is: its rows before epoch 4 are lost, the header and the rest, epochs 4–6, are kept beside it, in "},
		{"last.csv", 6, " was cut short, then replaced by another file while the run wrote it, left as it is: the run's rows are lost"},
		// A name with a space is quoted, the log's and the kept file's,
		// "'…/my cut.csv' was cut short, …, in '…/my cut.kept.csv'".
		{"my cut.csv", 3, " was cut short, then replaced by another file while the run wrote it, left as it is: its rows before epoch 4 are lost, the header and the rest, epochs 4–6, are kept beside it, in "},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, c.name)
		f := newCSVFile(path, csvLayout{})
		want := (csvLayout{}).header() + "\n"
		for e := 1; e <= 6; e++ {
			f.write(stats(e))
			if e > c.cutAfter {
				want += string(appendCSV(nil, stats(e), nil, csvLayout{}))
			}
			if e == c.cutAfter {
				cutShort(t, f, path)
			}
		}
		replacedBehind(t, f, path)
		kept := filepath.Join(dir, strings.TrimSuffix(c.name, ".csv")+".kept.csv")
		wantErr := shellword.Quote(path) + c.want
		if c.cutAfter < 6 {
			wantErr += shellword.Quote(kept)
		}
		if err := f.close(); err == nil || err.Error() != wantErr {
			t.Errorf("%s: close: %v, want %q", c.name, err, wantErr)
		}
		got, err := os.ReadFile(kept)
		switch {
		case c.cutAfter == 6 && !errors.Is(err, fs.ErrNotExist):
			t.Errorf("%s: a file kept beside for the header alone: %q, %v", c.name, got, err)
		case c.cutAfter < 6 && (err != nil || string(got) != want):
			t.Errorf("%s: the log kept beside: %v; it holds %q, want %q", c.name, err, got, want)
		}
	}
}

// TestOutputsErrorSaysADirectoryOnce (chmod 555 of the directory of a
// running run's --log, --save and --plot): files not written for one cause
// of their directory, made read-only, are said in one clause, the cause
// once, and what writes them, where "--save: cannot write x/run.ckpt:
// permission denied; --plot: cannot write x/run.png: permission denied" had
// said it per flag. Another cause of the same directory is said apart.
// A temporary file the directory will not let be removed is named.
func TestOutputsErrorSaysADirectoryOnce(t *testing.T) {
	readOnly := func(name string) error {
		path := filepath.Join("/srv/out", name)
		return &outputfile.DirError{Path: path, Target: path, Dir: "/srv/out", Why: "takes no new files (renaming one into place there: permission denied)", Err: syscall.EACCES}
	}
	err := WithOutput(nil, "--save", readOnly("run.ckpt"))
	err = WithOutput(err, "--plot", readOnly("run.png"))
	want := "--save, --plot: the directory /srv/out takes no new files (renaming one into place there: permission denied), so run.ckpt and run.png are not written; to write them, make the directory writable, or give another, and run again"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	missing := &outputfile.DirError{Path: "/srv/out/run.csv", Target: "/srv/out/run.csv", Dir: "/srv/out", Why: "is not a directory", Err: syscall.ENOTDIR}
	err = WithOutput(WithOutput(nil, "--log", missing), "--save", readOnly("run.ckpt"))
	want = "--log: the directory /srv/out is not a directory, so run.csv is not written; to write it, give another directory and run again; --save: the directory /srv/out takes no new files (renaming one into place there: permission denied), so run.ckpt is not written; to write it, make the directory writable, or give another, and run again"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// A log removed under the run, and not put back for its directory's
	// cause, is said with it.
	err = WithOutput(nil, "--log", &logLost{path: "/srv/out/run.csv", what: "removed", rows: "epochs 1–30", err: readOnly("run.csv")})
	err = WithOutput(err, "--save", readOnly("run.ckpt"))
	want = "--log, --save: the directory /srv/out takes no new files (renaming one into place there: permission denied), and run.csv, removed while the run wrote it, could not be put back: its history of epochs 1–30 is lost, and run.ckpt is not written; to write them, make the directory writable, or give another, and run again"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// The hidden temporary files the directory would not let be removed
	// either (outputfile.LeftError) are named, once or as many.
	left := func(name string) error {
		return &outputfile.LeftError{Temp: "/srv/out/." + name + ".tmp-0123abcd", Why: syscall.EACCES, Err: readOnly(name)}
	}
	err = WithOutput(nil, "--save", left("run.ckpt"))
	want = "--save: the directory /srv/out takes no new files (renaming one into place there: permission denied), so run.ckpt is not written, and its hidden temporary file /srv/out/.run.ckpt.tmp-0123abcd is left there, emptied (removing it: permission denied): remove it once you can; to write it, make the directory writable, or give another, and run again"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	err = WithOutput(WithOutput(nil, "--save", left("run.ckpt")), "--plot", left("run.png"))
	want = "--save, --plot: the directory /srv/out takes no new files (renaming one into place there: permission denied), so run.ckpt and run.png are not written, and their hidden temporary files /srv/out/.run.ckpt.tmp-0123abcd and /srv/out/.run.png.tmp-0123abcd are left there, emptied (removing them: permission denied): remove those once you can; to write them, make the directory writable, or give another, and run again"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// Those left whole in them, their rename refused
	// (outputfile.UnplacedError), are named with the command that puts
	// them in place, and need no run again, but where another file there
	// is lost.
	whole := func(name string, mode fs.FileMode) error {
		return &outputfile.UnplacedError{Path: "/srv/out/" + name, Temp: "/srv/out/." + name + ".tmp-0123abcd", Mode: mode, Err: readOnly(name)}
	}
	err = WithOutput(nil, "--save", whole("run.ckpt", 0o600))
	want = "--save: the directory /srv/out takes no new files (renaming one into place there: permission denied), so run.ckpt is not written there but left whole in its hidden temporary file /srv/out/.run.ckpt.tmp-0123abcd, read-only, which no later write removes: once the directory is writable, test ! -d /srv/out/run.ckpt && mv /srv/out/.run.ckpt.tmp-0123abcd /srv/out/run.ckpt && chmod 600 /srv/out/run.ckpt puts it in place"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	err = WithOutput(WithOutput(nil, "--save", whole("run.ckpt", 0o600)), "--plot", whole("run.png", 0o644))
	want = "--save, --plot: the directory /srv/out takes no new files (renaming one into place there: permission denied), so run.ckpt and run.png are not written there but left whole in their hidden temporary files /srv/out/.run.ckpt.tmp-0123abcd and /srv/out/.run.png.tmp-0123abcd, read-only, which no later write removes: once the directory is writable, test ! -d /srv/out/run.ckpt && mv /srv/out/.run.ckpt.tmp-0123abcd /srv/out/run.ckpt && chmod 600 /srv/out/run.ckpt && test ! -d /srv/out/run.png && mv /srv/out/.run.png.tmp-0123abcd /srv/out/run.png && chmod 644 /srv/out/run.png puts them in place"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	err = WithOutput(nil, "--log", &logLost{path: "/srv/out/run.csv", what: "removed", rows: "epochs 1–30", err: readOnly("run.csv")})
	err = WithOutput(err, "--save", whole("run.ckpt", 0))
	want = "--log, --save: the directory /srv/out takes no new files (renaming one into place there: permission denied), and run.csv, removed while the run wrote it, could not be put back: its history of epochs 1–30 is lost, and run.ckpt is not written there but left whole in its hidden temporary file /srv/out/.run.ckpt.tmp-0123abcd, which a later write there removes: once the directory is writable, test ! -d /srv/out/run.ckpt && mv /srv/out/.run.ckpt.tmp-0123abcd /srv/out/run.ckpt puts it in place; to write it, make the directory writable, or give another, and run again"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// TestOutputsErrorSaysARemovedDirectoryOnce: the files a run could not
// write at its end are said in one line, the removal of the directory
// ganui ran in said once of the files that went with it or could not be
// written there, the log's history named, with what to do; a file that
// failed otherwise is said after its flag, as its own error says it, and
// a log that could not be put back for another reason says which epochs
// are lost.
func TestOutputsErrorSaysARemovedDirectoryOnce(t *testing.T) {
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	removed := func(name string) error {
		return &outputfile.DirError{Path: name, Target: name, Dir: ".", Why: "was removed while ganui ran", Err: syscall.ENOENT}
	}
	full := errors.New("cannot write /srv/run.ckpt: no space left on device")
	err = WithOutput(nil, "--log", &logLost{path: "run.csv", what: "removed", rows: "epochs 1–20,000", err: removed("run.csv")})
	err = WithOutput(err, "--save", full)
	err = WithOutput(err, "--plot", removed("run.png"))
	err = WithOutput(err, "--plot", nil)
	want := "--log, --plot: the current directory " + here + " was removed while ganui ran, and run.csv with it: its history of epochs 1–20,000 is lost, and run.png is not written; to write them, run again where you can write; --save: " + full.Error()
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if !errors.Is(err, full) {
		t.Error("the --save's error is not among the outputs'")
	}

	// A sweep's runs that failed are joined to its --plot, each said apart.
	err = WithOutput(full, "--plot", removed("map.png"))
	want = full.Error() + "\n--plot: the current directory " + here + " was removed while ganui ran, so map.png is not written; to write it, run again where you can write"
	if err == nil || err.Error() != want || !errors.Is(err, full) {
		t.Errorf("got %v\nwant %s", err, want)
	}

	err = WithOutput(nil, "--log", &logLost{path: "run.csv", what: "cut short", rows: "epoch 7", err: errors.New("cannot write run.csv: no space left on device")})
	want = "--log: run.csv was cut short while the run wrote it, and could not be put back: cannot write run.csv: no space left on device; its history of epoch 7 is lost"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// TestLogReplacedSaysItsEpochsPastALongRow: a log another file replaced
// while the run wrote it says which epochs the history kept beside it
// holds (csvFile.rowsHeld) where its last row, with an event's text, is
// longer than the 256 bytes rowsHeld read back from the end, as a
// vanilla run's of 100,000 epochs was: "epochs 1–6", where it said
// "epochs 1–?"; and the same of a log cut short before it was replaced,
// its first row after the cut long too.
func TestLogReplacedSaysItsEpochsPastALongRow(t *testing.T) {
	stats := func(e int) engine.EpochStats {
		return engine.EpochStats{Epoch: e, DReal: 0.5, DFake: 0.25, G: 1, Mean: 4, Std: 1}
	}
	long := strings.Repeat("D's losses reached equilibrium, ", 12) // 384 bytes
	for _, c := range []struct {
		name     string
		cutAfter int // the epoch the log is cut after, 0 for none
		want     string
	}{
		{"run.csv", 0, " was replaced by another file while the run wrote it, left as it is: the run's history, epochs 1–6, is kept beside it, in "},
		{"cut.csv", 3, " was cut short, then replaced by another file while the run wrote it, left as it is: its rows before epoch 4 are lost, the header and the rest, epochs 4–6, are kept beside it, in "},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, c.name)
		f := newCSVFile(path, csvLayout{})
		for e := 1; e <= 6; e++ {
			f.write(stats(e))
			if e == 1 || e == c.cutAfter+1 || e == 6 {
				f.event(Event{Epoch: e, Kind: EventEquilibrium, Detail: long})
			}
			if e == c.cutAfter && e > 0 {
				cutShort(t, f, path)
			}
		}
		replacedBehind(t, f, path)
		kept := filepath.Join(dir, strings.TrimSuffix(c.name, ".csv")+".kept.csv")
		if err := f.close(); err == nil || err.Error() != path+c.want+kept {
			t.Errorf("%s: close: %v\nwant %s", c.name, err, path+c.want+kept)
		}
		got, _ := os.ReadFile(kept)
		if rows := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n"); len(rows[len(rows)-1]) <= 256 {
			t.Errorf("%s: the last row is %d bytes, not past the 256 read back", c.name, len(rows[len(rows)-1]))
		}
	}
}

// cutShort empties the log f writes at path once what f has written so
// far is in it, as a user truncating it while the run writes it would.
func cutShort(t *testing.T, f *csvFile, path string) {
	t.Helper()
	if err := f.flush(); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
}

// replacedBehind puts another file in place of the log f writes at path
// once what f has written so far is in it, as a user moving another
// run's file over it while the run writes it would.
func replacedBehind(t *testing.T, f *csvFile, path string) {
	t.Helper()
	if err := f.flush(); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(filepath.Dir(path), "other")
	if err := os.WriteFile(other, []byte("another run's\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
}
