//go:build unix

package tui

import (
	"fmt"
	"os"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// TestLookProcReadsThisProcess: lookProc gives this process's parent,
// group and session as the system calls do, from /proc or without it.
func TestLookProcReadsThisProcess(t *testing.T) {
	sid, err := unix.Getsid(0)
	if err != nil {
		t.Fatal(err)
	}
	want := proc{os.Getppid(), syscall.Getpgrp(), sid}
	if got, ok := lookProc(os.Getpid()); !ok || got != want {
		t.Fatalf("lookProc: %+v (%v), want %+v", got, ok, want)
	}
	if _, ok := lookProc(-5); ok {
		t.Error("lookProc found a process -5")
	}
}

// FuzzProcStat: procStat reads the parent, group and session of a
// /proc/PID/stat line whatever the program's name between its
// parentheses, spaces, parentheses and line ends in it too ("a) R 1 2 3"
// names a program, not its fields), and no text makes it panic.
func FuzzProcStat(f *testing.F) {
	for _, comm := range []string{"bash", "go", "ganui", "a b", ")", "(", "a) R 1 2 3", "x (y) z", "\n", ""} {
		f.Add(comm, int32(1), int32(2), int32(3))
	}
	f.Add(") S 1 2", int32(-1), int32(0), int32(0))
	f.Fuzz(func(t *testing.T, comm string, ppid, pgid, sid int32) {
		procStat(comm) // any text
		line := fmt.Sprintf("4242 (%s) S %d %d %d 34816 4242 4194560 1190 0 0 0\n", comm, ppid, pgid, sid)
		want := proc{int(ppid), int(pgid), int(sid)}
		if got, ok := procStat(line); !ok || got != want {
			t.Fatalf("%q: %+v (%v), want %+v", line, got, ok, want)
		}
	})
}
