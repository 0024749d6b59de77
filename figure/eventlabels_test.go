package figure

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/session"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// textCanvas is a vg.Canvas that records where text is written and
// ignores the rest.
type textCanvas struct {
	texts []vg.Point
	at    vg.Point // the translation of the current matrix
}

func (c *textCanvas) SetLineWidth(vg.Length)             {}
func (c *textCanvas) SetLineDash([]vg.Length, vg.Length) {}
func (c *textCanvas) SetColor(color.Color)               {}
func (c *textCanvas) Rotate(float64)                     {}
func (c *textCanvas) Translate(p vg.Point)               { c.at = c.at.Add(p) }
func (c *textCanvas) Scale(float64, float64)             {}
func (c *textCanvas) Push()                              {}
func (c *textCanvas) Pop()                               { c.at = vg.Point{} }
func (c *textCanvas) Stroke(vg.Path)                     {}
func (c *textCanvas) Fill(vg.Path)                       {}
func (c *textCanvas) FillString(_ font.Face, p vg.Point, _ string) {
	c.texts = append(c.texts, c.at.Add(p))
}
func (c *textCanvas) DrawImage(vg.Rectangle, image.Image) {}

// drawEvents draws the lines and labels of events on rec as a time panel
// of 400×200 points over epochs 0 to 1,000 draws them, its foot at y 0.
// names reports whether text is e's label: its kind, or, where it is written
// left of its line or on an earlier event's line, its kind and epoch.
func names(e Event, text string) bool {
	return text == e.label() || text == e.label()+" ("+numtext.FormatInt(e.Epoch)+")"
}

// marksOf is the marks of events of kinds, one a kind, each named by its
// kind alone: "equilibrium, d-stalled" of "equilibrium" and "d-stalled".
func marksOf(kinds ...string) []Mark {
	marks := make([]Mark, len(kinds))
	for i, k := range kinds {
		marks[i] = Mark{Kind: k}
	}
	return marks
}

// namedEvents is how many events labels name, one each or, a label of
// events alike (alikeLabel), all it names.
func namedEvents(labels []placed) int {
	n := 0
	for _, l := range labels {
		n += l.events
	}
	return n
}

// alikeCount is how many events of e's kind text names at once, "mode-covered
// ×6" six of mode-covered, or 0 where it names no such run of them.
func alikeCount(e Event, text string) int {
	rest, ok := strings.CutPrefix(text, e.label()+" ×")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(rest)
	if err != nil {
		return 0
	}
	return n
}

func drawEvents(rec vg.Canvas, events ...Event) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1000, 0, 1
	c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}}
	eventLines{events: events}.Plot(c, p)
}

// TestEventLabelsDoNotOverlap: labels of events close together are
// stacked in rows, never written over one another; far apart, they share
// the top row.
func TestEventLabelsDoNotOverlap(t *testing.T) {
	rec := &textCanvas{}
	drawEvents(rec, Event{Epoch: 100, Marks: marksOf("mode-dropped")}, Event{Epoch: 110, Marks: marksOf("mode-recovered")}, Event{Epoch: 800, Marks: marksOf("equilibrium")})
	if len(rec.texts) != 3 {
		t.Fatalf("%d labels written, want 3", len(rec.texts))
	}
	first, second, far := rec.texts[0], rec.texts[1], rec.texts[2]
	if second.Y >= first.Y {
		t.Errorf("the second of two close labels is not below the first: %v, %v", first, second)
	}
	if far.Y != first.Y {
		t.Errorf("a label far from the others left the top row: %v against %v", far, first)
	}
}

// drawCanvas is a vg.Canvas that records the text written and where.
type drawCanvas struct {
	textCanvas
	strs []string
}

func (c *drawCanvas) FillString(f font.Face, p vg.Point, s string) {
	c.textCanvas.FillString(f, p, s)
	c.strs = append(c.strs, s)
}

// pathBox is the box that holds the points of p's moves and lines,
// drawn at at.
func pathBox(at vg.Point, p vg.Path) vg.Rectangle {
	r := vg.Rectangle{Min: vg.Point{X: vg.Length(math.Inf(1)), Y: vg.Length(math.Inf(1))}, Max: vg.Point{X: vg.Length(math.Inf(-1)), Y: vg.Length(math.Inf(-1))}}
	for _, cmp := range p {
		if cmp.Type == vg.MoveComp || cmp.Type == vg.LineComp {
			q := at.Add(cmp.Pos)
			r.Min.X, r.Min.Y = min(r.Min.X, q.X), min(r.Min.Y, q.Y)
			r.Max.X, r.Max.Y = max(r.Max.X, q.X), max(r.Max.Y, q.Y)
		}
	}
	return r
}

// risingG is a run of 1,000 epochs whose D losses sit at 0.1 and whose
// G loss climbs from 0 to 4, its losses' legend at the top right.
func risingG() Run {
	r := Run{History: make([]session.Point, 1000)}
	for i := range r.History {
		r.History[i] = session.Point{Epoch: i + 1, DReal: 0.1, DFake: 0.1, G: 4 * float64(i) / 1000}
	}
	return r
}

// drawLosses draws r's panel (b) on rec, a 360×240 canvas that records
// what is drawn, its key above its data as the figure lays them out
// (layout), and returns the plot and the canvas.
func drawLosses(t *testing.T, r Run, rec vg.Canvas) (*plot.Plot, draw.Canvas) {
	t.Helper()
	p, err := r.losses()
	if err != nil {
		t.Fatal(err)
	}
	c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 360, Y: 240}}}
	drawTimePanel(r, p, c)
	return p.Plot, c
}

