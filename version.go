package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/ganui/ganui/internal/release"
)

// versionText is what --version prints, a "what: value" line each after
// the first: ganui's version as the files it writes name it
// (release.FromBuildInfo) and the git revision the go command recorded
// in the binary, with whether the tree it was built from was modified
// (info and ok, from debug.ReadBuildInfo: go build and go install
// record them in a git checkout; go run, -buildvcs=false, which GOFLAGS
// may set, and a build of a module version or outside a checkout do
// not, which it says in words, not as a revision "unknown"), the Go
// release (goVersion, runtime.Version) and platform, and which build it
// is, default or SIMD, with the kernels it runs on here (isa,
// engine.KernelISA: any but "go" is a SIMD build's).
func versionText(info *debug.BuildInfo, ok bool, goVersion, isa string) string {
	version, simd := release.FromBuildInfo(info, ok), isa != "go"
	setting := map[string]string{}
	if ok {
		for _, s := range info.Settings {
			setting[s.Key] = s.Value
		}
		simd = simd || slices.Contains(strings.Split(setting["GOEXPERIMENT"], ","), "simd")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "ganui %s\n", version)
	switch rev := setting["vcs.revision"]; {
	case rev != "":
		var about []string
		if t := setting["vcs.time"]; t != "" {
			about = append(about, t)
		}
		switch setting["vcs.modified"] {
		case "true":
			about = append(about, "the tree modified: uncommitted changes or untracked files")
		case "false":
			about = append(about, "the tree as committed")
		}
		if len(about) > 0 {
			rev += " (" + strings.Join(about, ", ") + ")"
		}
		fmt.Fprintf(&b, "revision: %s\n", rev)
	case !ok:
		b.WriteString("revision: not recorded: the binary holds no build information\n")
	case version != "(devel)":
		b.WriteString("revision: not recorded: the module version above names the source\n")
	default:
		b.WriteString("revision: not recorded: this build carries no version control information (go run, -buildvcs=false or no git checkout)\n")
	}
	goVersion, _, _ = strings.Cut(goVersion, "-X:") // the experiments: the build line's
	fmt.Fprintf(&b, "go: %s %s/%s\n", goVersion, runtime.GOOS, runtime.GOARCH)
	switch {
	case !simd:
		b.WriteString("build: default, portable Go kernels\n")
	case isa == "go":
		b.WriteString("build: SIMD (GOEXPERIMENT=simd), portable Go kernels: no AVX-512 or AVX2 + FMA here\n")
	default:
		fmt.Fprintf(&b, "build: SIMD (GOEXPERIMENT=simd), %s kernels\n", isa)
	}
	return b.String()
}
