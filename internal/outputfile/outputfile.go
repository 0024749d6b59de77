// Package outputfile writes the files ganui makes — checkpoints, CSV
// histories, figures, preset files — safely: atomically (a failed or
// killed write never leaves a partial file where a good one was), through
// symbolic links, never over anything but a regular file, and never over
// a file of another kind (Kind): a typo that names the user's preset file
// as a checkpoint's is refused, the preset file left as it was.
//
// A headless run holds each of its outputs from its start to its end
// against another process's writing it, by a lock on the file being
// written, in one of two ways. Hold, for a file replaced whole at the end
// (--save, --plot), holds the hidden temporary file it renames into place
// then; Claim, for a file written in place (--log: its rows read as they
// come, kept by a kill, appended to on --resume), holds the file itself.
// Each looks for a hold of either way (Busy) in one step with taking its
// own, under the lock of the file's directory. One
// way could not serve both: a lock on the path's own file for --save
// would need that file made, empty, at the start, for a run killed
// midway to leave behind, and a temporary file for --log would keep its
// rows out of sight until the end.
package outputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
)

// Write creates or replaces path with what fill writes: into a new
// hidden file beside path (mode perm less the umask), synced, then renamed
// over path, and the directory synced so the rename itself is durable. A
// crash or an error midway never leaves a partial file where a good one
// was; on error the temporary file is removed. Temporary files that an
// earlier write of the same path left behind when it was killed are
// removed first, every one no write is still under way in (removeStale).
//
// A symbolic link at path is written through: the file it points to is
// replaced and the link stays. Anything there but a regular file (a
// device, a named pipe, a directory) is refused, never replaced, and so
// is a file that is not of kind (OfKind).
func Write(path string, perm fs.FileMode, kind Kind, fill func(io.Writer) error) error {
	return WritePlaced(path, perm, kind, 0, fill, nil)
}

// WritePlaced is Write, with room for size bytes made first (Reserve;
// 0 for none), so that a file of a size known before it is written is
// refused at once, nothing written, on a disk without its room; and
// calling placed, if not nil, the moment the file is in place: it is
// renamed, and placed called, under the lock Abandon takes, and not at
// all once Abandon has been called (ErrAbandoned). Once
// Abandon has returned, each write has either put its file in place and
// called placed, or never will. A caller counting its files written in
// placed (a session's, Session.Unwritten) tells after Abandon those on
// disk from those not; counted once Write returned, after its rename and
// the directory's sync, a file renamed into place an instant before
// Abandon would be said not written.
func WritePlaced(path string, perm fs.FileMode, kind Kind, size int64, fill func(io.Writer) error, placed func()) error {
	r, err := Reserve(path, perm, kind, size)
	if err != nil {
		return err
	}
	return r.Write(fill, placed)
}

// Reservation is the temporary file of a write begun ahead of its
// contents (Reserve), with room made for them: its Write fills and
// places it, its Release gives it up. It belongs to one goroutine.
type Reservation struct {
	path string   // the file it is to replace, links followed
	kind Kind     // what it replaces (OfKind), asked again at its rename (place)
	f    *os.File // nil once written or released
	g    *gate    // f's steps, shut by Abandon
}

// Reserve begins a write of path as Write does — the same refusals
// (Target, OfKind), the same temporary file beside it — and makes room
// in it for size bytes before anything is written (allocate), so that a
// file system without that room refuses the write now, not when its
// contents are ready: else a --save at the end of hours of training
// would fail with "no space left on device" and the run would be lost.
// The room is the file system's blocks, held by the temporary file
// until Write or Release; a Write of more than size bytes grows it as
// any write does, and can still find the disk full. Where the file
// system compresses or shares blocks (btrfs, ZFS), its own room cannot
// be promised, and Reserve does what allocate can. Refused the room,
// the temporary file is removed; where its directory, made read-only
// meanwhile, will not let it be, it is emptied and named, as Release
// names it (a *LeftError around the refusal): else it would stay there
// named by nothing.
func Reserve(path string, perm fs.FileMode, kind Kind, size int64) (*Reservation, error) {
	return reserve(path, perm, kind, size, false)
}

// Hold is Reserve for a write under way for long, a headless run's
// --save or --plot, held from before its first epoch to its end: it is
// refused with Busy's error while another process is writing path. The
// look for another's write and the making of this one's temporary file
// are one step (lockDir), so that of two runs holding one path at the
// same instant exactly one is refused, the second to take the step: as
// two steps (Busy, then Reserve), both could find the path free before
// either held it, train, and exit 0, the later one's end silently
// replacing the other's file.
func Hold(path string, perm fs.FileMode, kind Kind, size int64) (*Reservation, error) {
	return reserve(path, perm, kind, size, true)
}

// reserve is Reserve, and Hold when alone.
func reserve(given string, perm fs.FileMode, kind Kind, size int64, alone bool) (*Reservation, error) {
	path, err := Target(given)
	if err != nil {
		return nil, err
	}
	if err = OfKind(path, kind); err != nil {
		return nil, err
	}
	removeStale(path)
	var f *os.File
	if alone {
		f, err = createAlone(given, path, perm)
	} else if f, err = createTemp(path, perm); err != nil {
		err = cannotCreate(given, path, err)
	}
	if err != nil {
		return nil, err
	}
	r := &Reservation{path: path, kind: kind, f: f, g: gateOf(f)}
	if size > 0 {
		if err := allocate(gatedWriter{f, r.g}, size); err != nil {
			err = fmt.Errorf("cannot reserve %s bytes for %s: %w", numtext.FormatInt(int(size)), shellword.Quote(path), unwrapPath(err))
			if left := r.Release(); left != nil { // its directory made read-only since: named
				left.Err = err
				return nil, left
			}
			return nil, err
		}
	}
	return r, nil
}

