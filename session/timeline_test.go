package session

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// TestCheckEveryKeepsPlansUpToAMillion: a plan of 10⁶ epochs or fewer, every
// preset's own among them, is checked every hundredth of it (every 10 epochs at
// least); a longer one every maxCheckEvery epochs, the hundredth of 10⁶,
// however long, so that a plan of engine.MaxEpochs, a run meant to go on until
// stopped, is not checked every 10,000,000 epochs.
func TestCheckEveryKeepsPlansUpToAMillion(t *testing.T) {
	hundredth := func(planned int) int { return max(10, (planned+99)/100) }
	plans := []int{1, 9, 10, 999, 1000, 1001, 1999, 2000, 200_000, 999_901, 999_999, 1_000_000}
	for _, c := range presets.All() {
		plans = append(plans, c.Epochs)
	}
	for _, p := range plans {
		if got := checkEvery(p); got != hundredth(p) {
			t.Errorf("a plan of %d epochs is checked every %d, want %d", p, got, hundredth(p))
		}
	}
	for _, p := range []int{1_000_001, 1_000_100, 1_000_101, 10_000_000, engine.MaxEpochs} {
		if got := checkEvery(p); got != maxCheckEvery {
			t.Errorf("a plan of %d epochs is checked every %d, want %d", p, got, maxCheckEvery)
		}
	}
	if maxCheckEvery != checkEvery(checksPerPlan*maxCheckEvery) {
		t.Errorf("maxCheckEvery %d is not the hundredth of a plan of %d", maxCheckEvery, checksPerPlan*maxCheckEvery)
	}
}

// TestLongestPlanIsCheckedSoon: a run planned for engine.MaxEpochs is
// checked at epoch maxCheckEvery, its evaluation recorded and a keyframe
// kept for replay, not first at epoch 10,000,000.
func TestLongestPlanIsCheckedSoon(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Epochs: engine.MaxEpochs})
	for range maxCheckEvery {
		s.trainEpoch()
	}
	pts := s.evals.Points(nil)
	if len(pts) != 1 || pts[0].Epoch != maxCheckEvery {
		t.Errorf("after %d epochs of a plan of %d: evaluations %v, want one at epoch %d", maxCheckEvery, engine.MaxEpochs, pts, maxCheckEvery)
	}
	if n := len(s.tl.keyframes); n != 1 || s.tl.keyframes[0].Epoch != maxCheckEvery {
		t.Errorf("after %d epochs of a plan of %d: %d keyframes, want one at epoch %d", maxCheckEvery, engine.MaxEpochs, n, maxCheckEvery)
	}
}

// TestLongerPlanOnResumeKeepsTheChecks: every plan of 10⁶ epochs or more is
// checked every maxCheckEvery epochs, so a run of one saved and resumed with a
// longer plan (--epochs 1000000000, to go on until stopped) is checked on the
// epochs it would have been without stopping: its evaluations, events, history
// and keyframes are the straight run's. The longer plan's hundredth does not
// put the resumed run's next check at epoch 10,000,000.
func TestLongerPlanOnResumeKeepsTheChecks(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Epochs: 1_000_000, Dir: t.TempDir()})
	for range maxCheckEvery + maxCheckEvery/2 {
		s.trainEpoch()
	}
	r := newIdle(t, Options{Resume: saved(t, s), Epochs: engine.MaxEpochs, Dir: t.TempDir()})
	for range 2 * maxCheckEvery {
		s.trainEpoch()
		r.trainEpoch()
	}
	frames := func(s *Session) (epochs []int) {
		for _, k := range s.tl.keyframes {
			epochs = append(epochs, k.Epoch)
		}
		return epochs
	}
	a, b := recorded(s.Picture()), recorded(r.Picture())
	if !reflect.DeepEqual(a, b) || !slices.Equal(frames(s), frames(r)) || len(a.Evals) != 3+1 { // three checks, and the run measured at its epoch (Picture.Evals)
		t.Errorf("resumed with a plan of %d: evaluations %v, keyframes at %v, events %v; straight: %v, %v, %v",
			engine.MaxEpochs, b.Evals, frames(r), b.Events, a.Evals, frames(s), a.Events)
	}
}

