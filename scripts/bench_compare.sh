#!/usr/bin/env bash
# This checkout against a reference commit, side by side (issue 25, goal 6).
#
#   scripts/bench_compare.sh REFERENCE_COMMIT [run_all.py options, e.g. --only cmd.]
#
# Builds REFERENCE_COMMIT in a temporary git worktree (/tmp/ref-<commit>, kept for the next
# call; remove it with `git worktree remove --force /tmp/ref-<commit>`) with the release preset,
# only the program and the benchmarks (no tests), then runs bench/run_all.py on both checkouts in
# one call, the cases alternating reference / this checkout, and prints bench/compare.py's table.
# This checkout must be built already (build/release). The JSON files stay in
# bench-compare/<reference>-vs-<this>/ for the record.
# Environment: JOBS (default 2) for the reference's build.
set -euo pipefail

[[ $# -ge 1 ]] || { sed -n '2,12p' "$0"; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
ref=$(git -C "$here" rev-parse --short=7 "$1")
shift
refdir=/tmp/ref-$ref

if [[ ! -d $refdir ]]; then
  git -C "$here" worktree add --detach "$refdir" "$ref" >/dev/null
fi
# Targets the reference has: campsim and whatever benchmarks existed then.
targets=(campsim)
for src in "$refdir"/bench/bench_*.cpp; do
  [[ -e $src ]] && targets+=("$(basename "$src" .cpp)")
done
(
  cd "$refdir"
  # When ccache is installed (CMakeLists.txt uses it then): with the base directory at /, a
  # file's compile is named by paths relative to the build folder, so objects of this checkout
  # or of an earlier reference can be reused for the source files the commits share. Without
  # ccache the reference builds from scratch: 8-20 minutes on a shared 2-core machine.
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-/}
  [[ -f build/release/build.ninja ]] || cmake --preset release >/dev/null
  # A target the reference's CMake does not define (a viewer benchmark without SFML) is skipped.
  for target in "${targets[@]}"; do
    cmake --build build/release --target "$target" -- -j"${JOBS:-2}" >/dev/null 2>&1 ||
      echo "reference: target $target did not build (skipped)" >&2
  done
)

this=$(git -C "$here" rev-parse --short=7 HEAD)
[[ -z $(git -C "$here" status --porcelain --untracked-files=no) ]] || this="$this-dirty"
record="$here/bench-compare/$ref-vs-$this"
mkdir -p "$record"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 "$here/bench/run_all.py" --root "$refdir" --out "$record/reference.json" \
  --root "$here" --out "$record/new.json" "$@" >&2
python3 "$here/bench/compare.py" "$record/reference.json" "$record/new.json" | tee "$record/comparison.txt"
