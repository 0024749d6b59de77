package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestHelpAndPresetsLeaveNoWordAlone: --list-presets and --help, written
// at 60, 70 and 80 columns, end no paragraph (a preset's description,
// source, G, D or outline line; a flag's description; a paragraph of
// --help's footer) on a line holding one word: they wrap as the trainer's
// screen does (textwrap.Wrap), the line above giving the last a word of
// company, where cliflag.Wrap had no such rule.
func TestHelpAndPresetsLeaveNoWordAlone(t *testing.T) {
	defer func(c int) { columns = c }(columns)
	for _, w := range []int{60, 70, 80} {
		columns = w
		_, presets, _ := runCLI(t, "--list-presets")
		for _, lone := range loneCLIEnds(presets, presetParagraphs(presets)) {
			t.Errorf("--list-presets at %d columns ends a paragraph on a word alone:\n%s", w, lone)
		}
		_, help, _ := runCLI(t, "--help")
		for _, lone := range loneCLIEnds(help, helpParagraphs(help)) {
			t.Errorf("--help at %d columns ends a paragraph on a word alone:\n%s", w, lone)
		}
	}
}

// loneCLIEnds is each paragraph of text (a first line's index and its end,
// from paragraphs) of two lines or more whose last line holds one word,
// with the line above it.
func loneCLIEnds(text string, paragraphs [][2]int) []string {
	lines := strings.Split(text, "\n")
	var lone []string
	for _, p := range paragraphs {
		if last := p[1] - 1; last > p[0] && len(strings.Fields(lines[last])) == 1 {
			lone = append(lone, fmt.Sprintf("%s\n%s", lines[last-1], lines[last]))
		}
	}
	return lone
}

// presetParagraphs are --list-presets' paragraphs: under a preset's name
// (a line not indented), its description at two columns, then each line
// at two columns a paragraph of its own ("source:", "G", "D" and the
// outline's), each going on further in.
func presetParagraphs(text string) [][2]int {
	lines := strings.Split(text, "\n")
	var ps [][2]int
	description := false
	for i, l := range lines {
		indent := len(l) - len(strings.TrimLeft(l, " "))
		switch {
		case strings.TrimSpace(l) == "":
			description = false
		case indent == 0:
			description = true
		case indent == 2 && (!description || strings.HasPrefix(l, "  source: ")):
			description = false
			ps = append(ps, [2]int{i, i + 1})
		case indent == 2 && len(ps) > 0 && ps[len(ps)-1][1] == i && i > 0 && len(lines[i-1])-len(strings.TrimLeft(lines[i-1], " ")) == 2 || indent > 2:
			ps[len(ps)-1][1] = i + 1
		default: // the description's first line
			ps = append(ps, [2]int{i, i + 1})
		}
	}
	return ps
}

// helpParagraphs are --help's paragraphs: a flag's description, the lines
// under its name indented with a tab, and the footer's, between blank
// lines.
func helpParagraphs(text string) [][2]int {
	lines := strings.Split(text, "\n")
	var ps [][2]int
	inFooter := false
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "    \t"):
			if len(ps) > 0 && ps[len(ps)-1][1] == i && strings.HasPrefix(lines[i-1], "    \t") {
				ps[len(ps)-1][1] = i + 1
			} else {
				ps = append(ps, [2]int{i, i + 1})
			}
		case strings.HasPrefix(l, "A flag takes one dash"):
			inFooter = true
			ps = append(ps, [2]int{i, i + 1})
		case inFooter && strings.TrimSpace(l) == "":
			ps = append(ps, [2]int{i + 1, i + 1})
		case inFooter:
			ps[len(ps)-1][1] = i + 1
		}
	}
	return ps
}
