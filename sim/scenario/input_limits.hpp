#pragma once
// Limits on what a scenario file may cost to read. A scenario is a page or two of hand-written
// YAML; these bounds are far above any real one (the Gao baseline is 11 KB, about 1,500 values,
// nested 7 deep) and far below what would exhaust memory or the stack, so a hostile or broken
// file (an alias that contains itself, a "billion laughs" alias bomb, /dev/zero) is refused
// with a message naming the limit instead of crashing or hanging. All values are assumed,
// sized against the shipped scenarios (docs/reliability.md).
#include <cstddef>

namespace campsim::scenario {

// Bytes of one YAML file (~90 times the Gao baseline).
inline constexpr std::size_t kMaxDocumentBytes = 1 << 20;

// Values in one file after every alias is expanded (~60 times the Gao baseline). An alias bomb
// of ten levels of ten would expand to 10^10 values; it stops here.
inline constexpr std::size_t kMaxExpandedValues = 100000;

// Maps and lists inside one another. Bounds the recursion of the conversion, so an alias that
// contains itself (`a: &a [*a]`) stops here too.
inline constexpr int kMaxNestingDepth = 64;

// Files in one `extends:` chain (the shipped policies use two).
inline constexpr int kMaxExtendsChain = 16;

}  // namespace campsim::scenario
