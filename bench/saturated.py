#!/usr/bin/python3
"""Replays the `saturated` finding's rule on logged runs and prints each
run's stretches of it.

usage: bench/saturated.py DIR [PRESET ...]

DIR holds bench/findings.sh's runs, NAME-SEED.csv each run's --log. The
finding marks no event (README, Diagnosis), so a stretch that ends before
the run does leaves no line in a headless run's output; its log does.
The rule is session/diagnosis.go's (watch.add, saturated): a loss at its
line on saturatedEpochs (20) epochs in a row or more, the losses taking
turns there too; the line is 90 under BCE and 99 under least squares;
D's losses count only under those, G's too but never feature matching's.
A stretch of 200 is a runaway. Prints per run the loss, the longest
stretch at the line, the highest value of each loss that counts, and every stretch of 20
or more as (first epoch, last epoch, epochs, losses there: 0 D real,
1 D fake, 2 G).
"""

import csv
import glob
import json
import os
import subprocess
import sys

SATURATED_EPOCHS = 20


def design(preset):
    """The loss and whether D's and G's losses count, for preset."""
    cfg = json.loads(subprocess.check_output(["go", "run", ".", "--show-preset", preset],
                                             cwd=os.path.join(os.path.dirname(__file__), "..")))
    d = cfg["loss"] in ("bce", "least_squares")
    return cfg["loss"], d, d and cfg["g_loss"] != "feature_matching", 90 if cfg["loss"] == "bce" else 99


def stretches(path, d, g, line):
    """The longest run of epochs at line, each loss's highest, the stretches."""
    run = longest = start = 0
    which, found, peak, epoch = set(), [], [0.0, 0.0, 0.0], 0
    with open(path) as f:
        for row in csv.DictReader(f):
            epoch = int(row["epoch"])
            v = [float(row["d_real"]) if d else 0, float(row["d_fake"]) if d else 0, float(row["g_loss"]) if g else 0]
            peak = [max(a, b) for a, b in zip(peak, v)]
            if max(v) >= line:
                if run == 0:
                    start, which = epoch, set()
                run += 1
                longest = max(longest, run)
                which |= {i for i in range(3) if v[i] >= line}
                continue
            if run >= SATURATED_EPOCHS:
                found.append((start, epoch - 1, run, sorted(which)))
            run = 0
    if run >= SATURATED_EPOCHS:
        found.append((start, epoch, run, sorted(which)))
    return longest, peak, found


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    runs = sys.argv[1]
    presets = sys.argv[2:] or sorted({os.path.basename(p).rsplit("-", 1)[0] for p in glob.glob(os.path.join(runs, "*.csv"))})
    for preset in presets:
        loss, d, g, line = design(preset)
        for path in sorted(glob.glob(os.path.join(runs, preset + "-[0-9]*.csv")), key=lambda p: int(p.rsplit("-", 1)[1][:-4])):
            longest, peak, found = stretches(path, d, g, line)
            seed = path.rsplit("-", 1)[1][:-4]
            high = ", ".join(f"{name} {v:.3g}" for name, v, counts in zip(("D real", "D fake", "G"), peak, (d, d, g)) if counts)
            print(f"{preset} seed {seed} {loss}, line {line if d else 'none'}: longest {longest}, highest {high or '(none counts)'}; stretches {found}")


if __name__ == "__main__":
    main()
