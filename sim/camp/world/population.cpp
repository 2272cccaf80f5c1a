#include "sim/camp/world/population.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <utility>

#include "sim/camp/human_factors.hpp"
#include "sim/engine/remembered.hpp"

namespace campsim::camp {

namespace {

// The i-th point of the Halton sequence in base b (van der Corput radical inverse).
double radical_inverse(std::uint32_t i, std::uint32_t base) {
  double inverse = 1.0 / base, value = 0;
  for (double f = inverse; i > 0; i /= base, f *= inverse) value += f * static_cast<double>(i % base);
  return value;
}

PersonRole role_for(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::Hospital: return PersonRole::Medical;
    case ZoneKind::Logistics:
    case ZoneKind::Motorpool:
    case ZoneKind::Airfield:
    case ZoneKind::Helipad: return PersonRole::Logistics;
    case ZoneKind::Headquarters:
    case ZoneKind::Accommodation:
    case ZoneKind::Other: return PersonRole::Staff;
  }
  return PersonRole::Staff;
}

// Populations remembered at most (about 0.2 MB each for the Gao camp); past it the memory starts again.
constexpr std::size_t kRememberedPopulations = 8;

// Everything the constructor reads, in order: equal keys give equal populations.
using PopulationKey = std::pair<std::vector<double>, std::vector<std::string>>;

PopulationKey population_key(const CampLayout& layout, const std::string& guard_contingent, int guard_pool) {
  PopulationKey key;
  auto& [numbers, names] = key;
  numbers.insert(numbers.end(), {static_cast<double>(guard_pool), static_cast<double>(layout.zones.size())});
  names.push_back(guard_contingent);
  for (const Zone& z : layout.zones) {
    numbers.insert(numbers.end(), {static_cast<double>(z.kind), static_cast<double>(z.occupants_day),
                                   static_cast<double>(z.occupants_night), static_cast<double>(z.polygon.size())});
    for (const Point& p : z.polygon) numbers.insert(numbers.end(), {p.x, p.y});
    names.push_back(z.contingent);
  }
  return key;
}

}  // namespace

Population Population::for_layout(const CampLayout& layout, const std::string& guard_contingent, int guard_pool) {
  static engine::Remembered<PopulationKey, Built> remembered(kRememberedPopulations);
  const std::shared_ptr<const Built> prototype = remembered.get(population_key(layout, guard_contingent, guard_pool), [&] {
    return Population(layout, guard_contingent, guard_pool).built();
  });
  return Population(layout, *prototype);
}

Population::Population(const CampLayout& layout, const Built& built)
    : layout_(layout),
      people_(built.people),
      contingents_(built.contingents),
      spots_used_(built.spots_used),
      guard_home_(built.guard_home),
      guard_contingent_(built.guard_contingent) {}

Population::Built Population::built() const {
  return {people_, contingents_, spots_used_, guard_home_, guard_contingent_};
}

Protection zone_protection(const Zone& zone) {
  const bool roofed = zone.kind == ZoneKind::Accommodation || zone.kind == ZoneKind::Headquarters ||
                      zone.kind == ZoneKind::Hospital;
  return roofed ? Protection::Container : Protection::Open;
}

ScheduleClock schedule_clock(const DailySchedule& s, SimTime tod) {
  return {in_daily_window(tod, s.work_from, s.work_to), in_daily_window(tod, s.lights_out, s.work_from),
          in_daily_window(tod, s.work_from, s.night_sleep_to)};
}

ScheduledPlace scheduled_place(const PersonRecord& person, const ScheduleClock& clock) {
  const ScheduledPlace home{person.home_spot, clock.night_asleep ? PersonActivity::Asleep : PersonActivity::AtHome,
                            person.home};
  const bool working_hours = clock.working_hours;
  if (scheduled_off_camp(person.shift, working_hours)) return {person.home_spot, PersonActivity::OffCamp, std::nullopt};
  switch (person.shift) {
    case Shift::Day:
      if (working_hours && person.work) return {person.work_spot, PersonActivity::AtWork, person.work};
      return home;
    case Shift::Night:
      if (!working_hours && person.work) return {person.work_spot, PersonActivity::AtWork, person.work};
      return {person.home_spot,
              clock.night_shift_asleep ? PersonActivity::Asleep : PersonActivity::AtHome,
              person.home};
    case Shift::OffCamp: return home;  // off the camp in working hours: above
    case Shift::Home:
    case Shift::Roster: return home;
  }
  return home;
}

