package session

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
)

func TestStepLR(t *testing.T) {
	cases := []struct {
		lr   float64
		dir  int
		want float64
	}{
		{1e-3, +1, 2e-3},
		{1e-3, -1, 5e-4},
		{2e-3, +1, 5e-3},
		{5e-3, +1, 1e-2},
		{5e-4, -1, 2e-4},
		{2e-4, -1, 1e-4},
		{2e-4, +1, 5e-4},
		{3e-4, +1, 5e-4}, // off the ladder: snaps to the next value up
		{3e-4, -1, 2e-4}, // … or down
		{1.5e-4, +1, 2e-4},
		{9e-3, +1, 1e-2},
		{0.5, +1, 1},
		{5, +1, 10},
		{10, +1, 10}, // the engine's maximum
		{7, +1, 10},
		{MinLR, -1, MinLR},
		{2e-6, -1, MinLR},
		// Below the ladder's floor (--set d_lr=1e-8): ← leaves it, → climbs the
		// ladder from it. ← does not raise it to MinLR.
		{1e-8, -1, 1e-8},
		{1e-8, +1, 2e-8},
		{3e-7, -1, 3e-7},
		{3e-7, +1, 5e-7},
	}
	for _, c := range cases {
		if got := stepLR(c.lr, c.dir); got != c.want {
			t.Errorf("stepLR(%g, %+d) = %g, want %g", c.lr, c.dir, got, c.want)
		}
	}
	// Up then down returns to a ladder value exactly.
	for _, lr := range []float64{1e-5, 2e-5, 5e-5, 1e-4, 1e-3, 0.2, 1} {
		if got := stepLR(stepLR(lr, +1), -1); got != lr {
			t.Errorf("up then down from %g gives %g", lr, got)
		}
	}
}

func TestStepCountAndSpeed(t *testing.T) {
	if stepCount(1, -1) != 1 || stepCount(5, +1) != 6 || stepCount(100, +1) != 100 {
		t.Error("step counts must move by 1 within 1..100")
	}
	for _, c := range []struct {
		from float64
		dir  int
		want float64
	}{
		{0, +1, 0}, {0, -1, MaxSpeed}, {MaxSpeed, +1, 0}, {200, +1, 500}, {200, -1, 100},
		{1, -1, 1}, {2, -1, 1}, {170, +1, 200}, {170, -1, 100},
	} {
		if got := stepSpeed(c.from, c.dir); got != c.want {
			t.Errorf("stepSpeed(%g, %d) = %g, want %g", c.from, c.dir, got, c.want)
		}
	}
	if SpeedText(0) != "full" || SpeedText(200) != "200/s" || SpeedText(1) != "1/s" {
		t.Errorf("speed names: %q, %q", SpeedText(0), SpeedText(200))
	}
}

// TestWatchSpeed: a run starts at the slowest ladder pace at which its
// plan would take at most WatchSeconds, as --help and the README say —
// never longer than that, never full speed for a plan that fits, full
// speed for a plan over MaxSpeed·WatchSeconds epochs, which none fits.
func TestWatchSpeed(t *testing.T) {
	for planned, want := range map[int]float64{5000: 200, 6000: 200, 3000: 100, 30: 1, 10: 1, 30_000: 1000, 1_000_000: 50_000, 3_000_000: MaxSpeed, 3_000_001: 0, 10_000_000: 0} {
		if got := watchSpeed(planned); got != want {
			t.Errorf("watchSpeed(%d) = %g, want %g", planned, got, want)
		}
	}
	for planned := 1; planned <= 4_000_000; planned = planned*11/10 + 1 {
		pace := watchSpeed(planned)
		switch secs := float64(planned) / pace; {
		case pace == 0:
			if planned <= MaxSpeed*WatchSeconds {
				t.Errorf("%d epochs: full speed, though %d/s fits", planned, MaxSpeed)
			}
		case secs > WatchSeconds:
			t.Errorf("%d epochs at %g/s take %g s, over %d", planned, pace, secs, WatchSeconds)
		case pace > MinSpeed && float64(planned)/stepSpeed(pace, -1) <= WatchSeconds:
			t.Errorf("%d epochs at %g/s: the slower %g/s fits too", planned, pace, stepSpeed(pace, -1))
		}
	}
}

