package session

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// TestReplaySteps: while paused, Replay steps through the keyframes kept
// on the check schedule, back and forward and from event to event; a
// snapshot carries the frame; any training command returns to live.
func TestReplaySteps(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 1000}, 1000)
	n := len(s.tl.keyframes)
	if n != 1000/s.every || s.tl.keyframes[n-1].Epoch != 1000 {
		t.Fatalf("%d keyframes, the last at epoch %d; want %d, the last at 1000", n, s.tl.keyframes[n-1].Epoch, 1000/s.every)
	}
	// The newest frame is the live epoch itself: one step back from live
	// shows the one before it.
	Replay{Dir: -1}.apply(s)
	s.publish()
	snap := <-s.snaps
	if snap.Replay == nil || snap.Replay.Epoch != 1000-s.every || snap.ReplayIndex != n-2 || snap.Frames != n {
		t.Fatalf("one frame back: %+v of %d", snap.ReplayIndex, snap.Frames)
	}
	for range 3 {
		Replay{Dir: -1}.apply(s)
	}
	if got := s.tl.keyframes[s.replay].Epoch; got != 1000-4*s.every {
		t.Fatalf("four frames back: epoch %d", got)
	}
	for range 3 {
		Replay{Dir: +1}.apply(s)
	}
	if got := s.tl.keyframes[s.replay].Epoch; got != 1000-s.every {
		t.Fatalf("forward again to the frame before the newest: epoch %d", got)
	}
	// The newest frame is the live epoch's: forward passes over it, as
	// back from live does, to live.
	Replay{Dir: +1}.apply(s)
	if s.replay != -1 || s.note != "back to live at epoch 1,000" {
		t.Fatalf("forward from the frame before the live epoch's: frame %d, %q", s.replay, s.note)
	}
	for range 3 {
		Replay{Dir: -1}.apply(s)
	}
	// Back to the event, mode 1 found at epoch 210, the run's only one:
	// a second < finds none earlier and stays there.
	for range 2 {
		Replay{Dir: -1, Jump: true}.apply(s)
		if got := s.tl.keyframes[s.replay].Epoch; got != 210 {
			t.Fatalf("back to an event: frame of epoch %d, want 210 (events %v)", got, s.tl.events)
		}
	}
	s.replay = 0
	Replay{Dir: +1, Jump: true}.apply(s)
	if got := s.tl.keyframes[s.replay].Epoch; got != 210 {
		t.Fatalf("forward to the next event: frame of epoch %d, want 210", got)
	}
	if f := s.tl.keyframes[s.replay]; len(f.Metrics.Hist.Counts) != keyBins || len(f.DCurve) != keyBins || len(f.Push) != keyBins || f.GZ != nil { // G reads 4 noise values: no G(z)
		t.Fatalf("a keyframe lacks what the samples panel shows: %d bins", len(f.Metrics.Hist.Counts))
	}
	HistBins{N: 50}.apply(s)
	if s.replay < 0 {
		t.Fatal("a resize left the replay")
	}
	s.applyOne(Step{Kind: StepEpoch})
	if s.replay != -1 || s.gan.Epoch() != 1001 {
		t.Fatalf("a step: replay %d, epoch %d", s.replay, s.gan.Epoch())
	}
}

// TestReplaySaysWhereItStops: a step back from the first keyframe, or a
// jump with no event that way, says so, and the frame stays in sight: the
// jump does not move on to the first frame, or back to live, for want of
// an event.
func TestReplaySaysWhereItStops(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	n := len(s.tl.keyframes)
	frame := fmt.Sprintf("replay frame 1 of %d · ", n)
	for range n - 1 { // the first step back passes over the newest frame, the live epoch itself
		Replay{Dir: -1}.apply(s)
	}
	if s.replay != 0 || !strings.HasPrefix(PlainNote(s.note), "replay frame 1 of") {
		t.Fatalf("stepped back to frame %d: %q", s.replay, s.note)
	}
	Replay{Dir: -1}.apply(s)
	if s.replay != 0 || !strings.HasPrefix(PlainNote(s.note), "no earlier keyframe kept: "+frame) {
		t.Errorf("a step back from the first frame: frame %d, %q", s.replay, s.note)
	}
	Replay{Dir: -1, Jump: true}.apply(s)
	if s.replay != 0 || !strings.HasPrefix(PlainNote(s.note), "no earlier event, staying on "+frame) {
		t.Errorf("a jump back from the first frame: frame %d, %q", s.replay, s.note)
	}
	Replay{Dir: +1}.apply(s)
	Replay{Dir: +1}.apply(s)
	if s.replay != 2 || !strings.HasPrefix(PlainNote(s.note), "replay frame 3 of") {
		t.Errorf("two steps forward: frame %d, %q", s.replay, s.note)
	}
	s.tl.events = nil // a run whose events all came before its first frame kept
	third := fmt.Sprintf("replay frame 3 of %d · ", n)
	Replay{Dir: -1, Jump: true}.apply(s)
	if s.replay != 2 || !strings.HasPrefix(PlainNote(s.note), "no earlier event, staying on "+third) {
		t.Errorf("a jump back with no event, from the third frame: frame %d, %q", s.replay, s.note)
	}
	Replay{Dir: +1, Jump: true}.apply(s)
	if s.replay != 2 || !strings.HasPrefix(PlainNote(s.note), "no later event, staying on "+third) {
		t.Errorf("a jump forward with no event, from the third frame: frame %d, %q", s.replay, s.note)
	}
	// Forward from live says where the run is and how to look back, not
	// "live" alone.
	Replay{Live: true}.apply(s)
	for _, c := range []Replay{{Dir: +1}, {Dir: +1, Jump: true}} {
		c.apply(s)
		// No event kept: < is not offered, there being none to point to.
		if s.replay != -1 || s.note != "already live at epoch 300: , steps back through the keyframes (no events yet)" {
			t.Errorf("%+v while live: frame %d, %q", c, s.replay, s.note)
		}
	}
	s.tl.events = []Event{{Epoch: 150, Kind: EventEquilibrium}}
	Replay{Dir: +1}.apply(s)
	if s.replay != -1 || s.note != "already live at epoch 300: , steps back through the keyframes, < to an event" {
		t.Errorf("> while live with an event: frame %d, %q", s.replay, s.note)
	}
	s.tl.events = nil
	for range 2 {
		Replay{Dir: -1}.apply(s)
	}
	for range 2 { // the newest frame, the live epoch's, is passed over
		Replay{Dir: +1}.apply(s)
	}
	if s.replay != -1 || s.note != "back to live at epoch 300" {
		t.Errorf("a step forward past the newest frame: frame %d, %q", s.replay, s.note)
	}
}

// TestReplayOffersEventKeysWhereTheyGo: a replay's note offers < and > each
// where it has an event to go to, and neither on a run with none, not "< >
// events".
func TestReplayOffersEventKeysWhereTheyGo(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	frames := s.tl.keyframes
	if len(frames) < 4 {
		t.Fatalf("%d keyframes, want 4 or more", len(frames))
	}
	s.tl.events = nil
	Replay{Dir: -1}.apply(s)
	if note := PlainNote(s.note); !strings.HasPrefix(note, "replay frame ") || strings.ContainsAny(note, "<>") {
		t.Errorf("a replay with no events offers a jump: %q", note)
	}
	s.tl.events = []Event{{Epoch: frames[1].Epoch, Kind: EventEquilibrium}}
	for _, c := range []struct {
		frame int
		want  string
	}{
		{0, " · > events · "},
		{1, " · , . step · esc"}, // the event's own frame: none other to go to
		{2, " · < events · "},
	} {
		s.replay = c.frame + 1
		Replay{Dir: -1}.apply(s)
		if note := PlainNote(s.note); s.replay != c.frame || !strings.Contains(note, c.want) {
			t.Errorf("frame %d: %q, want %q in it", s.replay, note, c.want)
		}
	}
	s.tl.events = append(s.tl.events, Event{Epoch: frames[2].Epoch + 1, Kind: EventEquilibrium})
	s.replay = 3
	Replay{Dir: -1}.apply(s)
	if note := PlainNote(s.note); s.replay != 2 || !strings.Contains(note, " · < > events · ") {
		t.Errorf("frame %d between two events: %q", s.replay, note)
	}
}

// TestReplayJumpsToOneKind: with a Kind, < and > go to the events of that kind
// alone, passing over the others, and the note says which kind it offers and
// found none of ("no later d-wins event"); they do not go to the next event of
// any kind, whatever kind the trainer's f has chosen.
func TestReplayJumpsToOneKind(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	frames := s.tl.keyframes
	if len(frames) < 5 {
		t.Fatalf("%d keyframes, want 5 or more", len(frames))
	}
	s.tl.events = []Event{
		{Epoch: frames[1].Epoch, Kind: EventEquilibrium},
		{Epoch: frames[2].Epoch, Kind: EventDWins},
		{Epoch: frames[3].Epoch, Kind: EventEquilibrium},
	}
	eq, dw := EventEquilibrium.String(), EventDWins.String()
	s.replay = 0
	for _, want := range []int{1, 3} {
		Replay{Dir: +1, Jump: true, Kind: eq}.apply(s)
		if note := PlainNote(s.note); s.replay != want || !strings.HasPrefix(note, "◆ equilibrium at epoch "+numtext.FormatInt(frames[want].Epoch)+": ") {
			t.Fatalf("> to the next equilibrium: frame %d, want %d: %q", s.replay, want, note)
		}
	}
	if note := PlainNote(s.note); !strings.Contains(note, " · < equilibrium events · ") {
		t.Errorf("the last equilibrium's frame offers: %q", note)
	}
	Replay{Dir: +1, Jump: true, Kind: eq}.apply(s)
	if note := PlainNote(s.note); s.replay != 3 || !strings.HasPrefix(note, "no later equilibrium event, staying on replay frame 4 of ") {
		t.Errorf("> past the last equilibrium: frame %d, %q", s.replay, note)
	}
	Replay{Live: true}.apply(s)
	Replay{Dir: +1, Jump: true, Kind: dw}.apply(s)
	if s.note != "already live at epoch 300: , steps back through the keyframes, < to the d-wins events" {
		t.Errorf("> while live, d-wins chosen: %q", s.note)
	}
	Replay{Dir: -1, Jump: true, Kind: dw}.apply(s)
	if note := PlainNote(s.note); s.replay != 2 || !strings.HasPrefix(note, "◆ d-wins at epoch ") || strings.Contains(note, " events · ") {
		t.Errorf("< to the only d-wins, which has none other to offer: frame %d, %q", s.replay, note)
	}
	Replay{Dir: -1, Jump: true, Kind: dw}.apply(s)
	want := "no earlier d-wins event than ◆ d-wins at epoch " + numtext.FormatInt(frames[2].Epoch) + ", staying on replay frame 3 of "
	if note := PlainNote(s.note); s.replay != 2 || !strings.HasPrefix(note, want) {
		t.Errorf("< before the first d-wins: frame %d, %q, want it to begin %q", s.replay, note, want)
	}
	s.replay = 0
	// Every kind, as before: > from the first frame goes to the next event.
	Replay{Dir: +1, Jump: true}.apply(s)
	if s.replay != 1 {
		t.Errorf("> of every kind from the first frame: frame %d, want 1", s.replay)
	}
}

// TestWritingKeepsTheReplay: the commands that write the run to a file — Save,
// Export, Share and Plot — leave a replay where it is, as Pin does, P, the
// figure, as well as w, e and c. The checkpoint and the figure are the live
// run's, which their notes say beside the replayed frame's epoch, not "saved
// epoch 300" alone, and the checkpoint resumes as the live run goes on.
func TestWritingKeepsTheReplay(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300, Dir: t.TempDir()}, 300)
	s.applyOne(Replay{Dir: -1})
	frame := s.replay
	if frame < 0 {
		t.Fatal("no replay")
	}
	live := ", the live run, not the replayed epoch " + numtext.FormatInt(s.tl.keyframes[frame].Epoch)
	draw := func(w io.Writer, p Picture) error { _, err := io.WriteString(w, "figure"); return err }
	for _, c := range []Command{Save{}, Export{}, Share{}, Plot{Format: "png", Draw: draw}, Pin{}} {
		s.applyOne(c)
		if s.replay != frame {
			t.Errorf("%T: replay frame %d, was %d (%s)", c, s.replay, frame, s.note)
		}
		switch c.(type) {
		case Save:
			if !strings.HasPrefix(s.note, "saved epoch 300"+live+": ") {
				t.Errorf("saved while replaying: %q", s.note)
			}
		case Plot:
			if !strings.HasPrefix(s.note, "wrote the figure of epoch 300"+live+", to ") {
				t.Errorf("a figure while replaying: %q", s.note)
			}
		}
	}
	s.replay = -1
	Save{}.apply(s)
	if strings.Contains(s.note, "replayed") {
		t.Errorf("saved live: %q", s.note)
	}
	s.applyOne(Replay{Dir: -1})
	resumesAsStraight(t, s, Options{Samples: 500}, 100) // its plan of 300 the record's: --epochs 300 would be refused
}

