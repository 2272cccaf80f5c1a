#pragma once
// Command-line options shared by the subcommands that load a scenario.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "sim/camp/scenario.hpp"

namespace campsim::cli {

struct ScenarioOptions {
  std::string scenario;
  std::vector<std::string> overrides;  // --set key.path=value, in order
};

// Adds SCENARIO (positional) and --set to a description.
void add_scenario_options(boost::program_options::options_description& options, ScenarioOptions& out);

// How every subcommand reads its command line: program_options' default style without guessing,
// so "--day 1" is an unknown option (with a "did you mean --days?") instead of silently --days.
int command_line_style();

// The candidate nearest to `word` in edit distance (Levenshtein), when near enough to be a slip
// of the keyboard: at most 2 edits, and fewer than half the word's letters. Nothing otherwise.
std::optional<std::string> did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// program_options' message for `error`, made printable, with "; did you mean --days?" added when
// the error is an unknown option near one of `options`' long names.
std::string option_error_text(const boost::program_options::error& error,
                              const boost::program_options::options_description& options);

// Parses args; returns the exit code to stop with (help shown or a command-line error printed),
// or nothing to go on.
std::optional<int> parse_command_line(const std::vector<std::string>& args,
                                      const boost::program_options::options_description& options,
                                      const std::string& usage_line, const std::string& examples);

// Loads and validates the scenario; on failure prints every diagnostic (file:line:col ...) and a
// count to stderr and returns nothing, and the caller exits with kBadInput, having run nothing.
std::optional<camp::LoadedScenario> load_or_report(const ScenarioOptions& scenario);

}  // namespace campsim::cli
