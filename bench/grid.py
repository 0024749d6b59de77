#!/usr/bin/python3
"""The grid benchmark of bench/README.md: blog-original's networks at hidden
widths 50, 128, 256, 512, 1024 and 1 or 100 rows of 100 per step, trained
by ganui (default and SIMD builds), the dense C reference (bench/cref/blog.c,
gcc -O3 -march=native -ffast-math) and PyTorch (bench/torch_reference.py:
the BLAS python3-torch links, and OpenBLAS on 1 and 2 threads when
libopenblas0 is installed).

Every grid point runs each program RUNS times, alternated: round r runs all
of them once, in an order rotated from round to round, so that a change of
the machine's speed hits them alike. Each run reports its own training-loop
rate (epochs/s, start-up excluded, as bench/compare.sh). The table gives,
per program, the median rate and the spread (min..max as a percentage of
the median), and the ratios of RATIOS as the median of the per-round
ratios, with their min..max. ganui-simd may split a large
product with a second goroutine (engine/pool.go: both cores);
ganui-simd-1t is the same binary with GOMAXPROCS=1, one core.

usage: bench/grid.py [--runs N] [--widths 50,128,...] [--rows 1,100]
                     [--scale S | --epochs N] [--only ganui-simd,cref,...]

--scale multiplies every point's epoch count (default 1: about 0.1-0.5 s
for ganui SIMD per run; never fewer than 4 epochs, which at 100 rows from
width 256 measures the start of a run); --epochs sets every point's.

Needs: go (1.26, GOEXPERIMENT=simd for the SIMD build), gcc, and for the
PyTorch columns /usr/bin/python3 with torch (apt-get install -y
python3-torch; libopenblas0 for the OpenBLAS columns). Columns whose tool
is missing are left out.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPENBLAS_DIRS = ["/usr/lib/x86_64-linux-gnu/openblas-pthread", "/usr/lib/x86_64-linux-gnu/openblas-openmp",
                 "/usr/lib/x86_64-linux-gnu/openblas-serial"]
REFBLAS_DIR = "/usr/lib/x86_64-linux-gnu/blas"


# The ratios in the table: one core against one (C, PyTorch on one
# thread), both cores against PyTorch on two.
RATIOS = [("ganui-simd-1t", "cref"), ("ganui-simd-1t", "torch-openblas"), ("ganui-simd", "torch-openblas-2t"),
          ("ganui-simd-1t", "torch-refblas"), ("ganui-simd-1t", "ganui-default")]


def epochs_for(width, rows, scale):
    """About equal work per point: 2,000 epochs at width 50, one row."""
    work = rows * width * (200 + width)
    return max(4, min(5000, round(scale * 2000 * 12500 / work)))


def build(tmp):
    progs = {}
    env = dict(os.environ)
    env.pop("GOEXPERIMENT", None)
    subprocess.run(["go", "build", "-o", f"{tmp}/ganui", "."], cwd=ROOT, check=True, env=env)
    progs["ganui-default"] = f"{tmp}/ganui"
    env["GOEXPERIMENT"] = "simd"
    subprocess.run(["go", "build", "-o", f"{tmp}/ganui-simd", "."], cwd=ROOT, check=True, env=env)
    progs["ganui-simd"] = f"{tmp}/ganui-simd"
    progs["ganui-simd-1t"] = f"{tmp}/ganui-simd"  # GOMAXPROCS=1: no helper goroutine
    if shutil.which("gcc"):
        subprocess.run(["gcc", "-O3", "-march=native", "-ffast-math", "-o", f"{tmp}/cref",
                        os.path.join(ROOT, "bench/cref/blog.c"), "-lm"], check=True)
        progs["cref"] = f"{tmp}/cref"
    return progs


def torch_variants():
    """(name, environment) for each PyTorch column this machine can run."""
    py = "/usr/bin/python3"
    if subprocess.run([py, "-c", "import torch"], capture_output=True).returncode != 0:
        print("grid: no PyTorch for /usr/bin/python3 (apt-get install -y python3-torch): no PyTorch columns",
              file=sys.stderr)
        return []
    out = []
    # OpenBLAS chooses its kernels for the CPU it finds. A machine-wide
    # OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE overrides that choice (this
    # development machine's environment sets OPENBLAS_CORETYPE=Haswell,
    # AVX2 kernels on an AVX-512 CPU, which ran its products at 0.6-0.8x
    # the speed of the Cooperlake kernels it picks itself): the anchor
    # runs without them.
    base = {k: v for k, v in os.environ.items() if not k.startswith("OPENBLAS_")}
    base.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    ref = os.path.isfile(os.path.join(REFBLAS_DIR, "libblas.so.3"))
    ob = next((d for d in OPENBLAS_DIRS if os.path.isfile(os.path.join(d, "libblas.so.3"))), None)
    if ref:
        out.append(("torch-refblas", dict(base, LD_LIBRARY_PATH=REFBLAS_DIR), 1))
    elif not ob:
        out.append(("torch", base, 1))
    if ob:
        obenv = dict(base, LD_LIBRARY_PATH=ob)
        print(f"grid: OpenBLAS runs its {openblas_core(py, obenv)} kernels", file=sys.stderr)
        out.append(("torch-openblas", obenv, 1))
        # Two threads in the BLAS only: torch's own OpenMP threads on top of
        # OpenBLAS's oversubscribe two cores (both spin-wait).
        out.append(("torch-openblas-2t", dict(obenv, OPENBLAS_NUM_THREADS="2"), 1))
    return out


def openblas_core(py, env):
    """The kernel family OpenBLAS picks for this CPU (OPENBLAS_VERBOSE=2)."""
    probe = subprocess.run([py, "-c", "import torch; torch.zeros(2, 2) @ torch.zeros(2, 2)"],
                           capture_output=True, text=True, env=dict(env, OPENBLAS_VERBOSE="2"))
    m = re.search(r"Core: (\w+)", probe.stdout + probe.stderr)
    return m.group(1) if m else "default"


def command(name, progs, width, rows, epochs):
    if name.startswith("ganui"):  # ganui-simd may use both cores for large products (engine/pool.go)
        return [progs[name], "--headless", "--preset", "blog-original", "--set", f"g_hidden={width},{width}",
                "--set", f"d_hidden={width},{width}", "--set", f"batch={100 * rows}", "--epochs", str(epochs),
                "--every", "0", "--seed", "1"]
    if name == "cref":
        return [progs[name], "--width", str(width), "--rows", str(rows), "--epochs", str(epochs), "--seed", "1"]
    return None


def rate(out):
    m = re.findall(r"epochs_per_s=([0-9.eE+-]+)", out)
    if not m:
        raise RuntimeError("no epochs_per_s in output:\n" + out[-500:])
    return float(m[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--widths", default="50,128,256,512,1024")
    ap.add_argument("--rows", default="1,100")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--epochs", type=int, default=0, help="epochs at every point (default: from --scale)")
    ap.add_argument("--only", default="", help="comma-separated columns to run (default: all)")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="ganui-grid-")
    try:
        progs = build(tmp)
        names = list(progs)
        tv = torch_variants()
        tenv = {n: (e, t) for n, e, t in tv}
        names += [n for n, _, _ in tv]
        if args.only:
            keep = args.only.split(",")
            names = [n for n in names if n in keep]
        ratios = [(a, b) for a, b in RATIOS if a in names and b in names]
        head = ["width", "rows", "epochs"] + [f"{n} epochs/s (spread)" for n in names] + [f"{a}/{b}" for a, b in ratios]
        print("| " + " | ".join(head) + " |")
        print("|" + " --- |" * len(head))
        for rows in [int(r) for r in args.rows.split(",")]:
            for width in [int(w) for w in args.widths.split(",")]:
                epochs = args.epochs or epochs_for(width, rows, args.scale)
                rates = {n: [] for n in names}
                for r in range(args.runs):
                    k = r % len(names)
                    for n in names[k:] + names[:k]:
                        if n in tenv:
                            env, threads = tenv[n]
                            cmd = ["/usr/bin/python3", os.path.join(ROOT, "bench/torch_reference.py"), "--preset",
                                   "blog-original", "--width", str(width), "--rows", str(rows), "--epochs",
                                   str(epochs), "--seed", "1", "--threads", str(threads), "--samples", "1000"]
                        else:
                            env, cmd = os.environ, command(n, progs, width, rows, epochs)
                            if n == "ganui-simd-1t":
                                env = dict(os.environ, GOMAXPROCS="1")
                        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
                        if p.returncode != 0:
                            raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr[-500:]}")
                        rates[n].append(rate(p.stdout))
                cells = []
                for n in names:
                    med = statistics.median(rates[n])
                    lo, hi = min(rates[n]), max(rates[n])
                    cells.append(f"{med:,.1f} ({100 * (lo - med) / med:+.0f}..{100 * (hi - med) / med:+.0f}%)")
                for a, b in ratios:
                    q = [x / y for x, y in zip(rates[a], rates[b])]
                    cells.append(f"{statistics.median(q):.2f}× ({min(q):.2f}..{max(q):.2f})")
                print(f"| {width} | {rows} | {epochs} | " + " | ".join(cells) + " |", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
