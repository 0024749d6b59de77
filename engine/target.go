package engine

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/suggest"
	"github.com/ganui/ganui/internal/visible"
	"gonum.org/v1/gonum/stat/distuv"
)

// Target is the one-dimensional distribution a generator learns to imitate.
// Its CDF is analytic, so KS and W1 against it are exact rather than
// estimated from a second sample.
type Target interface {
	// Sample draws one value using rng.
	Sample(rng *rand.Rand) float64
	// CDF returns P(X ≤ x); Quantile is its inverse on [0, 1]. Quantile(0)
	// and Quantile(1) are the ends of the support (±Inf when unbounded).
	CDF(x float64) float64
	Quantile(p float64) float64
	// Mean and StdDev are the distribution's first two moments; Skewness
	// and ExKurtosis its standardised third and fourth (excess) moments.
	Mean() float64
	StdDev() float64
	Skewness() float64
	ExKurtosis() float64
	// String is the spec ParseTarget reads back, e.g. "normal(4,1.25)".
	String() string
}

// Mode is one bump of a multimodal target: a Gaussian component with its
// weight in the mixture.
type Mode struct{ Mean, Std, Weight float64 }

// Multimodal is implemented by targets made of separate modes, so that
// mode coverage (see Metrics.Modes) can be measured against them.
type Multimodal interface {
	Modes() []Mode
}

// Normal is the Gaussian N(μ, σ²).
type Normal struct{ Mu, Sigma float64 }

// Sample draws μ + σ·Z with Z standard normal.
func (d Normal) Sample(rng *rand.Rand) float64 { return d.Mu + d.Sigma*rng.NormFloat64() }

// CDF is Φ((x − μ)/σ).
func (d Normal) CDF(x float64) float64 { return d.dist().CDF(x) }

// Quantile is μ + σ·Φ⁻¹(p).
func (d Normal) Quantile(p float64) float64 { return d.Mu + d.Sigma*stdNormalQuantile(p) }

func (d Normal) dist() distuv.Normal { return distuv.Normal{Mu: d.Mu, Sigma: d.Sigma} }

// Mean returns μ.
func (d Normal) Mean() float64 { return d.Mu }

// StdDev returns σ.
func (d Normal) StdDev() float64 { return d.Sigma }

// Skewness is 0 for every normal.
func (d Normal) Skewness() float64 { return 0 }

// ExKurtosis is 0 for every normal.
func (d Normal) ExKurtosis() float64 { return 0 }

func (d Normal) String() string { return "normal(" + fmtNum(d.Mu) + "," + fmtNum(d.Sigma) + ")" }

// Uniform is the uniform distribution on [A, B).
type Uniform struct{ A, B float64 }

// Sample draws A + (B − A)·U with U uniform on [0, 1).
func (d Uniform) Sample(rng *rand.Rand) float64 { return d.A + (d.B-d.A)*rng.Float64() }

// CDF is (x − A)/(B − A), clamped to [0, 1].
func (d Uniform) CDF(x float64) float64 { return math.Min(1, math.Max(0, (x-d.A)/(d.B-d.A))) }

// Quantile is A + p·(B − A).
func (d Uniform) Quantile(p float64) float64 { return d.A + p*(d.B-d.A) }

// Mean returns (A + B)/2.
func (d Uniform) Mean() float64 { return (d.A + d.B) / 2 }

// StdDev returns (B − A)/√12.
func (d Uniform) StdDev() float64 { return (d.B - d.A) / math.Sqrt(12) }

// Skewness is 0.
func (d Uniform) Skewness() float64 { return 0 }

// ExKurtosis is −6/5: flatter than any normal.
func (d Uniform) ExKurtosis() float64 { return -1.2 }

func (d Uniform) String() string { return "uniform(" + fmtNum(d.A) + "," + fmtNum(d.B) + ")" }

// LogNormal is the distribution of e^Y with Y ~ N(μ, σ²): positive and
// skewed to the right, with a long upper tail.
type LogNormal struct{ Mu, Sigma float64 }

