package tui

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/textwrap"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// TestCompareNamesWhatTheSettingsDiffer: with a baseline pinned, Quality says
// what the run's settings differ from the baseline's in, base → now, each
// setting whole, or "same settings as base"; the pace, no part of a run, is
// left out. With the measures alone a learner retuning and comparing could not
// see what the two runs differ in. At 80×24 what fits stays whole ("+1 more"
// counts the rest), never cut.
func TestCompareNamesWhatTheSettingsDiffer(t *testing.T) {
	sizes := [][2]int{{80, 24}, {100, 30}, {120, 40}}
	s, snaps := trainedSnapshots(t, bimodal1D(t), 1, 20, 80, 100, 120)
	for _, size := range sizes {
		w, h := size[0], size[1]
		snap := snaps[w]
		snap.State = session.Paused
		base := &session.Baseline{Preset: snap.Preset, Seed: snap.Seed, Epoch: 10, Settings: snap.Settings, Eval: snap.Eval}
		base.Settings.Speed = snap.Settings.Speed * 2 // the pace differs, the run does not
		snap.Baseline = base
		view := frame(t, s, snap, w, h)
		frameReads(t, view, "same settings as base")

		b := *base
		b.Settings.DLR, b.Settings.GSteps = snap.Settings.DLR/2, snap.Settings.GSteps+1
		snap.Baseline = &b
		view = frame(t, s, snap, w, h)
		dlr := "D lr " + b.Settings.Text(session.DLR) + "→" + snap.Settings.Text(session.DLR)
		gsteps := "G steps " + b.Settings.Text(session.GSteps) + "→" + snap.Settings.Text(session.GSteps)
		flat := frameReads(t, numtext.Plain(view), dlr)
		if strings.Contains(flat, "same settings") || strings.Contains(flat, "speed "+b.Settings.Text(session.Speed)+"→") {
			t.Errorf("%d×%d: the settings differ in D lr and G steps alone:\n%s", w, h, view)
		}
		if !strings.Contains(flat, gsteps) && !strings.Contains(flat, dlr+" +1 more") {
			t.Errorf("%d×%d: G steps neither shown nor counted:\n%s", w, h, view)
		}
		if w >= 100 && !strings.Contains(flat, "base→now") {
			t.Errorf("%d×%d: room enough, yet the line does not say which is which:\n%s", w, h, view)
		}
		for _, l := range strings.Split(ansi.Strip(view), "\n") {
			if strings.Contains(l, "→") && strings.Contains(l, "…") {
				t.Errorf("%d×%d: a line cut: %q", w, h, l)
			}
		}
	}
}

