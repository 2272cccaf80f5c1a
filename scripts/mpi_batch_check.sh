#!/usr/bin/env bash
# The same batch under mpirun (a coordinator and two workers) and in one process: the finished
# directories must be byte-identical. Used by ctest (test batch/mpi_matches_local, label mpi).
# Usage: scripts/mpi_batch_check.sh CAMPSIM MPIEXEC [SCRATCH_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
campsim=$1
mpiexec=$2
scratch=${3:-$(mktemp -d)}
rm -rf "$scratch"
mkdir -p "$scratch"

args=(scenarios/gao_baseline.yaml --policies scenarios/gao_12h_shifts.yaml --replications 6 --days 1 --seed 5 --quiet)
"$campsim" batch "${args[@]}" --threads 2 --out "$scratch/local"

# Open MPI refuses to run as root unless told, and a 2-core machine needs --oversubscribe for 3 ranks.
mpi_flags=(--oversubscribe -np 3)
if [ "$(id -u)" = 0 ]; then mpi_flags=(--allow-run-as-root "${mpi_flags[@]}"); fi
"$mpiexec" "${mpi_flags[@]}" "$campsim" batch "${args[@]}" --out "$scratch/mpi"

status=0
for file in batch.json results.csv casualties.csv summary.md; do
  if cmp "$scratch/local/$file" "$scratch/mpi/$file"; then
    echo "same: $file"
  else
    status=1
  fi
done
rows=$(($(wc -l < "$scratch/mpi/results.csv") - 1))
echo "MPI batch: $rows rows"
[ "$rows" -eq 12 ] || status=1
exit $status
