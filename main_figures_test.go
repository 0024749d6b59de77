package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
)

// docsFigureCommand is a command the guide gives to draw one of the figures
// it shows, `ganui --headless … --plot docs/NAME.png`, in a block of its own
// or after a `$ ` prompt.
var docsFigureCommand = regexp.MustCompile("(?m)^(?:\\$ )?ganui (--headless [^`\n]*--plot (docs/[^ `\n]+\\.png)[^`\n]*)$")

// TestDocsFiguresAreWhatTheirCommandsDraw: each PNG of docs/ is what the
// command the guide gives for it draws now, pixel for pixel, so that a figure
// the guide shows is never an older ganui's: docs/blog-original.png had kept
// the palette's old teal for G's loss (#0F7B7B) after e5f4cbef darkened it
// to #005A5A. Each figure has one command wherever it is quoted (the README
// and docs/ quote the same), and every PNG in docs/ has one. The pixels are
// compared, not the files' bytes, which another Go's PNG encoder may pack
// otherwise; the runs are the portable kernels', as the figures are. The
// three runs take about 40 s of one core (two sweeps at --jobs 2, 117,000
// epochs in all, and blog-original's 5,000), so they are left to the pass
// without the race detector, as the README's quoted runs are (.ci/run).
func TestDocsFiguresAreWhatTheirCommandsDraw(t *testing.T) {
	if isa := engine.KernelISA(); isa != "go" {
		t.Skipf("the docs' figures are the portable kernels' runs, this build trains with %s", isa)
	}
	if testing.Short() || raceEnabled {
		t.Skip("trains the docs' figures' runs, 122,000 epochs in all")
	}
	commands := map[string]string{} // each figure's command, by its file
	var files []string
	for _, file := range guideFiles(t) {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range docsFigureCommand.FindAllStringSubmatch(string(text), -1) {
			cmd, png := "ganui "+m[1], m[2]
			if was, ok := commands[png]; ok && was != cmd {
				t.Errorf("%s: %s is drawn by `%s`, where another file gives `%s`: give one command", file, png, cmd, was)
				continue
			}
			if _, ok := commands[png]; !ok {
				files = append(files, png)
			}
			commands[png] = cmd
		}
	}
	pngs, err := filepath.Glob(filepath.Join("docs", "*.png"))
	if err != nil {
		t.Fatal(err)
	}
	for _, png := range pngs {
		if _, ok := commands[png]; !ok {
			t.Errorf("%s: no `ganui --headless … --plot %s` in README.md or docs/ says how it is drawn", png, png)
		}
	}
	for _, png := range files {
		cmd := commands[png]
		if strings.ContainsAny(cmd, `'"\$*?`) {
			t.Errorf("`%s` quotes or expands words, which this test does not read: give it in plain words", cmd)
			continue
		}
		args := strings.Fields(strings.TrimPrefix(cmd, "ganui "))
		drawn := filepath.Join(t.TempDir(), filepath.Base(png))
		args[slices.Index(args, png)] = drawn
		if code, _, stderr := runCLI(t, args...); code != 0 {
			t.Errorf("`%s`: exit %d, stderr:\n%s", cmd, code, stderr)
			continue
		}
		if why := samePixels(t, png, drawn); why != "" {
			t.Errorf("%s is not what `%s` draws: %s; run that command to draw it again", png, cmd, why)
		}
	}
}

// samePixels says how the PNG images in files a and b differ, or "" where
// they are the same size and every pixel the same colour.
func samePixels(t *testing.T, a, b string) string {
	t.Helper()
	decode := func(name string) image.Image {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return img
	}
	ia, ib := decode(a), decode(b)
	ra, rb := ia.Bounds(), ib.Bounds()
	if ra.Size() != rb.Size() {
		return "it is " + numtext.FormatInt(ra.Dx()) + "×" + numtext.FormatInt(ra.Dy()) + " pixels, the command's " + numtext.FormatInt(rb.Dx()) + "×" + numtext.FormatInt(rb.Dy())
	}
	differ, first := 0, image.Point{}
	for y := 0; y < ra.Dy(); y++ {
		for x := 0; x < ra.Dx(); x++ {
			r1, g1, b1, a1 := ia.At(ra.Min.X+x, ra.Min.Y+y).RGBA()
			r2, g2, b2, a2 := ib.At(rb.Min.X+x, rb.Min.Y+y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				if differ == 0 {
					first = image.Pt(x, y)
				}
				differ++
			}
		}
	}
	if differ == 0 {
		return ""
	}
	return numtext.FormatInt(differ) + " of its " + numtext.FormatInt(ra.Dx()*ra.Dy()) + " pixels differ, the first at x=" + numtext.FormatInt(first.X) + ", y=" + numtext.FormatInt(first.Y) + " from the top left"
}
