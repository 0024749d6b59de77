package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// trainedSnapshots trains cfg from seed for epochs epochs at full speed in
// a session of its own, once, and returns the session, stopped, and the
// snapshot of the finished run that a screen of each width gets (binned
// to its histogram's columns). The engine is deterministic, so the
// snapshots are the same every time.
func trainedSnapshots(tb testing.TB, cfg engine.Config, seed uint64, epochs int, widths ...int) (*session.Session, map[int]session.Snapshot) {
	tb.Helper()
	s, out, _ := trainedSnapshotsReplay(tb, cfg, seed, epochs, -1, widths...)
	return s, out
}

// trainedSnapshotsReplay is trainedSnapshots, with the same run's replay
// of the newest keyframe at or before epoch at (replayedAt; none when
// at < 0), whose histogram is a keyframe's, of every width.
func trainedSnapshotsReplay(tb testing.TB, cfg engine.Config, seed uint64, epochs, at int, widths ...int) (*session.Session, map[int]session.Snapshot, session.Snapshot) {
	tb.Helper()
	cfg.Epochs = epochs
	s, err := session.New(session.Options{Config: cfg, Seed: seed})
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Stop() // before the screens, which would take its snapshots too
	s.Start()
	for snap := range s.Snapshots() {
		if snap.State == session.Diverged {
			tb.Fatalf("%s seed %d diverged: %v", cfg.Name, seed, snap.Err)
		}
		if snap.State == session.Done && snap.Eval.Epoch == epochs {
			break
		}
	}
	out := map[int]session.Snapshot{}
	for _, w := range widths {
		bins := w - len(gap) - sideW - axisGutter
		s.Send(session.HistBins{N: bins})
		for snap := range s.Snapshots() {
			if len(snap.Eval.Metrics.Hist.Counts) == bins {
				out[w] = snap
				break
			}
		}
	}
	if at < 0 {
		return s, out, session.Snapshot{}
	}
	return s, out, replayedAt(tb, s, at)
}

// trainedSnapshot is trainedSnapshots for one width.
func trainedSnapshot(tb testing.TB, cfg engine.Config, seed uint64, epochs, w int) (*session.Session, session.Snapshot) {
	tb.Helper()
	s, snaps := trainedSnapshots(tb, cfg, seed, epochs, w)
	return s, snaps[w]
}

// requireGolden compares a frame drawn from a real run with its golden
// file. The goldens are the default build's: the SIMD kernels sum in
// another order, so a run's numbers, and its frames, differ in their last
// digits there; that build checks everything else about the frames and
// leaves this comparison out.
func requireGolden(t *testing.T, view string) {
	t.Helper()
	if strings.Contains(view, numtext.NBSP) {
		t.Errorf("the frame writes a non-breaking space, which a command copied from the screen would carry into a shell:\n%s", view)
	}
	if isa := engine.KernelISA(); isa != "go" {
		t.Logf("golden comparison left out: the frames are the portable kernels' runs, this build trains with %s", isa)
		return
	}
	golden.RequireEqual(t, []byte(view))
}

// bimodal1D is the bimodal preset with 1-D noise, so that it has a G(z)
// curve as well as D(x) and the push.
func bimodal1D(tb testing.TB) engine.Config {
	tb.Helper()
	cfg, err := presets.Get("bimodal")
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Name, cfg.NoiseDim = "bimodal-1d", 1
	return cfg
}

// frame shows snap in the trainer at w×h under teatest, presses keys, and
// returns the last screen.
func frame(t *testing.T, s *session.Session, snap session.Snapshot, w, h int, keys ...string) string {
	t.Helper()
	lipgloss.SetColorProfile(termenv.Ascii)
	tm := teatest.NewTestModel(t, NewModel(s), teatest.WithInitialTermSize(w, h))
	tm.Send(snapshotMsg(snap)) // its trends too: the run's checks (Snapshot.Evals)
	for _, k := range keys {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := tm.FinalModel(t, teatest.WithFinalTimeout(waitTimeout)).View()
	checkFrame(t, view, w, h)
	return view
}

// screenCase is one state of a golden screen: snap sets it into a paused
// trained snapshot (nil leaves that as it is), keys are pressed, and the
// frame must read wants and match its golden.
type screenCase struct {
	name  string
	snap  func(session.Snapshot) session.Snapshot
	keys  []string
	wants []string
}

// check draws c from trained at w×h, fails the test unless it reads c's
// wants and matches its golden, and returns the frame's folded text.
func (c screenCase) check(t *testing.T, s *session.Session, trained session.Snapshot, w, h int) string {
	t.Helper()
	snap := trained
	snap.State = session.Paused
	if c.snap != nil {
		snap = c.snap(snap)
	}
	view := frame(t, s, snap, w, h, c.keys...)
	flat := frameReads(t, view, c.wants...)
	requireGolden(t, view)
	return flat
}

// frameReads fails the test unless the frame view reads each of wants,
// its white space folded so that what wraps still reads, and returns the
// folded text for further checks.
func frameReads(t *testing.T, view string, wants ...string) string {
	t.Helper()
	flat := strings.Join(strings.Fields(view), " ")
	for _, want := range wants {
		if !strings.Contains(flat, want) {
			t.Errorf("frame lacks %q:\n%s", want, view)
		}
	}
	return flat
}

// checkFrame fails when a frame is not exactly w×h: a line too wide would
// wrap, a line too many would scroll.
func checkFrame(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("frame has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := lipgloss.Width(l); n > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i, n, w, l)
		}
	}
}

