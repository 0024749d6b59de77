package session

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/ganui/ganui/engine"
)

// recordSize is the bytes an epoch takes in the log: its five values as
// float64. The epoch number is implied by the record's place.
const recordSize = 5 * 8

// epochLog keeps every epoch of a run — not the chart's downsampled points —
// in a temporary file, so that e can export the whole history however long
// the run, while the process holds only a write buffer. Records are
// binary, 40 bytes an epoch (0.7 GB an hour at 5,000 epochs/s), cheaper to
// write than CSV rows and a third of their size; the export formats them.
//
// The file is opened on the first epoch and unlinked at once where the
// system allows, so it disappears with the process however that ends. Only
// the trainer goroutine uses a log. A write failure stops the recording
// and is reported by the next export; training carries on.
type epochLog struct {
	f     *os.File
	w     *bufio.Writer
	name  string // the file's name while it is still linked
	first int    // epochs completed before the first record
	n     int    // records, buffered ones included: epochs first+1 … first+n
	err   error  // the first failure; nothing is recorded after it
	rec   [recordSize]byte
}

// newEpochLog returns a log whose first record will be epoch first+1.
func newEpochLog(first int) epochLog { return epochLog{first: first} }

// add records epoch s, which must follow the last one recorded.
func (l *epochLog) add(s engine.EpochStats) {
	if l.err != nil {
		return
	}
	if want := l.first + l.n + 1; s.Epoch != want {
		l.err = fmt.Errorf("history log: got epoch %d, expected %d", s.Epoch, want)
		return
	}
	if l.f == nil && !l.open() {
		return
	}
	for i, v := range [...]float64{s.DReal, s.DFake, s.G, s.Mean, s.Std} {
		binary.LittleEndian.PutUint64(l.rec[8*i:], math.Float64bits(v))
	}
	if _, err := l.w.Write(l.rec[:]); err != nil {
		l.err = fmt.Errorf("history log: %w", err)
		return
	}
	l.n++
}

func (l *epochLog) open() bool {
	f, err := os.CreateTemp("", "ganui-history-*.bin")
	if err != nil {
		l.err = fmt.Errorf("history log: %w", err)
		return false
	}
	l.f, l.w, l.name = f, bufio.NewWriterSize(f, 64<<10), f.Name()
	if os.Remove(l.name) == nil { // not on Windows, where open files stay
		l.name = ""
	}
	return true
}

// truncate forgets the epochs after epoch, as a roll-back needs; with
// epoch before the log's first it starts the log afresh from there.
func (l *epochLog) truncate(epoch int) {
	if epoch < l.first {
		l.first, l.n = epoch, 0
	} else {
		l.n = min(l.n, epoch-l.first)
	}
	if l.f == nil || l.err != nil {
		if l.err != nil && l.n == 0 {
			l.err = nil // nothing is lost any more: try again
			l.close()
		}
		return
	}
	size := int64(l.n) * recordSize
	err := l.w.Flush()
	if err == nil {
		err = l.f.Truncate(size)
	}
	if err == nil {
		_, err = l.f.Seek(size, io.SeekStart)
	}
	if err != nil {
		l.err = fmt.Errorf("history log: %w", err)
	}
}

// reset empties the log for a new run that starts at epoch first.
func (l *epochLog) reset(first int) {
	l.truncate(-1)
	l.first = first
}

// span returns the first and last epoch recorded, and how many there are.
func (l *epochLog) span() (from, to, n int) { return l.first + 1, l.first + l.n, l.n }

// writeCSV writes the history as CSV (csvWriter), a row per epoch
// recorded, read back from the file in order.
func (l *epochLog) writeCSV(w io.Writer) error {
	if l.err != nil {
		return l.err
	}
	out := newCSVWriter(bufio.NewWriterSize(w, 64<<10))
	if l.n > 0 {
		if err := l.w.Flush(); err != nil {
			l.err = fmt.Errorf("history log: %w", err)
			return l.err
		}
	}
	r := bufio.NewReaderSize(io.NewSectionReader(l.f, 0, int64(l.n)*recordSize), 64<<10)
	var rec [recordSize]byte
	var v [5]float64
	for e := l.first + 1; e <= l.first+l.n; e++ {
		if _, err := io.ReadFull(r, rec[:]); err != nil {
			return fmt.Errorf("history log: reading epoch %d: %w", e, err)
		}
		for i := range v {
			v[i] = math.Float64frombits(binary.LittleEndian.Uint64(rec[8*i:]))
		}
		if err := out.write(engine.EpochStats{Epoch: e, DReal: v[0], DFake: v[1], G: v[2], Mean: v[3], Std: v[4]}); err != nil {
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
	l.f, l.w, l.name = nil, nil, ""
}
