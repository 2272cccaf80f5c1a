// campsim sensitivity: Morris screening or Sobol' indices of chosen scenario parameters, for any
// metric of the runs, on the batch runner (docs/analysis.md, "Sensitivity").
#include <cmath>
#include <iostream>
#include <limits>

#include <boost/program_options.hpp>

#include "analysis/display.hpp"
#include "analysis/batch_table.hpp"
#include "sim/io/csv.hpp"
#include "analysis/document.hpp"
#include "analysis/sensitivity_report.hpp"
#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "apps/campsim/sample_batch.hpp"
#include "sim/batch/parameter_space.hpp"
#include "sim/batch/sensitivity_sample.hpp"
#include "sim/scenario/diagnostic.hpp"
#include "sim/io/visible_text.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

constexpr const char* kSensitivityUsage =
    "campsim sensitivity SCENARIO --parameters FILE [--metric M]... [--method morris|sobol]\n"
    "       [--samples N] [--levels P] [--replications R] [--days D] [--seed S] [--threads T]\n"
    "       [--out DIR] [--resume] [--force] [--set KEY=VALUE]... [--level L] [--resamples B]\n"
    "       [--gnuplot PATH] [--no-plots] [--quiet]";

constexpr const char* kSensitivityExplanation =
    "Which uncertain parameters drive a result? Varies the parameters of FILE (ranges or distributions\n"
    "of scenario keys, as --set takes them) over a Morris or Saltelli sample, runs every point as a batch\n"
    "design (DIR/batch: threads, Ctrl-C and --resume, mpirun as for campsim batch), and ranks the\n"
    "parameters for each metric: Morris mu* and sigma, or Sobol' first-order and total indices, with\n"
    "bootstrap intervals. Prints the ranked tables and writes DIR/report/ (report.md, report.html,\n"
    "indices.csv, plots/). Runs: morris r (k + 1) points, sobol N (k + 2) points, each x R replications.\n"
    "\n"
    "Examples:\n"
    "  campsim sensitivity scenarios/gao_baseline.yaml \\\n"
    "      --parameters analysis/calibration/parameters.yaml \\\n"
    "      --metric medical.died_of_wounds --days 365 --threads 2\n"
    "  campsim sensitivity scenarios/gao_baseline.yaml --parameters p.yaml --method sobol --samples 256 \\\n"
    "      --metric 'medical.compliance.*'\n"
    "  # continue, or re-analyse a finished one:\n"
    "  campsim sensitivity scenarios/gao_baseline.yaml --parameters p.yaml --resume\n"
    "Documentation: docs/analysis.md\n";

double mean_of(const std::vector<double>& v) {
  double s = 0;
  std::size_t n = 0;
  for (double x : v)
    if (!std::isnan(x)) s += x, ++n;
  return n ? s / static_cast<double>(n) : std::nan("");
}

double sd_of(const std::vector<double>& v) {
  const double m = mean_of(v);
  double s = 0;
  std::size_t n = 0;
  for (double x : v)
    if (!std::isnan(x)) s += (x - m) * (x - m), ++n;
  return n > 1 ? std::sqrt(s / static_cast<double>(n - 1)) : 0.0;
}

}  // namespace

