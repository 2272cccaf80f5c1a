// The bottom line's sentences on batches whose answer is known by hand: which policy is better or
// worse, by how much (t intervals recomputed here from tables), what is identical, and what n is;
// and the terminal headline within 100 columns whatever the policies are called.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "analysis/bottom_line.hpp"
#include "analysis/comparison.hpp"
#include "analysis/report.hpp"
#include "analysis/terminal_headline.hpp"
#include "synthetic_batch.hpp"

// Its own namespace: compiled in a unity batch with other test files that use the same helper names.
namespace unity_analysis_test_bottom_line {

using namespace campsim::analysis;
using namespace campsim::testing;
namespace fs = std::filesystem;

namespace {

fs::path bottom_line_scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("campsim-bottom-line-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

// A change stated as its size: "0.85 [0.52, 1.18]" from the paired differences (policy -
// reference), t_{0.975, df} from tables (df 17: 2.109816, df 19: 2.093024).
std::string size_by_hand(const std::vector<double>& differences, int decimals) {
  double sum = 0;
  for (double d : differences) sum += d;
  const double n = static_cast<double>(differences.size()), mean = sum / n;
  double ss = 0;
  for (double d : differences) ss += (d - mean) * (d - mean);
  const double t = differences.size() == 18 ? 2.109816 : differences.size() == 20 ? 2.093024 : NAN;
  REQUIRE(std::isfinite(t));
  const double half = t * std::sqrt(ss / (n - 1)) / std::sqrt(n);
  const double size = std::abs(mean);
  return fmt::format("{:.{}f} [{:.{}f}, {:.{}f}]", size, decimals, size - half, decimals, size + half, decimals);
}

std::string joined(const std::vector<std::string>& sentences) {
  std::string text;
  for (const std::string& s : sentences) text += (text.empty() ? "" : " ") + s;
  return text;
}

}  // namespace

TEST_CASE("the bottom line says which policy is better, by how much, and what is identical", "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("better");
  write_synthetic_batch(dir);
  const Comparison c = compare(read_batch(dir), {});
  const std::vector<std::string> sentences = bottom_line(c, 0);
  const std::string text = joined(sentences);
  INFO(text);
  CHECK(sentences.size() >= 2);
  CHECK(sentences.size() <= 5);

  // n: 20 replications of 30 days, paired.
  CHECK(text.find("the same 20 simulated runs of 30 days") != std::string::npos);
  CHECK(text.find("rests on 20 paired runs (fewer for times and shares") != std::string::npos);
  CHECK(text.find("; intervals are 95%.") != std::string::npos);

  // By construction the policy saves kSaved[r] lives in replication r (17 in 20 runs: 0.85 a run),
  // adds 10 points (less 0.1 on average) of first aid within 10 min, and takes 8 + (r mod 4) / 2
  // minutes off the approval delay in the 18 runs where both have one.
  std::vector<double> saved, aid, delay;
  for (int r = 0; r < kReplications; ++r) {
    saved.push_back(-kSaved[static_cast<std::size_t>(r)]);
    aid.push_back(100 * (0.1 + 0.02 * ((r % 3) - 1)));
    if (r != 3 && r != 7) delay.push_back(-8 - 0.5 * (r % 4));
  }
  CHECK(text.find("Clearly better than gao_baseline: pre_authorized_dispatch lowers deaths of wounds by " +
                  size_by_hand(saved, 2) + " per run.") != std::string::npos);
  const auto with_unit = [](std::string size, const std::string& unit) { return size.insert(size.find(' '), " " + unit); };
  // One finding a sentence: each further gain is its own sentence.
  CHECK(text.find("Also clearly better: pre_authorized_dispatch raises the share given first aid within 10 min by " +
                  with_unit(size_by_hand(aid, 1), "percentage points") + ".") != std::string::npos);
  CHECK(text.find("Also clearly better: pre_authorized_dispatch cuts the approval delay by " + with_unit(size_by_hand(delay, 1), "min") +
                  " (") != std::string::npos);
  // The delay is a mean within each run; the sentence says it is not pooled over casualties.
  CHECK(text.find("(each run's mean, averaged over runs; not pooled over casualties)") != std::string::npos);
  // The same attacks: deaths in attacks are identical, said once and without an interval.
  CHECK(text.find("Under pre_authorized_dispatch, deaths in attacks did not change in any run.") != std::string::npos);
  CHECK(text.find("Clearly worse") == std::string::npos);
  // Two missing delays leave 18 pairs: the reason n varies is given, in the sentence on n.
  CHECK(sentences.front().find("as few as 18 of 20") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("the bottom line says what is worse and what the batch cannot tell", "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("worse");
  // Deaths: the policy has one more in odd and one fewer in even replications (mean change 0);
  // the approval delay: 2 minutes longer, 3 in odd replications (mean 2.5).
  write_synthetic_batch(dir,
                        {{"medical.died_of_wounds",
                          [](int p, int r) { return std::optional<double>(2 + r % 3 + (p ? (r % 2 ? 1 : -1) : 0)); }},
                         {"medical.dispatch.approval_delay_mean_min",
                          [](int p, int r) { return std::optional<double>(10.0 + r % 4 + (p ? 2 + r % 2 : 0)); }}},
                        false);
  const Comparison c = compare(read_batch(dir), {});
  const std::string text = joined(bottom_line(c, 0));
  INFO(text);
  std::vector<double> longer;
  for (int r = 0; r < kReplications; ++r) longer.push_back(2 + r % 2);
  std::string size = size_by_hand(longer, 1);
  size.insert(size.find(' '), " min");
  CHECK(text.find("Clearly worse than gao_baseline: pre_authorized_dispatch lengthens the approval delay by " + size) !=
        std::string::npos);
  CHECK(text.find("No detectable change in deaths of wounds over 20 runs under pre_authorized_dispatch.") != std::string::npos);
  CHECK(text.find("Clearly better") == std::string::npos);
  CHECK(text.find("as few as") == std::string::npos);  // no missing values: every comparison has 20 pairs
  fs::remove_all(dir);
}

TEST_CASE("a policy identical to the reference gets the reference's interval, said once", "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("identical");
  // Skewed (a 9 every seventh run, else 0): each policy's own interval would be a bootstrap from
  // a stream keyed by its name, so two identical samples would print two different intervals.
  write_synthetic_batch(dir, {{"medical.died_of_wounds", [](int, int r) { return std::optional<double>(r % 7 == 0 ? 9 : 0); }}},
                        false);
  const BatchTable batch = read_batch(dir);
  const Comparison c = compare(batch, {});
  const MetricResult& r = *c.find("medical.died_of_wounds", 0);
  REQUIRE(r.policies[0].estimate.ci.method == IntervalMethod::bootstrap_bca);
  CHECK(r.policies[1].estimate.ci.lower == r.policies[0].estimate.ci.lower);
  CHECK(r.policies[1].estimate.ci.upper == r.policies[0].estimate.ci.upper);
  const Table headline = headline_table(c, 0);
  REQUIRE(headline.rows.size() == 2);
  CHECK(headline.rows[1][2] == "same as reference");
  CHECK(joined(bottom_line(c, 0)).find("Under pre_authorized_dispatch, deaths of wounds did not change in any run.") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("the terminal headline fits 100 columns, shortening long policy names with a legend", "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("wide");
  fs::create_directories(dir);
  const std::string long_name = "restrained_rules_of_engagement_with_interpreters_at_the_main_gate";
  std::ofstream(dir / "batch.json") << R"({"scenario": "hand.yaml", "replications": 12, "seed": 5, "days": 365,
    "policies": [{"name": "today"}, {"name": ")" << long_name << R"("}], "design": null, "shard": null})";
  {
    std::ofstream results(dir / "results.csv");
    results << "design_point,policy,replication,seed,medical.died_of_wounds,medical.compliance.first_aid_10min\n";
    for (int p = 0; p < 2; ++p)
      for (int r = 0; r < 12; ++r)
        results << "0," << (p ? long_name : "today") << "," << r << ",5," << r % 3 + p * (r % 2) << ","
                << 0.123456 + 0.01 * r + 0.001 * p * r << "\n";
  }
  const Comparison c = compare(read_batch(dir), {});
  const std::string text = terminal_headline(c, 0);
  INFO(text);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= kTerminalWidth);
  CHECK(text.find("~1 = " + long_name) != std::string::npos);
  // Every line of the wrapped bottom line fits too, and no interval is split across lines.
  const std::string wrapped = wrap_text(joined(bottom_line(c, 0)), kTerminalWidth, 2);
  std::istringstream wrapped_lines(wrapped);
  for (std::string line; std::getline(wrapped_lines, line);) {
    CHECK(line.size() <= kTerminalWidth);
    CHECK(std::count(line.begin(), line.end(), '[') == std::count(line.begin(), line.end(), ']'));
  }
  fs::remove_all(dir);
}

TEST_CASE("the bottom line of an infiltration study says who was killed and wounded, without constants",
          "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("threats");
  // The policy (a stood-down QRF, say) adds 3 + (r mod 3) deaths and 6 + (r mod 4) wounded to the
  // reference's 1 + (r mod 2) and 2 + (r mod 3) in every run, and 20 to 22 minutes to contain the
  // intruders; fights stopped at the wire are 0 in every run of both (a constant), shots differ
  // but nobody says which way is better. The sentence gives the dead first, the time last.
  write_synthetic_batch(dir,
                        {{"threats.by_kind.infiltration.mean_minutes_detection_to_contained",
                          [](int p, int r) { return std::optional<double>(15 + r % 5 + (p ? 20 + r % 3 : 0)); }},
                         {"threats.by_kind.infiltration.killed",
                          [](int p, int r) { return std::optional<double>(1 + r % 2 + (p ? 3 + r % 3 : 0)); }},
                         {"threats.by_kind.infiltration.wounded",
                          [](int p, int r) { return std::optional<double>(2 + r % 3 + (p ? 6 + r % 4 : 0)); }},
                         {"threats.fight.shots", [](int p, int r) { return std::optional<double>(100 + r + (p ? 50 : 0)); }},
                         {"threats.fight.stopped_outside", [](int, int) { return std::optional<double>(0); }}},
                        false);
  CompareOptions options;
  options.metric_patterns = {"threats.*"};
  const Comparison c = compare(read_batch(dir), options);
  const std::vector<std::string> headline = headline_metrics(c);
  CHECK(headline == std::vector<std::string>{"threats.by_kind.infiltration.mean_minutes_detection_to_contained",
                                             "threats.by_kind.infiltration.killed", "threats.by_kind.infiltration.wounded"});
  const std::string text = joined(bottom_line(c, 0));
  INFO(text);
  std::vector<double> killed, wounded;
  for (int r = 0; r < kReplications; ++r) {
    killed.push_back(3 + r % 3);
    wounded.push_back(6 + r % 4);
  }
  CHECK(text.find("Clearly worse than gao_baseline: pre_authorized_dispatch raises deaths in infiltrations by " +
                  size_by_hand(killed, 2) + " per run. Also clearly worse: pre_authorized_dispatch raises the wounded in infiltrations by " +
                  size_by_hand(wounded, 2) +
                  " per run. Also clearly worse: pre_authorized_dispatch lengthens the time from detecting infiltrations to containing "
                  "them by ") != std::string::npos);
  CHECK(text.find("not pooled over incidents") != std::string::npos);
  CHECK(text.find("stopped") == std::string::npos);
  CHECK(text.find("Clearly better") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a protest comparison judges the toll: civilians shot is better lower, police hurt worse higher",
          "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("protests");
  // Restrained rules: one to two civilians killed fewer in every run, one to three police hurt more;
  // protests.enabled is 1 everywhere (a constant the headline must not show).
  write_synthetic_batch(dir,
                        {{"protests.enabled", [](int, int) { return std::optional<double>(1); }},
                         {"protests.civilians_killed",
                          [](int p, int r) { return std::optional<double>(3 + r % 2 - (p ? 1 + r % 2 : 0)); }},
                         {"protests.police_hurt", [](int p, int r) { return std::optional<double>(4 + r % 5 + (p ? 1 + r % 3 : 0)); }},
                         {"protests.tear_gas_uses", [](int p, int r) { return std::optional<double>(r % 4 + p); }}},
                        false);
  CompareOptions options;
  options.metric_patterns = {"protests.*"};
  const Comparison c = compare(read_batch(dir), options);
  const std::vector<std::string> headline = headline_metrics(c);
  CHECK(headline == std::vector<std::string>{"protests.civilians_killed", "protests.police_hurt"});
  const Table table = headline_table(c, 0);
  for (const auto& row : table.rows) CHECK(row[0].find("enabled") == std::string::npos);
  const std::string text = joined(bottom_line(c, 0));
  INFO(text);
  std::vector<double> fewer, more;
  for (int r = 0; r < kReplications; ++r) {
    fewer.push_back(-(1 + r % 2));
    more.push_back(1 + r % 3);
  }
  CHECK(text.find("Clearly better than gao_baseline: pre_authorized_dispatch lowers civilians killed in protests by " +
                  size_by_hand(fewer, 2) + " per run.") != std::string::npos);
  CHECK(text.find("Clearly worse than gao_baseline: pre_authorized_dispatch raises police hurt in protests by " +
                  size_by_hand(more, 2) + " per run.") != std::string::npos);
  // With no --metrics, the protests' toll is still in the headline (after any key metric).
  const Comparison all = compare(read_batch(dir), {});
  CHECK(headline_metrics(all) == std::vector<std::string>{"protests.civilians_killed", "protests.police_hurt"});
  fs::remove_all(dir);
}

TEST_CASE("a replay of one protest a run says its toll per protest, never per day", "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("one-protest");
  // One-day runs, each exactly one protest (protests.protests = 1 everywhere): the same civilians
  // killed as above, a duration 30 to 33 min longer under the policy, and lethal force in every
  // reference run and none under the policy.
  const std::vector<SyntheticMetric> replay{
      {"protests.protests", [](int, int) { return std::optional<double>(1); }},
      {"protests.civilians_killed", [](int p, int r) { return std::optional<double>(3 + r % 2 - (p ? 1 + r % 2 : 0)); }},
      {"protests.mean_duration_min", [](int p, int r) { return std::optional<double>(45 + r + (p ? 30 + r % 4 : 0)); }},
      {"protests.with_lethal_force", [](int p, int) { return std::optional<double>(p ? 0 : 1); }}};
  write_synthetic_batch(dir, replay, false, "1");
  CompareOptions options;
  options.metric_patterns = {"protests.*"};
  const Comparison c = compare(read_batch(dir), options);
  CHECK(c.one_protest_each_run);
  // The report's "what was run" line says what a run is, not "of 1 day" or "each scenario's own duration".
  const BatchManifest manifest = read_batch(dir).manifest;
  CHECK(what_was_run(manifest, c.one_protest_each_run).rfind(std::to_string(kReplications) + " replications (one protest each) per policy", 0) == 0);
  CHECK(what_was_run(manifest).find("one protest each") == std::string::npos);
  const std::string text = joined(bottom_line(c, 0));
  INFO(text);
  std::vector<double> fewer;
  for (int r = 0; r < kReplications; ++r) fewer.push_back(-(1 + r % 2));
  // A run is one protest: the runs are counted as protests, here and in the tables.
  CHECK(text.find("the same 20 simulated protests, one a run (common random numbers: protest r brings both the same "
                  "marchers and the same chances), so the comparison with gao_baseline rests on 20 paired protests") !=
        std::string::npos);
  CHECK(headline_table(c, 0).rows.front()[0] == "civilians killed in protests (per protest)");
  CHECK(text.find("lowers civilians killed in protests by " + size_by_hand(fewer, 2) + " per protest") != std::string::npos);
  CHECK(text.find("per day") == std::string::npos);
  // Every pair one fewer: a zero-width interval, said in words.
  CHECK(text.find("lowers protests met with lethal force by 1.00 per protest in every pair") != std::string::npos);
  CHECK(text.find("[1.00, 1.00]") == std::string::npos);
  // A run's mean duration is its one protest's: no note on means over the protests of a run.
  CHECK(text.find("lengthens the protests' duration by ") != std::string::npos);
  CHECK(text.find("not pooled over protests") == std::string::npos);
  // protests.protests is the same in every run of every policy: never a headline metric.
  CHECK(text.find("number of protests") == std::string::npos);
  CHECK(text.find("not pooled over protests") == std::string::npos);
  CHECK(text.find("attacks") == std::string::npos);
  fs::remove_all(dir);

  // A town that marched 0, 1 or 2 times a day: a count per run is per day, and its mean duration a
  // mean over that day's protests.
  const fs::path town = bottom_line_scratch("town");
  std::vector<SyntheticMetric> days = replay;
  days[0].value = [](int, int r) { return std::optional<double>(r % 3); };
  write_synthetic_batch(town, days, false, "1");
  const Comparison d = compare(read_batch(town), options);
  CHECK_FALSE(d.one_protest_each_run);
  const std::string by_day = joined(bottom_line(d, 0));
  INFO(by_day);
  CHECK(by_day.find("lowers civilians killed in protests by " + size_by_hand(fewer, 2) + " per day") != std::string::npos);
  CHECK(by_day.find("not pooled over protests") != std::string::npos);
  CHECK(by_day.find("one a run") == std::string::npos);
  CHECK(headline_table(d, 0).rows.front()[0] == "civilians killed in protests (per day)");
  fs::remove_all(town);
}

TEST_CASE("many clear changes still make at most five sentences: the toll first, the cost next, the rest named",
          "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("many");
  // Restrained rules that change everything: two civilians killed and three wounded fewer, no lethal
  // force, legitimacy 0.2 higher; one or two police hurt more and protests 60 min longer; peacekeepers
  // hurt alike (one in every fourth run under both).
  write_synthetic_batch(dir,
                        {{"protests.civilians_killed", [](int p, int r) { return std::optional<double>(p ? 0 : 2 + r % 2); }},
                         {"protests.civilians_wounded", [](int p, int r) { return std::optional<double>(p ? 0 : 3 + r % 3); }},
                         {"protests.with_lethal_force", [](int p, int) { return std::optional<double>(p ? 0 : 1); }},
                         {"protests.legitimacy_end", [](int p, int r) { return std::optional<double>(0.5 + 0.01 * (r % 3) + (p ? 0.2 : 0)); }},
                         {"protests.police_hurt", [](int p, int r) { return std::optional<double>(1 + r % 2 + (p ? 1 + r % 2 : 0)); }},
                         {"protests.mean_duration_min", [](int p, int r) { return std::optional<double>(45 + r % 5 + (p ? 60 : 0)); }},
                         {"protests.peacekeepers_hurt", [](int, int r) { return std::optional<double>(r % 4 == 0 ? 1 : 0); }}},
                        false);
  CompareOptions options;
  options.metric_patterns = {"protests.*"};
  const Comparison c = compare(read_batch(dir), options);
  const std::vector<std::string> sentences = bottom_line(c, 0);
  const std::string text = joined(sentences);
  INFO(text);
  REQUIRE(sentences.size() == kBottomLineSentences);
  CHECK(sentences[0].find("rests on 20 paired runs; intervals are 95%.") != std::string::npos);
  CHECK(sentences[1].starts_with("Clearly better than gao_baseline: pre_authorized_dispatch lowers civilians killed in protests by "));
  CHECK(sentences[2].starts_with("Clearly worse than gao_baseline: pre_authorized_dispatch raises police hurt in protests by "));
  // The other six changes are named, sizes left to the tables: three gains and one cost.
  CHECK(sentences[3] ==
        "Also clearly better: civilians wounded in protests, protests met with lethal force and the force's legitimacy at the "
        "end; clearly worse: the protests' duration (sizes and policies in the tables).");
  CHECK(sentences[4] == "Under pre_authorized_dispatch, peacekeepers hurt in protests did not change in any run.");
  fs::remove_all(dir);
}

TEST_CASE("long policy names that share their beginning are shortened to what tells them apart", "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("prefix");
  fs::create_directories(dir);
  const std::vector<std::string> names{"replay_2015-01-27_gao_protest_as_it_happened_that_day",
                                       "replay_2015-01-27_gao_protest_restrained_with_interpreters",
                                       "replay_2015-01-27_gao_protest_by_the_book_and_no_more"};
  std::ofstream(dir / "batch.json") << R"({"scenario": "hand.yaml", "replications": 12, "seed": 5, "days": 1,
    "policies": [{"name": ")" << names[0] << R"("}, {"name": ")" << names[1] << R"("}, {"name": ")" << names[2]
                                     << R"("}], "design": null, "shard": null})";
  {
    std::ofstream results(dir / "results.csv");
    results << "design_point,policy,replication,seed,protests.civilians_killed\n";
    for (int p = 0; p < 3; ++p)
      for (int r = 0; r < 12; ++r) results << "0," << names[static_cast<std::size_t>(p)] << "," << r << ",5," << (p ? 0 : 2 + r % 2) << "\n";
  }
  const Comparison c = compare(read_batch(dir), {});
  const std::string text = terminal_headline(c, 0);
  INFO(text);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= kTerminalWidth);
  // Each row starts with the part of its name after the shared "replay_2015-01-27_gao_protest_".
  CHECK(text.find("\n  as_it_happened") != std::string::npos);
  CHECK(text.find("\n  restrained_with") != std::string::npos);
  CHECK(text.find("\n  by_the_book") != std::string::npos);
  CHECK(text.find("\n  replay_2015") == std::string::npos);
  for (const std::string& name : names) CHECK(text.find(" = " + name) != std::string::npos);  // the legend names them in full
  fs::remove_all(dir);
}

TEST_CASE("a policy's label stands for its name in every table and sentence: rows still match by name",
          "[analysis][bottom-line][label]") {
  const fs::path dir = bottom_line_scratch("label");
  fs::create_directories(dir);
  // Results rows carry the names; batch.json gives two of the three policies a label.
  const std::vector<std::string> names{"replay_2015-01-27_gao_protest", "replay_2015-01-27_gao_protest_by_the_book",
                                       "plain_policy"};
  const auto write_manifest = [&](const std::string& label_of_first, const std::string& label_of_second) {
    std::ofstream(dir / "batch.json") << R"({"scenario": "hand.yaml", "replications": 12, "seed": 5, "days": 1,
    "policies": [{"name": ")" << names[0] << R"(", "label": )" << label_of_first << R"(}, {"name": ")" << names[1]
                                      << R"(", "label": )" << label_of_second << R"(}, {"name": ")" << names[2]
                                      << R"("}], "design": null, "shard": null})";
  };
  write_manifest(R"("as it happened")", R"("by the book")");
  {
    std::ofstream results(dir / "results.csv");
    results << "design_point,policy,replication,seed,protests.civilians_killed\n";
    // The reference kills 2 or 3 a day; both others none: clearly lower, 12 of 12 pairs.
    for (int p = 0; p < 3; ++p)
      for (int r = 0; r < 12; ++r) results << "0," << names[static_cast<std::size_t>(p)] << "," << r << ",5," << (p ? 0 : 2 + r % 2) << "\n";
  }
  const Comparison c = compare(read_batch(dir), {});
  REQUIRE(c.labels == std::vector<std::string>{"as it happened", "by the book", "plain_policy"});
  CHECK(c.policies == names);  // identity is untouched
  const std::string headline = terminal_headline(c, 0);
  INFO(headline);
  CHECK(headline.find("\n  as it happened ") != std::string::npos);
  CHECK(headline.find("\n  by the book ") != std::string::npos);
  CHECK(headline.find("\n  plain_policy ") != std::string::npos);
  CHECK(headline.find("replay_2015") == std::string::npos);  // no legend needed: nothing was cut
  const std::string sentences = joined(bottom_line(c, 0));
  INFO(sentences);
  // Labels with spaces are quoted in a sentence; a one-word name is not.
  CHECK(sentences.find("comparison with 'as it happened' rests on 12") != std::string::npos);
  // Both changed it by the same amount in every pair: named together, the size said once.
  CHECK(sentences.find("'by the book' and plain_policy both lower civilians killed") != std::string::npos);
  CHECK(sentences.find("plain_policy") != std::string::npos);
  CHECK(sentences.find("replay_2015") == std::string::npos);

  // What batch.json says is checked: a label that is not text, too long, with a control
  // character, or shown like another policy is refused with the file's name.
  for (const auto& [first, second] : std::vector<std::pair<std::string, std::string>>{
           {"3", R"("b")"},
           {R"("a label far longer than twenty-eight bytes")", R"("b")"},
           {R"("tab\there")", R"("b")"},
           {R"(" padded")", R"("b")"},
           {R"("same")", R"("same")"},
           {R"("plain_policy")", R"("b")"}}) {
    write_manifest(first, second);
    INFO(first << " / " << second);
    CHECK_THROWS_WITH(read_batch(dir), Catch::Contains("batch.json") && Catch::Contains("label"));
  }
  fs::remove_all(dir);
}

TEST_CASE("a change several times its reference keeps the change's digits: 1.95 police hurt, not 1.950",
          "[analysis][bottom-line]") {
  const fs::path dir = bottom_line_scratch("digits");
  // Police hurt: 1 in every fifth run under the reference (mean 0.2, three decimals on its own
  // scale), 1 to 3 more under the policy (mean change 1.95 over 20 runs: two decimals on its own).
  write_synthetic_batch(dir,
                        {{"protests.police_hurt",
                          [](int p, int r) { return std::optional<double>((r % 5 == 0 ? 1 : 0) + (p ? 1 + r % 3 : 0)); }}},
                        false);
  CompareOptions options;
  options.metric_patterns = {"protests.*"};
  const std::string text = joined(bottom_line(compare(read_batch(dir), options), 0));
  INFO(text);
  std::vector<double> more;
  for (int r = 0; r < kReplications; ++r) more.push_back(1 + r % 3);
  CHECK(text.find("raises police hurt in protests by " + size_by_hand(more, 2) + " per run.") != std::string::npos);
  CHECK(text.find(size_by_hand(more, 3)) == std::string::npos);
  fs::remove_all(dir);
}

}  // namespace unity_analysis_test_bottom_line
