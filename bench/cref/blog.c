/*
 * Dense C reference of blog-original's math, a benchmark anchor for
 * bench/grid.sh (bench/README.md). Not part of ganui: built by the bench
 * scripts with the system's gcc, -O3 -march=native -ffast-math.
 *
 * G: 100 uniform noise -> W -> W -> 100 (ReLU, ReLU, identity)
 * D: 100 samples -> W -> W -> 1 (ReLU, ReLU, sigmoid)
 * BCE (mean over the rows), non-saturating G loss, Adam (lr 1e-3,
 * betas 0.9/0.999, eps 1e-8, PyTorch's bias correction) for both players;
 * an epoch is 5 D steps (a real batch, then a detached generated batch,
 * gradients added) and 5 G steps, each on R rows of 100 values. W = 50,
 * R = 1 is blog-original.
 *
 * Everything is dense: every unit is computed and updated, dead ReLU units
 * included (ganui skips those); the loops are plain C for the compiler to
 * vectorise. Random numbers: xoshiro256+ and Box-Muller.
 *
 * usage: blog [--width W] [--rows R] [--epochs N] [--seed S]
 * prints: cref width=W rows=R epochs=N epochs_per_s=X wall_s=Y mean=M std=S
 * (wall_s times the training loop only, as bench/torch_reference.py does.)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rs[4];

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next(void) {
	uint64_t r = rs[0] + rs[3], t = rs[1] << 17;
	rs[2] ^= rs[0];
	rs[3] ^= rs[1];
	rs[1] ^= rs[2];
	rs[0] ^= rs[3];
	rs[2] ^= t;
	rs[3] = rotl(rs[3], 45);
	return r;
}

static float unif(void) { return (float)(next() >> 40) * 0x1p-24f; }

static void seed(uint64_t s) {
	for (int i = 0; i < 4; i++) {
		s += 0x9e3779b97f4a7c15ULL;
		uint64_t z = s;
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		rs[i] = z ^ (z >> 31);
	}
}

static void normals(float *x, int n, float mean, float std) {
	for (int i = 0; i < n; i += 2) {
		float u1 = 1.0f - unif(), u2 = unif();
		float r = sqrtf(-2.0f * logf(u1)), a = 6.2831853f * u2;
		x[i] = mean + std * r * cosf(a);
		if (i + 1 < n)
			x[i + 1] = mean + std * r * sinf(a);
	}
}

enum { RELU, IDENT, SIGMOID };

typedef struct {
	int in, out, act;
	float *w, *b, *gw, *gb, *mw, *vw, *mb, *vb; /* W is out x in, row-major */
	float *x;                                   /* input of the last forward (not owned) */
	float *y, *dz, *dx;                         /* rows x out, rows x out, rows x in */
} layer;

static float *zeros(size_t n) {
	float *p = aligned_alloc(64, ((n * sizeof(float) + 63) / 64) * 64);
	memset(p, 0, n * sizeof(float));
	return p;
}

static void layer_init(layer *l, int in, int out, int act, int rows) {
	l->in = in, l->out = out, l->act = act;
	l->w = zeros((size_t)in * out), l->gw = zeros((size_t)in * out);
	l->mw = zeros((size_t)in * out), l->vw = zeros((size_t)in * out);
	l->b = zeros(out), l->gb = zeros(out), l->mb = zeros(out), l->vb = zeros(out);
	l->y = zeros((size_t)rows * out), l->dz = zeros((size_t)rows * out), l->dx = zeros((size_t)rows * in);
	float bound = 1.0f / sqrtf((float)in);
	for (int i = 0; i < in * out; i++)
		l->w[i] = (2 * unif() - 1) * bound;
	for (int i = 0; i < out; i++)
		l->b[i] = (2 * unif() - 1) * bound;
}

/* Y = act(X W^T + b) */
static float *forward(layer *l, float *restrict x, int rows) {
	const int in = l->in, out = l->out;
	l->x = x;
	for (int r = 0; r < rows; r++) {
		const float *restrict xr = x + (size_t)r * in;
		float *restrict yr = l->y + (size_t)r * out;
		for (int o = 0; o < out; o++) {
			const float *restrict wo = l->w + (size_t)o * in;
			float s = 0;
			for (int i = 0; i < in; i++)
				s += wo[i] * xr[i];
			s += l->b[o];
			if (l->act == RELU)
				s = s > 0 ? s : 0;
			else if (l->act == SIGMOID)
				s = 1 / (1 + expf(-s));
			yr[o] = s;
		}
	}
	return l->y;
}

/* dz = dy * f'; dW += dz^T X, db += sum dz (if params); dX = dz W (if input) */
static float *backward(layer *l, const float *restrict dy, int rows, int params, int input) {
	const int in = l->in, out = l->out;
	for (int k = 0; k < rows * out; k++) {
		float y = l->y[k], d = dy[k];
		l->dz[k] = l->act == RELU ? (y > 0 ? d : 0) : l->act == SIGMOID ? d * y * (1 - y) : d;
	}
	if (params) {
		for (int r = 0; r < rows; r++) {
			const float *restrict xr = l->x + (size_t)r * in;
			const float *restrict dzr = l->dz + (size_t)r * out;
			for (int o = 0; o < out; o++) {
				float *restrict g = l->gw + (size_t)o * in;
				const float c = dzr[o];
				for (int i = 0; i < in; i++)
					g[i] += c * xr[i];
				l->gb[o] += c;
			}
		}
	}
	if (!input)
		return NULL;
	for (int r = 0; r < rows; r++) {
		float *restrict dxr = l->dx + (size_t)r * in;
		const float *restrict dzr = l->dz + (size_t)r * out;
		memset(dxr, 0, in * sizeof(float));
		for (int o = 0; o < out; o++) {
			const float *restrict wo = l->w + (size_t)o * in;
			const float c = dzr[o];
			for (int i = 0; i < in; i++)
				dxr[i] += c * wo[i];
		}
	}
	return l->dx;
}

