//go:build unix

package outputfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

// TestWriteMode: files get the mode asked for less the umask — a
// checkpoint (0600) is the owner's alone.
func TestWriteMode(t *testing.T) {
	umask := syscall.Umask(0o022)
	defer syscall.Umask(umask)
	dir := t.TempDir()
	csv, ckpt := filepath.Join(dir, "a.csv"), filepath.Join(dir, "a.ckpt")
	if err := Write(csv, 0o666, anyKind, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	if err := Write(ckpt, 0o600, anyKind, func(w io.Writer) error { _, err := io.WriteString(w, "y"); return err }); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]fs.FileMode{csv: 0o644, ckpt: 0o600} {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), fi.Mode().Perm(), want)
		}
	}
}

// TestWriteThroughLinks: an output that is a symbolic link is
// written through — the file it points to is replaced, created if
// missing, and the link stays a link — and one that is a named pipe is
// refused before and at the write, and left a pipe.
func TestWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	write := func(path, s string) error {
		return Write(path, 0o666, anyKind, func(w io.Writer) error { _, err := io.WriteString(w, s); return err })
	}
	realFile, link := filepath.Join(dir, "real.ckpt"), filepath.Join(dir, "link.ckpt")
	os.WriteFile(realFile, []byte("old"), 0o666)
	os.Symlink("real.ckpt", link)
	dangling, missing := filepath.Join(dir, "dangling.ckpt"), filepath.Join(dir, "sub", "new.ckpt")
	os.Mkdir(filepath.Join(dir, "sub"), 0o777)
	os.Symlink(missing, dangling)
	for path, target := range map[string]string{link: realFile, dangling: missing} {
		if err := CheckWritable(path); err != nil {
			t.Fatalf("CheckWritable(%s): %v", path, err)
		}
		if err := write(path, "new"); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(path); err != nil || st.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v", path, err)
		}
		if data, _ := os.ReadFile(target); string(data) != "new" {
			t.Errorf("%s through %s holds %q", target, path, data)
		}
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o666); err != nil {
		t.Skip(err)
	}
	fifoLink := filepath.Join(dir, "pipe-link")
	os.Symlink(fifo, fifoLink)
	for _, path := range []string{fifo, fifoLink} {
		if err := CheckWritable(path); err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("CheckWritable(%s): %v; want a named pipe refused", path, err)
		}
		if err := write(path, "x"); err == nil {
			t.Errorf("Write(%s) replaced a named pipe", path)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the named pipe is gone: %v", err)
	}
}

// TestCheckWritableRefusesReadOnly: a file its owner made read-only is not
// replaced, although a rename could do it, and a log opened in place could not
// be written at all: refused before training, not after it, and told to give
// another file, not merely "is read-only", which says nothing to do. A
// name a shell would not read as one word is quoted ("'…/my ro.csv' is
// read-only"), where it stood bare; a plain one is not.
func TestCheckWritableRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ name, want string }{
		{"ro.csv", filepath.Join(dir, "ro.csv")},
		{"my ro.csv", "'" + filepath.Join(dir, "my ro.csv") + "'"},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte("keep\n"), 0o444); err != nil {
			t.Fatal(err)
		}
		if err := CheckWritable(path); err == nil || err.Error() != c.want+" is read-only: give another file" {
			t.Fatalf("CheckWritable of a read-only file: %v, want %q", err, c.want+" is read-only: give another file")
		}
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := CheckWritable(path); err != nil {
			t.Fatalf("CheckWritable of a writable file: %v", err)
		}
	}
}

// TestCheckWritableNamesThePath: a path through a file, not a directory,
// is refused naming the path and the file on its way (--save: cannot
// write f/x.ckpt: f is a regular file, not a directory; …;
// TestFileOnTheWayIsNamed), not Go's "lstat f/x.ckpt: not a directory".
func TestCheckWritableNamesThePath(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "f")
	if err := os.WriteFile(f, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(f, "x.ckpt")
	err := CheckWritable(path)
	if want := "cannot write " + path + ": " + f + " is a regular file, not a directory; give a file in another directory"; err == nil || err.Error() != want {
		t.Errorf("CheckWritable(%s) = %v, want %q", path, err, want)
	}
}

// TestCannotWriteSaysWhatIsWrong: a path whose file cannot be created is
// refused naming it with what is wrong, by CheckWritable and Write alike: a
// directory that does not exist, or one that is there but takes no new files,
// as /proc, where the system answers "no such file or directory" all the same,
// or one its user may not write in (checked only where that holds: root writes
// it all the same), its file theirs to write. --log /proc/x.csv is not "cannot
// write in the directory of /proc/x.csv: no such file or directory", of a
// directory that exists, nor --save ro/run.ckpt "cannot write ro/run.ckpt:
// permission denied", of a file its user may write, the directory unnamed.
// CheckWritable, the check before a run, says what to give instead, as of a
// read-only file: "…; give a file in another directory" (of a missing one,
// "make it, or …"); a write that fails later says what was lost instead.
func TestCannotWriteSaysWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	cases := map[string]string{
		filepath.Join(missing, "x.ckpt"): "cannot write " + filepath.Join(missing, "x.ckpt") + ": the directory " + missing + " does not exist",
	}
	if st, err := os.Stat("/proc/self"); err == nil && st.IsDir() { // Linux's /proc
		cases["/proc/self/x.csv"] = "cannot write /proc/self/x.csv: the directory /proc/self takes no new files (creating one there: no such file or directory)"
	}
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(ro, "run.ckpt")
	if err := os.WriteFile(theirs, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(ro, 0o755)
	want := "cannot write " + theirs + ": the directory " + ro + " takes no new files (creating one there: permission denied)"
	if os.Geteuid() != 0 {
		cases[theirs] = want
	}
	if err := cannotCreate(theirs, theirs, &fs.PathError{Op: "open", Path: filepath.Join(ro, ".run.ckpt.tmp-0123abcd"), Err: syscall.EACCES}); err.Error() != want {
		t.Errorf("creating a file in %s refused: %v, want %q", ro, err, want)
	}
	// The current directory is named as that, with its path: "the directory ."
	// would tell a user of the trainer's keys, which write there, nothing.
	t.Chdir(ro)
	here := "cannot write run.ckpt: the current directory " + ro + " takes no new files (creating one there: permission denied)"
	if err := cannotCreate("run.ckpt", "run.ckpt", &fs.PathError{Op: "open", Path: ".run.ckpt.tmp-0123abcd", Err: syscall.EACCES}); err.Error() != here {
		t.Errorf("creating a file in the current directory refused: %v, want %q", err, here)
	} else if de := (*DirError)(nil); !errors.As(err, &de) || de.Dir != "." || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("creating a file in the current directory refused: %#v, not a DirError of \".\" that is the system's", err)
	}
	for path, want := range cases {
		instead := "; give a file in another directory"
		if strings.HasSuffix(want, " does not exist") {
			instead = "; make it, or give a file in another directory"
		}
		if err := CheckWritable(path); err == nil || err.Error() != want+instead {
			t.Errorf("CheckWritable(%s) = %v, want %q", path, err, want+instead)
		}
		err := Write(path, 0o644, anyKind, func(io.Writer) error { return nil })
		if err == nil || err.Error() != want {
			t.Errorf("Write(%s) = %v, want %q", path, err, want)
		}
	}
}

// TestKilledWritesFileRemoved: a process killed with SIGKILL mid-write
// leaves its temporary file, which it held while it lived: a write of
// the same path meanwhile keeps it, the next one after the kill removes
// it. The child is this test binary, in TestHoldTemporaryFile. So it
// does of one made under a umask that takes the owner's write bit away
// (umask 277: the file read-only, r--------), which is no file left
// whole (leaveWhole's mark), however read-only.
func TestKilledWritesFileRemoved(t *testing.T) {
	for _, umask := range []string{"", "277"} {
		t.Run("umask "+umask, func(t *testing.T) { killedWritesFileRemoved(t, umask) })
	}
}

