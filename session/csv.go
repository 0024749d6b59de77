package session

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// CSVHeader names the first six columns of a run's per-epoch history as
// CSV, the format of ganui --log and of the interactive trainer's export,
// which every row of an epoch trained fills: the epoch, D's and G's
// losses, and the mean and std of the epoch's last generated batch (the
// row of epoch 0 an export may begin with, of events before the first
// epoch, has the epoch alone: appendCSVStart). A design with a gradient
// penalty adds CSVPenaltyHeader's column after them; the evaluation
// columns follow (CSVEvalHeader, then one per mode; see CSVColumns), so
// a reader that takes the first six columns reads every one-dimensional
// history alike (a two-dimensional one's begins with the eight of
// CSVPlaneHeader).
const CSVHeader = "epoch,d_real,d_fake,g_loss,mean,std"

// CSVPenaltyHeader names the column of D's gradient penalty (GP or R1),
// averaged over the epoch's D updates apart from D's losses, as the
// progress lines give it: every row fills it, in the history of a design
// with a penalty, and only there, so that a design's history has one
// set of columns from its first row to its last.
const CSVPenaltyHeader = "penalty"

// CSVEvalHeader names the evaluation columns after the per-epoch ones:
// KS and W1 distances to the target, skewness, excess kurtosis and noise
// dependence of fresh generated samples. They are filled at the epochs
// where the generator was evaluated and empty elsewhere.
const CSVEvalHeader = "ks,w1,skew,kurt,zdep"

// CSVEventsHeader names the column of the kinds of the events at the
// epoch (Event), ;-separated, empty at epochs without one; then
// CSVDetailsHeader's, the last, gives what each says.
const CSVEventsHeader = "events"

// CSVDetailsHeader names the last column: the texts of the events at the
// epoch (Event.Detail, as the screen's timeline and the event lines give
// them, in plain spaces), in the order of their kinds, separated by " | "
// (joinDetail), and CSV-quoted where they hold a comma or a quote.
const CSVDetailsHeader = "event_details"

// CSVSamplesHeader names the column after CSVDetailsHeader's, the last:
// the number of samples the row's evaluation measured, a check's 2,000
// (2,500 on a plane, CheckSize), empty where the row has none. The final
// line's measures are of --samples (10,000 by default), another sample:
// a script that takes the last row's ks for the final line's reads here
// that it is of a check's, whose noise is larger. Added at the end, so
// that every column before it keeps its place; a log an earlier ganui
// wrote without it is gone on in without it (csvLayout.earlier).
const CSVSamplesHeader = "eval_samples"

// eventSeparator separates the texts of the events at one epoch in the
// history CSV's event_details column: their texts hold semicolons
// ("…; the shape is for the measures to judge"), which the kinds' ";"
// would have cut.
const eventSeparator = " | "

