package session

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// A Command asks the session to change something. Commands reach the
// session's goroutine over a channel (Send) and apply between epochs, in
// the order sent.
type Command interface{ apply(s *Session) }

// TogglePause pauses a running run or resumes a paused one; from Done it
// continues past the planned epochs.
type TogglePause struct{}

// StepKind says how much of an epoch a Step trains.
type StepKind int

// What a Step trains: one whole epoch, one discriminator update or one
// generator update.
const (
	StepEpoch StepKind = iota
	StepD
	StepG
)

// Step trains epochs, or a single player's update, while paused. Steps of
// whole epochs sent one after another while the session is busy arrive as
// one Step (see Send): 500 n typed ahead train 500 epochs.
type Step struct {
	Kind   StepKind
	Epochs int // StepEpoch: how many epochs; 0 counts as 1
}

// epochs is how many epochs c trains.
func (c Step) epochs() int { return max(1, c.Epochs) }

// Adjust moves a setting one notch up (Dir > 0) or down along its ladder.
// Changes apply from the next epoch and keep the optimizers' state.
type Adjust struct {
	Setting Setting
	Dir     int
}

// Reseed starts a new run with the next seed, the run's seed plus one:
// fresh weights, empty history. The current settings carry over. The
// next seed, not a random one, so that r walks the seeds a --seeds batch
// trains (from seed 1: 2, 3, 4, as --seeds 1-5), the same in every
// session, and the seed a run reached is one a user can name.
type Reseed struct{}

// Restart starts the run again from its seed with the current settings;
// with unchanged settings it repeats the run bit for bit.
type Restart struct{}

// HistBins sets how many bins the published histogram has, which the UI
// matches to the columns it has room for. A run that is not running has
// its generator evaluated again at once, at the new bins; a running one
// has it at its next evaluation, the epoch's own, the screen spreading
// the bins it has over its columns meanwhile: a wide design's
// evaluation takes seconds, and an evaluation of the same epoch again,
// only to count its bars anew, would put off the next one by as much.
// So a trainer opened smaller than it draws, sending its bins only once
// made larger, has its untrained generator evaluated once.
type HistBins struct{ N int }

// stepping reports whether single steps are allowed now, setting a note
// that explains why not.
func (s *Session) stepping(what string) bool {
	switch s.state {
	case Running:
		s.refuse(what + " works while paused: press space to pause first")
		return false
	case Diverged:
		s.refuse(s.divergedHint())
		return false
	}
	if s.state == Done {
		s.pastPlan = true
		s.setState(Paused)
	}
	return true
}

// unreachedNote is what the notes say to do about a run that never came
// near its target (Divergence.Unreached), in a line at 80 columns.
const unreachedNote = "the target is out of G's reach; rescale its data and run again"

// divergedHint is the note for keys that cannot act on a diverged run:
// "diverged: " and its way on (divergedWayOn), in a line at 80 columns,
// so that the status keeps room for what went wrong.
func (s *Session) divergedHint() string { return "diverged: " + s.divergedWayOn() }

// divergedWayOn is what takes a diverged run on, with the key that does
// it, as every note that refuses a key on a diverged run ends (space, n,
// d, g, b, and , . < > before the first keyframe): lower a learning rate,
// then u rolls back, or with no kept state r or R starts again; for a
// run no rate brings near its target, what to change instead. "u rolls
// back to a good state, r starts a new seed, R reruns this one" would
// take two lines, cutting off the advice to lower a learning rate first,
// though each of the three diverges again as it did with the rates
// unchanged.
func (s *Session) divergedWayOn() string {
	if s.err != nil && s.err.Unreached {
		return unreachedNote
	}
	if _, ok := s.rollbackTarget(); ok {
		return "lower a learning rate (←), then u rolls back to go on"
	}
	return "lower a learning rate (←), then r or R starts again"
}

func (TogglePause) apply(s *Session) {
	switch s.state {
	case Running:
		s.setState(Paused)
		s.note = "paused: n trains one epoch, d or g one player's update"
	case Paused:
		s.setState(Running)
		s.note = ""
	case Done:
		s.setState(Running)
		s.pastPlan = true
		s.momentNote("continuing past the plan")
	case Diverged:
		s.refuse(s.divergedHint())
	}
}

