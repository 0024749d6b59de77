package session

import (
	"context"
	"errors"
	"fmt"
	"github.com/ganui/ganui/internal/numtext"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

func TestMedianRange(t *testing.T) {
	for _, c := range []struct {
		in          []float64
		med, lo, hi float64
	}{
		{[]float64{3, 1, 2}, 2, 1, 3},
		{[]float64{4, 1, 3, 2}, 2.5, 1, 4},
		{[]float64{7}, 7, 7, 7},
	} {
		if med, lo, hi := medianRange(c.in); med != c.med || lo != c.lo || hi != c.hi {
			t.Errorf("medianRange(%v) = %g, %g, %g", c.in, med, lo, hi)
		}
	}
}

func TestParseSeeds(t *testing.T) {
	got, err := ParseSeeds("3,7-9,1")
	if err != nil || !reflect.DeepEqual(got, []uint64{3, 7, 8, 9, 1}) {
		t.Fatalf("ParseSeeds = %v, %v", got, err)
	}
	if s := CompactSeeds(got); s != "3,7-9,1" {
		t.Errorf("CompactSeeds = %q", s)
	}
	if got, err := ParseSeeds("18446744073709551615"); err != nil || got[0] != 1<<64-1 {
		t.Errorf("largest seed: %v, %v", got, err)
	}
	// No range runs on past the largest seed to 0, as its sum wraps.
	if s := CompactSeeds([]uint64{1<<64 - 2, 1<<64 - 1, 0, 1}); s != "18446744073709551614-18446744073709551615,0-1" {
		t.Errorf("CompactSeeds past the largest seed = %q", s)
	}
	// Seeds are written as --seed takes one: the exponent form too.
	if got, err := ParseSeeds("1e3-1.002e3,5"); err != nil || !reflect.DeepEqual(got, []uint64{1000, 1001, 1002, 5}) {
		t.Errorf("exponent form: %v, %v", got, err)
	}
	// No '+' and no spaces, as no number ganui reads has (--seed ' 1').
	for _, bad := range []string{"1.5", "1e17", "0x10", "-3", "1_0", "+1", "1-+2", " 1", "1 ", "1, 2", "1 -2"} {
		if _, err := ParseSeeds(bad); err == nil {
			t.Errorf("ParseSeeds(%q) passed", bad)
		}
	}
}

// TestParseSeedsSaysWhy: a list refused says what is wrong with it as --seed
// says it of one seed, not "is not a seed" of every list: an empty one says it
// is empty, a comma too many is named as such, and a seed past 2⁶⁴−1 or past
// 2⁵³ in the exponent form says how far a seed goes or that it is not exact,
// none of them quoted as "".
func TestParseSeedsSaysWhy(t *testing.T) {
	for spec, want := range map[string]string{
		"":                     "empty; give seeds, as 1-5 or 1,4,7-9",
		"1,,3":                 `an empty seed in "1,,3": a comma too many`,
		"1-5,":                 `an empty seed in "1-5,": a comma too many`,
		"99999999999999999999": `"99999999999999999999": a seed is at most 18,446,744,073,709,551,615`,
		"1-1e20":               `"1-1e20": a seed is at most 18,446,744,073,709,551,615`,
		"1e17":                 `"1e17": a seed past 2⁵³ in the exponent form is not exact; write its digits`,
		"1--3":                 `"1--3" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		"-3":                   `"-3" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		// Inf is no number too large, as NaN is none (engine.ParseWhole);
		// 1e400, a number, is.
		"Inf":   `"Inf" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		"1-Inf": `"1-Inf" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		"NaN":   `"NaN" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		"1e400": `"1e400": a seed is at most 18,446,744,073,709,551,615`,
		// A '+' is told as every count flag's is (engine.PlusSign).
		"+1": `"+1" has a + before it; write it without one: 1`,
		// A leading 0 is refused as --seed and --set refuse one
		// (engine.LeadingZeros), where 01-03 was 1-3.
		"01":     `"01" has a leading 0; write it without it: 1`,
		"1,007":  `"007" has leading 0s; write it without them: 7`,
		"01-03":  `"01-03" has leading 0s; write it without them: 1-3`,
		"1-05,7": `"1-05" has a leading 0; write it without it: 1-5`,
		"00":     `"00" has a leading 0; write it without it: 0`,
		"+01":    `"+01" has a + before it, and "01" has a leading 0; write it without it: 1`,
		// A range's is told with the range to write (plusInRange).
		"1-+3":  `"1-+3": "+3" has a + before it; write the range without the +: 1-3`,
		"+1-3":  `"+1-3": "+1" has a + before it; write the range without the +: 1-3`,
		"+1-+3": `"+1-+3": "+1" and "+3" have a + before them; write the range without the +: 1-3`,
		// With what else is wrong with the seed or range, in one message.
		"+1.5":    `"+1.5" has a + before it, and "1.5" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		"+1-2.5":  `"+1-2.5": "+1" has a + before it, and "1-2.5" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		"+1-1e20": `"+1-1e20": "+1" has a + before it, and "1-1e20": a seed is at most 18,446,744,073,709,551,615`,
		"5,+3-1":  `"+3-1": "+3" has a + before it, and the range runs backwards; write 1-3`, // not "give --seeds 1-3", which drops 5
		"5-1":     `range "5-1" runs backwards; give --seeds 1-5`,
		// Not "runs backwards; write 1-18446744073709551615", itself refused.
		"18446744073709551615-1": `"18446744073709551615-1": at most 10,000 seeds in one batch; give fewer, and the rest as another batch`,
		"1-9999,10001-10002":     `"1-9999,10001-10002": at most 10,000 seeds in one batch; give fewer, and the rest as another batch`,
		"1-20000":                `"1-20000": at most 10,000 seeds in one batch; give fewer, and the rest as another batch`,
	} {
		if _, err := ParseSeeds(spec); err == nil || err.Error() != want {
			t.Errorf("ParseSeeds(%q): %v, want %q", spec, err, want)
		}
	}
}

// TestParseSeedsSaysTheListMeant: a list written as other tools write one,
// seeds separated by spaces or semicolons, a range as 1..3, 1:3 or with a
// dash not '-', spaces around a seed, is told the list to give, the whole
// list put in ParseSeeds' words, which is taken, where it was told only the
// form of a list, "(e.g. 1-5 or 1,4,7-9)"; one that no rewriting mends keeps
// those words.
func TestParseSeedsSaysTheListMeant(t *testing.T) {
	for spec, want := range map[string]string{
		"1 2":      `"1 2" is not a seed or a range A-B of seeds; give --seeds 1,2`,
		"1;2":      `"1;2" is not a seed or a range A-B of seeds; give --seeds 1,2`,
		"1, 2":     `" 2" is not a seed or a range A-B of seeds; give --seeds 1,2`,
		" 1":       `" 1" is not a seed or a range A-B of seeds; give --seeds 1`,
		"1..3":     `"1..3" is not a seed or a range A-B of seeds; give --seeds 1-3`,
		"1:3":      `"1:3" is not a seed or a range A-B of seeds; give --seeds 1-3`,
		"1\u20133": "\"1\u20133\" is not a seed or a range A-B of seeds; give --seeds 1-3", // an en dash
		"1 - 3":    `"1 - 3" is not a seed or a range A-B of seeds; give --seeds 1-3`,
		"5,1 2,7":  `"1 2" is not a seed or a range A-B of seeds; give --seeds 5,1,2,7`,
		"x 2":      `"x 2" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
		"1...3":    `"1...3" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)`,
	} {
		_, err := ParseSeeds(spec)
		if err == nil || err.Error() != want {
			t.Errorf("ParseSeeds(%q): %v, want %q", spec, err, want)
			continue
		}
		if _, suggested, ok := strings.Cut(want, "give --seeds "); ok {
			if _, err := ParseSeeds(suggested); err != nil {
				t.Errorf("ParseSeeds(%q) suggests %s, refused: %v", spec, suggested, err)
			}
		}
	}
}

// TestParseSeedsSuggestsTheWholeList: a list with a range written backwards or
// a seed written twice is refused with the list to give in its place, its seeds
// once each where each first appears, which is taken: "3-1,2" is told to give
// --seeds 1-3, the whole list, not 1-3 in the range's place, which would write
// seed 2 twice; and "1-3,2-4" is told to give 1-4, not only that seed 2 appears
// twice. Seeds written twice do not count toward the limit: "1-9999,5-3" is not
// refused as more than 10,000 seeds.
func TestParseSeedsSuggestsTheWholeList(t *testing.T) {
	for spec, want := range map[string]string{
		"3-1,2":     `range "3-1" runs backwards; give --seeds 1-3`,
		"5,3-1":     `range "3-1" runs backwards; give --seeds 5,1-3`,
		"1-3,2-4":   "seed 2 appears twice; give --seeds 1-4",
		"1,1":       "seed 1 appears twice; give --seeds 1",
		"7,1,2,1,3": "seed 1 appears twice; give --seeds 7,1-3",
		"1-3,3-1":   `range "3-1" runs backwards; give --seeds 1-3`,
		// The limit counts each seed once, as the list to give does: the first
		// two are not refused as "at most 10,000 seeds".
		"1-9999,5-3":        `range "5-3" runs backwards; give --seeds 1-9999`,
		"1-10000,1-10000":   "seed 1 appears twice; give --seeds 1-10000",
		"1-9999,9998-10000": "seed 9998 appears twice; give --seeds 1-10000",
	} {
		_, err := ParseSeeds(spec)
		if err == nil || err.Error() != want {
			t.Errorf("ParseSeeds(%q): %v, want %q", spec, err, want)
			continue
		}
		_, suggested, _ := strings.Cut(want, "give --seeds ")
		if _, err := ParseSeeds(suggested); err != nil {
			t.Errorf("ParseSeeds(%q) suggests %s, refused: %v", spec, suggested, err)
		}
	}
	// A seed that is none is said first, wherever it is.
	if _, err := ParseSeeds("1,1,x"); err == nil || err.Error() != `"x" is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)` {
		t.Errorf(`ParseSeeds("1,1,x"): %v`, err)
	}
}

// FuzzParseSeeds: a seed list gives 1 to maxSeeds seeds, none twice,
// that CompactSeeds writes back to a list of the same seeds in the same
// order; each part of a list taken is a seed or a range of them written
// plainly (engine.ParseWhole). A list refused is refused in one line,
// and the list it suggests for one with a range written backwards or a
// seed twice is taken, and is the same seeds.
func FuzzParseSeeds(f *testing.F) {
	for _, s := range []string{"1-5", "1,4,7-9", "3,7-9,1", "1e3-1.002e3,5", "0-9999", "0-10000", "5-1", "1,1", "1-3,2",
		"18446744073709551615", "18446744073709551614-18446744073709551615", "-0", "1--2", "", ",", "1,", "0x10", "1_0", "+1", " 1", "1e17",
		"1,,3", "1-1e20", "99999999999999999999", "1e17-2", "0-18446744073709551615", "18446744073709551615,0-1", "18446744073709551615-1", "10000-0",
		"3-1,2", "5,3-1", "1-3,2-4", "1-3,3-1", "18446744073709551615-18446744073709551614,18446744073709551615",
		"1-9999,5-3", "1-10000,1-10000", "1-9999,10001-10002", "+1-3", "1-+3", "5,+3-1", "+1-2.5", "1 2", "1..3", "5;1:3", "1 - 3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		seeds, err := ParseSeeds(spec)
		if err != nil {
			if strings.Contains(err.Error(), "\n") || seeds != nil {
				t.Fatalf("ParseSeeds(%q): %v, %v", spec, seeds, err)
			}
			// The list it suggests for one with a range written backwards
			// or a seed twice, or written as other tools write one, is
			// taken, and is the same seeds, the list read as meant
			// (seedsMeant).
			if _, suggested, ok := strings.Cut(err.Error(), "; give --seeds "); ok {
				got, err := ParseSeeds(suggested)
				if err != nil {
					t.Fatalf("ParseSeeds(%q) suggests %s, refused: %v", spec, suggested, err)
				}
				want := map[uint64]bool{}
				for _, part := range strings.Split(seedsMeant(spec), ",") {
					lo, hi, _ := strings.Cut(part, "-")
					a, _ := engine.ParseWhole(lo)
					b := a
					if hi != "" {
						b, _ = engine.ParseWhole(hi)
					}
					for s := min(a, b); s <= max(a, b) && s >= min(a, b); s++ {
						want[s] = true
						if s == math.MaxUint64 {
							break
						}
					}
				}
				if len(got) != len(want) || slices.ContainsFunc(got, func(s uint64) bool { return !want[s] }) {
					t.Fatalf("ParseSeeds(%q) suggests %s: seeds %v, not the list's", spec, suggested, got)
				}
			}
			return
		}
		if len(seeds) == 0 || len(seeds) > maxSeeds {
			t.Fatalf("ParseSeeds(%q): %d seeds", spec, len(seeds))
		}
		seen := map[uint64]bool{}
		for _, s := range seeds {
			if seen[s] {
				t.Fatalf("ParseSeeds(%q): seed %d twice", spec, s)
			}
			seen[s] = true
		}
		for _, part := range strings.Split(spec, ",") {
			for _, n := range strings.SplitN(part, "-", 2) {
				if _, err := engine.ParseWhole(n); err != nil {
					t.Fatalf("ParseSeeds(%q) took %q", spec, part)
				}
			}
		}
		again, err := ParseSeeds(CompactSeeds(seeds))
		if err != nil || !reflect.DeepEqual(again, seeds) {
			t.Fatalf("ParseSeeds(%q) = %v, written %q, read back as %v, %v", spec, seeds, CompactSeeds(seeds), again, err)
		}
	})
}

