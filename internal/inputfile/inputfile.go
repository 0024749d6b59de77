// Package inputfile opens the files ganui reads — preset files,
// checkpoints, a points(FILE.csv) target's data and the --log a resumed
// run goes on with — safely: only regular files, never a named pipe
// (which would block until a writer comes), a device (/dev/zero never
// ends) or a directory; never past the size the file had when opened;
// and never more bytes than the caller allows.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/ganui/ganui/internal/shellword"
)

// File is a regular file open for reading up to the size it had when it
// was opened, and no further: a file that grows meanwhile (a log still
// being written) reads as it was. One of the kernel's files under /proc
// or /sys, which claim to be regular, hold no size and make up their
// contents as they are read, is not opened (madeByKernel): read up to
// its size, it would be told "empty (0 bytes)", and read further,
// /proc/kmsg would block until the kernel logs something, and take that
// from the system's log. Its refusal says to save what it gives to a
// file, as a named pipe's does, not only what the file is.
// It reads, seeks and reads at an offset as an io.SectionReader of the
// file does.
type File struct {
	*io.SectionReader
	f    *os.File
	path string // as given to Open, for messages
}

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }

// Open opens path for reading if it is a regular file, following
// symbolic links. Anything else is refused before it is opened, with an
// error that says what it is.
func Open(path string) (*File, error) {
	if path == "" {
		return nil, fmt.Errorf("no file named (an empty path); give a file's name")
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, unreachable(err)
	}
	if err := Regular(path, st, false); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unreachable(err)
	}
	if st, err = f.Stat(); err == nil { // it may have been replaced since
		err = Regular(path, st, false)
	}
	if err == nil && st.Size() == 0 && madeByKernel(f) {
		err = fmt.Errorf("%s is a file the kernel makes up as it is read, not a regular file: save what it gives to a file and name that", shellword.Quote(path))
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &File{SectionReader: io.NewSectionReader(f, 0, st.Size()), f: f, path: path}, nil
}

// unreachable words a file that could not be reached for its reader: the
// path and the system's reason, "run.ckpt: no such file or directory",
// without the system call's name ("stat run.ckpt: …" read as the
// program's internals), and where the path is a symbolic link, where it
// leads (linked): "run.ckpt, a link to old/run.ckpt: no such file or
// directory", as an output's refusal names one, not the link's own name
// alone, which ls lists there. The reason stays wrapped, so errors.Is
// still finds fs.ErrNotExist or fs.ErrPermission in it.
func unreachable(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(pe.Err, syscall.ELOOP) {
		return LinkLoop(pe.Path)
	}
	if errors.As(err, &pe) && errors.Is(pe.Err, syscall.ENOTDIR) {
		if file, st, ok := OnTheWay(pe.Path); ok {
			return fmt.Errorf("%s: %s is %s, %w", linked(pe.Path), shellword.Quote(file), What(st.Mode()), pe.Err) // "…, not a directory"
		}
	}
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", linked(pe.Path), pe.Err)
	}
	return err
}

// OnTheWay finds the file on path's way where a directory belongs, of a
// path the system will not look up for it (ENOTDIR): run.ckpt of
// run.ckpt/sub/x.csv, the nearest to path, and what it is, through its
// links; ok is false where there is none (changed since). An input's
// refusal and an output's name it, "run.ckpt is a regular file, not a
// directory", where the system's words, "run.ckpt/sub/x.csv: not a
// directory", named no file. The path's directories are looked up as
// written, each before a separator of it, not as filepath.Dir cleans
// them: ./run.ckpt/../x.ckpt has run.ckpt on its way, where the cleaned
// path's directory is ".", and it was told the system's "not a
// directory" alone.
func OnTheWay(path string) (file string, st fs.FileInfo, ok bool) {
	for end := len(path); end > 0; end-- {
		if !os.IsPathSeparator(path[end-1]) || end == 1 {
			continue
		}
		dir := path[:end-1] // a directory path names, its separator after it
		if st, err := os.Stat(dir); err == nil && !st.IsDir() {
			return dir, st, true
		}
	}
	return "", nil, false
}

// linked is path, and where it is a symbolic link, the file its links
// lead to, as far as they lead: "dl.ckpt, a link to nowhere/x.ckpt",
// each quoted where a shell would not read it as one word
// (shellword.Quote), "'my run.ckpt', a link to 'old runs/run.ckpt'", as
// every file an input's refusal names is.
func linked(path string) string {
	if to := leadsTo(path); to != path {
		return shellword.Quote(path) + ", a link to " + shellword.Quote(to)
	}
	return shellword.Quote(path)
}

// leadsTo is the file path's symbolic links lead to, as far as they lead:
// path itself where it is no link. A chain that reaches one of the
// kernel's links to a file with no path (Pathless: a pipe, a socket)
// ends before that link, at the name that leads to it: /dev/fd/63 of
// <(…) is itself the pipe, and /dev/stdout, the system's link to
// /proc/self/fd/1, is a pipe when a pipe is standard output; neither is
// "a link to /dev/fd/pipe:[1100278]", the kernel's words for the pipe
// joined onto the link's directory, a path that does not exist.
func leadsTo(path string) string {
	to := path
	for range 40 { // as many links as Linux follows
		st, err := os.Lstat(to)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			break
		}
		link, err := os.Readlink(to)
		if err != nil || Pathless(to, link) {
			break
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(to), link)
		}
		if next, err := os.Readlink(link); err == nil && Pathless(link, next) {
			break
		}
		to = link
	}
	return to
}

