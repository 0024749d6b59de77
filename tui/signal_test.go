//go:build unix

package tui

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/ganui/ganui/internal/leakcheck"
	"github.com/ganui/ganui/internal/testdesigns"
)

// TestQuitSignalsReachTheModel: SIGINT, SIGTERM and SIGHUP each reach the model
// as a message, and the process lives on. Left to bubbletea's handler, SIGINT
// would end the program with an error, so that ganui prints no final line and
// exits 1, and SIGHUP would kill the process with the terminal raw.
func TestQuitSignalsReachTheModel(t *testing.T) {
	leakcheck.Check(t)
	msgs := make(chan tea.Msg, len(quitSignals))
	signals, release := HoldSignals()
	defer release()
	stop := forwardSignals(signals, func(m tea.Msg) { msgs <- m })
	defer stop()
	for _, sig := range quitSignals {
		if sig == syscall.SIGINT {
			// Not sent for real: every teatest model of this process
			// listens for SIGINT and would log "interrupted" into a test
			// long finished (a panic). It takes the same path as the two
			// below, and TestTrainerQuitsOnSignals sends it to a trainer.
			continue
		}
		if signal.Ignored(sig) {
			// Started under nohup (SIGHUP ignored): forwardSignals
			// leaves it ignored, as a trainer so started does, and a
			// hang-up sent here would reach no one.
			continue
		}
		syscall.Kill(os.Getpid(), sig.(syscall.Signal))
		select {
		case m := <-msgs:
			if got, ok := m.(signalMsg); !ok || got.Signal != sig {
				t.Fatalf("%v arrived as %#v", sig, m)
			}
		case <-time.After(waitTimeout):
			t.Fatalf("%v did not reach the model", sig)
		}
	}
}

// TestQuitSignalQuitsAsQDoes: a signal asks the session to stop after the
// epoch in training, the screen saying so, and a second quits at once,
// as q and q again do.
func TestQuitSignalQuitsAsQDoes(t *testing.T) {
	for _, sig := range quitSignals {
		s, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
		mm, cmd := m.Update(signalMsg{sig})
		if !mm.(Model).quitting || stopped(s) || cmd == nil || isQuit(cmd) {
			t.Fatalf("%v: quitting %v, session stopped %v, quit at once %v", sig, mm.(Model).quitting, stopped(s), isQuit(cmd))
		}
		mm, cmd = mm.Update(signalMsg{sig})
		if !isQuit(cmd) || !mm.(Model).left {
			t.Fatalf("%v again did not quit at once", sig)
		}
	}
}

// TestHangupQuitsAsQDoes: once the terminal has gone, the watch says so
// once, and the trainer quits as on q; a hang-up while quitting changes
// nothing, the epoch awaited.
func TestHangupQuitsAsQDoes(t *testing.T) {
	leakcheck.Check(t)
	var alive atomic.Bool
	alive.Store(true)
	msgs := make(chan tea.Msg, 2)
	stop := watchTerminal(alive.Load, time.Millisecond, func(m tea.Msg) { msgs <- m })
	defer stop()
	alive.Store(false)
	select {
	case m := <-msgs:
		if _, ok := m.(hangupMsg); !ok {
			t.Fatalf("the watch sent %#v", m)
		}
	case <-time.After(waitTimeout):
		t.Fatal("the watch did not see the terminal go")
	}

	_, m := shownModel(t, testdesigns.PerSample(5000), true, 100, 30)
	mm, cmd := m.Update(hangupMsg{})
	if !mm.(Model).quitting || cmd == nil || isQuit(cmd) {
		t.Fatal("a hang-up did not stop the session as q does")
	}
	if mm, cmd = mm.Update(hangupMsg{}); cmd != nil || mm.(Model).left {
		t.Fatal("a hang-up while quitting left the session")
	}
}

// TestTerminalWatchEndsWithItsStop: stopped while it checks the terminal,
// the watch's stop returns only once the check is done and the watch has
// ended, so that its hangupMsg, sent to a program that has ended by then,
// comes before stop returns, never after; under -race the messages the
// watch sent, read once stop has returned, are read after it wrote them.
// Its stop had returned at once, with the watch still running, to send
// after it.
func TestTerminalWatchEndsWithItsStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		checking, checked := make(chan struct{}), make(chan struct{})
		alive := func() bool {
			checking <- struct{}{}
			<-checked
			return false // gone as it was stopped
		}
		var sent []tea.Msg
		stop := watchTerminal(alive, time.Second, func(m tea.Msg) { sent = append(sent, m) })
		<-checking
		stopped := make(chan struct{})
		go func() {
			stop()
			close(stopped)
		}()
		synctest.Wait() // stop has done all it does without the check's end
		select {
		case <-stopped:
			t.Error("stop returned while the watch was checking the terminal, to send after it")
		default:
		}
		close(checked)
		<-stopped
		if len(sent) != 1 {
			t.Errorf("the watch sent %v before its stop returned, want its one hangupMsg", sent)
		}
	})
}