// TestSummaryLines: the modes' median of an even number of runs is
// half-way, as the sweep prints it (1.5, not 2), and a 2-D target's
// moments have the target's own beside them, as a 1-D target's do.
func TestSummaryLines(t *testing.T) {
	bimodal, err := presets.Get("bimodal")
	if err != nil {
		t.Fatal(err)
	}
	modes := []engine.ModeCoverage{{Covered: true}, {Covered: true}}
	results := []Result{
		{State: Done, Metrics: engine.Metrics{N: 100, Modes: modes, ModesCovered: 2}},
		{State: Done, Metrics: engine.Metrics{N: 100, Modes: modes, ModesCovered: 1}},
	}
	var b strings.Builder
	writeSummary(&b, Options{Config: bimodal}, []uint64{3, 4}, 2, results, time.Second)
	if !strings.Contains(strings.Join(strings.Fields(b.String()), " "), "summary modes median=1.5 min=1 max=2 of=2") {
		t.Errorf("1-D summary:\n%s", b.String())
	}
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	pm := &engine.PlaneMetrics{Spots: make([]engine.SpotShare, 8), Captured: 8}
	results = []Result{{State: Done, Metrics: engine.Metrics{N: 100, Plane: pm}}}
	b.Reset()
	writeSummary(&b, Options{Config: ring}, []uint64{1}, 1, results, time.Second)
	for _, want := range []string{"summary mean_x", "target=0.000", "summary std_y", "target=1.414"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("2-D summary lacks %q:\n%s", want, b.String())
		}
	}
}