func killedWritesFileRemoved(t *testing.T, umask string) {
	path := filepath.Join(t.TempDir(), "run.ckpt")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldTemporaryFile$")
	cmd.Env = append(os.Environ(), "OUTPUTFILE_HOLD="+path, "OUTPUTFILE_UMASK="+umask)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe() // never written: the child waits on it
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() {
		cmd.Process.Kill()
		t.Fatalf("the child said nothing: %v", cmd.Wait())
	}
	temp := lines.Text()
	write := func() {
		t.Helper()
		if err := Write(path, 0o600, anyKind, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
			t.Fatal(err)
		}
	}
	write()
	st, err := os.Lstat(temp)
	if err != nil {
		t.Fatalf("the temporary file of a live write: %v", err)
	}
	if umask != "" && st.Mode().Perm() != 0o400 {
		t.Fatalf("the temporary file made under umask %s: mode %v, want r--------", umask, st.Mode().Perm())
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	write()
	if _, err := os.Lstat(temp); err == nil {
		t.Errorf("%s, a killed write's, is still there", filepath.Base(temp))
	}
}

// TestHoldTemporaryFile is TestKilledWritesFileRemoved's child: it makes
// a temporary file as a write does, prints its name and waits on its
// standard input until it is killed.
func TestHoldTemporaryFile(t *testing.T) {
	path := os.Getenv("OUTPUTFILE_HOLD")
	if path == "" {
		t.Skip("run by TestKilledWritesFileRemoved")
	}
	if m, err := strconv.ParseUint(os.Getenv("OUTPUTFILE_UMASK"), 8, 32); err == nil {
		syscall.Umask(int(m))
	}
	f, err := createTemp(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println(f.Name())
	io.Copy(io.Discard, os.Stdin)
}

// TestCheckDirSaysWhyNoFile: CheckDir finds a directory that takes files as it
// is, nothing left in it, and says why one takes none as a write there would, a
// DirError of the directory, the system's words in it: permission denied for
// one its user may not write (checked only where that holds: root writes it all
// the same), not a directory for a path through a file, and no such file or
// directory for Linux's /proc, which answers so of itself; "." is named by its
// path. The directory is named in the error, not left to its caller to name
// beside the system's words.
func TestCheckDirSaysWhyNoFile(t *testing.T) {
	dir := t.TempDir()
	if err := CheckDir(dir); err != nil {
		t.Fatalf("CheckDir of a writable directory: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("CheckDir left %v", entries)
	}
	f := filepath.Join(dir, "f")
	if err := os.WriteFile(f, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	const why = " takes no new files (creating one there: "
	sub := filepath.Join(f, "sub")
	cases := map[string]string{sub: "the directory " + sub + why + "not a directory)"}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		cases[ro] = "the directory " + ro + why + "permission denied)"
	}
	if st, err := os.Stat("/proc/self"); err == nil && st.IsDir() {
		cases["/proc/self"] = "the directory /proc/self" + why + "no such file or directory)"
		t.Chdir("/proc/self")
		cases["."] = "the current directory /proc/self" + why + "no such file or directory)"
	}
	for path, want := range cases {
		de := (*DirError)(nil)
		if err := CheckDir(path); !errors.As(err, &de) || err.Error() != want || de.Path != "" || de.Target != "" {
			t.Errorf("CheckDir(%s) = %#v, want a DirError %q", path, err, want)
		}
	}
}

// TestRemovedCurrentDirectoryIsNamed: the current directory removed since the
// process started there, which the system can no longer name (os.Getwd fails),
// is named by the path the process started in, and said to be removed, by
// CheckDir and by every write there: one begun after (Write, CheckWritable,
// Claim: --log) and one whose temporary file was made before (a key's write
// under way, --save held from the start): "the current directory /srv/class was
// removed while ganui ran"; not named by that path where the process moved to
// another since. A directory gone as the process started is said so, unnamed.
// CheckDir does not say it "takes no new files (creating one there: no such
// file or directory)", nor a write under way that "its hidden temporary file
// beside it was removed before it was renamed into place".
func TestRemovedCurrentDirectoryIsNamed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "class")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	wasDir, wasFound := startDir, startFound
	t.Cleanup(func() { startDir, startFound = wasDir, wasFound })
	t.Chdir(dir)
	startDir, startFound = startedIn() // the process started there
	held, err := Hold("held.ckpt", 0o600, anyKind, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Getwd(); err == nil {
		t.Skip("this system still names a removed current directory")
	}
	if st, err := os.Stat("."); err != nil || !unlinked(st) {
		t.Skipf("this system does not tell a removed directory (%v)", err)
	}
	removed := "the current directory " + dir + " was removed while ganui ran"
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	claim := func() error {
		c, err := Claim("run.csv")
		if err == nil {
			c.Release()
		}
		return err
	}
	for what, c := range map[string]struct {
		err  error
		want string
	}{
		"CheckDir":      {CheckDir("."), removed},
		"Write":         {Write("run.ckpt", 0o600, anyKind, fill), "cannot write run.ckpt: " + removed},
		"CheckWritable": {CheckWritable("run.ckpt"), "cannot write run.ckpt: " + removed + "; give a file in another directory"},
		"Claim":         {claim(), "cannot write run.csv: " + removed},
		"a held write":  {held.Write(fill, nil), "cannot write held.ckpt: " + removed},
	} {
		de := (*DirError)(nil)
		if !errors.As(c.err, &de) || c.err.Error() != c.want || de.Here() != dir {
			t.Errorf("%s in a removed directory = %v, want %q, naming %s", what, c.err, c.want, dir)
		}
	}

	startDir, startFound = wasDir, wasFound // the process started elsewhere
	want := "the current directory was removed while ganui ran"
	if err := CheckDir("."); err == nil || err.Error() != want {
		t.Errorf("CheckDir(.) of a removed directory not the one started in = %v, want %q", err, want)
	}
	startDir, startFound = startedIn() // the directory was gone as the process started
	want = "the current directory was removed before ganui started"
	if err := CheckDir("."); err == nil || err.Error() != want {
		t.Errorf("CheckDir(.) of a directory removed before the start = %v, want %q", err, want)
	}
}

// TestRemovedDirectoryAboveIsNamed: with the current directory removed, and
// the one above it too (rm -rf /tmp/x run from /tmp/x/class), a file given by
// a relative path, --save ../r.ckpt, has its directory named by the path it had
// as the process started, "the directory /tmp/x was removed while ganui ran",
// by a write begun after and one held from the start, by CheckDir and by
// DirGone: "the directory .." names nothing once "." is gone.
func TestRemovedDirectoryAboveIsNamed(t *testing.T) {
	above := filepath.Join(t.TempDir(), "x")
	dir := filepath.Join(above, "class")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	wasDir, wasFound := startDir, startFound
	t.Cleanup(func() { startDir, startFound = wasDir, wasFound })
	t.Chdir(dir)
	startDir, startFound = startedIn() // the process started there
	held, err := Hold("../held.ckpt", 0o600, anyKind, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	if err := os.RemoveAll(above); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Getwd(); err == nil {
		t.Skip("this system still names a removed current directory")
	}
	if st, err := os.Stat(".."); err != nil || !unlinked(st) {
		t.Skipf("this system does not tell a removed directory (%v)", err)
	}
	removed := "the directory " + above + " was removed while ganui ran"
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	for what, c := range map[string]struct {
		err  error
		want string
	}{
		"CheckDir":     {CheckDir(".."), removed},
		"Write":        {Write("../r.ckpt", 0o600, anyKind, fill), "cannot write ../r.ckpt: " + removed},
		"a held write": {held.Write(fill, nil), "cannot write ../held.ckpt: " + removed},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("%s above a removed directory = %v, want %q", what, c.err, c.want)
		}
	}
	if got, gone := DirGone("../r.ckpt"); got != above || !gone {
		t.Errorf("DirGone(../r.ckpt) = %q, %v, want %q, true", got, gone, above)
	}
}

// TestBusyIsAnotherProcessWrite: a path is busy while another process
// holds a temporary file for it (a second run's --save is refused), not
// while this process's own write is under way, nor once the other's
// write has ended or was killed.
func TestBusyIsAnotherProcessWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	ours, err := createTemp(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close()
	if err := Busy(path); err != nil {
		t.Fatalf("with this process's write under way: %v", err)
	}
	theirs, err := os.Create(filepath.Join(dir, ".run.ckpt.tmp-0123abcd"))
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	if err := syscall.Flock(int(theirs.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	if err := Busy(path); err == nil || err.Error() != path+" is being written by another process: give another file" {
		t.Fatalf("with another process's write under way: %v", err)
	}
	theirs.Close()
	if err := Busy(path); err != nil {
		t.Fatalf("once the other's write ended: %v", err)
	}
}

// TestRefusalsQuoteTheirNames: an output refused before it is written
// names it quoted where a shell would not read it as one word, as every
// file not written is named: another process's write under way (Busy),
// a file of another kind there (OfKind), its lock taken by another
// since Claim looked (Claim), no room for it (Reserve);
// "'…/my runs/my run.ckpt' is being written by another process", where
// each named it bare.
func TestRefusalsQuoteTheirNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "my run.ckpt")
	q := "'" + path + "'"
	theirs, err := os.Create(filepath.Join(dir, ".my run.ckpt.tmp-0123abcd"))
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(theirs.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	if err, want := Busy(path), q+" is being written by another process: give another file"; err == nil || err.Error() != want {
		t.Errorf("Busy: %v, want %q", err, want)
	}
	theirs.Close()
	os.Remove(theirs.Name())

	ckpt := Kind{"a checkpoint", func(r io.Reader) bool { return false }}
	os.WriteFile(path, []byte("my preset"), 0o600)
	if err, want := OfKind(path, ckpt), q+" is not a checkpoint (it would be replaced); give another name or remove it"; err == nil || err.Error() != want {
		t.Errorf("OfKind: %v, want %q", err, want)
	}
	os.Remove(path)

	// Claim's own lock refused, another's taken since its look (checked).
	os.WriteFile(path, nil, 0o600)
	defer func(was func()) { checked = was }(checked)
	checked = func() {
		checked = func() {}
		other, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { other.Close() })
		if err := syscall.Flock(int(other.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			t.Fatal(err)
		}
	}
	if c, err := Claim(path); err == nil || err.Error() != q+" is being written by another process: give another file" {
		if c != nil {
			c.File.Close()
		}
		t.Errorf("Claim, its lock taken since its look: %v, want %q", err, q+" is being written by another process: give another file")
	}
	os.Remove(path)

	defer func(a func(gatedWriter, int64) error) { allocate = a }(allocate)
	allocate = func(w gatedWriter, _ int64) error {
		return &os.PathError{Op: "fallocate", Path: w.f.Name(), Err: syscall.ENOSPC}
	}
	if _, err := Reserve(path, 0o600, anyKind, 1234567); err == nil || err.Error() != "cannot reserve 1,234,567 bytes for "+q+": "+syscall.ENOSPC.Error() {
		t.Errorf("Reserve without room: %v, want %q", err, "cannot reserve 1,234,567 bytes for "+q+": "+syscall.ENOSPC.Error())
	}
}

// TestWriteSaysWhatWasRemovedUnderIt: a reserved write whose directory was
// removed while it waited (an output directory cleaned up under a run) says so
// of the path the user gave, as a write that finds it missing at its start
// does, and one whose temporary file alone was removed says that, not the
// rename's own words, which name the path twice, "rename out/run.ckpt
// out/run.ckpt: no such file or directory".
func TestWriteSaysWhatWasRemovedUnderIt(t *testing.T) {
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	out := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(out, "run.ckpt")
	r, err := Reserve(path, 0o600, anyKind, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	want := "cannot write " + path + ": the directory " + out + " was removed while ganui ran"
	err = r.Write(fill, nil)
	if err == nil || err.Error() != want {
		t.Errorf("its directory removed: %v, want %q", err, want)
	}
	// A caller naming several files there says the directory's removal
	// once (session.OutputsError): it is told apart, and said apart from
	// the file.
	var de *DirError
	if !errors.As(err, &de) || !de.RemovedWhile() || de.Cause() != "the directory "+out+" was removed while ganui ran" || de.File() != "run.ckpt" {
		t.Errorf("its directory removed: %#v, want a DirError removed while ganui ran, of run.ckpt", de)
	}

	path = filepath.Join(t.TempDir(), "run.ckpt")
	if r, err = Reserve(path, 0o600, anyKind, 10); err != nil {
		t.Fatal(err)
	}
	temp, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".run.ckpt.tmp-*"))
	if len(temp) != 1 || os.Remove(temp[0]) != nil {
		t.Fatalf("the reserved file: %q", temp)
	}
	want = "cannot write " + path + ": its hidden temporary file beside it was removed before it was renamed into place"
	if err := r.Write(fill, nil); err == nil || err.Error() != want {
		t.Errorf("its temporary file removed: %v, want %q", err, want)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the file: %v, want none written", err)
	}
}

// TestPlaceRefusedSaysTheDirectory (chmod 555 of an output directory under a
// run): a rename into a directory made read-only while the file was written is
// said of the directory, a *DirError that a caller telling of several files
// there says once (session.OutputsError), not "cannot write out/run.ckpt:
// permission denied" of each file. The refusal is the system's for a user who
// may not write there, given here as root is refused nothing.
func TestPlaceRefusedSaysTheDirectory(t *testing.T) {
	out := t.TempDir()
	path := filepath.Join(out, "run.ckpt")
	temp := filepath.Join(out, ".run.ckpt.tmp-0123abcd")
	if err := os.WriteFile(temp, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err := cannotPlace(temp, path, &os.LinkError{Op: "rename", Old: temp, New: path, Err: syscall.EACCES})
	want := "cannot write " + path + ": the directory " + out + " takes no new files (renaming one into place there: permission denied)"
	var de *DirError
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	} else if !errors.As(err, &de) || de.Dir != out || de.File() != "run.ckpt" || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("%#v: want a DirError of %s, of run.ckpt, that is the system's", err, out)
	}
}

// TestHoldRefusesOneOfTwoAtOnce: of two processes holding one path at the same
// instant, exactly one is refused, with Busy's error, in the worst order there
// is: the other process comes to its Hold after this one has found the path
// free and before it has made its file (atOnce). Both must not be let through,
// each having looked and found nothing, two runs saving to one file.
func TestHoldRefusesOneOfTwoAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my run.ckpt") // named quoted
	var ours *Reservation
	theirs, err := atOnce(t, "hold", path, func() (err error) {
		ours, err = Hold(path, 0o600, anyKind, 0)
		return err
	})
	want := "'" + path + "' is being written by another process: give another file"
	switch {
	case err != nil:
		t.Errorf("this process's Hold, first to find the path free: %v", err)
	case theirs != want:
		t.Errorf("the other process's Hold, at the same instant: %q, want %q", theirs, want)
	}
	if ours != nil {
		ours.Release()
	}
}

