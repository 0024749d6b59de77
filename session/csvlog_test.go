package session

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
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

// TestLogCarriesPenalty: the history of a design with a gradient
// penalty has a penalty column after the per-epoch six, every row
// filled with the epoch's penalty, which the progress lines give to four
// decimals; a design without one has no such column. The log had no
// penalty at all, which only the progress lines gave.
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
	if got, want := strings.Join(header, ","), CSVHeader+",penalty,"+CSVEvalHeader+",events"; got != want {
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
		if line, ok := lines[r[0]]; ok && !strings.Contains(line, " penalty="+lineNumber(p, 4)+" ") {
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

// TestResumeOntoAnEarlierLog: a run resumed onto the log an earlier
// ganui wrote for it up to its checkpoint, without the columns this one
// adds (penalty, event_details), goes on in that file in its columns:
// the file keeps every epoch and one set of columns. It had been taken
// for another file and emptied, the epochs before the checkpoint lost.
func TestResumeOntoAnEarlierLog(t *testing.T) {
	dir := t.TempDir()
	log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
	runToEnd(t, Options{Config: gpConfig(t, 20), Seed: 1, Samples: 500, LogPath: log, SavePath: ckpt})
	data, _ := os.ReadFile(log)
	// The log as an earlier ganui wrote it: no penalty column, and no
	// event text beside the kinds.
	header, rows := csvRows(t, string(data))
	const earlierHeader = CSVHeader + "," + CSVEvalHeader + ",events"
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
