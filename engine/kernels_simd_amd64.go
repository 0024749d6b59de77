//go:build goexperiment.simd && amd64

package engine

import (
	"simd/archsimd"
	"unsafe"
)

// The SIMD kernels. Each comes twice, for AVX-512 (16 lanes, suffix 16)
// and for AVX2 + FMA (8 lanes, suffix 8), and the two compute the same
// values: the reductions (sum, dot, gemv) lay every sum over the same 16
// logical lanes (an AVX2 kernel keeps each 16-lane accumulator as a low
// and a high half) and reduce them in the same order; gemm gives each
// output element the same sequence of multiply-adds whatever the tiling,
// and sends the same last columns down the same route (gemmLastCols);
// the elementwise kernels (axpy, Adam, activations) round the same
// operations per element. A seeded run therefore trains identically on any
// amd64 CPU with AVX2, with or without AVX-512. Multiply-adds are fused
// (one rounding) everywhere but in Adam, which rounds each operation as
// the portable kernel does and so matches it bit for bit.

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

func sum(x []float32) float32 {
	var s float32
	switch kernelISA {
	case isaAVX512:
		s = sum16(x)
	case isaAVX2:
		s = sum8(x)
	default:
		return sumGo(x)
	}
	archsimd.ClearAVXUpperBits()
	return s
}

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

func gemm(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
	if kernelISA == isaGo {
		gemmGo(rows, n, kn, a, ars, aks, m, ldm, y, ldy)
		return
	}
	if gemmLastCols(rows, n, kn, a, ars, aks, m, ldm, y, ldy) {
		n -= n % 16
	}
	gemmVec(rows, n, kn, a, ars, aks, m, ldm, y, ldy)
	archsimd.ClearAVXUpperBits()
}

// gemmVec is gemm on the vector kernels of the CPU.
func gemmVec(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
	if kernelISA == isaAVX512 {
		gemm16(rows, n, kn, a, ars, aks, m, ldm, y, ldy)
	} else {
		gemm8(rows, n, kn, a, ars, aks, m, ldm, y, ldy)
	}
}

// lastColsMax bounds the scratch of gemmLastCols, which lives on the stack.
const lastColsMax = 512

// gemmLastCols computes the last q = n mod 16 columns of Y += A·M when
// there are at most four, and reports whether it did. The tiles would give
// them a whole 16-lane vector per row and term, 50 columns costing as much
// as 64 (devnag-2017's layers are 50 wide); across the rows they cost a
// fraction of that:
//
//   - A stored by rows (aks = 1, ars = kn): column j is a matrix–vector
//     product, Y[:,j] += A·M[:,j];
//   - A stored by columns (ars = 1): the q columns transposed are a q-row
//     product, Y[:,J:]ᵀ += M[:,J:]ᵀ·Aᵀ, whose right factor is A read by rows.
//
// Both are decided by the shape alone and run the same kernels on AVX2 and
// AVX-512, so the two still compute the same values.
func gemmLastCols(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) bool {
	q := n % 16
	if n < 16 || q == 0 || q > 4 || rows < 2 || kn < 2 {
		return false
	}
	j0 := n - q
	var buf [lastColsMax]float32
	switch {
	case aks == 1 && ars == kn && kn+rows <= len(buf):
		col, yc := buf[:kn], buf[kn:kn+rows]
		if kernelISA == isaAVX512 && kn >= 16 && 2*kn <= len(buf) {
			for ; j0+2 <= n; j0 += 2 {
				gemv2Cols16(y[j0:], ldy, rows, a[:rows*kn], m[j0:], ldm, buf[:2*kn])
			}
		}
		for j := j0; j < n; j++ {
			for k := range col {
				col[k] = m[k*ldm+j]
			}
			for r := range yc {
				yc[r] = y[r*ldy+j]
			}
			gemv(yc, a[:rows*kn], col)
			for r, v := range yc {
				y[r*ldy+j] = v
			}
		}
	case ars == 1 && q*rows <= len(buf):
		yt := buf[:q*rows]
		for j := range q {
			for r := range rows {
				yt[j*rows+r] = y[r*ldy+j0+j]
			}
		}
		gemmVec(q, rows, kn, m[j0:], 1, ldm, a, aks, yt, rows)
		for j := range q {
			for r := range rows {
				y[r*ldy+j0+j] = yt[j*rows+r]
			}
		}
	default:
		return false
	}
	return true
}

