package tui

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/NimbleMarkets/ntcharts/canvas"
	"github.com/NimbleMarkets/ntcharts/linechart/timeserieslinechart"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// TestNiceBelowIsTotal: niceBelow gives a finite, positive step for any
// float64, no greater than a positive s and below it where a float64 is: not
// +Inf for +Inf, NaN for NaN or a negative s, nor 0 for 0, nor, for a denormal,
// whose math.Log10 is off, a step far above it (5e-309 for 5e-324).
func TestNiceBelowIsTotal(t *testing.T) {
	e308 := math.Pow(10, 308)
	for _, c := range []struct{ s, want float64 }{
		{5, 2}, {2, 1}, {1, 0.5}, {0.5, 0.2}, {1e-300, 5e-301},
		{math.Inf(1), e308}, {math.MaxFloat64, e308},
		{math.NaN(), 1}, {0, 1}, {math.Copysign(0, -1), 1}, {-2, 1}, {math.Inf(-1), 1}, {-math.MaxFloat64, 1},
		{math.SmallestNonzeroFloat64, math.SmallestNonzeroFloat64}, // no step below it
		{2 * math.SmallestNonzeroFloat64, math.SmallestNonzeroFloat64},
		{1e-310, 5e-311},
		{0x1p-1022, 1e-308}, // the least normal, 2.2e-308
	} {
		got := niceBelow(c.s)
		if got != c.want && math.Abs(got-c.want) > 1e-12*c.want {
			t.Errorf("niceBelow(%g) = %g, want %g", c.s, got, c.want)
		}
		if !(got > 0) || math.IsInf(got, 0) || c.s > 0 && got > c.s || c.s > math.SmallestNonzeroFloat64 && got >= c.s {
			t.Errorf("niceBelow(%g) = %g: want a finite step, positive, below a positive s", c.s, got)
		}
	}
}

// TestTicksOfAnyRange: the axes' labels end for any range, and a range past
// MaxFloat64's span gets two ticks: otherwise a y axis from −MaxFloat64 to
// MaxFloat64 would try steps without end (niceBelow(+Inf) being +Inf, which
// ticks nothing), and a step too small to move its value (1,000 at 1e20) would
// give that one tick without end.
func TestTicksOfAnyRange(t *testing.T) {
	max := math.MaxFloat64
	if got := twoTicks(-max, max, niceStep(max-(-max))); len(yTicks(-max, max, got)) < 2 || math.IsInf(got, 0) {
		t.Errorf("−MaxFloat64 to MaxFloat64: step %g, ticks %v, want two at least", got, yTicks(-max, max, got))
	}
	if got := yLabels(scale{-max, max}, 10); got[4] != "0" || got[0] == "" || got[9] == "" {
		t.Errorf("y labels of −MaxFloat64 to MaxFloat64: %q, want the ends and 0", got)
	}
	above := math.Nextafter(1e20, math.Inf(1))
	if got := yTicks(1e20, above, 1000); len(got) != 1 || got[0] != 1e20 {
		t.Errorf("ticks of 1e20 to %g at 1000: %v, want 1e20 once", above, got)
	}
	if got := yTicks(math.Inf(-1), 0, 1); len(got) != 1 {
		t.Errorf("ticks of −Inf to 0: %v, want −Inf once", got)
	}
	for _, r := range [][2]float64{{math.NaN(), 1}, {1, 1}, {2, 1}, {0, math.SmallestNonzeroFloat64}, {1e20, above}, {math.Inf(-1), math.Inf(1)}} {
		if got := twoTicks(r[0], r[1], niceStep(r[1]-r[0])); !(got > 0) || math.IsInf(got, 0) {
			t.Errorf("%g to %g: step %g, want a finite one", r[0], r[1], got)
		}
		yLabels(scale{r[0], r[1]}, 10)
		xLabels(r[0], r[1], 40)
	}
}

// TestSparkOfAnyValues: a Quality row's bars and range draw any values: checks
// at ±MaxFloat64 do not round the range's ends out to ±Inf, which would make
// their share NaN and the bars' index int(NaN), a panic; nor does a denormal's
// end round up to 1e-309 (decade), its bar empty.
func TestSparkOfAnyValues(t *testing.T) {
	max, tiny := math.MaxFloat64, math.SmallestNonzeroFloat64
	for _, c := range []struct {
		vals   []float64
		lo, hi float64
		bars   string
	}{
		{[]float64{max, -max}, -max, max, "█▁"},
		{[]float64{max, 1}, 1, max, "█▁"},
		{[]float64{tiny, 0}, 0, tiny, "█▁"},
		{[]float64{0.91, 0.288, 2.7}, 0.28, 2.7, "▃▁█"},
	} {
		sc := scaleOf(c.vals, c.vals[len(c.vals)-1])
		if sc.lo != c.lo || sc.hi != c.hi {
			t.Errorf("%g: scale %g to %g, want %g to %g", c.vals, sc.lo, sc.hi, c.lo, c.hi)
		}
		if got := sparkBetween(c.vals, sc.lo, sc.hi); got != c.bars {
			t.Errorf("%g: bars %q, want %q", c.vals, got, c.bars)
		}
	}
	if got := sparkBetween([]float64{1, 0}, math.Inf(-1), 2); got != "▁▁" {
		t.Errorf("bars from −Inf: %q, want the empty bar", got)
	}
}

// FuzzTicksAndSparks: no range, step or values make the axes' steps and
// ticks or a sparkline's scale and bars panic, loop without end or give
// a step that is not a finite, positive number.
func FuzzTicksAndSparks(f *testing.F) {
	max, tiny, inf, nan := math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.NaN()
	for _, c := range [][3]float64{
		{0, 1, 0.5}, {-max, max, inf}, {max, -max, -inf}, {nan, 1, nan}, {0, tiny, tiny}, {1e20, math.Nextafter(1e20, inf), 1000},
		{-inf, inf, 0}, {1e-310, 1e-300, 2e-323}, {-1e300, 1e300, max}, {0x1p-1022, 1, math.Copysign(0, -1)},
	} {
		f.Add(c[0], c[1], c[2], uint8(10))
	}
	f.Fuzz(func(t *testing.T, lo, hi, s float64, rows uint8) {
		b := niceBelow(s)
		if !(b > 0) || math.IsInf(b, 0) || s > 0 && b > s {
			t.Fatalf("niceBelow(%g) = %g", s, b)
		}
		step := twoTicks(lo, hi, niceStep((hi-lo)/math.Max(1, float64(rows)/2)))
		if !(step > 0) || math.IsInf(step, 0) {
			t.Fatalf("%g to %g over %d rows: step %g", lo, hi, rows, step)
		}
		if n := len(yTicks(lo, hi, step)); n > 2*int(rows)+8 {
			t.Fatalf("%g to %g over %d rows: %d ticks at %g", lo, hi, rows, n, step)
		}
		if rows > 0 {
			yLabels(scale{lo, hi}, int(rows))
			xLabels(lo, hi, int(rows))
		}
		vals := []float64{lo, hi, s}
		for _, sc := range []sparkScale{scaleOf(vals, s), fromZero(vals, s), {lo, hi, ""}} {
			if got := sparkBetween(vals, sc.lo, sc.hi); utf8.RuneCountInString(got) != len(vals) {
				t.Fatalf("%g between %g and %g: %q", vals, sc.lo, sc.hi, got)
			}
		}
		if sc := scaleOf(vals, s); sc.hi >= sc.lo {
			for _, v := range vals {
				// Within the scale, or a hair past an end that roundOut
				// took as round (0.91 for 0.91000000000000001).
				out := v < sc.lo-1e-9*math.Abs(sc.lo) || v > sc.hi+1e-9*math.Abs(sc.hi)
				if !math.IsInf(v, 0) && !math.IsNaN(v) && out || math.IsInf(sc.lo, 0) || math.IsInf(sc.hi, 0) {
					t.Fatalf("%g: scale %g to %g leaves %g out", vals, sc.lo, sc.hi, v)
				}
			}
		}
	})
}

