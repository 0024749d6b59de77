// Package tui is ganui's interactive trainer: a full-screen bubbletea
// program that shows a training session as it happens — losses, moments,
// a histogram against the target — with keys to pause, step, reseed and
// retune it mid-run, save it, export its history and roll it back after a
// divergence.
//
// It is a view: the session (package session) owns the run in a goroutine
// of its own. The UI (Model) sends it session.Commands and reads
// session.Snapshots from a one-slot channel where a fresh snapshot
// replaces a stale one, so a slow screen never slows training.
package tui

import (
	"errors"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/quietinit"
	"github.com/ganui/ganui/internal/stopsignal"
	"github.com/ganui/ganui/session"
	"github.com/muesli/termenv"
)

// TERM, which quietinit keeps dumb while the packages are initialized,
// so that bubbletea's init asks the terminal nothing, is put back: tui
// imports bubbletea, whose init has run.
func init() { quietinit.Restore() }

// Why the interactive trainer cannot run here. Each is a problem with the
// terminal, not with the run: ganui --headless trains without one.
var (
	ErrNotTerminal  = errors.New("the interactive trainer needs a terminal on standard output")
	ErrNoKeyboard   = errors.New("the interactive trainer needs a terminal to read keys from: standard input is not one, and there is no controlling terminal")
	ErrDumbTerminal = errors.New("the interactive trainer cannot draw on a terminal without cursor movement (TERM=dumb)")
)

// Ending is how the trainer ended.
type Ending struct {
	// Left is set when the user quit again while the first q waited for
	// the epoch in training: the session has not stopped, its goroutine
	// is still training, and nothing of it (Result, Again) may be read.
	Left bool
	// Shown is set once the screen has shown the run; Preset, Changes,
	// Seed and Epoch are then the run and the last epoch it showed
	// finished, its design named as the run's lines name it
	// (session.DesignText): the preset it started from, then its changes.
	Shown   bool
	Preset  string
	Changes []session.Change
	Seed    uint64
	Epoch   int
	// SaveAt is the epoch the screen showed when w last asked for a
	// checkpoint, or -1 if it had shown none yet: with Left and the
	// session's SavePending, that of the checkpoint not written.
	SaveAt int
	// Doing is, with Left, what the session was at as the user quit at
	// once, in Session.Doing's words: "training epoch 5", "evaluating
	// …", or "" between them, a file asked for being written (a w's
	// checkpoint, the run paused) or commands applied: what the quit did
	// not wait for.
	Doing string
}

// AtEpoch is " at epoch N", or "" for an epoch of -1: where a line says
// when a key was pressed, if the screen showed it.
func AtEpoch(epoch int) string {
	if epoch < 0 {
		return ""
	}
	return " at epoch " + numtext.FormatInt(epoch)
}

// ending is how the trainer m ended.
func (m Model) ending() Ending {
	end := Ending{Left: m.left, Shown: m.ready, SaveAt: m.saveAt, Doing: m.leftDoing}
	if m.ready {
		end.Preset, end.Changes, end.Seed, end.Epoch = m.snap.Origin, m.snap.Changes, m.snap.Seed, m.snap.Epoch
	}
	return end
}

