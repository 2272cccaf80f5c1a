#!/usr/bin/env bash
# The main job: install what is missing, build, and run the Gao baseline for 30 days.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh release
build/release/apps/campsim run scenarios/gao_baseline.yaml --days 30 --seed 1 --out runs/gao_baseline --force
