package tui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/command"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/textwrap"
	"github.com/ganui/ganui/session"
)

// helpPage is what ? shows: nothing, the keys with the design and the
// diagnosis in full, then the glossary, a page at a time.
type helpPage int

const (
	pageNone helpPage = iota
	pageKeys
	pageGlossary
)

// nextHelpPage moves ? on: from the screen to the keys, to the glossary's
// pages one after the other, and back to the screen.
func (m *Model) nextHelpPage() {
	switch m.keys.page {
	case pageNone:
		m.keys.page = pageKeys
	case pageKeys:
		m.keys.page, m.gpage, m.gsnap = pageGlossary, 0, m.snap
	default:
		if m.gpage+1 < len(m.glossaryPages(m.width, m.glossaryHeight())) {
			m.gpage++
		} else {
			m.keys.page = pageNone
		}
	}
	m.help.ShowAll = m.keys.page == pageKeys
}

// turnGlossary turns the glossary's pages as k asks: a page back (←, PgUp) or
// on (→, PgDn), to the first (Home) or the last (End), so that a reader can go
// back a page, not only on with ?. Only ? and esc close the pages: at either
// end a key that would go past it leaves the page where it is, and the note
// says so, with the footer's keys ("? close" on the last page): before them
// where it fits, else on a row of its own above them (glossaryFoot).
func (m *Model) turnGlossary(k tea.KeyMsg) {
	last := len(m.glossaryPages(m.width, m.glossaryHeight())) - 1
	from := min(m.gpage, last)
	to := from
	switch {
	case key.Matches(k, m.keys.PrevPage):
		to--
	case key.Matches(k, m.keys.NextPage):
		to++
	case key.Matches(k, m.keys.FirstPage):
		to = 0
	case key.Matches(k, m.keys.LastPage):
		to = last
	}
	m.gpage = max(0, min(to, last))
	switch {
	case m.gpage != from:
	case key.Matches(k, m.keys.PrevPage, m.keys.FirstPage):
		m.flash = keyName(k) + ": already on the first page"
	default:
		m.flash = keyName(k) + ": already on the last page"
	}
}

// showEvents is f: from the screen or the keys page it opens the ? pages
// at the events, as they are now, listed as f last left them; on the ?
// pages it lists the events of the next kind they have, all of them after
// the last (nextKind), and turns to the events' first page, so that a
// long run's rollback or mode events are found among its hundred d-wins.
// The kind stays chosen while the pages close and open on new events.
func (m *Model) showEvents() {
	if m.keys.page != pageGlossary {
		m.keys.page, m.gsnap, m.help.ShowAll = pageGlossary, m.snap, false
	} else if kinds := eventKinds(m.gsnap.Events); len(kinds) < 2 {
		// Short, as the pages' other notes are, so that at 80 columns the
		// footer's keys after it stay whole, esc and q among them.
		m.flash = "f: no events yet"
		if len(kinds) == 1 {
			m.flash = "f: all events are " + kinds[0]
		}
	} else {
		m.kind = nextKind(kinds, m.eventKind(m.gsnap.Events))
	}
	m.gpage = m.glossaryLayout(m.width, m.glossaryHeight()).events
}

// eventKinds is the kinds of evs by name, in alphabetical order, each once:
// those f lists the events by.
func eventKinds(evs []session.Event) []string {
	kinds := make([]string, 0, len(evs))
	for _, e := range evs {
		kinds = append(kinds, e.Kind.String())
	}
	slices.Sort(kinds)
	return slices.Compact(kinds)
}

// eventKind is the kind of evs that the ? pages list and < and > go to, ""
// for all: the kind f chose, while evs have one of it (a new run's may have
// none). The pages pass theirs, as they were opened (gsnap); < and > the
// run's, as it is now.
func (m *Model) eventKind(evs []session.Event) string {
	if slices.Contains(eventKinds(evs), m.kind) {
		return m.kind
	}
	return ""
}

// nextKind is the kind f turns to from cur, "" for all: the first of kinds
// after all, the one after cur, all after the last.
func nextKind(kinds []string, cur string) string {
	if i := slices.Index(kinds, cur); i+1 < len(kinds) {
		return kinds[i+1]
	}
	return ""
}

// filterWords is what f does on the ? pages at this moment, in the footer's
// and the events' title's words: "by kind" where all are listed, "next
// kind", and "all kinds" from the last; "" where the events have fewer than
// two kinds, and f nothing to turn to.
func (m *Model) filterWords() string {
	kinds := eventKinds(m.gsnap.Events)
	switch cur := m.eventKind(m.gsnap.Events); {
	case len(kinds) < 2:
		return ""
	case cur == "":
		return "by kind"
	case nextKind(kinds, cur) == "":
		return "all kinds"
	}
	return "next kind"
}

// penaltyElsewhere says where a gradient penalty's value is while the
// losses' legend has no room for it (session.PenaltyShown otherwise).
var penaltyElsewhere = "Neither " + numtext.Together("D real") + " nor " + numtext.Together("D fake") +
	" holds its value: the CSV e writes gives it, as penalty, and the losses' legend too where it has room."

// glossaryEntry is one of the glossary's terms and its text for the run
// m shows, built from its parts where it depends on the run (fixed where
// it does not); with drawn, whether the screen draws what it explains
// for the run s: the test the view makes before drawing it; nil where
// every run's screen does, or where only the drawing tells (the ln 2
// line: balanceDrawn).
type glossaryEntry struct {
	term  string
	text  func(m *Model) string
	drawn func(s *session.Snapshot) bool
}

// fixed is the text of a glossary entry that is the same for every run.
func fixed(text string) func(*Model) string { return func(*Model) string { return text } }

// hue is the name the ? pages give the colour of a meaning that true and
// 256 colours draw in orange, purple or teal (internal/palette): in 16
// colours, which have none of the three, the name of the one the palette
// takes there, so that a 16-colour terminal's reader is not sent looking
// for an orange its screen does not draw: real data is the red that worse
// does not take, D magenta, G cyan. Where the screen has no colour the
// names are of the colours it would draw, as the entries say.
func hue(name string) string {
	if lipgloss.ColorProfile() != termenv.ANSI {
		return name
	}
	if named, ok := map[string]string{"orange": "red", "purple": "magenta", "teal": "cyan"}[name]; ok {
		return named
	}
	return name
}

// ghostly is how the ? pages say a pinned baseline is drawn: faint, as its
// grey is beside the references' in true and 256 colours; in 16 colours,
// whose one grey the references keep, plain black on a light terminal and
// plain white on a dark one (palette.Baseline), which "faint" did not
// describe.
func ghostly() string {
	switch {
	case lipgloss.ColorProfile() != termenv.ANSI:
		return "faint"
	case lipgloss.HasDarkBackground():
		return "plain white"
	}
	return "plain black"
}

// blobShare is the share of the samples between the modes over which the
// Quality panel's modes line reads "blob" (session.BlurredShare), the word the
// modes entry defines, so that "modes blob 37% 37% vs 50%" is explained on the ?
// pages.
var blobShare = strconv.FormatFloat(100*session.BlurredShare, 'f', -1, 64) + "%"

// noiseUseLimit is the noise use under which the diagnosis says G ignores
// its noise (session.NoiseUseFloor), as the Quality panel and the
// diagnosis write it: 0.05.
var noiseUseLimit = strconv.FormatFloat(session.NoiseUseFloor, 'g', -1, 64)

// targetHQ is the high-quality share a sample of a ring or grid target itself
// scores (engine.TargetHQ, 98.9%), the top HQ is read against, so that the
// glossary gives HQ with something to compare it to.
var targetHQ = strconv.FormatFloat(100*engine.TargetHQ, 'f', 1, 64) + "%"

