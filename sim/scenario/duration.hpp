#pragma once
// Durations as people write them in scenarios: a number and a unit, or a sum of such parts.
#include <optional>
#include <string>
#include <string_view>

namespace campsim::scenario {

// "90s", "15min", "4h", "2d", "1.5h", "1h30min" (a sum of number+unit parts, spaces allowed
// between parts); units s, min, h, d. Returns seconds. A bare number has no unit and is rejected,
// as are signs and exponents: a duration is a non-negative length of time.
std::optional<double> parse_duration(std::string_view text);

// Canonical text that parse_duration reads back to exactly `seconds`: whole minutes as
// d/h/min parts (28800 -> "8h", 5400 -> "1h30min"), anything else in seconds (90 -> "90s",
// 0.5 -> "0.5s").
std::string format_duration(double seconds);

}  // namespace campsim::scenario
