package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/ganui/ganui/tui"
)

// interactive runs the full-screen trainer on the resolved design.
func interactive(opts options, stderr io.Writer) int {
	topts := tui.Options{Paused: opts.paused, Samples: opts.samples, Epochs: opts.epochs}
	var err error
	if opts.resumed != nil {
		err = tui.RunGAN(opts.resumed, topts)
	} else {
		err = tui.Run(opts.cfg, opts.seed, topts)
	}
	switch {
	case errors.Is(err, tui.ErrNotTerminal), errors.Is(err, tui.ErrNoKeyboard), errors.Is(err, tui.ErrDumbTerminal):
		fmt.Fprintf(stderr, "ganui: %v; ganui --headless trains without a terminal\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintln(stderr, "ganui:", err)
		return exitFailure
	}
	return exitOK
}
