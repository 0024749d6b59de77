#!/usr/bin/env bash
# The README's quality table: every preset trained on several seeds with
#   ganui --headless --preset NAME --seeds SEEDS --jobs JOBS
# and each summary turned into one markdown row: the median over the seeds
# with the range (min–max) in brackets, and for the moments the target's
# own value after the slash.
#
# usage: bench/quality.sh [SEEDS] [JOBS] [PRESET[:key=value]...]
#        defaults: 1-5, all CPUs, every built-in preset and the variants
#        below; PRESET:key=value runs the preset with --set key=value
#        (a row of its own, labelled so).
# The table goes to stdout, progress to stderr.
set -euo pipefail

seeds="${1:-1-5}"
jobs="${2:-$(nproc)}"
shift $(( $# < 2 ? $# : 2 ))

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/ganui" .)

if (( $# > 0 )); then
    names=("$@")
else
    mapfile -t names < <("$tmp/ganui" --list-presets | awk '/^[^ ]/ {print $1}')
    # devnag-2017 as Dev Nag wrote it detaches the row mean; the true
    # gradient through it is a setting, and the table shows both.
    names+=("devnag-2017:d_input=diffs")
fi

# run NAME[:key=value] ARGS… runs ganui on the preset with the setting.
run() {
    local name="${1%%:*}" set=()
    [[ "$1" == *:* ]] && set=(--set "${1#*:}")
    shift
    "$tmp/ganui" --preset "$name" ${set[@]+"${set[@]}"} "$@"
}

# measure NAME[:key=value] trains the preset's seeds and sets target (its
# spec), out (ganui's lines) and label (the row's name).
measure() {
    echo "quality.sh: $1, seeds $seeds, $jobs jobs" >&2
    target="$("$tmp/ganui" --show-preset "${1%%:*}" | awk -F'"' '$2 == "target" {print $4}')"
    # Exit 3 (some seed diverged) still prints a summary over the others.
    out="$(run "$1" --headless --seeds "$seeds" --jobs "$jobs")" || [[ $? == 3 ]]
    label="$1"
    [[ "$1" == *:* ]] && label="${1%%:*} (${1#*:})"
    return 0
}

# awklib reads ganui's key=value lines: val(field) of the current line,
# num(x, digits) to print.
awklib='
    function val(field,   i) {
        for (i = 2; i <= NF; i++) if (index($i, field "=") == 1) return substr($i, length(field) + 2)
        return ""
    }
    function num(x, digits) { return sprintf("%." digits "f", x) }
'

# Presets on a 2-D target (ring, grid, moons, …) get a table of their own,
# after the 1-D one.
flat=() plane=()
for name in "${names[@]}"; do
    target="$("$tmp/ganui" --show-preset "${name%%:*}" | awk -F'"' '$2 == "target" {print $4}')"
    case "$target" in
        ring\(*|grid\(*|moons\(*|spiral\(*|gaussian2\(*|line\(*|points\(*) plane+=("$name") ;;
        *) flat+=("$name") ;;
    esac
done

if (( ${#flat[@]} > 0 )); then
echo "| preset | target | KS | W1 | mean | std | skew | ex. kurtosis | modes | s per run |"
echo "|---|---|---|---|---|---|---|---|---|---|"
fi
for name in "${flat[@]}"; do
    measure "$name"
    printf '%s\n' "$out" | awk -v name="$label" -v target="$target" "$awklib"'
        function cell(m, digits,   s) {
            s = num(med[m], digits) " (" num(lo[m], digits) " … " num(hi[m], digits) ")"
            if (m in tgt) s = s " / " num(tgt[m], digits)
            return s
        }
        $1 == "summary" && $2 ~ /^preset=/ { runs = val("runs"); diverged = val("diverged") }
        $1 == "summary" && $3 ~ /^median=/ {
            med[$2] = val("median"); lo[$2] = val("min"); hi[$2] = val("max")
            if (val("target") != "") tgt[$2] = val("target")
            if (val("of") != "") of = val("of")
        }
        END {
            modes = ("modes" in med) ? med["modes"] "/" of " (" lo["modes"] " … " hi["modes"] ")" : "–"
            if (diverged > 0) name = name " (" diverged " of " runs " diverged)"
            printf "| %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, target,
                cell("ks", 3), cell("w1", 3), cell("mean", 2), cell("std", 2), cell("skew", 2), cell("kurt", 2),
                modes, cell("wall_s", 1)
        }'
done

# The 2-D table: modes captured and the high-quality share as VEEGAN and
# PacGAN count them on 2,500 samples (engine.PlaneMetrics), the sliced W1
# with the floor a sample of the target itself shows, and the runs that
# meet the 2-D issue's goal: on the 25-mode grid at least 24 modes with at
# least 80% high-quality samples; on other targets of modes every mode
# with at least 90%.
if (( ${#plane[@]} > 0 )); then
    (( ${#flat[@]} > 0 )) && echo
    echo "| preset | target | modes | high quality | sliced W1 (floor) | runs meeting the goal | s per run |"
    echo "|---|---|---|---|---|---|---|"
fi
for name in "${plane[@]}"; do
    measure "$name"
    printf '%s\n' "$out" | awk -v name="$label" -v target="$target" "$awklib"'
        function cell(m, digits) { return num(med[m], digits) " (" num(lo[m], digits) " … " num(hi[m], digits) ")" }
        $1 == "final" && $0 ~ / state=done/ {
            split(val("modes"), mc, "/")
            if (mc[2] == 25 && mc[1] >= 24 && val("hq") >= 0.8 || mc[2] != "" && mc[2] != 25 && mc[1] == mc[2] && val("hq") >= 0.9) good++
            done++
        }
        $1 == "summary" && $2 ~ /^preset=/ { runs = val("runs"); diverged = val("diverged") }
        $1 == "summary" && $3 ~ /^median=/ {
            med[$2] = val("median"); lo[$2] = val("min"); hi[$2] = val("max")
            if (val("of") != "") of = val("of")
        }
        END {
            modes = ("modes" in med) ? med["modes"] "/" of " (" lo["modes"] " … " hi["modes"] ")" : "–"
            hq = ("hq" in med) ? cell("hq", 3) : "–"
            all = ("modes" in med) ? (good + 0) " of " done : "–"
            if (diverged > 0) name = name " (" diverged " of " runs " diverged)"
            printf "| %s | `%s` | %s | %s | %s (%s) | %s | %s |\n", name, target, modes, hq,
                cell("sw1", 3), num(med["sw1_floor"], 3), all, cell("wall_s", 1)
        }'
done
