#include "apps/campsim/sample_batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "analysis/comparison.hpp"
#include "analysis/metric_catalogue.hpp"
#include "apps/campsim/commands.hpp"
#include "sim/batch/design.hpp"
#include "sim/io/run_directory.hpp"
#include "sim/io/visible_text.hpp"

namespace fs = std::filesystem;

namespace campsim::cli {

namespace {

// The launcher's rank of this process (0 without a launcher): only rank 0 analyses and reports.
int launcher_rank() {
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "MV2_COMM_WORLD_RANK"})
    if (const char* value = std::getenv(name)) return std::atoi(value);
  return 0;
}

std::string number_text(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

std::string shell_word(const std::string& word) {
  if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./=:,+-") ==
                           std::string::npos)
    return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

std::string shell_line(const std::string& command, const std::vector<std::string>& args) {
  std::string line = command;
  for (const std::string& a : args) line += " " + shell_word(a);
  return line;
}

SampleBatchOutcome run_sample_batch(const SampleBatchRequest& request) {
  // Write only where allowed: a directory this command creates, or one that carries its marker
  // (or, from before the marker, a study's design.yaml and batch/batch.json). An existing
  // directory of anything else keeps its design.yaml: refused before anything is written.
  if (const auto problem = io::output_path_problem(request.dir)) {
    std::cerr << "campsim: cannot write --out " << io::visible(*problem) << "; nothing was written\n";
    return {kBadInput, true};
  }
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(request.dir, ec);
  const bool existed = status.type() != fs::file_type::not_found;
  if (existed) {
    const bool ours = fs::is_regular_file(request.dir / kStudyMarker, ec) ||
                      (fs::is_regular_file(request.dir / "design.yaml", ec) && fs::is_regular_file(request.dir / "batch" / "batch.json", ec));
    const bool empty = status.type() == fs::file_type::directory && fs::is_empty(request.dir, ec);
    if (status.type() != fs::file_type::directory || (!ours && !empty)) {
      std::cerr << "campsim: --out " << io::visible(request.dir.string())
                << (status.type() != fs::file_type::directory
                        ? " exists and is not a directory"
                        : std::string(" exists and was not made by campsim sensitivity or calibrate (it has no ") + kStudyMarker +
                              ")")
                << "; nothing was written. Choose another --out\n";
      return {kBadInput, true};
    }
  }
  fs::create_directories(request.dir);
  if (!fs::exists(request.dir / kStudyMarker, ec))
    io::write_text_file(request.dir / kStudyMarker, "made by campsim sensitivity or calibrate; --out may write here\n");
  // Every rank under MPI writes the same bytes; the rename makes each write whole.
  const fs::path design = request.dir / "design.yaml";
  const fs::path tmp = request.dir / ("design.yaml.tmp-" + std::to_string(::getpid()));
  {
    std::ofstream out(tmp, std::ios::binary);
    out << batch::table_design_yaml(request.keys, request.rows);
    if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, design);

  std::vector<std::string> args{request.scenario, "--replications", std::to_string(request.replications), "--design",
                                design.string(), "--out", (request.dir / "batch").string(), "--threads",
                                std::to_string(request.threads)};
  if (request.days) args.insert(args.end(), {"--days", number_text(*request.days)});
  if (request.seed) args.insert(args.end(), {"--seed", std::to_string(*request.seed)});
  for (const std::string& o : request.overrides) args.insert(args.end(), {"--set", o});
  if (request.resume) args.push_back("--resume");
  if (request.force) args.push_back("--force");
  if (request.quiet) args.push_back("--quiet");
  SampleBatchOutcome outcome;
  outcome.exit_code = batch_command(args);
  // A refused study leaves nothing behind: the directory it made goes again, unless runs began.
  if (outcome.exit_code != kOk && !existed && !fs::exists(request.dir / "batch" / "batch.json", ec)) fs::remove_all(request.dir, ec);
  outcome.analyse = launcher_rank() == 0;
  return outcome;
}

std::vector<std::vector<double>> point_values(const analysis::BatchTable& batch, long metric, std::size_t points) {
  std::vector<std::vector<double>> values(points);
  for (const auto& run : batch.runs) {
    if (run.policy != 0 || run.design_point < 0 || static_cast<std::size_t>(run.design_point) >= points) continue;
    const auto& v = run.values[static_cast<std::size_t>(metric)];
    if (v && std::isfinite(*v)) values[static_cast<std::size_t>(run.design_point)].push_back(*v);
  }
  return values;
}

std::vector<double> point_means(const analysis::BatchTable& batch, long metric, std::size_t points) {
  std::vector<double> means;
  for (const auto& values : point_values(batch, metric, points)) {
    double sum = 0;
    for (double v : values) sum += v;
    means.push_back(values.empty() ? std::nan("") : sum / static_cast<double>(values.size()));
  }
  return means;
}

std::vector<std::string> choose_metrics(const analysis::BatchTable& batch, const std::vector<std::string>& patterns) {
  std::vector<std::string> chosen;
  if (patterns.empty()) {
    for (const std::string& m : analysis::key_metrics())
      if (batch.metric_index(m) >= 0) chosen.push_back(m);
    if (chosen.empty())
      for (std::size_t i = 0; i < batch.metrics.size() && i < 8; ++i) chosen.push_back(batch.metrics[i]);
    return chosen;
  }
  for (const std::string& pattern : patterns) {
    bool any = false;
    for (const std::string& m : batch.metrics)
      if (analysis::metric_matches(pattern, m)) {
        any = true;
        if (std::find(chosen.begin(), chosen.end(), m) == chosen.end()) chosen.push_back(m);
      }
    if (!any) throw std::invalid_argument("--metric " + pattern + " matches no metric column of results.csv");
  }
  return chosen;
}

}  // namespace campsim::cli
