//go:build goexperiment.simd && amd64

package engine

import (
	"math"
	"math/bits"
	"simd/archsimd"
	"unsafe"
)

// The SIMD kernels run at two widths, AVX-512 (16 lanes, suffix 16) and
// AVX2 + FMA (8 lanes, suffix 8), and the two compute the same values: the
// reductions (sum, dot, gemv) lay every sum over the same 16 logical lanes
// (an AVX2 kernel keeps each 16-lane accumulator as a low and a high half)
// and reduce them in the same order; gemm gives each output element the
// same sequence of multiply-adds whatever the tiling, and sends the same
// last columns down the same route (gemmLastCols); the elementwise kernels
// (axpy, Adam, activations) round the same operations per element. A
// seeded run therefore trains identically on any amd64 CPU with AVX2, with
// or without AVX-512. Multiply-adds are fused (one rounding) everywhere
// but in Adam, which rounds each operation as the portable kernel does and
// so matches it bit for bit.
//
// The kernels themselves are generated, both widths from one template per
// kernel family: kernels_simd_gen_amd64.go, written by go generate from
// engine/internal/simdgen. This file holds what does not depend on the
// width: choosing the ISA, the entry points that dispatch to it, the
// route of gemm's last columns and the horizontal sums.

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
// ran 4.5× slower after an AVX kernel without it on AMD's cores, and on
// some of Intel's a legacy SSE write to an XMM register costs 130 ns. The
// kernels themselves keep scalar floats out of their vector parts (u32p);
// TestNoLegacySSEWhileDirty checks both in the machine code.

func sum(x []float32) float32 {
	var s archsimd.Float32x4
	switch kernelISA {
	case isaAVX512:
		s = sum16(x)
	case isaAVX2:
		s = sum8(x)
	default:
		return sumGo(x)
	}
	archsimd.ClearAVXUpperBits()
	return s.GetElem(0)
}

