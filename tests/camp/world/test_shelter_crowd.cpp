// The shelter run's kernel remembered per layout (make_shelter_crowd) against one built afresh
// (build_shelter_crowd): the same frame and walls, so the same runners move to the same bits.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "sim/camp/scenario.hpp"
#include "sim/camp/world/bunker_runners.hpp"
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

TEST_CASE("movers marked to leave and closed up once are the movers left one by one", "[world][shelter]") {
  // Eight runners; slots 0, 3, 4 and 7 leave in one pass (two at doors, two giving up), marked in
  // slot order as World::settle marks them, against the same leaving one call at a time.
  const camp::CampLayout layout =
      camp::load_scenario(std::string(CAMPSIM_SOURCE_DIR) + "/scenarios/gao_baseline.yaml").scenario.layout;
  REQUIRE_FALSE(layout.bunkers.empty());
  const camp::Point goal = layout.bunkers.front().position;
  auto runners = [&] {
    auto r = std::make_unique<camp::BunkerRunners>();
    r->grow(8);
    for (std::uint32_t p = 0; p < 8; ++p)
      r->join(p, {goal.x + 20.0 + 3.0 * p, goal.y + 15.0}, goal, 4.0f + 0.1f * static_cast<float>(p), 10.0 * p,
              camp::BunkerId{0}, layout, 0.25);
    return r;
  };
  auto marked = runners(), one_by_one = runners();
  marked->stand_at_door_marked(0);
  marked->drop_marked(3);
  marked->stand_at_door_marked(4);
  marked->drop_marked(7);
  marked->close_up();
  one_by_one->drop(7);  // from the back, so the earlier slots stay where they are
  one_by_one->stand_at_door(4);
  one_by_one->drop(3);
  one_by_one->stand_at_door(0);
  const camp::BunkerRunners::Movers& a = marked->movers();
  const camp::BunkerRunners::Movers& b = one_by_one->movers();
  REQUIRE(a.size() == 4);
  CHECK(a.person == std::vector<std::uint32_t>{1, 2, 5, 6});
  CHECK(a.person == b.person);
  CHECK(a.x == b.x);
  CHECK(a.speed == b.speed);
  CHECK(a.start == b.start);
  CHECK(a.agent == b.agent);
  for (const std::uint32_t p : {1u, 2u, 5u, 6u}) CHECK(marked->position_of(p).has_value());
  for (const std::uint32_t p : {0u, 3u, 4u, 7u}) CHECK_FALSE(marked->position_of(p).has_value());
}
