// The comparison and its report on a synthetic batch: numbers in report.md recomputed here
// independently (plain loops, t from tables), plots as valid PNGs when gnuplot is there, and a
// complete report that says why plots are absent when gnuplot is not.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>

#include <fmt/format.h>

#include "analysis/comparison.hpp"
#include "analysis/plots.hpp"
#include "analysis/report.hpp"
#include "synthetic_batch.hpp"
#include "tests/support/scratch_files.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_analysis_test_report {

using namespace campsim::analysis;
using Catch::Detail::Approx;
using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) { return scratch_dir("report", name); }

// t_{0.975, df} from tables, so the test does not lean on the code under test.
double t975(int df) {
  switch (df) {
    case 17: return 2.109816;
    case 18: return 2.100922;
    case 19: return 2.093024;
  }
  FAIL("no table value for df " << df);
  return 0;
}

struct MeanCi {
  double mean, lower, upper;
};

MeanCi t_ci(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  const double mean = sum / static_cast<double>(v.size());
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  const double half = t975(static_cast<int>(v.size()) - 1) * std::sqrt(ss / static_cast<double>(v.size() - 1)) /
                      std::sqrt(static_cast<double>(v.size()));
  return {mean, mean - half, mean + half};
}

std::string fixed(double v, int decimals, bool sign = false) {
  return sign ? fmt::format("{:+.{}f}", v, decimals) : fmt::format("{:.{}f}", v, decimals);
}
std::string shown(const MeanCi& c, int d, double scale = 1, bool sign = false) {
  return fixed(c.mean * scale, d, sign) + " [" + fixed(c.lower * scale, d, sign) + ", " + fixed(c.upper * scale, d, sign) + "]";
}
std::string md_row(const std::vector<std::string>& cells) {
  std::string row = "|";
  for (const auto& c : cells) row += " " + c + " |";
  return row;
}

std::vector<double> column(int policy, const std::string& name) {
  for (const auto& m : synthetic_metrics())
    if (m.name == name) {
      std::vector<double> v;
      for (int r = 0; r < kReplications; ++r)
        if (auto x = m.value(policy, r)) v.push_back(*x);
      return v;
    }
  FAIL("no metric " << name);
  return {};
}

bool is_png(const fs::path& file) {
  const std::string bytes = slurp(file);
  return bytes.size() > 8 && bytes.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) == 0;
}

bool gnuplot_installed() { return fs::exists("/usr/bin/gnuplot") || fs::exists("/usr/local/bin/gnuplot"); }

}  // namespace

