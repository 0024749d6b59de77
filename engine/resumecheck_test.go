package engine

import (
	"slices"
	"testing"
)

// A resumeCase is a run to save part-way, restore and train on, for
// checkResume to hold against the same run trained straight.
type resumeCase struct {
	start     func() *GAN // a fresh run, the same at each call
	at, total int         // the epochs trained before the save, and in all
	saved     func()      // what happens between the save and the restore (a points file changed); nil for nothing
	restored  func(*GAN)  // checks of the restored run before it trains on; nil for none
}

// checkResume trains c.start's run c.at epochs, saves it, restores it
// and trains it on to c.total epochs, and fails t unless that is, bit for
// bit, c.start's run trained c.total epochs straight: the loss history of
// every epoch, the weights, and the whole state the checkpoint holds
// (sameState). It returns the straight run's loss history and the
// checkpoint saved at c.at.
func checkResume(t testing.TB, c resumeCase) (straight []EpochStats, data []byte) {
	t.Helper()
	whole := c.start()
	straight = train(t, whole, c.total)
	first := c.start()
	got := train(t, first, c.at)
	data, err := first.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if c.saved != nil {
		c.saved()
	}
	resumed, err := Restore(data)
	if err != nil {
		t.Fatal(err)
	}
	if resumed.Epoch() != c.at {
		t.Fatalf("restored at epoch %d, saved at %d", resumed.Epoch(), c.at)
	}
	if c.restored != nil {
		c.restored(resumed)
	}
	got = append(got, train(t, resumed, c.total-c.at)...)
	if !slices.Equal(got, straight) {
		t.Fatalf("saved at epoch %d: the resumed run's loss history differs from the straight run's", c.at)
	}
	if !slices.Equal(resumed.gen.Params, whole.gen.Params) || !slices.Equal(resumed.disc.Params, whole.disc.Params) {
		t.Fatalf("saved at epoch %d: the resumed run's weights differ from the straight run's", c.at)
	}
	sameState(t, resumed, whole)
	return straight, data
}

// sameState fails t unless runs got and want hold the same state, bit for
// bit: their checkpoints, optimizers, historical means, moving average
// and random state included, are the same bytes.
func sameState(t testing.TB, got, want *GAN) {
	t.Helper()
	a, err := got.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	b, err := want.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a, b) {
		t.Fatalf("the run's checkpoint differs from the one it should equal, at epochs %d and %d", got.Epoch(), want.Epoch())
	}
}
