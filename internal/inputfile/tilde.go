package inputfile

import (
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/ganui/ganui/internal/shellword"
)

// Tilde is a file's name ganui was given that begins with a ~ no shell
// expanded (TildeLeft): ~ or ~/… for one's own home directory, ~name or
// ~name/… for the home directory of the user name. The name is
// "~"+User+Rest.
type Tilde struct {
	User string // the login name after the ~; "" for one's own home
	Rest string // what follows the ~ and its login name: "" or begun with a /
}

// TildeLeft reports whether path, a file's name ganui was given, begins
// with a ~ a shell would have expanded, to a home directory, had it met
// it at a word's start: ~, ~/…, ~name or ~name/…, name a login name as
// POSIX has it (letters, digits, ., _ and -, not begun with a -). A
// shell expands none after a flag's = (--log=~/a.csv), in quotes, in a
// variable's value or inside a word (--set 'target=points(~/d.csv)'), and
// a preset file is read by no shell; ganui expands none, so that such a
// name, read as it is, names a directory ~ (a mkdir '~' that a later rm
// -r ~ reads as the home directory) or ~root, or "no such file or
// directory", none saying why. It is the one rule for a flag's file
// (main) and a points(FILE.csv) target's, Say and SayInWord their
// messages. A directory or file ~ (or ~name) in dir, where the name is
// read from ("." for the working directory), is the name's: not left.
// Not on Windows, whose shells have no ~.
func TildeLeft(dir, path string) (Tilde, bool) {
	after, ok := strings.CutPrefix(path, "~")
	if !ok || runtime.GOOS == "windows" {
		return Tilde{}, false
	}
	login, _, _ := strings.Cut(after, "/")
	if !loginName(login) {
		return Tilde{}, false
	}
	if _, err := os.Lstat(filepath.Join(dir, "~"+login)); err == nil {
		return Tilde{}, false
	}
	return Tilde{User: login, Rest: after[len(login):]}, true
}

// loginName reports whether s is "" (one's own ~) or a login name a
// shell's ~name may name: POSIX's portable filename characters, not
// begun with a -, and not . or .., which name no user.
func loginName(s string) bool {
	if s == "." || s == ".." || strings.HasPrefix(s, "-") {
		return false
	}
	return strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == ""
}

// Home is the home directory the ~ would have named: one's own
// (os.UserHomeDir, $HOME) or, for ~name, the user name's as the system
// knows it (os/user.Lookup); ok false where there is none.
func (t Tilde) Home() (string, bool) {
	if t.User == "" {
		home, err := os.UserHomeDir()
		return home, err == nil
	}
	u, err := user.Lookup(t.User)
	if err != nil || u.HomeDir == "" {
		return "", false
	}
	return u.HomeDir, true
}

// Where is where a flag's name with a ~ no shell expanded was given, for
// Say.
type Where struct {
	// Flag is the flag whose value the name is ("log").
	Flag string
	// Eq: the name came after the flag's =, --log=~/a.csv, not as a word
	// of its own that quotes or a variable kept from the shell.
	Eq bool
	// Example is a file's name to give in the directory a name ending in
	// / (or a ~ alone) would name once expanded: "run.csv".
	Example string
}

// Say is the message for a flag's name with a ~ no shell expanded (t,
// from TildeLeft; w where it was given), SayInWord's for a name inside a
// word: why no shell expanded it, and what to give instead, the home
// directory's path written in as a shell reads it; a name that, expanded,
// would name a directory (~, ~/, a name ending in /) is asked for a file
// in it. A ~name/… is told the path in that user's home directory where
// the system knows the user, else that it knows no such user: a shell
// too would leave it as it is. "--log=~/runs/a.csv: the shell expands a
// ~ only at a word's start, not after --log=, and there is no directory ~
// here: write --log ~/runs/a.csv, a space for the =, or
// --log=$HOME/runs/a.csv". The name after a flag's = is written as a
// command's word, its rest quoted where a shell would not read it as one
// word (word: "--log=~/'my runs/a.csv'", a line break $'…'), the name
// given in quotes as a shell reads it back, the quotes that kept the
// shell from expanding it ('~/runs/a.csv', shellword.Quote); a line break is never written raw,
// which read as the error's "; " ("--log=~/a; b.csv"). A command that holds a word written
// $'…' (shellword.Dollar) ends shellword's note that bash or zsh reads
// it (Noted).
func (t Tilde) Say(w Where) string {
	s := t.said()
	var msg string
	switch {
	case w.Eq:
		msg = "--" + w.Flag + "=" + s.path + ": the shell expands a ~ only at a word's start, not after --" + w.Flag + "=, and there is no directory " + s.prefix + " here"
	case s.unknown:
		msg = "--" + w.Flag + ": " + shellword.Quote(s.name) + " begins with a ~ the shell did not expand, and there is no directory " + s.prefix + " here"
	default:
		msg = "--" + w.Flag + ": " + shellword.Quote(s.name) + " begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory " + s.prefix + " here"
	}
	if s.unknown {
		return msg + t.noUser()
	}
	if t.User == "" && !s.known {
		// No $HOME (unset or empty, as under env -i or a service): a
		// $HOME/x.csv given back would be /x.csv.
		return msg + "; $HOME is not set here, so $HOME/… would name a file in /, not in a home directory: give the file's whole path"
	}
	msg, rest := s.file(msg, w.Example)
	// inHome is rest in the home directory, written for a shell: $HOME's
	// own, the user's home directory's path a named user's.
	inHome := func() string {
		if t.User != "" {
			return shellword.Quote(filepath.Join(s.home, rest))
		}
		if q := shellword.Quote(rest); q != rest {
			return `"$HOME"/` + q
		}
		return "$HOME/" + rest
	}
	switch {
	case w.Eq && s.dir:
		msg += "give one in it, e.g. --" + w.Flag + " " + s.prefix + "/" + shellword.Quote(rest) + ", a space for the ="
	case w.Eq:
		msg += "write --" + w.Flag + " " + s.prefix + "/" + shellword.Quote(rest) + ", a space for the =, or --" + w.Flag + "=" + inHome()
	case s.dir:
		msg += "give one in it, e.g. " + inHome()
	default:
		whose := "the home directory's"
		if t.User != "" {
			whose = t.User + "'s home directory's"
		}
		msg += "for " + whose + ", write " + inHome()
	}
	words := []string{rest}
	if t.User != "" {
		words = append(words, filepath.Join(s.home, rest)) // inHome's of a named user, where $HOME is written for one's own
	}
	return shellword.Noted(msg, words...)
}

