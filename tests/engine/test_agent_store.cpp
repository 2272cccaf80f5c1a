#include <catch2/catch.hpp>

#include "sim/engine/agent_store.hpp"
#include "sim/engine/typed_id.hpp"

using namespace campsim::engine;

// Four float columns (x, y, vx, vy) and two byte columns (kind, state).
static_assert(AgentStore::bytes_per_agent() == 4 * 4 + 2 * 1);

TEST_CASE("agent store keeps columns aligned", "[agent_store]") {
  AgentStore store;
  store.reserve(100);
  CHECK(store.add(1.5f, 2.5f, 3) == 0);
  CHECK(store.add(-4.0f, 8.0f, 7) == 1);
  CHECK(store.size() == 2);
  for (const auto* column : {&store.x, &store.y, &store.vx, &store.vy}) CHECK(column->size() == 2);
  CHECK(store.kind.size() == 2);
  CHECK(store.state.size() == 2);
  CHECK(store.x[1] == -4.0f);
  CHECK(store.y[1] == 8.0f);
  CHECK(store.kind[1] == 7);
  CHECK(store.vx[0] == 0.0f);
  CHECK(store.state[0] == 0);
  store.clear();
  CHECK(store.size() == 0);
  CHECK(store.kind.empty());
  CHECK(store.add(0, 0, 0) == 0);
}

namespace {
struct GuardTag {};
struct PostTag {};
}  // namespace

TEST_CASE("typed ids compare by value and do not mix tags", "[typed_id]") {
  constexpr Id<GuardTag> a{3}, b{5};
  static_assert(a < b && a != b && a == Id<GuardTag>{3});
  static_assert(!std::is_convertible_v<Id<GuardTag>, Id<PostTag>>);
  CHECK(std::hash<Id<GuardTag>>{}(a) == std::hash<std::uint32_t>{}(3));
}
