package session

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

// TestDivergedLinesStayBounded: the progress and final lines of a run
// gone far off print its figures in the exponent form, not in dozens of
// digits.
func TestDivergedLinesStayBounded(t *testing.T) {
	huge := 25641863068496750607904960151552.0
	p := Progress{Stats: engine.EpochStats{Epoch: 500, DReal: 1e-30, DFake: math.Inf(1), G: huge, Penalty: 3e-7, Mean: -huge, Std: math.NaN()},
		Metrics: engine.Metrics{N: 10000, KS: 1, W1: huge}}
	want := "epoch=500 d_real=1.000e-30 d_fake=+Inf g=2.5642e31 penalty=3.0000e-7 batch_mean=-2.5642e31 batch_std=NaN ks=1.000 w1=2.5642e31"
	if line := p.Line(); line != want {
		t.Errorf("progress line %q\nwant          %q", line, want)
	}
	r := Result{Preset: "vanilla", State: Diverged, Epochs: 500, Metrics: engine.Metrics{Mean: huge, Std: huge, Skew: 1e40, Kurt: -1e40, KS: 1, W1: huge}, EpochsPerS: 2500.34, TrainS: 1.2, WallS: 1.5}
	want = "final preset=vanilla seed=0 epochs=500 state=diverged mean=2.5642e31 std=2.5642e31 skew=1.0000e40 kurt=-1.0000e40 ks=1.000 w1=2.5642e31 epochs_per_s=2500.3 train_s=1.200 wall_s=1.500"
	if line := r.Line(); line != want {
		t.Errorf("final line %q\nwant       %q", line, want)
	}
}

// TestShortTimingsKeepTheirDecimals: a timing under a millisecond, a
// run of an epoch or two, reads in plain decimals on its final line, in a
// --seeds summary and in a sweep's row alike, train_s=0.000915, where the
// line wrote train_s=9.154e-4 and the summary median=0.0009, neither the
// three decimals of its other timings.
func TestShortTimingsKeepTheirDecimals(t *testing.T) {
	r := Result{Preset: "vanilla", State: Done, Epochs: 1, Metrics: engine.Metrics{KS: 0.5, W1: 1}, EpochsPerS: 1092.4, TrainS: 9.154e-4, WallS: 0.017}
	if line := r.Line(); !strings.Contains(line, " train_s=0.000915 wall_s=0.017") {
		t.Errorf("final line %q, want train_s=0.000915 wall_s=0.017", line)
	}
	short := []Result{r, r, r}
	short[1].TrainS, short[2].TrainS = 3.521e-4, 1207.3
	var out strings.Builder
	writeSummary(&out, Options{Config: testdesigns.Tiny()}, []uint64{1, 2, 3}, 1, short, time.Second)
	if want := "summary train_s median=0.000915 min=0.000352 max=1207.300"; !strings.Contains(strings.Join(strings.Fields(out.String()), " "), want) {
		t.Errorf("summary:\n%s\nwant %q", out.String(), want)
	}
	axes := []SweepAxis{{Key: "g_hidden", Values: []string{"1024"}}}
	row := sweepRow([]string{"1024"}, short).line(sweepColumns{axes: axes, widths: []int{4}, measures: [2]string{"ks", "w1"}}, [2]string{"ks", "w1"})
	if !strings.HasSuffix(row, " train_s=0.000915") {
		t.Errorf("sweep row %q, want train_s=0.000915", row)
	}
}

