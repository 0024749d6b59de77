package engine

//go:generate go run ./internal/simdgen -o kernels_simd_gen_amd64.go

import (
	"math"
	"unsafe"
)

// The kernels below are the engine's only inner loops: every layer pass and
// optimizer step reduces to them. They work on contiguous float32 slices
// and come in two builds:
//
//   - the default build runs the portable Go versions in this file: several
//     independent accumulators so the CPU can overlap the additions, loops
//     unrolled by hand, bounds checks hoisted by re-slicing first;
//   - GOEXPERIMENT=simd on amd64 (kernels_simd_amd64.go) runs AVX-512 or
//     AVX2+FMA versions chosen at start-up from what the CPU reports, and
//     falls back to these when it reports neither. Both widths are
//     generated from one source (engine/internal/simdgen) into
//     kernels_simd_gen_amd64.go; after editing a template, run
//     go generate ./engine/ (.ci/run fails while the file is stale).
//
// Both builds compute the same sums, in different orders: results agree to
// float32 rounding (kernels_test.go checks every path against a plain
// reference). Adam's update is the same sequence of IEEE operations in
// every path, so it agrees bit for bit; the activations evaluate the same
// formulas, with fused multiply-adds in the SIMD kernels, within 3 ulp of
// float64 math.
//
// The functions without a suffix (sum, dot, axpy, gemv, gemmSerial,
// adamUpdate, eluApply, …) are the dispatching entry points every caller
// uses; they are defined per build (gemm and gemmPanels, here, split a
// large product between two cores first: pool.go).

// KernelISA names the instruction set the engine's kernels run on in this
// process: "go" (portable), "avx2" (AVX2 + FMA) or "avx512". The portable
// and the SIMD kernels sum in different orders, so a seeded run's last
// digits tell them apart: what pins a run's numbers (the screen's golden
// frames, the one-step fixture) says which kernels computed them.
func KernelISA() string { return isaNames[kernelISA] }

// isa is an instruction-set level of the kernels.
type isa uint8

const (
	isaGo isa = iota
	isaAVX2
	isaAVX512
)

var isaNames = [...]string{isaGo: "go", isaAVX2: "avx2", isaAVX512: "avx512"}

