package main

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/session"
)

// TestAWaitForTheFinalLineIsSaid: once the trainer's screen has gone, the
// final line evaluates the generator again; where the run's evaluations
// took a second or more (here by a clock that moves a second at each
// reading, as a wide design's take seconds), stderr says what the blank
// terminal waits for before the final line comes; where they took no
// time, as a small design's take milliseconds, it says nothing. Where
// none was finished (q before the first frame of a wide design), it is
// said, as nothing tells how long the final one takes.
func TestAWaitForTheFinalLineIsSaid(t *testing.T) {
	const note = "ganui: evaluating the untrained generator on 200 samples for the final line…\n"
	for _, c := range []struct {
		name string
		tick time.Duration
		said bool
		// start: the screen's evaluation is finished, which times it;
		// without, q came before the first was, and nothing tells how
		// long the final one takes.
		start bool
	}{{"slow", time.Second, true, true}, {"fast", 0, false, true}, {"unfinished", 0, true, false}} {
		t.Run(c.name, func(t *testing.T) {
			var mu sync.Mutex
			now := time.Unix(1e9, 0)
			clock := session.NewClock(func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				now = now.Add(c.tick)
				return now
			})
			s, err := session.New(session.Options{Config: testdesigns.Tiny(), Seed: 1, Samples: 200, Paused: true, Clock: clock, Dir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			if c.start {
				s.Start()
				<-s.Snapshots() // its evaluation timed
			}
			s.Stop()
			var terminal strings.Builder // stdout and stderr, as the terminal shows them
			if err := quitLines(s, &terminal, &terminal); err != nil {
				t.Fatal(err)
			}
			want := "final "
			if c.said {
				want = note + want
			}
			if !strings.HasPrefix(terminal.String(), want) {
				t.Errorf("the terminal reads\n%s\nwant it to begin %q", terminal.String(), want)
			}
		})
	}
}
