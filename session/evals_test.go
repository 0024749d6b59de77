package session

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/testdesigns"
)

// bimodalConfig is testdesigns.PerSample on a two-mode target.
func bimodalConfig(epochs int) engine.Config {
	cfg := testdesigns.PerSample(epochs)
	cfg.Target = "mixture(-2,0.5;2,0.5)"
	return cfg
}

// csvRows reads a history CSV back as its header's fields and its rows'.
func csvRows(t *testing.T, data string) (header []string, rows [][]string) {
	t.Helper()
	all, err := csv.NewReader(strings.NewReader(data)).ReadAll() // one field count a row, or an error
	if err != nil {
		t.Fatalf("%v:\n%s", err, data)
	}
	return all[0], all[1:]
}

// loggedRun runs opts headless to the end of its plan with a --log, and
// returns the log's text and the events the run reported as it went.
func loggedRun(t *testing.T, opts Options) (log string, events []Event) {
	t.Helper()
	opts.LogPath = filepath.Join(t.TempDir(), "run.csv")
	opts.OnEvent = func(e Event) { events = append(events, e) }
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(opts.LogPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data), events
}

// TestLogCarriesEvaluations: --log fills the evaluation columns at the epochs
// the session checks the run (checkEvery: every 10 epochs of a short plan),
// with the numbers of the check's evaluation there, and leaves them empty
// elsewhere, whatever --every; the first six columns are the per-epoch six, and
// a mixture target adds a share per mode. zdep stays empty for a G of one
// sample a draw, as the lines leave it out: it scores 1 by construction, a 1
// that says nothing. The last column, eval_samples, says the check's 2,000
// samples the row's measures are of, not the run's --samples (500 here,
// 10,000 by default, the final line's), and is empty where they are.
func TestLogCarriesEvaluations(t *testing.T) {
	for _, every := range []int{0, 7} {
		log, _ := loggedRun(t, Options{Config: bimodalConfig(25), Seed: 2, Samples: 500, Every: every})
		header, rows := csvRows(t, log)
		if got := strings.Join(header, ","); got != CSVHeader+",ks,w1,skew,kurt,zdep,mode1_share,mode2_share,events,event_details,eval_samples" || got != CSVColumns(2) {
			t.Fatalf("header %q", got)
		}
		if len(rows) != 25 {
			t.Fatalf("%d rows, want 25", len(rows))
		}
		// The checks' evaluations, made again: the same samples at the
		// same epochs.
		ref, _ := straightRun(t, bimodalConfig(25), 2, 0)
		evals := map[int]engine.Metrics{}
		for epoch := 1; epoch <= 25; epoch++ {
			ref.TrainEpoch()
			if epoch%checkEvery(25) == 0 {
				evals[epoch], _ = ref.EvaluateUntil(checkSamples, engine.HistSpec{}, nil)
			}
		}
		for i, row := range rows {
			epoch := i + 1
			if row[0] != strconv.Itoa(epoch) {
				t.Fatalf("row %d is epoch %s", i, row[0])
			}
			m, ok := evals[epoch]
			if n, want := row[len(row)-1], map[bool]string{true: strconv.Itoa(checkSamples)}[ok]; n != want {
				t.Errorf("every %d: epoch %d eval_samples = %q, want %q", every, epoch, n, want)
			}
			row = row[:len(row)-3] // the events' columns (TestLogCarriesEvents) and eval_samples
			if !ok {
				if strings.Join(row[6:], "") != "" {
					t.Errorf("every %d: epoch %d has evaluation columns %q", every, epoch, row[6:])
				}
				continue
			}
			var want []string
			for _, v := range []float64{m.KS, m.W1, m.Skew, m.Kurt, m.ZDep, m.Modes[0].Share, m.Modes[1].Share} {
				want = append(want, strconv.FormatFloat(v, 'g', -1, 64))
			}
			if m.RowWidth > 1 {
				t.Fatalf("bimodal's G makes %d samples a draw, want 1", m.RowWidth)
			}
			want[4] = "" // zdep: one sample a draw scores 1 by construction, which says nothing
			for k, v := range want {
				if got := row[6+k]; got != v {
					t.Errorf("every %d: epoch %d %s = %q, want %q", every, epoch, header[6+k], got, v)
				}
			}
		}
	}
}

