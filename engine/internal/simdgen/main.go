// Command simdgen writes engine/kernels_simd_gen_amd64.go: the SIMD kernels
// of the GOEXPERIMENT=simd build at both vector widths, AVX-512 (16 lanes,
// functions suffixed 16) and AVX2 + FMA (8 lanes, suffixed 8), from one
// template per kernel family (the *.tmpl files beside this one).
//
// Run it from engine/ with `go generate` (kernels.go holds the directive);
// .ci/run fails when the checked-in file differs from what it writes. It
// needs nothing but the standard library and takes well under a second.
//
// Why a generator: the two widths must compute the same bits (a seeded run
// trains identically with or without AVX-512; TestSIMDWidthsAgree checks
// it), so they are the same code at a different vector type. Go cannot say
// that once: a generic function would call the vector methods through its
// dictionary rather than inline them, and a kernel taking a helper as a
// function value calls it per vector. Hand copies drift. So the shape of
// each kernel lives here once, and the differences between the widths are
// the data in widths below, not a second copy.
//
// Template conventions (see also the methods of width and tile):
//
//   - @ stands for the width in lanes: f@, ld@p and archsimd.Float32x@
//     become f16, ld16p and archsimd.Float32x16 at 16 lanes. It is replaced
//     after the template has run, so it works inside the patterns below.
//     {{.W2}}, {{.W3}}, {{.W4}} and {{.Wm1}} are 2@, 3@, 4@ and @ − 1.
//   - The reductions (dot, sum, gemv) add over 16 logical lanes at both
//     widths, in the same order: a 16-lane accumulator is .P vectors, its
//     Parts (one at 16 lanes; a low and a high half at 8). {{range .Parts}}
//     repeats a statement per part, with {{.N}} the name suffix ("", or "l"
//     and "h") and {{.At "i"}} / {{.Slice "i"}} the part's offset i, i+8 or
//     its slice bounds; {{.Each "s0#"}} lists the names, # the suffix:
//     "s0" or "s0l, s0h".
//   - A gemm tile holds NV vectors per row; {{.Vecs "c0#"}} lists c00, c01,
//     … with # the vector's index.
//   - {{if .First}} marks the comments that describe a family as a whole,
//     written once, before its first width.
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var templates embed.FS

// families lists the templates in the order their code appears in the
// generated file, each written once per width.
var families = []string{"helpers", "reduce", "axpy", "gemv", "gemm", "actgrad", "adam", "activation", "mbd", "deadcols"}

// width is one instantiation of the kernels. The fields past W and ISA
// are the real differences between the widths; everything else in the
// generated code is the same source.
type width struct {
	W   int    // lanes per vector
	ISA string // for comments

	// PastEnd lets gemm's four-vector tiles run their last vector past n
	// when the rows of M have room, in step with the others, loading and
	// storing only its valid lanes of Y: a 16-lane vector at n − 16
	// straddles two cache lines on every row of M, which cost AVX-512 5%
	// on a 100 × 50 ← 50 product. AVX2 keeps the plain overlapping vector.
	PastEnd bool

	// SmallTile is the number of vectors per row of the two-row tile gemm
	// uses for a column block no wider than that many vectors: three on
	// AVX-512 (a 50-wide layer is 48 columns in tiles, the rest in
	// gemmLastCols), two on AVX2 (its 16-wide blocks).
	SmallTile int

	// SmallRows is the number of rows of the copy of that tile over M in
	// panels. On AVX-512 three: a two-row tile of three vectors has six
	// sums, each waiting four cycles for its multiply-add of the term
	// before, and three rows' nine keep both FMA units busier (100 × 48
	// ← 50 in about 0.9 of the time, devnag-2017's epoch in 0.98). Nine
	// accumulators, three broadcasts, a vector of M and its copy fit the
	// 15 registers; four vectors of three rows would not.
	SmallRows int

	// TwoColGemv emits gemv2Cols@, gemmLastCols' matrix–vector products
	// for two columns at once. Only AVX-512 has the registers for its
	// eight 16-lane accumulators; it assumes P = 1.
	TwoColGemv bool

	// ActPairs runs the activations' loops (ELU, sigmoid, tanh) two
	// vectors an iteration. It pays on AVX2 (one at a time: 5–10% slower).
	// On AVX-512 the two bodies together kept the compiler from inlining
	// the exponential's reduction, a call per vector: one at a time ran
	// devnag-2017's epoch 12% faster.
	ActPairs bool

	// Derived by setup.
	P          int    // vectors per 16-lane accumulator
	Parts      []part // those vectors
	W2, W3, W4 int    // multiples of W
	Wm1        int    // W − 1
	First      bool   // the first width written: family comments go here
}

