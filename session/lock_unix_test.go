//go:build unix

package session

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ganui/ganui/internal/outputfile"
)

// flock takes f's advisory lock, as another process's write holds its
// file (outputfile.Claim, outputfile.Hold), or fails at once.
func flock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

// TestLogIsLocked: a log another process is writing (its lock held) is refused
// before training and never emptied, so that two runs on one --log do not both
// write it, corrupting it, both exiting 0.
func TestLogIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.csv")
	theirs := CSVColumns(0) + "\n" // the other process's log, begun
	if err := os.WriteFile(path, []byte(theirs), 0o644); err != nil {
		t.Fatal(err)
	}
	other, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := flock(other); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Config: blogConfig(t, 5), Seed: 1, LogPath: path}); err == nil || !strings.Contains(err.Error(), "being written by another process") {
		t.Fatalf("a locked log: %v", err)
	}
	if _, err := outputfile.Claim(path); err == nil {
		t.Fatal("a locked log was claimed")
	}
	if got, _ := os.ReadFile(path); string(got) != theirs {
		t.Fatalf("the locked log now holds %q", got)
	}
	other.Close() // released: the log is the run's
	s, err := New(Options{Config: blogConfig(t, 5), Seed: 1, LogPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !strings.HasPrefix(string(got), "epoch,") || strings.Count(string(got), "\n") != 6 {
		t.Fatalf("the log after the run:\n%s", got)
	}
}

// TestSaveIsRefusedWhileAnotherProcessWritesIt: a --save whose checkpoint
// another process is writing (its temporary file held, as a headless --save
// holds its reserved room from the first epoch to the run's end) is refused
// before training, the other's file left alone: the second run's checkpoint is
// not put in place, exit 0, only for the first run's end to replace it.
func TestSaveIsRefusedWhileAnotherProcessWritesIt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "run.ckpt")
	temp := filepath.Join(dir, ".run.ckpt.tmp-0123abcd") // the other process's write, as outputfile names it
	other, err := os.Create(temp)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if err := flock(other); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Config: blogConfig(t, 5), Seed: 1, SavePath: path}); err == nil || !strings.Contains(err.Error(), "--save: "+path+" is being written by another process") {
		t.Fatalf("a --save another process is writing: %v", err)
	}
	if _, err := os.Stat(temp); err != nil {
		t.Fatalf("the other process's write: %v", err)
	}
	other.Close() // its write is over (or it was killed): the path is free
	s, err := New(Options{Config: blogConfig(t, 5), Seed: 1, SavePath: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(t.Context(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the checkpoint: %v", err)
	}
}

// holdWrite stands for another process's write of path under way, as
// outputfile names and holds its temporary file (a headless run's --save
// or --plot, from before its first epoch to its end), until the test
// ends or the returned file is closed.
func holdWrite(t *testing.T, path string) *os.File {
	t.Helper()
	dir, base := filepath.Split(path)
	f, err := os.Create(filepath.Join(dir, "."+base+".tmp-0123abcd"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := flock(f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestPlotIsRefusedWhileAnotherProcessWritesIt: a --plot another process is
// writing (a headless run holds its figure's file to its end) is refused before
// training, as a --save is: two runs given the same --plot do not both exit 0,
// the later figure replacing the other.
func TestPlotIsRefusedWhileAnotherProcessWritesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.png")
	other := holdWrite(t, path)
	if _, err := New(Options{Config: blogConfig(t, 5), Seed: 1, PlotPath: path}); err == nil || err.Error() != "--plot: "+path+" is being written by another process: give another file" {
		t.Fatalf("a --plot another process is writing: %v", err)
	}
	other.Close() // its write is over: the path is free
	if _, err := New(Options{Config: blogConfig(t, 5), Seed: 1, PlotPath: path}); err != nil {
		t.Fatal(err)
	}
}

// TestKeysWriteBesideAFileAnotherProcessWrites: w and e do not write where
// another process is writing (a headless run's --save or --plot of the same
// name, held to its end), but at the next free name, as beside a file that was
// there before, so that w's checkpoint is not put in place only for that run's
// end to replace it.
func TestKeysWriteBesideAFileAnotherProcessWrites(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	name := func(rest string) string { return filepath.Join(s.opts.Dir, "ganui-blog-original-seed3"+rest) }
	holdWrite(t, name("-epoch1.ckpt"))
	holdWrite(t, name("-epoch1.csv"))
	for _, c := range []struct {
		cmd       Command
		busy, got string
	}{
		{Save{}, name("-epoch1.ckpt"), name("-epoch1-2.ckpt")},
		{Export{}, name("-epoch1.csv"), name("-epoch1-2.csv")},
	} {
		s.Send(c.cmd)
		s.applyQueued()
		if _, err := os.Stat(c.got); s.failed || err != nil || !strings.Contains(s.note, c.got) {
			t.Errorf("%T: %q, %v; want it written to %s", c.cmd, s.note, err, c.got)
		}
		if _, err := os.Stat(c.busy); err == nil {
			t.Errorf("%T wrote %s, which another process is writing", c.cmd, c.busy)
		}
	}
}

// TestLogRefusesOneOfTwoAtOnce: of two runs made at the same instant on one
// --log, exactly one is refused, at its start, and the other's log is whole:
// the other process's run (this test binary, in TestLogAsAnotherProcess) is
// made after this one's has passed its checks and before its first epoch. The
// log is claimed at the start, not with its first row, which would let both be
// made, the second training to its end only to be refused then, its whole
// history lost.
func TestLogRefusesOneOfTwoAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.csv")
	s, err := New(Options{Config: blogConfig(t, 5), Seed: 1, LogPath: path})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLogAsAnotherProcess$")
	cmd.Env = append(os.Environ(), "SESSION_LOG_TOO="+path)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("the child: %v\n%s", err, out)
	}
	theirs, _, _ := strings.Cut(string(out), "\n")
	if want := "--log: " + path + " is being written by another process: give another file"; theirs != want {
		t.Errorf("the other process's run, made at the same instant: %q, want %q", theirs, want)
	}
	if _, err := s.Run(t.Context(), nil); err != nil {
		t.Fatalf("this process's run, first to claim the log: %v", err)
	}
	if got, _ := os.ReadFile(path); !strings.HasPrefix(string(got), "epoch,") || strings.Count(string(got), "\n") != 6 {
		t.Fatalf("the log after the run:\n%s", got)
	}
}

// TestSaveAndLogRefuseEachOther: a run whose --save or --log is a file another
// process's run holds the other way, as its --log or --save, is refused at its
// start, the first run's file left to it, rather than both made and the later
// one's end replacing the other's log with its checkpoint, or the other's
// checkpoint put over its log, one of them told only at its end, "x was
// replaced by another file while the run wrote it: the run's history is not in
// it".
func TestSaveAndLogRefuseEachOther(t *testing.T) {
	for _, c := range []struct{ ours, theirs string }{{"log", "save"}, {"save", "log"}} {
		path := filepath.Join(t.TempDir(), "run")
		opts := Options{Config: blogConfig(t, 5), Seed: 1, LogPath: path}
		if c.ours == "save" {
			opts.LogPath, opts.SavePath = "", path
		}
		s, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestLogAsAnotherProcess$")
		cmd.Env = append(os.Environ(), "SESSION_LOG_TOO="+path, "SESSION_AS="+c.theirs)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("the child: %v\n%s", err, out)
		}
		theirs, _, _ := strings.Cut(string(out), "\n")
		if want := "--" + c.theirs + ": " + path + " is being written by another process: give another file"; theirs != want {
			t.Errorf("another process's run with --%s, this one's --%s: %q, want %q", c.theirs, c.ours, theirs, want)
		}
		if _, err := s.Run(t.Context(), nil); err != nil {
			t.Errorf("this process's run, with --%s: %v", c.ours, err)
		}
	}
}

// TestLogAsAnotherProcess is TestLogRefusesOneOfTwoAtOnce's child, and
// TestSaveAndLogRefuseEachOther's: it makes a run on the log, or the
// checkpoint when SESSION_AS is save, saying New's error, or "made" and
// then runs it to its end, saying Run's error, if any.
func TestLogAsAnotherProcess(t *testing.T) {
	path := os.Getenv("SESSION_LOG_TOO")
	if path == "" {
		t.Skip("run by TestLogRefusesOneOfTwoAtOnce")
	}
	opts := Options{Config: blogConfig(t, 5), Seed: 1, LogPath: path}
	if os.Getenv("SESSION_AS") == "save" {
		opts.LogPath, opts.SavePath = "", path
	}
	s, err := New(opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("made")
	if _, err := s.Run(t.Context(), nil); err != nil {
		fmt.Println(err)
	}
}
