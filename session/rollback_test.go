package session

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// settingEvents are the run's setting events, as epoch and detail.
func settingEvents(s *Session) []Event {
	var out []Event
	for _, e := range s.tl.events {
		if e.Kind == EventSetting {
			out = append(out, e)
		}
	}
	return out
}

// TestRollbackRecordsTheSettingsItKeeps: a roll-back undoes the events after
// the epoch it returns to, but the settings raised after it stay in force, so
// each is a setting event at that epoch, from the state's value to the one
// kept, the run's departure from its command line with it; taken back, the
// events and the departure go; and the record a save writes holds them, so that
// a resumed run says the same. The events keep the changes, so that D lr 1e-3 →
// 10 in the settings panel is not beside events ending at D lr 1e-3, and the
// departure does not say "went on from a roll-back with changed settings".
func TestRollbackRecordsTheSettingsItKeeps(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
	for range 20 {
		s.trainEpoch()
	}
	keepNow(s)
	kept := s.settings(s.gan.Config())
	s.trainEpoch()
	poison(t, s) // D lr and G lr raised at epoch 21, the run diverged
	now := s.settings(s.gan.Config())
	Rollback{}.apply(s)
	if s.gan.Epoch() != 20 || s.state != Paused {
		t.Fatalf("rolled back to epoch %d, %s", s.gan.Epoch(), s.state)
	}
	want := []string{
		"D lr " + kept.Text(DLR) + " → " + now.Text(DLR) + ", kept through the roll-back",
		"G lr " + kept.Text(GLR) + " → " + now.Text(GLR) + ", kept through the roll-back",
	}
	var got []string
	for _, e := range settingEvents(s) {
		if e.Epoch != 20 {
			t.Errorf("a setting event at epoch %d after the roll-back to 20: %q", e.Epoch, e.Detail)
		}
		got = append(got, e.Detail)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("setting events after the roll-back %q, want %q", got, want)
	}
	// The note names them too, each by the value in force: "lower a learning
	// rate (←), then space" alone would read as if u had undone a rate lowered
	// before it.
	if keeping := fmt.Sprintf(" with D lr still %s and G lr still %s: ", now.Text(DLR), now.Text(GLR)); !strings.Contains(s.note, keeping) {
		t.Errorf("the note %q does not say %q", s.note, keeping)
	}
	if i := slices.IndexFunc(s.tl.events, func(e Event) bool { return e.Kind == EventRollback }); i < 0 || s.tl.events[i].Epoch != 20 || i != len(s.tl.events)-3 {
		t.Fatalf("events %+v: want the roll-back at 20 before the settings it kept", s.tl.events)
	}
	if a := s.Again(); !strings.HasSuffix(a.Caveat, "this run changed D lr and G lr, after epoch 20") {
		t.Errorf("after the roll-back, again's caveat %q", a.Caveat)
	}
	if s.offWhat != "changed D lr and changed G lr" {
		t.Errorf("departure %q", s.offWhat)
	}

	// Saved and resumed, the run says the same.
	r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir})
	if err := r.Unrecorded(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.tl.events, s.tl.events) || r.Again().Caveat != s.Again().Caveat {
		t.Errorf("resumed: events %+v, caveat %q; saved %+v, %q", r.tl.events, r.Again().Caveat, s.tl.events, s.Again().Caveat)
	}

	// D lr lowered to the state's value: its event goes, G lr's is the
	// departure; G lr too: neither is left, and the command repeats the run.
	for s.gan.Config().DLR > kept.DLR {
		Adjust{DLR, -1}.apply(s)
	}
	if got := settingEvents(s); len(got) != 1 || !strings.HasPrefix(got[0].Detail, "G lr ") || s.offWhat != "changed G lr" || s.offPlan != 20 {
		t.Fatalf("D lr back to %s: setting events %+v, departure %q at %d", kept.Text(DLR), got, s.offWhat, s.offPlan)
	}
	for s.gan.Config().GLR > kept.GLR {
		Adjust{GLR, -1}.apply(s)
	}
	if got := settingEvents(s); len(got) != 0 || s.offPlan != -1 {
		t.Fatalf("both back: setting events %+v, departure %q at %d", got, s.offWhat, s.offPlan)
	}
	if a := s.Again(); a.Caveat != "" {
		t.Errorf("both back: caveat %q", a.Caveat)
	}
}