// detailEscaper writes a text's own backslashes and bars escaped, \\ and
// \|, so that no text holds eventSeparator.
var detailEscaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`)

// joinDetail adds text, an event's detail, to details, the texts of the
// events before it at its epoch, as the event_details column gives them:
// in plain spaces (numtext.Plain), after eventSeparator, a backslash or a
// bar in it escaped (detailEscaper). Split at " | ", the column gives back
// each text whole, whatever it holds (an escaped bar has a backslash, not
// a space, before it), its \| and \\ to be read as | and \, so that a
// text that holds " | " does not read as two.
func joinDetail(details, text string) string {
	if details != "" {
		details += eventSeparator
	}
	return details + detailEscaper.Replace(numtext.Plain(text))
}

// CSVPlaneHeader and CSVPlaneEvalHeader are CSVHeader and CSVEvalHeader
// for a two-dimensional target: each axis's batch mean and std, then the
// sliced W1 distance with its sampling floor, the high-quality share and
// modes, the number of modes captured (engine.PlaneMetrics), the count
// the progress and final lines give as modes=covered/all and the screen
// as "modes 5/8 captured"; all is the number of mode-share columns.
const (
	CSVPlaneHeader     = "epoch,d_real,d_fake,g_loss,mean_x,std_x,mean_y,std_y"
	CSVPlaneEvalHeader = "sw1,sw1_floor,hq,modes"
)

// capturedPlaneEvalHeader is CSVPlaneEvalHeader as an earlier ganui
// wrote it, its count of modes named captured, not modes as the lines
// and the screen name it: a run resumed onto such a log goes on in it
// under that name (csvLayout.captured), so that the file keeps one
// header.
const capturedPlaneEvalHeader = "sw1,sw1_floor,hq,captured"

// CSVPlaneColumns is the header line of a history CSV against a
// two-dimensional target with modes modes, of a design without a
// gradient penalty: CSVPlaneHeader, CSVPlaneEvalHeader, the modes'
// shares, then CSVEventsHeader and CSVDetailsHeader.
func CSVPlaneColumns(modes int) string { return csvLayout{plane: true, modes: modes}.header() }

// shareColumns is ",mode1_share,…,mode<modes>_share".
func shareColumns(modes int) string {
	var b strings.Builder
	for i := range modes {
		b.WriteString(",mode")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString("_share")
	}
	return b.String()
}

// CSVColumns is the header line of a history CSV (without its newline)
// against a target with modes modes (0 for one that is not a mixture),
// of a design without a gradient penalty: CSVHeader, CSVEvalHeader, then
// mode1_share … mode<modes>_share, each mode's share of the evaluated
// samples, then CSVEventsHeader and CSVDetailsHeader. A design with one
// has CSVPenaltyHeader's column after CSVHeader's.
func CSVColumns(modes int) string { return csvLayout{modes: modes}.header() }

// appendCSV appends epoch st's row of a history CSV, newline included, to
// dst and returns the extended slice in layout lay: the per-epoch values
// (six, or eight for a plane, then the penalty where lay has its
// column), then the evaluation ev made at that epoch, or empty fields
// where there was none, then the kinds of the events ev carries and
// (unless lay has the kinds alone) their texts. Every value is written in the
// shortest form that parses back to the same float64 (as %g does), so a
// history read back from CSV is exact; a diverged epoch shows NaN or ±Inf.
// It allocates nothing when dst has room.
func appendCSV(dst []byte, st engine.EpochStats, ev *evalRow, lay csvLayout) []byte {
	dst = strconv.AppendInt(dst, int64(st.Epoch), 10)
	vals := [...]float64{st.DReal, st.DFake, st.G, st.Mean, st.Std, st.MeanY, st.StdY}
	for _, v := range vals[:lay.statColumns()] {
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, v, 'g', -1, 64)
	}
	if lay.penalty {
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, st.Penalty, 'g', -1, 64)
	}
	return appendCSVRest(dst, ev, lay)
}

// appendCSVStart appends the row of epoch, the one a history starts from
// (0, or a resumed run's checkpoint epoch), which no epoch of the history
// trained: its per-epoch fields (and the penalty's) empty, then what ev
// holds, the events that happened there before the first epoch trained
// (settings changed, hand updates, a roll-back to it), which no other
// row holds.
func appendCSVStart(dst []byte, epoch int, ev *evalRow, lay csvLayout) []byte {
	dst = strconv.AppendInt(dst, int64(epoch), 10)
	n := lay.statColumns()
	if lay.penalty {
		n++
	}
	for range n {
		dst = append(dst, ',')
	}
	return appendCSVRest(dst, ev, lay)
}

// appendCSVRest appends a row's fields after its per-epoch ones: the
// evaluation ev holds, or empty fields where it holds none, then the
// kinds of its events and (unless lay has the kinds alone) their texts,
// and the newline.
func appendCSVRest(dst []byte, ev *evalRow, lay csvLayout) []byte {
	if ev == nil || !ev.eval {
		for range lay.evalColumns() + lay.modes {
			dst = append(dst, ',')
		}
	} else {
		for i := range lay.evalColumns() {
			dst = append(dst, ',')
			if i < len(ev.vals) {
				dst = strconv.AppendFloat(dst, ev.vals[i], 'g', -1, 64)
			}
		}
		for i := range lay.modes {
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
	if !lay.kindsOnly {
		dst = append(dst, ',')
		if ev != nil {
			dst = appendCSVField(dst, ev.details)
		}
	}
	if !lay.noSamples {
		dst = append(dst, ',')
		if ev != nil && ev.eval && ev.n > 0 {
			dst = strconv.AppendInt(dst, int64(ev.n), 10)
		}
	}
	return append(dst, '\n')
}

// appendCSVField appends text to dst as a field of CSV (RFC 4180): as it
// is, or quoted, its quotes doubled, where a comma, a quote or a line
// break in it would otherwise end the field or the row.
func appendCSVField(dst []byte, text string) []byte {
	if !strings.ContainsAny(text, ",\"\r\n") {
		return append(dst, text...)
	}
	dst = append(dst, '"')
	for i := range len(text) {
		if text[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, text[i])
	}
	return append(dst, '"')
}

// csvWriter writes a history as CSV: the header, then a row per epoch. It
// is the one writer behind both --log and Export, so the two files of the
// same run are the same bytes where they evaluated the same epochs.
type csvWriter struct {
	w    *bufio.Writer
	lay  csvLayout
	row  []byte // reused row buffer
	err  error  // the header's
	crlf bool   // end each row in "\r\n", as the file it goes on has its rows (logEnd)
}

// newCSVWriter starts a history on w with the header line of layout lay.
func newCSVWriter(w *bufio.Writer, lay csvLayout) *csvWriter {
	c := &csvWriter{w: w, lay: lay, row: make([]byte, 0, 256)}
	_, c.err = w.WriteString(lay.header() + "\n")
	return c
}

// write writes epoch st's row, with the evaluation ev made at that epoch
// or nil. A row that does not fit in what the buffer has left flushes
// the buffer first, rather than part of the row with it, so that the
// file ends at a whole row between writes: a process killed (a second
// interrupt, SIGKILL) leaves whole rows, not one cut mid-number.
func (c *csvWriter) write(st engine.EpochStats, ev *evalRow) error {
	if c.err != nil {
		return c.err
	}
	return c.put(appendCSV(c.row[:0], st, ev, c.lay))
}

// writeStart writes the row of epoch, the one the history starts from,
// with the events ev holds (appendCSVStart).
func (c *csvWriter) writeStart(epoch int, ev *evalRow) error {
	if c.err != nil {
		return c.err
	}
	return c.put(appendCSVStart(c.row[:0], epoch, ev, c.lay))
}

// put writes row, made in c.row's buffer, whole (see write).
func (c *csvWriter) put(row []byte) error {
	if c.crlf {
		row = append(row[:len(row)-1], '\r', '\n')
	}
	c.row = row
	if len(c.row) > c.w.Available() && c.w.Buffered() > 0 {
		if err := c.w.Flush(); err != nil {
			return err
		}
	}
	_, err := c.w.Write(c.row)
	return err
}

func (c *csvWriter) flush() error {
	if c.err != nil {
		return c.err
	}
	return c.w.Flush()
}