// TestClaimRefusesOneOfTwoAtOnce: of two processes claiming one path at
// the same instant, exactly one is refused, with Busy's error, in the
// worst order there is: the other process comes to its Claim after this
// one has opened the file, made by it, and before it has taken its lock
// (atOnce). The file this one claimed is left as it was, and stays at
// its name.
func TestClaimRefusesOneOfTwoAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my run.csv") // named quoted
	var ours *Claimed
	theirs, err := atOnce(t, "claim", path, func() (err error) {
		ours, err = Claim(path)
		return err
	})
	want := "'" + path + "' is being written by another process: give another file"
	switch {
	case err != nil:
		t.Fatalf("this process's Claim, first to open the file: %v", err)
	case theirs != want:
		t.Errorf("the other process's Claim, at the same instant: %q, want %q", theirs, want)
	}
	if !stillNamed(ours.File) {
		t.Error("the claimed file is no longer at its name")
	}
	ours.Release()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the file Claim made, released unwritten: %v, want none left", err)
	}
}

// TestHoldAndClaimRefuseEachOther: a path one process writes either way, held
// (a run's --save) or claimed (a run's --log), is busy to another process's
// look (Busy) and refused to its Hold and its Claim, at the same instant too
// (atOnce), so that two runs on one name, a --save and a --log, are not both
// let through, the later one's end replacing, or writing into, the other's
// file, which one of them would find out at its end.
func TestHoldAndClaimRefuseEachOther(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run")
	want := path + " is being written by another process: give another file"
	theirs, err := os.Create(path) // claimed by another process, as Claim's lock holds it
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(theirs.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	if err := Busy(path); err == nil || err.Error() != want {
		t.Errorf("Busy of a file another process has claimed: %v, want %q", err, want)
	}
	theirs.Close()
	if err := Busy(path); err != nil {
		t.Errorf("Busy once the other's claim ended: %v", err)
	}
	os.Remove(path)

	var held *Reservation
	claimed, err := atOnce(t, "claim", path, func() (err error) {
		held, err = Hold(path, 0o600, anyKind, 0)
		return err
	})
	if err != nil || claimed != want {
		t.Errorf("a Hold, and another process's Claim at the same instant: %v and %q, want nil and %q", err, claimed, want)
	}
	if held != nil {
		held.Release()
	}
	var claim *Claimed
	holding, err := atOnce(t, "hold", path, func() (err error) {
		claim, err = Claim(path)
		return err
	})
	if err != nil || holding != want {
		t.Errorf("a Claim, and another process's Hold at the same instant: %v and %q, want nil and %q", err, holding, want)
	}
	if claim != nil {
		claim.Release()
	}
}

// atOnce runs take, this process's Hold or Claim (how) of path, and has
// another process (this test binary, in TestTakeAsAnotherProcess) take
// path the same way in the worst order there is: when take has looked
// for another's write and not yet made or locked its own (checked). It
// returns what the other process said of its take, "taken" or its
// error, and take's error.
func atOnce(t *testing.T, how, path string, take func() error) (theirs string, err error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTakeAsAnotherProcess$")
	cmd.Env = append(os.Environ(), "OUTPUTFILE_TAKE="+how, "OUTPUTFILE_TAKE_PATH="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe() // closed to end the child
	if err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stdout)
	defer func(was func()) { checked = was }(checked)
	checked = func() {
		checked = func() {}
		if err := cmd.Start(); err != nil {
			t.Error(err)
			return
		}
		// Until the child waits for this take's step to end ("locking"),
		// or, not waiting, has taken the path or been refused.
		lines.Scan()
		theirs = lines.Text()
	}
	err = take()
	if theirs == "locking" {
		lines.Scan()
		theirs = lines.Text()
	}
	stdin.Close()
	if werr := cmd.Wait(); werr != nil {
		t.Errorf("the child: %v", werr)
	}
	return theirs, err
}

// TestTakeAsAnotherProcess is atOnce's child: it holds or claims the
// path (OUTPUTFILE_TAKE), saying "locking" when it comes to the one
// step under its directory's lock, then "taken" or its error, and keeps
// what it took until its standard input is closed.
func TestTakeAsAnotherProcess(t *testing.T) {
	path := os.Getenv("OUTPUTFILE_TAKE_PATH")
	if path == "" {
		t.Skip("run by atOnce")
	}
	locking = func() { fmt.Println("locking") }
	var release func()
	var err error
	switch how := os.Getenv("OUTPUTFILE_TAKE"); how {
	case "hold":
		var r *Reservation
		if r, err = Hold(path, 0o600, anyKind, 0); err == nil {
			release = func() { r.Release() }
		}
	case "claim":
		var c *Claimed
		if c, err = Claim(path); err == nil {
			release = c.Release
		}
	default:
		t.Fatalf("OUTPUTFILE_TAKE=%q", how)
	}
	if err != nil {
		fmt.Println(err)
	} else {
		fmt.Println("taken")
		defer release()
	}
	io.Copy(io.Discard, os.Stdin)
}

// TestReleaseLeavesWhatWasThere: a claim given back unwritten removes
// the file Claim made, and leaves one that was there, its bytes as they
// were: a run stopped before its first row leaves the path as it found
// it.
func TestReleaseLeavesWhatWasThere(t *testing.T) {
	dir := t.TempDir()
	made, there := filepath.Join(dir, "new.csv"), filepath.Join(dir, "old.csv")
	if err := os.WriteFile(there, []byte("epoch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{made, there} {
		c, err := Claim(path)
		if err != nil {
			t.Fatal(err)
		}
		c.Release()
		if err := Busy(path); err != nil {
			t.Errorf("%s released: %v", path, err)
		}
	}
	if _, err := os.Stat(made); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the file Claim made: %v, want none left", err)
	}
	if got, err := os.ReadFile(there); err != nil || string(got) != "epoch\n" {
		t.Errorf("the file that was there: %q, %v", got, err)
	}
}

// TestLongNamesAreWritten: a name as long as the file system takes one (255
// bytes), of letters of two bytes too, is checked, held and written as any
// other, and the temporary file a killed write of it left is removed by the
// next write: its temporary file's name, 14 bytes longer, must not be too long
// and the name refused, "cannot write …: file name too long", of a name the
// system takes.
func TestLongNamesAreWritten(t *testing.T) {
	dir := t.TempDir()
	bases := []string{strings.Repeat("a", 250) + ".ckpt", strings.Repeat("é", 125) + ".ckpt"}
	for _, base := range bases {
		path := filepath.Join(dir, base)
		if err := CheckWritable(path); err != nil {
			t.Fatalf("CheckWritable of a name of %d bytes: %v", len(base), err)
		}
		stale, err := createTemp(path, 0o600) // a killed write's, once closed
		if err != nil {
			t.Fatal(err)
		}
		stale.Close()
		finished(stale)
		if name := filepath.Base(stale.Name()); !utf8.ValidString(name) {
			t.Errorf("the temporary file's name %q cuts a letter", name)
		}
		r, err := Hold(path, 0o600, anyKind, 10)
		if err != nil {
			t.Fatalf("Hold of a name of %d bytes: %v", len(base), err)
		}
		if err := r.Write(func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }, nil); err != nil {
			t.Fatal(err)
		}
		if data, err := os.ReadFile(path); err != nil || string(data) != "x" {
			t.Errorf("the file of %d bytes' name: %q, %v", len(base), data, err)
		}
		if _, err := os.Lstat(stale.Name()); err == nil {
			t.Errorf("%s, a killed write's, is still there", filepath.Base(stale.Name()))
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(bases) {
		t.Errorf("left in the directory: %v, want the %d files alone", entries, len(bases))
	}
}

// TestLinksAreNamedAsGiven: a write refused through a symbolic link names the
// link, as the user gave it, and where it points, by CheckWritable, Write and
// Claim alike: a link to a directory, "dlink is a link to d, a directory, not a
// regular file: name a file in it" (what a directory given itself is told to
// give), and a dangling link into a directory that does not exist, "cannot
// write dl.csv, a link to nowhere/x.csv: the directory nowhere does not exist".
// Not the link's target alone, "d is a directory, not a regular file" and
// "cannot write nowhere/x.csv: …", the name the user typed nowhere.
func TestLinksAreNamedAsGiven(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("d", 0o755); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{"dlink": "d", "dl.csv": filepath.Join("nowhere", "x.csv"), "loop1": "loop2", "loop2": "loop1"} {
		if err := os.Symlink(to, link); err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]string{
		"dlink":  "dlink is a link to d, a directory, not a regular file: name a file in it",
		"dl.csv": "cannot write dl.csv, a link to " + filepath.Join("nowhere", "x.csv") + ": the directory nowhere does not exist; make it, or give a file in another directory",
		// Links that lead round in a loop, as an input's are told
		// (inputfile.LinkLoop), not "too many levels of symbolic links"; and a
		// loop on the way to the file.
		"loop1":         "loop1: its symbolic links lead round in a loop, to no file: name the file itself",
		"loop2/run.csv": "loop2/run.csv: its symbolic links lead round in a loop, to no file: name the file itself",
	} {
		checkRefused(t, path, want)
	}
}

// TestFileOnTheWayIsNamed: a write whose path has a file where a directory
// belongs (--log run.ckpt/x.csv, run.ckpt a checkpoint) names that file, the
// nearest to the path however deep the path goes past it, and says what to
// give instead, as a directory that does not exist is told, by CheckWritable,
// Write and Claim alike: not the system's "run.ckpt/x.csv: not a directory",
// which named no file and gave no way out.
func TestFileOnTheWayIsNamed(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("run.ckpt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"run.ckpt/x.csv":       "cannot write run.ckpt/x.csv: run.ckpt is a regular file, not a directory; give a file in another directory",
		"run.ckpt/sub/x.png":   "cannot write run.ckpt/sub/x.png: run.ckpt is a regular file, not a directory; give a file in another directory",
		"/dev/null/x.ckpt":     "cannot write /dev/null/x.ckpt: /dev/null is a device, not a directory; give a file in another directory",
		"./run.ckpt/../x.ckpt": "cannot write ./run.ckpt/../x.ckpt: ./run.ckpt is a regular file, not a directory; give a file in another directory", // on its way as written, not cleaned
	} {
		checkRefused(t, path, want)
	}
}

// TestUnenterableDirectoryIsNamed: a write into a directory its user may not
// enter (no search permission, x) names that directory, the nearest to the file
// that can be looked up itself, however deep the file lies under it and through
// a link: --log noexec/a.csv is not "noexec/a.csv: permission denied", the
// directory unnamed. Whole only where that holds (root enters it all the same);
// the message itself everywhere.
func TestUnenterableDirectoryIsNamed(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("noexec", 0o666); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod("noexec", 0o755)
	if err := os.Chmod("noexec", 0o666); err != nil { // the umask's cut put back
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("noexec", "a.csv"), "nl.csv"); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join("noexec", "a.csv")
	why := ": the directory noexec may not be entered (permission denied)"
	if err := unenterable(a, a, &fs.PathError{Op: "lstat", Path: a, Err: syscall.EACCES}); err.Error() != "cannot write "+a+why {
		t.Errorf("unenterable(%s) = %v", a, err)
	} else if de := (*DirError)(nil); !errors.As(err, &de) || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("unenterable(%s) = %#v, not a DirError that is the system's", a, err)
	}
	if os.Geteuid() == 0 {
		return
	}
	deep := filepath.Join("noexec", "sub", "a.csv")
	for path, want := range map[string]string{
		a:        "cannot write " + a + why,
		deep:     "cannot write " + deep + why,
		"nl.csv": "cannot write nl.csv, a link to " + a + why,
	} {
		checkRefused(t, path, want)
	}
}

// checkRefused fails t unless CheckWritable, Write and Claim each refuse
// path with want.
func checkRefused(t *testing.T, path, want string) {
	t.Helper()
	if err := CheckWritable(path); err == nil || err.Error() != want {
		t.Errorf("CheckWritable(%s) = %v, want %q", path, err, want)
	}
	// CheckWritable alone, the check before a run, says what to give
	// instead of a directory that does not exist.
	want = strings.TrimSuffix(want, "; make it, or give a file in another directory")
	if err := Write(path, 0o644, anyKind, func(io.Writer) error { return nil }); err == nil || err.Error() != want {
		t.Errorf("Write(%s) = %v, want %q", path, err, want)
	}
	if c, err := Claim(path); err == nil || err.Error() != want {
		t.Errorf("Claim(%s) = %v, want %q", path, err, want)
		if err == nil {
			c.Release()
		}
	}
}

// TestRemovedDirectoryIsSaidRemoved (ganui --headless --save
// /tmp/x/run.ckpt --log /tmp/x/run.csv, /tmp/x removed under the run): a
// directory named by its path that a write had made a file in, gone
// since, "was removed while ganui ran", as the current directory removed
// is said to be, where it had been said to be one that "does not
// exist", as a mistyped path is; one never written in still does not.
func TestRemovedDirectoryIsSaidRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fill := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	held, err := Hold(filepath.Join(dir, "run.ckpt"), 0o600, anyKind, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	if err := Write(filepath.Join(dir, "run.csv"), 0o600, anyKind, fill); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	removed := "the directory " + dir + " was removed while ganui ran"
	for what, c := range map[string]struct {
		err  error
		want string
	}{
		"a held write":  {held.Write(fill, nil), "cannot write " + dir + "/run.ckpt: " + removed},
		"Write":         {Write(filepath.Join(dir, "run.csv"), 0o600, anyKind, fill), "cannot write " + dir + "/run.csv: " + removed},
		"CheckWritable": {CheckWritable(filepath.Join(dir, "run.png")), "cannot write " + dir + "/run.png: " + removed + "; give a file in another directory"},
		"never written": {Write(filepath.Join(dir+"y", "run.csv"), 0o600, anyKind, fill), "cannot write " + dir + "y/run.csv: the directory " + dir + "y does not exist"},
	} {
		if !errors.As(c.err, new(*DirError)) || c.err == nil || c.err.Error() != c.want {
			t.Errorf("%s = %v, want %q", what, c.err, c.want)
		}
	}
}

// TestReadOnlyDirectoryLeavesTheWriteWhole (chmod 555 of an output
// directory under a run): a held write whose directory no longer takes
// new files, refused its rename into place, is left whole in its
// temporary file, written open, cut to its size (1,000 bytes were
// reserved), made read-only and named with the command that puts it in
// place, where it was emptied, the checkpoint lost, "…; its hidden
// temporary file … is left there, emptied (removing it: permission
// denied): remove it once you can". The refusal is said of the
// directory as before, a *DirError. A later write of the same path, the
// directory writable again, writes its own and leaves that file be, not
// taken for a killed write's leftover; and the command named puts it in
// place, its mode as written. The refusals are the system's for a user
// who may not write there, given here (dirOps) as root is refused
// nothing.
func TestReadOnlyDirectoryLeavesTheWriteWhole(t *testing.T) {
	// refuse has the directory refuse what a read-only one refuses, until
	// the function it returns is called: a new file where create (made
	// read-only before the write's end), a rename into place, and from
	// then on a removal (made read-only between the write's look and its
	// rename).
	refuse := func(create bool) (writable func()) {
		was := dirOps
		if create {
			dirOps.create = func(name string, _ int, _ fs.FileMode) (*os.File, error) {
				return nil, &os.PathError{Op: "open", Path: name, Err: syscall.EACCES}
			}
		}
		refused := create
		dirOps.rename = func(old, new string) error {
			refused = true
			return &os.LinkError{Op: "rename", Old: old, New: new, Err: syscall.EACCES}
		}
		dirOps.remove = func(name string) error {
			if !refused {
				return was.remove(name)
			}
			return &os.PathError{Op: "remove", Path: name, Err: syscall.EACCES}
		}
		return func() { dirOps = was }
	}
	for _, c := range []struct {
		name   string
		create bool // a new file refused: the directory made read-only before the write's end
	}{
		{"read-only", true},
		{"its rename alone refused", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			path := filepath.Join(out, "run.ckpt")
			r, err := Hold(path, 0o600, anyKind, 1000)
			if err != nil {
				t.Fatal(err)
			}
			temp, _ := filepath.Glob(filepath.Join(out, ".run.ckpt.tmp-*"))
			if len(temp) != 1 {
				t.Fatalf("the held file: %q", temp)
			}
			writable := refuse(c.create)
			defer writable()
			err = r.Write(func(w io.Writer) error { _, err := io.WriteString(w, "checkpoint"); return err }, nil)
			put := "test ! -d " + path + " && mv " + temp[0] + " " + path + " && chmod 600 " + path
			want := "cannot write " + path + ": the directory " + out + " takes no new files (renaming one into place there: permission denied); what was to be written there is left whole in its hidden temporary file " + temp[0] + ", read-only, which no later write of run.ckpt removes: once the directory is writable, " + put + " puts it in place"
			if err == nil || err.Error() != want {
				t.Errorf("got %v, want %q", err, want)
			}
			var de *DirError
			var ue *UnplacedError
			if !errors.As(err, &de) || de.Dir != out || !errors.Is(err, fs.ErrPermission) || !errors.As(err, &ue) || ue.Temp != temp[0] || ue.Put() != put {
				t.Fatalf("%#v: want a DirError of %s and an UnplacedError of %s", err, out, temp[0])
			}
			if b, err := os.ReadFile(temp[0]); err != nil || string(b) != "checkpoint" {
				t.Errorf("the file left holds %q (%v), want what was written", b, err)
			}
			if st, err := os.Stat(temp[0]); err != nil || st.Mode().Perm() != 0o500 {
				t.Errorf("the file left: %v, %v; want it read-only, marked left whole (r-x------)", st, err)
			}
			writable()
			if err := Write(path, 0o600, anyKind, func(w io.Writer) error { _, err := io.WriteString(w, "later"); return err }); err != nil {
				t.Fatalf("a later write: %v", err)
			}
			if left, _ := filepath.Glob(filepath.Join(out, ".run.ckpt.tmp-*")); len(left) != 1 || left[0] != temp[0] {
				t.Errorf("hidden files there after a later write: %q, want the one left", left)
			}
			// A directory made at the path since fails the command, which
			// changes nothing, where mv moved the file into it and the
			// chmod 600 after it locked the directory.
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("sh", "-c", put).CombinedOutput(); err == nil {
				t.Errorf("%s over a directory made there since: no failure, %s", put, out)
			}
			if in, err := os.ReadDir(path); err != nil || len(in) != 0 {
				t.Errorf("the directory made at %s since holds %v (%v), want it empty as it was", path, in, err)
			}
			if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o755 {
				t.Errorf("the directory made at %s since: %v, %v; want its mode as it was, 755", path, st, err)
			}
			if st, err := os.Stat(temp[0]); err != nil || st.Mode().Perm() != 0o500 {
				t.Errorf("the hidden file after the command failed: %v, %v; want it there, marked left whole (r-x------)", st, err)
			}
			// Gone again, and a file there, the command replaces it.
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte("later"), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("sh", "-c", ue.Put()).CombinedOutput(); err != nil {
				t.Fatalf("%s: %v, %s", ue.Put(), err, out)
			}
			if b, err := os.ReadFile(path); err != nil || string(b) != "checkpoint" {
				t.Errorf("put in place, %s holds %q (%v), want what was written", path, b, err)
			}
			if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
				t.Errorf("put in place: %v, %v; want mode 600", st, err)
			}
		})
	}
}

