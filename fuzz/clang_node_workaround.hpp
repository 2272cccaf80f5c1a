#pragma once
// Force-included into the fuzz build only (CMakePresets.json, preset `fuzz`). clang 14 with
// libstdc++ 12 in C++20 mode cannot instantiate std::pair<std::string, Node> inside Node itself
// (scenario::Node holds std::vector<std::pair<std::string, Node>>): checking whether Node is
// implicitly default-constructible instantiates the pair again before it is complete. GCC
// accepts it. Node is implicitly default-constructible (all its members have defaults), so the
// trait is stated here instead of computed, and the model's sources stay as they are.
#include <type_traits>

namespace campsim::scenario {
struct Node;
}

namespace std {
template <>
struct __is_implicitly_default_constructible<campsim::scenario::Node> : true_type {};
}  // namespace std