// TestExportCarriesEvaluations: the interactive export carries the same
// checks' evaluations as --log, whatever the trainer evaluated for the
// screen in between: byte for byte the --log of the same run.
func TestExportCarriesEvaluations(t *testing.T) {
	const epochs = 40
	dir := t.TempDir()
	s := newIdle(t, Options{Config: bimodalConfig(epochs), Seed: 5, Samples: 400, Dir: dir})
	s.evaluate() // the screen's evaluations: not in the export
	for range epochs {
		s.trainEpoch()
		s.evaluate()
	}
	Export{}.apply(s)
	got, err := os.ReadFile(filepath.Join(dir, "ganui-per-sample-seed5-epoch40.csv"))
	if err != nil {
		t.Fatal(err, s.note)
	}
	if want, _ := loggedRun(t, Options{Config: bimodalConfig(epochs), Seed: 5, Samples: 400, Every: 3}); string(got) != want {
		t.Fatalf("export:\n%s\nheadless --log:\n%s", got, want)
	}
	if s.evals.Len() != epochs/checkEvery(epochs) {
		t.Errorf("evaluation history holds %d points, want %d", s.evals.Len(), epochs/checkEvery(epochs))
	}
}

// TestEvalHistoryIsBounded: the evaluation history and the export's side
// log stay within their bounds however many evaluations come, keep the
// newest, and forget what a roll-back undoes.
func TestEvalHistoryIsBounded(t *testing.T) {
	h := newEvalHistory(8)
	l := newEvalLog(64)
	const n = 3*64 + 5
	for e := 1; e <= n; e++ {
		m := engine.Metrics{KS: float64(e)}
		h.Add(e, m)
		l.add(e, m)
		if h.Len() > 8 || len(l.rows) > 64 {
			t.Fatalf("after %d evaluations: %d points, %d rows", e, h.Len(), len(l.rows))
		}
	}
	pts := h.Points(nil)
	if last := pts[len(pts)-1]; last.Epoch != n || last.KS != n {
		t.Fatalf("the newest point is %+v", last)
	}
	for i := 1; i < len(pts); i++ {
		if pts[i].Epoch <= pts[i-1].Epoch {
			t.Fatalf("points out of order: %+v", pts)
		}
	}
	if l.rows[len(l.rows)-1].epoch != n {
		t.Fatalf("the newest row is epoch %d", l.rows[len(l.rows)-1].epoch)
	}
	back, keep := pts[len(pts)-3].Epoch, len(pts)-2 // a roll-back to before the last two points
	h.Add(back, engine.Metrics{KS: -1})
	l.add(back, engine.Metrics{KS: -1})
	pts = h.Points(nil)
	if last := pts[len(pts)-1]; last.Epoch != back || last.KS != -1 || len(pts) != keep {
		t.Fatalf("after a roll-back to %d: %+v", back, pts)
	}
	if r := l.rows[len(l.rows)-1]; r.epoch != back || r.vals[0] != -1 || len(l.rows) > 1 && l.rows[len(l.rows)-2].epoch >= back {
		t.Fatalf("the side log after a roll-back to %d ends at %d", back, r.epoch)
	}
}

// TestPlotWritesThePicture: the Plot command hands Draw a picture of the
// run as it stands and writes what it draws next to the run's other
// files, naming it in the note; a failed drawing is reported.
func TestPlotWritesThePicture(t *testing.T) {
	dir := t.TempDir()
	s := newIdle(t, Options{Config: testdesigns.PerSample(100), Seed: 7, Samples: 300, Dir: dir})
	for range 50 {
		s.trainEpoch()
	}
	var got Picture
	Plot{Format: "png", Draw: func(w io.Writer, p Picture) error {
		got = p
		_, err := io.WriteString(w, pngSignature+"figure")
		return err
	}}.apply(s)
	path := filepath.Join(dir, "ganui-per-sample-seed7-epoch50.png")
	if data, err := os.ReadFile(path); err != nil || string(data) != pngSignature+"figure" || !strings.Contains(s.note, path) {
		t.Fatalf("plot: %q, %v; note %q", data, err, s.note)
	}
	if got.Epoch != 50 || len(got.History) != 50 || len(got.Evals) != 5 || len(got.Samples) != 300 || len(got.DCurve) != pictureCurve || got.State != Paused {
		t.Fatalf("picture: epoch %d, %d points, %d evaluations, %d samples, %d curve points, %s",
			got.Epoch, len(got.History), len(got.Evals), len(got.Samples), len(got.DCurve), got.State)
	}
	// Taken from a running trainer (P), the figure says running, not
	// interrupted: the run goes on.
	s.setState(Running)
	Plot{Format: "png", Draw: func(_ io.Writer, p Picture) error { got = p; return nil }}.apply(s)
	if got.State != Running {
		t.Errorf("a picture of a running run says %s", got.State)
	}
	s.setState(Paused)
	Plot{Format: "png", Draw: func(io.Writer, Picture) error { return errors.New("no ink") }}.apply(s)
	if !s.failed || !strings.Contains(s.note, "no ink") {
		t.Fatalf("failed plot: note %q", s.note)
	}
	Plot{Format: "../x", Draw: func(io.Writer, Picture) error { return nil }}.apply(s)
	if !s.failed {
		t.Fatalf("plot to a bad format: note %q", s.note)
	}
}

