//go:build goexperiment.simd && amd64

package engine

import (
	"math/rand/v2"
	"simd/archsimd"
	"testing"
)

// BenchmarkPeakSqrtDiv times the two operations Adam cannot do without, a
// square root and a division per parameter (p / (√v + 1)), 16 lanes at a
// time over data in the L1 cache: the floor under any exact Adam step.
func BenchmarkPeakSqrtDiv(b *testing.B) {
	if kernelISA != isaAVX512 {
		b.Skip("needs AVX-512")
	}
	const n = 2048
	rng := rand.New(rand.NewPCG(1, 4))
	p, v := make([]float32, n), make([]float32, n)
	for i := range v {
		p[i], v[i] = 1, 1+float32(rng.Float64())
	}
	one := archsimd.BroadcastFloat32x16(1)
	for b.Loop() {
		ps, vs := p, v
		for len(ps) >= 16 && len(vs) >= 16 {
			ld16(ps[0:16]).Div(ld16(vs[0:16]).Sqrt().Add(one)).StoreSlice(ps[0:16])
			ps, vs = ps[16:], vs[16:]
		}
	}
	archsimd.ClearAVXUpperBits()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/param")
}
