// campsim dictionary: prints docs/data-dictionary.md for a scenario (every column of every CSV
// file a run and a batch write, with type, unit and meaning), generated from the code itself.
#include <iostream>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/data_dictionary.hpp"
#include "apps/campsim/options.hpp"
#include "sim/batch/plan_loader.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/io/visible_text.hpp"

namespace campsim::cli {

int dictionary_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  boost::program_options::options_description options;
  add_scenario_options(options, scenario);
  if (auto stop = parse_command_line(args, options, "campsim dictionary SCENARIO",
                                     "Prints the data dictionary (Markdown) of the files a run and a batch of SCENARIO write.\n\n"
                                     "Example:\n  campsim dictionary scenarios/gao_baseline.yaml > docs/data-dictionary.md\n"))
    return *stop;
  try {
    std::cout << render_data_dictionary(collect_columns(scenario.scenario));
    return kOk;
  } catch (const batch::BatchInputError& e) {
    std::cerr << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << io::visible_lines(d.message()) << "\n";
    return kBadInput;
  }
}

}  // namespace campsim::cli
