package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/ganui/ganui/figure"
	"github.com/ganui/ganui/session"
)

// headless trains one run to its planned epochs, printing a progress line
// every --every epochs and the run's final key=value line. SIGINT or
// SIGTERM stops the run after the current epoch: the log is flushed, the
// checkpoint written (with --save) and the final line printed with
// state=interrupted, so nothing trained so far is lost. The figure
// (--plot) is drawn last, from the session's histories, whatever the
// state. A file that could
// not be written is reported after the final line, whose numbers stand.
func headless(opts options, stdout io.Writer) error {
	s, err := session.New(opts.Options)
	if err != nil {
		return usageError{err}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	s.OnEvent(func(e session.Event) { fmt.Fprintln(out, e.Line()) })
	r, err := s.Run(ctx, func(p session.Progress) {
		fmt.Fprintln(out, p.Line())
		out.Flush()
	})
	fmt.Fprintln(out, r.Line())
	if opts.PlotPath != "" {
		if perr := figure.Write(opts.PlotPath, figure.FromPicture(s.Picture())); perr != nil && err == nil {
			err = fmt.Errorf("--plot: %w", perr)
		}
	}
	switch {
	case err != nil:
		return err
	case r.State == session.Interrupted:
		return session.ErrInterrupted
	case r.State == session.Diverged:
		return r.Err
	}
	return nil
}

// headlessSeeds trains every seed of --seeds, --jobs at once, and prints
// their final lines and a summary (session.RunSeeds). SIGINT or SIGTERM
// stops the runs in flight and summarises what finished.
func headlessSeeds(opts options, stdout io.Writer) error {
	if _, err := session.New(opts.Options); err != nil { // fail before training
		return usageError{err}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return session.RunSeeds(ctx, opts.Options, opts.seeds, opts.jobs, stdout)
}

// headlessSweep trains the grid of --sweep for each seed, --jobs runs at
// once, and prints a row per cell (session.RunSweep); with --plot, it
// draws the heat map of the median KS over the sweep's two keys, of the
// rows it has, also when SIGINT or SIGTERM stopped it.
func headlessSweep(opts options, stdout io.Writer) error {
	if _, err := session.New(opts.Options); err != nil { // fail before training
		return usageError{err}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := session.RunSweep(ctx, opts.Options, opts.sweep, opts.seeds, opts.jobs, stdout)
	if opts.PlotPath != "" && len(res.Rows) > 0 {
		if perr := figure.WriteHeatmap(opts.PlotPath, figure.FromSweep(res)); perr != nil && err == nil {
			err = fmt.Errorf("--plot: %w", perr)
		}
	}
	return err
}