// maxTickLabel is the widest label axisNum writes, for any value and
// step: a sign, tickDigits digits, a point and an exponent of three
// digits (-1.2345678e-308).
const maxTickLabel = tickDigits + 7

// TestLabelsOfAnyValue: the axes' labels are short for any float64, in the
// screen's number style: a value out of the plain range in exponent form, not
// 1e100 as a hundred digits and M, nor -0.05 and 1e-10 as -0 and 0, nor a tick
// of a range at 1e-300 in three hundred decimals, or NaN where roundTo's power
// of ten is +Inf (a range 1e-310 wide).
func TestLabelsOfAnyValue(t *testing.T) {
	noise := -0.3 + 0.1 + 0.1 + 0.1 // 5.6e-17, a tick at 0 by float noise
	for _, c := range []struct{ got, want string }{
		{shortNum(1e100), "1e100"},
		{shortNum(-3e-310), "-3e-310"},
		{shortNum(-0.05), "-0.05"},
		{shortNum(1e-10), "1e-10"},
		{shortNum(-12345), "-12k"},
		{shortNum(1000), "1000"},
		{shortNum(math.NaN()), "NaN"},
		{shortNum(math.Inf(-1)), "-Inf"},
		{compact(1e100), "1e100"},
		{compact(999_999), "1M"},
		{compact(12_345_678), "12M"},
		{compact(1500), "1.5k"},
		{compact(-0.3), "0"},
		{compact(math.NaN()), "NaN"},
		{compact(math.Inf(1)), "+Inf"},
		{axisNum(3e-310, 1e-310), "3e-310"},
		{axisNum(1.5e-300, 5e-301), "1.5e-300"},
		{axisNum(0, 1e-310), "0"},
		{axisNum(0, 0.01), "0.00"},
		{axisNum(noise, 0.1), "0.0"},
		{axisNum(0.3, 0.1), "0.3"},
		{axisNum(1.25e5, 5000), "1.25e5"},
		{axisNum(2e9, 1e9), "2e9"},
		{axisNum(5e-5, 1e-5), "5e-5"},
		{axisNum(math.Nextafter(0.6931471805599453, 1), 1e-16), "0.69314718"},
		{trimZeros(axisNum(1, 0.5)), "1"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	for _, r := range [][2]float64{{0, 1e-310}, {1e-300, 2e-300}, {1e100, 2e100}} {
		x := xLabels(r[0], r[1], 40)
		if strings.Contains(x, "NaN") || !strings.Contains(x, "e") {
			t.Errorf("x labels of %g to %g: %q, want them in exponent form", r[0], r[1], x)
		}
		for _, l := range yLabels(scale{r[0], r[1]}, 8) {
			if strings.Contains(l, "NaN") || len(l) > maxYLabel {
				t.Errorf("y labels of %g to %g: %q, want each short", r[0], r[1], yLabels(scale{r[0], r[1]}, 8))
				break
			}
		}
	}
	if got := xLabels(0, 1e-310, 40); !strings.Contains(got, "2e-311") {
		t.Errorf("x labels of 0 to 1e-310: %q, want 2e-311 among them", got)
	}
}

// TestPlotRowsKeepTheirWidth: every row of the Q-Q plot, the G(z) plot and the
// histogram is as wide as the plot, whatever its values: a gutter label wider
// than the gutter is left out rather than pushing its row right.
func TestPlotRowsKeepTheirWidth(t *testing.T) {
	for _, v := range []float64{1e100, -3e-310, 1e-300, -1234, math.MaxFloat64} {
		checkPlotWidths(t, v, v*1.5, 30, 8)
	}
}

// TestWideYLabelsWidenTheGutter: the Q-Q and G(z) plots of a target whose y
// labels need more than four cells (normal(-1234,0.5)'s -1235, -1234 and -1233;
// normal(20000,5000)'s 30000, 20000, 10000) label their y axis at a round step
// in a gutter as wide as its labels, the plot narrower by as much: a gutter of
// four cells would leave every label of normal(-1234,0.5) out, the plots
// without a y scale, and have normal(20000,5000)'s read 33k, 20k and 7440, its
// ends and middle. Each row is the panel's width, the x labels start with the
// plot's columns and a quantile beyond is marked in its own column; the
// histogram keeps its gutter, its labels under its bins; an ordinary target's
// plots keep the gutter of four cells and a space.
func TestWideYLabelsWidenTheGutter(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, d := range []engine.Normal{{Mu: -1234, Sigma: 0.5}, {Mu: 20000, Sigma: 5000}, {Mu: -50000, Sigma: 1000}, {Mu: 0, Sigma: 1}} {
		for _, wh := range [][2]int{{88, 14}, {52, 8}, {40, 5}} {
			width, rows := wh[0], wh[1]
			name := fmt.Sprintf("%v at %d×%d", d, width, rows)
			var qq []engine.QQPoint
			var gz []session.ZX
			for _, p := range []float64{0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99} {
				qq = append(qq, engine.QQPoint{P: p, Target: d.Quantile(p), Gen: d.Quantile(p)})
				gz = append(gz, session.ZX{Z: 6*p - 3, X: d.Quantile(p)})
			}
			beyond := qq[len(qq)/2].Target
			qq[len(qq)/2].Gen = d.Mu + 100*d.Sigma // marked ▲ on the top row

			ts, gs := make([]float64, len(qq)), make([]float64, len(qq))
			for i, p := range qq {
				ts[i], gs[i] = p.Target, p.Gen
			}
			sc := fitScale(ts, gs)
			qqLines, _ := qqPlot(qq, nil, width, rows)
			g := checkYAxis(t, "Q-Q of "+name, qqLines, width, sc.lo, sc.hi)
			if top, c := []rune(ansi.Strip(qqLines[0])), g+sc.at(beyond, 2*(width-g))/2; top[c] != clipGlyph {
				t.Errorf("Q-Q of %s: the quantile beyond is not marked in its column %d: %q", name, c, string(top))
			}
			if d.Mu == 0 && g != axisGutter {
				t.Errorf("Q-Q of %s: a gutter of %d cells, want %d", name, g, axisGutter)
			}
			gzLines, _, _ := gzPlot(gz, nil, qq, width, rows)
			g = checkYAxis(t, "G(z) of "+name, gzLines, width, -3+6*0.01, -3+6*0.99)
			if d.Mu == 0 && g != axisGutter {
				t.Errorf("G(z) of %s: a gutter of %d cells, want %d", name, g, axisGutter)
			}

			lo, hi := d.Mu-4*d.Sigma, d.Mu+4*d.Sigma
			h := engine.Histogram{Lo: lo, Hi: hi, Counts: make([]int, width-axisGutter), Expected: make([]float64, width-axisGutter)}
			h.Counts[0], h.Expected[0] = 5, 5 // a bar in the first column
			hist := histPlot(h, nil, nil, nil, false, width, rows).lines
			for i, l := range hist {
				if w := lipgloss.Width(l); w != width {
					t.Fatalf("histogram of %s: row %d is %d cells wide, want %d", name, i, w, width)
				}
			}
			if got, want := ansi.Strip(hist[len(hist)-1]), strings.Repeat(" ", axisGutter)+xLabels(lo, hi, width-axisGutter); got != want {
				t.Errorf("histogram of %s: x labels %q, want %q", name, got, want)
			}
			if bar := []rune(ansi.Strip(hist[len(hist)-2]))[axisGutter]; bar != eighths[8] {
				t.Errorf("histogram of %s: the first bin's bar is not in the first column: %q", name, hist[len(hist)-2])
			}
		}
	}
}

// checkYAxis checks a Q-Q or G(z) plot of width cells whose x axis runs
// from lo to hi: every row is width cells wide, the x labels start where
// the plot's columns do, after a gutter of axisGutter to maxYLabel+1
// cells, and the gutter holds its y labels (checkYLabels). It returns the
// gutter's width.
func checkYAxis(t *testing.T, name string, lines []string, width int, lo, hi float64) int {
	t.Helper()
	for i, l := range lines {
		if w := lipgloss.Width(l); w != width {
			t.Fatalf("%s: row %d is %d cells wide, want %d:\n%s", name, i, w, width, strings.Join(lines, "\n"))
		}
	}
	x := ansi.Strip(lines[len(lines)-1])
	g := axisGutter
	for g <= maxYLabel+1 && x != strings.Repeat(" ", g)+xLabels(lo, hi, width-g) {
		g++
	}
	if g > maxYLabel+1 {
		t.Fatalf("%s: x labels %q, not those of %g to %g after a gutter", name, x, lo, hi)
	}
	checkYLabels(t, name, lines[:len(lines)-1], g)
	return g
}

// checkYLabels checks that the gutter of g cells before a plot's rows
// holds at least two y labels, falling down the rows a step apart.
func checkYLabels(t *testing.T, name string, rows []string, g int) {
	t.Helper()
	var ys []float64
	for _, l := range rows {
		label := strings.TrimSpace(string([]rune(ansi.Strip(l))[:g]))
		if label == "" {
			continue
		}
		v, err := strconv.ParseFloat(label, 64)
		if err != nil || len(ys) > 0 && v >= ys[len(ys)-1] {
			t.Fatalf("%s: y label %q after %v:\n%s", name, label, ys, strings.Join(rows, "\n"))
		}
		ys = append(ys, v)
	}
	if len(ys) < 2 {
		t.Errorf("%s: y labels %v, want two at least:\n%s", name, ys, strings.Join(rows, "\n"))
	}
	for i := 2; i < len(ys); i++ {
		if step, prev := ys[i-1]-ys[i], ys[i-2]-ys[i-1]; math.Abs(step-prev) > 1e-9*prev {
			t.Errorf("%s: y labels %v, want them a round step apart", name, ys)
			break
		}
	}
}

// checkPlotWidths draws the samples panel's plots of values lo and hi at
// width × rows and fails where a row is of another width.
func checkPlotWidths(t *testing.T, lo, hi float64, width, rows int) {
	t.Helper()
	qq := []engine.QQPoint{{P: 0.01, Target: lo, Gen: lo}, {P: 0.5, Target: (lo + hi) / 2, Gen: hi}, {P: 0.99, Target: hi, Gen: hi}}
	qqLines, _ := qqPlot(qq, nil, width, rows)
	gz, _, _ := gzPlot([]session.ZX{{Z: -1, X: lo}, {Z: 1, X: hi}}, nil, qq, width, rows)
	h := engine.Histogram{Lo: lo, Hi: hi, Counts: []int{1, 3, 2}, Expected: []float64{hi, lo, 2}}
	hist := histPlot(h, nil, nil, nil, false, width, rows).lines
	for name, lines := range map[string][]string{"Q-Q": qqLines, "G(z)": gz, "histogram": hist} {
		for i, l := range lines {
			if w := lipgloss.Width(l); w != width {
				t.Fatalf("%s of %g to %g: row %d is %d cells wide, want %d:\n%s", name, lo, hi, i, w, width, strings.Join(lines, "\n"))
			}
		}
	}
}

// TestLossChartOfTinyValues: a loss chart of values a few float64s apart at
// 1e-300 draws, its labels short: in 300 decimals they would make its gutter
// wider than the chart, a panic in ntcharts (makeslice: len out of range).
func TestLossChartOfTinyValues(t *testing.T) {
	checkChart(t, 1e-300, math.Nextafter(1e-300, 1), 60, 12)
}

// TestChartLabelsOneARow: each Y label of a line chart is a tick as axisNum
// writes it, on the row its value's dots fall in, however many ticks share a
// row. Ticks that fall on one row are not written over one another, which would
// have the 2-D moments chart of grid at 70×20, two rows of -2.4 to 4.2, read 4
// and -0 (the 0 over the -2), and a chart of one row -4, below its range.
func TestChartLabelsOneARow(t *testing.T) {
	for _, h := range []int{3, 4, 5, 6, 8} {
		for _, span := range [][2]float64{{-2.4, 4.2}, {-0.6, 3.9}, {-11, 14}, {-3, 2.9}, {-0.45, 0.05}} {
			var pts []session.Point
			for e := 1; e <= 30; e++ {
				pts = append(pts, session.Point{Epoch: e, Mean: span[0] + (span[1]-span[0])*float64(e-1)/29})
			}
			c := newLineChart(series{name: "1 mean", mark: 'μ', value: func(p session.Point) float64 { return p.Mean }})
			out := ansi.Strip(c.render(pts, 0, nil, 40, h))
			for row, l := range strings.Split(out, "\n") {
				i := strings.Index(l, "┤")
				if i < 0 {
					continue
				}
				label := strings.TrimSpace(l[:i])
				v, err := strconv.ParseFloat(label, 64)
				if got, ok := c.row(v); err != nil || axisNum(v, c.step) != label || !ok || got != row {
					t.Errorf("%d rows of %g to %g: row %d labelled %q, not a tick of step %g on its row:\n%s", h, span[0], span[1], row, label, c.step, out)
				}
			}
		}
	}
}

// checkChart draws a loss chart whose values run between a and b, and
// fails where it panics, a line is of another width than w, or its Y
// labels are wider than axisNum's widest.
func checkChart(t *testing.T, a, b float64, w, h int) {
	t.Helper()
	var pts []session.Point
	for e := 1; e <= 30; e++ {
		v := a
		if e%2 == 0 {
			v = b
		}
		pts = append(pts, session.Point{Epoch: e, DReal: v, DFake: b, G: a})
	}
	c := newLineChart(
		series{name: "a", mark: '●', value: func(p session.Point) float64 { return p.DReal }},
		series{name: "b", mark: '○', value: func(p session.Point) float64 { return p.DFake }},
		series{name: "c", mark: '■', value: func(p session.Point) float64 { return p.G }},
	)
	out := c.render(pts, 0, nil, w, h)
	for i, l := range strings.Split(out, "\n") {
		if lw := lipgloss.Width(l); lw != w {
			t.Fatalf("chart of %g to %g: line %d is %d cells wide, want %d:\n%s", a, b, i, lw, w, out)
		}
	}
	if c.labelW > maxTickLabel {
		t.Fatalf("chart of %g to %g: Y labels %d cells wide:\n%s", a, b, c.labelW, out)
	}
}

// FuzzLabels: no value or step gives an axis label wider than its
// caller's room: a tick's (axisNum) at most maxTickLabel cells, one of
// the samples plots' ends (shortNum) seven, a count's (compact) six and
// four from 0 to 10⁹⁹; the x labels fill their columns exactly, and the
// samples plots' rows and a loss chart's lines are as wide as asked.
func FuzzLabels(f *testing.F) {
	max, tiny, inf, nan := math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.NaN()
	for _, c := range [][3]float64{
		{1e100, 1e-310, 2e100}, {-3e-310, tiny, -1e-310}, {0, 1e-300, math.Nextafter(1e-300, 1)}, {nan, inf, -inf},
		{-max, max, max}, {0.6931471805599453, 1e-17, 0.6931471805599454}, {-1234, 10, -1200}, {999_999, 5e4, 12_345_678},
	} {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, v, step, hi float64) {
		if s := axisNum(v, step); len(s) > maxTickLabel || s == "" {
			t.Fatalf("axisNum(%g, %g) = %q", v, step, s)
		}
		if s := shortNum(v); len(s) > 7 || s == "" {
			t.Fatalf("shortNum(%g) = %q", v, s)
		}
		if s := compact(v); len(s) > 6 || v >= 0 && v < 9e99 && len(s) > 4 {
			t.Fatalf("compact(%g) = %q", v, s)
		}
		if got := utf8.RuneCountInString(xLabels(v, hi, 40)); got != 40 {
			t.Fatalf("x labels of %g to %g: %d runes, want 40", v, hi, got)
		}
		checkPlotWidths(t, v, hi, 30, 8)
		checkChart(t, v, hi, 40, 10)
	})
}

// TestTimeAxesBesideReadAlike: the losses and the moments charts side by side
// have one time axis, and label it alike, at one step: each taking its step by
// its own width, a column apart at 80×24, ring at epoch 222 would read 0 100
// 200 under the losses beside 0 50 100 150 200 under the moments, and at 79×24,
// epoch 430, 0 200 400 beside 0 100 200 300 400.
func TestTimeAxesBesideReadAlike(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {79, 24}, {100, 30}, {120, 40}} {
		_, shown := shownModel(t, cfg, true, size[0], size[1])
		snap := shown.snap
		for _, epochs := range []int{150, 222, 430, 777, 1500, 2821} {
			next, _ := shown.Update(snapshotMsg(wavyHistory(snap, epochs)))
			lines := strings.Split(ansi.Strip(next.View()), "\n")
			var left, right []string
			for i, l := range lines {
				split := strings.LastIndex(l, "└") // the moments chart's axis
				if i+1 >= len(lines) || split <= strings.Index(l, "└") {
					continue
				}
				col := utf8.RuneCountInString(l[:split])
				labels := []rune(lines[i+1])
				left = strings.Fields(string(labels[:min(col, len(labels))]))
				right = strings.Fields(string(labels[min(col, len(labels)):]))
				break
			}
			if len(left) < 2 || len(right) < 2 {
				t.Fatalf("%d×%d, epoch %d: no two time axes side by side found:\n%s", size[0], size[1], epochs, strings.Join(lines, "\n"))
			}
			n := min(len(left), len(right))
			if !slices.Equal(left[:n], right[:n]) || len(left)-len(right) > 1 || len(right)-len(left) > 1 {
				t.Errorf("%d×%d, epoch %d: the losses' time axis reads %q, the moments' beside it %q", size[0], size[1], epochs, left, right)
			}
		}
	}
}