// Write fills r's file with what fill writes, from its start, cuts it
// to what fill wrote, and puts it in place as WritePlaced does: synced,
// renamed over the path Reserve was given (placed called, if not nil,
// under Abandon's lock), the directory synced. A directory that no
// longer takes new files for its permissions (made read-only under a
// long write: a chmod) refuses the rename: what was written is left
// whole in the temporary file then, which an open file is written into
// without the directory's leave, and named (an *UnplacedError), for the
// user to put in place. On any other error the temporary file is
// removed, the file at path left as it was; where the directory refuses
// its removal too, it is emptied and named (a *LeftError), so that the
// user can remove it. Once Abandon has been called, fill's writes fail
// (ErrAbandoned), as the file's cut does: no step of the write lands in
// the file after Abandon (gate). A Reservation is written once: Write
// after Write or Release is an error.
func (r *Reservation) Write(fill func(io.Writer) error, placed func()) (err error) {
	f, g, path := r.f, r.g, r.path
	if f == nil {
		return fmt.Errorf("cannot write %s: its reservation is used up", shellword.Quote(path))
	}
	r.f = nil
	defer finished(f)
	defer func() {
		if ke := (*KeptError)(nil); errors.As(err, &ke) && ke.Unkept != nil {
			return // closed, and left named: it holds what was written
		}
		if errors.As(err, new(*UnplacedError)) {
			return // closed, left whole and named
		}
		if err != nil {
			f.Close()
			rerr := discard(f.Name())
			// An error about the temporary file (a full disk, a size
			// limit) names path: the temporary file is gone.
			if msg := err.Error(); rerr == nil && strings.Contains(msg, f.Name()) {
				err = &renamedError{strings.ReplaceAll(msg, f.Name(), shellword.Quote(path)), err}
			}
			if rerr != nil {
				err = &LeftError{Temp: f.Name(), Why: unwrapPath(rerr), Err: err}
			}
		}
	}()
	if _, err = f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if err = fill(gatedWriter{f, g}); err != nil {
		return err
	}
	end, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	if err = g.step(func() error { return f.Truncate(end) }); err != nil { // the room reserved past it
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = place(f.Name(), path, r.kind, placed); err != nil {
		err = cannotPlace(f.Name(), path, err)
		if de := (*DirError)(nil); errors.As(err, &de) && de.Why == whyPlaceRefused {
			return &UnplacedError{Path: path, Temp: f.Name(), Mode: leaveWhole(f.Name()), Err: de}
		}
		return err
	}
	if d, derr := os.Open(filepath.Dir(path)); derr == nil {
		d.Sync() // best effort: not every file system syncs directories
		d.Close()
	}
	return nil
}

// gate is what the steps that fill a write's temporary file, cut it or
// make room in it pass through, one at a time under its lock, until
// Abandon shuts it: it takes the lock, waiting for the step under way,
// and empties or removes the file, and every step from then on fails
// (ErrAbandoned). So when Abandon returns nothing more is written into
// the file: else a write under way would go on writing past the hole
// Abandon's emptying left, and the file Abandon says is left emptied
// would grow back, sparse, until the process ended.
type gate struct {
	sync.Mutex
	shut bool // by Abandon
}

// step does op under g's lock, unless g is shut.
func (g *gate) step(op func() error) error {
	g.Lock()
	defer g.Unlock()
	if g.shut {
		return ErrAbandoned
	}
	return op()
}

// gatedWriter is what a write's fill writes to: f, through g, a MiB at
// most a step, so that Abandon waits for no more than that to be
// written.
type gatedWriter struct {
	f *os.File
	g *gate
}

func (w gatedWriter) Write(p []byte) (n int, err error) {
	for len(p) > 0 && err == nil {
		var m int
		err = w.g.step(func() (err error) {
			m, err = w.f.Write(p[:min(len(p), 1<<20)])
			return err
		})
		n, p = n+m, p[m:]
	}
	return n, err
}

// discard removes name, a write's temporary file, and where it cannot
// be removed and is still there, empties it, freeing its room, and
// reports the removal's error.
func discard(name string) error {
	err := dirOps.remove(name)
	if err == nil {
		return nil
	}
	if _, serr := os.Lstat(name); errors.Is(serr, fs.ErrNotExist) {
		return nil // gone with its directory
	}
	os.Truncate(name, 0)
	return err
}

// LeftError is a write's error where its temporary file, hidden beside
// the file it was to replace, could not be removed either (its
// directory made read-only under the write): emptied (discard), and
// named, for the user to remove; else nothing would name it. A write of
// the same path once the directory takes files removes it too
// (removeStale). A write given up (Release) has no error of its own:
// Err is the caller's reason for giving it up, or nil.
type LeftError struct {
	Temp string // the temporary file left, its path as the write made it
	Why  error  // why it could not be removed
	Err  error  // the write's own error
}

func (e *LeftError) Error() string {
	if e.Err == nil {
		return e.Left()
	}
	return fmt.Sprintf("%v; %s", e.Err, e.Left())
}

// Left is what e says of the file left, for a caller that words the
// write's error its own way: "its hidden temporary file
// x/.run.ckpt.tmp-decf0776 is left there, emptied (removing it:
// permission denied): remove it once you can".
func (e *LeftError) Left() string {
	return fmt.Sprintf("its hidden temporary file %s is left there, emptied (removing it: %v): remove it once you can", shellword.Quote(e.Temp), e.Why)
}

func (e *LeftError) Unwrap() error { return e.Err }

// placeRefused is the *DirError of path's write refused its rename into
// place for the directory's permissions (err, the system's): said of the
// directory, so that a caller telling of several files there says it
// once.
func placeRefused(path string, err error) *DirError {
	return &DirError{Path: path, Target: path, Dir: filepath.Dir(path), Why: whyPlaceRefused, Err: err}
}

// whyPlaceRefused is a DirError's Why of a directory that refused a
// write its rename into place for its permissions (placeRefused).
const whyPlaceRefused = "takes no new files (renaming one into place there: permission denied)"

// UnplacedError is a write's error where its directory, made read-only
// under the write (a chmod 555 under a run), refused it its rename into
// place (Err, placeRefused's *DirError): what was written is left whole
// in the write's hidden temporary file, Temp, which it was written into
// open, as an open file is written without the directory's leave, cut
// to its size and synced, for the user to put in place once the
// directory takes it (Put). Emptied, as a failed write's file is, it
// would have thrown a checkpoint of hours of training away with the one
// file that held it. The file is marked left whole (leaveWhole), which
// tells a later write of the same path, once the directory is writable,
// that it is no killed write's leftover to remove (removeStale), and Put
// gives its mode back.
type UnplacedError struct {
	Path string // the file not written, links followed
	Temp string // the hidden temporary file that holds what was written
	// Mode is Temp's mode as it was written, where it was marked left
	// whole; 0 where that failed, and a later write removes it.
	Mode fs.FileMode
	Err  error // the *DirError of the refusal
}

// leaveWhole marks temp, a write's hidden temporary file, filled and
// closed, that could not be put where it belongs (its rename refused:
// UnplacedError; no name beside a path something else took: KeptError),
// left whole for the user to move, and returns its mode as it was
// written, for the command that moves it (putCommand) to give back; 0
// where it could not be marked, and a later write of its path removes it
// as a killed write's (removeStale). The mark is its mode: every write
// bit taken off, so that nothing writes into it by mistake, and the
// owner's execute bit set (an execute bit alone where the system has
// none, Windows: read-only then), which no file a write makes has
// (createTemp takes execute bits off perm, and a umask only takes bits
// away): read-only alone is no mark, as a killed write's file made under
// a umask that takes the owner's write bit away (umask 277) is read-only
// too, and would never be removed. A name of another form would be no
// better: the directory that refused the file its place refuses it a new
// name too.
func leaveWhole(temp string) fs.FileMode {
	st, err := os.Lstat(temp)
	if err != nil || !st.Mode().IsRegular() {
		return 0
	}
	if os.Chmod(temp, wholeMode(st.Mode().Perm())) != nil {
		return 0
	}
	if now, err := os.Lstat(temp); err != nil || !leftWhole(now.Mode()) { // a file system that keeps no mode (FAT)
		return 0
	}
	return st.Mode().Perm()
}

// wholeMode is the mode leaveWhole marks a file written with perm by.
func wholeMode(perm fs.FileMode) fs.FileMode {
	if runtime.GOOS == "windows" {
		return perm &^ 0o222
	}
	return perm&^0o222 | 0o100
}

// leftWhole reports whether mode is leaveWhole's mark: no write bit and
// the owner's execute bit (no write bit alone on Windows, which has no
// umask, and no execute bits).
func leftWhole(mode fs.FileMode) bool {
	if mode.Perm()&0o222 != 0 {
		return false
	}
	return runtime.GOOS == "windows" || mode.Perm()&0o100 != 0
}

// putCommand is the shell command that moves temp, a file left whole
// (leaveWhole), to to, each path quoted: "test ! -d /srv/out/run.ckpt &&
// mv /srv/out/.run.ckpt.tmp-decf0776 /srv/out/run.ckpt && chmod 600
// /srv/out/run.ckpt", the chmod giving the file mode, the one it was
// written with, where it was marked. mv replaces a file at to, as the
// write would have; a directory made there since it moves the file into,
// under its hidden name, and the chmod 600 after it locked the
// directory, so the command begins with notDir's test, failing there and
// changing nothing.
func putCommand(temp, to string, mode fs.FileMode) string {
	cmd := notDir(to) + "mv " + shellword.Quote(temp) + " " + shellword.Quote(to)
	if mode != 0 {
		cmd += fmt.Sprintf(" && chmod %o %s", mode, shellword.Quote(to))
	}
	return shellword.Noted(cmd, temp, to) // $'…' said to be bash's and zsh's
}

// wholeWords says temp, a write of a file called base left whole
// (leaveWhole, mode as it returned), and put, the command that moves it
// (putCommand), once what kept it from its place, cause, is mended
// (placedOnce): "left whole in its hidden temporary file
// /srv/out/.run.ckpt.tmp-decf0776, read-only, which no later write of
// run.ckpt removes: once the directory is writable, test ! -d … puts it in
// place", UnplacedError's and KeptError's words alike.
func wholeWords(temp, base string, mode fs.FileMode, put string, cause error) string {
	kept := "read-only, which no later write of " + shellword.Quote(base) + " removes"
	if mode == 0 {
		kept = "which a later write of " + shellword.Quote(base) + " removes"
	}
	return fmt.Sprintf("left whole in its hidden temporary file %s, %s: %s%s puts it in place", shellword.Quote(temp), kept, placedOnce(cause), put)
}

// placedOnce is when the command that moves a file left whole puts it
// in place, said after cause, what refused it its name: "once the disk
// has room, " for a full disk or quota (ENOSPC, EDQUOT: a KeptError's
// link beside what took its path), "once the file system is writable, "
// for one made read-only under the run (EROFS), "once the directory is
// writable, " for its permissions (an UnplacedError's refused rename,
// always), and "" for any other (every kept name taken: the command's
// random name is free now). Said "once the directory is writable" of a
// full disk, it sent the user to chmod a directory that was writable.
func placedOnce(cause error) string {
	switch {
	case errors.Is(cause, syscall.ENOSPC), errors.Is(cause, syscall.EDQUOT):
		return "once the disk has room, "
	case errors.Is(cause, syscall.EROFS):
		return "once the file system is writable, "
	case errors.Is(cause, fs.ErrPermission):
		return "once the directory is writable, "
	}
	return ""
}

// Error says the refusal, and where what was written is and what puts it
// in place: "cannot write /srv/out/run.ckpt: the directory /srv/out
// takes no new files (renaming one into place there: permission
// denied); what was to be written there is left whole in its hidden
// temporary file /srv/out/.run.ckpt.tmp-decf0776, read-only, which no
// later write of run.ckpt removes: once the directory is writable, test
// ! -d /srv/out/run.ckpt && mv /srv/out/.run.ckpt.tmp-decf0776
// /srv/out/run.ckpt && chmod 600 /srv/out/run.ckpt puts it in place".
func (e *UnplacedError) Error() string {
	return fmt.Sprintf("%v; what was to be written there is %s", e.Err, wholeWords(e.Temp, filepath.Base(e.Path), e.Mode, e.Put(), e.Err))
}

func (e *UnplacedError) Unwrap() error { return e.Err }

// Put is the shell command that puts Temp in place, each path quoted:
// "test ! -d /srv/out/run.ckpt && mv /srv/out/.run.ckpt.tmp-decf0776
// /srv/out/run.ckpt && chmod 600 /srv/out/run.ckpt", the chmod giving the file the mode it was written
// with, where it was made read-only.
func (e *UnplacedError) Put() string { return putCommand(e.Temp, e.Path, e.Mode) }

// Release gives up r's write, if it is not written: its temporary file
// is removed, its room freed, the file at its path left as it was. Where
// the directory refuses the removal (made read-only under a run that
// then diverged), the file is emptied, its room freed all the same, and
// named: a *LeftError, its Err nil, for the caller to give the reason it
// gave the write up (a divergence); else the file would stay there, as
// large as the room reserved, named by nothing. It may be called again,
// and after Write, which it leaves alone, returning nil.
func (r *Reservation) Release() *LeftError {
	f := r.f
	if f == nil {
		return nil
	}
	r.f = nil
	defer finished(f)
	named := stillNamed(f) // not removed by Abandon
	f.Close()
	if !named {
		return nil
	}
	if err := discard(f.Name()); err != nil {
		return &LeftError{Temp: f.Name(), Why: unwrapPath(err)}
	}
	return nil
}

// allocate makes room for size bytes in w's file, a new empty one,
// through its gate: reserveSpace, a variable so that a test can give the
// answer of a full disk.
var allocate = reserveSpace

// writeZeros makes room for size bytes in w's file, a new empty one, by
// writing them, zeros, and syncing them: a file system takes the blocks
// of what is written (or, delaying it, counts them as taken), where it
// has no way to reserve them unwritten (reserveSpace). It is what
// posix_fallocate does there too. They are written through w's gate, a
// MiB a step, so that Abandon, which shuts it, waits for one MiB, not
// for the hundreds a checkpoint's room may take, and none is written
// after it.
func writeZeros(w gatedWriter, size int64) error {
	zeros := make([]byte, min(size, 1<<20))
	for left := size; left > 0; {
		n, err := w.Write(zeros[:min(left, int64(len(zeros)))])
		if err != nil {
			return err
		}
		left -= int64(n)
	}
	return w.f.Sync()
}

// Kind is what an output file is — a checkpoint, a history CSV, a figure,
// a preset file — so that an output replaces only a file of its own kind:
// ganui --save my.json, a typo for my.ckpt, is refused rather than
// replacing the user's preset file with a checkpoint, without a word.
type Kind struct {
	// Name is the kind said of a file that is not one: "a ganui
	// checkpoint".
	Name string
	// Is reports whether the file r reads, from its start, is of the
	// kind: its magic, header line or signature.
	Is func(r io.Reader) bool
}

// OfKind refuses the file at path (through any links) when it is not
// empty and not of kind, before anything replaces it: the error names the file, what
// it is not, and what to do. Nothing there, or an empty file (one a
// shell's > made, or a write killed before its first byte), is of every
// kind. A file that cannot be read cannot be told, and is refused too.
// Only a regular file is opened (inputfile.Open): anything else is
// refused, as Target refuses it.
func OfKind(path string, kind Kind) error {
	f, err := inputfile.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("%w: ganui cannot tell whether it is %s, and would replace it", err, kind.Name)
	}
	defer f.Close()
	if f.Size() > 0 && !kind.Is(f) {
		return fmt.Errorf("%s is not %s (it would be replaced); give another name or remove it", shellword.Quote(path), kind.Name)
	}
	return nil
}

