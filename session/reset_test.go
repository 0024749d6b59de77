package session

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
)

// TestResetIsTheArrowsChange: 0 (Reset) on G's learning rate, raised six
// notches after epoch 30 and trained on for 20 epochs, is the change six
// presses of ← make: the same events, the same departure from the command
// line (Again), the same settings, the same checkpoint, bit for bit, and the
// same training after it, and its checkpoint resumes as the run goes on. Its
// note says what it did, after the change it takes back, as ←'s would:
// "G lr 5e-5 → 5e-3 after epoch 30, → 5e-5, the design's, after epoch 50".
func TestResetIsTheArrowsChange(t *testing.T) {
	a := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir()}, 30)
	b := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir()}, 30)
	for _, s := range []*Session{a, b} {
		for range 6 {
			Adjust{GLR, +1}.apply(s)
		}
		for range 20 {
			s.trainEpoch()
		}
	}
	Reset{GLR}.apply(a)
	for range 6 {
		Adjust{GLR, -1}.apply(b)
	}
	if want := "G lr 5e-5 → 5e-3 after epoch 30, → 5e-5, the design's, after epoch 50"; a.note != want || a.refused {
		t.Errorf("0's note %q (refused %v), want %q", a.note, a.refused, want)
	}
	if !reflect.DeepEqual(a.tl.events, b.tl.events) {
		t.Errorf("0's events %v, ←'s %v", a.tl.events, b.tl.events)
	}
	if x, y := a.Again(), b.Again(); x != y {
		t.Errorf("0's again %+v, ←'s %+v", x, y)
	}
	if x, y := a.settings(a.gan.Config()), b.settings(b.gan.Config()); x != y || x.GLR != 5e-5 {
		t.Errorf("0's settings %+v, ←'s %+v, want G lr 5e-5", x, y)
	}
	ca, cb := saved(t, a), saved(t, b)
	fa, err := os.ReadFile(ca)
	if err != nil {
		t.Fatal(err)
	}
	fb, err := os.ReadFile(cb)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fa, fb) {
		t.Errorf("0's checkpoint %s differs from ←'s %s", ca, cb)
	}
	for range 50 {
		a.trainEpoch()
		b.trainEpoch()
	}
	if x, y := csvTail(t, a, 0), csvTail(t, b, 0); x != y {
		t.Errorf("0's history differs from ←'s:\n%s\n←:\n%s", x, y)
	}
	if !bytes.Equal(marshal(t, a.gan), marshal(t, b.gan)) {
		t.Errorf("0's model differs from ←'s")
	}
	resumesAsStraight(t, a, Options{}, 50)
}

// TestResetSaysWhatItDid: 0 on a setting that has the design's value says
// so and changes nothing, naming the settings that do not, which ↑↓ pick;
// pressed before an epoch trains after ← or → on it, it takes their change
// back, as ← back would, no event left; on the pace, it goes back to the
// pace the trainer started at, a replay kept; on a diverged run, its
// change is from the next epoch trained.
func TestResetSaysWhatItDid(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir()}, 30)
	Reset{GLR}.apply(s)
	if want := "G lr is 5e-5 already, the design's"; s.note != want || !s.refused {
		t.Errorf("0 at the design's value: %q (refused %v), want %q", s.note, s.refused, want)
	}
	Adjust{DLR, +1}.apply(s)
	s.trainEpoch()
	Reset{GLR}.apply(s)
	if want := "G lr is 5e-5 already, the design's; not D lr 1e-3 (the design's 5e-4): ↑↓ picks"; s.note != want {
		t.Errorf("0 at the design's value, D lr retuned: %q, want %q", s.note, want)
	}
	events := len(s.tl.events)
	Adjust{GSteps, +1}.apply(s)
	Adjust{GSteps, +1}.apply(s)
	Reset{GSteps}.apply(s)
	if want := "G steps back to 1, the design's: no change after epoch 31"; s.note != want || len(s.tl.events) != events {
		t.Errorf("0 after → → before an epoch: %q, %d events (were %d), want %q", s.note, len(s.tl.events), events, want)
	}
	Adjust{GSteps, +1}.apply(s)
	Reset{DLR}.apply(s)
	if want := "G steps 1 → 2, D lr 1e-3 → 5e-4, the design's, after epoch 31"; s.note != want {
		t.Errorf("0 on D lr with G steps changed too: %q, want %q", s.note, want)
	}

	start := s.speed
	Adjust{Speed, -1}.apply(s)
	Reset{Speed}.apply(s)
	if want := "speed 100,000/s → full, the pace the trainer started at"; s.speed != start || s.note != want {
		t.Errorf("0 on the pace: %v, %q, want %v, %q", s.speed, s.note, start, want)
	}
	Reset{Speed}.apply(s)
	if want := "speed is full already, the pace the trainer started at"; s.note != want || !s.refused {
		t.Errorf("0 on the pace at its start: %q, want %q", s.note, want)
	}
	if leavesReplay(Reset{Speed}) || !leavesReplay(Reset{DLR}) {
		t.Error("0 on the pace leaves a replay, or 0 on a rate keeps it")
	}

	r := newRunaway(t)
	Adjust{DLR, +1}.apply(r)
	for r.state != Diverged && r.gan.Epoch() < 3000 {
		r.trainEpoch()
	}
	if r.state != Diverged {
		t.Fatalf("no divergence by epoch %d", r.gan.Epoch())
	}
	Reset{DLR}.apply(r)
	// newRunaway is vanilla started with D lr 5e-3, as --set d_lr=5e-3
	// starts it: 0 puts back the run's start, not vanilla's own 5e-4.
	if want := "D lr 1e-2 → 5e-3, as this run started (the design's 5e-4), from the next epoch trained"; r.note != want {
		t.Errorf("0 on a diverged run: %q, want %q", r.note, want)
	}
}