// part is one vector of a 16-lane accumulator.
type part struct {
	N   string // name suffix
	Off int    // first logical lane
	W   int    // lanes
}

// widths are written in this order; the first carries the comments.
var widths = []width{
	{W: 16, ISA: "AVX-512", PastEnd: true, SmallTile: 3, SmallRows: 3, TwoColGemv: true},
	{W: 8, ISA: "AVX2", SmallTile: 2, SmallRows: 2, ActPairs: true},
}

func (w *width) setup(first bool) {
	if 16%w.W != 0 || w.W > 16 || w.W < 8 {
		log.Fatalf("simdgen: width %d: the templates know 16 and 8 lanes", w.W)
	}
	w.P = 16 / w.W
	w.Parts = nil
	for i := range w.P {
		n := ""
		if w.P > 1 {
			n = []string{"l", "h"}[i]
		}
		w.Parts = append(w.Parts, part{N: n, Off: i * w.W, W: w.W})
	}
	if w.TwoColGemv && w.P != 1 {
		log.Fatalf("simdgen: width %d: gemv2Cols is written for one vector per 16 lanes", w.W)
	}
	w.W2, w.W3, w.W4, w.Wm1 = 2*w.W, 3*w.W, 4*w.W, w.W-1
	w.First = first
}

// Each returns pattern once per part, # replaced by the part's suffix,
// joined by commas: the names of a 16-lane accumulator's vectors.
func (w width) Each(pattern string) string {
	s := make([]string, len(w.Parts))
	for i, p := range w.Parts {
		s[i] = strings.ReplaceAll(pattern, "#", p.N)
	}
	return strings.Join(s, ", ")
}

// Tile describes a two-row gemm tile nv vectors wide whose last vector
// may run past n (partial).
func (w width) Tile(nv int, partial bool) tile {
	return tile{width: w, Rows: 2, NV: nv, Partial: partial}
}

// NarrowTiles lists the tiles of 1 … SmallTile vectors, for blocks at
// most SmallTile vectors wide: each block takes the fewest vectors that
// cover it. Those of one and two vectors take narrowRows rows; the rest,
// and the rows left over, the two-row tile (Two).
func (w width) NarrowTiles() []tile {
	var ts []tile
	for nv := 1; nv <= w.SmallTile; nv++ {
		t := w.Tile(nv, false)
		if nv <= 2 {
			t.Rows = narrowRows
		}
		ts = append(ts, t)
	}
	return ts
}

// MBDBlocks is the number of 16-lane blocks of a row's pairs mbdPairs@
// takes a turn, their exponentials interleaved, at either width: each
// exponential is one chain of a dozen dependent operations, too long for
// the processor to overlap enough of them on its own. On AVX-512, 100
// rows of 8 kernels, the forward took 18.5 µs a block a turn, 14.8 two,
// 14.6 three (bench/README.md, section 0, step 42).
func (w width) MBDBlocks() int { return 2 }

// narrowRows is the number of rows of a tile one or two vectors wide
// (vanilla's 16- and 32-wide layers, at either width). Two rows of one
// vector are two sums, each waiting four cycles for the multiply-add of
// the term before: a quarter of the FMA units' rate. Four rows make it
// four or eight sums: vanilla's epoch took 0.94 the time on AVX-512 and
// 0.98 on AVX2; eight rows of one vector did no better.
const narrowRows = 4

// PanelTile describes a gemm tile of rows rows over M in panels (rows
// panelCols apart): nv whole vectors at the fixed offsets 0, W, 2W, …,
// constants in its code.
func (w width) PanelTile(rows, nv int) tile {
	return tile{width: w, Rows: rows, NV: nv, Fixed: true}
}

// At returns the expression expr plus the part's offset, folding a
// trailing constant: "i" → "i+8", "n-16" → "n-8", "16" → "24".
func (p part) At(expr any) string { return offset(fmt.Sprint(expr), p.Off) }

// Slice returns the bounds of the part's vector in a slice indexed from
// expr: "n-16" → "n-16:n-8" or "n-8:n".
func (p part) Slice(expr any) string {
	e := fmt.Sprint(expr)
	return offset(e, p.Off) + ":" + offset(e, p.Off+p.W)
}

