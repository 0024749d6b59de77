package session

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/presets"
)

// recorded is what a run's record must carry across a resume: the charts'
// history, the evaluations and the events, with the epoch they start after.
func recorded(p Picture) Picture {
	return Picture{History: p.History, Stride: p.Stride, From: p.From, Evals: p.Evals, Events: p.Events, Earlier: p.Earlier}
}

// TestResumedRunKeepsItsRecord: a run saved with --save at epoch 600 and
// resumed to 1,000 has the charts, evaluations and events of the run
// trained straight to 1,000: D's winning streak, started at 450, is not
// reported again after the resume and ends at 920 as it does straight.
// Saved at 440, between the check that first sees D win and the one
// that confirms it (confirmChecks), the resumed run reports the streak
// at 450 as the straight run does, not at 460, a check late.
// A checkpoint without a record (SaveCheckpoint) resumes with its history
// beginning at the resume and reports the streak as new. The grid's
// modes, which its clump takes and drops as it wanders, are followed
// across a resume as well, each event with its mode's place (Event.Mode,
// read back from its detail): mode 19, covered at epoch 150, is dropped at
// 160, and mode 8, dropped at 110, is recovered at 240, not covered anew.
func TestResumedRunKeepsItsRecord(t *testing.T) {
	dir := t.TempDir()
	run := func(opts Options) *Session {
		t.Helper()
		opts.Every, opts.Samples = 100, 2000
		s, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Unrecorded(); err != nil && !strings.Contains(opts.Resume, "bare") {
			t.Fatal(err)
		}
		if _, err := s.Run(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		return s
	}
	kinds := func(p Picture) (out []string) {
		for _, e := range p.Events {
			out = append(out, e.Kind.String()+"@"+numtext.FormatInt(e.Epoch))
		}
		return out
	}
	straights := map[string]Picture{} // each preset's run trained straight to its total
	for _, c := range []struct {
		preset      string
		save, total int
	}{{"vanilla", 600, 1000}, {"vanilla", 440, 1000}, {"grid", 150, 300}} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Epochs = c.total
		straight, ok := straights[c.preset]
		if !ok { // vanilla's two cases resume the same straight run
			straight = recorded(run(Options{Config: cfg, Seed: 1}).Picture())
			straights[c.preset] = straight
		}
		ckpt := filepath.Join(dir, fmt.Sprintf("%s-%d.ckpt", c.preset, c.save))
		first := run(Options{Config: cfg, Seed: 1, Epochs: c.save, SavePath: ckpt})
		resumed := recorded(run(Options{Resume: ckpt, Epochs: c.total}).Picture())
		if c.preset == "vanilla" {
			if got := kinds(straight); !reflect.DeepEqual(got, []string{"d-wins@450", "d-wins-ended@920"}) {
				t.Fatalf("the straight run's events %v: the test needs D's streak across epoch 600", got)
			}
		} else if got := kinds(straight); !slices.Contains(got, "mode-covered@150") || !slices.Contains(got, "mode-dropped@160") || !slices.Contains(got, "mode-recovered@240") {
			t.Fatalf("the grid's events %v: the test needs modes taken before epoch %d and dropped or recovered after it", got, c.save)
		}
		if !reflect.DeepEqual(resumed, straight) {
			t.Errorf("%s resumed: events %v, %d history points from %d, %d evaluations; straight: events %v, %d points from %d, %d evaluations", c.preset,
				kinds(resumed), len(resumed.History), resumed.From, len(resumed.Evals), kinds(straight), len(straight.History), straight.From, len(straight.Evals))
		}
		if c.save != 600 {
			continue
		}
		// Without a record the resumed run knows nothing before epoch 600,
		// and reports D's streak anew once it holds at two checks past the
		// warm-up (confirmChecks).
		bare := filepath.Join(dir, "bare.ckpt")
		if err := SaveCheckpoint(first.gan, bare); err != nil {
			t.Fatal(err)
		}
		r := run(Options{Resume: bare, Epochs: 1000})
		if err := r.Unrecorded(); err == nil || !strings.Contains(err.Error(), "holds no history of the run (an older ganui wrote it)") {
			t.Errorf("resumed without a record: Unrecorded %v", err)
		}
		p := r.Picture()
		if p.From != 600 || p.History[0].Epoch <= 600 || slices.Contains(kinds(p), "d-wins@450") || !slices.Contains(kinds(p), "d-wins@710") {
			t.Errorf("resumed without a record: from %d, first point %d, events %v", p.From, p.History[0].Epoch, kinds(p))
		}
	}
}

// TestAgainAcrossAResume: a run resumed from its own save knows whether it
// changed a setting before the checkpoint, so its command to run again
// says so exactly, without the caveat of a checkpoint that cannot tell.
func TestAgainAcrossAResume(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	resume := func() Again {
		t.Helper()
		return newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir}).Again()
	}
	if a := resume(); a.Caveat != "" {
		t.Errorf("a resumed run that changed nothing: caveat %q", a.Caveat)
	}
	Adjust{GLR, +1}.apply(s)
	s.trainEpoch()
	if a := resume(); !strings.HasSuffix(a.Caveat, "this run changed G lr, after epoch 1") {
		t.Errorf("a resumed run that changed g_lr at epoch 1: caveat %q", a.Caveat)
	}
}

// TestDamagedRecordStillResumes: a record the session cannot take (its
// checksum sound, its contents not) leaves the run resumed bit-identically
// with its history beginning at the resume, and says why, in the note and
// in Unrecorded.
func TestDamagedRecordStillResumes(t *testing.T) {
	s := newIdleBlog(t)
	for range 20 {
		s.trainEpoch()
	}
	rec := s.runRecord()
	rec[len(rec)-len(engine.KernelISA())-tailBytes-len(s.evals.pts)-4-1-8-8-9*8-1] ^= 0xff // the starting g_steps (before last, samples, pace, no baseline, no keyframes, the tail with the evaluations' modes and the kernels' name), past MaxInt32
	ckpt := filepath.Join(t.TempDir(), "run.ckpt")
	if err := saveCheckpoint(s.gan, rec, ckpt); err != nil {
		t.Fatal(err)
	}
	r := newIdle(t, Options{Resume: ckpt})
	if r.Unrecorded() == nil || !strings.Contains(r.note, "its history could not be read") || r.from != 20 || r.gan.Epoch() != 20 {
		t.Fatalf("unrecorded %v, note %q, from %d", r.Unrecorded(), r.note, r.from)
	}
	if !bytes.Equal(marshal(t, r.gan), marshal(t, s.gan)) {
		t.Fatal("the run did not resume as saved")
	}
}

// TestNewerRecordNamesItsFormat: a checkpoint whose record is of a format past
// this ganui's (a later ganui that changed the record alone) resumes without
// it, saying so in the words the engine uses of a checkpoint's format, not "a
// record of version 11, this ganui reads versions 1 to 10", which reads as a
// version of ganui.
func TestNewerRecordNamesItsFormat(t *testing.T) {
	s := newIdleBlog(t)
	for range 5 {
		s.trainEpoch()
	}
	rec := s.runRecord()
	binary.LittleEndian.PutUint32(rec[len(recordMagic):], recordVersion+1)
	ckpt := filepath.Join(t.TempDir(), "run.ckpt")
	if err := saveCheckpoint(s.gan, rec, ckpt); err != nil {
		t.Fatal(err)
	}
	r := newIdle(t, Options{Resume: ckpt})
	want := fmt.Sprintf("the run's history could not be read (record format %d; this ganui reads formats 1 to %d)", recordVersion+1, recordVersion)
	if err := r.Unrecorded(); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a record of a later format: %v, want %q", err, want)
	}
}

// FuzzReadRecord: no record makes readRecord panic, and one it takes is
// one the session writes back byte for byte.
func FuzzReadRecord(f *testing.F) {
	seed := func(s *Session) {
		f.Helper()
		b := s.runRecord()
		if _, err := readRecord(b, s.gan.Epoch()); err != nil {
			f.Fatalf("the run's own record at epoch %d: %v", s.gan.Epoch(), err)
		}
		f.Add(b, s.gan.Epoch())
	}
	s := newIdle(f, Options{Config: blogConfig(f, 300), Seed: 1, Samples: 1000, Dir: f.TempDir()})
	seed(s)
	for range 200 { // checked every 10 epochs: 20 keyframes of a line
		s.trainEpoch()
	}
	Adjust{DLR, -1}.apply(s)
	Step{Kind: StepD}.apply(s) // losses by hand
	seed(s)
	Pin{}.apply(s) // a baseline of one dimension, its sample kept
	Adjust{Speed, -1}.apply(s)
	s.trainEpoch()
	seed(s)
	ring := newIdle(f, Options{Config: presetConfig(f, "ring"), Seed: 1, Dir: f.TempDir(), Epochs: 1000})
	for range 10 { // a keyframe of a plane, its points, D's surface and push
		ring.trainEpoch()
	}
	Pin{}.apply(ring) // a plane's: its modes and points
	seed(ring)
	mine := presetConfig(f, "vanilla")
	mine.Name = "mine"
	named := newIdle(f, Options{Config: presetConfig(f, "vanilla"), Preset: "mine.json", Base: &mine, Seed: 1, Dir: f.TempDir()})
	named.trainEpoch()
	seed(named) // a preset and its design as read
	if len(s.tl.keyframes) != 20 || len(ring.tl.keyframes) != 1 {
		f.Fatalf("%d and %d keyframes: the seeds need keyframes of a line and of a plane", len(s.tl.keyframes), len(ring.tl.keyframes))
	}
	f.Add([]byte(recordMagic), 5)
	f.Fuzz(func(t *testing.T, b []byte, epoch int) {
		if epoch < 0 || epoch > 1<<40 {
			return
		}
		rec, err := readRecord(b, epoch)
		if err != nil {
			return
		}
		r := &Session{hist: rec.hist, evals: rec.evals, from: rec.from, planned: rec.planned, watch: rec.watch, offPlan: rec.offPlan, offWhat: rec.offWhat, startSettings: rec.start, last: rec.last}
		r.tl.events, r.tl.dropped, r.tl.episodes = rec.events, rec.dropped, rec.episodes
		r.opts.Samples, r.speed, r.baseline, r.tl.keyframes = rec.samples, rec.pace, rec.baseline, rec.keyframes
		r.opts.Preset, r.opts.Base = rec.preset, rec.base
		r.hand = rec.hand
		if rec.version < recordVersion || rec.kernels != engine.KernelISA() {
			return // an earlier version's, or other kernels', which the session writes as its own
		}
		if again := r.runRecord(); !bytes.Equal(again, b) {
			t.Fatalf("a record taken does not write back to its bytes:\n%x\n%x", b, again)
		}
	})
}