var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// TestScreenGolden pins the screen in each state and each samples view at
// 80×24 and 120×40, from snapshots of real runs set into each state:
//
//	go test ./tui -run Golden -update   # after an intended change
func TestScreenGolden(t *testing.T) {
	s, runs, replay := trainedSnapshotsReplay(t, bimodal1D(t), 1, 1500, 600, 80, 120)
	_, earlies := trainedSnapshots(t, bimodal1D(t), 2, 600, 80, 120) // a baseline of another seed
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		trained, early := runs[w], earlies[w]
		trained.Settings.Speed = 200
		trained.Note = ""
		cases := []screenCase{
			{"running", func(s session.Snapshot) session.Snapshot {
				s.State, s.Rate = session.Running, 198
				return s
			}, nil, []string{"▶ running", "speed 200/s", "space pause", "[] speed", "right · 10,000", "push", "D ½"}},
			{"paused", func(s session.Snapshot) session.Snapshot {
				s.State = session.Paused
				return s
			}, nil, []string{"❚❚ paused", "space run", "paused at epoch 1,500: space runs, n steps one epoch"}},
			{"done", func(s session.Snapshot) session.Snapshot {
				s.State, s.Note = session.Done, "done: 1,500 epochs"
				return s
			}, nil, []string{"✓ done", "space go on", "done: 1,500 epochs"}},
			{"diverged-nan", func(s session.Snapshot) session.Snapshot {
				s.State, s.Rollback, s.Findings = session.Diverged, 1400, nil
				s.Err = &session.Divergence{Epoch: 1500, What: "D's loss on generated data"}
				s.Last.Epoch = 1499 // the last finite epoch's stats, as the session keeps them
				return s
			}, nil, []string{"✗ diverged", "D's loss on generated data is not finite at epoch 1,500", "u rolls back to epoch 1,400", "u roll back", "Losses at 1,499", "Moments at 1,499"}},
			{"diverged-runaway", func(s session.Snapshot) session.Snapshot {
				s.State, s.Rollback = session.Diverged, 1200
				s.Err = &session.Divergence{Epoch: 1500, What: "a runaway",
					Runaway: "D's loss on generated data stuck at 100, its limit, for 200 epochs"}
				s.Findings = []session.Finding{{Kind: session.Runaway, Text: "a runaway: the run has left the target for good, without a NaN", Detail: s.Err.Runaway}}
				return s
			}, nil, []string{"Ran away at epoch 1,500", "stuck at 100, its limit", "u rolls back to epoch 1,200", "u roll back"}},
			{"help", nil, []string{"?"}, []string{"Design bimodal-1d", "one D/G step", "f events", "hist/Q-Q/G(z)", "glossary"}},
			{"glossary", nil, []string{"?", "?"}, []string{"Glossary", "target", "batch", "normal noise"}},
			{"qq", nil, []string{"v"}, []string{"Q-Q", "diagonal"}},
			{"replay", func(s session.Snapshot) session.Snapshot {
				s.Replay, s.ReplayIndex, s.Frames, s.Note = replay.Replay, replay.ReplayIndex, replay.Frames, replay.Note
				return s
			}, nil, []string{"◀ replay epoch 600, 900 behind", "live 1,500 / 1,500", "┊", "replay frame 40 of 100", "◆", "esc live · ,. replay · space run", "Settings now ↑↓ pick"}},
			{"baseline", func(s session.Snapshot) session.Snapshot {
				s.Baseline = &session.Baseline{Preset: "bimodal-1d", Seed: 2, Epoch: 600, Settings: early.Settings, History: early.History, Eval: early.Eval}
				return s
			}, nil, []string{"vs base KS", "╌ base seed 2", "b unpin"}}, // b clears it
			{"baseline-qq", func(s session.Snapshot) session.Snapshot {
				s.Baseline = &session.Baseline{Preset: "bimodal-1d", Seed: 2, Epoch: 600, Settings: early.Settings, History: early.History, Eval: early.Eval}
				return s
			}, []string{"v"}, []string{"Q-Q", "╌ base seed 2 at 600"}},
			{"baseline-gz", func(s session.Snapshot) session.Snapshot {
				s.Baseline = &session.Baseline{Preset: "bimodal-1d", Seed: 2, Epoch: 600, Settings: early.Settings, History: early.History, Eval: early.Eval}
				return s
			}, []string{"v", "v"}, []string{"G(z)", "╌ base seed 2 at 600"}},
			{"gz", nil, []string{"v", "v"}, []string{"G(z)", "central 98%"}},
			{"quitting", nil, []string{"q"}, []string{"quitting… q again quits at once"}}, // paused: no epoch to wait for
			{"unbound", nil, []string{"x"}, []string{"x is not a key here: ? lists them"}},
			// An epoch of D's warm-up (wgan's 100 steps for 5), its row
			// selected: the value takes the label's padding.
			{"warm-up", func(s session.Snapshot) session.Snapshot {
				s.DWarmup = 100
				return s
			}, []string{"j", "j"}, []string{"› D steps/epoch 100 warm-up", "G steps/epoch 1"}},
		}
		for _, c := range cases {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, w, h), func(t *testing.T) {
				c.check(t, s, trained, w, h)
			})
		}
	}
}

// TestHelpOffersTheViewsThereAre: the full help names G(z) under v only for a
// design that has it; blog-original's, whose G reads 100 noise values, does not
// offer hist/Q-Q/G(z), a third view v never shows.
func TestHelpOffersTheViewsThereAre(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	if snap.Eval.GZ == nil {
		t.Fatal("bimodal-1d's G reads one noise value, yet has no G(z)")
	}
	if view := frame(t, s, snap, 80, 24, "?"); !strings.Contains(view, "hist/Q-Q/G(z)") {
		t.Errorf("a design with G(z): the help lacks it:\n%s", view)
	}
	snap.Eval.GZ = nil
	if view := frame(t, s, snap, 80, 24, "?"); strings.Contains(view, "G(z)") || !strings.Contains(view, "hist/Q-Q") {
		t.Errorf("a design without G(z): the help offers it, or lacks hist/Q-Q:\n%s", view)
	}
}

// TestHelpSaysHowToClose: the ? page names esc, which closes it, however long
// the preset's name: at 80×24 minibatch-discrimination's keeps it in the title,
// the only place the page names it.
func TestHelpSaysHowToClose(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.Preset = "minibatch-discrimination"
	if view := frame(t, s, snap, 80, 24, "?"); !strings.Contains(view, "Design minibatch-discrimination · esc closes") {
		t.Errorf("the help does not say how to close it:\n%s", view)
	}
}