// offset adds d to expr, combining it with expr's trailing integer term.
func offset(expr string, d int) string {
	base, c := expr, 0
	if n, err := strconv.Atoi(expr); err == nil {
		base, c = "", n
	} else if i := strings.LastIndexAny(expr, "+-"); i > 0 {
		if n, err := strconv.Atoi(expr[i:]); err == nil {
			base, c = expr[:i], n
		}
	}
	c += d
	switch {
	case base == "":
		return strconv.Itoa(c)
	case c == 0:
		return base
	case c > 0:
		return base + "+" + strconv.Itoa(c)
	}
	return base + strconv.Itoa(c)
}

// gemvUnroll is the most 16-lane blocks per row whose multiply-adds a
// pass of gemv writes out; longer rows loop over that many at a time.
const gemvUnroll = 8

// gemvBlocks is a run of 16-lane blocks of a gemv pass, written out one
// after the other: Offs are their offsets in a row of w ("0", "16", … or
// "i", "i+16", …). No offsets: the pass for rows longer than GemvUnroll
// blocks, which loops.
type gemvBlocks struct {
	width
	Offs []string
}

// HoistX reports whether a pass over rows of these written-out blocks
// loads x's blocks once, before its loop over rows, instead of again for
// every four rows: only where they stay in registers, up to six blocks
// at 16 lanes and none at 8 (the compiler allocates 15 vector registers;
// the four accumulators, the tail's copy and the reduction's temporaries
// take the other nine: at eight blocks, 128 × 128, they spilled and the
// pass took 1.04 of the time). The same multiply-adds in the same order:
// the same bits (bench/README step 28).
func (b gemvBlocks) HoistX() bool {
	return len(b.Offs) > 0 && !strings.Contains(b.Offs[0], "i") && (len(b.Offs)+9)*b.P <= 15
}

// GemvUnroll is gemvUnroll, for the templates.
func (w width) GemvUnroll() int { return gemvUnroll }

// GemvUnrolled lists the numbers of blocks a pass writes out: 1 … gemvUnroll.
func (w width) GemvUnrolled() []int {
	s := make([]int, gemvUnroll)
	for i := range s {
		s[i] = i + 1
	}
	return s
}

// GemvBlocks returns nb blocks from offset base on: base, base+16, …
func (w width) GemvBlocks(base string, nb int) gemvBlocks {
	b := gemvBlocks{width: w}
	for i := range nb {
		b.Offs = append(b.Offs, offset(base, 16*i))
	}
	return b
}

// rows is a group of G rows i of minibatch discrimination's pairs.
type rows struct {
	width
	G  int
	Rs []int // 0 … G−1
}

// Lane returns the first of the 16 logical lanes of the group's member i
// (mbd.tmpl's blocks).
func (r rows) Lane(i int) int { return 16 * i }

// Rows returns the data of a group of g rows (or blocks).
func (w width) Rows(g int) rows {
	r := rows{width: w, G: g}
	for i := range g {
		r.Rs = append(r.Rs, i)
	}
	return r
}

// tile is a gemm tile: Rows rows of Y by NV vectors (the one-row tile of
// the same vectors is its tile1).
type tile struct {
	width
	Rows    int
	NV      int
	Partial bool // the last vector may run past n: Y's lanes past n are neither loaded nor stored
	Fixed   bool // M in panels, the vectors at offsets 0, W, 2W, …: constants, not parameters
}

// Name is the tile's function name for r rows: gemm16Tile2x4 holds two
// rows of four 16-lane vectors, gemm16PanelTile2x4 is its copy over M in
// panels.
func (t tile) Name(r int) string {
	kind := "Tile"
	if t.Fixed {
		kind = "PanelTile"
	}
	return fmt.Sprintf("gemm%d%s%dx%d", t.W, kind, r, t.NV)
}

// General is the two-row tile with parameters for offsets that a panel
// tile copies.
func (t tile) General() tile { return t.width.Tile(t.NV, false) }

// Args is the argument list gemm's driver calls the tile with, for its
// rows from r on and the column block from j0 on.
func (t tile) Args() string {
	if t.Fixed {
		return "kn, a[r*ars:], ars, aks, m[j0:], y[r*ldy+j0:], ldy"
	}
	partial := ""
	if t.Partial {
		partial = "n, "
	}
	return "kn, a[r*ars:], ars, aks, m, ldm, y[r*ldy:], ldy, " + partial + t.Vecs("o#")
}

// Two is the tile on two rows.
func (t tile) Two() tile { t.Rows = 2; return t }

// LastRow is the index of the tile's last row.
func (t tile) LastRow() int { return t.Rows - 1 }