// TestPaceKeepsTheReplay: [ and ] (Adjust Speed) change the pace and
// leave a replay where it is, the pace being no part of the run; they
// returned to live, as a change of a learning rate still does.
func TestPaceKeepsTheReplay(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 300)
	s.applyOne(Replay{Dir: -1})
	frame, speed := s.replay, s.speed
	if frame < 0 {
		t.Fatal("no replay")
	}
	for _, dir := range []int{-1, -1, +1} {
		s.applyOne(Adjust{Setting: Speed, Dir: dir})
		if s.replay != frame {
			t.Errorf("pace %+d: replay frame %d, was %d (%s)", dir, s.replay, frame, s.note)
		}
	}
	if s.speed == speed || !strings.HasPrefix(s.note, "speed ") {
		t.Errorf("the pace did not change while replaying: %v → %v, %q", speed, s.speed, s.note)
	}
	s.applyOne(Adjust{Setting: DLR, Dir: +1})
	if s.replay != -1 {
		t.Errorf("a learning rate retuned kept replay frame %d", s.replay)
	}
}

// TestDivergedRunIsNoBaseline: b on a diverged run pins nothing and says why
// and what to do, while a baseline pinned before still unpins; rolled back, the
// run pins again. The diverged state, NaN or runaway, is not pinned, a baseline
// nothing would compare with.
func TestDivergedRunIsNoBaseline(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 100)
	keepNow(s)
	Pin{}.apply(s)
	poison(t, s)
	if s.applyOne(Pin{}); s.baseline != nil || s.note != "baseline cleared" {
		t.Fatalf("b with a baseline pinned, diverged: baseline %v, note %q; want it cleared", s.baseline != nil, s.note)
	}
	s.applyOne(Pin{})
	if want := "no baseline: a diverged run is nothing to compare with; lower a learning rate (←), then u rolls back to go on"; s.baseline != nil || s.note != want || !s.refused {
		t.Errorf("b on a diverged run: baseline %v, note %q, refused %v; want none, %q", s.baseline != nil, s.note, s.refused, want)
	}
	s.applyOne(Rollback{})
	if s.applyOne(Pin{}); s.state != Paused || s.baseline == nil || s.baseline.Epoch != 100 {
		t.Errorf("b once rolled back (%s, %q): baseline %+v, want epoch 100's", s.state, s.note, s.baseline)
	}
}

// TestRefusalsKeepTheReplay: a key that trains or changes the run returns a
// replay to live, but one that changes nothing and says why — n, d or space on
// a diverged run, u on a run that has not diverged, → at the top of the ladder
// — leaves the frame in sight, so that a frame of the epochs before a
// divergence is not lost to an n that does nothing.
func TestRefusalsKeepTheReplay(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 100)
	keepNow(s)
	poison(t, s) // both learning rates at the top of the ladder, 10
	back := func() int {
		t.Helper()
		s.applyOne(Replay{Dir: -1})
		if s.replay < 0 {
			t.Fatalf("no replay: %q", s.note)
		}
		return s.replay
	}
	frame := back()
	for _, c := range []Command{Step{Kind: StepEpoch}, Step{Kind: StepD}, Step{Kind: StepG}, TogglePause{}, Adjust{DLR, +1}} {
		s.applyOne(c)
		if s.replay != frame || s.state != Diverged {
			t.Errorf("%#v on a diverged run: frame %d, was %d, %s (%s)", c, s.replay, frame, s.state, s.note)
		}
	}
	s.applyOne(Adjust{DLR, -1}) // a change of the run: back to live
	if s.replay != -1 {
		t.Errorf("a learning rate lowered kept replay frame %d", s.replay)
	}
	s.applyOne(Rollback{})
	if s.state != Paused {
		t.Fatalf("no roll-back: %s, %q", s.state, s.note)
	}
	s.applyOne(Step{Kind: StepEpoch}) // off the state rolled back to: u has nothing more to do
	frame = back()
	s.applyOne(Rollback{})
	if s.replay != frame || !strings.HasPrefix(s.note, "u rolls a diverged run back") {
		t.Errorf("u on a run that has not diverged: frame %d, was %d (%s)", s.replay, frame, s.note)
	}
	s.applyOne(Step{Kind: StepEpoch})
	if s.replay != -1 {
		t.Errorf("n kept replay frame %d", s.replay)
	}
}

// applyOne applies c as the session's goroutine would between epochs.
func (s *Session) applyOne(c Command) {
	s.Send(c)
	s.mu.Lock()
	batch := s.queue
	s.queue = nil
	s.mu.Unlock()
	for _, c := range batch {
		s.applyCommand(c)
	}
}

// TestPinKeepsTheBaseline: Pin fixes the run's curves and evaluation as a
// baseline that outlives a reseed and a retune; Pin again clears it.
func TestPinKeepsTheBaseline(t *testing.T) {
	s := newIdleBlog(t)
	for range 30 {
		s.trainEpoch()
	}
	s.evaluate()
	Pin{}.apply(s)
	b := s.baseline
	if b == nil || b.Epoch != 30 || b.Seed != 3 || len(b.History) != 30 || b.Eval.Metrics.N == 0 {
		t.Fatalf("pinned %+v", b)
	}
	// In the words of the footer, the help and the glossary: R reruns.
	if want := "reseed, retune or rerun to compare"; !strings.Contains(s.note, want) {
		t.Errorf("the note %q lacks %q", s.note, want)
	}
	Reseed{}.apply(s)
	Adjust{DLR, +1}.apply(s)
	s.trainEpoch()
	if s.baseline != b || len(b.History) != 30 {
		t.Fatal("the baseline changed with the run")
	}
	Pin{}.apply(s)
	if s.baseline != nil || !strings.Contains(s.note, "cleared") {
		t.Fatalf("Pin again: %v, %q", s.baseline, s.note)
	}
}

// TestBaselineKeepsWhatTheViewsDraw: a pin keeps the quantiles and G's curve of
// the evaluation at it, from which the Q-Q and G(z) views draw the baseline's
// ghost; a resume counts the quantiles again from the sample the record keeps,
// the same, and has G's curve, which the record keeps, so that the G(z) view of
// a resumed run does not say "no G(z) of base seed 2 at 30: the checkpoint kept
// none". One resumed from a record of version 10, which keeps none, has none
// (the G(z) view says so).
func TestBaselineKeepsWhatTheViewsDraw(t *testing.T) {
	s := idleAt(t, "devnag-2017", Options{Seed: 2, Dir: t.TempDir()}, 30)
	s.evaluate()
	Pin{}.apply(s)
	b := s.baseline
	if m := &b.Eval.Metrics; len(m.QQ) == 0 || !reflect.DeepEqual(m.QQ, s.eval.Metrics.QQ) || len(b.Eval.GZ) == 0 || !reflect.DeepEqual(b.Eval.GZ, s.eval.GZ) {
		t.Fatalf("pinned %d quantiles and %d points of G's curve, the evaluation's %d and %d", len(m.QQ), len(b.Eval.GZ), len(s.eval.Metrics.QQ), len(s.eval.GZ))
	}
	path := filepath.Join(t.TempDir(), "v10.ckpt")
	if err := saveCheckpoint(s.gan, recordOfVersion10(s), path); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		resume string
		gz     []ZX
	}{{saved(t, s), b.Eval.GZ}, {path, nil}} {
		r := newIdle(t, Options{Resume: c.resume, Dir: s.opts.Dir})
		g := r.baseline
		if r.Unrecorded() != nil || g == nil {
			t.Fatalf("%s resumed without its baseline (%v)", filepath.Base(c.resume), r.Unrecorded())
		}
		if !reflect.DeepEqual(g.Eval.Metrics.QQ, b.Eval.Metrics.QQ) || !reflect.DeepEqual(g.Eval.GZ, c.gz) {
			t.Errorf("%s resumed: %d quantiles and %d points of G's curve, want %d and %d", filepath.Base(c.resume), len(g.Eval.Metrics.QQ), len(g.Eval.GZ), len(b.Eval.Metrics.QQ), len(c.gz))
		}
	}
}

// TestOverflowingGCurveResumes: a run whose G outputs ±Inf or NaN at some noise
// values, its float32 output overflowing there short of a diverged run, saves
// with w a checkpoint that resumes with its record: the G curves of its
// baseline and of its keyframes as the G(z) view drew them, those points left
// out and counted. Such a curve is not refused on resume, which would take the
// whole record with it, the run resumed without its history, its baseline or
// its replay.
func TestOverflowingGCurveResumes(t *testing.T) {
	s := idleAt(t, "devnag-2017", Options{Seed: 2, Dir: t.TempDir()}, 30)
	s.check() // a keyframe
	s.evaluate()
	Pin{}.apply(s)
	frame := &s.tl.keyframes[len(s.tl.keyframes)-1]
	for _, gz := range [][]ZX{s.baseline.Eval.GZ, frame.Eval.GZ} {
		gz[0].X, gz[1].X, gz[len(gz)-1].X = math.Inf(-1), math.NaN(), math.Inf(1)
	}
	r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir})
	if r.Unrecorded() != nil || r.baseline == nil || len(r.tl.keyframes) != len(s.tl.keyframes) {
		t.Fatalf("resumed with %d keyframes of %d, baseline %v: %v", len(r.tl.keyframes), len(s.tl.keyframes), r.baseline != nil, r.Unrecorded())
	}
	same := func(a, b ZX) bool {
		return math.Float64bits(a.Z) == math.Float64bits(b.Z) && math.Float64bits(a.X) == math.Float64bits(b.X)
	}
	if !slices.EqualFunc(r.baseline.Eval.GZ, s.baseline.Eval.GZ, same) || !slices.EqualFunc(r.tl.keyframes[len(r.tl.keyframes)-1].Eval.GZ, frame.Eval.GZ, same) {
		t.Errorf("resumed G curves:\n%v\n%v\nwant\n%v\n%v", r.baseline.Eval.GZ[:3], r.tl.keyframes[len(r.tl.keyframes)-1].Eval.GZ[:3], s.baseline.Eval.GZ[:3], frame.Eval.GZ[:3])
	}
}

// TestBaselineBinsFollowTheScreen: a baseline pinned from the run as it
// is, compared with the same run at the same epoch after a resize, has
// the live histogram's bins and, the sample being the same, its counts
// exactly; one pinned while its evaluation is behind the run is evaluated
// at the epoch pinned.
func TestBaselineBinsFollowTheScreen(t *testing.T) {
	s := newIdleBlog(t)
	for range 30 {
		s.trainEpoch()
	}
	HistBins{N: 85}.apply(s)
	Pin{}.apply(s)
	if b := s.baseline; b.Eval.Epoch != 30 || len(b.Eval.Metrics.Hist.Counts) != 85 {
		t.Fatalf("pinned the evaluation of epoch %d, %d bins; want epoch 30, 85 bins", b.Eval.Epoch, len(b.Eval.Metrics.Hist.Counts))
	}
	pinned := s.baseline
	for _, bins := range []int{44, 85, 400} {
		HistBins{N: bins}.apply(s)
		s.publish()
		snap := <-s.snaps
		live, base := snap.Eval.Metrics.Hist, snap.Baseline.Eval.Metrics.Hist
		if !slices.Equal(base.Counts, live.Counts) || base.Under != live.Under || base.Over != live.Over || base.Lo != live.Lo || base.Hi != live.Hi {
			t.Errorf("%d bins: the baseline counts %v (%d under, %d over), the same sample live %v (%d, %d)",
				bins, base.Counts, base.Under, base.Over, live.Counts, live.Under, live.Over)
		}
	}
	if len(pinned.Eval.Metrics.Hist.Counts) != 85 {
		t.Error("re-binning changed the baseline an earlier snapshot holds")
	}
}

// TestPictureCarriesTheBaseline: a run's picture, which its figure is drawn
// from, holds the baseline pinned, its histogram counted from the same sample
// in the figure's bins (PictureBins) whatever the screen's, which the snapshots
// keep; without one, none. So the figure has the baseline to draw.
func TestPictureCarriesTheBaseline(t *testing.T) {
	s := newIdleBlog(t)
	for range 30 {
		s.trainEpoch()
	}
	if s.Picture().Baseline != nil {
		t.Fatal("a picture of a run with nothing pinned has a baseline")
	}
	HistBins{N: 85}.apply(s)
	Pin{}.apply(s)
	Reseed{}.apply(s)
	s.trainEpoch()
	p := s.Picture()
	b := p.Baseline
	if b == nil || b.Seed != 3 || b.Epoch != 30 || len(b.History) != 30 {
		t.Fatalf("the picture's baseline %+v, want seed 3's at epoch 30", b)
	}
	h := b.Eval.Metrics.Hist
	n := h.Under + h.Over
	for _, c := range h.Counts {
		n += c
	}
	if len(h.Counts) != PictureBins || n != b.Eval.Metrics.N || h.Lo != p.Lo || h.Hi != p.Hi {
		t.Errorf("the picture's baseline counts %d of %d samples in %d bins over [%g, %g]; want all in %d over the picture's [%g, %g]",
			n, b.Eval.Metrics.N, len(h.Counts), h.Lo, h.Hi, PictureBins, p.Lo, p.Hi)
	}
	if len(s.baseline.Eval.Metrics.Hist.Counts) != 85 {
		t.Error("the picture re-binned the screen's baseline")
	}
}