TEST_CASE("report.md's headline holds the independently computed means, differences and verdicts", "[analysis][report]") {
  const fs::path dir = scratch("numbers");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  write_report(batch, c, {false, ""});
  const std::string md = slurp(dir / "report" / "report.md");
  INFO(md);

  // Died of wounds: reference mean 40/20 = 2 (three significant figures: 2 decimals).
  const std::vector<double> deaths_ref = column(0, "medical.died_of_wounds"), deaths_pol = column(1, "medical.died_of_wounds");
  std::vector<double> saved;
  for (std::size_t r = 0; r < deaths_ref.size(); ++r) saved.push_back(deaths_pol[r] - deaths_ref[r]);
  CHECK(md.find(md_row({"died of wounds (per run)", "gao_baseline", shown(t_ci(deaths_ref), 2), "(reference)", "", "", "20"})) !=
        std::string::npos);
  // 15 of 20 pairs differ, roughly symmetric: the t interval decides, and the basis says so.
  CHECK(md.find(md_row({"", "pre_authorized_dispatch", shown(t_ci(deaths_pol), 2), shown(t_ci(saved), 2, 1, true), "better",
                        "t interval excludes 0", "20"})) != std::string::npos);

  // First aid within 10 min: a share, shown in percent (reference mean 50%: 1 decimal).
  const std::vector<double> aid_ref = column(0, "medical.compliance.first_aid_10min"),
                            aid_pol = column(1, "medical.compliance.first_aid_10min");
  std::vector<double> aid_diff;
  for (std::size_t r = 0; r < aid_ref.size(); ++r) aid_diff.push_back(aid_pol[r] - aid_ref[r]);
  CHECK(md.find(md_row({"first aid within 10 min (%)", "gao_baseline", shown(t_ci(aid_ref), 1, 100), "(reference)", "", "",
                        "20"})) != std::string::npos);
  CHECK(md.find(md_row({"", "pre_authorized_dispatch", shown(t_ci(aid_pol), 1, 100), shown(t_ci(aid_diff), 1, 100, true),
                        "better", "t interval excludes 0", "20"})) != std::string::npos);

  // Killed: the same attacks under both policies, so every difference is 0: identical, said so.
  CHECK(md.find(md_row({"", "pre_authorized_dispatch", "same as reference", "0 (same in every run)", "identical in all 20 pairs", "",
                        "20"})) != std::string::npos);
  CHECK(md.find(md_row({"killed (per run)", "gao_baseline", shown(t_ci(column(0, "threats.casualties.killed")), 2), "(reference)", "",
                        "", "20"})) != std::string::npos);
  CHECK(md.find("+0.00 [+0.00, +0.00]") == std::string::npos);

  // Approval delay: one missing value per policy at different replications -> 18 pairs, 2 unmatched.
  std::vector<double> delay_diff;
  for (int r = 0; r < kReplications; ++r)
    if (r != 3 && r != 7) delay_diff.push_back((2 + 0.5 * (r % 4)) - (10.0 + r % 4));
  const MeanCi delay_ref = t_ci(column(0, "medical.dispatch.approval_delay_mean_min"));
  const int d = 1;  // reference mean 11.5 min: three significant figures
  CHECK(md.find(md_row({"approval delay (mean) (min)", "gao_baseline", shown(delay_ref, d), "(reference)", "", "", "19"})) !=
        std::string::npos);
  CHECK(md.find(md_row({"approval delay (mean) (min)", "pre_authorized_dispatch", "18", "2", shown(t_ci(delay_diff), d, 1, true),
                        "t (roughly symmetric)", "better (t interval excludes 0)"})) != std::string::npos);

  // Coverage: nobody told campsim which way is better, so the verdict only says "higher".
  CHECK(md.find("| guards.coverage.overall | pre_authorized_dispatch | 20 | 0 |") != std::string::npos);
  CHECK(md.find("| higher (t interval excludes 0) |") != std::string::npos);

  // Sections in the promised order, each in the table of contents.
  const auto glance = md.find("## At a glance"), headline = md.find("## Headline"), plots = md.find("## Figures"),
             all = md.find("## Appendix: all metrics"), method = md.find("## Method");
  CHECK(md.find("- [Headline](#headline)") < glance);
  CHECK(glance < headline);
  // The bottom line in words opens the report, before the contents and every table.
  CHECK(md.find("## Bottom line\n\nBoth policies ran through the same 20 simulated runs") < md.find("- [Headline](#headline)"));
  CHECK(headline < plots);
  CHECK(plots < all);
  CHECK(all < method);
  CHECK(md.find("<a id=\"all-metrics\"></a>") != std::string::npos);
  // The best-policy table: deaths 2.00 -> 1.15, a change of -0.85 of 2.00 = -42%.
  CHECK(md.find("| died of wounds (per run) | pre_authorized_dispatch | 1.15 | " + shown(t_ci(saved), 2, 1, true) + " (-42%) |") !=
        std::string::npos);
  CHECK(md.find("| killed (per run) | all policies identical in every pair |") != std::string::npos);
  CHECK(md.find("`--no-plots` was given") != std::string::npos);
  CHECK(md.find("Common random numbers") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("replications needed in the report satisfy the target half-width", "[analysis][report]") {
  const fs::path dir = scratch("needed");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  const MetricResult* deaths = c.find("medical.died_of_wounds", 0);
  REQUIRE(deaths);
  const Estimate& e = deaths->policies[0].estimate;
  REQUIRE(e.replications_needed);
  const long n = *e.replications_needed;
  const double target = 0.1 * e.summary.mean;
  CHECK(t_quantile(static_cast<double>(n - 1), 0.975) * e.summary.sd / std::sqrt(static_cast<double>(n)) <= target);
  CHECK(t_quantile(static_cast<double>(n - 2), 0.975) * e.summary.sd / std::sqrt(static_cast<double>(n - 1)) > target);
  fs::remove_all(dir);
}

TEST_CASE("with gnuplot, every figure is a PNG with its data and script beside it", "[analysis][report][plots]") {
  if (!gnuplot_installed()) {
    WARN("gnuplot is not installed; the PNG checks are skipped");
    return;
  }
  const fs::path dir = scratch("plots");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  const WrittenReport written = write_report(batch, c, {true, ""});
  INFO(slurp(dir / "report" / "report.md"));
  for (const char* name : {"ecdf_on_scene_min", "ecdf_at_hospital_min", "ecdf_surgery_min", "compliance", "deaths", "timeline"}) {
    INFO(name);
    const fs::path png = dir / "report" / "plots" / (std::string(name) + ".png");
    CHECK(fs::exists(png));
    CHECK(is_png(png));
    CHECK(fs::exists(dir / "report" / "plots" / (std::string(name) + ".dat")));
    CHECK(fs::exists(dir / "report" / "plots" / (std::string(name) + ".gp")));
  }
  CHECK(written.plots.images.size() == 6);
  for (const Image& image : written.plots.images) {
    INFO(image.file);
    CHECK(fs::file_size(dir / "report" / image.vector_file) > 0);  // SVG beside every PNG
    CHECK(slurp(dir / "report" / image.vector_file).find("<svg") != std::string::npos);
  }
  const std::string md = slurp(dir / "report" / "report.md");
  CHECK(md.find("![") != std::string::npos);
  CHECK(md.find("(plots/deaths.png)") != std::string::npos);
  const std::string html = slurp(dir / "report" / "report.html");
  CHECK(html.find("src=\"data:image/png;base64,iVBORw0KGgo") != std::string::npos);  // PNG signature in base64
  fs::remove_all(dir);
}

TEST_CASE("without gnuplot the report renders every table and says why plots are absent", "[analysis][report][plots]") {
  const fs::path dir = scratch("nognuplot");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  const WrittenReport written = write_report(batch, c, {true, "/nonexistent/gnuplot"});
  const std::string md = slurp(dir / "report" / "report.md");
  INFO(md);
  CHECK(written.plots.images.empty());
  CHECK(md.find("Plots are absent: cannot run gnuplot '/nonexistent/gnuplot'") != std::string::npos);
  CHECK(md.find("## Headline") != std::string::npos);
  CHECK(md.find("| died of wounds (per run) | gao_baseline |") != std::string::npos);
  CHECK(md.find(".png") == std::string::npos);
  CHECK(fs::exists(dir / "report" / "plots" / "deaths.gp"));  // ready to draw later
  CHECK(fs::exists(dir / "report" / "report.html"));
  fs::remove_all(dir);
}

TEST_CASE("metrics absent from the batch are named and their figures skipped", "[analysis][report]") {
  const fs::path dir = scratch("absent");
  std::vector<SyntheticMetric> guards_only;
  for (const auto& m : synthetic_metrics())
    if (m.name.starts_with("guards.") || m.name.starts_with("threats.")) guards_only.push_back(m);
  write_synthetic_batch(dir, guards_only, false);
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  CHECK(c.key_metrics_absent.size() == 6);
  write_report(batch, c, {true, "/nonexistent/gnuplot"});
  const std::string md = slurp(dir / "report" / "report.md");
  INFO(md);
  CHECK(md.find("**Not in this batch:** `medical.died_of_wounds`") != std::string::npos);
  CHECK(md.find("No deaths chart: results.csv has no `medical.died_of_wounds` column") != std::string::npos);
  CHECK(md.find("No 10-1-2 compliance chart") != std::string::npos);
  CHECK(md.find("No time-to-on scene curve: the batch has no care.csv") != std::string::npos);
  CHECK(md.find("| killed (per run) | gao_baseline |") != std::string::npos);  // still in the headline
  fs::remove_all(dir);
}

TEST_CASE("the same batch gives the same report bytes", "[analysis][report]") {
  const fs::path dir = scratch("determinism");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  CompareOptions options;
  options.resamples = 500;
  write_report(batch, compare(batch, options), {gnuplot_installed(), ""});
  const std::string md = slurp(dir / "report" / "report.md"), html = slurp(dir / "report" / "report.html");
  write_report(batch, compare(batch, options), {gnuplot_installed(), ""});
  CHECK(slurp(dir / "report" / "report.md") == md);
  CHECK(slurp(dir / "report" / "report.html") == html);
  // Only report/ is replaced; the batch's own files stay.
  CHECK(fs::exists(dir / "results.csv"));
  fs::remove_all(dir);
}

TEST_CASE("the representative run is the one closest to the median response", "[analysis][plots]") {
  const fs::path dir = scratch("representative");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  // Reference on-scene times are 20 + r for both wounded casualties of replication r, so the
  // per-run means are 20..39 with median 29.5; replications 9 (29) and 10 (30) tie: the lower wins.
  CHECK(representative_replication(batch, 0, 0) == 9);
  fs::remove_all(dir);
}

TEST_CASE("options that do not fit the batch are errors", "[analysis][report]") {
  const fs::path dir = scratch("options");
  write_synthetic_batch(dir);
  const BatchTable batch = read_batch(dir);
  CompareOptions bad_reference;
  bad_reference.reference = "night_patrols";
  CHECK_THROWS_WITH(compare(batch, bad_reference), Catch::Contains("gao_baseline, pre_authorized_dispatch"));
  CompareOptions bad_pattern;
  bad_pattern.metric_patterns = {"medical.nothing*"};
  CHECK_THROWS_AS(compare(batch, bad_pattern), CompareError);
  CompareOptions medical;
  medical.metric_patterns = {"medical.*"};
  CHECK(compare(batch, medical).metrics.size() == 3);
  CompareOptions other_reference;
  other_reference.reference = "pre_authorized_dispatch";
  const Comparison swapped = compare(batch, other_reference);
  CHECK(swapped.find("medical.died_of_wounds", 0)->policies[0].vs_reference->verdict == Verdict::worse);
  fs::remove_all(dir);
}

namespace {

// A batch of two policies (today, pre_authorized_dispatch), seed 5, 365-day runs, written by hand:
// cells(policy, replication) gives a row's values after its key columns.
fs::path write_hand_batch(const std::string& name, int replications, const std::string& metric_columns,
                          const std::function<std::string(int, int)>& cells) {
  const fs::path dir = scratch(name);
  fs::create_directories(dir);
  std::ofstream(dir / "batch.json") << R"({"scenario": "hand.yaml", "replications": )" << replications
                                    << R"(, "seed": 5, "days": 365, "policies": [{"name": "today"},
    {"name": "pre_authorized_dispatch"}], "design": null, "shard": null})";
  std::ofstream results(dir / "results.csv");
  results << "design_point,policy,replication,seed," << metric_columns << "\n";
  for (int p = 0; p < 2; ++p)
    for (int r = 0; r < replications; ++r)
      results << "0," << (p ? "pre_authorized_dispatch" : "today") << "," << r << ",5," << cells(p, r) << "\n";
  return dir;
}

}  // namespace

