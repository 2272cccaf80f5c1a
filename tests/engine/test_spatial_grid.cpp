#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <vector>

#include "sim/engine/random.hpp"
#include "sim/engine/spatial_grid.hpp"

using namespace campsim::engine;

namespace {

// Brute force over every point, the same distance rule the grid documents (double, <=).
std::vector<std::uint32_t> brute_force(const std::vector<float>& xs, const std::vector<float>& ys, float x,
                                       float y, float radius) {
  std::vector<std::uint32_t> out;
  if (!(radius >= 0.0f)) return out;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double dx = static_cast<double>(xs[i]) - x;
    const double dy = static_cast<double>(ys[i]) - y;
    if (dx * dx + dy * dy <= static_cast<double>(radius) * radius) out.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("grid dimensions cover the bounds", "[spatial_grid]") {
  CHECK(SpatialGrid(0, 0, 100, 50, 10).cell_count() == 50);
  CHECK(SpatialGrid(0, 0, 101, 50, 10).cell_count() == 55);  // ceil(10.1) = 11 columns x 5 rows
  CHECK(SpatialGrid(0, 0, 0, 0, 10).cell_count() == 1);
  CHECK_THROWS_AS(SpatialGrid(0, 0, 10, 10, 0), std::invalid_argument);
  CHECK_THROWS_AS(SpatialGrid(0, 0, -1, 10, 1), std::invalid_argument);
}

TEST_CASE("randomised: within() equals brute force", "[spatial_grid]") {
  const float min_x = -50, min_y = 20, max_x = 450, max_y = 320;
  RandomStream rng(StreamKey{11, 0, purpose_tag("test.grid"), 0, 0});
  for (const float cell : {7.0f, 25.0f, 1000.0f}) {
    SpatialGrid grid(min_x, min_y, max_x, max_y, cell);
    std::vector<float> xs, ys;
    for (int i = 0; i < 3000; ++i) {
      // 10% of points lie outside the bounds (up to 200 m beyond), some exactly on edges.
      if (i % 10 == 0) {
        xs.push_back(static_cast<float>(rng.uniform(min_x - 200, max_x + 200)));
        ys.push_back(static_cast<float>(rng.uniform(min_y - 200, max_y + 200)));
      } else if (i % 97 == 0) {
        xs.push_back(max_x);
        ys.push_back(min_y);
      } else {
        xs.push_back(static_cast<float>(rng.uniform(min_x, max_x)));
        ys.push_back(static_cast<float>(rng.uniform(min_y, max_y)));
      }
    }
    // Duplicates of an existing point, for radius-0 queries.
    xs.push_back(xs[5]);
    ys.push_back(ys[5]);
    grid.rebuild(xs, ys);

    std::size_t total_hits = 0;
    for (int q = 0; q < 400; ++q) {
      const float x = static_cast<float>(rng.uniform(min_x - 300, max_x + 300));
      const float y = static_cast<float>(rng.uniform(min_y - 300, max_y + 300));
      const float radii[] = {0.0f, 0.5f, 3.0f, 12.0f, 40.0f, 150.0f, 5000.0f,
                             std::numeric_limits<float>::infinity(), -1.0f};
      for (const float r : radii) {
        const auto got = grid.within(x, y, r);
        const auto want = brute_force(xs, ys, x, y, r);
        REQUIRE(sorted(got) == want);
        total_hits += got.size();
      }
    }
    // Radius 0 at an existing (duplicated) point finds exactly both copies.
    CHECK(sorted(grid.within(xs[5], ys[5], 0.0f)) == brute_force(xs, ys, xs[5], ys[5], 0.0f));
    CHECK(grid.within(xs[5], ys[5], 0.0f).size() >= 2);
    // Radius larger than the world finds everything, outside points included.
    CHECK(grid.within(0, 0, 1e6f).size() == xs.size());
    CHECK(total_hits > 0);
  }
}

TEST_CASE("visit order is cells row-major, indices ascending within a cell", "[spatial_grid]") {
  SpatialGrid grid(0, 0, 30, 30, 10);  // 3 x 3 cells
  // index: 0 in cell (2,2), 1 in (0,0), 2 in (1,0), 3 in (0,1), 4 in (0,0), 5 outside -> (0,0)
  const std::vector<float> xs{25, 5, 15, 5, 1, -100};
  const std::vector<float> ys{25, 5, 5, 15, 1, -100};
  grid.rebuild(xs, ys);
  CHECK(grid.within(15, 15, 1000) == std::vector<std::uint32_t>{1, 4, 5, 2, 3, 0});
}

TEST_CASE("empty grid and rebuild to fewer points", "[spatial_grid]") {
  SpatialGrid grid(0, 0, 100, 100, 10);
  CHECK(grid.within(50, 50, 1e9f).empty());
  const std::vector<float> xs{10, 20, 30}, ys{10, 20, 30};
  grid.rebuild(xs, ys);
  CHECK(grid.within(50, 50, 1e9f).size() == 3);
  grid.rebuild(std::span<const float>(xs.data(), 1), std::span<const float>(ys.data(), 1));
  CHECK(grid.within(50, 50, 1e9f) == std::vector<std::uint32_t>{0});
  grid.rebuild({}, {});
  CHECK(grid.within(50, 50, 1e9f).empty());
  CHECK_THROWS_AS(grid.rebuild(xs, std::span<const float>(ys.data(), 2)), std::invalid_argument);
}