// drawTimePanel draws p, a time panel of r's, on c, its key above its data
// and its y axis set, as layout lays a panel out and Encode draws it.
func drawTimePanel(r Run, p *panel, c draw.Canvas) {
	k := p.key()
	keyRoom([]*plot.Plot{p.Plot}, []draw.Canvas{c}, []key{k})
	headroom(p.Plot, r.labelShare(p, c, true))
	p.Draw(c)
	k.draw(p.Plot, c)
}

// TestKeyAboveTheData: a panel's key is written above its data area, under
// its title, and its event labels within the data area, under the key,
// wherever the event is, each named: the key covers no curve and no label,
// and no label is left out for want of room beside it. A key in the data's
// top corner had the y axis run on to make room for it (vanilla's panel (a)
// to 6 over data up to 2.2) and the labels step round it.
func TestKeyAboveTheData(t *testing.T) {
	r := risingG()
	entries := []string{"D real", "D fake", "G"}
	for epoch := 700; epoch <= 1000; epoch += 5 {
		r.Events = []Event{{Epoch: epoch, Marks: marksOf("d-wins-ended"), N: 1}}
		rec := &drawCanvas{}
		p, c := drawLosses(t, r, rec)
		dc := p.DataCanvas(c)
		title := c.Max.Y - p.Title.TextStyle.Rectangle(p.Title.Text).Size().Y
		seen := 0
		for i, s := range rec.strs {
			at := rec.texts[i]
			switch {
			case slices.Contains(entries, s):
				seen++
				if at.Y < dc.Max.Y || at.Y > title {
					t.Errorf("event at %d: the key's %q at %v is not between the data's top %v and the title's foot %v", epoch, s, at, dc.Max.Y, title)
				}
			case names(r.Events[0], s):
				if at.Y > dc.Max.Y {
					t.Errorf("event at %d: its label at %v is above the data's top %v, among the key", epoch, at, dc.Max.Y)
				}
			}
		}
		if seen != len(entries) {
			t.Errorf("event at %d: the key wrote %d of %q: %q", epoch, seen, entries, rec.strs)
		}
		if !slices.ContainsFunc(rec.strs, func(s string) bool { return names(r.Events[0], s) }) {
			t.Errorf("event at %d: its label is left out: %q", epoch, rec.strs)
		}
	}
}

// TestEventLabelsApart: events close together, and those at the panel's right
// edge, are each named, in the rows at the data's top, none written over
// another: a run that diverged names its d-wins-ended and runaway lines at
// the right edge of panels (a) and (b), and ring's noise-floor, after six
// mode-covered labels, is named.
func TestEventLabelsApart(t *testing.T) {
	r := risingG()
	for _, events := range [][]Event{
		{{Epoch: 100, Marks: marksOf("d-wins"), N: 1}, {Epoch: 800, Marks: marksOf("d-wins-ended"), N: 1}, {Epoch: 1000, Marks: marksOf("runaway"), N: 1}},
		{{Epoch: 500, Marks: marksOf("mode-covered"), N: 1}, {Epoch: 510, Marks: marksOf("mode-covered"), N: 1}, {Epoch: 520, Marks: marksOf("mode-covered"), N: 1},
			{Epoch: 530, Marks: marksOf("mode-covered"), N: 1}, {Epoch: 560, Marks: marksOf("noise-floor"), N: 1}, {Epoch: 700, Marks: marksOf("equilibrium"), N: 1}},
	} {
		r.Events = events
		rec := &drawCanvas{}
		drawLosses(t, r, rec)
		sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler}
		var written []vg.Rectangle
		uses := map[int]int{} // of a label of events alike, how many it has named
		for _, e := range events {
			i := -1
			for j, s := range rec.strs {
				if names(e, s) || alikeCount(e, s) > uses[j] {
					i = j
					break
				}
			}
			if i < 0 {
				t.Errorf("%s (epoch %d) is not named: labels %q", e.label(), e.Epoch, rec.strs)
				continue
			}
			text := rec.strs[i]
			if uses[i]++; uses[i] < max(1, alikeCount(e, text)) {
				continue // its box is checked once, with the last it names
			}
			rec.strs[i] = "\x00" // each label names one event, or those alike it counts
			at := rec.texts[i]
			lb := labelBox(sty, vg.Point{X: at.X, Y: at.Y + sty.FontExtents().Ascent}, text)
			for _, o := range written {
				if lb.Min.X < o.Max.X && o.Min.X < lb.Max.X && lb.Min.Y < o.Max.Y && o.Min.Y < lb.Max.Y {
					t.Errorf("%s's label %v is written over another's, %v", e.label(), lb, o)
				}
			}
			written = append(written, lb)
		}
	}
}

// TestTitlesLevel: the titles of a row of panels are written at one height:
// beside a log-scale panel (c), whose top label reaches above its data, panel
// (d)'s title is not a line lower.
func TestTitlesLevel(t *testing.T) {
	r := trained(t)
	for i := range r.Evals {
		r.Evals[i].W1 = 30000 // a runaway: KS and W1 a factor of 10⁵ apart
	}
	rec := &drawCanvas{}
	body := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: width, Y: height}}}
	panels, canvases, err := r.layout(body)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(panels[1][0].Title.Text, "log scale") {
		t.Fatalf("panel (c) %q is not on a log scale", panels[1][0].Title.Text)
	}
	for j := range panels {
		rec.strs, rec.texts = nil, nil
		for i := range panels[j] {
			panels[j][i].Draw(canvases[j][i])
		}
		var ys []vg.Length
		for k, s := range rec.strs {
			if s == panels[j][0].Title.Text || s == panels[j][1].Title.Text {
				ys = append(ys, rec.texts[k].Y)
			}
		}
		if len(ys) != 2 || ys[0] != ys[1] {
			t.Errorf("row %d: titles %q and %q written at heights %v", j, panels[j][0].Title.Text, panels[j][1].Title.Text, ys)
		}
	}
}

