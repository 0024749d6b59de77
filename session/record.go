package session

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
	"github.com/ganui/ganui/internal/visible"
)

// A checkpoint's annex (engine.GAN.WriteCheckpoint) holds the run's
// record: what the session knows of it beyond the model, so that a
// resumed run draws its charts, figure and events from its first epoch,
// and a finding that held at the checkpoint goes on rather than being
// reported as new. Little-endian throughout:
//
//	"GANUIREC" | version u32 | from u64 | plan u64 | history | evaluations |
//	events | episodes | watch | departure | last | samples | pace | preset |
//	baseline | keyframes | starts | tail | base | kernels | frozen | hand |
//	stall | base curve
//
//	history:     stride u64, n u32, n points, then the bucket being filled
//	             as a point (span 0 when empty)
//	point:       epoch u64, span u64, then DReal, DFake, G, Mean, Std,
//	             MeanY, StdY as float64
//	evaluations: n u32, then n × (epoch u64, KS, W1, SW1, HQ float64)
//	events:      dropped u64, n u32, then n × (epoch u64, kind u32,
//	             detail: length u32, UTF-8 without control characters,
//	             ending in " (in ganui v0.3.0's words)" where another
//	             ganui worded it: withWords);
//	             kinds are added after the last (EventKind), so an
//	             earlier record reads as written; an earlier ganui
//	             resumes a checkpoint holding a kind it lacks (such as
//	             hand-update) without its record, and says so
//	episodes:    for DWins, NoiseIgnored, DIndifferent, AtNoiseFloor:
//	             active u8, absent u32; then the modes' coverage: n u32
//	             and n bytes, 0 never covered, 1 covered, 2 dropped
//	             (modeEpisode; an earlier ganui wrote 1 for covered and
//	             0 for not, which reads as never covered)
//	watch:       dReal, dFake float64, seen, saturated, stuck ×3 u64,
//	             turns u8, outside, still u64
//	departure:   offPlan i64 (−1 for none), offWhat (as a detail),
//	             the starting DLR, GLR float64, DSteps, GSteps u64
//	last:        the last epoch's stats: epoch u64, DReal, DFake, G, Mean,
//	             Std, MeanY, StdY, Penalty float64 (all 0 when the session
//	             trained none), by which a resumed run knows its own --log
//	samples:     u64, the evaluations' sample size (Options.Samples),
//	             which a resume not given one takes; version 2 on (a
//	             record of version 1 ends at last)
//	pace:        f64, epochs a second, 0 for full speed, which a resume
//	             not given --speed takes; version 3 on (a record of
//	             version 2 ends at samples)
//	preset:      what the run's --preset named (Options.Preset), as a
//	             detail, "" for none: a resumed run names its design, and
//	             the command again, from the preset it started from;
//	             version 4 on
//	baseline:    u8, 0 for none; 1 and the pinned run (Pin): the preset
//	             (as a detail), seed, epoch, from u64, its settings (DLR,
//	             GLR f64, DSteps, GSteps u64, Speed f64), its history (n
//	             u32, n points), then its evaluation (pinnedEval): epoch,
//	             N u64, and a kind u8, 0 for none, 1 for one dimension,
//	             2 for a plane; version 3 on
//	kind 1:      KS, W1 f64, the histogram: Lo, Hi f64, bins u32, bins ×
//	             count u64, bins × expected f64, under, over u64 (over
//	             counting those NaN or infinite too, which the record
//	             keeps no count of apart: they replay as over); then the
//	             sample behind it, which counts it again at other bins:
//	             n u32, 0 or N, and n values as float32 (the generator's
//	             own precision), 0 when N is over maxPinnedSample
//	kind 2:      MeanX, MeanY, StdX, StdY, SW1, SW1Floor, HighQuality
//	             f64, Captured u64, the modes (n u32, n × X, Y, Std,
//	             Weight, Share, Expected f64, captured u8), the points
//	             drawn (n u32, n × x, y as float32)
//	keyframes:   n u32, up to maxKeyframes, oldest first, then n × a
//	             keyframe (Keyframe, for replay): its epoch u64, its
//	             epoch's stats (as last), KSFloor f64, NoCurve (as a
//	             detail, which a resume words anew: noDNote), N u64,
//	             and a kind u8, 1 for one dimension, 2
//	             for a plane; then the findings (n u32, n × kind u32,
//	             text and detail as details, the detail marked as an
//	             event's where another ganui worded the frame's
//	             findings); version 4 on (a record of
//	             version 3 ends at baseline)
//	starts:      for DWins, NoiseIgnored, DIndifferent, AtNoiseFloor: u8,
//	             the checks in a row a finding not yet started has held,
//	             short of confirmChecks (episodes.present); version 5 on (a
//	             record of version 4 ends at keyframes, and resumes as if
//	             none had)
//	tail:        for GCollapsed and Plateau, active u8, absent u32 (as episodes) and
//	             u8 (as starts); then the watch's spread float64 and
//	             reached u8; version 6 on (a record of version 5 ends at
//	             starts, and resumes with no collapse found)
//	base:        the design the preset named as the run read it when it
//	             started (Options.Base), as the JSON of its Config, a
//	             points(FILE.csv) path absolute, length u32 then the
//	             bytes, 0 for none: a resumed run names its changes from
//	             it, as the run did, whatever the preset file holds by
//	             then, or wherever it has gone; version 8 on (a record of
//	             version 7 ends at the tail, and the resumed run reads its
//	             preset file as it is then)
//	kernels:     the kernels that trained the run (engine.KernelISA), as
//	             a detail: a run resumed on others is told it does not go
//	             on bit for bit (OtherKernels); version 8 on
//	frozen:      for DFrozen, active u8, absent u32 and u8 (as the
//	             tail's), then the watch's fixed u64 and near u8; version
//	             9 on (a record of version 8 ends at kernels, and resumes
//	             with D not found frozen and its batches not yet near the
//	             target, which a runaway never near it after the resume
//	             took for a target out of reach)
//	hand:        the losses of the latest updates by hand (d, g) of the
//	             run (Session.hand): D u8 and G u8, whether each was
//	             updated, the epoch they follow u64, then DReal, DFake
//	             and GLoss f64, 0 for a player not updated, all 0 for
//	             none; a run resumed at that epoch gives them in the
//	             losses' legend (Snapshot.Hand) as the run did; version
//	             10 on (a record of version 9 ends at frozen, and resumes
//	             with none, its legend giving the epoch's losses)
//	stall:       u8, whether D's losses were still at a check of D's
//	             stall's episode (episodes.stillD), 0 when none is on;
//	             version 11 on (a record of version 10 ends at hand, and
//	             resumes taking D's losses as still in a stall on if
//	             they are still at the checkpoint)
//	base curve:  the baseline's G curve (as frame 1's), 0 points for
//	             none or no baseline: a resumed run draws its ghost in
//	             the G(z) view; version 11 on (a record of version 10
//	             resumes with none, which the view says)
//	modes:       the modes each evaluation found covered (EvalPoint.Modes):
//	             n u32, the evaluations' n, then n × u8, 0 for a target
//	             without modes, modesUnknown for a count not known (a
//	             check a record of version 11 gave); version 12 on (a
//	             record of version 11 resumes with them unknown, -1,
//	             which a figure leaves out); a plane's, the modes
//	             captured, version 13 on (one of version 12 wrote 0
//	             for each and resumes with them unknown)
//	frame 1:     Mean, Std, Skew, Kurt, KS, W1, ZDep f64, RowWidth u64,
//	             the histogram (as kind 1's), the modes (n u32, n × Mean,
//	             Std, Weight, Share, Expected f64, covered u8),
//	             ModesCovered u64, the Q-Q points (n u32, n × P, Gen,
//	             Target f64), D's curve (n u32, 0 or the bins, n × score
//	             f64, then n × push f64), G's curve (n u32, n × Z, X f64)
//	frame 2:     the plane's measures and points drawn (as kind 2's), D's
//	             surface (its side u32, 0 or surfaceN, side² × f64), the
//	             arrows (n u32, n × X, Y, DX, DY f64)
//
// A full set of keyframes (maxKeyframes) takes about 1.9 MB on a line
// (14.5 KB a frame, mostly the histogram and D's curve and push at
// keyBins; 3.2 KB more with G's curve) and 4.3 MB on a plane (33 KB a
// frame: the points drawn and D's surface), within engine.MaxAnnex
// beside the largest baseline sample (8 MiB, on a line); keyframes that
// would pass it are left out (runRecord), and TestRecordOfAFullReplay
// measures both. The states kept for a roll-back (whole models, kept by
// the clock) and the per-epoch log behind Export (64 bytes an epoch,
// unbounded) are not in it: u and Export begin at the resume.
//
// readRecord checks every count against the session's own bounds, every
// epoch against the checkpoint's, every number for being finite (but G's
// outputs on its curves, which overflow short of a diverged run: output)
// and every text for control characters: a record it accepts, even one edited
// by hand, can neither crash the session nor put on the screen what the
// session would not.
const (
	recordMagic   = "GANUIREC"
	recordVersion = 13      // 2: the sample size; 3: the pace and the baseline; 4: the preset and the keyframes; 5: the findings' starts not yet confirmed; 6: G's collapse; 7: D's stall as an episode of its own; 8: the preset's design as read; 9: D frozen, and whether the batches came near the target; 10: the losses of the updates by hand; 11: whether D was still in its stall, and the baseline's G curve; 12: the modes each evaluation found covered; 13: a plane's too, captured
	maxDetail     = 4096    // bytes of an event's detail; they are a line
	maxBase       = 1 << 16 // bytes of the base's JSON: a design's is under 6 KB, its three texts at their longest
	maxModes      = max(engine.MaxPlaneModes, engine.MaxModes)
	// maxPinnedSample bounds the baseline's sample in a record: 8 MiB of
	// float32, within engine.MaxAnnex beside the rest. A baseline of a
	// larger sample resumes with its histogram as counted at the save,
	// its outline no longer re-counted at the bars' bins.
	maxPinnedSample = 1 << 21
)