// TestRedrawDrawsEachChartOnce: a redraw draws the losses and the moments
// charts once each, the step their time axes share chosen before either is
// drawn (lineChart.fit), at the sizes and epochs where the two would take
// different steps by their own widths too. There the chart of the finer step is
// not drawn a second time at the coarser.
func TestRedrawDrawsEachChartOnce(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	boundary := 0 // cases side by side where the charts' own steps differ
	for _, preset := range []string{"ring", "vanilla"} {
		cfg, err := presets.Get(preset)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range [][2]int{{80, 24}, {79, 24}, {100, 30}, {120, 40}} {
			_, shown := shownModel(t, cfg, true, size[0], size[1])
			snap := shown.snap
			mom := shown.moments
			if snap.Target.Plane != nil {
				mom = shown.planeMoments
			}
			for _, epochs := range []int{150, 222, 430, 777, 1500, 2821} {
				losses, moments := shown.losses.draws, mom.draws
				shown.Update(snapshotMsg(wavyHistory(snap, epochs)))
				if n, k := shown.losses.draws-losses, mom.draws-moments; n != 1 || k != 1 {
					t.Errorf("%s at %d×%d, epoch %d: a redraw drew the losses %d times, the moments %d", preset, size[0], size[1], epochs, n, k)
				}
				axis := fitted{xmin: float64(snap.From), xmax: float64(epochs)}
				if !shown.layout().momBeside && axis.xstep(shown.losses.ts.GraphWidth()) != axis.xstep(mom.ts.GraphWidth()) {
					boundary++
				}
			}
		}
	}
	if boundary == 0 {
		t.Error("no case where the two charts' own steps differ: the test tries nothing at a step's boundary")
	}
	t.Logf("%d cases at a step's boundary", boundary)
}

