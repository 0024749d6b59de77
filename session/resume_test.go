package session

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// csvTail is s's per-epoch history as Export writes it, the rows after
// epoch from.
func csvTail(t *testing.T, s *Session, from int) string {
	t.Helper()
	var b bytes.Buffer
	if err := s.log.writeCSV(&b, &s.evlog, layoutOf(s.gan)); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, row := range strings.Split(strings.TrimSpace(b.String()), "\n")[1:] {
		epoch, _, _ := strings.Cut(row, ",")
		if e, err := strconv.Atoi(epoch); err != nil || e > from {
			rows = append(rows, row)
		}
	}
	return strings.Join(rows, "\n")
}

// shown is the snapshot s publishes now, evaluated as a screen gets it.
func shown(s *Session) Snapshot {
	s.publish()
	return <-s.snaps
}

// sameBaseline fails t unless the screens of r and s show the same
// baseline: its curves, seed and epoch, the evaluation its outline or
// points and vs base are drawn from, and the live measures vs base sets
// against it. Without one in s, r must have none either.
func sameBaseline(t *testing.T, when string, s, r *Session) {
	t.Helper()
	if s.baseline == nil {
		if r.baseline != nil {
			t.Errorf("%s: baseline %s, straight none", when, baselineText(r.baseline))
		}
		return
	}
	a, b := shown(s), shown(r)
	if !reflect.DeepEqual(a.Baseline, b.Baseline) {
		t.Errorf("%s: baseline %s, straight %s", when, baselineText(b.Baseline), baselineText(a.Baseline))
	}
	if !reflect.DeepEqual(a.Eval.Metrics, b.Eval.Metrics) {
		t.Errorf("%s: measures KS %v W1 %v, straight KS %v W1 %v", when, b.Eval.Metrics.KS, b.Eval.Metrics.W1, a.Eval.Metrics.KS, a.Eval.Metrics.W1)
	}
}

// baselineText describes b for a test's failure.
func baselineText(b *Baseline) string {
	if b == nil {
		return "none"
	}
	m := &b.Eval.Metrics
	return fmt.Sprintf("seed %d epoch %d, %d points from %d, %d samples (%d kept), KS %v W1 %v, %d bins, plane %v, %d points drawn",
		b.Seed, b.Epoch, len(b.History), b.From, m.N, len(b.sample), m.KS, m.W1, len(m.Hist.Counts), m.Plane, len(b.Eval.Points)/2)
}

// sameReplay steps s and r through their keyframes as a user would: ,
// back to the first and . forward to live, then < from event to event
// back to the first and > to live again. It fails t where a step shows another
// screen in r than in s: the snapshot published, but for what is no part
// of a replay and differs by how the run got there (its count of runs,
// the epoch u would roll back to, whether e has epochs to export: a
// resumed run's begin at the resume). Both start and end live: the frame
// shown is the screen's, no part of a checkpoint.
func sameReplay(t *testing.T, when string, s, r *Session) {
	t.Helper()
	s.replay, r.replay = -1, -1
	steps := 0
	step := func(c Replay) bool {
		t.Helper()
		c.apply(s)
		c.apply(r)
		a, b := shown(s), shown(r)
		a.Run, b.Run, a.Rollback, b.Rollback = 0, 0, 0, 0
		a.Exportable, b.Exportable = false, false
		a.Start.Speed, b.Start.Speed = 0, 0 // the pace each trainer started at, the resumed one's the checkpoint's
		if steps++; !reflect.DeepEqual(a, b) {
			t.Errorf("%s, step %d (%+v): replay frame %d of %d at epoch %d, note %q; straight frame %d of %d at epoch %d, note %q",
				when, steps, c, b.ReplayIndex, b.Frames, frameEpoch(b), b.Note, a.ReplayIndex, a.Frames, frameEpoch(a), a.Note)
			s.replay, r.replay = -1, -1
			return false
		}
		return true
	}
	for i := 0; i <= len(s.tl.keyframes) && step(Replay{Dir: -1}) && s.replay > 0; i++ {
	}
	for i := 0; i <= len(s.tl.keyframes) && step(Replay{Dir: +1}) && s.replay >= 0; i++ {
	}
	for _, dir := range []int{-1, +1} {
		for i := 0; i <= len(s.tl.keyframes) && step(Replay{Dir: dir, Jump: true}) && s.replay >= 0 && !strings.HasPrefix(s.note, "no earlier event"); i++ {
		}
	}
	s.replay, r.replay = -1, -1
}

