#!/usr/bin/python3
"""One ganui training epoch replayed in PyTorch, compared to float32 rounding.

A fixture (engine/testdata/onestep-PRESET.json.gz) holds one ganui
TrainEpoch from seed 1: G's and D's weights before it, the real batch and
the two noise batches the epoch drew, the losses and generated-batch
moments ganui reported, the weights after it and both Adam optimizers'
moments.  This script builds the same networks in PyTorch from the
weights before (nn.Linear, whose weight is out x in like ganui's W), runs
the same epoch on the same inputs the way bench/torch_reference.py trains
(and ganui's engine/gan.go StepD and StepG):

* D's step: D.zero_grad(); BCELoss(D(real), real_label).backward();
  fake = G(noise_d).detach(); BCELoss(D(fake), 0).backward() -- the two
  gradients add up -- then one torch.optim.Adam step on D.
* G's step: fake = G(noise_g); BCELoss(D(fake), 1).backward() (the
  non-saturating G loss, through D's updated weights), then one Adam step
  on G only.

D reads the flat batch as d_rows rows of d_in * dim values: one (x, y)
point per row on ring, two points (x1, y1, x2, y2) per row on
ring-pacgan, one value on vanilla.  nn.BCELoss clamps its logs at -100 and
its gradient's denominator at 1e-12, as ganui's BCE does; Adam is
PyTorch 1.13's single-tensor rule with the config's lr, betas and eps.

For every tensor it prints max |torch - ganui| and that divided by the
largest |value| of ganui's tensor: the weights after the epoch, Adam's
first and second moments (one step in these are (1 - beta1) g and
(1 - beta2) g^2: the weights after one Adam step move by about lr
whatever the gradient's size, so the moments are where the gradients
show), the three losses and the moments of G's batch.  It also applies
PyTorch's Adam arithmetic to ganui's own weights before and moments and
compares with ganui's weights after, in ulps of max(|before|, |after|, lr):
the update rule apart from the gradients.  It exits 1 if any relative
difference exceeds --tol (1e-5) or the update rule --ulps (2).  The column "of update" divides
the weights' difference by the largest change the step made (about lr),
for information: a float32 weight near 0.2 is itself only resolved to
1.5e-8, 3e-5 of a 5e-4 step.

Regenerate the fixtures (go test runs in engine/, hence testdata) and
check them, for the default build and the SIMD build:

  go test ./engine -count=1 -run TestOneStepFixture -onestep-dump=testdata
  bench/torch_onestep.py engine/testdata/onestep-*.json.gz
  GOEXPERIMENT=simd go test ./engine -count=1 -run TestOneStepFixture -onestep-dump=/tmp/onestep-simd
  bench/torch_onestep.py /tmp/onestep-simd/onestep-*.json.gz

PyTorch: apt-get install -y python3-torch (1.13, CPU, /usr/bin/python3).
"""

import argparse
import base64
import gzip
import json
import math
import struct
import sys

import torch
import torch.nn as nn


