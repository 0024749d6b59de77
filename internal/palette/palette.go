// Package palette names ganui's colours, once, for the trainer's screen
// and for its figures: each meaning has one colour, and the screen (tui,
// through lipgloss) and the figure (figure, through gonum/plot) read it
// here, so that a figure saved after watching the screen reads as the
// screen did. It holds plain values and no terminal or plotting code;
// each reader adapts them (tui/styles.go, figure's paper).
//
// One colour means one thing in every panel of the screen and the figure:
//
//	real data and the target  Real       orange  (D's loss on real data,
//	                                              the target's mean and
//	                                              std, its density and
//	                                              points, the expected
//	                                              counts, the Q-Q diagonal)
//	generated samples         Generated  blue    (D's loss on generated
//	                                              data, the generated mean
//	                                              and std, the bars, G's
//	                                              points, the Q-Q points)
//	D                         D          purple  (D(x), the push dD/dx)
//	G                         G          teal    (G's loss, the curve G(z))
//
// Green and red are kept for better and worse, yellow for a warning, the
// accent for the program's own marks (titles, the selected setting, an
// event on a time axis). Nothing depends on colour alone: without colour
// (NO_COLOR) the screen's marks such as ›, the legend glyphs, ░ and the
// arrows still carry the meaning, and the figure's legends name each line.
//
// Every colour is given in true colour, in 256 colours and in 16, for
// light and dark terminals. The 256 and 16 are chosen, not left to the
// nearest match, which would make one colour of two meanings: in 256, on
// dark, real data's orange and worse's red one salmon, and the greys
// tinted teal and lilac; in 16, the muted words the blue of generated
// samples (dark) or the teal of G (light), the warning yellow the red of
// worse, the faint axes white on a white terminal, real data's orange the
// warnings' yellow, D's purple the accent's. In 16 the greys are bright
// black (a pinned baseline plain black on light terminals and plain white
// on dark ones, apart from the references) and plain text the terminal's
// own; 16 colours have six hues for
// eight meanings, so two pairs share a hue at its two brightnesses:
// orange is the red that worse does not take, for worse meets real data
// only in the plane's mode map (·· missed), where the warnings' yellow
// would meet it too (██ over its due) and on every chart (┊ the replayed
// epoch); D's purple is the magenta the accent does not take. A mark
// always says what colour can not. On a light terminal 16 colours' yellow,
// green and cyan are too pale to read on white (1.7 to 2.2:1 in xterm's
// own) and have no darker variants: the screen draws them behind its text
// (tui's inked), as badges, and keeps the 16-colour numbers given here.
// G's is bright cyan there, the paler of the two: its curves are braille
// drawn on it cell by cell, and on plain cyan they read as a heavy bar;
// the replayed epoch's column, a ┊ in each row, is on bright yellow for
// the same reason.
//
// A figure is read on white: it draws the light variants' true colours.
//
// The pairs a learner tells apart on one chart by colour alone — the
// losses' real, generated and G; the bars and the target; G's samples,
// the target and D's push on the plane — stay 20 ΔE*ab apart in true
// colour for every eye: normal, and as a protanope, a deuteranope and a
// tritanope sees them (Machado, Oliveira and Fernandes 2009, full
// severity; colourblind_test.go).
//
// A sweep's heat map is the one drawing outside this palette: its pale
// yellow to dark red is a distance's scale (median KS, or sliced W1),
// lowest palest, highest darkest, one way, on a figure with no real data,
// samples, D or G for its colours to be taken for; its red, the greatest
// distance, is the worse end, as the palette's red is (figure's
// heatScale).
package palette

// Colour is one meaning's colour, on light backgrounds and dark ones.
// The zero Colour is no colour: the background's own.
type Colour struct{ Light, Dark Variant }

// Variant is a colour on one background, in each of a terminal's colour
// profiles. An empty field is no colour in that profile: for plain text
// the terminal's own, for D's surface no shade.
type Variant struct {
	TrueColor string // #RRGGBB
	ANSI256   string // one of 16…255, chosen, not the nearest match
	ANSI      string // one of 0…15
}