// frameEpoch is the epoch of the keyframe a snapshot replays, or -1 live.
func frameEpoch(s Snapshot) int {
	if s.Replay == nil {
		return -1
	}
	return s.Replay.Epoch
}

// resumesAsStraight saves s as w does, resumes the checkpoint in a new
// session (extra's options beside the checkpoint, without --speed) and
// trains n epochs in both, failing t where the resumed run differs from s
// going on uninterrupted: at the resume its events, settings (the pace
// among them), baseline and command to run again (but for the design file
// a resumed preset file's run writes), and after the n epochs its history
// as Export writes it, its record and its model; at the resume and after
// the n epochs, its replay, frame by frame and event by event
// (sameReplay).
func resumesAsStraight(t *testing.T, s *Session, extra Options, n int) {
	t.Helper()
	path := saved(t, s)
	at := s.gan.Epoch()
	extra.Resume, extra.Dir, extra.Watch = path, s.opts.Dir, true
	r := newIdle(t, extra)
	if s.pastPlan { // done at the resume: continued past its plan, as the run was
		r.pastPlan = true
		r.setState(s.state)
	}
	if r.gan.Epoch() != at {
		t.Fatalf("resumed at %d, saved at %d", r.gan.Epoch(), at)
	}
	if a, b := recorded(s.Picture()), recorded(r.Picture()); !reflect.DeepEqual(a, b) {
		t.Errorf("record at the resume: events %v, %d history points; before saving: events %v, %d points", b.Events, len(b.History), a.Events, len(a.History))
	}
	if a, b := s.settings(s.gan.Config()), r.settings(r.gan.Config()); a != b {
		t.Errorf("settings at the resume %+v, before saving %+v", b, a)
	}
	// The design file c wrote, which s's command loads while it holds the
	// design (Again), is no part of a checkpoint: the resumed run's
	// command names the preset, as s's would without it.
	shared := s.shared
	s.shared = sharedDesign{}
	a, b := s.Again(), r.Again()
	s.shared = shared
	if a.Caveat != b.Caveat || a.DesignFile == "" && b.DesignFile == "" && a != b {
		t.Errorf("again at the resume %+v, before saving %+v", b, a)
	}
	sameBaseline(t, "at the resume", s, r)
	sameReplay(t, "at the resume", s, r)
	for range n {
		s.trainEpoch()
		r.trainEpoch()
	}
	if a, b := csvTail(t, s, at), csvTail(t, r, at); a != b {
		t.Errorf("resumed history differs from the uninterrupted run's:\n%s\nstraight:\n%s", b, a)
	}
	if a, b := recorded(s.Picture()), recorded(r.Picture()); !reflect.DeepEqual(a, b) {
		t.Errorf("resumed record differs: events %v, straight %v", b.Events, a.Events)
	}
	if !bytes.Equal(marshal(t, s.gan), marshal(t, r.gan)) {
		t.Errorf("resumed model differs from the uninterrupted run's")
	}
	sameReplay(t, fmt.Sprintf("%d epochs after the resume", n), s, r)
}

// TestResumeAfterSingleSteps: a checkpoint saved after single D and G
// updates between epochs (d, g) resumes with the same next epochs.
func TestResumeAfterSingleSteps(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir(), Epochs: 1000}, 30) // three keyframes, checked every 10 epochs
	Step{Kind: StepD}.apply(s)
	Step{Kind: StepG}.apply(s)
	Step{Kind: StepD}.apply(s)
	resumesAsStraight(t, s, Options{}, 200)
}

