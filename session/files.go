package session

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/visible"
	"github.com/ganui/ganui/presets"
)

// The run's files: checkpoints and CSV histories. The engine encodes a run
// (engine.GAN.WriteCheckpoint, engine.ReadCheckpoint); where and how the
// bytes are written is decided here.

// The kinds of the files ganui writes (outputfile.Kind): each replaces
// only a file of its own kind, or an empty one, so that a name mistyped
// never costs the user a file of another kind (--save my.json over their
// preset file). What a file is is told by its first bytes, as a reader
// of it would: a checkpoint's magic, a history's header line, a figure's
// signature; a preset file by parsing as one (presets.IsPresetData), its
// points file unread.
var (
	checkpointKind = outputfile.Kind{Name: "a ganui checkpoint", Is: func(r io.Reader) bool {
		return engine.IsCheckpoint(head(r, 8))
	}}
	historyKind = outputfile.Kind{Name: "a ganui history CSV", Is: func(r io.Reader) bool {
		line := bytes.TrimPrefix(head(r, len(utf8BOM)+len(CSVPlaneHeader)+1), []byte(utf8BOM))
		for _, h := range []string{CSVHeader, CSVPlaneHeader} {
			if rest, ok := bytes.CutPrefix(line, []byte(h)); ok && (len(rest) == 0 || rest[0] == ',' || rest[0] == '\n' || rest[0] == '\r') {
				return true
			}
		}
		return false
	}}
	presetKind = outputfile.Kind{Name: "a preset file", Is: func(r io.Reader) bool {
		return presets.IsPresetData(head(r, presets.MaxFileSize+1)) // its points file unread
	}}
	// FigureKind is a figure's (--plot, the trainer's P): PNG, SVG or
	// PDF, whichever the file's name asks for, replaces any of the three.
	FigureKind = outputfile.Kind{Name: "a PNG, SVG or PDF figure", Is: func(r io.Reader) bool {
		return figureFormat(head(r, figureHead)) != ""
	}}
)

// figureHead is how much of a file figureFormat reads.
const figureHead = 4096

// figureFormat names the format of the figure whose file begins with
// data, "a PNG image", "a PDF document" or "an SVG image", or "" where it
// is none of the three.
func figureFormat(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte(pngSignature)):
		return "a PNG image"
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "a PDF document"
	}
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	if (bytes.HasPrefix(data, []byte("<?xml")) || bytes.HasPrefix(data, []byte("<svg"))) && bytes.Contains(data, []byte("<svg")) {
		return "an SVG image"
	}
	return ""
}

// ReplacedPlot is the note of the --plot figure at path that a run, a
// batch or a sweep (of) replaces as it ends, said before the first epoch
// as Replaces' notes of --save and --log are, or "" where path is "" or
// names no file, or an empty one: "--plot run.png holds a PNG image of
// 1,100×770 pixels: the figure drawn as the run ends is to replace it;
// copy it elsewhere to keep it". A file of another kind than a figure is
// refused before (FigureKind); a figure carries nothing that says which
// run it is of, so the note gives its format, and a PNG's size.
func ReplacedPlot(path, of string) string {
	if path == "" {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	data := head(f, figureHead)
	if len(data) == 0 {
		return ""
	}
	what := figureFormat(data)
	switch {
	case what == "":
		what = "a figure"
	case what == "a PNG image":
		if c, err := png.DecodeConfig(bytes.NewReader(data)); err == nil {
			what += fmt.Sprintf(" of %s×%s pixels", numtext.FormatInt(c.Width), numtext.FormatInt(c.Height))
		}
	}
	return fmt.Sprintf("--plot %s holds %s: the figure drawn as the %s ends is to replace it; copy it elsewhere to keep it", shellword.Quote(path), what, of)
}

// OtherOutput says what the file at path is when it is another of the
// files a run writes, a history CSV or a figure, given where a checkpoint
// is wanted (--resume run.csv) or a preset file (--preset run.csv), which
// says more than that it is a file with no checkpoint header, or no JSON
// object, as any other is.
func OtherOutput(path string) (kind string, ok bool) {
	for _, k := range []outputfile.Kind{historyKind, FigureKind} {
		if f, err := inputfile.Open(path); err == nil {
			is := f.Size() > 0 && k.Is(f)
			f.Close()
			if is {
				return k.Name, true
			}
		}
	}
	return "", false
}

// isPresetFile reports whether path is a preset file (presetKind), given
// where a checkpoint is wanted (--resume design.json): one whose points
// file is missing or refused is one all the same, its points unread,
// which --preset then reads, saying what is wrong with them.
func isPresetFile(path string) bool {
	f, err := inputfile.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return presetKind.Is(f)
}

// pngSignature begins every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// head is the first n bytes r reads, fewer if it ends first.
func head(r io.Reader, n int) []byte {
	b, _ := io.ReadAll(io.LimitReader(r, int64(n)))
	return b
}

// SaveCheckpoint writes gan's checkpoint to path as --save does,
// atomically and readable by its owner only, but without a session's
// record (its charts, events and findings): a run resumed from it goes on
// bit-identically, its history beginning at the resume.
func SaveCheckpoint(gan *engine.GAN, path string) error { return saveCheckpoint(gan, nil, path) }

// saveCheckpoint writes gan's checkpoint with annex (the session's record,
// record.go) to path atomically (see outputfile.Write), readable by the
// owner only: a crash mid-write never leaves a damaged file where a good
// one was. It streams, so saving takes little memory beyond the model's
// own.
func saveCheckpoint(gan *engine.GAN, annex []byte, path string) error {
	return outputfile.Write(path, checkpointPerm, checkpointKind, func(w io.Writer) error { return gan.WriteCheckpoint(w, annex) })
}

// reserveSave makes room for the --save checkpoint at path of the run
// gan before it trains (outputfile.Hold): for the largest checkpoint
// of the run, its record (the annex) at engine.MaxAnnex, which runRecord
// never passes, so that the run's end, however long it trained, finds the
// room its checkpoint takes. A disk without it is refused as a --save
// the run could not write is (checkPaths), before anything is trained,
// not at the end, the run trained for nothing.
func reserveSave(gan *engine.GAN, path string) (*outputfile.Reservation, error) {
	size, err := gan.CheckpointSize(engine.MaxAnnex)
	if err != nil {
		return nil, err
	}
	return reserve(path, checkpointPerm, checkpointKind, size)
}

// reserve is outputfile.Hold, a variable so that a test can give the
// answer of a disk without room: the run holds its --save from before
// its first epoch to its end, and a second run given it meanwhile, or at
// the same instant, is refused.
var reserve = outputfile.Hold

// checkpointPerm is a checkpoint's mode, less the umask: its owner's
// alone (saveCheckpoint, Save).
const checkpointPerm = 0o600

// LoadCheckpoint reads a checkpoint written by SaveCheckpoint (or the
// interactive trainer's w, or --save) from the regular file at path and
// rebuilds the run at its epoch, leaving out the session's record it may
// hold. An error names the file.
func LoadCheckpoint(path string) (*engine.GAN, error) {
	gan, _, err := loadCheckpoint(path)
	return gan, err
}

// loadCheckpoint reads a checkpoint and returns the run and its annex.
// Only a regular file is read (inputfile.Open), as a stream: the
// checkpoint's configuration bounds what is read after it, and the
// file's size what the header may claim. An error names the file, as
// inputfile's do.
func loadCheckpoint(path string) (*engine.GAN, []byte, error) {
	f, err := inputfile.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	gan, annex, err := engine.ReadCheckpoint(bufio.NewReaderSize(f, 64<<10), f.Size())
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", shellword.Quote(path), err)
	}
	return gan, annex, nil
}

// namedPath is a file of a run: the flag that names it, its path ("" for
// none) and, for an output, the kind of file it writes.
type namedPath struct {
	flag, path string
	kind       outputfile.Kind
}

// outputs are the files a run of o writes.
func (o Options) outputs() []namedPath {
	return []namedPath{{"--log", o.LogPath, historyKind}, {"--save", o.SavePath, checkpointKind}, {"--plot", o.PlotPath, FigureKind}}
}

// CheckStreams refuses an output of o that is the file the front end's
// standard output or standard error (stdout, stderr) goes to, when they
// are files: --log /dev/stdout with standard output redirected to a file,
// or --log f 2>f. The front end's lines would be written over it, or the
// file renamed away from under them. (An output named "-", standard
// output to a pipeline's tools, is refused with the flags, as --log -.)
func (o Options) CheckStreams(stdout, stderr io.Writer) error {
	for i, w := range []io.Writer{stdout, stderr} {
		f, ok := w.(*os.File)
		if !ok {
			continue
		}
		stream, err := f.Stat()
		if err != nil {
			continue
		}
		for _, out := range o.outputs() {
			if out.path == "" {
				continue
			}
			if fi, err := os.Stat(out.path); err == nil && os.SameFile(fi, stream) { // links followed: /dev/stdout
				return fmt.Errorf("%s %s is %s, where ganui writes its lines: name a file of its own", out.flag, shellword.Quote(out.path), [2]string{"standard output", "standard error"}[i])
			}
		}
	}
	return nil
}

