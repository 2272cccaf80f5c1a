#pragma once
// Display names: the model's snake_case names as words ("on_scene" -> "on scene").
#include <algorithm>
#include <string>
#include <string_view>

namespace campsim::render {

inline std::string spaced(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

}  // namespace campsim::render
