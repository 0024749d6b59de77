package engine

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"math"
	"math/bits"
	"path/filepath"
	"slices"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/internal/shellword"
)

// A checkpoint holds everything a run needs to continue bit-identically:
//
//	magic "GANUICKP" | version u32 | body length u64 | body | SHA-256(all before)
//
// and the body, little-endian, lengths as u32 counts:
//
//	config JSON | points | seed u64 | epoch u64 | PCG state |
//	G params | D params | G optimizer | D optimizer |
//	G historical mean | D historical mean | G moving average | annex
//
// where the config JSON is the Config's object, with the ganui that
// wrote it (release.Version) under VersionKey first, from the ganui that
// began to record it on: a ganui that does not know a key of it refuses
// the checkpoint with a *NewerError that names that ganui and the keys.
//
// where points, present only when the target is points(FILE.csv), are
// the target's data as the run has it: their count n (u32), then 2n
// float64s, x₀, y₀, x₁, …. A resumed run trains on them, whatever the
// file holds now or wherever it has gone. Version 1 checkpoints, from
// before, have no points: their file is read again.
//
// where an optimizer is its kind byte (1 Adam, 2 SGD, 3 RMSprop), then
// Adam's step count u64, m and v, SGD's momentum buffer or RMSprop's mean
// square (before version 4, SGD and RMSprop have a step count too, after
// the kind byte, which nothing of theirs used: it is checked and dropped);
// and a historical mean (historical averaging, present only
// when the player's weight g_hist_avg or d_hist_avg is not 0) is its count
// u64, then the mean as float64s. A configuration without historical
// averaging writes the same bytes as before it existed, so older
// checkpoints load with it off. G's moving average (present only when
// g_ema is not 0) is its count u64, then the averaged parameters as
// floats, and is absent from older checkpoints the same way.
//
// The annex, from version 3 on, is bytes a front end keeps with the run
// (the session's charts and findings), opaque to the engine and covered
// by the checksum: its length u32, at most MaxAnnex, then the bytes; a
// front end that keeps nothing writes a length of 0.
//
// Checkpoints are written and read as streams, so saving or loading the
// largest network takes little memory beyond the network itself. A reader
// learns the body's size from the configuration, which comes first, and
// refuses a header that claims another before it reads the weights; it
// refuses one that claims more than the size of what it reads (a file's)
// before it reads on: as damaged when the checksum at the data's end is
// right for the header with the length the data holds, else as
// truncated. Anything else refused in the body before the
// checksum is read is refused as damage when the checksum, read on to,
// is wrong (sealed).
const (
	checkpointMagic   = "GANUICKP"
	checkpointVersion = 4 // 2: a points target's data is in it; 3: the annex; 4: SGD and RMSprop have no step count
	headerLen         = len(checkpointMagic) + 4 + 8
	maxConfigJSON     = 1 << 20 // a configuration is a few hundred bytes
	maxRandomState    = 64      // a PCG's state is 20
	// MaxAnnex bounds a checkpoint's annex: 16 MiB, far more than a
	// front end's history of bounded charts and events needs.
	MaxAnnex = 16 << 20
)

// IsCheckpoint reports whether data, a file's first bytes, begins as a
// checkpoint does (its magic, "GANUICKP"): a reader of another kind of
// file can then say that it was given a checkpoint, not that the file is
// too large or not JSON.
func IsCheckpoint(data []byte) bool { return bytes.HasPrefix(data, []byte(checkpointMagic)) }

// CheckpointError says why bytes are not a checkpoint this build can load.
type CheckpointError struct {
	Reason string
	// damaged: the reason says the data is not what ganui wrote, from the
	// data alone (badLength), or that it ended (truncated), and needs no
	// checksum to say it (sealed).
	damaged bool
}

func (e *CheckpointError) Error() string { return "not a usable checkpoint: " + e.Reason }

// sealedError is an error a checkpoint's body may say before its checksum
// is read, each kind saying for itself whether it is told only once the
// checksum is found right (sealed), as what a flipped bit could have made
// it must be, or at once, as damage the data says alone.
type sealedError interface {
	error
	toldOnceSealed() bool
}

// toldOnceSealed: a CheckpointError is told once sealed unless it says
// the data damaged alone (badLength, truncated).
func (e *CheckpointError) toldOnceSealed() bool { return !e.damaged }

// toldOnceSealed: a key a newer ganui wrote is a key a flipped bit could
// have made.
func (e *NewerError) toldOnceSealed() bool { return true }

func badCheckpoint(format string, args ...any) error {
	return &CheckpointError{Reason: fmt.Sprintf(format, args...)}
}

// badLength is the error for a body whose header claims a length its
// configuration does not take: no ganui writes one, so the file is
// damaged (a flip in the configuration or the header), said without
// reading on to the checksum, which could be the rest of a large file
// or the data past a length far too long; and for a header that claims
// more than a whole checkpoint's data holds (sealedAs).
func badLength(format string, args ...any) error {
	return &CheckpointError{Reason: fmt.Sprintf(format, args...) + " (the file is damaged)", damaged: true}
}

// MarshalBinary encodes the run's complete state as a checkpoint without
// an annex, in memory, for this process (a state to go back to): a
// points(FILE.csv) target's path as the run holds it, where
// WriteCheckpoint, which streams the same bytes otherwise, writes it
// absolute.
func (g *GAN) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	err := g.writeCheckpoint(&b, nil, g.cfg)
	return b.Bytes(), err
}

// Restore rebuilds a run from a checkpoint made by MarshalBinary; see
// ReadCheckpoint. An annex is read and dropped.
func Restore(data []byte) (*GAN, error) {
	run, err := readCheckpoint(bytes.NewReader(data), int64(len(data)))
	return run.g, err
}

