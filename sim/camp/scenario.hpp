#pragma once
// A whole scenario as plain, validated structs, and the one function that loads it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/camp/guard_params.hpp"
#include "sim/camp/layout.hpp"
#include "sim/camp/medical/medical_params.hpp"
#include "sim/camp/protest/protest_params.hpp"
#include "sim/camp/core/qrf.hpp"
#include "sim/camp/threats/threat_params.hpp"
#include "sim/camp/world/world_params.hpp"

namespace campsim::camp {

struct ScenarioMeta {
  std::string name;
  std::string description;
  std::string label;  // short, for compare's tables and plots (io::valid_label); empty: the name
  SimTime duration = 30 * engine::kDay;
  SimTime start_time_of_day = 0;  // local time at t = 0 (Gao is UTC+0 all year)
  SimTime tick = 1.0;             // the fixed step while anything moves
  int seed = 1;                   // used when the command line gives none
};

struct MetricsParams {
  SimTime sample_interval = 15 * engine::kMinute;  // how often vigilance and manning are sampled
};

struct Scenario {
  ScenarioMeta meta;
  CampLayout layout;
  WorldParams world;
  GuardParams guards;
  ThreatParams threats;
  QrfParams qrf;
  MedicalParams medical;
  protest::ProtestParams protests;
  MetricsParams metrics;
};

struct LoadedScenario {
  Scenario scenario;
  std::filesystem::path file;
  nlohmann::ordered_json resolved;  // every parameter as used, defaults included
  std::string hash;                 // of `resolved`: equal hashes mean equal inputs
  std::vector<scenario::Warning> warnings;  // keys that load but change nothing in a run
};

// Reads, merges (`extends:`), applies `--set` overrides, type-checks and validates the whole
// scenario. Throws scenario::ScenarioError listing every problem found.
LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

}  // namespace campsim::camp
