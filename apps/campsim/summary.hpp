#pragma once
// The short human summary `campsim run` prints after a run.
#include <filesystem>
#include <ostream>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::cli {

// The header speaks the user's language (scenario, seed, days simulated, how long it took);
// the engine's own counters (events, ticks, jumps) only with `verbose` (--verbose).
void print_run_summary(std::ostream& out, const camp::LoadedScenario& loaded, const camp::RunResult& result,
                       const std::filesystem::path& run_dir, bool verbose = false);

}  // namespace campsim::cli
