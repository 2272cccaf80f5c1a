// Reads the indirect_fire section: every key optional, defaults as in IndirectFireParams.
#include "sim/camp/threats/common_readers.hpp"
#include "sim/camp/threats/indirect_fire.hpp"

namespace campsim::camp {

using engine::kHour;
using engine::kMinute;
using scenario::Need;
using scenario::Range;
using scenario::ValueUnit;

IndirectFireParams read_indirect_fire(scenario::MapReader in) {
  IndirectFireParams p;
  read_arrivals(in.map("arrivals"), p.arrivals);
  // A salvo has at least one round; 100 bounds typos, far above any attack on a UN camp.
  in.distribution("rounds_per_salvo", p.rounds_per_salvo, Need::Optional, ValueUnit::Number, Range{1, 100});
  // Ten minutes is well beyond the flight time of any artillery rocket's full range.
  in.distribution("flight_time", p.flight_time, Need::Optional, ValueUnit::Duration, Range{0, 10 * kMinute});
  in.number("cep_m", p.cep_m, Need::Optional, Range{0, 10000});
  in.number("ground_speed_mps", p.ground_speed_mps, Need::Optional, Range{1, 2000});
  in.number("detection_probability", p.detection_probability, Need::Optional, Range{0, 1});
  in.duration("warning_time", p.warning_time, Need::Optional, Range{0, 10 * kMinute});
  in.duration("reaction_awake", p.reaction_awake, Need::Optional, Range{0, kHour});
  in.duration("reaction_asleep", p.reaction_asleep, Need::Optional, Range{0, kHour});
  // Above a sprinter's speed is a typo; below a crawl nobody would ever reach a bunker.
  in.number("run_speed_mps", p.run_speed_mps, Need::Optional, Range{0.1, 10});
  read_blast(in.map("round"), p.round);
  read_protection(in.map("protection"), p.protection);
  read_wound_mix(in.map("wounds"), p.wounds);
  return p;
}

}  // namespace campsim::camp