func dot(a, b []float32) float32 {
	var s archsimd.Float32x4
	switch kernelISA {
	case isaAVX512:
		s = dot16(a, b)
	case isaAVX2:
		s = dot8(a, b)
	default:
		return dotGo(a, b)
	}
	archsimd.ClearAVXUpperBits()
	return s.GetElem(0)
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

func gemmSerial(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
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

// gemm packs the rows of M for a block of columns (gemmPacked16,
// gemmPacked8) when the product has at least gemmPackRows rows and
// gemmPackK terms, gemmKB rows of M at a time.
const (
	gemmKB       = 128
	gemmPackRows = 16
	gemmPackK    = 64
)

// lastColsRouted reports whether gemmLastCols takes the last columns of
// a product of these dimensions, by a route that A's layout decides.
func lastColsRouted(rows, n, kn int) bool {
	q := n % 16
	return q >= 1 && q <= 4 && rows >= 2 && kn >= 2
}

// gemmLayoutFree reports whether a product of these dimensions gives the
// same bits with A stored by rows (aks = 1) or by columns (ars = 1): every
// element takes its terms in order of k, one fused multiply-add each,
// unless gemmLastCols routes the last columns by the layout.
func gemmLayoutFree(rows, n, kn int) bool {
	return kernelISA == isaGo || !lastColsRouted(rows, n, kn)
}

// gemmTermsInOrder reports whether every element of a product of rows ×
// n sums its terms in order of k, one fused multiply-add each, whatever
// their number: on the vector paths with an even number of rows (an odd
// last row's tile sums even and odd terms apart) and columns gemmLastCols
// does not route (its dot products add in a tree).
func gemmTermsInOrder(rows, n int) bool {
	return kernelISA != isaGo && rows%2 == 0 && !lastColsRouted(rows, n, 2)
}

// lastColsMax bounds the scratch of gemmLastCols, which lives on the stack.
const lastColsMax = 512

// gemmLastCols computes the last q = n mod 16 columns of Y += A·M when
// there are at most four (all of them when n ≤ 4), and reports whether it
// did. The tiles would give them a whole 16-lane vector per row and term,
// 50 columns costing as much as 64 (devnag-2017's layers are 50 wide), and
// a product 2 wide (a layer to or from a point of the plane) a masked
// vector per row and term; across the rows they cost a fraction of that:
//
//   - A stored by rows (aks = 1, ars = kn): column j is a matrix–vector
//     product, Y[:,j] += A·M[:,j];
//   - A stored by columns (ars = 1): the q columns transposed are a q-row
//     product, Y[:,J:]ᵀ += M[:,J:]ᵀ·Aᵀ, whose right factor is A read by rows.
//
// Both are decided by the shape alone and run the same kernels on AVX2 and
// AVX-512, so the two still compute the same values.
func gemmLastCols(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) bool {
	if !lastColsRouted(rows, n, kn) {
		return false
	}
	q := n % 16
	j0 := n - q
	var buf [lastColsMax]float32
	switch {
	case aks == 1 && ars == kn && kn+rows <= len(buf):
		col, yc := buf[:kn], buf[kn:kn+rows]
		if kernelISA == isaAVX512 && kn >= 16 && 2*kn <= len(buf) {
			for ; j0+2 <= n; j0 += 2 {
				gemv2Cols16(y[j0:], ldy, rows, a[:rows*kn], m[j0:], ldm, buf[:2*kn])
				archsimd.ClearAVXUpperBits() // before the next call's scalar copies
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
		archsimd.ClearAVXUpperBits() // before the scalar copies back (u32p)
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

func copyRows(dst []float32, ldd int, src []float32, lds, rows, cols int, pick []int32) {
	switch {
	case rows == 0:
		return
	case kernelISA == isaAVX512 && cols >= 16:
		copyRows16(dst, ldd, src, lds, rows, cols, pick)
	case kernelISA == isaAVX2 && cols >= 8:
		copyRows8(dst, ldd, src, lds, rows, cols, pick)
	default:
		copyRowsGo(dst, ldd, src, lds, rows, cols, pick)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func transpose(dst []float32, ldd int, src []float32, rows, cols int) {
	if kernelISA != isaAVX512 || rows < 16 || cols < 16 {
		transposeGo(dst, ldd, src, rows, cols)
		return
	}
	transpose16(dst, ldd, src, rows, cols)
	archsimd.ClearAVXUpperBits()
}

// transpose16 is transposeGo on AVX-512: blocks of 16 × 16 go through
// registers, 16 rows loaded, transposed by four rounds of two-source
// permutes, and stored as 16 rows of dst: one load and one store for 16
// floats instead of one each per float. Round d exchanges, in every pair
// of rows i and i + d (i without bit d), the elements whose column has bit
// d set in row i with those whose column has it clear in row i + d — the
// off-diagonal d × d blocks of each 2d × 2d block; the rounds d = 8, 4, 2,
// 1 together swap every bit of the row and column index, a transpose. The
// edges left over take transposeGo's loops. The rows are 16 variables and
// the rounds written out: as an array indexed in loops the compiler kept
// them in memory, and the kernel ran at 0.40 instead of 0.17 ns an element
// (256 × 256). AVX2 has no two-source permute, so this kernel is not
// generated for both widths; AVX2 keeps the portable loop.
func transpose16(dst []float32, ldd int, src []float32, rows, cols int) {
	r16, c16 := rows&^15, cols&^15
	_ = src[r16*cols-1]
	_ = dst[(cols-1)*ldd+r16-1]
	ps, pd := unsafe.Pointer(&src[0]), unsafe.Pointer(&dst[0])
	var lo, hi archsimd.Uint32x16
	for r0 := 0; r0 < r16; r0 += 16 {
		for c0 := 0; c0 < c16; c0 += 16 {
			v0 := ld16p(ps, r0*cols+c0)
			v1 := ld16p(ps, (r0+1)*cols+c0)
			v2 := ld16p(ps, (r0+2)*cols+c0)
			v3 := ld16p(ps, (r0+3)*cols+c0)
			v4 := ld16p(ps, (r0+4)*cols+c0)
			v5 := ld16p(ps, (r0+5)*cols+c0)
			v6 := ld16p(ps, (r0+6)*cols+c0)
			v7 := ld16p(ps, (r0+7)*cols+c0)
			v8 := ld16p(ps, (r0+8)*cols+c0)
			v9 := ld16p(ps, (r0+9)*cols+c0)
			v10 := ld16p(ps, (r0+10)*cols+c0)
			v11 := ld16p(ps, (r0+11)*cols+c0)
			v12 := ld16p(ps, (r0+12)*cols+c0)
			v13 := ld16p(ps, (r0+13)*cols+c0)
			v14 := ld16p(ps, (r0+14)*cols+c0)
			v15 := ld16p(ps, (r0+15)*cols+c0)
			lo, hi = archsimd.LoadUint32x16(&transposeIdx[0][0]), archsimd.LoadUint32x16(&transposeIdx[0][1])
			v0, v8 = v0.ConcatPermute(v8, lo), v0.ConcatPermute(v8, hi)
			v1, v9 = v1.ConcatPermute(v9, lo), v1.ConcatPermute(v9, hi)
			v2, v10 = v2.ConcatPermute(v10, lo), v2.ConcatPermute(v10, hi)
			v3, v11 = v3.ConcatPermute(v11, lo), v3.ConcatPermute(v11, hi)
			v4, v12 = v4.ConcatPermute(v12, lo), v4.ConcatPermute(v12, hi)
			v5, v13 = v5.ConcatPermute(v13, lo), v5.ConcatPermute(v13, hi)
			v6, v14 = v6.ConcatPermute(v14, lo), v6.ConcatPermute(v14, hi)
			v7, v15 = v7.ConcatPermute(v15, lo), v7.ConcatPermute(v15, hi)
			lo, hi = archsimd.LoadUint32x16(&transposeIdx[1][0]), archsimd.LoadUint32x16(&transposeIdx[1][1])
			v0, v4 = v0.ConcatPermute(v4, lo), v0.ConcatPermute(v4, hi)
			v1, v5 = v1.ConcatPermute(v5, lo), v1.ConcatPermute(v5, hi)
			v2, v6 = v2.ConcatPermute(v6, lo), v2.ConcatPermute(v6, hi)
			v3, v7 = v3.ConcatPermute(v7, lo), v3.ConcatPermute(v7, hi)
			v8, v12 = v8.ConcatPermute(v12, lo), v8.ConcatPermute(v12, hi)
			v9, v13 = v9.ConcatPermute(v13, lo), v9.ConcatPermute(v13, hi)
			v10, v14 = v10.ConcatPermute(v14, lo), v10.ConcatPermute(v14, hi)
			v11, v15 = v11.ConcatPermute(v15, lo), v11.ConcatPermute(v15, hi)
			lo, hi = archsimd.LoadUint32x16(&transposeIdx[2][0]), archsimd.LoadUint32x16(&transposeIdx[2][1])
			v0, v2 = v0.ConcatPermute(v2, lo), v0.ConcatPermute(v2, hi)
			v1, v3 = v1.ConcatPermute(v3, lo), v1.ConcatPermute(v3, hi)
			v4, v6 = v4.ConcatPermute(v6, lo), v4.ConcatPermute(v6, hi)
			v5, v7 = v5.ConcatPermute(v7, lo), v5.ConcatPermute(v7, hi)
			v8, v10 = v8.ConcatPermute(v10, lo), v8.ConcatPermute(v10, hi)
			v9, v11 = v9.ConcatPermute(v11, lo), v9.ConcatPermute(v11, hi)
			v12, v14 = v12.ConcatPermute(v14, lo), v12.ConcatPermute(v14, hi)
			v13, v15 = v13.ConcatPermute(v15, lo), v13.ConcatPermute(v15, hi)
			lo, hi = archsimd.LoadUint32x16(&transposeIdx[3][0]), archsimd.LoadUint32x16(&transposeIdx[3][1])
			v0, v1 = v0.ConcatPermute(v1, lo), v0.ConcatPermute(v1, hi)
			v2, v3 = v2.ConcatPermute(v3, lo), v2.ConcatPermute(v3, hi)
			v4, v5 = v4.ConcatPermute(v5, lo), v4.ConcatPermute(v5, hi)
			v6, v7 = v6.ConcatPermute(v7, lo), v6.ConcatPermute(v7, hi)
			v8, v9 = v8.ConcatPermute(v9, lo), v8.ConcatPermute(v9, hi)
			v10, v11 = v10.ConcatPermute(v11, lo), v10.ConcatPermute(v11, hi)
			v12, v13 = v12.ConcatPermute(v13, lo), v12.ConcatPermute(v13, hi)
			v14, v15 = v14.ConcatPermute(v15, lo), v14.ConcatPermute(v15, hi)
			st16p(v0, pd, (c0+0)*ldd+r0)
			st16p(v1, pd, (c0+1)*ldd+r0)
			st16p(v2, pd, (c0+2)*ldd+r0)
			st16p(v3, pd, (c0+3)*ldd+r0)
			st16p(v4, pd, (c0+4)*ldd+r0)
			st16p(v5, pd, (c0+5)*ldd+r0)
			st16p(v6, pd, (c0+6)*ldd+r0)
			st16p(v7, pd, (c0+7)*ldd+r0)
			st16p(v8, pd, (c0+8)*ldd+r0)
			st16p(v9, pd, (c0+9)*ldd+r0)
			st16p(v10, pd, (c0+10)*ldd+r0)
			st16p(v11, pd, (c0+11)*ldd+r0)
			st16p(v12, pd, (c0+12)*ldd+r0)
			st16p(v13, pd, (c0+13)*ldd+r0)
			st16p(v14, pd, (c0+14)*ldd+r0)
			st16p(v15, pd, (c0+15)*ldd+r0)
		}
		for r := r0; r < r0+16; r++ { // the columns past the last block, as bits (u32p)
			for c := c16; c < cols; c++ {
				*(*uint32)(unsafe.Add(pd, 4*(c*ldd+r))) = u32p(ps, r*cols+c)
			}
		}
	}
	if r16 < rows {
		archsimd.ClearAVXUpperBits() // before transposeGo's scalar copies (u32p)
		transposeGo(dst[r16:], ldd, src[r16*cols:], rows-r16, cols)
	}
}

// transposeIdx holds, for the rounds d = 8, 4, 2, 1 of transpose16, the
// ConcatPermute indices of the new rows i and i + d from the old ones
// (lanes 0–15 row i, 16–31 row i + d).
var transposeIdx = func() (t [4][2][16]uint32) {
	for round, d := range [...]uint32{8, 4, 2, 1} {
		for j := range uint32(16) {
			if j&d == 0 { // from row i: itself, and the element d columns on
				t[round][0][j], t[round][1][j] = j, j+d
			} else { // from row i + d: the element d columns back, and itself
				t[round][0][j], t[round][1][j] = 16+j-d, 16+j
			}
		}
	}
	return t
}()

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

// adamOuter applies Adam to a weight matrix whose gradient is held as
// d0·x0ᵀ (+ d1·x1ᵀ): adamOuter16 or adamOuter8, on a layer fuseOuter
// accepted (rows of whole vectors, a vector path).
func adamOuter(p, m, v []float32, n int, d0, x0, d1, x1 []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	switch kernelISA {
	case isaAVX512:
		adamOuter16(p, m, v, n, d0, x0, d1, x1, b1, b2, c1, c2, eps, stepSize, invBC2)
	case isaAVX2:
		adamOuter8(p, m, v, n, d0, x0, d1, x1, b1, b2, c1, c2, eps, stepSize, invBC2)
	default:
		panic("engine: adamOuter on the portable kernels, which fuse no gradient (fuseOuter)")
	}
	archsimd.ClearAVXUpperBits()
}

// nonzeroCols sets flags[k], k < cols, to a value that is zero exactly
// when column k of the rows × cols matrix x is ±0 on every row: whole
// vectors of columns on the vector paths, the rest in Go.
func nonzeroCols(flags []uint32, x []float32, rows, cols int) {
	from := 0
	switch kernelISA {
	case isaAVX512:
		nonzeroCols16(flags, x, rows, cols)
		from = cols &^ 15
		archsimd.ClearAVXUpperBits()
	case isaAVX2:
		nonzeroCols8(flags, x, rows, cols)
		from = cols &^ 7
		archsimd.ClearAVXUpperBits()
	}
	nonzeroColsGo(flags, x, rows, cols, from)
}

// gatherCols copies the columns live of the rows × cols matrix x into
// dst, rows × len(live), and up to 16 floats past that of scratch; masks
// holds the live columns as bits, 16 a mask. On AVX-512 each 16 columns
// of a row are one compressing store (VCOMPRESSPS) of the lanes their mask
// selects, in order: what the copy element by element gives (a tenth of
// the time at width 256 with 100 rows). AVX2 has no compress.
func gatherCols(dst, x []float32, rows, cols int, live []int32, masks []uint16) {
	if kernelISA != isaAVX512 {
		gatherColsGo(dst, x, rows, cols, live)
		return
	}
	nk := len(live)
	_ = dst[rows*nk+15]
	_ = masks[(cols-1)/16]
	for r := range rows {
		src, d := x[r*cols:(r+1)*cols], r*nk
		j := 0
		for ; j+16 <= cols; j += 16 {
			if m := masks[j/16]; m != 0 {
				ld16(src[j : j+16]).Compress(archsimd.Mask32x16FromBits(m)).StoreSlice(dst[d : d+16])
				d += bits.OnesCount16(m)
			}
		}
		if j < cols && masks[j/16] != 0 {
			m := archsimd.Mask32x16FromBits(masks[j/16])
			archsimd.LoadFloat32x16SlicePart(src[j:]).Compress(m).StoreSlice(dst[d : d+16])
		}
	}
	archsimd.ClearAVXUpperBits()
}

// fuseOuter reports whether a dense layer n inputs wide holds single
// rows' weight gradients for adamOuter: on the vector paths, when its rows
// are whole vectors of either width, so that no lane of a row is updated
// twice and ger's overlapping last vector is not in play. (The portable
// path gains nothing from it; see kernels_portable.go.)
func fuseOuter(n int) bool { return kernelISA != isaGo && n%16 == 0 }

func reluApply(z []float32) {
	switch kernelISA {
	case isaAVX512:
		relu16(z)
	case isaAVX2:
		relu8(z)
	default:
		reluGo(z)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func leakyApply(z []float32, slope float32) {
	switch kernelISA {
	case isaAVX512:
		leaky16(z, slope)
	case isaAVX2:
		leaky8(z, slope)
	default:
		leakyGo(z, slope)
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
		actGrad16(a, dz, dy, y, math.Float32bits(slope))
	case kernelISA == isaAVX2:
		actGrad8(a, dz, dy, y, math.Float32bits(slope))
	default:
		actGradGo(a, dz, dy, y, slope)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func mbdPairs(e, p []float32, ld, c, n, bp int, o, r, w []float32, scale float32) {
	switch kernelISA {
	case isaAVX512:
		mbdPairs16(e, p, ld, c, n, bp, o, r, w, math.Float32bits(scale))
	case isaAVX2:
		mbdPairs8(e, p, ld, c, n, bp, o, r, w, math.Float32bits(scale))
	default:
		mbdPairsGo(e, p, ld, c, n, bp, o, r, w, scale)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func mbdGrad(dp, dr, p, e, g, w []float32, ld, c, n, bp int) {
	switch kernelISA {
	case isaAVX512:
		mbdGrad16(dp, dr, p, e, g, w, ld, c, n, bp)
	case isaAVX2:
		mbdGrad8(dp, dr, p, e, g, w, ld, c, n, bp)
	default:
		mbdGradGo(dp, dr, p, e, g, w, ld, c, n, bp)
		return
	}
	archsimd.ClearAVXUpperBits()
}

// hsum8 adds the lanes of x pairwise: ((x₀+x₄)+(x₁+x₅)) + ((x₂+x₆)+(x₃+x₇)),
// into lane 0 of the vector it returns. A 16-lane sum is folded to 8
// lanes first (fold16, fold8), the same way at both widths. The sum stays
// in a vector register: taken out as a float32 inside a kernel, it went
// through a legacy SSE instruction (u32p), so a kernel adds it to memory
// (addLanes) or stores its bits (storeLane0), and sum and dot take it out
// after VZEROUPPER.
func hsum8(x f8) archsimd.Float32x4 {
	q := x.GetLo().Add(x.GetHi())
	q = q.AddPairs(q)
	return q.AddPairs(q)
}

// addLanes adds the first len(y) ≤ 4 lanes of s to y, in a vector
// register.
func addLanes(y []float32, s archsimd.Float32x4) {
	archsimd.LoadFloat32x4SlicePart(y).Add(s).StoreSlicePart(y)
}

// storeLane0 stores lane 0 of s at p + 4·off bytes, as bits through a
// general register.
func storeLane0(p unsafe.Pointer, off int, s archsimd.Float32x4) {
	*(*uint32)(unsafe.Add(p, 4*off)) = s.AsUint32x4().GetElem(0)
}

// keepTail holds 16 zeros then 16 ones; keepTail[t:t+16] keeps the last t
// of 16 lanes (gemv's tail).
var keepTail = [32]float32{16: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}

// outerTerms returns the live terms of row r of a single row's weight
// gradient d0·x0ᵀ (+ d1·x1ᵀ when pd1 is not nil), pd and px pointing at d
// and x: in order, as ger16 and ger8 take them, sa·xa first and sb·xb
// second, live of them, the coefficients as their bits (u32p). A zero
// coefficient is skipped, not multiplied (0·∞ would be NaN). adamOuter16
// and adamOuter8 call it once a row.
func outerTerms(pd0, px0, pd1, px1 unsafe.Pointer, r int) (sa, sb uint32, xa, xb unsafe.Pointer, live int) {
	if s := u32p(pd0, r); nonzero(s) {
		sa, xa, live = s, px0, 1
	}
	if pd1 == nil {
		return sa, sb, xa, xb, live
	}
	if s := u32p(pd1, r); nonzero(s) {
		if live == 0 {
			sa, xa = s, px1
		} else {
			sb, xb = s, px1
		}
		live++
	}
	return sa, sb, xa, xb, live
}

// mbdIota numbers the 16 lanes of a block of minibatch pairs.
var mbdIota = [16]int32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}

// reduce4 returns the lane sums of four 16-lane accumulators, given as
// their halves added (lo + hi), as one vector.
func reduce4(r0, r1, r2, r3 f8) archsimd.Float32x4 {
	h := r0.AddPairsGrouped(r1).AddPairsGrouped(r2.AddPairsGrouped(r3))
	return h.GetLo().Add(h.GetHi())
}

// f32p reads the float at p + 4·off bytes.
func f32p(p unsafe.Pointer, off int) float32 { return *(*float32)(unsafe.Add(p, 4*off)) }

// u32p reads the bits of the float at p + 4·off bytes into a general
// register, where a kernel tests the coefficient for zero (nonzero) and
// from where it broadcasts it (bcast16, bcast8). Go compiles scalar float
// code to legacy SSE instructions, and a float tested as a float is read
// with MOVSS and compared with UCOMISS against a register zeroed by XORPS.
// On some x86 cores (this project's Intel Xeon machines among them) a
// legacy SSE instruction that writes an XMM register while the upper
// halves of the vector registers are dirty — as they are inside a kernel
// — costs about 130 ns; one such test a term made the SIMD build slower
// than the portable one (bench/README.md, step 31). Integer loads and
// VPBROADCASTD cost nothing of the kind.
func u32p(p unsafe.Pointer, off int) uint32 { return *(*uint32)(unsafe.Add(p, 4*off)) }

// nonzero reports whether the float with bits u is not ±0: the test
// s != 0 on the float (true for NaN too), on its bits.
func nonzero(u uint32) bool { return u<<1 != 0 }
