#!/usr/bin/env bash
# Code size in sim/ (issue 20, "a house a new maintainer can learn in a day"): no function longer
# than 120 lines and no class or struct with more than 30 member functions, except those listed in
# tests/code_size_allowance.tsv. That list may only shrink: an entry over its listed size fails,
# and so does an entry that is no longer over the limit (remove its row).
#
#   bash scripts/code_size.sh [BUILD_DIR]      BUILD_DIR holds compile_commands.json (build/release)
#
# Function lengths are clang-tidy's (readability-function-size: lines of the body, comments and
# blank lines included); member functions are counted by universal-ctags over the headers
# (declarations and inline definitions, constructors included). Prints every item over a limit
# and exits 1 on a breach. CI runs it after the release build (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
allow=tests/code_size_allowance.tsv
max_lines=120
max_methods=30

for tool in clang-tidy ctags; do
  command -v "$tool" >/dev/null || { echo "code_size: $tool not found (bash scripts/setup.sh installs it)" >&2; exit 2; }
done
[[ -f $build/compile_commands.json ]] || { echo "code_size: no $build/compile_commands.json (build first)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Functions: one clang-tidy per file, two at a time, each into its own file (no interleaving).
git ls-files -z 'sim/*.cpp' | xargs -0 -P2 -I{} sh -c '
  out="$1/$(printf %s "$2" | tr / _).txt"
  clang-tidy -p "$3" --quiet --extra-arg=-Wno-unknown-warning-option -checks="-*,readability-function-size" \
    -config="{CheckOptions: [{key: readability-function-size.LineThreshold, value: $4}, {key: readability-function-size.StatementThreshold, value: 1000000}]}" \
    "$2" >"$out" 2>/dev/null || true' _ "$work" {} "$build" "$max_lines"
# "path:L:C: warning: function 'name' exceeds ..." then "path:L:C: note: N lines including ...".
cat "$work"/*.txt 2>/dev/null | awk -v root="$PWD/" '
  /warning: function .* exceeds recommended size/ {
    file = $1; sub(/:.*/, "", file); sub(root, "", file)
    name = $0; sub(/^[^'\'']*'\''/, "", name); sub(/'\''.*/, "", name)
    pending = file ":" name; next
  }
  pending != "" && / lines including whitespace and comments/ {
    n = $0; sub(/.*note: /, "", n); sub(/ lines.*/, "", n)
    print "function\t" pending "\t" n; pending = ""
  }' | sort -u >"$work/found.tsv"

# Classes: member functions declared or defined in the headers, by the class that holds them.
git ls-files -z 'sim/*.hpp' | xargs -0 ctags -f - --languages=C++ --kinds-C++=pf --fields=+sK --extras=-q 2>/dev/null |
  awk -F'\t' '{ for (i = 4; i <= NF; ++i) if ($i ~ /^(class|struct):/) { s = $i; sub(/^[a-z]+:/, "", s); ++n[s] } }
              END { for (s in n) print "class\t" s "\t" n[s] }' |
  awk -F'\t' -v max="$max_methods" '$3 > max' | sort >>"$work/found.tsv"

status=0
# Every item over a limit must be listed, at its size or above.
while IFS=$'\t' read -r kind name size; do
  listed=$(awk -F'\t' -v k="$kind" -v n="$name" '$1 == k && $2 == n { print $3 }' "$allow")
  if [[ -z $listed ]]; then
    if [[ $kind == function ]]; then what="$size lines (limit $max_lines)"; else what="$size member functions (limit $max_methods)"; fi
    echo "code_size: $kind $name has $what: split it, or (for now) list it in $allow" >&2
    status=1
  elif ((size > listed)); then
    echo "code_size: $kind $name grew to $size (the allowance says $listed; it may only shrink)" >&2
    status=1
  else
    echo "code_size: allowed: $kind $name $size (listed $listed)"
  fi
done <"$work/found.tsv"
# Every listed item must still be over its limit: the list only shrinks.
while IFS=$'\t' read -r kind name size; do
  [[ -z $kind || $kind == \#* ]] && continue
  if ! awk -F'\t' -v k="$kind" -v n="$name" '$1 == k && $2 == n { f = 1 } END { exit !f }' "$work/found.tsv"; then
    echo "code_size: $kind $name is no longer over the limit: remove its row from $allow" >&2
    status=1
  fi
done <"$allow"
((status == 0)) && echo "code_size: no function over $max_lines lines and no class over $max_methods member functions in sim/ beyond $(grep -vc '^#' "$allow") listed"
exit $status
