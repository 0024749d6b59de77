package outputfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReserveMakesRoomFirst: Reserve makes the temporary file the size
// asked for before anything is written, and Write puts what it is given
// in place, cut to it, nothing left beside it; Release then does
// nothing.
func TestReserveMakesRoomFirst(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Reserve(path, 0o600, anyKind, 3<<20+5)
	if err != nil {
		t.Fatal(err)
	}
	temp, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*"))
	if len(temp) != 1 {
		t.Fatalf("beside the file: %q, want the reserved one", temp)
	}
	if fi, err := os.Stat(temp[0]); err != nil || fi.Size() != 3<<20+5 {
		t.Fatalf("the reserved file: %v, want %d bytes", fi, 3<<20+5)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("reserved, the file holds %q", got)
	}
	if err := r.Write(func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }, nil); err != nil {
		t.Fatal(err)
	}
	r.Release()
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Fatalf("written, the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the directory holds %d entries, want the file alone", len(entries))
	}
	if err := r.Write(func(io.Writer) error { return nil }, nil); err == nil {
		t.Fatal("a reservation written twice")
	}
}

// TestReserveRefusesADiskWithoutRoom: where the file system has not the
// room (allocate's ENOSPC), Reserve fails, naming the file the user
// gave, the size and the system's reason, and leaves nothing beside the
// file, which stays as it was.
func TestReserveRefusesADiskWithoutRoom(t *testing.T) {
	defer func(a func(gatedWriter, int64) error) { allocate = a }(allocate)
	allocate = func(w gatedWriter, _ int64) error {
		return &os.PathError{Op: "fallocate", Path: w.f.Name(), Err: syscall.ENOSPC}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	os.WriteFile(path, []byte("old"), 0o644)
	_, err := Reserve(path, 0o600, anyKind, 1234567)
	if !errors.Is(err, syscall.ENOSPC) || err.Error() != "cannot reserve 1,234,567 bytes for "+path+": "+syscall.ENOSPC.Error() {
		t.Fatalf("no room: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Fatalf("the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("the directory holds %d entries, want the file alone", len(entries))
	}
}

// TestReserveWithoutRoomNamesWhatItLeft: refused the room (ENOSPC) in a
// directory made read-only since its temporary file was made, Reserve
// empties the file it cannot remove and names it after the refusal, in
// LeftError's words, so that the line that says the full disk says it
// too: else the hidden file stayed there, named by nothing.
func TestReserveWithoutRoomNamesWhatItLeft(t *testing.T) {
	defer func(a func(gatedWriter, int64) error) { allocate = a }(allocate)
	was := dirOps
	defer func() { dirOps = was }()
	allocate = func(w gatedWriter, _ int64) error {
		dirOps.remove = func(name string) error { // read-only from now on
			return &os.PathError{Op: "remove", Path: name, Err: syscall.EACCES}
		}
		return &os.PathError{Op: "fallocate", Path: w.f.Name(), Err: syscall.ENOSPC}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	_, err := Reserve(path, 0o600, anyKind, 1234567)
	temp, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*"))
	if len(temp) != 1 {
		t.Fatalf("beside the file: %q, want the one left", temp)
	}
	want := "cannot reserve 1,234,567 bytes for " + path + ": " + syscall.ENOSPC.Error() + "; its hidden temporary file " + temp[0] + " is left there, emptied (removing it: permission denied): remove it once you can"
	var left *LeftError
	if !errors.Is(err, syscall.ENOSPC) || !errors.As(err, &left) || left.Temp != temp[0] || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if st, err := os.Stat(temp[0]); err != nil || st.Size() != 0 {
		t.Errorf("the file left: %v, %v; want it there, empty", st, err)
	}
}

// TestReleaseGivesTheRoomBack: a reservation released unwritten leaves
// nothing beside the file, which stays as it was; Release again does
// nothing.
func TestReleaseGivesTheRoomBack(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	r, err := Reserve(path, 0o600, anyKind, 4096)
	if err != nil {
		t.Fatal(err)
	}
	r.Release()
	r.Release()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("released, the directory holds %d entries", len(entries))
	}
}

// TestWriteZerosMakesTheRoom: where the file system cannot allocate
// unwritten, the room is the zeros written, every byte of the size.
func TestWriteZerosMakesTheRoom(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "room"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeZeros(gatedWriter{f, &gate{}}, 2<<20+3); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(f.Name())
	if len(got) != 2<<20+3 || strings.Trim(string(got), "\x00") != "" {
		t.Fatalf("%d bytes, want %d zeros", len(got), 2<<20+3)
	}
}

// TestWriteZerosStopsWhenAbandoned: the zeros that make a reservation's
// room where the file system cannot allocate unwritten go through its
// gate, so that once Abandon has shut it (a quit at once while a
// checkpoint's room is made) none is written: else Abandon would wait
// for them all, or the file it emptied would fill again.
func TestWriteZerosStopsWhenAbandoned(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "room"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeZeros(gatedWriter{f, &gate{shut: true}}, 2<<20+3); !errors.Is(err, ErrAbandoned) {
		t.Errorf("got %v, want %v", err, ErrAbandoned)
	}
	if st, err := f.Stat(); err != nil || st.Size() != 0 {
		t.Errorf("the file: %v, %v; want it empty", st, err)
	}
}