// episodeKinds are the findings whose episodes the record keeps, in its
// order: the first episodesV5 in its episodes and starts, those after
// in its tail (version 6 on; D's stall, version 7 on) and after its
// kernels (D frozen, version 9 on).
var episodeKinds = [...]FindingKind{DWins, NoiseIgnored, DIndifferent, AtNoiseFloor, GCollapsed, Plateau, DStalled, DFrozen}

// episodesV5, episodesV6 and episodesV8 are how many of episodeKinds
// records of versions 5, 6 and 7 to 8 kept.
const episodesV5, episodesV6, episodesV8 = 4, 6, 7

// runRecord encodes the run's record for its checkpoint. Its keyframes
// are left out (a count of 0) when with them the record would pass
// engine.MaxAnnex: a run then resumes without its replay rather than
// without its checkpoint. What the session keeps stays well within it
// (maxKeyframes).
func (s *Session) runRecord() []byte {
	w := &recWriter{b: binary.LittleEndian.AppendUint32([]byte(recordMagic), recordVersion)}
	w.n(s.from)
	w.n(s.planned)
	h := &s.hist
	w.n(h.stride)
	w.u32(uint32(len(h.pts)))
	for _, p := range h.pts {
		w.point(p)
	}
	w.point(h.acc)

	w.u32(uint32(len(s.evals.pts)))
	for _, p := range s.evals.pts {
		w.n(p.Epoch)
		for _, v := range [...]float64{p.KS, p.W1, p.SW1, p.HQ} {
			w.f64(v)
		}
	}

	w.n(s.tl.dropped)
	w.u32(uint32(len(s.tl.events)))
	for _, e := range s.tl.events {
		w.n(e.Epoch)
		w.u32(uint32(e.Kind))
		w.text(withWords(e.Detail, e.SavedBy))
	}

	ep := &s.tl.episodes
	for _, k := range episodeKinds[:episodesV5] {
		w.episode(ep, k)
	}
	w.u32(uint32(len(ep.modes)))
	for _, m := range ep.modes {
		w.u8(byte(m))
	}

	wt := &s.watch
	w.f64(wt.dReal)
	w.f64(wt.dFake)
	for _, v := range [...]int{wt.seen, wt.saturated, wt.stuck[0], wt.stuck[1], wt.stuck[2]} {
		w.n(v)
	}
	w.u8(wt.turns)
	w.n(wt.outside)
	w.n(wt.still)

	w.u64(uint64(int64(s.offPlan)))
	w.text(s.offWhat)
	w.f64(s.startSettings.DLR)
	w.f64(s.startSettings.GLR)
	w.n(s.startSettings.DSteps)
	w.n(s.startSettings.GSteps)

	w.stats(s.last)
	w.n(s.opts.Samples)
	w.f64(s.speed)
	w.text(s.opts.Preset)
	w.baseline(s.baseline)

	base, kernels := baseJSON(s.opts.Base), engine.KernelISA()
	var baseGZ []ZX
	if s.baseline != nil {
		baseGZ = s.baseline.Eval.GZ
	}
	mark := len(w.b)
	w.u32(uint32(len(s.tl.keyframes)))
	for i := range s.tl.keyframes {
		w.keyframe(&s.tl.keyframes[i])
	}
	if len(w.b)+tailBytes+len(base)+len(kernels)+16*len(baseGZ)+len(s.evals.pts) > engine.MaxAnnex {
		w.b = w.b[:mark]
		w.u32(0)
	}
	for _, k := range episodeKinds[:episodesV5] {
		w.u8(byte(ep.present[k]))
	}
	for _, k := range episodeKinds[episodesV5:episodesV6] {
		w.episode(ep, k)
		w.u8(byte(ep.present[k]))
	}
	w.f64(wt.spread)
	w.flag(wt.reached)
	for _, k := range episodeKinds[episodesV6:episodesV8] {
		w.episode(ep, k)
		w.u8(byte(ep.present[k]))
	}
	w.u32(uint32(len(base)))
	w.b = append(w.b, base...)
	w.text(kernels)
	for _, k := range episodeKinds[episodesV8:] {
		w.episode(ep, k)
		w.u8(byte(ep.present[k]))
	}
	w.n(wt.fixed)
	w.flag(wt.near)
	var hand HandLosses // another run's (r, R, a roll-back) are none of this one's
	if s.handRun == s.run {
		hand = s.hand
	}
	w.flag(hand.D)
	w.flag(hand.G)
	w.n(hand.Epoch)
	w.f64(hand.DReal)
	w.f64(hand.DFake)
	w.f64(hand.GLoss)
	w.flag(ep.stillD)
	w.gz(baseGZ)
	w.u32(uint32(len(s.evals.pts)))
	for _, p := range s.evals.pts {
		w.u8(modesByte(p.Modes))
	}
	return w.b
}

// modesUnknown is the byte a record writes for an evaluation's modes
// not known (EvalPoint.Modes -1), no count a record writes (modesByte):
// a check of a run resumed from a record of version 11, saved again.
// Written as 0, it read back as none covered, and a figure drew the
// checks before the first resume as a drop to no mode.
const modesUnknown = 0xff

// modesByte is an evaluation's modes as a record writes them: a plane
// of more modes than a byte counts (a points target's, up to
// engine.MaxPlaneModes) has its count kept unknown, which a figure
// leaves out, not wrapped round to a wrong one.
func modesByte(modes int) byte {
	if modes < 0 || modes >= modesUnknown {
		return modesUnknown
	}
	return byte(modes)
}

