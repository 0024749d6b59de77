// Package tui is ganui's interactive trainer: a full-screen bubbletea
// program that trains a GAN in a goroutine of its own and shows the run as
// it happens — losses, moments, a histogram against the target — with keys
// to pause, step, reseed and retune it mid-run, save it, export its
// history and roll it back after a divergence.
//
// The trainer (Trainer) owns the model. The UI (Model) sends it Commands
// over a channel and reads Snapshots from a one-slot channel where a fresh
// snapshot replaces a stale one, so a slow screen never slows training.
package tui

import (
	"errors"
	"os"
	"runtime"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/engine"
)

// Why the interactive trainer cannot run here. Each is a problem with the
// terminal, not with the run: ganui --headless trains without one.
var (
	ErrNotTerminal  = errors.New("the interactive trainer needs a terminal on standard output")
	ErrNoKeyboard   = errors.New("the interactive trainer needs a terminal to read keys from: standard input is not one, and there is no controlling terminal")
	ErrDumbTerminal = errors.New("the interactive trainer cannot draw on a terminal without cursor movement (TERM=dumb)")
)

// Options tune an interactive run.
type Options struct {
	Paused  bool   // start paused
	Samples int    // fresh samples per evaluation; 0 means 10,000
	Epochs  int    // the planned epochs; 0 keeps the design's (or checkpoint's)
	Dir     string // where w (checkpoint) and e (CSV) write; "" is the current directory
}

// Run trains cfg from seed in the interactive trainer until the user quits.
// It restores the terminal and stops the trainer before returning.
func Run(cfg engine.Config, seed uint64, opts Options) error {
	gan, err := engine.New(cfg, seed)
	if err != nil {
		return err
	}
	return RunGAN(gan, opts)
}

// RunGAN opens the interactive trainer on a run already built — typically
// one restored from a checkpoint with engine.LoadFile, which then continues
// from its epoch bit-identically — until the user quits.
func RunGAN(gan *engine.GAN, opts Options) error {
	keys, err := checkTerminal()
	if err != nil {
		return err
	}
	if keys != os.Stdin {
		defer keys.Close()
	}
	tr := NewTrainerFor(gan, TrainerOptions{Paused: opts.Paused, Samples: opts.Samples, Epochs: opts.Epochs, Dir: opts.Dir})
	// Ask the terminal for its background before the program takes over
	// the input, so adaptive colours pick the right variant.
	lipgloss.HasDarkBackground()
	tr.Start()
	defer tr.Stop()
	_, err = tea.NewProgram(NewModel(tr), tea.WithAltScreen(), tea.WithInput(keys)).Run()
	return err
}

// checkTerminal makes sure there is a terminal to draw on and one to read
// keys from, and returns the latter: standard input, or the controlling
// terminal when standard input is redirected (ganui < /dev/null, or with
// it closed), as full-screen programs such as less and fzf do.
func checkTerminal() (*os.File, error) {
	if os.Getenv("TERM") == "dumb" {
		return nil, ErrDumbTerminal
	}
	if !term.IsTerminal(os.Stdout.Fd()) {
		return nil, ErrNotTerminal
	}
	if term.IsTerminal(os.Stdin.Fd()) {
		return os.Stdin, nil
	}
	name := "/dev/tty"
	if runtime.GOOS == "windows" {
		name = "CONIN$"
	}
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return nil, ErrNoKeyboard
	}
	if !term.IsTerminal(f.Fd()) {
		f.Close()
		return nil, ErrNoKeyboard
	}
	return f, nil
}