// wavyHistory is snap at epoch epochs with a history of that many epochs
// whose losses and moments wave, so that both charts have labels to draw
// on each axis.
func wavyHistory(snap session.Snapshot, epochs int) session.Snapshot {
	pts := make([]session.Point, epochs)
	for i := range pts {
		e := float64(i + 1)
		pts[i] = session.Point{Epoch: i + 1, DReal: 0.7 + 0.1*math.Sin(e/9), DFake: 0.6, G: 0.9, Mean: math.Sin(e / 50), Std: 0.5, MeanY: math.Cos(e / 50), StdY: 0.4}
	}
	snap.History, snap.Epoch = pts, epochs
	snap.Last = engine.EpochStats{Epoch: epochs, DReal: 0.7, DFake: 0.6, G: 0.9}
	return snap
}

// TestChartLabelsEvenlySpaced: a line chart draws on its top row and on its
// bottom row, and its Y labels are a scale: round steps apart in value, on at
// least two rows (one on a chart of one), each on the row its value is drawn
// on, the values and the reference lines all within the range and a line's
// row labelled only by a tick that names it (two rows: the scale first), for
// many ranges, lines and heights. Where a round range fills the edge rows the
// labels stand the same number of rows apart, on a third of a taller chart's
// rows: labels standing where the ticks' rows fall would stand unevenly on
// short charts, grid's losses at 80×24 after 100 epochs reading 1.0, 0.8, a
// row without, 0.4. Where none does, as for most spans of a chart of ten rows
// or more, the range is the values' own, and the labels stand where their
// rows fall, a row more or less apart.
func TestChartLabelsEvenlySpaced(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		rows := 1 + rng.IntN(24)
		unit := math.Pow(10, float64(rng.IntN(9)-4))
		a := unit * (rng.Float64()*6 - 3)
		if rng.IntN(3) == 0 { // at 0 or above, a loss's or a std's
			a = math.Abs(a)
		}
		b := a + unit*(0.01+rng.Float64()*5)
		var refs []refLine
		for range rng.IntN(3) {
			y := a + (b-a)*(rng.Float64()*1.4-0.2)
			if rng.IntN(4) == 0 {
				y = math.Round(y/unit) * unit
			}
			refs = append(refs, refLine{y, styleTarget})
		}
		var pts []session.Point
		for e := 1; e <= 60; e++ {
			f := float64(e-1) / 59
			pts = append(pts, session.Point{Epoch: e, DReal: a + (b-a)*f, DFake: b - (b-a)*f*f})
		}
		c := newLineChart(
			series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
			series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
		)
		out := ansi.Strip(c.render(pts, 0, refs, 40, rows+2))
		var ys []float64
		for _, r := range refs {
			ys = append(ys, r.y)
		}
		name := fmt.Sprintf("case %d, %d rows of %g to %g, lines at %v", i, rows, a, b, ys)
		lo, hi := c.ts.ViewMinY(), c.ts.ViewMaxY()
		if lo > a || hi < b || slices.ContainsFunc(refs, func(r refLine) bool { return r.y < lo || r.y > hi }) {
			t.Errorf("%s: range %g to %g leaves some out:\n%s", name, lo, hi, out)
		}
		dlo, dhi := a, b // what is drawn: the values and the lines
		for _, r := range refs {
			dlo, dhi = math.Min(dlo, r.y), math.Max(dhi, r.y)
		}
		if dotOf(dhi, lo, hi, rows) >= 4 || dotOf(dlo, lo, hi, rows) < 4*rows-4 {
			t.Errorf("%s: range %g to %g leaves an edge row blank:\n%s", name, lo, hi, out)
		}
		// The values' own range, or it widened at an end to the tick of its
		// step within half a row of it.
		half := (dhi - dlo) / float64(rows) / 2
		same := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*(dhi-dlo) }
		tick := func(v float64) bool { return math.Abs(math.Remainder(v, c.step)) <= 1e-9*c.step }
		own := (same(lo, dlo) || tick(lo) && dlo-lo < half) && (same(hi, dhi) || tick(hi) && hi-dhi < half)
		got := checkEvenLabels(t, name, out, c, refs, rows, !own)
		if !own {
			continue
		}
		// On eight rows or more, an end the scale does not name has no tick
		// within half a row beyond it, but where taking it in would have its
		// labels stand less evenly: bimodal's losses at 120×40 read 3, 2, 1 three rows
		// apart, their 0 left out, which would stand two rows under 1.
		if below := math.Floor(dlo/c.step) * c.step; rows >= 8 && same(lo, dlo) && !tick(lo) && dlo-below < half*(1-1e-9) && evenness(below, hi, rows, c.step) <= evenness(lo, hi, rows, c.step) {
			t.Errorf("%s: range %g to %g leaves out the tick %g, within half a row of it:\n%s", name, lo, hi, below, out)
		}
		if above := math.Ceil(dhi/c.step) * c.step; rows >= 8 && same(hi, dhi) && !tick(hi) && above-dhi < half*(1-1e-9) && evenness(lo, above, rows, c.step) <= evenness(lo, hi, rows, c.step) {
			t.Errorf("%s: range %g to %g leaves out the tick %g, within half a row of it:\n%s", name, lo, hi, above, out)
		}
		// The labels stand about evenly: their gaps, in rows a step, the same
		// or a row apart at two rows and more, on ten rows or more, where the
		// range is most often the values' own; three of them at least where a
		// round step two rows apart or more leaves three so.
		least, most := math.Inf(1), 0.0
		for i := 1; i < len(got); i++ {
			g := float64(got[i].row-got[i-1].row) / math.Round((got[i-1].v-got[i].v)/c.step)
			least, most = math.Min(least, g), math.Max(most, g)
		}
		if rows >= 10 && most > least && (least < 2 || most-least > 1) {
			t.Errorf("%s: labels %v stand unevenly:\n%s", name, got, out)
		}
		if rows >= 10 && len(got) < 3 {
			for _, s := range roundSteps((dhi - dlo) / (float64(rows) / 2)) {
				if evenness(lo, hi, rows, s) < 2 {
					t.Errorf("%s: labels %v, where a step of %g stands three evenly:\n%s", name, got, s, out)
				}
			}
		}
	}
}

