package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/presets"
	"github.com/ganui/ganui/session"
)

// TestMomentsTitleSaysWhoseAlike: running, every preset's moments legend
// at 80×24 and 120×40 opens with its long title, "Moments, last batch"
// (or "Moments, G's own" under g_ema), a 2-D run's as a 1-D run's: the
// values give way a decimal and their target's numbers (the chart's
// dotted lines give those) before the title says less, so that ring's
// at 80×24, at epoch 157 "mean x 1.043 y -2.071", does not read
// "Moments" alone where bimodal's reads "Moments, last batch".
func TestMomentsTitleSaysWhoseAlike(t *testing.T) {
	for _, name := range presets.Names() {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			_, m, snap := presetModel(t, name, size[0], size[1])
			snap.State, snap.Epoch, snap.Rate = session.Running, 157, 50
			// ring's at epoch 157; a 1-D run's a little off its target.
			snap.Last.Epoch, snap.Last.Mean, snap.Last.MeanY, snap.Last.Std, snap.Last.StdY = 157, 1.043, -2.071, 0.299, 0.644
			if snap.Target.Plane == nil {
				snap.Last.Mean, snap.Last.Std = snap.Target.Mean-0.123, snap.Target.Std*1.1
			}
			m.apply(snap)
			titles := m.momTitles()
			l := m.layout()
			legend, _ := m.momText(l.rightW, l.momH)
			if want := ansi.Strip(titles[0]); !strings.HasPrefix(ansi.Strip(legend[0]), want) {
				t.Errorf("%s at %d×%d: the moments legend reads %q, not %q", name, size[0], size[1], ansi.Strip(strings.Join(legend, " / ")), want)
			}
		}
	}
}

// TestMomentsKeepAnOffCentreTargetsMeans: a target centred off 0, moons' at
// (0.50, 0.25), keeps its means in the 2-D moments legend where G's values in
// two decimals leave them room, before they give way: at 100×30 moons' legend
// had read "μ x 0.339 y -0.063" beside no target, its means no 0 a learner
// knows, as ring's and grid's are, whose legend keeps G's three decimals there.
// At 120×40 each gives its target's means; at 80×24 moons gives its means
// beside "Moments, last batch" and its stds with its target's under it, μ
// before σ as ring's legend gives them (TestPointsPlaneGolden), where it had
// given the stds beside the title and the means with their target under it.
func TestMomentsKeepAnOffCentreTargetsMeans(t *testing.T) {
	for _, c := range []struct {
		name  string
		w, h  int
		wants []string
	}{
		{"moons", 100, 30, []string{"μ x 0.34 y -0.06 ┈0.50,0.25", "σ X 0.97 Y 0.38 ┈0.87,0.50"}},
		{"moons", 120, 40, []string{"mean x 0.339 y -0.063 ┈0.50,0.25"}},
		{"moons", 80, 24, []string{"Moments, last batch  μ x 0.34 y -0.06", "σ X 0.97 Y 0.38 ┈0.87,0.50"}},
		{"ring", 100, 30, []string{"mean x 0.339 y -0.063 ┈0.00", "std X 0.968 Y 0.381 ┈1.41"}},
		{"ring", 120, 40, []string{"mean x 0.339 y -0.063 ┈0.00"}},
	} {
		_, m, snap := presetModel(t, c.name, c.w, c.h)
		// moons at epoch 1,075, seed 1
		snap.State, snap.Epoch, snap.Rate = session.Running, 1075, 50
		snap.Last.Epoch, snap.Last.Mean, snap.Last.MeanY, snap.Last.Std, snap.Last.StdY = 1075, 0.339, -0.063, 0.968, 0.381
		m.apply(snap)
		l := m.layout()
		legend, _ := m.momText(l.rightW, l.momH)
		got := ansi.Strip(strings.Join(legend, " / "))
		if !strings.HasPrefix(got, "Moments, last batch") {
			t.Errorf("%s at %d×%d: %q, not titled Moments, last batch", c.name, c.w, c.h, got)
		}
		for _, want := range c.wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s at %d×%d: the moments legend %q, want %q", c.name, c.w, c.h, got, want)
			}
		}
	}
}