// TestShareWritesTheDesign: Share writes a preset file that loads back as
// the design being trained, retuned settings included, and says the
// command that reproduces the run.
func TestShareWritesTheDesign(t *testing.T) {
	s := newIdleBlog(t)
	Adjust{DLR, +1}.apply(s)
	Adjust{GSteps, +1}.apply(s)
	Share{}.apply(s)
	path := filepath.Join(s.opts.Dir, "ganui-blog-original-seed3.json")
	if s.failed || !strings.Contains(s.note, path) {
		t.Fatalf("share note %q", s.note)
	}
	cfg, err := presets.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := s.gan.Config(); cfg.DLR != want.DLR || cfg.GSteps != want.GSteps || cfg.Name != want.Name || string(presets.Marshal(cfg)) != string(presets.Marshal(want)) {
		t.Fatalf("the shared design loads as %+v", cfg)
	}
	// c's note shows how to use the file it wrote: its command trains
	// that file, not the preset with --set flags that never name it.
	fileCommand := "ganui --preset " + path + " --samples 1000 --seed 3"
	if _, cmd, _ := strings.Cut(s.note, CommandBreak); cmd != fileCommand {
		t.Errorf("c's command %q; want it to train the file c wrote, %s", cmd, path)
	}
	// The command again, as quitting prints it, is the one c showed while
	// the file holds the design as it is now: one run, one command.
	if a := s.Again(); a.Command != fileCommand || a.Caveat != "" || a.DesignFile != "" {
		t.Errorf("again after c %+v, want c's command %q", a, fileCommand)
	}
	// A setting changed since, the file no longer holds the design: the
	// preset with --set, as set now. Taken back, the file does again.
	Adjust{GSteps, +1}.apply(s)
	if a, want := s.Again(), "ganui --set d_lr=2e-3 --set g_steps=7 --samples 1000 --seed 3"; a.Command != want {
		t.Errorf("again after a change since c %+v, want %q", a, want)
	}
	Adjust{GSteps, -1}.apply(s)
	if a := s.Again(); a.Command != fileCommand {
		t.Errorf("again with the change taken back %+v, want c's command %q", a, fileCommand)
	}
	// The file changed or gone since: not offered.
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if a, want := s.Again(), "ganui --set d_lr=2e-3 --set g_steps=6 --samples 1000 --seed 3"; a.Command != want {
		t.Errorf("again with c's file changed %+v, want %q", a, want)
	}
	os.Remove(path)
	if a, want := s.Again(), "ganui --set d_lr=2e-3 --set g_steps=6 --samples 1000 --seed 3"; a.Command != want {
		t.Errorf("again with c's file gone %+v, want %q", a, want)
	}
}

// TestShareNamesThePointsFile: the design file Share writes names a
// points(FILE.csv) target's file by its absolute path, which a preset
// file reads from its own directory, not the working directory: written
// as the run names it, pts.csv, the file loaded from anywhere but the
// working directory found no points beside it.
func TestShareNamesThePointsFile(t *testing.T) {
	data := t.TempDir()
	if err := os.WriteFile(filepath.Join(data, "pts.csv"), []byte("x,y\n0,0\n1,1\n2,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(data)
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Target = "points(pts.csv)"
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500, Dir: t.TempDir()})
	path, err := s.WriteDesign()
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	back, err := presets.Load(path)
	if want := "points(" + filepath.Join(data, "pts.csv") + ")"; err != nil || back.Target != want {
		t.Errorf("the design file loads from elsewhere as target %q, %v; want %q", back.Target, err, want)
	}
}

// TestKeysNeverReplaceTheRunsFiles: a key's file whose name is a file the
// run was started from or writes itself goes to the next free name; the
// file stays as it was.
func TestKeysNeverReplaceTheRunsFiles(t *testing.T) {
	dir := t.TempDir()
	cfg := blogConfig(t, 5000)
	design := filepath.Join(dir, "ganui-blog-original-seed3.json")
	if err := os.WriteFile(design, presets.Marshal(cfg), 0o666); err != nil {
		t.Fatal(err)
	}
	s := newIdle(t, Options{Config: cfg, Seed: 3, Samples: 1000, Dir: dir, Preset: design, PresetFile: design,
		LogPath: filepath.Join(dir, "ganui-blog-original-seed3-epoch1.csv")})
	Adjust{DLR, +1}.apply(s)
	Share{}.apply(s)
	if want := filepath.Join(dir, "ganui-blog-original-seed3-2.json"); s.failed || !strings.Contains(s.note, "wrote "+want) {
		t.Fatalf("share note %q, want it to write %s", s.note, want)
	}
	if got, _ := os.ReadFile(design); string(got) != string(presets.Marshal(cfg)) {
		t.Fatal("Share replaced the preset file the run came from")
	}
	s.trainEpoch()
	Export{}.apply(s)
	if want := filepath.Join(dir, "ganui-blog-original-seed3-epoch1-2.csv"); s.failed || !strings.Contains(s.note, want) {
		t.Fatalf("export note %q, want %s", s.note, want)
	}

	ckpt := filepath.Join(dir, "ganui-blog-original-seed3-epoch1.ckpt")
	if err := SaveCheckpoint(s.gan, ckpt); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(ckpt)
	r := newIdle(t, Options{Resume: ckpt, Dir: dir})
	Save{}.apply(r)
	if want := filepath.Join(dir, "ganui-blog-original-seed3-epoch1-2.ckpt"); r.failed || !strings.Contains(r.note, want) {
		t.Fatalf("save note %q, want %s", r.note, want)
	}
	if after, _ := os.ReadFile(ckpt); string(after) != string(before) {
		t.Fatal("Save replaced the checkpoint the run resumed from")
	}
}

// TestAgainIgnoresHowTheTextsAreSpaced: a run whose preset's description
// and source have plain spaces where the built-in preset keeps a label
// with its value by non-breaking ones (a checkpoint of an earlier ganui,
// a preset file) is the same design: the command sets neither.
func TestAgainIgnoresHowTheTextsAreSpaced(t *testing.T) {
	cfg, err := presets.Get("ring-pacgan")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Description, cfg.Source = numtext.Plain(cfg.Description), numtext.Plain(cfg.Source)
	s := newIdle(t, Options{Config: cfg, Seed: 3, Dir: t.TempDir(), Preset: "ring-pacgan"})
	if a := s.Again(); a.Command != "ganui --preset ring-pacgan --seed 3" {
		t.Errorf("again %+v, want the preset alone", a)
	}
}

// TestAgainRepeatsTheRun: the command names what --preset named, every
// setting as --set takes it back (spaces and lists too), the epochs
// trained past the plan and a sample size that is not the default; a run
// that did what no command repeats says so.
func TestAgainRepeatsTheRun(t *testing.T) {
	cfg := blogConfig(t, 5000)
	cfg.Name, cfg.Description = "wide one", "my ring test"
	cfg.GHidden = []int{64, 32}
	s := newIdle(t, Options{Config: cfg, Seed: 3, Dir: t.TempDir(), Preset: "blog-original"})
	a := s.Again()
	want := "ganui --set 'name=wide one' --set 'description=my ring test' --set g_hidden=64,32 --seed 3"
	if a.Command != want || a.Caveat != "" || a.DesignFile != "" {
		t.Fatalf("again %+v, want the command %q", a, want)
	}
	back := engine.Config{}
	back, _ = presets.Get("blog-original")
	for _, c := range settingsDiff(back, cfg) {
		if err := back.Set(c.Key, c.Value); err != nil {
			t.Fatal(err)
		}
	}
	back.Epochs = cfg.Epochs
	if string(presets.Marshal(back)) != string(presets.Marshal(cfg)) {
		t.Fatalf("the --set values load as\n%s\nnot\n%s", presets.Marshal(back), presets.Marshal(cfg))
	}

	Adjust{DLR, +1}.apply(s) // before the first epoch: the run's own setting
	s.trainEpoch()
	Adjust{GLR, +1}.apply(s)
	Adjust{GLR, -1}.apply(s) // taken back before an epoch: nothing happened
	if a := s.Again(); a.Caveat != "" || !strings.Contains(a.Command, "--set d_lr=2e-3") {
		t.Fatalf("again %+v", a)
	}
	s.planned = 1 // trained past a plan of 1
	s.trainEpoch()
	Adjust{GSteps, +1}.apply(s)
	if !strings.HasSuffix(s.note, " after epoch 2") {
		t.Fatalf("the change's note %q; want it after epoch 2, as the caveat below says it came", s.note)
	}
	s.trainEpoch()
	a = s.Again()
	if !strings.Contains(a.Command, "--epochs 3 ") || !strings.HasSuffix(a.Caveat, "changed G steps, after epoch 2") {
		t.Fatalf("again %+v", a)
	}
	// c's note names the file it wrote first, then the caveat, which a
	// narrow status shortens, then what continues the run
	// (TestSharedNoteNamesItsFileAt80).
	s.applyCommand(Share{})
	text, _, _ := strings.Cut(s.note, CommandBreak)
	const hint = LiveOnly + " (w saves a checkpoint to resume it)" + LiveOnly
	if !strings.HasPrefix(text, "wrote ") || !strings.HasSuffix(text, " · the command below is "+GivesWay+a.Caveat+GivesWay+hint) ||
		!strings.Contains(PlainNote(text), " · the command below is a rerun as set now: this run changed G steps, after epoch 2") {
		t.Fatalf("c's note %q; want the file first, then the caveat, giving way, then what continues the run", s.note)
	}
	// Named again at quit, it reads in full, without the marks, nor the
	// w that no longer can be pressed, and points at the again: line.
	quit := strings.Replace(PlainNote(text), " · the command below ", " · the again: command ", 1)
	if written, _ := s.Parting(""); len(written) != 1 || written[0] != quit || !strings.HasSuffix(written[0], " is "+a.Said()) || strings.Contains(written[0], "w saves") {
		t.Fatalf("c's note at quit %q; want %q", written, quit)
	}
	Restart{}.apply(s)
	if a := s.Again(); a.Caveat != "" {
		t.Fatalf("a restart with the settings now is the command's run: %+v", a)
	}
	s.setState(Paused)
	Step{Kind: StepD}.apply(s)
	if a := s.Again(); !strings.HasSuffix(a.Caveat, "this run trained D alone, before the first epoch") {
		t.Fatalf("again %+v", a)
	}

	s2 := newIdle(t, Options{Config: cfg, Seed: 3, Samples: 2000, Dir: t.TempDir()})
	a = s2.Again()
	if a.DesignFile == "" || !strings.Contains(a.Command, "--preset "+a.DesignFile+" --samples 2000 --seed 3") {
		t.Fatalf("a design that is no built-in and came from no file: %+v", a)
	}
}

// TestAgainPastThePlanSaysItsChecks: a run trained past its plan (space at its
// end) gives the epochs trained as the command's plan, whose checks come at
// another interval, and its events with them: c says so, and how to check as
// the run did, not that the command "runs the run again". Past a plan with the
// same interval, it does.
func TestAgainPastThePlanSaysItsChecks(t *testing.T) {
	cfg := testdesigns.Tiny()
	cfg.Epochs = 500 // checked every 10, as a plan of up to 1,000 is
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 200, Dir: t.TempDir()})
	for s.gan.Epoch() < 1000 {
		s.trainEpoch()
		if a := s.Again(); a.Caveat != "" {
			t.Fatalf("at epoch %d, past a plan of 500 checked as a plan of the epochs trained is: %+v", s.gan.Epoch(), a)
		}
	}
	s.trainEpoch()
	longer := cfg
	longer.Epochs = 1001
	if every := newIdle(t, Options{Config: longer, Seed: 1, Samples: 200}).every; every != 11 {
		t.Fatalf("a plan of 1,001 checks every %d; the caveat below says 11", every)
	}
	a := s.Again()
	const want = "this run exactly but for its checks: a plan of 1,001 epochs checks every 11, where this run's plan of 500 checked every 10, so its events may fall on other epochs (--epochs 500, then space past its end, checks as this run did)"
	if !strings.Contains(a.Command, " --epochs 1001 ") || a.Caveat != want {
		t.Fatalf("again %+v; want --epochs 1001 and the caveat %q", a, want)
	}
	s.applyCommand(Share{})
	if text, _, _ := strings.Cut(PlainNote(s.note), CommandBreak); !strings.HasSuffix(text, " · the command below is "+want) {
		t.Fatalf("c's note %q; want it to end in the caveat", text)
	}
}

