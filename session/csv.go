package session

import (
	"bufio"
	"strconv"

	"github.com/ganui/ganui/engine"
)

// CSVHeader names the columns of a run's per-epoch history as CSV, the
// format of ganui --log and of the interactive trainer's export: this line,
// then one row per epoch as appendCSV writes it.
const CSVHeader = "epoch,d_real,d_fake,g_loss,mean,std"

// appendCSV appends epoch st's row of a history CSV, newline included, to
// dst and returns the extended slice. Every value is written in the
// shortest form that parses back to the same float64 (as %g does), so a
// history read back from CSV is exact; a diverged epoch shows NaN or ±Inf.
// It allocates nothing when dst has room.
func appendCSV(dst []byte, st engine.EpochStats) []byte {
	dst = strconv.AppendInt(dst, int64(st.Epoch), 10)
	for _, v := range [...]float64{st.DReal, st.DFake, st.G, st.Mean, st.Std} {
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, v, 'g', -1, 64)
	}
	return append(dst, '\n')
}

// csvWriter writes a history as CSV: the header, then a row per epoch. It
// is the one writer behind both --log and Export, so the two files of the
// same run are the same bytes.
type csvWriter struct {
	w   *bufio.Writer
	row []byte // reused row buffer
	err error  // the header's
}

// newCSVWriter starts a history on w with the header line.
func newCSVWriter(w *bufio.Writer) *csvWriter {
	c := &csvWriter{w: w, row: make([]byte, 0, 128)}
	_, c.err = w.WriteString(CSVHeader + "\n")
	return c
}

func (c *csvWriter) write(st engine.EpochStats) error {
	if c.err != nil {
		return c.err
	}
	c.row = appendCSV(c.row[:0], st)
	_, err := c.w.Write(c.row)
	return err
}

func (c *csvWriter) flush() error {
	if c.err != nil {
		return c.err
	}
	return c.w.Flush()
}