// TestCompareNamesTheSeedDiffer: a baseline of another seed, pinned and then
// reseeded (b, then r), is another run though its settings are the same, and
// Quality says so, "same settings, seed 2→1" ("same settings as base, seed
// 2→1" where it fits), where it said "same settings as base" alone, which a
// learner comparing read as the same run; beside settings that differ, the
// seed comes first and stays, "seed 2→1  D lr 2.5e-4→5e-4". Beside a
// replayed frame the live run's line keeps its label, "base→live  seed 2→1".
// Whole, never cut, at 80×24 and 120×40.
func TestCompareNamesTheSeedDiffer(t *testing.T) {
	s, snaps := trainedSnapshots(t, bimodal1D(t), 1, 20, 80, 120)
	// at is the line of view, and the column in it, where want begins.
	at := func(view, want string) (int, int) {
		for i, l := range strings.Split(view, "\n") {
			if j := strings.Index(l, want); j >= 0 {
				return i, j
			}
		}
		return -1, -1
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		snap := snaps[w]
		snap.State = session.Paused
		base := &session.Baseline{Preset: snap.Preset, Seed: 2, Epoch: 10, Settings: snap.Settings, Eval: snap.Eval}
		snap.Baseline = base
		view := numtext.Plain(ansi.Strip(frame(t, s, snap, w, h)))
		if i, _ := at(view, "same settings"); i < 0 || !strings.Contains(strings.Split(view, "\n")[i], ", seed 2→1") {
			t.Errorf("%d×%d: the same settings, but not the seed 2→1:\n%s", w, h, view)
		}

		b := *base
		b.Settings.DLR = snap.Settings.DLR / 2
		snap.Baseline = &b
		view = numtext.Plain(ansi.Strip(frame(t, s, snap, w, h)))
		si, sj := at(view, "seed 2→1")
		di, dj := at(view, "D lr "+b.Settings.Text(session.DLR)+"→"+snap.Settings.Text(session.DLR))
		if si < 0 || di < 0 || di < si || di == si && dj < sj {
			t.Errorf("%d×%d: the seed 2→1 (line %d) not named before the D lr (line %d):\n%s", w, h, si, di, view)
		}
		if strings.Contains(view, "same settings") {
			t.Errorf("%d×%d: the settings differ in D lr:\n%s", w, h, view)
		}

		snap.Baseline = base
		snap.Replay = &session.Keyframe{Eval: snap.Eval, Last: snap.Last}
		snap.Replay.Epoch = 10
		view = numtext.Plain(ansi.Strip(frame(t, s, snap, w, h)))
		if i, _ := at(view, "seed 2→1"); i < 0 || !strings.Contains(strings.Split(view, "\n")[i], "base→live") && !strings.Contains(strings.Split(view, "\n")[i], "live: same settings") {
			t.Errorf("%d×%d: beside a replayed frame, the live run's seed not said, or unlabelled:\n%s", w, h, view)
		}
		for _, l := range strings.Split(view, "\n") {
			if strings.Contains(l, "→") && strings.Contains(l, "…") {
				t.Errorf("%d×%d: a line cut: %q", w, h, l)
			}
		}
	}
}

// TestReplayComparesTheLiveRunsSettings: beside a replayed frame, whose
// settings are not kept, Quality names the settings it compares with the
// baseline's as the live run's, "base→live  D lr 5e-4→1e-3" or "live: same
// settings as base", and never gives them unlabelled. "base→now" under the
// frame's measures would read as the settings the frame trained with: vanilla's
// frame of epoch 4,900, trained at D lr 5e-4, would show "base→now D lr
// 5e-4→1e-3", the rate being raised at 5,600.
func TestReplayComparesTheLiveRunsSettings(t *testing.T) {
	s, snaps := trainedSnapshots(t, bimodal1D(t), 1, 20, 80, 120)
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		snap := snaps[w]
		snap.State = session.Paused
		snap.Replay = &session.Keyframe{Eval: snap.Eval, Last: snap.Last}
		snap.Replay.Epoch = 10
		base := &session.Baseline{Preset: snap.Preset, Seed: snap.Seed, Epoch: 10, Settings: snap.Settings, Eval: snap.Eval}
		snap.Baseline = base
		view := frame(t, s, snap, w, h)
		frameReads(t, view, "live: same settings as base")

		for _, differ := range []int{1, 2} { // one setting, and more than the line holds at 80×24
			b := *base
			b.Settings.DLR = snap.Settings.DLR / 2
			if differ == 2 {
				b.Settings.GSteps = snap.Settings.GSteps + 1
			}
			snap.Baseline = &b
			view = numtext.Plain(frame(t, s, snap, w, h))
			flat := frameReads(t, view, "base→live")
			if strings.Contains(flat, "base→now") {
				t.Errorf("%d×%d: the live run's settings named as the frame's:\n%s", w, h, view)
			}
			for _, l := range strings.Split(ansi.Strip(view), "\n") {
				if strings.Contains(l, "D lr ") && !strings.Contains(l, "base→live") {
					t.Errorf("%d×%d, %d settings differing: the live run's settings unlabelled: %q", w, h, differ, l)
				}
			}
			if differ == 1 {
				frameReads(t, view, "base→live D lr "+b.Settings.Text(session.DLR)+"→"+snap.Settings.Text(session.DLR))
			}
		}
	}
}

