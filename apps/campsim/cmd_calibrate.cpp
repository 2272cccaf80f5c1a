// campsim calibrate: history matching of chosen parameters to public-record targets over an
// orthogonal (or Latin hypercube) design run on the batch runner (docs/calibration.md).
#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>

#include <boost/program_options.hpp>

#include "analysis/batch_table.hpp"
#include "analysis/calibration_report.hpp"
#include "analysis/calibration_terminal.hpp"
#include "analysis/terminal_headline.hpp"
#include "analysis/calibration_targets.hpp"
#include "sim/io/csv.hpp"
#include "analysis/document.hpp"
#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "apps/campsim/sample_batch.hpp"
#include "sim/batch/design.hpp"
#include "sim/batch/latin_hypercube.hpp"
#include "sim/batch/orthogonal_latin_hypercube.hpp"
#include "sim/batch/parameter_space.hpp"
#include "sim/batch/sensitivity_sample.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/io/visible_text.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

constexpr const char* kCalibrateUsage =
    "campsim calibrate SCENARIO --targets FILE --parameters FILE [--design nolh|lhs] [--samples N]\n"
    "       [--replications R] [--days D] [--seed S] [--design-seed S]\n"
    "       [--rule band|implausibility] [--cutoff C] [--threads T] [--out DIR] [--resume] [--force]\n"
    "       [--set KEY=VALUE]... [--gnuplot PATH] [--no-plots] [--quiet]";

constexpr const char* kCalibrateExplanation =
    "Calibrates SCENARIO to the public record by history matching: spreads the parameters of --parameters\n"
    "over a design (nolh: an orthogonal Latin hypercube, the default; or lhs), runs each set R times as a\n"
    "batch design (DIR/batch: threads, Ctrl-C and --resume, mpirun as for campsim batch), and for every\n"
    "target of --targets computes the simulated mean, the 90% band over replications (its 5% and 95%\n"
    "quantiles) and the implausibility. Keeps the sets whose band holds every target (--rule band) or\n"
    "whose implausibility is below --cutoff for every target (--rule implausibility). Prints the target\n"
    "table of the best set and writes DIR/report/calibration.md (and .html), sets.csv and best.txt (the\n"
    "best set as --set lines).\n"
    "\n"
    "Examples:\n"
    "  campsim calibrate scenarios/gao_baseline.yaml --targets analysis/calibration/targets.yaml \\\n"
    "      --parameters analysis/calibration/parameters.yaml --days 365 --replications 20 --threads 2\n"
    "  # one attack, per run:\n"
    "  campsim calibrate scenarios/replay_2016-05-31_gao.yaml \\\n"
    "      --targets analysis/calibration/targets_2016_gate_bomb.yaml \\\n"
    "      --parameters analysis/calibration/parameters_vehicle_bomb.yaml --replications 100\n"
    "  campsim calibrate scenarios/gao_baseline.yaml --targets t.yaml --parameters p.yaml \\\n"
    "      --rule implausibility --resume\n"
    "Targets may be per run, day, year or incident (per: incident, incidents: COLUMN), and a count on\n"
    "record over years (count: K, over_years: Y) is checked by its Poisson likelihood: inside when\n"
    "neither tail is below 5%, P(at most K) nor P(at least K), for the simulated rate times Y. Every\n"
    "target says whether it is a calibration target or a validation case (role:); calibrate refuses\n"
    "validation cases.\n"
    "Documentation: docs/calibration.md\n";

template <class E>
void print_errors(const E& e, const std::string& what, const std::string& file) {
  for (const auto& d : e.diagnostics()) std::cerr << io::visible_lines(d.message()) << "\n";
  std::cerr << e.diagnostics().size() << " error(s) in the " << what << " file " << file << "; nothing was run\n";
}

}  // namespace

