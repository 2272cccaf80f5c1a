// YAML readers for the vehicle bomb, infiltration and complex attack sections. Absent keys keep
// the defaults of the parameter structs; every problem is reported at its key.
#include <fmt/format.h>

#include "sim/camp/threats/common_readers.hpp"
#include "sim/camp/threats/complex_attack.hpp"
#include "sim/camp/threats/infiltration.hpp"
#include "sim/camp/threats/vehicle_bomb.hpp"

namespace campsim::camp {

using scenario::MapReader;
using scenario::Need;
using scenario::Range;

namespace {

constexpr Range kShare{0, 1};
constexpr Range kRate{0, 10};          // per second: 10/s is already "at once"
constexpr Range kDistance{0, 10000};   // metres
constexpr Range kSpeed{0.1, 100};      // m/s: crawling to well above any road speed
constexpr Range kShotsPerMinute{0, 600};
constexpr Range kPeople{1, 1000};

// The shared gunfire keys of the infiltration and the complex attack.
void read_gunfire(MapReader in, double& shots_per_minute, double& hit_lethality, WoundMix& wounds) {
  in.number("shots_per_minute", shots_per_minute, Need::Optional, kShotsPerMinute);
  in.number("hit_lethality", hit_lethality, Need::Optional, kShare);
  read_wound_mix(in.map("wounds"), wounds);
}

// A key only the closed forms read (kept as test oracles, docs/threats/fight.md): it loads, so
// older scenarios still run, and one set away from its default is a warning, since it changes
// nothing. (At its default it is harmless: a manifest's parameters list every key.)
struct OracleKey {
  std::string_view key;
  bool changed;  // the value read differs from the default
};
void warn_oracle_only(MapReader& in, std::initializer_list<OracleKey> keys, std::string_view instead) {
  for (const OracleKey& k : keys)
    if (k.changed)
      in.warn_if_present(k.key, fmt::format("changes nothing in a run: only the closed form kept as a test oracle reads "
                                            "it; the fight in the world decides this ({})",
                                            instead));
}

}  // namespace

VehicleBombParams read_vehicle_bomb(MapReader in) {
  VehicleBombParams p;
  read_arrivals(in.map("arrivals"), p.arrivals);
  in.list_of_text("gates", p.gates);  // names checked against the layout by the caller
  in.number("approach_distance_m", p.approach_distance_m, Need::Optional, Range{1, kDistance.max});
  in.number("speed_mps", p.speed_mps, Need::Optional, kSpeed);
  in.number("chicane_length_m", p.chicane_length_m, Need::Optional, kDistance);
  in.number("chicane_speed_mps", p.chicane_speed_mps, Need::Optional, kSpeed);
  in.number("detection_rate_per_s", p.detection_rate_per_s, Need::Optional, kRate);
  in.number("stop_rate_per_s", p.stop_rate_per_s, Need::Optional, kRate);
  in.number("barrier_stop_probability", p.barrier_stop_probability, Need::Optional, kShare);
  in.number("penetration_m", p.penetration_m, Need::Optional, kDistance);
  in.number("barrier_standoff_m", p.barrier_standoff_m, Need::Optional, kDistance);
  read_blast(in.map("charge"), p.charge);
  read_protection(in.map("protection"), p.protection);
  read_wound_mix(in.map("wounds"), p.wounds);
  const VehicleBombParams defaults;
  warn_oracle_only(in, {{"stop_rate_per_s", p.stop_rate_per_s != defaults.stop_rate_per_s}},
                   "the sentries' fire stops the vehicle: threats.fight.fire");
  // The chicane is the last stretch of the approach, so it cannot be longer than the approach.
  if (p.chicane_length_m > p.approach_distance_m)
    in.fail("chicane_length_m", fmt::format("at most approach_distance_m ({:g})", p.approach_distance_m),
            fmt::format("{:g}", p.chicane_length_m));
  return p;
}

InfiltrationParams read_infiltration(MapReader in) {
  InfiltrationParams p;
  read_arrivals(in.map("arrivals"), p.arrivals);
  in.integer("intruders", p.intruders, Need::Optional, kPeople);
  in.duration("exposure", p.exposure, Need::Optional, Range{0, engine::kDay});
  in.number("detection_rate_per_s", p.detection_rate_per_s, Need::Optional, kRate);
  in.number("night_visibility", p.night_visibility, Need::Optional, kShare);
  in.number("sandstorm_probability", p.sandstorm_probability, Need::Optional, kShare);
  in.number("sandstorm_visibility", p.sandstorm_visibility, Need::Optional, kShare);
  in.number("undetected_inside_rate_per_s", p.undetected_inside_rate_per_s, Need::Optional, kRate);
  in.duration("time_to_attack", p.time_to_attack, Need::Optional, Range{0, engine::kDay});
  read_gunfire(in, p.shots_per_minute, p.hit_lethality, p.wounds);
  const InfiltrationParams d;
  warn_oracle_only(in,
                   {{"exposure", p.exposure != d.exposure},
                    {"detection_rate_per_s", p.detection_rate_per_s != d.detection_rate_per_s},
                    {"night_visibility", p.night_visibility != d.night_visibility},
                    {"sandstorm_visibility", p.sandstorm_visibility != d.sandstorm_visibility},
                    {"undetected_inside_rate_per_s", p.undetected_inside_rate_per_s != d.undetected_inside_rate_per_s},
                    {"time_to_attack", p.time_to_attack != d.time_to_attack}},
                   "seeing by line of sight: threats.fight.sight");
  warn_oracle_only(in,
                   {{"shots_per_minute", p.shots_per_minute != d.shots_per_minute},
                    {"hit_lethality", p.hit_lethality != d.hit_lethality}},
                   "aimed fire: threats.fight.fire");
  return p;
}

ComplexAttackParams read_complex_attack(MapReader in) {
  ComplexAttackParams p;
  read_arrivals(in.map("arrivals"), p.arrivals);
  in.integer("gunmen", p.gunmen, Need::Optional, kPeople);
  read_gunfire(in, p.shots_per_minute, p.hit_lethality, p.wounds);
  const ComplexAttackParams d;
  warn_oracle_only(in,
                   {{"shots_per_minute", p.shots_per_minute != d.shots_per_minute},
                    {"hit_lethality", p.hit_lethality != d.hit_lethality}},
                   "aimed fire: threats.fight.fire");
  return p;
}

}  // namespace campsim::camp