// TestAgainNamesEveryDeparture: c's caveat names all the run did that no
// command line repeats, each once, from the first epoch of them: a d then a g
// do not read "this run trained D alone, after epoch 2", the G update unnamed. A
// setting changed and taken back at that epoch goes from it, and the rest
// stays.
func TestAgainNamesEveryDeparture(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	s.trainEpoch()
	for _, k := range []StepKind{StepD, StepG, StepD} {
		Step{Kind: k}.apply(s)
	}
	s.trainEpoch()
	Step{Kind: StepG}.apply(s)
	const both = "a rerun as set now: this run trained D alone and G alone, after epoch 2"
	if a := s.Again(); a.Caveat != both {
		t.Fatalf("after d, g, d at epoch 2 and g at 3, the caveat %q; want %q", a.Caveat, both)
	}
	Adjust{DLR, +1}.apply(s)
	if a := s.Again(); !strings.HasSuffix(a.Caveat, "this run trained D alone, G alone and changed D lr, after epoch 2") {
		t.Fatalf("D lr changed too: the caveat %q", a.Caveat)
	}
	Adjust{DLR, -1}.apply(s)
	if a := s.Again(); a.Caveat != both {
		t.Fatalf("D lr taken back: the caveat %q; want %q", a.Caveat, both)
	}
}

// TestDoneAtOneEpochSaysOne: a plan of one epoch is done in "1 epoch", as
// numtext.Count writes a count of one, not "done: 1 epochs".
func TestDoneAtOneEpochSaysOne(t *testing.T) {
	s := newIdleBlog(t)
	s.planned = 1
	s.trainEpoch()
	if !strings.HasPrefix(s.note, "done: 1 epoch ") {
		t.Fatalf("note at a plan of one epoch: %q; want it to begin %q", s.note, "done: 1 epoch ")
	}
}

// TestDoneKeepsAFailure: reaching the plan says done without wiping a failure
// said a moment before (a save that failed), rather than replacing it at once.
func TestDoneKeepsAFailure(t *testing.T) {
	s := newIdleBlog(t)
	s.planned = 2
	s.trainEpoch()
	s.warn("checkpoint not saved: disk full")
	s.trainEpoch()
	if !strings.Contains(s.note, "checkpoint not saved") || !strings.Contains(s.note, "done: 2 epochs") {
		t.Fatalf("note at the plan: %q", s.note)
	}
}

// TestDoneSaysWhatItTimed (a resumed run said "done: 6,000 epochs in
// 0.2 s" of the 1,000 it trained after the resume): the time said at the
// plan is of the epochs trained running, and where those are not all the
// plan's epochs — a resumed run's, or epochs stepped with n — their count
// is said with it.
func TestDoneSaysWhatItTimed(t *testing.T) {
	s := newIdleBlog(t)
	s.planned = 3
	s.trainEpoch() // stepped, paused
	s.setState(Running)
	s.trainEpoch()
	s.trainEpoch()
	if !strings.Contains(s.note, "done: 3 epochs, 2 of them running in ") {
		t.Errorf("note at the plan, one epoch stepped: %q", s.note)
	}
	s = newIdleBlog(t)
	s.planned = 2
	s.setState(Running)
	s.trainEpoch()
	s.trainEpoch()
	if !strings.Contains(s.note, "done: 2 epochs in ") {
		t.Errorf("note at the plan, every epoch running: %q", s.note)
	}
}

// TestDoneSaysEpochsRolledBack (vanilla run away at learning rate 10, rolled
// back with u and trained to its plan of 300 said "done: 300 epochs, 499 of
// them running"): the epochs a roll-back undid were trained running and
// timed, but are none of the plan's, and the note says so, "300 epochs, 499
// trained running (199 rolled back) in …"; pressed again, u undoes
// the epochs back to the older state too.
func TestDoneSaysEpochsRolledBack(t *testing.T) {
	for _, twice := range []bool{false, true} {
		s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 0)
		s.setState(Running)
		kept := 0 // the epochs trained running at the state u returns to
		for _, at := range []int{50, 100} {
			for s.gan.Epoch() < at {
				s.trainEpoch()
			}
			keepNow(s)
			if !twice || at == 50 {
				kept = s.runEpochs
			}
		}
		poison(t, s)
		ran := s.runEpochs
		s.applyOne(Rollback{})
		if twice {
			s.applyOne(Rollback{})
		}
		if s.state != Paused || s.gan.Epoch() != kept {
			t.Fatalf("twice %v: rolled back to epoch %d (%s, %q), want %d", twice, s.gan.Epoch(), s.state, s.note, kept)
		}
		s.applyOne(Reset{DLR})
		s.applyOne(Reset{GLR})
		s.setState(Running)
		for s.state == Running {
			s.trainEpoch()
		}
		want := fmt.Sprintf("done: 300 epochs, %s trained running (%s rolled back) in ",
			numtext.FormatInt(ran+300-kept), numtext.FormatInt(ran-kept))
		if s.state != Done || !strings.HasPrefix(s.note, want) {
			t.Errorf("twice %v: note at the plan after a roll-back: %q (%s); want it to begin %q", twice, s.note, s.state, want)
		}
	}
}

// TestDoneSaysAShortTime: a plan trained in under a tenth of a second says its
// time in a digit that is not 0, beside the speed it makes: 50 epochs of
// blog-original at full speed are not "done: 50 epochs in 0.0 s (1,079 ep/s)".
// The speed is said as the header says a rate (RateText): a wide design's
// epochs of seconds are "(8.3 s/ep)", not "(0 ep/s)".
func TestDoneSaysAShortTime(t *testing.T) {
	for _, c := range []struct {
		each time.Duration // an epoch's time
		want string
	}{
		{20 * time.Millisecond, "done: 2 epochs in 0.04 s (50 ep/s)"},
		{400 * time.Microsecond, "done: 2 epochs in 0.0008 s (2,500 ep/s)"},
		{600 * time.Millisecond, "done: 2 epochs in 1.2 s (1.7 ep/s)"},
		{8300 * time.Millisecond, "done: 2 epochs in 16.6 s (8.3 s/ep)"},
	} {
		s := newIdleBlog(t)
		now := time.Unix(1_000_000, 0)
		s.clock = NewClock(func() time.Time { return now })
		s.planned = 2
		s.setState(Running)
		for range 2 {
			now = now.Add(c.each)
			s.trainEpoch()
		}
		if !strings.HasPrefix(s.note, c.want+" · ") {
			t.Errorf("epochs of %v: %q, want %q", c.each, s.note, c.want)
		}
	}
}

// TestDoneSaysTheRateTrainingAlone: the note at the plan's end gives,
// beside the rate at the pace with the checks in it, the rate training
// alone, the final line's epochs_per_s, "(50 ep/s; training alone 500
// ep/s)", where "(50 ep/s)" alone read as what the machine trains at; the
// words give way where the note fits its status without them (GivesWay),
// and the text read anywhere else (PlainNote) has them whole. Where no
// training time was counted they are left out (TestDoneSaysAShortTime).
func TestDoneSaysTheRateTrainingAlone(t *testing.T) {
	s := newIdleBlog(t)
	now := time.Unix(1_000_000, 0)
	s.clock = NewClock(func() time.Time { return now })
	s.planned = 2
	s.setState(Running)
	for range 2 {
		// An epoch of 20 ms, 2 of them training: the clock stands still
		// within trainEpoch, so its training time is counted here.
		now = now.Add(20 * time.Millisecond)
		s.busy += 2 * time.Millisecond
		s.trainEpoch()
	}
	want := "done: 2 epochs in 0.04 s (50 ep/s" + GivesWay + "; training alone 500 ep/s" + GivesWay + ") · "
	if !strings.HasPrefix(s.note, want) {
		t.Errorf("note %q, want it to begin %q", s.note, want)
	}
	if want := "done: 2 epochs in 0.04 s (50 ep/s; training alone 500 ep/s) · "; !strings.HasPrefix(PlainNote(s.note), want) {
		t.Errorf("plain note %q, want it to begin %q", PlainNote(s.note), want)
	}
	if r := s.Result(); r.EpochsPerS != 500 {
		t.Errorf("the final line's epochs_per_s=%v, want the note's 500", r.EpochsPerS)
	}
}

// TestKeysKeepEarlierFiles: a file of the key's name that this session did
// not write (a preset file made before it) is never replaced: the key
// takes the next free name, and replaces what it wrote itself after.
func TestKeysKeepEarlierFiles(t *testing.T) {
	s := newIdleBlog(t)
	mine := filepath.Join(s.opts.Dir, "ganui-blog-original-seed3.json")
	if err := os.WriteFile(mine, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		Share{}.apply(s)
		if want := filepath.Join(s.opts.Dir, "ganui-blog-original-seed3-2.json"); !strings.Contains(s.note, "wrote "+want+" ") {
			t.Fatalf("share note %q, want %s", s.note, want)
		}
	}
	if got, _ := os.ReadFile(mine); string(got) != "mine\n" {
		t.Fatalf("the earlier file now holds %q", got)
	}
}

// TestAgainOfAResumedRun: a resumed run's command says it repeats the run
// only if nothing changed before the checkpoint, which cannot tell.
func TestAgainOfAResumedRun(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	ckpt := filepath.Join(s.opts.Dir, "run.ckpt")
	if err := SaveCheckpoint(s.gan, ckpt); err != nil {
		t.Fatal(err)
	}
	r := newIdle(t, Options{Resume: ckpt, Dir: s.opts.Dir})
	if a := r.Again(); !strings.Contains(a.Caveat, "before epoch 1, where it resumed") {
		t.Errorf("again of a resumed run: %+v", a)
	}
}

// TestReplayJumpsToAnEventPastTheFrames: > from a frame, with the next event
// after the newest keyframe (a setting changed, a divergence, at an epoch no
// check kept), returns to live, does not say there is no later event, and names
// the event and what the user changed there, as a jump to any other event does,
// not "back to live at epoch 303" alone.
func TestReplayJumpsToAnEventPastTheFrames(t *testing.T) {
	// Trained past the newest check, at 300, to an event at epoch 303.
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 303)
	s.applyOne(Adjust{Setting: DLR, Dir: +1})
	if ev := s.tl.events[len(s.tl.events)-1]; ev.Epoch != 303 || ev.Kind != EventSetting {
		t.Fatalf("the last event: %+v", ev)
	}
	Replay{Dir: -1}.apply(s) // the newest frame, before the event
	if s.replay < 0 || s.tl.keyframes[s.replay].Epoch >= 303 {
		t.Fatalf("a step back: frame %d, %q", s.replay, s.note)
	}
	Replay{Dir: +1, Jump: true}.apply(s)
	if want := "◆ setting at epoch 303 (D lr 5e-4 → 1e-3): back to live at epoch 303"; s.replay != -1 || s.note != want {
		t.Errorf("a jump forward to the event at the live epoch: frame %d, %q", s.replay, s.note)
	}
}

// TestReplayedFrameIsTheSnapshots: a snapshot's replayed keyframe is its
// own copy. It pointed into the session's keyframes, which the session
// thins in place as the run goes on (and clears on a roll-back), so a
// frame the screen still drew after the replay ended changed under it:
// a data race with the UI's goroutine, and another epoch's picture.
func TestReplayedFrameIsTheSnapshots(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 1000}, 1000)
	Replay{Dir: -1}.apply(s)
	s.publish()
	snap := <-s.snaps
	if snap.Replay == nil {
		t.Fatal("no replayed frame")
	}
	want := snap.Replay.Epoch
	s.applyOne(Step{Kind: StepEpoch}) // back to live
	for len(s.tl.keyframes) < maxKeyframes/2+10 || s.gan.Epoch() < (maxKeyframes+1)*s.every {
		s.trainEpoch() // past maxKeyframes frames: the session thins them
	}
	if got := snap.Replay.Epoch; got != want {
		t.Errorf("the snapshot's replayed frame changed from epoch %d to %d as the session went on", want, got)
	}
}