// TestSummaryColumns: the summary's medians, minima, maxima and the
// target's values stand in columns, whatever their signs and formats (a
// negative minimum pushed its line's maximum a column right; wall_s's
// three decimals and epochs_per_s's one left theirs short), and no line
// ends in a space. The timings' lines stand in columns of their own where
// they are wider than the measures' (epochs_per_s's median=6234.5 beside
// the measures' median=0.125), so that the measures' lines read alike
// whatever the pace.
func TestSummaryColumns(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	results := []Result{
		{State: Done, EpochsPerS: 12345.6, TrainS: 0.25, WallS: 0.5, Metrics: engine.Metrics{N: 100, KS: 0.1, Skew: -0.25, Kurt: 1}},
		{State: Done, EpochsPerS: 123.4, TrainS: 10.5, WallS: 12.25, Metrics: engine.Metrics{N: 100, KS: 0.2, Skew: 0.5, Kurt: -1}},
	}
	var b strings.Builder
	writeSummary(&b, Options{Config: cfg, Preset: "vanilla"}, []uint64{1, 2}, 2, results, time.Second)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")[1:] // the metrics' lines
	for _, field := range []string{" median=", " min=", " max="} {
		for _, group := range [][]string{lines[:len(lines)-3], lines[len(lines)-3:]} { // the measures, the timings: epochs_per_s, train_s, wall_s
			col := strings.Index(group[0], field)
			for _, l := range group {
				if strings.Index(l, field) != col {
					t.Errorf("%q not in one column:\n%s", field, b.String())
					break
				}
			}
		}
	}
	mean, skew := lines[0], lines[2]
	if !strings.HasPrefix(mean, "summary mean") || !strings.HasPrefix(skew, "summary skew") || strings.Index(skew, " target=") != strings.Index(mean, " target=") {
		t.Errorf("targets not in one column:\n%s", b.String())
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line ends in a space: %q", l)
		}
	}
}

