package main

import (
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/shellword"
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

// TestRefusalsRunAsGanuiWasStarted: a refusal's command begins as ganui was
// started, the program main sets from its arg0 (command.SetProgram): after go
// run, "go run . --list-presets", which the shell runs, not a bare "ganui
// --list-presets", which would be "command not found".
func TestRefusalsRunAsGanuiWasStarted(t *testing.T) {
	command.SetProgram(invokedAs("/tmp/go-build123/b001/exe/ganui", func() string { return "go run ." }))
	t.Cleanup(func() { command.SetProgram("") })
	p := writeFile(t, "p.json", "[1]")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--preset", "list"}, `ganui: --preset: unknown preset list: go run . --list-presets lists the presets with their designs` + "\n"},
		{[]string{"--headless", "--preset", "nothing-near-any"}, "(go run . --list-presets lists them)"},
		{[]string{"--headless", "--preset", p}, "a preset file is one JSON object {…}, as go run . --show-preset NAME prints one\n"},
		{[]string{"--bogus"}, "(see go run . --help)\n"},
	}
	if !term.IsTerminal(os.Stdout.Fd()) {
		cases = append(cases, struct {
			args []string
			want string
		}{[]string{"--epochs", "10"}, "; go run . --headless --epochs 10 trains without a terminal\n"})
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line with %q", c.args, code, stderr, c.want)
		}
	}
}

// TestOfferedRunsKeepHeadless: a run a refusal offers in place of the user's
// keeps --headless when they gave it (command.Train), so that it trains as
// theirs would: go run . --headless --resume vanilla does not offer "go run .
// --preset vanilla", which opens the trainer. Without --headless, on the run
// after a headless one too, it offers none. The checkpoint is at its plan's
// end, so the --resume offered carries --epochs, the user's where given.
func TestOfferedRunsKeepHeadless(t *testing.T) {
	command.SetProgram("go run .")
	t.Cleanup(func() { command.SetProgram("") })
	t.Chdir(t.TempDir())
	p := writeFile(t, "my design.json", "{\"base\": \"vanilla\"}")
	if code, _, stderr := runCLI(t, "--headless", "--epochs", "2", "--every", "0", "--save", "run.ckpt"); code != 0 {
		t.Fatalf("saving a checkpoint: exit %d, %s", code, stderr)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--headless", "--resume", "vanilla"}, "(vanilla is a built-in preset: go run . --headless --preset vanilla trains it from the start)\n"},
		{[]string{"--headless", "--resume", p}, ": go run . --headless --preset " + shellword.Quote(p) + " trains its design from the start\n"},
		{[]string{"--headless", "--preset", "run.ckpt", "--epochs", "5"}, ": go run . --headless --resume run.ckpt --epochs 5 trains it on from epoch 2 to 5\n"},
		{[]string{"--resume", "vanilla"}, "(vanilla is a built-in preset: go run . --preset vanilla trains it from the start)\n"},
		{[]string{"--preset", "run.ckpt"}, ": go run . --resume run.ckpt --epochs N trains it on to epoch N, past its plan's end at epoch 2\n"},
	} {
		code, _, stderr := runCLI(t, c.args...)
		if code != exitUsage || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and one line ending %q", c.args, code, stderr, c.want)
		}
	}
}

// TestHelpRunsAsGanuiWasStarted: --help's usage lines begin as ganui was
// started (command.SetProgram), as every command ganui suggests does: "go run .
// --help" does not say "usage: ganui …", which no shell without ganui on its
// PATH runs. Each way stays one line of at most 80 columns, or goes on under
// its arguments, where the command leaves room, and from the middle where it
// does not; the usage for "ganui" is the README's (TestREADMEUsageIsHelps).
func TestHelpRunsAsGanuiWasStarted(t *testing.T) {
	t.Cleanup(func() { command.SetProgram("") })
	for _, c := range []struct{ program, first, second, wrapped string }{
		{"go run .", "usage: go run . [DESIGN] [--seed S] [--paused] [--speed full|N]\n",
			"       go run . --headless [DESIGN] [--seed S] [--every K] [--log FILE.csv]\n",
			"                [--plot FILE.png] [--save FILE.ckpt]\n"},
		{"./ganui", "usage: ./ganui [DESIGN]", "       ./ganui --headless [DESIGN]", "               [--plot FILE.png]"},
		{"GOEXPERIMENT=simd go run github.com/ganui/ganui@v1.2.0", "usage: GOEXPERIMENT=simd go run github.com/ganui/ganui@v1.2.0 [DESIGN]",
			"       GOEXPERIMENT=simd go run github.com/ganui/ganui@v1.2.0 --headless", strings.Repeat(" ", 40) + "[DESIGN] [--seed S]"},
	} {
		command.SetProgram(c.program)
		code, help, stderr := runCLI(t, "--help")
		if code != 0 || stderr != "" {
			t.Fatalf("%s --help: exit %d, stderr %q", c.program, code, stderr)
		}
		usage, _, _ := strings.Cut(help, "\nDESIGN: ")
		if !strings.HasPrefix(usage, c.first) || !strings.Contains(usage, "\n"+c.second) || !strings.Contains(usage, "\n"+c.wrapped) {
			t.Errorf("%s --help: want %q, then %q and %q, in:\n%s", c.program, c.first, c.second, c.wrapped, usage)
		}
		if n := strings.Count(usage, "\n       "+c.program+" "); n != len(ways)-1 {
			t.Errorf("%s --help: %d usage lines begin with it, want %d:\n%s", c.program, n, len(ways)-1, usage)
		}
		if strings.Contains(strings.ReplaceAll(usage, c.program, ""), "ganui") {
			t.Errorf("%s --help: a usage line says ganui:\n%s", c.program, usage)
		}
	}
}