// TestSnapshotsGiveTheFindingsPending: vanilla at d_lr=2e-3, the README's run,
// finds D winning from epoch 242, between checks; the check at 250 is the first
// to see it, and the one at 260 makes its event (confirmChecks). Until then
// each snapshot gives the finding as pending, with the checks it must still
// hold at: 250 and 260 before the check at 250, then 260, as a checkpoint saved
// at 250 resumes it; from 260, the event's epoch, none. So the screen can show
// such a finding as pending, not as it shows one the events mark, where a
// reader would look for its event in vain.
func TestSnapshotsGiveTheFindingsPending(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.DLR = 2e-3
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 1000, Epochs: 250, Dir: t.TempDir()})
	to := func(s *Session, epoch int) Snapshot {
		for s.gan.Epoch() < epoch {
			s.trainEpoch()
		}
		return shown(s)
	}
	wants := func(snap Snapshot, want []Pending) {
		t.Helper()
		if !slices.ContainsFunc(snap.Findings, func(f Finding) bool { return f.Kind == DWins }) {
			t.Fatalf("epoch %d: D does not win: %v", snap.Epoch, snap.Findings)
		}
		if !reflect.DeepEqual(snap.Pending, want) {
			t.Errorf("epoch %d: pending %+v, want %+v", snap.Epoch, snap.Pending, want)
		}
		_, pending := snap.PendingOf(DWins)
		event := slices.ContainsFunc(snap.Events, func(e Event) bool { return e.Kind == EventDWins })
		if pending == event {
			t.Errorf("epoch %d: the win pending %v, its event %v", snap.Epoch, pending, event)
		}
	}
	wants(to(s, 245), []Pending{{Kind: DWins, Seen: -1, Checks: []int{250, 260}}})
	wants(to(s, 250), []Pending{{Kind: DWins, Seen: 250, Checks: []int{260}}})
	r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir, Epochs: 300})
	wants(shown(r), []Pending{{Kind: DWins, Seen: 250, Checks: []int{260}}})
	wants(to(s, 255), []Pending{{Kind: DWins, Seen: 250, Checks: []int{260}}})
	wants(to(s, 260), nil)
	wants(to(r, 260), nil)
}

// TestFindingAtTheLastCheckIsAnEventAtTheNext: D's learning rate raised
// twice half-way through vanilla's 400 epochs (as the trainer's keys
// do), D wins from the plan's last check on: the diagnosis at the end
// says so with no d-wins event, its start counting at the second check
// in a row that sees it (confirmChecks), and the next check past the
// plan makes it. The raise suppresses nothing; the README says a finding
// may end a run before its event.
func TestFindingAtTheLastCheckIsAnEventAtTheNext(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 1000, Epochs: 400}, 200)
	s.applyOne(Adjust{Setting: DLR, Dir: +1})
	s.applyOne(Adjust{Setting: DLR, Dir: +1})
	dWins := func() (epochs []int) {
		for _, e := range s.tl.events {
			if e.Kind == EventDWins {
				epochs = append(epochs, e.Epoch)
			}
		}
		return epochs
	}
	for s.gan.Epoch() < 400 {
		s.trainEpoch()
	}
	if !slices.ContainsFunc(s.findings(), func(f Finding) bool { return f.Kind == DWins }) {
		t.Fatalf("D does not win at the end of the plan: %v", s.findings())
	}
	if got := dWins(); got != nil {
		t.Fatalf("d-wins at epochs %v: the test wants a win first seen at the last check", got)
	}
	for s.gan.Epoch() < 410 {
		s.trainEpoch()
	}
	if got := dWins(); !slices.Equal(got, []int{410}) {
		t.Errorf("d-wins at epochs %v, want [410]: the check after the plan's confirms the win", got)
	}
}