TEST_CASE("a hand-made batch with 3 non-zero pairs of 40 is not called better", "[analysis][report][sign]") {
  // Died of wounds: the reference has r mod 3 deaths in replication r; the policy has the same
  // except one fewer in replications 4, 17 and 31. A bootstrap would resample three -1s among 37
  // zeros; the exact sign test on the 3 pairs that differ gives p = 2 (1/2)^3 = 0.25.
  const fs::path dir = write_hand_batch("sparse", 40, "medical.died_of_wounds", [](int p, int r) {
    return std::to_string((r % 3) - (p && (r == 4 || r == 17 || r == 31) ? 1 : 0));
  });
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  const Difference& d = *c.find("medical.died_of_wounds", 0)->policies[1].vs_reference;
  CHECK(d.verdict == Verdict::no_clear_difference);
  CHECK(d.ci.method == IntervalMethod::t);
  CHECK(d.summary.mean == Approx(-0.075));
  REQUIRE(d.sign_test_p);
  CHECK(*d.sign_test_p == Approx(0.25));
  write_report(batch, c, {false, ""});
  const std::string md = slurp(dir / "report" / "report.md");
  INFO(md);
  CHECK(md.find("| no clear difference | 3 of 40 pairs differ (3 lower, 0 higher); exact sign test p = 0.25 | 40 |") !=
        std::string::npos);
  CHECK(md.find("| died of wounds (per year) | none clearly better than today |") != std::string::npos);  // 365-day runs: a year
  fs::remove_all(dir);
}

