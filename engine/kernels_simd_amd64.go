//go:build goexperiment.simd && amd64

package engine

import (
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
	if rows*n*kn >= splitMACs && gemmSplit(rows, n, kn, a, ars, aks, m, ldm, y, ldy) {
		return
	}
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
	q := n % 16
	if q == 0 || q > 4 || rows < 2 || kn < 2 {
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
		actGrad16(a, dz, dy, y, slope)
	case kernelISA == isaAVX2:
		actGrad8(a, dz, dy, y, slope)
	default:
		actGradGo(a, dz, dy, y, slope)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func mbdPairs(e, mt []float32, ld, c, n int, o, r []float32, scale float32) {
	switch kernelISA {
	case isaAVX512:
		mbdPairs16(e, mt, ld, c, n, o, r, scale)
	case isaAVX2:
		mbdPairs8(e, mt, ld, c, n, o, r, scale)
	default:
		mbdPairsGo(e, mt, ld, c, n, o, r, scale)
		return
	}
	archsimd.ClearAVXUpperBits()
}

func mbdGrad(dmt, dr, mt, e, g, f []float32, ld, c, n int) {
	switch kernelISA {
	case isaAVX512:
		mbdGrad16(dmt, dr, mt, e, g, f, ld, c, n)
	case isaAVX2:
		mbdGrad8(dmt, dr, mt, e, g, f, ld, c, n)
	default:
		mbdGradGo(dmt, dr, mt, e, g, f, ld, c, n)
		return
	}
	archsimd.ClearAVXUpperBits()
}

// hsum8 adds the lanes of x pairwise: ((x₀+x₄)+(x₁+x₅)) + ((x₂+x₆)+(x₃+x₇)).
// A 16-lane sum is folded to 8 lanes first (fold16, fold8), the same way
// at both widths.
func hsum8(x f8) float32 {
	q := x.GetLo().Add(x.GetHi())
	q = q.AddPairs(q)
	q = q.AddPairs(q)
	return q.GetElem(0)
}

// keepTail holds 16 zeros then 16 ones; keepTail[t:t+16] keeps the last t
// of 16 lanes (gemv's tail).
var keepTail = [32]float32{16: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}

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