// TestPictureReachesItsEpoch: a picture's evaluations are the checks' and, when
// its epoch is not a check's, the run measured at its epoch as the check at
// that epoch measures it, the same point, kept once: at epoch 0, before any
// check, and at epoch 13 after the check at 10, on a line and on a plane. A
// figure at epoch 0 does not say "no evaluation yet" beside the screen's
// measures of that epoch. A run whose weights are no longer finite has none
// added.
func TestPictureReachesItsEpoch(t *testing.T) {
	line := newIdle(t, Options{Config: testdesigns.PerSample(100), Seed: 7, Samples: 300})
	plane := idleAt(t, "ring", Options{Seed: 1, Samples: 500}, 0)
	for _, s := range []*Session{line, plane} {
		for _, epoch := range []int{0, 13} {
			for s.gan.Epoch() < epoch {
				s.trainEpoch()
			}
			got := s.Picture().Evals
			if n := len(got); n == 0 || got[n-1].Epoch != epoch || s.evals.Len() != n-1 {
				t.Fatalf("%s at epoch %d: the picture's evaluations %+v beside %d checks; want the checks and epoch %d's", s.target.Spec, epoch, got, s.evals.Len(), epoch)
			}
			s.check() // the check this epoch would have had
			if want := s.evals.Points(nil); !slices.Equal(got, want) {
				t.Errorf("%s at epoch %d: the picture's evaluations %+v; a check there makes them %+v", s.target.Spec, epoch, got, want)
			}
			if again := s.Picture().Evals; !slices.Equal(again, got) {
				t.Errorf("%s at epoch %d, a check's epoch: the picture's evaluations %+v, want the checks' %+v", s.target.Spec, epoch, again, got)
			}
		}
	}
	if got := plane.Picture().Evals; got[0].SW1 <= 0 {
		t.Errorf("the plane's evaluations %+v have no sliced W1", got)
	}

	s := newIdle(t, Options{Config: testdesigns.LeastSquaresSGD(), Seed: 1})
	poison(t, s)
	if s.gan.Check() == nil {
		t.Fatal("the poisoned run's weights are finite: the test needs them not")
	}
	if got := s.Picture().Evals; len(got) != s.evals.Len() {
		t.Errorf("diverged with weights not finite at epoch %d: the picture's evaluations %+v beside %d checks", s.gan.Epoch(), got, s.evals.Len())
	}
}

// TestLogCarriesEvents: the events column names the kinds of the events at each
// epoch, ;-separated, and event_details gives what each says, as the event
// lines do, in --log and in the export alike: those of the checks (a mode
// covered at the first check).
func TestLogCarriesEvents(t *testing.T) {
	log, events := loggedRun(t, Options{Config: bimodalConfig(40), Seed: 2, Samples: 500})
	_, rows := csvRows(t, log)
	kinds, details := map[string]string{}, map[string]string{}
	for _, e := range events {
		k := strconv.Itoa(e.Epoch)
		if kinds[k] != "" {
			kinds[k] += ";"
			details[k] += " | "
		}
		kinds[k] += e.Kind.String()
		details[k] += numtext.Plain(e.Detail)
	}
	if len(events) == 0 || kinds[strconv.Itoa(checkEvery(40))] != "mode-covered" {
		t.Fatalf("events %v", events)
	}
	for _, r := range rows {
		if got := r[len(r)-3]; got != kinds[r[0]] {
			t.Errorf("epoch %s: events %q, want %q", r[0], got, kinds[r[0]])
		}
		if got := r[len(r)-2]; got != details[r[0]] || strings.Contains(got, numtext.NBSP) {
			t.Errorf("epoch %s: event_details %q, want %q", r[0], got, details[r[0]])
		}
	}
}

// TestLogCarriesNoiseUseOfRows: a G that makes a row of samples from one
// draw has its noise use in the log's zdep column at every check, as its
// lines do.
func TestLogCarriesNoiseUseOfRows(t *testing.T) {
	log, _ := loggedRun(t, Options{Config: blogConfig(t, 20), Seed: 2, Samples: 500})
	header, rows := csvRows(t, log)
	k := slices.Index(header, "zdep")
	for _, row := range rows {
		if epoch, _ := strconv.Atoi(row[0]); epoch%checkEvery(20) == 0 {
			if _, err := strconv.ParseFloat(row[k], 64); err != nil {
				t.Errorf("epoch %d: zdep %q, want the noise use", epoch, row[k])
			}
		}
	}
}

