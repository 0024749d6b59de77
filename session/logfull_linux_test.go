//go:build linux

package session

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ganui/ganui/engine"
)

// TestFailedLogEndsAtAWholeRow: a --log whose disk fills mid-run reports the
// error and keeps every row written whole, ending at the last of them, not at
// the buffer's bytes up to where the disk filled, the last row cut mid-number,
// and its error says the epoch it ends at.
// The disk is a file size limit (RLIMIT_FSIZE), which fails a write as a full
// disk does; Go ignores SIGXFSZ, so the write returns EFBIG.
//
// The limit holds for a whole process, so the log is written by a child, this
// test binary run again for this test alone with GANUI_FULL_LOG naming the file
// (writeFullLog), and read back here: lowered in the test process, it would
// fail any other file written meanwhile, go test's own log of the files a test
// opens among them (a flush of its buffer then, as the path's length and the
// tests before bring it, makes go test ./... end "testing: can't write
// …/testlog.txt: … file too large", FAIL).
func TestFailedLogEndsAtAWholeRow(t *testing.T) {
	if path := os.Getenv("GANUI_FULL_LOG"); path != "" {
		writeFullLog(t, path)
		return
	}
	path := filepath.Join(t.TempDir(), "run.csv")
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "GANUI_FULL_LOG="+path)
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil:
		t.Fatalf("the process writing the log: %v\n%s", err, out)
	case strings.Contains(string(out), "--- SKIP: "+t.Name()):
		t.Skipf("the process writing the log:\n%s", out)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()):
		t.Fatalf("the process writing the log ran no test:\n%s", out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The longest row, epoch 100's: a cut one is shorter.
	row := len(appendCSV(nil, fullLogStats(100), nil, csvLayout{}))
	if len(data) >= fullLogLimit || len(data) <= fullLogLimit-row || !strings.HasSuffix(string(data), "\n") {
		t.Fatalf("the log is %d bytes, ending %q: want every whole row that fit in %d bytes, and no part of one", len(data), data[max(0, len(data)-40):], fullLogLimit)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if lines[0] != (csvLayout{}).header() {
		t.Fatalf("header %q", lines[0])
	}
	for i, l := range lines[1:] {
		if want := string(appendCSV(nil, fullLogStats(i+1), nil, csvLayout{})); l+"\n" != want {
			t.Fatalf("row %d is %q, want %q", i+1, l, want)
		}
	}
}

// fullLogLimit is the file size limit TestFailedLogEndsAtAWholeRow's log
// is written under: no multiple of a row's length, so a row is cut there.
const fullLogLimit = 3000

// fullLogStats is the row of epoch e of TestFailedLogEndsAtAWholeRow's log.
func fullLogStats(e int) engine.EpochStats {
	return engine.EpochStats{Epoch: e, DReal: math.Pi, DFake: math.E, G: math.Sqrt2, Mean: 1.0 / 3, Std: 2.0 / 3}
}

// writeFullLog is TestFailedLogEndsAtAWholeRow in the child: it lowers
// this process's file size limit to fullLogLimit, writes 100 epochs' rows
// to the log at path, more than fit, and fails unless closing the log
// reports the error. The process ends with the test, the limit with it.
func writeFullLog(t *testing.T, path string) {
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: fullLogLimit, Max: old.Max}); err != nil {
		t.Skip("cannot lower the file size limit:", err)
	}
	c := newCSVFile(path, csvLayout{})
	for e := 1; e <= 100; e++ {
		c.write(fullLogStats(e))
	}
	err := c.close()
	if err == nil {
		t.Fatal("a log over the size limit: no error")
	}
	// It says where the log ends: its last whole row's epoch.
	data, _ := os.ReadFile(path)
	rows := strings.Count(string(data), "\n") - 1
	if want := fmt.Sprintf("; the log ends at epoch %d, every row through it whole", rows); !strings.HasSuffix(err.Error(), want) {
		t.Fatalf("the log's error %q does not end %q", err, want)
	}
}

// TestFailedLogWriteQuotesItsName: a --log whose write fails (a full disk)
// in a directory whose name holds a space is named quoted, "write
// '…/my runs/run.csv': no space left on device; the log …", as a file not written is named elsewhere, where the system's words
// named it bare.
func TestFailedLogWriteQuotesItsName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "run.csv")
	c := newCSVFile(path, csvLayout{})
	c.write(fullLogStats(1))
	c.write(fullLogStats(2)) // the file opened, epoch 1's row written
	c.fail(&fs.PathError{Op: "write", Path: path, Err: syscall.ENOSPC})
	err := c.close()
	want := "write '" + path + "': no space left on device; the log "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("a failed write in %q: %v, want it to begin %q and be ENOSPC", dir, err, want)
	}
}
