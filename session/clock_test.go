package session

import (
	"math"
	"testing"
	"time"

	"github.com/ganui/ganui/internal/testdesigns"
)

// TestSuspendedTimeCountsNot (a trainer suspended with ctrl+z counted the
// time it was stopped: after an hour's stop the final line's wall_s held
// the hour, and the header's ep/s and the speed said at the end of the
// plan fell towards zero): from Suspending to Continued the run's clock
// stands still, whatever the wall clock does.
func TestSuspendedTimeCountsNot(t *testing.T) {
	s, err := New(Options{Config: testdesigns.Tiny(), Seed: 1, Paused: true, Samples: 100})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_000_000, 0)
	s.clock = newRunClock(func() time.Time { return now })
	s.started = s.clock.Now()
	s.setState(Running)
	s.updateRate(s.clock.Now())
	train := func() {
		for range 10 {
			s.trainEpoch()
		}
		now = now.Add(time.Second)
		s.updateRate(s.clock.Now())
	}
	train()
	s.Suspending()
	now = now.Add(time.Hour) // stopped
	s.Suspending()           // again: still from the first
	if !s.Suspended() {
		t.Error("Suspending: the clock does not stand still")
	}
	s.Continued()
	s.Continued() // again: nothing more
	if s.Suspended() {
		t.Fatal("Continued: the clock still stands still")
	}
	train()
	if s.state != Running || s.gan.Epoch() != 20 {
		t.Fatalf("state %v at epoch %d, want running at 20", s.state, s.gan.Epoch())
	}
	if math.Abs(s.rate-10) > 1e-9 {
		t.Errorf("the header's rate is %.4g ep/s, want 10", s.rate)
	}
	if got := s.avgRate(); math.Abs(got-10) > 1e-9 {
		t.Errorf("the run's average speed is %.4g ep/s, want 10", got)
	}
	if got := s.Result().WallS; got != 2 {
		t.Errorf("wall_s %.3f, want 2", got)
	}
}