// baseJSON is the record's base: the JSON of the design base, its
// points(FILE.csv) path absolute, as the checkpoint's own design names
// it (engine.AbsPoints); nil for none, or for one that cannot be written
// so, which no design read from a preset is.
func baseJSON(base *engine.Config) []byte {
	if base == nil {
		return nil
	}
	cfg := *base
	var err error
	if cfg.Target, err = engine.AbsPoints(cfg.Target); err != nil {
		return nil
	}
	b, err := json.Marshal(cfg)
	if err != nil || len(b) > maxBase {
		return nil
	}
	return b
}

// episode writes whether the episode of k is on, and the checks in a
// row it has been absent.
func (w *recWriter) episode(ep *episodes, k FindingKind) {
	w.flag(ep.active[k])
	w.u32(uint32(ep.absent[k]))
}

// tailBytes is the size of what a record holds after its keyframes: the
// starts, the tails of versions 6 and 7, the lengths of version 8's
// base and kernels, whose bytes come on top, version 9's D frozen and
// near, version 10's hand (handBytes), and version 11's stall and the
// count of the base curve's points, whose 16 bytes each come on top,
// and version 12's count of the evaluations' modes, a byte each on top.
const tailBytes = episodesV5 + (len(episodeKinds)-episodesV5)*(1+4+1) + 8 + 1 + 4 + 4 + 8 + 1 + handBytes + 1 + 4 + 4

// handBytes is the size of a record's hand: two flags, an epoch and
// three losses.
const handBytes = 1 + 1 + 8 + 3*8

// recWriter encodes a record, little-endian.
type recWriter struct{ b []byte }

func (w *recWriter) u8(v byte)     { w.b = append(w.b, v) }
func (w *recWriter) u32(v uint32)  { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *recWriter) u64(v uint64)  { w.b = binary.LittleEndian.AppendUint64(w.b, v) }
func (w *recWriter) n(v int)       { w.u64(uint64(v)) }
func (w *recWriter) f64(v float64) { w.u64(math.Float64bits(v)) }
func (w *recWriter) f32(v float64) { w.u32(math.Float32bits(float32(v))) }

// gz writes a G curve: its count of points, then each point's z and x.
func (w *recWriter) gz(pts []ZX) {
	w.u32(uint32(len(pts)))
	for _, p := range pts {
		w.f64(p.Z)
		w.f64(p.X)
	}
}

func (w *recWriter) flag(v bool) {
	if v {
		w.u8(1)
	} else {
		w.u8(0)
	}
}

// text writes a length and the text, cut to maxDetail bytes.
func (w *recWriter) text(v string) {
	v = clipDetail(v)
	w.u32(uint32(len(v)))
	w.b = append(w.b, v...)
}

func (w *recWriter) point(p Point) {
	w.n(p.Epoch)
	w.n(p.span)
	for _, v := range [...]float64{p.DReal, p.DFake, p.G, p.Mean, p.Std, p.MeanY, p.StdY} {
		w.f64(v)
	}
}

// stats writes an epoch's stats: the record's last, a keyframe's own.
func (w *recWriter) stats(l engine.EpochStats) {
	w.n(l.Epoch)
	for _, v := range [...]float64{l.DReal, l.DFake, l.G, l.Mean, l.Std, l.MeanY, l.StdY, l.Penalty} {
		w.f64(v)
	}
}

// hist writes a histogram: a baseline's, a keyframe's, its samples
// NaN or infinite among those over its range, as they were counted
// before Histogram.NotFinite, which keeps the record's format.
func (w *recWriter) hist(h *engine.Histogram) {
	w.f64(h.Lo)
	w.f64(h.Hi)
	w.u32(uint32(len(h.Counts)))
	for _, c := range h.Counts {
		w.n(c)
	}
	for _, v := range h.Expected {
		w.f64(v)
	}
	w.n(h.Under)
	w.n(h.Over + h.NotFinite)
}

// plane writes a plane's measures: a baseline's, a keyframe's.
func (w *recWriter) plane(p *engine.PlaneMetrics) {
	for _, v := range [...]float64{p.MeanX, p.MeanY, p.StdX, p.StdY, p.SW1, p.SW1Floor, p.HighQuality} {
		w.f64(v)
	}
	w.n(p.Captured)
	w.u32(uint32(len(p.Spots)))
	for _, sp := range p.Spots {
		for _, v := range [...]float64{sp.X, sp.Y, sp.Std, sp.Weight, sp.Share, sp.Expected} {
			w.f64(v)
		}
		w.flag(sp.Captured)
	}
}

// drawn writes a plane's points drawn (x₀, y₀, x₁, …) as float32, the
// generator's own precision: a count of points, then the values.
func (w *recWriter) drawn(xy []float64) {
	w.u32(uint32(len(xy) / 2))
	for _, v := range xy {
		w.f32(v)
	}
}

// baseline writes the pinned run, or its absence.
func (w *recWriter) baseline(bl *Baseline) {
	if bl == nil {
		w.u8(0)
		return
	}
	w.u8(1)
	w.text(bl.Preset)
	w.u64(bl.Seed)
	w.n(bl.Epoch)
	w.n(bl.From)
	w.f64(bl.Settings.DLR)
	w.f64(bl.Settings.GLR)
	w.n(bl.Settings.DSteps)
	w.n(bl.Settings.GSteps)
	w.f64(bl.Settings.Speed)
	w.u32(uint32(len(bl.History)))
	for _, p := range bl.History {
		w.point(p)
	}
	e, m := &bl.Eval, &bl.Eval.Metrics
	w.n(e.Epoch)
	w.n(m.N)
	switch {
	case m.N == 0:
		w.u8(0)
	case m.Plane == nil:
		w.u8(1)
		w.f64(m.KS)
		w.f64(m.W1)
		w.hist(&m.Hist)
		if len(bl.sample) > maxPinnedSample {
			w.u32(0)
			break
		}
		w.u32(uint32(len(bl.sample)))
		for _, v := range bl.sample {
			w.f32(v)
		}
	default:
		w.u8(2)
		w.plane(m.Plane)
		w.drawn(e.Points)
	}
}

// keyframe writes a keyframe kept for replay: all of it, as the screen
// shows it.
func (w *recWriter) keyframe(k *Keyframe) {
	e, m := &k.Eval, &k.Eval.Metrics
	w.n(e.Epoch)
	w.stats(k.Last)
	w.f64(e.KSFloor)
	w.text(e.NoCurve)
	w.n(m.N)
	if p := m.Plane; p != nil {
		w.u8(2)
		w.plane(p)
		w.drawn(e.Points)
		w.u32(uint32(e.SurfaceN))
		for _, v := range e.Surface {
			w.f64(v)
		}
		w.u32(uint32(len(e.Arrows)))
		for _, a := range e.Arrows {
			for _, v := range [...]float64{a.X, a.Y, a.DX, a.DY} {
				w.f64(v)
			}
		}
	} else {
		w.u8(1)
		for _, v := range [...]float64{m.Mean, m.Std, m.Skew, m.Kurt, m.KS, m.W1, m.ZDep} {
			w.f64(v)
		}
		w.n(m.RowWidth)
		w.hist(&m.Hist)
		w.u32(uint32(len(m.Modes)))
		for _, c := range m.Modes {
			for _, v := range [...]float64{c.Mean, c.Std, c.Weight, c.Share, c.Expected} {
				w.f64(v)
			}
			w.flag(c.Covered)
		}
		w.n(m.ModesCovered)
		w.u32(uint32(len(m.QQ)))
		for _, q := range m.QQ {
			for _, v := range [...]float64{q.P, q.Gen, q.Target} {
				w.f64(v)
			}
		}
		w.u32(uint32(len(e.DCurve))) // Push has as many
		for _, v := range e.DCurve {
			w.f64(v)
		}
		for _, v := range e.Push {
			w.f64(v)
		}
		w.gz(e.GZ)
	}
	w.u32(uint32(len(k.Findings)))
	for _, f := range k.Findings {
		w.u32(uint32(f.Kind))
		w.text(f.Text)
		w.text(withWords(f.Detail, k.SavedBy))
	}
}