// lossesText is the losses entry for a design's D loss and G loss: what D's
// two lines and G's measure, which way is better and where a game in balance
// leaves them, as the loss defines them (engine.Loss). Under BCE and least
// squares each of D's losses falls as D scores its samples nearer their
// labels. A critic's scores have no zero: under the Wasserstein loss D real is
// minus its mean score of real samples and D fake its mean score of generated
// ones, so a shift of every score lowers one line as far as it raises the
// other, and only their sum, minus the gap between the two means, says how
// well it tells them apart (wgan-gp at its noise floor: D real 33.9, D fake
// −33.9); under the hinge loss the same holds while the scores are within the
// margins ±1, the sum 2 less the gap. G's loss is a distance between D's
// features under feature matching, minus D's mean score of G's samples under
// a critic's loss. One text for every design, "lower, D tells them apart
// better" of each of D's lines and "lower, its samples pass for real better"
// of G's, would be wrong of a critic's and of feature matching's. D is "D"
// under every loss, as the settings, the losses' legend and the keys call
// it: the Wasserstein loss's remedy and term say once that D is a critic,
// and wgan-gp's entries had called it "the critic" beside the settings' "D
// learning rate".
func lossesText(loss engine.Loss, g engine.GLoss) string {
	d := "● D real, D's loss on real samples, and ○ D fake, on generated ones: lower, D tells them apart better."
	balance := "a game in balance settles."
	switch loss {
	case engine.LossWasserstein:
		d = "● D real, minus D's mean score of real samples, and ○ D fake, its mean score of generated ones: their sum is minus the gap between the two means, which D lowers: the lower, the better it tells them apart (the gap estimates K·W1, W1 up to D's scale K). Either line alone tells nothing: the scores have no zero, and as they drift together one line falls as far as the other rises, below 0 as readily as above."
		balance = "in a game in balance the sum settles near 0, the lines where the scores' drift takes them."
	case engine.LossHinge:
		d = "● D real, how far D's scores of real samples fall short of 1, and ○ D fake, how far its scores of generated ones stand above −1, each a mean, 0 once every sample is past its margin: while the scores are within the margins their sum is 2 less the gap between D's mean scores of the two, and the lower, the better D tells them apart. Either line alone tells little: as D shifts every score, one falls as far as the other rises."
		balance = "in a game in balance the sum settles near 2, split between the two at random."
	}
	gl := "■ G, G's loss: lower, its samples pass for real better."
	switch {
	case g == engine.GLossFeatureMatching:
		gl = "■ G, G's loss: how far the mean of D's features on its samples is from that on real data (feature matching); lower, they match better, which need not fool D."
	case loss.Unbounded():
		gl = "■ G, G's loss: minus D's mean score of its samples; lower, D scores them higher, a score without bounds, not a chance of passing for real."
	}
	return d + " " + gl + " Each player lowers its own loss against the other, so the lines need not fall: " + balance
}

// glossary explains each measure and mark on the screen in a line or two, the
// 2-D view's first, each for the runs whose screen draws what it explains
// (glossaryEntry.drawn), not every 1-D entry for every 1-D run: no G(z) beside
// a G of four noise values, which v never shows, no noise use beside one of
// one sample a draw, no modes beside a target of one, no push and D(x) beside
// a D that judges whole rows. A term it quotes with its value, "≈ floor", "D =
// ½", is written together (numtext.Together), which the ? page's wrapping
// keeps whole.
var glossary = []glossaryEntry{
	{"SW1", fixed("sliced Wasserstein-1 distance: W1 between the projections of the samples and of the target on 32 evenly spaced directions, averaged; in units of x. Its floor is what a sample of the target itself shows (sampling noise); \"" + numtext.Together("≈ floor") + "\": within 1.5× of it."), onPlane},
	{"HQ", fixed("high-quality samples (ring, grid): the share of samples less than 3σ from their nearest mode (σ, a mode's own std). " +
		"A sample of the target itself scores " + targetHQ + ", not 100%: a 2-D normal puts " + numtext.Together("1 − e^(−9/2)") + " of itself within 3σ. " +
		"A G pressed onto a few modes scores as much or more (VEEGAN's GAN on the ring: 99.3%, 1 mode of 8): modes captured says how many."), planeModes},
	{"modes captured", fixed("a mode is captured when at least one sample in 2,500 is a high-quality sample of it (the rule of VEEGAN, Srivastava et al. 2017, and PacGAN, Lin et al. 2018): one stray sample captures a mode, so \"modes 4/8 captured\" can stand beside HQ 0.2%, 99.8% of the samples on no mode; HQ says how much of G's output is on the modes. The mode events ask more: a mode is covered (◆ mode-covered) at half its due share within 3σ, and dropped once no longer captured, so modes all captured by a few stray samples each make no event. The mode map has a cell per mode, placed like the modes: ░▒▓█ its share against its due, ██ in yellow (▲▲ without colour) over twice its due, ·· missed."), planeModes},
	{"D surface", (*Model).surfaceText, drawsSurface},
	{"push", func(m *Model) string {
		return "short " + hue("purple") + " lines from a few samples (─ │ ╱ ╲ without colour), the way D's gradient would move them to look real (GAN Lab's gradient lines): " + m.pushFollowed(true) + " A cell holding 1% of G's samples or more shows them instead, so a clump stays in sight."
	}, drawsArrows},
	{"plane", (*Model).planeText, onPlane},
	{"crowded", func(m *Model) string { return crowdedText(planeModes(&m.snap)) }, onPlane},
	{"baseline", func(*Model) string {
		return "b pins the run as it is: its curves stay as " + ghostly() + " ghosts and its samples as " + ghostly() + " dots under G's (both ╌ without colour), and Quality shows the difference (vs base; vs base@2,000 before the pinned epoch, naming the epoch compared with; ≈ in place of its sign within the sampling noise of the two measurements, no verdict; without colour ✓ better, ✗ worse); b again clears it."
	}, onPlane},
	{"epoch", (*Model).epochText, nil},
	{"losses", func(m *Model) string { return lossesText(m.snap.Loss, m.snap.GLoss) }, nil},
	{"moments", (*Model).momentsText, nil},
	{"KS", fixed("Kolmogorov–Smirnov distance: the largest gap between the generated and the target CDF, 0 to 1. \"" + numtext.Together("≈ floor") + "\": within sampling noise of a perfect generator at this sample size."), onLine},
	{"W1", fixed("Wasserstein-1 distance: how far, on average, the samples must move to match the target, in units of x."), onLine},
	{"trend", func(m *Model) string {
		return trendText(m.snap.Target.Plane != nil, m.snap.CheckNoise, m.snap.Replay != nil, m.snap.Eval.Metrics.N)
	}, nil},
	{"noise use", fixed("how much G's row of samples depends on its noise draw, 0 to 1 (for a G that makes a row from one draw); near 0, G makes nearly the same row every time. Quality reads it against the diagnosis's line: \"" + numtext.Together("under "+noiseUseLimit) + "\", G ignores its noise; \"" + numtext.Together("over "+noiseUseLimit) + "\" or \"" + numtext.Together("at "+noiseUseLimit) + "\", it does not."), drawsNoiseUse},
	{"D(x)", (*Model).dxText, drawsDCurve},
	{balanceEntry, (*Model).balanceText, nil},
	{"modes", (*Model).modesText, drawsModes},
	{"push", func(m *Model) string {
		return "dD/dx where G's samples are, each bin's against the strongest of them now: ▶ ◀ right or left, half of it or more; ▸ ◂ less; · under a tenth. " + m.pushFollowed(false) + " The marks are relative: a D flat but for a slight slope still shows ▶ ◀, which the D(x) strip tells apart."
	}, drawsPush},
	{"bars", fixed("█ generated counts per bin; ░ the target's expected count above a bar short of it; ▲ a bar cut at 3× the expected peak. The x axis: the target's range, widened for G's samples while most lie off it; out: samples beyond it."), onLine},
	{"Q-Q", func(*Model) string { // the diagonal by the mark the legend draws (qqDiagMark), not "· without colour" beside a legend's "⠑ diagonal"
		return "v: generated quantiles (up) against the target's (across); on the " + qqDiagMark() + " diagonal they agree, ▲ ▼ are beyond the plot."
	}, onLine},
	{"G(z)", fixed("v: G's output x for each noise value z; the dotted lines hold the target's central 98%, ▲ ▼ are beyond the plot. Flat: noise ignored."), drawsGZ},
	{"▲ ▼ in charts", (*Model).offScaleText, nil},
	{"◆ in charts", (*Model).eventsText, nil},
	{"replay", fixed(", and . step back and forward through the keyframes kept at the checks, < and > through the events f lists; the charts show the frame's epoch ┊, the lines' marks on it; esc returns to live, as a key that trains or changes the run does ([ ], b, w, e, c, P, v, f and ? keep the frame)."), nil},
	{"baseline", func(*Model) string {
		return "b pins the run as it is: its curves stay as " + ghostly() + " ghosts (╌ without colour), its histogram as ╌, its Q-Q points and G(z) as " + ghostly() + " dots, and Quality shows the difference (vs base; vs base@2,000 before the pinned epoch, naming the epoch compared with; ≈ in place of its sign within the sampling noise of the two measurements, no verdict; without colour ✓ better, ✗ worse) and the settings that differ, base→now (D lr 5e-4→1e-3), or the same settings, beside a replayed frame the live run's (base→live), as frames keep none; reseed, retune or rerun and compare; b again clears it."
	}, onLine},
	{"c and P", fixed("c writes the design being trained as a preset file and shows the command that runs it again; P writes a figure of the run (PNG)."), nil},
	{"colours", func(*Model) string {
		return hue("orange") + " real data and the target · blue generated · " + hue("purple") + " D · " + hue("teal") + " G. The marks ending the chart lines name them without colour too: ● D real, ○ D fake, ■ G, μ mean, σ std (in 2-D x and y the means, X and Y the stds)."
	}, nil},
}

