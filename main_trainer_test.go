//go:build linux

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// trainer is ganui's interactive trainer running in a child process on a
// pseudo-terminal of 100×30.
type trainer struct {
	t             *testing.T
	cmd           *exec.Cmd
	master, slave *os.File
	mu            sync.Mutex
	screen        bytes.Buffer // everything written to the terminal
	stderr        bytes.Buffer
	exited        chan struct{}
	read          chan struct{} // closed once the terminal is read to its end (outputToEnd)
	waitErr       error         // cmd.Wait's, once exited is closed
	hushes        chan struct{} // the child's word that it holds at a hush (holdHushes); closed as it exits
	goOn          *os.File      // a byte written here lets the held child go on
}

func ioctl(f *os.File, req uintptr, arg unsafe.Pointer) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), req, uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

// openPTY opens a pseudo-terminal of w×h: its master side, which the test
// reads and writes as a terminal emulator would, and its slave side, the
// trainer's terminal.
func openPTY(w, h int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	var n uint32
	if err = ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err == nil {
		err = ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n))
	}
	if err == nil {
		slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	}
	if err == nil {
		if err = setSize(slave, w, h); err != nil {
			slave.Close()
		}
	}
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	return master, slave, nil
}

// setSize makes the pseudo-terminal whose side f is w×h.
func setSize(f *os.File, w, h int) error {
	ws := [4]uint16{uint16(h), uint16(w), 0, 0}
	return ioctl(f, syscall.TIOCSWINSZ, unsafe.Pointer(&ws))
}

// startTrainer runs ganui with args, the interactive trainer, on a
// pseudo-terminal of its own, in a process group of its own as a shell's
// job is; it has no controlling terminal, so the terminal's hang-up
// sends it no SIGHUP. TERM=screen spares the
// background colour query, which the test would have to answer.
func startTrainer(t *testing.T, args ...string) *trainer {
	t.Helper()
	return startTrainerAs(t, &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, nil, args...) // no trainer outlives a killed test
}

// startTrainerAs is startTrainer with the child's process attributes
// attr (its process group, its session) and env added to its
// environment, in place of a variable's value there.
func startTrainerAs(t *testing.T, attr *syscall.SysProcAttr, env []string, args ...string) *trainer {
	t.Helper()
	return startTrainerIn(t, t.TempDir(), attr, env, args...)
}

// startTrainerIn is startTrainerAs in dir, the trainer's working
// directory, started as a user with ganui on the PATH starts it: its
// os.Args[0] is "ganui".
func startTrainerIn(t *testing.T, dir string, attr *syscall.SysProcAttr, env []string, args ...string) *trainer {
	t.Helper()
	return startTrainerTyped(t, "ganui", dir, attr, env, args...)
}

// startTrainerTyped is startTrainerIn with arg0 as the trainer's
// os.Args[0], the command as the user typed it (./ganui) or go run ran
// it (/tmp/go-build1/b001/exe/ganui).
func startTrainerTyped(t *testing.T, arg0, dir string, attr *syscall.SysProcAttr, env []string, args ...string) *trainer {
	t.Helper()
	tr := newTrainer(t, arg0, dir, attr, env, args...)
	tr.start()
	return tr
}

// newTrainer is startTrainerTyped's trainer before it starts, for a test
// to change its command first (its standard input).
func newTrainer(t *testing.T, arg0, dir string, attr *syscall.SysProcAttr, env []string, args ...string) *trainer {
	t.Helper()
	master, slave, err := openPTY(100, 30)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	tr := &trainer{t: t, master: master, slave: slave, exited: make(chan struct{}), read: make(chan struct{})}
	tr.cmd = exec.Command(os.Args[0], args...)
	tr.cmd.Args[0] = arg0
	tr.cmd.Env = append(append(os.Environ(), "GANUI_TEST_MAIN=1", "TERM=screen", "NO_COLOR=1"), env...)
	tr.cmd.Dir = dir
	tr.cmd.Stdin, tr.cmd.Stdout, tr.cmd.Stderr = slave, slave, &tr.stderr
	tr.cmd.SysProcAttr = attr
	return tr
}

