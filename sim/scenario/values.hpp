#pragma once
// Scalar values as the Reader understands them: parsing the text, and the words used in
// diagnostics for what was expected ("a number between 0 and 1").
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace campsim::scenario {

// Inclusive bounds. Violating it yields expected "a number between 0 and 1" / "a number of at
// least 1" etc, found "'1.5'".
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool contains(double v) const { return v >= min && v <= max; }
};

enum class ValueKind { Number, Integer, Duration };

// Finite decimal numbers only ("1.5", "-2", "1e3", "+4"); no nan/inf, no YAML ".inf".
std::optional<double> parse_number(std::string_view text);
std::optional<int> parse_integer(std::string_view text);
std::optional<double> parse_value(std::string_view text, ValueKind kind);

// "a number", "a whole number", "a duration with a unit, like 90s, 15min, 4h or 2d".
std::string noun(ValueKind kind);
// noun(kind), narrowed by the range: "a number between 0 and 1", "a duration of at least 1min".
std::string expected_in(ValueKind kind, Range range);
// A value as the user would write it: "0.25", "3", "1h30min".
std::string show(double value, ValueKind kind);
// Why a text is not a value of this kind, when there is something useful to say.
std::string hint_for(std::string_view text, ValueKind kind);

}  // namespace campsim::scenario