// TestRollbackNamesResetsKey: rolled back with G's learning rate still as
// raised since the start, the note names the key that sets it back in one
// press, "0 sets G lr back to 5e-5", where ← would take as many presses as
// → took.
func TestRollbackNamesResetsKey(t *testing.T) {
	s := ranAway(t, 21, 0)
	Rollback{}.apply(s)
	if want := " with G lr still 0.5: 0 sets G lr back to 5e-5, or lower a learning rate (←), then space"; !strings.Contains(read(s.note), ")"+want) {
		t.Errorf("the roll-back's note %q, want it to say %q", s.note, want)
	}
	Reset{GLR}.apply(s)
	if want := "G lr 0.5 → 5e-5, the design's, after epoch 21"; s.note != want {
		t.Errorf("0 after the roll-back: %q, want %q", s.note, want)
	}
}

// TestRollbackAfterZeroSaysTheDesignIsBack: a run that ran away after G lr
// was raised, and whose G lr 0 set back to the design's before u, rolls back
// to a state from before the raise with its design's settings, and the note
// says so and that space goes on, where it told it to lower a learning rate
// as if nothing had been set back.
func TestRollbackAfterZeroSaysTheDesignIsBack(t *testing.T) {
	s := ranAway(t, 20, 0) // kept before the raise: the state u returns to trained with the design's G lr
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	Reset{GLR}.apply(s)
	// The screen's advice before u follows the note: the snapshot
	// carries the G lr the run ran away with beside the design's now.
	select {
	case <-s.snaps:
	default:
	}
	s.publish()
	if snap := <-s.snaps; snap.DivergedWith.GLR < 0.5 || snap.Settings.GLR != cfg.GLR {
		t.Errorf("after 0: the snapshot's G lr diverged with %g, now %g; want at least 0.5, now %g", snap.DivergedWith.GLR, snap.Settings.GLR, cfg.GLR)
	}
	Rollback{}.apply(s)
	if want := "rolled back to epoch 20" + GivesWay + " (diverged at " + numtext.FormatInt(s.rolledFrom) + ")" + GivesWay + " with G lr back at the design's: space goes on, ← lowers a rate further" + GivesWay + " · u again goes back to epoch 0" + GivesWay; s.note != want {
		t.Errorf("u after 0: the roll-back's note %q, want %q", s.note, want)
	}
}

