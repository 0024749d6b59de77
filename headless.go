package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/ganui/ganui/session"
)

// headless trains one run to its planned epochs, printing a progress line
// every --every epochs and the run's final key=value line. SIGINT or
// SIGTERM stops the run after the current epoch: the log is flushed, the
// checkpoint written (with --save) and the final line printed with
// state=interrupted, so nothing trained so far is lost. A file that could
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