// TestHelpSaysTheDesignIsTheLiveRuns: ? in a replay titles the design "Design
// now", as the Settings panel beside it is titled: its learning rates and steps
// are the live run's, not those the frame trained with. Live, the title is
// "Design" alone. Untitled so, the page beside vanilla's frame of epoch 4,900
// would show "D adam lr 1e-3", a rate raised only at 5,600, without saying so.
// Live and tuned off the design's own values it is "Design now" too: after →
// on blog-original "D adam lr 2e-3" stood under "Design" while 0 called 1e-3
// "the design's".
// The title stays whole down to 70×20 for the longest preset's name.
func TestHelpSaysTheDesignIsTheLiveRuns(t *testing.T) {
	s, snaps := trainedSnapshots(t, bimodal1D(t), 1, 10, 70, 80, 120)
	for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		for _, preset := range []string{"bimodal-1d", "minibatch-discrimination"} {
			snap := snaps[w]
			snap.State, snap.Preset = session.Paused, preset
			if view := frame(t, s, snap, w, h, "?"); strings.Contains(view, "Design now") || !strings.Contains(view, "Design "+preset) {
				t.Errorf("%s live at %d×%d: the title is not \"Design %s\":\n%s", preset, w, h, preset, view)
			}
			snap.Replay = &session.Keyframe{Eval: snap.Eval, Last: snap.Last}
			snap.Replay.Epoch = 5
			if view := frame(t, s, snap, w, h, "?"); !strings.Contains(view, "Design now "+preset) {
				t.Errorf("%s replayed at %d×%d: the title does not say the design is the live run's:\n%s", preset, w, h, view)
			}
			// Live, tuned off the design's own (→ on D lr): 0 calls the
			// design's own rate "the design's", which the page's rate,
			// untitled, would contradict.
			snap.Replay = nil
			snap.DesignSettings = snap.Settings
			snap.Settings.DLR *= 2
			if view := frame(t, s, snap, w, h, "?"); !strings.Contains(view, "Design now "+preset) {
				t.Errorf("%s tuned at %d×%d: the title does not say the design is as tuned now:\n%s", preset, w, h, view)
			}
		}
	}
}

// TestHelpNamesWhatQuestionOpens: the keys page names what ? opens next as that
// page's title does — the diagnosis where the run has findings, else the
// glossary — in its key table and its title, whose other parts it keeps at
// 80×24 for the presets' names up to feature-matching's. It does not say "?
// glossary" of pages that open on the diagnosis.
func TestHelpNamesWhatQuestionOpens(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	snap.State = session.Paused
	for _, c := range []struct {
		findings []session.Finding
		label    string // ? on the keys page
		title    string // the page it opens
	}{
		{[]session.Finding{{Kind: session.DWins, Text: "D wins"}}, "? diagnosis", "Diagnosis and glossary"},
		{nil, "? glossary", "Glossary"},
	} {
		snap.Findings = c.findings
		for _, preset := range []string{"bimodal-1d", "feature-matching"} {
			snap.Preset = preset
			keys := frame(t, s, snap, 80, 24, "?")
			if want := "Design " + preset + " · esc closes · " + c.label; !strings.Contains(keys, want) {
				t.Errorf("%s, %d findings: the keys page's title lacks %q:\n%s", preset, len(c.findings), want, keys)
			}
			if n := len(regexp.MustCompile(`\?\s+`+strings.TrimPrefix(c.label, "? ")).FindAllString(keys, -1)); n != 2 {
				t.Errorf("%s, %d findings: %q %d times on the keys page, want the title's and the table's:\n%s", preset, len(c.findings), c.label, n, keys)
			}
		}
		if page := frame(t, s, snap, 80, 24, "?", "?"); !strings.HasPrefix(strings.TrimSpace(strings.Split(page, "\n")[1]), c.title) {
			t.Errorf("%d findings: ? ? does not open %q:\n%s", len(c.findings), c.title, page)
		}
	}
}

// TestGlossaryExplainsTheTrend: the glossary says what the arrow, the bars and
// the two numbers after KS and W1 (SW1 in 2-D) are, in one view and the other,
// so that "KS 0.111 ↓ ▁█▄▅▃▁ 0.11–0.45" is explained on the screen, and an
// early run's "KS 0.175 · ▄" too, its · included.
func TestGlossaryExplainsTheTrend(t *testing.T) {
	for _, plane := range []bool{false, true} {
		found := false
		for _, g := range glossaryOf(plane) {
			found = found || strings.Contains(g[1], "↓") && strings.Contains(g[1], "↑") && strings.Contains(g[1], "→") && strings.Contains(g[1], "· before there are two bars") && strings.Contains(g[1], "lowest and highest")
		}
		if !found {
			t.Errorf("2-D %v: no glossary entry explains the trend's arrows, bars and range", plane)
		}
	}
}

// TestGlossaryExplainsOutOfRange: the Samples title's counts beyond the
// histogram's range, "out: 0 left, 8 right" at 80×24 and "out of range …"
// where room allows, are explained where the glossary explains the
// histogram, the bars entry, which had said what the x axis is and not what
// "out" counts.
func TestGlossaryExplainsOutOfRange(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		_, m := shownModel(t, cfg, true, size[0], size[1])
		if v := m.View(); !strings.Contains(v, "Samples · out: ") && !strings.Contains(v, "Samples · out of range ") {
			t.Fatalf("%d×%d: no counts out of range in the Samples title:\n%s", size[0], size[1], v)
		}
	}
	for _, g := range glossaryOf(false) {
		if g[0] == "bars" {
			if !strings.Contains(g[1], "out: samples beyond it") {
				t.Errorf("the bars entry does not say what the Samples title's out: counts: %q", g[1])
			}
			return
		}
	}
	t.Error("no bars entry in the 1-D glossary")
}