// start starts tr's command and reads what it writes to its terminal.
func (tr *trainer) start() {
	t, master, slave := tr.t, tr.master, tr.slave
	t.Helper()
	if err := tr.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for _, f := range tr.cmd.ExtraFiles {
		f.Close() // the child's ends (holdHushes): its exit alone closes them now
	}
	go func() {
		defer close(tr.read)
		b := make([]byte, 4096)
		for {
			n, err := master.Read(b)
			tr.mu.Lock()
			tr.screen.Write(b[:n])
			tr.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() {
		tr.waitErr = tr.cmd.Wait()
		close(tr.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-tr.exited:
		default:
			tr.cmd.Process.Kill()
			<-tr.exited
		}
		master.Close()
		slave.Close()
	})
}

// output is everything the trainer has written to its terminal.
func (tr *trainer) output() string {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	return tr.screen.String()
}

// outputToEnd is everything the trainer wrote to its terminal, read to
// its end, once it has exited (wait): the test's side of the terminal is
// closed then, so that the master, its buffered output read, ends (EIO).
// output() just after the exit may miss the trainer's last line, written
// before it exited but not read yet: a test that cannot wait for words it
// knows (waitFor) reads this.
func (tr *trainer) outputToEnd() string {
	tr.t.Helper()
	select {
	case <-tr.exited:
	default:
		tr.t.Fatal("outputToEnd before the trainer exited")
	}
	tr.slave.Close()
	select {
	case <-tr.read:
	case <-time.After(hangGuard): // a hang guard only
		tr.t.Fatalf("the terminal never ended; the trainer wrote:\n%q", tr.output())
	}
	return tr.output()
}

// waitFor waits until the trainer has written want (or had, before it
// exited: the test may not have read it all yet).
func (tr *trainer) waitFor(want string) {
	tr.t.Helper()
	deadline := time.Now().Add(hangGuard)
	for !strings.Contains(tr.output(), want) {
		if time.Now().After(deadline) {
			tr.t.Fatalf("the trainer never wrote %q; it wrote:\n%q", want, tr.output())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// holdHushes has the trainer, before it starts, hold each time it has
// taken its keys' echo off (ganui's hush, GANUI_TEST_HUSH in TestMain)
// until the test lets it go on (heldAtHush, typeIn, letGo).
func (tr *trainer) holdHushes() {
	said, hear, err := os.Pipe()
	if err != nil {
		tr.t.Fatal(err)
	}
	tell, told, err := os.Pipe()
	if err != nil {
		tr.t.Fatal(err)
	}
	tr.cmd.Env = append(tr.cmd.Env, "GANUI_TEST_HUSH=1")
	tr.cmd.ExtraFiles = []*os.File{hear, tell} // fds 3 and 4
	tr.hushes, tr.goOn = make(chan struct{}, 1), told
	go func() {
		defer close(tr.hushes)
		b := make([]byte, 1)
		for {
			if _, err := said.Read(b); err != nil {
				return // the child is gone
			}
			tr.hushes <- struct{}{} // one at a time: the child waits for goOn
		}
	}()
	tr.t.Cleanup(func() { said.Close(); told.Close() }) // after start's, which ends the child
}

// heldAtHush waits until the trainer holds at its next hush, failing if
// it exits first or writes unwanted before (what must follow the hush).
// The ten milliseconds are how often the output is looked at, not how
// long anything may take: the trainer held writes nothing until goOn.
func (tr *trainer) heldAtHush(unwanted string) {
	tr.t.Helper()
	guard := time.After(hangGuard) // a hang guard only
	for {
		select {
		case _, ok := <-tr.hushes:
			if !ok {
				tr.t.Fatalf("the trainer exited without taking its keys' echo off; it wrote:\n%q", tr.output())
			}
			return
		case <-guard:
			tr.t.Fatalf("the trainer never took its keys' echo off; it wrote:\n%q", tr.output())
		case <-time.After(10 * time.Millisecond):
			if strings.Contains(tr.output(), unwanted) {
				tr.t.Fatalf("the trainer wrote %q before it took its keys' echo off; it wrote:\n%q", unwanted, tr.output())
			}
		}
	}
}

// typeIn types keys on the trainer's terminal and returns once the
// terminal has taken them in, echoed them or not, as its echo is set now:
// a poll of the terminal's side does the work the write queued
// (n_tty_poll flushes the pending input through the line discipline),
// where the keys had met the terminal as the trainer sets it next (its
// echo put back, a look for keys typed ahead) if that work ran late.
// A poll a signal interrupts (the runtime's preemption, a child's exit)
// is made again: it failed the test with "interrupted system call".
func (tr *trainer) typeIn(keys string) {
	tr.t.Helper()
	if _, err := tr.master.WriteString(keys); err != nil {
		tr.t.Fatal(err)
	}
	for {
		_, err := unix.Poll([]unix.PollFd{{Fd: int32(tr.slave.Fd()), Events: unix.POLLIN}}, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			tr.t.Fatal(err)
		}
		return
	}
}

// letGo lets the trainer held at a hush go on.
func (tr *trainer) letGo() {
	tr.t.Helper()
	if _, err := tr.goOn.Write([]byte{1}); err != nil {
		tr.t.Fatal(err)
	}
}

// wait waits for the trainer to exit and returns its exit status, or
// fails if a signal killed it.
func (tr *trainer) wait() int {
	tr.t.Helper()
	select {
	case <-tr.exited:
	case <-time.After(hangGuard):
		tr.t.Fatalf("the trainer did not exit; it wrote:\n%q", tr.output())
	}
	var exit *exec.ExitError
	if errors.As(tr.waitErr, &exit) && !exit.Exited() {
		tr.t.Fatalf("the trainer was killed: %v", tr.waitErr)
	}
	return tr.cmd.ProcessState.ExitCode()
}

// said is what the trainer wrote to stderr once it has exited, but the
// line that says what its final line waits for (waitLine): the trainer
// says that wait where its latest evaluation took slowNote or more, as
// the race detector on a loaded machine makes an evaluation of vanilla's
// 10,000 samples take, so that a test of what else it says would pass or
// fail by the machine's speed.
func (tr *trainer) said() string {
	var kept strings.Builder
	for _, line := range strings.SplitAfter(tr.stderr.String(), "\n") {
		if !strings.HasPrefix(line, "ganui: ") || !strings.HasSuffix(line, "… only ctrl+c skips the wait\n") {
			kept.WriteString(line)
		}
	}
	return kept.String()
}

// cooked reports whether the terminal is back in its ordinary mode, lines
// edited and echoed, as the trainer found it.
func (tr *trainer) cooked() bool {
	var st syscall.Termios
	if err := ioctl(tr.slave, syscall.TCGETS, unsafe.Pointer(&st)); err != nil {
		tr.t.Fatal(err)
	}
	return st.Lflag&syscall.ICANON != 0 && st.Lflag&syscall.ECHO != 0
}

// hushed reports whether the terminal has its echo off with its lines still
// edited: ganui's hush, while no screen is up, not the trainer's raw mode.
func (tr *trainer) hushed() bool {
	var st syscall.Termios
	if err := ioctl(tr.slave, syscall.TCGETS, unsafe.Pointer(&st)); err != nil {
		tr.t.Fatal(err)
	}
	return st.Lflag&syscall.ICANON != 0 && st.Lflag&syscall.ECHO == 0
}

// TestKeysTypedWithNoScreenAreNotEchoed: a q typed while the run's
// session is built, before the trainer's screen is up, is not echoed onto
// the terminal ("qfinal preset=…") and still quits the trainer, under tmux
// too, where the terminal's background is asked first (its answer read
// later would take the q with it); abc typed while the final line's
// evaluation runs is not echoed either; the terminal is given back as it
// was found. With standard input redirected (ganui < /dev/null) the keys
// come from the controlling terminal, whose echo is the one taken off.
// The trainer is held at each hush (holdHushes), so that no wide design
// need make the time without a screen long enough to type in: a wide
// one's final line, 10,000 samples through layers 512 wide, outlasted
// wait's three minutes under -race on a loaded machine.
func TestKeysTypedWithNoScreenAreNotEchoed(t *testing.T) {
	args := []string{"--preset", "vanilla"}
	for _, c := range []struct {
		name              string
		asked, redirected bool
	}{{"standard input", false, false}, {"asked", true, false}, {"redirected", false, true}} {
		asked := c.asked
		t.Run(c.name, func(t *testing.T) {
			attr, env := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, []string(nil) // as startTrainer
			switch {
			case asked: // as TestTrainerAsksTheBackgroundUnderTmux
				attr, env = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL}, askedEnv
			case c.redirected: // the pseudo-terminal is its controlling terminal, /dev/tty, through standard output
				attr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 1, Pdeathsig: syscall.SIGKILL}
			}
			tr := newTrainer(t, "ganui", t.TempDir(), attr, env, args...)
			if c.redirected {
				tr.cmd.Stdin = nil // /dev/null
			}
			// The trainer holds at each hush until let go, so the keys are
			// typed while no screen is up however slowly either process
			// runs: caught by polling the echo instead, the hush before
			// the screen, tens of milliseconds, went by unseen under load
			// and the test failed a trainer that had it.
			tr.holdHushes()
			tr.start()
			if asked {
				tr.waitFor("\x1b]11;?")
				tr.master.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R")
			}
			tr.heldAtHush("\x1b[?1049h") // the hush comes before the screen
			if !tr.hushed() {
				t.Fatal("the echo was on (or the terminal raw) while the session was built, before the screen")
			}
			tr.typeIn("q")
			tr.letGo()
			tr.waitFor("\x1b[?1049l")      // the alternate screen left: the q reached the trainer
			tr.heldAtHush("final preset=") // the hush comes before the final line's evaluation
			if !tr.hushed() {
				t.Fatal("the echo was on while the final line was evaluated")
			}
			tr.typeIn("abc")
			tr.letGo()
			if code := tr.wait(); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, tr.stderr.String())
			}
			tr.waitFor("again: ganui --preset vanilla")
			out := tr.output()
			before, _, _ := strings.Cut(out, "\x1b[?1049h")
			_, after, _ := strings.Cut(out, "\x1b[?1049l")
			if strings.Contains(before, "q") || strings.Contains(after, "abc") {
				t.Errorf("keys echoed before the screen (%q) or after it (%q)", before, after)
			}
			if !tr.cooked() {
				t.Error("the terminal was left with its echo off")
			}
		})
	}
}