// TestResumePastTheBounds: a run continued far past its plan, its
// evaluations (evalPoints) and keyframes (maxKeyframes) thinned at each
// check, resumes thinning them as it would have without stopping, the
// figure's evaluations and the replay the same.
func TestResumePastTheBounds(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Epochs: 100, Dir: t.TempDir()}) // checked every 10 epochs
	s.pastPlan = true
	for s.gan.Epoch() < 10*(evalPoints+20) {
		s.trainEpoch()
	}
	if n, first := s.evals.Len(), s.evals.pts[0].Epoch; n != evalPoints || first != 10 || len(s.tl.keyframes) != maxKeyframes {
		t.Fatalf("%d evaluations from epoch %d, %d keyframes: want %d from 10, %d", n, first, len(s.tl.keyframes), evalPoints, maxKeyframes)
	}
	resumesAsStraight(t, s, Options{}, 300)
}

// TestResumeAfterRollback: a checkpoint saved after u rolled back a
// runaway, the learning rates lowered, resumes as the run goes on, its
// events (the roll-back, the settings it kept) and caveat the same.
func TestResumeAfterRollback(t *testing.T) {
	s := newRunaway(t)
	s.opts.Dir = t.TempDir()
	for s.state != Diverged {
		s.trainEpoch()
		if s.gan.Epoch()%50 == 0 {
			keepNow(s)
		}
	}
	Rollback{}.apply(s)
	for range 12 {
		Adjust{DLR, -1}.apply(s)
		Adjust{GLR, -1}.apply(s)
	}
	resumesAsStraight(t, s, Options{Samples: 500}, 200)
}

// TestResumeAfterPinRetuneReseedRerun: with a baseline pinned and a pace set,
// after a retune, a reseed and a rerun, each checkpoint resumes as the run goes
// on, its baseline and pace as they were: the resumed run has its baseline's
// curves, outline and vs base and its pace, not the plan's watching pace.
func TestResumeAfterPinRetuneReseedRerun(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir()}, 100)
	Pin{}.apply(s)
	Adjust{Speed, -1}.apply(s)
	Adjust{Speed, -1}.apply(s)
	if s.baseline == nil || s.speed != 50_000 {
		t.Fatalf("baseline %v, pace %v: the test needs a baseline and a pace of 50,000/s", s.baseline, s.speed)
	}
	Adjust{DLR, +1}.apply(s)
	Adjust{DSteps, +1}.apply(s)
	for range 50 {
		s.trainEpoch()
	}
	resumesAsStraight(t, s, Options{}, 100)
	Reseed{}.apply(s)
	for range 50 {
		s.trainEpoch()
	}
	resumesAsStraight(t, s, Options{}, 100)
	Restart{}.apply(s)
	for range 50 {
		s.trainEpoch()
	}
	resumesAsStraight(t, s, Options{}, 100)
}

// TestResumeOnPlanes: a ring run with a baseline pinned, and a
// points(FILE.csv) run whose file is gone by the resume, resume as they
// go on.
func TestResumeOnPlanes(t *testing.T) {
	// Checked every 10 epochs: three keyframes of the plane by the pin.
	s := idleAt(t, "ring", Options{Seed: 2, Dir: t.TempDir(), Samples: 500, Epochs: 1000}, 30)
	Pin{}.apply(s) // its points, modes and SW1 come back too
	for range 10 {
		s.trainEpoch()
	}
	resumesAsStraight(t, s, Options{Samples: 500}, 20)

	dir := t.TempDir()
	file := filepath.Join(dir, "pts.csv")
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "%d,%d\n", i%5, i/5)
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Target = "points(" + file + ")"
	p := newIdle(t, Options{Config: cfg, Seed: 1, Dir: dir, Samples: 500, Epochs: 1000})
	for range 30 {
		p.trainEpoch()
	}
	Step{Kind: StepD}.apply(p)
	if err := os.Remove(file); err != nil { // the checkpoint holds the points
		t.Fatal(err)
	}
	resumesAsStraight(t, p, Options{Samples: 500}, 20)
}

