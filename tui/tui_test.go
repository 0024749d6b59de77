package tui

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// waitTimeout bounds every wait in these tests. The tests wait on
// snapshots, never on the clock: the bound only turns a hang into a
// failure, so it is generous enough for the race detector on a loaded
// machine.
const waitTimeout = 3 * time.Minute

// blogConfig is the default preset with its planned epochs set.
func blogConfig(t *testing.T, epochs int) engine.Config {
	t.Helper()
	cfg, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = epochs
	return cfg
}

// screen is a running interactive trainer under teatest: the program at a
// fixed size with the ASCII colour profile, and every snapshot the UI took.
type screen struct {
	t     *testing.T
	s     *session.Session
	tm    *teatest.TestModel
	snaps chan session.Snapshot
}

// startScreen opens the UI on a new session of cfg from seed, at w×h.
func startScreen(t *testing.T, cfg engine.Config, seed uint64, paused bool, w, h int) *screen {
	t.Helper()
	return startScreenOn(t, session.Options{Config: cfg, Seed: seed, Paused: paused, Dir: t.TempDir()}, w, h)
}

// startScreenOn opens the UI on a new session of opts, which it starts,
// at w×h.
func startScreenOn(t *testing.T, opts session.Options, w, h int) *screen {
	t.Helper()
	s, err := session.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	s.Start()
	t.Cleanup(s.Stop)
	sc := &screen{t: t, s: s, snaps: make(chan session.Snapshot, 4096)}
	sc.tm = teatest.NewTestModel(t, recorder{NewModel(s), sc.snaps}, teatest.WithInitialTermSize(w, h))
	t.Cleanup(func() { _ = sc.tm.Quit() })
	return sc
}

// recorder passes every message to the Model and copies each snapshot it
// takes to a channel, so tests can wait on the UI's own state.
type recorder struct {
	Model
	snaps chan<- session.Snapshot
}

func (r recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := r.Model.Update(msg)
	r.Model = m.(Model)
	if s, ok := msg.(snapshotMsg); ok {
		select {
		case r.snaps <- session.Snapshot(s):
		default:
		}
	}
	return r, cmd
}

// key presses one key the way a terminal reports it.
func (s *screen) key(k string) {
	switch k {
	case " ":
		s.tm.Send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	case "up", "down", "left", "right":
		s.tm.Send(tea.KeyMsg{Type: map[string]tea.KeyType{"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight}[k]})
	default:
		s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	}
}

// waitSnap returns the first snapshot the UI takes from now on that
// satisfies ok.
func (s *screen) waitSnap(what string, ok func(session.Snapshot) bool) session.Snapshot {
	s.t.Helper()
	deadline := time.After(waitTimeout)
	for {
		select {
		case snap := <-s.snaps:
			if ok(snap) {
				return snap
			}
		case <-deadline:
			s.t.Fatalf("timed out waiting for a snapshot where %s", what)
		}
	}
}

// finalView quits the program and returns its last screen.
func (s *screen) finalView() string {
	s.t.Helper()
	if err := s.tm.Quit(); err != nil {
		s.t.Fatal(err)
	}
	return s.tm.FinalModel(s.t, teatest.WithFinalTimeout(waitTimeout)).View()
}

// TestFirstFrameGolden pins the screen of a fresh, paused run at two sizes:
// 80×24, where everything useful must fit, and 120×40.
//
//	go test ./tui -run TestFirstFrameGolden -update   # after an intended change
func TestFirstFrameGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := startScreen(t, blogConfig(t, 5000), 1, true, size[0], size[1])
			cols := size[0] - len(gap) - sideW - axisGutter
			s.waitSnap("the histogram has a bin per column", func(s session.Snapshot) bool {
				return len(s.Eval.Metrics.Hist.Counts) == cols
			})
			view := s.finalView()
			for i, line := range strings.Split(view, "\n") {
				if w := lipgloss.Width(line); w > size[0] {
					t.Errorf("line %d is %d cells wide, more than the terminal's %d: %q", i, w, size[0], line)
				}
			}
			if n := strings.Count(view, "\n") + 1; n != size[1] {
				t.Errorf("screen has %d lines, want %d", n, size[1])
			}
			for _, want := range []string{"blog-original", "paused", "epoch 0 / 5,000", "seed 1",
				"Losses", "D real", "D fake", "ln 2", "Moments", "skew", "ex.kurt", "Samples", "0 left, 0 right", "10,000",
				"no D(x) strip", "Quality", "KS", "W1", "Settings", "D learning rate", "speed", "q quit"} {
				if !strings.Contains(view, want) {
					t.Errorf("screen lacks %q", want)
				}
			}
			// The parts the header keeps as the run goes on: at 80 the pace
			// gives way at epoch 0 as at the plan's end, paused as running
			// (TestHeaderKeepsItsPartsThroughThePlan,
			// TestHeaderGivesWayAlikeRunningOrPaused), and the program's
			// name with it, its room kept for the rate's " paced"
			// (TestHeaderMarksAPacedRate).
			if header, _, _ := strings.Cut(view, "\n"); strings.Contains(header, "ganui") != (size[0] >= 120) || strings.Contains(header, "speed") != (size[0] >= 120) {
				t.Errorf("%d wide, the header reads %q", size[0], header)
			}
			golden.RequireEqual(t, []byte(view))
		})
	}
}

