// campsim params: the parameter register (issue 23). Every parameter the scenario readers read,
// with its value, unit and origin, joined from what the readers record (the resolved parameters)
// and the origins in docs/provenance.yaml; --check fails when either lacks a parameter.
#include <algorithm>
#include <iostream>

#include <boost/program_options.hpp>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/options.hpp"
#include "apps/campsim/register_report.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/io/visible_text.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/scenario/document.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

constexpr const char* kParamsUsage =
    "campsim params SCENARIO|DIR... [--format markdown|csv|keys|origins [--section PREFIX]]\n"
    "       [--check] [--register FILE]";
constexpr const char* kParamsHelp =
    "Every parameter the scenario readers read, with its value, unit and origin: `source` (a\n"
    "publication says it), `assumed` (no source; the reason is given), `fitted` (to which target,\n"
    "by which command, at which commit) or `setting` (a label, a seed, a run length), and whether\n"
    "it was changed after a comparison with the record. The parameters are what the readers\n"
    "actually read (defaults included), so nothing can be missing; the units and origins come from\n"
    "the register, docs/provenance.yaml, keyed by parameter path (list items as [], e.g.\n"
    "camp.towers[].range_m).\n\n"
    "A DIR stands for every .yaml file under it. The first scenario's values are shown; the\n"
    "Markdown's last column names the other scenarios that read a different value.\n\n"
    "  --format markdown   the register as docs/provenance.md (the default)\n"
    "  --format csv        one row per value per scenario: scenario, parameter, path, value,\n"
    "                      set_in_file (false: the reader's default), unit, origin, ...\n"
    "  --format keys --section PREFIX\n"
    "                      the keys under PREFIX (e.g. world) as a table: unit, the first\n"
    "                      scenario's value (its default where the file does not set it),\n"
    "                      meaning, origin; docs/scenario-reference.md shows these\n"
    "  --format origins --section PREFIX\n"
    "                      the same keys with the origin written out (source or reason) in\n"
    "                      place of meaning and kind; docs/medical/parameters.md shows these\n"
    "  --check             print only the gaps and their count: parameters read that the\n"
    "                      register does not list, and listed ones none of the scenarios reads;\n"
    "                      exit 1 if any\n\n"
    "A new parameter in a reader: add it to docs/provenance.yaml with its unit and origin, then\n"
    "run scripts/docs.sh: docs/provenance.md is this command's output below the line that names\n"
    "the command, and ctest checks both the register and that file.\n\n"
    "Examples:\n"
    "  campsim params scenarios/gao_baseline.yaml scenarios     # the register, as docs/provenance.md\n"
    "  campsim params scenarios --check\n"
    "  campsim params scenarios/replay_2016-05-31_gao.yaml --format csv | grep vehicle_bomb\n";

// The scenarios named, directories expanded (sorted, so the output does not depend on the file
// system's order), each once, in the order given.
std::vector<fs::path> register_scenario_files(const std::vector<std::string>& named) {
  std::vector<fs::path> files;
  const auto add = [&](const fs::path& p) {
    const fs::path normal = p.lexically_normal();
    if (std::find(files.begin(), files.end(), normal) == files.end()) files.push_back(normal);
  };
  for (const std::string& n : named) {
    if (!fs::is_directory(n)) {
      add(n);
      continue;
    }
    std::vector<fs::path> found;
    for (const auto& e : fs::recursive_directory_iterator(n))
      if (e.is_regular_file() && e.path().extension() == ".yaml") found.push_back(e.path());
    std::sort(found.begin(), found.end());
    for (const fs::path& f : found) add(f);
  }
  return files;
}

}  // namespace

int params_command(const std::vector<std::string>& args) {
  std::vector<std::string> named, overrides;
  std::string format = "markdown", register_file = "docs/provenance.yaml", section;
  bool check = false;
  po::options_description visible("Options");
  visible.add_options()("format", po::value<std::string>(&format), "markdown (default), csv, keys or origins")(
      "section", po::value<std::string>(&section), "with --format keys or origins: the keys under this prefix, e.g. world")(
      "check", po::bool_switch(&check), "list only the gaps between the register and the readers; exit 1 if any")(
      "register", po::value<std::string>(&register_file), "the origins file (default docs/provenance.yaml)")(
      "set", po::value<std::vector<std::string>>(&overrides)->composing(),
      "override one parameter in every scenario, KEY.PATH=VALUE (repeatable)")("help,h", "show this help");
  po::options_description all;
  all.add(visible).add_options()("scenarios", po::value<std::vector<std::string>>(&named)->required(), "scenarios");
  po::positional_options_description positional;
  positional.add("scenarios", -1);
  try {
    po::variables_map values;
    po::store(po::command_line_parser(args).options(all).positional(positional).style(command_line_style()).run(), values);
    if (values.count("help")) {
      std::cout << "Usage: " << kParamsUsage << "\n\n" << visible << "\n" << kParamsHelp;
      return kOk;
    }
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "campsim: " << option_error_text(e, visible) << "\nUsage: " << kParamsUsage << "\n(see --help)\n";
    return kBadInput;
  }
  if (format != "markdown" && format != "csv" && format != "keys" && format != "origins") {
    std::cerr << "campsim params: --format must be markdown, csv, keys or origins, got '" << io::visible(format) << "'\n";
    return kBadInput;
  }
  const bool key_table = format == "keys" || format == "origins";
  if (key_table != !section.empty()) {
    std::cerr << "campsim params: --section goes with --format keys or origins, and they need it\n";
    return kBadInput;
  }
  ParameterRegister reg;
  try {
    reg = load_register(register_file);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << io::visible_lines(d.message()) << "\n";
    std::cerr << "campsim params: the register " << io::visible(register_file) << " has errors\n";
    return kBadInput;
  }
  std::vector<ScenarioParameters> scenarios;
  for (const fs::path& file : register_scenario_files(named)) {
    const auto loaded = load_or_report({file.string(), overrides});
    if (!loaded) return kBadInput;
    // The merged tree again (extends, --set), to tell a value written in the file from a default.
    scenario::Node tree = scenario::load_scenario_tree(file);
    for (const std::string& assignment : overrides) scenario::apply_override(tree, assignment);
    scenarios.push_back({file.stem().string(), parameter_values(loaded->resolved, tree)});
  }
  if (check) {
    const RegisterGaps gaps = register_gaps(reg, scenarios);
    for (const std::string& k : gaps.unlisted) std::cout << "not in the register: " << k << "\n";
    for (const std::string& k : gaps.unread) std::cout << "in the register but read by none of these scenarios: " << k << "\n";
    std::cout << "campsim params: " << scenarios.size() << " scenario(s), " << reg.entries.size()
              << " parameters in the register, " << gaps.unlisted.size() << " not in it, " << gaps.unread.size()
              << " not read\n";
    return gaps.empty() ? kOk : kFailure;
  }
  if (key_table)
    std::cout << register_key_table(reg, scenarios, section,
                                    format == "keys" ? KeyTableColumns::Meanings : KeyTableColumns::Origins);
  else std::cout << (format == "csv" ? register_csv(reg, scenarios) : register_markdown(reg, scenarios));
  return kOk;
}

}  // namespace campsim::cli
