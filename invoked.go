package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/internal/shellword"
)

// invokedAs is the command that starts ganui as the user started this
// one, which the commands the trainer suggests begin with (the again:
// line, a checkpoint's "--resume FILE.ckpt continues from it"), so that
// each runs as printed in the shell that started it: arg0 (os.Args[0])
// as typed where it names a file by its path (./ganui, ~/bin/ganui as
// the shell expanded it), the name alone where the shell found it on the
// PATH (ganui), and where go run built it in a directory of its own that
// is gone once ganui ends, the go run that builds it again (goRun). A
// bare "ganui" is one no shell without ganui on its PATH runs: after the
// README's own "go run .", "command not found".
func invokedAs(arg0 string, goRun func() string) string {
	switch {
	case arg0 == "":
		return "ganui"
	case builtByGoRun(arg0):
		return goRun()
	}
	return shellword.Quote(arg0)
}

// goRunBuild matches the path of a binary go run built and runs: the
// go command's work directory, $GOTMPDIR/go-build…, then the package's
// b001 and exe/NAME, removed when the go command exits; or, where the go
// command keeps what go run built in its build cache to run again (Go
// 1.24 on, from a build's second run), $GOCACHE/XX/HASH-d/NAME, a path
// no one types, which "go run ." would otherwise be told as: "(see
// /root/.cache/go-build/e0/e04b…-d/ganui --help)".
var goRunBuild = regexp.MustCompile(`(^|/)(go-build[0-9]+/b[0-9]+/exe|[0-9a-f]{2}/[0-9a-f]{64}-d)/[^/]+$`)

// builtByGoRun reports whether arg0 is the path of a binary go run built
// (goRunBuild).
func builtByGoRun(arg0 string) bool {
	return goRunBuild.MatchString(filepath.ToSlash(arg0))
}

// goRunCommand is the go run that builds and starts this ganui again
// from the working directory, as go run started it (goRun).
func goRunCommand() string {
	return goRun(release.Version, buildSetting("GOEXPERIMENT"), moduleHere())
}

// goRun is the go run of ganui at version ("(devel)": the checkout's own)
// built with experiment (GOEXPERIMENT) from a directory that is the
// module's own or not (here): "go run ." in the module's own directory
// (the README's quick start), "go run github.com/ganui/ganui" elsewhere in
// the checkout (a subdirectory's "." is another package), with
// "@VERSION" where the go command recorded one (go run
// github.com/ganui/ganui@v1.2.0), and GOEXPERIMENT=… before it where the
// build had one (a SIMD build's kernels are not the default's, whose runs
// are not bit-identical to its: --version).
func goRun(version, experiment string, here bool) string {
	cmd := "go run " + release.Module
	if version != "(devel)" {
		cmd += "@" + version
	} else if here {
		cmd = "go run ."
	}
	if experiment != "" {
		cmd = "GOEXPERIMENT=" + shellword.Quote(experiment) + " " + cmd
	}
	return cmd
}

// moduleHere reports whether the working directory is ganui's module's
// own: its go.mod declares release.Module.
func moduleHere() bool {
	f, err := os.Open("go.mod")
	if err != nil {
		return false
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(lines.Text()), "module"); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`) == release.Module
		}
	}
	return false
}

// buildSetting is the value of the build setting key the go command
// recorded in the binary (debug.BuildSetting), "" where none.
func buildSetting(key string) string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == key {
				return s.Value
			}
		}
	}
	return ""
}
