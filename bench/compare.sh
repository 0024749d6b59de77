#!/usr/bin/env bash
# Speed comparison: ganui (headless) vs the PyTorch reference (bench/torch_reference.py).
#
# usage: bench/compare.sh [PRESET] [EPOCHS] [RUNS]
#        defaults: blog-original 2000 3
#
# Builds ganui from the repo root into a temp dir, then alternates RUNS runs of
#   ganui --headless --preset PRESET --epochs EPOCHS --seed 1 --every 0
#   /usr/bin/python3 bench/torch_reference.py --preset PRESET --epochs EPOCHS --seed 1
# and prints each run's epochs/s, the medians, the ratio ganui/torch and the
# ratio of ganui's median to PyTorch's fastest run.
#
# Environment:
#   GANUI_GOEXPERIMENT  if set, build with GOEXPERIMENT=$GANUI_GOEXPERIMENT (e.g. simd)
#   GANUI_BUILD_FLAGS   extra arguments for `go build` (word-split), e.g. "-tags foo"
set -euo pipefail

preset="${1:-blog-original}"
epochs="${2:-2000}"
runs="${3:-3}"

# Repo root = parent of this script's directory.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

py=/usr/bin/python3
if ! "$py" -c 'import torch' >/dev/null 2>&1; then
    echo "compare.sh: PyTorch not found for $py; run: apt-get update && apt-get install -y python3-torch" >&2
    exit 1
fi

tmpdir="$(mktemp -d)"
trap 'rm -rf "$tmpdir"' EXIT

# shellcheck disable=SC2206  # word splitting of the extra flags is intended
extra=(${GANUI_BUILD_FLAGS:-})
if [[ -n "${GANUI_GOEXPERIMENT:-}" ]]; then
    echo "building ganui (GOEXPERIMENT=$GANUI_GOEXPERIMENT ${GANUI_BUILD_FLAGS:-})" >&2
    GOEXPERIMENT="$GANUI_GOEXPERIMENT" go build ${extra[@]+"${extra[@]}"} -o "$tmpdir/ganui" .
else
    echo "building ganui ${GANUI_BUILD_FLAGS:-}" >&2
    go build ${extra[@]+"${extra[@]}"} -o "$tmpdir/ganui" .
fi

# extract PREFIX OUTPUT: epochs_per_s value from the last line starting with PREFIX.
extract() {
    local prefix="$1" out="$2" line val
    line="$(printf '%s\n' "$out" | grep -E "^${prefix} " | tail -n 1 || true)"
    val="$(printf '%s\n' "$line" | grep -oE 'epochs_per_s=[0-9.eE+-]+' | head -n 1 | cut -d= -f2 || true)"
    if [[ -z "$val" ]]; then
        echo "compare.sh: no '${prefix} ... epochs_per_s=' line in output:" >&2
        printf '%s\n' "$out" | tail -n 5 >&2
        return 1
    fi
    printf '%s\n' "$val"
}

# median of the arguments (mean of the two middle values for an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {
        if (NR % 2) printf "%.1f", v[(NR+1)/2];
        else printf "%.1f", (v[NR/2] + v[NR/2+1]) / 2 }'
}

ganui_eps=()
torch_eps=()
for ((i = 1; i <= runs; i++)); do
    out="$("$tmpdir/ganui" --headless --preset "$preset" --epochs "$epochs" --seed 1 --every 0)"
    g="$(extract final "$out")"
    ganui_eps+=("$g")
    echo "run $i ganui: $(printf '%s\n' "$out" | grep -E '^final ' | tail -n 1)"

    out="$("$py" bench/torch_reference.py --preset "$preset" --epochs "$epochs" --seed 1)"
    t="$(extract torch "$out")"
    torch_eps+=("$t")
    echo "run $i torch: $(printf '%s\n' "$out" | grep -E '^torch ' | tail -n 1)"
done

# ratio A B: A/B to two decimals ("inf" when B is 0).
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'
}

gm="$(median "${ganui_eps[@]}")"
tm="$(median "${torch_eps[@]}")"
# PyTorch's speed can come in modes lasting tens of seconds (bench/README.md,
# section 0, step 18), and a median of a few runs may then be a slow one: the
# ratio against its fastest run is the one that cannot flatter ganui.
tb="$(printf '%s\n' "${torch_eps[@]}" | sort -g | tail -n 1)"
echo "$preset epochs=$epochs runs=$runs ganui_median=$gm torch_median=$tm ratio=$(ratio "$gm" "$tm")× torch_fastest=$tb ratio_to_fastest=$(ratio "$gm" "$tb")×"
