// Package tui is ganui's interactive trainer: a full-screen bubbletea
// program that trains a GAN in a goroutine of its own and shows the run as
// it happens — losses, moments, a histogram against the target — with keys
// to pause, step, reseed and retune it mid-run.
//
// The trainer (Trainer) owns the model. The UI (Model) sends it Commands
// over a channel and reads Snapshots from a one-slot channel where a fresh
// snapshot replaces a stale one, so a slow screen never slows training.
package tui

import (
	"errors"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/engine"
)

// ErrNotTerminal reports that standard output is not a terminal, where a
// full-screen program cannot run.
var ErrNotTerminal = errors.New("the interactive trainer needs a terminal on standard output")

// Options tune an interactive run.
type Options struct {
	Paused  bool // start paused at epoch 0
	Samples int  // fresh samples per evaluation; 0 means 10,000
}

// Run trains cfg from seed in the interactive trainer until the user quits.
// It restores the terminal and stops the trainer before returning.
func Run(cfg engine.Config, seed uint64, opts Options) error {
	if !term.IsTerminal(os.Stdout.Fd()) {
		return ErrNotTerminal
	}
	tr, err := NewTrainer(cfg, seed, TrainerOptions{Paused: opts.Paused, Samples: opts.Samples})
	if err != nil {
		return err
	}
	// Ask the terminal for its background before the program takes over
	// the input, so adaptive colours pick the right variant.
	lipgloss.HasDarkBackground()
	tr.Start()
	defer tr.Stop()
	_, err = tea.NewProgram(NewModel(tr), tea.WithAltScreen()).Run()
	return err
}