// WriteCheckpoint writes the run's complete state to w as a checkpoint,
// with annex, the front end's bytes to keep with it (nil for none; at
// most MaxAnnex), which ReadCheckpoint gives back. A points(FILE.csv)
// target's relative path is written absolute (AbsPoints): the checkpoint
// holds the points, but the path names the file, and a relative path
// would have a run resumed from another directory name, and refuse to
// overwrite, another file there, while the points file itself could be
// given as its --log.
func (g *GAN) WriteCheckpoint(w io.Writer, annex []byte) error {
	cfg := g.cfg
	var err error
	if cfg.Target, err = AbsPoints(cfg.Target); err != nil {
		return err
	}
	return g.writeCheckpoint(w, annex, cfg)
}

// CheckpointSize is the length of the checkpoint WriteCheckpoint writes
// of the run with an annex of annex bytes. It depends on the run's
// configuration alone, not on its epoch or weights: a run that trains on
// without a change of its settings writes checkpoints of one size, so a
// front end can make room for the last before the first epoch
// (outputfile.Reserve), its annex at MaxAnnex for the largest.
func (g *GAN) CheckpointSize(annex int) (int64, error) {
	c := g.cfg
	var err error
	if c.Target, err = AbsPoints(c.Target); err != nil {
		return 0, err
	}
	cfg, err := configJSON(c)
	if err != nil {
		return 0, err
	}
	rng, err := g.src.MarshalBinary()
	if err != nil {
		return 0, err
	}
	return int64(headerLen+bodySize(len(cfg), len(rng), g, checkpointVersion)+annex) + sha256.Size, nil
}

// writeCheckpoint is WriteCheckpoint with the run's configuration as
// given in c.
func (g *GAN) writeCheckpoint(w io.Writer, annex []byte, c Config) error {
	if len(annex) > MaxAnnex {
		return fmt.Errorf("engine: a checkpoint annex of %s bytes, at most %s", numtext.FormatInt(len(annex)), numtext.FormatInt(MaxAnnex))
	}
	cfg, err := configJSON(c)
	if err != nil {
		return err
	}
	rng, err := g.src.MarshalBinary()
	if err != nil {
		return err
	}
	sum := sha256.New()
	cw := &ckWriter{w: bufio.NewWriterSize(io.MultiWriter(w, sum), 64<<10)}
	cw.raw([]byte(checkpointMagic))
	cw.u32(checkpointVersion)
	cw.u64(uint64(bodySize(len(cfg), len(rng), g, checkpointVersion) + len(annex)))
	cw.bytes(cfg)
	if p, ok := g.plane.(Points); ok {
		cw.u32(uint32(len(p.XY) / 2))
		for _, v := range p.XY {
			cw.u64(math.Float64bits(v))
		}
	}
	cw.u64(g.seed)
	cw.u64(uint64(g.epoch))
	cw.bytes(rng)
	cw.floats(g.gen.Params)
	cw.floats(g.disc.Params)
	cw.optimizer(g.gOpt)
	cw.optimizer(g.dOpt)
	cw.paramMean(g.gHist)
	cw.paramMean(g.dHist)
	if g.gEMA != nil {
		cw.u64(uint64(g.gEMA.N))
		cw.floats(g.gEMA.Net.Params)
	}
	cw.bytes(annex)
	if cw.err == nil {
		cw.err = cw.w.Flush()
	}
	if cw.err != nil {
		return cw.err
	}
	_, err = w.Write(sum.Sum(nil))
	return err
}

// bodySize is the length of a checkpoint body of g of the given version
// whose configuration and random state encode to cfg and rng bytes, and
// whose annex, from version 3 on, is empty: a version-2 body holds a
// points target's data, a version-3 body the annex's length too, and
// before version 4 every optimizer a step count.
func bodySize(cfg, rng int, g *GAN, version uint32) int {
	floats := func(n int) int { return 4 + 4*n }
	steps := 0
	if version < 4 {
		steps = 8
	}
	opt := func(o Optimizer) int {
		switch o := o.(type) {
		case *Adam:
			return 1 + 8 + floats(len(o.M)) + floats(len(o.V))
		case *RMSprop:
			return 1 + steps + floats(len(o.V))
		}
		return 1 + steps + floats(len(o.(*SGD).Buf))
	}
	hist := func(h *paramMean) int {
		if h == nil {
			return 0
		}
		return 8 + 4 + 8*len(h.Mean)
	}
	ema := 0
	if g.gEMA != nil {
		ema = 8 + floats(len(g.gEMA.Net.Params))
	}
	data := 0
	if p, ok := g.plane.(Points); ok && version >= 2 {
		data = 4 + 8*len(p.XY)
	}
	annex := 0
	if version >= 3 {
		annex = 4
	}
	return 4 + cfg + data + 8 + 8 + 4 + rng + floats(len(g.gen.Params)) + floats(len(g.disc.Params)) + opt(g.gOpt) + opt(g.dOpt) +
		hist(g.gHist) + hist(g.dHist) + ema + annex
}

