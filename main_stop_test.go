//go:build linux

package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHeadlessStopCountsNot (a headless run or a --seeds batch stopped by
// its shell — ctrl+z, a kill -TSTP, a kill -STOP — counted the stop as
// time run: an hour's stop put the hour in every wall_s it printed then,
// the summary's too, and lowered epochs_per_s): a stop, however it came,
// counts in no timing the run or the batch prints. The hour passes on
// the child's wall clock while it is stopped (GANUI_TEST_SKEW), so the
// test waits for none of it. The run goes on after the continue, and
// SIGINT still stops it as before.
func TestHeadlessStopCountsNot(t *testing.T) {
	for _, c := range []struct {
		name string
		stop syscall.Signal
		args []string
	}{
		{"ctrl+z", syscall.SIGTSTP, []string{"--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "10", "--samples", "100"}},
		{"kill -STOP", syscall.SIGSTOP, []string{"--headless", "--preset", "vanilla", "--epochs", "1000000000", "--every", "10", "--samples", "100"}},
		{"seeds", syscall.SIGTSTP, []string{"--headless", "--preset", "vanilla", "--seeds", "1-10000", "--jobs", "2", "--epochs", "200", "--samples", "100"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			skew := filepath.Join(t.TempDir(), "skew")
			if err := os.WriteFile(skew, []byte("0s"), 0o644); err != nil {
				t.Fatal(err)
			}
			// A job of its own, as a shell starts one: the kernel stops a
			// process group that has a parent outside it in its session,
			// not an orphaned one.
			cmd, lines, stderr := startChildWith(t, []string{"GANUI_TEST_SKEW=" + skew},
				&syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}, c.args...)
			var out []string
			next := func() {
				t.Helper()
				if !lines.Scan() {
					t.Fatalf("the child ended early; it wrote:\n%s\nstderr: %s", strings.Join(out, "\n"), stderr.String())
				}
				out = append(out, lines.Text())
			}
			next() // training, timed by the clock
			cmd.Process.Signal(c.stop)
			for deadline := time.Now().Add(hangGuard); procState(t, cmd.Process.Pid) != 'T'; time.Sleep(10 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatalf("%v did not stop the child", c.stop)
				}
			}
			if err := os.WriteFile(skew, []byte("1h"), 0o644); err != nil { // an hour passes
				t.Fatal(err)
			}
			cmd.Process.Signal(syscall.SIGCONT)
			for range 2 {
				next() // trains on
			}
			cmd.Process.Signal(syscall.SIGINT)
			for lines.Scan() {
				out = append(out, lines.Text())
			}
			if err := cmd.Wait(); cmd.ProcessState.ExitCode() != exitSignal {
				t.Fatalf("the child ended with %v, want exit %d; stderr: %s", err, exitSignal, stderr.String())
			}
			// Every wall_s short of the hour, every epochs_per_s at least 1,
			// above the rate under 1 (not 0.0: numtext.Figure shows its digits)
			// an epoch that took the hour gives, or exactly 0.0, never NaN: a
			// run with no training time counted has no rate, and says 0.0 — one
			// the interrupt found before its first epoch (under the race
			// detector on a loaded machine, the next seed may have started), or
			// one begun and ended while the clock was held between the continue
			// and its SIGCONT being told (session.Clock): on a loaded machine a
			// run of 41 epochs can fit in that hold, seed=5 epochs=41
			// state=interrupted wall_s=0.000. The hour counted would give it a
			// rate, under 1, and a wall_s of 3,600 or more.
			timing := regexp.MustCompile(`(wall_s|epochs_per_s)(?:=| +median=)([0-9.e+-]+|NaN)`)
			n := 0
			for _, line := range out {
				for _, m := range timing.FindAllStringSubmatch(line, -1) {
					n++
					v, err := strconv.ParseFloat(m[2], 64)
					if err != nil || math.IsNaN(v) || m[1] == "wall_s" && v >= 3600 || m[1] == "epochs_per_s" && v < 1 && v != 0 {
						t.Errorf("the hour stopped counted: %s", line)
					}
				}
			}
			if n == 0 {
				t.Fatalf("no timing printed:\n%s", strings.Join(out, "\n"))
			}
		})
	}
}

// procState is process pid's state as Linux reports it: R running, S
// sleeping, T stopped, …
func procState(t *testing.T, pid int) byte {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	return f[0][0]
}