// TestSlowRatesKeepTheirDigits: a wide design's rate under 10 epochs a
// second reads in three significant digits on its final line, in a
// --seeds summary and in a sweep's row alike, where one decimal wrote
// 0.2134 as epochs_per_s=0.2 and a batch of 0.2134 and 0.2489 as
// median=0.2 min=0.2 max=0.2.
func TestSlowRatesKeepTheirDigits(t *testing.T) {
	r := Result{Preset: "vanilla", State: Done, Epochs: 10, Metrics: engine.Metrics{KS: 0.5, W1: 1}, EpochsPerS: 0.2134, TrainS: 46.86, WallS: 50}
	if line := r.Line(); !strings.Contains(line, " epochs_per_s=0.213 train_s=46.860 ") {
		t.Errorf("final line %q, want epochs_per_s=0.213", line)
	}
	cfg := testdesigns.Tiny()
	slow := []Result{r, r, r}
	slow[1].EpochsPerS, slow[2].EpochsPerS = 0.2489, 2.4712
	var out strings.Builder
	writeSummary(&out, Options{Config: cfg}, []uint64{1, 2, 3}, 1, slow, time.Second)
	if want := "summary epochs_per_s median=0.249 min=0.213 max=2.47"; !strings.Contains(strings.Join(strings.Fields(out.String()), " "), want) {
		t.Errorf("summary:\n%s\nwant %q", out.String(), want)
	}
	axes := []SweepAxis{{Key: "g_hidden", Values: []string{"1024"}}}
	row := sweepRow([]string{"1024"}, slow).line(sweepColumns{axes: axes, widths: []int{4}, measures: [2]string{"ks", "w1"}}, [2]string{"ks", "w1"})
	if !strings.Contains(row, " epochs_per_s=0.249 ") {
		t.Errorf("sweep row %q, want epochs_per_s=0.249", row)
	}
}

// TestRunTellsHowLongItsEvaluationsTake: Run tells Options.Pace of
// each evaluation of its samples, every progress line's and the final
// line's, with how long it takes at the latest check's pace, that
// check's time scaled from its 2,000 samples to the 4,000 asked for;
// before the first check, at epoch 5, a measure of 2,000 samples as a
// check's (evalPace), where it told 0. An evaluation of no more samples
// than a check's is not timed before the first check: 0.
func TestRunTellsHowLongItsEvaluationsTake(t *testing.T) {
	cfg := testdesigns.Tiny()
	cfg.Epochs = 20
	type told struct {
		n     int
		final bool
		about time.Duration
	}
	var got []told
	pace := func(p Pace) {
		if p.Evaluating {
			got = append(got, told{p.N, p.Final, p.About})
		}
	}
	s, err := New(Options{Config: cfg, Seed: 1, Samples: 4000, Every: 5, Clock: NewClock(ticking(time.Millisecond)), Pace: pace})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	took := s.checkTook * 2 // the check at epoch 20's 2,000 samples, scaled to 4,000
	want := []told{{4000, false, took}, {4000, false, took}, {4000, false, took}, {4000, false, took}, {4000, true, took}}
	if s.checkN != checkSamples || took <= 0 || !slices.Equal(got, want) {
		t.Errorf("told %v, want %v (a check of %d took %v)", got, want, s.checkN, s.checkTook)
	}
	s, err = New(Options{Config: cfg, Seed: 1, Samples: checkSamples, Every: 5, Clock: NewClock(ticking(time.Millisecond)), Pace: pace})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	if _, err := s.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 || got[0].about != 0 || got[1].about <= 0 {
		t.Errorf("--samples %d, a check's: told %v, want 0 before the first check and its pace after", checkSamples, got)
	}
}

