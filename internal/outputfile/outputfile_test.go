package outputfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ganui/ganui/internal/shellword"
)

// TestWriteFailureKeepsTheOldFile: when fill fails halfway, the file
// already at path is untouched, the error comes back, and no temporary file
// is left beside it.
func TestWriteFailureKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history.csv")
	if err := os.WriteFile(path, []byte("good\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := Write(path, 0o666, anyKind, func(w io.Writer) error {
		io.WriteString(w, "half a")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if got, _ := os.ReadFile(path); string(got) != "good\n" {
		t.Errorf("after a failed write the file holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the old file", len(entries))
	}
}

// TestWriteErrorNamesThePath: a write that fails on the temporary file
// (a full disk, a file-size limit) names the file the user gave, not
// the hidden temporary one, which is gone when the error is read.
func TestWriteErrorNamesThePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.ckpt")
	err := Write(path, 0o666, anyKind, func(w io.Writer) error {
		w.(gatedWriter).f.Close() // the next write fails as a full disk's does, with the file's name
		_, err := io.WriteString(w, "data")
		return fmt.Errorf("writing the weights: %w", err)
	})
	if err == nil || !strings.Contains(err.Error(), path+": ") || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("err = %v, want one that names %s", err, path)
	}
	if !errors.Is(err, os.ErrClosed) {
		t.Errorf("err = %v lost its cause", err)
	}
}

// TestStaleTemporaryFilesRemovedAtOnce: the temporary files a killed write of a
// path left (createTemp's names, held by no write) are removed by the next
// write of that path, however recently they were written: a run killed mid-save
// and started again at once leaves no file beside the checkpoint until a save a
// minute later. Files of other names stay: another path's, and names that only
// look like createTemp's.
func TestStaleTemporaryFilesRemovedAtOnce(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	killed := []string{".run.ckpt.tmp-0badf00d", ".run.ckpt.tmp-12345678"}
	others := []string{".other.ckpt.tmp-0badf00d", ".run.ckpt.tmp-1234567", ".run.ckpt.tmp-123456789", ".run.ckpt.tmp-notmine!", ".run.ckpt.tmp-0BADF00D", "run.ckpt.tmp-0badf00d"}
	for _, name := range append(killed, others...) {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, 1000), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(path, 0o600, anyKind, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	for _, name := range killed {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s, a killed write's, is still there", name)
		}
	}
	for _, name := range append(others, "run.ckpt") {
		if _, err := os.Lstat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v; want it kept", name, err)
		}
	}
}

// TestWriteUnderWayKeepsItsFile: a write of the same path still under
// way keeps its temporary file, held while it is open, from another
// write's clean-up, and renames it into place after it.
func TestWriteUnderWayKeepsItsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.ckpt")
	f, err := createTemp(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := Write(path, 0o600, anyKind, func(w io.Writer) error { _, err := io.WriteString(w, "first"); return err }); err != nil {
		t.Fatal(err)
	}
	if !stillNamed(f) {
		t.Fatalf("the temporary file of a write under way, %s, was removed", f.Name())
	}
	io.WriteString(f, "second")
	f.Close()
	if err := os.Rename(f.Name(), path); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "second" {
		t.Errorf("the file holds %q", data)
	}
}

// allowWritesAfter lets writes begin again once t, which calls Abandon,
// is over, so that the tests after it write.
func allowWritesAfter(t *testing.T) {
	t.Cleanup(func() {
		underWay.Lock()
		underWay.abandoned = false
		underWay.Unlock()
	})
}

