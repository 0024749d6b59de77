#!/usr/bin/python3
"""Cross-check ganui's second-order unrolled GAN gradient against PyTorch.

ganui's unroll_second_order computes G's surrogate gradient of Metz et
al. ("Unrolled Generative Adversarial Networks", ICLR 2017, eq. 12),

    dF/dθ_G,   F(θ_G) = f(θ_G, θ_D^k(θ_G)),

by reverse mode written out through D's k optimizer updates
(engine/unroll.go).  This script rebuilds each fixture's G and D in
PyTorch and computes the same gradient by autograd's graph replacement:
D's parameters become tensors of the graph, each of the k updates is

    g_i = torch.autograd.grad(L_D(p; real_i, G(z_i)) [+ λ‖p − θ̄‖²], p, create_graph=True)
    p, state = optimizer_update(p, state, g_i)        (Adam, SGD or RMSprop as torch.optim writes them)

on the fixture's batches, and f, G's loss on G(zG) through the unrolled
p, is backpropagated into G's parameters.  It also computes the
first-order gradient (p detached after the k updates) and compares both
with ganui's: the largest absolute difference over G's parameters
divided by the largest value of the reference, against float64 PyTorch,
and float32 PyTorch against float64 PyTorch as the scale of float32
rounding itself.

The fixtures are engine/testdata/unroll-*.json, written by

    go test ./engine -run TestUnrollFixture -unroll-dump=testdata

(and re-derived by a plain `go test ./engine`).  Run from the repository:

    bench/torch_unroll.py [fixture.json ...]

Exit status 1 if any difference exceeds --tol (relative, default 1e-4).
"""

import argparse
import glob
import math
import os
import sys

import json
import torch

ACTS = {
    "identity": lambda x, s: x,
    "relu": lambda x, s: torch.relu(x),
    "leaky_relu": lambda x, s: torch.nn.functional.leaky_relu(x, s),
    "elu": lambda x, s: torch.nn.functional.elu(x),
    "sigmoid": lambda x, s: torch.sigmoid(x),
    "tanh": lambda x, s: torch.tanh(x),
}


def f32(v):
    return float(torch.tensor(v, dtype=torch.float32))


def sqrt0(v):
    """√v with derivative 0 where v = 0, as ganui takes it: a parameter
    with no gradient yet (a dead ReLU unit's) has v = 0, where √'s
    infinite derivative would make autograd's 0·∞ a NaN."""
    pos = v > 0
    return torch.where(pos, torch.where(pos, v, torch.ones_like(v)).sqrt(), torch.zeros_like(v))


def mlp(layers, p, x):
    """The dense stack with flat parameters p (ganui's layout) on rows x."""
    off = 0
    for l in layers:
        nw = l["in"] * l["out"]
        w = p[off:off + nw].view(l["out"], l["in"])
        b = p[off + nw:off + nw + l["out"]]
        x = ACTS[l["act"]](x @ w.t() + b, f32(l["slope"]))
        off += nw + l["out"]
    return x


def d_loss(cfg, y, real):
    t, s = (cfg["real_label"], -1.0) if real else (0.0, 1.0)
    loss = cfg["loss"]
    if loss == "least_squares":
        return ((y - t) ** 2).mean() / 2
    if loss == "wasserstein":
        return s * y.mean()
    if loss == "hinge":
        return torch.relu(1 + s * y).mean()
    return -(t * torch.log(y) + (1 - t) * torch.log(1 - y)).mean()


def g_loss(cfg, y):
    if cfg["loss"] == "least_squares":
        return ((y - 1) ** 2).mean() / 2
    if cfg["loss"] in ("wasserstein", "hinge"):
        return -y.mean()
    if cfg["g_loss"] == "minimax":
        return torch.log(1 - y).mean()
    return -torch.log(y).mean()


