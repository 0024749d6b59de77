package main

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/internal/command"
)

// TestInvokedAs: the commands the trainer suggests begin as ganui was
// started, a go run's build named by the go run that builds it again.
func TestInvokedAs(t *testing.T) {
	goRun := func() string { return "go run ." }
	for arg0, want := range map[string]string{
		"":                                    "ganui",
		"ganui":                               "ganui",
		"./ganui":                             "./ganui",
		"/home/me/bin/ganui":                  "/home/me/bin/ganui",
		"/opt/my tools/ganui":                 "'/opt/my tools/ganui'",
		"/tmp/go-build123/b001/exe/ganui":     "go run .",
		"/var/tmp/x/go-build9/b042/exe/ganui": "go run .",
		"/root/.cache/go-build/e0/e04b4a943b3c975a5d185210f5f7a608058781084fbc07e858be50578307859c-d/ganui": "go run .",
		"/home/me/e0/e04b-d/ganui":              "/home/me/e0/e04b-d/ganui",
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

// TestRefusalsRunAsGanuiWasStarted: a refusal's command begins as ganui
// was started, the program main sets from its arg0 (command.SetProgram):
// after go run, "go run . --list-presets", which the shell runs, where a
// bare "ganui --list-presets" had been "command not found".
func TestRefusalsRunAsGanuiWasStarted(t *testing.T) {
	command.SetProgram(invokedAs("/tmp/go-build123/b001/exe/ganui", func() string { return "go run ." }))
	t.Cleanup(func() { command.SetProgram("") })
	p := writeFile(t, "p.json", "[1]")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "list"}, `ganui: --preset: unknown preset "list": go run . --list-presets lists the presets with their designs` + "\n"},
		{[]string{"--headless", "--preset", "nothing-near-any"}, "(go run . --list-presets lists them)"},
		{[]string{"--headless", "--preset", p}, "a preset file is one JSON object {…}, as go run . --show-preset NAME prints one\n"},
		{[]string{"--bogus"}, "(see go run . --help)\n"},
	}
	if !term.IsTerminal(os.Stdout.Fd()) {
		cases = append(cases, struct {
			args []string
			want string
		}{[]string{"--epochs", "10"}, "; go run . --headless trains without a terminal\n"})
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line with %q", c.args, code, stderr, c.want)
		}
	}
}