// TestTrainerQuitsOnSignals: SIGINT, SIGTERM, SIGHUP and SIGQUIT each end the
// trainer as q does: the terminal restored, the final line and the command
// again printed, exit 0. Not "program was killed: program was interrupted",
// exit 1 and no final line, for SIGINT, nor the process killed with the
// terminal left raw and on the alternate screen for SIGHUP, nor Go's goroutines
// dumped, exit 2, the terminal left raw, for SIGQUIT.
func TestTrainerQuitsOnSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			tr := startTrainer(t, "--preset", "vanilla", "--epochs", "100", "--paused")
			tr.waitFor("paused at epoch 0")
			tr.cmd.Process.Signal(sig)
			if code := tr.wait(); code != 0 || tr.said() != "" {
				t.Fatalf("exit %d, stderr %q; want 0 and nothing but the final line's wait", code, tr.stderr.String())
			}
			tr.waitFor("\x1b[?1049l") // the alternate screen left
			tr.waitFor("final preset=vanilla seed=1 epochs=0 state=interrupted")
			tr.waitFor("again: ganui --preset vanilla --epochs 100 --seed 1")
			if !tr.cooked() {
				t.Error("the terminal was left raw")
			}
		})
	}
}

// TestTwoSIGTERMsAtOnceQuitTheTrainerWhole: the trainer sent SIGTERM twice
// back to back, as coreutils timeout sends it to ganui and then to its
// process group, quits as on one q, its final line and command again
// printed, where it took the second as a second q and quit at once: "left
// preset=vanilla seed=1 epochs=0: quit at once, …: no final line, no
// command again". The two often reach the child as one, the kernel
// holding the first still: eight runs, so that the test tells, as
// TestTwoSIGTERMsAtOnceSaveTheRun does of a headless run.
func TestTwoSIGTERMsAtOnceQuitTheTrainerWhole(t *testing.T) {
	for try := range 8 {
		tr := startTrainer(t, "--preset", "vanilla", "--epochs", "100", "--paused")
		tr.waitFor("paused at epoch 0")
		syscall.Kill(tr.cmd.Process.Pid, syscall.SIGTERM)
		syscall.Kill(tr.cmd.Process.Pid, syscall.SIGTERM)
		if code := tr.wait(); code != 0 {
			t.Fatalf("run %d: exit %d, stderr %q", try+1, code, tr.stderr.String())
		}
		tr.waitFor("\x1b[?1049l") // the alternate screen left
		out := tr.output()
		if after := out[strings.LastIndex(out, "\x1b[?1049l"):]; strings.Contains(after, "quit at once") {
			t.Fatalf("run %d: two SIGTERMs at once quit at once: %q", try+1, after)
		}
		tr.waitFor("final preset=vanilla seed=1 epochs=0 state=interrupted")
		tr.waitFor("again: ganui --preset vanilla --epochs 100 --seed 1")
	}
}