// renamedError is err told with another text: the name of the file the
// user gave for that of the temporary file.
type renamedError struct {
	msg string
	err error
}

func (e *renamedError) Error() string { return e.msg }
func (e *renamedError) Unwrap() error { return e.err }

// CheckWritable reports whether a file could be created or replaced at
// path as Write will: what is there (through any links) is a
// regular file that its owner may write, or nothing, and its directory
// exists and takes a new file. A read-only file is refused although a
// rename could replace it: its owner made it so, and is told to give
// another file, where "is read-only" alone would say nothing of what to do.
// Whether the file there
// is of the write's kind is OfKind's to say. Where the directory is the
// cause (a *DirError), the error says what to give instead, as the
// read-only file's does: "…: the directory /proc/self takes no new files
// (creating one there: no such file or directory); give a file in
// another directory", not stopping at what is wrong. A write that fails later says what was lost instead.
func CheckWritable(given string) error {
	err := checkWritable(given)
	if de := (*DirError)(nil); errors.As(err, &de) {
		de.Instead = "give a file in another directory"
		if de.Why == whyMissing {
			de.Instead = "make it, or " + de.Instead
		}
	}
	return err
}

// checkWritable is CheckWritable, a *DirError without what to give
// instead.
func checkWritable(given string) error {
	path, err := Target(given)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.Mode().Perm()&0o200 == 0 {
			return fmt.Errorf("%s is read-only: give another file", shellword.Quote(path))
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0) // opened, not truncated: another owner's file
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", shellword.Quote(path), unwrapPath(err))
		}
		f.Close()
	}
	if err := probe(path); err != nil {
		if le := (*LeftError)(nil); errors.As(err, &le) {
			le.Err = cannotCreate(given, path, le.Err)
			return le
		}
		return cannotCreate(given, path, err)
	}
	return nil
}

// probe makes a temporary file beside path as Write does and removes it
// again, reporting the system's error for making it; where the
// directory, made read-only between the two, will not let it be removed,
// the system's error for that, in a *LeftError that names the file, as
// a write's temporary file left is named: else it would stay there named
// by nothing.
func probe(path string) error {
	f, err := createTemp(path, 0o600) // a kill between leaves one removeStale removes
	if err != nil {
		return err
	}
	defer finished(f)
	f.Close()
	if err := discard(f.Name()); err != nil {
		return &LeftError{Temp: f.Name(), Why: unwrapPath(err), Err: err}
	}
	return nil
}