// TestLeftLabelDoesNotCrossALine: a label that has no room right of its line
// (the panel's edge) goes left of it, naming its epoch, where it does not run
// across an earlier event's line, from which it would read as that line's (and
// beyond that line where it would: TestLabelBeyondAnEarlierLine).
// label-smoothing's panel (b) does not write d-wins-ended (epoch 840) from
// d-wins's line (610), under "d-wins".
func TestLeftLabelDoesNotCrossALine(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1000, 0, 1
	rec := &drawCanvas{}
	c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}}
	eventLines{events: []Event{{Epoch: 500, Marks: marksOf("d-wins")}, {Epoch: 990, Marks: marksOf("d-wins-ended")}}}.Plot(c, p)
	if !slices.Equal(rec.strs, []string{"d-wins", "d-wins-ended (990)"}) {
		t.Errorf("labels %q written, want both", rec.strs)
	}
	sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler}
	if len(rec.texts) == 2 {
		if at, line := rec.texts[1].X, vg.Length(396); at+sty.Width("d-wins-ended (990)") > line || at < 200 {
			t.Errorf("d-wins-ended written from x=%v, want it just left of its line at %v", at, line)
		}
	}
}

// TestLabelLeftOfItsLineNamesItsEpoch: a label written left of its own line,
// the legend or the panel's edge taking the room right of it, names its
// epoch, since it begins at no line of its own and may begin a few points
// right of an earlier one, under that line's label, where it reads as that
// line's: vanilla retuned at epoch 2,865 (ganui --preset vanilla --epochs
// 3000, → at 2,865, P at 6,726) wrote "equilibrium", of epoch 4,080, from
// beside "D lr 1e-3"'s line in panels (a) and (b), as if D's new rate had
// brought it at once.
func TestLabelLeftOfItsLineNamesItsEpoch(t *testing.T) {
	rec := &drawCanvas{}
	drawEvents(rec, Event{Epoch: 860, Marks: marksOf("setting")}, Event{Epoch: 990, Marks: marksOf("equilibrium")})
	if want := []string{"setting", "equilibrium (990)"}; !slices.Equal(rec.strs, want) {
		t.Errorf("labels %q written, want %q", rec.strs, want)
	}
}

// TestLabelBeyondAnEarlierLine: a label with no room right of its line (the
// panel's edge) that would run across an earlier event's line left of its own
// is written left of that line, naming its epoch, since it lies at no line of
// its own. A run that diverged 13 points right of equilibrium-ended's line
// draws its runaway named in every panel (vanilla --set d_lr=0.05 --set
// g_lr=0.05 --epochs 3000, epoch 2,008).
func TestLabelBeyondAnEarlierLine(t *testing.T) {
	rec := &strokeCanvas{}
	drawEvents(rec, Event{Epoch: 100, Marks: marksOf("d-wins")}, Event{Epoch: 960, Marks: marksOf("equilibrium-ended")}, Event{Epoch: 990, Marks: marksOf("runaway")})
	want := []string{"d-wins", "equilibrium-ended (960)", "runaway (990)"}
	if !slices.Equal(rec.strs, want) {
		t.Fatalf("labels %q written, want %q", rec.strs, want)
	}
	sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler}
	at := rec.texts[2].X
	end := at + sty.Width(want[2])
	for _, line := range []vg.Length{40, 384} { // d-wins's and equilibrium-ended's lines
		if at < line && line < end {
			t.Errorf("runaway (990), from x=%v to %v, runs across the line at %v", at, end, line)
		}
	}
	if end > 384 || end < 374 {
		t.Errorf("runaway (990) ends at x=%v, want it just left of equilibrium-ended's line at 384", end)
	}
	if feet := rec.feet(); feet != 3 {
		t.Errorf("%d lines reach the panel's foot, want 3", feet)
	}
}

// strokeCanvas is a drawCanvas that also records the lines stroked, as
// their points.
type strokeCanvas struct {
	drawCanvas
	strokes [][]vg.Point
}

func (c *strokeCanvas) Stroke(p vg.Path) {
	var pts []vg.Point
	for _, cmp := range p {
		if cmp.Type == vg.MoveComp || cmp.Type == vg.LineComp {
			pts = append(pts, c.at.Add(cmp.Pos))
		}
	}
	c.strokes = append(c.strokes, pts)
}

// feet counts the vertical lines stroked down to the foot of a panel
// drawEvents drew: the events' lines.
func (c *strokeCanvas) feet() int {
	n := 0
	for _, s := range c.strokes {
		if len(s) == 2 && s[0].X == s[1].X && min(s[0].Y, s[1].Y) == 0 {
			n++
		}
	}
	return n
}

// TestEventLinesBreakUnderLabels: an event's line that a label right of an
// earlier line reaches across is broken there, not drawn through the label's
// text: three labels 10 points apart, stacked, are not struck through by the
// next events' lines, "mọde-coveṛed", nor ring's mode-covered ×3, named at
// once across its lines.
func TestEventLinesBreakUnderLabels(t *testing.T) {
	for _, c := range []struct {
		kinds []string
		want  []string
	}{
		{[]string{"mode-covered", "mode-dropped", "mode-recovered"}, []string{"mode-covered", "mode-dropped", "mode-recovered"}},
		{[]string{"mode-covered", "mode-covered", "mode-covered"}, []string{"mode-covered ×3"}},
	} {
		rec := &strokeCanvas{}
		drawEvents(rec, Event{Epoch: 100, Marks: marksOf(c.kinds[0])}, Event{Epoch: 110, Marks: marksOf(c.kinds[1])}, Event{Epoch: 120, Marks: marksOf(c.kinds[2])})
		if !slices.Equal(rec.strs, c.want) {
			t.Fatalf("labels %q written, want %q", rec.strs, c.want)
		}
		sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler}
		// The band each label's letters take: from its baseline up to the
		// height of its small letters.
		for i, at := range rec.texts {
			w := sty.Width(rec.strs[i])
			for _, s := range rec.strokes {
				if len(s) != 2 || s[0].X != s[1].X {
					continue // no event's line
				}
				x, lo, hi := s[0].X, min(s[0].Y, s[1].Y), max(s[0].Y, s[1].Y)
				if x > at.X && x < at.X+w && lo < at.Y+4 && hi > at.Y {
					t.Errorf("the line at x=%v, y %v to %v, runs through label %q, at %v", x, lo, hi, rec.strs[i], at)
				}
			}
		}
		// Every line still reaches the foot of the panel.
		if feet := rec.feet(); feet != 3 {
			t.Errorf("%q: %d lines reach the panel's foot, want 3", c.want, feet)
		}
	}
}