// The events' details and the keyframes' findings a checkpoint keeps are
// texts, in the words of the ganui that saved them, which are not
// always this one's: the wording changes between versions (the
// equilibrium once said "D can no longer tell real from fake", which the
// glossary now says its losses do not show), and the numbers behind a
// text are not kept to word it anew. So a resumed run replays them as
// they were saved, marked as another ganui's where they are
// (SavedWords), not passed off as this one's, beside a glossary that may
// read otherwise. The mark is kept in the record as the text's own end
// (withWords), so that the format is unchanged, an earlier ganui reads
// the record as before (and shows the mark as part of the text), and a
// run saved again keeps its texts marked as the ganui that wrote them.

// SavedWords is the mark of a text in the words of by (Event.SavedBy,
// Keyframe.SavedBy), as the screen and the record write it: "(in an
// older ganui's words)", "(in ganui v0.3.0's words)".
func SavedWords(by string) string { return "(in " + by + "'s words)" }

// withWords is text as the record keeps it: with the mark of by at its
// end where by is set, the text cut to leave room for it.
func withWords(text, by string) string {
	if by == "" {
		return text
	}
	mark := " " + SavedWords(by)
	return clipTo(text, maxDetail-len(mark)) + mark
}

// cutWords parts a text the record keeps into the text and the ganui
// whose words it is in, as withWords joined them: by is "" where it ends
// in no mark.
func cutWords(kept string) (text, by string) {
	const open, end = " (in ", "'s words)"
	rest, ok := strings.CutSuffix(kept, end)
	i := strings.LastIndex(rest, open)
	if !ok || i < 0 {
		return kept, ""
	}
	if by = rest[i+len(open):]; by == "" || strings.ContainsAny(by, "()") {
		return kept, ""
	}
	return rest[:i], by
}

// clipDetail cuts a text to maxDetail bytes, on a character's boundary.
func clipDetail(s string) string { return clipTo(s, maxDetail) }

// clipTo cuts s to at most n bytes, on a character's boundary.
func clipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// restored is a run's record as readRecord decodes it.
type restored struct {
	from     int
	planned  int
	hist     History
	evals    evalHistory
	events   []Event
	dropped  int
	episodes episodes
	watch    watch // the counters only; its watchDesign is newWatch's
	offPlan  int
	offWhat  string
	start    Settings
	last     engine.EpochStats
	samples  int            // the evaluations' sample size; 0 in a record of version 1
	version  int            // the record's own, 1 to recordVersion
	pace     float64        // epochs a second, 0 for full speed; from version 3
	preset   string         // what the run's --preset named; from version 4
	base     *engine.Config // the design preset named, as the run read it; from version 8, nil for none
	kernels  string         // the kernels that trained the run (engine.KernelISA); from version 8
	baseline *Baseline      // the run pinned, or nil; from version 3
	hand     HandLosses     // the latest updates by hand, none (D and G false) before version 10
	// keyframes are the timeline's, for replay, oldest first; from
	// version 4.
	keyframes []Keyframe
}

// errRecord says why a record cannot be taken.
type errRecord struct{ reason string }

func (e *errRecord) Error() string { return e.reason }

// recReader decodes a record; the first error sticks.
type recReader struct {
	b   []byte
	err error
}

func (r *recReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = &errRecord{fmt.Sprintf(format, args...)}
	}
}

func (r *recReader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b) {
		r.fail("it ends early")
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *recReader) u8() byte {
	if p := r.take(1); p != nil {
		return p[0]
	}
	return 0
}

func (r *recReader) u32() uint32 {
	if p := r.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *recReader) u64() uint64 {
	if p := r.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

func (r *recReader) f64() float64 { return math.Float64frombits(r.u64()) }

// floats reads n float32 values, each finite, as float64: the samples
// the generator draws, which it computes in float32 (engine.GAN.Sample).
func (r *recReader) floats(what string, n int) []float64 {
	p := r.take(4 * n) // before the slice, which a short record never needs
	if len(p) == 0 {
		return nil
	}
	out := make([]float64, n)
	for i := range out {
		v := math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			r.fail("%s of %s, not a finite number", what, numtext.FormatFloat(float64(v)))
			return nil
		}
		out[i] = float64(v)
	}
	return out
}

// between reads a finite float64 that must lie in [lo, hi].
func (r *recReader) between(what string, lo, hi float64) float64 {
	v := r.num(what)
	if r.err == nil && !(v >= lo && v <= hi) {
		r.fail("%s of %s, out of range %s..%s", what, numtext.FormatFloat(v), numtext.FormatFloat(lo), numtext.FormatFloat(hi))
	}
	return v
}

// pace reads a pace: 0 for full speed, or MinSpeed to MaxSpeed epochs a
// second, as --speed takes one.
func (r *recReader) pace(what string) float64 {
	v := r.num(what)
	if r.err == nil && v != 0 && !(v >= MinSpeed && v <= MaxSpeed) {
		r.fail("%s of %s epochs a second, neither 0 (full speed) nor in %s", what, numtext.FormatFloat(v), numtext.Range(MinSpeed, MaxSpeed))
	}
	return v
}

// num reads a float64 that must be finite: the session records no other,
// since a loss or a sample's moment that is not finite diverges the run
// (engine.GAN.TrainEpoch) and a diverged run is not saved. A NaN taken
// would not stay in the record: in the watch's averages it reads as D's
// losses at their equilibrium, a finding the run never had. Nor is it
// beyond maxRecorded in magnitude.
func (r *recReader) num(what string) float64 {
	v := r.f64()
	if r.err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
		r.fail("%s of %s, not a finite number", what, numtext.FormatFloat(v))
	}
	r.recordable(what, v)
	return v
}

// maxRecorded bounds the magnitude of every number a record holds. A run
// records none near it: its networks compute in float32 (at most 3.4e38),
// and the largest value it derives in float64, a gradient penalty's sum
// of squares, stays far below. A forged record's 1e308, taken, would
// overflow the screen drawing it: the Q-Q view's axis between -1e308
// and 1e308 spans +Inf, and would look for round steps below it for
// ever (the trainer hung on replay); the quality sparkline's scale
// between the same ends would index its bars with NaN and panic.
const maxRecorded = 1e300

// recordable fails a value v of what beyond maxRecorded in magnitude.
func (r *recReader) recordable(what string, v float64) {
	if r.err == nil && math.Abs(v) > maxRecorded {
		r.fail("%s of %s, beyond %s in magnitude: no run records such a number", what, numtext.FormatFloat(v), numtext.FormatFloat(maxRecorded))
	}
}

// count reads a u64 that must lie in [0, most].
func (r *recReader) count(what string, most int) int {
	v := r.u64()
	if r.err == nil && v > uint64(most) {
		r.fail("%s %s, out of range %s", what, numtext.FormatUint(v), numtext.Range(0, most))
		return 0
	}
	return int(v)
}

// length reads a u32 count of at most most items.
func (r *recReader) length(what string, most int) int {
	v := r.u32()
	if r.err == nil && v > uint32(most) {
		r.fail("%s %s, at most %s", numtext.FormatUint(uint64(v)), what, numtext.FormatInt(most))
		return 0
	}
	return int(v)
}

// text reads a length and that many bytes of UTF-8, at most maxDetail,
// with no control character: the texts the session writes are one line
// of print, and the trainer shows them as they are (an event's detail on
// the ?? page, the departure in c's caveat and in the again line printed
// at quit), where an escape sequence would act on the terminal and a
// newline break the screen's layout.
func (r *recReader) text(what string) string {
	n := r.length("bytes of "+what, maxDetail)
	p := r.take(n)
	switch {
	case r.err != nil:
	case !utf8.Valid(p):
		r.fail("%s is not UTF-8", what)
	case bytes.ContainsFunc(p, visible.Hidden): // written on the screen as it is: a bidirectional one too
		r.fail("%s holds a control or bidirectional formatting character", what)
	}
	return string(p)
}

