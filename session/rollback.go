package session

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// A diverged run can roll back to a recent good state: every keepEvery or
// so of training the session keeps the run as a checkpoint in memory, with
// the chart history of that moment, and u restores the newest. The last
// keepStates are kept, so u pressed again straight after a roll-back goes
// further back, past a state that was finite but already doomed.
const (
	keepEvery  = time.Second
	keepStates = 3
	// keepShare bounds the time keeping takes to 1/keepShare of training:
	// a design whose checkpoint takes longer than keepEvery/keepShare to
	// encode is kept less often.
	keepShare = 100
)

// goodState is a moment of the run that a divergence can roll back to.
type goodState struct {
	ckpt  []byte // the run as MarshalBinary encodes it
	epoch int
	hist  History // the chart history at that epoch
	last  engine.EpochStats
	watch watch // the diagnosis's view of the run at that epoch
	// The run's events and departure from its command line (offPlan) as
	// they stood: a roll-back returns to them, then records the settings
	// it keeps (Rollback).
	events   []Event
	dropped  int
	episodes episodes // the findings holding, so that one goes on, not starts anew
	offPlan  int
	offWhat  string
	// runKept is the run's epochs trained while Running that stand at
	// this state (runEpochs less runLost): those trained after it, a
	// roll-back to it undoes.
	runKept int
}

// Rollback returns a diverged run to its newest good state, paused, with
// the current settings (lower a learning rate before or after, or the run
// will diverge again where it did). Pressed again before anything is
// trained, it goes back to the state kept before that one.
//
// The run's events return to what they were at that state, the roll-back
// itself added, and the findings that held then go on (an equilibrium
// reached before is not an event again at the next check). Each setting
// that now differs from the state's (D's learning rate raised towards
// the divergence, say) is then a setting event at the epoch rolled back
// to, from the state's value to the one kept, since the run trains with
// it from there, so that the events hold the changes the settings panel
// keeps, and the run's departure from its command line (Again) names
// them, not "went on from a roll-back with changed settings", which
// would be said even of settings changed at epoch 0, which the command
// repeats.
type Rollback struct{}

// maybeKeep keeps the run as a good state if enough training time has
// passed since the last one.
func (s *Session) maybeKeep() {
	if s.clock.Since(s.keptAt) >= s.keepGap {
		s.keep()
	}
}

// keep adds the run as it is now to the good states, dropping the oldest
// beyond keepStates, and spaces the next one so that keeping costs at most
// 1/keepShare of the time.
func (s *Session) keep() {
	start := s.clock.Now()
	ckpt, err := s.gan.MarshalBinary()
	if err != nil {
		return // the states kept so far stay
	}
	g := goodState{ckpt: ckpt, epoch: s.gan.Epoch(), hist: s.hist.Clone(), last: s.last, watch: s.watch,
		events: slices.Clone(s.tl.events), dropped: s.tl.dropped, episodes: s.tl.episodes.clone(), offPlan: s.offPlan, offWhat: s.offWhat, runKept: s.runEpochs - s.runLost}
	if len(s.kept) == keepStates {
		// The oldest goes, unless it is the newest state from before a
		// runaway condition now building up: should the run run away,
		// that is where u returns to, and the one after it goes instead.
		drop := 0
		if s.lastBefore(s.watch.onset(s.gan.Epoch())) == 0 {
			drop = 1
		}
		s.kept = slices.Delete(s.kept, drop, drop+1)
	}
	s.kept = append(s.kept, g)
	s.keptAt = s.clock.Now()
	s.keepGap = max(keepEvery, keepShare*s.keptAt.Sub(start))
}

// lastBefore returns the index of the newest kept state from before
// epoch, or -1 if there is none.
func (s *Session) lastBefore(epoch int) int {
	i := len(s.kept) - 1
	for i >= 0 && s.kept[i].epoch >= epoch {
		i--
	}
	return i
}

// divergedTarget is the index of the kept state a diverged run rolls back
// to: the newest from before the runaway condition holding when it
// stopped began (a state kept while D's loss sat at its limit is doomed
// already), or, with none holding (a value that is not finite, out of
// the blue), the newest of all.
func (s *Session) divergedTarget() int {
	if i := s.lastBefore(s.watch.onset(s.gan.Epoch())); i >= 0 {
		return i
	}
	return len(s.kept) - 1
}

// rollbackTarget is the state u would restore now, if any: the one
// divergedTarget names when the run has diverged; the one before it when
// the run sits unchanged where the last roll-back left it.
func (s *Session) rollbackTarget() (goodState, bool) {
	switch n := len(s.kept); {
	case s.state == Diverged && n > 0:
		return s.kept[s.divergedTarget()], true
	case s.state == Paused && s.version == s.rolledAt && n > 1:
		return s.kept[n-2], true
	}
	return goodState{}, false
}