// ReadCheckpoint rebuilds a run from a checkpoint read from r, which must
// end with it, and returns the annex it was written with (nil when it is
// empty or the checkpoint older than version 3). Damaged, truncated,
// padded, foreign or newer-version data, a configuration that repeats a
// key or is not valid, and counts beyond MaxEpochs or MaxUpdates give a
// *CheckpointError; a configuration with keys this ganui does not know,
// or a format version past this ganui's, in a checkpoint whose checksum
// is right, a *NewerError; a failure to
// read comes back as it is. The annex's bytes are the front end's to
// judge.
//
// size is how many bytes r holds, as a file's size says (and
// inputfile.Open's reader holds no more than that): a checkpoint shorter
// than its header claims is refused as truncated straight after the
// header, or as damaged, the file read through once and no network
// built, when its checksum says that it is whole and the header's length
// alone is wrong. The stream alone finds the end only when it comes,
// after the networks the configuration names are built, and a file cut
// short of a wide design's took its hundreds of megabytes to be called
// truncated.
// Data that ends before size (a file that shrank since its size was
// taken) is truncated all the same, found where it ends; data that goes
// on past the checksum is refused. A negative size is an error: every
// caller knows the size of what it reads.
func ReadCheckpoint(r io.Reader, size int64) (*GAN, []byte, error) {
	run, err := readCheckpoint(r, size)
	if err == nil {
		err = run.placePoints()
	}
	if err != nil {
		return nil, nil, err
	}
	return run.g, run.annex, nil
}

// readRun is a run read from a checkpoint (readCheckpoint, readBody).
type readRun struct {
	g     *GAN
	annex []byte // the front end's bytes written with it, nil when there are none
	// pointsRead: the run's points were read here, from the file its
	// points target names, as a version-1 checkpoint holds none
	// (version1Points); placePoints does not read that file again.
	pointsRead bool
}

// readCheckpoint is ReadCheckpoint for a checkpoint file or a state kept
// in memory (Restore), whose points path is the run's own, as given.
func readCheckpoint(r io.Reader, size int64) (readRun, error) {
	if size < 0 {
		return readRun{}, fmt.Errorf("engine: ReadCheckpoint of a size of %d bytes, want the data's size", size)
	}
	sum := sha256.New()
	cr := &ckReader{r: io.TeeReader(r, sum)}
	// The header is read whole, so that data that ends inside it is told
	// by how much it holds, as a body cut short is, not by the field it
	// ended in ("truncated length" would say nothing a user could use).
	head := make([]byte, headerLen)
	got, err := io.ReadFull(cr.r, head)
	switch {
	case got == 0 && err == io.EOF:
		return readRun{}, badCheckpoint("it is empty (0 bytes)") // a file created but never written: "truncated header" would hide that
	case err != nil && err != io.ErrUnexpectedEOF:
		return readRun{}, err
	case !bytes.HasPrefix([]byte(checkpointMagic), head[:min(got, len(checkpointMagic))]):
		return readRun{}, badCheckpoint("no ganui checkpoint header")
	case err != nil:
		return readRun{}, badCheckpoint("truncated: it is %s, less than a checkpoint's %d-byte header", numtext.Count(got, "byte"), headerLen)
	}
	version, n := headerFields(head)
	cr.end = n
	body := size - int64(headerLen) - sha256.Size
	switch {
	case version > checkpointVersion && body >= 0 && n == uint64(body):
		// A newer ganui's format, if the checksum, read past a body
		// whose layout this ganui does not know, says the data is whole.
		return readRun{}, sealed(cr, r, sum, n, size, &NewerError{Format: version})
	case version < 1 || version > checkpointVersion:
		err := badCheckpoint("checkpoint format %d; this ganui reads formats 1 to %d", version, checkpointVersion)
		if body >= 0 && n <= uint64(body) {
			err = sealed(cr, r, sum, n, size, err) // a version damaged in the file is that
		}
		return readRun{}, err
	case body < 0 || n > uint64(body):
		whole, err := sealedAs(head, r, body)
		switch {
		case err != nil:
			return readRun{}, err
		case whole:
			return readRun{}, badLength("the header's body length is damaged: it says the checkpoint is %s bytes, the file is a whole checkpoint of %s", claimedSize(n), numtext.FormatInt(int(size)))
		}
		return readRun{}, badCheckpoint("truncated: it is %s bytes, its header says the checkpoint is %s", numtext.FormatInt(int(size)), claimedSize(n))
	}
	run, err := readBody(cr, version, n, size)
	if se := sealedError(nil); errors.As(err, &se) && se.toldOnceSealed() {
		// Found before the checksum is: a bit flipped in the file's
		// configuration would be told as a mistake in it ("invalid
		// character '#'", "\"meaky_relu\" is not one of …"), its weights'
		// count as a count the configuration does not need.
		return readRun{}, sealed(cr, r, sum, n, size, err)
	}
	if err != nil {
		return readRun{}, err
	}
	var stored [sha256.Size]byte
	if k, err := io.ReadFull(r, stored[:]); err != nil {
		return readRun{}, truncated(err, "checksum", uint64(headerLen)+n+uint64(k))
	}
	if !bytes.Equal(stored[:], sum.Sum(nil)) {
		return readRun{}, checksumMismatch(n, size)
	}
	var one [1]byte
	switch k, err := r.Read(one[:]); {
	case k > 0 && n < uint64(body):
		// Bytes appended to a whole checkpoint (a copy that added a
		// newline, files joined): said in sizes, which say what to keep,
		// where "unexpected data after the checksum" would say neither.
		return readRun{}, badCheckpoint("it is %s bytes, its header says the checkpoint is %s: that checkpoint is whole, by its checksum, and %s after it", numtext.FormatInt(int(size)), claimedSize(n), numtext.Count(body-int64(n), "byte"))
	case k > 0: // data that goes on past the size it was given (a file that grew)
		return readRun{}, badCheckpoint("it goes on past its size of %s bytes, after its checksum", numtext.FormatInt(int(size)))
	case err != nil && err != io.EOF:
		return readRun{}, err
	}
	return run, nil
}

