#!/usr/bin/python3
"""Cross-check ganui's gradient penalties against PyTorch's autograd.

ganui computes WGAN-GP (Gulrajani et al. 2017) and R1 (Mescheder et al.
2018) and their gradient with respect to D's parameters by double
backpropagation written out for dense layers (engine/penalty.go).  This
script rebuilds each fixture's D in PyTorch, computes the penalty the way
PyTorch implementations do,

    g = torch.autograd.grad(outputs=D(x).sum(), inputs=x, create_graph=True)[0]
    WGAN-GP:  P = lam * ((g.norm(2, dim=1) - 1) ** 2).mean()   on x = eps*real + (1-eps)*fake
    R1:       P = gamma / 2 * g.pow(2).sum(1).mean()           on x = real

backpropagates P into D's parameters, and compares P and every
parameter's gradient with what ganui wrote into the fixture: the largest
absolute difference over a tensor divided by that tensor's largest
value.  It does so in float32 (as ganui computes) and in float64, and
also prints float32 PyTorch against float64 PyTorch, the scale of float32
rounding itself.

The fixtures are engine/testdata/penalty-*.json, written by

    go test ./engine -run TestPenaltyFixture -penalty-dump=engine/testdata

(and re-derived by a plain `go test ./engine`).  Run from the repository:

    bench/torch_penalty.py [fixture.json ...]

Exit status 1 if any difference exceeds --tol (relative, default 1e-5)
against float64 PyTorch, i.e. beyond float32 rounding.
"""

import argparse
import glob
import json
import os
import sys

import torch

ACTS = {
    "identity": lambda slope: torch.nn.Identity(),
    "relu": lambda slope: torch.nn.ReLU(),
    "leaky_relu": lambda slope: torch.nn.LeakyReLU(slope),
    "elu": lambda slope: torch.nn.ELU(alpha=1.0),
    "sigmoid": lambda slope: torch.nn.Sigmoid(),
    "tanh": lambda slope: torch.nn.Tanh(),
}


def build(fx, dtype):
    """D as an nn.Sequential with the fixture's parameters; with on_logit
    the last activation is left out (the penalty is on the logit)."""
    mods, off = [], 0
    params = fx["params"]
    for k, l in enumerate(fx["layers"]):
        lin = torch.nn.Linear(l["in"], l["out"]).to(dtype)
        nw = l["in"] * l["out"]
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(params[off:off + nw], dtype=torch.float32).view(l["out"], l["in"]))
            lin.bias.copy_(torch.tensor(params[off + nw:off + nw + l["out"]], dtype=torch.float32))
        off += nw + l["out"]
        mods.append(lin)
        if not (k == len(fx["layers"]) - 1 and fx["on_logit"]):
            # slope is a float32 in ganui: 0.2 rounded to float32
            slope = float(torch.tensor(l["slope"], dtype=torch.float32))
            mods.append(ACTS[l["act"]](slope))
    assert off == len(params)
    return torch.nn.Sequential(*mods)


def penalty(fx, dtype):
    """P and the flat gradient of P in ganui's parameter layout."""
    D = build(fx, dtype)
    rows = fx["rows"]
    f32 = lambda v: torch.tensor(v, dtype=torch.float32).view(rows, -1).to(dtype)
    real = f32(fx["real"])
    if fx["kind"] == "wgan-gp":
        fake = f32(fx["fake"])
        eps = f32(fx["eps"]).view(rows, 1)
        x = eps * real + (1 - eps) * fake
    else:
        x = real
    x = x.detach().requires_grad_(True)
    g = torch.autograd.grad(outputs=D(x).sum(), inputs=x, create_graph=True)[0]
    if fx["kind"] == "wgan-gp":
        P = fx["coef"] * ((g.norm(2, dim=1) - 1) ** 2).mean()
    else:
        P = fx["coef"] / 2 * g.pow(2).sum(1).mean()
    D.zero_grad()
    P.backward()
    grads = []
    for m in D:
        if isinstance(m, torch.nn.Linear):
            # a parameter g does not depend on (every bias of a piecewise-
            # linear D, the last layer's always) has no grad: its gradient is 0
            grads += [torch.zeros_like(q) if q.grad is None else q.grad.reshape(-1)
                      for q in (m.weight, m.bias)]
    return P.item(), grads


def split(fx, flat):
    """ganui's flat gradient as tensors, one per weight matrix and bias."""
    out, off = [], 0
    for l in fx["layers"]:
        nw = l["in"] * l["out"]
        out += [torch.tensor(flat[off:off + nw], dtype=torch.float64),
                torch.tensor(flat[off + nw:off + nw + l["out"]], dtype=torch.float64)]
        off += nw + l["out"]
    return out


def rel(a, b):
    """max |a - b| over the largest |b| (the reference)."""
    worst = 0.0
    for x, y in zip(a, b):
        x, y = x.double(), y.double()
        scale = y.abs().max().item()
        d = (x - y).abs().max().item()
        worst = max(worst, d / scale if scale > 0 else d)
    return worst


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("fixtures", nargs="*")
    ap.add_argument("--tol", type=float, default=1e-5)
    args = ap.parse_args()
    torch.set_num_threads(1)
    files = args.fixtures or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                           "..", "engine", "testdata", "penalty-*.json")))
    if not files:
        sys.exit("no fixtures found")
    print("torch %s; differences: max |a - b| / max |b| per tensor, worst tensor" % torch.__version__)
    print("%-22s %-8s %13s %11s %11s %11s %11s %11s" % (
        "fixture", "penalty", "P (ganui)", "P g-t64", "P t32-t64", "dθ g-t32", "dθ g-t64", "dθ t32-t64"))
    bad = False
    for path in files:
        with open(path) as f:
            fx = json.load(f)
        p32, g32 = penalty(fx, torch.float32)
        p64, g64 = penalty(fx, torch.float64)
        ours = split(fx, fx["grads"])
        pg = abs(fx["penalty"] - p64) / abs(p64)
        pt = abs(p32 - p64) / abs(p64)
        d32, d64, t = rel(ours, g32), rel(ours, g64), rel(g32, g64)
        print("%-22s %-8s %13.7g %11.2e %11.2e %11.2e %11.2e %11.2e" % (
            fx["name"], fx["kind"], fx["penalty"], pg, pt, d32, d64, t))
        if pg > args.tol or d64 > args.tol:
            bad = True
    if bad:
        print("FAIL: ganui differs from float64 PyTorch by more than %g" % args.tol)
        sys.exit(1)
    print("ok: within %g of float64 PyTorch" % args.tol)


if __name__ == "__main__":
    main()
