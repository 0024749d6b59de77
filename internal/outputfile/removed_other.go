//go:build !unix

package outputfile

import "io/fs"

// unlinked has nothing to tell: Windows refuses to remove a directory a
// process is in, the one directory still found once removed elsewhere.
func unlinked(fs.FileInfo) bool { return false }
