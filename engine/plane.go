package engine

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ganui/ganui/internal/inputfile"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/visible"
)

// Plane is a two-dimensional distribution a generator learns to imitate:
// the toy targets of GAN Lab and the ring and grid benchmarks of mode
// collapse. Unlike a Target it has no analytic CDF; its metrics compare a
// generated sample with a large reference sample (see PlaneMetrics).
type Plane interface {
	// Sample draws one point using rng.
	Sample(rng *rand.Rand) (x, y float64)
	// Bounds is the box ganui shows the plane in: square, centred on the
	// target, with a margin around where its mass lies.
	Bounds() Box
	// String is the spec ParseTarget reads back, e.g. "ring(8,2,0.02)".
	String() string
}

// Box is an axis-aligned rectangle of the plane.
type Box struct{ X0, X1, Y0, Y1 float64 }

// Contains tells whether (x, y) lies in b, its edges included; a point
// not a number lies in no box. It is the one meaning of "beyond the box"
// wherever G's samples are counted beyond a plane's box, the trainer's
// plane and a figure's panel (d) alike, so that the two never disagree
// on a sample on the box's right or bottom edge.
func (b Box) Contains(x, y float64) bool {
	return x >= b.X0 && x <= b.X1 && y >= b.Y0 && y <= b.Y1
}

// Spot is one mode of a two-dimensional target: an isotropic Gaussian at
// (X, Y) with standard deviation Std per axis and weight Weight.
type Spot struct{ X, Y, Std, Weight float64 }

// Spotted is implemented by planes made of separate Gaussian modes (ring,
// grid), against which modes captured and high-quality samples are
// measured (see PlaneMetrics).
type Spotted interface {
	Spots() []Spot
}

// squareBox returns the square box centred on the centre of b that holds
// b with a margin of a tenth of its larger side on each side.
func squareBox(b Box) Box {
	cx, cy := (b.X0+b.X1)/2, (b.Y0+b.Y1)/2
	half := math.Max(b.X1-b.X0, b.Y1-b.Y0) / 2
	if !(half > 0) {
		half = 1
	}
	half *= 1.2
	return Box{cx - half, cx + half, cy - half, cy + half}
}

