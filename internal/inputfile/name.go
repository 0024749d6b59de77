package inputfile

import (
	"fmt"
	"strings"
)

// CheckSpaces refuses a file's name with spaces around it, which a quote
// put in the wrong place leaves (--resume "run.ckpt "): to read, it names
// another file than the one meant, or none, and "run.ckpt : no such file
// or directory" had hidden the space at its end; to write, a file whose
// name ends in a space, which a listing does not show. It is the one
// rule for every file's name ganui is given, to read or to write: the
// flags' (--preset FILE, --show-preset FILE, --resume; --log, --save and
// --plot through outputfile.CheckName) and a points(FILE.csv) target's.
// A space inside a name is the name's.
func CheckSpaces(path string) error {
	if strings.TrimSpace(path) != path {
		return fmt.Errorf("%q has spaces around it; give the name without them", path)
	}
	return nil
}
