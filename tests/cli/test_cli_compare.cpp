// campsim compare through the real program, on hand-written batch directories.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tests/support/stress_threats.hpp"
#include "../analysis/design_batch.hpp"
#include "../analysis/synthetic_batch.hpp"
#include "run_cli.hpp"

using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("compare prints an aligned headline and writes the report", "[cli][compare]") {
  const fs::path scratch = scratch_dir("compare");
  write_synthetic_batch(scratch / "batch");
  const CliResult run = run_cli("compare " + (scratch / "batch").string() + " --gnuplot /nonexistent/gnuplot");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  // A hand-written batch has no checksums (sim/batch/row_checksums.hpp): compared, but said first.
  const std::string warning = "campsim compare: warning: " + (scratch / "batch").string() +
                              " holds no checksums (written by a campsim before they were kept): its rows cannot be verified\n";
  REQUIRE(run.output.starts_with(warning));
  struct {
    std::string output;
  } r{run.output.substr(warning.size())};
  // The bottom line in words comes first, then what was run, then the numbers behind it.
  CHECK(r.output.starts_with("Bottom line\n  Both policies ran through the same 20 simulated runs of 30 days"));
  // The bottom line is wrapped on the terminal: read it unwrapped.
  std::string unwrapped;
  for (const std::string& line : lines_of(r.output.substr(0, r.output.find("\n\n"))))
    unwrapped += (line.starts_with("  ") ? " " + line.substr(2) : line);
  CHECK(unwrapped.find("Clearly better than gao_baseline: pre_authorized_dispatch lowers deaths of wounds by 0.85 [") !=
        std::string::npos);
  const auto run_line = r.output.find("\nscenarios/gao_baseline.yaml: 20 replications of 30 days per policy, 2 policies (40 runs)");
  CHECK(run_line != std::string::npos);
  CHECK(run_line < r.output.find("\nHeadline\n"));
  // Everything fits a 100-column terminal.
  for (const std::string& line : lines_of(r.output))
    if (!line.starts_with("report: ")) CHECK(line.size() <= 100);  // a path is never cut
  // The headline table: header and policy rows end at the same column (the right-aligned n).
  std::vector<std::string> table;
  bool in_headline = false;
  for (const std::string& line : lines_of(r.output)) {
    if (line == "Headline") {
      in_headline = true;
      continue;
    }
    if (in_headline && (line.starts_with("  policy ") || line.ends_with(" 20") || line.ends_with(" 19"))) table.push_back(line);
  }
  REQUIRE(table.size() == 9);  // header, 4 metrics x 2 policies
  for (const std::string& line : table) CHECK(line.size() == table.front().size());
  CHECK(r.output.find("died of wounds (per run)\n  gao_baseline ") != std::string::npos);
  // Identical in every pair: one interval (the reference's), the policy's row says so.
  CHECK(r.output.find("  pre_authorized_dispatch  same as reference") != std::string::npos);
  CHECK(r.output.find("-0.85 [") != std::string::npos);
  CHECK(r.output.find("better") != std::string::npos);
  // No gnuplot: still a report, and it says why there are no plots.
  CHECK(r.output.find("Plots are absent: cannot run gnuplot '/nonexistent/gnuplot'") != std::string::npos);
  const std::string md = read_file(scratch / "batch" / "report" / "report.md");
  CHECK(md.find("## Headline") != std::string::npos);
  CHECK(md.find("Plots are absent") != std::string::npos);
  CHECK(fs::exists(scratch / "batch" / "report" / "report.html"));

  // Running again replaces the report without --force (it is derived output).
  const CliResult again = run_cli("compare " + (scratch / "batch").string() + " --no-plots --quiet");
  CHECK(again.exit_code == 0);
  CHECK(again.output.empty());
  CHECK(read_file(scratch / "batch" / "report" / "report.md").find("`--no-plots` was given") != std::string::npos);
  fs::remove_all(scratch);
}

TEST_CASE("compare over a design prints and reports how often the verdict holds and what it depends on", "[cli][compare]") {
  const fs::path scratch = scratch_dir("compare_design");
  write_design_batch(scratch / "batch");
  const CliResult r = run_cli("compare " + (scratch / "batch").string() + " --no-plots");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  // The policy is worse at 4 points and better at 4, the notice to move decides (design_batch.hpp).
  const auto at = r.output.find("Over the design (8 points): ranking");
  REQUIRE(at != std::string::npos);
  const std::string over = r.output.substr(at);
  CHECK(over.find("4 of 8") != std::string::npos);
  CHECK(over.find("4 / 4 / 0") != std::string::npos);
  CHECK(over.find("`qrf.notice_to_move_day` (rho -1.00") != std::string::npos);
  CHECK(over.find("buddy_aid_share` (rho") == std::string::npos);  // not named
  std::ifstream report(scratch / "batch" / "report" / "report.md");
  std::stringstream text;
  text << report.rdbuf();
  CHECK(text.str().find("## Over the design: does the verdict hold, and on what does it depend?") != std::string::npos);
  CHECK(text.str().find("| died of wounds (per run) | pre_authorized | 4 / 4 / 0 |") != std::string::npos);
}

