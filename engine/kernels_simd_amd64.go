//go:build goexperiment.simd && amd64

package engine

import "simd/archsimd"

// The SIMD kernels. Each comes twice, for AVX-512 (16 lanes, suffix 16)
// and for AVX2 + FMA (8 lanes, suffix 8), and the two compute the same
// bits: every sum is laid out over the same 16 logical lanes (an AVX2
// kernel keeps each 16-lane accumulator as a low and a high half) and
// reduced in the same order, and the elementwise kernels (axpy, gevm,
// Adam) round the same operations per element. A seeded run therefore
// trains identically on any amd64 CPU with AVX2, with or without AVX-512.
// Multiply-adds are fused (one rounding) everywhere except in Adam, which
// rounds each operation as the portable kernel does.

var kernelISA = detectISA()

// detectISA picks the widest kernels the CPU runs.
func detectISA() isa {
	switch {
	case archsimd.X86.AVX512():
		return isaAVX512
	case archsimd.X86.AVX2() && archsimd.X86.FMA():
		return isaAVX2
	}
	return isaGo
}

// supportedISAs lists the kernel paths this build and CPU can run.
func supportedISAs() []isa {
	list := []isa{isaGo}
	if archsimd.X86.AVX2() && archsimd.X86.FMA() {
		list = append(list, isaAVX2)
	}
	if archsimd.X86.AVX512() {
		list = append(list, isaAVX512)
	}
	return list
}

// The entry points below end every SIMD call with VZEROUPPER
// (archsimd.ClearAVXUpperBits): the rest of the program is compiled to SSE
// instructions, and while the upper halves of the vector registers are
// dirty each of those depends on the register's previous contents — math.Exp
// ran 4.5× slower after an AVX kernel without it.

func dot(a, b []float32) float32 {
	var s float32
	switch kernelISA {
	case isaAVX512:
		s = dot16(a, b)
	case isaAVX2:
		s = dot8(a, b)
	default:
		return dotGo(a, b)
	}
	archsimd.ClearAVXUpperBits()
	return s
}