// CheckDir reports why dir takes no file, or nil when it does: a
// hidden file made there as Write makes its temporary files, one byte
// written into it and the file removed, so that a directory the user may
// not write, one on a read-only file system and one on a full disk are
// told as they are, before a write there fails. Where the directory,
// made read-only meanwhile, will not let that file be removed, it is
// emptied and named, a *LeftError around the *DirError: else it would
// stay there named by nothing. The error is a
// *DirError of no file, what is wrong said of the directory as a write
// there would say it (cannotCreate): "takes no new files (creating one
// there: permission denied)", and where a write would not blame the
// directory (read-only file system, no space left on device) the
// system's reason in the same words, so that a caller says it one way,
// and need not name the directory itself: the system's reason alone
// would be "permission denied", or for Linux's /proc "no such file or
// directory".
func CheckDir(dir string) error {
	doing := "creating"
	var left *LeftError
	probe, err := createTemp(filepath.Join(dir, "ganui"), 0o600)
	if err == nil {
		doing = "writing"
		_, err = probe.Write([]byte{0})
		probe.Close()
		if rerr := discard(probe.Name()); rerr != nil { // made read-only since it was made: named
			left = &LeftError{Temp: probe.Name(), Why: unwrapPath(rerr)}
			if err == nil {
				doing, err = "removing", rerr
			}
		}
		finished(probe)
	}
	if err == nil {
		return nil
	}
	var de *DirError
	if doing == "creating" && errors.As(cannotCreate("", filepath.Join(dir, "ganui"), err), &de) {
		return &DirError{Dir: de.Dir, Why: de.Why, Err: de.Err} // the directory's fault, of no file: not the probe's
	}
	err = unwrapPath(err)
	de = &DirError{Dir: dir, Why: fmt.Sprintf("takes no new files (%s one there: %v)", doing, err), Err: err}
	if left != nil {
		left.Err = de
		return left
	}
	return de
}

// cannotCreate is the error for err, the system's for creating a file
// beside path (Write's temporary file, CheckWritable's probe), told of
// path, whose name the user gave: the temporary file's means nothing to
// them. Write and CheckWritable say it alike. What is wrong is said of
// the directory where it is the directory's: it does not exist, is no
// directory, or was removed: the current one, still found (whyRemoved),
// or one ganui had made a file in (madeIn), no longer found by its path;
// and where the directory is there but the system answers
// "no such file or directory" all the same, as /proc and /sys do, or
// refuses its user a new file (permission denied), that it takes no new
// files. The system's words would tell --log /proc/x.csv "cannot write
// in the directory of /proc/x.csv: no such file or directory", of a
// directory that exists, and --save ro/run.ckpt "cannot write
// ro/run.ckpt: permission denied", of a file its user may write, in a
// directory they may not: a file is written beside its path and renamed
// over it.
func cannotCreate(given, path string, err error) error {
	dir := filepath.Dir(path)
	st, serr := os.Stat(dir)
	switch {
	case errors.Is(serr, fs.ErrNotExist) && madeIn(dir):
		return &DirError{Path: given, Target: path, Dir: dir, Why: whyRemovedWhile, Err: serr}
	case errors.Is(serr, fs.ErrNotExist):
		return &DirError{Path: given, Target: path, Dir: dir, Why: whyMissing, Err: serr}
	case errors.Is(serr, fs.ErrPermission):
		return unenterable(given, path, serr)
	case serr != nil:
		return fmt.Errorf("cannot write %s: the directory %s: %w", linked(given, path), shellword.Quote(shown(dir)), unwrapPath(serr))
	case !st.IsDir():
		return &DirError{Path: given, Target: path, Dir: dir, Why: "is not a directory", Err: syscall.ENOTDIR}
	case unlinked(st):
		return &DirError{Path: given, Target: path, Dir: dir, Why: whyRemoved(), Err: unwrapPath(err)}
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return &DirError{Path: given, Target: path, Dir: dir, Why: fmt.Sprintf("takes no new files (creating one there: %v)", unwrapPath(err)), Err: unwrapPath(err)}
	}
	return fmt.Errorf("cannot write %s: %w", linked(given, path), unwrapPath(err)) // read-only file system, no space left on device, …
}

// linked names given, the path a user gave, and where it is a link,
// path, the file it points to: "dl.csv, a link to nowhere/x.csv". The
// link's target alone would leave the name the user typed unsaid.
// Each is quoted where a shell would not read it as one word,
// "'my run.csv'", as every message of a file not written names it: a
// name with a space or a trailing one read as two, or as the words after
// it.
func linked(given, path string) string {
	if given == path {
		return shellword.Quote(given)
	}
	return shellword.Quote(given) + ", a link to " + shellword.Quote(path)
}

// unenterable is the error for err, a permission denied looking up path
// (the file a write of given replaces), of the directory on its way
// that its user may not enter: the nearest to path that can be looked
// up itself, its search permission (x) not theirs, so that --log
// noexec/a.csv names the directory, not only "noexec/a.csv: permission
// denied".
func unenterable(given, path string, err error) error {
	dir := filepath.Dir(path)
	for {
		up := filepath.Dir(dir)
		if _, serr := os.Stat(dir); serr == nil || up == dir {
			break
		}
		dir = up
	}
	return &DirError{Path: given, Target: path, Dir: dir, Why: "may not be entered (permission denied)", Err: unwrapPath(err)}
}

// DirError is the error of a write whose directory is the cause, not
// its file: Dir does not exist, is not a directory, was removed, or
// takes no new files. A caller that chose the directory itself, as the
// trainer's keys write where ganui was started, can say the way out,
// another directory, which the message alone, naming the file, cannot.
type DirError struct {
	Path    string // the file not written, as the user gave it; "" for CheckDir's
	Target  string // the file Path's links point to (Target), or Path
	Dir     string // the directory at fault, "." the current one
	Why     string // what is wrong with Dir: "does not exist"
	Err     error
	Instead string // what to give instead (CheckWritable's), or ""
}

// whyMissing is a DirError's Why of a directory that does not exist.
const whyMissing = "does not exist"

// whyRemoved is a DirError's Why of a directory removed (unlinked), the
// current one, which the process is still in: "was removed while ganui
// ran", or, where it was gone as the process started (os.Getwd found no
// path to it, startDir), "before ganui started". The system's words,
// "takes no new files (creating one there: no such file or directory)",
// were true but left the user to guess that the directory is gone.
func whyRemoved() string {
	if startDir == "" {
		return "was removed before ganui started"
	}
	return whyRemovedWhile
}

// whyRemovedWhile is a DirError's Why of a directory removed while ganui
// ran: the current one (whyRemoved), or one named by its path that ganui
// had made a file in (a --save or --log in /tmp/x, removed under the
// run), of which "does not exist" was true but left the user to wonder
// whether the path was mistyped.
const whyRemovedWhile = "was removed while ganui ran"

// Error names the file, and the directory, "." as the current directory
// with its absolute path: "the directory . takes no new files" would
// tell a user of the trainer's keys, which write there, nothing.
// CheckDir's, of no file, names the directory alone.
func (e *DirError) Error() string {
	if e.Path == "" {
		return e.dirName() + " " + e.Why
	}
	msg := fmt.Sprintf("cannot write %s: %s %s", linked(e.Path, e.Target), e.dirName(), e.Why)
	if e.Instead != "" {
		msg += "; " + e.Instead
	}
	return msg
}

func (e *DirError) Unwrap() error { return e.Err }

// Cause is what is wrong, said of the directory as Error says it, the
// file left unnamed: "the directory /tmp/x was removed while ganui ran",
// so that a caller telling of several files there says it once.
func (e *DirError) Cause() string { return e.dirName() + " " + e.Why }

// RemovedWhile reports whether the directory was removed while ganui ran
// (whyRemovedWhile): the files written there are gone with it, and
// running again is the way to have them.
func (e *DirError) RemovedWhile() bool { return e.Why == whyRemovedWhile }

// File names the file not written as a caller that names the directory
// (Cause) names it: by its name in the directory, "run.csv", or where
// the user gave a link, by the link and where it points; quoted where a
// shell would not read it as one word, as Error names it.
func (e *DirError) File() string {
	if e.Path == e.Target {
		return shellword.Quote(filepath.Base(e.Path))
	}
	return linked(e.Path, e.Target)
}

