package session

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

func stats(e int) engine.EpochStats {
	v := float64(e)
	s := engine.EpochStats{Epoch: e, DReal: 1 / v, DFake: math.Sqrt(v), G: -v / 3, Mean: math.Sin(v), Std: v * 1e-9}
	if e%97 == 0 {
		s.G = math.NaN()
	}
	return s
}

func csvOf(from, to int) string {
	out := []byte(CSVColumns(0) + "\n")
	for e := from; e <= to; e++ {
		out = appendCSV(out, stats(e), nil, csvLayout{})
	}
	return string(out)
}

func logCSV(t *testing.T, l *epochLog) string {
	t.Helper()
	var sb strings.Builder
	if err := l.writeCSV(&sb, nil, csvLayout{}); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

// TestEpochLogKeepsEveryEpoch: the log gives back every epoch exactly, in
// the CSV of headless --log, after truncations and resets, from a file
// nobody else can see.
func TestEpochLogKeepsEveryEpoch(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	l := newEpochLog(0)
	defer l.close()
	for e := 1; e <= 5000; e++ { // more than a write buffer holds
		l.add(stats(e))
	}
	if got := logCSV(t, &l); got != csvOf(1, 5000) {
		t.Fatal("the log's CSV differs from the epochs added")
	}
	if entries, _ := os.ReadDir(dir); runtime.GOOS != "windows" && len(entries) != 0 {
		t.Errorf("the log's file is visible in %s: %v", dir, entries)
	}
	l.truncate(1234) // a roll-back
	for e := 1235; e <= 1300; e++ {
		l.add(stats(e))
	}
	if got := logCSV(t, &l); got != csvOf(1, 1300) {
		t.Fatal("after truncating to 1234 and adding 66 epochs, the CSV is not epochs 1–1300")
	}
	l.reset(0) // a new run
	if got := logCSV(t, &l); got != CSVColumns(0)+"\n" {
		t.Fatalf("a reset log exports %q", got)
	}
	l.add(stats(1))
	if got := logCSV(t, &l); got != csvOf(1, 1) {
		t.Fatalf("after a reset: %q", got)
	}
}

// TestEpochLogOfAResumedRun starts at the epoch the run resumed from.
func TestEpochLogOfAResumedRun(t *testing.T) {
	l := newEpochLog(700)
	defer l.close()
	for e := 701; e <= 710; e++ {
		l.add(stats(e))
	}
	if from, to, n := l.span(); from != 701 || to != 710 || n != 10 {
		t.Fatalf("span %d–%d (%d)", from, to, n)
	}
	if got := logCSV(t, &l); got != csvOf(701, 710) {
		t.Fatalf("resumed log:\n%s", got)
	}
}

// TestEpochLogOutOfStep: an epoch out of order is a failure the export
// reports rather than a mislabelled row.
func TestEpochLogOutOfStep(t *testing.T) {
	l := newEpochLog(0)
	defer l.close()
	l.add(stats(1))
	l.add(stats(3))
	if err := l.writeCSV(&strings.Builder{}, nil, csvLayout{}); err == nil || !strings.Contains(err.Error(), "epoch 3, expected 2") {
		t.Fatalf("export after an epoch out of step: %v", err)
	}
	l.reset(0) // a new run starts clean
	l.add(stats(1))
	if got := logCSV(t, &l); got != csvOf(1, 1) {
		t.Fatalf("after a reset: %q", got)
	}
}

// TestEpochLogUnwritableTempDir: with no temporary directory the log says
// so from the start, keeps the epochs in memory, and exports them.
func TestEpochLogUnwritableTempDir(t *testing.T) {
	t.Setenv("TMPDIR", "/nonexistent/ganui")
	if runtime.GOOS == "windows" {
		t.Skip("TMPDIR is not how Windows finds its temporary directory")
	}
	l := newEpochLog(0)
	l.open()
	if w := l.warning(); !strings.HasPrefix(w, "history file: ") || !strings.HasSuffix(w, "; e exports only the latest 100,000 epochs") {
		t.Fatalf("warning before any epoch: %q", w)
	}
	for e := 1; e <= 3; e++ {
		l.add(stats(e))
	}
	if got := logCSV(t, &l); got != csvOf(1, 3) {
		t.Fatalf("export from memory: %q", got)
	}
}

// TestEpochLogWarningQuotesItsDirectory: the directory the history file
// could not be made in is named quoted where a shell would not read it as
// one word (", in '/nonexistent/my tmp'"), where it stood bare; a plain
// one as before.
func TestEpochLogWarningQuotesItsDirectory(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("TMPDIR is not how Windows finds its temporary directory")
	}
	for _, c := range []struct{ dir, want string }{
		{"/nonexistent/ganui", ", in /nonexistent/ganui" + GivesWay},
		{"/nonexistent/my tmp", ", in '/nonexistent/my tmp'" + GivesWay},
	} {
		t.Setenv("TMPDIR", c.dir)
		l := newEpochLog(0)
		l.open()
		if w := l.warning(); !strings.Contains(w, c.want) {
			t.Errorf("TMPDIR=%q: warning %q, want it to hold %q", c.dir, w, c.want)
		}
	}
}

// TestEpochLogFileFailsMidway: when the file stops taking writes (a full
// disk), the epochs it holds stay exportable, the epochs its buffer held
// and every later one move to memory, the memory keeps only the latest
// memEpochs, and the export writes all it has, in order.
func TestEpochLogFileFailsMidway(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reopens the log's file read-only through /proc/self/fd")
	}
	l := newEpochLog(0)
	defer l.close()
	for e := 1; e <= 5000; e++ { // some flushed, some still buffered
		l.add(stats(e))
	}
	ro, err := os.Open(fmt.Sprintf("/proc/self/fd/%d", l.f.Fd()))
	if err != nil {
		t.Skip(err)
	}
	l.f.Close()
	l.f = ro // reads work, writes fail as on a full disk
	onDisk := l.n - len(l.buf)/recordSize
	last := 5000 + 2*memEpochs + 10
	for e := 5001; e <= last; e++ {
		l.add(stats(e))
	}
	if want := fmt.Sprintf("; e exports epochs 1–%s and the latest 100,000", numtext.FormatInt(onDisk)); !strings.HasPrefix(l.warning(), "history file: ") || !strings.HasSuffix(l.warning(), want) {
		t.Fatalf("after a failed write: %q, want what it means for e, %q", l.warning(), want)
	}
	from, to, n := l.span()
	if from != 1 || to != last || n >= to || n < onDisk+memEpochs {
		t.Fatalf("span %d–%d (%d held), %d on disk", from, to, n, onDisk)
	}
	got := logCSV(t, &l)
	want := csvOf(1, onDisk) + strings.TrimPrefix(csvOf(last-len(l.mem)+1, last), CSVColumns(0)+"\n")
	if got != want {
		t.Fatalf("export after the failure: %d bytes, want %d", len(got), len(want))
	}
}

// BenchmarkEpochLogAdd is the cost the log adds to every epoch.
func BenchmarkEpochLogAdd(b *testing.B) {
	l := newEpochLog(0)
	defer l.close()
	e := 0
	b.ReportAllocs()
	for b.Loop() {
		if e == 1_000_000 { // 40 MB: start over rather than fill the disk
			l.reset(0)
			e = 0
		}
		e++
		l.add(engine.EpochStats{Epoch: e, DReal: 0.69, DFake: 0.7, G: 0.68, Mean: 4, Std: 1.25})
	}
}
