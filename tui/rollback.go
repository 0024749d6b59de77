package tui

import (
	"fmt"
	"time"

	"github.com/ganui/ganui/engine"
)

// A diverged run can roll back to a recent good state: every keepEvery or
// so of training the trainer keeps the run as a checkpoint in memory, with
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
}

// Rollback returns a diverged run to its newest good state, paused, with
// the current settings (lower a learning rate before or after, or the run
// will diverge again where it did). Pressed again before anything is
// trained, it goes back to the state kept before that one.
type Rollback struct{}

// maybeKeep keeps the run as a good state if enough training time has
// passed since the last one.
func (t *Trainer) maybeKeep() {
	if time.Since(t.keptAt) >= t.keepGap {
		t.keep()
	}
}

// keep adds the run as it is now to the good states, dropping the oldest
// beyond keepStates, and spaces the next one so that keeping costs at most
// 1/keepShare of the time.
func (t *Trainer) keep() {
	start := time.Now()
	ckpt, err := t.gan.MarshalBinary()
	if err != nil {
		return // the states kept so far stay
	}
	s := goodState{ckpt: ckpt, epoch: t.gan.Epoch(), hist: t.hist.Clone(), last: t.last}
	if len(t.kept) == keepStates {
		copy(t.kept, t.kept[1:])
		t.kept = t.kept[:keepStates-1]
	}
	t.kept = append(t.kept, s)
	t.keptAt = time.Now()
	t.keepGap = max(keepEvery, keepShare*t.keptAt.Sub(start))
}

// rollbackTarget is the state u would restore now, if any: the newest kept
// state when the run has diverged; the one before it when the run sits
// unchanged where the last roll-back left it.
func (t *Trainer) rollbackTarget() (goodState, bool) {
	switch n := len(t.kept); {
	case t.state == Diverged && n > 0:
		return t.kept[n-1], true
	case t.state == Paused && t.version == t.rolledAt && n > 1:
		return t.kept[n-2], true
	}
	return goodState{}, false
}

func (Rollback) apply(t *Trainer) {
	s, ok := t.rollbackTarget()
	if !ok {
		if t.state == Paused && t.version == t.rolledAt {
			t.note = fmt.Sprintf("no state older than epoch %s is kept: R restarts the run", fmtInt(t.gan.Epoch()))
		} else {
			t.note = "u rolls a diverged run back to its last good state; this run has not diverged"
		}
		return
	}
	gan, err := engine.Restore(s.ckpt)
	if err == nil {
		err = t.retune(gan)
	}
	if err != nil {
		t.warn("roll back failed: " + err.Error())
		return
	}
	note := fmt.Sprintf("rolled back to epoch %s", fmtInt(s.epoch))
	if t.state == Diverged {
		note += fmt.Sprintf(" (diverged at %s)", fmtInt(t.err.Epoch))
	} else { // further back: the newest state is the one given up
		t.kept[len(t.kept)-1] = goodState{}
		t.kept = t.kept[:len(t.kept)-1]
	}
	t.gan = gan
	t.hist = s.hist.Clone()
	t.last = s.last
	t.log.truncate(s.epoch)
	t.run++
	t.eval = Eval{}
	t.changed()
	t.err = nil
	t.setState(Paused)
	t.rolledAt = t.version
	t.keptAt = time.Now()
	note += ": lower a learning rate (←), then space"
	if len(t.kept) > 1 {
		note += fmt.Sprintf(" · u again goes back to %s", fmtInt(t.kept[len(t.kept)-2].epoch))
	}
	t.note = note
}

// retune gives a restored run the trainer's current settings, which the
// user may have changed since the state was kept.
func (t *Trainer) retune(g *engine.GAN) error {
	for _, err := range []error{g.SetLR(engine.D, t.cfg.DLR), g.SetLR(engine.G, t.cfg.GLR), g.SetSteps(engine.D, t.cfg.DSteps), g.SetSteps(engine.G, t.cfg.GSteps)} {
		if err != nil {
			return err
		}
	}
	return nil
}
