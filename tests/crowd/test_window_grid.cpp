// The window grid layout (dense over the agents' bounding box): every range the kernel asks
// for holds exactly the agents of those cells, in the order the sparse and dense layouts give.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "sim/crowd/agent_grid.hpp"
#include "tests/crowd/crowd_test_helpers.hpp"

using namespace campsim;
using namespace campsim::crowd;

namespace {

struct Crowd {
  std::vector<float> x, y, radius;
  std::vector<std::uint8_t> state;
  AgentColumnsView view() const { return {x, y, radius, state}; }
};

// `n` agents in a square of side `side` m at (cx, cy), a few of them anywhere in the frame or
// outside it (clamped into the edge cells), on a frame of 1,500 m x 1,000 m in 2 m cells.
Crowd scatter(std::mt19937& random, int n, float cx, float cy, float side, int strays) {
  Crowd c;
  std::uniform_real_distribution<float> u(-0.5f, 0.5f), anywhere_x(-50.0f, 1550.0f), anywhere_y(-50.0f, 1050.0f);
  for (int k = 0; k < n + strays; ++k) {
    const bool stray = k >= n;
    c.x.push_back(stray ? anywhere_x(random) : cx + side * u(random));
    c.y.push_back(stray ? anywhere_y(random) : cy + side * u(random));
    c.radius.push_back(0.2f);
    c.state.push_back(static_cast<std::uint8_t>(k % 3));
  }
  return c;
}

const GridFrame kFrame = GridFrame::covering(0.0f, 0.0f, 1500.0f, 1000.0f, 2.0f);

// For every agent's 3 x 3 neighbourhood, row by row, the kernel's range against the plain
// definition: the agents whose cell lies in that row between those columns, in storage order.
void check_ranges(const AgentGrid& grid, const Crowd& crowd) {
  const SlotLookup slots = grid.slots();
  const auto slot_agent = grid.slot_agent();
  for (std::size_t i = 0; i < crowd.x.size(); ++i) {
    const std::uint32_t row = kFrame.row_of(crowd.y[i]), col = kFrame.column_of(crowd.x[i]);
    const std::uint32_t c0 = col > 0 ? col - 1 : 0, c1 = std::min(col + 1, kFrame.columns - 1);
    for (std::uint32_t r = row > 0 ? row - 1 : 0; r <= std::min(row + 1, kFrame.rows - 1); ++r) {
      std::vector<std::uint32_t> expected;
      for (std::uint32_t j = 0; j < crowd.x.size(); ++j) {
        const std::uint32_t cell = kFrame.cell_of(crowd.x[j], crowd.y[j]);
        if (cell >= r * kFrame.columns + c0 && cell <= r * kFrame.columns + c1) expected.push_back(j);
      }
      // Within a row the slots follow (cell, storage index).
      std::stable_sort(expected.begin(), expected.end(), [&](std::uint32_t a, std::uint32_t b) {
        return kFrame.cell_of(crowd.x[a], crowd.y[a]) < kFrame.cell_of(crowd.x[b], crowd.y[b]);
      });
      const std::uint32_t s0 = slots.first_slot_at(r, c0), s1 = slots.first_slot_at(r, c1 + 1);
      REQUIRE(s1 >= s0);
      const std::vector<std::uint32_t> got(slot_agent.begin() + s0, slot_agent.begin() + s1);
      REQUIRE(got == expected);
    }
  }
}

}  // namespace

