//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInputsMustBeRegularFiles (issue: --resume /dev/zero grew without
// bound, a FIFO hung): devices, pipes and directories exit 2 at once, and
// so does a preset file over its cap.
func TestInputsMustBeRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	zero := filepath.Join(dir, "zero.json")
	os.Symlink("/dev/zero", zero)
	big := writeFile(t, "big.json", `{"base": "vanilla", "description": "`+strings.Repeat(" ", 300<<10)+`"}`)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--resume", "/dev/zero"}, "a device"},
		{[]string{"--headless", "--resume", fifo}, "a named pipe"},
		{[]string{"--headless", "--resume", dir}, "a directory"},
		{[]string{"--headless", "--preset", zero}, "a device"},
		{[]string{"--headless", "--preset", "/dev/urandom"}, "a device"},
		{[]string{"--headless", "--preset", fifo}, "a named pipe"},
		{[]string{"--headless", "--preset", big}, "larger than 256 KiB"},
	}
	for _, c := range cases {
		done := make(chan struct{})
		go func() {
			defer close(done)
			wantUsageError(t, c.args, c.want)
		}()
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Fatalf("%q: still running after a minute", c.args)
		}
	}
}
