#include "sim/scenario/values.hpp"

#include <fmt/core.h>

#include <charconv>
#include <cmath>

#include "sim/engine/number_format.hpp"
#include "sim/scenario/duration.hpp"

namespace campsim::scenario {

std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<int> parse_integer(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_value(std::string_view text, ValueKind kind) {
  switch (kind) {
    case ValueKind::Number: return parse_number(text);
    case ValueKind::Integer: {
      const auto v = parse_integer(text);
      return v ? std::optional<double>(*v) : std::nullopt;
    }
    case ValueKind::Duration: return parse_duration(text);
  }
  return std::nullopt;
}

std::string noun(ValueKind kind) {
  switch (kind) {
    case ValueKind::Number: return "a number";
    case ValueKind::Integer: return "a whole number";
    case ValueKind::Duration: return "a duration with a unit, like 90s, 15min, 4h or 2d";
  }
  return "a value";
}

std::string show(double value, ValueKind kind) {
  return kind == ValueKind::Duration ? format_duration(value) : engine::format_number(value);
}

std::string expected_in(ValueKind kind, Range range) {
  // The unit explanation is dropped once the problem is the size, not the form.
  const std::string what = kind == ValueKind::Duration ? "a duration" : noun(kind);
  const bool low = std::isfinite(range.min);
  const bool high = std::isfinite(range.max);
  if (low && high) return fmt::format("{} between {} and {}", what, show(range.min, kind), show(range.max, kind));
  if (low) return fmt::format("{} of at least {}", what, show(range.min, kind));
  if (high) return fmt::format("{} of at most {}", what, show(range.max, kind));
  return noun(kind);
}

std::string hint_for(std::string_view text, ValueKind kind) {
  if (kind == ValueKind::Duration) {
    if (parse_number(text)) {
      return fmt::format("a bare number has no unit: write {0}s, {0}min, {0}h or {0}d", text);
    }
    if (!text.empty() && text.front() >= '0' && text.front() <= '9') return "the units are s, min, h and d";
  }
  if (kind == ValueKind::Integer && parse_number(text)) return "this must be a whole number";
  if (kind != ValueKind::Duration && parse_duration(text)) return "this is a plain number, without a unit";
  return {};
}

}  // namespace campsim::scenario
