package session

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
)

// smallRing is the ring preset at a sixteenth of its work (batch 64,
// layers 24 wide): the session's 2-D machinery, not the ring's quality,
// is what these tests are about.
func smallRing(t testing.TB) engine.Config {
	t.Helper()
	cfg, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Batch, cfg.GHidden, cfg.DHidden, cfg.Epochs = 64, []int{24, 24}, []int{24, 24}, 300
	return cfg
}

// TestPlaneSession: a 2-D run's snapshot carries the plane (box, modes,
// reference points) and an evaluation the 2-D view draws (points, D's
// surface, the push arrows, the papers' metrics on 2,500 samples); its
// events name modes by their place; its CSV has the 2-D columns; and a
// roll-back restores it bit-identically.
func TestPlaneSession(t *testing.T) {
	s := newIdle(t, Options{Config: smallRing(t), Seed: 2, Dir: t.TempDir()})
	for range 300 {
		s.trainEpoch()
	}
	s.evaluate()
	p := s.target.Plane
	if p == nil || len(p.Spots) != 8 || len(p.Reference) != 2*referencePoints || !(p.Box.X1 > 2) {
		t.Fatalf("target %+v: want the ring's box, 8 modes and %d reference points", s.target, referencePoints)
	}
	e := s.eval
	pm := e.Metrics.Plane
	if pm == nil || e.Metrics.N != engine.BenchmarkSamples || len(pm.Spots) != 8 || !(pm.SW1Floor > 0) {
		t.Fatalf("evaluation %+v: want plane metrics on %d samples", e.Metrics, engine.BenchmarkSamples)
	}
	if len(e.Points) != 2*planePoints || e.SurfaceN != surfaceN || len(e.Surface) != surfaceN*surfaceN || len(e.Arrows) != planeArrows {
		t.Fatalf("view data: %d point values, surface %d (%d), %d arrows", len(e.Points), e.SurfaceN, len(e.Surface), len(e.Arrows))
	}
	for _, ev := range s.tl.events {
		if (ev.Kind == EventModeDropped || ev.Kind == EventModeRecovered) && !strings.Contains(ev.Line(), "at (") {
			t.Errorf("a 2-D mode event without its place: %q", ev.Detail)
		}
	}
	if s.last.StdY == 0 {
		t.Error("the epoch's stats have no y axis")
	}

	Export{}.apply(s)
	var kept []byte
	csv, err := os.ReadFile(filepath.Join(s.opts.Dir, "ganui-ring-seed2-epoch300.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if rows[0] != CSVPlaneColumns(8) || len(rows) != 301 {
		t.Fatalf("CSV header %q and %d rows, want %q and 300", rows[0], len(rows)-1, CSVPlaneColumns(8))
	}
	for _, r := range rows[1:] {
		if n := strings.Count(r, ","); n != strings.Count(rows[0], ",") {
			t.Fatalf("row %q has %d commas, the header %d", r, n, strings.Count(rows[0], ","))
		}
	}

	keepNow(s)
	kept = marshal(t, s.gan)
	at := s.gan.Epoch()
	poison(t, s)
	Rollback{}.apply(s)
	for s.gan.Config().DLR > 5e-4 || s.gan.Config().GLR > 5e-4 {
		Adjust{DLR, -1}.apply(s)
		Adjust{GLR, -1}.apply(s)
	}
	if s.gan.Epoch() != at || !bytes.Equal(marshal(t, s.gan), kept) {
		t.Fatalf("rolled back to epoch %d; the run differs from the state kept at %d", s.gan.Epoch(), at)
	}
	if s.target.Plane == nil {
		t.Fatal("the roll-back lost the plane")
	}
}

// TestPlaneCSVWithoutModes: against a target without modes (moons) the
// CSV's hq and modes columns stay empty at the checks, as the final
// line gives neither; 0 would read as no sample of high quality.
func TestPlaneCSVWithoutModes(t *testing.T) {
	cfg := smallRing(t)
	cfg.Target = "moons(0.05)"
	s := newIdle(t, Options{Config: cfg, Seed: 1, Dir: t.TempDir()})
	for range 20 {
		s.trainEpoch()
	}
	Export{}.apply(s)
	csv, err := os.ReadFile(filepath.Join(s.opts.Dir, "ganui-ring-seed1-epoch20.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(csv)), "\n")
	if rows[0] != CSVPlaneColumns(0) {
		t.Fatalf("header %q", rows[0])
	}
	checked := 0
	for _, r := range rows[1:] {
		f := strings.Split(r, ",")
		if f[8] == "" { // sw1: no check at this epoch
			continue
		}
		checked++
		if f[10] != "" || f[11] != "" {
			t.Errorf("row %q: hq %q and modes %q, want both empty", r, f[10], f[11])
		}
	}
	if checked == 0 {
		t.Fatalf("no checked row in\n%s", csv)
	}
}

// TestPlaneRunLine: a headless 2-D run reports the papers' metrics on its
// final line.
func TestPlaneRunLine(t *testing.T) {
	r := runToEnd(t, Options{Config: smallRing(t), Seed: 1, Epochs: 40})
	line := r.Line()
	for _, want := range []string{"mean_x=", "std_y=", "sw1=", "sw1_floor=", "modes=", "/8", "hq=", "mode_share="} {
		if !strings.Contains(line, want) {
			t.Errorf("final line %q lacks %q", line, want)
		}
	}
	if r.Metrics.N != engine.BenchmarkSamples {
		t.Errorf("evaluated %d samples, want the papers' %d", r.Metrics.N, engine.BenchmarkSamples)
	}
}