// Run shows the session s in the full-screen trainer and drives it until
// the user quits. It starts s, and stops it before returning, whatever
// happens, unless the user quit without waiting for it (Ending.Left):
// otherwise the session's Result then sums the run up. A notice, when
// not "", is said on the status line from the start until the first key:
// what the trainer cannot do here, which the user should know before
// pressing the key that fails. takeOver is called just before the
// trainer takes the terminal, so that what held it until then (ganui's
// hush on its echo) lets it go first: the trainer puts the terminal back
// as it found it on leaving, and on ctrl+z. signals is HoldSignals's
// channel, which the trainer reads from takeOver until it ends: held
// from ganui's start, a signal that comes as the screen takes over waits
// there for it, where it had come to no one.
func Run(s *session.Session, notice string, takeOver func(), signals <-chan os.Signal) (Ending, error) {
	keys, err := checkTerminal()
	if err != nil {
		s.Stop()
		return Ending{}, err
	}
	if keys != os.Stdin {
		defer keys.Close()
	}
	askTerminal()
	m := NewModel(s)
	// Sized before the session starts, the model sends the screen's
	// HistBins first, so that the untrained generator is evaluated once,
	// at the bins drawn: on a wide design each evaluation takes seconds.
	// The program's own first size, the same, then asks nothing more.
	if w, h, err := term.GetSize(os.Stdout.Fd()); err == nil {
		m.resize(w, h)
	}
	s.Start()
	// The signals quit as q does (signalMsg), in place of bubbletea's
	// handler, which ended the program on SIGINT with an error and let
	// SIGHUP kill it with the terminal left raw.
	m.notice = notice
	if backgroundUnanswered {
		m.positionUntil = time.Now().Add(positionLate)
	}
	if backgroundBegun != "" { // late, or a second answer cut (answerBegun)
		m.answer = backgroundBegun // its rest is no keys
		m.answerUntil = time.Now().Add(answerRest)
	}
	m.typed, m.paste = startKeys(backgroundTyped)
	backgroundTyped = nil
	m.keys.noSuspend = noSuspendWhy()
	if m.keys.noSuspend == "" {
		m.stops = newStopCatcher()
	}
	p := newProgram(m, keys, tea.WithAltScreen(), tea.WithoutSignalHandler())
	m.stops.start(p.Send)
	defer m.stops.close()
	fd := keys.Fd()
	unwatch := watchTerminal(func() bool { return term.IsTerminal(fd) }, time.Second, p.Send)
	takeOver()
	stop := forwardSignals(signals, p.Send)
	final, err := p.Run()
	stop()
	unwatch()
	m, _ = final.(Model)
	end := m.ending()
	if !end.Left {
		s.Stop()
	}
	return end, err
}

// newProgram is the trainer's program of m, its keys read from keys in
// turn (readInTurn), the turns' messages dropped at its filter
// (dropReadTurn), with opts after those.
func newProgram(m tea.Model, keys *os.File, opts ...tea.ProgramOption) *tea.Program {
	input := &readInTurn{File: keys}
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithInput(input), tea.WithFilter(dropReadTurn)}, opts...)...)
	input.send = p.Send
	return p
}

// asked is done once the terminal has been asked what the screen's
// colours need.
var asked sync.Once

// AskTerminal asks the terminal on standard output, if there is one, what
// the trainer's colours need, once (Run asks it if it has not been): its
// colours and its background, so that adaptive colours pick the right
// variant. Asked before the program takes over the input, and best before
// slow work: reading the terminal's answer takes whatever was typed
// before it too, which the trainer then takes first (backgroundTyped).
// Keys typed already when it is called are left to the trainer: the
// background is then not asked (darkBackground).
func AskTerminal() {
	if os.Getenv("TERM") != "dumb" && term.IsTerminal(os.Stdout.Fd()) {
		askTerminal()
	}
}

// askTerminal is AskTerminal on a terminal known to be one.
func askTerminal() {
	asked.Do(func() {
		lipgloss.SetColorProfile(colourProfile(termenv.NewOutput(os.Stdout, termenv.WithEnvironment(environ(os.Getenv))), os.Getenv))
		lipgloss.SetHasDarkBackground(darkBackground(os.Stdout, os.Getenv))
	})
}