// epochText is the epoch entry: an epoch, and the speed and rate the
// header gives beside its count. Where the header leaves the speed out for
// room (headerGivesWay), as devnag-2017's and blog-original's do at 80×24,
// the entry names Settings' speed row, which every size shows, where "The
// header's speed" had sent the reader to a part not on the screen.
// There the rate is marked "paced" where the speed holds it back and the
// line has room for the mark (headerLayout, pacedMark), and the entry says
// what the mark means.
func (m *Model) epochText() string {
	speed, mark := "Settings' speed", ""
	if m.width > 0 {
		parts := m.headerLayout(m.layout().w)
		if parts[headerSpeed].text() != "" {
			speed = "The header's speed"
		} else if parts[headerRate].room > rateRoom {
			mark = `, "paced" where that speed holds it back`
		}
	}
	return "one round of the game, D's steps then G's, which the time axes count. " + speed + " is the epochs a second asked for, ep/s the rate reached, checks included" + mark + " (epochs_per_s: training alone); under one a second, s/ep."
}

// momentsText is the moments entry: on a line the chart's μ and σ and the
// moments under it; on a plane the chart's x y X Y and Quality's x and y
// lines, each axis's mean±std of the check's fresh samples after vs the
// target's, which no entry had explained, and which, another draw than the
// last batch the chart's legend gives, differ from its values: ring at epoch
// 573 reads "mean x -1.831" over the chart and "x -1.77±0.47 vs 0.00±1.41"
// in Quality.
func (m *Model) momentsText() string {
	if m.snap.Target.Plane == nil {
		return "μ mean and σ std of each epoch's last generated batch (in 2-D x and y the means, X and Y the stds), the target's after ┈. Under the chart in 1-D, of fresh samples against the target's (after vs, or in brackets): skew, how lopsided (0 symmetric), and ex.kurt, excess kurtosis, how heavy the tails are against a normal's (0 a normal, −1.2 a uniform)."
	}
	fresh := "fresh samples"
	if n := m.snap.Eval.Metrics.N; n > 0 {
		fresh = numtext.Together(numtext.FormatInt(n) + " fresh samples")
	}
	legend, axes, vs := m.planeMomentsShown()
	target := "the target's after ┈ and dotted"
	if !legend {
		target = "the target's dotted"
		if !vs { // no number on the screen gives them
			target += " (" + planeTargetMoments(m.snap.Target.Plane) + ")"
		}
	}
	names := "the mean and std"
	if m.planeLegendInSymbols() {
		names = "the mean (μ) and std (σ)"
	}
	text := names + " of each epoch's last generated batch on each axis: the lines ending in x and y the means, in X and Y the stds, " + target + "."
	if !axes {
		return text
	}
	against := ", the target's after vs,"
	if !vs {
		against = ""
	}
	return text + " Quality's x and y lines give each axis as mean±std" + against + " of the " + fresh + " its measures are taken on: another draw than the last batch, so the two means differ a little."
}

// modesText is the modes entry: covered/all and each mode's share against
// the target's, and blob, which stands in the count's place where every mode
// is covered but over 25% of the samples lie between them. Where Quality
// reads blob (blurred) the entry begins with it, so that its lead, all the
// message area has room for at 80×24, explains the word on the screen:
// unrolled at 80×24 had read "modes blob 36% 36% vs 50%" over "modes
// covered/all, each mode's share of samples vs the target's", a covered/all
// the screen did not show and blob left to the ? pages.
func (m *Model) modesText() string {
	const rest = " \"N of M modes missing\" counts a mode never covered too; ◆ mode-dropped needs it covered first."
	if m.blurred() {
		return "blob: every mode covered, but over " + blobShare + " of the samples between them; after it each mode's share of samples vs the target's, covered at half of it or more; covered/all in its place where fewer lie between them." + rest
	}
	return "covered/all, each mode's share of samples vs the target's; covered at half of it or more; blob for all/all: over " + blobShare + " between modes." + rest
}

// planeMomentsShown says what the screen as it stands gives of a 2-D run's
// moments: whether the moments legend gives the target's values after ┈,
// whether Quality has its x and y lines, and whether those give the target's
// after vs. Short of room the legend's target values give way to its title
// (momLegendOf) and Quality's lines to its other measures (planeQuality): at
// 80×24 grid's legend reads "mean x -1.13 y 0.97  std X 2.30 Y 2.36" under
// "Moments, last batch" and Quality has no x or y line, where the entry had
// sent the reader to "the target's after ┈" and "Quality's x and y lines".
// The keys page (?) draws Quality in the chart band's rows too. Before the
// screen has a size, all three.
func (m *Model) planeMomentsShown() (legend, axes, vs bool) {
	l := m.layout()
	if !l.ok {
		return true, true, true
	}
	h := l.bottomH
	if m.keys.page == pageKeys {
		h += l.topH
	}
	lines, _ := m.momText(l.rightW, l.momH)
	legend = strings.Contains(ansi.Strip(strings.Join(lines, "\n")), "┈")
	for _, line := range strings.Split(ansi.Strip(m.sidePanel(sideW, h)), "\n") {
		if strings.HasPrefix(line, "x ") && strings.Contains(line, "±") {
			axes, vs = true, strings.Contains(line, " vs ")
		}
	}
	return legend, axes, vs
}

// planeTargetMoments writes a 2-D target's mean and std as the moments
// legend writes them after ┈ (momLegendOf), "mean 0.00, std 2.83 on each
// axis", or x's and y's each where they differ, "mean x 0.00 y 0.50, std X
// 1.41 Y 0.71", for the moments entry where no number on the screen gives
// them.
func planeTargetMoments(p *session.PlaneInfo) string {
	mx, my, sx, sy := planeMoments(p)
	a, b, c, d := momentNum(mx, false), momentNum(my, false), momentNum(sx, false), momentNum(sy, false)
	if a == b && c == d {
		return "mean " + a + ", std " + c + " on each axis"
	}
	return "mean x " + a + " y " + b + ", std X " + c + " Y " + d
}

// planeLegendInSymbols is whether the plane's moments legend, at the
// screen's size, names the means and stds μ and σ, as it does short of room
// for "mean" and "std" beside three decimals (momLegendOf: 80×24): the
// moments entry then says what they are, and elsewhere does not speak of a μ
// the screen does not show.
func (m *Model) planeLegendInSymbols() bool {
	l := m.layout()
	if !l.ok || m.snap.Target.Plane == nil {
		return false
	}
	return strings.Contains(ansi.Strip(strings.Join(m.momLegendOf(l.rightW, m.momTitles()), "\n")), "μ ")
}

// planeText is the plane entry: what its cells show, and with a baseline
// pinned, that its faint dots show over the target where they have their due
// and G has not (planeCanvas.shown), a mode the base had and G has lost.
func (m *Model) planeText() string {
	top := "the target on top where G has under ¼ of its due"
	if b := m.snap.Baseline; b != nil && len(b.Eval.Points) > 0 {
		top += ", the base's dots where they have theirs"
	}
	return "blue ⣿ G's samples over " + hue("orange") + " ⣿ the target's (+ without colour); " + top + "; ◀ ▶ ▲ ▼ on the edge where 1% of them or more lie beyond it, all counted in the title. v has no other view here."
}

// offScaleText is the ▲ ▼ entry: a value beyond a chart's range is a rare
// spike, but for a feature-matching G, whose loss is on a scale of its own and
// sets no part of the losses' range (lineChart.own): its line runs as a row of
// ▲ along the top wherever it is above D's, from the start of feature-matching
// (G 175.9 at epoch 788, seed 1), which "a rare spike" alone would not
// explain.
func (m *Model) offScaleText() string {
	own := ""
	if m.snap.GLoss == engine.GLossFeatureMatching {
		own = " Under feature matching ■ G's loss, a distance on a scale of its own, sets no part of the losses' range: above D's it is a row of ▲ along the top, however long, \"" + numtext.Together("▲ off scale") + "\" beside its value in the legend."
	}
	return "a value beyond the chart's range (a rare spike), drawn at its edge; the range ignores such spikes." + own + " \"" + numtext.Together("●○ flat at this scale") + "\" in the losses' legend: those losses are under a ten-thousandth of the chart's range, another loss far larger, and their lines lie flat along 0 however they move; their values are in the legend."
}

