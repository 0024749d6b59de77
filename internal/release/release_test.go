package release

import (
	"runtime/debug"
	"testing"
)

// TestFromBuildInfo: ganui's version is its module's, as the main module
// or a dependency, and "(devel)" where none is recorded.
func TestFromBuildInfo(t *testing.T) {
	for _, c := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{nil, false, "(devel)"},
		{&debug.BuildInfo{Main: debug.Module{Path: Module, Version: "v1.2.0"}}, true, "v1.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Path: Module, Version: "v0.0.0-20261203061234-0504f7c1a2b3+dirty"}}, true, "v0.0.0-20261203061234-0504f7c1a2b3+dirty"},
		{&debug.BuildInfo{Main: debug.Module{Path: Module, Version: "(devel)"}}, true, "(devel)"},
		{&debug.BuildInfo{Main: debug.Module{Path: Module}}, true, "(devel)"},
		{&debug.BuildInfo{Main: debug.Module{Path: "example.com/other", Version: "v9.0.0"}, Deps: []*debug.Module{{Path: Module, Version: "v1.3.0"}}}, true, "v1.3.0"},
		{&debug.BuildInfo{Main: debug.Module{Path: "example.com/other", Version: "v9.0.0"}}, true, "(devel)"},
	} {
		if got := FromBuildInfo(c.info, c.ok); got != c.want {
			t.Errorf("FromBuildInfo(%+v, %v) = %q, want %q", c.info, c.ok, got, c.want)
		}
	}
}

// TestShort: a pseudo-version is named by its revision, seven hex digits,
// as a build of no tag; a release, a prerelease and "(devel)" as they are.
func TestShort(t *testing.T) {
	for v, want := range map[string]string{
		"v0.0.0-20261203061234-0504f7c1a2b3":        "devel 0504f7c",
		"v0.0.0-20261203061234-0504f7c1a2b3+dirty":  "devel 0504f7c",
		"v1.2.4-0.20261203061234-0504f7c1a2b3":      "devel 0504f7c",
		"v1.3.0-rc.1.0.20261203061234-0504f7c1a2b3": "devel 0504f7c",
		"v1.2.0":       "v1.2.0",
		"v1.2.0+dirty": "v1.2.0+dirty",
		"v1.3.0-rc.1":  "v1.3.0-rc.1",
		"(devel)":      "(devel)",
	} {
		if got := Short(v); got != want {
			t.Errorf("Short(%q) = %q, want %q", v, got, want)
		}
	}
}
