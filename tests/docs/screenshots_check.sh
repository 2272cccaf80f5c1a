#!/usr/bin/env bash
# The screenshots in docs/images are what the viewer draws now (issue 22: docs that cannot drift;
# a stale picture once showed vigilance 0.58 where the program drew 0.71). Draws every one again
# by the script docs.sh uses (scripts/screenshots.sh) into a scratch folder and compares them byte
# for byte with the committed ones.
# The pictures are drawn in software (Xvfb, Mesa's llvmpipe) and are the same bytes from run to
# run on one machine; a machine with other fonts or another Mesa draws other bytes: regenerate with
# scripts/docs.sh there, look at the pictures, and commit them.
# Usage: tests/docs/screenshots_check.sh SOURCE_DIR CAMPSIM   (exit 77, skipped, without Xvfb or the viewer)
set -uo pipefail
source_dir=$1
campsim=$(realpath "$2")
command -v Xvfb >/dev/null || { echo "screenshots: no Xvfb, skipped"; exit 77; }
[[ -x $(dirname "$campsim")/campsim-view ]] || { echo "screenshots: no campsim-view (SFML), skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$source_dir"
CAMPSIM=$campsim bash scripts/screenshots.sh "$out" >/dev/null || exit 1
status=0
for drawn in "$out"/*.png; do
  shipped=docs/images/$(basename "$drawn")
  if ! cmp -s "$drawn" "$shipped"; then
    echo "$shipped differs from what the viewer draws now; regenerate with scripts/docs.sh and look at it"
    status=1
  fi
done
for shipped in docs/images/view-*.png; do
  [[ -e $out/$(basename "$shipped") ]] || { echo "$shipped is made by no command of scripts/screenshots.sh"; status=1; }
done
[[ $status == 0 ]] && echo "screenshots: all $(ls "$out" | wc -l) as the viewer draws them now"
exit $status
