#pragma once
// Hand-built worlds whose movements can be worked out on paper.
#include "sim/camp/guard_model.hpp"
#include "sim/camp/resolve_layout.hpp"
#include "sim/engine/event_queue.hpp"
#include "sim/camp/world/world.hpp"
#include "tests/camp/small_camp.hpp"

namespace campsim::testing {

// A square camp of `side` metres with one accommodation zone (the guards' lines, CHN), a
// bunker in the north, one tower post and `soldiers` guards. Everyone is at home all day
// (occupants_day = occupants_night), so positions are known.
inline camp::Scenario world_camp(int residents, double side = 200, int soldiers = 3) {
  using namespace campsim::camp;
  Scenario s = small_camp(1, soldiers, 8);
  s.layout.perimeter = {{0, 0}, {side, 0}, {side, side}, {0, side}};
  Zone lines;
  lines.name = "lines";
  lines.kind = ZoneKind::Accommodation;
  lines.polygon = {{20, 20}, {60, 20}, {60, 40}, {20, 40}};
  lines.occupants_night = residents + soldiers;  // the guards live there too
  lines.occupants_day = residents + soldiers;
  lines.contingent = s.guards.force.contingent;
  s.layout.zones.push_back(lines);
  s.layout.bunkers.push_back({"B0", {40, 140}, 10000});
  return s;
}

// The pieces a World needs, owned together so a test can drive them by hand.
struct WorldRig {
  const camp::Scenario& scenario;
  engine::Parallelism parallelism;
  engine::EventLog log;
  engine::TimeSeries series{camp::GuardModel::time_series_columns()};
  camp::GuardModel guards;
  std::vector<camp::Point> posts;
  camp::World world;
  engine::EventQueue queue;

  explicit WorldRig(const camp::Scenario& s, int threads = 1)
      : scenario(s),
        parallelism(threads),
        guards(s.guards, camp::GuardModelConfig{1, 0, s.meta.start_time_of_day, s.meta.duration, 900}, log, series),
        posts(camp::post_positions(s)),
        world(s.layout, s.guards, s.world, guards, posts, s.meta.start_time_of_day, parallelism, log) {
    // The first roster puts the sentries on post at t = 0.
    guards.schedule_initial_events(queue);
    while (!queue.empty() && queue.next_time() <= 0) {
      const engine::Event e = queue.pop();
      guards.on_event(e, queue);
    }
  }

  // Ticks the world's two phases from `from` for `seconds` whole seconds.
  void tick(double from, int seconds) {
    for (int k = 0; k < seconds; ++k) {
      world.move(from + k, 1.0);
      world.settle(from + k, 1.0);
    }
  }
};

}  // namespace campsim::testing