// SayInWord is Say for a name inside a word (a points(FILE.csv) target
// in --set's value or a preset file), no flag's: the name is written as
// Say writes a flag's, as a shell reads it back ('~/my runs/d.csv'), but
// the home directory's path is given back whole, as whole writes it in
// the word (points(/home/ada/d.csv)), not for a shell, and a name that
// would name a directory is given example, a file's name in it
// ("d.csv"). "'~/d.csv' begins with a ~, which a shell expands at a word's start alone, not
// inside --set's value or in a preset file, and ganui expands none: give
// the file's whole path, points(/home/ada/d.csv)".
func (t Tilde) SayInWord(example string, whole func(path string) string) string {
	s := t.said()
	msg := shellword.Quote(s.name) + " begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none"
	if s.unknown {
		return msg + t.noUser()
	}
	msg, rest := s.file(msg, example)
	sep := ", "
	if s.dir {
		msg += "give the whole path of a file in it"
		sep = ", e.g. "
	} else {
		msg += "give the file's whole path"
	}
	if s.known {
		msg += sep + whole(filepath.Join(s.home, rest))
	}
	return msg
}

// tildeSaid is what Say and SayInWord both tell of a Tilde.
type tildeSaid struct {
	name    string // the name as given, "~"+User+Rest
	path    string // name as the shell word that expands to it (word), as what expanded would name a directory is said
	prefix  string // "~"+User
	home    string // the home directory ~ (~User) names, if known
	known   bool   // home is known
	unknown bool   // a ~name whose user the system knows none of: a shell too leaves ~nosuchuser/x as it is, quoted or not
	rest    string // Rest without its leading /
	dir     bool   // the name, expanded, would name a directory: ~, ~/, …/
}

func (t Tilde) said() tildeSaid {
	s := tildeSaid{name: "~" + t.User + t.Rest, prefix: "~" + t.User}
	s.home, s.known = t.Home()
	s.unknown = t.User != "" && !s.known
	s.rest = strings.TrimPrefix(t.Rest, "/")
	s.dir = s.rest == "" || strings.HasSuffix(s.rest, "/")
	s.path = s.word()
	return s
}

// word is the name as a shell word of a command writes it: the
// ~ and its login name bare, as the command Say gives writes them, the
// rest quoted where a shell would not read it as one word
// (shellword.Quote), "~/'my runs/a.csv'" and "~/$'a\nb.csv'", where the
// name was bare, its space read as the message's own; a plain name as it
// is, "~/runs/a.csv".
func (s tildeSaid) word() string {
	if s.rest == "" {
		return s.name
	}
	return s.prefix + "/" + shellword.Quote(s.rest)
}

// noUser is the end of a message for a ~name whose user is unknown.
func (t Tilde) noUser() string {
	return "; ~" + t.User + " would name user " + t.User + "'s home directory, but no user " + t.User + " is known here: give the file's whole path"
}

// file ends msg's first clause, saying a name that would name a
// directory does, and gives the rest of the name a file's: the Rest, or
// a name ending in / with example, a file's name in it, added.
func (s tildeSaid) file(msg, example string) (string, string) {
	if s.dir {
		return msg + "; expanded, " + s.path + " would name a directory, not a file: ", s.rest + example
	}
	return msg + ": ", s.rest
}
