package session

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
)

// TestAppendCSVMatchesPrintf: a row is what fmt's %g gives, and reads back
// to the same numbers bit for bit, including the values of a diverged epoch.
func TestAppendCSVMatchesPrintf(t *testing.T) {
	rows := []engine.EpochStats{
		{Epoch: 1, DReal: math.Ln2, DFake: 0.6931471805599453, G: -math.Ln2, Mean: 4.000000000000001, Std: 1.25},
		{Epoch: 1234567, DReal: 1e-300, DFake: 5e-324, G: math.MaxFloat64, Mean: math.Copysign(0, -1), Std: 0},
		{Epoch: 7, DReal: math.NaN(), DFake: math.Inf(1), G: math.Inf(-1), Mean: 1e21, Std: 123456789.125},
	}
	for _, s := range rows {
		got := string(appendCSV(nil, s, nil, csvLayout{}))
		want := fmt.Sprintf("%d,%g,%g,%g,%g,%g,,,,,,,,\n", s.Epoch, s.DReal, s.DFake, s.G, s.Mean, s.Std)
		if got != want {
			t.Errorf("row %q, want %q", got, want)
		}
		fields := strings.Split(strings.TrimSuffix(got, "\n"), ",")
		if len(fields) != len(strings.Split(CSVColumns(0), ",")) {
			t.Fatalf("row %q has %d fields, the header %d", got, len(fields), len(strings.Split(CSVColumns(0), ",")))
		}
		for i, v := range []float64{s.DReal, s.DFake, s.G, s.Mean, s.Std} {
			back, err := strconv.ParseFloat(fields[i+1], 64)
			if err != nil || math.Float64bits(back) != math.Float64bits(v) && !(math.IsNaN(v) && math.IsNaN(back)) {
				t.Errorf("field %d: %q reads back as %v (%v), want %v", i+1, fields[i+1], back, err, v)
			}
		}
	}
}

func TestAppendCSVAppends(t *testing.T) {
	buf := make([]byte, 0, 256)
	buf = appendCSV(buf, engine.EpochStats{Epoch: 1}, nil, csvLayout{})
	buf = appendCSV(buf, engine.EpochStats{Epoch: 2, G: 0.5}, nil, csvLayout{})
	if string(buf) != "1,0,0,0,0,0,,,,,,,,\n2,0,0,0.5,0,0,,,,,,,,\n" {
		t.Fatalf("two rows: %q", buf)
	}
	if n := testing.AllocsPerRun(100, func() { buf = appendCSV(buf[:0], engine.EpochStats{Epoch: 3, DReal: math.Pi}, nil, csvLayout{}) }); n != 0 {
		t.Errorf("appendCSV allocated %v times into a buffer with room", n)
	}
}

// TestLineValuesStayOneField: a value with a space, '=', a quote, an
// apostrophe or a backslash in it (a preset named by the user, a swept
// target) is quoted on the final, summary and sweep lines, so that
// key=value parsing reads one field, and a shell-style reader (Python's
// shlex.split) reads it whole: bare, "bob's" is an unclosed quote to
// it, and a\b reads as ab.
func TestLineValuesStayOneField(t *testing.T) {
	for v, want := range map[string]string{
		"vanilla":                "vanilla",
		"x state=done ks=0.0000": `"x state=done ks=0.0000"`,
		"uniform(2, 6)":          `"uniform(2, 6)"`,
		`say "hi"`:               `"say \"hi\""`,
		"":                       `""`,
		"tab\there":              `"tab\there"`,
		"mixture(-2,0.5;2,0.5)":  "mixture(-2,0.5;2,0.5)",
		"bob's":                  `"bob's"`,
		`points(C:\data.csv)`:    `"points(C:\\data.csv)"`,
	} {
		if got := LineValue(v); got != want {
			t.Errorf("LineValue(%q) = %s, want %s", v, got, want)
		}
	}
	line := Result{Preset: "a b=c", State: Done}.Line()
	if !strings.HasPrefix(line, `final preset="a b=c" seed=0 `) || strings.Count(line, " state=") != 1 {
		t.Errorf("final line %q", line)
	}
	// A setting the design changed is a field of its own too.
	line = Result{Preset: "vanilla", Changes: []Change{{"target", "uniform(2, 6)"}, {"g_hidden", "8,8"}}, State: Done}.Line()
	if !strings.HasPrefix(line, `final preset=vanilla target="uniform(2, 6)" g_hidden=8,8 seed=0 `) {
		t.Errorf("final line %q", line)
	}
}

