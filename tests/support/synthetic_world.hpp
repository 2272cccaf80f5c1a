#pragma once
// Hand-made world snapshots for the recording and viewer tests and the frame benchmark: N people
// scattered over a 1.5 km x 1 km camp, a few vehicles, an incident and an impact, moved forward a
// step at a time by a small generator of its own (no model, no shared random state).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/camp/layout.hpp"
#include "sim/camp/core/world_snapshot.hpp"

namespace campsim::testing {

// A 64-bit linear congruential generator (Knuth's MMIX constants): enough for test data.
class TestRandom {
 public:
  explicit TestRandom(std::uint64_t seed) : state_(seed * 2 + 1) {}
  double uniform() {  // [0, 1)
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) * 0x1.0p-53;
  }
  int below(int n) { return static_cast<int>(uniform() * n); }

 private:
  std::uint64_t state_;
};

// A small rectangular camp: 1500 m x 1000 m, one gate west, two towers, one zone, one bunker.
inline camp::CampLayout synthetic_layout() {
  camp::CampLayout layout;
  layout.perimeter = {{0, 0}, {1500, 0}, {1500, 1000}, {0, 1000}};
  layout.gates = {{"west_gate", {0, 500}, true, true}};
  layout.towers = {{"T_sw", {5, 5}, 225, 270, 400}, {"T_ne", {1495, 995}, 45, 270, 400}};
  camp::Zone hospital;
  hospital.name = "hospital";
  hospital.kind = camp::ZoneKind::Hospital;
  hospital.polygon = {{450, 420}, {560, 420}, {560, 520}, {450, 520}};
  layout.zones = {hospital};
  layout.bunkers = {{"b1", {300, 300}, 40}};
  layout.road_nodes = {{"gate", {0, 500}}, {"centre", {750, 500}}};
  layout.road_edges = {{0, 1, 750}};
  return layout;
}

inline camp::WorldSnapshot synthetic_world(int people, std::uint64_t seed, engine::SimTime time = 0) {
  TestRandom random(seed);
  camp::WorldSnapshot s;
  s.time = time;
  s.time_of_day = time;
  s.posts = {{"T_sw", camp::PostKind::Tower, {5, 5}, 1, 1, 0.8}, {"T_ne", camp::PostKind::Tower, {1495, 995}, 1, 0, 0},
             {"west_gate", camp::PostKind::Gate, {0, 500}, 2, 2, 0.6}};
  for (int i = 0; i < people; ++i) {
    camp::PersonView p;
    p.id = static_cast<std::uint32_t>(i);
    p.position = {10 + 1480 * random.uniform(), 10 + 980 * random.uniform()};
    p.role = static_cast<camp::PersonRole>(random.below(5));
    p.activity = static_cast<camp::PersonActivity>(random.below(9));
    s.people.push_back(p);
  }
  s.vehicles = {{1, camp::VehicleKind::Qrf, camp::VehicleState::AtBase, {700, 600}},
                {2, camp::VehicleKind::Ambulance, camp::VehicleState::EnRoute, {400, 500}},
                {3, camp::VehicleKind::Escort, camp::VehicleState::Mobilizing, {705, 600}}};
  s.incidents = {{7, camp::ThreatKind::IndirectFire, {900, 300}, "impacts", time}};
  s.impacts = {{{900, 300}, 25, time}};
  s.hospital.icu_beds = 4;
  s.hospital.ward_beds = 40;
  s.hospital.ward_beds_used = 12;
  return s;
}

// The next snapshot: `movers` people walk a metre or two, the clock moves on by dt, now and
// then a vehicle changes state or a post loses its sentry, and the impact fades out of the list.
inline camp::WorldSnapshot step_world(const camp::WorldSnapshot& previous, int movers, engine::SimTime dt,
                                      TestRandom& random) {
  camp::WorldSnapshot s = previous;
  s.time += dt;
  s.time_of_day = s.time - 86400.0 * static_cast<int>(s.time / 86400.0);
  for (int k = 0; k < movers && !s.people.empty(); ++k) {
    camp::PersonView& p = s.people[static_cast<std::size_t>(random.below(static_cast<int>(s.people.size())))];
    p.position.x += 2 * random.uniform() - 1;
    p.position.y += 2 * random.uniform() - 1;
    p.activity = camp::PersonActivity::Moving;
  }
  if (random.uniform() < 0.2) s.vehicles[0].state = static_cast<camp::VehicleState>(random.below(6));
  if (random.uniform() < 0.1) s.posts[1].on_post = 1 - s.posts[1].on_post;
  if (random.uniform() < 0.05) s.hospital.ward_beds_used += 1;
  if (!s.impacts.empty() && s.time - s.impacts.front().time > 300) s.impacts.clear();
  if (random.uniform() < 0.02) s.incidents.front().phase = "contained";
  return s;
}

}  // namespace campsim::testing