// TestAbandonRemovesWritesUnderWay: a process quitting without waiting for its
// writes (a second signal, the trainer quit at once) removes their temporary
// files as it goes, the files they were to replace left as they were: a
// checkpoint's save cut short so leaves no hidden file as large as the
// checkpoint beside it. A write that goes on after it fails, and none may
// begin.
func TestAbandonRemovesWritesUnderWay(t *testing.T) {
	allowWritesAfter(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	if err := os.WriteFile(path, []byte("old run"), 0o600); err != nil {
		t.Fatal(err)
	}
	filling, abandoned, done := make(chan string), make(chan struct{}), make(chan error)
	go func() {
		done <- Write(path, 0o600, anyKind, func(w io.Writer) error {
			io.WriteString(w, "half of the new")
			filling <- w.(gatedWriter).f.Name()
			<-abandoned
			_, err := io.WriteString(w, " run")
			return err
		})
	}()
	temp := <-filling
	Abandon()
	if _, err := os.Lstat(temp); err == nil {
		t.Errorf("%s, the write's under way, is still there", temp)
	}
	close(abandoned)
	if err := <-done; !errors.Is(err, ErrAbandoned) {
		t.Errorf("the write abandoned under way: %v, want it refused at its rename, %v", err, ErrAbandoned)
	}
	if err := Write(filepath.Join(dir, "later.csv"), 0o666, anyKind, func(io.Writer) error { return nil }); err == nil {
		t.Error("a write began after Abandon")
	}
	if got, _ := os.ReadFile(path); string(got) != "old run" {
		t.Errorf("the file the write was to replace holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %d entries, want only the old file", len(entries))
	}
}

// TestWritePlacedSaysWhenInPlace: WritePlaced calls placed once, with the
// new file at its path and under the lock Abandon takes, so that Abandon
// cannot come between the rename and placed; and not for a write that
// fails, nothing put in place.
func TestWritePlacedSaysWhenInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.ckpt")
	var got []string
	placed := func() {
		if underWay.TryLock() {
			underWay.Unlock()
			t.Error("placed called without the lock Abandon takes")
		}
		data, _ := os.ReadFile(path)
		got = append(got, string(data))
	}
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "run"); return err }
	if err := WritePlaced(path, 0o600, anyKind, 0, fill, placed); err != nil {
		t.Fatal(err)
	}
	failed := errors.New("full disk")
	if err := WritePlaced(path, 0o600, anyKind, 0, func(io.Writer) error { return failed }, placed); !errors.Is(err, failed) {
		t.Fatalf("a failing write: %v", err)
	}
	if len(got) != 1 || got[0] != "run" {
		t.Errorf("placed saw %q, want the file once, holding %q", got, "run")
	}
}

// anyKind is of every file: the tests of how a file is written, not of
// what it may replace (TestWriteReplacesOnlyItsKind).
var anyKind = Kind{"any file", func(io.Reader) bool { return true }}

// TestWriteReplacesOnlyItsKind: Write and CheckWritable refuse a file
// that is not empty and not of the write's kind, saying what it is not,
// and leave it whole, nothing created beside it; an empty file, and one
// of the kind, are replaced.
func TestWriteReplacesOnlyItsKind(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	ckpt := Kind{"a checkpoint", func(r io.Reader) bool {
		b, _ := io.ReadAll(io.LimitReader(r, 4))
		return string(b) == "CKPT"
	}}
	write := func(s string) error {
		return Write(path, 0o600, ckpt, func(w io.Writer) error { _, err := io.WriteString(w, s); return err })
	}
	os.WriteFile(path, []byte("my preset"), 0o600)
	want := path + " is not a checkpoint (it would be replaced); give another name or remove it"
	if err := OfKind(path, ckpt); err == nil || err.Error() != want {
		t.Errorf("OfKind over another kind: %v, want %q", err, want)
	}
	if err := write("CKPT new"); err == nil || err.Error() != want {
		t.Errorf("Write over another kind: %v, want %q", err, want)
	}
	if got, _ := os.ReadFile(path); string(got) != "my preset" {
		t.Errorf("the file now holds %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left beside it: %v", entries)
	}
	for _, before := range []string{"", "CKPT old"} {
		os.WriteFile(path, []byte(before), 0o600)
		if err := OfKind(path, ckpt); err != nil {
			t.Errorf("OfKind over %q: %v", before, err)
		}
		if err := write("CKPT new"); err != nil {
			t.Errorf("Write over %q: %v", before, err)
		}
		if got, _ := os.ReadFile(path); string(got) != "CKPT new" {
			t.Errorf("over %q: the file holds %q", before, got)
		}
	}
}

