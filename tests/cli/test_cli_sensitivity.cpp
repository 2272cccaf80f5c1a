// campsim sensitivity and campsim calibrate through the real program, on short runs of the Gao
// baseline: they run, resume to the same bytes, rank a parameter that matters above one that
// cannot, and keep a calibrated range around the value a target implies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

// Routine admissions draw from their own random stream, so the indirect-fire spread (cep_m) cannot
// change them at all: with common random numbers its elementary effects are exactly zero.
void write_parameters(const fs::path& file) {
  std::ofstream(file) << "parameters:\n"
                         "  - {key: medical.routine_admissions.per_day, low: 0.5, high: 5}\n"
                         "  - {key: threats.indirect_fire.cep_m, low: 50, high: 300}\n";
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream cells(line);
    while (std::getline(cells, field, ',')) fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

}  // namespace

TEST_CASE("sensitivity ranks the parameter that drives a metric above one that cannot, and resumes to the same bytes",
          "[cli][sensitivity]") {
  const fs::path scratch = scratch_dir("sensitivity");
  write_parameters(scratch / "parameters.yaml");
  const std::string command = "sensitivity scenarios/gao_baseline.yaml --parameters " + (scratch / "parameters.yaml").string() +
                              " --metric medical.hospital.routine_admissions --samples 4 --replications 2 --days 3"
                              " --no-plots --threads 2 --out ";
  const CliResult whole = run_cli(command + (scratch / "whole").string());
  INFO(whole.output);
  REQUIRE(whole.exit_code == 0);
  // 4 trajectories x 3 points x 2 replications.
  const std::string results = read_file(scratch / "whole" / "batch" / "results.csv");
  CHECK(std::count(results.begin(), results.end(), '\n') == 1 + 24);
  CHECK(fs::exists(scratch / "whole" / "design.yaml"));
  CHECK(fs::exists(scratch / "whole" / "report" / "report.md"));
  CHECK(fs::exists(scratch / "whole" / "report" / "report.html"));

  // The ranked table: rank 1 is the admission rate, rank 2 the mortar spread with mu* = 0.
  const std::string out = whole.output;
  const auto first = out.find("medical.routine_admissions.per_day");
  const auto second = out.find("threats.indirect_fire.cep_m", out.find("rank"));
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  const auto rows = csv_rows(read_file(scratch / "whole" / "report" / "indices.csv"));
  double rate_mu_star = -1, cep_mu_star = -1;
  for (const auto& row : rows)
    if (row.size() == 7 && row[3] == "mu_star") (row[1] == "threats.indirect_fire.cep_m" ? cep_mu_star : rate_mu_star) = std::stod(row[4]);
  CHECK(cep_mu_star == 0.0);
  CHECK(rate_mu_star > 1.0);  // 3 days x 4.5 more admissions a day across the range: about 13.5
  // The report's title once, and the sample's mean and sd rounded (no run of many digits).
  const std::string report = read_file(scratch / "whole" / "report" / "report.md");
  const auto titles = [](const std::string& text, const std::string& title) {
    std::size_t n = 0;
    for (auto at = text.find(title); at != std::string::npos; at = text.find(title, at + 1)) ++n;
    return n;
  };
  CHECK(titles(report, "# Sensitivity of") == 1);
  CHECK(titles(read_file(scratch / "whole" / "report" / "report.html"), "<h1") == 1);
  CHECK_FALSE(std::regex_search(report, std::regex("mean [0-9.]*[0-9]{6}|sd [0-9.]*[0-9]{6}")));
  CHECK_FALSE(std::regex_search(out, std::regex("mean [0-9.]*[0-9]{6}|sd [0-9.]*[0-9]{6}")));

  // Interrupted after 5 runs (the batch's test hook acts as Ctrl-C), then resumed: same bytes.
  const CliResult stopped = run_cli(command + (scratch / "resumed").string(), "CAMPSIM_BATCH_STOP_AFTER_ROWS=5");
  INFO(stopped.output);
  CHECK(stopped.exit_code == 1);
  CHECK(stopped.output.find("campsim sensitivity") != std::string::npos);
  CHECK(stopped.output.find("--resume") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "resumed" / "report"));
  const CliResult resumed = run_cli(command + (scratch / "resumed").string() + " --resume");
  INFO(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  // (report.md names the command, which differs by --out and --resume; the numbers are in indices.csv.)
  for (const char* file : {"batch/results.csv", "batch/care.csv", "report/indices.csv", "design.yaml"}) {
    INFO(file);
    CHECK(read_file(scratch / "resumed" / file) == read_file(scratch / "whole" / file));
  }
  // Without --resume or --force an existing study is left alone.
  const std::string sets_before = read_file(scratch / "c" / "report" / "sets.csv");
  const CliResult again = run_cli(command + (scratch / "whole").string());
  CHECK(again.exit_code == 2);
}

