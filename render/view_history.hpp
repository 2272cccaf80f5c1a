#pragma once
// What the viewer remembers of the last hours: chart samples and a log of what changed. Both are
// functions of the snapshots seen from (now - window) to now and nothing else, so a live run and
// a recording seeked to the same time show the same charts and log. No SFML here.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "sim/camp/core/world_snapshot.hpp"
#include "sim/engine/sim_time.hpp"

namespace campsim::render {

struct ChartPoint {
  engine::SimTime time = 0;  // on the sampling grid (a multiple of kSampleEvery)
  double vigilance = 0;      // mean of the sentries on post (0 when none)
  double coverage = 0;       // share of required sentries on post (1 when none required)
  double occupancy = 0;      // ICU and ward beds used / beds (0 when there are none)
};

struct LogLine {
  engine::SimTime time = 0;
  std::string text;
  bool alert = false;  // attacks, casualties, shortfalls
};

ChartPoint summarize(const camp::WorldSnapshot& snapshot);

class ViewHistory {
 public:
  static constexpr engine::SimTime kWindow = 6 * engine::kHour;
  static constexpr engine::SimTime kSampleEvery = 5 * engine::kMinute;

  void clear();
  // Snapshots in time order. The first one after clear() starts the history; it logs nothing.
  void observe(const camp::WorldSnapshot& snapshot);
  // The state in force at each grid instant of [now - kWindow, now].
  std::vector<ChartPoint> chart(engine::SimTime now) const;
  // The last `count` lines with times in (now - kWindow, now].
  std::vector<LogLine> log_tail(engine::SimTime now, std::size_t count) const;

 private:
  void log_changes(const camp::WorldSnapshot& before, const camp::WorldSnapshot& after);

  std::optional<camp::WorldSnapshot> last_;  // without its people (not needed, and large)
  std::deque<ChartPoint> samples_;           // grid instants before last_->time
  std::deque<LogLine> log_;
  // When the fight's shooting was last heard: "shots fired" is logged when it starts again after
  // a lull, not every time a fighter's muzzle flash comes and goes between two frames.
  double last_shots_ = -1e300;
};

// "Day 2 20:45:13": days counted from 1 at the scenario's start, local time of day.
std::string clock_text(engine::SimTime start_time_of_day, engine::SimTime t);
// "+00:04:12" or "+2d 03:00:00" for elapsed times.
std::string elapsed_text(engine::SimTime seconds);
// 0 by day, 1 at night, linear through dusk and dawn (render/daylight: see docs/user-guide.md).
double darkness(engine::SimTime time_of_day);

}  // namespace campsim::render