// TestMomentsLegendKeepsItsFormAcrossSigns: the 2-D moments legend picks its
// form at the width G's means take with either sign, so that it does not
// switch between three decimals and two, or show and drop the target's
// means, from frame to frame as a mean crosses 0: moons at 100×30 read "μ x
// 0.34 y -0.06 ┈0.50,0.25" one frame and "μ x 0.339 y 0.063" the next.
func TestMomentsLegendKeepsItsFormAcrossSigns(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
	}{{"moons", 100, 30}, {"moons", 80, 24}, {"moons", 120, 40}, {"ring", 100, 30}, {"ring", 80, 24}, {"grid", 90, 28}} {
		var forms []string
		for _, y := range []float64{0.063, -0.063} {
			for _, x := range []float64{0.339, -0.339} {
				_, m, snap := presetModel(t, c.name, c.w, c.h)
				snap.State, snap.Epoch, snap.Rate = session.Running, 1075, 50
				snap.Last.Epoch, snap.Last.Mean, snap.Last.MeanY, snap.Last.Std, snap.Last.StdY = 1075, x, y, 0.968, 0.381
				m.apply(snap)
				l := m.layout()
				legend, _ := m.momText(l.rightW, l.momH)
				forms = append(forms, strings.Join(strings.Fields(strings.ReplaceAll(ansi.Strip(strings.Join(legend, " ")), "-", "")), " "))
			}
		}
		for _, f := range forms[1:] {
			if f != forms[0] {
				t.Errorf("%s at %d×%d: the legend changes form with G's means' signs: %q against %q", c.name, c.w, c.h, f, forms[0])
			}
		}
	}
}

// TestDesignPanelShowsTheTarget: every preset's ? page at 70×20, the
// smallest screen, says its target ("target grid(5,2,0.05), batch 256"),
// what G learns, which G and D in short do not say: a summary that would
// take its row is cut a row shorter. grid-pacgan4-ema's, three lines
// whole, had taken the row, and the page had not said what G was to
// learn.
func TestDesignPanelShowsTheTarget(t *testing.T) {
	for _, name := range presets.Names() {
		_, m, snap := presetModel(t, name, 70, 20)
		m.apply(snap)
		m.keys.page = pageNone
		m.nextHelpPage()
		page := ansi.Strip(m.View())
		for _, l := range wrapIndent(snap.Design[2], m.layout().histW) {
			if l = numtext.Plain(strings.TrimSpace(ansi.Strip(l))); !strings.Contains(page, l) {
				t.Errorf("%s at 70×20: the ? page does not say %q of its target:\n%s", name, l, page)
				break
			}
		}
	}
}

// TestDesignPanelLeavesNoRowBlank: every preset's design (the ? page's
// panel), at 70×20, 80×24 and 120×40, at epoch 0, either says the design
// whole or fills its rows: what it leaves out for "… the whole design"
// takes no row it could have had. devnag-2017's summary, four lines at
// 70×20, too long beside G and D in short, had been left out whole and
// its rows left blank; it takes them now, cut.
func TestDesignPanelLeavesNoRowBlank(t *testing.T) {
	for _, name := range presets.Names() {
		for _, size := range [][2]int{{70, 20}, {80, 24}, {120, 40}} {
			_, m, snap := presetModel(t, name, size[0], size[1])
			m.apply(snap)
			m.keys.page = pageNone
			m.nextHelpPage()
			l := m.layout()
			panel := strings.Split(ansi.Strip(m.designPanel(l.histW, l.topH+l.bottomH)), "\n")
			if !strings.Contains(strings.Join(panel, "\n"), "the whole design") {
				continue
			}
			for i, row := range panel {
				if strings.TrimSpace(row) == "" {
					t.Errorf("%s at %d×%d: the design, not whole, leaves row %d of %d blank:\n%s", name, size[0], size[1], i+1, len(panel), strings.Join(panel, "\n"))
					break
				}
			}
		}
	}
}

