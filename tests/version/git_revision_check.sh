#!/usr/bin/env bash
# cmake/git_revision.cmake names the revision the sources are at, "-dirty" while a tracked file
# differs from it, "unknown" outside git, and rewrites the header only when that text changes
# (so a build with nothing new recompiles nothing). Checked on a scratch git repository, commit
# by commit, against what git itself says.
# Usage: tests/version/git_revision_check.sh SOURCE_DIR
set -euo pipefail
source_dir=$(realpath "$1")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
repo=$scratch/repo build=$scratch/build
mkdir -p "$repo/sim" "$build"
cp "$source_dir/sim/version.hpp.in" "$repo/sim/version.hpp.in"
header=$build/generated/sim/version.hpp

generate() {
  cmake -DCAMPSIM_SOURCE_DIR="$repo" -DCAMPSIM_BINARY_DIR="$build" -DPROJECT_VERSION=9.8.7 \
    -P "$source_dir/cmake/git_revision.cmake"
}
revision_in_header() { sed -n 's/.*kGitRevision = "\(.*\)";/\1/p' "$header"; }
fail() { echo "git_revision_check: $*" >&2; exit 1; }
expect() {
  local want=$1 got
  got=$(revision_in_header)
  [[ $got == "$want" ]] || fail "expected revision '$want', the header says '$got'"
}

# Outside a git checkout.
generate
expect unknown
grep -q 'kVersion = "9.8.7"' "$header" || fail "the version is not in the header"

git -C "$repo" init -q
git -C "$repo" -c user.name=t -c user.email=t@t add -A
git -C "$repo" -c user.name=t -c user.email=t@t commit -q -m one
first=$(git -C "$repo" rev-parse --short=12 HEAD)
generate
expect "$first"

# Unchanged: the header is not rewritten (its time stays), so nothing that includes it rebuilds.
touch -d '2000-01-01' "$header"
generate
[[ $(stat -c %Y "$header") == $(date -d '2000-01-01' +%s) ]] || fail "an unchanged revision rewrote the header"

# A tracked file edited: dirty. An untracked file (a build folder, outputs) does not count.
echo "// edited" >>"$repo/sim/version.hpp.in"
generate
expect "$first-dirty"
git -C "$repo" checkout -q -- sim/version.hpp.in
mkdir -p "$repo/runs" && echo x >"$repo/runs/out.txt"
generate
expect "$first"

# A new commit: its revision.
echo "// two" >>"$repo/sim/version.hpp.in"
git -C "$repo" -c user.name=t -c user.email=t@t commit -q -am two
second=$(git -C "$repo" rev-parse --short=12 HEAD)
[[ $second != "$first" ]] || fail "the scratch repository's two commits have one revision"
generate
expect "$second"
echo "git revision: unknown outside git, the commit's 12 digits, -dirty for edited tracked files, the header kept when unchanged"
