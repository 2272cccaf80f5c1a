// campsim compare: reads a batch directory, compares each policy with the reference on every
// metric (intervals, paired differences, verdicts), prints the headline and writes DIR/report/.
#include <cstdint>
#include <filesystem>
#include <iostream>

#include <boost/program_options.hpp>

#include "analysis/batch_table.hpp"
#include "analysis/bottom_line.hpp"
#include "analysis/comparison.hpp"
#include "analysis/document.hpp"
#include "analysis/report.hpp"
#include "analysis/robustness_report.hpp"
#include "analysis/terminal_headline.hpp"
#include "apps/campsim/commands.hpp"
#include "apps/campsim/limits.hpp"
#include "apps/campsim/options.hpp"
#include "sim/engine/number_format.hpp"
#include "sim/batch/batch_directory.hpp"
#include "sim/batch/row_checksums.hpp"
#include "sim/io/visible_text.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

constexpr const char* kCompareUsage =
    "campsim compare BATCH_DIR [--metrics PATTERN...] [--level 0.95] [--target-rel-halfwidth 0.1]\n"
    "                [--reference POLICY] [--gnuplot PATH] [--no-plots] [--bottom-line] [--quiet]";

constexpr const char* kCompareExplanation =
    "Compares the policies of a batch (written by campsim batch) on every metric of its results.csv:\n"
    "the mean over replications with a confidence interval, and the paired difference from the\n"
    "reference policy (the first in batch.json), matched replication by replication, with its\n"
    "interval and a verdict (better / worse / no clear difference). Prints the bottom line in words\n"
    "(what is clearly better or worse, and what no policy changes detectably), the headline table, and\n"
    "writes BATCH_DIR/report/report.md, report.html and plots/ (always replaced, atomically).\n"
    "A batch run over a design of 4 or more points (campsim batch --design) also gets, per headline\n"
    "metric, the ranking over the points and how often each verdict holds, with the design parameters\n"
    "its size depends on (rank correlation, Holm-corrected).\n"
    "Plots need gnuplot (--gnuplot PATH or $CAMPSIM_GNUPLOT); without it the report says why.\n"
    "Method and formulas: docs/analysis.md.\n\n"
    "Examples:\n"
    "  campsim compare batches/dispatch\n"
    "  campsim compare batches/dispatch --metrics 'medical.*' --level 0.9\n"
    "  campsim compare batches/dispatch --reference pre_authorized_dispatch --no-plots\n"
    "  campsim compare batches/dispatch --target-rel-halfwidth 0.05   # how many runs for +-5%?\n";

}  // namespace