// TestTrainerSaysWhereAQuitRunStopped: a run quit before the end of its plan
// says, under its command again, that the command trains the plan and how to
// stop where this run did, so that the command's final line, of epoch 100, is
// not read as this run's, of epoch 3.
func TestTrainerSaysWhereAQuitRunStopped(t *testing.T) {
	tr := startTrainer(t, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.waitFor("paused at epoch 0")
	tr.master.WriteString("nnn")
	tr.waitFor("epoch 3 / 100")
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	tr.waitFor("final preset=vanilla seed=1 epochs=3 state=interrupted")
	tr.waitFor("again: ganui --preset vanilla --epochs 100 --seed 1")
	tr.waitFor("the command trains the plan's 100 epochs; this run stopped at epoch 3 (--epochs 3 stops there)")
}

// TestAgainRunsAsGanuiWasStarted: the command again, and the checkpoint's note,
// begin as ganui was started: "go run ." in the module's directory, the path as
// typed, the name found on the PATH, so that after the README's "go run ." the
// again: line does not say "ganui --preset …", which no shell without ganui on
// its PATH runs.
func TestAgainRunsAsGanuiWasStarted(t *testing.T) {
	for _, c := range []struct{ arg0, goMod, want string }{
		{"/tmp/go-build2972185930/b001/exe/ganui", "module github.com/ganui/ganui\n\ngo 1.26\n", "go run ."},
		{"/tmp/go-build2972185930/b001/exe/ganui", "", "go run github.com/ganui/ganui"},
		{"./ganui", "", "./ganui"},
		{"/opt/my tools/ganui", "", "'/opt/my tools/ganui'"},
		{"ganui", "", "ganui"},
	} {
		t.Run(c.want, func(t *testing.T) {
			want := c.want
			if exp := buildSetting("GOEXPERIMENT"); exp != "" && strings.HasPrefix(want, "go run ") {
				want = "GOEXPERIMENT=" + exp + " " + want // a SIMD build's go run says so (goRun)
			}
			dir := t.TempDir()
			if c.goMod != "" {
				if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(c.goMod), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			tr := startTrainerTyped(t, c.arg0, dir, &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, nil, "--preset", "vanilla", "--epochs", "100", "--paused")
			tr.waitFor("paused at epoch 0")
			tr.master.WriteString("nw")
			tr.waitFor("epoch1.ckpt")
			tr.master.WriteString("q")
			if code := tr.wait(); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, tr.stderr.String())
			}
			tr.waitFor(" --seed 1\r\n") // the again: line's end
			for _, want := range []string{
				"saved epoch 1: " + want + " --resume ganui-vanilla-seed1-epoch1.ckpt continues from it\r\n",
				"\r\nagain: " + want + " --preset vanilla --epochs 100 --seed 1\r\n",
			} {
				if !strings.Contains(tr.output(), want) {
					t.Errorf("no %q in what the trainer printed at its end:\n%q", want, tr.output()[strings.LastIndex(tr.output(), "\x1b[?1049l"):])
				}
			}
		})
	}
}

// TestTrainerTakesPastedTextAsText: text pasted into the terminal is not run as
// keys, nor thrown away unsaid: the status says so; typed keys still are run.
func TestTrainerTakesPastedTextAsText(t *testing.T) {
	tr := startTrainer(t, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.waitFor("paused at epoch 0")
	tr.master.WriteString("\x1b[200~nnqq\x1b[201~")
	tr.waitFor("is not taken as keys")
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	tr.waitFor("final preset=vanilla seed=1 epochs=0 ")
}

// TestTrainerEndsWhenTheTerminalGoes (a terminal closed under a trainer
// that no SIGHUP reached — its session's leader ignored it, or died
// without passing it on — left the trainer training for good, seen by no
// one): the trainer sees its terminal gone and ends the run as q does;
// the lines it then has nowhere to print make it exit 1.
func TestTrainerEndsWhenTheTerminalGoes(t *testing.T) {
	tr := startTrainer(t, "--preset", "vanilla", "--epochs", "1000000")
	tr.waitFor("running")
	tr.master.Close()
	if code := tr.wait(); code != 1 || !strings.Contains(tr.stderr.String(), "writing the output") {
		t.Fatalf("exit %d, stderr %q; want 1 and the output that could not be written", code, tr.stderr.String())
	}
}

// TestNohupKeepsHeadlessRunning: a headless run started with SIGHUP ignored
// (nohup) trains on through a hangup, as nohup promises; without it SIGHUP
// stops the run as SIGINT does (TestHangupStopsTheRun). Catching SIGHUP must
// not undo nohup.
func TestNohupKeepsHeadlessRunning(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", `trap "" HUP; exec "$0" "$@"`, exe, "--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "1")
	cmd.Env = append(os.Environ(), "GANUI_TEST_MAIN=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	for n := 0; lines.Scan(); n++ {
		switch n {
		case 10:
			cmd.Process.Signal(syscall.SIGHUP)
		case 500: // trained on far past the hangup: it was ignored
			cmd.Process.Signal(syscall.SIGTERM)
		}
		if strings.HasPrefix(lines.Text(), "final ") {
			if n < 500 {
				t.Fatalf("the run stopped at line %d, after the hangup: %s", n, lines.Text())
			}
			break
		}
	}
	cmd.Wait()
}

// TestSignalTestsRunUnderNohup: the tests of SIGHUP pass when the tests are run
// with it ignored, as under nohup: go test . under nohup passes them, the
// signal coming to the test and to the trainer it starts. The test binary runs
// them again with SIGHUP ignored.
func TestSignalTestsRunUnderNohup(t *testing.T) {
	cmd := exec.Command("sh", "-c", `trap "" HUP; exec "$0" "$@"`, os.Args[0],
		"-test.run", "^(TestHangupStopsTheRun|TestTrainerQuitsOnSignals)$/^(|hangup)$", "-test.v")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestHangupStopsTheRun") || !strings.Contains(string(out), "--- PASS: TestTrainerQuitsOnSignals/hangup") {
		t.Fatalf("with SIGHUP ignored: %v\n%s", err, out)
	}
}

// state is the trainer's process state as Linux reports it: R running, S
// sleeping, T stopped, …
func (tr *trainer) state() byte { return procState(tr.t, tr.cmd.Process.Pid) }

// TestTrainerSuspendsOnCtrlZ: ctrl+z, a key to the raw terminal, is not "not a
// key here": it gives the terminal back — the alternate screen left, the modes
// cooked — and stops the trainer as a shell's job, the run with it; continued,
// as fg does, it takes the terminal again, draws its screen and reads keys.
func TestTrainerSuspendsOnCtrlZ(t *testing.T) {
	tr := startTrainer(t, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.waitFor("paused at epoch 0")
	tr.master.WriteString("\x1a")
	for deadline := time.Now().Add(hangGuard); tr.state() != 'T'; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("ctrl+z did not stop the trainer; it wrote:\n%q", tr.output())
		}
	}
	// What the trainer wrote before it stopped may still be on its way
	// through the pty to the reader: wait for it, as for the stop.
	for deadline := time.Now().Add(hangGuard); !strings.Contains(tr.output(), "\x1b[?1049l"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("stopped without leaving its screen; it wrote:\n%q", tr.output())
		}
	}
	if !tr.cooked() {
		t.Fatalf("stopped with the terminal not given back to cooked mode; it wrote:\n%q", tr.output())
	}
	tr.cmd.Process.Signal(syscall.SIGCONT)
	for deadline := time.Now().Add(hangGuard); strings.Count(tr.output(), "\x1b[?1049h") < 2; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("continued, the trainer did not take its screen again; it wrote:\n%q", tr.output())
		}
	}
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	tr.waitFor("final preset=vanilla seed=1 epochs=0 ")
}

