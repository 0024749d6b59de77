package engine

import (
	"flag"
	"math/rand/v2"
	"os"
	"testing"
)

// TestMain turns checkWStale on for the engine's tests: every batch
// forward pass checks that weights written since Wᵀ was laid out were
// marked by Network.ParamsChanged, so a writer that forgets fails
// whichever test drives it. A run with -test.bench leaves it off, so that
// benchmarks time the engine, not the check's copy and comparison of W.
func TestMain(m *testing.M) {
	flag.Parse()
	checkWStale = flag.Lookup("test.bench").Value.String() == ""
	os.Exit(m.Run())
}

// TestParamsChangedRelaysOut: a batch forward pass after a write marked by
// ParamsChanged computes with the new weights, and an unmarked write is
// caught by the check the tests run with.
func TestParamsChangedRelaysOut(t *testing.T) {
	if !checkWStale {
		t.Skip("checkWStale is off in a run with -test.bench")
	}
	const rows = 4
	rng := rand.New(rand.NewPCG(1, 2))
	net := NewNetwork(rows, rng, NewDense(3, 5, ReLU), NewDense(5, 2, Identity))
	x := randVec(rng, rows*3, 0)
	net.Forward(x, rows)
	for i := range net.Params {
		net.Params[i] *= -1
	}
	net.ParamsChanged()
	got := append([]float32(nil), net.Forward(x, rows)...)
	fresh := NewNetwork(rows, rand.New(rand.NewPCG(9, 9)), NewDense(3, 5, ReLU), NewDense(5, 2, Identity))
	copy(fresh.Params, net.Params)
	if want := fresh.Forward(x, rows); !sameBits(got, want) {
		t.Fatalf("forward after ParamsChanged = %v, a fresh network with the same weights gives %v", got, want)
	}

	net.Params[0]++
	defer func() {
		if recover() == nil {
			t.Fatal("a write without ParamsChanged went unnoticed")
		}
	}()
	net.Forward(x, rows)
}
