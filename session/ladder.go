package session

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// Learning rates move along the 1-2-5 ladder (…, 1e-4, 2e-4, 5e-4, 1e-3, …)
// between MinLR, the ladder's own floor, and the engine's MaxLR.
const (
	MinLR = 1e-6
	MaxLR = engine.MaxLR
)

// stepLR returns the next learning rate on the 1-2-5 ladder above lr
// (dir > 0) or below it (dir < 0), clamped to [MinLR, MaxLR] and never
// moved against dir. A value not on the ladder, such as 3e-4, snaps to the
// nearest ladder value in that direction (5e-4 up, 2e-4 down). A rate below
// MinLR, which --set may give (d_lr=1e-8), stays where it is going down and
// climbs the ladder going up: the clamp would raise it to MinLR on ←, a
// hundredfold increase on the key that decreases.
func stepLR(lr float64, dir int) float64 {
	if dir == 0 || !(lr > 0) {
		return lr
	}
	next := stepRate(lr, dir)
	if dir < 0 {
		return math.Min(lr, math.Max(MinLR, next))
	}
	return math.Max(lr, math.Min(MaxLR, next))
}

// ladderValue is m·10^e as the float nearest that decimal, so that ladder
// values print as they read (2e-4, not 0.00020000000000000001).
func ladderValue(m, e int) float64 {
	v, _ := strconv.ParseFloat(fmt.Sprintf("%de%d", m, e), 64)
	return v
}

// stepCount moves a per-epoch step count by dir within 1..engine.MaxSteps.
func stepCount(n, dir int) int {
	return min(engine.MaxSteps, max(1, n+dir))
}

// The pace of an interactive run is a rate in epochs per second on the
// 1-2-5 ladder from MinSpeed up, or full speed (0): [ and ] move along it.
// A run starts at the slowest pace at which its plan would take at most
// WatchSeconds (watchSpeed), so that a learner can watch it happen; ]
// goes faster, up to full speed.
const (
	MinSpeed     = 1
	MaxSpeed     = 100_000 // above it, ] reaches full speed
	WatchSeconds = 30
)

// watchSpeed is the slowest pace at which a plan of planned epochs would
// take at most WatchSeconds: the first ladder rate at or above
// planned/WatchSeconds, MinSpeed for a plan that fits at it, and full
// speed for one that no rate up to MaxSpeed fits. A plan slower than
// MinSpeed's takes 40% to all of WatchSeconds at it (a ladder step is at
// most 2.5-fold), not about WatchSeconds.
func watchSpeed(planned int) float64 {
	want := float64(planned) / WatchSeconds
	if want <= MinSpeed {
		return MinSpeed
	}
	if want > MaxSpeed {
		return 0
	}
	return stepRate(want*(1-1e-6), +1) // the first ladder rate at or above want
}

// stepSpeed moves a pace one notch faster (dir > 0) or slower along the
// ladder; full speed (0) is the fastest.
func stepSpeed(speed float64, dir int) float64 {
	switch {
	case dir > 0 && speed == 0, dir == 0:
		return speed
	case dir < 0 && speed == 0:
		return MaxSpeed
	case dir > 0 && speed >= MaxSpeed:
		return 0
	}
	return math.Max(MinSpeed, stepRate(speed, dir))
}

// stepRate is the next value on the 1-2-5 ladder above v (dir > 0) or
// below it (dir < 0).
func stepRate(v float64, dir int) float64 {
	const tol = 1e-9
	k := int(math.Floor(math.Log10(v)))
	best := math.NaN()
	for e := k - 1; e <= k+1; e++ {
		for _, m := range [...]int{1, 2, 5} {
			c := ladderValue(m, e)
			switch {
			case dir > 0 && c > v*(1+tol) && !(c >= best):
				best = c
			case dir < 0 && c < v*(1-tol) && !(c <= best):
				best = c
			}
		}
	}
	return best
}

// SpeedText writes a pace for the screen: "full", "200/s", "100,000/s"
// (thousands grouped, as the screen's other counts), or "0.5/s".
func SpeedText(speed float64) string {
	if speed == 0 {
		return "full"
	}
	if speed >= 1 && speed == math.Trunc(speed) {
		return numtext.FormatInt(int(speed)) + "/s"
	}
	return strconv.FormatFloat(speed, 'f', -1, 64) + "/s"
}