// spotsBox is the box of spots' centres ± 4 of their σ.
func spotsBox(spots []Spot) Box {
	b := Box{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	for _, s := range spots {
		b.X0, b.X1 = math.Min(b.X0, s.X-4*s.Std), math.Max(b.X1, s.X+4*s.Std)
		b.Y0, b.Y1 = math.Min(b.Y0, s.Y-4*s.Std), math.Max(b.Y1, s.Y+4*s.Std)
	}
	return squareBox(b)
}

// sampleSpot draws from the equal-weight mixture of spots.
func sampleSpot(spots []Spot, rng *rand.Rand) (x, y float64) {
	s := spots[rng.IntN(len(spots))]
	return s.X + s.Std*rng.NormFloat64(), s.Y + s.Std*rng.NormFloat64()
}

// Ring is K equal Gaussians N((R cos θ_k, R sin θ_k), σ²I) with
// θ_k = 2πk/K: the ring benchmark of Metz et al. 2017 ("Unrolled GANs",
// 8 modes, radius 2, σ 0.02) and of VEEGAN and PacGAN (8 modes, radius
// 1, σ 0.01 in their code).
type Ring struct {
	K          int
	R, Sigma   float64
	spotsCache []Spot
}

// NewRing returns the ring of k modes of radius r and std sigma.
func NewRing(k int, r, sigma float64) Ring {
	spots := make([]Spot, k)
	for i := range spots {
		th := 2 * math.Pi * float64(i) / float64(k)
		spots[i] = Spot{X: snap(r * math.Cos(th)), Y: snap(r * math.Sin(th)), Std: sigma, Weight: 1 / float64(k)}
	}
	return Ring{K: k, R: r, Sigma: sigma, spotsCache: spots}
}

// snap rounds the last bits of cos and sin away, where π/2 leaves 6e-17
// in place of 0.
func snap(v float64) float64 { return math.Round(v*1e12)/1e12 + 0 } // + 0 turns −0 into 0

// Sample picks a mode uniformly and draws from it.
func (d Ring) Sample(rng *rand.Rand) (x, y float64) { return sampleSpot(d.spotsCache, rng) }

// Spots returns the K modes.
func (d Ring) Spots() []Spot { return append([]Spot(nil), d.spotsCache...) }

// Bounds holds the ring and 4σ around it.
func (d Ring) Bounds() Box { return spotsBox(d.spotsCache) }

func (d Ring) String() string {
	return "ring(" + strconv.Itoa(d.K) + "," + fmtNum(d.R) + "," + fmtNum(d.Sigma) + ")"
}

// Grid is N×N equal Gaussians on a square lattice of spacing S centred on
// the origin, σ per axis: the grid benchmark of VEEGAN and PacGAN (5×5,
// spacing 2, so centres at −4, −2, 0, 2, 4; σ 0.05).
type Grid struct {
	N          int
	Spacing    float64
	Sigma      float64
	spotsCache []Spot
}

// NewGrid returns the n×n grid of spacing s and std sigma.
func NewGrid(n int, s, sigma float64) Grid {
	spots := make([]Spot, 0, n*n)
	off := float64(n-1) / 2
	for i := range n {
		for j := range n {
			spots = append(spots, Spot{X: (float64(i) - off) * s, Y: (float64(j) - off) * s, Std: sigma, Weight: 1 / float64(n*n)})
		}
	}
	return Grid{N: n, Spacing: s, Sigma: sigma, spotsCache: spots}
}

// Sample picks a mode uniformly and draws from it.
func (d Grid) Sample(rng *rand.Rand) (x, y float64) { return sampleSpot(d.spotsCache, rng) }

// Spots returns the N² modes, column by column from the lower left.
func (d Grid) Spots() []Spot { return append([]Spot(nil), d.spotsCache...) }

// Bounds holds the grid and 4σ around it.
func (d Grid) Bounds() Box { return spotsBox(d.spotsCache) }

func (d Grid) String() string {
	return "grid(" + strconv.Itoa(d.N) + "," + fmtNum(d.Spacing) + "," + fmtNum(d.Sigma) + ")"
}

// Moons is scikit-learn's make_moons: two interleaving half circles of
// radius 1, the upper one centred on (0, 0) and the lower on (1, 0.5),
// each point moved by Gaussian noise of std Sigma per axis.
type Moons struct{ Sigma float64 }

// Sample picks a moon with probability ½ and a uniform angle on it.
func (d Moons) Sample(rng *rand.Rand) (x, y float64) {
	t := math.Pi * rng.Float64()
	if rng.IntN(2) == 0 {
		x, y = math.Cos(t), math.Sin(t)
	} else {
		x, y = 1-math.Cos(t), 0.5-math.Sin(t)
	}
	return x + d.Sigma*rng.NormFloat64(), y + d.Sigma*rng.NormFloat64()
}

// Bounds holds both moons with 3σ of noise.
func (d Moons) Bounds() Box {
	m := 3 * d.Sigma
	return squareBox(Box{-1 - m, 2 + m, -0.5 - m, 1 + m})
}

func (d Moons) String() string { return "moons(" + fmtNum(d.Sigma) + ")" }

// Spiral is an Archimedean spiral of Turns turns out to radius 1: a point
// t·(cos 2πTt, sin 2πTt) with t uniform on [0, 1), moved by Gaussian noise
// of std Sigma per axis.
type Spiral struct{ Turns, Sigma float64 }

// Sample draws t uniformly and the point of the spiral at t, with noise.
func (d Spiral) Sample(rng *rand.Rand) (x, y float64) {
	t := rng.Float64()
	th := 2 * math.Pi * d.Turns * t
	return t*math.Cos(th) + d.Sigma*rng.NormFloat64(), t*math.Sin(th) + d.Sigma*rng.NormFloat64()
}

// Bounds holds the unit disc with 3σ of noise.
func (d Spiral) Bounds() Box {
	m := 1 + 3*d.Sigma
	return squareBox(Box{-m, m, -m, m})
}

func (d Spiral) String() string {
	return "spiral(" + fmtNum(d.Turns) + "," + fmtNum(d.Sigma) + ")"
}

// Gaussian2 is the bivariate normal with means (MX, MY), standard
// deviations SX, SY and correlation Rho:
//
//	x = MX + SX·z₁,  y = MY + SY·(ρ·z₁ + √(1−ρ²)·z₂)
type Gaussian2 struct{ MX, MY, SX, SY, Rho float64 }

// Sample draws (x, y) from two independent standard normals as above.
func (d Gaussian2) Sample(rng *rand.Rand) (x, y float64) {
	z1, z2 := rng.NormFloat64(), rng.NormFloat64()
	return d.MX + d.SX*z1, d.MY + d.SY*(d.Rho*z1+math.Sqrt(1-d.Rho*d.Rho)*z2)
}

// Bounds holds the means ± 3.5 standard deviations per axis.
func (d Gaussian2) Bounds() Box {
	return squareBox(Box{d.MX - 3.5*d.SX, d.MX + 3.5*d.SX, d.MY - 3.5*d.SY, d.MY + 3.5*d.SY})
}

func (d Gaussian2) String() string {
	return "gaussian2(" + fmtNum(d.MX) + "," + fmtNum(d.MY) + "," + fmtNum(d.SX) + "," + fmtNum(d.SY) + "," + fmtNum(d.Rho) + ")"
}

// Line is the segment from (X0, Y0) to (X1, Y1), a point uniform on it
// moved by Gaussian noise of std Sigma per axis.
type Line struct{ X0, Y0, X1, Y1, Sigma float64 }

// Sample draws a uniform point of the segment, with noise.
func (d Line) Sample(rng *rand.Rand) (x, y float64) {
	t := rng.Float64()
	return d.X0 + t*(d.X1-d.X0) + d.Sigma*rng.NormFloat64(), d.Y0 + t*(d.Y1-d.Y0) + d.Sigma*rng.NormFloat64()
}

// Bounds holds the segment with 3σ of noise.
func (d Line) Bounds() Box {
	m := 3 * d.Sigma
	return squareBox(Box{math.Min(d.X0, d.X1) - m, math.Max(d.X0, d.X1) + m, math.Min(d.Y0, d.Y1) - m, math.Max(d.Y0, d.Y1) + m})
}

func (d Line) String() string {
	return "line(" + fmtNum(d.X0) + "," + fmtNum(d.Y0) + "," + fmtNum(d.X1) + "," + fmtNum(d.Y1) + "," + fmtNum(d.Sigma) + ")"
}

// Points is the user's own data: the empirical distribution of the rows
// of a CSV file, each drawn with equal probability.
type Points struct {
	Path string
	XY   []float64 // x₀, y₀, x₁, y₁, …
}

// Sample draws one of the points uniformly.
func (d Points) Sample(rng *rand.Rand) (x, y float64) {
	i := rng.IntN(len(d.XY) / 2)
	return d.XY[2*i], d.XY[2*i+1]
}

// Bounds holds every point.
func (d Points) Bounds() Box {
	b := Box{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	for i := 0; i < len(d.XY); i += 2 {
		b.X0, b.X1 = math.Min(b.X0, d.XY[i]), math.Max(b.X1, d.XY[i])
		b.Y0, b.Y1 = math.Min(b.Y0, d.XY[i+1]), math.Max(b.Y1, d.XY[i+1])
	}
	return squareBox(b)
}

func (d Points) String() string { return "points(" + d.Path + ")" }

// PlaneMoments returns the mean and standard deviation of each coordinate
// of the target p, exactly: from the modes of a mixture of Gaussians (ring,
// grid), from the data of points, and in closed form or by quadrature over
// the curve's parameter (moons, spiral, line) with the noise's σ² added.
// A sample would give other values for every seed.
func PlaneMoments(p Plane) (mx, my, sx, sy float64) {
	var xx, yy float64 // second moments about the origin
	switch d := p.(type) {
	case Spotted:
		var w float64
		for _, s := range d.Spots() {
			w += s.Weight
			mx, my = mx+s.Weight*s.X, my+s.Weight*s.Y
			xx, yy = xx+s.Weight*(s.X*s.X+s.Std*s.Std), yy+s.Weight*(s.Y*s.Y+s.Std*s.Std)
		}
		mx, my, xx, yy = mx/w, my/w, xx/w, yy/w
	case Points:
		n := float64(len(d.XY) / 2)
		for i := 0; i+1 < len(d.XY); i += 2 {
			x, y := d.XY[i], d.XY[i+1]
			mx, my, xx, yy = mx+x, my+y, xx+x*x, yy+y*y
		}
		mx, my, xx, yy = mx/n, my/n, xx/n, yy/n
	case Gaussian2:
		return d.MX, d.MY, d.SX, d.SY
	case Moons:
		// Upper half circle (cos t, sin t) and lower (1 − cos t, ½ − sin t),
		// t uniform on [0, π]: E cos t = 0, E sin t = 2/π, E cos² t = E sin² t = ½.
		mx, my = 0.5, 0.25
		xx, yy = 1, 0.625-1/math.Pi
		xx, yy = xx+d.Sigma*d.Sigma, yy+d.Sigma*d.Sigma
	default: // a curve of t uniform on [0, 1] (spiral, line) with noise σ
		mx, my, xx, yy = curveMoments(p)
	}
	return cleanMoment(mx), cleanMoment(my), math.Sqrt(math.Max(0, xx-mx*mx)), math.Sqrt(math.Max(0, yy-my*my))
}

// curveMoments integrates the first and second moments of a spiral's or a
// line's points over their parameter t, uniform on [0, 1], by Simpson's
// rule (the integrands are smooth; 4,096 intervals are exact to far past
// what the screen shows), the noise's σ² added to the second.
func curveMoments(p Plane) (mx, my, xx, yy float64) {
	var at func(t float64) (x, y float64)
	var sigma float64
	switch d := p.(type) {
	case Spiral:
		at = func(t float64) (float64, float64) {
			th := 2 * math.Pi * d.Turns * t
			return t * math.Cos(th), t * math.Sin(th)
		}
		sigma = d.Sigma
	case Line:
		at = func(t float64) (float64, float64) { return d.X0 + t*(d.X1-d.X0), d.Y0 + t*(d.Y1-d.Y0) }
		sigma = d.Sigma
	default:
		return math.NaN(), math.NaN(), math.NaN(), math.NaN()
	}
	const n = 4096
	for i := 0; i <= n; i++ {
		w := 2.0 + 2*float64(i%2) // Simpson's 1, 4, 2, 4, …, 4, 1
		if i == 0 || i == n {
			w = 1
		}
		x, y := at(float64(i) / n)
		mx, my, xx, yy = mx+w*x, my+w*y, xx+w*x*x, yy+w*y*y
	}
	h := 1.0 / (3 * n)
	return mx * h, my * h, xx*h + sigma*sigma, yy*h + sigma*sigma
}

// cleanMoment makes a mean that is zero but for rounding (a ring's) zero.
func cleanMoment(v float64) float64 {
	if math.Abs(v) < 1e-12 {
		return 0
	}
	return v
}

// Limits on points files: at least MinPoints rows, at most MaxPoints,
// at most MaxPointsFile bytes, and lines of at most MaxPointsLine bytes
// (two numbers of a row take under a hundred; the CSV reader holds a
// line whole, a few times over: a file of one 64 MiB line would take
// 440 MB to refuse).
const (
	MinPoints     = 2
	MaxPoints     = 1_000_000
	MaxPointsFile = 64 << 20
	MaxPointsLine = 4 << 10
)

// planeKinds lists the two-dimensional target specs ParseTarget accepts.
var planeKinds = []string{
	"ring(modes,radius,std)",
	"grid(n,spacing,std)",
	"moons(noise)",
	"spiral(turns,noise)",
	"gaussian2(mx,my,sx,sy,rho)",
	"line(x0,y0,x1,y1,noise)",
	"points(FILE.csv)",
}

// planeNames are the kinds of planeKinds.
var planeNames = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range planeKinds {
		m[k[:strings.IndexByte(k, '(')]] = true
	}
	return m
}()

// TargetDim returns the dimension of the samples of the target spec: 2
// for the plane kinds (ParsePlane), 1 for every other spec. It does not
// check the spec.
func TargetDim(spec string) int {
	if name, _, err := splitCall(spec); err == nil && planeNames[name] {
		return 2
	}
	return 1
}

// PointsFile returns the file a points(FILE.csv) target spec reads, and
// whether spec is one: an input, which no output may replace. The path
// is as written, spaces and all: ParsePlane refuses spaces around it, so
// that a target that has been read has none, and one not read yet (a
// preset file's, whose relative path is made its directory's) keeps them
// for ParsePlane to refuse as written.
func PointsFile(spec string) (string, bool) {
	name, body, err := splitCall(spec)
	if err != nil || name != "points" {
		return "", false
	}
	return body, true
}

// AbsPoints returns spec with a points(FILE.csv) target's relative path
// made absolute, from the working directory, where this process reads it:
// for a file that another process may read from another directory (a
// checkpoint, a preset file), which would take a relative path from its
// own. Every other spec comes back as it is. The error is the working
// directory's, when it cannot be had.
func AbsPoints(spec string) (string, error) {
	path, ok := PointsFile(spec)
	if !ok || path == "" || filepath.IsAbs(path) {
		return spec, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("the points file %s: %w", path, err)
	}
	return Points{Path: abs}.String(), nil
}

// PointsName refuses the name of the file a points(FILE.csv) target spec
// reads, before the file is read: spaces around it, a bidirectional
// formatting character in it, or a ~ no shell expanded; nil for any other
// name, and for a spec that is no points target. dir is the directory the
// name is read from, where a directory ~ (or ~name) is the name's
// (inputfile.TildeLeft): "." for ParsePlane's, --set's and --sweep's
// target; a preset file's own directory for the name in it
// (presets.Parse), so that a directory ~ in the working directory is not
// taken for a name the file's directory has none of.
func PointsName(dir, spec string) error {
	path, ok := PointsFile(spec)
	if !ok {
		return nil
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("target %q: "+format, append([]any{spec}, a...)...)
	}
	// Spaces around the path, or a control character in it, are
	// refused, as in every file's name ganui is given
	// (inputfile.CheckName): trimmed, points( q.csv) would read q.csv
	// where the file is " q.csv"; one that begins with a space is
	// named ./ q.csv.
	if err := inputfile.CheckName(path); err != nil && strings.TrimSpace(path) != "" {
		return bad("%v", err)
	}
	// The spec is the target's name on the screen and in a preset
	// file, text that must show as itself, as a preset's name must
	// (checkLine): a bidirectional formatting character in the
	// file's name, written raw in the plane's legend, would reorder
	// what the terminal shows after it.
	if i := strings.IndexFunc(path, visible.Hidden); i >= 0 {
		r, _ := utf8.DecodeRuneInString(path[i:])
		return bad("the file's name holds the bidirectional formatting character %U (%s), which reorders the text a terminal shows after it, where the screen names the target; rename the file", r, strconv.QuoteRune(r))
	}
	path = strings.TrimSpace(path)
	// A ~ no shell expanded (in --set's value, or a preset file's)
	// is said, with the file's whole path, by the rule and message a
	// flag's --log=~/a.csv is told by, where it was "no such file or
	// directory".
	if t, ok := inputfile.TildeLeft(dir, path); ok {
		return bad("%s", t.SayInWord("d.csv", func(p string) string { return Points{Path: p}.String() }))
	}
	return nil
}

// MaxPlaneModes is the most modes a ring or a grid may have.
const MaxPlaneModes = 400

// readPointsFile reads a points target's file for ParsePlane: a test
// counts the reads through it.
var readPointsFile = inputfile.ReadAll

// ParsePlane reads a two-dimensional target spec:
//
//	ring(k,r,σ)            k Gaussians of std σ evenly on the circle of radius r
//	grid(n,s,σ)            n×n Gaussians of std σ, spacing s, centred on 0
//	moons(σ)               scikit-learn's two moons with noise σ
//	spiral(turns,σ)        a spiral of radius 1 with noise σ
//	gaussian2(mx,my,sx,sy,ρ)  a correlated bivariate normal
//	line(x0,y0,x1,y1,σ)    a segment with noise σ
//	points(FILE.csv)       the rows of a CSV file (see ParsePoints)
//
// points reads its file here, through the same checks as every file ganui
// reads: a regular file of at most MaxPointsFile bytes. A spread the
// float32 the engine computes with would cut into a few values where the
// samples lie is refused (spreadCheck; pointsSpread for points).
func ParsePlane(spec string) (Plane, error) {
	name, body, err := splitCall(spec)
	if err != nil {
		return nil, err
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("target %q: "+format, append([]any{spec}, a...)...)
	}
	if path, ok := PointsFile(spec); ok {
		if err := PointsName(".", spec); err != nil {
			return nil, err
		}
		path = strings.TrimSpace(path) // points( ) names no file, which ReadAll says
		data, err := readPointsFile(path, MaxPointsFile)
		if big := (*inputfile.TooLarge)(nil); errors.As(err, &big) {
			return nil, bad("%v: %s", inputfile.Unnamed(err, path), thinning(path, ceilDiv(big.Size, MaxPointsFile)))
		}
		if err != nil {
			return nil, fmt.Errorf("target %q: %w", spec, inputfile.Unnamed(err, path)) // the spec names the file; wrapped: fs.ErrNotExist stays findable
		}
		xy, err := ParsePoints(data)
		if many := (*manyRows)(nil); errors.As(err, &many) {
			return nil, bad("%v: %s", err, thinning(path, ceilDiv(many.lines, MaxPoints)))
		}
		if err == nil {
			err = pointsSpread(xy)
		}
		if err != nil {
			return nil, bad("%v", err)
		}
		return Points{Path: path, XY: xy}, nil
	}
	// The kind's own checks come first, what each argument is and its
	// range, then the rule for every number (boundNums).
	args, err := readNums(body)
	if err != nil {
		return nil, bad("%v%s", err, spacedArgs(name, body, func(spec string) error { _, err := ParsePlane(spec); return err }))
	}
	want := func(n int, form string) error {
		if len(args) != n {
			return bad("%s takes %s", name, form)
		}
		return nil
	}
	positive := func(v float64, what string) error {
		if !(v > 0) {
			return bad("%s must be positive", what)
		}
		if err := tooNear32(what, v); err != nil {
			return bad("%v", err)
		}
		return nil
	}
	integer := func(v float64, lo, hi int, what string) error {
		if v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
			return bad("%s must be a whole number from %d to %d", what, lo, hi)
		}
		return nil
	}
	var p Plane
	var spreads []func() error // each spreadCheck, once every number is in range (boundNums)
	fine := func(c spreadCheck, v float64) { spreads = append(spreads, func() error { return c.check(v) }) }
	switch name {
	case "ring":
		if err := want(3, "(modes,radius,std)"); err != nil {
			return nil, err
		}
		if err := firstErr(integer(args[0], 1, MaxPlaneModes, "modes"), positive(args[1], "radius"), positive(args[2], "std")); err != nil {
			return nil, err
		}
		fine(normalCheck("std", args[1], ", or a smaller radius"), args[2])
		p = NewRing(int(args[0]), args[1], args[2])
	case "grid":
		if err := want(3, "(n,spacing,std)"); err != nil {
			return nil, err
		}
		if err := firstErr(integer(args[0], 1, 20, "n"), positive(args[1], "spacing"), positive(args[2], "std")); err != nil {
			return nil, err
		}
		fine(normalCheck("std", (args[0]-1)/2*args[1], ", or a smaller spacing"), args[2]) // its outer modes, (n-1)/2 spacings from 0
		p = NewGrid(int(args[0]), args[1], args[2])
	case "moons":
		if err := want(1, "(noise)"); err != nil {
			return nil, err
		}
		if err := positive(args[0], "noise"); err != nil {
			return nil, err
		}
		fine(normalCheck("noise", 2, ""), args[0]) // the moons reach x = 2
		p = Moons{Sigma: args[0]}
	case "spiral":
		if err := want(2, "(turns,noise)"); err != nil {
			return nil, err
		}
		if err := firstErr(positive(args[0], "turns"), positive(args[1], "noise")); err != nil {
			return nil, err
		}
		if args[0] > 100 {
			return nil, bad("turns must be at most 100")
		}
		fine(normalCheck("noise", 1, ""), args[1]) // a spiral of radius 1
		p = Spiral{Turns: args[0], Sigma: args[1]}
	case "gaussian2":
		if err := want(5, "(mx,my,sx,sy,rho)"); err != nil {
			return nil, err
		}
		if err := firstErr(positive(args[2], "sx"), positive(args[3], "sy")); err != nil {
			return nil, err
		}
		if !(math.Abs(args[4]) < 1) {
			return nil, bad("rho must be in (-1,1)")
		}
		fine(normalCheck("sx", args[0], ", or mx nearer 0"), args[2])
		fine(normalCheck("sy", args[1], ", or my nearer 0"), args[3])
		p = Gaussian2{MX: args[0], MY: args[1], SX: args[2], SY: args[3], Rho: args[4]}
	case "line":
		if err := want(5, "(x0,y0,x1,y1,noise)"); err != nil {
			return nil, err
		}
		if err := positive(args[4], "noise"); err != nil {
			return nil, err
		}
		fine(normalCheck("noise", max(math.Abs(args[0]), math.Abs(args[1]), math.Abs(args[2]), math.Abs(args[3])), ", or the line's ends nearer 0"), args[4])
		p = Line{X0: args[0], Y0: args[1], X1: args[2], Y1: args[3], Sigma: args[4]}
	default:
		return nil, bad("%s", unknownKind(name, body, planeKinds))
	}
	if err := boundNums(body); err != nil {
		return nil, bad("%v", err)
	}
	for _, spread := range spreads {
		if err := spread(); err != nil {
			return nil, bad("%v", err)
		}
	}
	return p, nil
}

