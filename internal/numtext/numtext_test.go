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

// TestFormatLR: learning rates as the 1-2-5 ladder of the settings reads
// them, exact below 0.1.
func TestFormatLR(t *testing.T) {
	for lr, want := range map[float64]string{
		1e-3: "1e-3", 2e-4: "2e-4", 5e-4: "5e-4", 1.5e-4: "1.5e-4", 1e-6: "1e-6",
		0.1: "0.1", 0.5: "0.5", 1: "1", 10: "10",
	} {
		if got := FormatLR(lr); got != want {
			t.Errorf("FormatLR(%g) = %q, want %q", lr, got, want)
		}
	}
}
