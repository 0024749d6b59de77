package inputfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReadAllStopsAtTheCap: a file over the cap is refused, having read
// no more than the cap and a byte.
func TestReadAllStopsAtTheCap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	os.WriteFile(path, make([]byte, 300<<10), 0o600)
	if _, err := ReadAll(path, 256<<10); err == nil || !strings.Contains(err.Error(), "larger than 256 KiB") {
		t.Fatalf("a 300 KiB file under a 256 KiB cap: %v", err)
	}
	if data, err := ReadAll(path, 300<<10); err != nil || len(data) != 300<<10 {
		t.Fatalf("a file at the cap: %d bytes, %v", len(data), err)
	}
}

// TestMissingFileSaysSo: a file that is not there is named with the system's
// reason and without the system call (not "stat x.ckpt: no such file or
// directory"), and is still fs.ErrNotExist.
func TestMissingFileSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.ckpt")
	_, err := Open(path)
	if err == nil || err.Error() != path+": no such file or directory" {
		t.Errorf("a missing file: %v", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%v is not fs.ErrNotExist", err)
	}
}

// TestEmptyPathSaysWhatToGive: an empty name, which a points() target gives,
// says what to give, not "no file named (an empty path)" alone, which says
// nothing of it.
func TestEmptyPathSaysWhatToGive(t *testing.T) {
	if _, err := Open(""); err == nil || err.Error() != "no file named (an empty path); give a file's name" {
		t.Errorf("an empty path: %v", err)
	}
}

// TestReadsNoFurtherThanItsSize: a file is read as long as it was when
// opened: what is written to it since is not read.
func TestReadsNoFurtherThanItsSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.csv")
	os.WriteFile(path, []byte("abc"), 0o600)
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("def")
	w.Close()
	if data, err := io.ReadAll(f); err != nil || string(data) != "abc" {
		t.Errorf("a file grown since it was opened reads %q, %v; want what it held then", data, err)
	}
}

// TestKernelFileIsNoRegularFile: a kernel file under /proc, regular to stat but
// of no size, is refused as what it is, not read as whatever the kernel makes
// up (/proc/kmsg blocks until it logs something, and takes that from the
// system's log), nor, read up to its size, told "empty (0 bytes)" or "0 rows of
// data". The refusal says what to do, as a named pipe's does.
func TestKernelFileIsNoRegularFile(t *testing.T) {
	if _, err := os.Stat("/proc/self/environ"); err != nil || runtime.GOOS != "linux" {
		t.Skip("no Linux /proc here")
	}
	for _, path := range []string{"/proc/self/environ", "/proc/self/status"} {
		data, err := ReadAll(path, 1<<20)
		if want := path + " is a file the kernel makes up as it is read, not a regular file: save what it gives to a file and name that"; err == nil || err.Error() != want {
			t.Errorf("%s: %d bytes, %v; want %s", path, len(data), err, want)
		}
	}
}

// TestReadAllRefusesBeforeReading: a file over the cap is refused from
// its size, none of it read: a sparse file of 1 GiB, made in an instant,
// is refused in one.
func TestReadAllRefusesBeforeReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := ReadAll(path, 64<<20); err == nil || !strings.Contains(err.Error(), "larger than 64 MiB") {
		t.Fatalf("a 1 GiB file under a 64 MiB cap: %v", err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("refusing it allocated %d bytes", got)
	}
}

// TestUnnamedDropsThePath: an error said where its file is named already
// loses the path, not the reason, nor errors.Is's fs.ErrNotExist.
func TestUnnamedDropsThePath(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "gone.csv")
	_, err := Open(missing)
	if err = Unnamed(err, missing); err.Error() != "no such file or directory" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %q, fs.ErrNotExist %v", err, errors.Is(err, fs.ErrNotExist))
	}
	_, err = Open(dir)
	if err = Unnamed(err, dir); err.Error() != "it is a directory, not a regular file: name a file in it" {
		t.Errorf("a directory: %q", err)
	}
}

// TestInsteadSaysWhatToGive: each kind of file that is not regular is
// told what to give instead, read or written: a socket as a named pipe
// is, which a test of the command line cannot easily make.
func TestInsteadSaysWhatToGive(t *testing.T) {
	for _, c := range []struct {
		mode        fs.FileMode
		read, write string
	}{
		{fs.ModeDir, ": name a file in it", ": name a file in it"},
		{fs.ModeNamedPipe, ": save what it gives to a file and name that", ": name a file, or /dev/null for none"},
		{fs.ModeSocket, ": save what it gives to a file and name that", ": name a file, or /dev/null for none"},
		{fs.ModeDevice | fs.ModeCharDevice, ": name a file", ": name a file, or /dev/null for none"},
		{fs.ModeDevice, ": name a file", ": name a file, or /dev/null for none"},
	} {
		if got := Instead(c.mode, false); got != c.read {
			t.Errorf("%v read: %q, want %q", c.mode, got, c.read)
		}
		if got := Instead(c.mode, true); got != c.write {
			t.Errorf("%v written: %q, want %q", c.mode, got, c.write)
		}
	}
}
