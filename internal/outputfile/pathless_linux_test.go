package outputfile

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestAPipesDescriptorIsNamedAsThePipe: --log /dev/fd/3 with 3> >(…), or
// --save /dev/stdin with a pipe for standard input, is refused as the pipe
// it is, "/dev/fd/3 is a named pipe, not a regular file: name a file, or
// /dev/null for none", as a named pipe given itself is, an input's alike
// (inputfile.Pathless): not "cannot write /dev/fd/3, a link to
// /dev/fd/pipe:[1242563]: the directory /dev/fd takes no new files", the
// kernel's text for the pipe followed as a path to a file to make.
func TestAPipesDescriptorIsNamedAsThePipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	stdin := filepath.Join(t.TempDir(), "stdin")
	if err := os.Symlink(fmt.Sprintf("/proc/self/fd/%d", r.Fd()), stdin); err != nil {
		t.Fatal(err)
	}
	const pipe = " is a named pipe, not a regular file: name a file, or /dev/null for none"
	for _, path := range []string{fmt.Sprintf("/dev/fd/%d", w.Fd()), fmt.Sprintf("/proc/self/fd/%d", w.Fd()), stdin} {
		checkRefused(t, path, path+pipe)
	}
}
