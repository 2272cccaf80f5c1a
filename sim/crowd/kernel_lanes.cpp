#include "sim/crowd/kernel_lanes.hpp"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace campsim::crowd {

namespace {

std::atomic<KernelLanes>& chosen_lanes() {
  static std::atomic<KernelLanes> lanes{lanes_from_setting(std::getenv("CAMPSIM_CROWD_LANES"), wide_lanes_supported())};
  return lanes;
}

}  // namespace

bool wide_lanes_supported() {
#ifdef CAMPSIM_WIDE_LANES
  // libgcc's check also asks the OS whether it saves the 256-bit registers (XGETBV). The explicit
  // init makes the answer right even if this runs before static constructors (a global's).
  static const bool supported = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return supported;
#else
  return false;
#endif
}

KernelLanes lanes_from_setting(const char* value, bool wide_supported) {
  if (value != nullptr && std::strcmp(value, "4") == 0) return KernelLanes::four;
  return wide_supported ? KernelLanes::eight : KernelLanes::four;
}

KernelLanes kernel_lanes() { return chosen_lanes().load(std::memory_order_relaxed); }

void set_kernel_lanes(KernelLanes lanes) {
  if (lanes == KernelLanes::eight && !wide_lanes_supported())
    throw std::invalid_argument("crowd kernel: eight lanes need AVX2, which this CPU or build does not have");
  chosen_lanes().store(lanes, std::memory_order_relaxed);
}

}  // namespace campsim::crowd
