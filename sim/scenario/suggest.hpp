#pragma once
// "Did you mean ...?" for misspelt keys and option names.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace campsim::scenario {

// Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap
// two adjacent characters), ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is close enough to be a plausible typo: distance at
// most max(2, len/3) and smaller than the shorter word (so "x" never suggests "y").
// Ties go to the earlier candidate, so suggestions are stable.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace campsim::scenario
