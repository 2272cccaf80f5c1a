// campsim merge: the finished shards of one batch joined into the directory an unsharded batch
// would have written (docs/batch.md, "Shards").
#include <iostream>

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include "apps/campsim/commands.hpp"
#include "apps/campsim/options.hpp"
#include "sim/batch/batch_manifest.hpp"
#include "sim/batch/batch_plan.hpp"
#include "sim/batch/merge.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/io/visible_text.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

constexpr const char* kUsageLine = "campsim merge OUT SHARD_DIR... [--force]";
constexpr const char* kHelp =
    "Checks that the shard directories are the shards of one batch (same batch.json but for the\n"
    "shard; indices 0..N-1 each once; each finished) and that their rows cover every design point,\n"
    "policy and replication exactly once, then writes OUT sorted: byte for byte what one unsharded\n"
    "`campsim batch` would have written. Nothing is written when a check fails.\n\n"
    "Example:\n"
    "  campsim batch scenarios/gao_baseline.yaml --replications 40 --shard 0/2 --out b0   # machine A\n"
    "  campsim batch scenarios/gao_baseline.yaml --replications 40 --shard 1/2 --out b1   # machine B\n"
    "  campsim merge batches/gao_baseline b0 b1\n";

}  // namespace

int merge_command(const std::vector<std::string>& args) {
  std::string out;
  std::vector<std::string> shards;
  bool force = false;
  po::options_description visible("Options");
  visible.add_options()("force", po::bool_switch(&force), "replace OUT if it exists")("help,h", "show this help");
  po::options_description all;
  all.add(visible).add_options()("out", po::value<std::string>(&out)->required(), "merged batch directory")(
      "shards", po::value<std::vector<std::string>>(&shards)->required(), "shard directories");
  po::positional_options_description positional;
  positional.add("out", 1).add("shards", -1);
  try {
    po::variables_map values;
    po::store(po::command_line_parser(args).options(all).positional(positional).style(command_line_style()).run(), values);
    if (values.count("help")) {
      std::cout << "Usage: " << kUsageLine << "\n\n" << visible << "\n" << kHelp;
      return kOk;
    }
    po::notify(values);
  } catch (const po::error& e) {
    std::cerr << "campsim: " << option_error_text(e, visible) << "\nUsage: " << kUsageLine << "\n(see --help)\n";
    return kBadInput;
  }
  if (const auto problem = io::output_path_problem(out)) {
    std::cerr << "campsim merge: cannot write " << io::visible(*problem) << "; nothing was written\n";
    return kBadInput;
  }
  std::vector<fs::path> dirs(shards.begin(), shards.end());
  try {
    const batch::MergeReport report = batch::merge_shards(out, dirs, force);
    fmt::print(std::cout, "campsim merge: {} shards into {} ({} rows, {} casualty rows; see {})\n", dirs.size(), out,
               report.rows, report.casualty_rows, (fs::path(out) / batch::kSummaryFile).string());
    return kOk;
  } catch (const batch::BatchInputError& e) {
    std::cerr << "campsim merge: " << io::visible_lines(e.what()) << "; nothing was written\n";
    return kBadInput;
  } catch (const io::OutputExists& e) {
    std::cerr << "campsim merge: " << io::visible_lines(e.what()) << "\n";
    return kBadInput;
  }
}

}  // namespace campsim::cli