func (c Step) apply(s *Session) {
	switch c.Kind {
	case StepEpoch:
		if !s.stepping("n (one epoch)") {
			return
		}
		n := c.epochs()
		for i := range n {
			// space waiting ends the steps at once: it sets the run
			// running, which trains the same epochs the steps would
			// have. Waiting behind them all, 300 n on grid-pacgan, then
			// space, would step on for seconds.
			if s.trainEpoch(); s.state != Paused || s.quitting() || s.runWaiting() {
				break
			}
			// Steps typed ahead join into one (Send), which trains them
			// all before the next snapshot: 1,500 n on ring left the
			// screen at epoch 0 for the 20 s they took. It shows the
			// epochs as they go, as a running run does.
			if left := n - 1 - i; left > 0 && s.clock.Since(s.lastPub) >= s.stepShow {
				s.note = fmt.Sprintf("stepping: epoch %s, %s more typed ahead…", numtext.FormatInt(s.gan.Epoch()), numtext.FormatInt(left))
				s.publishEval(false)
			}
		}
		if s.state == Paused {
			// The losses as the legend, the headless lines and the
			// diagnosis write them (numtext.Measure): a D winning
			// outright reads "D real 5.8939e-5", as the legend does, not
			// "D real 0.000"; each loss's name kept with its value
			// (lossText).
			s.note = fmt.Sprintf("trained epoch %s: %s", numtext.FormatInt(s.last.Epoch), lossText("D real", s.last.DReal)+", "+lossText("D fake", s.last.DFake)+", "+lossText("G", s.last.G))
		}
	case StepD:
		if !s.stepping("d (one discriminator update)") {
			return
		}
		s.leftPlan("trained D alone")
		done := s.handEvent("D")
		if r, f, err := s.trainPlayer(engine.D); err == nil {
			s.note = done + ": " + lossText("D real", r) + ", " + lossText("D fake", f) // as a stepped epoch's note gives them
		}
	case StepG:
		if !s.stepping("g (one generator update)") {
			return
		}
		s.leftPlan("trained G alone")
		done := s.handEvent("G")
		if g, _, err := s.trainPlayer(engine.G); err == nil {
			s.note = done + ": " + lossText("G", g)
		}
	}
}

// lossText writes a loss, its name and its value (numtext.Measure), "D
// real 0.612", the two kept together where the screen wraps the note
// (numtext.Together), as the diagnosis keeps them: at 80 columns the note
// of d after g had ended a line "the latest a D update: D real" and begun
// the next "0.612, D fake 0.790".
func lossText(name string, v float64) string {
	return numtext.Together(name + " " + numtext.Measure(v))
}

// handEvent records an update of player ("D" or "G") made by hand (d,
// g), which no command line repeats: rerunning the seed does not give
// the run, so its events record them. Presses between two
// epochs, one after the other, make one event, as a setting's do
// (settingEvent): "3 D updates by hand"; a G update between them starts
// an event of its own, so that the events keep the updates' order. It
// returns what the note says of the presses so far, with their epoch
// (handNote).
func (s *Session) handEvent(player string) string {
	ev, epoch := s.tl.events, s.gan.Epoch()
	n := 1
	if k := len(ev) - 1; k >= 0 && ev[k].Kind == EventHandUpdate && ev[k].Epoch == epoch {
		if m := handUpdates(ev[k].Detail, player); m > 0 {
			n = m + 1
			ev[k].Detail, ev[k].SavedBy = handDetail(n, player), "" // in this ganui's words now
			if s.keeping {
				s.evlog.restate(epoch, s.tl.events) // the export's text of it too
			}
		}
	}
	if n == 1 {
		s.emit(Event{Epoch: epoch, Kind: EventHandUpdate, Detail: handDetail(1, player)})
	}
	return s.handNote(player)
}

// handNote is what the note says of the updates by hand since the latest
// epoch, the events at it: each player's count, in the order first
// pressed, and which player's the last was, whose losses the note goes on
// to give: d g d g is not "one G update by hand at epoch 542", as if
// the last were the only one, the events list alone giving the rest.
func (s *Session) handNote(last string) string {
	epoch := s.gan.Epoch()
	ev := s.tl.events
	i := len(ev)
	for i > 0 && ev[i-1].Epoch == epoch {
		i--
	}
	var players []string
	counts := map[string]int{}
	for _, e := range ev[i:] {
		if e.Kind != EventHandUpdate {
			continue
		}
		for _, p := range []string{"D", "G"} {
			if n := handUpdates(e.Detail, p); n > 0 {
				if counts[p] == 0 {
					players = append(players, p)
				}
				counts[p] += n
			}
		}
	}
	at := " at epoch " + numtext.FormatInt(epoch)
	if len(players) < 2 {
		return numtext.Plain(handDetail(counts[last], last)) + at
	}
	parts := make([]string, len(players))
	for k, p := range players {
		parts[k] = handCount(counts[p], p)
	}
	return numtext.Plain(numtext.List(parts, "and")+" by hand") + at + ", the latest a " + last + " update"
}