func axpy(dst []float32, alpha float32, x []float32) {
	switch kernelISA {
	case isaAVX512:
		axpy16(dst, alpha, x)
	case isaAVX2:
		axpy8(dst, alpha, x)
	default:
		axpyGo(dst, alpha, x)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func gemv(y, w, x []float32) {
	switch kernelISA {
	case isaAVX512:
		gemv16(y, w, x)
	case isaAVX2:
		gemv8(y, w, x)
	default:
		gemvGo(y, w, x)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func gemm(rows, n, kn int, a []float32, lda int, m []float32, ldm int, y []float32, ldy int) {
	switch kernelISA {
	case isaAVX512:
		gemm16(rows, n, kn, a, lda, m, ldm, y, ldy)
	case isaAVX2:
		gemm8(rows, n, kn, a, lda, m, ldm, y, ldy)
	default:
		gemmGo(rows, n, kn, a, lda, m, ldm, y, ldy)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func adamUpdate(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	switch kernelISA {
	case isaAVX512:
		adam16(p, g, m, v, b1, b2, c1, c2, eps, stepSize, invBC2)
	case isaAVX2:
		adam8(p, g, m, v, b1, b2, c1, c2, eps, stepSize, invBC2)
	default:
		adamGo(p, g, m, v, b1, b2, c1, c2, eps, stepSize, invBC2)
		return
	}
	archsimd.ClearAVXUpperBits()
}

type (
	f16 = archsimd.Float32x16
	f8  = archsimd.Float32x8
)

// ld16 and ld8 load a full vector; the caller's slice expression has
// already checked the bounds.
func ld16(s []float32) f16 { return archsimd.LoadFloat32x16((*[16]float32)(s)) }
func ld8(s []float32) f8   { return archsimd.LoadFloat32x8((*[8]float32)(s)) }

// hsum8 adds the lanes of x pairwise: ((x₀+x₄)+(x₁+x₅)) + ((x₂+x₆)+(x₃+x₇)).
func hsum8(x f8) float32 {
	q := x.GetLo().Add(x.GetHi())
	q = q.AddPairs(q)
	q = q.AddPairs(q)
	return q.GetElem(0)
}

// hsum16 adds the 16 lanes of x: the two halves first, then hsum8.
func hsum16(x f16) float32 { return hsum8(x.GetLo().Add(x.GetHi())) }

// tail8 returns the 16 logical lanes of a tail shorter than 16 as two
// zero-padded halves.
func tail8(s []float32) (lo, hi f8) {
	if len(s) > 8 {
		return ld8(s[:8]), archsimd.LoadFloat32x8SlicePart(s[8:])
	}
	return archsimd.LoadFloat32x8SlicePart(s), f8{}
}

// --- dot: Σ a[i]·b[i] over four 16-lane accumulators ---

func dot16(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 f16
	for len(a) >= 64 && len(b) >= 64 {
		s0 = ld16(a[0:16]).MulAdd(ld16(b[0:16]), s0)
		s1 = ld16(a[16:32]).MulAdd(ld16(b[16:32]), s1)
		s2 = ld16(a[32:48]).MulAdd(ld16(b[32:48]), s2)
		s3 = ld16(a[48:64]).MulAdd(ld16(b[48:64]), s3)
		a, b = a[64:], b[64:]
	}
	for len(a) >= 16 && len(b) >= 16 {
		s0 = ld16(a[0:16]).MulAdd(ld16(b[0:16]), s0)
		a, b = a[16:], b[16:]
	}
	if len(a) > 0 {
		s0 = archsimd.LoadFloat32x16SlicePart(a).MulAdd(archsimd.LoadFloat32x16SlicePart(b), s0)
	}
	return hsum16(s0.Add(s1).Add(s2.Add(s3)))
}

func dot8(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3, h0, h1, h2, h3 f8 // low and high halves
	for len(a) >= 64 && len(b) >= 64 {
		s0 = ld8(a[0:8]).MulAdd(ld8(b[0:8]), s0)
		h0 = ld8(a[8:16]).MulAdd(ld8(b[8:16]), h0)
		s1 = ld8(a[16:24]).MulAdd(ld8(b[16:24]), s1)
		h1 = ld8(a[24:32]).MulAdd(ld8(b[24:32]), h1)
		s2 = ld8(a[32:40]).MulAdd(ld8(b[32:40]), s2)
		h2 = ld8(a[40:48]).MulAdd(ld8(b[40:48]), h2)
		s3 = ld8(a[48:56]).MulAdd(ld8(b[48:56]), s3)
		h3 = ld8(a[56:64]).MulAdd(ld8(b[56:64]), h3)
		a, b = a[64:], b[64:]
	}
	for len(a) >= 16 && len(b) >= 16 {
		s0 = ld8(a[0:8]).MulAdd(ld8(b[0:8]), s0)
		h0 = ld8(a[8:16]).MulAdd(ld8(b[8:16]), h0)
		a, b = a[16:], b[16:]
	}
	if len(a) > 0 {
		alo, ahi := tail8(a)
		blo, bhi := tail8(b)
		s0 = alo.MulAdd(blo, s0)
		h0 = ahi.MulAdd(bhi, h0)
	}
	lo := s0.Add(s1).Add(s2.Add(s3))
	hi := h0.Add(h1).Add(h2.Add(h3))
	return hsum8(lo.Add(hi))
}

// --- axpy: dst[i] += alpha·x[i], fused ---

func axpy16(dst []float32, alpha float32, x []float32) {
	x = x[:len(dst)]
	c := archsimd.BroadcastFloat32x16(alpha)
	for len(dst) >= 32 && len(x) >= 32 {
		ld16(x[0:16]).MulAdd(c, ld16(dst[0:16])).StoreSlice(dst[0:16])
		ld16(x[16:32]).MulAdd(c, ld16(dst[16:32])).StoreSlice(dst[16:32])
		dst, x = dst[32:], x[32:]
	}
	if len(dst) >= 16 && len(x) >= 16 {
		ld16(x[0:16]).MulAdd(c, ld16(dst[0:16])).StoreSlice(dst[0:16])
		dst, x = dst[16:], x[16:]
	}
	if len(dst) > 0 {
		archsimd.LoadFloat32x16SlicePart(x).MulAdd(c, archsimd.LoadFloat32x16SlicePart(dst)).StoreSlicePart(dst)
	}
}

func axpy8(dst []float32, alpha float32, x []float32) {
	x = x[:len(dst)]
	c := archsimd.BroadcastFloat32x8(alpha)
	for len(dst) >= 16 && len(x) >= 16 {
		ld8(x[0:8]).MulAdd(c, ld8(dst[0:8])).StoreSlice(dst[0:8])
		ld8(x[8:16]).MulAdd(c, ld8(dst[8:16])).StoreSlice(dst[8:16])
		dst, x = dst[16:], x[16:]
	}
	for len(dst) > 0 {
		archsimd.LoadFloat32x8SlicePart(x).MulAdd(c, archsimd.LoadFloat32x8SlicePart(dst)).StoreSlicePart(dst)
		k := min(8, len(dst))
		dst, x = dst[k:], x[k:]
	}
}

// --- gemv: y[o] += Σ_i w[o·n+i]·x[i], four rows per pass over x ---
//
// Each row's sum is one 16-lane accumulator. When n is not a multiple of
// 16, the last 16 elements are loaded whole (no masked loads in the row
// loop) and the lanes the previous chunk already covered are zeroed in x's
// copy (keepTail), so they add nothing.

// keepTail holds 16 zeros then 16 ones; keepTail[t:t+16] keeps the last t
// of 16 lanes.
var keepTail = [32]float32{16: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}

// reduce4 returns the lane sums of four 16-lane accumulators, given as
// their halves added (lo + hi), as one vector.
func reduce4(r0, r1, r2, r3 f8) archsimd.Float32x4 {
	h := r0.AddPairsGrouped(r1).AddPairsGrouped(r2.AddPairsGrouped(r3))
	return h.GetLo().Add(h.GetHi())
}

func gemv16(y, w, x []float32) {
	n := len(x)
	if n < 16 {
		xv := archsimd.LoadFloat32x16SlicePart(x)
		for o := range y {
			y[o] += hsum16(archsimd.LoadFloat32x16SlicePart(w[o*n:(o+1)*n]).MulAdd(xv, f16{}))
		}
		return
	}
	w = w[:len(y)*n]
	t := n % 16
	nf := n - t
	var xt f16
	if t > 0 {
		xt = ld16(x[n-16 : n]).Mul(ld16(keepTail[t : t+16]))
	}
	o := 0
	for ; o+4 <= len(y); o += 4 {
		w0 := w[o*n : (o+1)*n : (o+1)*n]
		w1 := w[(o+1)*n : (o+2)*n : (o+2)*n]
		w2 := w[(o+2)*n : (o+3)*n : (o+3)*n]
		w3 := w[(o+3)*n : (o+4)*n : (o+4)*n]
		var a0, a1, a2, a3 f16
		if t > 0 {
			a0 = ld16(w0[n-16:n]).MulAdd(xt, a0)
			a1 = ld16(w1[n-16:n]).MulAdd(xt, a1)
			a2 = ld16(w2[n-16:n]).MulAdd(xt, a2)
			a3 = ld16(w3[n-16:n]).MulAdd(xt, a3)
		}
		xs := x[:nf]
		w0, w1, w2, w3 = w0[:nf], w1[:nf], w2[:nf], w3[:nf]
		for len(xs) >= 16 && len(w0) >= 16 && len(w1) >= 16 && len(w2) >= 16 && len(w3) >= 16 {
			xv := ld16(xs[0:16])
			a0 = ld16(w0[0:16]).MulAdd(xv, a0)
			a1 = ld16(w1[0:16]).MulAdd(xv, a1)
			a2 = ld16(w2[0:16]).MulAdd(xv, a2)
			a3 = ld16(w3[0:16]).MulAdd(xv, a3)
			xs, w0, w1, w2, w3 = xs[16:], w0[16:], w1[16:], w2[16:], w3[16:]
		}
		yo := y[o : o+4 : o+4]
		s := reduce4(a0.GetLo().Add(a0.GetHi()), a1.GetLo().Add(a1.GetHi()),
			a2.GetLo().Add(a2.GetHi()), a3.GetLo().Add(a3.GetHi()))
		archsimd.LoadFloat32x4Slice(yo).Add(s).StoreSlice(yo)
	}
	for ; o < len(y); o++ {
		wr := w[o*n : (o+1)*n : (o+1)*n]
		var a0 f16
		if t > 0 {
			a0 = ld16(wr[n-16:n]).MulAdd(xt, a0)
		}
		xs := x[:nf]
		wr = wr[:nf]
		for len(xs) >= 16 && len(wr) >= 16 {
			a0 = ld16(wr[0:16]).MulAdd(ld16(xs[0:16]), a0)
			xs, wr = xs[16:], wr[16:]
		}
		y[o] += hsum16(a0)
	}
}

func gemv8(y, w, x []float32) {
	n := len(x)
	if n < 16 {
		xl, xh := tail8(x)
		for o := range y {
			l, h := tail8(w[o*n : (o+1)*n])
			y[o] += hsum8(l.MulAdd(xl, f8{}).Add(h.MulAdd(xh, f8{})))
		}
		return
	}
	w = w[:len(y)*n]
	t := n % 16
	nf := n - t
	var xtl, xth f8
	if t > 0 {
		xtl = ld8(x[n-16 : n-8]).Mul(ld8(keepTail[t : t+8]))
		xth = ld8(x[n-8 : n]).Mul(ld8(keepTail[t+8 : t+16]))
	}
	o := 0
	for ; o+4 <= len(y); o += 4 {
		w0 := w[o*n : (o+1)*n : (o+1)*n]
		w1 := w[(o+1)*n : (o+2)*n : (o+2)*n]
		w2 := w[(o+2)*n : (o+3)*n : (o+3)*n]
		w3 := w[(o+3)*n : (o+4)*n : (o+4)*n]
		var a0, a1, a2, a3, h0, h1, h2, h3 f8
		if t > 0 {
			a0, h0 = ld8(w0[n-16:n-8]).MulAdd(xtl, a0), ld8(w0[n-8:n]).MulAdd(xth, h0)
			a1, h1 = ld8(w1[n-16:n-8]).MulAdd(xtl, a1), ld8(w1[n-8:n]).MulAdd(xth, h1)
			a2, h2 = ld8(w2[n-16:n-8]).MulAdd(xtl, a2), ld8(w2[n-8:n]).MulAdd(xth, h2)
			a3, h3 = ld8(w3[n-16:n-8]).MulAdd(xtl, a3), ld8(w3[n-8:n]).MulAdd(xth, h3)
		}
		xs := x[:nf]
		w0, w1, w2, w3 = w0[:nf], w1[:nf], w2[:nf], w3[:nf]
		for len(xs) >= 16 && len(w0) >= 16 && len(w1) >= 16 && len(w2) >= 16 && len(w3) >= 16 {
			xl, xh := ld8(xs[0:8]), ld8(xs[8:16])
			a0 = ld8(w0[0:8]).MulAdd(xl, a0)
			h0 = ld8(w0[8:16]).MulAdd(xh, h0)
			a1 = ld8(w1[0:8]).MulAdd(xl, a1)
			h1 = ld8(w1[8:16]).MulAdd(xh, h1)
			a2 = ld8(w2[0:8]).MulAdd(xl, a2)
			h2 = ld8(w2[8:16]).MulAdd(xh, h2)
			a3 = ld8(w3[0:8]).MulAdd(xl, a3)
			h3 = ld8(w3[8:16]).MulAdd(xh, h3)
			xs, w0, w1, w2, w3 = xs[16:], w0[16:], w1[16:], w2[16:], w3[16:]
		}
		yo := y[o : o+4 : o+4]
		s := reduce4(a0.Add(h0), a1.Add(h1), a2.Add(h2), a3.Add(h3))
		archsimd.LoadFloat32x4Slice(yo).Add(s).StoreSlice(yo)
	}
	for ; o < len(y); o++ {
		wr := w[o*n : (o+1)*n : (o+1)*n]
		var a0, h0 f8
		if t > 0 {
			a0, h0 = ld8(wr[n-16:n-8]).MulAdd(xtl, a0), ld8(wr[n-8:n]).MulAdd(xth, h0)
		}
		xs := x[:nf]
		wr = wr[:nf]
		for len(xs) >= 16 && len(wr) >= 16 {
			a0 = ld8(wr[0:8]).MulAdd(ld8(xs[0:8]), a0)
			h0 = ld8(wr[8:16]).MulAdd(ld8(xs[8:16]), h0)
			xs, wr = xs[16:], wr[16:]
		}
		y[o] += hsum8(a0.Add(h0))
	}
}

// --- gemm: Y[r,j] += Σ_k A[r,k]·M[k,j] ---
//
// Y is computed in tiles of several rows by 64 (AVX-512) or 32 (AVX2)
// columns held in registers while the rows of M stream past; each row of
// M loaded serves every row of the tile. A term is skipped when it is zero
// for all rows of the tile. Every element of Y sees its terms in order of
// k, one fused multiply-add each, so the tiling changes no result: the
// AVX2 and AVX-512 kernels agree exactly (up to the sign of a zero).
//
// When n is not a multiple of the vector width, the last vector of a row
// starts at n − width and overlaps the one before: both compute the same
// values for the shared elements, so storing both is harmless, and no
// masked load is needed. Narrower rows (n < width) take a masked path.

func gemm16(rows, n, kn int, a []float32, lda int, m []float32, ldm int, y []float32, ldy int) {
	if n < 16 {
		for r := range rows {
			gevmNarrow16(y[r*ldy:r*ldy+n], a[r*lda:r*lda+kn], m, ldm)
		}
		return
	}
	for j0 := 0; j0 < n; j0 += 64 {
		o0, o1, o2, o3 := min(j0, n-16), min(j0+16, n-16), min(j0+32, n-16), min(j0+48, n-16)
		r := 0
		for ; r+4 <= rows; r += 4 {
			gemmTile4x64(kn, a[r*lda:], lda, m, ldm, y[r*ldy:], ldy, o0, o1, o2, o3)
		}
		for ; r < rows; r++ {
			gemmTile1x64(kn, a[r*lda:r*lda+kn], m, ldm, y[r*ldy:r*ldy+n], o0, o1, o2, o3)
		}
	}
}

// gemmTile4x64 updates rows 0–3 of y at the four 16-wide column offsets.
func gemmTile4x64(kn int, a []float32, lda int, m []float32, ldm int, y []float32, ldy, o0, o1, o2, o3 int) {
	a0, a1, a2, a3 := a[:kn], a[lda:lda+kn], a[2*lda:2*lda+kn], a[3*lda:3*lda+kn]
	y0, y1, y2, y3 := y, y[ldy:], y[2*ldy:], y[3*ldy:]
	c00, c01, c02, c03 := ld16(y0[o0:o0+16]), ld16(y0[o1:o1+16]), ld16(y0[o2:o2+16]), ld16(y0[o3:o3+16])
	c10, c11, c12, c13 := ld16(y1[o0:o0+16]), ld16(y1[o1:o1+16]), ld16(y1[o2:o2+16]), ld16(y1[o3:o3+16])
	c20, c21, c22, c23 := ld16(y2[o0:o0+16]), ld16(y2[o1:o1+16]), ld16(y2[o2:o2+16]), ld16(y2[o3:o3+16])
	c30, c31, c32, c33 := ld16(y3[o0:o0+16]), ld16(y3[o1:o1+16]), ld16(y3[o2:o2+16]), ld16(y3[o3:o3+16])
	for k := range a0 {
		s0, s1, s2, s3 := a0[k], a1[k], a2[k], a3[k]
		if s0 == 0 && s1 == 0 && s2 == 0 && s3 == 0 {
			continue
		}
		row := m[k*ldm:]
		m0, m1, m2, m3 := ld16(row[o0:o0+16]), ld16(row[o1:o1+16]), ld16(row[o2:o2+16]), ld16(row[o3:o3+16])
		b := archsimd.BroadcastFloat32x16(s0)
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x16(s1)
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
		b = archsimd.BroadcastFloat32x16(s2)
		c20, c21, c22, c23 = m0.MulAdd(b, c20), m1.MulAdd(b, c21), m2.MulAdd(b, c22), m3.MulAdd(b, c23)
		b = archsimd.BroadcastFloat32x16(s3)
		c30, c31, c32, c33 = m0.MulAdd(b, c30), m1.MulAdd(b, c31), m2.MulAdd(b, c32), m3.MulAdd(b, c33)
	}
	c03.StoreSlice(y0[o3 : o3+16])
	c02.StoreSlice(y0[o2 : o2+16])
	c01.StoreSlice(y0[o1 : o1+16])
	c00.StoreSlice(y0[o0 : o0+16])
	c13.StoreSlice(y1[o3 : o3+16])
	c12.StoreSlice(y1[o2 : o2+16])
	c11.StoreSlice(y1[o1 : o1+16])
	c10.StoreSlice(y1[o0 : o0+16])
	c23.StoreSlice(y2[o3 : o3+16])
	c22.StoreSlice(y2[o2 : o2+16])
	c21.StoreSlice(y2[o1 : o1+16])
	c20.StoreSlice(y2[o0 : o0+16])
	c33.StoreSlice(y3[o3 : o3+16])
	c32.StoreSlice(y3[o2 : o2+16])
	c31.StoreSlice(y3[o1 : o1+16])
	c30.StoreSlice(y3[o0 : o0+16])
}

// gemmTile1x64 updates one row of y at the four 16-wide column offsets.
func gemmTile1x64(kn int, a, m []float32, ldm int, y []float32, o0, o1, o2, o3 int) {
	c0, c1, c2, c3 := ld16(y[o0:o0+16]), ld16(y[o1:o1+16]), ld16(y[o2:o2+16]), ld16(y[o3:o3+16])
	for k, s := range a[:kn] {
		if s == 0 {
			continue
		}
		row := m[k*ldm:]
		b := archsimd.BroadcastFloat32x16(s)
		c0 = ld16(row[o0:o0+16]).MulAdd(b, c0)
		c1 = ld16(row[o1:o1+16]).MulAdd(b, c1)
		c2 = ld16(row[o2:o2+16]).MulAdd(b, c2)
		c3 = ld16(row[o3:o3+16]).MulAdd(b, c3)
	}
	c3.StoreSlice(y[o3 : o3+16])
	c2.StoreSlice(y[o2 : o2+16])
	c1.StoreSlice(y[o1 : o1+16])
	c0.StoreSlice(y[o0 : o0+16])
}

// gevmNarrow16 is one row of gemm16 for n < 16, with masked loads.
func gevmNarrow16(y, a, m []float32, ldm int) {
	n := len(y)
	c := archsimd.LoadFloat32x16SlicePart(y)
	for k, s := range a {
		if s != 0 {
			c = archsimd.LoadFloat32x16SlicePart(m[k*ldm:k*ldm+n]).MulAdd(archsimd.BroadcastFloat32x16(s), c)
		}
	}
	c.StoreSlicePart(y)
}

func gemm8(rows, n, kn int, a []float32, lda int, m []float32, ldm int, y []float32, ldy int) {
	if n < 8 {
		for r := range rows {
			gevmNarrow8(y[r*ldy:r*ldy+n], a[r*lda:r*lda+kn], m, ldm)
		}
		return
	}
	for j0 := 0; j0 < n; j0 += 32 {
		o0, o1, o2, o3 := min(j0, n-8), min(j0+8, n-8), min(j0+16, n-8), min(j0+24, n-8)
		r := 0
		for ; r+2 <= rows; r += 2 {
			gemmTile2x32(kn, a[r*lda:], lda, m, ldm, y[r*ldy:], ldy, o0, o1, o2, o3)
		}
		for ; r < rows; r++ {
			gemmTile1x32(kn, a[r*lda:r*lda+kn], m, ldm, y[r*ldy:r*ldy+n], o0, o1, o2, o3)
		}
	}
}

// gemmTile2x32 updates rows 0–1 of y at the four 8-wide column offsets.
func gemmTile2x32(kn int, a []float32, lda int, m []float32, ldm int, y []float32, ldy, o0, o1, o2, o3 int) {
	a0, a1 := a[:kn], a[lda:lda+kn]
	y0, y1 := y, y[ldy:]
	c00, c01, c02, c03 := ld8(y0[o0:o0+8]), ld8(y0[o1:o1+8]), ld8(y0[o2:o2+8]), ld8(y0[o3:o3+8])
	c10, c11, c12, c13 := ld8(y1[o0:o0+8]), ld8(y1[o1:o1+8]), ld8(y1[o2:o2+8]), ld8(y1[o3:o3+8])
	for k := range a0 {
		s0, s1 := a0[k], a1[k]
		if s0 == 0 && s1 == 0 {
			continue
		}
		row := m[k*ldm:]
		m0, m1, m2, m3 := ld8(row[o0:o0+8]), ld8(row[o1:o1+8]), ld8(row[o2:o2+8]), ld8(row[o3:o3+8])
		b := archsimd.BroadcastFloat32x8(s0)
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x8(s1)
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
	}
	c03.StoreSlice(y0[o3 : o3+8])
	c02.StoreSlice(y0[o2 : o2+8])
	c01.StoreSlice(y0[o1 : o1+8])
	c00.StoreSlice(y0[o0 : o0+8])
	c13.StoreSlice(y1[o3 : o3+8])
	c12.StoreSlice(y1[o2 : o2+8])
	c11.StoreSlice(y1[o1 : o1+8])
	c10.StoreSlice(y1[o0 : o0+8])
}

// gemmTile1x32 updates one row of y at the four 8-wide column offsets.
func gemmTile1x32(kn int, a, m []float32, ldm int, y []float32, o0, o1, o2, o3 int) {
	c0, c1, c2, c3 := ld8(y[o0:o0+8]), ld8(y[o1:o1+8]), ld8(y[o2:o2+8]), ld8(y[o3:o3+8])
	for k, s := range a[:kn] {
		if s == 0 {
			continue
		}
		row := m[k*ldm:]
		b := archsimd.BroadcastFloat32x8(s)
		c0 = ld8(row[o0:o0+8]).MulAdd(b, c0)
		c1 = ld8(row[o1:o1+8]).MulAdd(b, c1)
		c2 = ld8(row[o2:o2+8]).MulAdd(b, c2)
		c3 = ld8(row[o3:o3+8]).MulAdd(b, c3)
	}
	c3.StoreSlice(y[o3 : o3+8])
	c2.StoreSlice(y[o2 : o2+8])
	c1.StoreSlice(y[o1 : o1+8])
	c0.StoreSlice(y[o0 : o0+8])
}

// gevmNarrow8 is one row of gemm8 for n < 8, with masked loads.
func gevmNarrow8(y, a, m []float32, ldm int) {
	n := len(y)
	c := archsimd.LoadFloat32x8SlicePart(y)
	for k, s := range a {
		if s != 0 {
			c = archsimd.LoadFloat32x8SlicePart(m[k*ldm:k*ldm+n]).MulAdd(archsimd.BroadcastFloat32x8(s), c)
		}
	}
	c.StoreSlicePart(y)
}

// --- Adam: the operations of adamGo, lane by lane ---

func adam16(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	n := len(p) &^ 15
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	var (
		zero  = f16{}
		tiny  = archsimd.BroadcastFloat32x16(smallestNormal)
		ntiny = archsimd.BroadcastFloat32x16(-smallestNormal)
		vb1   = archsimd.BroadcastFloat32x16(b1)
		vb2   = archsimd.BroadcastFloat32x16(b2)
		vc1   = archsimd.BroadcastFloat32x16(c1)
		vc2   = archsimd.BroadcastFloat32x16(c2)
		veps  = archsimd.BroadcastFloat32x16(eps)
		vs    = archsimd.BroadcastFloat32x16(stepSize)
		vk    = archsimd.BroadcastFloat32x16(invBC2)
	)
	ps, gs, ms, vv := p[:n], g[:n], m[:n], v[:n]
	for len(ps) >= 16 && len(gs) >= 16 && len(ms) >= 16 && len(vv) >= 16 {
		gi, mi, vi := ld16(gs[0:16]), ld16(ms[0:16]), ld16(vv[0:16])
		if gi.Equal(zero).And(mi.Equal(zero)).ToBits() == 0xffff {
			// dead: only v decays
			vi = vb2.Mul(vi)
			zero.Merge(vi, vi.Less(tiny)).StoreSlice(vv[0:16])
		} else {
			mi = vb1.Mul(mi).Add(vc1.Mul(gi))
			mi = zero.Merge(mi, mi.Less(tiny).And(mi.Greater(ntiny)))
			vi = vb2.Mul(vi).Add(vc2.Mul(gi).Mul(gi))
			vi = zero.Merge(vi, vi.Less(tiny))
			mi.StoreSlice(ms[0:16])
			vi.StoreSlice(vv[0:16])
			d := vi.Sqrt().Mul(vk).Add(veps)
			pi := ld16(ps[0:16])
			pi.Sub(vs.Mul(mi).Div(d)).StoreSlice(ps[0:16])
		}
		ps, gs, ms, vv = ps[16:], gs[16:], ms[16:], vv[16:]
	}
	adamGo(p[n:], g[n:], m[n:], v[n:], b1, b2, c1, c2, eps, stepSize, invBC2)
}

func adam8(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	n := len(p) &^ 7
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	var (
		zero  = f8{}
		tiny  = archsimd.BroadcastFloat32x8(smallestNormal)
		ntiny = archsimd.BroadcastFloat32x8(-smallestNormal)
		vb1   = archsimd.BroadcastFloat32x8(b1)
		vb2   = archsimd.BroadcastFloat32x8(b2)
		vc1   = archsimd.BroadcastFloat32x8(c1)
		vc2   = archsimd.BroadcastFloat32x8(c2)
		veps  = archsimd.BroadcastFloat32x8(eps)
		vs    = archsimd.BroadcastFloat32x8(stepSize)
		vk    = archsimd.BroadcastFloat32x8(invBC2)
	)
	ps, gs, ms, vv := p[:n], g[:n], m[:n], v[:n]
	for len(ps) >= 8 && len(gs) >= 8 && len(ms) >= 8 && len(vv) >= 8 {
		gi, mi, vi := ld8(gs[0:8]), ld8(ms[0:8]), ld8(vv[0:8])
		if gi.Equal(zero).And(mi.Equal(zero)).ToBits() == 0xff {
			vi = vb2.Mul(vi)
			zero.Merge(vi, vi.Less(tiny)).StoreSlice(vv[0:8])
		} else {
			mi = vb1.Mul(mi).Add(vc1.Mul(gi))
			mi = zero.Merge(mi, mi.Less(tiny).And(mi.Greater(ntiny)))
			vi = vb2.Mul(vi).Add(vc2.Mul(gi).Mul(gi))
			vi = zero.Merge(vi, vi.Less(tiny))
			mi.StoreSlice(ms[0:8])
			vi.StoreSlice(vv[0:8])
			d := vi.Sqrt().Mul(vk).Add(veps)
			pi := ld8(ps[0:8])
			pi.Sub(vs.Mul(mi).Div(d)).StoreSlice(ps[0:8])
		}
		ps, gs, ms, vv = ps[8:], gs[8:], ms[8:], vv[8:]
	}
	adamGo(p[n:], g[n:], m[n:], v[n:], b1, b2, c1, c2, eps, stepSize, invBC2)
}