// TestGlossaryFindsTheSpeed: the epoch entry sends the reader to a speed
// the screen shows: at 80×24 devnag-2017's and blog-original's headers leave
// "speed 1,000/s" out for room, where the entry had said "The header's speed
// is the epochs a second asked for"; there it names Settings' speed row, and
// the header's where the header gives it. Where it names Settings', it says what
// the rate's "paced" means, as the header, the speed left out, marks it.
func TestGlossaryFindsTheSpeed(t *testing.T) {
	left := false
	for _, name := range []string{"devnag-2017", "blog-original", "vanilla"} {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			_, m := shownModel(t, cfg, true, size[0], size[1])
			rows := strings.Split(m.View(), "\n")
			headerSpeed := strings.Contains(rows[0], "speed ")
			left = left || !headerSpeed
			var epoch string
			for _, g := range m.glossaryEntries() {
				if g[0] == "epoch" {
					epoch = g[1]
				}
			}
			switch {
			case headerSpeed && !strings.Contains(epoch, "The header's speed is"):
				t.Errorf("%s at %d×%d: the header gives the speed, the epoch entry does not name it: %q", name, size[0], size[1], epoch)
			case !headerSpeed && !strings.Contains(epoch, `"paced" where that speed holds it back`):
				t.Errorf("%s at %d×%d: the header leaves the speed out, the epoch entry does not say what its rate's \"paced\" means: %q", name, size[0], size[1], epoch)
			case !headerSpeed && !strings.Contains(epoch, "Settings' speed is"):
				t.Errorf("%s at %d×%d: the header leaves the speed out, the epoch entry does not send the reader to Settings': %q", name, size[0], size[1], epoch)
			case !headerSpeed && !slices.ContainsFunc(rows[1:], func(r string) bool { return strings.Contains(r, " speed  ") }):
				t.Errorf("%s at %d×%d: no speed row in Settings:\n%s", name, size[0], size[1], strings.Join(rows, "\n"))
			}
		}
	}
	if !left {
		t.Error("no header left the speed out: the test no longer tries the entry where it does")
	}
}

// TestGlossaryFindsThePlaneMoments: a 2-D run's moments entry sends the
// reader to the target's values after ┈ and to Quality's x and y lines only
// where the screen shows them, and gives the target's values itself where no
// number on the screen does: at 80×24 grid's legend reads "mean x -1.13 y 0.97
// std X 2.30 Y 2.36" and Quality has no x or y line, where the entry had read
// "the target's after ┈ and dotted. Quality's x and y lines give each axis as
// mean±std, …". At 120×40 it reads as before. 80×24 now has the axes in one
// row, where the legend's "Modes 2/25 captured" let Quality give its count's
// row to them (planeQuality), so 70×20 is tried too, which leaves them out.
func TestGlossaryFindsThePlaneMoments(t *testing.T) {
	targetAfter := regexp.MustCompile(`┈-?[0-9]`)
	axisLine := regexp.MustCompile(`(^|\s)x -?[0-9.]+±[0-9.]+`)
	axisVs := regexp.MustCompile(`(^|\s)x -?[0-9.]+±[0-9.]+ vs `)
	left := false
	for _, name := range []string{"grid", "ring"} {
		for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
			_, m, snap := presetModel(t, name, size[0], size[1])
			// ring's last batch at epoch 157 (TestMomentsTitleSaysWhoseAlike).
			snap.State, snap.Epoch, snap.Rate = session.Running, 157, 50
			snap.Last.Epoch, snap.Last.Mean, snap.Last.MeanY, snap.Last.Std, snap.Last.StdY = 157, 1.043, -2.071, 0.299, 0.644
			m.apply(snap)
			screen := m.View()
			legend, axes, vs := targetAfter.MatchString(screen), axisLine.MatchString(screen), axisVs.MatchString(screen)
			left = left || !axes
			entry := numtext.Plain(glossaryText(&m, "moments"))
			at := fmt.Sprintf("%s at %d×%d", name, size[0], size[1])
			if got := strings.Contains(entry, "the target's after ┈"); got != legend {
				t.Errorf("%s: the legend gives the target's values after ┈: %v, the entry says so: %v: %q\n%s", at, legend, got, entry, screen)
			}
			if got := strings.Contains(entry, "Quality's x and y lines"); got != axes {
				t.Errorf("%s: Quality has its x and y lines: %v, the entry names them: %v: %q\n%s", at, axes, got, entry, screen)
			}
			if got := strings.Contains(entry, "the target's after vs"); got != vs {
				t.Errorf("%s: Quality's lines give the target's after vs: %v, the entry says so: %v: %q", at, vs, got, entry)
			}
			if given := strings.Contains(entry, "std 2.83 on each axis") || strings.Contains(entry, "std 1.41 on each axis"); given != (!legend && !vs) {
				t.Errorf("%s: no number on the screen gives the target's moments: %v, the entry gives them: %v: %q", at, !legend && !vs, given, entry)
			}
		}
	}
	if !left {
		t.Error("no screen left Quality's x and y lines out: the test no longer tries the entry where it does")
	}
}

// TestGlossaryTellsCapturedFromCovered: a 2-D run's glossary says that
// the mode events ask more than the Quality panel's "modes captured"
// (half the mode's due share, not one sample in 2,500). Without it
// ring-pacgan read "modes 8/8 captured" at 2,000 epochs beside no mode
// event at all, each mode holding under 2% of the samples against 12%
// due.
func TestGlossaryTellsCapturedFromCovered(t *testing.T) {
	for _, g := range glossaryOf(true) {
		if g[0] == "modes captured" {
			if !strings.Contains(g[1], "mode-covered") || !strings.Contains(g[1], "half its due share") {
				t.Errorf("the modes captured entry does not tell the events' covered from captured: %q", g[1])
			}
			return
		}
	}
	t.Error("no modes captured entry in the 2-D glossary")
}

// TestGlossaryGivesHQItsTop: the HQ entry says what a sample of the target
// itself scores, 98.9% (3σ of a 2-D normal), and that a collapsed G scores as
// much, which gives the Quality panel's "HQ 81%" (ring, seed 1, epoch 20,000)
// something to be read against.
func TestGlossaryGivesHQItsTop(t *testing.T) {
	for _, g := range glossaryOf(true) {
		if g[0] == "HQ" {
			for _, want := range []string{"target itself scores 98.9%", "1 mode of 8", "modes captured says how many"} {
				if !strings.Contains(g[1], want) {
					t.Errorf("the HQ entry lacks %q: %q", want, g[1])
				}
			}
			return
		}
	}
	t.Error("no HQ entry in the 2-D glossary")
}