// TestModeSharesAsEveryFigure: a final line gives each mode's share as its
// other measures (numtext.Measure): to three decimals, and a share three
// decimals would write as 0.000 in four, on a line or on a plane.
func TestModeSharesAsEveryFigure(t *testing.T) {
	m := engine.Metrics{N: 10000, Modes: []engine.ModeCoverage{
		{Mode: engine.Mode{Mean: -2, Std: 0.5, Weight: 0.5}, Share: 0.99741, Expected: 0.5, Covered: true},
		{Mode: engine.Mode{Mean: 2, Std: 0.5, Weight: 0.5}, Share: 0.00012, Expected: 0.5},
	}}
	line := Result{Preset: "bimodal", State: Done, Metrics: m}.Line()
	if !strings.Contains(line, " modes=1/2 mode_share=0.997,0.0001 ") {
		t.Errorf("final line %q, want modes=1/2 mode_share=0.997,0.0001", line)
	}
}

// TestProgressLineGivesBothDistances: a 1-D progress line gives W1 beside KS,
// as the final line does: early in a run KS sits near 1 for hundreds of epochs
// (vanilla: 0.9974 at epoch 100), and only W1 says whether G is getting closer,
// so the line does not give KS alone.
func TestProgressLineGivesBothDistances(t *testing.T) {
	p := Progress{Stats: engine.EpochStats{Epoch: 100, DReal: 0.5, DFake: 0.75, G: 0.625, Mean: 0.1, Std: 0.08},
		Metrics: engine.Metrics{N: 10000, KS: 0.99741, W1: 3.89062}}
	want := "epoch=100 d_real=0.500 d_fake=0.750 g=0.625 batch_mean=0.100 batch_std=0.080 ks=0.997 w1=3.891"
	if line := p.Line(); line != want {
		t.Errorf("progress line %q\nwant          %q", line, want)
	}
}

// TestCSVWritesWholeRows: what the history's buffer hands its file ends at a
// whole row every time, so that a process killed between writes leaves whole
// rows, not a row cut where a 4 KiB buffer ends.
func TestCSVWritesWholeRows(t *testing.T) {
	var writes []string
	c := newCSVWriter(bufio.NewWriter(writerFunc(func(p []byte) (int, error) {
		writes = append(writes, string(p))
		return len(p), nil
	})), csvLayout{})
	for e := 1; e <= 500; e++ {
		if err := c.write(engine.EpochStats{Epoch: e, DReal: math.Pi, DFake: math.E, G: math.Sqrt2, Mean: 1.0 / 3, Std: float64(e) / 7}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.flush(); err != nil {
		t.Fatal(err)
	}
	if len(writes) < 5 {
		t.Fatalf("%d writes for 500 rows: the test no longer fills the buffer", len(writes))
	}
	for i, w := range writes {
		if !strings.HasSuffix(w, "\n") {
			t.Fatalf("write %d of %d ends mid-row: …%q", i+1, len(writes), w[max(0, len(w)-30):])
		}
	}
}

// TestEventDetailsSplitBack: the event_details column, split at " | ", gives
// back each text of the epoch's events whole, once its \| and \\ are read as |
// and \, whatever bars and backslashes the texts hold; a text holding " | "
// reads back as one text, not two.
func TestEventDetailsSplitBack(t *testing.T) {
	texts := []string{`a | b`, `c\d|`, `| e \| f`, `plain, "quoted"`, `\`}
	ev := evalRow{epoch: 3}
	for _, text := range texts {
		ev.addEvent(Event{Epoch: 3, Kind: EventSetting, Detail: text})
	}
	_, rows := csvRows(t, CSVColumns(0)+"\n"+string(appendCSV(nil, engine.EpochStats{Epoch: 3}, &ev, csvLayout{})))
	details := rows[0][len(rows[0])-2] // eval_samples after it
	parts := strings.Split(details, " | ")
	if len(parts) != len(texts) {
		t.Fatalf("%q splits into %d texts, want %d", details, len(parts), len(texts))
	}
	for i, p := range parts {
		var b strings.Builder
		for j := 0; j < len(p); j++ {
			if p[j] == '\\' && j+1 < len(p) {
				j++
			}
			b.WriteByte(p[j])
		}
		if b.String() != texts[i] {
			t.Errorf("text %d reads back %q (written %q), want %q", i, b.String(), p, texts[i])
		}
	}
}
