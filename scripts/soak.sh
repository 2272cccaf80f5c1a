#!/usr/bin/env bash
# The model-robustness soak at full size: COUNT random scenarios (default 3000) across the
# documented range of every parameter, each run briefly with its invariants checked
# (tests/soak/soak_main.cpp). Prints the count drawn, refused, run and failed; exit 1 on failure.
#   bash scripts/soak.sh [COUNT] [SEED] [--known-unordered-log]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release --target campsim_soak -- -j"$(nproc)"
build/release/tests/campsim_soak "${1:-3000}" "${2:-1}" "${@:3}"