// TestGlossaryDatesFindingsAtTheirConfirmingCheck: the ◆ entry says a
// finding's events are marked at the check that confirms them, not at the
// first check across the threshold: blog-original's noise-ignored is
// marked at epoch 60 though its first check finding it is at 30, which a
// learner reading the chart beside the losses would otherwise take for a
// lag of the screen.
func TestGlossaryDatesFindingsAtTheirConfirmingCheck(t *testing.T) {
	for _, plane := range []bool{false, true} {
		found := false
		for _, g := range glossaryOf(plane) {
			found = found || g[0] == "◆ in charts" && strings.Contains(g[1], "second check in a row") && strings.Contains(g[1], "five checks in a row")
		}
		if !found {
			t.Errorf("2-D %v: the ◆ entry does not say when a finding's start and end are marked", plane)
		}
	}
}

// glossaryPages is the views of the ? pages after the keys page — the
// diagnosis, the glossary and the events — pressing ? once more for each,
// at w×h, each known by its heading's "page N of M": a page of events
// alone is headed "Events page 4 of 4", without the glossary's name.
func glossaryPages(t *testing.T, s *session.Session, snap session.Snapshot, w, h int) []string {
	t.Helper()
	heading := regexp.MustCompile(`^\S.* page \d+ of \d+`)
	var pages []string
	for i := 2; i < 10; i++ {
		view := frame(t, s, snap, w, h, strings.Split(strings.Repeat("?", i), "")...)
		if lines := strings.Split(ansiStrip(view), "\n"); len(lines) < 2 || !heading.MatchString(lines[1]) {
			break
		}
		pages = append(pages, view)
	}
	return pages
}

// glossaryOf is the glossary's entries, term and text, as a run on a
// line (plane false) or a plane shows them whose screen draws every mark
// of its view: noise use, the modes, D(x), its push and G(z); the mode
// map, D's surface and its push.
func glossaryOf(plane bool) [][2]string {
	var m Model
	e := &m.snap.Eval
	if plane {
		m.snap.Target.Plane = &session.PlaneInfo{Spots: make([]engine.Spot, 8)} // a ring's
		e.Surface, e.Arrows = make([]float64, 4), make([]session.Arrow, 1)
	} else {
		m.snap.RowWidth, e.Metrics.Modes = 100, make([]engine.ModeCoverage, 2) // blog-original's rows
		e.DCurve, e.Push, e.GZ = make([]float64, 4), make([]float64, 4), make([]session.ZX, 4)
	}
	return m.glossaryEntries()
}

// TestDiagnosisGolden pins the diagnosis as the screen shows it, with the
// findings of real runs: blog-original's generator ignoring its noise, and
// feature matching, whose G loss has a scale of its own.
func TestDiagnosisGolden(t *testing.T) {
	for _, c := range []struct {
		preset string
		epochs int
		wants  []string
	}{
		{"blog-original", 3000, []string{"G ignores its noise", "right · 10,000"}}, // the golden (portable kernels) has the equilibrium too
		{"feature-matching", 300, []string{"▲ off scale"}},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		s, snaps := trainedSnapshots(t, cfg, 1, c.epochs, 80, 120)
		for _, size := range goldenSizes {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s/%dx%d", c.preset, w, h), func(t *testing.T) {
				snap := snaps[w]
				snap.Note, snap.Settings.Speed = "", 100
				snap.State, snap.Rate = session.Running, 97
				view := frame(t, s, snap, w, h)
				frameReads(t, view, c.wants...)
				requireGolden(t, view)
			})
		}
	}
}

// TestGlossaryPages: the glossary fits 80×24 a page at a time, ? turning
// the pages, and every entry is on one of them.
func TestGlossaryPages(t *testing.T) {
	s, snap := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	seen := strings.Join(glossaryPages(t, s, snap, 80, 24), "")
	m := Model{snap: snap}
	for _, g := range m.glossaryEntries() {
		if !strings.Contains(seen, g[0]) {
			t.Errorf("glossary entry %q on no page", g[0])
		}
	}
}

// TestGlossaryExplainsTheDesignsRemedies: the ? pages explain what the design
// changes in the textbook GAN under a heading of their own, each remedy it has
// and no other, not packing to every 2-D run, packed or not, and no other
// remedy at all.
func TestGlossaryExplainsTheDesignsRemedies(t *testing.T) {
	for _, c := range []struct {
		preset      string
		want, avoid []string
	}{
		{"ring-unrolled", []string{"Remedies what ring-unrolled changes", "unrolled GAN", "5 more steps"}, []string{"packing"}},
		{"grid-pacgan4-ema", []string{"Remedies what grid-pacgan4-ema changes", "packing", "D judges 4 samples", "G's average"}, []string{"unrolled"}},
		{"ring", nil, []string{"Remedies", "packing", "G's average"}},
	} {
		s, snap := trainedPlane(t, planeConfig(t, c.preset), 1, 2)
		seen := strings.Join(strings.Fields(strings.Join(glossaryPages(t, s, snap, 120, 40), " ")), " ")
		for _, w := range c.want {
			if !strings.Contains(seen, w) {
				t.Errorf("%s: the ? pages lack %q", c.preset, w)
			}
		}
		for _, a := range c.avoid {
			if strings.Contains(seen, a) {
				t.Errorf("%s: the ? pages name %q", c.preset, a)
			}
		}
	}
}

