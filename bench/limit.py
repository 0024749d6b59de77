#!/usr/bin/python3
"""The speed limit of one training epoch on this machine (bench/README.md).

Counts, for blog-original and devnag-2017, the floating-point operations
and the bytes one epoch touches -- forward, backward and optimizer, as
PyTorch computes them (dense: no dead unit skipped) -- then measures what
this CPU sustains in Go:

  * a multiply-add stream: the better of a long dot product and a tiled
    matrix product over data in L1 (BenchmarkPeak, BenchmarkPeakGemm), and
    a dot product over data in L2 for the bandwidth, for the portable build
    and the SIMD build;
  * the square root and division Adam needs per parameter
    (BenchmarkPeakSqrtDiv, BenchmarkPeakSqrtDivGo);

and prints, per build, three lower bounds on the time of an epoch

  flops / peak FMA rate,  bytes / L2 bandwidth,  Adam updates x (sqrt + div)

and the limit they imply, 1 / max(bounds), in epochs per second.

The L2 bandwidth is the SIMD build's (the hardware's): the portable dot
product is bound by its arithmetic, not by memory.

usage: bench/limit.py [--count N]     (needs Go 1.26 with GOEXPERIMENT=simd)
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --- work per epoch ----------------------------------------------------------
#
# A dense layer (in -> out) over R rows costs R*in*out multiply-adds in each
# of its three products: Y = X W^T (forward), dW += dZ^T X and dX = dZ W
# (backward; dX only when something upstream needs it).  Bytes are what
# the pass streams: for one row every weight is read once per product (and
# dW is read and written); for a batch W is read once and X, Y, dZ, dX once.

ADAM_FLOPS = 12      # m: 2 mul 1 add, v: 3 mul 1 add, p: 2 mul 1 add 1 sub + sqrt, div
ADAM_BYTES = 28      # read p g m v, write p m v
ZERO_BYTES = 4       # ZeroGrad


def dense(layers, rows):
    """MACs and bytes of forward, dW, dX for each layer."""
    out = []
    for i, o in layers:
        w = i * o
        macs = rows * w
        if rows == 1:
            fwd, dw, dx = 4 * w, 8 * w, 4 * w
        else:
            fwd = 4 * (w + rows * i + rows * o)
            dw = 4 * (2 * w + rows * i + rows * o)
            dx = 4 * (w + rows * i + rows * o)
        out.append(dict(macs=macs, fwd=fwd, dw=dw, dx=dx))
    return out


def params(layers):
    return sum(i * o + o for i, o in layers)


class Tally:
    def __init__(self):
        self.macs = self.bytes = self.adam = self.other_flops = 0

    def forward(self, net):
        for l in net:
            self.macs += l["macs"]
            self.bytes += l["fwd"]

    def backward(self, net, params, input_first):
        """dW of every layer if params; dX of every layer but the first
        unless input_first (Network.BackwardFrom)."""
        for k, l in enumerate(net):
            if params:
                self.macs += l["macs"]
                self.bytes += l["dw"]
            if k > 0 or input_first:
                self.macs += l["macs"]
                self.bytes += l["dx"]

    def step(self, n):
        self.adam += n
        self.bytes += n * (ADAM_BYTES + ZERO_BYTES)

    @property
    def flops(self):
        return 2 * self.macs + ADAM_FLOPS * self.adam + self.other_flops


def blog_original():
    """5 D steps (real row, detached fake row), 5 G steps; batch = 1 row."""
    d_layers, g_layers = [(100, 50), (50, 50), (50, 1)], [(100, 50), (50, 50), (50, 100)]
    D, G = dense(d_layers, 1), dense(g_layers, 1)
    t = Tally()
    for _ in range(5):
        t.forward(D); t.backward(D, True, False)          # real
        t.forward(G); t.forward(D); t.backward(D, True, False)  # fake
        t.step(params(d_layers))
    for _ in range(5):
        t.forward(G); t.forward(D); t.backward(D, False, True); t.backward(G, True, False)
        t.step(params(g_layers))
    return t


def devnag_2017():
    """1 D step, 1 G step; G maps 100 scalars (rows = 100), D reads one
    decorated row of 200.  D's first dense layer sits after the decorate
    layer, so its dX is computed too.  Activations: ELU and sigmoid over
    G's 2 x 100 x 50 hidden units per forward, about 25 flops each."""
    d_layers, g_layers = [(200, 50), (50, 50), (50, 1)], [(1, 50), (50, 50), (50, 1)]
    D, G = dense(d_layers, 1), dense(g_layers, 100)
    t = Tally()
    t.forward(D); t.backward(D, True, True)                # real
    t.forward(G); t.forward(D); t.backward(D, True, True)  # fake
    t.step(params(d_layers))
    t.forward(G); t.forward(D); t.backward(D, False, True); t.backward(G, True, False)
    t.step(params(g_layers))
    t.other_flops = 2 * (2 * 100 * 50) * 25
    return t


# --- the machine ---------------------------------------------------------------

def bench(experiment, pattern, count):
    env = dict(os.environ, GOEXPERIMENT=experiment)
    cmd = ["go", "test", "-run", "^$", "-bench", pattern, "-count", str(count), "./engine/"]
    out = subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        m = re.match(r"Benchmark(\S+?)-\d+\s+\d+\s+\S+ ns/op\s+(\S+) (GFLOP/s|ns/param)", line)
        if m:
            res.setdefault(m.group(1), []).append(float(m.group(2)))
    return {k: sorted(v)[len(v) // 2] for k, v in res.items()}  # medians


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=5, help="benchmark repetitions (medians)")
    args = ap.parse_args()

    go = bench("", "^BenchmarkPeak", args.count)
    simd = bench("simd", "^BenchmarkPeak", args.count)
    builds = {
        "default (go)": (max(go["Peak/L1/go"], go["PeakGemm/go"]),
                         simd["Peak/L2/avx512"], go["PeakSqrtDivGo"]),
        "simd (avx512)": (max(simd["Peak/L1/avx512"], simd["PeakGemm/avx512"]),
                          simd["Peak/L2/avx512"], simd["PeakSqrtDiv"]),
    }
    print("measured (medians of %d):" % args.count)
    for name, (p1, p2, sd) in builds.items():
        print(f"  {name:14s} FMA in L1 {p1:6.1f} GFLOP/s   L2 bandwidth {p2 * 4:4.0f} GB/s"
              f"   sqrt+div {sd:.3f} ns/param")
    for preset, t in (("blog-original", blog_original()), ("devnag-2017", devnag_2017())):
        print(f"\n{preset}: {t.macs:,} multiply-adds + {t.adam:,} Adam updates"
              f" = {t.flops / 1e6:.2f} MFLOP, {t.bytes / 1e6:.2f} MB per epoch")
        for name, (p1, p2, sd) in builds.items():
            tf = t.flops / (p1 * 1e9)
            tb = t.bytes / (p2 * 4e9)
            ts = t.adam * sd * 1e-9
            bound = max(tf, tb, ts)
            print(f"  {name:14s} flops {tf * 1e6:6.1f} us  bytes {tb * 1e6:6.1f} us"
                  f"  sqrt+div {ts * 1e6:6.1f} us  ->  limit {1 / bound:8.0f} epochs/s")


if __name__ == "__main__":
    sys.exit(main())