// RateText writes a measured rate, in epochs a second, for the header and
// the plan's done note as a number and its unit: "23,456" "ep/s" and
// "951" "ep/s" whole; under 10 epochs a second with a tenth, "2.5"
// "ep/s", where a whole number would read a wide design's 0.4 as 0,
// stopped; and under one epoch a second the seconds an epoch takes, "8.3"
// "s/ep" or "25" "s/ep", where "0.04 ep/s" would be a fraction to invert,
// and the time an epoch takes is what its user waits for, epoch by epoch.
// The two units meet at 1, and each keeps two digits at the least; "s/ep"
// mirrors "ep/s". A rate that reads 1.0 in epochs a second (0.951 up) is
// written so: at speed 1/s the header's rate, 0.99 and 1.01 by turns, had
// flipped between "1.0 s/ep" and "1.0 ep/s" from frame to frame, the same
// number in another unit. The number takes at most RateWidth columns, the
// room the header keeps for "99,999 ep/s": from 100,000 up it is written
// in the short exponent form, "1.23e5" (numtext.CountIn), and +Inf as "∞".
func RateText(rate float64) (num, unit string) {
	unit = "ep/s"
	if rate > 0 && rate < 1 && strconv.FormatFloat(rate, 'f', 1, 64) != "1.0" {
		rate, unit = 1/rate, "s/ep"
	}
	if math.Round(rate*10) < 100 {
		return strconv.FormatFloat(rate, 'f', 1, 64), unit
	}
	return numtext.CountIn(rate, RateWidth), unit
}

// RateWidth is the most columns RateText writes a rate's number in, that
// of "99,999".
const RateWidth = len("99,999")

// ParseSpeed reads a pace as --speed takes it: "full", or a rate in
// epochs per second from MinSpeed to MaxSpeed ("200", "200/s"), written
// as every number ganui reads (engine.PlainNumber); one with a '+'
// before it is told what to write, as every count flag's is
// (engine.PlusSign), not "not full or a number"; so is one written as
// Go, a paper or another script writes one (engine.GoNumberForm: −5,
// 0x10, ٥), and one with commas between groups of three digits as a
// reader writes one (engine.Grouped: 10,000), as the count flags tell
// it. What
// is not a number is told the range too, as --epochs' "allowed: …" is.
func ParseSpeed(s string) (float64, error) {
	if s == "full" {
		return 0, nil
	}
	rate := strings.TrimSuffix(s, "/s")
	v, err := strconv.ParseFloat(rate, 64)
	plain, how := engine.GoNumberForm(rate)
	if g, ok := engine.Grouped(rate); ok { // 10,000: told as --epochs 10,000 is
		plain, how = g, "has commas; write it without them"
	}
	switch {
	case engine.PlusSign(rate) != nil: // with what else is wrong with the number, so that +0 is told its range at once, not to write 0 and then its range
		_, bare := ParseSpeed(rate[1:])
		return 0, engine.PlusSignAnd(rate, bare)
	case plain != "":
		// Written as Go, a paper or another script writes a number
		// (engine.GoNumberForm: −5, 0x10, ٥): told the number to write, or
		// what is wrong with that number, as a count flag is.
		written, _, _ := strings.Cut(how, ";")
		if _, bare := ParseSpeed(plain); bare != nil {
			return 0, fmt.Errorf("%q %s, and %v", s, written, bare)
		}
		return 0, fmt.Errorf("%q %s: %s", s, how, plain+strings.TrimPrefix(s, rate))
	case err != nil && !errors.Is(err, strconv.ErrRange), !engine.PlainNumber(rate), math.IsNaN(v):
		return 0, fmt.Errorf("%q is not full or a number of epochs a second; allowed: %s", s, numtext.Range(MinSpeed, MaxSpeed))
	case !(v >= MinSpeed && v <= MaxSpeed):
		return 0, fmt.Errorf("%s out of range %s epochs a second (or full)", s, numtext.Range(MinSpeed, MaxSpeed)) // as the other numbers' ranges are put
	}
	return v, nil
}
