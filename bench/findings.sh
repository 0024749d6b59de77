#!/usr/bin/env bash
# The false-alarm survey of ganui's diagnosis: every built-in preset
# trained to its plan on several seeds, headless, one run a seed (so that
# each prints its events and its findings at the end), and the events
# and findings counted by kind. A plateau that later ends well below its
# level, or a collapse followed by a recovery, is what to read each run
# for (bench/README.md, "Findings: false alarms").
#
# usage: bench/findings.sh [FROM-TO] [JOBS] [DIR]
#        defaults: seeds 1-5, 2 jobs, the runs' output in a temporary
#        directory (DIR keeps each run's NAME-SEED.txt and its --log,
#        NAME-SEED.csv, whose losses bench/saturated.py replays the
#        saturated finding on: it marks no event); PRESETS="a b" in the
#        environment surveys those presets only
set -euo pipefail

seeds="${1:-1-5}"
jobs="${2:-2}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out="${3:-$tmp/runs}"
mkdir -p "$out"
(cd "$root" && go build -o "$tmp/ganui" .)

echo "| preset | runs | events | findings at the end |"
echo "|---|---|---|---|"
count() { # the kinds of the lines starting with $1 in files $2…, as "kind N, …"
    local what=$1
    shift
    sed -n "s/^$what .*kind=\([a-z-]*\) .*/\1/p" "$@" | sort | uniq -c | awk '{printf "%s%s %d", (NR > 1 ? ", " : ""), $2, $1}'
}
for name in ${PRESETS:-$("$tmp/ganui" --list-presets | awk '/^[^ ]/ {print $1}')}; do
    echo "findings.sh: $name, seeds $seeds" >&2
    seq "${seeds%-*}" "${seeds#*-}" | xargs -P "$jobs" -I{} sh -c \
        '"$0" --headless --preset "$1" --seed {} --every 0 --log "$2/$1-{}.csv" > "$2/$1-{}.txt" 2>&1 || [ $? = 3 ]' "$tmp/ganui" "$name" "$out"
    files=()
    for s in $(seq "${seeds%-*}" "${seeds#*-}"); do files+=("$out/$name-$s.txt"); done
    echo "| $name | ${#files[@]} | $(count event "${files[@]}") | $(count finding "${files[@]}") |"
done