// Sample draws exp(μ + σ·Z).
func (d LogNormal) Sample(rng *rand.Rand) float64 { return math.Exp(d.Mu + d.Sigma*rng.NormFloat64()) }

// CDF is Φ((ln x − μ)/σ) for x > 0, else 0.
func (d LogNormal) CDF(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return distuv.UnitNormal.CDF((math.Log(x) - d.Mu) / d.Sigma)
}

// Quantile is exp(μ + σ·Φ⁻¹(p)).
func (d LogNormal) Quantile(p float64) float64 { return math.Exp(d.Mu + d.Sigma*stdNormalQuantile(p)) }

// Mean returns exp(μ + σ²/2).
func (d LogNormal) Mean() float64 { return math.Exp(d.Mu + d.Sigma*d.Sigma/2) }

// StdDev returns √((e^{σ²} − 1)·e^{2μ + σ²}).
func (d LogNormal) StdDev() float64 {
	s2 := d.Sigma * d.Sigma
	return math.Sqrt(math.Expm1(s2) * math.Exp(2*d.Mu+s2))
}

// Skewness returns (e^{σ²} + 2)·√(e^{σ²} − 1).
func (d LogNormal) Skewness() float64 {
	s2 := d.Sigma * d.Sigma
	return (math.Exp(s2) + 2) * math.Sqrt(math.Expm1(s2))
}

// ExKurtosis returns e^{4σ²} + 2e^{3σ²} + 3e^{2σ²} − 6.
func (d LogNormal) ExKurtosis() float64 {
	s2 := d.Sigma * d.Sigma
	return math.Exp(4*s2) + 2*math.Exp(3*s2) + 3*math.Exp(2*s2) - 6
}

func (d LogNormal) String() string {
	return "lognormal(" + fmtNum(d.Mu) + "," + fmtNum(d.Sigma) + ")"
}

// Exponential is the exponential distribution with rate λ: density λe^{−λx}
// on x ≥ 0, skewness 2.
type Exponential struct{ Rate float64 }

// Sample draws −ln(1 − U)/λ.
func (d Exponential) Sample(rng *rand.Rand) float64 { return -math.Log1p(-rng.Float64()) / d.Rate }

// CDF is 1 − e^{−λx} for x ≥ 0, else 0.
func (d Exponential) CDF(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return -math.Expm1(-d.Rate * x)
}

// Quantile is −ln(1 − p)/λ.
func (d Exponential) Quantile(p float64) float64 { return -math.Log1p(-p) / d.Rate }

// Mean returns 1/λ.
func (d Exponential) Mean() float64 { return 1 / d.Rate }

// StdDev returns 1/λ.
func (d Exponential) StdDev() float64 { return 1 / d.Rate }

// Skewness is 2.
func (d Exponential) Skewness() float64 { return 2 }

// ExKurtosis is 6.
func (d Exponential) ExKurtosis() float64 { return 6 }

func (d Exponential) String() string { return "exponential(" + fmtNum(d.Rate) + ")" }

// Mixture is a weighted sum of Gaussians, Σ_k w_k·N(μ_k, σ_k²), with
// weights summing to 1. Well-separated components make a multimodal target
// on which a generator can drop modes (mode collapse).
type Mixture struct {
	Components []Mode    // weights normalised to sum to 1
	weights    []float64 // the weights as written in the spec, for String
}

// NewMixture returns the mixture of modes with their weights normalised;
// the weights as given are kept for String.
func NewMixture(modes []Mode) Mixture {
	var total float64
	raw := make([]float64, len(modes))
	for i, m := range modes {
		total += m.Weight
		raw[i] = m.Weight
	}
	comps := append([]Mode(nil), modes...)
	for i := range comps {
		comps[i].Weight /= total
	}
	return Mixture{Components: comps, weights: raw}
}

