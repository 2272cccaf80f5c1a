#pragma once
// Builds a BatchPlan from files: the scenario, each policy (a scenario file that `extends:` the
// base), the command's --set overrides and an optional design. Every cell (design point x policy)
// is loaded and validated before anything runs, so a bad policy or design value is reported
// before a single row is written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/batch/batch_plan.hpp"

namespace campsim::batch {

struct PlanRequest {
  std::string scenario_file;
  std::vector<std::string> policy_files;
  std::vector<std::string> overrides;  // --set, in order
  std::optional<Design> design;
  int replications = 1;
  std::optional<std::uint64_t> seed;  // nothing: the scenario's own seed
  std::optional<double> days;
};

// Throws BatchInputError with every diagnostic of the first cell that fails (file:line:col ...),
// which policy and design point it was, and a count; or for policy names that clash, or a --set
// of a key the design varies.
BatchPlan load_plan(const PlanRequest& request);

}  // namespace campsim::batch