// evenness is how evenly the ticks of step stand on a chart of rows rows
// from lo to hi, the less the more evenly: 0 three or more the same number
// of rows apart or a row apart at three rows and more (3 and 4, 5 and 6),
// 1 three or more 2 and 3 rows apart, else 2 and how many rows their gaps
// differ by over the least (two ticks: 2), and 3 for fewer than two.
func evenness(lo, hi float64, rows int, step float64) float64 {
	ls := labelsAt(lo, hi, rows, step, nil)
	if len(ls) < 2 {
		return 3
	}
	least, most := math.MaxInt, 0
	for i := 1; i < len(ls); i++ {
		g := abs(ls[i].row - ls[i-1].row)
		least, most = min(least, g), max(most, g)
	}
	switch {
	case len(ls) >= 3 && (most == least || most-least == 1 && least >= 3):
		return 0
	case len(ls) >= 3 && most-least == 1 && least == 2:
		return 1
	}
	return 2 + float64(most-least)/float64(max(1, least))
}

// rowLabel is a Y label as a test reads it off a chart: its row and value.
type rowLabel struct {
	row int
	v   float64
}

// checkEvenLabels fails the test unless the chart c drew out with Y
// labels steps (c.step) apart in value, two at least (one on a chart of
// one row), each a tick on its row, and no label on a line's row that does
// not name the line but on a chart of two rows; where even, the same
// number of rows apart and on a third of the rows.
func checkEvenLabels(t *testing.T, name, out string, c *lineChart, refs []refLine, rows int, even bool) []rowLabel {
	t.Helper()
	type label = rowLabel
	var got []label
	for row, l := range strings.Split(out, "\n")[:rows] {
		i := strings.Index(l, "┤")
		if i < 0 {
			continue
		}
		text := strings.TrimSpace(l[:i])
		v, err := strconv.ParseFloat(text, 64)
		if lo, hi := c.ts.ViewMinY(), c.ts.ViewMaxY(); math.Abs(v-math.Min(hi, math.Max(lo, v))) < c.step*1e-9 {
			v = math.Min(hi, math.Max(lo, v)) // a tick at an end of the range, written short
		}
		r, ok := c.row(v)
		for _, f := range []float64{1 - 1e-12, 1 + 1e-12} { // a tick on a row's edge, written short
			if r2, ok2 := c.row(v * f); ok2 && r2 == row {
				r, ok = r2, ok2
			}
		}
		if err != nil || !ok || r != row || math.Abs(math.Remainder(v, c.step)) > c.step*1e-6 {
			t.Errorf("%s: row %d labelled %q, not a tick of step %g on its row:\n%s", name, row, text, c.step, out)
			return got
		}
		for _, r := range refs {
			if rr, _ := c.row(r.y); rr == row && !names(v, r.y, c.step) && rows > 2 {
				t.Errorf("%s: the line at %g is drawn on the row labelled %s:\n%s", name, r.y, text, out)
			}
		}
		got = append(got, label{row, v})
	}
	want := min(rows, 2)
	if even {
		want = min(rows, max(2, rows/3))
	}
	if len(got) < want {
		t.Errorf("%s: %d labels, want %d at least:\n%s", name, len(got), want, out)
	}
	// Each step between two labels spans the same rows, m; a label more
	// steps from the one before stands past a line's rows left unlabelled.
	m := 0
	for i := 1; i < len(got); i++ {
		k := math.Round((got[i-1].v - got[i].v) / c.step) // the steps from the label before
		gap := got[i].row - got[i-1].row
		if d := got[i-1].v - got[i].v; k < 1 || math.Abs(d-c.step*k) > c.step*1e-6 {
			t.Errorf("%s: labels %v, not a step of %g apart:\n%s", name, got, c.step, out)
			return got
		}
		if !even {
			continue
		}
		if m == 0 {
			m = gap / int(k)
		}
		if gap != m*int(k) {
			t.Errorf("%s: labels on rows %v, not evenly spaced:\n%s", name, got, out)
			return got
		}
		for row := got[i-1].row + m; row < got[i].row; row += m {
			if !slices.ContainsFunc(refs, func(r refLine) bool { rr, ok := c.row(r.y); return ok && rr == row }) {
				t.Errorf("%s: labels on rows %v, row %d unlabelled without a line:\n%s", name, got, row, out)
				return got
			}
		}
	}
	return got
}