// TestGlossaryExplainsTheDesignsWords: every built-in preset's ? pages, and
// those of a few --set changes that make the design page say more, explain each
// word that page's outline shows: the loss, G's loss, an optimizer with its
// parameter, an activation, named as the page spells them ("bce", "G
// nonsaturating", "adam β", "leaky_relu"), and every other word the outline
// writes but for plain ones (plainDesignWords) and numbers, by an entry whose
// title has it, or that defines it (session.Remedy.Defines) and writes it in
// its text, where the learner finds it, either in the plural too ("uniform
// noise", "lr", "ε", "squared deviations (mean detached)", "4 moments"). A hand
// list, or any word of any remedy's text, would pass "sample", "scores",
// "steps", "row", "λ" while explaining none of them. No entry names a word the
// page does not have. The bce entry says BCE too, the ln 2 line entry's word.
func TestGlossaryExplainsTheDesignsWords(t *testing.T) {
	type design struct {
		name string
		cfg  engine.Config
	}
	var designs []design
	for _, name := range presets.Names() {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		designs = append(designs, design{name, cfg})
	}
	// What --set can make the outline say that no preset's does.
	for _, c := range []struct{ preset, key, value string }{
		{"devnag-2017", "d_input", "diffs"},
		{"vanilla", "eps", "1e-6"},
		{"wgan", "eps", "1e-6"},
		{"vanilla", "noise", "uniform"},
		{"ring-unrolled", "unroll_second_order", "true"},
		{"blog-original", "g_out", "50"},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		if err := cfg.Set(c.key, c.value); err != nil {
			t.Fatal(err)
		}
		designs = append(designs, design{c.preset + " --set " + c.key + "=" + c.value, cfg})
	}
	for _, d := range designs {
		name, cfg := d.name, d.cfg
		_, snap := firstSnapshot(t, cfg)
		outline := numtext.Plain(strings.Join(cfg.Outline(), " "))
		if !strings.Contains(numtext.Plain(strings.Join(snap.Design, " ")), outline) {
			t.Fatalf("%s: the design page does not show the outline %q: %q", name, outline, snap.Design)
		}
		// The page's words, as written and without the brackets round a
		// list: "(relu", "identity)".
		words := func(text string) []string {
			var out []string
			for _, w := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
				w = strings.Trim(w, "()[]:.")
				out = append(out, strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")) // D's, weights'
			}
			return out
		}
		design := map[string]bool{}
		for _, w := range strings.FieldsFunc(outline, func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
			design[w], design[strings.TrimPrefix(w, "(")], design[strings.TrimSuffix(w, ")")] = true, true, true
		}
		gloss := cfg.GLoss.String()
		if cfg.Loss.Unbounded() && cfg.GLoss == engine.GLossNonSaturating {
			gloss = "−D(G(z))"
		}
		want := []string{cfg.Loss.String(), "G " + gloss}
		for _, o := range []engine.OptimizerKind{cfg.DOpt, cfg.GOpt} {
			want = append(want, o.String()+" "+map[engine.OptimizerKind]string{engine.OptimizerAdam: "β", engine.OptimizerSGD: "momentum", engine.OptimizerRMSprop: "α"}[o])
		}
		for _, a := range append(cfg.GActs, cfg.DActs...) {
			want = append(want, a.String())
		}
		m := Model{snap: snap}
		listed := map[string]string{}
		for _, g := range m.glossaryEntries() {
			listed[g[0]] = numtext.Plain(g[1])
		}
		for _, term := range want {
			if _, ok := listed[term]; !ok {
				t.Errorf("%s: no glossary entry for the design page's %q", name, term)
			}
		}
		if text, ok := listed[cfg.Loss.String()]; ok && cfg.Loss == engine.LossBCE && !strings.Contains(text, "BCE") {
			t.Errorf("%s: the bce entry does not say BCE: %q", name, text)
		}
		// Each entry of the design's words names words the page has.
		for _, r := range snap.Terms {
			for _, w := range strings.Fields(r.Name) {
				if !design[w] {
					t.Errorf("%s: the design page does not spell %q as the glossary does: %q", name, w, outline)
				}
			}
		}
		// A word is explained by an entry whose title has it, or that
		// says it defines it (session.Remedy.Defines) and writes it, a
		// word of its own in its text, where the learner finds it; either
		// in the plural too.
		explained := map[string]bool{}
		explain := func(w string) { explained[w], explained[w+"s"] = true, true }
		for term := range listed { // the design's words' entries among them
			for _, w := range words(term) {
				explain(w)
			}
		}
		for _, r := range snap.Remedies {
			for _, w := range words(r.Name) {
				explain(w)
			}
		}
		for _, r := range slices.Concat(snap.Terms, snap.Remedies) {
			for _, w := range r.Defines {
				if !regexp.MustCompile(`(?i)(^|[^\pL\pN-])` + regexp.QuoteMeta(w) + `($|[^\pL\pN-])`).MatchString(numtext.Plain(r.What)) {
					t.Errorf("%s: the %s entry defines %q, which its text does not write: %q", name, r.Name, w, r.What)
				}
				explain(w)
			}
		}
		// The page's words left once the entries' names are taken out
		// where the page writes them whole: "squared deviations (mean
		// detached)" explains its "mean", "4 moments" its "moments",
		// which the moments chart's entry does not.
		left := outline
		names := slices.Concat(snap.Terms, snap.Remedies)
		slices.SortFunc(names, func(a, b session.Remedy) int { return len(b.Name) - len(a.Name) })
		for _, r := range names {
			left = strings.ReplaceAll(left, r.Name, " ")
		}
		var unexplained []string
		for _, w := range words(left) {
			if w == "" || strings.ContainsAny(w, "0123456789") || plainDesignWords[w] || explained[w] {
				continue
			}
			if !slices.Contains(unexplained, w) {
				unexplained = append(unexplained, w)
			}
		}
		if len(unexplained) > 0 {
			t.Errorf("%s: no entry explains the design page's %q: %q", name, unexplained, outline)
		}
	}
}

// plainDesignWords are the words of the design page that need no entry of
// their own: its grammar, the players' names, and words that are plain
// English where the page has them: "loss bce", the label before the
// loss's name; "one sample per noise draw", a draw of the noise; "the
// whole batch"; "G looks 5 D steps ahead", as the unrolled GAN entry
// begins; "G shown as"; "real data", as against G's; x and y, a point's
// coordinates, "(x,y)", as the target entry writes them.
var plainDesignWords = map[string]bool{
	"G": true, "D": true, "+": true, "of": true, "per": true, "the": true, "from": true, "one": true, "on": true, "in": true,
	"to": true, "as": true, "its": true, "…": true,
	"loss": true, "draw": true, "whole": true, "looks": true, "ahead": true, "shown": true, "real": true, "data": true, "x": true, "y": true,
}

