#!/usr/bin/python3
"""PyTorch reference for ganui's presets, used by bench/compare.sh.

Each preset mirrors the public code ganui reproduces (exact settings are
collected in presets/SOURCES.md):

* blog-original -- rickiepark/pytorch-examples, ``gans-in-50-lines.ipynb``
  (Feb 2017): G maps one row of 100 uniform[0,1) values to one row of 100
  outputs; D scores a whole row of 100 values.  ReLU MLPs with 50 hidden
  units, BCELoss, ``optim.Adam(params)`` defaults (lr 1e-3, betas 0.9/0.999),
  5 D steps then 5 G steps per epoch, target N(4, 1.25).
* devnag-2017 -- devnag/pytorch-generative-adversarial-networks,
  ``gan_pytorch.py`` (Feb 2017): G is a scalar->scalar MLP (Linear(1,50) ELU
  Linear(50,50) sigmoid Linear(50,1)) applied to a 100x1 batch of uniform
  noise; its outputs are transposed into one row.  D sees "data and
  variances": the 100 values followed by (x_i - mean)^2 (``decorate_with_diffs``,
  mean taken from ``data.data`` so no gradient flows through it).  Adam lr 2e-4
  betas (0.9, 0.999), d_steps = g_steps = 1, BCE.
* vanilla -- the per-sample GAN of presets/SOURCES.md "Reference figures":
  uniform noise 100x1, G and D with two hidden layers of 32 leaky ReLU (slope 0.2),
  D ends in a sigmoid and scores every sample alone, BCE (mean), non-saturating
  G loss (target 1), Adam lr 1e-3 betas (0.5, 0.999), batch 100,
  d_steps = g_steps = 1.

PyTorch default initialisation is used everywhere (as in the sources).  The
run is CPU-only with one intra-op thread (--threads to change it).  Only the training loop is timed;
the final metrics (mean, std, Kolmogorov-Smirnov distance against the analytic
N(4, 1.25) CDF) are computed afterwards on --samples fresh generated values.

bench/torch_onestep.py, its sibling, checks one epoch of ganui against
PyTorch to float32 rounding (weights, gradients, losses).

Output: exactly one line on stdout,
  torch preset=NAME seed=S epochs=N epochs_per_s=X wall_s=Y mean=.. std=.. ks=..
plus, only with --every K > 0, a progress line every K epochs (the time spent
on progress lines is excluded from wall_s).
"""

import argparse
import math
import time

import torch
import torch.nn as nn

# Target distribution shared by all presets (both 2017 sources use N(4, 1.25)).
DATA_MEAN = 4.0
DATA_STD = 1.25
BATCH = 100  # row length / minibatch size in every preset

# Default epoch counts taken from the sources (blog 5,000; devnag 30,000;
# the per-sample reference figure was measured after 20,000).
DEFAULT_EPOCHS = {"blog-original": 5000, "devnag-2017": 30000, "vanilla": 20000, "ring": 20000}


def mlp(sizes, act, out_act=None):
    """Linear layers of the given sizes with `act` between them and an
    optional `out_act` after the last one."""
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    if out_act is not None:
        layers.append(out_act())
    return nn.Sequential(*layers)


class Preset:
    """Common interface: build the nets/optimisers, run one epoch, sample."""

    name = ""

    def epoch(self):
        raise NotImplementedError

    def sample(self, n):
        """n fresh generator outputs as a flat tensor (no autograd)."""
        raise NotImplementedError


