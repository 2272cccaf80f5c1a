// The sparse grid layout: the same slots as the dense one (so the same bytes), chosen when the
// frame has far more cells than agents.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "sim/crowd/agent_grid.hpp"
#include "sim/crowd/gate_rush_workload.hpp"
#include "tests/crowd/crowd_test_helpers.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

std::vector<std::uint8_t> gate_rush_trace(GridLayout layout) {
  engine::Parallelism par(2);
  CrowdModelParams params;
  params.grid_layout = layout;
  params.resort_interval = 4;  // re-sorts follow the layout's slot order too
  params.grain = 128;
  GateRushWorkload w = make_gate_rush(3000, 5, params);
  CrowdWorld& world = *w.world;
  std::vector<std::uint8_t> trace;
  for (int step = 0; step < 50; ++step) {
    if (step == 25) world.set_gate_open(w.gate, false);
    world.step(kGateRushDt, par);
    for (const CrowdAgentId id : world.arrivals()) {
      world.remove_agent(id);
      trace.push_back(static_cast<std::uint8_t>(id.value));
    }
  }
  const auto f = testing::fingerprint(world);
  trace.insert(trace.end(), f.begin(), f.end());
  return trace;
}

// A few hundred people spread over a camp-sized frame (1.5 km x 1 km, 375,000 cells of 2 m)
// running to a handful of doors inside a walled square: the camp's shelter run.
std::vector<std::uint8_t> shelter_run_trace(GridLayout layout) {
  engine::Parallelism par(2);
  CrowdModelParams params;
  params.grid_layout = layout;
  CrowdWorld world(0.0f, 0.0f, 1500.0f, 1000.0f, params);
  CrowdGeometry walls;
  const std::vector<Point2> corners{{100, 100}, {1400, 100}, {1400, 900}, {100, 900}};
  walls.add_wall_loop(corners);
  walls.add_wall({600, 400}, {600, 600});  // a building side between people and a door
  world.set_geometry(std::move(walls));
  std::mt19937 random(11);
  std::uniform_real_distribution<float> x(150.0f, 1350.0f), y(150.0f, 850.0f);
  const std::vector<Point2> doors{{300, 300}, {700, 500}, {1200, 700}};
  for (int k = 0; k < 600; ++k) {
    const Point2 at{x(random), y(random)};
    world.add_agent({at, doors[static_cast<std::size_t>(k) % doors.size()], 3.0f, 0.2f, 0});
  }
  std::vector<std::uint8_t> trace;
  for (int step = 0; step < 400; ++step) {
    world.step(0.25f, par);
    for (const CrowdAgentId id : world.arrivals()) trace.push_back(static_cast<std::uint8_t>(id.value));
  }
  const auto f = testing::fingerprint(world);
  trace.insert(trace.end(), f.begin(), f.end());
  return trace;
}

}  // namespace

TEST_CASE("sparse, window and dense grids give the same bytes", "[crowd][grid]") {
  SECTION("a dense gate rush, with removals and a gate closing") {
    const auto dense = gate_rush_trace(GridLayout::dense);
    CHECK(dense.size() > 3000 * 13 / 2);  // most agents are still there at the end
    CHECK(gate_rush_trace(GridLayout::sparse) == dense);
    CHECK(gate_rush_trace(GridLayout::window) == dense);
  }
  SECTION("a sparse shelter run over a camp-sized frame, walls in the way") {
    const auto dense = shelter_run_trace(GridLayout::dense);
    CHECK(dense.size() > 600);  // some arrived, and everyone's final bytes are there
    CHECK(shelter_run_trace(GridLayout::sparse) == dense);
    CHECK(shelter_run_trace(GridLayout::automatic) == dense);
    CHECK(shelter_run_trace(GridLayout::window) == dense);
  }
}

TEST_CASE("the automatic layout goes sparse above eight cells per agent", "[crowd][grid]") {
  // The camp: 390,000 cells of 2 m for 2,000 runners.
  CHECK(use_sparse_layout(GridLayout::automatic, 390000, 2000));
  // The benchmark: 100,000 agents at 0.5 per square metre fill 50,000 cells.
  CHECK_FALSE(use_sparse_layout(GridLayout::automatic, 50000, 100000));
  // The boundary, and an empty crowd.
  CHECK_FALSE(use_sparse_layout(GridLayout::automatic, 8 * 1000, 1000));
  CHECK(use_sparse_layout(GridLayout::automatic, 8 * 1000 + 1, 1000));
  CHECK_FALSE(use_sparse_layout(GridLayout::automatic, 8, 0));
  CHECK(use_sparse_layout(GridLayout::automatic, 9, 0));
  // Forced layouts ignore the counts.
  CHECK(use_sparse_layout(GridLayout::sparse, 1, 1000000));
  CHECK_FALSE(use_sparse_layout(GridLayout::dense, 390000, 1));
}

