// Package numtext writes numbers, and the labels they are read with, as
// ganui's screen, lines, outlines and figures read them: counts grouped
// (FormatInt), things counted in the singular for one (Count), exponents short (ShortExp), a design's settings in their
// fewest digits (FormatFloat), and in plain ones where a message refuses one
// (Given), a measured value in so many (Digits), a
// measure in one rule of three decimals wherever it is printed (Measure),
// a figure of a line in bounded width (Figure), a rate in
// significant digits under 10 (Rate), and on the screen plainly
// where it is short (Plainly), a share in percent (Percent), a value set
// beside the line it is read against on its side of it (Beside,
// PercentBeside, Side), labels kept with their values (Together).
// It is shared by engine (a design's outline), session (the
// diagnosis, the events, the remedies, a runaway's description), presets
// (their descriptions and sources), figure (titles and captions), tui
// (legends, axes, the glossary), which uses engine for its types only,
// and main (the listing of presets, the error lines).
package numtext

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ShortExp writes the exponent of a number strconv.FormatFloat wrote as
// the screen writes it: no plus sign, no leading zeros (6.495e+09 →
// 6.495e9, 5e-05 → 5e-5); a number without one is returned as it is.
func ShortExp(s string) string {
	mant, exp, ok := strings.Cut(s, "e")
	if !ok {
		return s
	}
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	if exp = strings.TrimLeft(exp[1:], "0"); exp == "" {
		exp = "0"
	}
	return mant + "e" + sign + exp
}

// FormatFloat writes a design's setting as its outline and its remedies
// read it: in the fewest digits that read back as v, the exponent short
// (5e-05 → 5e-5, 0.999, 10).
func FormatFloat(v float64) string { return ShortExp(strconv.FormatFloat(v, 'g', -1, 64)) }

// Given writes a design's setting as a message that refuses it gives it
// back (engine's Validate, "gp: 1000000 out of range: 0 (off) or
// (0,1000]"): in the fewest digits that read back as v, as FormatFloat
// writes them, but in plain digits from 10⁻⁴ up to 10¹⁵, as a user types
// a number (1000000, 1000000.5, 0.001), where FormatFloat wrote 1e6 and
// 1.0000005e6, so that gp=1,000,000 is told its 1000000, the number it
// was and the one its range is written beside ((0,1000]); not grouped,
// as a fraction's range is not, whose comma is its interval's. Outside
// those it is FormatFloat's short exponent form (5e-5, 1e15, 1.2e23):
// more digits than a reader counts, and past what a float64 holds of
// every whole number.
func Given(v float64) string {
	if a := math.Abs(v); a >= 1e-4 && a < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return FormatFloat(v)
}

// Digits writes v in digits significant digits, the exponent short
// (12345 in 3 → 1.23e4, where %.3g wrote 1.23e+04): a measured value in
// a message, a mode's place, a balance.
func Digits(v float64, digits int) string {
	return ShortExp(strconv.FormatFloat(v, 'g', digits, 64))
}