// checkPaths refuses, before anything is trained, the outputs of opts that
// could not be written at the end or would destroy an input: an empty
// path, a directory that does not exist or cannot be written to, a path
// that is a directory, and an output that is the same file as an input
// (Resume, PresetFile, a points(FILE.csv) target's file) or as another
// output — but the checkpoint the run resumes from as its --save
// (updates).
func checkPaths(opts Options) error {
	outputs := opts.outputs()
	inputs := []namedPath{{flag: "--resume", path: opts.Resume}, {flag: "--preset", path: opts.PresetFile}}
	if points, ok := engine.PointsFile(opts.Config.Target); ok && opts.Resume == "" {
		inputs = append(inputs, namedPath{flag: "the target's points file", path: points})
	}
	for i, out := range outputs {
		if out.path == "" {
			continue
		}
		if err := outputfile.CheckWritable(out.path); err != nil {
			return fmt.Errorf("%s: %w", out.flag, err)
		}
		// Before the setting up: held by New (reserveSave, csvFile.claim)
		// and the front end (figure.Reserve).
		if err := outputfile.Busy(out.path); err != nil {
			return fmt.Errorf("%s: %w", out.flag, err)
		}
		for _, other := range append(inputs, outputs[:i]...) {
			if other.path != "" && !updates(out, other) && sameFile(out.path, other.path) {
				return fmt.Errorf("%s %s is the same file as %s: it would be overwritten", out.flag, shellword.Quote(out.path), other.flag)
			}
		}
	}
	return nil
}

// outputKinds refuses an output of opts over a file of another kind than
// its own (outputfile.OfKind): --save my.json over the user's preset
// file, --log over their data. It comes after the other checks of the
// run's files and design (checkPaths, pointsNotOutput, engine.New), whose
// refusals say more: an output that is an input's file is that, first.
func outputKinds(opts Options) error {
	for _, out := range opts.outputs() {
		if out.path == "" {
			continue
		}
		if err := outputfile.OfKind(out.path, out.kind); err != nil {
			return fmt.Errorf("%s: %w", out.flag, err)
		}
	}
	return nil
}

// updates reports whether out may be the same file as in, an input or
// another output: only --save may, and only as the checkpoint --resume
// continues, so that a run goes on in one file kept up to date (ganui
// --headless --resume run.ckpt --epochs 2000 --save run.ckpt). Nothing of
// the old checkpoint is lost that the new one does not hold: it is read
// whole before the first epoch, and the new one replaces it atomically
// (saveCheckpoint), so that a kill or a full disk mid-write leaves the
// old one whole, and a run that diverged leaves it as it was. Any other
// output there (a --log, a --plot) would destroy the run it continues.
func updates(out, in namedPath) bool {
	return out.flag == "--save" && in.flag == "--resume"
}

// SavesOverResume reports whether o's --save checkpoint is the one its
// --resume continues (updates): a run that diverges writes none, and
// leaves that file as it was, the checkpoint it resumed from.
func (o Options) SavesOverResume() bool {
	return o.SavePath != "" && o.Resume != "" && sameFile(o.SavePath, o.Resume)
}

// pointsNotOutput refuses an output of a resumed run that is the file its
// points(FILE.csv) target names: the checkpoint carries the points, so the
// file is not read (checkPaths, before the checkpoint is, cannot know
// it), but it is the user's data, not to be replaced by a log.
func pointsNotOutput(opts Options, target string) error {
	points, ok := engine.PointsFile(target)
	if !ok {
		return nil
	}
	for _, out := range opts.outputs() {
		if out.path != "" && sameFile(out.path, points) {
			return fmt.Errorf("%s %s is the same file as the target's points file: it would be overwritten", out.flag, shellword.Quote(out.path))
		}
	}
	return nil
}

// sameFile reports whether a and b name one file: the same path, or two
// names (links) of one existing file, once each is followed to the file a
// write would replace (outputfile.Target), which need not exist yet: a
// link to a file no other output has made yet is still that file.
func sameFile(a, b string) bool {
	for _, p := range []*string{&a, &b} {
		if t, err := outputfile.Target(*p); err == nil {
			*p = t
		}
	}
	if absA, err := filepath.Abs(a); err == nil {
		if absB, err := filepath.Abs(b); err == nil && absA == absB {
			return true
		}
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// Save writes the run's checkpoint — configuration, seed, epoch, random
// state, weights and optimizer state — to ganui-<preset>-seed<S>-epoch<E>.ckpt
// in the session's directory, atomically. ganui --resume continues from
// it bit-identically.
type Save struct{}

// Export writes every epoch of the run so far as CSV, the file ganui
// --log writes for the same run — the evaluations of the checks
// (checkEvery) in the evaluation columns, not those the screen asked for
// in between — to ganui-<preset>-seed<S>-epoch<E>.csv in the session's
// directory, atomically, named by the run's epoch as Save's checkpoint and
// Plot's figure are (outputPath), so that an export at another epoch, or
// after a roll-back, is a file beside the earlier one.
type Export struct{}

func (Save) apply(s *Session) {
	if s.state == Diverged {
		msg := "not saved: the run has diverged, a checkpoint of it would not resume"
		if g, ok := s.rollbackTarget(); ok && !s.quitting() { // no u once the trainer has quit
			msg += fmt.Sprintf("; u rolls back to epoch %s first", numtext.FormatInt(g.epoch))
		}
		s.warn(msg)
		return
	}
	path := s.outputPath(fmt.Sprintf("seed%d-epoch%d.ckpt", s.gan.Seed(), s.gan.Epoch()))
	rec := s.runRecord()
	this := lastSave{path: path, version: s.version, cfg: s.gan.Config(), record: sha256.Sum256(rec)}
	if s.saved.same(this) {
		// w held, or pressed again on a paused run: the file there is
		// this very checkpoint, and writing it again (a full file, 288
		// MB on the widest design) would change nothing.
		s.note = fmt.Sprintf("already saved epoch %s%s, nothing changed since: %s continues from it", numtext.FormatInt(s.gan.Epoch()), s.notReplayed(), s.resumeNote(s.saved.path))
		return
	}
	s.saved = lastSave{}
	// Its room is made first, its exact size, as --save's is
	// (reserveSave): a disk without it refuses at once, saying the size,
	// nothing written; streamed, a full disk would be found partway,
	// after hundreds of megabytes on a wide design, and filled to its
	// last byte meanwhile.
	size, err := s.gan.CheckpointSize(len(rec))
	if err == nil {
		err = s.writeFile(path, checkpointPerm, checkpointKind, size, func(w io.Writer) error { return s.gan.WriteCheckpoint(w, rec) })
	}
	if err != nil {
		msg := notWritten("checkpoint not saved", "w", err)
		if !errors.Is(err, outputfile.ErrAbandoned) { // Unwritten names it
			s.unsaved = PlainNote(msg) // told once the trainer has quit
			s.setNotSaved(s.unsaved)
		}
		if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) {
			// The run is still here: the way to keep it is on the disk,
			// said whole on a narrow screen, where the system's words
			// give way first; and not once the trainer has quit.
			msg = "checkpoint not saved: " + GivesWay + err.Error() + GivesWay +
				LiveOnly + "; the run goes on unsaved: free that room and w again" + LiveOnly
		}
		s.warn(msg)
		return
	}
	s.written(path, fmt.Sprintf("saved epoch %s to %s", numtext.FormatInt(s.gan.Epoch()), shellword.Quote(path)))
	s.setNotSaved("")
	if this.file = s.wroteNow.file; this.file != nil {
		s.saved = this
	}
	s.note = fmt.Sprintf("saved epoch %s%s: %s continues from it", numtext.FormatInt(s.gan.Epoch()), s.notReplayed(), s.resumeNote(path))
}

// Unsaved is why the checkpoint the latest w asked for could not be
// written, as Parting says it, while no w has written one since; ""
// otherwise. It is safe to call from any goroutine, the session's still
// training: a trainer quit at once, which may not read the session
// (Parting), says it with what Unwritten names, so that a w pressed on
// a full disk and then q twice is not left unsaid.
func (s *Session) Unsaved() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notSaved
}

// setNotSaved sets what Unsaved says.
func (s *Session) setNotSaved(why string) {
	s.mu.Lock()
	s.notSaved = why
	s.mu.Unlock()
}

// lastSave is a checkpoint Save wrote: where, and what it holds — the
// model as of a version (Session.version: weights, optimizers, random
// state, epoch), the design, and the run's record, summed — with the
// file as it was written.
type lastSave struct {
	path    string
	version int
	cfg     engine.Config
	record  [sha256.Size]byte
	file    os.FileInfo
}

// same reports whether the checkpoint this would write is the one
// written as l, or the one the run resumed from, and still at its path,
// untouched: the same model, design and record, the file neither
// removed nor replaced since, whatever name this would have.
func (l lastSave) same(this lastSave) bool {
	return l.record == this.record && l.holds(this.version, this.cfg)
}

// holds reports whether l's file, still at its path and untouched,
// continues the run whose model is at version and whose design is cfg:
// the record aside (the pace, an evaluation), which trains nothing.
func (l lastSave) holds(version int, cfg engine.Config) bool {
	return l.file != nil && l.version == version && reflect.DeepEqual(l.cfg, cfg) && changedSince(l.path, l.file) == ""
}

// changedSince says what became of the file at path since it was
// written as was: "" for nothing, "is gone now" (removed), "is gone now
// with its directory, /tmp/x" ('/tmp/my runs' quoted, as
// outputfile.DirGone names it: the directory ganui
// was started in removed, which no command can write in or read from
// again), "another file has replaced since", "has changed since" (its
// size or time), or that it cannot be looked at now. A file not looked
// at as it was written (was nil) is told only if it is gone or out of
// reach.
func changedSince(path string, was os.FileInfo) string {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		said := "is gone now"
		if dir, gone := outputfile.DirGone(path); gone {
			said += " with its directory"
			if dir != "" {
				said += ", " + dir
			}
		}
		return said
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "cannot be looked at now (" + err.Error() + ")"
	case was == nil:
		return ""
	case !os.SameFile(fi, was):
		return "another file has replaced since"
	case fi.Size() != was.Size() || !fi.ModTime().Equal(was.ModTime()):
		return "has changed since"
	}
	return ""
}