// TestRollbackKeepsAStartingChange: settings changed at epoch 0, which the
// command line repeats with --set, are no departure after a roll-back that
// keeps them, once a change after the epoch rolled back to is taken back; the
// roll-back does not call it one ("went on from a roll-back with changed
// settings") for the settings differing from the run's first.
func TestRollbackKeepsAStartingChange(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1})
	for range 2 {
		Adjust{DLR, +1}.apply(s)
		Adjust{GLR, +1}.apply(s)
	}
	atStart := settingEvents(s)
	s.trainEpoch()
	keepNow(s)
	was := s.settings(s.gan.Config())
	s.trainEpoch()
	poison(t, s) // raised at epoch 2: a departure, taken back below
	if s.offPlan != 2 {
		t.Fatalf("departure at %d, want 2", s.offPlan)
	}
	if s.lastBefore(s.watch.onset(s.gan.Epoch())) != len(s.kept)-1 || s.kept[len(s.kept)-1].epoch != 1 {
		t.Fatalf("diverged at %d: u would not return to epoch 1", s.gan.Epoch())
	}
	for s.gan.Config().DLR > was.DLR || s.gan.Config().GLR > was.GLR {
		Adjust{DLR, -1}.apply(s)
		Adjust{GLR, -1}.apply(s)
	}
	if s.settings(s.gan.Config()) != was {
		t.Fatalf("settings %+v, want those of epoch 1, %+v", s.settings(s.gan.Config()), was)
	}
	Rollback{}.apply(s)
	if s.gan.Epoch() != 1 {
		t.Fatalf("rolled back to %d", s.gan.Epoch())
	}
	if got := settingEvents(s); !slices.Equal(got, atStart) {
		t.Errorf("setting events %+v, want those of epoch 0 alone, %+v", got, atStart)
	}
	if a := s.Again(); a.Caveat != "" || s.offPlan != -1 {
		t.Errorf("caveat %q, departure %q at %d", a.Caveat, s.offWhat, s.offPlan)
	}
}

// TestRollbackGoesOnWithItsFindings: a finding that held at the state rolled
// back to goes on after the roll-back rather than starting anew: vanilla's
// equilibrium, reached at epoch 4,000, is no event again at the first check
// after a roll-back to 4,500, with no end between.
func TestRollbackGoesOnWithItsFindings(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500})
	for range 4500 {
		s.trainEpoch()
	}
	if !s.tl.episodes.active[DIndifferent] {
		t.Fatal("vanilla seed 1 is not at its equilibrium at epoch 4,500: the test needs it")
	}
	keepNow(s)
	poisonWithin(t, s, 3000)
	for s.gan.Config().DLR > cfg.DLR || s.gan.Config().GLR > cfg.GLR {
		Adjust{DLR, -1}.apply(s)
		Adjust{GLR, -1}.apply(s)
	}
	Rollback{}.apply(s)
	if s.gan.Epoch() != 4500 {
		t.Fatalf("rolled back to %d, want 4,500", s.gan.Epoch())
	}
	for range 10 * s.every {
		s.trainEpoch()
	}
	// No finding starts while it holds.
	on := map[EventKind]bool{}
	ends := map[EventKind]EventKind{}
	for _, f := range findingEvents {
		ends[f.end] = f.start
	}
	for _, e := range s.tl.events {
		if start, ok := ends[e.Kind]; ok {
			on[start] = false
		} else if _, ok := findingEventOf(e.Kind); ok {
			if on[e.Kind] {
				t.Errorf("%s at epoch %d while it held: %+v", e.Kind, e.Epoch, s.tl.events)
			}
			on[e.Kind] = true
		}
	}
}

// findingEventOf reports whether k starts a finding's episode.
func findingEventOf(k EventKind) (FindingKind, bool) {
	for f, ev := range findingEvents {
		if ev.start == k {
			return f, true
		}
	}
	return 0, false
}