TEST_CASE("a sparse lookup finds each cell's first slot, or the next occupied cell's", "[crowd][grid]") {
  // Occupied cells 3 (slots 0-1), 7 (slots 2-4) and 8 (slot 5); six agents.
  const std::uint32_t cells[] = {3, 7, 8};
  const std::uint32_t starts[] = {0, 2, 5, 6};
  SlotLookup lookup;
  lookup.occupied_cell = cells;
  lookup.occupied_start = starts;
  lookup.occupied = 3;
  CHECK(lookup.first_slot(0) == 0);
  CHECK(lookup.first_slot(3) == 0);
  CHECK(lookup.first_slot(4) == 2);  // empty: the next occupied cell (7) begins at 2
  CHECK(lookup.first_slot(7) == 2);
  CHECK(lookup.first_slot(8) == 5);
  CHECK(lookup.first_slot(9) == 6);  // past the last occupied cell: the end
  CHECK(lookup.first_slot(1000) == 6);
  // Cells 4..7 hold slots [first(4), first(8)) = [2, 5): cell 7's three agents.
  CHECK(lookup.first_slot(8) - lookup.first_slot(4) == 3);
}

// The sparse layout's row directory (SlotLookup::row_occupied) narrows each search to one row's
// occupied cells: for every cell of every row, and one past each row's last column (the end of
// a range), it must give what the search over all occupied cells gives.
TEST_CASE("a sparse lookup by row finds what the search over every occupied cell finds", "[crowd][grid]") {
  engine::Parallelism par(1);
  // A frame of 60,000 cells and one of 600.
  for (const float scale : {1.0f, 0.1f}) {
    const GridFrame frame = GridFrame::covering(0.0f, 0.0f, 600.0f * scale, 400.0f * scale, 2.0f);
    std::mt19937 random(8);
    std::uniform_real_distribution<float> x(-10.0f * scale, 610.0f * scale), y(-10.0f * scale, 410.0f * scale);
    for (const int n : {1, 7, 300}) {
      std::vector<float> xs, ys, radius(static_cast<std::size_t>(n), 0.2f);
      std::vector<std::uint8_t> state(static_cast<std::size_t>(n), 0);
      for (int k = 0; k < n; ++k) {
        xs.push_back(x(random));
        ys.push_back(k % 5 == 0 && !ys.empty() ? ys.back() : y(random));  // some share a row
      }
      const AgentColumnsView agents{xs, ys, radius, state};
      AgentGrid grid, dense;
      grid.rebuild(frame, agents, 0, GridLayout::sparse, par, 64);
      dense.rebuild(frame, agents, 0, GridLayout::dense, par, 64);
      REQUIRE(grid.sparse());
      const auto sa = grid.slot_agent(), da = dense.slot_agent();
      CHECK(std::vector<std::uint32_t>(sa.begin(), sa.end()) == std::vector<std::uint32_t>(da.begin(), da.end()));
      const SlotLookup by_row = grid.slots();
      REQUIRE(by_row.row_occupied != nullptr);
      SlotLookup plain = by_row;
      plain.row_occupied = nullptr;
      for (std::uint32_t row = 0; row < frame.rows; ++row)
        for (std::uint32_t column = 0; column <= frame.columns; ++column)
          REQUIRE(by_row.first_slot_at(row, column) == plain.first_slot(row * frame.columns + column));
    }
  }
}

