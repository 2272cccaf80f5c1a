#!/usr/bin/env bash
# Regenerates the user guide's screenshots (docs/user-guide.md gives each one's command):
#   view-baseline-night.png  the baseline's first night, 02:00
#   view-replay-blast.png    the 31 May 2016 replay a second after the blast
#   view-protest-2015.png    the 27 January 2015 replay as it happened, 09:30
#   view-protest-gate.png    the same under restrained rules with interpreters, at the gate, 10:55
# Usage: scripts/guide_pictures.sh [OUT_DIR]   (default docs/images; after scripts/build.sh; needs
# Xvfb, as the viewer's tests do). CAMPSIM names the program (default build/release/apps/campsim).
set -euo pipefail
cd "$(dirname "$0")/.."
campsim=${CAMPSIM:-build/release/apps/campsim}
out=${1:-docs/images}
[[ -x $campsim ]] || { echo "guide_pictures: build first (scripts/build.sh)" >&2; exit 2; }
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
xvfb=scripts/with-xvfb.sh

"$xvfb" "$campsim" view scenarios/gao_baseline.yaml --days 2 --screenshot "$out/view-baseline-night.png" --at 1d2h
"$campsim" run scenarios/replay_2016-05-31_gao.yaml --record --out "$work/replay" -q
"$xvfb" "$campsim" view "$work/replay" --screenshot "$out/view-replay-blast.png" --at 20h46min
"$xvfb" "$campsim" view scenarios/replay_2015-01-27_gao_protest.yaml --seed 1 --screenshot "$out/view-protest-2015.png" \
  --at 9h30min --look -25,500,10
"$xvfb" "$campsim" view scenarios/replay_2015-01-27_gao_protest_restrained.yaml --seed 3 \
  --screenshot "$out/view-protest-gate.png" --at 10h55min --look -25,500,10
