#!/usr/bin/python3
"""The speed limit of training on this machine (bench/README.md).

Counts the work of one epoch -- forward, backward and optimizer, dense as
PyTorch computes it -- for blog-original, devnag-2017 and the grid of
bench/grid.py (blog-original's networks at hidden width W with R rows of
100 per step), then measures the hardware with bench/cref/peak.c (built
with the system's gcc; CPU time, so a busy machine does not lower it):

  * the core clock and the fused multiply-adds it issues per cycle, hence
    the peak: FMA units x lanes x 2 flops x clock;
  * the time of a square root and a division per value (Adam);
  * the read bandwidth of L1, L2, L3 and DRAM;

and prints for every shape three lower bounds on the time of an epoch

  flops / peak,  bytes / bandwidth of the level its data lives in,
  Adam updates x (sqrt + div)

and the limit they imply, 1 / max(bounds), in epochs per second. The
level is the smallest cache that holds the optimizer's state (parameters,
gradients and both moments, 16 bytes a parameter): every step streams it.

These bound the dense work. ganui skips dead ReLU units in single-row
products and in Adam, so with one row it can do less than this work and
come closer to the bound, or pass it; with a batch the products are dense.

usage: bench/limit.py [--grid-only]     (needs gcc)
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

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

L1, L2, L3 = 32 << 10, 1 << 20, 32 << 20  # bytes per core (L3 shared); lscpu on the machine of bench/README.md


def measure():
    exe = os.path.join(tempfile.mkdtemp(prefix="ganui-peak-"), "peak")
    subprocess.run(["gcc", "-O2", "-march=native", "-o", exe, os.path.join(ROOT, "bench/cref/peak.c")], check=True)
    out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    hw = {}
    for line in out.splitlines():
        name, value, _ = line.split(maxsplit=2)
        hw[name] = float(value)
    shutil.rmtree(os.path.dirname(exe), ignore_errors=True)
    return hw


def blog_grid(width, rows):
    """bench/grid.py's shape: blog-original with hidden width `width` and
    `rows` rows of 100 per step."""
    d_layers, g_layers = [(100, width), (width, width), (width, 1)], [(100, width), (width, width), (width, 100)]
    D, G = dense(d_layers, rows), dense(g_layers, rows)
    t = Tally()
    for _ in range(5):
        t.forward(D); t.backward(D, True, False)
        t.forward(G); t.forward(D); t.backward(D, True, False)
        t.step(params(d_layers))
    for _ in range(5):
        t.forward(G); t.forward(D); t.backward(D, False, True); t.backward(G, True, False)
        t.step(params(g_layers))
    t.state = 16 * max(params(d_layers), params(g_layers))
    return t


def bound(t, hw):
    peak = max(hw.get("peak512", 0), hw["peak256"]) * 1e9
    level = "L1" if t.state <= L1 else "L2" if t.state <= L2 else "L3" if t.state <= L3 else "DRAM"
    tf = t.flops / peak
    tb = t.bytes / (hw["bw_" + level] * 1e9)
    ts = t.adam * hw.get("sqrtdiv", 0) * 1e-9
    return tf, tb, ts, level


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--grid-only", action="store_true")
    args = ap.parse_args()

    hw = measure()
    print(f"clock {hw['clock']:.2f} GHz; FMA per cycle: {hw['fma256']:.2f} at 256 bits"
          + (f", {hw['fma512']:.2f} at 512 bits" if "fma512" in hw else ""))
    print(f"peak {max(hw.get('peak512', 0), hw['peak256']):.1f} GFLOP/s per core"
          f" (= FMA units x lanes x 2 x clock, measured on registers)")
    if "sqrtdiv" in hw:
        print(f"sqrt + div {hw['sqrtdiv']:.3f} ns per value")
    print("read bandwidth, GB/s: " + ", ".join(f"{k} {hw['bw_' + k]:.0f}" for k in ("L1", "L2", "L3", "DRAM")))

    def show(name, t):
        tf, tb, ts, level = bound(t, hw)
        b = max(tf, tb, ts)
        what = "flops" if b == tf else "bytes" if b == tb else "sqrt+div"
        print(f"| {name} | {t.macs:,} | {t.bytes / 1e6:,.2f} | {level} | {tf * 1e6:,.1f} | {tb * 1e6:,.1f}"
              f" | {ts * 1e6:,.1f} | {what} | {1 / b:,.1f} |")

    print("\n| shape | multiply-adds | MB streamed | state in | flops µs | bytes µs | sqrt+div µs | bound by"
          " | limit epochs/s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    if not args.grid_only:
        for preset, t in (("blog-original", blog_original()), ("devnag-2017", devnag_2017())):
            t.state = 16 * 12700 if preset == "blog-original" else 16 * 12651
            show(preset, t)
    for rows in (1, 100):
        for width in (50, 128, 256, 512, 1024):
            show(f"grid W={width} R={rows}", blog_grid(width, rows))


if __name__ == "__main__":
    sys.exit(main())
