// Jobs, shards and the random numbers each job gets.
#include <catch2/catch.hpp>

#include <set>

#include "sim/batch/batch_plan.hpp"

using namespace campsim::batch;

namespace {

BatchPlan plan_of(int policies, int replications) {
  BatchPlan plan;
  for (int p = 0; p < policies; ++p) plan.policies.push_back({"p" + std::to_string(p), "", "", ""});
  plan.replications = replications;
  plan.seed = 42;
  plan.cells.resize(static_cast<std::size_t>(policies));
  return plan;
}

}  // namespace

TEST_CASE("a shard is written i/N with 0 <= i < N, nothing else", "[batch]") {
  CHECK(parse_shard("0/2")->index == 0);
  CHECK(parse_shard("3/4")->count == 4);
  for (const char* bad : {"2/2", "-1/2", "1/0", "1", "a/b", "1/2/3", "1/ 2", "/2", "1/"}) {
    INFO(bad);
    CHECK_FALSE(parse_shard(bad).has_value());
  }
}

TEST_CASE("the shards of a batch are disjoint and cover every job", "[batch]") {
  const std::vector<JobKey> jobs = all_jobs(plan_of(3, 7));
  REQUIRE(jobs.size() == 21);
  CHECK(std::is_sorted(jobs.begin(), jobs.end()));
  for (int n : {1, 2, 4, 25}) {
    std::multiset<JobKey> union_of;
    for (int i = 0; i < n; ++i)
      for (const JobKey& k : shard_jobs(jobs, {i, n})) union_of.insert(k);
    CHECK(union_of == std::multiset<JobKey>(jobs.begin(), jobs.end()));
  }
}

TEST_CASE("every policy and design point of replication r gets the same seed and replication (CRN)", "[batch]") {
  BatchPlan plan = plan_of(3, 4);
  plan.days = 2;
  for (int r = 0; r < 4; ++r) {
    const auto a = run_options(plan, {0, 0, r});
    const auto b = run_options(plan, {5, 2, r});
    CHECK(a.seed == 42);
    CHECK(b.seed == 42);
    CHECK(a.replication == static_cast<std::uint64_t>(r));
    CHECK(b.replication == static_cast<std::uint64_t>(r));
    CHECK(a.duration == 2 * campsim::engine::kDay);
    CHECK(a.threads == 1);
  }
  CHECK(run_options(plan, {0, 0, 1}).replication != run_options(plan, {0, 0, 2}).replication);
}
