// Package stopsignal tells the first stop signal sent again at once from
// a second one, for the headless run and the trainer alike: coreutils
// timeout sends its SIGTERM to ganui and then to ganui's process group,
// two kills microseconds apart (milliseconds on a loaded machine), and
// the second, taken as "SIGTERM again", quit at once without what the
// first asked to save: one `timeout 2 ganui --headless … --save r.ckpt`
// in four wrote no checkpoint.
package stopsignal

import (
	"os"
	"time"
)

// Grace is how soon after the first signal the same signal again is that
// one repeated, not a second that quits at once. A person's second
// Ctrl+C, sent after reading what the first did, comes hundreds of
// milliseconds after the first at the least, and a terminal's Ctrl+C
// reaches the process group once, so 100 ms takes timeout's pair as one
// and no one's deliberate second.
const Grace = 100 * time.Millisecond

// Clock is First's clock: a test's, to put a second signal past Grace
// without waiting.
var Clock = time.Now

// First is the first stop signal taken and when it came; the zero First
// has taken none.
type First struct {
	sig os.Signal
	at  time.Time
}

// Repeat takes sig and reports whether it is the first signal sent
// again: the same signal, within Grace of it. The first sig f is given is
// the first, and no repeat.
func (f *First) Repeat(sig os.Signal) bool {
	now := Clock()
	if f.sig == nil {
		f.sig, f.at = sig, now
		return false
	}
	return sig == f.sig && now.Sub(f.at) < Grace
}