// What the screen draws for the run s, each as the view tests it before
// drawing, for the glossary's entries (glossaryEntry.drawn): a line's
// measures and samples or a plane's; noise use for a G that makes a row
// of samples from one draw (the Quality panel), which the design tells
// from the start (Snapshot.RowWidth, 0 on a plane), not the first check's
// measures; the modes of a mixture,
// or a plane's mode map and HQ (ring, grid); D(x) and its push under the
// bars, D's surface and push over the plane, for a D that scores single
// samples; G(z) for a G of one noise value (v).
func onLine(s *session.Snapshot) bool        { return s.Target.Plane == nil }
func onPlane(s *session.Snapshot) bool       { return s.Target.Plane != nil }
func drawsNoiseUse(s *session.Snapshot) bool { return s.RowWidth > 1 }
func drawsModes(s *session.Snapshot) bool    { return onLine(s) && len(s.Eval.Metrics.Modes) > 0 }
func planeModes(s *session.Snapshot) bool    { return onPlane(s) && len(s.Target.Plane.Spots) > 0 }
func drawsDCurve(s *session.Snapshot) bool   { return onLine(s) && s.Eval.DCurve != nil }
func drawsPush(s *session.Snapshot) bool     { return onLine(s) && s.Eval.Push != nil }
func drawsSurface(s *session.Snapshot) bool  { return onPlane(s) && s.Eval.Surface != nil }
func drawsArrows(s *session.Snapshot) bool   { return onPlane(s) && len(s.Eval.Arrows) > 0 }
func drawsGZ(s *session.Snapshot) bool       { return onLine(s) && s.Eval.GZ != nil }

// glossaryEntries is the glossary of the run shown: the words of its
// design page that name its loss, G's, its optimizers and activations
// (Snapshot.Terms), as the page before them spells them, then the
// entries for what its screen draws (glossaryEntry.drawn), each in its
// text for the run, the ln 2 line's named by the legend's words
// (balanceTerm) where the chart shows it (balanceDrawn).
func (m *Model) glossaryEntries() [][2]string { return m.glossaryOf(nil) }

// glossaryOf is glossaryEntries for the terms keep takes, all of them
// where keep is nil. Only those entries' texts are written: some lay out
// parts of the screen to say what it shows (momentsText asks the moments
// legend and Quality's lines), and the screen's foot, drawn every frame,
// gives two or three entries of some thirty (explained).
func (m *Model) glossaryOf(keep func(term string) bool) [][2]string {
	var out [][2]string
	for _, t := range m.snap.Terms {
		if keep == nil || keep(t.Name) {
			out = append(out, [2]string{t.Name, t.What})
		}
	}
	for _, g := range glossary {
		if g.drawn != nil && !g.drawn(&m.snap) || g.term == balanceEntry && !m.balanceDrawn() {
			continue
		}
		term := g.term
		if term == balanceEntry {
			term = m.balanceTerm()
		}
		if keep == nil || keep(term) {
			out = append(out, [2]string{term, g.text(m)})
		}
	}
	return out
}

// crowdedText is the crowded entry for a plane with modes or without
// (moons, a points file): without, where no mode map is drawn, G piles
// its samples up on a part of the target, not a mode, and in 16 colours
// nothing else shows where, so that moons' entry does not send its reader
// to "the mode map" its screen does not have.
func crowdedText(modes bool) string {
	found, there := "a part of the target", ""
	if modes {
		found, there = "the modes", ": there the mode map shows where the samples are"
	}
	return "⣿ in a second blue (lighter on a dark terminal, darker on a light one): a cell of the plane holding 3 times as many of G's samples as the mean over the cells holding any of them or of the target's, or more: where G piles them up, as on " + found + " it has found or on a point it has collapsed to; a G spread evenly over the target has none. Dots alone draw a cell of one sample as full as one of a hundred. Not in 16 colours, whose two blues are one" + there + "."
}

// balanceEntry is the glossary's term for the loss chart's equilibrium
// lines, BCE's, which glossaryEntries names as the legend does
// (balanceTerm).
const balanceEntry = "ln 2 line"

// balanceTerm is the glossary's term for the loss chart's equilibrium lines,
// named by the legend's words for the design (eqLabel): "ln 2 line" under BCE,
// "⅛ line" under least squares, "D(x)=0.45 line" under label smoothing at 0.9,
// so that the entry's name matches the legend's, "┈ ⅛ at D(x)=½" under least
// squares.
func (m *Model) balanceTerm() string {
	e := m.snap.Equilibrium
	switch {
	case e == nil:
		return balanceEntry
	case e.Label != "":
		return e.Label + " line"
	}
	return scoreIs(e, numtext.Plainly(e.D, 3)) + " line"
}

// balanceText is the ln 2 line's entry for the design's losses
// (Snapshot.Equilibrium), the lines balanceLines draws: where D's losses sit,
// the value for the loss the design has, at D's score for every sample or, for
// a D that judges rows, packs or moments, for everything it judges; what label
// smoothing changes, and that D's losses each have a line, only under label
// smoothing; G's line only where G's loss stands apart from D's; the legend's
// dashes only for more than one line, named in their order. One text for every
// design would read on moons at 200×50, BCE without smoothing, "ln 2 line
// where D's BCE losses sit … (⅛ for least squares). With label smoothing (real
// label α) D's best answer is α/2", and tell lsgan that its losses are BCE's.
func (m *Model) balanceText() string {
	e := m.snap.Equilibrium
	var b strings.Builder
	// D's score and least squares' losses at the balance: ½ and ⅛, or
	// under label smoothing α/2 and α²/8 (EquilibriumOf), so that the
	// entry does not name the line D(x)=0.45 and then say D's losses sit
	// there when D(x) = ½.
	half, lsEach := "½", "⅛"
	if e.Label == "" {
		half, lsEach = numtext.Plainly(e.D, 3), numtext.Plainly(e.DReal, 3)
	}
	losses := "BCE losses sit"
	if m.snap.Loss == engine.LossLeastSquares {
		losses = "least-squares losses sit, " + numtext.Together(lsEach+" each") + ","
	}
	at := numtext.Together(e.Score()+" = "+half) + " for " + e.Judged()
	b.WriteString("where D's " + losses + " when " + at + ": the game's equilibrium.")
	if e.Label == "" {
		b.WriteString(" With one-sided label smoothing, real data labelled " + numtext.Plainly(2*e.D, 3) + ", D's best answer is half that: the line is named " + numtext.Together(scoreIs(e, numtext.Plainly(e.D, 3))) + ".")
	}
	names := []string{"D"}
	if e.DFake != e.DReal {
		names = []string{"D real", "D fake"}
		b.WriteString(" Each of D's two losses has a line of its own, faint in its loss's colour, D real's at " + numtext.Plainly(e.DReal, 3) + ", D fake's at " + numtext.Plainly(e.DFake, 3) + ".")
	}
	if len(balanceLines(e)) > len(names) {
		names = append(names, "G")
		b.WriteString(" G's loss has a line there too, faint " + hue("teal") + ", at " + strings.Replace(numtext.Plainly(e.G, 3), "-", "−", 1) + ", where it stands apart from D's.")
	}
	if len(names) > 1 {
		b.WriteString(" The legend's mark has a dash for each line, in that order (" + strings.Repeat("┈", len(names)) + ": " + strings.Join(names, ", ") + "); lines on one row share it, dash by dash.")
	}
	return b.String()
}

// eventsText is the ◆ entry, with the events the design can mark
// (session.Marks, by its loss and G's samples per noise draw) and the line
// D's equilibrium ends at as its loss has it (equilibriumNear); a
// collapse in the words of the target's collapsed finding
// (session.CollapsedTo). One list for every design would name events a
// design never marks: a critic's D's win, the equilibrium and d-stalled,
// the hinge's d-frozen, and the noise ignored where G makes one sample a
// draw (vanilla) or on a plane (Snapshot.RowWidth).
func (m *Model) eventsText() string {
	marks := func(k session.EventKind) bool { return session.Marks(m.snap.Loss, m.snap.RowWidth, k) }
	var wins, noise, eq, frozen, eqEnd, near string
	if marks(session.EventDWins) {
		wins = "D winning or no longer"
	}
	if marks(session.EventEquilibrium) {
		eq = "equilibrium, D stuck at it (d-stalled: D stopped learning, or the samples far from the target)"
		eqEnd, near = "the equilibrium, ", m.equilibriumNear()+"; "
	}
	if marks(session.EventFrozen) {
		frozen = " or frozen away from it (d-frozen)"
	}
	// The noise floor's line on the screen's own measure: a plane has no KS,
	// whose bound grid's entry had given beside SW1's floor, and a line no
	// SW1, whose floor vanilla's had given beside KS's bound.
	floor := "KS under its 99% bound; "
	if m.snap.Target.Plane != nil {
		floor = "SW1 under 1.8× its floor; "
	}
	// A mode's events on a target of modes alone, and a collapse's on one
	// of one mode or none, where the mode findings say it instead
	// (session's collapsed): vanilla's entry had promised "a mode covered,
	// dropped or back" on normal(4,1.25), bimodal's a collapse.
	modes := targetModes(&m.snap)
	var mode, collapse, ends, spread string
	if modes > 0 {
		mode = "a mode covered, dropped or back"
	}
	ends = "the noise floor and a plateau"
	if modes <= 1 {
		collapse = "G collapsed to " + session.CollapsedTo(m.snap.Target.Spec) + " or spread again"
		ends, spread = "the noise floor, a collapse and a plateau", "G's spread under 20% of the target's; "
	}
	if marks(session.EventNoiseIgnored) {
		noise = "noise ignored or used again"
	}
	var kinds []string
	for _, k := range []string{mode, wins, noise, collapse, eq + frozen} {
		if k != "" {
			kinds = append(kinds, k)
		}
	}
	return "an event on the time axis: " + strings.Join(kinds, ", ") + ", a plateau or the noise floor reached or left, a divergence or runaway, a setting changed, updates by hand (d, g: one player's presses in a row between two epochs make one), a roll-back. A finding's start is marked at the second check in a row that finds it, its end once five checks in a row and at least 100 epochs pass without it (for " + eqEnd + ends + ", without it or near it: " + near + floor + spread + "the distance not 20% under the best before it); the events are listed, latest first, after this glossary, and f lists them by kind."
}