// TestRecordRefusesNonFinite: a record holding a value that is not finite is
// refused, whichever value it is; the session records none (such a value
// diverges the run, and a diverged run is not saved). A NaN in the watch's
// averages, taken, would have the resumed run report D's losses at their
// equilibrium ("D real NaN, D fake NaN") at its next check.
func TestRecordRefusesNonFinite(t *testing.T) {
	s := newIdleBlog(t)
	for range 20 {
		s.trainEpoch()
	}
	s.check()
	if _, err := readRecord(s.runRecord(), s.gan.Epoch()); err != nil {
		t.Fatalf("the run's own record: %v", err)
	}
	for _, c := range []struct {
		what string
		v    *float64
	}{
		{"a history point", &s.hist.pts[0].DReal},
		{"an evaluation", &s.evals.pts[0].W1},
		{"the watch", &s.watch.dReal},
		{"the starting settings", &s.startSettings.GLR},
		{"the last epoch", &s.last.G},
	} {
		old := *c.v
		for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
			*c.v = v
			if _, err := readRecord(s.runRecord(), s.gan.Epoch()); err == nil || !strings.Contains(err.Error(), "not a finite number") {
				t.Errorf("%s of %v: %v", c.what, v, err)
			}
		}
		*c.v = old
	}
}

// TestRecordRefusesHugeNumbers: a record holding a number beyond maxRecorded in
// magnitude is refused, wherever it is: no run records one, and a forged
// record's 1e308, taken, would hang the trainer on replay (the Q-Q view's axis
// from -1e308 to 1e308 spans +Inf, and its search for a round step below that
// never ends) or panic it (the quality sparkline between those ends indexes its
// bars with NaN).
func TestRecordRefusesHugeNumbers(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Samples: 1000, Dir: t.TempDir()}, 200)
	Pin{}.apply(s)
	for range 30 {
		s.trainEpoch()
	}
	if _, err := readRecord(s.runRecord(), s.gan.Epoch()); err != nil {
		t.Fatalf("the run's own record: %v", err)
	}
	k := &s.tl.keyframes[len(s.tl.keyframes)-1]
	if len(s.evals.pts) == 0 || len(k.Metrics.QQ) == 0 || s.baseline == nil || len(s.baseline.History) == 0 {
		t.Fatal("the test needs evaluations, a keyframe's quantiles and a baseline's history")
	}
	for _, c := range []struct {
		what string
		v    *float64
	}{
		{"an evaluation's KS", &s.evals.pts[0].KS},
		{"a history point", &s.hist.pts[0].DReal},
		{"a keyframe quantile", &k.Metrics.QQ[0].Gen},
		{"a keyframe's histogram range", &k.Metrics.Hist.Hi},
		{"a keyframe's skewness", &k.Metrics.Skew},
		{"the baseline's history", &s.baseline.History[0].G},
		{"the watch", &s.watch.dFake},
	} {
		old := *c.v
		for _, v := range []float64{1e308, -1e308, 2e300} {
			*c.v = v
			if _, err := readRecord(s.runRecord(), s.gan.Epoch()); err == nil || !strings.Contains(err.Error(), "beyond 1e300 in magnitude") {
				t.Errorf("%s of %v: %v", c.what, v, err)
			}
		}
		*c.v = old
	}
}

// TestCutCheckpointsAreRefused: a run's checkpoint, its record holding
// keyframes and a baseline, cut at any byte, is refused, and so is its
// record cut short and sealed anew (a checksum does not make a short
// record whole), at every 13th byte: a prime, so that the cuts fall at
// every offset into the record's 4- and 8-byte fields.
func TestCutCheckpointsAreRefused(t *testing.T) {
	s := newIdle(t, Options{Config: presetConfig(t, "bimodal"), Samples: 100, Dir: t.TempDir(), Epochs: 100})
	for range 10 {
		s.trainEpoch()
	}
	Pin{}.apply(s)
	for range 10 {
		s.trainEpoch()
	}
	rec := s.runRecord()
	if s.baseline == nil || len(s.tl.keyframes) == 0 {
		t.Fatal("the test needs a baseline and keyframes")
	}
	for n := 0; n < len(rec); n += 13 {
		if _, err := readRecord(rec[:n], s.gan.Epoch()); err == nil {
			t.Fatalf("the record cut to %d of its %d bytes was taken", n, len(rec))
		}
	}
	var ckpt bytes.Buffer
	if err := s.gan.WriteCheckpoint(&ckpt, rec); err != nil {
		t.Fatal(err)
	}
	data := ckpt.Bytes()
	for n := range len(data) {
		if _, _, err := engine.ReadCheckpoint(bytes.NewReader(data[:n]), int64(n)); err == nil {
			t.Fatalf("the checkpoint cut to %d of its %d bytes loaded", n, len(data))
		}
	}
}

// TestRecordRefusesControlCharacters: an event's detail or the run's departure
// holding a control character is refused, and so is one holding a bidirectional
// formatting character (U+202E), which reorders what the terminal shows after
// it. The trainer prints both as they are: an escape sequence in a detail would
// clear the screen on the ?? page, and a newline in the departure would break
// c's caveat and the again line printed at quit across lines.
func TestRecordRefusesControlCharacters(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	Adjust{DLR, -1}.apply(s) // an event, and a departure
	if len(s.tl.events) == 0 || s.offPlan < 0 {
		t.Fatalf("events %v, departure at %d: the test needs both", s.tl.events, s.offPlan)
	}
	if _, err := readRecord(s.runRecord(), s.gan.Epoch()); err != nil {
		t.Fatalf("the run's own record: %v", err)
	}
	for _, c := range []struct {
		what string
		v    *string
	}{{"an event's detail", &s.tl.events[0].Detail}, {"the departure", &s.offWhat}} {
		old := *c.v
		for _, bad := range []string{"\x1b[2J", "line\nbreak", "\r", "\x00", "\u009b31m", "\x7f", "\u202e", "\u2066"} {
			*c.v = old + bad
			if _, err := readRecord(s.runRecord(), s.gan.Epoch()); err == nil || !strings.Contains(err.Error(), "control or bidirectional formatting character") {
				t.Errorf("%s with %q: %v", c.what, bad, err)
			}
		}
		*c.v = old
	}
	// The preset's design, whose name the run's lines and the trainer's
	// header show: JSON escapes a control character, which decoding
	// makes one again.
	base := s.gan.Config()
	s.opts.Base = &base
	if rec, err := readRecord(s.runRecord(), s.gan.Epoch()); err != nil || rec.base == nil || rec.base.Name != base.Name {
		t.Fatalf("the run's own record with its base: %v, %+v", err, rec.base)
	}
	for _, bad := range []string{"\x1b[2J", "line\nbreak", "\u009b31m", "\u202e"} {
		base.Name = "mine" + bad
		if _, err := readRecord(s.runRecord(), s.gan.Epoch()); err == nil || !strings.Contains(err.Error(), "control or bidirectional formatting character") {
			t.Errorf("the preset's name with %q: %v", bad, err)
		}
	}
}

// TestResumedRunKeepsItsPlan: a run planned with --epochs resumes with that
// plan, not its design's: a run of 40 epochs of a 5,000-epoch design, saved at
// 20, resumes planned for 40, not 5,000, and one saved at its plan's end does
// not read "past its plan" of the design's; --epochs on the resume sets a new
// plan, and a checkpoint without a record has its design's.
func TestResumedRunKeepsItsPlan(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: blogConfig(t, 5000), Epochs: 40, Seed: 1, Dir: dir})
	for range 20 {
		s.trainEpoch()
	}
	ckpt := saved(t, s)
	mid := ckpt // at epoch 20 of 40
	if r := newIdle(t, Options{Resume: ckpt}); r.planned != 40 || r.every != checkEvery(40) {
		t.Errorf("resumed: planned %d, checks every %d; want 40 and %d", r.planned, r.every, checkEvery(40))
	}
	if r := newIdle(t, Options{Resume: ckpt, Epochs: 60}); r.planned != 60 {
		t.Errorf("resumed with --epochs 60: planned %d", r.planned)
	}
	bare := filepath.Join(dir, "bare.ckpt")
	if err := SaveCheckpoint(s.gan, bare); err != nil {
		t.Fatal(err)
	}
	if r := newIdle(t, Options{Resume: bare}); r.planned != 5000 {
		t.Errorf("resumed without a record: planned %d, want the design's 5000", r.planned)
	}
	for range 20 {
		s.trainEpoch()
	}
	ckpt = saved(t, s)
	r, err := New(Options{Resume: ckpt})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Stop()
	if want := "resumed at epoch 40, the end of its plan: space or n continues"; r.state != Done || PlainNote(r.note) != want {
		t.Errorf("resumed at its plan's end: %s, %q; want %q", r.state, PlainNote(r.note), want)
	}
	// Nothing is left to train there, but past a plan that --epochs moves
	// on; a fresh run always has its plan ahead. An --epochs the
	// checkpoint has passed is refused by New, for the trainer too; one at
	// its epoch is the run at its plan's end, a checkpoint saved mid-run
	// too, which the trainer opens done there, its note saying that it is
	// the checkpoint as saved at the plan --epochs gives, where "the end of
	// its plan" read as a training finished at epoch 20 of 40.
	if _, err := New(Options{Resume: ckpt, Epochs: 30}); err == nil || err.Error() != "--epochs 30: the checkpoint is at epoch 40 already; give a plan past it" {
		t.Errorf("resume at epoch 40 with --epochs 30: %v; want it refused", err)
	}
	m, err := New(Options{Resume: mid, Epochs: 20})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Stop()
	if want := "resumed at epoch 20, the checkpoint as saved: --epochs 20 ends the plan there; space or n continues"; m.state != Done || m.planned != 20 || PlainNote(m.note) != want {
		t.Errorf("resumed at epoch 20 of 40 with --epochs 20: %s, plan %d, %q; want done, 20, %q", m.state, m.planned, PlainNote(m.note), want)
	}
	for _, c := range []struct {
		opts Options
		want string
	}{
		{Options{Resume: ckpt}, "--resume: the checkpoint is at epoch 40, the end of its plan: --epochs N trains on to epoch N"},
		{Options{Resume: ckpt, Epochs: 50}, ""},
		{Options{Resume: ckpt, Epochs: 40}, "--epochs 40: the checkpoint is at epoch 40 already: an --epochs N past it trains on to epoch N"},
		{Options{Resume: mid, Epochs: 20}, "--epochs 20: the checkpoint is at epoch 20 already: an --epochs N past it trains on to epoch N"},
		{Options{Resume: mid}, ""},
		{Options{Config: blogConfig(t, 5000), Seed: 1, Dir: dir}, ""},
	} {
		got := ""
		if err := newIdle(t, c.opts).NothingLeft(); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("resume %q, epochs %d: NothingLeft %q, want %q", c.opts.Resume, c.opts.Epochs, got, c.want)
		}
	}
}

