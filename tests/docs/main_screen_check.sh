#!/usr/bin/env bash
# The README's first screen shows what the main job prints (issue 22 item 6: "the README's first
# screen shows what it will print"), and this keeps it so. scripts/main.sh runs here for real, in a
# scratch copy of the source tree whose setup, build and campsim are stand-ins that do nothing
# (the real ones take minutes and install packages; the setup stand-in reports installing every
# package, as on a fresh machine), so the lines checked are the script's own:
# its first line and its five stage lines, up to the bottom line. The bottom line itself is
# campsim's and is checked by docs/slow_outputs (the README's `compare ... --bottom-line` block).
#
# The README marks the block with <!-- screen: scripts/main.sh ... --> on the line before its
# fence. Seconds differ from run to run and are compared as "# s" (as docs/outputs does); the
# source directory is shown as /home/you/campsim.
# Usage: tests/docs/main_screen_check.sh SOURCE_DIR [--write]
#   --write puts the script's lines into the README when they differ (the stand-ins take 0 s:
#   replace the times with those of a real first run: scripts/fresh_debian_check.sh --main-only).
set -euo pipefail
source_dir=$(realpath "$1")
mode=${2:---check}
readme=$source_dir/README.md
shown=/home/you/campsim

sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/scripts" "$sandbox/build/release/apps"
cp "$source_dir/scripts/main.sh" "$sandbox/scripts/main.sh"
for stand_in in scripts/setup.sh scripts/build.sh build/release/apps/campsim; do
  printf '#!/bin/sh\nexit 0\n' >"$sandbox/$stand_in"
  chmod +x "$sandbox/$stand_in"
done
# The README shows a first run on a fresh Debian 12, where setup installs every package it lists:
# the stand-in says so as the real one does, with the length of the list main.sh installs.
packages=$(bash "$source_dir/scripts/setup.sh" main --list | wc -l)
printf '#!/bin/sh\necho "setup: installing %s missing package(s): (stand-in)"\n' "$packages" >"$sandbox/scripts/setup.sh"
# The lines up to the compare stage; what follows is campsim's.
printed=$(cd "$sandbox" && bash scripts/main.sh | sed "s#$sandbox#$shown#g" | sed '/^\[5\/5\]/q')

# The fenced block after the marker.
documented=$(awk '/^<!-- screen: scripts\/main\.sh/ {marked = 1; next}
                  marked && /^```/ {if (inside) exit; inside = 1; next}
                  inside {print}' "$readme")
[[ -n $documented ]] || { echo "README.md: no <!-- screen: scripts/main.sh --> block"; exit 1; }

mask() { sed -E 's/[0-9]+ s\b/# s/g'; }
if [[ "$(mask <<<"$printed")" == "$(mask <<<"$documented")" ]]; then
  echo "main screen: README.md shows the $(wc -l <<<"$printed") lines scripts/main.sh prints before its bottom line"
  exit 0
fi
if [[ $mode == --write ]]; then
  awk -v lines="$printed" '/^<!-- screen: scripts\/main\.sh/ {print; marked = 1; next}
                           marked == 1 && /^```/ {print; print lines; marked = 2; next}
                           marked == 2 && /^```/ {print; marked = 3; next}
                           marked == 2 {next}
                           {print}' "$readme" >"$readme.tmp-screen"
  mv "$readme.tmp-screen" "$readme"
  echo "docs: rewrote README.md's main screen: put in the times of a real run of scripts/main.sh"
  exit 0
fi
echo "README.md's main screen differs from what scripts/main.sh prints (regenerate: scripts/docs.sh):"
diff <(mask <<<"$documented") <(mask <<<"$printed") || true
exit 1
