package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// blogConfig is the default preset with its planned epochs set.
func blogConfig(t testing.TB, epochs int) engine.Config {
	t.Helper()
	cfg, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs = epochs
	return cfg
}

// newIdle returns a session as Start leaves it, whose goroutine is never
// started: the test itself plays that goroutine, applying commands and
// training epochs directly.
func newIdle(t testing.TB, opts Options) *Session {
	t.Helper()
	opts.Paused = true
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	s.keeping = true
	keepNow(s)
	t.Cleanup(s.Stop)
	return s
}

// keepNow keeps the run as a good state now, and no other until a test
// says so, whatever the clock (keep spaces the states by time).
func keepNow(s *Session) {
	s.keep()
	s.keepGap = time.Hour
}

func newIdleBlog(t testing.TB) *Session {
	return newIdle(t, Options{Config: blogConfig(t, 5000), Seed: 3, Samples: 1000, Dir: t.TempDir()})
}

// idleAt returns an idle session (newIdle) of preset with opts, trained
// to epoch.
func idleAt(t *testing.T, preset string, opts Options, epoch int) *Session {
	t.Helper()
	cfg, err := presets.Get(preset)
	if err != nil {
		t.Fatal(err)
	}
	opts.Config = cfg
	s := newIdle(t, opts)
	for s.gan.Epoch() < epoch {
		s.trainEpoch()
	}
	return s
}

// runToEnd builds a session of opts and runs it headless to the end of
// its plan, as ganui --headless does, failing the test on any error.
func runToEnd(t testing.TB, opts Options) Result {
	t.Helper()
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// newRunaway returns an idle session of vanilla at learning rates of
// 5e-3 for D and 0.5 for G, which runs away at epoch 813 (the mean of its
// samples grows past any bound from epoch 613). At 5 for D its D is
// certain and wrong on nearly every real sample from epoch 2, a runaway
// at epoch 201, before its mean had gone.
func newRunaway(t *testing.T) *Session {
	t.Helper()
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DLR, cfg.GLR = 5e-3, 0.5
	return newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500})
}

// straightRun trains cfg from seed for epochs epochs with the engine alone
// and returns the run and its history as CSV, the reference that the
// session's runs and files must match.
func straightRun(t testing.TB, cfg engine.Config, seed uint64, epochs int) (*engine.GAN, string) {
	t.Helper()
	g, err := engine.New(cfg, seed)
	if err != nil {
		t.Fatal(err)
	}
	csv := []byte(CSVColumns(0) + "\n")
	for range epochs {
		s, err := g.TrainEpoch()
		if err != nil {
			t.Fatal(err)
		}
		csv = appendCSV(csv, s, nil, csvLayout{})
	}
	return g, string(csv)
}

