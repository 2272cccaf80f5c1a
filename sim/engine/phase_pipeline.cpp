#include "sim/engine/phase_pipeline.hpp"

#include <chrono>
#include <utility>

namespace campsim::engine {

void PhasePipeline::add(std::string name, std::function<void(SimTime now, SimTime dt)> phase) {
  Phase entry;
  entry.body = std::move(phase);
  entry.timing.name = std::move(name);
  phases_.push_back(std::move(entry));
}

void PhasePipeline::run(SimTime now, SimTime dt) {
  for (Phase& phase : phases_) {
    const auto started = std::chrono::steady_clock::now();
    phase.body(now, dt);
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    ++phase.timing.calls;
    phase.timing.seconds += elapsed.count();
  }
}

std::vector<PhasePipeline::Timing> PhasePipeline::timings() const {
  std::vector<Timing> out;
  out.reserve(phases_.size());
  for (const Phase& phase : phases_) out.push_back(phase.timing);
  return out;
}

}  // namespace campsim::engine
