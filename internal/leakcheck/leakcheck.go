// Package leakcheck lets a test make sure that what it ran left nothing
// running or open behind it: no goroutine of ganui's (a session's own, a
// batch's workers, a signal or terminal watch), no file. Only tests
// import it.
package leakcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Check notes the goroutines running now and, when t ends (after the
// cleanups registered after it, which stop what the test started), waits
// for every goroutine started since that runs ganui's code to end. It
// fails t with their stacks if one is still there after a minute. Call it
// first in the test.
//
// The engine's helper for large products (engine.SetProductWorkers) is
// not counted: it is started once and serves every run of the process.
func Check(t testing.TB) {
	t.Helper()
	before := map[string]bool{}
	for _, g := range goroutines() {
		before[g.id] = true
	}
	t.Cleanup(func() {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for try := 0; ; try++ {
			left := leftOver(before)
			if len(left) == 0 {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("goroutines of ganui's outlived the test (%d):\n\n%s", len(left), strings.Join(left, "\n\n"))
			}
			// A goroutine that was told to end has most often ended by
			// the next few yields; one still finishing its work (the last
			// epoch's evaluation, a file closed) is waited for on a
			// slower beat.
			if try < 1000 {
				runtime.Gosched()
			} else {
				<-time.After(10 * time.Millisecond)
			}
		}
	})
}

// leftOver returns the stacks of the goroutines, but the calling one and
// those in before, that run ganui's code.
func leftOver(before map[string]bool) []string {
	var out []string
	for i, g := range goroutines() {
		if i == 0 || before[g.id] || !g.ours() { // the first is the caller
			continue
		}
		out = append(out, g.stack)
	}
	return out
}

type goroutine struct{ id, stack string }

// goroutines returns every goroutine's stack, the caller's first.
func goroutines() []goroutine {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []goroutine
	for _, block := range bytes.Split(buf, []byte("\n\n")) {
		stack := string(block)
		head, _, _ := strings.Cut(stack, " [")
		id, ok := strings.CutPrefix(head, "goroutine ")
		if ok {
			out = append(out, goroutine{id, stack})
		}
	}
	return out
}

// ours reports whether a function of ganui's is on g's stack or started
// it: one of the module's packages, or package main, ganui itself (whose
// test binary's own main, testing's, is running from the start).
func (g goroutine) ours() bool {
	if strings.Contains(g.stack, "\ngithub.com/ganui/ganui/engine.helper(") {
		return false // process-wide: see Check
	}
	for _, line := range strings.Split(g.stack, "\n")[1:] {
		if strings.HasPrefix(line, "\t") {
			continue // a file and line
		}
		fn := strings.TrimPrefix(line, "created by ")
		if strings.HasPrefix(fn, "github.com/ganui/ganui/") || strings.HasPrefix(fn, "main.") {
			return true
		}
	}
	return false
}

// OpenFiles returns the names of the files the process has open whose
// path begins with prefix (a file removed while open ends in
// " (deleted)"). It skips t where the system does not list a process's
// open files (/proc/self/fd).
func OpenFiles(t testing.TB, prefix string) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("the open files are not listed here: %v", err)
	}
	var out []string
	for _, fd := range fds {
		if name, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	return out
}
