package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

// TestSingleRunFlagsWithABatchSayWhatToTypeForEach: a single run's flag
// given with --seeds or --sweep is refused naming both flags and a way on
// for each intent, the one run or the runs, each of which parseFlags
// then takes, where "--seed needs a single run; drop it or --seeds" had
// named one flag and left the other to guess.
func TestSingleRunFlagsWithABatchSayWhatToTypeForEach(t *testing.T) {
	for _, c := range []struct {
		args       []string
		single     string // the flag of a single run
		batch      string // --seeds or --sweep
		one, runs  []string
		oneWayWord string // what the refusal says to type for the one run
	}{
		{[]string{"--seed", "3", "--seeds", "1-5"}, "--seed", "--seeds",
			[]string{"--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S alone"},
		{[]string{"--log", "x.csv", "--seeds", "1-5"}, "--log", "--seeds",
			[]string{"--log", "x.csv", "--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S"},
		{[]string{"--every", "5", "--seeds", "1-5"}, "--every", "--seeds",
			[]string{"--every", "5", "--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S"},
		{[]string{"--save", "x.ckpt", "--seeds", "1-5"}, "--save", "--seeds",
			[]string{"--save", "x.ckpt", "--seed", "3"}, []string{"--seeds", "1-5"}, "--seed S"},
		{[]string{"--log", "x.csv", "--sweep", "g_lr=1e-3,1e-2"}, "--log", "--sweep",
			[]string{"--log", "x.csv", "--set", "g_lr=1e-3"}, []string{"--sweep", "g_lr=1e-3,1e-2"}, "--set key=value"},
		{[]string{"--every", "5", "--sweep", "g_lr=1e-3,1e-2"}, "--every", "--sweep",
			[]string{"--every", "5", "--set", "g_lr=1e-3"}, []string{"--sweep", "g_lr=1e-3,1e-2"}, "--set key=value"},
		{[]string{"--save", "x.ckpt", "--sweep", "g_lr=1e-3,1e-2"}, "--save", "--sweep",
			[]string{"--save", "x.ckpt", "--set", "g_lr=1e-3"}, []string{"--sweep", "g_lr=1e-3,1e-2"}, "--set key=value"},
	} {
		args := append([]string{"--headless"}, c.args...)
		code, stdout, stderr := runCLI(t, args...)
		if code != exitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, stdout, stderr)
			continue
		}
		for _, want := range []string{c.single + " ", c.batch + " ", c.oneWayWord} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%q: %q does not say %q", args, stderr, want)
			}
		}
		if c.single != "--seed" && !strings.Contains(stderr, "drop "+c.single) {
			t.Errorf("%q: %q does not say to drop %s for the runs", args, stderr, c.single)
		}
		for _, way := range [][]string{c.one, c.runs} {
			if _, err := parseFlags(slices.Concat([]string{"--headless"}, way), io.Discard); err != nil {
				t.Errorf("%q, the way on of %q, is refused: %v", way, args, err)
			}
		}
	}
}