// handDetail is the detail of an event of n updates of player by hand.
func handDetail(n int, player string) string {
	return handCount(n, player) + " by hand"
}

// handCount counts n updates of player: "one D update", "3 D updates".
func handCount(n int, player string) string {
	if n == 1 {
		return numtext.Together("one " + player + " update")
	}
	return numtext.Together(numtext.FormatInt(n) + " " + player + " updates")
}

// handUpdates is how many updates of player an event's detail
// (handDetail) counts, 0 for another player's, or for a detail that is
// not handDetail's text of its count, its spaces aside: "1,2,3 D updates
// by hand" or "+5 D updates by hand", in a checkpoint's record, count
// none, not 123 and 5, which the next d would have gone on from; nor does
// a count past maxHandUpdates, which only an edited record can hold.
func handUpdates(detail, player string) int {
	if detail == handDetail(1, player) {
		return 1
	}
	count, ok := strings.CutSuffix(numtext.Plain(detail), " "+player+" updates by hand")
	n, err := strconv.Atoi(strings.ReplaceAll(count, ",", ""))
	if !ok || err != nil || n < 2 || n > maxHandUpdates || numtext.Plain(handDetail(n, player)) != numtext.Plain(detail) {
		return 0
	}
	return n
}

// maxHandUpdates is the most updates by hand one event counts: more than
// a run's keys could press, and few enough that the next d's count, and
// the note's sum of every event at an epoch, stay far from wrapping round
// (an edited record's "9,223,372,036,854,775,807 D updates by hand" would
// make the next d's "-9,223,372,036,854,775,808").
const maxHandUpdates = 1 << 40

func (c Adjust) apply(s *Session) {
	cfg := s.gan.Config()
	to := s.settings(cfg)
	switch c.Setting {
	case DLR:
		to.DLR = stepLR(cfg.DLR, c.Dir)
	case GLR:
		to.GLR = stepLR(cfg.GLR, c.Dir)
	case DSteps:
		to.DSteps = stepCount(cfg.DSteps, c.Dir)
	case GSteps:
		to.GSteps = stepCount(cfg.GSteps, c.Dir)
	case Speed:
		to.Speed = stepSpeed(s.speed, c.Dir)
	default:
		return
	}
	if c.Setting == Speed {
		from := SpeedText(s.speed)
		s.setSpeed(to.Speed)
		note := fmt.Sprintf("speed %s → %s", from, SpeedText(s.speed))
		if from == SpeedText(s.speed) {
			note = fmt.Sprintf("speed stays at %s, the end of its range", from)
		}
		s.speedNote(note)
		return
	}
	s.setSetting(c.Setting, to, "")
}

// Reset puts a setting back to the value the run started with (the
// command line's, --set included, or after r or R the settings the new
// run started with; a resumed run's, as its record keeps them), in one
// change, as presses of ← and → that take it there would make it: the
// same event, note and departure from the command line, and the same
// training after. Its note calls that value "the design's" only where it
// is the design's own, and else this run's start (startMark). Speed goes
// back to the pace the trainer started at. Where the setting has that
// value already, it says so and changes nothing.
type Reset struct{ Setting Setting }