// dirName is how Error names e.Dir: "the directory out", or "the
// current directory /home/ada" for "."; a relative path other than "."
// by the path it had as ganui started (startedAt) where the current
// directory has been removed since, "the directory /tmp/x" for "..", a
// name that no longer leads anywhere. A name a shell would not read as
// one word is quoted as shellword.Quote writes it, "the directory '~ '"
// of --log '~ /x.csv', where "the directory ~  does not exist" hid its
// space in two.
func (e *DirError) dirName() string {
	if e.Dir != "." {
		return "the directory " + shellword.Quote(shown(e.Dir))
	}
	if abs := e.Here(); abs != "" {
		return "the current directory " + shellword.Quote(abs)
	}
	return "the current directory"
}

// Here is the absolute path of e.Dir where it is the current directory,
// ".", the name that alone tells a user nothing: where the system can no
// longer give it (the directory removed since ganui started there), the
// path ganui started in (startDir), if it is still in that directory;
// "" where Dir is another or neither path can be had. Error names "." by
// it, and so may a caller that words the directory itself.
func (e *DirError) Here() string {
	if e.Dir != "." {
		return ""
	}
	if abs, err := filepath.Abs(e.Dir); err == nil {
		return abs
	}
	return startedAt(e.Dir)
}

// startedAt is dir, a relative path, as the absolute path it had as
// ganui started, joined to startDir, where the current directory has been
// removed since (os.Getwd fails) and the process is still in it: "..",
// "out" and "." name nothing a user can look for once the directory they
// were read from is gone, --save ../r.ckpt's "the directory .. was
// removed". "" where dir is absolute, the current directory is still
// there, or the process started elsewhere.
func startedAt(dir string) string {
	if filepath.IsAbs(dir) {
		return ""
	}
	if _, err := os.Getwd(); err == nil {
		return ""
	}
	if fi, err := os.Stat("."); err == nil && startFound != nil && os.SameFile(fi, startFound) {
		return filepath.Join(startDir, dir)
	}
	return ""
}

// shown is how a message names dir, a directory other than the current
// one: by the path it had as ganui started where that is the one it has
// (startedAt), else as it is.
func shown(dir string) string {
	if abs := startedAt(dir); abs != "" {
		return abs
	}
	return dir
}

// DirGone reports whether path's directory is gone: removed while ganui
// ran in it, the current one still found though no path leads to it, or
// no longer found by its path; and names it as Error does, "." by its
// absolute path (Here), "" where that cannot be had, a name a shell
// would not read as one word quoted as shellword.Quote writes it
// ("'/tmp/my runs'"). A file not found may
// have gone with its directory (an output directory cleaned up, the one
// ganui started in removed), which its caller can then say.
func DirGone(path string) (dir string, gone bool) {
	dir = filepath.Dir(path)
	st, err := os.Stat(dir)
	if gone = errors.Is(err, fs.ErrNotExist) || err == nil && unlinked(st); dir == "." {
		dir = (&DirError{Dir: dir}).Here()
	} else {
		dir = shown(dir)
	}
	if dir != "" {
		dir = shellword.Quote(dir)
	}
	return dir, gone
}

// startDir is the current directory as the process started, its path,
// and startFound the directory found there, recorded once (startedIn):
// ganui never changes directory, so that where the current one has been
// removed since, and os.Getwd fails, it is still named by that path
// ("this directory takes no new files" had named none); startDir is ""
// where the process started in a directory removed already.
var startDir, startFound = startedIn()

// startedIn is the current directory's path and the directory found
// there, "" and nil where it has none.
func startedIn() (string, fs.FileInfo) {
	dir, err := os.Getwd()
	if err != nil {
		return "", nil
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return "", nil
	}
	return dir, fi
}

// cannotPlace is the error for err, the system's for renaming temp, a
// write's temporary file, over path: told of path as cannotCreate tells
// it where path's directory was removed (the current one too, which is
// still found) or replaced while the file was written, an output
// directory cleaned up under a run, or made read-only (a chmod: a
// *DirError, which a caller telling of several files there says once),
// or that the temporary file alone was; the rename's own words would
// name path twice, "rename out/run.ckpt out/run.ckpt: no such file or
// directory".
func cannotPlace(temp, path string, err error) error {
	var le *os.LinkError
	if !errors.As(err, &le) {
		return err // ErrAbandoned
	}
	if st, serr := os.Stat(filepath.Dir(path)); serr != nil || !st.IsDir() || unlinked(st) {
		return cannotCreate(path, path, le.Err)
	}
	if _, serr := os.Lstat(temp); errors.Is(serr, fs.ErrNotExist) {
		return fmt.Errorf("cannot write %s: its hidden temporary file beside it was removed before it was renamed into place", shellword.Quote(path))
	}
	if errors.Is(le.Err, syscall.EACCES) { // the directory made read-only under the write: a chmod
		return placeRefused(path, le.Err)
	}
	return fmt.Errorf("cannot write %s: %w", shellword.Quote(path), le.Err)
}

// dirOps are the operations on a directory's names that a write does,
// os's own: a variable, so that a test can have a directory refuse them
// as one made read-only under a write does, which a test run as root,
// whom the system refuses nothing, cannot see.
var dirOps = struct {
	create func(name string, flag int, perm fs.FileMode) (*os.File, error)
	rename func(oldpath, newpath string) error
	remove func(name string) error
	link   func(oldname, newname string) error // keepBeside's
}{os.OpenFile, os.Rename, os.Remove, os.Link}

// unwrapPath drops the probe's own name from an error about it.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Target returns the file a write to path replaces: path itself,
// or the file a symbolic link there points to (which need not exist
// yet), so that the link stays a link. It refuses anything there but a
// regular file: renaming over /dev/null or a named pipe would destroy it.
// Its errors name the path as the user gave it, and where a link led
// elsewhere, where it points, with what to give instead, as
// inputfile.Regular says it of an input too: "dlink is a link to d, a
// directory, not a regular file: name a file in it", not the target
// alone ("d is a directory, …") and no advice; and of a directory on the
// way its user may not enter, that directory (unenterable).
func Target(given string) (string, error) {
	path := given
	for range 40 { // as many links as Linux follows
		st, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return path, nil
		case errors.Is(err, fs.ErrPermission):
			return "", unenterable(given, path, err)
		case errors.Is(err, syscall.ELOOP): // a loop in a directory on the way
			return "", inputfile.LinkLoop(given)
		case errors.Is(err, syscall.ENOTDIR): // a file on the way, where a directory belongs
			return "", notADirectory(given, path)
		case err != nil: // named with the system's reason alone, as inputfile does
			return "", fmt.Errorf("%s: %w", linked(given, path), unwrapPath(err))
		case st.Mode()&fs.ModeSymlink != 0:
			link, err := os.Readlink(path)
			if err != nil {
				return "", fmt.Errorf("%s: %w", linked(given, path), unwrapPath(err))
			}
			if inputfile.Pathless(path, link) { // a pipe's descriptor, /dev/fd/3: the file is the link, not "/dev/fd/pipe:[…]"
				if st, err = os.Stat(path); err != nil {
					return "", fmt.Errorf("%s: %w", linked(given, path), unwrapPath(err))
				}
				return "", inputfile.Regular(given, st, true)
			}
			if !filepath.IsAbs(link) {
				link = filepath.Join(filepath.Dir(path), link)
			}
			path = link
		case st.Mode().IsRegular():
			return path, nil
		default: // named as given, and where its links lead (inputfile.Regular)
			return "", inputfile.Regular(given, st, true)
		}
	}
	return "", inputfile.LinkLoop(given)
}

// notADirectory is the error for path, which the system will not look
// up for a file on its way where a directory belongs (ENOTDIR): --log
// run.ckpt/x.csv, run.ckpt a checkpoint. It names that file, the
// nearest to path (inputfile.OnTheWay), what it is, and what to give
// instead, as a directory that does not exist is told (CheckWritable):
// the system's words, "run.ckpt/x.csv: not a directory", named no file
// and gave no way out.
func notADirectory(given, path string) error {
	file, st, ok := inputfile.OnTheWay(path)
	if !ok { // none found: changed since, say
		return fmt.Errorf("%s: %w", linked(given, path), syscall.ENOTDIR)
	}
	msg := fmt.Sprintf("cannot write %s: %s is %s, not a directory; give a file in another directory", linked(given, path), shellword.Quote(file), inputfile.What(st.Mode()))
	return &renamedError{msg, syscall.ENOTDIR}
}

