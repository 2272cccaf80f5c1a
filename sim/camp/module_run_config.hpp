#pragma once
// What every module of the one world needs to know about the run it is part of: the seed and
// replication its random streams are keyed by, the local time of day at t = 0, and the end.
#include <cstdint>

#include "sim/engine/sim_time.hpp"

namespace campsim::camp {

struct ModuleRunConfig {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  engine::SimTime start_time_of_day = 0;
  engine::SimTime end = 30 * engine::kDay;  // e.g. routine admissions stop; averages are over [0, end]
};

}  // namespace campsim::camp