// TestKeyframesSpreadOverTheRun: past maxKeyframes, the frames kept still reach
// from the run's first check to its newest, the gaps between them (all but the
// newest's) within a factor of two of each other, so that replay and the jumps
// to events reach every stretch of the run. Frames are not thinned by dropping
// every other one each time they fill while each check adds one, which would
// leave a 1,000-epoch plan (checked every 10) continued to 9,490 with frames
// from epoch 5,120 on alone, gaps of 10 to 640, and a run checked 5,000 times
// replaying its last 8% only.
func TestKeyframesSpreadOverTheRun(t *testing.T) {
	for _, checks := range []int{maxKeyframes + 1, 2 * maxKeyframes, 949, 5000} {
		var tl timeline
		for c := 1; c <= checks; c++ {
			var k Keyframe
			k.Epoch = 10 * c
			tl.keep(k)
		}
		f := tl.keyframes
		if len(f) != maxKeyframes || f[0].Epoch != 10 || f[len(f)-1].Epoch != 10*checks {
			t.Errorf("%d checks: %d frames from epoch %d to %d; want %d from the first check, 10, to the newest, %d",
				checks, len(f), f[0].Epoch, f[len(f)-1].Epoch, maxKeyframes, 10*checks)
			continue
		}
		least, most := 1<<62, 0
		for i := 1; i < len(f)-1; i++ { // the newest's gap is a check's
			gap := f[i].Epoch - f[i-1].Epoch
			least, most = min(least, gap), max(most, gap)
		}
		if most > 2*least {
			t.Errorf("%d checks: gaps of %d to %d epochs between the frames: the run is not evenly kept", checks, least, most)
		}
	}
}

// TestMarksIsWhatTheFindingsFind: Marks, by which the trainer's glossary
// lists the events, says a loss can mark D's win, the equilibrium and
// D frozen exactly when D's losses held where each is found make its
// finding under that loss: a critic's losses at ln 2 each, or near 0,
// or still at 1.13 each, make none of them.
func TestMarksIsWhatTheFindingsFind(t *testing.T) {
	for _, loss := range []engine.Loss{engine.LossBCE, engine.LossLeastSquares, engine.LossHinge, engine.LossWasserstein} {
		cfg := testdesigns.PerSample(3000)
		cfg.Loss = loss
		eq, _ := EquilibriumOf(cfg)
		at := [2]float64{eq.DReal, eq.DFake}
		if loss == engine.LossHinge || loss == engine.LossWasserstein {
			at = [2]float64{1, 1}
		}
		for _, c := range []struct {
			kind         FindingKind
			event        EventKind
			dReal, dFake float64
		}{
			{DWins, EventDWins, 0.0001, 0.0001},
			{DIndifferent, EventEquilibrium, at[0], at[1]},
			{DFrozen, EventFrozen, 1.13, 1.13},
		} {
			w := watchOf(cfg)
			for e := 1; e <= 300; e++ {
				w.add(engine.EpochStats{Epoch: e, DReal: c.dReal, DFake: c.dFake, G: 0.7, Mean: 4, Std: 1.25})
			}
			fs := diagnose(cfg, &w, &Eval{Epoch: 300, Metrics: engine.Metrics{N: 2000, Mean: 4, Std: 1.25, KS: 0.2, ZDep: 1}, KSFloor: 0.03})
			found := slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == c.kind || c.kind == DIndifferent && f.Kind == DStalled }) // a D held still at it is stalled there
			if marks := Marks(loss, rowWidth(cfg), c.event); found != marks {
				t.Errorf("%s, D's losses held at %g and %g: finding %v found %v, Marks(%s) %v", loss, c.dReal, c.dFake, c.kind, found, c.event, marks)
			}
		}
	}
}