func TestParseSpeed(t *testing.T) {
	for in, want := range map[string]float64{"full": 0, "200": 200, "200/s": 200, "1": 1, "2.5e2/s": 250} {
		if got, err := ParseSpeed(in); err != nil || got != want {
			t.Errorf("ParseSpeed(%q) = %g, %v", in, got, err)
		}
	}
	// A number out of range is put as --epochs' is (out of range lo..hi),
	// anything else as not a number, with the range it could have been.
	for bad, want := range map[string]string{
		"":     `"" is not full or a number of epochs a second; allowed: 1..100,000`,
		"fast": `"fast" is not full or a number of epochs a second; allowed: 1..100,000`,
		"NaN":  `"NaN" is not full or a number of epochs a second; allowed: 1..100,000`,
		// Written as Go, a paper or another script writes a number, told
		// the number to write (engine.GoNumberForm), as --epochs is.
		"0x10":      `"0x10" is hexadecimal; write it in decimal: 16`,
		"1_00":      `"1_00" has underscores; write it without them: 100`,
		"\u22125":   `"−5" has a minus sign −, and -5 out of range 1..100,000 epochs a second (or full)`,
		"1e\u22121": `"1e−1" has a minus sign −, and 1e-1 out of range 1..100,000 epochs a second (or full)`,
		"٢٠٠/s":     `"٢٠٠/s" has digits of another script; write it in plain digits: 200/s`,
		"５":         `"５" has full-width digits; write it in plain digits: 5`,
		// Commas between groups of three digits, as --epochs 10,000 is
		// told, where it was "not full or a number".
		"10,000":    `"10,000" has commas; write it without them: 10000`,
		"10,000/s":  `"10,000/s" has commas; write it without them: 10000/s`,
		"1,000,000": `"1,000,000" has commas, and 1000000 out of range 1..100,000 epochs a second (or full)`,
		"2,5":       `"2,5" is not full or a number of epochs a second; allowed: 1..100,000`,
		"+5":        `"+5" has a + before it; write it without one: 5`, // as --epochs +5 is
		"+5/s":      `"+5" has a + before it; write it without one: 5`,
		"+0":        `"+0" has a + before it, and 0 out of range 1..100,000 epochs a second (or full)`, // both at once
		" 5":        `" 5" is not full or a number of epochs a second; allowed: 1..100,000`,
		"5 ":        `"5 " is not full or a number of epochs a second; allowed: 1..100,000`,
		" full":     `" full" is not full or a number of epochs a second; allowed: 1..100,000`,
		"5 /s":      `"5 /s" is not full or a number of epochs a second; allowed: 1..100,000`,
		"0":         "0 out of range 1..100,000 epochs a second (or full)",
		"-3":        "-3 out of range 1..100,000 epochs a second (or full)",
		"0.5":       "0.5 out of range 1..100,000 epochs a second (or full)",
		"1e9":       "1e9 out of range 1..100,000 epochs a second (or full)",
		"1e999":     "1e999 out of range 1..100,000 epochs a second (or full)",
	} {
		if _, err := ParseSpeed(bad); err == nil || err.Error() != want {
			t.Errorf("ParseSpeed(%q): %v, want %s", bad, err, want)
		}
	}
}

// FuzzParseSpeed: a pace is full or a rate in MinSpeed..MaxSpeed, written
// plainly (engine.PlainNumber, no spaces); the screen's text of it reads
// back as it, its thousands' commas aside; anything else is refused with
// a message that quotes the text, or puts it with the range. The text is
// what was given or, for a rate given in "/s", that rate alone (the +
// of "+5/s" is told of "+5"), a long one quoted cut to its first 40
// characters and "…", as engine.PlusSign quotes it.
func FuzzParseSpeed(f *testing.F) {
	for _, s := range []string{"full", "200", "200/s", "2.5e2/s", "0.5", "1e999", "NaN", "Inf", "-0", "0x10", "1_000", "+5", " 5", "5/s/s", "/s", "1e5", "100000.0000001",
		"+5/s", "+" + strings.Repeat("1", 50), "10,000", "1,000,000/s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseSpeed(s)
		if err != nil {
			msg := err.Error()
			puts := func(text string) bool {
				r := []rune(text)
				return strings.Contains(msg, strconv.Quote(text)) || len(r) > 40 && strings.Contains(msg, strconv.Quote(string(r[:40])+"…")) ||
					strings.HasPrefix(msg, text+" out of range")
			}
			if strings.Contains(msg, "\n") || !puts(s) && !puts(strings.TrimSuffix(s, "/s")) {
				t.Fatalf("ParseSpeed(%q): %q does not put the text given", s, msg)
			}
			return
		}
		if s == "full" {
			if v != 0 {
				t.Fatalf("full is %g", v)
			}
			return
		}
		if !(v >= MinSpeed && v <= MaxSpeed) || !engine.PlainNumber(s) || strings.TrimSpace(s) != s {
			t.Fatalf("ParseSpeed(%q) = %g", s, v)
		}
		text := strings.ReplaceAll(SpeedText(v), ",", "")
		if again, err := ParseSpeed(text); err != nil || again != v {
			t.Fatalf("ParseSpeed(%q) = %g, shown as %s, which reads back as %g, %v", s, v, SpeedText(v), again, err)
		}
	})
}

// TestRateTextFitsItsRoom: a measured rate's number takes at most
// RateWidth columns, the room the header keeps, for every rate from 0 to
// +Inf, and reads as the rate it is: 123,456 ep/s as "1.23e5", a rate
// past an int64's 9.2×10¹⁸ as "1.2e19", not a count gone negative.
func TestRateTextFitsItsRoom(t *testing.T) {
	for _, c := range []struct {
		rate      float64
		num, unit string
	}{
		{0, "0.0", "ep/s"}, {0.04, "25", "s/ep"}, {0.5, "2.0", "s/ep"}, {0.95, "1.1", "s/ep"},
		{0.951, "1.0", "ep/s"}, {0.99, "1.0", "ep/s"}, {1.01, "1.0", "ep/s"}, {2.5, "2.5", "ep/s"}, {951, "951", "ep/s"}, {99_999, "99,999", "ep/s"},
		{123_456, "1.23e5", "ep/s"}, {1.2345e19, "1.2e19", "ep/s"}, {math.MaxFloat64, "2e308", "ep/s"},
		{math.Inf(1), "∞", "ep/s"}, {1e-300, "1e300", "s/ep"}, {5e-324, "∞", "s/ep"},
	} {
		num, unit := RateText(c.rate)
		if num != c.num || unit != c.unit {
			t.Errorf("RateText(%v) = %q %q, want %q %q", c.rate, num, unit, c.num, c.unit)
		}
		if utf8.RuneCountInString(num) > RateWidth {
			t.Errorf("RateText(%v) = %q, wider than RateWidth, %d", c.rate, num, RateWidth)
		}
	}
}