// TestTrainerStopCountsNot (a kill -STOP, which the trainer cannot catch
// to stop its clock as it does for ctrl+z, put the whole stop in the
// final line's wall_s): the trainer's clock is watched as a headless
// run's, so that an hour stopped (on the child's clock, GANUI_TEST_SKEW:
// no test waits for it) counts as no more than a second or so.
func TestTrainerStopCountsNot(t *testing.T) {
	skew := filepath.Join(t.TempDir(), "skew")
	if err := os.WriteFile(skew, []byte("0s"), 0o644); err != nil {
		t.Fatal(err)
	}
	tr := startTrainerAs(t, nil, []string{"GANUI_TEST_SKEW=" + skew}, "--preset", "vanilla", "--epochs", "1000000", "--speed", "100")
	tr.waitFor("running")
	tr.cmd.Process.Signal(syscall.SIGSTOP)
	for deadline := time.Now().Add(hangGuard); tr.state() != 'T'; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("SIGSTOP did not stop the trainer")
		}
	}
	if err := os.WriteFile(skew, []byte("1h"), 0o644); err != nil { // an hour passes
		t.Fatal(err)
	}
	tr.cmd.Process.Signal(syscall.SIGCONT)
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	tr.waitFor("final preset=vanilla ")
	m := regexp.MustCompile(`wall_s=([0-9.e+-]+)`).FindStringSubmatch(tr.output())
	if m == nil {
		t.Fatalf("no wall_s in the final line:\n%q", tr.output())
	}
	if wall, _ := strconv.ParseFloat(m[1], 64); wall >= 3600 {
		t.Errorf("wall_s=%s: the hour stopped counted", m[1])
	}
}

// TestTrainerWithoutJobControlSaysSo (ctrl+z released the terminal and
// waited for good to be continued, no key read, where no shell's job
// control could continue it: the process group orphaned, as a tmux
// pane's program itself is): the trainer, a session's leader here, says
// it is not suspended, and q still quits.
func TestTrainerWithoutJobControlSaysSo(t *testing.T) {
	tr := startTrainerAs(t, &syscall.SysProcAttr{Setsid: true, Pdeathsig: syscall.SIGKILL}, nil, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.waitFor("paused at epoch 0")
	tr.master.WriteString("\x1a")
	tr.waitFor("no shell's job control here to fg ganui back: not suspended")
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	tr.waitFor("final preset=vanilla seed=1 epochs=0 ")
}

// askedEnv is an environment in which the trainer asks its terminal the
// background, under tmux by its own name, nothing in it saying the
// colours instead (a test's terminal its controlling one, the trainer in
// its foreground, as termenv asks only there), waiting for the test's
// answer however slowly either is run.
var askedEnv = []string{"TERM=tmux-256color", "GANUI_TEST_BACKGROUND_WAIT=1h", "CI=", "NO_COLOR=", "CLICOLOR=", "CLICOLOR_FORCE=", "COLORTERM=", "TERM_PROGRAM=", "COLORFGBG="}

// TestKeysTypedAheadReachTheTrainer: a q typed before ganui has read any
// key (ganui --preset vanilla, then q at once, or keys pasted), still
// waiting when the terminal would be asked its background, reaches the
// trainer and quits it, where the query, reading up to the terminal's
// answer, had taken it: the terminal is not asked, and the background is
// COLORFGBG's, white here, the screen in the light variants. So under
// tmux and under xterm's name, where bubbletea's init asked before main
// could look, and took the q. The n written once the screen is up, after
// the q, steps the run only where the q was lost.
func TestKeysTypedAheadReachTheTrainer(t *testing.T) {
	for _, term := range []string{"tmux-256color", "xterm-256color"} {
		t.Run(term, func(t *testing.T) {
			tr := newTrainer(t, "ganui", t.TempDir(), &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
				append(askedEnv, "TERM="+term, "COLORFGBG=0;15"), "--preset", "vanilla", "--epochs", "100", "--paused")
			tr.typeIn("q") // waiting in the terminal's input before the trainer starts, however late the kernel's work
			tr.start()
			for stepped, deadline := false, time.Now().Add(3*time.Minute); ; time.Sleep(10 * time.Millisecond) {
				out := tr.output()
				if time.Now().After(deadline) {
					t.Fatalf("the trainer neither quit nor stepped; it wrote:\n%q", out)
				}
				if strings.Contains(out, "\x1b]11;?") {
					tr.master.WriteString("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R") // answered, as a white terminal would
					t.Fatalf("the terminal was asked its background with a q typed ahead; it wrote:\n%q", out)
				}
				if strings.Contains(out, "epoch 1: D real") { // the step's note
					t.Fatalf("the q typed ahead was lost: the n after it stepped the run; it wrote:\n%q", out)
				}
				select {
				case <-tr.exited:
				default:
					if !stepped && strings.Contains(out, "mquit\x1b[0m") { // the key bar drawn to its end
						tr.master.WriteString("n")
						stepped = true
					}
					continue
				}
				break
			}
			if code := tr.wait(); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, tr.stderr.String())
			}
			tr.waitFor("final preset=vanilla seed=1 epochs=0 state=interrupted")
			if out := tr.output(); !strings.Contains(out, "\x1b[38;5;243m") || strings.Contains(out, "\x1b[38;5;246m") {
				t.Errorf("under COLORFGBG=0;15, a white background, the screen is not in the light variants:\n%q", out)
			}
		})
	}
}