// TestSummaryRateOfTimedRuns: a --seeds summary's epochs_per_s line gives the
// median and range of the runs with time counted, and ends saying how many had
// none, nan=1/3, as a measure's line does of the runs that left it NaN: a run
// whose training its clock timed none of does not count as 0 epochs/s, which
// would drag the range to 0 (min=0.0).
func TestSummaryRateOfTimedRuns(t *testing.T) {
	cfg := testdesigns.Tiny()
	cfg.Epochs = 5
	var results []Result
	for i, now := range []func() time.Time{ticking(time.Millisecond), newFakeWall().now, ticking(2 * time.Millisecond)} {
		s, err := New(Options{Config: cfg, Seed: uint64(i + 1), Samples: 100, Clock: NewClock(now)})
		if err != nil {
			t.Fatal(err)
		}
		r, err := s.Run(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	a, b := results[0].EpochsPerS, results[2].EpochsPerS
	want := fmt.Sprintf("summary epochs_per_s median=%s min=%s max=%s nan=1/3",
		numtext.Rate((a+b)/2), numtext.Rate(min(a, b)), numtext.Rate(max(a, b)))
	var out strings.Builder
	writeSummary(&out, Options{Config: cfg}, []uint64{1, 2, 3}, 1, results, time.Second)
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "summary epochs_per_s ") {
			if got := strings.Join(strings.Fields(line), " "); got != want {
				t.Errorf("got  %s\nwant %s\n%s", got, want, out.String())
			}
			return
		}
	}
	t.Fatalf("no epochs_per_s line:\n%s", out.String())
}

