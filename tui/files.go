package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/ganui/ganui/engine"
)

// Save writes the run's checkpoint — configuration, seed, epoch, random
// state, weights and optimizer state — to ganui-<preset>-seed<S>-epoch<E>.ckpt
// in the trainer's directory, atomically. ganui --resume continues from it
// bit-identically.
type Save struct{}

// Export writes every epoch of the run so far as CSV, in the columns of
// ganui --log, to ganui-<preset>-seed<S>.csv in the trainer's directory,
// atomically, replacing an earlier export of the same run.
type Export struct{}

func (Save) apply(t *Trainer) {
	if t.state == Diverged {
		msg := "not saved: the run has diverged, a checkpoint of it would not resume"
		if g, ok := t.rollbackTarget(); ok {
			msg += fmt.Sprintf("; u rolls back to epoch %s first", fmtInt(g.epoch))
		}
		t.warn(msg)
		return
	}
	path := t.path(fmt.Sprintf("seed%d-epoch%d.ckpt", t.gan.Seed(), t.gan.Epoch()))
	if err := t.gan.SaveFile(path); err != nil {
		t.warn("checkpoint not saved: " + err.Error())
		return
	}
	t.note = fmt.Sprintf("saved epoch %s to %s · ganui --resume FILE continues from it", fmtInt(t.gan.Epoch()), path)
}

func (Export) apply(t *Trainer) {
	from, to, n := t.log.span()
	if n == 0 && t.log.err == nil {
		t.note = "nothing to export yet: no epoch trained"
		if t.from > 0 {
			t.note += fmt.Sprintf(" since resuming at epoch %s", fmtInt(t.from))
		}
		return
	}
	if n > 1_000_000 { // seconds of work: say so first
		t.note = fmt.Sprintf("exporting %s epochs…", fmtInt(n))
		t.publish()
	}
	path := t.path(fmt.Sprintf("seed%d.csv", t.gan.Seed()))
	if err := engine.WriteAtomic(path, 0o666, t.log.writeCSV); err != nil {
		t.warn("history not exported: " + err.Error())
		return
	}
	t.note = fmt.Sprintf("exported epochs %s–%s to %s", fmtInt(from), fmtInt(to), path)
}

// path is where a file of this run goes: ganui-<preset>-<rest> in the
// trainer's directory.
func (t *Trainer) path(rest string) string {
	return filepath.Join(t.dir, "ganui-"+fileSafe(t.cfg.Name)+"-"+rest)
}

// fileSafe makes a preset name usable in a file name: letters, digits,
// '.', '_' and '-' stay, anything else becomes '-'.
func fileSafe(name string) string {
	name = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
			return r
		}
		return '-'
	}, name)
	if name = strings.Trim(name, ".-"); name == "" {
		return "run"
	}
	return name
}
