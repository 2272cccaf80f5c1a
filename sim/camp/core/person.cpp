#include "sim/camp/core/person.hpp"

#include "sim/camp/human_factors.hpp"

namespace campsim::camp {

bool is_night_occupancy(SimTime time_of_day) { return in_daily_window(time_of_day, 22 * engine::kHour, 6 * engine::kHour); }

}  // namespace campsim::camp
