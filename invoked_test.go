package main

import "testing"

// TestInvokedAs: the commands the trainer suggests begin as ganui was
// started, a go run's build named by the go run that builds it again.
func TestInvokedAs(t *testing.T) {
	goRun := func() string { return "go run ." }
	for arg0, want := range map[string]string{
		"":                                      "ganui",
		"ganui":                                 "ganui",
		"./ganui":                               "./ganui",
		"/home/me/bin/ganui":                    "/home/me/bin/ganui",
		"/opt/my tools/ganui":                   "'/opt/my tools/ganui'",
		"/tmp/go-build123/b001/exe/ganui":       "go run .",
		"/var/tmp/x/go-build9/b042/exe/ganui":   "go run .",
		"/tmp/go-build123/b001/ganui.test":      "/tmp/go-build123/b001/ganui.test",
		"/home/me/go-build1/b001/exe-not/ganui": "/home/me/go-build1/b001/exe-not/ganui",
	} {
		if got := invokedAs(arg0, goRun); got != want {
			t.Errorf("invokedAs(%q) = %q, want %q", arg0, got, want)
		}
	}
}

// TestGoRun: the go run that builds ganui again keeps the version it
// built and the GOEXPERIMENT of a SIMD build, whose kernels a run
// depends on.
func TestGoRun(t *testing.T) {
	for _, c := range []struct {
		version, experiment string
		here                bool
		want                string
	}{
		{"(devel)", "", true, "go run ."},
		{"(devel)", "", false, "go run github.com/ganui/ganui"},
		{"v1.2.0", "", true, "go run github.com/ganui/ganui@v1.2.0"},
		{"(devel)", "simd", true, "GOEXPERIMENT=simd go run ."},
	} {
		if got := goRun(c.version, c.experiment, c.here); got != c.want {
			t.Errorf("goRun(%q, %q, %v) = %q, want %q", c.version, c.experiment, c.here, got, c.want)
		}
	}
}