// TestSummaryHasTheFinalLinesKeys: a --seeds summary gives a line for each
// figure of its runs' final lines, under the same key and in the same order,
// the timings with the measures: train_s, the time to compare runs by, with
// its median and range, where the summary gave epochs_per_s and wall_s and
// left the training time out (a script reading the final lines' keys found
// no summary of train_s).
func TestSummaryHasTheFinalLinesKeys(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	var results []Result
	for i, train := range []float64{2.5, 1.25, 4} {
		results = append(results, Result{Preset: "vanilla", Seed: uint64(i + 1), Epochs: 100, State: Done,
			Metrics:    engine.Metrics{N: 100, KS: 0.5, W1: 0.25, Mean: 4, Std: 1},
			EpochsPerS: 100 / train, TrainS: train, WallS: train + 0.5})
	}
	var line []string // the final line's keys of figures, as the summary names its lines
	for _, f := range strings.Fields(results[0].Line())[1:] {
		key, _, _ := strings.Cut(f, "=")
		if !slices.Contains([]string{"preset", "seed", "epochs", "state"}, key) {
			line = append(line, key)
		}
	}
	var b strings.Builder
	writeSummary(&b, Options{Config: cfg}, []uint64{1, 2, 3}, 1, results, time.Second)
	var summary []string
	for _, l := range strings.Split(strings.TrimSpace(b.String()), "\n")[1:] {
		summary = append(summary, strings.Fields(l)[1])
		if strings.HasPrefix(l, "summary train_s ") {
			if got, want := strings.Join(strings.Fields(l), " "), "summary train_s median=2.500 min=1.250 max=4.000"; got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		}
	}
	if !slices.Equal(summary, line) {
		t.Errorf("the summary's lines are %v, the final line's figures %v:\n%s", summary, line, b.String())
	}
}

// TestBatchTallies: a batch tells how far it has got before its first
// run ends and after each run's line, counting the diverged runs, so that
// a status line can follow a long batch whose lines come slowly. One job
// at a time, the runs finish in order (TestBatchTallyOutOfOrder: not).
func TestBatchTallies(t *testing.T) {
	cfg := testdesigns.LeastSquaresSGD() // diverges within a few epochs at a learning rate of 1
	cfg.Epochs = 30
	opts := Options{Config: cfg, Samples: 300}
	sw, err := ParseSweep([]string{"d_lr=1e-2,1"}, opts.Config, 2)
	if err != nil {
		t.Fatal(err)
	}
	var log []string
	tally := func(c Tally) { log = append(log, fmt.Sprintf("tally %d/%d diverged %d", c.Done, c.Total, c.Diverged)) }
	lines := writerFunc(func(p []byte) (int, error) {
		log = append(log, strings.Fields(string(p))[0])
		return len(p), nil
	})
	if _, err := RunSweep(context.Background(), opts, sw, []uint64{1, 2}, 1, lines, tally); err != nil {
		t.Fatal(err)
	}
	want := []string{"tally 0/4 diverged 0", "tally 1/4 diverged 0", "sweep", "tally 2/4 diverged 0", "tally 3/4 diverged 1", "sweep", "tally 4/4 diverged 2", "summary"}
	if !reflect.DeepEqual(log, want) {
		t.Errorf("sweep: %q\nwant %q", log, want)
	}
	log = nil
	if _, err := RunSeeds(context.Background(), opts, []uint64{1, 2}, 1, lines, tally); err != nil {
		t.Fatal(err)
	}
	if want := []string{"tally 0/2 diverged 0", "final", "tally 1/2 diverged 0", "final", "tally 2/2 diverged 0", "summary"}; !reflect.DeepEqual(log[:len(want)], want) {
		t.Errorf("seeds: %q\nwant %q", log, want)
	}
}

