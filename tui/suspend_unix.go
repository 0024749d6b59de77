//go:build unix

package tui

import (
	"os"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// sigStop is the signal that asks a process to stop as a shell's job.
var sigStop os.Signal = syscall.SIGTSTP

// sigCont is the signal that continues a stopped process.
var sigCont os.Signal = syscall.SIGCONT

// stopProcessGroup stops this process's group, as a SIGTSTP left to the
// kernel does (stopCatcher).
func stopProcessGroup() { _ = syscall.Kill(0, syscall.SIGSTOP) }

// noSuspendWhy is why ctrl+z cannot suspend the trainer here, or "" when
// it can.
func noSuspendWhy() string {
	if jobControl(os.Getpid(), lookProc) {
		return ""
	}
	return "ctrl+z: no shell's job control here to fg ganui back: not suspended"
}

// lookProc is process pid's parent, group and session: from /proc where
// there is one; elsewhere its group and session, and the parent of this
// process alone.
func lookProc(pid int) (proc, bool) {
	if b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
		return procStat(string(b))
	}
	pgid, err := unix.Getpgid(pid)
	if err != nil {
		return proc{}, false
	}
	sid, err := unix.Getsid(pid)
	if err != nil {
		return proc{}, false
	}
	ppid := -1
	if pid == os.Getpid() {
		ppid = os.Getppid()
	}
	return proc{ppid, pgid, sid}, true
}

// procStat reads a process's parent, group and session from the text of
// its /proc/PID/stat: pid (comm) state ppid pgrp session …. comm, the
// program's name, is whatever its starter chose, spaces and parentheses
// too, so the fields are counted from the last ')'.
func procStat(s string) (proc, bool) {
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 4 {
		return proc{}, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	pgid, err2 := strconv.Atoi(f[2])
	sid, err3 := strconv.Atoi(f[3])
	return proc{ppid, pgid, sid}, err1 == nil && err2 == nil && err3 == nil
}
