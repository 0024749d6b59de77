package session

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/presets"
)

// Replay steps through the keyframes of a run that is not running: Dir −1
// or +1 moves one frame back or forward; with Jump it moves to the frame
// of the previous or next event instead, of Kind alone when it names one
// (EventKind.String; "" for every kind), as the trainer's f lists the
// events by kind: a long run's one rollback is then a jump away, not a
// hundred d-wins. With Live it returns to live from wherever the replay
// is (the trainer's esc), in one key, where . would have to be pressed
// once for each frame. Any command that trains or changes the run
// returns to live too. A jump that finds no event that way stays where
// it is, in the replay's frame or live, and says so, as a search that
// finds nothing leaves the cursor: going on to the first frame, or back
// to live, would move the view off what the user was looking at to a
// place no event marks, under a note that said there was none.
type Replay struct {
	Dir  int
	Jump bool
	Live bool
	Kind string
}

// Pin pins the run as it is now as the baseline, whose curves and last
// histogram a front end draws beside the live run's through reseeds,
// retunes and reruns; Pin again clears it. In a replay it pins the live
// run, not the frame shown, and keeps the frame in sight. A diverged run
// is refused, for its pin would hold NaN and all.
type Pin struct{}

// Share writes the design being trained, settings as they are now, to
// ganui-<preset>-seed<S>.json in the session's directory — a preset file
// that loads back (WriteDesign) — and says the command that runs it again
// (Again).
type Share struct{}

// keepsReplay is had by the commands that may leave a replay as it is:
// those for which keepsReplay says so. Any other command returns to live
// (leavesReplay).
type keepsReplay interface{ keepsReplay() bool }

func (Replay) keepsReplay() bool   { return true }
func (HistBins) keepsReplay() bool { return true }
func (Pin) keepsReplay() bool      { return true }
func (Share) keepsReplay() bool    { return true }
func (Save) keepsReplay() bool     { return true }
func (Export) keepsReplay() bool   { return true }
func (Plot) keepsReplay() bool     { return true }

// keepsReplay: the pace is no part of the run (no event, no keyframe, and
// it acts only once the run runs, which ends the replay anyway), so [ and
// ] keep the frame in sight; the other settings change the run.
func (c Adjust) keepsReplay() bool { return c.Setting == Speed }

// keepsReplay: as Adjust, 0 on the pace keeps the frame in sight.
func (c Reset) keepsReplay() bool { return c.Setting == Speed }

// leavesReplay reports whether applying c returns a replay to live.
func leavesReplay(c Command) bool {
	k, ok := c.(keepsReplay)
	return !ok || !k.keepsReplay()
}

