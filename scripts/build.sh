#!/usr/bin/env bash
# Configures and builds one CMake preset (release, debug, asan, tsan), everything or only the named
# targets. Usage: scripts/build.sh [PRESET [TARGET...]]   e.g. scripts/build.sh release campsim
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
shift || true
cmake --preset "$preset" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build --preset "$preset" "${targets[@]}" -- -j"$(nproc)"
