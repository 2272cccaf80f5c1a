// campsim validate: load and check a scenario, list every problem, run nothing.
#include <iostream>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/options.hpp"
#include "sim/camp/scenario.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/io/visible_text.hpp"

namespace po = boost::program_options;

namespace campsim::cli {

int validate_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  po::options_description options;
  add_scenario_options(options, scenario);
  if (auto stop = parse_command_line(args, options, "campsim validate SCENARIO [--set KEY=VALUE]...",
                                     "Examples:\n  campsim validate scenarios/gao_baseline.yaml\n"
                                     "  campsim validate scenarios/gao_baseline.yaml --set guards.shifts.length=6h\n"))
    return *stop;
  try {
    const camp::LoadedScenario loaded = camp::load_scenario(scenario.scenario, scenario.overrides);
    for (const auto& w : loaded.warnings) std::cerr << io::visible_lines(w.message()) << "\n";
    // The name and the path are text the user (or whoever wrote the file) chose: shown, not obeyed.
    std::cout << io::visible(scenario.scenario) << ": ok (" << io::visible(loaded.scenario.meta.name) << ", "
              << loaded.scenario.guards.posts.size() << " posts, parameters " << loaded.hash << ")\n";
    return kOk;
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << io::visible_lines(d.message()) << "\n";
    std::cerr << e.diagnostics().size() << " error(s) in " << io::visible(scenario.scenario) << "\n";
    return kBadInput;
  }
}

}  // namespace campsim::cli