// TestReplayNamesTheEvent: a jump to an event's keyframe names the event and
// its epoch, which the frame's (the first kept at or after it) need not be:
// after a resume the first frame can be hundreds of epochs after an event, and
// the header's "replay epoch 800" would pass for the event's epoch.
func TestReplayNamesTheEvent(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	first := s.tl.keyframes[0].Epoch
	s.tl.events = []Event{{Epoch: first - 2, Kind: EventNoiseIgnored}, {Epoch: first - 1, Kind: EventModeDropped}}
	Replay{Dir: -1, Jump: true}.apply(s)
	want := fmt.Sprintf("◆ noise-ignored at epoch %s; mode-dropped at epoch %s: replay frame 1 of ", numtext.FormatInt(first-2), numtext.FormatInt(first-1))
	if s.replay != 0 || !strings.HasPrefix(PlainNote(s.note), want) {
		t.Errorf("a jump back to the events before the first frame: frame %d, %q; want it to begin %q", s.replay, s.note, want)
	}
	Replay{Dir: -1}.apply(s)
	if strings.Contains(s.note, "◆") {
		t.Errorf("a step, not a jump, names an event: %q", s.note)
	}
}

// TestReplayNamesTheEventItFindsNoneBefore: a jump back from live, with the one
// event a setting changed after the newest keyframe (whose frame is the live
// epoch), names that event as the first: "no earlier event" alone, under its ◆
// on the axis, would read as if it were not there. And it stays live, as the
// note says: it had gone on to the first frame, epochs before any event, under
// "no earlier event than ◆ setting at epoch 102 (…): replay frame 1 of 2".
func TestReplayNamesTheEventItFindsNoneBefore(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 10_000}, 102)
	for range 3 {
		Adjust{DLR, +1}.apply(s)
	}
	s.trainEpoch()
	s.trainEpoch()
	if len(s.tl.events) != 1 || s.tl.keyframes[len(s.tl.keyframes)-1].Epoch >= 102 {
		t.Fatalf("events %+v, keyframes to epoch %d: want one setting event after the newest", s.tl.events, s.tl.keyframes[len(s.tl.keyframes)-1].Epoch)
	}
	Replay{Dir: -1, Jump: true}.apply(s)
	if want := "no earlier event than ◆ setting at epoch 102 (D lr 5e-4 → 5e-3), staying live at epoch 104: , steps back through the keyframes"; s.replay != -1 || s.note != want {
		t.Errorf("a jump back from live: frame %d, %q; want %q, live as it was", s.replay, s.note, want)
	}
}

// TestReplayNamesEveryEventOfItsFrame: a jump to a frame names every event
// whose frame it is, not only those of the newest epoch among them: a setting
// changed between two checks, then another before the next, are both named by
// the jump to their frame, not the second alone.
func TestReplayNamesEveryEventOfItsFrame(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 252)
	Adjust{DLR, +1}.apply(s)
	s.trainEpoch()
	Adjust{GSteps, +1}.apply(s)
	for s.gan.Epoch() < 258 {
		s.trainEpoch()
	}
	want := "◆ setting at epoch 252 (D lr 5e-4 → 1e-3); setting at epoch 253 (G steps 1 → 2)"
	Replay{Dir: -1}.apply(s) // the newest frame, before both
	Replay{Dir: +1, Jump: true}.apply(s)
	if got := PlainNote(s.note); s.replay != -1 || got != want+": back to live at epoch 258" {
		t.Errorf("a jump forward to the events past the frames: frame %d, %q; want it to begin %q", s.replay, got, want)
	}
	for s.gan.Epoch() < 260 {
		s.trainEpoch() // a check: their frame is one kept
	}
	Replay{Dir: -1, Jump: true}.apply(s)
	if got := PlainNote(s.note); s.replay < 0 || s.tl.keyframes[s.replay].Epoch != 260 || !strings.HasPrefix(got, want+": replay frame ") {
		t.Errorf("a jump back to their frame: frame %d, %q; want it to begin %q", s.replay, got, want)
	}
}

// TestReplayNamesWhatTheUserDid: a jump to a setting changed or a roll-back
// says what changed, which nothing in the frame shows: "◆ setting at epoch 250"
// alone does not say which setting, from what to what. The run's own findings
// stay named by kind, their frame showing them.
func TestReplayNamesWhatTheUserDid(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 250)
	for range 3 {
		Adjust{DLR, +1}.apply(s)
	}
	Adjust{GSteps, +1}.apply(s)
	for s.gan.Epoch() < 300 {
		s.trainEpoch()
	}
	s.tl.events = append(s.tl.events, Event{Epoch: 280, Kind: EventModeDropped, Detail: "mode 2 (at 2) gets 0% of the samples"})
	Replay{Dir: -1, Jump: true}.apply(s)
	if want := "◆ mode-dropped at epoch 280: replay frame "; !strings.HasPrefix(s.note, want) {
		t.Errorf("a jump to a finding: %q, want it to begin %q", s.note, want)
	}
	Replay{Dir: -1, Jump: true}.apply(s)
	if want := "◆ setting at epoch 250 (D lr 5e-4 → 5e-3; G steps 1 → 2): replay frame "; !strings.HasPrefix(s.note, want) {
		t.Errorf("a jump to the settings changed: %q, want it to begin %q", s.note, want)
	}
}

// TestStepNoteGroupsTheEpoch: n's answer says what n did, "trained epoch
// 1,001", as d's says "one D update by hand at epoch …", and writes the epoch
// as the header and every other note do (epoch 1,001), not 1001.
func TestStepNoteGroupsTheEpoch(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 2000}, 1000)
	s.applyOne(Step{Kind: StepEpoch})
	if !strings.HasPrefix(numtext.Plain(s.note), "trained epoch 1,001: D real ") {
		t.Errorf("n at epoch 1,000: %q", s.note)
	}
}

// TestReplayNoteSaysWhatEndsIt: the replay's note names the keys that end
// it as they are, those that train or change the run; it said "other
// keys: live", though b, w, e, c, P, v and ? leave the frame in sight.
func TestReplayNoteSaysWhatEndsIt(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300, Dir: t.TempDir()}, 300)
	Replay{Dir: -1}.apply(s)
	if !strings.HasSuffix(PlainNote(s.note), "esc, or a key that trains or changes the run: live") || strings.Contains(s.note, "other keys") {
		t.Errorf("replay note %q", s.note)
	}
	Pin{}.apply(s)
	if s.replay < 0 {
		t.Error("b ended the replay")
	}
}

// TestReplayReturnsToLiveInOneKey: Live (the trainer's esc) returns a replay to
// the run as it is now from any frame, the first included, and says so, not
// only . pressed once for each frame back, or a key that trains or changes the
// run. Live at live changes nothing.
func TestReplayReturnsToLiveInOneKey(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	for range 3000 { // the key held down, well past the first frame
		Replay{Dir: -1}.apply(s)
	}
	if s.replay != 0 {
		t.Fatalf("3,000 steps back: frame %d", s.replay)
	}
	Replay{Live: true}.apply(s)
	if s.replay != -1 || s.note != "back to live at epoch 300" {
		t.Errorf("Live from the first frame: frame %d, %q", s.replay, s.note)
	}
	Replay{Live: true}.apply(s)
	if s.replay != -1 || s.note != "back to live at epoch 300" {
		t.Errorf("Live while live: frame %d, %q; want the note left as it was", s.replay, s.note)
	}
	Replay{Dir: -1}.apply(s)
	s.setState(Running) // a replay cannot start while running, but Live answers there too
	Replay{Live: true}.apply(s)
	if s.replay != -1 || !strings.HasPrefix(s.note, "back to live at epoch 300") {
		t.Errorf("Live while running: frame %d, %q", s.replay, s.note)
	}
}

// TestPinInAReplaySaysItIsTheLiveRun: b on a replayed frame pins the live run,
// as w and P write it, and the note names both epochs, not "pinned seed 4 at
// epoch 300" alone under a header replaying epoch 270.
func TestPinInAReplaySaysItIsTheLiveRun(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	Replay{Dir: -1}.apply(s)
	frame := s.tl.keyframes[s.replay].Epoch
	Pin{}.apply(s)
	if s.baseline == nil || s.baseline.Epoch != 300 || s.replay < 0 {
		t.Fatalf("pinned %+v, frame %d", s.baseline, s.replay)
	}
	want := fmt.Sprintf("pinned seed 4 at epoch 300, the live run, not the replayed epoch %d, as the baseline", frame)
	if !strings.HasPrefix(s.note, want) {
		t.Errorf("the note %q lacks %q", s.note, want)
	}
}

// TestTuneNoteNamesTheEpoch: a retuned setting's note names the epoch the
// change came after, true however long the run trains on after it, not "from
// the next epoch", which would stand under a running run 1,600 epochs later;
// and the one its event is at, which the events list, a replay's jump and the
// CSV export's row name too, so that "after epoch 1,000" does not stand beside
// "◆ epoch 1,000 setting" and "setting at epoch 1,000", two epochs for one
// change.
func TestTuneNoteNamesTheEpoch(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 2000, Dir: t.TempDir()}, 1000)
	Adjust{DLR, +1}.apply(s)
	if s.note != "D lr 5e-4 → 1e-3 after epoch 1,000" {
		t.Errorf("→ at epoch 1,000: %q", s.note)
	}
	if e := s.tl.events[len(s.tl.events)-1]; e.Kind != EventSetting || e.Epoch != 1000 {
		t.Errorf("the change's event %+v; want a setting at epoch 1,000, as the note names it", e)
	}
	if got, want := s.eventsAt(1000), "◆ setting at epoch 1,000 (D lr 5e-4 → 1e-3)"; got != want {
		t.Errorf("a jump to its frame names %q, want %q", got, want)
	}
	s.trainEpoch()
	Export{}.apply(s)
	csv, err := os.ReadFile(filepath.Join(s.opts.Dir, "ganui-vanilla-seed1-epoch1001.csv"))
	if err != nil {
		t.Fatal(err)
	}
	_, rows := csvRows(t, string(csv))
	for _, r := range rows {
		if r[len(r)-3] == "setting" && r[0] != "1000" {
			t.Errorf("the export gives the change in epoch %s's row, not 1000's: %q", r[0], r)
		}
	}
	if last := rows[len(rows)-2]; last[0] != "1000" || last[len(last)-3] != "setting" {
		t.Errorf("the export's row of epoch 1,000 %q; want the setting in it", last)
	}
}

// TestTuneNoteGivesTheWholeChange: presses between two epochs are one change,
// and the note gives it whole, from the value the last epoch trained with, as
// the event does: three → from 5e-4 say "D lr 5e-4 → 5e-3", not "D lr 2e-3 →
// 5e-3", the last notch of a tenfold change; a burst into the end of the range
// says the change beside "stays at 10"; and presses taken back say "back to",
// not a change that did not happen. It names every change the next epoch trains
// with, in the order they were made: → ↓ → on a paused blog-original does not
// leave D lr's change unsaid beside "G lr 1e-3 → 2e-3 after epoch 1,476".
func TestTuneNoteGivesTheWholeChange(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 2000}, 1000)
	last := func() string { return s.tl.events[len(s.tl.events)-1].Detail }
	for range 3 {
		Adjust{DLR, +1}.apply(s)
	}
	if want := "D lr 5e-4 → 5e-3 after epoch 1,000"; s.note != want || last() != "D lr 5e-4 → 5e-3" {
		t.Errorf("three → from 5e-4: note %q, event %q; want the note %q", s.note, last(), want)
	}
	Adjust{GSteps, +1}.apply(s) // another setting between: D's change stays one
	Adjust{DLR, -1}.apply(s)
	if want := "D lr 5e-4 → 2e-3, G steps 1 → 2 after epoch 1,000"; s.note != want {
		t.Errorf("← after them: %q, want %q", s.note, want)
	}
	for range 2 {
		Adjust{DLR, -1}.apply(s)
	}
	if want := "D lr back to 5e-4; G steps 1 → 2 after epoch 1,000"; s.note != want {
		t.Errorf("taken back, another change made: %q, want %q", s.note, want)
	}
	Adjust{GSteps, -1}.apply(s)
	if want := "G steps back to 1: no change after epoch 1,000"; s.note != want {
		t.Errorf("taken back, none left: %q, want %q", s.note, want)
	}
	for range 20 {
		Adjust{GLR, +1}.apply(s)
	}
	if want := "G lr 5e-5 → 10 after epoch 1,000, the end of its range"; s.note != want {
		t.Errorf("a burst of → into the top: %q, want %q", s.note, want)
	}
	s.trainEpoch()
	for range 2 {
		Adjust{GLR, +1}.apply(s)
	}
	if want := "G lr stays at 10, the end of its range"; s.note != want {
		t.Errorf("→ at the top after an epoch trained at it: %q, want %q", s.note, want)
	}
}

