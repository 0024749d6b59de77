package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestArrowsNamedOneWay: the screen names what ← and → do by one word wherever
// it names them, the Settings heading and the footer alike, not "←→ set" above
// a footer's "←→ tune".
func TestArrowsNamedOneWay(t *testing.T) {
	arrows := regexp.MustCompile(`←→ (\pL+)`)
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State = session.Paused
		view := frame(t, s, snap, w, h)
		words := map[string]bool{}
		for _, m := range arrows.FindAllStringSubmatch(view, -1) {
			words[m[1]] = true
		}
		if len(words) != 1 || strings.Count(view, "←→") < 2 {
			t.Errorf("%d wide: ←→ named %v (want one word, in the heading and the footer):\n%s", w, words, view)
		}
	}
}

// TestViewKeyClosesTheHelp: v pressed over the ? page, whose design covers the
// samples panel, closes it and shows the view it turns to, rather than turning
// the view behind the help, unseen, the page still open.
func TestViewKeyClosesTheHelp(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.State = session.Paused
	view := frame(t, s, snap, 80, 24, "?", "v")
	if strings.Contains(view, "Design bimodal-1d") || !strings.Contains(view, "Q-Q generated") {
		t.Errorf("v over the help: want the help closed and the Q-Q view:\n%s", view)
	}
}

// TestNoFindingSaysWhatToWatch: a run without a finding fills the diagnosis's
// rows with what to watch for, in the marks of the view shown, rather than
// leaving them blank (five rows at 120×40); a finding takes its place, and the
// panels above stay where they were. Under label smoothing D's losses settle
// each on its own line, and the hint does not send them to "the dotted line".
func TestNoFindingSaysWhatToWatch(t *testing.T) {
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Findings, snap.Note = session.Paused, nil, ""
		snap.Eval.Metrics.KS = 0.3 // not far: the hint alone (TestNoFindingSaysGIsFarFromTheTarget)
		calm := frame(t, s, snap, w, h)
		frameReads(t, calm, "No finding now. Watch for the █ bars filling the ░ expected counts; KS and W1 falling while D's losses settle on the dotted line")
		if w >= 120 {
			// The rows the hint leaves, three of the five, explain what it
			// names rather than standing blank.
			frameReads(t, calm, "? twice explains each mark", "bars █ generated counts per bin")
			if blank := blankRows(calm, h); blank > 1 {
				t.Errorf("%d×%d: %d rows of the diagnosis's area are blank:\n%s", w, h, blank, calm)
			}
		}
		frameReads(t, frame(t, s, snap, w, h, "v"), "Watch for the Q-Q points lying on the diagonal")
		smoothed, _ := session.EquilibriumOf(engine.Config{Loss: engine.LossBCE, RealLabel: 0.9})
		smoothed.Samples = true
		plain := snap.Equilibrium
		snap.Equilibrium = &smoothed
		frameReads(t, frame(t, s, snap, w, h), "KS and W1 falling while D's losses settle each on its dotted line")
		snap.Equilibrium = plain
		snap.Note = "done: 10 epochs in 0.1 s (131 ep/s) · space or n continues · r or R starts a new run"
		if w == 80 { // the note takes two of the three rows: the hint's shortest
			frameReads(t, frame(t, s, snap, w, h), "No finding now; ? twice explains each mark.")
		}
		snap.Note = ""
		snap.Findings = []session.Finding{{Kind: session.DWins, Text: "D wins: it scores real data over 0.9 and generated data under 0.1, on average"}}
		found := frame(t, s, snap, w, h)
		if strings.Contains(found, "Watch") || !strings.Contains(found, "D wins") {
			t.Errorf("%d×%d: a finding does not take the hint's place:\n%s", w, h, found)
		}
		a, b := strings.Split(calm, "\n"), strings.Split(found, "\n")
		if i := strings.Index(calm, "Settings"); i < 0 || strings.Index(found, "Settings") != i || len(a) != len(b) {
			t.Errorf("%d×%d: the panels moved when a finding came:\n%s\n%s", w, h, calm, found)
		}
	}
}

// TestOneFindingExplainsWhatItRestsOn: the rows a finding leaves in the
// diagnosis's area explain what it rests on (the glossary's entry for its
// measure) and where the rest is, a row at most left blank where no more fits
// whole: one finding at 120×40 does not leave three of the five rows blank
// under it. The panels stay where a calm run has them.
func TestOneFindingExplainsWhatItRestsOn(t *testing.T) {
	for _, size := range append(slices.Clone(goldenSizes), [2]int{160, 50}) {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Note, snap.Findings = session.Running, "", nil
		// A G of rows, whose noise use the finding reads: one of a sample
		// a draw has none, nor its glossary's entry.
		snap.RowWidth, snap.Eval.Metrics.RowWidth, snap.Eval.Metrics.ZDep = 100, 100, 0.001
		calm := frame(t, s, snap, w, h)
		snap.Findings = []session.Finding{{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time", Detail: "noise use 0.000, under 0.05"}}
		view := frame(t, s, snap, w, h)
		if blank := blankRows(view, h); blank > 1 {
			t.Errorf("%d×%d: %d rows of the diagnosis's area are blank:\n%s", w, h, blank, view)
		}
		if w == 120 {
			frameReads(t, view, "noise use how much G's row of samples depends on its noise draw", "? twice explains each finding and mark.")
		}
		if w == 160 { // the moments too, whose lines go flat as G makes the same row
			frameReads(t, view, "noise use how much G's row of samples depends on its noise draw", "moments μ mean and σ std")
		}
		if strings.Index(calm, "Settings") != strings.Index(view, "Settings") {
			t.Errorf("%d×%d: the panels moved when the finding came:\n%s\n%s", w, h, calm, view)
		}
	}
}

// blankRows counts the blank rows of the message area (msgRows) of a
// frame h rows high, above the key bar.
func blankRows(view string, h int) int {
	lines := strings.Split(view, "\n")
	blank := 0
	for _, l := range lines[h-1-msgRows(h) : h-1] {
		if strings.TrimSpace(l) == "" {
			blank++
		}
	}
	return blank
}

// TestReplayedFrameWithoutFindingSaysWhen: a replayed frame without a finding
// says the epoch it has none at and what a run going well shows, not "No
// finding now. Watch for …" of an epoch long past.
func TestReplayedFrameWithoutFindingSaysWhen(t *testing.T) {
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Findings, snap.Note = session.Paused, nil, ""
		past := snap.Eval
		past.Epoch, past.Metrics.KS = 5, 0.3 // not far (TestNoFindingSaysGIsFarFromTheTarget)
		snap.Replay = &session.Keyframe{Eval: past, Last: snap.Last}
		view := frame(t, s, snap, w, h)
		frameReads(t, view, "No finding at epoch 5")
		if w >= 120 {
			frameReads(t, view, "No finding at epoch 5. A run going well shows the █ bars filling the ░ expected counts")
		}
		for _, avoid := range []string{"No finding now", "Watch"} { // "Settings now" is right: they are the live run's
			if strings.Contains(view, avoid) {
				t.Errorf("%d×%d: a replayed frame's hint says %q:\n%s", w, h, avoid, view)
			}
		}
	}
}

// TestRefusalInAReplayKeepsTheFrameFinding: a key refused in a replay,
// its reason before the frame's note, keeps to the rows a frame with a
// finding leaves it, and the frame still says it has none: at 80×24 "D
// lr is 5e-4 already, the design's; not G lr 2e-4 (the design's 5e-5):
// ↑↓ picks · replay frame 1 of 54 · …" (vanilla, G lr raised, space, <,
// ↑ to D lr, 0) took three rows and left out "No finding at epoch 100".
func TestRefusalInAReplayKeepsTheFrameFinding(t *testing.T) {
	gw := session.GivesWay
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Findings = session.Paused, nil
		snap.Note = "D lr is 5e-4 already, the design's; not G lr 2e-4 (the design's 5e-5): ↑↓ picks · replay frame 1 of 2 " + gw + "· , . step · > events · esc, or a key that trains or changes the run: live" + gw
		past := snap.Eval
		past.Epoch, past.Metrics.KS = 5, 0.3 // not far (TestNoFindingSaysGIsFarFromTheTarget)
		snap.Replay = &session.Keyframe{Eval: past, Last: snap.Last}
		frameReads(t, frame(t, s, snap, w, h), "D lr is 5e-4 already", "replay frame 1 of 2", "No finding at epoch 5")
	}
}

// TestDoneRunWithoutFindingSaysWhatGoingWellShows: a run done with its
// plan trains no more, and its hint says what a run going well shows, not
// "Watch for the █ bars filling …" of bars that will not move.
func TestDoneRunWithoutFindingSaysWhatGoingWellShows(t *testing.T) {
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Findings, snap.Note = session.Done, nil, ""
		snap.Eval.Metrics.KS = 0.05 // near: under 3× the 95% bound of a check's 2,000 samples (TestDoneRunNotNearItsTargetSaysSo)
		view := frame(t, s, snap, w, h)
		if w >= 120 {
			frameReads(t, view, "No finding. Going well: the █ bars filling the ░ expected counts")
		}
		if strings.Contains(view, "Watch") {
			t.Errorf("%d×%d: a done run's hint says what to watch for:\n%s", w, h, view)
		}
	}
}

// TestDoneRunFarFromItsTargetSaysNotGoingWell: a done run with no finding
// but G far from its target says what a run going well shows, not "Going
// well:", which after "No finding, but G is far from the target (KS 0.861,
// over 0.5)." read as a verdict against the sentence before it: vanilla
// --set d_lr=2e-3 --epochs 2000, done.
func TestDoneRunFarFromItsTargetSaysNotGoingWell(t *testing.T) {
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Findings, snap.Note = session.Done, nil, ""
		snap.Eval.Metrics.KS = 0.861 // far (TestNoFindingSaysGIsFarFromTheTarget)
		view := frame(t, s, snap, w, h)
		frameReads(t, view, "No finding, but G is far from the target")
		if w >= 120 {
			frameReads(t, view, "A run going well shows the █ bars filling")
		}
		if strings.Contains(view, "Going well") {
			t.Errorf("%d×%d: a done run far from its target says \"Going well\":\n%s", w, h, view)
		}
	}
}

// TestDoneRunOffTargetNamesZero: a done run that never came near its
// target, far or not near, trained with settings off its design's, names
// 0, which sets them back, beside its verdict, where the status line
// offers space and R and the footer names 0 only while the setting picked
// is one: "…; 0 sets G lr back to 5e-5, the design's (↑↓ pick)". Two off
// are named together; a run at its design's settings, or near its target,
// is told of no 0, which would change nothing, or nothing it needs.
func TestDoneRunOffTargetNamesZero(t *testing.T) {
	for _, c := range []struct {
		ks       float64
		glr      float64
		dsteps   int
		want     string
		notWants string
	}{
		{0.374, 5e-3, 0, "No finding, but G is not near the target (KS 0.374, over 0.091; 3× the 95% bound 0.030 of 2,000 samples; a sample of the target itself reads under 0.014); 0 sets G lr back to 5e-5, the design's (↑↓ pick). A run going well shows", ""},
		{0.861, 5e-3, 3, "No finding, but G is far from the target (KS 0.861, over 0.5); ↑↓ and 0 set each back to the design's, G lr to 5e-5 and D steps to 1. A run going well shows", ""},
		{0.374, 0, 0, "No finding, but G is not near the target", "0 sets"},
		{0.02, 5e-3, 0, "No finding. Going well:", "0 sets"},
	} {
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
		snap.State, snap.Findings, snap.Note = session.Done, nil, ""
		snap.Eval.Metrics.KS = c.ks
		snap.Start.GLR, snap.Start.DSteps = 5e-5, 1
		snap.Settings.GLR, snap.Settings.DSteps = snap.Start.GLR, snap.Start.DSteps
		if c.glr > 0 {
			snap.Settings.GLR = c.glr
		}
		if c.dsteps > 0 {
			snap.Settings.DSteps = c.dsteps
		}
		view := numtext.Plain(frame(t, s, snap, 120, 40))
		frameReads(t, view, c.want)
		if c.notWants != "" && strings.Contains(view, c.notWants) {
			t.Errorf("KS %g, G lr %g: the verdict names 0:\n%s", c.ks, c.glr, view)
		}
	}
}

// TestDoneRunOffTargetNamesTheRunsStart: where the run started off the
// design's own value (--set g_lr=1e-4 on a design of 5e-5), the value 0
// puts back is named the run's start, not "the design's", which the README
// and the presets list call 5e-5; one of two that is so leaves whose values
// they are unsaid.
func TestDoneRunOffTargetNamesTheRunsStart(t *testing.T) {
	for _, c := range []struct {
		dsteps int
		want   string
	}{
		{0, "0 sets G lr back to 1e-4, this run's start (↑↓ pick)."},
		{3, "↑↓ and 0 set each back, G lr to 1e-4 and D steps to 1."},
	} {
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
		snap.State, snap.Findings, snap.Note = session.Done, nil, ""
		snap.Eval.Metrics.KS = 0.861
		snap.Start.GLR, snap.Start.DSteps = 1e-4, 1
		snap.DesignSettings = snap.Start
		snap.DesignSettings.GLR = 5e-5
		snap.Settings.GLR, snap.Settings.DSteps = 5e-3, 1
		if c.dsteps > 0 {
			snap.Settings.DSteps = c.dsteps
		}
		view := numtext.Plain(frame(t, s, snap, 120, 40))
		frameReads(t, view, c.want)
		if strings.Contains(view, "the design's") {
			t.Errorf("D steps %d: the verdict calls this run's start the design's:\n%s", c.dsteps, view)
		}
	}
}

