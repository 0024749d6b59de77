package engine

// The kernels below are the engine's only inner loops: every layer pass and
// optimizer step reduces to them. They work on contiguous float32 slices,
// keep four independent accumulators so the CPU can overlap the additions,
// and hoist the bounds checks out of the loop by re-slicing first.

// dot returns Σ_i a[i]·b[i]. It panics if len(b) < len(a).
func dot(a, b []float32) float32 {
	n := len(a)
	b = b[:n]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= n; i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < n; i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// axpy computes dst[i] += alpha·x[i]. It panics if len(x) < len(dst).
func axpy(dst []float32, alpha float32, x []float32) {
	n := len(dst)
	x = x[:n]
	i := 0
	for ; i+4 <= n; i += 4 {
		dst[i] += alpha * x[i]
		dst[i+1] += alpha * x[i+1]
		dst[i+2] += alpha * x[i+2]
		dst[i+3] += alpha * x[i+3]
	}
	for ; i < n; i++ {
		dst[i] += alpha * x[i]
	}
}
