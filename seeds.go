package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ganui/ganui/engine"
)

// maxSeeds bounds one --seeds list.
const maxSeeds = 10000

// parseSeeds reads a seed list: comma-separated seeds and inclusive
// ranges A-B, e.g. "1-5" or "1,4,7-9". Seeds are kept in the order given;
// a seed may not repeat.
func parseSeeds(spec string) ([]uint64, error) {
	var seeds []uint64
	seen := map[uint64]bool{}
	for _, part := range strings.Split(spec, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		a, errA := strconv.ParseUint(strings.TrimSpace(lo), 10, 64)
		b, errB := a, error(nil)
		if isRange {
			b, errB = strconv.ParseUint(strings.TrimSpace(hi), 10, 64)
		}
		switch {
		case errA != nil || errB != nil:
			return nil, fmt.Errorf("%q is not a seed or a range A-B of seeds (e.g. 1-5 or 1,4,7-9)", part)
		case a > b:
			return nil, fmt.Errorf("range %q runs backwards; write %d-%d", part, b, a)
		case b-a >= maxSeeds || len(seeds)+int(b-a)+1 > maxSeeds:
			return nil, fmt.Errorf("%q: at most %d seeds", spec, maxSeeds)
		}
		for s := a; ; s++ {
			if seen[s] {
				return nil, fmt.Errorf("seed %d appears twice", s)
			}
			seen[s] = true
			seeds = append(seeds, s)
			if s == b {
				break
			}
		}
	}
	return seeds, nil
}

// seedsDivergedError reports that some runs of a --seeds batch diverged.
type seedsDivergedError struct{ diverged, runs int }

func (e *seedsDivergedError) Error() string {
	return fmt.Sprintf("%d of %d seeds diverged", e.diverged, e.runs)
}

// headlessSeeds trains every seed of opts.seeds, up to opts.jobs at once,
// prints each run's final line in seed order as soon as it and the runs
// before it are done, then a summary of the median and spread of every
// metric. Each run depends only on its config and seed, so the lines are
// the same whatever the number of jobs (but for the timings).
func headlessSeeds(opts options, stdout io.Writer) error {
	start := time.Now()
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	n := len(opts.seeds)
	results := make([]runResult, n)
	errs := make([]error, n)
	done := make([]chan struct{}, n)
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(opts.jobs, n) {
		wg.Go(func() {
			for i := range next {
				var gan *engine.GAN
				if gan, errs[i] = newRun(opts.cfg, opts.seeds[i]); errs[i] == nil {
					results[i], errs[i] = train(gan, opts.cfg.Epochs, opts.samples, 0, nil, nil, nil)
				}
				close(done[i])
			}
		})
	}
	go func() {
		for i := range n {
			next <- i
		}
		close(next)
	}()
	for i := range n {
		<-done[i]
		if errs[i] == nil {
			fmt.Fprintln(out, finalLine(opts.cfg, results[i]))
			out.Flush()
		}
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	writeSummary(out, opts, results, time.Since(start))
	diverged := 0
	for _, r := range results {
		if r.diverged != nil {
			diverged++
		}
	}
	if diverged > 0 {
		return &seedsDivergedError{diverged, n}
	}
	return nil
}

// writeSummary prints the summary block of a --seeds batch: a header line,
// then one line per metric with its median, minimum and maximum over the
// runs that finished (diverged runs have no meaningful metrics), and the
// target's own value where it has one.
func writeSummary(w io.Writer, opts options, results []runResult, elapsed time.Duration) {
	var ok []runResult
	for _, r := range results {
		if r.diverged == nil {
			ok = append(ok, r)
		}
	}
	names := make([]string, len(opts.seeds))
	for i, s := range opts.seeds {
		names[i] = strconv.FormatUint(s, 10)
	}
	fmt.Fprintf(w, "summary preset=%s seeds=%s runs=%d diverged=%d jobs=%d wall_s=%.3f\n",
		opts.cfg.Name, compactSeeds(opts.seeds), len(results), len(results)-len(ok), min(opts.jobs, len(results)), elapsed.Seconds())
	if len(ok) == 0 {
		return
	}
	t, _ := engine.ParseTarget(opts.cfg.Target) // valid: checked by Validate
	type metric struct {
		name   string
		of     func(runResult) float64
		format string
		target string
	}
	metrics := []metric{
		{"ks", func(r runResult) float64 { return r.m.KS }, "%.4f", ""},
		{"w1", func(r runResult) float64 { return r.m.W1 }, "%.4f", ""},
		{"mean", func(r runResult) float64 { return r.m.Mean }, "%.4f", fmt.Sprintf(" target=%.4f", t.Mean())},
		{"std", func(r runResult) float64 { return r.m.Std }, "%.4f", fmt.Sprintf(" target=%.4f", t.StdDev())},
		{"skew", func(r runResult) float64 { return r.m.Skew }, "%.4f", fmt.Sprintf(" target=%.4f", t.Skewness())},
		{"kurt", func(r runResult) float64 { return r.m.Kurt }, "%.4f", fmt.Sprintf(" target=%.4f", t.ExKurtosis())},
		{"zdep", func(r runResult) float64 { return r.m.ZDep }, "%.4f", ""},
	}
	if k := len(ok[0].m.Modes); k >= 2 {
		metrics = append(metrics, metric{"modes", func(r runResult) float64 { return float64(r.m.ModesCovered) }, "%.0f", fmt.Sprintf(" of=%d", k)})
	}
	metrics = append(metrics,
		metric{"epochs_per_s", func(r runResult) float64 { return r.epochsPerS }, "%.1f", ""},
		metric{"wall_s", func(r runResult) float64 { return r.wallS }, "%.3f", ""},
	)
	for _, m := range metrics {
		vs := make([]float64, len(ok))
		for i, r := range ok {
			vs[i] = m.of(r)
		}
		med, lo, hi := medianRange(vs)
		f := m.format
		fmt.Fprintf(w, "summary %-12s median="+f+" min="+f+" max="+f+"%s\n", m.name, med, lo, hi, m.target)
	}
}

// medianRange returns the median, minimum and maximum of vs (not empty).
func medianRange(vs []float64) (med, lo, hi float64) {
	s := slices.Clone(vs)
	slices.SortFunc(s, func(a, b float64) int {
		switch {
		case a < b || math.IsNaN(a) && !math.IsNaN(b):
			return -1
		case a > b || math.IsNaN(b) && !math.IsNaN(a):
			return 1
		}
		return 0
	})
	n := len(s)
	med = s[n/2]
	if n%2 == 0 {
		med = (s[n/2-1] + s[n/2]) / 2
	}
	return med, s[0], s[n-1]
}

// compactSeeds writes seeds back as ranges: 1,2,3,7 → 1-3,7.
func compactSeeds(seeds []uint64) string {
	var parts []string
	for i := 0; i < len(seeds); {
		j := i
		for j+1 < len(seeds) && seeds[j+1] == seeds[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", seeds[i], seeds[j]))
		} else {
			parts = append(parts, strconv.FormatUint(seeds[i], 10))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
