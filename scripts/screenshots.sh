#!/usr/bin/env bash
# Regenerates the viewer's screenshots that the docs show, by the commands their captions give:
#   the user guide's (docs/user-guide.md)
#     view-baseline-night.png    the baseline's first night, 02:00
#     view-replay-blast.png      the 31 May 2016 replay a second after the blast
#     view-protest-2015.png      the 27 January 2015 replay as it happened, 09:30
#     view-protest-gate.png      the same under restrained rules with interpreters, at the gate, 10:55
#   the fight's (docs/threats/fight.md)
#     view-infiltration-qrf.png  an infiltration at night, the QRF closing (QRF at 30 min notice)
#     view-vehicle-bomb.png      the 31 May 2016 gate bomb left to the model, under fire at the gate
#     view-salvo-inbound.png     a rocket in the air over the camp, people running at the warning
# Usage: scripts/screenshots.sh [OUT_DIR]   (default docs/images; after scripts/build.sh; needs Xvfb,
# as the viewer's tests do). CAMPSIM names the program (default build/release/apps/campsim).
# scripts/docs.sh runs it; ctest's docs/screenshots runs it into a scratch folder and compares.
set -euo pipefail
cd "$(dirname "$0")/.."
campsim=${CAMPSIM:-build/release/apps/campsim}
out=${1:-docs/images}
[[ -x $campsim ]] || { echo "screenshots: build first (scripts/build.sh)" >&2; exit 2; }
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

"$campsim" run scenarios/studies/qrf_notice_30min.yaml --seed 1 --record --out "$work/infiltration" -q
"$xvfb" "$campsim" view "$work/infiltration" --screenshot "$out/view-infiltration-qrf.png" \
  --at 26h41min30s --look 300,380,3
"$campsim" run scenarios/replay_2016-05-31_gao_could_it_be_stopped.yaml --seed 2 --record --out "$work/vbied" -q
"$xvfb" "$campsim" view "$work/vbied" --screenshot "$out/view-vehicle-bomb.png" \
  --at 20h45min22s --look 40,500,4
"$campsim" run scenarios/gao_high_threat.yaml --seed 1 --days 2 --set threats.indirect_fire.arrivals.per_day=1 \
  --record --out "$work/salvo" -q
"$xvfb" "$campsim" view "$work/salvo" --screenshot "$out/view-salvo-inbound.png" \
  --at 5h31min02s --look 650,250,1.2
echo "screenshots: wrote seven in $out"
