#include "sim/scenario/suggest.hpp"

#include <catch2/catch.hpp>

namespace campsim::scenario {

TEST_CASE("edit_distance counts an adjacent swap as one edit and ignores case", "[scenario][suggest]") {
  CHECK(edit_distance("shift_length", "shift_lenght") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("Policy", "policy") == 0);
}

TEST_CASE("nearest suggests only plausible typos", "[scenario][suggest]") {
  const std::vector<std::string_view> keys{"shift_length", "count", "alertness", "policy"};
  CHECK(nearest("shift_lenght", keys) == "shift_length");
  CHECK(nearest("alertnes", keys) == "alertness");
  CHECK(nearest("weather", keys) == std::nullopt);
  CHECK(nearest("x", {"y"}) == std::nullopt);  // one letter apart is not a typo of a one-letter word
  CHECK(nearest("cuont", keys) == "count");
}

}  // namespace campsim::scenario
