package main

import (
	"io"
	"slices"
	"testing"
)

// TestEchoIsOffWhileNoScreenIsUp: interactive takes the echo of the keys'
// terminal off before its first slow work, building the session, and puts
// it back on every way out: a session refused, a trainer that cannot start
// (no terminal here).
func TestEchoIsOffWhileNoScreenIsUp(t *testing.T) {
	calls := fakeEcho(t)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"session refused", []string{"--resume", "/nonexistent/x.ckpt"}},
		{"no terminal", []string{"--preset", "vanilla", "--epochs", "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			*calls = nil
			opts, err := parseFlags(tc.args, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if err := interactive(opts, io.Discard, io.Discard); err == nil {
				t.Fatal("interactive started without a terminal")
			}
			if want := []string{"off", "on"}; !slices.Equal(*calls, want) {
				t.Errorf("echo calls %q, want %q", *calls, want)
			}
		})
	}
}

// fakeEcho stands in for echoOff for the test, returning the calls made
// of it, "off", and of what it returns, "on".
func fakeEcho(t *testing.T) *[]string {
	var calls []string
	was := echoOff
	t.Cleanup(func() { echoOff = was })
	echoOff = func() (func(), bool) {
		calls = append(calls, "off")
		return func() { calls = append(calls, "on") }, true
	}
	return &calls
}