// writeFile writes path as outputfile.WritePlaced does, with room for
// size bytes made first (0 for none), the file of the command at work:
// that command is taken up (takeUp) the moment the file
// is in place, under the lock outputfile.Abandon takes, and never if
// Abandon refused the write, so that Unwritten, asked once the trainer
// quit at once has called Abandon, names exactly the files asked for
// and not on disk. Counted once the command has ended, a file renamed
// into place an instant before Abandon would be said not written, and a
// write Abandon refused taken for one failed, said nowhere.
// A command the keys send writes one file at most, through it.
func (s *Session) writeFile(path string, perm fs.FileMode, kind outputfile.Kind, size int64, fill func(io.Writer) error) error {
	err := writeOutput(path, perm, kind, size, fill, s.takeUp)
	if errors.Is(err, outputfile.ErrAbandoned) {
		s.atWork = [2]string{} // never taken up: Unwritten names it
	}
	return err
}

// notWritten is the note of a key's file not written, what is said
// first: err, or where its directory was the cause
// (outputfile.DirError), said in the words a run's end says a file not
// written there (notWrittenThere): the directory and what is wrong with
// it, the file, a temporary file left there, and, while the trainer
// runs, what
// writes it: key again once the directory is writable, where it was
// made read-only; else, as its keys write where ganui was started and
// no key or flag chooses another place, ganui started where the user
// can write. The current directory, the keys' own, is "the current
// directory /srv/class", as a run's end names it (DirError.Cause). Its
// path and the file's clause give way on a narrow screen, the way out
// staying; before it, the system's words in parentheses: "the current
// directory /srv/class takes no new files …; quit and start ganui where
// you can write".
func notWritten(what, key string, err error) string {
	var de *outputfile.DirError
	if !errors.As(err, &de) {
		return what + ": " + err.Error()
	}
	cause := de.Cause()
	if abs := de.Here(); abs != "" { // its path gives way: "the current directory … takes no new files"
		why, sys, ok := strings.Cut(de.Why, " (")
		if ok { // the system's words give way first: "… takes no new files …; quit and …"
			why += GivesWay + " (" + sys + GivesWay
		}
		cause = "the current directory" + GivesWay + " " + shellword.Quote(abs) + GivesWay + " " + why // quoted as Cause quotes it
	}
	var files, left []string
	var leftWhy error
	if de.Path != "" { // CheckDir's is of no file
		files = []string{de.File()}
	}
	if le := (*outputfile.LeftError)(nil); errors.As(err, &le) {
		left, leftWhy = []string{le.Temp}, le.Why
	}
	var whole []*outputfile.UnplacedError
	if ue := (*outputfile.UnplacedError)(nil); errors.As(err, &ue) {
		files, whole = nil, []*outputfile.UnplacedError{ue}
	}
	remedy := "quit and start ganui where you can write"
	if files != nil && errors.Is(de, fs.ErrPermission) && strings.HasPrefix(de.Why, "takes no new files") {
		remedy = "make the directory writable and " + key + " again" // "to write it, " too has no room at 80×24
	}
	text := notWrittenThere(cause, nil, files, GivesWay, left, leftWhy, whole)
	text = strings.ReplaceAll(text, GivesWay+GivesWay, "") // side by side, the system's words and the file's clause give way as one, the file's first
	return what + ": " + text + LiveOnly + "; " + remedy + LiveOnly
}

// KeysCannotWrite is the trainer's notice at its start of err,
// outputfile.CheckDir's for the directory its keys write in: the keys
// that will fail, then the directory and the way out as a key's file
// not written says them (notWritten), its path giving way on a narrow
// screen, so that it names the directory as a w pressed after it does,
// not "cannot write in this directory (permission denied): …" alone.
func KeysCannotWrite(err error) string {
	return notWritten("w, e, c and P will fail", "", err)
}

// writeOutput is how writeFile writes: a variable, so that a test may
// look at the session as a file is put in place.
var writeOutput = outputfile.WritePlaced

// takeUp counts the command at work that writes a file as taken up, no
// longer Unwritten: once, as its file is put in place (writeFile) or as
// it ends, refused, failed or written (applyCommand). A command applied
// without Send (tests) was never counted.
func (s *Session) takeUp() {
	if s.atWork == ([2]string{}) {
		return
	}
	s.mu.Lock()
	if s.unwritten[s.atWork] > 0 {
		s.unwritten[s.atWork]--
	}
	s.mu.Unlock()
	s.atWork = [2]string{}
}

// SavePending reports whether a Save has been sent that the session has
// not yet taken up (takeUp): it waits behind the epoch in training, an
// evaluation, or a save being written. It is safe to call from any
// goroutine, the session's still training (the trainer asks it to take
// one w at a time).
func (s *Session) SavePending() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unwritten[checkpointFiles] > 0
}

// Unwritten is a command of each kind that writes a file (Save, Export,
// Share, Plot, in that order) sent and not yet taken up (takeUp):
// waiting behind the epoch in training, an evaluation, or being written,
// its file not yet in place. It is safe to call from any goroutine, the
// session's still training: a trainer quit at once asks it, once
// outputfile.Abandon has refused the writes to come and removed those
// under way, to say which files asked for were not written: each named
// then is not on disk, and each not named is, or was refused or failed
// before the quit, as the screen said (writeFile).
func (s *Session) Unwritten() []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	var cs []Command
	for _, c := range []Command{Save{}, Export{}, Share{}, Plot{}} {
		if kind, _ := writesFile(c); s.unwritten[kind] > 0 {
			cs = append(cs, c)
		}
	}
	return cs
}

// partingNote is what became of a file a key asked for (w, e, c, P):
// the file written, its kind and the note that said so, or a failure
// (Parting).
type partingNote struct {
	wroteFile           // path "" for none written
	kind      [2]string // the file's kind, one and more, to count earlier ones
	text      string
	// failed is a file written in part (path) or a failure the stop
	// found, said on no screen (no path): not a file written.
	failed bool
}

// writeWaiting applies the commands still waiting when the session
// stopped that write a file the user asked for — w, e, c or P typed
// before q, which the stop found behind the epoch in training — their
// notes kept for Parting (applyCommand). The others (steps, retunes, a
// reseed) are dropped: the run has ended. So a w then q quits with the
// checkpoint written, or a word of why not.
func (s *Session) writeWaiting() {
	s.mu.Lock()
	waiting := s.queue
	s.queue = nil
	s.mu.Unlock()
	for _, c := range waiting {
		if _, ok := writesFile(c); ok {
			s.note = ""
			s.applyCommand(c)
		}
	}
}

// checkpointFiles is what Save's files are called (writesFile).
var checkpointFiles = [2]string{"checkpoint", "checkpoints"}

// historyFiles is what Export's files are called (writesFile).
var historyFiles = [2]string{"history", "histories"}

// presetFiles is what Share's files are called (writesFile).
var presetFiles = [2]string{"preset file", "preset files"}

// writesFile reports whether c writes a file the user asked for, and
// what its files are called, one and more.
func writesFile(c Command) (kind [2]string, ok bool) {
	switch c.(type) {
	case Save:
		return checkpointFiles, true
	case Export:
		return historyFiles, true
	case Share:
		return presetFiles, true
	case Plot:
		return [2]string{"figure", "figures"}, true
	}
	return kind, false
}

// keepNote keeps, for Parting, what the command at work of kind did: the
// file it wrote (s.wrote, the path) with its note, replacing an earlier
// note of that file — a failure if the note is one, the file written in
// part (an export of a history whose file had failed): on disk, but not
// the file asked for — or a failure once the session was told to stop,
// which no screen shows, and a checkpoint w could not write (unsaved),
// until a later w writes one: the run it did not save is lost once the
// trainer quits, and the screen that said so goes with it. So is a
// history e could not export of a run the command again may not repeat
// (its Caveat: a setting changed mid-run, d or g pressed), until a later
// e exports one: the command cannot train it again, and the failure
// would go with the screen. Another failure that wrote
// nothing and that the screen showed, or a note of no file ("nothing to
// export yet"), is not kept: an earlier file at that path stays what it
// was (outputfile.Write).
func (s *Session) keepNote(kind [2]string, wrote wroteFile) {
	path := wrote.path
	text, _, _ := strings.Cut(PlainNote(s.note), CommandBreak) // the command follows as "again:"
	if wrote.parting != "" {
		text = PlainNote(wrote.parting) // Share's: the command after the final line, not below
	}
	lostHistory := kind == historyFiles && s.failed && path == "" && s.Again().Caveat != ""
	if kind == checkpointFiles && (path != "" || s.unsaved != "") || kind == historyFiles && (path != "" || lostHistory) {
		// The latest w or e says whether the run is kept: a file written
		// since one that failed keeps it.
		s.parting = slices.DeleteFunc(s.parting, func(n partingNote) bool { return n.kind == kind && n.failed && n.path == "" })
	}
	switch {
	case path != "":
		s.parting = slices.DeleteFunc(s.parting, func(n partingNote) bool { return n.path == path })
		s.parting = append(s.parting, partingNote{wroteFile: wrote, kind: kind, text: text, failed: s.failed})
	case s.unsaved != "":
		s.parting = append(s.parting, partingNote{kind: kind, text: s.unsaved, failed: true})
	case lostHistory:
		s.parting = append(s.parting, partingNote{kind: kind, text: text + "; the command again may not repeat this run: its history is lost", failed: true})
	case s.failed && s.quitting():
		s.parting = append(s.parting, partingNote{kind: kind, text: text, failed: true})
	}
}