// TestRecordOfAnUndoneDeparture: a run whose departure was undone — a setting
// changed and taken back before an epoch trained, or a new run (r, R) after a
// change — saves a record its resume takes. The departure is cleared words and
// all, so that the resume does not refuse the record as "a departure at epoch
// -1 that says …", its charts and events lost.
func TestRecordOfAnUndoneDeparture(t *testing.T) {
	for _, c := range []struct {
		name string
		undo func(s *Session)
	}{
		{"taken back", func(s *Session) { Adjust{DLR, +1}.apply(s) }},
		{"reseeded", func(s *Session) { Reseed{}.apply(s); s.trainEpoch() }},
		{"rerun", func(s *Session) { Restart{}.apply(s); s.trainEpoch() }},
	} {
		s := newIdleBlog(t)
		s.trainEpoch()
		Adjust{DLR, -1}.apply(s)
		if s.offPlan != 1 {
			t.Fatalf("departure at %d: the test needs one at epoch 1", s.offPlan)
		}
		c.undo(s)
		if s.offPlan != -1 {
			t.Fatalf("%s: departure at %d, want none", c.name, s.offPlan)
		}
		r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir})
		if err := r.Unrecorded(); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if a := r.Again(); a.Caveat != "" {
			t.Errorf("%s: resumed with caveat %q", c.name, a.Caveat)
		}
	}
}

// TestResumeKeepsItsSamples: a run resumed without --samples evaluates on the
// sample size it was saved with, as the run going on would, and its command to
// run again names it; a resume that gives --samples uses that. The checkpoint's
// note says "ganui --resume FILE continues from it": that command evaluates a
// run of --samples 800 on 800, not on 10,000, so that its screen, its progress
// and final lines are the uninterrupted run's. A record of version 1, which
// holds no sample size, still resumes, on the default.
func TestResumeKeepsItsSamples(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 800, Dir: t.TempDir()}, 50)
	path := saved(t, s)
	r := newIdle(t, Options{Resume: path, Dir: s.opts.Dir})
	if r.opts.Samples != 800 || !strings.Contains(r.Again().Command, "--samples 800") {
		t.Errorf("resumed without --samples: samples %d, again %q", r.opts.Samples, r.Again().Command)
	}
	if r := newIdle(t, Options{Resume: path, Dir: s.opts.Dir, Samples: 900}); r.opts.Samples != 900 {
		t.Errorf("resumed with --samples 900: samples %d", r.opts.Samples)
	}
	v4 := recordOfVersion4(s)
	v1 := slices.Clone(v4[:len(v4)-4-1-4-8-8]) // no keyframes, no baseline, the preset (""), the pace, the samples
	v1[len(recordMagic)] = 1
	if rec, err := readRecord(v1, s.gan.Epoch()); err != nil || rec.samples != 0 {
		t.Errorf("a record of version 1: samples %d, %v", rec.samples, err)
	}
}

// recordWithoutKeyframes is s's record as runRecord writes it for a run
// with no keyframes kept.
func recordWithoutKeyframes(s *Session) []byte {
	k := s.tl.keyframes
	s.tl.keyframes = nil
	defer func() { s.tl.keyframes = k }()
	return s.runRecord()
}

// TestResumeOnOtherKernelsSaysSo: a run resumed on other kernels than trained
// it (a checkpoint of the SIMD build resumed by the default build, or of an
// AVX-512 machine on an AVX2 one) goes on, but not bit for bit, and says so,
// headless (OtherKernels) and on the trainer's status line, rather than going
// on without a word, its numbers from the resume on neither the run's nor a
// straight run's, where the README promises a resumed run the straight run's. A
// run resumed on its own kernels, and one whose record does not say (version
// 7), says nothing.
func TestResumeOnOtherKernelsSaysSo(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	dir := t.TempDir()
	resume := func(rec []byte) *Session {
		t.Helper()
		path := filepath.Join(dir, "run.ckpt")
		if err := saveCheckpoint(s.gan, rec, path); err != nil {
			t.Fatal(err)
		}
		return newIdle(t, Options{Resume: path, Dir: dir})
	}
	if r := resume(s.runRecord()); r.OtherKernels() != nil || strings.Contains(r.note, "kernels") {
		t.Errorf("resumed on its own kernels: %v, note %q", r.OtherKernels(), r.note)
	}
	if r := resume(recordOfVersion7(s)); r.OtherKernels() != nil || r.Unrecorded() != nil {
		t.Errorf("a record of version 7: %v, %v", r.OtherKernels(), r.Unrecorded())
	}
	own := engine.KernelISA()
	other := "avx2"
	if own == other {
		other = "go"
	}
	rec := s.runRecord()
	tail := v9Bytes + handBytes + v11Bytes + v12Bytes(s)
	rec, after := rec[:len(rec)-tail], rec[len(rec)-tail:] // the kernels, then version 9's to 12's parts
	rec = slices.Concat(rec[:len(rec)-4-len(own)], binary.LittleEndian.AppendUint32(nil, uint32(len(other))), []byte(other), after)
	r := resume(rec)
	want := "trained on the " + other + " kernels, and this ganui runs the " + own + " ones: the run goes on, but not bit for bit"
	if err := r.OtherKernels(); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("resumed on other kernels: %v; want it to say %q", err, want)
	}
	if !strings.Contains(r.note, "trained on the "+other+" kernels, it goes on on the "+own+" ones, not bit for bit") {
		t.Errorf("the trainer's note: %q", r.note)
	}
	if r.Unrecorded() != nil || r.from != 0 {
		t.Errorf("the record not taken: %v", r.Unrecorded())
	}
}

// recordOfVersion4 is s's record with no keyframes kept, as version 4
// wrote it: without the findings' starts (one byte each) that version 5
// added at its end, nor version 6's tail, so that it ends in the
// keyframes' count, 0, in 4 bytes.
func recordOfVersion4(s *Session) []byte {
	rec := recordOfVersion5(s)
	rec = rec[:len(rec)-episodesV5]
	rec[len(recordMagic)] = 4
	return rec
}

// recordOfVersion5 is s's record with no keyframes kept, as version 5
// wrote it: without the tail version 6 added, so that it ends in the
// findings' starts.
func recordOfVersion5(s *Session) []byte {
	rec := recordOfVersion7(s)
	rec = rec[:len(rec)-(tailBytes-4-4-episodesV5-v9Bytes-handBytes-v11Bytes-4)] // the lengths of version 8's base and kernels, and the parts versions 9 to 12 added, gone with them
	rec[len(recordMagic)] = 5
	return rec
}

// recordOfVersion6 is s's record with no keyframes kept, as version 6
// wrote it: without the stall's episode and start that version 7 added,
// so that it ends in whether the samples had reached the target.
func recordOfVersion6(s *Session) []byte {
	rec := recordOfVersion7(s)
	rec = rec[:len(rec)-(episodesV8-episodesV6)*(1+4+1)]
	rec[len(recordMagic)] = 6
	return rec
}

// recordOfVersion7 is s's record with no keyframes kept, as version 7
// wrote it: without the base version 8 added, so that it ends in the
// stall's start.
func recordOfVersion7(s *Session) []byte {
	rec := recordOfVersion8(s)
	rec = rec[:len(rec)-4-len(baseJSON(s.opts.Base))-4-len(engine.KernelISA())]
	rec[len(recordMagic)] = 7
	return rec
}

// v9Bytes is the size of what version 9 added at a record's end: D
// frozen's episode and start, the watch's count of fixed epochs and
// whether its batches came near the target.
const v9Bytes = (len(episodeKinds)-episodesV8)*(1+4+1) + 8 + 1

// recordOfVersion8 is s's record with no keyframes kept, as version 8
// wrote it: without D frozen, which version 9 added, so that it ends in
// the kernels.
func recordOfVersion8(s *Session) []byte {
	rec := recordOfVersion9(s)
	rec = rec[:len(rec)-v9Bytes]
	rec[len(recordMagic)] = 8
	return rec
}

// recordOfVersion9 is s's record with no keyframes kept, as version 9
// wrote it: without the losses by hand, which version 10 added, so that
// it ends in whether the batches came near the target.
func recordOfVersion9(s *Session) []byte {
	rec := recordOfVersion10(s)
	rec = rec[:len(rec)-handBytes]
	rec[len(recordMagic)] = 9
	return rec
}

// v11Bytes is the size of what version 11 added at a record's end, of a
// run whose baseline has no G curve: whether D was still in its stall,
// and the count of the curve's points.
const v11Bytes = 1 + 4

// recordOfVersion10 is s's record with no keyframes kept, as version 10
// wrote it: without whether D was still in its stall and the baseline's
// G curve, which version 11 added, so that it ends in the losses by hand.
func recordOfVersion10(s *Session) []byte {
	rec := recordOfVersion11(s)
	n := v11Bytes
	if s.baseline != nil {
		n += 16 * len(s.baseline.Eval.GZ)
	}
	rec = rec[:len(rec)-n]
	rec[len(recordMagic)] = 10
	return rec
}

// v12Bytes is the size of what version 12 added at a record's end: the
// count of s's evaluations and the modes covered at each, a byte each.
func v12Bytes(s *Session) int { return 4 + len(s.evals.pts) }