// headerFields is what a checkpoint's header, head, says after its
// magic: the format version and the body's length.
func headerFields(head []byte) (version uint32, n uint64) {
	return binary.LittleEndian.Uint32(head[len(checkpointMagic):]), binary.LittleEndian.Uint64(head[len(checkpointMagic)+4:])
}

// ckPrefix is the start of a checkpoint's body, its fields before its
// random state: the configuration, a points target's points and the seed
// and epoch. readPrefix reads it, for CheckpointEpochs, which stops
// there, and for readBody, which reads on, so that the layout's start is
// read by one piece of code.
type ckPrefix struct {
	cfg     Config
	writer  string // the ganui that wrote cfg, as VersionKey records it ("" where it records none)
	cfgAt   uint64 // the configuration's place in the file, counted from 1 (ckReader.at)
	cfgLen  int    // the configuration's length in bytes
	seed    uint64
	epoch   uint64 // as the checkpoint holds it: not yet checked against MaxEpochs
	epochAt uint64 // the epoch's place in the file
	// pointsRead: the run's points were read from the file its points
	// target names, as a version-1 checkpoint holds none (version1Points).
	pointsRead bool
}

// badConfig is err, found in the configuration or in building the run
// from it, as the checkpoint's error: its configuration, JSON a user may
// read in the file, is named with where it is; err names the setting.
func (p *ckPrefix) badConfig(err error) error {
	return badCheckpoint("its configuration, %s: %v", byteSpan(p.cfgAt, p.cfgLen), err)
}

// readPrefix reads the prefix (ckPrefix) of a checkpoint body of version
// from cr. With points, a points(FILE.csv) target's points are the run's,
// in cfg: read from the checkpoint and checked (ckReader.points), or,
// from a version-1 checkpoint, which holds none, from the file its target
// names; without, they are passed over, unread and unchecked, and no
// file is read. Its errors are readBody's, as the body says them before
// the checksum has been read: the stream's, a *NewerError, or a
// *CheckpointError.
func readPrefix(cr *ckReader, version uint32, points bool) (ckPrefix, error) {
	var p ckPrefix
	p.cfgAt = cr.at() + 4
	cfgJSON := cr.bytes(maxConfigJSON, "configuration")
	if cr.err != nil {
		return p, cr.err
	}
	p.cfgLen = len(cfgJSON)
	var err error
	p.cfg, p.writer, err = decodeConfigBy(cfgJSON)
	if newer := (*NewerError)(nil); errors.As(err, &newer) {
		return p, newer
	}
	if err != nil {
		return p, p.badConfig(err)
	}
	path, isPoints := PointsFile(p.cfg.Target)
	switch {
	case !isPoints:
	case version >= 2 && points:
		p.cfg.points = &Points{Path: path, XY: cr.points()} // New reads no file
	case version >= 2:
		cr.skip(16*uint64(cr.u32()), "target points") // x and y, float64 each
	case points: // version 1
		held, err := version1Points(path, p.cfg.Target)
		if err != nil {
			return p, err
		}
		p.cfg.points, p.pointsRead = &held, true // New reads the file no more
	}
	p.seed, p.epochAt, p.epoch = cr.u64(), cr.at(), cr.u64()
	return p, cr.err
}

// readBody decodes a checkpoint's body of version, n bytes by its
// header, from cr, data of size bytes: the run, its annex and whether
// its points were read from the file its points target names (a
// version-1 checkpoint holds none), once, the run built on what was
// read. Its errors are what the body says, before the checksum has said
// whether it is the body written.
func readBody(cr *ckReader, version uint32, n uint64, size int64) (readRun, error) {
	p, err := readPrefix(cr, version, true)
	if err != nil {
		return readRun{}, err
	}
	rngAt := cr.at() + 4
	rngState := cr.bytes(maxRandomState, "random state")
	if cr.err != nil {
		return readRun{}, cr.err
	}
	// A body too small for the design's weights alone, after what has
	// been read of it, is refused before the networks are built, which
	// would take a wide design's hundreds of megabytes for a file of a
	// few kilobytes, damaged or edited.
	if p.cfg.validate(false) == nil {
		if least := cr.read + 4*uint64(p.cfg.denseWeights()); n < least {
			return readRun{}, badLength("it is %s bytes, its header says the checkpoint is %s, its configuration's weights alone make it more than %s", numtext.FormatInt(int(size)), claimedSize(n), claimedSize(least))
		}
	}
	g, err := New(p.cfg, p.seed)
	if err != nil {
		return readRun{}, p.badConfig(err)
	}
	want := uint64(bodySize(p.cfgLen, len(rngState), g, version))
	if n != want && (version < 3 || n < want || n-want > MaxAnnex) {
		takes := claimedSize(want)
		switch { // from version 3 an annex of up to MaxAnnex bytes may follow
		case version >= 3 && n < want:
			takes = "at least " + takes
		case version >= 3:
			takes = "at most " + claimedSize(want+MaxAnnex)
		}
		return readRun{}, badLength("it is %s bytes, its header says the checkpoint is %s, its configuration %s", numtext.FormatInt(int(size)), claimedSize(n), takes)
	}
	if err := g.src.UnmarshalBinary(rngState); err != nil {
		return readRun{}, badCheckpoint("its random state, %s: %v", byteSpan(rngAt, len(rngState)), err)
	}
	if p.epoch > MaxEpochs {
		return readRun{}, badCheckpoint("its epoch, %s, is %s, out of range %s", byteSpan(p.epochAt, 8), numtext.FormatUint(p.epoch), numtext.Range(0, MaxEpochs))
	}
	g.epoch, g.savedBy = int(p.epoch), p.writer
	cr.floats(g.gen.Params, "generator weights")
	cr.floats(g.disc.Params, "discriminator weights")
	cr.optimizer(g.gOpt, version, "generator optimizer", "g_opt")
	cr.optimizer(g.dOpt, version, "discriminator optimizer", "d_opt")
	cr.paramMean(g.gHist, "generator historical mean")
	cr.paramMean(g.dHist, "discriminator historical mean")
	if g.gEMA != nil {
		const what = "generator moving average"
		at := cr.at()
		if n := cr.u64(); cr.err == nil && n > MaxUpdates {
			cr.err = badCheckpoint("its %s: the count at %s says %s updates averaged, out of range %s", what, byteSpan(at, 8), numtext.FormatUint(n), numtext.Range[uint64](0, MaxUpdates))
		} else {
			g.gEMA.N = int(n)
		}
		cr.floats(g.gEMA.Net.Params, what)
	}
	var annex []byte
	if version >= 3 {
		// The header's length, checked above, says how long it is.
		at := cr.at()
		if k := cr.u32(); cr.err == nil && uint64(k) != n-want {
			cr.err = badCheckpoint("its annex: the length at %s says %s, where its header leaves %s between it and the checksum", byteSpan(at, 4), numtext.Count(uint64(k), "byte"), numtext.FormatUint(n-want))
		} else if k > 0 {
			annex = bytes.Clone(cr.take(int(k), "annex"))
		}
	}
	if cr.err != nil {
		return readRun{}, cr.err
	}
	g.gen.ParamsChanged()
	g.disc.ParamsChanged()
	if g.gEMA != nil {
		g.gEMA.Net.ParamsChanged()
	}
	return readRun{g: g, annex: annex, pointsRead: p.pointsRead}, nil
}