// Parting says what became of the files the keys asked for (w, e, c, P), for
// the lines printed once the trainer has quit: a note the status line showed a
// moment before q, or none at all for a file written as the session stopped
// (writeWaiting), would be lost with the screen. It gives the note of each file
// written, as the status line said it — of a kind written more than once, the
// latest's, with a count of the others still there as written ("saved epoch
// 300: ganui --resume … continues from it · and 2 earlier checkpoints"; none
// said of those removed, with their directory or one by one) — leaving out the
// file at except, which the caller names itself (the design the command again
// loads), and an error naming those the stop could not write and those written
// in part, whenever written: a history exported short of the epochs its file
// lost is named there, not with the files written. It belongs to the goroutine
// that called Stop.
func (s *Session) Parting(except string) (written []string, err error) {
	var failed []string
	latest := map[[2]string]int{}           // kind → index in s.parting of its latest file
	there := map[[2]string]int{}            // kind → its files still there as written
	since := make([]string, len(s.parting)) // what became of each file (changedSince)
	for i, n := range s.parting {
		switch {
		case n.failed:
			failed = append(failed, n.text)
		case n.path != except:
			latest[n.kind] = i
			if since[i] = changedSince(n.path, n.file); since[i] == "" {
				there[n.kind]++
			}
		}
	}
	for i, n := range s.parting {
		if n.failed || n.path == except || latest[n.kind] != i {
			continue
		}
		text, earlier := n.text, there[n.kind]
		if since[i] != "" {
			// Its note would offer a file no longer there as written
			// ("--resume … continues from it"): say what became of it.
			text = n.gist + ", which " + since[i]
		} else {
			earlier-- // this one
		}
		switch {
		case earlier == 1:
			text += " · and 1 earlier " + n.kind[0]
		case earlier > 1:
			text += fmt.Sprintf(" · and %s earlier %s", numtext.FormatInt(earlier), n.kind[1])
		}
		written = append(written, text)
	}
	if failed != nil {
		err = errors.New(strings.Join(failed, "; "))
	}
	return written, err
}

// notReplayed is what a note on a file of the live run adds while a
// replay shows an earlier frame: that the file is the live run's, not the
// frame's (a w pressed on a replayed frame saying only "saved epoch
// 50" would read as at odds with the header's epoch 30); "" when live.
func (s *Session) notReplayed() string {
	if s.replay < 0 || s.replay >= len(s.tl.keyframes) {
		return ""
	}
	return ", the live run, not the replayed epoch " + numtext.FormatInt(s.tl.keyframes[s.replay].Epoch)
}

// exportStart reports whether the export begins with a row of the epoch
// the history starts from: events before the first epoch (a setting
// changed, a d pressed, a roll-back to it) are a row of that epoch, which
// the export begins with (writeCSV), epochs trained or not: a run rolled
// back to epoch 0 has its roll-back to export.
func (s *Session) exportStart() bool { return s.evlog.at(s.log.first, new(int)) != nil }

// exportable reports whether Export has anything to write: an epoch
// trained, the start's events, or a history file's failure to report.
func (s *Session) exportable() bool {
	_, _, n := s.log.span()
	return n > 0 || s.exportStart() || s.log.bad != nil
}

func (Export) apply(s *Session) {
	from, to, n := s.log.span()
	start := s.exportStart()
	if !s.exportable() {
		s.note = "nothing to export yet: no epoch trained"
		if s.log.first > 0 {
			s.note += fmt.Sprintf(" since resuming at epoch %s", numtext.FormatInt(s.log.first))
		}
		return
	}
	if n > 1_000_000 { // seconds of work: say so first
		s.note = fmt.Sprintf("exporting %s epochs…", numtext.FormatInt(n))
		s.publish()
	}
	path := s.outputPath(fmt.Sprintf("seed%d-epoch%d.csv", s.gan.Seed(), s.gan.Epoch()))
	write := func(w io.Writer) error { return s.log.writeCSV(w, &s.evlog, layoutOf(s.gan)) }
	if err := s.writeFile(path, 0o666, historyKind, 0, write); err != nil {
		s.warn(notWritten("history not exported", "e", err))
		return
	}
	// What the file holds: the start's row, as the note names it, and
	// the epochs.
	var what []string
	if start {
		what = append(what, fmt.Sprintf("epoch %s's events", numtext.FormatInt(s.log.first)))
	}
	// One epoch is named as one: "epochs 1–1" would read as a slip.
	epochs := "epoch " + numtext.FormatInt(from)
	if to > from {
		epochs = fmt.Sprintf("epochs %s–%s", numtext.FormatInt(from), numtext.FormatInt(to))
	}
	short := n < to-from+1
	switch {
	case short:
		what = append(what, fmt.Sprintf("%s of %s", numtext.FormatInt(n), epochs))
	case n > 0:
		what = append(what, epochs)
	}
	note := fmt.Sprintf("exported %s to %s", numtext.List(what, "and"), shellword.Quote(path))
	s.written(path, note)
	if short {
		s.warn(note + ": the history file failed, the rest is lost")
		return
	}
	s.note = note
}

// outputPath is where a key writes a file of this run: s.path(rest), or,
// when that is a file the run was started from (Options' Resume and
// PresetFile, a points(FILE.csv) target's file), writes on its own
// (LogPath, SavePath, PlotPath), a file there before that this session
// did not write (a preset file of an earlier session), or one another
// process is writing (outputfile.Busy: a headless run's --save, --plot
// or --log, held to its end, which would replace what the key wrote), the
// first of ganui-<preset>-<stem>-2.<ext>, -3, … that is none of them. A
// key replaces only what this session's keys wrote.
func (s *Session) outputPath(rest string) string {
	own := []string{s.opts.Resume, s.opts.PresetFile, s.opts.LogPath, s.opts.SavePath, s.opts.PlotPath}
	if p, ok := engine.PointsFile(s.gan.Config().Target); ok {
		own = append(own, p)
	}
	taken := func(path string) bool {
		if slices.ContainsFunc(own, func(f string) bool { return f != "" && sameFile(path, f) }) {
			return true
		}
		if _, err := os.Lstat(path); err == nil && !s.wrote[path] {
			return true
		}
		return outputfile.Busy(path) != nil
	}
	ext := filepath.Ext(rest)
	path := s.path(rest)
	for n := 2; taken(path); n++ {
		path = s.path(fmt.Sprintf("%s-%d%s", strings.TrimSuffix(rest, ext), n, ext))
	}
	return path
}

// written records that a key wrote path, which later keys may replace,
// as its note says it in gist, the file alone ("saved epoch 94 to
// ganui-ring-seed1-epoch94.ckpt"), and the file as it is now, so that
// Parting can tell whether it is still the file written. A key's notes
// name its file quoted where a shell would not read it as one word
// (shellword.Quote: "saved epoch 94 to '/srv/my runs/…'"), as the
// resume command beside it does.
func (s *Session) written(path, gist string) {
	if s.wrote == nil {
		s.wrote = map[string]bool{}
	}
	s.wrote[path] = true
	s.wroteNow = wroteFile{path: path, gist: gist}
	if fi, err := os.Stat(path); err == nil {
		s.wroteNow.file = fi
	}
}

// wroteFile is a file a key wrote (written): its path, what its note
// says of the file alone, and the file as written, nil if it could not
// be looked at then; and, where the lines printed once the trainer has
// quit say it otherwise than the status line, the note they give
// (parting: Share's, which names the again: command, not the command
// below).
type wroteFile struct {
	path    string
	gist    string
	file    os.FileInfo
	parting string
}

// path is where a file of this run goes: ganui-<preset>-<rest> in the
// session's directory, the preset's name cut to leave the whole within
// the 255 bytes a file system takes of a file's name (maxFileName): a
// design's name may be 1,000 bytes long, and of one over some 230 every
// w, e, c and P would fail "file name too long", leaving the trainer no
// way to save its run.
func (s *Session) path(rest string) string {
	const maxFileName = 255
	name := fileSafe(s.gan.Config().Name) // ASCII: cut at any byte
	if most := maxFileName - len("ganui--") - len(rest); len(name) > most {
		name = strings.TrimRight(name[:most], ".-")
	}
	return filepath.Join(s.opts.Dir, "ganui-"+name+"-"+rest)
}

// fileSafe makes a preset name usable in a file name: letters, digits,
// '.', '_' and '-' stay, anything else becomes '-'.
func fileSafe(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			return r
		}
		return '-'
	}, name)
	if name = strings.Trim(name, ".-"); name == "" {
		return "run"
	}
	return name
}