class BlogOriginal(Preset):
    """rickiepark gans-in-50-lines.ipynb: whole-row generator and critic."""

    name = "blog-original"

    def __init__(self, detach=True, width=50, rows=1):
        # width and rows generalise the notebook (50, 1) for bench/grid.sh:
        # hidden layers of `width` units, `rows` rows of 100 per step.
        self.D = mlp([100, width, width, 1], nn.ReLU, nn.Sigmoid)
        self.G = mlp([100, width, width, 100], nn.ReLU)
        self.loss = nn.BCELoss()
        self.d_opt = torch.optim.Adam(self.D.parameters())  # lr 1e-3, (0.9, 0.999)
        self.g_opt = torch.optim.Adam(self.G.parameters())
        self.rows = rows
        self.ones = torch.ones(rows, 1)
        self.zeros = torch.zeros(rows, 1)
        # The notebook does not detach the fake row in D's step: the backward
        # pass then also runs through G (its grads are zeroed before G's step,
        # so the trained weights are the same).  --no-detach reproduces that.
        self.detach = detach

    def real(self):
        return torch.empty(self.rows, BATCH).normal_(DATA_MEAN, DATA_STD)

    def noise(self, rows=None):
        return torch.rand(self.rows if rows is None else rows, 100)

    def epoch(self):
        for _ in range(5):  # d_steps
            self.D.zero_grad()
            self.loss(self.D(self.real()), self.ones).backward()
            fake = self.G(self.noise())
            if self.detach:
                fake = fake.detach()
            self.loss(self.D(fake), self.zeros).backward()
            self.d_opt.step()
        for _ in range(5):  # g_steps
            self.G.zero_grad()
            self.loss(self.D(self.G(self.noise())), self.ones).backward()
            self.g_opt.step()

    def sample(self, n):
        rows = (n + BATCH - 1) // BATCH  # rows of 100 until we have enough
        with torch.no_grad():
            return self.G(self.noise(rows)).reshape(-1)[:n]


def decorate_with_diffs(row):
    """devnag's "data and variances": [x, (x - mean)^2] along dim 1.  The mean
    comes from `data.data` in the source, i.e. it is a constant for autograd."""
    mean = row.detach().mean(dim=1, keepdim=True)
    return torch.cat([row, (row - mean) ** 2], dim=1)


class Devnag2017(Preset):
    """devnag gan_pytorch.py (Feb 2017), "Data and variances" variant."""

    name = "devnag-2017"

    def __init__(self):
        # G: Linear(1,50) ELU Linear(50,50) sigmoid Linear(50,1)
        self.G = nn.Sequential(
            nn.Linear(1, 50), nn.ELU(), nn.Linear(50, 50), nn.Sigmoid(), nn.Linear(50, 1)
        )
        # D: Linear(200,50) ELU Linear(50,50) ELU Linear(50,1) sigmoid
        self.D = mlp([2 * BATCH, 50, 50, 1], nn.ELU, nn.Sigmoid)
        self.loss = nn.BCELoss()
        self.d_opt = torch.optim.Adam(self.D.parameters(), lr=2e-4, betas=(0.9, 0.999))
        self.g_opt = torch.optim.Adam(self.G.parameters(), lr=2e-4, betas=(0.9, 0.999))
        self.ones = torch.ones(1, 1)
        self.zeros = torch.zeros(1, 1)

    def real(self):
        return torch.empty(1, BATCH).normal_(DATA_MEAN, DATA_STD)

    def noise(self, n=BATCH):
        return torch.rand(n, 1)  # uniform, "_NOT_ Gaussian"

    def epoch(self):
        # d_steps = 1
        self.D.zero_grad()
        self.loss(self.D(decorate_with_diffs(self.real())), self.ones).backward()
        fake = self.G(self.noise()).detach()  # 100x1
        self.loss(self.D(decorate_with_diffs(fake.t())), self.zeros).backward()
        self.d_opt.step()
        # g_steps = 1
        self.G.zero_grad()
        fake = self.G(self.noise())
        self.loss(self.D(decorate_with_diffs(fake.t())), self.ones).backward()
        self.g_opt.step()

    def sample(self, n):
        with torch.no_grad():
            return self.G(self.noise(n)).reshape(-1)


