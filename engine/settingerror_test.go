package engine

import (
	"errors"
	"strings"
	"testing"
)

// TestSettingErrorCarriesWhatItOffers: a refusal of Set's that ends
// offering the number to write carries it as SettingError.Number, and one
// that offers a list of widths written bare carries them as Widths, so
// that main's --set and session's --sweep, which check the number
// against the design and write the widths in brackets, read the value,
// where they matched the message's last words (": 1024", `, or 2,48 for
// 2 widths`). Where the message ends otherwise, nothing is offered.
func TestSettingErrorCarriesWhatItOffers(t *testing.T) {
	for _, c := range []struct{ key, value, number, widths string }{
		{"batch", "1,024", "1024", ""},
		{"batch", "1,024.0", "1024", ""},
		{"gp", "05", "5", ""},
		{"g_lr", "0,001", "0.001", ""},
		{"batch", "0x40", "64", ""},
		{"epochs", "10_000", "10000", ""},
		{"g_hidden", "2,048", "", "2,48"},
		{"gp", "1,000", "", ""},        // two readings: "…: 1000, or 1.000 if the comma is a decimal one"
		{"g_lr", "1,000", "1.000", ""}, // the first refused: "…; if the comma is a decimal one, write it with a point: 1.000"
	} {
		cfg := blogConfig()
		err := cfg.Set(c.key, c.value)
		var offered *SettingError
		if !errors.As(err, &offered) {
			t.Errorf("Set(%s, %q) = %v, no SettingError", c.key, c.value, err)
			continue
		}
		if offered.Number != c.number || offered.Widths != c.widths {
			t.Errorf("Set(%s, %q) offers number %q, widths %q, want %q, %q: %v", c.key, c.value, offered.Number, offered.Widths, c.number, c.widths, err)
		}
		msg := err.Error()
		if c.number != "" && !strings.HasSuffix(msg, ": "+c.number) {
			t.Errorf("Set(%s, %q) = %q, which does not end with the %s it offers", c.key, c.value, msg, c.number)
		}
		if c.widths != "" {
			if !strings.Contains(msg, ", or "+c.widths+" for ") {
				t.Errorf("Set(%s, %q) = %q, which does not offer the widths %s", c.key, c.value, msg, c.widths)
			}
			want := strings.Replace(msg, c.widths, "["+c.widths+"]", 1)
			if got := offered.Offering("[" + c.widths + "]"); got != want {
				t.Errorf("Set(%s, %q) offering [%s] is %q, want %q", c.key, c.value, c.widths, got, want)
			}
		}
	}
	cfg := blogConfig()
	var offered *SettingError
	if err := cfg.Set("gp", "x"); errors.As(err, &offered) {
		t.Errorf("Set(gp, x) = %v, a SettingError offering %+v", err, *offered)
	}
}
