//go:build unix

package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOnlyRegularFiles: named pipes, devices, directories and links to
// them are refused at once — a pipe with no writer is not waited on — and
// a regular file reached through a link is read.
func TestOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte("{}"), 0o600)
	link := func(name, to string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for path, want := range map[string]string{
		fifo:                           "a named pipe",
		"/dev/zero":                    "a device",
		link("zero.json", "/dev/zero"): "a device",
		link("rand", "/dev/urandom"):   "a device",
		dir:                            "a directory",
		"":                             "empty path",
		// Links that lead round in a loop are told so and what to give, not
		// "too many levels of symbolic links".
		link("loop1", "loop2"): "loop1: its symbolic links lead round in a loop, to no file: name the file itself",
		link("loop2", "loop1"): "loop2: its symbolic links lead round in a loop, to no file: name the file itself",
	} {
		done := make(chan error, 1)
		go func() { _, err := ReadAll(path, 1<<10); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%q: %v, want an error saying %q", path, err, want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%q: still reading after a minute", path)
		}
	}
	if data, err := ReadAll(link("via-link.json", good), 1<<10); err != nil || string(data) != "{}" {
		t.Errorf("a regular file through a link: %q, %v", data, err)
	}
}

// TestLinkToNoFileNamesWhereItLeads: a symbolic link whose file is not there
// (moved, removed between runs) is named with where its links lead, as an
// output's refusal names a link, not as the link alone, "run.ckpt: no such
// file or directory", of a name ls lists there; still fs.ErrNotExist, and
// said without its name where the name is said already (Unnamed).
func TestLinkToNoFileNamesWhereItLeads(t *testing.T) {
	t.Chdir(t.TempDir())
	for link, to := range map[string]string{"run.ckpt": filepath.Join("old", "run.ckpt"), "again.ckpt": "run.ckpt"} {
		if err := os.Symlink(to, link); err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]string{
		"run.ckpt":   "run.ckpt, a link to old/run.ckpt: no such file or directory",
		"again.ckpt": "again.ckpt, a link to old/run.ckpt: no such file or directory", // a link to a link: where they lead
		"gone.ckpt":  "gone.ckpt: no such file or directory",
	} {
		_, err := Open(path)
		if err == nil || err.Error() != want || !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v, want %q, fs.ErrNotExist", path, err, want)
		}
	}
	_, err := Open("run.ckpt")
	if err = Unnamed(err, "run.ckpt"); err.Error() != "it is a link to old/run.ckpt: no such file or directory" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("unnamed: %q", err)
	}
}

// TestFileOnTheWayIsNamed: an input whose path has a file where a directory
// belongs (--resume run.ckpt/x.ckpt, run.ckpt a checkpoint) names that file,
// the nearest to the path, as an output's refusal does (outputfile.Target),
// not the system's "run.ckpt/x.ckpt: not a directory", which named no file;
// still syscall.ENOTDIR, and said without its name where the name is said
// already (Unnamed). The path's directories are those it names as written:
// ./run.ckpt/../x.ckpt has run.ckpt on its way, though cleaned it has none.
func TestFileOnTheWayIsNamed(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("run.ckpt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"run.ckpt/x.ckpt":      "run.ckpt/x.ckpt: run.ckpt is a regular file, not a directory",
		"run.ckpt/sub/x.json":  "run.ckpt/sub/x.json: run.ckpt is a regular file, not a directory",
		"./run.ckpt/../x.ckpt": "./run.ckpt/../x.ckpt: ./run.ckpt is a regular file, not a directory", // the file on its way, where the path cleaned has none
		"run.ckpt//x.ckpt":     "run.ckpt//x.ckpt: run.ckpt is a regular file, not a directory",
	} {
		_, err := Open(path)
		if err == nil || err.Error() != want || !errors.Is(err, syscall.ENOTDIR) {
			t.Errorf("%s: %v, want %q, syscall.ENOTDIR", path, err, want)
		}
	}
	_, err := Open("run.ckpt/x.csv")
	if err = Unnamed(err, "run.ckpt/x.csv"); err.Error() != "run.ckpt is a regular file, not a directory" {
		t.Errorf("unnamed: %q", err)
	}
}

// TestLinkToADirectoryIsNamedAsGiven: an input that is a symbolic link to
// a directory is refused naming the link and where it leads, "dlink is a
// link to d, a directory, not a regular file: name a file in it", as an
// output's refusal names it (outputfile.Target), not "dlink is a
// directory", which ls lists as a link; a directory given itself is
// named alone, and said without its name where the name is said already
// (Unnamed).
func TestLinkToADirectoryIsNamedAsGiven(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("d", 0o755); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{"dlink": "d", "dlink2": "dlink"} {
		if err := os.Symlink(to, link); err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]string{
		"dlink":  "dlink is a link to d, a directory, not a regular file: name a file in it",
		"dlink2": "dlink2 is a link to d, a directory, not a regular file: name a file in it", // a link to a link: where they lead
		"d":      "d is a directory, not a regular file: name a file in it",
	} {
		if _, err := Open(path); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	_, err := Open("dlink")
	if err = Unnamed(err, "dlink"); err.Error() != "it is a link to d, a directory, not a regular file: name a file in it" {
		t.Errorf("unnamed: %q", err)
	}
}

// TestNameAShellWouldSplitIsQuoted: an input refused by a name a shell
// would not read as one word is named quoted (shellword.Quote), as an
// output's refusal names it: "'my d' is a directory, …", where "my d is
// a directory" read as words of the sentence; where its links lead, the
// file on its way, one too large and one of the kernel's likewise, and
// said without its name where the name is said already (Unnamed). A plain
// name reads as before (the tests above).
func TestNameAShellWouldSplitIsQuoted(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("my d", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("my run.ckpt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("my big.csv", make([]byte, 2<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{"my link": "my d", "my gone.ckpt": "old runs/run.ckpt", "loop 1": "loop 2", "loop 2": "loop 1"} {
		if err := os.Symlink(to, link); err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]string{
		"my d":              "'my d' is a directory, not a regular file: name a file in it",
		"my link":           "'my link' is a link to 'my d', a directory, not a regular file: name a file in it",
		"my gone.ckpt":      "'my gone.ckpt', a link to 'old runs/run.ckpt': no such file or directory",
		"my run.ckpt/x.csv": "'my run.ckpt/x.csv': 'my run.ckpt' is a regular file, not a directory",
		"loop 1":            "'loop 1': its symbolic links lead round in a loop, to no file: name the file itself",
		"my big.csv":        "'my big.csv': larger than 1 KiB, the most ganui reads of such a file",
	} {
		if _, err := ReadAll(path, 1<<10); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	for path, want := range map[string]string{
		"my d":              "it is a directory, not a regular file: name a file in it",
		"my gone.ckpt":      "it is a link to 'old runs/run.ckpt': no such file or directory",
		"my run.ckpt/x.csv": "'my run.ckpt' is a regular file, not a directory",
	} {
		if _, err := Open(path); err == nil || Unnamed(err, path).Error() != want {
			t.Errorf("%s unnamed: %v, want %q", path, Unnamed(err, path), want)
		}
	}
	if _, err := os.Stat("/proc/self/status"); err != nil || runtime.GOOS != "linux" {
		t.Skip("no Linux /proc here")
	}
	if err := os.Symlink("/proc/self/status", "my status"); err != nil {
		t.Fatal(err)
	}
	want := "'my status' is a file the kernel makes up as it is read, not a regular file: save what it gives to a file and name that"
	if _, err := Open("my status"); err == nil || err.Error() != want {
		t.Errorf("a kernel file through a link: %v, want %q", err, want)
	}
}