// TestAlikeLabelCountsTheEvents: a label of events alike counts the
// session's events its marks stand for: ring's eight modes covered at six
// epochs, two at 5,400 and two at 6,000, "mode-covered ×8", not ×6, and
// the six lines they are drawn as, "on 6 lines", where the counts differ;
// of one line, no count of lines, not "on 1 lines". Split over two rows,
// the count of lines is the second, "mode-covered ×8" over "6 lines".
func TestAlikeLabelCountsTheEvents(t *testing.T) {
	events := []Event{{5400, marksOf("mode-covered"), 2}, {5600, marksOf("mode-covered"), 1}, {5800, marksOf("mode-covered"), 1}, {6000, marksOf("mode-covered"), 2}, {6400, marksOf("mode-covered"), 1}, {6800, marksOf("mode-covered"), 1}}
	if got, want := alikeLabel(events, []int{0, 1, 2, 3, 4, 5}, false), "mode-covered ×8 on 6 lines"; got != want {
		t.Errorf("six lines of eight events labelled %q, want %q", got, want)
	}
	if got, want := alikeLabel(events, []int{0, 1, 2, 3, 4, 5}, true), "mode-covered ×8\n6 lines"; got != want {
		t.Errorf("six lines of eight events labelled on two rows %q, want %q", got, want)
	}
	if got, want := alikeLabel(events[1:3], []int{1, 2}, false), "mode-covered ×2"; got != want {
		t.Errorf("two lines of two events labelled %q, want %q", got, want)
	}
	if got := alikeLabel(events[:1], []int{0}, false); got != "mode-covered" {
		t.Errorf("one mark of two events labelled %q, want %q", got, "mode-covered")
	}
	// bimodal at 10,000 epochs: its two modes covered at 700 and 800,
	// drawn as one line.
	if got, want := alikeLabel(events[1:3], []int{0, 0}, false), "mode-covered ×2"; got != want {
		t.Errorf("two events on one line labelled %q, want %q", got, want)
	}
}

// TestAlikeLabelCountsTheLinesDrawn: a label of events alike whose lines lie
// closer than a few points, drawn as one, says how many lines it spans, so
// that a reader counting the lines under it agrees with it: ring's figure
// labelled its eight modes covered "mode-covered ×8" over five lines. Here
// seven events at five epochs, two of them 1.6 points after the first,
// drawn as four lines.
func TestAlikeLabelCountsTheLinesDrawn(t *testing.T) {
	rec := &strokeCanvas{}
	drawEvents(rec, Event{100, marksOf("mode-covered"), 2}, Event{104, marksOf("mode-covered"), 1}, Event{110, marksOf("mode-covered"), 2}, Event{120, marksOf("mode-covered"), 1}, Event{130, marksOf("mode-covered"), 1})
	want := "mode-covered ×7 on 4 lines"
	if !slices.Equal(rec.strs, []string{want}) {
		t.Fatalf("labels %q written, want %q", rec.strs, want)
	}
	if feet := rec.feet(); feet != 4 {
		t.Errorf("%d lines drawn under %q", feet, want)
	}
}

// TestAlikeAtTheEdgeNamedOneByOne: events alike whose one label has no
// room right of the first line, at the panel's right edge, are each named on
// its own, left of its line, naming its epoch, as before (alike's fallback).
func TestAlikeAtTheEdgeNamedOneByOne(t *testing.T) {
	rec := &drawCanvas{}
	drawEvents(rec, Event{Epoch: 985, Marks: marksOf("mode-covered"), N: 1}, Event{Epoch: 995, Marks: marksOf("mode-covered"), N: 1})
	if want := []string{"mode-covered (985)", "mode-covered (995)"}; !slices.Equal(rec.strs, want) {
		t.Errorf("labels %q, want %q", rec.strs, want)
	}
}

// TestLabelsOfOneLineNameTheirEpochs: of events whose lines are drawn as one
// (closer than a few points), at the first's epoch, the later ones name their
// epochs in their labels; the first, as an event with a line of its own, is
// named by its name alone. blog-original over 60,000 epochs draws equilibrium
// (3,000) and d-stalled (3,600) on one line, and d-stalled's label under
// equilibrium's does not read as if of one epoch.
func TestLabelsOfOneLineNameTheirEpochs(t *testing.T) {
	rec := &strokeCanvas{}
	drawEvents(rec, Event{Epoch: 100, Marks: marksOf("noise-ignored")}, Event{Epoch: 250, Marks: marksOf("equilibrium")}, Event{Epoch: 255, Marks: marksOf("d-stalled")})
	want := []string{"noise-ignored", "equilibrium", "d-stalled (255)"}
	if !slices.Equal(rec.strs, want) {
		t.Errorf("labels %q written, want %q", rec.strs, want)
	}
	if feet := rec.feet(); feet != 2 {
		t.Errorf("%d lines drawn, want 2: two events 2 points apart share one", feet)
	}
}

// orderCanvas is a vg.Canvas that records, in the order drawn, the
// straight lines stroked, the boxes filled white and the text written.
type orderCanvas struct {
	textCanvas
	colour color.Color
	ops    []drawn
}

