package inputfile

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/suggest"
)

// NearbyAs returns " (did you mean X?)" naming the file meant by path, a
// path that names no file where a file of extension ext is wanted (".ckpt"
// for --resume, ".json" for --preset): the file path names with ext added, when path has another extension or
// none and that file is there (--resume run for run.ckpt, --preset my
// for the my.json --show-preset wrote, whose names a user leaves the
// extension off as a shell's tab completion would not), or else the file
// of ext beside it whose name but its extension is nearest to path's
// (--resume rn for run.ckpt, --preset rin.csv for ring.json). Only files
// of ext are named: a history CSV is no guess for a preset file or a
// checkpoint, where --preset r.csv had been told "did you mean a.csv,
// i.csv or j.csv?". Each is written as path is, with its directory, and
// quoted for the shell; "" when no such file is near, or the directory
// cannot be read. A name CheckName refuses, one with a line break in it
// or spaces around it, is none to offer: given, it would be refused. A typo in a checkpoint's or a preset file's name is the
// likeliest reason for a name that names nothing.
func NearbyAs(path, ext string) string {
	if with := WithExt(path, ext); with != "" {
		return with
	}
	dir, base := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return ""
	}
	stem := func(n string) string { return strings.TrimSuffix(n, filepath.Ext(n)) }
	byStem := map[string]string{}
	var stems []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.EqualFold(filepath.Ext(n), ext) && n != base && CheckName(n) == nil {
			if _, ok := byStem[stem(n)]; !ok {
				byStem[stem(n)] = n
				stems = append(stems, stem(n))
			}
		}
	}
	return suggest.DidYouMean(stem(base), stems, func(s string) string { return shellword.Quote(dir + byStem[s]) })
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
