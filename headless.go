package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/ganui/ganui/engine"
)

// runResult is how one headless run ended.
type runResult struct {
	seed        uint64
	epochs      int
	diverged    error // a *engine.DivergedError, or nil when the run finished
	interrupted bool  // stopped early by SIGINT or SIGTERM
	m           engine.Metrics
	epochsPerS  float64 // training throughput, evaluations excluded
	wallS       float64 // the whole run, evaluations included
}

// headless trains one run to its planned epochs, printing a progress line
// every opts.every epochs and a final key=value summary. Throughput
// (epochs_per_s) counts training time only; wall_s is the whole run,
// evaluations and output included.
//
// SIGINT or SIGTERM stops the run after the current epoch; the log is
// flushed, the checkpoint written (with --save) and the final line printed
// with state=interrupted, so nothing trained so far is lost.
func headless(opts options, stdout io.Writer) error {
	gan := opts.resumed
	if gan == nil {
		var err error
		if gan, err = newRun(opts.cfg, opts.seed); err != nil {
			return err
		}
	}
	var log *csvLog
	if opts.logPath != "" {
		var err error
		if log, err = createCSVLog(opts.logPath); err != nil {
			return err
		}
		defer log.Close()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	r, err := train(gan, opts.cfg.Epochs, opts.samples, opts.every, out, log, ctx.Done())
	if err != nil {
		return err
	}
	if log != nil {
		if err := log.Close(); err != nil {
			return err
		}
	}
	if opts.savePath != "" && r.diverged == nil {
		if err := gan.SaveFile(opts.savePath); err != nil {
			return fmt.Errorf("--save: %w", err)
		}
	}
	fmt.Fprintln(out, finalLine(gan.Config(), r))
	if r.interrupted {
		return errInterrupted
	}
	return r.diverged
}

// errInterrupted reports a run stopped by a signal; it exits 130.
var errInterrupted = errors.New("interrupted")

// newRun builds a fresh run of cfg from seed, or says why it cannot.
func newRun(cfg engine.Config, seed uint64) (*engine.GAN, error) {
	gan, err := engine.New(cfg, seed)
	if err != nil {
		return nil, usageError{fmt.Errorf("preset %s: %w", cfg.Name, err)}
	}
	return gan, nil
}

// train runs gan until it has completed planned epochs, diverges, or stop
// is closed. With every > 0 it prints a progress line to progress every
// that many epochs; with a log it records every epoch. The error is for
// I/O only: divergence and interruption are part of the result.
func train(gan *engine.GAN, planned, samples, every int, progress *bufio.Writer, log *csvLog, stop <-chan struct{}) (runResult, error) {
	start := time.Now()
	r := runResult{seed: gan.Seed()}
	var busy time.Duration
	trained := 0
	for gan.Epoch() < planned {
		select {
		case <-stop:
			r.interrupted = true
		default:
		}
		if r.interrupted {
			break
		}
		t0 := time.Now()
		s, err := gan.TrainEpoch()
		busy += time.Since(t0)
		trained++
		if log != nil {
			if err := log.Write(s); err != nil {
				return r, err
			}
		}
		if err != nil {
			r.diverged = err
			break
		}
		if every > 0 && s.Epoch%every == 0 {
			m := gan.Evaluate(samples, engine.HistSpec{})
			fmt.Fprintf(progress, "epoch=%d d_real=%.4f d_fake=%.4f g=%.4f mean=%.4f std=%.4f ks=%.4f%s\n",
				s.Epoch, s.DReal, s.DFake, s.G, s.Mean, s.Std, m.KS, modesField(m, false))
			progress.Flush()
			if log != nil {
				if err := log.Flush(); err != nil {
					return r, err
				}
			}
		}
	}
	r.epochs = gan.Epoch()
	r.m = gan.Evaluate(samples, engine.HistSpec{})
	if busy > 0 {
		r.epochsPerS = float64(trained) / busy.Seconds()
	}
	r.wallS = time.Since(start).Seconds()
	return r, nil
}

// finalLine is a run's one-line key=value summary.
func finalLine(cfg engine.Config, r runResult) string {
	state := "done"
	switch {
	case r.diverged != nil:
		state = "diverged"
	case r.interrupted:
		state = "interrupted"
	}
	m := r.m
	return fmt.Sprintf("final preset=%s seed=%d epochs=%d state=%s mean=%.4f std=%.4f skew=%.4f kurt=%.4f ks=%.4f w1=%.4f zdep=%.4f%s epochs_per_s=%.1f wall_s=%.3f",
		cfg.Name, r.seed, r.epochs, state, m.Mean, m.Std, m.Skew, m.Kurt, m.KS, m.W1, m.ZDep, modesField(m, true),
		r.epochsPerS, r.wallS)
}

// modesField reports mode coverage against a multimodal target as
// " modes=covered/all", with each mode's share of the samples when shares
// is set; it is empty for other targets.
func modesField(m engine.Metrics, shares bool) string {
	if len(m.Modes) < 2 {
		return ""
	}
	s := fmt.Sprintf(" modes=%d/%d", m.ModesCovered, len(m.Modes))
	if shares {
		parts := make([]string, len(m.Modes))
		for i, c := range m.Modes {
			parts[i] = fmt.Sprintf("%.3f", c.Share)
		}
		s += " mode_share=" + strings.Join(parts, ",")
	}
	return s
}

// csvLog writes the per-epoch history as CSV with a header row.
type csvLog struct {
	f   *os.File
	w   *bufio.Writer
	row []byte // reused row buffer
}

func createCSVLog(path string) (*csvLog, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("--log: %w", err)}
	}
	l := &csvLog{f: f, w: bufio.NewWriter(f)}
	fmt.Fprintln(l.w, engine.CSVHeader)
	return l, nil
}

func (l *csvLog) Write(s engine.EpochStats) error {
	l.row = s.AppendCSV(l.row[:0])
	_, err := l.w.Write(l.row)
	return err
}

func (l *csvLog) Flush() error { return l.w.Flush() }

// Close flushes and closes the file; closing twice is harmless.
func (l *csvLog) Close() error {
	if l.f == nil {
		return nil
	}
	err := l.w.Flush()
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
