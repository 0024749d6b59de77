package suggest

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

var presetNames = []string{"blog-original", "devnag-2017", "vanilla", "wgan", "wgan-gp", "r1", "hinge", "ring", "grid"}

func TestNearest(t *testing.T) {
	for _, c := range []struct {
		s     string
		names []string
		want  []string
	}{
		{"blog-orignal", presetNames, []string{"blog-original"}},              // a letter left out
		{"devnag2017", presetNames, []string{"devnag-2017"}},                  // a dash left out
		{"vanila", presetNames, []string{"vanilla"}},                          //
		{"hnige", presetNames, []string{"hinge"}},                             // two letters swapped: one edit
		{"VANILLA", presetNames, []string{"vanilla"}},                         // case ignored
		{"x_lr", []string{"batch", "d_lr", "g_lr"}, []string{"d_lr", "g_lr"}}, // a tie: both
		{"r2", presetNames, nil},                                              // 1 edit in 2 letters: half the word
		{"r", presetNames, nil},                                               //
		{"rign", presetNames, []string{"ring"}},                               // 1 edit in 4
		{"rng", presetNames, []string{"ring"}},                                // 1 edit in the longer's 4
		{"gird", presetNames, []string{"grid"}},                               //
		{"xy", presetNames, nil},                                              // 2 edits in 2: a guess, not a typo
		{"x", []string{"r1"}, nil},                                            //
		{"", presetNames, nil},                                                // nothing to go on
		{"vanilla", presetNames, []string{"vanilla"}},                         // itself: a flag written without its dashes
		{"bimodal", presetNames, nil},                                         // too far from all
		{"epoch", []string{"epochs", "every", "seed"}, []string{"epochs"}},
		{"foo", []string{"log", "plot", "seed"}, nil},                                // 2 edits in 3: a guess (ganui -- foo does not say --log)
		{"lo", []string{"log", "plot", "seed"}, []string{"log"}},                     // 1 edit in 2
		{"sed", []string{"log", "seed", "set"}, []string{"seed", "set"}},             // 1 edit in 3
		{"wgan-x", presetNames, []string{"wgan", "wgan-gp"}},                         // 2 edits in 6
		{"abc", []string{"abd", "abe", "abf", "abg"}, []string{"abd", "abe", "abf"}}, // at most 3
		{strings.Repeat("a", 65), []string{strings.Repeat("a", 64)}, nil},            // too long to compare
	} {
		if got := Nearest(c.s, c.names); !slices.Equal(got, c.want) {
			t.Errorf("Nearest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	flag := func(n string) string { return "--" + n }
	for _, c := range []struct {
		s    string
		show func(string) string
		want string
	}{
		{"blog-orignal", nil, " (did you mean blog-original?)"},
		{"wgan-p", strconv.Quote, ` (did you mean "wgan-gp"?)`},
		{"wgan-x", strconv.Quote, ` (did you mean "wgan" or "wgan-gp"?)`}, // tied at 2 edits
		{"grd", flag, " (did you mean --grid?)"},
		{"nothing-like-it", flag, ""},
	} {
		if got := DidYouMean(c.s, presetNames, c.show); got != c.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"abc", "", 3}, {"kitten", "sitting", 3},
		{"ab", "ba", 1}, {"ca", "abc", 3}, // no byte edited twice: not 2
		{"base", "bsae", 1}, {"g_lr", "glr", 1},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := distance(c.b, c.a); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
}

// FuzzNearest: any text, valid UTF-8 or not, gives a guess among the
// names, near enough, or none, without panicking.
func FuzzNearest(f *testing.F) {
	for _, s := range []string{"blog-orignal", "", "\xff\xfe", "wgan-g", strings.Repeat("é", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range Nearest(s, presetNames) {
			if !slices.Contains(presetNames, n) || distance(strings.ToLower(s), n) > 2 {
				t.Fatalf("Nearest(%q) gave %q", s, n)
			}
		}
	})
}

func TestSay(t *testing.T) {
	for _, c := range []struct {
		names []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, " (did you mean a?)"},
		{[]string{"a", "b"}, " (did you mean a or b?)"},
		{[]string{"a", "b", "c"}, " (did you mean a, b or c?)"},
	} {
		if got := Say(c.names); got != c.want {
			t.Errorf("Say(%q) = %q, want %q", c.names, got, c.want)
		}
	}
}
