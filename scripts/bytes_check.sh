#!/usr/bin/env bash
# Fingerprint of every output the program writes, for "the outputs are byte-identical" checks
# around a performance change (issue 25).
#
# Runs every shipped scenario (scenarios/, scenarios/policies, scenarios/studies, the replays) at
# two seeds with a short --days, plus a small batch on 1 and on 2 threads, and prints one line
# "sha256  what/file" per output file. Lines that carry the program's version or git revision
# are dropped before hashing (they differ between any two commits by design); batch.lock holds
# a process id and is skipped. Nothing else is filtered: a difference anywhere else is real.
#
# Usage: scripts/bytes_check.sh [CAMPSIM_BINARY] > fingerprint.txt
#        diff before.txt after.txt          # empty: byte-identical
# Environment: DAYS (default 2), SEEDS (default "1 2"), KEEP=1 keeps the work folder.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$here/build/release/apps/campsim}")
days=${DAYS:-2}
seeds=${SEEDS:-"1 2"}
work=$(mktemp -d /tmp/bytes_check.XXXXXX)
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$work"' EXIT

# Hash a file with the version/revision lines removed (manifest.json, batch.json).
hash_file() {
  case $1 in
    *.json) grep -v -E '"(campsim_version|git_revision)"' "$1" | sha256sum | cut -d' ' -f1 ;;
    *) sha256sum < "$1" | cut -d' ' -f1 ;;
  esac
}

fingerprint_dir() {   # DIR LABEL
  local f
  for f in $(cd "$1" && find . -type f ! -name batch.lock | sort); do
    echo "$(hash_file "$1/$f")  $2/${f#./}"
  done
}

cd "$here"   # scenarios name each other by relative path (extends:)
mapfile -t scenarios < <(find scenarios -name '*.yaml' | sort)
for scenario in "${scenarios[@]}"; do
  for seed in $seeds; do
    label="run/$(basename "$scenario" .yaml)/seed$seed"
    out="$work/$label"
    if "$bin" run "$scenario" --days "$days" --seed "$seed" --out "$out" --force -q \
        > "$work/stdout" 2>&1; then
      fingerprint_dir "$out" "$label"
    else
      echo "exit$?  $label (fails: $(head -c 200 "$work/stdout" | tr '\n' ' '))"
    fi
  done
done

# A batch with policies, on one and two threads: the rows must not depend on the thread count.
for threads in 1 2; do
  label="batch/threads$threads"
  "$bin" batch scenarios/gao_baseline.yaml \
    --policies scenarios/policies/pre_authorized_dispatch.yaml \
    -n 6 --days "$days" --threads "$threads" --out "$work/$label" --force -q
  fingerprint_dir "$work/$label" "$label"
done

# A recording (every world snapshot) of the baseline and of the protest.
for scenario in scenarios/gao_baseline.yaml scenarios/replay_2015-01-27_gao_protest.yaml; do
  label="record/$(basename "$scenario" .yaml)"
  "$bin" run "$scenario" --days 1 --seed 1 --record --out "$work/$label" --force -q
  fingerprint_dir "$work/$label" "$label"
done

# validate prints its verdict; the text is an output too.
for scenario in "${scenarios[@]}"; do
  echo "$("$bin" validate "$scenario" 2>&1 | sha256sum | cut -d' ' -f1)  validate/$scenario"
done