// TestNoteGivesWayBeforeItIsCut: a note that does not fit its rows even with
// the words session.GivesWay brackets given way is cut with them given way, "…"
// in their place, so that the words after them come as far as the rows hold. A
// checkpoint not saved on a full disk, at 70 columns in one row, had read
// "checkpoint not saved: write /srv/runs/vanilla/run.ckpt: no space …", the
// system's words, the first to give way, kept and what to do cut. Where it fits
// without them, it reads as before.
func TestNoteGivesWayBeforeItIsCut(t *testing.T) {
	gw := session.GivesWay
	note := "checkpoint not saved: " + gw + "write /srv/runs/vanilla/run.ckpt: no space left on device" + gw + "; the run goes on unsaved: free that room and w again"
	for _, c := range []struct {
		w, rows int
		want    string
	}{
		{40, 1, "checkpoint not saved: …; the run goes …"},
		{70, 1, "checkpoint not saved: …; the run goes on unsaved: free that room and …"},
		{80, 1, "checkpoint not saved: …; the run goes on unsaved: free that room and w again"},
		{120, 1, "checkpoint not saved: write /srv/runs/vanilla/run.ckpt …; the run goes on unsaved: free that room and w again"},
	} {
		lines := noteLines(note, lipgloss.NewStyle(), c.w, c.rows)
		if got := ansi.Strip(strings.Join(lines, "\n")); got != c.want {
			t.Errorf("%d columns, %d row: %q, want %q", c.w, c.rows, got, c.want)
		}
	}
}

// TestRolledNoteGivesZeroWayFirst: u's note that names 0 for a setting
// it kept (G lr lowered with ← before u) gives that way first where the
// status is short of room, then where u again goes, the advice kept; and
// the two given way read one "…", not "further … …".
func TestRolledNoteGivesZeroWayFirst(t *testing.T) {
	gw := session.GivesWay
	note := "rolled back to epoch 20" + gw + " (diverged at 222)" + gw + " with G lr still 0.2: space goes on, ← lowers a rate further" + gw + " · u again goes back to epoch 0" + gw + gw + " · 0 sets G lr back to 5e-5, the design's" + gw // as session's Rollback writes it
	for _, c := range []struct {
		w, rows int
		want    string
	}{
		{80, 3, "rolled back to epoch 20 (diverged at 222) with G lr still 0.2: space goes on, ← lowers a rate further · u again goes back to epoch 0 · 0 sets G lr back to 5e-5, the design's"},
		{80, 2, "rolled back to epoch 20 (diverged at 222) with G lr still 0.2: space goes on, ← lowers a rate further · u again goes back to epoch 0 …"},
		{120, 2, "rolled back to epoch 20 (diverged at 222) with G lr still 0.2: space goes on, ← lowers a rate further · u again goes back to epoch 0 · 0 sets G lr back to 5e-5, the design's"},
		{120, 1, "rolled back to epoch 20 (diverged at 222) with G lr still 0.2: space goes on, ← lowers a rate further …"},
	} {
		lines := noteLines(note, lipgloss.NewStyle(), c.w, c.rows)
		got := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, " "))), " ")
		if len(lines) > c.rows || !fits(lines, c.w) || got != c.want {
			t.Errorf("%d columns, %d rows: %q (%d lines), want %q", c.w, c.rows, got, len(lines), c.want)
		}
	}
}