// Sample picks component k with probability w_k and draws from it.
func (d Mixture) Sample(rng *rand.Rand) float64 {
	u := rng.Float64()
	c := d.Components[len(d.Components)-1]
	for _, m := range d.Components {
		if u < m.Weight {
			c = m
			break
		}
		u -= m.Weight
	}
	return c.Mean + c.Std*rng.NormFloat64()
}

// CDF is Σ_k w_k·Φ((x − μ_k)/σ_k).
func (d Mixture) CDF(x float64) float64 {
	var f float64
	for _, m := range d.Components {
		f += m.Weight * distuv.UnitNormal.CDF((x-m.Mean)/m.Std)
	}
	return f
}

func (d Mixture) pdf(x float64) float64 {
	var f float64
	for _, m := range d.Components {
		z := (x - m.Mean) / m.Std
		f += m.Weight * math.Exp(-z*z/2) / (m.Std * math.Sqrt(2*math.Pi))
	}
	return f
}

// Quantile inverts the CDF numerically: the answer lies between the
// smallest and largest component quantiles of p, and safeguarded Newton
// steps (bisection whenever Newton would leave the bracket) find it to
// near machine precision.
func (d Mixture) Quantile(p float64) float64 {
	if p <= 0 {
		return math.Inf(-1)
	}
	if p >= 1 {
		return math.Inf(1)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, m := range d.Components {
		q := m.Mean + m.Std*stdNormalQuantile(p)
		lo, hi = math.Min(lo, q), math.Max(hi, q)
	}
	x := (lo + hi) / 2
	for range 100 {
		f := d.CDF(x) - p
		if f == 0 || hi-lo <= 1e-13*math.Max(1, math.Abs(x)) {
			break
		}
		if f < 0 {
			lo = x
		} else {
			hi = x
		}
		next := x - f/d.pdf(x)
		if !(next > lo && next < hi) {
			next = (lo + hi) / 2
		}
		if next == x {
			break
		}
		x = next
	}
	return x
}

// rawMoments returns E[X^k] for k = 1..4 of the mixture, from the raw
// moments of each normal component:
//
//	E[X] = μ, E[X²] = μ² + σ², E[X³] = μ³ + 3μσ², E[X⁴] = μ⁴ + 6μ²σ² + 3σ⁴
func (d Mixture) rawMoments() (m1, m2, m3, m4 float64) {
	for _, c := range d.Components {
		mu, s2, w := c.Mean, c.Std*c.Std, c.Weight
		m1 += w * mu
		m2 += w * (mu*mu + s2)
		m3 += w * (mu*mu*mu + 3*mu*s2)
		m4 += w * (mu*mu*mu*mu + 6*mu*mu*s2 + 3*s2*s2)
	}
	return
}

// centralMoments returns the variance and the third and fourth central
// moments.
func (d Mixture) centralMoments() (v, c3, c4 float64) {
	m1, m2, m3, m4 := d.rawMoments()
	v = m2 - m1*m1
	c3 = m3 - 3*m1*m2 + 2*m1*m1*m1
	c4 = m4 - 4*m1*m3 + 6*m1*m1*m2 - 3*m1*m1*m1*m1
	return
}

// Mean returns Σ_k w_k μ_k.
func (d Mixture) Mean() float64 { m1, _, _, _ := d.rawMoments(); return m1 }

// StdDev returns the square root of the mixture's variance.
func (d Mixture) StdDev() float64 { v, _, _ := d.centralMoments(); return math.Sqrt(v) }

// Skewness returns E[(X − μ)³]/σ³.
func (d Mixture) Skewness() float64 {
	v, c3, _ := d.centralMoments()
	return c3 / math.Pow(v, 1.5)
}

// ExKurtosis returns E[(X − μ)⁴]/σ⁴ − 3.
func (d Mixture) ExKurtosis() float64 {
	v, _, c4 := d.centralMoments()
	return c4/(v*v) - 3
}

// Modes returns the components.
func (d Mixture) Modes() []Mode { return append([]Mode(nil), d.Components...) }

func (d Mixture) String() string {
	w := d.weights
	if len(w) != len(d.Components) {
		w = make([]float64, len(d.Components))
		for i, m := range d.Components {
			w[i] = m.Weight
		}
	}
	equal := true
	for _, v := range w {
		equal = equal && v == w[0]
	}
	parts := make([]string, len(d.Components))
	for i, m := range d.Components {
		parts[i] = fmtNum(m.Mean) + "," + fmtNum(m.Std)
		if !equal {
			parts[i] += "," + fmtNum(w[i])
		}
	}
	return "mixture(" + strings.Join(parts, ";") + ")"
}

// stdNormalQuantile is Φ⁻¹(p), −Inf at 0 and +Inf at 1.
func stdNormalQuantile(p float64) float64 {
	switch {
	case p <= 0:
		return math.Inf(-1)
	case p >= 1:
		return math.Inf(1)
	}
	return distuv.UnitNormal.Quantile(p)
}

// targetKinds lists the target specs ParseTarget accepts.
var targetKinds = []string{
	"normal(mean,std)",
	"uniform(lo,hi)",
	"lognormal(mu,sigma)",
	"exponential(rate)",
	"mixture(mean,std;mean,std;…)",
}

// KindSpec is the spec of the target kind name as ParseTarget's errors
// write it, "ring(modes,radius,std)", and whether name is a kind.
func KindSpec(name string) (string, bool) {
	for _, k := range slices.Concat(targetKinds, planeKinds) {
		if n, _, _ := strings.Cut(k, "("); n == name {
			return k, true
		}
	}
	return "", false
}

// MaxModes is the most components a mixture target may have.
const MaxModes = 16

// ParseTarget reads a target spec:
//
//	normal(mean,std)              N(mean, std²), e.g. normal(4,1.25)
//	uniform(lo,hi)                uniform on [lo, hi)
//	lognormal(mu,sigma)           e^Y with Y ~ N(mu, sigma²)
//	exponential(rate)             density rate·e^{−rate·x}, x ≥ 0
//	mixture(mean,std;mean,std;…)  equal-weight mixture of N(mean, std²)
//	                              of each component; a third number per
//	                              component sets its weight:
//	                              mixture(-2,0.5,1;2,0.5,3)
//
// A spread the float32 the engine computes with would cut into a few
// values where the samples lie is refused (spreadCheck).
func ParseTarget(spec string) (Target, error) {
	name, body, err := splitCall(spec)
	if err != nil {
		return nil, err
	}
	bad := func(format string, a ...any) error {
		return fmt.Errorf("target %q: "+format, append([]any{spec}, a...)...)
	}
	if name == "mixture" {
		comps := strings.Split(body, ";")
		if len(comps) < 1 || len(comps) > MaxModes {
			return nil, bad("a mixture has 1 to %d components", MaxModes)
		}
		var modes []Mode
		for _, c := range comps {
			args, err := parseNums(c)
			if err != nil {
				return nil, bad("%v%s", err, spacedArgs(name, body, parseTarget))
			}
			if len(args) != 2 && len(args) != 3 {
				return nil, bad("each mixture component is mean,std or mean,std,weight")
			}
			m := Mode{Mean: args[0], Std: args[1], Weight: 1}
			if len(args) == 3 {
				m.Weight = args[2]
			}
			if !(m.Std > 0) || !(m.Weight > 0) {
				return nil, bad("component std and weight must be positive")
			}
			if err := tooNear32("component std", m.Std); err != nil { // a weight is relative: 1e-300 beside 1e-300 is half
				return nil, bad("%v", err)
			}
			if err := normalCheck("component std", m.Mean, ", or the component's mean nearer 0").check(m.Std); err != nil { // where its own samples lie: one far from 0 leaves the others' resolution as it is
				return nil, bad("%v", err)
			}
			modes = append(modes, m)
		}
		return NewMixture(modes), nil
	}
	// Arguments that are not numbers are said to be so only to a kind of
	// targetKinds; any other name is an unknown kind, said below:
	// point(data.csv) is told the kind it is likely meant to be, not that
	// "data.csv" is not a finite number. As in ParsePlane, a kind's own
	// ranges are checked before the rule for every number (boundNums):
	// lognormal(1e9,1) is told what mu may be, not that 1e9 is too large.
	args, err := readNums(body)
	if err != nil && slices.ContainsFunc(targetKinds, func(k string) bool { return strings.HasPrefix(k, name+"(") }) {
		return nil, bad("%v%s", err, spacedArgs(name, body, parseTarget))
	}
	var t Target
	spread := func() error { return nil } // the kind's spreadCheck, once every number is in range (boundNums)
	switch name {
	case "normal":
		if len(args) != 2 {
			return nil, bad("normal takes (mean,std)")
		}
		if !(args[1] > 0) {
			return nil, bad("std must be positive")
		}
		if err := tooNear32("std", args[1]); err != nil {
			return nil, bad("%v", err)
		}
		spread = func() error { return normalCheck("std", args[0], ", or a mean nearer 0").check(args[1]) }
		t = Normal{Mu: args[0], Sigma: args[1]}
	case "uniform":
		if len(args) != 2 {
			return nil, bad("uniform takes (lo,hi)")
		}
		// The rule for every number before lo < hi, a relation between the
		// two and no range of either: uniform(1e400,1) is refused by that
		// rule, not told lo must be below hi, and so is
		// uniform(1e400,1e401), both read as +Inf.
		if err := boundNums(body); err != nil {
			return nil, bad("%v", err)
		}
		if !(args[0] < args[1]) {
			return nil, bad("lo must be below hi")
		}
		// Its width is a spread as normal's std is: uniform(0,1e-300) would
		// be a target whose samples are all 0 in float32.
		if err := tooNear32("width hi-lo", args[1]-args[0]); err != nil {
			return nil, bad("%v", err)
		}
		lo := args[0]
		width := spreadCheck{what: "width hi-lo", orElse: ", or lo and hi nearer 0",
			spread: func(w float64) float64 { return w },
			reach:  func(w float64) float64 { return max(math.Abs(lo), math.Abs(lo+w)) },
		}
		if err := width.check(args[1] - args[0]); err != nil {
			return nil, bad("%v", err)
		}
		t = Uniform{A: args[0], B: args[1]}
	case "lognormal":
		if len(args) != 2 {
			return nil, bad("lognormal takes (mu,sigma) of the underlying normal")
		}
		if !(math.Abs(args[0]) <= 50) { // e^(mu+6·sigma) stays within float32
			return nil, bad("mu must be from -50 to 50")
		}
		if !(args[1] > 0) || args[1] > 3 {
			return nil, bad("sigma must be in (0,3]")
		}
		if err := tooNear32("sigma", args[1]); err != nil {
			return nil, bad("%v", err)
		}
		// Its spread is relative, e^mu·sigma about its median e^mu and in
		// proportion elsewhere, as float32's steps are: asked at the
		// median, the answer holds wherever its samples lie, within a
		// factor of 2.
		median := math.Exp(args[0])
		sigma := spreadCheck{what: "sigma", spreadName: "spread e^mu·sigma", at: " (e^mu, its median)",
			spread: func(s float64) float64 { return median * s },
			reach:  func(float64) float64 { return median },
		}
		if err := sigma.check(args[1]); err != nil {
			return nil, bad("%v", err)
		}
		t = LogNormal{Mu: args[0], Sigma: args[1]}
	case "exponential":
		if len(args) != 1 {
			return nil, bad("exponential takes (rate)")
		}
		if !(args[0] >= 1e-6) || args[0] > maxTargetParam {
			return nil, bad("rate must be from 1e-6 to %s", numtext.FormatFloat(maxTargetParam))
		}
		t = Exponential{Rate: args[0]}
	default:
		return nil, bad("%s", unknownKind(name, body, slices.Concat(targetKinds, planeKinds)))
	}
	if err := boundNums(body); err != nil {
		return nil, bad("%v", err)
	}
	if err := spread(); err != nil {
		return nil, bad("%v", err)
	}
	return t, nil
}

// unknownKind says that name, given the arguments body, is none of the
// target kinds, each written kind(args): the nearest when it is likely a
// typo or a name another program gives a kind (otherKinds), else a 1-D
// and a 2-D kind and where all of them are listed (kindHint), for every
// kind would make one line of some 330 characters. The kinds that take as
// many arguments as body holds are looked at first: gaussian(0,1) is a
// normal(mean,std), where by spelling alone it would be sent to the 2-D
// gaussian2(mx,my,sx,sy,rho).
func unknownKind(name, body string, kinds []string) string {
	for _, fit := range []bool{true, false} {
		var look, names []string
		for _, k := range kinds {
			if fit && !takes(k, body) {
				continue
			}
			look = append(look, k)
			for _, n := range kindNames(k) {
				if !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
		}
		near := suggest.Nearest(name, names)
		if len(near) == 0 {
			continue
		}
		var hint []string
		for _, k := range look {
			if slices.ContainsFunc(kindNames(k), func(n string) bool { return slices.Contains(near, n) }) {
				hint = append(hint, k)
			}
		}
		return fmt.Sprintf("unknown kind %q%s", name, suggest.Say(hint))
	}
	return fmt.Sprintf("unknown kind %q: %s", name, kindHint)
}

// kindHint follows an unknown kind that is near no kind: one kind of
// each dimension and the README's table that lists them all (ganui
// --help does not), as presets' builtInHint names two presets and
// --list-presets.
var kindHint = fmt.Sprintf("give a target kind, such as %s or %s (README.md lists them under Preset files)", targetKinds[0], planeKinds[0])

// otherKinds holds, by kind, the names other programs and papers give
// it: a Gaussian is normal in one dimension and gaussian2 in two (which
// of them the arguments tell, unknownKind), a ring of modes a circle.
var otherKinds = map[string][]string{
	"normal":    {"gaussian", "gauss"},
	"gaussian2": {"gaussian", "gauss", "normal2"},
	"ring":      {"circle"},
}

// kindNames returns the names of kind, written kind(args): its own, then
// its otherKinds.
func kindNames(kind string) []string {
	name, _, _ := strings.Cut(kind, "(")
	return append([]string{name}, otherKinds[name]...)
}

// takes reports whether kind, written kind(args), takes as many arguments
// as body holds: a mixture any list of them, another kind as many as it
// names, separated by commas.
func takes(kind, body string) bool {
	_, params, _ := strings.Cut(kind, "(")
	if strings.Contains(params, ";") {
		return true
	}
	n := 0
	if strings.TrimSpace(body) != "" {
		n = strings.Count(body, ",") + 1
	}
	return !strings.Contains(body, ";") && strings.Count(params, ",")+1 == n
}

// splitCall splits "name(body)" into its name and body.
func splitCall(spec string) (name, body string, err error) {
	s := strings.TrimSpace(spec)
	open := strings.IndexByte(s, '(')
	if open <= 0 || !strings.HasSuffix(s, ")") {
		// A kind named without its arguments (uniform, ring, normal(4,1)
		// cut short) is told what it takes, as one with too few is.
		name, _, _ := strings.Cut(s, "(")
		for _, k := range slices.Concat(targetKinds, planeKinds) {
			if n, _, _ := strings.Cut(k, "("); n == strings.TrimSpace(name) {
				return "", "", fmt.Errorf("target %q: want %s, its arguments in parentheses", spec, k)
			}
		}
		return "", "", fmt.Errorf("target %q: want kind(args), e.g. normal(4,1.25)", spec)
	}
	name, body = strings.TrimSpace(s[:open]), s[open+1:len(s)-1]
	// A parenthesis in the arguments is one too many, but in a points
	// file's name, which may hold them: normal(0,1)) is told of its
	// parenthesis, not that "1)" is not a finite number.
	// The spec to write is on one line, as ganui writes one (tidyTarget):
	// normal(0,\n1)) is told to write normal(0,1), for its line break
	// would show on the front end's one line as "write normal(0,; 1)". A name that is
	// no kind is left to be told so once the parenthesis goes, its
	// characters written as Go escapes (visible.String).
	if name != "points" && strings.ContainsAny(body, "()") {
		if err := mixtureOfCalls(spec, name, s[open:]); err != nil {
			return "", "", err
		}
		// Text after the call's first closing parenthesis, other than
		// more of them, is another spec, not a stray parenthesis, whose fix
		// would tell normal(0,1);normal(1,1) to write
		// normal(0,1;normal1,1).
		first := open + 1 + strings.IndexByte(body, ')')
		if first > open && strings.Trim(s[first+1:], ") \t") != "" {
			call, rest := s[:first+1], strings.TrimSpace(s[first+1:])
			hint := "give one target"
			if !planeNames[name] {
				hint += " (normals together are " + targetKinds[len(targetKinds)-1] + ")"
			}
			return "", "", fmt.Errorf("target %q: %q follows the target %s; %s", spec, rest, visible.String(call), hint)
		}
		plain := strings.Join(strings.Fields(strings.NewReplacer("(", "", ")", "").Replace(body)), "")
		return "", "", fmt.Errorf("target %q: a parenthesis too many; write %s(%s)", spec, visible.String(name), visible.String(plain))
	}
	return name, body, nil
}

// mixtureOfCalls is the refusal of a mixture whose components are
// written as targets, kind(args), where each is its numbers alone:
// mixture(normal(0,1);normal(2,1)) is told to write mixture(0,1;2,1),
// where it was told that ";normal(2,1))" follows "the target
// mixture(normal(0,1)", which is no target, and
// mixture(1:normal(0,1)) to write mixture(1:normal0,1), which is refused
// in turn. The spec to write is given when every component is a number
// list or a normal(mean,std); else nil if no component is a call. args
// is the mixture's parenthesis on: a call whose own parenthesis closes
// before text other than more of them, mixture(0,1;2,1); uniform(0,1),
// is followed by another target, and is nil here.
func mixtureOfCalls(spec, name, args string) error {
	if name != "mixture" {
		return nil
	}
	depth, end := 0, -1
	for i, r := range args {
		if r == '(' {
			depth++
		} else if r == ')' {
			if depth--; depth == 0 {
				end = i
				break
			}
		}
	}
	if end < 0 || strings.Trim(args[end+1:], ") \t\n") != "" {
		return nil
	}
	parts := strings.Split(args[1:end], ";")
	calls, plain := false, true
	for i, c := range parts {
		c = strings.Join(strings.Fields(c), "")
		open := strings.IndexByte(c, '(')
		if open <= 0 {
			plain = plain && !strings.ContainsAny(c, "()")
			parts[i] = c
			continue
		}
		calls = true
		nums, normal := strings.CutPrefix(c, "normal(")
		nums, closed := strings.CutSuffix(nums, ")")
		plain = plain && normal && closed && !strings.ContainsAny(nums, "()")
		parts[i] = nums
	}
	if !calls {
		return nil
	}
	msg := fmt.Sprintf("target %q: each mixture component is mean,std or mean,std,weight, its numbers alone, not a target", spec)
	if plain {
		msg += "; write mixture(" + visible.String(strings.Join(parts, ";")) + ")"
	}
	return errors.New(msg)
}

// spacedArgs is the way on for body, the arguments of the kind name that
// are refused as not numbers, where they are numbers separated by spaces
// (or, but between a mixture's components, by semicolons), as other
// tools write them, and the spec with commas between them is taken
// (parse): normal(4 1.25) is told `"4 1.25" is not a finite number;
// arguments are separated by commas: write normal(4,1.25)`, where the
// refusal alone left the user to find how arguments are separated;
// else "".
func spacedArgs(name, body string, parse func(string) error) string {
	sep := func(r rune) bool { return unicode.IsSpace(r) || (r == ';' && name != "mixture") }
	if !strings.ContainsFunc(strings.TrimSpace(body), sep) {
		return ""
	}
	parts := []string{body}
	if name == "mixture" {
		parts = strings.Split(body, ";")
	}
	for i, p := range parts {
		parts[i] = strings.Join(strings.FieldsFunc(p, func(r rune) bool { return r == ',' || sep(r) }), ",")
	}
	spec := name + "(" + strings.Join(parts, ";") + ")"
	if parse(spec) != nil {
		return ""
	}
	return "; arguments are separated by commas: write " + spec
}

// parseTarget is ParseTarget's error alone, for spacedArgs.
func parseTarget(spec string) error { _, err := ParseTarget(spec); return err }

// maxTargetParam bounds target parameters, so that samples, moments and
// float32 activations all stay finite.
const maxTargetParam = 1e6

// parseNums reads a comma-separated list of finite numbers of magnitude
// at most maxTargetParam.
func parseNums(body string) ([]float64, error) {
	args, err := readNums(body)
	if err == nil {
		err = boundNums(body)
	}
	if err != nil {
		return nil, err
	}
	return args, nil
}

// readNums reads a comma-separated list of numbers of any magnitude, one
// written past float64's range read as an infinity: a kind checks its own
// arguments' ranges before boundNums checks the rule for all of them, so
// that ring(1e9,1,0.1) is told what its modes may be, as ring(1000,1,0.1)
// is, not that 1e9 is too large. An infinity written as one (inf, -Inf)
// is no number of any magnitude and is refused here, first, for every
// kind: uniform(inf,1) is told "inf" is not a finite number, as
// uniform(0,inf) is, not that lo must be below hi. A number in a form Go
// reads and ganui does not (GoNumberForm) is told the number to write:
// normal(４,1) `"４" has full-width digits; write it in plain digits: 4`,
// where it was only "not a finite number".
func readNums(body string) ([]float64, error) {
	var out []float64
	if strings.TrimSpace(body) == "" {
		return nil, nil
	}
	for _, f := range strings.Split(body, ",") {
		f = strings.TrimSpace(f)
		v, err := parseFloat(f)
		finite := err == nil && !math.IsInf(v, 0) && !math.IsNaN(v)
		overflow := errors.Is(err, strconv.ErrRange) && math.IsInf(v, 0)
		if !finite && !overflow {
			if plain, how := GoNumberForm(f); plain != "" { // normal(４,1), normal(0x4,1)
				return nil, fmt.Errorf("%q %s: %s", f, how, plain)
			}
			// A minus sign beside underscores, normal(−1_0,1): both
			// told, where it was "not a finite number".
			if hyphened, sign := minusSign(f); hyphened != "" {
				if plain, how := GoNumberForm(hyphened); plain != "" {
					return nil, fmt.Errorf("%q %s, and %q %s: %s", f, sign, hyphened, how, plain)
				}
			}
			return nil, fmt.Errorf("%q is not a finite number", f)
		}
		out = append(out, v)
	}
	return out, nil
}

// boundNums checks that each number of body, a list readNums has read,
// is at most maxTargetParam in magnitude. One written past float64's
// range (1e400), which readNums reads as an infinity, is told so too:
// it is a number, too large, not "not a finite number" as inf is.
func boundNums(body string) error {
	for _, f := range strings.Split(body, ",") {
		f = strings.TrimSpace(f)
		v, _ := parseFloat(f)
		if math.Abs(v) > maxTargetParam {
			return fmt.Errorf("%s is too large (at most %s in magnitude)", f, numtext.FormatFloat(maxTargetParam))
		}
	}
	return nil
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
