#include "sim/camp/threats/population.hpp"

#include <algorithm>

#include "sim/camp/human_factors.hpp"

namespace campsim::camp {

bool is_night_occupancy(SimTime time_of_day) { return in_daily_window(time_of_day, 22 * engine::kHour, 6 * engine::kHour); }

std::vector<Person> place_people(const CampLayout& layout, SimTime time_of_day, engine::RandomStream& rng) {
  std::vector<Person> people;
  const bool night = is_night_occupancy(time_of_day);
  for (std::size_t z = 0; z < layout.zones.size(); ++z) {
    const Zone& zone = layout.zones[z];
    const int count = night ? zone.occupants_night : zone.occupants_day;
    if (count <= 0 || zone.polygon.size() < 3) continue;
    double min_x = zone.polygon[0].x, max_x = min_x, min_y = zone.polygon[0].y, max_y = min_y;
    for (const Point& p : zone.polygon) {
      min_x = std::min(min_x, p.x);
      max_x = std::max(max_x, p.x);
      min_y = std::min(min_y, p.y);
      max_y = std::max(max_y, p.y);
    }
    const bool roofed = zone.kind == ZoneKind::Accommodation || zone.kind == ZoneKind::Headquarters ||
                        zone.kind == ZoneKind::Hospital;
    for (int i = 0; i < count; ++i) {
      Point at{rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)};
      for (int tries = 0; tries < 1000 && !contains(zone.polygon, at); ++tries)
        at = {rng.uniform(min_x, max_x), rng.uniform(min_y, max_y)};
      people.push_back({at, roofed ? Protection::Container : Protection::Open, static_cast<int>(z), zone.contingent,
                        night && zone.kind == ZoneKind::Accommodation});
    }
  }
  return people;
}

}  // namespace campsim::camp