// olderPointsError refuses a version-1 checkpoint of a points(FILE.csv)
// target whose file cannot be read: that format holds the file's name,
// not its points, so the run cannot go on without the file, and the
// checkpoint is whole (a CheckpointError would have the user give
// another). Found before the checksum, it is told once the checksum is
// found right, as a key damaged in the target's path would read so too.
type olderPointsError struct{ msg string }

func (e *olderPointsError) Error() string { return e.msg }

func (e *olderPointsError) toldOnceSealed() bool { return true }

// version1Points reads the points file a version-1 checkpoint names,
// target, here, and where it does not read says that an older ganui
// wrote it, what it lacks, and where to resume it: from the directory its
// run was in, for a relative path, which the format does not record.
func version1Points(path, target string) (Points, error) {
	p, err := ParsePlane(target)
	if err == nil {
		return p.(Points), nil
	}
	here := pointsHere(err)
	const older = "written by an older ganui, in checkpoint format 1, which holds a points target's file name, not its points: "
	if filepath.IsAbs(path) {
		return Points{}, &olderPointsError{fmt.Sprintf(older+"%s %s: put the points file the run trained on back there to resume it", path, here)}
	}
	return Points{}, &olderPointsError{fmt.Sprintf(older+"it names %s relative to the directory its run was in, and %s here %s: resume it from the directory the run was in", path, path, here)}
}

// placePoints names the points(FILE.csv) target of a run read from a
// checkpoint file by the file's absolute path, as WriteCheckpoint writes
// it. A checkpoint an older ganui wrote names it relative to the
// directory its run was in, which it does not record: taken as it is,
// resumed from another directory, the run would name another file there,
// refuse to overwrite that one, and take the points file itself as its
// --log. The
// file of that name here is taken for the run's when it holds the very
// points the run holds (a version-1 checkpoint holds none: its run has
// read them from that file, as pointsRead says, and it is not read
// again); else the checkpoint is refused, with where to resume it from.
func (run readRun) placePoints() error {
	g := run.g
	path, ok := PointsFile(g.cfg.Target)
	if !ok || filepath.IsAbs(path) {
		return nil
	}
	held := g.plane.(Points)
	if !run.pointsRead { // the points the checkpoint holds: the file here must hold them
		p, err := ParsePlane(g.cfg.Target)
		if pts, ok := p.(Points); !ok || !slices.Equal(pts.XY, held.XY) {
			return fmt.Errorf("it names its points file %s relative to the directory its run was in, as an older ganui wrote it, and %s here %s: resume it from the directory the run was in", shellword.Quote(path), shellword.Quote(path), pointsHere(err))
		}
	}
	abs, err := AbsPoints(g.cfg.Target)
	if err != nil {
		return err
	}
	g.cfg.Target = abs
	held.Path, _ = PointsFile(abs)
	g.plane = held
	if g.cfg.points != nil {
		g.cfg.points = &held
	}
	return nil
}

// pointsHere says what the file a checkpoint's points target names is
// here, err being ParsePlane's reading of it, for the refusals of
// version1Points and placePoints alike: "does not exist", "is not it
// (…)" with why, or, read, "holds other points" than the run's.
func pointsHere(err error) string {
	switch {
	case err == nil:
		return "holds other points"
	case errors.Is(err, fs.ErrNotExist):
		return "does not exist"
	}
	return "is not it (" + err.Error() + ")"
}