func (c Reset) apply(s *Session) {
	start := s.startValues()
	if c.Setting == Speed {
		from, to := SpeedText(s.speed), SpeedText(start.Speed)
		if s.speed == start.Speed {
			s.refuse(fmt.Sprintf("speed is %s already, the pace the trainer started at", to))
			return
		}
		s.setSpeed(start.Speed)
		s.speedNote(fmt.Sprintf("speed %s → %s, the pace the trainer started at", from, to))
		return
	}
	if c.Setting < 0 || c.Setting >= Speed {
		return
	}
	now := s.settings(s.gan.Config())
	name, design := c.Setting.Short(), start.Text(c.Setting)
	mark := s.startMark(c.Setting)
	if now.Text(c.Setting) == design {
		note := fmt.Sprintf("%s is %s already%s", name, design, mark)
		// The settings that are not, which ↑↓ pick for 0: after u's
		// "0 sets G lr back to 5e-5" on D lr, picked, 0 alone would
		// not say where to go.
		var others []string
		for _, k := range [...]Setting{DLR, GLR, DSteps, GSteps} {
			if now.Text(k) != start.Text(k) {
				others = append(others, fmt.Sprintf("%s %s (%s %s)", k.Short(), now.Text(k), s.startWord(k), start.Text(k)))
			}
		}
		if others != nil {
			note += "; not " + numtext.List(others, "and") + ": ↑↓ picks"
		}
		s.refuse(note)
		return
	}
	to := now
	switch c.Setting {
	case DLR:
		to.DLR = start.DLR
	case GLR:
		to.GLR = start.GLR
	case DSteps:
		to.DSteps = start.DSteps
	case GSteps:
		to.GSteps = start.GSteps
	}
	s.setSetting(c.Setting, to, mark)
}

// designMark follows the value a Reset put back, where its note names it:
// "G lr 5 → 5e-5, the design's, after epoch 3,116".
const designMark = ", the design's"

// startWord names the value of setting k that Reset puts back as
// startMark does (StartWord).
func (s *Session) startWord(k Setting) string {
	return StartWord(s.design, s.startSettings, k)
}

// StartWord names the value start holds of setting k, the one Reset puts
// back, by whose it is: "the design's" where it is design's, the design's
// own, and "this run's start" where the run started with another, given
// by --set or kept by r or R from a retune. wgan started with --set
// g_lr=10 is set back to 10, "this run's start": "the design's" there
// named 10 where the README and the presets list call wgan's 5e-5.
func StartWord(design, start Settings, k Setting) string {
	if design.Text(k) != start.Text(k) {
		return "this run's start"
	}
	return "the design's"
}

// StartWord is the package's StartWord of the snapshot's settings; a
// snapshot not told the design's own (DesignSettings with no D steps, as
// a run takes 1 at least) takes its start for them.
func (s *Snapshot) StartWord(k Setting) string {
	if s.DesignSettings.DSteps == 0 {
		return StartWord(s.Start, s.Start, k)
	}
	return StartWord(s.DesignSettings, s.Start, k)
}

// startMark is the mark of setting k's value as Reset puts it back:
// designMark where the run started with the design's value, and where
// --set, or r or R with a retune kept, started it with another, the
// run's start and the design's value beside it, "G lr is 5e-4 already, as this run started (the
// design's 5e-5)", not "the design's", which the reseed's note had just
// called a change from it ("with G lr 5e-5 → 5e-4 from the start").
func (s *Session) startMark(k Setting) string {
	if d := s.design.Text(k); d != s.startSettings.Text(k) {
		return ", as this run started (the design's " + d + ")"
	}
	return designMark
}

// startValues is the settings Reset puts back: those the run started with and
// the pace the trainer started at.
func (s *Session) startValues() Settings {
	st := s.startSettings
	st.Speed = s.startSpeed
	return st
}

// setSpeed sets the pace, measured afresh from here.
func (s *Session) setSpeed(v float64) {
	s.speed, s.nextEpoch = v, time.Time{}
	s.rate, s.rateT = 0, time.Time{} // measure the new speed afresh
}