// TestCompareCountsTheSettingsNoneFit: with three settings changed, at 80×24,
// where no setting fits whole beside "base→live", Quality counts them after the
// prefix beside a replayed frame, "base→live  3 settings differ", and beside
// the live run names the first, its prefix giving way, "D lr 2.5e-4→5e-4  +2
// more". The frame's line does not read "base→live  +3 more", more than none
// shown.
func TestCompareCountsTheSettingsNoneFit(t *testing.T) {
	s, snaps := trainedSnapshots(t, bimodal1D(t), 1, 20, 80)
	for _, replay := range []bool{false, true} {
		snap := snaps[80]
		snap.State = session.Paused
		head := "base→now"
		if replay {
			snap.Replay = &session.Keyframe{Eval: snap.Eval, Last: snap.Last}
			snap.Replay.Epoch = 10
			head = "base→live"
		}
		b := &session.Baseline{Preset: snap.Preset, Seed: snap.Seed, Epoch: 10, Settings: snap.Settings, Eval: snap.Eval}
		b.Settings.DLR, b.Settings.GLR, b.Settings.DSteps = snap.Settings.DLR/2, snap.Settings.GLR/2, snap.Settings.DSteps+1
		snap.Baseline = b
		view := numtext.Plain(frame(t, s, snap, 80, 24))
		flat := strings.Join(strings.Fields(view), " ")
		if replay {
			frameReads(t, view, head)
		}
		if strings.Contains(flat, head+" +") {
			t.Errorf("replay %v: the settings counted as more than none shown:\n%s", replay, view)
		}
		if !strings.Contains(flat, "D lr ") && !strings.Contains(flat, head+" 3 settings differ") {
			t.Errorf("replay %v: neither a setting named nor the three counted:\n%s", replay, view)
		}
	}
}

// TestBaselineComparedAtTheSmallestSize: with a baseline pinned, Quality
// compares the run with it ("vs base") at every size down to 70×20, the
// measures after the first two giving way to it where rows are short. At 70×20
// the side panel's three rows above the settings do not keep KS, W1 and noise
// use (or the modes, or SW1, its floor and the modes) at the comparison's cost,
// which would leave the legend naming the baseline and the status line saying
// to compare with it, and nothing on the screen doing so.
func TestBaselineComparedAtTheSmallestSize(t *testing.T) {
	blog, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	sizes := [][2]int{{70, 20}, {70, 21}, {80, 24}}
	type run struct {
		s     *session.Session
		snaps map[int]session.Snapshot
	}
	runs := map[string]run{}
	for name, cfg := range map[string]engine.Config{"blog-original": blog, "bimodal-1d": bimodal1D(t)} {
		s, snaps := trainedSnapshots(t, cfg, 1, 20, 70, 80)
		runs[name] = run{s, snaps}
	}
	s, plane := trainedPlane(t, planeConfig(t, "ring"), 1, 20)
	runs["ring"] = run{s, map[int]session.Snapshot{70: plane, 80: plane}}
	for name, r := range runs {
		for _, size := range sizes {
			w, h := size[0], size[1]
			snap := r.snaps[w]
			snap.State = session.Paused
			base := &session.Baseline{Preset: snap.Preset, Seed: 2, Epoch: 10, Settings: snap.Settings, Eval: snap.Eval}
			base.Settings.DLR = snap.Settings.DLR / 2
			snap.Baseline = base
			view := frame(t, r.s, snap, w, h)
			flat := frameReads(t, view, "vs base")
			// The first two measures stay beside it.
			for _, want := range []string{"KS", "W1"} {
				if name == "ring" {
					want = map[string]string{"KS": "SW1", "W1": "floor"}[want]
				}
				if !strings.Contains(flat, want+" ") {
					t.Errorf("%s at %d×%d: Quality lacks %s beside the comparison:\n%s", name, w, h, want, view)
				}
			}
			if w == 80 && !strings.Contains(flat, "D lr ") {
				t.Errorf("%s at 80×24: the settings the runs differ in are gone:\n%s", name, view)
			}
		}
	}
}