TEST_CASE("sensitivity with Sobol' indices runs N (k + 2) points and refuses bad input", "[cli][sensitivity]") {
  const fs::path scratch = scratch_dir("sensitivity-sobol");
  write_parameters(scratch / "parameters.yaml");
  const CliResult r = run_cli("sensitivity scenarios/gao_baseline.yaml --parameters " + (scratch / "parameters.yaml").string() +
                              " --method sobol --samples 8 --metric medical.hospital.routine_admissions --days 2 --no-plots"
                              " --out " + (scratch / "s").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string results = read_file(scratch / "s" / "batch" / "results.csv");
  CHECK(std::count(results.begin(), results.end(), '\n') == 1 + 8 * 4);
  CHECK(r.output.find("total ST") != std::string::npos);

  std::ofstream(scratch / "bad.yaml") << "parameters:\n  - {key: a.b, low: 3, high: 1}\n  - {key: c, distribution: normal}\n";
  const CliResult bad = run_cli("sensitivity scenarios/gao_baseline.yaml --parameters " + (scratch / "bad.yaml").string() +
                                " --out " + (scratch / "bad").string());
  INFO(bad.output);
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("bad.yaml:2:") != std::string::npos);
  CHECK(bad.output.find("parameters[0].high") != std::string::npos);
  CHECK(bad.output.find("parameters[1].mean") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "bad"));
  CHECK(run_cli("sensitivity scenarios/gao_baseline.yaml --parameters " + (scratch / "parameters.yaml").string() +
                " --method fast").exit_code == 2);
  CHECK(run_cli("sensitivity --help").exit_code == 0);
}

TEST_CASE("calibrate keeps the admission rates whose runs match a target, around the rate that produced it",
          "[cli][calibrate]") {
  const fs::path scratch = scratch_dir("calibrate");
  std::ofstream(scratch / "parameters.yaml") << "parameters:\n  - {key: medical.routine_admissions.per_day, low: 0.2, high: 6}\n";
  std::ofstream(scratch / "targets.yaml")
      << "targets:\n"
         "  - metric: medical.hospital.routine_admissions\n"
         "    per: day\n"
         "    role: calibration\n"
         "    value: 2\n"
         "    source: \"toy: the record a rate of 2 a day would leave\"\n";
  const CliResult r = run_cli("calibrate scenarios/gao_baseline.yaml --targets " + (scratch / "targets.yaml").string() +
                              " --parameters " + (scratch / "parameters.yaml").string() +
                              " --samples 17 --replications 10 --days 10 --threads 2 --out " + (scratch / "c").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const auto rows = csv_rows(read_file(scratch / "c" / "report" / "sets.csv"));
  REQUIRE(rows.size() == 18);
  double lo = 1e9, hi = -1e9;
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (rows[i].back() == "1") {
      const double rate = std::stod(rows[i][1]);
      lo = std::min(lo, rate);
      hi = std::max(hi, rate);
    }
  INFO("kept rates [" << lo << ", " << hi << "]");
  CHECK(lo <= 2.0);
  CHECK(hi >= 2.0);
  CHECK(lo > 0.8);  // 0.2 .. 0.8 a day cannot give 2 a day over 10 days x 10 replications
  CHECK(hi < 4.0);
  const std::string report = read_file(scratch / "c" / "report" / "calibration.md");
  CHECK(report.find("| target | per | record | source | simulated mean | 90% band | implausibility | inside? | runs |") !=
        std::string::npos);
  CHECK(read_file(scratch / "c" / "report" / "best.txt").rfind("medical.routine_admissions.per_day=", 0) == 0);
  // The kept sets as a design a policy batch can run over: one point per kept set, the same values.
  std::size_t kept_count = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) kept_count += rows[i].back() == "1" ? 1 : 0;
  const CliResult over = run_cli("batch scenarios/gao_baseline.yaml --design " + (scratch / "c" / "report" / "kept_sets.yaml").string() +
                                 " --replications 1 --days 1 -q --out " + (scratch / "over").string());
  INFO(over.output);
  REQUIRE(over.exit_code == 0);
  const auto batch_rows = csv_rows(read_file(scratch / "over" / "results.csv"));
  CHECK(batch_rows.size() == kept_count + 1);  // header + one run per kept set
  // Re-analysing a finished calibration (--resume) rewrites its report to the same bytes: the report
  // directory is campsim's own and may be replaced (it once was refused for lacking a report.md).
  const std::string sets_before = read_file(scratch / "c" / "report" / "sets.csv");
  const CliResult again = run_cli("calibrate scenarios/gao_baseline.yaml --targets " + (scratch / "targets.yaml").string() +
                                  " --parameters " + (scratch / "parameters.yaml").string() +
                                  " --samples 17 --replications 10 --days 10 --threads 2 --resume --out " + (scratch / "c").string());
  INFO(again.output);
  CHECK(again.exit_code == 0);
  CHECK(read_file(scratch / "c" / "report" / "sets.csv") == sets_before);

  // A validation case is never fitted to: calibrate names it and runs nothing.
  std::ofstream(scratch / "validation.yaml")
      << "targets:\n  - {note: the protest's toll, metric: protests.civilians_killed, role: validation, value: 3, source: s}\n";
  const CliResult refused = run_cli("calibrate scenarios/gao_baseline.yaml --targets " + (scratch / "validation.yaml").string() +
                                    " --parameters " + (scratch / "parameters.yaml").string() + " --out " + (scratch / "v").string());
  INFO(refused.output);
  CHECK(refused.exit_code == 2);
  CHECK(refused.output.find("the protest's toll") != std::string::npos);
  CHECK(refused.output.find("validation case") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "v"));

  std::ofstream(scratch / "bad-targets.yaml") << "targets:\n  - {metric: x, value: 1, interval: [0, 2]}\n";
  const CliResult bad = run_cli("calibrate scenarios/gao_baseline.yaml --targets " + (scratch / "bad-targets.yaml").string() +
                                " --parameters " + (scratch / "parameters.yaml").string() + " --out " + (scratch / "bad").string());
  INFO(bad.output);
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find("targets[0].source") != std::string::npos);
  CHECK(bad.output.find("exactly one of") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "bad"));
}
