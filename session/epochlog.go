package session

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
)

// recordSize is the bytes an epoch takes in the log: its eight values as
// float64 (the penalty's among them, for the CSV's column of it). The
// epoch number is implied by the record's place.
const recordSize = 8 * 8

// memEpochs is how many of the latest epochs the log keeps in memory once
// its file has failed: 100,000 epochs, about 6 MB.
const memEpochs = 100_000

// epochLog keeps every epoch of an interactive run — not the chart's
// downsampled points — in a temporary file, so that Export can write the
// whole history however long the run, while the process holds only a
// write buffer. Records are binary, 64 bytes an epoch (eight float64s:
// 1.2 GB an hour at 5,000 epochs/s), cheaper to write than CSV rows and a
// third of their size; the export formats them.
//
// The file is opened when the session starts and unlinked at once where
// the system allows, so it disappears with the process however that ends.
// If it cannot be opened, or a write to it fails (a full disk), the log
// says why (warning) and keeps the latest memEpochs epochs in memory from
// then on, so an export still writes every epoch the file holds and the
// latest ones; training carries on. Only the session's goroutine uses a
// log.
type epochLog struct {
	f     *os.File
	name  string // the file's name while it is still linked
	first int    // epochs completed before the first record
	n     int    // records in the file and buf: epochs first+1 … first+n
	buf   []byte // records not yet written to the file
	err   error  // why the file failed; epochs after it go to mem
	mem   []engine.EpochStats
	bad   error // an epoch out of step: a bug, which stops the log
}

// newEpochLog returns a log whose first record will be epoch first+1.
func newEpochLog(first int) epochLog { return epochLog{first: first} }

// open creates the log's file, unless it has one or has failed.
func (l *epochLog) open() {
	if l.f != nil || l.err != nil {
		return
	}
	f, err := os.CreateTemp("", "ganui-history-*.bin")
	if err != nil {
		l.err = err
		return
	}
	l.f, l.name, l.buf = f, f.Name(), make([]byte, 0, 1000*recordSize) // 64 kB
	if os.Remove(l.name) == nil {                                      // not on Windows, where open files stay
		l.name = ""
	}
}

// last is the last epoch recorded.
func (l *epochLog) last() int {
	if k := len(l.mem); k > 0 {
		return l.mem[k-1].Epoch
	}
	return l.first + l.n
}

// add records epoch s, which must follow the last one recorded.
func (l *epochLog) add(s engine.EpochStats) {
	if l.bad != nil {
		return
	}
	if want := l.last() + 1; s.Epoch != want {
		l.bad = fmt.Errorf("history log: got epoch %d, expected %d", s.Epoch, want)
		return
	}
	l.open()
	if l.err == nil && len(l.buf)+recordSize > cap(l.buf) {
		l.flush()
	}
	if l.err != nil {
		if len(l.mem) == 2*memEpochs { // drop the older half: amortised O(1)
			l.mem = append(l.mem[:0], l.mem[memEpochs:]...)
		}
		l.mem = append(l.mem, s)
		return
	}
	for _, v := range [...]float64{s.DReal, s.DFake, s.G, s.Mean, s.Std, s.MeanY, s.StdY, s.Penalty} {
		l.buf = binary.LittleEndian.AppendUint64(l.buf, math.Float64bits(v))
	}
	l.n++
}

// flush writes the buffered records to the file. On a failure the records
// the file did not take move to memory, and the file takes no more.
func (l *epochLog) flush() {
	if l.err != nil || len(l.buf) == 0 {
		return
	}
	k, err := l.f.Write(l.buf)
	if err == nil {
		l.buf = l.buf[:0]
		return
	}
	l.err = err
	whole := k / recordSize // a record cut short is not kept
	onDisk := l.n - (len(l.buf)-whole*recordSize)/recordSize
	l.f.Truncate(int64(onDisk) * recordSize)
	for r := whole; r*recordSize < len(l.buf); r++ {
		l.mem = append(l.mem, decode(l.buf[r*recordSize:], l.first+onDisk+1+r-whole))
	}
	l.n, l.buf = onDisk, l.buf[:0]
}

// decode reads the record of epoch e at the start of p.
func decode(p []byte, e int) engine.EpochStats {
	var v [8]float64
	for i := range v {
		v[i] = math.Float64frombits(binary.LittleEndian.Uint64(p[8*i:]))
	}
	return engine.EpochStats{Epoch: e, DReal: v[0], DFake: v[1], G: v[2], Mean: v[3], Std: v[4], MeanY: v[5], StdY: v[6], Penalty: v[7]}
}

