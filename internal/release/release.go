// Package release says which ganui this is, in the words the files it
// writes record it by (a preset file's and a checkpoint's
// "ganui_version"), so that a ganui that cannot read a file can name the
// one that wrote it.
package release

import "runtime/debug"

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
