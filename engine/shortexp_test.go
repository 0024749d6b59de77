package engine

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
