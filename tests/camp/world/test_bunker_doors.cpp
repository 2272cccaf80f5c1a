// The bunkers' doors: who is let in when, who is turned away, and whether anyone still queues
// (the loop asks it at every boundary, so it is kept as a count: it must follow every change).
#include <catch2/catch.hpp>

#include <vector>

#include "sim/camp/world/bunkers.hpp"

using namespace campsim;
using namespace campsim::camp;

TEST_CASE("the doors let one in per interval, turn a full bunker's queue away, and know when nobody queues",
          "[world][bunkers]") {
  const std::vector<Bunker> layout{{"north", {0, 0}, 2}, {"south", {100, 0}, 5}};
  Bunkers bunkers(layout);
  const BunkerId north = id_at<BunkerId>(0), south = id_at<BunkerId>(1);
  std::vector<std::uint32_t> turned_away;
  std::vector<std::pair<std::uint32_t, double>> let_in;
  const auto open = [&](double arrived, double dt) {
    bunkers.open_doors(
        arrived, dt, 2.0, [&](std::uint32_t p, BunkerId) { turned_away.push_back(p); },
        [&](std::uint32_t p, double t) { let_in.emplace_back(p, t); });
  };
  CHECK_FALSE(bunkers.any_queue());

  // Four at the north door (room for two), one at the south door who then leaves the queue.
  for (std::uint32_t p : {1U, 2U, 3U, 4U}) bunkers.join_queue(north, p);
  bunkers.join_queue(south, 9);
  CHECK(bunkers.any_queue());
  bunkers.leave_queue(south, 9);
  bunkers.leave_queue(south, 9);  // not there any more: nothing changes
  CHECK(bunkers.any_queue());

  // Tick [10, 11): the door is free, so person 1 goes in at 10; the next could go in at 12.
  open(10.0, 1.0);
  REQUIRE(let_in.size() == 1);
  CHECK(let_in[0] == std::pair<std::uint32_t, double>{1, 10.0});
  CHECK(bunkers.any_queue());
  // Tick [11, 13): person 2 at 12; the bunker is then full, so 3 and 4 are turned away together.
  open(11.0, 2.0);
  REQUIRE(let_in.size() == 2);
  CHECK(let_in[1] == std::pair<std::uint32_t, double>{2, 12.0});
  CHECK(turned_away == std::vector<std::uint32_t>{3, 4});
  CHECK(bunkers.occupancy(north) == 2);
  CHECK_FALSE(bunkers.any_queue());

  // The south door: two join, one goes in, the all-clear empties every queue and bunker.
  bunkers.join_queue(south, 5);
  bunkers.join_queue(south, 6);
  open(20.0, 1.0);
  CHECK(bunkers.occupancy(south) == 1);
  CHECK(bunkers.any_queue());
  bunkers.empty_all();
  CHECK_FALSE(bunkers.any_queue());
  CHECK(bunkers.occupancy(south) == 0);
}
