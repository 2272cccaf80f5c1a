#include "sim/scenario/diagnostic.hpp"

#include <fmt/core.h>

#include <utility>

namespace campsim::scenario {

namespace {

std::string join_messages(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.message();
  }
  return out;
}

// "file:line:column: ", the parts that are known; empty for a whole-file problem.
std::string location_prefix(const SourceLocation& where) {
  if (where.file.empty()) return {};
  std::string out = where.file;
  if (where.line > 0) out += fmt::format(":{}", where.line);
  if (where.line > 0 && where.column > 0) out += fmt::format(":{}", where.column);
  return out + ": ";
}

}  // namespace

std::string Diagnostic::message() const {
  std::string out = location_prefix(where);
  if (!path.empty()) out += path + ": ";
  out += fmt::format("expected {}; found {}", expected, found);
  if (!hint.empty()) out += fmt::format(" ({})", hint);
  return out;
}

std::string Warning::message() const {
  std::string out = location_prefix(where) + "warning: ";
  if (!path.empty()) out += path + ": ";
  return out + text;
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_messages(diagnostics)), diagnostics_(std::move(diagnostics)) {}

const std::vector<Diagnostic>& ScenarioError::diagnostics() const { return diagnostics_; }

std::string quote(std::string_view text) {
  constexpr std::size_t kMaxShown = 60;
  std::string shown;
  for (char c : text.substr(0, kMaxShown)) shown += (c == '\n' || c == '\r') ? ' ' : c;
  if (text.size() > kMaxShown) shown += "...";
  return "'" + shown + "'";
}

}  // namespace campsim::scenario
