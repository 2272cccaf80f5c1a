#pragma once
// A std::vector whose storage starts on a 64-byte boundary. The kernel's vectorized loops over
// slot ranges then split into vector body and remainder at positions that depend only on the
// slot index, never on where the allocator happened to put the column, so float sums come out
// the same on every run (and every thread count).
#include <cstddef>
#include <new>
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

}  // namespace campsim::crowd
