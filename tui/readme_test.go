package tui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestREADMEScreensAreTheTrainers: the guide's captures of the trainer,
// `ganui --preset bimodal --seed 4 --paused` stepped to epoch 1,800 at 120×40
// (the README's) and at 80×24 (docs/screen.md's), are the frames it draws
// there. A capture left as another
// trainer drew it could show, say, a W1 row of 9 bars under KS's 8, which the
// guide says stand on the same checks in the same columns. Its capture of
// ring's plane, `ganui --preset ring --seed 2` at epoch 4,058, is a terminal's
// in colour, whose target a frame without colour draws as +: of it the Quality
// and Settings column, which colour does not change, is the frame's (its SW1
// row's last bar is its value, not "█▃▂▂▂▁ 0.17–0.61"). The captures are the
// default build's, as the goldens are (requireGolden).
func TestREADMEScreensAreTheTrainers(t *testing.T) {
	if isa := engine.KernelISA(); isa != "go" {
		t.Skipf("the README's captures are the portable kernels' runs, this build trains with %s", isa)
	}
	// The guide's captures: the README's, and those its reference under
	// docs/ gives in full (the screen at 80×24, docs/screen.md).
	docs, err := filepath.Glob("../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, file := range append([]string{"../README.md"}, docs...) {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(text), "\n")...)
	}
	// capture returns the guide's fenced block that begins with first
	// and has rows lines, or nil.
	capture := func(first string, rows int) []string {
		for i := 0; i+1 < len(lines); i++ {
			if lines[i] != "```" || lines[i+1] != first {
				continue
			}
			var block []string
			for _, l := range lines[i+1:] {
				if l == "```" {
					break
				}
				block = append(block, l)
			}
			if len(block) == rows {
				return block
			}
		}
		return nil
	}
	// At 80 wide the program's name gives way, paused as running.
	const bimodalHead = "bimodal  ❚❚ paused  epoch 1,800 / 10,000  seed 4  speed 500/s"
	// The plane's title, its first line: the capture begins there.
	const ringHead = "Plane y ↑ x → · 1,500 of 2,500 drawn, epoch 4,058 · 5 of 1,500 beyond the box               Quality lower SW1 better"
	type run struct {
		preset string
		seed   uint64
		epochs int
	}
	type screen struct {
		run
		w, h  int
		first string // the capture's first line
		rows  int    // the capture's lines: h, or fewer where it is part of the frame
		from  string // compare each line from the column this begins at in first; "" all
	}
	var cases []screen
	for _, c := range []screen{
		{run{"bimodal", 4, 1800}, 120, 40, " ganui   " + bimodalHead, 40, ""},
		{run{"bimodal", 4, 1800}, 80, 24, bimodalHead, 24, ""},
		{run{"ring", 2, 4058}, 120, 40, ringHead, 22, "Quality"},
	} {
		if c.preset == "ring" && (testing.Short() || raceEnabled) {
			// 4,058 epochs of ring take a minute or more, and five to ten
			// under the race detector, which has no frame to add: CI's
			// SIMD pass and go test ./... compare it.
			continue
		}
		cases = append(cases, c)
	}
	// Each run is trained once and evaluated at the bins of each of its
	// captures' widths: an evaluation draws its samples from its epoch's
	// seed (engine.GAN.EvaluateUntil), so that bimodal's at 80×24's bins
	// is the one a trainer at 80×24 draws, without training 1,800 epochs
	// again.
	binsAt := func(w int) int { return w - len(gap) - sideW - axisGutter }
	sessions, snaps := map[run]*session.Session{}, map[run]map[int]session.Snapshot{}
	for _, c := range cases {
		if sessions[c.run] != nil {
			continue
		}
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		s, err := session.New(session.Options{Config: cfg, Seed: c.seed, Paused: true, Watch: true, Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		sessions[c.run], snaps[c.run] = s, map[int]session.Snapshot{}
		s.Start()
		s.Send(session.Step{Kind: session.StepEpoch, Epochs: c.epochs})
		stepped := "trained epoch " + numtext.FormatInt(c.epochs) + ": "
		for _, d := range cases {
			bins := binsAt(d.w)
			if _, done := snaps[c.run][bins]; d.run != c.run || done {
				continue
			}
			s.Send(session.HistBins{N: bins})
			for snap := range s.Snapshots() {
				binned := len(snap.Eval.Metrics.Hist.Counts) == bins || snap.Eval.Metrics.Plane != nil
				if snap.Eval.Epoch == c.epochs && strings.HasPrefix(snap.Note, stepped) && binned {
					snaps[c.run][bins] = snap
					break
				}
			}
		}
		s.Stop() // before the screen, which would take its snapshots too
	}
	for _, c := range cases {
		want := capture(c.first, c.rows)
		if want == nil {
			t.Errorf("the README has no capture of %s at epoch %d of %d lines beginning %q", c.preset, c.epochs, c.rows, c.first)
			continue
		}
		col := 0 // in runes, where the lines are compared from
		if c.from != "" {
			col = len([]rune(c.first[:strings.Index(c.first, c.from)]))
		}
		snap, ok := snaps[c.run][binsAt(c.w)]
		if !ok {
			t.Fatalf("%s ended before epoch %d at %d×%d's bins", c.preset, c.epochs, c.w, c.h)
		}
		got := strings.Split(frame(t, sessions[c.run], snap, c.w, c.h), "\n")
		// The capture's first line, in the frame: the line beginning as
		// it does up to the column compared at.
		head := string([]rune(c.first)[:col])
		if c.from == "" {
			head = c.first
		}
		start := slices.IndexFunc(got, func(l string) bool { return strings.HasPrefix(l, head) })
		if start < 0 {
			t.Errorf("the trainer draws %s at epoch %d with no line beginning the README's capture, %q", c.preset, c.epochs, c.first)
			continue
		}
		got = got[start:]
		// from returns l from the column compared at, trailing spaces cut.
		from := func(l string) string {
			r := []rune(l)
			return strings.TrimRight(string(r[min(col, len(r)):]), " ")
		}
		for i := range min(len(want), len(got)) {
			// The frame writes plain spaces where its layout kept words
			// together with no-break ones (View), as the guide's
			// captures do: the lines are compared as they are.
			g := from(got[i])
			if r := from(want[i]); g != r {
				t.Errorf("the README's capture of %s at %d×%d, line %d:\n%s\nthe trainer draws:\n%s", c.preset, c.w, c.h, i+1, r, g)
			}
		}
	}
}