func marshal(t testing.TB, g *engine.GAN) []byte {
	t.Helper()
	b, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// poison makes the next epoch of s diverge: a learning rate far too high
// for its SGD-trained least-squares GAN.
func poison(t *testing.T, s *Session) {
	t.Helper()
	poisonWithin(t, s, 200)
}

// poisonWithin raises both learning rates to their top, 10, and trains
// until s diverges, failing t after n epochs that do not.
func poisonWithin(t *testing.T, s *Session, n int) {
	t.Helper()
	for range 30 {
		Adjust{DLR, +1}.apply(s)
		Adjust{GLR, +1}.apply(s)
	}
	for i := 0; s.state != Diverged; i++ {
		if i == n {
			t.Fatalf("no divergence in %s epochs at learning rate 10", numtext.FormatInt(n))
		}
		s.trainEpoch()
	}
}

// saved saves s's checkpoint as w does and returns its path, from the
// note that names it.
func saved(t *testing.T, s *Session) string {
	t.Helper()
	Save{}.apply(s)
	if s.failed {
		t.Fatal(s.note)
	}
	return strings.Fields(strings.SplitAfter(numtext.Plain(s.note), "--resume ")[1])[0] // the flag tied to it on the screen
}

func TestPublishReplacesStaleSnapshot(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	s.publish()
	s.trainEpoch()
	s.publish() // the UI has not taken the first: it is dropped
	if snap := <-s.snaps; snap.Epoch != 2 {
		t.Fatalf("UI got the snapshot of epoch %d, want the fresh one of epoch 2", snap.Epoch)
	}
	select {
	case snap := <-s.snaps:
		t.Fatalf("a second snapshot (epoch %d) was queued", snap.Epoch)
	default:
	}
}

func TestSnapshotsShareNothing(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	s.publish()
	s1 := <-s.snaps
	hist := append([]Point(nil), s1.History...)
	counts := append([]int(nil), s1.Eval.Metrics.Hist.Counts...)
	for range 5 {
		s.trainEpoch()
	}
	HistBins{N: 30}.apply(s)
	s.publish()
	s2 := <-s.snaps
	if !reflect.DeepEqual(s1.History, hist) || !reflect.DeepEqual(s1.Eval.Metrics.Hist.Counts, counts) {
		t.Fatal("an earlier snapshot changed after the session moved on")
	}
	if &s1.History[0] == &s2.History[0] {
		t.Fatal("two snapshots share a history array")
	}
	if len(s2.Eval.Metrics.Hist.Counts) != 30 || s2.Eval.Epoch != 6 {
		t.Fatalf("second snapshot: %d bins at epoch %d, want 30 at 6", len(s2.Eval.Metrics.Hist.Counts), s2.Eval.Epoch)
	}
}

// TestSendNeverDropsACommand: a burst far larger than any key repeat is
// queued without blocking, and every command in it is applied, in order.
func TestSendNeverDropsACommand(t *testing.T) {
	const burst = 5000
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	for range burst {
		s.Send(Step{Kind: StepEpoch})
	}
	s.Start()
	deadline := time.After(time.Minute)
	for {
		select {
		case snap := <-s.Snapshots():
			if snap.Epoch > burst {
				t.Fatalf("%d steps trained %d epochs", burst, snap.Epoch)
			}
			if snap.Epoch == burst {
				return
			}
		case <-deadline:
			t.Fatal("the burst of steps was not applied")
		}
	}
}

func TestStopWithoutStart(t *testing.T) {
	s := newIdleBlog(t)
	s.Stop()
	s.Stop()
	<-s.Done()
}

// TestReseedTakesTheNextSeed: r moves to the run's seed plus one, the
// seeds a --seeds batch walks, the same in every session, and the status
// line names it, the seed it left and the command that trains the new run
// again, where r had drawn 750806 from seed 1 in every session without
// saying how it was drawn, nor how to train that run again.
func TestReseedTakesTheNextSeed(t *testing.T) {
	s := newIdleBlog(t) // seed 3
	var got []uint64
	for range 3 {
		Reseed{}.apply(s)
		got = append(got, s.gan.Seed())
	}
	if want := []uint64{4, 5, 6}; !reflect.DeepEqual(got, want) {
		t.Fatalf("r three times from seed 3: seeds %v, want %v", got, want)
	}
	again := s.Again().Command
	if !strings.Contains(again, "--seed 6") {
		t.Fatalf("the again command after r does not train seed 6: %q", again)
	}
	if want := "reseeded to seed 6, the next after 5: fresh weights, history cleared · again: " + again; s.note != want {
		t.Errorf("r: %q, want %q", s.note, want)
	}
}

// TestNewRunSaysWhatItStartsWith: r and R, which keep the settings as they are,
// say which of them the new run starts with that the run it replaces did not,
// so that the rerun says it trains from its first epoch with a rate the
// replaced run took up mid-run, which "rerun from seed 3" alone does not say.
// R says what a rerun is, "the same starting weights, history cleared", as r
// says "fresh weights, history cleared", where "rerun from seed 3" left it to
// be guessed.
func TestNewRunSaysWhatItStartsWith(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	was := s.settings(s.gan.Config())
	Adjust{DLR, +1}.apply(s)
	Adjust{GSteps, -1}.apply(s)
	now := s.settings(s.gan.Config())
	Restart{}.apply(s)
	want := fmt.Sprintf("rerun from seed 3: the same starting weights, history cleared, with D lr %s → %s, G steps %s → %s from the start", was.Text(DLR), now.Text(DLR), was.Text(GSteps), now.Text(GSteps))
	if s.note != want {
		t.Errorf("R after a retune: %q, want %q", s.note, want)
	}
	Restart{}.apply(s)
	if s.note != "rerun from seed 3: the same starting weights, history cleared" {
		t.Errorf("R again, nothing retuned: %q", s.note)
	}
	Adjust{GSteps, +1}.apply(s)
	Reseed{}.apply(s)
	if want := fmt.Sprintf("reseeded to seed 4, the next after 3: fresh weights, history cleared, with G steps %s → %s from the start · again: %s", now.Text(GSteps), was.Text(GSteps), s.Again().Command); s.note != want {
		t.Errorf("r after a retune at epoch 0: %q, want %q", s.note, want)
	}
}

func TestAdjustClampsAndReports(t *testing.T) {
	s := newIdleBlog(t)
	for range 20 {
		Adjust{DLR, +1}.apply(s)
	}
	if got := s.gan.Config().DLR; got != MaxLR {
		t.Fatalf("D lr after 20 steps up: %g, want %g", got, float64(MaxLR))
	}
	if s.note != "D lr 1e-3 → 10 before the first epoch, the end of its range" {
		t.Errorf("note at the top of the ladder: %q", s.note)
	}
	for range 200 {
		Adjust{GSteps, +1}.apply(s)
	}
	if s.gan.Config().GSteps != 100 {
		t.Errorf("G steps went to %d, want at most 100", s.gan.Config().GSteps)
	}
}

// TestAdjustBelowTheFloorSaysSo: ← on a rate --set put below the ladder's floor
// leaves it and says why, the floor it is under, not "G lr stays at 1e-8, the
// end of its range", a range that goes on down to 0 and that ← stops short of
// at 1e-6.
func TestAdjustBelowTheFloorSaysSo(t *testing.T) {
	cfg := blogConfig(t, 5000)
	cfg.GLR = 1e-8
	s := newIdle(t, Options{Config: cfg, Seed: 3, Samples: 1000, Dir: t.TempDir()})
	Adjust{GLR, -1}.apply(s)
	if want := "G lr stays at 1e-8, already under 1e-6, the lowest ← sets"; s.note != want || s.gan.Config().GLR != 1e-8 {
		t.Errorf("← at G lr 1e-8: %q, G lr %g; want %q", s.note, s.gan.Config().GLR, want)
	}
	Adjust{GLR, +1}.apply(s)
	Adjust{GLR, -1}.apply(s) // 2e-8 stays: ← does not go under the floor
	if want := "G lr 1e-8 → 2e-8 before the first epoch, already under 1e-6, the lowest ← sets"; s.note != want {
		t.Errorf("→ then ← at G lr 1e-8: %q, want %q", s.note, want)
	}
	for range 30 { // D lr from 1e-3 down the ladder to its floor
		Adjust{DLR, -1}.apply(s)
	}
	if want := "D lr 1e-3 → 1e-6 before the first epoch, the end of its range"; s.note != want {
		t.Errorf("← to the floor: %q, want %q", s.note, want)
	}
}

// TestCommandsMatchTheEngine: steps, retunes and single-player updates
// given as commands change the run exactly as the same calls on a bare
// engine.GAN do, optimizer state and all.
func TestCommandsMatchTheEngine(t *testing.T) {
	s := newIdleBlog(t)
	ref, _ := straightRun(t, blogConfig(t, 5000), 3, 0)
	for range 3 {
		Step{Kind: StepEpoch}.apply(s)
		ref.TrainEpoch()
	}
	Adjust{DLR, +1}.apply(s)    // 1e-3 → 2e-3
	Adjust{GLR, -1}.apply(s)    // 1e-3 → 5e-4
	Adjust{DSteps, +1}.apply(s) // 5 → 6
	ref.SetLR(engine.D, 2e-3)
	ref.SetLR(engine.G, 5e-4)
	ref.SetSteps(engine.D, 6)
	Step{Kind: StepEpoch}.apply(s)
	ref.TrainEpoch()
	Step{Kind: StepD}.apply(s)
	ref.StepD()
	Step{Kind: StepG}.apply(s)
	ref.StepG()
	if !bytes.Equal(marshal(t, s.gan), marshal(t, ref)) {
		t.Fatal("the session's run differs from the engine driven by the same calls")
	}
	if s.gan.Epoch() != 4 || !strings.Contains(s.note, "one G update") {
		t.Fatalf("epoch %d, note %q", s.gan.Epoch(), s.note)
	}
	snap := s.settings(s.gan.Config())
	if snap.DLR != 2e-3 || snap.GLR != 5e-4 || snap.DSteps != 6 {
		t.Fatalf("settings %+v", snap)
	}
}

// TestSnapshotsGiveTheLossesByHand: after updates by hand (d, g) the snapshot
// gives their losses, D's of the latest d and G's of the latest g, until the
// next epoch, or a new run at the same epoch, makes them the past. The snapshot
// does not give the epoch's alone, which the legend would keep while g moves
// G's loss.
func TestSnapshotsGiveTheLossesByHand(t *testing.T) {
	s := newIdleBlog(t)
	ref, _ := straightRun(t, blogConfig(t, 5000), 3, 0)
	for range 5 {
		Step{Kind: StepEpoch}.apply(s)
		ref.TrainEpoch()
	}
	if snap := shown(s); snap.Hand != nil {
		t.Fatalf("epoch 5, no update by hand: Hand %+v", *snap.Hand)
	}
	Step{Kind: StepG}.apply(s)
	g := ref.StepG()
	want := HandLosses{Epoch: 5, G: true, GLoss: g}
	if snap := shown(s); snap.Hand == nil || *snap.Hand != want {
		t.Fatalf("after g: Hand %v, want %+v", snap.Hand, want)
	}
	Step{Kind: StepD}.apply(s)
	real, fake := ref.StepD()
	want = HandLosses{Epoch: 5, D: true, G: true, DReal: real, DFake: fake, GLoss: g}
	if snap := shown(s); snap.Hand == nil || *snap.Hand != want {
		t.Fatalf("after g, d: Hand %v, want %+v", snap.Hand, want)
	}
	Step{Kind: StepEpoch}.apply(s)
	if snap := shown(s); snap.Hand != nil {
		t.Errorf("epoch 6 trained after the updates by hand: Hand %+v, want none", *snap.Hand)
	}
	Restart{}.apply(s)
	Step{Kind: StepG}.apply(s)
	Restart{}.apply(s)
	if snap := shown(s); snap.Epoch != 0 || snap.Hand != nil {
		t.Errorf("a new run at epoch 0 after g at epoch 0 of the one before: epoch %d, Hand %v, want none", snap.Epoch, snap.Hand)
	}
}

// TestRollbackRecoversADivergedRun: learning rates raised too far make the
// run diverge; Rollback brings back the last good state — weights, chart
// history and CSV log as they were — with the current settings, and with
// the rates lowered the run goes on as the state kept.
func TestRollbackRecoversADivergedRun(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
	for range 20 {
		s.trainEpoch()
	}
	good := s.last
	goodHist := s.hist.Points(nil)
	s.evaluated(engine.Metrics{KS: 0.25})
	keepNow(s)
	kept := marshal(t, s.gan)
	poison(t, s)
	diverged := s.err.Epoch
	s.evaluated(engine.Metrics{KS: 1}) // an evaluation of the diverged run, undone below
	if g, ok := s.rollbackTarget(); !ok || g.epoch != 20 {
		t.Fatalf("diverged at epoch %d offering a roll-back to %d (%v), want 20", diverged, g.epoch, ok)
	}
	Rollback{}.apply(s)
	if s.gan.Epoch() != 20 || s.last != good || !reflect.DeepEqual(s.hist.Points(nil), goodHist) || s.state != Paused {
		t.Fatalf("rolled back to epoch %d (%s), last %+v; want epoch 20 as it was, %+v", s.gan.Epoch(), s.state, s.last, good)
	}
	if !strings.Contains(read(s.note), "rolled back to epoch 20 (diverged at ") {
		t.Errorf("note %q", s.note)
	}
	if cfg := s.gan.Config(); cfg.DLR != MaxLR || cfg.GLR != MaxLR {
		t.Errorf("the roll-back did not keep the current learning rates: D %g, G %g", cfg.DLR, cfg.GLR)
	}
	if _, to, _ := s.log.span(); to != 20 {
		t.Errorf("the CSV log ends at epoch %d after the roll-back, want 20", to)
	}
	if ev := s.Picture().Evals; len(ev) == 0 || ev[len(ev)-1].Epoch != 20 || ev[len(ev)-1].KS != 0.25 {
		t.Errorf("a figure after the roll-back shows the evaluations %+v; want them to end with epoch 20's", ev)
	}
	for s.gan.Config().DLR > 0.01 || s.gan.Config().GLR > 0.01 {
		Adjust{DLR, -1}.apply(s)
		Adjust{GLR, -1}.apply(s)
	}
	if !bytes.Equal(marshal(t, s.gan), kept) {
		t.Error("with the learning rates back, the restored run differs from the state kept at epoch 20")
	}
	for range 200 {
		s.trainEpoch()
	}
	if s.err != nil || math.IsNaN(s.last.G) {
		t.Fatalf("after the roll-back: %+v, error %v", s.last, s.err)
	}
	Export{}.apply(s)
	csv, err := os.ReadFile(filepath.Join(s.opts.Dir, fmt.Sprintf("ganui-ls-sgd-seed1-epoch%d.csv", s.gan.Epoch())))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(csv)), "\n")[1:]
	if len(rows) != 220 {
		t.Fatalf("CSV has %d rows for 220 epochs", len(rows))
	}
	for _, r := range rows {
		if strings.Contains(r, "NaN") || strings.Contains(r, "Inf") {
			t.Fatalf("row after the roll-back: %q", r)
		}
	}
}

// TestRollbackGoesFurtherBack: Rollback again, before anything is trained,
// skips to the state kept before; with none left it says so.
func TestRollbackGoesFurtherBack(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1})
	for e := 1; e <= 4; e++ {
		s.trainEpoch()
		if e%2 == 0 {
			keepNow(s) // epochs 0 (at the start), 2 and 4 are kept
		}
	}
	s.trainEpoch()
	poison(t, s)
	diverged := s.gan.Epoch()
	for _, want := range []int{4, 2, 0} {
		if got, ok := s.rollbackTarget(); !ok || got.epoch != want {
			t.Fatalf("u would go to %d (%v), want %d", got.epoch, ok, want)
		}
		Rollback{}.apply(s)
		if s.gan.Epoch() != want || s.state != Paused || s.hist.Len() != want || s.log.n != want {
			t.Fatalf("after u: epoch %d %s, %d chart points, %d logged; want %d, paused", s.gan.Epoch(), s.state, s.hist.Len(), s.log.n, want)
		}
		// One roll-back, however far back: its event names the epoch the run
		// left, where it diverged (u again names that epoch, not the epoch the
		// u before went to, and keeps the divergence's own event), and the
		// epoch it went to, as the status line does, not "rolled back from
		// epoch 938" alone, at epoch 448 in the list, with nothing to say it
		// had diverged there.
		i := slices.IndexFunc(s.tl.events, func(e Event) bool { return e.Kind == EventRollback })
		if want := fmt.Sprintf("rolled back to epoch %d (diverged at %d)", want, diverged); i < 0 || s.tl.events[i].Detail != want || s.tl.events[i].Epoch != s.gan.Epoch() {
			t.Fatalf("after u to %d: events %+v; want one roll-back there, %q", s.gan.Epoch(), s.tl.events, want)
		}
	}
	Rollback{}.apply(s)
	if s.gan.Epoch() != 0 || !strings.Contains(s.note, "no state older") {
		t.Fatalf("u with nothing older: epoch %d, note %q", s.gan.Epoch(), s.note)
	}
	s.trainEpoch()
	Rollback{}.apply(s)
	if s.gan.Epoch() != 1 || !strings.Contains(s.note, "has not diverged") {
		t.Fatalf("u on a healthy run: epoch %d, note %q", s.gan.Epoch(), s.note)
	}
}