func (r *recReader) point(epoch int) Point {
	var p Point
	p.Epoch = r.count("a point's epoch", epoch)
	p.span = r.count("a point's span", math.MaxInt32)
	for _, v := range [...]*float64{&p.DReal, &p.DFake, &p.G, &p.Mean, &p.Std, &p.MeanY, &p.StdY} {
		*v = r.num("a point's value")
	}
	return p
}

// readRecord decodes the record of a run checkpointed at epoch.
func readRecord(b []byte, epoch int) (restored, error) {
	var out restored
	r := &recReader{b: b}
	if string(r.take(len(recordMagic))) != recordMagic {
		return out, errors.New("not a ganui record")
	}
	version := r.u32()
	if r.err == nil && (version < 1 || version > recordVersion) {
		// In the words of the engine's checkpoint format: "version" alone
		// would read as a ganui's own, and the record is a format in the
		// file.
		return out, fmt.Errorf("record format %d; this ganui reads formats 1 to %d", version, recordVersion)
	}
	out.from = r.count("the history's start", epoch)
	if out.planned = r.count("the plan", engine.MaxEpochs); r.err == nil && out.planned < 1 {
		r.fail("a plan of %d epochs", out.planned)
	}

	// The charts' history, as History.Add leaves it: fewer than
	// historyPoints full points, each of stride epochs, in order, after
	// from; the bucket being filled short of a stride.
	h := NewHistory(historyPoints)
	h.stride = r.count("the history's stride", 1<<62)
	if r.err == nil && (h.stride < 1 || h.stride&(h.stride-1) != 0) {
		r.fail("a history stride of %d, not a power of two", h.stride)
	}
	h.pts = append(h.pts, r.points("history", h.max-1, out.from, epoch, h.stride)...)
	last := out.from
	if len(h.pts) > 0 {
		last = h.pts[len(h.pts)-1].Epoch
	}
	h.acc = r.point(epoch)
	if r.err == nil && h.acc.span > 0 && (h.acc.Epoch <= last || h.acc.span >= h.stride) {
		r.fail("the filling bucket at epoch %d after %d, over %d epochs (stride %d)", h.acc.Epoch, last, h.acc.span, h.stride)
	}
	if r.err == nil && h.acc.span == 0 && h.acc != (Point{}) {
		r.fail("an empty bucket with values")
	}
	out.hist = h

	ev := newEvalHistory(evalPoints)
	n := r.length("evaluations", ev.max)
	last = -1
	for range n {
		p := EvalPoint{Epoch: r.count("an evaluation's epoch", epoch)}
		p.KS, p.W1, p.SW1, p.HQ = r.num("a distance"), r.num("a distance"), r.num("a distance"), r.num("a high-quality share")
		if r.err == nil && p.Epoch <= last {
			r.fail("an evaluation at epoch %d after %d", p.Epoch, last)
		}
		last = p.Epoch
		ev.pts = append(ev.pts, p)
	}
	out.evals = ev

	out.dropped = r.count("events let go", 1<<62)
	n = r.length("events", maxEvents)
	last = 0
	for range n {
		e := Event{Epoch: r.count("an event's epoch", epoch)}
		k := r.u32()
		e.Kind = EventKind(k)
		e.Detail, e.SavedBy = cutWords(r.text("an event's detail"))
		e.Mode = modePlaceOf(e.Kind, e.Detail) // the record keeps no place: its detail names it
		if r.err == nil && (k >= uint32(len(eventNames)) || e.Epoch < last) {
			r.fail("an event of kind %d at epoch %d after %d", k, e.Epoch, last)
		}
		last = e.Epoch
		out.events = append(out.events, e)
	}

	out.episodes = episodes{active: map[FindingKind]bool{}, absent: map[FindingKind]int{}, present: map[FindingKind]int{}}
	for _, k := range episodeKinds[:episodesV5] {
		r.episode(&out.episodes, k)
	}
	if n = r.length("modes", maxModes); n > 0 {
		out.episodes.modes = make([]modeEpisode, n)
		for i := range n {
			m := modeEpisode(r.u8())
			if r.err == nil && m > modeLost {
				r.fail("a mode's coverage of %d", m)
			}
			out.episodes.modes[i] = m
		}
	}

	w := &out.watch
	w.dReal, w.dFake = r.num("the watch's average D loss"), r.num("the watch's average D loss")
	for _, v := range [...]*int{&w.seen, &w.saturated, &w.stuck[0], &w.stuck[1], &w.stuck[2]} {
		*v = r.count("a watch count", epoch)
	}
	if w.turns = r.u8(); r.err == nil && w.turns > 7 {
		r.fail("the losses' turns %d", w.turns)
	}
	w.outside = r.count("a watch count", epoch)
	w.still = r.count("a watch count", epoch)

	switch off := int64(r.u64()); {
	case r.err != nil:
	case off < -1 || off > int64(epoch):
		r.fail("a departure at epoch %d", off)
	default:
		out.offPlan = int(off)
	}
	out.offWhat = r.text("the departure")
	if r.err == nil && (out.offPlan >= 0) != (out.offWhat != "") {
		r.fail("a departure at epoch %d that says %q", out.offPlan, out.offWhat)
	}
	out.start.DLR, out.start.GLR = r.num("the starting d_lr"), r.num("the starting g_lr")
	out.start.DSteps = r.count("the starting d_steps", math.MaxInt32)
	out.start.GSteps = r.count("the starting g_steps", math.MaxInt32)
	l := &out.last
	if *l = r.stats("the last epoch's", epoch); r.err == nil && l.Epoch != epoch && *l != (engine.EpochStats{}) {
		r.fail("the last epoch's stats at epoch %d, the checkpoint's is %d", l.Epoch, epoch)
	}
	if version >= 2 {
		if out.samples = r.count("the sample size", MaxSamples); r.err == nil && out.samples < 1 {
			r.fail("a sample size of %d", out.samples)
		}
	}
	if version >= 3 {
		out.pace = r.pace("the pace")
		if version >= 4 {
			out.preset = r.text("the preset")
		}
		switch on := r.u8(); {
		case r.err != nil:
		case on == 1:
			out.baseline = r.baseline()
		case on != 0:
			r.fail("a baseline marked %d", on)
		}
	}
	if version >= 4 {
		last := 0
		for i, n := 0, r.length("keyframes", maxKeyframes); i < n && r.err == nil; i++ {
			k := r.keyframe(last, epoch)
			if r.err != nil {
				r.err = &errRecord{fmt.Sprintf("keyframe %d of %d: %v", i+1, n, r.err)}
				break
			}
			last = k.Epoch
			out.keyframes = append(out.keyframes, k)
		}
	}
	if version >= 5 && r.err == nil {
		for _, k := range episodeKinds[:episodesV5] {
			r.start(&out.episodes, k)
		}
	}
	if version >= 6 && r.err == nil {
		for _, k := range episodeKinds[episodesV5:episodesV6] {
			r.episode(&out.episodes, k)
			r.start(&out.episodes, k)
		}
		w.spread = r.num("the watch's average spread")
		switch on := r.u8(); {
		case r.err != nil:
		case on > 1 || w.spread < 0:
			r.fail("the watch's spread %g, reached %d", w.spread, on)
		default:
			w.reached = on == 1
		}
	}
	if version >= 7 && r.err == nil {
		for _, k := range episodeKinds[episodesV6:episodesV8] {
			r.episode(&out.episodes, k)
			r.start(&out.episodes, k)
		}
	}
	if version >= 8 && r.err == nil {
		out.base = r.base()
		out.kernels = r.text("the kernels")
	}
	if version >= 9 && r.err == nil {
		for _, k := range episodeKinds[episodesV8:] {
			r.episode(&out.episodes, k)
			r.start(&out.episodes, k)
		}
		w.fixed = r.count("a watch count", epoch)
		switch on := r.u8(); {
		case r.err != nil:
		case on > 1:
			r.fail("the watch's near %d", on)
		default:
			w.near = on == 1
		}
	}
	if version >= 10 && r.err == nil {
		out.hand = r.hand(epoch)
	}
	ep := &out.episodes
	if version < 11 { // what such a record can tell: D still at the checkpoint
		ep.stillD = ep.active[DStalled] && w.still >= lossWindow
	}
	if version >= 11 && r.err == nil {
		switch on := r.u8(); {
		case r.err != nil:
		case on > 1 || on == 1 && !ep.active[DStalled]:
			r.fail("D still in a stall %d, the stall on %v", on, ep.active[DStalled])
		default:
			ep.stillD = on == 1
		}
		switch gz := r.gz("baseline"); {
		case r.err != nil:
		case len(gz) > 0 && (out.baseline == nil || out.baseline.Eval.Metrics.Plane != nil):
			r.fail("a G curve of %d points for no baseline on a line", len(gz))
		case out.baseline != nil:
			out.baseline.Eval.GZ = gz
		}
	}
	for i := range out.evals.pts { // unknown before version 12
		out.evals.pts[i].Modes = -1
	}
	if version >= 12 && r.err == nil {
		if n := r.length("the evaluations' modes", evalPoints); r.err == nil && n != len(out.evals.pts) {
			r.fail("the modes of %d evaluations, of %d", n, len(out.evals.pts))
		}
		for i := range out.evals.pts {
			if r.err != nil {
				break
			}
			switch n := int(r.u8()); {
			case r.err != nil:
			case n == modesUnknown:
				out.evals.pts[i].Modes = -1
			case n > maxModes:
				r.fail("%d modes covered, of at most %d", n, maxModes)
			default:
				out.evals.pts[i].Modes = n
			}
		}
	}
	w.prevDReal, w.prevDFake = out.last.DReal, out.last.DFake // the epoch before the next
	if r.err == nil && len(r.b) > 0 {
		r.fail("%s bytes after its end", numtext.FormatInt(len(r.b)))
	}
	out.version = int(version)
	return out, r.err
}