// dotGo returns Σ_i a[i]·b[i]. It panics if len(b) < len(a).
func dotGo(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	for len(a) >= 4 && len(b) >= 4 {
		s0 += a[0] * b[0]
		s1 += a[1] * b[1]
		s2 += a[2] * b[2]
		s3 += a[3] * b[3]
		a, b = a[4:], b[4:]
	}
	for i, v := range a {
		s0 += v * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// sumGo returns Σ x[i] over four accumulators. A single running sum would
// make every addition wait for the previous one; GAN.Check sums all of a
// network's weights each epoch to catch a NaN or an infinity.
func sumGo(x []float32) float32 {
	var s0, s1, s2, s3 float32
	for len(x) >= 4 {
		s0 += x[0]
		s1 += x[1]
		s2 += x[2]
		s3 += x[3]
		x = x[4:]
	}
	for _, v := range x {
		s0 += v
	}
	return (s0 + s1) + (s2 + s3)
}

// axpyGo computes dst[i] += alpha·x[i]. It panics if len(x) < len(dst).
func axpyGo(dst []float32, alpha float32, x []float32) {
	x = x[:len(dst)]
	for len(dst) >= 4 && len(x) >= 4 {
		dst[0] += alpha * x[0]
		dst[1] += alpha * x[1]
		dst[2] += alpha * x[2]
		dst[3] += alpha * x[3]
		dst, x = dst[4:], x[4:]
	}
	for i := range dst {
		dst[i] += alpha * x[i]
	}
}

// gemvGo adds a matrix–vector product to y:
//
//	y[o] += Σ_i w[o·n + i]·x[i],   n = len(x), w row-major len(y) × n
//
// Two rows share each load of x, which also gives the CPU eight
// independent sums to overlap. The loop indexes x and the rows by one
// counter: stepping three slices forward cost three length updates and
// three pointer adjustments a turn (bench/README.md, step 27).
func gemvGo(y, w, x []float32) {
	n := len(x)
	w = w[:len(y)*n]
	o := 0
	for ; o+2 <= len(y); o += 2 {
		w0 := w[o*n : (o+1)*n : (o+1)*n]
		w1 := w[(o+1)*n : (o+2)*n : (o+2)*n]
		var a0, a1, a2, a3, b0, b1, b2, b3 float32
		i := 0
		for ; i+4 <= n; i += 4 {
			xs, v0, v1 := x[i:i+4:i+4], w0[i:i+4:i+4], w1[i:i+4:i+4]
			a0 += v0[0] * xs[0]
			b0 += v1[0] * xs[0]
			a1 += v0[1] * xs[1]
			b1 += v1[1] * xs[1]
			a2 += v0[2] * xs[2]
			b2 += v1[2] * xs[2]
			a3 += v0[3] * xs[3]
			b3 += v1[3] * xs[3]
		}
		for ; i < n; i++ {
			a0 += w0[i] * x[i]
			b0 += w1[i] * x[i]
		}
		y[o] += (a0 + a1) + (a2 + a3)
		y[o+1] += (b0 + b1) + (b2 + b3)
	}
	if o < len(y) {
		y[o] += dotGo(w[o*n:(o+1)*n], x)
	}
}

// gemmGo adds a matrix product to Y:
//
//	Y[r,j] += Σ_k A[r,k]·M[k,j],   r < rows, j < n, k < kn
//
// M and Y are row-major with row strides ldm and ldy (≥ n); A is read as
// A[r,k] = a[r·ars + k·aks], so a transposed A costs nothing (ars = 1).
// A row of Y is a sum of rows of M scaled by the entries of a row of A: the
// inner loop runs along rows of M and Y.
//
// Rows go in pairs, each pair taking four terms per pass over its two rows
// of Y: the four rows of M loaded serve both, which made the kernel 40%
// faster than row by row. Single rows skip zero terms; so that dead units
// cost nothing in a rank-one update (kn = 1), short sums go row by row.
func gemmGo(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
	r := 0
	for ; r+2 <= rows && kn >= 4; r += 2 {
		y0 := y[r*ldy : r*ldy+n : r*ldy+n]
		y1 := y[(r+1)*ldy : (r+1)*ldy+n : (r+1)*ldy+n]
		a0, a1 := a[r*ars:], a[(r+1)*ars:]
		k := 0
		for ; k+4 <= kn; k += 4 {
			c00, c01, c02, c03 := a0[k*aks], a0[(k+1)*aks], a0[(k+2)*aks], a0[(k+3)*aks]
			c10, c11, c12, c13 := a1[k*aks], a1[(k+1)*aks], a1[(k+2)*aks], a1[(k+3)*aks]
			m0 := m[k*ldm : k*ldm+n : k*ldm+n]
			m1 := m[(k+1)*ldm : (k+1)*ldm+n : (k+1)*ldm+n]
			m2 := m[(k+2)*ldm : (k+2)*ldm+n : (k+2)*ldm+n]
			m3 := m[(k+3)*ldm : (k+3)*ldm+n : (k+3)*ldm+n]
			y1 := y1[:len(y0)]
			for j := range y0 {
				x0, x1, x2, x3 := m0[j], m1[j], m2[j], m3[j]
				y0[j] += (c00*x0 + c01*x1) + (c02*x2 + c03*x3)
				y1[j] += (c10*x0 + c11*x1) + (c12*x2 + c13*x3)
			}
		}
		for ; k < kn; k++ {
			axpyGo(y0, a0[k*aks], m[k*ldm:k*ldm+n])
			axpyGo(y1, a1[k*aks], m[k*ldm:k*ldm+n])
		}
	}
	for ; r < rows; r++ {
		gevmGo(y[r*ldy:r*ldy+n:r*ldy+n], a[r*ars:], aks, kn, m, ldm)
	}
}

// gevmGo is one row of gemmGo: y[j] += Σ_k a[k·aks]·m[k·ldm + j]. Terms
// with a zero coefficient are skipped, which is what makes dead ReLU units
// free; four live terms are combined per pass over y, so y is loaded and
// stored once per four rows of m.
func gevmGo(y, a []float32, aks, kn int, m []float32, ldm int) {
	n := len(y)
	if n == 0 {
		return
	}
	var k4 [4]int // the next four live terms
	var c4 [4]float32
	live := 0
	for k := range kn {
		ak := a[k*aks]
		if ak == 0 {
			continue
		}
		k4[live], c4[live] = k, ak
		live++
		if live < 4 {
			continue
		}
		live = 0
		c0, c1, c2, c3 := c4[0], c4[1], c4[2], c4[3]
		m0 := m[k4[0]*ldm : k4[0]*ldm+n : k4[0]*ldm+n]
		m1 := m[k4[1]*ldm : k4[1]*ldm+n : k4[1]*ldm+n]
		m2 := m[k4[2]*ldm : k4[2]*ldm+n : k4[2]*ldm+n]
		m3 := m[k4[3]*ldm : k4[3]*ldm+n : k4[3]*ldm+n]
		yy := y[:n:n]
		for j := range yy {
			yy[j] += (c0*m0[j] + c1*m1[j]) + (c2*m2[j] + c3*m3[j])
		}
	}
	for i := range live {
		k := k4[i]
		axpyGo(y, c4[i], m[k*ldm:k*ldm+n])
	}
}

// transposeGo writes the rows × cols matrix src, row-major, into dst as
// its cols × rows transpose with row stride ldd ≥ rows. Four source rows go
// together, so that each store fills four neighbouring floats of dst (twice
// as fast as one at a time).
func transposeGo(dst []float32, ldd int, src []float32, rows, cols int) {
	src = src[:rows*cols]
	dst = dst[:(cols-1)*ldd+rows]
	r := 0
	for ; r+4 <= rows; r += 4 {
		s0 := src[r*cols : (r+1)*cols : (r+1)*cols]
		s1 := src[(r+1)*cols : (r+2)*cols : (r+2)*cols]
		s2 := src[(r+2)*cols : (r+3)*cols : (r+3)*cols]
		s3 := src[(r+3)*cols : (r+4)*cols : (r+4)*cols]
		s1, s2, s3 = s1[:len(s0)], s2[:len(s0)], s3[:len(s0)]
		for c, v := range s0 {
			d := dst[c*ldd+r : c*ldd+r+4 : c*ldd+r+4]
			d[0], d[1], d[2], d[3] = v, s1[c], s2[c], s3[c]
		}
	}
	for ; r < rows; r++ {
		for c, v := range src[r*cols : (r+1)*cols] {
			dst[c*ldd+r] = v
		}
	}
}

// gemm adds the product of gemmGo to Y on the kernels of the build and
// CPU (gemmSerial), shared by chunks of columns with the helper goroutine
// when it is large (pool.go).
func gemm(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
	if rows*n*kn >= splitMACs && gemmSplit(gemmArgs{rows: rows, n: n, kn: kn, a: a, ars: ars, aks: aks, m: m, ldm: ldm, y: y, ldy: ldy}) {
		return
	}
	gemmSerial(rows, n, kn, a, ars, aks, m, ldm, y, ldy)
}

// M in panels. A matrix product reads M, kn × n, down its columns, a block
// of 64 at a time (the AVX-512 tile's width; two of AVX2's): row-major, the
// block's rows lie ldm floats apart, and at widths of 512 and more they
// fall on the same few cache sets and on a new page each, so gemm copies
// them to the stack before use (gemmPacked16). A layer's W, Wᵀ and X are
// read by several products before they change, so Dense lays them out in
// panels once instead: panel p holds columns [64p, 64p + 64) of M, kn rows
// of 64 floats one after the other (the last panel padded), starting at
// float 64p·kn. Within a panel M is row-major with ldm = 64.
//
// A matrix at most 64 wide is a single panel, its rows panelWidth(n)
// floats apart: rounded up to 16 on AVX-512, whose 16-lane loads cost two
// when they straddle cache lines (a 100 × 50 ← 50 product ran 25% slower
// on rows in place), and n itself elsewhere — such a matrix is its own
// panel, and toPanels copies nothing.

// panelCols is the width of a panel.
const panelCols = 64

// panelWidth is the row stride within the panels of a matrix n wide.
func panelWidth(n int) int {
	switch {
	case n > panelCols:
		return panelCols
	case kernelISA == isaAVX512:
		return roundUp16(n)
	}
	return n
}

// panelsLen is the length of a kn × n matrix in panels: at most that of
// the layout of any kernel path, so that a buffer of this size serves
// whichever runs.
func panelsLen(kn, n int) int {
	if n <= panelCols {
		return kn * roundUp16(n)
	}
	return kn * ((n + panelCols - 1) &^ (panelCols - 1))
}

// toPanels returns the rows × cols row-major matrix src in panels: src
// itself when it is one already — a single row, or a single panel of rows
// cols apart — except on AVX-512, where it may not start on a cache line;
// otherwise dst, at least panelsLen(rows, cols) floats, filled by
// packPanels.
func toPanels(dst, src []float32, rows, cols int) []float32 {
	if kernelISA != isaAVX512 && (rows == 1 || cols <= panelCols) {
		return src[:rows*cols]
	}
	packShared(dst, src, rows, cols)
	return dst
}

// gemmPanels is gemm with M in panels (see above): Y[r,j] += Σ_k
// A[r,k]·M[k,j]. It computes the columns of each panel with gemmSerial,
// whose every element takes the same operations as in one gemm call over
// row-major M (the blocks it tiles begin at multiples of 64 either way):
// the same bits (TestGemmPanelsSameBits).
func gemmPanels(rows, n, kn int, a []float32, ars, aks int, mp []float32, y []float32, ldy int) {
	ldm := panelWidth(n)
	if n <= panelCols {
		gemmSerial(rows, n, kn, a, ars, aks, mp, ldm, y, ldy)
		return
	}
	g := gemmArgs{rows: rows, n: n, kn: kn, a: a, ars: ars, aks: aks, m: mp, ldm: ldm, y: y, ldy: ldy, panels: true}
	if rows*n*kn < splitMACs || !gemmSplit(g) {
		g.cols(0, n, 0)
	}
}

// packPanels copies the rows × cols row-major matrix src into dst in
// panels (panelsLen(rows, cols) floats; the padding of the last panel is
// left as it is).
func packPanels(dst, src []float32, rows, cols int) {
	for j0 := 0; j0 < cols; j0 += panelCols {
		packPanel(dst, src, rows, cols, j0)
	}
}

// packPanel writes the panel of packPanels that holds columns j0 to
// j0 + 64 of src.
func packPanel(dst, src []float32, rows, cols, j0 int) {
	copyRows(dst[j0*rows:], panelWidth(cols), src[j0:], cols, rows, min(panelCols, cols-j0), nil)
}

// gatherColsGo copies the columns live of the rows × cols matrix x into
// dst, rows × len(live), an element at a time.
func gatherColsGo(dst, x []float32, rows, cols int, live []int32) {
	nk := len(live)
	for r := range rows {
		src, d := x[r*cols:(r+1)*cols], dst[r*nk:(r+1)*nk]
		for i, k := range live {
			d[i] = src[k]
		}
	}
}

// nonzeroColsGo is nonzeroCols over columns from to cols, row by row: each
// entry's bits shifted left by one (the sign bit out, so ±0 give 0) are
// or-ed into its column's flag, with no branch per entry.
func nonzeroColsGo(flags []uint32, x []float32, rows, cols, from int) {
	f := flags[from:cols]
	clear(f)
	for r := range rows {
		row := x[r*cols+from : (r+1)*cols]
		f = f[:len(row)]
		for i, v := range row {
			f[i] |= math.Float32bits(v) << 1
		}
	}
}

// copyRowsGo copies rows rows of cols floats from src, row stride lds,
// into dst with row stride ldd: src's rows in order, or with pick row
// pick[r] of src into row r of dst.
func copyRowsGo(dst []float32, ldd int, src []float32, lds, rows, cols int, pick []int32) {
	for r := range rows {
		k := r
		if pick != nil {
			k = int(pick[r])
		}
		copy(dst[r*ldd:r*ldd+cols], src[k*lds:k*lds+cols])
	}
}

// transposePanels writes the transpose of the rows × cols row-major matrix
// src (Wᵀ for W) into dst in panels: panel p holds rows [64p, 64p + 64) of
// src as columns, so each panel is the transpose of a block of src whose
// writes stay within 64·cols floats, where a row-major transpose of a wide
// matrix writes to a new page with every element.
func transposePanels(dst, src []float32, rows, cols int) {
	for j0 := 0; j0 < rows; j0 += panelCols {
		transposePanel(dst, src, rows, cols, j0)
	}
}

// transposePanel writes the panel of transposePanels that holds rows j0
// to j0 + 64 of src.
func transposePanel(dst, src []float32, rows, cols, j0 int) {
	ld, h := panelWidth(rows), min(panelCols, rows-j0)
	transpose(dst[j0*cols:j0*cols+(cols-1)*ld+h], ld, src[j0*cols:], h, cols)
}

// writtenZeros returns n float32 zeros written to memory, for arrays whose
// first touch would be a read: gradients that backward passes add into,
// an optimizer's moments. The pages of a fresh allocation are mapped as
// they are first touched; a page first read is mapped to the kernel's
// shared zero page, and its first write then faults again, to copy it,
// and — with the process on two cores — interrupts the other core to
// flush its TLB (in a virtual machine an exit each time). Writing the
// zeros once here makes each page one fault, at construction: at width
// 1024 with 100 rows those second faults and their interrupts were 12% of
// a two-core 4-epoch run's caller.
func writtenZeros(n int) []float32 {
	s := make([]float32, n)
	clear(s)
	return s
}

// alignedFloats returns n float32s whose first element sits on a 64-byte
// boundary, the size of a cache line and of an AVX-512 vector, so that
// vector loads from the start of a row never straddle two lines.
func alignedFloats(n int) []float32 {
	b := make([]float32, n+15)
	skip := (64 - int(uintptr(unsafe.Pointer(unsafe.SliceData(b)))%64)) % 64 / 4
	return b[skip : skip+n : skip+n]
}

// sameBits reports whether a and b hold the same bits (NaNs and signed
// zeros included), as one memory comparison.
func sameBits(a, b []float32) bool {
	return len(a) == len(b) && string(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(a))), 4*len(a))) ==
		string(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(b))), 4*len(b)))
}