// TestRollbackSkipsTheRunaway: the states kept while a runaway condition
// builds up are doomed already. Keeping spares the newest state from
// before it, and u on the runaway goes there, past the later ones.
func TestRollbackSkipsTheRunaway(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1})
	epochs := func() (e []int) {
		for _, g := range s.kept {
			e = append(e, g.epoch)
		}
		return e
	}
	// keepAt trains to epoch and keeps the run there with D's loss at its
	// limit since epoch from (0: no condition).
	keepAt := func(epoch, from int) {
		for s.gan.Epoch() < epoch {
			s.trainEpoch()
		}
		s.watch.saturated = 0
		if from > 0 {
			s.watch.saturated = epoch - from + 1
		}
		keepNow(s)
	}
	keepAt(10, 0)
	keepAt(15, 13)
	keepAt(20, 13)
	if got := epochs(); !slices.Equal(got, []int{10, 15, 20}) {
		t.Fatalf("kept %v; want the oldest, 0, dropped: [10 15 20]", got)
	}
	keepAt(25, 13)
	if got := epochs(); !slices.Equal(got, []int{10, 20, 25}) {
		t.Fatalf("kept %v; want 10, the last state before epoch 13, spared: [10 20 25]", got)
	}
	s.diverge(&Divergence{Epoch: 25, Runaway: "D's loss on real data stuck at 100, its limit, for 13 epochs"})
	if g, ok := s.rollbackTarget(); !ok || g.epoch != 10 {
		t.Fatalf("u would go to epoch %d (%v); want 10, before the runaway began at 13", g.epoch, ok)
	}
	Rollback{}.apply(s)
	if s.gan.Epoch() != 10 || !slices.Equal(epochs(), []int{10}) || strings.Contains(s.note, "u again") {
		t.Fatalf("after u: epoch %d, kept %v, note %q; want epoch 10 and no state after it", s.gan.Epoch(), epochs(), s.note)
	}
}

// TestRollbackSkipsTheStateThatShowedTheRunaway: an epoch's generated batch and
// D's losses are those of the state it trained from, so the state kept at the
// epoch before they first ran off is doomed too (kept, say, after the first
// epoch with a learning rate raised far): u goes past it, not back there, where
// the run, its learning rate lowered as the screen asks, would run away again.
// G's loss comes after the epoch's D step: where it alone sat at its limit,
// that state is good.
func TestRollbackSkipsTheStateThatShowedTheRunaway(t *testing.T) {
	for _, c := range []struct {
		what string
		set  func(w *watch, n int)
		want int
	}{
		{"D's loss on generated data", func(w *watch, n int) { w.saturated, w.stuck[1] = n, n }, 10},
		{"the batch far out", func(w *watch, n int) { w.outside = n }, 10},
		{"G's loss", func(w *watch, n int) { w.saturated, w.stuck[2] = n, n }, 12},
	} {
		s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1})
		keepAt := func(epoch, from int) { // as in TestRollbackSkipsTheRunaway
			for s.gan.Epoch() < epoch {
				s.trainEpoch()
			}
			s.watch.saturated, s.watch.stuck, s.watch.outside = 0, [3]int{}, 0
			if from > 0 {
				c.set(&s.watch, epoch-from+1)
			}
			keepNow(s)
		}
		keepAt(10, 0)
		keepAt(12, 0)
		keepAt(25, 13) // the condition from epoch 13 on
		s.diverge(&Divergence{Epoch: 25, Runaway: c.what + " for 13 epochs"})
		if g, ok := s.rollbackTarget(); !ok || g.epoch != c.want {
			t.Errorf("%s from epoch 13: u would go to epoch %d (%v); want %d", c.what, g.epoch, ok, c.want)
		}
	}
}

// TestSaveRefusesADivergedRun: a checkpoint of NaN weights would not
// resume; Save says so and what to do.
func TestSaveRefusesADivergedRun(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
	s.trainEpoch()
	poison(t, s)
	Save{}.apply(s)
	if !s.failed || !strings.Contains(s.note, "u rolls back to epoch 0") {
		t.Fatalf("w on a diverged run: failed %v, %q", s.failed, s.note)
	}
	if entries, _ := os.ReadDir(s.opts.Dir); len(entries) != 0 {
		t.Fatalf("w on a diverged run wrote %v", entries)
	}
}

// TestSaveAtTheStopOfADivergedRun: a w waiting when a diverged run stops is
// refused as it is during the run, without the way on the trainer offered
// there, whose u no longer acts: the line printed after it does not say "u
// rolls back to epoch 0 first".
func TestSaveAtTheStopOfADivergedRun(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
	s.trainEpoch()
	poison(t, s)
	s.Send(Save{})
	s.Stop()
	const want = "not saved: the run has diverged, a checkpoint of it would not resume"
	if written, err := s.Parting(""); len(written) != 0 || err == nil || err.Error() != want {
		t.Errorf("parting notes %q, %v; want the error %q", written, err, want)
	}
}

// TestSaveWritesTheRun: Save writes a checkpoint that LoadCheckpoint turns
// back into the session's run exactly, retuned settings included.
func TestSaveWritesTheRun(t *testing.T) {
	s := newIdleBlog(t)
	Adjust{DLR, +1}.apply(s)
	for range 5 {
		s.trainEpoch()
	}
	Save{}.apply(s)
	path := filepath.Join(s.opts.Dir, "ganui-blog-original-seed3-epoch5.ckpt")
	if s.failed || !strings.Contains(s.note, path) {
		t.Fatalf("save note %q", s.note)
	}
	loaded, err := LoadCheckpoint(path)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Config().DLR != 2e-3 || !bytes.Equal(marshal(t, loaded), marshal(t, s.gan)) {
		t.Fatal("the checkpoint differs from the session's run")
	}
}