class Vanilla(Preset):
    """Per-sample GAN: D scores each scalar on its own."""

    name = "vanilla"

    def __init__(self):
        lrelu = lambda: nn.LeakyReLU(0.2)
        self.G = mlp([1, 32, 32, 1], lrelu)
        self.D = mlp([1, 32, 32, 1], lrelu, nn.Sigmoid)
        self.loss = nn.BCELoss()  # mean over the batch
        self.d_opt = torch.optim.Adam(self.D.parameters(), lr=1e-3, betas=(0.5, 0.999))
        self.g_opt = torch.optim.Adam(self.G.parameters(), lr=1e-3, betas=(0.5, 0.999))
        self.ones = torch.ones(BATCH, 1)
        self.zeros = torch.zeros(BATCH, 1)

    def real(self):
        return torch.empty(BATCH, 1).normal_(DATA_MEAN, DATA_STD)

    def noise(self, n=BATCH):
        return torch.rand(n, 1)

    def epoch(self):
        # D step: real batch vs 1, detached fake batch vs 0 (grads accumulate).
        self.D.zero_grad()
        self.loss(self.D(self.real()), self.ones).backward()
        fake = self.G(self.noise()).detach()
        self.loss(self.D(fake), self.zeros).backward()
        self.d_opt.step()
        # G step, non-saturating: fake batch vs 1.
        self.G.zero_grad()
        self.loss(self.D(self.G(self.noise())), self.ones).backward()
        self.g_opt.step()

    def sample(self, n):
        with torch.no_grad():
            return self.G(self.noise(n)).reshape(-1)


class Ring:
    """ganui's `ring` preset: the per-sample GAN on a ring of 8 Gaussians
    (radius 2, std 0.02, Metz et al. 2017).  G maps 16 normal noise values
    to a point (x, y) through two hidden layers of 64 ReLU units; D scores
    each point alone through two hidden layers of 64 ReLU units and a
    sigmoid.  BCE (mean), non-saturating G loss, Adam lr 5e-4 betas
    (0.5, 0.999), batch 256, d_steps = g_steps = 1.  With --pack 2 D reads
    two points per row (ganui's ring-pacgan, Lin et al. 2018)."""

    name = "ring"
    batch = 256

    def __init__(self, pack=1):
        self.pack = pack
        self.G = mlp([16, 64, 64, 2], nn.ReLU)
        self.D = mlp([2 * pack, 64, 64, 1], nn.ReLU, nn.Sigmoid)
        self.loss = nn.BCELoss()
        self.d_opt = torch.optim.Adam(self.D.parameters(), lr=5e-4, betas=(0.5, 0.999))
        self.g_opt = torch.optim.Adam(self.G.parameters(), lr=5e-4, betas=(0.5, 0.999))
        rows = self.batch // pack
        self.ones = torch.ones(rows, 1)
        self.zeros = torch.zeros(rows, 1)
        th = torch.arange(8) * (2 * math.pi / 8)
        self.centres = torch.stack([2 * torch.cos(th), 2 * torch.sin(th)], 1)

    def real(self):
        k = torch.randint(0, 8, (self.batch,))
        return self.centres[k] + 0.02 * torch.randn(self.batch, 2)

    def noise(self, n=None):
        return torch.randn(n or self.batch, 16)

    def packed(self, x):
        return x.reshape(-1, 2 * self.pack)

    def epoch(self):
        self.D.zero_grad()
        self.loss(self.D(self.packed(self.real())), self.ones).backward()
        fake = self.G(self.noise()).detach()
        self.loss(self.D(self.packed(fake)), self.zeros).backward()
        self.d_opt.step()
        self.G.zero_grad()
        self.loss(self.D(self.packed(self.G(self.noise()))), self.ones).backward()
        self.g_opt.step()

    def sample(self, n):
        with torch.no_grad():
            return self.G(self.noise(n))

    def quality(self, pts):
        """Modes captured and the high-quality share, VEEGAN/PacGAN's rule:
        a point within 3 std of its nearest centre is of high quality, a
        mode with one high-quality point is captured."""
        d = torch.cdist(pts, self.centres)
        near, k = d.min(1)
        hq = near < 3 * 0.02
        return len(set(k[hq].tolist())), hq.float().mean().item()


