#pragma once
// The threat level the Gao baseline assumed before it was calibrated to the public record
// (docs/calibration.md): about twenty attacks a year instead of about two. Tests of the medical
// chain and of policy comparisons need casualties in every run, so they run the baseline (and
// the policies that extend it) under these overrides; scenarios/gao_high_threat.yaml is the same
// stress level as a scenario for users.
#include <string>
#include <vector>

namespace campsim::testing {

inline const std::vector<std::string>& stress_threats() {
  static const std::vector<std::string> overrides = {
      "threats.indirect_fire.arrivals.per_day=0.02",   "threats.indirect_fire.cep_m=150",
      "threats.indirect_fire.detection_probability=0.7", "threats.vehicle_bomb.arrivals.per_day=0.0015",
      "threats.infiltration.arrivals.per_day=0.01",    "threats.complex_attack.arrivals.per_day=0.0005",
      "threats.roadside_bomb.bombs_per_1000_km=0.05"};
  return overrides;
}

// The same overrides as command-line arguments (" --set K=V" each), for CLI tests.
inline std::string stress_threat_args() {
  std::string args;
  for (const std::string& o : stress_threats()) args += " --set " + o;
  return args;
}

}  // namespace campsim::testing