int calibrate_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  std::string targets_file, parameters_file, design_text = "nolh", rule_text = "band", out, gnuplot;
  int samples = 0, replications = 10, threads = 1;
  double days = 0, cutoff = 3;
  std::string days_text, seed_text;  // parsed by limits.hpp, as for run and batch
  std::uint64_t design_seed = 1;
  bool resume = false, force = false, quiet = false, no_plots = false;
  po::options_description options;
  add_scenario_options(options, scenario);
  options.add_options()
      ("targets", po::value<std::string>(&targets_file)->required(), "YAML file of the targets (docs/calibration.md)")
      ("parameters", po::value<std::string>(&parameters_file)->required(), "YAML file of the parameters and their ranges")
      ("design", po::value<std::string>(&design_text)->default_value("nolh"), "nolh (orthogonal Latin hypercube) or lhs")
      ("samples", po::value<int>(&samples), "parameter sets (nolh: 2^m + 1, default the smallest that fits; lhs: default 33)")
      ("design-seed", po::value<std::uint64_t>(&design_seed)->default_value(1), "seed of the design")
      ("replications,n", po::value<int>(&replications)->default_value(10), "replications per set (the band is over them)")
      ("days", po::value<std::string>(&days_text), "simulated days per run, 365 or 365d or 12h (default: the scenario's duration)")
      ("seed", po::value<std::string>(&seed_text), "run seed (default: the scenario's); every set uses the same (common random numbers)")
      ("rule", po::value<std::string>(&rule_text)->default_value("band"), "band (every target inside the 90% band) or implausibility")
      ("cutoff", po::value<double>(&cutoff)->default_value(3), "implausibility cut-off for --rule implausibility")
      ("threads", po::value<int>(&threads)->default_value(1), "runs at a time; never changes the results")
      ("out", po::value<std::string>(&out), "directory (default: calibration/<scenario stem>)")
      ("resume", po::bool_switch(&resume), "continue an interrupted calibration (or re-analyse a finished one)")
      ("force", po::bool_switch(&force), "replace an existing calibration's runs")
      ("gnuplot", po::value<std::string>(&gnuplot), "gnuplot program (default: $CAMPSIM_GNUPLOT, else gnuplot on PATH)")
      ("no-plots", po::bool_switch(&no_plots), "draw no figure")
      ("quiet,q", po::bool_switch(&quiet), "print nothing but errors");
  if (auto stop = parse_command_line(args, options, kCalibrateUsage, std::string(kCalibrateExplanation))) return *stop;
  if (design_text != "nolh" && design_text != "lhs") {
    std::cerr << "campsim calibrate: --design must be nolh or lhs, got '" << design_text << "'\n";
    return kBadInput;
  }
  if (rule_text != "band" && rule_text != "implausibility") {
    std::cerr << "campsim calibrate: --rule must be band or implausibility, got '" << rule_text << "'\n";
    return kBadInput;
  }
  if (replications < 2 || threads < 1 || !(cutoff > 0) || !std::isfinite(cutoff) || (samples != 0 && samples < 2)) {
    std::cerr << "campsim calibrate: need --replications >= 2 (a band needs several runs), --threads >= 1, a finite --cutoff > 0 "
                 "and --samples >= 2\n";
    return kBadInput;
  }
  RunNumbers given;
  if (auto problem = run_numbers_problem(threads, days_text, seed_text, given);
      problem || (problem = sample_points_problem(static_cast<std::uint64_t>(samples), "--samples " + std::to_string(samples)))) {
    std::cerr << "campsim calibrate: " << *problem << "\n";
    return kBadInput;
  }
  if (given.days) days = *given.days;
  if (resume && force) {
    std::cerr << "campsim calibrate: --resume continues a calibration and --force replaces it; give one of them\n";
    return kBadInput;
  }

  std::vector<analysis::CalibrationTarget> targets;
  batch::ParameterSpace space;
  try {
    targets = analysis::read_calibration_targets(targets_file);
  } catch (const scenario::ScenarioError& e) {
    print_errors(e, "targets", targets_file);
    return kBadInput;
  }
  // Never fit to what will be validated against (issue 23): a validation case is compared with
  // only after fitting (scripts/baseline_targets.sh, campsim replay).
  long validation_cases = 0;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    if (targets[t].role != analysis::TargetRole::Validation) continue;
    ++validation_cases;
    std::cerr << "campsim calibrate: " << io::visible(targets_file) << ": targets[" << t << "] ("
              << io::visible(targets[t].note.empty() ? targets[t].metric : targets[t].note)
              << ") is a validation case (role: validation); calibrate fits only to calibration targets\n";
  }
  if (validation_cases > 0) {
    std::cerr << "campsim calibrate: refusing to fit against " << validation_cases
              << " validation case(s): a parameter fitted to a case cannot then be validated by it; nothing was run\n";
    return kBadInput;
  }
  try {
    space = batch::read_parameter_space(parameters_file);
  } catch (const scenario::ScenarioError& e) {
    print_errors(e, "parameters", parameters_file);
    return kBadInput;
  }
  if (days <= 0) {
    const auto loaded = load_or_report(scenario);
    if (!loaded) return kBadInput;
    days = loaded->scenario.meta.duration / 86400.0;
  }

  // The design in the unit cube: nolh levels run from 0 to 1 inclusive, lhs at stratum centres.
  const int k = static_cast<int>(space.parameters.size());
  batch::LevelMatrix levels;
  std::string design_description;
  try {
    if (design_text == "nolh") {
      const int points = samples > 0 ? samples : batch::orthogonal_runs_for(k);
      levels = batch::nearly_orthogonal_latin_hypercube_of(points, k, design_seed);
      design_description = "orthogonal Latin hypercube (Ye 1998 / Cioppa & Lucas 2007) of " + std::to_string(points) +
                           " sets over " + std::to_string(k) + " parameters";
    } else {
      const int points = samples > 0 ? samples : 33;
      levels = batch::latin_hypercube(points, k, design_seed);
      design_description = "Latin hypercube of " + std::to_string(points) + " sets over " + std::to_string(k) + " parameters";
    }
  } catch (const std::invalid_argument& e) {
    std::cerr << "campsim calibrate: " << io::visible_lines(e.what()) << " (nolh sizes: 5 runs hold 2 parameters, 9 hold 4, 17 hold 7, 33 hold "
                 "11, 65 hold 16, 129 hold 22; or --design lhs)\n";
    return kBadInput;
  }
  const double n = static_cast<double>(levels.size());
  batch::UnitPoints unit;
  for (const auto& row : levels) {
    std::vector<double> u;
    for (int l : row) u.push_back(design_text == "nolh" ? l / (n - 1) : (l + 0.5) / n);
    unit.push_back(std::move(u));
  }
  design_description += ", design seed " + std::to_string(design_seed);

  const fs::path dir = !out.empty() ? fs::path(out) : fs::path("calibration") / fs::path(scenario.scenario).stem();
  SampleBatchRequest request;
  request.scenario = scenario.scenario;
  request.overrides = scenario.overrides;
  request.keys = space.keys();
  request.rows = space.rows(unit);
  request.replications = replications;
  request.days = days;
  request.seed = given.seed;
  request.threads = threads;
  request.dir = dir;
  request.resume = resume;
  request.force = force;
  request.quiet = quiet;
  const SampleBatchOutcome ran = run_sample_batch(request);
  if (!ran.analyse) return ran.exit_code;
  if (ran.exit_code != kOk) {
    if (fs::exists(dir / "batch" / "batch.json"))
      std::cerr << "campsim calibrate: the runs are not finished; to continue the calibration:\n  "
                << shell_line("campsim calibrate", args) << (resume ? "" : " --resume") << "\n";
    return ran.exit_code;
  }

  analysis::CalibrationStudy study;
  study.scenario = scenario.scenario;
  study.overrides = scenario.overrides;
  study.parameter_keys = space.keys();
  for (const auto& p : space.parameters) study.parameter_descriptions.push_back(p.describe());
  study.set_values = request.rows;
  for (const auto& u : unit) {
    std::vector<double> numbers;
    for (std::size_t p = 0; p < space.parameters.size(); ++p) numbers.push_back(space.parameters[p].value_at(u[p]));
    study.set_numbers.push_back(std::move(numbers));
  }
  study.targets = targets;
  study.rule = rule_text == "band" ? analysis::KeepRule::Band : analysis::KeepRule::Implausibility;
  study.cutoff = cutoff;
  study.replications = replications;
  study.days = days;
  study.design_description = design_description;
  study.command = shell_line("campsim calibrate", args);
  try {
    const analysis::BatchTable table = analysis::read_batch(dir / "batch");
    std::vector<std::vector<std::vector<double>>> per_target;  // [target][set][replication]
    const auto column_of = [&](const std::string& name) {
      const long column = table.metric_index(name);
      if (column < 0)
        std::cerr << "campsim calibrate: target metric '" << name << "' is not a column of "
                  << (dir / "batch" / "results.csv").string() << " (see its header for the metric names)\n";
      return column;
    };
    for (const analysis::CalibrationTarget& t : targets) {
      std::vector<long> columns;
      for (const std::string& name : t.columns) {
        columns.push_back(column_of(name));
        if (columns.back() < 0) return kBadInput;
      }
      const long incidents = t.incidents.empty() ? -1 : column_of(t.incidents);
      if (!t.incidents.empty() && incidents < 0) return kBadInput;
      // Run by run: the sum of the columns, scaled to the target's unit (analysis::run_value).
      std::vector<std::vector<double>> values(unit.size());
      for (const auto& run : table.runs) {
        if (run.policy != 0 || run.design_point < 0 || static_cast<std::size_t>(run.design_point) >= unit.size()) continue;
        std::vector<std::optional<double>> cells;
        for (long c : columns) cells.push_back(run.values[static_cast<std::size_t>(c)]);
        const std::optional<double> count =
            incidents >= 0 ? run.values[static_cast<std::size_t>(incidents)] : std::optional<double>{};
        if (const auto v = analysis::run_value(t, cells, count, days)) values[static_cast<std::size_t>(run.design_point)].push_back(*v);
      }
      per_target.push_back(std::move(values));
    }
    for (std::size_t set = 0; set < unit.size(); ++set) {
      std::vector<std::vector<double>> values;
      for (const auto& target : per_target) values.push_back(target[set]);
      study.fits.push_back(analysis::fit_set(targets, values, study.rule, cutoff));
    }
  } catch (const analysis::BatchError& e) {
    std::cerr << "campsim calibrate: " << io::visible_lines(e.what()) << "\n";
    return kFailure;
  } catch (const io::CsvError& e) {
    std::cerr << "campsim calibrate: " << io::visible_lines(e.what()) << "\n";
    return kFailure;
  }
  std::vector<std::vector<std::string>> kept_rows;
  for (std::size_t i = 0; i < study.fits.size(); ++i)
    if (study.fits[i].kept) kept_rows.push_back(study.set_values[i]);
  if (!kept_rows.empty())
    study.kept_design_yaml = "# The parameter sets `" + study.command + "` kept (docs/calibration.md).\n"
                             "# Compare policies over them: campsim batch " + study.scenario +
                             " --policies ... --design THIS_FILE --replications R\n" +
                             batch::table_design_yaml(study.parameter_keys, kept_rows);
  analysis::PlotOptions plot_options;
  plot_options.enabled = !no_plots;
  plot_options.gnuplot = gnuplot;
  const fs::path report = analysis::write_calibration_report(dir, study, plot_options);
  if (quiet) return kOk;
  const auto kept = std::count_if(study.fits.begin(), study.fits.end(), [](const analysis::SetFit& f) { return f.kept; });
  std::cout << "campsim calibrate: " << kept << " of " << study.fits.size() << " parameter sets kept ("
            << (study.rule == analysis::KeepRule::Band ? "every target inside its 90% band" : "implausibility below cut-off")
            << ")\n";
  if (const auto best = analysis::best_set(study.fits)) {
    std::cout << "\nbest set " << *best << ":\n";
    for (std::size_t p = 0; p < study.parameter_keys.size(); ++p)
      std::cout << "  --set " << study.parameter_keys[p] << "=" << study.set_values[*best][p] << "\n";
    std::cout << analysis::terminal_target_table(study, *best, analysis::kTerminalWidth);
  }
  std::cout << "\n" << analysis::render_text_table(analysis::terminal_parameter_table(study));
  std::cout << "report: " << (report / "calibration.md").string() << ", " << (report / "sets.csv").string() << ", "
            << (report / "best.txt").string() << (kept_rows.empty() ? "" : ", " + (report / "kept_sets.yaml").string()) << "\n";
  return kOk;
}

}  // namespace campsim::cli
