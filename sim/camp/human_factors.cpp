#include "sim/camp/human_factors.hpp"

namespace campsim::camp {

bool in_daily_window(SimTime tod, SimTime from, SimTime to) {
  if (from == to) return false;
  if (from < to) return tod >= from && tod < to;
  return tod >= from || tod < to;  // wraps past midnight
}

double time_of_day_factor(const VigilanceParams& p, SimTime time_of_day) {
  double factor = 1.0;
  if (in_daily_window(time_of_day, p.night_from, p.night_to)) factor *= p.night_factor;
  if (in_daily_window(time_of_day, p.circadian_low_from, p.circadian_low_to)) factor *= p.circadian_low_factor;
  if (in_daily_window(time_of_day, p.heat_from, p.heat_to)) factor *= p.heat_factor;
  return factor;
}

}  // namespace campsim::camp