// alignRows copies src into scratch on AVX-512: a 16-lane load that
// straddles two cache lines costs two, and gemm16 reading the rows of a
// 100 × 50 matrix in place ran 25% slower than on aligned rows, more than
// the copy costs.
func alignRows(scratch, src []float32, rows, cols int) ([]float32, int) {
	if kernelISA != isaAVX512 || scratch == nil || cols < 16 || rows == 0 {
		return src, cols
	}
	ld := roundUp16(cols)
	padRows16(scratch, ld, src, rows, cols)
	archsimd.ClearAVXUpperBits()
	return scratch, ld
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

func eluApply(z []float32) {
	switch kernelISA {
	case isaAVX512:
		elu16(z)
	case isaAVX2:
		elu8(z)
	default:
		eluGo(z)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func sigmoidApply(z []float32) {
	switch kernelISA {
	case isaAVX512:
		sigmoid16(z)
	case isaAVX2:
		sigmoid8(z)
	default:
		sigmoidGo(z)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func tanhApply(z []float32) {
	switch kernelISA {
	case isaAVX512:
		tanh16(z)
	case isaAVX2:
		tanh8(z)
	default:
		tanhGo(z)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func actGrad(a Activation, dz, dy, y []float32, slope float32) {
	switch {
	case a == Identity:
		copy(dz, dy[:len(dz)])
		return
	case kernelISA == isaAVX512:
		actGrad16(a, dz, dy, y, slope)
	case kernelISA == isaAVX2:
		actGrad8(a, dz, dy, y, slope)
	default:
		actGradGo(a, dz, dy, y, slope)
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

// --- sum: Σ x[i] over four 16-lane accumulators ---

func sum16(x []float32) float32 {
	var s0, s1, s2, s3 f16
	for len(x) >= 64 {
		s0 = s0.Add(ld16(x[0:16]))
		s1 = s1.Add(ld16(x[16:32]))
		s2 = s2.Add(ld16(x[32:48]))
		s3 = s3.Add(ld16(x[48:64]))
		x = x[64:]
	}
	for len(x) >= 16 {
		s0 = s0.Add(ld16(x[0:16]))
		x = x[16:]
	}
	if len(x) > 0 {
		s0 = s0.Add(archsimd.LoadFloat32x16SlicePart(x))
	}
	return hsum16(s0.Add(s1).Add(s2.Add(s3)))
}

func sum8(x []float32) float32 {
	var s0, s1, s2, s3, h0, h1, h2, h3 f8
	for len(x) >= 64 {
		s0, h0 = s0.Add(ld8(x[0:8])), h0.Add(ld8(x[8:16]))
		s1, h1 = s1.Add(ld8(x[16:24])), h1.Add(ld8(x[24:32]))
		s2, h2 = s2.Add(ld8(x[32:40])), h2.Add(ld8(x[40:48]))
		s3, h3 = s3.Add(ld8(x[48:56])), h3.Add(ld8(x[56:64]))
		x = x[64:]
	}
	for len(x) >= 16 {
		s0, h0 = s0.Add(ld8(x[0:8])), h0.Add(ld8(x[8:16]))
		x = x[16:]
	}
	if len(x) > 0 {
		lo, hi := tail8(x)
		s0, h0 = s0.Add(lo), h0.Add(hi)
	}
	return hsum8(s0.Add(s1).Add(s2.Add(s3)).Add(h0.Add(h1).Add(h2.Add(h3))))
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
	px := unsafe.Pointer(&x[0])
	o := 0
	for ; o+4 <= len(y); o += 4 {
		p0 := unsafe.Pointer(&w[o*n]) // rows o…o+3 lie inside w: len(w) = len(y)·n
		p1, p2, p3 := unsafe.Add(p0, 4*n), unsafe.Add(p0, 8*n), unsafe.Add(p0, 12*n)
		var a0, a1, a2, a3 f16
		if t > 0 {
			a0 = ld16p(p0, n-16).MulAdd(xt, a0)
			a1 = ld16p(p1, n-16).MulAdd(xt, a1)
			a2 = ld16p(p2, n-16).MulAdd(xt, a2)
			a3 = ld16p(p3, n-16).MulAdd(xt, a3)
		}
		for i := 0; i < nf; i += 16 {
			xv := ld16p(px, i)
			a0 = ld16p(p0, i).MulAdd(xv, a0)
			a1 = ld16p(p1, i).MulAdd(xv, a1)
			a2 = ld16p(p2, i).MulAdd(xv, a2)
			a3 = ld16p(p3, i).MulAdd(xv, a3)
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

// gemv2Cols16 is gemmLastCols' matrix–vector products for two adjacent
// columns of Y at once, reading W once for both:
//
//	Y[r,j] += Σ_k W[r,k]·M[k,j]   for j = 0, 1 and r < rows
//
// with Y and M addressed through their row strides ldy and ldm, and
// scratch holding at least 2·n floats (n = len(w)/rows ≥ 16). Each
// element takes exactly the operations gemv16 gives it — the same lanes,
// the same order, the same reduction — so the result is the same as two
// gemv16 calls, and as gemv8's on AVX2.
func gemv2Cols16(y []float32, ldy, rows int, w, m []float32, ldm int, scratch []float32) {
	n := len(w) / rows
	x0, x1 := scratch[:n:n], scratch[n:2*n:2*n]
	for k := range n {
		x0[k], x1[k] = m[k*ldm], m[k*ldm+1]
	}
	t := n % 16
	nf := n - t
	var xt0, xt1 f16
	if t > 0 {
		keep := ld16(keepTail[t : t+16])
		xt0, xt1 = ld16(x0[n-16:n]).Mul(keep), ld16(x1[n-16:n]).Mul(keep)
	}
	_ = y[(rows-1)*ldy+1]
	p0x, p1x := unsafe.Pointer(&x0[0]), unsafe.Pointer(&x1[0])
	o := 0
	for ; o+4 <= rows; o += 4 {
		p0 := unsafe.Pointer(&w[o*n]) // rows o…o+3 lie inside w
		p1, p2, p3 := unsafe.Add(p0, 4*n), unsafe.Add(p0, 8*n), unsafe.Add(p0, 12*n)
		var a0, a1, a2, a3, b0, b1, b2, b3 f16
		if t > 0 {
			w0, w1, w2, w3 := ld16p(p0, n-16), ld16p(p1, n-16), ld16p(p2, n-16), ld16p(p3, n-16)
			a0, a1, a2, a3 = w0.MulAdd(xt0, a0), w1.MulAdd(xt0, a1), w2.MulAdd(xt0, a2), w3.MulAdd(xt0, a3)
			b0, b1, b2, b3 = w0.MulAdd(xt1, b0), w1.MulAdd(xt1, b1), w2.MulAdd(xt1, b2), w3.MulAdd(xt1, b3)
		}
		for i := 0; i < nf; i += 16 {
			v0, v1 := ld16p(p0x, i), ld16p(p1x, i)
			w0, w1, w2, w3 := ld16p(p0, i), ld16p(p1, i), ld16p(p2, i), ld16p(p3, i)
			a0, a1, a2, a3 = w0.MulAdd(v0, a0), w1.MulAdd(v0, a1), w2.MulAdd(v0, a2), w3.MulAdd(v0, a3)
			b0, b1, b2, b3 = w0.MulAdd(v1, b0), w1.MulAdd(v1, b1), w2.MulAdd(v1, b2), w3.MulAdd(v1, b3)
		}
		sa := reduce4(a0.GetLo().Add(a0.GetHi()), a1.GetLo().Add(a1.GetHi()),
			a2.GetLo().Add(a2.GetHi()), a3.GetLo().Add(a3.GetHi()))
		sb := reduce4(b0.GetLo().Add(b0.GetHi()), b1.GetLo().Add(b1.GetHi()),
			b2.GetLo().Add(b2.GetHi()), b3.GetLo().Add(b3.GetHi()))
		y0, y1, y2, y3 := y[o*ldy:o*ldy+2:o*ldy+2], y[(o+1)*ldy:(o+1)*ldy+2:(o+1)*ldy+2],
			y[(o+2)*ldy:(o+2)*ldy+2:(o+2)*ldy+2], y[(o+3)*ldy:(o+3)*ldy+2:(o+3)*ldy+2]
		y0[0], y0[1] = y0[0]+sa.GetElem(0), y0[1]+sb.GetElem(0)
		y1[0], y1[1] = y1[0]+sa.GetElem(1), y1[1]+sb.GetElem(1)
		y2[0], y2[1] = y2[0]+sa.GetElem(2), y2[1]+sb.GetElem(2)
		y3[0], y3[1] = y3[0]+sa.GetElem(3), y3[1]+sb.GetElem(3)
	}
	if o < rows { // the last rows as gemv16 takes them, one at a time
		var rest [2][3]float32
		for i := range rows - o {
			rest[0][i], rest[1][i] = y[(o+i)*ldy], y[(o+i)*ldy+1]
		}
		gemv16(rest[0][:rows-o], w[o*n:], x0)
		gemv16(rest[1][:rows-o], w[o*n:], x1)
		for i := range rows - o {
			y[(o+i)*ldy], y[(o+i)*ldy+1] = rest[0][i], rest[1][i]
		}
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

// --- gemm: Y[r,j] += Σ_k A[r,k]·M[k,j], A[r,k] = a[r·ars + k·aks] ---
//
// Y is computed in tiles of two rows by 64 (AVX-512) or 32 (AVX2) columns
// held in registers while the rows of M stream past; each row of M loaded
// serves both rows of the tile. Two rows, not more: Go allocates only 16
// vector registers (Z0–Z15), and eight accumulators, four rows of M and
// two broadcasts fill them. Single rows skip the terms whose coefficient
// is zero (dead ReLU units); two-row tiles do not, as the test would cost
// more than it saves once two rows must both be zero. A rank-one update
// (kn = 1) goes to ger16 or ger8, which skip the rows of dead units.
//
// Each element of Y sums its terms in order of k, one fused multiply-add
// each (a single row: its even and its odd terms in two such sums, added
// last), so the vector width changes no result: the AVX2 and AVX-512
// kernels agree exactly (up to the sign of a zero). (gemm takes the last
// one to four columns of a wider product elsewhere first; see
// gemmLastCols.)
//
// When a tile is not a whole number of vectors wide, its last vector
// starts at n − width and overlaps the one before: both compute the same
// values for the shared elements, so storing both is harmless, and no
// masked load is needed in the loop over k. Better still, when the rows of
// M extend past n (Wᵀ's padded rows, or the next row of M) the AVX-512
// tile keeps the last vector in step with the others and loads and stores
// only its first lanes of Y, once: a vector at n − 16 straddles two cache
// lines on every row of M, and a 100 × 50 ← 50 product ran 5% slower so. A
// remainder narrower than one vector, after whole tiles, takes a masked
// path (overlapping there would add to columns already stored).
//
// The tile loops address memory through unsafe pointers: with bounds
// checks on every load Go's register allocator spills the loop state, and
// the kernel ran at 66 instead of 87 GFLOP/s (106 with four terms per
// iteration). Each tile checks, before its
// loop, the last element it will touch in a, m and y, so every access is
// inside the slices it was given, and forms no pointer past their ends.

func gemm16(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
	if kn == 0 || rows == 0 || n == 0 {
		return
	}
	if kn == 1 && n >= 16 {
		ger16(rows, n, a, ars, m, y, ldy)
		return
	}
	for j0 := 0; j0 < n; j0 += 64 {
		if n-j0 < 16 { // narrow: masked loads
			for r := range rows {
				gevmNarrow16(y[r*ldy+j0:r*ldy+n], a[r*ars:], aks, kn, m[j0:], ldm, kn > 1 && r == rows-1 && rows%2 == 1)
			}
			return
		}
		o0, o1, o2, o3 := min(j0, n-16), min(j0+16, n-16), min(j0+32, n-16), min(j0+48, n-16)
		if w := n - j0; w > 48 && w < 64 && (kn-1)*ldm+j0+64 <= len(m) {
			o3 = j0 + 48 // M has room: the last vector runs past n, aligned with the others
		}
		r := 0 // kn ≥ 2 here: a single term went to ger16
		if n-j0 <= 48 {
			for ; r+2 <= rows; r += 2 {
				gemmTile2x48(kn, a[r*ars:], ars, aks, m, ldm, y[r*ldy:], ldy, o0, o1, o2)
			}
		}
		for ; r+2 <= rows; r += 2 {
			gemmTile2x64(kn, a[r*ars:], ars, aks, m, ldm, y[r*ldy:], ldy, n, o0, o1, o2, o3)
		}
		if r < rows {
			gemmTile1x64(kn, a[r*ars:], aks, m, ldm, y[r*ldy:r*ldy+n], o0, o1, o2, o3)
		}
	}
}

// ger16 is gemm16 for a single term (kn = 1), a rank-one update:
//
//	Y[r,:] += a[r·ars]·M[0,:]
//
// It is the forward pass of a layer with one input over a batch, dX of a
// layer with one output over a batch, and dW of a layer fed one row: up
// to a hundred rows whose work is one multiply-add per element, too
// little to pay for a tile call each. One loop walks all rows, skipping those whose
// coefficient is zero (dead units). A row not a whole number of vectors
// wide ends with a vector overlapping the one before; both are loaded
// before either is stored, so the shared elements get the same value.
func ger16(rows, n int, a []float32, ars int, m []float32, y []float32, ldy int) {
	_ = a[(rows-1)*ars]
	_ = m[n-1]
	_ = y[(rows-1)*ldy+n-1]
	pa, pm, py := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&y[0])
	last := n - 16 // the last vector's offset; n ≥ 16
	split := last &^ 15
	for r := range rows {
		s := f32p(pa, r*ars)
		if s == 0 {
			continue
		}
		b, yr := archsimd.BroadcastFloat32x16(s), unsafe.Add(py, 4*r*ldy)
		j := 0
		for ; j < split; j += 16 {
			st16p(ld16p(pm, j).MulAdd(b, ld16p(yr, j)), yr, j)
		}
		y0, y1 := ld16p(pm, j).MulAdd(b, ld16p(yr, j)), ld16p(pm, last).MulAdd(b, ld16p(yr, last))
		st16p(y0, yr, j)
		st16p(y1, yr, last)
	}
}

// padRows16 copies the rows × cols matrix src, row-major, into dst with
// row stride ld ≥ cols, in whole vectors (cols ≥ 16; a row's last vector
// overlaps the one before): a hundred short memmoves cost twice as much.
func padRows16(dst []float32, ld int, src []float32, rows, cols int) {
	_ = src[rows*cols-1]
	_ = dst[(rows-1)*ld+cols-1]
	ps, pd := unsafe.Pointer(&src[0]), unsafe.Pointer(&dst[0])
	last := cols - 16
	for r := range rows {
		s, d := unsafe.Add(ps, 4*r*cols), unsafe.Add(pd, 4*r*ld)
		for j := 0; j < last; j += 16 {
			st16p(ld16p(s, j), d, j)
		}
		st16p(ld16p(s, last), d, last)
	}
}

// ld16p and st16p load and store the 16 floats at p + 4·off bytes.
func ld16p(p unsafe.Pointer, off int) f16 {
	return archsimd.LoadFloat32x16((*[16]float32)(unsafe.Add(p, 4*off)))
}

func st16p(v f16, p unsafe.Pointer, off int) { v.Store((*[16]float32)(unsafe.Add(p, 4*off))) }

// f32p reads the float at p + 4·off bytes.
func f32p(p unsafe.Pointer, off int) float32 { return *(*float32)(unsafe.Add(p, 4*off)) }

// gemmTile2x64 updates rows 0–1 of y, n wide, at the four 16-wide column
// offsets o0 ≤ o1 ≤ o2 ≤ o3. The last vector may run past n (in M only:
// its lanes past n are neither loaded from nor stored to y).
func gemmTile2x64(kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy, n, o0, o1, o2, o3 int) {
	_ = a[ars+(kn-1)*aks]
	_ = m[(kn-1)*ldm+o3+15]
	_ = y[ldy+o2+15]
	y0s, y1s := y[o3:n], y[ldy+o3:ldy+n]
	pa, pm := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0])
	y0, y1 := unsafe.Pointer(&y[0]), unsafe.Pointer(&y[ldy])
	c00, c01, c02, c03 := ld16p(y0, o0), ld16p(y0, o1), ld16p(y0, o2), archsimd.LoadFloat32x16SlicePart(y0s)
	c10, c11, c12, c13 := ld16p(y1, o0), ld16p(y1, o1), ld16p(y1, o2), archsimd.LoadFloat32x16SlicePart(y1s)
	var m0, m1, m2, m3, b f16
	k := 0
	for ; k+4 <= kn; k += 4 { // four terms per iteration: a fifth fewer cycles than one
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1, m2, m3 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2), ld16p(row, o3)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2, m3 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2), ld16p(row, o3)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2, m3 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2), ld16p(row, o3)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2, m3 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2), ld16p(row, o3)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
	}
	for ; k < kn; k++ {
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1, m2, m3 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2), ld16p(row, o3)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
	}
	c03.StoreSlicePart(y0s)
	st16p(c02, y0, o2)
	st16p(c01, y0, o1)
	st16p(c00, y0, o0)
	c13.StoreSlicePart(y1s)
	st16p(c12, y1, o2)
	st16p(c11, y1, o1)
	st16p(c10, y1, o0)
}

// gemmTile2x48 is gemmTile2x64 for a block 33 to 48 columns wide: three
// vectors per row (o2 may overlap o1).
func gemmTile2x48(kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy, o0, o1, o2 int) {
	_ = a[ars+(kn-1)*aks]
	_ = m[(kn-1)*ldm+o2+15]
	_ = y[ldy+o2+15]
	pa, pm := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0])
	y0, y1 := unsafe.Pointer(&y[0]), unsafe.Pointer(&y[ldy])
	c00, c01, c02 := ld16p(y0, o0), ld16p(y0, o1), ld16p(y0, o2)
	c10, c11, c12 := ld16p(y1, o0), ld16p(y1, o1), ld16p(y1, o2)
	var m0, m1, m2, b f16
	k := 0
	for ; k+4 <= kn; k += 4 { // four terms per iteration: a fifth fewer cycles than one
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1, m2 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12)
	}
	for ; k < kn; k++ {
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1, m2 = ld16p(row, o0), ld16p(row, o1), ld16p(row, o2)
		b = archsimd.BroadcastFloat32x16(f32p(ak, 0))
		c00, c01, c02 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02)
		b = archsimd.BroadcastFloat32x16(f32p(ak, ars))
		c10, c11, c12 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12)
	}
	st16p(c02, y0, o2)
	st16p(c01, y0, o1)
	st16p(c00, y0, o0)
	st16p(c12, y1, o2)
	st16p(c11, y1, o1)
	st16p(c10, y1, o0)
}

// gemmTile1x64 updates the row y at the four 16-wide column offsets (the
// last may run past len(y), as in gemmTile2x64), skipping zero
// coefficients. Even and odd terms go to separate accumulators, added at
// the end: one row has too few independent sums to hide the latency of a
// multiply-add otherwise.
func gemmTile1x64(kn int, a []float32, aks int, m []float32, ldm int, y []float32, o0, o1, o2, o3 int) {
	_ = a[(kn-1)*aks]
	_ = m[(kn-1)*ldm+o3+15]
	_ = y[o2+15]
	y3 := y[o3:]
	pa, pm, py := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&y[0])
	c0, c1, c2, c3 := ld16p(py, o0), ld16p(py, o1), ld16p(py, o2), archsimd.LoadFloat32x16SlicePart(y3)
	var d0, d1, d2, d3 f16 // the odd terms: two chains of additions, not one
	k := 0
	for ; k+2 <= kn; k += 2 {
		if s := f32p(pa, k*aks); s != 0 {
			row := unsafe.Add(pm, 4*k*ldm)
			b := archsimd.BroadcastFloat32x16(s)
			c0, c1 = ld16p(row, o0).MulAdd(b, c0), ld16p(row, o1).MulAdd(b, c1)
			c2, c3 = ld16p(row, o2).MulAdd(b, c2), ld16p(row, o3).MulAdd(b, c3)
		}
		if s := f32p(pa, (k+1)*aks); s != 0 {
			row := unsafe.Add(pm, 4*(k+1)*ldm)
			b := archsimd.BroadcastFloat32x16(s)
			d0, d1 = ld16p(row, o0).MulAdd(b, d0), ld16p(row, o1).MulAdd(b, d1)
			d2, d3 = ld16p(row, o2).MulAdd(b, d2), ld16p(row, o3).MulAdd(b, d3)
		}
	}
	if k < kn {
		if s := f32p(pa, k*aks); s != 0 {
			row := unsafe.Add(pm, 4*k*ldm)
			b := archsimd.BroadcastFloat32x16(s)
			c0, c1 = ld16p(row, o0).MulAdd(b, c0), ld16p(row, o1).MulAdd(b, c1)
			c2, c3 = ld16p(row, o2).MulAdd(b, c2), ld16p(row, o3).MulAdd(b, c3)
		}
	}
	c3.Add(d3).StoreSlicePart(y3)
	st16p(c2.Add(d2), py, o2)
	st16p(c1.Add(d1), py, o1)
	st16p(c0.Add(d0), py, o0)
}

