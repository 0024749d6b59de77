package main

import (
	"go/scanner"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestREADMEPresetTableIsTheList: the README's table of presets has a row for
// each built-in preset, in --list-presets' order, with the description
// --list-presets gives and a link to its source's section in
// presets/SOURCES.md, as the guide promises that each preset cites one.
func TestREADMEPresetTableIsTheList(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "| preset | what it is | source |\n| --- | --- | --- |\n")
	table, _, _ := strings.Cut(after, "\n\n")
	if !ok {
		t.Fatal("README.md has no table of presets with their sources")
	}
	rows := strings.Split(strings.TrimSpace(table), "\n")
	all := presets.All()
	if len(rows) != len(all) {
		t.Errorf("the README's preset table has %d rows, --list-presets %d presets", len(rows), len(all))
	}
	for i, c := range all {
		if i >= len(rows) {
			break
		}
		cells := strings.Split(strings.Trim(rows[i], "| "), " | ")
		if len(cells) != 3 {
			t.Errorf("row %d is not three cells: %q", i+1, rows[i])
			continue
		}
		if cells[0] != "`"+c.Name+"`" || cells[1] != numtext.Plain(c.Description) {
			t.Errorf("row %d is %s: %q, want --list-presets' %s: %q", i+1, cells[0], cells[1], c.Name, c.Description)
		}
		if !strings.Contains(cells[2], "](presets/SOURCES.md#") {
			t.Errorf("%s's source %q links to no section of presets/SOURCES.md", c.Name, cells[2])
		}
	}
}

// TestREADMELinksResolve: every relative link of the guide, the reference
// of docs/ it sends a reader on to, its measurements and the presets' sources
// names a file that is there and, after a #, a heading of it, as GitHub makes
// a heading's anchor (a link to bench/README.md's "1. The limit (earlier
// rounds)" among them, and docs/measured.md's to ../README.md#events).
func TestREADMELinksResolve(t *testing.T) {
	for _, doc := range append([]string{"README.md", "bench/README.md", "presets/SOURCES.md"}, docsFiles(t)...) {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, broken := range brokenLinks(t, doc, string(text)) {
			t.Error(broken)
		}
	}
}

// brokenLinks says of each relative link of doc's text that names no file
// that is there, or after a # no heading of it, what is wrong, in the order
// the links come: a link broken the same way n times is said once, "(n
// times)" after it, so that a heading renamed under a dozen links reads as
// one thing to mend, not a screenful of the same line.
func brokenLinks(t *testing.T, doc, text string) []string {
	t.Helper()
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	var said []string
	times := map[string]int{}
	say := func(broken string) {
		if times[broken] == 0 {
			said = append(said, broken)
		}
		times[broken]++
	}
	for _, m := range link.FindAllStringSubmatch(text, -1) {
		target := m[1]
		if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
			continue
		}
		path, frag, _ := strings.Cut(target, "#")
		file := doc
		if path != "" {
			file = filepath.Join(filepath.Dir(doc), path)
		}
		if _, err := os.Stat(file); err != nil {
			say(doc + " links to " + target + ", which is not there")
			continue
		}
		if frag == "" {
			continue
		}
		anchors, err := headingAnchors(file)
		if err != nil {
			t.Fatal(err)
		}
		if !anchors[frag] {
			say(doc + " links to " + target + ": " + file + " has no heading of that anchor")
		}
	}
	for i, broken := range said {
		if n := times[broken]; n > 1 {
			said[i] = broken + " (" + strconv.Itoa(n) + " times)"
		}
	}
	return said
}

