package session

import (
	"reflect"
	"testing"
)

func TestMedianRange(t *testing.T) {
	for _, c := range []struct {
		in          []float64
		med, lo, hi float64
	}{
		{[]float64{3, 1, 2}, 2, 1, 3},
		{[]float64{4, 1, 3, 2}, 2.5, 1, 4},
		{[]float64{7}, 7, 7, 7},
	} {
		if med, lo, hi := medianRange(c.in); med != c.med || lo != c.lo || hi != c.hi {
			t.Errorf("medianRange(%v) = %g, %g, %g", c.in, med, lo, hi)
		}
	}
}

func TestParseSeeds(t *testing.T) {
	got, err := ParseSeeds("3, 7-9,1")
	if err != nil || !reflect.DeepEqual(got, []uint64{3, 7, 8, 9, 1}) {
		t.Fatalf("ParseSeeds = %v, %v", got, err)
	}
	if s := CompactSeeds(got); s != "3,7-9,1" {
		t.Errorf("CompactSeeds = %q", s)
	}
	if got, err := ParseSeeds("18446744073709551615"); err != nil || got[0] != 1<<64-1 {
		t.Errorf("largest seed: %v, %v", got, err)
	}
	// Seeds are written as --seed takes one: the exponent form too.
	if got, err := ParseSeeds("1e3-1.002e3, 5"); err != nil || !reflect.DeepEqual(got, []uint64{1000, 1001, 1002, 5}) {
		t.Errorf("exponent form: %v, %v", got, err)
	}
	for _, bad := range []string{"1.5", "1e17", "0x10", "-3", "1_0"} {
		if _, err := ParseSeeds(bad); err == nil {
			t.Errorf("ParseSeeds(%q) passed", bad)
		}
	}
}
