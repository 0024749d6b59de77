//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganui/ganui/session"
)

// TestStoppedRunNoteQuotesItsFiles: the note a headless run given the
// command of a run stopped short of its plan says before its first epoch
// (stoppedRunNote) names its --save and --log quoted where a shell would
// not read them as one word, "--save 'my run.ckpt' holds this run, …",
// as the --resume command in it quotes them; it named them bare. Plain
// names read as before (TestTheSameCommandAfterAStopPointsAtResume).
func TestStoppedRunNoteQuotesItsFiles(t *testing.T) {
	st := session.StoppedRun{Path: "my run.ckpt", Name: "vanilla", Seed: 1, Epoch: 2979, Plan: 100000, Log: "my run.csv"}
	given := flagsAsGiven(t, "--headless", "--preset", "vanilla", "--save", "my run.ckpt", "--log", "my run.csv")
	if got, want := stoppedRunNote(st, given, "my run.csv"), "--save 'my run.ckpt' holds this run, vanilla seed 1, stopped at epoch 2,979 of its 100,000, and --log 'my run.csv' its history to there: ganui --headless --resume 'my run.ckpt' --save 'my run.ckpt' --log 'my run.csv' trains it on from there, "; !strings.HasPrefix(got, want) {
		t.Errorf("its log the run's:\ngot  %q\nwant it to begin %q", got, want)
	}
	other := filepath.Join(t.TempDir(), "my other.csv")
	if err := os.WriteFile(other, []byte(session.CSVHeader+"\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st.Log = ""
	if got, want := stoppedRunNote(st, given, other), "--save 'my run.ckpt' holds this run, vanilla seed 1, stopped at epoch 2,979 of its 100,000: ganui --headless --resume 'my run.ckpt' --save 'my run.ckpt' trains it on from there (with no --log: '"+other+"' holds another history, "; !strings.HasPrefix(got, want) {
		t.Errorf("its log another history:\ngot  %q\nwant it to begin %q", got, want)
	}
	if got, want := stoppedRunNote(st, given, ""), "--save 'my run.ckpt' holds this run, vanilla seed 1, stopped at epoch 2,979 of its 100,000: "; !strings.HasPrefix(got, want) {
		t.Errorf("no log:\ngot  %q\nwant it to begin %q", got, want)
	}
}
