package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/session"
)

// TestPlotGivenUpNamesWhatItLeft (chmod 555 of the --plot's directory under a
// run): a --plot reservation given up unwritten whose directory will not let
// its temporary file be removed names that file, emptied, after the run's own
// error (withLeft, which headless, --seeds and --sweep defer), in LeftError's
// words, the error still the run's (a stop's exit); else the file stayed
// there, named by nothing. Run as nobody, whom a read-only directory refuses,
// where the tests run as root.
func TestPlotGivenUpNamesWhatItLeft(t *testing.T) {
	if os.Geteuid() == 0 {
		asNobody(t, "TestPlotGivenUpNamesWhatItLeft")
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "r.png")
	plot, err := figure.Reserve(path)
	if err != nil {
		t.Fatal(err)
	}
	temp, _ := filepath.Glob(filepath.Join(dir, ".r.png.tmp-*"))
	if len(temp) != 1 {
		t.Fatalf("the held file: %q", temp)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755) // for t.TempDir's removal
	got := withLeft(session.ErrInterrupted, plot.Release())
	want := session.ErrInterrupted.Error() + "; its hidden temporary file " + temp[0] + " is left there, emptied (removing it: permission denied): remove it once you can"
	if got == nil || got.Error() != want || !errors.Is(got, session.ErrInterrupted) {
		t.Errorf("got %v, want %q, a stop's", got, want)
	}
	if got := withLeft(nil, plot.Release()); got != nil {
		t.Errorf("released again: %v", got)
	}
}

// asNobody runs the test named test again in a copy of this test binary as
// the user nobody, failing t where it fails there, and skips t where nobody
// cannot be had.
func asNobody(t *testing.T, test string) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ganui.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Dir(bin), filepath.Dir(filepath.Dir(bin))} { // t.TempDir's, its owner's alone
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "-test.run=^"+test+"$", "-test.count=1")
	cmd.Dir = os.TempDir()
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		t.Fatalf("as nobody:\n%s", out)
	case err != nil:
		t.Skipf("cannot run as nobody: %v", err)
	}
}

// copyFile copies the file at from to a new file at to, executable.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TestQuitAtOnceMidSaveLeavesNoPartialCheckpoint (w on a wide design, chmod
// 555 of the trainer's directory while the checkpoint is written, q q): the
// trainer quit at once leaves no half-written checkpoint there, neither at
// the checkpoint's name nor in its hidden temporary file, which the
// read-only directory will not let be removed: that file is emptied and
// named on the line the terminal keeps, so that the user can remove it once
// the directory is writable. Whichever the write had reached when the
// directory turned read-only, every file left is either a whole checkpoint,
// put in place before, or an empty temporary file the trainer named. Run
// as nobody, whom a read-only directory refuses, where the tests run as root.
func TestQuitAtOnceMidSaveLeavesNoPartialCheckpoint(t *testing.T) {
	if os.Geteuid() == 0 {
		asNobody(t, t.Name())
		return
	}
	dir := t.TempDir()
	defer os.Chmod(dir, 0o755) // for t.TempDir's removal
	// Wide, for a checkpoint of 100 MB that takes a while to write.
	tr := startTrainerIn(t, dir, &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, nil,
		"--preset", "vanilla", "--set", "g_hidden=2000,2000", "--set", "g_acts=relu,relu,identity",
		"--set", "d_hidden=2000", "--set", "d_acts=relu,sigmoid", "--samples", "100", "--epochs", "100", "--paused")
	tr.waitFor("paused at epoch 0")
	tr.master.WriteString("w")
	deadline := time.Now().Add(hangGuard)
	for !saving(t, dir) {
		if time.Now().After(deadline) {
			t.Fatalf("no checkpoint's temporary file appeared in %s; the trainer wrote:\n%q", dir, tr.output())
		}
		runtime.Gosched()
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	tr.master.WriteString("qq")
	code := tr.wait()
	_, after, _ := strings.Cut(tr.outputToEnd(), "\x1b[?1049l") // the alternate screen left
	said := after + tr.stderr.String()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(e.Name(), ".ganui-") && strings.Contains(e.Name(), ".ckpt.tmp-"):
			if fi.Size() != 0 {
				t.Errorf("%s left there with %d bytes of the checkpoint half-written", e.Name(), fi.Size())
			}
			if !strings.Contains(said, e.Name()+" is left there, emptied (removing it: permission denied): remove it once you can") {
				t.Errorf("%s left there, named by nothing; exit %d, the trainer said:\n%q", e.Name(), code, said)
			}
		case strings.HasSuffix(e.Name(), ".ckpt"): // in place before the directory turned read-only
			if _, err := session.LoadCheckpoint(path); err != nil {
				t.Errorf("%s: %v", e.Name(), err)
			}
		default:
			t.Errorf("%s left there (%d bytes)", e.Name(), fi.Size())
		}
	}
}

// saving reports whether dir holds a checkpoint's hidden temporary file,
// a w's write under way (outputfile.Reserve), or its checkpoint already.
func saving(t *testing.T, dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".ckpt") {
			return true
		}
	}
	return false
}