// recordOfVersion11 is s's record with no keyframes kept, as version 11
// wrote it: without the evaluations' modes, which version 12 added, so
// that it ends in the baseline's G curve.
func recordOfVersion11(s *Session) []byte {
	rec := recordWithoutKeyframes(s)
	rec = rec[:len(rec)-v12Bytes(s)]
	rec[len(recordMagic)] = 11
	return rec
}

// TestRecordKeepsDStillInTheStall: a checkpoint keeps whether D's losses
// were still in a stall on, so that the resumed run's stall ends saying
// they move again only where they had stopped (stallEnded), as the run's
// own would have. A record of version 10, which does not keep it, takes
// D's losses as still in the stall if they are still at the checkpoint.
// A record holding what update never leaves (the flag neither on nor
// off, or on without a stall) is refused.
func TestRecordKeepsDStillInTheStall(t *testing.T) {
	s := newIdleBlog(t)
	for _, still := range []bool{false, true} {
		s.tl.episodes = episodes{active: map[FindingKind]bool{DIndifferent: true, DStalled: true}, stillD: still}
		got, err := readRecord(recordWithoutKeyframes(s), lossWindow)
		if err != nil || got.version != recordVersion || got.episodes.stillD != still || !got.episodes.active[DStalled] {
			t.Errorf("still %v read back: version %d, episodes %+v, %v", still, got.version, got.episodes, err)
		}
		for _, n := range []int{0, lossWindow} { // D's losses still at the checkpoint for n epochs
			s.watch.still = n
			got, err := readRecord(recordOfVersion10(s), lossWindow)
			if want := n >= lossWindow; err != nil || got.version != 10 || got.episodes.stillD != want {
				t.Errorf("a record of version 10, still %v, D still for %d epochs: version %d, stillD %v, want %v (%v)", still, n, got.version, got.episodes.stillD, want, err)
			}
		}
		s.watch.still = 0
	}
	s.tl.episodes = episodes{active: map[FindingKind]bool{DIndifferent: true}}
	rec := recordWithoutKeyframes(s)
	for _, v := range []byte{1, 2} {
		rec[len(rec)-v12Bytes(s)-v11Bytes] = v
		if _, err := readRecord(rec, lossWindow); err == nil || !strings.Contains(err.Error(), "still in a stall") {
			t.Errorf("D still in a stall %d, none on: %v, want it refused", v, err)
		}
	}
}

// TestRecordRefusesAStrayBaselineCurve: a record holding a baseline's G
// curve with no baseline is refused, as the session never writes one.
func TestRecordRefusesAStrayBaselineCurve(t *testing.T) {
	s := newIdleBlog(t)
	rec := recordOfVersion11(s) // ending in the curve's count
	binary.LittleEndian.PutUint32(rec[len(rec)-4:], 1)
	rec = binary.LittleEndian.AppendUint64(rec, math.Float64bits(0.5))
	rec = binary.LittleEndian.AppendUint64(rec, math.Float64bits(1))
	if _, err := readRecord(rec, 0); err == nil || !strings.Contains(err.Error(), "for no baseline") {
		t.Errorf("a G curve of 1 point, no baseline: %v, want it refused", err)
	}
}

// TestRecordKeepsTheStall: a checkpoint keeps D's stall as it stood, its
// episode and a start not yet confirmed, so a resumed run neither
// announces the stall again nor loses it; a record of version 6, which
// has no stall of its own, reads as none, its equilibrium kept.
func TestRecordKeepsTheStall(t *testing.T) {
	s := newIdleBlog(t)
	s.tl.episodes = episodes{active: map[FindingKind]bool{DIndifferent: true, DStalled: true}, absent: map[FindingKind]int{DStalled: 3}}
	got, err := readRecord(recordWithoutKeyframes(s), 0)
	if err != nil || !got.episodes.active[DStalled] || got.episodes.absent[DStalled] != 3 || !got.episodes.active[DIndifferent] {
		t.Errorf("read back: episodes %+v, %v", got.episodes, err)
	}
	got, err = readRecord(recordOfVersion6(s), 0)
	if err != nil || got.version != 6 || got.episodes.active[DStalled] || !got.episodes.active[DIndifferent] {
		t.Errorf("a record of version 6: version %d, episodes %+v, %v", got.version, got.episodes, err)
	}
	s.tl.episodes = episodes{active: map[FindingKind]bool{DIndifferent: true}, present: map[FindingKind]int{DStalled: 1}}
	if got, err := readRecord(recordWithoutKeyframes(s), 0); err != nil || got.episodes.present[DStalled] != 1 || got.episodes.active[DStalled] {
		t.Errorf("a stall held a check short of its start: %+v, %v", got.episodes, err)
	}
	rec := recordOfVersion7(s)
	rec[len(rec)-1] = confirmChecks // the stall's start, held as long as starts it
	if _, err := readRecord(rec, 0); err == nil || !strings.Contains(err.Error(), "not started") {
		t.Errorf("a stall held %d checks, not started: %v, want it refused", confirmChecks, err)
	}
}

// TestRecordRefusesHostileStarts: a record whose findings' starts were
// edited into what update never leaves — a finding held for as many
// checks as start it, or held as new while its episode is on — is
// refused; one held for a check short of its start reads back.
func TestRecordRefusesHostileStarts(t *testing.T) {
	s := newIdleBlog(t)
	s.tl.episodes = episodes{active: map[FindingKind]bool{DWins: true}, present: map[FindingKind]int{AtNoiseFloor: confirmChecks - 1}}
	rec := s.runRecord()
	got, err := readRecord(rec, 0)
	if err != nil || got.episodes.present[AtNoiseFloor] != confirmChecks-1 || len(got.episodes.present) != 1 {
		t.Fatalf("a finding held a check short of its start: %v, %v", got.episodes.present, err)
	}
	at := len(rec) - tailBytes - len(s.evals.pts) - len(engine.KernelISA()) // the starts, before the tails, the evaluations' modes and the kernels' name
	for _, c := range []struct {
		kind int // its place in episodeKinds
		held byte
	}{{3, confirmChecks}, {0, 1}} {
		edited := slices.Clone(rec)
		edited[at+c.kind] = c.held
		if _, err := readRecord(edited, 0); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("held %d checks in a row, not started", c.held)) {
			t.Errorf("finding %d held %d checks: %v, want it refused", episodeKinds[c.kind], c.held, err)
		}
	}
}

// TestResumeKeepsItsPreset: a run resumed from its checkpoint names its design
// from the preset it started from, which its record keeps: a design renamed by
// --set name=bimodal is named, resumed, as what it is, not as the built-in
// bimodal changed in its target and every other setting in which vanilla
// differs. A record of version 3, which holds no preset, still resumes, its
// design named from its own name.
func TestResumeKeepsItsPreset(t *testing.T) {
	cfg := presetConfig(t, "vanilla")
	cfg.Name, cfg.GLR = "bimodal", 1e-3
	s := newIdle(t, Options{Config: cfg, Preset: "vanilla", Seed: 1, Dir: t.TempDir()})
	s.trainEpoch()
	want := []Change{{"name", "bimodal"}, {"g_lr", "1e-3"}}
	if res := s.Result(); res.Preset != "vanilla" || !slices.Equal(res.Changes, want) {
		t.Fatalf("the run: preset %q, changes %v; want vanilla, %v", res.Preset, res.Changes, want)
	}
	r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir})
	if res := r.Result(); r.opts.Preset != "vanilla" || res.Preset != "vanilla" || !slices.Equal(res.Changes, want) {
		t.Errorf("resumed: --preset %q, preset %q, changes %v; want vanilla, vanilla, %v", r.opts.Preset, res.Preset, res.Changes, want)
	}
	if a := r.Again(); !strings.HasPrefix(a.Command, "ganui --preset vanilla --set name=bimodal --set g_lr=1e-3 ") {
		t.Errorf("resumed: again %q", a.Command)
	}
	rec := recordOfVersion4(s)
	v3 := slices.Concat(rec[:len(rec)-4-1-4-len("vanilla")], rec[len(rec)-4-1:len(rec)-4]) // the preset and the keyframes' count taken out
	v3[len(recordMagic)] = 3
	if got, err := readRecord(v3, s.gan.Epoch()); err != nil || got.preset != "" {
		t.Errorf("a record of version 3: preset %q, %v", got.preset, err)
	}
}