// ByRow returns pattern once per row of the tile, joined by commas: # is
// replaced by the row's index, $+ by its offset as a prefix (nothing,
// "ldy+", "2*ldy+" for stride "ldy") and $ by the offset alone ("0",
// "ldy", "2*ldy").
func (t tile) ByRow(pattern, stride string) string {
	s := make([]string, t.Rows)
	for r := range s {
		s[r] = t.AtRow(r, pattern, stride)
	}
	return strings.Join(s, ", ")
}

// AtRow is ByRow's pattern for row r alone.
func (t tile) AtRow(r int, pattern, stride string) string {
	off := "0"
	switch {
	case r == 1:
		off = stride
	case r > 1:
		off = fmt.Sprintf("%d*%s", r, stride)
	}
	prefix := off + "+"
	if r == 0 {
		prefix = ""
	}
	pattern = strings.ReplaceAll(pattern, "#", strconv.Itoa(r))
	pattern = strings.ReplaceAll(pattern, "$+", prefix)
	return strings.ReplaceAll(pattern, "$", off)
}

// Offsets lists the vectors' fixed offsets, 0, W, 2W, …
func (t tile) Offsets() string {
	s := make([]string, t.NV)
	for i := range s {
		s[i] = strconv.Itoa(i * t.W)
	}
	return strings.Join(s, ", ")
}

// Cols is the tile's width in columns.
func (t tile) Cols() int { return t.NV * t.W }

// Last is the index of the last vector; LastWhole that of the last one
// loaded and stored whole.
func (t tile) Last() int { return t.NV - 1 }

func (t tile) LastWhole() int {
	if t.Partial {
		return t.NV - 2
	}
	return t.NV - 1
}

// Rev lists the vectors last first, the order the tiles store them in.
func (t tile) Rev() []int {
	r := make([]int, t.NV)
	for i := range r {
		r[i] = t.NV - 1 - i
	}
	return r
}

// Vecs returns pattern once per vector, # replaced by its index, joined by
// commas.
func (t tile) Vecs(pattern string) string { return t.list(pattern, t.NV) }

// Whole is Vecs over the vectors loaded and stored whole (all but a
// partial last one).
func (t tile) Whole(pattern string) string { return t.list(pattern, t.LastWhole()+1) }

func (t tile) list(pattern string, n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = strings.ReplaceAll(pattern, "#", strconv.Itoa(i))
	}
	return strings.Join(s, ", ")
}

// term is one coefficient's update in gemmTile1x…: accumulators acc, term
// index k.
type term struct {
	tile
	Acc, K string
}

// Term returns the data of one coefficient's update of a one-row tile.
func (t tile) Term(acc, k string) term { return term{t, acc, k} }

const header = `// Code generated by simdgen from engine/internal/simdgen; DO NOT EDIT.

// The SIMD kernels at both vector widths, AVX-512 (16 lanes, suffix 16)
// and AVX2 + FMA (8 lanes, suffix 8), written out from one template per
// kernel family (engine/internal/simdgen/*.tmpl). Edit the templates and
// run go generate ./engine/ to change them. The dispatch, the ISA
// detection and the width-independent helpers are in
// kernels_simd_amd64.go.

//go:build goexperiment.simd && amd64

package engine

import (
	"math"
	"simd/archsimd"
	"unsafe"
)
`

func main() {
	out := flag.String("o", "kernels_simd_gen_amd64.go", "file to write")
	flag.Parse()
	log.SetFlags(0)

	src, err := generate()
	if err != nil {
		log.Fatal("simdgen: ", err)
	}
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, src) {
		return // up to date: leave the file (and its time) alone
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal("simdgen: ", err)
	}
}

// generate returns the formatted source of the generated file.
func generate() ([]byte, error) {
	t, err := template.New("").Funcs(template.FuncMap{
		"strs": func(s ...string) []string { return s },
		"mul":  func(a, b int) int { return a * b },
		"plus": func(expr string, d int) string { return offset(expr, d) },
	}).ParseFS(templates, "*.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString(header)
	for _, f := range families {
		for i := range widths {
			w := widths[i]
			w.setup(i == 0)
			var b bytes.Buffer
			if err := t.ExecuteTemplate(&b, f+".tmpl", w); err != nil {
				return nil, err
			}
			buf.WriteString("\n")
			buf.Write(bytes.ReplaceAll(b.Bytes(), []byte("@"), []byte(strconv.Itoa(w.W))))
		}
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		// Keep the unformatted text to look at: the error names its line.
		tmp := filepath.Join(os.TempDir(), "simdgen-unformatted.go")
		os.WriteFile(tmp, buf.Bytes(), 0o644)
		return nil, fmt.Errorf("%v (unformatted output in %s)", err, tmp)
	}
	return src, nil
}