// TestMarksTheNoiseWhereItIsMeasured: Marks says a run can mark its noise
// ignored exactly where a G that gives the same samples at every draw is found
// to ignore it: on rows of 100 samples a draw (blog-original), not on rows of
// one (vanilla), whose noise use is 1 by construction, nor on a plane, whose
// checks measure none; each as the design's Snapshot.RowWidth has it. Vanilla's
// glossary had listed "noise ignored or used again" beside a run that never
// marks it.
func TestMarksTheNoiseWhereItIsMeasured(t *testing.T) {
	target, err := engine.ParseTarget("normal(4,1.25)")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"vanilla", "blog-original", "ring"} {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		w := rowWidth(cfg)
		found := false
		if w > 0 { // a line's: every draw the same row of w samples, 2,000 in all
			xs := make([]float64, 2000)
			for i := range xs {
				xs[i] = 4 + float64(i%w)/100
			}
			watch := watchOf(cfg)
			fs := diagnose(cfg, &watch, &Eval{Epoch: 300, Metrics: engine.Evaluate(xs, w, target, engine.HistSpec{}), KSFloor: 0.03})
			found = slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == NoiseIgnored })
		}
		if marks := Marks(cfg.Loss, w, EventNoiseIgnored); found != marks {
			t.Errorf("%s, rows of %d: the noise found ignored %v, Marks(%s) %v", name, w, found, EventNoiseIgnored, marks)
		}
	}
}

// TestEveryFindingIsAnEventOrSaysWhy: each kind of finding the diagnosis
// shows starts an event of its own (findingEvents; the runaway's is the
// run's), or the events list says why it has none (Unlisted), never both
// and never neither: ring (seed 1) at epoch 640 showed "G's samples are
// on none of the 8 modes" beside an events list that said "none yet"
// and nothing more. A kind added without an entry here fails.
func TestEveryFindingIsAnEventOrSaysWhy(t *testing.T) {
	starts := map[FindingKind]string{ // the event its start is, "" for none
		Runaway: "runaway", DWins: "d-wins", ModeDropped: "", ModesBlurred: "",
		NoiseIgnored: "noise-ignored", DIndifferent: "equilibrium", DStalled: "d-stalled",
		AtNoiseFloor: "noise-floor", GCollapsed: "collapsed", Plateau: "plateau",
		DFrozen: "d-frozen", DSaturated: "", FarOutside: "",
	}
	for k := range FindingKind(len(findingNames)) {
		want, ok := starts[k]
		if !ok {
			t.Errorf("finding %v: give it an event (findingEvents) or say why it has none (unlisted), and add it here", k)
			continue
		}
		got := ""
		if e, ok := findingEvents[k]; ok {
			got = e.start.String()
		} else if k == Runaway {
			got = EventRunaway.String()
		}
		if got != want {
			t.Errorf("finding %v starts event %q, want %q", k, got, want)
		}
		if why := k.Unlisted(); (why == "") != (got != "") {
			t.Errorf("finding %v: event %q, and the events list says %q of it: want one of the two", k, got, why)
		}
	}
}

// TestModeEventsCarryTheirPlace: a mode's event carries the mode's centre
// as data (Event.Mode), for a figure to name it by without reading the
// detail's words; and one read back from a checkpoint, which keeps only
// the kind and the detail, gets it from the detail (modePlaceOf), the
// same place. bimodal-pacgan, seed 4, covers mode 1 at epoch 20 and
// drops it at 80 (TestModeCoveredThenLostIsNotNotYetCovered).
func TestModeEventsCarryTheirPlace(t *testing.T) {
	s := modeLostAt80(t)
	n := 0
	for _, ev := range s.tl.events {
		switch ev.Kind {
		case EventModeCovered, EventModeDropped, EventModeRecovered:
		default:
			if ev.Mode != (ModePlace{}) {
				t.Errorf("%s at %d carries a mode's place %+v", ev.Kind, ev.Epoch, ev.Mode)
			}
			continue
		}
		n++
		if ev.Mode.Dims != 1 || !strings.Contains(numtext.Plain(ev.Detail), "(at "+ev.Mode.String()+")") {
			t.Errorf("%s at %d carries a place of %d dimensions, %q; its detail %q", ev.Kind, ev.Epoch, ev.Mode.Dims, ev.Mode.String(), ev.Detail)
		}
		if got := modePlaceOf(ev.Kind, ev.Detail); got != ev.Mode {
			t.Errorf("%s at %d read back from its detail %q as %+v, live %+v", ev.Kind, ev.Epoch, ev.Detail, got, ev.Mode)
		}
	}
	if n < 2 {
		t.Fatalf("%d mode events by epoch 80: %v", n, s.tl.events)
	}
	for _, c := range []struct {
		kind   EventKind
		detail string
		want   ModePlace
	}{
		{EventModeCovered, "mode 1 (at -2) gets 52% of the samples, 50% in the target", ModePlace{Dims: 1, X: -2}},
		{EventModeDropped, numtext.Together("mode 3 at (-1.41, 1.41)") + " not captured: under 1 sample in 2,500 within its 3σ, 12.5% in the target", ModePlace{Dims: 2, X: -1.41, Y: 1.41}},
		{EventModeRecovered, "mode 1 at (2, 0) gets 10% of the samples within its 3σ, 12.5% in the target", ModePlace{Dims: 2, X: 2}},
		{EventModeCovered, "in another ganui's words", ModePlace{}},
		{EventModeCovered, "mode 1 (at somewhere) gets half", ModePlace{}},
		{EventEquilibrium, "mode 1 (at -2) gets 52% of the samples", ModePlace{}},
	} {
		if got := modePlaceOf(c.kind, c.detail); got != c.want {
			t.Errorf("%s %q read as %+v, want %+v", c.kind, c.detail, got, c.want)
		}
	}
}

