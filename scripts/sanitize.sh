#!/usr/bin/env bash
# The test suite under AddressSanitizer+UndefinedBehaviorSanitizer, then the parallel
# (thread-count determinism) tests under ThreadSanitizer. The asan preset leaves out eight
# model-volume tests (each runs the world for simulated years to check statistics, common random
# numbers and conservation; under ASan each takes minutes): the release suite runs them, and the
# same code paths run under ASan in the shorter world, medical and CLI tests
# (CMakePresets.json, testPresets "asan"). It leaves out reliability/same_bytes_without_fma too:
# a check of glibc's libm variants, not of memory, which took 245 s under ASan, alone at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
bash scripts/build.sh asan
ctest --preset asan
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
# Only the programs whose [parallel] tests the tsan preset runs.
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target campsim campsim_engine_tests campsim_camp_tests campsim_cli_tests campsim_batch_tests campsim_crowd_tests -- -j"$(nproc)"
ctest --preset tsan
