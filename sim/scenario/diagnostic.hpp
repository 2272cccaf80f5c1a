#pragma once
// One problem found in a scenario, and the exception that carries all of them.
// Every loader and reader error is a Diagnostic, so the CLI prints them all the same way:
//   file:line:column: path: expected ...; found ... (hint)
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario/location.hpp"

namespace campsim::scenario {

struct Diagnostic {
  // A constructor rather than an aggregate: g++ 12 -O3 reported "may be used uninitialized" for
  // where.file in the clean-up of a nested aggregate initialisation (a false positive, on every
  // `ScenarioError({{{file, line, column}, ...}})`); initialising from complete arguments has
  // no such clean-up path. Written the same way at every call site.
  Diagnostic() = default;
  Diagnostic(SourceLocation where_, std::string path_, std::string expected_, std::string found_, std::string hint_ = {})
      : where(std::move(where_)), path(std::move(path_)), expected(std::move(expected_)), found(std::move(found_)),
        hint(std::move(hint_)) {}

  SourceLocation where;
  std::string path;      // dotted YAML path, list items by index: "guards.posts[2].manning"
  std::string expected;  // "a duration with a unit, like 90s, 15min, 4h or 2d"
  std::string found;     // what was there, quoted: "'eight hours'"; or "nothing" for a missing key
  std::string hint;      // e.g. "did you mean 'shift_length'?" or empty
  // "file:line:column: path: expected X; found Y (hint)". The line/column part is left out when
  // unknown (0), the path part when empty (a whole-file problem).
  std::string message() const;
};

// A key that loads but changes nothing in a run (kept so that older scenarios still load): said
// on the terminal, never an error.
struct Warning {
  SourceLocation where;
  std::string path;  // dotted YAML path
  std::string text;  // why it changes nothing, and what does instead
  // "file:line:column: warning: path: text" (location parts left out when unknown).
  std::string message() const;
};

class ScenarioError : public std::runtime_error {  // what() = every message, one per line
 public:
  explicit ScenarioError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

// "'text'", shortened and kept on one line so a stray paragraph cannot swamp the message.
std::string quote(std::string_view text);

}  // namespace campsim::scenario