// drawn is one thing an orderCanvas records: a line stroked (from, to),
// a box filled white (from, to its corners) or a text written at from.
type drawn struct {
	kind     string // "stroke", "white" or "text"
	from, to vg.Point
	text     string
}

func (c *orderCanvas) SetColor(clr color.Color) { c.colour = clr }
func (c *orderCanvas) Stroke(p vg.Path) {
	var pts []vg.Point
	for _, cmp := range p {
		if cmp.Type == vg.MoveComp || cmp.Type == vg.LineComp {
			pts = append(pts, c.at.Add(cmp.Pos))
		}
	}
	for i := 1; i < len(pts); i++ {
		c.ops = append(c.ops, drawn{kind: "stroke", from: pts[i-1], to: pts[i]})
	}
}
func (c *orderCanvas) Fill(p vg.Path) {
	if r, g, b, a := c.colour.RGBA(); r&g&b&a != 0xffff {
		return
	}
	box := pathBox(c.at, p)
	c.ops = append(c.ops, drawn{kind: "white", from: box.Min, to: box.Max})
}
func (c *orderCanvas) FillString(_ font.Face, p vg.Point, s string) {
	c.ops = append(c.ops, drawn{kind: "text", from: c.at.Add(p), text: s})
}

// TestGridRunsUnderEventLabels: no line of a panel, its grid's or an event's,
// is seen through an event label's text, nor through the count of a panel with
// too many events to name: each is written on a white box drawn over the lines
// drawn before it, and none drawn after crosses it. The horizontal grid line at
// the top of grid's panel (c), 10, does not strike "d-stall-ended" through.
func TestGridRunsUnderEventLabels(t *testing.T) {
	sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler}
	many := make([]Event, maxLabelled+1)
	for i := range many {
		many[i] = Event{Epoch: 50 + 70*i, Marks: marksOf("mode-covered"), N: 1}
	}
	for _, ev := range [][]Event{
		{{Epoch: 100, Marks: marksOf("equilibrium", "d-stalled")}, {Epoch: 104, Marks: marksOf("d-stall-ended")}, {Epoch: 300, Marks: marksOf("mode-covered")}, {Epoch: 980, Marks: marksOf("equilibrium-ended")}},
		many,
	} {
		p := plot.New()
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1000, 0, 1.04 // a grid line at 1, through the top row of labels
		p.Add(plotter.NewGrid(), eventLines{events: ev})
		rec := &orderCanvas{}
		c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}}
		p.Draw(c)
		texts := 0
		for i, op := range rec.ops {
			if op.kind != "text" || !strings.ContainsFunc(op.text, unicode.IsLetter) {
				continue // the axes' tick labels
			}
			texts++
			// The text's band: from the top of its letters to its baseline.
			w, h := sty.Width(op.text), sty.Height(op.text)
			text := vg.Rectangle{Min: vg.Point{X: op.from.X, Y: op.from.Y}, Max: vg.Point{X: op.from.X + w, Y: op.from.Y + h/2}}
			through := func(s drawn) bool {
				lo, hi := vg.Point{X: min(s.from.X, s.to.X), Y: min(s.from.Y, s.to.Y)}, vg.Point{X: max(s.from.X, s.to.X), Y: max(s.from.Y, s.to.Y)}
				return lo.X < text.Max.X && hi.X > text.Min.X && lo.Y < text.Max.Y && hi.Y > text.Min.Y
			}
			covered := -1 // the last white box under the text before it
			for j := range i {
				if b := rec.ops[j]; b.kind == "white" && b.from.X <= text.Min.X && b.to.X >= text.Max.X && b.from.Y <= text.Min.Y && b.to.Y >= text.Max.Y {
					covered = j
				}
			}
			crossed := false
			for j, s := range rec.ops {
				if s.kind == "stroke" && through(s) && (j > covered || covered < 0) {
					t.Errorf("%q at %v: the line from %v to %v runs through it", op.text, op.from, s.from, s.to)
				}
				crossed = crossed || s.kind == "stroke" && through(s) && s.from.Y == s.to.Y
			}
			if op.text == "equilibrium, d-stalled" && !crossed {
				t.Errorf("%q: no grid line under it, the test tests nothing", op.text)
			}
		}
		if texts == 0 {
			t.Errorf("no event label written")
		}
	}
}

// TestLabelOverTheDataHidesNoData: a label written down among the data, below
// the band above them, lies on no white box, which would hide the data there:
// a run that diverged, its G loss at the top of panel (b) from near the end,
// would have it covered by its own runaway label. (The panel is low, its band
// above the data a row or two high.)
func TestLabelOverTheDataHidesNoData(t *testing.T) {
	r := Run{History: make([]session.Point, 1000)}
	for i := range r.History {
		g := 0.7
		if i >= 800 {
			g = 100
		}
		r.History[i] = session.Point{Epoch: i + 1, DReal: 0.1, DFake: 0.1, G: g}
	}
	r.Events = []Event{{Epoch: 1000, Marks: marksOf("runaway"), N: 1}}
	p, err := r.losses()
	if err != nil {
		t.Fatal(err)
	}
	rec := &orderCanvas{}
	c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 360, Y: 150}}}
	drawTimePanel(r, p, c)
	dc := p.DataCanvas(c)
	trX, trY := p.Transforms(&dc)
	named := false
	for _, op := range rec.ops {
		named = named || names(r.Events[0], op.text)
		for _, e := range []float64{900, 950, 990} {
			if x, y := trX(e), trY(100); op.kind == "white" && op.to.X-op.from.X < 100 && op.from.X < x && x < op.to.X && op.from.Y < y && y < op.to.Y {
				t.Errorf("a white box %v to %v hides G's loss at epoch %g", op.from, op.to, e)
			}
		}
	}
	if !named {
		t.Error("the runaway is not named")
	}
}