// pointsSpread refuses points, x₀, y₀, x₁, y₁, …, whose x or y values
// the float32 the engine computes with would move by more than 0.5% of
// their spread (their std), as a parametric target's rounding is bounded
// (spreadCheck: half a step in minSteps): points 0.001 apart at 1e6,
// where float32's values are 0.0625 apart, would be one or two points.
// Values float32 holds as they are, whole numbers at 1e6 or values that
// are all the same, are taken however little they spread.
func pointsSpread(xy []float64) error {
	for axis, name := range []string{"x", "y"} {
		var sum, moved, at float64
		n, same := float64(len(xy)/2), true
		for i := axis; i < len(xy); i += 2 {
			sum += xy[i]
			same = same && xy[i] == xy[axis]
			if d := math.Abs(xy[i] - float64(float32(xy[i]))); d > moved {
				moved, at = d, xy[i]
			}
		}
		mean, ss := sum/n, 0.0
		for i := axis; i < len(xy); i += 2 {
			ss += (xy[i] - mean) * (xy[i] - mean)
		}
		std := math.Sqrt(ss / n)
		if !same && moved > std/(2*minSteps) { // all the same, their std but for the sum's rounding is 0, as in float32
			return fmt.Errorf("the points' %s values, spread by %s (their std), are moved by up to %s when held as the float32 the engine computes with, whose values at %s are %s apart: more than 0.5%% of their spread; move them nearer 0 (subtract their mean, %s) or scale them up",
				name, numtext.Digits(std, 5), numtext.Digits(moved, 5), numtext.Digits(at, 5), numtext.Digits(step32(at), 5), numtext.Digits(mean, 5))
		}
	}
	return nil
}

