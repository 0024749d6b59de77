// Package release says which ganui this is, in the words the files it
// writes record it by (a preset file's and a checkpoint's
// "ganui_version"), so that a ganui that cannot read a file can name the
// one that wrote it.
package release

import (
	"regexp"
	"runtime/debug"
)

// Module is ganui's module path.
const Module = "github.com/ganui/ganui"

// Version is this ganui's version as the go command recorded it in the
// binary (FromBuildInfo).
var Version = FromBuildInfo(debug.ReadBuildInfo())

// FromBuildInfo returns ganui's version as info, from
// debug.ReadBuildInfo (ok: it holds any), records it: the main module's
// version where ganui is the main module (a tag, v1.2.0, as go install
// gives; a pseudo-version naming the commit, as go build gives in a git
// checkout), the dependency's where ganui is one, and "(devel)" where no
// version is recorded (go run, -buildvcs=false, tests).
func FromBuildInfo(info *debug.BuildInfo, ok bool) string {
	const devel = "(devel)"
	if !ok {
		return devel
	}
	v := ""
	if info.Main.Path == Module {
		v = info.Main.Version
	}
	for _, d := range info.Deps {
		if d.Path == Module {
			v = d.Version
		}
	}
	if v == "" {
		return devel
	}
	return v
}

// pseudoVersion is a version the go command makes up for a commit with no
// tag of its own (v0.0.0-20261203061234-0504f7c1a2b3, v1.2.4-0.2026…,
// v1.3.0-rc.1.0.2026…, then +dirty where the tree was modified): a
// fourteen-digit time, then twelve hex digits of the revision.
var pseudoVersion = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+-(?:[0-9A-Za-z.-]*[.-])?[0-9]{14}-([0-9a-f]{12})(?:\+[0-9A-Za-z.-]+)?$`)

// Short is version v as a line a screen is short of room in names it: a
// pseudo-version as "devel" and the revision's first seven hex digits,
// as git shortens it ("devel 0504f7c"), where its 35 characters or more
// took a third of an 80-column line and the replay's keys gave way to
// them; any other as it is ("v1.2.0", "(devel)").
func Short(v string) string {
	if m := pseudoVersion.FindStringSubmatch(v); m != nil {
		return "devel " + m[1][:7]
	}
	return v
}