// TestDoneRunNotNearItsTargetSaysSo: a done run with no finding whose G is
// not far from its target (KS 0.5 or under) but not near it either, its
// KS over 3× the 95% bound of a check's 2,000 samples (0.091, the line the
// plateau calls far by), says so, with the measurement and, where there is
// room, what that line is and what a sample of the target itself reads,
// and what a run going well shows, not "Going well:": bimodal ends with
// both modes covered at KS 0.224, 16 times the 0.014 of 10,000 samples of
// the target, and read "No finding. Going well: the █ bars filling the ░
// expected counts" under a line of 0.25. At 80×24, one row, the note keeps
// its measurement. On a ring, every mode captured (one sample in 2,500
// does) and 90% of the samples on modes, an SW1 of 0.300, 10 times its
// floor, is not near either (Eval.NotNear), where it read "Going well".
func TestDoneRunNotNearItsTargetSaysSo(t *testing.T) {
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Findings, snap.Note = session.Done, nil, ""
		snap.Eval.Metrics.KS = 0.224
		view := numtext.Plain(frame(t, s, snap, w, h))
		frameReads(t, view, "No finding, but G is not near the target (KS 0.224, over 0.091")
		if w >= 120 {
			frameReads(t, view, "No finding, but G is not near the target (KS 0.224, over 0.091; 3× the 95% bound 0.030 of 2,000 samples; a sample of the target itself reads under 0.014)", "A run going well shows the █ bars filling")
		}
		if strings.Contains(view, "Going well") {
			t.Errorf("%d×%d: a done run not near its target says \"Going well\":\n%s", w, h, view)
		}
		// One row, as at 80×24: the measurement stays.
		m := NewModel(s)
		m.width, m.height = w, h
		m.apply(snap)
		if got, want := strings.TrimRight(numtext.Plain(ansi.Strip(strings.Join(m.watchLines(80, 1), "|"))), " "), "No finding, but G is not near the target (KS 0.224, over 0.091)."; got != want {
			t.Errorf("80 columns, one row: %q, want %q", got, want)
		}
	}
	// On a ring, every mode captured and the samples on them, its mass
	// misplaced: SW1 over 7× its floor at a check's size.
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 10)
		snap.State, snap.Findings, snap.Note = session.Done, nil, ""
		snap.Eval.Metrics.Plane.HighQuality, snap.Eval.Metrics.Plane.SW1, snap.CheckNoise.SW1 = 0.9, 0.3, 0.031
		view := numtext.Plain(frame(t, s, snap, w, h))
		if w >= 120 {
			frameReads(t, view, "No finding, but G is not near the target (SW1 0.300, over 0.217; 7× the 0.031 of a sample of the target itself)")
		}
		if strings.Contains(view, "Going well") {
			t.Errorf("%d×%d: a done ring with SW1 10× its floor says \"Going well\":\n%s", w, h, view)
		}
		m := NewModel(s)
		m.width, m.height = w, h
		m.apply(snap)
		if got, want := strings.TrimRight(numtext.Plain(ansi.Strip(strings.Join(m.watchLines(80, 1), "|"))), " "), "No finding, but G is not near the target (SW1 0.300, over 0.217)."; got != want {
			t.Errorf("a ring, 80 columns, one row: %q, want %q", got, want)
		}
	}
	// A run still training is on its way there: no verdict.
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	snap.State, snap.Findings, snap.Note = session.Paused, nil, ""
	snap.Eval.Metrics.KS = 0.374
	if view := frame(t, s, snap, 120, 40); strings.Contains(view, "not near") {
		t.Errorf("a paused run at KS 0.374 is told G is not near:\n%s", view)
	}
}

// TestDivergedRunsFrameShowsItsFindings: a replayed frame of a run that has
// since run away shows the frame's diagnosis under the status line's runaway,
// and a frame without a finding says so of its epoch where there is a row for
// it. The runaway's finding, which the status line says, does not keep every
// frame's out: vanilla --set d_lr=0.05 --set g_lr=0.05, run away at epoch
// 2,008, replayed at epoch 1,500 shows "✗ Ran away at epoch 2,008: …" over the
// frame's own "✓ D's losses sit at their equilibrium", not over no diagnosis,
// that finding left to the ? pages.
func TestDivergedRunsFrameShowsItsFindings(t *testing.T) {
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, w)
		snap.State, snap.Rollback, snap.Note = session.Diverged, 5, ""
		snap.Err = &session.Divergence{Epoch: 10, What: "a runaway",
			Runaway: "D's loss on generated data stuck at 100, its limit, for 200 epochs"}
		snap.Findings = []session.Finding{{Kind: session.Runaway, Text: "a runaway: the run has left the target for good, without a NaN", Detail: snap.Err.Runaway}}
		past := snap.Eval
		past.Epoch, past.Metrics.KS = 5, 0.3
		snap.Replay = &session.Keyframe{Eval: past, Last: snap.Last,
			Findings: []session.Finding{{Kind: session.DWins, Text: "D wins: it tells real from fake"}}}
		frameReads(t, frame(t, s, snap, w, h), "Ran away at epoch 10", "D wins")
		if h >= 40 { // at 80×24 the runaway's three rows leave none
			snap.Replay.Findings = nil
			frameReads(t, frame(t, s, snap, w, h), "Ran away at epoch 10", "No finding at epoch 5")
		}
	}
}

// TestSpeedNamedOneWay: the screen names the pace as its setting, the --speed
// flag and the session's notes do, "speed", in the header, the footer and the
// settings alike, not "pace 200/s" and "[] pace" beside a settings row "speed
// 200/s".
func TestSpeedNamedOneWay(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	snap.State, snap.Rate, snap.Settings.Speed = session.Running, 198, 200
	view := frame(t, s, snap, 120, 40)
	frameReads(t, view, "speed 200/s 198 ep/s", "[] speed", session.Speed.String()+" 200/s")
	if regexp.MustCompile(`\bpace\b`).MatchString(view) { // not space
		t.Errorf("the screen names the speed \"pace\" too:\n%s", view)
	}
}

// TestGlossaryExplainsTheScreensLabels: every label the main screen shows a
// learner — the legends' names, the header's units, the higher moments — is
// explained in the glossary of its view: "ex.kurt", "ep/s", a wide design's
// "s/ep", "D real" and the
// target's value after ┈ among them, and the modes line's "blob"
// (historical-averaging, seed 1, epoch 3,000: "modes blob 37% 37% vs 50%").
func TestGlossaryExplainsTheScreensLabels(t *testing.T) {
	for _, c := range []struct {
		plane  bool
		labels []string
	}{
		{false, []string{"time axes count", "epoch", "ep/s", "s/ep", "speed", "D real", "D fake", "G's loss", "mean", "std", "┈", "skew", "ex.kurt", "KS", "W1", "noise use", "D(x)", "push", "blob"}},
		{true, []string{"epoch", "ep/s", "s/ep", "speed", "D real", "D fake", "G's loss", "X and Y the stds", "┈", "SW1", "HQ", "modes captured", "D surface"}},
	} {
		text := ""
		for _, g := range glossaryOf(c.plane) {
			text += g[0] + " " + g[1] + "\n"
		}
		for _, l := range c.labels {
			if !strings.Contains(text, l) {
				t.Errorf("2-D %v: the glossary does not explain %q", c.plane, l)
			}
		}
	}
}

// TestGlossaryListsEventsOrNone: the ? pages end with the events, which the
// glossary's ◆ entry promises after it, or say there are none yet; a run
// without events does not end the pages on the glossary, the list promised
// nowhere.
func TestGlossaryListsEventsOrNone(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 120)
	snap.Events, snap.Earlier = nil, 0
	seen := strings.Join(strings.Fields(strings.Join(glossaryPages(t, s, snap, 120, 40), " ")), " ")
	if !strings.Contains(seen, "Events none yet") {
		t.Errorf("a run without events: the ? pages do not say so:\n%s", seen)
	}
}

// TestWatchHintOfAPlane: a two-dimensional run without a finding is told
// to watch its own marks — the dots, the modes captured where the target
// has modes, SW1 — not the bars and KS of the 1-D view; a critic, which
// has no balance line, is not told to watch one.
func TestWatchHintOfAPlane(t *testing.T) {
	var m Model
	m.snap.Target.Plane = &session.PlaneInfo{Spots: make([]engine.Spot, 8)}
	got := strings.Join(strings.Fields(strings.Join(m.watchLines(120, 5), " ")), " ")
	for _, want := range []string{"G's dots spreading over the target's", "modes captured reaching 8/8", "SW1 falling toward its floor"} {
		if !strings.Contains(got, want) {
			t.Errorf("ring: hint %q lacks %q", got, want)
		}
	}
	for _, avoid := range []string{"█", "KS", "dotted line"} { // no bars, no KS; no Equilibrium set: no balance line
		if strings.Contains(got, avoid) {
			t.Errorf("ring, a critic: hint %q names %q", got, avoid)
		}
	}
	m.snap.Target.Plane.Spots = nil // moons: no modes to count
	if got := strings.Join(strings.Fields(strings.Join(m.watchLines(120, 5), " ")), " "); strings.Contains(got, "modes") {
		t.Errorf("moons: hint %q names modes", got)
	}
}

// TestDivergedRunExplainsHowToLookBack: the rows a divergence leaves under the
// status explain replay, which the key bar offers to look back at how it went
// wrong, and the losses: a runaway at 160×50 does not leave four rows of the
// six blank.
func TestDivergedRunExplainsHowToLookBack(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 160)
	snap.State, snap.Note, snap.Findings, snap.Frames, snap.Rollback = session.Diverged, "", nil, 3, 0
	snap.Err = &session.Divergence{Epoch: 10, What: "a runaway", Runaway: "D's loss on real data stuck at 100, its limit, for 200 epochs"}
	view := frame(t, s, snap, 160, 50)
	frameReads(t, view, "Ran away at epoch 10", "replay , and . step back and forward", "losses ● D real")
	if blank := blankRows(view, 50); blank > 1 {
		t.Errorf("%d rows of the diagnosis's area are blank:\n%s", blank, view)
	}
}

// TestModeFindingOfAPlaneExplainsThePlot: a 2-D run's mode finding is explained
// by the plane's entry where the rule for a mode captured is too long for the
// rows left: ring's "G's samples are on none of the 8 modes" does not stand
// over a blank row at 100×30.
func TestModeFindingOfAPlaneExplainsThePlot(t *testing.T) {
	var m Model
	m.snap.Target.Plane = &session.PlaneInfo{Spots: make([]engine.Spot, 8)}
	got := strings.Join(strings.Fields(strings.Join(m.seenLines([]session.Finding{{Kind: session.ModeDropped}}, 100, 2, false), " ")), " ")
	if !strings.Contains(got, "plane blue ⣿ G's samples over orange ⣿ the target's") {
		t.Errorf("the rows under a 2-D mode finding read %q", got)
	}
}

// TestDesignLinesIndentWhatTheyCarryOver: the ? page's design indents the part
// of a line it carries over, so that the end of G's line reads as G's: "one
// sample per noise draw" does not stand at the panel's edge at 100×30 as a line
// of its own, like "target …" and "D …" around it.
func TestDesignLinesIndentWhatTheyCarryOver(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 100)
	snap.Design = []string{"G  4 normal noise → 16 → 16 → 1 (leaky_relu, leaky_relu, identity), one sample per noise draw"}
	view := frame(t, s, snap, 100, 30, "?")
	if !strings.Contains(view, "\n  one sample per noise draw") {
		t.Errorf("the design's carried-over words are not indented:\n%s", view)
	}
}