// TestPlaneLegendWholeWithABaseline: the 2-D legend with a baseline pinned
// gives way whole where it has no room, in colour and without, at 80×24 and up:
// grid's at 80×24 does not cut the baseline's item to "⣿ ba…".
func TestPlaneLegendWholeWithABaseline(t *testing.T) {
	s, snap := trainedPlane(t, planeConfig(t, "grid"), 1, 40)
	snap.State = session.Paused
	snap.Baseline = &session.Baseline{Preset: snap.Preset, Seed: 1, Epoch: 700, Settings: snap.Settings, Eval: snap.Eval}
	eachLegendView(t, s, snap, func(at, view string) {
		// The baseline is the live run's own samples: G's cover every
		// cell of it, and the legend says it is hidden.
		if !strings.Contains(view, "base seed 1 at 700, hidden") && !strings.Contains(view, "base hidden") || !strings.Contains(view, "generated") {
			t.Errorf("%s: the legend lacks the baseline or G's samples:\n%s", at, view)
		}
	})
}

// eachLegendView renders snap at 80×24, 100×30 and 120×40, in colour and
// without (eachView), and hands check each view, its colours stripped,
// then checks that no line of it is cut ("…").
func eachLegendView(t *testing.T, s *session.Session, snap session.Snapshot, check func(at, view string)) {
	t.Helper()
	eachView(t, s, snap, [][2]int{{80, 24}, {100, 30}, {120, 40}}, func(at, view string) {
		check(at, view)
		for _, l := range strings.Split(view, "\n") {
			if strings.Contains(l, "…") {
				t.Errorf("%s: a line is cut: %q", at, l)
			}
		}
	})
}

// eachView renders snap of s at each of sizes (width, height), without
// colour and in colour, and hands check each view, its colours stripped,
// with where it was drawn ("profile 1, 80×24").
func eachView(t *testing.T, s *session.Session, snap session.Snapshot, sizes [][2]int, check func(at, view string)) {
	t.Helper()
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI256} {
		for _, size := range sizes {
			lipgloss.SetColorProfile(profile)
			m := NewModel(s)
			m.width, m.height = size[0], size[1]
			m.apply(snap)
			view := ansiStrip(m.View())
			lipgloss.SetColorProfile(termenv.Ascii)
			check(fmt.Sprintf("profile %v, %d×%d", profile, size[0], size[1]), view)
		}
	}
}

// TestCutLinesEndsAfterAWord: a text cut to fewer lines ends in " …" after its
// last whole word, however full its last line: a status at 80×24 does not read
// "… r or R starts a ne…".
func TestCutLinesEndsAfterAWord(t *testing.T) {
	lines := textwrap.Wrap("done: 200 epochs in 7.8 s (26 ep/s) · space or n continues · r or R starts a new run from epoch 0", 80)
	if len(lines) < 2 || ansi.StringWidth(lines[0]) < 79 {
		t.Fatalf("the test wants a full first line: %q", lines)
	}
	got := cutLines(lines, 80, 1)
	if len(got) != 1 || !strings.HasSuffix(got[0], " …") || ansi.StringWidth(got[0]) > 80 {
		t.Fatalf("cut to %q", got)
	}
	if kept := strings.TrimSuffix(got[0], " …"); !strings.HasPrefix(lines[0], kept+" ") {
		t.Errorf("%q does not end after a whole word of %q", got[0], lines[0])
	}
}

// TestLegendWholeWithABaseline: the samples panel's legend with a baseline of a
// long name pinned (a seed r drew, an epoch past 10,000) gives way whole where
// it has no room, as the plane's does, in colour and without: at 80×24
// vanilla's does not cut D's push to "▶ push d…".
func TestLegendWholeWithABaseline(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 40)
	snap.State = session.Paused
	snap.Baseline = &session.Baseline{Preset: snap.Preset, Seed: 123456789, Epoch: 200000, Settings: snap.Settings, Eval: snap.Eval}
	eachLegendView(t, s, snap, func(at, view string) {
		if !strings.Contains(view, "╌ base") || !strings.Contains(view, "generated") || !strings.Contains(view, "D(x)") {
			t.Errorf("%s: the legend lacks the baseline, G's samples or D(x):\n%s", at, view)
		}
	})
}

