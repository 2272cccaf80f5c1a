#pragma once
// Where a value came from: a file, line and column (1-based), or "<--set>" for a
// command-line override, so every error can point at the text the user wrote.
#include <string>

namespace campsim::scenario {

struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

}  // namespace campsim::scenario