// csvFile is Options.LogPath: the run's history written as CSV while it
// trains. The file is claimed before the first epoch (claim), so that of
// two runs started at once on one log the second is refused at its
// start, not at its end; it is emptied with its first row, not before: a
// command refused after the session is made (nothing left to train), or
// stopped before an epoch, leaves what was there alone, and no file
// where there was none; checkPaths has made sure it can be written. A resumed run whose log is
// the one the run wrote up to the checkpoint (logEnd) appends to it
// instead, so that the file keeps every epoch of the run. The row of the latest epoch
// is held back until the next epoch comes or the file is flushed, so that
// an evaluation made at that epoch (evaluated) joins it. The first write
// error is kept, stops the writing, and is reported when the file is
// closed.
type csvFile struct {
	path    string
	lay     csvLayout
	held    *outputfile.Claimed // the file, claimed (claim) and not yet written
	f       *os.File            // nil until the first row, and after close
	closed  bool
	csv     *csvWriter
	rows    *wholeRows // what csv writes to, while f is open
	err     error
	pending engine.EpochStats // the held-back row, while has
	has     bool
	ev      evalRow // the evaluation of pending, while hasEval
	hasEval bool
	append  bool // the file holds the run up to its checkpoint: add to it
	crlf    bool // while append: the file's header line ends in "\r\n" (logEnd)
	rowCRLF bool // while append: its rows end so, the rows it adds too (logEnd)
	bom     bool // while append: the file begins with a UTF-8 byte order mark (logEnd)
	// written is the last row the file holds, kept as it was written and
	// what it was made of, for an event of its epoch that comes once the
	// file is closed (event): a done run's final evaluation's (Run).
	written writtenRow
	// placed is the file at the path as close left it, which amend
	// writes again only where it is still that file.
	placed fs.FileInfo
}

// writtenRow is the row a log last wrote (csvFile.written): its bytes as
// the file holds them, the epoch's stats and its evaluation and events
// (ev, nil for none) to write it again from, and whether an event has
// joined it since it was written (late), which the file then lacks.
type writtenRow struct {
	bytes []byte
	st    engine.EpochStats
	ev    *evalRow
	late  bool
}

// utf8BOM is the byte order mark a spreadsheet (Excel's "CSV UTF-8")
// writes before a CSV's first line: a log saved by one is still a log.
const utf8BOM = "\ufeff"

// logForm is how a log's file writes what the run does not choose
// (logEnd): its header's line ending (crlf), its rows' (rowCRLF), and
// whether a byte order mark begins it (bom). It also says how the file
// ends where that is no whole row:
//   - unended: its last line has no line end, a row cut short or a whole
//     one missing only its "\n", which logEnd cannot tell apart;
//   - long: its last line is longer than a row can be (logLineMost),
//     with its end or not;
//   - bare: that line is the header, the file no more than it;
//   - cr: its lines end in a lone "\r" (classic Mac OS line ends, an old
//     spreadsheet's export), which no reader of lines here splits: a
//     "\r" with more than a "\n" after it, after the header or in the
//     part of its unended last line logEnd reads.
type logForm struct{ crlf, rowCRLF, bom, unended, long, bare, cr bool }

// loneCR says whether b holds a "\r" that a byte other than "\n" follows:
// a line ended in a lone carriage return.
func loneCR(b []byte) bool {
	for i := 0; i+1 < len(b); i++ {
		if b[i] == '\r' && b[i+1] != '\n' {
			return true
		}
	}
	return false
}

// logLineMost is the longest line, its "\n" counted, that the log's
// readers take as a row: logBadLine's buffer, which logEnd and
// csvFile.lastRowAt read back from a log's end at most. A row the run
// writes is some hundreds of bytes, its events' texts the longest part.
const logLineMost = 64 << 10

// logLineMostSaid is logLineMost as a message says it, "64 KiB", so that
// the number a user is told is the one the readers hold to.
var logLineMostSaid = strconv.Itoa(logLineMost>>10) + " KiB"

// headerLine is the log's header line as its file holds it: the byte
// order mark it began with (bom), the line ending of its lines (crlf).
func (c *csvFile) headerLine() string {
	h := c.lay.header() + "\n"
	if c.crlf {
		h = c.lay.header() + "\r\n"
	}
	if c.bom {
		h = utf8BOM + h
	}
	return h
}

func newCSVFile(path string, lay csvLayout) *csvFile {
	return &csvFile{path: path, lay: lay}
}

// addedColumns is what the header of the log at path has after the
// columns of lay, or of a layout an earlier ganui wrote (lay.earlier),
// where it begins with them and has more: ",note" of a log given a
// column in a spreadsheet, said as "note"; "" for any other file. Such a
// log is the run's own, not another's, and goes on once they are gone.
func addedColumns(path string, lay csvLayout) string {
	f, err := inputfile.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReaderSize(f, logLineMost).ReadSlice('\n')
	line = bytes.TrimSuffix(bytes.TrimSuffix(bytes.TrimPrefix(line, []byte(utf8BOM)), []byte("\n")), []byte("\r"))
	for _, l := range append([]csvLayout{lay}, lay.earlier()...) {
		if added, ok := bytes.CutPrefix(line, []byte(l.header()+",")); ok && len(added) > 0 {
			return visible.String(string(added))
		}
	}
	return ""
}

// logEnd reads the file at path as a log of lay's columns: ok is false
// when it is not one (no file, another header), last is the epoch of its
// last row, 0 when it has none (row is then ""), or −1 when it ends in a
// cut row (row "": form.unended where its last line has no line end,
// form.long where it is longer than a row can be, form.cr where its lines
// end in a lone "\r", after the header or in that last line) or in a whole
// line that does not begin with an epoch as the log writes it (row that
// line), and row is that row. Blank lines after its last row (blankEnd)
// are not a row. form.crlf is true when its header line ends in "\r\n", as
// a log saved by a Windows program's does, form.rowCRLF when its last row
// does (the header's where it has none): a row is read without its "\r",
// and a run going on in the log writes its own rows as that last row ends
// (csvWriter.crlf), so that the rows keep one line ending, the header's
// other one too (a log whose rows a Windows program converted after it
// wrote a header of its own). form.bom is true when a UTF-8 byte order
// mark comes before the header, as a spreadsheet that saved the log writes
// one: a run going on in it keeps it (csvFile.headerLine). Only the first
// and the last line are read: logBadLine reads the lines between.
func logEnd(path string, lay csvLayout) (last int, row string, form logForm, ok bool) {
	f, err := inputfile.Open(path)
	if err != nil {
		return 0, "", form, false
	}
	defer f.Close()
	const most = logLineMost + 1 // a longest row and the line end before it
	head := make([]byte, len(utf8BOM)+len(lay.header())+2)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	lead := 0
	if bytes.HasPrefix(head, []byte(utf8BOM)) {
		form.bom, lead = true, len(utf8BOM)
	}
	switch line := head[lead:]; {
	case bytes.HasPrefix(line, []byte(lay.header()+"\n")):
		head = head[:lead+len(lay.header())+1]
	case bytes.HasPrefix(line, []byte(lay.header()+"\r\n")):
		head = head[:lead+len(lay.header())+2]
		form.crlf, form.rowCRLF = true, true
	default:
		// The header and no line end, the file's whole (its "\n" missing,
		// or a lone "\r" ending it): a log of these columns, told so, not
		// an earlier ganui's with "eval_samples" added (addedColumns).
		if rest, ok := bytes.CutPrefix(line, []byte(lay.header())); ok && (len(rest) == 0 || string(rest) == "\r") {
			form.unended, form.bare = true, true
			return -1, "", form, true
		}
		// The header ended in a lone "\r", more after it: a log whose
		// lines end so, not an earlier ganui's header with a column
		// added (eval_samples\r1,2…).
		if rest, ok := bytes.CutPrefix(line, []byte(lay.header())); ok && loneCR(rest) {
			form.cr = true
			return -1, "", form, true
		}
		return 0, "", logForm{}, false
	}
	size := f.Size()
	if size == int64(len(head)) {
		return 0, "", form, true // the header alone: no epoch, not a row cut short
	}
	from := max(int64(len(head)), size-most)
	tail := make([]byte, size-from)
	if _, err := f.ReadAt(tail, from); err != nil {
		return -1, "", form, true
	}
	if !bytes.HasSuffix(tail, []byte("\n")) {
		// Its line end counted as the reader counts it, a line longer
		// than a row can be is no row cut short.
		form.long = len(tail)-bytes.LastIndexByte(tail, '\n') > logLineMost
		form.unended = !form.long
		form.cr = loneCR(tail[bytes.LastIndexByte(tail, '\n')+1:])
		return -1, "", form, true
	}
	if blank := blankEnd(tail); blank > 0 && from > int64(len(head)) {
		// Blank lines end it: read the part before them, as much of the
		// last line as of one that ends the file.
		end := size - int64(blank)
		if blank == len(tail) { // blank lines past the part read
			if end, err = rowEnd(f, int64(len(head)), from); err != nil {
				return -1, "", form, true
			}
		}
		from = max(int64(len(head)), end-most)
		tail = make([]byte, end-from)
		if _, err := f.ReadAt(tail, from); err != nil {
			return -1, "", form, true
		}
		tail = tail[:len(tail)-blankEnd(tail)]
	} else {
		tail = tail[:len(tail)-blank]
	}
	if len(tail) == 0 {
		return 0, "", form, true // the header and blank lines: no epoch
	}
	tail = tail[:len(tail)-1]
	start := bytes.LastIndexByte(tail, '\n') + 1
	if len(tail)-start+1 > logLineMost {
		// A last line longer than a row can be, its "\n" counted: where
		// it began before the part read, more than the whole of tail.
		form.long = true
		return -1, "", form, true
	}
	row = string(tail[start:])
	row, form.rowCRLF = strings.CutSuffix(row, "\r")
	first, _, _ := strings.Cut(row, ",")
	// The epoch as the log writes it: "+5", "05" or "-3" is no row of it.
	e, err := strconv.Atoi(first)
	if err != nil || e < 0 || strconv.Itoa(e) != first {
		return -1, row, form, true
	}
	return e, row, form, true
}