// targetModes counts the modes of the run's target whose coverage the
// events mark (session's modeCoverage): a plane's (ring, grid), a line's
// mixture's, read from its spec before the first check measures them; 0
// for a target without modes (normal, moons, a points file).
func targetModes(s *session.Snapshot) int {
	if p := s.Target.Plane; p != nil {
		return len(p.Spots)
	}
	if n := len(s.Eval.Metrics.Modes); n > 0 {
		return n
	}
	if t, err := engine.ParseTarget(s.Target.Spec); err == nil {
		if mm, ok := t.(engine.Multimodal); ok {
			return len(mm.Modes())
		}
	}
	return 0
}

// equilibriumNear is the line the ◆ entry says an equilibrium's episode
// ends at, as the design's loss has it: under the hinge loss its losses'
// sum within 0.12 of 2; under BCE and least squares D's scores within
// 0.03 of its balance, ½, or half its real label under label smoothing
// (session.EquilibriumOf); both where the design is not known. One line
// for every design would give ½ or the hinge's sum, label-smoothing's
// "within 0.03 of ½" beside its line D(x)=0.45.
func (m *Model) equilibriumNear() string {
	switch e := m.snap.Equilibrium; {
	case m.snap.Loss == engine.LossHinge:
		return "its losses' sum within 0.12 of 2"
	case e != nil && e.D != 0.5:
		return "D's scores within 0.03 of " + numtext.Plainly(e.D, 3)
	case e != nil:
		return "D's scores within 0.03 of ½"
	}
	return "D's scores within 0.03 of ½ or, under the hinge loss, its losses' sum within 0.12 of 2"
}

// pushFollowed is what the push entry says G does with the push as the design
// has it, of the marks under the bars or, on a plane, of the lines. Under
// feature matching G matches D's features, not its score, as the remedy says:
// it does not move its samples the way of D's slope. Under least squares G
// pulls its samples' scores to 1, so it moves them against D's slope where D
// scores them over 1, as the remedy says, and follows the slope only
// elsewhere.
func (m *Model) pushFollowed(plane bool) string {
	line, lines := "G moves its samples that way.", "G follows them."
	switch {
	case m.snap.GLoss == engine.GLossFeatureMatching:
		line = "G does not follow it here: it matches the mean of D's features on its samples to that on real data."
		lines = "G does not follow them here: it matches the mean of D's features on its samples to that on real data."
	case m.snap.Loss == engine.LossLeastSquares:
		line = "G moves its samples that way where D scores them under 1, and against it where over 1: it pulls their scores to 1 (least squares)."
		lines = "G follows them where D scores its samples under 1, and moves against them where over 1: it pulls their scores to 1 (least squares)."
	}
	if plane {
		return lines
	}
	return line
}

// trendText is the trend entry for a run on a plane or a line whose
// checks sampling alone moves by noise (Snapshot.CheckNoise), as the
// arrows take it (checkNoiseText), and of a replayed frame (replayed),
// whose value, the last bar, is its own check, a check's 2,000 samples,
// not the screen's latest evaluation. The last bar is the value before
// the arrow (trends); the entry gives the value's sample size where a
// check's differs (n, 10,000 against 2,000 in 1-D), which sampling moves
// less, so a last bar a little under the checks can be that alone. It
// says where the range is left out (scaleOf), so that after devnag-2017's
// runaway "KS 1.000 → ▄▄▄▄▄▄▄▄" does not stand without the lowest and
// highest the entry promises.
func trendText(plane bool, noise session.EvalPoint, replayed bool, n int) string {
	value := "the screen's latest evaluation"
	switch c := session.CheckSize(plane); {
	case replayed:
		value = "the replayed frame's own check"
	case n > 0 && n != c:
		value += ", of " + numtext.Together(numtext.FormatInt(n)+" samples") + " where a check has " + numtext.FormatInt(c)
	}
	// On a plane Quality has SW1 alone, and the glossary no KS or W1 entry:
	// grid's trend entry had opened "after KS and W1 (SW1 in 2-D)" and
	// ended "(a runaway's KS, 1 at each)", measures its screen never shows.
	measures, runaway := "KS and W1 (SW1 in 2-D)", " (a runaway's KS, 1 at each)"
	if plane {
		measures, runaway = "SW1", ""
	}
	return "after " + measures + ", where the bars beside it went, the value before the arrow, the last bar, against the first bar, by their values: ↓ lower (better) or ↑ higher (worse) where it is more than 2% from the first and further than sampling alone moves that measure at a check (" + checkNoiseText(plane, noise) + "), → about the same or within noise otherwise, · before there are two bars. It weighs only the bars shown: a narrower screen shows fewer, the latest, over which the same run may read → where a wider one reads ↓. The bars are the run's latest checks (at fixed epochs, about a hundredth of the plan apart and at most 10,000: the same at an epoch however the run got there), oldest first, then the value: " + value + ". The two numbers after the bars are the lowest and highest of them, rounded outwards, and the bars stand on that range (where there is no room for it, the bars rise from 0 to the value after █=, a full bar's, and values within an eighth of the highest draw alike); with one bar there are no numbers, nor where every bar is alike" + runaway + ", flat ▄ at the value."
}

// checkNoiseText is what the trend entry says sampling alone moves a check by:
// each measure's own noise floor at a check's size (session.CheckSize), as
// its arrow takes it (noise, the run's Snapshot.CheckNoise): on a line KS's
// and W1's, on a plane SW1's, each left out while unknown (0). One floor
// named for all, KS's alone, would leave W1's arrow unexplained: vanilla
// (seed 1, epoch 11,000) reads "W1 0.016 → ▆█▁ 0.016–0.044", a fall of
// 0.028 within W1's floor of 0.036, over KS's 0.030. Taken from the run, not
// written by hand, the size and floors are those of the run's own measures
// on a line and on a plane.
func checkNoiseText(plane bool, noise session.EvalPoint) string {
	n := session.CheckSize(plane)
	text := "each measure's own noise floor at a check's " + numtext.Together(numtext.FormatInt(n)+" samples")
	var floors []string
	for _, f := range []struct {
		name string
		v    float64
		on   bool
	}{{"KS", noise.KS, !plane}, {"W1", noise.W1, !plane}, {"SW1", noise.SW1, plane}} {
		if f.on && f.v > 0 {
			floors = append(floors, numtext.Together(f.name+" "+numtext.Measure(f.v)))
		}
	}
	if len(floors) > 0 {
		text += ": " + strings.Join(floors, ", ")
	}
	return text
}

// dxText is the D(x) entry for the design's loss: under BCE D's belief that x
// is real, 0 to 1; under least squares a score with no sigmoid, which may
// leave 0…1, as the least-squares remedy says; under a critic's loss
// (wasserstein, hinge) an unbounded score, whose strip runs from its lowest to
// its highest and whose dotted line marks no balance; for a D with a balance,
// where it sits, half the real label under label smoothing (dxBlind). One
// text, a belief, 0 to 1, under every loss, would contradict the critic's
// words a sentence after and lsgan's remedy on the page before, that its score
// may leave 0…1.
func (m *Model) dxText() string {
	blind := dxBlind
	if e := m.snap.Equilibrium; e != nil && e.Label == "" { // label smoothing
		blind = "under label smoothing a D that cannot tell real from fake scores half its real label everywhere, " +
			numtext.Together(numtext.Plainly(e.D, 3)+" here") + ", just under the ½ line."
	}
	switch {
	case m.snap.Loss.Unbounded():
		return "D's score of x in the strip under the bars: no belief, a score without bounds; the strip runs from its min to its max, given in the legend, its dotted line half-way between them, which marks no balance."
	case m.snap.Loss == engine.LossLeastSquares:
		return "D's score of x in the strip under the bars, fitted to its labels by least squares: no belief, with no sigmoid it may leave 0 to 1, drawn at the strip's edge there; " + blind
	}
	return "D's belief that x is real, 0 to 1, in the strip under the bars; " + blind
}