// setSetting sets setting k (not Speed) to its value in v, a change from the
// next epoch that keeps the optimizers' state, and records it as a
// setting event (settingEvent) with the note that gives it: Adjust's
// notch and Reset's return to the design alike, so that the run, its
// events and its departure from its command line are the same whichever
// key made the change. mark, "" or designMark, follows the value set
// where the note names it.
func (s *Session) setSetting(k Setting, v Settings, mark string) {
	before := s.settings(s.gan.Config())
	var err error
	switch k {
	case DLR:
		err = s.gan.SetLR(engine.D, v.DLR)
	case GLR:
		err = s.gan.SetLR(engine.G, v.GLR)
	case DSteps:
		err = s.gan.SetSteps(engine.D, v.DSteps)
	case GSteps:
		err = s.gan.SetSteps(engine.G, v.GSteps)
	default:
		return
	}
	if err != nil {
		s.warn(err.Error())
		return
	}
	from, to := before.Text(k), s.settings(s.gan.Config()).Text(k)
	name := k.Short()
	// The note gives the change the next epoch trains with, as the event
	// records it: presses between two epochs make one change, from the
	// value the last epoch trained with: three → from 5e-4 are "D lr
	// 5e-4 → 5e-3", tenfold, not the last notch, "2e-3 → 5e-3"; a burst
	// that runs into the end of the range says where from, not only
	// "stays at 10". It names the epoch the change came after, the event's
	// own epoch, which the events list, a replay's jump, the CSV export's
	// row and Again's caveat name too ("from epoch 1,176" beside "◆ epoch
	// 1,175 setting" would be two epochs for one change), and which stays
	// true while the run trains on, as "from the next epoch" under a
	// running run's header 1,600 epochs later would not. A
	// diverged run's next epoch is the one after u's, r's or R's.
	when := " after epoch " + numtext.FormatInt(s.gan.Epoch())
	if s.gan.Epoch() == 0 {
		when = " before the first epoch"
	}
	if s.state == Diverged {
		when = " from the next epoch trained"
	}
	was := from
	if from != to {
		was = s.settingEvent(name, from, to)
	} else if _, first := s.settingChange(name); first != "" {
		was = first
	}
	inForce := s.inForce(name, was, to)
	if was == to { // back at the epoch's value: the roll-back's keep is gone
		delete(s.keptThrough, name)
	}
	// A press back to the epoch's value while the keep stood undoes it:
	// no event is left, but the note gives the change from the value
	// kept, which u's note had just said was in force ("G lr still
	// 0.5"): 0 reads "G lr 0.5 → 5e-5, the design's, after epoch 20",
	// where "G lr back to 5e-5, the design's: no change after epoch 20"
	// denied it.
	undone := was == to && inForce != to
	was = inForce
	if s.keptStill(name, to) {
		// A press back to the value kept reads back at it, as at the
		// epoch's: after "G lr still 0.5" and "G lr 0.5 → 0.2", →
		// reads "G lr back to 0.5: no change after epoch 20", where
		// it read "G lr 2e-4 → 0.5", from a value no note had said
		// was in force.
		was = to
	}
	change := fmt.Sprintf("%s → %s%s", was, to, when) // when begins with its space
	if clause := s.warmupClause(name); clause != "" {
		change += ", " + clause
	}
	// Why a press left the value where it was: the end of its range, or,
	// for a rate --set put below the ladder's floor (d_lr=1e-8), that ←
	// lowers no rate under the floor: "stays at 1e-8, the end of its
	// range" would name a range it is not in, which goes on down to 0.
	edge := "the end of its range"
	var lr float64 // the rate pressed, if a rate was
	switch k {
	case DLR:
		lr = s.gan.Config().DLR
	case GLR:
		lr = s.gan.Config().GLR
	}
	if lr > 0 && lr < MinLR {
		edge = "already under " + engine.FormatLR(MinLR) + ", the lowest ← sets"
	}
	var pending []string
	for _, c := range s.pendingSettings() {
		if n := settingOf(c); n != "" {
			if from, to, ok := strings.Cut(strings.TrimPrefix(c, n+" "), " → "); ok {
				if s.keptStill(n, to) {
					// A setting a roll-back kept, as u's note named
					// it ("D steps still 2"): no change from the value
					// in force, where "G lr 0.5 → 5e-5, the design's,
					// D steps 1 → 2" had 0 on G lr seem to change D
					// steps too; and the one pressed back to it.
					continue
				}
				c = n + " " + s.inForce(n, from, to) + " → " + to
			}
		}
		pending = append(pending, c)
	}
	if undone {
		pending = append([]string{name + " " + was + " → " + to}, pending...)
	}
	// A change's value marked, the mark closed by a comma before when
	// or the next change: "G lr 5 → 5e-5, the design's, after epoch 3,116".
	marked := slices.Clone(pending)
	if mark != "" {
		for i, c := range marked {
			if settingOf(c) == name {
				marked[i] = c + mark
				if i == len(marked)-1 {
					marked[i] += ","
				}
			}
		}
	}
	switch {
	case from == to && was == to:
		s.refuse(fmt.Sprintf("%s stays at %s, %s", name, to, edge))
	case from == to:
		// The change first, then the edge it ran into: "G lr stays at
		// 10, the end of its range: 5 → 10 from the next epoch trained"
		// read as two values in force at once, 10 and 5.
		s.refuse(fmt.Sprintf("%s %s, %s", name, change, edge))
	case was == to && len(pending) > 0:
		s.note = fmt.Sprintf("%s back to %s%s; %s", name, to, mark, s.pendingNote(pending, when))
	case was == to:
		s.note = fmt.Sprintf("%s back to %s%s: no change%s", name, to, mark, when)
	case len(pending) == 1 && s.state != Diverged && s.gan.Epoch() > 0:
		// One setting changed over several epochs, the note saying
		// nothing else between: the changes one after the other
		// (settingRun).
		shown := to
		if mark != "" {
			shown += mark + ","
		}
		s.note = s.adjusted.add(s.note, name, was, to, shown, s.gan.Epoch(), s.pendingNote(marked, when), s.warmupClause(name))
	default:
		// Every change the next epoch trains with, not the last alone:
		// → ↓ → on a paused blog-original would leave "G lr 1e-3 → 2e-3
		// after epoch 1,476" while D lr's change waits too, which only
		// the Settings panel shows.
		s.note = s.pendingNote(marked, when)
	}
}

