package stopsignal

import (
	"syscall"
	"testing"
	"time"
)

// TestRepeatTakesTheSameSignalAtOnceAsOne pins Repeat's rule: the first
// signal is no repeat; the same one within Grace is; the same one at
// Grace or later, or another signal at once, is a second stop.
func TestRepeatTakesTheSameSignalAtOnceAsOne(t *testing.T) {
	defer func(c func() time.Time) { Clock = c }(Clock)
	start := time.Unix(1000, 0)
	cases := []struct {
		name   string
		second syscall.Signal
		after  time.Duration
		repeat bool
	}{
		{"same at once", syscall.SIGTERM, 0, true},
		{"same just inside grace", syscall.SIGTERM, Grace - time.Microsecond, true},
		{"same at grace", syscall.SIGTERM, Grace, false},
		{"same a person's second later", syscall.SIGTERM, 400 * time.Millisecond, false},
		{"another at once", syscall.SIGINT, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var f First
			Clock = func() time.Time { return start }
			if f.Repeat(syscall.SIGTERM) {
				t.Fatal("the first signal read as a repeat")
			}
			Clock = func() time.Time { return start.Add(c.after) }
			if got := f.Repeat(c.second); got != c.repeat {
				t.Errorf("%v %v after the first SIGTERM: Repeat = %v, want %v", c.second, c.after, got, c.repeat)
			}
		})
	}
}