// TestCommandCopiesWhole: the command c shows, too wide for the status, is
// broken between its shell words, each line but the last ending in " \", the
// shell's line continuation, so that the lines copied run as the one command; a
// quoted word is never broken. Wrapped as text at 80×24 it would be two
// commands to a shell, "… --set d_steps=2 --set" and "g_steps=2 --epochs 700
// --seed 20241204".
func TestCommandCopiesWhole(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 10)
	for _, c := range []struct {
		cmd, whole string // whole: a word that must stay on one line
		w          int
	}{
		{"ganui --preset vanilla --set d_lr=2e-3 --set g_lr=1e-4 --set d_steps=2 --set g_steps=2 --epochs 700 --seed 20241204", "--set", 80},
		{`ganui --preset vanilla --set 'description=it'\''s my own ring, of 8 modes' --set g_hidden=8,8 --seed 1`, `'description=it'\''s my own ring, of 8 modes'`, 52},
	} {
		m := NewModel(s)
		m.snap = snap
		m.snap.State = session.Paused
		m.snap.Note = "wrote ganui-vanilla-seed1.json · the command below runs the run again" + session.CommandBreak + c.cmd
		lines := m.statusLines(c.w, 8)
		at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(ansi.Strip(l), "ganui ") })
		if at < 0 {
			t.Fatalf("no command in %q", lines)
		}
		cmd := lines[at:]
		if len(cmd) < 2 {
			t.Fatalf("%q: one line at %d columns, want it broken", cmd, c.w)
		}
		for i, l := range cmd {
			l = ansi.Strip(l)
			if ansi.StringWidth(l) > c.w {
				t.Errorf("%q: wider than %d", l, c.w)
			}
			if i < len(cmd)-1 && !strings.HasSuffix(l, " \\") {
				t.Errorf("%q: a line of the command not ending in \" \\\"", l)
			}
		}
		joined := strings.ReplaceAll(ansi.Strip(strings.Join(cmd, "\n")), " \\\n", " ")
		if joined != c.cmd {
			t.Errorf("the lines %q join as %q, not the command %q", cmd, joined, c.cmd)
		}
		if !slices.ContainsFunc(cmd, func(l string) bool { return strings.Contains(l, c.whole) }) {
			t.Errorf("%q: %s broken across lines", cmd, c.whole)
		}
	}
}

// TestShareNoteLeavesNoWordAlone: c's note too wide for a line at 70×20 is
// wrapped so that its last line holds two words or more, in as many lines:
// bimodal-mbd's does not read "… the command below runs the run" over
// "  again".
func TestShareNoteLeavesNoWordAlone(t *testing.T) {
	cfg, err := presets.Get("bimodal-mbd")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trained(t, cfg, 1, 1)
	m := NewModel(s)
	m.snap = snap
	m.snap.State = session.Paused
	note := "wrote ganui-bimodal-mbd-seed1.json · the command below runs the run again"
	m.snap.Note = note + session.CommandBreak + "ganui --preset bimodal-mbd --seed 1"
	lines := m.statusLines(minWidth, 3)
	if len(lines) != 3 {
		t.Fatalf("%d lines, want the note's two and the command's:\n%s", len(lines), ansi.Strip(strings.Join(lines, "\n")))
	}
	text := ansi.Strip(strings.Join(lines[:2], "\n"))
	if strings.Join(strings.Fields(text), " ") != note || len(strings.Fields(ansi.Strip(lines[1]))) < 2 || !fits(lines, minWidth) {
		t.Errorf("the note at %d columns reads:\n%s", minWidth, text)
	}
}