// TestLabelsKeepClearOfCurves: an event label that reaches down into the
// data goes on down the rows to one that no curve runs across, no line seen
// through its text, at whatever height the panel puts its rows against the
// curves. A run that diverged does not have its runaway label written across
// G's loss at the top of panel (b), nor d-wins-ended across the target's mean
// in (a), on no white box.
func TestLabelsKeepClearOfCurves(t *testing.T) {
	diverged := Run{History: make([]session.Point, 2005), TargetMean: 4, TargetStd: 1.25,
		Events: []Event{{Epoch: 150, Marks: marksOf("d-wins"), N: 1}, {Epoch: 1620, Marks: marksOf("d-wins-ended"), N: 1}, {Epoch: 2006, Marks: marksOf("runaway"), N: 1}}}
	for i := range diverged.History {
		f := float64(i) / 2005
		diverged.History[i] = session.Point{Epoch: i + 1, Mean: 0.1 + 0.7*f, Std: 0.1 + 0.4*f}
	}
	runaway := Run{History: make([]session.Point, 1000), Events: []Event{{Epoch: 1000, Marks: marksOf("runaway"), N: 1}}}
	for i := range runaway.History {
		g := 0.7
		if i >= 800 {
			g = 100
		}
		runaway.History[i] = session.Point{Epoch: i + 1, DReal: 0.1, DFake: 0.1, G: g}
	}
	sty := draw.TextStyle{Font: font.From(plot.DefaultFont, 8), Handler: plot.DefaultTextHandler}
	for _, tc := range []struct {
		name   string
		run    Run
		events []Event
		panel  func() (*panel, error)
	}{
		{"panel (a) of a run that diverged", diverged, diverged.Events, diverged.moments},
		{"panel (b) of a runaway", runaway, runaway.Events, runaway.losses},
	} {
		for height := vg.Length(120); height <= 320; height += 10 {
			p, err := tc.panel()
			if err != nil {
				t.Fatal(err)
			}
			rec := &orderCanvas{}
			c := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: 360, Y: height}}}
			drawTimePanel(tc.run, p, c)
			labels := 0
			for i, op := range rec.ops {
				if op.kind != "text" || !slices.ContainsFunc(tc.events, func(e Event) bool { return names(e, op.text) }) {
					continue
				}
				labels++
				// The text's band: from the top of its letters to its baseline.
				w, h := sty.Width(op.text), sty.Height(op.text)
				text := vg.Rectangle{Min: op.from, Max: vg.Point{X: op.from.X + w, Y: op.from.Y + h/2}}
				covered := -1 // the last white box under the text before it
				for j := range i {
					if b := rec.ops[j]; b.kind == "white" && b.from.X <= text.Min.X && b.to.X >= text.Max.X && b.from.Y <= text.Min.Y && b.to.Y >= text.Max.Y {
						covered = j
					}
				}
				for j, s := range rec.ops {
					lo, hi := vg.Point{X: min(s.from.X, s.to.X), Y: min(s.from.Y, s.to.Y)}, vg.Point{X: max(s.from.X, s.to.X), Y: max(s.from.Y, s.to.Y)}
					if s.kind == "stroke" && j > covered && lo.X < text.Max.X && hi.X > text.Min.X && lo.Y < text.Max.Y && hi.Y > text.Min.Y {
						t.Errorf("%s, %v high: %q at %v: the line from %v to %v runs through it", tc.name, height, op.text, op.from, s.from, s.to)
						break
					}
				}
			}
			if labels != len(tc.events) {
				t.Errorf("%s, %v high: %d of the %d events named", tc.name, height, labels, len(tc.events))
			}
		}
	}
}

// TestCrowdedLabelsAboveTheData: a time panel whose event labels stack down the
// rows leaves them the band above its data (labelShare), so that none is
// written over a curve, here G's mean rising to the panel's right end. Grid's
// eleven events do not stack down across G's std x and y, on no white box.
func TestCrowdedLabelsAboveTheData(t *testing.T) {
	r := Run{History: make([]session.Point, 20000), TargetMean: 4, TargetStd: 1.25}
	for i := range r.History {
		f := float64(i) / 20000
		r.History[i] = session.Point{Epoch: i + 1, Mean: 4 + f, Std: 1 + 2*f}
	}
	r.Events = []Event{{1100, marksOf("equilibrium", "d-stalled"), 2}, {2400, marksOf("d-stall-ended"), 1}, {4200, marksOf("equilibrium-ended"), 1}}
	for _, e := range []int{7000, 7600, 8600, 10800, 11200, 12200, 12600, 13000, 19500} {
		r.Events = append(r.Events, Event{Epoch: e, Marks: marksOf("mode-covered"), N: 1})
	}
	panels, canvases, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	p := panels[0][0]
	mean := series(len(r.History), func(i int) (float64, float64) { return float64(r.History[i].Epoch), r.History[i].Mean })
	std := series(len(r.History), func(i int) (float64, float64) { return float64(r.History[i].Epoch), r.History[i].Std })
	labels, _, _ := eventLines{events: r.Events, curves: []plotter.XYs{mean, std, r.flat(4), r.flat(1.25)}}.labels(p.DataCanvas(canvases[0][0]), p.Plot)
	if n := namedEvents(labels); n != len(r.Events) {
		t.Errorf("%d of the %d events named", n, len(r.Events))
	}
	for _, l := range labels {
		if l.bare {
			t.Errorf("%q at %v written over the data", l.label, l.at)
		}
	}
}