// TestTargetSpelledAlikeIsNoChange: a target written with spaces or other
// digits than the preset's is the same target, and named by its spec where it
// differs: --set 'target=normal(4, 1.25)' on blog-original does not end its
// final line target="normal(4, 1.25)", a change of nothing.
func TestTargetSpelledAlikeIsNoChange(t *testing.T) {
	base, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ set, want string }{
		{"normal(4, 1.25)", ""},
		{" normal( 4.0 , 125e-2 ) ", ""},
		{"normal( 5 ,1.0 )", "target=normal(5,1)"},
		{"mixture(-2, 0.5; 2, 0.5)", "target=mixture(-2,0.5;2,0.5)"},
	} {
		cfg := base.Clone()
		if err := cfg.Set("target", c.set); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ch := range settingsDiff(base, cfg) {
			got = append(got, ch.Key+"="+ch.Value)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("target %q: changes %q, want %q", c.set, got, c.want)
		}
	}
}

// FuzzSettingsDiff: the settings that a command line for a design
// carries (settingsDiff, behind Again and quitting's command), each as
// the shell word Again writes, set back on the design it is measured
// from give the same design, whatever values --set or a preset file gave
// it.
func FuzzSettingsDiff(f *testing.F) {
	for _, kv := range [][4]string{
		{"g_hidden", "64,32", "name", "wide one"}, {"description", "it's \"quoted\"\t\\", "g_lr", "1.0000000000000002e-3"},
		{"target", "mixture(-2,0.5;2,0.5)", "d_acts", "relu,sigmoid"}, {"g_hidden", "", "g_acts", "identity"},
		{"d_lr", "1e-300", "batch", "7"}, {"name", "a\nb", "source", "'"}, {"g_hidden", "[8, 8]", "g_acts", `["elu","elu","identity"]`},
	} {
		f.Add(kv[0], kv[1], kv[2], kv[3])
	}
	base, err := presets.Get("vanilla")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2 string) {
		cfg := base.Clone()
		if cfg.Set(k1, v1) != nil || cfg.Set(k2, v2) != nil || cfg.Validate() != nil {
			return
		}
		back := base.Clone()
		for _, c := range settingsDiff(base, cfg) {
			word := shellword.Quote(c.Key + "=" + c.Value)
			if q, ok := strings.CutPrefix(word, "'"); ok {
				q, ok = strings.CutSuffix(q, "'")
				if !ok {
					t.Fatalf("%q is not one shell word", word)
				}
				word = strings.ReplaceAll(q, `'\''`, `'`)
			}
			k, v, _ := strings.Cut(word, "=")
			if err := back.Set(k, v); err != nil {
				t.Fatalf("--set %s=%s refused: %v", k, v, err)
			}
		}
		back.Epochs = cfg.Epochs
		spelled := cfg.Clone() // a target's words are its spec: normal( 5 ,1.0 ) sets back as normal(5,1)
		spelled.Target = targetSpec(cfg.Target)
		if a, b := presets.Marshal(back), presets.Marshal(spelled); !bytes.Equal(a, b) {
			t.Fatalf("the --set words of\n%s\nset back give\n%s", b, a)
		}
	})
}

// TestSpaceEndsTypedAheadSteps: space pressed while steps typed ahead train
// ends them after the epoch at work, and the run goes on running, the same
// epochs, rather than waiting behind every step (300 n on grid-pacgan, then
// space: seconds of "more typed ahead…").
func TestSpaceEndsTypedAheadSteps(t *testing.T) {
	s := newIdleBlog(t)
	if s.state != Paused {
		t.Fatalf("an idle session is %v, not paused", s.state)
	}
	s.Send(Step{Kind: StepEpoch, Epochs: 1000})
	s.Send(TogglePause{})
	s.applyQueued()
	if s.gan.Epoch() != 1 || s.state != Running {
		t.Errorf("after 1,000 steps and space: epoch %d, %v; want epoch 1, running", s.gan.Epoch(), s.state)
	}
	// Other commands wait their turn: a step then a tune trains the step.
	s = newIdleBlog(t)
	s.Send(Step{Kind: StepEpoch, Epochs: 5})
	s.Send(Adjust{Setting: DLR, Dir: 1})
	s.applyQueued()
	if s.gan.Epoch() != 5 {
		t.Errorf("5 steps then a tune: epoch %d, want 5", s.gan.Epoch())
	}
}

// TestQuitEndsTypedAheadSteps: q (Stop) pressed while steps typed ahead
// train ends them after the epoch at work, as space does, rather than
// waiting behind every step: `nnn q` may quit before the third epoch
// (docs/screen.md). The session's own goroutine trains a step of 3,000
// epochs, publishing each (stepShow); once a frame shows it under way,
// Stop returns with most of them untrained.
func TestQuitEndsTypedAheadSteps(t *testing.T) {
	const steps = 3000
	s, err := New(Options{Config: blogConfig(t, 5000), Seed: 3, Paused: true, Samples: 1000, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.stepShow = 0 // every epoch: the test waits on frames, not a clock
	s.Start()
	t.Cleanup(s.Stop)
	<-s.Snapshots() // the untrained generator's frame
	s.Send(Step{Kind: StepEpoch, Epochs: steps})
	for snap := range s.Snapshots() {
		if strings.HasPrefix(snap.Note, "stepping: ") {
			break
		}
		if strings.HasPrefix(snap.Note, "trained epoch ") {
			t.Fatalf("the step of %d epochs showed no epoch as it went: %q", steps, snap.Note)
		}
	}
	s.Stop()
	if got := s.gan.Epoch(); got >= steps {
		t.Errorf("q pressed at a step of %d epochs under way: the run ended at epoch %d, having trained them all", steps, got)
	}
}

// TestLongStepShowsItsProgress: a step of many epochs (n typed ahead, which
// Send joins into one) publishes as it goes, with a note of what is left,
// rather than nothing until its last epoch, which would leave the screen at
// epoch 0 for the 20 s that 1,500 n on ring take.
func TestLongStepShowsItsProgress(t *testing.T) {
	s := newIdleBlog(t)
	s.stepShow = 0 // every epoch: the test waits on no clock
	select {
	case <-s.snaps:
	default:
	}
	Step{Kind: StepEpoch, Epochs: 3}.apply(s)
	select {
	case snap := <-s.snaps:
		if snap.Epoch != 2 || snap.Note != "stepping: epoch 2, 1 more typed ahead…" {
			t.Errorf("the step's last progress: epoch %d, note %q", snap.Epoch, snap.Note)
		}
	default:
		t.Fatal("a step of 3 epochs published nothing as it went")
	}
	if s.gan.Epoch() != 3 || !strings.HasPrefix(s.note, "trained epoch 3: ") {
		t.Errorf("after the step: epoch %d, note %q", s.gan.Epoch(), s.note)
	}
}

// TestStepNotesWriteLossesAsTheLines: the notes of n, d and g write the losses
// as the headless lines, the diagnosis and the screen's legends do
// (numtext.Measure): blog-original with g_lr 0.5, its D winning outright, does
// not read "epoch 15: D real 0.0001" under the legend's 5.8939e-5, nor is a
// loss gone to 10³¹ written in its 32 digits. Each name stays with its value
// where the screen wraps the note, n's and d's alike.
func TestStepNotesWriteLossesAsTheLines(t *testing.T) {
	cfg := blogConfig(t, 5000)
	cfg.GLR = 0.5
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 100, Dir: t.TempDir()})
	for range 15 {
		s.applyOne(Step{Kind: StepEpoch})
	}
	l := s.last
	if l.DReal >= 5e-4 {
		t.Fatalf("D real %g: the test needs a loss under 0.0005, which three decimals do not write", l.DReal)
	}
	// Each loss's name with its value, kept together where the screen wraps
	// the note (numtext.Together), as the diagnosis keeps them: d's note at
	// 80 columns had ended a line "…: D real" and begun the next "0.612, …".
	loss := func(name string, v float64) string { return numtext.Together(name + " " + numtext.Measure(v)) }
	want := fmt.Sprintf("trained epoch %s: %s, %s, %s", numtext.FormatInt(l.Epoch), loss("D real", l.DReal), loss("D fake", l.DFake), loss("G", l.G))
	if s.note != want {
		t.Errorf("stepped: %q, want %q", s.note, want)
	}
	s.applyOne(Step{Kind: StepG})
	s.applyOne(Step{Kind: StepD})
	for _, name := range []string{"D real ", "D fake "} {
		if !strings.Contains(s.note, numtext.Together(name)) {
			t.Errorf("g, then d: %q, want %q kept with its value", s.note, name)
		}
	}
}