// TestReleaseNamesWhatItCannotRemove: a reservation given up unwritten
// (a diverged run's --save) whose directory, made read-only under the
// run, refuses its file's removal empties the file, the room reserved
// freed, and names it (a *LeftError, its Err the caller's to give), in
// the words a write's LeftError says; else the file would stay there, as
// large as the room, named by nothing. Release again leaves it be.
func TestReleaseNamesWhatItCannotRemove(t *testing.T) {
	r, temp := heldUnremovable(t)
	left := r.Release()
	want := "its hidden temporary file " + temp + " is left there, emptied (removing it: permission denied): remove it once you can"
	if left == nil || left.Temp != temp || left.Error() != want {
		t.Fatalf("got %v, want %q", left, want)
	}
	left.Err = errors.New("diverged")
	if got := left.Error(); got != "diverged; "+want {
		t.Errorf("with its reason: %q", got)
	}
	if st, err := os.Stat(temp); err != nil || st.Size() != 0 {
		t.Errorf("the file left: %v, %v; want it there, empty", st, err)
	}
	if again := r.Release(); again != nil {
		t.Errorf("released again: %v", again)
	}
}

// refuseRemovals has every directory refuse removals for the rest of t,
// as one made read-only does (which root, whom the system refuses
// nothing, cannot see).
func refuseRemovals(t *testing.T) {
	was := dirOps
	t.Cleanup(func() { dirOps = was })
	dirOps.remove = func(name string) error {
		return &os.PathError{Op: "remove", Path: name, Err: syscall.EACCES}
	}
}