// The meanings: every colour the screen and the figure draw in is one of
// these, or a role below that takes one's colour.
var (
	// Real is real data and the target. Orange, warm, against the
	// generated samples' cool blue: the two sides of every comparison
	// are the two ends of the colour wheel. In 256 colours on dark
	// terminals the lighter 215 (#FFAF5F), not the nearer 208 (#FF8700):
	// the target's points fall on D's sure real shade, 94 (#875F00),
	// where 208 read at 2.4:1 and 215 reads at 3.2:1, still 31 ΔE*ab
	// from the warnings' 178. On light terminals the darker 130
	// (#AF5F00), not the nearer 166 (#D75F00): the target's points fall
	// on D's pale shades, the palest the 256 have, where 166 read at 2.7
	// to 2.9:1 (2.5:1 on 153) and 130 reads at 3.1:1 and more. 130 is
	// 19.9 ΔE*ab from the warnings' 94 (#875F00), the lighter and redder
	// of the two, under the 20 that colours told apart by colour alone
	// keep (colourblind_test.go): the target and a warning never are,
	// their marks told apart where they meet (the target's ⣿ and ┈, the
	// replayed epoch's ┊, a mode's ██ over its due).
	Real = Colour{Light: Variant{"#BC4C00", "130", "9"}, Dark: Variant{"#F0883E", "215", "1"}}
	// Generated is G's samples and what is measured on them.
	Generated = Colour{Light: Variant{"#0969DA", "26", "4"}, Dark: Variant{"#58A6FF", "75", "12"}}
	// GeneratedSecond is the second of two generated series drawn side
	// by side — the std beside the mean, y beside x: the generated blue,
	// darker on white and lighter on black, so that the pair reads as one
	// side and still as two lines.
	GeneratedSecond = Colour{Light: Variant{"#033D8B", "24", "4"}, Dark: Variant{"#A5D6FF", "153", "12"}}
	// D is the discriminator's own: purple, neither side's, for D
	// judges both; darker on white and pinker on black than it was
	// (#A626A4, #E58EE6), for to a protanope that purple was the
	// generated blue, D's push one with G's samples it starts from
	// (ΔE*ab 17 on white, 9 on black; colourblind_test.go).
	D = Colour{Light: Variant{"#960C90", "90", "13"}, Dark: Variant{"#E490CC", "175", "5"}}
	// G is the generator's loss and its curve G(z): teal, apart from
	// the generated samples' blue, for G's loss is not a measure of the
	// samples; darker on white and lighter on black than the blue, for
	// to a tritanope a teal of the blue's lightness (#0F7B7B, #39C5CF)
	// was the blue, G's loss one curve with D's on generated data
	// (ΔE*ab 14 and 12). In 16 colours on a light terminal bright cyan,
	// 14 (#00FFFF), behind the text (tui's inked): 1.25:1 from white,
	// where plain cyan, 6 (#00CDCD), 1.98:1, drew G's curves as a bar.
	G = Colour{Light: Variant{"#005A5A", "23", "14"}, Dark: Variant{"#5AEAF6", "87", "14"}}

	// Accent is the program's own marks: titles, the selected setting,
	// the finished state, the app's name. A violet no data takes.
	Accent = Colour{Light: Variant{"#5B3CC4", "62", "5"}, Dark: Variant{"#A991FF", "141", "13"}}
	// OnAccent is words written on the accent (the app's name in the
	// header): white on the light terminal's violet, near black on the
	// dark one's lilac.
	OnAccent = Colour{Light: Variant{"#FFFFFF", "231", "15"}, Dark: Variant{"#1F2328", "232", "0"}}
	// Text is plain text and numbers that are neither side's (KS, the
	// trends' bars); "" in 16 colours: the terminal's own.
	Text = Colour{Light: Variant{"#1F2328", "232", ""}, Dark: Variant{"#E6EDF3", "255", ""}}
	// Muted is words that say what the numbers are, and lines that are
	// references, not data: grey, read at 4.5:1.
	Muted = Colour{Light: Variant{"#6E7781", "243", "8"}, Dark: Variant{"#8B949E", "246", "8"}}
	// Faint is the axes: decoration, the lightest grey.
	Faint = Colour{Light: Variant{"#AFB8C1", "145", "8"}, Dark: Variant{"#484F58", "59", "8"}}
	// Idle is a key that cannot act now, and why, on the keys page: words
	// a newcomer reads to learn what the keys do, so grey at 3:1 and more,
	// fainter than the muted words beside them but not the axes' 2:1.
	Idle = Colour{Light: Variant{"#8C959F", "246", "8"}, Dark: Variant{"#656C76", "242", "8"}}
	// Baseline is a pinned baseline's curves and outline: grey, for it is
	// another run's, and fainter than the references' muted grey by 1.8
	// times in contrast or more, so that its curves read at a glance
	// apart from the lines they run along (ln 2 on the losses chart, a
	// target's dotted line): at #818B98 (256: 102) beside the muted
	// #6E7781 (243), 3.45:1 beside 4.55:1 on white, and #6E7681 (243)
	// beside #8B949E (246) on black, they were one grey. On white it is
	// the figure's baseline grey, 2.2:1, near the axes' but never on
	// them; on black 3.4:1. 16 colours have one grey, bright black, which
	// the references keep: the baseline takes plain black on a light
	// terminal and plain white on a dark one, apart from it.
	Baseline = Colour{Light: Variant{"#A7AEB7", "248", "0"}, Dark: Variant{"#5A626C", "241", "7"}}
	// Better is a finding or a change for the better.
	Better = Colour{Light: Variant{"#1A7F37", "29", "2"}, Dark: Variant{"#3FB950", "71", "10"}}
	// Warning is a finding to watch, and the pause.
	Warning = Colour{Light: Variant{"#9A6700", "94", "3"}, Dark: Variant{"#D29922", "178", "11"}}
	// Worse is a finding or a change for the worse, and divergence.
	Worse = Colour{Light: Variant{"#CF222E", "160", "1"}, Dark: Variant{"#FF7B72", "203", "9"}}
)

