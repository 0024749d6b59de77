/*
 * What a legacy SSE instruction costs while the upper halves of the vector
 * registers are dirty (bench/README.md, step 31). Not part of ganui: a
 * benchmark reference, built by hand with the system's gcc:
 *
 *   gcc -O2 -march=native -o /tmp/dirty bench/cref/dirty.c && /tmp/dirty
 *
 * Each loop runs one 512-bit fused multiply-add (which leaves the upper
 * halves dirty) and one scalar instruction: written with a VEX encoding
 * (what a C compiler emits under -mavx), or with the legacy SSE encoding
 * Go compiles scalar float code to, reading or writing an XMM register,
 * and once with VZEROUPPER before the legacy write. Needs AVX-512F.
 *
 * prints one line per loop: nanoseconds an iteration (CPU time)
 */
#include <stdio.h>
#include <time.h>

static double now(void) {
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static float mem[16] __attribute__((aligned(64))) = {1, 2, 3};

#define FMA "vfmadd231ps %%zmm8,%%zmm1,%%zmm2;"
#define LOOP(name, body)                                                                      \
	do {                                                                                      \
		double t0 = now();                                                                    \
		for (long i = 0; i < n; i++)                                                          \
			__asm__ volatile(body FMA ::"r"(mem) : "xmm2", "xmm3", "xmm8", "xmm9", "rax", "cc", "memory"); \
		printf("%-40s %8.2f ns\n", name, (now() - t0) / n * 1e9);                            \
	} while (0)

int main(void) {
	const long n = 10000000;
	LOOP("VEX load (vmovss)", "vmovss (%0),%%xmm9;");
	LOOP("legacy compare, writes no XMM (ucomiss)", "ucomiss %%xmm9,%%xmm3;");
	LOOP("legacy XMM to general register (movd)", "movd %%xmm3,%%eax;");
	LOOP("legacy store (movups)", "movups %%xmm3,32(%0);");
	LOOP("legacy load (movss)", "movss (%0),%%xmm9;");
	LOOP("legacy zeroing (xorps)", "xorps %%xmm9,%%xmm9;");
	LOOP("legacy add (addss)", "addss %%xmm3,%%xmm9;");
	LOOP("vzeroupper, then legacy load (movss)", "vzeroupper; movss (%0),%%xmm9;");
	return 0;
}