// logRowAt finds the row of epoch in the log at path: its line (1 the
// header) and the row, without its line ending, or line 0 when no line
// begins with that epoch. A resume whose log runs on past its checkpoint
// names by it the line its history would go on from.
func logRowAt(path string, epoch int) (line int, row string) {
	f, err := inputfile.Open(path)
	if err != nil {
		return 0, ""
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, logLineMost)
	want := []byte(strconv.Itoa(epoch) + ",")
	for n, start := 1, true; ; {
		chunk, err := r.ReadSlice('\n')
		if start && n > 1 && bytes.HasPrefix(chunk, want) && err == nil {
			return n, string(bytes.TrimRight(chunk, "\r\n"))
		}
		if err != nil && err != bufio.ErrBufferFull {
			return 0, ""
		}
		if start = err == nil; start {
			n++
		}
	}
}

// badBefore says whether the log at path has a line up to line that
// logBadLine would refuse: lines kept up to there would be refused again.
func badBefore(path string, lay csvLayout, line int) bool {
	bad, _ := logBadLine(path, lay)
	return bad > 0 && bad <= line
}

// logBadLine reads the whole of the log at path, a history of lay's
// columns logEnd has read the ends of, for the first line after the
// header that is not a row of the run's history as the program writes
// it: line (1 the header) is that line's and why says what is wrong with
// it, line 0 when there is none. The program writes the header, then a
// row per epoch, each beginning with its epoch, every epoch after the one
// before it, each with the header's fields (rowFault); an editor may end
// the file in blank lines, which a run going on in it writes over
// (blankEnd). A line that begins with no epoch ("x,1,2", a second header
// from a cat of two logs), a blank line between rows, a row repeated or
// moved in the middle, or one cut or joined to another, or with a value
// edited to one that is no number, is a hand's edit, which reading the
// log's ends and each line's epoch alone would take for the run's
// history and go on with. A line longer than the reader's buffer of
// logLineMost is longer than any row. A log of 100,000 rows, 11 MB, is
// read in some 20 ms.
func logBadLine(path string, lay csvLayout) (line int, why string) {
	f, err := inputfile.Open(path)
	if err != nil {
		return 0, ""
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, logLineMost)
	cols := strings.Split(lay.header(), ",")
	prev, blank := -1, 0
	const rule = "each line after the header is a row, its epoch first"
	for n, start := 1, true; ; {
		chunk, err := r.ReadSlice('\n')
		if start && n > 1 {
			body := bytes.TrimRight(chunk, "\r\n")
			first, _, _ := bytes.Cut(body, []byte(","))
			e, nerr := strconv.Atoi(string(first))
			switch {
			case len(body) == 0:
				if blank == 0 {
					blank = n // fine while only blank lines follow it
				}
			case blank > 0:
				return blank, "a blank line between rows; " + rule
			case nerr != nil || e < 0 || strconv.Itoa(e) != string(first):
				return n, fmt.Sprintf("begins with %q, not an epoch; %s", first, rule)
			case e <= prev:
				return n, fmt.Sprintf("epoch %s after %s; the history must go forward", numtext.FormatInt(e), numtext.FormatInt(prev))
			case err == bufio.ErrBufferFull:
				return n, "is longer than " + logLineMostSaid + ", as no row is; " + rule
			default:
				if fault := rowFault(body, cols, lay); fault != "" {
					return n, fault + "; " + rule
				}
				prev = e
			}
		}
		if err != nil && err != bufio.ErrBufferFull {
			return 0, ""
		}
		if start = err == nil; start {
			n++
		}
	}
}

// rowFault says what keeps row, a line of a log after its header, whose
// columns cols name in layout lay (whose text columns, the events' kinds
// and texts, lay.text says), from being a row as the program writes one,
// or "" when nothing does: it has a field for each column, split at the
// commas outside a field quoted as CSV quotes one (appendCSVField), and
// each field but the text columns' is a number as strconv writes one
// (NaN and ±Inf among them, for a diverged epoch) or empty, as an epoch
// not evaluated leaves the evaluation's fields and the row an export
// starts from leaves the losses.
func rowFault(row []byte, cols []string, lay csvLayout) string {
	i := 0
	for rest, more := row, true; more; i++ {
		field, after, next, ok := cutCSVField(rest)
		name := fmt.Sprintf("field %d", i+1)
		if i < len(cols) {
			name = cols[i]
		}
		switch {
		case !ok && unclosed(rest):
			// A line break typed into a field, which CSV quotes: the
			// row's rest is on the next line, read as a row of its own.
			return fmt.Sprintf("its %s begins a quote its line does not close: no field of a log holds a line break", name)
		case !ok:
			return fmt.Sprintf("its %s is no CSV field: a field that holds a quote is quoted whole, each quote in it doubled", name)
		case i < len(cols) && !lay.text(i, len(cols)) && len(field) > 0 && !isNumber(field):
			return fmt.Sprintf("its %s is %q, not a number", name, field)
		}
		rest, more = after, next
	}
	if i != len(cols) {
		return fmt.Sprintf("has %s where the header has %d", numtext.Count(i, "field"), len(cols))
	}
	return ""
}

// cutCSVField cuts the first field off row, a line of CSV without its
// line ending: field is that field as the line writes it (its quotes and
// all), rest what follows its comma and more whether one follows it; ok
// is false when it is no field of CSV (RFC 4180): a quote in a field not
// quoted, or a quoted one whose closing quote is not right before a comma
// or the line's end.
func cutCSVField(row []byte) (field, rest []byte, more, ok bool) {
	if len(row) == 0 || row[0] != '"' {
		field, rest, more = bytes.Cut(row, []byte(","))
		return field, rest, more, bytes.IndexByte(field, '"') < 0
	}
	for i := 1; i < len(row); i++ {
		switch {
		case row[i] != '"':
		case i+1 < len(row) && row[i+1] == '"':
			i++ // a quote doubled, inside the field
		case i+1 == len(row):
			return row, nil, false, true
		case row[i+1] == ',':
			return row[:i+1], row[i+2:], true, true
		default:
			return nil, nil, false, false
		}
	}
	return nil, nil, false, false
}

// unclosed reports whether row, the rest of a line from a field on,
// begins a quoted field that the line ends inside ("hand, as a field
// written "hand<line break>note" leaves its first line), where
// cutCSVField finds no field.
func unclosed(row []byte) bool {
	if len(row) == 0 || row[0] != '"' {
		return false
	}
	for i := 1; i < len(row); i++ {
		if row[i] == '"' {
			if i+1 < len(row) && row[i+1] == '"' {
				i++ // a quote doubled, inside the field
				continue
			}
			return false
		}
	}
	return true
}

// isNumber reports whether field is a number strconv.ParseFloat reads,
// as appendCSV's are.
func isNumber(field []byte) bool {
	_, err := strconv.ParseFloat(string(field), 64)
	return err == nil || errors.Is(err, strconv.ErrRange)
}

// blankEnd is how many bytes of blank lines, each nothing but its line
// ending, end tail, the end of a log: an editor that ends a file in a
// line ending of its own, or echo >> run.csv, leaves one after the last
// row, which keeps its own ending. logEnd reads the row before them, and
// a run going on in the log writes its rows over them (csvFile.begin), so that
// its rows do not follow a blank line: a log so ended is no cut row.
func blankEnd(tail []byte) int {
	body := bytes.TrimRight(tail, "\r\n")
	if len(body) == 0 {
		return len(tail)
	}
	i := bytes.IndexByte(tail[len(body):], '\n')
	if i < 0 {
		return 0 // a last line cut short, not ended
	}
	return len(tail) - len(body) - i - 1
}

// lossFields is the epoch and the per-epoch values that begin a row of a
// log of lay's columns: what a run's own row at an epoch must begin with.
func lossFields(row string, lay csvLayout) string {
	n := 6 // epoch, d_real, d_fake, g_loss, mean, std
	if lay.plane {
		n = 8
	}
	f := strings.SplitN(row, ",", n+1)
	return strings.Join(f[:min(n, len(f))], ",")
}

func (c *csvFile) write(st engine.EpochStats) {
	c.emit()
	c.pending, c.has, c.hasEval = st, true, false
}

// evaluated joins an evaluation made at epoch to that epoch's row, if it
// is the row held back.
func (c *csvFile) evaluated(epoch int, m engine.Metrics) {
	if c.has && c.pending.Epoch == epoch {
		var events, details string
		if c.hasEval {
			events, details = c.ev.events, c.ev.details
		}
		c.ev, c.hasEval = newEvalRow(epoch, m), true
		c.ev.events, c.ev.details = events, details
	}
}

// event joins an event to its epoch's row, if it is the row held back,
// or, once the file is closed, the last row it wrote, which amend then
// writes again.
func (c *csvFile) event(e Event) {
	if w := &c.written; c.closed && c.err == nil && w.bytes != nil && w.st.Epoch == e.Epoch {
		if w.ev == nil {
			w.ev = &evalRow{epoch: e.Epoch}
		}
		w.ev.addEvent(e)
		w.late = true
		return
	}
	if !c.has || c.pending.Epoch != e.Epoch {
		return
	}
	if !c.hasEval {
		c.ev, c.hasEval = evalRow{epoch: e.Epoch}, true
	}
	c.ev.addEvent(e)
}

