package outputfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/shellword"
)

// CheckName refuses an output path that names no file a program should
// make, saying what to give; own says whether ext is an extension the
// output's files take. Each, written, would make a file the user did
// not mean, or be refused for something else:
//   - a control character in it, a newline most likely (--plot "$(ls
//     *.png)" gives two names on two lines), which would make one file
//     named across the lines; or spaces around it, which a quote put in
//     the wrong place leaves (--log "run.csv "), which would make a file
//     whose name ends in a space, which a listing does not show (both
//     inputfile.CheckName, the inputs' rule too);
//   - a bidirectional formatting character in it (U+202E RIGHT-TO-LEFT
//     OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, …), which a terminal obeys,
//     showing the rest of the name, and of the line that names it (the
//     command that trains a stopped run on), reordered: run\u202egnp.ckpt
//     reads as runkpc.png. The user chose the name, and one without it
//     names the file as well; a name ganui reads is not refused for it,
//     its file being there already, but written escaped (visible.String);
//   - a slash at its end, which names a directory (--plot run.png/ is
//     told so, not refused as no figure's name);
//   - a name of the form ganui gives the hidden file it writes another
//     into first (createTemp: .run.ckpt.tmp-0123abcd for run.ckpt),
//     which a write of that other removes as a killed write's leftover
//     (removeStale), or, written by this run, takes for another
//     process's write of it (Busy): --save run.ckpt --log
//     .run.ckpt.tmp-0123abcd was refused "run.ckpt is being written by
//     another process";
//   - a file name that is nothing but an extension its files take (own),
//     dots aside: --plot .png, --log .csv, --save out/.ckpt, a name left
//     out, which would be written as a hidden file of that name; the
//     error gives the name it lacks before the extension: run.png,
//     out/run.ckpt.
//
// path is not empty: the caller refuses an empty one first.
func CheckName(path string, own func(ext string) bool) error {
	if err := inputfile.CheckName(path); err != nil {
		return err
	}
	if i := strings.IndexFunc(path, bidi); i >= 0 {
		r, _ := utf8.DecodeRuneInString(path[i:])
		return fmt.Errorf("%s holds %U, a bidirectional formatting character, which shows the text after it reordered: the name would not read as it is, in a listing or in what ganui prints of it; give a name without it", shellword.Quote(path), r)
	}
	if os.IsPathSeparator(path[len(path)-1]) {
		return fmt.Errorf("%s ends in %c, which names a directory; give a file's name", shellword.Quote(path), path[len(path)-1])
	}
	base, ext := filepath.Base(path), filepath.Ext(path)
	if of, ok := tempOf(base); ok {
		q := shellword.Quote(of) // a name a shell would not read as one word, quoted
		return fmt.Errorf("%s is a name of the form ganui gives the hidden file it writes %s into first, which a write of %s removes as one a killed write left; give another name", shellword.Quote(path), q, q)
	}
	if strings.Trim(strings.TrimSuffix(base, ext), ".") == "" && own(ext) {
		// The name given and the name to give, one quoting, a shell's
		// (shellword.Quote): "'my out/.pdf' has no name before its
		// extension; give e.g. 'my out/run.pdf'", where the first was
		// Go-quoted beside the second's shell quotes.
		return fmt.Errorf("%s has no name before its extension; give e.g. %s", shellword.Quote(path), shellword.Quote(filepath.Join(filepath.Dir(path), "run"+ext)))
	}
	return nil
}

// bidi reports whether r is a bidirectional formatting character
// (unicode.Bidi_Control), which CheckName refuses in an output's name.
func bidi(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }

// tempOf is the name of the file whose temporary file (createTemp) name
// would be, and true, where name has that form: ".run.ckpt.tmp-0123abcd"
// of run.ckpt.
func tempOf(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok || len(rest) <= len(".tmp-")+8 {
		return "", false
	}
	of := rest[:len(rest)-len(".tmp-")-8]
	return of, of != "" && isTempName(name, of)
}