// TestExportEventsAreTheRuns: the export's events column holds the run's
// events: not a setting's change taken back (its event gone), nor, after a
// roll-back, the changes made at the epoch rolled back to after its state was
// kept. Neither stays as "setting" in the row of its epoch.
func TestExportEventsAreTheRuns(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
	eventsAt := func(epoch int) string {
		t.Helper()
		Export{}.apply(s)
		if s.failed {
			t.Fatal(s.note)
		}
		csv, err := os.ReadFile(filepath.Join(s.opts.Dir, fmt.Sprintf("ganui-ls-sgd-seed1-epoch%d.csv", s.gan.Epoch())))
		if err != nil {
			t.Fatal(err)
		}
		_, rows := csvRows(t, string(csv))
		for _, f := range rows {
			if f[0] == fmt.Sprint(epoch) {
				return f[len(f)-3] // the kinds; event_details and eval_samples after them
			}
		}
		t.Fatalf("no row of epoch %d", epoch)
		return ""
	}
	for range 3 {
		s.trainEpoch()
	}
	Adjust{DLR, +1}.apply(s)
	Adjust{DLR, -1}.apply(s)
	if got := eventsAt(3); got != "" {
		t.Errorf("a change taken back: events %q at its epoch", got)
	}
	keepNow(s)
	Adjust{GLR, +1}.apply(s) // after the state kept at 3
	s.trainEpoch()
	poison(t, s)
	for s.gan.Config().DLR > testdesigns.LeastSquaresSGD().DLR || s.gan.Config().GLR > testdesigns.LeastSquaresSGD().GLR {
		Adjust{DLR, -1}.apply(s)
		Adjust{GLR, -1}.apply(s)
	}
	Rollback{}.apply(s)
	if s.gan.Epoch() != 3 {
		t.Fatalf("rolled back to %d", s.gan.Epoch())
	}
	if got := eventsAt(3); got != "rollback" {
		t.Errorf("rolled back to 3 with the settings it had: events %q at 3, want rollback", got)
	}
}

// TestRollbackUndoesAStepsDivergence: a single D or G update (d, g) at
// the very epoch of the state kept, which diverges, is undone by u with
// its event: the run's events, and the row of that epoch in the export,
// are the state's, the roll-back and the settings it keeps.
func TestRollbackUndoesAStepsDivergence(t *testing.T) {
	for key, kind := range map[string]StepKind{"d": StepD, "g": StepG} {
		s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
		for range 20 {
			s.trainEpoch()
		}
		keepNow(s)
		kept := slices.Clone(s.tl.events)
		for range 30 {
			Adjust{DLR, +1}.apply(s)
			Adjust{GLR, +1}.apply(s)
		}
		for i := 0; s.state != Diverged; i++ {
			if i == 1000 {
				t.Fatalf("%s: no divergence in 1,000 single updates at learning rate 10", key)
			}
			Step{Kind: kind}.apply(s)
		}
		if s.gan.Epoch() != 20 || !slices.ContainsFunc(s.tl.events, func(e Event) bool { return e.Kind == EventDiverged }) {
			t.Fatalf("%s: diverged at epoch %d with events %+v", key, s.gan.Epoch(), s.tl.events)
		}
		Rollback{}.apply(s)
		var kinds []string
		for _, e := range s.tl.events[len(kept):] {
			kinds = append(kinds, e.Kind.String())
		}
		if !slices.Equal(s.tl.events[:len(kept)], kept) || !slices.Equal(kinds, []string{"rollback", "setting", "setting"}) {
			t.Errorf("%s: events after u %+v, want the state's %+v, the roll-back and two settings kept", key, s.tl.events, kept)
		}
		Export{}.apply(s)
		csv, err := os.ReadFile(filepath.Join(s.opts.Dir, fmt.Sprintf("ganui-ls-sgd-seed1-epoch%d.csv", s.gan.Epoch())))
		if err != nil {
			t.Fatal(err)
		}
		_, rows := csvRows(t, string(csv))
		if last := rows[len(rows)-1]; last[len(last)-3] != "rollback;setting;setting" || !strings.HasPrefix(last[len(last)-2], "rolled back to epoch ") || !strings.Contains(last[len(last)-2], " (diverged at 20) | D lr ") {
			t.Errorf("%s: the export's last row %q", key, last)
		}
	}
}

// TestRollbackOfAnUnreachedRunSaysSo: rolled back, a run that never came near
// its target (points at 999000; Divergence.Unreached) is not told to lower a
// learning rate and go on, as a run that ran off is: it runs away again at any
// rate, and the note says what to change instead. So does u again, further back
// from the same divergence, the first u having cleared the divergence it reads:
// it does not say "lower a learning rate (←), then space".
func TestRollbackOfAnUnreachedRunSaysSo(t *testing.T) {
	dir := t.TempDir()
	pts := filepath.Join(dir, "far.csv")
	if err := os.WriteFile(pts, []byte("999000,999000\n999001,999000\n999000,999002\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Target = "points(" + pts + ")"
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 100, Dir: dir})
	for s.state != Diverged && s.gan.Epoch() < 1000 {
		s.trainEpoch()
		if e := s.gan.Epoch(); e == 5 || e == 10 {
			keepNow(s)
		}
	}
	if s.err == nil || !s.err.Unreached {
		t.Fatalf("epoch %d: %+v; want a runaway that never came near the target", s.gan.Epoch(), s.err)
	}
	for _, to := range []string{"rolled back to epoch 10", "rolled back to epoch 5"} {
		Rollback{}.apply(s)
		if !strings.Contains(s.note, to) || !strings.Contains(s.note, unreachedNote) || strings.Contains(s.note, "learning rate") {
			t.Errorf("the roll-back's note: %q, want %q and %q", s.note, to, unreachedNote)
		}
	}
}