func (Rollback) apply(s *Session) {
	g, ok := s.rollbackTarget()
	if !ok {
		if s.state == Paused && s.version == s.rolledAt {
			s.refuse(fmt.Sprintf("no state older than epoch %s is kept: R reruns the run from its seed", numtext.FormatInt(s.gan.Epoch())))
		} else {
			s.refuse("u rolls a diverged run back to its last good state; this run has not diverged")
		}
		return
	}
	// unreached: the run lost no target a lower rate would keep.
	left, unreached := s.gan.Epoch(), s.err != nil && s.err.Unreached
	if s.state != Diverged { // u again: the same roll-back, further back, of the same divergence
		left, unreached = s.rolledFrom, s.rolledUnreached
	}
	gan, err := engine.Restore(g.ckpt)
	var was Settings // the state's settings
	if err == nil {
		was = s.settings(gan.Config())
		err = retune(gan, s.gan.Config())
	}
	if err != nil {
		s.warn("roll back failed: " + err.Error())
		return
	}
	note := fmt.Sprintf("rolled back to epoch %s (diverged at %s)", numtext.FormatInt(g.epoch), numtext.FormatInt(left))
	if s.state == Diverged {
		// States kept after the target are inside the runaway: gone.
		i := s.divergedTarget()
		clear(s.kept[i+1:])
		s.kept = s.kept[:i+1]
	} else { // further back: the newest state is the one given up
		s.kept[len(s.kept)-1] = goodState{}
		s.kept = s.kept[:len(s.kept)-1]
	}
	s.gan = gan
	s.hist = g.hist.Clone()
	s.last = g.last
	s.watch = g.watch
	s.log.truncate(g.epoch)
	s.tl.truncate(g.epoch)
	s.tl.events, s.tl.dropped, s.tl.episodes = slices.Clone(g.events), g.dropped, g.episodes.clone()
	if s.keeping {
		s.evlog.restate(g.epoch, s.tl.events)
	}
	s.offPlan, s.offWhat = g.offPlan, g.offWhat
	s.runLost = s.runEpochs - g.runKept
	s.evals.truncate(g.epoch)
	s.emit(Event{Epoch: g.epoch, Kind: EventRollback, Detail: note})
	now := s.settings(s.gan.Config())
	var kept []Setting // the settings the state had otherwise, which the run keeps
	s.keptThrough = map[string]string{}
	for _, k := range [...]Setting{DLR, GLR, DSteps, GSteps} {
		if from, to := was.Text(k), now.Text(k); from != to {
			s.emit(Event{Epoch: g.epoch, Kind: EventSetting, Detail: fmt.Sprintf("%s %s → %s, kept through the roll-back", k.Short(), from, to)})
			kept = append(kept, k)
			s.keptThrough[k.Short()] = to
			if g.epoch > 0 { // a change at epoch 0 is one --set repeats
				s.leftPlan("changed " + k.Short())
			}
		}
	}
	s.run++
	s.keptEpoch, s.keptRun = g.epoch, s.run
	s.eval = Eval{}
	s.changed()
	s.err = nil
	s.setState(Paused)
	s.rolledAt, s.rolledFrom, s.rolledUnreached = s.version, left, unreached
	s.keptAt = s.clock.Now()
	// Where the epoch it diverged at was is the events' too, and gives
	// way on a short screen (GivesWay) before the advice would be cut.
	s.note = "rolled back to epoch " + numtext.FormatInt(g.epoch) + GivesWay + " (diverged at " + numtext.FormatInt(left) + ")" + GivesWay + s.rolledNote(kept, unreached)
}

