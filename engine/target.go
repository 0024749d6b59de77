package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"
)

// Target is the one-dimensional distribution a generator learns to imitate.
// Its CDF and quantile function are analytic, so KS and W1 against it are
// exact rather than estimated from a second sample.
type Target interface {
	// Sample draws one value using rng.
	Sample(rng *rand.Rand) float64
	// CDF returns P(X ≤ x); Quantile is its inverse on (0, 1).
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

// Normal is the Gaussian N(μ, σ²).
type Normal struct{ Mu, Sigma float64 }

// Sample draws μ + σ·Z with Z standard normal.
func (d Normal) Sample(rng *rand.Rand) float64 { return d.Mu + d.Sigma*rng.NormFloat64() }

// CDF is Φ((x − μ)/σ).
func (d Normal) CDF(x float64) float64 { return d.dist().CDF(x) }

// Quantile is μ + σ·Φ⁻¹(p).
func (d Normal) Quantile(p float64) float64 { return d.dist().Quantile(p) }

// Mean returns μ.
func (d Normal) Mean() float64 { return d.Mu }

// StdDev returns σ.
func (d Normal) StdDev() float64 { return d.Sigma }

// Skewness is 0 for every normal.
func (d Normal) Skewness() float64 { return 0 }

// ExKurtosis is 0 for every normal.
func (d Normal) ExKurtosis() float64 { return 0 }

func (d Normal) String() string {
	return "normal(" + fmtNum(d.Mu) + "," + fmtNum(d.Sigma) + ")"
}

func (d Normal) dist() distuv.Normal { return distuv.Normal{Mu: d.Mu, Sigma: d.Sigma} }

// TargetKinds lists the target specs ParseTarget accepts.
var TargetKinds = []string{"normal(mean,std)"}

// ParseTarget reads a target spec such as "normal(4,1.25)".
func ParseTarget(spec string) (Target, error) {
	name, args, err := splitCall(spec)
	if err != nil {
		return nil, err
	}
	switch name {
	case "normal":
		if len(args) != 2 {
			return nil, fmt.Errorf("target %q: normal takes (mean,std)", spec)
		}
		if !(args[1] > 0) || math.IsInf(args[1], 0) || math.IsInf(args[0], 0) {
			return nil, fmt.Errorf("target %q: std must be positive and both finite", spec)
		}
		return Normal{Mu: args[0], Sigma: args[1]}, nil
	}
	return nil, fmt.Errorf("target %q: unknown kind %q (valid: %s)", spec, name, strings.Join(TargetKinds, ", "))
}

// splitCall parses "name(a,b,…)" into its name and numeric arguments.
func splitCall(spec string) (string, []float64, error) {
	s := strings.TrimSpace(spec)
	open := strings.IndexByte(s, '(')
	if open <= 0 || !strings.HasSuffix(s, ")") {
		return "", nil, fmt.Errorf("target %q: want kind(args), e.g. normal(4,1.25)", spec)
	}
	name := strings.TrimSpace(s[:open])
	body := s[open+1 : len(s)-1]
	var args []float64
	if strings.TrimSpace(body) != "" {
		for _, f := range strings.Split(body, ",") {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || math.IsNaN(v) {
				return "", nil, fmt.Errorf("target %q: %q is not a number", spec, strings.TrimSpace(f))
			}
			args = append(args, v)
		}
	}
	return name, args, nil
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
