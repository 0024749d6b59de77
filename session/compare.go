package session

import (
	"fmt"
	"io"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/outputfile"
	"github.com/ganui/ganui/presets"
)

// Replay steps through the keyframes of a run that is not running: Dir −1
// or +1 moves one frame back or forward; with Jump it moves to the frame
// of the previous or next event instead. Any command that trains or
// changes the run returns to live.
type Replay struct {
	Dir  int
	Jump bool
}

// Pin pins the run as it is now as the baseline, whose curves and last
// histogram a front end draws beside the live run's through reseeds,
// retunes and restarts; Pin again clears it.
type Pin struct{}

// Share writes the design being trained, settings as they are now, to
// ganui-<preset>-seed<S>.json in the session's directory — a preset file
// that loads back — and says the command that reproduces the run.
type Share struct{}

// keepsReplay marks the commands that leave a replay as it is.
type keepsReplay interface{ keepsReplay() }

func (Replay) keepsReplay()   {}
func (HistBins) keepsReplay() {}
func (Pin) keepsReplay()      {}
func (Share) keepsReplay()    {}
func (Save) keepsReplay()     {}
func (Export) keepsReplay()   {}

func (c Replay) apply(s *Session) {
	n := len(s.tl.keyframes)
	switch {
	case s.state == Running:
		s.note = "replay works while paused: press space to pause first"
		return
	case n == 0:
		s.note = "nothing to replay yet: keyframes are kept every " + FormatInt(s.every) + " epochs"
		return
	}
	i := s.replay
	if i < 0 {
		i = n // live is just past the newest frame
	}
	if c.Jump {
		i = s.eventFrame(i, c.Dir)
	} else {
		i += c.Dir
		if s.replay < 0 && i == n-1 && n > 1 && s.tl.keyframes[i].Epoch == s.gan.Epoch() {
			i-- // the newest frame is the live epoch itself: the step back shows an earlier one
		}
	}
	switch {
	case i >= n:
		s.replay, s.note = -1, "live"
	case i < 0:
		s.replay, s.note = 0, "the first keyframe kept"
	default:
		s.replay = i
	}
	if s.replay >= 0 {
		s.note = fmt.Sprintf("replay frame %d of %d · , . step · < > events · other keys: live", s.replay+1, n)
	}
}

// eventFrame is the keyframe of the nearest event before (dir < 0) or
// after frame i: the first frame at or after the event's epoch.
func (s *Session) eventFrame(i, dir int) int {
	frames, n := s.tl.keyframes, len(s.tl.keyframes)
	at := func(j int) int {
		if j >= n {
			return s.gan.Epoch() + 1
		}
		return frames[j].Epoch
	}
	for j := i + dir; j >= 0 && j < n; j += dir {
		for _, e := range s.tl.events {
			if prev := j - 1; e.Epoch <= at(j) && (prev < 0 || e.Epoch > at(prev)) {
				return j
			}
		}
	}
	if dir > 0 {
		return n
	}
	return 0
}

func (Pin) apply(s *Session) {
	if s.baseline != nil {
		s.baseline, s.note = nil, "baseline cleared"
		return
	}
	cfg := s.gan.Config()
	s.baseline = &Baseline{
		Preset: cfg.Name, Seed: s.gan.Seed(), Epoch: s.gan.Epoch(), Settings: s.settings(cfg),
		History: s.hist.Points(nil), From: s.from, Eval: s.eval,
	}
	s.note = fmt.Sprintf("pinned seed %d at epoch %s as the baseline: reseed, retune or restart to compare · b clears it", s.gan.Seed(), FormatInt(s.gan.Epoch()))
}

func (Share) apply(s *Session) {
	cfg := s.gan.Config()
	path := s.path(fmt.Sprintf("seed%d.json", s.gan.Seed()))
	err := outputfile.Write(path, 0o666, func(w io.Writer) error {
		_, err := w.Write(presets.Marshal(cfg))
		return err
	})
	if err != nil {
		s.warn("design not written: " + err.Error())
		return
	}
	s.note = fmt.Sprintf("wrote %s · %s", path, s.Command())
}

// Command is the command line that reproduces the run as it stands: its
// preset, each setting that differs from the preset's as --set, the
// plan, and the seed. A design that is no built-in preset is named by the
// preset file Share writes.
func (s *Session) Command() string {
	cfg := s.gan.Config()
	args := []string{"ganui"}
	base, err := presets.Get(cfg.Name)
	if err != nil || s.opts.PresetFile != "" {
		args = append(args, "--preset", s.path(fmt.Sprintf("seed%d.json", s.gan.Seed())))
		base = cfg
	} else if cfg.Name != presets.Default {
		args = append(args, "--preset", cfg.Name)
	}
	for _, kv := range settingsDiff(base, cfg) {
		args = append(args, "--set", kv)
	}
	if s.planned != base.Epochs {
		args = append(args, "--epochs", fmt.Sprint(s.planned))
	}
	return strings.Join(append(args, "--seed", fmt.Sprint(s.gan.Seed())), " ")
}

// settingsDiff lists, as key=value, the fields of cfg that differ from
// base, in the order of the preset keys; the plan (epochs) is left to
// --epochs.
func settingsDiff(base, cfg engine.Config) []string {
	a, b := presets.Marshal(base), presets.Marshal(cfg)
	lines := func(data []byte) map[string]string {
		m := map[string]string{}
		for _, l := range strings.Split(string(data), "\n") {
			key, value, ok := strings.Cut(strings.TrimSpace(l), ": ")
			if ok {
				m[strings.Trim(key, `"`)] = strings.TrimSuffix(value, ",")
			}
		}
		return m
	}
	was, now := lines(a), lines(b)
	var out []string
	for _, key := range engine.ConfigKeys() {
		if key == "epochs" || was[key] == now[key] {
			continue
		}
		v := strings.Trim(now[key], `"`)
		v = strings.NewReplacer("[", "", "]", "", `"`, "", " ", "").Replace(v)
		out = append(out, shellQuote(key+"="+v))
	}
	return out
}

// shellQuote quotes a word for a POSIX shell unless it needs none.
func shellQuote(w string) string {
	if w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,:+=/-") == "" {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}
