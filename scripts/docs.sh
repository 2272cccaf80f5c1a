#!/usr/bin/env bash
# Regenerates every program output and number marked in README.md and docs/ (<!-- output: ... -->
# blocks, <!-- table: ... --> tables, <!-- value: ... --> numbers and files generated whole, like
# the parameter register docs/provenance.md; tests/docs/docs_outputs.cpp says how to mark one) from
# this build, the data dictionary and the viewer's screenshots in docs/images/. With --slow also the blocks marked (slow), which run
# batches of simulated years (minutes on two cores). ctest's docs/outputs fails when a marked
# output no longer matches; docs/slow_outputs (CAMPSIM_DOCS_SLOW=1) checks the slow ones.
# Figures that are history (a benchmark of its day) are not regenerated: they sit between
# <!-- recorded YYYY-MM-DD: COMMAND --> and <!-- /recorded --> (ctest docs/numbers, tests/docs/docs_numbers.cpp).
# Figures quoted from a publication are not regenerated either: they sit between
# <!-- cited: SOURCE --> and <!-- /cited -->.
# Usage: scripts/docs.sh [--slow]
set -euo pipefail
cd "$(dirname "$0")/.."
# The test programs too: some figures are what a test prints (`test campsim_NAME_tests` markers).
cmake --build build/release --target campsim campsim_docs_outputs campsim_batch_tests campsim_crowd_tests >/dev/null
build/release/apps/campsim dictionary scenarios/gao_baseline.yaml > docs/data-dictionary.md
build/release/tests/campsim_docs_outputs --campsim build/release/apps/campsim --source . --write "$@"
# The README's first screen: the lines scripts/main.sh prints before its bottom line.
bash tests/docs/main_screen_check.sh . --write

# The viewer's screenshots, by the commands their captions give (docs/user-guide.md, and the
# fight's three in docs/threats/fight.md); ctest's docs/screenshots fails when one differs.
bash scripts/screenshots.sh
echo "docs: up to date"
