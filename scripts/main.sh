#!/usr/bin/env bash
# The main job: install what is missing, build, run the Gao baseline for 30 days (one run), then
# the baseline against the shipped response-time policies as a batch (a year each, 40 replications
# on common random numbers), compare them, and print the comparison's bottom line last.
#
# Quiet on purpose: a planner reads the conclusion, not a thousand lines of apt and compiler
# output. Everything the stages print goes to one log (named on the first line); the terminal gets
# one line per stage, and on a failure the end of the log.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
log=$PWD/out/main.log
: >"$log"
echo "campsim main job: setup, build and run output go to $log"

# Runs a stage's command into the log; on failure shows the log's end and stops.
quietly() {
  if ! "$@" >>"$log" 2>&1; then
    echo "failed; the last lines of $log:"
    tail -n 40 "$log"
    exit 1
  fi
}

campsim=build/release/apps/campsim
threads=$(nproc 2>/dev/null || echo 2)

printf '[1/5] setup: Debian packages ... '
start=$SECONDS
lines_before=$(wc -l <"$log")
quietly bash scripts/setup.sh main
# setup.sh names what it installs ("setup: installing N missing package(s): ..."); on a fresh
# machine that is most of the first run's wait, so say so.
installed=$(tail -n +"$((lines_before + 1))" "$log" | sed -n 's/^setup: installing \([0-9]*\) missing.*/\1/p' | head -n 1)
if [[ -n $installed ]]; then echo "installed $installed missing packages in $((SECONDS - start)) s"
else echo "present"; fi

printf '[2/5] build: the campsim program, release preset (a few minutes the first time) ... '
start=$SECONDS
# Only what the main job runs: the tests and benchmarks are built by the README's test command.
quietly bash scripts/build.sh release campsim
warnings=$(grep -c 'warning:' "$log" || true)
if ((warnings > 0)); then echo "built in $((SECONDS - start)) s ($warnings compiler warnings, in the log)"
else echo "built in $((SECONDS - start)) s"; fi

printf '[3/5] one run: the Gao baseline, 30 days, seed 1 ... '
quietly "$campsim" run scenarios/gao_baseline.yaml --days 30 --seed 1 --out runs/gao_baseline --force
echo "$PWD/runs/gao_baseline/ (its summary is in the log)"

printf '[4/5] batch: the baseline and four response-time policies, 40 years each ... '
start=$SECONDS
quietly "$campsim" batch scenarios/gao_baseline.yaml \
  --policies scenarios/policies/pre_authorized_dispatch.yaml \
             scenarios/policies/ambulance_at_main_gate.yaml \
             scenarios/policies/second_crew_standby.yaml \
             scenarios/policies/same_nation_sector_commander.yaml \
  --replications 40 --days 365 --seed 1 --threads "$threads" --out batches/gao_policies --force
echo "200 runs in $((SECONDS - start)) s: $PWD/batches/gao_policies/"

echo '[5/5] compare: each policy with today'"'"'s chain, year by year (paired, common random numbers)'
echo
# The bottom line last: the sentences, then where the tables and figures are.
"$campsim" compare batches/gao_policies --bottom-line
echo "tables on the terminal: $campsim compare batches/gao_policies"