// gevmNarrow16 is one row of gemm16 narrower than a vector, with masked
// loads. A row that a tile would take alone (split) sums its even and odd
// terms apart, as gemmTile1x64 does, so that results do not depend on
// which path a width takes.
func gevmNarrow16(y, a []float32, aks, kn int, m []float32, ldm int, split bool) {
	n := len(y)
	c, d := archsimd.LoadFloat32x16SlicePart(y), f16{}
	for k := range kn {
		s := a[k*aks]
		if s == 0 {
			continue
		}
		mk, b := archsimd.LoadFloat32x16SlicePart(m[k*ldm:k*ldm+n]), archsimd.BroadcastFloat32x16(s)
		if split && k%2 == 1 {
			d = mk.MulAdd(b, d)
		} else {
			c = mk.MulAdd(b, c)
		}
	}
	if split {
		c = c.Add(d)
	}
	c.StoreSlicePart(y)
}

func gemm8(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
	if kn == 0 || rows == 0 || n == 0 {
		return
	}
	if kn == 1 && n >= 8 {
		ger8(rows, n, a, ars, m, y, ldy)
		return
	}
	for j0 := 0; j0 < n; j0 += 32 {
		if n-j0 < 8 { // narrow: masked loads
			for r := range rows {
				gevmNarrow8(y[r*ldy+j0:r*ldy+n], a[r*ars:], aks, kn, m[j0:], ldm, kn > 1 && r == rows-1 && rows%2 == 1)
			}
			return
		}
		o0, o1, o2, o3 := min(j0, n-8), min(j0+8, n-8), min(j0+16, n-8), min(j0+24, n-8)
		r := 0 // kn ≥ 2 here: a single term went to ger8
		if n-j0 <= 16 {
			for ; r+2 <= rows; r += 2 {
				gemmTile2x16(kn, a[r*ars:], ars, aks, m, ldm, y[r*ldy:], ldy, o0, o1)
			}
		}
		for ; r+2 <= rows; r += 2 {
			gemmTile2x32(kn, a[r*ars:], ars, aks, m, ldm, y[r*ldy:], ldy, o0, o1, o2, o3)
		}
		if r < rows {
			gemmTile1x32(kn, a[r*ars:], aks, m, ldm, y[r*ldy:], o0, o1, o2, o3)
		}
	}
}

