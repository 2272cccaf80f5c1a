// Fuzzes `--set` overrides on the Gao baseline: each input line is one KEY.PATH=VALUE
// assignment (at most four), applied in order, then the whole scenario is read and validated.
// Only ScenarioError is an acceptable failure.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "sim/camp/scenario.hpp"
#include "sim/scenario/diagnostic.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream lines(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<std::string> overrides;
  for (std::string line; overrides.size() < 4 && std::getline(lines, line);) overrides.push_back(line);
  try {
    const campsim::camp::LoadedScenario loaded =
        campsim::camp::load_scenario(CAMPSIM_SOURCE_DIR "/scenarios/gao_baseline.yaml", overrides);
    (void)loaded.resolved.dump();
  } catch (const campsim::scenario::ScenarioError&) {
  }
  return 0;
}
