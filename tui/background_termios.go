//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package tui

import (
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// askBackground asks the terminal f its background as termenv asks it
// (OSC 11, then the cursor's position, CSI 6n, which every terminal
// answers, after the first where it answers that), its echo and line
// editing off meanwhile, and tells whether it is dark; ok is false where
// f is not asked (ganui not in its foreground, whose mode it cannot set
// without being stopped) or does not answer the colour within wait.
// termenv waits up to five seconds for each byte of the answer: a
// terminal that answers nothing (a pseudo-terminal a program holds
// without playing a terminal's part) held the first screen that long.
// Where the wait ends before the position comes, it sets
// backgroundUnanswered, and backgroundBegun to what was read of the
// answer, whose rest the trainer drops. Keys typed meanwhile, read with
// the answer, it keeps in backgroundTyped, for the trainer.
func askBackground(f *os.File, wait time.Duration) (dark, ok bool) {
	backgroundUnanswered = false
	fd := int(f.Fd())
	if group, err := unix.IoctlGetInt(fd, unix.TIOCGPGRP); err != nil || group != unix.Getpgrp() {
		return false, false
	}
	was, err := unix.IoctlGetTermios(fd, getTermios)
	if err != nil {
		return false, false
	}
	quiet := *was
	quiet.Lflag &^= unix.ECHO | unix.ICANON
	if err := unix.IoctlSetTermios(fd, setTermios, &quiet); err != nil {
		return false, false
	}
	defer unix.IoctlSetTermios(fd, setTermios, was)
	if _, err := f.WriteString("\x1b]11;?\x1b\\\x1b[6n"); err != nil {
		return false, false
	}
	answer, late := readAnswer(f, wait)
	backgroundUnanswered = late
	backgroundTyped, backgroundBegun = answerBegun(answer, late)
	if late {
		return false, false
	}
	dark, ok, _ = backgroundAnswer(answer)
	return dark, ok
}

// readAnswer reads f, the terminal askBackground asked, until its answer
// is whole (backgroundAnswer's done), f fails, or wait has passed: late
// where wait passed first, answer what was read by then, which may be an
// answer begun whose rest comes to the trainer (answerBegun). A
// bracketed paste begun in what it read is read on to its end marker
// (pasteOpen), each next read waited for as long as the answer was, a
// second (answerRest) at least: the trainer's own reader, bubbletea's,
// waits for a paste's end likewise, and a paste cut here lost its start
// and left its rest to the trainer as keys. A last read that filled its
// buffer is read on through what has come already, as bubbletea reads on
// after a full read: an answer read with 31 bytes of keys after it cut
// the next key's sequence at the 64th byte, a left arrow's "ESC [" read
// here and its "[D" the trainer's, read as esc and D where ← was typed
// ("D is not a key here"), its "[" dropped as a position's start. Split
// from askBackground so that a pipe can play the terminal.
func readAnswer(f *os.File, wait time.Duration) (answer []byte, late bool) {
	fd := int(f.Fd())
	b := make([]byte, 64)
	done, full := false, false
	for deadline := time.Now().Add(wait); ; {
		left := time.Until(deadline)
		late = late || !done && left <= 0
		if done || late {
			switch {
			case pasteOpen(answer):
				left = max(wait, answerRest) // the paste's rest comes at once
				if PasteWait > 0 {
					left = PasteWait
				}
			case full:
				left = 0 // what has come already
			default:
				return answer, late
			}
		}
		n, err := unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}, int(left.Milliseconds())+1)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			return answer, late || n == 0 && err == nil && !done
		}
		n, err = f.Read(b)
		if err != nil {
			return answer, late
		}
		answer, full = append(answer, b[:n]...), n == len(b)
		if _, _, whole := backgroundAnswer(answer); whole && !late {
			done = true
		}
	}
}