func TestPauseStopsTheEpochCounter(t *testing.T) {
	s := startScreen(t, blogConfig(t, 1_000_000), 1, false, 100, 30)
	s.waitSnap("training has begun", func(s session.Snapshot) bool { return s.Epoch >= 3 && s.State == session.Running })
	s.key(" ")
	paused := s.waitSnap("the run is paused", func(s session.Snapshot) bool { return s.State == session.Paused })
	// One step trains exactly one epoch past where the pause left the run:
	// nothing was trained in between.
	s.key("n")
	stepped := s.waitSnap("one epoch was stepped", func(s session.Snapshot) bool { return strings.HasPrefix(s.Note, "trained epoch ") })
	if stepped.Epoch != paused.Epoch+1 {
		t.Fatalf("paused at epoch %d, one step later at %d", paused.Epoch, stepped.Epoch)
	}
	s.key("p") // p resumes as space does
	s.waitSnap("training resumes", func(s session.Snapshot) bool { return s.State == session.Running && s.Epoch > stepped.Epoch })
}

// TestSettingsShowDsWarmup: in a wgan run the settings' D steps read
// the warm-up's 100 while the next epoch is one of D's warm-up, and
// d_steps' own 5 from the first that is not, at 80×24 as at 120×40; a
// change of d_steps in the warm-up says when it applies.
func TestSettingsShowDsWarmup(t *testing.T) {
	cfg, err := presets.Get("wgan")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DWarmupEpochs = 2
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		warm := startScreen(t, cfg, 1, true, size[0], size[1])
		warm.key("j")
		warm.key("j") // D steps
		warm.key("+")
		warm.waitSnap("d_steps retuned", func(s session.Snapshot) bool { return s.Settings.DSteps == 6 })
		frameReads(t, warm.finalView(), "› D steps/epoch 100 warm-up", "D steps 5 → 6 before the first epoch, used after D's warm-up, from epoch 3")

		after := startScreen(t, cfg, 1, true, size[0], size[1])
		after.key("n")
		after.key("n")
		after.waitSnap("two epochs stepped", func(s session.Snapshot) bool { return s.Epoch == 2 })
		if view := frameReads(t, after.finalView(), "D steps/epoch 5"); strings.Contains(view, "warm-up") {
			t.Errorf("%dx%d: past the warm-up, the screen names it:\n%s", size[0], size[1], view)
		}
	}
}

func TestStepKeysTrainExactlyOneStep(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	for want := 1; want <= 3; want++ {
		s.key("n")
		snap := s.waitSnap("an epoch was stepped", func(s session.Snapshot) bool { return s.Epoch == want })
		if snap.State != session.Paused || len(snap.History) != want {
			t.Fatalf("after n: state %s, %d history points; want paused and %d", snap.State, len(snap.History), want)
		}
	}
	// Keys typed ahead arrive as one message of several runes: "nnn" is
	// three epochs, as tmux send-keys nnn would give.
	s.key("nnn")
	s.waitSnap("three more epochs", func(s session.Snapshot) bool { return s.Epoch == 6 })
	s.key("d")
	s.waitSnap("a D update was made", func(s session.Snapshot) bool { return strings.Contains(s.Note, "one D update") })
	s.key("g")
	snap := s.waitSnap("a G update was made", func(s session.Snapshot) bool { return strings.Contains(s.Note, "one G update") })
	if snap.Epoch != 6 {
		t.Fatalf("d then g moved the run to epoch %d, want 6", snap.Epoch)
	}
}