// roundUp16 rounds n up to a multiple of 16 floats (64 bytes).
func roundUp16(n int) int { return (n + 15) &^ 15 }

// smallestNormal is the smallest positive normal float32, 2⁻¹²⁶.
const smallestNormal = 0x1p-126

// adamStillM returns a bound on |m| under which Adam's step p −= s·m/d
// (s the step size, d = √v̂ + ε ≥ ε) cannot change a weight |p| ≥ 2⁻⁶⁴,
// or 0 where none can be had (ε under 2⁻⁴⁰ or not finite, s under
// 2⁻¹⁰⁰ or not a number). With 2^e ≤ |p| < 2^(e+1) and e ≥ −64, the
// bound 2⁻⁶⁴·ε/s·2⁻²⁷ ≤ 2^e·ε/s·2⁻²⁷ keeps the step, its roundings
// included, under 2^(e−26): half the spacing of the floats below 2^e at
// most, so p − step rounds to p. The kernels give such lanes a step of 0,
// the same bits. A weight whose m decays towards the flush (a unit gone
// dead keeps m ≠ 0 for some 90 steps under 10⁻³⁴) would otherwise take a
// denormal step every time, which some Intel cores compute in a microcode assist of
// hundreds of cycles (bench/README.md, step 32).
func adamStillM(eps, stepSize float32) float32 {
	if !(eps >= 0x1p-40) || math.IsInf(float64(eps), 0) || !(stepSize >= 0x1p-100) {
		return 0
	}
	return float32(min(float64(eps)/float64(stepSize)*0x1p-91, math.MaxFloat32))
}