TEST_CASE("a share's interval stays within 0-100%, a time's above 0, and each says where it was cut", "[analysis][report]") {
  // Surgery within 2 h on 8 runs, each run one case (0 or 1). Reference: 1 of 8 runs on time;
  // policy: 7 of 8, the other way round in every run but one. By hand, t_{0.975, 7} = 2.364624:
  // reference mean 0.125, s = sqrt(8/7 * 0.125 * 0.875) = 0.353553, half-width 0.295578:
  // [-0.170578, 0.420578], below 0% -> [0, 0.420578]. Policy mean 0.875: [0.579422, 1.170578] ->
  // [0.579422, 1]. Differences: seven +1 and one -1, mean 0.75, s = sqrt(0.5), half-width 0.591156:
  // [0.158844, 1.341156] -> [0.158844, 1], past +100 points.
  // The same 0/1 values as minutes (cut at 0 only) and as a column of unknown unit (not cut).
  const fs::path dir = write_hand_batch(
      "share_bounds", 8, "medical.compliance.surgery_2h,medical.dispatch.approval_delay_mean_min,guards.made_up_index",
      [](int p, int r) {
        const std::string on_time = (r == 6) != (p == 1) ? "1" : "0";
        return on_time + "," + on_time + "," + on_time;
      });
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  const MetricResult& surgery = *c.find("medical.compliance.surgery_2h", 0);
  const Estimate& reference = surgery.policies[0].estimate;
  CHECK(reference.ci.method == IntervalMethod::t);
  CHECK(reference.ci.lower == 0.0);
  CHECK(reference.ci.upper == Approx(0.420578).epsilon(1e-5));
  CHECK(reference.method_reason.find("cut at 0%") != std::string::npos);
  CHECK(reference.method_reason.find("cut at 100%") == std::string::npos);
  const Estimate& policy = surgery.policies[1].estimate;
  CHECK(policy.ci.lower == Approx(0.579422).epsilon(1e-5));
  CHECK(policy.ci.upper == 1.0);
  CHECK(policy.method_reason.find("cut at 100%") != std::string::npos);
  const Difference& d = *surgery.policies[1].vs_reference;
  CHECK(d.summary.mean == Approx(0.75));
  CHECK(d.ci.lower == Approx(0.158844).epsilon(1e-5));
  CHECK(d.ci.upper == 1.0);
  CHECK(d.method_reason.find("cut at +100 points") != std::string::npos);

  // Minutes cannot be negative, but have no top; a difference of minutes is not cut at all.
  const MetricResult& delay = *c.find("medical.dispatch.approval_delay_mean_min", 0);
  CHECK(delay.policies[0].estimate.ci.lower == 0.0);
  CHECK(delay.policies[0].estimate.method_reason.find("cut at 0") != std::string::npos);
  CHECK(delay.policies[1].estimate.ci.upper == Approx(1.170578).epsilon(1e-5));
  CHECK(delay.policies[1].vs_reference->ci.upper == Approx(1.341156).epsilon(1e-5));
  // A column the catalogue does not know promises no range: its t interval stays whole.
  const MetricResult& unknown = *c.find("guards.made_up_index", 0);
  CHECK(unknown.policies[0].estimate.ci.lower == Approx(-0.170578).epsilon(1e-5));
  CHECK(unknown.policies[1].estimate.ci.upper == Approx(1.170578).epsilon(1e-5));
  CHECK(unknown.policies[0].estimate.method_reason.find("cut") == std::string::npos);

  write_report(batch, c, {false, ""});
  const std::string md = slurp(dir / "report" / "report.md");
  INFO(md);
  CHECK(md.find("cut at 100%") != std::string::npos);
  CHECK(md.find("100.0]") != std::string::npos);
  CHECK(md.find("117.") == std::string::npos);  // the uncut upper bound, 117.1%, is shown nowhere
  fs::remove_all(dir);
}

}  // namespace unity_analysis_test_report