// inForce is the value a note gives setting name's change to to as from:
// was, the value the epoch trained with, as the event records it, but
// after a roll-back that kept the setting, before an epoch trains, the
// value kept, which u's note called in force: "D lr still 1", then 0,
// "D lr 1 → 5e-4, the design's, after epoch 6,058", where the note read
// "D lr 2e-2 → 5e-4", 2e-2 the rolled-back epoch's, as if u had not kept
// 1. A change back to the kept value gives the epoch's, which the note of
// that press does not give: it reads back at the value kept (keptStill).
func (s *Session) inForce(name, was, to string) string {
	if k, ok := s.keptThrough[name]; ok && k != to && s.keptRun == s.run && s.keptEpoch == s.gan.Epoch() {
		return k
	}
	return was
}

// keptStill reports whether setting name has the value to that a
// roll-back kept (keptThrough), unchanged since, before an epoch trains.
func (s *Session) keptStill(name, to string) bool {
	k, ok := s.keptThrough[name]
	return ok && k == to && s.keptRun == s.run && s.keptEpoch == s.gan.Epoch()
}

// settingRun is the changes of one setting that the note gives, made at
// one epoch after another with no other note between: → pressed three
// times in a running run, at full speed, lands after three epochs, three
// changes and three events, and the note gives them as one, from the
// value the first left: the last alone, "D lr 2e-2 → 5e-2 after epoch
// 863", would hide that the presses took it from 5e-3.
type settingRun struct {
	name    string
	changes []settingStep
	note    string // the note that gave them; another note ends the run
}

// settingStep is one change of a settingRun: from → to, after epoch.
type settingStep struct {
	from, to string
	epoch    int
}

// add records the change of setting name from → to after epoch, to
// shown as the note gives it, with its mark ("5e-5, the design's,"),
// made while note was the note, and returns the note that gives it: alone
// (one), the note pendingNote wrote, or with the run's changes before it,
// "D lr 5e-3 → 1e-2 after epoch 779, → 2e-2 after epoch 807, → 5e-2
// after epoch 863", and past three changes their count and span, "D lr
// 5e-3 → 5e-2 in 4 changes, after epochs 779 to 901, each an event", or
// where the last took it back to where the first began, "D lr back to
// 5e-3 in 4 changes, …", as presses taken back within an epoch say "back
// to", either ending in the latest change's clause (warmupClause), if
// any.
func (r *settingRun) add(note, name, from, to, shown string, epoch int, one, clause string) string {
	if r.note != note || r.name != name {
		*r = settingRun{name: name}
	}
	if k := len(r.changes) - 1; k >= 0 && r.changes[k].epoch == epoch {
		r.changes[k].to = shown // a press joining the epoch's change
	} else {
		r.changes = append(r.changes, settingStep{from, shown, epoch})
	}
	cs := r.changes
	switch n := len(cs); {
	case n == 1:
		r.note = one
	case n <= 3:
		parts := make([]string, n)
		for i, c := range cs {
			parts[i] = "→ " + c.to + " after epoch " + numtext.FormatInt(c.epoch)
			if i == 0 {
				parts[i] = name + " " + c.from + " " + parts[i]
			}
		}
		r.note = strings.Join(parts, ", ")
	case cs[0].from == to:
		// Back where the run began: "D lr 5e-4 → 5e-4 in 4 changes" read
		// as a change that changed nothing, or a misprint.
		r.note = fmt.Sprintf("%s back to %s in %s changes, after epochs %s to %s, each an event", name, shown, numtext.FormatInt(n), numtext.FormatInt(cs[0].epoch), numtext.FormatInt(epoch))
	default:
		r.note = fmt.Sprintf("%s %s → %s in %s changes, after epochs %s to %s, each an event", name, cs[0].from, shown, numtext.FormatInt(n), numtext.FormatInt(cs[0].epoch), numtext.FormatInt(epoch))
	}
	if len(cs) > 1 && clause != "" {
		r.note += ", " + clause
	}
	return r.note
}

