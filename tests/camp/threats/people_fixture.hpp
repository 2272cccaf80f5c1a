#pragma once
// People for threat tests that resolve an attack on its own, without a world: each zone's day or
// night occupants spread uniformly at random over it (the setting of the Carleton identities),
// plus the sentries a test gives, standing at their posts. The world (sim/camp/world) replaces
// this in real runs.
#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/camp/core/person.hpp"
#include "sim/camp/threats/threat_context.hpp"
#include "sim/engine/random.hpp"

namespace campsim::testing {

inline std::vector<camp::Person> place_people(const camp::CampLayout& layout, camp::SimTime time_of_day,
                                              engine::RandomStream& rng) {
  using namespace campsim::camp;
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
      Person person;
      person.position = at;
      person.protection = roofed ? Protection::Container : Protection::Open;
      person.zone = id_at<ZoneId>(z);
      person.contingent = zone.contingent;
      person.asleep = night && zone.kind == ZoneKind::Accommodation;
      people.push_back(std::move(person));
    }
  }
  return people;
}

// A people_at for a ThreatContext: a fresh random placement at every call (a counter keys the
// stream, so successive incidents are independent and a test replays exactly), then the sentries.
inline std::function<std::vector<camp::Person>(camp::SimTime)> evenly_placed(
    const camp::CampLayout& layout, camp::SimTime start_time_of_day,
    std::function<std::vector<camp::Sentry>(camp::SimTime)> sentries = {}, std::string contingent = "CHN") {
  auto calls = std::make_shared<std::uint64_t>(0);
  return [&layout, start_time_of_day, sentries, contingent, calls](camp::SimTime t) {
    using namespace campsim::camp;
    engine::RandomStream rng(engine::StreamKey{7, 0, engine::purpose_tag("test_people"), (*calls)++, 0});
    std::vector<Person> people = place_people(layout, engine::time_of_day(start_time_of_day, t), rng);
    if (sentries)
      for (const Sentry& s : sentries(t)) {
        Person p;
        p.position = s.position;
        p.protection = s.kind == PostKind::Tower ? Protection::Container : Protection::Open;
        p.contingent = contingent;
        p.sentry = true;
        people.push_back(std::move(p));
      }
    return people;
  };
}

}  // namespace campsim::testing
