//go:build !goexperiment.simd || !amd64

package engine

// Without GOEXPERIMENT=simd on amd64 the portable kernels are the only ones.

var kernelISA = isaGo

func sum(x []float32) float32                        { return sumGo(x) }
func dot(a, b []float32) float32                     { return dotGo(a, b) }
func axpy(dst []float32, alpha float32, x []float32) { axpyGo(dst, alpha, x) }
func gemv(y, w, x []float32)                         { gemvGo(y, w, x) }

func gemmSerial(rows, n, kn int, a []float32, ars, aks int, m []float32, ldm int, y []float32, ldy int) {
	gemmGo(rows, n, kn, a, ars, aks, m, ldm, y, ldy)
}

func copyRows(dst []float32, ldd int, src []float32, lds, rows, cols int, pick []int32) {
	copyRowsGo(dst, ldd, src, lds, rows, cols, pick)
}

func transpose(dst []float32, ldd int, src []float32, rows, cols int) {
	transposeGo(dst, ldd, src, rows, cols)
}

// gemmLayoutFree reports whether a product of these dimensions gives the
// same bits with A stored by rows or by columns: always, in gemmGo.
func gemmLayoutFree(rows, n, kn int) bool { return true }

// gemmTermsInOrder reports whether every element of a product of rows ×
// n sums its terms in order of k, one at a time, whatever their number:
// never in gemmGo, which adds them in groups of four.
func gemmTermsInOrder(rows, n int) bool { return false }

func adamUpdate(p, g, m, v []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	adamGo(p, g, m, v, b1, b2, c1, c2, eps, stepSize, invBC2)
}

// adamOuter is not reached on the portable kernels: fuseOuter holds no
// gradient as outer products there, so Adam.stepNetwork has none to pass.
func adamOuter(p, m, v []float32, n int, d0, x0, d1, x1 []float32, b1, b2, c1, c2, eps, stepSize, invBC2 float32) {
	panic("engine: adamOuter on the portable kernels, which fuse no gradient (fuseOuter)")
}

// gatherCols copies the columns live of the rows × cols matrix x into
// dst, rows × len(live) (and up to 16 floats more of scratch).
func gatherCols(dst, x []float32, rows, cols int, live []int32, masks []uint16) {
	gatherColsGo(dst, x, rows, cols, live)
}

// nonzeroCols sets flags[k], k < cols, to a value that is zero exactly
// when column k of the rows × cols matrix x is ±0 on every row.
func nonzeroCols(flags []uint32, x []float32, rows, cols int) {
	nonzeroColsGo(flags, x, rows, cols, 0)
}

// fuseOuter reports whether a dense layer n inputs wide holds single
// rows' weight gradients for adamOuter: never on the portable kernels,
// whose Adam is bound by its scalar square roots and divisions, not by the
// traffic fusing saves (blog-original's and the grid's single-row epochs
// ran 0.99–1.02× as long fused).
func fuseOuter(n int) bool { return false }

func reluApply(z []float32)                 { reluGo(z) }
func leakyApply(z []float32, slope float32) { leakyGo(z, slope) }
func eluApply(z []float32)                  { eluGo(z) }
func sigmoidApply(z []float32)              { sigmoidGo(z) }
func tanhApply(z []float32)                 { tanhGo(z) }

func actGrad(a Activation, dz, dy, y []float32, slope float32) { actGradGo(a, dz, dy, y, slope) }

func mbdPairs(e, p []float32, ld, c, n, bp int, o, r, w []float32, scale float32) {
	mbdPairsGo(e, p, ld, c, n, bp, o, r, w, scale)
}

func mbdGrad(dp, dr, p, e, g, w []float32, ld, c, n, bp int) {
	mbdGradGo(dp, dr, p, e, g, w, ld, c, n, bp)
}

// supportedISAs lists the kernel paths this build and CPU can run.
func supportedISAs() []isa { return []isa{isaGo} }