// ger8 is ger16 for AVX2 (n ≥ 8).
func ger8(rows, n int, a []float32, ars int, m []float32, y []float32, ldy int) {
	_ = a[(rows-1)*ars]
	_ = m[n-1]
	_ = y[(rows-1)*ldy+n-1]
	pa, pm, py := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&y[0])
	last := n - 8
	split := last &^ 7
	for r := range rows {
		s := f32p(pa, r*ars)
		if s == 0 {
			continue
		}
		b, yr := archsimd.BroadcastFloat32x8(s), unsafe.Add(py, 4*r*ldy)
		j := 0
		for ; j < split; j += 8 {
			st8p(ld8p(pm, j).MulAdd(b, ld8p(yr, j)), yr, j)
		}
		y0, y1 := ld8p(pm, j).MulAdd(b, ld8p(yr, j)), ld8p(pm, last).MulAdd(b, ld8p(yr, last))
		st8p(y0, yr, j)
		st8p(y1, yr, last)
	}
}

func ld8p(p unsafe.Pointer, off int) f8 {
	return archsimd.LoadFloat32x8((*[8]float32)(unsafe.Add(p, 4*off)))
}

func st8p(v f8, p unsafe.Pointer, off int) { v.Store((*[8]float32)(unsafe.Add(p, 4*off))) }