// TestStopWritesTheFilesAsked: w and e sent and still waiting when the session
// stops (pressed just before q, behind an epoch of a wide design) are written
// as it stops, their notes kept for the lines printed after the trainer; a step
// waiting with them is dropped, the run ended. They are not all dropped, which
// would lose the checkpoint without a word. SavePending says a Save waits until
// the session has taken it up.
func TestStopWritesTheFilesAsked(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	s.Send(Step{Kind: StepEpoch})
	s.Send(Save{})
	s.Send(Export{})
	if !s.SavePending() {
		t.Fatal("a Save sent and not applied is not pending")
	}
	s.Stop()
	if s.SavePending() {
		t.Error("a Save written as the session stopped is still pending")
	}
	written, err := s.Parting("")
	ckpt := filepath.Join(s.opts.Dir, "ganui-blog-original-seed3-epoch1.ckpt")
	if err != nil || len(written) != 2 || written[0] != "saved epoch 1: ganui --resume "+ckpt+" continues from it" || !strings.HasPrefix(written[1], "exported epoch 1 to ") {
		t.Fatalf("parting notes %q, %v", written, err)
	}
	if _, err := os.Stat(ckpt); err != nil {
		t.Fatal(err)
	}
	if s.gan.Epoch() != 1 {
		t.Errorf("the step waiting at the stop trained: epoch %d", s.gan.Epoch())
	}

	// Started, the session's goroutine either takes the Save up or leaves
	// it to Stop: written either way.
	dir := t.TempDir()
	r, err := New(Options{Config: blogConfig(t, 5000), Seed: 3, Samples: 1000, Dir: dir, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	r.Start()
	r.Send(Save{})
	r.Stop()
	if _, err := os.Stat(filepath.Join(dir, "ganui-blog-original-seed3-epoch0.ckpt")); err != nil {
		t.Fatalf("w then q on a started session: %v", err)
	}
}

// TestUnwrittenNamesEachFileAsked: Unwritten is a command of each kind of file
// sent and not yet taken up — e, c and P as well as w — in one order whatever
// the order sent, until the session takes them up: a trainer quit at once names
// every file not written, not the checkpoint alone.
func TestUnwrittenNamesEachFileAsked(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	kinds := func() (ks []string) {
		for _, c := range s.Unwritten() {
			ks = append(ks, fmt.Sprintf("%T", c))
		}
		return ks
	}
	s.Send(Step{Kind: StepEpoch})
	if got := kinds(); got != nil {
		t.Fatalf("no file asked for: unwritten %s", got)
	}
	draw := func(w io.Writer, p Picture) error { _, err := w.Write([]byte(pngSignature)); return err }
	s.Send(Plot{Format: "png", Draw: draw})
	s.Send(Export{})
	s.Send(Export{})
	s.Send(Save{})
	if got, want := kinds(), []string{"session.Save", "session.Export", "session.Plot"}; !slices.Equal(got, want) {
		t.Fatalf("unwritten %s, want %s", got, want)
	}
	s.Stop()
	if got := kinds(); got != nil {
		t.Errorf("unwritten %s once the stop wrote them", got)
	}
}

// TestFileTakenUpAsItIsPlaced: a file w, e, c or P asked for is no longer
// Unwritten from the moment it is in place, as outputfile places it under the
// lock outputfile.Abandon takes; and one whose write Abandon refused stays
// Unwritten (that the refusal leaves nothing is outputfile's
// TestAbandonRemovesWritesUnderWay). Counted as the command ended, a trainer
// quit at once (Abandon, then Unwritten) just after the rename would say
// "nothing was written" of the file on disk, and not name one refused as it
// quit.
func TestFileTakenUpAsItIsPlaced(t *testing.T) {
	write := writeOutput
	t.Cleanup(func() { writeOutput = write })
	draw := func(w io.Writer, _ Picture) error { _, err := io.WriteString(w, pngSignature); return err }
	for _, c := range []struct {
		cmd  Command
		file string
	}{
		{Save{}, "ganui-blog-original-seed3-epoch1.ckpt"},
		{Export{}, "ganui-blog-original-seed3-epoch1.csv"},
		{Share{}, "ganui-blog-original-seed3.json"},
		{Plot{Format: "png", Draw: draw}, "ganui-blog-original-seed3-epoch1.png"},
	} {
		s := newIdleBlog(t)
		s.trainEpoch()
		path := filepath.Join(s.opts.Dir, c.file)
		var placed bool
		var then []Command // Unwritten as the file is placed
		writeOutput = func(path string, perm fs.FileMode, kind outputfile.Kind, size int64, fill func(io.Writer) error, done func()) error {
			return write(path, perm, kind, size, fill, func() {
				done()
				placed, then = true, s.Unwritten()
			})
		}
		s.Send(c.cmd)
		s.applyQueued()
		if _, err := os.Stat(path); !placed || err != nil || len(then) != 0 {
			t.Errorf("%T: placed %v (%v), unwritten then %v: want the file in place and none unwritten", c.cmd, placed, err, then)
		}
		if s.failed || len(s.Unwritten()) != 0 {
			t.Errorf("%T: %q, unwritten %v", c.cmd, s.note, s.Unwritten())
		}

		// Refused: Abandon came first. The file removed, so that w writes
		// again rather than find its checkpoint already saved.
		os.Remove(path)
		writeOutput = func(string, fs.FileMode, outputfile.Kind, int64, func(io.Writer) error, func()) error {
			return outputfile.ErrAbandoned
		}
		s.Send(c.cmd)
		s.applyQueued()
		if got := s.Unwritten(); len(got) != 1 || reflect.TypeOf(got[0]) != reflect.TypeOf(c.cmd) {
			t.Errorf("%T refused as the trainer quit at once: unwritten %v, want it", c.cmd, got)
		}
	}
}

// TestStopSaysAFailedWrite: a save waiting at the stop that cannot be
// written is Parting's error, named as the status would have.
func TestStopSaysAFailedWrite(t *testing.T) {
	s := newIdle(t, Options{Config: blogConfig(t, 50), Seed: 1, Dir: filepath.Join(t.TempDir(), "missing")})
	s.Send(Save{})
	s.Stop()
	if written, err := s.Parting(""); len(written) != 0 || err == nil || !strings.HasPrefix(err.Error(), "checkpoint not saved: ") {
		t.Fatalf("parting notes %q, %v", written, err)
	}
}

// TestLostHistoryIsSaidAtTheQuit: an e that could not export the history of a
// run the command again may not repeat (d pressed) is Parting's error, with why
// it matters, until an e exports one, not gone with the screen. Of a run the
// command repeats, it is not: the command with --log writes the history again.
func TestLostHistoryIsSaidAtTheQuit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	s := newIdle(t, Options{Config: blogConfig(t, 50), Seed: 1, Dir: dir})
	s.trainEpoch()
	s.applyOne(Export{})
	if written, err := s.Parting(""); len(written) != 0 || err != nil {
		t.Fatalf("e failed on a run the command repeats: parting %q, %v; want nothing", written, err)
	}
	s.applyOne(Step{Kind: StepD})
	s.applyOne(Export{})
	s.applyOne(Export{}) // said once
	want := "history not exported: the directory " + dir + " does not exist, so ganui-blog-original-seed1-epoch1.csv is not written; the command again may not repeat this run: its history is lost"
	if _, err := s.Parting(""); err == nil || err.Error() != want {
		t.Fatalf("e failed twice after d: parting error %v, want %q", err, want)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s.applyOne(Export{})
	if written, err := s.Parting(""); len(written) != 1 || err != nil {
		t.Errorf("e exported since: parting %q, %v; want the file and no error", written, err)
	}
}

// TestSaveAgainWritesNothingNew: w again with nothing changed — w held, or
// pressed twice on a paused run — leaves the checkpoint written as it is and
// says so, not writing the whole file again each time. A change of a setting,
// the pace or the baseline, an epoch, or the file gone, write it anew.
func TestSaveAgainWritesNothingNew(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	path := saved(t, s)
	file := func() os.FileInfo {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	before := file()
	Save{}.apply(s)
	if want := "already saved epoch 1, nothing changed since: ganui --resume\u00a0" + path + " continues from it"; s.failed || s.note != want {
		t.Errorf("w again: %q, want %q", s.note, want)
	}
	if !os.SameFile(before, file()) {
		t.Error("w again with nothing changed wrote the checkpoint anew")
	}
	for _, c := range []struct {
		what   string
		change func()
	}{
		{"a setting", func() { Adjust{DLR, +1}.apply(s) }},
		{"the pace", func() { Adjust{Speed, -1}.apply(s) }},
		{"the baseline", func() { Pin{}.apply(s) }},
		{"the file removed", func() { os.Remove(path) }},
	} {
		before := file()
		c.change()
		Save{}.apply(s)
		if s.failed || !strings.HasPrefix(s.note, "saved epoch 1: ") {
			t.Errorf("w after %s: %q", c.what, s.note)
		}
		if after := file(); c.what != "the file removed" && os.SameFile(before, after) { // a new file may take a removed one's inode
			t.Errorf("w after %s did not write the checkpoint anew", c.what)
		}
	}
	s.trainEpoch()
	if next := saved(t, s); next == path || !strings.HasPrefix(s.note, "saved epoch 2: ") {
		t.Errorf("w at the next epoch: %q", s.note)
	}
}

// TestSaveOfTheResumedCheckpointWritesNothing: w on a resumed run before it
// trains or changes finds the checkpoint it resumed from, and says so, as w
// again does, not writing a copy of that checkpoint beside it
// (ganui-blog-original-seed3-epoch1-2.ckpt). Once the run trains, w writes its
// checkpoint as ever.
func TestSaveOfTheResumedCheckpointWritesNothing(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	path := saved(t, s)
	r := newIdle(t, Options{Resume: path, Dir: s.opts.Dir})
	Save{}.apply(r)
	if want := "already saved epoch 1, nothing changed since: ganui --resume\u00a0" + path + " continues from it"; r.failed || r.note != want {
		t.Errorf("w on the resumed run: %q, want %q", r.note, want)
	}
	if files, err := filepath.Glob(filepath.Join(s.opts.Dir, "*.ckpt")); err != nil || len(files) != 1 {
		t.Errorf("checkpoints %q, want only the one resumed from (%v)", files, err)
	}
	r.trainEpoch()
	if next := saved(t, r); next == path || !strings.HasPrefix(r.note, "saved epoch 2: ") {
		t.Errorf("w at the next epoch: %q", r.note)
	}
}

// TestFileErrorsAreReported: a directory that cannot be written to gives
// a failure note for both Save and Export.
func TestFileErrorsAreReported(t *testing.T) {
	s := newIdle(t, Options{Config: blogConfig(t, 50), Seed: 1, Dir: filepath.Join(t.TempDir(), "missing")})
	s.trainEpoch()
	Save{}.apply(s)
	if !s.failed || !strings.HasPrefix(s.note, "checkpoint not saved: ") || !strings.Contains(s.note, "missing") {
		t.Errorf("w into a missing directory: failed %v, %q", s.failed, s.note)
	}
	Export{}.apply(s)
	if !s.failed || !strings.HasPrefix(s.note, "history not exported: ") {
		t.Errorf("e into a missing directory: failed %v, %q", s.failed, s.note)
	}
}

// TestExportWithNothingTrained: e at epoch 0 says there is nothing to
// export, and the snapshot says so beforehand (Exportable), so that the
// trainer's footer does not offer e; once an epoch is trained, or a d
// pressed before the first (an event of the start's row), it does.
func TestExportWithNothingTrained(t *testing.T) {
	s := newIdleBlog(t)
	exportable := func() bool {
		s.publish()
		return (<-s.snaps).Exportable
	}
	if exportable() {
		t.Error("at epoch 0 the snapshot says there is something to export")
	}
	Export{}.apply(s)
	if s.failed || s.note != "nothing to export yet: no epoch trained" {
		t.Fatalf("e at epoch 0: %q", s.note)
	}
	Step{Kind: StepD}.apply(s)
	if !exportable() {
		t.Error("after a D update by hand at epoch 0 the snapshot says there is nothing to export")
	}
	s = newIdleBlog(t)
	s.trainEpoch()
	if !exportable() {
		t.Error("at epoch 1 the snapshot says there is nothing to export")
	}
}

// TestResumedAtEpochZeroSaysSo: a run resumed from a checkpoint saved before
// its first epoch (--paused, a setting changed, w) says it was resumed, as one
// saved later does, rather than saying nothing of it and showing "paused at
// epoch 0: space runs…" as for a new run.
func TestResumedAtEpochZeroSaysSo(t *testing.T) {
	g, _ := straightRun(t, blogConfig(t, 5), 1, 0)
	path := filepath.Join(t.TempDir(), "run.ckpt")
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Resume: path, Paused: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := "resumed at epoch 0"; s.state != Paused || s.note != want || s.failed {
		t.Fatalf("resumed at epoch 0, paused: %s, %q (failed %v), want %q", s.state, s.note, s.failed, want)
	}
}

func TestResumedPastThePlanIsDone(t *testing.T) {
	g, _ := straightRun(t, blogConfig(t, 5), 1, 5)
	path := filepath.Join(t.TempDir(), "run.ckpt")
	if err := SaveCheckpoint(g, path); err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Resume: path})
	if err != nil {
		t.Fatal(err)
	}
	if want := "resumed at epoch 5, the end of its plan: space or n continues; its checkpoint holds no history (an older ganui wrote it): the charts begin here"; s.state != Done || PlainNote(s.note) != want {
		t.Fatalf("resumed at the plan's end: %s, %q, want %q", s.state, s.note, want)
	}
	past, _ := straightRun(t, blogConfig(t, 5), 1, 7) // saved after going on past the plan
	pastPath := filepath.Join(t.TempDir(), "past.ckpt")
	if err := SaveCheckpoint(past, pastPath); err != nil {
		t.Fatal(err)
	}
	if s, err = New(Options{Resume: pastPath}); err != nil {
		t.Fatal(err)
	}
	if want := "resumed at epoch 7, 2 past its plan of 5: space or n continues; its checkpoint holds no history (an older ganui wrote it): the charts begin here"; s.state != Done || PlainNote(s.note) != want {
		t.Fatalf("resumed past the plan: %s, %q, want %q", s.state, s.note, want)
	}
	s, err = New(Options{Resume: path, Epochs: 8})
	if err != nil {
		t.Fatal(err)
	}
	if s.state != Running || s.planned != 8 {
		t.Fatalf("resumed with a longer plan: %s, plan %d", s.state, s.planned)
	}
	r, err := s.Run(context.Background(), nil)
	if err != nil || r.State != Done || r.Epochs != 8 {
		t.Fatalf("ran the longer plan to %d epochs, %s, %v", r.Epochs, r.State, err)
	}
}

// TestLongRunStaysBounded drives the session through many epochs as an
// hour-long run would — publishing, keeping good states, logging every
// epoch — and checks that nothing it holds in memory grows with the run:
// the chart history stays within historyPoints (so frames cost the same at
// any epoch), the kept states within keepStates, what each check adds
// (keyframes, events, evaluations) within its bound, the live heap flat,
// while the on-disk log holds every epoch.
func TestLongRunStaysBounded(t *testing.T) {
	epochs := 1_000_000
	if testing.Short() {
		epochs = 20_000
	}
	// A plan of a tenth of the run checks it every thousandth of the run
	// (checkEvery), so keyframes are kept and thinned throughout.
	s := newIdle(t, Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Epochs: epochs / 10})
	s.pastPlan = true
	phase := epochs / 4
	var heap [4]uint64
	var ms runtime.MemStats
	for p := range heap {
		for range phase {
			s.trainEpoch()
			if s.gan.Epoch()%2000 == 0 {
				keepNow(s)
				s.publish()
				snap := <-s.snaps
				if len(snap.History) > historyPoints+1 {
					t.Fatalf("epoch %d: a snapshot carries %d history points, more than %d", snap.Epoch, len(snap.History), historyPoints+1)
				}
			}
		}
		if s.state != Paused {
			t.Fatalf("epoch %d: the run is %s (%v)", s.gan.Epoch(), s.state, s.err)
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		heap[p] = ms.HeapAlloc
	}
	if frames := len(s.tl.keyframes); frames > maxKeyframes || frames < maxKeyframes/2 || len(s.tl.events) > maxEvents {
		t.Errorf("after %d epochs: %d keyframes (want %d to %d), %d events (at most %d)", epochs, frames, maxKeyframes/2, maxKeyframes, len(s.tl.events), maxEvents)
	}
	rows := 0 // the export's evaluations; its rows of events alone are all kept
	for _, r := range s.evlog.rows {
		if r.eval {
			rows++
		}
	}
	if n := s.evals.Len(); n > evalPoints || n < evalPoints/2 || rows > maxEvalRows {
		t.Errorf("after %d epochs: %d evaluations (want %d to %d), %d in the export (at most %d)", epochs, n, evalPoints/2, evalPoints, rows, maxEvalRows)
	}
	if cap(s.hist.pts) != historyPoints || len(s.kept) != keepStates {
		t.Errorf("after %d epochs: history capacity %d (want %d), %d states kept (want %d)",
			epochs, cap(s.hist.pts), historyPoints, len(s.kept), keepStates)
	}
	if from, to, n := s.log.span(); from != 1 || to != epochs || n != epochs {
		t.Errorf("the log holds epochs %d–%d (%d), want 1–%d", from, to, n, epochs)
	}
	s.log.flush()
	if fi, err := s.log.f.Stat(); err != nil || fi.Size() != int64(epochs)*recordSize {
		t.Errorf("the log file: %v, want %d bytes", err, epochs*recordSize)
	}
	// A leak of even one byte an epoch would show as 300 kB here.
	if grow := int64(heap[3]) - int64(heap[0]); grow > 256<<10 {
		t.Errorf("live heap grew by %d bytes over %d epochs: %v", grow, 3*phase, heap)
	}
	t.Logf("live heap after each quarter of %d epochs: %v bytes", epochs, heap)
}

// BenchmarkKeep measures keeping a good state for a roll-back, for each
// built-in design: the session keeps one a second at most, and never
// spends more than 1/keepShare of its time on it.
func BenchmarkKeep(b *testing.B) {
	for _, cfg := range presets.All() {
		b.Run(cfg.Name, func(b *testing.B) {
			s := newIdle(b, Options{Config: cfg, Seed: 1})
			for range 10 {
				s.trainEpoch()
			}
			b.ReportAllocs()
			for b.Loop() {
				s.keep()
			}
			b.ReportMetric(float64(len(s.kept[0].ckpt)), "bytes/state")
		})
	}
}

// BenchmarkEvaluate measures what the session spends on each published
// snapshot: an evaluation on fresh samples, D's curve and the copies.
func BenchmarkEvaluate(b *testing.B) {
	s := newIdle(b, Options{Config: blogConfig(b, 5000), Seed: 1})
	s.bins = 120 - 2 - 28 - 5 // the histogram's columns at 120×40
	for range 100 {
		s.trainEpoch()
	}
	for b.Loop() {
		s.evalOK = false
		s.publish()
		<-s.snaps
	}
}

// TestRunStopsWhenCancelled: a cancelled context stops Run after the
// current epoch, with state interrupted and the run's numbers whole.
func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s, err := New(Options{Config: blogConfig(t, 5000), Seed: 1, Every: 10, Samples: 500})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Run(ctx, func(p Progress) {
		if p.Stats.Epoch == 30 {
			cancel()
		}
	})
	if err != nil || r.State != Interrupted || r.Epochs != 30 || r.Metrics.N != 500 {
		t.Fatalf("cancelled at epoch 30: %s, %v", r.Line(), err)
	}
}