PRESETS = {"blog-original": BlogOriginal, "devnag-2017": Devnag2017, "vanilla": Vanilla, "ring": Ring}


def normal_cdf(x, mu=DATA_MEAN, sigma=DATA_STD):
    return 0.5 * (1.0 + math.erf((x - mu) / (sigma * math.sqrt(2.0))))


def ks_distance(xs):
    """Two-sided one-sample Kolmogorov-Smirnov statistic against N(4, 1.25)."""
    xs = sorted(xs)
    n = len(xs)
    d = 0.0
    for i, x in enumerate(xs):
        f = normal_cdf(x)
        d = max(d, (i + 1) / n - f, f - i / n)
    return d


def mean_std(xs):
    """Mean and population std (np.std semantics, as the notebook logs)."""
    n = len(xs)
    m = sum(xs) / n
    return m, math.sqrt(sum((x - m) ** 2 for x in xs) / n)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", choices=sorted(PRESETS), default="blog-original")
    ap.add_argument("--epochs", type=int, default=None,
                    help="default: the source's count (5000 / 30000 / 20000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--samples", type=int, default=10000,
                    help="fresh generated samples for the final metrics")
    ap.add_argument("--every", type=int, default=0,
                    help="progress line every K epochs (0 = none)")
    ap.add_argument("--width", type=int, default=50,
                    help="blog-original only: hidden width (bench/grid.sh)")
    ap.add_argument("--rows", type=int, default=1,
                    help="blog-original only: rows of 100 per step (bench/grid.sh)")
    ap.add_argument("--threads", type=int, default=1,
                    help="intra-op threads (1 unless a benchmark asks for more)")
    ap.add_argument("--pack", type=int, default=1,
                    help="ring only: points per D row (2: ganui's ring-pacgan)")
    ap.add_argument("--no-detach", action="store_true",
                    help="blog-original only: keep the notebook's non-detached "
                         "fake row in D's step (extra backward through G)")
    args = ap.parse_args()
    epochs = args.epochs if args.epochs is not None else DEFAULT_EPOCHS[args.preset]

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    if args.preset == "blog-original":
        model = BlogOriginal(detach=not args.no_detach, width=args.width, rows=args.rows)
    elif args.preset == "ring":
        model = Ring(pack=args.pack)
    else:
        model = PRESETS[args.preset]()

    # Timed training loop; time spent printing progress is subtracted.
    excluded = 0.0
    start = time.perf_counter()
    for ep in range(1, epochs + 1):
        model.epoch()
        if args.every > 0 and ep % args.every == 0:
            t0 = time.perf_counter()
            m, s = mean_std(model.sample(BATCH).reshape(-1).tolist())
            print(f"epoch={ep} mean={m:.4f} std={s:.4f}", flush=True)
            excluded += time.perf_counter() - t0
    wall = time.perf_counter() - start - excluded

    if isinstance(model, Ring):
        modes, hq = model.quality(model.sample(2500))
        eps = epochs / wall if wall > 0 else float("inf")
        print(f"torch preset={args.preset} seed={args.seed} epochs={epochs} "
              f"epochs_per_s={eps:.1f} wall_s={wall:.3f} modes={modes}/8 hq={hq:.4f}")
        return
    xs = model.sample(args.samples).tolist()
    m, s = mean_std(xs)
    ks = ks_distance(xs)
    eps = epochs / wall if wall > 0 else float("inf")
    print(f"torch preset={args.preset} seed={args.seed} epochs={epochs} "
          f"epochs_per_s={eps:.1f} wall_s={wall:.3f} mean={m:.4f} std={s:.4f} ks={ks:.4f}")


if __name__ == "__main__":
    main()
