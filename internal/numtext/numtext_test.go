package numtext

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestShortExp: exponents as the screen writes them, whatever the verb.
func TestShortExp(t *testing.T) {
	for in, want := range map[string]string{
		"6.495e+09": "6.495e9", "5e-05": "5e-5", "1e+21": "1e21", "-2.5e-10": "-2.5e-10",
		"1e+00": "1e0", "0.0005": "0.0005", "12": "12",
	} {
		if got := ShortExp(in); got != want {
			t.Errorf("ShortExp(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFormatInt: counts with their thousands grouped, negatives too.
func TestFormatInt(t *testing.T) {
	for n, want := range map[int]string{
		0: "0", 999: "999", 1000: "1,000", 12345: "12,345", 1234567: "1,234,567", -1500: "-1,500", -999: "-999",
	} {
		if got := FormatInt(n); got != want {
			t.Errorf("FormatInt(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestList: a list as a sentence gives it, no comma before its
// conjunction, whatever the conjunction: none and one item as they are.
func TestList(t *testing.T) {
	for _, c := range []struct {
		items []string
		conj  string
		want  string
	}{
		{nil, "and", ""},
		{[]string{"a"}, "and", "a"},
		{[]string{"a", "b"}, "and", "a and b"},
		{[]string{"a", "b", "c"}, "and", "a, b and c"},
		{[]string{"a", "b", "c", "d"}, "or", "a, b, c or d"},
	} {
		if got := List(c.items, c.conj); got != c.want {
			t.Errorf("List(%q, %q) = %q, want %q", c.items, c.conj, got, c.want)
		}
	}
}

// TestRange: a range's ends grouped as a count is, an int's or a
// uint64's past what an int holds.
// TestCount: one thing in the singular, any other count in the plural,
// grouped as FormatInt groups it.
func TestCount(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{Count(1, "epoch"), "1 epoch"},
		{Count(0, "epoch"), "0 epochs"},
		{Count(2, "seed"), "2 seeds"},
		{Count(1500, "epoch"), "1,500 epochs"},
		{Count(1, "critic step"), "1 critic step"},
		{Count(uint64(1), "byte"), "1 byte"},
		{Count(int64(245134), "byte"), "245,134 bytes"},
		{Count(-1, "step"), "-1 steps"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestRange(t *testing.T) {
	if got := Range(100, 10_000_000); got != "100..10,000,000" {
		t.Errorf("Range(100, 10000000) = %q", got)
	}
	if got := Range(uint64(0), math.MaxUint64); got != "0..18,446,744,073,709,551,615" {
		t.Errorf("Range(0, MaxUint64) = %q", got)
	}
	if got := FormatUint(math.MaxUint64); got != "18,446,744,073,709,551,615" {
		t.Errorf("FormatUint(MaxUint64) = %q", got)
	}
}

// TestFormatFloat: a setting in its fewest digits, its exponent short.
func TestFormatFloat(t *testing.T) {
	for in, want := range map[float64]string{5e-5: "5e-5", 0.999: "0.999", 10: "10", 0.1: "0.1", 1e21: "1e21", -2.5e-10: "-2.5e-10"} {
		if got := FormatFloat(in); got != want {
			t.Errorf("FormatFloat(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestGiven: a setting given back in plain digits from 10⁻⁴ up to 10¹⁵,
// as a user types one, where FormatFloat writes 1e6; in FormatFloat's
// short exponent form outside them.
func TestGiven(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{1e6, "1000000"}, {1000000.5, "1000000.5"}, {-2e6, "-2000000"}, {1.23456789e7, "12345678.9"}, {999999999999999, "999999999999999"},
		{1e15, "1e15"}, {1.2345678901234569e23, "1.2345678901234569e23"}, {0.001, "0.001"}, {1e-4, "0.0001"}, {5e-5, "5e-5"}, {0, "0"}, {10, "10"}, {0.999, "0.999"}} {
		if got := Given(c.v); got != c.want {
			t.Errorf("Given(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestDigits: a value in so many significant digits, its exponent short.
func TestDigits(t *testing.T) {
	for _, c := range []struct {
		v      float64
		digits int
		want   string
	}{{12345, 3, "1.23e4"}, {6.4951e9, 4, "6.495e9"}, {0.5, 3, "0.5"}, {-3.14159, 3, "-3.14"}, {1.5e-5, 3, "1.5e-5"}} {
		if got := Digits(c.v, c.digits); got != c.want {
			t.Errorf("Digits(%v, %d) = %q, want %q", c.v, c.digits, got, c.want)
		}
	}
}

// TestPlainly: a measured value as the screen writes it: plain digits below 10⁵
// (100, not Digits's 1e2, so that a critic's score range does not read "0.27 to
// 1e2"), the short exponent from there up and under 10⁻⁴.
func TestPlainly(t *testing.T) {
	for _, c := range []struct {
		v      float64
		digits int
		want   string
	}{{100, 2, "100"}, {-150, 2, "-150"}, {1234, 2, "1200"}, {12345, 3, "12300"}, {99999, 2, "1e5"}, {123456, 3, "1.23e5"},
		{6.4951e9, 4, "6.495e9"}, {0.5, 3, "0.5"}, {-3.14159, 3, "-3.14"}, {1.5e-5, 3, "1.5e-5"}, {0.00012, 2, "0.00012"}, {0, 2, "0"}} {
		if got := Plainly(c.v, c.digits); got != c.want {
			t.Errorf("Plainly(%v, %d) = %q, want %q", c.v, c.digits, got, c.want)
		}
	}
}

// TestRateSignificant: a rate under 10 keeps three significant digits,
// where one decimal wrote a wide design's 0.213 epochs a second as 0.2;
// from 10 up it reads as Figure's one decimal, and 0 as 0.0.
func TestRateSignificant(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0.2134, "0.213"},
		{0.03, "0.0300"},
		{2.4712, "2.47"},
		{9.87, "9.87"},
		{9.996, "10.0"},
		{0.9996, "1.00"},
		{0.0999, "0.0999"},
		{1.2e-5, "0.0000120"},
		{1.2e-6, "1.20e-6"},
		{2.8e-4, "0.000280"}, // docs/command-line.md's
		{2.8e-6, "2.80e-6"},
		{12.5, "12.5"},
		{2500.34, "2500.3"},
		{0, "0.0"},
		{math.NaN(), "NaN"},
	} {
		if got := Rate(c.v); got != c.want {
			t.Errorf("Rate(%g) = %s, want %s", c.v, got, c.want)
		}
	}
}

// TestSecondsInDecimals: a timing reads in three decimals, and one under
// a millisecond in three significant digits, plain, where Figure wrote
// 9.154e-4; only 0 reads 0.000, and past the plain form's room, under
// 10⁻⁵ s, the exponent form.
func TestSecondsInDecimals(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0.000"},
		{1.2071, "1.207"},
		{0.052, "0.052"},
		{0.001, "0.001"},
		{9.154e-4, "0.000915"},
		{0.0009996, "0.001"},
		{3e-4, "0.000300"},
		{9.9996e-5, "0.000100"},
		{4.12e-5, "0.0000412"},
		{4.12e-6, "4.12e-6"},
		{1207.3, "1207.300"},
		{math.NaN(), "NaN"},
	} {
		if got := Seconds(c.v); got != c.want {
			t.Errorf("Seconds(%g) = %s, want %s", c.v, got, c.want)
		}
	}
}

// TestFigureBounded: Figure writes a value of ordinary size to its decimals
// (a measure's four where Measure takes them, a timing's three, a rate's
// one from 10 up where Rate takes it), and any other in at most
// FigureWidth characters, a sign aside, that read back as the value: a
// diverged G loss is not printed as g=25641863068496750607904960151552.0000.
func TestFigureBounded(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		want     string
	}{
		{0, 4, "0.0000"},
		{0.016249, 4, "0.0162"},
		{1.48204, 4, "1.4820"},
		{-0.0403, 4, "-0.0403"},
		{12.3456, 4, "12.3456"},
		{9999.99994, 4, "9999.9999"},
		{0.00012, 4, "0.0001"},
		{12345.6, 4, "1.2346e4"},
		{25641863068496750607904960151552, 4, "2.5642e31"},
		{-2.5e31, 4, "-2.5000e31"},
		{3e-5, 4, "3.0000e-5"},
		{1e-30, 4, "1.000e-30"},
		{1e300, 4, "1.000e300"},
		{math.MaxFloat64, 4, "1.798e308"},
		{5e-324, 4, "4.94e-324"},
		{math.NaN(), 4, "NaN"},
		{math.Inf(1), 4, "+Inf"},
		{math.Inf(-1), 4, "-Inf"},
		{2500.34, 1, "2500.3"},
		{12345678.9, 1, "1.2e7"}, // one decimal is Rate's, from 10 up: under 10 it writes 0.0300, not 3.0e-2
		{34.5812, 3, "34.581"},
		{123456.7, 3, "1.235e5"},
	} {
		if got := Figure(c.v, c.decimals); got != c.want {
			t.Errorf("Figure(%g, %d) = %s, want %s", c.v, c.decimals, got, c.want)
		}
	}
	for e := -325; e <= 308; e++ {
		for _, m := range []float64{1, 9.99996, -4.2} {
			v := m * math.Pow(10, float64(e))
			if math.IsInf(v, 0) {
				continue
			}
			for _, d := range []int{1, 3, 4} {
				s := Figure(v, d)
				if len(strings.TrimPrefix(s, "-")) > FigureWidth {
					t.Fatalf("Figure(%g, %d) = %s: wider than %d", v, d, s, FigureWidth)
				}
				back, err := strconv.ParseFloat(s, 64)
				if err != nil || math.Abs(back-v) > math.Abs(v)*1e-2 && math.Abs(back-v) > 0.5*math.Pow10(-d) {
					t.Fatalf("Figure(%g, %d) = %s: reads back as %g (%v)", v, d, s, back, err)
				}
			}
		}
	}
}

// TestCountIn: a count is grouped in full while that fits its width, and
// otherwise in the short exponent form in as many of three digits as fit,
// for every float64 from 0 to +Inf: the room a line keeps for it holds.
func TestCountIn(t *testing.T) {
	for _, c := range []struct {
		v     float64
		width int
		want  string
	}{
		{0, 6, "0"}, {951.4, 6, "951"}, {99_999.4, 6, "99,999"}, {99_999.6, 6, "1e5"}, {123_456, 6, "1.23e5"},
		{99_999_999, 10, "99,999,999"}, {100_000_000, 10, "1e8"}, {987_654_321, 10, "9.88e8"}, {1e9, 10, "1e9"},
		{9.3e18, 6, "9.3e18"}, {1.2345e19, 6, "1.2e19"}, {math.MaxFloat64, 6, "2e308"}, {math.Inf(1), 6, "∞"},
	} {
		if got := CountIn(c.v, c.width); got != c.want {
			t.Errorf("CountIn(%v, %d) = %q, want %q", c.v, c.width, got, c.want)
		}
	}
}

// TestBesideReadsOnItsSide: a value written beside its line reads on the
// side of it that it is on, whatever decimals that takes: Measure's three
// where they tell the two apart, more where they would read alike or the
// wrong way round, within FigureWidth characters; the multiple of the
// line the text names reads so too, "1.8" where that does and "1.798"
// where "1.8" would put the value on the wrong side.
func TestBesideReadsOnItsSide(t *testing.T) {
	const ksLeave = 1.628 / 1.358 // session's: the 99% bound over the 95%
	for _, c := range []struct {
		v, times, line         float64
		value, multiple, bound string
	}{
		{0.0499, 1, 0.05, "0.0499", "1", "0.0500"},                 // noise use just under its floor: not "0.050, under 0.05"
		{0.0501, 1, 0.05, "0.0501", "1", "0.0500"},                 // just over it
		{0.013, 1, 0.05, "0.013", "1", "0.050"},                    // apart in three decimals: as Measure writes them
		{0.0302, 1, 0.0304, "0.0302", "1", "0.0304"},               // KS under its 95% bound, both 0.030 in three
		{0.0306, 1, 0.0304, "0.031", "1", "0.030"},                 // over it: apart in three
		{0.03041, 1, 0.0304, "0.03041", "1", "0.03040"},            // both 0.0304 in four
		{0.0304, 1, 0.0304, "0.030", "1", "0.030"},                 // equal: alike
		{0.05, 1, 0.05, "0.050", "1", "0.050"},                     // a noise use at its floor: level, as it is
		{0.0151, 1.5, 0.0101, "0.0151", "1.5", "0.0101"},           // SW1 under 1.5× its floor, 0.015 and 1.5×0.010 alike in three
		{0.0157, 1.5, 0.0104, "0.016", "1.5", "0.010"},             // over it: 0.016 is over 1.5×0.010
		{0.0927, 3, 0.0306, "0.0927", "3", "0.0306"},               // over 3× a bound: 0.093 and 3×0.031 alike in three
		{0.0102, 1.5 * ksLeave, 0.0056, "0.0102", "1.8", "0.0056"}, // over 1.798× its floor, and over 1.8×0.0056 as written
		// SW1 over 1.798×0.005 = 0.008991 and under 1.8×0.005: "0.009,
		// over 1.8× the 0.005" would read level with its line.
		{0.008995, 1.5 * ksLeave, 0.005, "0.0090", "1.798", "0.0050"},
		{0.49996, 1, 0.5, "0.49996", "1", "0.50000"},
		{0.05 - 1e-9, 1, 0.05, "0.050", "1", "0.050"}, // apart only past FigureWidth: as Measure writes them
		{1e-12, 1, 0, "1.000e-12", "1", "0.000"},
		{math.NaN(), 1, 0.05, "NaN", "1", "0.050"},
		{math.Inf(1), 1, 0.05, "+Inf", "1", "0.050"},
	} {
		value, multiple, bound := Beside(c.v, c.times, c.line)
		if value != c.value || multiple != c.multiple || bound != c.bound {
			t.Errorf("Beside(%g, %g, %g) = %q, %q, %q, want %q, %q, %q", c.v, c.times, c.line, value, multiple, bound, c.value, c.multiple, c.bound)
		}
		if len(strings.TrimPrefix(value, "-")) > FigureWidth || len(bound) > FigureWidth {
			t.Errorf("Beside(%g, %g, %g) = %q, %q: over FigureWidth", c.v, c.times, c.line, value, bound)
		}
	}
}

// TestSideNamesTheSideBesideReads: the word a text gives a value's side
// of its line is the side Beside writes it on, "at" where the two are
// equal (a noise use of 0.050 against 0.05, which is not under it, is
// not over it either), whatever comparison set the two apart.
func TestSideNamesTheSideBesideReads(t *testing.T) {
	for _, c := range []struct {
		v, times, line float64
		want           string
	}{
		{0.0499, 1, 0.05, "under"}, {0.05, 1, 0.05, "at"}, {0.0501, 1, 0.05, "over"},
		{0.015, 1.5, 0.01, "at"}, // 1.5×0.01 is 0.015000000000000001
		{0.016, 1.5, 0.01, "over"},
	} {
		if got := Side(c.v, c.times, c.line); got != c.want {
			t.Errorf("Side(%g, %g, %g) = %q, want %q", c.v, c.times, c.line, got, c.want)
		}
	}
}

// TestPercentBesideReadsOnItsSide: a share in percent beside its lines
// reads by Beside's rule: on its side of each, level only where equal,
// in the fewest further decimals that do.
func TestPercentBesideReadsOnItsSide(t *testing.T) {
	for _, c := range []struct {
		x     float64
		lines []float64
		want  string
	}{
		{0.2496, []float64{0.25}, "24.96%"},      // HQ under 25%: not "25%, under 25%"
		{0.25, []float64{0.25}, "25%"},           // at it: level
		{0.2504, []float64{0.25}, "25.04%"},      // over it: not level, as the blurred modes' "over 25%" asks
		{0.2004, []float64{0.2}, "20.04%"},       // G's spread over 20% of the target's
		{0.0996, []float64{0.1}, "9.96%"},        // collapsed, under 10%
		{0.15, []float64{0.15}, "15%"},           // 100×0.15 is 15.000000000000002: level
		{0.0096, []float64{0.01, 0.25}, "0.96%"}, // a mode under 1%: missing
		{0.3, []float64{0.01, 0.25}, "30%"},      // apart from both in whole percents
		{1e-8, []float64{0.01}, "0.000001%"},     // as Percent writes it
		{math.NaN(), []float64{0.25}, "NaN%"},
	} {
		if got := PercentBeside(c.x, c.lines...); got != c.want {
			t.Errorf("PercentBeside(%g, %v) = %q, want %q", c.x, c.lines, got, c.want)
		}
	}
}

// TestPercentIsBounded: a share or a ratio written as a percentage stays
// short at any magnitude, and NaN reads NaN%.
func TestPercentIsBounded(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0%"}, {0.5, "50%"}, {1, "100%"}, {1.5, "150%"}, {0.0004, "0.04%"}, {0.9996, "99.96%"},
		{1e30, "1e32%"}, {math.Inf(1), "+Inf%"}, {math.NaN(), "NaN%"}, {-1e30, "-1e32%"},
	} {
		if got := Percent(c.x); got != c.want {
			t.Errorf("Percent(%g) = %q, want %q", c.x, got, c.want)
		}
	}
}

// TestPercentNeverAllOrNone: a share that is neither none nor all never prints
// as 0% or 100%, whatever the sample size: 99.995% does not print as 100%, nor
// 1e-8 as 1e-06%.
func TestPercentNeverAllOrNone(t *testing.T) {
	for x, want := range map[float64]string{
		0: "0%", 1: "100%", 0.5: "50%", 0.0004: "0.04%", 0.99995: "99.995%", 0.999999: "99.9999%", 1e-8: "0.000001%", 0.996: "99.6%",
		0.005: "0.5%", 0.995: "99.5%", // a half rounds to even: 0.5 to 0
	} {
		if got := Percent(x); got != want {
			t.Errorf("Percent(%g) = %q, want %q", x, got, want)
		}
	}
}

// TestAll: every one of two is "both", where "all 2 diverged" read as a form
// filled in; of more, "all" and the count, grouped.
func TestAll(t *testing.T) {
	for n, want := range map[int]string{2: "both", 3: "all 3", 1500: "all 1,500"} {
		if got := All(n); got != want {
			t.Errorf("All(%d) = %q, want %q", n, got, want)
		}
	}
}

// FuzzRate: a line's rate, whatever it measures, NaN and the infinities
// aside, reads in at most FigureWidth characters and a sign, as a
// number that reads back within half a unit of its last digit shown:
// three significant digits under 10, where an epoch takes seconds to
// days, and one decimal from 10 up.
func FuzzRate(f *testing.F) {
	for _, v := range []float64{0, math.Copysign(0, -1), 0.213, 0.9996, 9.9996, 9.96, 10, 12.5, 2500.3, 1.2e7, 1e-320, 5e-324, 1.2e-6, 0.0213, 99999.95, math.MaxFloat64, -3.7} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
		s := Rate(v)
		a := s
		if a != "" && a[0] == '-' {
			a = a[1:]
		}
		if len(a) > FigureWidth {
			t.Fatalf("Rate(%g) = %q: %d characters", v, s, len(a))
		}
		r, err := strconv.ParseFloat(s, 64)
		if errors.Is(err, strconv.ErrRange) {
			return // 1.8e308, of the largest float64
		}
		if err != nil {
			t.Fatalf("Rate(%g) = %q: %v", v, s, err)
		}
		if v != 0 && math.Abs(r-v) > 0.051*math.Abs(v)+1e-300 {
			t.Fatalf("Rate(%g) = %q, which reads %g", v, s, r)
		}
		if math.Abs(v) < 10 && v != 0 && math.Abs(r-v) > 0.006*math.Abs(v) {
			t.Fatalf("Rate(%g) = %q, which reads %g: not three significant digits", v, s, r)
		}
	})
}

// FuzzSeconds: a timing reads back as itself, within half of its third
// decimal from a millisecond up and within half of its third significant
// digit under one, where no timing above 0 reads 0.000, and in the plain
// form from 10⁻⁵ s to 10⁴ s, never the exponent form a line's other
// timings are not in.
func FuzzSeconds(f *testing.F) {
	for _, v := range []float64{0, 9.154e-4, 0.0009996, 0.00099949, 9.9996e-5, 1e-5, 9.99951e-6, 4.12e-6, 5e-324, 0.0010004, 1.2071, 9999.9996, 1207.3, -3e-4} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e4 {
			return
		}
		s := Seconds(v)
		r, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("Seconds(%g) = %q: %v", v, s, err)
		}
		a := math.Abs(v)
		switch {
		case a >= 1e-3 && math.Abs(r-v) > 0.0005+1e-12*a:
			t.Fatalf("Seconds(%g) = %q, which reads %g: not to its third decimal", v, s, r)
		case a > 0 && a < 1e-3 && math.Abs(r-v) > 0.005*a+1e-300:
			t.Fatalf("Seconds(%g) = %q, which reads %g: not to three significant digits", v, s, r)
		case a > 0 && r == 0:
			t.Fatalf("Seconds(%g) = %q, a timing above 0 read as none", v, s)
		case a >= 1e-5 && strings.ContainsAny(s, "eE"):
			t.Fatalf("Seconds(%g) = %q, in the exponent form", v, s)
		}
	})
}