// TestResumePresetFileAndNewPlan: a run of a preset file with --samples,
// and a run given a plan of its own, resume as they go on.
func TestResumePresetFileAndNewPlan(t *testing.T) {
	dir := t.TempDir()
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Name, cfg.Epochs = "mine", 300
	file := filepath.Join(dir, "mine.json")
	if err := os.WriteFile(file, presets.Marshal(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg, err = presets.Load(file); err != nil {
		t.Fatal(err)
	}
	s := newIdle(t, Options{Config: cfg, Seed: 4, Dir: dir, PresetFile: file, Preset: file, Samples: 700})
	for range 120 {
		s.trainEpoch()
	}
	Step{Kind: StepG}.apply(s)
	resumesAsStraight(t, s, Options{Samples: 700}, 100)
	// A new plan on resume, which the run had too.
	s2 := newIdle(t, Options{Config: cfg, Seed: 4, Dir: t.TempDir(), Epochs: 1000})
	for range 120 {
		s2.trainEpoch()
	}
	resumesAsStraight(t, s2, Options{Epochs: 1000}, 300)
}

// TestResumeSpeedGiven: --speed on the resume wins over the pace the run
// was saved at, full speed as well as a rate; the baseline comes back
// all the same.
func TestResumeSpeedGiven(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir(), Epochs: 400}, 20)
	Pin{}.apply(s)
	Adjust{Speed, -1}.apply(s)
	path := saved(t, s)
	if r := newIdle(t, Options{Resume: path, Watch: true}); r.speed != MaxSpeed || r.baseline == nil {
		t.Errorf("resumed without --speed: pace %v, baseline %v; want the run's %v", r.speed, r.baseline, MaxSpeed)
	}
	for _, speed := range []float64{20, 0} {
		if r := newIdle(t, Options{Resume: path, Speed: speed}); r.speed != speed || r.baseline == nil {
			t.Errorf("resumed with --speed %s: pace %v, baseline %v", SpeedText(speed), r.speed, r.baseline)
		}
	}
}

// TestHeadlessSaveKeepsTheReplay: a run saved headless (--save) keeps keyframes
// on the trainer's schedule, so a resume in the trainer replays the run from
// its start whichever front end trained it: saved at 200 by the trainer or
// headless, resumed headless to 400 and saved again, its record holds the very
// frames of the run trained straight to 400 in the trainer. A headless resume
// adds frames to those it inherits, so that the trainer's replay never steps
// from its new frames back to frames from before the headless stretch.
func TestHeadlessSaveKeepsTheReplay(t *testing.T) {
	dir := t.TempDir()
	cfg := presetConfig(t, "bimodal")
	cfg.Epochs = 400
	straight := newIdle(t, Options{Config: cfg, Seed: 1, Dir: dir})
	for straight.gan.Epoch() < 200 {
		straight.trainEpoch()
	}
	fromTrainer := saved(t, straight)
	for straight.gan.Epoch() < 400 {
		straight.trainEpoch()
	}
	fromHeadless := filepath.Join(dir, "headless.ckpt")
	runToEnd(t, Options{Config: cfg, Seed: 1, Epochs: 200, SavePath: fromHeadless})
	for _, first := range []string{fromTrainer, fromHeadless} {
		again := first + "-400.ckpt"
		runToEnd(t, Options{Resume: first, Epochs: 400, SavePath: again})
		r := newIdle(t, Options{Resume: again, Dir: dir})
		if err := r.Unrecorded(); err != nil {
			t.Fatal(err)
		}
		if len(straight.tl.keyframes) != 40 || !reflect.DeepEqual(r.tl.keyframes, straight.tl.keyframes) {
			t.Errorf("saved at 200 (%s), resumed headless and saved at 400: %d keyframes; the trainer's run %d, the same %v", filepath.Base(first), len(r.tl.keyframes), len(straight.tl.keyframes), reflect.DeepEqual(r.tl.keyframes, straight.tl.keyframes))
		}
	}
}