// TestRollbackNamesTheRetuneToUndo: rolled back to a state from after the
// settings were changed, so that u keeps none (the run would diverge again as
// it did), the note names the changes since the start as the thing to set back,
// each by its value in force and its value at the start, with lowering a
// learning rate as the general remedy, also when u again goes back to before
// them and keeps them; a run never retuned is told that alone. vanilla with its
// D lr raised to 2e-2 and D steps to 10 after epoch 3,000 is told more than
// "lower a learning rate (←), then space". The note is short enough for 80×24's
// two status rows, the values 0 sets back giving way there (GivesWay): it does
// not name the epoch of the last change ("undo what changed since the start, …
// (the last change after epoch 654), …"), which would lose "then space" there. Kept through u again, the changes are named
// once, not twice by two other values ("keeping G lr 0.5 (5e-5 there), D steps
// 2 (1 there): undo G lr 5e-5 → 0.5 and D steps 1 → 2", where "undo" would read
// as what u does).
func TestRollbackNamesTheRetuneToUndo(t *testing.T) {
	s := ranAway(t, 21, 0, Adjust{DSteps, +1})
	Rollback{}.apply(s)
	want := " with G lr still 0.5 and D steps still 2: ↑↓ and 0 set each back" + GivesWay + ", G lr to 5e-5 and D steps to 1" + GivesWay + ", or lower a learning rate (←), then space"
	// Where they do not fit, where it diverged and where u again goes give
	// way too, whole (GivesWay), the latter first, where the end cut had
	// left "· u again goes back to …" at 80×24 beside a finding.
	if !strings.HasPrefix(s.note, "rolled back to epoch 21"+GivesWay+" (diverged at ") || !strings.HasSuffix(s.note, ")"+GivesWay+want+GivesWay+" · u again goes back to epoch 0"+GivesWay) {
		t.Errorf("the roll-back's note %q, want it to say %q, then %q", s.note, want, GivesWay+" · u again goes back to epoch 0"+GivesWay)
	}
	// u again, back to before the changes, keeps them: they are still to undo,
	// not "space goes on", to diverge again.
	Rollback{}.apply(s)
	if !strings.HasPrefix(read(s.note), "rolled back to epoch 0 ") || !strings.Contains(s.note, ")"+GivesWay+want) || strings.Contains(s.note, "there") || strings.Contains(s.note, "undo") {
		t.Errorf("u again's note %q, want it to say %q", s.note, want)
	}

	// Never retuned, the run is told to lower a rate.
	r := newRunaway(t)
	for r.state != Diverged && r.gan.Epoch() < 2000 {
		r.trainEpoch()
		if r.gan.Epoch() == 50 {
			keepNow(r)
		}
	}
	Rollback{}.apply(r)
	if !strings.Contains(read(r.note), "): lower a learning rate (←), then space") {
		t.Errorf("the roll-back's note of a run never retuned %q", r.note)
	}
}

// TestStartKeepsTheStartInItsGoroutine: Start returns before the first
// state is kept for a roll-back, a copy of the whole model that takes most
// of a second on a wide design, so that the trainer's screen comes up
// meanwhile: here the clock keep reads is held, and Start returns all the
// same; let go, the start is kept, the first one u would go back to.
func TestStartKeepsTheStartInItsGoroutine(t *testing.T) {
	held := make(chan struct{})
	var holding atomic.Bool
	now := func() time.Time {
		if holding.Load() {
			<-held
		}
		return time.Now()
	}
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 100, Clock: NewClock(now)})
	if err != nil {
		t.Fatal(err)
	}
	holding.Store(true)
	started := make(chan struct{})
	go func() {
		s.Start()
		close(started)
	}()
	select {
	case <-started:
	case <-time.After(time.Minute):
		t.Fatal("Start waits for the first state to be kept")
	}
	holding.Store(false)
	close(held)
	s.Stop()
	if len(s.kept) != 1 || s.kept[0].epoch != 0 {
		t.Errorf("kept %d states; want the start's alone", len(s.kept))
	}
}