// adamGo is the portable fused Adam kernel. For each parameter, in this
// order and rounding every operation to float32 (the explicit conversions
// forbid the compiler to fuse a multiply and an add, so every build and
// every GOAMD64 level computes the same bits):
//
//	m ← flush(β₁·m + c₁·g)            c₁ = 1 − β₁, c₂ = 1 − β₂
//	v ← flush(β₂·v + (c₂·g)·g)        flush zeroes |x| < 2⁻¹²⁶
//	p ← p − (s·m) / (√v·k + ε)         s = lr/(1 − β₁ᵗ), k = 1/√(1 − β₂ᵗ)
//
// A parameter whose gradient and first moment are both zero (a dead unit)
// only has its v decay; that shortcut gives bit-identical results, since
// then the update above is m = 0 and p − 0 = p.
//
// A group of four without a gradient (a unit gone dead, its m decaying
// towards the flush) takes its steps with m set to 0 where adamStillM
// says the step cannot change p: the same bits, without the denormal
// products and quotients that cost some Intel cores a microcode assist
// each (bench/README.md, steps 32 and 40). Only such groups are tested,
// so that a live unit pays one predictable branch.
//
// The kernel leaves g zero, ready for the next backward pass to add into:
// clearing each gradient as it is read replaces a separate pass over the
// array (Network.ZeroGrad) before every step. A dead unit's gradients are
// zero already and are not written; should one be −0 rather than +0, the
// next step computes the same m, v and p from it.
//
// Four parameters go through the loop together: the compiler writes a
// square root into a register that still holds an older value, so one
// parameter at a time chains every square root to the previous update's
// division; four at a time breaks that chain.
func adamGo(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	n := len(p)
	g, m, v = g[:n], m[:n], v[:n]
	still := math.Float32bits(adamStillM(eps, stepSize))
	i := 0
	for ; i+4 <= n; i += 4 {
		gs, ms, vs, ps := g[i:i+4:i+4], m[i:i+4:i+4], v[i:i+4:i+4], p[i:i+4:i+4]
		zg := zeros4(gs)
		if zg|zeros4(ms) == 0 {
			vs[0] = flushPos(b2 * vs[0])
			vs[1] = flushPos(b2 * vs[1])
			vs[2] = flushPos(b2 * vs[2])
			vs[3] = flushPos(b2 * vs[3])
			continue
		}
		m0 := flushSigned(float32(b1*ms[0]) + float32(c1*gs[0]))
		m1 := flushSigned(float32(b1*ms[1]) + float32(c1*gs[1]))
		m2 := flushSigned(float32(b1*ms[2]) + float32(c1*gs[2]))
		m3 := flushSigned(float32(b1*ms[3]) + float32(c1*gs[3]))
		v0 := flushPos(float32(b2*vs[0]) + float32(float32(c2*gs[0])*gs[0]))
		v1 := flushPos(float32(b2*vs[1]) + float32(float32(c2*gs[1])*gs[1]))
		v2 := flushPos(float32(b2*vs[2]) + float32(float32(c2*gs[2])*gs[2]))
		v3 := flushPos(float32(b2*vs[3]) + float32(float32(c2*gs[3])*gs[3]))
		ms[0], ms[1], ms[2], ms[3] = m0, m1, m2, m3
		vs[0], vs[1], vs[2], vs[3] = v0, v1, v2, v3
		gs[0], gs[1], gs[2], gs[3] = 0, 0, 0, 0
		s0, s1, s2, s3 := m0, m1, m2, m3 // the moments the steps take
		if zg == 0 {
			s0, s1, s2, s3 = keep(m0, stepMask(m0, ps[0], still)), keep(m1, stepMask(m1, ps[1], still)), keep(m2, stepMask(m2, ps[2], still)), keep(m3, stepMask(m3, ps[3], still))
		}
		d0 := float32(sqrt32(v0)*invBC2) + eps
		d1 := float32(sqrt32(v1)*invBC2) + eps
		d2 := float32(sqrt32(v2)*invBC2) + eps
		d3 := float32(sqrt32(v3)*invBC2) + eps
		ps[0] -= float32(stepSize*s0) / d0
		ps[1] -= float32(stepSize*s1) / d1
		ps[2] -= float32(stepSize*s2) / d2
		ps[3] -= float32(stepSize*s3) / d3
	}
	for ; i < n; i++ {
		mi := flushSigned(float32(b1*m[i]) + float32(c1*g[i]))
		vi := flushPos(float32(b2*v[i]) + float32(float32(c2*g[i])*g[i]))
		m[i], v[i], g[i] = mi, vi, 0
		p[i] -= float32(stepSize*keep(mi, stepMask(mi, p[i], still))) / (float32(sqrt32(vi)*invBC2) + eps)
	}
}

