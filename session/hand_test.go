package session

import (
	"math"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/numtext"
)

// TestHandUpdatesReadTheirOwnText: an event's detail counts the updates
// by hand that handDetail wrote, with plain spaces or not; one it did
// not write, as an edited checkpoint's record may hold, counts none:
// "1,2,3 D updates by hand" does not count 123, nor "+5" 5, nor a count
// past maxHandUpdates, whose next d would wrap round.
func TestHandUpdatesReadTheirOwnText(t *testing.T) {
	for _, c := range []struct {
		detail, player string
		want           int
	}{
		{handDetail(1, "D"), "D", 1}, {handDetail(1234, "G"), "G", 1234}, {numtext.Plain(handDetail(7, "D")), "D", 7},
		{"1,2,3 D updates by hand", "D", 0}, {"+5 D updates by hand", "D", 0}, {"05 D updates by hand", "D", 0},
		{"1 D updates by hand", "D", 0}, {"3 G updates by hand", "D", 0},
		{handDetail(maxHandUpdates, "D"), "D", maxHandUpdates}, {handDetail(maxHandUpdates+1, "D"), "D", 0}, {handDetail(math.MaxInt, "G"), "G", 0},
	} {
		if got := handUpdates(c.detail, c.player); got != c.want {
			t.Errorf("%q: %d %s updates, want %d", c.detail, got, c.player, c.want)
		}
	}
}

// FuzzHandUpdates: any event detail counts no updates by hand, or the
// count whose detail handDetail writes as it, spaces aside; and the
// detail of any count from 1 to maxHandUpdates reads back as it.
func FuzzHandUpdates(f *testing.F) {
	for _, s := range []string{"one D update by hand", "3 D updates by hand", "1,234 G updates by hand", "1,2,3 D updates by hand", "+5 D updates by hand", "-3 G updates by hand", "9,223,372,036,854,775,807 D updates by hand"} {
		f.Add(s, 3, false)
	}
	f.Fuzz(func(t *testing.T, detail string, n int, g bool) {
		player := "D"
		if g {
			player = "G"
		}
		if got := handUpdates(detail, player); got < 0 || got > 0 && numtext.Plain(handDetail(got, player)) != numtext.Plain(detail) {
			t.Fatalf("%q: %d %s updates, whose detail is %q", detail, got, player, handDetail(got, player))
		}
		if n >= 1 && n <= maxHandUpdates {
			if got := handUpdates(handDetail(n, player), player); got != n {
				t.Fatalf("%q reads back as %d", handDetail(n, player), got)
			}
		}
	})
}

// TestHandUpdateAfterAnEditedCount: a d at an epoch whose last event an
// edited record made "9,223,372,036,854,775,807 D updates by hand" starts
// an event of its own, "one D update by hand", and its note counts one,
// where the count went on from it would wrap round below 0.
func TestHandUpdateAfterAnEditedCount(t *testing.T) {
	s := newIdleBlog(t)
	s.emit(Event{Epoch: s.gan.Epoch(), Kind: EventHandUpdate, Detail: handDetail(math.MaxInt, "D")})
	Step{Kind: StepD}.apply(s)
	ev := s.tl.events
	if last := ev[len(ev)-1]; last.Detail != handDetail(1, "D") {
		t.Errorf("the event of a d after an edited count: %q, want %q", last.Detail, handDetail(1, "D"))
	}
	if want := "one D update by hand at epoch 0"; !strings.HasPrefix(s.note, want) {
		t.Errorf("note: %q, want it to begin %q", s.note, want)
	}
}
