#pragma once
// The short human summary `campsim run` prints after a run.
#include <filesystem>
#include <ostream>

#include "sim/camp/camp_run.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::cli {

void print_run_summary(std::ostream& out, const camp::LoadedScenario& loaded, const camp::RunResult& result,
                       const std::filesystem::path& run_dir);

}  // namespace campsim::cli