// heldUnremovable holds run.ckpt in a directory of its own, a megabyte
// reserved, and has the directory refuse removals from then on, as one
// made read-only under the write does (which root, whom the system
// refuses nothing, cannot see): the Reservation and its file's path.
func heldUnremovable(t *testing.T) (*Reservation, string) {
	out := t.TempDir()
	r, err := Hold(filepath.Join(out, "run.ckpt"), 0o600, anyKind, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	temp, _ := filepath.Glob(filepath.Join(out, ".run.ckpt.tmp-*"))
	if len(temp) != 1 {
		t.Fatalf("the held file: %q", temp)
	}
	refuseRemovals(t)
	return r, temp[0]
}

// TestAbandonEmptiesWhatItCannotRemove: a process quitting at once (a
// second signal) whose write's directory, made read-only under it,
// refuses its temporary file's removal empties the file, so that the
// room reserved for the checkpoint is freed, not held by a hidden file,
// and names it (a *LeftError, its Err nil), in the words a write's
// LeftError says, for the line that says the quit: else the file would
// stay there named by nothing.
func TestAbandonEmptiesWhatItCannotRemove(t *testing.T) {
	allowWritesAfter(t)
	r, temp := heldUnremovable(t)
	defer r.Release()
	left := Abandon()
	if st, err := os.Stat(temp); err != nil || st.Size() != 0 {
		t.Errorf("the file left: %v, %v; want it there, empty", st, err)
	}
	want := "its hidden temporary file " + temp + " is left there, emptied (removing it: permission denied): remove it once you can"
	if len(left) != 1 || left[0].Temp != temp || left[0].Error() != want {
		t.Errorf("named: %v, want one %q", left, want)
	}
}

// TestAbandonedWriteWritesNoMore: a write under way when Abandon empties its
// temporary file, which the directory (made read-only under it) will not let
// be removed, writes nothing more into it: its next write fails
// (ErrAbandoned), and the file stays as Abandon's LeftError says it is left,
// emptied, while the write goes on to its end, as it may until the process
// exits. Were the write to go on into the file, it would grow back, sparse,
// past the hole the emptying left.
func TestAbandonedWriteWritesNoMore(t *testing.T) {
	allowWritesAfter(t)
	r, temp := heldUnremovable(t)
	filling, abandoned, wrote, looked := make(chan struct{}), make(chan struct{}), make(chan error), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- r.Write(func(w io.Writer) error {
			io.WriteString(w, "half of the checkpoint")
			close(filling)
			<-abandoned
			_, err := io.WriteString(w, ", and the rest")
			wrote <- err
			<-looked // the process exits about here
			return err
		}, nil)
	}()
	<-filling
	left := Abandon()
	close(abandoned)
	if err := <-wrote; !errors.Is(err, ErrAbandoned) {
		t.Errorf("the write after Abandon: %v, want %v", err, ErrAbandoned)
	}
	if st, err := os.Stat(temp); err != nil || st.Size() != 0 {
		t.Errorf("the file left: %v, %v; want it there, empty", st, err)
	}
	close(looked)
	<-done
	if len(left) != 1 || left[0].Temp != temp {
		t.Errorf("named: %v, want %s", left, temp)
	}
}