def f32(s):
    """A float32 tensor from the fixture's encoding: base64 of
    little-endian IEEE 754 binary32 values."""
    b = base64.b64decode(s)
    return torch.tensor(struct.unpack("<%df" % (len(b) // 4), b), dtype=torch.float32)


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def activation(name, slope):
    """The torch module of a ganui activation (engine/activation.go)."""
    return {
        "identity": None,
        "relu": nn.ReLU(),
        "leaky_relu": nn.LeakyReLU(slope),
        "elu": nn.ELU(),
        "sigmoid": nn.Sigmoid(),
        "tanh": nn.Tanh(),
    }[name]


def build(layers):
    """An nn.Sequential of Linear layers (and their activations) holding the
    fixture's weights, and the list of the Linear layers."""
    mods, linears = [], []
    for l in layers:
        lin = nn.Linear(l["in"], l["out"])
        with torch.no_grad():
            lin.weight.copy_(f32(l["w"]).view(l["out"], l["in"]))
            lin.bias.copy_(f32(l["b"]))
        mods.append(lin)
        linears.append(lin)
        act = activation(l["act"], l["slope"])
        if act is not None:
            mods.append(act)
    return nn.Sequential(*mods), linears


def check_supported(cfg):
    """The fixture format covers one D and one G step of the textbook GAN."""
    want = {"d_input": "raw", "mbd_kernels": 0, "loss": "bce", "g_loss": "nonsaturating",
            "d_opt": "adam", "g_opt": "adam", "d_steps": 1, "g_steps": 1}
    for k, v in want.items():
        if cfg[k] != v:
            sys.exit(f"unsupported config: {k} = {cfg[k]!r}, this script needs {v!r}")


def epoch(fx):
    """Runs ganui's epoch in torch; returns the nets' Linear layers, their
    optimizers, the three losses and the moments of G's batch."""
    cfg = fx["config"]
    check_supported(cfg)
    dim, g_rows, d_rows = fx["dim"], fx["g_rows"], fx["d_rows"]
    G, g_lin = build(fx["g_before"])
    D, d_lin = build(fx["d_before"])
    d_opt = torch.optim.Adam(D.parameters(), lr=cfg["d_lr"],
                             betas=(cfg["d_beta1"], cfg["d_beta2"]), eps=cfg["eps"])
    g_opt = torch.optim.Adam(G.parameters(), lr=cfg["g_lr"],
                             betas=(cfg["g_beta1"], cfg["g_beta2"]), eps=cfg["eps"])
    bce = nn.BCELoss()  # mean over D's rows
    real = f32(fx["real"]).view(d_rows, cfg["d_in"] * dim)
    noise_d = f32(fx["noise_d"]).view(g_rows, cfg["noise_dim"])
    noise_g = f32(fx["noise_g"]).view(g_rows, cfg["noise_dim"])
    ones = torch.ones(d_rows, 1)

    # D's step: real vs real_label, detached fake vs 0, gradients added.
    D.zero_grad()
    l_real = bce(D(real), torch.full((d_rows, 1), float(cfg["real_label"])))
    l_real.backward()
    fake = G(noise_d).detach().reshape(d_rows, -1)
    l_fake = bce(D(fake), torch.zeros(d_rows, 1))
    l_fake.backward()
    d_opt.step()

    # G's step: fresh noise, non-saturating loss through D, Adam on G only.
    G.zero_grad()
    fake = G(noise_g)
    l_g = bce(D(fake.reshape(d_rows, -1)), ones)
    l_g.backward()
    g_opt.step()

    # Moments of G's batch as ganui's meanStd32: float64, population std.
    xs = fake.detach().reshape(-1, dim).double()
    mean, std = xs.mean(0), xs.std(0, unbiased=False)
    stats = {"d_real": l_real.item(), "d_fake": l_fake.item(), "g": l_g.item(),
             "mean": mean[0].item(), "std": std[0].item(),
             "mean_y": mean[1].item() if dim == 2 else 0.0,
             "std_y": std[1].item() if dim == 2 else 0.0}
    return g_lin, d_lin, g_opt, d_opt, stats


def split(flat, linears):
    """Cuts a flat array in ganui's Params layout (per layer W row-major,
    then b) into (W, b) per layer."""
    out, off = [], 0
    for lin in linears:
        nw, nb = lin.weight.numel(), lin.bias.numel()
        out.append((flat[off:off + nw], flat[off + nw:off + nw + nb]))
        off += nw + nb
    assert off == len(flat), "Adam state does not match the layers"
    return out


def flat(layers):
    """A net's weights in ganui's Params layout: per layer W, then b."""
    return torch.cat([torch.cat([f32(l["w"]), f32(l["b"])]) for l in layers])


def adam_rule_ulps(fx, net, lr, beta1, beta2, eps):
    """Applies torch.optim.Adam's step-1 arithmetic (PyTorch 1.13,
    single-tensor) to ganui's own weights before and Adam moments, and
    returns the largest difference from ganui's weights after, in units in
    the last place of max(|before|, |after|, lr): the check of the update
    rule by itself, apart from the gradients."""
    adam = fx[net + "_adam"]
    t = adam["t"]
    m, v = f32(adam["m"]), f32(adam["v"])
    before, after = flat(fx[net + "_before"]), flat(fx[net + "_after"])
    p = before.clone()
    denom = (v.sqrt() / math.sqrt(1 - beta2 ** t)).add_(eps)
    p.addcdiv_(m, denom, value=-lr / (1 - beta1 ** t))
    big = torch.maximum(torch.maximum(before.abs(), after.abs()), torch.tensor(lr, dtype=torch.float32))
    ulp = torch.nextafter(big, torch.tensor(math.inf)) - big
    return ((p - after).abs() / ulp).max().item()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("fixtures", nargs="+", help="onestep-PRESET.json.gz files")
    ap.add_argument("--tol", type=float, default=1e-5,
                    help="largest relative difference accepted (default 1e-5)")
    ap.add_argument("--ulps", type=float, default=2,
                    help="largest difference of the Adam-rule check, in ulps (default 2)")
    args = ap.parse_args()
    torch.set_num_threads(1)

    worst_all, failed = 0.0, []
    for path in args.fixtures:
        fx = load(path)
        cfg = fx["config"]
        g_lin, d_lin, g_opt, d_opt, stats = epoch(fx)
        print(f"{path}: preset {cfg['name']}, seed {fx['seed']}, ganui kernels {fx['isa']}, "
              f"torch {torch.__version__}")
        print(f"  {'tensor':<22} {'max|diff|':>10} {'max|ganui|':>10} {'relative':>10} {'of update':>10}")
        worst = 0.0

        def row(name, ours, theirs, update=None):
            nonlocal worst
            diff = (ours.double() - theirs.double()).abs().max().item()
            scale = theirs.double().abs().max().item()
            rel = diff / scale if scale > 0 else (0.0 if diff == 0 else math.inf)
            worst = max(worst, rel)
            if not rel <= args.tol:
                failed.append(f"{path}: {name} {rel:.3g}")
            upd = f"{diff / update:10.3g}" if update else ""
            print(f"  {name:<22} {diff:10.3g} {scale:10.3g} {rel:10.3g} {upd}")

        for net, lins, opt in (("G", g_lin, g_opt), ("D", d_lin, d_opt)):
            key = net.lower()
            after, before = fx[key + "_after"], fx[key + "_before"]
            adam = fx[key + "_adam"]
            m = split(f32(adam["m"]), lins)
            v = split(f32(adam["v"]), lins)
            for i, lin in enumerate(lins):
                for pname, p, j in (("W", lin.weight, 0), ("b", lin.bias, 1)):
                    field = "w" if j == 0 else "b"
                    theirs = f32(after[i][field]).view_as(p)
                    update = (theirs - f32(before[i][field]).view_as(p)).abs().max().item()
                    row(f"{net}{i} {pname} after", p.detach(), theirs, update)
                    st = opt.state[p]
                    assert int(st["step"]) == adam["t"]
                    row(f"{net}{i} {pname} adam m", st["exp_avg"], m[i][j].view_as(p))
                    row(f"{net}{i} {pname} adam v", st["exp_avg_sq"], v[i][j].view_as(p))
        for k in ("d_real", "d_fake", "g", "mean", "std", "mean_y", "std_y"):
            if fx["dim"] == 1 and k in ("mean_y", "std_y"):
                continue
            row(f"{k}", torch.tensor([stats[k]], dtype=torch.float64),
                torch.tensor([fx["stats"][k]], dtype=torch.float64))
        for net in ("g", "d"):
            u = adam_rule_ulps(fx, net, cfg[net + "_lr"], cfg[net + "_beta1"], cfg[net + "_beta2"], cfg["eps"])
            print(f"  {net.upper()} Adam rule on ganui's moments: {u:g} ulp of the weights after")
            if not u <= args.ulps:
                failed.append(f"{path}: {net.upper()} Adam rule {u:g} ulp")
        print(f"  worst relative difference: {worst:.3g} (tolerance {args.tol:g})")
        worst_all = max(worst_all, worst)

    if failed:
        print("NOT within tolerance:\n  " + "\n  ".join(failed))
        sys.exit(1)
    print(f"all within {args.tol:g}: worst {worst_all:.3g}")


if __name__ == "__main__":
    main()