// TestRollbackNamesZeroForWhatItKept: a run whose G lr, raised until it ran
// away, was lowered with ← before u keeps that lower value, above the
// design's, and the roll-back's note names 0, which sets it back to the
// design's in one press, as the footer's "0 reset" offers, last, so that it
// gives way first: "… with G lr still 0.2: space goes on, ← lowers a rate
// further · u again goes back to epoch 0 · 0 sets G lr back to 5e-5, the
// design's", where it named ← alone. With two such settings ↑↓ picks each.
// A setting lowered back to the design's leaves 0 nothing to set back.
func TestRollbackNamesZeroForWhatItKept(t *testing.T) {
	s := ranAway(t, 20, 0)
	Adjust{GLR, -1}.apply(s) // 0.5 → 0.2, still over the design's 5e-5
	Rollback{}.apply(s)
	want := "rolled back to epoch 20" + GivesWay + " (diverged at " + numtext.FormatInt(s.rolledFrom) + ")" + GivesWay + " with G lr still 0.2: space goes on, ← lowers a rate further" + GivesWay + " · u again goes back to epoch 0" + GivesWay + GivesWay + " · 0 sets G lr back to 5e-5, the design's" + GivesWay
	if s.note != want {
		t.Errorf("u after ←: the roll-back's note %q, want %q", s.note, want)
	}

	s = ranAway(t, 20, 0)
	Adjust{GLR, -1}.apply(s)
	Adjust{DSteps, +1}.apply(s)
	Rollback{}.apply(s)
	if want := "· ↑↓ and 0 set each back to the design's, G lr to 5e-5 and D steps to 1" + GivesWay; !strings.HasSuffix(s.note, want) {
		t.Errorf("u after ← on G lr and → on D steps: the roll-back's note %q, want it to end %q", s.note, want)
	}

	s = ranAway(t, 20, 0)
	for s.gan.Config().GLR > 5e-5 {
		Adjust{GLR, -1}.apply(s)
	}
	Rollback{}.apply(s)
	if strings.Contains(s.note, "0 set") {
		t.Errorf("u with G lr lowered back to the design's: the roll-back's note %q names 0", s.note)
	}
}

// ranAway is vanilla with newRunaway's D lr, its G lr raised ups steps,
// trained 20 epochs, then raised to 0.5 (and more applied) and trained
// until it runs away, with the state u returns to kept at keepAt: 20,
// before the raise, where the state trained with the G lr of the start,
// or 21, the first epoch trained after it, where it trained with 0.5.
func ranAway(t *testing.T, keepAt, ups int, more ...Adjust) *Session {
	t.Helper()
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DLR = 5e-3 // newRunaway's, whose G lr of 0.5 runs away
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500})
	for range ups {
		Adjust{GLR, +1}.apply(s)
	}
	for range 20 {
		s.trainEpoch()
	}
	if keepAt == 20 {
		keepNow(s)
	}
	for s.gan.Config().GLR < 0.5 {
		Adjust{GLR, +1}.apply(s)
	}
	for _, a := range more {
		a.apply(s)
	}
	for s.state != Diverged && s.gan.Epoch() < 3000 {
		s.trainEpoch()
		if s.gan.Epoch() == keepAt {
			keepNow(s)
		}
	}
	if s.state != Diverged {
		t.Fatalf("no divergence by epoch %d", s.gan.Epoch())
	}
	return s
}

// rolledBackFromRunaway is ranAway's run of ups and more, kept at epoch
// 20, rolled back with u to epoch 20, its note saying so.
func rolledBackFromRunaway(t *testing.T, ups int, more ...Adjust) *Session {
	t.Helper()
	s := ranAway(t, 20, ups, more...)
	Rollback{}.apply(s)
	if want := "rolled back to epoch 20 (diverged at " + numtext.FormatInt(s.rolledFrom) + ") with G lr still 0.5"; !strings.HasPrefix(read(s.note), want) {
		t.Fatalf("u: %q, want it to begin %q", s.note, want)
	}
	return s
}

// TestRetuneAfterRollbackGivesTheValueKept: u keeps a retune the state it
// goes back to did not train with ("with G lr still 0.5"), and 0 or ← then
// gives its change from that value, as u's note did, not from the one the
// state trained with: "G lr 0.5 → 5e-5, the design's", where it read
// "G lr 2e-4 → 5e-5", two values of G lr in force one note after the other.
func TestRetuneAfterRollbackGivesTheValueKept(t *testing.T) {
	s := rolledBackFromRunaway(t, 2) // the state u returns to trains with 2e-4
	Reset{GLR}.apply(s)
	if want := "G lr 0.5 → 5e-5, the design's, after epoch 20"; s.note != want {
		t.Errorf("0 after u: %q, want %q", s.note, want)
	}
	Adjust{GLR, +1}.apply(s)
	if want := "G lr 0.5 → 1e-4 after epoch 20"; s.note != want {
		t.Errorf("→ then: %q, want %q", s.note, want)
	}
	Adjust{GLR, +1}.apply(s) // back at the state's 2e-4: the keep is gone, from 0.5
	if want := "G lr 0.5 → 2e-4 after epoch 20"; s.note != want {
		t.Errorf("→ to the state's value: %q, want %q", s.note, want)
	}
	Adjust{GLR, +1}.apply(s)
	if want := "G lr 2e-4 → 5e-4 after epoch 20"; s.note != want {
		t.Errorf("→ past it: %q, want %q", s.note, want)
	}
}