// TestWriteMakesNoFileToLook: a write makes no file in its directory
// but its temporary file, none to learn whether the directory takes new
// files: one made and removed would be left there, named by nothing, by
// a chmod between the two, here a directory that refuses removals
// throughout.
func TestWriteMakesNoFileToLook(t *testing.T) {
	r, _ := heldUnremovable(t)
	if err := r.Write(func(w io.Writer) error { _, err := io.WriteString(w, "checkpoint"); return err }, nil); err != nil {
		t.Fatal(err)
	}
	out := filepath.Dir(r.path)
	if hidden, _ := filepath.Glob(filepath.Join(out, ".*")); len(hidden) != 0 {
		t.Errorf("hidden files there: %q, want none", hidden)
	}
}

// TestCheckWritableNamesWhatItCannotRemove: CheckWritable, which makes a
// file beside its path and removes it to learn whether the directory takes
// one, names that file where the directory, made read-only between the
// two, will not let it be removed, as a write's temporary file left is
// named (a *LeftError), with the directory's refusal: else it would stay
// there named by nothing.
func TestCheckWritableNamesWhatItCannotRemove(t *testing.T) {
	out := t.TempDir()
	path := filepath.Join(out, "run.ckpt")
	refuseRemovals(t)
	err := CheckWritable(path)
	hidden, _ := filepath.Glob(filepath.Join(out, ".run.ckpt.tmp-*"))
	if len(hidden) != 1 {
		t.Fatalf("hidden files there: %q, want the one named; err %v", hidden, err)
	}
	want := "cannot write " + path + ": the directory " + out + " takes no new files (creating one there: permission denied); give a file in another directory; its hidden temporary file " + hidden[0] + " is left there, emptied (removing it: permission denied): remove it once you can"
	var le *LeftError
	if err == nil || err.Error() != want || !errors.As(err, &le) || le.Temp != hidden[0] {
		t.Errorf("got %v, want %q", err, want)
	}
}

// TestCheckDirNamesWhatItCannotRemove: CheckDir, which makes a file in its
// directory and removes it to learn whether the directory takes one, names
// that file, emptied, where the directory, made read-only between the two,
// will not let it be removed (a *LeftError around the DirError, which says
// the directory takes no new files), as a write's temporary file left is
// named: else it would stay there named by nothing.
func TestCheckDirNamesWhatItCannotRemove(t *testing.T) {
	dir := t.TempDir()
	refuseRemovals(t)
	err := CheckDir(dir)
	hidden, _ := filepath.Glob(filepath.Join(dir, ".ganui.tmp-*"))
	if len(hidden) != 1 {
		t.Fatalf("hidden files there: %q, want the one named; err %v", hidden, err)
	}
	want := "the directory " + dir + " takes no new files (removing one there: permission denied); its hidden temporary file " + hidden[0] + " is left there, emptied (removing it: permission denied): remove it once you can"
	var de *DirError
	var le *LeftError
	if err == nil || err.Error() != want || !errors.As(err, &de) || de.Dir != dir || !errors.As(err, &le) || le.Temp != hidden[0] {
		t.Errorf("got %v, want %q", err, want)
	}
	if st, err := os.Stat(hidden[0]); err != nil || st.Size() != 0 {
		t.Errorf("the file left: %v, %v; want it there, empty", st, err)
	}
}

// TestWhatTookThePathIsNotReplaced: a write begun over nothing (a --save
// held from a run's start) finds, at its end, a directory, a named pipe
// or a file of another kind made at its path meanwhile: it leaves that
// as it is and keeps what it wrote beside it, under a free name of the
// same extension, named in its error (a *KeptError), where the
// directory failed the write, "file exists", its contents removed, and
// the pipe was replaced without a word. A later write of the same path
// leaves the kept file alone: its name is none removeStale takes.
func TestWhatTookThePathIsNotReplaced(t *testing.T) {
	dir := t.TempDir()
	ckpt := Kind{"a checkpoint", func(r io.Reader) bool {
		b, _ := io.ReadAll(io.LimitReader(r, 4))
		return string(b) == "CKPT"
	}}
	fill := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	for _, c := range []struct {
		name, what string
		make       func(path string) error
		left       func(path string) bool // what was made is there still
	}{
		{"dir", "a directory", func(p string) error { return os.Mkdir(p, 0o777) },
			func(p string) bool { st, err := os.Lstat(p); return err == nil && st.IsDir() }},
		{"pipe", "a named pipe", func(p string) error { return syscall.Mkfifo(p, 0o666) },
			func(p string) bool { st, err := os.Lstat(p); return err == nil && st.Mode()&fs.ModeNamedPipe != 0 }},
		{"notes", "a file that is not a checkpoint", func(p string) error { return os.WriteFile(p, []byte("my notes"), 0o666) },
			func(p string) bool { b, _ := os.ReadFile(p); return string(b) == "my notes" }},
	} {
		path := filepath.Join(dir, c.name+".ckpt")
		kept := filepath.Join(dir, c.name+".kept.ckpt")
		os.WriteFile(kept, nil, 0o666) // taken: the next free name is used
		kept2 := filepath.Join(dir, c.name+".kept-2.ckpt")
		r, err := Hold(path, 0o600, ckpt, 64)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.make(path); err != nil {
			t.Skip(err)
		}
		err = r.Write(fill("CKPT run"), func() { t.Errorf("%s: placed called of a file kept beside", c.name) })
		want := path + " is now " + c.what + ", made there while ganui ran, which ganui does not replace: what was to be written there is kept beside it, in " + kept2
		var ke *KeptError
		if !errors.As(err, &ke) || err.Error() != want || ke.Kept != kept2 {
			t.Errorf("%s: Write: %v, want %q", c.name, err, want)
		}
		if b, err := os.ReadFile(kept2); string(b) != "CKPT run" {
			t.Errorf("%s: the kept file holds %q (%v)", c.name, b, err)
		}
		if b, _ := os.ReadFile(kept); len(b) != 0 {
			t.Errorf("%s: the name taken was replaced: %q", c.name, b)
		}
		if !c.left(path) {
			t.Errorf("%s: what was made at the path is not there as it was", c.name)
		}
		if matches, _ := filepath.Glob(filepath.Join(dir, "."+c.name+".ckpt.tmp-*")); len(matches) > 0 {
			t.Errorf("%s: left beside it: %v", c.name, matches)
		}
		// The path free again: written, the kept file left.
		os.RemoveAll(path)
		if err := Write(path, 0o600, ckpt, fill("CKPT again")); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(kept2); string(b) != "CKPT run" {
			t.Errorf("%s: a later write of the path took the kept file: %q", c.name, b)
		}
	}
}

