package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
)

// TestVersionText: --version says what the go command recorded, the
// revision with whether the tree was modified or as committed, and where
// it recorded none, why in words: a module version names the source,
// and a build of a checkout without version control information (go
// run, -buildvcs=false in GOFLAGS) says so, where both had said
// "revision: unknown (…)", and a module version's had blamed go run;
// and it names the build and its kernels.
func TestVersionText(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	stamped := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/ganui/ganui", Version: "v0.0.0-20261202082837-4768ab66854c+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "GOEXPERIMENT", Value: "simd"},
			{Key: "vcs.revision", Value: "4768ab66854c588851db647ada424e1be34337eb"},
			{Key: "vcs.time", Value: "2026-12-02T08:28:37Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	unstamped := &debug.BuildInfo{Main: debug.Module{Path: "github.com/ganui/ganui", Version: "(devel)"}}
	for _, c := range []struct {
		name      string
		info      *debug.BuildInfo
		ok        bool
		goVersion string
		isa       string
		want      string
	}{
		{"SIMD build from a git checkout", stamped, true, "go1.26.8-X:simd", "avx512",
			"ganui v0.0.0-20261202082837-4768ab66854c+dirty\n" +
				"revision: 4768ab66854c588851db647ada424e1be34337eb (2026-12-02T08:28:37Z, the tree modified: uncommitted changes or untracked files)\n" +
				"go: go1.26.8 " + platform + "\n" +
				"build: SIMD (GOEXPERIMENT=simd), avx512 kernels\n"},
		{"go run of the default build", unstamped, true, "go1.26.8", "go",
			"ganui (devel)\n" +
				"revision: not recorded: this build carries no version control information (go run, -buildvcs=false or no git checkout)\n" +
				"go: go1.26.8 " + platform + "\n" +
				"build: default, portable Go kernels\n"},
		{"SIMD build on a CPU without AVX2", &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "GOEXPERIMENT", Value: "boringcrypto,simd"}}}, true, "go1.26.8", "go",
			"ganui (devel)\n" +
				"revision: not recorded: this build carries no version control information (go run, -buildvcs=false or no git checkout)\n" +
				"go: go1.26.8 " + platform + "\n" +
				"build: SIMD (GOEXPERIMENT=simd), portable Go kernels: no AVX-512 or AVX2 + FMA here\n"},
		{"a committed tree", &debug.BuildInfo{
			Main:     debug.Module{Path: "github.com/ganui/ganui", Version: "v0.0.0-20261202082837-4768ab66854c"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "4768ab66854c588851db647ada424e1be34337eb"}, {Key: "vcs.modified", Value: "false"}},
		}, true, "go1.26.8", "go",
			"ganui v0.0.0-20261202082837-4768ab66854c\n" +
				"revision: 4768ab66854c588851db647ada424e1be34337eb (the tree as committed)\n" +
				"go: go1.26.8 " + platform + "\n" +
				"build: default, portable Go kernels\n"},
		{"go install of a module version", &debug.BuildInfo{Main: debug.Module{Path: "github.com/ganui/ganui", Version: "v1.2.0"}}, true, "go1.26.8", "go",
			"ganui v1.2.0\n" +
				"revision: not recorded: the module version above names the source\n" +
				"go: go1.26.8 " + platform + "\n" +
				"build: default, portable Go kernels\n"},
		{"no build information", nil, false, "go1.26.8", "avx2",
			"ganui (devel)\n" +
				"revision: not recorded: the binary holds no build information\n" +
				"go: go1.26.8 " + platform + "\n" +
				"build: SIMD (GOEXPERIMENT=simd), avx2 kernels\n"},
	} {
		if got := versionText(c.info, c.ok, c.goVersion, c.isa); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestVersionFlag: --version (and -version) prints four lines on stdout,
// the build's own among them, and exits 0; with another flag it is a
// usage error.
func TestVersionFlag(t *testing.T) {
	build := "build: default, portable Go kernels\n"
	if isa := engine.KernelISA(); isa != "go" {
		build = "build: SIMD (GOEXPERIMENT=simd), " + isa + " kernels\n"
	}
	for _, flag := range []string{"--version", "-version"} {
		code, stdout, stderr := runCLI(t, flag)
		goVersion, _, _ := strings.Cut(runtime.Version(), "-X:")
		if code != 0 || stderr != "" || strings.Count(stdout, "\n") != 4 || !strings.HasPrefix(stdout, "ganui ") ||
			!strings.Contains(stdout, "\ngo: "+goVersion+" ") || !strings.HasSuffix(stdout, build) {
			t.Errorf("%s: exit %d, stderr %q, stdout\n%s", flag, code, stderr, stdout)
		}
	}
	wantUsageError(t, []string{"--version", "--headless"}, "--headless does not go with --version")
}
