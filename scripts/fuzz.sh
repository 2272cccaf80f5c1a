#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, the `fuzz` preset: clang-14 with ASan+UBSan, its own build
# directory build/fuzz) and runs each for a bounded time, two at a time (the machine's two cores),
# then prints the executions of each target and the total. Exit 1 if any target found a crash,
# a leak, a timeout or a broken property (the input is kept in build/fuzz/findings/).
#   CAMPSIM_FUZZ_SECONDS   seconds per target (default 70: seven targets, two at a time, ~5 min with the build)
#   CAMPSIM_FUZZ_JOBS      targets at a time (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SECONDS_PER_TARGET=${CAMPSIM_FUZZ_SECONDS:-70}
JOBS=${CAMPSIM_FUZZ_JOBS:-2}
TARGETS=(fuzz_values fuzz_csv_readers fuzz_scenario_loader fuzz_set_override fuzz_batch_readers fuzz_recording fuzz_design_files)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${TARGETS[@]}" -- -j"$(nproc)"

BUILD=build/fuzz
FINDINGS=$BUILD/findings
mkdir -p "$FINDINGS"

# Seed corpora: the shipped scenarios (and the scenario tests' files) for the loader, lines of
# fuzz/seeds/*.txt for overrides and values, batch files for the CSV readers.
seed_corpus() {
  local target=$1 dir=$BUILD/corpus/$1
  mkdir -p "$dir"
  case $target in
    fuzz_scenario_loader)
      cp scenarios/*.yaml scenarios/policies/*.yaml "$dir"/
      cp tests/scenario/data/*.yaml "$dir"/ 2>/dev/null || true ;;
    fuzz_set_override | fuzz_values)
      local file=fuzz/seeds/set_overrides.txt
      [[ $target == fuzz_values ]] && file=fuzz/seeds/values.txt
      local i=0
      while IFS= read -r line; do printf '%s' "$line" > "$dir/seed-$i"; i=$((i + 1)); done < "$file" ;;
    fuzz_csv_readers)
      cp fuzz/seeds/csv/* "$dir"/ ;;
    fuzz_batch_readers)  # a flag byte (1: finished), then batch.json, results, care, checksums split by 0xFF
      cp fuzz/seeds/batch/* "$dir"/ ;;
    fuzz_recording)      # a recording of 86 s of the baseline (campsim run --days 0.001 --record)
      cp fuzz/seeds/recording/* "$dir"/ ;;
    fuzz_design_files)   # the shipped designs and parameter files, and one design of each kind
      cp fuzz/seeds/design/* "$dir"/ ;;
  esac
}

max_len() {
  case $1 in
    fuzz_scenario_loader) echo 24000 ;;
    fuzz_csv_readers) echo 20000 ;;
    fuzz_batch_readers) echo 40000 ;;
    fuzz_recording) echo 64000 ;;
    fuzz_design_files) echo 8000 ;;
    *) echo 512 ;;
  esac
}

run_target() {
  local target=$1 log=$BUILD/fuzz-$1.log
  seed_corpus "$target"
  set +e
  # -timeout: one input taking longer is a hang; -rss_limit_mb: memory blow-ups are findings.
  "$BUILD/fuzz/$target" "$BUILD/corpus/$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
    -rss_limit_mb=2048 -max_len="$(max_len "$target")" -print_final_stats=1 \
    -artifact_prefix="$FINDINGS/$target-" >"$log" 2>&1
  echo $? >"$BUILD/fuzz-$target.rc"
  set -e
}

running=0
for target in "${TARGETS[@]}"; do
  run_target "$target" &
  running=$((running + 1))
  if ((running >= JOBS)); then
    wait -n
    running=$((running - 1))
  fi
done
wait

total=0
failed=0
printf '%-24s %14s %10s  %s\n' target executions exec/s result
for target in "${TARGETS[@]}"; do
  log=$BUILD/fuzz-$target.log
  runs=$(grep 'stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}')
  rate=$(grep 'stat::average_exec_per_sec:' "$log" | tail -1 | awk '{print $2}')
  rc=$(cat "$BUILD/fuzz-$target.rc")
  result=ok
  # Every failure is a finding, a timeout included: yaml-cpp's own hangs are bounded by the loader
  # (sim/scenario/bounded_parse.hpp, 5 s), so an input still slower than -timeout is campsim's.
  if [[ $rc -ne 0 ]]; then
    result="FINDING (exit $rc; see $log and $FINDINGS)"
    failed=1
  fi
  runs=${runs:-0}
  total=$((total + runs))
  printf '%-24s %14s %10s  %s\n' "$target" "$runs" "${rate:-?}" "$result"
done
printf '%-24s %14s\n' total "$total"
exit $failed
