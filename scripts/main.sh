#!/usr/bin/env bash
# The main job: install what is missing, build, run the Gao baseline for 30 days (one run, with
# its readable summary), then the baseline against the shipped response-time policies as a batch
# (a year each, 40 replications on common random numbers) and print the comparison table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
campsim=build/release/apps/campsim
threads=$(nproc 2>/dev/null || echo 2)

echo "== One run: the Gao baseline, 30 days =="
"$campsim" run scenarios/gao_baseline.yaml --days 30 --seed 1 --out runs/gao_baseline --force

echo
echo "== Batch: the baseline and four response-time policies, 40 replications of a year each =="
"$campsim" batch scenarios/gao_baseline.yaml \
  --policies scenarios/policies/pre_authorized_dispatch.yaml \
             scenarios/policies/ambulance_at_main_gate.yaml \
             scenarios/policies/second_crew_standby.yaml \
             scenarios/policies/same_nation_sector_commander.yaml \
  --replications 40 --days 365 --seed 1 --threads "$threads" --out batches/gao_policies --force

echo
echo "== Comparison with today's chain (paired, common random numbers) =="
"$campsim" compare batches/gao_policies