// TestEveryEventNamed: where no row has room for an event's label, it takes a
// row of its own under the others: ring-mbd (seed 1) at 3,000 epochs,
// mode-covered at 1,770, 2,100, 2,280, 2,400 and 2,760, names all five of its
// lines in panels (a) to (c), not four, the fifth drawn unnamed.
func TestEveryEventNamed(t *testing.T) {
	r := planeRun()
	r.History, r.Evals, r.SampleEpoch = nil, nil, 3000
	for e := 1; e <= 3000; e++ {
		v := math.Sin(float64(e) / 10)
		r.History = append(r.History, session.Point{Epoch: e, Mean: v / 20, MeanY: v / 20, Std: 1.4 + v/20, StdY: 1.4 - v/20, DReal: 0.5 + v/10, DFake: 0.5 - v/10, G: 1.2})
		if e%20 == 0 {
			r.Evals = append(r.Evals, session.EvalPoint{Epoch: e, SW1: 0.2, HQ: 0.3})
		}
	}
	for _, e := range []int{1770, 2100, 2280, 2400, 2760} {
		r.Events = append(r.Events, Event{Epoch: e, Marks: marksOf("mode-covered"), N: 1})
	}
	named := 0
	for _, s := range svgOf(t, r) {
		if n := alikeCount(r.Events[0], s); n > 0 {
			named += n
		} else if s == "mode-covered" || strings.HasPrefix(s, "mode-covered (") {
			named++
		}
	}
	if named != 3*len(r.Events) {
		t.Errorf("%d labels name the %d events in panels (a) to (c), want %d", named, len(r.Events), 3*len(r.Events))
	}
}

// TestLabelsAboveAFlatCurveOnALogScale: a log panel whose curve runs flat at
// its top (a runaway's W1, grid-wgan-gp's sliced W1 near 2.3 over a
// high-quality share from 0.0001) leaves its event labels the band above
// it, with room between, so that each is written on its white box over the
// curve: drawn up to the labels' foot, the curve ran across the first row,
// and the labels went down the rows, across it, written bare over the data
// (ganui --headless --preset grid-wgan-gp --epochs 400 --plot g.png,
// mode-dropped at 80 and 350).
func TestLabelsAboveAFlatCurveOnALogScale(t *testing.T) {
	r := trained(t)
	for i := range r.Evals {
		r.Evals[i].KS, r.Evals[i].W1 = 0.5, 30000*(1+0.02*float64(i%2))
	}
	r.Events = []Event{{Epoch: 10, Marks: marksOf("mode-covered"), N: 1}, {Epoch: 20, Marks: marksOf("mode-dropped"), N: 1}, {Epoch: 50, Marks: marksOf("mode-dropped"), N: 1}}
	panels, canvases, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	p := panels[1][0]
	if _, log := p.Y.Scale.(plot.LogScale); !log {
		t.Fatalf("panel (c) %q is not on a log scale", p.Title.Text)
	}
	ks := series(len(r.Evals), func(i int) (float64, float64) { return float64(r.Evals[i].Epoch), r.Evals[i].KS })
	w1 := series(len(r.Evals), func(i int) (float64, float64) { return float64(r.Evals[i].Epoch), r.Evals[i].W1 })
	d := p.DataCanvas(canvases[1][0])
	_, trY := p.Transforms(&d)
	top := trY(30000 * 1.02)
	labels, _, _ := eventLines{events: r.Events, curves: []plotter.XYs{ks, w1}}.labels(d, p.Plot)
	if n := namedEvents(labels); n != len(r.Events) {
		t.Errorf("%d of the %d events named", n, len(r.Events))
	}
	for _, l := range labels {
		if l.bare || l.box.Min.Y <= top {
			t.Errorf("%q written at %v, its foot %.1f, over the curve's top at %.1f (bare: %v)", l.label, l.at, l.box.Min.Y, top, l.bare)
		}
	}
}

// ringAtItsEnd is a run like ring's at 20,000 epochs (ganui --headless
// --preset ring): G's means and stds swinging to ±2.7 before epoch 4,000,
// flat at the target's after, its sliced W1 falling from 1.5 and its
// high-quality share rising to 0.9, its events' eight labels seven rows
// deep from epoch 5,400 on, each event named on its own.
func ringAtItsEnd() Run {
	r := planeRun()
	r.History, r.Evals, r.SampleEpoch = nil, nil, 20000
	for e := 1; e <= 20000; e++ {
		v := 0.0
		if e < 4000 {
			v = 2.7 * math.Sin(float64(e)/50)
		}
		r.History = append(r.History, session.Point{Epoch: e, Mean: v, MeanY: -v, Std: 1.41 + v/3, StdY: 1.41 - v/3, DReal: 0.69, DFake: 0.69, G: 0.75})
		if e%100 == 0 {
			f := math.Min(1, float64(e)/8000)
			r.Evals = append(r.Evals, session.EvalPoint{Epoch: e, SW1: 1.5 - 1.45*f, HQ: 0.001 + 0.899*f})
		}
	}
	for _, e := range []int{5400, 5600, 5800, 6000, 6400, 6800} {
		r.Events = append(r.Events, Event{Epoch: e, Marks: marksOf("mode-covered"), N: 1})
	}
	r.Events = append(r.Events, Event{Epoch: 8000, Marks: marksOf("noise-floor"), N: 1}, Event{Epoch: 10200, Marks: marksOf("equilibrium"), N: 1})
	return r
}