// base reads the record's base (baseJSON): nil for none. Its texts, the
// name the run's lines and the trainer's header show above all, are
// held to what a record's texts are (text): JSON writes a control
// character as an escape, which decoding turns back into one.
func (r *recReader) base() *engine.Config {
	p := r.take(r.length("bytes of the preset's design", maxBase))
	if r.err != nil || len(p) == 0 {
		return nil
	}
	var cfg engine.Config
	if err := json.Unmarshal(p, &cfg); err != nil {
		r.fail("the preset's design: %v", err)
		return nil
	}
	if !bytes.Equal(baseJSON(&cfg), p) { // a key unknown, twice or out of place, a relative points path, …
		r.fail("the preset's design is not as ganui writes it")
		return nil
	}
	for _, t := range [...]string{cfg.Name, cfg.Description, cfg.Source, cfg.Target} {
		if !utf8.ValidString(t) || strings.ContainsFunc(t, visible.Hidden) {
			r.fail("the preset's design holds a control or bidirectional formatting character, or bytes that are not UTF-8")
			return nil
		}
	}
	return &cfg
}

// episode reads whether the episode of k is on, and the checks in a row
// it has been absent, into ep.
func (r *recReader) episode(ep *episodes, k FindingKind) {
	on, absent := r.u8(), r.u32()
	if r.err == nil && (on > 1 || absent >= uint32(settle(minCheckEvery)) || (on == 0 && absent > 0)) {
		r.fail("episode %d: active %d, absent %d checks", k, on, absent)
	}
	if on == 1 {
		ep.active[k] = true
		if absent > 0 {
			ep.absent[k] = int(absent)
		}
	}
}

// hand reads the losses of the latest updates by hand, which follow an
// epoch up to epoch, the checkpoint's: those of a player not updated are
// 0, and with neither updated the epoch is too, as runRecord writes none.
func (r *recReader) hand(epoch int) HandLosses {
	var h HandLosses
	d, g := r.u8(), r.u8()
	h.D, h.G = d == 1, g == 1
	h.Epoch = r.count("the epoch of the updates by hand", epoch)
	h.DReal, h.DFake, h.GLoss = r.num("a loss by hand"), r.num("a loss by hand"), r.num("a loss by hand")
	if r.err == nil && (d > 1 || g > 1 || !h.D && (h.DReal != 0 || h.DFake != 0) || !h.G && h.GLoss != 0 || !h.D && !h.G && h.Epoch != 0) {
		r.fail("updates by hand of D %d and G %d after epoch %d with losses %s, %s, %s", d, g, h.Epoch,
			numtext.FormatFloat(h.DReal), numtext.FormatFloat(h.DFake), numtext.FormatFloat(h.GLoss))
	}
	return h
}

// gz reads a G curve, the what's (a keyframe's, the baseline's), as
// recWriter.gz writes it: nil for none.
func (r *recReader) gz(what string) []ZX {
	n := r.length("points of the "+what+"'s G curve", gzPoints)
	if n == 0 {
		return nil
	}
	pts := make([]ZX, n)
	for i := range pts {
		pts[i] = ZX{r.num("a " + what + "'s G curve"), r.output("a " + what + "'s G curve")}
	}
	return pts
}

// output reads a value G output at a noise value of its curve: finite, or
// NaN or ±Inf where G's float32 output overflowed there, which a run
// does short of diverging (its batches, whose losses and moments diverge
// it, drawn from noise off that point), as the G(z) view draws it: left
// out of the curve, counted as "NaN or infinite". Refusing such a curve
// would refuse the record whole, the run resumed without its history,
// and make w save a checkpoint whose record cannot be read, of a run
// whose G(z) view shows the point so, or whose baseline is pinned from
// one.
func (r *recReader) output(what string) float64 {
	v := r.f64()
	if r.err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
		r.recordable(what, v)
	}
	return v
}

// start reads the checks in a row k has held, not yet started, into ep.
func (r *recReader) start(ep *episodes, k FindingKind) {
	switch n := r.u8(); {
	case r.err != nil:
	case n >= confirmChecks || n > 0 && ep.active[k]:
		r.fail("episode %d: held %d checks in a row, not started (active %v)", k, n, ep.active[k])
	case n > 0:
		ep.present[k] = int(n)
	}
}

// points reads a history's points: a count up to most, then the points,
// in order after epoch after and up to epoch, each over 1 to stride
// epochs.
func (r *recReader) points(what string, most, after, epoch, stride int) []Point {
	var pts []Point
	for range r.length(what+" points", most) {
		p := r.point(epoch)
		if r.err == nil && (p.Epoch <= after || p.span < 1 || p.span > stride) {
			r.fail("%s point at epoch %d after %d, over %d epochs (at most %d)", what, p.Epoch, after, p.span, stride)
		}
		after = p.Epoch
		pts = append(pts, p)
	}
	return pts
}

