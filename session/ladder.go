package session

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ganui/ganui/engine"
)

// Learning rates move along the 1-2-5 ladder (…, 1e-4, 2e-4, 5e-4, 1e-3, …)
// between MinLR, the ladder's own floor, and the engine's MaxLR.
const (
	MinLR = 1e-6
	MaxLR = engine.MaxLR
)

// stepLR returns the next learning rate on the 1-2-5 ladder above lr
// (dir > 0) or below it (dir < 0), clamped to [MinLR, MaxLR]. A value not on
// the ladder, such as 3e-4, snaps to the nearest ladder value in that
// direction (5e-4 up, 2e-4 down).
func stepLR(lr float64, dir int) float64 {
	if dir == 0 || !(lr > 0) {
		return lr
	}
	const tol = 1e-9 // relative: 2e-4 computed in binary is still 2e-4
	k := int(math.Floor(math.Log10(lr)))
	best := math.NaN()
	for e := k - 1; e <= k+1; e++ {
		for _, m := range [...]int{1, 2, 5} {
			v := ladderValue(m, e)
			switch {
			case dir > 0 && v > lr*(1+tol) && !(v >= best):
				best = v
			case dir < 0 && v < lr*(1-tol) && !(v <= best):
				best = v
			}
		}
	}
	return math.Min(MaxLR, math.Max(MinLR, best))
}

// ladderValue is m·10^e as the float nearest that decimal, so that ladder
// values print as they read (2e-4, not 0.00020000000000000001).
func ladderValue(m, e int) float64 {
	v, _ := strconv.ParseFloat(fmt.Sprintf("%de%d", m, e), 64)
	return v
}

// FormatLR writes a learning rate the way the ladder reads: 1e-3, 2e-4,
// 1.5e-4, and plain decimals from 0.1 up.
func FormatLR(lr float64) string {
	if lr >= 0.1 {
		return strconv.FormatFloat(lr, 'g', 4, 64)
	}
	s := strconv.FormatFloat(lr, 'e', -1, 64) // 1e-03
	mant, exp, _ := strings.Cut(s, "e")
	sign := exp[:1]
	exp = strings.TrimLeft(exp[1:], "0")
	if sign == "+" {
		sign = ""
	}
	return mant + "e" + sign + exp
}

// stepCount moves a per-epoch step count by dir within 1..engine.MaxSteps.
func stepCount(n, dir int) int {
	return min(engine.MaxSteps, max(1, n+dir))
}

// speeds are the epoch rates [ and ] move between, fastest first; 0 is full
// speed. The slow ones let a learner watch single epochs.
var speeds = [...]float64{0, 1000, 100, 20, 5, 1}

// speedName labels speeds[i].
func speedName(i int) string {
	if speeds[i] == 0 {
		return "full"
	}
	return strconv.FormatFloat(speeds[i], 'f', -1, 64) + "/s"
}

// stepSpeed moves the speed index one step faster (dir > 0) or slower.
func stepSpeed(i, dir int) int {
	return min(len(speeds)-1, max(0, i-dir))
}

// FormatInt writes an integer with thousands separators: 12,345.
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}