// surfaceText is the D surface entry for the design's loss, as the
// plane shades it (planeCanvas.render): under BCE blue where D says
// generated, orange where real; under least squares a score with
// no sigmoid, shaded as 0 or 1 beyond them; where D cannot tell, its
// answer, half its real label under label smoothing, no shade. A
// critic's (wasserstein, hinge) is a score without bounds, shaded from
// each evaluation's lowest to its highest, whose half-way marks no
// balance. Each design gets its own words alone: BCE's, "no shade where
// it cannot tell (½)", given to every design with a critic's a sentence
// after, would tell a critic's reader of a balance that is not there.
func (m *Model) surfaceText() string {
	const made = " Made at each evaluation, off the training path."
	if m.snap.Loss.Unbounded() {
		return "D's score over the plane, behind the dots: no belief, a score without bounds, shaded from the evaluation's lowest, blue, to its highest, orange, no shade half-way between them, which marks no balance; without colour or in 16 colours, · marks where it crosses that half-way score." + made
	}
	blind := "½"
	if e := m.snap.Equilibrium; e != nil && e.Label == "" { // label smoothing
		blind = numtext.Plainly(e.D, 3) + ", half its real label"
	}
	score := "D's score over the plane, behind the dots: blue where D says generated, orange where it says real"
	if m.snap.Loss == engine.LossLeastSquares {
		score = "D's score over the plane, behind the dots, fitted to its labels by least squares: blue where D says generated (0), orange where it says real (1), with no sigmoid it may leave 0 to 1, shaded as the nearer of them there"
	}
	return score + ", no shade where it cannot tell (" + blind + "); without colour or in 16 colours, · marks " + numtext.Together("D = "+balanceText(surfaceBalance(&m.snap))) + "." + made
}

// dxBlind is what the D(x) entry says D's answer is where it cannot tell real
// from fake, which label smoothing (real label α) makes α/2: at 0.9, ½ would
// stand beside a strip whose D, at its balance, sits at 0.45, under the ½
// line, as if it still took G's samples for fake.
const dxBlind = "½ everywhere means D cannot tell real from fake."

// glossaryHeight is the room the glossary has: the screen less the header
// and the footer.
func (m *Model) glossaryHeight() int { return m.height - 2 }

// glossaryPages lays the diagnosis in full as it was when the glossary
// opened (gsnap), the glossary, then the events of that moment, out at
// width w in pages of h lines, the first line of each kept for its title
// and where the page stands.
func (m *Model) glossaryPages(w, h int) [][]string {
	return m.glossaryLayout(w, h).pages
}

// glossaryPlace is the reader's place in the glossary: the entry the
// page shown begins with, or continues (an index of glossaryLayout's
// entries, which do not depend on the screen's size).
func (m *Model) glossaryPlace() int {
	l := m.glossaryLayout(m.width, m.glossaryHeight())
	return l.tops[min(m.gpage, len(l.tops)-1)]
}

// glossaryPageOf is the page that holds the start of entry at the screen's
// size now, so that a resize keeps the reader's place (glossaryPlace), not
// returning them to the first page; an entry the page read continued is shown
// from its start.
func (m *Model) glossaryPageOf(entry int) int {
	starts := m.glossaryLayout(m.width, m.glossaryHeight()).starts
	return starts[min(entry, len(starts)-1)]
}

// pageEntry is one entry of the ? pages: its lines; whether it is a
// title, which ends no page; the line that heads what a page after the
// first holds of it, "trend (continued)"; and the part of the pages it
// is in, "Glossary" or another, for the heading of a page that holds it.
type pageEntry struct {
	lines []string
	title bool
	cont  string
	part  string
}

// blank is whether e is the blank line between two parts.
func (e pageEntry) blank() bool { return len(e.lines) == 1 && e.lines[0] == "" }

// glossaryPaging is the ? pages (glossaryPages) with, for each page, the
// index of the entry it begins with or continues (tops) and the parts
// whose lines it holds, in order (parts), for each entry the page that
// holds its first line (starts), and the page the events begin on.
type glossaryPaging struct {
	pages  [][]string
	tops   []int
	parts  [][]string
	starts []int
	events int // the page the events begin on
}

// remedyPresetsLine is what to try where the diagnosis finds modes
// missing (Finding.ModesMissed): the other built-in presets that train
// the target with a remedy (session.RemedyPresets), and the command that
// trains the first. The finding says what went wrong, ring's "7 of 8
// modes missing: G's samples gather in one small cloud …", and nothing
// on the screen said where a remedy is. "" where no such finding holds,
// or no other preset has a remedy for the target (moons, a points file).
func remedyPresetsLine(s *session.Snapshot, fs []session.Finding) string {
	if !slices.ContainsFunc(fs, session.Finding.ModesMissed) {
		return ""
	}
	names := slices.DeleteFunc(session.RemedyPresets(s.Target.Spec), func(name string) bool { return name == s.Preset })
	if len(names) == 0 {
		return ""
	}
	return "To try: the presets " + numtext.List(names, "and") + " train this target with a remedy for missing modes; " + numtext.Together(command.Line("--preset "+names[0])) + " trains the first."
}

// splitLeast is the fewest lines of an entry that a page holds or that
// it continues on the next: a line alone, the last of an entry at a
// page's foot or at the head of the next, reads as a stray.
const splitLeast = 2