// TestBatchTallyOutOfOrder: the tally counts a run as it finishes, though
// its line waits for a slower run before it: here the second run ends
// while the first trains on (Tiny, planned for MaxEpochs), and the
// tally's count of it is what stops the first. Counting runs as their
// lines printed, the tally stayed at 0 and the first run trained on until
// the guard stopped it.
func TestBatchTallyOutOfOrder(t *testing.T) {
	cfg := testdesigns.LeastSquaresSGD()
	cfg.Epochs = 20
	runs := []Options{{Config: testdesigns.Tiny(), Samples: 300}, {Config: cfg, Samples: 300, Seed: 2}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	guard := time.AfterFunc(2*time.Minute, cancel) // only on failure: the fix never waits on it
	defer guard.Stop()
	var log []string
	errs := runBatch(ctx, runs, 2, func(i int, r Result) {
		log = append(log, fmt.Sprintf("run %d %s", i, r.State))
	}, func(c Tally) {
		log = append(log, fmt.Sprintf("tally %d/%d", c.Done, c.Total))
		if c.Done == 1 {
			cancel()
		}
	})
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	// The cancel may come before the first run's worker has started it,
	// which then is kept from starting and has no line.
	want := []string{"tally 0/2", "tally 1/2", "run 0 interrupted", "run 1 done"}
	if unstarted := slices.Delete(slices.Clone(want), 2, 3); !reflect.DeepEqual(log, want) && !reflect.DeepEqual(log, unstarted) {
		t.Errorf("got %q\nwant %q", log, want)
	}
}

// fieldColumns maps each key=value field of a line to the column it
// starts at.
func fieldColumns(line string) map[string]int {
	cols := map[string]int{}
	for i := 0; i < len(line); {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		j := i
		for j < len(line) && line[j] != ' ' {
			j++
		}
		if key, _, ok := strings.Cut(line[i:j], "="); ok {
			cols[key] = i
		}
		i = j
	}
	return cols
}

// TestSeedsLinesStandInColumns: the final lines of a --seeds batch are
// padded as a sweep's rows are, so that each field starts in one column
// down the lines whatever the seed's digits, the state, the figures (a
// negative skew, a diverged loss of 2.5642e31, NaN) or the modes' shares;
// the padding is spaces after a field, so that splitting a line at its
// spaces gives the fields of the line a single run prints, key=value
// each.
func TestSeedsLinesStandInColumns(t *testing.T) {
	one := func(seed uint64, st State, v float64) Result {
		r := Result{Preset: "vanilla", Changes: []Change{{Key: "g_lr", Value: "1e-3"}}, Seed: seed, Epochs: 5000, State: st, EpochsPerS: 2500.3, WallS: 1.5,
			Metrics: engine.Metrics{N: 2000, RowWidth: 100, Mean: v, Std: 1, Skew: -v, Kurt: v, KS: 0.5, W1: v, ZDep: 0.012,
				Modes: []engine.ModeCoverage{{Share: 0.5}, {Share: 0.0005}}}}
		if st == Diverged {
			r.Epochs, r.Err = 37, &Divergence{Epoch: 37, Runaway: "x"}
		}
		return r
	}
	runs := []Result{one(1, Done, 4.0123), one(10000, Diverged, 2.5642e31), one(22, Interrupted, math.NaN()), one(3, Done, -1e-30)}
	var lines []string
	for _, r := range runs {
		line := r.columnLine(5, 4)
		lines = append(lines, line)
		if got, want := strings.Fields(line), strings.Fields(r.Line()); !slices.Equal(got, want) {
			t.Errorf("padded, the line's fields are\n%q\nwant\n%q", got, want)
		}
		for _, f := range strings.Fields(line)[1:] {
			if !strings.Contains(f, "=") {
				t.Errorf("field %q of %q is no key=value", f, line)
			}
		}
	}
	first := fieldColumns(lines[0])
	for _, line := range lines[1:] {
		for key, col := range fieldColumns(line) {
			if c, ok := first[key]; ok && c != col {
				t.Errorf("%s= in column %d and %d:\n%s\n%s", key, c, col, lines[0], line)
			}
		}
	}

	// RunSeeds prints them so: seeds of one digit and of two.
	cfg := testdesigns.LeastSquaresSGD()
	cfg.Epochs = 20
	var b strings.Builder
	if _, err := RunSeeds(context.Background(), Options{Config: cfg, Samples: 300}, []uint64{9, 10}, 2, &b, nil); err != nil {
		t.Fatal(err)
	}
	out := strings.Split(b.String(), "\n")
	a, c := fieldColumns(out[0]), fieldColumns(out[1])
	if !strings.HasPrefix(out[0], "final ") || !strings.HasPrefix(out[1], "final ") || a["epochs"] != c["epochs"] || a["mean"] != c["mean"] || a["wall_s"] != c["wall_s"] {
		t.Errorf("seeds 9 and 10:\n%s\n%s", out[0], out[1])
	}
}

// TestSummaryFiniteMedians: a batch's summary gives each measure's median and
// range of its finite values and ends the line saying how many of the runs that
// did not diverge left it NaN or infinite, as a sweep's row does, so that one
// NaN W1 makes neither the median NaN nor the minimum (min=NaN); a measure no
// run has finite reads NaN, and the counts stand in one column.
func TestSummaryFiniteMedians(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	nan, inf := math.NaN(), math.Inf(1)
	var results []Result
	for i, w1 := range []float64{0.3, nan, 0.7, 0.5, nan} {
		std := 1.0
		if i == 2 {
			std = -inf
		}
		results = append(results, Result{State: Done, Metrics: engine.Metrics{N: 100, KS: 0.1, W1: w1, Mean: 4, Std: std, Skew: nan}})
	}
	results = append(results, Result{State: Diverged, Metrics: engine.Metrics{N: 100, W1: inf, Std: nan}}) // not counted
	var b strings.Builder
	writeSummary(&b, Options{Config: cfg, Preset: "vanilla"}, []uint64{1, 2, 3, 4, 5, 6}, 2, results, time.Second)
	out := b.String()
	col := -1
	for _, want := range []string{
		"summary ks median=0.100 min=0.100 max=0.100 floor=0.136",
		"summary w1 median=0.500 min=0.300 max=0.700 floor=0.161 nan=2/5",
		"summary std median=1.000 min=1.000 max=1.000 target=1.250 nan=1/5",
		"summary skew median=NaN min=NaN max=NaN target=0.000 nan=5/5",
	} {
		name := strings.Fields(want)[1]
		var line string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "summary "+name+" ") {
				line = l
			}
		}
		if got := strings.Join(strings.Fields(line), " "); got != want {
			t.Errorf("%s line %q, want %q:\n%s", name, got, want, out)
		}
		if i := strings.Index(line, " nan="); i >= 0 {
			if col >= 0 && i != col {
				t.Errorf("nan= not in one column:\n%s", out)
			}
			col = i
		}
	}
}

