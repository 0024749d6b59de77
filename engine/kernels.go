package engine

import "math"

// The kernels below are the engine's only inner loops: every layer pass and
// optimizer step reduces to them. They work on contiguous float32 slices
// and come in two builds:
//
//   - the default build runs the portable Go versions in this file: several
//     independent accumulators so the CPU can overlap the additions, loops
//     unrolled by hand, bounds checks hoisted by re-slicing first;
//   - GOEXPERIMENT=simd on amd64 (kernels_simd_amd64.go) runs AVX-512 or
//     AVX2+FMA versions chosen at start-up from what the CPU reports, and
//     falls back to these when it reports neither.
//
// Both builds compute the same sums, in different orders: results agree to
// float32 rounding (kernels_test.go checks every path against a plain
// reference), and Adam's update is the same sequence of IEEE operations in
// every path, so it agrees bit for bit.
//
// The functions without a suffix (dot, axpy, gemv, gemm, adamUpdate) are the
// dispatching entry points every caller uses; they are defined per build.

// KernelISA names the instruction set the engine's kernels run on in this
// process: "go" (portable), "avx2" (AVX2 + FMA) or "avx512". Benchmarks
// print it next to their figures.
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
// independent sums to overlap.
func gemvGo(y, w, x []float32) {
	n := len(x)
	w = w[:len(y)*n]
	o := 0
	for ; o+2 <= len(y); o += 2 {
		w0 := w[o*n : (o+1)*n : (o+1)*n]
		w1 := w[(o+1)*n : (o+2)*n : (o+2)*n]
		xs := x
		var a0, a1, a2, a3, b0, b1, b2, b3 float32
		for len(xs) >= 4 && len(w0) >= 4 && len(w1) >= 4 {
			a0 += w0[0] * xs[0]
			b0 += w1[0] * xs[0]
			a1 += w0[1] * xs[1]
			b1 += w1[1] * xs[1]
			a2 += w0[2] * xs[2]
			b2 += w1[2] * xs[2]
			a3 += w0[3] * xs[3]
			b3 += w1[3] * xs[3]
			xs, w0, w1 = xs[4:], w0[4:], w1[4:]
		}
		w0, w1 = w0[:len(xs)], w1[:len(xs)]
		for i, v := range xs {
			a0 += w0[i] * v
			b0 += w1[i] * v
		}
		y[o] += (a0 + a1) + (a2 + a3)
		y[o+1] += (b0 + b1) + (b2 + b3)
	}
	if o < len(y) {
		y[o] += dotGo(w[o*n:(o+1)*n], x)
	}
}

// gemmGo adds a matrix product to y, all matrices row-major with the
// given row strides (lda, ldm, ldy ≥ the row widths):
//
//	Y[r,j] += Σ_k A[r,k]·M[k,j],   r < rows, j < n, k < kn
//
// A row of Y is a sum of rows of M scaled by the entries of a row of A, so
// the inner loop runs along rows of M and Y; terms with A[r,k] = 0 are
// skipped, which is what makes dead ReLU units free.
func gemmGo(rows, n, kn int, a []float32, lda int, m []float32, ldm int, y []float32, ldy int) {
	for r := range rows {
		gevmGo(y[r*ldy:r*ldy+n:r*ldy+n], a[r*lda:r*lda+kn:r*lda+kn], m, ldm)
	}
}

// gevmGo is one row of gemmGo: y[j] += Σ_k a[k]·m[k·ldm + j]. Four live
// terms are combined per pass over y, so y is loaded and stored once per
// four rows of m.
func gevmGo(y, a, m []float32, ldm int) {
	n := len(y)
	if n == 0 {
		return
	}
	var k4 [4]int // the next four live terms
	var c4 [4]float32
	live := 0
	for k, ak := range a {
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

// transpose writes the rows × cols matrix src, row-major, into dst as its
// cols × rows transpose.
func transpose(dst, src []float32, rows, cols int) {
	src, dst = src[:rows*cols], dst[:rows*cols]
	for r := 0; r < rows; r++ {
		sr := src[r*cols : (r+1)*cols : (r+1)*cols]
		for c, v := range sr {
			dst[c*rows+r] = v
		}
	}
}

// smallestNormal is the smallest positive normal float32, 2⁻¹²⁶.
const smallestNormal = 0x1p-126

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
// Four parameters go through the loop together: the compiler writes a
// square root into a register that still holds an older value, so one
// parameter at a time chains every square root to the previous update's
// division; four at a time breaks that chain.
func adamGo(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	n := len(p)
	g, m, v = g[:n], m[:n], v[:n]
	i := 0
	for ; i+4 <= n; i += 4 {
		gs, ms, vs, ps := g[i:i+4:i+4], m[i:i+4:i+4], v[i:i+4:i+4], p[i:i+4:i+4]
		if gs[0] == 0 && gs[1] == 0 && gs[2] == 0 && gs[3] == 0 &&
			ms[0] == 0 && ms[1] == 0 && ms[2] == 0 && ms[3] == 0 {
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
		d0 := float32(sqrt32(v0)*invBC2) + eps
		d1 := float32(sqrt32(v1)*invBC2) + eps
		d2 := float32(sqrt32(v2)*invBC2) + eps
		d3 := float32(sqrt32(v3)*invBC2) + eps
		ps[0] -= float32(stepSize*m0) / d0
		ps[1] -= float32(stepSize*m1) / d1
		ps[2] -= float32(stepSize*m2) / d2
		ps[3] -= float32(stepSize*m3) / d3
	}
	for ; i < n; i++ {
		mi := flushSigned(float32(b1*m[i]) + float32(c1*g[i]))
		vi := flushPos(float32(b2*v[i]) + float32(float32(c2*g[i])*g[i]))
		m[i], v[i] = mi, vi
		p[i] -= float32(stepSize*mi) / (float32(sqrt32(vi)*invBC2) + eps)
	}
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
