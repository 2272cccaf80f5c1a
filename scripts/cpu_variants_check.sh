#!/usr/bin/env bash
# Do campsim's outputs depend on which of glibc's libm variants the CPU gets? glibc picks its exp,
# log, log1p, expm1, pow, atan2, sin and cos by the CPU at run time (FMA, AVX or plain SSE2
# variants), and the variants round some last bits differently. This runs the same commands twice,
# the second time with glibc told to ignore FMA, AVX, AVX2 and AVX-512 (GLIBC_TUNABLES: what a CPU
# without them, or a virtual machine that hides them, would get), and names every output file that
# differs. Before the model's functions came from sim/engine/portable_math.hpp, a year of the
# high-threat scenario wrote other fatigue and vigilance digits, and a recording other bytes; now
# nothing may differ (ctest: reliability/same_bytes_without_fma), the analysis commands included.
# Usage: scripts/cpu_variants_check.sh [CAMPSIM] (default build/release/apps/campsim), from the
# source folder. Exit 0: every file identical; 1: some differ (listed); 77: nothing to compare on
# this machine (no x86-64 glibc loader, or a CPU without x86-64-v3, which already gets the plain
# variants).
set -euo pipefail
campsim=$(realpath "${1:-build/release/apps/campsim}")
source_dir=$(pwd)
ldso=/lib64/ld-linux-x86-64.so.2
plain='glibc.cpu.hwcaps=-AVX,-AVX2,-FMA,-AVX512F'

fail() { echo "cpu_variants_check: $*" >&2; exit 1; }
# The loader's mask of active hardware levels (bit 0 x86-64-v4, bit 1 x86-64-v3, bit 2 x86-64-v2,
# in the order of dl_hwcaps_subdirs); it applies the tunables as the program's own start would.
levels() { "$ldso" --list-diagnostics 2>/dev/null | sed -n 's/^dl_hwcaps_subdirs_active=//p'; }
[[ -x $ldso ]] || { echo "no $ldso: skipped"; exit 77; }
"$ldso" --list-diagnostics 2>/dev/null | grep -q '^dl_hwcaps_subdirs=".*x86-64-v3' || { echo "the loader names no x86-64-v3: skipped"; exit 77; }
native=$(levels)
(( native & 2 )) || { echo "this CPU has no x86-64-v3 (FMA, AVX2): skipped"; exit 77; }
without=$(GLIBC_TUNABLES=$plain levels)
(( without & 2 )) && fail "GLIBC_TUNABLES=$plain left x86-64-v3 active (mask $without): the check would prove nothing"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$source_dir"
# Each command writes into OUT; run once natively (a) and once with the plain variants (b). Both
# write at the same path (reports name their folder), then move aside. With SEED=DIR set, OUT
# starts as a copy of DIR (compare writes its report into a batch's folder).
run_both() {
  local name=$1
  shift
  local out=$scratch/work/$name
  for variant in a b; do
    rm -rf "$out"
    mkdir -p "$(dirname "$out")" "$(dirname "$scratch/$variant/$name")"
    [[ -n ${SEED:-} ]] && cp -r "$SEED" "$out"
    if [[ $variant == b ]]; then
      GLIBC_TUNABLES=$plain "$campsim" "${@//OUT/$out}" >/dev/null
    else
      "$campsim" "${@//OUT/$out}" >/dev/null
    fi
    mv "$out" "$scratch/$variant/$name"
  done
}
# Guards, alarms and shelter runs, the medical chain, over years (exp, log: lognormal draws).
run_both baseline_batch batch scenarios/gao_baseline.yaml -n 4 --days 365 --seed 3 --threads 2 --out OUT -q
# Every kind of attack, fights with line of sight and fire (atan2, exp), indirect fire (sin, cos).
run_both high_threat run scenarios/gao_high_threat.yaml --days 365 --seed 2 --out OUT -q
# The 2016 complex attack, a ground fight in the camp, replayed.
run_both complex_attack replay scenarios/replay_2016-05-31_gao.yaml -n 40 --csv OUT
# The 2015 protest: the crowd, its perception and the escalation.
run_both protest run scenarios/replay_2015-01-27_gao_protest.yaml --seed 1 --out OUT -q
# A recording: every snapshot of a day.
run_both recorded_day run scenarios/gao_baseline.yaml --days 1 --seed 1 --record --out OUT -q
# The analysis reads batches with glibc's and Boost's functions, not the portable ones (t
# quantiles, the bootstrap's normal quantiles, Morris and Sobol' indices, the calibration's
# band): checked here on these inputs, not guaranteed in general (docs/reliability.md).
SEED=$scratch/a/baseline_batch run_both compare compare OUT -q
run_both morris sensitivity scenarios/gao_baseline.yaml --parameters analysis/calibration/parameters.yaml \
  --samples 2 --days 30 --threads 2 --no-plots --out OUT --force -q
run_both sobol sensitivity scenarios/gao_baseline.yaml --parameters analysis/calibration/parameters.yaml \
  --method sobol --samples 8 --days 30 --threads 2 --no-plots --out OUT --force -q
run_both calibrate calibrate scenarios/gao_baseline.yaml --targets analysis/calibration/targets.yaml \
  --parameters analysis/calibration/parameters.yaml --replications 2 --days 30 --threads 2 --no-plots --out OUT --force -q

compared=0 differing=0
while IFS= read -r -d '' file; do
  rel=${file#"$scratch/a/"}
  [[ $(basename "$rel") == batch.lock ]] && continue  # the writer's process id, not an output
  [[ -f $scratch/b/$rel ]] || fail "$rel was written natively but not with the plain variants"
  compared=$((compared + 1))
  if ! cmp -s "$file" "$scratch/b/$rel"; then
    differing=$((differing + 1))
    case $rel in
      *.csv | *.jsonl) echo "differs: $rel ($(diff <(tr ',' '\n' <"$file") <(tr ',' '\n' <"$scratch/b/$rel") | grep -c '^<') fields)" ;;
      *) echo "differs: $rel ($(cmp -l "$file" "$scratch/b/$rel" | wc -l) bytes)" ;;
    esac
  fi
done < <(find "$scratch/a" -type f -print0 | sort -z)
[[ -f $scratch/a/compare/report/report.md ]] || fail "compare wrote no report"
echo "cpu_variants_check: $compared files compared, $differing differ (hardware levels $native natively, $without without FMA/AVX)"
(( differing == 0 ))