// TestSummaryGivesKSNoiseFloor: a 1-D batch's summary gives KS's noise floor at
// the runs' sample size beside its median and range, floor=0.014 at 10,000
// samples (1.358/√n, the 95% bound a perfect generator stays under), in the
// column the moments' target= stand in, so that a practitioner reads whether
// the seeds' KS is above sampling noise without working out the bound; a
// plane's summary has its sw1_floor line. W1's line gives W1's floor there,
// what a perfect generator reads on average on the target at that size
// (engine.W1NoiseFloor: 0.016 at 10,000 samples of normal(4,1.25)), where
// it gave none, and a median W1 of 0.030 could not be told twice sampling
// noise or thirty times it.
func TestSummaryGivesKSNoiseFloor(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		n        int
		want, w1 string
	}{{10000, "floor=0.014", "floor=0.016"}, {2000, "floor=0.030", "floor=0.036"}, {500, "floor=0.061", "floor=0.072"}} {
		results := []Result{
			{State: Done, Metrics: engine.Metrics{N: tc.n, KS: 0.02, W1: 0.05, Mean: 4, Std: 1.25}},
			{State: Done, Metrics: engine.Metrics{N: tc.n, KS: 0.03, W1: 0.06, Mean: 4, Std: 1.25}},
		}
		var b strings.Builder
		writeSummary(&b, Options{Config: cfg, Preset: "vanilla"}, []uint64{1, 2}, 2, results, time.Second)
		lines := map[string]string{}
		for _, l := range strings.Split(b.String(), "\n") {
			if f := strings.Fields(l); len(f) > 1 && f[0] == "summary" {
				lines[f[1]] = l
			}
		}
		ks, mean := lines["ks"], lines["mean"]
		if got := strings.Join(strings.Fields(ks), " "); got != "summary ks median=0.025 min=0.020 max=0.030 "+tc.want {
			t.Errorf("%d samples: ks line %q, want it to end %q:\n%s", tc.n, got, tc.want, b.String())
		}
		if i, j := strings.Index(ks, " floor="), strings.Index(mean, " target="); i < 0 || i != j {
			t.Errorf("%d samples: floor= in column %d, target= in %d:\n%s", tc.n, i, j, b.String())
		}
		if got := strings.Join(strings.Fields(lines["w1"]), " "); got != "summary w1 median=0.055 min=0.050 max=0.060 "+tc.w1 {
			t.Errorf("%d samples: w1 line %q, want it to end %q:\n%s", tc.n, got, tc.w1, b.String())
		}
		if i, j := strings.Index(lines["w1"], " floor="), strings.Index(mean, " target="); i < 0 || i != j {
			t.Errorf("%d samples: w1's floor= in column %d, target= in %d:\n%s", tc.n, i, j, b.String())
		}
	}
}