// Plainly writes v in digits significant digits as a reader reads a
// number: in plain digits below 10⁵ (100, 1500, 0.25), where Digits's
// %g writes 100 in 2 as 1e2, and in its short exponent form from
// 10⁵ up or under 10⁻⁴ (2.8e10, 5e-5), which an axis or a legend has
// room for. The screen writes the numbers it measures so: a critic's
// score range, an axis, a mode's place.
func Plainly(v float64, digits int) string {
	s := strconv.FormatFloat(v, 'g', digits, 64)
	if r, err := strconv.ParseFloat(s, 64); err == nil && strings.Contains(s, "e") && math.Abs(r) >= 1e-4 && math.Abs(r) < 1e5 {
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	return ShortExp(s)
}

// FigureWidth is the most characters, a sign aside, that Figure writes a
// value in: a column of them padded to it stands straight whatever the
// values (a sweep's rows).
const FigureWidth = 9

// Figure writes v, a figure of a line, in bounded width: with decimals
// places (wall_s 1.234; epochs_per_s 2500.3, Rate's one decimal from 10
// up, which no other caller takes; a measure in Measure's four)
// while that fits in FigureWidth characters and shows a digit of a value
// not zero; otherwise — a diverged loss of 2.6e31, a penalty of 3e-30 —
// in the exponent form with as many of decimals places as fit (2.5642e31,
// 3.0000e-30, 4.941e-324), which reads back as a number as the plain form
// does; NaN and ±Inf as NaN, +Inf and -Inf. A loss gone to 10³¹, printed
// in its 32 digits, would push every column after it.
func Figure(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', decimals, 64) // NaN, +Inf, -Inf
	}
	a := math.Abs(v)
	if s := strconv.FormatFloat(a, 'f', decimals, 64); len(s) <= FigureWidth && (a == 0 || a >= math.Pow10(-decimals)) {
		return strconv.FormatFloat(v, 'f', decimals, 64)
	}
	for d := decimals; ; d-- {
		s := ShortExp(strconv.FormatFloat(a, 'e', d, 64))
		if len(s) <= FigureWidth || d == 0 {
			return ShortExp(strconv.FormatFloat(v, 'e', d, 64))
		}
	}
}

// Rate writes a rate of a line, epochs_per_s, in bounded width: from 10
// up as Figure writes it in one decimal (2500.3, 12.5), and under 10 in
// three significant digits (2.47, 0.213, 0.0213), where one decimal
// wrote a wide design's 0.213 epochs a second as 0.2, and 0.03 as
// 3.0e-2; 0, a rate not
// measured, as 0.0. Under 10⁻⁵, an epoch in days, it takes the exponent
// form, 1.20e-6.
func Rate(v float64) string {
	a := math.Abs(v)
	if a >= 10 || a == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return Figure(v, 1)
	}
	d := 2 - int(math.Floor(math.Log10(a)))
	if r, _ := strconv.ParseFloat(strconv.FormatFloat(a, 'f', d, 64), 64); r >= math.Pow10(3-d) {
		d-- // rounded up to the next power of ten: 0.9996 reads 1.00, not 1.000
	}
	if d > FigureWidth-2 { // past the plain form's room: 1.20e-6
		return ShortExp(strconv.FormatFloat(v, 'e', 2, 64))
	}
	return Figure(v, max(1, d))
}

// Seconds writes a timing of a line in seconds, train_s and wall_s on
// the final lines, a --seeds summary and a sweep's rows alike: in
// Figure's three decimals (1.207, 0.052, 0.000 for none), and one under
// a millisecond, a run of an epoch or two, in Rate's three significant
// digits (0.000352, 0.0000412), where the three decimals would write it
// 0.000 as a run the clock did not time, and Figure's exponent form
// wrote 3.521e-4 beside its runs' 0.052; under 10⁻⁵ s, past the plain
// form's room, in the exponent form, 4.12e-6. One that rounds to a
// millisecond reads 0.001.
func Seconds(v float64) string {
	if a := math.Abs(v); !(a > 0 && a < 1e-3) { // NaN too
		return Figure(v, 3)
	}
	if s := Rate(v); !strings.HasSuffix(s, "0.00100") {
		return s
	}
	return Figure(math.Copysign(1e-3, v), 3) // 0.0009996, rounded up
}