// TestBaselineRunawayDifferenceWhole: a runaway's difference from the baseline,
// wide in the exponent form, stays whole in Quality, the measure after it on a
// line of its own from 80×24 up and giving way whole at 70×20: at sideW the 1-D
// line is not cut to "vs base KS +0.087 W1 +2.687…", a difference read as 2.687
// where it is 2.6871e5, nor the plane's to "vs base SW1 +5.6542e6 mode…".
func TestBaselineRunawayDifferenceWhole(t *testing.T) {
	s1, snaps := trainedSnapshots(t, bimodal1D(t), 1, 20, 70, 80, 100, 120)
	s2, plane := trainedPlane(t, planeConfig(t, "ring"), 1, 20)
	for _, size := range [][2]int{{70, 20}, {80, 24}, {100, 30}, {120, 40}} {
		w, h := size[0], size[1]
		for _, c := range []struct {
			s             *session.Session
			snap          session.Snapshot
			first, second string
		}{
			{s1, snaps[w], "vs base KS +0.000", "W1 ✗2.6871e5"},
			{s2, plane, "vs base SW1 ✗5.6542e6", "modes +0"},
		} {
			snap := c.snap
			snap.State = session.Paused
			snap.Baseline = &session.Baseline{Preset: snap.Preset, Seed: 2, Epoch: 10, Settings: snap.Settings, Eval: snap.Eval}
			if pm := snap.Eval.Metrics.Plane; pm != nil {
				runaway := *pm
				runaway.SW1 += 5654200
				snap.Eval.Metrics.Plane = &runaway
			} else {
				snap.Eval.Metrics.W1 += 268710
			}
			view := frame(t, c.s, snap, w, h)
			if h < 24 {
				frameReads(t, view, c.first)
			} else {
				frameReads(t, view, c.first, c.second)
			}
			for _, l := range strings.Split(ansi.Strip(view), "\n") {
				if strings.Contains(l, "vs base") && strings.Contains(l, "…") {
					t.Errorf("%s at %d×%d: the comparison cut: %q", snap.Preset, w, h, l)
				}
			}
		}
	}
}

// TestReplayedLossesAreTheFrames: a frame replayed after updates by hand (d, g)
// gives its own epoch's losses in the losses' legend, as it gives its moments
// and measures, not the live run's updates by hand: replaying epoch 420 of a
// run paused at 783 after a d does not read "Losses, D by hand ● D real 0.043 ○
// D fake 0.021 ■ G 3.907", epoch 783's D losses beside epoch 420's G, titled as
// if someone had updated D by hand there.
func TestReplayedLossesAreTheFrames(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			sc := startScreen(t, blogConfig(t, 30), 1, false, size[0], size[1])
			sc.waitSnap("the plan is done", func(s session.Snapshot) bool { return s.State == session.Done })
			sc.key("d")
			sc.key("g")
			hand := sc.waitSnap("D and G were updated by hand", func(s session.Snapshot) bool { return s.Hand != nil && s.Hand.D && s.Hand.G })
			sc.key(",")
			snap := sc.waitSnap("a keyframe is replayed", func(s session.Snapshot) bool { return s.Replay != nil })
			if snap.Replay.Epoch >= hand.Epoch {
				t.Fatalf("replayed epoch %d, not one before the live %d", snap.Replay.Epoch, hand.Epoch)
			}
			view := sc.finalView()
			lines := strings.Split(view, "\n")
			legend := strings.Join(strings.Fields(lines[1]+" "+lines[2]), " ")
			if strings.Contains(legend, "by hand") {
				t.Errorf("epoch %d's legend says its losses are by hand: %q", snap.Replay.Epoch, legend)
			}
			last := snap.Replay.Last
			for _, want := range []string{"D real " + num(last.DReal), "D fake " + num(last.DFake), "G " + num(last.G)} {
				if !strings.Contains(legend, want) {
					t.Errorf("epoch %d's legend lacks its own %q: %q", snap.Replay.Epoch, want, legend)
				}
			}
		})
	}
}