// TestMessageAreaLeavesNoRowBlank: at 80×24 the message area's rows are all
// used while there is something to say: a calm run's last row, which no
// glossary entry fits whole, gives an entry's lead ("bars  █ generated counts
// per bin"); two findings too long for the area together give the first in full
// and the second by its head, not both by their heads on one line; a one-line
// finding on the plane gives the lead of an entry it rests on above the pointer
// to ?. None leaves a row blank (two for the findings) beside charts cut to
// four rows.
func TestMessageAreaLeavesNoRowBlank(t *testing.T) {
	const w, h = 80, 24
	wgan, err := presets.Get("wgan")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, wgan, 1, 30)
	snap.State, snap.Note, snap.Findings = session.Running, "", nil
	if view := frame(t, s, snap, w, h); blankRows(view, h) > 0 {
		t.Errorf("a calm run: a row blank:\n%s", view)
	}

	s, snap = trainedSnapshot(t, bimodal1D(t), 1, 10, w)
	snap.State, snap.Note = session.Running, ""
	snap.Findings = []session.Finding{
		{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time, and matching the mean and std is not matching the shape"},
		{Kind: session.DStalled, Text: "D is stuck at its equilibrium: it has stopped learning and gives every sample the same score, its losses fixed there (ln 2) epoch after epoch"},
	}
	view := frame(t, s, snap, w, h)
	if blankRows(view, h) > 0 {
		t.Errorf("two findings: a row blank:\n%s", view)
	}
	frameReads(t, view, "G ignores its noise: it makes nearly the same output every time", "! D is stuck at its equilibrium ? twice: in full")

	s, snap = trainedPlane(t, planeConfig(t, "ring"), 1, 10)
	snap.State, snap.Note = session.Running, ""
	snap.Findings = []session.Finding{{Kind: session.ModeDropped, Text: "7 of 8 modes missing: mode collapse, G puts almost no samples there"}}
	if view := frame(t, s, snap, w, h); blankRows(view, h) > 0 {
		t.Errorf("a one-line finding on the plane: a row blank:\n%s", view)
	}
}

// TestDefaultRunsFirstFindingLeavesNoRowBlank: at 80×24 the default
// design's first epoch, paused, says what it trained on the status line,
// and G ignoring its noise, new, by its head ("! G ignores its noise ·
// new: an event if it holds at 10 and 20"): its text with the note takes
// more rows than the two left. The row under it explains the noise use that Quality reads
// beside it, by the lead of its entry, where the entry's first clause, a
// row of 105 cells with "for a G that makes a row from one draw" in it,
// fitted no row and left it blank.
func TestDefaultRunsFirstFindingLeavesNoRowBlank(t *testing.T) {
	const w, h = 80, 24
	blog, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trainedSnapshot(t, blog, 1, 1, w)
	snap.State, snap.Note = session.Paused, "trained epoch 1: D real 0.446, D fake 0.770, G 0.624"
	view := frame(t, s, snap, w, h)
	frameReads(t, view, "! G ignores its noise · new:")
	if blankRows(view, h) > 0 {
		t.Errorf("a row blank:\n%s", view)
	}
	frameReads(t, view, "noise use how much G's row of samples depends on its noise draw, 0 to 1")
}

// TestPlaneFindingLeavesNoRowBlankAt120: at 120×40 grid-wgan-gp's finding, G's
// samples on none of the modes, is explained by the lead of modes captured's
// entry, its clause less the bracketed aside that ends it, under the plane's
// entry, above the pointer to ?: with the aside, no clause of that entry would
// fit a row, and the area's last row would stay blank.
func TestPlaneFindingLeavesNoRowBlankAt120(t *testing.T) {
	const w, h = 120, 40
	s, snap := trainedPlane(t, planeConfig(t, "grid-wgan-gp"), 1, 10)
	snap.State, snap.Note = session.Running, ""
	snap.Findings = []session.Finding{{Kind: session.ModeDropped, Text: "G's samples are on none of the 25 modes", Detail: "not one sample in 2,500 within 3σ of any mode"}}
	view := frame(t, s, snap, w, h)
	if blankRows(view, h) > 0 {
		t.Errorf("a row blank:\n%s", view)
	}
	frameReads(t, view, "modes captured a mode is captured when at least one sample in 2,500 is a high-quality sample of it")
}

// TestDivergedCriticLeavesNoRowBlankAt120: at 120×40 a diverged critic's losses
// entry, too long for the rows the divergence leaves, gives its lead in all of
// them but the pointer's, two clauses where one fits a row: a one-line lead
// would leave a row blank above the key bar.
func TestDivergedCriticLeavesNoRowBlankAt120(t *testing.T) {
	const w, h = 120, 40
	cfg, err := presets.Get("wgan-gp")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 10)
	snap.State, snap.Note, snap.Findings, snap.Frames = session.Diverged, "", nil, 0
	snap.Err, snap.Rollback = &session.Divergence{Epoch: 1, What: "D's loss on real data"}, 0
	view := frame(t, s, snap, w, h)
	if blankRows(view, h) > 0 {
		t.Errorf("a row blank:\n%s", view)
	}
	frameReads(t, view, "losses ● D real, minus D's mean score of real samples, and ○ D fake, its mean score of generated ones: their sum")
}

// TestGlossaryLeadEndsAClause: an entry's lead, which fills a row no
// whole entry fits, ends where a clause of it does and says what the
// term is: not the keys an entry begins with (replay's ", and"), nor a
// head of a few cells.
func TestGlossaryLeadEndsAClause(t *testing.T) {
	entries := map[string]string{}
	for _, g := range append(glossaryOf(false), glossaryOf(true)...) {
		entries[g[0]] = g[1]
	}
	for _, c := range []struct {
		term string
		w    int
		want string
	}{
		{"KS", 76, "Kolmogorov–Smirnov distance"},
		{"bars", 74, "█ generated counts per bin"},
		{"replay", 72, ""},
		{"noise use", 60, ""},
		// the aside that ends its first clause left out where it does not fit
		{"noise use", 69, "how much G's row of samples depends on its noise draw, 0 to 1"},
		{"noise use", 109, "how much G's row of samples depends on its noise draw, 0 to 1 (for a G that makes a row from one draw)"},
		// a clause that ends in an aside, before the aside
		{"modes captured", 104, "a mode is captured when at least one sample in 2,500 is a high-quality sample of it"},
		{"modes captured", 80, ""},
	} {
		if got := glossaryLead(entries[c.term], func(h string) bool { return ansi.StringWidth(h) <= c.w }); got != c.want {
			t.Errorf("%s at %d: %q, want %q", c.term, c.w, got, c.want)
		}
	}
}

// TestFindingExplainsOnlyWhatIsDrawn: the rows under a finding explain the
// marks the screen draws, not those it says it has not. D at its equilibrium is
// explained by the D(x) entry ("in the strip under the bars") where the
// histogram draws the strip, by the D surface entry where the plane has one,
// and by the ln 2 line alone where D scores no single sample: blog-original's
// and devnag-moments' do not read "D(x) D's belief that x is real … in the
// strip under the bars" under "no D(x) curve: D sees only 4 moments of 500
// samples", nor ring-pacgan's "D's score over the plane, behind the dots"
// beside "no D surface". A collapse is explained by G(z) only where v has that
// view, else by the view shown.
func TestFindingExplainsOnlyWhatIsDrawn(t *testing.T) {
	blog, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	line := func(cfg engine.Config) func() (*session.Session, session.Snapshot) {
		return func() (*session.Session, session.Snapshot) { return trainedSnapshot(t, cfg, 1, 10, 120) }
	}
	plane := func(name string) func() (*session.Session, session.Snapshot) {
		return func() (*session.Session, session.Snapshot) { return trainedPlane(t, planeConfig(t, name), 1, 10) }
	}
	equilibrium := []session.Finding{{Kind: session.DIndifferent, Text: "D's losses sit at their equilibrium", Detail: "D real 0.6931, D fake 0.6932, within 0.03 of ln 2 = 0.6931"}}
	collapse := []session.Finding{{Kind: session.GCollapsed, Text: "G has collapsed to nearly one point", Detail: "samples' std 0.0100"}}
	for _, c := range []struct {
		name         string
		run          func() (*session.Session, session.Snapshot)
		fs           []session.Finding
		keys         []string
		want, absent string
	}{
		{"blog-original", line(blog), equilibrium, nil, "no D(x) strip", "D's belief that x is real"},
		{"bimodal-1d", line(bimodal1D(t)), equilibrium, nil, "D's belief that x is real", ""},
		{"bimodal-1d's Q-Q, no strip", line(bimodal1D(t)), equilibrium, []string{"v"}, "ln 2 line where D's BCE losses sit", "D's belief that x is real"},
		{"ring", plane("ring"), equilibrium, nil, "D surface D's score over the plane", ""},
		{"ring-pacgan", plane("ring-pacgan"), equilibrium, nil, "no D surface", "D's score over the plane"},
		{"blog-original", line(blog), collapse, nil, "bars █ generated counts per bin", "G's output x for each noise value"},
		{"bimodal-1d", line(bimodal1D(t)), collapse, nil, "G's output x for each noise value", ""},
	} {
		s, snap := c.run()
		snap.State, snap.Note, snap.Findings = session.Paused, "", c.fs
		view := frame(t, s, snap, 120, 40, c.keys...)
		flat := frameReads(t, view, c.want)
		if c.absent != "" && strings.Contains(flat, c.absent) {
			t.Errorf("%s, %v: the screen explains %q:\n%s", c.name, c.fs[0].Kind, c.absent, view)
		}
	}
}

// TestGlossaryExplainsThePushMarks: the push entry explains every mark the push
// row draws (pushStrip), and that they are measured against the strongest push
// of the moment, not ▶ alone as "a strong push", · left out: vanilla at its
// noise floor, D within a hair of ½ everywhere, shows ◀◀◀◀ and a row of ·
// beside them.
func TestGlossaryExplainsThePushMarks(t *testing.T) {
	push := []float64{-1, -0.3, 0.01, 0.3, 1}
	row := ansi.Strip(pushStrip(push, []float64{1, 1, 1, 1, 1}, len(push)))
	for _, g := range glossaryOf(false) {
		if g[0] != "push" {
			continue
		}
		for _, r := range strings.TrimSpace(strings.TrimPrefix(row, "push")) {
			if !strings.ContainsRune(g[1], r) {
				t.Errorf("the push entry does not explain %q of the row %q: %q", r, row, g[1])
			}
		}
		if !strings.Contains(g[1], "strongest") {
			t.Errorf("the push entry does not say its marks are against the strongest push: %q", g[1])
		}
		return
	}
	t.Error("no push entry in the glossary")
}

// TestFeatureMatchingPushIsNotFollowed: under feature matching G matches D's
// features, not its score, so the push entry does not say G moves its samples
// the way of D's slope, on the page under the remedy saying "the push is D's
// slope, which G no longer follows", nor the plane's "G follows them". Under
// least squares G pulls its samples' scores to 1, against the slope where D
// scores them over 1, as the remedy says, and the entries do not say G follows
// it.
func TestFeatureMatchingPushIsNotFollowed(t *testing.T) {
	for _, plane := range []bool{false, true} {
		for _, c := range []struct {
			loss  engine.Loss
			g     engine.GLoss
			wants string
		}{
			{engine.LossBCE, engine.GLossNonSaturating, ""},
			{engine.LossBCE, engine.GLossFeatureMatching, "does not follow"},
			{engine.LossLeastSquares, engine.GLossNonSaturating, "against"},
			{engine.LossLeastSquares, engine.GLossFeatureMatching, "does not follow"},
			{engine.LossHinge, engine.GLossNonSaturating, ""},
		} {
			var m Model
			if plane {
				m.snap.Target.Plane = &session.PlaneInfo{}
			}
			m.snap.Loss, m.snap.GLoss = c.loss, c.g
			for _, e := range m.glossaryEntries() {
				if e[0] != "push" {
					continue
				}
				follows := strings.Contains(e[1], "G moves its samples that way.") || strings.Contains(e[1], "G follows them.")
				if follows != (c.wants == "") || c.wants != "" && !strings.Contains(e[1], c.wants) {
					t.Errorf("2-D %v, loss %v, g_loss %v: the push entry reads %q", plane, c.loss, c.g, e[1])
				}
			}
		}
	}
}

// TestGlossaryNamesBothStalls: the ◆ entry names both ways D's equilibrium is a
// stall, as the d-stalled event has them: D still, or the samples far from the
// target, not "(D stopped learning)" alone, since blog-original's (seed 1)
// stall starts at epoch 2,800 on its KS, "D is stuck at its equilibrium: KS
// 0.8962, over 0.5", D not yet still. It names the stall and D frozen by their
// events' kinds, in the words their findings open with ("D is stuck at its
// equilibrium", "D is frozen away from its equilibrium"), not "a stall in it"
// with D frozen left out.
func TestGlossaryNamesBothStalls(t *testing.T) {
	for _, plane := range []bool{false, true} {
		for _, g := range glossaryOf(plane) {
			if g[0] == "◆ in charts" && !strings.Contains(g[1], "D stuck at it (d-stalled: D stopped learning, or the samples far from the target) or frozen away from it (d-frozen)") {
				t.Errorf("2-D %v: the ◆ entry does not name both stalls and D frozen by their events: %q", plane, g[1])
			}
		}
	}
}

// TestModesEntrySaysMissingIsNotDropped: the 1-D modes entry, which the screen
// gives under the finding "N of M modes missing", says that the finding counts
// a mode G never covered, where the mode-dropped event needs it covered first
// (bimodal, seed 4, finds mode 2 missing with no event). Saying only what
// covered means, it would leave the finding read as the event's condition,
// which docs/diagnosis.md's table of findings says it is not quite.
func TestModesEntrySaysMissingIsNotDropped(t *testing.T) {
	for _, g := range glossaryOf(false) {
		if g[0] == "modes" {
			if !strings.Contains(g[1], `"N of M modes missing" counts a mode never covered too`) || !strings.Contains(g[1], "◆ "+session.EventModeDropped.String()+" needs it covered first") {
				t.Errorf("the modes entry does not tell the modes-missing finding from the mode-dropped event: %q", g[1])
			}
			return
		}
	}
	t.Error("no modes entry")
}