// presetConfig is the built-in preset name, failing t if there is none.
func presetConfig(t testing.TB, name string) engine.Config {
	t.Helper()
	cfg, err := presets.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// cloneBaseline is a copy of b that shares nothing with it.
func cloneBaseline(b *Baseline) *Baseline {
	c := *b
	c.History, c.sample, c.Eval.Points = slices.Clone(b.History), slices.Clone(b.sample), slices.Clone(b.Eval.Points)
	h := &c.Eval.Metrics.Hist
	h.Counts, h.Expected = slices.Clone(h.Counts), slices.Clone(h.Expected)
	if p := b.Eval.Metrics.Plane; p != nil {
		q := *p
		q.Spots = slices.Clone(p.Spots)
		c.Eval.Metrics.Plane = &q
	}
	return &c
}

// TestRecordRefusesHostileBaselineOrPace: a record whose pace or pinned
// baseline was edited into what the session never writes — a number not
// finite or out of its range, a count that does not add up, a control
// character, a baseline of a plane for a run on a line — is refused, and
// the resume says why, naming its file; the run resumes without its
// record, as for any record it cannot take.
func TestRecordRefusesHostileBaselineOrPace(t *testing.T) {
	line := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Dir: t.TempDir()}, 20)
	Pin{}.apply(line)
	line.trainEpoch()
	ring := newIdle(t, Options{Config: presetConfig(t, "ring"), Seed: 1, Dir: t.TempDir()})
	ring.trainEpoch()
	Pin{}.apply(ring)
	if line.baseline.sample == nil || ring.baseline.Eval.Metrics.Plane == nil || len(ring.baseline.Eval.Metrics.Plane.Spots) == 0 {
		t.Fatal("the test needs a baseline with its sample and one of a plane with modes")
	}
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		what string
		s    *Session
		edit func(s *Session, b *Baseline)
		want string
	}{
		{"a pace not finite", line, func(s *Session, b *Baseline) { s.speed = nan }, "the pace of NaN, not a finite number"},
		{"a pace under the slowest", line, func(s *Session, b *Baseline) { s.speed = 0.5 }, "the pace of 0.5 epochs a second"},
		{"a pace over the fastest", line, func(s *Session, b *Baseline) { s.speed = 2 * MaxSpeed }, "the pace of 200000 epochs a second"},
		{"a pace written short", line, func(s *Session, b *Baseline) { s.speed = 1e7 }, "the pace of 1e7 epochs a second"}, // as the screen writes a number, not %g's 1e+07
		{"a KS far under 0", line, func(s *Session, b *Baseline) { b.Eval.Metrics.KS = -1e9 }, "the baseline's KS of -1e9, out of range 0..1"},
		{"a preset with an escape", line, func(s *Session, b *Baseline) { b.Preset += "\x1b[2J" }, "the baseline's preset holds a control or bidirectional formatting character"},
		{"a preset reordering the text", line, func(s *Session, b *Baseline) { b.Preset += "\u202e" }, "the baseline's preset holds a control or bidirectional formatting character"},
		{"an epoch past the most", line, func(s *Session, b *Baseline) { b.Epoch = engine.MaxEpochs + 1 }, "the baseline's epoch 1,000,000,001, out of range 0..1,000,000,000"},
		{"a start after its epoch", line, func(s *Session, b *Baseline) { b.From = b.Epoch + 1 }, "the baseline's start 21, out of range 0..20"},
		{"a setting not finite", line, func(s *Session, b *Baseline) { b.Settings.GLR = inf }, "the baseline's g_lr of +Inf"},
		{"its pace out of range", line, func(s *Session, b *Baseline) { b.Settings.Speed = -1 }, "the baseline's pace of -1"},
		{"its pace past the top", line, func(s *Session, b *Baseline) { b.Settings.Speed = MaxSpeed + 1 }, "neither 0 (full speed) nor in 1..100,000"},
		{"a point not finite", line, func(s *Session, b *Baseline) { b.History[3].G = nan }, "a point's value of NaN"},
		{"a point past its epoch", line, func(s *Session, b *Baseline) { b.History[len(b.History)-1].Epoch = b.Epoch + 1 }, "a point's epoch 21, out of range"},
		{"points out of order", line, func(s *Session, b *Baseline) { b.History[2].Epoch = b.History[1].Epoch }, "baseline history point at epoch 2 after 2"},
		{"an evaluation after its epoch", line, func(s *Session, b *Baseline) { b.Eval.Epoch = b.Epoch + 1 }, "the baseline's evaluation epoch 21"},
		{"a KS over 1", line, func(s *Session, b *Baseline) { b.Eval.Metrics.KS = 1.5 }, "the baseline's KS of 1.5, out of range 0..1"},
		{"a W1 not finite", line, func(s *Session, b *Baseline) { b.Eval.Metrics.W1 = inf }, "the baseline's W1 of +Inf"},
		{"an empty range", line, func(s *Session, b *Baseline) { b.Eval.Metrics.Hist.Hi = b.Eval.Metrics.Hist.Lo }, "a baseline histogram from"},
		{"a count that does not add up", line, func(s *Session, b *Baseline) { b.Eval.Metrics.Hist.Counts[5]++ }, "a baseline histogram of 501 samples, its sample size 500"},
		{"too many bins", line, func(s *Session, b *Baseline) {
			b.Eval.Metrics.Hist.Counts = make([]int, maxBins+1)
			b.Eval.Metrics.Hist.Expected = make([]float64, maxBins+1)
		}, "401 baseline histogram bins, at most 400"},
		{"an expected count out of range", line, func(s *Session, b *Baseline) { b.Eval.Metrics.Hist.Expected[0] = -1 }, "expected count of -1"},
		{"a sample not finite", line, func(s *Session, b *Baseline) { b.sample[7] = inf }, "a baseline sample of +Inf"},
		{"a sample cut short", line, func(s *Session, b *Baseline) { b.sample = b.sample[:100] }, "100 baseline samples, its sample size 500"},
		{"a plane's distance not finite", ring, func(s *Session, b *Baseline) { b.Eval.Metrics.Plane.SW1 = nan }, "the baseline's SW1 of NaN"},
		{"a high-quality share over 1", ring, func(s *Session, b *Baseline) { b.Eval.Metrics.Plane.HighQuality = 2 }, "high-quality share of 2"},
		{"more modes captured than there are", ring, func(s *Session, b *Baseline) { b.Eval.Metrics.Plane.Captured = 9 }, "9 of the baseline's 8 modes captured"},
		{"a mode not finite", ring, func(s *Session, b *Baseline) { b.Eval.Metrics.Plane.Spots[2].Share = nan }, "a baseline mode of NaN"},
		{"a point drawn not finite", ring, func(s *Session, b *Baseline) { b.Eval.Points[11] = inf }, "a baseline point of +Inf"},
		{"a plane's baseline on a line", line, func(s *Session, b *Baseline) { *b = *cloneBaseline(ring.baseline) }, "a baseline of another dimension than the run's target"},
		{"a line's baseline on a plane", ring, func(s *Session, b *Baseline) { *b = *cloneBaseline(line.baseline) }, "a baseline of another dimension than the run's target"},
	} {
		s := c.s
		orig, speed := s.baseline, s.speed
		s.baseline = cloneBaseline(orig)
		c.edit(s, s.baseline)
		rec := s.runRecord()
		s.baseline, s.speed = orig, speed
		// A restore into a fresh session of the run, as New makes one:
		// the dimension is the run's to judge, the rest the record's.
		r := &Session{gan: s.gan, opts: Options{Watch: true}}
		if err := r.restore(rec); err == nil || !strings.Contains(err.Error(), c.want) || r.baseline != nil {
			t.Errorf("%s: %v, baseline %v; want it refused: %s", c.what, err, r.baseline != nil, c.want)
		}
	}
	// Resumed, the run says which file, and goes on without its record.
	line.speed = nan
	path := filepath.Join(t.TempDir(), "edited.ckpt")
	if err := saveCheckpoint(line.gan, line.runRecord(), path); err != nil {
		t.Fatal(err)
	}
	r := newIdle(t, Options{Resume: path, Watch: true})
	if err := r.Unrecorded(); err == nil || !strings.Contains(err.Error(), "--resume "+path+": the run's history could not be read (the pace of NaN, not a finite number)") ||
		!strings.HasSuffix(err.Error(), "a baseline pinned before is not kept, and a finding that held before is reported again") {
		t.Errorf("resumed with a pace of NaN: %v", err)
	}
	if r.baseline != nil || r.from != line.gan.Epoch() || r.speed != watchSpeed(r.planned) {
		t.Errorf("resumed with a pace of NaN: a baseline %v, history from %d, pace %v", r.baseline != nil, r.from, r.speed)
	}
	// A mark that is neither a baseline nor none.
	s := newIdleBlog(t)
	rec := recordOfVersion4(s)
	rec[len(rec)-4-1] = 2 // before the count of no keyframes
	if _, err := readRecord(rec, 0); err == nil || !strings.Contains(err.Error(), "a baseline marked 2") {
		t.Errorf("a baseline marked 2: %v", err)
	}
}

