package main

import (
	"fmt"
	"strconv"
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
	for _, w := range []int{60, 70, 80} {
		t.Setenv("COLUMNS", strconv.Itoa(w))
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

// TestWrapWidth: --help and --list-presets are written to the width of
// the terminal standard output is, where it is one, else to COLUMNS, where
// that is a whole number, else to 80 columns, so that a pipe or a file
// reads alike whatever terminal it came from; either held to 60 to 100
// columns, a paragraph's readable width.
func TestWrapWidth(t *testing.T) {
	for _, c := range []struct {
		tty  int
		env  string
		want int
	}{
		{70, "", 70},    // a terminal's width
		{70, "90", 70},  // the terminal's over COLUMNS
		{200, "", 100},  // a wide terminal: paragraphs stay readable
		{40, "", 60},    // a narrow one
		{0, "70", 70},   // no terminal: COLUMNS
		{0, "120", 100}, // COLUMNS held as a terminal's width is
		{0, "20", 60},
		{0, "", 80},     // neither: 80
		{0, "wide", 80}, // a COLUMNS that is no whole number
		{0, "0", 80},
		{0, "-70", 80},
		{0, " 70", 80},
		{0, "70.5", 80},
	} {
		if got := wrapWidth(c.tty, c.env); got != c.want {
			t.Errorf("wrapWidth(%d, %q) = %d, want %d", c.tty, c.env, got, c.want)
		}
	}
}