// parseAny reads a target spec of either dimension: a Target for one,
// a Plane for two (see TargetDim).
func parseAny(spec string) (Target, Plane, error) {
	if TargetDim(spec) == 2 {
		p, err := ParsePlane(spec)
		return nil, p, err
	}
	t, err := ParseTarget(spec)
	return t, nil, err
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// ParsePoints reads two-dimensional data from CSV: two numeric columns
// per row (x, y), an optional header line whose cells are not numbers,
// and between MinPoints and MaxPoints rows. A line beginning with '#',
// after any spaces or tabs, is a comment, skipped whatever it holds and
// however long (blankComments), as numpy's savetxt writes its
// header and gnuplot's data files their notes: read as a row, one holding
// a space would be refused as separated by spaces, and one holding a
// quote as invalid CSV lines further on. Each value must be a finite
// number of magnitude at most 1e6, so that float32 training stays
// finite. It returns the points as x₀, y₀, x₁, y₁, … and names the line of
// the first problem it finds. A leading byte-order mark, which Excel's
// "CSV UTF-8" writes, is not part of the first cell. A file that is
// not UTF-8 text with LF or CRLF line ends is refused for what it is
// (notPlainText).
func ParsePoints(data []byte) ([]float64, error) {
	xy, err := parsePoints(bytes.TrimPrefix(data, []byte("\ufeff")))
	if err != nil {
		if why := notPlainText(data); why != nil {
			return nil, why
		}
	}
	return xy, err
}

// notPlainText says why data, a points file that did not read, is not
// the UTF-8 text with LF or CRLF line ends that ParsePoints reads, nil
// when it is: UTF-16 text (a spreadsheet's "Unicode text", PowerShell's
// default) or a binary file, which hold NUL bytes, as preset files are
// told (inputfile.NotUTF8Text), and a file whose
// lines end in CR alone (Excel's "CSV (Macintosh)"), which reads as one
// line. Each is told for what it is, not blamed on a cell or a line's
// length: UTF-16's header would pass for a header, then `line 2:
// "\x000\x00" is not a number`; a Mac file of three rows `line 1: 3
// columns`. It is
// asked only of a file that failed, so that it refuses nothing that
// reads.
func notPlainText(data []byte) error {
	if e := inputfile.NotUTF8Text(data); e != nil {
		return fmt.Errorf("line %d: %s; save the file as UTF-8 CSV", e.Line, e.What)
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if i := bytes.IndexByte(first, '\r'); i >= 0 && i < len(first)-1 {
		return errors.New("line 1: its lines end in CR alone, as classic Mac OS wrote them; save the file with LF or CRLF line ends")
	}
	return nil
}

// parsePoints is ParsePoints, of data without its byte-order mark.
func parsePoints(data []byte) ([]float64, error) {
	data = blankComments(data)
	if line := longLine(data); line > 0 {
		return nil, fmt.Errorf("line %d: longer than %s bytes, which no row of two numbers is", line, numtext.FormatInt(MaxPointsLine))
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	r.ReuseRecord = true
	var xy []float64
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("line %d: not valid CSV (%v)", pe.Line, pe.Err)
			}
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if len(rec) != 2 {
			cols := numtext.Count(len(rec), "column")
			if len(rec) == 1 && isText(rec[0], first) {
				return nil, fmt.Errorf("line %d: %s is text, not a row of 2 numbers (x,y); begin a note with #", line, quoteCell(strings.TrimSpace(rec[0])))
			}
			if sep := otherSeparator(rec); sep != "" {
				return nil, fmt.Errorf("line %d: %s, want 2 (x,y) separated by a comma, not by %s", line, cols, sep)
			}
			return nil, fmt.Errorf("line %d: %s, want 2 (x,y)", line, cols)
		}
		x, errX := dataNumber(strings.TrimSpace(rec[0]))
		y, errY := dataNumber(strings.TrimSpace(rec[1]))
		if first && errX != nil && errY != nil {
			continue // a header
		}
		for _, c := range []struct {
			s   string
			v   float64
			err error
		}{{rec[0], x, errX}, {rec[1], y, errY}} {
			switch {
			case c.err != nil && !errors.Is(c.err, strconv.ErrRange):
				return nil, fmt.Errorf("line %d: %s is not a number", line, quoteCell(c.s))
			case c.err == nil && (math.IsNaN(c.v) || math.IsInf(c.v, 0)):
				return nil, fmt.Errorf("line %d: %s is not a finite number", line, quoteCell(c.s))
			case math.Abs(c.v) > maxTargetParam: // 1e400 too, read as an infinity, as a target's argument (boundNums)
				return nil, fmt.Errorf("line %d: %s is too large (at most %s in magnitude)", line, quoteCell(c.s), numtext.FormatFloat(maxTargetParam))
			}
		}
		if len(xy) >= 2*MaxPoints {
			return nil, &manyRows{int64(bytes.Count(data, []byte("\n")) + 1)}
		}
		xy = append(xy, x, y)
	}
	if len(xy) < 2*MinPoints {
		return nil, fmt.Errorf("%s of data, at least %d needed", numtext.Count(len(xy)/2, "row"), MinPoints)
	}
	return xy, nil
}

// manyRows is ParsePoints's refusal of a file of more than MaxPoints
// rows, of lines lines at most (a last line without its line end
// counted), from which ParsePlane, which knows the file's name, says how
// to thin it (thinning).
type manyRows struct{ lines int64 }

func (e *manyRows) Error() string {
	return fmt.Sprintf("more than %s rows", numtext.FormatInt(MaxPoints))
}

// thinning says how to make the points file at path k times smaller,
// the most ganui reads of one: keep every k-th line, which a command
// that a POSIX shell runs does into a file beside it, the points target
// to give then named, so that a file over MaxPointsFile bytes or
// MaxPoints rows is refused with what to give instead. The first
// line, a header if the file has one, is kept.
func thinning(path string, k int64) string {
	ext := filepath.Ext(path)
	if ext == "" {
		ext = ".csv"
	}
	thin := strings.TrimSuffix(path, filepath.Ext(path)) + "-thin" + ext
	return fmt.Sprintf("keep every %s line, as awk 'NR %% %d == 1' %s > %s does, and give %s", ordinal(k), k, shellword.Quote(path), shellword.Quote(thin), Points{Path: thin})
}

// ordinal writes k as an ordinal number: 2nd, 3rd, 11th, 21st.
func ordinal(k int64) string {
	suffix := "th"
	if k%100 < 11 || k%100 > 13 {
		switch k % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return numtext.FormatUint(uint64(k)) + suffix
}

// ceilDiv is n/d rounded up, for n ≥ 0 and d > 0.
func ceilDiv(n, d int64) int64 { return (n + d - 1) / d }

// otherSeparator names the separator other than a comma that a row of
// the wrong number of columns holds within a cell, "" if none: a file
// written with semicolons ("1;2", as spreadsheets write CSV where the
// comma is the decimal mark: "1,5;2" reads as 2 columns, "1" and "5;2"),
// tabs or spaces is read as one column each line, which says what is
// wrong but not why.
func otherSeparator(rec []string) string {
	for _, sep := range []struct{ char, name string }{{";", "semicolons"}, {"\t", "tabs"}, {" ", "spaces"}} {
		for _, cell := range rec {
			if strings.Contains(strings.TrimSpace(cell), sep.char) {
				return sep.name
			}
		}
	}
	return ""
}

// blankComments returns data with the text of each comment line, one
// whose first character but spaces and tabs is '#', taken out, its line
// end kept, so that the CSV reader skips it as an empty line and every
// other line keeps its number. A comment is skipped whatever it holds
// and however long it is; the CSV reader's own comments, at the start
// of a line only, would leave an indented "  # note" to be refused as a
// row separated by spaces, and a note over MaxPointsLine bytes as too
// long.
func blankComments(data []byte) []byte {
	var out []byte // made at the first comment: most files have none
	kept := 0      // data[kept:] is yet to be copied to out
	for at := 0; at < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[at:], '\n'); i >= 0 {
			end = at + i
		}
		if text := bytes.TrimLeft(data[at:end], " \t"); len(text) > 0 && text[0] == '#' {
			if out == nil {
				out = make([]byte, 0, len(data))
			}
			out = append(out, data[kept:at]...)
			kept = end
			if bytes.HasSuffix(text, []byte("\r")) {
				kept-- // a CRLF line end stays whole
			}
		}
		at = end + 1
	}
	if out == nil {
		return data
	}
	return append(out, data[kept:]...)
}