// TestBaselineGhostInEveryView: a pinned baseline is drawn in each of v's
// views, and named in its legend as the histogram names its outline ("╌ base
// seed 2 at 5"): the Q-Q plot's quantiles and the G(z) curve in faint dots, ╌
// without colour, under the live run's, not the live run's alone, since a
// learner comparing devnag-2017's runs looks there for the baseline's curve. A
// baseline without what a view draws (one resumed from a checkpoint of a sample
// too large to keep, or of a record of version 10, which keeps no G curve) is
// said to be missing in that view's legend, not left out in silence.
func TestBaselineGhostInEveryView(t *testing.T) {
	const w, h = 120, 40
	cfg, err := presets.Get("devnag-2017")
	if err != nil {
		t.Fatal(err)
	}
	s, snap := trainedSnapshot(t, cfg, 1, 20, w)
	_, early := trainedSnapshot(t, cfg, 2, 5, w)
	if snap.Eval.GZ == nil || early.Eval.GZ == nil || early.Eval.Metrics.QQ == nil {
		t.Fatal("devnag-2017 draws no G(z) or Q-Q")
	}
	snap.State = session.Paused
	base := session.Baseline{Preset: snap.Preset, Seed: 2, Epoch: 5, Settings: snap.Settings, Eval: early.Eval}
	ghosts := func(view string) int { return strings.Count(view, string(ghostGlyph)) }
	for _, c := range []struct {
		keys []string
		kept func(*session.Baseline) // leaves out what the view draws of the baseline
		lost string
	}{
		{nil, nil, ""},
		{[]string{"v"}, func(b *session.Baseline) { b.Eval.Metrics.QQ = nil }, "no quantiles of base seed 2 at 5: the checkpoint kept none"},
		{[]string{"v", "v"}, func(b *session.Baseline) { b.Eval.GZ = nil }, "no G(z) of base seed 2 at 5: the checkpoint kept none"},
	} {
		b := base
		snap.Baseline = &b
		view := frame(t, s, snap, w, h, c.keys...)
		if !strings.Contains(view, string(ghostGlyph)+" base seed 2 at 5") {
			t.Errorf("keys %v: the baseline not named:\n%s", c.keys, view)
		}
		if c.kept == nil {
			continue
		}
		c.kept(&b)
		without := frame(t, s, snap, w, h, c.keys...)
		if !strings.Contains(strings.Join(strings.Fields(without), " "), c.lost) {
			t.Errorf("keys %v: a baseline without it does not say %q:\n%s", c.keys, c.lost, without)
		}
		// The legend's ╌ and the plot's: more than the legend's one.
		if n, m := ghosts(view), ghosts(without); n <= m+1 {
			t.Errorf("keys %v: %d ╌ with the baseline drawn, %d without it: not drawn in the plot:\n%s", c.keys, n, m, view)
		}
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if said := strings.Join(strings.Fields(string(readme)), " "); !strings.Contains(said, "the Q-Q view its quantiles and the G(z) view G's curve, as faint dots under the live run's") {
		t.Error("the README does not say the Q-Q and G(z) views draw the baseline")
	}
}

// TestBaselineNamesAnEarlierPin: an evaluation before the pin names the
// epoch it compares with. A rerun at epoch 1,640 against a pin at 2,000
// read "vs base KS +0.192" in red, worse for being earlier alone.
func TestBaselineNamesAnEarlierPin(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	pin := session.Eval{Epoch: 2000}
	pin.Metrics.N, pin.Metrics.KS, pin.Metrics.W1 = 10000, 0.02, 0.03
	snap := session.Snapshot{CheckNoise: session.EvalPoint{KS: 0.03, W1: 0.02}}
	snap.Eval.Epoch, snap.Eval.Metrics.N, snap.Eval.Metrics.KS, snap.Eval.Metrics.W1 = 1640, 10000, 0.212, 0.5
	snap.Baseline = &session.Baseline{Seed: 1, Epoch: 2000, Eval: pin}
	if got := baselineLine(&snap); !strings.HasPrefix(got, "vs base@2,000 KS ") {
		t.Errorf("at 1,640 against a pin at 2,000: %q, want it to name the epoch, vs base@2,000", got)
	}
	if got := strings.Join(baselineLines(&snap, len("vs base KS ✗0.192 W1 ✗0.470")), "|"); !strings.HasPrefix(got, "vs @2,000 KS ") || strings.Contains(got, "|") {
		t.Errorf("short of room: %q, want vs @2,000 on one line", got)
	}
	snap.Eval.Epoch = 2000 // the pin's own epoch: nothing to name
	if got := baselineLine(&snap); !strings.HasPrefix(got, "vs base KS ") {
		t.Errorf("at the pin's epoch: %q, want vs base KS …", got)
	}
}
