#include "sim/camp/threats/common_readers.hpp"

#include <fmt/format.h>

namespace campsim::camp {

using scenario::Need;
using scenario::Range;
using scenario::ValueUnit;

void read_arrivals(scenario::MapReader in, ArrivalProfile& out) {
  in.number("per_day", out.per_day, Need::Optional, Range{0, 1000});
  std::vector<double> weights(out.hour_weights.begin(), out.hour_weights.end());
  in.numbers("hour_weights", weights, Need::Optional, Range{0, 1e6}, 24);
  if (weights.size() == 24) std::copy(weights.begin(), weights.end(), out.hour_weights.begin());
  double sum = 0;
  for (double w : out.hour_weights) sum += w;
  if (out.per_day > 0 && sum <= 0) in.fail("hour_weights", "at least one hour with a positive weight", "all zero");
  in.number("annual_growth", out.annual_growth, Need::Optional, Range{-0.99, 100});
  // Scripted times are durations from the scenario start (e.g. 20h45min).
  std::vector<double> scripted(out.scripted.begin(), out.scripted.end());
  in.durations("scripted", scripted, Need::Optional, Range{0, 100 * 365 * engine::kDay});
  out.scripted.assign(scripted.begin(), scripted.end());
}

void read_blast(scenario::MapReader in, BlastEffect& out) {
  in.number("lethal_area_m2", out.lethal_area_m2, Need::Optional, Range{0, 1e7});
  in.number("casualty_area_m2", out.casualty_area_m2, Need::Optional, Range{0, 1e7});
  if (out.lethal_area_m2 > out.casualty_area_m2)
    in.fail("lethal_area_m2", fmt::format("at most casualty_area_m2 ({:g})", out.casualty_area_m2),
            fmt::format("{:g}", out.lethal_area_m2));
  // Not above the casualty area, it adds nothing (so raising the casualty area never makes a
  // scenario invalid).
  in.number("light_wound_area_m2", out.light_wound_area_m2, Need::Optional, Range{0, 1e8});
}

void read_protection(scenario::MapReader in, ProtectionFactors& out) {
  in.number("open", out.open, Need::Optional, Range{0, 1});
  in.number("container", out.container, Need::Optional, Range{0, 1});
  in.number("hardened", out.hardened, Need::Optional, Range{0, 1});
  in.number("vehicle", out.vehicle, Need::Optional, Range{0, 1});
}

void read_wound_mix(scenario::MapReader in, WoundMix& out) {
  in.number("immediate", out.immediate, Need::Optional, Range{0, 1});
  in.number("delayed", out.delayed, Need::Optional, Range{0, 1});
  if (out.immediate + out.delayed > 1)
    in.fail("delayed", fmt::format("at most {:g} (1 - immediate)", 1 - out.immediate), fmt::format("{:g}", out.delayed));
}

void read_qrf(scenario::MapReader in, QrfParams& out) {
  in.text("base", out.base, Need::Required);
  in.duration("notice_to_move_day", out.notice_to_move_day, Need::Optional, Range{0, 7 * engine::kDay});
  in.duration("notice_to_move_night", out.notice_to_move_night, Need::Optional, Range{0, 7 * engine::kDay});
  in.distribution("alarm_delay", out.alarm_delay, Need::Optional, ValueUnit::Duration, Range{0, engine::kDay});
  in.number("drive_speed_mps", out.drive_speed_mps, Need::Optional, Range{0.1, 50});
  in.number("foot_speed_mps", out.foot_speed_mps, Need::Optional, Range{0.1, 10});
  in.distribution("containment", out.containment, Need::Optional, ValueUnit::Duration, Range{0, 7 * engine::kDay});
  in.integer("units", out.units, Need::Optional, Range{1, 20});
}

}  // namespace campsim::camp