// TestTrainerChartLabelsEvenlySpaced: the charts of the trainer's band are
// labelled evenly, as TestChartLabelsEvenlySpaced has it, on a screen with a
// short chart: grid's at 80×24 after 100 epochs, whose losses would otherwise
// read 1.0, 0.8, a row without, 0.4.
func TestTrainerChartLabelsEvenlySpaced(t *testing.T) {
	cfg, err := presets.Get("grid")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 100)
	snap.State = session.Paused
	view := ansi.Strip(frame(t, s, snap, 80, 24))
	type label struct {
		row int
		v   float64
	}
	var charts [2][]label // the losses' labels and the moments'
	num := regexp.MustCompile(`(-?[0-9][0-9.e+-]*)┤`)
	for row, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "└") {
			break
		}
		for _, m := range num.FindAllStringSubmatchIndex(l, -1) {
			v, err := strconv.ParseFloat(l[m[2]:m[3]], 64)
			if err != nil {
				t.Fatalf("row %d: label %q: %v", row, l[m[2]:m[3]], err)
			}
			side := 0
			if utf8.RuneCountInString(l[:m[0]]) >= 40 {
				side = 1
			}
			charts[side] = append(charts[side], label{row, v})
		}
	}
	for i, got := range charts {
		if len(got) < 2 {
			t.Errorf("chart %d: labels %v, want two at least:\n%s", i, got, view)
			continue
		}
		for j := 2; j < len(got); j++ {
			if got[j].row-got[j-1].row != got[1].row-got[0].row || math.Abs(got[j-1].v-got[j].v-(got[0].v-got[1].v)) > 1e-9 {
				t.Errorf("chart %d: labels %v, not evenly spaced:\n%s", i, got, view)
				break
			}
		}
	}
}

