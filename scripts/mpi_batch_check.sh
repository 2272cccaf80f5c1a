#!/usr/bin/env bash
# The same batch under mpirun (2 and 3 ranks) and in one process: the finished
# directories must be byte-identical. Used by ctest (test batch/mpi_matches_local, label mpi).
# Usage: scripts/mpi_batch_check.sh CAMPSIM MPIEXEC [SCRATCH_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
campsim=$1
mpiexec=$2
scratch=${3:-$(mktemp -d)}
rm -rf "$scratch"
mkdir -p "$scratch"

args=(scenarios/gao_baseline.yaml --policies scenarios/gao_12h_shifts.yaml --replications 6 --days 1 --seed 5)
"$campsim" batch "${args[@]}" --quiet --threads 2 --out "$scratch/local"

# Open MPI refuses to run as root unless told, and a 2-core machine needs --oversubscribe.
# 2 ranks: a coordinator and one worker; 3 ranks: two workers sharing the jobs out dynamically.
root_flag=()
if [ "$(id -u)" = 0 ]; then root_flag=(--allow-run-as-root); fi
status=0
for ranks in 2 3; do
  # Not --quiet: the summary line says whether the ranks really worked as one batch.
  "$mpiexec" "${root_flag[@]}" --oversubscribe -np "$ranks" "$campsim" batch "${args[@]}" \
      --out "$scratch/mpi$ranks" 2>/dev/null | tee "$scratch/mpi$ranks.out"
  grep -q "$ranks MPI ranks" "$scratch/mpi$ranks.out" || { echo "not run as one MPI batch"; status=1; }
  for file in batch.json results.csv care.csv summary.md; do
    if cmp "$scratch/local/$file" "$scratch/mpi$ranks/$file"; then
      echo "$ranks ranks, same: $file"
    else
      status=1
    fi
  done
  rows=$(($(wc -l < "$scratch/mpi$ranks/results.csv") - 1))
  echo "$ranks ranks: $rows rows"
  [ "$rows" -eq 12 ] || status=1
done
exit $status