// sealed is found, an error found in a checkpoint's body before its end, once the
// rest of the body its header claims (n bytes, cr.read of them read) is
// read and the checksum after it found right; else the file is damaged,
// and said so: a checkpoint damaged in a key's name reads as one of a
// newer ganui (a *NewerError) until then, and one damaged anywhere
// before its weights as a configuration or a count ganui refuses. r is
// the data after the body, cr the body's reader, which feeds sum; size
// the data's.
func sealed(cr *ckReader, r io.Reader, sum hash.Hash, n uint64, size int64, found error) error {
	if k, err := io.CopyN(io.Discard, cr.r, int64(n-cr.read)); err != nil {
		return truncated(err, "body", uint64(headerLen)+cr.read+uint64(k))
	}
	var stored [sha256.Size]byte
	if k, err := io.ReadFull(r, stored[:]); err != nil {
		return truncated(err, "checksum", uint64(headerLen)+n+uint64(k))
	}
	if !bytes.Equal(stored[:], sum.Sum(nil)) {
		return checksumMismatch(n, size)
	}
	return found
}

// claimedSize is the size, as text, of the whole checkpoint with a body
// of n bytes, as its header or its configuration has it: the header,
// the body and the checksum, the size a file that holds it has (as ls -l
// gives it), not the body's length alone against what the data hold of
// a body, or what the configuration needs of one, which would leave out
// the header and the checksum ("the data holds 0" of a file of 24
// bytes).
func claimedSize(n uint64) string {
	total, carry := bits.Add64(n, uint64(headerLen+sha256.Size), 0)
	if carry != 0 { // a damaged length no file could match
		return "more than " + numtext.FormatUint(math.MaxUint64)
	}
	return numtext.FormatUint(total)
}

// sealedAs reports whether data whose header (head) claims a body longer
// than the data holds is nevertheless a whole checkpoint, its header's
// length alone damaged (a flipped bit): whether the data after head, a
// body of body bytes and then 32 more, ends with the checksum of head,
// its length made body, and that body. A checkpoint cut short ends in
// bytes of its body, which are not that checksum. It reads the data
// through once, hashing as it goes, on this error path alone; data that
// ends before body bytes and a checksum is no whole checkpoint, and a
// failure to read comes back as it is.
func sealedAs(head []byte, r io.Reader, body int64) (bool, error) {
	if body < 0 {
		return false, nil
	}
	sum := sha256.New()
	sum.Write(head[:len(checkpointMagic)+4])
	sum.Write(binary.LittleEndian.AppendUint64(nil, uint64(body)))
	var stored [sha256.Size]byte
	_, err := io.CopyN(sum, r, body)
	if err == nil {
		_, err = io.ReadFull(r, stored[:])
	}
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return false, nil
	case err != nil:
		return false, err
	}
	return bytes.Equal(stored[:], sum.Sum(nil)), nil
}

// checksumMismatch is the error for data of size bytes whose header
// claims a body of n bytes and whose checksum, the 32 bytes after that
// body, is not the SHA-256 of the header and the body: said in the bytes
// of the file it covers, which head -c and sha256sum check, where
// "checksum mismatch (the file is damaged)" would name nothing a user
// could find; and, where the header puts the checksum before the file's
// end, in the sizes that show it, as a cut is told.
func checksumMismatch(n uint64, size int64) error {
	covered := numtext.FormatUint(uint64(headerLen) + n)
	if whole := uint64(headerLen+sha256.Size) + n; whole != uint64(size) {
		return badCheckpoint("checksum mismatch: it is %s bytes, its header says the checkpoint is %s, and the SHA-256 of its first %s bytes is not the 32 bytes after them (the file is damaged)",
			numtext.FormatInt(int(size)), claimedSize(n), covered)
	}
	return badCheckpoint("checksum mismatch: the SHA-256 of its first %s bytes is not the 32 bytes after them (the file is damaged)", covered)
}

// configJSON is cfg as a checkpoint holds it: its JSON object, with the
// ganui that writes it (release.Version) under VersionKey, first.
func configJSON(cfg Config) ([]byte, error) {
	data, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	writer, err := json.Marshal(release.Version)
	if err != nil {
		return nil, err
	}
	return slices.Concat([]byte(`{"`+VersionKey+`":`), writer, []byte(","), data[1:]), nil
}

// decodeConfig reads a checkpoint's configuration strictly: one JSON
// object, keys exact and not repeated, nothing after it. Beside the
// Config's keys it takes VersionKey, the ganui that wrote it (a string,
// absent before it was written). Keys of no Config field give a
// *NewerError that names them and that ganui.
func decodeConfig(data []byte) (Config, error) {
	cfg, _, err := decodeConfigBy(data)
	return cfg, err
}

// decodeConfigBy is decodeConfig that also gives the ganui that wrote
// the configuration, as VersionKey records it ("" where it records none).
func decodeConfigBy(data []byte) (Config, string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return Config{}, "", errors.New("not a JSON object")
	}
	seen := map[string]bool{}
	var unknown []string
	var writer string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return Config{}, "", err
		}
		key, _ := tok.(string)
		if seen[key] {
			return Config{}, "", fmt.Errorf("key %q appears twice", clip(key))
		}
		seen[key] = true
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return Config{}, "", err
		}
		if key == VersionKey {
			if json.Unmarshal(raw, &writer) != nil {
				return Config{}, "", fmt.Errorf("%s: want a string, got %s", VersionKey, clip(string(raw)))
			}
		} else if _, err := lookupField(key); err != nil {
			unknown = append(unknown, key)
		}
	}
	if unknown != nil {
		return Config{}, "", &NewerError{Writer: writer, Keys: unknown}
	}
	var cfg struct {
		Config
		Writer string `json:"ganui_version"` // VersionKey
	}
	dec = json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return Config{}, "", err
	}
	if dec.More() {
		return Config{}, "", errors.New("unexpected data after the object")
	}
	return cfg.Config, cfg.Writer, nil
}

const (
	optAdam    byte = 1
	optSGD     byte = 2
	optRMSprop byte = 3
)