// baseline reads a pinned run, as runRecord writes it.
func (r *recReader) baseline() *Baseline {
	b := &Baseline{Preset: r.text("the baseline's preset"), Seed: r.u64()}
	b.Epoch = r.count("the baseline's epoch", engine.MaxEpochs)
	b.From = r.count("the baseline's start", b.Epoch)
	st := &b.Settings
	st.DLR, st.GLR = r.num("the baseline's d_lr"), r.num("the baseline's g_lr")
	st.DSteps = r.count("the baseline's d_steps", math.MaxInt32)
	st.GSteps = r.count("the baseline's g_steps", math.MaxInt32)
	st.Speed = r.pace("the baseline's pace")
	b.History = r.points("baseline history", historyPoints, b.From, b.Epoch, b.Epoch)

	e, m := &b.Eval, &b.Eval.Metrics
	e.Epoch = r.count("the baseline's evaluation epoch", b.Epoch)
	m.N = r.count("the baseline's sample size", MaxSamples)
	switch kind := r.u8(); {
	case r.err != nil:
	case kind == 0 && m.N == 0:
	case kind == 1 && m.N > 0:
		m.KS, m.W1 = r.between("the baseline's KS", 0, 1), r.between("the baseline's W1", 0, math.MaxFloat64)
		m.Hist = r.hist("baseline", m.N)
		switch k := r.length("baseline samples", maxPinnedSample); {
		case r.err != nil:
		case k != 0 && k != m.N:
			r.fail("%d baseline samples, its sample size %d", k, m.N)
		case k > 0:
			b.sample = r.floats("a baseline sample", k)
		}
	case kind == 2 && m.N > 0:
		m.Plane = r.plane("baseline")
		e.Points = r.drawn("baseline", m.N)
	default:
		r.fail("a baseline evaluation of kind %d over %d samples", kind, m.N)
	}
	return b
}

// hist reads the histogram of n samples of whose evaluation (a
// "baseline", a "keyframe"): a range, minBins to maxBins bins, each
// count in 0..n and each expected count in [0, n], the counts and those
// under and over adding up to n.
func (r *recReader) hist(whose string, n int) engine.Histogram {
	var h engine.Histogram
	h.Lo, h.Hi = r.num("the "+whose+"'s histogram range"), r.num("the "+whose+"'s histogram range")
	if r.err == nil && !(h.Hi > h.Lo) {
		r.fail("a %s histogram from %s to %s", whose, numtext.FormatFloat(h.Lo), numtext.FormatFloat(h.Hi))
	}
	bins := r.length(whose+" histogram bins", maxBins)
	if r.err == nil && bins < minBins {
		r.fail("%d %s histogram bins, at least %d", bins, whose, minBins)
	}
	if r.err != nil {
		return h
	}
	h.Counts, h.Expected = make([]int, bins), make([]float64, bins)
	sum := 0
	for i := range bins {
		h.Counts[i] = r.count("a "+whose+" bin's count", n)
		sum += h.Counts[i]
	}
	for i := range bins {
		h.Expected[i] = r.between("a "+whose+" bin's expected count", 0, float64(n))
	}
	h.Under, h.Over = r.count("the "+whose+"'s samples under", n), r.count("the "+whose+"'s samples over", n)
	if sum += h.Under + h.Over; r.err == nil && sum != n {
		r.fail("a %s histogram of %d samples, its sample size %d", whose, sum, n)
	}
	return h
}

// plane reads the measures of whose evaluation of a plane.
func (r *recReader) plane(whose string) *engine.PlaneMetrics {
	its := "the " + whose + "'s "
	p := &engine.PlaneMetrics{}
	p.MeanX, p.MeanY = r.num(its+"mean"), r.num(its+"mean")
	p.StdX, p.StdY = r.between(its+"std", 0, math.MaxFloat64), r.between(its+"std", 0, math.MaxFloat64)
	p.SW1, p.SW1Floor = r.between(its+"SW1", 0, math.MaxFloat64), r.between(its+"SW1 floor", 0, math.MaxFloat64)
	p.HighQuality = r.between(its+"high-quality share", 0, 1)
	p.Captured = r.count(its+"modes captured", maxModes)
	k := r.length(whose+" modes", maxModes)
	for range k {
		var sp engine.SpotShare
		for _, v := range [...]*float64{&sp.X, &sp.Y, &sp.Std, &sp.Weight, &sp.Share, &sp.Expected} {
			*v = r.num("a " + whose + " mode")
		}
		c := r.u8()
		if r.err == nil && c > 1 {
			r.fail("a %s mode captured %d", whose, c)
		}
		sp.Captured = c == 1
		p.Spots = append(p.Spots, sp)
	}
	if r.err == nil && p.Captured > k {
		r.fail("%d of the %s's %d modes captured", p.Captured, whose, k)
	}
	return p
}

// drawn reads the points drawn of whose evaluation of n samples: at most
// planePoints of them.
func (r *recReader) drawn(whose string, n int) []float64 {
	k := r.length(whose+" points", min(n, planePoints))
	return r.floats("a "+whose+" point", 2*k)
}

// stats reads whose stats of an epoch ("the last epoch's"), at an epoch
// up to epoch.
func (r *recReader) stats(whose string, epoch int) engine.EpochStats {
	var l engine.EpochStats
	l.Epoch = r.count("the epoch of "+whose+" stats", epoch)
	for _, v := range [...]*float64{&l.DReal, &l.DFake, &l.G, &l.Mean, &l.Std, &l.MeanY, &l.StdY, &l.Penalty} {
		*v = r.num(whose + " stats")
	}
	return l
}

// numOrNaN reads a float64 that may be NaN but not infinite: a sample's
// skewness and kurtosis, which are 0/0 for a sample of one value (G's
// output collapsed to a point), as the screen shows them live.
func (r *recReader) numOrNaN(what string) float64 {
	v := r.f64()
	if r.err == nil && math.IsInf(v, 0) {
		r.fail("%s of %s, neither a finite number nor NaN", what, numtext.FormatFloat(v))
	}
	r.recordable(what, v)
	return v
}