// Measure writes a measured value as every place ganui prints one reads
// it, the trainer's screen (its legends, its Quality panel, its
// diagnosis, its step notes) and the headless lines, findings and events
// alike, so that one number reads in the same digits on the screen and in
// --headless's lines: in three decimals, whole from 1000, and as Figure
// writes it in four where that form would not say it: from 10⁴ up
// (5.2378e4, 2.8240e10), and where three decimals would write a value
// that is not 0 as 0.000 (2.2411e-6, 0.0003). At most FigureWidth
// characters and a sign.
//
// Three decimals for every measure, as what the samples alone move each
// by shows, so that a fourth decimal is noise wherever ganui prints one:
//
//   - KS, W1 and SW1 of an evaluation's 10,000 samples: KS's 95% bound is
//     1.36/√n ≈ 0.014, and a perfect generator's W1 and SW1 about 0.01 of
//     the target's spread.
//   - The moments of 10,000 samples: the mean's standard error is std/100,
//     the std's about std/141, the skew's √(6/n) ≈ 0.024 and the excess
//     kurtosis's √(24/n) ≈ 0.049; a batch's moments, of 64 or so samples,
//     move by ten times as much.
//   - The losses, D real, D fake, G and a penalty: each of one batch,
//     which moves them from batch to batch by hundredths and more.
//   - Shares: the high-quality share (HQ) and a mode's share of 10,000
//     samples, p, move by √(p(1−p)/n), up to 0.005; the noise use, the
//     share of the samples' variance the noise explains, is read against
//     its floor of 0.05.
//
// The --log CSV keeps every digit, for programs.
func Measure(v float64) string {
	if f := Figure(v, 4); math.Abs(v) >= 1 && strings.Contains(f, "e") {
		return f
	}
	if math.Abs(v) >= 1000 && !math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	s := strconv.FormatFloat(v, 'f', 3, 64)
	if v != 0 && strings.Trim(s, "-0.") == "" {
		return Figure(v, 4)
	}
	return s
}

// Beside writes v, a measure, and what a text reads it against as
// "under", "over", "at" or "within" it, times× line ("KS 0.030, under the
// 95% bound 0.031", "SW1 0.016, within 1.5× the 0.011"), by the one rule
// every value set beside its line is written by, here and in
// PercentBeside: the value reads on its side of the line as written,
// under it where v is under, over where v is over, level with it only
// where the two are equal (Side names that side in words). Each is first written as it is
// anywhere else, here as Measure writes it, and where the two so written
// would read level or the wrong way round, in the fewest further
// decimals that do not, within FigureWidth characters (beyond which they
// are left as Measure writes them): a noise use of 0.0499 reads "0.0499,
// under 0.05", where three decimals would read "0.050, under 0.05", and
// a KS of 0.0302 under a bound of 0.0304 "0.0302" under "0.0304", where
// both would read 0.030. The multiple times, which a text names ("1.5×
// the 0.011"), is written so too, in the fewest of two significant
// digits or more that do: 1.5 as "1.5", and the 1.798… of KS's 99%
// bound over its 95% as "1.8" where the value reads on its side of 1.8×
// the line as written, else in more, "SW1 0.0090, over 1.798× the
// 0.0050", never "SW1 0.009, over 1.8× the 0.005"; 1 where the text
// names line alone. A line written exactly in Measure's decimals (0.05,
// 0.5) reads the same however it is written, so a text may give such a
// line in its own fewest digits and take only the value from here. NaN
// and ±Inf are written as Measure writes them.
func Beside(v, times, line float64) (value, multiple, bound string) {
	value, bound = Measure(v), Measure(line)
	if math.IsNaN(v) || math.IsInf(v, 0) || math.IsNaN(line) || math.IsInf(line, 0) {
		return value, Digits(times, 2), bound
	}
	for d := 3; ; d++ {
		for digits := 2; digits <= d; digits++ { // the multiple in as many digits as the value's decimals, at most
			if multiple = Digits(times, digits); readsBeside(v, times*line, value, multiple, bound) {
				return value, multiple, bound
			}
		}
		nv, nl := strconv.FormatFloat(v, 'f', d+1, 64), strconv.FormatFloat(line, 'f', d+1, 64)
		if len(strings.TrimPrefix(nv, "-")) > FigureWidth || len(strings.TrimPrefix(nl, "-")) > FigureWidth {
			return Measure(v), Digits(times, 2), Measure(line)
		}
		value, bound = nv, nl
	}
}