// ckWriter encodes a checkpoint; the first error sticks.
type ckWriter struct {
	w   *bufio.Writer
	err error
	buf [8]byte
}

func (c *ckWriter) raw(p []byte) {
	if c.err == nil {
		_, c.err = c.w.Write(p)
	}
}

func (c *ckWriter) u32(v uint32) { c.raw(binary.LittleEndian.AppendUint32(c.buf[:0], v)) }
func (c *ckWriter) u64(v uint64) { c.raw(binary.LittleEndian.AppendUint64(c.buf[:0], v)) }

func (c *ckWriter) bytes(p []byte) {
	c.u32(uint32(len(p)))
	c.raw(p)
}

func (c *ckWriter) floats(xs []float32) {
	c.u32(uint32(len(xs)))
	for _, x := range xs {
		c.u32(math.Float32bits(x))
	}
}

func (c *ckWriter) optimizer(o Optimizer) {
	switch o := o.(type) {
	case *Adam:
		c.raw([]byte{optAdam})
		c.u64(uint64(o.T))
		c.floats(o.M)
		c.floats(o.V)
	case *SGD:
		c.raw([]byte{optSGD})
		c.floats(o.Buf)
	case *RMSprop:
		c.raw([]byte{optRMSprop})
		c.floats(o.V)
	default:
		panic(fmt.Sprintf("engine: cannot checkpoint optimizer %T", o))
	}
}

// paramMean writes a historical mean, or nothing when h is nil.
func (c *ckWriter) paramMean(h *paramMean) {
	if h == nil {
		return
	}
	c.u64(uint64(h.N))
	c.u32(uint32(len(h.Mean)))
	for _, x := range h.Mean {
		c.u64(math.Float64bits(x))
	}
}

// ckReader decodes a checkpoint body; the first problem sticks in err and
// every later read is a no-op, so decoding code reads straight through.
type ckReader struct {
	r    io.Reader
	err  error
	buf  []byte
	read uint64 // the bytes taken (take), which sealed reads on from
	end  uint64 // the body's length by the header, which no field runs past
}

// at is the place in the file of the body's next byte, counted from 1 at
// the file's start, as cmp counts.
func (c *ckReader) at() uint64 { return uint64(headerLen) + c.read + 1 }

// fits reports whether a field of n bytes, what, ends within the body,
// and else makes it the error: a length or a count that runs into the
// checksum, damaged (as sealed finds) or forged, is stopped there, not
// read on past it and then told by the body's length alone ("the body
// runs past the 264,453 bytes its header claims").
func (c *ckReader) fits(n uint64, what string) bool {
	if c.err == nil && n > c.end-c.read {
		checksum := uint64(headerLen) + c.end + 1
		c.err = badCheckpoint("its %s, %s bytes from byte %s, runs into the checksum its header puts at bytes %s to %s",
			what, numtext.FormatUint(n), numtext.FormatUint(c.at()), numtext.FormatUint(checksum), numtext.FormatUint(checksum+sha256.Size-1))
	}
	return c.err == nil
}

// truncated turns the end of the data, after read bytes of it, into a
// *CheckpointError that says where it came, in the file's bytes and its
// part: data that ends before its size (a file that shrank as it was
// read) is not just "truncated body", which says neither; other read errors
// pass as they are.
func truncated(err error, what string, read uint64) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		// No checksum to read on to (sealed): the data has ended.
		return &CheckpointError{Reason: fmt.Sprintf("truncated: it ended after %s bytes as it was read, in its %s", numtext.FormatUint(read), what), damaged: true}
	}
	return err
}

// take reads n bytes into a buffer reused by the next take.
func (c *ckReader) take(n int, what string) []byte {
	if !c.fits(uint64(n), what) {
		return nil
	}
	if cap(c.buf) < n {
		c.buf = make([]byte, n)
	}
	p := c.buf[:n]
	got, err := io.ReadFull(c.r, p)
	c.read += uint64(got)
	if err != nil {
		c.err = truncated(err, what, uint64(headerLen)+c.read)
		return nil
	}
	return p
}

// skip passes over a field of n bytes, what, unread: seeking past it
// where the data can (CheckpointEpochs's), else reading it through.
func (c *ckReader) skip(n uint64, what string) {
	if !c.fits(n, what) {
		return
	}
	var err error
	if s, ok := c.r.(io.Seeker); ok {
		_, err = s.Seek(int64(n), io.SeekCurrent)
	} else {
		_, err = io.CopyN(io.Discard, c.r, int64(n))
	}
	if err != nil {
		c.err = truncated(err, what, uint64(headerLen)+c.read)
		return
	}
	c.read += n
}