Population::Population(const CampLayout& layout, const std::string& guard_contingent, int guard_pool)
    : layout_(layout), spots_used_(layout.zones.size(), 0) {
  guard_contingent_ = contingent_index(guard_contingent);
  for (std::size_t z = 0; z < layout.zones.size(); ++z)
    if (layout.zones[z].kind == ZoneKind::Accommodation && layout.zones[z].contingent == guard_contingent) {
      guard_home_ = id_at<ZoneId>(z);
      break;
    }

  // 1. Residents: every accommodation zone's night occupants (the guards come later, in place
  // of as many residents of their lines).
  std::vector<std::vector<std::uint32_t>> free_residents(layout.zones.size());
  for (std::size_t z = 0; z < layout.zones.size(); ++z) {
    const Zone& zone = layout.zones[z];
    if (zone.kind != ZoneKind::Accommodation) continue;
    int residents = std::max(0, zone.occupants_night);
    if (id_at<ZoneId>(z) == guard_home_) residents = std::max(0, residents - guard_pool);
    const int contingent = contingent_index(zone.contingent);
    for (int i = 0; i < residents; ++i) {
      PersonRecord p;
      p.contingent = contingent;
      p.home = id_at<ZoneId>(z);
      p.home_spot = spot_in_zone(id_at<ZoneId>(z));
      free_residents[z].push_back(static_cast<std::uint32_t>(people_.size()));
      people_.push_back(p);
    }
    // Taken from the back, so the first residents of a zone stay at home longest.
    std::reverse(free_residents[z].begin(), free_residents[z].end());
  }

  // 2. Workers for every other zone, by day then by night: residents of the zone's own
  // contingent first, then whoever is in the accommodation zone with most free residents
  // (lowest zone index on ties), so the choice never depends on anything but the layout.
  auto take_resident = [&](const std::string& contingent) -> std::optional<std::uint32_t> {
    auto best_zone = [&](bool same_contingent) {
      std::size_t best = free_residents.size();
      for (std::size_t z = 0; z < free_residents.size(); ++z) {
        if (free_residents[z].empty() || (same_contingent && layout.zones[z].contingent != contingent)) continue;
        if (best == free_residents.size() || free_residents[z].size() > free_residents[best].size()) best = z;
      }
      return best;
    };
    std::size_t z = best_zone(true);
    if (z == free_residents.size()) z = best_zone(false);
    if (z == free_residents.size()) return std::nullopt;
    const std::uint32_t id = free_residents[z].back();
    free_residents[z].pop_back();
    return id;
  };
  for (Shift shift : {Shift::Day, Shift::Night}) {
    for (std::size_t z = 0; z < layout.zones.size(); ++z) {
      const Zone& zone = layout.zones[z];
      if (zone.kind == ZoneKind::Accommodation) continue;
      const int needed = shift == Shift::Day ? zone.occupants_day : zone.occupants_night;
      for (int i = 0; i < needed; ++i) {
        const std::optional<std::uint32_t> id = take_resident(zone.contingent);
        if (!id) break;  // more workplaces than residents: the rest stay empty
        PersonRecord& p = people_[*id];
        p.shift = shift;
        p.work = id_at<ZoneId>(z);
        p.work_spot = spot_in_zone(id_at<ZoneId>(z));
        p.role = role_for(zone.kind);
      }
    }
  }

  // 3. By day, a zone holds its occupants_day: the rest of its day-time residents are out of camp.
  for (std::size_t z = 0; z < layout.zones.size(); ++z) {
    const Zone& zone = layout.zones[z];
    if (zone.kind != ZoneKind::Accommodation) continue;
    // Guards off duty spend the day at home: about (pool - guards on post), counted as the pool.
    int at_home_by_day = id_at<ZoneId>(z) == guard_home_ ? guard_pool : 0;
    for (const PersonRecord& p : people_)
      if (p.home == id_at<ZoneId>(z) && (p.shift == Shift::Home || p.shift == Shift::Night)) ++at_home_by_day;
    int surplus = at_home_by_day - std::max(0, zone.occupants_day);
    for (std::uint32_t id : free_residents[z]) {
      if (surplus <= 0) break;
      people_[id].shift = Shift::OffCamp;
      --surplus;
    }
  }
}

int Population::contingent_index(const std::string& name) {
  const auto it = std::find(contingents_.begin(), contingents_.end(), name);
  if (it != contingents_.end()) return static_cast<int>(it - contingents_.begin());
  contingents_.push_back(name);
  return static_cast<int>(contingents_.size()) - 1;
}

Point Population::spot_in_zone(ZoneId zone) {
  const std::vector<Point>& poly = layout_.zone(zone).polygon;
  if (poly.empty()) return {};
  double min_x = poly[0].x, max_x = min_x, min_y = poly[0].y, max_y = min_y;
  for (const Point& p : poly) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
  std::uint32_t& used = spots_used_[zone.value];
  Point at{};
  // Halton points are dense in the box, so a point inside the polygon comes within a few tries
  // for any polygon of reasonable shape; a degenerate one falls back to its first vertex.
  for (int tries = 0; tries < 1000; ++tries) {
    ++used;
    at = {min_x + radical_inverse(used, 2) * (max_x - min_x), min_y + radical_inverse(used, 3) * (max_y - min_y)};
    if (poly.size() < 3 || contains(poly, at)) return at;
  }
  return poly.front();
}

PersonId Population::add_guard(int soldier) {
  PersonRecord p;
  p.role = PersonRole::Guard;
  p.shift = Shift::Roster;
  p.contingent = guard_contingent_;
  p.soldier = soldier;
  p.home = guard_home_;
  p.home_spot = guard_home_ ? spot_in_zone(*guard_home_) : Point{};
  people_.push_back(p);
  return PersonId{static_cast<std::uint32_t>(people_.size() - 1)};
}

}  // namespace campsim::camp