// darkBackground tells whether the terminal on out (standard output)
// has a dark background: ganui asks it (askBackground), waiting
// BackgroundWait at most. termenv asked it in bubbletea's init, before
// main, for every ganui command, and waited five seconds for a terminal
// that answers nothing; quietinit keeps that init from asking. Under tmux
// and screen, which termenv does not ask since they may show a pane on
// several terminals at once, ganui asks too: tmux (3.3a) answers with the
// pane's background where it knows one, a window-style for one;
// otherwise, as screen, it answers the position alone, and the
// background is then taken as dark, as termenv takes it. Not asked, a
// light terminal under tmux got the dark variants: the text near white
// on white. Without colour the background matters to nothing, and is not
// asked. Nor is a terminal with keys typed ahead on it (typedAhead),
// whose answer would be read with them and take them: the background is
// then what termenv takes of a terminal that does not answer,
// COLORFGBG's (set by rxvt and Konsole, "15;0" for white on black), or
// dark.
func darkBackground(out *os.File, getenv func(string) string) bool {
	if colourProfile(termenv.NewOutput(out, termenv.WithEnvironment(environ(getenv))), getenv) == termenv.Ascii {
		return true
	}
	if !typedAhead(out) {
		if dark, ok := askBackground(out, BackgroundWait); ok {
			return dark
		}
	}
	unasked := environ(func(key string) string {
		if key == "TERM" {
			return "dumb" // a terminal termenv does not ask, reading COLORFGBG instead
		}
		return getenv(key)
	})
	return termenv.NewOutput(out, termenv.WithEnvironment(unasked)).HasDarkBackground()
}

// BackgroundWait is how long darkBackground waits for the terminal to
// answer what its background is: a terminal answers within a round trip
// (a millisecond on the machine itself, tens over ssh), and a terminal
// that answers nothing holds the first screen no longer. An answer later
// than that comes to the trainer as keys, which it takes for no keys,
// and its colour for the background then (lateAnswer, lateColour). A
// variable, so that a test that answers it itself, however slowly it is
// run, is not timed against it.
var BackgroundWait = 300 * time.Millisecond

// PasteWait, where not 0, is how long the question's read waits for the
// end of a bracketed paste begun in it (readAnswer), where it waits as
// long as the question, a second at least. A variable, so that a test
// that answers the question itself, its wait an hour, can have a paste
// whose end never comes given up in a second: the wait it tests is then
// the paste's alone, not raced against the question's.
var PasteWait time.Duration

// colourProfile is the colours the screen draws in on out, whose
// environment getenv reads: termenv's reading of it (NO_COLOR, COLORTERM,
// TERM), but for GNU screen and tmux under their own names without
// "256color", TERM=screen or TERM=tmux (screen's default, and tmux's
// where its default-terminal is screen), which termenv takes for a
// terminal without colour: both draw 16 colours on a terminal that has
// them, and plain text there would be as under NO_COLOR, which no one
// asked for.
func colourProfile(out *termenv.Output, getenv func(string) string) termenv.Profile {
	p := out.EnvColorProfile()
	if p == termenv.Ascii && !out.EnvNoColor() && multiplexer(getenv("TERM")) {
		return termenv.ANSI
	}
	return p
}

// multiplexer tells whether term is GNU screen's or tmux's own name for
// the terminal it draws on: screen, screen-256color, tmux-256color, ….
func multiplexer(term string) bool {
	return strings.HasPrefix(term, "screen") || strings.HasPrefix(term, "tmux")
}

// environ is an environment for termenv to read, through getenv.
type environ func(key string) string

func (e environ) Getenv(key string) string { return e(key) }
func (e environ) Environ() []string        { return os.Environ() }

// quitSignals end the trainer as q does, the run whole: SIGINT (kill
// -INT; ctrl+c on the keyboard is a key), SIGTERM, and SIGHUP, which
// comes when the terminal closes, and SIGQUIT (kill -QUIT; ctrl+\\ is a
// key too), which Go's default would answer by dumping its goroutines and
// exiting 2 with the terminal left raw. A second one while the first
// waits for the epoch in training quits at once, as a second q does.
var quitSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// signalMsg is one of quitSignals, received.
type signalMsg struct{ os.Signal }