TEST_CASE("window ranges hold exactly the agents of their cells, as the sparse and dense layouts do", "[crowd][grid]") {
  engine::Parallelism par(1);
  std::mt19937 random(25);
  struct Case {
    int n;
    float cx, cy, side;
    int strays;
  };
  // A gathered crowd; one against the frame's corner (the window clamped there); one at the far
  // edge; one with agents outside the bounds; a lone agent; a crowd spread so wide the
  // automatic layout refuses the window.
  const std::vector<Case> cases{{300, 700, 500, 40, 0}, {200, 5, 5, 20, 0},     {150, 1495, 995, 15, 0},
                                {200, 400, 300, 30, 3}, {1, 1000, 10, 0.0f, 0}, {100, 750, 500, 1400, 0}};
  for (const Case& k : cases) {
    const Crowd crowd = scatter(random, k.n, k.cx, k.cy, k.side, k.strays);
    AgentGrid window, sparse, dense;
    window.rebuild(kFrame, crowd.view(), state_bit(1), GridLayout::window, par, 64);
    sparse.rebuild(kFrame, crowd.view(), state_bit(1), GridLayout::sparse, par, 64);
    dense.rebuild(kFrame, crowd.view(), state_bit(1), GridLayout::dense, par, 64);
    REQUIRE(window.windowed());
    const auto wa = window.slot_agent(), sa = sparse.slot_agent(), da = dense.slot_agent();
    CHECK(std::vector<std::uint32_t>(wa.begin(), wa.end()) == std::vector<std::uint32_t>(sa.begin(), sa.end()));
    CHECK(std::vector<std::uint32_t>(wa.begin(), wa.end()) == std::vector<std::uint32_t>(da.begin(), da.end()));
    for (std::size_t s = 0; s < crowd.x.size(); ++s) {
      CHECK(window.slot_x()[s] == sparse.slot_x()[s]);
      CHECK(window.slot_counted()[s] == sparse.slot_counted()[s]);
    }
    check_ranges(window, crowd);
    check_ranges(sparse, crowd);
    // After a re-sort the grid describes slot order with the cells it had.
    window.adopt_slot_order();
    sparse.adopt_slot_order();
    const auto wc = window.cell_of(), sc = sparse.cell_of();
    CHECK(std::vector<std::uint32_t>(wc.begin(), wc.end()) == std::vector<std::uint32_t>(sc.begin(), sc.end()));
  }
}

TEST_CASE("the automatic layout takes the window in place of the sparse layout when the crowd stands together", "[crowd][grid]") {
  // The protest: 2,000 people in front of a gate, a box of about 30 x 15 cells, in the camp's
  // frame of 390,000 cells.
  CHECK(use_window_layout(GridLayout::automatic, 390000, 450, 2000));
  // The shelter run: the same people spread over the camp.
  CHECK_FALSE(use_window_layout(GridLayout::automatic, 390000, 380000, 2000));
  // The boundary: 8 cells per agent.
  CHECK(use_window_layout(GridLayout::automatic, 390000, 8 * 2000, 2000));
  CHECK_FALSE(use_window_layout(GridLayout::automatic, 390000, 8 * 2000 + 1, 2000));
  // A frame dense enough for the dense layout keeps it (the benchmark's crowd fills its frame).
  CHECK_FALSE(use_window_layout(GridLayout::automatic, 50000, 100, 100000));
  // Forced layouts.
  CHECK(use_window_layout(GridLayout::window, 50000, 50000, 1));
  CHECK_FALSE(use_window_layout(GridLayout::sparse, 390000, 10, 2000));
  CHECK_FALSE(use_window_layout(GridLayout::dense, 390000, 10, 2000));
}

TEST_CASE("a crowd gathered in a corner of a camp-sized frame gives the same bytes in every layout", "[crowd][grid]") {
  auto trace = [](GridLayout layout) {
    engine::Parallelism par(2);
    CrowdModelParams params;
    params.grid_layout = layout;
    params.resort_interval = 4;
    CrowdWorld world(0.0f, 0.0f, 1500.0f, 1000.0f, params);
    CrowdGeometry g;
    g.add_wall({600, 500}, {696, 500});
    g.add_wall({704, 500}, {800, 500});
    g.add_gate({696, 500}, {704, 500}, false);
    world.set_geometry(std::move(g));
    std::mt19937 random(27);
    std::uniform_real_distribution<float> x(680.0f, 720.0f), y(520.0f, 540.0f);
    for (int k = 0; k < 500; ++k) world.add_agent({{x(random), y(random)}, {700.0f + (k % 25 - 12) * 0.7f, 501.0f + (k / 25) * 0.7f}, 1.34f, 0.2f, 0});
    std::vector<std::uint8_t> out;
    for (int step = 0; step < 120; ++step) {
      world.step(0.25f, par);
      for (const CrowdAgentId id : world.arrivals()) out.push_back(static_cast<std::uint8_t>(id.value));
    }
    const auto f = testing::fingerprint(world);
    out.insert(out.end(), f.begin(), f.end());
    return out;
  };
  const auto dense = trace(GridLayout::dense);
  CHECK(trace(GridLayout::automatic) == dense);  // the window, here
  CHECK(trace(GridLayout::window) == dense);
  CHECK(trace(GridLayout::sparse) == dense);
}