// glossaryLayout lays the ? pages out at width w in pages of h lines
// (glossaryPages). Each page is filled in reading order: an entry that does not
// fit whole in the lines left goes on at the next page's head after
// "(continued)" under its term, cut at a line, so that a page is blank at its
// foot only for a few lines; moved whole to the next page, it would leave
// blog-original's second page at 80×24 half blank above the 12 lines of the
// trend. An entry is cut only where each page keeps splitLeast of its lines,
// and one longer than a page is cut as often as it takes; a title keeps
// splitLeast lines of its part under it, or goes on to the next page. A short
// entry left alone on the last page takes the page before's last entry with it
// (lonely), but for one kind of event listed (f, eventKind): those begin a
// page, whose heading names the kind.
func (m *Model) glossaryLayout(w, h int) glossaryPaging {
	var entries []pageEntry
	part := "" // the part the entries added now are in
	add := func(lines ...[]string) {
		for _, l := range lines {
			entries = append(entries, pageEntry{lines: l, part: part})
		}
	}
	title := func(line string) {
		entries = append(entries, pageEntry{lines: []string{line}, title: true, part: part})
	}
	named := func(term, text string) { // a term and its text, continued under the term
		entries = append(entries, pageEntry{lines: wrapIndent(styleBold.Render(term)+"  "+text, w), cont: styleBold.Render(term) + styleMuted.Render(" (continued)"), part: part})
	}
	s := &m.gsnap
	if m.keys.page != pageGlossary { // not open: the pages as they would open now
		s = &m.snap
	}
	if fs := s.Findings; len(fs) > 0 { // the diagnosis in full first
		part = "Diagnosis"
		epoch, words := s.Epoch, ""
		if s.Replay != nil { // the replayed keyframe's diagnosis (replayed)
			epoch = s.Replay.Epoch
			if by := s.Replay.SavedBy; by != "" { // another ganui's, which the glossary below may word otherwise
				words = " " + session.SavedWords(by)
			}
		}
		title(styleTitle.Render("Diagnosis at epoch "+itoa(epoch)) + styleMuted.Render(" and the measurements behind it"+words))
		add(findingLines(s, fs, w, true, false)...)
		if try := remedyPresetsLine(s, fs); try != "" {
			add(wrapIndent(styleMuted.Render(try), w))
		}
		if s.Replay == nil && s.Hand != nil {
			add(wrapIndent(styleMuted.Render(handFindings), w))
		}
		add([]string{""})
	}
	// What the design changes in the textbook GAN (packing, a penalty, G's
	// average, …) before the glossary: what each does, why, and where the
	// screen shows it, which the design page, naming them, does not say.
	if rs := m.snap.Remedies; len(rs) > 0 {
		part = "Remedies"
		title(styleTitle.Render("Remedies") + styleMuted.Render(" what "+m.snap.Preset+" changes in the textbook GAN"))
		for _, r := range rs {
			what := r.What
			if !m.penaltyShown {
				// Only where the losses' legend gives the penalty
				// (lossLegendOf) does the remedy say it does; elsewhere it
				// says where the penalty is: wgan-gp at 80×24, its losses near
				// ±38, has no room for it in the legend.
				what = strings.Replace(what, session.PenaltyShown, penaltyElsewhere, 1)
			}
			named(r.Name, what)
		}
		add([]string{""})
	}
	part = "Glossary"
	if len(entries) > 0 {
		title(styleTitle.Render("Glossary"))
	}
	// The glossary of the run as the pages opened on it, as the diagnosis
	// before it and the events after it are: of the run as it trains on,
	// its modes entry had read "covered/all, …" under a diagnosis of modes
	// "covered but not separated", whose blob it explains.
	frozen := *m
	frozen.snap = *s
	for _, g := range frozen.glossaryEntries() {
		named(g[0], g[1])
	}
	// The events last: a long run keeps up to 256 of them, 29 pages at
	// 80×24, which before the glossary would push it 29 pages back.
	// f filters them to one kind (eventKind): the title says which and how
	// many of all the events those are, "d-wins: 1 of the 2 events" (hinge
	// at epoch 1,000, two ◆ on the charts), where "d-wins 1 of 2" read as
	// one of two d-wins; each page's heading names the kind.
	part = "Events"
	add([]string{""})
	events := len(entries) // the title, the page f turns to
	// Where the run has trained on behind the pages, the events are still
	// those of the epoch they opened at, and the title says so, "as of
	// epoch 1,790", beside a header at epoch 2,788: without it a run's
	// last page went on listing no event, "none yet", while the charts
	// behind it marked them.
	asOf := ""
	if m.snap.Epoch != s.Epoch {
		asOf = "as of epoch " + itoa(s.Epoch)
	}
	if evs := s.Events; len(evs) > 0 {
		f := ""
		if words := m.filterWords(); words != "" {
			f = " · f " + words
		}
		// The title's words after "Events", longest first: where the width
		// has no room for them all, the marks give way, then f's hint,
		// which the footer gives too, then the "the" of "of the 122
		// events"; the epoch the list is of stays. Cut at the width, the
		// title had ended "· f next k…" (d-wins-ended as of epoch 1,769 at
		// 70 columns) beside a footer offering f whole.
		shown, latest := evs, " latest first"
		if asOf != "" {
			latest = " " + asOf + "," + latest
		}
		says := []string{latest + ", marked ◆ on the charts" + f, latest + f}
		if kind := m.eventKind(m.gsnap.Events); kind != "" {
			shown = slices.DeleteFunc(slices.Clone(evs), func(e session.Event) bool { return e.Kind.String() != kind })
			part = "Events (" + kind + ")"
			count := func(of string) string {
				c := " " + kind + ": " + itoa(len(shown)) + of + itoa(len(evs)) + " events"
				if asOf != "" {
					c += " " + asOf
				}
				return c
			}
			says = []string{count(" of the ") + ", latest first" + f, count(" of the ") + f, count(" of the "), count(" of ")}
		}
		what := says[len(says)-1]
		for _, w1 := range says {
			if ansi.StringWidth("Events"+w1) <= w {
				what = w1
				break
			}
		}
		title(styleTitle.Render("Events") + styleMuted.Render(what))
		add(eventLines(shown, w, len(shown))...) // every one kept: the pages hold them
		if n := s.Earlier; n > 0 {
			add([]string{styleMuted.Render(numtext.Count(n, "earlier event") + " not kept (the newest " + numtext.FormatInt(len(evs)) + " are)")})
		}
	} else {
		// The ◆ entry sends the reader here: say there are none yet, so that
		// the pages do not end without the list it promises.
		none := " none yet: ◆ marks each on the charts as it comes"
		if asOf != "" {
			none = " none " + asOf + ": ◆ marks each on the charts as it comes"
		}
		add(wrapIndent(styleTitle.Render("Events")+styleMuted.Render(none), w))
	}
	for _, f := range s.Findings {
		if why := f.Kind.Unlisted(); why != "" {
			head, _, _ := strings.Cut(f.Text, ": ")
			add(wrapIndent(styleMuted.Render("not listed: "+head+" — "+why), w))
		}
	}

	room := max(1, h-1)
	breakAt := -1
	if m.eventKind(m.gsnap.Events) != "" {
		breakAt = events // one kind's events begin a page, its heading naming the kind
	}
	l := paginate(entries, room, breakAt)
	// The last page holding one short entry alone, where the page before
	// can give it company, takes that page's last entry (with its title)
	// whole: grid's last page at 80×28 would otherwise hold "Events none
	// yet" alone under a page filled to its foot.
	if k := lonely(entries, l); k >= 0 && breakAt < 0 {
		if b := paginate(entries, room, k); len(b.pages) == len(l.pages) {
			l = b
		}
	}
	// The events listed, split between the glossary's last page and the
	// next where a page holds them whole, begin that page: f turns to the
	// page they begin on, which at 80×24 held bimodal-pacgan's (seed 4,
	// 2,000 epochs) heading and the latest of its 7 events under a page of
	// glossary, the other 6 a page on, alone.
	if lines := 0; breakAt < 0 && len(s.Events) > 0 && l.starts[events] < len(l.pages)-1 {
		for _, e := range entries[events:] {
			lines += len(e.lines)
		}
		if lines <= room {
			l = paginate(entries, room, events)
		}
	}
	l.events = l.starts[events]
	return l
}

// lonely is the entry that begins the page before the last's last whole
// entry, its title if it has one, where the last page of l holds one
// entry of splitLeast lines or fewer alone and the page before holds more
// than that entry; -1 otherwise.
func lonely(entries []pageEntry, l glossaryPaging) int {
	last := len(l.pages) - 1
	if last == 0 {
		return -1
	}
	i := l.tops[last]
	if l.starts[i] != last || len(entries[i].lines) > splitLeast {
		return -1 // continued, or long enough to stand alone
	}
	for _, e := range entries[i+1:] {
		if !e.blank() {
			return -1 // company already
		}
	}
	j := i - 1
	for j >= 0 && entries[j].blank() {
		j--
	}
	if j > 0 && entries[j-1].title {
		j--
	}
	if j <= l.tops[last-1] || l.starts[j] != last-1 {
		return -1 // the page before would be left empty, or its last entry begins before it
	}
	return j
}

// paginate fills pages of room lines with entries in reading order
// (glossaryLayout), beginning a page at entry breakAt (none where -1).
func paginate(entries []pageEntry, room, breakAt int) glossaryPaging {
	// fits is how many of n lines go on a page with left lines free:
	// all, or splitLeast or more leaving splitLeast for the next, or none.
	fits := func(n, left int) int {
		if n <= left {
			return n
		}
		if take := min(left, n-splitLeast); take >= splitLeast {
			return take
		}
		return 0
	}
	// begins is whether entry j begins on a page with left lines free: a
	// title with the lines it keeps, as typesetting keeps a heading with
	// what follows: splitLeast of its part's lines, its entry's first among
	// them, or all where there are fewer. "Events" with one event under it
	// at a page's foot, the rest on the next, had headed a list it barely
	// began.
	begins := func(j, left int) bool {
		if !entries[j].title || j+1 == len(entries) {
			return fits(len(entries[j].lines), left) > 0
		}
		got, need, free, whole := 0, 0, left-1, true
		for _, e := range entries[j+1:] {
			if e.title || e.blank() || need >= splitLeast {
				break
			}
			need += len(e.lines)
			if whole { // the lines of e that go on this page, as below
				take := fits(len(e.lines), free)
				got, free, whole = got+take, free-take, take == len(e.lines)
			}
		}
		return got > 0 && got >= min(need, splitLeast)
	}
	var l glossaryPaging
	var cur, parts []string // the page being filled and the parts it holds
	top := 0                // the lines at the head of cur that are no entry's: a "(continued)"
	// next ends the page being filled and begins the next, blank.
	next := func() {
		l.pages, l.parts = append(l.pages, cur), append(l.parts, parts)
		cur, parts, top = nil, nil, 0
	}
	for i, e := range entries {
		if i == breakAt && len(cur) > top {
			next()
		}
		l.starts = append(l.starts, len(l.pages))
		blank := e.blank()
		for rest := e.lines; len(rest) > 0; {
			if blank && len(cur) == top {
				break // no page begins with a blank line
			}
			if blank && i+1 < len(entries) && !begins(i+1, room-len(cur)-1) && begins(i+1, room-len(cur)) {
				// The blank before a title, or before the last line,
				// gives way at a page's foot where what follows fits only
				// without it: kept, it would end wgan's Remedies page at
				// 80×24 in 4 blank lines, "Glossary" moved on, and leave
				// "Events none yet" alone on grid's last page.
				break
			}
			take := fits(len(rest), room-len(cur))
			if e.title && !begins(i, room-len(cur)) {
				// A title ends no page, nor leaves it with less than it
				// keeps: "Events" last on one, its list begun on the
				// next, would name nothing under it.
				take = 0
			}
			if take == 0 && len(cur) == top {
				take = min(len(rest), max(1, room-len(cur))) // a page too short to keep the rules
			}
			if take == 0 {
				next()
				continue
			}
			if len(cur) == top {
				l.tops = append(l.tops, i)
			}
			if len(rest) == len(e.lines) {
				l.starts[i] = len(l.pages)
			}
			cur, rest = append(cur, rest[:take]...), rest[take:]
			if !blank && (len(parts) == 0 || parts[len(parts)-1] != e.part) {
				parts = append(parts, e.part) // a blank line between parts names neither
			}
			if len(rest) > 0 { // the rest on the next page, under its heading
				next()
				if room > splitLeast {
					cont := e.cont
					if cont == "" {
						cont = styleMuted.Render("(continued)")
					}
					cur, top = []string{cont}, 1
				}
			}
		}
	}
	if len(l.tops) == 0 {
		l.tops = []int{0}
	}
	next()
	return l
}