// The kernel looks up a row's neighbourhood again for the next agent further along the same row,
// starting each row's search where the last one ended (SlotLookup::sparse_row_span). Walked
// left to right through every row, with neighbourhoods of one to three columns, the resumed
// search must give the ranges of first_slot_at, which searches the whole row each time: on rows
// with many occupied cells (past the few it steps over before it searches) and on empty ones.
TEST_CASE("a sparse row search resumed along the row finds what a fresh search finds", "[crowd][grid]") {
  engine::Parallelism par(1);
  const GridFrame frame = GridFrame::covering(0.0f, 0.0f, 200.0f, 40.0f, 2.0f);
  std::mt19937 random(11);
  std::uniform_real_distribution<float> x(0.0f, 200.0f), y(0.0f, 40.0f), near_row(20.1f, 21.9f);
  std::vector<float> xs, ys;
  for (int k = 0; k < 400; ++k) {
    xs.push_back(x(random));
    ys.push_back(k % 2 == 0 ? near_row(random) : y(random));  // half in one row: most of its cells occupied
  }
  std::vector<float> radius(xs.size(), 0.2f);
  std::vector<std::uint8_t> state(xs.size(), 0);
  AgentGrid grid;
  grid.rebuild(frame, AgentColumnsView{xs, ys, radius, state}, 0, GridLayout::sparse, par, 64);
  const SlotLookup slots = grid.slots();
  REQUIRE(slots.sparse_by_row());
  REQUIRE(slots.row_occupied[11] - slots.row_occupied[10] > 40);  // the crowded row (y 20-22 m)
  for (const std::uint32_t width : {0u, 1u, 2u})
    for (const std::uint32_t stride : {1u, 3u, 17u})
      for (std::uint32_t row = 0; row < frame.rows; ++row) {
        std::uint32_t from = slots.row_occupied[row];
        for (std::uint32_t c0 = 0; c0 < frame.columns; c0 += stride) {
          const std::uint32_t c1 = std::min(c0 + width, frame.columns - 1);
          const SlotLookup::Span got = slots.sparse_row_span(row, c0, c1, from);
          REQUIRE(got.begin == slots.first_slot_at(row, c0));
          REQUIRE(got.end == slots.first_slot_at(row, c1 + 1));
          REQUIRE(from >= slots.row_occupied[row]);
          REQUIRE(from <= slots.row_occupied[row + 1]);
        }
      }
}

// The sparse layout's sort: insertion while the keys are nearly in order, std::sort past its
// budget. Either way the one sorted order of distinct keys.
TEST_CASE("sorting nearly sorted keys gives what std::sort gives, however far from sorted they are", "[crowd][grid]") {
  std::mt19937_64 random(3);
  for (const std::size_t n : {0u, 1u, 2u, 50u, 3000u}) {
    Column<std::uint64_t> sorted(n);
    for (std::size_t i = 0; i < n; ++i) sorted[i] = (std::uint64_t{i / 3} << 32) | i;  // three agents a cell
    // In order; a few agents moved a cell or a row; shuffled (past the budget); reversed.
    for (int shape = 0; shape < 4; ++shape) {
      Column<std::uint64_t> keys = sorted;
      if (shape == 1)
        for (std::size_t k = 0; k + 40 < n; k += 17) std::swap(keys[k], keys[k + (k % 2 == 0 ? 1 : 40)]);
      if (shape == 2) std::shuffle(keys.begin(), keys.end(), random);
      if (shape == 3) std::reverse(keys.begin(), keys.end());
      sort_nearly_sorted(keys);
      CHECK(keys == sorted);
    }
  }
}

namespace {

// Rebuilds `kept` (sparse, from whatever order it carries) and a grid built afresh from the same
// agents, and requires the same slots, cell ranges and slot columns.
void rebuild_and_compare_with_fresh(AgentGrid& kept, const GridFrame& frame, const AgentColumnsView& agents,
                                    engine::Parallelism& par) {
  AgentGrid fresh;
  kept.rebuild(frame, agents, 0, GridLayout::sparse, par, 64);
  fresh.rebuild(frame, agents, 0, GridLayout::sparse, par, 64);
  REQUIRE(kept.sparse());
  const auto ka = kept.slot_agent(), fa = fresh.slot_agent();
  REQUIRE(std::vector<std::uint32_t>(ka.begin(), ka.end()) == std::vector<std::uint32_t>(fa.begin(), fa.end()));
  const SlotLookup a = kept.slots(), b = fresh.slots();
  for (std::uint32_t row = 0; row < frame.rows; row += 7)
    for (std::uint32_t column = 0; column <= frame.columns; column += 3)
      REQUIRE(a.first_slot_at(row, column) == b.first_slot_at(row, column));
  for (std::size_t s = 0; s < agents.x.size(); ++s) REQUIRE(kept.slot_x()[s] == fresh.slot_x()[s]);
}

}  // namespace