func (c Replay) apply(s *Session) {
	n := len(s.tl.keyframes)
	switch {
	case c.Live:
		// Live already, it leaves the note as it is: the trainer's esc
		// closes the help too, and the trainer says neither was open.
		if s.replay >= 0 {
			s.replay, s.note = -1, "back to live at epoch "+numtext.FormatInt(s.gan.Epoch())
		}
		return
	case s.state == Running:
		s.refuse("replay works while paused: press space to pause first")
		return
	case n == 0 && s.state == Diverged:
		// No frame will come: "yet" would promise one, and the keys that
		// take the run on are u, r and R.
		s.note = "nothing to replay: the run diverged before its first keyframe; " + s.divergedWayOn()
		return
	case n == 0:
		// Paused or done before the first keyframe: the key that gets
		// there, as the diverged case names its own.
		s.note = "nothing to replay yet: keyframes are kept every " + numtext.FormatInt(s.every) + " epochs; space trains to the first"
		return
	}
	i := s.replay
	if i < 0 {
		i = n // live is just past the newest frame
	}
	edge, found := "", false // why the replay stops where it does, when it has to
	stays := false           // a jump that found no event: the view stays where it was
	if c.Jump {
		from := i
		if i, found = s.eventFrame(i, c.Dir, c.Kind); !found {
			i = from
			switch {
			case c.Dir < 0:
				edge, stays = "no earlier "+kindEvent(c.Kind)+s.firstEvent(from, c.Kind), true
			case s.replay >= 0:
				// From live, > says where the run is, below.
				edge, stays = "no later "+kindEvent(c.Kind), true
			}
		}
	} else {
		i += c.Dir
		if i == n-1 && n > 1 && s.tl.keyframes[i].Epoch == s.gan.Epoch() {
			// The newest frame is the live epoch itself, evaluated on
			// fewer samples: the step back from live shows an earlier
			// one, and the step forward to it returns to live. Stopping
			// there would show "◀ replay epoch 300 of 300" beside a KS
			// that differs from the live one of the same epoch.
			switch {
			case s.replay < 0:
				i--
			case c.Dir > 0:
				i = n
			}
		}
	}
	switch {
	case i >= n:
		// Where the run is now, and how to look back from there: a bare
		// "live" would tell a paused run's . or > nothing.
		now := "back to live at epoch " + numtext.FormatInt(s.gan.Epoch())
		switch {
		case s.replay < 0:
			// < offered only where there is an event to go to: a run
			// with none is pointed to none.
			back := ", < to an event"
			switch {
			case len(s.tl.events) == 0:
				back = " (no events yet)"
			case c.Kind != "":
				back = ", < to the " + kindEvent(c.Kind) + "s"
			}
			now = "already live at epoch " + numtext.FormatInt(s.gan.Epoch()) + ": , steps back through the keyframes" + back
			if stays {
				now = edge + ", staying live at epoch " + numtext.FormatInt(s.gan.Epoch()) + ": , steps back through the keyframes"
			}
		case found:
			// Events after the newest keyframe, whose frame is live's:
			// named as a jump to any other names them. "back to live at
			// epoch 303" alone would not say which event > went to, nor
			// what the user changed there.
			now = s.frameEvents(n) + ": " + now
		}
		s.replay, s.note = -1, now
		return
	case i < 0:
		s.replay, edge = 0, "no earlier keyframe kept"
	default:
		s.replay = i
	}
	// The keys give way (GivesWay) on a screen short of room, the key
	// bar offering them too, so that the events named before them stay.
	// A frame whose findings another ganui worded says so, before the keys
	// give way: its findings may read otherwise than the glossary.
	words := ""
	if by := s.tl.keyframes[s.replay].SavedBy; by != "" {
		words = " " + SavedWords(by)
	}
	s.note = fmt.Sprintf("replay frame %d of %d%s %s· , . step%s · esc, or a key that trains or changes the run: live%s", s.replay+1, n, words, GivesWay, s.eventKeys(s.replay, c.Kind), GivesWay)
	// frameNote names the frame alone, without the edge the key met, so
	// that a later key's note does not carry it: 0 after , at the first
	// frame read "D lr is 5e-4 already, …: ↑↓ picks · no earlier
	// keyframe kept: replay frame 1 of 54 · …".
	s.frameNote = s.note
	switch {
	case stays:
		s.note = edge + ", staying on " + s.note
	case edge != "":
		s.note = edge + ": " + s.note
	case found:
		// The events, whose epochs the frame's may not be: the first
		// frame at or after them (once thinned, or after a resume from a
		// checkpoint without keyframes, one kept hundreds of epochs
		// later), which the header alone would let pass for the event's.
		s.note = s.frameEvents(s.replay) + ": " + s.note
		s.frameNote = s.note
	}
}

// speedNote sets the note of a change of pace: in a replay, which it
// stays in, before the frame's own note, "speed 500/s → 1,000/s · ◆
// d-stall-ended at epoch 3,500: replay frame 35 of 60 · , . step · …",
// where the frame shown would no longer be named.
func (s *Session) speedNote(note string) {
	if s.replay >= 0 && s.frameNote != "" {
		note += " · " + s.frameNote
	}
	s.note = note
}

// userEvents are what the user did at epoch, a setting changed, a
// roll-back or updates by hand, in brackets, as a jump to its frame
// names them: the frame shows the findings of its epoch, but nothing of
// a change of the user's, and "◆ setting at epoch 1,364" alone does not
// say which setting, from what to what. "" when the user did nothing
// there.
func (s *Session) userEvents(epoch int) string {
	var did []string
	for _, e := range s.tl.events {
		if e.Epoch == epoch && e.Kind.ByHand() {
			did = append(did, e.Detail)
		}
	}
	if did == nil {
		return ""
	}
	return " (" + strings.Join(did, "; ") + ")"
}

// kindEvent is what < and > go to, in the notes' words: "event", or of
// one kind "d-wins event".
func kindEvent(kind string) string {
	if kind == "" {
		return "event"
	}
	return kind + " event"
}

// ofKind reports whether e is of kind, every event being of "".
func ofKind(e Event, kind string) bool {
	return kind == "" || e.Kind.String() == kind
}

// firstEvent names the first of the run's events of kind, when it is one of
// frame i's (live's for n), those whose frame it is: a jump back from
// there finds no earlier event, and "no earlier event" alone, under a ◆
// on the axis (a setting changed after the newest keyframe, whose frame
// is the live epoch), would read as if the event were not there. "" when
// the run has no event of kind up to frame i.
func (s *Session) firstEvent(i int, kind string) string {
	k := slices.IndexFunc(s.tl.events, func(e Event) bool { return ofKind(e, kind) })
	if k < 0 {
		return ""
	}
	e := s.tl.events[k]
	if i < len(s.tl.keyframes) && e.Epoch > s.tl.keyframes[i].Epoch {
		return ""
	}
	return " than " + s.eventsAt(e.Epoch)
}