// moving returns all ones when the step of a weight with bits of p and
// first moment m may change it, 0 when adamStillM's bound (its bits,
// still) says it cannot: |m| < bound and |p| ≥ 2⁻⁶⁴, tested on the bits.
func stepMask(m, p float32, still uint32) uint32 {
	am := uint64(math.Float32bits(m) & 0x7fffffff)
	ap := uint64(math.Float32bits(p) & 0x7fffffff)
	lt := uint32((am - uint64(still)) >> 63)       // |m| < bound
	ge := 1 &^ uint32((ap-uint64(0x1f800000))>>63) // |p| ≥ 2⁻⁶⁴
	return (lt & ge) - 1
}

// keep returns m where k is all ones, +0 where it is 0.
func keep(m float32, k uint32) float32 { return math.Float32frombits(math.Float32bits(m) & k) }

// zeros4 returns 0 exactly when the four values are ±0: their bits ORed,
// the sign bits shifted out. One test for a dead group of four, where the
// eight comparisons with 0 would be sixteen branches (each float
// comparison also branches on NaN's parity flag).
func zeros4(x []float32) uint32 {
	x = x[:4]
	return (math.Float32bits(x[0]) | math.Float32bits(x[1]) | math.Float32bits(x[2]) | math.Float32bits(x[3])) << 1
}

// sqrt32 is the correctly rounded float32 square root (the float64 square
// root of a float32, rounded back, is correctly rounded).
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }

// flushSigned returns 0 for |x| < 2⁻¹²⁶ (denormals and −0), else x.
func flushSigned(x float32) float32 {
	if x < smallestNormal && x > -smallestNormal {
		return 0
	}
	return x
}

