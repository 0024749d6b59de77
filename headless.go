package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
)

// headless trains one run to its planned epochs, printing a progress line
// every opts.every epochs and a final key=value summary. Throughput
// (epochs_per_s) counts training time only; wall_s is the whole run,
// evaluations and output included.
func headless(opts options, stdout io.Writer) error {
	start := time.Now()
	cfg, err := presets.Get(opts.preset)
	if err != nil {
		return usageError{err}
	}
	if opts.epochs > 0 {
		cfg.Epochs = opts.epochs
	}
	gan, err := engine.New(cfg, opts.seed)
	if err != nil {
		return usageError{fmt.Errorf("preset %s: %w", cfg.Name, err)}
	}
	var log *csvLog
	if opts.logPath != "" {
		if log, err = createCSVLog(opts.logPath); err != nil {
			return err
		}
		defer log.Close()
	}

	out := bufio.NewWriter(stdout)
	defer out.Flush()
	var train time.Duration
	state, trainErr := "done", error(nil)
	for gan.Epoch() < cfg.Epochs {
		t0 := time.Now()
		s, err := gan.TrainEpoch()
		train += time.Since(t0)
		if log != nil {
			if err := log.Write(s); err != nil {
				return err
			}
		}
		if err != nil {
			state, trainErr = "diverged", err
			break
		}
		if opts.every > 0 && s.Epoch%opts.every == 0 {
			m := gan.Evaluate(opts.samples, engine.HistSpec{})
			fmt.Fprintf(out, "epoch=%d d_real=%.4f d_fake=%.4f g=%.4f mean=%.4f std=%.4f ks=%.4f\n",
				s.Epoch, s.DReal, s.DFake, s.G, s.Mean, s.Std, m.KS)
			out.Flush()
			if log != nil {
				if err := log.Flush(); err != nil {
					return err
				}
			}
		}
	}
	if log != nil {
		if err := log.Close(); err != nil {
			return err
		}
	}
	m := gan.Evaluate(opts.samples, engine.HistSpec{})
	fmt.Fprintf(out, "final preset=%s seed=%d epochs=%d state=%s mean=%.4f std=%.4f skew=%.4f kurt=%.4f ks=%.4f w1=%.4f zdep=%.4f epochs_per_s=%.1f wall_s=%.3f\n",
		cfg.Name, opts.seed, gan.Epoch(), state, m.Mean, m.Std, m.Skew, m.Kurt, m.KS, m.W1, m.ZDep,
		float64(gan.Epoch())/train.Seconds(), time.Since(start).Seconds())
	return trainErr
}

// csvLog writes the per-epoch history as CSV with a header row.
type csvLog struct {
	f *os.File
	w *bufio.Writer
}

// CSVHeader names the columns of a history log.
const CSVHeader = "epoch,d_real,d_fake,g_loss,mean,std"

func createCSVLog(path string) (*csvLog, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("--log: %w", err)}
	}
	l := &csvLog{f: f, w: bufio.NewWriter(f)}
	fmt.Fprintln(l.w, CSVHeader)
	return l, nil
}

func (l *csvLog) Write(s engine.EpochStats) error {
	_, err := fmt.Fprintf(l.w, "%d,%g,%g,%g,%g,%g\n", s.Epoch, s.DReal, s.DFake, s.G, s.Mean, s.Std)
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
