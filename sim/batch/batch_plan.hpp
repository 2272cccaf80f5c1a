#pragma once
// What a batch runs: every (design point, policy, replication), and the scenario and random
// numbers of each.
//
// Common random numbers: replication r of EVERY policy and design point runs with the same
// RunOptions{seed = S, replication = r}, so it draws the very same random streams (the streams
// are keyed by seed, replication, purpose, entity and tick, never by the scenario). Where two
// policies do not change a draw's purpose, entity and tick, they see the same luck, and the
// difference between them in replication r is the policy's effect plus far less noise than
// between independent runs: paired differences need fewer replications for the same precision.
#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/batch/design.hpp"
#include "sim/camp/camp_run.hpp"
#include "sim/camp/scenario.hpp"

namespace campsim::batch {

// Bad input found while planning (a scenario or policy with errors, clashing names): the
// message is complete and ready to print; nothing has been written.
struct BatchInputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct PolicyInfo {
  std::string name;  // file stem: the results' `policy` column
  std::string file;  // as given on the command line
  std::string hash;  // scenario hash with the command's --set (no design settings)
  std::string label; // the file's scenario.label (shown by compare in place of the name); may be empty
};

// One row of results. The comparison orders keys as finished files are sorted.
struct JobKey {
  int design_point = 0;
  int policy = 0;  // index into BatchPlan::policies; 0 is the reference scenario
  int replication = 0;
  auto operator<=>(const JobKey&) const = default;
};

struct Shard {
  int index = 0, count = 1;
};

// "i/N" with 0 <= i < N; nothing for anything else.
std::optional<Shard> parse_shard(std::string_view text);

struct BatchPlan {
  std::string scenario_file;  // as given
  std::vector<PolicyInfo> policies;  // [0] is the scenario itself
  std::vector<std::string> overrides;  // the command's --set, applied to every policy
  std::optional<Design> design;
  int replications = 1;
  std::uint64_t seed = 1;
  std::optional<double> days;  // nothing: each scenario's own duration
  std::vector<camp::Scenario> cells;  // [design_point * policies.size() + policy]

  int design_points() const { return design ? static_cast<int>(design->table.size()) : 1; }
  const camp::Scenario& scenario_of(const JobKey& key) const;
  std::vector<std::string> factor_keys() const;  // design columns, in factor order (none without a design)
  // The design values of a point, in factor_keys() order (none without a design).
  std::vector<std::string> factor_values(int design_point) const;
};

// Every key of the plan, sorted.
std::vector<JobKey> all_jobs(const BatchPlan& plan);
// Job i of the sorted list belongs to shard i mod N: shards of a batch are disjoint, cover it,
// and each holds every policy and design point in about equal numbers.
std::vector<JobKey> shard_jobs(const std::vector<JobKey>& jobs, Shard shard);
// The run options of one job: the same seed and replication for every policy (CRN).
camp::RunOptions run_options(const BatchPlan& plan, const JobKey& key);

}  // namespace campsim::batch