// TestRecordRefusesHostileKeyframes: a record whose keyframes were edited
// into what the session never keeps — a frame out of order or after the
// checkpoint, a number not finite or out of its range, a histogram that
// does not add up, a curve or surface not of the session's shape, a
// control character in a finding, a frame of a plane for a run on a
// line — is refused, and the resume says why, naming its file and the
// frame; the run resumes without its record, as for any record it cannot
// take.
func TestRecordRefusesHostileKeyframes(t *testing.T) {
	line := idleAt(t, "bimodal", Options{Seed: 1, Dir: t.TempDir(), Epochs: 400}, 40)
	ring := idleAt(t, "ring", Options{Seed: 1, Dir: t.TempDir(), Epochs: 1000}, 20)
	if len(line.tl.keyframes) != 4 || len(ring.tl.keyframes) != 2 || len(line.tl.keyframes[3].Metrics.Modes) != 2 || line.tl.keyframes[3].DCurve == nil || ring.tl.keyframes[1].Surface == nil {
		t.Fatal("the test needs keyframes of a mixture with D's curve, and of a plane with D's surface")
	}
	// frames is a copy of s's keyframes that shares nothing with them.
	frames := func(s *Session) []Keyframe {
		rec, err := readRecord(s.runRecord(), s.gan.Epoch())
		if err != nil {
			t.Fatal(err)
		}
		return rec.keyframes
	}
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		what string
		s    *Session
		edit func(f []Keyframe) []Keyframe
		want string
	}{
		{"too many", line, func(f []Keyframe) []Keyframe { return append(f, make([]Keyframe, maxKeyframes)...) }, "132 keyframes, at most 128"},
		{"one after the checkpoint", line, func(f []Keyframe) []Keyframe { f[3].Epoch, f[3].Last.Epoch = 41, 41; return f }, "keyframe 4 of 4: a keyframe's epoch 41, out of range 0..40"},
		{"out of order", line, func(f []Keyframe) []Keyframe { f[1].Epoch, f[1].Last.Epoch = 10, 10; return f }, "keyframe 2 of 4: a keyframe at epoch 10 after 10"},
		{"another epoch's stats", line, func(f []Keyframe) []Keyframe { f[0].Last.Epoch = 9; return f }, "a keyframe at epoch 10 with the stats of epoch 9"},
		{"a stat not finite", line, func(f []Keyframe) []Keyframe { f[0].Last.G = nan; return f }, "the keyframe's stats of NaN"},
		{"a KS over 1", line, func(f []Keyframe) []Keyframe { f[2].Metrics.KS = 1.5; return f }, "the keyframe's KS of 1.5, out of range 0..1"},
		{"a skewness infinite", line, func(f []Keyframe) []Keyframe { f[2].Metrics.Skew = inf; return f }, "the keyframe's skewness of +Inf, neither a finite number nor NaN"},
		{"no samples", line, func(f []Keyframe) []Keyframe { f[2].Metrics.N = 0; return f }, "a keyframe of 0 samples"},
		{"a count that does not add up", line, func(f []Keyframe) []Keyframe { f[2].Metrics.Hist.Counts[5]++; return f }, "a keyframe histogram of 2001 samples, its sample size 2000"},
		{"too few bins", line, func(f []Keyframe) []Keyframe {
			h := &f[2].Metrics.Hist
			h.Counts, h.Expected = h.Counts[:3], h.Expected[:3]
			return f
		}, "3 keyframe histogram bins, at least 8"},
		{"an expected count out of range", line, func(f []Keyframe) []Keyframe { f[2].Metrics.Hist.Expected[9] = -1; return f }, "a keyframe bin's expected count of -1"},
		{"a curve not of the bins", line, func(f []Keyframe) []Keyframe { f[3].DCurve, f[3].Push = f[3].DCurve[:100], f[3].Push[:100]; return f }, "a keyframe's D curve of 100 points, its histogram of 400 bins"},
		{"a D score not finite", line, func(f []Keyframe) []Keyframe { f[3].DCurve[7] = nan; return f }, "a keyframe's D score of NaN"},
		{"a push not finite", line, func(f []Keyframe) []Keyframe { f[3].Push[7] = inf; return f }, "a keyframe's D push of +Inf"},
		{"more modes covered than there are", line, func(f []Keyframe) []Keyframe { f[3].Metrics.ModesCovered = 3; return f }, "3 of the keyframe's 2 modes covered"},
		{"a quantile not finite", line, func(f []Keyframe) []Keyframe { f[3].Metrics.QQ[0].Gen = inf; return f }, "a keyframe quantile of +Inf"},
		{"a finding with an escape", line, func(f []Keyframe) []Keyframe {
			f[3].Findings = append(f[3].Findings, Finding{Kind: DWins, Text: "D wins", Detail: "\x1b[2J"})
			return f
		}, "a keyframe finding's detail holds a control or bidirectional formatting character"},
		{"a finding reordering the text", line, func(f []Keyframe) []Keyframe {
			f[3].Findings = append(f[3].Findings, Finding{Kind: DWins, Text: "D wins", Detail: "\u2067"})
			return f
		}, "a keyframe finding's detail holds a control or bidirectional formatting character"},
		{"a finding of no kind", line, func(f []Keyframe) []Keyframe { f[3].Findings = []Finding{{Kind: 99, Text: "?"}}; return f }, "a keyframe finding of kind 99"},
		{"a plane's keyframe on a line", line, func(f []Keyframe) []Keyframe { f[0] = frames(ring)[0]; return f }, "a keyframe at epoch 10 of another dimension than the run's target"},
		{"a line's keyframe on a plane", ring, func(f []Keyframe) []Keyframe { f[0] = frames(line)[0]; return f }, "a keyframe at epoch 10 of another dimension than the run's target"},
		{"a surface of another side", ring, func(f []Keyframe) []Keyframe { f[1].Surface, f[1].SurfaceN = f[1].Surface[:100], 10; return f }, "a keyframe's D surface of side 10, not 48"},
		{"a surface not finite", ring, func(f []Keyframe) []Keyframe { f[1].Surface[40] = nan; return f }, "a keyframe's D surface of NaN"},
		{"an arrow not finite", ring, func(f []Keyframe) []Keyframe { f[1].Arrows[3].DY = nan; return f }, "a keyframe arrow of NaN"},
		{"a point drawn not finite", ring, func(f []Keyframe) []Keyframe { f[1].Points[5] = inf; return f }, "a keyframe point of +Inf"},
		{"more points than drawn", ring, func(f []Keyframe) []Keyframe { f[1].Points = append(f[1].Points, f[1].Points...); return f }, "3,000 keyframe points, at most 1,500"},
		{"a high-quality share over 1", ring, func(f []Keyframe) []Keyframe { f[1].Metrics.Plane.HighQuality = 2; return f }, "the keyframe's high-quality share of 2"},
	} {
		s := c.s
		orig := s.tl.keyframes
		s.tl.keyframes = c.edit(frames(s))
		rec := s.runRecord()
		s.tl.keyframes = orig
		r := &Session{gan: s.gan, opts: Options{Watch: true}}
		if err := r.restore(rec); err == nil || !strings.Contains(err.Error(), c.want) || r.tl.keyframes != nil || r.hist.Len() != 0 {
			t.Errorf("%s: %v, %d keyframes; want it refused: %s", c.what, err, len(r.tl.keyframes), c.want)
		}
	}
	// Resumed, the run says which file, and goes on without its record.
	orig := line.tl.keyframes
	line.tl.keyframes = frames(line)
	line.tl.keyframes[1].Metrics.W1 = inf
	path := filepath.Join(t.TempDir(), "edited.ckpt")
	err := saveCheckpoint(line.gan, line.runRecord(), path)
	line.tl.keyframes = orig
	if err != nil {
		t.Fatal(err)
	}
	r := newIdle(t, Options{Resume: path, Watch: true})
	if err := r.Unrecorded(); err == nil || !strings.Contains(err.Error(), "--resume "+path+": the run's history could not be read (keyframe 2 of 4: the keyframe's W1 of +Inf") {
		t.Errorf("resumed with a keyframe's W1 of +Inf: %v", err)
	}
	if len(r.tl.keyframes) != 0 || r.from != line.gan.Epoch() {
		t.Errorf("resumed with a keyframe's W1 of +Inf: %d keyframes, history from %d", len(r.tl.keyframes), r.from)
	}
}

// TestResumeRecordsOfEarlierVersions: checkpoints earlier ganuis wrote
// resume with their records. Both are of vanilla, seed 1, planned for
// 400 epochs, --samples 500, saved at epoch 50 with a baseline pinned at
// 40 and five keyframes kept: testdata/resume/record-v2.ckpt, whose
// record of version 2 holds neither the baseline nor the pace, resumes at
// the watching pace of its plan without a baseline; record-v3.ckpt (its
// pace set to the fastest) resumes with both. Neither holds keyframes:
// the replay begins at the resume. record-v4.ckpt, as record-v3.ckpt,
// holds the keyframes of epochs 10 to 50 but not the findings' starts
// not yet confirmed, and resumes as if none had held. Saved again, each
// writes the current version, which resumes with what it had, the
// baseline pinned since and the keyframe kept at epoch 60.
func TestResumeRecordsOfEarlierVersions(t *testing.T) {
	for _, c := range []struct {
		file     string
		baseline bool    // pinned at 40, held by the record
		pace     float64 // the record's, 0 for the plan's watching pace
		frames   int     // the keyframes it holds
	}{{"record-v2.ckpt", false, 0, 0}, {"record-v3.ckpt", true, MaxSpeed, 0}, {"record-v4.ckpt", true, MaxSpeed, 5}} {
		dir := t.TempDir()
		data, err := os.ReadFile(filepath.Join("testdata", "resume", c.file))
		if err != nil {
			t.Fatal(err)
		}
		old := filepath.Join(dir, c.file)
		if err := os.WriteFile(old, data, 0o644); err != nil {
			t.Fatal(err)
		}
		pace := c.pace
		if pace == 0 {
			pace = watchSpeed(400)
		}
		r := newIdle(t, Options{Resume: old, Watch: true, Dir: dir})
		if err := r.Unrecorded(); err != nil || r.from != 0 || r.hist.Len() == 0 || r.gan.Epoch() != 50 {
			t.Fatalf("%s resumed: %v, history from %d in %d points, at epoch %d", c.file, err, r.from, r.hist.Len(), r.gan.Epoch())
		}
		if r.opts.Samples != 500 || r.planned != 400 || r.speed != pace || (r.baseline != nil) != c.baseline || len(r.tl.keyframes) != c.frames {
			t.Errorf("%s resumed: samples %d, plan %d, pace %v (want %v), baseline %v, %d keyframes", c.file, r.opts.Samples, r.planned, r.speed, pace, r.baseline != nil, len(r.tl.keyframes))
		}
		if c.baseline && r.baseline.Epoch != 40 {
			t.Errorf("%s resumed: the baseline pinned at %d", c.file, r.baseline.Epoch)
		}
		for r.gan.Epoch() < 60 {
			r.trainEpoch()
		}
		want := 40
		if !c.baseline {
			Pin{}.apply(r)
			want = 60
		}
		again := newIdle(t, Options{Resume: saved(t, r), Watch: true, Dir: dir})
		if err := again.Unrecorded(); err != nil || again.baseline == nil || again.baseline.Epoch != want || again.speed != pace || !reflect.DeepEqual(again.tl.keyframes, r.tl.keyframes) || len(r.tl.keyframes) != c.frames+1 {
			t.Errorf("%s saved again and resumed: %v, baseline %v, pace %v, %d keyframes of the run's %d", c.file, err, again.baseline != nil, again.speed, len(again.tl.keyframes), len(r.tl.keyframes))
		}
	}
}

// TestRecordOfALargeBaselineSample: a baseline of more than
// maxPinnedSample samples is recorded without them, within the annex's
// bound, and resumes with its histogram as counted at the save.
func TestRecordOfALargeBaselineSample(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Dir: t.TempDir()}, 10)
	Pin{}.apply(s)
	b := cloneBaseline(s.baseline)
	n := maxPinnedSample + 1
	b.sample = make([]float64, n)
	b.Eval.Metrics.N = n
	b.Eval.Metrics.Hist.Under += n - 500
	s.baseline = b
	rec := s.runRecord()
	if len(rec) > engine.MaxAnnex {
		t.Fatalf("a record of %d bytes, over the annex's %d", len(rec), engine.MaxAnnex)
	}
	got, err := readRecord(rec, s.gan.Epoch())
	if err != nil {
		t.Fatal(err)
	}
	// No record keeps the quantiles, which a resume counts again from the
	// sample (Baseline.quantiles), not kept here.
	want := b.Eval
	want.Metrics.QQ = nil
	if g := got.baseline; g == nil || g.sample != nil || !reflect.DeepEqual(g.Eval, want) {
		t.Errorf("read back: %v", g)
	}
}

