#pragma once
// A small batch directory written by hand, with known properties, for the analysis and CLI
// tests (campsim batch is developed separately; this follows /work/notes/batch-format.md).
//
// Two policies (gao_baseline, the reference, and pre_authorized_dispatch), 20 replications, one
// design point. The metrics, per replication r:
//   medical.died_of_wounds     reference kDeaths[r]; policy kDeaths[r] - kSaved[r] (saved lives)
//   medical.compliance.first_aid_10min  reference 0.5 + 0.05 ((7r mod 5) - 2); policy that + 0.1 + 0.02 ((r mod 3) - 1)
//   threats.casualties.killed  3 + (r mod 4) for both (common random numbers: same attacks)
//   medical.dispatch.approval_delay_mean_min  reference 10 + (r mod 4) (missing at r = 7);
//                              policy 2 + 0.5 (r mod 4) (missing at r = 3)
//   guards.coverage.overall    reference 0.98 + 0.001 (r mod 5); policy that + 0.002 (direction unknown)
// care.csv: per run, two wounded casualties reaching on scene at 20 + r (reference) or
// 12 + r (policy) minutes, hospital 30 min later, surgery 60 min after that (first one only);
// and in replications r = 0 mod 5 one casualty killed outright with no times.
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace campsim::testing {

inline constexpr int kReplications = 20;
inline constexpr std::array<int, kReplications> kDeaths{1, 3, 2, 2, 4, 0, 2, 3, 1, 2, 2, 1, 3, 2, 2, 3, 1, 2, 2, 2};
inline constexpr std::array<int, kReplications> kSaved{1, 1, 0, 1, 2, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 2, 0, 1, 1, 1};

struct SyntheticMetric {
  std::string name;
  std::function<std::optional<double>(int policy, int replication)> value;
};

inline std::vector<SyntheticMetric> synthetic_metrics() {
  return {
      {"guards.coverage.overall", [](int p, int r) { return std::optional<double>(0.98 + 0.001 * (r % 5) + (p ? 0.002 : 0.0)); }},
      {"threats.casualties.killed", [](int, int r) { return std::optional<double>(3 + r % 4); }},
      {"medical.died_of_wounds", [](int p, int r) { return std::optional<double>(kDeaths[static_cast<std::size_t>(r)] - (p ? kSaved[static_cast<std::size_t>(r)] : 0)); }},
      {"medical.compliance.first_aid_10min",
       [](int p, int r) {
         const double reference = 0.5 + 0.05 * ((7 * r % 5) - 2);
         return std::optional<double>(p ? reference + 0.1 + 0.02 * ((r % 3) - 1) : reference);
       }},
      {"medical.dispatch.approval_delay_mean_min",
       [](int p, int r) -> std::optional<double> {
         if ((p == 0 && r == 7) || (p == 1 && r == 3)) return std::nullopt;
         return p ? 2 + 0.5 * (r % 4) : 10.0 + r % 4;
       }},
  };
}

inline const std::array<const char*, 2> kPolicies{"gao_baseline", "pre_authorized_dispatch"};

inline std::string number(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

// Writes the batch into `dir` (created). `metrics` may be a subset, to test absent columns;
// `days` is batch.json's value (30, 1, or null: each scenario's own duration).
inline void write_synthetic_batch(const std::filesystem::path& dir, const std::vector<SyntheticMetric>& metrics = synthetic_metrics(),
                                  bool with_casualties = true, const std::string& days = "30") {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "batch.json") << R"({
  "campsim_version": "0.1.0", "git_revision": "test", "scenario": "scenarios/gao_baseline.yaml",
  "replications": 20, "seed": 11, "days": )" << days << R"(,
  "policies": [{"name": "gao_baseline", "file": "scenarios/gao_baseline.yaml", "hash": "fnv1a64:0"},
               {"name": "pre_authorized_dispatch", "file": "policies/pre_authorized_dispatch.yaml", "hash": "fnv1a64:1"}],
  "design": null, "shard": null
}
)";
  std::ofstream results(dir / "results.csv");
  results << "design_point,policy,replication,seed";
  for (const auto& m : metrics) results << "," << m.name;
  results << "\n";
  for (int p = 0; p < 2; ++p)
    for (int r = 0; r < kReplications; ++r) {
      results << "0," << kPolicies[static_cast<std::size_t>(p)] << "," << r << ",11";
      for (const auto& m : metrics) {
        results << ",";
        if (auto v = m.value(p, r)) results << number(*v);
      }
      results << "\n";
    }
  // A finished batch has its summary; without one, compare warns that the batch is unfinished.
  std::ofstream(dir / "summary.md") << "# synthetic batch\n";
  if (!with_casualties) return;
  std::ofstream casualties(dir / "care.csv");
  casualties << "design_point,policy,replication,seed,casualty,incident,cause,triage,contingent,injury_h,first_aid_min,"
                "request_min,approved_min,approval_delay_min,dispatched_min,on_scene_min,at_hospital_min,"
                "resuscitation_min,surgery_min,outcome\n";
  for (int p = 0; p < 2; ++p)
    for (int r = 0; r < kReplications; ++r) {
      const std::string key = "0," + std::string(kPolicies[static_cast<std::size_t>(p)]) + "," + std::to_string(r) + ",11,";
      const int on_scene = (p ? 12 : 20) + r;
      for (int c = 0; c < 2; ++c)
        casualties << key << c << ",0,indirect_fire,T" << c + 1 << ",MINUSMA," << 10 + c << ",5,6," << (p ? 6 : 8) << ","
                   << (p ? 0 : 2) << "," << (p ? 7 : 9) << "," << on_scene << "," << on_scene + 30 << "," << on_scene + 40
                   << "," << (c == 0 ? std::to_string(on_scene + 90) : "") << "," << (c == 0 ? "survived" : "died_of_wounds")
                   << "\n";
      if (r % 5 == 0) casualties << key << "2,0,indirect_fire,killed,MINUSMA,10,,,,,,,,,,killed\n";
    }
}

}  // namespace campsim::testing
