package inputfile

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/suggest"
)

// Nearby returns " (did you mean X?)" naming the file beside path, in its
// directory and of its extension (case aside), whose name is nearest to
// path's, written as path is with the name mended and quoted for the
// shell (runs/run.ckpt for runs/rn.ckpt), for a path that names no file:
// a typo in a checkpoint's or a preset file's name is the likeliest
// reason; "" when no such file is near, or the directory cannot be read.
func Nearby(path string) string {
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return ""
	}
	ext := filepath.Ext(base)
	var names []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.EqualFold(filepath.Ext(n), ext) && n != base {
			names = append(names, n)
		}
	}
	return suggest.DidYouMean(base, names, func(n string) string { return shellword.Quote(dir + n) })
}