func (c *ckReader) u64() uint64 {
	if p := c.take(8, "number"); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (c *ckReader) u32() uint32 {
	if p := c.take(4, "length"); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

// bytes reads a field of at most max bytes and returns a copy.
func (c *ckReader) bytes(max int, what string) []byte {
	at := c.at()
	n := c.u32()
	if c.err == nil && n > uint32(max) {
		c.err = badCheckpoint("its %s: the length at %s says %s, at most %s", what, byteSpan(at, 4), numtext.Count(uint64(n), "byte"), numtext.FormatInt(max))
	}
	return bytes.Clone(c.take(int(n), what))
}

// floats reads a float array into dst, which fixes the expected length,
// a block at a time.
func (c *ckReader) floats(dst []float32, what string) {
	c.count(len(dst), 4, what)
	const block = 16 << 10
	for len(dst) > 0 && c.err == nil {
		k := min(len(dst), block)
		p := c.take(4*k, what)
		for i := range k {
			if p != nil {
				dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
			}
		}
		dst = dst[k:]
	}
}

// count reads the count of an array of values of size bytes each, what,
// and makes it the error unless it is want, the count the design in the
// checkpoint's configuration gives: said by where the count is in the
// file and the bytes it makes, not as "generator weights: 12,700
// values, the configuration needs 12,851", values a user cannot find in
// the file.
func (c *ckReader) count(want, size int, what string) {
	at := c.at()
	n := c.u32()
	if c.err == nil && int(n) != want {
		c.err = badCheckpoint("its %s: the count at %s says %s of %d bytes, where the design its configuration gives has %s",
			what, byteSpan(at, 4), numtext.Count(uint64(n), "value"), size, numtext.FormatInt(want))
	}
}

// byteSpan is the n bytes from byte at of a file as text, "bytes 21 to
// 24", counted from 1 at the file's start, as cmp counts.
func byteSpan(at uint64, n int) string {
	if n == 0 {
		return "no bytes, at byte " + numtext.FormatUint(at)
	}
	return "bytes " + numtext.FormatUint(at) + " to " + numtext.FormatUint(at+uint64(n)-1)
}

// optimizer reads an optimizer's state, written by a checkpoint of the
// given version, into o.
func (c *ckReader) optimizer(o Optimizer, version uint32, what, key string) {
	at := c.at()
	kind := c.take(1, what)
	if c.err != nil {
		return
	}
	want, setting := optSGD, OptimizerSGD
	switch o.(type) {
	case *Adam:
		want, setting = optAdam, OptimizerAdam
	case *RMSprop:
		want, setting = optRMSprop, OptimizerRMSprop
	}
	if kind[0] != want {
		states := map[byte]string{optAdam: "Adam's", optSGD: "SGD's", optRMSprop: "RMSprop's"}
		state, ok := states[kind[0]]
		if !ok {
			state = fmt.Sprintf("no optimizer's (%d)", kind[0])
		}
		c.err = badCheckpoint("its %s: byte %s says %s state, where its configuration's %s is %s", what, numtext.FormatUint(at), state, key, optimizerNames[setting])
		return
	}
	switch o := o.(type) {
	case *Adam:
		o.T = c.steps(what)
		c.floats(o.M, what)
		c.floats(o.V, what)
	case *SGD:
		c.droppedSteps(version, what)
		c.floats(o.Buf, what)
	case *RMSprop:
		c.droppedSteps(version, what)
		c.floats(o.V, what)
	}
}

// steps reads an optimizer's step count, at most MaxUpdates.
func (c *ckReader) steps(what string) int {
	at := c.at()
	t := c.u64()
	if c.err == nil && t > MaxUpdates {
		c.err = badCheckpoint("its %s: the step count at %s says %s steps, out of range %s", what, byteSpan(at, 8), numtext.FormatUint(t), numtext.Range[uint64](0, MaxUpdates))
	}
	return int(t)
}

// droppedSteps reads, checks and drops the step count that SGD's and
// RMSprop's states hold before version 4, which nothing of theirs used.
func (c *ckReader) droppedSteps(version uint32, what string) {
	if version < 4 {
		c.steps(what)
	}
}

// points reads a points target's data: between MinPoints and MaxPoints
// points, every coordinate finite and at most maxTargetParam in
// magnitude, as ParsePoints takes them from a file.
func (c *ckReader) points() []float64 {
	const what = "target points"
	at := c.at()
	n := c.u32()
	if c.err == nil && (n < MinPoints || n > MaxPoints) {
		c.err = badCheckpoint("its %s: the count at %s says %s points, out of range %s", what, byteSpan(at, 4), numtext.FormatUint(uint64(n)), numtext.Range(MinPoints, MaxPoints))
	}
	if !c.fits(16*uint64(n), what) {
		return nil
	}
	xy := make([]float64, 0, 2*n)
	const block = 8 << 10
	for left := 2 * int(n); left > 0 && c.err == nil; {
		k := min(left, block)
		at := c.at()
		if p := c.take(8*k, what); p != nil {
			for i := range k {
				v := math.Float64frombits(binary.LittleEndian.Uint64(p[8*i:]))
				if !(math.Abs(v) <= maxTargetParam) {
					c.err = badCheckpoint("its %s: the coordinate at %s is %s, not finite and at most %s in magnitude", what, byteSpan(at+8*uint64(i), 8), numtext.FormatFloat(v), numtext.FormatFloat(maxTargetParam))
					break
				}
				xy = append(xy, v)
			}
		}
		left -= k
	}
	return xy
}

// paramMean reads a historical mean into h, when the configuration has
// one (h not nil). Its count is at least 1 (the initial parameters) and
// at most one more than MaxUpdates.
func (c *ckReader) paramMean(h *paramMean, what string) {
	if h == nil {
		return
	}
	at := c.at()
	n := c.u64()
	if c.err == nil && (n < 1 || n > MaxUpdates+1) {
		c.err = badCheckpoint("its %s: the count at %s says a mean of %s parameter vectors, out of range %s", what, byteSpan(at, 8), numtext.FormatUint(n), numtext.Range[uint64](1, MaxUpdates+1))
		return
	}
	h.N = int(n)
	c.count(len(h.Mean), 8, what)
	const block = 8 << 10
	dst := h.Mean
	for len(dst) > 0 && c.err == nil {
		k := min(len(dst), block)
		if p := c.take(8*k, what); p != nil {
			for i := range k {
				dst[i] = math.Float64frombits(binary.LittleEndian.Uint64(p[8*i:]))
			}
		}
		dst = dst[k:]
	}
}