// TestPlaneSummaryInTheFinalLinesOrder: a 2-D --seeds summary gives each axis's
// mean and then its std, mean_x std_x mean_y std_y, as the final lines above
// it, the progress lines and the CSV do, each beside its target's own, not
// mean_x mean_y std_x std_y.
func TestPlaneSummaryInTheFinalLinesOrder(t *testing.T) {
	moons, err := presets.Get("moons") // a target whose four moments differ
	if err != nil {
		t.Fatal(err)
	}
	p, err := moons.Plane()
	if err != nil {
		t.Fatal(err)
	}
	mx, my, sx, sy := engine.PlaneMoments(p)
	r := Result{Preset: "moons", State: Done, Metrics: engine.Metrics{N: 100, Plane: &engine.PlaneMetrics{MeanX: 1, StdX: 2, MeanY: 3, StdY: 4}}}
	var keys []string // the final line's moments, in its order
	for _, f := range strings.Fields(r.Line()) {
		if k, _, _ := strings.Cut(f, "="); strings.HasPrefix(k, "mean_") || strings.HasPrefix(k, "std_") {
			keys = append(keys, k)
		}
	}
	var b strings.Builder
	writeSummary(&b, Options{Config: moons}, []uint64{1}, 1, []Result{r}, time.Second)
	var got []string
	for _, l := range strings.Split(b.String(), "\n") {
		if f := strings.Fields(l); len(f) > 1 && (strings.HasPrefix(f[1], "mean_") || strings.HasPrefix(f[1], "std_")) {
			got = append(got, strings.Join(f[1:], " "))
		}
	}
	want := []string{
		"mean_x median=1.000 min=1.000 max=1.000 target=" + numtext.Measure(mx),
		"std_x median=2.000 min=2.000 max=2.000 target=" + numtext.Measure(sx),
		"mean_y median=3.000 min=3.000 max=3.000 target=" + numtext.Measure(my),
		"std_y median=4.000 min=4.000 max=4.000 target=" + numtext.Measure(sy),
	}
	if !slices.Equal(keys, []string{"mean_x", "std_x", "mean_y", "std_y"}) || !slices.Equal(got, want) {
		t.Errorf("final line's moments %v; summary's:\n%s\nwant:\n%s", keys, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRunFailuresNameTheirSeeds: the runs' errors are said once each, in
// the order of the seeds that first failed with them, each with the
// seeds that failed with it, a run that did not fail left out.
func TestRunFailuresNameTheirSeeds(t *testing.T) {
	gone, full := errors.New("no such file"), errors.New("no space left")
	got := runFailures("sweep x=1 ", []uint64{1, 2, 3, 4, 5, 6}, []error{gone, gone, gone, full, gone, nil})
	want := []string{"sweep x=1 seeds=1-3,5: no such file", "sweep x=1 seeds=4: no space left"}
	if len(got) != len(want) {
		t.Fatalf("%q; want %q", got, want)
	}
	for i, err := range got {
		if err.Error() != want[i] || !errors.Is(err, []error{gone, full}[i]) {
			t.Errorf("failure %d: %q; want %q, wrapping its error", i, err, want[i])
		}
	}
}

// TestJobsAreAtMostTheRuns: a summary's jobs= is how many runs trained at
// once, never more than the runs there are, of seeds and of a sweep
// alike, as docs/command-line.md says: --seeds 1-2 --jobs 4 reads jobs=2.
func TestJobsAreAtMostTheRuns(t *testing.T) {
	opts := Options{Config: testdesigns.PerSample(30), Samples: 300}
	var b strings.Builder
	if _, err := RunSeeds(context.Background(), opts, []uint64{1, 2}, 4, &b, nil); err != nil || !strings.Contains(b.String(), " runs=2 diverged=0 jobs=2 ") {
		t.Errorf("2 seeds, 4 jobs: %v, output:\n%s", err, b.String())
	}
	sw, err := ParseSweep([]string{"g_steps=1,2"}, opts.Config, 1)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if _, err := RunSweep(context.Background(), opts, sw, []uint64{1}, 4, &b, nil); err != nil || !strings.Contains(b.String(), " runs=2 diverged=0 ks_floor=0.078 w1_floor=0.093 jobs=2 ") {
		t.Errorf("a sweep of 2 cells, 4 jobs: %v, output:\n%s", err, b.String())
	}
}

// TestResultKeepsItsChecks: a run's Result holds its checks' measures, oldest
// first, and ends at its final epoch, 255, no check's (they come every 10),
// with the final line's own, for a batch's figure to draw each seed's quality
// over its epochs to its end.
func TestResultKeepsItsChecks(t *testing.T) {
	cfg := testdesigns.Tiny()
	cfg.Epochs = 255
	s, err := New(Options{Config: cfg, Seed: 1, Samples: 300})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	n := len(r.Evals)
	if n < 2 || r.Evals[n-1].Epoch != r.Epochs || r.Evals[n-1].KS != r.Metrics.KS {
		t.Fatalf("evals %+v of a run of %d epochs, final KS %v", r.Evals, r.Epochs, r.Metrics.KS)
	}
	for i := 1; i < n; i++ {
		if r.Evals[i].Epoch <= r.Evals[i-1].Epoch {
			t.Errorf("evals out of order: %+v", r.Evals)
		}
	}
}

// TestResultGivesTheChecksFloor: a run's Result carries the noise floor
// its checks read against, at a check's size (CheckSize), not at its
// final evaluation's --samples: a --seeds figure draws the checks' curves
// against it, where against the final line's floor at 10,000 samples,
// 0.014, vanilla's curves at the floor end at 0.039 and 0.021, above a line
// a check's 2,000 samples cannot come down to. On a plane, SW1's floor
// at a check's 2,500.
func TestResultGivesTheChecksFloor(t *testing.T) {
	cfg := testdesigns.Tiny()
	cfg.Epochs = 20
	res, err := RunSeeds(context.Background(), Options{Config: cfg, Samples: 300}, []uint64{1}, 1, io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := res.Runs[0].CheckNoise.KS, engine.KSNoiseFloor(CheckSize(false)); got != want {
		t.Errorf("a line's run: its checks' KS floor %v, want %v, at a check's %d samples", got, want, CheckSize(false))
	}
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	ring.Epochs = 2
	res, err = RunSeeds(context.Background(), Options{Config: ring, Samples: 300}, []uint64{1}, 1, io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := res.Runs[0]
	if r.Metrics.Plane == nil || r.CheckNoise.SW1 <= 0 || r.CheckNoise.SW1 >= r.Metrics.Plane.SW1Floor {
		t.Errorf("a plane's run: its checks' SW1 floor %v, want the floor at a check's 2,500 samples, under that of its final 300", r.CheckNoise.SW1)
	}
}