func TestRetuneChangesTheEngine(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.key("+") // D learning rate is selected first
	snap := s.waitSnap("D's learning rate went up", func(s session.Snapshot) bool { return s.Settings.DLR != 1e-3 })
	if snap.Settings.DLR != 2e-3 {
		t.Fatalf("+ on D lr 1e-3 gave %g, want 2e-3", snap.Settings.DLR)
	}
	s.key("j")
	s.key("left") // G learning rate down the ladder
	s.waitSnap("G's learning rate went down", func(s session.Snapshot) bool { return s.Settings.GLR == 5e-4 })
	s.key("j")
	s.key("l") // D steps 5 → 6
	s.waitSnap("D steps went up", func(s session.Snapshot) bool { return s.Settings.DSteps == 6 })
	view := s.finalView()
	for _, want := range []string{"2e-3", "5e-4", "D steps/epoch    6"} {
		if !strings.Contains(view, want) {
			t.Errorf("screen does not show %q", want)
		}
	}
}

// TestTenfoldInOneBurst: a teacher's → → → typed ahead on a paused run (one
// message of three runes, as a terminal reports them) moves D's learning rate
// three notches, tenfold, and the status line gives the change whole, not the
// last notch alone, "D lr 5e-3 → 1e-2", beside a rate ten times the one trained
// with.
func TestTenfoldInOneBurst(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 80, 24)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.key("lll")
	snap := s.waitSnap("D's learning rate tenfold", func(s session.Snapshot) bool { return s.Settings.DLR == 1e-2 })
	const want = "D lr 1e-3 → 1e-2 before the first epoch"
	if snap.Note != want {
		t.Errorf("the note after → → →: %q, want %q", snap.Note, want)
	}
	if view := s.finalView(); !strings.Contains(view, want) {
		t.Errorf("the screen does not say %q:\n%s", want, view)
	}
}

func TestSpeedKeys(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	for range 20 {
		s.key("[")
	}
	s.waitSnap("the slowest speed", func(s session.Snapshot) bool { return s.Settings.Text(session.Speed) == "1/s" })
	s.key("]")
	s.waitSnap("one notch faster", func(s session.Snapshot) bool { return s.Settings.Text(session.Speed) == "2/s" })
	if view := s.finalView(); !strings.Contains(view, "2/s") {
		t.Error("screen does not show the speed 2/s")
	}
}

func TestReseedClearsTheRun(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	for range 3 {
		s.key("n")
	}
	s.waitSnap("three epochs", func(s session.Snapshot) bool { return s.Epoch == 3 })
	s.key("r")
	snap := s.waitSnap("a new run", func(s session.Snapshot) bool { return s.Run == 1 })
	if snap.Seed == 1 || snap.Epoch != 0 || len(snap.History) != 0 || snap.State != session.Paused {
		t.Fatalf("after r: seed %d, epoch %d, %d history points, %s; want a new seed, epoch 0, no history, paused",
			snap.Seed, snap.Epoch, len(snap.History), snap.State)
	}
	if view := s.finalView(); !strings.Contains(view, "seed "+strconv.FormatUint(snap.Seed, 10)) {
		t.Errorf("screen does not show the new seed %d", snap.Seed)
	}
}

func TestRestartRepeatsTheRun(t *testing.T) {
	s := startScreen(t, blogConfig(t, 60), 7, false, 100, 30)
	first := s.waitSnap("the first run is done", func(s session.Snapshot) bool { return s.State == session.Done })
	s.key("R")
	second := s.waitSnap("the rerun is done", func(s session.Snapshot) bool { return s.Run == 1 && s.State == session.Done })
	if second.Seed != 7 || second.Epoch != 60 {
		t.Fatalf("rerun: seed %d, epoch %d; want seed 7, epoch 60", second.Seed, second.Epoch)
	}
	if !reflect.DeepEqual(first.History, second.History) || first.Last != second.Last {
		t.Fatalf("R did not repeat the run:\nfirst  %+v\nsecond %+v", first.Last, second.Last)
	}
	if len(first.History) != 60 {
		t.Fatalf("history has %d points, want one per epoch (60)", len(first.History))
	}
}

