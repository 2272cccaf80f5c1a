// Removed agents leave the columns with the kept ones in order: by runs of kept agents when a few
// were removed, by flags when many were (CrowdWorld::compact).
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <vector>

#include "sim/crowd/aligned_column.hpp"
#include "sim/crowd/crowd_world.hpp"
#include "sim/engine/parallel.hpp"
#include "sim/engine/random.hpp"

using namespace campsim;
using namespace campsim::crowd;

TEST_CASE("erase_sorted keeps the others in order, as a filter does", "[crowd][compaction]") {
  engine::RandomStream draw(engine::StreamKey{7, 0, engine::purpose_tag("test.compaction"), 0, 0});
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t n = 1 + static_cast<std::size_t>(draw.uniform01() * 60);
    Column<int> column(n);
    for (std::size_t i = 0; i < n; ++i) column[i] = static_cast<int>(i) * 3 + 1;
    // Each index removed with a probability from none to all: first, last and neighbours included.
    const double p = trial % 10 / 9.0;
    std::vector<std::uint32_t> removed;
    std::vector<int> expected;
    for (std::size_t i = 0; i < n; ++i) {
      if (draw.uniform01() < p) removed.push_back(static_cast<std::uint32_t>(i));
      else expected.push_back(column[i]);
    }
    erase_sorted(column, std::span<const std::uint32_t>(removed));
    CHECK(std::vector<int>(column.begin(), column.end()) == expected);
  }
}

namespace {

// 300 walkers crossing a 20 m square to the far side, seeded; `skip` are left out.
std::vector<AgentSpec> walkers() {
  engine::RandomStream draw(engine::StreamKey{3, 0, engine::purpose_tag("test.compaction.walkers"), 0, 0});
  std::vector<AgentSpec> specs;
  for (int i = 0; i < 300; ++i) {
    const float x = static_cast<float>(draw.uniform01() * 20.0), y = static_cast<float>(draw.uniform01() * 20.0);
    specs.push_back(AgentSpec{{x, y}, {20.0f - x, 20.0f - y}, 1.3f, 0.2f, 0});
  }
  return specs;
}

std::unique_ptr<CrowdWorld> crowd_of(const std::vector<AgentSpec>& specs, const std::set<std::size_t>& skip) {
  auto world = std::make_unique<CrowdWorld>(-5.0f, -5.0f, 25.0f, 25.0f);
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (!skip.contains(i)) world->add_agent(specs[i]);
  return world;
}

}  // namespace

TEST_CASE("a crowd with agents removed walks as the crowd that never had them, to the bit", "[crowd][compaction]") {
  // 5 removed (the first and the last among them, two neighbours) take the listed path; 60 the
  // flagged one. The removed crowd's kept agents, in order, must match the other crowd's agents.
  engine::Parallelism par(1);
  const std::vector<AgentSpec> specs = walkers();
  for (const std::set<std::size_t>& removed :
       {std::set<std::size_t>{0, 41, 42, 170, 299}, [] {
          std::set<std::size_t> many;
          for (std::size_t i = 2; i < 300; i += 5) many.insert(i);
          return many;
        }()}) {
    INFO(removed.size() << " removed");
    auto with = crowd_of(specs, {});
    auto without = crowd_of(specs, removed);
    for (const std::size_t i : removed) with->remove_agent(CrowdAgentId{static_cast<std::uint32_t>(i)});
    for (int step = 0; step < 40; ++step) {
      with->step(0.1f, par);
      without->step(0.1f, par);
    }
    REQUIRE(with->agent_count() == without->agent_count());
    std::uint32_t other = 0;
    for (std::uint32_t i = 0; i < specs.size(); ++i) {
      if (removed.contains(i)) {
        CHECK_FALSE(with->contains(CrowdAgentId{i}));
        continue;
      }
      const Point2 a = with->position(CrowdAgentId{i}), b = without->position(CrowdAgentId{other++});
      CHECK(a.x == b.x);
      CHECK(a.y == b.y);
    }
  }
}