// gemmTile2x32 is gemmTile2x64 for AVX2: 8-wide vectors.
func gemmTile2x32(kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy, o0, o1, o2, o3 int) {
	_ = a[ars+(kn-1)*aks]
	_ = m[(kn-1)*ldm+o3+7]
	_ = y[ldy+o3+7]
	pa, pm := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0])
	y0, y1 := unsafe.Pointer(&y[0]), unsafe.Pointer(&y[ldy])
	c00, c01, c02, c03 := ld8p(y0, o0), ld8p(y0, o1), ld8p(y0, o2), ld8p(y0, o3)
	c10, c11, c12, c13 := ld8p(y1, o0), ld8p(y1, o1), ld8p(y1, o2), ld8p(y1, o3)
	var m0, m1, m2, m3, b f8
	k := 0
	for ; k+4 <= kn; k += 4 { // four terms per iteration: a fifth fewer cycles than one
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1, m2, m3 = ld8p(row, o0), ld8p(row, o1), ld8p(row, o2), ld8p(row, o3)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2, m3 = ld8p(row, o0), ld8p(row, o1), ld8p(row, o2), ld8p(row, o3)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2, m3 = ld8p(row, o0), ld8p(row, o1), ld8p(row, o2), ld8p(row, o3)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1, m2, m3 = ld8p(row, o0), ld8p(row, o1), ld8p(row, o2), ld8p(row, o3)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
	}
	for ; k < kn; k++ {
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1, m2, m3 = ld8p(row, o0), ld8p(row, o1), ld8p(row, o2), ld8p(row, o3)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01, c02, c03 = m0.MulAdd(b, c00), m1.MulAdd(b, c01), m2.MulAdd(b, c02), m3.MulAdd(b, c03)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11, c12, c13 = m0.MulAdd(b, c10), m1.MulAdd(b, c11), m2.MulAdd(b, c12), m3.MulAdd(b, c13)
	}
	st8p(c03, y0, o3)
	st8p(c02, y0, o2)
	st8p(c01, y0, o1)
	st8p(c00, y0, o0)
	st8p(c13, y1, o3)
	st8p(c12, y1, o2)
	st8p(c11, y1, o1)
	st8p(c10, y1, o0)
}

// gemmTile2x16 is gemmTile2x32 for a block 9 to 16 columns wide: two
// vectors per row (o1 may overlap o0).
func gemmTile2x16(kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy, o0, o1 int) {
	_ = a[ars+(kn-1)*aks]
	_ = m[(kn-1)*ldm+o1+7]
	_ = y[ldy+o1+7]
	pa, pm := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0])
	y0, y1 := unsafe.Pointer(&y[0]), unsafe.Pointer(&y[ldy])
	c00, c01 := ld8p(y0, o0), ld8p(y0, o1)
	c10, c11 := ld8p(y1, o0), ld8p(y1, o1)
	var m0, m1, b f8
	k := 0
	for ; k+4 <= kn; k += 4 { // four terms per iteration: a fifth fewer cycles than one
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1 = ld8p(row, o0), ld8p(row, o1)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01 = m0.MulAdd(b, c00), m1.MulAdd(b, c01)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11 = m0.MulAdd(b, c10), m1.MulAdd(b, c11)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1 = ld8p(row, o0), ld8p(row, o1)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01 = m0.MulAdd(b, c00), m1.MulAdd(b, c01)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11 = m0.MulAdd(b, c10), m1.MulAdd(b, c11)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1 = ld8p(row, o0), ld8p(row, o1)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01 = m0.MulAdd(b, c00), m1.MulAdd(b, c01)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11 = m0.MulAdd(b, c10), m1.MulAdd(b, c11)
		row, ak = unsafe.Add(row, 4*ldm), unsafe.Add(ak, 4*aks)
		m0, m1 = ld8p(row, o0), ld8p(row, o1)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01 = m0.MulAdd(b, c00), m1.MulAdd(b, c01)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11 = m0.MulAdd(b, c10), m1.MulAdd(b, c11)
	}
	for ; k < kn; k++ {
		row, ak := unsafe.Add(pm, 4*k*ldm), unsafe.Add(pa, 4*k*aks)
		m0, m1 = ld8p(row, o0), ld8p(row, o1)
		b = archsimd.BroadcastFloat32x8(f32p(ak, 0))
		c00, c01 = m0.MulAdd(b, c00), m1.MulAdd(b, c01)
		b = archsimd.BroadcastFloat32x8(f32p(ak, ars))
		c10, c11 = m0.MulAdd(b, c10), m1.MulAdd(b, c11)
	}
	st8p(c01, y0, o1)
	st8p(c00, y0, o0)
	st8p(c11, y1, o1)
	st8p(c10, y1, o0)
}

