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

// NearbyAs is Nearby, for a path that names no file where a file of
// extension ext is wanted (".ckpt" for --resume, ".json" for --preset),
// or where Nearby finds none, the file path names with ext added, when
// path has another extension or none and that file is there, written as
// path is and quoted for the shell: --resume run for run.ckpt, --preset
// my for the my.json --show-preset wrote, whose names a user leaves the
// extension off as a shell's tab completion would not.
func NearbyAs(path, ext string) string {
	if near := Nearby(path); near != "" {
		return near
	}
	return WithExt(path, ext)
}

// WithExt is NearbyAs's second guess alone, path with ext added: for a
// name that is no path (--preset my), whose files of no extension beside
// it are no guess.
func WithExt(path, ext string) string {
	if path == "" || strings.EqualFold(filepath.Ext(path), ext) || strings.HasSuffix(path, "/") {
		return ""
	}
	if st, err := os.Stat(path + ext); err != nil || !st.Mode().IsRegular() {
		return ""
	}
	return suggest.Say([]string{shellword.Quote(path + ext)})
}
