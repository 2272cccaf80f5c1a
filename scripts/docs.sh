#!/usr/bin/env bash
# Regenerates every program output and number marked in README.md and docs/ (<!-- output: ... -->
# blocks and <!-- value: ... --> numbers; tests/docs/docs_outputs.cpp says how to mark one) from
# this build, and the data dictionary. With --slow also the blocks marked (slow), which run
# batches of simulated years (minutes on two cores). ctest's docs/outputs fails when a marked
# output no longer matches; docs/slow_outputs (CAMPSIM_DOCS_SLOW=1) checks the slow ones.
# Usage: scripts/docs.sh [--slow]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build/release --target campsim campsim_docs_outputs >/dev/null
build/release/apps/campsim dictionary scenarios/gao_baseline.yaml > docs/data-dictionary.md
build/release/tests/campsim_docs_outputs --campsim build/release/apps/campsim --source . --write "$@"
echo "docs: up to date"