// The sparse sort starts from the last rebuild's slot order while the count of agents stands: a
// grid rebuilt step after step must give the slots and cell ranges of a grid built afresh.
TEST_CASE("a sparse grid rebuilt from its last order gives the slots of a fresh build", "[crowd][grid]") {
  engine::Parallelism par(1);
  const GridFrame frame = GridFrame::covering(0.0f, 0.0f, 600.0f, 400.0f, 2.0f);
  std::mt19937 random(13);
  std::uniform_real_distribution<float> x(0.0f, 600.0f), y(0.0f, 400.0f), stride(-1.5f, 1.5f);
  const std::size_t n = 500;
  std::vector<float> xs, ys, radius(n, 0.2f);
  std::vector<std::uint8_t> state(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    xs.push_back(x(random));
    ys.push_back(y(random));
  }
  AgentGrid kept;
  for (int step = 0; step < 30; ++step) {
    // Most walk up to 1.5 m (a cell is 2 m): many change cell, some rows, some stay.
    for (std::size_t k = 0; k < n; k += 1 + static_cast<std::size_t>(step % 3)) {
      xs[k] = std::clamp(xs[k] + stride(random), 0.0f, 600.0f);
      ys[k] = std::clamp(ys[k] + stride(random), 0.0f, 400.0f);
    }
    rebuild_and_compare_with_fresh(kept, frame, AgentColumnsView{xs, ys, radius, state}, par);
    // Every fifth step the storage changes under the grid (as agents coming and going in equal
    // numbers do): the agents' columns reversed, which the last order knows nothing of.
    if (step % 5 == 4) {
      std::reverse(xs.begin(), xs.end());
      std::reverse(ys.begin(), ys.end());
    }
  }
}

// Agents leave (a shelter run's runners entering their bunkers) and join between rebuilds: the
// last slot order, carried through each removal by drop_agents with the newcomers at its end,
// must still sort to the slots and cell ranges of a grid built afresh. Some steps remove twice
// before one rebuild (a crowd standing still is not rebuilt), some remove nobody, some many.
TEST_CASE("a sparse grid carried through removals gives the slots of a fresh build", "[crowd][grid]") {
  engine::Parallelism par(1);
  const GridFrame frame = GridFrame::covering(0.0f, 0.0f, 600.0f, 400.0f, 2.0f);
  std::mt19937 random(29);
  std::uniform_real_distribution<float> x(0.0f, 600.0f), y(0.0f, 400.0f), stride(-1.5f, 1.5f);
  std::vector<float> xs, ys, radius;
  std::vector<std::uint8_t> state;
  const auto add = [&](std::size_t count) {
    for (std::size_t k = 0; k < count; ++k) {
      xs.push_back(x(random));
      ys.push_back(y(random));
      radius.push_back(0.2f);
      state.push_back(0);
    }
  };
  // Removes every agent whose flag is set, keeping the others' order (CrowdWorld::compact).
  const auto remove = [&](AgentGrid& grid, std::size_t every) {
    std::vector<std::uint8_t> removed(xs.size(), 0);
    for (std::size_t k = 3; k < xs.size(); k += every) removed[k] = 1;
    grid.drop_agents(removed);
    std::size_t w = 0;
    for (std::size_t k = 0; k < xs.size(); ++k)
      if (removed[k] == 0) {
        xs[w] = xs[k], ys[w] = ys[k], radius[w] = radius[k], state[w] = state[k];
        ++w;
      }
    for (auto* c : {&xs, &ys, &radius}) c->resize(w);
    state.resize(w);
  };
  add(600);
  AgentGrid kept;
  std::size_t removals = 0;
  for (int step = 0; step < 40; ++step) {
    for (std::size_t k = 0; k < xs.size(); k += 1 + static_cast<std::size_t>(step % 3)) {
      xs[k] = std::clamp(xs[k] + stride(random), 0.0f, 600.0f);
      ys[k] = std::clamp(ys[k] + stride(random), 0.0f, 400.0f);
    }
    // Newcomers join at the end of storage, before or after the removals (both between rebuilds).
    if (step % 5 == 2) add(11);
    const std::size_t before = xs.size();
    if (step % 4 != 3) remove(kept, step % 7 == 0 ? 4 : 37 + static_cast<std::size_t>(step));  // a quarter, or a few
    if (step % 6 == 5) remove(kept, 53);  // again, before one rebuild
    removals += before - xs.size();
    if (step % 5 == 4) add(7);
    rebuild_and_compare_with_fresh(kept, frame, AgentColumnsView{xs, ys, radius, state}, par);
  }
  CHECK(removals > 300);
  CHECK(xs.size() > 50);
}