// TestHandUpdatesAreEvents: updates made by hand (d, g) are events, as a
// setting's change is: the presses of one player between two epochs, one after
// the other, make one event ("3 D updates by hand"), which the note gives with
// its epoch; a G update between them starts another, so the events keep the
// updates' order, and the note counts each player's updates since the epoch ("4
// D updates and one G update by hand"). The CSV export and the checkpoint keep
// them, the resumed run has them, and < to one names them, so that a run with
// updates by hand does not read as a plain run of its seed.
func TestHandUpdatesAreEvents(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir(), Epochs: 1000}, 25)
	for range 3 {
		Step{Kind: StepD}.apply(s)
	}
	if !strings.HasPrefix(numtext.Plain(s.note), "3 D updates by hand at epoch 25: D real ") {
		t.Errorf("note after three d: %q", s.note)
	}
	Step{Kind: StepG}.apply(s)
	Step{Kind: StepD}.apply(s)
	// The note counts every update since the epoch, not the last event's alone
	// ("one D update by hand at epoch 25").
	if want := "4 D updates and one G update by hand at epoch 25, the latest a D update: D real "; !strings.HasPrefix(numtext.Plain(s.note), want) {
		t.Errorf("note after d d d g d: %q, want it to begin %q", s.note, want)
	}
	s.trainEpoch()
	Step{Kind: StepG}.apply(s)
	Step{Kind: StepG}.apply(s)
	if want := "2 G updates by hand at epoch 26: G "; !strings.HasPrefix(numtext.Plain(s.note), want) {
		t.Errorf("note after an epoch, then g g: %q, want it to begin %q", s.note, want)
	}
	want := []string{"25 hand-update 3 D updates by hand", "25 hand-update one G update by hand", "25 hand-update one D update by hand", "26 hand-update 2 G updates by hand"}
	events := func(s *Session) []string {
		var got []string
		for _, e := range s.tl.events {
			if e.Kind == EventHandUpdate {
				got = append(got, fmt.Sprintf("%d %s %s", e.Epoch, e.Kind, numtext.Plain(e.Detail)))
			}
		}
		return got
	}
	if got := events(s); !reflect.DeepEqual(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
	csv := csvTail(t, s, -1)
	for _, row := range []string{"3 D updates by hand", "one G update by hand", "2 G updates by hand"} {
		if !strings.Contains(csv, row) {
			t.Errorf("the CSV export lacks %q:\n%s", row, csv)
		}
	}
	if a := s.Again(); !strings.Contains(a.Caveat, "trained D alone") {
		t.Errorf("again %+v: the run is no plain run of its seed", a)
	}
	r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir, Watch: true})
	if got := events(r); !reflect.DeepEqual(got, want) {
		t.Errorf("resumed: events %q, want %q", got, want)
	}
	if a, b := s.Again(), r.Again(); a.Caveat != b.Caveat {
		t.Errorf("resumed caveat %q, before saving %q", b.Caveat, a.Caveat)
	}
	Step{Kind: StepG}.apply(r) // presses after the resume go on counting
	if got := events(r); len(got) != 4 || got[3] != "26 hand-update 3 G updates by hand" {
		t.Errorf("a third g after the resume: events %q", got)
	}
	for r.gan.Epoch() < 40 {
		r.trainEpoch()
	}
	Replay{Dir: -1, Jump: true}.apply(r) // < names what was done there, as it does a setting's change, at each epoch of its frame
	if !strings.HasPrefix(numtext.Plain(PlainNote(r.note)), "◆ hand-update at epoch 25 (3 D updates by hand; one G update by hand; one D update by hand); hand-update at epoch 26 (3 G updates by hand): ") {
		t.Errorf("< to the event: note %q", r.note)
	}
}