// readsBeside tells whether value, written beside multiple× bound, reads
// on v's side of line, the two as they are: Beside's rule. A form that is
// no number reads as it must.
func readsBeside(v, line float64, value, multiple, bound string) bool {
	read, err1 := strconv.ParseFloat(value, 64)
	times, err2 := strconv.ParseFloat(multiple, 64)
	at, err3 := strconv.ParseFloat(bound, 64)
	return err1 != nil || err2 != nil || err3 != nil || side(read, times*at) == side(v, line)
}

// Side is the word for v's side of times× line by which Beside writes
// the two: "under", "at" where they are equal, "over". A text that says
// which side of its line a value lies on takes its word from here, not
// from the comparison that set it apart, so that a noise use of exactly
// 0.05 reads "0.050 at 0.05", not "0.050 over 0.05", where the
// diagnosis's test, under 0.05, leaves it.
func Side(v, times, line float64) string {
	switch side(v, times*line) {
	case -1:
		return "under"
	case 0:
		return "at"
	}
	return "over"
}

// Percent writes a share as a percentage: whole percents, and for a
// share that is neither none nor all but rounds to one of them, the
// digits that keep it off 0% and 100% (one sample in 2,500 is 0.04%, all
// but one 99.96%, 50 samples in 10,000 0.5%, not 0%, as %.0f's half
// rounding to even would write it). A ratio past all (a spread's, 150%)
// or under none is written by the lines' rule (Figure), bounded however
// far a run has gone off (1e32%, where %.0f would write 33 digits), and
// NaN as NaN%, not >99.999999%.
func Percent(x float64) string {
	if math.IsNaN(x) || x <= 0 || x >= 1 {
		return Figure(100*x, 0) + "%"
	}
	for d := 0; d <= 6; d++ { // the fewest decimals that keep it off 0 and 100
		s := strconv.FormatFloat(100*x, 'f', d, 64)
		if v, _ := strconv.ParseFloat(s, 64); v > 0 && v < 100 {
			return s + "%"
		}
	}
	if x < 0.5 {
		return "<0.000001%"
	}
	return ">99.999999%"
}

// PercentBeside writes the share x as Percent does, by Beside's rule
// beside each of lines, shares that the text writes itself in its own
// digits (25%, 10%) or judges x by unwritten (half a mode's due): a
// high-quality share of 24.96% reads "24.96%, under 25%", not "25%,
// under 25%", one of 25.3% over it "25.3%", and 0.96% of the samples on
// a mode, under the 1% that counts it missing, "0.96%", not "1%". Its
// further decimals stop at six.
func PercentBeside(x float64, lines ...float64) string {
	s := Percent(x)
	for d := 1; d <= 6 && !percentReads(x, s, lines); d++ {
		s = strconv.FormatFloat(100*x, 'f', d, 64) + "%"
	}
	return s
}

// percentReads tells whether s, the share x in percent, reads on x's
// side of each of lines: Beside's rule.
func percentReads(x float64, s string, lines []float64) bool {
	read, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	if err != nil || math.IsNaN(x) {
		return true
	}
	for _, line := range lines {
		if side(read, 100*line) != side(x, line) {
			return false
		}
	}
	return true
}

// side is −1 where v is under line, 1 where over, 0 where the two are
// equal to within a rounding of the product that makes line (1.5×0.010
// is 0.015, 100×0.15 is 15.000000000000002).
func side(v, line float64) int {
	switch d := v - line; {
	case math.Abs(d) <= 1e-12*math.Max(1, math.Abs(line)):
		return 0
	case d < 0:
		return -1
	}
	return 1
}

// NBSP is the non-breaking space, U+00A0: the screen's wrapping does not
// break a line at it, and a terminal draws it as a space.
const NBSP = "\u00a0"

// List joins items as a sentence lists them, the last after conj ("and",
// "or"): "a", "a and b", "a, b and c".
func List(items []string, conj string) string {
	n := len(items)
	if n < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:n-1], ", ") + " " + conj + " " + items[n-1]
}