// isText reports whether cell, a row read as one column, is text, as a
// title line "x y coordinates of the ring" is, not a row of numbers with
// another separator than a comma (otherSeparator): it holds a word that
// is not a number between its semicolons, tabs and spaces. The first
// row's two words are a header with that separator ("x\ty"), as the
// rows after it are likely to be.
func isText(cell string, first bool) bool {
	words := strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || unicode.IsSpace(r) })
	if first && len(words) == 2 {
		return false
	}
	for _, w := range words {
		if _, err := dataNumber(w); err != nil && !errors.Is(err, strconv.ErrRange) {
			return true
		}
	}
	return false
}

// longLine returns the number of the first line of data longer than
// MaxPointsLine bytes, its line end (LF or CRLF) aside, or 0 if none is.
func longLine(data []byte) int {
	for n := 1; len(data) > 0; n++ {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		if len(bytes.TrimSuffix(line, []byte("\r"))) > MaxPointsLine {
			return n
		}
		data = rest
	}
	return 0
}

// quoteCell quotes a CSV cell for a message, cut to 40 bytes.
func quoteCell(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Quote(s)
}

// dataNumber reads a number of a points file as parseFloat reads the
// command line's, but with the '+' some writers put before a positive
// value (C's printf("%+g")): the file is data from elsewhere, and refusing
// "+1" would also take a first row of such values for a header.
func dataNumber(s string) (float64, error) {
	if rest, ok := strings.CutPrefix(s, "+"); ok && rest != "" && rest[0] != '-' && rest[0] != '+' {
		s = rest
	}
	return parseFloat(s)
}
