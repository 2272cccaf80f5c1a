#!/usr/bin/env bash
# kill -9 trials (docs/reliability.md): a batch is killed with SIGKILL at a random instant (up to
# three times in a row, each resume killed again), then resumed to the end; its files must be
# byte-identical to an uninterrupted batch. Then a run is killed during its write phase and the
# next run into the same place must leave no NAME.tmp-PID behind.
#   bash scripts/kill9_trials.sh [TRIALS=25] [CAMPSIM=build/release/apps/campsim]
set -uo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-25}
CAMPSIM=${2:-build/release/apps/campsim}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/campsim-kill9.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
BATCH=(batch scenarios/gao_baseline.yaml --policies scenarios/gao_12h_shifts.yaml --replications 6 --days 1 --seed 11
       --set threats.indirect_fire.arrivals.per_day=20 -q)
"$CAMPSIM" "${BATCH[@]}" --out "$WORK/whole" || { echo "kill9: the uninterrupted batch failed"; exit 1; }

same=0 kills=0
for ((t = 0; t < TRIALS; t++)); do
  dir=$WORK/trial-$t
  for ((k = 0; k < 3; k++)); do
    resume=()
    [[ -d $dir ]] && resume=(--resume)
    CAMPSIM_BATCH_ROW_DELAY_MS=40 "$CAMPSIM" "${BATCH[@]}" --out "$dir" "${resume[@]}" >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [[ $? -eq 137 ]] && kills=$((kills + 1))  # killed, not finished before the signal
  done
  resume=()
  [[ -d $dir ]] && resume=(--resume)
  "$CAMPSIM" "${BATCH[@]}" --out "$dir" "${resume[@]}" >"$WORK/resume-$t.log" 2>&1
  if cmp -s "$dir/results.csv" "$WORK/whole/results.csv" && cmp -s "$dir/care.csv" "$WORK/whole/care.csv" &&
     cmp -s "$dir/summary.md" "$WORK/whole/summary.md"; then
    same=$((same + 1))
  else
    echo "kill9: trial $t differs from the uninterrupted batch:"; cat "$WORK/resume-$t.log"
  fi
done
echo "kill9: $same of $TRIALS batches resumed to files identical to the uninterrupted batch ($kills runs of campsim ended by kill -9 on the way)"

# A run killed while writing its directory: the next run cleans the temporary directory.
litter=0 run_kills=0
for ((t = 0; t < 10; t++)); do
  "$CAMPSIM" run scenarios/gao_baseline.yaml --days 30 -q --force --out "$WORK/run" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [[ $? -eq 137 ]] && run_kills=$((run_kills + 1))
  "$CAMPSIM" run scenarios/gao_baseline.yaml --days 0.01 -q --force --out "$WORK/run" >/dev/null 2>&1 || litter=$((litter + 100))
  ls -d "$WORK"/run.tmp-* "$WORK"/run.old-* >/dev/null 2>&1 && litter=$((litter + 1))
done
echo "kill9: $run_kills of 10 runs ended by kill -9 while running or writing; temporary directories left after the next run: $litter"
[[ $same -eq $TRIALS && $litter -eq 0 ]]
