// The shelter run's kernel remembered per layout (make_shelter_crowd) against one built afresh
// (build_shelter_crowd): the same frame and walls, so the same runners move to the same bits.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "sim/camp/scenario.hpp"
#include "sim/camp/world/shelter_crowd.hpp"

using namespace campsim;

namespace {

// Runners from a ring of points inside the camp to its bunkers, stepped for a minute; every
// position after every step.
std::vector<float> shelter_run_positions(crowd::CrowdWorld& world, const camp::CampLayout& layout) {
  engine::Parallelism one(1);
  std::vector<crowd::CrowdAgentId> ids;
  for (int k = 0; k < 300; ++k) {
    const camp::Bunker& bunker = layout.bunkers[static_cast<std::size_t>(k) % layout.bunkers.size()];
    const crowd::Point2 from{static_cast<float>(bunker.position.x + 30.0 * ((k % 7) - 3)),
                             static_cast<float>(bunker.position.y + 25.0 * ((k % 5) - 2))};
    const crowd::Point2 to{static_cast<float>(bunker.position.x), static_cast<float>(bunker.position.y)};
    ids.push_back(world.add_agent({from, to, 3.0f, 0.25f, 0}));
  }
  std::vector<float> positions;
  for (int step = 0; step < 120; ++step) {
    world.step(0.5f, one);
    for (const crowd::CrowdAgentId id : ids) {
      const crowd::Point2 at = world.position(id);
      positions.insert(positions.end(), {at.x, at.y});
    }
  }
  return positions;
}

}  // namespace

TEST_CASE("a remembered shelter kernel runs a shelter run to the bits of one built afresh", "[world][shelter]") {
  const camp::Scenario s = camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario;
  REQUIRE_FALSE(s.layout.bunkers.empty());
  const std::unique_ptr<crowd::CrowdWorld> fresh = camp::build_shelter_crowd(s.layout);
  const std::vector<float> expected = shelter_run_positions(*fresh, s.layout);
  // The first call builds and remembers; the second copies what was remembered (and must not
  // see the first's runners).
  for (int call = 0; call < 2; ++call) {
    const std::unique_ptr<crowd::CrowdWorld> made = camp::make_shelter_crowd(s.layout);
    CHECK(made->agent_count() == 0);
    CHECK(shelter_run_positions(*made, s.layout) == expected);
  }
  // Another layout is not given the first one's walls: a camp without its perimeter wall.
  camp::CampLayout open = s.layout;
  open.perimeter.clear();
  CHECK(camp::make_shelter_crowd(open)->geometry().barriers().empty());
  CHECK_FALSE(camp::make_shelter_crowd(s.layout)->geometry().barriers().empty());
}