// flushPos returns 0 for x < 2⁻¹²⁶, else x; for values known to be ≥ 0.
func flushPos(x float32) float32 {
	if x < smallestNormal {
		return 0
	}
	return x
}

// The activation kernels evaluate e^x in float32 by Cody and Waite's range
// reduction and Moshier's Cephes expf polynomial (error about 1 ulp):
//
//	n = round(x·log₂e),   r = x − n·ln2 (ln2 split in two parts, C1 + C2)
//	e^r − 1 ≈ r + r²·P(r),   e^x = 2ⁿ·((e^r − 1) + 1),   e^x − 1 = 2ⁿ·(e^r − 1) + (2ⁿ − 1)
//
// The last form is expm1 without cancellation near 0 (there n = 0 and
// r = x), and without a second polynomial: the addends do not cancel
// elsewhere, and 2ⁿ − 1 is exact. They only ever need x ≤ 0 (sigmoid
// takes e^−|x|, ELU and tanh take e^x − 1 of a negative x), where nothing
// overflows; below −87, where e^x would turn denormal, e^x is flushed to
// 0. The portable kernels round every operation on its own; the SIMD
// kernels evaluate the same formulas with fused multiply-adds (the last
// step gives the same value fused or not, since 2ⁿ·(e^r − 1) is exact;
// the reduction and P(r) do not), within the same 3 ulp of float64 math.
const (
	expLog2e = 1.44269504088896341
	expMagic = 12582912 // 1.5·2²³: adding it rounds to an integer
	expC1    = 0.693359375
	expC2    = -2.12194440e-4
	expP0    = 1.9875691500e-4
	expP1    = 1.3981999507e-3
	expP2    = 8.3334519073e-3
	expP3    = 4.1665795894e-2
	expP4    = 1.6666665459e-1
	expP5    = 5.0000001201e-1
	expFloor = -87              // e^−87 ≈ 1.6e−38 is still a normal float32
	expBias  = 127 - 0x4B400000 // turns the bits of expMagic+n into n+127
)

// expReduce returns e^r − 1 and s = 2ⁿ for x = n·ln2 + r, x ≥ −87.
func expReduce(x float32) (em1, s float32) {
	t := float32(x*expLog2e) + expMagic
	n := t - expMagic
	r := x - float32(n*expC1)
	r -= float32(n * expC2)
	p := float32(expP0*r) + expP1
	p = float32(p*r) + expP2
	p = float32(p*r) + expP3
	p = float32(p*r) + expP4
	p = float32(p*r) + expP5
	return float32(p*float32(r*r)) + r, math.Float32frombits(uint32(int32(math.Float32bits(t))+expBias) << 23)
}

// expNeg32 returns e^x for x ≤ 0 (0 below −87, NaN for NaN).
func expNeg32(x float32) float32 {
	if x < expFloor {
		return 0
	}
	em1, s := expReduce(x)
	return (em1 + 1) * s
}

// expm1Neg32 returns e^x − 1 for x ≤ 0 (−1 below −87, NaN for NaN).
func expm1Neg32(x float32) float32 {
	if x < expFloor {
		return -1
	}
	em1, s := expReduce(x)
	return float32(em1*s) + (s - 1)
}

// reluGo applies ReLU in place: z < 0 becomes 0 (−0 and NaN stay).
func reluGo(z []float32) {
	for i, v := range z {
		z[i] = pick(v < 0, 0, v)
	}
}

// leakyGo applies LeakyReLU in place: z < 0 becomes slope·z.
func leakyGo(z []float32, slope float32) {
	for i, v := range z {
		z[i] = pick(v < 0, slope*v, v)
	}
}

// pick returns a if c, else b, through their bits: the compiler selects
// integers with a conditional move, where a choice of floats is a branch,
// which a layer's units, about half of them negative, mispredict.
func pick(c bool, a, b float32) float32 {
	x, y := math.Float32bits(a), math.Float32bits(b)
	if c {
		y = x
	}
	return math.Float32frombits(y)
}

// eluGo applies ELU (α = 1) in place: z > 0 stays, else e^z − 1.
func eluGo(z []float32) {
	for i, v := range z {
		if !(v > 0) {
			z[i] = expm1Neg32(v)
		}
	}
}

// sigmoidGo applies the logistic function in place, as e⁰/(1 + e^−z) for
// z ≥ 0 and e^z/(1 + e^z) below, so that neither side loses precision.
func sigmoidGo(z []float32) {
	for i, v := range z {
		e := expNeg32(-abs32(v))
		num := float32(1)
		if !(v >= 0) {
			num = e
		}
		z[i] = num / (1 + e)
	}
}

// tanhGo applies tanh in place: with t = e^−2|z| − 1 and y = t/(2 + t),
// tanh z = y for z < 0 and 0 − y otherwise (0 − y rather than −y keeps
// tanh 0 = +0).
func tanhGo(z []float32) {
	for i, v := range z {
		t := expm1Neg32(-2 * abs32(v))
		y := t / (2 + t)
		if !(v < 0) {
			y = 0 - y
		}
		z[i] = y
	}
}

func abs32(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }

