package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// docsFiles returns the Markdown files of docs/, the reference the README's
// guide sends a reader on to (every key of a preset file, the measurements
// behind its claims, the code's layout).
func docsFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("docs/ holds no .md file")
	}
	return files
}

// guideFiles returns README.md and then each of docsFiles, by name, for the
// tests that hold what the guide says to what ganui does and name the file
// a failure quotes.
func guideFiles(t *testing.T) []string {
	t.Helper()
	return append([]string{"README.md"}, docsFiles(t)...)
}

// guideText returns README.md and then each of docsFiles, one text, for the
// tests that hold whatever the guide says, wherever it says it, to what ganui
// does: each file ends with its fenced blocks closed, so a block never runs on
// into the next file.
func guideText(t *testing.T) string {
	t.Helper()
	var text strings.Builder
	for _, file := range guideFiles(t) {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text.Write(b)
		text.WriteString("\n")
	}
	return text.String()
}

// TestDocsContentsListsEverySection: each file of docs/ opens with a title, a
// paragraph and a list that links to each of its ## and ### sections in their
// order, as the README's contents list does, so that a section added or
// renamed is found from the top.
func TestDocsContentsListsEverySection(t *testing.T) {
	item := regexp.MustCompile(`^ *- \[[^\]]*\]\(#([^)]*)\)$`)
	for _, file := range docsFiles(t) {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(text), "# ") {
			t.Errorf("%s does not open with a # title", file)
		}
		var listed []string
		for line := range strings.Lines(string(text)) {
			line = strings.TrimRight(line, "\n")
			if strings.HasPrefix(line, "## ") {
				break
			}
			if m := item.FindStringSubmatch(line); m != nil {
				listed = append(listed, m[1])
			}
		}
		sections := sectionAnchors(string(text), 2, 3)
		if strings.Join(listed, "\n") != strings.Join(sections, "\n") {
			t.Errorf("%s's contents link to\n%s\nwhere its sections are\n%s", file, strings.Join(listed, "\n"), strings.Join(sections, "\n"))
		}
	}
}