// TestDesignNamedFromThePresetAsRead: a run of a preset file names the settings
// that differ from the preset as read when it started (Options.Base), which it
// keeps: with the file and its points(FILE.csv) file gone after the start, a
// run's final line, the trainer's design changes and a batch's lines and
// summary still name them. The preset file is not read again each time, its
// points file with it, which would name no change once it no longer loads.
func TestDesignNamedFromThePresetAsRead(t *testing.T) {
	dir := t.TempDir()
	file, pts := filepath.Join(dir, "mine.json"), filepath.Join(dir, "pts.csv")
	put := func() {
		t.Helper()
		for path, text := range map[string]string{pts: "x,y\n0,0\n1,1\n2,0\n0.5,-1\n", file: `{"base": "ring", "target": "points(pts.csv)", "epochs": 3}`} {
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	gone := func() {
		os.Remove(file)
		os.Remove(pts)
	}
	put()
	cfg, err := presets.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Set("g_lr", "1e-3"); err != nil {
		t.Fatal(err)
	}

	s := newIdle(t, Options{Config: cfg, Preset: file, Seed: 1, Samples: 500, Dir: dir})
	gone()
	s.trainEpoch()
	want := []Change{{"g_lr", "1e-3"}}
	if r := s.Result(); r.Preset != "mine" || !slices.Equal(r.Changes, want) {
		t.Errorf("the run's result: preset %q, changes %v; want mine, %v", r.Preset, r.Changes, want)
	}
	Adjust{DLR, +1}.apply(s)
	s.publish()
	snap := <-s.snaps
	if c := snap.Changes; snap.Origin != "mine" || len(c) != 2 || c[0].Key != "d_lr" || c[1] != want[0] {
		t.Errorf("the trainer after a design change: %q, %v; want mine, d_lr and %v", snap.Origin, c, want)
	}

	put()
	var b strings.Builder
	if _, err := RunSeeds(context.Background(), Options{Config: cfg, Preset: file, Samples: 500}, []uint64{1, 2}, 1, &b, func(Tally) { gone() }); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if (strings.HasPrefix(l, "final ") || strings.HasPrefix(l, "summary preset=")) && !strings.Contains(l, " preset=mine g_lr=1e-3 ") {
			t.Errorf("a batch's line %q; want preset=mine g_lr=1e-3", l)
		}
	}
}

// TestResumedRunNamesItsDesignAsItStarted: a resumed run names its design's
// changes from its preset as the run read it when it started, which its record
// keeps (the record's base), not from the preset file as it is at the resume:
// edited since, the file would name the resumed run's g_lr, the file's old
// value, a change (preset=mine d_lr=1e-4 g_lr=1e-4 after preset=mine
// d_lr=1e-4), and gone, or resumed from another directory, it would name no
// change at all (preset=mine), as if the run had trained the file's design.
func TestResumedRunNamesItsDesignAsItStarted(t *testing.T) {
	dir := t.TempDir()
	file, pts := filepath.Join(dir, "mine.json"), filepath.Join(dir, "pts.csv")
	if err := os.WriteFile(pts, []byte("x,y\n0,0\n1,1\n2,0\n0.5,-1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(`{"base": "ring", "name": "mine", "target": "points(pts.csv)", "g_lr": 1e-4}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := presets.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	base := cfg.Clone()
	if err := cfg.Set("d_lr", "1e-4"); err != nil {
		t.Fatal(err)
	}
	s := newIdle(t, Options{Config: cfg, Preset: file, Base: &base, PresetFile: file, Seed: 1, Samples: 500, Dir: dir})
	s.trainEpoch()
	ckpt := saved(t, s)
	want := []Change{{"d_lr", "1e-4"}}
	for _, c := range []struct {
		name string
		file func()
	}{
		{"the file edited", func() {
			os.WriteFile(file, []byte(`{"base": "ring", "name": "mine", "target": "points(pts.csv)", "g_lr": 3e-4}`), 0o644)
		}},
		{"the file gone", func() { os.Remove(file) }},
	} {
		c.file()
		r := newIdle(t, Options{Resume: ckpt, Dir: dir})
		if res := r.Result(); res.Preset != "mine" || !slices.Equal(res.Changes, want) {
			t.Errorf("%s: the resumed run's result names preset %q, changes %v; want mine, %v", c.name, res.Preset, res.Changes, want)
		}
	}
}

// TestAgainNamesTheCheckpointSaved: a run that left its plan says its
// checkpoint continues it: the one w saved, named, when it holds the run as it
// is (a change of the pace aside, which trains nothing), a resumed run's
// --resume checkpoint until it trains, else, on the screen alone (c's note),
// that w saves one. The again: line printed after the trainer quit does not say
// "w saves a checkpoint to resume it", neither with the checkpoint saved
// at that very epoch beside it nor with none, where no w is left to press.
func TestAgainNamesTheCheckpointSaved(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	Adjust{DLR, +1}.apply(s)
	s.trainEpoch()
	// Unsaved, nothing continues it once the trainer has quit, and no w
	// is left to press: c's note says w saves one, the again: line not.
	if a := s.Again(); a.Resume != "" || !strings.HasSuffix(a.Said(), ", after epoch 1") {
		t.Fatalf("unsaved: %+v, said %q", a, a.Said())
	}
	s.applyCommand(Share{})
	if text, _, _ := strings.Cut(s.note, CommandBreak); !strings.HasSuffix(text, LiveOnly+" (w saves a checkpoint to resume it)"+LiveOnly) {
		t.Fatalf("unsaved, c's note %q; want it to say that w saves a checkpoint, on the screen alone", s.note)
	}
	path := saved(t, s)
	Adjust{Speed, -1}.apply(s)
	if a, want := s.Again(), "ganui --resume "+path+" continues it"; a.Resume != want || !strings.HasSuffix(a.Said(), "("+want+")") {
		t.Errorf("saved as it is: %+v, want it to resume %q", a, want)
	}
	// Resumed from it, the run is the checkpoint's until it trains.
	r := newIdle(t, Options{Resume: path, Dir: s.opts.Dir, Watch: true})
	if a, want := r.Again(), "ganui --resume "+path+" continues it"; a.Resume != want {
		t.Errorf("resumed: %+v, want it to resume %q", a, want)
	}
	s.trainEpoch()
	r.trainEpoch()
	if a, b := s.Again(), r.Again(); a.Resume != "" || b.Said() != a.Said() {
		t.Errorf("trained past the save: %q, resumed %q", a.Said(), b.Said())
	}
}

// TestResumeCommandQuotesItsPath: a checkpoint whose name a shell would split,
// resumed, is named quoted in the commands that resume it, the again: line's
// and w's note, as the again: command's own words are: "ganui --resume my
// run.ckpt continues it" would be two words to a shell, "my" and "run.ckpt".
func TestResumeCommandQuotesItsPath(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	Adjust{DLR, +1}.apply(s)
	s.trainEpoch()
	b, err := os.ReadFile(saved(t, s))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(s.opts.Dir, "my run.ckpt")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	r := newIdle(t, Options{Resume: path, Dir: s.opts.Dir, Watch: true})
	quoted := "'" + path + "'"
	if a, want := r.Again(), "ganui --resume "+quoted+" continues it"; a.Resume != want {
		t.Errorf("resumed from %q: %q, want %q", path, a.Resume, want)
	}
	Save{}.apply(r)
	// On the screen, the flag tied to its file, the space in its name too,
	// as the screen's wrapping keeps them; the line Again gives, as it is.
	if want := "already saved epoch 2, nothing changed since: ganui --resume\u00a0'" + strings.ReplaceAll(path, " ", "\u00a0") + "' continues from it"; r.note != want {
		t.Errorf("w on the resumed run: %q, want %q", r.note, want)
	}
}

// TestFileNamedAsABuiltInNamesItsChanges: a preset file that keeps a built-in's
// name, as --show-preset vanilla --set g_lr=1e-3 > my.json writes one, names
// the settings in which it differs from that built-in, preset=vanilla
// g_lr=1e-3, not preset=vanilla alone, the built-in's label on another design.
// A file of the built-in's own design, or one --set takes back to it, names
// none.
func TestFileNamedAsABuiltInNamesItsChanges(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "my.json")
	if err := os.WriteFile(file, []byte(`{"base": "vanilla", "name": "vanilla", "g_lr": 1e-3, "epochs": 3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		set  string
		want []Change
	}{
		{"", []Change{{"g_lr", "1e-3"}}},
		{"d_lr=1e-3", []Change{{"d_lr", "1e-3"}, {"g_lr", "1e-3"}}},
		{"g_lr=5e-5", nil}, // vanilla's own
	} {
		cfg, err := presets.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		base := cfg.Clone()
		if key, value, ok := strings.Cut(c.set, "="); ok {
			if err := cfg.Set(key, value); err != nil {
				t.Fatal(err)
			}
		}
		s := newIdle(t, Options{Config: cfg, Preset: file, Base: &base, PresetFile: file, Seed: 1, Samples: 500, Dir: dir})
		s.trainEpoch()
		if r := s.Result(); r.Preset != "vanilla" || !slices.Equal(r.Changes, c.want) {
			t.Errorf("--set %q: the run's result names preset %q, changes %v; want vanilla, %v", c.set, r.Preset, r.Changes, c.want)
		}
	}
}

// TestEvaluationShowsGOffTheTarget: uniform's G at epoch 1, its samples near 0
// and the target's range cut at the support (1.71 to 6.29), is evaluated over a
// range widened to take its samples in: the bars, D's curve and push, at the
// same bins' centres, and a pinned baseline's outline all span it, so that no
// sample is counted left of the range with the push drawn nowhere; the record's
// checks are widened too, and a figure's baseline is binned over the target's
// range, as the figure is drawn.
func TestEvaluationShowsGOffTheTarget(t *testing.T) {
	s := idleAt(t, "uniform", Options{Seed: 1, Samples: 1000, Dir: t.TempDir()}, 1)
	s.evaluate()
	h := s.eval.Metrics.Hist
	if 2*(h.Under+h.Over) > s.eval.Metrics.N || !(h.Lo < s.watch.xlo) || h.Hi != s.watch.xhi {
		t.Fatalf("epoch 1: range %v to %v (the target's %v to %v), %d under, %d over of %d; want G's samples in it",
			h.Lo, h.Hi, s.watch.xlo, s.watch.xhi, h.Under, h.Over, s.eval.Metrics.N)
	}
	w := (h.Hi - h.Lo) / float64(len(h.Counts))
	push := make([]float64, len(h.Counts))
	s.gan.DSlope(push, h.Lo+w/2, h.Hi-w/2)
	if !slices.Equal(s.eval.Push, push) {
		t.Error("D's push is not at the widened histogram's bins")
	}
	Pin{}.apply(s)
	if b := s.baseline.Eval.Metrics.Hist; b.Lo != h.Lo || b.Hi != h.Hi {
		t.Errorf("the baseline's histogram spans %v to %v, the live one %v to %v", b.Lo, b.Hi, h.Lo, h.Hi)
	}
	if b := s.baseline.binned(PictureBins, s.watch.xlo, s.watch.xhi, s.gan.Target()).Eval.Metrics.Hist; b.Lo != s.watch.xlo || b.Hi != s.watch.xhi || len(b.Counts) != PictureBins {
		t.Errorf("the figure's baseline: %d bins over %v to %v, want %d over %v to %v", len(b.Counts), b.Lo, b.Hi, PictureBins, s.watch.xlo, s.watch.xhi)
	}
	s.check()
	if k := s.tl.keyframes[len(s.tl.keyframes)-1].Eval.Metrics.Hist; !(k.Lo < s.watch.xlo) {
		t.Errorf("the check's keyframe spans %v to %v, the target's range", k.Lo, k.Hi)
	}
}

// TestPictureShowsGOffTheTarget: a figure's samples panel spans what the
// screen's histogram does, widened to take in G's samples when most lie off the
// target's range (uniform's G near 0 at epoch 1), D's curve and a pinned
// baseline over it, not the target's range alone, the panel empty but for "all
// 10,000 outside [1.71, 6.29]".
func TestPictureShowsGOffTheTarget(t *testing.T) {
	s := idleAt(t, "uniform", Options{Seed: 1, Samples: 1000, Dir: t.TempDir()}, 1)
	s.evaluate()
	Pin{}.apply(s)
	p := s.Picture()
	h := s.eval.Metrics.Hist
	if !(h.Lo < s.watch.xlo) {
		t.Fatalf("the screen's histogram spans %v to %v, the target's range; want it widened", h.Lo, h.Hi)
	}
	if p.Lo != h.Lo || p.Hi != h.Hi {
		t.Errorf("the figure spans %v to %v, the screen %v to %v", p.Lo, p.Hi, h.Lo, h.Hi)
	}
	curve := make([]float64, len(p.DCurve))
	s.gan.DCurve(curve, p.Lo, p.Hi)
	if len(curve) == 0 || !slices.Equal(p.DCurve, curve) {
		t.Error("D's curve is not drawn over the figure's range")
	}
	if b := p.Baseline.Eval.Metrics.Hist; b.Lo != p.Lo || b.Hi != p.Hi || len(b.Counts) != PictureBins {
		t.Errorf("the figure's baseline: %d bins over %v to %v, want %d over %v to %v", len(b.Counts), b.Lo, b.Hi, PictureBins, p.Lo, p.Hi)
	}
}

// TestBaselineMeasuredAsAFrame: a baseline keeps its KS and W1 as a check of
// its epoch measures them (Baseline.Check), which the keyframe of the epoch
// pinned then matches exactly, and a resume from its checkpoint works them out
// again from the sample the record keeps. The frame's 2,000 samples are not set
// against the pin's measures of 10,000, which would read worse than the very
// state pinned ("vs base KS ✗0.010"). A sample smaller than a check's has none,
// and vs base compares with the pin's own.
func TestBaselineMeasuredAsAFrame(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 10_000, Epochs: 300, Dir: t.TempDir()}, 300)
	Pin{}.apply(s)
	s.trainEpoch()
	Replay{Dir: -1}.apply(s)
	snap := shown(s)
	b, f := snap.Baseline, snap.Replay
	if f == nil || f.Epoch != 300 || b == nil || b.Epoch != 300 {
		t.Fatalf("replaying frame %v against a baseline %v: want both at epoch 300", frameEpoch(snap), baselineText(b))
	}
	if b.Check == nil || b.Check.KS != f.Eval.Metrics.KS || b.Check.W1 != f.Eval.Metrics.W1 {
		t.Fatalf("the baseline as a check measures it: %+v; the frame of its epoch KS %v W1 %v", b.Check, f.Eval.Metrics.KS, f.Eval.Metrics.W1)
	}
	if b.Eval.Metrics.KS == f.Eval.Metrics.KS && b.Eval.Metrics.W1 == f.Eval.Metrics.W1 {
		t.Fatal("the pin's own measures are the frame's: the test tells nothing apart")
	}
	s.replay = -1
	r := newIdle(t, Options{Resume: saved(t, s), Dir: s.opts.Dir})
	if rb := r.baseline; rb == nil || !reflect.DeepEqual(rb.Check, b.Check) {
		t.Errorf("resumed: the baseline as a check measures it %+v, before saving %+v", rb.Check, b.Check)
	}

	small := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 300}, 30)
	Pin{}.apply(small)
	if small.baseline.Check != nil {
		t.Errorf("a baseline of 500 samples measured as a check of 2,000: %+v", small.baseline.Check)
	}
}

// TestReplayNamesEveryEventAtItsEpoch: a jump to a frame names every kind of
// event at the epoch it names, once, and the jump back that finds none earlier
// names them alike. The equilibrium and the stall in it start at one check:
// grid, seed 2, does not jump to "◆ d-stalled at epoch 690" and then answer "no
// earlier event than ◆ equilibrium at epoch 690", an event no jump named.
func TestReplayNamesEveryEventAtItsEpoch(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	first := s.tl.keyframes[0].Epoch
	s.tl.events = []Event{
		{Epoch: first - 1, Kind: EventEquilibrium}, {Epoch: first - 1, Kind: EventModeDropped},
		{Epoch: first - 1, Kind: EventStalled}, {Epoch: first - 1, Kind: EventModeDropped},
	}
	named := fmt.Sprintf("◆ equilibrium, mode-dropped, d-stalled at epoch %s", numtext.FormatInt(first-1))
	Replay{Dir: -1, Jump: true}.apply(s)
	if want := named + ": replay frame 1 of "; s.replay != 0 || !strings.HasPrefix(s.note, want) {
		t.Errorf("a jump back to the events at one epoch: frame %d, %q; want it to begin %q", s.replay, s.note, want)
	}
	Replay{Dir: -1, Jump: true}.apply(s)
	if want := "no earlier event than " + named + ", staying on replay frame 1 of "; s.replay != 0 || !strings.HasPrefix(s.note, want) {
		t.Errorf("a jump back from them: frame %d, %q; want it to begin %q", s.replay, s.note, want)
	}
}

// TestReplayCountsAFullFramesEvents: a frame thinned over many epochs
// names its first and newest epochs' events and counts those between,
// so that "replay frame N of M" stays on the status line.
func TestReplayCountsAFullFramesEvents(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	for e := 281; e <= 290; e++ {
		s.tl.events = append(s.tl.events, Event{Epoch: e, Kind: EventModeDropped, Detail: "mode 2 (at 2) gets 0% of the samples"})
	}
	Replay{Dir: -1, Jump: true}.apply(s)
	want := "◆ mode-dropped at epoch 281; 8 more epochs; mode-dropped at epoch 290: replay frame "
	if got := PlainNote(s.note); !strings.HasPrefix(got, want) {
		t.Errorf("a jump to a frame of ten epochs' events: %q, want it to begin %q", got, want)
	}
}

// TestReplayOfARunDivergedBeforeItsFirstFrameSaysWhatTakesItOn: , . < > on a
// run that diverged before its first keyframe (wgan-gp at learning rate 10 with
// sgd, a NaN at epoch 1) say that no frame will come, and the way on the other
// refusals of a diverged run end with, naming the key: u where a state is kept,
// else r or R, not "nothing to replay yet: keyframes are kept every 100
// epochs", which promises a frame and names no key.
func TestReplayOfARunDivergedBeforeItsFirstFrameSaysWhatTakesItOn(t *testing.T) {
	cfg, err := presets.Get("wgan-gp")
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{{"d_opt", "sgd"}, {"d_lr", "10"}, {"g_opt", "sgd"}, {"g_lr", "10"}} {
		if err := cfg.Set(kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 500})
	s.trainEpoch()
	if s.state != Diverged || len(s.tl.keyframes) != 0 {
		t.Fatalf("at epoch %d: %s with %d keyframes; want diverged with none", s.gan.Epoch(), s.state, len(s.tl.keyframes))
	}
	for _, c := range []struct {
		kept bool
		want string
	}{
		{true, "nothing to replay: the run diverged before its first keyframe; lower a learning rate (←), then u rolls back to go on"},
		{false, "nothing to replay: the run diverged before its first keyframe; lower a learning rate (←), then r or R starts again"},
	} {
		if !c.kept {
			s.kept = nil
		}
		for _, cmd := range []Replay{{Dir: -1}, {Dir: +1}, {Dir: -1, Jump: true}, {Dir: +1, Jump: true}} {
			if cmd.apply(s); s.note != c.want || s.replay >= 0 {
				t.Errorf("%+v with a kept state %v: note %q, replay %d; want %q", cmd, c.kept, s.note, s.replay, c.want)
			}
		}
	}
}

// TestReplayBeforeTheFirstFrameNamesTheKeyThatGetsThere: , . < > on a paused
// run before its first keyframe (vanilla, one epoch stepped) say when the
// frames come and the key that trains to the first: "nothing to replay yet:
// keyframes are kept every 100 epochs; space trains to the first", not ending
// at "every 100 epochs", naming no key.
func TestReplayBeforeTheFirstFrameNamesTheKeyThatGetsThere(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500}, 1)
	if s.state != Paused || len(s.tl.keyframes) != 0 {
		t.Fatalf("at epoch %d: %s with %d keyframes; want paused with none", s.gan.Epoch(), s.state, len(s.tl.keyframes))
	}
	want := "nothing to replay yet: keyframes are kept every " + numtext.FormatInt(s.every) + " epochs; space trains to the first"
	for _, cmd := range []Replay{{Dir: -1}, {Dir: +1}, {Dir: -1, Jump: true}, {Dir: +1, Jump: true}} {
		if cmd.apply(s); s.note != want || s.replay >= 0 {
			t.Errorf("%+v: note %q, replay %d; want %q", cmd, s.note, s.replay, want)
		}
	}
}

// TestSpeedInAReplayKeepsTheFrameNamed: ] and [ in a replay, which stays
// on its frame, give the new pace before the frame's note, "speed 500/s →
// 1,000/s · replay frame 9 of 10 · , . step …", where the pace's note
// alone took its place and left the frame shown unnamed; 0 on the speed
// likewise, and live, the pace's note alone as before.
func TestSpeedInAReplayKeepsTheFrameNamed(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 1000}, 300)
	s.applyCommand(Replay{Dir: -1})
	frame := s.note
	if s.replay < 0 || !strings.Contains(frame, "replay frame ") {
		t.Fatalf("one frame back: replay %d, note %q", s.replay, frame)
	}
	s.applyCommand(Adjust{Speed, -1})
	if want := " · " + frame; s.replay < 0 || !strings.HasPrefix(s.note, "speed ") || !strings.HasSuffix(s.note, want) {
		t.Errorf("[ in the replay: replay %d, note %q; want the pace, then %q", s.replay, s.note, want)
	}
	s.applyCommand(Reset{Speed})
	if want := ", the pace the trainer started at · " + frame; s.replay < 0 || !strings.HasSuffix(s.note, want) {
		t.Errorf("0 on the speed in the replay: replay %d, note %q; want it to end %q", s.replay, s.note, want)
	}
	s.applyCommand(Replay{Live: true})
	s.applyCommand(Adjust{Speed, -1})
	if strings.Contains(s.note, "replay") || !strings.HasPrefix(s.note, "speed ") {
		t.Errorf("[ live: %q, want the pace's note alone", s.note)
	}
}

// TestRefusalInAReplayKeepsTheFrameNamed: a key that does nothing in a
// replay, the frame staying in sight, says why before the frame's note, as
// a change of pace does: 0 on the pace where it started, "speed is full
// already, the pace the trainer started at · replay frame …", 0 on a rate
// at the design's, → at the top of the ladder, where the refusal took the
// replay's line and left the frame shown unnamed.
func TestRefusalInAReplayKeepsTheFrameNamed(t *testing.T) {
	s := idleAt(t, "vanilla", Options{Seed: 1, Samples: 500, Epochs: 1000}, 300)
	for range 30 {
		Adjust{DLR, +1}.apply(s) // to the top of the ladder, before the replay
	}
	s.applyCommand(Replay{Dir: -1})
	frame := s.note
	if s.replay < 0 || !strings.Contains(frame, "replay frame ") {
		t.Fatalf("one frame back: replay %d, note %q", s.replay, frame)
	}
	at := s.replay
	for _, c := range []struct {
		key     string
		c       Command
		refusal string
	}{
		{"0 on the pace", Reset{Speed}, "speed is full already, the pace the trainer started at"},
		{"0 on G lr", Reset{GLR}, "G lr is 5e-5 already, the design's; not D lr 10 (the design's 5e-4): ↑↓ picks"},
		{"→ on D lr", Adjust{DLR, +1}, "D lr 5e-4 → 10 after epoch 300, the end of its range"},
	} {
		s.applyCommand(c.c)
		if want := c.refusal + " · " + frame; s.replay != at || s.note != want || !s.refused {
			t.Errorf("%s in the replay: replay %d (was %d), note %q (refused %v); want %q", c.key, s.replay, at, s.note, s.refused, want)
		}
	}
	s.applyCommand(Replay{Live: true})
	s.applyCommand(Reset{Speed})
	if want := "speed is full already, the pace the trainer started at"; s.note != want {
		t.Errorf("0 on the pace live: %q, want %q", s.note, want)
	}
}

// TestRefusalInAReplayNamesTheFrameAlone: a refusal after a replay key that
// met an edge, , at the first frame, names the frame, not the edge that
// key met: "speed is full already, … · replay frame 1 of 4 · …", where it
// read "… · no earlier keyframe kept: replay frame 1 of 4 · …", the earlier
// key's refusal carried into the later one's note.
func TestRefusalInAReplayNamesTheFrameAlone(t *testing.T) {
	s := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	for range len(s.tl.keyframes) {
		s.applyCommand(Replay{Dir: -1})
	}
	if s.replay != 0 || !strings.HasPrefix(PlainNote(s.note), "no earlier keyframe kept: replay frame 1 of") {
		t.Fatalf("a step back from the first frame: frame %d, %q", s.replay, s.note)
	}
	s.applyCommand(Reset{Speed})
	note := PlainNote(s.note)
	if !s.refused || s.replay != 0 || !strings.Contains(note, " · replay frame 1 of") || strings.Contains(note, "no earlier keyframe") {
		t.Errorf("0 on the pace at the first frame: frame %d, refused %v, note %q; want the refusal, then the frame named alone", s.replay, s.refused, note)
	}
}

// TestResumeCommandWritesWhatATerminalObeysEscaped: a checkpoint whose name
// holds a character a terminal obeys (U+202E, which --resume takes) or a byte
// not UTF-8, resumed, is named in the commands that resume it, the again:
// line's and w's note, as the again: command's own words are, $'…' and the
// command ended DollarNote: quoted '…', the terminal showed the rest of the
// line reversed, and what a user copied from it was another file's name. So is
// a preset file so named given to --resume, and the command a run resumed
// from such a checkpoint, now gone, is trained again by, its output flags
// before DollarNote.
func TestResumeCommandWritesWhatATerminalObeysEscaped(t *testing.T) {
	s := newIdleBlog(t)
	s.trainEpoch()
	Adjust{DLR, +1}.apply(s)
	s.trainEpoch()
	b, err := os.ReadFile(saved(t, s))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"r\u202etpkc.ckpt", "my\xffrun.ckpt"} {
		path := filepath.Join(s.opts.Dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		q, _ := shellword.Dollar(path)
		r := newIdle(t, Options{Resume: path, Dir: s.opts.Dir, Watch: true})
		if a, want := r.Again(), "ganui --resume "+q+shellword.DollarNote+" continues it"; a.Resume != want {
			t.Errorf("resumed from %q: %q\nwant %q", path, a.Resume, want)
		}
		Save{}.apply(r)
		if want := "already saved epoch 2, nothing changed since: ganui --resume\u00a0" + q + shellword.DollarNote + " continues from it"; r.note != want {
			t.Errorf("w on the resumed run: %q\nwant %q", r.note, want)
		}
		// A preset file so named, given to --resume, below.
		design := filepath.Join(s.opts.Dir, strings.TrimSuffix(name, ".ckpt")+".json")
		if err := os.WriteFile(design, presets.Marshal(blogConfig(t, 10)), 0o644); err != nil {
			t.Fatal(err)
		}
		// Gone, the run is trained again from its start, its --log after
		// the command's words and the note after both, once: the
		// command's --preset, that preset file, wrote it between them.
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct{ preset, log, note string }{
			{"", "run.csv", ""},
			{"", "run\u202e.csv", shellword.DollarNote},
			{design, "run.csv", shellword.DollarNote},
			{design, "run\u202e.csv", shellword.DollarNote},
		} {
			r.opts.Preset, r.opts.LogPath = c.preset, c.log
			want := " --seed 3 --log " + shellword.Quote(c.log) + c.note + " (its checks then come every 10 epochs, where this run's came every 50)"
			if got := r.again(); !strings.HasSuffix(got, want) || strings.Count(got, shellword.DollarNote) != len(c.note)/len(shellword.DollarNote) {
				t.Errorf("resumed from %q, gone, --preset %q --log %q: %q\nwant it to end %q", path, c.preset, c.log, got, want)
			}
		}
		dq, _ := shellword.Dollar(design)
		want := "--resume: " + dq + " is a preset file, not a checkpoint: ganui --preset " + dq + shellword.DollarNote + " trains its design from the start"
		if _, err := New(Options{Resume: design}); err == nil || err.Error() != want {
			t.Errorf("New(Resume: a preset file %q): %v\nwant %q", design, err, want)
		}
	}
}

// TestAgainWritesWhatATerminalObeysEscaped: a preset file whose name holds a
// character a terminal obeys, U+202E, which shows the rest of a line
// reversed, or a byte that is not UTF-8, is named in the again: command as
// bash and zsh read $'…', the command saying so as a stopped headless run's
// does (shellword.DollarNote), where '…' had shown "--samples 500 --seed 1"
// reversed. A line break, which --preset refuses (inputfile.CheckName), would
// be written \n, the line kept one line. bash reads the command back as the
// words the run was given.
func TestAgainWritesWhatATerminalObeysEscaped(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"my\u202enosj.json", "my\xffrun.json", "my\nrun.json"} {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(`{"base": "vanilla", "epochs": 3}`), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := presets.Load(file)
		if err != nil {
			t.Fatal(err)
		}
		s := newIdle(t, Options{Config: cfg, Preset: file, Seed: 1, Samples: 500, Dir: dir})
		q, _ := shellword.Dollar(file)
		a := s.Again()
		if want := "ganui --preset " + q + " --samples 500 --seed 1" + shellword.DollarNote; a.Command != want {
			t.Errorf("again %q\nwant  %q", a.Command, want)
			continue
		}
		bash, err := exec.LookPath("bash")
		if err != nil {
			continue
		}
		line := strings.TrimSuffix(a.Command, shellword.DollarNote)
		out, err := exec.Command(bash, "-c", `ganui() { printf '%s\0' "$@"; }; `+line).Output()
		if want := []string{"--preset", file, "--samples", "500", "--seed", "1", ""}; err != nil || !slices.Equal(strings.Split(string(out), "\x00"), want) {
			t.Errorf("bash reads %q as %q (%v), want %q", line, out, err, want)
		}
	}
}
