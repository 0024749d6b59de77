package main

import (
	"bytes"
	"os"
	"testing"
)

// TestUpToDate: the committed kernels are what the templates produce, so
// go test catches a stale file too, not only .ci/run.
func TestUpToDate(t *testing.T) {
	want, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../kernels_simd_gen_amd64.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("engine/kernels_simd_gen_amd64.go is stale: run go generate ./engine/")
	}
}

func TestOffset(t *testing.T) {
	for _, c := range []struct {
		expr string
		d    int
		want string
	}{
		{"i", 0, "i"}, {"i", 8, "i+8"}, {"n-16", 8, "n-8"}, {"n-16", 16, "n"},
		{"16", 8, "24"}, {"0", 0, "0"}, {"t", 16, "t+16"}, {"(o+1)*n", 8, "(o+1)*n+8"},
	} {
		if got := offset(c.expr, c.d); got != c.want {
			t.Errorf("offset(%q, %d) = %q, want %q", c.expr, c.d, got, c.want)
		}
	}
}