// TestRunGivesUpAProgressEvaluationWhenCancelled: a cancel that comes while
// a progress evaluation samples (a wide design's --samples take minutes) gives
// it up, no progress line of it, the run stopping after that epoch, where the
// evaluation ran to its end first; the final evaluation is whole. The
// context here is cancelled from epoch 10's evaluation on: its Done closed,
// its Err told at the loop's next look.
func TestRunGivesUpAProgressEvaluationWhenCancelled(t *testing.T) {
	s, err := New(Options{Config: blogConfig(t, 5000), Seed: 1, Every: 10, Samples: 500})
	if err != nil {
		t.Fatal(err)
	}
	ctx := &cancelledAfter{Context: context.Background(), looks: 10}
	var shown []int
	r, err := s.Run(ctx, func(p Progress) { shown = append(shown, p.Stats.Epoch) })
	if err != nil || r.State != Interrupted || r.Epochs != 10 || r.Metrics.N != 500 || r.Earlier {
		t.Fatalf("cancelled in epoch 10's evaluation: %s, %v", r.Line(), err)
	}
	if len(shown) > 0 {
		t.Errorf("progress lines of epochs %v, want none: the evaluation was given up", shown)
	}
}

// TestRunEvaluatesTheLastEpochOnce: where Every divides the plan, the
// last epoch's progress line and the final line measure the same
// generator on the same samples; Run evaluates it once, the final line
// taking the progress line's measures, where a --samples 10000000 run's
// end took twice its time. A plan Every does not divide has its end
// evaluated for the final line alone.
func TestRunEvaluatesTheLastEpochOnce(t *testing.T) {
	var evaluated []int // the epoch of each evaluation
	defer func(f func(*engine.GAN, int, engine.HistSpec, <-chan struct{}) (engine.Metrics, bool)) {
		evaluateUntil = f
	}(evaluateUntil)
	evaluateUntil = func(g *engine.GAN, n int, h engine.HistSpec, stop <-chan struct{}) (engine.Metrics, bool) {
		evaluated = append(evaluated, g.Epoch())
		return g.EvaluateUntil(n, h, stop)
	}
	for _, c := range []struct {
		every int
		want  []int
	}{
		{10, []int{10, 20, 30}},
		{20, []int{20, 30}},
	} {
		evaluated = nil
		s, err := New(Options{Config: blogConfig(t, 30), Seed: 1, Every: c.every, Samples: 500})
		if err != nil {
			t.Fatal(err)
		}
		var last Progress
		r, err := s.Run(context.Background(), func(p Progress) { last = p })
		if err != nil || r.State != Done || r.Earlier {
			t.Fatalf("every %d: %s, %v", c.every, r.Line(), err)
		}
		if !slices.Equal(evaluated, c.want) {
			t.Errorf("every %d: evaluated at epochs %v, want %v", c.every, evaluated, c.want)
		}
		if last.Stats.Epoch == r.Epochs && !reflect.DeepEqual(last.Metrics, r.Metrics) {
			t.Errorf("every %d: the final line's measures %+v, want the last progress line's %+v", c.every, r.Metrics, last.Metrics)
		}
	}
}

// TestRunDivergedOnACheckEpochHasNoProgressLine: the epoch a run diverges
// on has no progress line, on an Every epoch too: its event line and the
// final line, which measures it, take its place, as
// docs/command-line.md says. vanilla at d_lr=1 g_lr=1 runs away at
// epoch 201, 3 × 67.
func TestRunDivergedOnACheckEpochHasNoProgressLine(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Epochs, cfg.DLR, cfg.GLR = 400, 1, 1
	s, err := New(Options{Config: cfg, Seed: 1, Every: 67, Samples: 500})
	if err != nil {
		t.Fatal(err)
	}
	var shown []int
	r, err := s.Run(context.Background(), func(p Progress) { shown = append(shown, p.Stats.Epoch) })
	if err != nil || r.State != Diverged || r.Epochs != 201 || r.Metrics.N != 500 {
		t.Fatalf("vanilla d_lr=1 g_lr=1: %s, %v; want a runaway at epoch 201, measured", r.Line(), err)
	}
	if want := []int{67, 134}; !slices.Equal(shown, want) {
		t.Errorf("progress lines of epochs %v, want %v", shown, want)
	}
}

// cancelledAfter is a context whose Done is closed, and whose Err is nil
// for its first looks calls, Canceled from then on: cancelled, as Run sees
// it, during the epoch of its last look.
type cancelledAfter struct {
	context.Context
	looks int
}

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

func (c *cancelledAfter) Done() <-chan struct{} { return closedChan }

func (c *cancelledAfter) Err() error {
	if c.looks > 0 {
		c.looks--
		return nil
	}
	return context.Canceled
}

