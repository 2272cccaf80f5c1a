#include "sim/camp/world/world_params.hpp"

namespace campsim::camp {

using scenario::Need;
using scenario::Range;

WorldParams read_world(scenario::MapReader in) {
  WorldParams w;
  scenario::MapReader schedule = in.map("schedule");
  schedule.duration("work_from", w.schedule.work_from, Need::Optional, Range{0, engine::kDay});
  schedule.duration("work_to", w.schedule.work_to, Need::Optional, Range{0, engine::kDay});
  schedule.duration("lights_out", w.schedule.lights_out, Need::Optional, Range{0, engine::kDay});
  schedule.duration("night_sleep_to", w.schedule.night_sleep_to, Need::Optional, Range{0, engine::kDay});
  in.number("walk_speed_mps", w.walk_speed_mps, Need::Optional, Range{0.1, 5});
  in.number("bunker_entry_per_s", w.bunker_entry_per_s, Need::Optional, Range{0.01, 20});
  in.number("door_queue_radius_m", w.door_queue_radius_m, Need::Optional, Range{0.5, 50});
  in.duration("all_clear_after", w.all_clear_after, Need::Optional, Range{1, engine::kDay});
  in.number("body_radius_m", w.body_radius_m, Need::Optional, Range{0.1, 1});
  in.duration("movement_step", w.movement_step, Need::Optional, Range{0.01, 1});
  in.number("max_detour_m", w.max_detour_m, Need::Optional, Range{0, 100000});
  in.duration("give_up_after", w.give_up_after, Need::Optional, Range{60, engine::kDay});
  scenario::MapReader days = in.map("days_off");
  days.number("immediate", w.days_off_by_triage[0], Need::Optional, Range{0, 3650});
  days.number("delayed", w.days_off_by_triage[1], Need::Optional, Range{0, 3650});
  days.number("minimal", w.days_off_by_triage[2], Need::Optional, Range{0, 3650});
  return w;
}

}  // namespace campsim::camp
