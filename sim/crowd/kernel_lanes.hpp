#pragma once
// How many float lanes the kernel's neighbour passes use: four (SSE2, every x86-64 CPU) or
// eight (AVX2, chosen at run time where the CPU has it). A matter of speed only: the eight-lane
// passes do the same IEEE operations lane by lane and add the lanes' partial sums in the
// four-lane order (lanes8.hpp), so positions, headings and arrivals are the same bits either way
// (tests/crowd/test_kernel_lanes.cpp), whatever the machine.
//
// The choice is process-wide, made once from the CPU and the environment variable
// CAMPSIM_CROWD_LANES ("4" forces the four-lane passes; "8" asks for eight, which still needs
// AVX2); tests and benchmarks may change it between steps with set_kernel_lanes.
#include <cstdint>

#if defined(__x86_64__) && defined(__SSE2__) && defined(__GNUC__)
#define CAMPSIM_WIDE_LANES 1
#endif

namespace campsim::crowd {

enum class KernelLanes : std::uint8_t { four = 4, eight = 8 };

// Whether this build and this CPU can run the eight-lane passes.
bool wide_lanes_supported();

// The lanes the kernel uses now.
KernelLanes kernel_lanes();

// Sets the lanes for later steps; eight without support throws std::invalid_argument.
void set_kernel_lanes(KernelLanes lanes);

// Parses CAMPSIM_CROWD_LANES's value: "4" or "8", anything else (or none) means "the widest
// supported". Separate so it can be tested without the environment.
KernelLanes lanes_from_setting(const char* value, bool wide_supported);

}  // namespace campsim::crowd
