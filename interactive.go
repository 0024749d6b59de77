package main

import (
	"fmt"
	"io"

	"github.com/ganui/ganui/session"
	"github.com/ganui/ganui/tui"
)

// interactive opens the full-screen trainer on the run, and once the user
// quits prints the run's final line and the command that runs it again
// with the settings it ended with (session.Again), so that both stay in
// the terminal's scroll-back: with the design file that command names
// written, when it is neither a built-in preset nor the run's own preset
// file, and what the command cannot repeat, if anything.
func interactive(opts options, stdout io.Writer) error {
	s, err := session.New(opts.Options)
	if err != nil {
		return usageError{err}
	}
	if err := tui.Run(s); err != nil {
		return err
	}
	fmt.Fprintln(stdout, s.Result().Line())
	again := s.Again()
	if again.DesignFile != "" {
		if _, err := s.WriteDesign(); err != nil {
			return fmt.Errorf("the design for the command again: %w", err)
		}
	}
	fmt.Fprintln(stdout, "again:", again.Command)
	if again.Caveat != "" {
		fmt.Fprintln(stdout, "       "+again.Caveat)
	}
	return nil
}