// TestRecordOfAFullReplay: a full set of keyframes (maxKeyframes) takes
// under 2.5 MB on a line and 4.5 MB on a plane, and reads back as kept,
// within the annex's bound beside the largest baseline sample a record
// holds. Keyframes that would take the record past that bound (findings
// of maxDetail bytes, which the diagnosis never writes, beside the
// largest sample) are left out: the record keeps the rest, the baseline
// among it, and the run resumes with no replay rather than without its
// record.
func TestRecordOfAFullReplay(t *testing.T) {
	fill := func(s *Session, f func(k *Keyframe)) []Keyframe {
		s.check() // one keyframe at the epoch, its copies at 1, 2, …
		k := s.tl.keyframes[len(s.tl.keyframes)-1]
		full := make([]Keyframe, maxKeyframes)
		for i := range full {
			full[i] = k
			full[i].Epoch, full[i].Last.Epoch = i+1, i+1
			if f != nil {
				f(&full[i])
			}
		}
		s.tl.keyframes = full
		return full
	}
	for _, c := range []struct {
		preset string
		most   int // bytes
	}{{"bimodal", 2_500_000}, {"grid", 4_500_000}} {
		s := idleAt(t, c.preset, Options{Seed: 1, Dir: t.TempDir(), Epochs: 100_000}, maxKeyframes)
		full := fill(s, nil)
		rec, without := s.runRecord(), recordWithoutKeyframes(s)
		t.Logf("%s: %d keyframes take %d bytes", c.preset, maxKeyframes, len(rec)-len(without))
		if n := len(rec) - len(without); n > c.most {
			t.Errorf("%s: %d keyframes take %d bytes, over %d", c.preset, maxKeyframes, n, c.most)
		}
		got, err := readRecord(rec, s.gan.Epoch())
		if err != nil || !reflect.DeepEqual(got.keyframes, full) {
			t.Errorf("%s: read back %d keyframes, %v", c.preset, len(got.keyframes), err)
		}
	}

	s := idleAt(t, "bimodal", Options{Seed: 1, Samples: 500, Dir: t.TempDir(), Epochs: 100_000}, maxKeyframes)
	Pin{}.apply(s)
	b := cloneBaseline(s.baseline)
	b.sample = make([]float64, maxPinnedSample) // the largest a record holds
	b.Eval.Metrics.N = maxPinnedSample
	b.Eval.Metrics.Hist.Under += maxPinnedSample - 500
	s.baseline = b
	fill(s, nil)
	if rec := s.runRecord(); len(rec) > engine.MaxAnnex || len(rec)-len(recordWithoutKeyframes(s)) < 1_000_000 {
		t.Errorf("a full replay beside the largest baseline sample: a record of %d bytes, %d without its keyframes", len(rec), len(recordWithoutKeyframes(s)))
	}
	long := strings.Repeat("x", maxDetail)
	fill(s, func(k *Keyframe) {
		k.Findings = make([]Finding, AtNoiseFloor+1)
		for i := range k.Findings {
			k.Findings[i] = Finding{Kind: FindingKind(i), Text: long, Detail: long}
		}
	})
	rec := s.runRecord()
	if len(rec) > engine.MaxAnnex || !bytes.Equal(rec, recordWithoutKeyframes(s)) {
		t.Fatalf("keyframes past the annex's bound: a record of %d bytes (at most %d), %d without them", len(rec), engine.MaxAnnex, len(recordWithoutKeyframes(s)))
	}
	path := filepath.Join(t.TempDir(), "big.ckpt")
	if err := saveCheckpoint(s.gan, rec, path); err != nil {
		t.Fatal(err)
	}
	r := newIdle(t, Options{Resume: path})
	if err := r.Unrecorded(); err != nil || r.baseline == nil || len(r.baseline.sample) != maxPinnedSample || len(r.tl.keyframes) != 0 || r.from != 0 {
		t.Errorf("resumed: %v, baseline %v, %d keyframes, history from %d", err, r.baseline != nil, len(r.tl.keyframes), r.from)
	}
}

// TestRecordKeepsNear: a checkpoint keeps whether the run's batches have come
// near its target (watch.near), so that a run resumed inside a runaway is told
// what the run would have been: a run of vanilla (d_lr 5e-3, g_lr 0.5; SIMD
// build), rolled back to epoch 450 and resumed there, that runs away again at
// 650 is told to lower a learning rate, as the straight run is, not that its
// target is out of G's reach, as it would be were the resumed watch to forget
// its batches near the target from epoch 1.
func TestRecordKeepsNear(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	for _, near := range []bool{true, false} {
		s.watch.near = near
		if got, err := readRecord(recordWithoutKeyframes(s), s.gan.Epoch()); err != nil || got.watch.near != near {
			t.Errorf("near %v read back as %v, %v", near, got.watch.near, err)
		}
	}
	rec := recordOfVersion9(s)
	rec[len(rec)-1] = 2
	if _, err := readRecord(rec, s.gan.Epoch()); err == nil || !strings.Contains(err.Error(), "near 2") {
		t.Errorf("near 2: %v, want it refused", err)
	}
}

// TestRecordKeepsDFrozen: a checkpoint keeps D frozen as it stood, its
// episode and how many epochs D's losses have been fixed, and the
// epoch before the next is the record's last, so that a resumed run goes
// on with it rather than finding it anew 100 epochs on; a record of
// version 8, which has none of it, reads as D not frozen.
func TestRecordKeepsDFrozen(t *testing.T) {
	s := newIdleBlog(t)
	for range 3 {
		s.trainEpoch()
	}
	s.tl.episodes = episodes{active: map[FindingKind]bool{DFrozen: true}, absent: map[FindingKind]int{DFrozen: 1}}
	s.watch.fixed = 2
	got, err := readRecord(recordWithoutKeyframes(s), s.gan.Epoch())
	if err != nil || !got.episodes.active[DFrozen] || got.episodes.absent[DFrozen] != 1 || got.watch.fixed != 2 || got.watch.prevDReal != s.last.DReal || got.watch.prevDFake != s.last.DFake {
		t.Errorf("read back: episodes %+v, fixed %d, the epoch before %g, %g (want %g, %g), %v", got.episodes, got.watch.fixed, got.watch.prevDReal, got.watch.prevDFake, s.last.DReal, s.last.DFake, err)
	}
	got, err = readRecord(recordOfVersion8(s), s.gan.Epoch())
	if err != nil || got.version != 8 || got.episodes.active[DFrozen] || got.watch.fixed != 0 {
		t.Errorf("a record of version 8: version %d, episodes %+v, fixed %d, %v", got.version, got.episodes, got.watch.fixed, err)
	}
}

// TestRecordKeepsTheCollapse: a checkpoint keeps G's collapse as it
// stood, its episode (and the plateau's) and the watch's averaged spread and whether the
// samples had reached the target, so a resumed run goes on with the
// collapse rather than finding it anew; a record of version 5, which
// has none of it, reads as no collapse.
func TestRecordKeepsTheCollapse(t *testing.T) {
	s := newIdleBlog(t)
	s.tl.episodes = episodes{active: map[FindingKind]bool{GCollapsed: true, Plateau: true}, absent: map[FindingKind]int{GCollapsed: 2}}
	s.watch.spread, s.watch.reached = 0.04, true
	got, err := readRecord(recordWithoutKeyframes(s), 0)
	if err != nil || !got.episodes.active[GCollapsed] || got.episodes.absent[GCollapsed] != 2 || !got.episodes.active[Plateau] || got.watch.spread != 0.04 || !got.watch.reached {
		t.Errorf("read back: episodes %+v, spread %g, reached %v, %v", got.episodes, got.watch.spread, got.watch.reached, err)
	}
	s.tl.episodes = episodes{present: map[FindingKind]int{GCollapsed: 1}}
	if got, err := readRecord(recordWithoutKeyframes(s), 0); err != nil || got.episodes.present[GCollapsed] != 1 {
		t.Errorf("a collapse held a check short of its start: %+v, %v", got.episodes, err)
	}
	got, err = readRecord(recordOfVersion5(s), 0)
	if err != nil || got.version != 5 || len(got.episodes.active) > 0 || got.watch.spread != 0 || got.watch.reached {
		t.Errorf("a record of version 5: version %d, episodes %+v, spread %g, reached %v, %v", got.version, got.episodes, got.watch.spread, got.watch.reached, err)
	}
	rec := recordOfVersion6(s)
	rec[len(rec)-1] = 2 // reached, neither yes nor no
	if _, err := readRecord(rec, 0); err == nil || !strings.Contains(err.Error(), "reached 2") {
		t.Errorf("reached 2: %v, want it refused", err)
	}
}

// TestRecordKeepsTheLossesByHand: a checkpoint saved after updates by hand (d,
// g) keeps their losses, so that the run resumed there gives them in the
// losses' legend as the run did, until its next epoch; a record of version 9,
// which has none, resumes with the epoch's. A run resumed from a record that
// keeps them does not give the epoch's losses, those before the updates, under
// weights moved by them. A record whose losses by hand the session never writes
// (a flag neither on nor off, a loss of a player not updated, an epoch past the
// checkpoint's) is refused.
func TestRecordKeepsTheLossesByHand(t *testing.T) {
	s := newIdleBlog(t)
	for range 3 {
		s.trainEpoch()
	}
	Step{Kind: StepG}.apply(s)
	Step{Kind: StepD}.apply(s)
	want := shown(s).Hand
	if want == nil || !want.D || !want.G || want.Epoch != 3 {
		t.Fatalf("after g and d at epoch 3: Hand %+v", want)
	}
	r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir})
	if got := shown(r).Hand; r.Unrecorded() != nil || got == nil || *got != *want {
		t.Errorf("resumed: Hand %+v, want %+v (%v)", got, *want, r.Unrecorded())
	}
	r.trainEpoch()
	if got := shown(r).Hand; got != nil {
		t.Errorf("an epoch after the resume: Hand %+v, want none", *got)
	}

	path := filepath.Join(t.TempDir(), "v9.ckpt")
	if err := saveCheckpoint(s.gan, recordOfVersion9(s), path); err != nil {
		t.Fatal(err)
	}
	r = newIdle(t, Options{Resume: path, Dir: s.opts.Dir})
	if got := shown(r).Hand; r.Unrecorded() != nil || got != nil || r.from != 0 {
		t.Errorf("a record of version 9: Hand %v, from %d (%v), want none, its history taken", got, r.from, r.Unrecorded())
	}

	rec := recordWithoutKeyframes(s)
	at := len(rec) - v12Bytes(s) - v11Bytes - handBytes // D's flag, G's, the epoch, the losses
	for _, edit := range []func([]byte){
		func(b []byte) { b[at] = 2 },
		func(b []byte) { b[at+1] = 0 }, // G not updated, its loss kept
		func(b []byte) { binary.LittleEndian.PutUint64(b[at+2:], 4) },
	} {
		b := slices.Clone(rec)
		edit(b)
		if _, err := readRecord(b, 3); err == nil || !strings.Contains(err.Error(), "by hand") {
			t.Errorf("edited updates by hand: %v, want them refused", err)
		}
	}
}