static void adam(float *restrict p, float *restrict g, float *restrict m, float *restrict v, int n, int t) {
	const float b1 = 0.9f, b2 = 0.999f, lr = 1e-3f, eps = 1e-8f;
	const float step = lr / (1 - powf(b1, t)), k = 1 / sqrtf(1 - powf(b2, t));
	for (int i = 0; i < n; i++) {
		float gi = g[i];
		m[i] = b1 * m[i] + (1 - b1) * gi;
		v[i] = b2 * v[i] + (1 - b2) * gi * gi;
		p[i] -= step * m[i] / (sqrtf(v[i]) * k + eps);
		g[i] = 0;
	}
}

typedef struct {
	layer l[3];
	int t;
} net;

static void net_init(net *n, int in, int w, int out, int last, int rows) {
	layer_init(&n->l[0], in, w, RELU, rows);
	layer_init(&n->l[1], w, w, RELU, rows);
	layer_init(&n->l[2], w, out, last, rows);
	n->t = 0;
}

static float *net_forward(net *n, float *x, int rows) {
	for (int i = 0; i < 3; i++)
		x = forward(&n->l[i], x, rows);
	return x;
}

static float *net_backward(net *n, float *dy, int rows, int params, int input) {
	for (int i = 2; i >= 0; i--)
		dy = backward(&n->l[i], dy, rows, params, input || i > 0);
	return dy;
}

static void net_step(net *n) {
	n->t++;
	for (int i = 0; i < 3; i++) {
		layer *l = &n->l[i];
		adam(l->w, l->gw, l->mw, l->vw, l->in * l->out, n->t);
		adam(l->b, l->gb, l->mb, l->vb, l->out, n->t);
	}
}

/* BCE (mean over rows) of sigmoid outputs y against label; writes dL/dy. */
static float bce(float *dy, const float *y, int rows, float label) {
	float loss = 0;
	for (int r = 0; r < rows; r++) {
		float p = fminf(fmaxf(y[r], 1e-12f), 1 - 1e-7f);
		loss -= label * logf(p) + (1 - label) * logf(1 - p);
		dy[r] = (p - label) / (p * (1 - p)) / rows;
	}
	return loss / rows;
}

int main(int argc, char **argv) {
	int width = 50, rows = 1, epochs = 5000;
	uint64_t s = 1;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--width"))
			width = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--rows"))
			rows = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--epochs"))
			epochs = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--seed"))
			s = strtoull(argv[i + 1], NULL, 10);
		else {
			fprintf(stderr, "usage: blog [--width W] [--rows R] [--epochs N] [--seed S]\n");
			return 2;
		}
	}
	if (width < 1 || rows < 1 || epochs < 0) {
		fprintf(stderr, "blog: bad arguments\n");
		return 2;
	}
	seed(s);
	net G, D;
	net_init(&G, 100, width, 100, IDENT, rows);
	net_init(&D, 100, width, 1, SIGMOID, rows);
	float *real = zeros((size_t)rows * 100), *noise = zeros((size_t)rows * 100);
	float *fake = zeros((size_t)rows * 100), *dy = zeros(rows);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int e = 0; e < epochs; e++) {
		for (int k = 0; k < 5; k++) {
			normals(real, rows * 100, 4.0f, 1.25f);
			bce(dy, net_forward(&D, real, rows), rows, 1);
			net_backward(&D, dy, rows, 1, 0);
			for (int i = 0; i < rows * 100; i++)
				noise[i] = unif();
			memcpy(fake, net_forward(&G, noise, rows), (size_t)rows * 100 * sizeof(float));
			bce(dy, net_forward(&D, fake, rows), rows, 0);
			net_backward(&D, dy, rows, 1, 0);
			net_step(&D);
		}
		for (int k = 0; k < 5; k++) {
			for (int i = 0; i < rows * 100; i++)
				noise[i] = unif();
			float *x = net_forward(&G, noise, rows);
			bce(dy, net_forward(&D, x, rows), rows, 1);
			float *dx = net_backward(&D, dy, rows, 0, 1);
			net_backward(&G, dx, rows, 1, 0);
			net_step(&G);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double wall = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
	/* 10,000 fresh samples for a sanity check of the training. */
	double sum = 0, sq = 0;
	int n = 0;
	for (int b = 0; b < 10000 / (100 * rows) + 1 && n < 10000; b++) {
		for (int i = 0; i < rows * 100; i++)
			noise[i] = unif();
		float *x = net_forward(&G, noise, rows);
		for (int i = 0; i < rows * 100 && n < 10000; i++, n++)
			sum += x[i], sq += (double)x[i] * x[i];
	}
	double mean = sum / n;
	printf("cref width=%d rows=%d epochs=%d epochs_per_s=%.1f wall_s=%.3f mean=%.4f std=%.4f\n", width, rows,
	       epochs, wall > 0 ? epochs / wall : 0, wall, mean, sqrt(fmax(sq / n - mean * mean, 0)));
	return 0;
}
