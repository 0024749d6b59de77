package session

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// TestCommandsRaceSnapshots drives a started session through every
// command there is, sent from a goroutine of the test's own as a screen's
// keys would come, while the test's goroutine takes each snapshot in and
// reads every value it holds, and those it took before again, as a screen
// redraws: under -race, memory a snapshot
// shares with the session (a slice the session later writes into, a
// baseline or keyframe changed in place) is a race between the two
// goroutines, which the detector reports. A snapshot must be a copy: the
// screen reads it while the run trains on.
//
// The script trains past the points where the session rewrites its own
// memory: the chart history thinning at historyPoints, the keyframes at
// maxKeyframes, a setting pressed twice between epochs (one event, edited),
// a divergence and two roll-backs, a baseline re-binned.
func TestCommandsRaceSnapshots(t *testing.T) {
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	ring.Batch, ring.GHidden, ring.DHidden = 16, []int{8, 8}, []int{8, 8}
	for _, tc := range []struct {
		name   string
		cfg    engine.Config
		epochs int // trained in each of the script's long steps
	}{
		{"one dimension", testdesigns.LeastSquaresSGD(), 800},
		{"plane", ring, 150},
	} {
		t.Run(tc.name, func(t *testing.T) {
			leakcheck.Check(t)
			tc.cfg.Epochs = 1000 // a check every 10 epochs
			s, err := New(Options{Config: tc.cfg, Seed: 7, Paused: true, Samples: 500, Dir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			s.Start()
			defer s.Stop()
			sent := make(chan struct{})
			go func() {
				defer close(sent)
				for _, c := range raceScript(tc.epochs) {
					// One at a time, each applied before the next is
					// sent: a burst is applied at once, with one
					// snapshot at its end.
					s.Send(c)
					applied := make(marker)
					s.Send(applied)
					<-applied
				}
			}()
			var kept []Snapshot // the last few taken, read again with each new one
			for done := false; !done; {
				select {
				case snap := <-s.Snapshots():
					if kept = append(kept, snap); len(kept) > 4 {
						kept = kept[1:]
					}
					for _, k := range kept {
						readSnapshot(k)
					}
				case <-sent:
					done = true
				}
			}
			s.Stop()
		})
	}
}

// raceScript is the commands TestCommandsRaceSnapshots sends, training
// epochs in each long step.
func raceScript(epochs int) []Command {
	draw := func(w io.Writer, p Picture) error {
		_, err := fmt.Fprint(w, p.Epoch, len(p.History), len(p.Samples), len(p.Evals), len(p.Surface))
		return err
	}
	up := func(k Setting, n, dir int) []Command { return slices.Repeat([]Command{Adjust{k, dir}}, n) }
	script := []Command{
		Pin{}, // a baseline at epoch 0, re-binned below
		Step{Kind: StepEpoch, Epochs: epochs},
		HistBins{N: 37},
		TogglePause{}, HistBins{N: 90}, Adjust{DLR, +1}, Adjust{DLR, +1}, Adjust{DLR, -1}, TogglePause{},
		Replay{Dir: -1}, Replay{Dir: -1}, Replay{Dir: -1, Jump: true}, Replay{Dir: +1}, HistBins{N: 61},
		Step{Kind: StepEpoch, Epochs: epochs}, // to the plan's end at most
		Step{Kind: StepEpoch, Epochs: epochs}, // past it
		Step{Kind: StepD}, Step{Kind: StepG},
		Save{}, Export{}, Share{}, Plot{Format: "txt", Draw: draw},
		Adjust{DSteps, +1}, Adjust{GSteps, -1}, Adjust{Speed, -1}, Adjust{Speed, +1},
	}
	script = append(script, up(DLR, 30, +1)...)
	script = append(script, up(GLR, 30, +1)...)
	script = append(script, Step{Kind: StepEpoch, Epochs: 300}, Rollback{}, Rollback{})
	script = append(script, up(DLR, 30, -1)...)
	script = append(script, up(GLR, 30, -1)...)
	return append(script,
		TogglePause{}, Pin{}, Pin{}, TogglePause{},
		Reseed{}, Step{Kind: StepEpoch, Epochs: 20}, Restart{}, Step{Kind: StepEpoch, Epochs: 20},
	)
}

// marker is a command that closes its channel as it is applied: the
// commands sent before it have been.
type marker chan struct{}

func (m marker) apply(*Session)  { close(m) }
func (marker) keepsReplay() bool { return true }

// readSum adds up what readSnapshot reads, so that no read is left out.
var readSum float64

// readSnapshot reads every value s holds, through its slices and
// pointers, as a screen drawing it might. The reads are plain ones: the
// race detector missed a race on reads made through package reflect.
func readSnapshot(s Snapshot) {
	readStrings(s.Design...)
	readStrings(s.Preset, s.Note, s.Warning, s.Target.Spec)
	if p := s.Target.Plane; p != nil {
		readFloats(p.Reference...)
		readFloats(p.Box.X0, p.Box.X1, p.Box.Y0, p.Box.Y1, p.MeanX, p.MeanY, p.StdX, p.StdY)
		for _, sp := range p.Spots {
			readFloats(sp.X, sp.Y, sp.Std, sp.Weight)
		}
	}
	if e := s.Equilibrium; e != nil {
		readFloats(e.DReal, e.DFake, e.G, e.D)
		readStrings(e.Label)
	}
	if d := s.Err; d != nil {
		readStrings(d.What, d.Runaway)
	}
	readFloats(s.Rate, s.Settings.DLR, s.Settings.GLR, s.Settings.Speed, s.Last.DReal, s.Last.Mean)
	readPoints(s.History)
	readEval(s.Eval)
	for _, e := range s.Evals {
		readFloats(float64(e.Epoch), e.KS, e.W1, e.SW1, e.HQ)
	}
	for _, e := range s.Events {
		readStrings(e.Detail)
	}
	readFindings(s.Findings)
	if f := s.Replay; f != nil {
		readEval(f.Eval)
		readFindings(f.Findings)
		readFloats(f.Last.DReal, f.Last.Mean)
	}
	if b := s.Baseline; b != nil {
		readStrings(b.Preset)
		readPoints(b.History)
		readEval(b.Eval)
		readFloats(b.sample...)
	}
}

func readEval(e Eval) {
	m := e.Metrics
	readFloats(m.Mean, m.Std, m.KS, m.W1, m.ZDep, m.Hist.Lo, m.Hist.Hi)
	readFloats(m.Hist.Expected...)
	for _, c := range m.Hist.Counts {
		readSum += float64(c)
	}
	for _, c := range m.Modes {
		readFloats(c.Mean, c.Share, c.Expected)
	}
	for _, q := range m.QQ {
		readFloats(q.P, q.Gen, q.Target)
	}
	if p := m.Plane; p != nil {
		readFloats(p.MeanX, p.MeanY, p.SW1, p.HighQuality)
		for _, sp := range p.Spots {
			readFloats(sp.X, sp.Y, sp.Share, sp.Expected)
		}
	}
	readFloats(e.DCurve...)
	readFloats(e.Push...)
	readFloats(e.Points...)
	readFloats(e.Surface...)
	for _, z := range e.GZ {
		readFloats(z.Z, z.X)
	}
	for _, a := range e.Arrows {
		readFloats(a.X, a.Y, a.DX, a.DY)
	}
	readStrings(e.NoCurve)
}

func readPoints(pts []Point) {
	for _, p := range pts {
		readFloats(float64(p.Epoch), p.DReal, p.DFake, p.G, p.Mean, p.Std, p.MeanY, p.StdY)
	}
}

func readFindings(fs []Finding) {
	for _, f := range fs {
		readStrings(f.Text, f.Detail)
	}
}

func readFloats(vs ...float64) {
	for _, v := range vs {
		readSum += v
	}
}

func readStrings(ss ...string) {
	for _, s := range ss {
		readSum += float64(len(s))
		if s != "" {
			readSum += float64(s[len(s)-1])
		}
	}
}

// quitDuring is a command during which the session is told to stop, as
// q comes while a save of a wide design is being written; it notes the
// epoch it was applied at.
type quitDuring struct{ epoch *int }

func (c quitDuring) apply(s *Session) {
	*c.epoch = s.gan.Epoch()
	s.stop.Do(func() { close(s.quit) })
}

// TestStopTrainsNoEpochAfterACommand: a stop asked while a command was at work
// ends the run there, not after one epoch more: a running wide design told to
// quit during a w ends at the step where q was pressed, with no further epoch,
// which on a wide design takes seconds.
func TestStopTrainsNoEpochAfterACommand(t *testing.T) {
	s, err := New(Options{Config: blogConfig(t, 5000), Seed: 3, Samples: 1000, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	t.Cleanup(s.Stop)
	at := -1
	s.Send(quitDuring{&at})
	<-s.Done()
	if s.gan.Epoch() != at {
		t.Errorf("told to stop at epoch %d, the run ended at %d", at, s.gan.Epoch())
	}
}

// sendDuringPublish, applied, has the next clock reading send c: the
// reading at the start of the publish that follows every command, which
// on a wide design evaluates for seconds, so c is sent while a frame is
// drawn, as a key pressed then is.
type sendDuringPublish struct {
	armed *atomic.Bool
}

func (c sendDuringPublish) apply(*Session) { c.armed.Store(true) }

// TestKeysDuringAFrameWaitNoEpoch: a command sent while the session
// publishes a frame (a key pressed during a wide design's evaluation) is
// applied before the next epoch is trained, at full speed too, not one
// epoch later.
func TestKeysDuringAFrameWaitNoEpoch(t *testing.T) {
	var armed atomic.Bool
	var s *Session
	at, sent := -1, -1
	clock := NewClock(func() time.Time {
		if armed.CompareAndSwap(true, false) {
			sent = s.gan.Epoch()
			s.Send(quitDuring{&at})
		}
		return time.Now()
	})
	s, err := New(Options{Config: blogConfig(t, 5000), Seed: 3, Samples: 1000, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	t.Cleanup(s.Stop)
	s.Send(sendDuringPublish{&armed})
	<-s.Done()
	if sent < 0 || at != sent {
		t.Errorf("a command sent during the frame at epoch %d was applied at epoch %d", sent, at)
	}
}

// quitBeforeFrame is a command after which the frame is evaluated anew,
// as after HistBins, and during which the session is told to stop: q
// pressed as a frame's evaluation begins.
type quitBeforeFrame struct{}

func (quitBeforeFrame) apply(s *Session) {
	s.evalOK = false
	s.stop.Do(func() { close(s.quit) })
}

// TestStopLeavesTheFramesEvaluation: told to stop as it evaluates a frame,
// seconds of samples on a wide design, the session gives the evaluation up
// and publishes nothing more, so that q leaves at once: the frame it would
// have drawn is one no one sees.
func TestStopLeavesTheFramesEvaluation(t *testing.T) {
	s, err := New(Options{Config: blogConfig(t, 5000), Seed: 3, Paused: true, Samples: 1000, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	t.Cleanup(s.Stop)
	first := <-s.Snapshots()
	s.Send(quitBeforeFrame{})
	<-s.Done()
	select {
	case snap := <-s.Snapshots():
		t.Errorf("told to stop as it evaluated a frame, the session published it (epoch %d, evaluated at %d)", snap.Epoch, snap.Eval.Epoch)
	default:
	}
	if s.eval.Epoch != first.Eval.Epoch || !slices.Equal(s.eval.Metrics.Hist.Counts, first.Eval.Metrics.Hist.Counts) {
		t.Errorf("the evaluation given up replaced the one before it")
	}
}

// TestStopLeavesTheCheck: told to stop as it measures a scheduled check,
// 2,000 samples that take seconds on a wide design, the session gives the
// check up as it gives up a frame's evaluation, and records nothing of
// it: no evaluation in the history, no event, and the --log's row of the
// epoch holds its losses alone, nothing half-measured. The same check not
// given up is recorded in all three.
func TestStopLeavesTheCheck(t *testing.T) {
	for _, quit := range []bool{false, true} {
		t.Run(fmt.Sprint("quit=", quit), func(t *testing.T) {
			cfg := testdesigns.Tiny()
			cfg.Epochs = 1000 // a check every 10 epochs
			log := filepath.Join(t.TempDir(), "run.csv")
			s := newIdle(t, Options{Config: cfg, Seed: 1, Samples: 200, LogPath: log, Dir: t.TempDir()})
			for s.gan.Epoch() < s.every-1 {
				s.trainEpoch()
			}
			checks, events := s.evals.Len(), len(s.tl.events)
			if quit {
				s.stop.Do(func() { close(s.quit) }) // q, as the check begins
			}
			s.trainEpoch()
			s.Stop()
			data, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			rows := strings.Split(strings.TrimSpace(string(data)), "\n")
			row := rows[len(rows)-1]
			fields := strings.Split(row, ",")
			measured := fields[len(fields)-1] != "" || strings.Trim(row, ",") != strings.Join(fields[:6], ",")
			if got := s.evals.Len() > checks; got != !quit {
				t.Errorf("check recorded in the history: %v, want %v", got, !quit)
			}
			if quit && len(s.tl.events) != events {
				t.Errorf("the check given up emitted %d events", len(s.tl.events)-events)
			}
			if measured != !quit {
				t.Errorf("the log's row of epoch %d reads %q: measured %v, want %v", s.every, row, measured, !quit)
			}
		})
	}
}

// TestAGivenUpResultTakesOnlyThisRunsEvaluation: a final line whose
// evaluation a signal gave up (ResultUntil) falls back on the screen's
// last evaluation only when it is of the run the line sums up: after R
// (a new run) or a roll-back, before the new model was evaluated, it
// reads measured_at=none, not the zeros of no evaluation as if measured
// at epoch 0, nor the replaced run's figures.
func TestAGivenUpResultTakesOnlyThisRunsEvaluation(t *testing.T) {
	s := newIdle(t, Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Dir: t.TempDir()})
	for range 3 {
		s.trainEpoch()
	}
	if !s.evaluate() {
		t.Fatal("the evaluation gave up unasked")
	}
	s.evalTimed = true // as publishEval records it
	stop := make(chan struct{})
	close(stop)
	if r := s.ResultUntil(stop); !r.Earlier || r.Measured != 3 {
		t.Fatalf("given up at epoch 3 after its evaluation, the result is Earlier %v, Measured %d; want true, 3", r.Earlier, r.Measured)
	}
	if err := s.newRun(2); err != nil {
		t.Fatal(err)
	}
	r := s.ResultUntil(stop)
	if !r.Earlier || r.Measured != -1 {
		t.Errorf("given up after a new run, before its evaluation, the result is Earlier %v, Measured %d; want true, -1 (none)", r.Earlier, r.Measured)
	}
	if line := r.Line(); !strings.Contains(line, " measured_at=none ") || strings.Contains(line, " mean=") {
		t.Errorf("its final line reads %q, want measured_at=none and no measures", line)
	}
}