// eventsAt names the run's events at epoch, as a jump to their frame
// says them: each kind there once, in the order they came, then what the
// user did there (userEvents): "◆ equilibrium, d-stalled at epoch 690".
// Naming the last alone, d-stalled, would leave the next < to answer "no
// earlier event than ◆ equilibrium at epoch 690", an event no jump
// named, at the epoch just shown.
func (s *Session) eventsAt(epoch int) string {
	return "◆ " + s.kindsAt(epoch)
}

// kindsAt is eventsAt without its ◆.
func (s *Session) kindsAt(epoch int) string {
	var kinds []string
	for _, e := range s.tl.events {
		if k := e.Kind.String(); e.Epoch == epoch && !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	return fmt.Sprintf("%s at epoch %s%s", strings.Join(kinds, ", "), numtext.FormatInt(epoch), s.userEvents(epoch))
}

// frameEvents names every event whose frame is frame i (live's for n,
// the keyframes' count): those after the frame before's epoch, up to
// its own. Each epoch of them is named as eventsAt names it, oldest
// first, "; " between: "◆ setting at epoch 753 (D lr 1e-3 → 2e-3);
// setting at epoch 754 (G lr 1e-3 → 2e-3)". Naming the newest epoch's
// alone would leave the others, with no frame of their own (a setting
// changed between two checks and another before the next, or events
// thinned together into one frame), named by no jump.
func (s *Session) frameEvents(i int) string {
	var epochs []int
	for _, e := range s.tl.events {
		if s.inFrame(e, i) && !slices.Contains(epochs, e.Epoch) {
			epochs = append(epochs, e.Epoch)
		}
	}
	slices.Sort(epochs)
	if len(epochs) > maxFrameEpochs { // the first and the newest, the count between
		skipped := len(epochs) - maxFrameEpochs + 1
		each := make([]string, 0, maxFrameEpochs)
		for _, epoch := range epochs[:maxFrameEpochs-2] {
			each = append(each, s.kindsAt(epoch))
		}
		return fmt.Sprintf("◆ %s; %d more epochs; %s", strings.Join(each, "; "), skipped, s.kindsAt(epochs[len(epochs)-1]))
	}
	each := make([]string, len(epochs))
	for k, epoch := range epochs {
		each[k] = s.kindsAt(epoch)
	}
	return "◆ " + strings.Join(each, "; ")
}

// maxFrameEpochs is how many epochs' events a frame's note names in
// full: a frame thinned over hundreds of epochs can hold dozens, whose
// names would push "replay frame N of M" off the status line. Past it
// the note names the first ones and the newest, and counts the rest.
const maxFrameEpochs = 3

// inFrame reports whether frame i (live's for n, the keyframes' count)
// is e's: the first frame at or after e's epoch, so after the frame
// before's.
func (s *Session) inFrame(e Event, i int) bool {
	frames := s.tl.keyframes
	if i > 0 && e.Epoch <= frames[i-1].Epoch {
		return false
	}
	return i >= len(frames) || e.Epoch <= frames[i].Epoch
}

// eventKeys offers < and > at frame i, each where it has an event of kind
// to go to (eventFrame): " · < > events", " · < events" or " · > events",
// of one kind " · < > d-wins events", "" with none, so that a run with no
// events at all is not offered "< > events" that answer only "no earlier
// event" and "no later event".
func (s *Session) eventKeys(i int, kind string) string {
	var keys []string
	for _, k := range []struct {
		key string
		dir int
	}{{"<", -1}, {">", +1}} {
		if _, found := s.eventFrame(i, k.dir, kind); found {
			keys = append(keys, k.key)
		}
	}
	if keys == nil {
		return ""
	}
	return " · " + strings.Join(keys, " ") + " " + kindEvent(kind) + "s"
}

// eventFrame is the keyframe of the nearest event of kind before (dir < 0)
// or after frame i: the first frame at or after the event's epoch, live (n)
// for an event after the newest frame. With no such event it is the first
// frame, or live after, and found is false.
func (s *Session) eventFrame(i, dir int, kind string) (frame int, found bool) {
	n := len(s.tl.keyframes)
	for j := i + dir; j >= 0 && (j < n || j == n && dir > 0); j += dir {
		if slices.ContainsFunc(s.tl.events, func(e Event) bool { return ofKind(e, kind) && s.inFrame(e, j) }) {
			return j, true
		}
	}
	if dir > 0 {
		return n, false
	}
	return 0, false
}

func (Pin) apply(s *Session) {
	if s.baseline != nil {
		s.baseline, s.note = nil, "baseline cleared"
		return
	}
	if s.state == Diverged {
		// A NaN or runaway state is nothing to compare with: its curves
		// end in the divergence and its measures are not the run's.
		s.refuse("no baseline: a diverged run is nothing to compare with; " + s.divergedWayOn())
		return
	}
	if !s.evalOK && s.canEvaluate() {
		s.evaluate() // the baseline is the run at the epoch pinned, not an evaluation behind it
	}
	cfg := s.gan.Config()
	b := &Baseline{
		Preset: cfg.Name, Seed: s.gan.Seed(), Epoch: s.gan.Epoch(), Settings: s.settings(cfg),
		History: s.hist.Points(nil), From: s.from, Eval: pinnedEval(s.eval),
	}
	if s.evalOK && s.gan.Plane() == nil {
		// The sample behind s.eval, drawn again from the same stream of
		// the same model, for the histogram at another number of bins.
		b.sample = make([]float64, s.eval.Metrics.N)
		s.gan.Sample(b.sample, uint64(s.eval.Epoch))
		b.Check = b.checked(s.gan.Target())
	}
	s.baseline = b
	// In a replay the baseline is the live run, as w and P write it, and
	// the note says so beside the frame's epoch: "pinned seed 1 at epoch
	// 5,000" under a header replaying epoch 4,000 would read as a slip.
	live := s.notReplayed()
	if live != "" {
		live += ","
	}
	s.note = fmt.Sprintf("pinned seed %d at epoch %s%s as the baseline: reseed, retune or rerun to compare · b clears it", s.gan.Seed(), numtext.FormatInt(s.gan.Epoch()), live)
}

// pinnedEval is what a baseline keeps of the evaluation at its pin: the
// measures vs base compares (KS and W1, or a plane's), the histogram its
// outline is drawn from and a plane's points, which are also what the
// run's record holds of it (record.go), and the quantiles and G's curve
// the Q-Q and G(z) views draw its ghost from, of which the record holds
// G's curve (version 11 on) and not the quantiles, which a resume counts
// again from the sample it keeps (quantiles); D's curves are the live
// run's alone.
func pinnedEval(e Eval) Eval {
	m := &e.Metrics
	return Eval{Epoch: e.Epoch, Metrics: engine.Metrics{N: m.N, KS: m.KS, W1: m.W1, Hist: m.Hist, QQ: m.QQ, Plane: m.Plane}, Points: e.Points, GZ: e.GZ}
}

// quantiles is b's Q-Q points counted again from the sample it keeps, as
// the evaluation at its pin counted them (engine.Evaluate), or nil when
// it keeps none (a plane's, or one too large for a record).
func (b *Baseline) quantiles(t engine.Target) []engine.QQPoint {
	if len(b.sample) == 0 {
		return nil
	}
	return engine.Evaluate(slices.Clone(b.sample), 1, t, engine.HistSpec{}).QQ
}

// checked is b's KS and W1 on its first CheckSize samples (Baseline.Check),
// measured as a check measures them (engine.GAN.EvaluateUntil draws the same
// stream, and a check of the pinned epoch the very samples), or nil when
// b keeps fewer samples than a check draws, or none (a plane's).
func (b *Baseline) checked(t engine.Target) *EvalPoint {
	n := CheckSize(false)
	if len(b.sample) < n {
		return nil
	}
	m := engine.Evaluate(slices.Clone(b.sample[:n]), 1, t, engine.HistSpec{})
	return &EvalPoint{Epoch: b.Eval.Epoch, KS: m.KS, W1: m.W1}
}

// binned is b with its histogram at bins bins over [lo, hi], counted
// from its own sample as an evaluation of that sample at bins bins would
// count it, so that the same sample draws the same bars; b itself when
// the histogram has those bins already or b keeps no sample (a plane's).
// The live histogram's range takes in G's samples when most lie outside
// the target's (Session.histSpec), so it is not the pin's range always. A
// baseline is shared with the snapshots published: it is never changed.
func (b *Baseline) binned(bins int, lo, hi float64, t engine.Target) *Baseline {
	h := b.Eval.Metrics.Hist
	if b.sample == nil || len(h.Counts) == bins && h.Lo == lo && h.Hi == hi {
		return b
	}
	c := *b
	c.Eval.Metrics.Hist = engine.NewHistogram(b.sample, t, engine.HistSpec{Bins: bins, Lo: lo, Hi: hi})
	return &c
}

func (Share) apply(s *Session) {
	path, err := s.WriteDesign()
	if err != nil {
		s.warn(notWritten("design not written", "c", err))
		return
	}
	// The command trains the file c wrote (Again, while the file holds
	// the design), not the preset it was made from with its --set flags:
	// what the note says was written is what it shows how to use ("wrote
	// ganui-vanilla-seed1.json · the command below runs the run again",
	// then "ganui --preset ganui-vanilla-seed1.json --seed 1"), the seed
	// and, where the run trained past the file's plan, the epochs given
	// beside it.
	s.shared = sharedDesign{path: path, cfg: s.gan.Config().Clone(), file: s.wroteNow.file}
	a := s.Again()
	// The file first, then what the command is, the caveat giving way
	// (GivesWay) where a narrow status has no room for it all, not the
	// file c wrote nor the checkpoint that continues the run: at 80×24
	// the status would otherwise be cut inside the caveat, the file after
	// it ("…(ganui --resume …", the file lost), or the checkpoint it ends
	// naming.
	what := "runs the run again"
	if a.Caveat != "" {
		what = "is " + GivesWay + a.Caveat + GivesWay + a.resumeText()
	}
	if a.saveHint {
		// True while the trainer runs, not in the lines printed once it
		// has quit, where no w can be pressed (PlainNote).
		what += LiveOnly + " (w saves a checkpoint to resume it)" + LiveOnly
	}
	s.note = "wrote " + shellword.Quote(path) + commandBelow + what + CommandBreak + a.Command
	s.wroteNow.parting = "wrote " + shellword.Quote(path) + commandAgain + what
}

// sharedDesign is the design file Share (c) wrote last: its path, the
// design it holds, and the file as written (nil if it could not be
// looked at then).
type sharedDesign struct {
	path string
	cfg  engine.Config
	file os.FileInfo
}

// holds reports whether d's file, still at its path and untouched, holds
// cfg, the design as it is now: then the command that runs the run again
// loads it (Again), as c's note showed.
func (d sharedDesign) holds(cfg engine.Config) bool {
	return d.file != nil && reflect.DeepEqual(d.cfg, cfg) && changedSince(d.path, d.file) == ""
}

// commandBelow is where c's note points at its command on a screen, the
// lines under the note. The lines printed once the trainer has quit give
// the command after the final line, as "again:", which the note kept
// for them (keepNote, wroteFile.parting) names instead, commandAgain:
// "wrote ganui-vanilla-seed1.json · the again: command runs the run
// again", not "the command below" over a final line that is no command.
const (
	commandBelow = " · the command below "
	commandAgain = " · the again: command "
)

// CommandBreak ends a note's text where a command line follows it, as
// Share's does: a screen shows the command on lines of its own, whole
// where it fits, so that it can be copied.
const CommandBreak = "\n"

// GivesWay brackets the words of a note's text that a screen short of
// room shortens first, from their end, so that the words before and
// after them stay: c's caveat, between the file c wrote and the
// checkpoint that continues the run. The text read anywhere else, as
// Parting gives it, is the note without it (PlainNote).
const GivesWay = "\x1f"

// LiveOnly brackets the words of a note that hold only while the
// trainer runs, as "w saves a checkpoint to resume it": the lines
// printed once it has quit, where no w can be pressed, leave them out
// (PlainNote), while a screen shows them (its marks dropped).
const LiveOnly = "\x1e"

// PlainNote is note as the lines printed once the trainer has quit read
// it (Parting): in full, without the GivesWay marks, without the words
// LiveOnly brackets, and with its ties (numtext.Together) plain spaces,
// as the screen draws them: a line of its own is not wrapped.
func PlainNote(note string) string {
	var b strings.Builder
	for i, part := range strings.Split(note, LiveOnly) {
		if i%2 == 0 {
			b.WriteString(part)
		}
	}
	return numtext.Plain(strings.ReplaceAll(b.String(), GivesWay, ""))
}

// WriteDesign writes the design being trained, settings as they are now,
// to ganui-<preset>-seed<S>.json in the session's directory (see
// outputPath), a preset file that loads back (presets.MarshalFile: a
// points(FILE.csv) target's file named by its absolute path, which reads
// the same from the file's directory), and returns its path. Like
// Picture it belongs to the goroutine driving the session, or after Stop
// to the caller of Stop.
func (s *Session) WriteDesign() (string, error) {
	path := s.designPath()
	file, err := presets.MarshalFile(s.gan.Config())
	if err != nil {
		return path, err
	}
	err = s.writeFile(path, 0o666, presetKind, 0, func(w io.Writer) error {
		_, err := w.Write(file)
		return err
	})
	if err == nil {
		s.written(path, "wrote "+shellword.Quote(path))
	}
	return path, err
}

// designPath is where WriteDesign writes.
func (s *Session) designPath() string {
	return s.outputPath(fmt.Sprintf("seed%d.json", s.gan.Seed()))
}

// Again is how to run a run again from the start.
type Again struct {
	// Command is the command line: the preset, each setting that differs
	// from the preset's as --set, the plan (the epochs trained, if more),
	// the evaluations' sample size when it is not the default, and the
	// seed.
	Command string
	// Plan is the epochs the command trains: the run's plan, or the
	// epochs it trained past it.
	Plan int
	// DesignFile, when not "", is the file the command's --preset names
	// that WriteDesign writes: the design is neither a built-in preset
	// nor the preset file the run was started from.
	DesignFile string
	// Caveat, when not "", says why the command may not repeat this run
	// exactly: it changed a setting after the start or trained one player
	// alone, which no command line does, or its record begins at a resume
	// (a checkpoint without the run's record, or one it could not take),
	// which cannot say whether that happened before it, or it trained
	// past its plan, and the command's plan, the epochs trained, checks
	// at another interval (checkEvery).
	Caveat string
	// Resume, when not "", is what continues the run where Caveat says
	// the command does not: the checkpoint w saved of it as it is, or the
	// one it resumed from until it trains, as the command that resumes it
	// ("ganui --resume FILE.ckpt continues it"). It is said after the
	// caveat, in brackets (Said), and a narrow screen keeps it where it
	// shortens the caveat (Share).
	Resume string
	// saveHint is that no checkpoint continues the run that Caveat says
	// the command does not repeat: c's note says that w saves one, which
	// the lines printed once the trainer has quit leave out.
	saveHint bool
}

// Said is the caveat as a line says it: Caveat, then Resume in brackets.
func (a Again) Said() string { return a.Caveat + a.resumeText() }

// resumeText is Resume as it follows the caveat, " (…)", or "".
func (a Again) resumeText() string {
	if a.Resume == "" {
		return ""
	}
	return " (" + a.Resume + ")"
}

// resumeCommand is the command that resumes the checkpoint path, its
// path quoted for the shell as the again: command's words are: a
// resumed 'my run.ckpt' unquoted would be two words to a shell, and
// one named with U+202E is written $'r\xe2\x80\xaetpkc.ckpt', the command
// ended DollarNote (shellword.Noted), where '…' showed it reversed.
func (s *Session) resumeCommand(path string) string {
	return shellword.Noted(command.Train("--resume "+shellword.Quote(path)), path)
}

// resumeNote is resumeCommand as a note on the screen gives it, "--resume
// FILE" tied (numtext.Together), so that the screen's wrapping keeps the
// flag with its file: after a long command ("go run .", a binary's path)
// the note at 80 columns had ended one line "--resume" and begun the next
// with the file, a flag and its value apart. The screen draws the tie as
// a space, which a copy of the command from the terminal gives; the lines
// printed once the trainer has quit read it as one too (PlainNote).
func (s *Session) resumeNote(path string) string {
	return shellword.Noted(command.Train(numtext.Together("--resume "+shellword.Quote(path))), path)
}

// presetCommand is the command that trains the design name, a built-in
// preset or a preset file, from the start, its name quoted for the shell
// as resumeCommand quotes a checkpoint's: what a refusal of that design
// given to --resume offers instead.
func presetCommand(name string) string {
	return shellword.Noted(command.Train("--preset "+shellword.Quote(name)), name)
}

// Again returns the command that runs the run again, as it stands. Its
// --preset names the design file c wrote last while that file, untouched,
// holds the design as it is now (sharedDesign.holds): the command c's
// note showed, which quitting's again: line then repeats, not the preset
// with --set flags that never name the file c said it wrote. Else it
// names what the run's --preset named while that still loads (a
// built-in, or the preset file as it is now, read again: the command
// runs it as it is then), else the built-in of the design's name, else
// the file WriteDesign writes.
func (s *Session) Again() Again {
	cfg := s.gan.Config()
	var a Again
	preset, base, loaded := presetBase(s.opts.Preset, resolve(s.opts.Preset), cfg)
	switch {
	case s.shared.holds(cfg):
		preset, base = s.shared.path, cfg
	case !loaded:
		preset, base = s.designPath(), cfg
		a.DesignFile = preset
	}
	a.Plan = max(s.planned, s.gan.Epoch())
	a.Command = s.trainCommand(preset, base, a.Plan)
	switch {
	case s.offPlan >= 0:
		// After the epoch, as the note of a change says it applies from
		// the next ("D lr 5e-4 → 1e-3 from epoch 232" read beside "it
		// changed D lr at epoch 231" as two epochs).
		when := "after epoch " + numtext.FormatInt(s.offPlan)
		if s.offPlan == 0 {
			when = "before the first epoch"
		}
		// A checkpoint w saved of the run as it is continues it: named,
		// where a w after the trainer has quit can save none.
		if s.saved.holds(s.version, s.gan.Config()) {
			a.Resume = s.resumeCommand(s.saved.path) + " continues it"
		} else {
			a.saveHint = true
		}
		// What the command is, then what the run did and when, each a
		// clause of its own: a screen short of room gives the when way
		// first (GivesWay), then what the run did that no command repeats.
		// Short, so that c's note is whole at 80×24 ("not this run exactly:
		// …, and the command trains as it is now from the start" lost its
		// end there, what the command does).
		a.Caveat = fmt.Sprintf("a rerun as set now: this run %s, %s",
			saidInFull(departures(s.offWhat)), when)
	case s.from > 0:
		a.Caveat = fmt.Sprintf("this run exactly only if its settings were not changed before epoch %s, where it resumed: a checkpoint holds them as they were then, not their history",
			numtext.FormatInt(s.from))
	case a.Plan > s.planned && checkEvery(a.Plan) != s.every:
		// Trained past its plan: the command's plan is the epochs trained,
		// whose checks come at another interval, and with them the events
		// (bimodal, seed 1, past its 10,000 on to 15,000: its plateau at
		// 7,100, the command's at 7,800), though the model and the final
		// line are this run's.
		a.Caveat = fmt.Sprintf("this run exactly but for its checks: a plan of %s epochs checks every %s, where this run's plan of %s checked every %s, so its events may fall on other epochs (--epochs %d, then space past its end, checks as this run did)",
			numtext.FormatInt(a.Plan), numtext.FormatInt(checkEvery(a.Plan)), numtext.FormatInt(s.planned), numtext.FormatInt(s.every), s.planned)
	}
	return a
}

// trainCommand is the command that trains the run's design from its
// start for plan epochs: preset, then each setting in which the design
// differs from base, preset's, the plan where it is not base's, the
// evaluations' sample size when it is not the default, and the seed
// (Again), each word quoted for the shell (shellword.Words): a preset
// file whose name holds U+202E, which shows the rest of a line reversed,
// is written $'my\xe2\x80\xaenosj.json', and the command ends DollarNote, as a
// stopped headless run's does.
func (s *Session) trainCommand(preset string, base engine.Config, plan int) string {
	line, dollar := s.trainWords(preset, base, plan)
	if dollar {
		return command.Train(line) + shellword.DollarNote
	}
	return command.Train(line)
}

// trainWords is trainCommand's words as shellword.Words writes them,
// without "ganui" and DollarNote, and whether one is $'…': what a
// command that adds words after them (again's output flags) ends with.
func (s *Session) trainWords(preset string, base engine.Config, plan int) (line string, dollar bool) {
	var args []string
	if preset != presets.Default {
		args = append(args, "--preset", preset)
	}
	for _, c := range settingsDiff(base, s.gan.Config()) {
		args = append(args, "--set", c.Key+"="+c.Value)
	}
	if plan != base.Epochs {
		args = append(args, "--epochs", fmt.Sprint(plan))
	}
	if n := namedSamples(s.opts.Samples, s.gan.Plane() != nil); n > 0 {
		args = append(args, "--samples", fmt.Sprint(n))
	}
	return shellword.Words(append(args, "--seed", fmt.Sprint(s.gan.Seed())))
}

// leftPlan records that the run did what no command line repeats, at
// the current epoch unless it already had (see Again), and adds what to
// what the departure says, once, so that a d then a g are both named,
// not the d alone, "this run trained D alone, after epoch 2".
func (s *Session) leftPlan(what string) {
	switch {
	case s.offPlan < 0:
		s.offPlan, s.offWhat = s.gan.Epoch(), what
	case !slices.Contains(departures(s.offWhat), what):
		s.offWhat += departureAnd + what
	}
}

// backOnPlan takes what out of what the departure says, the change it
// names taken back (settingEvent); with nothing left the run is the
// command line's again.
func (s *Session) backOnPlan(what string) {
	left := slices.DeleteFunc(departures(s.offWhat), func(d string) bool { return d == what })
	s.offWhat = strings.Join(left, departureAnd)
	if len(left) == 0 {
		s.offPlan = -1
	}
}

// saidInFull joins the things a departure did as a sentence says them,
// a verb the one before has said left out: "trained D alone, G alone and
// changed D lr". In full ("trained D alone and trained G alone") c's
// caveat at 80×24 has no room for them beside the file c wrote and "(w
// saves a checkpoint to resume it)", and reads "a rerun as set now …",
// its reason gone.
func saidInFull(did []string) string {
	said := slices.Clone(did)
	for i := 1; i < len(did); i++ {
		verb, _, _ := strings.Cut(did[i], " ")
		if prev, _, _ := strings.Cut(did[i-1], " "); verb == prev {
			said[i] = strings.TrimPrefix(did[i], verb+" ")
		}
	}
	return numtext.List(said, "and")
}

// departureAnd joins the things a departure did in offWhat, as a record
// keeps it: none of them ("trained D alone", "changed D lr") says it.
const departureAnd = " and "

// departures are the things the departure offWhat says the run did, in
// the order it did them.
func departures(offWhat string) []string {
	if offWhat == "" {
		return nil
	}
	return strings.Split(offWhat, departureAnd)
}

// presetBase returns the preset a run of cfg started from, and the name
// a command gives it: preset, what --preset named (a built-in, or a
// preset file), as read holds it (resolve), else the built-in of the
// design's name; ok is false when there is neither (a preset file that
// did not load, a checkpoint of a design of the user's own).
func presetBase(preset string, read *engine.Config, cfg engine.Config) (name string, base engine.Config, ok bool) {
	if preset != "" && read != nil {
		return preset, *read, true
	}
	if b, err := presets.Get(cfg.Name); err == nil {
		return cfg.Name, b, true
	}
	return "", engine.Config{}, false
}

// nearestPreset is the built-in preset that cfg differs from in the
// fewest settings (settingsDiff), the first in display order of those as
// near, and its name: the base of a command that rebuilds a design no
// preset names (a preset file gone, a design of the user's own) by --set
// alone, where headless writes no file of it, its --set flags as few as
// the design allows.
func nearestPreset(cfg engine.Config) (name string, base engine.Config) {
	fewest := -1
	for _, b := range presets.All() {
		if n := len(settingsDiff(b, cfg)); fewest < 0 || n < fewest {
			name, base, fewest = b.Name, b, n
		}
	}
	return name, base
}

// resolve reads the preset preset names (a built-in, or a preset file as
// it is now), or returns nil when it names none or does not load.
func resolve(preset string) *engine.Config {
	if preset == "" {
		return nil
	}
	b, err := presets.Resolve(preset)
	if err != nil {
		return nil
	}
	return &b
}

// withBase returns opts with Base read from Preset (resolve) unless it
// is given: once for a run, a batch's runs or a sweep's cells, which
// designOf names their design from.
func withBase(opts Options) Options {
	if opts.Base == nil {
		opts.Base = resolve(opts.Preset)
	}
	return opts
}

// Change is a setting of a design that differs from its preset's: a
// Config key, and its value as --set takes it.
type Change struct{ Key, Value string }

// designOf names the design cfg of a run of opts as its lines,
// summaries and figures name it: the name of the preset it started from
// (presetBase of Options.Preset as Options.Base holds it, read when the
// run started: a built-in's, or the preset file's own name), and the
// settings in which it differs from that preset (from the built-in, for
// a preset file that takes a built-in's name), a name --set gave among
// them (name=wide), its description and source aside, which train
// nothing. Named by it, preset=wide would read as the built-in wide with
// the changes listed, which are from the preset the run started from. A design
// whose preset did not load is named by its own name alone, with no
// changes to list.
func designOf(opts Options, cfg engine.Config) (name string, changes []Change) {
	_, base, ok := presetBase(opts.Preset, opts.Base, cfg)
	if !ok {
		return cfg.Name, nil
	}
	if builtin, err := presets.Get(base.Name); err == nil && opts.Preset != base.Name {
		// A preset file that keeps a built-in's name, as --show-preset
		// vanilla --set g_lr=1e-3 > my.json and the trainer's c write
		// one, is told from the built-in by the settings that differ from
		// it: preset=vanilla alone would name the built-in's design.
		base = builtin
	}
	for _, c := range settingsDiff(base, cfg) {
		if c.Key != "description" && c.Key != "source" {
			changes = append(changes, c)
		}
	}
	return base.Name, changes
}

// DesignText names a design as a run's lines do, as the value of their
// preset= field, and a figure's title: the preset's name, then each of
// changes but those of the keys the line has fields of its own for
// (skip), as key=value.
func DesignText(name string, changes []Change, skip ...string) string {
	text := LineValue(name)
	for _, c := range changes {
		if !slices.Contains(skip, c.Key) {
			text += " " + c.Key + "=" + LineValue(c.Value)
		}
	}
	return text
}

// settingsDiff lists the fields of cfg that differ from base, in the
// order of the preset keys; the plan (epochs) is left to --epochs. A
// value reads as --set takes it: a list without its brackets (16,16,
// relu,relu), a string unquoted, spaces kept; a target as its spec
// (targetSpec).
func settingsDiff(base, cfg engine.Config) []Change {
	a, b := presets.Marshal(base), presets.Marshal(cfg)
	lines := func(data []byte) map[string]string {
		m := map[string]string{}
		for _, l := range strings.Split(string(data), "\n") {
			key, value, ok := strings.Cut(strings.TrimSpace(l), ": ")
			if ok {
				m[strings.Trim(key, `"`)] = strings.TrimSuffix(value, ",")
			}
		}
		return m
	}
	was, now := lines(a), lines(b)
	// A target is told by its spec as ParseTarget reads it back:
	// "normal(4, 1.25)" is the preset's normal(4,1.25), no change.
	was["target"], now["target"] = targetSpec(base.Target), targetSpec(cfg.Target)
	var out []Change
	for _, key := range engine.ConfigKeys() {
		if key == "epochs" || was[key] == now[key] {
			continue
		}
		value := now[key]
		if key != "target" {
			value = setValue(value)
		}
		out = append(out, Change{key, value})
	}
	return out
}

// setValue is a preset file's JSON value as --set takes it.
func setValue(raw string) string {
	var items []json.RawMessage
	if json.Unmarshal([]byte(raw), &items) == nil {
		words := make([]string, len(items))
		for i, it := range items {
			words[i] = setValue(string(it))
		}
		return strings.Join(words, ",")
	}
	var str string
	if json.Unmarshal([]byte(raw), &str) == nil {
		return str
	}
	return raw
}