// TestRecordKeepsEveryFindingKind: a keyframe's findings of every kind the
// diagnosis has are read back from the record as written. Those after
// AtNoiseFloor (collapsed, plateau, d-frozen) are not refused, which would
// resume a run whose replay held one without any of its record, its charts,
// evaluations, events and replay beginning at the resume.
func TestRecordKeepsEveryFindingKind(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 2, Dir: t.TempDir(), Epochs: 1000}, 30) // three keyframes, checked every 10 epochs
	k := &s.tl.keyframes[len(s.tl.keyframes)-1]
	k.Findings = nil
	for kind := range FindingKind(len(findingNames)) {
		k.Findings = append(k.Findings, Finding{Kind: kind, Text: kind.String(), Detail: "at 30"})
	}
	got, err := readRecord(s.runRecord(), s.gan.Epoch())
	if err != nil || !reflect.DeepEqual(got.keyframes, s.tl.keyframes) {
		t.Fatalf("read back %d keyframes, %v", len(got.keyframes), err)
	}
}

// TestReplayedFramesSayWhyInTheViewsWords: a keyframe read from a
// checkpoint says why it has no D drawn in the words the live view gives
// the run's design, not those recorded with it: blog-original's frames,
// saved by an earlier ganui with "no D(x) curve: …", replay "no D(x)
// strip: D judges a whole row of 100 at once" under the bars, as live
// does; a frame of a design whose D scores single samples, kept without
// D's strip or surface, says "no D(x) strip: the checkpoint kept none"
// ("no D surface" on a plane), not an empty line.
func TestReplayedFramesSayWhyInTheViewsWords(t *testing.T) {
	for _, c := range []struct {
		preset, old, want string
		drop              bool // the frames keep no D strip or surface
	}{
		{"blog-original", "no D(x) curve: D judges a whole row of 100 at once", "no D(x) strip: D judges a whole row of 100 at once", false},
		{"vanilla", "", "no D(x) strip: the checkpoint kept none", true},
		{"ring", "", "no D surface: the checkpoint kept none", true},
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Epochs = 200
		dir := t.TempDir()
		s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500, Dir: dir})
		for s.gan.Epoch() < 2*s.every {
			s.trainEpoch()
		}
		if len(s.tl.keyframes) < 2 {
			t.Fatalf("%s: %d keyframes by epoch %d", c.preset, len(s.tl.keyframes), s.gan.Epoch())
		}
		if !c.drop && s.tl.keyframes[0].NoCurve != c.want {
			t.Errorf("%s: the live frame says %q, want %q", c.preset, s.tl.keyframes[0].NoCurve, c.want)
		}
		for i := range s.tl.keyframes {
			k := &s.tl.keyframes[i]
			k.NoCurve = c.old
			if c.drop {
				k.DCurve, k.Push, k.Surface, k.SurfaceN, k.Arrows = nil, nil, nil, 0, nil
			}
		}
		r := newIdle(t, Options{Resume: saved(t, s), Watch: true, Dir: dir})
		if err := r.Unrecorded(); err != nil || len(r.tl.keyframes) != len(s.tl.keyframes) {
			t.Fatalf("%s resumed: %v, %d keyframes of %d", c.preset, err, len(r.tl.keyframes), len(s.tl.keyframes))
		}
		for _, k := range r.tl.keyframes {
			if k.NoCurve != c.want {
				t.Errorf("%s: the frame of epoch %d replays %q, want %q", c.preset, k.Epoch, k.NoCurve, c.want)
			}
		}
	}
}

// TestResumedTextsSayWhoseWordsTheyAre: the events' details and the
// keyframes' findings a checkpoint keeps are texts, worded by the ganui
// that saved them; a run resumed by another ganui replays them as they
// were saved, each marked as that ganui's words (Event.SavedBy,
// Keyframe.SavedBy), the replay's note and the record saying so, where
// they had stood as this ganui's beside a glossary that may read
// otherwise. The same ganui marks nothing; a record of an earlier format
// is an earlier ganui's. Saved again, the texts keep their mark, in the
// record's texts as an earlier ganui reads them, and an event of the
// resumed run has none.
func TestResumedTextsSayWhoseWordsTheyAre(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: blogConfig(t, 200), Seed: 1, Samples: 500, Dir: dir})
	for s.gan.Epoch() < 2*s.every {
		s.trainEpoch()
	}
	if len(s.tl.keyframes) < 2 {
		t.Fatalf("%d keyframes by epoch %d", len(s.tl.keyframes), s.gan.Epoch())
	}
	// Words an earlier ganui wrote, which today's glossary contradicts.
	const oldEvent, oldText, oldDetail = "D can no longer tell real from fake: D real 0.693, D fake 0.694", "D can no longer tell real from fake", "D real 0.693, D fake 0.694"
	s.tl.events = []Event{{Epoch: s.every, Kind: EventEquilibrium, Detail: oldEvent}, {Epoch: s.gan.Epoch(), Kind: EventSetting, Detail: "D lr 5e-4 → 1e-3"}, {Epoch: s.gan.Epoch(), Kind: EventHandUpdate, Detail: handDetail(1, "D")}}
	s.tl.keyframes[0].Findings = []Finding{{Kind: DIndifferent, Text: oldText, Detail: oldDetail}}
	ckpt := saved(t, s)

	same := newIdle(t, Options{Resume: ckpt, Dir: dir})
	if e, k := same.tl.events[0], same.tl.keyframes[0]; e.SavedBy != "" || k.SavedBy != "" || e.Detail != oldEvent || k.Findings[0].Detail != oldDetail {
		t.Errorf("resumed by the ganui that saved it: event %+v, frame's words %q, %+v", e, k.SavedBy, k.Findings)
	}

	defer func(v string) { ownVersion = v }(ownVersion)
	ownVersion = "v9.9.9" // another ganui than the "(devel)" the checkpoint names
	r := newIdle(t, Options{Resume: ckpt, Dir: dir})
	const another = "another ganui"
	if e := r.tl.events[0]; e.SavedBy != another || e.Detail != oldEvent {
		t.Errorf("the event resumed by another ganui: %+v, want its detail as saved, by %q", e, another)
	}
	if k := r.tl.keyframes[0]; k.SavedBy != another || k.Findings[0].Text != oldText || k.Findings[0].Detail != oldDetail {
		t.Errorf("the frame resumed by another ganui: by %q, findings %+v", k.SavedBy, k.Findings)
	}
	if k := r.tl.keyframes[1]; k.SavedBy != "" && len(k.Findings) == 0 {
		t.Errorf("a frame without findings marked as words: %q", k.SavedBy)
	}
	Replay{Dir: -1, Jump: false}.apply(r)
	for r.replay > 0 {
		Replay{Dir: -1}.apply(r)
	}
	if want := "replay frame 1 of " + fmt.Sprint(len(r.tl.keyframes)) + " (in another ganui's words)"; !strings.Contains(r.note, want) {
		t.Errorf("the replay's note at the first frame: %q, want %q", r.note, want)
	}
	Replay{Live: true}.apply(r)
	// The setting changed and the update by hand at the checkpoint's epoch,
	// changed and pressed again before an epoch trains, are this ganui's
	// words from then on.
	if r.handEvent("D"); r.tl.events[2].Detail != handDetail(2, "D") || r.tl.events[2].SavedBy != "" {
		t.Errorf("the hand-update event reworded by this ganui: %+v, want no mark", r.tl.events[2])
	}
	r.tl.events = r.tl.events[:2] // the setting last again, for the next change to take it up
	if r.settingEvent("D lr", "1e-3", "2e-3"); r.tl.events[1].Detail != "D lr 5e-4 → 2e-3" || r.tl.events[1].SavedBy != "" {
		t.Errorf("the setting event reworded by this ganui: %+v, want no mark", r.tl.events[1])
	}

	// Trained on and saved again, then resumed by the ganui the checkpoint
	// names: the texts keep their mark, the resumed run's event has none.
	r.trainEpoch()
	r.emit(Event{Epoch: r.gan.Epoch(), Kind: EventSetting, Detail: "D lr 5e-4 → 5e-3"})
	again := saved(t, r)
	_, annex, err := loadCheckpoint(again)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{oldEvent + " (in another ganui's words)", oldDetail + " (in another ganui's words)"} {
		if !bytes.Contains(annex, []byte(text)) {
			t.Errorf("the record does not hold %q, as an earlier ganui would read it", text)
		}
	}
	ownVersion = "(devel)" // the ganui that wrote it, as the checkpoint names it
	r2 := newIdle(t, Options{Resume: again, Dir: dir})
	evs := r2.tl.events
	if len(evs) != 3 || evs[0].SavedBy != another || evs[0].Detail != oldEvent || evs[1].SavedBy != "" || evs[2].SavedBy != "" || r2.tl.keyframes[0].SavedBy != another || r2.tl.keyframes[0].Findings[0].Detail != oldDetail {
		t.Errorf("saved again and resumed by the same ganui: events %+v, first frame by %q", evs, r2.tl.keyframes[0].SavedBy)
	}

	// A record of an earlier format, whoever the checkpoint names, is an
	// earlier ganui's.
	old := filepath.Join(dir, "v10.ckpt")
	if err := saveCheckpoint(s.gan, recordOfVersion10(s), old); err != nil {
		t.Fatal(err)
	}
	if e := newIdle(t, Options{Resume: old, Dir: dir}).tl.events[0]; e.SavedBy != "an older ganui" {
		t.Errorf("a record of version 10: the event by %q, want an older ganui", e.SavedBy)
	}

	// Written by a build of an untagged commit, its pseudo-version, the
	// texts are named by its revision: "(in ganui v0.0.0-20261203061234-
	// 0504f7c1a2b3+dirty's words)" took 51 columns of the replay's note.
	own := release.Version
	release.Version = "v0.0.0-20261203061234-0504f7c1a2b3+dirty"
	pseudo := filepath.Join(dir, "pseudo.ckpt")
	err = saveCheckpoint(s.gan, s.runRecord(), pseudo)
	release.Version = own
	if err != nil {
		t.Fatal(err)
	}
	if e := newIdle(t, Options{Resume: pseudo, Dir: dir}).tl.events[0]; e.SavedBy != "ganui devel 0504f7c" {
		t.Errorf("written by a pseudo-version: the event by %q, want ganui devel 0504f7c", e.SavedBy)
	}
}