// TestRunTellsThePaceOfItsFirstEpochs: Run tells Options.Pace the pace
// of the epochs after its first, timed until they have taken paceWindow
// between them, where it told the first epoch's alone: a first epoch of
// 300 ms of one-off costs before epochs of 5 ms each had a 400-epoch
// plan told at 300 ms an epoch, 60 times its pace. A first epoch of
// paceWindow or more is told at once, alone; where the next line is an
// epoch away before the window fills, the pace so far is told then.
func TestRunTellsThePaceOfItsFirstEpochs(t *testing.T) {
	const ms = time.Millisecond
	for _, c := range []struct {
		name         string
		first, later time.Duration // epoch 1's time, every later epoch's
		plan, every  int
		want         Pace
	}{
		{"a first epoch's one-off costs", 300 * ms, 5 * ms, 400, 0, Pace{Epoch: 201, Took: 5 * ms, Epochs: 200, Each: 5 * ms, Plan: 400}},
		{"a wide design's first epoch", 2 * time.Second, 2 * time.Second, 10, 5, Pace{Epoch: 1, Took: 2 * time.Second, Epochs: 1, Each: 2 * time.Second, Plan: 10, Every: 5}},
		{"a progress line before the window fills", 300 * ms, 5 * ms, 40, 10, Pace{Epoch: 9, Took: 5 * ms, Epochs: 8, Each: 5 * ms, Plan: 40, Every: 10}},
		{"the plan's end before the window fills", 300 * ms, 5 * ms, 30, 0, Pace{Epoch: 29, Took: 5 * ms, Epochs: 28, Each: 5 * ms, Plan: 30}},
	} {
		cfg := testdesigns.Tiny()
		cfg.Epochs = c.plan
		var s *Session
		wall := newFakeWall()
		now := func() time.Time { // epoch 1 ends c.first after it began, every later one c.later
			if s != nil && s.gan.Epoch() == 1 {
				wall.pass(c.first)
			} else {
				wall.pass(c.later)
			}
			return wall.now()
		}
		var told []Pace
		pace := func(p Pace) {
			if !p.Evaluating {
				told = append(told, p)
			}
		}
		var err error
		if s, err = New(Options{Config: cfg, Seed: 1, Samples: checkSamples, Every: c.every, Clock: NewClock(now), Pace: pace}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Run(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		if len(told) != 1 || told[0] != c.want {
			t.Errorf("%s: told %+v, want %+v", c.name, told, c.want)
		}
	}
}

// TestSweepRowsAlignAtAnySize: a sweep's rows, printed one by one as their
// cells finish, keep every field in its column whatever the size of the figures
// before it: a cell whose W1 is 12.3456, or 2.6e31 when its runs went far off,
// does not push the rest of its row right.
func TestSweepRowsAlignAtAnySize(t *testing.T) {
	axes := []SweepAxis{{Key: "g_lr", Values: []string{"1e-4", "1e-3", "1e-2"}}}
	names := [2]string{"ks", "w1"}
	row := func(v string, w1 float64, modes float64) string {
		var rs []Result
		for range 2 {
			m := engine.Metrics{KS: 0.5, W1: w1, Modes: []engine.ModeCoverage{{Share: 0.5, Expected: 0.5, Covered: modes > 0}}}
			for range 9 {
				m.Modes = append(m.Modes, engine.ModeCoverage{Share: 0.5, Expected: 0.05})
			}
			rs = append(rs, Result{State: Done, Metrics: m})
		}
		rs[0].Metrics.Modes[1].Covered = modes > 1 // a median of 1.5
		return sweepRow([]string{v}, rs).line(sweepColumns{axes: axes, widths: []int{4}}, names)
	}
	rows := []string{row("1e-4", 0.5, 1), row("1e-3", 12.3456, 2), row("1e-2", 25641863068496750607904960151552, 0)}
	for _, field := range []string{" ks_max=", " w1=", " w1_min=", " w1_max=", " modes=", " modes_min=", " modes_max=", " of="} {
		at := strings.Index(rows[0], field)
		for _, r := range rows[1:] {
			if i := strings.Index(r, field); i != at || i < 0 {
				t.Errorf("%s at %d and %d:\n%s", field, at, i, strings.Join(rows, "\n"))
				break
			}
		}
	}
}

// TestSeedsSummaryAtAnySize: a batch's summary writes a run gone far off by the
// lines' rule, its columns as narrow as that allows: a W1 of 2.6e31 is not
// printed in its 32 digits, widening every line's columns to match. An infinite
// std is no figure of its range but counted (TestSummaryFiniteMedians).
func TestSeedsSummaryAtAnySize(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	results := []Result{
		{State: Done, Metrics: engine.Metrics{N: 100, KS: 0.5, W1: 0.25, Mean: 4, Std: 1}},
		{State: Done, Metrics: engine.Metrics{N: 100, KS: 1, W1: 25641863068496750607904960151552, Mean: 1e-30, Std: math.Inf(1)}},
	}
	var b strings.Builder
	writeSummary(&b, Options{Config: cfg}, []uint64{1, 2}, 2, results, time.Second)
	for _, want := range []string{"max=2.5642e31", "min=1.000e-30", "nan=1/2"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the summary lacks %q:\n%s", want, b.String())
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if len(line) > 120 {
			t.Errorf("a summary line of %d characters: %q", len(line), line)
		}
	}
}

// TestSummaryMeasuresLaidOutWithoutTheTimings: a batch's measure lines read the
// same byte for byte however fast its runs went; the timings widen their own
// lines alone, so that a rate past 10,000 epochs/s, in exponent form, moves no
// measure's columns, and --jobs 1 and --jobs 3 of one batch read alike.
func TestSummaryMeasuresLaidOutWithoutTheTimings(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	measures := func(rate, wall float64) string {
		results := []Result{
			{State: Done, Metrics: engine.Metrics{N: 100, KS: 0.5, W1: 0.25, Mean: 4, Std: 1}, EpochsPerS: rate, TrainS: wall, WallS: wall},
			{State: Done, Metrics: engine.Metrics{N: 100, KS: 0.125, W1: 0.5, Mean: 3.5, Std: 1.5}, EpochsPerS: rate, TrainS: wall, WallS: wall},
		}
		var b strings.Builder
		writeSummary(&b, Options{Config: cfg}, []uint64{1, 2}, 2, results, time.Second)
		var keep []string
		for _, line := range strings.Split(b.String(), "\n") {
			if !strings.HasPrefix(line, "summary epochs_per_s") && !strings.HasPrefix(line, "summary train_s") && !strings.HasPrefix(line, "summary wall_s") && !strings.HasPrefix(line, "summary preset=") {
				keep = append(keep, line)
			}
		}
		return strings.Join(keep, "\n")
	}
	slow, fast := measures(900, 1.5), measures(123456.7, 123456.789)
	if slow != fast {
		t.Errorf("the measures' lines moved with the pace:\n%s\nagainst\n%s", slow, fast)
	}
}

// TestLinesNameTheSampleSize: a run evaluated on other than the default sample
// size says so on its final line, and a batch's and a sweep's summaries say so
// of their runs, samples=1000 where again's command has --samples 1000: KS and
// W1 and their noise floors differ with it, so the lines of runs at 1,000 and
// at 10,000 samples do not read alike. At the default, as the command leaves
// --samples out, the lines do.
func TestLinesNameTheSampleSize(t *testing.T) {
	cfg := testdesigns.PerSample(10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the summary lines alone: nothing trains
	for _, c := range []struct {
		samples int
		named   string // the field, "" for none
	}{{1000, " samples=1000"}, {DefaultSamples, ""}, {0, ""}} {
		opts := Options{Config: cfg, Seed: 1, Samples: c.samples}
		s, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		final, again := s.Result().Line(), s.Again().Command
		s.Stop()
		if want := "final preset=per-sample" + c.named + " seed=1 "; !strings.HasPrefix(final, want) {
			t.Errorf("--samples %d: final line %q, want it to start %q", c.samples, final, want)
		}
		if named := strings.Contains(again, "--samples"); named != (c.named != "") {
			t.Errorf("--samples %d: again: %q, final line %q", c.samples, again, final)
		}
		var b strings.Builder
		writeSummary(&b, opts, []uint64{1}, 1, nil, time.Second)
		if want := "summary preset=per-sample target=normal(4,1.25)" + c.named + " seeds=1 "; !strings.HasPrefix(b.String(), want) {
			t.Errorf("--samples %d: seeds summary %q, want it to start %q", c.samples, b.String(), want)
		}
		sw, err := ParseSweep([]string{"d_lr=1e-3,2e-3"}, cfg, 1)
		if err != nil {
			t.Fatal(err)
		}
		b.Reset()
		RunSweep(ctx, opts, sw, []uint64{1}, 1, &b, nil)
		if want := "summary preset=per-sample target=normal(4,1.25) sweep=d_lr cells=2" + c.named + " seeds=1 "; !strings.HasPrefix(b.String(), want) {
			t.Errorf("--samples %d: sweep summary %q, want it to start %q", c.samples, b.String(), want)
		}
	}
	// On a plane the default is the papers' 2,500: 10,000 is named.
	ring, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	if f := samplesField(DefaultSamples, ring); f != " samples=10000" {
		t.Errorf("ring at %d samples: %q", DefaultSamples, f)
	}
	if f := samplesField(engine.BenchmarkSamples, ring); f != "" {
		t.Errorf("ring at %d samples: %q", engine.BenchmarkSamples, f)
	}
}

// lineKeys are the keys of a key=value line's fields, in their order.
func lineKeys(line string) []string {
	var keys []string
	for _, f := range strings.Fields(line) {
		if k, _, ok := strings.Cut(f, "="); ok {
			keys = append(keys, k)
		}
	}
	return keys
}

// TestSummaryInTheFinalLinesOrder: a --seeds summary gives its metrics under
// the final line's keys and in the final line's order, moments, then distances,
// then the rest, in one dimension and in two, so that a script reads both by
// one list of keys, not with the distances (ks w1, sw1 sw1_floor) first where
// the final lines above it have them last. A batch's final lines have a single
// run's keys in their order.
func TestSummaryInTheFinalLinesOrder(t *testing.T) {
	modes := []engine.ModeCoverage{{Covered: true}, {Covered: true}}
	spots := make([]engine.SpotShare, 8)
	for _, c := range []struct {
		preset string
		m      engine.Metrics
	}{
		{"vanilla", engine.Metrics{N: 100, KS: 0.1, W1: 0.2, Mean: 4, Std: 1}},
		{"bimodal", engine.Metrics{N: 100, RowWidth: 100, Modes: modes, ModesCovered: 2}}, // zdep and modes too
		{"ring", engine.Metrics{N: 100, Plane: &engine.PlaneMetrics{Spots: spots, Captured: 8}}},
		{"moons", engine.Metrics{N: 100, Plane: &engine.PlaneMetrics{}}}, // a plane without modes
	} {
		cfg, err := presets.Get(c.preset)
		if err != nil {
			t.Fatal(err)
		}
		r := Result{Preset: c.preset, Seed: 1, Epochs: 10, State: Done, Metrics: c.m, EpochsPerS: 100, WallS: 0.1}
		final := lineKeys(r.Line())
		if got := lineKeys(r.columnLine(2, 2)); !slices.Equal(got, final) {
			t.Errorf("%s: a batch's final line has keys %v, a single run's %v", c.preset, got, final)
		}
		var b strings.Builder
		writeSummary(&b, Options{Config: cfg}, []uint64{1}, 1, []Result{r}, time.Second)
		var names []string
		for _, l := range strings.Split(b.String(), "\n") {
			if f := strings.Fields(l); len(f) > 1 && f[0] == "summary" && !strings.Contains(f[1], "=") {
				names = append(names, f[1])
			}
		}
		in := map[string]bool{}
		for _, n := range names {
			in[n] = true
		}
		var want []string // the final line's keys the summary has, in the final line's order
		for _, k := range final {
			if in[k] {
				want = append(want, k)
			}
		}
		if !slices.Equal(names, want) {
			t.Errorf("%s: the summary's metrics are %v, want the final line's order %v (final line: %v)", c.preset, names, want, final)
		}
	}
}

// TestDivergedIsACountEverywhere: every line that counts the diverged runs — a
// --seeds summary, a sweep's row — says diverged=N, a count of the runs= beside
// it: a sweep's row says diverged=0, as its summary does, not diverged=0/3.
func TestDivergedIsACountEverywhere(t *testing.T) {
	cfg, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	runs := []Result{{State: Done, Metrics: engine.Metrics{N: 100}}, {State: Diverged}, {State: Diverged}}
	var b strings.Builder
	writeSummary(&b, Options{Config: cfg}, []uint64{1, 2, 3}, 1, runs, time.Second)
	axes := []SweepAxis{{Key: "g_lr", Values: []string{"1e-3"}}}
	lines := []string{strings.Split(b.String(), "\n")[0], sweepRow([]string{"1e-3"}, runs).line(sweepColumns{axes: axes, widths: []int{4}}, [2]string{"ks", "w1"})}
	for _, line := range lines {
		fields := map[string]string{}
		for _, f := range strings.Fields(line) {
			if k, v, ok := strings.Cut(f, "="); ok {
				fields[k] = v
			}
		}
		if fields["runs"] != "3" || fields["diverged"] != "2" {
			t.Errorf("runs=%s diverged=%s, want runs=3 diverged=2: %s", fields["runs"], fields["diverged"], line)
		}
	}
}

// TestProgressAndFinalLinesShareNoKeyOfTwoSamples: every key a progress
// line and the final line both give reads alike where both are of one
// evaluation, as at a run's last epoch: the progress line's moments, of
// the epoch's last batch, are batch_mean= and batch_std= (batch_mean_x= …
// on a plane), not the final line's mean= and std=, of fresh samples,
// where bimodal seed 4 at epoch 2,000 said mean=-2.071 on one and
// mean=-1.891 on the other.
func TestProgressAndFinalLinesShareNoKeyOfTwoSamples(t *testing.T) {
	fields := func(line string) map[string]string {
		kv := map[string]string{}
		for _, f := range strings.Fields(line) {
			if k, v, ok := strings.Cut(f, "="); ok {
				kv[k] = v
			}
		}
		return kv
	}
	modes := []engine.ModeCoverage{{Share: 0.968, Expected: 0.5, Covered: true}, {Share: 0, Expected: 0.5}}
	for _, c := range []struct {
		name  string
		stats engine.EpochStats
		m     engine.Metrics
		batch []string
	}{
		{"line", engine.EpochStats{Epoch: 2000, DReal: 0.554, DFake: 0.392, G: 1.158, Mean: -2.071, Std: 0.703},
			engine.Metrics{N: 10000, Mean: -1.891, Std: 0.715, KS: 0.5, W1: 1.891, Modes: modes},
			[]string{"batch_mean=-2.071", "batch_std=0.703"}},
		{"plane", engine.EpochStats{Epoch: 2000, DReal: 0.5, DFake: 0.5, G: 1, Mean: 0.1, Std: 1.1, MeanY: 0.2, StdY: 1.2},
			engine.Metrics{N: 2500, Plane: &engine.PlaneMetrics{MeanX: 0.3, StdX: 1.3, MeanY: 0.4, StdY: 1.4, SW1: 0.05, Spots: make([]engine.SpotShare, 8)}},
			[]string{"batch_mean_x=0.100", "batch_std_x=1.100", "batch_mean_y=0.200", "batch_std_y=1.200"}},
	} {
		progress := Progress{Stats: c.stats, Metrics: c.m}.Line()
		final := Result{Preset: "bimodal", Seed: 4, Epochs: 2000, State: Done, Metrics: c.m}.Line()
		p, f := fields(progress), fields(final)
		for k, v := range p {
			if w, ok := f[k]; ok && w != v {
				t.Errorf("%s: %s=%s on the progress line, %s=%s on the final line of the same evaluation:\n%s\n%s", c.name, k, v, k, w, progress, final)
			}
		}
		for _, want := range c.batch {
			if !strings.Contains(progress, " "+want+" ") {
				t.Errorf("%s: progress line %q, want %s", c.name, progress, want)
			}
		}
	}
}

// TestPaceEachCountsTheWarmup: the first epoch's Pace gives Each, the
// time an epoch to come takes at its pace, counting the updates of D's
// warm-up apart: wgan's epoch 1 has 100 D steps and 1 G step, the
// epochs after it 5 and 1 but for the warm-up's 24 more and every
// 500th, so that an epoch of its 10,000 takes, on average, 6.4 of the
// 101 updates' time, not all of it. A design with no warm-up: Took.
func TestPaceEachCountsTheWarmup(t *testing.T) {
	cfg, err := presets.Get("wgan")
	if err != nil {
		t.Fatal(err)
	}
	got := eachEpoch(cfg, 1, 10000, 101*time.Millisecond, 1)
	// 9,999 epochs of 6 updates, 43 of them (epochs 2-25 and 19 of every
	// 500th) 95 more: 64,079 updates over 9,999 epochs, a millisecond each.
	if want := 6408540 * time.Nanosecond; got < want-time.Microsecond || got > want+time.Microsecond {
		t.Errorf("wgan's epoch 1 of 10,000 at 101 ms: each %v, want %v", got, want)
	}
	for _, c := range []struct{ from, to int }{{0, 1}, {1, 10000}, {0, 25}, {24, 26}, {499, 1001}, {3, 3}} {
		n := 0
		for e := c.from; e < c.to; e++ {
			d, _ := cfg.DStepsAt(e)
			n += d + cfg.GSteps
		}
		if got := updatesBetween(&cfg, c.from, c.to); got != n {
			t.Errorf("wgan's updates from epoch %d to %d: %d, want %d, as DStepsAt counts them", c.from, c.to, got, n)
		}
	}
	if got := eachEpoch(testdesigns.Tiny(), 1, 100, time.Second, 1); got != time.Second {
		t.Errorf("no warm-up: each %v, want Took's 1s", got)
	}

	// Run tells it: wgan's first epoch, of 101 updates, against 29 on
	// average in the 99 after it, 24 of them warm-up.
	cfg.Epochs = 100
	var pace Pace
	s, err := New(Options{Config: cfg, Seed: 1, Samples: 300, Clock: NewClock(ticking(time.Millisecond)), Pace: func(p Pace) {
		if !p.Evaluating {
			pace = p
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if pace.Epochs < 1 || pace.Took <= 0 || pace.Each != eachEpoch(cfg, pace.Epoch, 100, pace.Took, pace.Epochs) || pace.Each >= pace.Took/2 {
		t.Errorf("wgan's first epochs of 100: %+v, want Each well under Took, the timed epochs' warm-up of 101 updates each against 6 after it", pace)
	}
	// Timed over epochs 2-13, all of the warm-up (101 updates each), as a
	// second's window of 81 ms epochs is: an update's time, 81 ms / 101,
	// times the updates of an epoch ahead, 14-100, on average.
	ahead := float64(updatesBetween(&cfg, 13, 100)) / 87
	if got, want := eachEpoch(cfg, 13, 100, 81*time.Millisecond, 12), time.Duration(float64(81*time.Millisecond)*12*ahead/float64(12*101)); got != want {
		t.Errorf("wgan's epochs 2-13 at 81 ms: each %v, want %v", got, want)
	}
}

// TestDoneRunOffTargetHasAVerdictLine: a run done with its plan where no
// finding holds, but G is not near its target or far from it, ends its
// finding lines with the screen's verdict, so that their silence is not
// read as a run gone well: bimodal (seed 2) ended with both modes covered
// at KS 0.185 and printed no finding line. A near G, a finding, a run
// stopped short and a run measured only at an earlier check have none.
func TestDoneRunOffTargetHasAVerdictLine(t *testing.T) {
	done := func(ks float64, change func(*Result)) Result {
		r := Result{State: Done, Epochs: 10000, Metrics: engine.Metrics{N: 10000, KS: ks}}
		change(&r)
		return r
	}
	as := func(*Result) {}
	for _, c := range []struct {
		name string
		r    Result
		want string
	}{
		{"not near", done(0.185, as), `finding kind=not-near text="No finding holds, but G is not near the target" detail="KS 0.185, over 0.091; 3× the 95% bound 0.030 of 2,000 samples; a sample of the target itself reads under 0.014"`},
		{"far", done(0.861, as), `finding kind=far text="No finding holds, but G is far from the target" detail="KS 0.861, over 0.5"`},
		{"near", done(0.027, as), ""},
		{"a finding", done(0.185, func(r *Result) { r.Findings = []Finding{{Kind: Plateau, Text: "KS has not improved", Detail: "…"}} }), `finding kind=plateau text="KS has not improved" detail="…"`},
		{"stopped short", done(0.185, func(r *Result) { r.State = Interrupted }), ""},
		{"measured earlier", done(0.185, func(r *Result) { r.Earlier, r.Measured = true, 9000 }), ""},
	} {
		if got := strings.Join(c.r.FindingLines(), "\n"); got != c.want {
			t.Errorf("%s: finding lines\n%q\nwant\n%q", c.name, got, c.want)
		}
	}
}
