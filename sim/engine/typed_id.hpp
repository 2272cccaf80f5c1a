#pragma once
// Strongly typed integer ids: Id<GuardTag> and Id<PostTag> do not mix, yet both are a plain
// uint32 index (trivially copyable, ordered, hashable).
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace campsim::engine {

template <class Tag>
struct Id {
  std::uint32_t value = 0;
  auto operator<=>(const Id&) const = default;
};

}  // namespace campsim::engine

template <class Tag>
struct std::hash<campsim::engine::Id<Tag>> {
  std::size_t operator()(const campsim::engine::Id<Tag>& id) const noexcept {
    return std::hash<std::uint32_t>{}(id.value);
  }
};