// HoldSignals keeps each of quitSignals from ending the process, but
// those it was started ignoring (SIGHUP under nohup), until release, and
// puts them in the channel it returns, for each part of ganui to read in
// its turn: what holds the terminal before the trainer, the trainer
// (Run), what waits for the final line after it. Held from ganui's
// start to its end, none of them meets the default action between one
// part and the next (SIGQUIT's, a dump of every goroutine and exit 2),
// and one that comes as a part hands over waits in the channel for the
// next. The first stop signal sent again at once (stopsignal.First, as
// a headless run takes it) is not put in: coreutils timeout sends its
// SIGTERM to ganui and then to its process group, microseconds apart,
// and the second, a second q, quit the trainer at once, without the
// final line and the command again that the first waited for. SIGQUIT,
// which quits at once the first time, is put in each time.
func HoldSignals() (signals chan os.Signal, release func()) {
	signals = make(chan os.Signal, len(quitSignals))
	var held []os.Signal
	for _, q := range quitSignals {
		if !signal.Ignored(q) {
			held = append(held, q)
		}
	}
	if len(held) == 0 { // none: Notify would relay every signal
		return signals, func() {}
	}
	came := make(chan os.Signal, len(quitSignals))
	signal.Notify(came, held...)
	stop := untilStop(func(done <-chan struct{}) {
		var first stopsignal.First
		for {
			select {
			case s := <-came:
				if s != syscall.SIGQUIT && first.Repeat(s) {
					continue // the first sent again to the group (timeout): one quit
				}
				select {
				case signals <- s:
				default: // as many waiting as the channel holds, as Notify drops them
				}
			case <-done:
				return
			}
		}
	})
	return signals, func() {
		signal.Stop(came)
		stop()
	}
}

// untilStop runs loop on a goroutine of its own until stop is called:
// stop closes the done channel loop returns at, and returns once loop
// has, so that the goroutine does not outlive it and nothing loop sends
// comes after it. The trainer's watches (its held signals, forwardSignals,
// watchTerminal, its stopCatcher) send to a program that has ended by the
// time they are stopped, and each was stopped in turn as it ended.
func untilStop(loop func(done <-chan struct{})) (stop func()) {
	done, ended := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(ended)
		loop(done)
	}()
	return func() {
		close(done)
		<-ended
	}
}

// forwardSignals passes each signal of sig to send as a signalMsg until
// stop is called; from then on the next to read sig reads it alone.
func forwardSignals(sig <-chan os.Signal, send func(tea.Msg)) (stop func()) {
	return untilStop(func(done <-chan struct{}) {
		for {
			select {
			case s := <-sig:
				send(signalMsg{s})
			case <-done:
				return
			}
		}
	})
}

// hangupMsg reports that the terminal has gone.
type hangupMsg struct{}

// watchTerminal checks every interval that the terminal is still there
// (alive), and once it is not — the window closed, the connection
// dropped — sends hangupMsg, which ends the trainer as q does, until
// stop is called. The kernel sends SIGHUP to the terminal's session
// leader alone: a trainer started under a program that ignores it, or
// dies without passing it on, reads the end of its input, which bubbletea
// takes in silence, and would otherwise train on, seen by no one, for
// good. stop returns once the watch has ended, a check under way with it.
func watchTerminal(alive func() bool, interval time.Duration, send func(tea.Msg)) (stop func()) {
	return untilStop(func(done <-chan struct{}) {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				if !alive() {
					send(hangupMsg{})
					return
				}
			case <-done:
				return
			}
		}
	})
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
	return KeysTerminal()
}

// KeysTerminal is the terminal the trainer reads keys from: standard
// input, or the controlling terminal when standard input is redirected,
// opened, for the caller to close once it is done with it (where it is
// not os.Stdin); ErrNoKeyboard where there is none. Ganui's hush takes
// its echo off before the trainer takes it.
func KeysTerminal() (*os.File, error) {
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
