#pragma once
// The name of a random stream's purpose: "<module>.<what>" (e.g. "vbied.approach"), hashed by
// engine::purpose_tag. One definition for every threat module, so no two spell it differently.
#include <string>
#include <string_view>

namespace campsim::camp {

inline std::string stream_purpose(std::string_view prefix, std::string_view what) {
  std::string s(prefix);
  s += '.';
  s += what;
  return s;
}

}  // namespace campsim::camp