// pendingNote is the note of changes, the setting changes the next epoch
// trains with (pendingSettings), made when: the changes, when, then the clause
// of each change that has one (warmupClause), named by its setting where
// the note names more than one. A clause from the key pressed last
// alone would mislead: d_steps changed in wgan's warm-up, then G lr,
// would read "D steps 5 → 6, G lr 5e-5 → 1e-4 before the first epoch",
// as if the 6 steps trained epoch 1, which takes 100.
func (s *Session) pendingNote(changes []string, when string) string {
	note := strings.Join(changes, ", ") + when
	for _, c := range changes {
		name := settingOf(c)
		switch clause := s.warmupClause(name); {
		case clause == "":
		case len(changes) == 1:
			note += ", " + clause
		default:
			note += "; " + name + " " + clause
		}
	}
	return note
}

// warmupClause is what a pending change of the setting named name says
// of when it is first used, where that is not the next epoch: d_steps
// changed before an epoch of D's warm-up, whose steps are not d_steps
// ("from epoch 3" would stand while epoch 3 takes wgan's 100), is used
// after it, or never (d_warmup_every 1); "" for any other change.
func (s *Session) warmupClause(name string) string {
	cfg := s.gan.Config()
	if _, warm := cfg.DStepsAt(s.gan.Epoch()); name != DSteps.Short() || !warm {
		return ""
	}
	if e, ok := cfg.AfterWarmup(s.gan.Epoch()); ok {
		return "used after D's warm-up, from epoch " + numtext.FormatInt(e+1)
	}
	return "unused while every epoch is D's warm-up (d_warmup_every 1)"
}

// pendingSettings is the setting changes made since the last epoch
// trained, which the next trains with, as their events say them, in the
// order they were first made: the setting events that end the events at
// the current epoch (settingChange), a roll-back's kept settings among
// them, without the words that say so.
func (s *Session) pendingSettings() []string {
	ev, epoch := s.tl.events, s.gan.Epoch()
	i := len(ev)
	for i > 0 && ev[i-1].Kind == EventSetting && ev[i-1].Epoch == epoch {
		i--
	}
	var changes []string
	for _, e := range ev[i:] {
		change, _, _ := strings.Cut(e.Detail, ", ")
		changes = append(changes, change)
	}
	return changes
}

// settingEvent records a setting changed by the user. Presses of one
// setting between two epochs make one change, from the first value to
// the last, not an event each (nine presses of → would be nine events), with
// other settings' changes between them too (after a roll-back, the
// settings it kept: Rollback); back where it started, the change is no
// event at all. A change after the start is one no command line repeats
// (leftPlan), unless it is taken back before an epoch trains. It returns
// the value the change is from: the first of the presses', to when they
// have come back to it.
func (s *Session) settingEvent(name, from, to string) (was string) {
	ev, epoch := s.tl.events, s.gan.Epoch()
	if i, first := s.settingChange(name); i >= 0 {
		if first != to {
			ev[i].Detail, ev[i].SavedBy = fmt.Sprintf("%s %s → %s", name, first, to), "" // in this ganui's words now
			if s.keeping {
				s.evlog.restate(epoch, s.tl.events) // the export's text of it too
			}
			return first
		}
		s.tl.events = slices.Delete(ev, i, i+1)
		if s.keeping {
			s.evlog.restate(epoch, s.tl.events)
		}
		// The change is no longer part of the run's departure, unless
		// the setting was changed at an earlier epoch after the start too.
		if !slices.ContainsFunc(s.tl.events, func(e Event) bool {
			return e.Kind == EventSetting && e.Epoch > 0 && settingOf(e.Detail) == name
		}) {
			s.backOnPlan("changed " + name)
		}
		return to
	}
	s.emit(Event{Epoch: epoch, Kind: EventSetting, Detail: fmt.Sprintf("%s %s → %s", name, from, to)})
	if epoch > 0 {
		s.leftPlan("changed " + name)
	}
	return from
}

