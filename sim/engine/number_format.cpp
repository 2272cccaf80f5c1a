#include "sim/engine/number_format.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace campsim::engine {

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0.0) return "0";  // folds -0 into 0 so signs of zero never differ between runs
  std::array<char, 32> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)ec;  // 32 chars always suffice for the shortest round-trip form of a double
  return std::string(buffer.data(), end);
}

}  // namespace campsim::engine