// emit writes the held-back row.
func (c *csvFile) emit() {
	if !c.has {
		return
	}
	var ev *evalRow
	if c.hasEval {
		ev = &c.ev
	}
	if c.f == nil && c.err == nil && !c.closed {
		c.f, c.err = c.begin()
		var st os.FileInfo
		if c.err == nil {
			st, c.err = c.f.Stat()
		}
		if c.err == nil {
			c.rows = &wholeRows{f: c.f, size: st.Size()}
		}
		switch {
		case c.err != nil:
		case c.append:
			c.csv = &csvWriter{w: bufio.NewWriter(c.rows), lay: c.lay, crlf: c.rowCRLF}
		default:
			c.csv = newCSVWriter(bufio.NewWriter(c.rows), c.lay)
		}
	}
	if c.err == nil && c.f != nil {
		c.fail(c.csv.write(c.pending, ev))
		if c.err == nil {
			c.written = writtenRow{bytes: append(c.written.bytes[:0], c.csv.row...), st: c.pending}
			if ev != nil {
				row := *ev
				c.written.ev = &row
			}
		}
	}
	c.has, c.hasEval = false, false
}

// fail keeps err, if not nil, as the file's first error.
//
// A write that failed (a full disk) says where the file now ends, which
// it knows: "write out/run.csv: no space left on device; the log ends at
// epoch 1,234, every row through it whole" (endsAt), so that the user
// knows what it holds without opening it, and what to train again. The
// file is named quoted where a shell would not read it as one word,
// "write '/srv/my runs/run.csv': …", as outputfile names a file not
// written, where the system's words left it bare.
func (c *csvFile) fail(err error) {
	if err == nil || c.err != nil {
		return
	}
	if pe := (*fs.PathError)(nil); c.rows != nil && errors.As(err, &pe) && pe.Op == "write" {
		err = &endedError{"write " + shellword.Quote(pe.Path) + ": " + pe.Err.Error() + "; " + c.endsAt(), err}
	}
	c.err = err
}

// An endedError is a log's failed write told as fail tells it, the
// system's error kept beneath it.
type endedError struct {
	msg string
	err error
}

func (e *endedError) Error() string { return e.msg }
func (e *endedError) Unwrap() error { return e.err }

// endsAt says where the log's file ends as the run wrote it, a write
// having failed (wholeRows cut it back to its last whole row): "the log
// ends at epoch 1,234, every row through it whole", or that it holds its
// header alone, or nothing.
func (c *csvFile) endsAt() string {
	header := int64(len(c.headerLine()))
	switch size := c.rows.size; {
	case size == 0:
		return "the log is empty"
	case size <= max(header, c.rows.kept):
		return "the log holds its header alone"
	}
	return "the log ends at epoch " + c.epochAt(c.lastRowAt(max(header, c.rows.kept))) + ", every row through it whole"
}

// wholeRows is the log's file as its buffer writes it: whole rows at a
// time (csvWriter.write), each write where the rows before it end (size,
// the file's length as the run wrote it). A write that fails
// partway (a full disk takes what fits, up to mid-row) is cut back to the
// last whole row it wrote, so that the file ends at a whole row: a
// reader, or a --resume checking the log's end, finds every epoch it
// holds written whole.
//
// A file cut short under the run (: > run.csv, truncate) is noted (kept):
// the write after it lands past the file's end, the bytes between read
// as NULs, and a file cut after the last write is shorter than size.
type wholeRows struct {
	f    *os.File
	size int64 // the file's length as the run wrote it: where the next write begins
	// kept is where the rows the file still holds begin after it was cut
	// short, those before it lost (a hole of NULs, or nothing): 0 while
	// it has not been.
	kept int64
}

func (w *wholeRows) Write(p []byte) (int, error) {
	at := w.size
	n, err := w.f.Write(p) // not WriteAt, which counts no byte of a write that fails partway
	if err != nil {
		n = bytes.LastIndexByte(p[:n], '\n') + 1
		w.f.Truncate(at + int64(n)) // best effort: the write's own error is the one reported
	}
	w.size += int64(n)
	w.checkCut(at)
	return n, err
}

// checkCut notes whether the file was cut short under the run (kept)
// before or after the write that began at at, by the one byte the run
// wrote before it, a row's closing newline: a file cut before the write
// reads a NUL there (the write's bytes are kept, those before lost), one
// cut after it ends before it (nothing written so far is kept). Called
// with size, it tells whether the file was cut since the last write. Only
// a cut that another write has filled again goes unseen.
func (w *wholeRows) checkCut(at int64) {
	if at == 0 {
		return
	}
	var b [1]byte
	_, err := w.f.ReadAt(b[:], at-1)
	switch {
	case err == nil && b[0] != '\n':
		w.kept = at
	case errors.Is(err, io.EOF):
		w.kept = w.size
	}
}

