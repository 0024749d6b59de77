//go:build unix

package tui

import (
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