// TestDoneSettlesTheOpenNoiseFloor: a done run whose noise-floor
// episode is open ends it at its last epoch where its final evaluation
// is not at its own floor, the done diagnosis's test, so that the
// events and the findings agree at the end: vanilla's 7,500 epochs
// (seed 1) started it at epoch 7,350 and ended on KS 0.022, over the
// 95% bound 0.014 of its 10,000 samples, with no finding at the floor
// and no end of the episode. Here the episode is opened by hand on a
// run of 20 epochs, far from the floor, headless (Run's final
// evaluation) and in the trainer (the screen's evaluation at done); a
// final evaluation with the finding leaves it open.
func TestDoneSettlesTheOpenNoiseFloor(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	ended := func(t *testing.T, s *Session, fs []Finding) {
		t.Helper()
		if slices.ContainsFunc(fs, func(f Finding) bool { return f.Kind == AtNoiseFloor }) {
			t.Fatalf("20 epochs in, the final evaluation is at its noise floor: %v", fs)
		}
		var got []string
		for _, e := range s.tl.events {
			if e.Kind == EventNoiseFloorEnded {
				got = append(got, fmt.Sprintf("%d %s", e.Epoch, numtext.Plain(e.Detail)))
			}
		}
		const want = "20 the distance is above sampling noise again: ended by the final evaluation's 10,000 samples, KS "
		if len(got) != 1 || !strings.HasPrefix(got[0], want) || !strings.HasSuffix(got[0], ", over their 95% bound 0.014") {
			t.Fatalf("done with the noise-floor episode open, the noise-floor-ended events are %q, want one %q…, over their 95%% bound 0.014", got, want)
		}
		if s.tl.episodes.active[AtNoiseFloor] {
			t.Error("the episode is still active after its end")
		}
	}
	// endedInLog checks that the log's last row, epoch 20's, holds the end.
	endedInLog := func(t *testing.T, log string) {
		t.Helper()
		b, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		const row = `,noise-floor-ended,"the distance is above sampling noise again: ended by the final evaluation's 10,000 samples, KS `
		if last := rows[len(rows)-1]; len(rows) != 21 || !strings.HasPrefix(last, "20,") || !strings.Contains(last, row) {
			t.Errorf("the --log's last row (of %d) is %q, want epoch 20's with …%s…", len(rows), last, row)
		}
	}
	// Headless, the --log's last row and the --save checkpoint hold the
	// end as the event line does, whether the final evaluation is made
	// after the last epoch (--every 0) or is its progress line's.
	for _, every := range []int{0, 20} {
		t.Run(fmt.Sprintf("headless, every %d", every), func(t *testing.T) {
			dir := t.TempDir()
			log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
			s, err := New(Options{Config: cfg, Seed: 1, Epochs: 20, Every: every, LogPath: log, SavePath: ckpt})
			if err != nil {
				t.Fatal(err)
			}
			s.tl.episodes.active = map[FindingKind]bool{AtNoiseFloor: true}
			r, err := s.Run(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			ended(t, s, r.Findings)
			ended(t, s, s.Result().Findings) // once

			endedInLog(t, log)
			resumed := newIdle(t, Options{Resume: ckpt, Dir: dir})
			ended(t, resumed, nil) // the checkpoint's events and episodes
		})
	}
	t.Run("trainer", func(t *testing.T) {
		dir := t.TempDir()
		log := filepath.Join(dir, "run.csv")
		s := newIdle(t, Options{Config: cfg, Seed: 1, Epochs: 20, Dir: dir, LogPath: log})
		for s.state != Done {
			s.trainEpoch()
		}
		s.tl.episodes.active[AtNoiseFloor] = true
		s.publish()
		ended(t, s, s.findings())
		s.publish()
		ended(t, s, s.findings()) // once
		s.Stop()
		endedInLog(t, log)
	})
	t.Run("at the floor", func(t *testing.T) {
		s := newIdle(t, Options{Config: cfg, Seed: 1, Epochs: 20, Dir: t.TempDir()})
		for s.state != Done {
			s.trainEpoch()
		}
		s.tl.episodes.active[AtNoiseFloor] = true
		e := Eval{Epoch: 20, Metrics: engine.Metrics{N: 10000, KS: 0.01}, KSFloor: engine.KSNoiseFloor(10000)}
		s.settleFloor(&e, []Finding{{Kind: AtNoiseFloor}})
		if !s.tl.episodes.active[AtNoiseFloor] || slices.ContainsFunc(s.tl.events, func(e Event) bool { return e.Kind == EventNoiseFloorEnded }) {
			t.Error("a final evaluation at its noise floor ended the episode")
		}
	})
}

// TestAKillDuringTheFinalEvaluationFindsTheFilesWritten: a done run
// whose noise-floor episode is open writes its --log and --save before
// its final evaluation, as every run does, so that a kill while that
// evaluation takes minutes (a wide design's, SIGKILL) finds them whole:
// the log to its last row, the checkpoint at the run's end. The
// evaluation's noise-floor-ended is then written into both again, each
// replaced whole, the log's rows before its last as they were. What a
// kill would leave is what is on disk as the final evaluation begins,
// read there through evaluateUntil. A log changed on disk meanwhile is
// left as it is, and said.
func TestAKillDuringTheFinalEvaluationFindsTheFilesWritten(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	// run runs 20 epochs of vanilla with the episode open, calling
	// atFinal with the files' paths as its final evaluation begins.
	run := func(t *testing.T, dir string, atFinal func(log, ckpt string)) (string, string, error) {
		t.Helper()
		log, ckpt := filepath.Join(dir, "run.csv"), filepath.Join(dir, "run.ckpt")
		defer func(f func(*engine.GAN, int, engine.HistSpec, <-chan struct{}) (engine.Metrics, bool)) {
			evaluateUntil = f
		}(evaluateUntil)
		evaluateUntil = func(g *engine.GAN, n int, h engine.HistSpec, stop <-chan struct{}) (engine.Metrics, bool) {
			atFinal(log, ckpt) // Every 0: the final evaluation is the run's only one
			return g.EvaluateUntil(n, h, stop)
		}
		s, err := New(Options{Config: cfg, Seed: 1, Epochs: 20, LogPath: log, SavePath: ckpt})
		if err != nil {
			t.Fatal(err)
		}
		s.tl.episodes.active = map[FindingKind]bool{AtNoiseFloor: true}
		_, err = s.Run(context.Background(), nil)
		return log, ckpt, err
	}
	const ended = "noise-floor-ended"
	t.Run("killed", func(t *testing.T) {
		dir, killed := t.TempDir(), t.TempDir()
		var atKill []string // the files a kill would leave
		log, ckpt, err := run(t, dir, func(log, ckpt string) {
			for _, f := range []string{log, ckpt} {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatalf("as the final evaluation begins, a kill would leave no %s: %v", filepath.Base(f), err)
				}
				kept := filepath.Join(killed, filepath.Base(f))
				if err := os.WriteFile(kept, b, 0o600); err != nil {
					t.Fatal(err)
				}
				atKill = append(atKill, kept)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(atKill) != 2 {
			t.Fatal("the final evaluation was not made")
		}
		killedLog, err := os.ReadFile(atKill[0])
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.SplitAfter(string(killedLog), "\n")
		if len(rows) != 22 || rows[21] != "" || !strings.HasPrefix(rows[20], "20,") || strings.Contains(string(killedLog), ended) {
			t.Errorf("a kill in the final evaluation leaves a log of %d lines ending %q, want its header and epochs 1-20, whole, without %s", len(rows)-1, rows[len(rows)-1], ended)
		}
		resumed := newIdle(t, Options{Resume: atKill[1], Dir: killed})
		if resumed.gan.Epoch() != 20 || !resumed.tl.episodes.active[AtNoiseFloor] || slices.ContainsFunc(resumed.tl.events, func(e Event) bool { return e.Kind == EventNoiseFloorEnded }) {
			t.Errorf("a kill in the final evaluation leaves a checkpoint at epoch %d, its episode open %v, want epoch 20's, open, without %s", resumed.gan.Epoch(), resumed.tl.episodes.active[AtNoiseFloor], ended)
		}
		// Written again with the event: the log's rows before its last as
		// they were, the checkpoint's events holding it.
		b, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		before := strings.Join(rows[:20], "")
		if !strings.HasPrefix(string(b), before) || !strings.Contains(string(b)[len(before):], ","+ended+",") {
			t.Errorf("the log after the final evaluation is\n%s\nwant the rows a kill would leave, but for epoch 20's, which has %s", b, ended)
		}
		resumed = newIdle(t, Options{Resume: ckpt, Dir: dir})
		if resumed.tl.episodes.active[AtNoiseFloor] || !slices.ContainsFunc(resumed.tl.events, func(e Event) bool { return e.Kind == EventNoiseFloorEnded }) {
			t.Errorf("the checkpoint after the final evaluation has its episode open, or no %s", ended)
		}
	})
	t.Run("log changed", func(t *testing.T) {
		const added = "21,an edit\n"
		log, _, err := run(t, t.TempDir(), func(log, _ string) {
			f, err := os.OpenFile(log, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteString(added); err != nil {
				t.Fatal(err)
			}
		})
		const want = "run.csv changed after the run wrote it, so it is left without the event its final evaluation added to its last row, epoch 20's (noise-floor-ended)"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("a log changed during the final evaluation: the error is %v, want …%s…", err, want)
		}
		if b, _ := os.ReadFile(log); !strings.HasSuffix(string(b), "\n"+added) || strings.Contains(string(b), ended) {
			t.Errorf("a log changed during the final evaluation is now\n%s\nwant it left as changed", b)
		}
	})
}

// TestEventsComeAtThePlansChecks: the checks follow the plan (checkEvery),
// so the same training planned for another --epochs has its events at
// other epochs, the checks' that first see them, as docs/diagnosis.md
// says of bimodal (seed 4): mode-covered at 220, 250 and 300 under plans
// of 2,000, 5,000 and 10,000 epochs, checked every 20, 50 and 100, its
// numbers at epoch 220 the same in each.
func TestEventsComeAtThePlansChecks(t *testing.T) {
	if isa := engine.KernelISA(); isa != "go" {
		t.Skipf("docs/diagnosis.md gives the portable kernels' epochs, this build trains with %s", isa)
	}
	var first engine.EpochStats
	for plan, want := range map[int]int{2000: 220, 5000: 250, 10000: 300} {
		s := idleAt(t, "bimodal", Options{Seed: 4, Epochs: plan, Dir: t.TempDir()}, 220)
		if first.Epoch == 0 {
			first = s.last
		} else if s.last != first {
			t.Errorf("planned for %d epochs, epoch 220 trained %+v, another plan %+v", plan, s.last, first)
		}
		covered := func() int {
			for _, e := range s.tl.events {
				if e.Kind == EventModeCovered {
					return e.Epoch
				}
			}
			return 0
		}
		for covered() == 0 && s.gan.Epoch() < 400 {
			s.trainEpoch()
		}
		if got := covered(); got != want {
			t.Errorf("planned for %d epochs (checked every %d), mode-covered at epoch %d, want %d", plan, checkEvery(plan), got, want)
		}
	}
}
