#pragma once
// A short label shown in place of a long name (a policy's `scenario.label` in compare's tables,
// plots and bottom line). One rule for the scenario reader that takes it and for the batch reader
// that reads it back from batch.json: 1 to 28 bytes, no control characters, no space at either
// end. Twenty-eight fits a terminal table's policy column and a plot's tick label.
#include <cstddef>
#include <string_view>

namespace campsim::io {

inline constexpr std::size_t kMaxPolicyLabel = 28;

inline bool valid_label(std::string_view text) {
  if (text.empty() || text.size() > kMaxPolicyLabel || text.front() == ' ' || text.back() == ' ') return false;
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte == 0x7f) return false;
  }
  return true;
}

}  // namespace campsim::io