// TestBrokenLinksSaidOnce: a link broken the same way in three places is
// said once with its count, beside a link broken otherwise, said once
// alone; TestREADMELinksResolve had said a renamed heading's link once for
// every place that links to it.
func TestBrokenLinksSaidOnce(t *testing.T) {
	dir := t.TempDir()
	doc, other := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	if err := os.WriteFile(other, []byte("# B\n\n## Here\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	text := "[one](b.md#gone), [here](b.md#here), [two](b.md#gone)\n[none](c.md) [three](b.md#gone)\n"
	got := brokenLinks(t, doc, text)
	want := []string{
		doc + " links to b.md#gone: " + other + " has no heading of that anchor (3 times)",
		doc + " links to c.md, which is not there",
	}
	if !slices.Equal(got, want) {
		t.Errorf("brokenLinks says\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// headingAnchors returns the anchors GitHub gives the headings of a
// Markdown file, a repeated anchor numbered -1, -2, ….
func headingAnchors(file string) (map[string]bool, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	anchors, seen := map[string]bool{}, map[string]int{}
	for _, a := range sectionAnchors(string(text), 1, 6) {
		if n := seen[a]; n > 0 {
			anchors[a+"-"+strconv.Itoa(n)] = true
		} else {
			anchors[a] = true
		}
		seen[a]++
	}
	return anchors, nil
}

// sectionAnchors returns, in their order, the anchors of the headings of
// levels lowest to highest (## is 2) of a Markdown text, as GitHub makes
// them before it numbers a repeated one: the text lowercased, what is
// neither a letter, a digit, a space, - nor _ dropped, spaces made
// dashes; headings in fenced code are none.
func sectionAnchors(text string, lowest, highest int) []string {
	drop := regexp.MustCompile(`[^\p{L}\p{N}\p{M} _-]`)
	heading := regexp.MustCompile(`^(#{1,6}) +(.*?) *#* *$`)
	var anchors []string
	fenced := false
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		m := heading.FindStringSubmatch(line)
		if fenced || m == nil || len(m[1]) < lowest || len(m[1]) > highest {
			continue
		}
		anchors = append(anchors, strings.ReplaceAll(drop.ReplaceAllString(strings.ToLower(m[2]), ""), " ", "-"))
	}
	return anchors
}

// TestREADMEQuickStartGivesTheKeys: the Quick start, before "The screen", has a
// table of the keys that section's reader needs — space to pause, n to step
// (its captures are runs stepped with n), ? for the explanations it points to
// and q to quit — and each key it gives is one the Keys table lists, so that
// the guide does not describe the screen before any key but space, ? and q in
// passing, the keys coming after.
func TestREADMEQuickStartGivesTheKeys(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, quick, ok := strings.Cut(string(readme), "## Quick start\n")
	quick, _, _ = strings.Cut(quick, "\n## ")
	_, keys, ok2 := strings.Cut(string(readme), "## Keys\n\n| key | action |\n| --- | --- |\n")
	keys, _, _ = strings.Cut(keys, "\n\n")
	if !ok || !ok2 {
		t.Fatal("README.md has no Quick start, or no Keys table")
	}
	// firstCells are the keys in backquotes in the first cell of each
	// row of a table's body.
	firstCells := func(table string) map[string]bool {
		out := map[string]bool{}
		for row := range strings.Lines(table) {
			if !strings.HasPrefix(row, "| ") || strings.HasPrefix(row, "| ---") {
				continue
			}
			first, _, _ := strings.Cut(strings.TrimPrefix(row, "| "), " |")
			for _, m := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(first, -1) {
				out[m[1]] = true
			}
		}
		return out
	}
	_, table, ok := strings.Cut(quick, "| key | what it does |\n| --- | --- |\n")
	table, _, _ = strings.Cut(table, "\n\n")
	if !ok {
		t.Fatal("the Quick start has no table of keys")
	}
	given, listed := firstCells(table), firstCells(keys)
	for _, k := range []string{"space", "n", "?", "q"} {
		if !given[k] {
			t.Errorf("the Quick start's keys leave out %s", k)
		}
	}
	for k := range given {
		if !listed[k] {
			t.Errorf("the Quick start gives %s, which the Keys table does not list", k)
		}
	}
}

// TestREADMENamesEveryKind: the kinds the README lists for a headless run's
// finding lines are the diagnosis's, collapsed and plateau among them, and its
// table of events has a row for each kind of event.
func TestREADMENamesEveryKind(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, list, ok := strings.Cut(string(readme), "(`kind` is ")
	list, _, _ = strings.Cut(list, ")")
	if !ok {
		t.Fatal("README.md does not list the finding lines' kinds")
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("`([a-z-]+)`").FindAllStringSubmatch(list, -1) {
		listed[m[1]] = true
	}
	for k := session.FindingKind(0); !strings.HasPrefix(k.String(), "FindingKind("); k++ {
		if !listed[k.String()] {
			t.Errorf("the README's finding kinds leave out %s", k)
		}
		delete(listed, k.String())
	}
	for name := range listed {
		t.Errorf("the README's finding kinds name %s, which is no kind", name)
	}

	_, table, ok := strings.Cut(string(readme), "| kind | when |\n| --- | --- |\n")
	table, _, _ = strings.Cut(table, "\n\n")
	if !ok {
		t.Fatal("README.md has no table of events")
	}
	rows := map[string]bool{}
	for row := range strings.Lines(table) {
		first, _, _ := strings.Cut(strings.TrimPrefix(row, "| "), " |")
		for _, m := range regexp.MustCompile("`([a-z-]+)`").FindAllStringSubmatch(first, -1) {
			rows[m[1]] = true
		}
	}
	for k := session.EventKind(0); !strings.HasPrefix(k.String(), "EventKind("); k++ {
		if !rows[k.String()] {
			t.Errorf("the README's table of events has no row for %s", k)
		}
	}
}

// TestREADMEPlaneTargetsAreTheEnginesSpecs: the README's table of 2-D targets,
// and the one of docs/two-dimensional-targets.md that gives every rule of a
// points file, write each kind's spec as the engine's errors and the ? glossary
// write it (engine.KindSpec), and have a row for the kind of every built-in 2-D
// preset: ring(modes,radius,std), as an error for the same target says, not
// ring(k,r,σ).
func TestREADMEPlaneTargetsAreTheEnginesSpecs(t *testing.T) {
	for _, file := range []string{"README.md", "docs/two-dimensional-targets.md"} {
		readme, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, after, ok := strings.Cut(string(readme), "| spec | what it is |\n| --- | --- |\n")
		table, _, _ := strings.Cut(after, "\n\n")
		if !ok {
			t.Fatalf("%s has no table of 2-D target specs", file)
		}
		rows := map[string]bool{}
		for row := range strings.Lines(table) {
			first, _, _ := strings.Cut(strings.TrimPrefix(row, "| "), " |")
			spec := strings.Trim(first, "`")
			name, _, _ := strings.Cut(spec, "(")
			if want, ok := engine.KindSpec(name); !ok || spec != want || engine.TargetDim(spec) != 2 {
				t.Errorf("%s's 2-D target %s: the engine writes %q (a kind: %v, 2-D: %v)", file, first, want, ok, engine.TargetDim(spec) == 2)
			}
			rows[name] = true
		}
		for _, c := range presets.All() {
			if name, _, _ := strings.Cut(c.Target, "("); engine.TargetDim(c.Target) == 2 && !rows[name] {
				t.Errorf("%s's table of 2-D targets has no row for %s, %s's target", file, name, c.Name)
			}
		}
	}
}

// TestREADMETargetRowIsTheEnginesSpecs: the target row of the README's table of
// preset fields, where an unknown kind's error sends the user ("README.md lists
// them under Preset files"), writes each 1-D kind's spec as the engine's errors
// write it (engine.KindSpec), then names the 2-D kinds, kind(…), whose specs
// the table of 2-D targets writes out
// (TestREADMEPlaneTargetsAreTheEnginesSpecs); it names the kind of every
// built-in preset's target: mixture(mean,std;mean,std;…), as an error for the
// same target says, not mixture(m1,s1;m2,s2;…).
func TestREADMETargetRowIsTheEnginesSpecs(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "\n| `target` | string | ")
	cell, _, _ := strings.Cut(after, " | ")
	oneD, twoD, split := strings.Cut(cell, "; in two dimensions ")
	if !ok || !split {
		t.Fatal("README.md has no target row naming 1-D and 2-D kinds under Preset files")
	}
	quoted := regexp.MustCompile("`([^`]*)`")
	rows := map[string]bool{}
	for dim, part := range map[int]string{1: oneD, 2: twoD} {
		for _, m := range quoted.FindAllStringSubmatch(part, -1) {
			spec := m[1]
			name, _, _ := strings.Cut(spec, "(")
			want, ok := engine.KindSpec(name)
			if !ok || engine.TargetDim(want) != dim || spec != want && !(dim == 2 && spec == name+"(…)") {
				t.Errorf("the README's target row writes %s among the %d-D kinds; the engine writes %q (a kind: %v, %d-D)", spec, dim, want, ok, engine.TargetDim(want))
			}
			rows[name] = true
		}
	}
	for _, c := range presets.All() {
		if name, _, _ := strings.Cut(c.Target, "("); !rows[name] {
			t.Errorf("the README's target row does not name %s, %s's target", name, c.Name)
		}
	}
}

// TestREADMEFindingBeforeItsEvent: the README's run that ends on a finding
// first seen at its last check prints what the README quotes, the finding and
// no event (a start counts at the second check in a row that sees it), its line
// saying so in its pending field, and ten epochs more print the event at the
// next check and a finding line with no pending field. Without the pending
// field a run ending so would read as a finding the events had lost, and a
// script reading the lines could not tell the two apart.
func TestREADMEFindingBeforeItsEvent(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const cmd = "$ ganui --headless --preset vanilla --set d_lr=2e-3 --epochs 250 --every 0"
	_, block, ok := strings.Cut(string(readme), cmd+"\n")
	if !ok {
		t.Fatalf("README.md does not quote %q", cmd)
	}
	block, _, _ = strings.Cut(block, "```")
	want := strings.Split(strings.TrimSpace(block), "\n")
	code, stdout, stderr := runCLI(t, strings.Fields(cmd)[2:]...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(got) != len(want) {
		t.Fatalf("%s printed %d lines, the README quotes %d:\n%s", cmd, len(got), len(want), stdout)
	}
	for i, w := range want {
		parts := strings.Split(w, "…")
		for j := range parts {
			parts[j] = regexp.QuoteMeta(parts[j])
		}
		if !regexp.MustCompile("^" + strings.Join(parts, ".*") + "$").MatchString(got[i]) {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, got[i], w)
		}
	}
	args := slices.Clone(strings.Fields(cmd)[2:])
	args[slices.Index(args, "250")] = "260"
	_, stdout, _ = runCLI(t, args...)
	if !strings.HasPrefix(stdout, "event epoch=260 kind=d-wins ") {
		t.Errorf("--epochs 260 does not start with its d-wins event:\n%s", stdout)
	}
	if !strings.Contains(stdout, "\nfinding kind=d-wins ") || strings.Contains(stdout, " pending=") {
		t.Errorf("--epochs 260 does not end on a d-wins finding its event has, with no pending field:\n%s", stdout)
	}
}

// TestREADMEDiagnosisTableIsTheFindings: each row of the two tables of the
// diagnosis, the README's (what a line means and what to do) and
// docs/diagnosis.md's (its condition in full), gives a finding's kind, each
// kind has a row in each, the events a row names are events, and the line a
// row quotes is in the finding's words: each of its clauses (between ": ",
// "; " and "…") is in a clause of a text the session writes
// (findingClauses), where what the code fills in stands for the guide's N, M,
// KS or "ln 2 each, what D(x) = ½ gives on every sample". The tables are not
// kept true by hand alone.
func TestREADMEDiagnosisTableIsTheFindings(t *testing.T) {
	var events []string
	for k := session.EventKind(0); !strings.HasPrefix(k.String(), "EventKind("); k++ {
		events = append(events, k.String())
	}
	said := findingClauses(t)
	for _, doc := range []struct{ file, head string }{
		{"README.md", "| line | kind | what it means, what to do |\n| --- | --- | --- |\n"},
		{"docs/diagnosis.md", "| line | kind | condition |\n| --- | --- | --- |\n"},
	} {
		diagnosisTableIsTheFindings(t, doc.file, doc.head, events, said)
	}
}

// diagnosisTableIsTheFindings checks the table of the diagnosis under head
// in file, as TestREADMEDiagnosisTableIsTheFindings says.
func diagnosisTableIsTheFindings(t *testing.T, file, head string, events, said []string) {
	t.Helper()
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(text), head)
	table, _, _ = strings.Cut(table, "\n\n")
	if !ok {
		t.Errorf("%s has no table of the diagnosis with its kinds, %q", file, strings.TrimSpace(head))
		return
	}
	rows := map[string]bool{} // each finding kind, and whether a row gives it
	for k := session.FindingKind(0); !strings.HasPrefix(k.String(), "FindingKind("); k++ {
		rows[k.String()] = false
	}
	row := regexp.MustCompile("^\\| `[!✓✗] (.+)` \\| `([a-z-]+)` \\| (.+) \\|$")
	for r := range strings.Lines(table) {
		m := row.FindStringSubmatch(strings.TrimSuffix(r, "\n"))
		if m == nil {
			t.Errorf("%s: a row that is no line, kind and condition: %.80s", file, r)
			continue
		}
		line, kind, condition := m[1], m[2], m[3]
		if _, ok := rows[kind]; !ok {
			t.Errorf("%s: %q: kind %s is no finding's", file, line, kind)
		}
		rows[kind] = true
		for _, e := range regexp.MustCompile("`([a-z-]+)` event").FindAllStringSubmatch(condition, -1) {
			if !slices.Contains(events, e[1]) {
				t.Errorf("%s: %q: names the %s event, which is no event", file, line, e[1])
			}
		}
		for _, c := range clauses(line) {
			if !slices.ContainsFunc(said, func(s string) bool { return saysClause(s, c) }) {
				t.Errorf("%s: %q: the session writes no %q", file, line, c)
			}
		}
	}
	for kind, given := range rows {
		if !given {
			t.Errorf("%s's diagnosis table has no row of kind %s", file, kind)
		}
	}
}

// clauses splits a finding's text at ": ", "; " and "…", each clause
// without the spaces and commas about it.
func clauses(text string) []string {
	var out []string
	for _, c := range regexp.MustCompile(`: |; |…`).Split(text, -1) {
		if c = strings.Trim(c, " ,"); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// findingClauses are the clauses of the strings the session package
// writes, with \x00 where the code fills something in: a verb (%d, %s)
// or a value added with + before or after the literal (stuckText +
// ", yet …", "… equilibrium (" + w.where() + ")"). A clause of fewer
// than two words beside those is left out, as saying nothing.
func findingClauses(t *testing.T) []string {
	files, err := filepath.Glob("session/*.go")
	if err != nil {
		t.Fatal(err)
	}
	verb := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)
	var out []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var s scanner.Scanner
		s.Init(token.NewFileSet().AddFile(name, -1, len(src)), src, nil, 0)
		type lexeme struct {
			tok token.Token
			lit string
		}
		var toks []lexeme
		for _, tok, lit := s.Scan(); tok != token.EOF; _, tok, lit = s.Scan() {
			toks = append(toks, lexeme{tok, lit})
		}
		for i, l := range toks {
			text, err := strconv.Unquote(l.lit)
			if l.tok != token.STRING || err != nil || !utf8.ValidString(text) {
				continue
			}
			text = verb.ReplaceAllString(text, "\x00")
			if i > 0 && toks[i-1].tok == token.ADD {
				text = "\x00" + text
			}
			if i+1 < len(toks) && toks[i+1].tok == token.ADD {
				text += "\x00"
			}
			for _, c := range clauses(text) {
				if len(strings.Fields(strings.ReplaceAll(c, "\x00", " "))) >= 2 {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// saysClause tells whether c is said by the session's clause s: a part
// of it, or all of it with s's gaps filled in.
func saysClause(s, c string) bool {
	if strings.Contains(s, c) {
		return true
	}
	parts := strings.Split(s, "\x00")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".+") + "$").MatchString(c)
}

// TestREADMEQuotesTheVersionsBuildLine: the build lines the README quotes as
// --version's, the default build's and a SIMD build's on AVX-512, are those
// --version prints, so that the guide does not say the default build's
// --version names its kernels `go`, a word its line does not hold ("build:
// default, portable Go kernels").
func TestREADMEQuotesTheVersionsBuildLine(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ") // a quote may wrap
	for _, isa := range []string{"go", "avx512"} {
		out := strings.TrimSuffix(versionText(&debug.BuildInfo{}, true, "go1.26.8", isa), "\n")
		line := out[strings.LastIndex(out, "\n")+1:]
		if !strings.Contains(text, "`"+line+"`") {
			t.Errorf("the README does not quote --version's build line on the %s kernels, `%s`", isa, line)
		}
	}
}

// TestREADMEQuotesThePointsFileErrors: the errors docs/two-dimensional-targets.md,
// the README's reference for a points file, quotes for one separated by
// semicolons, saved as UTF-16 or opening on a line of text are those ganui
// gives, whole: the UTF-16 one with its last word, "save the file as UTF-8".
func TestREADMEQuotesThePointsFileErrors(t *testing.T) {
	readme, err := os.ReadFile("docs/two-dimensional-targets.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(readme)), " ") // a quote may wrap
	utf16 := []byte{0xff, 0xfe}                               // "1,2\n3,4\n" in UTF-16, little-endian
	for _, r := range "1,2\n3,4\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	dir := t.TempDir()
	for name, content := range map[string][]byte{
		"semicolons.csv": []byte("1;2\n3;4\n"),
		"utf16.csv":      utf16,
		"text.csv":       []byte("x y coordinates of the ring\n1,2\n3,4\n"),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runCLI(t, "--show-preset", "ring", "--set", "target=points("+path+")")
		_, said, ok := strings.Cut(strings.TrimSpace(stderr), path+`)": `)
		if code != 2 || !ok {
			t.Fatalf("%s: exit %d, %q; want exit 2 and the file's error", name, code, stderr)
		}
		if !strings.Contains(text, "`"+said+"`") {
			t.Errorf("docs/two-dimensional-targets.md does not quote the error of %s whole, `%s`", name, said)
		}
	}
}

// TestREADMECitesTestsThatExist: every test, fuzz target and benchmark
// the guide and its docs/ name (`TestFrontEndsAgree`, `FuzzLogEnd`, `-bench
// SeedsJobs`) is a function of a _test.go file in the module, so that a
// reader who runs it with -run, -fuzz or -bench finds it, and a test
// renamed or removed takes the guide's word for it along.
func TestREADMECitesTestsThatExist(t *testing.T) {
	readme := []byte(guideText(t))
	defined := map[string]bool{}
	funcName := regexp.MustCompile(`(?m)^func ((?:Test|Fuzz|Benchmark)[A-Za-z0-9_]*)\(`)
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		for _, m := range funcName.FindAllStringSubmatch(string(src), -1) {
			defined[m[1]] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cited := regexp.MustCompile(`\b(?:Test|Fuzz|Benchmark)[A-Z][A-Za-z0-9_]*`)
	// -bench takes a name without its Benchmark prefix.
	bench := regexp.MustCompile(`-bench '?([A-Z][A-Za-z0-9_]*)'?`)
	for _, name := range cited.FindAllString(string(readme), -1) {
		if !defined[name] {
			t.Errorf("the README or docs/ cites %s, which no _test.go file defines", name)
		}
	}
	for _, m := range bench.FindAllStringSubmatch(string(readme), -1) {
		if !defined["Benchmark"+m[1]] {
			t.Errorf("the README or docs/ runs -bench %s, which no _test.go file defines as Benchmark%s", m[1], m[1])
		}
	}
}

// TestREADMECommandsAreAccepted: every ganui command the code blocks of the
// guide and its docs/ give (`ganui …`, `$ ganui …`, `go run . …`, `time ganui …`)
// is one ganui takes: its flags and values parse, their combination is
// allowed and the design resolves, run in a directory where the files
// the blocks write before it are there (`--show-preset … > wide.json`
// then `--preset wide.json`). A checkpoint's resume is left out: its
// file would take a trained run to write. The command is only parsed,
// not trained.
func TestREADMECommandsAreAccepted(t *testing.T) {
	// Each line of the guide, with the file it is in.
	type guideLine struct{ file, text string }
	var lines []guideLine
	for _, file := range guideFiles(t) {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(text)) {
			lines = append(lines, guideLine{file, line})
		}
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("docs", 0o755); err != nil {
		t.Fatal(err)
	}
	// my.csv: the guide's "your own 2-D data".
	if err := os.WriteFile("my.csv", []byte("x,y\n0,0\n1,0\n0,1\n1,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	prefixes := []string{"$ ganui ", "ganui ", "go run . ", "time ganui ", "/usr/bin/time -v ganui "}
	var commands int
	fenced := false
	for _, in := range lines {
		line := strings.TrimRight(in.text, "\n")
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			continue
		}
		var rest string
		for _, p := range prefixes {
			if r, ok := strings.CutPrefix(line, p); ok {
				rest = r
				break
			}
		}
		if rest == "" {
			continue
		}
		args, stdout := shellWords(t, rest)
		if slices.Contains(args, "--resume") {
			continue
		}
		commands++
		out := io.Discard
		if stdout != "" {
			f, err := os.Create(stdout)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			out = f
		}
		if slices.Contains(args, "--show-preset") {
			var stderr strings.Builder
			if code := run(args, out, &stderr); code != 0 {
				t.Errorf("%s: %s: exit %d: %s", in.file, line, code, stderr.String())
			}
			continue
		}
		if _, err := parseFlags(args, io.Discard); err != nil {
			t.Errorf("%s: %s: %v", in.file, line, err)
		}
	}
	t.Logf("%d commands", commands)
	if commands < 20 {
		t.Errorf("the code blocks of the README and docs/ gave %d ganui commands, want 20 or more: are they still read?", commands)
	}
}

// shellWords splits a command of the guide as a shell does the part of
// it that matters here: words apart at spaces, '…' and "…" quoting, a #
// starting a comment, and a > redirecting standard output to the file
// it returns.
func shellWords(t *testing.T, line string) (args []string, stdout string) {
	t.Helper()
	var words []string
	var word strings.Builder
	inWord, quote := false, rune(0)
words:
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == '#' && !inWord:
			break words
		case r == ' ':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		t.Fatalf("the guide's %s: a quote not closed", line)
	}
	if inWord {
		words = append(words, word.String())
	}
	for i := 0; i < len(words); i++ {
		if words[i] == ">" && i+1 < len(words) {
			return append(words[:i], words[i+2:]...), words[i+1]
		}
	}
	return words, ""
}

// TestREADMEHeadlessRunsPrintWhatItQuotes: each single headless run the
// guide and its docs/ show with its output (`$ ganui --headless …` and the
// lines under it) prints those lines, a "…" in a line standing for any text
// and a line of "…" alone for any lines; a run quoted alike in the README
// and in docs/command-line.md, which gives its section in full, is trained
// once. The batches (--seeds, --sweep) train too long for a test and are
// left out. The outputs are the portable kernels' runs, as the screens'
// captures are.
func TestREADMEHeadlessRunsPrintWhatItQuotes(t *testing.T) {
	if isa := engine.KernelISA(); isa != "go" {
		t.Skipf("the README's runs are the portable kernels', this build trains with %s", isa)
	}
	if testing.Short() || raceEnabled {
		t.Skip("trains the README's runs, 26,500 epochs in all")
	}
	// Each run and its quoted output, with the files that quote it, to be
	// trained once.
	type quote struct {
		cmd, output string
		files       []string
	}
	var quotes []*quote
	seen := map[string]*quote{}
	for _, file := range guideFiles(t) {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, block := range strings.Split(string(text), "\n```\n")[1:] {
			cmd, output, ok := strings.Cut(block, "\n")
			args, isRun := strings.CutPrefix(cmd, "$ ganui --headless ")
			if !isRun || !ok || strings.Contains(args, "--seeds") || strings.Contains(args, "--sweep") {
				continue
			}
			output, _, _ = strings.Cut(output, "```")
			if q := seen[cmd+"\n"+output]; q != nil {
				if !slices.Contains(q.files, file) {
					q.files = append(q.files, file)
				}
				continue
			}
			q := &quote{cmd, output, []string{file}}
			seen[cmd+"\n"+output] = q
			quotes = append(quotes, q)
		}
	}
	for _, q := range quotes {
		cmd, output := q.cmd, q.output
		args, _ := strings.CutPrefix(cmd, "$ ganui --headless ")
		var pattern strings.Builder
		for line := range strings.Lines(output) {
			line = strings.TrimSuffix(line, "\n")
			if line == "…" {
				pattern.WriteString(`(?:.*\n)*?`)
				continue
			}
			parts := strings.Split(line, "…")
			for i := range parts {
				parts[i] = regexp.QuoteMeta(parts[i])
			}
			pattern.WriteString(strings.Join(parts, `.*?`) + `\n`)
		}
		code, stdout, stderr := runCLI(t, append([]string{"--headless"}, strings.Fields(args)...)...)
		if code != 0 {
			t.Errorf("%s: %s: exit %d: %s", strings.Join(q.files, ", "), cmd, code, stderr)
			continue
		}
		if !regexp.MustCompile(`\A` + pattern.String() + `\z`).MatchString(stdout) {
			t.Errorf("%s prints\n%s\nwhere %s quotes\n%s", cmd, stdout, strings.Join(q.files, " and "), output)
		}
	}
	if len(quotes) < 3 {
		t.Errorf("the README and docs/ showed %d headless runs with their output, want 3 or more: are they still read?", len(quotes))
	}
}

// TestREADMEStartsWithTheQuickStart: the guide's first section is its
// Quick start, and that opens with the two commands a new reader needs,
// one to run the trainer and one to run the tests, before any other
// command, so that nothing stands between a checkout and a first run.
func TestREADMEStartsWithTheQuickStart(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(readme), "\n## ")
	if !strings.HasPrefix(rest, "Quick start\n") {
		heading, _, _ := strings.Cut(rest, "\n")
		t.Fatalf("the README's first section is %q, not Quick start", heading)
	}
	_, block, ok := strings.Cut(rest, "```sh\n")
	block, _, _ = strings.Cut(block, "```")
	var commands []string
	for line := range strings.Lines(block) {
		command, _, _ := strings.Cut(line, "#")
		commands = append(commands, strings.TrimSpace(command))
	}
	if want := []string{"go run .", "go test ./..."}; !ok || !slices.Equal(commands, want) {
		t.Errorf("the Quick start's first commands are %q, want %q", commands, want)
	}
}

// TestBenchREADMEContentsListsEverySection: the list that opens the
// measurements, before their first section, links to each of its
// sections (its ## headings) once, in their order, so that a reader who
// follows a link from the guide to a section the list leaves out, such
// as "Findings: false alarms", finds it in the list too.
func TestBenchREADMEContentsListsEverySection(t *testing.T) {
	text, err := os.ReadFile("bench/README.md")
	if err != nil {
		t.Fatal(err)
	}
	contents, _, ok := strings.Cut(string(text), "\n## ")
	if !ok {
		t.Fatal("bench/README.md has no ## section")
	}
	var listed []string
	for _, m := range regexp.MustCompile(`\]\(#([^)\s]+)\)`).FindAllStringSubmatch(contents, -1) {
		listed = append(listed, m[1])
	}
	sections := sectionAnchors(string(text), 2, 2)
	if !slices.Equal(listed, sections) {
		t.Errorf("bench/README.md's contents link to\n%s\nwhere its sections are\n%s", strings.Join(listed, "\n"), strings.Join(sections, "\n"))
	}
}

// TestREADMESaysWhatGanuiIsBeforeItsFirstCommand: the guide says how a
// bare `ganui` comes to run (`go install .`, or `go build -o ganui .`)
// before the first command of its code blocks that calls the program
// so, that a reader of Things to try, who has only `go run .` from the
// Quick start, can run `$ ganui --headless …` as written.
func TestREADMESaysWhatGanuiIsBeforeItsFirstCommand(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	install := strings.Index(string(readme), "`go install .`")
	if install < 0 {
		t.Fatal("the README does not say `go install .`")
	}
	offset, fenced := 0, false
	for line := range strings.Lines(string(readme)) {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		} else if fenced && (strings.HasPrefix(line, "$ ganui ") || strings.HasPrefix(line, "ganui ")) {
			if offset < install {
				t.Errorf("the README's first command calling the program ganui, %q, comes before it says how to get one: `go install .`", strings.TrimSpace(line))
			}
			return
		}
		offset += len(line)
	}
	t.Fatal("the README's code blocks have no command calling the program ganui")
}

// TestREADMEContentsListsEverySection: the list after the opening, "The
// guide, in order:", links to each of the guide's sections and
// subsections (its ## and ### headings) once, in their order, so that a
// reader who opens the file in a pager or an editor, with no outline of
// it, sees the whole guide and where each part is.
func TestREADMEContentsListsEverySection(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, contents, ok := strings.Cut(string(readme), "\nThe guide, in order:\n\n")
	if !ok {
		t.Fatal(`the README has no contents: "The guide, in order:"`)
	}
	contents, _, _ = strings.Cut(contents, "\n\n")
	var listed []string
	for _, m := range regexp.MustCompile(`\]\(#([^)\s]+)\)`).FindAllStringSubmatch(contents, -1) {
		listed = append(listed, m[1])
	}
	sections := sectionAnchors(string(readme), 2, 3)
	if !slices.Equal(listed, sections) {
		t.Errorf("the README's contents link to\n%s\nwhere its sections are\n%s", strings.Join(listed, "\n"), strings.Join(sections, "\n"))
	}
}

// TestREADMEHingesDIsNoCritic: where the README or its docs/ speak of the hinge loss (a
// paragraph or table row naming it), D is D, as the screen says it for hinge;
// a critic there is the Wasserstein design's, named in a clause of its own
// (by its loss, its paper or the textbook GAN's changes), or stands beside the
// hinge's D, "a critic's or a hinge D's". The README had given
// "the `wasserstein` and `hinge` losses, whose critic scores are unbounded" and,
// of hinge's win, "(a critic's scores are no probabilities; …)".
func TestREADMEHingesDIsNoCritic(t *testing.T) {
	readme := guideText(t)
	hinge, critic := regexp.MustCompile(`\bhinge\b`), regexp.MustCompile(`\bcritic`)
	// The Wasserstein design's critic, named so in its clause: by its loss or
	// paper (Algorithm 1's λ), or among the textbook GAN's changes.
	wasserstein := regexp.MustCompile(`(?i)wasserstein|wgan|algorithm 1|textbook`)
	beside := "a critic's or a hinge D's"
	for _, para := range regexp.MustCompile(`\n\s*\n`).Split(readme, -1) {
		para = strings.Join(strings.Fields(para), " ")
		if !hinge.MatchString(para) {
			continue
		}
		for _, clause := range regexp.MustCompile(`[.;()|]`).Split(para, -1) {
			if !critic.MatchString(clause) || strings.Contains(clause, beside) {
				continue
			}
			if hinge.MatchString(clause) || !wasserstein.MatchString(clause) {
				t.Errorf("a clause beside the hinge loss calls D a critic: %q", strings.TrimSpace(clause))
			}
		}
	}
}
