package session

import (
	"testing"

	"github.com/ganui/ganui/internal/numtext"
)

// TestHandUpdatesReadTheirOwnText: an event's detail counts the updates
// by hand that handDetail wrote, with plain spaces or not; one it did
// not write, as an edited checkpoint's record may hold, counts none,
// where "1,2,3 D updates by hand" had counted 123 and "+5" 5.
func TestHandUpdatesReadTheirOwnText(t *testing.T) {
	for _, c := range []struct {
		detail, player string
		want           int
	}{
		{handDetail(1, "D"), "D", 1}, {handDetail(1234, "G"), "G", 1234}, {numtext.Plain(handDetail(7, "D")), "D", 7},
		{"1,2,3 D updates by hand", "D", 0}, {"+5 D updates by hand", "D", 0}, {"05 D updates by hand", "D", 0},
		{"1 D updates by hand", "D", 0}, {"3 G updates by hand", "D", 0},
	} {
		if got := handUpdates(c.detail, c.player); got != c.want {
			t.Errorf("%q: %d %s updates, want %d", c.detail, got, c.player, c.want)
		}
	}
}

// FuzzHandUpdates: any event detail counts no updates by hand, or the
// count whose detail handDetail writes as it, spaces aside; and the
// detail of any count from 1 reads back as it.
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
		if n >= 1 {
			if got := handUpdates(handDetail(n, player), player); got != n {
				t.Fatalf("%q reads back as %d", handDetail(n, player), got)
			}
		}
	})
}