func TestDoneThenContinue(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5), 1, false, 100, 30)
	s.waitSnap("the plan is done", func(s session.Snapshot) bool { return s.State == session.Done && s.Epoch == 5 })
	s.key("n")
	s.waitSnap("one epoch past the plan", func(s session.Snapshot) bool { return s.Epoch == 6 && s.State == session.Paused })
	s.key(" ")
	s.waitSnap("running past the plan", func(s session.Snapshot) bool { return s.State == session.Running && s.Epoch > 7 })
}

func TestDivergence(t *testing.T) {
	s := startScreen(t, testdesigns.LeastSquaresSGD(), 1, true, 80, 24)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	snap := s.diverge()
	if snap.Err == nil {
		t.Fatal("diverged without saying why")
	}
	s.key("n")
	s.waitSnap("n explains itself", func(s session.Snapshot) bool { return strings.Contains(s.Note, "diverged") })
	s.key(strings.Repeat("-", 9)) // G's learning rate (selected last) back to 0.01
	s.key("k")
	s.key(strings.Repeat("-", 9)) // and D's
	s.waitSnap("both learning rates back at 0.01", func(s session.Snapshot) bool {
		return s.Settings.DLR == 0.01 && s.Settings.GLR == 0.01
	})
	s.key("R") // a diverged run has nothing to pause: the new one runs
	s.waitSnap("a fresh run trains", func(s session.Snapshot) bool {
		return s.Run == 1 && s.State == session.Running && s.Err == nil && s.Epoch > 0
	})
}

// diverge raises both learning rates of a paused run to the top of the
// ladder with the keys a user would press, then steps it until it
// diverges, and returns the snapshot that says so.
func (s *screen) diverge() session.Snapshot {
	s.t.Helper()
	s.key(strings.Repeat("+", 30)) // D's learning rate is selected first
	s.key("j")
	s.key(strings.Repeat("+", 30))
	snap := s.waitSnap("both learning rates at the top", func(s session.Snapshot) bool {
		return s.Settings.DLR == session.MaxLR && s.Settings.GLR == session.MaxLR
	})
	for i := 0; snap.State != session.Diverged; i++ {
		if i == 200 {
			s.t.Fatal("no divergence in 200 epochs at the top learning rate")
		}
		s.key("n")
		next := snap.Epoch + 1
		snap = s.waitSnap("one more epoch", func(s session.Snapshot) bool { return s.Epoch == next })
	}
	return snap
}

// TestDivergedScreen checks what the screen says when a run has diverged.
func TestDivergedScreen(t *testing.T) {
	s := startScreen(t, testdesigns.LeastSquaresSGD(), 1, true, 80, 24)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	snap := s.diverge()
	view := s.finalView()
	for _, want := range []string{"diverged", fmt.Sprintf("not finite at epoch %d", snap.Err.Epoch),
		fmt.Sprintf("u rolls back to epoch %d", snap.Rollback), "learning rate",
		"u roll back", "r reseed", "R rerun"} {
		if !strings.Contains(view, want) {
			t.Errorf("diverged screen lacks %q:\n%s", want, view)
		}
	}
}

