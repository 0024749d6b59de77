package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// TestTargetsAreConsistent checks every target kind against itself: the
// quantile inverts the CDF, a large sample has the analytic moments, and a
// sample of the target is close to it in KS (so CDF and sampler agree).
func TestTargetsAreConsistent(t *testing.T) {
	specs := []string{
		"normal(4,1.25)",
		"uniform(2,6)",
		"lognormal(1,0.5)",
		"exponential(0.5)",
		"mixture(-2,0.5;2,0.5)",
		"mixture(-3,1,1;1,0.5,3;4,0.25,2)",
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for _, spec := range specs {
		tg, err := ParseTarget(spec)
		if err != nil {
			t.Fatalf("%s: %v", spec, err)
		}
		if tg.String() != spec {
			t.Errorf("%s: String() = %q", spec, tg.String())
		}
		for _, p := range []float64{1e-6, 0.01, 0.25, 0.5, 0.8, 0.999} {
			if got := tg.CDF(tg.Quantile(p)); math.Abs(got-p) > 1e-9 {
				t.Errorf("%s: CDF(Quantile(%g)) = %.12g", spec, p, got)
			}
		}
		xs := make([]float64, 400000)
		for i := range xs {
			xs[i] = tg.Sample(rng)
		}
		mean, std := stat.PopMeanStdDev(xs, nil)
		zooNear(t, spec+" mean", mean, tg.Mean(), 0.01*tg.StdDev())
		zooNear(t, spec+" std", std, tg.StdDev(), 0.01*tg.StdDev())
		zooNear(t, spec+" skew", stat.Skew(xs, nil), tg.Skewness(), 0.05+0.05*math.Abs(tg.Skewness()))
		zooNear(t, spec+" kurt", stat.ExKurtosis(xs, nil), tg.ExKurtosis(), 0.1+0.1*math.Abs(tg.ExKurtosis()))
		slices.Sort(xs)
		if ks, _ := ksUntil(xs, tg, nil); ks > 0.004 {
			t.Errorf("%s: KS of its own sample = %.4f", spec, ks)
		}
	}
}

func TestTargetSupport(t *testing.T) {
	for spec, want := range map[string][2]float64{
		"uniform(2,6)":          {2, 6},
		"exponential(2)":        {0, math.Inf(1)},
		"lognormal(0,1)":        {0, math.Inf(1)},
		"normal(0,1)":           {math.Inf(-1), math.Inf(1)},
		"mixture(-2,0.5;2,0.5)": {math.Inf(-1), math.Inf(1)},
	} {
		tg, _ := ParseTarget(spec)
		if lo, hi := tg.Quantile(0), tg.Quantile(1); lo != want[0] || hi != want[1] {
			t.Errorf("%s: support [%g, %g], want [%g, %g]", spec, lo, hi, want[0], want[1])
		}
	}
}

func TestParseTargetKinds(t *testing.T) {
	m, err := ParseTarget("mixture(0,1,1;5,1,3)")
	if err != nil {
		t.Fatal(err)
	}
	if w := m.(Multimodal).Modes(); w[0].Weight != 0.25 || w[1].Weight != 0.75 {
		t.Errorf("weights 1:3 gave %v", w)
	}
	for _, bad := range []string{
		"uniform(3,3)", "uniform(4,1)", "uniform(1)", "lognormal(0,0)", "lognormal(0,-1)",
		"exponential(0)", "exponential(-1)", "exponential(1,2)", "mixture()", "mixture(1)",
		"mixture(0,1;2)", "mixture(0,-1;2,1)", "mixture(0,1,0;2,1)", "normal(1e300,1)", "normal(inf,1)",
	} {
		if _, err := ParseTarget(bad); err == nil {
			t.Errorf("ParseTarget(%q) succeeded, want an error", bad)
		}
	}
}

func zooNear(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if !(math.Abs(got-want) <= tol) {
		t.Errorf("%s = %.6g, want %.6g ± %.2g", what, got, want, tol)
	}
}

// TestTargetParenthesisTooMany: a parenthesis in a target's arguments is named,
// with the spec without it, on one line; normal(0,1)) is not told "1)" is not a
// finite number. A points file's name may hold one.
func TestTargetParenthesisTooMany(t *testing.T) {
	for spec, want := range map[string]string{
		"normal(0,1))":      "write normal(0,1)",
		"normal((0,1)":      "write normal(0,1)",
		"mixture(0,1;2,1))": "write mixture(0,1;2,1)",
		"ring(8,2,0.1))":    "write ring(8,2,0.1)",
		"ring(8,2,0.02\n))": "write ring(8,2,0.02)",
		// On one line, as ganui writes a spec (FuzzConfigSet found it).
		"normal(0,\n1))":   "write normal(0,1)",
		"normal( 0, 1 ))":  "write normal(0,1)",
		"nor\x1bmal((0,1)": `write nor\x1bmal(0,1)`,
	} {
		_, err := ParseTarget(spec)
		if want = fmt.Sprintf("target %q: a parenthesis too many; %s", spec, want); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
	if path, ok := PointsFile("points(data (1).csv)"); !ok || path != "data (1).csv" {
		t.Errorf("points(data (1).csv): %q, %v", path, ok)
	}
}

// TestTargetParamSaysItsRange checks that a 1-D target's argument with a range
// of its own, however far out of it, is told that range, before the rule every
// number keeps (as TestPlaneCountSaysItsRange does for the plane):
// lognormal(1e9,1) is told what mu may be, as lognormal(100,1) is, not "1e9 is
// too large (at most 1e6 in magnitude)". An argument in a form Go reads and
// ganui does not, normal(４,1), is told the number to write.
func TestTargetParamSaysItsRange(t *testing.T) {
	for spec, want := range map[string]string{
		"lognormal(1e9,1)":   "mu must be from -50 to 50",
		"lognormal(-1e9,1)":  "mu must be from -50 to 50",
		"lognormal(1e400,1)": "mu must be from -50 to 50",
		"lognormal(100,1)":   "mu must be from -50 to 50",
		"lognormal(0,1e9)":   "sigma must be in (0,3]",
		"lognormal(0,0)":     "sigma must be in (0,3]",
		"exponential(1e9)":   "rate must be from 1e-6 to 1e6",
		"exponential(1e-9)":  "rate must be from 1e-6 to 1e6",
		// The rule every number keeps still holds for the others.
		"normal(1e9,1)":    "1e9 is too large (at most 1e6 in magnitude)",
		"uniform(0,1e400)": "1e400 is too large (at most 1e6 in magnitude)",
		"normal(0,NaN)":    `"NaN" is not a finite number`,
		"uniform(-inf,0)":  `"-inf" is not a finite number`,
		"lognormal(x,1)":   `"x" is not a finite number`,
		// A number in a form Go reads is told the number to write.
		"normal(４,1)":           `"４" has full-width digits; write it in plain digits: 4`,
		"normal(0x4,1)":         `"0x4" is hexadecimal; write it in decimal: 4`,
		"mixture(-2,0.5;2,1_0)": `"1_0" has underscores; write it without them: 10`,
		// and with a minus sign too, where it was "not a finite number"
		"mixture(\u22121_0,1;2,1)": `"−1_0" has a minus sign −, and "-1_0" has underscores; write it without them: -10`,
	} {
		_, err := ParseTarget(spec)
		if want = fmt.Sprintf("target %q: %s", spec, want); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
}

// TestOverflowIsTooLarge checks that an argument written past float64's range,
// which reads as an infinity, is told it is too large, with the magnitude every
// number keeps, by a kind without a range of its own for it, whatever its
// place: uniform(1e400,1) is not told "lo must be below hi", nor is
// uniform(1e400,1e401), whose lo is below its hi, nor uniform(0,1e400) that
// "1e400" is not a finite number.
func TestOverflowIsTooLarge(t *testing.T) {
	for spec, big := range map[string]string{
		"uniform(1e400,1)": "1e400", "uniform(1e400,1e401)": "1e400", "uniform(-1e400,-2e400)": "-1e400",
		"uniform(0,1e400)": "1e400", "uniform(1e9,1)": "1e9", "normal(1e400,1)": "1e400", "normal(0,1e400)": "1e400",
		"mixture(1e400,1)": "1e400", "ring(8,2,1e400)": "1e400", "moons(1e400)": "1e400",
		"gaussian2(-1e400,0,1,1,0)": "-1e400", "line(0,0,1e400,1,0.1)": "1e400",
	} {
		parse := func(spec string) error { _, err := ParseTarget(spec); return err }
		if name, _, _ := strings.Cut(spec, "("); planeNames[name] {
			parse = func(spec string) error { _, err := ParsePlane(spec); return err }
		}
		if err, want := parse(spec), fmt.Sprintf("target %q: %s is too large (at most 1e6 in magnitude)", spec, big); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
	// A relation between numbers in range is still told as one.
	if _, err := ParseTarget("uniform(2,1)"); err == nil || err.Error() != `target "uniform(2,1)": lo must be below hi` {
		t.Errorf("uniform(2,1): %v", err)
	}
}

// TestInfinityIsNotFiniteFirst checks that an argument written as an infinity
// is told it is not a finite number, first, by every kind, whatever its place,
// as uniform(0,inf) is: uniform(inf,1) is not told "lo must be below hi", nor
// lognormal(inf,1) what mu may be, nor ring(inf,1,0.1) what its modes may be.
func TestInfinityIsNotFiniteFirst(t *testing.T) {
	for spec, inf := range map[string]string{
		"normal(inf,1)": "inf", "normal(0,-inf)": "-inf", "uniform(inf,1)": "inf",
		"uniform(-inf,1)": "-inf", "uniform(0,Inf)": "Inf", "lognormal(inf,1)": "inf",
		"lognormal(0,-Inf)": "-Inf", "exponential(inf)": "inf", "mixture(inf,1)": "inf",
		"mixture(0,1,inf)": "inf", "ring(inf,1,0.1)": "inf", "grid(-Inf,1,0.1)": "-Inf",
		"moons(inf)": "inf", "spiral(inf,0.1)": "inf", "gaussian2(0,0,inf,1,0)": "inf",
		"line(0,0,1,1,inf)": "inf",
	} {
		parse := func(spec string) error { _, err := ParseTarget(spec); return err }
		if name, _, _ := strings.Cut(spec, "("); planeNames[name] {
			parse = func(spec string) error { _, err := ParsePlane(spec); return err }
		}
		if err, want := parse(spec), fmt.Sprintf("target %q: %q is not a finite number", spec, inf); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
}

// TestUnknownKindCountsArguments: an unknown target kind is sent to the kinds
// that take as many arguments first, and by the names other programs give a
// kind as well as by spelling: gaussian(0,1) is not sent to the 2-D
// gaussian2(mx,my,sx,sy,rho), nor gauss(0,1) and circle(8,2,0.02) to the list
// of every kind.
func TestUnknownKindCountsArguments(t *testing.T) {
	for spec, want := range map[string]string{
		"gaussian(0,1)":       "did you mean normal(mean,std)?",
		"Gaussian(0,1)":       "did you mean normal(mean,std)?",
		"gauss(0,1)":          "did you mean normal(mean,std)?",
		"gaussian(0,0,1,1,0)": "did you mean gaussian2(mx,my,sx,sy,rho)?",
		"gaussian(0,0,1)":     "did you mean normal(mean,std) or gaussian2(mx,my,sx,sy,rho)?",
		"circle(8,2,0.02)":    "did you mean ring(modes,radius,std)?",
		"mixture2(0,1)":       "did you mean mixture(mean,std;mean,std;…)?",
		"normel(0,1)":         "did you mean normal(mean,std)?",
		"spirals(1,0.1)":      "did you mean spiral(turns,noise)?",
	} {
		name, _, _ := strings.Cut(spec, "(")
		_, err := ParseTarget(spec)
		if want = fmt.Sprintf("target %q: unknown kind %q (%s)", spec, name, want); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
}

// TestUnknownKindNearNone checks that a kind near no kind is given a 1-D and a
// 2-D kind and where all are listed, one short line, not every kind on one line
// of some 330 characters.
func TestUnknownKindNearNone(t *testing.T) {
	for _, spec := range []string{"foo(1)", "norm(0,1)", "cauchy(0,1)", "blob(1,2,3,4,5,6,7)"} {
		name, _, _ := strings.Cut(spec, "(")
		_, err := ParseTarget(spec)
		want := fmt.Sprintf("target %q: unknown kind %q: give a target kind, such as normal(mean,std) or ring(modes,radius,std) (README.md lists them under Preset files)", spec, name)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
}

// TestTargetFollowedByAnother: text after a target's closing parenthesis, other
// than more of them, is named as what follows the target, not taken for a stray
// parenthesis: normal(0,1);normal(1,1) is not told to "write
// normal(0,1;normal1,1)". A 1-D target is told what puts normals together; a
// plane, which has no mixture, is not.
func TestTargetFollowedByAnother(t *testing.T) {
	for spec, want := range map[string]string{
		"normal(0,1);normal(1,1)":  `";normal(1,1)" follows the target normal(0,1); give one target (normals together are mixture(mean,std;mean,std;…))`,
		"normal(0,1) mixture(2)":   `"mixture(2)" follows the target normal(0,1); give one target (normals together are mixture(mean,std;mean,std;…))`,
		"ring(8,2,0.1)ring(4,1,1)": `"ring(4,1,1)" follows the target ring(8,2,0.1); give one target`,
		"normal(0,1)\n;x(\n)":      `";x(\n)" follows the target normal(0,1); give one target (normals together are mixture(mean,std;mean,std;…))`,
	} {
		_, err := ParseTarget(spec)
		if want = fmt.Sprintf("target %q: %s", spec, want); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", spec, err, want)
		}
	}
}

// TestMixtureOfTargetsIsToldItsNumbers: a mixture whose components are
// written as targets is told that a component is its numbers alone, and
// the spec to write where each is a normal(mean,std): it was told that
// ";normal(2,1))" follows "the target mixture(normal(0,1)", and
// mixture(1:normal(0,1)) to write mixture(1:normal0,1), itself refused.
// A mixture of numbers followed by another target is not one of them.
func TestMixtureOfTargetsIsToldItsNumbers(t *testing.T) {
	const is = "each mixture component is mean,std or mean,std,weight, its numbers alone, not a target"
	for spec, want := range map[string]string{
		"mixture(normal(0,1);normal(2,1))":   is + "; write mixture(0,1;2,1)",
		"mixture(normal( 0, 1 ); 2,1,3)":     is + "; write mixture(0,1;2,1,3)",
		"mixture(1:normal(0,1))":             is,
		"mixture(uniform(0,1);normal(2,1))":  is,
		"mixture(normal((0,1));normal(2,1))": is,
		"mixture(normal(0,1);normal(2,1)))":  is + "; write mixture(0,1;2,1)",
		// a mixture of numbers followed by a target is told so, as before
		"mixture(0,1;2,1); uniform(0,1)": `"; uniform(0,1)" follows the target mixture(0,1;2,1); give one target (normals together are mixture(mean,std;mean,std;…))`,
	} {
		_, err := ParseTarget(spec)
		if want = fmt.Sprintf("target %q: %s", spec, want); err == nil || err.Error() != want {
			t.Errorf("%q: %v, want %s", spec, err, want)
		}
	}
}

// TestSpreadFinerThanFloat32Resolves: a target whose spread is under minSteps
// of float32's steps where its samples lie is refused, saying the step there
// and the least spread taken (spreadCheck): normal(1e6, 0.01) is not taken, its
// samples rounded to values 0.0625 apart, a point-like target the screen would
// call std 0.01. Every kind with a spread is asked, each where its own samples
// lie (a mixture's component, a ring's, a grid's outer modes), points by how
// far float32 moves them beside their std; the least spread said is taken, and
// so is each preset's target.
func TestSpreadFinerThanFloat32Resolves(t *testing.T) {
	dir := t.TempDir()
	points := func(name, rows string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
			t.Fatal(err)
		}
		return "points(" + path + ")"
	}
	for spec, want := range map[string]string{
		"normal(1e6,0.01)":            "std 0.01 is finer than float32, the engine's numbers, can resolve at 1e6: its values there are 0.0625 apart, 0.16 of them to the std; give 6.25 or more (100 steps), or a mean nearer 0",
		"normal(-1e6,1)":              "std 1 is finer than float32, the engine's numbers, can resolve at 1e6: its values there are 0.0625 apart, 16 of them to the std; give 6.25 or more (100 steps), or a mean nearer 0",
		"uniform(1,1.00000000001)":    "width hi-lo 1e-11 is finer than float32, the engine's numbers, can resolve at 1: its values there are 1.1921e-7 apart, 8.4e-5 of them to the width hi-lo; give 1.2e-5 or more (100 steps), or lo and hi nearer 0",
		"mixture(0,1;1e6,0.01)":       "component std 0.01 is finer than float32, the engine's numbers, can resolve at 1e6: its values there are 0.0625 apart, 0.16 of them to the component std; give 6.25 or more (100 steps), or the component's mean nearer 0",
		"lognormal(1,1e-6)":           "sigma 1e-6 is finer than float32, the engine's numbers, can resolve at 2.7183 (e^mu, its median): its values there are 2.3842e-7 apart, 11 of them to the spread e^mu·sigma; give 8.78e-6 or more (100 steps)",
		"ring(8,1e6,0.01)":            "std 0.01 is finer than float32, the engine's numbers, can resolve at 1e6: its values there are 0.0625 apart, 0.16 of them to the std; give 6.25 or more (100 steps), or a smaller radius",
		"grid(20,1e6,1)":              "std 1 is finer than float32, the engine's numbers, can resolve at 9.5e6: its values there are 1 apart, 1 of them to the std; give 100 or more (100 steps), or a smaller spacing",
		"moons(1e-6)":                 "noise 1e-6 is finer than float32, the engine's numbers, can resolve at 2: its values there are 2.3842e-7 apart, 4.2 of them to the noise; give 2.39e-5 or more (100 steps)",
		"spiral(3,1e-7)":              "noise 1e-7 is finer than float32, the engine's numbers, can resolve at 1: its values there are 1.1921e-7 apart, 0.84 of them to the noise; give 1.2e-5 or more (100 steps)",
		"gaussian2(0,1e6,1,0.01,0)":   "sy 0.01 is finer than float32, the engine's numbers, can resolve at 1e6: its values there are 0.0625 apart, 0.16 of them to the sy; give 6.25 or more (100 steps), or my nearer 0",
		"line(0,0,1e6,1,0.5)":         "noise 0.5 is finer than float32, the engine's numbers, can resolve at 1e6: its values there are 0.0625 apart, 8 of them to the noise; give 6.25 or more (100 steps), or the line's ends nearer 0",
		"normal(1e6,6.25)":            "", // the least said, taken
		"uniform(999993.75,1e6)":      "",
		"mixture(0,0.01;1e5,1)":       "", // a component far from 0 leaves the others' steps as they are
		"lognormal(1,8.78e-6)":        "",
		"lognormal(50,3)":             "",
		"lognormal(-50,1e-5)":         "",
		"moons(2.39e-5)":              "",
		"grid(20,1e6,100)":            "",
		"exponential(1e-6)":           "", // its spread is its scale
		"gaussian2(1e6,-1e6,7,7,0.5)": "",
		points("near.csv", "1e6,0\n999999.999,1\n1e6,2\n"):    "the points' x values, spread by 0.0004714 (their std), are moved by up to 0.001 when held as the float32 the engine computes with, whose values at 1e6 are 0.0625 apart: more than 0.5% of their spread; move them nearer 0 (subtract their mean, 1e6) or scale them up",
		points("whole.csv", "999000,0\n999001,1\n999000,2\n"): "", // whole numbers, which float32 holds as they are
		points("flat.csv", "0,0.1\n1,0.1\n2,0.1\n"):           "", // y all the same, which float32 moves alike: nothing to erase
	} {
		_, _, err := parseAny(spec)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if want != "" {
			want = fmt.Sprintf("target %q: %s", spec, want)
		}
		if got != want {
			t.Errorf("%s: %q, want %q", spec, got, want)
		}
	}
	for _, spec := range []string{"normal(4,1.25)", "mixture(-2,0.5;2,0.5)", "lognormal(1,0.5)", "uniform(2,6)", "ring(8,2,0.02)", "grid(5,2,0.05)", "moons(0.05)"} {
		if _, _, err := parseAny(spec); err != nil {
			t.Errorf("a preset's target %s: %v", spec, err)
		}
	}
}

// TestSpreadTooNearZeroForFloat32: a target's std, sigma or other parameter
// that must be positive, which the float32 the engine computes with holds as 0
// or as a denormal, is refused in the words a setting such as gp is
// (checkNormal32): normal(0,1e-300) is not taken, a target whose samples would
// all be its mean, nor uniform(0,1e-300), whose width hi-lo is its spread. A
// mixture's weight, relative to the others, is not; the least normal float32 is
// taken.
func TestSpreadTooNearZeroForFloat32(t *testing.T) {
	for spec, want := range map[string]string{
		"normal(0,1e-300)":               "std 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38",
		"normal(4,1e-40)":                "std 1e-40 is too near 0 for the float32 the engine computes with, which holds it as a denormal; the least it takes above 0 is 1.1755e-38",
		"mixture(0,1;3,1e-300)":          "component std 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38",
		"lognormal(0,1e-300)":            "sigma 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38",
		"ring(8,2,1e-300)":               "std 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38",
		"moons(1e-300)":                  "noise 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38",
		"uniform(0,1e-300)":              "width hi-lo 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38",
		"uniform(-1e-40,1e-40)":          "width hi-lo 2e-40 is too near 0 for the float32 the engine computes with, which holds it as a denormal; the least it takes above 0 is 1.1755e-38",
		"gaussian2(0,0,1,1e-300,0)":      "sy 1e-300 is too near 0 for the float32 the engine computes with, which holds it as 0; the least it takes above 0 is 1.1755e-38",
		"normal(0,1.1755e-38)":           "",
		"uniform(1e-300,1)":              "", // an end near 0 is no spread near 0
		"mixture(0,1,1e-300;3,1,1e-300)": "",
	} {
		_, _, err := parseAny(spec)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if want != "" {
			want = fmt.Sprintf("target %q: %s", spec, want)
		}
		if got != want {
			t.Errorf("%s: %q, want %q", spec, got, want)
		}
	}
}

// TestSpacedArgumentsToldCommas checks that a target whose arguments are
// numbers separated by spaces or semicolons, as other tools write them, is
// told that arguments are separated by commas and the spec to write, where
// that spec is taken, 1-D or plane, a mixture's components kept; one the
// commas would not mend keeps its words alone.
func TestSpacedArgumentsToldCommas(t *testing.T) {
	for spec, want := range map[string]string{
		"normal(4 1.25)":        `"4 1.25" is not a finite number; arguments are separated by commas: write normal(4,1.25)`,
		"normal(4;1.25)":        `"4;1.25" is not a finite number; arguments are separated by commas: write normal(4,1.25)`,
		"normal(4,  1.25 2)":    `"1.25 2" is not a finite number`, // three arguments: normal takes two
		"mixture(-2 0.5;2 0.5)": `"-2 0.5" is not a finite number; arguments are separated by commas: write mixture(-2,0.5;2,0.5)`,
		"ring(8 2 0.02)":        `"8 2 0.02" is not a finite number; arguments are separated by commas: write ring(8,2,0.02)`,
		"normal(4 -1)":          `"4 -1" is not a finite number`, // normal(4,-1) is refused too
		"normal(4 inf)":         `"4 inf" is not a finite number`,
	} {
		var err error
		if strings.HasPrefix(spec, "ring") {
			_, err = ParsePlane(spec)
		} else {
			_, err = ParseTarget(spec)
		}
		if want = fmt.Sprintf("target %q: %s", spec, want); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
}
