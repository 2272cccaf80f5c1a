// Absent keys keep the defaults of the parameter structs; every problem is reported at its key.
#include "sim/camp/fight/fight_reader.hpp"

#include <fmt/format.h>

namespace campsim::fight {

using scenario::MapReader;
using scenario::Need;
using scenario::Range;

namespace {

constexpr Range kShare{0, 1};
constexpr Range kRate{0, 10};
constexpr Range kMetres{0, 10000};
constexpr Range kPositiveMetres{0.1, 10000};
constexpr Range kHeight{0, 100};
constexpr Range kSpeed{0.1, 20};

void read_sight(MapReader in, SightParams& s) {
  in.number("detection_rate_per_s", s.detection_rate_per_s, Need::Optional, kRate);
  in.number("firing_boost", s.firing_boost, Need::Optional, Range{1, 1000});
  in.number("ground_sight_range_m", s.ground_sight_range_m, Need::Optional, kPositiveMetres);
  in.number("night_visibility", s.night_visibility, Need::Optional, kShare);
  in.number("sandstorm_visibility", s.sandstorm_visibility, Need::Optional, kShare);
  in.number("tower_eye_height_m", s.tower_eye_height_m, Need::Optional, kHeight);
  in.number("ground_eye_height_m", s.ground_eye_height_m, Need::Optional, kHeight);
  in.number("target_height_m", s.target_height_m, Need::Optional, kHeight);
  in.number("indoor_reach_m", s.indoor_reach_m, Need::Optional, kMetres);
}

void read_fire(MapReader in, FireParams& f) {
  in.number("effective_range_m", f.effective_range_m, Need::Optional, kPositiveMetres);
  in.number("combat_degradation", f.combat_degradation, Need::Optional, kShare);
  in.number("max_range_m", f.max_range_m, Need::Optional, kPositiveMetres);
  in.number("shots_per_minute", f.shots_per_minute, Need::Optional, Range{0, 60});
  in.number("rapid_shots_per_minute", f.rapid_shots_per_minute, Need::Optional, Range{0, 120});
  in.number("exposure_standing", f.exposure_standing, Need::Optional, kShare);
  in.number("exposure_in_cover", f.exposure_in_cover, Need::Optional, kShare);
  in.number("exposure_booth", f.exposure_booth, Need::Optional, kShare);
  in.number("exposure_vehicle", f.exposure_vehicle, Need::Optional, kShare);
  in.number("exposure_driving", f.exposure_driving, Need::Optional, kShare);
  in.number("hit_lethality", f.hit_lethality, Need::Optional, kShare);
  in.number("armour_lethality", f.armour_lethality, Need::Optional, kShare);
  in.number("suppression_per_shot", f.suppression_per_shot, Need::Optional, kShare);
  in.duration("suppression_half_life", f.suppression_half_life, Need::Optional, Range{0.1, engine::kHour});
  in.number("suppressed_accuracy", f.suppressed_accuracy, Need::Optional, kShare);
  in.number("body_half_width_m", f.body_half_width_m, Need::Optional, Range{0.05, 2});
}

void read_move(MapReader in, MoveParams& m) {
  in.number("approach_speed_mps", m.approach_speed_mps, Need::Optional, kSpeed);
  in.number("inside_speed_mps", m.inside_speed_mps, Need::Optional, kSpeed);
  in.number("approach_distance_m", m.approach_distance_m, Need::Optional, kMetres);
  in.duration("breach_min", m.breach_min, Need::Optional, Range{0, engine::kDay});
  in.duration("breach_max", m.breach_max, Need::Optional, Range{0, engine::kDay});
  in.number("capture_range_m", m.capture_range_m, Need::Optional, kMetres);
  in.number("secure_radius_m", m.secure_radius_m, Need::Optional, kPositiveMetres);
  in.duration("max_inside", m.max_inside, Need::Optional, Range{engine::kMinute, engine::kDay});
  if (m.breach_max < m.breach_min)
    in.fail("breach_max", fmt::format("at least breach_min ({:g} s)", m.breach_min), fmt::format("{:g} s", m.breach_max));
}

void read_terrain(MapReader in, TerrainParams& t) {
  in.number("wall_height_m", t.wall_height_m, Need::Optional, kHeight);
  in.number("wall_thickness_m", t.wall_thickness_m, Need::Optional, Range{0.1, 20});
  in.number("roof_height_m", t.roof_height_m, Need::Optional, kHeight);
  in.number("clutter_scale_m", t.clutter_scale_m, Need::Optional, kPositiveMetres);
  in.number("gate_width_m", t.gate_width_m, Need::Optional, Range{0, 100});
}

}  // namespace

FightSection read_fight(MapReader in) {
  FightSection s;
  read_sight(in.map("sight"), s.fight.sight);
  read_fire(in.map("fire"), s.fight.fire);
  read_move(in.map("move"), s.fight.move);
  read_terrain(in.map("terrain"), s.terrain);
  in.integer("qrf_team_size", s.fight.qrf_team_size, Need::Optional, Range{1, 100});
  return s;
}

}  // namespace campsim::fight
