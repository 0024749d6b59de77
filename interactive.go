package main

import (
	"fmt"
	"io"

	"github.com/ganui/ganui/session"
	"github.com/ganui/ganui/tui"
)

// interactive opens the full-screen trainer on the run, and once the user
// quits prints the run's final line and the command that runs it again
// with the settings it ended with, so that both stay in the terminal's
// scroll-back.
func interactive(opts options, stdout io.Writer) error {
	s, err := session.New(opts.Options)
	if err != nil {
		return usageError{err}
	}
	if err := tui.Run(s); err != nil {
		return err
	}
	fmt.Fprintln(stdout, s.Result().Line())
	fmt.Fprintln(stdout, "again:", s.Command())
	return nil
}
