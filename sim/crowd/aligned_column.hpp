#pragma once
// A std::vector whose storage starts on a 64-byte boundary. The kernel's vectorized loops over
// slot ranges then split into vector body and remainder at positions that depend only on the
// slot index, never on where the allocator happened to put the column, so float sums come out
// the same on every run (and every thread count).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <new>
#include <span>
#include <vector>

namespace campsim::crowd {

template <class T>
struct CacheAlignedAllocator {
  using value_type = T;
  static constexpr std::align_val_t kAlignment{64};

  CacheAlignedAllocator() noexcept = default;
  template <class U>
  CacheAlignedAllocator(const CacheAlignedAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlignment)); }
  void deallocate(T* p, std::size_t) noexcept { ::operator delete(p, kAlignment); }

  template <class U>
  bool operator==(const CacheAlignedAllocator<U>&) const noexcept {
    return true;
  }
};

template <class T>
using Column = std::vector<T, CacheAlignedAllocator<T>>;

// Erases the elements at `removed` (ascending, each at most once), keeping the others in order:
// the runs of kept elements between two removed ones move down whole (a crowd loses a few agents
// a step and keeps thousands, so this is a few block moves, not a test per element).
template <class T, class Allocator>
void erase_sorted(std::vector<T, Allocator>& column, std::span<const std::uint32_t> removed) {
  if (removed.empty()) return;
  std::size_t out = removed.front();
  for (std::size_t r = 0; r < removed.size(); ++r) {
    const std::size_t begin = std::size_t{removed[r]} + 1;
    const std::size_t end = r + 1 < removed.size() ? std::size_t{removed[r + 1]} : column.size();
    std::copy(column.begin() + static_cast<std::ptrdiff_t>(begin), column.begin() + static_cast<std::ptrdiff_t>(end),
              column.begin() + static_cast<std::ptrdiff_t>(out));
    out += end - begin;
  }
  column.resize(out);
}

}  // namespace campsim::crowd
