package inputfile

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/shellword"
)

// CheckName refuses a file's name that names no one file: one that
// holds a control character, a newline most likely (--resume "$(ls
// *.ckpt)" gives two names on two lines), which, looked up as one name
// across the lines, would be told "no such file or directory" with the
// lines run together; or one with spaces around it (CheckSpaces). It
// is the one rule for every file's name ganui is given, to read or to
// write: the flags' (--preset FILE, --show-preset FILE, --resume; --log,
// --save and --plot through outputfile.CheckName) and a points(FILE.csv)
// target's. The name is written as a shell reads it back
// (shellword.Quote), $'a\nb.ckpt', 'run.ckpt ', as every file's name in
// a message is, so that it can be pasted into a command.
func CheckName(path string) error {
	if i := strings.IndexFunc(path, unicode.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(path[i:])
		return fmt.Errorf("%s holds the control character %U (%s); give one file's name, on one line", shellword.Quote(path), r, strconv.QuoteRune(r))
	}
	return CheckSpaces(path)
}

// CheckSpaces refuses a name with spaces around it, which a quote put in
// the wrong place leaves (--resume "run.ckpt "): to read, it names
// another file than the one meant, or none, and "run.ckpt : no such file
// or directory" would hide the space at its end; to write, a file whose
// name ends in a space, which a listing does not show. It is CheckName's
// second rule, and the rule for a built-in preset's name in a preset
// file's "base". A space inside a name is the name's.
func CheckSpaces(path string) error {
	if strings.TrimSpace(path) != path {
		return fmt.Errorf("%s has spaces around it; give the name without them", shellword.Quote(path))
	}
	return nil
}