// TestWriteBesideTakesAFreeName: WriteBeside writes beside a path under
// run.kept.csv, or the next free name, never over a file there.
func TestWriteBesideTakesAFreeName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.csv")
	for i, want := range []string{"run.kept.csv", "run.kept-2.csv", "run.kept-3.csv"} {
		kept, err := WriteBeside(path, 0o666, func(w io.Writer) error { _, err := fmt.Fprint(w, i); return err })
		if err != nil || kept != filepath.Join(dir, want) {
			t.Fatalf("WriteBeside %d: %q, %v, want %s", i, kept, err, want)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "run.kept.csv")); string(b) != "0" {
		t.Errorf("run.kept.csv holds %q, want the first write's", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("in the directory: %v", entries)
	}
}

// TestKeptNameIsAlwaysMade: a file kept beside a path (keepBeside) is
// kept whatever names are taken or however long the path's is: a name
// within 255 bytes of one as long as that, its stem cut at a letter's
// start, the extension kept (keptName); and, once run.kept.csv to
// run.kept-1000.csv are all taken, a name of random digits, of the same
// extension and no temporary file's form. Else the write failed, "file
// name too long" or "… are all taken", and what was written was lost.
func TestKeptNameIsAlwaysMade(t *testing.T) {
	fill := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	// A name of 251 bytes, two-byte letters after its first: the stem
	// cut to 245 bytes, 243 for "-2", the letter that would be cut in
	// two left out.
	dir := t.TempDir()
	long := "x" + strings.Repeat("é", 123) + ".csv"
	path := filepath.Join(dir, long)
	if err := os.WriteFile(path, nil, 0o666); err != nil {
		t.Skip(err) // a file system of shorter names
	}
	for i, c := range []struct {
		n       string
		letters int
	}{{"", 122}, {"-2", 121}} {
		want := filepath.Join(dir, "x"+strings.Repeat("é", c.letters)+".kept"+c.n+".csv")
		kept, err := WriteBeside(path, 0o666, fill(fmt.Sprint(i)))
		if err != nil || kept != want {
			t.Fatalf("beside a name of %d bytes: %q, %v; want %q (%d bytes)", len(long), kept, err, want, len(filepath.Base(want)))
		}
		if b, _ := os.ReadFile(kept); string(b) != fmt.Sprint(i) {
			t.Errorf("%s holds %q, want %q", kept, b, fmt.Sprint(i))
		}
	}
	// An extension too long to leave the stem a letter: the name cut
	// whole.
	if got := keptName("x."+strings.Repeat("a", 300), "-2"); got != "x."+strings.Repeat("a", 246)+".kept-2" {
		t.Errorf("keptName of a name that is all extension: %q", got)
	}

	// Every numbered name taken.
	dir = t.TempDir()
	path = filepath.Join(dir, "run.csv")
	for i := 1; i <= 1000; i++ {
		name := "run.kept.csv"
		if i > 1 {
			name = fmt.Sprintf("run.kept-%d.csv", i)
		}
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	kept, err := WriteBeside(path, 0o666, fill("run"))
	if err != nil {
		t.Fatalf("every numbered name taken: %v", err)
	}
	name := filepath.Base(kept)
	hex, ok := strings.CutPrefix(name, "run.kept-")
	hex, ok2 := strings.CutSuffix(hex, ".csv")
	if !ok || !ok2 || len(hex) != 8 || strings.Trim(hex, "0123456789abcdef") != "" || filepath.Dir(kept) != filepath.Clean(dir) {
		t.Errorf("every numbered name taken: kept in %q, want run.kept- and eight hexadecimal digits, then .csv", kept)
	}
	if b, _ := os.ReadFile(kept); string(b) != "run" {
		t.Errorf("%s holds %q", kept, b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "run.kept-1000.csv")); len(b) != 0 {
		t.Errorf("a name taken was replaced: %q", b)
	}
}

// TestNoNameBesideLeavesWhatWasWritten: a write whose path a directory
// took meanwhile, and whose own directory then takes no new name either
// (made read-only as the write ended, a full disk: given here, dirOps,
// as root is refused nothing), leaves what it wrote in its hidden
// temporary file, named in its error (a *KeptError, Unkept), where the
// file was emptied, what was written lost; a WriteBeside that cannot
// make its file says the name it was to have, not its temporary file's.
func TestNoNameBesideLeavesWhatWasWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	r, err := Hold(path, 0o600, Kind{}, 64)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(path, 0o777); err != nil {
		t.Fatal(err)
	}
	was := dirOps
	t.Cleanup(func() { dirOps = was })
	dirOps.link = func(old, new string) error {
		return &os.LinkError{Op: "link", Old: old, New: new, Err: syscall.EACCES}
	}
	dirOps.rename = func(old, new string) error {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: syscall.EACCES}
	}
	dirOps.remove = func(name string) error {
		return &os.PathError{Op: "remove", Path: name, Err: syscall.EACCES}
	}
	err = r.Write(func(w io.Writer) error { _, err := io.WriteString(w, "CKPT run"); return err }, nil)
	hidden, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*"))
	if len(hidden) != 1 {
		t.Fatalf("Write: %v; hidden files %q, want one", err, hidden)
	}
	kept := filepath.Join(dir, "run.kept.ckpt")
	put := "test ! -d " + kept + " && ln " + hidden[0] + " " + kept + " && chmod 600 " + kept + " && rm " + hidden[0]
	want := path + " is now a directory, made there while ganui ran, which ganui does not replace, and what was to be written there could not be kept beside it under a name of its own (permission denied): it is left whole in its hidden temporary file " + hidden[0] + ", read-only, which no later write of run.ckpt removes: once the directory is writable, " + put + " puts it in place"
	var ke *KeptError
	if !errors.As(err, &ke) || err.Error() != want || ke.Kept != hidden[0] || !errors.Is(ke.Unkept, syscall.EACCES) || ke.Put() != put {
		t.Errorf("Write: %v, want %q", err, want)
	}
	if b, err := os.ReadFile(hidden[0]); string(b) != "CKPT run" {
		t.Errorf("the hidden file holds %q (%v), want what was written", b, err)
	}
	if st, err := os.Stat(hidden[0]); err != nil || st.Mode().Perm() != 0o500 {
		t.Errorf("the hidden file: %v, %v; want it read-only, marked left whole (r-x------)", st, err)
	}
	// The directory writable again and the one at the path gone, a later
	// write of it leaves the file be, and the command named puts it
	// beside it, under the kept name, its mode as written.
	dirOps = was
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, 0o600, Kind{}, func(w io.Writer) error { _, err := io.WriteString(w, "later"); return err }); err != nil {
		t.Fatalf("a later write: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*")); len(left) != 1 || left[0] != hidden[0] {
		t.Errorf("hidden files there after a later write: %q, want the one left", left)
	}
	// A file made at the kept name since, free as the write ended, is
	// not replaced: the command fails, leaving both as they were, where
	// mv replaced it (and GNU mv -n, exit 0, had the chmod change its mode).
	if err := os.WriteFile(kept, []byte("theirs"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("sh", "-c", put).CombinedOutput(); err == nil {
		t.Errorf("%s over a file made there since: no failure, %s", put, out)
	}
	if b, err := os.ReadFile(kept); err != nil || string(b) != "theirs" {
		t.Errorf("the file made at %s since holds %q (%v), want it as it was", kept, b, err)
	}
	if st, err := os.Stat(kept); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("the file made at %s since: %v, %v; want its mode as it was, 644", kept, st, err)
	}
	if st, err := os.Stat(hidden[0]); err != nil || st.Mode().Perm() != 0o500 {
		t.Errorf("the hidden file after the command failed: %v, %v; want it there, marked left whole (r-x------)", st, err)
	}
	if err := os.Remove(kept); err != nil {
		t.Fatal(err)
	}
	// Nor is a directory made there: ln links the file into it, under its
	// hidden name, and the chmod 600 after it locked the directory, where
	// the command now fails having changed nothing.
	if err := os.Mkdir(kept, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("sh", "-c", put).CombinedOutput(); err == nil {
		t.Errorf("%s over a directory made there since: no failure, %s", put, out)
	}
	if st, err := os.Stat(kept); err != nil || st.Mode().Perm() != 0o755 {
		t.Errorf("the directory made at %s since: %v, %v; want its mode as it was, 755", kept, st, err)
	}
	if in, err := os.ReadDir(kept); err != nil || len(in) != 0 {
		t.Errorf("the directory made at %s since holds %v (%v), want it empty as it was", kept, in, err)
	}
	if st, err := os.Stat(hidden[0]); err != nil || st.Mode().Perm() != 0o500 {
		t.Errorf("the hidden file after the command failed: %v, %v; want it there, marked left whole (r-x------)", st, err)
	}
	if err := os.Remove(kept); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("sh", "-c", put).CombinedOutput(); err != nil {
		t.Fatalf("%s: %v, %s", put, err, out)
	}
	if _, err := os.Lstat(hidden[0]); !os.IsNotExist(err) {
		t.Errorf("moved, the hidden file: %v; want it gone", err)
	}
	if b, err := os.ReadFile(kept); err != nil || string(b) != "CKPT run" {
		t.Errorf("moved, %s holds %q (%v), want what was written", kept, b, err)
	}
	if st, err := os.Stat(kept); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("moved: %v, %v; want mode 600", st, err)
	}
	dirOps.link = func(old, new string) error {
		return &os.LinkError{Op: "link", Old: old, New: new, Err: syscall.EACCES}
	}
	dirOps.rename = func(old, new string) error {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: syscall.EACCES}
	}
	dirOps.remove = func(name string) error {
		return &os.PathError{Op: "remove", Path: name, Err: syscall.EACCES}
	}

	// A WriteBeside whose file is written whole but then finds no name
	// (the directory made read-only as it ended) leaves it so too, where
	// it was discarded, and names the command that keeps it.
	log := filepath.Join(dir, "run.csv")
	_, err = WriteBeside(log, 0o666, func(w io.Writer) error { _, err := io.WriteString(w, "epoch\n1\n"); return err })
	hiddenLog, _ := filepath.Glob(filepath.Join(dir, ".run.csv.tmp-*"))
	if len(hiddenLog) != 1 {
		t.Fatalf("WriteBeside, no name to be had: %v; hidden files %q, want one", err, hiddenLog)
	}
	keptLog := filepath.Join(dir, "run.kept.csv")
	before := "cannot write " + keptLog + ": permission denied; what was to be written there is left whole in its hidden temporary file " + hiddenLog[0] + ", read-only, which no later write of run.csv removes: once the directory is writable, "
	putLog, ok := strings.CutPrefix(fmt.Sprint(err), before)
	putLog, ok2 := strings.CutSuffix(putLog, " puts it in place")
	if !ok || !ok2 || !strings.HasPrefix(putLog, "test ! -d "+keptLog+" && ln "+hiddenLog[0]+" "+keptLog+" && chmod ") || !strings.HasSuffix(putLog, " && rm "+hiddenLog[0]) {
		t.Errorf("WriteBeside, no name to be had: %v\nwant it to begin %q and end with the ln that puts it in place", err, before)
	}
	if b, err := os.ReadFile(hiddenLog[0]); string(b) != "epoch\n1\n" {
		t.Errorf("the hidden file of WriteBeside holds %q (%v), want what was written", b, err)
	}
	if st, err := os.Stat(hiddenLog[0]); err != nil || !leftWhole(st.Mode()) {
		t.Errorf("the hidden file of WriteBeside: %v, %v; want it marked left whole", st, err)
	}
	dirOps = was
	if out, err := exec.Command("sh", "-c", putLog).CombinedOutput(); err != nil {
		t.Errorf("%s: %v, %s", putLog, err, out)
	} else if b, err := os.ReadFile(keptLog); err != nil || string(b) != "epoch\n1\n" {
		t.Errorf("moved, %s holds %q (%v), want what was written", keptLog, b, err)
	}
	dirOps.link = func(old, new string) error {
		return &os.LinkError{Op: "link", Old: old, New: new, Err: syscall.EACCES}
	}
	dirOps.rename = func(old, new string) error {
		return &os.LinkError{Op: "rename", Old: old, New: new, Err: syscall.EACCES}
	}
	dirOps.remove = func(name string) error {
		return &os.PathError{Op: "remove", Path: name, Err: syscall.EACCES}
	}
	os.Remove(keptLog) // the name free again for the message below

	dirOps.create = func(name string, _ int, _ fs.FileMode) (*os.File, error) {
		return nil, &os.PathError{Op: "open", Path: name, Err: syscall.EACCES}
	}
	_, err = WriteBeside(log, 0o666, func(w io.Writer) error { return nil })
	if want := "cannot write " + filepath.Join(dir, "run.kept.csv") + ": permission denied"; err == nil || err.Error() != want {
		t.Errorf("WriteBeside in a directory that takes no file: %v, want %q", err, want)
	}
}