// TestBalanceEntryFitsTheLosses: the ln 2 line's entry says what the design's
// lines are: least squares' ⅛ under least squares, label smoothing and D's two
// lines only under label smoothing, G's line only where G's loss stands apart,
// the legend's dashes only for more than one line. One text for all would end,
// on moons at 200×50 (BCE, no smoothing), "(⅛ for least squares). With label
// smoothing (real label α) D's best answer is α/2" under the plane. Under label
// smoothing at 0.9 the lines are where D's losses sit at D(x) = 0.45, least
// squares' at 0.101 each, not "where D's BCE losses sit when D(x) = ½" beside
// its name "D(x)=0.45 line", nor least squares' "⅛ each".
func TestBalanceEntryFitsTheLosses(t *testing.T) {
	for _, c := range []struct {
		name          string
		loss          engine.Loss
		g             engine.GLoss
		label         float64
		wants, absent []string
	}{
		{"bce", engine.LossBCE, engine.GLossNonSaturating, 1, []string{"BCE"}, []string{"least squares", "smoothing", "G's loss", "dash"}},
		{"bce minimax", engine.LossBCE, engine.GLossMinimax, 1, []string{"at −0.693", "(┈┈: D, G)"}, []string{"smoothing", "D real's"}},
		{"least squares", engine.LossLeastSquares, engine.GLossNonSaturating, 1, []string{"least-squares losses sit, ⅛ each"}, []string{"BCE", "smoothing", "dash"}},
		{"bce smoothed", engine.LossBCE, engine.GLossNonSaturating, 0.9, []string{"BCE losses sit when D(x) = 0.45 for every sample", "labelled 0.9", "D(x)=0.45", "D real's at 0.778", "D fake's at 0.598", "at 0.799", "(┈┈┈: D real, D fake, G)"}, []string{"D(x) = ½"}},
		{"least squares smoothed", engine.LossLeastSquares, engine.GLossNonSaturating, 0.9, []string{"least-squares losses sit, 0.101 each, when D(x) = 0.45 for every sample"}, []string{"⅛", "D(x) = ½"}},
		{"feature matching smoothed", engine.LossBCE, engine.GLossFeatureMatching, 0.9, []string{"(┈┈: D real, D fake)"}, []string{"G's loss"}},
	} {
		cfg := engine.Config{Loss: c.loss, GLoss: c.g, RealLabel: c.label}
		e, ok := session.EquilibriumOf(cfg)
		if !ok {
			t.Fatalf("%s: no equilibrium", c.name)
		}
		e.Samples = true // a D(x) strip's design: vanilla's
		var m Model
		m.snap.Loss, m.snap.GLoss, m.snap.Equilibrium = c.loss, c.g, &e
		m.lossRefsShown = []bool{true} // the chart shows a line, as it draws them (balanceDrawn)
		entry := glossaryText(&m, m.balanceTerm())
		checkWords(t, c.name+": the entry", entry, c.wants, c.absent)
	}
}

// TestBalanceEntryNamedAsTheLegend: the glossary names the loss chart's
// equilibrium lines by the legend's words for the design: "ln 2 line" under
// BCE, "⅛ line" under least squares, "D(x)=0.45 line" under label smoothing at
// 0.9, not "ln 2 line" under least squares beside a legend's "┈ ⅛ at D(x)=½".
func TestBalanceEntryNamedAsTheLegend(t *testing.T) {
	for _, c := range []struct {
		loss  engine.Loss
		label float64
		want  string
	}{
		{engine.LossBCE, 1, "ln 2 line"},
		{engine.LossLeastSquares, 1, "⅛ line"},
		{engine.LossBCE, 0.9, "D(x)=0.45 line"},
		{engine.LossLeastSquares, 0.9, "D(x)=0.45 line"},
	} {
		e, _ := session.EquilibriumOf(engine.Config{Loss: c.loss, RealLabel: c.label})
		e.Samples = true
		var m Model
		m.snap.Loss, m.snap.Equilibrium = c.loss, &e
		m.lossRefsShown = []bool{true}
		legend := eqLabel(&e, 80)
		var terms []string
		for _, g := range m.glossaryEntries() {
			terms = append(terms, g[0])
		}
		if !slices.Contains(terms, c.want) {
			t.Errorf("%v at %v: no entry %q beside the legend's %q: %q", c.loss, c.label, c.want, legend, terms)
		}
		if name, _, _ := strings.Cut(legend, " at "); name+" line" != c.want {
			t.Errorf("%v at %v: the legend reads %q, not the entry's %q", c.loss, c.label, legend, c.want)
		}
	}
}

// TestDxEntryUnderLabelSmoothing: under label smoothing the D(x) entry
// gives the score of a D that cannot tell real from fake, half its real
// label (0.45 at 0.9), not ½, which the strip's D at its balance sits
// under; without smoothing it says ½.
func TestDxEntryUnderLabelSmoothing(t *testing.T) {
	for _, c := range []struct {
		label       float64
		want, avoid string
	}{
		{1, "½ everywhere means D cannot tell", "half its real label"},
		{0.9, "half its real label everywhere, 0.45 here", "½ everywhere means"},
	} {
		e, _ := session.EquilibriumOf(engine.Config{Loss: engine.LossBCE, RealLabel: c.label})
		var m Model
		m.snap.Equilibrium = &e
		for _, g := range m.glossaryEntries() {
			if g[0] == "D(x)" && (!strings.Contains(numtext.Plain(g[1]), c.want) || strings.Contains(g[1], c.avoid)) {
				t.Errorf("real label %v: the D(x) entry reads %q, want %q in it", c.label, g[1], c.want)
			}
		}
	}
}

// TestDxEntrySaysWhereACriticsLineIs: the D(x) entry says where a critic's
// strip draws its dotted line (dStrip: half-way between its lowest and highest
// score) and that it marks no balance: saying that ½ means D cannot tell, and
// of a critic only that the strip runs from its min to its max, it would let
// hinge's ┈ between -3.8 and 11 read as the point where D cannot tell.
func TestDxEntrySaysWhereACriticsLineIs(t *testing.T) {
	for _, loss := range []engine.Loss{engine.LossWasserstein, engine.LossHinge} {
		var m Model
		m.snap.Loss, m.snap.Eval.DCurve = loss, make([]float64, 4)
		for _, g := range m.glossaryEntries() {
			if g[0] == "D(x)" && !strings.Contains(g[1], "its dotted line half-way between them, which marks no balance") {
				t.Errorf("%v: the D(x) entry does not say where a critic's dotted line is: %q", loss, g[1])
			}
		}
	}
}

// TestDxEntryTakesTheLoss: the D(x) entry says what D's score is under the
// design's loss: a belief, 0 to 1, under BCE alone; under least squares a score
// with no sigmoid that may leave 0 to 1, as lsgan's remedy says, ½ still D's
// answer where it cannot tell; under a critic's loss an unbounded score, with
// no word of ½. It does not call D(x) "D's belief that x is real, 0 to 1" under
// every loss, lsgan's too, whose remedy on the page before says its score may
// leave 0…1, and wgan's, whose strip runs from its min to its max.
func TestDxEntryTakesTheLoss(t *testing.T) {
	const belief = "D's belief that x is real, 0 to 1"
	for _, c := range []struct {
		loss         engine.Loss
		want, absent []string
	}{
		{engine.LossBCE, []string{belief, "½ everywhere means D cannot tell"}, []string{"critic", "least squares"}},
		{engine.LossLeastSquares, []string{"no belief, with no sigmoid it may leave 0 to 1", "½ everywhere means D cannot tell"}, []string{belief, "critic"}},
		{engine.LossWasserstein, []string{"D's score of x", "without bounds"}, []string{belief, "½ everywhere", "critic"}},
		{engine.LossHinge, []string{"D's score of x", "without bounds"}, []string{belief, "½ everywhere", "critic"}},
	} {
		e, _ := session.EquilibriumOf(engine.Config{Loss: c.loss, RealLabel: 1})
		var m Model
		m.snap.Loss, m.snap.Eval.DCurve, m.snap.Equilibrium = c.loss, make([]float64, 4), &e
		entry := glossaryText(&m, "D(x)")
		checkWords(t, c.loss.String()+": the D(x) entry", entry, c.want, c.absent)
	}
}

// TestSurfaceEntryTakesTheLoss: the D surface entry says what the plane's
// shades are under the design's loss, one entry for each: under BCE blue where
// D says generated, orange where real, no shade at ½; under least squares a
// score with no sigmoid, shaded as 0 or 1 beyond them; under label smoothing no
// shade at half the real label; under a critic's loss a score without bounds,
// shaded from its lowest to its highest, with no word of ½. On grid-wgan-gp it
// does not give BCE's words, "no shade where it cannot tell (½)", then a
// critic's a sentence after.
func TestSurfaceEntryTakesTheLoss(t *testing.T) {
	const bce = "blue where D says generated, orange where it says real, no shade where it cannot tell (½)"
	for _, c := range []struct {
		name         string
		loss         engine.Loss
		label        float64
		want, absent []string
	}{
		{"bce", engine.LossBCE, 1, []string{bce, "· marks D = ½"}, []string{"critic", "least squares", "without bounds"}},
		{"least squares", engine.LossLeastSquares, 1, []string{"fitted to its labels by least squares", "may leave 0 to 1", "no shade where it cannot tell (½)"}, []string{"critic", "without bounds"}},
		{"bce smoothed", engine.LossBCE, 0.9, []string{"no shade where it cannot tell (0.45, half its real label)"}, []string{"(½)", "critic"}},
		{"wasserstein", engine.LossWasserstein, 1, []string{"D's score over the plane", "without bounds", "no shade half-way"}, []string{"½", "D says generated", "critic"}},
		{"hinge", engine.LossHinge, 1, []string{"D's score over the plane", "without bounds"}, []string{"½", "D says generated", "critic"}},
	} {
		var m Model
		if e, ok := session.EquilibriumOf(engine.Config{Loss: c.loss, RealLabel: c.label}); ok {
			m.snap.Equilibrium = &e
		}
		m.snap.Loss = c.loss
		m.snap.Target.Plane, m.snap.Eval.Surface = &session.PlaneInfo{}, make([]float64, 4)
		entry := glossaryText(&m, "D surface")
		checkWords(t, c.name+": the D surface entry", entry, c.want, c.absent)
	}
}

// TestEventsEntryEndsTheDesignsEquilibrium: the ◆ entry gives the line an
// equilibrium's episode ends at as the design's loss has it: D's scores within
// 0.03 of ½ under BCE and least squares, of 0.45 under label smoothing at 0.9,
// the losses' sum within 0.12 of 2 under the hinge loss, and none for a
// Wasserstein critic, which has no equilibrium, not "D's scores within 0.03 of
// ½ or, under the hinge loss, its losses' sum within 0.12 of 2" for every
// design, ½ on label-smoothing beside its line D(x)=0.45.
func TestEventsEntryEndsTheDesignsEquilibrium(t *testing.T) {
	for _, c := range []struct {
		name         string
		loss         engine.Loss
		label        float64
		want, absent []string
	}{
		{"bce", engine.LossBCE, 1, []string{"for the equilibrium, the noise floor", "near it: D's scores within 0.03 of ½; KS under"}, []string{"hinge", "0.12 of 2"}},
		{"least squares", engine.LossLeastSquares, 1, []string{"near it: D's scores within 0.03 of ½; KS under"}, []string{"hinge"}},
		{"bce smoothed", engine.LossBCE, 0.9, []string{"near it: D's scores within 0.03 of 0.45; KS under"}, []string{"of ½", "hinge"}},
		{"hinge", engine.LossHinge, 1, []string{"for the equilibrium, the noise floor", "near it: its losses' sum within 0.12 of 2; KS under"}, []string{"of ½", "under the hinge loss"}},
		{"wasserstein", engine.LossWasserstein, 1, []string{"(for the noise floor, a collapse and a plateau, without it or near it: KS under"}, []string{"of ½", "of 2", "for the equilibrium"}},
	} {
		var m Model
		if e, ok := session.EquilibriumOf(engine.Config{Loss: c.loss, RealLabel: c.label}); ok {
			e.Samples = true
			m.snap.Equilibrium = &e
		}
		m.snap.Loss = c.loss
		checkWords(t, c.name+": the ◆ entry", glossaryText(&m, "◆ in charts"), c.want, c.absent)
	}
}

