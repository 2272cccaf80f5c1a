#include "sim/batch/batch_plan.hpp"

#include <charconv>

#include "sim/engine/sim_time.hpp"

namespace campsim::batch {

namespace {

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = whole_number(text.substr(0, slash));
  const auto count = whole_number(text.substr(slash + 1));
  if (!index || !count || *count < 1 || *index < 0 || *index >= *count) return std::nullopt;
  return Shard{*index, *count};
}

const camp::Scenario& BatchPlan::scenario_of(const JobKey& key) const {
  return cells.at(static_cast<std::size_t>(key.design_point) * policies.size() + static_cast<std::size_t>(key.policy));
}

std::vector<std::string> BatchPlan::factor_keys() const {
  std::vector<std::string> keys;
  if (design)
    for (const Factor& f : design->factors) keys.push_back(f.key);
  return keys;
}

std::vector<std::string> BatchPlan::factor_values(int design_point) const {
  std::vector<std::string> values;
  if (design)
    for (const auto& setting : design->table.at(static_cast<std::size_t>(design_point)).settings)
      values.push_back(setting.second);
  return values;
}

std::vector<JobKey> all_jobs(const BatchPlan& plan) {
  std::vector<JobKey> jobs;
  for (int d = 0; d < plan.design_points(); ++d)
    for (int p = 0; p < static_cast<int>(plan.policies.size()); ++p)
      for (int r = 0; r < plan.replications; ++r) jobs.push_back({d, p, r});
  return jobs;
}

std::vector<JobKey> shard_jobs(const std::vector<JobKey>& jobs, Shard shard) {
  std::vector<JobKey> mine;
  for (std::size_t i = static_cast<std::size_t>(shard.index); i < jobs.size(); i += static_cast<std::size_t>(shard.count))
    mine.push_back(jobs[i]);
  return mine;
}

camp::RunOptions run_options(const BatchPlan& plan, const JobKey& key) {
  camp::RunOptions run;
  run.seed = plan.seed;
  run.replication = static_cast<std::uint64_t>(key.replication);  // not the policy, not the point: CRN
  run.threads = 1;  // a batch is parallel across runs, not within them
  run.duration = plan.days ? *plan.days * engine::kDay : 0;
  run.records = engine::RecordKeeping::CountOnly;  // a batch keeps the metrics and care records only
  run.hourly_profiles = false;                      // arrays are never columns
  return run;
}

}  // namespace campsim::batch
