/*
 * The hardware's limits for bench/limit.py (bench/README.md): the core
 * clock, the fused multiply-add rate and the read bandwidth of each level
 * of the memory hierarchy, measured on one core. Not part of ganui: built
 * by bench/limit.py with the system's gcc (-O2 -march=native).
 *
 * clock:  a chain of dependent integer additions (one cycle each); the
 *         result is the clock the core runs at under load.
 * FMA:    12 independent accumulators of fused multiply-adds on registers
 *         only (no loads), at 256 and, where the CPU has it, 512 bits; the
 *         rate over the clock gives FMA instructions per cycle, and
 *         units x lanes x 2 flops x clock is the peak.
 * sqrtdiv: a square root and a division per value, 16 lanes (AVX-512
 *         only): Adam's cost per parameter beyond its multiply-adds.
 * memory: sums of 512-bit (or 256-bit) loads over buffers of 32 KiB, 512
 *         KiB, 8 MiB and 256 MiB, repeated: the read bandwidth of L1, L2,
 *         L3 and DRAM (each buffer sized to fit its level on this machine;
 *         bench/README.md gives the caches).
 *
 * prints one line per figure: NAME VALUE UNIT
 */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); /* CPU time: a busy machine time-slices the process, not the core */
	return t.tv_sec + 1e-9 * t.tv_nsec;
}

static double best(double (*f)(long), long n) {
	double b = 0;
	for (int r = 0; r < 7; r++) {
		double v = f(n);
		if (v > b)
			b = v;
	}
	return b;
}

/* additions per second of a dependent chain: the clock */
static double clock_rate(long n) {
	uint64_t x = 0;
	double t = now();
	for (long i = 0; i < n; i++) {
		__asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
		                 "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0"
		                 : "+r"(x));
	}
	t = now() - t;
	return 8.0 * n / t;
}

#define FMA12(T, fma)                                                                                  \
	T a0 = x, a1 = x, a2 = x, a3 = x, a4 = x, a5 = x, a6 = x, a7 = x, a8 = x, a9 = x, a10 = x, a11 = x; \
	double t = now();                                                                              \
	for (long i = 0; i < n; i++) {                                                                 \
		a0 = fma(a0, y, z), a1 = fma(a1, y, z), a2 = fma(a2, y, z), a3 = fma(a3, y, z);              \
		a4 = fma(a4, y, z), a5 = fma(a5, y, z), a6 = fma(a6, y, z), a7 = fma(a7, y, z);              \
		a8 = fma(a8, y, z), a9 = fma(a9, y, z), a10 = fma(a10, y, z), a11 = fma(a11, y, z);          \
		__asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5));           \
		__asm__ volatile("" : "+v"(a6), "+v"(a7), "+v"(a8), "+v"(a9), "+v"(a10), "+v"(a11));         \
	}                                                                                              \
	t = now() - t;                                                                                 \
	T s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;                              \
	memcpy(&sink, &s, sizeof sink);                                                                \
	return 12.0 * n / t;

static float sink;

/* FMA instructions per second, 8 lanes */
static double fma256(long n) {
	__m256 x = _mm256_set1_ps(1), y = _mm256_set1_ps(0.999999f), z = _mm256_set1_ps(1e-7f);
	FMA12(__m256, _mm256_fmadd_ps)
}

#ifdef __AVX512F__
/* FMA instructions per second, 16 lanes */
static double fma512(long n) {
	__m512 x = _mm512_set1_ps(1), y = _mm512_set1_ps(0.999999f), z = _mm512_set1_ps(1e-7f);
	FMA12(__m512, _mm512_fmadd_ps)
}
#endif