// TestEvalsSpreadOverTheRun: past their bounds, the evaluations a figure's
// panel (c), the replayed sparklines and the plateau read (evalHistory), and
// those the export writes (evalLog), still reach from the run's first check to
// its newest, the gaps between them (all but the newest's) within a factor of
// two of each other, as the keyframes are kept. They do not lose every other
// one each time they fill while each check adds one, which would halve a
// stretch of the run the more often the older it is: a run checked 5,000 times
// would keep its last 2,300 checks' evaluations alone, and the export its last
// 14,000 of 40,000.
func TestEvalsSpreadOverTheRun(t *testing.T) {
	spread := func(what string, checks int, epochs []int, bound int) {
		t.Helper()
		n := len(epochs)
		if n != bound || epochs[0] != 10 || epochs[n-1] != 10*checks {
			t.Errorf("%s, %d checks: %d kept from epoch %d to %d; want %d from the first check, 10, to the newest, %d",
				what, checks, n, epochs[0], epochs[n-1], bound, 10*checks)
			return
		}
		least, most := 1<<62, 0
		for i := 1; i < n-1; i++ { // the newest's gap is a check's
			gap := epochs[i] - epochs[i-1]
			least, most = min(least, gap), max(most, gap)
		}
		if most > 2*least {
			t.Errorf("%s, %d checks: gaps of %d to %d epochs between the evaluations: the run is not evenly kept", what, checks, least, most)
		}
	}
	for _, checks := range []int{evalPoints + 1, 2 * evalPoints, 5000} {
		h := newEvalHistory(evalPoints)
		for c := 1; c <= checks; c++ {
			h.Add(10*c, engine.Metrics{KS: float64(c)})
		}
		var epochs []int
		for _, p := range h.Points(nil) {
			epochs = append(epochs, p.Epoch)
		}
		spread("evaluation history", checks, epochs, evalPoints)
	}
	for _, checks := range []int{evalPoints + 1, 2 * evalPoints, 5000} {
		l := newEvalLog(evalPoints) // a smaller bound than the session's, for speed
		for c := 1; c <= checks; c++ {
			l.add(10*c, engine.Metrics{KS: float64(c)})
		}
		var epochs []int
		for _, r := range l.rows {
			epochs = append(epochs, r.epoch)
		}
		spread("export", checks, epochs, evalPoints)
	}
}