// TestQualitySaysItsEpochAfterADivergence: a run whose weights are no longer
// finite keeps its last evaluation, which the Quality panel dates and says why
// none followed, "at epoch 0 · not measured since: diverged at epoch 1", in one
// dimension and two, at 80×24 and 120×40. Undated, "KS 0.998 · W1 3.956 ·"
// under a header at epoch 1 would pass for epoch 1's, the samples' title alone
// giving epoch 0, at 120×40 only, beside a figure's "diverged before its first
// check" and a final line's ks=NaN.
func TestQualitySaysItsEpochAfterADivergence(t *testing.T) {
	for _, name := range []string{"wgan-gp", "grid-wgan-gp"} {
		t.Run(name, func(t *testing.T) {
			cfg, err := presets.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			for _, kv := range [][2]string{{"d_opt", "sgd"}, {"d_lr", "10"}, {"g_opt", "sgd"}, {"g_lr", "10"}} {
				if err := cfg.Set(kv[0], kv[1]); err != nil {
					t.Fatal(err)
				}
			}
			s, err := session.New(session.Options{Config: cfg, Seed: 1, Dir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			s.Start()
			var snap session.Snapshot
			for snap = range s.Snapshots() {
				if snap.State == session.Diverged {
					break
				}
			}
			s.Stop()
			if snap.State != session.Diverged || snap.Err == nil || snap.Err.Epoch != 1 || snap.Eval.Epoch != 0 {
				t.Fatalf("want a NaN at epoch 1 after the evaluation of epoch 0, got %v at epoch %d, evaluated at %d", snap.Err, snap.Epoch, snap.Eval.Epoch)
			}
			eachView(t, s, snap, [][2]int{{80, 24}, {120, 40}}, func(at, view string) {
				view = numtext.Plain(view)
				for _, want := range []string{"at epoch 0 · not measured", "since: diverged at epoch 1", "not finite at epoch 1"} {
					if !strings.Contains(view, want) {
						t.Errorf("%s: the screen lacks %q:\n%s", at, want, view)
					}
				}
			})
			// Replayed, the measures are the frame's, which the header dates.
			snap.Replay, snap.ReplayIndex, snap.Frames = &session.Keyframe{Eval: snap.Eval, Last: snap.Last}, 0, max(1, snap.Frames)
			eachView(t, s, snap, [][2]int{{120, 40}}, func(at, view string) {
				if strings.Contains(numtext.Plain(view), "not measured") {
					t.Errorf("%s: a replayed frame is said not measured:\n%s", at, view)
				}
			})
		})
	}
}

func TestDCurveForPerSampleDesigns(t *testing.T) {
	s := startScreen(t, testdesigns.PerSample(5000), 1, true, 100, 30)
	cols := 100 - len(gap) - sideW - axisGutter
	snap := s.waitSnap("the histogram has a bin per column", func(s session.Snapshot) bool {
		return len(s.Eval.Metrics.Hist.Counts) == cols
	})
	if len(snap.Eval.DCurve) != cols || snap.Eval.NoCurve != "" {
		t.Fatalf("D(x) has %d points (reason %q), want %d", len(snap.Eval.DCurve), snap.Eval.NoCurve, cols)
	}
	for i, d := range snap.Eval.DCurve {
		if !(d >= 0 && d <= 1) {
			t.Fatalf("D(x) at bin %d is %g, outside [0,1]", i, d)
		}
	}
	if view := s.finalView(); !strings.Contains(view, "⠂ D(x)") || !strings.Contains(view, "D ½") || strings.Contains(view, "no D(x) strip") {
		t.Errorf("screen does not explain the D(x) strip:\n%s", view)
	}
}

// TestQuitEndsTheTrainer: q ends the program and the session, and
// neither the trainer nor a snapshot listener outlives them.
func TestQuitEndsTheTrainer(t *testing.T) {
	leakcheck.Check(t)
	s := startScreen(t, blogConfig(t, 1_000_000), 1, false, 100, 30)
	s.waitSnap("training has begun", func(s session.Snapshot) bool { return s.Epoch > 0 })
	s.key("q")
	s.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTimeout))
	select {
	case <-s.s.Done():
	case <-time.After(waitTimeout):
		t.Fatal("the trainer goroutine is still running after q")
	}
}

func TestTooSmallAndBack(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 80, 24)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.tm.Send(tea.WindowSizeMsg{Width: 50, Height: 15})
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("terminal too small: need at least 70×20"))
	}, teatest.WithDuration(waitTimeout))
	s.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	view := s.finalView()
	if strings.Contains(view, "too small") || !strings.Contains(view, "Losses") {
		t.Fatalf("screen did not recover after growing back to 80×24:\n%s", view)
	}
}

