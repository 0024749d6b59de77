package main

import (
	"go/build"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
)

// TestREADMELayoutIsTheImports: the picture under "The packages" of
// docs/code.md, where the README's "How the code is laid out" sends a reader of
// the source, gives each package of the module a line, with the module's packages
// it imports, and every package imports only packages on the lines below its
// own, as the picture says (presets' import of internal/numtext, and
// internal/inputfile's line, among them); and the README's short list of the
// packages names each one.
func TestREADMELayoutIsTheImports(t *testing.T) {
	code, err := os.ReadFile("docs/code.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(code), "## The packages\n\n```\n")
	picture, _, closed := strings.Cut(after, "\n\n")
	if !ok || !closed {
		t.Fatal("docs/code.md has no picture under The packages")
	}
	var order []string             // the packages, top line first
	drawn := map[string][]string{} // what the picture says each imports
	for line := range strings.Lines(picture) {
		text := line // a line of its own, or one that goes on the line above
		if name, rest, ok := strings.Cut(line, "──>"); ok {
			order = append(order, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "(package main)")))
			text = rest
		} else if len(order) == 0 {
			continue
		}
		text = strings.TrimPrefix(strings.TrimSpace(text), "- ->") // types only: an import still
		last := order[len(order)-1]
		for _, item := range strings.Split(text, ",") {
			drawn[last] = append(drawn[last], strings.TrimSpace(item))
		}
	}
	const module = "github.com/ganui/ganui"
	dirs := map[string]string{"ganui": "."}
	for _, name := range order[1:] {
		dirs[name] = name
	}
	for i, name := range order {
		pkg, err := build.ImportDir(dirs[name], 0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var imports []string
		for _, p := range pkg.Imports {
			if rest, ok := strings.CutPrefix(p, module+"/"); ok {
				imports = append(imports, rest)
			}
		}
		for _, p := range imports {
			if !slices.Contains(drawn[name], p) {
				t.Errorf("%s imports %s, which its line in the picture leaves out", name, p)
			}
			if !slices.Contains(order[i+1:], p) {
				t.Errorf("%s imports %s, which has no line below its own", name, p)
			}
		}
		for _, p := range drawn[name] {
			if _, ours := dirs[p]; ours && !slices.Contains(imports, p) {
				t.Errorf("the picture has %s import %s, which it does not", name, p)
			}
		}
	}
	// The README's list of the packages, the picture's short version, names
	// each package of it.
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## How the code is laid out\n")
	section, _, _ = strings.Cut(section, "\n## ")
	if !ok {
		t.Fatal("README.md has no How the code is laid out")
	}
	for _, name := range order {
		if !strings.Contains(section, "`"+path.Base(name)+"`") {
			t.Errorf("the README's How the code is laid out does not name %s, which docs/code.md's picture has", name)
		}
	}
}
