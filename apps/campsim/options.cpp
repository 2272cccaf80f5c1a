#include "apps/campsim/options.hpp"

#include <algorithm>
#include <iostream>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/io/visible_text.hpp"

namespace po = boost::program_options;

namespace campsim::cli {

void add_scenario_options(po::options_description& options, ScenarioOptions& out) {
  options.add_options()
      ("scenario", po::value<std::string>(&out.scenario)->required(), "scenario YAML file")
      ("set", po::value<std::vector<std::string>>(&out.overrides)->composing(),
       "override one parameter, KEY.PATH=VALUE (repeatable), e.g. --set guards.shifts.length=6h "
       "--set 'guards.posts[0].manning[0].guards=3'");
}

int command_line_style() {
  return po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
}

std::optional<std::string> did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  // Edits between the two words, two neighbouring letters swapped counting as one ("rnu" is one
  // slip from "run", as "levle" from "level"): the optimal string alignment distance.
  const auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
      for (std::size_t j = 1; j <= b.size(); ++j) {
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    return d[a.size()][b.size()];
  };
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& c : candidates) {
    const std::size_t d = distance(word, c);
    if (d > 2 || 2 * d >= word.size()) continue;
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string option_error_text(const po::error& error, const po::options_description& options) {
  std::string text = io::visible_lines(error.what());
  if (const auto* unknown = dynamic_cast<const po::unknown_option*>(&error)) {
    std::string name = unknown->get_option_name();
    while (!name.empty() && name.front() == '-') name.erase(name.begin());
    if (const std::size_t equals = name.find('='); equals != std::string::npos) name.resize(equals);
    std::vector<std::string> names;
    for (const auto& option : options.options())
      if (!option->long_name().empty() && option->long_name() != "scenario") names.push_back(option->long_name());
    if (const auto near = did_you_mean(name, names)) text += "; did you mean --" + *near + "?";
  }
  return text;
}

std::optional<int> parse_command_line(const std::vector<std::string>& args, const po::options_description& options,
                                      const std::string& usage_line, const std::string& examples) {
  po::options_description visible("Options");
  for (const auto& option : options.options())
    if (option->long_name() != "scenario") visible.add(option);
  visible.add_options()("help,h", "show this help");
  po::options_description all;
  all.add(options).add_options()("help,h", "show this help");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).style(command_line_style()).run(), values);
    if (values.count("help")) {
      std::cout << "Usage: " << usage_line << "\n\n" << visible << "\n" << examples;
      return kOk;
    }
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "campsim: " << option_error_text(e, all) << "\nUsage: " << usage_line << "\n(see --help)\n";
    return kBadInput;
  }
  // A seed read by the option parser as an unsigned number would take "-1" as 2^64 - 1.
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if ((args[i] == "--sample-seed" || args[i] == "--design-seed") && args[i + 1].starts_with("-")) {
      std::cerr << "campsim: " << args[i] << " must be a whole number from 0 to 18446744073709551615, got '"
                << io::visible(args[i + 1]) << "'\n";
      return kBadInput;
    }
  // Options read as text and parsed later: an empty value would otherwise mean "not given".
  if (const auto problem = empty_value_problem(args, {"--days", "--seed", "--at", "--from", "--to", "--every", "--fps",
                                                      "--size", "--look", "--out"})) {
    std::cerr << "campsim: " << *problem << "\nUsage: " << usage_line << "\n";
    return kBadInput;
  }
  return std::nullopt;
}

std::optional<camp::LoadedScenario> load_or_report(const ScenarioOptions& scenario) {
  try {
    camp::LoadedScenario loaded = camp::load_scenario(scenario.scenario, scenario.overrides);
    for (const auto& w : loaded.warnings) std::cerr << io::visible_lines(w.message()) << "\n";
    return loaded;
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << io::visible_lines(d.message()) << "\n";
    std::cerr << e.diagnostics().size() << " error(s) in " << io::visible(scenario.scenario) << "; nothing was run\n";
    return std::nullopt;
  }
}

}  // namespace campsim::cli
