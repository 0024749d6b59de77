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
// in the binary (info and ok, from debug.ReadBuildInfo: go build and
// go install record them in a git checkout, go run does not), the Go
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
		if setting["vcs.modified"] == "true" {
			about = append(about, "with uncommitted changes")
		}
		if len(about) > 0 {
			rev += " (" + strings.Join(about, ", ") + ")"
		}
		fmt.Fprintf(&b, "revision: %s\n", rev)
	case !ok:
		b.WriteString("revision: unknown (the binary holds no build information)\n")
	default:
		b.WriteString("revision: unknown (go run, -buildvcs=false and a build outside a git checkout record none)\n")
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