// TestBalanceNamesDxOnlyWhereDScoresSamples: the loss chart's ln 2 line and its
// glossary entry name D(x) only for a D that scores single samples, as the
// finding does (session.Equilibrium.Score): blog-original, whose D judges a row
// of 100, does not have its line read "ln 2 at D(x)=½" nor the entry "when D(x)
// = ½ for every sample" beside "no D(x) strip".
func TestBalanceNamesDxOnlyWhereDScoresSamples(t *testing.T) {
	for _, c := range []struct {
		preset        string
		label, entry  string
		absentInEntry string
	}{
		{"vanilla", "ln 2 at D(x)=½", "D(x) = ½ for every sample", "D's score"},
		{"blog-original", "ln 2 at D=½", "D's score = ½ for everything it judges", "D(x)"},
		{"devnag-moments", "ln 2 at D=½", "D's score = ½ for everything it judges", "D(x)"},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		e, ok := session.EquilibriumOf(cfg)
		if !ok {
			t.Fatalf("%s: no equilibrium", c.preset)
		}
		if got := eqLabel(&e, 60); got != c.label {
			t.Errorf("%s: the line is named %q, want %q", c.preset, got, c.label)
		}
		var m Model
		m.snap.Loss, m.snap.GLoss, m.snap.Equilibrium = cfg.Loss, cfg.GLoss, &e
		for _, g := range m.glossaryEntries() {
			if g[0] != "ln 2 line" {
				continue
			}
			if entry := numtext.Plain(g[1]); !strings.Contains(entry, c.entry) || strings.Contains(entry, c.absentInEntry) {
				t.Errorf("%s: the entry %q, want %q in it and no %q", c.preset, entry, c.entry, c.absentInEntry)
			}
		}
	}
}

// TestFarNoteFitsItsLine: the note that G is far from its target, on a ring at
// 80 columns with one row left it under the status, is read whole, the
// high-quality share named HQ as the Quality panel names it: "(0% of the
// samples of high quality, under 25%)" would take two rows and be cut. The
// stall's detail, which has more room, keeps the words.
func TestFarNoteFitsItsLine(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 10)
	snap.State, snap.Note, snap.Findings = session.Paused, "", nil
	snap.Eval.Metrics.Plane.HighQuality = 0
	m := NewModel(s)
	m.width, m.height = 80, 24
	m.apply(snap)
	lines := m.msgLines(80, 2)
	note := strings.TrimRight(numtext.Plain(ansi.Strip(lines[len(lines)-1])), " ")
	if want := "No finding now, but G is far from the target (HQ 0%, under 25%)."; note != want {
		t.Errorf("80 columns, one row for the note: %q, want %q", note, want)
	}
}

// TestHighQualityReadsAsTheNote: the high-quality share reads alike in the
// Quality panel, the mode map's head and the note that G is far from its
// target, not "HQ 0.0%" in the panel and the map beside the note's "HQ 0%".
func TestHighQualityReadsAsTheNote(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 10)
	snap.State, snap.Note, snap.Findings = session.Paused, "", nil
	snap.Eval.Metrics.Plane.HighQuality = 0
	m := NewModel(s)
	m.width, m.height = 120, 40
	m.apply(snap)
	view := numtext.Plain(ansi.Strip(m.View()))
	if !strings.Contains(view, "G is far from the target (HQ 0%, under 25%)") {
		t.Fatalf("no note that G is far at HQ 0:\n%s", view)
	}
	if n := strings.Count(view, "HQ 0%"); n != 3 {
		t.Errorf("HQ 0%% written %d times, want 3 (the mode map, the Quality panel, the note):\n%s", n, view)
	}
}

// TestReplayedFarNoteKeepsItsFigures: on a replayed frame at 80 columns with
// one row left it, the note that G was far from its target is read whole, the
// measurement and its line kept and the epoch, which the header and the status
// name, left out: moons' frame at epoch 2,200 does not read "No finding at
// epoch 2,200, but G was far from the target (SW1 0.211, over …", the line cut
// off.
func TestReplayedFarNoteKeepsItsFigures(t *testing.T) {
	var m Model
	m.snap.Target.Plane = &session.PlaneInfo{}
	m.snap.CheckNoise.SW1 = 0.0145
	m.snap.Eval = session.Eval{Epoch: 2688, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{SW1: 0.1718}}}
	m.snap.Replay = &session.Keyframe{Eval: session.Eval{Epoch: 2200, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{SW1: 0.2106}}}}
	lines := m.watchLines(80, 1)
	got := strings.TrimRight(numtext.Plain(ansi.Strip(strings.Join(lines, "|"))), " ")
	if want := "No finding, but G was far from the target (SW1 0.211, over 0.102)."; got != want {
		t.Errorf("a replayed frame, 80 columns, one row: %q, want %q", got, want)
	}
	// With two rows the epoch stays, and what the line is (FarFloor).
	got = strings.Join(strings.Fields(numtext.Plain(ansi.Strip(strings.Join(m.watchLines(80, 2), " ")))), " ")
	if want := "No finding at epoch 2,200, but G was far from the target (SW1 0.211, over 0.102; 7× the 0.015 of a sample of the target itself)"; !strings.Contains(got, want) {
		t.Errorf("a replayed frame, 80 columns, two rows: %q lacks %q", got, want)
	}
}

// TestFarNoteSaysWhatItsLineIs: on a plane without modes (moons, a points
// file) the note that G is far says what its line is, 7× the floor a sample
// of the target itself shows, as a done ring's "not near" note does: "No
// finding now, but G is far from the target (SW1 0.348, over 0.100)" stood
// beside the Quality panel's "floor 0.014" with nothing to tie the two. At
// 80 columns with one row the floor gives way and the figures stay.
func TestFarNoteSaysWhatItsLineIs(t *testing.T) {
	var m Model
	m.snap.Target.Plane = &session.PlaneInfo{}
	m.snap.CheckNoise.SW1 = 0.0145
	m.snap.Eval = session.Eval{Epoch: 2200, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{SW1: 0.2106}}}
	got := strings.Join(strings.Fields(numtext.Plain(ansi.Strip(strings.Join(m.watchLines(120, 3), " ")))), " ")
	if want := "No finding now, but G is far from the target (SW1 0.211, over 0.102; 7× the 0.015 of a sample of the target itself)."; !strings.Contains(got, want) {
		t.Errorf("120 columns, three rows: %q lacks %q", got, want)
	}
	got = strings.TrimRight(numtext.Plain(ansi.Strip(strings.Join(m.watchLines(80, 1), "|"))), " ")
	if want := "No finding now, but G is far from the target (SW1 0.211, over 0.102)."; got != want {
		t.Errorf("80 columns, one row: %q, want %q", got, want)
	}
}

// TestNoFindingSaysGIsFarFromTheTarget: with no finding, a run whose G is far
// from its target (KS over ½; on a plane of modes, under a quarter of the
// samples of high quality) is told so beside "No finding now", which alone
// would stand beside a KS of 0.89 as if the run went well; a replayed frame
// says it of its epoch, and a G near the target, or one not yet trained, is
// told nothing of it.
func TestNoFindingSaysGIsFarFromTheTarget(t *testing.T) {
	hint := func(m *Model) string {
		return strings.Join(strings.Fields(strings.Join(m.watchLines(120, 5), " ")), " ")
	}
	var m Model
	m.snap.Eval = session.Eval{Epoch: 1258, Metrics: engine.Metrics{N: 10000, KS: 0.89}}
	if got, want := hint(&m), "No finding now, but G is far from the target (KS 0.890, over 0.5). Watch for"; !strings.Contains(got, want) {
		t.Errorf("KS 0.89: hint %q lacks %q", got, want)
	}
	m.snap.Replay = &session.Keyframe{Eval: session.Eval{Epoch: 300, Metrics: engine.Metrics{N: 10000, KS: 0.6}}}
	if got, want := hint(&m), "G was far from the target (KS 0.600, over 0.5)"; !strings.Contains(got, want) {
		t.Errorf("a replayed frame at KS 0.6: hint %q lacks %q", got, want)
	}
	m.snap.Replay.Eval.Metrics.KS = 0.2
	if got := hint(&m); strings.Contains(got, "far from") {
		t.Errorf("a replayed frame at KS 0.2: hint %q calls G far", got)
	}
	m = Model{}
	m.snap.Target.Plane = &session.PlaneInfo{Spots: make([]engine.Spot, 8)}
	m.snap.Eval.Epoch = 400
	m.snap.Eval.Metrics = engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{Spots: make([]engine.SpotShare, 8), HighQuality: 0.1}}
	if got, want := hint(&m), "No finding now, but G is far from the target (HQ 10%, under 25%)"; !strings.Contains(got, want) {
		t.Errorf("ring at 10%% high quality: hint %q lacks %q", got, want)
	}
	m.snap.Eval.Metrics.Plane.HighQuality = 0.9
	if got := hint(&m); strings.Contains(got, "far from") {
		t.Errorf("ring at 90%% high quality: hint %q calls G far", got)
	}
	// At epoch 0 every G is far from its target, untrained: the hint
	// does not say so.
	m.snap.Eval = session.Eval{Metrics: engine.Metrics{N: 10000, KS: 0.89}}
	m.snap.Target.Plane = nil
	if got := hint(&m); strings.Contains(got, "far from") {
		t.Errorf("epoch 0: hint %q calls G far", got)
	}
}

// TestNoFindingSaysHandLossesAreNotJudged: after updates by hand (d, g) the
// hint says the diagnosis reads the epochs' losses, not those the legend gives:
// "No finding now" alone would stand beside "G 100.000" after d and
// g pressed at a D learning rate of 10. A replayed frame, which has no updates
// by hand, and a run without them are told nothing of it.
func TestNoFindingSaysHandLossesAreNotJudged(t *testing.T) {
	hint := func(m *Model, w, n int) string {
		return strings.Join(strings.Fields(numtext.Plain(ansi.Strip(strings.Join(m.watchLines(w, n), " ")))), " ")
	}
	const said = "No finding now; the diagnosis reads the epochs' losses, not those by hand."
	var m Model
	m.snap.Hand = &session.HandLosses{G: true, GLoss: 100}
	for _, size := range [][2]int{{120, 5}, {80, 2}, {80, 1}} {
		if got := hint(&m, size[0], size[1]); !strings.HasPrefix(got, said) {
			t.Errorf("after g, %d columns, %d rows: hint %q, want it to begin %q", size[0], size[1], got, said)
		}
	}
	// At 70 columns in one row, in fewer words, not cut, "No finding now; the
	// diagnosis reads the epochs' losses, not those by …".
	if got, want := hint(&m, minWidth, 1), "No finding now; the diagnosis leaves out losses by hand."; got != want {
		t.Errorf("after g, %d columns, 1 row: hint %q, want %q", minWidth, got, want)
	}
	m.snap.Eval = session.Eval{Epoch: 1258, Metrics: engine.Metrics{N: 10000, KS: 0.89}}
	if got, want := hint(&m, 120, 5), "No finding now, but G is far from the target (KS 0.890, over 0.5); the diagnosis reads the epochs' losses, not those by hand. Watch for"; !strings.Contains(got, want) {
		t.Errorf("after g, KS 0.89: hint %q lacks %q", got, want)
	}
	m.snap.Replay = &session.Keyframe{}
	if got := hint(&m, 120, 5); strings.Contains(got, "by hand") {
		t.Errorf("a replayed frame: hint %q speaks of updates by hand", got)
	}
	m.snap.Replay, m.snap.Hand = nil, nil
	if got := hint(&m, 120, 5); strings.Contains(got, "by hand") {
		t.Errorf("no update by hand: hint %q speaks of them", got)
	}
}

// TestFindingsSayHandLossesAreNotJudged: after updates by hand (d, g) with a
// finding showing, the diagnosis's rows at 120×40 and the ? pages at 80×24 and
// 120×40 say the findings do not read their losses, as the hint does with no
// finding: blog-original's "! G ignores its noise" would otherwise stand beside
// "Losses, D by hand" with nothing to say so. A replayed frame, which has no
// updates by hand, and a run without them are told nothing of it.
func TestFindingsSayHandLossesAreNotJudged(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.State, snap.Note = session.Paused, ""
	snap.Findings = []session.Finding{{Kind: session.NoiseIgnored, Text: "G ignores its noise: it makes nearly the same output every time", Detail: "noise use 0.0135, under 0.05"}}
	const said = "The diagnosis reads the epochs' losses, not those of the updates by hand since the latest epoch."
	hand := snap
	hand.Hand = &session.HandLosses{Epoch: snap.Epoch, D: true, DReal: 0.2273, DFake: 1.0317}
	frameReads(t, frame(t, s, hand, 120, 40), "G ignores its noise", said)
	for _, w := range []int{80, 120} {
		h := map[int]int{80: 24, 120: 40}[w]
		frameReads(t, frame(t, s, hand, w, h, "?", "?"), "Diagnosis at epoch", said)
		for name, other := range map[string]session.Snapshot{"no update by hand": snap, "a replayed frame": func() session.Snapshot {
			r := hand
			r.Replay = &session.Keyframe{Eval: snap.Eval, Findings: snap.Findings}
			return r
		}()} {
			for _, keys := range [][]string{nil, {"?", "?"}} {
				if view := frame(t, s, other, w, h, keys...); strings.Contains(view, "by hand since") {
					t.Errorf("%s, %d×%d, keys %v: the screen speaks of updates by hand:\n%s", name, w, h, keys, view)
				}
			}
		}
	}
}