// TestChartsDrawOnTheirEdgeRows: a chart of the trainer's band draws
// something, a value, a line's end mark or a target's line, on its top row
// and on its bottom row, at every size: a row that draws nothing at an edge
// spends a row on a label alone. ring's 2-D moments at 80×24 after 200
// epochs would read 2, 0, -2 and -4 down a -4 row that drew nothing, and at
// 70×20 after 100 epochs 5 over 0, the 5 row blank. After 100 epochs at
// 80×24 only a step of 2.5 fills them (stepLadder), as it fills the losses
// at 120×40, 1.00 to 0.50 over ten rows. There no round range of even labels
// fills the moments' ten rows, whose -2.5 row had stood blank, nor at
// 200×60 the losses', whose 1.0 and 0.4 rows had: their range is the
// values' own (snap). The 300 epochs of ring it trains take some 90 s under
// the race detector, which has nothing to find in a chart's range, so the
// race pass leaves it to .ci/run's run without it (raceEnabled).
func TestChartsDrawOnTheirEdgeRows(t *testing.T) {
	if raceEnabled {
		t.Skip("300 epochs of ring under -race; .ci/run runs it without -race")
	}
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	type run struct {
		s    *session.Session
		snap session.Snapshot
	}
	runs := map[int]run{}
	for _, tc := range []struct{ epochs, w, h int }{
		{100, 70, 20}, {200, 80, 24}, {100, 80, 24}, {100, 120, 40}, {100, 200, 60},
	} {
		r, ok := runs[tc.epochs]
		if !ok {
			r.s, r.snap = trained(t, cfg, 1, tc.epochs)
			r.snap.State = session.Paused
			runs[tc.epochs] = r
		}
		view := ansi.Strip(frame(t, r.s, r.snap, tc.w, tc.h))
		var lines [][]rune
		for _, l := range strings.Split(view, "\n") {
			lines = append(lines, []rune(l))
		}
		// Each chart stands over its time axis, └ at the foot of its Y axis
		// (│ and ┤ up to its top row) and ─ ┬ ◆ along it to its right edge.
		type chart struct{ top, bottom, axis, end int }
		var charts []chart
		for i, l := range lines {
			for j, c := range l {
				if c != '└' {
					continue
				}
				k := chart{i, i - 1, j, j + 1}
				for k.top > 0 && j < len(lines[k.top-1]) && strings.ContainsRune("│┤", lines[k.top-1][j]) {
					k.top--
				}
				for k.end < len(l) && strings.ContainsRune("─┬◆", l[k.end]) {
					k.end++
				}
				if k.top < i {
					charts = append(charts, k)
				}
			}
		}
		if len(charts) != 2 {
			t.Fatalf("%d epochs at %d×%d: %d charts, not the losses and the moments:\n%s", tc.epochs, tc.w, tc.h, len(charts), view)
		}
		// draws tells whether row draws anything between the chart's axis
		// and its right edge: a braille dot, a line's end mark or a dotted
		// line, not a blank or a label.
		draws := func(row []rune, k chart) bool {
			return slices.ContainsFunc(row[k.axis+1:min(k.end, len(row))], func(c rune) bool {
				return c != '\u2800' && !strings.ContainsRune(" 0123456789.-e+│┤", c)
			})
		}
		for n, k := range charts {
			for _, i := range []int{k.top, k.bottom} {
				if !draws(lines[i], k) {
					t.Errorf("%d epochs at %d×%d: chart %d's row %d draws nothing:\n%s", tc.epochs, tc.w, tc.h, n, i-k.top, view)
				}
			}
		}
	}
}

// TestRowsAgreeWithTheDrawing: the row and the dot a chart places a value on
// (dotOf: its end mark, a reference line, a label) are those ntcharts draws
// the value's line on, for values halfway between two dots, where rounding
// decides, on many ranges and heights. Scaled in one step where ntcharts
// scales in two, the float rounds apart there now and then: a line at
// -0.1017 on a chart of 15 rows from -0.6211 to -0.0690 was drawn on the
// top row and its row said to be the second.
func TestRowsAgreeWithTheDrawing(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	at := func(e int) time.Time { return time.Unix(int64(e), 0) }
	c := newLineChart(series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }})
	for range 3000 {
		rows := 1 + rng.IntN(30)
		lo := rng.Float64()*10 - 5
		hi := lo + math.Pow(10, rng.Float64()*4-2)
		k := rng.IntN(4*rows - 1)
		y := lo + (float64(k)+0.5)/float64(4*rows-1)*(hi-lo)
		c.ts.Resize(30, rows+2)
		c.ts.SetTimeRange(at(1), at(10))
		c.ts.SetYRange(lo, hi)
		c.ts.SetViewTimeAndYRange(at(1), at(10), lo, hi)
		c.ts.ClearAllData()
		for e := 1; e <= 10; e++ {
			c.ts.PushDataSet("1 real", timeserieslinechart.TimePoint{Time: at(e), Value: y})
		}
		c.ts.DrawBrailleAll()
		o, gh := c.ts.Origin(), c.ts.GraphHeight()
		row, sub, ok := c.dotRow(y)
		if !ok {
			t.Fatalf("%d rows of %v to %v: %v off the range", rows, lo, hi, y)
		}
		cell := c.ts.Canvas.Cell(canvas.Point{X: o.X + 5, Y: o.Y - gh + row})
		if cell.Rune < 0x2800 || cell.Rune > 0x28FF || uint8(cell.Rune-0x2800)&(dotBits[0][sub]|dotBits[1][sub]) == 0 {
			t.Errorf("%d rows of %v to %v: %v placed on row %d, dot %d, which draws %q", rows, lo, hi, y, row, sub, cell.Rune)
		}
	}
}

// TestChartIsOfItsPointsAndSize: a line chart draws the same points at the
// same size alike whatever it drew before: drawn after points whose labels
// are wider or narrower, which leave its Y gutter wider or narrower, it
// thins them to the same width and settles on the same range and labels,
// as blog-original's losses at 120×40 do.
func TestChartIsOfItsPointsAndSize(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	rng := rand.New(rand.NewPCG(5, 6))
	chart := func() *lineChart {
		return newLineChart(
			series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
			series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
		)
	}
	walk := func(n int, at, by float64) []session.Point {
		pts := make([]session.Point, n)
		a, b := at, at
		for i := range pts {
			a += by * (rng.Float64() - 0.5)
			b += by * (rng.Float64() - 0.5)
			pts[i] = session.Point{Epoch: i + 1, DReal: a, DFake: b}
		}
		return pts
	}
	differ := 0
	for i := range 300 {
		w, h := 30+rng.IntN(40), 6+rng.IntN(14)
		pts := walk(200+rng.IntN(3000), rng.Float64()*2, 0.05*rng.Float64())
		want := chart().render(pts, 0, nil, w, h)
		for _, before := range [][]session.Point{walk(100, 12345.678, 1), walk(100, 0.5, 1e-4), walk(100, 1, 0.01)} {
			c := chart()
			c.render(before, 0, nil, w, h)
			if got := c.render(pts, 0, nil, w, h); got != want {
				differ++
				if differ <= 3 {
					t.Errorf("case %d at %d×%d: drawn after other points:\n%s\nfresh:\n%s", i, w, h, ansi.Strip(got), ansi.Strip(want))
				}
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d draws of the same points at the same size differ by what was drawn before", differ)
	}
}

// TestChartGutterIsItsLabels: a line chart's Y gutter is as wide as its
// widest label, the graph taking the rest, for many points and sizes: no
// column of the gutter stands blank. Where the wider graph's labels are
// wider than the narrower's, the chart had kept the narrower graph, its
// labels narrower than its gutter: bimodal-1d's losses at 80×24 after
// 1,500 epochs read "5" and "0" in a gutter of three.
func TestChartGutterIsItsLabels(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	rng := rand.New(rand.NewPCG(7, 8))
	blank := 0
	for i := range 600 {
		w, h := 30+rng.IntN(40), 5+rng.IntN(14)
		c := newLineChart(
			series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
			series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
		)
		n, at, by := 50+rng.IntN(3000), math.Pow(10, rng.Float64()*4-2)*(rng.Float64()*4-1), math.Pow(10, rng.Float64()*3-3)
		pts := make([]session.Point, n)
		a, b := at, at
		for j := range pts {
			a += by * math.Abs(at+1) * (rng.Float64() - 0.5)
			b += by * math.Abs(at+1) * (rng.Float64() - 0.5)
			pts[j] = session.Point{Epoch: j + 1, DReal: a, DFake: b}
		}
		out := ansi.Strip(c.render(pts, 0, []refLine{{math.Ln2, styleRef}}, w, h))
		lines := strings.Split(out, "\n")
		gutter := strings.IndexRune(lines[len(lines)-2], '└') // the time axis' row: └ at the foot of the Y axis
		widest := 0
		for _, l := range lines[:len(lines)-2] {
			if j := strings.Index(l, "┤"); j >= 0 {
				widest = max(widest, len(strings.TrimLeft(l[:j], " ")))
			}
		}
		if gutter != widest {
			if blank++; blank <= 3 {
				t.Errorf("case %d at %d×%d: a gutter of %d for labels %d wide:\n%s", i, w, h, gutter, widest, out)
			}
		}
	}
	if blank > 0 {
		t.Errorf("%d charts of 600 with a gutter wider than their labels", blank)
	}
}

// TestChartLaysItsAxisOutOnceWhereUnthinned: a line chart whose points the
// widest graph does not thin lays its Y axis out once, whatever its labels'
// width, as a run's first hundred epochs do: the graph their gutter leaves
// would not thin them either, and the axis laid out for it would be the
// same. Points thinned lay it out again for the narrower graph, as
// TestChartIsOfItsPointsAndSize has it.
func TestChartLaysItsAxisOutOnceWhereUnthinned(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	c := newLineChart(series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }})
	for _, tc := range []struct {
		n    int
		once bool
	}{{60, true}, {3000, false}} {
		pts := make([]session.Point, tc.n)
		for i := range pts {
			pts[i] = session.Point{Epoch: i + 1, DReal: 0.3 + 0.4*float64(i%7)/6}
		}
		before := c.layouts
		out := ansi.Strip(c.render(pts, 0, nil, 40, 10))
		if c.labelW < 2 {
			t.Fatalf("%d points: labelled a cell wide, where the case wants wider labels:\n%s", tc.n, out)
		}
		if got := c.layouts - before; (got == 1) != tc.once {
			t.Errorf("%d points on a graph of 36 columns or so: the axis laid out %d times, once %v", tc.n, got, tc.once)
		}
	}
}