// TestEventLabelsLeaveNoEmptyBand: a time panel's event labels take their
// room above the data under them, not above the data's top elsewhere, so
// that a run whose labels stand over flat data late keeps no long empty
// band over its early swings: this run's panel (a) ran from -4 to 7 over
// G's means up to 2.7, then to 4.5, its (c) to 31 over data up to 1.5, then
// to 15; no label is written over the data. Its six mode-covered events,
// each a row under the last, are named at once, "mode-covered ×6 on 4
// lines" (alike), so that its labels take three rows, not seven, and (a)
// ends at 3, (c) at 3 (ganui --headless --preset ring --plot ring.png: (c)
// ran to about 300 under seven rows, the decades between empty). The
// third row is equilibrium's, under noise-floor's label, which reaches
// past its line, where that line begins (TestNoLabelAcrossAnotherLine).
func TestEventLabelsLeaveNoEmptyBand(t *testing.T) {
	r := ringAtItsEnd()
	panels, canvases, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		p    *panel
		c    draw.Canvas
		top  float64
	}{{"(a) G's means and stds up to 2.7", panels[0][0], canvases[0][0], 3}, {"(c) sliced W1 and share up to 1.5", panels[1][0], canvases[1][0], 3}} {
		if c.p.Y.Max > c.top {
			t.Errorf("panel %s: its axis from %g to %g, want it to end at %g at most", c.name, c.p.Y.Min, c.p.Y.Max, c.top)
		}
		labels, _, _ := eventLines{events: r.Events, curves: c.p.curves}.labels(c.p.DataCanvas(c.c), c.p.Plot)
		if n := namedEvents(labels); n != len(r.Events) {
			t.Errorf("panel %s: %d of %d events named", c.name, n, len(r.Events))
		}
		rows := map[vg.Length]bool{}
		for _, l := range labels {
			rows[l.at.Y] = true
		}
		if len(rows) > 3 {
			var said []string
			for _, l := range labels {
				said = append(said, fmt.Sprintf("%q at %.0f", l.label, l.at.Y))
			}
			t.Errorf("panel %s: its %d labels in %d rows, want 3 at most: %s", c.name, len(labels), len(rows), strings.Join(said, ", "))
		}
		for _, l := range labels {
			if l.bare {
				t.Errorf("panel %s: %q at %v written over the data", c.name, l.label, l.at)
			}
		}
	}
}

// acrossLines reports each label that ev, drawn on c by p, writes across
// an event's line it does not name where that line is drawn: each line
// begins at its label, and a label above that lies across none of it, so
// that no line is broken between its label and the data.
func acrossLines(ev eventLines, c draw.Canvas, p *plot.Plot) []string {
	labels, lines, _ := ev.labels(c, p)
	rec := &strokeCanvas{}
	ev.Plot(draw.Canvas{Canvas: rec, Rectangle: c.Rectangle}, p)
	var bad []string
	for _, l := range labels {
		for i, x := range lines {
			if slices.Contains(l.lines, i) || x <= l.box.Min.X || x >= l.box.Max.X {
				continue
			}
			top := vg.Length(math.Inf(-1)) // of the line as drawn
			for _, s := range rec.strokes {
				if len(s) == 2 && s[0].X == x && s[1].X == x {
					top = max(top, s[0].Y, s[1].Y)
				}
			}
			if top > l.box.Min.Y {
				bad = append(bad, fmt.Sprintf("%q, from x=%.0f to %.0f at y %.0f, lies across the line at x=%.0f, drawn up to y %.0f", l.label, l.box.Min.X, l.box.Max.X, l.box.Min.Y, x, top))
			}
		}
	}
	return bad
}

// TestNoLabelAcrossAnotherLine: no event label lies across another event's
// line, nor across another label (TestEventLabelsDoNotOverlap): each line
// begins at its own label, and a label stands above the lines it reaches
// across. In ring's figure (ganui --headless --preset ring --plot ring.png)
// noise-floor's label, at 8,000 in the second row, ran across
// equilibrium's line at 10,200 under equilibrium's label in the first, the
// line broken between its label and the data: equilibrium now stands in the
// third row, where its line begins, under noise-floor's. Likewise
// noise-floor at 100, in the second row under d-wins's label at 80, across
// equilibrium's line at 150, whose label was in the first.
func TestNoLabelAcrossAnotherLine(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1000, 0, 1
	c := draw.Canvas{Canvas: &strokeCanvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}}
	for _, bad := range acrossLines(eventLines{events: []Event{{Epoch: 80, Marks: marksOf("d-wins")}, {Epoch: 100, Marks: marksOf("noise-floor")}, {Epoch: 150, Marks: marksOf("equilibrium")}}}, c, p) {
		t.Errorf("events at 80, 100 and 150: %s", bad)
	}
	r := ringAtItsEnd()
	panels, canvases, err := r.layout(figureCanvas(&fillCanvas{}))
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"(a)", "(b)", "(c)"} {
		pn, cv := panels[i/2][i%2], canvases[i/2][i%2]
		for _, bad := range acrossLines(eventLines{events: r.Events, curves: pn.curves}, pn.DataCanvas(cv), pn.Plot) {
			t.Errorf("ring's panel %s: %s", name, bad)
		}
	}
}

// TestEventLabelsClearOfTheEdge: an event's label, its white box with it,
// ends short of the panel's right edge wherever its line lies, so that the
// grid's last line, drawn at that edge where a tick lands there, runs whole
// to the top: devnag-moments' "plateau" at 4,550, ending at the edge of a
// 5,000-epoch axis, hid the top of the line at 5,000 under its box.
func TestEventLabelsClearOfTheEdge(t *testing.T) {
	p := plot.New()
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1000, 0, 1
	c := draw.Canvas{Canvas: &textCanvas{}, Rectangle: vg.Rectangle{Max: vg.Point{X: 400, Y: 200}}}
	for epoch := 800; epoch <= 1000; epoch++ {
		labels, _, _ := eventLines{events: []Event{{Epoch: 100, Marks: marksOf("equilibrium")}, {Epoch: epoch, Marks: marksOf("plateau")}}}.labels(c, p)
		for _, l := range labels {
			if l.box.Max.X > c.Max.X-vg.Points(0.5) || l.box.Min.X < c.Min.X {
				t.Errorf("plateau at %d: %q's box runs from x=%.2f to %.2f, over the panel's edge at %.0f", epoch, l.label, l.box.Min.X.Points(), l.box.Max.X.Points(), c.Max.X.Points())
			}
		}
	}
}