int sensitivity_command(const std::vector<std::string>& args) {
  ScenarioOptions scenario;
  std::string parameters_file, method_text = "morris", out, gnuplot;
  std::vector<std::string> metric_patterns;
  int samples = 0, levels = 4, replications = 1, threads = 1, resamples = 1000;
  double level = 0.95;
  std::string days_text, seed_text;  // parsed by limits.hpp, as for run and batch
  std::uint64_t sample_seed = 1;
  bool resume = false, force = false, quiet = false, no_plots = false;
  po::options_description options;
  add_scenario_options(options, scenario);
  options.add_options()
      ("parameters", po::value<std::string>(&parameters_file)->required(), "YAML file of the uncertain parameters (docs/analysis.md)")
      ("metric", po::value<std::vector<std::string>>(&metric_patterns)->composing(),
       "metric column (shell pattern allowed), repeatable; default: the key metrics the runs have")
      ("method", po::value<std::string>(&method_text)->default_value("morris"), "morris (screening) or sobol (variance shares)")
      ("samples", po::value<int>(&samples), "morris: trajectories r (default 10); sobol: base rows N (default 64; powers of 2 best)")
      ("levels", po::value<int>(&levels)->default_value(4), "morris: grid levels p (even)")
      ("sample-seed", po::value<std::uint64_t>(&sample_seed)->default_value(1), "seed of the Morris trajectories and the bootstrap")
      ("replications,n", po::value<int>(&replications)->default_value(1), "replications per point (their mean is the point's output)")
      ("days", po::value<std::string>(&days_text), "simulated days per run, 365 or 365d or 12h (default: the scenario's duration)")
      ("seed", po::value<std::string>(&seed_text), "run seed (default: the scenario's); every point uses the same (common random numbers)")
      ("threads", po::value<int>(&threads)->default_value(1), "runs at a time; never changes the results")
      ("out", po::value<std::string>(&out), "directory (default: sensitivity/<scenario stem>-<method>)")
      ("resume", po::bool_switch(&resume), "continue an interrupted study (or re-analyse a finished one)")
      ("force", po::bool_switch(&force), "replace an existing study's runs")
      ("level", po::value<double>(&level)->default_value(0.95, "0.95"), "level of the bootstrap intervals")
      ("resamples", po::value<int>(&resamples)->default_value(1000), "bootstrap resamples")
      ("gnuplot", po::value<std::string>(&gnuplot), "gnuplot program (default: $CAMPSIM_GNUPLOT, else gnuplot on PATH)")
      ("no-plots", po::bool_switch(&no_plots), "write no plots")
      ("quiet,q", po::bool_switch(&quiet), "print nothing but errors");
  if (auto stop = parse_command_line(args, options, kSensitivityUsage, std::string(kSensitivityExplanation))) return *stop;

  analysis::SensitivityMethod method;
  if (method_text == "morris") method = analysis::SensitivityMethod::Morris;
  else if (method_text == "sobol") method = analysis::SensitivityMethod::Sobol;
  else {
    std::cerr << "campsim sensitivity: --method must be morris or sobol, got '" << method_text << "'\n";
    return kBadInput;
  }
  if (samples == 0) samples = method == analysis::SensitivityMethod::Morris ? 10 : 64;
  if (replications < 1 || threads < 1 || samples < 2 || levels < 2 || levels % 2 != 0 || !(level > 0 && level < 1) ||
      resamples < 100) {
    std::cerr << "campsim sensitivity: need --replications >= 1, --threads >= 1, --samples >= 2, an even --levels >= 2, "
                 "0 < --level < 1 and --resamples >= 100\n";
    return kBadInput;
  }
  RunNumbers numbers;
  if (auto problem = run_numbers_problem(threads, days_text, seed_text, numbers); problem || (problem = resamples_problem(resamples))) {
    std::cerr << "campsim sensitivity: " << *problem << "\n";
    return kBadInput;
  }
  if (resume && force) {
    std::cerr << "campsim sensitivity: --resume continues a study and --force replaces it; give one of them\n";
    return kBadInput;
  }

  batch::ParameterSpace space;
  try {
    space = batch::read_parameter_space(parameters_file);
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << io::visible_lines(d.message()) << "\n";
    std::cerr << e.diagnostics().size() << " error(s) in the parameters file " << parameters_file << "; nothing was run\n";
    return kBadInput;
  }
  const int k = static_cast<int>(space.parameters.size());
  // Counted before the sample is drawn: --samples 2000000000 must not be drawn first.
  const std::uint64_t asked = static_cast<std::uint64_t>(samples) *
                              static_cast<std::uint64_t>(k + (method == analysis::SensitivityMethod::Morris ? 1 : 2));
  if (const auto problem = sample_points_problem(asked, "--samples " + std::to_string(samples) + " for " + std::to_string(k) +
                                                           " parameters (" + method_text + ")")) {
    std::cerr << "campsim sensitivity: " << *problem << "\n";
    return kBadInput;
  }
  batch::UnitPoints points;
  std::string sample_description;
  batch::MorrisOptions morris;
  if (method == analysis::SensitivityMethod::Morris) {
    morris.trajectories = samples;
    morris.levels = levels;
    morris.seed = sample_seed;
    points = batch::morris_sample(k, morris);
    sample_description = std::to_string(samples) + " Morris trajectories on " + std::to_string(levels) +
                         " levels, chosen for spread from " + std::to_string(10 * samples) + " (seed " +
                         std::to_string(sample_seed) + "): " + std::to_string(points.size()) + " points";
  } else {
    points = batch::saltelli_sample(k, samples);
    sample_description = "Saltelli sample of N = " + std::to_string(samples) + " Sobol' rows for " + std::to_string(k) +
                         " parameters: " + std::to_string(points.size()) + " points";
  }

  const fs::path dir = !out.empty() ? fs::path(out)
                                    : fs::path("sensitivity") / (fs::path(scenario.scenario).stem().string() + "-" + method_text);
  SampleBatchRequest request;
  request.scenario = scenario.scenario;
  request.overrides = scenario.overrides;
  request.keys = space.keys();
  request.rows = space.rows(points);
  request.replications = replications;
  request.days = numbers.days;
  request.seed = numbers.seed;
  request.threads = threads;
  request.dir = dir;
  request.resume = resume;
  request.force = force;
  request.quiet = quiet;
  const SampleBatchOutcome ran = run_sample_batch(request);
  if (!ran.analyse) return ran.exit_code;
  if (ran.exit_code != kOk) {
    if (fs::exists(dir / "batch" / "batch.json"))
      std::cerr << "campsim sensitivity: the runs are not finished; to continue the study:\n  "
                << shell_line("campsim sensitivity", args) << (resume ? "" : " --resume") << "\n";
    return ran.exit_code;
  }

  analysis::SensitivityStudy study;
  study.method = method;
  study.scenario = scenario.scenario;
  study.overrides = scenario.overrides;
  for (const auto& p : space.parameters) study.parameters.push_back({p.key, p.describe()});
  study.sample_description = sample_description;
  study.replications = replications;
  study.points = points.size();
  study.bootstrap = {level, resamples, sample_seed};
  study.command = shell_line("campsim sensitivity", args);
  try {
    const analysis::BatchTable table = analysis::read_batch(dir / "batch");
    for (const std::string& metric : choose_metrics(table, metric_patterns)) {
      analysis::MetricSensitivity m;
      m.metric = metric;
      const std::vector<double> y = point_means(table, table.metric_index(metric), points.size());
      m.output_mean = mean_of(y);
      m.output_sd = sd_of(y);
      if (method == analysis::SensitivityMethod::Morris) m.morris = analysis::morris_indices(points, y, k, study.bootstrap);
      else m.sobol = analysis::sobol_indices(y, k, study.bootstrap);
      study.metrics.push_back(std::move(m));
    }
  } catch (const analysis::BatchError& e) {
    std::cerr << "campsim sensitivity: " << io::visible_lines(e.what()) << "\n";
    return kFailure;
  } catch (const io::CsvError& e) {
    std::cerr << "campsim sensitivity: " << io::visible_lines(e.what()) << "\n";
    return kFailure;
  } catch (const std::invalid_argument& e) {
    std::cerr << "campsim sensitivity: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  }
  analysis::PlotOptions plot_options;
  plot_options.enabled = !no_plots;
  plot_options.gnuplot = gnuplot;
  const analysis::WrittenSensitivityReport report = analysis::write_sensitivity_report(dir, study, plot_options);
  if (quiet) return kOk;
  for (const analysis::MetricSensitivity& m : study.metrics) {
    std::cout << "\n" << m.metric << " (" << analysis::format_sample_mean_sd(m.output_mean, m.output_sd, points.size())
              << " over " << points.size() << " points)\n";
    std::cout << analysis::render_text_table(analysis::ranked_table(study, m));
  }
  for (const std::string& note : report.plots.notes)
    if (note.starts_with("Plots are absent") || note.starts_with("Plots stopped")) std::cout << note << "\n";
  std::cout << "report: " << (report.directory / "report.md").string() << ", " << (report.directory / "indices.csv").string()
            << " (" << report.plots.images.size() << " plots)\n";
  return kOk;
}

}  // namespace campsim::cli