// actGradGo writes dz[i] = dy[i]·f′ for activation a, f′ written through
// the activation's output y (see Activation.grad).
func actGradGo(a Activation, dz, dy, y []float32, slope float32) {
	n := len(dz)
	dy, y = dy[:n], y[:n]
	switch a {
	case Identity:
		copy(dz, dy)
	case ReLU:
		for i := range dz {
			dz[i] = pick(y[i] > 0, dy[i], 0)
		}
	case LeakyReLU:
		for i := range dz {
			dz[i] = pick(y[i] > 0, dy[i], slope*dy[i])
		}
	case ELU:
		for i := range dz {
			dz[i] = pick(y[i] > 0, dy[i], dy[i]*(y[i]+1))
		}
	case Sigmoid:
		for i := range dz {
			dz[i] = dy[i] * y[i] * (1 - y[i])
		}
	case Tanh:
		for i := range dz {
			dz[i] = dy[i] * (1 - float32(y[i]*y[i]))
		}
	}
}

// mbdLanes are the kernels per group a minibatch layer may lay out
// (mbdLayout): powers of two up to a vector's 16 logical lanes.
var mbdLanes = [...]int{1, 2, 4, 8, 16}

// mbdLayout chooses how a minibatch layer of b kernels lays its pairs on
// the pair kernels' 16 lanes, for batches of up to rows rows. The kernels
// go in groups of bp (one of mbdLanes; the last group padded), and a
// group's values lie flat over (row, kernel): lane s holds row s/bp's
// kernel s%bp. Row i's pairs j > i are then the lanes from (i+1)·bp on, so
// one vector holds 16/bp pairs of bp kernels and no lane is spent on a
// pair j ≤ i but in a row's first vector. It takes the bp whose groups
// run the fewest vectors, counting a row's set-up (its patterns, its sums)
// as two; groups are at least two, for b ≥ 2, so that a shared pass has
// a chunk for each goroutine (Minibatch.pairs). The portable kernels, a
// pair at a time, gain nothing from lanes: they take a kernel a group,
// its pairs contiguous.
func mbdLayout(b, rows int) (bp, groups int) {
	if kernelISA == isaGo {
		return 1, b
	}
	best := -1
	for _, w := range mbdLanes {
		g := (b + w - 1) / w
		if b >= 2 && g < 2 {
			break
		}
		if cost := g * (mbdPairsLen(rows, w)/16 + 2*rows); best < 0 || cost <= best {
			best, bp, groups = cost, w, g
		}
	}
	return bp, groups
}

// mbdCheck panics unless the arguments of mbdPairs and mbdGrad hold
// everything the kernels touch: bp one of mbdLanes; c planes of p (and dp,
// dr) with stride ld ≥ roundUp16(n·bp) + 16; o, r and g of length ld; e of
// length mbdPairsLen(n, bp); the scratch w of length mbdScratch(c, ld).
// The SIMD kernels address memory through unsafe pointers after this one
// check.
func mbdCheck(ne, np, nv, nw, ld, c, n, bp int) {
	if n < 0 || c <= 0 || bp <= 0 || bp > 16 || bp&(bp-1) != 0 || ld < roundUp16(n*bp)+16 ||
		np < c*ld || nv < ld || nw < mbdScratch(c, ld) || ne < mbdPairsLen(n, bp) {
		panic("engine: minibatch kernel arguments out of range")
	}
}

// mbdOneKernel panics unless bp is 1: the portable kernels take a kernel
// a group (mbdLayout).
func mbdOneKernel(bp int) {
	if bp != 1 {
		panic("engine: the portable minibatch kernels take one kernel a group")
	}
}

// mbdScratch is the length of the pair kernels' scratch: the SIMD
// kernels keep a row's patterns there (16 lanes a dimension), the portable
// ones a value a row.
func mbdScratch(c, ld int) int { return max(16*c, ld) }

// mbdPairsLen is the length of e for one group of bp kernels and n rows:
// row i's pairs take the blocks of 16 lanes from (i+1)·bp rounded down to
// 16 to n·bp rounded up.
func mbdPairsLen(n, bp int) int {
	s, nf := 0, roundUp16(n*bp)
	for i := range n - 1 {
		s += nf - ((i+1)*bp)&^15
	}
	return s
}

// mbdPairsGo computes the kernels of one minibatch-discrimination kernel b
// for every pair i < j of n rows: the portable kernels' groups are of one
// kernel (bp = 1, mbdLayout), so that a kernel's pairs are contiguous. mt
// holds the c dimensions of M_{·,b} as c planes of stride ld (plane q:
// M_{j,b,q} for every row j), with +Inf from n on; w, the SIMD kernels'
// scratch, is not used. Row i's pairs j > i are taken in blocks of 16
// starting on multiples of 16 (the SIMD kernels' vectors for a group of
// one kernel: the same layout of e), the lanes j ≤ i and j ≥ n having
// kernel 0:
//
//	e_ij = exp(−Σ_q |mt[q,i] − mt[q,j]|)·scale
//
// goes to e (row i's blocks after row i−1's), is added to o[j] and, summed
// over j, written to r[i]; o_i is then o[i] + r[i]. The sum over q is
// taken as x = 0 − |d₀| − |d₁| − …, so that e^x needs no negation.
//
// A block's sums over q are taken one dimension at a time over the block
// (x in an array of 16): the same operations on each pair, in loops the
// compiler leaves without a bounds check; pair by pair, the sum over q
// would index M twice a term and take the pairs one after the other.
func mbdPairsGo(e, mt []float32, ld, c, n, bp int, o, r, w []float32, scale float32) {
	if n < 2 {
		return
	}
	mbdCheck(len(e), len(mt), min(len(o), len(r)), len(w), ld, c, n, bp)
	mbdOneKernel(bp)
	var x [16]float32
	at := 0
	for i := range n - 1 {
		var acc float32
		for j := (i + 1) &^ 15; j < n; j, at = j+16, at+16 {
			lo, hi := max(i+1, j), min(j+16, n)
			xs := x[:hi-lo]
			clear(xs)
			for q := range c {
				row := mt[q*ld : q*ld+hi]
				mi, mv := row[i], row[lo:hi]
				mv = mv[:len(xs)]
				for l, m := range mv {
					xs[l] -= abs32(mi - m)
				}
			}
			ev, ov := e[at+lo-j:at+hi-j], o[lo:hi]
			ev, ov = ev[:len(xs)], ov[:len(xs)]
			for l, xl := range xs {
				v := expNeg32(xl) * scale
				ev[l] = v
				ov[l] += v
				acc += v
			}
		}
		r[i] = acc
	}
}