// gemmTile1x32 is gemmTile1x64 for AVX2.
func gemmTile1x32(kn int, a []float32, aks int, m []float32, ldm int, y []float32, o0, o1, o2, o3 int) {
	_ = a[(kn-1)*aks]
	_ = m[(kn-1)*ldm+o3+7]
	_ = y[o3+7]
	pa, pm, py := unsafe.Pointer(&a[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&y[0])
	c0, c1, c2, c3 := ld8p(py, o0), ld8p(py, o1), ld8p(py, o2), ld8p(py, o3)
	var d0, d1, d2, d3 f8 // the odd terms: two chains of additions, not one
	k := 0
	for ; k+2 <= kn; k += 2 {
		if s := f32p(pa, k*aks); s != 0 {
			row := unsafe.Add(pm, 4*k*ldm)
			b := archsimd.BroadcastFloat32x8(s)
			c0, c1 = ld8p(row, o0).MulAdd(b, c0), ld8p(row, o1).MulAdd(b, c1)
			c2, c3 = ld8p(row, o2).MulAdd(b, c2), ld8p(row, o3).MulAdd(b, c3)
		}
		if s := f32p(pa, (k+1)*aks); s != 0 {
			row := unsafe.Add(pm, 4*(k+1)*ldm)
			b := archsimd.BroadcastFloat32x8(s)
			d0, d1 = ld8p(row, o0).MulAdd(b, d0), ld8p(row, o1).MulAdd(b, d1)
			d2, d3 = ld8p(row, o2).MulAdd(b, d2), ld8p(row, o3).MulAdd(b, d3)
		}
	}
	if k < kn {
		if s := f32p(pa, k*aks); s != 0 {
			row := unsafe.Add(pm, 4*k*ldm)
			b := archsimd.BroadcastFloat32x8(s)
			c0, c1 = ld8p(row, o0).MulAdd(b, c0), ld8p(row, o1).MulAdd(b, c1)
			c2, c3 = ld8p(row, o2).MulAdd(b, c2), ld8p(row, o3).MulAdd(b, c3)
		}
	}
	st8p(c3.Add(d3), py, o3)
	st8p(c2.Add(d2), py, o2)
	st8p(c1.Add(d1), py, o1)
	st8p(c0.Add(d0), py, o0)
}

// gevmNarrow8 is one row of gemm8 narrower than a vector, with masked
// loads. A row that a tile would take alone (split) sums its even and odd
// terms apart, as gemmTile1x32 does, so that results do not depend on
// which path a width takes.
func gevmNarrow8(y, a []float32, aks, kn int, m []float32, ldm int, split bool) {
	n := len(y)
	c, d := archsimd.LoadFloat32x8SlicePart(y), f8{}
	for k := range kn {
		s := a[k*aks]
		if s == 0 {
			continue
		}
		mk, b := archsimd.LoadFloat32x8SlicePart(m[k*ldm:k*ldm+n]), archsimd.BroadcastFloat32x8(s)
		if split && k%2 == 1 {
			d = mk.MulAdd(b, d)
		} else {
			c = mk.MulAdd(b, c)
		}
	}
	if split {
		c = c.Add(d)
	}
	c.StoreSlicePart(y)
}

// actGrad16 is actGradGo on 16 lanes, the same operations per element.
// The activation is chosen once, outside the loops, which address memory
// through pointers (the slices are checked first): with the choice and
// the re-slicing inside one loop, it took 1.4 to 1.6 times as long.
func actGrad16(a Activation, dz, dy, y []float32, slope float32) {
	n := len(dz) &^ 15
	dy, y = dy[:len(dz)], y[:len(dz)]
	zero, one := f16{}, archsimd.BroadcastFloat32x16(1)
	sl := archsimd.BroadcastFloat32x16(slope)
	pz, pd, py := unsafe.Pointer(unsafe.SliceData(dz)), unsafe.Pointer(unsafe.SliceData(dy)), unsafe.Pointer(unsafe.SliceData(y))
	switch a {
	case ReLU:
		for i := 0; i < n; i += 16 {
			d, v := ld16p(pd, i), ld16p(py, i)
			st16p(d.Merge(zero, v.Greater(zero)), pz, i)
		}
	case LeakyReLU:
		for i := 0; i < n; i += 16 {
			d, v := ld16p(pd, i), ld16p(py, i)
			st16p(d.Merge(sl.Mul(d), v.Greater(zero)), pz, i)
		}
	case ELU:
		for i := 0; i < n; i += 16 {
			d, v := ld16p(pd, i), ld16p(py, i)
			st16p(d.Merge(d.Mul(v.Add(one)), v.Greater(zero)), pz, i)
		}
	case Sigmoid:
		for i := 0; i < n; i += 16 {
			d, v := ld16p(pd, i), ld16p(py, i)
			st16p(d.Mul(v).Mul(one.Sub(v)), pz, i)
		}
	case Tanh:
		for i := 0; i < n; i += 16 {
			d, v := ld16p(pd, i), ld16p(py, i)
			st16p(d.Mul(one.Sub(v.Mul(v))), pz, i)
		}
	}
	actGradGo(a, dz[n:], dy[n:], y[n:], slope)
}

// actGrad8 is actGrad16 for AVX2.
func actGrad8(a Activation, dz, dy, y []float32, slope float32) {
	n := len(dz) &^ 7
	dy, y = dy[:len(dz)], y[:len(dz)]
	zero, one := f8{}, archsimd.BroadcastFloat32x8(1)
	sl := archsimd.BroadcastFloat32x8(slope)
	pz, pd, py := unsafe.Pointer(unsafe.SliceData(dz)), unsafe.Pointer(unsafe.SliceData(dy)), unsafe.Pointer(unsafe.SliceData(y))
	switch a {
	case ReLU:
		for i := 0; i < n; i += 8 {
			d, v := ld8p(pd, i), ld8p(py, i)
			st8p(d.Merge(zero, v.Greater(zero)), pz, i)
		}
	case LeakyReLU:
		for i := 0; i < n; i += 8 {
			d, v := ld8p(pd, i), ld8p(py, i)
			st8p(d.Merge(sl.Mul(d), v.Greater(zero)), pz, i)
		}
	case ELU:
		for i := 0; i < n; i += 8 {
			d, v := ld8p(pd, i), ld8p(py, i)
			st8p(d.Merge(d.Mul(v.Add(one)), v.Greater(zero)), pz, i)
		}
	case Sigmoid:
		for i := 0; i < n; i += 8 {
			d, v := ld8p(pd, i), ld8p(py, i)
			st8p(d.Mul(v).Mul(one.Sub(v)), pz, i)
		}
	case Tanh:
		for i := 0; i < n; i += 8 {
			d, v := ld8p(pd, i), ld8p(py, i)
			st8p(d.Mul(one.Sub(v.Mul(v))), pz, i)
		}
	}
	actGradGo(a, dz[n:], dy[n:], y[n:], slope)
}

// --- Adam: the operations of adamGo, lane by lane, clearing g as it goes ---
//
// Like the gemm tiles, the loops address memory through unsafe pointers
// after checking the slice lengths once: re-slicing four slices per vector
// cost a fifth of the kernel's time. |m| < 2⁻¹²⁶ is tested on the
// magnitude (sign bit cleared), one comparison instead of two. Vectors go
// in pairs, skipped only when both are dead (the full update of a dead
// vector gives the same bits, as in adamGo), and the two updates are
// written interleaved: the CPU overlaps their square roots and divisions
// better so, 12% faster than one vector at a time.

func adam16(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	n := len(p) &^ 15
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	var (
		zero = f16{}
		tiny = archsimd.BroadcastFloat32x16(smallestNormal)
		vb1  = archsimd.BroadcastFloat32x16(b1)
		vb2  = archsimd.BroadcastFloat32x16(b2)
		vc1  = archsimd.BroadcastFloat32x16(c1)
		vc2  = archsimd.BroadcastFloat32x16(c2)
		veps = archsimd.BroadcastFloat32x16(eps)
		vs   = archsimd.BroadcastFloat32x16(stepSize)
		vk   = archsimd.BroadcastFloat32x16(invBC2)
	)
	if n > 0 {
		pp, pg, pm, pv := unsafe.Pointer(&p[0]), unsafe.Pointer(&g[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&v[0])
		i := 0
		for ; i+32 <= n; i += 32 {
			g0, m0, v0 := ld16p(pg, i), ld16p(pm, i), ld16p(pv, i)
			g1, m1, v1 := ld16p(pg, i+16), ld16p(pm, i+16), ld16p(pv, i+16)
			if (g0.Equal(zero).ToBits()&m0.Equal(zero).ToBits())&(g1.Equal(zero).ToBits()&m1.Equal(zero).ToBits()) == 0xffff {
				v0, v1 = vb2.Mul(v0), vb2.Mul(v1)
				st16p(zero.Merge(v0, v0.Less(tiny)), pv, i)
				st16p(zero.Merge(v1, v1.Less(tiny)), pv, i+16)
				continue
			}
			m0, m1 = vb1.Mul(m0).Add(vc1.Mul(g0)), vb1.Mul(m1).Add(vc1.Mul(g1))
			m0, m1 = zero.Merge(m0, abs16(m0).Less(tiny)), zero.Merge(m1, abs16(m1).Less(tiny))
			v0, v1 = vb2.Mul(v0).Add(vc2.Mul(g0).Mul(g0)), vb2.Mul(v1).Add(vc2.Mul(g1).Mul(g1))
			v0, v1 = zero.Merge(v0, v0.Less(tiny)), zero.Merge(v1, v1.Less(tiny))
			st16p(m0, pm, i)
			st16p(m1, pm, i+16)
			st16p(v0, pv, i)
			st16p(v1, pv, i+16)
			st16p(zero, pg, i)
			st16p(zero, pg, i+16)
			d0, d1 := v0.Sqrt().Mul(vk).Add(veps), v1.Sqrt().Mul(vk).Add(veps)
			st16p(ld16p(pp, i).Sub(vs.Mul(m0).Div(d0)), pp, i)
			st16p(ld16p(pp, i+16).Sub(vs.Mul(m1).Div(d1)), pp, i+16)
		}
		for ; i < n; i += 16 {
			gi, mi, vi := ld16p(pg, i), ld16p(pm, i), ld16p(pv, i)
			if gi.Equal(zero).ToBits()&mi.Equal(zero).ToBits() == 0xffff {
				// dead: only v decays
				vi = vb2.Mul(vi)
				st16p(zero.Merge(vi, vi.Less(tiny)), pv, i)
				continue
			}
			mi = vb1.Mul(mi).Add(vc1.Mul(gi))
			mi = zero.Merge(mi, abs16(mi).Less(tiny))
			vi = vb2.Mul(vi).Add(vc2.Mul(gi).Mul(gi))
			vi = zero.Merge(vi, vi.Less(tiny))
			st16p(mi, pm, i)
			st16p(vi, pv, i)
			st16p(zero, pg, i)
			d := vi.Sqrt().Mul(vk).Add(veps)
			st16p(ld16p(pp, i).Sub(vs.Mul(mi).Div(d)), pp, i)
		}
	}
	adamGo(p[n:], g[n:], m[n:], v[n:], b1, b2, c1, c2, eps, stepSize, invBC2)
}

func adam8(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	n := len(p) &^ 7
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	var (
		zero = f8{}
		tiny = archsimd.BroadcastFloat32x8(smallestNormal)
		vb1  = archsimd.BroadcastFloat32x8(b1)
		vb2  = archsimd.BroadcastFloat32x8(b2)
		vc1  = archsimd.BroadcastFloat32x8(c1)
		vc2  = archsimd.BroadcastFloat32x8(c2)
		veps = archsimd.BroadcastFloat32x8(eps)
		vs   = archsimd.BroadcastFloat32x8(stepSize)
		vk   = archsimd.BroadcastFloat32x8(invBC2)
	)
	if n > 0 {
		pp, pg, pm, pv := unsafe.Pointer(&p[0]), unsafe.Pointer(&g[0]), unsafe.Pointer(&m[0]), unsafe.Pointer(&v[0])
		i := 0
		for ; i+16 <= n; i += 16 {
			g0, m0, v0 := ld8p(pg, i), ld8p(pm, i), ld8p(pv, i)
			g1, m1, v1 := ld8p(pg, i+8), ld8p(pm, i+8), ld8p(pv, i+8)
			if (g0.Equal(zero).ToBits()&m0.Equal(zero).ToBits())&(g1.Equal(zero).ToBits()&m1.Equal(zero).ToBits()) == 0xff {
				v0, v1 = vb2.Mul(v0), vb2.Mul(v1)
				st8p(zero.Merge(v0, v0.Less(tiny)), pv, i)
				st8p(zero.Merge(v1, v1.Less(tiny)), pv, i+8)
				continue
			}
			m0, m1 = vb1.Mul(m0).Add(vc1.Mul(g0)), vb1.Mul(m1).Add(vc1.Mul(g1))
			m0, m1 = zero.Merge(m0, abs8(m0).Less(tiny)), zero.Merge(m1, abs8(m1).Less(tiny))
			v0, v1 = vb2.Mul(v0).Add(vc2.Mul(g0).Mul(g0)), vb2.Mul(v1).Add(vc2.Mul(g1).Mul(g1))
			v0, v1 = zero.Merge(v0, v0.Less(tiny)), zero.Merge(v1, v1.Less(tiny))
			st8p(m0, pm, i)
			st8p(m1, pm, i+8)
			st8p(v0, pv, i)
			st8p(v1, pv, i+8)
			st8p(zero, pg, i)
			st8p(zero, pg, i+8)
			d0, d1 := v0.Sqrt().Mul(vk).Add(veps), v1.Sqrt().Mul(vk).Add(veps)
			st8p(ld8p(pp, i).Sub(vs.Mul(m0).Div(d0)), pp, i)
			st8p(ld8p(pp, i+8).Sub(vs.Mul(m1).Div(d1)), pp, i+8)
		}
		for ; i < n; i += 8 {
			gi, mi, vi := ld8p(pg, i), ld8p(pm, i), ld8p(pv, i)
			if gi.Equal(zero).ToBits()&mi.Equal(zero).ToBits() == 0xff {
				vi = vb2.Mul(vi)
				st8p(zero.Merge(vi, vi.Less(tiny)), pv, i)
				continue
			}
			mi = vb1.Mul(mi).Add(vc1.Mul(gi))
			mi = zero.Merge(mi, abs8(mi).Less(tiny))
			vi = vb2.Mul(vi).Add(vc2.Mul(gi).Mul(gi))
			vi = zero.Merge(vi, vi.Less(tiny))
			st8p(mi, pm, i)
			st8p(vi, pv, i)
			st8p(zero, pg, i)
			d := vi.Sqrt().Mul(vk).Add(veps)
			st8p(ld8p(pp, i).Sub(vs.Mul(mi).Div(d)), pp, i)
		}
	}
	adamGo(p[n:], g[n:], m[n:], v[n:], b1, b2, c1, c2, eps, stepSize, invBC2)
}

// --- activations: the portable kernels' formulas with fused multiply-adds ---

// expK16 holds the constants of expReduce as vectors.
type expK16 struct {
	log2e, magic, negC1, negC2, p0, p1, p2, p3, p4, p5, one, minusOne, floor f16
	bias, signBit                                                            archsimd.Int32x16
}

func newExpK16() expK16 {
	b, i := archsimd.BroadcastFloat32x16, archsimd.BroadcastInt32x16
	return expK16{
		log2e: b(expLog2e), magic: b(expMagic), negC1: b(-expC1), negC2: b(-expC2),
		p0: b(expP0), p1: b(expP1), p2: b(expP2), p3: b(expP3), p4: b(expP4), p5: b(expP5),
		one: b(1), minusOne: b(-1), floor: b(expFloor), bias: i(expBias), signBit: i(-1 << 31),
	}
}

// reduce is expReduce on 16 lanes.
func (k *expK16) reduce(x f16) (em1, s f16) {
	t := x.MulAdd(k.log2e, k.magic)
	n := t.Sub(k.magic)
	r := n.MulAdd(k.negC1, x)
	r = n.MulAdd(k.negC2, r)
	p := k.p0.MulAdd(r, k.p1)
	p = p.MulAdd(r, k.p2)
	p = p.MulAdd(r, k.p3)
	p = p.MulAdd(r, k.p4)
	p = p.MulAdd(r, k.p5)
	return p.MulAdd(r.Mul(r), r), t.AsInt32x16().Add(k.bias).ShiftAllLeft(23).AsFloat32x16()
}

// negAbs returns −|x|.
func (k *expK16) negAbs(x f16) f16 {
	return x.AsInt32x16().Or(k.signBit).AsFloat32x16()
}

// elu, sigmoid and tanh are eluGo, sigmoidGo and tanhGo on 16 lanes.
func (k *expK16) elu(x f16) f16 {
	em1, s := k.reduce(x)
	y := k.minusOne.Merge(em1.MulAdd(s, s.Sub(k.one)), x.Less(k.floor))
	return x.Merge(y, x.Greater(f16{}))
}

func (k *expK16) sigmoid(x f16) f16 {
	m := k.negAbs(x)
	em1, s := k.reduce(m)
	e := f16{}.Merge(em1.MulAdd(s, s), m.Less(k.floor))
	return k.one.Merge(e, x.GreaterEqual(f16{})).Div(k.one.Add(e))
}

func (k *expK16) tanh(x f16) f16 {
	m := k.negAbs(x)
	m = m.Add(m)
	em1, s := k.reduce(m)
	t := k.minusOne.Merge(em1.MulAdd(s, s.Sub(k.one)), m.Less(k.floor))
	y := t.Div(k.one.Add(k.one).Add(t))
	return y.Merge(f16{}.Sub(y), x.Less(f16{}))
}

// The loops run two vectors per iteration (their operations interleave),
// then whole vectors, then the tail as one zero-padded vector, so that
// every element takes the same operations whatever its position and the
// 8- and 16-lane kernels agree bit for bit. The three loops are written
// out: a loop taking the activation as a function value would call it per
// vector, not inline it.

func elu16(z []float32) {
	k := newExpK16()
	for ; len(z) >= 32; z = z[32:] {
		a, b := k.elu(ld16(z[:16])), k.elu(ld16(z[16:32]))
		a.StoreSlice(z[:16])
		b.StoreSlice(z[16:32])
	}
	for ; len(z) >= 16; z = z[16:] {
		k.elu(ld16(z[:16])).StoreSlice(z[:16])
	}
	if len(z) > 0 {
		k.elu(archsimd.LoadFloat32x16SlicePart(z)).StoreSlicePart(z)
	}
}

func sigmoid16(z []float32) {
	k := newExpK16()
	for ; len(z) >= 32; z = z[32:] {
		a, b := k.sigmoid(ld16(z[:16])), k.sigmoid(ld16(z[16:32]))
		a.StoreSlice(z[:16])
		b.StoreSlice(z[16:32])
	}
	for ; len(z) >= 16; z = z[16:] {
		k.sigmoid(ld16(z[:16])).StoreSlice(z[:16])
	}
	if len(z) > 0 {
		k.sigmoid(archsimd.LoadFloat32x16SlicePart(z)).StoreSlicePart(z)
	}
}

func tanh16(z []float32) {
	k := newExpK16()
	for ; len(z) >= 32; z = z[32:] {
		a, b := k.tanh(ld16(z[:16])), k.tanh(ld16(z[16:32]))
		a.StoreSlice(z[:16])
		b.StoreSlice(z[16:32])
	}
	for ; len(z) >= 16; z = z[16:] {
		k.tanh(ld16(z[:16])).StoreSlice(z[:16])
	}
	if len(z) > 0 {
		k.tanh(archsimd.LoadFloat32x16SlicePart(z)).StoreSlicePart(z)
	}
}

// abs16 clears the sign bits.
func abs16(x f16) f16 {
	return x.AsInt32x16().And(archsimd.BroadcastInt32x16(0x7fffffff)).AsFloat32x16()
}

// expK8 holds the constants of expReduce as vectors.
type expK8 struct {
	log2e, magic, negC1, negC2, p0, p1, p2, p3, p4, p5, one, minusOne, floor f8
	bias, signBit                                                            archsimd.Int32x8
}

func newExpK8() expK8 {
	b, i := archsimd.BroadcastFloat32x8, archsimd.BroadcastInt32x8
	return expK8{
		log2e: b(expLog2e), magic: b(expMagic), negC1: b(-expC1), negC2: b(-expC2),
		p0: b(expP0), p1: b(expP1), p2: b(expP2), p3: b(expP3), p4: b(expP4), p5: b(expP5),
		one: b(1), minusOne: b(-1), floor: b(expFloor), bias: i(expBias), signBit: i(-1 << 31),
	}
}

// reduce is expReduce on 8 lanes.
func (k *expK8) reduce(x f8) (em1, s f8) {
	t := x.MulAdd(k.log2e, k.magic)
	n := t.Sub(k.magic)
	r := n.MulAdd(k.negC1, x)
	r = n.MulAdd(k.negC2, r)
	p := k.p0.MulAdd(r, k.p1)
	p = p.MulAdd(r, k.p2)
	p = p.MulAdd(r, k.p3)
	p = p.MulAdd(r, k.p4)
	p = p.MulAdd(r, k.p5)
	return p.MulAdd(r.Mul(r), r), t.AsInt32x8().Add(k.bias).ShiftAllLeft(23).AsFloat32x8()
}

// negAbs returns −|x|.
func (k *expK8) negAbs(x f8) f8 {
	return x.AsInt32x8().Or(k.signBit).AsFloat32x8()
}

// elu, sigmoid and tanh are eluGo, sigmoidGo and tanhGo on 8 lanes.
func (k *expK8) elu(x f8) f8 {
	em1, s := k.reduce(x)
	y := k.minusOne.Merge(em1.MulAdd(s, s.Sub(k.one)), x.Less(k.floor))
	return x.Merge(y, x.Greater(f8{}))
}

func (k *expK8) sigmoid(x f8) f8 {
	m := k.negAbs(x)
	em1, s := k.reduce(m)
	e := f8{}.Merge(em1.MulAdd(s, s), m.Less(k.floor))
	return k.one.Merge(e, x.GreaterEqual(f8{})).Div(k.one.Add(e))
}

func (k *expK8) tanh(x f8) f8 {
	m := k.negAbs(x)
	m = m.Add(m)
	em1, s := k.reduce(m)
	t := k.minusOne.Merge(em1.MulAdd(s, s.Sub(k.one)), m.Less(k.floor))
	y := t.Div(k.one.Add(k.one).Add(t))
	return y.Merge(f8{}.Sub(y), x.Less(f8{}))
}

// The loops run two vectors per iteration (their operations interleave),
// then whole vectors, then the tail as one zero-padded vector, so that
// every element takes the same operations whatever its position and the
// 8- and 16-lane kernels agree bit for bit. The three loops are written
// out: a loop taking the activation as a function value would call it per
// vector, not inline it.

func elu8(z []float32) {
	k := newExpK8()
	for ; len(z) >= 16; z = z[16:] {
		a, b := k.elu(ld8(z[:8])), k.elu(ld8(z[8:16]))
		a.StoreSlice(z[:8])
		b.StoreSlice(z[8:16])
	}
	for ; len(z) >= 8; z = z[8:] {
		k.elu(ld8(z[:8])).StoreSlice(z[:8])
	}
	if len(z) > 0 {
		k.elu(archsimd.LoadFloat32x8SlicePart(z)).StoreSlicePart(z)
	}
}

func sigmoid8(z []float32) {
	k := newExpK8()
	for ; len(z) >= 16; z = z[16:] {
		a, b := k.sigmoid(ld8(z[:8])), k.sigmoid(ld8(z[8:16]))
		a.StoreSlice(z[:8])
		b.StoreSlice(z[8:16])
	}
	for ; len(z) >= 8; z = z[8:] {
		k.sigmoid(ld8(z[:8])).StoreSlice(z[:8])
	}
	if len(z) > 0 {
		k.sigmoid(archsimd.LoadFloat32x8SlicePart(z)).StoreSlicePart(z)
	}
}

func tanh8(z []float32) {
	k := newExpK8()
	for ; len(z) >= 16; z = z[16:] {
		a, b := k.tanh(ld8(z[:8])), k.tanh(ld8(z[8:16]))
		a.StoreSlice(z[:8])
		b.StoreSlice(z[8:16])
	}
	for ; len(z) >= 8; z = z[8:] {
		k.tanh(ld8(z[:8])).StoreSlice(z[:8])
	}
	if len(z) > 0 {
		k.tanh(archsimd.LoadFloat32x8SlicePart(z)).StoreSlicePart(z)
	}
}

// abs8 clears the sign bits.
func abs8(x f8) f8 {
	return x.AsInt32x8().And(archsimd.BroadcastInt32x8(0x7fffffff)).AsFloat32x8()
}