def gradients(fx, dtype):
    """G's loss, the surrogate and the first-order gradient, as ganui lays them out."""
    cfg = fx["config"]
    T = lambda v: torch.tensor(v, dtype=torch.float32).to(dtype)
    theta = T(fx["g_params"]).requires_grad_(True)
    g_rows, d_rows = fx["g_rows"], fx["d_rows"]
    G = lambda z: mlp(fx["g_layers"], theta, T(z).view(g_rows, -1)).reshape(d_rows, -1)
    D = lambda p, x: mlp(fx["d_layers"], p, x).view(-1)
    p = T(fx["d_params"])
    opt, lr = cfg["d_opt"], cfg["d_lr"]
    m = T(fx["opt_m"]) if fx["opt_m"] else None
    v = T(fx["opt_v"]) if fx["opt_v"] else None
    t = fx["opt_t"]
    mean = torch.tensor(fx["hist_mean"], dtype=torch.float64).to(dtype) if fx["hist_mean"] else None
    for real, noise in zip(fx["real"], fx["noise"]):
        p = p.detach().requires_grad_(True) if not p.requires_grad else p
        L = d_loss(cfg, D(p, T(real).view(d_rows, -1)), True) + d_loss(cfg, D(p, G(noise)), False)
        if mean is not None:
            L = L + cfg["d_hist_avg"] * ((p - mean) ** 2).sum()
        g, = torch.autograd.grad(L, p, create_graph=True)
        t += 1
        if opt == "adam":
            b1, b2 = cfg["d_beta1"], cfg["d_beta2"]
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            step = lr / (1 - b1 ** t)
            p = p - step * m / (sqrt0(v) / math.sqrt(1 - b2 ** t) + cfg["eps"])
        elif opt == "sgd":
            mu = cfg["d_momentum"]
            m = g if (t == 1 or mu == 0) else mu * m + g
            p = p - lr * m
        else:
            a = cfg["d_alpha"]
            v = a * v + (1 - a) * g * g
            p = p - lr * g / (sqrt0(v) + cfg["eps"])
    f = g_loss(cfg, D(p, G(fx["noise_g"])))
    surrogate, = torch.autograd.grad(f, theta, retain_graph=True)
    f1 = g_loss(cfg, D(p.detach(), G(fx["noise_g"])))
    first, = torch.autograd.grad(f1, theta)
    return f.item(), surrogate, first


def rel(a, b):
    """max |a - b| over max |b| (b the reference)."""
    a, b = a.double(), b.double()
    return ((a - b).abs().max() / b.abs().max()).item()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("fixtures", nargs="*")
    ap.add_argument("--tol", type=float, default=1e-4)
    args = ap.parse_args()
    torch.set_num_threads(1)
    files = args.fixtures or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                           "..", "engine", "testdata", "unroll-*.json")))
    if not files:
        sys.exit("no fixtures found")
    print("torch %s; differences: max |a - b| / max |b| over G's parameters" % torch.__version__)
    print("%-20s %4s %-8s %11s %11s %11s %11s %11s" % (
        "fixture", "k", "d_opt", "f g-t64", "sur g-t64", "sur t32-t64", "1st g-t64", "2nd term"))
    bad = False
    for path in files:
        with open(path) as fh:
            fx = json.load(fh)
        name = os.path.basename(path)[len("unroll-"):-len(".json")]
        f64, sur64, first64 = gradients(fx, torch.float64)
        _, sur32, _ = gradients(fx, torch.float32)
        sur_g, first_g = torch.tensor(fx["surrogate"]), torch.tensor(fx["first"])
        floss = abs(fx["loss"] - f64) / max(abs(f64), 1e-12)
        e_sur, e_32, e_first = rel(sur_g, sur64), rel(sur32, sur64), rel(first_g, first64)
        term = rel(first64, sur64)  # how far the first-order gradient is from the surrogate
        print("%-20s %4d %-8s %11.2e %11.2e %11.2e %11.2e %11.2e" % (
            name, fx["config"]["unroll"], fx["config"]["d_opt"], floss, e_sur, e_32, e_first, term))
        if not (floss <= args.tol and e_sur <= args.tol and e_first <= args.tol):
            bad = True
    if bad:
        print("FAIL: a difference exceeds %g" % args.tol)
        sys.exit(1)


if __name__ == "__main__":
    main()