// rolledNote is what a roll-back's note says after "rolled back to epoch
// E (diverged at F)": the value in force of each setting u did not
// restore, then what to do, then where u again goes. The values in force
// are those the state had otherwise (kept, lowered before u, which the
// note names: "lower a learning rate (←), then space" under a D lr
// lowered a thousandfold would read as if u had undone that too) and
// those the run diverged with that changed since it started, and not
// since (retunes), as one value each: "with D lr still 5", not beside
// the state's value and the start's too ("keeping D lr 5 (1e-3 there):
// undo D lr 5e-4 → 5"), which read as two baselines, and "undo" as what
// u does. The retunes are the first thing to set back, by the key that
// does it in one press (0, Reset): vanilla with D lr raised to 2e-2 and
// D steps to 10 after epoch 3,000 is told to, not only to lower a
// learning rate, and one rolled back to before such a
// change is not told "space goes on", to diverge again. A run that never
// came near its target (Divergence.Unreached) runs away again at any
// rate, so the note does not tell it to lower one. A retune set back to
// the design's before u (0 on the diverged run) is named so, "with G lr
// back at the design's: space goes on", where the note told a run that
// would go on as its design to lower a learning rate. A setting u kept
// that is no retune but off the run's start (G lr lowered with ← before
// u, still over the design's) is given 0 last, "· 0 sets G lr back to
// 5e-5, the design's", the first words to give way.
func (s *Session) rolledNote(kept []Setting, unreached bool) string {
	now := s.settings(s.gan.Config())
	retuned := s.retunes()
	var still, back, reset []string
	var zero, zeroWhose []string // kept settings off the run's start, which 0 sets back ("G lr to 2e-4"), and whose value that is
	whose := "the design's"
	for _, k := range [...]Setting{DLR, GLR, DSteps, GSteps} {
		start, isRetune := retuned[k]
		if s.divergedWith.Text(k) != s.startSettings.Text(k) && now.Text(k) == s.startSettings.Text(k) {
			// Retuned before the divergence and set back since, by 0 or
			// ←/→, before u: the run goes on as its design, which
			// "lower a learning rate" would not say.
			reset = append(reset, k.Short())
			if s.startWord(k) != "the design's" {
				whose = "this run's start" // r or R kept a retune
			}
			continue
		}
		if isRetune || slices.Contains(kept, k) {
			still = append(still, k.Short()+" still "+now.Text(k))
			if start := s.startSettings.Text(k); !isRetune && now.Text(k) != start {
				zero, zeroWhose = append(zero, k.Short()+" to "+start), append(zeroWhose, s.startWord(k))
			}
		}
		if isRetune {
			back = append(back, fmt.Sprintf("%s to %s", k.Short(), start))
		}
	}
	note := ""
	if with := still; still != nil || reset != nil {
		if reset != nil {
			with = append(with, numtext.List(reset, "and")+" back at "+whose)
		}
		note = " with " + numtext.List(with, "and")
	}
	switch {
	case unreached:
		note += ": " + unreachedNote
	case len(back) == 1:
		// "0 sets D lr back to 5e-4": the key that does it (Reset), in
		// one press where ← would take as many as the retune took →.
		note += ": 0 sets " + strings.Replace(back[0], " to ", " back to ", 1) + ", or lower a learning rate (←), then space"
	case back != nil:
		// "↑↓ and 0 set each back, G lr to 5e-5 and D steps to 1": 0
		// sets the setting ↑↓ picked, one a press, which "0 sets each
		// back" left a reader to take for all at once.
		// The values give way on a short screen (GivesWay), the
		// Settings panel showing them, where the note's end was cut:
		// at 80×24, "…, or lower a learning rate (←), then …".
		note += ": ↑↓ and 0 set each back" + GivesWay + ", " + numtext.List(back, "and") + GivesWay + ", or lower a learning rate (←), then space"
	case still != nil || reset != nil:
		note += ": space goes on, ← lowers a rate further"
	default:
		note += ": lower a learning rate (←), then space"
	}
	if len(s.kept) > 1 {
		// Gives way whole on a short screen, the first of the note's
		// parts to, where the end cut had left "· u again goes back to
		// …", its epoch lost, at 80×24 beside a finding.
		note += GivesWay + " · u again goes back to epoch " + numtext.FormatInt(s.kept[len(s.kept)-2].epoch) + GivesWay
	}
	if back == nil && !unreached && zero != nil {
		// The key that sets a kept setting back to the run's start (Reset),
		// which the footer offers as "0 reset": "with G lr still 2: space
		// goes on, ← lowers a rate further" named ← alone, though 0 sets
		// it back in one press. Last, so that it gives way first on a
		// short screen, before where u again goes and the advice.
		zeroSets := " · 0 sets " + strings.Replace(zero[0], " to ", " back to ", 1) + ", " + zeroWhose[0]
		if len(zero) > 1 {
			// As the retunes' "↑↓ and 0 set each back", whose values
			// these are said once where they are all alike.
			each := "each back"
			if slices.Equal(zeroWhose, slices.Repeat(zeroWhose[:1], len(zeroWhose))) {
				each += " to " + zeroWhose[0]
			}
			zeroSets = " · ↑↓ and 0 set " + each + ", " + numtext.List(zero, "and")
		}
		note += GivesWay + zeroSets + GivesWay
	}
	return note
}

// retunes are the settings the run diverged with (divergedWith) that
// differ from those it started with (startSettings) and are unchanged
// since, each with its value at the start; nil when there are none. They
// are the trainer's retunes of the run, the command line's design being
// where it started: a run that diverges with them did not with that
// design until they came, and one changed again since the divergence is
// the user's remedy.
func (s *Session) retunes() map[Setting]string {
	now := s.settings(s.gan.Config())
	var out map[Setting]string
	for _, k := range [...]Setting{DLR, GLR, DSteps, GSteps} {
		if from, to := s.startSettings.Text(k), s.divergedWith.Text(k); from != to && to == now.Text(k) {
			if out == nil {
				out = map[Setting]string{}
			}
			out[k] = from
		}
	}
	return out
}

// retune gives a restored run the settings of cfg, the run it replaces,
// which the user may have changed since the state was kept.
func retune(g *engine.GAN, cfg engine.Config) error {
	for _, err := range []error{g.SetLR(engine.D, cfg.DLR), g.SetLR(engine.G, cfg.GLR), g.SetSteps(engine.D, cfg.DSteps), g.SetSteps(engine.G, cfg.GSteps)} {
		if err != nil {
			return err
		}
	}
	return nil
}
