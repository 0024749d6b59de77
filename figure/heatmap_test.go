package figure

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/ganui/ganui/session"
)

// TestHatchedCellsKeyed: where a heat map hatches a cell with no value,
// a key under its colour bar says what the hatching is and why the map's
// cells have none, "no value:" over "all diverged", "NaN" and "none
// finished", each reason the sweep gave once; where the cells are too
// narrow for their words, nothing on the figure had said it (only the
// docs did). A map with no such cell has no key.
func TestHatchedCellsKeyed(t *testing.T) {
	nan := math.NaN()
	res := session.SweepResult{
		Preset: "vanilla", Target: "normal(4,1.25)", Epochs: 3000, Seeds: []uint64{1, 2, 3}, Samples: 10000, Measures: [2]string{"ks", "w1"},
		Axes: []session.SweepAxis{{Key: "d_lr"}, {Key: "g_lr"}},
	}
	for i := range 14 {
		res.Axes[0].Values = append(res.Axes[0].Values, fmt.Sprintf("%.0e", math.Pow(10, -4+float64(i)/4)))
	}
	for j := range 10 {
		res.Axes[1].Values = append(res.Axes[1].Values, fmt.Sprintf("%.0e", math.Pow(10, -4+float64(j)/3)))
	}
	for j, y := range res.Axes[1].Values {
		for i, x := range res.Axes[0].Values {
			r := session.SweepRow{Values: []string{x, y}, Runs: 3, First: [3]float64{0.05 + 0.03*float64(i+j), 0, 1}}
			switch {
			case i == 13 && j == 9: // a stop came before any of its seeds finished: no row
				continue
			case i+j > 18:
				r.Diverged, r.First = 3, [3]float64{nan, nan, nan}
			case i == 13 && j == 0:
				r.Diverged, r.NotFinite, r.First = 1, [2]int{2, 0}, [3]float64{nan, nan, nan}
			}
			res.Rows = append(res.Rows, r)
		}
	}
	h := FromSweep(res)
	if want := []string{"all diverged", "NaN", "none finished"}; !slices.Equal(h.NoValue, want) {
		t.Errorf("the reasons for no value %q, want %q", h.NoValue, want)
	}
	one := res
	one.Seeds, one.Rows = []uint64{2}, []session.SweepRow{{Values: []string{res.Axes[0].Values[0], res.Axes[1].Values[0]}, Runs: 1, Diverged: 1, First: [3]float64{nan, nan, nan}}}
	if got := FromSweep(one).NoValue; !slices.Equal(got, []string{"diverged", "not finished"}) {
		t.Errorf("of one seed, the reasons %q, want \"diverged\", \"not finished\"", got)
	}

	const w, hi = 7.5 * vg.Inch, 6 * vg.Inch
	texts := func(h Heatmap) (map[string]vg.Point, draw.Canvas, draw.Canvas) {
		rec := &recorder.Canvas{}
		if err := drawHeatmap(draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: hi}}}, h); err != nil {
			t.Fatal(err)
		}
		p, bar, mapArea, barArea, err := heatmapLayout(draw.New(vgimg.New(w, hi)), h)
		if err != nil {
			t.Fatal(err)
		}
		at := map[string]vg.Point{}
		for _, a := range rec.Actions {
			if a, ok := a.(*recorder.FillString); ok {
				at[a.String] = a.Point
			}
		}
		return at, p.DataCanvas(mapArea), bar.DataCanvas(barArea)
	}
	at, cells, bar := texts(h)
	if _, ok := at["median KS by d_lr and g_lr — cells too narrow for their values"]; !ok {
		t.Fatalf("the cells are written in: the test wants them too narrow")
	}
	for _, want := range []string{"no value:", "all diverged", "NaN", "none finished"} {
		p, ok := at[want]
		switch {
		case !ok:
			t.Errorf("no %q on a figure of hatched cells too narrow for words", want)
		case p.X < cells.Max.X || p.Y > bar.Min.Y || p.Y < 0:
			t.Errorf("%q written at %.1f, %.1f pt: not under the colour bar (its foot at %.1f), right of the cells (to %.1f) and on the figure", want, p.X, p.Y, bar.Min.Y, cells.Max.X)
		}
	}
	if math.Abs(float64(cells.Min.Y-bar.Min.Y)) > 0.01 {
		t.Errorf("the cells' foot at %.1f pt, the colour bar's at %.1f: the key under the bar moved it off the cells'", cells.Min.Y, bar.Min.Y)
	}

	for j := range h.Z {
		for i := range h.Z[j] {
			h.Z[j][i] = 0.5
		}
	}
	at, _, _ = texts(h)
	for s := range at {
		if strings.HasPrefix(s, "no value") {
			t.Errorf("%q on a map whose every cell has a value", s)
		}
	}
}
