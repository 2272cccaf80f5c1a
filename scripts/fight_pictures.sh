#!/usr/bin/env bash
# Regenerates the fight's screenshots in docs/images (docs/threats/fight.md shows them):
#   view-infiltration-qrf.png  an infiltration at night, the QRF closing (QRF at 30 min notice)
#   view-vehicle-bomb.png      the 31 May 2016 gate bomb left to the model, under fire at the gate
#   view-salvo-inbound.png     a rocket in the air over the camp, people running at the warning
# Usage: scripts/fight_pictures.sh [OUT_DIR]   (default docs/images; after scripts/build.sh; needs
# Xvfb, as the viewer's tests do). CAMPSIM names the program (default build/release/apps/campsim).
set -euo pipefail
cd "$(dirname "$0")/.."
campsim=${CAMPSIM:-build/release/apps/campsim}
out=${1:-docs/images}
[[ -x $campsim ]] || { echo "fight_pictures: build first (scripts/build.sh)" >&2; exit 2; }
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$campsim" run scenarios/studies/qrf_notice_30min.yaml --seed 1 --record --out "$work/infiltration" -q
scripts/with-xvfb.sh "$campsim" view "$work/infiltration" --screenshot "$out/view-infiltration-qrf.png" \
  --at 26h41min30s --look 300,380,3

"$campsim" run scenarios/replay_2016-05-31_gao_could_it_be_stopped.yaml --seed 2 --record --out "$work/vbied" -q
scripts/with-xvfb.sh "$campsim" view "$work/vbied" --screenshot "$out/view-vehicle-bomb.png" \
  --at 20h45min22s --look 40,500,4

"$campsim" run scenarios/gao_high_threat.yaml --seed 1 --days 2 --set threats.indirect_fire.arrivals.per_day=1 \
  --record --out "$work/salvo" -q
scripts/with-xvfb.sh "$campsim" view "$work/salvo" --screenshot "$out/view-salvo-inbound.png" \
  --at 5h31min02s --look 650,250,1.2
echo "fight_pictures: wrote $out/view-{infiltration-qrf,vehicle-bomb,salvo-inbound}.png"