// removeStale removes the temporary files of earlier writes of path
// (createTemp's names) that no write is under way in: a write killed
// midway (kill -9, a power cut) leaves one behind, as large as the
// checkpoint, and the next write of the same path removes it, however
// recently it was written. A write under way, in this process or
// another, holds its file (holdTemp), and removeStale leaves it alone
// (removeUnheld); so it leaves one marked left whole (leaveWhole), which
// no write makes but to leave what it wrote there for the user
// (UnplacedError, KeptError). A read-only one without that mark, a
// killed write's under a umask that takes the owner's write bit away,
// is removed as any.
// Nothing else is touched: only regular files of createTemp's names for
// this path.
func removeStale(path string) {
	dir, base := filepath.Split(path)
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(tempPrefix(base))+"????????"))
	for _, m := range matches {
		if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() && !leftWhole(st.Mode()) && isTempName(filepath.Base(m), base) {
			removeUnheld(m, st)
		}
	}
}

// Busy reports an error when another process is writing path, either
// way a run holds an output from its start to its end: a temporary file
// of createTemp's names for it (links followed), held (holdTemp: Hold's,
// a headless --save or --plot) and not this process's, or the file
// itself, locked (Claim's, a headless --log). A second run writing the
// same path while the first trains would have had its file replaced by
// the first's at its end, or written into the first's, both exiting 0,
// or one of them saying so only at its end. Hold and Claim look in one
// step with taking their own; a caller may look first, to refuse before
// its setting up. Busy looks under the lock of the file's directory, as
// they do, so that its look, which holds the file for an instant, never
// makes another's Claim refused. A short write may share its path with
// another, the later rename winning, as Write allows. Where files cannot
// be held (holdTemp), none is busy.
func Busy(path string) error {
	target, err := Target(path)
	if err != nil {
		return nil // no file to write: the write says why
	}
	unlock := lockDir(filepath.Dir(target))
	defer unlock()
	return busy(path, target)
}

// busy is Busy of target, the file a write of path, as the user gave
// it, replaces (Target), for a caller that holds the lock of target's
// directory (lockDir).
func busy(path, target string) error {
	taken := fmt.Errorf("%s is being written by another process: give another file", shellword.Quote(path))
	dir, base := filepath.Split(target)
	matches, _ := filepath.Glob(filepath.Join(dir, globEscape(tempPrefix(base))+"????????"))
	for _, m := range matches {
		st, err := os.Lstat(m)
		if err != nil || !st.Mode().IsRegular() || !isTempName(filepath.Base(m), base) || ours(st) {
			continue
		}
		if held(m, st) {
			return taken
		}
	}
	if f, err := os.Open(target); err == nil { // nothing there yet, or unreadable: the write will say
		defer f.Close()
		if lockedElsewhere(f) {
			return taken
		}
	}
	return nil
}

// createAlone makes the temporary file of Hold's write of target (path
// as the user gave it), as createTemp does, unless another process is
// writing target (busy), under the lock of target's directory (lockDir)
// that every Hold and Claim takes for this one step: the one that takes
// it second finds the first's file held, and is refused.
func createAlone(path, target string, perm fs.FileMode) (*os.File, error) {
	unlock := lockDir(filepath.Dir(target))
	defer unlock()
	if err := busy(path, target); err != nil {
		return nil, err
	}
	checked()
	f, err := createTemp(target, perm)
	if err != nil {
		return nil, cannotCreate(path, target, err)
	}
	return f, nil
}

// checked is called by createAlone between its look for another's write
// and the making of its own file: a test's, to run another process's Hold
// there.
var checked = func() {}

// ours reports whether st is the temporary file of one of this
// process's writes under way.
func ours(st fs.FileInfo) bool {
	underWay.Lock()
	defer underWay.Unlock()
	for f := range underWay.files {
		if fst, err := f.Stat(); err == nil && os.SameFile(st, fst) {
			return true
		}
	}
	return false
}

// isTempName reports whether name is one of createTemp's for a file
// called base: its glob pattern's ? are any characters, createTemp's
// eight lower-case hexadecimal digits.
func isTempName(name, base string) bool {
	hex, ok := strings.CutPrefix(name, tempPrefix(base))
	return ok && len(hex) == 8 && strings.Trim(hex, "0123456789abcdef") == ""
}

// tempPrefix is how the names of createTemp's files for a file called
// base begin, eight hexadecimal digits to follow: "." and base and
// ".tmp-", base cut, at a letter's start, to what leaves the name within
// the 255 bytes a file system takes of one, so that a name as long as
// that is written as any other, though its temporary file's name is 14
// bytes longer. Two names alike in their first 241
// bytes so share their temporary files' names: a write of either under
// way makes the other busy (Busy), and a write of either removes what a
// killed write of the other left (removeStale). A base of no UTF-8 there
// is cut at its bytes (cutName), where one of continuation bytes was cut
// to nothing, "..tmp-", the prefix of every such name in its directory.
func tempPrefix(base string) string {
	const maxName, added = 255, len(".") + len(".tmp-") + 8
	if cut := maxName - added; len(base) > cut {
		base = cutName(base, cut)
	}
	return "." + base + ".tmp-"
}

// cutName is name, longer than n bytes, cut to n or fewer, as a name is to
// fit the 255 bytes a file system takes of one (tempPrefix, keptName):
// at a letter's start, looking back no further than a letter's length
// (utf8.UTFMax), so that a name of UTF-8 stays UTF-8; where there is
// none, in a name of no UTF-8, at its bytes, n of them. Looking back to
// a letter's start however far cut a name of continuation bytes (which
// Linux takes) to nothing.
func cutName(name string, n int) string {
	cut := n
	for cut > n-utf8.UTFMax+1 && !utf8.RuneStart(name[cut]) {
		cut--
	}
	if !utf8.RuneStart(name[cut]) {
		cut = n
	}
	return name[:cut]
}

// globEscape quotes the characters filepath.Match gives a meaning to.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// underWay is the temporary files of this process's writes under way
// (createTemp's, until finished), which Abandon removes.
var underWay struct {
	sync.Mutex
	files     map[*os.File]*gate // each's steps (gate)
	abandoned bool               // by Abandon: no write may begin
	// made is the directories createTemp has made a file in, as its
	// path names them: one of them not there now was removed while
	// ganui ran (cannotCreate).
	made map[string]bool
}

// madeIn reports whether createTemp has made a file in dir.
func madeIn(dir string) bool {
	underWay.Lock()
	defer underWay.Unlock()
	return underWay.made[dir]
}

// ErrAbandoned is a write's error once Abandon has been called: refused
// before it began (createTemp) or at its rename (place), it left nothing.
var ErrAbandoned = errors.New("ganui is quitting")

// Abandon removes the temporary files of this process's writes under
// way, and refuses any write from then on: for a process about to exit
// without waiting for its writes (a second signal, the trainer quit at
// once), which would otherwise leave each a partial hidden file beside
// its target, as large as the checkpoint it was writing, for the next
// write of that path to remove. The files the writes were to replace
// stay as they were: a write under way is refused at its rename
// (place). Only a kill the process cannot see (kill -9, a power cut)
// leaves a temporary file now, and a directory made read-only under the
// write, which will not let it be removed: it is emptied then (discard),
// its room, as large as the checkpoint, freed, and named, and the write
// under way in it writes nothing more there (gate): Abandon returns a
// *LeftError, its Err nil, for each such file, in the order of their
// names, for the caller to say as it quits; else nothing would name
// them.
func Abandon() []*LeftError {
	underWay.Lock()
	defer underWay.Unlock()
	underWay.abandoned = true
	var left []*LeftError
	for f, g := range underWay.files {
		g.Lock() // once the step under way is done
		g.shut = true
		if stillNamed(f) { // not renamed into place already
			if err := discard(f.Name()); err != nil {
				left = append(left, &LeftError{Temp: f.Name(), Why: unwrapPath(err)})
			}
		}
		g.Unlock()
	}
	slices.SortFunc(left, func(a, b *LeftError) int { return strings.Compare(a.Temp, b.Temp) })
	return left
}