// Pathless reports whether link, a symbolic link whose text is text, is
// one of the kernel's links to an open file that has no path, one of
// /proc's (or /dev/fd's, which are /proc's) descriptors: a pipe's, of
// bash's <(…) or a pipe made standard output, "pipe:[1100278]"; a
// socket's, "socket:[…]"; an anonymous inode's, "anon_inode:[eventfd]".
// Its text is the kernel's name for the file, not a path to it:
// followed as one, it leads to a file that does not exist. The link
// itself, which the system follows, is the file (os.Stat says what it
// is). On systems without /proc, none is.
func Pathless(link, text string) bool {
	return !strings.HasPrefix(text, "/") && strings.Contains(text, ":") && onProc(filepath.Dir(link))
}

// LinkLoop is the refusal of path, whose symbolic links lead round in a
// loop (a link to a link back to the first) and so to no file: said so,
// with what to give instead, where the system's "too many levels of
// symbolic links" says neither. errors.Is finds syscall.ELOOP in it.
func LinkLoop(path string) error {
	return &unnamed{msg: shellword.Quote(path) + ": its symbolic links lead round in a loop, to no file: name the file itself", err: syscall.ELOOP}
}

// Unnamed returns err, an error of Open or ReadAll about path, without
// the path it begins with, for a message that has named the file already:
// `target "points(pts.csv)": permission denied`, not "…: pts.csv:
// permission denied", which says it twice. "pts.csv is a directory, …"
// becomes "it is a directory, …", and "pts.csv, a link to old/pts.csv: …"
// "it is a link to old/pts.csv: …". The error stays wrapped, so that
// errors.Is still finds fs.ErrNotExist in it.
func Unnamed(err error, path string) error {
	msg, named := err.Error(), shellword.Quote(path) // as the messages name it
	if rest, ok := strings.CutPrefix(msg, named+": "); ok {
		msg = rest
	} else if rest, ok := strings.CutPrefix(msg, named+" is "); ok {
		msg = "it is " + rest
	} else if rest, ok := strings.CutPrefix(msg, named+", "); ok {
		msg = "it is " + rest // "it is a link to old/pts.csv: no such file or directory"
	} else {
		return err
	}
	return &unnamed{msg: msg, err: err}
}

// unnamed is an error said without its file's path (Unnamed), or in
// words of ganui's own (LinkLoop).
type unnamed struct {
	msg string
	err error
}

func (u *unnamed) Error() string { return u.msg }
func (u *unnamed) Unwrap() error { return u.err }

// ReadAll reads the regular file at path whole, refusing one larger than
// max bytes before reading any of it.
func ReadAll(path string, max int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.ReadAll(max)
}

// ReadAll reads the open file whole, from its start whatever has been
// read of it, refusing one larger than max bytes before reading any of
// it: a caller that looks at its first bytes first (is it a checkpoint?)
// reads it all without opening it again.
func (f *File) ReadAll(max int64) ([]byte, error) {
	if f.Size() > max {
		return nil, &TooLarge{f.path, f.Size(), max}
	}
	data := make([]byte, f.Size())
	n, err := f.ReadAt(data, 0)
	if err == io.EOF {
		err = nil // it shrank since it was opened: what it holds now
	}
	return data[:n], err
}

// TooLarge is ReadAll's refusal of a file of Size bytes, over its cap
// Max: a caller that knows what such a file holds may say how to make it
// smaller (a points file, every few lines).
type TooLarge struct {
	path      string
	Size, Max int64
}

func (e *TooLarge) Error() string {
	return fmt.Sprintf("%s: larger than %s, the most ganui reads of such a file", shellword.Quote(e.path), size(e.Max))
}

// Regular refuses anything but a regular file, saying what it is and
// what to give instead (Instead): the test for what ganui reads, and, of
// write, for what its outputs may replace. st is the file path leads to;
// where path is a symbolic link, the refusal names the link as given and
// where it leads, "dlink is a link to d, a directory, not a regular file:
// name a file in it", not the link alone, which ls lists as a link, nor
// its target alone, which the user did not name: one wording for an
// input and an output.
func Regular(path string, st fs.FileInfo, write bool) error {
	if st.Mode().IsRegular() {
		return nil
	}
	what := What(st.Mode())
	if to := leadsTo(path); to != path {
		what = "a link to " + shellword.Quote(to) + ", " + what
	}
	return fmt.Errorf("%s is %s, not a regular file%s", shellword.Quote(path), what, Instead(st.Mode(), write))
}

// Instead ends the refusal of a file of mode m given where a regular
// file is wanted with what to give instead, whichever flag it was given
// to: ": name a file in it" for a directory, whether given itself or
// through a link to it. Anything else holds no file to name. One to be
// written, of write, is told ": name a file, or /dev/null for none", the
// one device ganui's output flags take, as no output at all; a named
// pipe or a socket to be read, ": save what it gives to a file and name
// that", as a pipe's (<(…), a piped /dev/stdin) can be; and a device to
// be read, which never ends or holds no file ganui reads (/dev/zero, a
// disk), ": name a file": each is told what to do, not only what the
// file is.
func Instead(m fs.FileMode, write bool) string {
	switch {
	case m.IsDir():
		return ": name a file in it"
	case write:
		return ": name a file, or /dev/null for none"
	case m&(fs.ModeNamedPipe|fs.ModeSocket) != 0:
		return ": save what it gives to a file and name that"
	}
	return ": name a file"
}

// What names the kind of file of mode m for a message: "a directory",
// "a named pipe", "a device", "a socket", "a regular file", or "not a
// regular file" for another.
func What(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a regular file"
}

// size writes a byte count for a message: 256 KiB, 1 MiB.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