// TestChartRoundEndsOnShortCharts: on a chart of fewer than eight rows whose
// range is the values' own (no round range fills its edge rows: snap), the
// range takes in its step's tick within half a row beyond an end where that
// leaves its labels standing as evenly, and leaves it out where taking it in
// would stand them less evenly, counting the ticks whose rows a line takes
// unlabelled. On five rows, 0.00156 to 0.00269 reads 0.0025, 0.0020 and
// 0.0015 two rows apart, 0.0015 taken in 0.00006 below the values, under the
// half row of 0.00011. On six rows, 1,111 to 1,381 with lines at 1,000 and
// 1,257 reads 1200 over 1000, three rows apart: taking in 1,400, 19 above the
// values, under the half row of 32, would draw the line at 1,257 on 1,200's
// row and leave 1400 over 1000 alone, five rows apart. TestChartLabelsEvenlySpaced
// checks the rule on eight rows or more, over random ranges.
func TestChartRoundEndsOnShortCharts(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	for _, tc := range []struct {
		rows   int
		a, b   float64
		lines  []float64
		lo, hi float64
		labels []string // top down
	}{
		{5, 0.001559049569085052, 0.0026934636599946623, nil, 0.0015, 0.0026934636599946623, []string{"0.0025", "0.0020", "0.0015"}},
		{6, 1111.1779694695479, 1381.0878542898404, []float64{1000, 1257.393495769025}, 1000, 1381.0878542898404, []string{"1200", "1000"}},
	} {
		var pts []session.Point
		for e := 1; e <= 60; e++ {
			f := float64(e-1) / 59
			pts = append(pts, session.Point{Epoch: e, DReal: tc.a + (tc.b-tc.a)*f, DFake: tc.b - (tc.b-tc.a)*f*f})
		}
		var refs []refLine
		for _, y := range tc.lines {
			refs = append(refs, refLine{y, styleTarget})
		}
		c := newLineChart(
			series{"1 real", markDReal, styleDReal, func(p session.Point) float64 { return p.DReal }},
			series{"2 fake", markDFake, styleDFake, func(p session.Point) float64 { return p.DFake }},
		)
		out := ansi.Strip(c.render(pts, 0, refs, 40, tc.rows+2))
		var got []string
		for _, l := range strings.Split(out, "\n")[:tc.rows] {
			if i := strings.Index(l, "┤"); i >= 0 {
				got = append(got, strings.TrimSpace(l[:i]))
			}
		}
		lo, hi := c.ts.ViewMinY(), c.ts.ViewMaxY()
		if math.Abs(lo-tc.lo) > 1e-12*math.Abs(tc.lo) || math.Abs(hi-tc.hi) > 1e-12*math.Abs(tc.hi) || !slices.Equal(got, tc.labels) {
			t.Errorf("%d rows of %g to %g, lines at %v: range %g to %g labelled %q, want %g to %g labelled %q:\n%s",
				tc.rows, tc.a, tc.b, tc.lines, lo, hi, got, tc.lo, tc.hi, tc.labels, out)
		}
	}
}

// TestCanvasRunsKeepTheirWholeStyle: canvasView joins two cells into one
// styled run only where their styles are the same in everything drawn. Two
// cells of one foreground but different backgrounds, as inked draws yellow
// and green behind the same dark text in 16 colours on a light terminal, or
// differing in italic, underline or reverse alone, are drawn each in its
// own style; two cells of equal styles, built apart, still join.
func TestCanvasRunsKeepTheirWholeStyle(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	base := func() lipgloss.Style { return r.NewStyle().Foreground(lipgloss.Color("0")) }
	left := base().Background(lipgloss.Color("3"))
	for _, tc := range []struct {
		name  string
		right lipgloss.Style
		join  bool
	}{
		{"background", base().Background(lipgloss.Color("2")), false},
		{"italic", left.Italic(true), false},
		{"underline", left.Underline(true), false},
		{"reverse", left.Reverse(true), false},
		{"none", base().Background(lipgloss.Color("3")), true},
	} {
		cv := canvas.New(3, 1)
		cv.SetCell(canvas.Point{X: 0, Y: 0}, canvas.NewCellWithStyle('a', left))
		cv.SetCell(canvas.Point{X: 1, Y: 0}, canvas.NewCellWithStyle('b', tc.right))
		want := left.Render("a") + tc.right.Render("b") + " "
		if tc.join {
			want = left.Render("ab") + " "
		}
		if got := canvasView(&cv); got != want {
			t.Errorf("cells differing in %s: canvasView gives %q, want %q", tc.name, got, want)
		}
	}
}