// place renames temp over path and calls placed, if not nil, under
// underWay's lock, unless Abandon has been called: the write is then
// refused (ErrAbandoned), its temporary file removed by Abandon, and the
// file at path left as it was.
//
// What was found at path as the write began is asked again first
// (displaced): a directory, a named pipe or a device made there since,
// or a file not of kind, is not replaced, and the write's contents are
// kept beside it under a free name instead (keepBeside, a *KeptError),
// as they are where the rename finds a directory there: a run's --save
// at the end of hours of training must not be lost, nor a named pipe
// someone made at its path silently replaced.
func place(temp, path string, kind Kind, placed func()) error {
	underWay.Lock()
	defer underWay.Unlock()
	if underWay.abandoned {
		return ErrAbandoned
	}
	what := displaced(path, kind)
	if what == "" {
		err := dirOps.rename(temp, path)
		if err == nil {
			if placed != nil {
				placed()
			}
			return nil
		}
		if what = displaced(path, kind); what == "" { // a directory made there in between: Go's rename refuses it
			return err
		}
	}
	kept, err := keepBeside(temp, path)
	if err != nil {
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err
		}
		return &KeptError{Path: path, What: what, Kept: temp, Unkept: unwrapPath(err), To: freeKept(path), Mode: leaveWhole(temp)}
	}
	return &KeptError{Path: path, What: what, Kept: kept}
}

// KeptError is a write's error where the file it was to replace became,
// as it was written, what a write does not replace (displaced): a
// directory, a named pipe, a device, a file of another kind, made at
// its path by someone else. That is left as it is, and what was written
// is in Kept, a file beside it under a free name (keepBeside), whose
// name is of no form a later write removes (removeStale), so that
// nothing is lost and nothing replaced.
//
// Where no name beside it could be had (Unkept: the directory made
// read-only too, or a full disk refusing it a new name), what was
// written is left whole in the write's hidden temporary file, Kept then,
// not removed or emptied as a failed write's is, marked as UnplacedError
// leaves its file (leaveWhole), and named with the command that moves it
// to To, the first name beside Path that keepBeside would have kept it
// under, free as the write ended (Put): not to Path, which what took it
// holds. It is on the disk where the user asked for it already. It is
// not copied to the system's temporary directory, which a user would
// not look in for a run's checkpoint: often another file system, or
// memory, without the room for one of hundreds of megabytes, and
// emptied at a reboot.
type KeptError struct {
	Path string // the file not replaced, links followed
	What string // what is there now: "a directory", "a named pipe", "a file that is not a ganui checkpoint"
	Kept string // the file written instead, beside Path
	// Unkept is why no name of its own beside Path could be had, Kept
	// the write's hidden temporary file then; nil where one was.
	Unkept error
	// To is where Put moves Kept where Unkept: the kept name it would
	// have had, run.kept.ckpt, free as the write ended; and Mode its
	// mode as written, where leaveWhole marked it, or 0.
	To   string
	Mode fs.FileMode
	// Contents and Use are the caller's words for what Kept holds, "the
	// checkpoint", and what it serves, ", which --resume goes on from";
	// "" says "what was to be written there", and nothing more.
	Contents, Use string
}

// Error says what is at the path, and where the write is instead:
// "dd.ckpt is now a directory, made there while ganui ran, which ganui
// does not replace: the checkpoint is kept beside it, in dd.kept.ckpt,
// which --resume goes on from".
func (e *KeptError) Error() string {
	contents := e.Contents
	if contents == "" {
		contents = "what was to be written there"
	}
	if e.Unkept != nil {
		return fmt.Sprintf("%s is now %s, made there while ganui ran, which ganui does not replace, and %s could not be kept beside it under a name of its own (%v): it is %s", shellword.Quote(e.Path), e.What, contents, e.Unkept, wholeWords(e.Kept, filepath.Base(e.Path), e.Mode, e.Put(), e.Unkept))
	}
	return fmt.Sprintf("%s is now %s, made there while ganui ran, which ganui does not replace: %s is kept beside it, in %s%s", shellword.Quote(e.Path), e.What, contents, shellword.Quote(e.Kept), e.Use)
}

// Put is the shell command that moves Kept, left whole in its hidden
// temporary file where Unkept, to To, unless a file has been made there
// since (keepCommand): "ln /srv/out/.run.ckpt.tmp-decf0776
// /srv/out/run.kept.ckpt && chmod 600 /srv/out/run.kept.ckpt && rm
// /srv/out/.run.ckpt.tmp-decf0776"; "" where Kept has a name of its own.
func (e *KeptError) Put() string {
	if e.Unkept == nil {
		return ""
	}
	return keepCommand(e.Kept, e.To, e.Mode)
}

// keepCommand is the shell command that puts temp, a file left whole
// (leaveWhole), under to, a name free as the write ended, without
// replacing a file made there since, each path quoted: "ln
// /srv/out/.run.ckpt.tmp-decf0776 /srv/out/run.kept.ckpt && chmod 600
// /srv/out/run.kept.ckpt && rm /srv/out/.run.ckpt.tmp-decf0776", the
// chmod giving the file the mode it was written with, where it was
// marked, before rm takes its temporary name away (a read-only file, rm
// would ask at a terminal). ln refuses a name a file has taken, in every
// POSIX shell's ln; mv replaced what was made there, and mv -n, which
// POSIX.1-2017 has not, exits 0 having moved nothing in GNU's coreutils
// (9.1), so that the chmod after it changed the mode of the other file.
// A directory made there ln does not refuse: it links the file into it,
// under its hidden name, and the chmod 600 after it locked the
// directory, so the command begins "test ! -d" of to, there being no
// ln -T in POSIX or BSD. Where either refuses, nothing is changed: the
// file is still left whole under its temporary name.
func keepCommand(temp, to string, mode fs.FileMode) string {
	cmd := notDir(to) + "ln " + shellword.Quote(temp) + " " + shellword.Quote(to)
	if mode != 0 {
		cmd += fmt.Sprintf(" && chmod %o %s", mode, shellword.Quote(to))
	}
	return shellword.Noted(cmd+" && rm "+shellword.Quote(temp), temp, to) // $'…' said to be bash's and zsh's
}

// notDir is what a command that puts a file at to begins with, "test ! -d
// TO && ", to quoted: ln and mv given a directory as their last operand
// put the file in it, and neither POSIX nor BSD has their -T, so that a
// directory made at to since fails the command before it changes
// anything (putCommand, keepCommand).
func notDir(to string) string { return "test ! -d " + shellword.Quote(to) + " && " }

