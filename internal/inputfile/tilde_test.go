package inputfile

import (
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ganui/ganui/internal/shellword"
)

// TestTildeLeft: a name begun with a ~ a shell would expand, ~, ~/…,
// ~name or ~name/…, name a login name, is one no shell expanded, the
// user and the rest given, unless a directory or file ~ (~name) in the
// directory it is read from is the name's; a ~ elsewhere in a name, or
// one before what is no login name (a space, a leading -), is the
// name's.
func TestTildeLeft(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	dir, with := t.TempDir(), t.TempDir()
	if err := os.Mkdir(filepath.Join(with, "~"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(with, "~root"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(with, "~bob"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir, path string
		want      Tilde
		left      bool
	}{
		{dir, "~/d.csv", Tilde{Rest: "/d.csv"}, true},
		{dir, "~/my data/d.csv", Tilde{Rest: "/my data/d.csv"}, true},
		{dir, "~", Tilde{}, true},
		{dir, "~/", Tilde{Rest: "/"}, true},
		{dir, "~root/x", Tilde{User: "root", Rest: "/x"}, true},
		{dir, "~root", Tilde{User: "root"}, true},
		{dir, "~root/", Tilde{User: "root", Rest: "/"}, true},
		{dir, "~nosuchuser/x", Tilde{User: "nosuchuser", Rest: "/x"}, true},
		{dir, "~a.b_c-d/x", Tilde{User: "a.b_c-d", Rest: "/x"}, true},
		{dir, "~a b/x", Tilde{}, false},
		{dir, "~-x/y", Tilde{}, false},
		{dir, "~../x", Tilde{}, false},
		{dir, "~é/x", Tilde{}, false},
		{dir, "~+/x", Tilde{}, false},
		{with, "~/d.csv", Tilde{}, false},
		{with, "~", Tilde{}, false},
		{with, "~root/x", Tilde{}, false},
		{with, "~root", Tilde{}, false},
		{with, "~bob/x", Tilde{}, false},
		{with, "~alice/x", Tilde{User: "alice", Rest: "/x"}, true},
		{dir, "data/~/d.csv", Tilde{}, false},
		{dir, "d~.csv", Tilde{}, false},
		{dir, "./~/d.csv", Tilde{}, false},
	} {
		if got, left := TildeLeft(c.dir, c.path); got != c.want || left != c.left {
			t.Errorf("TildeLeft(%s, %q) = %+v, %v; want %+v, %v", c.dir, c.path, got, left, c.want, c.left)
		}
	}
}

// TestTildeSaysTheUsersHome: a ~name/… is told the path in that user's
// home directory where the system knows the user, for a flag's name, with
// or without its =, and a points target's alike; else that no such user
// is known here, where it was "the directory ~root does not exist".
func TestTildeSaysTheUsersHome(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	root, err := user.Lookup("root")
	if err != nil {
		t.Skip("no user root here:", err)
	}
	for _, c := range []struct {
		path string
		w    Where
		want string
	}{
		{"~root/x.csv", Where{Flag: "log", Eq: true, Example: "run.csv"},
			"--log=~root/x.csv: the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~root here: write --log ~root/x.csv, a space for the =, or --log=" + filepath.Join(root.HomeDir, "x.csv")},
		{"~root/my runs/x.csv", Where{Flag: "log", Example: "run.csv"},
			`--log: '~root/my runs/x.csv' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~root here: for root's home directory's, write '` + filepath.Join(root.HomeDir, "my runs/x.csv") + "'"},
		{"~root/", Where{Flag: "save", Eq: true, Example: "run.ckpt"},
			"--save=~root/: the shell expands a ~ only at a word's start, not after --save=, and there is no directory ~root here; expanded, ~root/ would name a directory, not a file: give one in it, e.g. --save ~root/run.ckpt, a space for the ="},
		{"~root", Where{Flag: "save", Example: "run.ckpt"},
			`--save: '~root' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~root here; expanded, ~root would name a directory, not a file: give one in it, e.g. ` + filepath.Join(root.HomeDir, "run.ckpt")},
		{"~root/d.csv", Where{},
			"'~root/d.csv' begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none: give the file's whole path, points(" + filepath.Join(root.HomeDir, "d.csv") + ")"},
		{"~nosuchuser/x.csv", Where{Flag: "log", Eq: true, Example: "run.csv"},
			"--log=~nosuchuser/x.csv: the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~nosuchuser here; ~nosuchuser would name user nosuchuser's home directory, but no user nosuchuser is known here: give the file's whole path"},
		// Unquoted, a shell leaves it too: not said to have been in quotes.
		{"~nosuchuser/x.csv", Where{Flag: "log", Example: "run.csv"},
			`--log: '~nosuchuser/x.csv' begins with a ~ the shell did not expand, and there is no directory ~nosuchuser here; ~nosuchuser would name user nosuchuser's home directory, but no user nosuchuser is known here: give the file's whole path`},
		{"~nosuchuser/d.csv", Where{},
			"'~nosuchuser/d.csv' begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none; ~nosuchuser would name user nosuchuser's home directory, but no user nosuchuser is known here: give the file's whole path"},
	} {
		tl, ok := TildeLeft(t.TempDir(), c.path)
		if !ok {
			t.Fatalf("TildeLeft(%q) not left", c.path)
		}
		if got := say(tl, c.w); got != c.want {
			t.Errorf("%q, %+v:\n%s\nwant\n%s", c.path, c.w, got, c.want)
		}
	}
}

// TestTildeSaysALineBreakAsAnEscape: a name with a line break (or another
// character a terminal obeys) is written with it as \n, as its quoted
// form shows it, $'…' after a flag's = as the command it is told (a
// name with a space, '…', where it was bare), where the error's line read it as "; " ("--log=~/a;
// b.csv"), and a command that writes a word of it $'…' ends the note that
// bash or zsh reads that, where it ended at the $'…' with nothing to say
// that a POSIX sh (dash) reads it as other words.
func TestTildeSaysALineBreakAsAnEscape(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	t.Setenv("HOME", "/home/ada")
	const note = " (a command for bash or zsh, which read its $'…')"
	for _, c := range []struct {
		path string
		w    Where
		want string
	}{
		{"~/a\nb.csv", Where{Flag: "log", Eq: true, Example: "run.csv"},
			`--log=~/$'a\nb.csv': the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~ here: write --log ~/$'a\nb.csv', a space for the =, or --log="$HOME"/$'a\nb.csv'` + note},
		{"~/a\nb/", Where{Flag: "log", Eq: true, Example: "run.csv"},
			`--log=~/$'a\nb/': the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~ here; expanded, ~/$'a\nb/' would name a directory, not a file: give one in it, e.g. --log ~/$'a\nb/run.csv', a space for the =` + note},
		{"~/a\nb.csv", Where{Flag: "log", Example: "run.csv"},
			`--log: $'~/a\nb.csv' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~ here: for the home directory's, write "$HOME"/$'a\nb.csv'` + note},
		{"~/a\nb/", Where{Flag: "save", Example: "run.ckpt"},
			`--save: $'~/a\nb/' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~ here; expanded, ~/$'a\nb/' would name a directory, not a file: give one in it, e.g. "$HOME"/$'a\nb/run.ckpt'` + note},
		// Quoted '…', not $'…': no note.
		// A name in a word is quoted as a flag's is, where it stood
		// bare, its space read as the message's own; the directory it
		// would name written as the shell word that expands to it.
		{"~/my runs/d.csv", Where{},
			`'~/my runs/d.csv' begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none: give the file's whole path, points(/home/ada/my runs/d.csv)`},
		{"~/my runs/", Where{},
			`'~/my runs/' begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none; expanded, ~/'my runs/' would name a directory, not a file: give the whole path of a file in it, e.g. points(/home/ada/my runs/d.csv)`},
		{"~/my runs/a.csv", Where{Flag: "log", Eq: true, Example: "run.csv"},
			`--log=~/'my runs/a.csv': the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~ here: write --log ~/'my runs/a.csv', a space for the =, or --log="$HOME"/'my runs/a.csv'`},
		// A path in a word, not a command: no note; its name written
		// as a shell reads it back, as a flag's is.
		{"~/a\x1bb.csv", Where{},
			`$'~/a\x1bb.csv' begins with a ~, which a shell expands at a word's start alone, not inside --set's value or in a preset file, and ganui expands none: give the file's whole path, points(/home/ada/a` + "\x1b" + `b.csv)`},
	} {
		tl, ok := TildeLeft(t.TempDir(), c.path)
		if !ok {
			t.Fatalf("TildeLeft(%q) not left", c.path)
		}
		if got := say(tl, c.w); got != c.want {
			t.Errorf("%q, %+v:\n%s\nwant\n%s", c.path, c.w, got, c.want)
		}
	}
}

// TestTildeWithoutHOME: where $HOME is unset or empty (env -i, a
// service), a flag's ~ is told to be given as a whole path, where it was
// told to write --log=$HOME/x.csv, which the shell reads as --log=/x.csv.
func TestTildeWithoutHOME(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no shell expands ~ there")
	}
	t.Setenv("HOME", "")
	for _, c := range []struct {
		path string
		w    Where
		want string
	}{
		{"~/x.csv", Where{Flag: "log", Eq: true, Example: "run.csv"},
			"--log=~/x.csv: the shell expands a ~ only at a word's start, not after --log=, and there is no directory ~ here; $HOME is not set here, so $HOME/… would name a file in /, not in a home directory: give the file's whole path"},
		{"~/x.csv", Where{Flag: "log", Example: "run.csv"},
			`--log: '~/x.csv' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~ here; $HOME is not set here, so $HOME/… would name a file in /, not in a home directory: give the file's whole path`},
		{"~/", Where{Flag: "save", Example: "run.ckpt"},
			`--save: '~/' begins with a ~ the shell did not expand (it was in quotes, or a variable's value), and there is no directory ~ here; $HOME is not set here, so $HOME/… would name a file in /, not in a home directory: give the file's whole path`},
	} {
		tl, ok := TildeLeft(t.TempDir(), c.path)
		if !ok {
			t.Fatalf("TildeLeft(%q) not left", c.path)
		}
		if got := say(tl, c.w); got != c.want {
			t.Errorf("%q, %+v:\n%s\nwant\n%s", c.path, c.w, got, c.want)
		}
	}
}

// FuzzTildeLeft: a name left is "~"+User+Rest, its User a login name
// (or ""), its Rest "" or begun with a /; and Say, of any, names it as a
// shell reads it back, ~/' ' for "~/ ".
func FuzzTildeLeft(f *testing.F) {
	for _, s := range []string{"~", "~/", "~/d.csv", "~root/x", "~nosuchuser/x", "~a b/x", "~-x", "~é/x", "x~/y", "~~/x", "~.", "~root"} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, path string) {
		tl, ok := TildeLeft(dir, path)
		if !ok {
			if tl != (Tilde{}) {
				t.Fatalf("%q not left, yet %+v", path, tl)
			}
			return
		}
		if runtime.GOOS == "windows" {
			t.Fatalf("%q left on Windows", path)
		}
		if "~"+tl.User+tl.Rest != path {
			t.Fatalf("%q left as %+v", path, tl)
		}
		if strings.Contains(tl.User, "/") || !loginName(tl.User) || tl.User == "." || tl.User == ".." || strings.HasPrefix(tl.User, "-") {
			t.Fatalf("%q left with user %q", path, tl.User)
		}
		if tl.Rest != "" && !strings.HasPrefix(tl.Rest, "/") {
			t.Fatalf("%q left with rest %q", path, tl.Rest)
		}
		if tl.User == "" { // Say of a named user looks them up; the rule is what is fuzzed
			// The name as a shell reads it back after --log=, where it
			// expands no ~: the ~ as given, the rest a shell's word.
			word := path
			if rest := strings.TrimPrefix(tl.Rest, "/"); rest != "" {
				word = "~/" + shellword.Quote(rest)
			}
			msg := tl.Say(Where{Flag: "log", Eq: true, Example: "run.csv"})
			if !strings.HasPrefix(msg, "--log="+word+": ") {
				t.Fatalf("%q: %s, want it to begin --log=%s: ", path, msg, word)
			}
		}
	})
}

// say is tl's message for a flag's name given w, or, w Where{}, for a
// points(FILE.csv) target's (SayInWord).
func say(tl Tilde, w Where) string {
	if w == (Where{}) {
		return tl.SayInWord("d.csv", func(p string) string { return "points(" + p + ")" })
	}
	return tl.Say(w)
}