// truncate forgets the epochs after epoch, as a roll-back needs; with
// epoch before the log's first it starts the log afresh from there. A
// log whose file failed tries a new file once nothing it holds is left.
func (l *epochLog) truncate(epoch int) {
	l.bad = nil
	l.flush()
	k := len(l.mem)
	for k > 0 && l.mem[k-1].Epoch > epoch {
		k--
	}
	l.mem = l.mem[:k]
	if epoch < l.first {
		l.first, l.n = epoch, 0
	} else {
		l.n = min(l.n, epoch-l.first)
	}
	if l.f != nil && l.err == nil {
		size := int64(l.n) * recordSize
		err := l.f.Truncate(size)
		if err == nil {
			_, err = l.f.Seek(size, io.SeekStart)
		}
		if err != nil {
			l.err = err
		}
	}
	if l.err != nil && l.n == 0 && len(l.mem) == 0 {
		l.close() // nothing is lost any more: try a new file
		l.err = nil
	}
}

// reset empties the log for a new run that starts at epoch first.
func (l *epochLog) reset(first int) {
	l.truncate(-1)
	l.first = first
}

// span returns the first and last epoch recorded, and how many are
// recorded: fewer than the epochs between them when the file failed and
// the memory kept only the latest.
func (l *epochLog) span() (from, to, n int) {
	return l.first + 1, l.last(), l.n + len(l.mem)
}

// warning says, while it is so, that an export will not hold the whole
// history, and why; it is empty while the log is whole. Why is the
// system's reason, then the directory the file was in (the temporary
// one, TMPDIR), which give way (GivesWay) on a screen short of room, so
// that what the failure means for e stays: "history file: read-only
// file system, in /tmp/x; e exports only the latest 100,000 epochs",
// where the file's name would cut the screen's one line at 80×24,
// "history file: open /tmp/x/ganui-history-3200680597.bin: read-onl…".
func (l *epochLog) warning() string {
	switch {
	case l.bad != nil:
		return l.bad.Error()
	case l.err != nil:
		why := l.err.Error()
		if pe, ok := errors.AsType[*fs.PathError](l.err); ok {
			// The directory quoted where a shell would not read it as
			// one word, as a file not written is named ("…, in
			// '/tmp/my tmp'"), where "in /tmp/my tmp" hid where it ends.
			why = pe.Err.Error() + ", in " + shellword.Quote(filepath.Dir(pe.Path))
		}
		// What it means for e names the epochs the file holds, for "only
		// the epochs it holds and the latest 100,000" is too long for
		// 70×20 even without the reason.
		means := "only the latest " + numtext.FormatInt(memEpochs) + " epochs"
		switch {
		case l.n == 1:
			means = "epoch " + numtext.FormatInt(l.first+1) + " and the latest " + numtext.FormatInt(memEpochs)
		case l.n > 1:
			means = "epochs " + numtext.FormatInt(l.first+1) + "–" + numtext.FormatInt(l.first+l.n) + " and the latest " + numtext.FormatInt(memEpochs)
		}
		return fmt.Sprintf("history file: %s%s%s; e exports %s", GivesWay, why, GivesWay, means)
	}
	return ""
}

// writeCSV writes the history as CSV (csvWriter) in layout lay, a row per
// epoch recorded: those in the file, read back in order, then those in
// memory, each with the evaluation and events evals holds for its epoch,
// if any (evals may be nil). Events at the epoch the log starts from,
// which happened before its first epoch trained (a setting changed at
// epoch 0), come first, in a row of that epoch of their own
// (appendCSVStart).
func (l *epochLog) writeCSV(w io.Writer, evals *evalLog, lay csvLayout) error {
	if l.bad != nil {
		return l.bad
	}
	l.flush()
	if evals == nil {
		evals = &evalLog{}
	}
	cur := 0
	out := newCSVWriter(bufio.NewWriterSize(w, 64<<10), lay)
	if ev := evals.at(l.first, &cur); ev != nil {
		if err := out.writeStart(l.first, ev); err != nil {
			return err
		}
	}
	if l.n > 0 {
		r := bufio.NewReaderSize(io.NewSectionReader(l.f, 0, int64(l.n)*recordSize), 64<<10)
		var rec [recordSize]byte
		for e := l.first + 1; e <= l.first+l.n; e++ {
			if _, err := io.ReadFull(r, rec[:]); err != nil {
				return fmt.Errorf("history file: reading epoch %d: %w", e, err)
			}
			if err := out.write(decode(rec[:], e), evals.at(e, &cur)); err != nil {
				return err
			}
		}
	}
	for _, s := range l.mem {
		if err := out.write(s, evals.at(s.Epoch, &cur)); err != nil {
			return err
		}
	}
	return out.flush()
}

// close closes and removes the file; the log can be used again after.
func (l *epochLog) close() {
	if l.f != nil {
		l.f.Close()
	}
	if l.name != "" {
		os.Remove(l.name)
	}
	l.f, l.name, l.buf = nil, "", nil
}
