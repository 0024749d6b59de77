//go:build linux

package session

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ganui/ganui/engine"
)

// TestFailedLogEndsAtAWholeRow: a --log whose disk fills mid-run reports
// the error and keeps every row written whole, ending at the last of
// them (the full disk had left the buffer's bytes up to where it filled,
// the last row cut mid-number). The disk is a file size limit
// (RLIMIT_FSIZE), which fails a write as a full disk does; Go ignores
// SIGXFSZ, so the write returns EFBIG.
func TestFailedLogEndsAtAWholeRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.csv")
	c := newCSVFile(path, csvLayout{})
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	const limit = 3000 // no multiple of a row's length: a row is cut there
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: old.Max}); err != nil {
		t.Skip("cannot lower the file size limit:", err)
	}
	for e := 1; e <= 100; e++ {
		c.write(engine.EpochStats{Epoch: e, DReal: math.Pi, DFake: math.E, G: math.Sqrt2, Mean: 1.0 / 3, Std: 2.0 / 3})
	}
	err := c.close()
	if serr := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); serr != nil {
		t.Fatal(serr)
	}
	if err == nil {
		t.Fatal("a log over the size limit: no error")
	}
	data, rerr := os.ReadFile(path)
	if rerr != nil {
		t.Fatal(rerr)
	}
	// The longest row, epoch 100's: a cut one is shorter.
	row := len(appendCSV(nil, engine.EpochStats{Epoch: 100, DReal: math.Pi, DFake: math.E, G: math.Sqrt2, Mean: 1.0 / 3, Std: 2.0 / 3}, nil, csvLayout{}))
	if len(data) >= limit || len(data) <= limit-row || !strings.HasSuffix(string(data), "\n") {
		t.Fatalf("the log is %d bytes, ending %q: want every whole row that fit in %d bytes, and no part of one", len(data), data[max(0, len(data)-40):], limit)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if lines[0] != (csvLayout{}).header() {
		t.Fatalf("header %q", lines[0])
	}
	for i, l := range lines[1:] {
		if want := string(appendCSV(nil, engine.EpochStats{Epoch: i + 1, DReal: math.Pi, DFake: math.E, G: math.Sqrt2, Mean: 1.0 / 3, Std: 2.0 / 3}, nil, csvLayout{})); l+"\n" != want {
			t.Fatalf("row %d is %q, want %q", i+1, l, want)
		}
	}
}
