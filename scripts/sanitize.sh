#!/usr/bin/env bash
# The test suite under AddressSanitizer+UndefinedBehaviorSanitizer, then the parallel
# (thread-count determinism) tests under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
bash scripts/build.sh asan
ctest --preset asan
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
bash scripts/build.sh tsan
ctest --preset tsan