// TestTrainerAsksTheBackgroundUnderTmux: termenv asks nothing of a terminal
// whose TERM is screen's or tmux's, and takes its background for dark, which on
// a light terminal under tmux would draw text near white on white; under
// TERM=tmux-256color the trainer asks the terminal its background as under any
// other, and on a light one draws the palette's light variants — the key bar's
// words in 243, not the dark terminal's 246. CI is cleared with the colour
// variables: termenv takes any CI for a terminal that is none and draws no
// colour at all.
func TestTrainerAsksTheBackgroundUnderTmux(t *testing.T) {
	// The terminal its controlling one, the trainer in its foreground, as
	// termenv asks only there.
	tr := startTrainerAs(t, &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
		askedEnv,
		"--preset", "vanilla", "--epochs", "100", "--paused")
	for deadline := time.Now().Add(hangGuard); ; time.Sleep(10 * time.Millisecond) {
		out := tr.output()
		if strings.Contains(out, "\x1b]11;?") {
			tr.master.WriteString("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R") // white, as tmux answers for a white pane
			break
		}
		if strings.Contains(out, "paused at epoch 0") || time.Now().After(deadline) {
			break // drawn without asking
		}
	}
	tr.waitFor("paused at epoch 0")
	tr.waitFor("mquit\x1b[0m") // the key bar drawn to its end
	if out := tr.output(); !strings.Contains(out, "\x1b[38;5;243m") || strings.Contains(out, "\x1b[38;5;246m") {
		t.Errorf("on a white terminal under TERM=tmux-256color, the screen is not in the light variants:\n%q", out)
	}
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestTrainerAsksTheBackgroundOnce: under TERM=xterm-256color, where
// bubbletea's init asked the terminal its background before main, the
// terminal is asked once, by the trainer itself, where it was asked twice
// and a terminal that answers nothing held the first screen twice
// termenv's five seconds. The answer, white, still gives the light
// variants.
func TestTrainerAsksTheBackgroundOnce(t *testing.T) {
	tr := startTrainerAs(t, &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
		append(askedEnv, "TERM=xterm-256color"),
		"--preset", "vanilla", "--epochs", "100", "--paused")
	answered := 0
	for deadline := time.Now().Add(hangGuard); ; time.Sleep(10 * time.Millisecond) {
		out := tr.output()
		for ; answered < strings.Count(out, "\x1b]11;?"); answered++ {
			tr.master.WriteString("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R")
		}
		if strings.Contains(out, "mquit\x1b[0m") || time.Now().After(deadline) {
			break // the key bar drawn to its end
		}
	}
	tr.waitFor("mquit\x1b[0m")
	out := tr.output()
	if n := strings.Count(out, "\x1b]11;?"); n != 1 {
		t.Errorf("the terminal was asked its background %d times; want once", n)
	}
	if !strings.Contains(out, "\x1b[38;5;243m") || strings.Contains(out, "\x1b[38;5;246m") {
		t.Errorf("on a white terminal under TERM=xterm-256color, the screen is not in the light variants:\n%q", out)
	}
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestTrainerWaitsLittleForNoBackground: on a terminal that answers
// nothing, under tmux's name and under xterm's, the trainer waits
// tui.BackgroundWait (300 ms) for its background, where it waited a
// second under tmux and, under xterm, termenv's five seconds in
// bubbletea's init: from the question to the hush that follows it, which
// the test holds the trainer at, well under two seconds go by however
// loaded the machine. The screen is then in the dark variants.
func TestTrainerWaitsLittleForNoBackground(t *testing.T) {
	for _, term := range []string{"tmux-256color", "xterm-256color"} {
		t.Run(term, func(t *testing.T) {
			tr := newTrainer(t, "ganui", t.TempDir(), &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
				append(askedEnv, "TERM="+term, "GANUI_TEST_BACKGROUND_WAIT="), "--preset", "vanilla", "--epochs", "100", "--paused")
			tr.holdHushes()
			tr.start()
			tr.waitFor("\x1b]11;?")
			asked := time.Now()
			tr.heldAtHush("\x1b[?1049h") // the question given up
			if took := time.Since(asked); took > 2*time.Second {
				t.Errorf("the trainer waited %.1f s for an answer that never came; want 0.3 s", took.Seconds())
			}
			tr.letGo()
			tr.waitFor("mquit\x1b[0m")
			if out := tr.output(); !strings.Contains(out, "\x1b[38;5;246m") {
				t.Errorf("unanswered, the screen is not in the dark variants:\n%q", out)
			}
			tr.master.WriteString("q")
			tr.heldAtHush("final preset=")
			tr.letGo()
			if code := tr.wait(); code != 0 {
				t.Fatalf("exit %d", code)
			}
		})
	}
}

// TestKeyTypedWhileTheBackgroundIsAskedReachesTheTrainer: a q typed
// while the trainer waits for the terminal's background, read with the
// answer (before it here, or in its stead where none comes within the
// wait), quits the trainer, where the question's read took it and the
// trainer ran on. The wait is the test's, long: the q comes within it
// however slowly either side is run.
func TestKeyTypedWhileTheBackgroundIsAskedReachesTheTrainer(t *testing.T) {
	for _, c := range []struct{ name, wait, answer string }{
		{"answered", "1h", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R"},
		{"unanswered", "2s", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tr := startTrainerAs(t, &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
				append(askedEnv, "GANUI_TEST_BACKGROUND_WAIT="+c.wait), "--preset", "vanilla", "--epochs", "100", "--paused")
			tr.waitFor("\x1b]11;?")
			tr.typeIn("q")
			time.Sleep(50 * time.Millisecond) // read alone, or with the answer: either way before it
			tr.master.WriteString(c.answer)
			tr.waitFor("\x1b[?1049h") // the screen up
			select {
			case <-tr.exited:
			case <-time.After(30 * time.Second):
				t.Fatalf("the q typed while the terminal was asked its background was lost: the trainer runs on; it wrote:\n%q", tr.output())
			}
			if code := tr.wait(); code != 0 {
				t.Fatalf("exit %d", code)
			}
		})
	}
}

// TestPasteCutByTheBackgroundsAnswerIsText: a bracketed paste begun
// while the trainer waits for the terminal's background, its end marker
// still to come when the answer has come whole, is read to its end, as
// bubbletea's reader reads a paste: the trainer says it takes no pasted
// text, where the paste's start was dropped with the question's read and
// its rest came to the trainer as keys, a pasted q quitting it. The
// paste's rest is typed once the trainer holds at the hush that follows
// the question, as it did, or a second on, the wait's an hour here.
func TestPasteCutByTheBackgroundsAnswerIsText(t *testing.T) {
	tr := newTrainer(t, "ganui", t.TempDir(), &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
		askedEnv, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.holdHushes()
	tr.start()
	tr.waitFor("\x1b]11;?")
	tr.typeIn("\x1b[200~q")
	tr.typeIn("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R")
	held := false
	select {
	case <-tr.hushes: // the question's read ended with the answer
		held = true
	case <-time.After(time.Second): // reading on, for the paste's end
	}
	tr.typeIn("q\x1b[201~")
	if !held {
		tr.heldAtHush("\x1b[?1049h")
	}
	tr.letGo()
	const want = "pasted text (2 characters) is not taken as keys"
	guard := time.After(hangGuard) // a hang guard only
	for !strings.Contains(tr.output(), want) {
		select {
		case <-tr.hushes: // the hush before the final line: quitting
			t.Fatalf("the paste's rest was taken as keys, its q quitting the trainer; want %q on the screen; it wrote:\n%q", want, tr.output())
		case <-guard:
			t.Fatalf("no %q on the screen; it wrote:\n%q", want, tr.output())
		case <-time.After(10 * time.Millisecond):
		}
	}
	tr.typeIn("q")
	tr.heldAtHush("final preset=")
	tr.letGo()
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestLatePasteEndCutByTheBackgroundsAnswerIsWaitedFor: a bracketed
// paste begun while the trainer asks the terminal its background, whose
// end marker has not come when the question's read gives it up, is said
// at once, of the characters read, "pasted text is arriving… (2
// characters so far)", where it was dropped without a word; its rest, come
// later, is pasted text too until the end marker, however late, and the
// status then counts the whole paste: its r reseeded the run and its q
// quit it. The question waits an hour (askedEnv), so that the answer
// typed after the paste is read with it however slowly either side runs;
// the paste's end alone is waited for a second (tui.PasteWait), which no
// byte the test types can race: the rest is typed once the first part is
// on the screen.
func TestLatePasteEndCutByTheBackgroundsAnswerIsWaitedFor(t *testing.T) {
	tr := newTrainer(t, "ganui", t.TempDir(), &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
		append(askedEnv, "GANUI_TEST_PASTE_WAIT=1s"), "--preset", "vanilla", "--epochs", "100", "--paused") // the question answered however late; the paste's end waited for a second
	tr.start()
	tr.waitFor("\x1b]11;?")
	tr.typeIn("\x1b[200~qq")
	tr.typeIn("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R")
	guard := time.After(hangGuard) // a hang guard only
	for _, step := range []struct{ want, then string }{
		{"pasted text is arriving… (2 characters so far)", "rq"},
		{"", "\x1b[201~"},
		{"pasted text (4 characters) is not taken as keys", "q"},
	} {
		for !strings.Contains(tr.output(), step.want) {
			select {
			case <-tr.exited:
				t.Fatalf("the paste's rest was taken as keys, its q quitting the trainer; want %q on the screen; it wrote:\n%q", step.want, tr.output())
			case <-guard:
				t.Fatalf("no %q on the screen; it wrote:\n%q", step.want, tr.output())
			case <-time.After(10 * time.Millisecond):
			}
		}
		tr.typeIn(step.then)
	}
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestLatePasteEndMidRunIsWaitedFor: a bracketed paste into the running
// trainer whose end marker comes late, a second after its start (a slow
// link), is one paste, as bubbletea's reader reads one to its end marker
// however late: the status counts it whole, and its q quits nothing.
// The second is a wall-clock wait, as TestPasteCutByTheBackgroundsAnswerIsText's:
// where the trainer is too slow to read the start within it, start and
// end are read together, and the test tests less, but does not fail.
func TestLatePasteEndMidRunIsWaitedFor(t *testing.T) {
	tr := newTrainer(t, "ganui", t.TempDir(), &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
		askedEnv, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.start()
	tr.waitFor("\x1b]11;?")
	tr.typeIn("\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[1;1R")
	tr.waitFor("mquit\x1b[0m") // the first frame of the run
	tr.typeIn("\x1b[200~qq")
	select {
	case <-tr.exited:
		t.Fatalf("the paste's start was taken as keys, its q quitting the trainer; it wrote:\n%q", tr.output())
	case <-time.After(time.Second):
	}
	tr.typeIn("rq\x1b[201~")
	const want = "pasted text (4 characters) is not taken as keys"
	guard := time.After(hangGuard) // a hang guard only
	for !strings.Contains(tr.output(), want) {
		select {
		case <-tr.exited:
			t.Fatalf("the paste was taken as keys, its q quitting the trainer; want %q on the screen; it wrote:\n%q", want, tr.output())
		case <-guard:
			t.Fatalf("no %q on the screen; it wrote:\n%q", want, tr.output())
		case <-time.After(10 * time.Millisecond):
		}
	}
	tr.typeIn("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestEscTypedAsTheBackgroundGoesUnansweredIsAKey: an esc typed while
// the trainer waits for a background that never comes, the last byte
// the question's read took in, is a key, as bubbletea reads an ESC that
// ends a read: the status says esc closes nothing, where it was taken
// for the start of an answer cut by the wait and dropped unsaid. The
// wait is two seconds: the esc comes within it however slowly either
// side is run.
func TestEscTypedAsTheBackgroundGoesUnansweredIsAKey(t *testing.T) {
	tr := newTrainer(t, "ganui", t.TempDir(), &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
		append(askedEnv, "GANUI_TEST_BACKGROUND_WAIT=2s"), "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.holdHushes()
	tr.start()
	tr.waitFor("\x1b]11;?")
	tr.typeIn("\x1b")
	tr.heldAtHush("\x1b[?1049h") // the question given up
	tr.letGo()
	tr.waitFor("mquit\x1b[0m") // the first frame of the run, drawn after the keys typed before it were taken
	if want := "esc closes the help or a replay, and neither is open"; !strings.Contains(tr.output(), want) {
		t.Errorf("the esc typed as the question went unanswered was dropped: no %q on the first frame; it wrote:\n%q", want, tr.output())
	}
	tr.typeIn("q")
	tr.heldAtHush("final preset=")
	tr.letGo()
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestNothingAsksTheTerminalAtStart: ganui writes no question to its
// terminal before main runs, where bubbletea's init asked every ganui
// command's terminal its background (OSC 11, then the cursor's position)
// and termenv waited five seconds for an answer that never came: ganui
// --version took five seconds on such a terminal, and a headless run's
// first line as long. The terminal here is the controlling one, ganui in
// its foreground, TERM=xterm-256color, as termenv asks.
func TestNothingAsksTheTerminalAtStart(t *testing.T) {
	tr := startTrainerAs(t, &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0, Pdeathsig: syscall.SIGKILL},
		append(askedEnv, "TERM=xterm-256color"), "--version")
	for asked := false; ; time.Sleep(10 * time.Millisecond) {
		out := tr.output()
		if !asked && strings.Contains(out, "\x1b]11;?") {
			tr.master.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R") // answered, so as not to wait the five seconds
			asked = true
			t.Errorf("ganui --version asked the terminal its background; it wrote:\n%q", out)
		}
		select {
		case <-tr.exited:
		default:
			continue
		}
		break
	}
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, tr.stderr.String())
	}
	tr.waitFor("ganui ")
}

// TestTermIsPutBackAfterTheInits: TERM, kept dumb while the packages are
// initialized (internal/quietinit) so that bubbletea's init asks the
// terminal nothing, is what ganui was started with once main runs, as
// the kernel keeps the environment ganui was started with: the screen's
// colours, and each test's child, read it.
func TestTermIsPutBackAfterTheInits(t *testing.T) {
	environ, err := os.ReadFile("/proc/self/environ")
	if err != nil {
		t.Skip(err)
	}
	was, had := "", false
	for _, kv := range strings.Split(string(environ), "\x00") {
		if v, ok := strings.CutPrefix(kv, "TERM="); ok {
			was, had = v, true
		}
	}
	if term, ok := os.LookupEnv("TERM"); term != was || ok != had {
		t.Errorf("TERM is %q (set %v); ganui was started with %q (set %v)", term, ok, was, had)
	}
}

// TestTrainerNamesTheFilesItWrote: the lines printed once the trainer has quit
// name the files its keys wrote, before the final line, so that w then q a
// moment later does not leave the checkpoint on disk and its note, the status
// line's alone, gone with the screen. Of two checkpoints the latest is named,
// with its resume command, and the other counted.
func TestTrainerNamesTheFilesItWrote(t *testing.T) {
	tr := startTrainer(t, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.waitFor("paused at epoch 0")
	tr.master.WriteString("w")
	tr.waitFor("saved epoch 0")
	tr.master.WriteString("n")
	tr.waitFor("epoch 1 / 100")
	tr.master.WriteString("wq")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	tr.waitFor("again: ganui")
	_, after, _ := strings.Cut(tr.output(), "\x1b[?1049l") // the alternate screen left
	want := "saved epoch 1: ganui --resume ganui-vanilla-seed1-epoch1.ckpt continues from it · and 1 earlier checkpoint\r\nfinal preset=vanilla seed=1 epochs=1 "
	if !strings.Contains(after, want) {
		t.Errorf("after the trainer: %q; want %q", after, want)
	}
	for _, name := range []string{"ganui-vanilla-seed1-epoch0.ckpt", "ganui-vanilla-seed1-epoch1.ckpt"} {
		if _, err := os.Stat(filepath.Join(tr.cmd.Dir, name)); err != nil {
			t.Error(err)
		}
	}
}

// TestTrainerSaysAtStartItCannotWriteHere: started in a directory that takes no
// file (Linux's /proc, which takes none, as root too), the trainer says so on
// its first screen, with the keys that will fail, the directory named by its
// path as a w's note names it, and what to do, not only once a w pressed fails,
// nor in a notice that does not name the directory, "cannot write in this
// directory (no new files taken)".
func TestTrainerSaysAtStartItCannotWriteHere(t *testing.T) {
	tr := startTrainerIn(t, "/proc", &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, nil, "--preset", "vanilla", "--epochs", "100", "--paused")
	tr.waitFor("will fail: the current directory /proc takes no new files")
	tr.master.WriteString("q")
	if code := tr.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// TestTrainerSaysItsDirectoryWent (ganui started in /tmp/x, w, rm -rf
// /tmp/x from another shell, q): the checkpoint w wrote is said to be
// gone with its directory, "… which is gone now with its directory,
// /tmp/x", where it had read as if the file alone had gone; and a run
// whose design the command again would load from a file it can no
// longer write (its preset file gone with the directory) says no
// command, where it had said "again: ganui --preset
// ganui-mine-seed1.json --seed 1", naming a file that is not there.
func TestTrainerSaysItsDirectoryWent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "my.json"), []byte(`{"base": "vanilla", "name": "mine", "epochs": 100}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tr := startTrainerIn(t, dir, &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, nil, "--preset", "my.json", "--paused")
	tr.waitFor("paused at epoch 0")
	tr.master.WriteString("w")
	tr.waitFor("saved epoch 0")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	tr.master.WriteString("q")
	if code := tr.wait(); code != 1 {
		t.Fatalf("exit %d, stderr %q; want 1", code, tr.stderr.String())
	}
	tr.waitFor("final preset=mine")
	_, after, _ := strings.Cut(tr.output(), "\x1b[?1049l") // the alternate screen left
	if want := "saved epoch 0 to ganui-mine-seed1-epoch0.ckpt, which is gone now with its directory, " + dir + "\r\n"; !strings.Contains(after, want) {
		t.Errorf("after the trainer: %q; want %q", after, want)
	}
	if strings.Contains(after, "again:") || strings.Contains(after, "the command trains") {
		t.Errorf("after the trainer: %q; want no command again", after)
	}
	if want := "ganui: no command runs this run again: the design it would load is not written: cannot write ganui-mine-seed1.json: the current directory " + dir + " was removed while ganui ran\n"; tr.said() != want {
		t.Errorf("stderr %q; want %q, beside the final line's wait", tr.stderr.String(), want)
	}
}

// TestHelpWrapsToTheTerminal: --help on a terminal of 70 columns is
// written to its width, a COLUMNS of 120 notwithstanding (wrapWidth): no
// line of the usage, the flags (a tab to column 8) or the footer is over
// 70, where they had been written to 80 whatever the terminal, a line of
// 80 wrapping there as the terminal broke it.
func TestHelpWrapsToTheTerminal(t *testing.T) {
	tr := newTrainer(t, "ganui", t.TempDir(), &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, []string{"COLUMNS=120"}, "--help")
	if err := setSize(tr.slave, 70, 30); err != nil {
		t.Fatal(err)
	}
	tr.start()
	tr.waitFor(`says more.`) // the footer's end
	if code := tr.wait(); code != 0 {
		t.Fatalf("--help exited %d", code)
	}
	for _, l := range strings.Split(tr.output(), "\r\n") {
		col := 0
		for _, r := range l {
			if col++; r == '\t' {
				col = (col + 7) / 8 * 8
			}
		}
		if col > 70 {
			t.Errorf("on a terminal of 70 columns --help writes a line of %d:\n%s", col, l)
		}
	}
}