// TestRunPastItsPlanEndsDone: a run continued past its plan (space in the
// trainer) and quit there, running or paused, sums up as done with the epochs
// it trained, as the command again, which trains to them, ends, not
// state=interrupted. One quit short of its plan is interrupted.
func TestRunPastItsPlanEndsDone(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Epochs: 4})
	TogglePause{}.apply(s)
	for range 2 {
		s.trainEpoch()
	}
	if r := s.Result(); r.State != Interrupted || r.Epochs != 2 {
		t.Fatalf("quit at epoch 2 of 4: %s, want interrupted", r.Line())
	}
	for s.state == Running {
		s.trainEpoch()
	}
	TogglePause{}.apply(s) // done: continue past the plan
	for range 3 {
		s.trainEpoch()
	}
	if r := s.Result(); r.State != Done || r.Epochs != 7 || !strings.Contains(r.Line(), " epochs=7 state=done ") {
		t.Fatalf("quit running past a plan of 4: %s, want done at epoch 7", r.Line())
	}
	TogglePause{}.apply(s)
	if r := s.Result(); s.state != Paused || r.State != Done || r.Epochs != 7 {
		t.Fatalf("quit paused past a plan of 4 (%s): %s, want done at epoch 7", s.state, r.Line())
	}
}

// TestRunawayDivergesAndRollsBack: live, a runaway stops the run as
// diverged with the runaway's finding, and Rollback returns it to a good
// state with the diagnosis's view of that moment.
func TestRunawayDivergesAndRollsBack(t *testing.T) {
	s := newRunaway(t)
	for s.state != Diverged && s.gan.Epoch() < 2000 {
		s.trainEpoch()
		if s.gan.Epoch() == 50 {
			keepNow(s)
		}
	}
	if s.err == nil || s.err.Runaway == "" {
		t.Fatalf("no runaway by epoch %d: %v", s.gan.Epoch(), s.err)
	}
	if f := s.findings(); len(f) != 1 || f[0].Kind != Runaway {
		t.Fatalf("findings of a runaway: %+v", f)
	}
	// The screen's samples are the run as it stopped, not the last
	// evaluation before the runaway.
	s.publish()
	if snap := <-s.snaps; snap.Eval.Epoch != s.gan.Epoch() || snap.Eval.Metrics.N == 0 {
		t.Fatalf("the diverged run's evaluation is of epoch %d (%d samples); want epoch %d", snap.Eval.Epoch, snap.Eval.Metrics.N, s.gan.Epoch())
	}
	Rollback{}.apply(s)
	if s.state != Paused || s.gan.Epoch() != 50 || s.watch.seen != 50 || s.err != nil {
		t.Fatalf("after the roll-back: %s at epoch %d, watch at %d, err %v", s.state, s.gan.Epoch(), s.watch.seen, s.err)
	}
}

// TestRunawayShowsItsOwnEpoch: the epoch a runaway stops the run at is finite
// and trained, and the snapshot's latest stats and charts are of it, the epoch
// the runaway's description speaks of: the moments legend does not show the
// epoch before's batch mean (μ 9.947e9) beside the description's mean of the
// runaway epoch (6.495e9).
func TestRunawayShowsItsOwnEpoch(t *testing.T) {
	s := newRunaway(t)
	for s.state != Diverged && s.gan.Epoch() < 2000 {
		s.trainEpoch()
	}
	if s.err == nil || !strings.Contains(s.err.Runaway, "batch's mean ") {
		t.Fatalf("no runaway of the samples' mean by epoch %d: %v", s.gan.Epoch(), s.err)
	}
	s.publish()
	snap := <-s.snaps
	if snap.Last.Epoch != snap.Err.Epoch || snap.Last.Epoch != snap.Epoch {
		t.Errorf("a runaway at epoch %d, header at %d: the legends show epoch %d", snap.Err.Epoch, snap.Epoch, snap.Last.Epoch)
	}
	if mean := "batch's mean " + numtext.Measure(snap.Last.Mean) + ")"; !strings.Contains(snap.Err.Runaway, mean) {
		t.Errorf("the epoch's mean %s, the runaway says %q", numtext.Measure(snap.Last.Mean), snap.Err.Runaway)
	}
	if h := snap.History; len(h) == 0 || h[len(h)-1].Epoch != snap.Err.Epoch {
		t.Errorf("the charts end at epoch %d, the runaway at %d", h[len(h)-1].Epoch, snap.Err.Epoch)
	}
}

// TestSettingPressesMakeOneEvent: presses of one key between two epochs
// are one change, first value to last; back where it began, none; after
// an epoch, or on another setting, a new one.
func TestSettingPressesMakeOneEvent(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1})
	s.trainEpoch()
	settings := func() (d []string) {
		for _, e := range s.tl.events {
			if e.Kind == EventSetting {
				d = append(d, e.Detail)
			}
		}
		return d
	}
	from := s.settings(s.gan.Config()).Text(DLR)
	for range 3 {
		Adjust{DLR, +1}.apply(s)
	}
	to := s.settings(s.gan.Config()).Text(DLR)
	if got := settings(); !slices.Equal(got, []string{"D lr " + from + " → " + to}) {
		t.Fatalf("three presses: %q", got)
	}
	for range 3 {
		Adjust{DLR, -1}.apply(s)
	}
	if got := settings(); len(got) != 0 {
		t.Fatalf("back where it began: %q", got)
	}
	Adjust{DLR, +1}.apply(s)
	Adjust{GLR, +1}.apply(s)
	s.trainEpoch()
	Adjust{DLR, +1}.apply(s)
	if got := settings(); len(got) != 3 {
		t.Fatalf("D, G, then D after an epoch: %q", got)
	}
}

// TestSettingChangesAfterEpochsOneAfterAnother: → pressed after one epoch, then
// another, then another, with no other note between (a running run at full
// speed lands each press after an epoch of its own), are three changes and
// three events, and the note gives them all, each at its epoch; past three,
// their count and span, not the last alone, "D lr 2e-2 → 5e-2 after epoch 863",
// of presses that took it from 5e-3. Another note between starts afresh, and a
// press joining its epoch's change joins its part of the note.
func TestSettingChangesAfterEpochsOneAfterAnother(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1}, 25)
	for range 3 {
		Adjust{DLR, +1}.apply(s)
		s.trainEpoch()
	}
	if want := "D lr 5e-4 → 1e-3 after epoch 25, → 2e-3 after epoch 26, → 5e-3 after epoch 27"; s.note != want {
		t.Errorf("→ after epochs 25, 26 and 27: note %q, want %q", s.note, want)
	}
	Adjust{DLR, +1}.apply(s)
	Adjust{DLR, +1}.apply(s)
	if want := "D lr 5e-4 → 2e-2 in 4 changes, after epochs 25 to 28, each an event"; s.note != want {
		t.Errorf("→ → after epoch 28 too: note %q, want %q", s.note, want)
	}
	s.trainEpoch()
	Step{Kind: StepEpoch}.apply(s) // an epoch stepped, with a note of its own
	Adjust{DLR, -1}.apply(s)
	if want := "D lr 2e-2 → 1e-2 after epoch 30"; s.note != want {
		t.Errorf("← after another note: %q, want %q", s.note, want)
	}
	Adjust{GLR, +1}.apply(s)
	s.trainEpoch()
	Adjust{GLR, +1}.apply(s)
	if want := "G lr 1e-4 → 2e-4 after epoch 31"; s.note != want {
		t.Errorf("G lr after D lr and G lr at one epoch: %q, want %q", s.note, want)
	}
}

// TestSettingChangesBackWhereTheyBegan: changes after epochs one after
// another that take a setting back to the value the first began from say
// so, "back to 5e-4 in 4 changes", where "D lr 5e-4 → 5e-4 in 4 changes"
// read as a change that changed nothing.
func TestSettingChangesBackWhereTheyBegan(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1}, 25)
	for _, step := range []int{+1, +1, -1, -1} {
		Adjust{DLR, step}.apply(s)
		s.trainEpoch()
	}
	if want := "D lr back to 5e-4 in 4 changes, after epochs 25 to 28, each an event"; s.note != want {
		t.Errorf("→ → ← ← after epochs 25 to 28: note %q, want %q", s.note, want)
	}
}

// TestMomentNotesGo: a note about a moment ("resumed at epoch 10",
// "continuing past the plan") goes once the run has trained a check
// interval past it and momentShown has passed, so that a run trained past
// its check interval at once, 3 epochs of a 300-epoch plan at full speed,
// has its note read; a note set since stays.
func TestMomentNotesGo(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1})
	now := time.Unix(1000, 0)
	s.clock = NewClock(func() time.Time { return now })
	s.momentNote("resumed at epoch 0")
	for range s.every - 1 {
		s.trainEpoch()
	}
	now = now.Add(momentShown)
	if s.note != "resumed at epoch 0" {
		t.Fatalf("before a check interval: note %q", s.note)
	}
	s.trainEpoch()
	if s.note != "" {
		t.Fatalf("after a check interval and %v: note %q", momentShown, s.note)
	}
	s.momentNote("continuing past the plan")
	for range 2 * s.every {
		s.trainEpoch()
	}
	if s.note != "continuing past the plan" {
		t.Fatalf("two check intervals trained at once: note %q, want it still said", s.note)
	}
	now = now.Add(momentShown - time.Millisecond)
	s.trainEpoch()
	if s.note != "continuing past the plan" {
		t.Fatalf("%v after: note %q, want it still said", momentShown-time.Millisecond, s.note)
	}
	now = now.Add(time.Millisecond)
	s.trainEpoch()
	if s.note != "" {
		t.Fatalf("%v after and two check intervals: note %q", momentShown, s.note)
	}
	s.momentNote("continuing past the plan")
	s.note = "speed 200/s → full"
	for range s.every {
		s.trainEpoch()
	}
	if s.note != "speed 200/s → full" {
		t.Fatalf("a later note went with the moment's: %q", s.note)
	}
}

// TestTimelineCountsWhatItLetsGo: past maxEvents the oldest events go,
// counted, so a figure can say its marks start late.
func TestTimelineCountsWhatItLetsGo(t *testing.T) {
	var tl timeline
	for e := range maxEvents + 5 {
		tl.add(Event{Epoch: e})
	}
	if len(tl.events) != maxEvents || tl.dropped != 5 || tl.events[0].Epoch != 5 {
		t.Errorf("%d events from epoch %d, %d let go; want %d from 5, 5", len(tl.events), tl.events[0].Epoch, tl.dropped, maxEvents)
	}
}