int compare_command(const std::vector<std::string>& args) {
  std::string batch_dir, seed_text;
  analysis::CompareOptions compare;
  analysis::PlotOptions plots;
  bool no_plots = false, quiet = false, bottom_line_only = false;
  po::options_description visible("Options");
  visible.add_options()
      ("metrics", po::value<std::vector<std::string>>(&compare.metric_patterns)->multitoken()->composing(),
       "only metrics matching these shell patterns, e.g. --metrics 'medical.*' threats.casualties.killed")
      ("level", po::value<double>(&compare.level)->default_value(0.95, "0.95"), "confidence level of every interval")
      ("target-rel-halfwidth", po::value<double>(&compare.target_rel_halfwidth)->default_value(0.1, "0.1"),
       "replications needed are for an interval half-width of this share of the mean")
      ("reference", po::value<std::string>(&compare.reference), "policy the others are compared with (default: the first)")
      ("seed", po::value<std::string>(&seed_text)->default_value("1"), "seed of the bootstrap resampling")
      ("resamples", po::value<int>(&compare.resamples)->default_value(4000), "bootstrap resamples")
      ("gnuplot", po::value<std::string>(&plots.gnuplot), "gnuplot program (default: $CAMPSIM_GNUPLOT, else gnuplot on PATH)")
      ("no-plots", po::bool_switch(&no_plots), "write no plots (tables only)")
      ("bottom-line", po::bool_switch(&bottom_line_only), "print only the bottom line (the report is written as usual)")
      ("quiet,q", po::bool_switch(&quiet), "print nothing but errors")
      ("help,h", "show this help");
  po::options_description all;
  all.add(visible).add_options()("batch", po::value<std::string>(&batch_dir));
  po::positional_options_description positional;
  positional.add("batch", 1);
  try {
    po::variables_map values;
    po::store(po::command_line_parser(args).options(all).positional(positional).style(command_line_style()).run(), values);
    if (values.count("help")) {
      std::cout << "Usage: " << kCompareUsage << "\n\n" << kCompareExplanation << "\n" << visible;
      return kOk;
    }
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "campsim compare: " << option_error_text(e, visible) << "\nUsage: " << kCompareUsage << "\n(see --help)\n";
    return kBadInput;
  }
  if (batch_dir.empty()) {
    std::cerr << "campsim compare: which batch? give its directory, e.g. campsim compare batches/dispatch\nUsage: " << kCompareUsage
              << "\n";
    return kBadInput;
  }
  if (const auto problem = resamples_problem(compare.resamples)) {
    std::cerr << "campsim compare: " << *problem << "\n";
    return kBadInput;
  }
  {
    std::string problem;
    const auto seed = parse_seed(seed_text, problem);  // "-1" is refused, not wrapped round to 2^64 - 1
    if (!seed) {
      std::cerr << "campsim compare: " << problem << "\n";
      return kBadInput;
    }
    compare.seed = *seed;
  }
  plots.enabled = !no_plots;

  // An unfinished batch (no summary.md) is compared as it stands, but said aloud (unless --quiet):
  // its rows are a subset, and the report goes when the batch is resumed.
  const bool unfinished = batch::directory_state(batch_dir) == batch::DirectoryState::Unfinished;
  if (unfinished && !quiet)
    std::cerr << "campsim compare: warning: " << batch_dir
              << " is an unfinished batch (no summary.md): the comparison uses only the runs done so far; finish it "
                 "with campsim batch ... --resume and compare again\n";

  // Every row as it was written (sim/batch/row_checksums.hpp): a changed digit, a dropped row or
  // a file cut short is refused, naming the file and line, before anything is compared.
  if (const batch::DirectoryState state = batch::directory_state(batch_dir);
      state == batch::DirectoryState::Finished || state == batch::DirectoryState::Unfinished) {
    try {
      bool unverified = false;
      const auto damage = batch::integrity_problem(batch_dir, batch::read_batch_manifest(batch_dir),
                                                   state == batch::DirectoryState::Finished, &unverified);
      if (damage) {
        std::cerr << "campsim compare: " << io::visible_lines(*damage)
                  << "\nThe batch directory is damaged; nothing was compared. Its batch command with --resume runs "
                     "the damaged runs again.\n";
        return kBadInput;
      }
      if (unverified && !quiet)
        std::cerr << "campsim compare: warning: " << io::visible(batch_dir)
                  << " holds no checksums (written by a campsim before they were kept): its rows cannot be verified\n";
    } catch (const batch::BatchInputError& e) {
      std::cerr << "campsim compare: " << io::visible_lines(e.what()) << "\n";
      return kBadInput;
    }
  }

  analysis::BatchTable batch;
  analysis::Comparison comparison;
  try {
    batch = analysis::read_batch(batch_dir);
    comparison = analysis::compare(batch, compare);
  } catch (const analysis::BatchError& e) {
    std::cerr << "campsim compare: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  } catch (const io::CsvError& e) {
    std::cerr << "campsim compare: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  } catch (const analysis::CompareError& e) {
    std::cerr << "campsim compare: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  }

  const analysis::WrittenReport report = analysis::write_report(batch, comparison, plots);
  if (quiet) return kOk;
  const bool design = comparison.design_points.size() > 1 || !batch.manifest.design_points.front().settings.empty();
  // The bottom line first (what a planner pastes into a brief), then what was run and the numbers
  // behind it; --bottom-line stops after the sentences. Names from batch.json are shown, never
  // obeyed (a batch directory may come from anyone): control characters are written out.
  std::cout << "Bottom line\n";
  for (int dp : comparison.design_points) {
    if (design) std::cout << io::visible(batch.design_point(dp).label()) << "\n";
    // One sentence, one finding: each starts a line.
    std::vector<std::string> sentences = analysis::bottom_line(comparison, dp);
    for (std::string& sentence : sentences) sentence = io::visible(sentence);
    std::cout << analysis::bottom_line_on_terminal(sentences, analysis::kTerminalWidth, 2);
  }
  const std::string report_md = fs::absolute(report.directory / "report.md").lexically_normal().string();
  if (bottom_line_only) {
    std::cout << "full comparison: " << report_md << "\n";
    return kOk;
  }
  std::cout << "\n" << analysis::wrap_text(io::visible(batch.manifest.scenario) + ": " + analysis::what_was_run(batch.manifest, comparison.one_protest_each_run), analysis::kTerminalWidth, 0);
  for (int dp : comparison.design_points) {
    std::cout << "\nHeadline" << (design ? ", " + io::visible(batch.design_point(dp).label()) : std::string()) << "\n"
              << io::visible_lines(analysis::terminal_headline(comparison, dp));
  }
  if (design)
    if (const auto over = analysis::verdict_robustness(batch, comparison, analysis::headline_metrics(comparison))) {
      std::cout << "\nOver the design (" << over->points << " points): ranking\n"
                << analysis::render_text_table(analysis::ranking_table(comparison, *over));
      std::cout << "\nOver the design: verdicts and what they depend on (Spearman rho of the paired difference with each "
                   "parameter; named when p < 0.05 after Holm)\n"
                << analysis::render_text_table(analysis::dependence_table(comparison, *over));
    }
  if (!comparison.key_metrics_absent.empty())
    std::cout << "(" << comparison.key_metrics_absent.size() << " key medical metrics are not in this batch; see the report)\n";
  for (const std::string& note : report.plots.notes)
    if (note.starts_with("Plots are absent") || note.starts_with("Plots stopped")) std::cout << analysis::wrap_text(note, analysis::kTerminalWidth, 0);
  // Absolute, so the paths work from wherever the reader's shell is.
  std::cout << "report: " << report_md << " and report.html beside it (" << report.plots.images.size() << " plots)\n";
  return kOk;
}

}  // namespace campsim::cli
