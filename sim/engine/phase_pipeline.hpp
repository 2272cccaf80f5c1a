#pragma once
// One tick as a fixed, named list of phases run in the order added. Each phase is timed with
// steady_clock for profiles; timings never feed back into results.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/engine/sim_time.hpp"

namespace campsim::engine {

class PhasePipeline {
 public:
  void add(std::string name, std::function<void(SimTime now, SimTime dt)> phase);
  void run(SimTime now, SimTime dt);

  struct Timing {
    std::string name;
    std::uint64_t calls = 0;
    double seconds = 0;
  };
  std::vector<Timing> timings() const;  // in phase order

 private:
  struct Phase {
    std::function<void(SimTime, SimTime)> body;
    Timing timing;
  };
  std::vector<Phase> phases_;
};

}  // namespace campsim::engine