// Together writes s with its spaces non-breaking, for a label and the
// value a reader needs with it — "mode 1 at (2, 0)", "lr 5e-4" — which
// the screen's wrapping then keeps on one line, not "mode 1 at" at the
// end of one line and "(2, 0)" at the start of the next.
func Together(s string) string { return strings.ReplaceAll(s, " ", NBSP) }

// Plain writes the non-breaking spaces of s as plain ones, for text that
// is not wrapped, a line of its own: a headless line, a listing, a preset
// file, in which they would be searched for as spaces, or quoted as
// \u00a0.
func Plain(s string) string { return strings.ReplaceAll(s, NBSP, " ") }

// Range writes the whole numbers lo to hi as an error gives a range,
// each grouped as FormatInt groups it (100..10,000,000): a range written
// in bare digits would stand beside a grouped default ("out of range
// 100..10000000 (default 10,000)").
func Range[T ~int | ~uint64](lo, hi T) string {
	return grouped(fmt.Sprint(lo)) + ".." + grouped(fmt.Sprint(hi))
}

// FormatInt writes a count as a reader reads one, its thousands grouped
// (12,345), wherever the screen or --list-presets shows it: the design's
// outline said "5000 epochs" under a header's "5,000". Text a program
// reads (a preset file, the CSV, key=value lines) writes digits alone.
func FormatInt(n int) string { return grouped(strconv.Itoa(n)) }

// Count writes n things as a reader reads them, the count grouped as
// FormatInt groups it and the noun in the singular for one: "1 epoch",
// "1,500 epochs", "1 critic step". thing is the singular, and its plural
// is it with an s, as every count ganui writes takes it, so that a count
// of 1 never reads "done: 1 epochs" or "1 of 1 seeds diverged".
func Count[T ~int | ~int64 | ~uint64](n T, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return grouped(fmt.Sprint(n)) + " " + thing + "s"
}

// All says every one of n things, as a sentence says it: "both" for two,
// where "all 2 diverged" reads as a form filled in, and "all 3" (grouped
// as FormatInt groups it) for more.
func All(n int) string {
	if n == 2 {
		return "both"
	}
	return "all " + FormatInt(n)
}

// CountIn writes v, a count or a rate of one no less than 0, in at most
// width columns where it can: rounded to a whole number and grouped as
// FormatInt groups it ("99,999") while that takes at most width columns,
// and otherwise in the short exponent form --epochs takes, in as many of
// three significant digits as fit ("1.23e5", "1e9", "1.2e19"), so that a
// rate that grows past its room, or a plan of a billion epochs, stays
// within the room a line keeps for it (6 columns hold every float64);
// +Inf as "∞". A count is written so only where a line keeps it a room
// (the trainer's header), never where a program reads it.
func CountIn(v float64, width int) string {
	if math.IsInf(v, 1) {
		return "∞"
	}
	if r := math.Round(v); r < 1e15 { // a whole number a float64 holds exactly, and an int64
		if s := grouped(strconv.FormatFloat(r, 'f', 0, 64)); len(s) <= width {
			return s
		}
	}
	s := ShortExp(strconv.FormatFloat(v, 'g', 3, 64))
	for d := 2; d > 0 && len(s) > width; d-- {
		s = ShortExp(strconv.FormatFloat(v, 'g', d, 64))
	}
	return s
}

// FormatUint is FormatInt for a count no int holds: a seed.
func FormatUint(n uint64) string { return grouped(strconv.FormatUint(n, 10)) }

// Grouped is s, the digits of a whole number after an optional '-', its
// thousands grouped, for a number no uint64 holds (a count past 2⁶⁴
// given to a flag).
func Grouped(s string) string { return grouped(s) }

// grouped is s, the digits of a whole number after an optional '-', its
// thousands grouped.
func grouped(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