#ifdef __AVX512F__
/* square roots and divisions per second, 16 lanes: Adam's x / (sqrt(v) + eps) */
static double sqrtdiv512(long n) {
	__m512 v0 = _mm512_set1_ps(2), v1 = _mm512_set1_ps(3), v2 = _mm512_set1_ps(5), v3 = _mm512_set1_ps(7);
	__m512 p = _mm512_set1_ps(1), e = _mm512_set1_ps(1e-8f), s0 = p, s1 = p, s2 = p, s3 = p;
	double t = now();
	for (long i = 0; i < n; i++) {
		s0 = _mm512_div_ps(p, _mm512_add_ps(_mm512_sqrt_ps(v0), e));
		s1 = _mm512_div_ps(p, _mm512_add_ps(_mm512_sqrt_ps(v1), e));
		s2 = _mm512_div_ps(p, _mm512_add_ps(_mm512_sqrt_ps(v2), e));
		s3 = _mm512_div_ps(p, _mm512_add_ps(_mm512_sqrt_ps(v3), e));
		__asm__ volatile("" : "+v"(s0), "+v"(s1), "+v"(s2), "+v"(s3), "+v"(v0), "+v"(v1), "+v"(v2), "+v"(v3));
	}
	t = now() - t;
	sink = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)));
	return 4.0 * 16 * n / t;
}
#endif

static float *buf;
static size_t bufn;

/* bytes read per second, summing buf[0:bufn] repeatedly */
static double readbw(long reps) {
	double t = now();
#ifdef __AVX512F__
	__m512 s0 = _mm512_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
	for (long r = 0; r < reps; r++) {
		for (size_t i = 0; i < bufn; i += 64) {
			s0 = _mm512_add_ps(s0, _mm512_load_ps(buf + i));
			s1 = _mm512_add_ps(s1, _mm512_load_ps(buf + i + 16));
			s2 = _mm512_add_ps(s2, _mm512_load_ps(buf + i + 32));
			s3 = _mm512_add_ps(s3, _mm512_load_ps(buf + i + 48));
		}
		__asm__ volatile("" : "+v"(s0), "+v"(s1), "+v"(s2), "+v"(s3));
	}
	float v = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)));
#else
	__m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
	for (long r = 0; r < reps; r++) {
		for (size_t i = 0; i < bufn; i += 32) {
			s0 = _mm256_add_ps(s0, _mm256_load_ps(buf + i));
			s1 = _mm256_add_ps(s1, _mm256_load_ps(buf + i + 8));
			s2 = _mm256_add_ps(s2, _mm256_load_ps(buf + i + 16));
			s3 = _mm256_add_ps(s3, _mm256_load_ps(buf + i + 24));
		}
		__asm__ volatile("" : "+v"(s0), "+v"(s1), "+v"(s2), "+v"(s3));
	}
	__m256 s = _mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3));
	float v = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
#endif
	t = now() - t;
	sink = v;
	return (double)reps * bufn * sizeof(float) / t;
}

int main(void) {
	double hz = best(clock_rate, 50000000);
	printf("clock %.3f GHz\n", hz / 1e9);
	double f8 = best(fma256, 20000000);
	printf("fma256 %.2f per-cycle\n", f8 / hz);
	printf("peak256 %.1f GFLOP/s\n", f8 * 8 * 2 / 1e9);
#ifdef __AVX512F__
	double f16 = best(fma512, 20000000);
	printf("fma512 %.2f per-cycle\n", f16 / hz);
	printf("peak512 %.1f GFLOP/s\n", f16 * 16 * 2 / 1e9);
	printf("sqrtdiv %.4f ns/value\n", 1e9 / best(sqrtdiv512, 5000000));
#endif
	const struct {
		const char *name;
		size_t bytes;
	} lv[] = {{"L1", 32 << 10}, {"L2", 512 << 10}, {"L3", 8 << 20}, {"DRAM", 256 << 20}};
	for (int k = 0; k < 4; k++) {
		bufn = lv[k].bytes / sizeof(float);
		buf = aligned_alloc(64, lv[k].bytes);
		for (size_t i = 0; i < bufn; i++)
			buf[i] = 1e-3f * (i & 1023);
		long reps = (long)(2e9 / lv[k].bytes);
		if (reps < 3)
			reps = 3;
		readbw(1);
		double bw = 0;
		for (int r = 0; r < 5; r++) {
			double v = readbw(reps);
			if (v > bw)
				bw = v;
		}
		printf("bw_%s %.1f GB/s\n", lv[k].name, bw / 1e9);
		free(buf);
	}
	return 0;
}
