package numtext

import "testing"

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

// TestFormatFloat: a setting in its fewest digits, its exponent short.
func TestFormatFloat(t *testing.T) {
	for in, want := range map[float64]string{5e-5: "5e-5", 0.999: "0.999", 10: "10", 0.1: "0.1", 1e21: "1e21", -2.5e-10: "-2.5e-10"} {
		if got := FormatFloat(in); got != want {
			t.Errorf("FormatFloat(%v) = %q, want %q", in, got, want)
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

// TestPlainly: a measured value as the screen writes it: plain digits
// below 10⁵ (100, not Digits's 1e2: a critic's score range had read
// "0.27 to 1e2"), the short exponent from there up and under 10⁻⁴.
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