// TestNoCurveSaysWhatDReads: the line in place of D(x) names what D reads in
// the words --list-presets uses: devnag-2017's writes its squared deviations
// out, (x-mean)², short enough for the figure's axis label, not "D judges 100
// samples and spreads at once", spreads a word that no other part of the screen
// or the README uses; bimodal-pacgan's does not say "D judges a whole row of 2"
// of a G that makes no rows. It names what its view would have drawn: the
// screen's strip under the bars, the figure's curve over the densities
// (blog-original's figure does not say "no D(x) strip" beside panels that draw
// D(x) as a curve).
func TestNoCurveSaysWhatDReads(t *testing.T) {
	for _, c := range []struct{ preset, want string }{
		{"devnag-2017", "no D(x) strip: D judges 100 samples and (x-mean)²"},
		{"devnag-moments", "no D(x) strip: D sees only 4 moments of 500 samples"},
		{"blog-original", "no D(x) strip: D judges a whole row of 100 at once"},
		{"bimodal-pacgan", "no D(x) strip: D judges 2 packed samples at once"}, // G makes no rows: one sample a draw
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		if got := noCurveReason(cfg, "strip"); got != c.want {
			t.Errorf("%s: %q, want %q", c.preset, got, c.want)
		}
	}
	s := newIdleBlog(t)
	s.trainEpoch()
	if got, want := s.Picture().NoCurve, "no D(x) curve: D judges a whole row of 100 at once"; got != want {
		t.Errorf("the figure's line in place of D(x) reads %q, want %q", got, want)
	}
	s.evaluate()
	if got, want := s.eval.NoCurve, "no D(x) strip: D judges a whole row of 100 at once"; got != want {
		t.Errorf("the screen's line in place of D(x) reads %q, want %q", got, want)
	}
}

// TestDivergedHintSaysWhatToDo: space, n, d or g on a diverged run answer with
// what to do, a learning rate lowered first, in a line at 80 columns, not u, r
// and R in two lines, which would push the divergence's own advice off the
// status at 80×24, each of the three diverging again with the rates unchanged.
// With no state kept, r or R.
func TestDivergedHintSaysWhatToDo(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
	s.trainEpoch()
	poison(t, s)
	for _, c := range []Command{TogglePause{}, Step{Kind: StepEpoch}, Step{Kind: StepD}, Step{Kind: StepG}} {
		c.apply(s)
		if !strings.Contains(s.note, "lower a learning rate") || !strings.Contains(s.note, "u rolls back") || len([]rune(s.note)) > 80 {
			t.Errorf("%T on a diverged run: %q", c, s.note)
		}
	}
	s.kept = nil
	TogglePause{}.apply(s)
	if !strings.Contains(s.note, "lower a learning rate") || strings.Contains(s.note, "u rolls back") || !strings.Contains(s.note, "r or R") {
		t.Errorf("space on a diverged run with no state kept: %q", s.note)
	}
	// A runaway G never came near the target in: no learning rate mends
	// it (TestRunawayUnreachedNamesTheTarget).
	s.err = &Divergence{Epoch: 200, What: "a runaway", Runaway: "D's loss on real data stuck at 100", Unreached: true}
	TogglePause{}.apply(s)
	if !strings.Contains(s.note, "out of G's reach") || strings.Contains(s.note, "learning rate") || len([]rune(s.note)) > 80 {
		t.Errorf("space on a run that never came near its target: %q", s.note)
	}
}

// TestRerunDivergingKeepsItsNote: R on a run that diverges at once answers
// "rerun from seed 1", and the rerun diverging as the run it replaced did keeps
// that answer beside the divergence, rather than clearing it and leaving the
// screen as it was before R. A divergence while paused ends what the pause
// said.
func TestRerunDivergingKeepsItsNote(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
	poison(t, s)
	Restart{}.apply(s)
	answer := s.note
	if s.state != Running || !strings.HasPrefix(answer, "rerun from seed 1") {
		t.Fatalf("R on a diverged run: state %v, note %q", s.state, answer)
	}
	for i := 0; s.state != Diverged; i++ {
		if i == 200 {
			t.Fatal("the rerun did not diverge in 200 epochs")
		}
		s.trainEpoch()
	}
	if s.note != answer {
		t.Errorf("the rerun diverged: note %q, want R's answer %q", s.note, answer)
	}
	Restart{}.apply(s)
	TogglePause{}.apply(s)
	for s.state != Diverged {
		s.trainEpoch()
	}
	if s.note != "" {
		t.Errorf("diverged while paused: note %q, want none", s.note)
	}
}