// TestPendingFindingSaysItHasNoEventYet: vanilla at d_lr=2e-3 ends its 250
// epochs on D wins, first seen at the last check, its event due at the next
// (session.Pending): the diagnosis's row at 80×24 and 120×40, and the ? pages,
// say so beside the finding, which would otherwise read as one the events mark,
// < and > finding none of it; ten epochs more, the event made, they say nothing
// of it. At 80 columns a head whose note does not fit beside the hint says only
// that it has no event yet; a finding no check has seen yet names both checks
// it must hold at; a replayed frame's findings are not the live ones the note
// is of.
func TestPendingFindingSaysItHasNoEventYet(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DLR = 2e-3
	const note = "· new at epoch 250: an event if it holds at 260"
	s, at250 := trainedSnapshots(t, cfg, 1, 250, 80, 120)
	_, at260 := trainedSnapshots(t, cfg, 1, 260, 80, 120)
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		snap := at250[w]
		if len(snap.Findings) == 0 || snap.Findings[0].Kind != session.DWins {
			t.Fatalf("vanilla at d_lr=2e-3 ends its 250 epochs on %v, not D wins", snap.Findings)
		}
		if w == 80 { // at 120×40 the short note (TestPendingNoteTakesNoGlossaryRow)
			frameReads(t, frame(t, s, snap, w, h), "! D wins", note)
		}
		frameReads(t, frame(t, s, snap, w, h, "?", "?"), "Diagnosis at epoch 250", "together under 0.1 "+note)
		for _, keys := range [][]string{nil, {"?", "?"}} {
			if view := frame(t, s, at260[w], w, h, keys...); !strings.Contains(view, "D wins") || strings.Contains(view, "· new") {
				t.Errorf("%d×%d, keys %v: the win's event made at 260, the frame still says it is new or lost it:\n%s", w, h, keys, view)
			}
		}
	}
	snap := at250[80]
	snap.Pending = []session.Pending{{Kind: session.DWins, Seen: -1, Checks: []int{250, 260}}}
	frameReads(t, frame(t, s, snap, 80, 24, "?", "?"), "new: an event if it holds at 250 and 260")
	snap.Pending = []session.Pending{{Kind: session.DWins, Seen: 1_000_000, Checks: []int{1_000_010}}}
	frameReads(t, frame(t, s, snap, 80, 24), "! D wins · new: ◆ if it holds ? twice: in full")
	snap.Replay = &session.Keyframe{Eval: snap.Eval, Last: snap.Last, Findings: snap.Findings}
	if view := frame(t, s, snap, 80, 24); strings.Contains(view, "· new") {
		t.Errorf("a replayed frame's finding is called new:\n%s", view)
	}
}

// TestPendingNoteTakesNoGlossaryRow: at 120×40 the win of vanilla at d_lr=2e-3
// at epoch 250, "D wins: it scores real data over 0.9 and generated data under
// 0.1, on average; the non-saturating G loss keeps G's gradient", with the
// measurement behind it, takes two of the diagnosis's rows with its note short,
// "· new: ◆ if it holds", and the entry for D's losses keeps the row under
// it; the ? pages give the note whole. The long note would wrap its last words,
// "event if it holds at 260", onto a third row and push the entry out.
func TestPendingNoteTakesNoGlossaryRow(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DLR = 2e-3
	s, snap := trainedSnapshot(t, cfg, 1, 250, 120)
	view := frame(t, s, snap, 120, 40)
	flat := frameReads(t, view, "on average; the non-saturating G loss keeps G's gradient — losses averaged over about 100 epochs", "together under 0.1 · new: ◆ if it holds", "losses ● D real, D's loss on real samples")
	if strings.Contains(flat, "an event if it holds") {
		t.Errorf("the long note on the diagnosis's rows at 120×40:\n%s", view)
	}
	frameReads(t, frame(t, s, snap, 120, 40, "?", "?"), "together under 0.1 · new at epoch 250: an event if it holds at 260")
}

// TestFindingHeadsPointToHelpOnce: where the findings are named by their heads,
// "? twice: in full" after them says where the rest is, and the rows left under
// them do not say it again: at 80×24 a paused blog-original's line does not end
// "? twice: in full" over "? twice explains each finding and mark.".
func TestFindingHeadsPointToHelpOnce(t *testing.T) {
	long := ": " + strings.Repeat("a long account of what the finding rests on, ", 4)
	var m Model
	m.snap.State = session.Paused
	m.snap.Findings = []session.Finding{
		{Kind: session.NoiseIgnored, Text: "G ignores its noise" + long},
		{Kind: session.DStalled, Text: "D is stuck at its equilibrium" + long},
	}
	for n := 3; n <= 6; n++ {
		got := ansi.Strip(strings.Join(m.msgLines(80, n), "\n"))
		if !strings.Contains(got, "in full") {
			continue // the findings in full: no heads
		}
		if c := strings.Count(got, "? twice"); c != 1 {
			t.Errorf("%d rows: ? twice said %d times:\n%s", n, c, got)
		}
	}
}

// TestFindingHeadKeepsItsNoteWholeOrNone: a finding named by its head whose
// note, short as it is, does not fit on the head's row is named without it, not
// with the note cut through: grid at 80×24, seed 1, epoch 920, does not read "!
// D is stuck at its equilibrium, yet the samples are far from the target ·
// new:", its "no event yet" lost past the edge. A head and note that fit keep
// the note.
func TestFindingHeadKeepsItsNoteWholeOrNone(t *testing.T) {
	long := ": " + strings.Repeat("a long account of what the finding rests on, ", 4)
	for _, c := range []struct {
		head string
		note bool // whether a note, long or short, fits beside it at 80
	}{
		{"D is stuck at its equilibrium, yet the samples are far from the target", false},
		{"D wins", true},
	} {
		var m Model
		m.snap.State = session.Running
		m.snap.Findings = []session.Finding{
			{Kind: session.ModeDropped, Text: "6 of 25 modes missing, and many samples between the modes" + long},
			{Kind: session.DStalled, Text: c.head + long},
		}
		m.snap.Pending = []session.Pending{{Kind: session.DStalled, Seen: 900, Checks: []int{1_000}}}
		for n := 2; n <= 6; n++ {
			got := numtext.Plain(ansi.Strip(strings.Join(m.msgLines(80, n), "\n")))
			if !strings.Contains(got, "in full") {
				continue // the findings in full: no heads
			}
			if first, _, _ := strings.Cut(c.head, ","); strings.Contains(got, first) && !strings.Contains(got, c.head) {
				t.Errorf("%d rows: the head %q cut:\n%s", n, c.head, got)
			}
			whole := strings.Count(got, "· new: ◆ if it holds") + strings.Count(got, "· new at epoch 900: an event if it holds at 1,000")
			if seen := strings.Count(got, "· new"); seen != whole || (seen > 0) != c.note {
				t.Errorf("%d rows: beside %q a note cut, or one where %v is wanted:\n%s", n, c.head, c.note, got)
			}
		}
	}
}

// TestRowsUnderHeadsExplainTheFindings: where the first findings are given in
// full and the rest by their heads, the rows left under them explain what the
// findings rest on, as they do under heads alone, and the area gives all its
// rows: grid-pacgan at 120×40, its design shared with c, does not give its
// missing modes in full and its stalled D by its head over a blank row.
func TestRowsUnderHeadsExplainTheFindings(t *testing.T) {
	var m Model
	m.snap.State = session.Paused
	m.snap.Target.Plane = &session.PlaneInfo{}
	m.snap.Note = "wrote ganui-grid-pacgan-seed1.json · the command below runs the run again" + session.CommandBreak + "ganui --preset grid-pacgan --seed 1"
	m.snap.Findings = []session.Finding{
		{Kind: session.ModeDropped, Text: "7 of 25 modes missing: G's samples spread wide about the target's centre, many of them on no mode"},
		{Kind: session.DStalled, Text: "D is stuck at its equilibrium, yet the samples are far from the target: " + strings.Repeat("a long account of what the finding rests on, ", 5)},
	}
	got := m.msgLines(120, 5)
	flat := ansi.Strip(strings.Join(got, "\n"))
	if !strings.Contains(flat, "many of them on no mode") || !strings.Contains(flat, "far from the target  ? twice: in full") {
		t.Fatalf("not the missing modes in full and the stalled D by its head:\n%s", flat)
	}
	if len(got) != 5 || strings.TrimSpace(ansi.Strip(got[len(got)-1])) == "" {
		t.Errorf("%d rows of 5, the last blank or missing:\n%s", len(got), flat)
	}
}

// TestHeadCutKeepsTheCountOfTheRest: on one row, a head too wide to stand
// beside "+1 more" and the hint is cut, the count of the findings left out
// kept: uniform at 80×24, at its plan's end, does not read "! KS has not
// improved by 10% in 3,000 epochs, far from the target, a plateau … ? twice:
// in full", D's equilibrium beside it gone without a word, the … saying only
// that the head went on.
func TestHeadCutKeepsTheCountOfTheRest(t *testing.T) {
	var m Model
	m.snap.State = session.Paused
	m.snap.Findings = []session.Finding{
		{Kind: session.Plateau, Text: "KS has not improved by 10% in 3,000 epochs, far from the target, a plateau: train on to see whether it lifts, or try other settings"},
		{Kind: session.DIndifferent, Text: "D's losses sit at their equilibrium: ln 2 each, what D(x) = ½ gives on every sample, the losses of a D that cannot tell real from fake"},
	}
	got := m.msgLines(80, 2)
	flat := ansi.Strip(strings.Join(got, "\n"))
	if len(got) != 2 || !fits(got, 80) {
		t.Fatalf("%d rows of 2, or wider than 80:\n%s", len(got), flat)
	}
	if want := "! KS has not improved by 10% in 3,000 epochs, far …  +1 more  ? twice: in full"; numtext.Plain(ansi.Strip(got[1])) != want {
		t.Errorf("the heads' row reads\n%s\nwant\n%s", numtext.Plain(ansi.Strip(got[1])), want)
	}
}

// TestCollapseEntryInTheFindingsWords: the ◆ entry names a collapse as the
// run's collapsed finding does, "collapsed to a narrow patch" on a points file,
// whose clusters are not known, and "collapsed to nearly one point" elsewhere.
// On a points file it does not offer "nearly one point" beside a finding that
// opens "G has collapsed to a narrow patch".
func TestCollapseEntryInTheFindingsWords(t *testing.T) {
	for _, c := range []struct{ spec, want, avoid string }{
		{"points(clusters.csv)", "G collapsed to a narrow patch or spread again", "nearly one point"},
		{"moons(0.05)", "G collapsed to nearly one point or spread again", "narrow patch"},
	} {
		var m Model
		m.snap.Target = session.TargetInfo{Spec: c.spec, Plane: &session.PlaneInfo{}}
		i := slices.IndexFunc(m.glossaryEntries(), func(g [2]string) bool { return g[0] == "◆ in charts" })
		if i < 0 {
			t.Fatalf("%s: no ◆ entry", c.spec)
		}
		if g := m.glossaryEntries()[i][1]; !strings.Contains(g, c.want) || strings.Contains(g, c.avoid) {
			t.Errorf("%s: the ◆ entry reads %q, want %q, not %q", c.spec, g, c.want, c.avoid)
		}
	}
}

// TestQuestionTwiceStaysTogether: wherever the diagnosis's rows send the reader
// to the ? pages, "? twice" is wrapped whole, at any width and height, in every
// view: wgan's Q-Q view at 120×40 does not end a line "Findings show here while
// they hold; ?" over "twice explains each mark."
func TestQuestionTwiceStaysTogether(t *testing.T) {
	for _, view := range []sampleView{viewHist, viewQQ, viewGZ} {
		var m Model
		m.view = view
		for w := 20; w <= 200; w++ {
			for n := 1; n <= 9; n++ {
				for i, l := range m.watchLines(w, n) {
					l = strings.TrimSpace(numtext.Plain(ansi.Strip(l)))
					if strings.HasSuffix(l, "?") || strings.HasPrefix(l, "twice") {
						t.Fatalf("view %d, width %d, %d rows: line %d %q parts ? from twice:\n%s", view, w, n, i, l, strings.Join(m.watchLines(w, n), "\n"))
					}
				}
			}
		}
	}
}