// amend writes the closed log again with the events that joined its
// last row after it was written (event), where any did: whole, into a
// hidden file renamed over the log (outputfile.Write), as the other
// outputs are written, so that a kill meanwhile leaves the log as close
// left it, every row whole, never a log cut at its last row. A log whose
// writing failed is left as it is, its error said already; so is one
// that another process or an editor changed since close (another inode,
// another size, another last row), which is said.
func (c *csvFile) amend() error {
	w := &c.written
	if !w.late || c.err != nil || c.placed == nil {
		return nil
	}
	w.late = false
	row := appendCSV(nil, w.st, w.ev, c.lay)
	if c.csv.crlf {
		row = append(row[:len(row)-1], '\r', '\n')
	}
	changed := fmt.Errorf("%s changed after the run wrote it, so it is left without the event its final evaluation added to its last row, epoch %s's (%s)", shellword.Quote(c.path), numtext.FormatInt(w.st.Epoch), w.ev.events)
	f, err := os.Open(c.path)
	if err != nil {
		return changed
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !os.SameFile(st, c.placed) || st.Size() != c.placed.Size() || st.Size() < int64(len(w.bytes)) {
		return changed
	}
	keep := st.Size() - int64(len(w.bytes))
	last := make([]byte, len(w.bytes))
	if _, err := f.ReadAt(last, keep); err != nil || !bytes.Equal(last, w.bytes) {
		return changed
	}
	err = outputfile.Write(c.path, st.Mode().Perm(), historyKind, func(out io.Writer) error {
		if _, err := io.Copy(out, io.NewSectionReader(f, 0, keep)); err != nil {
			return err
		}
		_, err := out.Write(row)
		return err
	})
	if err != nil {
		return fmt.Errorf("%w; the log is left as the run wrote it, without the event its final evaluation added to its last row, epoch %s's (%s)", err, numtext.FormatInt(w.st.Epoch), w.ev.events)
	}
	return nil
}

// claim holds the log's file against another process's writing it
// (outputfile.Claim) until the run ends, unless it holds it already: New
// claims it before the first epoch, the refusal then said at once.
func (c *csvFile) claim() error {
	if c.held != nil || c.f != nil {
		return nil
	}
	held, err := outputfile.Claim(c.path)
	if err != nil {
		return err
	}
	c.held = held
	return nil
}

// begin makes the claimed log ready for the first row (claim): at its
// end to append to it, else emptied once it is found to be a history or
// empty (historyKind), so that a file put there since checkPaths looked
// is not emptied.
func (c *csvFile) begin() (*os.File, error) {
	if err := c.claim(); err != nil {
		return nil, err
	}
	// Claim opened it for reading too: to put it back if removed or cut
	// short (putBack). Not O_APPEND: the rows go on where they end, past
	// the end of a file cut short under the run, which wholeRows tells by
	// the gap.
	f := c.held.File
	c.held = nil // written from now on: closed, not released
	if c.append {
		if err := dropBlankEnd(f); err != nil {
			f.Close()
			return nil, err
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			f.Close()
			return nil, err
		}
	} else {
		if err := outputfile.OfKind(c.path, historyKind); err != nil {
			f.Close()
			return nil, err
		}
		if err := f.Truncate(0); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// dropBlankEnd cuts the blank lines that end the log f (blankEnd) off
// it, read again once its lock is held.
func dropBlankEnd(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	// As logEnd reads: a longest row and the line end before it. The
	// blank lines cut are the same whatever the length read, as rowEnd
	// reads back through those past it.
	const most = logLineMost + 1
	tail := make([]byte, min(st.Size(), most))
	if _, err := f.ReadAt(tail, st.Size()-int64(len(tail))); err != nil {
		return err
	}
	n := blankEnd(tail)
	if n > 0 && n == len(tail) && int64(n) < st.Size() { // blank lines past the part read
		end, err := rowEnd(f, 0, st.Size()-int64(n))
		if err != nil {
			return err
		}
		return f.Truncate(end)
	}
	if n > 0 && n < len(tail) {
		return f.Truncate(st.Size() - int64(n))
	}
	return nil
}

// rowEnd is where the line ends, its line ending with it, of the last
// byte of f between lo and hi that is no line ending, f from there to hi
// being blank lines (blankEnd): lo where there is none. logEnd and
// dropBlankEnd read a log's end some logLineMost at a time; where more
// blank lines than that end it (a script's loop of echo >> run.csv),
// they read back through them to the row before, which a run goes on
// after, as it does after fewer, where the part read had held nothing
// but blank lines and said the log "ends in a cut row".
func rowEnd(f io.ReaderAt, lo, hi int64) (int64, error) {
	buf := make([]byte, logLineMost)
	for at := hi; at > lo; {
		from := max(lo, at-int64(len(buf)))
		chunk := buf[:at-from]
		if _, err := f.ReadAt(chunk, from); err != nil {
			return 0, err
		}
		i := len(chunk) - 1
		for i >= 0 && (chunk[i] == '\n' || chunk[i] == '\r') {
			i--
		}
		if i >= 0 {
			end := from + int64(i) + 1
			after := make([]byte, min(hi-end, 64))
			if _, err := f.ReadAt(after, end); err != nil {
				return 0, err
			}
			if j := bytes.IndexByte(after, '\n'); j >= 0 {
				return end + int64(j) + 1, nil
			}
			return end, nil
		}
		at = from
	}
	return lo, nil
}

// putBack makes sure the log's path names the file the run wrote, every
// row it still holds in it: the file changed under the run is written to
// its path again (outputfile.Write) from the file the run holds open. A
// log removed while the run writes it (an rm, a clean-up of its
// directory) would go on being written unnamed, the run ending with exit
// 0 and no file: it is put back whole. A log cut short (: > run.csv, a
// truncate; wholeRows.kept) would go on being written past its end, the
// file beginning with thousands of NULs where its rows were, and the
// run ending with exit 0: it is written again as the header and the rows
// written since the cut, and the run says which are lost. A file put at
// the path since (another run's log) is not replaced: what the run's log
// holds, as it would be put back, is kept beside it (WriteBeside), the
// header and the rows since a cut of a log cut short first, not the NULs
// the cut left; a path that cannot be written again (its directory
// removed too) is an error, both saying that the rows are not there.
func (c *csvFile) putBack() error {
	c.rows.checkCut(c.rows.size) // cut since the last write
	held, err := c.f.Stat()
	if err != nil {
		return err
	}
	now, err := os.Stat(c.path)
	ours := err == nil && os.SameFile(held, now)
	if ours && c.rows.kept == 0 {
		return nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	what, from, kind := "removed", int64(0), historyKind
	var header string
	if c.rows.kept > 0 {
		what, from = "cut short", c.rows.kept
		header = c.headerLine()
		if ours { // what begins it is no header now
			kind.Is = func(io.Reader) bool { return true }
		}
	}
	rows := func(w io.Writer) error {
		_, err := io.Copy(w, io.MultiReader(strings.NewReader(header), io.NewSectionReader(c.f, from, c.rows.size-from)))
		return err
	}
	if err == nil && !ours {
		// Left as it is, and the rows kept beside it, that none is lost.
		return c.keepBeside(now, from, rows)
	}
	err = outputfile.Write(c.path, 0o666, kind, rows)
	switch {
	case err != nil:
		return &logLost{path: c.path, what: what, rows: c.rowsHeld(), err: err}
	case from == 0:
		return nil
	case from == c.rows.size:
		return fmt.Errorf("%s was cut short while the run wrote it: its rows are lost, the header alone is left", shellword.Quote(c.path))
	}
	return fmt.Errorf("%s was cut short while the run wrote it: its rows before epoch %s are lost, the header and the rest are left", shellword.Quote(c.path), c.epochAt(from))
}

// keepBeside is putBack's of a log another file has replaced, found as
// now: what rows writes, the log as it would be put back, the rows from
// from on, is written beside the path (outputfile.WriteBeside) and said.
// A log cut short before it was replaced has lost its rows before the
// cut (from), which is said; one cut after its last row holds none, and
// no file is written beside it for its header alone.
func (c *csvFile) keepBeside(now fs.FileInfo, from int64, rows func(io.Writer) error) error {
	replaced := "was replaced by " + replacedBy(now)
	if from > 0 {
		replaced = "was cut short, then replaced by " + replacedBy(now)
	}
	if from > 0 && from == c.rows.size {
		return fmt.Errorf("%s %s while the run wrote it, left as it is: the run's rows are lost", shellword.Quote(c.path), replaced)
	}
	kept, err := outputfile.WriteBeside(c.path, 0o666, rows)
	if err != nil {
		return fmt.Errorf("%s %s while the run wrote it, and the run's history could not be kept beside it: %w", shellword.Quote(c.path), replaced, err)
	}
	if from > 0 {
		return &LogKeptError{kept, fmt.Errorf("%s %s while the run wrote it, left as it is: its rows before epoch %s are lost, the header and the rest, %s, are kept beside it, in %s", shellword.Quote(c.path), replaced, c.epochAt(from), c.rowsHeld(), shellword.Quote(kept))}
	}
	return &LogKeptError{kept, fmt.Errorf("%s %s while the run wrote it, left as it is: the run's history, %s, is kept beside it, in %s", shellword.Quote(c.path), replaced, c.rowsHeld(), shellword.Quote(kept))}
}

// LogKeptError is a --log's error where another file took its path
// while the run wrote it (keepBeside): that file is left as it is, and
// the run's rows are kept beside it, in Kept, a history that ends at the
// run's last epoch, which a --resume of the run's checkpoint goes on in.
// A headless run stopped short of its plan names Kept in the command
// that trains it on, as it names a --save kept beside what took its
// path (movedResumeLine).
type LogKeptError struct {
	Kept string // the file the rows are kept in, "run.kept.csv"
	Err  error  // what is said: "run.csv was replaced by another file while …"
}

func (e *LogKeptError) Error() string { return e.Err.Error() }

// Unwrap gives Err, so that errors.Is and errors.As see what it says,
// as outputfile.UnplacedError gives its.
func (e *LogKeptError) Unwrap() error { return e.Err }

// replacedBy names what took a log's place under the run, found as
// now: "another file", or what it is where that is no regular file, "a
// directory".
func replacedBy(now fs.FileInfo) string {
	if now.Mode().IsRegular() {
		return "another file"
	}
	return inputfile.What(now.Mode())
}

// logLost is the error of a log removed or cut short under the run that
// could not be put back (putBack): rows, "epochs 1–20,000", are what it
// held, lost with it. Where its directory was removed too
// (outputfile.DirError.RemovedWhile), OutputsError says so once, of every
// file the run wrote there.
type logLost struct {
	path, what, rows string
	err              error
}

func (e *logLost) Error() string {
	return fmt.Sprintf("%s was %s while the run wrote it, and could not be put back: %v; its history of %s is lost", shellword.Quote(e.path), e.what, e.err, e.rows)
}

func (e *logLost) Unwrap() error { return e.err }

// rowsHeld says which epochs the log's file holds, its first row's to
// its last's, as the trainer's export names them: "epochs 1–20,000",
// "epoch 7" of one row; of a log cut short, those after the cut.
func (c *csvFile) rowsHeld() string {
	first := int64(len(c.headerLine()))
	if c.rows.kept > 0 {
		first = c.rows.kept
	}
	if from, to := c.epochAt(first), c.epochAt(c.lastRowAt(first)); from != to {
		return "epochs " + from + "–" + to
	}
	return "epoch " + c.epochAt(first)
}

// lastRowAt is the offset where the last row the run wrote to the log's
// file begins, of the rows from lo (a row's start) to c.rows.size: read
// back from the end, 256 bytes and then twice as many each time, until
// the line end before it is held, or lo, for a row with an event's text
// is longer than 256 bytes (a vanilla run's last of 100,000 epochs, 262),
// and a window that began mid-row read "?" for its epoch, or a wrong one
// where the bytes there began "123,". It is −1 where the row would be
// longer than a line the log's readers take as a row (logLineMost),
// which none the run writes is, or the file cannot be read.
func (c *csvFile) lastRowAt(lo int64) int64 {
	end := c.rows.size
	for n := int64(256); ; n *= 2 {
		from := max(lo, end-min(n, logLineMost+1))
		b := make([]byte, max(0, end-from))
		if _, err := c.f.ReadAt(b, from); err != nil {
			return -1
		}
		if i := bytes.LastIndexByte(bytes.TrimRight(b, "\r\n"), '\n'); i >= 0 {
			return from + int64(i) + 1
		}
		switch {
		case from <= lo:
			return lo // one row from lo on
		case end-from > logLineMost:
			return -1
		}
	}
}

// epochAt is the epoch of the log's row that begins at offset off,
// formatted for a message: "?" where no row begins there, its first
// field not an epoch as the log writes it (digits, no sign, no leading
// zero) followed by a comma, or the file cannot be read there.
func (c *csvFile) epochAt(off int64) string {
	if off < 0 {
		return "?"
	}
	b := make([]byte, 24)
	n, _ := c.f.ReadAt(b, off)
	first, _, found := bytes.Cut(b[:n], []byte(","))
	e, err := strconv.Atoi(string(first))
	if !found || err != nil || e < 0 || strconv.Itoa(e) != string(first) {
		return "?"
	}
	return numtext.FormatInt(e)
}

// flush writes what is buffered, the held-back row too, so a reader of
// the file sees every epoch so far.
func (c *csvFile) flush() error {
	c.emit()
	if c.err == nil && c.f != nil {
		c.fail(c.csv.flush())
	}
	return c.err
}

// close flushes and closes the file, returning the first error of its
// life; closing twice is harmless. A file removed from its path or cut
// short while the run wrote it is put back there first (putBack). A file
// claimed and never written is given back as it was (Release).
func (c *csvFile) close() error {
	if c.closed {
		return c.err
	}
	c.flush()
	if c.f != nil {
		if c.err == nil {
			c.fail(c.putBack())
		}
		if c.err == nil {
			c.placed, _ = os.Stat(c.path)
		}
		if err := c.f.Close(); c.err == nil {
			c.err = err
		}
		c.f = nil
	}
	if c.held != nil {
		c.held.Release()
		c.held = nil
	}
	c.closed = true
	return c.err
}