// TestDirectoryWithASpaceIsQuoted: a directory whose name a shell would
// not read as one word is named quoted, as shellword.Quote writes it:
// --log '~ /x.csv' (a ~ and a space, no ~ name) is told "the directory
// '~ ' does not exist", where "the directory ~  does not exist" hid the
// space in two; the current directory's path alike.
func TestDirectoryWithASpaceIsQuoted(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	want := "cannot write '~ /x.csv': the directory '~ ' does not exist; make it, or give a file in another directory"
	if err := CheckWritable("~ /x.csv"); err == nil || err.Error() != want {
		t.Errorf("CheckWritable(%q) = %v, want %q", "~ /x.csv", err, want)
	}
	spaced := filepath.Join(dir, "my runs")
	if err := os.Mkdir(spaced, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(spaced)
	here := "cannot write run.ckpt: the current directory '" + spaced + "' takes no new files (creating one there: permission denied)"
	if err := cannotCreate("run.ckpt", "run.ckpt", &fs.PathError{Op: "open", Path: ".run.ckpt.tmp-0123abcd", Err: syscall.EACCES}); err.Error() != here {
		t.Errorf("creating a file in the current directory refused: %v, want %q", err, here)
	}
}

// TestDirGoneQuotesASpacedName: DirGone names a removed directory whose
// name a shell would not read as one word quoted, as Error names it, so
// that a note "… which is gone now with its directory, '/tmp/x/my runs '"
// shows the trailing space, where "…/my runs " hid it at the line's end;
// a plain path stays bare.
func TestDirGoneQuotesASpacedName(t *testing.T) {
	for _, name := range []string{"my runs ", "plain"} {
		dir := filepath.Join(t.TempDir(), name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "run.ckpt")
		if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		want := dir
		if name != "plain" {
			want = "'" + dir + "'"
		}
		if got, gone := DirGone(path); got != want || !gone {
			t.Errorf("DirGone(%q) = %q, %v, want %q, true", path, got, gone, want)
		}
	}
}

// TestFailedWriteQuotesItsName: a write that fails midway (a full disk)
// names the file the user gave quoted where a shell would not read it as
// one word, "write '…/my runs/run.ckpt': no space left on device", as a
// directory is named, where it stood bare; and so does a directory on
// the way that refuses the file.
func TestFailedWriteQuotesItsName(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "run.ckpt")
	full := func(io.Writer) error {
		temps, _ := filepath.Glob(filepath.Join(dir, ".run.ckpt.tmp-*"))
		if len(temps) != 1 {
			return fmt.Errorf("temporary files %q", temps)
		}
		return &fs.PathError{Op: "write", Path: temps[0], Err: syscall.ENOSPC}
	}
	want := "write '" + path + "': no space left on device"
	if err := Write(path, 0o600, anyKind, full); err == nil || err.Error() != want || !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("a write that fills the disk: %v, want %q", err, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "a file"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	through := filepath.Join(dir, "a file", "x.csv")
	want = "cannot write '" + through + "': '" + filepath.Join(dir, "a file") + "' is a regular file, not a directory; give a file in another directory"
	if err := CheckWritable(through); err == nil || err.Error() != want {
		t.Errorf("CheckWritable(%q) = %v, want %q", through, err, want)
	}
}

// TestKeptQuotesItsNames: a file kept beside what took its path names
// both quoted where a shell would not read them as one word, "'my
// out/run.ckpt' is now a directory, …, in 'my out/run.kept.ckpt'", as the
// command that resumes from it quotes them, where they stood bare.
func TestKeptQuotesItsNames(t *testing.T) {
	ke := &KeptError{Path: "my out/run.ckpt", What: "a directory", Kept: "my out/run.kept.ckpt", Contents: "the checkpoint"}
	want := "'my out/run.ckpt' is now a directory, made there while ganui ran, which ganui does not replace: the checkpoint is kept beside it, in 'my out/run.kept.ckpt'"
	if got := ke.Error(); got != want {
		t.Errorf("KeptError = %q, want %q", got, want)
	}
}

// TestKeptNameAllTakenIsQuoted: where every name a write could be kept
// under beside its path is taken (given here, dirOps), the refusal names
// the first of them quoted where a shell would not read it as one word,
// "'my run.kept.csv', its names numbered to -1000 … are all taken",
// where it was named bare; a plain one reads as before.
func TestKeptNameAllTakenIsQuoted(t *testing.T) {
	was := dirOps
	t.Cleanup(func() { dirOps = was })
	dirOps.link = func(old, new string) error {
		return &os.LinkError{Op: "link", Old: old, New: new, Err: fs.ErrExist}
	}
	dir := t.TempDir()
	for name, kept := range map[string]string{"run.csv": "run.kept.csv", "my run.csv": "'my run.kept.csv'"} {
		want := kept + ", its names numbered to -1000 and 100 of random digits are all taken"
		if _, err := keepBeside(filepath.Join(dir, ".x.tmp-0123abcd"), filepath.Join(dir, name)); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
	}
}