// TestRetuneBackToTheValueKept: u keeps a retune ("with G lr still 0.5"),
// ← gives its change from it, "G lr 0.5 → 0.2", and → back to it reads
// back at the value u's note called in force, "G lr back to 0.5: no
// change after epoch 20", where it read "G lr 2e-4 → 0.5 after epoch 20",
// from the value the state trained with, which no note had said was in
// force: "still 0.5", then "0.5 → 0.2", then "2e-4 → 0.5". The keep
// stands: ← again gives its change from 0.5, and the next epoch trains
// with 0.5, the kept change its one event, as after u.
func TestRetuneBackToTheValueKept(t *testing.T) {
	s := rolledBackFromRunaway(t, 2) // the state u returns to trains with 2e-4
	events := len(s.tl.events)
	Adjust{GLR, -1}.apply(s)
	down := s.settings(s.gan.Config()).Text(GLR)
	if want := "G lr 0.5 → " + down + " after epoch 20"; s.note != want {
		t.Fatalf("← after u: %q, want %q", s.note, want)
	}
	Adjust{GLR, +1}.apply(s)
	if want := "G lr back to 0.5: no change after epoch 20"; s.note != want || s.refused {
		t.Errorf("→ back to the value kept: %q (refused %v), want %q", s.note, s.refused, want)
	}
	Adjust{GLR, -1}.apply(s)
	if want := "G lr 0.5 → " + down + " after epoch 20"; s.note != want {
		t.Errorf("← again: %q, want %q", s.note, want)
	}
	Adjust{GLR, +1}.apply(s)
	if len(s.tl.events) != events {
		t.Errorf("back at the value kept: %d events, want %d, as after u", len(s.tl.events), events)
	}
	Adjust{DLR, +1}.apply(s)
	Adjust{GLR, -1}.apply(s)
	Adjust{GLR, +1}.apply(s)
	if want := "G lr back to 0.5; D lr 5e-3 → 1e-2 after epoch 20"; s.note != want {
		t.Errorf("→ back to the value kept, D lr changed too: %q, want %q", s.note, want)
	}
	s.trainEpoch()
	if got := s.gan.Config().GLR; got != 0.5 {
		t.Errorf("the epoch after: G lr %g, want 0.5", got)
	}
}

