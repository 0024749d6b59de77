package session

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/ganui/ganui/engine"
)

// CSVHeader names the first six columns of a run's per-epoch history as
// CSV, the format of ganui --log and of the interactive trainer's export,
// which every row fills: the epoch, D's and G's losses, and the mean and
// std of the epoch's last generated batch. The evaluation columns follow
// (CSVEvalHeader, then one per mode; see CSVColumns), so a reader that
// takes the first six columns reads every history alike.
const CSVHeader = "epoch,d_real,d_fake,g_loss,mean,std"

// CSVEvalHeader names the evaluation columns after the first six: KS and
// W1 distances to the target, skewness, excess kurtosis and noise
// dependence of fresh generated samples. They are filled at the epochs
// where the generator was evaluated and empty elsewhere.
const CSVEvalHeader = "ks,w1,skew,kurt,zdep"

// CSVEventsHeader names the last column: the kinds of the events at the
// epoch (Event), ;-separated, empty at epochs without one.
const CSVEventsHeader = "events"

// CSVColumns is the header line of a history CSV (without its newline)
// against a target with modes modes (0 for one that is not a mixture):
// CSVHeader, CSVEvalHeader, then mode1_share … mode<modes>_share, each
// mode's share of the evaluated samples, then CSVEventsHeader.
func CSVColumns(modes int) string {
	var b strings.Builder
	b.WriteString(CSVHeader + "," + CSVEvalHeader)
	for i := range modes {
		b.WriteString(",mode")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString("_share")
	}
	return b.String() + "," + CSVEventsHeader
}

// appendCSV appends epoch st's row of a history CSV, newline included, to
// dst and returns the extended slice: the six per-epoch values, then the
// evaluation ev made at that epoch, or empty fields where there was none
// (modes of them for the mode shares). Every value is written in the
// shortest form that parses back to the same float64 (as %g does), so a
// history read back from CSV is exact; a diverged epoch shows NaN or ±Inf.
// It allocates nothing when dst has room.
func appendCSV(dst []byte, st engine.EpochStats, ev *evalRow, modes int) []byte {
	dst = strconv.AppendInt(dst, int64(st.Epoch), 10)
	for _, v := range [...]float64{st.DReal, st.DFake, st.G, st.Mean, st.Std} {
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, v, 'g', -1, 64)
	}
	if ev == nil || !ev.eval {
		dst = append(dst, ",,,,,"...)
		for range modes {
			dst = append(dst, ',')
		}
	} else {
		for _, v := range [...]float64{ev.ks, ev.w1, ev.skew, ev.kurt, ev.zd} {
			dst = append(dst, ',')
			dst = strconv.AppendFloat(dst, v, 'g', -1, 64)
		}
		for i := range modes {
			dst = append(dst, ',')
			if i < len(ev.shares) {
				dst = strconv.AppendFloat(dst, ev.shares[i], 'g', -1, 64)
			}
		}
	}
	dst = append(dst, ',')
	if ev != nil {
		dst = append(dst, ev.events...)
	}
	return append(dst, '\n')
}

// csvWriter writes a history as CSV: the header, then a row per epoch. It
// is the one writer behind both --log and Export, so the two files of the
// same run are the same bytes where they evaluated the same epochs.
type csvWriter struct {
	w     *bufio.Writer
	modes int    // mode-share columns
	row   []byte // reused row buffer
	err   error  // the header's
}

// newCSVWriter starts a history on w with the header line, for a target
// of modes modes (csvModes).
func newCSVWriter(w *bufio.Writer, modes int) *csvWriter {
	c := &csvWriter{w: w, modes: modes, row: make([]byte, 0, 256)}
	_, c.err = w.WriteString(CSVColumns(modes) + "\n")
	return c
}

// write writes epoch st's row, with the evaluation ev made at that epoch
// or nil.
func (c *csvWriter) write(st engine.EpochStats, ev *evalRow) error {
	if c.err != nil {
		return c.err
	}
	c.row = appendCSV(c.row[:0], st, ev, c.modes)
	_, err := c.w.Write(c.row)
	return err
}

func (c *csvWriter) flush() error {
	if c.err != nil {
		return c.err
	}
	return c.w.Flush()
}