// mbdGradGo is the backward pass of mbdPairsGo for the same kernel: with
// g[j] = dL/do_j (zero past the n rows) and w (mbdScratch) holding a
// row's factors (g_i + g_j)·e_ij, it adds to dmt (laid out as mt) for
// every pair i < j
//
//	fs = (g[i] + g[j])·e_ij · sign(mt[q,i] − mt[q,j])
//	dmt[q,j] += fs,   dr[q,i] = Σ_j fs
//
// with sign(±0) = ±1 (a valid subgradient of |·| at 0); dL/dM_{i,b,q} is
// then dmt[q,i] − dr[q,i]. (The SIMD kernels run the lanes outside the
// pairs too: their e = 0 adds ±0.)
//
// Each sum dr[q,i] is a chain of additions, one a pair, that the next
// cannot start before the last ends; four dimensions go through the
// pairs side by side, so four chains overlap (each still sums in the
// order of j: the same bits). One dimension at a time, those chains
// would bound the pass: on one core, minibatch-discrimination's portable
// epoch took 2.7 ms so, against 2.2 ms four at a time (bench/README.md,
// section 0, step 37).
func mbdGradGo(dmt, dr, mt, e, g, w []float32, ld, c, n, bp int) {
	if n < 2 {
		return
	}
	mbdCheck(len(e), min(len(mt), len(dmt), len(dr)), len(g), len(w), ld, c, n, bp)
	mbdOneKernel(bp)
	f := w
	at := 0
	for i := range n - 1 {
		gi := g[i]
		j0 := (i + 1) &^ 15
		for j := j0; j < n; j += 16 {
			lo, hi := max(i+1, j), min(j+16, n)
			fv, gv, ev := f[lo:hi:hi], g[lo:hi:hi], e[at+lo-j0:at+hi-j0:at+hi-j0]
			for l := range fv {
				fv[l] = (gi + gv[l]) * ev[l]
			}
		}
		fv := f[i+1 : n : n]
		q := 0
		for ; q+4 <= c; q += 4 {
			r0, r1, r2, r3 := q*ld, (q+1)*ld, (q+2)*ld, (q+3)*ld
			m0, m1, m2, m3 := mt[r0+i], mt[r1+i], mt[r2+i], mt[r3+i]
			mv0, mv1, mv2, mv3 := mt[r0+i+1:r0+n], mt[r1+i+1:r1+n], mt[r2+i+1:r2+n], mt[r3+i+1:r3+n]
			dv0, dv1, dv2, dv3 := dmt[r0+i+1:r0+n], dmt[r1+i+1:r1+n], dmt[r2+i+1:r2+n], dmt[r3+i+1:r3+n]
			mv0, mv1, mv2, mv3 = mv0[:len(fv)], mv1[:len(fv)], mv2[:len(fv)], mv3[:len(fv)]
			dv0, dv1, dv2, dv3 = dv0[:len(fv)], dv1[:len(fv)], dv2[:len(fv)], dv3[:len(fv)]
			var a0, a1, a2, a3 float32
			for l, fl := range fv {
				fb := math.Float32bits(fl)
				s0 := math.Float32frombits(fb ^ math.Float32bits(m0-mv0[l])&signBit)
				s1 := math.Float32frombits(fb ^ math.Float32bits(m1-mv1[l])&signBit)
				s2 := math.Float32frombits(fb ^ math.Float32bits(m2-mv2[l])&signBit)
				s3 := math.Float32frombits(fb ^ math.Float32bits(m3-mv3[l])&signBit)
				a0, a1, a2, a3 = a0+s0, a1+s1, a2+s2, a3+s3
				dv0[l] += s0
				dv1[l] += s1
				dv2[l] += s2
				dv3[l] += s3
			}
			dr[r0+i], dr[r1+i], dr[r2+i], dr[r3+i] = a0, a1, a2, a3
		}
		for ; q < c; q++ {
			row := q * ld
			mi := mt[row+i]
			var acc float32
			mv, dv := mt[row+i+1:row+n], dmt[row+i+1:row+n]
			mv, dv = mv[:len(fv)], dv[:len(fv)]
			for l, fl := range fv {
				fs := math.Float32frombits(math.Float32bits(fl) ^ math.Float32bits(mi-mv[l])&signBit)
				acc += fs
				dv[l] += fs
			}
			dr[row+i] = acc
		}
		at += roundUp16(n) - j0
	}
}