// settingChange finds the setting event of the setting name at the
// current epoch, among those that end the events: its index and the value
// it changes from, or -1 and "" with none.
func (s *Session) settingChange(name string) (i int, from string) {
	ev, epoch := s.tl.events, s.gan.Epoch()
	for i := len(ev) - 1; i >= 0 && ev[i].Kind == EventSetting && ev[i].Epoch == epoch; i-- {
		if rest, ok := strings.CutPrefix(ev[i].Detail, name+" "); ok {
			from, _, _ := strings.Cut(rest, " → ")
			return i, from
		}
	}
	return -1, ""
}

// settingOf is the name of the setting a setting event's detail changes.
func settingOf(detail string) string {
	for _, k := range [...]Setting{DLR, GLR, DSteps, GSteps} {
		if strings.HasPrefix(detail, k.Short()+" ") {
			return k.Short()
		}
	}
	name, _, _ := strings.Cut(detail, " → ")
	return name
}

// warmupSteps is D's steps in the epoch that follows epoch epochs of
// design cfg when that epoch is one of D's warm-up, else 0.
func warmupSteps(cfg engine.Config, epoch int) int {
	if n, warm := cfg.DStepsAt(epoch); warm {
		return n
	}
	return 0
}

// warmupShown is Snapshot.DWarmup for the run as it stands: D's steps in
// the epoch it trains next where that is one of D's warm-up, or, the run
// done, in the epoch it ended on. A done run has no next epoch but the one
// space or n would add, and its screen is read as the run's end: wgan's,
// done at epoch 10,000, read "D steps/epoch  100 warm-up" beside epoch
// 10,000, which trained 5 (10,001 would be a warm-up).
func (s *Session) warmupShown(cfg engine.Config) int {
	e := s.gan.Epoch()
	if s.state == Done && e > 0 {
		return warmupSteps(cfg, e-1)
	}
	return warmupSteps(cfg, e)
}

// settings are the knobs' values now, read from the run's own
// configuration, the one place they are kept.
func (s *Session) settings(cfg engine.Config) Settings {
	return Settings{DLR: cfg.DLR, GLR: cfg.GLR, DSteps: cfg.DSteps, GSteps: cfg.GSteps, Speed: s.speed}
}

func (Reseed) apply(s *Session) {
	from := s.gan.Seed()
	seed := from + 1 // past the largest seed, 0, which --seed takes too
	was := s.startSettings
	if err := s.newRun(seed); err != nil {
		s.warn(err.Error())
		return
	}
	s.note = fmt.Sprintf("reseeded to seed %d, the next after %d: fresh weights, history cleared%s · again: %s",
		seed, from, s.startedOtherwise(was), s.Again().Command)
}

func (Restart) apply(s *Session) {
	was := s.startSettings
	if err := s.newRun(s.gan.Seed()); err != nil {
		s.warn(err.Error())
		return
	}
	s.note = fmt.Sprintf("rerun from seed %d: the same starting weights, history cleared%s", s.gan.Seed(), s.startedOtherwise(was))
}

// startedOtherwise says, for the note of a new run (r, R), each setting
// it starts with that the run it replaces started without, ", with D lr
// 5e-4 → 5e-3 from the start", or "" with none: r and R keep the
// settings as they are, retuned mid-run or before, and "rerun from seed
// 1" alone would not say that the rerun trains from its first epoch with
// the rate the replaced run took up at its 1,364th.
func (s *Session) startedOtherwise(was Settings) string {
	var changes []string
	for _, k := range [...]Setting{DLR, GLR, DSteps, GSteps} {
		if from, to := was.Text(k), s.startSettings.Text(k); from != to {
			changes = append(changes, fmt.Sprintf("%s %s → %s", k.Short(), from, to))
		}
	}
	if changes == nil {
		return ""
	}
	return ", with " + strings.Join(changes, ", ") + " from the start"
}

func (c HistBins) apply(s *Session) {
	n := min(maxBins, max(minBins, c.N))
	if n != s.bins {
		s.bins = n
		s.evalOK = s.evalOK && s.state == Running
	}
}