// TestExportKeepsEveryEvent: as the export's log thins the evaluations of a
// long run, the rows of events stay, with the events and their texts, whether
// they came at a check or between two: what the run told the user is in the CSV
// however long it goes on, not dropped with every other row each time the log
// fills.
func TestExportKeepsEveryEvent(t *testing.T) {
	const bound, checks = 512, 5000
	l := newEvalLog(bound)
	var want []int
	for c := 1; c <= checks; c++ {
		l.add(10*c, engine.Metrics{KS: float64(c)})
		switch {
		case c%97 == 0: // at the check
			l.event(Event{Epoch: 10 * c, Kind: EventDWins, Detail: fmt.Sprint("at ", 10*c)})
			want = append(want, 10*c)
		case c%89 == 0: // between two checks
			l.event(Event{Epoch: 10*c + 3, Kind: EventModeDropped, Detail: fmt.Sprint("at ", 10*c+3)})
			want = append(want, 10*c+3)
		}
	}
	var got []int
	evals := 0
	for _, r := range l.rows {
		if r.eval {
			evals++
		}
		if r.events != "" {
			if r.details != fmt.Sprint("at ", r.epoch) {
				t.Errorf("the row of epoch %d: events %q, details %q", r.epoch, r.events, r.details)
			}
			got = append(got, r.epoch)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%d rows of events kept, of %d; the first missing at epoch %d", len(got), len(want), firstMissing(want, got))
	}
	if evals != bound || !l.rows[len(l.rows)-1].eval || l.rows[len(l.rows)-1].epoch != 10*checks {
		t.Errorf("%d evaluations kept (want %d), the newest row at epoch %d (want the check at %d)", evals, bound, l.rows[len(l.rows)-1].epoch, 10*checks)
	}
}

// firstMissing returns the first of want not in got, or -1.
func firstMissing(want, got []int) int {
	for _, e := range want {
		if !slices.Contains(got, e) {
			return e
		}
	}
	return -1
}

// modesKept trains preset's design idle to its plan, opts.Epochs, and
// checks that each of its evaluations keeps a count of the modes found
// (what: "covered" on a line, "captured" on a plane) from 0 to most, one
// at least above 0, and that its record reads them back as they are: the
// start of TestEvalsKeepTheModesCovered and
// TestEvalsKeepThePlaneModesCaptured.
func modesKept(t *testing.T, preset string, opts Options, most int, what string) (*Session, []EvalPoint) {
	t.Helper()
	s := idleAt(t, preset, opts, opts.Epochs)
	pts := s.Picture().Evals
	if len(pts) < 2 {
		t.Fatalf("%d evaluations", len(pts))
	}
	found := 0
	for _, p := range pts {
		if p.Modes < 0 || p.Modes > most {
			t.Errorf("epoch %d: %d modes %s, of %d", p.Epoch, p.Modes, what, most)
		}
		found = max(found, p.Modes)
	}
	if found == 0 {
		t.Errorf("no check found a mode %s: %+v", what, pts)
	}
	got, err := readRecord(recordWithoutKeyframes(s), s.gan.Epoch())
	if err != nil || !slices.Equal(got.evals.pts, pts) {
		t.Errorf("read back from its record: %+v (%v), want %+v", got.evals.pts, err, pts)
	}
	return s, pts
}

// TestEvalsKeepTheModesCovered: each check's evaluation of a mixture keeps
// the modes G covered there, what the screen's "modes 1/2" counts, so that
// a figure can show them over the run; a checkpoint keeps them, and a
// record of version 11, which kept none, resumes with them unknown (-1),
// not as none covered, and keeps them unknown when saved again.
func TestEvalsKeepTheModesCovered(t *testing.T) {
	s, pts := modesKept(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 2, "covered")
	// unknown reads record, what, back: each evaluation's modes unknown.
	unknown := func(what string, record []byte) []EvalPoint {
		t.Helper()
		got, err := readRecord(record, s.gan.Epoch())
		if err != nil || len(got.evals.pts) != len(pts) {
			t.Fatalf("%s: %d evaluations (%v), want %d", what, len(got.evals.pts), err, len(pts))
		}
		for _, p := range got.evals.pts {
			if p.Modes != -1 {
				t.Errorf("%s, epoch %d: %d modes covered, want -1 (unknown)", what, p.Epoch, p.Modes)
				break
			}
		}
		return got.evals.pts
	}
	// Resumed from it and saved again: still unknown, not none covered.
	s.evals.pts = unknown("a record of version 11", recordOfVersion11(s))
	unknown("a record of version 11 saved again", recordWithoutKeyframes(s))
}

// TestEvalsKeepThePlaneModesCaptured: each check's evaluation of a plane of
// modes keeps the modes G captured there, what the screen's "modes 6/8
// captured" counts, where it kept 0, so that a figure can draw them over
// the run as a mixture's; a checkpoint keeps them, and a record of
// version 12, which wrote 0 for a plane's, resumes with them unknown (-1),
// not as none captured, where a line's count of version 12 is kept.
func TestEvalsKeepThePlaneModesCaptured(t *testing.T) {
	s, pts := modesKept(t, "ring", Options{Seed: 1, Samples: 500, Epochs: 600}, 8, "captured")
	// grid's 25, more than a mixture's most, read back; a points
	// target's 300, more than a record's byte holds, unknown, not 44.
	s.evals.pts[0].Modes, s.evals.pts[1].Modes = 25, 300
	got, err := readRecord(recordWithoutKeyframes(s), s.gan.Epoch())
	if err != nil || got.evals.pts[0].Modes != 25 || got.evals.pts[1].Modes != -1 {
		t.Errorf("25 and 300 modes captured read back as %+v (%v), want 25 and -1 (unknown)", got.evals.pts[:2], err)
	}
	s.evals.pts[0].Modes, s.evals.pts[1].Modes = pts[0].Modes, pts[1].Modes
	rec := recordWithoutKeyframes(s)
	rec[len(recordMagic)] = 12
	if err := s.restore(rec); err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Picture().Evals {
		if p.Modes != -1 {
			t.Errorf("a plane's record of version 12, epoch %d: %d modes captured, want -1 (unknown)", p.Epoch, p.Modes)
			break
		}
	}
	line := idleAt(t, "bimodal", Options{Seed: 4, Samples: 500, Epochs: 300}, 300)
	want := line.Picture().Evals
	rec = recordWithoutKeyframes(line)
	rec[len(recordMagic)] = 12
	if err := line.restore(rec); err != nil || !slices.Equal(line.Picture().Evals, want) {
		t.Errorf("a line's record of version 12 resumed: %+v (%v), want %+v", line.Picture().Evals, err, want)
	}
}