// TestGlossaryNamesTheKeysThatKeepAReplay: the replay entry lists every
// key that leaves a replayed frame in sight: those whose commands keep it
// ([ and ] the pace, b Pin, w Save, e Export, c Share, P Plot) and those
// that send none (v, f, ?). It left P out, which writes the live run's
// figure and keeps the frame, as the status line then says, and [ ],
// which came to keep it.
func TestGlossaryNamesTheKeysThatKeepAReplay(t *testing.T) {
	for _, plane := range []bool{false, true} {
		found := false
		for _, g := range glossaryOf(plane) {
			if g[0] == "replay" {
				found = true
				if !strings.Contains(g[1], "([ ], b, w, e, c, P, v, f and ? keep the frame)") {
					t.Errorf("2-D %v: the replay entry does not list the keys that keep the frame: %q", plane, g[1])
				}
			}
		}
		if !found {
			t.Errorf("2-D %v: no replay entry", plane)
		}
	}
}

// TestOffTargetGolden: uniform at epoch 1, its G's samples all near 0, left of
// the target's range, which stops a quarter σ beyond the support (1.71 to
// 6.29): the histogram's range takes them in, so the panel shows G's bars left
// of the expected counts and D's push at them, and the legend names the marks
// drawn. The target's range alone, 2 to 6, would show the expected counts
// alone, "left of range 10,000", an empty push row, and a legend of █ and ▶,
// neither drawn.
func TestOffTargetGolden(t *testing.T) {
	cfg, err := presets.Get("uniform")
	if err != nil {
		t.Fatal(err)
	}
	s, snaps := trainedSnapshots(t, cfg, 1, 1, 80, 120)
	for _, size := range goldenSizes {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			snap := snaps[w]
			snap.State, snap.Note = session.Paused, ""
			view := frame(t, s, snap, w, h)
			frameReads(t, view, "0 left, 0 right · 10,000", "█ generated", "push dD/dx")
			var bars, push bool
			for _, l := range strings.Split(view, "\n") {
				bars = bars || strings.Contains(l, "███")
				push = push || strings.HasPrefix(l, "push") && strings.ContainsAny(l, "▶◀▸◂")
			}
			if !bars || !push {
				t.Errorf("bars drawn %v, push drawn %v, want both:\n%s", bars, push, view)
			}
			requireGolden(t, view)
		})
	}
}

// TestGlossaryTrendGivesTheCheckNoise: the trend entry's noise floors at a
// check are the ones the arrows take (session.Snapshot.CheckNoise), at a
// check's size (session.CheckSize): on a line KS's and W1's at 2,000 samples,
// on a plane SW1's at 2,500, the floor Quality shows. The entry does not write "2,000 samples: KS
// 0.030" out by hand, which would not hold on a plane, where the checks measure
// SW1 on 2,500.
func TestGlossaryTrendGivesTheCheckNoise(t *testing.T) {
	_, line := trainedSnapshot(t, bimodal1D(t), 1, 10, 80)
	_, plane := trainedPlane(t, planeConfig(t, "ring"), 1, 10)
	for _, c := range []struct {
		snap  session.Snapshot
		n     int
		floor string
	}{
		{line, session.CheckSize(false), "KS " + numtext.Measure(line.CheckNoise.KS) + ", W1 " + numtext.Measure(line.CheckNoise.W1)},
		{plane, session.CheckSize(true), "SW1 " + numtext.Measure(plane.CheckNoise.SW1)},
	} {
		m := Model{snap: c.snap}
		trend := ""
		for _, g := range m.glossaryEntries() {
			if g[0] == "trend" {
				trend = numtext.Plain(g[1])
			}
		}
		samples := numtext.FormatInt(c.n) + " samples: " + c.floor + ")"
		if !strings.Contains(trend, "noise floor at a check's "+samples) {
			t.Errorf("%s: the trend entry does not give %q:\n%s", c.snap.Preset, samples, trend)
		}
		if c.snap.Target.Plane != nil && strings.Contains(trend, "KS 0") {
			t.Errorf("%s: the trend entry gives KS's floor on a plane:\n%s", c.snap.Preset, trend)
		}
	}
	if ks, want := line.CheckNoise.KS, engine.KSNoiseFloor(session.CheckSize(false)); ks != want {
		t.Errorf("a line's check noise KS %v, want its floor at a check's size %v", ks, want)
	}
	if w1 := line.CheckNoise.W1; w1 == 0 || w1 == line.CheckNoise.KS {
		t.Errorf("a line's check noise W1 %v, want W1's own floor, not 0 nor KS's", w1)
	}
	if sw1, want := plane.CheckNoise.SW1, plane.Eval.Metrics.Plane.SW1Floor; sw1 != want || sw1 == 0 {
		t.Errorf("a plane's check noise SW1 %v, want the floor Quality shows, %v", sw1, want)
	}
}

// TestGlossaryTrendIsTheArrows: the trend entry's noise at a check is the run's
// own (Snapshot.CheckNoise), which its arrows take, each measure's its own: on
// a line KS's and W1's, as W1's arrow weighs a change against W1's floor, not
// KS's (vanilla's "W1 0.016 → ▆█▁ 0.016–0.044", a fall of 0.028 within W1's
// 0.036), on a plane SW1's, and only the measures the run's checks have: not a
// line's floor written from the sample size alone, nor a text with a plane's
// floor put in place of a line's. It says the arrow weighs the bars shown,
// which a narrower screen has fewer of.
func TestGlossaryTrendIsTheArrows(t *testing.T) {
	for _, c := range []struct {
		plane       *session.PlaneInfo
		noise       session.EvalPoint
		want, never string
	}{
		{nil, session.EvalPoint{KS: 0.0421, W1: 0.0357}, "each measure's own noise floor at a check's 2,000 samples: KS 0.042, W1 0.036)", "samples: SW1"},
		{nil, session.EvalPoint{KS: 0.0421}, "each measure's own noise floor at a check's 2,000 samples: KS 0.042)", "W1 0"},
		{&session.PlaneInfo{}, session.EvalPoint{SW1: 0.0337}, "a check's 2,500 samples: SW1 0.034)", "samples: KS"},
		{&session.PlaneInfo{}, session.EvalPoint{}, "a check's 2,500 samples)", "samples: KS"},
	} {
		m := Model{}
		m.snap.Target.Plane, m.snap.CheckNoise = c.plane, c.noise
		trend := ""
		for _, g := range m.glossaryEntries() {
			if g[0] == "trend" {
				trend = numtext.Plain(g[1])
			}
		}
		if !strings.Contains(trend, c.want) || strings.Contains(trend, c.never) {
			t.Errorf("noise %+v, a plane %v: want %q in the trend entry, and not %q:\n%s", c.noise, c.plane != nil, c.want, c.never, trend)
		}
		if shown := "It weighs only the bars shown: a narrower screen shows fewer"; !strings.Contains(trend, shown) {
			t.Errorf("the trend entry does not say %q:\n%s", shown, trend)
		}
	}
}