// keyframe reads a keyframe kept after epoch after, in a run checkpointed
// at epoch, as runRecord writes it: its evaluation in the shapes the
// session makes one (check), so that the screen draws it as it drew it
// live.
func (r *recReader) keyframe(after, epoch int) Keyframe {
	var k Keyframe
	e, m := &k.Eval, &k.Eval.Metrics
	if e.Epoch = r.count("a keyframe's epoch", epoch); r.err == nil && e.Epoch <= after {
		r.fail("a keyframe at epoch %d after %d", e.Epoch, after)
	}
	if k.Last = r.stats("the keyframe's", epoch); r.err == nil && k.Last.Epoch != e.Epoch {
		r.fail("a keyframe at epoch %d with the stats of epoch %d", e.Epoch, k.Last.Epoch)
	}
	e.KSFloor = r.between("the keyframe's KS floor", 0, math.MaxFloat64)
	e.NoCurve = r.text("the keyframe's note on D")
	if m.N = r.count("the keyframe's sample size", MaxSamples); r.err == nil && m.N < 1 {
		r.fail("a keyframe of %d samples", m.N)
	}
	switch kind := r.u8(); {
	case r.err != nil:
	case kind == 1:
		m.Mean, m.Std = r.num("the keyframe's mean"), r.between("the keyframe's std", 0, math.MaxFloat64)
		m.Skew, m.Kurt = r.numOrNaN("the keyframe's skewness"), r.numOrNaN("the keyframe's kurtosis")
		m.KS, m.W1 = r.between("the keyframe's KS", 0, 1), r.between("the keyframe's W1", 0, math.MaxFloat64)
		m.ZDep = r.num("the keyframe's noise dependence")
		m.RowWidth = r.count("the keyframe's row width", math.MaxInt32)
		m.Hist = r.hist("keyframe", m.N)
		if n := r.length("keyframe modes", maxModes); n > 0 {
			m.Modes = make([]engine.ModeCoverage, n)
			for i := range m.Modes {
				c := &m.Modes[i]
				for _, v := range [...]*float64{&c.Mean, &c.Std, &c.Weight} {
					*v = r.num("a keyframe mode")
				}
				c.Share, c.Expected = r.num("a keyframe mode's share"), r.num("a keyframe mode's share")
				v := r.u8()
				if r.err == nil && v > 1 {
					r.fail("a keyframe mode covered %d", v)
				}
				c.Covered = v == 1
			}
		}
		if m.ModesCovered = r.count("the keyframe's modes covered", maxModes); r.err == nil && m.ModesCovered > len(m.Modes) {
			r.fail("%d of the keyframe's %d modes covered", m.ModesCovered, len(m.Modes))
		}
		if n := r.length("keyframe quantiles", maxBins); n > 0 {
			m.QQ = make([]engine.QQPoint, n)
			for i := range m.QQ {
				q := &m.QQ[i]
				q.P, q.Gen, q.Target = r.between("a keyframe quantile's probability", 0, 1), r.num("a keyframe quantile"), r.num("a keyframe quantile")
			}
		}
		switch n := r.length("points of the keyframe's D curve", maxBins); {
		case r.err != nil:
		case n != 0 && n != len(m.Hist.Counts):
			r.fail("a keyframe's D curve of %d points, its histogram of %d bins", n, len(m.Hist.Counts))
		case n > 0:
			e.DCurve, e.Push = r.values("a keyframe's D score", n), r.values("a keyframe's D push", n)
		}
		e.GZ = r.gz("keyframe")
	case kind == 2:
		m.Plane = r.plane("keyframe")
		e.Points = r.drawn("keyframe", m.N)
		switch n := r.u32(); {
		case r.err != nil:
		case n != 0 && n != surfaceN:
			r.fail("a keyframe's D surface of side %d, not %d", n, surfaceN)
		case n > 0:
			e.Surface, e.SurfaceN = r.values("a keyframe's D surface", surfaceN*surfaceN), surfaceN
		}
		if n := r.length("keyframe arrows", planeArrows); n > 0 {
			e.Arrows = make([]Arrow, n)
			for i := range e.Arrows {
				e.Arrows[i] = Arrow{r.num("a keyframe arrow"), r.num("a keyframe arrow"), r.num("a keyframe arrow"), r.num("a keyframe arrow")}
			}
		}
	default:
		r.fail("a keyframe of kind %d", kind)
	}
	// Of any kind the diagnosis has, each once at most: those added after
	// AtNoiseFloor (GCollapsed, Plateau, DFrozen) too, so that a frame
	// holding one does not cost the resumed run its record.
	if n := r.length("keyframe findings", len(findingNames)); n > 0 {
		k.Findings = make([]Finding, n)
		for i := range k.Findings {
			f := &k.Findings[i]
			kind := r.u32()
			f.Kind, f.Text, f.Detail = FindingKind(kind), r.text("a keyframe finding"), r.text("a keyframe finding's detail")
			if detail, by := cutWords(f.Detail); by != "" {
				f.Detail, k.SavedBy = detail, by
			}
			if r.err == nil && kind >= uint32(len(findingNames)) {
				r.fail("a keyframe finding of kind %d", kind)
			}
		}
	}
	return k
}

// values reads n finite float64 values.
func (r *recReader) values(what string, n int) []float64 {
	if len(r.b) < 8*n { // before the slice, which a short record never needs
		r.fail("it ends early")
		return nil
	}
	out := make([]float64, n)
	for i := range out {
		out[i] = r.num(what)
	}
	return out
}

// ownVersion is this ganui as the checkpoints it writes name it
// (release.Version); a variable, so that a test can be another ganui.
var ownVersion = release.Version

// otherWords names the ganui whose words the texts of a record of
// version hold, in the checkpoint s resumed, where they are not this
// ganui's (SavedWords), and is "" where they are. A record of an earlier
// format than this ganui writes is an older ganui's; one of this
// format is another ganui's where the checkpoint names another writer
// (engine.GAN.SavedBy). It names the writer where the checkpoint does,
// "ganui v0.3.0", a build of an untagged commit by its revision, "ganui
// devel 0504f7c" (release.Short), where its pseudo-version made the
// replay's note give its keys up at 80 columns; two builds that record no version ("(devel)": go run,
// a test) cannot be told apart, and are taken for one.
func (s *Session) otherWords(version int) string {
	by := s.gan.SavedBy()
	if version == recordVersion && by == ownVersion {
		return ""
	}
	if by != "" && by != "(devel)" && len(by) <= 64 && utf8.ValidString(by) && !strings.ContainsFunc(by, visible.Hidden) && !strings.ContainsAny(by, "() ") {
		return "ganui " + release.Short(by)
	}
	if version < recordVersion || by == "" {
		return "an older ganui"
	}
	return "another ganui"
}

// restore takes a run's record from its checkpoint's annex: the charts,
// evaluations, events and diagnosis continue where they were. A record
// that cannot be taken leaves the session as a fresh resume has it, and
// the returned error says why.
func (s *Session) restore(annex []byte) error {
	if annex == nil {
		return nil
	}
	rec, err := readRecord(annex, s.gan.Epoch())
	if err != nil {
		return err
	}
	if s.gan.Plane() != nil && rec.samples > engine.MaxPlaneSamples {
		return fmt.Errorf("a sample size of %d, more than a two-dimensional target's %d", rec.samples, engine.MaxPlaneSamples)
	}
	if b := rec.baseline; b != nil && b.Eval.Metrics.N > 0 && (b.Eval.Metrics.Plane != nil) != (s.gan.Plane() != nil) {
		return errors.New("a baseline of another dimension than the run's target")
	}
	for _, k := range rec.keyframes {
		if (k.Metrics.Plane != nil) != (s.gan.Plane() != nil) {
			return fmt.Errorf("a keyframe at epoch %d of another dimension than the run's target", k.Epoch)
		}
	}
	if s.gan.Plane() != nil && rec.version < 13 { // 0 each, a plane's captured not counted: unknown, not none
		for i := range rec.evals.pts {
			rec.evals.pts[i].Modes = -1
		}
	}
	s.from, s.planned = rec.from, rec.planned
	s.hist = rec.hist
	s.evals = rec.evals
	if by := s.otherWords(rec.version); by != "" {
		for i := range rec.events {
			if rec.events[i].SavedBy == "" { // one marked already keeps the ganui that wrote it
				rec.events[i].SavedBy = by
			}
		}
		for i := range rec.keyframes {
			if k := &rec.keyframes[i]; k.SavedBy == "" && len(k.Findings) > 0 {
				k.SavedBy = by
			}
		}
	}
	s.tl.events, s.tl.dropped = rec.events, rec.dropped
	s.tl.episodes = rec.episodes
	rec.watch.watchDesign = s.watch.watchDesign
	s.watch = rec.watch
	s.offPlan, s.offWhat = rec.offPlan, rec.offWhat
	s.startSettings.DLR, s.startSettings.GLR = rec.start.DLR, rec.start.GLR
	s.startSettings.DSteps, s.startSettings.GSteps = rec.start.DSteps, rec.start.GSteps
	s.last = rec.last
	if s.opts.Samples <= 0 { // the run's own, unless the resume gives its own
		s.opts.Samples = rec.samples
	}
	if s.opts.Watch && rec.version >= 3 { // the same: no --speed, the run's own pace
		s.opts.Watch, s.opts.Speed = false, rec.pace
	}
	if s.opts.Preset == "" { // a resume: the run's own, which names its design (designOf) and its command again
		s.opts.Preset, s.opts.Base = rec.preset, rec.base // a base of nil: withBase reads the preset as it is now
	}
	if rec.kernels != engine.KernelISA() {
		s.otherKernels = rec.kernels
	}
	if b := rec.baseline; b != nil {
		b.Check = b.checked(s.gan.Target()) // from the sample the record keeps, as Pin worked it out
		b.Eval.Metrics.QQ = b.quantiles(s.gan.Target())
	}
	s.baseline = rec.baseline
	for i := range rec.keyframes {
		rec.keyframes[i].NoCurve = s.noDNote(&rec.keyframes[i].Eval)
	}
	s.tl.keyframes = rec.keyframes
	s.hand, s.handRun = rec.hand, s.run // handNow gives them while the run is at their epoch
	return nil
}