// The roles that take a meaning's colour, and why.
var (
	// DOnReal is D's loss on real data: D's verdict on the real side.
	DOnReal = Real
	// DOnGenerated is D's loss on generated data: its verdict on G's.
	DOnGenerated = Generated
	// DScore is D(x), D's score over the data's range: D's own.
	DScore = D
	// Push is D's push on G's samples, dD/dx: D's gradient, D's own.
	Push = D
	// Event is an event's mark on a time axis (a retune, a reseed, a
	// roll-back, a mode dropped): the program's note on the run, neither
	// side's data, so the accent, apart from the grey of the references
	// (Balance) that cross the same charts.
	Event = Accent
	// Replay is the replayed epoch's column on the charts: the warnings'
	// yellow, which no series takes, for the screen shows the past. In 16
	// colours on a light terminal bright yellow, 11 (#FFFF00), behind the
	// text (tui's inked), where the warnings' is plain yellow, 3
	// (#CDCD00): the column is a ┊ in each row of a chart, each cell drawn
	// on it, and on plain yellow, 1.70:1 from white, it read as a heavy bar
	// down the charts, as G's curves did on plain cyan (G); on bright
	// yellow, 1.07:1, a dotted line on a tint, as the column is drawn in
	// yellow on a dark terminal. The replay's header, "◀ replay epoch
	// 130", is on the same yellow, as the column it names.
	Replay = Colour{Light: Variant{Warning.Light.TrueColor, Warning.Light.ANSI256, "11"}, Dark: Warning.Dark}
	// Balance is the level D's losses sit at when D cannot tell the two
	// sides apart (ln 2 for the BCE loss): a reference, not data, so
	// muted.
	Balance = Muted
)

// D's decision surface in the 2-D view shades the background on a scale
// that diverges from D's indifference, ½, which has no shade: bluer where
// D says a point is generated, more orange where it says real. The shades
// stay faint so the dots over them keep their colours.
//
// In 256 colours each shade is named, so that the four stay apart (the
// nearest colours to the faint dark shades are one grey); 16 colours have
// no faint shades, and the screen draws the surface's boundary there, as
// it does without colour. The 256 have no dark orange under 94 (#875f00),
// so on dark terminals the sure real shade is 94 and the leaning one the
// darkest warm colour, 52; 130, the next orange, would hide the target's
// orange dots over it (2:1), and 88, a dark red, would read as worse,
// not as real. Real data's 256 colour on dark terminals is chosen to read
// over 94 (Real), and on light terminals over the pale shades (Real).
var (
	// SurfaceGenerated is where D is sure a point is generated.
	SurfaceGenerated = Colour{Light: Variant{"#C9DEF7", "153", ""}, Dark: Variant{"#0B2A4A", "18", ""}}
	// SurfaceLeanGenerated is where D leans to generated.
	SurfaceLeanGenerated = Colour{Light: Variant{"#E6F0FC", "189", ""}, Dark: Variant{"#131C29", "17", ""}}
	// SurfaceUndecided is where D cannot tell, around ½: no shade.
	SurfaceUndecided = Colour{}
	// SurfaceLeanReal is where D leans to real.
	SurfaceLeanReal = Colour{Light: Variant{"#FCEEE0", "224", ""}, Dark: Variant{"#2A1E10", "52", ""}}
	// SurfaceReal is where D is sure a point is real.
	SurfaceReal = Colour{Light: Variant{"#F7D6B5", "223", ""}, Dark: Variant{"#4A2C0D", "94", ""}}

	// Surface is the surface's shades by fifths of D's score, from sure
	// generated (0) to sure real (4).
	Surface = [...]Colour{SurfaceGenerated, SurfaceLeanGenerated, SurfaceUndecided, SurfaceLeanReal, SurfaceReal}
)