// TestDivergenceGroupsItsCounts: how a run diverged, which a headless run
// prints on standard error, writes its epoch and seed counts as the screen does
// (FormatInt): "diverged at epoch 12,345" beside a header's 12,345, not
// "diverged at epoch 12345".
func TestDivergenceGroupsItsCounts(t *testing.T) {
	for err, want := range map[error]string{
		&Divergence{Epoch: 12345, What: "D's loss"}:            "diverged at epoch 12,345: D's loss is not finite",
		&Divergence{Epoch: 12345, Runaway: "G's loss past 99"}: "diverged at epoch 12,345: a runaway, G's loss past 99",
		&engine.DivergedError{Epoch: 12345, What: "G's loss"}:  "diverged at epoch 12,345: G's loss is not finite",
		&SeedsDivergedError{Diverged: 1500, Runs: 10000}:       "1,500 of 10,000 seeds diverged",
		&SeedsDivergedError{Diverged: 1, Runs: 1}:              "1 of 1 seed diverged",
	} {
		if got := err.Error(); got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}

// TestPartingNamesTheFilesWritten: Parting names each file the keys wrote
// during the run, not only at its stop, once, by its latest note: of several
// checkpoints the latest, the others counted; the design's note without the
// command, which follows as "again:"; and not the file the caller names itself.
// Notes of files shown only on the status line do not go with the screen.
func TestPartingNamesTheFilesWritten(t *testing.T) {
	s := newIdleBlog(t)
	s.applyCommand(Save{})
	s.trainEpoch()
	s.applyCommand(Export{})
	s.applyCommand(Save{})
	s.applyCommand(Save{}) // already saved: the same file
	s.trainEpoch()
	s.applyCommand(Save{})
	s.applyCommand(Export{}) // epoch 2's, beside epoch 1's
	s.applyCommand(Export{}) // the same file, its note anew
	s.applyCommand(Share{})
	s.Stop()
	dir := s.opts.Dir
	want := []string{
		"saved epoch 2: ganui --resume " + filepath.Join(dir, "ganui-blog-original-seed3-epoch2.ckpt") + " continues from it · and 2 earlier checkpoints",
		"exported epochs 1–2 to " + filepath.Join(dir, "ganui-blog-original-seed3-epoch2.csv") + " · and 1 earlier history",
		"wrote " + filepath.Join(dir, "ganui-blog-original-seed3.json") + " · the again: command runs the run again",
	}
	if written, err := s.Parting(""); err != nil || !slices.Equal(written, want) {
		t.Errorf("parting notes %q, %v; want %q", written, err, want)
	}
	if written, _ := s.Parting(filepath.Join(dir, "ganui-blog-original-seed3.json")); !slices.Equal(written, want[:2]) {
		t.Errorf("parting notes but the design's %q; want %q", written, want[:2])
	}
}

// TestPartingSaysWhatBecameOfAFile: a file a key wrote that is no longer there
// as written when the trainer quits is said with what became of it, the note's
// resume command left out: removed ("saved epoch 1 to …, which is gone now"),
// its directory too, replaced by another file, or changed; the earlier files of
// its kind counted are those still there as written, none once the directory is
// removed (no "· and 1 earlier checkpoint" counting a file gone with it).
// Parting does not say "… continues from it" of a checkpoint removed since.
func TestPartingSaysWhatBecameOfAFile(t *testing.T) {
	s := newIdleBlog(t)
	dir := s.opts.Dir
	s.trainEpoch()
	s.applyCommand(Save{})
	s.applyCommand(Export{})
	s.applyCommand(Share{})
	s.Stop()
	ckpt := filepath.Join(dir, "ganui-blog-original-seed3-epoch1.ckpt")
	csv := filepath.Join(dir, "ganui-blog-original-seed3-epoch1.csv")
	design := filepath.Join(dir, "ganui-blog-original-seed3.json")
	if err := os.Remove(ckpt); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.csv")
	if err := os.WriteFile(other, []byte(CSVHeader+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(other, csv); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(design, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n")
	f.Close()
	want := []string{
		"saved epoch 1 to " + ckpt + ", which is gone now",
		"exported epoch 1 to " + csv + ", which another file has replaced since",
		"wrote " + design + ", which has changed since",
	}
	if written, err := s.Parting(""); err != nil || !slices.Equal(written, want) {
		t.Errorf("parting notes %q, %v; want %q", written, err, want)
	}

	// Its directory removed: the files in it are gone, the earlier too.
	r := newIdleBlog(t)
	r.trainEpoch()
	r.applyCommand(Save{})
	r.applyCommand(Save{}) // already saved: said of the same file
	r.trainEpoch()
	r.applyCommand(Save{})
	r.Stop()
	if err := os.RemoveAll(r.opts.Dir); err != nil {
		t.Fatal(err)
	}
	want = []string{"saved epoch 2 to " + filepath.Join(r.opts.Dir, "ganui-blog-original-seed3-epoch2.ckpt") + ", which is gone now with its directory, " + r.opts.Dir}
	if written, err := r.Parting(""); err != nil || !slices.Equal(written, want) {
		t.Errorf("parting notes, the directory removed: %q, %v; want %q", written, err, want)
	}

	// An earlier file removed: the others are counted.
	e := newIdleBlog(t)
	for range 3 {
		e.trainEpoch()
		e.applyCommand(Save{})
	}
	e.Stop()
	if err := os.Remove(filepath.Join(e.opts.Dir, "ganui-blog-original-seed3-epoch1.ckpt")); err != nil {
		t.Fatal(err)
	}
	want = []string{"saved epoch 3: ganui --resume " + filepath.Join(e.opts.Dir, "ganui-blog-original-seed3-epoch3.ckpt") + " continues from it · and 1 earlier checkpoint"}
	if written, err := e.Parting(""); err != nil || !slices.Equal(written, want) {
		t.Errorf("parting notes, an earlier file removed: %q, %v; want %q", written, err, want)
	}
}

// TestKeyNotesQuoteTheirFiles: the notes of w, e, c and P name the file
// written quoted where a shell would not read it as one word, in a
// directory "my runs", "exported epoch 1 to '…/my runs/…csv'", and so do
// the lines printed once the trainer has quit of a file gone since,
// "saved epoch 1 to '…/my runs/…ckpt', which is gone now", as the resume
// command beside them quotes it; they named it bare.
func TestKeyNotesQuoteTheirFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my runs")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := newIdle(t, Options{Config: blogConfig(t, 5000), Seed: 3, Samples: 1000, Dir: dir})
	s.trainEpoch()
	q := func(name string) string { return "'" + filepath.Join(dir, name) + "'" }
	for _, c := range []struct {
		cmd  Command
		want string
	}{
		{Save{}, "saved epoch 1: ganui --resume\u00a0" + strings.ReplaceAll(q("ganui-blog-original-seed3-epoch1.ckpt"), " ", "\u00a0") + " continues from it"},
		{Export{}, "exported epoch 1 to " + q("ganui-blog-original-seed3-epoch1.csv")},
		{Share{}, "wrote " + q("ganui-blog-original-seed3.json") + commandBelow},
		{Plot{Format: "txt", Draw: func(w io.Writer, p Picture) error { return nil }}, "wrote the figure of epoch 1 to " + q("ganui-blog-original-seed3-epoch1.txt")},
	} {
		s.applyCommand(c.cmd)
		if !strings.HasPrefix(s.note, c.want) {
			t.Errorf("%T: note %q, want it to begin %q", c.cmd, s.note, c.want)
		}
	}
	s.Stop()
	if err := os.Remove(filepath.Join(dir, "ganui-blog-original-seed3-epoch1.ckpt")); err != nil {
		t.Fatal(err)
	}
	written, err := s.Parting(filepath.Join(dir, "ganui-blog-original-seed3.json"))
	if want := "saved epoch 1 to " + q("ganui-blog-original-seed3-epoch1.ckpt") + ", which is gone now"; err != nil || len(written) == 0 || written[0] != want {
		t.Errorf("parting notes %q, %v; want the first %q", written, err, want)
	}
}

// TestPartingSaysTheCurrentDirectoryWent (ganui started in /tmp/x, w,
// rm -rf /tmp/x from another shell, q): a file written in the current
// directory, removed since, is said to be gone with it, "saved epoch 1
// to ganui-blog-original-seed3-epoch1.ckpt, which is gone now with its
// directory" (", /tmp/x" where the system can still name it), not
// "which is gone now" alone, as if the file alone had been removed and the
// directory still took the next run's files.
func TestPartingSaysTheCurrentDirectoryWent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	s := newIdle(t, Options{Config: blogConfig(t, 50), Seed: 3, Samples: 1000})
	s.trainEpoch()
	s.applyCommand(Save{})
	s.Stop()
	if err := os.RemoveAll(dir); err != nil {
		t.Skipf("this system keeps the current directory (%v)", err)
	}
	want := "saved epoch 1 to ganui-blog-original-seed3-epoch1.ckpt, which is gone now with its directory"
	written, err := s.Parting("")
	if err != nil || len(written) != 1 || written[0] != want && written[0] != want+", "+dir {
		t.Errorf("parting notes, the current directory removed: %q, %v; want %q", written, err, want)
	}
}

// TestPartingSaysAPartWrittenFileFailed: a file written in part during the run,
// on the screen long before q — a history exported after its file failed, the
// epochs it lost missing — is Parting's error, not a file written, as it is
// when the stop writes it, and is not named with the files written. A figure
// whose drawing fails after writing some of it leaves nothing at its path, no
// temporary file either, and is named as no file written.
func TestPartingSaysAPartWrittenFileFailed(t *testing.T) {
	s := newIdleBlog(t)
	dir := s.opts.Dir
	for range 3 {
		s.trainEpoch()
	}
	s.applyCommand(Save{})
	s.log.flush()
	s.log.err = syscall.ENOSPC
	s.log.n, s.log.mem = 1, []engine.EpochStats{{Epoch: 3}} // epoch 2 lost
	s.applyCommand(Export{})
	s.applyCommand(Plot{Format: "png", Draw: func(w io.Writer, p Picture) error {
		if _, err := w.Write([]byte(pngSignature)); err != nil {
			return err
		}
		return errors.New("drawing failed")
	}})
	if !s.failed || !strings.HasPrefix(s.note, "figure not written: ") {
		t.Fatalf("a figure whose drawing failed: %q", s.note)
	}
	s.Stop()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"ganui-blog-original-seed3-epoch3.ckpt", "ganui-blog-original-seed3-epoch3.csv"}; !slices.Equal(names, want) {
		t.Errorf("files %q, want %q: the figure or its temporary file left", names, want)
	}
	written, err := s.Parting("")
	if want := "saved epoch 3: ganui --resume " + filepath.Join(dir, "ganui-blog-original-seed3-epoch3.ckpt") + " continues from it"; !slices.Equal(written, []string{want}) {
		t.Errorf("parting notes %q, want the checkpoint's alone %q", written, want)
	}
	if want := "exported 2 of epochs 1–3 to " + filepath.Join(dir, "ganui-blog-original-seed3-epoch3.csv") + ": the history file failed, the rest is lost"; err == nil || err.Error() != want {
		t.Errorf("parting error %v, want %q", err, want)
	}
}

// TestSnapshotsCarryCheckNoise: a snapshot says how far sampling alone moves
// each measure of a check, at a check's size (CheckSize: 2,000 samples on a
// line, 2,500 on a plane), for the screen's trend arrows to leave such a change
// without a direction: KS's and W1's noise floors in one dimension, sliced W1's
// on a plane, the floor a check shows, whatever --samples gives the screen's
// own evaluation. A plane's is taken at 2,500, not 2,000.
func TestSnapshotsCarryCheckNoise(t *testing.T) {
	s := idleAt(t, "uniform-flat-noise", Options{Samples: 500}, 0)
	s.publish()
	got := (<-s.snaps).CheckNoise
	want := EvalPoint{KS: engine.KSNoiseFloor(2000), W1: engine.W1NoiseFloor(s.gan.Target(), 2000)}
	if got != want || CheckSize(false) != 2000 || !(want.W1 > 0.02 && want.W1 < 0.04) { // uniform(2,6): 0.028
		t.Errorf("uniform-flat-noise: CheckNoise %+v, want %+v", got, want)
	}
	p := idleAt(t, "ring", Options{Samples: 500}, 0)
	p.publish()
	snap := <-p.snaps
	if got, floor := snap.CheckNoise, p.gan.Reference().Floor(2500); got.KS != 0 || got.W1 != 0 || got.SW1 != floor || CheckSize(true) != 2500 {
		t.Errorf("ring: CheckNoise %+v, want sliced W1's floor at a check's 2,500 samples alone, %v", got, floor)
	}
}

// TestPlaneEvaluationTakesSamples: the screen's evaluation of a 2-D run draws
// --samples points, as the final line printed at the quit does, so that the
// Quality panel's SW1, floor and HQ are the final line's, not 2,500 whatever
// --samples says ("ganui --preset grid-wgan-gp --samples 5000" reading "1,500
// of 2,500 drawn" and floor 0.066 beside a final line's sw1_floor=0.054).
// Unless --samples says, 2,500, the papers' count.
func TestPlaneEvaluationTakesSamples(t *testing.T) {
	for _, n := range []int{0, 5000} {
		s := idleAt(t, "grid-wgan-gp", Options{Seed: 1, Samples: n}, 2)
		s.evaluate()
		want := n
		if n == 0 {
			want = engine.BenchmarkSamples
		}
		got, final := s.eval.Metrics, s.Result().Metrics
		if got.N != want || got.Plane.SW1 != final.Plane.SW1 || got.Plane.SW1Floor != final.Plane.SW1Floor || got.Plane.HighQuality != final.Plane.HighQuality {
			t.Errorf("--samples %d: the screen's evaluation of %d samples, SW1 %v floor %v HQ %v; want %d, the final line's SW1 %v floor %v HQ %v",
				n, got.N, got.Plane.SW1, got.Plane.SW1Floor, got.Plane.HighQuality, want, final.Plane.SW1, final.Plane.SW1Floor, final.Plane.HighQuality)
		}
	}
}

// TestDivergingEndsARefusal: why a key did nothing to the running run (u,
// "this run has not diverged"; n, d and the replay's keys, "works while
// paused") is false once the run diverges, and goes with the divergence,
// where it would stand under the header's ✗ diverged. What a key did stays
// (TestRerunDivergingKeepsItsNote).
func TestDivergingEndsARefusal(t *testing.T) {
	for _, c := range []Command{Rollback{}, Step{Kind: StepEpoch}, Replay{Dir: -1}} {
		s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1, Dir: t.TempDir()})
		for range 30 {
			Adjust{DLR, +1}.apply(s)
			Adjust{GLR, +1}.apply(s)
		}
		TogglePause{}.apply(s)
		s.applyCommand(c)
		refusal := s.note
		if s.state != Running || refusal == "" {
			t.Fatalf("%T on a running run: state %v, note %q", c, s.state, refusal)
		}
		for i := 0; s.state != Diverged; i++ {
			if i == 200 {
				t.Fatal("no divergence in 200 epochs at learning rate 10")
			}
			s.trainEpoch()
		}
		if s.note != "" {
			t.Errorf("%T refused, then the run diverged: note %q, want none", c, s.note)
		}
	}
}

// read is a note as a screen with room for it reads it, whole, the words
// that give way on a short one (GivesWay) in.
func read(note string) string { return strings.ReplaceAll(note, GivesWay, "") }