// pagesHeading is the heading of a ? page that holds parts, "Glossary and
// events" for one whose glossary ends above the events, the parts the page
// holds named in their order, so that the heading names what the page holds:
// the last of a long run's pages "Events" where it holds only events.
func pagesHeading(parts []string) string {
	if len(parts) == 0 {
		return "Glossary"
	}
	named := []string{parts[0]}
	for _, p := range parts[1:] {
		named = append(named, strings.ToLower(p))
	}
	return numtext.List(named, "and")
}

// glossaryView is the glossary's current page in place of the panels,
// with its number, from 0, and how many pages there are (keyMap.gpage,
// keyMap.gpages).
func (m *Model) glossaryView(w, h int) (view string, page, pages int) {
	l := m.glossaryLayout(w, h)
	all := l.pages
	p := min(m.gpage, len(all)-1)
	head := styleTitle.Render(pagesHeading(l.parts[p]))
	if len(all) > 1 {
		head += styleMuted.Render(" page " + itoa(p+1) + " of " + itoa(len(all)))
	}
	lines := append([]string{head}, all[p]...)
	return block(lines, w, h), p, len(all)
}

// wrapIndent wraps s at width w at spaces, the lines after the first
// indented by two spaces.
func wrapIndent(s string, w int) []string {
	const indent = 2
	lines := textwrap.Wrap(s, w)
	if len(lines) <= 1 {
		return lines
	}
	// Rewrap what follows the first line, narrower by the indent.
	rest := textwrap.Wrap(strings.TrimLeft(strings.TrimPrefix(s, lines[0]), " "), w-indent)
	out := []string{lines[0]}
	for _, l := range rest {
		out = append(out, strings.Repeat(" ", indent)+l)
	}
	return out
}

func itoa(n int) string { return numtext.FormatInt(n) }

// findingLines writes the diagnosis at width w, each finding of fs as
// findingText does, with what s says of its event (pendingNote). Tight,
// for the diagnosis's rows under the charts, where each line is one a
// glossary entry does not get, a finding's note is the short one where
// the long would take a line more: at 120×40 "… · new at epoch 250: an
// event if it holds at 260" would take a third row for its last words and
// push the entry for D's losses out. The ? pages give it whole.
//
// Tight, the first finding that reads G's samples says of which epoch it
// reads them (checkedAt), as the screen's moments legend beside it says
// its values are the last batch's, where that takes it no row more than
// without. On the ? pages (not tight) it says so where that epoch is not
// the one their title names (pagesCheckedAt), whole.
func findingLines(s *session.Snapshot, fs []session.Finding, w int, detail, tight bool) [][]string {
	out := make([][]string, 0, len(fs))
	at, checked := pagesCheckedAt(s, fs)
	if tight {
		at, checked = checkedAt(s, fs)
	}
	for i, f := range fs {
		long, short := pendingNote(s, f.Kind, false), pendingNote(s, f.Kind, true)
		pick := func(long, short string) []string {
			lines := wrapIndent(findingText(f, detail, long), w)
			if short := wrapIndent(findingText(f, detail, short), w); tight && len(short) < len(lines) {
				lines = short
			}
			return lines
		}
		lines := pick(long, short)
		if i == at {
			dated := long
			if p, _ := s.PendingOf(f.Kind); long == "" || p.Seen != s.Eval.Epoch { // else "new at epoch 5,824: …" says it
				dated = joinNotes(checked, long)
			}
			// The epoch gives way where it would take the finding a row
			// more: on ring at 80×24 "! every mode is reached, but many
			// samples fall between the modes · at epoch 5,824" took a
			// second row and pushed the glossary's line out. The rows
			// are those of the finding without it, frame after frame.
			// The pages give it whole.
			if with := pick(dated, joinNotes(checked, short)); !tight || len(with) <= len(lines) {
				lines = with
			}
		}
		out = append(out, lines)
	}
	return out
}

// checkedAt is the index in fs of the first finding that reads G's samples
// (session.FindingKind.ReadsSamples) and what follows it to name the epoch
// of the evaluation it reads them at, "at epoch 5,824", as the plane's
// title and the histogram's, where it has room, name it (not "checked
// at": evaluations come every 200 ms, not at the checks the events are
// at); or −1 and "" in a replayed frame, and where the run is not running
// and that epoch is the one whose batch the moments legend gives. Between
// two evaluations the legend moves on with every epoch and the diagnosis
// does not: ring's G swings ±2 in about 150 epochs, and "G's samples
// spread wide about the target's centre" stood beside "Moments, last
// batch mean x 1.503" with nothing to say the two were of different
// epochs; a 1-D run's findings read the histogram's samples alike, beside
// "Moments, last batch μ mean 3.857". Running, it is named at every
// frame, also one whose evaluation is of its own epoch, so that the row
// it may take does not come and go five times a second; paused or done,
// the session evaluates the epoch shown, and it is not named.
func checkedAt(s *session.Snapshot, fs []session.Finding) (int, string) {
	e := s.Eval.Epoch
	if e <= 0 || s.Replay != nil || s.State != session.Running && e == s.Last.Epoch {
		return -1, ""
	}
	return readsSamplesAt(fs, e)
}

// pagesCheckedAt is checkedAt for the ? pages' diagnosis, under "Diagnosis
// at epoch 5,856": the first finding that reads G's samples names the
// evaluation's epoch where it is not that one, as it is where the pages
// opened on a running run between two evaluations; a replayed frame's and
// a paused run's are of the epoch the title names.
func pagesCheckedAt(s *session.Snapshot, fs []session.Finding) (int, string) {
	e := s.Eval.Epoch
	if e <= 0 || s.Replay != nil || e == s.Epoch {
		return -1, ""
	}
	return readsSamplesAt(fs, e)
}

// readsSamplesAt is the index in fs of the first finding that reads G's
// samples and the words that name epoch e beside it, or −1 and "".
func readsSamplesAt(fs []session.Finding, e int) (int, string) {
	for i, f := range fs {
		if f.Kind.ReadsSamples() {
			return i, "at " + numtext.Together("epoch "+numtext.FormatInt(e))
		}
	}
	return -1, ""
}

// joinNotes joins the notes after a finding that are not "", by " · ".
func joinNotes(notes ...string) string {
	var out []string
	for _, n := range notes {
		if n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, " · ")
}

// findingText is a finding on one line, to be wrapped: a glyph for its
// kind (✗ a runaway, ! a problem, D stalled included, ✓ a state of
// balance), the text, the measurement behind it when detail is set (a
// runaway's too, the condition that held, which the ? page's "Diagnosis
// and the measurements behind it" gives every finding), and pending,
// where set, after a dot: the events have none of it yet.
func findingText(f session.Finding, detail bool, pending string) string {
	glyph, st := "!", styleCaution
	switch f.Kind {
	case session.Runaway:
		glyph, st = "✗", styleWarn
	case session.DIndifferent, session.AtNoiseFloor:
		glyph, st = "✓", styleGood
	}
	text := st.Render(glyph) + " " + f.Text
	if detail && f.Detail != "" {
		text += styleMuted.Render(" — " + f.Detail)
	}
	if pending != "" {
		text += styleMuted.Render(" · " + pending)
	}
	return text
}

// pendingNote says of a finding of kind k whose start s gives as no event yet
// (Snapshot.Pending) when the events will have it, as the headless finding
// line's pending field does (Pending.Note): "new at epoch 250: an event if it
// holds at 260", where the latest check saw it first, or "new: an event if it
// holds at 250 and 260", where no check has seen it yet; short, "new: ◆ if
// it holds", for a finding named by its head in a narrow row, or where the
// long note would take the finding a row more (120×40): in the mark the time
// axis and the glossary's "◆ in charts" use, it says what the mark waits on,
// as the long note does, in the room that "together under 0.1 · " leaves at
// 120 columns. It is
// "" for a finding the events have. It tells a learner who saw D win and
// pressed < or > why there is no event of it yet.
func pendingNote(s *session.Snapshot, k session.FindingKind, short bool) string {
	p, ok := s.PendingOf(k)
	switch {
	case !ok || len(p.Checks) == 0:
		return ""
	case short:
		return "new: ◆ if it holds"
	}
	return p.Note()
}
