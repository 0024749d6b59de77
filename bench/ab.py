#!/usr/bin/python3
"""Times two commands alternately and prints the ratio of their CPU times.

usage: bench/ab.py [-n RUNS] [--warmup N] 'COMMAND A' 'COMMAND B'

Runs A, B, A, B, ... RUNS times each after --warmup uncounted runs of each
(default 5 and 1), and prints per command the CPU time (user + sys, from
the kernel's accounting of the finished process) and the wall time, as
min, median and max, then the ratio A/B pair by pair (median, min..max).
Alternating keeps a drift of the machine's speed from favouring one side;
the pairwise ratio is the figure to quote on a shared, noisy machine.
The commands are split as a shell splits words, and run without a shell;
their output is discarded. bench/README.md quotes its ratios.
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run(argv):
    """CPU seconds (user + sys) and wall seconds of one run of argv."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"ab: {argv[0]} exited with {os.waitstatus_to_exitcode(status)}", file=sys.stderr)
    return usage.ru_utime + usage.ru_stime, wall


def spread(xs):
    return f"{min(xs):.4g}  {statistics.median(xs):.4g}  {max(xs):.4g}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=5, help="counted runs of each command")
    ap.add_argument("--warmup", type=int, default=1, help="uncounted runs of each command, first")
    ap.add_argument("a")
    ap.add_argument("b")
    args = ap.parse_args()
    if args.n < 1:
        ap.error("-n must be at least 1")
    cmds = [shlex.split(args.a), shlex.split(args.b)]
    for _ in range(args.warmup):
        for c in cmds:
            run(c)
    cpu, wall = ([], []), ([], [])
    for _ in range(args.n):
        for i, c in enumerate(cmds):
            t, w = run(c)
            cpu[i].append(t)
            wall[i].append(w)
    print("                min  median  max")
    for i, name in enumerate("AB"):
        print(f"{name} cpu s       {spread(cpu[i])}")
        print(f"{name} wall s      {spread(wall[i])}")
    print(f"A/B cpu        {spread([a / b for a, b in zip(*cpu)])}")
    print(f"A/B wall       {spread([a / b for a, b in zip(*wall)])}")


if __name__ == "__main__":
    main()
