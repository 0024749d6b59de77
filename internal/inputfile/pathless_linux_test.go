package inputfile

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestAPipesDescriptorIsNamedAsThePipe: /dev/fd/63 of --preset <(…) and
// /proc/self/fd/N, the kernel's links to a pipe or a socket, whose text
// ("pipe:[1100278]") names no path, are refused as what they are, named as
// given, "/dev/fd/63 is a named pipe, not a regular file: …", and a link to
// one (/dev/stdout, the system's link to /proc/self/fd/1, a pipe when a
// pipe is standard output) as the link: not "/dev/fd/63 is a link to
// /dev/fd/pipe:[1100278], a named pipe, …", the kernel's text joined onto
// the link's directory, a path that does not exist.
func TestAPipesDescriptorIsNamedAsThePipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fds[0])
	defer syscall.Close(fds[1])
	dir := t.TempDir()
	stdout := filepath.Join(dir, "stdout")
	if err := os.Symlink(fmt.Sprintf("/proc/self/fd/%d", w.Fd()), stdout); err != nil {
		t.Fatal(err)
	}
	const pipe = " is a named pipe, not a regular file: save what it gives to a file and name that"
	for path, want := range map[string]string{
		fmt.Sprintf("/dev/fd/%d", r.Fd()):       fmt.Sprintf("/dev/fd/%d", r.Fd()) + pipe,
		fmt.Sprintf("/proc/self/fd/%d", w.Fd()): fmt.Sprintf("/proc/self/fd/%d", w.Fd()) + pipe,
		stdout:                                  stdout + pipe,
		fmt.Sprintf("/dev/fd/%d", fds[0]):       fmt.Sprintf("/dev/fd/%d is a socket, not a regular file: save what it gives to a file and name that", fds[0]),
	} {
		if _, err := Open(path); err == nil || err.Error() != want {
			t.Errorf("Open(%s) = %v, want %q", path, err, want)
		}
	}
}

// TestPathlessIsTheKernelsLinksOnly: a link of the user's whose text looks
// like the kernel's, "pipe:[1]", is a relative path like any other, and a
// descriptor's link to a file with a path is followed to it.
func TestPathlessIsTheKernelsLinksOnly(t *testing.T) {
	dir := t.TempDir()
	if Pathless(filepath.Join(dir, "p"), "pipe:[1]") {
		t.Error(`a link in a directory of the user's to "pipe:[1]" is called the kernel's`)
	}
	f, err := os.Create(filepath.Join(dir, "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if Pathless(fmt.Sprintf("/proc/self/fd/%d", f.Fd()), f.Name()) {
		t.Errorf("/proc/self/fd's link to %s is called pathless", f.Name())
	}
}