// TestRolledNoteKeepsItsAdviceAt80: u's note after a runaway with two
// settings retuned, in 80×24's two status rows beside a finding, gives way
// the values 0 sets back (the Settings panel shows them) and keeps the
// advice to its end, "then space", where the values stayed and it read
// "…, or lower a learning rate (←), then …". Where u again goes gives way
// whole, the first of its parts to, and where it diverged the last, so
// that no part is cut inside: the end cut had left "…, then space · u …"
// at epoch 153, and at epoch 12,769 cut the advice, "…, then …". With
// room, as at 100 columns, the values come back before u again does.
func TestRolledNoteKeepsItsAdviceAt80(t *testing.T) {
	gw := session.GivesWay
	rolled := func(epoch, diverged, with, values, again string) string { // as session's Rollback writes it
		return "rolled back to epoch " + epoch + gw + " (diverged at " + diverged + ")" + gw + " with " + with + ": ↑↓ and 0 set each back" + gw + ", " + values + gw + ", or lower a learning rate (←), then space" + gw + " · u again goes back to epoch " + again + gw
	}
	for _, c := range []struct {
		note string
		w    int
		want string
	}{
		{rolled("2,769", "2,990", "D lr still 2e-2 and D steps still 10", "D lr to 5e-4 and D steps to 1", "2,310"), 80,
			"rolled back to epoch 2,769 (diverged at 2,990) with D lr still 2e-2 and D steps still 10: ↑↓ and 0 set each back …, or lower a learning rate (←), then space …"},
		{rolled("153", "219", "G lr still 0.5 and D steps still 2", "G lr to 5e-5 and D steps to 1", "42"), 80,
			"rolled back to epoch 153 (diverged at 219) with G lr still 0.5 and D steps still 2: ↑↓ and 0 set each back …, or lower a learning rate (←), then space …"},
		{rolled("12,769", "12,990", "D lr still 2e-2 and D steps still 10", "D lr to 5e-4 and D steps to 1", "12,310"), 80,
			"rolled back to epoch 12,769 … with D lr still 2e-2 and D steps still 10: ↑↓ and 0 set each back …, or lower a learning rate (←), then space …"},
		{rolled("1,538", "2,190", "G lr still 0.5 and D steps still 2", "G lr to 5e-5 and D steps to 1", "1,042"), 100,
			"rolled back to epoch 1,538 (diverged at 2,190) with G lr still 0.5 and D steps still 2: ↑↓ and 0 set each back, G lr to 5e-5 and D steps to 1, or lower a learning rate (←), then space …"},
		{rolled("2,769", "2,990", "D lr still 2e-2 and D steps still 10", "D lr to 5e-4 and D steps to 1", "2,310"), 120, // room for it all
			"rolled back to epoch 2,769 (diverged at 2,990) with D lr still 2e-2 and D steps still 10: ↑↓ and 0 set each back, D lr to 5e-4 and D steps to 1, or lower a learning rate (←), then space · u again goes back to epoch 2,310"},
	} {
		lines := noteLines(c.note, lipgloss.NewStyle(), c.w, 2)
		got := strings.Join(strings.Fields(ansi.Strip(strings.Join(lines, " "))), " ")
		if len(lines) > 2 || !fits(lines, c.w) || got != c.want {
			t.Errorf("%d columns, 2 rows: %q (%d lines), want %q", c.w, got, len(lines), c.want)
		}
	}
}

// TestLossesLegendSaysItsValuesAreTheLastEpochs: the diagnosis reads D's
// losses averaged over about 100 epochs, the legend gives the last
// epoch's, and at 80×24, where only the findings' heads fit, "✓ D's losses
// sit at their equilibrium" stood beside "D fake 0.114" (blog-original,
// seed 1, epoch 1,300) with nothing to say the two are of different
// spans. The legend says whose its values are where that costs it no
// row: every preset's, at 80×24 and 120×40, is titled "Losses, last
// epoch" where it is as many rows as titled "Losses", and "Losses" where
// it would take a row more, the chart's, or not fit in the legend's two.
func TestLossesLegendSaysItsValuesAreTheLastEpochs(t *testing.T) {
	long := 0
	for _, name := range presets.Names() {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			_, m, snap := presetModel(t, name, size[0], size[1])
			snap.State, snap.Epoch, snap.Rate = session.Running, 1300, 50
			snap.Last.Epoch, snap.Last.DReal, snap.Last.DFake, snap.Last.G = 1300, 0.735, 0.114, 0.822
			m.apply(snap)
			l := m.layout()
			legend := m.lossLegend(l.leftW)
			got := ansi.Strip(strings.Join(legend, " / "))
			switch {
			case strings.HasPrefix(got, "Losses, last epoch"):
				if name == "blog-original" && size[0] == 80 {
					long++
				}
			case strings.HasPrefix(got, "Losses ") && len(legend) == 1:
				// one row: the long title would take a second, the chart's
			case strings.HasPrefix(got, "Losses "):
				// The same items under the long title: where they do not
				// fit in the legend's two rows (label-smoothing's "┈┈┈
				// D(x)=0.45", a penalty's value, at 80×24), the short
				// title stays.
				items := strings.Split(strings.ReplaceAll(got, " / ", "  "), "  ")
				items[0] = "Losses, last epoch"
				if !fits(flow(items, l.leftW, 2), l.leftW) {
					break
				}
				t.Errorf("%s at %d×%d: the losses legend %q is not titled Losses, last epoch in its %d rows", name, size[0], size[1], got, len(legend))
			}
			if !strings.Contains(got, "D fake 0.114") {
				t.Errorf("%s at %d×%d: the losses legend %q lost D fake 0.114", name, size[0], size[1], got)
			}
		}
	}
	if long == 0 {
		t.Error("blog-original's losses legend at 80×24 is not titled Losses, last epoch")
	}
}