// WriteBeside writes what fill writes to a new file beside path, under
// the first free name keepBeside finds (run.kept.csv for run.csv), and
// returns that name: for what could not be written at path, something
// else having taken its place, that nothing may be lost (a --log whose
// file another has replaced while the run wrote it). It is written as
// Write writes, into a hidden temporary file first, synced, so that a
// failure leaves nothing. A directory that takes no file, or a disk
// without the room, is said of the name it was to have, "cannot write
// out/run.kept.csv: permission denied", for the user to know where what
// was lost would have been, not of the temporary file's. A file written
// whole that then finds no name (the directory made read-only as it
// ended) is not lost: it is left whole in its temporary file, as a
// KeptError's, "cannot write out/run.kept.csv: permission denied; what
// was to be written there is left whole in its hidden temporary file
// out/.run.csv.tmp-0123abcd, read-only, which no later write of run.csv
// removes: once the directory is writable, ln … puts it in place".
func WriteBeside(path string, perm fs.FileMode, fill func(io.Writer) error) (kept string, err error) {
	dir, base := filepath.Split(path)
	unwritten := func(err error) error {
		return fmt.Errorf("cannot write %s: %w", shellword.Quote(filepath.Join(dir, keptName(base, ""))), unwrapPath(err))
	}
	f, err := createTemp(path, perm)
	if errors.Is(err, ErrAbandoned) {
		return "", err
	} else if err != nil {
		return "", unwritten(err)
	}
	defer finished(f)
	whole := false // written and synced, but given no name: left whole
	defer func() {
		if err != nil && !whole {
			f.Close()
			discard(f.Name())
		}
	}()
	if err = fill(gatedWriter{f, gateOf(f)}); errors.Is(err, ErrAbandoned) {
		return "", err
	} else if err != nil {
		return "", unwritten(err)
	}
	if err = f.Sync(); err != nil {
		return "", unwritten(err)
	}
	if err = f.Close(); err != nil {
		return "", unwritten(err)
	}
	underWay.Lock()
	defer underWay.Unlock()
	if underWay.abandoned {
		return "", ErrAbandoned
	}
	if kept, err = keepBeside(f.Name(), path); err == nil {
		return kept, nil
	}
	// Written whole, then refused every name beside path (the directory
	// made read-only as it was written, a full disk refusing a new
	// name): left whole in its temporary file, as place leaves a
	// --save's, where it was discarded, and named with the command that
	// puts it under the name it was to have once that can be had.
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	cause, temp, to := unwrapPath(err), f.Name(), freeKept(path)
	mode := leaveWhole(temp)
	whole = true
	return "", fmt.Errorf("cannot write %s: %w; what was to be written there is %s", shellword.Quote(to), cause, wholeWords(temp, base, mode, keepCommand(temp, to, mode), cause))
}

// displaced says what is at path now that a write of kind does not
// replace, as Target and OfKind refuse it before the write: a directory,
// a named pipe, a device or a socket (links followed), or a regular file
// that is not empty and not of kind; "" for nothing there or a file a
// write replaces. A file that cannot be opened is left to the rename.
func displaced(path string, kind Kind) string {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return ""
	case !st.Mode().IsRegular():
		return inputfile.What(st.Mode())
	case st.Size() == 0 || kind.Is == nil:
		return ""
	}
	f, err := inputfile.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if !kind.Is(f) {
		return "a file that is not " + kind.Name
	}
	return ""
}

// keepBeside puts temp, a write's temporary file, filled, beside path
// under the first free name of run.kept.ckpt, run.kept-2.ckpt, … for
// run.ckpt (the extension kept, so that the file is read as what it is:
// --resume run.kept.ckpt), and returns that name. A name taken is never
// replaced: the file is linked there, which fails on a name taken, and
// its temporary name removed; where the file system has no links, it
// is renamed there once the name is found free. Where run.kept-1000.ckpt
// is taken too, a name of eight random hexadecimal digits follows,
// run.kept-5f3a09c1.ckpt, until one is free: what was written is not
// lost for the names an earlier run kept (keptName).
func keepBeside(temp, path string) (string, error) {
	dir, base := filepath.Split(path)
	for i := 1; ; i++ {
		kept, ok := keptTry(dir, base, i)
		if !ok {
			return "", fmt.Errorf("%s, its names numbered to -1000 and %d of random digits are all taken", shellword.Quote(keptName(base, "")), maxRandomKept)
		}
		err := dirOps.link(temp, kept)
		switch {
		case err == nil:
			dirOps.remove(temp)
			return kept, nil
		case errors.Is(err, fs.ErrExist):
			continue
		}
		if _, serr := os.Lstat(kept); serr == nil {
			continue
		} else if !errors.Is(serr, fs.ErrNotExist) {
			return "", err
		}
		if rerr := dirOps.rename(temp, kept); rerr != nil {
			return "", rerr
		}
		return kept, nil
	}
}

// keptTry is keepBeside's i-th name (from 1) beside a file called base
// in dir: run.kept.ckpt, run.kept-2.ckpt, …, run.kept-1000.ckpt, then
// random digits; false past maxRandomKept of those.
func keptTry(dir, base string, i int) (string, bool) {
	var n string // "", "-2", …, "-1000", then random
	switch {
	case i > 1000+maxRandomKept:
		return "", false
	case i > 1000:
		n = fmt.Sprintf("-%08x", rand.Uint32())
	case i > 1:
		n = fmt.Sprintf("-%d", i)
	}
	return filepath.Join(dir, keptName(base, n)), true
}

// freeKept is the first of keepBeside's names beside path that nothing
// takes now, where a KeptError's Put moves a file left whole: its
// directory took no name, so that keepBeside found none, but the user
// moves it once it does.
func freeKept(path string) string {
	dir, base := filepath.Split(path)
	for i := 1; ; i++ {
		kept, ok := keptTry(dir, base, i)
		if !ok {
			return filepath.Join(dir, keptName(base, fmt.Sprintf("-%08x", rand.Uint32())))
		}
		if _, err := os.Lstat(kept); errors.Is(err, fs.ErrNotExist) {
			return kept
		}
	}
}

// maxRandomKept bounds keepBeside's random names, tried once
// run.kept-1000.ckpt is taken: each is free but for one chance in four
// thousand million per file there, so that only a directory that takes
// no file ends the search, and that, said by the link, first.
const maxRandomKept = 100

// keptName is the name keepBeside keeps a file called base under, n
// its number ("", "-2", "-5f3a09c1"): base's stem, ".kept" and n, then
// base's extension, run.kept-2.ckpt for run.ckpt. The stem is cut, at a
// letter's start, to what leaves the name within the 255 bytes a file
// system takes of one (as tempPrefix cuts a temporary file's), for a
// path as long as that is written, and kept, as any other: else the name
// would be refused as too long, and what was written lost. An extension
// too long to leave the stem a letter of any length (utf8.UTFMax bytes)
// is none: the whole name is cut then, ".kept" and n after it, where
// "日本." and 247 letters lost the stem's letters and made the hidden
// ".kept.aaa…". A stem of no UTF-8 there, with no letter's start to cut
// at, is cut at its bytes (cutName), where one of continuation bytes was
// cut to nothing, ".kept.csv".
func keptName(base, n string) string {
	const maxName = 255
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	room := maxName - len(".kept") - len(n) - len(ext)
	if room < utf8.UTFMax && len(stem) > room {
		stem, ext, room = base, "", maxName-len(".kept")-len(n)
	}
	if len(stem) > room {
		stem = cutName(stem, room)
	}
	return stem + ".kept" + n + ext
}

// finished ends f's time under way: it is renamed into place or removed.
func finished(f *os.File) {
	underWay.Lock()
	defer underWay.Unlock()
	delete(underWay.files, f)
}

// createTemp creates a new hidden file beside path with mode perm less the
// umask and less any execute bit, so that none is ever made with the
// mark of a file left whole (leaveWhole), held for as long as it is open (holdTemp), so that no other
// write's removeStale takes it for a killed write's, and under way
// (underWay) until finished, so that Abandon finds it. The name's random
// part only has to differ from files already there, so the process-wide
// generator is fine here.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	underWay.Lock()
	defer underWay.Unlock()
	if underWay.abandoned {
		return nil, ErrAbandoned
	}
	if underWay.files == nil {
		underWay.files, underWay.made = map[*os.File]*gate{}, map[string]bool{}
	}
	dir, base := filepath.Split(path)
	for {
		name := filepath.Join(dir, fmt.Sprintf("%s%08x", tempPrefix(base), rand.Uint32()))
		f, err := dirOps.create(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm&^0o111)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if holdTemp(f) {
			underWay.files[f] = &gate{}
			underWay.made[filepath.Dir(path)] = true
			return f, nil
		}
		f.Close() // another write's removeStale took it before it was held: make another
	}
}

// gateOf is the gate of f, a write's temporary file under way.
func gateOf(f *os.File) *gate {
	underWay.Lock()
	defer underWay.Unlock()
	return underWay.files[f]
}

// stillNamed reports whether f is still the file at its name.
func stillNamed(f *os.File) bool {
	at, err := os.Lstat(f.Name())
	if err != nil {
		return false
	}
	st, err := f.Stat()
	return err == nil && os.SameFile(at, st)
}