// TestLossesEntryTakesTheLoss: the glossary's losses entry says what each line
// measures in the design being trained. Of D's: under BCE and least squares
// that each is lower as D tells real from generated better; under the
// Wasserstein and hinge losses that their sum says it, either alone nothing,
// for a shift of every score lowers one as far as it raises the other (wgan-gp
// at its noise floor reads D real 33.9, D fake −33.9). Of G's: a distance
// between D's features under feature matching, minus D's score under the
// wasserstein and hinge losses, how far G's samples are from passing for real
// under BCE and least squares. It does not say of every design that lower D
// losses mean a D telling them apart better, and a lower G loss samples that
// pass for real better.
func TestLossesEntryTakesTheLoss(t *testing.T) {
	const (
		eachD     = "lower, D tells them apart better"
		passes    = "its samples pass for real better"
		features  = "the mean of D's features on its samples is from that on real data"
		critic    = "minus D's mean score of its samples"
		wSum      = "their sum is minus the gap between the two means"
		hingeSum  = "their sum is 2 less the gap between D's mean scores of the two"
		aloneNone = "Either line alone tells"
	)
	for _, c := range []struct {
		name      string
		loss      engine.Loss
		g         engine.GLoss
		wants     []string
		wantsNone []string
	}{
		{"bce", engine.LossBCE, engine.GLossNonSaturating, []string{eachD, passes, "a game in balance settles."}, []string{aloneNone}},
		{"bce minimax", engine.LossBCE, engine.GLossMinimax, []string{eachD, passes}, []string{aloneNone}},
		{"least squares", engine.LossLeastSquares, engine.GLossNonSaturating, []string{eachD, passes}, []string{aloneNone}},
		{"feature matching", engine.LossBCE, engine.GLossFeatureMatching, []string{eachD, features}, []string{passes}},
		{"wasserstein", engine.LossWasserstein, engine.GLossNonSaturating, []string{wSum, aloneNone, critic, "the sum settles near 0"}, []string{eachD, passes, "a game in balance settles."}},
		{"hinge", engine.LossHinge, engine.GLossNonSaturating, []string{hingeSum, aloneNone, critic, "the sum settles near 2"}, []string{eachD, passes, "a game in balance settles.", "critic"}},
		{"wasserstein, feature matching", engine.LossWasserstein, engine.GLossFeatureMatching, []string{wSum, features}, []string{eachD, critic}},
	} {
		var m Model
		m.snap.Loss, m.snap.GLoss = c.loss, c.g
		entry := glossaryText(&m, "losses")
		checkWords(t, c.name+": the losses entry", entry, c.wants, c.wantsNone)
		for _, mark := range []string{"● D real", "○ D fake", "■ G"} {
			if n := strings.Count(entry, mark); n != 1 {
				t.Errorf("%s: the losses entry names %s %d times: %q", c.name, mark, n, entry)
			}
		}
	}
}

// TestHingeGlossaryNamesNoCritic: a hinge run's glossary calls D D, as its
// remedy ("D's loss is max(0, 1 − D(real)) + …") and its G −D(G(z)) entry
// ("minus D's mean score of its samples") do, where its losses and D(x)
// entries had read "minus the critic's mean score of its samples" and "the
// critic's score of x", a critic no entry of the run explains; wgan's, whose
// remedy and wasserstein entry say D is a critic, calls it D too, as its
// settings do (TestDIsDUnderACriticsLoss), and D's surface on a plane
// follows alike.
func TestHingeGlossaryNamesNoCritic(t *testing.T) {
	for _, c := range []struct {
		preset string
		critic bool // an entry may say what D is, a critic
	}{{"hinge", false}, {"wgan", true}} {
		_, m, snap := presetModel(t, c.preset, 120, 40)
		m.apply(snap)
		var dx string
		for _, g := range m.glossaryEntries() {
			text := numtext.Plain(g[1])
			if g[0] == "D(x)" {
				dx = text
			}
			if !c.critic && strings.Contains(text, "critic") {
				t.Errorf("%s: the %s entry names a critic: %q", c.preset, g[0], text)
			}
		}
		if dx == "" {
			t.Fatalf("%s: no D(x) entry", c.preset)
		}
		if !strings.HasPrefix(dx, "D's score of x") {
			t.Errorf("%s: the D(x) entry begins %q", c.preset, dx[:min(len(dx), 40)])
		}
		var surface Model
		surface.snap.Loss = snap.Loss
		if !strings.HasPrefix(surface.surfaceText(), "D's score over the plane") {
			t.Errorf("%s: D's surface entry begins %q", c.preset, surface.surfaceText()[:40])
		}
	}
}

// TestModesLeadExplainsBlob: where Quality reads "modes blob" (the modes
// covered but not separated), the modes entry begins with blob, so that the
// lead the message area gives it at 80×24 explains the word on the screen:
// unrolled's had read "modes  covered/all, each mode's share of samples vs the
// target's" under "modes blob 36% 36% vs 50%". Without the finding the entry
// begins with covered/all, the count Quality shows.
func TestModesLeadExplainsBlob(t *testing.T) {
	blurred := session.Finding{Kind: session.ModesBlurred, Text: "the modes are covered but not separated: many samples fall between them", Detail: "27% of the samples fall between the modes (outside the ±3σ of the mode nearest them), over 25%"}
	for _, name := range []string{"unrolled", "bimodal-mbd"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, blob := range []bool{true, false} {
				_, m, snap := presetModel(t, name, size[0], size[1])
				snap.State, snap.Epoch = session.Running, 1305
				snap.Eval.Metrics.ModesCovered = len(snap.Eval.Metrics.Modes)
				if blob {
					snap.Findings = []session.Finding{blurred}
				}
				m.apply(snap)
				rows := strings.Split(m.View(), "\n")
				at := fmt.Sprintf("%s at %d×%d, blob %v", name, size[0], size[1], blob)
				if got := slices.ContainsFunc(rows, func(r string) bool { return strings.Contains(r, "modes blob ") }); got != blob {
					t.Fatalf("%s: Quality reads blob: %v\n%s", at, got, strings.Join(rows, "\n"))
				}
				entry := glossaryText(&m, "modes")
				if want := map[bool]string{true: "blob: ", false: "covered/all, "}[blob]; !strings.HasPrefix(entry, want) {
					t.Errorf("%s: the modes entry begins %q, want %q", at, entry[:min(len(entry), 30)], want)
				}
				if !blob {
					continue
				}
				i := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, "modes  ") })
				if i < 0 {
					t.Errorf("%s: no modes entry under the finding:\n%s", at, strings.Join(rows, "\n"))
				} else if !strings.Contains(rows[i], "blob: every mode covered, but over 25% of the samples between them") {
					t.Errorf("%s: the modes entry's first row does not explain blob: %q", at, rows[i])
				}
			}
		}
	}
}

// TestPlaneGlossaryNamesNoLineMeasure: a 2-D run's trend and ◆ entries name
// SW1, the one distance its Quality panel gives, and not KS or W1, which its
// screen never shows and its glossary has no entry for: grid's trend entry had
// opened "after KS and W1 (SW1 in 2-D)" and ended "(a runaway's KS, 1 at
// each)", and its ◆ entry had given "KS under its 99% bound" beside SW1's
// floor. A 1-D run's keep KS.
func TestPlaneGlossaryNamesNoLineMeasure(t *testing.T) {
	lineMeasure := regexp.MustCompile(`\bKS\b|\bW1 \(`)
	for _, name := range []string{"grid", "ring", "grid-wgan-gp", "vanilla"} {
		_, m, snap := presetModel(t, name, 120, 40)
		m.apply(snap)
		plane := snap.Target.Plane != nil
		for _, term := range []string{"trend", "◆ in charts"} {
			entry := glossaryText(&m, term)
			if entry == "" {
				t.Fatalf("%s: no %s entry", name, term)
			}
			if got := lineMeasure.FindString(entry); plane == (got != "") {
				t.Errorf("%s: the %s entry names %q (a plane: %v): %q", name, term, got, plane, entry)
			}
		}
		if trend := glossaryText(&m, "trend"); plane && !strings.HasPrefix(trend, "after SW1, ") {
			t.Errorf("%s: the trend entry begins %q", name, trend[:min(len(trend), 40)])
		}
	}
}

// TestEventsEntryNamesWhatTheRunMarks: the ◆ entry names the events a run of
// its target can mark and the measures its screen gives: a line's KS bound and
// not SW1's floor, a plane's SW1 floor and not KS; a mode's events on a target
// of modes (bimodal, ring, grid) and not on one of none (vanilla, moons); a
// collapse on a target of one mode or none and not where the mode findings say
// it. vanilla's had read "a mode covered, dropped or back" and "SW1 under 1.8×
// its floor" on normal(4,1.25), bimodal's "G collapsed to one point". The noise
// ignored or used again only where G makes a row of samples from one draw
// (blog-original), known from the design before the first check, and not for
// one sample a draw (vanilla) or on a plane, whose noise use no check measures.
func TestEventsEntryNamesWhatTheRunMarks(t *testing.T) {
	for _, c := range []struct {
		preset             string
		line, modes, noise bool
	}{
		{"vanilla", true, false, false},
		{"bimodal", true, true, false},
		{"hinge", true, false, false},
		{"blog-original", true, false, true},
		{"ring", false, true, false},
		{"moons", false, false, false},
	} {
		_, m, snap := presetModel(t, c.preset, 120, 40)
		unchecked := snap
		unchecked.Eval = session.Eval{} // before the first check: the modes read from the target's spec
		for _, snap := range []session.Snapshot{snap, unchecked} {
			m.apply(snap)
			entry := glossaryText(&m, "◆ in charts")
			if entry == "" {
				t.Fatalf("%s: no ◆ entry", c.preset)
			}
			says := map[string]bool{
				"KS under its 99% bound":          c.line,
				"SW1 under 1.8× its floor":        !c.line,
				"a mode covered, dropped or back": c.modes,
				"G collapsed to":                  !c.modes,
				"a collapse":                      !c.modes,
				"G's spread under 20%":            !c.modes,
				"noise ignored or used again":     c.noise,
			}
			for words, want := range says {
				if got := strings.Contains(entry, words); got != want {
					t.Errorf("%s (a line: %v, modes: %v, noise use measured: %v, checked: %v): the ◆ entry names %q: %v, want %v: %q", c.preset, c.line, c.modes, c.noise, snap.Eval.Metrics.N > 0, words, got, want, entry)
				}
			}
		}
	}
}

// TestCrowdedEntryNamesTheModeMapOnlyWhereDrawn: the crowded entry sends a
// 16-colour reader to the mode map, and speaks of modes, only on a target with
// modes (ring, grid); moons' does not say "there the mode map shows where the
// samples are" beside a screen with no mode map.
func TestCrowdedEntryNamesTheModeMapOnlyWhereDrawn(t *testing.T) {
	for _, c := range []struct {
		name         string
		spots        []engine.Spot
		want, absent []string
	}{
		{"grid", make([]engine.Spot, 25), []string{"as on the modes it has found", "there the mode map shows where the samples are"}, nil},
		{"moons", nil, []string{"as on a part of the target it has found", "Not in 16 colours, whose two blues are one."}, []string{"mode"}},
	} {
		var m Model
		m.snap.Target.Plane = &session.PlaneInfo{Spots: c.spots}
		entry := glossaryText(&m, "crowded")
		if entry == "" {
			t.Fatalf("%s: no crowded entry", c.name)
		}
		checkWords(t, c.name+": the crowded entry", entry, c.want, c.absent)
	}
}

// glossaryText is the plain text of m's glossary entry called name, ""
// where the page has none.
func glossaryText(m *Model, name string) string {
	for _, g := range m.glossaryEntries() {
		if g[0] == name {
			return numtext.Plain(g[1])
		}
	}
	return ""
}

// checkWords reports each of want that text, what it is (who), lacks and
// each of absent it holds.
func checkWords(t *testing.T, who, text string, want, absent []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s wants %q: %q", who, w, text)
		}
	}
	for _, a := range absent {
		if strings.Contains(text, a) {
			t.Errorf("%s says %q: %q", who, a, text)
		}
	}
}

// TestSourceNeverQuotesNothing: a design's source cut where not one word of its
// quoted title fits leaves the quotation out, ending after a whole word before
// it; blog-original's at 121×20 does not end `after Dev Nag's "…"`, a quotation
// of nothing.
func TestSourceNeverQuotesNothing(t *testing.T) {
	cfg, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	s := "source: " + cfg.Source
	for k := 1; k <= 2; k++ {
		for w := 30; w < len(s); w++ {
			cut := strings.Join(cutSource(s, w, k), " ")
			if strings.Contains(cut, `"…`) || strings.Contains(cut, `" …`) {
				t.Errorf("%q at %d cells in %d rows reads %q", s, w, k, cut)
			}
		}
	}
	if got, want := numtext.Plain(strings.Join(cutSource(s, 90, 1), " ")), `after Dev Nag's …`; !strings.HasSuffix(got, want) {
		t.Errorf("cut at 90 cells: %q, want it to end %q", got, want)
	}
}