// TestRetuneBackToTheEpochsValueAfterRollback: u keeps a retune the state
// it goes back to did not train with, that state having trained with the
// design's value ("with G lr still 0.5"), and 0 then gives its change from
// the value kept, which u's note called in force, though it leaves no
// event, the next epoch training as the state's did: "G lr 0.5 → 5e-5, the
// design's, after epoch 20", where it read "G lr back to 5e-5, the
// design's: no change after epoch 20", the note after "still 0.5" saying
// nothing changed. ← to the state's value likewise.
func TestRetuneBackToTheEpochsValueAfterRollback(t *testing.T) {
	s := rolledBackFromRunaway(t, 0) // the state u returns to trains with the design's 5e-5
	events := len(s.tl.events)
	Reset{GLR}.apply(s)
	if want := "G lr 0.5 → 5e-5, the design's, after epoch 20"; s.note != want || s.refused {
		t.Errorf("0 after u: %q (refused %v), want %q", s.note, s.refused, want)
	}
	if len(s.tl.events) != events-1 {
		t.Errorf("0 after u: %d events, want %d, the kept change gone", len(s.tl.events), events-1)
	}
	Adjust{GLR, +1}.apply(s)
	if want := "G lr 5e-5 → 1e-4 after epoch 20"; s.note != want {
		t.Errorf("→ then: %q, want %q", s.note, want)
	}
	Adjust{GLR, -1}.apply(s)
	if want := "G lr back to 5e-5: no change after epoch 20"; s.note != want {
		t.Errorf("← back: %q, want %q", s.note, want)
	}

	r := rolledBackFromRunaway(t, 0)
	for r.gan.Config().GLR > 1e-4 {
		Adjust{GLR, -1}.apply(r)
	}
	Adjust{GLR, -1}.apply(r)
	if want := "G lr 0.5 → 5e-5 after epoch 20"; r.note != want {
		t.Errorf("← down to the state's value after u: %q, want %q", r.note, want)
	}

	// Two settings kept: 0 on one gives its change alone, the other
	// still as u's note named it, where it read "G lr 0.5 → 5e-5, the
	// design's, D steps 1 → 2 after epoch 20", as if 0 had changed D
	// steps too.
	b := rolledBackFromRunaway(t, 0, Adjust{DSteps, +1})
	if want := ") with G lr still 0.5 and D steps still 2: "; !strings.Contains(read(b.note), want) {
		t.Fatalf("u, two settings kept: %q, want it to say %q", b.note, want)
	}
	Adjust{DLR, +1}.apply(b)
	if want := "D lr 5e-3 → 1e-2 after epoch 20"; b.note != want {
		t.Errorf("→ on D lr after u kept G lr and D steps: %q, want %q", b.note, want)
	}
	Adjust{DLR, -1}.apply(b)
	Reset{GLR}.apply(b)
	if want := "G lr 0.5 → 5e-5, the design's, after epoch 20"; b.note != want {
		t.Errorf("0 on G lr after u kept G lr and D steps: %q, want %q", b.note, want)
	}
	Reset{DSteps}.apply(b)
	if want := "D steps 2 → 1, the design's, after epoch 20"; b.note != want {
		t.Errorf("0 on D steps then: %q, want %q", b.note, want)
	}
}

// TestResetAfterReseedNamesTheRunsStart: r keeps a retune, the new run
// starting with it ("with G lr 5e-5 → 1e-4 from the start"), and 0 there
// puts back that start, which its note calls the run's, the design's value
// beside it, where it called the retuned value "the design's".
func TestResetAfterReseedNamesTheRunsStart(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500})
	s.trainEpoch()
	Adjust{GLR, +1}.apply(s)
	Reseed{}.apply(s)
	if !strings.Contains(s.note, "with G lr 5e-5 → 1e-4 from the start") {
		t.Fatalf("r's note %q names no retune kept", s.note)
	}
	Reset{GLR}.apply(s)
	if want := "G lr is 1e-4 already, as this run started (the design's 5e-5)"; s.note != want {
		t.Errorf("0 after r: %q, want %q", s.note, want)
	}
	s.trainEpoch()
	Adjust{GLR, +1}.apply(s)
	Reset{DLR}.apply(s)
	if want := "D lr is 5e-4 already, the design's; not G lr 2e-4 (this run's start 1e-4): ↑↓ picks"; s.note != want {
		t.Errorf("0 on D lr after r: %q, want %q", s.note, want)
	}
	Reset{GLR}.apply(s)
	if want := "G lr back to 1e-4, as this run started (the design's 5e-5): no change after epoch 1"; s.note != want {
		t.Errorf("0 on G lr after r: %q, want %q", s.note, want)
	}
}

// TestResetAfterSetNamesTheRunsStart: a run started with --set g_lr=1e-4
// is set back to 1e-4 by 0, which its note calls the run's start, the
// design's own 5e-5 beside it, as the README names vanilla's rate: "the
// design's" had named 1e-4. So too the snapshot, whose words the screen
// uses, where the others are the design's.
func TestResetAfterSetNamesTheRunsStart(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.GLR = 1e-4 // --set g_lr=1e-4
	s := newIdle(t, Options{Preset: "vanilla", Config: cfg, Seed: 1, Samples: 500})
	s.trainEpoch()
	Adjust{GLR, +1}.apply(s)
	Reset{GLR}.apply(s)
	if want := "G lr back to 1e-4, as this run started (the design's 5e-5): no change after epoch 1"; s.note != want {
		t.Errorf("0 after --set g_lr=1e-4: %q, want %q", s.note, want)
	}
	s.publish()
	snap := <-s.snaps
	if got := snap.StartWord(GLR); got != "this run's start" {
		t.Errorf("the snapshot calls G lr's start %q, want this run's start", got)
	}
	if got := snap.StartWord(DLR); got != "the design's" {
		t.Errorf("the snapshot calls D lr's start %q, want the design's", got)
	}
}
