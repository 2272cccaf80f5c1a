#include "sim/scenario/duration.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "sim/engine/number_format.hpp"

namespace campsim::scenario {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

std::optional<double> unit_seconds(std::string_view unit) {
  if (unit == "s") return 1.0;
  if (unit == "min") return 60.0;
  if (unit == "h") return 3600.0;
  if (unit == "d") return 86400.0;
  return std::nullopt;
}

// Shortest fixed-notation text that reads back to the same double (no exponent, which
// parse_duration does not accept).
std::string fixed_text(double value) {
  std::array<char, 400> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed);
  if (ec != std::errc()) return engine::format_number(value);
  return std::string(buffer.data(), end);
}

}  // namespace

std::optional<double> parse_duration(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto skip_spaces = [&] {
    while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  double total = 0.0;
  bool any_part = false;
  skip_spaces();
  while (i < n) {
    const std::size_t number_start = i;
    while (i < n && is_digit(text[i])) ++i;
    if (i == number_start) return std::nullopt;  // every part starts with a digit
    if (i < n && text[i] == '.') {
      const std::size_t fraction_start = ++i;
      while (i < n && is_digit(text[i])) ++i;
      if (i == fraction_start) return std::nullopt;  // "1." is a typo, not a number
    }
    double value = 0.0;
    auto [ptr, ec] = std::from_chars(text.data() + number_start, text.data() + i, value);
    if (ec != std::errc() || ptr != text.data() + i) return std::nullopt;
    skip_spaces();
    const std::size_t unit_start = i;
    while (i < n && is_letter(text[i])) ++i;
    const auto unit = unit_seconds(text.substr(unit_start, i - unit_start));
    if (!unit) return std::nullopt;  // missing ("4h30") or unknown ("4hours") unit
    total += value * *unit;
    any_part = true;
    skip_spaces();
  }
  if (!any_part || !std::isfinite(total)) return std::nullopt;
  return total;
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds)) return engine::format_number(seconds) + "s";
  if (seconds < 0) return "-" + format_duration(-seconds);
  if (seconds == 0) return "0s";
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53: beyond this, minutes are not exact
  if (seconds < kExactIntegers && std::fmod(seconds, 60.0) == 0.0) {
    const auto minutes = static_cast<std::int64_t>(seconds / 60.0);
    const std::int64_t days = minutes / 1440;
    const std::int64_t hours = (minutes % 1440) / 60;
    const std::int64_t rest = minutes % 60;
    std::string out;
    if (days > 0) out += std::to_string(days) + "d";
    if (hours > 0) out += std::to_string(hours) + "h";
    if (rest > 0) out += std::to_string(rest) + "min";
    return out;
  }
  return fixed_text(seconds) + "s";
}

}  // namespace campsim::scenario