// TestGlossaryListsWhatTheScreenDraws: a run's glossary has an entry for a mark
// or measure the view can draw exactly when the screen draws it, in any of v's
// views: G(z) for a G of one noise value only, noise use for a G of rows, the
// modes for a mixture, D(x) and its push for a D that scores single samples, on
// a plane the mode map and HQ for a target of modes, D's surface and push
// likewise. It does not list every 1-D entry for every 1-D run, which would
// give vanilla's G(z), modes and noise use.
func TestGlossaryListsWhatTheScreenDraws(t *testing.T) {
	line := map[string]*regexp.Regexp{
		"G(z)":      regexp.MustCompile(`G\(z\) output x`),
		"Q-Q":       regexp.MustCompile(`Q-Q generated`),
		"noise use": regexp.MustCompile(`noise use \d`),
		"modes":     regexp.MustCompile(`modes \d+/\d+`),
		"D(x)":      regexp.MustCompile(`⠂ D\(x\)`),
		"push":      regexp.MustCompile(`push dD/dx`),
		"KS":        regexp.MustCompile(`KS \d`),
	}
	plane := map[string]*regexp.Regexp{
		"HQ":             regexp.MustCompile(`HQ \d`),
		"modes captured": regexp.MustCompile(`modes \d+/\d+ captured`),
		"D surface":      regexp.MustCompile(`D: +fake +real|· D = ½`),
		"push":           regexp.MustCompile(`D's push`),
		"SW1":            regexp.MustCompile(`SW1 \d`),
	}
	for _, c := range []struct {
		preset string
		listed []string // what the glossary must list, and must not
		not    []string
	}{
		{"vanilla", []string{"D(x)", "push", "Q-Q"}, []string{"G(z)", "modes", "noise use"}},
		{"uniform-flat-noise", []string{"G(z)"}, []string{"modes", "noise use"}},
		{"bimodal", []string{"modes"}, []string{"G(z)"}},
		{"blog-original", []string{"noise use"}, []string{"D(x)", "push", "G(z)", "modes"}},
		{"ring", []string{"HQ", "modes captured", "D surface", "push"}, []string{"KS", "G(z)", "Q-Q"}},
		{"ring-pacgan", []string{"HQ"}, []string{"D surface", "push"}},
		{"moons", []string{"SW1"}, []string{"HQ", "modes captured"}},
	} {
		t.Run(c.preset, func(t *testing.T) {
			cfg, err := presets.Get(c.preset)
			if err != nil {
				t.Fatal(err)
			}
			var s *session.Session
			var snap session.Snapshot
			terms := line
			if engine.TargetDim(cfg.Target) == 2 {
				s, snap = trainedPlane(t, planeConfig(t, c.preset), 1, 20)
				terms = plane
			} else {
				s, snap = trainedSnapshot(t, cfg, 1, 20, 120)
			}
			var screens []string
			for _, keys := range [][]string{nil, {"v"}, {"v", "v"}} {
				screens = append(screens, strings.Join(strings.Fields(frame(t, s, snap, 120, 40, keys...)), " "))
			}
			if engine.TargetDim(cfg.Target) == 2 {
				// In colour too: without it, D's surface is its boundary's
				// ·, which a frame full of samples may not draw, and the
				// legend names only what is drawn; shaded, it always is.
				lipgloss.SetColorProfile(termenv.ANSI256)
				m := NewModel(s)
				m.width, m.height = 120, 40
				m.apply(snap)
				screens = append(screens, strings.Join(strings.Fields(ansiStrip(m.View())), " "))
				lipgloss.SetColorProfile(termenv.Ascii)
			}
			screen := strings.Join(screens, "\n")
			m := Model{snap: snap}
			listed := map[string]bool{}
			for _, g := range m.glossaryEntries() {
				listed[g[0]] = true
			}
			for term, drawn := range terms {
				if shown := drawn.MatchString(screen); listed[term] != shown {
					t.Errorf("the glossary lists %q: %v; the screen draws it: %v", term, listed[term], shown)
				}
			}
			for _, term := range c.listed {
				if !listed[term] {
					t.Errorf("no %q entry", term)
				}
			}
			for _, term := range c.not {
				if listed[term] {
					t.Errorf("a %q entry, which the screen never draws", term)
				}
			}
		})
	}
}

// TestGlossaryTrendSaysWhereTheRangeIsLeftOut: a trend whose checks and value
// are all alike, as a runaway's KS at 1, stands without the lowest and highest
// after its bars, flat ▄, and the trend entry says so where it promises the two
// numbers, so that devnag-2017's runaway "KS 1.000 → ▄▄▄▄▄▄▄▄" does not stand
// beside an entry saying the numbers follow the bars.
func TestGlossaryTrendSaysWhereTheRangeIsLeftOut(t *testing.T) {
	line, _ := metricRowLine(metricRow{name: "KS", v: 1, t: &trend{vals: []float64{1, 1, 1, 1, 1, 1, 1, 1}, noise: 0.03}}, 5, 8, 40)
	if got := numtext.Plain(line); got != "KS 1.000 → ▄▄▄▄▄▄▄▄" {
		t.Fatalf("a flat trend reads %q, want %q", got, "KS 1.000 → ▄▄▄▄▄▄▄▄")
	}
	var m Model
	trend := ""
	for _, g := range m.glossaryEntries() {
		if g[0] == "trend" {
			trend = numtext.Plain(g[1])
		}
	}
	for _, want := range []string{"The two numbers after the bars are the lowest and highest", "no numbers, nor where every bar is alike", "flat ▄ at the value"} {
		if !strings.Contains(trend, want) {
			t.Errorf("the trend entry does not say %q:\n%s", want, trend)
		}
	}
}