// TestLeftWholeSaysWhenAfterItsCause: a write left whole in its hidden
// temporary file is named with the command that moves it once what
// refused it its name is mended, worded after that cause: a full disk or
// quota refusing a name beside what took the path (ENOSPC, EDQUOT) "once
// the disk has room", a file system made read-only "once the file system
// is writable", the directory's permissions (a KeptError's, and an
// UnplacedError's refused rename, always) "once the directory is
// writable", where each said "once the directory is writable", and sent
// the user of a full disk to chmod a writable directory.
func TestLeftWholeSaysWhenAfterItsCause(t *testing.T) {
	const put = "test ! -d out/run.kept.ckpt && ln out/.run.ckpt.tmp-0123abcd out/run.kept.ckpt && chmod 600 out/run.kept.ckpt && rm out/.run.ckpt.tmp-0123abcd puts it in place"
	for _, c := range []struct {
		cause error
		when  string
	}{
		{syscall.ENOSPC, "once the disk has room, "},
		{syscall.EDQUOT, "once the disk has room, "},
		{syscall.EROFS, "once the file system is writable, "},
		{syscall.EACCES, "once the directory is writable, "},
		{errors.New("run.kept.ckpt, its names numbered to -1000 and 100 of random digits are all taken"), ""},
	} {
		ke := &KeptError{Path: "out/run.ckpt", What: "a directory", Kept: "out/.run.ckpt.tmp-0123abcd", Unkept: c.cause, To: "out/run.kept.ckpt", Mode: 0o600}
		if want := "read-only, which no later write of run.ckpt removes: " + c.when + put; !strings.HasSuffix(ke.Error(), want) {
			t.Errorf("kept beside, refused for %v:\ngot  %q\nwant it to end %q", c.cause, ke.Error(), want)
		}
	}
	ue := &UnplacedError{Path: "out/run.ckpt", Temp: "out/.run.ckpt.tmp-0123abcd", Mode: 0o600, Err: placeRefused("out/run.ckpt", syscall.EACCES)}
	if want := ": once the directory is writable, test ! -d out/run.ckpt && mv out/.run.ckpt.tmp-0123abcd out/run.ckpt && chmod 600 out/run.ckpt puts it in place"; !strings.HasSuffix(ue.Error(), want) {
		t.Errorf("its place refused:\ngot  %q\nwant it to end %q", ue.Error(), want)
	}
}

// TestCommandsWriteWhatATerminalObeysEscaped: the commands that put a file
// left whole in place name a path that holds U+202E or a byte not UTF-8 as
// bash and zsh read $'…', and end saying so (shellword.Noted): quoted '…',
// the terminal showed the rest of the line reversed. One of plain names is
// as it was.
func TestCommandsWriteWhatATerminalObeysEscaped(t *testing.T) {
	for _, to := range []string{"out/r\u202etpkc.ckpt", "out/run\xff.csv"} {
		temp := "out/.x.tmp-1"
		q, _ := shellword.Dollar(to)
		for _, c := range []struct{ got, want string }{
			{putCommand(temp, to, 0o600), "test ! -d " + q + " && mv " + temp + " " + q + " && chmod 600 " + q + shellword.DollarNote},
			{keepCommand(temp, to, 0), "test ! -d " + q + " && ln " + temp + " " + q + " && rm " + temp + shellword.DollarNote},
		} {
			if c.got != c.want {
				t.Errorf("%q\nwant %q", c.got, c.want)
			}
		}
	}
	if got := keepCommand("out/.x.tmp-1", "out/run.ckpt", 0o600); got != "test ! -d out/run.ckpt && ln out/.x.tmp-1 out/run.ckpt && chmod 600 out/run.ckpt && rm out/.x.tmp-1" {
		t.Errorf("plain names: %q", got)
	}
}
