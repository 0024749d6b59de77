package session

import "testing"

func TestStepLR(t *testing.T) {
	cases := []struct {
		lr   float64
		dir  int
		want float64
	}{
		{1e-3, +1, 2e-3},
		{1e-3, -1, 5e-4},
		{2e-3, +1, 5e-3},
		{5e-3, +1, 1e-2},
		{5e-4, -1, 2e-4},
		{2e-4, -1, 1e-4},
		{2e-4, +1, 5e-4},
		{3e-4, +1, 5e-4}, // off the ladder: snaps to the next value up
		{3e-4, -1, 2e-4}, // … or down
		{1.5e-4, +1, 2e-4},
		{9e-3, +1, 1e-2},
		{0.5, +1, 1},
		{5, +1, 10},
		{10, +1, 10}, // the engine's maximum
		{7, +1, 10},
		{MinLR, -1, MinLR},
		{2e-6, -1, MinLR},
	}
	for _, c := range cases {
		if got := stepLR(c.lr, c.dir); got != c.want {
			t.Errorf("stepLR(%g, %+d) = %g, want %g", c.lr, c.dir, got, c.want)
		}
	}
	// Up then down returns to a ladder value exactly.
	for _, lr := range []float64{1e-5, 2e-5, 5e-5, 1e-4, 1e-3, 0.2, 1} {
		if got := stepLR(stepLR(lr, +1), -1); got != lr {
			t.Errorf("up then down from %g gives %g", lr, got)
		}
	}
}

func TestFormatLR(t *testing.T) {
	for lr, want := range map[float64]string{
		1e-3: "1e-3", 2e-4: "2e-4", 5e-4: "5e-4", 1.5e-4: "1.5e-4", 1e-6: "1e-6",
		0.1: "0.1", 0.5: "0.5", 1: "1", 10: "10",
	} {
		if got := FormatLR(lr); got != want {
			t.Errorf("FormatLR(%g) = %q, want %q", lr, got, want)
		}
	}
}

func TestStepCountAndSpeed(t *testing.T) {
	if stepCount(1, -1) != 1 || stepCount(5, +1) != 6 || stepCount(100, +1) != 100 {
		t.Error("step counts must move by 1 within 1..100")
	}
	if stepSpeed(0, +1) != 0 || stepSpeed(0, -1) != 1 || stepSpeed(len(speeds)-1, -1) != len(speeds)-1 {
		t.Error("speeds must stop at full and at the slowest")
	}
	if speedName(0) != "full" || speedName(len(speeds)-1) != "1/s" {
		t.Errorf("speed names: %q … %q", speedName(0), speedName(len(speeds)-1))
	}
}
