package tui

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/ganui/ganui/engine"
)

// Glyphs of the histogram plot.
var (
	eighths    = [...]rune{' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'}
	expGlyphs  = [...]rune{'_', '─', '‾'}      // expected count: low, middle, high third of a cell
	dotGlyphs  = [...]rune{'⡀', '⠄', '⠂', '⠁'} // D(x): four dot heights per cell, bottom first
	axisGutter = 5                             // left gutter for the count scale
)

// histPlot draws a histogram as vertical bars, one column per bin and rows
// lines high: generated counts as bars, the target's expected counts as a
// line through them, and D(x) (0 at the bottom, 1 at the top) as dots when
// curve is not nil. It returns rows lines of the plot plus one line of
// x-axis labels, each exactly width cells wide.
//
// When the histogram has a different number of bins than there are columns
// (for a moment after a resize), each column shows its nearest bin.
func histPlot(h engine.Histogram, curve []float64, width, rows int) []string {
	cols := width - axisGutter
	rows = max(1, rows)
	if cols < 1 || len(h.Counts) == 0 {
		return blankLines(width, rows+1)
	}
	bin := func(c int) int { return min(len(h.Counts)-1, c*len(h.Counts)/cols) }

	top := 1.0
	for i, n := range h.Counts {
		top = math.Max(top, math.Max(float64(n), h.Expected[i]))
	}
	top *= 1.05

	type cell struct {
		r     rune
		style *lipgloss.Style
	}
	grid := make([][]cell, rows)
	for r := range grid {
		grid[r] = make([]cell, cols)
	}
	for c := range cols {
		b := bin(c)
		bar := int(math.Round(float64(h.Counts[b]) / top * float64(rows*8)))
		for r := range rows {
			level := rows - 1 - r // 0 is the bottom row
			if fill := bar - level*8; fill > 0 {
				grid[r][c] = cell{eighths[min(8, fill)], &styleBar}
			}
		}
		if e := h.Expected[b] / top * float64(rows); e >= 0 {
			level := min(rows-1, int(e))
			third := min(2, int((e-float64(level))*3))
			grid[rows-1-level][c] = cell{expGlyphs[third], &styleExp}
		}
		if curve != nil {
			d := curve[min(len(curve)-1, c*len(curve)/cols)]
			if !math.IsNaN(d) {
				d = math.Min(1, math.Max(0, d)) * float64(rows)
				level := min(rows-1, int(d))
				quarter := min(3, int((d-float64(level))*4))
				grid[rows-1-level][c] = cell{dotGlyphs[quarter], &styleCurve}
			}
		}
	}

	lines := make([]string, 0, rows+1)
	var sb strings.Builder
	for r, row := range grid {
		sb.Reset()
		label := ""
		switch r {
		case 0:
			label = compact(top)
		case rows - 1:
			label = "0"
		}
		sb.WriteString(styleMuted.Render(padLeft(label, axisGutter-1) + " "))
		// Render runs of one style at once: far cheaper than a call per cell.
		for i := 0; i < len(row); {
			j := i
			var run strings.Builder
			for j < len(row) && row[j].style == row[i].style {
				ch := row[j].r
				if ch == 0 {
					ch = ' '
				}
				run.WriteRune(ch)
				j++
			}
			if row[i].style == nil {
				sb.WriteString(run.String())
			} else {
				sb.WriteString(row[i].style.Render(run.String()))
			}
			i = j
		}
		lines = append(lines, sb.String())
	}
	lines = append(lines, styleMuted.Render(strings.Repeat(" ", axisGutter)+xLabels(h.Lo, h.Hi, cols)))
	return lines
}

// xLabels places tick values under the plot at round steps of x.
func xLabels(lo, hi float64, cols int) string {
	line := []rune(strings.Repeat(" ", cols))
	step := niceStep((hi - lo) / math.Max(1, float64(cols)/8))
	last := -1 // last column written, to keep labels apart
	for x := math.Ceil(lo/step) * step; x <= hi; x += step {
		s := strconv.FormatFloat(cleanZero(roundTo(x, step)), 'f', -1, 64)
		c := int(math.Round((x - lo) / (hi - lo) * float64(cols-1)))
		start := c - len(s)/2
		if start <= last || start < 0 || start+len(s) > cols {
			continue
		}
		copy(line[start:], []rune(s))
		last = start + len(s)
	}
	return string(line)
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if !(raw > 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range [...]float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// roundTo removes float noise from a multiple of step (0.30000000000000004).
func roundTo(x, step float64) float64 {
	d := math.Max(0, -math.Floor(math.Log10(step))+1)
	p := math.Pow(10, d)
	return math.Round(x*p) / p
}

func padLeft(s string, w int) string {
	if n := lipgloss.Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

func blankLines(w, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Repeat(" ", max(0, w))
	}
	return out
}