func TestHelpToggle(t *testing.T) {
	s := startScreen(t, blogConfig(t, 5000), 1, true, 80, 24)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	s.key("?")
	view := s.finalView()
	for _, want := range []string{"one D/G step", "rerun seed", "slower", "faster", "decrease", "increase",
		// the design, as --list-presets shows it, in place of the charts
		// (at 80×24 without its source, which gives way first)
		"Design blog-original", "row of 100 samples", "5 D + 5 G steps per epoch, 5,000 epochs", "esc closes"} {
		if !strings.Contains(numtext.Plain(view), want) { // the design keeps its labels with their values by non-breaking spaces
			t.Errorf("full help lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "Losses") {
		t.Errorf("charts drawn under the design:\n%s", view)
	}
	if n := strings.Count(view, "\n") + 1; n != 24 {
		t.Errorf("screen with full help has %d lines, want 24", n)
	}
}

// TestKeyBurstIsNeverDropped: a thousand keys typed ahead — n pressed
// 1,000 times in one burst — train exactly 1,000 epochs, however far the
// session is behind the keyboard.
func TestKeyBurstIsNeverDropped(t *testing.T) {
	s := startScreen(t, testdesigns.PerSample(5000), 1, true, 100, 30)
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	for range 1000 {
		s.key("n")
	}
	s.waitSnap("a thousand epochs", func(s session.Snapshot) bool { return s.Epoch >= 1000 })
	s.key("d") // a command after the burst: the epoch count has settled
	snap := s.waitSnap("the D update after the burst", func(s session.Snapshot) bool { return strings.Contains(s.Note, "one D update") })
	if snap.Epoch != 1000 {
		t.Fatalf("1,000 n trained %d epochs", snap.Epoch)
	}
}

// TestEscReturnsAReplayToLive: in a replay the key bar offers esc first, and
// esc returns to the run as it is now from any frame in one key; without it the
// bar would offer no way back but space, which runs the run, and only . pressed
// once for each frame stepped back, or a key that trains or changes the run,
// would end a replay.
func TestEscReturnsAReplayToLive(t *testing.T) {
	s := startScreen(t, testdesigns.PerSample(1000), 1, true, 80, 24) // a keyframe every 10 epochs
	s.waitSnap("the first snapshot", func(session.Snapshot) bool { return true })
	for range 100 {
		s.key("n")
	}
	s.waitSnap("100 epochs", func(s session.Snapshot) bool { return s.Epoch == 100 && s.State == session.Paused })
	for range 3000 { // the key held down, far past the first frame
		s.key(",")
	}
	s.waitSnap("the first frame", func(s session.Snapshot) bool { return s.Replay != nil && s.ReplayIndex == 0 })
	teatest.WaitFor(t, s.tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("esc live · ,. replay · space run · n step"))
	}, teatest.WithDuration(waitTimeout))
	s.tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	snap := s.waitSnap("live again", func(s session.Snapshot) bool { return s.Replay == nil })
	if snap.Note != "back to live at epoch 100" || snap.Epoch != 100 || snap.State != session.Paused {
		t.Errorf("esc in a replay: %q, epoch %d, %v", snap.Note, snap.Epoch, snap.State)
	}
	view := s.finalView()
	if strings.Contains(view, "esc live") || strings.Contains(view, "◀ replay") || !strings.Contains(view, "❚❚ paused") {
		t.Errorf("live again, the screen still shows the replay:\n%s", view)
	}
}

// TestSizedBeforeStartEvaluatesOnce: a model sized before its session
// starts, as Run sizes it to the terminal, has the first snapshot drawn
// at the screen's bins, and the program's first size, the same, asks the
// session for nothing more: a wide design's untrained generator, whose
// evaluation takes seconds, is evaluated once, not again at new bins.
func TestSizedBeforeStartEvaluatesOnce(t *testing.T) {
	s, err := session.New(session.Options{Config: blogConfig(t, 100), Seed: 1, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	m := NewModel(s)
	m.resize(80, 24)
	s.Start()
	if snap := <-s.Snapshots(); len(snap.Eval.Metrics.Hist.Counts) != m.bins {
		t.Errorf("first snapshot at 80×24: %d bins, want the screen's %d", len(snap.Eval.Metrics.Hist.Counts), m.bins)
	}
	sent := m.sent
	if mm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24}); mm.(Model).sent != sent {
		t.Errorf("the program's first size, as the model's, sent %d commands, want none", mm.(Model).sent-sent)
	}
}