TEST_CASE("compare on something that is not a batch exits 2 and says what is wrong", "[cli][compare]") {
  const fs::path scratch = scratch_dir("compare-bad");
  CliResult r = run_cli("compare " + scratch.string());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find(scratch.string() + " is not a batch directory: it has no batch.json") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "report"));

  r = run_cli("compare " + (scratch / "missing").string());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("missing does not exist; expected a batch directory") != std::string::npos);

  r = run_cli("compare");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("which batch?") != std::string::npos);

  write_synthetic_batch(scratch / "batch");
  {
    std::ofstream(scratch / "batch" / "results.csv", std::ios::app) << "0,gao_baseline,\"unclosed\n";
  }
  r = run_cli("compare " + (scratch / "batch").string());
  CHECK(r.exit_code == 2);
  CHECK(r.output.find((scratch / "batch" / "results.csv").string() + ":42: a quoted field is not closed") != std::string::npos);

  write_synthetic_batch(scratch / "batch");
  r = run_cli("compare " + (scratch / "batch").string() + " --reference night_patrols");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("--reference night_patrols is not a policy of this batch") != std::string::npos);
  r = run_cli("compare " + (scratch / "batch").string() + " --metrics 'nothing.*'");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("--metrics nothing.* matches no metric column") != std::string::npos);
  r = run_cli("compare " + (scratch / "batch").string() + " --level 95");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("--level must lie strictly between 0 and 1") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch / "batch" / "report"));
  fs::remove_all(scratch);
}

TEST_CASE("compare --help teaches with examples", "[cli][compare]") {
  const CliResult r = run_cli("compare --help");
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("Usage: campsim compare BATCH_DIR") != std::string::npos);
  CHECK(r.output.find("campsim compare batches/dispatch --metrics 'medical.*'") != std::string::npos);
  CHECK(r.output.find("--target-rel-halfwidth") != std::string::npos);
  CHECK(r.output.find("docs/analysis.md") != std::string::npos);
  // Defaults as a person writes them, not as a double prints (0.94999999999999996).
  CHECK(r.output.find("--level arg (=0.95)") != std::string::npos);
  CHECK(r.output.find("--target-rel-halfwidth arg (=0.1)") != std::string::npos);
  const CliResult usage = run_cli("--help");
  CHECK(usage.output.find("compare BATCH_DIR") != std::string::npos);
}

TEST_CASE("batch then compare on the real model: pre-authorized dispatch shortens the approval delay", "[cli][compare][medical]") {
  const fs::path scratch = scratch_dir("batch-compare");
  const fs::path batch = scratch / "dispatch";
  const CliResult b = run_cli("batch scenarios/gao_baseline.yaml --policies scenarios/policies/pre_authorized_dispatch.yaml"
                              " --replications 8 --days 120 --seed 2 --threads 2" + campsim::testing::stress_threat_args() +
                              " --out " + batch.string());
  INFO(b.output);
  REQUIRE(b.exit_code == 0);
  // The medical chain's per-casualty rows reach the batch, keyed by policy and replication.
  const std::string casualties = read_file(batch / "care.csv");
  CHECK(casualties.rfind("design_point,policy,replication,seed,", 0) == 0);
  CHECK(casualties.find(",pre_authorized_dispatch,") != std::string::npos);
  const CliResult c = run_cli("compare " + batch.string() + " --no-plots");
  INFO(c.output);
  REQUIRE(c.exit_code == 0);
  // Skipping the top approval level shortens every other-nation request on the same draws, so
  // the paired difference must come out negative with an interval below zero: "better".
  std::string approval_row;
  bool in_approval = false;
  for (const std::string& line : lines_of(c.output)) {
    if (line.starts_with("approval delay")) in_approval = true;
    else if (!line.starts_with(" ")) in_approval = false;
    if (in_approval && line.starts_with("  pre_authorized_dispatch ")) approval_row = line;
  }
  REQUIRE_FALSE(approval_row.empty());
  CHECK(approval_row.find("better") != std::string::npos);

  // One statistics path: every interval summary.md states is one compare prints, and vice versa
  // for the headline (the same metrics, policies and defaults).
  const std::string summary = read_file(batch / "summary.md");
  const auto intervals = [](const std::string& text) {
    std::vector<std::string> found;
    for (std::size_t at = text.find('['); at != std::string::npos; at = text.find('[', at + 1)) {
      const std::size_t end = text.find(']', at);
      const std::string inside = text.substr(at, end - at + 1);
      if (inside.find(", ") != std::string::npos && inside.find("CI") == std::string::npos) found.push_back(inside);
    }
    return found;
  };
  const std::vector<std::string> in_summary = intervals(summary), in_compare = intervals(c.output);
  CHECK(in_summary.size() >= 10);
  CHECK(in_summary == in_compare);
  CHECK(fs::exists(batch / "report" / "report.md"));
  fs::remove_all(scratch);
}

TEST_CASE("compare kills a gnuplot that never returns at its time limit and still writes the report", "[cli][compare][hostile]") {
  const fs::path scratch = scratch_dir("compare_hung_gnuplot");
  write_synthetic_batch(scratch / "batch");
  const fs::path hung = scratch / "gnuplot";
  std::ofstream(hung) << "#!/bin/sh\nexec sleep 1000\n";
  fs::permissions(hung, fs::perms::owner_all);
  const CliResult r = run_cli("compare " + (scratch / "batch").string() + " --gnuplot " + hung.string(), "CAMPSIM_GNUPLOT_TIMEOUT=1");
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  CHECK(r.output.find("Plots stopped: gnuplot did not finish within 1 s (killed) (on ") != std::string::npos);
  const std::string md = read_file(scratch / "batch" / "report" / "report.md");
  CHECK(md.find("the figures after it were not drawn") != std::string::npos);
  CHECK(md.find("## Headline") != std::string::npos);
  fs::remove_all(scratch);
}
