#!/usr/bin/env bash
# The false-alarm rate of ganui's runaway detection: every built-in preset
# trained to its plan on several seeds, headless, and each diverged run
# counted by how it diverged (divergence=runaway or divergence=nan on its
# final line). A runaway among these healthy designs would be a false
# alarm; the README reports the table.
#
# usage: bench/runaway.sh [SEEDS] [JOBS]
#        defaults: 1-10, all CPUs
set -euo pipefail

seeds="${1:-1-10}"
jobs="${2:-$(nproc)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/ganui" .)

echo "| preset | runs | done | runaway | NaN/Inf | s |"
echo "|---|---|---|---|---|---|"
total=0 alarms=0
for name in $("$tmp/ganui" --list-presets | awk '/^[^ ]/ {print $1}'); do
    echo "runaway.sh: $name, seeds $seeds" >&2
    start=$SECONDS
    # Exit 3 (some seed diverged) is what this counts, not a failure.
    out="$("$tmp/ganui" --headless --preset "$name" --seeds "$seeds" --jobs "$jobs")" || [[ $? == 3 ]]
    runs=$(grep -c '^final ' <<<"$out" || true)
    done=$(grep -c 'state=done' <<<"$out" || true)
    runaway=$(grep -c 'divergence=runaway' <<<"$out" || true)
    nan=$(grep -c 'divergence=nan' <<<"$out" || true)
    echo "| $name | $runs | $done | $runaway | $nan | $((SECONDS - start)) |"
    total=$((total + runs)) alarms=$((alarms + runaway))
done
echo
echo "runaways: $alarms of $total runs"