// TestEventsEntryListsWhatTheLossMarks: the ◆ entry lists the events the
// design's loss can mark (session.Marks): every one under BCE and least
// squares; under the hinge loss no d-frozen, whose losses have no line each to
// be frozen away from; under a Wasserstein critic neither D's win nor the
// equilibrium nor d-stalled nor d-frozen. It does not list them all for every
// design, wgan's and wgan-gp's the equilibrium and d-stalled beside a critic
// that never marks them.
func TestEventsEntryListsWhatTheLossMarks(t *testing.T) {
	all := []string{"D winning or no longer", "equilibrium, D stuck at it (d-stalled", "frozen away from it (d-frozen)"}
	for _, c := range []struct {
		loss         engine.Loss
		want, absent []string
	}{
		{engine.LossBCE, all, nil},
		{engine.LossLeastSquares, all, nil},
		{engine.LossHinge, all[:2], []string{"d-frozen"}},
		{engine.LossWasserstein, nil, []string{"D winning", "equilibrium", "d-stalled", "d-frozen"}},
	} {
		// A target of one mode, whose collapse the entry names, and one of
		// two, whose modes' events it names (TestEventsEntryNamesWhatTheRunMarks).
		for target, joins := range map[string]string{"normal(4,1.25)": "or spread again, ", "mixture(-2,0.5;2,0.5)": "dropped or back, "} {
			var m Model
			if e, ok := session.EquilibriumOf(engine.Config{Loss: c.loss, RealLabel: 1}); ok {
				m.snap.Equilibrium = &e
			}
			m.snap.Loss, m.snap.Target.Spec = c.loss, target
			entry := glossaryText(&m, "◆ in charts")
			checkWords(t, c.loss.String()+" on "+target+": the ◆ entry", entry, append(slices.Clone(c.want), joins), append(slices.Clone(c.absent), ", ,", "again,  ", ": , "))
		}
	}
}

// TestEventsEntrySaysWhichHandPressesMakeOne: the glossary's ◆ entry says that
// one player's presses in a row make one event, as the events list shows them:
// d g d g lists four, beside an entry that does not say "the presses between
// two epochs, one after the other, make one".
func TestEventsEntrySaysWhichHandPressesMakeOne(t *testing.T) {
	var m Model
	entry := glossaryText(&m, "◆ in charts")
	checkWords(t, "the ◆ entry", entry, []string{"updates by hand (d, g: one player's presses in a row between two epochs make one)"}, []string{"the presses between two epochs, one after the other"})
}

// TestGlossaryNamesTheDesignPageByItsTitle: a glossary entry that sends a
// learner to the page ? first opens calls it by the title that page shows,
// "Design"; the epoch entry does not say "the ? keys page says how many of
// each", a name no screen gives it.
func TestGlossaryNamesTheDesignPageByItsTitle(t *testing.T) {
	m := NewModel(nil)
	m.snap.Preset = "blog-original"
	title := strings.Fields(ansi.Strip(strings.Split(m.designPanel(80, 20), "\n")[0]))[0]
	for _, plane := range []bool{false, true} {
		for _, g := range glossaryOf(plane) {
			for _, at := range regexp.MustCompile(`the ([\p{L}? ]+?) page`).FindAllStringSubmatch(g[1], -1) {
				if name := at[1]; !slices.Contains([]string{title, "?", "first", "last", "next"}, name) {
					t.Errorf("%s: %q, a page no screen calls %q; the page ? first opens is %q", g[0], at[0], name, title)
				}
			}
		}
	}
}

// TestDStripNamedOneWay: what a 1-D run's screen draws of D's score under the
// bars is called the D(x) strip wherever a learner reads of it, for every
// preset: the line a design whose D judges no single sample shows in its place,
// the design's page and remedies, every glossary entry, and the screen and each
// ? page at 80×24 and 120×40. blog-original's line does not say "no D(x) curve:
// D judges a whole row of 100 at once" where the ? pages and docs/screen.md
// call it a strip.
func TestDStripNamedOneWay(t *testing.T) {
	curve := regexp.MustCompile(`D\(x\)\s+curve`)
	texts := map[string]string{}
	for _, plane := range []bool{false, true} {
		for _, g := range glossaryOf(plane) {
			texts["the glossary's "+g[0]] = g[1]
		}
	}
	without := 0
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		s, snap := firstSnapshot(t, cfg)
		texts[name+": the line in its place"] = snap.Eval.NoCurve
		texts[name+": the design"] = strings.Join(snap.Design, "\n")
		for _, r := range session.RemediesOf(cfg) {
			texts[name+": remedy "+r.Name] = r.What
		}
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			m := NewModel(s)
			mm, _ := m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			m = mm.(Model)
			m.apply(snap)
			for _, g := range m.glossaryEntries() {
				texts[name+": its glossary's "+g[0]] = g[1]
			}
			for page := 0; page == 0 || m.keys.page != pageNone; page++ {
				texts[fmt.Sprintf("%s at %d×%d, page %d", name, size[0], size[1], page)] = ansi.Strip(m.View())
				m.nextHelpPage()
			}
		}
		if cfg.Dim() == 1 && snap.Eval.DCurve == nil {
			without++
			if !strings.HasPrefix(snap.Eval.NoCurve, "no D(x) strip: ") {
				t.Errorf("%s: the line in place of the strip reads %q", name, snap.Eval.NoCurve)
			}
		}
	}
	if without == 0 {
		t.Fatal("every 1-D preset draws a D(x) strip: the line in its place goes unchecked")
	}
	for what, text := range texts {
		if at := curve.FindString(text); at != "" {
			t.Errorf("%s says %q, where the screen draws the D(x) strip:\n%s", what, at, text)
		}
	}
}

// TestOffScaleEntryUnderFeatureMatching: the ▲ ▼ entry says that a
// feature-matching G's loss, on a scale of its own, runs as a row of ▲ along
// the losses' top, as feature-matching's does from its first epoch (G 175.9 at
// epoch 788, seed 1), and does not call every ▲ "a rare spike". Other designs'
// entries say nothing of it.
func TestOffScaleEntryUnderFeatureMatching(t *testing.T) {
	for _, g := range []engine.GLoss{engine.GLossFeatureMatching, engine.GLossNonSaturating} {
		var m Model
		m.snap.GLoss = g
		var entry string
		for _, e := range m.glossaryEntries() {
			if e[0] == "▲ ▼ in charts" {
				entry = numtext.Plain(e[1])
			}
		}
		if says := strings.Contains(entry, "a row of ▲ along the top, however long, \"▲ off scale\" beside its value in the legend"); says != (g == engine.GLossFeatureMatching) {
			t.Errorf("%v: the ▲ ▼ entry reads %q; a row of ▲ said %v", g, entry, !says)
		}
	}
}

// TestEventsPageSaysWhyAFindingIsNotListed: ring (seed 1) at epoch 640 shows
// modes missing ("G's samples are on none of the 8 modes" at full speed, "4 of
// 8 modes missing" here), a finding with no event of its own, and the events
// page says why beside its list, not "Events none yet" and nothing of the
// finding.
func TestEventsPageSaysWhyAFindingIsNotListed(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "ring"), 1, 640)
	i := slices.IndexFunc(snap.Findings, func(f session.Finding) bool { return f.Kind == session.ModeDropped })
	if i < 0 {
		t.Fatalf("ring at epoch 640: findings %v, want modes missing", snap.Findings)
	}
	pages := glossaryPages(t, s, snap, 120, 40)
	last := strings.Join(strings.Fields(pages[len(pages)-1]), " ")
	head, _, _ := strings.Cut(snap.Findings[i].Text, ": ")
	want := "not listed: " + head + " — " + session.ModeDropped.Unlisted()
	if !strings.Contains(last, want) {
		t.Errorf("ring at epoch 640: the events page lacks %q:\n%s", want, pages[len(pages)-1])
	}
}

// TestGlossaryFormulasStayTogether: the glossary's own formulas are written
// together (numtext.Together), no plain space beside an operator, so that
// wrapping never parts one: the HQ entry of a ring does not end a line "a 2-D
// normal puts 1" over "− e^(−9/2) of itself within 3σ". The design's words are
// session's (TestFormulasStayTogether).
func TestGlossaryFormulasStayTogether(t *testing.T) {
	operator := regexp.MustCompile(`.{0,20}( [−+=] |max\(0, ).{0,20}`)
	for _, plane := range []*session.PlaneInfo{nil, {Spots: []engine.Spot{{}}}} {
		m := NewModel(nil)
		m.snap.Target = session.TargetInfo{Spec: "ring(8,2,0.02)", Plane: plane}
		for _, g := range m.glossaryEntries() {
			if s := operator.FindString(g[1]); s != "" {
				t.Errorf("plane %v: the %q entry parts a formula where it wraps: %q", plane != nil, g[0], s)
			}
		}
	}
}

// TestDIsDUnderACriticsLoss: a Wasserstein run names D "D" in every text the
// screen gives, as its settings ("D learning rate"), losses' legend and keys
// do; the critic remedy and the wasserstein term say once that D is a
// critic. wgan-gp's design page, remedies and glossary had called it "the
// critic" ("the critic's Lipschitz constant K", "5 critic steps per G
// step", "minus the critic's mean score") beside Settings' "D learning rate".
func TestDIsDUnderACriticsLoss(t *testing.T) {
	named := regexp.MustCompile(`(?i)the critic|critic's|critic steps?\b|a critic trained`)
	for _, name := range []string{"wgan", "wgan-gp", "grid-wgan-gp"} {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		s, snap := firstSnapshot(t, cfg)
		m := NewModel(s)
		mm, _ := m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		m = mm.(Model)
		m.apply(snap)
		texts := []string{m.designPanel(200, 1000)}
		m.nextHelpPage() // the keys
		m.nextHelpPage() // the glossary
		for p := range len(m.glossaryPages(200, 58)) {
			m.gpage = p
			view, _, _ := m.glossaryView(200, 58)
			texts = append(texts, view)
		}
		text := strings.Join(strings.Fields(numtext.Plain(ansi.Strip(strings.Join(texts, "\n")))), " ")
		if !strings.Contains(text, "D is a critic") {
			t.Errorf("%s: no text says D is a critic:\n%s", name, text)
		}
		for _, at := range named.FindAllStringIndex(text, -1) {
			t.Errorf("%s names D otherwise than \"D\": %q", name, text[max(0, at[0]-60):min(len(text), at[1]+40)])
		}
	}
}

// TestNoiseUseEntryFromTheDesign: the glossary explains noise use for a G
// that makes a row of samples from one draw from the run's start, as the
// design tells it (Snapshot.RowWidth), not once a check has measured it: a
// snapshot of blog-original with no evaluation yet lists it, vanilla's
// (one sample a draw) and ring's (a plane) do not; and the Quality panel
// gives no noise use that no check has measured.
func TestNoiseUseEntryFromTheDesign(t *testing.T) {
	for _, c := range []struct {
		preset string
		want   bool
	}{{"blog-original", true}, {"vanilla", false}, {"ring", false}} {
		_, m, snap := presetModel(t, c.preset, 120, 40)
		snap.Eval = session.Eval{} // before the first check
		m.apply(snap)
		got := false
		for _, g := range m.glossaryEntries() {
			got = got || g[0] == "noise use"
		}
		if got != c.want {
			t.Errorf("%s before its first check: the glossary lists noise use %v, want %v", c.preset, got, c.want)
		}
		if side := ansi.Strip(m.sidePanel(sideW, 20)); strings.Contains(side, "noise use") {
			t.Errorf("%s before its first check: Quality gives a noise use:\n%s", c.preset, side)
		}
	}
}

// TestDoneRunHintSaysNoWhileTheyHold: a done run trains no more, so its
// hint does not end "Findings show here while they hold", a sentence of a
// run going on that ended moons' done far verdict, "…far from the target
// (SW1 0.307, over 0.101; …). A run going well shows …; SW1 falling toward
// its floor. Findings show here while they hold; ? twice explains each
// mark."; it keeps the key to the marks. A running run keeps the sentence.
func TestDoneRunHintSaysNoWhileTheyHold(t *testing.T) {
	hint := func(m *Model) string {
		return strings.Join(strings.Fields(numtext.Plain(ansi.Strip(strings.Join(m.watchLines(120, 5), " ")))), " ")
	}
	for _, c := range []struct {
		name string
		eval session.Eval
	}{
		{"moons far", session.Eval{Epoch: 600, Metrics: engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{SW1: 0.307}}}},
		{"1-D far", session.Eval{Epoch: 600, Metrics: engine.Metrics{N: 10000, KS: 0.861}}},
		{"1-D going well", session.Eval{Epoch: 600, Metrics: engine.Metrics{N: 10000, KS: 0.02}}},
	} {
		var m Model
		if c.eval.Metrics.Plane != nil {
			m.snap.Target.Plane = &session.PlaneInfo{}
			m.snap.CheckNoise.SW1 = 0.0145
		}
		m.snap.Eval = c.eval
		if got, want := hint(&m), "Findings show here while they hold; ? twice explains each mark."; !strings.Contains(got, want) {
			t.Errorf("%s, running: %q lacks %q", c.name, got, want)
		}
		m.snap.State = session.Done
		got := hint(&m)
		if strings.Contains(got, "while they hold") {
			t.Errorf("%s, done: %q says findings show \"while they hold\"", c.name, got)
		}
		if want := ". ? twice explains each mark."; !strings.Contains(got, want) {
			t.Errorf("%s, done: %q lacks %q", c.name, got, want)
		}
	}
}
